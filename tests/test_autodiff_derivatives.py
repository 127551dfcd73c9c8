"""Derivatives beyond the gradient: ``vjp``, ``jacobian``, ``hessian`` and ``jvp``.

Lecture 22, section 1.3.6: the meta-gradient is a product of Jacobians of
the inner steps (eq. 22.4); these functions expose those Jacobians. Each is
checked against closed forms and against central differences in float64.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads, hvp
from hypothesis_inputs import normal, positive

A = normal((3, 4), 0)


def f_vector(x):
    """R^4 -> R^3: tanh(A x) * sum(x^2), a non-linear map with a dense Jacobian."""
    return ad.tanh(A @ x) * ad.sum(x * x)


def central_jacobian(f, x, eps=1e-6):
    """J[i, j] = (f(x + eps e_j) - f(x - eps e_j))_i / (2 eps), for 1-D x and f(x)."""
    cols = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = eps
        cols.append((f(x + e) - f(x - e)) / (2 * eps))
    return np.stack(cols, axis=-1)


def test_jacobian_matches_central_differences():
    x = normal((4,), 1)
    J = ad.jacobian(f_vector)(x)
    assert J.shape == (3, 4)
    np.testing.assert_allclose(J, central_jacobian(f_vector, x), rtol=1e-7, atol=1e-8)


def test_jacobian_of_a_linear_map_is_its_matrix_and_has_shape_out_plus_in():
    X = normal((2, 4), 2)
    J = ad.jacobian(lambda X: ad.matmul(A, ad.transpose(X)))(X)       # (3, 2) <- (2, 4)
    assert J.shape == (3, 2, 2, 4)
    expected = np.einsum("ik,jl->ijlk", A, np.eye(2))                 # d(A X^T)_ij / dX_lk
    np.testing.assert_array_equal(J, expected)


def test_jacobian_of_a_scalar_function_is_its_gradient():
    x = normal((4,), 3)
    f = lambda x: ad.sum(ad.sin(x) * x)
    np.testing.assert_array_equal(ad.jacobian(f)(x), ad.grad(f)(x))


def test_jacobian_picks_its_argument_and_passes_the_others():
    x, y = normal((4,), 4), normal((3,), 5)
    J = ad.jacobian(lambda y, x: f_vector(x) * y, argnum=1)(y, x)
    np.testing.assert_allclose(J, y[:, None] * ad.jacobian(f_vector)(x), rtol=1e-14)


def test_hessian_of_a_quadratic_is_its_symmetrised_matrix():
    M = normal((4, 4), 6)
    H = ad.hessian(lambda x: x @ (M @ x))(normal((4,), 7))
    np.testing.assert_allclose(H, M + M.T, rtol=1e-14, atol=1e-14)


def test_hessian_matches_hessian_vector_products_and_is_symmetric():
    f = lambda x: ad.sum(ad.tanh(A @ x) ** 2) + ad.prod(x)
    x = normal((4,), 8)
    H = ad.hessian(f)(x)
    np.testing.assert_allclose(H, H.T, rtol=1e-12, atol=1e-13)
    for j in range(4):
        np.testing.assert_allclose(H[:, j], hvp(f, x, np.eye(4)[j]), rtol=1e-12, atol=1e-13)


def test_hessian_of_a_matrix_argument_has_shape_in_plus_in():
    X = normal((2, 3), 9)
    H = ad.hessian(lambda X: ad.sum(X * X * X))(X)
    np.testing.assert_allclose(H, np.diag((6 * X).ravel()).reshape(2, 3, 2, 3), rtol=1e-15)


def test_jvp_is_the_jacobian_times_the_tangent():
    x, v = normal((4,), 10), normal((4,), 11)
    out, Jv = ad.jvp(f_vector, (x,), (v,))
    np.testing.assert_allclose(out, f_vector(x), rtol=1e-15)
    np.testing.assert_allclose(Jv, ad.jacobian(f_vector)(x) @ v, rtol=1e-13, atol=1e-14)
    eps = 1e-6
    np.testing.assert_allclose(Jv, (f_vector(x + eps * v) - f_vector(x - eps * v)) / (2 * eps),
                               rtol=1e-7, atol=1e-8)


def test_jvp_of_several_arguments_sums_their_directional_derivatives():
    a, b = positive((3,), 12), normal((3,), 13)
    da, db = normal((3,), 14), normal((3,), 15)
    _, t = ad.jvp(ad.power, (a, b), (da, db))
    # d(a^b) = b a^(b-1) da + a^b log(a) db
    np.testing.assert_allclose(t, b * a ** (b - 1) * da + a ** b * np.log(a) * db, rtol=1e-13)


def test_jvp_and_vjp_can_be_differentiated_again():
    v = normal((4,), 16)
    check_grads(lambda x: ad.jvp(f_vector, (x,), (v,))[1], (normal((4,), 17),), order=2)
    u = normal((3,), 18)
    check_grads(lambda x: ad.vjp(f_vector, x)[1](u)[0], (normal((4,), 19),), order=2)


def test_vjp_pullback_can_be_called_with_many_cotangents():
    x = normal((4,), 20)
    out, pullback = ad.vjp(f_vector, x)
    np.testing.assert_allclose(out, f_vector(x), rtol=1e-15)
    J = ad.jacobian(f_vector)(x)
    for seed in range(3):
        u = normal((3,), 30 + seed)
        (g,) = pullback(u)
        np.testing.assert_allclose(g, u @ J, rtol=1e-13, atol=1e-14)


def test_vjp_with_a_cotangent_of_the_wrong_shape_names_both_shapes():
    _, pullback = ad.vjp(f_vector, normal((4,), 21))
    with pytest.raises(ValueError, match=r"cotangent u has shape \(4,\), but fun's output has "
                                         r"shape \(3,\)"):
        pullback(np.zeros(4))


def test_jvp_with_a_tangent_of_the_wrong_shape_names_the_argument_and_shapes():
    with pytest.raises(ValueError, match=r"tangent 0 must have the structure and shapes of "
                                         r"primal 0: got shapes \[\(3,\)\] for primal shapes "
                                         r"\[\(4,\)\]"):
        ad.jvp(f_vector, (np.zeros(4),), (np.zeros(3),))


def test_jacobian_of_a_nested_argument_is_refused_with_a_type_error():
    with pytest.raises(TypeError, match=r"jacobian needs argument 0 to be one array"):
        ad.jacobian(lambda p: p[0] * p[1])([np.ones(2), np.ones(2)])


def test_jvp_costs_about_twice_the_ops_of_one_reverse_mode_gradient(monkeypatch):
    # The docstring's cost claim: count every primitive evaluation.
    calls = []
    original = ad.Primitive.__call__
    monkeypatch.setattr(ad.Primitive, "__call__",
                        lambda self, *a, **k: calls.append(self.name) or original(self, *a, **k))
    x, v, u = normal((4,), 40), normal((4,), 41), normal((3,), 42)
    ad.vjp(f_vector, x)[1](u)
    n_vjp = len(calls)
    calls.clear()
    ad.jvp(f_vector, (x,), (v,))
    assert 1.5 * n_vjp <= len(calls) <= 2.5 * n_vjp
