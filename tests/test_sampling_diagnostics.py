"""Tests for Chapter 3, part 3b: split-R-hat, ESS (bulk, tail, mean) and MCSE.

The reference is ArviZ, the reference implementation of Vehtari et al.
(2021). ``tests/data/arviz_reference.npz`` holds draws and ArviZ's values for
them, written by ``.venv/bin/python tests/data/make_arviz_reference.py``
(ArviZ 0.23.4): ArviZ's own example posterior (centered_eight), seeded random
inputs and degenerate ones. Every value must agree to 1e-8 relative. When
ArviZ is installed, random hypothesis-generated chains are compared live too.
The rank normalisation is also checked against SciPy's ``rankdata``, and the
numbers on chains whose answer we know: AR(1) chains with a known ESS, and
chains that have visibly not mixed.
"""

import warnings
from pathlib import Path


import numpy as np
import pytest
from hypothesis import given, strategies as st
from scipy import stats
from scipy.signal import lfilter

from scratchmeta.sampling import (diagnose, ess_bulk, ess_mean, ess_tail, mcse_mean, mcse_sd,
                                  rank_normalize, split_rhat)
from scratchmeta.testing.strategies import CI_FEW

REFERENCE = Path(__file__).parent / "data" / "arviz_reference.npz"
OURS = {"rhat": split_rhat, "ess_bulk": ess_bulk, "ess_tail": ess_tail, "ess_mean": ess_mean,
        "mcse_mean": mcse_mean, "mcse_sd": mcse_sd}


# --- a literal transcription, for comparison ----------------------------------------

def reference_rank_normalize(x):
    """Normal scores of average ranks over all entries, via scipy.stats.rankdata."""
    r = stats.rankdata(x, method="average").reshape(x.shape)
    return stats.norm.ppf((r - 0.375) / (x.size + 0.25))


def reference_split(x):
    half = x.shape[1] // 2
    return np.array([c[:half] for c in x] + [c[x.shape[1] - half:] for c in x])


def reference_rhat(z):
    m, n = z.shape
    means = [np.mean(c) for c in z]
    variances = [np.var(c, ddof=1) for c in z]
    w = np.mean(variances)
    b = n * np.var(means, ddof=1)
    return np.sqrt(((n - 1) / n * w + b / n) / w)


@st.composite
def small_chains(draw):
    """2-4 chains of 6-40 draws: AR(1) with ties (rounded), shifts and scales."""
    seed = draw(st.integers(0, 2**32 - 1))
    chains, n = draw(st.integers(1, 4)), draw(st.integers(6, 40))
    rho = draw(st.floats(-0.5, 0.95))
    rng = np.random.default_rng(seed)
    x = lfilter([1.0], [1.0, -rho], rng.standard_normal((chains, n)), axis=1)
    x = x * rng.uniform(0.5, 2.0, (chains, 1)) + rng.normal(0, draw(st.floats(0, 2)), (chains, 1))
    return np.round(x, draw(st.integers(0, 3)))      # rounding makes ties


@CI_FEW
@given(small_chains())
def test_rank_normalize_matches_scipy_rankdata_with_ties(x):
    np.testing.assert_allclose(rank_normalize(x), reference_rank_normalize(x), rtol=1e-14)


def ours(x):
    """Our six numbers for one (chains, n) input, degenerate-input warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return {name: float(fn(x)[0]) for name, fn in OURS.items()}


def test_diagnostics_equal_arvizs_on_its_example_posterior_random_and_degenerate_input():
    ref = np.load(REFERENCE)
    names = [str(n) for n in ref["names"]]
    assert len(ref["labels"]) > 100
    for i, label in enumerate(ref["labels"]):
        got = ours(ref[f"draws_{i}"])
        for name, want in zip(names, ref["values"][i]):
            if np.isnan(want):
                assert np.isnan(got[name]), (label, name, got[name])
            else:
                assert got[name] == pytest.approx(want, rel=1e-8), (label, name)


@CI_FEW
@given(small_chains())
def test_diagnostics_equal_arvizs_live_on_random_chains(x):
    az = pytest.importorskip("arviz")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = {"rhat": az.rhat(x), "ess_bulk": az.ess(x, method="bulk"),
                "ess_tail": az.ess(x, method="tail"), "ess_mean": az.ess(x, method="mean"),
                "mcse_mean": az.mcse(x, method="mean"), "mcse_sd": az.mcse(x, method="sd")}
    got = ours(x)
    for name, value in want.items():
        value = float(value)
        if np.isnan(value):
            assert np.isnan(got[name]), name
        else:
            assert got[name] == pytest.approx(value, rel=1e-8), name


@pytest.mark.parametrize("shape, constant", [((3, 50, 2), False), ((1, 50, 2), False),
                                             ((4, 20, 2), True), ((2, 3, 1), False)])
def test_diagnose_is_split_rhat_and_bulk_ess(shape, constant):
    x = np.random.default_rng(1).standard_normal(shape)
    if constant:
        x[:, :, 1] = 2.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        r_hat, ess = diagnose(x)
        np.testing.assert_array_equal(r_hat, split_rhat(x))
        np.testing.assert_array_equal(ess, ess_bulk(x))


def test_rank_normalize_keeps_the_shape_of_multidimensional_draws():
    x = np.random.default_rng(0).standard_normal((3, 10, 2))
    z = rank_normalize(x)
    assert z.shape == x.shape
    np.testing.assert_allclose(z[:, :, 1], reference_rank_normalize(x[:, :, 1]), rtol=1e-14)


# --- known answers -----------------------------------------------------------------

def ar1(rng, chains, n, rho):
    """Stationary Gaussian AR(1) chains: x_t = rho x_{t-1} + sqrt(1 - rho**2) e_t."""
    e = rng.standard_normal((chains, n)) * np.sqrt(1 - rho**2)
    e[:, 0] = rng.standard_normal(chains)
    return lfilter([1.0], [1.0, -rho], e, axis=1)


def test_ess_of_ar1_chains_is_draws_times_one_minus_rho_over_one_plus_rho():
    """For AR(1), tau = (1 + rho) / (1 - rho); rho = 0.5, 8 x 5000 draws: ESS = 13,333.

    False-failure rate: measured over 300 seeds, the estimate has mean 13,324
    and relative sd 2.8%; the +-15% band is 5.3 sd wide on each side, which
    a normal approximation puts at 1e-7 two-sided. Power: an ESS formula off
    by a factor 1.3 or more (for example one that ignored the lag-1 term)
    fails with probability > 0.99.
    """
    x = ar1(np.random.default_rng(2021), 8, 5000, 0.5)
    assert ess_bulk(x)[0] == pytest.approx(8 * 5000 / 3, rel=0.15)
    # R-hat of well-mixed chains: measured mean 1.0004, sd 0.0002 over 300 seeds.
    assert split_rhat(x)[0] < 1.005


def test_ess_is_invariant_under_monotone_transformations():
    # Rank normalisation sees only the order of the draws.
    x = ar1(np.random.default_rng(3), 4, 1000, 0.7)
    np.testing.assert_array_equal(ess_bulk(x), ess_bulk(np.exp(3 * x)))
    np.testing.assert_array_equal(ess_bulk(x), ess_bulk(x ** 3))


def test_ess_of_a_cauchy_chain_is_finite_and_sensible():
    # Heavy tails: without rank normalisation the variance would not exist.
    x = stats.cauchy.ppf(stats.norm.cdf(ar1(np.random.default_rng(4), 4, 4000, 0.5)))
    assert ess_bulk(x)[0] == pytest.approx(16000 / 3, rel=0.15)


def test_rhat_flags_chains_stuck_in_different_places():
    x = np.random.default_rng(5).standard_normal((4, 1000))
    x[0] += 3.0
    assert split_rhat(x)[0] > 1.2


def test_rhat_flags_a_chain_that_is_still_drifting():
    # Split-R-hat: one chain whose second half has moved.
    x = np.random.default_rng(6).standard_normal((4, 1000))
    x[1, 500:] += 1.0
    assert split_rhat(x)[0] > 1.05


def test_folded_rhat_flags_chains_that_differ_only_in_scale():
    rng = np.random.default_rng(7)
    x = rng.standard_normal((4, 2000))
    x[0] *= 3.0                                # same centre, wider spread
    bulk_only = stats.norm.ppf((stats.rankdata(reference_split(x)) - 0.375) / (x.size + 0.25))
    assert reference_rhat(bulk_only.reshape(8, 1000)) < 1.01   # the bulk misses it
    assert split_rhat(x)[0] > 1.05                            # the folded draws do not


def test_diagnostics_are_per_dimension():
    rng = np.random.default_rng(8)
    x = rng.standard_normal((4, 500, 3))
    x[0, :, 2] += 5.0                          # only dimension 2 is broken
    r_hat, ess = diagnose(x)
    assert r_hat.shape == ess.shape == (3,)
    assert np.all(r_hat[:2] < 1.01) and r_hat[2] > 1.5


def test_constant_chains_have_ess_equal_to_the_number_of_draws_and_rhat_nan():
    x = np.zeros((4, 100))
    assert ess_bulk(x)[0] == 400 and ess_tail(x)[0] == 400
    with pytest.warns(RuntimeWarning, match="constant draws"):
        assert np.isnan(split_rhat(x)[0])


def test_one_chain_has_an_ess_but_rhat_is_nan_with_a_warning():
    x = np.random.default_rng(2).standard_normal((1, 100))
    assert 50 < ess_bulk(x)[0] < 200
    with pytest.warns(RuntimeWarning, match="at least 2 chains"):
        assert np.isnan(split_rhat(x)[0])


@pytest.mark.parametrize("fn", list(OURS.values()))
def test_fewer_than_four_draws_give_nan_with_a_warning(fn):
    with pytest.warns(RuntimeWarning, match="at least 4 draws per chain, got 3"):
        assert np.isnan(fn(np.random.default_rng(3).standard_normal((4, 3)))[0])


@pytest.mark.parametrize("draws, error, message", [
    (np.zeros(10), ValueError, r"must have shape \(chains, n_draws\)"),
    (np.zeros((2, 0)), ValueError, "no empty axis"),
    (np.full((2, 8), np.nan), ValueError, "draws must be finite"),
    (np.ones((2, 8)) * 1j, TypeError, "real numbers, got dtype complex"),
    (np.array([["a"] * 8] * 2), TypeError, "real numbers, got dtype <U1"),
])
@pytest.mark.parametrize("fn", list(OURS.values()))
def test_invalid_draws_raise_before_any_work(fn, draws, error, message):
    with pytest.raises(error, match=message):
        fn(draws)
