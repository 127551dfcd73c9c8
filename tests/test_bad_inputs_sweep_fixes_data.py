"""Regression tests for the input checks added after the generated sweep (issue 11): data,
nn/optim/batchnorm, evaluate/train/checkpoint. A few representative cases per check."""

import numpy as np
import pytest

from scratchmeta import batchnorm, nn, optim, tasks
from scratchmeta.datasets.progress import Progress
from scratchmeta.meta import evaluate
from scratchmeta.more_tasks import GaussianClusters

HUGE = 10**30


def _params():
    return nn.MLP((1, 8, 1)).init(np.random.default_rng(0))


@pytest.mark.parametrize("kwargs, name", [(dict(n_support=HUGE), "n_support"),
                                          (dict(n_query=HUGE), "n_query")])
def test_a_count_too_long_for_an_array_is_named(kwargs, name):
    good = dict(n_tasks=2, n_support=5, n_query=5) | kwargs
    with pytest.raises(ValueError, match=name):
        tasks.Sinusoid().sample(np.random.default_rng(0), **good)
    with pytest.raises(ValueError, match="n_tasks"):
        tasks.Sinusoid().sample_params(np.random.default_rng(0), HUGE)


def test_family_and_progress_sizes_are_bounded():
    for kw in (dict(n_way=HUGE), dict(dim=HUGE)):
        with pytest.raises(ValueError, match=next(iter(kw))):
            GaussianClusters(**kw)
    with pytest.raises(ValueError, match="width"):
        Progress("x", 3, width=HUGE)


def test_batch_norm_refuses_empty_complex_and_none():
    for h, err in ((np.ones((0, 5, 3)), ValueError), (np.ones((2, 5, 3)) * 1j, TypeError),
                   (None, ValueError)):
        with pytest.raises(err, match="h must"):
            batchnorm.batch_norm(h)
    with pytest.raises(ValueError, match="memory"):
        batchnorm.finn_init(np.random.default_rng(0), (1, HUGE, 1))


def test_params_lists_are_named():
    p = _params()
    for bad in (p[:3], [p], None):
        with pytest.raises((ValueError, TypeError), match="params"):
            optim.adam_update(bad, p, optim.adam_init(p), 0.01)
    with pytest.raises(TypeError, match="params"):
        nn.per_task(None, 2)
    with pytest.raises(ValueError, match="n_tasks"):
        nn.per_task(p, HUGE)


def test_held_out_tasks_checks_its_counts_first():
    with pytest.raises(ValueError, match="n_tasks"):
        evaluate.held_out_tasks(tasks.Sinusoid(), HUGE, 5, 5)
