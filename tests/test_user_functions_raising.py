"""A user's function that raises: one policy everywhere the library calls one (issue 11).

A ValueError or TypeError passes through (or, for the engine's ``fun``, a TypeError is named
once), NumPy's FloatingPointError passes through unchanged (training and evaluation read it
as a divergence), and any other exception becomes a ValueError naming the function, with
the original chained as ``__cause__``.
"""

import re

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.meta.maml import inner_sgd
from scratchmeta.nn import MLP, per_task
from scratchmeta.sampling import ContinuousInverseCDF
from scratchmeta.tasks import Sinusoid, mse


def _raise(exc):
    def f(*args, **kwargs):
        raise exc("the user's own failure")
    return f


@pytest.mark.parametrize("call, who", [
    (lambda f: ad.grad(f)(1.0), "grad: fun"),
    (lambda f: ad.grad(ad.grad(f))(1.0), "grad: fun"),
    (lambda f: ad.value_and_grad(f)(np.ones(3)), "value_and_grad: fun"),
    (lambda f: ad.jacobian(f)(np.ones(2)), "jacobian: vjp: fun"),
    (lambda f: ad.jvp(f, (np.ones(2),), (np.ones(2),)), "jvp: vjp: fun"),
    (lambda f: ad.trace(f, np.ones(2)), "trace: fun"),
    (lambda f: hvp(f, np.ones(3), np.ones(3)), "hvp: fun"),
    (lambda f: check_grads(f, (np.ones(3),)), "check_grads: fun"),
])
@pytest.mark.parametrize("exc", [KeyError, ZeroDivisionError, RuntimeError, IndexError])
def test_the_engine_names_fun_and_keeps_the_original(call, who, exc):
    with pytest.raises(ValueError, match=rf"^{who} \(_raise.<locals>.f\) raised {exc.__name__}"
                       ) as info:
        call(_raise(exc))
    assert type(info.value.__cause__) is exc            # the user's traceback is kept
    assert str(info.value).count(" raised ") == 1       # a nested grad names it once


def test_the_engine_names_a_type_error_once_even_when_nested():
    with pytest.raises(TypeError) as info:
        ad.grad(ad.grad(lambda x, y: x * y))(1.0)
    assert re.match(r"grad: fun \(\.\.\..*when_nested\.<locals>\.<lambda>\) raised TypeError "
                    r"when called with 1 argument", str(info.value))
    assert str(info.value).count(" raised ") == 1


@pytest.mark.parametrize("exc", [ValueError, FloatingPointError])
def test_value_errors_and_overflows_pass_through_unchanged(exc):
    with pytest.raises(exc) as info:
        ad.grad(_raise(exc))(1.0)
    assert str(info.value) == "the user's own failure" and info.value.__cause__ is None


def test_an_overflow_inside_fun_is_numpys_own_error():
    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        ad.grad(lambda x: ad.sum(ad.exp(x)))(np.array([1e3]))


def _family(**methods):
    return type("MySinusoid", (Sinusoid,), methods)()


@pytest.mark.parametrize("method, make, exc", [
    ("target", lambda: _family(target=lambda self, tp, x: 1 / 0), ZeroDivisionError),
    ("sample_x", lambda: _family(sample_x=lambda self, rng, tp, n: {}["x"]), KeyError),
    ("sample_params", lambda: _family(sample_params=_raise(RuntimeError)), RuntimeError),
])
def test_a_user_familys_own_method_is_named(method, make, exc):
    with pytest.raises(ValueError, match=rf"^MySinusoid.{method} \(.*\) raised "
                                         rf"{exc.__name__}") as info:
        make().sample(np.random.default_rng(0), 2, 5, 5)
    assert type(info.value.__cause__) is exc


def test_a_user_familys_overflow_and_value_error_pass_through():
    family = _family(target=_raise(FloatingPointError))
    with pytest.raises(FloatingPointError, match="^the user's own failure$"):
        family.sample(np.random.default_rng(0), 2, 5, 5)
    family = _family(target=_raise(ValueError))
    with pytest.raises(ValueError, match="^the user's own failure$"):
        family.sample(np.random.default_rng(0), 2, 5, 5)


def test_inner_sgd_names_an_apply_that_raises():
    params = per_task(MLP((1, 4, 1)).init(np.random.default_rng(0)), 2)
    batch = Sinusoid().sample(np.random.default_rng(1), 2, 5, 5)
    with pytest.raises(ValueError, match="apply .* raised ZeroDivisionError") as info:
        inner_sgd(params, batch.x_support, batch.y_support, lambda p, x: 1 / 0, inner_lr=0.01,
                  inner_steps=1, loss=mse)
    assert type(info.value.__cause__) is ZeroDivisionError


def test_the_samplers_do_the_same():
    with pytest.raises(ValueError,
                       match=r"^from_density: pdf \(_raise.<locals>.f\) raised KeyError") as info:
        ContinuousInverseCDF.from_density(_raise(KeyError), (0.0, 1.0))
    assert type(info.value.__cause__) is KeyError


def test_a_users_primitive_has_its_rules_checked_where_they_give_their_result():
    none = ad.Primitive("my_op", lambda x: None)
    with pytest.raises(TypeError, match=r"Primitive 'my_op': impl \(.*\) must return an array "
                                        r"of real"):
        none(np.ones(3))
    flat = ad.Primitive("my_sq", lambda x: np.sum(x ** 2), lambda g, ans, x: ad.sum(g))
    with pytest.raises(ValueError, match=r"'my_sq': vjp_0 \(.*\) must return .* shape \(2, 3\), "
                                         r"but it returned shape \(\)"):
        ad.grad(flat)(np.ones((2, 3)))
    raising = ad.Primitive("my_sin", np.sin, _raise(KeyError))
    with pytest.raises(ValueError, match=r"'my_sin': vjp_0 \(.*\) raised KeyError") as info:
        ad.grad(lambda x: ad.sum(raising(x)))(np.ones(3))
    assert type(info.value.__cause__) is KeyError


def test_a_users_good_primitive_still_checks_to_third_order():
    my_sin = ad.Primitive("my_sin", np.sin, lambda g, ans, x: ad.mul(g, ad.cos(x)))
    check_grads(lambda x: ad.sum(my_sin(x)), (np.linspace(0.0, 1.0, 4),), order=3)


def test_the_engines_own_primitives_are_not_wrapped():
    assert ad.add.impl is np.add                       # the hot path calls NumPy directly
