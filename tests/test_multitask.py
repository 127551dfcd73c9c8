"""Multi-task "normal SGD" (lecture 22, section 1.3.1, Figure 22.2; 1.4.3-1.4.4)."""

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta.meta.common import ExplodingMetaGradient, unpack
from scratchmeta.meta.multitask import (Multitask, adam_rows, check_finite_step,
                                        closed_form_head, multitask_grad, multitask_loss)
from scratchmeta.nn import MLP, split
from scratchmeta.optim import Adam
from scratchmeta.tasks import LinearRegression, Sinusoid, mse


def _setup(seed=0, n_tasks=3):
    model = MLP((1, 6, 5, 1), activation="tanh")
    rng = np.random.default_rng(seed)
    body, _ = split(model.init(rng))
    heads = [rng.standard_normal((n_tasks, 5, 1)), rng.standard_normal((n_tasks, 1))]
    batch = Sinusoid().sample(rng, n_tasks, 4, 0)
    return model, body, heads, batch.x_support, batch.y_support


def test_body_gradient_is_the_sum_of_the_tasks_contributions():
    model, body, heads, x, y = _setup()
    _, g_body, _ = multitask_grad(body, heads, x, y, model)
    # Independently: each task alone, 2-D data, its own plain head, weight 1/3.
    total = [np.zeros_like(b) for b in body]
    for i in range(3):
        g = ad.grad(lambda b: mse(model.apply(b + [heads[0][i], heads[1][i]], x[i]), y[i]) / 3)(
            body)
        total = [t + gi for t, gi in zip(total, g)]
    for got, want in zip(g_body, total):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-14)
    assert np.abs(total[0]).max() > 1e-3


def test_each_head_gradient_comes_from_its_own_task_only():
    model, body, heads, x, y = _setup()
    _, _, g_heads = multitask_grad(body, heads, x, y, model)
    for i in range(3):
        g = ad.grad(lambda h: mse(model.apply(body + h, x[i]), y[i]) / 3)(
            [heads[0][i], heads[1][i]])
        np.testing.assert_allclose(g_heads[0][i], g[0], rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(g_heads[1][i], g[1], rtol=1e-12, atol=1e-14)
    # Changing task 2's data changes task 2's head gradient, not the others'.
    y2 = y.copy()
    y2[2] += 1.0
    _, _, changed = multitask_grad(body, heads, x, y2, model)
    np.testing.assert_array_equal(changed[0][:2], g_heads[0][:2])
    assert np.abs(changed[0][2] - g_heads[0][2]).max() > 1e-3


def test_multitask_loss_derivatives_match_finite_differences():
    model, body, heads, x, y = _setup(seed=1)
    ad.check_grads(lambda b, h: multitask_loss(b, h, x, y, model), (body, heads), order=2)


def test_closed_form_head_equals_ridge_least_squares():
    rng = np.random.default_rng(2)
    phi, y = rng.standard_normal((3, 7, 4)), rng.standard_normal((3, 7, 2))
    w, b = closed_form_head(phi, y, ridge=0.3)
    assert w.shape == (3, 4, 2) and b.shape == (3, 2)
    for i in range(3):
        # Ridge as ordinary least squares on rows augmented with sqrt(lambda) I.
        phi1 = np.hstack([phi[i], np.ones((7, 1))])
        a = np.vstack([phi1, np.sqrt(0.3) * np.eye(5)])
        coef = np.linalg.lstsq(a, np.vstack([y[i], np.zeros((5, 2))]), rcond=None)[0]
        np.testing.assert_allclose(w[i], coef[:4], rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(b[i], coef[4], rtol=1e-10, atol=1e-12)


def test_closed_form_head_without_ridge_is_the_least_squares_fit():
    rng = np.random.default_rng(3)
    phi, y = rng.standard_normal((2, 9, 3)), rng.standard_normal((2, 9, 1))
    w, b = closed_form_head(phi, y, ridge=0.0)
    for i in range(2):
        coef = np.linalg.lstsq(np.hstack([phi[i], np.ones((9, 1))]), y[i], rcond=None)[0]
        np.testing.assert_allclose(np.vstack([w[i], b[i]]), coef, rtol=1e-10, atol=1e-12)


def test_closed_form_head_refuses_mismatched_shapes_and_negative_ridge():
    with pytest.raises(ValueError, match="tasks, points, width"):
        closed_form_head(np.zeros((2, 5, 3)), np.zeros((2, 4, 1)), ridge=0.1)
    with pytest.raises(ValueError, match="ridge"):
        closed_form_head(np.zeros((2, 5, 3)), np.zeros((2, 5, 1)), ridge=-1.0)


def _trained_state(strategy, seed=4, steps=3):
    state, rng = strategy.init_state(np.random.default_rng(seed)), np.random.default_rng(seed + 1)
    for t in range(steps):
        state, _ = strategy.step(state, rng, t)
    return state


def test_head_init_variants_give_the_documented_heads():
    model, family = MLP((1, 8, 6, 1)), Sinusoid()
    state = _trained_state(Multitask(model, family, n_train_tasks=20, meta_batch=5))
    batch = family.sample(np.random.default_rng(5), 4, 10, 3)

    w, b = Multitask(model, family, head_init="zero").initial_head(state, batch)
    assert w.shape == (4, 6, 1) and b.shape == (4, 1)
    assert not w.any() and not b.any()

    w, b = Multitask(model, family, head_init="random", head_seed=7).initial_head(state, batch)
    rng, bound = np.random.default_rng(7), 1 / np.sqrt(6)
    np.testing.assert_array_equal(w, rng.uniform(-bound, bound, (4, 6, 1)))
    np.testing.assert_array_equal(b, rng.uniform(-bound, bound, (4, 1)))

    w, b = Multitask(model, family, head_init="closed_form", ridge=0.05).initial_head(
        state, batch)
    phi = model.body(unpack("body", state), batch.x_support)
    want_w, want_b = closed_form_head(phi, batch.y_support, 0.05)
    np.testing.assert_array_equal(w, want_w)
    np.testing.assert_array_equal(b, want_b)


@pytest.mark.parametrize("head_init", ["zero", "random", "closed_form"])
def test_zero_fine_tuning_steps_predict_with_the_initial_head(head_init):
    model, family = MLP((1, 8, 6, 1)), Sinusoid()
    strategy = Multitask(model, family, n_train_tasks=20, meta_batch=5, head_init=head_init)
    state = _trained_state(strategy)
    batch = family.sample(np.random.default_rng(6), 4, 10, 3)
    head = strategy.initial_head(state, batch)
    want = model.head(head, model.body(unpack("body", state), batch.x_query))
    np.testing.assert_allclose(strategy.predict(state, batch, 0), want, rtol=1e-12)
    curve = strategy.adaptation_curve(state, batch, 0)
    np.testing.assert_allclose(curve[:, 0], mse(want, batch.y_query), rtol=1e-12)


def test_head_only_steps_come_first_then_the_body_moves():
    model, family = MLP((1, 8, 6, 1)), Sinusoid()
    strategy = Multitask(model, family, n_train_tasks=20, meta_batch=5, head_init="zero",
                         head_steps=3)
    state = _trained_state(strategy)
    batch = family.sample(np.random.default_rng(7), 2, 10, 3)
    thetas = list(strategy._fine_tune(state, batch, 5))
    assert len(thetas) == 6
    body = unpack("body", state)
    for theta in thetas[:4]:                                   # 0..3: body frozen
        for t, p in zip(theta[:-2], body):
            np.testing.assert_array_equal(t, np.broadcast_to(p, t.shape))
    assert np.abs(thetas[3][-2] - thetas[0][-2]).max() > 1e-4  # ... while the head learns
    assert np.abs(thetas[4][0] - thetas[3][0]).max() > 1e-6    # step 4 moves the body
    assert strategy.adaptation_curve(state, batch, 2).shape == (2, 3)   # fewer than head_steps


def test_a_step_changes_only_the_drawn_heads_and_their_moments():
    model, family = MLP((1, 8, 6, 1)), Sinusoid()
    strategy = Multitask(model, family, n_train_tasks=30, meta_batch=4)
    state = strategy.init_state(np.random.default_rng(8))
    new, loss = strategy.step(state, np.random.default_rng(9), 0)
    rows = np.random.default_rng(9).choice(30, 4, replace=False)   # the step's first draw
    drawn = np.zeros(30, bool)
    drawn[rows] = True
    np.testing.assert_array_equal(new["heads_t"], drawn.astype(int))
    for key in ("heads0", "heads1", "heads_m0", "heads_v0"):
        np.testing.assert_array_equal(new[key][~drawn], state[key][~drawn])
        assert np.all(np.abs(new[key][drawn] - state[key][drawn]).max(axis=(1, 2) if
                      new[key].ndim == 3 else 1) > 0)
    assert np.abs(new["body0"] - state["body0"]).max() > 0
    assert np.isfinite(loss)


def test_adam_rows_is_adam_on_the_selected_rows():
    rng = np.random.default_rng(10)
    params = [rng.standard_normal((5, 3, 2)), rng.standard_normal((5, 2))]
    moments = {"m": [np.zeros_like(p) for p in params],
               "v": [np.zeros_like(p) for p in params], "t": np.zeros(5, int)}
    rows = np.array([3, 1])
    opt = Adam(0.05)
    for _ in range(3):                                         # rows drawn together thrice
        grads = [rng.standard_normal((2, 3, 2)), rng.standard_normal((2, 2))]
        want = opt.step([p[rows] for p in params], grads)
        params, moments = adam_rows(params, moments, grads, rows, lr=0.05)
        for p, w in zip(params, want):
            np.testing.assert_allclose(p[rows], w, rtol=1e-13)


def test_each_head_keeps_its_own_adam_step_count():
    params, g = [np.zeros((2, 1))], [np.ones((1, 1))]
    moments = {"m": [np.zeros((2, 1))], "v": [np.zeros((2, 1))], "t": np.array([5, 0])}
    params, _ = adam_rows(params, moments, g, np.array([1]), lr=0.1)
    # Row 1's first step: bias-corrected m/sqrt(v) = 1, whatever row 0's count is.
    np.testing.assert_allclose(params[0], [[0.0], [-0.1]], rtol=1e-7)


def test_a_checkpointed_state_resumes_exactly():
    model, family = MLP((1, 8, 6, 1)), LinearRegression()
    strategy = Multitask(model, family, n_train_tasks=10, meta_batch=3)
    state = _trained_state(strategy, steps=2)
    copy = {k: np.array(v) for k, v in state.items()}           # what np.savez would keep
    a, _ = strategy.step(state, np.random.default_rng(11), 2)
    b, _ = strategy.step(copy, np.random.default_rng(11), 2)
    assert set(a) == set(b)
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])
    assert state["task_params"].shape == (10, 2)                  # the task pool is saved


def test_training_fits_the_pool_of_linear_tasks():
    # Each linear task has its own head, so the training loss can go to the noise.
    model, family = MLP((1, 8, 1)), LinearRegression(noise=0.1)
    strategy = Multitask(model, family, n_train_tasks=20, meta_batch=10, lr=0.01, heads_lr=0.05)
    state, rng = strategy.init_state(np.random.default_rng(12)), np.random.default_rng(13)
    losses = []
    for t in range(300):
        state, loss = strategy.step(state, rng, t)
        losses.append(loss)
    assert np.mean(losses[:10]) > 0.5
    assert np.mean(losses[-20:]) < 0.05


def test_non_finite_training_loss_raises():
    with pytest.raises(ExplodingMetaGradient, match="smaller lr"):
        check_finite_step(float("nan"), [np.ones(2)], step=3, lr=0.1, what="multi-task")
    assert check_finite_step(1.0, [np.array([3.0, 4.0])], step=3, lr=0.1,
                             what="multi-task") == 5.0


@pytest.mark.parametrize("kwargs, message", [
    (dict(head_init="ones"), "head_init"),
    (dict(meta_batch=50, n_train_tasks=10), "meta_batch"),
    (dict(head_steps=-1), "head_steps"),
    (dict(heads_lr=0.0), "heads_lr"),
    (dict(ridge=-0.1), "ridge"),
])
def test_bad_hyperparameters_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Multitask(MLP((1, 4, 1)), Sinusoid(), **kwargs)
