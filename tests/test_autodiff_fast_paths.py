"""The engine's shortcuts for speed give what the plain NumPy calls give.

Lecture 22, section 1.3.6: MAML's meta-gradient records a few hundred small
ops, so the engine's own Python cost per op matters (benchmarks/bench_autodiff.py
measures it against torch.func). The forward rules of the shape ops
(``scratchmeta/autodiff/impls.py``) therefore skip NumPy's Python wrappers:
``broadcast_to`` builds its read-only view directly, ``sum_to`` and the VJP of
``transpose`` remember their axes per shape, and ``reshape`` calls the array
method; ``sum_to`` over one run of neighbouring axes is a BLAS product with a
row of ones. Each shortcut must return the same values (up to the order of
the additions, for that product), shapes, dtypes and errors as the call it
replaces, and accept the same arguments (shapes and axes given as lists too).
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.autodiff import core
from hypothesis_inputs import normal


@pytest.mark.parametrize("shape, target", [
    ((3,), (4, 3)), ((1, 3), (5, 2, 3)), ((2, 1), (2, 6)), ((), (2, 2)), ((1,), (1,)),
    ((0,), (3, 0)), ((2, 1, 3), (4, 2, 5, 3)),
])
def test_broadcast_view_equals_numpys_and_is_read_only(shape, target):
    for dtype in (np.float64, np.float32):
        x = np.asarray(normal(shape, 0), dtype=dtype)
        ours, theirs = ad.broadcast_to(x, target), np.broadcast_to(x, target)
        assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
        assert ours.tobytes() == theirs.tobytes()
        assert not ours.flags.writeable
        with pytest.raises(ValueError):
            ours[...] = 0.0


def test_broadcast_of_read_only_and_non_contiguous_arrays():
    x = normal((3, 4), 1)
    x.flags.writeable = False
    np.testing.assert_array_equal(ad.broadcast_to(x, (2, 3, 4)), np.broadcast_to(x, (2, 3, 4)))
    t = normal((4, 3), 2).T                                      # not C-contiguous
    np.testing.assert_array_equal(ad.broadcast_to(t, (2, 3, 4)), np.broadcast_to(t, (2, 3, 4)))


def test_broadcast_to_a_shape_it_does_not_fit_is_still_a_value_error():
    for _ in range(2):                                           # also once the shapes are known
        with pytest.raises(ValueError, match=r"broadcast_to: cannot combine shapes"):
            ad.broadcast_to(np.ones((2, 3)), (3, 3))


def test_shapes_and_axes_may_be_lists():
    x = normal((2, 3), 3)
    np.testing.assert_array_equal(ad.sum_to(x, [1, 3]), x.sum(axis=0, keepdims=True))
    np.testing.assert_array_equal(ad.broadcast_to(x, [4, 2, 3]), np.broadcast_to(x, (4, 2, 3)))
    w = normal((3, 2), 4)
    g = ad.grad(lambda x: ad.sum(ad.transpose(x, [1, 0]) * w))(x)
    np.testing.assert_array_equal(g, w.T)


def summed_by_brute_force(x, target):
    """Each entry of ``target``'s array: the sum of the entries of ``x`` that broadcasting
    an array of shape ``target`` to ``x.shape`` copies it to (sum_to is broadcasting's
    adjoint). Found by broadcasting the entries' flat indices, not by listing axes."""
    size = int(np.prod(target, dtype=int))
    source = np.broadcast_to(np.arange(size).reshape(target), x.shape)    # x[i] copies entry j
    out = np.zeros(size, dtype=x.dtype)
    for i in np.ndindex(x.shape):
        out[source[i]] += x[i]
    return out.reshape(target)


@pytest.mark.parametrize("shape, target", [
    ((4, 2, 3), t) for t in [(2, 3), (1, 3), (2, 1), (1, 1), (4, 1, 3), (4, 2, 1), (3,), (),
                             (1, 2, 3), (1, 1, 1), (4, 2, 3)]
] + [((4, 1, 3), (1, 3)), ((2, 5), (5,)), ((3, 1), (1,)), ((2, 0, 3), (1, 3))])
def test_sum_to_gives_the_sum_over_every_copy_broadcasting_made(shape, target):
    for dtype in (np.float64, np.float32):
        x = np.asarray(normal(shape, 5), dtype=dtype)
        for _ in range(2):                                       # also once the axes are cached
            ours = ad.sum_to(x, target)
            expected = summed_by_brute_force(x, target)
            assert ours.shape == tuple(target) and ours.dtype == dtype
            tol = 1e-12 if dtype == np.float64 else 1e-5
            np.testing.assert_allclose(ours, expected, rtol=tol, atol=tol)


def test_transpose_gradient_undoes_any_permutation_with_negative_axes():
    x, w = normal((2, 3, 4), 6), normal((4, 2, 3), 7)
    for axes in [(2, 0, 1), (-1, 0, -2), (2, 0, 1)]:              # the repeat uses the cache
        g = ad.grad(lambda x: ad.sum(ad.transpose(x, axes) * w))(x)
        np.testing.assert_array_equal(g, np.transpose(w, np.argsort(np.array(axes) % 3)))


def test_reshape_of_numpy_scalars_and_python_numbers():
    for value in (np.float64(2.0), np.float32(2.0), 2.0, [2.0]):
        out = core.reshape(value, (1, 1))
        assert out.shape == (1, 1) and out.dtype == np.asarray(value).dtype
