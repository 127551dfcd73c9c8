"""Regressions next to the fifth battery's fixes (engine, checkpoints, families, samplers,
testing kit, Omniglot helpers): neighbours of its cases, and the valid inputs they keep."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.datasets.omniglot_tasks import finn_split
from scratchmeta.datasets.progress import Progress
from scratchmeta.meta.checkpoint import load_checkpoint
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.sampling import DiscreteInverseCDF
from scratchmeta.tasks import LinearRegression, Sinusoid
from scratchmeta.testing import densities

from test_bad_inputs_cli import _damaged, _good, _set


def test_where_refuses_none_and_keeps_numbers():
    x = np.array([0.5, -1.0, 2.0])
    with pytest.raises(TypeError, match="where: a .*None"):
        ad.where(x > 0, None, x)
    assert ad.where(x > 0, x, 0.0).tolist() == [0.5, 0.0, 2.0]
    assert ad.grad(lambda v: ad.sum(ad.where(v > 0, v, 0.0)))(x).tolist() == [1.0, 0.0, 1.0]


def test_a_checkpoint_keeps_its_changes_and_refuses_other_records(tmp_path):
    good = {"step": 1, "changes": {"meta_lr": [0.001, 0.002]}}
    path = _damaged(tmp_path, "ok", _set("meta/changes", np.array(f"[{_json(good)}]")))
    assert load_checkpoint(path).changes == (good,)
    bad = _damaged(tmp_path, "bad", _set("meta/changes", np.array('[{"step": 1}]')))
    with pytest.raises(ValueError, match="meta/changes"):
        load_checkpoint(bad)


def _json(record):
    import json
    return json.dumps(record)


def test_a_checkpoint_refuses_float32_entries_in_a_float64_run(tmp_path):
    path = _damaged(tmp_path, "f32", _set("state/adam/m/1", np.zeros(40, np.float32)))
    with pytest.raises(ValueError, match="state/adam/m/1.*float32"):
        load_checkpoint(path)
    assert load_checkpoint(_good(tmp_path)).step == 2


@pytest.mark.parametrize("family", [Sinusoid(), LinearRegression(), GaussianClusters()])
def test_every_family_checks_n_tasks_and_rng(family):
    rng = np.random.default_rng(0)
    for n in ([2], 2.0, True):
        with pytest.raises(TypeError, match="n_tasks"):
            family.sample_params(rng, n)
    for n in (-1, 0):                    # zero tasks are no batch, as sample says
        with pytest.raises(ValueError, match=f"n_tasks must be an int >= 1.*got {n}"):
            family.sample_params(rng, n)
    with pytest.raises(TypeError, match="rng"):
        family.sample_params(np.random.default_rng, 2)
    assert len(family.sample_params(rng, np.int64(3))) == 3
    assert len(family.sample_params(rng, 1)) == 1


def test_discrete_refuses_bools_and_keeps_integer_weights():
    with pytest.raises(TypeError, match="bool"):
        DiscreteInverseCDF(np.array([True, False]))
    assert DiscreteInverseCDF([0, 1]).p.tolist() == [0.0, 1.0]


def test_normal_mixture_refuses_a_zero_scale():
    with pytest.raises(ValueError, match=r"scales\[1\] = 0.0"):
        densities.normal_mixture([1.0, 1.0], [0.0, 1.0], [1.0, 0.0])
    assert densities.normal_mixture([1.0, 1.0], [0.0, 3.0], [1.0, 2.0]).cdf(np.inf) == 1.0


def test_finn_split_takes_names_or_integer_labels_only():
    with pytest.raises(TypeError, match="characters.*bool"):
        finn_split(np.arange(300), np.ones(300, bool), 200, 50)
    names = np.array([f"a{i // 30}" for i in range(300)])
    assert len(finn_split(names, np.arange(300), 200, 50)["test"]) == 50


def test_progress_advance_takes_counts_only():
    bar = Progress("x", 3, enabled=False)
    for n in (1.5, True):
        with pytest.raises(ValueError, match="n must be an integer"):
            bar.advance(n)
    bar.advance(np.int64(2))
    bar.advance(0)
    assert bar.done == 2
