"""Shared hypothesis strategies and statistical-test helpers for Chapter 3's tests.

Strategies
----------
``probability_vectors`` draws distributions on 1..12 labels, with zeros and
tiny probabilities (down to 1e-300) mixed in, because those are where
inverse-CDF code goes wrong. ``uniforms_near_edges`` draws U values that sit
exactly on, or one double away from, the cut points of eq. 22.7.
``symmetric_proposals`` draws symmetric stochastic matrices for the
finite-state Metropolis chain.

Statistical helpers
-------------------
Every statistical test in these files fails a *correct* sampler with
probability at most ALPHA = 1e-6 (over the choice of seed; the seeds are
fixed, so a run is reproducible). Each test also states its power: how large
an error it catches, and how often. The helpers compute both numbers, so the
claims in the docstrings are checked by code, not just asserted in prose.
"""

import numpy as np
from hypothesis import settings, strategies as st
from scipy import stats

ALPHA = 1e-6          # false-failure rate per statistical test

# Deterministic, deadline-free hypothesis runs: the same examples on every CI run.
CI = settings(max_examples=100, deadline=None, derandomize=True, database=None)
CI_FEW = settings(max_examples=40, deadline=None, derandomize=True, database=None)


# --- strategies -------------------------------------------------------------------

_weights = st.one_of(
    st.floats(0.0, 1.0, allow_nan=False),
    st.sampled_from([0.0, 0.0, 1e-300, 1e-200, 1e-17, 1.0]),
)


@st.composite
def probability_vectors(draw, min_size=1, max_size=12):
    """A probability vector: non-negative, at least one positive, summing to 1."""
    w = np.array(draw(st.lists(_weights, min_size=min_size, max_size=max_size)))
    if not np.any(w > 0):
        w[draw(st.integers(0, w.size - 1))] = 1.0
    return w / w.sum()


@st.composite
def uniforms_near_edges(draw, p):
    """U values in [0, 1]: random ones, the cut points of eq. 22.7, and their neighbours."""
    running = np.cumsum(p)
    edges = np.concatenate([[0.0, 1.0], running / running[-1]])
    edges = edges[edges <= 1.0]
    edge = st.sampled_from(sorted(set(edges.tolist())))
    near = edge.map(lambda e: float(np.nextafter(e, 0.0))) | edge.map(
        lambda e: float(min(np.nextafter(e, 1.0), 1.0)))
    one = st.floats(0.0, 1.0) | edge | near
    return np.array(draw(st.lists(one, min_size=1, max_size=50)))


@st.composite
def symmetric_proposals(draw, n):
    """A symmetric n x n matrix with non-negative entries and rows summing to 1."""
    upper = draw(st.lists(st.floats(0.0, 1.0) | st.sampled_from([0.0, 1e-300]),
                          min_size=n * n, max_size=n * n))
    w = np.triu(np.array(upper).reshape(n, n), k=1)
    w = w + w.T
    scale = max(1.0, float(w.sum(axis=1).max()))
    q = w / scale * draw(st.floats(0.05, 1.0))
    np.fill_diagonal(q, 1.0 - q.sum(axis=1))
    return q


@st.composite
def mixture_densities(draw):
    """(pdf, cdf) of a mixture of 1-3 normals or Student t's (tails from df = 1).

    The pdf is unnormalised (weights do not sum to 1), as from_density allows;
    the cdf, from SciPy, is normalised.
    """
    from scipy import stats as sst

    k = draw(st.integers(1, 3))
    w = np.array(draw(st.lists(st.floats(0.1, 1.0), min_size=k, max_size=k)))
    loc = np.array(draw(st.lists(st.floats(-5.0, 5.0), min_size=k, max_size=k)))
    scale = np.array(draw(st.lists(st.floats(0.1, 3.0), min_size=k, max_size=k)))
    if draw(st.booleans()):
        parts = [sst.norm(m, s) for m, s in zip(loc, scale)]
    else:
        df = draw(st.lists(st.floats(1.0, 5.0), min_size=k, max_size=k))
        parts = [sst.t(d, m, s) for d, m, s in zip(df, loc, scale)]

    def pdf(x):
        return sum(wi * p.pdf(x) for wi, p in zip(w, parts))

    def cdf(x):
        return sum(wi * p.cdf(x) for wi, p in zip(w, parts)) / w.sum()

    return pdf, cdf


# --- statistical helpers -----------------------------------------------------------

def chi_square_pvalue(counts, p):
    """Pearson chi-square p-value of label counts against probabilities p.

    Labels with p = 0 must have count 0 (checked separately by the caller);
    they are left out, as are no other labels.
    """
    counts, p = np.asarray(counts, float), np.asarray(p, float)
    keep = p > 0
    n = counts.sum()
    expected = n * p[keep]
    stat = np.sum((counts[keep] - expected) ** 2 / expected)
    return float(stats.chi2.sf(stat, keep.sum() - 1))


def chi_square_power(p, q, n, alpha=ALPHA):
    """P(the chi-square test at level alpha rejects) when draws come from q, not p.

    Under q the statistic is approximately non-central chi-square with
    non-centrality n * sum (q - p)**2 / p.
    """
    p, q = np.asarray(p, float), np.asarray(q, float)
    df = int(np.sum(p > 0)) - 1
    crit = stats.chi2.isf(alpha, df)
    nc = n * np.sum((q - p) ** 2 / p)
    return float(stats.ncx2.sf(crit, df, nc))


def shift_one_bin(p, i, relative):
    """p with bin i scaled by (1 + relative), the others rescaled to keep the sum 1."""
    q = np.array(p, float)
    extra = q[i] * relative
    others = np.arange(q.size) != i
    q[others] *= 1.0 - extra / q[others].sum()
    q[i] += extra
    return q


def dkw_epsilon(n, alpha=ALPHA):
    """Dvoretzky-Kiefer-Wolfowitz: P(sup |F_n - F| > eps) <= 2 exp(-2 n eps**2) = alpha."""
    return float(np.sqrt(np.log(2.0 / alpha) / (2.0 * n)))


def ks_distance(samples, cdf):
    """sup_x |F_n(x) - F(x)| of the empirical CDF of ``samples`` against ``cdf``."""
    x = np.sort(np.ravel(samples))
    f = cdf(x)
    n = x.size
    i = np.arange(1, n + 1)
    return float(max(np.max(i / n - f), np.max(f - (i - 1) / n)))


def t_critical(n_chains, alpha):
    """Two-sided critical value of Student's t with n_chains - 1 degrees of freedom."""
    return float(stats.t.isf(alpha / 2.0, n_chains - 1))
