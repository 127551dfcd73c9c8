"""Round 8 (issue 11), the engine's area: the fifteenth battery's misses in the autodiff
engine, the strategies' configurations, checkpoints and task families, each refused by name,
and a valid input next to each still accepted."""

import json

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.meta.anil import ANIL
from scratchmeta.meta.checkpoint import load_checkpoint, save_checkpoint
from scratchmeta.meta.closed_form import ClosedForm, ClosedFormConfig
from scratchmeta.meta.maml import MAML, MAMLConfig
from scratchmeta.meta.r2d2 import R2D2
from scratchmeta.meta.registry import make_family
from scratchmeta.meta.reptile import Reptile, ReptileConfig
from scratchmeta.meta.training import train
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid, TaskBatch

X3 = np.array([1.0, 2.0, 3.0])


# --- the engine --------------------------------------------------------------------------

def test_stack_of_a_ragged_list_names_xs():
    with pytest.raises(ValueError, match=r"stack: cannot combine shapes \(3,\) and \(2,\).*xs"):
        ad.stack([X3, np.ones(2)])
    assert ad.stack([X3, X3]).shape == (2, 3)


def test_where_with_a_cond_of_another_length_names_cond():
    with pytest.raises(ValueError, match=r"where: .*\(2,\).*of cond, a and b"):
        ad.where(np.ones(2, bool), X3, X3)
    np.testing.assert_array_equal(ad.where(X3 > 1.5, X3, 0.0), [0.0, 2.0, 3.0])


def test_the_frobenius_norm_of_a_vector_is_refused_naming_ord():
    with pytest.raises(ValueError, match=r"ord='fro' .*matrix norm.*shape \(3,\)"):
        ad.norm(X3, ord="fro")
    with pytest.raises(ValueError, match=r"ord='fro'"):
        ad.norm(np.ones((2, 3)), ord="fro", axis=0)
    assert ad.norm(np.ones((2, 3)), ord="fro") == pytest.approx(np.sqrt(6.0), abs=1e-12)
    assert ad.norm(X3) == pytest.approx(np.sqrt(14.0), abs=1e-12)


# --- configurations: every bool field is a real bool ---------------------------------------

@pytest.mark.parametrize("make, field, shown", [
    (lambda: ReptileConfig(batched=None), "batched", "None"),
    (lambda: MAMLConfig(first_order="no"), "first_order", "'no'"),
    (lambda: ClosedFormConfig(learn_lam=1), "learn_lam", "1"),
    (lambda: ClosedFormConfig(learn_scale=0), "learn_scale", "0"),
])
def test_a_flag_of_another_type_is_refused_by_name(make, field, shown):
    with pytest.raises(TypeError, match=rf"{field} must be true or false.*got {shown}"):
        make().check()


def test_valid_flags_pass_the_check():
    ReptileConfig(batched=False).check()
    MAMLConfig(first_order=True).check()
    ClosedFormConfig(learn_lam=False, learn_scale=None).check()    # None: the default's rule
    ClosedFormConfig(learn_scale=np.bool_(True)).check()            # as configure accepts


# --- a strategy's model takes the family's inputs ------------------------------------------

@pytest.mark.parametrize("cls", [ANIL, MAML, Reptile, ClosedForm])
def test_a_model_of_the_wrong_input_width_is_refused_naming_model(cls):
    with pytest.raises(ValueError, match=r"model MLP\(sizes=\(3, .*takes 3 inputs.*1 inputs"):
        cls(MLP((3, 40, 40, 1)), Sinusoid())


def test_a_body_of_another_output_width_is_still_a_valid_head_strategy():
    clusters = make_family("clusters")
    strategy = R2D2(MLP((clusters.n_inputs, 16, 8)), clusters)      # features, not classes
    assert strategy.model.sizes[-1] == 8
    assert ANIL(MLP((1, 40, 40, 1)), Sinusoid()).model.sizes[0] == 1


# --- checkpoints ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def good(tmp_path_factory):
    path = tmp_path_factory.mktemp("round8") / "good.npz"
    train(MAML(MLP((1, 40, 40, 1)), Sinusoid(), meta_batch=2), 2, seed=0, checkpoint=path)
    return path


def _damaged(good, folder, change):
    with np.load(good, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    change(arrays)
    path = folder / "damaged.npz"
    np.savez(path, **arrays)
    return path


def _config(change):
    def apply(arrays):
        record = json.loads(str(arrays["meta/config"]))
        change(record)
        arrays["meta/config"] = np.array(json.dumps(record))
    return apply


def test_load_a_recorded_inner_lr_string_names_inner_lr(good, tmp_path):
    path = _damaged(good, tmp_path, _config(
        lambda r: r["hyperparameters"].__setitem__("inner_lr", "0.01")))
    with pytest.raises(ValueError, match=r"damaged: its meta/config records inner_lr .*'0.01'"):
        load_checkpoint(path)


def test_load_recorded_sizes_with_a_0_names_sizes(good, tmp_path):
    path = _damaged(good, tmp_path, _config(
        lambda r: r["model"]["arguments"].__setitem__("sizes", [1, 0, 40, 1])))
    with pytest.raises(ValueError, match=r"meta/config records sizes .*\(1, 0, 40, 1\)"):
        load_checkpoint(path)


def test_load_negative_meta_losses_names_the_entry(good, tmp_path):
    path = _damaged(good, tmp_path, lambda a: a.__setitem__("meta/meta_losses",
                                                            np.array([-1.0, -2.0])))
    with pytest.raises(ValueError, match=r"meta/meta_losses must be >= 0.*2 negative"):
        load_checkpoint(path)


def test_load_two_weights_swapped_names_the_entry(good, tmp_path):
    def swap(a):
        a["state/params/0"], a["state/params/4"] = a["state/params/4"], a["state/params/0"]
    with pytest.raises(ValueError, match=r"state/params/0 has shape \(40, 1\)"):
        load_checkpoint(_damaged(good, tmp_path, swap))


def test_load_bool_adam_moments_names_the_entry(good, tmp_path):
    path = _damaged(good, tmp_path, lambda a: a.__setitem__("state/adam/m/1",
                                                            a["state/adam/m/1"] > 0))
    with pytest.raises(ValueError, match=r"state/adam/m/1"):
        load_checkpoint(path)


def test_a_good_checkpoint_still_loads(good):
    ckpt = load_checkpoint(good)
    assert ckpt.step == 2 and np.all(ckpt.meta_losses >= 0)
    assert ckpt.config["hyperparameters"]["inner_lr"] == 0.01


def _save(folder, **kwargs):
    kwargs = {"state": {"w": np.ones(2)}, "step": 1, "seed": 0, "config": {},
              "meta_losses": [1.0], **kwargs}
    return save_checkpoint(folder / "s.npz", kwargs.pop("state"), **kwargs)


def test_save_a_config_with_integer_keys_names_config(tmp_path):
    with pytest.raises(TypeError, match=r"config must have string keys.*the key 1 \(int\)"):
        _save(tmp_path, config={1: 2})
    with pytest.raises(TypeError, match=r"config must have string keys.*\['a'\]"):
        _save(tmp_path, config={"a": {2.5: 1}})
    config = {"class": "my_project.MyStrategy", "hyperparameters": {}, "a": {"b": [1, 2]}}
    _save(tmp_path, config=config)
    with np.load(tmp_path / "s.npz", allow_pickle=False) as data:
        assert json.loads(str(data["meta/config"])) == config


def test_save_negative_meta_losses_of_a_registry_family_is_refused(tmp_path):
    config = {"family": {"name": "sinusoid"}}
    with pytest.raises(ValueError, match=r"meta_losses must be >= 0"):
        _save(tmp_path, config=config, meta_losses=[-0.5])
    _save(tmp_path, config={"class": "my_project.MyStrategy", "hyperparameters": {},
                            "family": {"name": "a user's"}}, meta_losses=[-0.5])  # own loss


# --- a user's family returns a TaskBatch of arrays -------------------------------------------

def _user_family(make_batch):
    return type("UserSinusoid", (Sinusoid,), {"make_batch": make_batch})()


def test_a_user_make_batch_leaving_x_support_none_is_named():
    family = _user_family(lambda self, rng, tp, s, q: TaskBatch(
        None, np.ones((len(tp), s, 1)), np.ones((len(tp), q, 1)), np.ones((len(tp), q, 1))))
    with pytest.raises(TypeError, match=r"UserSinusoid.make_batch must return .*x_support is "
                                        r"NoneType None"):
        family.sample(np.random.default_rng(0), 2, 5, 5)


def test_a_user_make_batch_of_arrays_still_works():
    family = _user_family(lambda self, rng, tp, s, q: Sinusoid.make_batch(self, rng, tp, s, q))
    batch = family.sample(np.random.default_rng(0), 2, 5, 5)
    assert batch.x_support.shape == (2, 5, 1) and batch.y_query.shape == (2, 5, 1)
