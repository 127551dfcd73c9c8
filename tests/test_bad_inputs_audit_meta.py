"""Bad inputs to Chapter 2's functions, the learner, Adam and batch norm: each is refused
up front by a ValueError or TypeError that names the argument (issue 11, audit of the
sweep's "meta functions", "nn/optim/batchnorm" and "strategies" areas).

Each case is one careless call; the test asserts the exception type and that the message
names the parameter exactly as the signature spells it (and, for a scalar, the value).
NaN or inf in data or parameters is refused by name, with the count of such entries.
Generators (``adapt.sgd_path``, ``Multitask.adaptation``) check when called, not at the
first ``next()``.
"""

import numpy as np
import pytest

from scratchmeta import batchnorm, nn, optim, tasks
from scratchmeta.meta import (adapt, anil, baselines, closed_form, exploding, maml, multitask,
                              r2d2_head, registry, reptile, ridge, softmax_head, subset)


def _rng():
    return np.random.default_rng(0)


def _model():
    return nn.MLP((1, 8, 1))


def _params():
    return _model().init(_rng())


def _batch(n_tasks=2):
    return tasks.Sinusoid().sample(_rng(), n_tasks, 5, 5)


def _nan(p):
    return [p[0] * np.nan] + list(p[1:])


def _transposed(p):
    return [p[0].T] + list(p[1:])


def _onehot():
    rng = _rng()
    return rng.normal(size=(2, 6, 3)), np.eye(3)[rng.integers(0, 3, size=(2, 6))]


def _meta(fn, **bad):
    kw = dict(params=_params(), batch=_batch(), model=_model(), inner_lr=0.01, inner_steps=1)
    kw.update(bad)
    return lambda: fn(**kw)


def _nan_batch():
    b = _batch()
    return b._replace(x_support=b.x_support * np.nan)


def _multitask_adaptation(**bad):
    def call():
        s = registry.make_strategy("multitask", meta_batch=2, n_train_tasks=4)
        kw = {"state": s.init_state(_rng()), "batch": _batch(), **bad}
        return s.adaptation(**kw)
    return call


CASES = [
    # the learner
    ("MLP dtype None", lambda: nn.MLP((1, 8, 1), dtype=None), TypeError, ["dtype", "None"]),
    ("MLP dtype word", lambda: nn.MLP((1, 8, 1), dtype="nope"), TypeError, ["dtype", "'nope'"]),
    ("MLP dtype 3", lambda: nn.MLP((1, 8, 1), dtype=3), TypeError, ["dtype", "3"]),
    ("MLP huge width", lambda: nn.MLP((1, 10 ** 30, 1)), ValueError, ["sizes"]),
    ("MLP too big for memory", lambda: nn.MLP((1, 10 ** 15, 1)), ValueError, ["memory"]),
    ("apply params None", lambda: _model().apply(None, np.ones((5, 1))), TypeError,
     ["params", "None"]),
    ("apply params one fewer", lambda: _model().apply(_params()[:-1], np.ones((5, 1))),
     ValueError, ["params", "got 3"]),
    ("apply params transposed", lambda: _model().apply(_transposed(_params()), np.ones((5, 1))),
     ValueError, ["params[0]", "(8, 1)"]),
    ("apply params NaN", lambda: _model().apply(_nan(_params()), np.ones((5, 1))), ValueError,
     ["params[0]", "NaN"]),
    ("apply x None", lambda: _model().apply(_params(), None), TypeError, ["x", "None"]),
    ("apply x empty", lambda: _model().apply(_params(), np.ones((0, 5, 1))), ValueError,
     ["x", "(0, 5, 1)"]),
    ("apply x NaN", lambda: _model().apply(_params(), np.full((5, 1), np.nan)), ValueError,
     ["x", "5 NaN"]),
    ("body NaN", lambda: nn.MLP((1, 8, 8, 1)).body(_nan(nn.MLP((1, 8, 8, 1)).init(_rng())[:-2]),
                                                   np.ones((5, 1))), ValueError,
     ["body_params[0]"]),
    ("head features wrong width", lambda: _model().head(_params()[-2:], np.ones((5, 3))),
     ValueError, ["features", "(5, 3)"]),
    ("per_task params NaN", lambda: nn.per_task(_nan(_params()), 2), ValueError,
     ["params[0]", "NaN"]),
    ("per_task params nested", lambda: nn.per_task([_params()], 2), TypeError, ["params[0]"]),
    ("split params transposed", lambda: nn.split(_transposed(_params())), ValueError,
     ["params[0]", "(8, 1)"]),
    ("split params NaN", lambda: nn.split(_nan(_params())), ValueError, ["params[0]"]),
    # Adam and batch norm
    ("adam_init params NaN", lambda: optim.adam_init(_nan(_params())), ValueError,
     ["params[0]"]),
    ("adam_update params NaN", lambda: optim.adam_update(
        _nan(_params()), _params(), optim.adam_init(_params()), 0.01), ValueError,
     ["params", "NaN"]),
    ("batch_norm h NaN", lambda: batchnorm.batch_norm(np.full((2, 5, 3), np.nan)), ValueError,
     ["h", "30 NaN"]),
    ("batch_norm offset NaN", lambda: batchnorm.batch_norm(
        np.arange(15.0).reshape(5, 3), offset=np.full(3, np.nan)), ValueError, ["offset"]),
    # meta-losses and meta-gradients
    ("meta_loss params NaN", _meta(maml.meta_loss, params=_nan(_params())), ValueError,
     ["params[0]", "NaN"]),
    ("meta_loss batch NaN", _meta(maml.meta_loss, batch=_nan_batch()), ValueError,
     ["batch.x_support", "NaN"]),
    ("meta_grad params None", _meta(maml.meta_grad, params=None), TypeError, ["params", "None"]),
    ("meta_grad params NaN", _meta(maml.meta_grad, params=_nan(_params())), ValueError,
     ["params[0]"]),
    ("anil_meta_grad params None", _meta(anil.anil_meta_grad, params=None), TypeError,
     ["params"]),
    ("anil_meta_loss batch NaN", _meta(anil.anil_meta_loss, batch=_nan_batch()), ValueError,
     ["batch.x_support"]),
    ("meta_gradient_norm params None", _meta(exploding.meta_gradient_norm, params=None),
     TypeError, ["params"]),
    ("fine_tune_tasks params NaN", _meta(reptile.fine_tune_tasks, params=_nan(_params())),
     ValueError, ["params[0]"]),
    ("reptile_step batch NaN", _meta(reptile.reptile_step, batch=_nan_batch(), meta_lr=0.1),
     ValueError, ["batch.x_support"]),
    ("reptile_direction theta_T None", lambda: reptile.reptile_direction(_params(), None),
     TypeError, ["theta_T", "None"]),
    ("reptile_direction theta_T no task axis", lambda: reptile.reptile_direction(
        _params(), _params()), ValueError, ["theta_T[0]", "(tasks, 1, 8)"]),
    ("reptile_direction params NaN", lambda: reptile.reptile_direction(
        _nan(_params()), [p[None] for p in _params()]), ValueError, ["params[0]"]),
    ("closed_form body_params None", lambda: closed_form.closed_form_meta_loss(
        None, _batch(), _model(), lam=1.0), TypeError, ["body_params", "None"]),
    ("closed_form body_params transposed", lambda: closed_form.closed_form_meta_loss(
        [np.ones((8, 1)), np.ones(8)], _batch(), _model(), lam=1.0), ValueError,
     ["body_params[0]"]),
    ("closed_form body_params one more", lambda: closed_form.closed_form_meta_loss(
        _params()[:3], _batch(), _model(), lam=1.0), ValueError, ["body_params", "got 3"]),
    ("closed_form batch dict", lambda: closed_form.closed_form_meta_loss(
        _params()[:2], _batch()._asdict(), _model(), lam=1.0), TypeError, ["batch"]),
    ("closed_form batch NaN", lambda: closed_form.closed_form_meta_loss(
        _params()[:2], _nan_batch(), _model(), lam=1.0), ValueError, ["batch.x_support"]),
    ("closed_form loss word", lambda: closed_form.closed_form_meta_loss(
        _params()[:2], _batch(), _model(), lam=1.0, loss="mse"), TypeError, ["loss", "'mse'"]),
    ("pooled_loss params None", lambda: baselines.pooled_loss(
        None, np.ones((10, 1)), np.ones((10, 1)), _model(), loss=tasks.mse), TypeError,
     ["params", "None"]),
    ("pooled_loss x NaN", lambda: baselines.pooled_loss(
        _params(), np.full((10, 1), np.nan), np.ones((10, 1)), _model(), loss=tasks.mse),
     ValueError, ["x", "NaN"]),
    ("pooled_loss y NaN", lambda: baselines.pooled_loss(
        _params(), np.ones((10, 1)), np.full((10, 1), np.inf), _model(), loss=tasks.mse),
     ValueError, ["y", "inf"]),
    ("pooled_loss x empty", lambda: baselines.pooled_loss(
        _params(), np.ones((0, 1)), np.ones((10, 1)), _model(), loss=tasks.mse), ValueError,
     ["x", "(0, 1)"]),
    ("pooled_loss loss None", lambda: baselines.pooled_loss(
        _params(), np.ones((10, 1)), np.ones((10, 1)), _model(), loss=None), TypeError,
     ["loss", "None"]),
    ("multitask_loss y wrong", lambda: multitask.multitask_loss(
        _params()[:2], [np.ones((2, 8, 1)), np.ones((2, 1))], np.ones((2, 5, 1)),
        np.ones((2, 4, 1)), _model()), ValueError, ["y", "(2, 4, 1)"]),
    # the subset strategy's draws
    ("subset_indices rng int", lambda: subset.subset_indices(0, 2, 5, 3), TypeError,
     ["rng", "0"]),
    ("subset_indices n_tasks -1", lambda: subset.subset_indices(_rng(), -1, 5, 3), ValueError,
     ["n_tasks", "-1"]),
    ("subset_indices n_support 0", lambda: subset.subset_indices(_rng(), 2, 0, 3), ValueError,
     ["n_support", "0"]),
    ("subset_indices subset_size True", lambda: subset.subset_indices(_rng(), 2, 5, True),
     ValueError, ["subset_size", "True"]),
    ("subset_indices too big", lambda: subset.subset_indices(_rng(), 10 ** 12, 10 ** 6, 3),
     ValueError, ["memory"]),
    ("subset_batch batch NaN", lambda: subset.subset_batch(_nan_batch(), _rng(), 3),
     ValueError, ["batch.x_support"]),
    ("subset_batch batch complex", lambda: subset.subset_batch(
        _batch()._replace(x_support=_batch().x_support + 1j), _rng(), 3), TypeError,
     ["batch.x_support"]),
    ("subset_batch rng None", lambda: subset.subset_batch(_batch(), None, 3), TypeError,
     ["rng", "None"]),
    # closed-form heads
    ("ridge_head features NaN", lambda: ridge.ridge_head(
        np.full((2, 6, 3), np.nan), np.ones((2, 6, 1)), 1.0), ValueError, ["features", "NaN"]),
    ("ridge_head targets inf", lambda: ridge.ridge_head(
        np.ones((2, 6, 3)), np.full((2, 6, 1), np.inf), 1.0), ValueError, ["targets", "inf"]),
    ("with_bias features 1-D", lambda: ridge.with_bias(np.ones(5)), ValueError,
     ["features", "(5,)"]),
    ("with_bias features 4-D", lambda: ridge.with_bias(np.ones((2, 6, 3, 1))), ValueError,
     ["features", "(2, 6, 3, 1)"]),
    ("with_bias features empty", lambda: ridge.with_bias(np.ones((0, 6, 3))), ValueError,
     ["features", "(0, 6, 3)"]),
    ("with_bias features NaN", lambda: ridge.with_bias(np.full((6, 3), np.nan)), ValueError,
     ["features", "18 NaN"]),
    ("softmax_head targets not one-hot", lambda: softmax_head.softmax_head(
        _onehot()[0], np.concatenate([_onehot()[1], np.ones((2, 6, 1))], -1), 1.0),
     ValueError, ["targets", "one-hot"]),
    ("r2d2 phi_support None", lambda: r2d2_head.r2d2_logits(
        None, _onehot()[1], _onehot()[0], 1.0), TypeError, ["phi_support", "None"]),
    ("r2d2 phi_support complex", lambda: r2d2_head.r2d2_logits(
        _onehot()[0] + 1j, _onehot()[1], _onehot()[0], 1.0), TypeError, ["phi_support"]),
    ("r2d2 y_support object", lambda: r2d2_head.r2d2_logits(
        _onehot()[0], _onehot()[1].astype(object), _onehot()[0], 1.0), TypeError,
     ["y_support"]),
    ("r2d2 y_support NaN", lambda: r2d2_head.r2d2_logits(
        _onehot()[0], _onehot()[1] * np.nan, _onehot()[0], 1.0), ValueError, ["y_support"]),
    ("r2d2 phi_query NaN", lambda: r2d2_head.r2d2_logits(
        _onehot()[0], _onehot()[1], _onehot()[0] * np.nan, 1.0), ValueError, ["phi_query"]),
    ("r2d2 phi_query complex", lambda: r2d2_head.r2d2_logits(
        _onehot()[0], _onehot()[1], _onehot()[0] + 1j, 1.0), TypeError, ["phi_query"]),
    ("r2d2 scale 0", lambda: r2d2_head.r2d2_logits(*_onehot(), _onehot()[0], 1.0, scale=0.0),
     ValueError, ["scale", "0.0"]),
    ("r2d2 scale nan", lambda: r2d2_head.r2d2_logits(
        *_onehot(), _onehot()[0], 1.0, scale=float("nan")), ValueError, ["scale", "nan"]),
    ("r2d2 scale word", lambda: r2d2_head.r2d2_logits(*_onehot(), _onehot()[0], 1.0,
                                                      scale="x"), TypeError, ["scale", "'x'"]),
    ("r2d2 scale complex", lambda: r2d2_head.r2d2_logits(
        *_onehot(), _onehot()[0], 1.0, scale=1 + 2j), TypeError, ["scale", "(1+2j)"]),
    # test-time SGD: checked when called, not at the first next()
    ("sgd_path theta None", lambda: adapt.sgd_path(None, _batch(), _model(), inner_lr=0.01,
                                                   loss=tasks.mse), TypeError, ["theta"]),
    ("sgd_path theta transposed", lambda: adapt.sgd_path(
        _transposed(_params()), _batch(), _model(), inner_lr=0.01, loss=tasks.mse), ValueError,
     ["theta[0]"]),
    ("sgd_path theta NaN", lambda: adapt.sgd_path(
        _nan(_params()), _batch(), _model(), inner_lr=0.01, loss=tasks.mse), ValueError,
     ["theta[0]", "NaN"]),
    ("sgd_path batch NaN", lambda: adapt.sgd_path(
        _params(), _nan_batch(), _model(), inner_lr=0.01, loss=tasks.mse), ValueError,
     ["batch.x_support"]),
    ("sgd_path inner_lr nan", lambda: adapt.sgd_path(
        _params(), _batch(), _model(), inner_lr=float("nan"), loss=tasks.mse), ValueError,
     ["inner_lr", "nan"]),
    ("sgd_path loss word", lambda: adapt.sgd_path(
        _params(), _batch(), _model(), inner_lr=0.01, loss="mse"), TypeError, ["loss", "'mse'"]),
    ("sgd_path stop_on_divergence 1", lambda: adapt.sgd_path(
        _params(), _batch(), _model(), inner_lr=0.01, loss=tasks.mse, stop_on_divergence=1),
     TypeError, ["stop_on_divergence", "1"]),
    ("from_theta0 params transposed", lambda: adapt.from_theta0(
        _transposed(_params()), _batch(), _model(), inner_lr=0.01, loss=tasks.mse), ValueError,
     ["params[0]"]),
    ("multitask adaptation state None", _multitask_adaptation(state=None), TypeError,
     ["state", "None"]),
    ("multitask adaptation batch NaN", _multitask_adaptation(batch=_nan_batch()), ValueError,
     ["batch.x_support"]),
    ("multitask adaptation batch dict", _multitask_adaptation(batch=_batch()._asdict()),
     TypeError, ["batch"]),
    ("reptile inner_lr 0", lambda: registry.make_strategy("reptile", inner_lr=0.0), ValueError,
     ["inner_lr", "0.0"]),
]


@pytest.mark.parametrize("call, error, mentions", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_bad_argument_is_named_before_any_work(call, error, mentions):
    with np.errstate(all="raise"), pytest.raises(error) as info:
        call()
    for m in mentions:
        assert m in str(info.value), str(info.value)


def test_valid_calls_still_work():
    """The checks refuse nothing that is valid: per-task parameters, a body of no layer,
    a batch-norm network, and a generator that runs once called."""
    model, params, batch = _model(), _params(), _batch()
    out = model.apply(nn.per_task(params, 2), batch.x_support)
    assert out.shape == (2, 5, 1)
    assert nn.MLP((3, 2)).body([], np.ones((4, 3))).shape == (4, 3)
    bn = nn.MLP((1, 8, 1), batch_norm=True)
    assert bn.apply(bn.init(_rng()), batch.x_support).shape == (2, 5, 1)
    path = adapt.sgd_path(nn.per_task(params, 2), batch, model, inner_lr=0.01, loss=tasks.mse)
    assert len(adapt.steps(path, 2)) == 3
    s = registry.make_strategy("multitask", meta_batch=2, n_train_tasks=4)
    assert len(adapt.steps(s.adaptation(s.init_state(_rng()), batch), 1)) == 2
