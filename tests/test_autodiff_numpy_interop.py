"""NumPy called on a Tensor: the operators work, everything else says what to use.

Lecture 22, section 1.2.2: a reader porting NumPy code will write
``np.sin(x)`` inside a function being differentiated. NumPy cannot see the
trace, so that would drop the gradient; the engine refuses it with a
TypeError that names the engine op to use instead. Operators between arrays
and Tensors, and queries that carry no gradient, keep working.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad


def traced(f, x=np.array([0.5, -1.0, 2.0])):
    """Run ``f`` on a traced Tensor and return what it returned."""
    out = []
    ad.grad(lambda t: out.append(f(t)) or ad.sum(t))(x)
    return out[0]


@pytest.mark.parametrize("call, ours", [
    (np.sin, "sin"), (np.exp, "exp"), (np.tanh, "tanh"), (np.abs, "abs"),
    (lambda t: np.maximum(t, 0.0), "maximum"), (np.sum, "sum"), (np.mean, "mean"),
    (np.max, "max"), (lambda t: np.reshape(t, (3, 1)), "reshape"),
    (lambda t: np.concatenate([t, np.ones(2)]), "concatenate"),
    (lambda t: np.where(t > 0, t, 0.0), "where"), (np.linalg.norm, "norm"),
    (lambda t: np.clip(t, 0.0, 1.0), "clip"), (lambda t: np.dot(t, t), "matmul"),
])
def test_numpy_function_on_a_tensor_names_the_engine_op(call, ours):
    with pytest.raises(TypeError, match=rf"was called on a scratchmeta Tensor, but NumPy "
                                        rf"cannot follow its gradient; use ad\.{ours} "):
        traced(call)


def test_numpy_function_without_an_engine_op_says_how_to_write_one():
    with pytest.raises(TypeError, match=r"np\.arctan was called.*the engine has no arctan.*"
                                        r"ad\.Primitive"):
        traced(np.arctan)


def test_asarray_of_a_tensor_points_to_stop_gradient():
    with pytest.raises(TypeError, match=r"would lose its gradient; use ad\.stop_gradient"):
        traced(np.asarray)


def test_in_place_numpy_op_into_an_array_is_refused():
    a = np.zeros(3)
    with pytest.raises(TypeError, match=r"cannot write a Tensor into an array in place"):
        traced(lambda t: np.add(a, t, out=a))


def test_array_operators_with_tensors_are_differentiated():
    a = np.array([1.0, 2.0, 3.0])
    f = lambda x: ad.sum(a + x) + ad.sum(a * x) + ad.sum(a / (x + 4.0)) + a @ x \
        + ad.sum(a ** (x * 0.1)) + ad.sum(np.float64(2.0) * x) + ad.sum(np.subtract(a, x))
    x = np.array([0.5, -1.0, 2.0])
    expected = (1 + a - a / (x + 4.0) ** 2 + a + a ** (x * 0.1) * np.log(a) * 0.1 + 2.0 - 1.0)
    np.testing.assert_allclose(ad.grad(f)(x), expected, rtol=1e-14)


def test_queries_without_a_gradient_read_the_value():
    shape, ndim, size, finite, less = traced(
        lambda t: (np.shape(t), np.ndim(t), np.size(t), np.isfinite(t), np.zeros(3) < t))
    assert (shape, ndim, size) == ((3,), 1, 3)
    np.testing.assert_array_equal(finite, [True, True, True])
    np.testing.assert_array_equal(less, [True, False, True])


def test_a_plain_array_still_goes_through_the_engine_ops_as_numpy():
    x = np.array([0.5, -1.0])
    np.testing.assert_array_equal(ad.sin(x), np.sin(x))
    assert type(ad.sum(x)) is np.float64


def test_float_of_a_traced_tensor_points_to_stop_gradient():
    with pytest.raises(TypeError, match=r"float\(\) of a traced Tensor would lose its gradient; "
                                        r"use float\(ad\.stop_gradient\(x\)\)"):
        ad.grad(lambda x: float(x) * x)(1.0)
    assert ad.grad(lambda x: float(ad.stop_gradient(x)) * x)(3.0) == 3.0
