"""Chapter 3, part 2c: inverting a computed CDF, one interval at a time.

Lecture 22, section 2.1.2, third step: read a uniform draw backwards through
the CDF. Given f on [L, R] we want the map U -> x(U) with CDF(x(U)) = U. We build
it in the manner of Derflinger, Hoermann and Leydold (2010), the method behind
SciPy's ``NumericalInversePolynomial``:

1. On an interval [lo, hi] place six nodes x_0 = lo < x_1 < ... < x_5 = hi
   (Chebyshev-Lobatto points), and compute the CDF at each of them relative
   to lo, u_k = integral of f from lo to x_k, by Gauss-Legendre quadrature
   on each gap. The interval's mass is u_5.
2. Interpolate the *inverse*: the degree-5 polynomial x(s) through the points
   (s_k, x_k), s_k = u_k / u_5. No equation has to be solved when sampling;
   the inverse is read off directly.
3. Check it. Between each pair of nodes, at s = (s_k + s_k+1) / 2, compute
   x(s) and then, by quadrature from x_k, the CDF at that x. The difference
   from s * u_5 is the u-error of step 2 there; it must be below half the
   u-resolution, leaving the other half for quadrature, the cut tails and
   the points between the test points. Also check, through its
   Bernstein coefficients, that the polynomial is increasing on [0, 1], and
   that quadrature over the whole interval agrees with the sum over the gaps.
4. If any check fails, halve the interval and go back to step 1. If the
   u-error is too big by a factor r, cut it at once into 1.2 r**(1/6) equal
   pieces instead (the error of a degree-5 fit shrinks like width**6; the
   factor 1.2 allows for an error that is not spread evenly), if the fit is
   not increasing into at least four, and if the density varies by a factor
   e**L across the interval into at least 2 L pieces (at most 64 in all).
   Each round costs a fixed overhead of NumPy calls, so cutting to the
   right size at once matters as much as the cutting itself.

Double precision sets a floor under all of this: x can only move in steps of
one ulp, and between two neighbouring doubles the CDF moves by about
f(x) * ulp(x). Where that alone exceeds the u-resolution (a very narrow peak
far from 0), halving cannot help, and ``from_density`` says so.

All intervals waiting for step 1 are processed together as arrays, so the
number of Python-level passes is the depth of the halving, not the number of
intervals; the standard normal and the Cauchy density take two passes
(``tests/test_sampling_continuous.py`` counts them: each pass makes one
call to ``integrate_many_unchecked``, which gathers the pass's values of f).

An interval of very small mass (below 1e-13 of the total) gets the straight
line from lo to hi instead: whatever x it returns lies in [lo, hi], so its
u-error is at most its mass.

The result is a table with one row per interval. Sampling (``sample`` and
``from_uniforms``) then has two steps: find U's interval, which is the
discrete inverse-CDF problem of eq. 22.7 with the interval masses as the
probabilities (we reuse :class:`DiscreteInverseCDF` and its guide table), then
evaluate one polynomial by Horner's rule.
"""

from math import comb
from typing import NamedTuple

import numpy as np

from scratchmeta.sampling.checks import (check_edges, check_fits, check_function, check_real,
                                          check_u_resolution, finite_array, is_int, open_uniforms,
                                          shown)
from scratchmeta.sampling.discrete import DiscreteInverseCDF
# The quadrature without the public functions' checks: the intervals here are finite and
# ordered by construction, and f is the checked density.
from scratchmeta.sampling.quadrature import integrate_many_unchecked, integrate_unchecked
from scratchmeta.sampling.tails import MIN_ULPS, TAIL_CUT
from scratchmeta.messages import seen

ORDER = 5                                                   # degree of x(s)
NODES = (1.0 - np.cos(np.pi * np.arange(ORDER + 1) / ORDER)) / 2.0
GAUSS = 8                                                   # nodes per gap
STRIP = (1.0 - np.polynomial.legendre.leggauss(GAUSS)[0].max()) / 2.0  # unsampled end of a gap
ERROR_SHARE = 0.5        # fraction of the u-resolution the interpolation may use
MAX_INTERVALS = 100_000
SAFETY = 1.2              # a fit that misses by r is cut into SAFETY * r**(1/6) pieces
LOG_SPREAD = 0.5          # ... and into at least L / LOG_SPREAD if f varies by e**L
MAX_PARTS = 64            # a rejected interval is cut into at most this many pieces
NON_MONOTONE_PARTS = 4    # ... and a fit that is not increasing into at least this many
_INSETS = np.array([2.0**-30, -2.0**-30, 2.0**-40, -2.0**-40])   # from lo, hi, lo, hi
CHUNK = 1 << 15           # draws per pass: the nine temporaries stay in cache

_DEGREES = np.arange(1, ORDER + 1)[:, None]      # x'(s) = sum_j j a_j s**(j-1)

# Bernstein coefficients of the derivative x'(s) = sum_j d_j s**j (degree 4)
# on [0, 1]: b_i = sum_{j <= i} C(i, j) / C(4, j) d_j. All b_i > 0 proves
# that x(s) is increasing on [0, 1].
_TO_BERNSTEIN = np.array([[comb(i, j) / comb(ORDER - 1, j) if j <= i else 0.0
                           for j in range(ORDER)] for i in range(ORDER)])


class Pieces(NamedTuple):
    """One row per interval: x(s) = lo + sum_j alpha[j] s**(j+1), s in [0, 1]."""

    lo: np.ndarray        # (n,)
    hi: np.ndarray        # (n,)
    mass: np.ndarray      # (n,) integral of f over [lo, hi]
    alpha: np.ndarray     # (n, ORDER)
    u_error_estimate: float   # largest estimated u-error of a piece, relative
    worst_x: float            # where that piece is


def _fit(f, lo, hi, tol, light):
    """Steps 1-3 for a batch of intervals.

    Returns (accepted, u, alpha, err, floor, split_at, parts): u is the
    CDF at the six nodes relative to lo (u[:, -1] the mass), err the
    estimated u-error (unnormalised), floor the part of it that no
    interpolant could avoid, split_at where to halve a rejected interval,
    parts into how many equal pieces to cut it instead (2: halve it).

    Inside, the arrays are laid out node first (the nodes x are (6, n)), so
    that every NumPy operation, reductions over the nodes included, runs
    along the many intervals rather than the few nodes.
    """
    n = lo.size
    width = hi - lo
    x = lo + width * NODES[:, None]                            # (6, n) nodes x_k
    x[0], x[-1] = lo, hi
    # f just inside each end, 2**-30 and 2**-40 of the width in, for the
    # checks below; some double must lie strictly inside ("roomy").
    after_lo, before_hi = np.nextafter(lo, hi), np.nextafter(hi, lo)
    roomy = after_lo < hi
    near = np.stack([lo, hi, lo, hi])[:, roomy] + width[roomy] * _INSETS[:, None]
    near = np.clip(near, after_lo[roomy], before_hi[roomy])
    # Every value of f this step needs, in one call: the gaps, the whole
    # interval by a finer rule, and the four points near the ends.
    (gaps, whole), values = integrate_many_unchecked(
        f, [(x[:-1], x[1:], GAUSS), (lo, hi, 2 * GAUSS)], points=near)
    u = np.zeros((ORDER + 1, n))                               # (6, n)
    np.cumsum(gaps, axis=0, out=u[1:])
    mass = u[-1]
    f_ends, f_near = np.zeros((2, n)), np.zeros((2, n))
    f_ends[:, roomy], f_near[:, roomy] = values[:2], values[2:]

    parts = np.full(n, 2)
    alpha = np.zeros((n, ORDER))
    alpha[:, 0] = width                       # the straight line, for light intervals
    err = mass.copy()                         # its worst-case u-error
    # The strip next to each end that no quadrature node samples (STRIP of
    # the end gap): a jump there is invisible to quadrature, so the mass it
    # could hide is bounded below through f_ends.
    strip = STRIP * np.stack([x[1] - x[0], x[-1] - x[-2]])
    # A light interval is a straight line, whose u-error is at most its
    # mass, provided no jump hides mass at its ends.
    is_light = (mass <= light) & (np.max(np.abs(f_ends - mass / width) * strip, axis=0) <= light)
    accepted = is_light.copy()

    # Candidates for a polynomial: heavy intervals whose nodes are distinct in
    # u (f > 0 between them), whose quadrature is consistent, and where f
    # does not vanish right at an end while the gap next to it has mass: the
    # edge of f's support inside the interval, which quadrature nodes can
    # step over.
    with np.errstate(divide="ignore", invalid="ignore"):
        s = u / mass
    edge = (f_near == 0.0) & (gaps[[0, -1]] > 0.0)
    cand = ~(mass <= light) & (np.min(np.diff(s, axis=0), axis=0) > 1e-9) \
        & (np.abs(whole - mass) <= 0.02 * tol) & ~edge.any(axis=0)
    idx = np.flatnonzero(cand)
    if idx.size:
        # x(s) - lo = sum_{j=1..5} alpha_j s**j through the nodes k = 1..5.
        a, solved = _solve_vandermonde(s[1:, idx], x[1:, idx] - lo[idx])
        idx, a = idx[solved], a[:, solved]                     # a is (5, k)
    if idx.size:
        sc = s[:, idx]
        # Step 3: u-error at the midpoints between nodes.
        st = (sc[:-1] + sc[1:]) / 2.0
        xt = np.clip(lo[idx] + _horner(a, st), lo[idx], hi[idx])
        xk = x[:-1, idx]
        signed = np.where(xt >= xk, 1.0, -1.0)
        u_true = u[:-1, idx] + signed * integrate_unchecked(f, np.minimum(xk, xt),
                                                            np.maximum(xk, xt), GAUSS)
        e = np.max(np.abs(st * mass[idx] - u_true), axis=0)
        slope = a * _DEGREES                                   # x'(s) coefficients
        increasing = np.all(_TO_BERNSTEIN @ slope > 0.0, axis=0)
        # A jump of f between the last quadrature node of an end gap and the
        # end itself is invisible to every rule above. The slope of x(s) at
        # the ends says what density the fit assumes there, f = mass / x'(s);
        # compare it with f just inside each end, and bound the mass that the
        # difference could hide in the unsampled strip (2% of the gap).
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            implied = mass[idx] / np.stack([slope[0], slope.sum(axis=0)])
        hidden = np.max(np.abs(f_ends[:, idx] - implied) * strip[:, idx], axis=0)
        good = (e <= tol) & increasing & (hidden <= tol)
        alpha[idx[good]] = a[:, good].T
        err[idx[good]] = e[good]
        accepted[idx[good]] = True
        # The u-error of a degree-5 fit shrinks like width**6. A fit that
        # missed by a factor r is cut into SAFETY * r**(1/6) equal pieces at
        # once (rounded up, at most MAX_PARTS; SAFETY allows for an error that
        # is not spread evenly), rather than halved again and again;
        # one that is not even increasing (f varies by a large factor across
        # it) into at least NON_MONOTONE_PARTS: two halvings in one round.
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            want = np.ceil(SAFETY * (np.maximum(e, hidden) / tol) ** (1.0 / (ORDER + 1)))
        want[~increasing] = np.maximum(want[~increasing], NON_MONOTONE_PARTS)
        many = ~good & (want > 2)          # False for NaN
        parts[idx[many]] = np.minimum(want[many], MAX_PARTS)
    # No interpolant can beat the spacing of the doubles themselves: x moves
    # in steps of one ulp, and the CDF by about f(x) * ulp per step.
    with np.errstate(divide="ignore", invalid="ignore"):
        gap_density = gaps / np.diff(x, axis=0)
        density = np.nan_to_num(np.max(gap_density, axis=0))
        spread = np.log(density / np.min(gap_density, axis=0))
    floor = 0.5 * density * np.spacing(np.maximum(np.abs(lo), np.abs(hi)))
    # Where the mean density of the gaps varies by more than a factor
    # e**LOG_SPREAD across a rejected interval, cut it into pieces that
    # would each see about that much (equal pieces, rounded up): a density
    # that falls by e**20 across a tail shell needs many pieces, and
    # halving would find that out one round at a time. Only the cut is
    # chosen here; every piece is fitted and checked as before.
    steep = ~accepted & np.isfinite(spread) & (spread > LOG_SPREAD)
    parts[steep] = np.maximum(parts[steep],
                              np.minimum(np.ceil(spread[steep] / LOG_SPREAD), MAX_PARTS))
    # An interval where quadrature saw only zeros may still hold mass between
    # its last node and an end (a density that switches on just inside it).
    split_at = lo + width / 2.0
    zero = np.flatnonzero(mass == 0.0)
    if zero.size:
        hidden, split_at[zero] = _edge_of_support(f, lo[zero], hi[zero])
        accepted[zero[hidden]] = False
    # Equal pieces only where each is still many doubles wide.
    narrow = width < 4 * MAX_PARTS * MIN_ULPS * np.spacing(np.maximum(np.abs(lo), np.abs(hi)))
    parts[narrow | ~np.isfinite(width)] = 2
    return accepted, u.T, alpha, np.maximum(err, floor), floor, split_at, parts


def _edge_of_support(f, lo, hi):
    """Look for f > 0 near the ends of intervals whose quadrature gave 0.

    Probes lo + w / 2**j and hi - w / 2**j (w = hi - lo, j = 1, 2, ...). If
    f > 0 only near one end, the interval is split where the probes turned
    positive, so that the piece holding the mass is at most twice its width;
    if near both, it is halved. Returns (found, split point).
    """
    w = (hi - lo)[:, None]
    step = np.ldexp(1.0, -np.arange(1, 1100))
    points = np.concatenate([lo[:, None] + w * step, hi[:, None] - w * step], axis=1)
    inside = (points > lo[:, None]) & (points < hi[:, None])
    values = np.zeros(points.shape)
    values[inside] = f(points[inside])
    positive = (values > 0.0).reshape(len(lo), 2, step.size)
    near_lo, near_hi = positive[:, 0].any(axis=1), positive[:, 1].any(axis=1)
    # j* = the probe farthest from the end that is still positive; split one
    # step farther out (2 w / 2**j*), unless that is the whole interval.
    j_lo, j_hi = np.argmax(positive[:, 0], axis=1), np.argmax(positive[:, 1], axis=1)
    split = lo + (hi - lo) / 2.0
    one = near_lo & ~near_hi & (j_lo >= 1)
    split[one] = lo[one] + w[one, 0] * step[j_lo[one] - 1]
    one = near_hi & ~near_lo & (j_hi >= 1)
    split[one] = hi[one] - w[one, 0] * step[j_hi[one] - 1]
    return near_lo | near_hi, split


def solve_vandermonde(s, y):
    """Coefficients a with sum_j a_j s_k**(j+1) = y_k, one 5 x 5 system per column.

    Step 2 of section 2.1.2's inversion (module docstring): the coefficients
    of the inverse x(s) - lo through the nodes.

    ``s`` and ``y`` are (5, m), node by node; so is the result a. That is
    the polynomial through (0, 0) and the five points (s_k, y_k): Newton's
    divided differences on the nodes 0, s_1, ..., s_5, then the Newton form
    expanded into powers of s (Bjorck and Pereyra's algorithm for
    Vandermonde systems), about 25 array operations however many columns.

    Returns (a, solved). A column whose result is not finite (nodes crowded
    together, when f varies wildly across the interval) is marked unsolved;
    its interval will simply be halved. ``s`` and ``y`` must be finite.
    """
    what = f"an array of shape ({ORDER}, m) of finite numbers, one column per interval"
    s, y = finite_array("s", s, what), finite_array("y", y, what)
    if s.ndim != 2 or s.shape[0] != ORDER or s.shape[1] == 0:
        raise ValueError(f"s must be {what}, m >= 1, got {shown(s)}")
    if y.shape != s.shape:
        raise ValueError(f"y must have s's shape {s.shape} (the value at each node), got "
                         f"{shown(y)}")
    return _solve_vandermonde(s, y)


def _solve_vandermonde(s, y):
    """:func:`solve_vandermonde` on checked arrays (the inversion's own call)."""
    t = np.zeros((ORDER + 1, s.shape[1]))          # nodes t_0 = 0, t_1..t_5 = s
    t[1:] = s
    c = np.zeros((ORDER + 1, s.shape[1]))          # values 0, y_1..y_5
    c[1:] = y
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for k in range(ORDER):                     # c_i <- f[t_i-k-1, ..., t_i]
            c[k + 1:] = (c[k + 1:] - c[k:-1]) / (t[k + 1:] - t[:ORDER - k])
        for k in range(ORDER - 1, -1, -1):         # Newton form -> powers of s
            c[k:-1] -= t[k] * c[k + 1:]
    a = c[1:]                                      # c[0], the constant, is 0
    return a, np.all(np.isfinite(a), axis=0)


def horner(a, s):
    """sum_j a[j] s**(j+1), for a of shape (5, m) and s of shape (..., m).

    Horner's rule for the inverse x(s) - lo of section 2.1.2 (the polynomial
    whose coefficients :func:`solve_vandermonde` finds), one column per piece.
    """
    a = finite_array("a", a, f"coefficients: an array of shape ({ORDER}, m) of finite numbers")
    if a.ndim != 2 or a.shape[0] != ORDER or a.shape[1] == 0:
        raise ValueError(f"a must be coefficients: an array of shape ({ORDER}, m), one column "
                         f"per piece, m >= 1, got {shown(a)}")
    s = finite_array("s", s, f"an array of finite numbers of shape (..., {a.shape[1]})")
    try:
        np.broadcast_shapes(s.shape, a.shape[1:])
    except ValueError:
        raise ValueError(f"s must be an array of shape (..., {a.shape[1]}), one column per "
                         f"column of a, got {shown(s)}") from None
    return _horner(a, s)


def _horner(a, s):
    """:func:`horner` without its checks, for the arrays refine() makes itself."""
    p = a[-1] * s
    for j in range(ORDER - 2, -1, -1):
        p = (p + a[j]) * s
    return p


SELF_CHECK_POINTS = 4     # test points per gap between nodes in the final self-check
SELF_CHECK_ROUNDS = 8
_CHECK_FRACTIONS = (np.arange(1, SELF_CHECK_POINTS + 1)
                    / (SELF_CHECK_POINTS + 1.0)).reshape(-1, 1, 1)


def self_check(f, lo, hi, alpha, u, tol):
    """The u-error of finished pieces, measured densely: True where it exceeds ``tol``.

    Step 3 tests one point between each pair of nodes, which can miss the
    error next to a kink or a jump inside a piece. Here every piece is tested
    at SELF_CHECK_POINTS points between each pair of its nodes. Those points
    x_t cut the gap between two nodes into SELF_CHECK_POINTS + 1 segments;
    GAUSS-point quadrature on each segment, summed from the node x_k, gives
    the true CDF at every x_t. The segments of a gap must also add up to
    the gap's mass as step 1 computed it (one GAUSS-point rule over the
    whole gap): their disagreement counts as error at every test point of
    the gap, so a piece where quadrature itself is unsure fails. ``u`` is
    the CDF at the nodes relative to lo, as :func:`_fit` computed it.
    """
    # Arrays are laid out test point first, then node, then piece:
    # (points, 5, n), so that every operation runs along the many pieces.
    width = hi - lo
    x = lo + width * NODES[:, None]                                     # (6, n)
    x[0], x[-1] = lo, hi
    u = np.ascontiguousarray(u.T)                                       # (6, n)
    mass = u[-1]                              # > 0: only pieces with mass are checked
    s = u / mass
    st = s[:-1] + np.diff(s, axis=0) * _CHECK_FRACTIONS                 # (points, 5, n)
    xt = lo + _horner(np.ascontiguousarray(alpha.T), st)
    # An increasing x(s) (every finished piece is one) maps the s between two
    # nodes into the gap between them; clipping only undoes rounding, and
    # keeps the segments in order.
    xt = np.maximum.accumulate(np.clip(xt, x[:-1], x[1:]), axis=0)
    edges = np.concatenate([x[None, :-1], xt, x[None, 1:]])
    segments = integrate_unchecked(f, edges[:-1], edges[1:], GAUSS)       # (points + 1, 5, n)
    cdf = u[:-1] + np.cumsum(segments[:-1], axis=0)
    disagree = np.abs(segments.sum(axis=0) - np.diff(u, axis=0))       # (5, n)
    err = np.max(np.abs(st * mass - cdf), axis=0) + disagree
    return np.max(err, axis=0) > tol


@np.errstate(under="ignore")        # tiny masses and widths are 0 to us: never an error
def refine(f, breakpoints, total, u_resolution):
    """Run steps 1-4 from the initial breakpoints until every interval passes,
    then the dense :func:`self_check`; pieces that fail it are split and refit."""
    check_function(f, "f", "the checked density, quadrature.checked_density(pdf)")
    breakpoints = check_edges(breakpoints, "breakpoints", "the ends of the first intervals")
    if not check_real("total", total, finite=True) > 0.0:
        raise ValueError(f"total must be the density's mass, a number > 0, got {seen(total)}")
    u_resolution = check_u_resolution(u_resolution)
    tol = ERROR_SHARE * u_resolution * total
    light = TAIL_CUT * total
    done = []
    count = 0
    lo, hi = breakpoints[:-1], breakpoints[1:]
    for _ in range(SELF_CHECK_ROUNDS):
        count = _halve_until_good(f, lo, hi, tol, light, u_resolution, done, count)
        lo, hi, u, alpha, err = (np.concatenate(parts) for parts in zip(*done))
        mass = u[:, -1]
        polynomial = (mass > light) & (err <= tol)
        failed = np.zeros(lo.size, dtype=bool)
        idx = np.flatnonzero(polynomial)
        if idx.size:
            failed[idx] = self_check(f, lo[idx], hi[idx], alpha[idx], u[idx], tol)
        if not failed.any():
            break
        # Split each failed piece in two and refit both halves.
        keep = ~failed
        done = [(lo[keep], hi[keep], u[keep], alpha[keep], err[keep])]
        mid = lo[failed] + (hi[failed] - lo[failed]) / 2.0
        lo, hi = np.concatenate([lo[failed], mid]), np.concatenate([mid, hi[failed]])
    else:
        # Still failing after SELF_CHECK_ROUNDS: report the target as missed
        # (twice the u-resolution at least, so that from_density raises).
        err = np.where(failed, np.maximum(err, 4.0 * tol), err)
    order = np.argsort(lo)
    worst = int(np.argmax(err))
    return Pieces(lo[order], hi[order], mass[order], alpha[order],
                  float(err[worst]) / total, float(lo[worst]))


def _halve_until_good(f, lo, hi, tol, light, u_resolution, done, count):
    """Steps 1-4: fit, check, halve the rejects; accepted rows are appended to ``done``.

    Returns the running count of intervals (MAX_INTERVALS bounds it).
    """
    count += lo.size
    while lo.size:
        accepted, u, alpha, err, floor, mid, parts = _fit(f, lo, hi, tol, light)
        # Halving cannot help an interval that is too narrow (below MIN_ULPS
        # doubles, rounding of the nodes makes the quadrature meaningless) or
        # whose error floor from the spacing of doubles is already too big.
        # It keeps the straight line, and its mass as its u-error estimate.
        narrow = (hi - lo) < 2 * MIN_ULPS * np.spacing(np.maximum(np.abs(lo), np.abs(hi)))
        stuck = ~accepted & (narrow | (floor > tol))
        keep = accepted | stuck
        done.append((lo[keep], hi[keep], u[keep], alpha[keep], err[keep]))
        split = ~keep
        count += int(np.sum(parts[split] - 1))
        if count > MAX_INTERVALS:
            raise ValueError(
                f"from_density needed more than {MAX_INTERVALS} intervals to reach a u-error "
                f"of {u_resolution:g}, around x = {lo[split][0]!r}; the density may be too "
                "rough (or nearly singular) there")
        lo, hi = _cut(lo[split], hi[split], mid[split], parts[split])
    return count


def _cut(lo, hi, mid, parts):
    """Cut [lo, hi] at mid (parts == 2), or into ``parts`` equal pieces."""
    two = parts == 2
    new_lo, new_hi = [lo[two], mid[two]], [mid[two], hi[two]]
    if not two.all():
        k = parts[~two]
        row = np.repeat(np.flatnonzero(~two), k)            # one entry per new piece
        j = np.arange(row.size) - np.repeat(np.cumsum(k) - k, k)
        k = parts[row]
        width = hi[row] - lo[row]
        new_lo.append(lo[row] + width * (j / k))
        new_hi.append(np.where(j + 1 == k, hi[row], lo[row] + width * ((j + 1) / k)))
    return np.concatenate(new_lo), np.concatenate(new_hi)


def check_pieces(pieces):
    """The table of a :class:`PiecewiseInverse`: lo, hi and mass 1-D arrays of finite numbers,
    one entry per piece (n >= 1 of them), alpha of shape (n, ORDER), lo <= hi, mass >= 0 and
    some mass > 0; else a ValueError (TypeError for what is no array of numbers) naming
    pieces and the lengths. Once per table, O(n)."""
    arrays = {}
    for field in ("lo", "hi", "mass", "alpha"):
        arrays[field] = finite_array(f"pieces.{field}", getattr(pieces, field),
                                     "an array of finite numbers")
    lo, hi, mass, alpha = arrays["lo"], arrays["hi"], arrays["mass"], arrays["alpha"]
    n = lo.shape[0] if lo.ndim == 1 else -1
    if (n < 1 or hi.shape != (n,) or mass.shape != (n,) or alpha.shape != (n, ORDER)):
        raise ValueError(f"pieces must hold one row per piece: lo, hi and mass of shape (n,) "
                         f"and alpha of shape (n, {ORDER}), n >= 1, got lo {lo.shape}, hi "
                         f"{hi.shape}, mass {mass.shape} and alpha {alpha.shape}")
    if not (np.all(lo <= hi) and np.all(mass >= 0.0) and mass.max() > 0.0):
        i = int(np.argmax((lo > hi) | (mass < 0.0)))
        raise ValueError(f"pieces must have lo <= hi and masses >= 0, some of them > 0 (the "
                         f"table that refine() returns), got piece {i} with lo {lo[i]!r}, hi "
                         f"{hi[i]!r} and mass {mass[i]!r}")
    return pieces._replace(lo=lo, hi=hi, mass=mass, alpha=alpha)


class PiecewiseInverse:
    """Evaluate x(U) from the table of pieces: eq. 22.7 to pick the piece, then Horner."""

    def __init__(self, pieces):
        if not isinstance(pieces, Pieces):
            raise TypeError(f"pieces must be the Pieces that refine() returns, got "
                            f"{type(pieces).__name__} {pieces!r:.60}")
        pieces = check_pieces(pieces)
        positive = pieces.mass > 0.0          # a piece of zero mass is never chosen
        mass = pieces.mass[positive]
        self.labels = DiscreteInverseCDF(mass / mass.sum())
        # The U-interval [start, start + width) of each piece, from the very
        # same edges that the discrete search uses, so that s lands in [0, 1].
        right = self.labels.edges.copy()
        right[-1] = 1.0
        start = np.concatenate([[0.0], right[:-1]])
        width = right - start
        self.start = start
        # A piece too thin to hit (its width underflows 1 / width) gets s = 0.
        with np.errstate(divide="ignore", over="ignore"):
            inv_width = 1.0 / width
        self.inv_width = np.where(np.isfinite(inv_width), inv_width, 0.0)
        self.lo = pieces.lo[positive]
        self.hi = pieces.hi[positive]
        # One contiguous array per coefficient: gathers from short arrays are fast.
        self.alpha = [np.ascontiguousarray(pieces.alpha[positive, j]) for j in range(ORDER)]

    def __call__(self, u):
        """x(U) for a 1-D array of uniforms in [0, 1], in cache-sized chunks."""
        if type(u) is not np.ndarray or u.dtype != np.float64 or u.ndim != 1:
            u = finite_array("u", u, "a 1-D array of uniforms in [0, 1]")
            if u.ndim != 1:
                raise ValueError(f"u must be a 1-D array of uniforms in [0, 1], got shape "
                                 f"{u.shape}")
        if u.size and not (u.min() >= 0.0 and u.max() <= 1.0):     # NaN fails both
            raise ValueError(f"u must be a 1-D array of uniforms in [0, 1], got values from "
                             f"{u.min()!r} to {u.max()!r}")
        out = np.empty_like(u)
        for a in range(0, u.size, CHUNK):
            self._chunk(u[a:a + CHUNK], out[a:a + CHUNK])
        return out

    def draw(self, n, rng):
        """n draws x(U), U uniform on (0, 1) from ``rng``: the uniforms too are
        made a chunk at a time, so that they never leave the cache."""
        if not is_int(n) or n < 0:
            raise (ValueError if is_int(n) else TypeError)(
                f"n must be the number of draws, an int >= 0, got {seen(n, 40)}")
        check_fits(f"n = {n} draws", float(n))
        n = int(n)
        if not isinstance(rng, np.random.Generator):
            raise TypeError(f"rng must be a numpy.random.Generator (np.random.default_rng(seed)), "
                            f"got {type(rng).__name__} {rng!r:.40}")
        out = np.empty(n)
        for a in range(0, n, CHUNK):
            self._chunk(open_uniforms(min(CHUNK, n - a), rng), out[a:a + CHUNK])
        return out

    def _chunk(self, u, out):
        i = self.labels.piece_of_unchecked(u)                        # which piece (eq. 22.7)
        s = u - self.start.take(i)                        # where inside it, in [0, 1]
        s *= self.inv_width.take(i)
        p = self.alpha[-1].take(i)                        # Horner's rule for x(s) - lo
        p *= s
        for j in range(ORDER - 2, -1, -1):
            p += self.alpha[j].take(i)
            p *= s
        np.maximum(p, 0.0, out=p)                         # x(s) stays in [lo, hi]:
        p += self.lo.take(i)                              # pieces join monotonically
        np.minimum(p, self.hi.take(i), out=out)
