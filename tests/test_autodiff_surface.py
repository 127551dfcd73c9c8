"""The engine's public surface: what other chapters may use, and the import direction.

Lecture 22, section 1.2.2: the engine is Chapter 1, and every later chapter
builds on it through public names only. ``scratchmeta.gradcheck`` (the
finite-difference check) is built on the engine, so it imports the engine and
never the reverse; the engine imports nothing else from the package. Inside
the engine package, the appendix modules build on ``core.py`` through its
public names too, and the imports between its modules form no cycle.
"""

import ast
import pathlib

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


def test_the_lecture_code_needs_only_the_core_module():
    # The reading path of sections 1.2-1.3.6: core.py holds every engine name
    # that the lecture's modules use.
    import re
    for name in ["nn.py", "tasks.py", "meta/maml.py", "meta/adapt.py", "figures/fig22_5.py"]:
        used = set(re.findall(r"\bad\.([A-Za-z_]+)", (PACKAGE / name).read_text()))
        assert used <= set(ad.core.__all__), (name, used - set(ad.core.__all__))


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
