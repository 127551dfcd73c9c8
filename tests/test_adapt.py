"""Test-time adaptation, written once (eq. 22.4 at test time): the SGD path theta_0, theta_1, ..."""

import numpy as np
import pytest

from conftest import small_problem

from scratchmeta import autodiff as ad
from scratchmeta.meta import adapt
from scratchmeta.meta.maml import MAML
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import LinearRegression, mse


def test_the_path_is_plain_sgd_on_each_tasks_support_loss():
    model, params, batch = small_problem()
    thetas = adapt.steps(adapt.from_theta0(params, batch, model, inner_lr=0.1, loss=mse), 3)
    assert len(thetas) == 4
    support = ad.grad(lambda p: ad.sum(mse(model.apply(p, batch.x_support), batch.y_support)))
    theta = [np.array(p) for p in per_task(params, 3)]
    for k in range(4):
        for a, b in zip(thetas[k], theta):
            np.testing.assert_allclose(a, b, rtol=1e-14, atol=1e-15)
        theta = [t - 0.1 * g for t, g in zip(theta, support(theta))]


def test_only_the_trainable_parameters_move():
    model, params, batch = small_problem()
    head = model.head_indices
    thetas = adapt.steps(adapt.from_theta0(params, batch, model, inner_lr=0.1, loss=mse,
                                           trainable=head), 2)
    for i, (a, b) in enumerate(zip(thetas[2], thetas[0])):
        assert (np.abs(a - b).max() > 1e-6) == (i in head)


def test_curve_and_predict_read_the_query_set_along_the_path():
    model, family = MLP((1, 1)), LinearRegression()
    strategy = MAML(model, family, inner_lr=0.2)
    state = {"params": [np.array([[0.5]]), np.array([0.0])]}
    batch = family.sample(np.random.default_rng(0), 4, 8, 6)
    curve = adapt.curve(strategy, state, batch, 3)
    assert curve.shape == (4, 4)
    for k in range(4):
        np.testing.assert_allclose(curve[:, k], mse(adapt.predict(strategy, state, batch, k),
                                                    batch.y_query), rtol=1e-13)
    assert np.all(curve[:, 3] < curve[:, 0])          # SGD on a quadratic with a small step


def test_divergence_is_an_error_naming_the_step_size_not_a_nan():
    model = MLP((1, 1))                  # a quadratic: a step above 2 / curvature diverges
    batch = LinearRegression().sample(np.random.default_rng(0), 3, 10, 5)
    path = adapt.from_theta0(model.init(np.random.default_rng(1)), batch, model, inner_lr=50.0,
                             loss=mse)
    with np.errstate(all="ignore"), pytest.raises(FloatingPointError, match="inner_lr 50"):
        adapt.steps(path, 500)


def test_a_negative_number_of_steps_is_refused():
    model, params, batch = small_problem()
    with pytest.raises(ValueError, match="n_steps must be an integer >= 0"):
        adapt.steps(adapt.from_theta0(params, batch, model, inner_lr=0.1, loss=mse), -1)
