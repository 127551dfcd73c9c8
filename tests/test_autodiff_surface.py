"""The engine's public surface: what other chapters may use, and the import direction.

Lecture 22, section 1.2.2: the engine is Chapter 1, and every later chapter
builds on it through public names only. ``scratchmeta.gradcheck`` (the
finite-difference check) is built on the engine, so it imports the engine and
never the reverse; the engine imports nothing else from the package.
"""

import ast
import pathlib

import numpy as np

import scratchmeta.autodiff as ad
import scratchmeta.gradcheck as gradcheck
from hypothesis_inputs import normal

PACKAGE = pathlib.Path(ad.__file__).parent


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
    assert not {m for m in imported_modules(PACKAGE / "autodiff.py") if "scratchmeta" in m}


def test_gradcheck_uses_only_public_engine_names():
    tree = ast.parse((PACKAGE / "gradcheck.py").read_text())
    used = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            and node.module == "scratchmeta.autodiff" for alias in node.names}
    assert used and used <= set(ad.__all__)


def test_check_grads_and_hvp_live_in_gradcheck_only():
    assert not hasattr(ad, "check_grads") and not hasattr(ad, "hvp")
    assert {"check_grads", "hvp"} <= set(gradcheck.__all__)


def test_every_name_in_all_exists():
    for module in (ad, gradcheck):
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
