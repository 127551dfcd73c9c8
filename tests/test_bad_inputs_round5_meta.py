"""Round 5 (Chapter 2's functions and strategies): bad inputs refused by name, before any work.

Each case is a call that must raise ValueError or TypeError whose message names the
argument (and, for a scalar, the value given): the guard's own arguments (``step``,
``advice``, ``loss``, ``grads``, ``config``, ``parts``, ``inner_steps``), MAML's
``first_order`` and a zero ``inner_lr`` (0 would take K steps that do not move: K = 0 says
"no inner step"), Reptile's T = 0, multitask's NaN ``heads``, ``uses_low_rank``'s
arguments, an ``rng`` that is not a Generator in every strategy's ``update``,
``sample_batch`` and ``meta_grad``, a state that is not one in ``sample_batch``, a model
that is not one, the closed-form heads' methods and ``RunningStatistics``.
"""

import numpy as np
import pytest

from scratchmeta.meta import guard, normalization
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.maml import inner_sgd, meta_loss
from scratchmeta.meta.maml_low_rank import uses_low_rank
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.softmax_head import softmax_head_logits
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import Sinusoid

MODEL, FAMILY = MLP((1, 8, 1)), Sinusoid()
PARAMS = MODEL.init(np.random.default_rng(0))
BATCH = FAMILY.sample(np.random.default_rng(1), 2, 5, 4)
STRATEGIES = ["maml", "fomaml", "anil", "subset", "reptile", "closed_form", "pretrained",
              "scratch", "multitask"]


def _strategy(name, family="sinusoid"):
    extra = {"n_train_tasks": 4} if name == "multitask" else {}
    s = make_strategy(name, family, meta_batch=2, **extra)
    state = s.init_state(np.random.default_rng(0))
    return s, state, s.sample_batch(np.random.default_rng(1), state)


def _update(name, rng):
    s, state, batch = _strategy(name)
    return lambda: s.update(state, batch, rng, 0)


def _sample_batch(name, state):
    s = _strategy(name)[0]
    return lambda: s.sample_batch(np.random.default_rng(0), state)


def _head(name, method):
    s, state, _ = _strategy(name, "clusters")
    batch = s.family.sample(np.random.default_rng(2), 2, 10, 10)
    phi = s.model.body(state["params"]["body"], batch.x_support)
    calls = {"head_params": lambda: s.head_params(None, phi, batch.y_support),
             "head_params phi": lambda: s.head_params(state["params"], None, batch.y_support),
             "query_logits": lambda: s.query_logits(None, phi, batch.y_support, phi),
             "meta_loss": lambda: s.meta_loss(None, batch),
             "meta_loss batch": lambda: s.meta_loss(state["params"], None)}
    return calls[method]


def _meta_grad(name, rng):
    s, state, batch = _strategy(name)
    return lambda: s.meta_grad(state["params"], batch, rng)


CASES = [
    ("inner_sgd first_order 'yes'", lambda: inner_sgd(
        per_task(PARAMS, 2), BATCH.x_support, BATCH.y_support, MODEL.apply, inner_lr=0.01,
        inner_steps=1, first_order="yes"), ["first_order", "'yes'"]),
    ("meta_loss first_order 1", lambda: meta_loss(PARAMS, BATCH, MODEL, inner_lr=0.01,
                                                  inner_steps=1, first_order=1),
     ["first_order", "1"]),
    ("anil_meta_loss inner_lr 0", lambda: anil_meta_loss(PARAMS, BATCH, MODEL, inner_lr=0,
                                                         inner_steps=1), ["inner_lr", "0"]),
    ("maml inner_lr 0.0", lambda: make_strategy("maml", inner_lr=0.0), ["inner_lr", "0.0"]),
    ("meta_loss model None", lambda: meta_loss(PARAMS, BATCH, None, inner_lr=0.01,
                                               inner_steps=1), ["model", "None"]),
    ("reptile inner_steps int32 0", lambda: make_strategy("reptile", inner_steps=np.int32(0)),
     ["inner_steps", "0"]),
    ("reptile inner_steps 0", lambda: make_strategy("reptile", inner_steps=0),
     ["inner_steps", "0"]),
    ("multitask_loss heads with NaN", lambda: multitask_loss(
        PARAMS[:-2], [np.full((2, 8, 1), np.nan), np.zeros((2, 1))], BATCH.x_support,
        BATCH.y_support, MODEL), ["heads", "NaN"]),
    ("check_step step -1", lambda: guard.check_step(
        {"params": [np.ones(2)]}, {"params": [np.ones(2)]}, 1.0, step=-1, advice="lower"),
     ["step", "-1"]),
    ("check_step old None", lambda: guard.check_step(
        None, {"params": [np.ones(2)]}, 1.0, step=0, advice="lower"), ["old", "None"]),
    ("check_step new without a part", lambda: guard.check_step(
        {"params": [np.ones(2)]}, {"body": [np.ones(2)]}, 1.0, step=0, advice="lower"),
     ["new"]),
    ("check_update advice None", lambda: guard.check_update(
        1.0, [np.ones(2)], step=0, advice=None), ["advice", "None"]),
    ("check_update loss a word", lambda: guard.check_update(
        "x", [np.ones(2)], step=0, advice="lower"), ["loss", "'x'"]),
    ("check_update step 2.5", lambda: guard.check_update(
        1.0, [np.ones(2)], step=2.5, advice="lower"), ["step", "2.5"]),
    ("step_advice config a word", lambda: guard.step_advice("maml"), ["config", "'maml'"]),
    ("step_advice parts a string", lambda: guard.step_advice(
        make_strategy("maml").config, "params"), ["parts", "'params'"]),
    ("inner_advice inner_steps -1", lambda: guard.inner_advice(-1, 0.01),
     ["inner_steps", "-1"]),
    ("inner_advice inner_lr None", lambda: guard.inner_advice(1, None), ["inner_lr", "None"]),
    ("grad_norm of a string", lambda: guard.grad_norm("big"), ["grads", "'big'"]),
    ("grad_norm of None", lambda: guard.grad_norm(None), ["grads", "None"]),
    ("uses_low_rank params None", lambda: uses_low_rank(None, BATCH, MODEL),
     ["params", "None"]),
    ("uses_low_rank batch None", lambda: uses_low_rank(PARAMS, None, MODEL),
     ["batch", "None"]),
    ("softmax_head_logits phi_support None", lambda: softmax_head_logits(
        None, np.eye(2)[[0, 1]][None], np.ones((1, 2, 3)), 0.1), ["phi_support", "None"]),
    ("RunningStatistics stats None", lambda: normalization.RunningStatistics(
        MLP((1, 3, 1), batch_norm=True), None), ["stats", "None"]),
    ("RunningStatistics model None", lambda: normalization.RunningStatistics(None, []),
     ["model", "None"]),
    ("RunningStatistics var negative", lambda: normalization.RunningStatistics(
        MLP((1, 3, 1), batch_norm=True), [(np.zeros(3), -np.ones(3))]), ["stats[0] var"]),
    ("meta_loss loss of no argument", lambda: meta_loss(
        PARAMS, BATCH, MODEL, inner_lr=0.01, inner_steps=1, loss=lambda: 0), ["loss"]),
    ("MLP activation an array", lambda: MLP((1, 2), activation=np.array(1.0)), ["activation"]),
    ("adaptation_curves model None", lambda: normalization.adaptation_curves(
        PARAMS, BATCH, None, n_steps=1), ["model", "None"]),
] + [(f"{n} update rng None", _update(n, None), ["rng", "None"]) for n in STRATEGIES] \
  + [(f"{n} update rng a seed", _update(n, 0), ["rng", "0"]) for n in ("maml", "reptile")] \
  + [(f"{n} sample_batch state None", _sample_batch(n, None), ["state", "None"])
     for n in STRATEGIES] \
  + [(f"{n} meta_grad rng None", _meta_grad(n, None), ["rng", "None"])
     for n in ("maml", "anil", "subset")] \
  + [(f"{n} {m}", _head(n, m), ["params" if "params" in m and "phi" not in m
                                or m in ("query_logits", "meta_loss") else
                                "phi_support" if "phi" in m else "batch", "None"])
     for n in ("r2d2", "newton_head") for m in ("head_params", "head_params phi",
                                               "query_logits", "meta_loss", "meta_loss batch")]


@pytest.mark.parametrize("call, mentions", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_argument_is_named_before_any_work(call, mentions):
    with np.errstate(all="raise"), pytest.raises((ValueError, TypeError)) as info:
        call()
    for m in mentions:
        assert m in str(info.value), (m, str(info.value))


def test_step_advice_of_no_configuration_is_generic_advice():
    # Documented valid: a strategy of the user's without a config gets generic advice.
    assert guard.step_advice(None, {"params": []}) == {
        "params": "check the strategy's step sizes"}
