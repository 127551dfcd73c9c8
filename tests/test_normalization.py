"""The normalised inner loop of the first wish (sections 1.3.6-1.3.7): step lengths,
derivatives through the normalisation, and the sharpness measure."""

import numpy as np
import pytest

from scratchmeta.gradcheck import check_grads
from scratchmeta.meta import normalization
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import LinearRegression, Sinusoid


def test_normalised_inner_step_has_the_same_length_for_every_task():
    model = MLP((1, 8, 1))
    batch = Sinusoid().sample(np.random.default_rng(0), 5, 10, 10)
    theta0 = per_task(model.init(np.random.default_rng(1)), 5)
    theta1 = normalization.normalised_inner_sgd(theta0, batch.x_support, batch.y_support,
                                                model, step_length=0.3, inner_steps=1)
    lengths = np.asarray(normalization.task_norms([np.asarray(a) - np.asarray(b)
                                                   for a, b in zip(theta1, theta0)], 5))
    np.testing.assert_allclose(lengths, 0.3, rtol=1e-12)


def test_normalised_meta_loss_gradients_match_finite_differences():
    model = MLP((1, 3, 1), activation="tanh")
    batch = Sinusoid().sample(np.random.default_rng(2), 2, 4, 4)
    params = model.init(np.random.default_rng(3))

    def loss(*p):
        return normalization.normalised_meta_loss(list(p), batch, model, step_length=0.2,
                                                  inner_steps=2)
    check_grads(loss, params, order=2, rng=np.random.default_rng(4))


def test_sharpness_is_the_largest_hessian_eigenvalue_of_a_linear_fit():
    model = MLP((1, 1))
    batch = LinearRegression().sample(np.random.default_rng(0), 3, 10, 1)
    got = normalization.sharpness([np.array([[0.3]]), np.array([-0.2])], batch, model,
                                  iterations=100)
    for i in range(3):
        design = np.concatenate([batch.x_support[i], np.ones((10, 1))], axis=1)
        hessian = 2 * design.T @ design / 10                # of the mean squared error
        assert got[i] == pytest.approx(np.linalg.eigvalsh(hessian).max(), rel=1e-10)
