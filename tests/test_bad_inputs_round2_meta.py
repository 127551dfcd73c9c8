"""Round 2 of the blind batteries (helper E): the meta functions, the strategies, nn and optim.

Each case is a bad input of a class the eighth and ninth batteries found unclear or silent,
and each is now one ValueError or TypeError, raised before any work, whose message names
the argument (and the value given). The classes: a caller's own argument names in the
ridge head's messages; a path that is not an iterator; a loss that does not give one number
per task; an inner loop's ``apply`` or a layer's ``linear`` that is not a function; moving
parameters without a task axis; a multi-task loss's heads and data of other tasks; the
measurements of ``normalization`` and ``exploding`` (counts, a model that is a function);
the state of one strategy handed to another (checked before anything is traced); a pool's
rows out of range; Adam's state of another model, or with a step count that is no count.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.meta import adapt
from scratchmeta.meta.closed_form import ClosedForm
from scratchmeta.meta.exploding import divergence_map
from scratchmeta.meta.maml import inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.normalization import (adaptation_curves, first_step_change,
                                            population_statistics, sharpness)
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import Sinusoid, mse

MODEL = MLP((1, 8, 1))
PARAMS = MODEL.init(np.random.default_rng(0))
BATCH = Sinusoid().sample(np.random.default_rng(1), 2, 5, 5)
BN = MLP((1, 8, 1), batch_norm=True)
BN_PARAMS = BN.init(np.random.default_rng(0))
RNG = np.random.default_rng


def _features():
    rng = RNG(0)
    return rng.normal(size=(2, 6, 4)), np.eye(3)[rng.integers(0, 3, size=(2, 6))]


def _scalar_loss(pred, y):           # one number for the whole batch, not one per task
    return ad.mean((pred - y) ** 2)


def _per_point_loss(pred, y):        # one number per point: (tasks, points)
    return ad.mean((pred - y) ** 2, axis=-1)


_STATES = {}


def _strategy(name, **hyper):
    """A strategy of 2 tasks a batch and its initial state (made once per test session)."""
    if name not in _STATES:
        s = make_strategy(name, meta_batch=2, **hyper)
        _STATES[name] = s, s.init_state(RNG(0))
    return _STATES[name]


def _pool_batch(rows):
    strategy, state = _strategy("multitask", n_train_tasks=10)
    return strategy.sample_batch(RNG(0), state)._replace(rows=np.array(rows))


def _adam_of(params, **state):
    return adam_update(PARAMS, [np.ones_like(p) for p in PARAMS], {**adam_init(params), **state},
                       1e-3)


CASES = [
    # the ridge head names the caller's arguments and the shapes the caller gave
    ("ridge_fit y of fewer tasks", lambda: ridge_fit(_features()[0], _features()[1][:1], 0.1),
     ValueError, ["y must", "(2, 6, 4)", "(1, 6, 3)"]),
    ("newton_solve y of fewer points", lambda: newton_solve(
        _features()[0], _features()[1][:, :5], 0.1), ValueError, ["y must", "(2, 6, 4)"]),
    # a path is an iterator, not a list of parameter lists
    ("adapt.steps of a list", lambda: adapt.steps([PARAMS], 2), TypeError, ["path", "list"]),
    ("adapt.after of a tuple", lambda: adapt.after((PARAMS,), 0), TypeError, ["path", "tuple"]),
    # a loss gives one number per task (family.loss's contract), probed before any work
    ("meta_loss a loss per point", lambda: meta_loss(
        PARAMS, BATCH, MODEL, inner_lr=0.01, inner_steps=1, loss=_per_point_loss),
     ValueError, ["loss", "(2,)", "(2, 1)"]),
    ("meta_loss a loss of one number", lambda: meta_loss(
        PARAMS, BATCH, MODEL, inner_lr=0.01, inner_steps=1, loss=_scalar_loss),
     ValueError, ["loss", "(2,)", "shape ()"]),
    ("meta_grad a loss per point", lambda: meta_grad(
        PARAMS, BATCH, MODEL, inner_lr=0.01, inner_steps=1, loss=_per_point_loss),
     ValueError, ["loss", "(2, 1)"]),
    ("inner_sgd a loss of one number", lambda: inner_sgd(
        per_task(PARAMS, 2), BATCH.x_support, BATCH.y_support, MODEL.apply, inner_lr=0.01,
        inner_steps=1, loss=_scalar_loss), ValueError, ["loss", "(2,)"]),
    ("sgd_path a loss per point", lambda: adapt.sgd_path(
        per_task(PARAMS, 2), BATCH, MODEL, inner_lr=0.01, loss=_per_point_loss),
     ValueError, ["loss", "(2, 1)"]),
    # the functions an inner loop or a layer calls
    ("inner_sgd apply a name", lambda: inner_sgd(
        per_task(PARAMS, 2), BATCH.x_support, BATCH.y_support, "mlp", inner_lr=0.01,
        inner_steps=1), TypeError, ["apply", "'mlp'"]),
    ("inner_sgd y of other tasks", lambda: inner_sgd(
        per_task(PARAMS, 2), BATCH.x_support, BATCH.y_support[:1], MODEL.apply, inner_lr=0.01,
        inner_steps=1), ValueError, ["y", "(1, 5, 1)"]),
    ("inner_sgd x without a task axis", lambda: inner_sgd(
        per_task(PARAMS, 2), BATCH.x_support[0], BATCH.y_support, MODEL.apply, inner_lr=0.01,
        inner_steps=1), ValueError, ["x", "(5, 1)"]),
    ("MLP forward_with linear a name", lambda: MODEL.forward_with(PARAMS, np.ones((5, 1)),
                                                                   "matmul"),
     TypeError, ["linear", "'matmul'"]),
    ("MLP apply params a dict", lambda: MODEL.apply(dict(enumerate(PARAMS)), np.ones((5, 1))),
     TypeError, ["params", "dict"]),
    # SGD moves a parameter: it needs one copy per task
    ("sgd_path theta without a task axis", lambda: adapt.sgd_path(
        PARAMS, BATCH, MODEL, inner_lr=0.01, loss=mse), ValueError, ["theta[0]", "(1, 8)"]),
    ("sgd_path the head moving without a task axis", lambda: adapt.sgd_path(
        per_task(PARAMS[:2], 2) + PARAMS[2:], BATCH, MODEL, inner_lr=0.01, loss=mse,
        trainable=(2, 3)), ValueError, ["theta[2]", "(8, 1)"]),
    # the multi-task loss: one head per task of x
    ("multitask_loss x without a task axis", lambda: multitask_loss(
        PARAMS[:2], [np.zeros((2, 8, 1)), np.zeros((2, 1))], BATCH.x_support[0],
        BATCH.y_support[0], MODEL), ValueError, ["x", "(5, 1)"]),
    ("multitask_loss heads of 3 tasks for 2", lambda: multitask_loss(
        PARAMS[:2], [np.zeros((3, 8, 1)), np.zeros((3, 1))], BATCH.x_support, BATCH.y_support,
        MODEL), ValueError, ["heads", "(3, 8, 1)"]),
    # the measurements of section 1.3.7
    ("sharpness iterations 0", lambda: sharpness(PARAMS, BATCH, MODEL, iterations=0),
     ValueError, ["iterations", "0"]),
    ("sharpness seed negative", lambda: sharpness(PARAMS, BATCH, MODEL, seed=-1),
     ValueError, ["seed", "-1"]),
    ("sharpness batch a tuple", lambda: sharpness(PARAMS, tuple(BATCH), MODEL),
     TypeError, ["batch", "tuple"]),
    ("adaptation_curves n_steps negative", lambda: adaptation_curves(
        PARAMS, BATCH, MODEL, n_steps=-1), ValueError, ["n_steps", "-1"]),
    ("first_step_change params of another model", lambda: first_step_change(
        MLP((1, 4, 1)).init(RNG(0)), BATCH, MODEL), ValueError, ["params", "(1, 4)"]),
    ("population_statistics NaN x", lambda: population_statistics(
        BN, BN_PARAMS, np.full((2, 5, 1), np.nan)), ValueError, ["x", "10 NaN"]),
    ("population_statistics params of another model", lambda: population_statistics(
        BN, PARAMS[:2], np.ones((2, 5, 1))), ValueError, ["params"]),
    ("divergence_map model a function", lambda: divergence_map(
        lambda params, x: x, Sinusoid(), [1], [0.01], n_steps=2, meta_batch=2),
     TypeError, ["model", "init"]),
    ("divergence_map n_steps 0", lambda: divergence_map(
        MODEL, Sinusoid(), [1], [0.01], n_steps=0, meta_batch=2), ValueError, ["n_steps", "0"]),
    ("divergence_map a model of 2 inputs", lambda: divergence_map(
        MLP((2, 8, 1)), Sinusoid(), [1], [0.01], n_steps=1, meta_batch=2),
     ValueError, ["model", "(1, ..., 1)"]),
    # one strategy's state handed to another, refused before anything is traced
    ("maml update of a closed_form state", lambda: _strategy("maml")[0].update(
        _strategy("closed_form")[1], BATCH, RNG(0), 0), TypeError, ["state['params']", "dict"]),
    ("maml adaptation of a closed_form state", lambda: _strategy("maml")[0].adaptation(
        _strategy("closed_form")[1], BATCH), TypeError, ["state['params']", "dict"]),
    ("reptile update of a closed_form state", lambda: _strategy("reptile")[0].update(
        _strategy("closed_form")[1], BATCH, RNG(0), 0), TypeError, ["state['params']"]),
    ("closed_form update of a maml state", lambda: _strategy("closed_form")[0].update(
        _strategy("maml")[1], BATCH, RNG(0), 0), TypeError, ["state['params']", "list"]),
    ("closed_form adaptation of a maml state", lambda: _strategy("closed_form")[0].adaptation(
        _strategy("maml")[1], BATCH), TypeError, ["state['params']", "log_lam"]),
    ("maml update with adam a list", lambda: _strategy("maml")[0].update(
        {**_strategy("maml")[1], "adam": []}, BATCH, RNG(0), 0), TypeError, ["state['adam']"]),
    ("ClosedForm.lam of an empty state", lambda: ClosedForm.lam({}), TypeError, ["state"]),
    ("ClosedForm.lam of a maml state", lambda: ClosedForm.lam(_strategy("maml")[1]),
     TypeError, ["state['params']"]),
    # the pool of heads of normal SGD
    ("multitask update rows past the pool", lambda: _strategy("multitask", n_train_tasks=10)[0].update(
        _strategy("multitask", n_train_tasks=10)[1], _pool_batch([0, 50]), RNG(0), 0), ValueError,
     ["rows", "50"]),
    ("multitask update a row twice", lambda: _strategy("multitask", n_train_tasks=10)[0].update(
        _strategy("multitask", n_train_tasks=10)[1], _pool_batch([3, 3]), RNG(0), 0), ValueError, ["rows"]),
    ("multitask update rows for 3 tasks of 2", lambda: _strategy("multitask", n_train_tasks=10)[0].update(
        _strategy("multitask", n_train_tasks=10)[1], _pool_batch([0, 1, 2]), RNG(0), 0), ValueError,
     ["rows", "(2)", "got 3"]),
    # Adam's state: of these parameters, t a count
    ("adam state t NaN", lambda: _adam_of(PARAMS, t=np.nan), ValueError, ["t", "nan"]),
    ("adam state t negative", lambda: _adam_of(PARAMS, t=np.array(-1)), ValueError,
     ["t", "-1"]),
    ("adam state t one per row", lambda: _adam_of(PARAMS, t=np.zeros(3, int)), ValueError,
     ["t", "(3,)"]),
    ("adam state of another model", lambda: _adam_of(MLP((1, 4, 1)).init(RNG(0))), ValueError,
     ["state['m']", "(1, 4)", "(1, 8)"]),
    ("adam state of fewer parameters", lambda: _adam_of(PARAMS[:2]), ValueError,
     ["state['m']", "got 2"]),
    ("adam_rows state t of the wrong length", lambda: adam_rows(
        [np.zeros((3, 2))], {"t": np.zeros(2, int), "m": [np.zeros((3, 2))],
                             "v": [np.zeros((3, 2))]}, [np.ones((1, 2))], [0], 1e-3),
     ValueError, ["t", "(2,)", "(3,)"]),
    ("adam_rows state t a scalar", lambda: adam_rows(
        [np.zeros((3, 2))], {"t": np.array(0), "m": [np.zeros((3, 2))],
                             "v": [np.zeros((3, 2))]}, [np.ones((1, 2))], [0], 1e-3),
     ValueError, ["t", "(3,)"]),
]


@pytest.mark.parametrize("call, error, mentions", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_bad_input_is_one_clear_error_naming_it(call, error, mentions):
    with np.errstate(all="raise"), pytest.raises(error) as info:
        call()
    for m in mentions:
        assert m in str(info.value), f"{m!r} not in: {info.value}"


def test_a_frozen_shared_body_and_per_task_head_still_adapt():
    """Documented valid (adapt.sgd_path): a parameter SGD does not move may be shared."""
    theta = PARAMS[:2] + per_task(PARAMS[2:], 2)
    thetas = adapt.steps(adapt.sgd_path(theta, BATCH, MODEL, inner_lr=0.01, loss=mse,
                                        trainable=(2, 3)), 2)
    assert np.array_equal(thetas[2][0], theta[0]) and thetas[2][2].shape == (2, 8, 1)
    assert not np.allclose(thetas[2][2], thetas[0][2])


def test_the_strategies_still_take_their_own_states():
    for name, hyper in (("maml", {}), ("closed_form", {}), ("reptile", {}),
                        ("multitask", {"n_train_tasks": 10})):
        strategy, state = _strategy(name, **hyper)
        new, loss = strategy.update(state, strategy.sample_batch(RNG(1), state), RNG(2), 0)
        assert np.isfinite(loss) and set(new) >= {"adam"} - ({"adam"} if name == "reptile"
                                                            else set())
    assert ClosedForm.lam(_strategy("closed_form")[1]) == pytest.approx(1.0)


def test_adam_takes_a_count_restored_as_a_float_or_a_python_int():
    for t in (3, np.float64(3.0), np.array(3)):
        new, state = _adam_of(PARAMS, t=t)
        assert int(state["t"]) == 4


def test_batch_norm_of_integer_h_equals_that_of_float_h():
    """Documented valid (batchnorm._check_h: h holds real numbers): no error, the same result."""
    from scratchmeta.batchnorm import batch_norm
    h = np.arange(12).reshape(4, 3)
    np.testing.assert_array_equal(batch_norm(h), batch_norm(h.astype(float)))


@pytest.mark.parametrize("hyper", [[("inner_lr", 0.1)], "inner_lr=0.1", 0.1])
def test_configure_refuses_hyperparameters_that_are_not_a_dict(hyper):
    from scratchmeta.meta.maml import MAML
    from scratchmeta.meta.protocol import configure
    with pytest.raises(TypeError, match=r"hyper must be a dict") as err:
        configure(MAML, hyper=hyper)
    assert repr(hyper) in str(err.value)
    assert configure(MAML, hyper={"inner_lr": 0.1}).inner_lr == 0.1
