"""float32 in, float32 out: values, every gradient and higher derivatives keep the dtype.

Lecture 22, section 1.3.6: meta-training (Chapter 5) runs in float32 for
speed, so the engine must not promote float32 to float64 anywhere on the way
(a hidden float64 op would cost the speed and hide in the result). float64
stays the default, and ints and bools are still refused.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads, hvp
from test_autodiff_ops import ORDER_2, SMOOTH_ORDER_3

# Cases whose function holds a float64 constant: NumPy's rules make their
# output float64 (as np.arange(3.0) + x32 is), so they are not float32 cases.
FLOAT64_CONSTANTS = {"operator + with array constant", "operator + reflected",
                     "operator * reflected, NumPy scalar", "prod with one zero in a row",
                     "concatenate with a constant and an input used twice",
                     "operator @ reflected, array @ Tensor"}
CASES = {name: case for name, case in {**ORDER_2, **SMOOTH_ORDER_3}.items()
         if name not in FLOAT64_CONSTANTS}


def float32(args):
    return [np.asarray(a, dtype=np.float32) for a in args]


def second_order(f, n_args, u):
    """x -> d/dx <u, f(x)>, the map whose tape holds a whole backward pass."""
    return lambda *xs: ad.grad(lambda *ys: ad.sum(f(*ys) * u),
                               argnums=tuple(range(n_args)))(*xs)


@pytest.mark.parametrize("f, args", [pytest.param(f, a, id=n) for n, (f, a) in CASES.items()])
def test_every_op_keeps_float32_in_value_gradient_and_backward_pass(f, args):
    args = float32(args)
    value = f(*args)
    assert np.asarray(value).dtype == np.float32
    u = np.ones(np.shape(value), dtype=np.float32)
    grads = second_order(f, len(args), u)(*args)
    assert all(g.dtype == np.float32 for g in grads)
    # Every node of the traced backward pass is float32: nothing ran in float64.
    _, tape = ad.trace(second_order(f, len(args), u), *args)
    assert {str(node.dtype) for node in tape} == {"float32"}


@pytest.mark.parametrize("f, args", [pytest.param(f, a, id=n) for n, (f, a) in
                                     list(CASES.items())[::7]])
def test_float32_gradients_equal_the_float64_ones_to_float32_precision(f, args):
    u = np.random.default_rng(0).standard_normal(np.shape(f(*args)))
    g64 = second_order(f, len(args), u)(*args)
    g32 = second_order(f, len(args), u.astype(np.float32))(*float32(args))
    for a, b in zip(g32, g64):
        np.testing.assert_allclose(a, b, rtol=2e-4, atol=2e-4)


def test_higher_derivatives_of_a_float32_input_are_float32():
    x = np.array([0.3, -1.2], dtype=np.float32)
    f = lambda x: ad.sum(ad.tanh(x) ** 3)
    assert ad.grad(lambda x: ad.sum(ad.grad(f)(x)))(x).dtype == np.float32
    assert ad.hessian(f)(x).dtype == np.float32
    assert hvp(f, x, np.ones(2, dtype=np.float32)).dtype == np.float32
    assert ad.jacobian(ad.sin)(x).dtype == np.float32
    assert ad.jvp(ad.sin, (x,), (np.ones(2, dtype=np.float32),))[1].dtype == np.float32
    np.testing.assert_allclose(ad.hessian(f)(x), ad.hessian(f)(x.astype(np.float64)),
                               rtol=1e-5, atol=1e-6)


def test_value_and_gradients_of_a_float32_network_are_float32():
    rng = np.random.default_rng(1)
    params = [rng.standard_normal((1, 8)).astype(np.float32), np.zeros(8, np.float32),
              rng.standard_normal((8, 1)).astype(np.float32), np.zeros(1, np.float32)]
    x = rng.standard_normal((5, 1)).astype(np.float32)
    y = np.sin(x)

    def loss(p):
        h = ad.relu(x @ p[0] + p[1])
        r = h @ p[2] + p[3] - y
        return ad.mean(r * r)

    value, grads = ad.value_and_grad(loss)(params)
    assert value.dtype == np.float32
    assert [g.dtype for g in grads] == [np.float32] * 4


def test_mixed_float32_and_float64_follows_numpy_and_gradients_keep_their_inputs_dtype():
    x32, w64 = np.ones(3, dtype=np.float32), np.arange(3.0)
    value, (gx, gw) = ad.value_and_grad(lambda x, w: ad.sum(x * w), argnums=(0, 1))(x32, w64)
    assert value.dtype == np.float64                # NumPy promotes float32 * float64
    assert gx.dtype == np.float32 and gw.dtype == np.float64
    np.testing.assert_array_equal(gx, w64.astype(np.float32))


def test_python_floats_float64_and_float16_inputs_compute_in_float64():
    assert ad.grad(lambda x: x * x)(1.5).dtype == np.float64
    assert ad.grad(ad.sum)(np.ones(2)).dtype == np.float64
    assert ad.grad(ad.sum)(np.ones(2, dtype=np.float16)).dtype == np.float64


@pytest.mark.parametrize("x", [np.arange(3), np.array([True]), np.ones(2, dtype=complex)])
def test_integer_boolean_and_complex_inputs_are_still_refused(x):
    with pytest.raises(TypeError, match=r"argument 0 is an? \w+ array"):
        ad.grad(ad.sum)(x)


def test_check_grads_runs_in_float64_even_for_float32_arguments():
    seen = []
    check_grads(lambda x: seen.append(ad.stop_gradient(x).dtype) or ad.sin(x),
                (np.array([0.3, 1.0], dtype=np.float32),), order=2)
    assert set(seen) == {np.dtype(np.float64)}
