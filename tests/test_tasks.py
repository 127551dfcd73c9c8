"""The lecture's task families: support and query sets (eq. 22.1-22.2), losses and metrics."""

import numpy as np
import pytest

from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.tasks import LinearRegression, Sinusoid, cross_entropy, mse


@pytest.mark.parametrize("family", [Sinusoid(), SinusoidFrequency(), LinearRegression(),
                                    GaussianClusters()])
def test_sample_gives_support_and_query_sets_of_the_asked_sizes(family):
    batch = family.sample(np.random.default_rng(0), 3, 10, 15)
    assert batch.x_support.shape == (3, 10, family.n_inputs)
    assert batch.y_query.shape == (3, 15, family.n_outputs)
    again = family.sample(np.random.default_rng(0), 3, 10, 15)      # deterministic in rng
    for a, b in zip(batch, again):
        np.testing.assert_array_equal(a, b)
    assert type(family)(**family.describe()).describe() == family.describe()


def test_sinusoid_targets_lie_on_each_tasks_curve():
    family = Sinusoid()
    params = family.sample_params(np.random.default_rng(1), 4)
    batch = family.make_batch(np.random.default_rng(2), params, 5, 5)
    amp, phase = params[:, 0, None, None], params[:, 1, None, None]
    np.testing.assert_allclose(batch.y_support, amp * np.sin(batch.x_support - phase))
    assert np.all((0.1 <= params[:, 0]) & (params[:, 0] <= 5.0))


def test_losses_are_per_task_means():
    pred, y = np.zeros((2, 4, 1)), np.array([1.0, 2.0]).reshape(2, 1, 1) * np.ones((2, 4, 1))
    np.testing.assert_allclose(mse(pred, y), [1.0, 4.0])
    logits, onehot = np.zeros((1, 3, 5)), np.eye(5)[[0, 1, 2]][None]
    np.testing.assert_allclose(cross_entropy(logits, onehot), [np.log(5)])


def test_counts_that_are_not_positive_integers_are_refused():
    with pytest.raises(ValueError, match="n_support must be a positive integer"):
        Sinusoid().sample(np.random.default_rng(3), 2, 0, 3)
