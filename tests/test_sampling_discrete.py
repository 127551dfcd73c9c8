"""Tests for Chapter 3, part 1: the discrete inverse CDF (lecture 22, eq. 22.7).

The map U -> label is checked as a function first, for every U hypothesis can
think of (exact properties, no randomness), then the sampler is checked
statistically with a stated false-failure rate and power.
"""

import numpy as np
import pytest
from hypothesis import given, strategies as st

from scratchmeta.sampling import DiscreteInverseCDF
from scratchmeta.testing import ALPHA, chi_square_power, chi_square_pvalue
from scratchmeta.testing.strategies import CI, probability_vectors, uniforms_near_edges


def shift_one_bin(p, i, relative):
    """p with bin i scaled by (1 + relative), the others rescaled to keep the sum 1."""
    q = np.array(p, float)
    extra = q[i] * relative
    others = np.arange(q.size) != i
    q[others] *= 1.0 - extra / q[others].sum()
    q[i] += extra
    return q


def brute_force_label(p, u):
    """Eq. 22.7 read literally: walk the pieces [c_{i-1}, c_i) until U is inside one.

    The cut points c_i are running sums of p, divided by the total; the last
    label of positive probability owns everything to its right.
    """
    total = 0.0
    for q in p:                      # the same left-to-right sum as np.cumsum
        total += q
    running, last = 0.0, max(i for i, q in enumerate(p) if q > 0)
    for i, q in enumerate(p):
        running += q
        if q > 0 and (u < running / total or i == last):
            return i
    raise AssertionError("unreachable")


# --- the map U -> label: exact properties --------------------------------------

@CI
@given(st.data())
def test_label_agrees_with_brute_force_and_guide_table_for_every_u(data):
    p = data.draw(probability_vectors())
    u = data.draw(uniforms_near_edges(p))
    sampler = DiscreteInverseCDF(p)
    expected = [brute_force_label(p, x) for x in u]
    np.testing.assert_array_equal(sampler.from_uniforms(u), expected)
    np.testing.assert_array_equal(sampler.from_uniforms_guided(u), expected)


@CI
@given(st.data())
def test_only_labels_of_positive_probability_are_emitted(data):
    p = data.draw(probability_vectors())
    u = data.draw(uniforms_near_edges(p))       # includes U exactly on every edge
    sampler = DiscreteInverseCDF(p)
    for labels in (sampler.from_uniforms(u), sampler.from_uniforms_guided(u)):
        assert np.all(p[labels] > 0)


@CI
@given(st.data())
def test_label_is_monotone_in_u(data):
    p = data.draw(probability_vectors())
    u = np.sort(data.draw(uniforms_near_edges(p)))
    labels = DiscreteInverseCDF(p).from_uniforms_guided(u)
    assert np.all(np.diff(labels) >= 0)


def test_guide_table_agrees_with_binary_search_on_a_million_uniforms():
    rng = np.random.default_rng(20230422)
    p = rng.dirichlet(np.full(1000, 0.3))          # many tiny labels, some large
    p[rng.choice(1000, 100, replace=False)] = 0.0  # and some impossible ones
    p /= p.sum()
    sampler = DiscreteInverseCDF(p)
    u = rng.random(10**6)
    np.testing.assert_array_equal(sampler.from_uniforms_guided(u), sampler.from_uniforms(u))


def test_zero_probability_label_is_skipped_when_u_sits_exactly_on_its_edge():
    sampler = DiscreteInverseCDF([0.25, 0.0, 0.75])
    # U = 0.25 is both the right edge of label 0 and the (empty) piece of label 1.
    assert sampler.from_uniforms(0.25) == 2
    assert sampler.from_uniforms_guided(np.array([0.25]))[0] == 2
    # Leading and trailing zeros: U = 0 and U = 1 land on the positive labels.
    sampler = DiscreteInverseCDF([0.0, 0.5, 0.5, 0.0])
    np.testing.assert_array_equal(sampler.from_uniforms([0.0, 0.5, 1.0]), [1, 2, 2])


def test_rounding_in_the_running_sum_never_reaches_a_trailing_zero_label():
    # 0.1 added ten times is 0.9999999999999999 < 1: without the +inf edge,
    # U in [0.9999999999999999, 1) would land on the label of probability 0.
    p = [0.1] * 10 + [0.0]
    sampler = DiscreteInverseCDF(p)
    u = np.array([np.nextafter(1.0, 0.0), 1.0])
    np.testing.assert_array_equal(sampler.from_uniforms(u), [9, 9])
    np.testing.assert_array_equal(sampler.from_uniforms_guided(u), [9, 9])


def test_probabilities_down_to_1e_300_get_their_own_piece():
    sampler = DiscreteInverseCDF([1e-300, 0.5, 0.5 - 1e-300, 1e-300])
    u = np.array([0.0, 5e-301, 1e-300, 0.5, np.nextafter(1.0, 0.0)])
    np.testing.assert_array_equal(sampler.from_uniforms(u), [0, 0, 1, 2, 2])
    np.testing.assert_array_equal(sampler.from_uniforms_guided(u), [0, 0, 1, 2, 2])
    # Label 3's piece [1 - 1e-300, 1) rounds to nothing, so no U < 1 reaches
    # it: correct to within its probability. U = 1, which no generator
    # returns, goes to the last label of positive probability.
    assert sampler.from_uniforms(1.0) == 3


def test_a_sum_off_by_less_than_1e_8_is_spread_over_all_labels():
    p = np.array([0.5, 0.5]) * (1 + 5e-9)
    sampler = DiscreteInverseCDF(p)
    assert sampler.edges[0] == 0.5


# --- the sampler: statistics -------------------------------------------------------

P4 = np.array([0.1, 0.2, 0.3, 0.4])
N_DRAWS = 6_000_000


def draw_counts(sampler, n, rng, batch=1_000_000):
    counts = np.zeros(sampler.p.size, dtype=np.int64)
    for start in range(0, n, batch):
        counts += np.bincount(sampler.sample(min(batch, n - start), rng),
                              minlength=sampler.p.size)
    return counts


def test_chi_square_power_claim_holds():
    """The power claimed below, computed: a 1% relative shift of any one bin's
    mass (the rest rescaled) is detected with probability > 0.99."""
    for i in range(P4.size):
        assert chi_square_power(P4, shift_one_bin(P4, i, 0.01), N_DRAWS) > 0.99


def test_sample_frequencies_match_p():
    """Chi-square goodness of fit on 6e6 draws.

    False-failure rate: 1e-6 (reject only if the p-value is below 1e-6).
    Power: detects a 1% relative shift in any bin's mass with probability
    > 0.99 (see test_chi_square_power_claim_holds).
    """
    counts = draw_counts(DiscreteInverseCDF(P4), N_DRAWS, np.random.default_rng(1))
    assert chi_square_pvalue(counts, P4) > ALPHA


def test_chi_square_test_catches_a_sampler_off_by_one_percent_in_one_bin():
    """The same test, fed a deliberately wrong sampler: it must reject."""
    wrong = DiscreteInverseCDF(shift_one_bin(P4, 0, 0.01))   # bin 0: 0.100 -> 0.101
    counts = draw_counts(wrong, N_DRAWS, np.random.default_rng(1))
    assert chi_square_pvalue(counts, P4) < ALPHA


def test_sample_never_emits_zero_probability_labels_and_matches_p_with_tiny_masses():
    """Zero and 1e-300 labels among 1,000: none of them appears in 2e6 draws.

    The chance that a correct sampler emits a 1e-300 label even once is
    2e6 * 1e-300: the false-failure rate is 0 for practical purposes. The
    chi-square part has false-failure rate 1e-6.
    """
    rng = np.random.default_rng(7)
    p = rng.random(1000)
    p[::3] = 0.0
    p[1::7] = 1e-300
    p /= p.sum()
    counts = draw_counts(DiscreteInverseCDF(p), 2_000_000, rng)
    assert counts[p < 1e-200].sum() == 0
    big = p > 1e-200
    assert chi_square_pvalue(counts[big], p[big] / p[big].sum()) > ALPHA


def test_sample_is_reproducible_and_shaped_by_size():
    sampler = DiscreteInverseCDF(P4)
    a = sampler.sample((3, 5), np.random.default_rng(3))
    b = sampler.sample((3, 5), np.random.default_rng(3))
    assert a.shape == (3, 5)
    np.testing.assert_array_equal(a, b)
    assert sampler.sample(0, np.random.default_rng(3)).shape == (0,)


# --- bad input -------------------------------------------------------------------

@pytest.mark.parametrize("p, message", [
    ([[0.5, 0.5]], "must be 1-D"),
    ([], "non-empty"),
    ([0.5, np.nan], r"must be finite, but p\[1\] = nan"),
    ([0.5, np.inf], "must be finite"),
    ([1.5, -0.5], r"non-negative, but p\[1\] = -0.5"),
    ([0.5, 0.4], r"must sum to 1 within 1e-08, but p = \[0.5, 0.4\] sums to 0.9"),
    ([0.5, 0.5 + 2e-8], "must sum to 1 within 1e-08"),
])
def test_invalid_probabilities_raise_value_error(p, message):
    with pytest.raises(ValueError, match=message):
        DiscreteInverseCDF(p)


@pytest.mark.parametrize("p", [["a", "b"], [0.5 + 0j, 0.5], [None, 1.0]])
def test_non_numeric_probabilities_raise_type_error(p):
    with pytest.raises(TypeError, match="array of real numbers"):
        DiscreteInverseCDF(p)


def test_uniforms_outside_unit_interval_raise_value_error():
    sampler = DiscreteInverseCDF(P4)
    for bad in (-0.1, 1.5, np.nan):
        with pytest.raises(ValueError, match=r"u must lie in \[0, 1\]"):
            sampler.from_uniforms([0.5, bad])
        with pytest.raises(ValueError, match=r"u must lie in \[0, 1\]"):
            sampler.from_uniforms_guided([bad])


def test_sample_rejects_a_non_generator_rng_and_bad_sizes():
    sampler = DiscreteInverseCDF(P4)
    with pytest.raises(TypeError, match="numpy.random.Generator"):
        sampler.sample(10, rng=0)
    with pytest.raises(TypeError, match="numpy.random.Generator"):
        sampler.sample(10, rng=np.random.RandomState(0))
    with pytest.raises(ValueError, match="must not be negative"):
        sampler.sample(-1, np.random.default_rng(0))
    with pytest.raises(TypeError, match="size must be an int"):
        sampler.sample(2.5, np.random.default_rng(0))


# --- SciPy's names and bad input -------------------------------------------------------

def test_scipy_names_are_the_lecture_names():
    sampler = DiscreteInverseCDF([0.2, 0.0, 0.5, 0.3])
    u = np.linspace(0.0, 1.0, 101)
    np.testing.assert_array_equal(sampler.ppf(u), sampler.from_uniforms(u))
    np.testing.assert_array_equal(sampler.rvs(50, random_state=4),
                                  sampler.sample(50, np.random.default_rng(4)))
    assert isinstance(sampler.rvs(None, random_state=np.random.default_rng(1)), int)
    assert sampler.support() == (0, 3)


@pytest.mark.parametrize("u, error, message", [
    ([0.5 + 1j], TypeError, "complex"), (["a"], TypeError, "real numbers"),
    ([np.nan], ValueError, r"u must lie in \[0, 1\]"), ([-0.1], ValueError, "u must lie")])
def test_bad_uniforms_are_refused(u, error, message):
    with pytest.raises(error, match=message):
        DiscreteInverseCDF([0.5, 0.5]).ppf(u)


def test_rvs_needs_a_generator_or_seed():
    with pytest.raises(TypeError, match="random_state must be a numpy.random.Generator"):
        DiscreteInverseCDF([0.5, 0.5]).rvs(3)
