"""Exact checks of an inverse-CDF map U -> x (lecture 22, sections 2.1.1-2.1.2).

An inverse-CDF sampler is a deterministic map Q from uniforms to samples, so
two of its properties need no statistics at all:

* **monotone**: u <= v implies Q(u) <= Q(v). Eq. 22.7 cuts [0, 1) into
  pieces in label order, and a continuous inverse CDF is non-decreasing;
  a map that is not monotone is not an inverse CDF, whatever its histogram
  looks like.
* **inverts F**: F(Q(u)) = u within a stated u-resolution (SciPy's
  "u-error" |u - F(Q(u))|). For a continuous F this is the whole story: if
  the u-error is at most r everywhere, the law of Q(U) differs from F by at
  most r in sup norm, a discrepancy no sample smaller than about 1 / r**2
  draws could detect.
"""

import numpy as np

from scratchmeta.testing._checks import call, check_function, is_real, real_numbers, real_output
from scratchmeta.messages import named, names_itself, seen


def _grid(u):
    u = real_numbers("u", u, "an array of numbers in [0, 1]")
    if u.ndim > 1:
        raise ValueError(f"u must be a 1-D array of numbers in [0, 1], got shape {u.shape}")
    u = u.ravel()
    if u.size == 0:
        raise ValueError("u must be a non-empty array of numbers in [0, 1], got an empty one")
    outside = ~((u >= 0.0) & (u <= 1.0))                 # NaN is outside too
    if outside.any():
        shown = np.array2string(u.ravel(), threshold=8, edgeitems=3, max_line_width=200)
        percent = bool(np.all((u >= 0.0) & (u <= 100.0)) and u.max() > 1.0)   # (no NaN)
        raise ValueError(f"u must be a non-empty array of numbers in [0, 1], got u = {shown}, "
                         f"{np.count_nonzero(outside)} of its {u.size} entries outside (the "
                         f"first {float(u[outside][0])!r})"
                         + ("; if these are percentages, divide by 100" if percent else ""))
    return np.sort(u)


def _values(name, fn, u):
    check_function(name, fn)
    with np.errstate(all="ignore"):
        x = real_output(named(name, fn), call(name, fn, u))
    if x.shape != u.shape:      # a contract broken, as a wrong type is: not a failed property
        raise ValueError(f"{named(name, fn)} must be vectorised, returning one value per u: got "
                         f"shape {x.shape} for u of shape {u.shape}")
    return x


@names_itself
def assert_monotone(ppf, u):
    """Fail unless ppf(u) is non-decreasing in u and never NaN, on the grid ``u``."""
    u = _grid(u)
    x = _values("ppf", ppf, u).astype(np.float64)
    if np.any(np.isnan(x)):
        i = int(np.flatnonzero(np.isnan(x))[0])
        raise AssertionError(f"{named('ppf', ppf)} returned NaN at u = {u[i]!r}")
    with np.errstate(invalid="ignore"):            # -inf - (-inf) at u = 0 is not a step down
        down = np.flatnonzero(np.diff(x) < 0)
    if down.size:
        i = int(down[0])
        raise AssertionError(f"ppf is not monotone: ppf({u[i]!r}) = {x[i]!r} > "
                             f"ppf({u[i + 1]!r}) = {x[i + 1]!r}")


@names_itself
def assert_inverts(ppf, cdf, u, u_resolution):
    """Fail unless |cdf(ppf(u)) - u| <= u_resolution for every u on the grid.

    Returns the largest u-error seen. The CDF must itself be accurate to well
    below ``u_resolution``, since its own error is counted too. A cdf that returns
    NaN, inf or a value outside [0, 1] at a number x is a ValueError: a bad cdf, not a
    failing sampler; so is a ``u_resolution`` below float64's rounding near 1 (1.1e-16).
    """
    if not (is_real(u_resolution) and 0.0 < u_resolution < 1.0):
        raise ValueError(f"u_resolution must be a number in (0, 1), got {seen(u_resolution)}")
    if u_resolution < np.finfo(np.float64).eps / 2:      # no u-error can be that small
        raise ValueError(f"u_resolution must be at least {np.finfo(np.float64).eps / 2:.3g} "
                         f"(float64's rounding near 1, which a u-error cannot beat), got "
                         f"{seen(u_resolution)}")
    u = _grid(u)
    x = _values("ppf", ppf, u)
    f = _values("cdf", cdf, x).astype(np.float64)
    # A NaN or inf from the cdf at a number x (not at a NaN the ppf returned) is a bad cdf,
    # the input of the check, not a verdict on the sampler under test.
    bad = np.flatnonzero(~np.isfinite(f) & ~np.isnan(x.astype(np.float64)))
    if bad.size:
        i = int(bad[0])
        raise ValueError(f"{named('cdf', cdf)} must return a finite number in [0, 1] at every "
                         f"x, but it returned {float(f[i])!r} at x = {float(x[i])!r} "
                         f"({bad.size} of {f.size} values NaN or inf)")
    outside = np.flatnonzero((f < -1e-9) | (f > 1.0 + 1e-9))       # no CDF's value: a bad cdf
    if outside.size:
        i = int(outside[0])
        raise ValueError(f"{named('cdf', cdf)} must return a number in [0, 1] at every x, but it "
                         f"returned {float(f[i])!r} at x = {float(x[i])!r} ({outside.size} of "
                         f"{f.size} values outside [0, 1]): it is no CDF")
    order = np.argsort(x, kind="stable")                # the cdf alone: at the sorted points
    xs, fs = x[order].astype(np.float64), f[order]
    down = np.flatnonzero((np.diff(fs) < -1e-9) & (np.diff(xs) > 0))
    if down.size:
        i = int(down[0])
        raise ValueError(f"{named('cdf', cdf)} is no CDF: it decreases from {float(fs[i])!r} at "
                         f"x = {float(xs[i])!r} to {float(fs[i + 1])!r} at x = "
                         f"{float(xs[i + 1])!r} (a survival function, 1 - F?), so no verdict on "
                         f"ppf can be read from it")
    with np.errstate(invalid="ignore"):
        err = np.abs(f - u)
    err[np.isnan(err)] = np.inf
    worst = int(np.argmax(err))
    if err[worst] > u_resolution:
        raise AssertionError(f"F(Q(u)) differs from u by {err[worst]:.3g} at u = {u[worst]!r} "
                             f"(x = {x[worst]!r}); the stated u-resolution is {u_resolution:g}")
    return float(err[worst])
