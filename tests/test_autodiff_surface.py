"""The engine's public surface: what other chapters may use, and the import direction.

Lecture 22, section 1.2.2: the engine is Chapter 1, and every later chapter
builds on it through public names only. ``scratchmeta.gradcheck`` (the
finite-difference check) is built on the engine, so it imports the engine and
never the reverse; the engine imports nothing else from the package. Inside
the engine package, the appendix modules build on ``core.py`` through its
public names too, and the imports between its modules form no cycle. The
modules of sections 1.2 and 1.3.6, and every module they import, take engine
names from ``core.py`` and two appendices, ``pytrees.py`` and ``checks.py``
(argument checks), as the package docstring says.
"""

import ast
import pathlib
import re

import numpy as np

import scratchmeta.autodiff as ad
import scratchmeta.gradcheck as gradcheck
from hypothesis_inputs import normal

ENGINE = pathlib.Path(ad.__file__).parent            # scratchmeta/autodiff/
PACKAGE = ENGINE.parent                              # scratchmeta/
ENGINE_FILES = sorted(ENGINE.glob("*.py"))


def imported_modules(path):
    """Every module named by an import statement in a source file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
    return names


def test_the_engine_imports_nothing_from_the_package():
    assert {p.name for p in ENGINE_FILES} >= {"__init__.py", "core.py"}
    for path in ENGINE_FILES:
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not any("scratchmeta" in a.name for a in node.names), path.name
            elif isinstance(node, ast.ImportFrom):
                # only NumPy and the standard library absolutely; siblings relatively (from .core)
                assert node.level == 1 or "scratchmeta" not in (node.module or ""), path.name
                assert node.level <= 1, f"{path.name} reaches outside the engine package"


def engine_imports():
    """{module: {(sibling module, imported name), ...}} for the engine package's modules."""
    found = {}
    for path in ENGINE_FILES:
        found[path.stem] = {(node.module, alias.name)
                            for node in ast.walk(ast.parse(path.read_text()))
                            if isinstance(node, ast.ImportFrom) and node.level == 1
                            for alias in node.names}
    return found


def test_engine_modules_use_only_each_others_public_names():
    for module, imports in engine_imports().items():
        for sibling, name in imports:
            assert not name.startswith("_"), f"{module} imports {sibling}.{name}"
            assert name in getattr(ad, sibling).__all__, f"{module}: {sibling}.{name} not public"
    # and nothing in the rest of the package reaches into the engine's private names
    for path in PACKAGE.rglob("*.py"):
        if ENGINE not in path.parents:
            text = path.read_text()
            assert "ad._" not in text and "autodiff._" not in text, path


def test_engine_modules_import_each_other_without_a_cycle():
    graph = {m: {s for s, _ in imports} for m, imports in engine_imports().items()}
    done, active = set(), []

    def visit(m):
        assert m not in active, f"import cycle: {' -> '.join(active + [m])}"
        if m in done:
            return
        active.append(m)
        for s in graph.get(m, ()):
            visit(s)
        active.pop()
        done.add(m)
    for m in graph:
        visit(m)
    assert "__init__" not in {s for deps in graph.values() for s in deps}


README = PACKAGE.parent / "README.md"
ENGINE_MODULES = {path.stem for path in ENGINE_FILES} - {"__init__"}
READING_PATH_APPENDICES = {"pytrees", "checks"}    # the appendices the package docstring names


def engine_modules_used(source):
    """{engine module: {names}} that a source file takes from ``scratchmeta.autodiff``.

    Follows ``from scratchmeta import autodiff as ad`` (then ``ad.X``),
    ``import scratchmeta.autodiff as ad``, ``from scratchmeta.autodiff import X``
    and ``from scratchmeta.autodiff.<module> import X``. A name of the package
    is assigned to the engine module whose ``__all__`` lists it; a name no
    module lists is reported under ``"?"``.
    """
    tree = ast.parse(source)
    alias = {}                     # local name -> dotted engine path it stands for
    used = []                      # dotted paths below scratchmeta.autodiff
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "scratchmeta.autodiff" or a.name.startswith("scratchmeta.autodiff."):
                    if a.asname:
                        alias[a.asname] = a.name
                    else:                                  # import scratchmeta.autodiff[.x]
                        alias["scratchmeta"] = "scratchmeta"
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for a in node.names:
                full = f"{node.module}.{a.name}"
                if full == "scratchmeta.autodiff" or full.startswith("scratchmeta.autodiff."):
                    alias[a.asname or a.name] = full
                    used.append(full)
    inner = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in inner:    # whole chains only
            parts = []
            base = node
            while isinstance(base, ast.Attribute):
                parts.append(base.attr)
                base = base.value
            if isinstance(base, ast.Name) and base.id in alias:
                used.append(".".join([alias[base.id]] + parts[::-1]))
    found = {}
    for path in used:
        rest = path.split(".")[2:]                 # after "scratchmeta.autodiff"
        if not rest:
            continue
        if rest[0] in ENGINE_MODULES:              # ad.core.X, from scratchmeta.autodiff.core ...
            module, names = rest[0], set(rest[1:2])
        else:
            homes = [m for m in ENGINE_MODULES if rest[0] in getattr(ad, m).__all__]
            module, names = (homes[0] if len(homes) == 1 else "?"), {rest[0]}
        found.setdefault(module, set()).update(names)
    return found


def reading_path_of_sections_1_2_and_1_3_6():
    """The package's modules the README lists for sections 1.2 and 1.3.6, with Figure
    22.5's code, and every module of the package they import, transitively (not the
    engine's own files)."""
    start = set()
    for line in README.read_text().splitlines():
        if line.startswith(("| 1.2 ", "| 1.3.6 ")):
            start |= set(re.findall(r"\]\(scratchmeta/([^)]+\.py)\)", line.split("|")[2]))
    start = {PACKAGE / p for p in start if not p.startswith("autodiff/")}
    assert len(start) >= 5, start
    todo, seen = sorted(start) + [PACKAGE / "figures" / "fig22_5.py"], set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                mods = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            else:
                continue
            for mod in mods:
                parts = mod.split(".")
                if parts[0] != "scratchmeta" or parts[1:2] == ["autodiff"] or len(parts) < 2:
                    continue
                for candidate in (PACKAGE.joinpath(*parts[1:]).with_suffix(".py"),
                                  PACKAGE.joinpath(*parts[1:], "__init__.py")):
                    if candidate.is_file():
                        todo.append(candidate)
    return seen


def test_the_reading_path_reader_sees_every_way_of_naming_an_engine_op():
    # the checker below must be able to fail: each of these uses an appendix
    assert engine_modules_used("from scratchmeta import autodiff as ad\nad.einsum('i', x)") \
        == {"linalg": {"einsum"}}
    assert engine_modules_used("import scratchmeta.autodiff as ad\nad.more_ops.sin(x)") \
        == {"more_ops": {"sin"}}
    assert engine_modules_used("from scratchmeta.autodiff import grad, solve") \
        == {"core": {"grad"}, "linalg": {"solve"}}
    assert engine_modules_used("from scratchmeta.autodiff.derivatives import hessian") \
        == {"derivatives": {"hessian"}}
    assert engine_modules_used("from scratchmeta.autodiff import linalg as la\nla.norm(x)") \
        == {"linalg": {"norm"}}
    assert engine_modules_used("import scratchmeta.autodiff\nscratchmeta.autodiff.tree_map(f, t)") \
        == {"pytrees": {"tree_map"}}
    assert engine_modules_used("from scratchmeta import autodiff as ad\nad.no_such_op(x)") \
        == {"?": {"no_such_op"}}


def test_sections_1_2_and_1_3_6_use_only_core_pytrees_and_checks():
    # The package docstring: the reading path of sections 1.2 and 1.3.6 uses
    # core.py and two appendices besides: pytrees.py (gradcheck's tree_flatten and
    # tree_map, Adam's tree_map) and checks.py (gradcheck's argument checks).
    assert all(f"``{name}.py``" in ad.__doc__ for name in READING_PATH_APPENDICES)
    files = reading_path_of_sections_1_2_and_1_3_6()
    names = {str(p.relative_to(PACKAGE)) for p in files}
    assert {"gradcheck.py", "optim.py", "nn.py", "tasks.py", "meta/maml.py",
            "meta/adapt.py", "figures/fig22_5.py"} <= names, sorted(names)
    modules = {}
    for path in files:
        for module, used in engine_modules_used(path.read_text()).items():
            modules.setdefault(module, set()).update(used)
            assert module in {"core"} | READING_PATH_APPENDICES, \
                (str(path.relative_to(PACKAGE)), module, sorted(used))
    # and the appendices are really used (by gradcheck and optim), as the docstring says
    assert modules.get("pytrees", set()) >= {"tree_flatten", "tree_map"}
    assert "checks" in modules
    assert "core" in modules


def test_numpy_names_in_error_messages_are_engine_ops():
    from scratchmeta.autodiff.numpy_interop import ENGINE_OP
    assert set(ENGINE_OP.values()) <= set(ad.__all__)
    # every op NumPy also has under its own name is named by the message table
    not_the_same = {"trace", "shape"}        # np.trace is a matrix trace; np.shape only reads
    for name in set(ad.__all__) - not_the_same:
        if hasattr(np, name) or hasattr(np.linalg, name):
            assert name in ENGINE_OP, name


def test_gradcheck_uses_only_public_engine_names():
    tree = ast.parse((PACKAGE / "gradcheck.py").read_text())
    used = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            and node.module == "scratchmeta.autodiff" for alias in node.names}
    assert used and used <= set(ad.__all__)


def test_check_grads_and_hvp_live_in_gradcheck_only():
    assert not hasattr(ad, "check_grads") and not hasattr(ad, "hvp")
    assert {"check_grads", "hvp"} <= set(gradcheck.__all__)


def test_every_name_in_all_exists():
    for module in (ad, gradcheck, ad.core, ad.more_ops, ad.linalg, ad.derivatives, ad.pytrees,
                   ad.checks, ad.numpy_interop, ad.impls):
        for name in module.__all__:
            assert hasattr(module, name), f"{module.__name__}.{name}"


def test_public_helpers_have_docstrings():
    for name in ["shape", "matrix_transpose", "tree_flatten", "tree_map", "Primitive",
                 "stop_gradient", "grad", "value_and_grad"]:
        assert getattr(ad, name).__doc__, name


def test_shape_reads_arrays_numbers_and_traced_tensors_alike():
    seen = []
    ad.grad(lambda x: seen.append(ad.shape(x)) or ad.sum(x))(np.zeros((2, 3)))
    assert seen == [(2, 3)]
    assert ad.shape(1.5) == () and ad.shape([[1.0, 2.0]]) == (1, 2)


def test_matrix_transpose_swaps_the_last_two_axes_and_is_differentiable():
    x, w = normal((4, 2, 3), 0), normal((4, 3, 2), 1)
    np.testing.assert_array_equal(ad.matrix_transpose(x), np.swapaxes(x, -1, -2))
    g = ad.grad(lambda x: ad.sum(ad.matrix_transpose(x) * w))(x)
    np.testing.assert_array_equal(g, np.swapaxes(w, -1, -2))


def test_tree_flatten_and_rebuild_round_trip_a_parameter_tree():
    tree = {"layers": [(1.0, 2.0), (3.0, 4.0)], "scale": 5.0}
    leaves, rebuild = ad.tree_flatten(tree)
    assert sorted(leaves) == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert rebuild(leaves) == tree
    assert ad.tree_map(lambda a, b: a + b, tree, tree) == rebuild([2 * v for v in leaves])


def test_a_primitive_defined_outside_the_engine_differentiates_to_second_order():
    cube = ad.Primitive("cube", lambda x: x ** 3,
                        lambda g, ans, x: ad.mul(g, ad.mul(3.0, ad.mul(x, x))))   # 3x^2
    assert ad.grad(cube)(2.0) == 12.0
    assert ad.grad(ad.grad(cube))(2.0) == 12.0                                     # 6x
    gradcheck.check_grads(lambda x: cube(x), (normal((3,), 2),), order=3)
