"""STYLE: no module reaches into another's private names.

A name with a leading underscore is private to the module that defines it; a module whose
name starts with an underscore (``testing/_checks.py``) is private to its own package. This
test reads every module of the package and fails on an import, or an attribute read, of
another module's private name.
"""

import ast
import pathlib

import pytest

import scratchmeta

ROOT = pathlib.Path(scratchmeta.__file__).parent
MODULES = sorted(ROOT.rglob("*.py"))
# Dunder names are Python's own; _replace, _asdict and _fields are namedtuple's public API;
# _implementation is NumPy's documented __array_function__ protocol (NEP 18).
ALLOWED = {"_replace", "_asdict", "_fields", "_make", "_implementation", "_getframe", "_exit"}


def _dotted(module, node):
    """The absolute dotted name imported by an ``ImportFrom`` node of ``module``."""
    if not node.level:
        return node.module or ""
    package = module.relative_to(ROOT.parent).with_suffix("").parts[:-1]
    base = package[:len(package) - node.level + 1]
    return ".".join(base + ((node.module,) if node.module else ()))


def _private(name):
    return name.startswith("_") and not name.startswith("__") and name not in ALLOWED


def violations(module, source=None):
    """Every import or attribute read in ``module`` (a path under the package; its text is
    ``source`` if given) of another module's private name, as 'line N: ...' strings."""
    tree = ast.parse(module.read_text() if source is None else source, str(module))
    package = ".".join(module.relative_to(ROOT.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _dotted(module, node)
            parts = source.split(".")
            for i, part in enumerate(parts):          # a private module outside its package
                if _private(part) and not package.startswith(".".join(parts[:i])):
                    found.append(f"line {node.lineno}: from {source} import ...")
            for alias in node.names:
                if _private(alias.name):
                    found.append(f"line {node.lineno}: from {source} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if any(_private(p) for p in alias.name.split(".")):
                    found.append(f"line {node.lineno}: import {alias.name}")
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_reaches_into_another_modules_private_names(module):
    assert violations(module) == []


def test_the_check_can_fail():
    """Each kind of reach is found: a private name imported, a private module imported from
    another package (a sibling module of its own package may use it), a private attribute."""
    module = ROOT / "figures" / "probe.py"                 # never written: the text is given
    source = ("from scratchmeta.sampling.quadrature import _legendre\n"
              "from scratchmeta.testing._checks import is_real\n"
              "from ..sampling._checks import shown\n"
              "y = other.labels._lookup(1)\n"
              "z = self._own\n")
    assert [line.split(":")[0] for line in violations(module, source)] == [
        "line 1", "line 2", "line 3", "line 4"]
    sibling = ROOT / "testing" / "probe.py"
    assert violations(sibling, "from scratchmeta.testing._checks import is_real\n") == []
