"""Round 7 of issue 11, checkpoints, training, evaluation and task families: each case of the
fourteenth battery fixed here is one clear error naming the argument (or the checkpoint's
entry), and a valid input next to it still works.

Checkpoints: a state's shapes are checked against the model its meta/config records (a weight
reshaped, an array past the model's layers), Adam's moments against the parameters they follow
(floats, their shapes, one of each per parameter), and Adam's step count against meta/step.
Masked arrays are refused where numbers are meant (a saved leaf, ``interval``'s values, a
loss's prediction). A user's family has what its own ``make_batch``, ``loss`` and ``metric``
return checked where they return it, and ``evaluate`` tries the family's metric once.
"""

import numpy as np
import pytest

from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.evaluate import evaluate, interval
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.training import train
from scratchmeta.tasks import Sinusoid, TaskBatch, mse


# --- a good checkpoint and damaged copies of it -----------------------------------------

def _good(folder, name="maml", steps=2):
    path = folder / f"good_{name}.npz"
    if not path.exists():
        train(make_strategy(name, meta_batch=2), steps, seed=0, checkpoint=path)
    return path


def _damaged(folder, change, name="maml"):
    with np.load(_good(folder, name), allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    change(arrays)
    path = folder / "damaged.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def _set(name, value):
    return lambda arrays: arrays.__setitem__(name, value)


def _change(name, f):
    return lambda arrays: arrays.__setitem__(name, f(arrays[name]))


def _masked(a, index=0):
    m = np.ma.masked_array(np.array(a, dtype=float), mask=False)
    m[np.unravel_index(index, m.shape)] = np.ma.masked
    return m


def test_a_weight_reshaped_is_refused_naming_the_entry_and_both_shapes(tmp_path):
    path = _damaged(tmp_path, _change("state/params/0", lambda a: a.reshape(40, 1)))
    with pytest.raises(ValueError, match=r"state/params/0 has shape \(40, 1\).*sizes "
                                         r"\[1, 40, 40, 1\].*shape \(1, 40\)"):
        load_checkpoint(path)


def test_an_adam_moment_of_another_shape_than_its_parameter_is_refused(tmp_path):
    path = _damaged(tmp_path, _change("state/adam/m/2", lambda a: a[:, :7]))
    with pytest.raises(ValueError, match=r"state/adam/m/2 has shape \(40, 7\).*state/params/2"):
        load_checkpoint(path)


def test_integer_adam_moments_are_refused_naming_the_entry(tmp_path):
    path = _damaged(tmp_path, _change("state/adam/m/3", lambda a: a.astype(np.int64)))
    with pytest.raises(ValueError, match=r"state/adam/m/3 holds .*int64.*Adam's moments are "
                                         r"floats"):
        load_checkpoint(path)


def test_an_extra_params_entry_is_refused_naming_it(tmp_path):
    path = _damaged(tmp_path, _set("state/params/6", np.ones(2)))
    with pytest.raises(ValueError, match=r"unexpected entry state/params/6"):
        load_checkpoint(path)


def test_an_extra_params_entry_of_a_strategy_without_adam_is_refused(tmp_path):
    path = _damaged(tmp_path, _set("state/params/6", np.ones(2)), name="reptile")
    with pytest.raises(ValueError, match=r"unexpected entry state/params/6"):
        load_checkpoint(path)


def test_resuming_a_checkpoint_whose_adam_t_is_not_its_step_is_refused(tmp_path):
    path = _damaged(tmp_path, _set("state/adam/t", np.array(0)))
    with pytest.raises(ValueError, match=r"state/adam/t = 0 .*must equal meta/step = 2"):
        train(make_strategy("maml", meta_batch=2), 3, 0, checkpoint=path, resume=True)


def test_good_checkpoints_of_every_layout_still_load_and_resume(tmp_path):
    for name in ("maml", "reptile", "closed_form", "multitask"):
        ckpt, strategy = restore(_good(tmp_path, name))
        assert ckpt.step == 2
        if "adam" in ckpt.state:
            assert int(ckpt.state["adam"]["t"]) == 2
    path = _good(tmp_path, "maml")
    state = train(make_strategy("maml", meta_batch=2), 3, 0, checkpoint=path, resume=True)
    assert int(state["adam"]["t"]) == 3 and load_checkpoint(path).step == 3


# --- masked arrays ------------------------------------------------------------------------

def test_saving_a_masked_leaf_is_refused_naming_it(tmp_path):
    with pytest.raises(TypeError, match=r"state/w is a masked array \(numpy.ma\)"):
        save_checkpoint(tmp_path / "s.npz", {"w": _masked(np.ones(3))}, step=1, seed=0,
                        config={}, meta_losses=[1.0])
    assert not (tmp_path / "s.npz").exists()
    save_checkpoint(tmp_path / "s.npz", {"w": np.ones(3)}, step=1, seed=0,
                    config={"class": "my_project.MyStrategy", "hyperparameters": {}},
                    meta_losses=[1.0])
    with np.load(tmp_path / "s.npz", allow_pickle=False) as data:
        np.testing.assert_array_equal(data["state/w"], np.ones(3))


def test_interval_of_masked_values_is_refused():
    with pytest.raises(TypeError, match=r"values is a masked array"):
        interval(_masked([1.0, 2.0, 3.0]))
    mean, half = interval(np.array([1.0, 2.0, 3.0]))
    assert mean == 2.0 and half == pytest.approx(1.96 / np.sqrt(3))


def test_a_loss_of_a_masked_prediction_is_refused_naming_pred():
    with pytest.raises(TypeError, match=r"pred is a masked array"):
        Sinusoid().metric(_masked(np.ones((2, 5, 1))), np.ones((2, 5, 1)))
    np.testing.assert_array_equal(Sinusoid().metric(np.ones((2, 5, 1)), np.zeros((2, 5, 1))),
                                  [1.0, 1.0])


# --- a user's task family -----------------------------------------------------------------

def _family_with(**methods):
    return type("UserSinusoid", (Sinusoid,), {k: staticmethod(v) if k == "loss" else v
                                              for k, v in methods.items()})()


def test_a_make_batch_returning_a_dict_is_named():
    family = _family_with(make_batch=lambda self, rng, tp, s, q: {"x": 1})
    with pytest.raises(TypeError, match=r"UserSinusoid.make_batch must return a TaskBatch"):
        family.sample(np.random.default_rng(0), 2, 5, 5)
    good = _family_with(make_batch=lambda self, rng, tp, s, q: Sinusoid.make_batch(
        self, rng, tp, s, q))
    batch = good.sample(np.random.default_rng(0), 2, 5, 5)
    assert isinstance(batch, TaskBatch) and batch.x_query.shape == (2, 5, 1)


def test_training_with_a_loss_returning_a_tuple_is_named():
    family = _family_with(loss=lambda pred, y: (mse(pred, y), 0.0))
    with pytest.raises(TypeError, match=r"UserSinusoid.loss must return one loss per task"):
        train(make_strategy("maml", family, meta_batch=2), 1, 0)
    state = train(make_strategy("maml", _family_with(loss=lambda pred, y: 2 * mse(pred, y)),
                                meta_batch=2), 1, 0)
    assert int(state["adam"]["t"]) == 1


def test_evaluating_on_a_family_whose_metric_returns_text_is_named():
    strategy = make_strategy("maml", meta_batch=2)
    state = strategy.init_state(np.random.default_rng(0))
    args = dict(n_tasks=2, n_support=5, n_query=5, n_steps=1)
    family = _family_with(metric=lambda self, pred, y: "good")
    with pytest.raises(TypeError, match=r"UserSinusoid.metric must return one real number per "
                                        r"task.*got str 'good'"):
        evaluate(strategy, state, family, **args)
    family = _family_with(metric=lambda self, pred, y: np.mean((pred - y) ** 2, axis=(1, 2)))
    result = evaluate(strategy, state, family, **args)
    assert result.mean.shape == (2,) and np.all(np.isfinite(result.mean))


def test_a_user_target_that_raises_is_named_with_the_original_chained():
    family = _family_with(target=lambda self, tp, x: 1 / 0)     # (round 9: named, chained)
    with pytest.raises(ValueError, match=r"target \(.*\) raised ZeroDivisionError") as info:
        family.sample(np.random.default_rng(0), 2, 5, 5)
    assert type(info.value.__cause__) is ZeroDivisionError
