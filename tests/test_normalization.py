"""Batch norm inside the unrolled loop (section 1.3.7, wish 1): the running-statistics
network, the population statistics, and the sharpness measure."""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.meta import normalization
from scratchmeta.nn import MLP
from scratchmeta.tasks import LinearRegression, Sinusoid


def test_running_statistics_equal_batch_norm_when_the_statistics_are_the_batchs_own():
    # One task: with the population statistics of that very task, the fixed-statistics
    # network is the batch-norm network itself.
    model = MLP((1, 6, 5, 1), batch_norm=True)
    params = MLP((1, 6, 5, 1)).init(np.random.default_rng(0))
    x = Sinusoid().sample(np.random.default_rng(1), 1, 12, 2).x_support        # (1, 12, 1)
    stats = normalization.population_statistics(model, params, x)
    fixed = normalization.RunningStatistics(model, stats)
    np.testing.assert_allclose(np.asarray(fixed.apply(params, x)),
                               np.asarray(model.apply(params, x)), rtol=1e-12, atol=1e-12)
    # and the first layer's statistics are the plain mean and variance of x W
    z = x[0] @ params[0]
    np.testing.assert_allclose(stats[0][0], z.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(stats[0][1], z.var(axis=0), rtol=1e-12)
    assert fixed.adapted_indices == model.adapted_indices


def test_population_statistics_pool_the_tasks_variances_not_their_means_spread():
    model = MLP((1, 3, 1), batch_norm=True)
    params = MLP((1, 3, 1)).init(np.random.default_rng(2))
    x = np.stack([np.linspace(0, 1, 5), np.linspace(10, 11, 5)])[..., None]  # far-apart tasks
    mean, var = normalization.population_statistics(model, params, x)[0]
    z = x @ params[0]
    np.testing.assert_allclose(var, z.var(axis=1).mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(mean, z.mean(axis=(0, 1)), rtol=1e-12)


def test_running_statistics_make_a_point_independent_of_its_batch_mates():
    model = MLP((1, 8, 1), batch_norm=True)
    params = MLP((1, 8, 1)).init(np.random.default_rng(3))
    x = Sinusoid().sample(np.random.default_rng(4), 2, 10, 2).x_support
    fixed = normalization.RunningStatistics(model, normalization.population_statistics(
        model, params, x))
    alone = np.asarray(fixed.apply(params, x[:, :2]))
    together = np.asarray(fixed.apply(params, x))[:, :2]
    np.testing.assert_allclose(alone, together, rtol=1e-12)
    # whereas batch statistics (transductive) do depend on the batch
    assert not np.allclose(np.asarray(model.apply(params, x[:, :2])),
                           np.asarray(model.apply(params, x))[:, :2])


def test_population_statistics_and_running_statistics_refuse_a_plain_network():
    with pytest.raises(ValueError, match="batch norm"):
        normalization.population_statistics(MLP((1, 3, 1)), MLP((1, 3, 1)).init(
            np.random.default_rng(0)), np.zeros((1, 4, 1)))
    with pytest.raises(ValueError, match="x must have shape \\(tasks, points, inputs\\)"):
        normalization.population_statistics(MLP((1, 3, 1), batch_norm=True), MLP(
            (1, 3, 1)).init(np.random.default_rng(0)), np.zeros((4, 1)))
    with pytest.raises(ValueError, match="one \\(mean, var\\) per hidden layer"):
        normalization.RunningStatistics(MLP((1, 3, 3, 1), batch_norm=True), [])


def test_batch_norm_makes_a_one_input_first_layer_blind_to_its_weight_scale():
    # Why the first layer hardly moves under batch statistics on 1-D inputs: batch
    # norm of x w is sign(w) (x - mean) / sd, whatever |w|.
    x = np.linspace(-5, 5, 10)[:, None]
    a = np.asarray(batch_norm(x @ np.array([[0.5, -2.0]]), eps=1e-12))
    b = np.asarray(batch_norm(x @ np.array([[3.0, -0.1]]), eps=1e-12))
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-9)


def test_sharpness_is_the_largest_hessian_eigenvalue_of_a_linear_fit():
    model = MLP((1, 1))
    batch = LinearRegression().sample(np.random.default_rng(0), 3, 10, 1)
    got = normalization.sharpness([np.array([[0.3]]), np.array([-0.2])], batch, model,
                                  iterations=100)
    for i in range(3):
        design = np.concatenate([batch.x_support[i], np.ones((10, 1))], axis=1)
        hessian = 2 * design.T @ design / 10                # of the mean squared error
        assert got[i] == pytest.approx(np.linalg.eigvalsh(hessian).max(), rel=1e-10)


def test_first_step_change_is_the_relative_move_of_each_weight_matrix():
    model = MLP((1, 1))
    batch = LinearRegression().sample(np.random.default_rng(5), 2, 10, 1)
    params = [np.array([[0.5]]), np.array([0.1])]
    change = normalization.first_step_change(params, batch, model)
    x, y = batch.x_support, batch.y_support
    residual = x * 0.5 + 0.1 - y
    grad_w = 2 * np.mean(residual * x, axis=(1, 2))            # d MSE / d w per task
    np.testing.assert_allclose(change[:, 0], normalization.INNER_LR * np.abs(grad_w) / 0.5,
                               rtol=1e-10)


def test_sharpness_is_the_most_positive_eigenvalue_even_when_a_negative_one_dominates():
    # A tanh network whose support-loss Hessian has eigenvalues -8.58 ... 7.22: power
    # iteration alone would find -8.58; the shifted second run finds 7.22.
    from scratchmeta import autodiff as ad
    from scratchmeta.tasks import mse
    model = MLP((1, 3, 1), activation="tanh")
    batch = Sinusoid().sample(np.random.default_rng(7), 1, 6, 2)
    params = model.init(np.random.default_rng(107))
    shapes = [p.shape for p in params]

    def loss(flat):
        ps, i = [], 0
        for shape in shapes:
            n = int(np.prod(shape))
            ps.append(ad.reshape(flat[i:i + n], shape))
            i += n
        return ad.mean(mse(model.apply(ps, batch.x_support[0]), batch.y_support[0]))

    hessian = np.asarray(ad.hessian(loss)(np.concatenate([p.ravel() for p in params])))
    eigenvalues = np.linalg.eigvalsh((hessian + hessian.T) / 2)
    assert -eigenvalues[0] > eigenvalues[-1] > 0          # a negative one dominates
    got = normalization.sharpness(params, batch, model, iterations=300)
    assert got[0] == pytest.approx(eigenvalues[-1], rel=1e-8)
