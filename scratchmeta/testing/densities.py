"""Densities whose CDF is known exactly, for testing samplers (lecture 22, section 2.1.2).

Inversion from a density goes wrong in predictable places: heavy tails that
must be cut, bounded domains far from 0, kinks where the density's slope
jumps, jumps where the density itself does, and mixtures whose modes are far
apart. Each function here returns a :class:`KnownDensity` of one such kind,
with its exact CDF (from SciPy or a closed form) and the points where it is
not smooth, so that a test can look hardest there. No hypothesis needed;
:mod:`scratchmeta.testing.strategies` draws their parameters.
"""

from typing import Callable, NamedTuple

import numpy as np
from scipy import stats

from scratchmeta.testing._checks import check_function, is_real, real_vector
from scratchmeta.messages import TINY, fits_float64, names_itself, out_of_scale, seen


class _Fields(NamedTuple):
    name: str
    pdf: Callable            # vectorised, normalised
    cdf: Callable            # vectorised, exact to rounding
    domain: tuple            # (a, b), a may be -inf and b +inf
    breaks: tuple = ()       # x of kinks and jumps (empty when smooth)


class KnownDensity(_Fields):
    """A density, its exact CDF, where it lives, and where it is not smooth.

    Checked when it is made, so that a slip (a pdf's values given for the pdf) is named on
    the line that made it, not where a test first calls it."""

    __slots__ = ()

    def __new__(cls, name, pdf, cdf, domain, breaks=()):
        who = "KnownDensity"
        if not isinstance(name, str):
            raise TypeError(f"{who}: name must be a str, got {seen(name)}")
        for arg, f in (("pdf", pdf), ("cdf", cdf)):
            check_function(f"{who}: {arg}", f)
        if not (isinstance(domain, tuple) and len(domain) == 2 and all(map(is_real, domain))):
            raise TypeError(f"{who}: domain must be a tuple (a, b) of two numbers (a may be "
                            f"-inf, b inf), got {seen(domain)}")
        if not domain[0] < domain[1]:
            raise ValueError(f"{who}: domain (a, b) must have a < b, got {seen(domain)}")
        if not (isinstance(breaks, tuple) and all(is_real(b) and np.isfinite(b) for b in breaks)):
            raise TypeError(f"{who}: breaks must be a tuple of finite numbers (the x of kinks "
                            f"and jumps), got {seen(breaks)}")
        return super().__new__(cls, name, pdf, cdf, domain, breaks)


def _number(who, name, value, positive=False):
    """A parameter as a finite float (positive, if asked): checked before SciPy sees it."""
    if isinstance(value, int) and not fits_float64(value):        # 10**400: an int, but no float
        raise ValueError(f"{who}: {name} must be a number a float64 can hold, got the int "
                         f"{value!r:.40}... ({len(str(abs(value)))} digits)")
    if not is_real(value):
        raise TypeError(f"{who}: {name} must be a real number, got {type(value).__name__} "
                        f"{value!r:.40}")
    if not np.isfinite(value) or (positive and not value > 0):
        expected = "a finite positive number" if positive else "a finite number"
        raise ValueError(f"{who}: {name} must be {expected}, got {seen(value)}")
    if positive and out_of_scale(name, value):
        raise ValueError(f"{who}: {out_of_scale(name, value, 'parameter')}")
    return float(value)


def _interval(who, lo, hi, *inside):
    """Finite bounds lo < hi, and the named points ``inside`` in order within [lo, hi]."""
    lo, hi = _number(who, "lo", lo), _number(who, "hi", hi)
    if not lo < hi:
        points = "".join(f", {name}={value!r}" for name, value in inside)
        same = (" (equal as float64: a width below the resolution of numbers of that size?)"
                if lo == hi else "")
        raise ValueError(f"{who}: needs lo < hi, got lo={lo!r}{points}, hi={hi!r}{same}")
    if out_of_scale("(hi - lo)", hi - lo):      # a width of 5e-324 (a density of inf) or 1e308
        raise ValueError(f"{who}: {out_of_scale('(hi - lo)', hi - lo, 'width')} (lo={lo!r}, "
                         f"hi={hi!r})")
    last, last_name = lo, "lo"
    for name, value in inside:
        if not last <= _number(who, name, value) <= hi:
            raise ValueError(f"{who}: {name} must lie in [{last_name}={last!r}, hi={hi!r}], "
                             f"got {seen(value)}")
        last, last_name = value, name


def _frozen(name, dist, domain, breaks=()):
    return KnownDensity(name, dist.pdf, dist.cdf, domain, tuple(float(b) for b in breaks))


@names_itself
def normal_mixture(weights, locs, scales):
    """sum_i w_i N(loc_i, scale_i**2) with weights normalised: modes far apart if you like."""
    w, locs, scales = (real_vector("normal_mixture", name, value) for name, value in
                       (("weights", weights), ("locs", locs), ("scales", scales)))
    if not (w.ndim == 1 and len(locs) == len(scales) == w.size):
        raise ValueError(f"weights, locs and scales must be three lists of one length, got "
                         f"{len(w) if w.ndim else w!r}, {len(locs)} and {len(scales)} entries "
                         f"(weights {weights!r}, locs {locs!r}, scales {scales!r})")
    if not (np.all(np.isfinite(w)) and np.all(w >= 0) and w.sum() > 0):
        raise ValueError(f"weights must be finite, non-negative and not all zero, got "
                         f"{weights!r}")
    for name, v, positive in (("locs", locs, False), ("scales", scales, True)):
        bad = ~np.isfinite(v) | (((v < TINY) | (v > 1.0 / TINY)) if positive else False)
        if np.any(bad):
            i = int(np.flatnonzero(bad)[0])
            normal = (f" and in [{TINY:.4g}, {1.0 / TINY:.4g}] (standard deviations)"
                      if positive else "")
            raise ValueError(f"normal_mixture: {name} must be finite{normal}, got "
                             f"{name}[{i}] = {float(v[i])!r} in {name} = {v.tolist()!r}"[:300])
    w = w / w.sum()
    parts = [stats.norm(m, s) for m, s in zip(locs, scales)]
    return KnownDensity(f"normal mixture of {len(parts)}",
                        lambda x: sum(wi * p.pdf(x) for wi, p in zip(w, parts)),
                        lambda x: sum(wi * p.cdf(x) for wi, p in zip(w, parts)),
                        (-np.inf, np.inf))


@names_itself
def student_t(df, loc=0.0, scale=1.0):
    """Student's t: a tail like |x|**-(df + 1); df = 1 is the Cauchy."""
    _number("student_t", "df", df, positive=True)
    _number("student_t", "loc", loc)
    _number("student_t", "scale", scale, positive=True)
    return _frozen(f"t(df={df:g})", stats.t(df, loc, scale), (-np.inf, np.inf))


@names_itself
def uniform(lo, hi):
    """Uniform on [lo, hi], anywhere on the line: jumps at both ends of the domain."""
    _interval("uniform", lo, hi)
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"uniform needs finite bounds lo < hi, got lo={lo!r}, hi={hi!r}")
    return _frozen(f"uniform({lo:g}, {hi:g})", stats.uniform(lo, hi - lo), (lo, hi))


@names_itself
def beta(a, b, lo=0.0, hi=1.0):
    """Beta(a, b) on [lo, hi]; a or b below 1 puts an integrable spike at that end.

    Such a spike is resolvable in double precision only at an end near 0:
    at x = 2 the doubles are 4e-16 apart, and Beta(0.5, 0.5) puts about 1e-8
    of its mass within the first few of them, so no sampler can reach a
    u-error of 1e-10 there (``from_density`` says so).
    """
    _number("beta", "a", a, positive=True)
    _number("beta", "b", b, positive=True)
    _interval("beta", lo, hi)
    return _frozen(f"beta({a:g}, {b:g}) on ({lo:g}, {hi:g})",
                   stats.beta(a, b, loc=lo, scale=hi - lo), (lo, hi))


@names_itself
def triangular(lo, mode, hi):
    """Triangular on [lo, hi] with its peak at mode: a kink there."""
    _interval("triangular", lo, hi, ("mode", mode))
    c = (mode - lo) / (hi - lo)
    return _frozen(f"triangular({lo:g}, {mode:g}, {hi:g})",
                   stats.triang(c, loc=lo, scale=hi - lo), (lo, hi), (mode,))


@names_itself
def trapezoid(lo, c, d, hi):
    """Trapezoid: rises on [lo, c], flat on [c, d], falls on [d, hi]; kinks at c and d."""
    _interval("trapezoid", lo, hi, ("c", c), ("d", d))
    cc, dd = (c - lo) / (hi - lo), (d - lo) / (hi - lo)
    return _frozen(f"trapezoid({lo:g}, {c:g}, {d:g}, {hi:g})",
                   stats.trapezoid(cc, dd, loc=lo, scale=hi - lo), (lo, hi), (c, d))


@names_itself
def laplace(loc=0.0, scale=1.0):
    """Laplace: exponential tails and a kink at loc."""
    _number("laplace", "loc", loc)
    _number("laplace", "scale", scale, positive=True)
    return _frozen(f"laplace({loc:g}, {scale:g})", stats.laplace(loc, scale),
                   (-np.inf, np.inf), (loc,))


@names_itself
def pareto(alpha, scale=1.0):
    """Pareto(alpha) on [scale, inf): a jump at scale and a tail like x**-(alpha + 1)."""
    _number("pareto", "alpha", alpha, positive=True)
    _number("pareto", "scale", scale, positive=True)
    return _frozen(f"pareto({alpha:g})", stats.pareto(alpha, scale=scale), (scale, np.inf))


@names_itself
def steps(edges, heights):
    """Piecewise constant: height h_i on [e_i, e_i+1); jumps at every inner edge.

    Heights may be zero (a gap in the support) but not all of them.
    """
    e, h = real_vector("steps", "edges", edges), real_vector("steps", "heights", heights)
    if e.size != h.size + 1 or np.any(np.diff(e) <= 0) or np.any(h < 0) or not np.any(h > 0):
        raise ValueError("steps needs increasing edges, one more than the non-negative "
                         f"heights, not all zero; got {e.size} edges {edges!r}, {h.size} "
                         f"heights {heights!r}")
    mass = h * np.diff(e)
    h = h / mass.sum()
    cum = np.concatenate([[0.0], np.cumsum(mass / mass.sum())])

    def pdf(x):
        x = np.asarray(x, float)
        i = np.clip(np.searchsorted(e, x, side="right") - 1, 0, h.size - 1)
        return np.where((x >= e[0]) & (x < e[-1]), h[i], 0.0)

    def cdf(x):
        x = np.asarray(x, float)
        i = np.clip(np.searchsorted(e, x, side="right") - 1, 0, h.size - 1)
        inside = cum[i] + h[i] * (np.clip(x, e[0], e[-1]) - e[i])
        return np.clip(np.where(x >= e[-1], 1.0, np.where(x < e[0], 0.0, inside)), 0.0, 1.0)

    return KnownDensity(f"steps on {e.size - 1} pieces", pdf, cdf, (float(e[0]), float(e[-1])),
                        tuple(float(v) for v in e[1:-1]))


@names_itself
def figure_mixture():
    """0.35 N(-2.5, 0.6**2) + 0.65 N(2, 0.7**2): the bimodal example of the sampling figures."""
    return normal_mixture([0.35, 0.65], [-2.5, 2.0], [0.6, 0.7])


@names_itself
def catalogue():
    """One fixed example of every kind, for a quick sweep without hypothesis."""
    return [
        normal_mixture([0.35, 0.65], [-2.5, 2.0], [0.6, 0.7]),
        normal_mixture([0.5, 0.5], [-30.0, 30.0], [1.0, 0.1]),
        student_t(1.0), student_t(2.5, 3.0, 0.5),
        uniform(1.0, 2.0), uniform(-1.0, 1.0), uniform(0.25, 0.5), uniform(1e3, 1e3 + 2.0),
        beta(2.0, 5.0, -3.0, -1.0), beta(1.0, 3.0, 0.0, 2.0),
        triangular(-1.0, 0.3, 2.0), trapezoid(0.0, 0.2, 0.8, 1.0),
        laplace(1.0, 0.5), pareto(1.5, 2.0),
        steps([-2.0, -1.0, 0.5, 0.6, 3.0], [1.0, 0.0, 5.0, 0.2]),
    ]
