"""An audit of bad inputs over the engine's derivative functions, gradcheck, the samplers and
the testing kit (issue 11, helper C's round).

Each case is one call that is wrong in one way, as a careless user types it; it must be a
ValueError or TypeError naming the argument (and showing the value where it is a scalar or a
string), raised before any work: ``classify_call`` of the first battery decides. The cases
are the misses a systematic pass over every public function's parameters found (before the
fixes each one was a traceback from NumPy or from the user's own function, a message that did
not name the argument or the value, or a silent result).

Left as they are, on purpose: ``grad``, ``vjp``, ``jvp``, ``jacobian``, ``hessian`` and
``hvp`` follow NumPy for NaN (NaN in, NaN out; ``meta/normalization.py`` runs ``hvp`` inside
``np.errstate(invalid="ignore")``), and a cotangent of ints is real numbers (pinned in
``test_bad_inputs_fourth_engine_kit.py``); only ``check_grads`` asks for finite points.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta import gradcheck, sampling, testing
from scratchmeta.sampling import ContinuousInverseCDF, DiscreteInverseCDF, metropolis
from scratchmeta.testing import strategies

from test_bad_inputs_cli import classify_call

X3 = np.array([0.5, -1.0, 2.0])
P = np.array([0.2, 0.3, 0.5])
Q = np.full((3, 3), 1 / 3)
U = np.linspace(0.0, 1.0, 11)
DRAWS = np.random.default_rng(0).normal(size=(4, 100))
EXP = np.random.default_rng(0).exponential(size=200)


def _sq(x):
    return ad.sum(x * x)


def _ppf(u):
    return -np.log1p(-u)


def _cdf(x):
    return -np.expm1(-np.maximum(x, 0.0))


def _log_density(x):
    return -0.5 * np.sum(x * x, axis=-1)


def _rng():
    return np.random.default_rng(0)


def _raises(x):
    return 1 / 0


_D = DiscreteInverseCDF(P)
_C = sampling.exponential()

# (name, call, mentions)
CASES = [
    # engine: derivative functions
    ("vjp with no argument", lambda: ad.vjp(ad.sin), ["args"]),
    ("jvp of no primals", lambda: ad.jvp(ad.sin, (), ()), ["primals", "()"]),
    ("jvp fun a string", lambda: ad.jvp("sin", (X3,), (X3,)), ["fun", "'sin'"]),
    ("jvp an integer tangent", lambda: ad.jvp(ad.sin, (X3,), (np.ones(3, int),)),
     ["tangents[0]", "integer"]),
    ("jvp a None tangent", lambda: ad.jvp(ad.sin, (X3,), (None,)), ["tangents[0]", "None"]),
    ("jvp a string tangent", lambda: ad.jvp(ad.sin, (X3,), ("abc",)), ["tangents[0]", "'abc'"]),
    ("jvp a complex tangent", lambda: ad.jvp(ad.sin, (X3,), (X3 * 1j,)),
     ["tangents[0]", "complex"]),
    ("jvp an integer primal", lambda: ad.jvp(ad.sin, (np.arange(3),), (X3,)),
     ["primals[0]", "integer"]),
    ("jvp a None primal", lambda: ad.jvp(ad.sin, (None,), (X3,)), ["primals[0]", "None"]),
    ("jvp a complex primal", lambda: ad.jvp(ad.sin, (X3 * 1j,), (X3,)),
     ["primals[0]", "complex"]),
    ("Primitive an empty name", lambda: ad.Primitive("", np.sin), ["name", "''"]),
    ("tree_map of no trees", lambda: ad.tree_map(np.sin), ["trees"]),
    # gradcheck
    ("check_grads a NaN argument", lambda: gradcheck.check_grads(ad.sin, (X3 * np.nan,)),
     ["args[0]", "NaN"]),
    ("check_grads a Tensor argument", lambda: ad.grad(
        lambda x: gradcheck.check_grads(ad.sin, (x,)) or 0.0)(X3), ["args[0]", "Tensor"]),
    ("check_grads eps True", lambda: gradcheck.check_grads(ad.sin, (X3,), eps=True),
     ["eps", "True"]),
    ("check_grads order 100", lambda: gradcheck.check_grads(ad.sin, (X3,), 100),
     ["order", "100"]),
    ("check_grads atol complex", lambda: gradcheck.check_grads(ad.sin, (X3,), atol=1j),
     ["atol", "1j"]),
    ("check_grads rng a RandomState", lambda: gradcheck.check_grads(
        ad.sin, (X3,), rng=np.random.RandomState(0)), ["rng", "RandomState"]),
    ("check_grads fun returns None", lambda: gradcheck.check_grads(lambda x: None, (X3,)),
     ["fun", "None"]),
    ("check_grads fun returns a string", lambda: gradcheck.check_grads(lambda x: "a", (X3,)),
     ["fun", "'a'"]),
    ("check_grads fun returns NaN", lambda: gradcheck.check_grads(lambda x: x * np.nan, (X3,)),
     ["fun", "NaN"]),
    ("hvp x a string", lambda: gradcheck.hvp(_sq, "abc", X3), ["x", "'abc'"]),
    ("hvp x None", lambda: gradcheck.hvp(_sq, None, X3), ["x", "None"]),
    ("hvp x complex", lambda: gradcheck.hvp(_sq, X3 * 1j, X3), ["x", "complex"]),
    ("hvp fun a string", lambda: gradcheck.hvp("sin", X3, X3), ["fun", "'sin'"]),
    # samplers: arrays of numbers
    ("DiscreteInverseCDF p None", lambda: DiscreteInverseCDF(None), ["p", "None"]),
    ("DiscreteInverseCDF p a string", lambda: DiscreteInverseCDF("abc"), ["p", "'abc'"]),
    ("DiscreteInverseCDF p bools", lambda: DiscreteInverseCDF([True, False]), ["p", "bool"]),
    ("DiscreteInverseCDF p ragged", lambda: DiscreteInverseCDF([[0.5], 0.5]), ["p", "ragged"]),
    ("from_uniforms u None", lambda: _D.from_uniforms(None), ["u", "None"]),
    ("from_uniforms u object", lambda: _D.from_uniforms(np.array([0.1, None])),
     ["u", "object"]),
    ("from_uniforms u bools", lambda: _D.from_uniforms(np.array([True, False])), ["u", "bool"]),
    ("continuous ppf u None", lambda: _C.ppf(None), ["u", "None"]),
    ("rvs random_state 1.5", lambda: _D.rvs(3, 1.5), ["random_state", "1.5"]),
    ("rvs random_state 'x'", lambda: _C.rvs(3, "x"), ["random_state", "'x'"]),
    ("metropolis x0 None", lambda: metropolis(_log_density, None, 10, _rng()), ["x0", "None"]),
    ("metropolis x0 ragged", lambda: metropolis(_log_density, [[0.0], [0.0, 1.0]], 10, _rng()),
     ["x0", "ragged"]),
    ("metropolis x0 bools", lambda: metropolis(_log_density, np.zeros((2, 1), bool), 10,
                                               _rng()), ["x0", "bool"]),
    ("ess_bulk draws None", lambda: sampling.ess_bulk(None), ["draws", "None"]),
    ("split_rhat draws a string", lambda: sampling.split_rhat("abc"), ["draws", "'abc'"]),
    ("transition matrix p None", lambda: sampling.metropolis_transition_matrix(None, Q),
     ["p", "None"]),
    ("transition matrix Q a string", lambda: sampling.metropolis_transition_matrix(P, "abc"),
     ["Q", "'abc'"]),
    ("transition matrix Q bools", lambda: sampling.metropolis_transition_matrix(
        P, np.eye(3, dtype=bool)), ["Q", "bool"]),
    # samplers: intervals and domains
    ("grid lo > hi", lambda: sampling.grid_inverse_cdf(np.ones_like, 1.0, -1.0),
     ["lo", "hi", "1.0", "-1.0"]),
    ("from_density domain of bools", lambda: ContinuousInverseCDF.from_density(
        np.ones_like, (False, True)), ["domain", "True"]),
    ("from_density domain of strings", lambda: ContinuousInverseCDF.from_density(
        np.ones_like, ("0", "1")), ["domain", "'0'"]),
    # samplers: the user's functions
    ("grid pdf raises", lambda: sampling.grid_inverse_cdf(_raises, -1.0, 1.0),
     ["pdf", "ZeroDivisionError"]),
    ("grid pdf negative", lambda: sampling.grid_inverse_cdf(
        lambda x: -np.ones_like(x), -1.0, 1.0), ["pdf", "negative"]),
    ("grid pdf infinite", lambda: sampling.grid_inverse_cdf(
        lambda x: np.full_like(x, np.inf), -1.0, 1.0), ["pdf", "infinite"]),
    ("grid pdf zero", lambda: sampling.grid_inverse_cdf(lambda x: 0 * x, -1.0, 1.0),
     ["pdf", "zero"]),
    ("from_density pdf raises", lambda: ContinuousInverseCDF.from_density(_raises),
     ["pdf", "ZeroDivisionError"]),
    ("from_density pdf negative", lambda: ContinuousInverseCDF.from_density(
        lambda x: -np.exp(-np.abs(x))), ["pdf", "negative"]),
    ("from_density pdf NaN", lambda: ContinuousInverseCDF.from_density(lambda x: x * np.nan),
     ["pdf", "NaN"]),
    ("from_ppf ppf raises", lambda: ContinuousInverseCDF.from_ppf(_raises),
     ["ppf", "ZeroDivisionError"]),
    ("from_ppf ppf returns a string", lambda: ContinuousInverseCDF.from_ppf(lambda u: "a"),
     ["ppf", "'a'"]),
    ("from_ppf cdf above 1", lambda: ContinuousInverseCDF.from_ppf(_ppf, lambda x: x + 5),
     ["cdf", "[0, 1]"]),
    ("from_ppf cdf decreasing", lambda: ContinuousInverseCDF.from_ppf(
        _ppf, lambda x: 1 - _cdf(x)), ["cdf", "non-decreasing"]),
    ("metropolis log_density raises", lambda: metropolis(_raises, np.zeros((2, 1)), 10, _rng()),
     ["log_density", "ZeroDivisionError"]),
    ("metropolis log_density returns None", lambda: metropolis(
        lambda x: None, np.zeros((2, 1)), 10, _rng()), ["log_density", "None"]),
    # testing kit
    ("assert_monotone ppf raises", lambda: testing.assert_monotone(_raises, U),
     ["ppf", "ZeroDivisionError"]),
    ("assert_inverts cdf raises", lambda: testing.assert_inverts(_ppf, _raises, U, 1e-6),
     ["cdf", "ZeroDivisionError"]),
    ("assert_cdf_matches cdf raises", lambda: testing.assert_cdf_matches(EXP, _raises),
     ["cdf", "ZeroDivisionError"]),
    ("assert_cdf_matches cdf of 2", lambda: testing.assert_cdf_matches(
        EXP, lambda x: 0 * x + 2.0), ["cdf", "[0, 1]"]),
    ("ks_distance cdf above 1", lambda: testing.ks_distance(EXP, lambda x: 0 * x + 5.0),
     ["cdf", "[0, 1]"]),
    ("assert_cdf_matches an inf draw", lambda: testing.assert_cdf_matches(
        np.append(EXP, np.inf), _cdf), ["samples", "inf"]),
    ("assert_same_distribution inf draws", lambda: testing.assert_same_distribution(
        EXP, EXP * np.inf), ["y", "inf"]),
    ("two_sample_distance an inf draw", lambda: testing.two_sample_distance(EXP, [np.inf]),
     ["y", "inf"]),
    ("draws_needed a tiny discrepancy", lambda: testing.draws_needed(1e-300),
     ["discrepancy", "1e-300"]),
    ("chi_square_pvalue counts 1e300", lambda: testing.chi_square_pvalue([1e300, 2, 3], P),
     ["counts", "1e+300"]),
    ("u_grids a bool cut point", lambda: strategies.u_grids((True,)), ["cut_points", "True"]),
    ("u_grids a 0-d array", lambda: strategies.u_grids(np.array(0.5)), ["cut_points", "0.5"]),
    ("uniforms_near_edges p a string", lambda: strategies.uniforms_near_edges("abc"),
     ["p", "'abc'"]),
    ("uniforms_near_edges p None", lambda: strategies.uniforms_near_edges(None), ["p", "None"]),
    ("uniforms_near_edges p NaN", lambda: strategies.uniforms_near_edges([np.nan, 1.0]),
     ["p", "nan"]),
]


@pytest.mark.parametrize("call, mentions", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_input_is_a_clear_error_naming_the_argument(call, mentions, tmp_path):
    kind, detail = classify_call(lambda d: call(), mentions, tmp_path)
    assert kind == "clear", detail


def test_an_error_raised_by_the_users_function_is_kept_as_the_cause():
    with pytest.raises(ValueError, match=r"pdf \(_raises\) raised ZeroDivisionError") as info:
        sampling.grid_inverse_cdf(_raises, -1.0, 1.0)
    assert isinstance(info.value.__cause__, ZeroDivisionError)
    with pytest.raises(TypeError, match=r"ppf \(.*\) raised TypeError"):    # stays a TypeError
        testing.assert_monotone(lambda u: float(u), U)


def test_a_count_on_a_label_of_probability_zero_has_p_value_zero():
    assert testing.chi_square_pvalue([0, 50, 50], [0.0, 0.5, 0.5]) == pytest.approx(1.0)
    assert testing.chi_square_pvalue([1, 50, 50], [0.0, 0.5, 0.5]) == 0.0


def test_the_good_calls_next_to_the_bad_ones_still_work():
    gradcheck.check_grads(ad.sin, (X3,), order=np.int16(2), eps=np.array(1e-6))
    assert ad.jvp(ad.sin, (X3,), (np.ones(3),))[1].shape == (3,)
    assert np.isnan(ad.jvp(ad.sin, (X3 * np.nan,), (X3,))[1]).all()     # NaN in, NaN out
    assert np.isnan(gradcheck.hvp(_sq, X3, X3 * np.nan)).all()
    assert sampling.ess_bulk(DRAWS > 0).shape == (1,)                  # an indicator's chains
    ContinuousInverseCDF.from_ppf(_ppf, _cdf)
    assert testing.ks_distance(EXP, _cdf) < 0.2
    assert testing.draws_needed(np.float32(0.1)) > 0
    assert strategies.u_grids(np.array([0.25, 0.5])) is not None
    assert strategies.uniforms_near_edges(P) is not None
