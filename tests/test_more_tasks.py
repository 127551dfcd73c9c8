"""Task families beyond the lecture's two: varying frequencies, Gaussian-cluster classification."""

import numpy as np
import pytest

from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.tasks import Sinusoid


def test_clusters_count_points_per_class_and_refuse_uneven_sets():
    family = GaussianClusters(n_way=3)
    batch = family.sample(np.random.default_rng(3), 2, 6, 3)
    np.testing.assert_array_equal(batch.y_support.sum(axis=1), 2 * np.ones((2, 3)))
    with pytest.raises(ValueError, match="multiple of n_way=3"):
        family.sample(np.random.default_rng(3), 2, 5, 3)


def test_sinusoid_frequency_targets_lie_on_each_tasks_curve_and_w_1_is_finns_family():
    family = SinusoidFrequency()
    params = family.sample_params(np.random.default_rng(1), 50)
    batch = family.make_batch(np.random.default_rng(2), params, 5, 5)
    amp, phase, freq = (params[:, j, None, None] for j in range(3))
    np.testing.assert_allclose(batch.y_query, amp * np.sin(freq * batch.x_query - phase))
    assert np.all((0.5 <= params[:, 2]) & (params[:, 2] <= 2.0))
    # A and phi are drawn as Sinusoid draws them (same generator, same order).
    np.testing.assert_array_equal(params[:, :2],
                                  Sinusoid().sample_params(np.random.default_rng(1), 50))
    at_w_1 = np.concatenate([params[:, :2], np.ones((50, 1))], axis=1)   # w = 1: Finn's task
    np.testing.assert_allclose(family.target(at_w_1, batch.x_query),
                               Sinusoid().target(params[:, :2], batch.x_query))
    with pytest.raises(ValueError, match="frequency must be a range"):
        SinusoidFrequency(frequency=(2.0, 1.0))


def residual_on_sin_cos(family, seed):
    """Largest relative least-squares residual of tasks' targets on the features sin x, cos x."""
    params = family.sample_params(np.random.default_rng(seed), 200)
    x = np.linspace(-5, 5, 101).reshape(1, -1, 1)
    y = family.target(params, np.broadcast_to(x, (200, 101, 1)))[:, :, 0]      # (tasks, x)
    features = np.stack([np.sin(x[0, :, 0]), np.cos(x[0, :, 0])], axis=1)       # (x, 2)
    coef = np.linalg.lstsq(features, y.T, rcond=None)[0]
    return np.max(np.linalg.norm(y.T - features @ coef, axis=0) / np.linalg.norm(y.T, axis=0))


def test_two_fixed_features_fit_every_sinusoid_but_not_the_varying_frequencies():
    # The reason the closed-form head is exact on Finn et al.'s sinusoids:
    # A sin(x - phi) = (A cos phi) sin x - (A sin phi) cos x. With w varying the same two
    # features leave most of some tasks unexplained.
    assert residual_on_sin_cos(Sinusoid(), 0) < 1e-12
    assert residual_on_sin_cos(SinusoidFrequency(), 0) > 0.5
