"""Regressions for the sixth battery's fixes (a): the shared validators beyond the battery's
own calls (a batch that fits the strategy, save and load sharing one state check, unflatten's
numbered levels, int64 bounds, sizes, Adam's float parameters)."""

import numpy as np
import pytest

from scratchmeta.batchnorm import finn_init
from scratchmeta.meta.checkpoint import (exclusive, save_checkpoint,
                                         unflatten)
from scratchmeta.meta.evaluate import diverged_value, interval, with_test_time
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.ridge import ridge_head, with_bias
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.optim import adam_init
from scratchmeta.tasks import Sinusoid


def _rng():
    return np.random.default_rng(0)


@pytest.mark.parametrize("name, family", [("maml", "sinusoid"), ("reptile", "sinusoid"),
                                          ("closed_form", "sinusoid"), ("r2d2", "clusters"),
                                          ("pretrained", "sinusoid")])
def test_a_batch_of_another_family_is_refused_by_update_and_adaptation(name, family):
    strategy = make_strategy(name, family, meta_batch=2)
    state = strategy.init_state(_rng())
    other, shape = ((GaussianClusters(), r"\(2, 5, 8\)") if family == "sinusoid" else
                    (Sinusoid(), r"\(2, 5, 1\)"))
    other = other.sample(_rng(), 2, 5, 5)
    with pytest.raises(ValueError, match=r"batch\.x_support has shape " + shape):
        strategy.update(state, other, _rng(), 0)
    with pytest.raises(ValueError, match=r"batch\.x_support has shape " + shape):
        strategy.adaptation(state, other)
    with pytest.raises(TypeError, match=r"(?s)batch must be a batch of tasks .*\(a tuple\)"):
        strategy.adaptation(state, tuple(strategy.family.sample(_rng(), 2, 5, 5)))


def test_targets_of_another_width_are_refused_by_update():
    strategy = make_strategy("maml", meta_batch=2)
    batch = Sinusoid().sample(_rng(), 2, 5, 5)
    wide = batch._replace(y_query=np.ones((2, 5, 3)))
    with pytest.raises(ValueError, match=r"batch\.y_query has shape \(2, 5, 3\)"):
        strategy.update(strategy.init_state(_rng()), wide, _rng(), 0)


def test_a_fitting_batch_is_still_taken():
    strategy = make_strategy("maml", meta_batch=2)
    state, loss = strategy.update(strategy.init_state(_rng()),
                                  Sinusoid().sample(_rng(), 2, 5, 5), _rng(), 0)
    assert np.isfinite(loss)


def test_save_refuses_every_state_load_refuses(tmp_path):
    common = dict(step=1, seed=0, meta_losses=[1.0])
    float32_run = {"class": "my_project.MyStrategy", "hyperparameters": {},
                   "family": {"arguments": {"dtype": "float32"}}}
    save_checkpoint(tmp_path / "ok.npz", {"w": np.ones(2, np.float32)}, config=float32_run,
                    **common)
    with pytest.raises(ValueError, match="refusing to save .*state/w holds float16"):
        save_checkpoint(tmp_path / "a.npz", {"w": np.ones(2, np.float16)}, config={}, **common)
    with pytest.raises(ValueError, match="refusing to save .*state/w holds float32"):
        save_checkpoint(tmp_path / "b.npz", {"w": np.ones(2, np.float32)}, config={}, **common)
    with pytest.raises(ValueError, match="refusing to save .*state/adam/t = 5"):
        save_checkpoint(tmp_path / "c.npz", {"adam": {"t": np.array(5)}}, config={}, **common)
    assert not (tmp_path / "a.npz").exists() and not (tmp_path / "c.npz").exists()


def test_save_refuses_a_step_or_seed_past_int64(tmp_path):
    with pytest.raises(ValueError, match=r"seed must be an integer in 0\.\.9223372036854775807"):
        save_checkpoint(tmp_path / "s.npz", {"w": np.ones(2)}, step=0, seed=2 ** 63, config={},
                        meta_losses=[])


def test_unflatten_refuses_gaps_but_load_leaves_them_to_check_state(tmp_path):
    assert unflatten({"a/0": 1, "a/1": 2, "b": 3}) == {"a": [1, 2], "b": 3}
    with pytest.raises(ValueError, match=r"'a/b' .* got indices 1, 3 \(missing a/b/0, a/b/2\)"):
        unflatten({"a/b/1": 1, "a/b/3": 2})
    assert unflatten({"a/0": 1, "a/2": 2}, strict=False) == {"a": {"0": 1, "2": 2}}


def test_exclusive_refuses_a_bytes_path():
    with pytest.raises(TypeError, match="path must be a text path .* got bytes b'x.npz'"):
        with exclusive(b"x.npz"):
            pass


def test_features_and_values_must_be_real_numbers():
    with pytest.raises(TypeError, match="targets must be an array of real numbers"):
        ridge_head(np.ones((4, 2)), np.array([["a"]] * 4), 0.1)
    with pytest.raises(ValueError, match="features must be an array of at least 1 dim"):
        with_bias(np.array(1.0))
    assert with_bias(np.ones((3, 2))).shape == (3, 3)
    with pytest.raises(TypeError, match="values must be an array of real numbers"):
        interval([[1.0, 2.0], [3.0]])
    assert interval([True, False, True])[0] == pytest.approx(2 / 3)


def test_metric_names_and_strategies_by_name():
    assert diverged_value("MSE") == np.inf and np.isnan(diverged_value("accuracy"))
    with pytest.raises(ValueError, match="metric_name must be one of"):
        diverged_value("mse")
    with pytest.raises(TypeError, match="strategy must be a strategy object"):
        with_test_time(None)


def test_sizes_and_adam_parameters():
    with pytest.raises(ValueError, match=r"sizes must be at least two positive integers"):
        finn_init(_rng(), (784,))
    with pytest.raises(TypeError, match="params must hold float32 or float64 arrays .* "
                                        "leaf 1 of dtype float16"):
        adam_init([np.zeros(2), np.zeros(2, np.float16)])
    assert adam_init([np.zeros(2, np.float32)])["m"][0].dtype == np.float32
