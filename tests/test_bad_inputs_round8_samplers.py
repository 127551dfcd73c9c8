"""Round 8 (the samplers and the testing kit): each bad input is one ValueError or TypeError
naming the argument before any work starts.

The fixes are general, so each test runs several cases of one kind: a time (NumPy's
timedelta64, which NumPy registers as an integer; datetime64) or a masked scalar where a
real number is meant, for every sampler and every check of the testing kit; a set or an
iterator where a pair is meant (``ess_tail``'s prob, a support); a generator where an array
of points is meant (``density_values``); coefficients of the wrong shape or complex points
given to ``horner``; a table of pieces whose rows do not line up. Each test ends with a
valid input next to the bad ones, which must still work. Every case runs under
``np.errstate(all="raise")``, as the batteries do.
"""

import datetime

import numpy as np
import pytest
from scipy import stats

from scratchmeta import testing
from scratchmeta.sampling import (ContinuousInverseCDF, cauchy, ess_tail, exponential,
                                  grid_inverse_cdf, mcse_sd, pareto, weibull)
from scratchmeta.sampling.interpolation import ORDER, Pieces, PiecewiseInverse, horner
from scratchmeta.sampling.quadrature import density_values
from scratchmeta.testing import densities


def _draws():
    return np.random.default_rng(3).normal(size=(4, 40))


def _raises(kind, names, call):
    with np.errstate(all="raise"), pytest.raises(kind) as err:
        call()
    for name in names:
        assert name in str(err.value), (name, str(err.value))
    return str(err.value)


TIMES = [np.timedelta64(1, "s"), np.datetime64(1, "s"), datetime.timedelta(seconds=1),
         np.ma.masked_array([2.0], mask=[True])[0]]


@pytest.mark.parametrize("value", TIMES, ids=["timedelta64", "datetime64", "timedelta",
                                               "masked scalar"])
def test_a_time_or_a_masked_scalar_is_no_sampler_parameter(value):
    _raises(TypeError, ["rate", "real number"], lambda: exponential(rate=value))
    _raises(TypeError, ["scale"], lambda: cauchy(0.0, value))
    _raises(TypeError, ["alpha"], lambda: pareto(value))
    _raises(TypeError, ["shape"], lambda: weibull(value))
    _raises(TypeError, ["hi"], lambda: grid_inverse_cdf(stats.norm.pdf, 0.0, value))
    _raises(TypeError, ["random_state"],
            lambda: exponential().rvs(3, random_state=value))
    _raises((TypeError, ValueError), ["size"],
            lambda: exponential().rvs(value, random_state=0))


@pytest.mark.parametrize("value", TIMES[:2], ids=["timedelta64", "datetime64"])
def test_a_time_is_no_number_for_the_testing_kit(value):
    _raises(TypeError, ["alpha"], lambda: testing.dkw_epsilon(100, alpha=value))
    _raises(TypeError, ["n"], lambda: testing.dkw_epsilon(value))
    _raises(TypeError, ["discrepancy"], lambda: testing.draws_needed(value))
    _raises(TypeError, ["scale"], lambda: densities.student_t(3.0, 0.0, value))


def test_sampler_parameters_of_real_numbers_still_work():
    with np.errstate(all="raise"):
        for rate in (2, 2.0, np.float32(2.0), np.int64(2)):
            x = exponential(rate=rate).rvs(1000, random_state=0)
            assert x.shape == (1000,) and 0.35 < x.mean() < 0.65
        assert testing.dkw_epsilon(np.int64(100)) == testing.dkw_epsilon(100)


@pytest.mark.parametrize("prob", [{0.05, 0.95}, frozenset({0.1, 0.9}), iter((0.05, 0.95)),
                                  (x for x in (0.05, 0.95)), {0.05: 0.95}, 0.05, None,
                                  (0.05, np.timedelta64(1, "s")), (0.05, 0.5, 0.95)],
                         ids=["set", "frozenset", "iterator", "generator", "dict", "float",
                              "None", "a time", "three"])
def test_ess_tail_prob_must_be_an_ordered_pair_of_probabilities(prob):
    _raises((TypeError, ValueError), ["prob"], lambda: ess_tail(_draws(), prob=prob))


def test_ess_tail_prob_as_a_tuple_list_or_array_still_works():
    with np.errstate(all="raise"):
        expected = ess_tail(_draws())
        for prob in ((0.05, 0.95), [0.05, 0.95], np.array([0.05, 0.95])):
            np.testing.assert_allclose(ess_tail(_draws(), prob=prob), expected, rtol=0)


def test_a_support_must_be_an_ordered_pair_not_a_set():
    message = _raises(ValueError, ["support", "set"], lambda: ContinuousInverseCDF(
        np.asarray, np.asarray, {0.0, 1.0}, (0.0, 0.0)))
    assert "no order" in message


@pytest.mark.parametrize("x", [(v for v in (0.0, 1.0, 2.0)), iter([0.0, 1.0]), {0.0, 1.0},
                               {"a": 1.0}, "0.5", None, np.array([1.0 + 1j])],
                         ids=["generator", "iterator", "set", "dict", "text", "None",
                              "complex"])
def test_density_values_names_x_that_is_no_array_of_numbers(x):
    called = []

    def pdf(v):
        called.append(v)
        return stats.norm.pdf(v)

    _raises(TypeError, ["x"], lambda: density_values(pdf, x))
    assert not called                    # refused before the user's pdf is called


def test_density_values_of_a_list_or_an_int_array_still_works():
    with np.errstate(all="raise"):
        for x in ([0.0, 1.0, 2.0], np.arange(3), np.arange(3.0)):
            np.testing.assert_allclose(density_values(stats.norm.pdf, x),
                                       stats.norm.pdf([0.0, 1.0, 2.0]), rtol=0)


@pytest.mark.parametrize("a", [np.array([]), np.ones((4, 2)), np.ones(ORDER), np.ones((ORDER, 0)),
                               None, np.full((ORDER, 1), np.nan), np.ones((ORDER, 1)) * 1j],
                         ids=["empty", "4 rows", "1-D", "no column", "None", "NaN", "complex"])
def test_horner_names_coefficients_of_the_wrong_shape_or_kind(a):
    _raises((TypeError, ValueError), ["a"], lambda: horner(a, np.array([0.5])))


@pytest.mark.parametrize("s", [np.array([0.5 + 1j]), "0.5", None, np.ones((2, 3)),
                               np.ma.masked_array([0.5], mask=[True])],
                         ids=["complex", "text", "None", "3 columns for 2", "masked"])
def test_horner_names_points_that_are_complex_or_do_not_match(s):
    _raises((TypeError, ValueError), ["s"], lambda: horner(np.ones((ORDER, 2)), s))


def test_horner_of_valid_coefficients_still_sums_the_polynomial():
    a = np.arange(1.0, 2 * ORDER + 1).reshape(ORDER, 2)
    s = np.array([[0.5, 0.25], [1.0, 0.0]])
    expected = sum(a[j] * s ** (j + 1) for j in range(ORDER))
    np.testing.assert_allclose(horner(a, s), expected, rtol=1e-15)
    np.testing.assert_allclose(horner(a, 0.5), sum(a[j] * 0.5 ** (j + 1) for j in range(ORDER)),
                               rtol=1e-15)


def _pieces(**changes):
    good = dict(lo=np.zeros(2), hi=np.ones(2), mass=np.ones(2),
                alpha=np.tile([1.0] + [0.0] * (ORDER - 1), (2, 1)), u_error_estimate=0.0,
                worst_x=0.0)
    good.update(changes)
    return Pieces(**good)


@pytest.mark.parametrize("changes", [dict(hi=np.ones(3)), dict(mass=np.ones(1)),
                                     dict(alpha=np.zeros((2, 3))), dict(alpha=np.zeros((3, 5))),
                                     dict(lo=np.zeros((2, 1))), dict(lo=np.zeros(0)),
                                     dict(mass=np.zeros(2)), dict(mass=np.array([1.0, -1.0])),
                                     dict(hi=np.array([1.0, np.nan])),
                                     dict(lo=np.array([0.0, 2.0]))],
                         ids=["hi longer", "mass shorter", "alpha 3 columns", "alpha 3 rows",
                              "lo 2-D", "no pieces", "no mass", "negative mass", "NaN hi",
                              "lo above hi"])
def test_piecewise_inverse_names_pieces_whose_rows_do_not_line_up(changes):
    message = _raises(ValueError, ["pieces"], lambda: PiecewiseInverse(_pieces(**changes)))
    if "hi" in changes and np.shape(changes["hi"]) == (3,):
        assert "hi (3,)" in message and "lo (2,)" in message     # the lengths are shown


def test_piecewise_inverse_of_a_valid_table_still_inverts():
    inverse = PiecewiseInverse(_pieces(hi=np.array([1.0, 1.0]), lo=np.array([0.0, 0.0])))
    u = np.array([0.1, 0.6])
    x = inverse(u)
    assert np.all((0.0 <= x) & (x <= 1.0))
    one = PiecewiseInverse(_pieces(lo=np.zeros(1), hi=np.ones(1), mass=np.ones(1),
                                   alpha=np.array([[1.0] + [0.0] * (ORDER - 1)])))
    np.testing.assert_allclose(one(np.array([0.25, 0.5])), [0.25, 0.5], rtol=1e-15)


def test_mcse_sd_of_masked_draws_is_refused_by_the_masks_policy():
    m = np.ma.masked_array(_draws(), mask=False)
    m[0, 3] = np.ma.masked
    _raises(TypeError, ["draws", "masked array", "draws.filled(value)"], lambda: mcse_sd(m))
    with np.errstate(all="raise"):                 # filled, as the message says: it works
        assert np.all(np.isfinite(mcse_sd(m.filled(0.0))))
