"""Hypothesis strategies for testing samplers (lecture 22, sections 2.1-2.2).

Needs the ``hypothesis`` package (``pip install scratchmeta[testing]``);
importing this module without it raises an ImportError that says so.

* :func:`probability_vectors`: distributions on 1..max_size labels with zeros
  (also at either end) and tiny masses down to 1e-300 mixed in, because
  those are where eq. 22.7 goes wrong in floating point.
* :func:`uniforms_near_edges` and :func:`u_grids`: values of u at the
  endpoints 0 and 1, subnormals, 1 - 2**-53, the cut points of eq. 22.7 (or
  any you give) and the doubles next to them, plus random ones.
* :func:`known_densities`: a :class:`~scratchmeta.testing.densities.KnownDensity`
  with random parameters: mixtures, bounded domains anywhere on the line,
  heavy tails, kinks and jumps.
* :func:`symmetric_proposals`: symmetric stochastic matrices, for the
  finite-state Metropolis chain.
* ``CI`` and ``CI_FEW``: deterministic settings (the same examples on every
  run, no deadline), so that a statistical test's stated false-failure rate
  is the rate of one fixed run.
"""

try:
    from hypothesis import settings, strategies as st
except ImportError as err:          # pragma: no cover - depends on the environment
    raise ImportError(
        "scratchmeta.testing.strategies needs the 'hypothesis' package; install it with "
        "'pip install scratchmeta[testing]' (or 'pip install hypothesis'). The rest of "
        "scratchmeta.testing (exact and statistical assertions) works without it.") from err

import numpy as np

from scratchmeta.testing import densities
from scratchmeta.testing._checks import describe, is_int, is_real, real_vector
from scratchmeta.messages import names_itself, seen

CI = settings(max_examples=100, deadline=None, derandomize=True, database=None)
CI_FEW = settings(max_examples=40, deadline=None, derandomize=True, database=None)

TINY = (1e-300, 1e-200, 1e-17)

_weights = st.one_of(st.floats(0.0, 1.0, allow_nan=False),
                     st.sampled_from([0.0, 0.0, *TINY, 1.0]))


#: The largest size a strategy is asked for: hypothesis draws every entry one by one.
MAX_SIZE = 10 ** 6


def _check_size(who, name, value, least):
    """A size argument of a strategy: an int >= least, checked when the strategy is made."""
    if not is_int(value):
        raise TypeError(f"{who}: {name} must be an int, got {type(value).__name__} {value!r}")
    if not least <= value <= MAX_SIZE:
        raise ValueError(f"{who}: {name} must be at least {least}, got {seen(value)}" if value < least
                         else f"{who}: {name} must be at most {MAX_SIZE} (each entry is drawn), "
                              f"got {seen(value)}")
    return int(value)


@names_itself
def probability_vectors(min_size=1, max_size=12):
    """A probability vector: non-negative, at least one positive, summing to 1.

    Zeros at either end and tiny masses are drawn often on purpose. Sizes
    from ``min_size >= 1`` to ``max_size >= min_size`` labels.
    """
    min_size = _check_size("probability_vectors", "min_size", min_size, 1)
    max_size = _check_size("probability_vectors", "max_size", max_size, 1)
    if max_size < min_size:
        raise ValueError(f"probability_vectors: max_size must be at least min_size={min_size}, "
                         f"got {max_size}")
    return _probability_vectors(min_size, max_size)


@st.composite
def _probability_vectors(draw, min_size, max_size):
    w = np.array(draw(st.lists(_weights, min_size=min_size, max_size=max_size)))
    if w.size >= 3 and draw(st.booleans()):
        w[0] = 0.0 if draw(st.booleans()) else w[0]
        w[-1] = 0.0 if draw(st.booleans()) else w[-1]
    if not np.any(w > 0):
        w[draw(st.integers(0, w.size - 1))] = 1.0
    return w / w.sum()


def _near(points):
    """The points, and the doubles just below and above each (clipped to [0, 1])."""
    pts = st.sampled_from(sorted(set(float(p) for p in points)))
    return (pts | pts.map(lambda e: float(max(np.nextafter(e, -1.0), 0.0)))
            | pts.map(lambda e: float(min(np.nextafter(e, 2.0), 1.0))))


SPECIAL_U = (0.0, 1.0, 5e-324, 2.2250738585072014e-308, 2.0 ** -53, 0.5, 1.0 - 2.0 ** -53)


@names_itself
def u_grids(cut_points=(), max_size=50):
    """A sorted array of u in [0, 1]: endpoints, subnormals, cut points, their neighbours."""
    flat = isinstance(cut_points, (tuple, list)) or (isinstance(cut_points, np.ndarray)
                                                      and cut_points.ndim == 1)
    points = tuple(cut_points) if flat else None
    if points is None or not all(is_real(c) and 0.0 <= c <= 1.0
                                 for c in points):
        raise ValueError(f"u_grids: cut_points must be numbers in [0, 1] (a flat list of reals), "
                         f"got {describe(cut_points)}")
    return _u_grids(tuple(float(c) for c in points), _check_size("u_grids", "max_size",
                                                                 max_size, 1))


@st.composite
def _u_grids(draw, cut_points, max_size):
    one = st.floats(0.0, 1.0) | _near(SPECIAL_U + cut_points)
    u = np.array(draw(st.lists(one, min_size=1, max_size=max_size)))
    return np.sort(u)


@names_itself
def uniforms_near_edges(p):
    """u values for labels p (probabilities summing to 1): random ones, the cut points of
    eq. 22.7, and their neighbours."""
    p = real_vector("uniforms_near_edges", "p", p)
    if np.any(p < 0) or not p.sum() > 0:
        raise ValueError(f"uniforms_near_edges: p must be non-negative and not all zero (a "
                         f"probability vector), got {describe(p)}")
    if abs(float(p.sum()) - 1.0) > 1e-8:     # as DiscreteInverseCDF's p (these are its cuts)
        raise ValueError(f"uniforms_near_edges: p must sum to 1 (a probability vector, as "
                         f"DiscreteInverseCDF's p), but p = {np.array2string(p, threshold=8)} "
                         f"sums to {float(p.sum())!r}"
                         + ("; if these are percentages, divide by 100"
                            if abs(float(p.sum()) - 100.0) < 1e-6 else ""))
    return _uniforms_near_edges(p)


@st.composite
def _uniforms_near_edges(draw, p):
    running = np.cumsum(p)
    edges = np.concatenate([[0.0, 1.0], running / running[-1]])
    return draw(u_grids(cut_points=tuple(edges[edges <= 1.0])))


@names_itself
def symmetric_proposals(n):
    """A symmetric n x n matrix (n >= 1) with non-negative entries and rows summing to 1."""
    return _symmetric_proposals(_check_size("symmetric_proposals", "n", n, 1))


@st.composite
def _symmetric_proposals(draw, n):
    upper = draw(st.lists(st.floats(0.0, 1.0) | st.sampled_from([0.0, 1e-300]),
                          min_size=n * n, max_size=n * n))
    w = np.triu(np.array(upper).reshape(n, n), k=1)
    w = w + w.T
    scale = max(1.0, float(w.sum(axis=1).max()))
    q = w / scale * draw(st.floats(0.05, 1.0))
    np.fill_diagonal(q, 1.0 - q.sum(axis=1))
    return q


_loc = st.floats(-50.0, 50.0)
_scale = st.floats(0.05, 5.0)


@st.composite
def _mixture(draw):
    k = draw(st.integers(1, 3))
    return densities.normal_mixture(draw(st.lists(st.floats(0.1, 1.0), min_size=k, max_size=k)),
                                    draw(st.lists(st.floats(-8.0, 8.0), min_size=k, max_size=k)),
                                    draw(st.lists(st.floats(0.1, 3.0), min_size=k, max_size=k)))


@st.composite
def _bounded(draw):
    lo = draw(st.floats(-1e3, 1e3))
    hi = lo + draw(st.floats(0.01, 100.0))
    kind = draw(st.sampled_from(["uniform", "beta", "triangular", "trapezoid"]))
    if kind == "uniform":
        return densities.uniform(lo, hi)
    if kind == "beta":
        # No spikes (a, b >= 1): at an end far from 0 the doubles are too
        # coarse for any sampler to resolve one (see densities.beta).
        return densities.beta(draw(st.floats(1.0, 4.0)), draw(st.floats(1.0, 4.0)), lo, hi)
    a, b = sorted(draw(st.lists(st.floats(0.05, 0.95), min_size=2, max_size=2)))
    if kind == "triangular":
        return densities.triangular(lo, lo + a * (hi - lo), hi)
    return densities.trapezoid(lo, lo + a * (hi - lo), lo + max(b, a + 0.01) * (hi - lo), hi)


@st.composite
def _heavy(draw):
    if draw(st.booleans()):
        return densities.student_t(draw(st.floats(1.0, 5.0)), draw(_loc), draw(_scale))
    return densities.pareto(draw(st.floats(0.8, 4.0)), draw(st.floats(0.1, 10.0)))


@st.composite
def _steps(draw):
    k = draw(st.integers(1, 5))
    widths = draw(st.lists(st.floats(0.05, 3.0), min_size=k, max_size=k))
    heights = draw(st.lists(st.floats(0.0, 2.0) | st.just(0.0), min_size=k, max_size=k))
    if not any(h > 0 for h in heights):
        heights[0] = 1.0
    # Zero-height pieces at either end would move the support inside the domain.
    start = draw(st.floats(-20.0, 20.0))
    return densities.steps(start + np.concatenate([[0.0], np.cumsum(widths)]), heights)


KINDS = ("mixture", "bounded", "heavy", "kink", "jumps")


@names_itself
def known_densities(kinds=KINDS):
    """A KnownDensity of one of the given kinds, with random parameters."""
    if isinstance(kinds, str) or not isinstance(kinds, (tuple, list)) or not kinds or any(
            kind not in KINDS for kind in kinds):
        raise ValueError(f"known_densities: kinds must be a non-empty list of {list(KINDS)}, "
                         f"got {seen(kinds)}")
    return _known_densities(tuple(kinds))


@st.composite
def _known_densities(draw, kinds):
    kind = draw(st.sampled_from(list(kinds)))
    if kind == "mixture":
        return draw(_mixture())
    if kind == "bounded":
        return draw(_bounded())
    if kind == "heavy":
        return draw(_heavy())
    if kind == "kink":
        return densities.laplace(draw(_loc), draw(_scale))
    return draw(_steps())
