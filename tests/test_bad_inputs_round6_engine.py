"""Round 6 of issue 11 (helper E): the engine's ops, its helpers and its derivative functions.

Each bad input the twelfth battery found unclear or silent in the engine, and each kind a
probe of every public name of ``scratchmeta.autodiff`` found with it, is now one ValueError
or TypeError raised before any work, naming the argument and the value given:

* every op called on plain values by the user (not by a backward pass) checks them first
  (``checks.check_inputs``, one type test per plain float array): text, bytes, None, dicts,
  sets, generators, ragged lists, object arrays and complex numbers are not real numbers; a
  bare True or False is a flag in the wrong place; an ``axis`` is an int or a tuple of ints
  (not a bool; None only where it means "every axis"); ``keepdims`` is True or False;
* an index that does not fit the array is an ``IndexValueError``, both an IndexError (so
  ``for row in x`` still ends) and a ValueError;
* ``ad.shape``, ``float_dtype``, ``unbroadcast``, ``reduced_axes`` and ``numpy_message``
  refuse what has no shape, no real dtype, duplicate axes or no name;
* ``jvp``'s tangents and ``vjp``'s cotangent are finite (a direction with NaN gave NaN
  without a word); the primals may still hold NaN (NaN in, NaN out, as ``grad``).
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
import scratchmeta.autodiff.core as core
from scratchmeta.autodiff.checks import IndexValueError
from scratchmeta.autodiff.more_ops import variadic
from scratchmeta.autodiff.numpy_interop import numpy_message

X3 = np.array([0.5, -1.0, 2.0])
M2 = np.array([[2.0, 1.0], [1.0, 3.0]])


@pytest.mark.parametrize("call, shown", [
    (lambda: ad.matmul("a", M2), "'a'"),
    (lambda: ad.matmul(M2, None), "None"),
    (lambda: ad.add(X3, {1.0}), "{1.0}"),
    (lambda: ad.exp(b"1"), "b'1'"),
    (lambda: ad.sum({"a": 1.0}), "dict"),
    (lambda: ad.getitem("abc", 0), "'abc'"),
    (lambda: ad.where(X3 > 0, {1.0}, X3), "{1.0}"),
    (lambda: ad.reshape(np.array([1.0, 2.0], dtype=object), (2,)), "object"),
    (lambda: ad.log([[1.0], [1.0, 2.0]]), "[[1.0], [1.0, 2.0]]"),
])
def test_an_op_on_what_is_not_numbers_is_a_type_error_showing_it(call, shown):
    with pytest.raises(TypeError, match="must be an array of real numbers") as info:
        call()
    assert shown in str(info.value)


@pytest.mark.parametrize("call, shown", [
    (lambda: ad.cosh(1 + 2j), "(1+2j)"),
    (lambda: ad.sum(np.array([1j, 2.0])), "complex128"),
    (lambda: ad.mul(X3, 2j), "2j"),
    (lambda: ad.matrix_transpose(M2 * 1j), "complex128"),
])
def test_a_complex_number_given_to_an_op_is_refused(call, shown):
    with pytest.raises(TypeError, match="no complex numbers") as info:
        call()
    assert shown in str(info.value)


def test_a_bare_bool_where_a_number_is_meant_is_refused_but_a_mask_is_not():
    with pytest.raises(TypeError, match=r"exp: .*x must be an array of real numbers, got bool "
                                        r"True"):
        ad.exp(True)
    np.testing.assert_array_equal(ad.mul(X3, X3 > 0), [0.5, 0.0, 2.0])    # masks are numbers
    assert ad.where(True, 1.0, 2.0) == 1.0                                 # a condition may be


def test_an_index_that_does_not_fit_is_both_a_value_error_and_an_index_error():
    with pytest.raises(ValueError, match=r"getitem: index \(0, 0\) for shape \(3,\)"):
        ad.getitem(X3, (0, 0))
    with pytest.raises(IndexError, match=r"getitem: index 5 for shape \(3,\) is out of range"):
        ad.getitem(X3, 5)
    assert issubclass(IndexValueError, IndexError) and issubclass(IndexValueError, ValueError)
    rows = []
    ad.grad(lambda x: ad.sum(x) + sum(rows.append(r) or 0.0 for r in x))(M2)   # iteration ends
    assert len(rows) == 2


@pytest.mark.parametrize("call, named", [
    (lambda: ad.sum(M2, axis=True), "axis must be an int or a tuple of ints or None, got bool "
                                    "True"),
    (lambda: ad.expand_dims(X3, True), "axis must be an int or a tuple of ints, got bool True"),
    (lambda: ad.concatenate([X3, X3], axis=None), "axis must be an int or a tuple of ints, got "
                                                  "NoneType None"),
    (lambda: ad.reshape(X3, None), "shape must be a shape (a tuple of ints), got NoneType None"),
    (lambda: ad.logsumexp(M2, keepdims="yes"), "keepdims must be True or False, got str 'yes'"),
    (lambda: ad.transpose(M2, (0, 0)), "axes (0, 0) does not fit x"),
])
def test_an_axis_a_shape_or_a_flag_of_the_wrong_kind_is_named(call, named):
    with pytest.raises((TypeError, ValueError)) as info:
        call()
    assert named in str(info.value)


def test_a_plain_number_given_to_matmul_has_too_few_axes():
    with pytest.raises(ValueError, match=r"matmul: a has too few axes \(shape \(\), the number 2"):
        ad.matmul(2.0, M2)


@pytest.mark.parametrize("call, shown", [
    (lambda: ad.shape("abc"), "'abc'"),
    (lambda: ad.shape(None), "None"),
    (lambda: ad.shape([[1.0], [1.0, 2.0]]), "[[1.0], [1.0, 2.0]]"),
    (lambda: core.float_dtype("x"), "'x'"),
    (lambda: core.float_dtype(np.array([1j])), "complex128"),
    (lambda: core.unbroadcast(M2, None), "None"),
    (lambda: ad.stop_gradient(1j), "1j"),
    (lambda: ad.stop_gradient(t for t in X3), "generator"),
])
def test_the_helpers_refuse_what_has_no_shape_or_no_real_dtype(call, shown):
    with pytest.raises(TypeError) as info:
        call()
    assert shown in str(info.value)


def test_reduced_axes_refuses_a_repeated_axis_and_a_shape_that_is_not_sizes():
    with pytest.raises(ValueError, match=r"axis \(0, 0\) names an axis twice"):
        core.reduced_axes((3, 2), (0, 0))
    with pytest.raises(TypeError, match=r"shape must be a tuple of sizes .*str 'ab'"):
        core.kept_shape("ab", 0)
    with pytest.raises(TypeError, match=r"expand_reduced: keepdims must be True or False, got "
                                        r"str 'no'"):
        core.expand_reduced(np.ones(3), (3, 2), 1, "no")
    assert core.reduced_axes((3, 2), np.int64(-1)) == (1,)
    assert core.reduced_axes((3, 2), [0, 1]) == (0, 1)


def test_numpy_message_and_variadic_name_their_argument():
    with pytest.raises(TypeError, match="numpy_message: name must be .* got NoneType None"):
        numpy_message(None)
    with pytest.raises(TypeError, match=r"variadic 'v' needs a function as vjp, got str 'vjp'"):
        variadic("v", np.add, "vjp")


def _square(x):
    return x * x


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_a_direction_with_nan_or_inf_is_refused_by_jvp_and_vjp(bad):
    with pytest.raises(ValueError, match=r"jvp: tangent 0 holds 1 NaN or inf .*tangents\[0\]"):
        ad.jvp(_square, (X3,), (np.array([bad, 0.0, 0.0]),))
    _, pullback = ad.vjp(_square, X3)
    with pytest.raises(ValueError, match=r"vjp: the cotangent u holds 1 NaN or inf"):
        pullback(np.array([bad, 0.0, 0.0]))
    assert np.isnan(ad.jvp(ad.sin, (X3 * np.nan,), (X3,))[1]).all()     # NaN point: NaN out


def test_grad_of_a_function_returning_a_bool_shows_the_value():
    with pytest.raises(TypeError, match=r"returned a boolean array \(dtype bool\), True"):
        ad.grad(lambda x: True)(X3)


def test_the_good_calls_next_to_the_bad_ones_still_work():
    assert ad.exp(np.array([0, 1])).dtype == np.float64                  # ints are numbers
    assert ad.add([1.0, 2.0], 1).tolist() == [2.0, 3.0]                  # so are lists of them
    assert ad.sum(M2, axis=np.int64(0), keepdims=True).shape == (1, 2)
    assert ad.sum(M2, axis=()).shape == (2, 2)
    assert ad.shape(2.0) == () and ad.shape([[1.0, 2.0]]) == (1, 2)
    assert core.float_dtype(np.array([True])) == np.float64
    assert ad.squeeze(np.ones((1, 3)), axis=None).shape == (3,)
    assert ad.getitem(X3, None).shape == (1, 3)
    np.testing.assert_allclose(ad.grad(lambda x: ad.sum(ad.relu(x) * 2.0))(X3), [2.0, 0.0, 2.0])
