"""Round 7 (Chapter 3's samplers, the testing kit, the figures command): each bad input is one
ValueError or TypeError naming the argument before any work starts.

Three kinds of bad input, each checked once in a shared validator so that every entry point
gets it: a numpy masked array where numbers are meant (scratchmeta does not honour masks, and
np.asarray would drop the mask without a word), a user's function (pdf, cdf, log_density)
returning a tuple such as ``(values, extra)`` (NumPy's "inhomogeneous shape" error before), and
a density returning negative values. Next to each refusal, a valid input close to it still
works. The figure modules are stubbed as in ``test_bad_inputs_wider.classify_figures``.
"""

import numpy as np
import pytest
from scipy import stats

from scratchmeta import figures, testing
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, ess_bulk,
                                  grid_inverse_cdf, laplace, metropolis,
                                  metropolis_transition_matrix)
from scratchmeta.sampling.mixing import bin_masses
from scratchmeta.sampling.quadrature import density_values
from test_bad_inputs_wider import classify_figures

MASKED = "is a masked array \\(numpy.ma\\); scratchmeta does not honour masks"


def _ma(a, index=0):
    """A masked array of ``a`` with one entry masked: the mask is the user's data."""
    m = np.ma.masked_array(np.array(a, dtype=float), mask=False)
    m[np.unravel_index(index, m.shape)] = np.ma.masked
    return m


def _log_density(x):
    return -0.5 * np.sum(x * x, axis=1)


def _metropolis(**kwargs):
    kwargs = {"log_density": _log_density, "x0": np.zeros((2, 1)), "n_steps": 20,
              "rng": np.random.default_rng(0), **kwargs}
    return metropolis(**kwargs)


def _draws():
    return np.random.default_rng(1).normal(size=(4, 50))


# --- masked arrays: refused naming the argument, the plain array still works ---------------

def test_continuous_ppf_refuses_masked_u():
    with pytest.raises(TypeError, match=f"^ContinuousInverseCDF.ppf: u {MASKED}: pass "
                                        f"u.filled"):
        laplace().ppf(_ma([0.1, 0.5, 0.9]))
    np.testing.assert_allclose(laplace().ppf(np.array([0.1, 0.5, 0.9])),
                               stats.laplace.ppf([0.1, 0.5, 0.9]), rtol=1e-12)


def test_discrete_refuses_masked_p():
    with pytest.raises(TypeError, match=f"^DiscreteInverseCDF: p {MASKED}"):
        DiscreteInverseCDF(_ma([0.25, 0.25, 0.5]))
    assert DiscreteInverseCDF(np.array([0.25, 0.25, 0.5])).ppf(np.array([0.3]))[0] == 1


def test_transition_matrix_refuses_masked_q():
    with pytest.raises(TypeError, match=f"^\\w+: Q {MASKED}"):
        metropolis_transition_matrix([0.5, 0.5], _ma([[0.5, 0.5], [0.5, 0.5]], 1))
    np.testing.assert_allclose(metropolis_transition_matrix([0.5, 0.5],
                                                            [[0.5, 0.5], [0.5, 0.5]]),
                               [[0.5, 0.5], [0.5, 0.5]])


def test_metropolis_refuses_masked_x0():
    with pytest.raises(TypeError, match=f"^\\w+: x0 {MASKED}"):
        _metropolis(x0=_ma(np.zeros((2, 1))))
    assert _metropolis().samples.shape == (2, 20, 1)


def test_ess_bulk_refuses_masked_draws():
    with pytest.raises(TypeError, match=f"^\\w+: draws {MASKED}"):
        ess_bulk(_ma(_draws(), 7))
    assert ess_bulk(_draws()).shape == (1,)


def test_ks_distance_refuses_masked_samples():
    with pytest.raises(TypeError, match=f"^\\w+: samples {MASKED}"):
        testing.ks_distance(_ma([0.1, 0.2, 0.3]), stats.norm.cdf)
    # one draw at 0: the empirical CDF jumps from 0 to 1 where F = 1/2
    assert testing.ks_distance(np.array([0.0]), stats.norm.cdf) == pytest.approx(0.5, abs=1e-15)


def test_same_distribution_refuses_masked_x():
    with pytest.raises(TypeError, match=f"^\\w+: x {MASKED}"):
        testing.assert_same_distribution(_ma([1.0, 2.0, 3.0]), [1.0, 2.0])
    # (round 60: the unmasked call needs draws enough for the test to be able to fail)
    x = np.random.default_rng(0).normal(size=60)
    assert testing.assert_same_distribution(x, x[::-1][:40] + 0.01).n == 40


def test_labels_match_refuses_masked_labels():
    with pytest.raises(TypeError, match=f"^\\w+: labels {MASKED}"):
        testing.assert_labels_match(np.ma.masked_array([0, 1], mask=[True, False]), [0.5, 0.5])


# --- a user's function returning a tuple: refused naming it, what it returned, what is due ----

TUPLE = "must return .*, but it returned a tuple of 2 items \\(an array of shape"


def test_grid_inverse_cdf_refuses_a_pdf_returning_a_tuple():
    with pytest.raises(TypeError, match=rf"^grid_inverse_cdf: pdf \(.*\) {TUPLE}"):
        grid_inverse_cdf(lambda x: (np.ones(np.shape(x)), 0), 0.0, 1.0)
    sampler = grid_inverse_cdf(lambda x: np.ones(np.shape(x)), 0.0, 1.0)
    np.testing.assert_allclose(sampler(np.array([0.25, 0.5])), [0.25, 0.5], atol=1e-12)


def test_from_density_refuses_a_pdf_returning_a_tuple():
    with pytest.raises(TypeError, match=rf"^from_density: pdf \(.*\) {TUPLE}"):
        ContinuousInverseCDF.from_density(lambda x: (stats.norm.pdf(x), 0))


def test_metropolis_refuses_a_log_density_returning_a_tuple():
    with pytest.raises(TypeError, match=r"^\w+: log_density \(.*\) must return one log-density "
                                        r"per chain, "
                       "an array of shape \\(chains,\\), but it returned a tuple of 2 items"):
        _metropolis(log_density=lambda x: (_log_density(x), 0))
    # a list of plain numbers, one per chain, is still read as an array
    assert _metropolis(log_density=lambda x: list(_log_density(x))).samples.shape == (2, 20, 1)


def test_bin_masses_refuses_a_cdf_returning_a_tuple():
    edges = np.linspace(-1.0, 1.0, 5)
    with pytest.raises(TypeError, match=rf"^bin_masses: cdf( \(.*\))? {TUPLE}"):
        bin_masses(edges, lambda x: (stats.norm.cdf(x), 0))
    masses, left, right = bin_masses(edges, stats.norm.cdf)
    assert left == pytest.approx(stats.norm.cdf(-1.0), abs=1e-15)
    assert masses.sum() + left + right == pytest.approx(1.0, abs=1e-15)


def test_cdf_matches_refuses_a_cdf_returning_a_tuple():
    with pytest.raises(TypeError, match=rf"^assert_cdf_matches: cdf( \(.*\))? {TUPLE}"):
        testing.assert_cdf_matches([0.1, 0.2], lambda x: (stats.norm.cdf(x), 0))
    # (round 60: the good call needs draws enough for the test to be able to fail)
    assert testing.assert_cdf_matches(np.linspace(-2, 2, 40), stats.norm.cdf).n == 40


# --- values a density or a CDF cannot take ------------------------------------------------------

def test_density_values_refuses_a_negative_density():
    with pytest.raises(ValueError, match=r"^pdf \(.*\): the density is negative \(-1.0\) at "
                                         r"x = 0.0"):
        density_values(lambda x: -np.ones(np.shape(x)), np.linspace(0, 1, 5))
    # NaN is still allowed when probing (read as zero far outside the support)
    y = density_values(lambda x: np.where(np.asarray(x) > 0.5, np.nan, 1.0), np.linspace(0, 1, 5))
    assert np.array_equal(np.isnan(y), [False, False, False, True, True])


def test_assert_inverts_refuses_a_cdf_returning_nan():
    with pytest.raises(ValueError, match=r"^\w+: cdf \(.*\) must return a finite number .* "
                                         r"returned nan"):
        testing.assert_inverts(stats.norm.ppf, lambda x: np.asarray(x) * np.nan, [0.1, 0.5], 1e-10)
    # a wrong sampler (not a bad cdf) is still the kit's verdict, an AssertionError
    with pytest.raises(AssertionError, match="F\\(Q\\(u\\)\\) differs from u"):
        testing.assert_inverts(lambda u: stats.norm.ppf(u) + 0.1, stats.norm.cdf, [0.1, 0.5],
                               1e-10)
    assert testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, [0.1, 0.5], 1e-10) < 1e-10


# --- the figures command: --only as the user typed it ----------------------------------------

def test_figures_only_an_empty_string_names_the_option(tmp_path):
    kind, detail = classify_figures(["figures", "--quick", "--only", ""],
                                    ["--only holds unknown figure stems ['']"], tmp_path)
    assert kind == "clear", detail


def test_figures_only_given_twice_names_the_option(tmp_path):
    kind, detail = classify_figures(["figures", "--quick", "--only", "fig22_1", "fig22_1"],
                                    ["--only", "fig22_1", "twice"], tmp_path)
    assert kind == "clear", detail


def test_check_only_names_the_argument_it_is_given():
    with pytest.raises(ValueError, match="^only holds unknown figure stems \\[''\\]"):
        figures.check_only([""])
    with pytest.raises(ValueError, match="^--only holds unknown figure stems \\[' '\\]"):
        figures.check_only([" "], "--only")
    with pytest.raises(TypeError, match="^check_only: name must be"):
        figures.check_only(["fig22_1"], None)
    assert figures.check_only(["fig22_1"], "--only") is None
