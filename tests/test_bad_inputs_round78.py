"""Round 78 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-sixteenth and hundred-and-seventeenth batteries (measured blind first at 8ada233).
Each fails at 8ada233 except the guards, which pass at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import hvp
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.tasks import accuracy
from scratchmeta.testing import densities


def _cube_with(vjp):
    return ad.Primitive("cube_by_hand", lambda x: x ** 3, vjp)


def test_a_vjp_returning_a_tuple_is_named():
    cube = _cube_with(lambda g, ans, x: tuple(3.0 * g[i] * x[i] ** 2 for i in range(2)))
    with pytest.raises(TypeError, match=r"^Primitive 'cube_by_hand': vjp_0 .* returned a "
                                        r"tuple .* a list is read as numbers"):
        ad.grad(lambda x: ad.sum(cube(x)))(np.array([1.0, 2.0]))


def test_hvp_through_a_vjp_returning_a_list_is_an_error_not_zeros():
    cube = _cube_with(lambda g, ans, x: [3.0 * g[i] * x[i] ** 2 for i in range(3)])
    with pytest.raises(TypeError, match=r"vjp_0 .* returned a list"):
        hvp(lambda x: ad.sum(cube(x)), np.array([1.0, -1.0, 2.0]), np.ones(3))


def test_a_vjp_of_engine_ops_still_gives_the_second_derivative():
    """The guard: the same rule written with the engine's ops is differentiated twice."""
    cube = _cube_with(lambda g, ans, x: 3.0 * g * x ** 2)
    x = np.array([1.0, -1.0, 2.0])
    np.testing.assert_allclose(hvp(lambda y: ad.sum(cube(y)), x, np.ones(3)), 6.0 * x)


def test_accuracy_refuses_a_tie_in_the_labels():
    logits = np.zeros((1, 3, 4))
    y = np.eye(4)[[0, 1, 2]][None].copy()
    y[0, 2] = [0.0, 0.25, 0.25, 0.5]          # one largest entry: read as class 3
    assert accuracy(logits, y).shape == (1,)
    y[0, 1] = [0.0, 0.0, 0.5, 0.5]
    with pytest.raises(ValueError, match=r"^accuracy: y_onehot must name one true class per "
                                         r"point, but its row \[0, 1\] is \[0\.0, 0\.0, 0\.5, "
                                         r"0\.5\], a tie between classes \[2, 3\]"):
        accuracy(logits, y)


def test_an_empty_array_is_shown_as_empty():
    with pytest.raises(ValueError, match=r"edges must be bin edges: .* got dtype float64 \(an "
                                         r"empty array of shape \(0,\)\)"):
        total_variation(np.zeros(10), np.zeros(0), lambda x: x)


def test_steps_counts_its_edges_and_heights():
    with pytest.raises(ValueError, match=r"got 3 edges \[0\.0, 1\.0, 2\.0\], 3 heights"):
        densities.steps([0.0, 1.0, 2.0], [1.0, 1.0, 1.0])
