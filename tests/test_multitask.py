"""Multi-task "normal SGD" (lecture 22, section 1.3.1, Figure 22.2; 1.4.3-1.4.4)."""

import numpy as np
import pytest

from conftest import meta_step

from scratchmeta import autodiff as ad
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta import adapt
from scratchmeta.meta.multitask import Multitask, multitask_loss
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.training import flatten, unflatten
from scratchmeta.nn import MLP, split
from scratchmeta.tasks import LinearRegression, Sinusoid, mse


def _setup(seed=0, n_tasks=3):
    model = MLP((1, 6, 5, 1), activation="tanh")
    rng = np.random.default_rng(seed)
    body, _ = split(model.init(rng))
    heads = [rng.standard_normal((n_tasks, 5, 1)), rng.standard_normal((n_tasks, 1))]
    batch = Sinusoid().sample(rng, n_tasks, 4, 0)
    return model, body, heads, batch.x_support, batch.y_support


def multitask_grad(body, heads, x, y, model):
    value, (g_body, g_heads) = ad.value_and_grad(multitask_loss, argnums=(0, 1))(
        body, heads, x, y, model)
    return value, g_body, g_heads


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
    check_grads(lambda b, h: multitask_loss(b, h, x, y, model), (body, heads), order=2)


def _trained_state(strategy, seed=4, steps=3):
    state, rng = strategy.init_state(np.random.default_rng(seed)), np.random.default_rng(seed + 1)
    for t in range(steps):
        state, _ = meta_step(strategy, state, rng, t)
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

    w, b = Multitask(model, family, head_init="closed_form", lam=0.05).initial_head(
        state, batch)
    phi = model.body(state["body"], batch.x_support)
    want_w, want_b = ridge_fit(phi, batch.y_support, 0.05, form="primal")   # eq. 22.6
    np.testing.assert_array_equal(w, want_w)
    np.testing.assert_array_equal(b, want_b)


@pytest.mark.parametrize("head_init", ["zero", "random", "closed_form"])
def test_zero_fine_tuning_steps_predict_with_the_initial_head(head_init):
    model, family = MLP((1, 8, 6, 1)), Sinusoid()
    strategy = Multitask(model, family, n_train_tasks=20, meta_batch=5, head_init=head_init)
    state = _trained_state(strategy)
    batch = family.sample(np.random.default_rng(6), 4, 10, 3)
    head = strategy.initial_head(state, batch)
    want = model.head(head, model.body(state["body"], batch.x_query))
    np.testing.assert_allclose(adapt.predict(strategy, state, batch, 0), want, rtol=1e-12)
    curve = adapt.curve(strategy, state, batch, 0)
    np.testing.assert_allclose(curve[:, 0], mse(want, batch.y_query), rtol=1e-12)


def test_head_only_steps_come_first_then_the_body_moves():
    model, family = MLP((1, 8, 6, 1)), Sinusoid()
    strategy = Multitask(model, family, n_train_tasks=20, meta_batch=5, head_init="zero",
                         head_steps=3)
    state = _trained_state(strategy)
    batch = family.sample(np.random.default_rng(7), 2, 10, 3)
    thetas = adapt.steps(strategy.adaptation(state, batch), 5)
    assert len(thetas) == 6
    body = state["body"]
    for theta in thetas[:4]:                                   # 0..3: body frozen
        for t, p in zip(theta[:-2], body):
            np.testing.assert_array_equal(t, np.broadcast_to(p, t.shape))
    assert np.abs(thetas[3][-2] - thetas[0][-2]).max() > 1e-4  # ... while the head learns
    assert np.abs(thetas[4][0] - thetas[3][0]).max() > 1e-6    # step 4 moves the body
    assert adapt.curve(strategy, state, batch, 2).shape == (2, 3)   # fewer than head_steps


def test_a_step_changes_only_the_drawn_heads_and_their_moments():
    model, family = MLP((1, 8, 6, 1)), Sinusoid()
    strategy = Multitask(model, family, n_train_tasks=30, meta_batch=4)
    state = strategy.init_state(np.random.default_rng(8))
    new, loss = meta_step(strategy, state, np.random.default_rng(9), 0)
    rows = np.random.default_rng(9).choice(30, 4, replace=False)   # the step's first draw
    drawn = np.zeros(30, bool)
    drawn[rows] = True
    np.testing.assert_array_equal(new["heads_adam"]["t"], drawn.astype(int))
    for get in (lambda s: s["heads"][0], lambda s: s["heads"][1],
                lambda s: s["heads_adam"]["m"][0], lambda s: s["heads_adam"]["v"][0]):
        np.testing.assert_array_equal(get(new)[~drawn], get(state)[~drawn])
        assert np.all(np.abs(get(new)[drawn] - get(state)[drawn]).max(
            axis=(1, 2) if get(new).ndim == 3 else 1) > 0)
    assert np.abs(new["body"][0] - state["body"][0]).max() > 0
    assert np.isfinite(loss)


def test_a_checkpointed_state_resumes_exactly():
    model, family = MLP((1, 8, 6, 1)), LinearRegression()
    strategy = Multitask(model, family, n_train_tasks=10, meta_batch=3)
    state = _trained_state(strategy, steps=2)
    copy = unflatten({k: np.array(v) for k, v in flatten(state).items()})  # as np.savez keeps
    a, _ = meta_step(strategy, state, np.random.default_rng(11), 2)
    b, _ = meta_step(strategy, copy, np.random.default_rng(11), 2)
    a, b = flatten(a), flatten(b)
    assert set(a) == set(b)
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])
    assert state["task_params"].shape == (10, 2)                  # the task pool is saved


def test_training_fits_the_pool_of_linear_tasks():
    # Each linear task has its own head, so the training loss can go to the noise.
    model, family = MLP((1, 8, 1)), LinearRegression(noise=0.1)
    strategy = Multitask(model, family, n_train_tasks=20, meta_batch=10, meta_lr=0.01,
                         head_meta_lr=0.05)
    state, rng = strategy.init_state(np.random.default_rng(12)), np.random.default_rng(13)
    losses = []
    for t in range(300):
        state, loss = meta_step(strategy, state, rng, t)
        losses.append(loss)
    assert np.mean(losses[:10]) > 0.5
    assert np.mean(losses[-20:]) < 0.05


@pytest.mark.parametrize("kwargs, message", [
    (dict(head_init="ones"), "head_init"),
    (dict(meta_batch=50, n_train_tasks=10), "meta_batch"),
    (dict(head_steps=-1), "head_steps"),
    (dict(head_meta_lr=0.0), "head_meta_lr"),
    (dict(lam=-0.1), "lam"),
    (dict(inner_steps=2), "no inner loop"),
])
def test_bad_hyperparameters_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Multitask(MLP((1, 4, 1)), Sinusoid(), **kwargs)
