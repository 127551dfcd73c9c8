"""Bad inputs to Chapter 2's functions, strategies, checkpoints and nn/optim/batchnorm, found by
the fourth battery's draft.

Each was unclear or silent before (issue 11): an UnboundLocalError from the softmax head
with ``max_steps=0``, AttributeErrors from ``adapt.predict(batch=None)``, ``evaluate(None,
...)`` and ``finn_init(0, ...)``, a KeyError from ``update`` on a state without Adam's
moments, "'str' object is not callable" from ``loss="mse"``, a MemoryError from a huge MLP;
and, silently, K = -1 taken as no step, parameters of another model used, a negative Reptile
step, complex inputs, NaN gradients taken by Adam and NaN meta-losses saved. Each is now one
ValueError or TypeError that names the argument and the value given, raised before any
work, by the shared validators of ``scratchmeta.meta.checks``.
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import finn_init
from scratchmeta.meta import adapt
from scratchmeta.meta.checkpoint import load_checkpoint, save_checkpoint
from scratchmeta.meta.evaluate import evaluate
from scratchmeta.meta.maml import inner_sgd, meta_grad
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.softmax_head import softmax_head
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import Sinusoid


def _rng():
    return np.random.default_rng(0)


def _problem():
    """A 1-8-1 MLP, its parameters and a batch of 2 sinusoid tasks (5 + 5 points)."""
    model = MLP((1, 8, 1))
    return model, model.init(_rng()), Sinusoid().sample(_rng(), 2, 5, 5)


def _maml():
    strategy = make_strategy("maml", meta_batch=2)
    return strategy, strategy.init_state(_rng())


# --- unclear before: an error from inside, not naming the argument ------------------------------

def test_softmax_head_max_steps_0_is_refused():
    rng = _rng()
    phi, y = rng.normal(size=(2, 6, 4)), np.eye(3)[rng.integers(0, 3, size=(2, 6))]
    with pytest.raises(ValueError, match=r"max_steps must be an integer >= 1, got 0"):
        softmax_head(phi, y, 0.1, max_steps=0)


def test_predict_on_no_batch_is_refused():
    with pytest.raises(TypeError, match=r"batch must be a batch of tasks .* got None"):
        adapt.predict(*_maml(), None, 1)


def test_evaluate_of_no_strategy_is_refused():
    with pytest.raises(TypeError, match=r"strategy must be a strategy object .* got None"):
        evaluate(None, _maml()[1], Sinusoid(), n_tasks=2)


def test_finn_init_with_a_seed_for_rng_is_refused():
    with pytest.raises(TypeError, match=r"rng must be a numpy.random.Generator .* got 0"):
        finn_init(0, (1, 4, 1))


def test_update_on_a_state_without_adam_is_refused():
    strategy, state = _maml()
    with pytest.raises(TypeError, match=r"state must be .* got one without \['adam'\]"):
        strategy.update({"params": state["params"]}, Sinusoid().sample(_rng(), 2, 5, 5),
                        _rng(), 0)


def test_a_loss_given_by_name_is_refused():
    model, params, batch = _problem()
    with pytest.raises(TypeError, match=r"loss must be a function, .* got 'mse'"):
        adapt.steps(adapt.from_theta0(params, batch, model, inner_lr=0.01, loss="mse"), 1)


def test_an_mlp_too_large_for_memory_is_refused_before_drawing():
    with pytest.raises(ValueError, match=r"parameters of MLP\(sizes=\(1, 10000000, 10000000, "
                                         r"1\).* would need .* of memory"):
        MLP((1, 10 ** 7, 10 ** 7, 1)).init(_rng())


# --- silent before: a result from a bad input ----------------------------------------------------

def test_inner_sgd_with_negative_k_is_refused():
    model, params, batch = _problem()
    with pytest.raises(ValueError, match=r"inner_steps \(K\) must be an integer >= 0, got -1"):
        inner_sgd(per_task(params, 2), batch.x_support, batch.y_support, model.apply,
                  inner_lr=0.01, inner_steps=-1)


def test_meta_grad_of_another_models_parameters_is_refused():
    model, _, batch = _problem()
    with pytest.raises(ValueError, match=r"params\[0\] has shape \(1, 4\), expected \(1, 8\)"):
        meta_grad(MLP((1, 4, 1)).init(_rng()), batch, model, inner_lr=0.01, inner_steps=1)


def test_reptile_step_with_a_negative_meta_lr_is_refused():
    model, params, batch = _problem()
    with pytest.raises(ValueError, match=r"meta_lr must be a positive finite number, got -1.0"):
        reptile_step(params, batch, model, inner_lr=0.01, inner_steps=1, meta_lr=-1.0)


def test_mlp_apply_on_complex_inputs_is_refused():
    model, params, _ = _problem()
    with pytest.raises(TypeError, match=r"x must hold real numbers, .*complex128"):
        model.apply(params, np.ones((5, 1)) * 1j)


def test_adam_with_nan_gradients_is_refused():
    _, params, _ = _problem()
    grads = [np.full_like(p, np.nan) for p in params]
    with pytest.raises(ValueError, match=r"grads must be finite, got NaN or inf in grads 0"):
        adam_update(params, grads, adam_init(params), 1e-3)


def test_a_nan_meta_loss_is_not_saved(tmp_path):
    path = tmp_path / "s.npz"
    with pytest.raises(ValueError, match=r"meta_losses must be finite .* got 1 NaN or inf "
                                         r"values: \[nan\]"):
        save_checkpoint(path, {"w": np.ones(1)}, step=1, seed=0, config={},
                        meta_losses=[np.nan])
    assert not path.exists()


# --- the same validators, on neighbouring cases -------------------------------------------------

def test_update_with_a_negative_step_is_refused_for_reptile_too():
    strategy = make_strategy("reptile", meta_batch=2, inner_steps=1)
    state = strategy.init_state(_rng())
    with pytest.raises(ValueError, match=r"step must be an integer >= 0, got -1"):
        strategy.update(state, strategy.sample_batch(_rng(), state), _rng(), -1)


def test_mlp_apply_still_takes_real_inputs_of_every_kind():
    model, params, _ = _problem()
    assert model.apply(params, np.ones((5, 1), dtype=np.float32)).shape == (5, 1)
    assert model.apply(params, np.ones((5, 1), dtype=int)).shape == (5, 1)


def test_a_good_checkpoint_still_saves_and_loads(tmp_path):
    path = tmp_path / "ok.npz"
    save_checkpoint(path, {"w": np.ones(2)}, step=1, seed=0,
                    config={"class": "x.MAML", "hyperparameters": {"inner_lr": 0.01}},
                    meta_losses=[0.5], changes=[{"step": 1, "changes": {}}])
    assert load_checkpoint(path).meta_losses.tolist() == [0.5]
