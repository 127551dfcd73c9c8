"""Chapter 3, part 2a: evaluating and integrating a density we were handed.

Lecture 22, section 2.1.2, second step: from the density to its CDF. For a
density f known only as a function, the CDF F(x) = integral of f from the
left end to x has to be computed numerically. Everything in ``from_density`` that integrates f goes
through two helpers here:

* :func:`checked_density` wraps the user's ``pdf`` so that every value it
  returns is checked once, where it is computed: a NaN, a negative or an
  infinite density is a ValueError that names the x where it happened.
* :func:`integrate` is Gauss-Legendre quadrature, vectorised over many
  intervals at once. With n nodes it is exact for polynomials of degree
  2n - 1, and it never evaluates f at an interval's ends, which matters for
  densities such as x**-0.5 that are infinite at an end of their domain.
"""

import numpy as np

from scratchmeta.sampling.checks import (call_finite, call_user, check_fits, check_function,
                                          check_rule, check_rules, finite_array,
                                          real_array, returned, shown)
from scratchmeta.messages import drifted, named, names_itself


_NOT_NUMBERS = {"U": "strings", "S": "byte strings", "O": "Python objects",
                "m": "time spans", "M": "dates", "V": "records"}


def real_values(name, y, shape, what, f=None):
    """``y`` as a float64 array of ``shape``, or a TypeError naming ``name`` (and the user's
    function ``f`` that returned it, by its own name).

    Complex values are refused rather than silently losing their imaginary
    part; so are booleans (a mask, not values), strings, objects and arrays of
    the wrong shape (a scalar from a function that is not vectorised).
    """
    if type(y) is np.ndarray and y.dtype == np.float64 and y.shape == shape:
        return y                                    # the common case, at once
    name = named(name, f)
    arr = np.asarray(y)
    if np.iscomplexobj(arr):
        raise TypeError(f"{name} must return real numbers, but it returned complex values "
                        f"(dtype {arr.dtype}); take the real part yourself if that is meant")
    if arr.dtype == bool:               # a mask read as 0 and 1 would pass unnoticed
        raise TypeError(f"{name} must return real numbers, but it returned booleans ({shown(y)}); "
                        f"an indicator is mask.astype(float)")
    if not np.issubdtype(arr.dtype, np.number) or arr.dtype.kind in "mM":
        kind = _NOT_NUMBERS.get(arr.dtype.kind, "values that are not numbers")
        first = ", ".join(repr(v) for v in arr.ravel()[:3].tolist())
        raise TypeError(f"{name} must return real numbers, but it returned {kind} (dtype "
                        f"{arr.dtype}), starting {first}: {shown(y)}")
    if arr.dtype == np.float16:         # three digits: every tolerance met on rounded values
        raise TypeError(f"{name} must return real numbers to float64's (or float32's) "
                        f"precision, but it returned float16 values, which keep about three "
                        f"significant digits: {shown(y)}")
    if arr.shape != shape:
        raise TypeError(f"{name} must be vectorised: given an array of shape {shape} it must "
                        f"return one {what} per point, but it returned shape {arr.shape}: "
                        f"{shown(y) if arr.ndim else repr(arr.item())}")
    return arr.astype(np.float64, copy=False)


def density_values(pdf, x):
    """pdf(x) as float64 of x's shape, NaN allowed: for probing (see tails.py).

    A negative value is a ValueError naming the x where it happened: a density is >= 0."""
    if not (type(x) is np.ndarray and x.dtype == np.float64):     # the common case, at once
        x = real_array("x", x, "an array of real numbers (points of the domain)")
    with np.errstate(all="ignore"):
        y = real_values("pdf", call_user("pdf", pdf, x), np.shape(x), "density", pdf)
    if y.size and not y.min() >= 0.0 and (y < 0.0).any():     # min is NaN if any value is
        i = int(np.flatnonzero((y < 0.0).ravel())[0])
        raise ValueError(f"{named('pdf', pdf)}: the density is negative "
                         f"({float(y.flat[i])!r}) at x = {float(np.asarray(x).flat[i])!r}; a "
                         "density must be a non-negative number everywhere on the domain")
    return y


def checked_density(pdf):
    """Return f(x) = pdf(x) as float64, raising ValueError on a bad value. On its first call f
    evaluates pdf twice, to refuse a pdf whose values change from call to call."""
    check_function(pdf, "pdf", "a callable density")
    first = [True]

    def f(x):
        if not (type(x) is np.ndarray and x.dtype == np.float64):     # the quadrature's own x
            x = real_array("x", x, "an array of real numbers (points of the domain)")
        # Far out in a tail a density may overflow or underflow on the way to
        # a perfectly good value (exp(-x**2) at x = 1e200); those warnings are
        # noise here, and the values are checked below.
        y = density_values(pdf, x)
        if first[0]:                  # once: a pdf whose values change from call to call
            first[0] = False          # (a counter, a random draw) is no density
            fault = drifted("pdf", pdf, x, y, density_values(pdf, x))
            if fault:
                raise ValueError(fault)
        # Two reductions settle the common case (min and max are NaN if any value is):
        # density_values took the min and refused a negative value, so the max is left.
        if y.size == 0 or y.max() < np.inf:
            return y
        if not np.all(y >= 0.0):   # false for NaN and for negative values
            i = np.flatnonzero(~(y >= 0.0).ravel())[0]
            xi, yi = float(x.flat[i]), float(y.flat[i])
            if np.isnan(yi):
                raise ValueError(
                    f"{named('pdf', pdf)}: the density is NaN at x = {xi!r}, inside its "
                    "support; a density must be a non-negative number there (NaN is read as "
                    "zero only far outside the support, see ContinuousInverseCDF.from_density; "
                    "pdf returned nan)")
            raise ValueError(f"{named('pdf', pdf)}: the density is negative ({yi!r}) at x = "
                             f"{xi!r}; a density must be a non-negative number everywhere on "
                             "the domain")
        if not np.all(np.isfinite(y)):
            xi = float(x.flat[np.flatnonzero(~np.isfinite(y).ravel())[0]])
            raise ValueError(f"{named('pdf', pdf)}: the density is infinite at x = {xi!r}; it "
                             "must be finite inside the domain (an infinite spike at an end of "
                             "the domain is fine, since the ends are never evaluated)")
        return y

    return f


def _legendre(n, _cache={}):
    """Gauss-Legendre nodes on [0, 1] and their weights (which sum to 1)."""
    if n not in _cache:
        t, w = np.polynomial.legendre.leggauss(n)
        _cache[n] = ((t + 1.0) / 2.0, w / 2.0)
    return _cache[n]


@names_itself
def integrate(f, lo, hi, n=8):
    """Integral of f over [lo, hi] for arrays of ends, by n-point Gauss-Legendre.

    ``lo`` and ``hi`` broadcast together; the result has their shape. The sum
    is  (hi - lo) * sum_k w_k f(lo + t_k (hi - lo))  with nodes t_k in (0, 1).
    """
    check_function(f, "f"), check_rule((lo, hi, n))
    check_fits(f"n = {n} Gauss-Legendre nodes", float(n) ** 2)
    return integrate_many_unchecked(lambda x: call_finite("f", f, x), [(lo, hi, n)])[0][0]


@names_itself
def integrate_many(f, rules, points=None):
    """Several integrals as :func:`integrate`, with one call to f for them all.

    ``rules`` is a list of (lo, hi, n); returns (list of integrals, f at
    ``points``), where ``points`` is an optional array of extra x at which f
    is wanted too. Each call to f costs a fixed overhead (the user's Python
    function, the checks of :func:`checked_density`), so the refinement
    gathers everything it needs in a round into one call.

    The nodes are laid out node by node (shape (n,) + the shape of lo), so
    that NumPy's loops run over the many intervals rather than over the few
    nodes, and the weighted sum is a single matrix-vector product.
    """
    check_function(f, "f")
    rules = [check_rule(rule, f"rules[{i}]: ") for i, rule in enumerate(check_rules(rules))]
    if points is not None:
        points = finite_array("points", points, "finite numbers (extra x at which f is wanted)")
    return integrate_many_unchecked(lambda x: call_finite("f", f, x), rules, points)  # as above


def integrate_unchecked(f, lo, hi, n):
    """:func:`integrate` for the refinement's own intervals (finite, ordered by construction)
    and its checked density: the checks of the public function are not repeated there."""
    return integrate_many_unchecked(f, [(lo, hi, n)])[0][0]


def _called(f, x):
    """``f(x)`` for a function the caller has checked: an array, as a checked density
    returns, at once (O(1)); anything else (a tuple, an exception object returned instead
    of raised) is named as what ``f`` returned."""
    y = f(x)
    return y if type(y) is np.ndarray and y.dtype != np.float16 else returned(
        "f", y, f"one value per point, an array of shape {x.shape}")


def integrate_many_unchecked(f, rules, points=None):
    """:func:`integrate_many` on rules already checked, or built by the caller (tails.py and
    interpolation.py: their intervals are finite and ordered by construction)."""
    nodes, weights, widths, masks = [], [], [], []
    for lo, hi, n in rules:
        lo, hi = np.asarray(lo, np.float64), np.asarray(hi, np.float64)
        if lo.shape != hi.shape:
            lo, hi = np.broadcast_arrays(lo, hi)
        # Strided views are copied once, so that the arithmetic below runs on
        # contiguous memory.
        lo = lo if lo.flags.c_contiguous else lo.copy()
        hi = hi if hi.flags.c_contiguous else hi.copy()
        t, w = _legendre(n)
        width = hi - lo
        x = np.multiply(width, t.reshape((n,) + (1,) * lo.ndim))
        x += lo                                   # x[k] = lo + t_k (hi - lo)
        mask = None
        # Rounding can put a node of a very narrow interval onto an end. An
        # interval over 2**20 doubles wide keeps its nodes well inside (the
        # rounding errors are a few doubles, the outermost nodes over 0.5% of
        # the width in); if all are that wide, f can be evaluated at once.
        # The doubles near m = max(|lo|, |hi|) are at most m * 2**-52 apart
        # (2**-1074 below 2**-1022), a bound that spares us np.spacing.
        with np.errstate(invalid="ignore", over="ignore"):
            wide = width > np.maximum(2.0**-32 * np.maximum(np.abs(lo), np.abs(hi)), 2.0**-1054)
        if not wide.all():
            # Otherwise pull the nodes of the others back inside, so that f
            # is never asked about the ends themselves. An interval with no
            # double strictly inside it (at most one ulp wide) holds no mass
            # we could resolve anyway: it counts as 0, unevaluated.
            few = np.flatnonzero(~wide)                    # flat indices into lo
            a, b = lo.ravel()[few], hi.ravel()[few]
            by_node = x.reshape(n, -1)                      # a view: writes go to x
            by_node[:, few] = np.clip(by_node[:, few], np.nextafter(a, b), np.nextafter(b, a))
            inside = np.nextafter(lo, hi) < hi
            if not inside.all():
                mask = np.broadcast_to(inside, x.shape)
        nodes.append(x)
        weights.append(w)
        widths.append(width)
        masks.append(mask)
    if points is not None:
        nodes.append(np.asarray(points, np.float64))
        masks.append(None)
    flat = np.concatenate([x.ravel() for x in nodes]) if len(nodes) > 1 else nodes[0].ravel()
    if all(m is None for m in masks):
        values = _called(f, flat)
    else:
        keep = np.concatenate([np.ones(x.size, bool) if m is None else m.ravel()
                               for x, m in zip(nodes, masks)])
        values = np.zeros(flat.size)
        values[keep] = _called(f, flat[keep])
    out, start = [], 0
    for x, w, width in zip(nodes, weights, widths):
        block = values[start:start + x.size].reshape(w.size, -1)       # one row per node
        out.append(width * (w @ block).reshape(width.shape))
        start += x.size
    return out, (values[start:].reshape(np.shape(points)) if points is not None else None)
