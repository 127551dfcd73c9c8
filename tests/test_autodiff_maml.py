"""A gradient inside the function being differentiated: MAML's meta-gradient.

Lecture 22, section 1.3.6, eq. 22.4 (Finn, Abbeel and Levine 2017). For one
task with a support set (X_s, y_s) and a query set (X_q, y_q), MAML adapts
theta0 by K steps of inner SGD,

    theta_{k+1} = theta_k - inner_lr * grad L_support(theta_k),

and the meta-loss is L_query(theta_K). Its gradient in theta0 differentiates
through the inner gradients. We check it three ways:

* against central differences of the whole meta-loss, entry by entry, on
  whole arrays (a small tanh network with dict parameters);
* against a closed form on linear regression, where with
  L(theta) = ||X theta - y||² / (2n) one inner step is affine,
  theta_1 = M theta0 + c with M = I - inner_lr X_sᵀX_s / n_s, so the meta-loss is
  quadratic in theta0 with gradient Mᵀ X_qᵀ(X_q theta_1 - y_q) / n_q;
* first-order MAML: ``stop_gradient`` on the inner gradient drops M, leaving
  the query gradient at theta_1.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads
from hypothesis_inputs import normal

INNER_LR = 0.1

# --------------------------------------------------------------------------
# Linear regression: the meta-loss is quadratic in theta0
# --------------------------------------------------------------------------

X_SUPPORT, Y_SUPPORT = normal((5, 3), 0), normal((5,), 1)
X_QUERY, Y_QUERY = normal((4, 3), 2), normal((4,), 3)
THETA0 = normal((3,), 4)


def squared_loss(theta, X, y):
    """L(theta) = ||X theta - y||² / (2n), with gradient Xᵀ(X theta - y) / n."""
    residual = X @ theta - y
    return 0.5 * ad.mean(residual * residual)


def adapt(theta0, K=1, first_order=False):
    """K steps of inner SGD on the support set (eq. 22.4)."""
    theta = theta0
    for _ in range(K):
        g = ad.grad(squared_loss)(theta, X_SUPPORT, Y_SUPPORT)
        theta = theta - INNER_LR * (ad.stop_gradient(g) if first_order else g)
    return theta


def meta_loss(theta0, K=1, first_order=False):
    return squared_loss(adapt(theta0, K, first_order), X_QUERY, Y_QUERY)


# The closed forms, in plain NumPy.
M = np.eye(3) - INNER_LR * X_SUPPORT.T @ X_SUPPORT / 5
C = INNER_LR * X_SUPPORT.T @ Y_SUPPORT / 5


def query_gradient(theta):
    return X_QUERY.T @ (X_QUERY @ theta - Y_QUERY) / 4


def test_one_inner_step_reaches_the_affine_closed_form():
    np.testing.assert_allclose(adapt(THETA0), M @ THETA0 + C, rtol=1e-14, atol=1e-14)


def test_meta_gradient_of_one_inner_step_is_M_transpose_times_the_query_gradient():
    theta1 = M @ THETA0 + C
    np.testing.assert_allclose(ad.grad(meta_loss)(THETA0), M.T @ query_gradient(theta1),
                               rtol=1e-13, atol=1e-14)


@pytest.mark.parametrize("K", [2, 3])
def test_meta_gradient_of_K_inner_steps_is_M_to_the_K_transposed_times_the_query_gradient(K):
    # theta_K = M^K theta0 + (M^{K-1} + ... + I) c, so d theta_K / d theta0 = M^K.
    theta = THETA0
    for _ in range(K):
        theta = M @ theta + C
    MK = np.linalg.matrix_power(M, K)
    np.testing.assert_allclose(ad.grad(meta_loss)(THETA0, K), MK.T @ query_gradient(theta),
                               rtol=1e-13, atol=1e-14)


def test_meta_hessian_of_the_quadratic_meta_loss_is_M_transpose_Q_M():
    # d²/dtheta0² L_query(M theta0 + c) = Mᵀ (X_qᵀ X_q / n_q) M: a third nested grad.
    g = ad.grad(meta_loss)
    H = np.stack([ad.grad(lambda t, i=i: g(t)[i])(THETA0) for i in range(3)])
    np.testing.assert_allclose(H, M.T @ (X_QUERY.T @ X_QUERY / 4) @ M, rtol=1e-13, atol=1e-14)


def test_first_order_maml_gradient_is_the_query_gradient_at_the_adapted_parameters():
    # stop_gradient treats the inner gradient as a constant, so d theta_1 / d theta0 = I.
    g = ad.grad(lambda t: meta_loss(t, first_order=True))(THETA0)
    np.testing.assert_allclose(g, query_gradient(M @ THETA0 + C), rtol=1e-13, atol=1e-14)
    # ... and it differs from the full meta-gradient by the factor Mᵀ.
    assert np.max(np.abs(g - ad.grad(meta_loss)(THETA0))) > 1e-2


# --------------------------------------------------------------------------
# A tanh network with dict parameters: against central differences
# --------------------------------------------------------------------------

X_S, Y_S = normal((6, 2), 10), normal((6, 1), 11)
X_Q, Y_Q = normal((5, 2), 12), normal((5, 1), 13)
PARAMS = {"W1": normal((2, 4), 14), "b1": normal((4,), 15),
          "W2": normal((4, 1), 16), "b2": normal((1,), 17)}


def net_loss(p, X, y):
    hidden = ad.tanh(X @ p["W1"] + p["b1"])
    residual = hidden @ p["W2"] + p["b2"] - y
    return ad.mean(residual * residual)


def net_meta_loss(p):
    g = ad.grad(net_loss)(p, X_S, Y_S)                              # inner gradient
    adapted = {k: p[k] - INNER_LR * g[k] for k in p}                # one SGD step
    return net_loss(adapted, X_Q, Y_Q)


def central_differences(f, params, eps=1e-6):
    """d f / d params, one entry at a time: (f(p + eps e_i) - f(p - eps e_i)) / 2 eps."""
    out = {}
    for key, value in params.items():
        g = np.zeros_like(value)
        for i in np.ndindex(value.shape):
            plus, minus = dict(params), dict(params)
            plus[key], minus[key] = value.copy(), value.copy()
            plus[key][i] += eps
            minus[key][i] -= eps
            g[i] = (f(plus) - f(minus)) / (2 * eps)
        out[key] = g
    return out


def test_maml_meta_gradient_matches_central_differences_of_the_meta_loss():
    engine = ad.grad(net_meta_loss)(PARAMS)
    numeric = central_differences(net_meta_loss, PARAMS)
    for key in PARAMS:
        # Central differences err by about eps² f''' + 1e-16 |f| / eps: below 1e-9 here.
        np.testing.assert_allclose(engine[key], numeric[key], rtol=1e-6, atol=1e-8,
                                   err_msg=key)


def test_maml_meta_gradient_passes_check_grads_to_order_2():
    check_grads(net_meta_loss, (PARAMS,), order=2)


def test_maml_meta_gradient_differs_from_the_gradient_without_adaptation():
    # The inner step matters: the meta-gradient is not grad L_query(theta0).
    meta = ad.grad(net_meta_loss)(PARAMS)
    plain = ad.grad(net_loss)(PARAMS, X_Q, Y_Q)
    assert max(np.max(np.abs(meta[k] - plain[k])) for k in PARAMS) > 1e-3


# --------------------------------------------------------------------------
# stop_gradient
# --------------------------------------------------------------------------

def test_gradient_through_stop_gradient_is_zero():
    x = normal((2, 3), 0)
    g = ad.grad(lambda x: ad.sum(ad.exp(ad.stop_gradient(x))))(x)
    np.testing.assert_array_equal(g, np.zeros((2, 3)))


def test_stop_gradient_blocks_one_factor_of_a_product():
    # d/dx sum(x * sg(x)) = sg(x) = x: only the unstopped factor is differentiated.
    x = normal((4,), 1)
    np.testing.assert_array_equal(ad.grad(lambda x: ad.sum(x * ad.stop_gradient(x)))(x), x)


def test_stop_gradient_returns_the_plain_value_under_nested_traces():
    # Inside two grads, stop_gradient hands back the bare NumPy value.
    seen = []

    def inner(y):
        seen.append(ad.stop_gradient(y))
        return ad.sum(y * y)

    ad.grad(lambda x: ad.sum(ad.grad(inner)(x)))(np.array([1.0, 2.0]))
    assert type(seen[0]) is np.ndarray
    np.testing.assert_array_equal(seen[0], [1.0, 2.0])
