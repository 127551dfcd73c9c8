"""Second-order MAML (eq. 22.1-22.4): the package's own meta_loss and MAML strategy.

The meta-gradient is checked against central finite differences on whole arrays,
in float64, to second order, at K = 1 and K = 3 (``check_grads``); first-order
MAML's meta-gradient is the query gradient at theta_K; and the strategy's update
is Adam on that meta-gradient.
"""

import numpy as np
import pytest

from conftest import meta_step, small_problem

from scratchmeta import autodiff as ad
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta.guard import ExplodingMetaGradient
from scratchmeta.meta.maml import FOMAML, MAML, inner_sgd, meta_grad, meta_loss
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import Sinusoid, mse


@pytest.mark.parametrize("inner_steps", [1, 3])
def test_meta_loss_derivatives_match_finite_differences_to_second_order(inner_steps):
    model, params, batch = small_problem()
    check_grads(lambda p: meta_loss(p, batch, model, inner_lr=0.1, inner_steps=inner_steps),
                (params,), order=2, rng=np.random.default_rng(inner_steps))


def test_fomaml_meta_gradient_is_the_query_gradient_at_theta_K():
    model, params, batch = small_problem()
    K, lr = 3, 0.1
    _, grads = meta_grad(params, batch, model, inner_lr=lr, inner_steps=K, first_order=True)
    # theta_K of every task, by plain SGD written out, then the query gradient there.
    theta = [np.array(p) for p in per_task(params, 3)]
    support = ad.grad(lambda p: ad.sum(mse(model.apply(p, batch.x_support), batch.y_support)))
    for _ in range(K):
        theta = [t - lr * g for t, g in zip(theta, support(theta))]
    at_theta_k = ad.grad(lambda p: ad.mean(mse(model.apply(p, batch.x_query), batch.y_query)))(
        theta)
    for g, q, p in zip(grads, at_theta_k, params):
        np.testing.assert_allclose(g, np.sum(q, axis=0).reshape(np.shape(p)), rtol=1e-12,
                                   atol=1e-14)      # summed over the tasks' copies of theta0
    # ... which is not the second-order meta-gradient
    _, exact = meta_grad(params, batch, model, inner_lr=lr, inner_steps=K)
    assert max(np.abs(a - b).max() for a, b in zip(exact, grads)) > 1e-4


def test_zero_inner_steps_is_the_query_loss_of_theta0():
    model, params, batch = small_problem()
    direct = np.mean(mse(model.apply(params, batch.x_query), batch.y_query))
    assert meta_loss(params, batch, model, inner_lr=0.1, inner_steps=0) == pytest.approx(
        direct, rel=1e-14)


def test_the_batched_inner_loop_equals_each_task_alone():
    model, params, batch = small_problem()
    theta_k = inner_sgd(per_task(params, 3), batch.x_support, batch.y_support, model.apply,
                        inner_lr=0.1, inner_steps=2)
    for i in range(3):
        alone = inner_sgd(per_task(params, 1), batch.x_support[i:i + 1],
                          batch.y_support[i:i + 1], model.apply, inner_lr=0.1, inner_steps=2)
        for a, b in zip(theta_k, alone):
            np.testing.assert_allclose(a[i], b[0], rtol=1e-13, atol=1e-15)


def test_an_update_is_adam_on_the_meta_gradient_of_the_batch_it_is_given():
    model, family = MLP((1, 8, 1)), Sinusoid()
    strategy = MAML(model, family, meta_batch=4, meta_lr=0.01)
    state = strategy.init_state(np.random.default_rng(0))
    batch = strategy.sample_batch(np.random.default_rng(1), state)
    assert batch.x_support.shape == (4, 10, 1) and batch.x_query.shape == (4, 10, 1)
    new, loss = strategy.update(state, batch, np.random.default_rng(2), 0)
    want_loss, grads = meta_grad(state["params"], batch, model, inner_lr=0.01, inner_steps=1)
    want, _ = adam_update(state["params"], grads, adam_init(state["params"]), 0.01)
    assert loss == want_loss
    for a, b in zip(new["params"], want):
        np.testing.assert_array_equal(a, b)
    assert int(new["adam"]["t"]) == 1


def test_fomaml_is_maml_with_first_order_and_says_so():
    model, family = MLP((1, 8, 1)), Sinusoid()
    assert FOMAML(model, family).config.first_order and FOMAML(model, family).name == "FOMAML"
    with pytest.raises(ValueError, match="first_order must be True"):
        FOMAML(model, family, first_order=False)


def test_an_exploding_step_stops_with_advice_naming_k_and_inner_lr():
    strategy = MAML(MLP((1, 20, 20, 1)), Sinusoid(), inner_lr=50.0, inner_steps=5)
    state = strategy.init_state(np.random.default_rng(0))
    with np.errstate(all="ignore"), pytest.raises(ExplodingMetaGradient,
                                                  match="K = inner_steps = 5 and inner_lr = 50"):
        meta_step(strategy, state, np.random.default_rng(1), 0)


@pytest.mark.parametrize("hyper, message", [
    (dict(inner_steps=-1), "inner_steps"), (dict(inner_steps=1.5), "inner_steps"),
    (dict(inner_lr=-0.1), "inner_lr"), (dict(meta_lr=0.0), "meta_lr"),
    (dict(meta_batch=0), "meta_batch"), (dict(lam=0.1), "no hyperparameter 'lam'"),
])
def test_bad_hyperparameters_are_refused_before_any_work(hyper, message):
    with pytest.raises((ValueError, TypeError), match=message):
        MAML(MLP((1, 8, 1)), Sinusoid(), **hyper)
