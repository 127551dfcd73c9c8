"""Round 6 (issue 11), Chapter 2 and the run: each kind of bad input fixed here, refused
before any work with a ValueError or TypeError (the command line: one ``error:`` line, exit 2)
that names the argument, or the checkpoint entry, and the value given.

The kinds: a checkpoint whose ``meta/strategy`` and ``meta/config`` disagree, or whose
config's name and class disagree; a state entry that no flattened state can hold
(``state/params/-1`` beside ``state/params/0``); an Adam step count below 0 in a state; a
NaN log lam; a configuration of another strategy's class; None or a name for a strategy's
model or family; a user's loss or apply that returns text, None, NaN or the wrong shape, or
raises; a folder without a stored Omniglot run; multi-task SGD's update given a plain
TaskBatch; a first-edition state of an unknown class; ``train --resume`` with ``--steps``
below the checkpoint's step.
"""

import contextlib
import io
import json

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta import cli
from scratchmeta.meta import legacy, omniglot_compare
from scratchmeta.meta.baselines import pooled_loss
from scratchmeta.meta.checkpoint import check_state, load_checkpoint, restore, unflatten
from scratchmeta.meta.closed_form import ClosedForm, closed_form_meta_loss
from scratchmeta.meta.maml import FOMAML, MAML, MAMLConfig, inner_sgd
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.reptile import Reptile, ReptileConfig
from scratchmeta.meta.training import train
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import Sinusoid


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A two-step MAML checkpoint."""
    path = tmp_path_factory.mktemp("round6") / "good.npz"
    train(make_strategy("maml", meta_batch=2), 2, seed=0, checkpoint=path)
    return path


def _copy(good, folder, change):
    with np.load(good, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    change(arrays)
    path = folder / "damaged.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def _config(change):
    def apply(arrays):
        record = json.loads(str(arrays["meta/config"]))
        change(record)
        arrays["meta/config"] = np.array(json.dumps(record))
    return apply


def _cli(argv):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(argv)
    return code, err.getvalue().strip().splitlines()


def _problem():
    rng = np.random.default_rng(0)
    model = MLP((1, 8, 1))
    return model, model.init(rng), Sinusoid().sample(rng, 2, 5, 5)


def test_meta_strategy_that_disagrees_with_the_config_is_named_damage(good, tmp_path):
    path = _copy(good, tmp_path, lambda a: a.__setitem__("meta/strategy", np.array("Reptile")))
    with pytest.raises(ValueError, match=r"meta/strategy = 'Reptile'.*'MAML'"):
        load_checkpoint(path)
    code, lines = _cli(["evaluate", "--checkpoint", str(path), "--tasks", "4"])
    assert code == 2 and len(lines) == 1 and lines[0].startswith("error: ")
    assert "meta/strategy" in lines[0] and "'Reptile'" in lines[0]


def test_a_config_whose_name_and_class_disagree_is_refused_by_restore(good, tmp_path):
    def both(arrays):                     # the name changed in both places, the class kept
        _config(lambda r: r.__setitem__("name", "Reptile"))(arrays)
        arrays["meta/strategy"] = np.array("Reptile")
    with pytest.raises(ValueError, match=r"names the strategy 'Reptile'.*is 'MAML'"):
        restore(_copy(good, tmp_path, both))


def test_a_state_entry_beside_a_list_that_no_list_can_hold_is_damage(good, tmp_path):
    path = _copy(good, tmp_path, lambda a: a.__setitem__("state/params/-1", np.ones(1)))
    with pytest.raises(ValueError, match=r"state/params/-1"):
        load_checkpoint(path)
    with pytest.raises(ValueError, match=r"'a' mixes numbered entries .*a/x"):
        unflatten({"a/0": np.ones(1), "a/x": np.ones(1)})


def test_adam_step_count_below_zero_in_a_state_is_refused():
    strategy = make_strategy("maml", meta_batch=2)
    state = strategy.init_state(np.random.default_rng(0))
    bad = {**state, "adam": {**state["adam"], "t": np.array(-1)}}
    with pytest.raises(ValueError, match=r"state/adam/t = -1 .*cannot be negative"):
        check_state(bad, strategy)
    check_state(state, strategy)                          # the valid state still passes


def test_closed_form_lam_of_a_nan_log_lam_is_refused():
    strategy = make_strategy("closed_form", meta_batch=2)
    state = strategy.init_state(np.random.default_rng(0))
    assert ClosedForm.lam(state) == pytest.approx(1.0)
    for log_lam in (np.array(np.nan), np.array(np.inf), "0", np.zeros(2)):
        bad = {**state, "params": {**state["params"], "log_lam": log_lam}}
        with pytest.raises(ValueError, match=r"log_lam"):
            ClosedForm.lam(bad)


def test_a_configuration_of_another_strategy_class_is_a_type_error():
    model, family = MLP((1, 8, 1)), Sinusoid()
    with pytest.raises(TypeError, match=r"config must be a MAMLConfig .*got a ReptileConfig"):
        MAML(model, family, config=ReptileConfig())
    with pytest.raises(TypeError, match=r"config must be a ReptileConfig .*got a MAMLConfig"):
        Reptile(model, family, config=MAMLConfig())
    # a configuration with the same fields is still taken (FOMAML from MAMLConfig)
    assert FOMAML(model, family, config=MAMLConfig(first_order=True)).name == "FOMAML"


@pytest.mark.parametrize("model, family, named", [
    (None, Sinusoid(), "model"), ("mlp", Sinusoid(), "model"),
    (MLP((1, 8, 1)), None, "family"), (MLP((1, 8, 1)), "sinusoid", "family")])
def test_a_strategy_without_a_network_or_a_family_object_is_refused(model, family, named):
    given = repr(model if named == "model" else family)
    for cls in (MAML, Reptile, ClosedForm):
        with pytest.raises(TypeError, match=rf"{named} must be .*got {given}"):
            cls(model, family)


@pytest.mark.parametrize("loss, kind, says", [
    (lambda p, y: "small", TypeError, "return real numbers"),
    (lambda p, y: None, TypeError, "return real numbers"),
    (lambda p, y: ad.sum(p * 0.0) * np.nan, ValueError, "finite loss"),
    (lambda p, y: 1 / 0, ValueError, "ZeroDivisionError")])
def test_a_users_loss_that_misbehaves_is_named_loss(loss, kind, says):
    model, params, batch = _problem()
    heads = [np.zeros((2, 8, 1)), np.zeros((2, 1))]
    calls = [lambda: pooled_loss(params, batch.x_support, batch.y_support, model, loss=loss),
             lambda: multitask_loss(params[:-2], heads, batch.x_support, batch.y_support,
                                    model, loss=loss),
             lambda: closed_form_meta_loss(params[:-2], batch, model, lam=0.1, loss=loss)]
    for call in calls:
        with pytest.raises(kind, match=rf"^loss must .*{says}"):
            call()


@pytest.mark.parametrize("apply, kind, says", [
    (lambda p, x: ad.sum(x), ValueError, r"shape .* = \(2, 5, 1\) .*got shape \(\)"),
    (lambda p, x: None, TypeError, "real-valued"),
    (lambda p, x: np.full((2, 5, 1), np.nan), ValueError, "finite"),
    (lambda p: p, TypeError, "raised TypeError")])
def test_a_users_apply_that_misbehaves_is_named_apply(apply, kind, says):
    model, params, batch = _problem()
    with pytest.raises(kind, match=rf"^apply must .*{says}"):
        inner_sgd(per_task(params, 2), batch.x_support, batch.y_support, apply, inner_lr=0.01,
                  inner_steps=1)
    inner_sgd(per_task(params, 2), batch.x_support, batch.y_support,     # a good one runs
              lambda p, x: model.apply(p, x), inner_lr=0.01, inner_steps=1)


def test_a_folder_without_the_stored_run_is_a_value_error_and_still_not_found(tmp_path):
    with pytest.raises(ValueError, match=r"folder .* holds no trained weights of maml 1-shot "
                                         r".*omniglot_compare_maml_1shot.npz.* train --out"):
        omniglot_compare.load_run(tmp_path, "maml", 1)
    with pytest.raises(FileNotFoundError):                # callers that catch this keep working
        omniglot_compare.load_run(tmp_path, "maml", 1)
    (tmp_path / "omniglot_compare_maml_1shot.npz").write_text("junk")
    with pytest.raises(ValueError, match=r"omniglot_compare_maml_1shot.npz.* is not a run"):
        omniglot_compare.load_run(tmp_path, "maml", 1)


def test_multitask_update_of_a_plain_task_batch_names_the_pool_batch():
    strategy = make_strategy("multitask", meta_batch=2, n_train_tasks=4)
    state = strategy.init_state(np.random.default_rng(0))
    batch = Sinusoid().sample(np.random.default_rng(1), 2, 10, 10)
    with pytest.raises(TypeError, match=r"batch must be the PoolBatch\(rows, tasks\).*TaskBatch"):
        strategy.update(state, batch, np.random.default_rng(0), 0)


def test_a_first_edition_state_of_an_unknown_class_is_refused():
    with pytest.raises(ValueError, match=r"cls must be .*got 'Foo'"):
        legacy.upgrade_state("Foo", {"params0": np.ones(1)})


def test_resume_with_steps_below_the_checkpoints_step_names_the_flag(good, tmp_path):
    path = _copy(good, tmp_path, lambda a: None)
    code, lines = _cli(["train", "--steps", "1", "--meta-batch", "2", "--out", str(path),
                        "--resume"])
    assert code == 2 and len(lines) == 1 and "--steps 1" in lines[0] and "meta-step 2" in lines[0]


def test_meta_losses_of_the_wrong_length_name_the_entry(good, tmp_path):
    path = _copy(good, tmp_path, lambda a: a.__setitem__("meta/step", np.array(5)))
    with pytest.raises(ValueError, match=r"at step 5 \(meta/step\).*meta/meta_losses"):
        load_checkpoint(path)


def test_text_where_an_array_is_meant_is_named_by_the_argument():
    from scratchmeta.meta.ridge import with_bias
    with pytest.raises(TypeError, match=r"^features must be an array of real numbers.*'abc'"):
        with_bias("abc")


def test_uses_low_rank_of_no_model_is_refused():
    from scratchmeta.meta.maml_low_rank import uses_low_rank
    _, params, batch = _problem()
    with pytest.raises(TypeError, match=r"^model must be a network .*got None"):
        uses_low_rank(params, batch, None)


def test_compare_support_that_the_family_cannot_split_names_the_flag():
    code, lines = _cli(["compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4",
                        "--family", "clusters", "--strategies", "closed_form", "--support", "3"])
    assert code == 2 and len(lines) == 1 and "--support 3" in lines[0]
