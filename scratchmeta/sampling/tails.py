"""Chapter 3, part 2b: where the mass of a density lives, and where to cut.

Lecture 22, section 2.1.2. Before the CDF of a density f can be computed and
inverted, we need a finite stretch [L, R] of the real line to work on, and we
need to know that f has a finite integral at all. This file finds both by
walking outward from a point c where f is positive (the best of a few
thousand probes at every scale, or the user's ``center``), in shells that
grow geometrically, from 64 doubles away from c out to 2**1023:

    c, c + 2**k0, ..., c + 1/4, c + 1/2, c + 1, c + 2, ..., c + 2**1023.

The mass of each shell comes from Gauss-Legendre quadrature. Shell masses
then answer three questions at once.

1. Is f integrable? For a tail like |x|**-s the shell [2**k, 2**(k+1)] holds
   mass proportional to 2**(k (1 - s)): the masses shrink geometrically when
   s > 1 and stay level when s <= 1, the non-integrable case. Toward a
   finite end e the shells halve in width instead (e - d/2**j), and f = 1/x
   at e = 0 again gives level masses. When the outermost masses we can
   resolve shrink by a ratio r < 1 per shell, the mass beyond them is about
   m_last * r / (1 - r); if r >= 1, f is not integrable, and if the mass is
   not negligible, f cannot be sampled to the u-resolution in double
   precision. Both are a ValueError. The same extrapolation inward, toward
   c, catches a non-integrable spike at c itself.
2. Where is the infinite tail cut? At the first shell edge beyond which the
   mass is below TAIL_CUT = 1e-13 of the total. This dropped mass is
   reported to the user as ``tail_mass_dropped``. A finite end of the domain
   is never cut: the shells beyond that point are merged into one light
   last interval that still reaches the end.
3. Where does the interpolation start? The tiny shells around c are merged
   into one interval, and the remaining shells are the initial intervals
   that ``interpolation.py`` refines.

A narrow bump far from c can hide between the quadrature nodes of a wide
shell. Pass ``center=`` (a point near the bulk of the mass) when the density
lives far from the origin or in a narrow region.
"""

import functools
from typing import NamedTuple

import numpy as np

from scratchmeta.sampling.checks import check_function, check_real, check_u_resolution, is_real
from scratchmeta.sampling.quadrature import integrate_many_unchecked, density_values
from scratchmeta.messages import drifted, named, names_itself, out_of_scale, seen

TAIL_CUT = 1e-13      # relative mass dropped at each cut infinite tail
SHELL_NODES = 16      # Gauss-Legendre nodes per shell
MIN_ULPS = 64         # no interval is narrower than this many doubles
FLAT_MERGE = 1e-2     # shells around c where f is flat are merged up to this mass
_POWERS = np.ldexp(1.0, np.arange(-1074, 1024))   # 2**k for every double exponent


class Exploration(NamedTuple):
    """What the shells found out about f."""

    breakpoints: np.ndarray      # initial intervals [b_i, b_i+1] for interpolation
    tail_mass_dropped: tuple     # (left, right) mass cut off, relative to the total
    total_mass: float            # integral of f over the domain (shell estimate)


def check_domain(domain):
    """Return (a, b) as floats with a < b; a may be -inf and b +inf."""
    if not isinstance(domain, (tuple, list, np.ndarray)):   # a set or a dict has no order
        raise TypeError(f"domain must be a pair (a, b) of numbers, a tuple or a list, got "
                        f"{type(domain).__name__} {domain!r:.60}")
    try:
        a, b = (float(v) for v in domain)
        numbers_given = not any(isinstance(v, (bool, np.bool_, str, bytes)) for v in domain)
    except (TypeError, ValueError):
        numbers_given = False
    if not numbers_given:
        raise ValueError(f"domain must be a pair (a, b) of numbers, got {seen(domain)}")
    if np.isnan(a) or np.isnan(b):
        raise ValueError(f"domain must not contain NaN, got ({a}, {b})")
    if not a < b:
        kind = "empty" if a == b else "inverted"
        raise ValueError(f"domain ({a}, {b}) is {kind}: it must be (a, b) with a < b")
    if a == np.inf or b == -np.inf:
        raise ValueError(f"domain ({a}, {b}) is empty: it lies at infinity")
    check_width(f"domain ({a!r}, {b!r})", a, b)
    return a, b


def check_width(where, a, b):
    """Refuse finite ends a < b whose width b - a overflows or is subnormal: the probes and the
    quadrature divide by it. An unbounded domain is written with -inf or inf instead."""
    if not a < b:                                   # NaN too: no comparison holds for it
        raise ValueError(f"{where}: the ends must be numbers a < b (-inf or inf for an "
                         f"unbounded side), got a = {a!r}, b = {b!r}")
    fault = np.isfinite(a) and np.isfinite(b) and out_of_scale("(b - a)", b - a, "width")
    if fault:
        hint = "; for an unbounded domain give -inf or inf as its end" if b - a > 1.0 else ""
        raise ValueError(f"{where}: {fault}{hint}")


def _frozen(fn):
    """Cache a function of floats that returns arrays; the arrays are read-only."""
    @functools.lru_cache(maxsize=64)
    def cached(*args):
        out = fn(*args)
        for v in (out if isinstance(out, tuple) else (out,)):
            if isinstance(v, np.ndarray):
                v.flags.writeable = False
        return out
    return functools.wraps(fn)(cached)


@_frozen
def _probes(a, b):
    """Points inside (a, b) at every scale, to look for the density with (cached:
    they depend on the domain alone)."""
    g = 10.0 ** (np.arange(-1200, 1233) / 4.0)        # 1e-300 ... 1e308
    if np.isfinite(a) and np.isfinite(b):
        frac = g[g < 0.5]
        frac = np.concatenate([frac, 1.0 - frac, np.arange(1, 1024) / 1024])
        x = a * (1.0 - frac) + b * frac                 # no overflow for wide domains
    elif np.isfinite(a):
        x = a + g
    elif np.isfinite(b):
        x = b - g
    else:
        x = np.concatenate([[0.0], g, -g])
    # Stay MIN_ULPS doubles clear of a finite end, so that the shells
    # between the probe and the end can still resolve a singularity there.
    inside = (x > a) & (x < b) & np.isfinite(x)
    if np.isfinite(a):
        inside &= x > a + MIN_ULPS * np.spacing(a)
    if np.isfinite(b):
        inside &= x < b - MIN_ULPS * np.spacing(b)
    return np.unique(x[inside])


class Center(NamedTuple):
    """Where the walk starts, and where NaN begins on each side (if anywhere)."""

    c: float                  # a point with f(c) > 0
    lo: float                 # working domain: (lo, hi), inside (a, b)
    hi: float
    nan_at: tuple             # (x, x): the innermost NaN probe on each side, or None
    settled: tuple            # (x, x): the probe one further in than lo / hi


@names_itself
def find_center(pdf, a, b, center=None):
    """A point c in (a, b) with pdf(c) > 0: ``center`` if given, else the best probe.

    The NaN rule. SciPy's densities return NaN at some extreme points (0 * inf
    at x = 1e308, say). If pdf is NaN at some probes, the probes nearest to c
    on either side that are NaN mark where NaN begins; the working domain
    shrinks to the NaN-free probes between them, and that end is then treated
    like an infinite tail, cut where less than TAIL_CUT of the mass lies
    beyond. The density must have died out before NaN begins: less than
    TAIL_CUT of the mass may lie beyond the probe one step further in than
    the last NaN-free one (checked in :func:`explore`). So NaN is read as zero
    density only far outside the numerical support; a NaN met anywhere else
    is a ValueError.
    """
    a, b = check_real("a", a), check_real("b", b)      # infinite ends allowed, not NaN
    if not a < b:
        raise ValueError(f"find_center needs a domain a < b, got a = {a!r}, b = {b!r}")
    check_width(f"find_center: a = {a!r}, b = {b!r}", a, b)
    x = _probes(a, b)
    y = density_values(pdf, x.copy())          # a copy: pdf may write into its input
    fault = drifted("pdf", pdf, x, y, density_values(pdf, x.copy()))    # the same twice
    if fault:
        raise ValueError(fault)
    if np.any(y < 0.0):
        i = int(np.flatnonzero(y < 0.0)[0])
        raise ValueError(f"{named('pdf', pdf)}: the density is negative ({float(y[i])!r}) at "
                         f"x = {float(x[i])!r}; a density must be a non-negative number "
                         "everywhere on the domain")
    if center is not None:
        if not is_real(center):
            raise TypeError(f"center must be a real number (a point where the density is "
                            f"positive) or None, got {seen(center)}")
        c = float(center)
        if not a < c < b:
            raise ValueError(f"center={center!r} must lie strictly inside the domain ({a}, {b})")
        yc = density_values(pdf, np.array([c]))[0]
        if not yc > 0.0:
            raise ValueError(f"{named('pdf', pdf)}: the density is "
                             f"{'NaN' if np.isnan(yc) else 'zero'} at center={center!r}; "
                             f"center must be a point where it is positive (pdf returned "
                             f"{yc!r})")
    else:
        ok = y > 0.0                                   # False for NaN
        if not np.any(ok):
            what = "NaN or zero" if np.any(np.isnan(y)) else "zero"
            raise ValueError(
                f"{named('pdf', pdf)}: the density is {what} everywhere it was "
                f"probed ({x.size} points across the domain ({a}, {b}), at every scale); if it "
                "is positive only in a narrow region, pass center= a point inside that region")
        c = float(x[np.argmax(np.where(ok, y, -np.inf))])
    nan = np.isnan(y) | _beyond_a_zero_gap(x, y, c, a, b)
    lo, hi, nan_at, settled = a, b, [None, None], [None, None]
    left = np.flatnonzero(nan & (x < c))
    if left.size:
        nan_at[0] = float(x[left[-1]])
        lo = float(x[left[-1] + 1])                   # first NaN-free probe inside it
        settled[0] = float(x[min(left[-1] + 2, x.size - 1)])
    right = np.flatnonzero(nan & (x > c))
    if right.size:
        nan_at[1] = float(x[right[0]])
        hi = float(x[right[0] - 1])
        settled[1] = float(x[max(right[0] - 2, 0)])
    if not lo < c < hi:
        raise ValueError(f"the density is NaN right next to x = {c!r} where it is positive "
                         f"(NaN at x = {nan_at}); NaN is read as zero only far outside the "
                         "support")
    _check_not_a_mass(pdf, c)
    return Center(c, lo, hi, tuple(nan_at), tuple(settled))


def _check_not_a_mass(pdf, c):
    """A density positive at ``c`` is positive just beside it on one side at least (its
    support has width); zero on both sides, it is a mass at ``c``: a pmf, 0 off the
    integers. One call at two points, a few doubles from a whole-number c only."""
    if c != round(c):
        return
    delta = 16 * np.spacing(abs(c))
    try:
        with np.errstate(all="ignore"):
            beside = np.asarray(pdf(np.array([c - delta, c + delta])), dtype=float)
    except Exception:                              # the density's own checks speak later
        return
    if beside.shape == (2,) and np.all(beside == 0.0):
        raise ValueError(f"{named('pdf', pdf)} is positive at x = {c!r} but 0 at "
                         f"x = {c - delta!r} and {c + delta!r} beside it: a mass at one point, "
                         f"not a density (a probability mass function, 0 off the integers?); "
                         f"use DiscreteInverseCDF for a discrete distribution")


ZERO_GAP = 1e40       # decades of exact zeros that cut off what lies beyond (see below)


def _beyond_a_zero_gap(x, y, c, a, b):
    """Probes on an infinite side that lie past a stretch of exact zeros spanning
    a factor ZERO_GAP in |x|: marked like NaN (an overflow rule).

    Some densities overflow far out and return garbage: SciPy's jf_skew_t is
    exactly 0 from |x| = 1e10 to 1e155, then returns pdf(0) again. Mass
    separated from the rest by forty decades of exact zeros is taken to be
    such garbage; it is treated like NaN (find_center), so it is cut away
    only if less than TAIL_CUT of the mass lies beyond the bulk.
    """
    marked = np.zeros(x.size, dtype=bool)
    # x is sorted (the probes are), so outward from 0 is its own order on the
    # right and the reverse on the left.
    for side, infinite, outward in ((x > max(c, 0.0), np.isinf(b), 1),
                                    (x < min(c, 0.0), np.isinf(a), -1)):
        idx = np.flatnonzero(side)
        if not infinite or idx.size < 3:
            continue
        order = idx[::outward]
        zero = y[order] == 0.0
        # Each run of zeros that a value ends: it starts at `first`, the value
        # is at `after`; the first run spanning ZERO_GAP cuts off what follows.
        after = np.flatnonzero(zero[:-1] & ~zero[1:]) + 1
        if after.size == 0:
            continue
        starts = np.flatnonzero(zero & ~np.concatenate([[False], zero[:-1]]))
        first = starts[np.searchsorted(starts, after - 1, side="right") - 1]
        with np.errstate(over="ignore"):                   # inf spans are wide too
            span = np.abs(x[order[after - 1]]) / np.maximum(np.abs(x[order[first]]), 1e-300)
        wide = np.flatnonzero(span >= ZERO_GAP)
        if wide.size:
            marked[order[after[wide[0]]:]] = True
    return marked


@_frozen
def _toward(c, end):
    """Shell edges from c toward ``end``, ordered outward from c (cached).

    Geometric in the distance from c (c + 2**k) up to halfway, then, for a
    finite end, geometric in the distance to the end (end - d / 2**j).
    Also returns how many edges are of the first kind.
    """
    s = 1.0 if end > c else -1.0
    # The first shell is at least MIN_ULPS doubles wide, so that rounding its
    # edges changes its width by under 1%.
    near = MIN_ULPS * np.spacing(abs(c))
    if np.isfinite(end):
        half = abs(end / 2.0 - c / 2.0)                # |end - c| / 2 without overflow
        # Distances 2**k to the end (powers of two up to |end - c| / 2), kept
        # only while end -/+ 2**k is exact, so that these shells halve exactly
        # and their masses can be compared, wherever on the line the end is.
        top = np.ldexp(1.0, int(np.frexp(half)[1]) - 1)          # largest 2**k <= half
        dist = top * np.ldexp(1.0, -np.arange(0, 1100))
        dist = dist[dist >= np.finfo(np.float64).tiny]
        inward = end - s * dist
        inward = inward[s * (end - inward) == dist]
        pts = np.concatenate([c + s * _POWERS[(_POWERS >= near) & (_POWERS < half)], inward])
    else:
        with np.errstate(over="ignore"):
            pts = c + s * _POWERS[_POWERS >= near]
    with np.errstate(invalid="ignore"):
        pts = pts[np.isfinite(pts) & (s * (pts - c) > 0) & (s * (end - pts) > 0)]
    pts = np.unique(pts)[::int(s)]
    half_way = abs(end / 2.0 - c / 2.0)
    return pts, int(np.sum(np.abs(pts - c) < half_way))


def _beyond(masses):
    """Mass beyond the last shell, extrapolated from the last shells' decay."""
    last = masses[-4:]
    if last.size == 0 or last[-1] == 0.0:
        return 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = last[1:] / last[:-1]
    ratio = np.max(ratios) if ratios.size else 1.0
    if not ratio < 1.0:          # also NaN: level or growing masses
        return np.inf
    return float(last[-1] * ratio / (1.0 - ratio))


@_frozen
def _shells(c, end):
    """The shells [lo, hi] from c toward ``end`` that can be integrated, their
    outer edges, and how many are of the first kind (cached, as :func:`_toward`)."""
    edges, n_outward = _toward(c, end)
    lo = np.concatenate([[c], edges[:-1]])
    lo, hi = np.minimum(lo, edges), np.maximum(lo, edges)
    # Shells at the far end with no double strictly inside them cannot be
    # integrated; they belong to the unresolved rest, found by extrapolation.
    resolved = np.flatnonzero(np.nextafter(lo, hi) < hi)
    n = resolved[-1] + 1 if resolved.size else 0
    return edges[:n], lo[:n], hi[:n], n_outward


def _sides(f, c, ends):
    """For each end: shell edges from c toward it, their masses, the unresolved
    rest beyond them, and the rest toward c (all shells in one call to f)."""
    shells = [_shells(c, end) for end in ends]
    masses, _ = integrate_many_unchecked(f, [(lo, hi, SHELL_NODES) for _, lo, hi, _ in shells])
    # The same extrapolation inward, toward c, from the shells 1..4 whose
    # widths double: it is infinite if the masses do not shrink toward c,
    # that is if f has a non-integrable singularity at c itself.
    return [(edges, m, _beyond(m), _beyond(m[1:5][::-1]) if n_outward >= 5 else 0.0)
            for (edges, _, _, n_outward), m in zip(shells, masses)]


@np.errstate(under="ignore")        # tiny masses far out are 0 to us: never an error
def explore(f, pdf, a, b, center=None, u_resolution=1e-10):
    """Find the working interval [L, R], the initial breakpoints and the mass.

    ``f`` is the checked density (quadrature.checked_density), ``pdf`` the
    user's function (probed once, NaN allowed, by :func:`find_center`).
    """
    check_function(f, "f", "the checked density, quadrature.checked_density(pdf)")
    check_function(pdf, "pdf", "a callable density")
    a, b = check_domain((check_real("a", a), check_real("b", b)))
    u_resolution = check_u_resolution(u_resolution)
    found = find_center(pdf, a, b, center)
    c, ends = found.c, (found.lo, found.hi)
    sides = _sides(f, c, ends)
    total = sum(float(np.sum(m)) + rest for _, m, rest, _ in sides)
    if not np.isfinite(total):
        end, rest = max(((a, sides[0][2]), (b, sides[1][2])), key=lambda er: er[1])
        raise ValueError(f"{named('pdf', pdf)}: "
                         f"the density is not integrable on the domain ({a}, {b}): "
                         f"its mass does not decay toward x = {end}")
    if total <= 0.0:
        raise ValueError(f"{named('pdf', pdf)}: "
                         f"the density is zero everywhere on the domain ({a}, {b}) "
                         "(its integral is 0)")
    if any(np.isinf(side[3]) for side in sides):
        raise ValueError(f"{named('pdf', pdf)}: "
                         f"the density is not integrable near x = {c!r}: its mass does "
                         "not decay toward that point")

    points, dropped = [], []
    for (edges, masses, rest, _), end, nan_x, settle in zip(sides, ends, found.nan_at,
                                                          found.settled):
        # Mass beyond each edge: beyond[i] is everything past edges[i].
        beyond = np.concatenate([np.cumsum(masses[::-1])[::-1][1:], [0.0]]) + rest
        if nan_x is not None:
            # The NaN rule (find_center): this end may be cut, but only if
            # the density has died out before the last two NaN-free probes.
            past = np.abs(edges - c) >= np.abs(settle - c)
            i = int(np.argmax(past)) if past.any() else edges.size
            near = float(beyond[i - 1]) if i > 0 else float(np.sum(masses)) + rest
            if not near <= TAIL_CUT * total:
                raise ValueError(
                    f"{named('pdf', pdf)}: the density is NaN at x = {nan_x!r}, where it still "
                    f"holds mass: about "
                    f"{near / total:.1e} of it lies beyond x = {settle!r}, next to the NaN. "
                    f"NaN is read as zero only far outside the support, where less than "
                    f"{TAIL_CUT:g} of the mass lies beyond; return 0 there instead")
        if np.isfinite(end) and nan_x is None:
            # We cannot cut here; but mass closer to the end than the last
            # resolvable shell would make the u-error target unreachable.
            if np.isinf(rest):
                raise ValueError(
                    f"{named('pdf', pdf)}: "
                    f"the density is not integrable on the domain ({a}, {b}): its mass "
                    f"does not decay toward x = {end}")
            if rest > 0.1 * u_resolution * total:
                raise ValueError(
                    f"{named('pdf', pdf)}: "
                    f"the density is too singular at x = {end} to sample in double "
                    f"precision: about {rest / total:.1e} of its mass lies closer to that "
                    "end than floating point can resolve (the doubles there are "
                    f"{np.spacing(abs(end)):.1e} apart); from_density can resolve at most "
                    f"{0.1 * u_resolution:.0e} there, a tenth of the u-resolution")
            keep = np.flatnonzero(beyond > TAIL_CUT * total)
            cut = min(keep[-1] + 1 if keep.size else 0, edges.size - 1)
            # Toward the end the shells halve; where f is flat there each
            # holds half the mass of the one before (to 2%). Such shells, up
            # to 1% of the mass, become one last interval, as around c.
            with np.errstate(divide="ignore", invalid="ignore"):
                halving = (np.abs(masses[1:] / masses[:-1] - 0.5) < 0.01) | \
                    (beyond[:-1] <= TAIL_CUT * total)
            tail_flat = np.cumprod(halving[::-1])[::-1].astype(bool)    # flat from i on
            ok = np.flatnonzero(tail_flat & (beyond[:-1] <= FLAT_MERGE * total))
            if ok.size:
                cut = min(cut, int(ok[0]))
            side_points, side_dropped = np.append(edges[:cut + 1], end), 0.0
        else:
            if np.isinf(rest):
                raise ValueError(
                    f"{named('pdf', pdf)}: "
                    f"the density is not integrable on the domain ({a}, {b}): its mass "
                    f"does not decay toward x = {end}")
            if rest > TAIL_CUT * total:
                raise ValueError(
                    f"{named('pdf', pdf)}: "
                    f"the density's tail toward x = {end} is too heavy to cut: about "
                    f"{rest / total:.1e} of its mass lies beyond |x| = 1e308 (it is barely "
                    "integrable, if at all)")
            cut = int(np.flatnonzero(beyond <= TAIL_CUT * total)[0])
            side_points, side_dropped = edges[:cut + 1], float(beyond[cut]) / total
        # Merge the tiny shells around c into the first interval, and also
        # the shells where f is flat (each doubling shell holds twice the
        # mass of the one inside it, to 2%), up to 1% of the mass: there one
        # polynomial piece serves, and refinement halves it if not.
        shown = masses[:side_points.size]
        cum = np.cumsum(shown)
        with np.errstate(divide="ignore", invalid="ignore"):     # shell 0 is [c, c + w]:
            flat = np.abs(shown[2:] / shown[1:-1] - 2.0) < 0.04  # compare from shell 1 on
        flat_prefix = np.cumprod(np.concatenate([[True, True], flat]))[:shown.size].astype(bool)
        inner = (cum <= TAIL_CUT * total) | (flat_prefix & (cum <= FLAT_MERGE * total))
        first = int(np.argmin(inner)) if not inner.all() else side_points.size
        points.append(side_points[max(first - 1, 0):])
        dropped.append(side_dropped)

    breakpoints = np.concatenate([points[0][::-1], [c], points[1]])
    return Exploration(breakpoints, (dropped[0], dropped[1]), total)
