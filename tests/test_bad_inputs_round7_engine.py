"""Round 7 of issue 11 (the engine, gradcheck, nn and Chapter 2's functions and strategies).

Each bad input of the fourteenth battery that was unclear or silent in this area is now one
ValueError or TypeError raised before any work, naming the argument (and, for a scalar or an
entry of an object array, the value):

* a NumPy masked array (``numpy.ma``) is refused wherever numbers are meant: scratchmeta does
  not honour masks. The engine tests it where it turns a value that is not a plain ndarray
  into one (``check_inputs``' slow path, ``float_array``, ``real_array``), never per op on a
  plain array; Chapter 2's array checks (``check_real``, ``check_batch``, ``check_mlp_input``,
  ``check_arrays``) test it too;
* a ``np.timedelta64`` (which NumPy counts among its integers) is no count, rate or
  hyperparameter (``meta.checks.is_integer``, ``is_real``);
* an axis past NumPy's C integers is a ValueError naming the axis; an object array's first
  entry that is no number is shown; a set is no tree (it has no order);
* a grid's K of True, a loss returning a tuple, a complex leaf of ANIL's theta0 and a 2-D
  phi_support of the Newton head are each named as the argument the user gave.

Each test also runs a valid input next to the bad one, so that a check that refused
everything would fail.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.maml import inner_sgd, meta_loss
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.ridge import ridge_head
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import Sinusoid, TaskBatch

X3 = np.array([0.5, -1.0, 2.0])
MASKS = "masked array \\(numpy.ma\\); scratchmeta does not honour masks"


def _ma(a, index=0):
    """``a`` as a masked array of floats with one entry masked."""
    m = np.ma.masked_array(np.array(a, dtype=float), mask=False)
    m[np.unravel_index(index, m.shape)] = np.ma.masked
    return m


def _square(x):
    return ad.sum(x * x)


def _rng():
    return np.random.default_rng(0)


def _problem():
    """A 1-8-1 MLP, its parameters and a batch of 2 sinusoid tasks (5 + 5 points)."""
    rng = _rng()
    model = MLP((1, 8, 1))
    return model, model.init(rng), Sinusoid().sample(rng, 2, 5, 5)


def _batch_with(batch, **parts):
    fields = {k: getattr(batch, k) for k in ("x_support", "y_support", "x_query", "y_query")}
    return TaskBatch(**{**fields, **parts})


def _features():
    """2 tasks of 6 points with 4 features, one-hot targets of 3 classes."""
    rng = _rng()
    return rng.normal(size=(2, 6, 4)), np.eye(3)[rng.integers(0, 3, size=(2, 6))]


# --- masked arrays -------------------------------------------------------------------------

def test_exp_of_a_masked_array_is_refused_naming_x():
    with pytest.raises(TypeError, match=f"exp: .*x is a {MASKS}"):
        ad.exp(_ma(X3))
    np.testing.assert_allclose(ad.exp(X3), np.exp(X3), rtol=1e-15)


def test_logsumexp_of_a_masked_array_is_refused_naming_x():
    with pytest.raises(TypeError, match=f"logsumexp: .*x is a {MASKS}"):
        ad.logsumexp(_ma(X3, 1))
    np.testing.assert_allclose(ad.logsumexp(X3), np.log(np.sum(np.exp(X3))), rtol=1e-14)


def test_an_op_on_a_masked_second_operand_names_it():
    with pytest.raises(TypeError, match=f"matmul: .*b is a {MASKS}"):
        ad.matmul(np.eye(2), _ma(np.ones((2, 2))))


def test_hvp_with_a_masked_v_is_refused_naming_v():
    with pytest.raises(TypeError, match=f"hvp: v is a {MASKS}.*v.filled"):
        hvp(_square, X3, _ma(X3))
    np.testing.assert_allclose(hvp(_square, X3, X3), 2 * X3, rtol=1e-14)    # H = 2 I


def test_check_grads_with_a_masked_argument_is_refused_naming_args():
    with pytest.raises(TypeError, match=f"args\\[0\\] is a {MASKS}"):
        check_grads(_square, (_ma(X3),))
    check_grads(_square, (X3,))


def test_grad_at_a_masked_point_is_refused():
    with pytest.raises(TypeError, match=f"argument 0 is a {MASKS}"):
        ad.grad(_square)(_ma(X3))
    np.testing.assert_allclose(ad.grad(_square)(X3), 2 * X3, rtol=1e-15)


def test_ridge_head_of_masked_features_is_refused_naming_features():
    phi, y = _features()
    with pytest.raises(TypeError, match=f"features is a {MASKS}"):
        ridge_head(_ma(phi), y, 0.1)
    assert np.all(np.isfinite(ridge_head(phi, y, 0.1)))


def test_a_maml_update_of_a_masked_x_query_is_refused_naming_it():
    strategy = make_strategy("maml", meta_batch=2)
    state = strategy.init_state(_rng())
    batch = Sinusoid().sample(_rng(), 2, 5, 5)
    bad = _batch_with(batch, x_query=_ma(batch.x_query))
    with pytest.raises(TypeError, match=f"batch.x_query is a {MASKS}"):
        strategy.update(state, bad, _rng(), 0)
    _, loss = strategy.update(state, batch, _rng(), 0)
    assert np.isfinite(loss)


def test_meta_loss_of_a_masked_y_query_is_refused_naming_it():
    model, params, batch = _problem()
    bad = _batch_with(batch, y_query=_ma(batch.y_query))
    with pytest.raises(TypeError, match=f"batch.y_query is a {MASKS}"):
        meta_loss(params, bad, model, inner_lr=0.01, inner_steps=1)
    assert np.isfinite(meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1))


def test_mlp_apply_of_a_masked_x_is_refused_naming_x():
    model = MLP((1, 4, 1))
    params = model.init(_rng())
    with pytest.raises(TypeError, match=f"x is a {MASKS}"):
        model.apply(params, _ma(np.ones((5, 1))))
    assert model.apply(params, np.ones((5, 1))).shape == (5, 1)


def test_a_masked_parameter_is_refused_naming_it():
    model, params, batch = _problem()
    bad = [*params[:-1], _ma(params[-1])]
    with pytest.raises(TypeError, match=f"params\\[3\\] is a {MASKS}"):     # (of 4)
        meta_loss(bad, batch, model, inner_lr=0.01, inner_steps=1)


# --- numbers that are not numbers -----------------------------------------------------------

def test_a_timedelta_inner_lr_is_refused_naming_inner_lr():
    with pytest.raises(TypeError, match="inner_lr must be a finite number, got "
                                        "np.timedelta64\\(1,'s'\\)"):
        make_strategy("pretrained", inner_lr=np.timedelta64(1, "s"))
    assert make_strategy("pretrained", inner_lr=np.float64(0.01)).config.inner_lr == 0.01


def test_a_timedelta_count_is_refused_naming_it():
    with pytest.raises(TypeError, match="inner_steps must be an integer"):
        make_strategy("maml", inner_steps=np.timedelta64(2, "s"))
    with pytest.raises(ValueError, match="order must be an int"):
        check_grads(_square, (X3,), order=np.timedelta64(1))
    assert make_strategy("maml", inner_steps=np.int64(2)).config.inner_steps == 2


def test_sum_over_an_axis_past_c_integers_is_a_value_error_naming_the_axis():
    with pytest.raises(ValueError, match=f"axis {2 ** 70} is out of range"):
        ad.sum(X3, axis=2 ** 70)
    assert ad.sum(X3, axis=0) == pytest.approx(1.5)


def test_log_of_an_object_array_shows_the_none_it_holds():
    objs = np.array([None, 1.0, 2.0], dtype=object)
    with pytest.raises(TypeError, match="log: .*holding None \\(at index 0\\)"):
        ad.log(objs)
    np.testing.assert_allclose(ad.log(np.array([1.0, 2.0])), np.log([1.0, 2.0]), rtol=1e-15)


def test_tree_flatten_of_a_set_is_refused_naming_tree():
    with pytest.raises(TypeError, match="tree_flatten: tree is or holds a set"):
        ad.tree_flatten({1.0, 2.0})
    with pytest.raises(TypeError, match="tree is or holds a frozenset"):
        ad.tree_flatten([X3, frozenset({1.0})])
    with pytest.raises(TypeError, match="^grad: argument 0 is or holds a set \\{1"):
        ad.grad(_square)({1.0, 2.0})
    leaves, rebuild = ad.tree_flatten([X3, (1.0, 2.0)])
    assert len(leaves) == 3 and rebuild(leaves)[1] == (1.0, 2.0)


def test_a_grid_k_of_true_is_refused_naming_ks():
    model, params, batch = _problem()
    with pytest.raises(TypeError, match="Ks must hold non-negative integers, got True at "
                                        "Ks\\[0\\]"):
        meta_gradient_norms(params, batch, model, [True], [0.01])
    with pytest.raises(TypeError, match="inner_lrs must hold non-negative finite numbers"):
        meta_gradient_norms(params, batch, model, [1], ["0.01"])
    assert meta_gradient_norms(params, batch, model, [1], [0.01]).shape == (1, 1)


def test_inner_sgd_with_a_loss_returning_a_tuple_names_the_loss():
    model, params, batch = _problem()
    with pytest.raises(TypeError, match="loss must return real numbers, an array .*tuple"):
        inner_sgd(per_task(params, 2), batch.x_support, batch.y_support, model.apply,
                  inner_lr=0.01, inner_steps=1, loss=lambda p, y: (ad.sum(p), 0.0))
    theta = inner_sgd(per_task(params, 2), batch.x_support, batch.y_support, model.apply,
                      inner_lr=0.01, inner_steps=1,
                      loss=lambda p, y: ad.mean((p - y) ** 2, axis=(-2, -1)))
    assert len(theta) == len(params)


def test_anil_meta_grad_of_a_complex_leaf_names_params():
    strategy = make_strategy("anil", meta_batch=2)
    params = strategy.init_state(_rng())["params"]
    batch = Sinusoid().sample(_rng(), 2, 5, 5)
    bad = [*params[:-1], params[-1] + 0.5j]
    with pytest.raises(TypeError, match="params\\[5\\] must be an array of floats .*complex"):
        strategy.meta_grad(bad, batch, _rng())
    loss, grads = strategy.meta_grad(params, batch, _rng())
    assert np.isfinite(loss) and len(grads) == len(params)


def test_newton_head_params_of_a_2d_phi_support_names_phi_support():
    strategy = make_strategy("newton_head", "clusters", meta_batch=2)
    params = strategy.init_state(_rng())["params"]
    y = np.eye(5)[np.zeros((2, 5), int)]
    with pytest.raises(ValueError, match="phi_support must have shape \\(tasks, points, d\\)"):
        strategy.head_params(params, np.ones((5, 64)), y)
    with pytest.raises(ValueError, match="phi_support of shape \\(2, 4, 64\\) and y_support"):
        strategy.head_params(params, np.ones((2, 4, 64)), y)
    w, b = strategy.head_params(params, _rng().normal(size=(2, 5, 64)), y)
    assert w.shape == (2, 64, 5) and b.shape == (2, 1, 5)
