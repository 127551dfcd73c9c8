"""Regression tests for the input checks of issue 11's sweep (strategies and meta functions).

A few representative cases per validator of ``scratchmeta.meta.checks``: ``check_batch``
(dtype, ndim, tasks, points, finiteness), ``check_state``, ``check_update_args`` (rng,
state shapes), ``check_adaptation_args``, ``check_count``'s int64 bound, ``check_scalar``
for lam, and ``check_meta_loss``'s batch and first_order.
"""

import numpy as np
import pytest

from scratchmeta.meta import checks
from scratchmeta.meta.maml import meta_loss
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.ridge import ridge_head
from scratchmeta.nn import MLP
from scratchmeta.tasks import TaskBatch


def _batch(n_tasks=2, n=5, width=1, dtype=float):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(n_tasks, n, width)).astype(dtype)
    return TaskBatch(x, x[..., :1].copy(), x.copy(), x[..., :1].copy())


@pytest.mark.parametrize("batch, error, match", [
    (None, TypeError, "batch must be a batch of tasks"),
    (_batch()._replace(x_support=np.zeros((5, 1))), ValueError, r"batch.x_support must have shape"),
    (_batch()._replace(x_query=np.zeros((2, 5, 1), complex)), TypeError, "batch.x_query must be .*real"),
    (_batch()._replace(y_support=np.zeros((1, 5, 1))), ValueError, "same number of tasks"),
    (_batch(n_tasks=0), ValueError, "at least one task"),
    (_batch()._replace(y_query=np.zeros((2, 4, 1))), ValueError, "as many x as y points"),
])
def test_check_batch_names_the_batch(batch, error, match):
    with pytest.raises(error, match=match):
        checks.check_batch(batch)


def test_check_batch_finite_only_when_asked():
    bad = _batch()._replace(x_support=np.full((2, 5, 1), np.nan))
    checks.check_batch(bad)
    with pytest.raises(ValueError, match="batch.x_support must hold finite numbers"):
        checks.check_batch(bad, finite=True)


def test_check_state_shapes_and_keys():
    model = MLP((1, 8, 1))
    params = model.init(np.random.default_rng(0))
    checks.check_state({"params": params}, ("params",), model)
    with pytest.raises(TypeError, match=r"state must be .*\['params'\]"):
        checks.check_state(None, ("params",), model)
    with pytest.raises(ValueError, match=r"state\['params'\] does not fit"):
        checks.check_state({"params": [params[0].T] + params[1:]}, ("params",), model)


@pytest.fixture(scope="module")
def maml():
    s = make_strategy("maml", model=MLP((1, 8, 1)), meta_batch=2, n_support=5, n_query=5,
                      inner_steps=1)
    return s, s.init_state(np.random.default_rng(0))


@pytest.mark.parametrize("kwargs, error, match", [
    ({"rng": 0}, TypeError, "rng must be a numpy.random.Generator"),
    ({"rng": np.random.RandomState(0)}, TypeError, "rng must be"),
    ({"step": 10 ** 30}, ValueError, "step must be an integer"),
    ({"batch": None}, TypeError, "batch must be a batch of tasks"),
    ({"batch": _batch(n_tasks=0)}, ValueError, "at least one task"),
])
def test_update_refuses(maml, kwargs, error, match):
    s, state = maml
    args = {"state": state, "batch": _batch(), "rng": np.random.default_rng(1), "step": 0,
            **kwargs}
    with pytest.raises(error, match=match):
        s.update(**args)


def test_update_refuses_rng_none(maml):
    # Round 5: every update takes a Generator, whether or not it draws from it.
    s, state = maml
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        s.update(state, _batch(), None, 0)


@pytest.mark.parametrize("state, batch, error, match", [
    (None, _batch(), TypeError, "state must be"),
    ({}, _batch(), TypeError, "state must be"),
    ("good", _batch()._replace(x_support=np.zeros((2, 5, 1), object)), TypeError, "x_support"),
    ("good", _batch()._replace(y_query=np.full((2, 5, 1), np.nan)), ValueError, "finite"),
])
def test_adaptation_refuses(maml, state, batch, error, match):
    s, good = maml
    with pytest.raises(error, match=match):
        s.adaptation(good if state == "good" else state, batch)


@pytest.mark.parametrize("name", ["meta_batch", "n_support", "inner_steps"])
def test_a_count_beyond_int64_is_refused_by_name(name):
    with pytest.raises(ValueError, match=name):
        make_strategy("maml", **{name: 10 ** 30})


@pytest.mark.parametrize("lam, error", [("x", TypeError), (None, TypeError), (1 + 2j, TypeError),
                                        (np.inf, ValueError)])
def test_lam_is_a_positive_finite_real(lam, error):
    phi, y = np.ones((4, 3)), np.ones((4, 1))
    with pytest.raises(error, match="lam must be"):
        ridge_head(phi, y, lam)


def test_meta_loss_checks_batch_and_first_order():
    model = MLP((1, 8, 1))
    params = model.init(np.random.default_rng(0))
    with pytest.raises(TypeError, match="batch must be a batch of tasks"):
        meta_loss(params, None, model, inner_lr=0.01, inner_steps=1)
    with pytest.raises(ValueError, match="batch does not fit"):
        meta_loss(params, _batch(width=2), model, inner_lr=0.01, inner_steps=1)
    with pytest.raises(TypeError, match="first_order must be True or False"):
        meta_loss(params, _batch(), model, inner_lr=0.01, inner_steps=1, first_order="yes")
