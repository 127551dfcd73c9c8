"""Adam on parameter trees, and lazy Adam on rows of stacked heads (eq. 22.3's optimizer)."""

import numpy as np

from scratchmeta.optim import adam_init, adam_rows, adam_update


def _adam_by_hand(p, g_list, lr, b1=0.9, b2=0.999, eps=1e-8):
    """Kingma and Ba's Algorithm 1 on one array, step by step."""
    m = v = np.zeros_like(p)
    for t, g in enumerate(g_list, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        p = p - lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
    return p


def test_adam_update_follows_kingma_and_ba_on_a_nested_tree():
    rng = np.random.default_rng(0)
    params = {"body": [rng.standard_normal((3, 2)), rng.standard_normal(2)],
              "log_lam": np.array(0.3)}
    grads = [{"body": [rng.standard_normal((3, 2)), rng.standard_normal(2)],
              "log_lam": np.array(rng.standard_normal())} for _ in range(4)]
    state, p = adam_init(params), params
    for g in grads:
        p, state = adam_update(p, g, state, 0.01)
    assert int(state["t"]) == 4
    np.testing.assert_allclose(p["body"][0], _adam_by_hand(params["body"][0],
                                                           [g["body"][0] for g in grads], 0.01),
                               rtol=1e-14)
    np.testing.assert_allclose(p["log_lam"], _adam_by_hand(params["log_lam"],
                                                           [g["log_lam"] for g in grads], 0.01),
                               rtol=1e-14)
    # the inputs are not changed, and the moments keep the tree's shape
    assert set(state["m"]) == {"body", "log_lam"} and len(state["v"]["body"]) == 2


def test_the_first_adam_step_moves_every_coordinate_by_about_lr():
    p, _ = adam_update([np.zeros(3)], [np.array([1e-3, -5.0, 2.0])], adam_init([np.zeros(3)]), 0.1)
    np.testing.assert_allclose(p[0], [-0.1, 0.1, -0.1], rtol=1e-4)


def test_adam_rows_is_adam_on_the_selected_rows():
    rng = np.random.default_rng(10)
    params = [rng.standard_normal((5, 3, 2)), rng.standard_normal((5, 2))]
    moments = {"m": [np.zeros_like(p) for p in params],
               "v": [np.zeros_like(p) for p in params], "t": np.zeros(5, int)}
    rows = np.array([3, 1])
    plain = adam_init([p[rows] for p in params])
    for _ in range(3):                                         # rows drawn together thrice
        grads = [rng.standard_normal((2, 3, 2)), rng.standard_normal((2, 2))]
        want, plain = adam_update([p[rows] for p in params], grads, plain, 0.05)
        params, moments = adam_rows(params, moments, grads, rows, 0.05)
        for p, w in zip(params, want):
            np.testing.assert_allclose(p[rows], w, rtol=1e-13)


def test_each_head_keeps_its_own_adam_step_count():
    params, g = [np.zeros((2, 1))], [np.ones((1, 1))]
    moments = {"m": [np.zeros((2, 1))], "v": [np.zeros((2, 1))], "t": np.array([5, 0])}
    params, _ = adam_rows(params, moments, g, np.array([1]), 0.1)
    # Row 1's first step: bias-corrected m/sqrt(v) = 1, whatever row 0's count is.
    np.testing.assert_allclose(params[0], [[0.0], [-0.1]], rtol=1e-7)
