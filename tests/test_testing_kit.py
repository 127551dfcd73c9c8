"""Tests of scratchmeta.testing: its stated error rates hold, its checks catch what they claim.

The rates are checked where they can be measured: at alpha = 0.2 instead of
1e-6, over 400 seeds. A correct sampler fails the DKW assertion in at most
20% of seeds (DKW is conservative: we see about 1%); 400 Bernoulli(0.2) trials
exceed 0.27 with probability 3e-4, so the bound "<= 0.27" tests the claim
with a false-failure rate of 3e-4 at worst (the observed rate is ~0.01, so in
practice never). The false-pass claim is checked the same way, at
beta = 0.2, with a sampler exactly ``smallest_detectable`` off.
"""

import numpy as np
import pytest
from hypothesis import given
from scipy import stats

from scratchmeta import testing
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import (CI, CI_FEW, known_densities, probability_vectors,
                                            u_grids)

SEEDS = 400


def failure_rate(check):
    fails = 0
    for seed in range(SEEDS):
        try:
            check(np.random.default_rng(seed))
        except AssertionError:
            fails += 1
    return fails / SEEDS


def test_dkw_false_failure_rate_is_at_most_alpha():
    rate = failure_rate(lambda rng: testing.assert_cdf_matches(
        rng.standard_normal(500), stats.norm.cdf, alpha=0.2))
    assert rate <= 0.27


def test_dkw_false_pass_rate_is_at_most_beta_at_the_detectable_discrepancy():
    n, alpha, beta = 500, 0.2, 0.2
    d = testing.smallest_detectable(n, alpha, beta)
    # A location shift whose CDF is off by exactly d in sup norm.
    shift = 2 * stats.norm.ppf(0.5 + d / 2)
    assert abs(stats.norm.cdf(shift / 2) - stats.norm.cdf(-shift / 2) - d) < 1e-12
    passes = 1 - failure_rate(lambda rng: testing.assert_cdf_matches(
        rng.standard_normal(n) + shift, stats.norm.cdf, alpha=alpha))
    assert passes <= 0.27


def test_two_sample_false_failure_and_false_pass_rates():
    n, alpha = 400, 0.2
    same = failure_rate(lambda rng: testing.assert_same_distribution(
        rng.standard_normal(n), rng.standard_normal(n), alpha=alpha))
    assert same <= 0.27
    d = testing.smallest_detectable(n, alpha, 0.2, samples=2)
    shift = 2 * stats.norm.ppf(0.5 + d / 2)
    passes = 1 - failure_rate(lambda rng: testing.assert_same_distribution(
        rng.standard_normal(n), rng.standard_normal(n) + shift, alpha=alpha))
    assert passes <= 0.27


def test_labels_false_failure_rate_and_zero_probability_labels():
    p = np.array([0.0, 0.3, 0.5, 0.2, 0.0])
    rate = failure_rate(lambda rng: testing.assert_labels_match(
        rng.choice(5, size=2000, p=p), p, alpha=0.2))
    assert rate <= 0.27
    labels = np.random.default_rng(0).choice(5, size=2000, p=p)
    labels[7] = 4
    with pytest.raises(AssertionError, match="label 4 has probability 0 but was drawn 1 times"):
        testing.assert_labels_match(labels, p)
    # Off by 3% in one label over 2 * 10**5 draws: chi-square power at 1e-6 > 0.99 ...
    q = np.array([0.0, 0.309, 0.491, 0.2, 0.0])
    assert testing.chi_square_power(p, q, 2 * 10**5) > 0.99
    with pytest.raises(AssertionError, match="chi-square p-value"):
        testing.assert_labels_match(np.random.default_rng(1).choice(5, 2 * 10**5, p=q), p)


def test_draws_needed_and_smallest_detectable_are_inverse():
    for d in (0.1, 0.01, 0.003):
        for samples in (1, 2):
            n = testing.draws_needed(d, samples=samples)
            assert testing.smallest_detectable(n, samples=samples) <= d
            assert testing.smallest_detectable(n - 1, samples=samples) > d
    # 1e-6 both ways needs about 1.2 million draws for d = 0.005 (the README's example).
    assert testing.draws_needed(0.005) == 1_160_693


@pytest.mark.parametrize("call, error", [
    (lambda: testing.dkw_epsilon(0), ValueError), (lambda: testing.dkw_epsilon(1.5), TypeError),
    (lambda: testing.dkw_epsilon(10, alpha=1.0), ValueError),
    (lambda: testing.draws_needed(0.0), ValueError), (lambda: testing.draws_needed("x"), TypeError),
    (lambda: testing.smallest_detectable(10, samples=3), ValueError),
    (lambda: testing.assert_cdf_matches([], stats.norm.cdf), ValueError),
    (lambda: testing.assert_cdf_matches([np.nan], stats.norm.cdf), ValueError),
    (lambda: testing.assert_cdf_matches([1.0], "cdf"), TypeError),
    (lambda: testing.assert_labels_match([0.5], [1.0]), TypeError),
    (lambda: testing.assert_labels_match([0], [0.5, 0.6]), ValueError),
    (lambda: testing.assert_inverts(np.sort, np.sort, [0.5], 2.0), ValueError),
    (lambda: testing.assert_monotone(np.sort, [1.5]), ValueError),
])
def test_bad_arguments_are_named(call, error):
    with pytest.raises(error):
        call()


def test_exact_checks_catch_a_non_monotone_map_and_a_wrong_inverse():
    u = np.linspace(0, 1, 101)
    with pytest.raises(AssertionError, match="not monotone"):
        testing.assert_monotone(lambda v: np.sin(6 * v), u)
    with pytest.raises(AssertionError, match="returned NaN"):
        testing.assert_monotone(lambda v: np.where(v > 0.5, np.nan, v), u)
    with pytest.raises(AssertionError, match="F\\(Q\\(u\\)\\) differs from u"):
        testing.assert_inverts(lambda v: 1.001 * stats.norm.ppf(v), stats.norm.cdf, u, 1e-6)
    worst = testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, u, 1e-12)
    assert worst <= 1e-12
    # a NumPy float is a number too (np.float32(1e-3), or a value read from an array)
    assert testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, u, np.float32(1e-3)) <= 1e-3


@CI
@given(probability_vectors())
def test_probability_vectors_are_probability_vectors(p):
    assert p.ndim == 1 and np.all(p >= 0) and abs(p.sum() - 1) < 1e-12


def test_probability_vectors_include_zeros_at_the_ends_and_tiny_masses():
    seen = {"zero first": False, "zero last": False, "tiny": False}

    @CI
    @given(probability_vectors(min_size=3))
    def look(p):
        seen["zero first"] |= p[0] == 0
        seen["zero last"] |= p[-1] == 0
        seen["tiny"] |= bool(np.any((p > 0) & (p < 1e-100)))

    look()
    assert all(seen.values()), seen


def test_u_grids_include_endpoints_subnormals_and_cut_points():
    seen = set()

    @CI
    @given(u_grids(cut_points=(0.3,)))
    def look(u):
        assert np.all((u >= 0) & (u <= 1)) and np.all(np.diff(u) >= 0)
        seen.update(float(v) for v in u)

    look()
    assert {0.0, 1.0, 5e-324, 0.3, float(np.nextafter(0.3, 1))} <= seen


@CI_FEW
@given(known_densities())
def test_known_densities_integrate_to_their_cdf(known):
    lo, hi = known.cdf(np.array([-1e300, 1e300]))
    assert lo == pytest.approx(0.0, abs=1e-12) and hi == pytest.approx(1.0, abs=1e-12)
    a = known.domain[0] if np.isfinite(known.domain[0]) else float(known.cdf(0.5) * 0 - 5)
    x = np.linspace(max(a, -5.0), min(known.domain[1], 5.0), 2001)
    # F(b) - F(a) against the trapezoid integral of the pdf, where it is smooth enough
    pieces = np.diff(known.cdf(x))
    trap = np.diff(x) * (known.pdf(x[1:]) + known.pdf(x[:-1])) / 2
    assert np.sum(np.abs(pieces - trap)) < 0.05


def test_steps_density_rejects_bad_pieces():
    with pytest.raises(ValueError, match="increasing edges"):
        densities.steps([0.0, 1.0], [1.0, 2.0])


def test_strategies_module_says_what_to_install_when_hypothesis_is_missing(monkeypatch):
    import builtins
    import importlib
    import sys

    real_import = builtins.__import__

    def no_hypothesis(name, *args, **kwargs):
        if name == "hypothesis" or name.startswith("hypothesis."):
            raise ImportError("No module named 'hypothesis'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_hypothesis)
    monkeypatch.delitem(sys.modules, "scratchmeta.testing.strategies")
    with pytest.raises(ImportError, match=r"pip install scratchmeta\[testing\]"):
        importlib.import_module("scratchmeta.testing.strategies")
    monkeypatch.undo()
    importlib.import_module("scratchmeta.testing.strategies")
