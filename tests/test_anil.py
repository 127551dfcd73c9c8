"""ANIL: the head-only inner loop and its meta-gradient (Raghu et al. 2019; section 1.4.3)."""

import numpy as np
import pytest

from conftest import small_problem

from scratchmeta import autodiff as ad
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta import adapt
from scratchmeta.meta.anil import ANIL, anil_meta_grad, anil_meta_loss
from scratchmeta.meta.maml import inner_sgd
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.tasks import Sinusoid, mse


def _maml_with_body_inner_steps_zeroed(params, batch, model, inner_lr, inner_steps):
    """An independent ANIL: MAML's inner loop on the full network, body gradients set to 0."""
    n_tasks = batch.x_support.shape[0]
    head = {len(params) - 2, len(params) - 1}                 # the last layer's W and b
    theta = per_task(params, n_tasks)

    def support_loss(p):
        return ad.sum(mse(model.apply(p, batch.x_support), batch.y_support))

    for _ in range(inner_steps):
        g = ad.grad(support_loss)(theta)
        theta = [p - inner_lr * gp if i in head else p for i, (p, gp) in enumerate(zip(theta, g))]
    return ad.mean(mse(model.apply(theta, batch.x_query), batch.y_query))


@pytest.mark.parametrize("inner_steps", [1, 3])
def test_meta_gradient_matches_finite_differences(inner_steps):
    model, params, batch = small_problem()
    check_grads(lambda p: anil_meta_loss(p, batch, model, inner_lr=0.1,
                                            inner_steps=inner_steps),
                   (params,), order=1, rng=np.random.default_rng(1))


def test_meta_gradient_matches_finite_differences_to_second_order_at_one_step():
    model, params, batch = small_problem()
    check_grads(lambda p: anil_meta_loss(p, batch, model, inner_lr=0.1, inner_steps=1),
                   (params,), order=2, rng=np.random.default_rng(2))


@pytest.mark.parametrize("inner_steps", [1, 3])
def test_meta_gradient_equals_maml_with_the_bodys_inner_gradients_zeroed(inner_steps):
    model, params, batch = small_problem()
    loss, grads = anil_meta_grad(params, batch, model, inner_lr=0.1, inner_steps=inner_steps)
    ref_loss, ref_grads = ad.value_and_grad(_maml_with_body_inner_steps_zeroed)(
        params, batch, model, 0.1, inner_steps)
    assert abs(loss - ref_loss) < 1e-12
    for g, r in zip(grads, ref_grads):
        np.testing.assert_allclose(g, r, rtol=1e-10, atol=1e-12)
    # the meta-gradient reaches the body, not only the head's initialisation
    body_grads = grads[:-2]
    assert all(np.abs(g).max() > 1e-3 for g in body_grads)


def test_first_order_head_gradient_is_the_mean_query_gradient_at_the_adapted_heads():
    model, params, batch = small_problem()
    body, head = split(params)
    _, grads = anil_meta_grad(params, batch, model, inner_lr=0.1, inner_steps=2,
                              first_order=True)
    phi_s, phi_q = model.body(body, batch.x_support), model.body(body, batch.x_query)
    head_k = inner_sgd(per_task(head, 3), phi_s, batch.y_support, model.head,
                       inner_lr=0.1, inner_steps=2)
    per_task_grads = ad.grad(lambda h: ad.mean(mse(model.head(h, phi_q), batch.y_query)))(
        [np.array(h) for h in head_k])
    for g, expected in zip(grads[-2:], per_task_grads):
        np.testing.assert_allclose(g, expected.sum(axis=0).reshape(g.shape), rtol=1e-10,
                                   atol=1e-12)
    # ... and it differs from the second-order one
    _, exact = anil_meta_grad(params, batch, model, inner_lr=0.1, inner_steps=2)
    assert np.abs(exact[-2] - grads[-2]).max() > 1e-4


def test_zero_inner_steps_is_the_plain_query_loss_of_theta0():
    model, params, batch = small_problem()
    direct = np.mean(mse(model.apply(params, batch.x_query), batch.y_query))
    assert abs(anil_meta_loss(params, batch, model, inner_lr=0.1, inner_steps=0) - direct) < 1e-14


def test_test_time_adaptation_moves_only_the_head():
    """adapt.predict (SGD with trainable=head) agrees with the inner loop run on body features."""
    model, family = MLP((1, 40, 40, 1)), Sinusoid()
    strategy = ANIL(model, family, inner_lr=0.05)
    state = strategy.init_state(np.random.default_rng(3))
    params = model.init(np.random.default_rng(3))
    batch = family.sample(np.random.default_rng(4), 5, 10, 6)
    body, head = split(params)
    head_k = inner_sgd(per_task(head, 5), model.body(body, batch.x_support),
                       batch.y_support, model.head, inner_lr=0.05, inner_steps=4)
    expected = model.head(head_k, model.body(body, batch.x_query))
    np.testing.assert_allclose(adapt.predict(strategy, state, batch, 4), expected, rtol=1e-12,
                               atol=1e-12)
    curve = adapt.curve(strategy, state, batch, 4)
    assert curve.shape == (5, 5)
    np.testing.assert_allclose(curve[:, 4], mse(expected, batch.y_query), rtol=1e-12)
    assert model.head_indices == (4, 5)


def test_bad_inner_hyperparameters_are_value_errors():
    with pytest.raises(ValueError, match="inner_steps"):
        ANIL(MLP((1, 8, 1)), Sinusoid(), inner_steps=-1)
    with pytest.raises(ValueError, match="inner_lr"):
        ANIL(MLP((1, 8, 1)), Sinusoid(), inner_lr=-0.1)
