"""Reptile (lecture 22, section 1.4.2, eq. 22.5; Nichol et al. 2018)."""

import numpy as np
import pytest

from conftest import meta_step

from scratchmeta import autodiff as ad
from scratchmeta.meta import adapt
from scratchmeta.meta.guard import ExplodingMetaGradient
from scratchmeta.meta.reptile import Reptile, reptile_direction, reptile_step
from scratchmeta.nn import MLP
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, mse


def _linear_reptile_by_hand(theta0, batch, inner_lr, inner_steps, meta_lr):
    """Reptile for y = w x + b with the MSE's gradient written out in NumPy."""
    w0, b0 = theta0
    finals = []
    for x, y in zip(batch.x_support[..., 0], batch.y_support[..., 0]):
        w, b = w0, b0
        for _ in range(inner_steps):
            r = w * x + b - y                                   # residuals
            w, b = w - inner_lr * 2 * np.mean(r * x), b - inner_lr * 2 * np.mean(r)
        finals.append((w, b))
    finals = np.array(finals)
    return (w0 + meta_lr * np.mean(finals[:, 0] - w0),
            b0 + meta_lr * np.mean(finals[:, 1] - b0))


def test_reptile_step_equals_a_numpy_loop_over_tasks_for_a_linear_model():
    model, family = MLP((1, 1)), LinearRegression()
    batch = family.sample(np.random.default_rng(0), 4, 6, 3)
    params = [np.array([[0.3]]), np.array([-0.2])]
    new = reptile_step(params, batch, model, inner_lr=0.1, inner_steps=7, meta_lr=0.5)
    w, b = _linear_reptile_by_hand((0.3, -0.2), batch, 0.1, 7, 0.5)
    np.testing.assert_allclose(new[0], [[w]], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(new[1], [b], rtol=1e-12, atol=1e-14)
    assert abs(w - 0.3) > 0.05                  # the step really moved theta0


def test_reptile_step_equals_autodiff_on_each_task_separately_for_an_mlp():
    model, family = MLP((1, 8, 8, 1), activation="tanh"), Sinusoid()
    batch = family.sample(np.random.default_rng(1), 3, 5, 2)
    params = model.init(np.random.default_rng(2))
    new = reptile_step(params, batch, model, inner_lr=0.02, inner_steps=4, meta_lr=0.7)

    single = ad.grad(lambda p, x, y: mse(model.apply(p, x), y))   # one task, 2-D data
    finals = []
    for x, y in zip(batch.x_support, batch.y_support):
        theta = [p.copy() for p in params]
        for _ in range(4):
            theta = [t - 0.02 * g for t, g in zip(theta, single(theta, x, y))]
        finals.append(theta)
    for i, p in enumerate(params):
        expected = p + 0.7 * np.mean([f[i] - p for f in finals], axis=0)
        np.testing.assert_allclose(new[i], expected, rtol=1e-12, atol=1e-14)


def test_step_points_from_theta0_toward_the_mean_of_theta_T():
    model, family = MLP((1, 6, 1)), Sinusoid()
    batch = family.sample(np.random.default_rng(3), 5, 10, 2)
    params = model.init(np.random.default_rng(4))
    kw = dict(inner_lr=0.02, inner_steps=10)
    theta_T = [np.stack(t) for t in zip(*[
        reptile_step(params, TaskBatch(*(a[i:i + 1] for a in batch)), model, meta_lr=1.0, **kw)
        for i in range(5)])]                      # meta_lr = 1, one task: exactly theta_T
    mean_move = reptile_direction(params, theta_T)
    new = reptile_step(params, batch, model, meta_lr=0.3, **kw)
    step = [n - p for n, p in zip(new, params)]
    inner = sum(float(np.sum(s * m)) for s, m in zip(step, mean_move))
    squared = sum(float(np.sum(m * m)) for m in mean_move)
    assert squared > 1e-3
    assert inner > 0
    assert inner == pytest.approx(0.3 * squared, rel=1e-10)


def test_one_task_with_meta_lr_one_lands_exactly_on_theta_T():
    model, family = MLP((1, 1)), LinearRegression()
    batch = family.sample(np.random.default_rng(5), 1, 8, 1)
    new = reptile_step([np.array([[1.5]]), np.array([0.1])], batch, model, inner_lr=0.2,
                       inner_steps=12, meta_lr=1.0)
    w, b = _linear_reptile_by_hand((1.5, 0.1), batch, 0.2, 12, 1.0)
    np.testing.assert_allclose([new[0][0, 0], new[1][0]], [w, b], rtol=1e-12)


def test_serial_and_batched_forms_agree_with_one_task_per_batch():
    model, family = MLP((1, 10, 1)), Sinusoid()
    states = []
    for batched in (True, False):
        strategy = Reptile(model, family, inner_lr=0.01, inner_steps=5, meta_lr=0.4,
                           meta_batch=1, batched=batched, n_steps=10)
        state, rng = strategy.init_state(np.random.default_rng(6)), np.random.default_rng(7)
        for t in range(3):
            state, _ = meta_step(strategy, state, rng, t)
        states.append(state)
    for a, b in zip(states[0]["params"], states[1]["params"]):
        np.testing.assert_array_equal(a, b)


def test_serial_form_chains_tasks_and_differs_from_the_batched_mean():
    model, family = MLP((1, 1)), LinearRegression()
    batch = family.sample(np.random.default_rng(8), 2, 6, 1)
    theta0 = [np.array([[0.0]]), np.array([0.0])]
    kw = dict(inner_lr=0.2, inner_steps=5, meta_lr=0.5)
    strategy = Reptile(model, family, batched=False, meta_batch=2, **kw)
    new, _ = strategy.update({"params": theta0}, batch, np.random.default_rng(0), 0)
    serial = new["params"]
    # By hand: task 0 moves theta0, then task 1 starts from there.
    w, b = _linear_reptile_by_hand((0.0, 0.0), TaskBatch(*(a[:1] for a in batch)), 0.2, 5, 0.5)
    w, b = _linear_reptile_by_hand((w, b), TaskBatch(*(a[1:] for a in batch)), 0.2, 5, 0.5)
    np.testing.assert_allclose([serial[0][0, 0], serial[1][0]], [w, b], rtol=1e-12)
    batched = reptile_step(theta0, batch, model, **kw)
    assert abs(batched[0][0, 0] - w) > 1e-3


def test_reptile_moves_theta0_toward_the_mean_task_on_linear_regression():
    # Tasks (a, c) ~ N((1, 0.5), I). For a linear model each task's loss is a
    # quadratic with minimiser near (a, c), and x is drawn independently of
    # the task, so E[theta_T - theta0] = 0 near the mean task (1, 0.5).
    # Deterministic with these seeds (0.047 here). Over step seeds 0..49 the
    # final distance to (1, 0.5) ranged from 0.004 to 0.092, mean 0.040: the
    # task noise that the annealed outer step averages away. The bound 0.15
    # is 0.05 of the starting distance 2.83, so a theta0 that did not move
    # toward the mean task fails.
    model, family = MLP((1, 1)), LinearRegression(mean=(1.0, 0.5), scale=1.0, noise=0.1)
    strategy = Reptile(model, family, inner_lr=0.2, inner_steps=20, meta_lr=0.5,
                       meta_batch=25, n_steps=200)
    state = {"params": [np.array([[-1.0]]), np.array([-1.5])]}
    rng = np.random.default_rng(9)
    for t in range(200):
        state, _ = meta_step(strategy, state, rng, t)
    theta = np.array([state["params"][0][0, 0], state["params"][1][0]])
    assert np.linalg.norm(np.array([-1.0, -1.5]) - [1.0, 0.5]) > 2.8     # where we started
    assert np.linalg.norm(theta - [1.0, 0.5]) < 0.15


def test_outer_step_anneals_linearly_to_zero_over_n_steps():
    strategy = Reptile(MLP((1, 1)), LinearRegression(), meta_lr=0.8, n_steps=100)
    assert strategy.outer_step_size(0) == 0.8
    assert strategy.outer_step_size(25) == pytest.approx(0.6)
    assert strategy.outer_step_size(99) == pytest.approx(0.008)
    with pytest.raises(ValueError, match="n_steps = 100"):
        strategy.outer_step_size(100)
    assert Reptile(MLP((1, 1)), LinearRegression(), meta_lr=0.8).outer_step_size(10 ** 6) == 0.8


def test_default_meta_lr_is_one_batched_and_a_tenth_serial():
    assert Reptile(MLP((1, 1)), Sinusoid()).meta_lr == 1.0
    assert Reptile(MLP((1, 1)), Sinusoid(), batched=False).meta_lr == 0.1
    assert Reptile(MLP((1, 1)), Sinusoid()).config.meta_lr == 1.0      # recorded resolved


def test_reptile_step_records_nothing_on_an_outer_tape():
    # The inner loop must not grow an outer graph: memory stays flat in T.
    model, family = MLP((1, 5, 1)), Sinusoid()
    batch = family.sample(np.random.default_rng(10), 2, 4, 1)
    params = model.init(np.random.default_rng(11))
    out, tape = ad.trace(lambda *p: reptile_step(list(p), batch, model, inner_lr=0.01,
                                                 inner_steps=16, meta_lr=1.0), *params)
    assert tape == []
    assert all(type(o) is np.ndarray for o in out)


def test_diverging_inner_sgd_raises_with_advice():
    strategy = Reptile(MLP((1, 20, 1)), Sinusoid(), inner_lr=5.0, inner_steps=50)
    state = strategy.init_state(np.random.default_rng(12))
    with np.errstate(all="ignore"), pytest.raises(ExplodingMetaGradient, match="inner_lr = 5"):
        meta_step(strategy, state, np.random.default_rng(13), 0)


def test_protocol_shapes_and_the_curve_starts_at_theta0():
    model, family = MLP((1, 8, 1)), Sinusoid()
    strategy = Reptile(model, family, inner_steps=3, meta_batch=4)
    state = strategy.init_state(np.random.default_rng(14))
    state, loss = meta_step(strategy, state, np.random.default_rng(15), 0)
    assert isinstance(loss, float) and np.isfinite(loss)
    batch = family.sample(np.random.default_rng(16), 6, 10, 7)
    curve = adapt.curve(strategy, state, batch, 4)
    assert curve.shape == (6, 5)
    start = mse(model.apply(state["params"], batch.x_query), batch.y_query)
    np.testing.assert_allclose(curve[:, 0], start, rtol=1e-12)
    assert adapt.predict(strategy, state, batch, 4).shape == (6, 7, 1)


def test_same_seed_gives_the_same_state():
    strategy = Reptile(MLP((1, 8, 1)), Sinusoid(), inner_steps=3, meta_batch=3)
    runs = []
    for _ in range(2):
        state, rng = strategy.init_state(np.random.default_rng(17)), np.random.default_rng(18)
        for t in range(2):
            state, _ = meta_step(strategy, state, rng, t)
        runs.append(state)
    for a, b in zip(runs[0]["params"], runs[1]["params"]):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("kwargs, message", [
    (dict(inner_steps=-1), "inner_steps"),
    (dict(meta_lr=0.0), "meta_lr"),
    (dict(n_steps=0), "n_steps"),
    (dict(n_query=0), "n_query"),
])
def test_bad_hyperparameters_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Reptile(MLP((1, 1)), Sinusoid(), **kwargs)
