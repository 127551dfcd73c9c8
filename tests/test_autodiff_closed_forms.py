"""Higher derivatives against closed forms, and nested gradients kept apart.

Lecture 22, section 1.3.6 (eq. 22.4): MAML's meta-gradient contains the
Hessian of the training loss, reached by differentiating a gradient. These
tests compare grad-of-grad with derivatives worked out by hand:

* tanh, four times: with t = tanh x,
  d1 = 1 - t²,
  d2 = -2t(1 - t²),
  d3 = (1 - t²)(6t² - 2),
  d4 = 8t(1 - t²)(2 - 3t²)
  (each line is the previous one differentiated with dt/dx = 1 - t²; at x = 0
  they give 1, 0, -2, 0, the Taylor coefficients of x - x³/3 times 1!, 2!, 3!, 4!).
* quadratic forms: the Hessian of 0.5 xᵀAx is A for symmetric A, and the
  Hessian of xᵀAx is A + Aᵀ for any A; ``hvp`` is that matrix times v.
* perturbation confusion (Siskind and Pearlmutter 2005): a gradient taken
  inside another must not mistake the outer variable for its own.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import hvp
from hypothesis_inputs import normal

TANH_POINTS = np.array([-2.0, -0.7, 0.0, 0.3, 1.1, 2.5])


def derivative(f):
    """Elementwise derivative of an elementwise f: d/dx sum(f(x)) = f'(x)."""
    return lambda x: ad.grad(lambda x: ad.sum(f(x)))(x)


def tanh_derivatives_closed_form(x):
    t = np.tanh(x)
    s = 1.0 - t ** 2                          # sech² x
    return [s, -2.0 * t * s, s * (6.0 * t ** 2 - 2.0), 8.0 * t * s * (2.0 - 3.0 * t ** 2)]


def test_tanh_closed_forms_match_their_taylor_coefficients_at_zero():
    # tanh x = x - x³/3 + ..., so derivatives 1..4 at 0 are 1, 0, -2, 0.
    np.testing.assert_allclose(tanh_derivatives_closed_form(0.0), [1.0, 0.0, -2.0, 0.0],
                               atol=1e-15)


def test_tanh_closed_forms_match_central_differences_of_the_previous_derivative():
    # Each closed form is the derivative of the one before it (h = 1e-5:
    # error about h² times the next derivative, far below 1e-8).
    h = 1e-5
    forms = lambda x: [np.tanh(x)] + tanh_derivatives_closed_form(x)
    for k in range(4):
        numeric = (forms(TANH_POINTS + h)[k] - forms(TANH_POINTS - h)[k]) / (2 * h)
        np.testing.assert_allclose(numeric, forms(TANH_POINTS)[k + 1], rtol=1e-8, atol=1e-8)


@pytest.mark.parametrize("order", [1, 2, 3, 4])
def test_nested_grad_of_tanh_equals_the_closed_form_derivative(order):
    f = ad.tanh
    for _ in range(order):
        f = derivative(f)
    np.testing.assert_allclose(f(TANH_POINTS), tanh_derivatives_closed_form(TANH_POINTS)[order - 1],
                               rtol=1e-12, atol=1e-12)


def test_fourth_derivative_of_tanh_at_a_scalar_point():
    # Plain scalar in, plain scalar out, four grads deep: x = 0.5, t = tanh 0.5.
    d4 = ad.grad(ad.grad(ad.grad(ad.grad(ad.tanh))))(0.5)
    t = np.tanh(0.5)
    np.testing.assert_allclose(d4, 8 * t * (1 - t ** 2) * (2 - 3 * t ** 2), rtol=1e-12)
    # The same number from mpmath.diff(mpmath.tanh, 0.5, 4) at 30 digits:
    np.testing.assert_allclose(d4, 3.95221956372458305, rtol=1e-13)


# --------------------------------------------------------------------------
# Hessians of quadratic forms, and Hessian-vector products
# --------------------------------------------------------------------------

def full_hessian(f, x):
    """Row i is the gradient of the i-th coordinate of grad f: H[i, j] = d²f / dx_i dx_j."""
    g = ad.grad(f)
    return np.stack([ad.grad(lambda x, i=i: g(x)[i])(x) for i in range(x.size)])


A = normal((4, 4), 0)                 # not symmetric
A_SYM = 0.5 * (A + A.T)
X = normal((4,), 1)
V = normal((4,), 2)


def test_hessian_of_half_xAx_with_symmetric_A_is_A():
    H = full_hessian(lambda x: 0.5 * (x @ (A_SYM @ x)), X)
    np.testing.assert_allclose(H, A_SYM, rtol=1e-14, atol=1e-14)


def test_hessian_of_xAx_is_A_plus_A_transpose():
    H = full_hessian(lambda x: x @ (A @ x), X)
    np.testing.assert_allclose(H, A + A.T, rtol=1e-14, atol=1e-14)


def test_hessian_of_xAx_is_the_same_at_every_point():
    # A quadratic's Hessian is constant: at 0, at X and at 100 X alike.
    for x in [np.zeros(4), X, 100.0 * X]:
        np.testing.assert_allclose(full_hessian(lambda x: x @ (A @ x), x), A + A.T,
                                   rtol=1e-13, atol=1e-12)


def test_hvp_of_a_quadratic_form_is_its_matrix_times_v():
    np.testing.assert_allclose(hvp(lambda x: x @ (A @ x), X, V), (A + A.T) @ V,
                               rtol=1e-14, atol=1e-14)


def test_hvp_equals_full_hessian_times_v_for_a_nonquadratic_function():
    W = normal((3, 4), 3)
    f = lambda x: ad.sum(ad.tanh(W @ x)) + ad.logsumexp(x * x)
    H = full_hessian(f, X)
    np.testing.assert_allclose(H, H.T, rtol=1e-12, atol=1e-12)     # Hessians are symmetric
    np.testing.assert_allclose(hvp(f, X, V), H @ V, rtol=1e-12, atol=1e-12)


def test_hvp_works_on_a_pytree_of_parameters():
    # f(w, b) = sum(tanh(w x + b)): hvp on a dict against the flattened Hessian.
    x = normal((3,), 4)
    params = {"w": normal((2, 3), 5), "b": normal((2,), 6)}
    v = {"w": normal((2, 3), 7), "b": normal((2,), 8)}
    f = lambda p: ad.sum(ad.tanh(p["w"] @ x + p["b"]))
    flat = lambda z: f({"w": z[:6].reshape((2, 3)), "b": z[6:]})
    z = np.concatenate([params["w"].ravel(), params["b"]])
    Hv = full_hessian(flat, z) @ np.concatenate([v["w"].ravel(), v["b"]])
    out = hvp(f, params, v)
    assert set(out) == {"w", "b"}
    np.testing.assert_allclose(out["w"], Hv[:6].reshape((2, 3)), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(out["b"], Hv[6:], rtol=1e-12, atol=1e-12)


# --------------------------------------------------------------------------
# Perturbation confusion: nested gradients stay apart
# --------------------------------------------------------------------------

THETA = np.array([0.5, -1.5, 2.0])


def test_constant_computed_outside_an_inner_grad_stays_constant():
    # y = 2 theta is computed outside h, so d/ds (s * y) = y, not 4 theta.
    y = 2.0 * THETA
    h = lambda s: ad.sum(s * y)
    np.testing.assert_array_equal(ad.grad(h)(THETA), y)


def test_inner_grad_does_not_confuse_the_outer_variable():
    # Inside an outer grad over theta: y = 2 theta, grad(h)(theta) = y, and
    # d/dtheta sum(grad(h)(theta)) = d/dtheta sum(2 theta) = 2 per coordinate.
    # The confused answer (treating y as a function of s) would be 4.
    def outer(theta):
        y = 2.0 * theta
        h = lambda s: ad.sum(s * y)
        inner = ad.grad(h)(theta)
        np.testing.assert_array_equal(ad.stop_gradient(inner), 2.0 * THETA)   # = y
        return ad.sum(inner)

    np.testing.assert_array_equal(ad.grad(outer)(THETA), [2.0, 2.0, 2.0])


def test_x_times_derivative_of_x_plus_y_in_y_is_x():
    # d/dx [x * d/dy (x + y)] = d/dx [x * 1] = 1; a confused engine answers 2.
    f = lambda x: x * ad.grad(lambda y: x + y)(3.0)
    assert ad.grad(f)(1.5) == 1.0
    np.testing.assert_array_equal(f(1.5), 1.5)


def test_inner_grad_sees_outer_variable_as_a_constant_factor():
    # d/dx [d/dy (x * y²)] at y = 2 is d/dx [4x] = 4; and the inner value is 4x.
    inner = lambda x: ad.grad(lambda y: x * y ** 2)(2.0)
    np.testing.assert_array_equal(inner(0.75), 3.0)
    assert ad.grad(inner)(0.75) == 4.0
