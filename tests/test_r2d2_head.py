"""R2-D2's ridge classifier (section 1.4.3, eq. 22.6 on one-hot targets, learned scale)."""

import numpy as np
import pytest

from scratchmeta.gradcheck import check_grads
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.tasks import cross_entropy


def _task(seed, n_tasks=3, n=6, d=4, c=3):
    rng = np.random.default_rng(seed)
    phi = rng.standard_normal((n_tasks, n, d))
    labels = np.stack([rng.permutation(np.arange(n) % c) for _ in range(n_tasks)])
    return phi, np.eye(c)[labels], rng


def test_r2d2_logits_are_the_scaled_ridge_regression_of_one_hot_targets():
    phi_s, y_s, rng = _task(12, n=6, d=4)
    phi_q = rng.standard_normal((3, 5, 4))
    logits = r2d2_logits(phi_s, y_s, phi_q, 0.5, scale=3.0, offset=np.array([0.1, 0.2, 0.3]))
    for t in range(3):
        x = np.hstack([phi_s[t], np.ones((6, 1))])               # bias column
        w = np.linalg.solve(x.T @ x + 0.5 * np.eye(5), x.T @ y_s[t])  # eq. 22.6
        expected = 3.0 * np.hstack([phi_q[t], np.ones((5, 1))]) @ w + [0.1, 0.2, 0.3]
        np.testing.assert_allclose(logits[t], expected, rtol=1e-12, atol=1e-12)


def test_r2d2_gradients_match_central_differences_to_second_order():
    phi_s, y_s, rng = _task(13, n=5, d=4)
    phi_q = rng.standard_normal((3, 4, 4))
    check_grads(lambda ps, pq, lam, a, b: r2d2_logits(ps, y_s, pq, lam, a, b),
                (phi_s, phi_q, 0.6, 2.0, rng.standard_normal(3)), order=2,
                rng=np.random.default_rng(14))


def test_r2d2_scalar_offset_leaves_the_cross_entropy_unchanged():
    phi_s, y_s, rng = _task(15)
    phi_q, y_q = rng.standard_normal((3, 4, 4)), np.eye(3)[rng.integers(0, 3, (3, 4))]
    plain = cross_entropy(r2d2_logits(phi_s, y_s, phi_q, 1.0, 5.0, 0.0), y_q)
    shifted = cross_entropy(r2d2_logits(phi_s, y_s, phi_q, 1.0, 5.0, 2.5), y_q)
    np.testing.assert_allclose(plain, shifted, rtol=1e-12)


@pytest.mark.parametrize("kwargs, match", [
    ({"phi_query": np.zeros((3, 4, 5))}, "phi_query must have shape"),
    ({"scale": np.ones(2)}, "scale must be a scalar"),
    ({"offset": np.ones(4)}, r"offset must be a scalar or have shape \(3,\)"),
    ({"lam": -1.0}, "lam must be positive"),
])
def test_r2d2_bad_input_is_named(kwargs, match):
    phi_s, y_s, _ = _task(16)
    args = {"phi_support": phi_s, "y_support": y_s, "phi_query": np.zeros((3, 4, 4)),
            "lam": 1.0, **kwargs}
    with pytest.raises(ValueError, match=match):
        r2d2_logits(**args)
