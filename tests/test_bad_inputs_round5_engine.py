"""Round 5 of issue 11 for the engine, gradcheck, samplers, testing kit and Adam.

Each case is a bad input that used to pass silently or fail inside NumPy; now it is a
ValueError or TypeError, raised before any work, whose message names the argument (and,
for a scalar, the value given).
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import testing
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.optim import adam_init, adam_rows, check_adam
from scratchmeta.sampling import ContinuousInverseCDF, DiscreteInverseCDF, laplace
from scratchmeta.sampling.discrete import check_probabilities
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import peak

X3 = np.array([0.5, 1.0, 2.0])
P = [np.ones((3, 2)), np.ones(2)]


def _sq(x):
    return ad.sum(x * x)


def _rows_state():
    return {"t": np.zeros(3, dtype=int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}


CASES = [
    # engine
    ("solve b of another length", lambda: ad.solve(np.eye(2), np.ones(3)), ValueError,
     ["b", "(3,)", "(2, 2)"]),
    ("solve b of another row count", lambda: ad.solve(np.eye(2), np.ones((3, 2))), ValueError,
     ["b", "(3, 2)"]),
    ("stop_gradient of a string", lambda: ad.stop_gradient("x"), TypeError, ["x", "'x'"]),
    ("stop_gradient of None", lambda: ad.stop_gradient(None), TypeError, ["x", "None"]),
    ("stop_gradient of a dict", lambda: ad.stop_gradient({"a": 1}), TypeError, ["x", "dict"]),
    ("clip x a string", lambda: ad.clip("a", 0.0, 1.0), TypeError, ["x", "'a'"]),
    ("clip a_min None-like text", lambda: ad.clip(X3, "0", 1.0), TypeError, ["a_min", "'0'"]),
    # gradcheck
    ("hvp fun returning inf", lambda: hvp(lambda x: ad.sum(x * x) * np.inf, X3, X3), ValueError,
     ["fun", "inf"]),
    ("hvp fun returning NaN", lambda: hvp(lambda x: ad.sum(x * x) * np.nan, X3, X3),
     ValueError, ["fun", "nan"]),
    ("hvp fun taking no argument", lambda: hvp(lambda: 1.0, X3, X3), TypeError, ["fun"]),
    ("hvp fun returning text", lambda: hvp(lambda x: "s", X3, X3), TypeError, ["fun"]),
    ("check_grads fun taking no argument", lambda: check_grads(lambda: 1.0, (X3,)), TypeError,
     ["fun"]),
    # optim
    ("adam_rows rows None", lambda: adam_rows([np.zeros((3, 2))], _rows_state(),
                                              [np.ones((1, 2))], None, 1e-3), TypeError,
     ["rows", "None"]),
    ("check_adam values 'yes'", lambda: check_adam(P, P, adam_init(P), 1e-3, 0.9, 0.999, 1e-8,
                                                   values="yes"), TypeError, ["values", "'yes'"]),
    ("check_adam values None", lambda: check_adam(P, P, adam_init(P), 1e-3, 0.9, 0.999, 1e-8,
                                                  values=None), TypeError, ["values", "None"]),
    # samplers
    ("piece_of u 1.5", lambda: DiscreteInverseCDF([0.5, 0.5]).piece_of(1.5), ValueError,
     ["u", "1.5"]),
    ("piece_of u a 2-D list", lambda: DiscreteInverseCDF([0.5, 0.5]).piece_of([[0.5]]),
     ValueError, ["u", "(1, 1)"]),
    ("piece_of u far above 1", lambda: DiscreteInverseCDF([0.5, 0.5]).piece_of(
        np.array([0.5, 7.0])), ValueError, ["u", "7.0"]),
    ("check_probabilities name an int", lambda: check_probabilities([0.5, 0.5], name=3),
     TypeError, ["name", "3"]),
    ("integrate f returning NaN", lambda: integrate(lambda x: x * np.nan, 0.0, 1.0), ValueError,
     ["f", "nan"]),
    ("integrate f returning inf", lambda: integrate(lambda x: x + np.inf, 0.0, 1.0), ValueError,
     ["f", "inf"]),
    ("integrate f not vectorised", lambda: integrate(lambda x: 1.0, 0.0, 1.0), ValueError,
     ["f", "vectorised"]),
    ("integrate f returning text", lambda: integrate(lambda x: np.full(x.shape, "a"), 0.0, 1.0),
     TypeError, ["f"]),
    ("integrate f taking no argument", lambda: integrate(lambda: 1.0, 0.0, 1.0), TypeError,
     ["f"]),
    ("peak of other lengths", lambda: peak(np.array([0.5, 1.0, 2.0]), np.array([1.0, 2.0])),
     ValueError, ["ess", "(2,)"]),
    ("peak of empty arrays", lambda: peak(np.array([]), np.array([])), ValueError, ["scaled"]),
    ("peak ess with a zero", lambda: peak(X3, np.array([1.0, 0.0, 2.0])), ValueError,
     ["ess", "0.0"]),
    ("sample rng a word", lambda: laplace().sample(3, "x"), TypeError, ["rng", "'x'"]),
    ("ContinuousInverseCDF inverse None", lambda: ContinuousInverseCDF(
        None, None, (0.0, 1.0), (0.0, 0.0)), TypeError, ["inverse", "None"]),
    ("ContinuousInverseCDF cdf a number", lambda: ContinuousInverseCDF(
        stats.norm.ppf, 3, (0.0, 1.0), (0.0, 0.0)), TypeError, ["cdf", "3"]),
    ("ContinuousInverseCDF support reversed", lambda: ContinuousInverseCDF(
        stats.norm.ppf, None, (1.0, 0.0), (0.0, 0.0)), ValueError, ["support", "(1.0, 0.0)"]),
    ("ContinuousInverseCDF tail_mass_dropped a word", lambda: ContinuousInverseCDF(
        stats.norm.ppf, None, (0.0, 1.0), "ab"), ValueError, ["tail_mass_dropped", "'ab'"]),
    ("ContinuousInverseCDF tail_mass_dropped above 1", lambda: ContinuousInverseCDF(
        stats.norm.ppf, None, (0.0, 1.0), (0.0, 2.0)), ValueError, ["tail_mass_dropped", "2.0"]),
    ("check_symmetric_proposal n 0", lambda: check_symmetric_proposal(np.ones((1, 1)), 0),
     ValueError, ["n", "0"]),
    ("check_symmetric_proposal n a word", lambda: check_symmetric_proposal(np.ones((1, 1)), "x"),
     TypeError, ["n", "'x'"]),
    # testing kit
    ("two_sample_distance x a 0-d array", lambda: testing.two_sample_distance(
        np.array(1.0), [1.0, 2.0]), ValueError, ["x", "()"]),
    ("ks_distance samples a number", lambda: testing.ks_distance(1.0, stats.norm.cdf),
     ValueError, ["samples", "()"]),
]


@pytest.mark.parametrize("call, kind, mentions", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_input_is_a_clear_error_naming_the_argument(call, kind, mentions):
    with np.errstate(all="raise"), pytest.raises(kind) as info:
        call()
    for m in mentions:
        assert m in str(info.value), (m, str(info.value))


def test_the_checks_leave_good_inputs_alone():
    assert ad.stop_gradient(2.0) == 2.0 and ad.stop_gradient([1.0, 2.0]) == [1.0, 2.0]
    np.testing.assert_allclose(ad.solve(2 * np.eye(2), np.ones(2)), [0.5, 0.5])
    np.testing.assert_allclose(hvp(_sq, X3, X3), 2 * X3)
    d = DiscreteInverseCDF([0.25, 0.75])
    np.testing.assert_array_equal(d.piece_of(np.array([0.1, 0.5, 1.0])), [0, 1, 1])
    np.testing.assert_array_equal(d.piece_of([0.1, 0.9]), [0, 1])
    assert abs(integrate(np.exp, 0.0, 1.0) - (np.e - 1)) < 1e-12
    assert abs(peak(X3, np.array([1.0, 3.0, 1.0])) - 1.0) < 1e-12
