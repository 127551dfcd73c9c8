"""Statistical assertions for samplers, each with its false-failure and false-pass rate.

Lecture 22, section 2.1: a sampler is right when its draws have the target's
CDF. A finite sample can only show that with some error, so every assertion
here states two rates:

* alpha, the **false-failure** rate: the probability that a correct sampler
  fails the assertion (default ALPHA = 1e-6, so a suite of a thousand such
  tests fails spuriously about once in a thousand runs);
* beta, the **false-pass** rate for a given discrepancy d: the probability
  that a sampler whose CDF G is off by sup_x |G(x) - F(x)| >= d still passes.

The bounds come from the Dvoretzky-Kiefer-Wolfowitz inequality with
Massart's constant, which holds for every n and every distribution (for a
discrete or mixed one it is conservative): with F_n the empirical CDF of n
independent draws from F,

    P(sup_x |F_n(x) - F(x)| > eps) <= 2 exp(-2 n eps**2).          (DKW)

So the threshold eps(n, alpha) = sqrt(log(2 / alpha) / (2 n)) gives false
failures at most alpha. If the draws come from G with sup |G - F| = d, the
statistic is at least d - sup |F_n - G|, so the assertion passes only if
sup |F_n - G| >= d - eps(n, alpha), which has probability at most beta once
d >= eps(n, alpha) + eps(n, beta). That sum is :func:`smallest_detectable`;
solving it for n is :func:`draws_needed`. (TensorFlow Probability's
internal ``statistical_testing`` module takes the same approach.)

For labels, :func:`assert_labels_match` adds what DKW cannot see quickly: a
label of probability zero must never appear (an exact check), and Pearson's
chi-square test is far more powerful than DKW against a change in one small
label; its alpha is asymptotic, and :func:`chi_square_power` gives its
power against a given alternative.
"""

from typing import NamedTuple

import numpy as np
from scipy import stats

from scratchmeta.testing._checks import (call, check_function, describe, is_int, is_real,
                                        real_numbers, real_output, refuse_masked)
from scratchmeta.messages import (drifted, fits_float64, iterator, named, names_itself, seen,
                                  swapped)

ALPHA = 1e-6          # default false-failure rate of every assertion here


class Rates(NamedTuple):
    """What an assertion computed: its statistic, its threshold and its rates."""

    statistic: float          # the distance measured
    threshold: float          # fail when statistic > threshold
    n: int                    # draws (for two samples: the smaller sample)
    alpha: float              # false-failure rate (an upper bound)
    detectable: float         # the d caught with false-pass rate <= alpha as well


def _check_rate(name, value):
    """An error rate: ``alpha`` a false failure's, ``beta`` a false pass's, in (0, 1/2]. A
    rate above one half (0.95, 0.999999) is a confidence level or a power given in its
    place, and would make the test fail correct samplers, or pass wrong ones, more often
    than not."""
    if not is_real(value):
        raise TypeError(f"{name} must be a probability (a float), got {seen(value)}")
    if not 0.0 < float(value) < 1.0:
        raise ValueError(f"{name} must be a probability in (0, 1), got {seen(value)}")
    if float(value) > 0.5:
        what = "a false failure" if name == "alpha" else "a false pass"
        other = "a confidence level" if name == "alpha" else "a power"
        raise ValueError(f"{name} is the rate of {what}, at most 0.5, got {seen(value)}: "
                         f"{other}? pass 1 - {float(value)!r} = {1 - float(value):.6g}")
    return float(value)


def _check_n(name, n):
    if not is_int(n):
        raise TypeError(f"{name} must be a positive int, got {seen(n)}")
    if n < 1:
        raise ValueError(f"{name} must be a positive int, got {seen(n)}")
    if not fits_float64(n):          # a count of draws; 10**400 would overflow the formulas
        raise ValueError(f"{name} must be a count a float64 can hold (draws), got the int "
                         f"{n!r:.40}... ({len(str(n))} digits)")
    return int(n)


def _check_samples(samples):
    """1 (one sample against a CDF) or 2 (two samples): exactly those ints, not True or 2.0."""
    if not is_int(samples) or samples not in (1, 2):
        raise ValueError(f"samples must be 1 (against a CDF) or 2 (two samples), "
                         f"got {seen(samples)}")
    return int(samples)


def _probabilities(name, p):
    """A 1-D probability vector: non-negative, finite, summing to 1 within 1e-8."""
    given = p
    p = real_numbers(name, p, "an array of probabilities")
    if p.ndim == 1 and not np.isfinite(p).all():      # a NaN is no probability: said first
        i = int(np.flatnonzero(~np.isfinite(p))[0])
        raise ValueError(f"{name} must hold finite probabilities, but {name}[{i}] = "
                         f"{float(p[i])!r}{', a NaN' if np.isnan(p[i]) else ''}: got {seen(p)}")
    if p.ndim != 1 or p.size == 0 or np.any(~(p >= 0)) or not abs(p.sum() - 1.0) <= 1e-8:
        raise ValueError(f"{name} must be a 1-D probability vector summing to 1, got {seen(p)} "
                         f"({describe(given)})")
    return p


def _probabilities_after(first_name, first, p):
    """``p`` as :func:`_probabilities` checks it, where ``first`` (the counts or the labels)
    came before it: when p is no probability vector but ``first`` is one, the two were given
    in the wrong order, and the message says so."""
    try:
        return _probabilities("p", p)
    except (TypeError, ValueError) as error:
        try:
            _probabilities(first_name, first)
        except (TypeError, ValueError):
            raise error from None
        raise ValueError(f"{error}; {first_name} = {seen(first, 80)} reads as the probabilities: "
                         f"were {first_name} and p given the wrong way round? The order is "
                         f"({first_name}, p)") from None


def _as_sample(name, x):
    x = real_numbers(name, x)
    if x.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of draws, got shape {x.shape}"
                         + ("" if x.ndim else f" (the number {x.item()!r})"))
    x = x.ravel()
    if x.size == 0:
        raise ValueError(f"{name} must hold at least one draw, got an empty array")
    if not np.all(np.isfinite(x)):
        i = int(np.flatnonzero(~np.isfinite(x))[0])
        raise ValueError(f"{name} contains {int(np.isnan(x).sum())} NaN and "
                         f"{int(np.isinf(x).sum())} inf draw(s) among its {x.size} (the first, "
                         f"{float(x[i])!r} at index {i}); a sampler must return finite numbers")
    return x


@names_itself
def dkw_epsilon(n, alpha=ALPHA):
    """eps with 2 exp(-2 n eps**2) = alpha: the DKW band that n draws stay inside."""
    n, alpha = _check_n("n", n), _check_rate("alpha", alpha)
    return float(np.sqrt(np.log(2.0 / alpha) / (2.0 * n)))


@names_itself
def smallest_detectable(n, alpha=ALPHA, beta=ALPHA, samples=1):
    """Smallest sup-norm discrepancy d that n draws catch with false-pass rate <= beta.

    One sample: d = eps(n, alpha) + eps(n, beta). Two samples of n draws each
    (``samples=2``): each empirical CDF gets half of each rate, so
    d = 2 eps(n, alpha / 2) + 2 eps(n, beta / 2).
    """
    n, alpha, beta = _check_n("n", n), _check_rate("alpha", alpha), _check_rate("beta", beta)
    if _check_samples(samples) == 1:
        return dkw_epsilon(n, alpha) + dkw_epsilon(n, beta)
    return 2.0 * (dkw_epsilon(n, alpha / 2.0) + dkw_epsilon(n, beta / 2.0))


@names_itself
def draws_needed(discrepancy, alpha=ALPHA, beta=ALPHA, samples=1):
    """Fewest draws n (per sample) with smallest_detectable(n, alpha, beta) <= discrepancy."""
    if not is_real(discrepancy):
        raise TypeError(f"discrepancy must be a number in (0, 1], got {seen(discrepancy)}")
    if not 0.0 < float(discrepancy) <= 1.0:
        raise ValueError(f"discrepancy must be a sup-norm CDF distance in (0, 1], "
                         f"got {seen(discrepancy)}")
    alpha, beta = _check_rate("alpha", alpha), _check_rate("beta", beta)
    k = _check_samples(samples)
    root = k * (np.sqrt(np.log(2 * k / alpha) / 2.0) + np.sqrt(np.log(2 * k / beta) / 2.0))
    if float(root) / float(discrepancy) > 2.0 ** 31:         # n beyond 2**62: no test draws that
        raise ValueError(f"discrepancy={discrepancy!r} is too small to detect: it would need "
                         f"more than 2**62 draws ({float(root) / float(discrepancy):.3g} squared)")
    n = int(np.ceil((root / float(discrepancy)) ** 2))
    while smallest_detectable(n, alpha, beta, samples) > discrepancy:   # rounding
        n += 1
    return n


@names_itself
def ks_distance(samples, cdf):
    """sup_x |F_n(x) - F(x)|: the empirical CDF of ``samples`` against ``cdf``."""
    if callable(samples) and not callable(cdf):          # ks_distance(cdf, samples)
        raise TypeError("ks_distance: samples must be the draws and cdf a function"
                        + swapped("ks_distance", ("samples", "cdf"),
                                  {"samples": samples, "cdf": cdf}))
    check_function("cdf", cdf)
    x = np.sort(_as_sample("samples", samples))
    with np.errstate(all="ignore"):
        f = real_output(named("cdf", cdf), call("cdf", cdf, x)).astype(np.float64)
    if f.shape != x.shape or not np.all((f >= 0.0) & (f <= 1.0)):     # also NaN
        raise ValueError(f"{named('cdf', cdf)} must map an array of draws to an array of the "
                         f"same shape of numbers in [0, 1] (no NaN); got shape {f.shape} for "
                         f"{x.shape}: {describe(f)}")
    down = np.flatnonzero(np.diff(f) < -1e-9)          # x is sorted: a CDF never decreases
    if down.size:
        i = int(down[0])
        raise ValueError(f"{named('cdf', cdf)} is no CDF: it decreases from {f[i]!r} at x = "
                         f"{x[i]!r} to {f[i + 1]!r} at x = {x[i + 1]!r} (a CDF never decreases;"
                         f" an interpolant extrapolated past its table can)")
    head = x[:16]                       # read twice there: a cdf that drifts is named
    with np.errstate(all="ignore"):
        again = real_output(named("cdf", cdf), call("cdf", cdf, head)).astype(np.float64)
    fault = drifted("cdf", cdf, head, f[:16], again)
    if fault:
        raise ValueError(fault)
    n = x.size
    i = np.arange(1, n + 1)
    return float(max(np.max(i / n - f), np.max(f - (i - 1) / n)))


def _check_can_fail(eps, draws, alpha):
    """A DKW test whose threshold is 1 or more can fail no sample (no two CDFs differ by more
    than 1): refused, with how many draws it needs, rather than passed."""
    if eps >= 1.0:
        raise ValueError(f"{draws}, too few for this test at alpha = {alpha:g}: its DKW "
                         f"threshold is {eps:.3g}, and no two CDFs differ by more than 1, so "
                         f"no sample could fail it; draw more (draws_needed gives how many)")


def _check_not_itself(x, y, same=False):
    """Two samples (checked arrays) that are one: ``same`` (y was x itself), or equal entry
    by entry with more than MIN_DISTINCT distinct values (a continuous sample is never drawn
    twice the same)."""
    if same or (x.shape == y.shape and np.array_equal(x, y) and np.unique(x).size >
                MIN_DISTINCT):
        raise ValueError(f"y is the same sample as x ({np.size(x)} equal values, in the same "
                         f"order): a sample tested against itself always passes; draw y "
                         f"independently")


#: Distinct values above which two equal samples cannot be two independent draws.
MIN_DISTINCT = 10


@names_itself
def two_sample_distance(x, y):
    """sup_t |F_x(t) - F_y(t)| between two empirical CDFs."""
    x0, y0 = _as_sample("x", x), _as_sample("y", y)
    _check_not_itself(x0, y0, x is y)
    x, y = np.sort(x0), np.sort(y0)
    t = np.concatenate([x, y])
    fx = np.searchsorted(x, t, side="right") / x.size
    fy = np.searchsorted(y, t, side="right") / y.size
    return float(np.max(np.abs(fx - fy)))


@names_itself
def assert_cdf_matches(samples, cdf, *, alpha=ALPHA):
    """Fail if the draws' empirical CDF leaves the DKW band of width eps(n, alpha) around cdf.

    False failure: at most alpha for independent draws from cdf. False pass:
    at most beta against any sampler off by d >= eps(n, alpha) + eps(n, beta)
    (``Rates.detectable`` is that d for beta = alpha). Returns the Rates.
    """
    alpha = _check_rate("alpha", alpha)
    d = ks_distance(samples, cdf)
    n = np.size(samples)
    eps = dkw_epsilon(n, alpha)
    _check_can_fail(eps, f"samples holds {n} draws", alpha)     # (named by names_itself)
    rates = Rates(d, eps, n, alpha, smallest_detectable(n, alpha, alpha))
    if d > eps:
        raise AssertionError(
            f"the draws do not follow the given CDF: sup |F_n - F| = {d:.3g} over {n} draws "
            f"exceeds the DKW bound {eps:.3g} (a correct sampler gets this far with "
            f"probability <= {alpha:g})")
    return rates


@names_itself
def assert_same_distribution(x, y, *, alpha=ALPHA):
    """Fail if two samples' empirical CDFs differ by more than DKW allows.

    Threshold eps(n, alpha / 2) + eps(m, alpha / 2): false failure <= alpha
    when both samples come from one distribution. False pass <= beta when the
    two distributions differ by d >= smallest_detectable(min(n, m), alpha,
    beta, samples=2).
    """
    alpha = _check_rate("alpha", alpha)
    d = two_sample_distance(x, y)
    n, m = np.size(x), np.size(y)
    eps = dkw_epsilon(n, alpha / 2.0) + dkw_epsilon(m, alpha / 2.0)
    _check_can_fail(eps, f"x and y hold {n} and {m} draws", alpha)
    rates = Rates(d, eps, min(n, m), alpha, smallest_detectable(min(n, m), alpha, alpha, 2))
    if d > eps:
        raise AssertionError(
            f"the two samples differ: sup |F_x - F_y| = {d:.3g} exceeds the two-sample DKW "
            f"bound {eps:.3g} for {n} and {m} draws (equal distributions get this far "
            f"with probability <= {alpha:g})")
    return rates


@names_itself
def chi_square_pvalue(counts, p):
    """Pearson chi-square p-value of label counts against probabilities p (p > 0 labels).

    A label of probability 0 that was counted makes the statistic infinite: p-value 0.
    """
    p = _probabilities_after("counts", counts, p)
    counts = real_numbers("counts", counts, "an array of label counts")
    if counts.shape != p.shape:
        raise ValueError(f"counts must hold one count per label, shape {p.shape} like p, got "
                         f"shape {counts.shape}")
    if p.size < 2:                                 # every draw is the one label: no test
        raise ValueError(f"counts and p must cover at least 2 labels, got {p.size}: with one "
                         f"label every draw is it, so the counts could never disagree")
    bad = ~((counts >= 0) & np.isfinite(counts) & (counts == np.round(counts)))
    if bad.any():
        raise ValueError(f"counts must be whole, non-negative numbers of draws, got "
                         f"{float(counts[bad][0])!r}")
    keep = p > 0
    n = counts.sum()
    if not 0 < n <= 2.0 ** 53:
        raise ValueError(f"counts must hold at least one draw and at most 2**53 (counted "
                         f"exactly in float64), got {seen(n)} in all: {describe(counts)}")
    if np.any(counts[~keep] > 0):                  # a label of probability 0 was drawn
        return 0.0
    expected = n * p[keep]
    stat = np.sum((counts[keep] - expected) ** 2 / expected)
    return float(stats.chi2.sf(stat, max(int(keep.sum()) - 1, 1)))


@names_itself
def chi_square_power(p, q, n, alpha=ALPHA):
    """P(the chi-square test at level alpha rejects) when n labels come from q, not p.

    Under q the statistic is approximately non-central chi-square with
    non-centrality n * sum (q - p)**2 / p (the false-pass rate is 1 minus this).
    """
    p, q, n = _probabilities("p", p), _probabilities("q", q), _check_n("n", n)
    if q.shape != p.shape:
        raise ValueError(f"q must give one probability per label, shape {p.shape} like p, got "
                         f"shape {q.shape}")
    alpha = _check_rate("alpha", alpha)
    if np.array_equal(p, q):
        raise ValueError(f"q must be an alternative to p, but it equals p, {seen(q)}: the "
                         f"power against no alternative is alpha itself; give the labels' "
                         f"distribution under the fault to detect")
    keep = p > 0
    df = max(int(np.sum(keep)) - 1, 1)
    crit = stats.chi2.isf(alpha, df)
    nc = n * np.sum((q[keep] - p[keep]) ** 2 / p[keep])
    return float(stats.ncx2.sf(crit, df, nc))


def _group_small(counts, p, n, minimum=5.0):
    """Merge labels expected fewer than ``minimum`` times into one group (in order)."""
    big = n * p >= minimum
    if big.all():
        return counts, p
    return (np.append(counts[big], counts[~big].sum()), np.append(p[big], p[~big].sum()))


@names_itself
def assert_labels_match(labels, p, *, alpha=ALPHA):
    """Fail if labels 0..N-1 do not follow the probabilities p.

    ``labels`` may have any shape (a sampler's ``rvs(size=(10, 20))``, a column): every
    entry is one independent draw, and they are counted together. A tuple of arrays (what
    ``np.nonzero`` and ``np.where`` give) is refused: NumPy would stack its index arrays.

    1. Exact: every label is an int in 0..N-1 and no label with p_i = 0 appears.
    2. Pearson's chi-square at level alpha, labels expected fewer than five
       times merged into one group. Its false-failure rate is alpha in the
       large-sample limit; :func:`chi_square_power` gives the false-pass rate
       (1 - power) against a given alternative q. For a bound valid at every
       n, also call :func:`assert_cdf_matches` on the labels with the CDF
       cumsum(p) (DKW holds for discrete distributions, conservatively).
    Returns the p-value.
    """
    alpha = _check_rate("alpha", alpha)
    p = _probabilities_after("labels", labels, p)
    refuse_masked("labels", labels)
    if iterator("labels", labels):      # refused, as the kit's other arrays refuse one
        raise TypeError(iterator("labels", labels, "an array of integer labels"))
    if isinstance(labels, tuple) and labels and all(isinstance(a, np.ndarray) for a in labels):
        shapes = ", ".join(str(a.shape) for a in labels[:4])
        raise TypeError(f"labels must be one array of integer labels, got a tuple of "
                        f"{len(labels)} arrays of shapes {shapes:.60} (as np.nonzero and "
                        f"np.where give), which NumPy would stack as rows; pass the one array "
                        f"meant, e.g. labels[-1], or np.concatenate(labels) to count them all")
    lab = np.asarray(labels)
    if not np.issubdtype(lab.dtype, np.integer) or lab.dtype.kind == "m":   # (times: ints)
        raise TypeError(f"labels must be integers, got dtype {lab.dtype}: {describe(labels)}")
    lab = lab.ravel()
    if lab.size == 0:
        raise ValueError("labels must hold at least one draw, got an empty array")
    if lab.min() < 0 or lab.max() >= p.size:
        raise AssertionError(f"a label lies outside 0..{p.size - 1}: got {lab.min()}..{lab.max()}")
    counts = np.bincount(lab, minlength=p.size).astype(np.float64)
    impossible = np.flatnonzero((p == 0) & (counts > 0))
    if impossible.size:
        i = int(impossible[0])
        raise AssertionError(f"label {i} has probability 0 but was drawn {int(counts[i])} times")
    c, q = _group_small(counts[p > 0], p[p > 0], lab.size)
    pvalue = chi_square_pvalue(c, q) if c.size > 1 else 1.0
    if pvalue < alpha:
        raise AssertionError(f"the label counts do not follow p: chi-square p-value {pvalue:.3g} "
                             f"< alpha = {alpha:g} over {lab.size} draws")
    return pvalue
