"""scratchmeta.gradcheck: ``check_grads`` catches a wrong first and a wrong second derivative.

Lecture 22, section 1.3.6: every other test of the engine trusts
``check_grads``, so here it is shown to reject wrong derivatives. A custom
``Primitive`` pairs a forward rule with its VJP; we write sin with

* a wrong VJP, g * sin x instead of g * cos x: the order-1 check fails, and
  its message names the argument, the order, both values and the error;
* a VJP that is right at first order but written on the raw NumPy value,
  g * np.cos(stop_gradient(x)): the engine cannot see that the VJP depends on
  x, so the second derivative comes out 0. Order 1 passes, order 2 fails.
"""

import re

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads

# sin with its VJP in engine ops: differentiable to any order.
good_sin = ad.Primitive("good_sin", np.sin, lambda g, ans, x: ad.mul(g, ad.cos(x)))
# sin whose VJP is wrong: d sin / dx is not sin x.
bad_sin = ad.Primitive("bad_sin", np.sin, lambda g, ans, x: ad.mul(g, ad.sin(x)))
# sin whose VJP is right but hides its dependence on x from the engine.
raw_vjp_sin = ad.Primitive("raw_vjp_sin", np.sin,
                           lambda g, ans, x: ad.mul(g, np.cos(ad.stop_gradient(x))))

FAILURE = re.compile(
    r"order (?P<order>\d+) derivative for argument (?P<arg>\d+) disagrees with central "
    r"differences: engine (?P<engine>\S+), finite differences (?P<numeric>\S+), "
    r"error (?P<error>\S+) ")


def failure(fun, args, order):
    """Run check_grads expecting a failure; return the parsed message."""
    with pytest.raises(AssertionError) as info:
        check_grads(fun, args, order=order)
    match = FAILURE.search(str(info.value))
    assert match, f"unexpected message: {info.value}"
    return match


def test_a_correct_primitive_passes_to_order_3():
    check_grads(good_sin, (np.array([[0.3, -1.2, 2.0]]),), order=3)


def test_wrong_first_derivative_fails_at_order_1_with_a_message_naming_everything():
    # On a scalar, engine / finite differences = (u sin x d) / (u cos x d) = tan x
    # whatever the random direction d and output weight u.
    x = 0.3
    m = failure(bad_sin, (x,), order=1)
    assert (m["order"], m["arg"]) == ("1", "0")
    engine, numeric = float(m["engine"]), float(m["numeric"])
    np.testing.assert_allclose(engine / numeric, np.tan(x), rtol=1e-6)
    np.testing.assert_allclose(float(m["error"]), abs(engine - numeric), rtol=1e-2)   # '%.3g'


def test_failure_names_the_argument_with_the_wrong_derivative():
    # a * bad_sin(x): the derivative in a (argument 0) is right, in x (argument 1) wrong.
    m = failure(lambda a, x: a * bad_sin(x), (np.array([1.5, -0.5]), np.array([0.4, 1.0])), 1)
    assert (m["order"], m["arg"]) == ("1", "1")


def test_wrong_derivative_is_caught_on_whole_arrays():
    m = failure(lambda x: ad.sum(bad_sin(x) * x), (np.linspace(-1.0, 1.0, 6).reshape(2, 3),), 1)
    assert (m["order"], m["arg"]) == ("1", "0")


def test_check_grads_accepts_nested_arguments_and_outputs():
    # A dict argument and a (tuple, dict) output, as a network's parameters are.
    f = lambda p, x: (good_sin(p["w"] * x), {"c": ad.sum(p["b"] * x * x)})
    check_grads(f, ({"w": np.array([0.5, -1.0]), "b": np.array(2.0)}, np.array([1.5, 0.3])),
                   order=2)


def test_check_grads_on_a_nested_argument_finds_the_wrong_derivative():
    m = failure(lambda p: bad_sin(p["w"]), ({"w": np.array([0.5, -1.0])},), 1)
    assert (m["order"], m["arg"]) == ("1", "0")


def test_raw_numpy_vjp_passes_order_1():
    check_grads(raw_vjp_sin, (np.array([0.3, -1.2, 2.0]),), order=1)


def test_raw_numpy_vjp_fails_order_2_with_a_zero_second_derivative():
    # Order 2 checks (x, u) -> u cos x. Its x-derivative, -u sin x, is lost:
    # the engine reports 0 for argument 0.
    m = failure(raw_vjp_sin, (np.array([0.3, -1.2, 2.0]),), order=2)
    assert (m["order"], m["arg"]) == ("2", "0")
    assert float(m["engine"]) == 0.0
    assert abs(float(m["numeric"])) > 1e-2


def test_raw_numpy_vjp_gives_a_zero_second_derivative_under_grad_of_grad():
    # The same failure seen directly: d²/dx² sin x should be -sin x.
    d2 = ad.grad(ad.grad(raw_vjp_sin))(0.3)
    assert d2 == 0.0
    np.testing.assert_allclose(ad.grad(ad.grad(good_sin))(0.3), -np.sin(0.3), rtol=1e-15)
