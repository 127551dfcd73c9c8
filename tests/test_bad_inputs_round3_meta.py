"""Round three of issue 11's bad inputs: what the tenth battery found in the guard, the
strategy records, checkpoints, the first edition's states and the accuracy metric.

Each case must be a ValueError or TypeError naming the argument (and the value given)
before any work; the good call beside it still works.
"""

import numpy as np
import pytest

from scratchmeta.meta.checkpoint import check_state, load_checkpoint, save_checkpoint
from scratchmeta.meta.guard import check_update
from scratchmeta.meta.legacy import upgrade_state
from scratchmeta.meta.protocol import describe
from scratchmeta.meta.registry import make_strategy
from scratchmeta.tasks import accuracy


def _maml():
    strategy = make_strategy("maml", meta_batch=2)
    return strategy, strategy.init_state(np.random.default_rng(0))


@pytest.mark.parametrize("limits, mentions", [
    ({"max_loss": np.nan}, ["max_loss", "nan"]),
    ({"max_norm": "big"}, ["max_norm", "'big'"]),
    ({"max_norm": True}, ["max_norm", "True"]),
    ({"max_loss": -1.0}, ["max_loss", "-1.0"]),
    ({"max_norm": 0}, ["max_norm", "0"]),
])
def test_the_guards_thresholds_are_positive_numbers(limits, mentions):
    with pytest.raises(ValueError) as err:
        check_update(1.0, [np.ones(2)], step=0, advice="lower meta_lr", **limits)
    assert all(m in str(err.value) for m in mentions), str(err.value)
    assert check_update(1.0, [np.ones(2)], step=0, advice="x", max_norm=np.inf) == np.sqrt(2)


def test_describe_names_a_strategy_given_by_its_name():
    with pytest.raises(TypeError, match=r"strategy must be a strategy object.*'maml'"):
        describe("maml")
    assert describe(_maml()[0])["name"] == "MAML"


def test_save_refuses_changes_that_loading_would_call_damage(tmp_path):
    strategy, state = _maml()
    args = dict(step=0, seed=0, config=describe(strategy), meta_losses=[])
    with pytest.raises(ValueError, match=r"^changes must be a JSON list of .* got item 0 = 1"):
        save_checkpoint(tmp_path / "a.npz", state, changes=[1, 2], **args)
    assert not (tmp_path / "a.npz").exists()
    record = [{"step": 0, "changes": {"inner_lr": [0.01, 0.05]}}]
    save_checkpoint(tmp_path / "b.npz", state, changes=record, **args)
    assert list(load_checkpoint(tmp_path / "b.npz").changes) == record


def test_check_state_names_a_path_that_is_not_text():
    strategy, state = _maml()
    with pytest.raises(TypeError, match=r"path must be a string, got 3"):
        check_state(state, strategy, path=3)
    check_state(state, strategy, path="run.npz")


@pytest.mark.parametrize("cls, flat, error, mentions", [
    ("MAML", {"params/0": np.ones(2)}, ValueError, ["flat", "'MAML'", "'params'", "params/0"]),
    ("Multitask", {"params0": np.ones(2)}, ValueError, ["flat", "'Multitask'", "'body'"]),
    ("MAML", 3, TypeError, ["flat", "3"]),
])
def test_upgrade_state_names_a_flat_state_of_another_layout(cls, flat, error, mentions):
    with pytest.raises(error) as err:
        upgrade_state(cls, flat)
    assert all(m in str(err.value) for m in mentions), str(err.value)
    assert upgrade_state("Scratch", {"params0": np.ones(2)})["params"][0].shape == (2,)


def test_accuracy_counts_a_point_with_non_finite_logits_as_a_miss():
    y = np.eye(3)[np.zeros((2, 4), int)]                    # every point is class 0
    logits = np.tile([5.0, 0.0, 0.0], (2, 4, 1))
    np.testing.assert_array_equal(accuracy(logits, y), [1.0, 1.0])
    logits[0, :2] = np.nan                                   # argmax of NaN would say class 0
    logits[1, 0, 1] = np.inf
    np.testing.assert_array_equal(accuracy(logits, y), [0.5, 0.75])


def _adam_args(**change):
    from scratchmeta.optim import adam_init
    params = [np.ones((2, 3)), np.zeros(3)]
    state = adam_init(params)
    state = {**state, "t": np.array(1),           # moments of one step taken (round 59: a
             "m": [m + 0.1 for m in state["m"]],  # state at t = 0 has zero moments)
             "v": [v + 0.1 for v in state["v"]]}
    args = {"params": params, "grads": [np.ones((2, 3)), np.ones(3)], "state": state,
            "lr": 0.01}
    for key, value in change.items():
        if key in ("m", "v"):
            args["state"] = {**args["state"], key: value}
        else:
            args[key] = value
    return args


@pytest.mark.parametrize("change, mentions", [
    ({"lr": 1e308, "grads": [np.full((2, 3), 10.0), np.full(3, 10.0)]},
     ["lr", "1e+308", "too large"]),
    ({"m": [np.full((2, 3), np.nan), np.zeros(3)]}, ["state['m']", "leaf 0"]),
    ({"v": [np.zeros((2, 3)), -np.ones(3)]}, ["state['v']", "leaf 1"]),
    ({"grads": [np.ones((2, 3)), np.array([1.0, np.inf, 1.0])]}, ["grads", "grads 1"]),
    ({"params": [np.ones((2, 3)) * np.nan, np.zeros(3)]}, ["params", "params 0"]),
])
def test_adam_names_a_bad_value_found_through_its_result(change, mentions):
    """adam_update reads the values through the new parameters (one pass), then names the
    input that made them not finite; under errstate(all='raise') too, never a
    FloatingPointError from inside the step."""
    from scratchmeta.optim import adam_update
    args = _adam_args(**change)
    with np.errstate(all="raise"), pytest.raises(ValueError) as err:
        adam_update(**args)
    assert all(m in str(err.value) for m in mentions), str(err.value)
    new, state = adam_update(**_adam_args())
    assert all(np.isfinite(p).all() for p in new) and int(state["t"]) == 2
