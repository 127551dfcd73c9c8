"""R2-D2 as a strategy (section 1.4.3): a body meta-trained through the ridge classifier."""

import numpy as np
import pytest

from conftest import meta_step

from scratchmeta.gradcheck import check_grads
from scratchmeta.meta import adapt
from scratchmeta.meta.r2d2 import R2D2
from scratchmeta.meta.registry import make_strategy
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid, cross_entropy


def _setup(seed=0):
    family = GaussianClusters(n_way=3, dim=4)
    strategy = R2D2(MLP((4, 6, 5, 3)), family, meta_batch=4, n_support=6, n_query=6)
    state = strategy.init_state(np.random.default_rng(seed))
    batch = family.sample(np.random.default_rng(seed + 1), 4, 6, 6)
    return strategy, state, batch


def test_meta_loss_is_the_query_cross_entropy_of_the_scaled_ridge_fit():
    strategy, state, batch = _setup()
    p = state["params"]
    lam, alpha = np.exp(p["log_lam"]), np.exp(p["log_scale"])
    assert (lam, alpha) == pytest.approx((1.0, 10.0))            # the documented start
    losses = []
    for t in range(4):
        phi = np.hstack([strategy.model.body(p["body"], batch.x_support[t]), np.ones((6, 1))])
        phi_q = np.hstack([strategy.model.body(p["body"], batch.x_query[t]), np.ones((6, 1))])
        w = np.linalg.solve(phi.T @ phi + lam * np.eye(6), phi.T @ batch.y_support[t])
        logits = alpha * phi_q @ w                                               # eq. 22.6
        losses.append(cross_entropy(logits, batch.y_query[t]))
    np.testing.assert_allclose(strategy.meta_loss(p, batch), np.mean(losses), rtol=1e-12)


def test_meta_gradient_in_body_lam_and_scale_matches_central_differences():
    strategy, state, batch = _setup(2)
    p = state["params"]

    def loss(body, log_lam, log_scale):
        return strategy.meta_loss({"body": body, "log_lam": log_lam, "log_scale": log_scale},
                                  batch)
    check_grads(loss, (p["body"], p["log_lam"], p["log_scale"]), order=2,
                rng=np.random.default_rng(3))


def test_adaptation_starts_from_the_scaled_ridge_head_and_then_fine_tunes_the_head_only():
    strategy, state, batch = _setup(4)
    p = state["params"]
    theta0, theta1 = adapt.steps(strategy.adaptation(state, batch), 1)
    body = lambda x: strategy.model.body(p["body"], x)            # noqa: E731
    expected = strategy.query_logits(p, body(batch.x_support), batch.y_support,
                                     body(batch.x_query))
    np.testing.assert_allclose(strategy.model.apply(theta0, batch.x_query), expected,
                               rtol=1e-10, atol=1e-10)
    for a, b in zip(theta0[:-2], theta1[:-2]):                     # the body stays frozen
        np.testing.assert_array_equal(a, b)
    assert not np.allclose(theta0[-2], theta1[-2])


def test_meta_training_raises_held_out_accuracy_of_the_ridge_head():
    """Gaussian clusters in 8-d (spread 1), 5-way 1-shot; 150 Adam steps. Measured with these
    seeds: 0.555 accuracy from the initial body, 0.629 after, on the same 200 tasks (the bound is
    +0.04)."""
    family = GaussianClusters(spread=1.0)
    strategy = make_strategy("r2d2", family, meta_lr=3e-3)
    state = strategy.init_state(np.random.default_rng(0))
    test = family.sample(np.random.default_rng(9), 200, 5, 50)
    before = adapt.curve(strategy, state, test, 0)[:, 0].mean()
    rng = np.random.default_rng(1)
    for i in range(150):
        state, _ = meta_step(strategy, state, rng, i)
    after = adapt.curve(strategy, state, test, 0)[:, 0].mean()
    assert after > before + 0.04, (before, after)


def test_learn_lam_false_keeps_lam():
    strategy, state, batch = _setup(5)
    strategy = R2D2(strategy.model, strategy.family, learn_lam=False, meta_batch=4,
                    n_support=6, n_query=6)
    new, _ = strategy.update(state, batch, np.random.default_rng(0), 0)
    assert new["params"]["log_lam"] == state["params"]["log_lam"]
    assert new["params"]["log_scale"] != state["params"]["log_scale"]


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="must have the cross-entropy loss"):
        R2D2(MLP((1, 8, 1)), Sinusoid())
    with pytest.raises(ValueError, match="needs a body of at least one layer"):
        R2D2(MLP((8, 5)), GaussianClusters())
    with pytest.raises(ValueError, match="scale"):
        R2D2(MLP((8, 6, 5)), GaussianClusters(), scale=-1.0)
    with pytest.raises(ValueError, match="no inner loop to unroll"):
        R2D2(MLP((8, 6, 5)), GaussianClusters(), inner_steps=2)
