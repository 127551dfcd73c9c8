"""The two baselines: pretrained then fine-tuned, and from scratch (lecture 22, 1.1, 1.4.4)."""

import numpy as np
import pytest

from conftest import meta_step

from scratchmeta.meta import adapt
from scratchmeta.meta.baselines import Pretrained, Scratch
from scratchmeta.nn import MLP
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, mse


def _linear_sgd_curve(w, b, batch, lr, n_steps):
    """Query MSE of y = w x + b after 0..n_steps full-batch SGD steps, per task, in NumPy."""
    rows = []
    for xs, ys, xq, yq in zip(*(a[..., 0] for a in batch)):
        wi, bi, row = w, b, []
        for step in range(n_steps + 1):
            row.append(np.mean((wi * xq + bi - yq) ** 2))
            r = wi * xs + bi - ys
            wi, bi = wi - lr * 2 * np.mean(r * xs), bi - lr * 2 * np.mean(r)
        rows.append(row)
    return np.array(rows)


def test_pretrained_step_is_adam_on_the_pooled_squared_error():
    model, family = MLP((1, 1)), LinearRegression()
    strategy = Pretrained(model, family, meta_lr=0.05, meta_batch=4, n_support=6)
    params = [np.array([[0.2]]), np.array([-0.3])]
    state = {"params": params, "adam": adam_init(params)}
    new, loss = meta_step(strategy, state, np.random.default_rng(0), 0)
    batch = family.sample(np.random.default_rng(0), 4, 6, 0)     # the same draw
    x, y = batch.x_support[..., 0], batch.y_support[..., 0]
    r = 0.2 * x - 0.3 - y                                         # one head for all tasks
    assert loss == pytest.approx(np.mean(r ** 2), rel=1e-12)
    want, _ = adam_update(params, [np.array([[2 * np.mean(r * x)]]), np.array([2 * np.mean(r)])],
                          adam_init(params), 0.05)
    np.testing.assert_allclose(new["params"][0], want[0], rtol=1e-12)
    np.testing.assert_allclose(new["params"][1], want[1], rtol=1e-12)


def test_pretraining_learns_the_mean_task_of_a_linear_family():
    # One shared head on pooled data: least squares over all tasks, whose
    # minimiser is the mean task (1, 0.5) since x is drawn independently of
    # the task. Deterministic with these seeds. What is left is the jitter of
    # Adam's last steps on fresh tasks: the distance from (1, 0.5) at the end
    # was 0.011 to 0.059 over step seeds 1..20 (0.054 here), against 2.83 at
    # the start; the bound is 0.15.
    model, family = MLP((1, 1)), LinearRegression(mean=(1.0, 0.5))
    strategy = Pretrained(model, family, meta_lr=0.01, meta_batch=25, n_support=10)
    params = [np.array([[-1.0]]), np.array([-1.5])]
    state = {"params": params, "adam": adam_init(params)}
    rng = np.random.default_rng(2)
    for t in range(800):
        state, _ = meta_step(strategy, state, rng, t)
    theta = np.array([state["params"][0][0, 0], state["params"][1][0]])
    assert np.linalg.norm(theta - [1.0, 0.5]) < 0.15


def test_pretrained_adaptation_is_plain_sgd_from_the_pretrained_weights():
    model, family = MLP((1, 1)), LinearRegression()
    strategy = Pretrained(model, family, inner_lr=0.1)
    state = {"params": [np.array([[0.7]]), np.array([0.1])]}
    batch = family.sample(np.random.default_rng(3), 5, 8, 6)
    np.testing.assert_allclose(adapt.curve(strategy, state, batch, 6),
                               _linear_sgd_curve(0.7, 0.1, batch, 0.1, 6), rtol=1e-12)
    assert adapt.predict(strategy, state, batch, 2).shape == (5, 6, 1)


def test_scratch_step_learns_nothing():
    strategy = Scratch(MLP((1, 8, 1)), Sinusoid())
    state = strategy.init_state(np.random.default_rng(4))
    new, loss = meta_step(strategy, state, np.random.default_rng(5), 0)
    assert new is state
    assert np.isfinite(loss) and loss > 0.1


def test_scratch_curve_is_sgd_from_the_seeded_random_init():
    model, family = MLP((1, 1)), LinearRegression()
    strategy = Scratch(model, family, inner_lr=0.2)
    state = strategy.init_state(np.random.default_rng(6))
    w, b = model.init(np.random.default_rng(6))                  # the same seed: same init
    batch = family.sample(np.random.default_rng(7), 4, 10, 5)
    curve = adapt.curve(strategy, state, batch, 8)
    np.testing.assert_allclose(curve, _linear_sgd_curve(w[0, 0], b[0], batch, 0.2, 8),
                               rtol=1e-12)
    assert curve[:, -1].mean() < 0.5 * curve[:, 0].mean()        # it does learn the task


def test_scratch_predictions_after_zero_steps_are_the_random_init():
    model, family = MLP((1, 8, 1)), Sinusoid()
    strategy = Scratch(model, family)
    state = strategy.init_state(np.random.default_rng(8))
    batch = family.sample(np.random.default_rng(9), 3, 10, 4)
    init = model.init(np.random.default_rng(8))
    np.testing.assert_array_equal(adapt.predict(strategy, state, batch, 0),
                                  np.stack([model.apply(init, x) for x in batch.x_query]))
    np.testing.assert_allclose(adapt.curve(strategy, state, batch, 0)[:, 0],
                               mse(adapt.predict(strategy, state, batch, 0), batch.y_query))


def test_diverging_fine_tuning_raises_instead_of_reporting_nan():
    model, family = MLP((1, 20, 1)), Sinusoid()
    strategy = Scratch(model, family, inner_lr=10.0)
    state = strategy.init_state(np.random.default_rng(10))
    batch = family.sample(np.random.default_rng(11), 3, 10, 4)
    with np.errstate(all="ignore"), pytest.raises(FloatingPointError, match="inner_lr 10"):
        adapt.curve(strategy, state, batch, 50)


@pytest.mark.parametrize("cls, kwargs, message", [
    (Pretrained, dict(meta_lr=0.0), "meta_lr"),
    (Pretrained, dict(inner_lr=-1.0), "inner_lr"),
    (Scratch, dict(inner_lr=0.0), "inner_lr"),
    (Scratch, dict(meta_lr=0.1), "nothing is trained across tasks"),
])
def test_bad_learning_rates_are_refused(cls, kwargs, message):
    with pytest.raises(ValueError, match=message):
        cls(MLP((1, 4, 1)), Sinusoid(), **kwargs)
