"""Chapter 3, part 2: sampling a continuous distribution by its inverse CDF.

Lecture 22, section 2.1.2. The continuous case is the discrete one of eq. 22.7
with infinitely many, infinitely thin pieces: the piece that U lands in is the
point x with CDF(x) = U, so the sample is x(U) = CDF^{-1}(U). If U is uniform,
P(x(U) <= t) = P(U <= CDF(t)) = CDF(t), which is all the proof there is.

**Read this first: the three steps on a grid** (:func:`grid_inverse_cdf`).
The lecture's recipe, in about twenty lines:

1. tabulate the density f on a grid x_0 < x_1 < ... < x_n;
2. integrate it into the CDF, F(x_k) = sum of trapezoids up to x_k, and
   divide by the total;
3. read U backwards through the table: find the k with F(x_k) <= U <
   F(x_k+1) and interpolate linearly between x_k and x_k+1.

Its accuracy is measured as SciPy measures it, by the **u-error**
|U - CDF(x(U))|: how far the U that x(U) really belongs to is from the U we
asked about. With n grid steps both the trapezoids and the linear
interpolation err by O(1 / n**2); for the standard normal on [-8, 8] with
n = 4096 the u-error is about 1e-6 (the tests measure it, and check that
doubling n divides it by about four). It needs a finite interval, and it
spends its points evenly, wherever the mass is.

**Appendix: the same idea at SciPy's accuracy** (:class:`ContinuousInverseCDF`).
To reach a u-error of 1e-10 on any density, infinite tails and kinks
included, the three steps each need care, in three helper files:
``tails.py`` finds where the mass lives and where to cut infinite tails,
``quadrature.py`` integrates (step 2), and ``interpolation.py`` inverts
piece by piece with degree-5 polynomials, halving pieces until the u-error
is met (step 3), as SciPy's ``NumericalInversePolynomial`` (PINV) does. It has
two constructors:

* ``from_ppf(ppf, cdf=None)``: the inverse CDF (SciPy's "percent point
  function") is known in closed form; ``closed_forms.py`` ships six.
* ``from_density(pdf, domain=(a, b))``: only a density is known, perhaps up
  to a constant.

Its names follow SciPy's ``scipy.stats.sampling``: ``ppf(u)``,
``rvs(size, random_state)``, ``u_error(sample_size)`` and ``support()``;
the lecture's names ``from_uniforms(u)`` and ``sample(size, rng)`` do the
same.

Where the tails are cut. ``from_density`` never returns x outside
``support() = (L, R)``. On a finite end of the domain, L or R is that end and
nothing is cut. An infinite tail is cut at the first point (of the form
c +/- 2**k) beyond which the density holds less than 1e-13 of its mass; the
masses cut off are ``tail_mass_dropped = (left, right)``, relative to the
total. For the standard normal that is about |x| = 8 with 6e-16 dropped; for
the Cauchy about |x| = 4.4e12 with 7e-14 dropped. ``from_ppf`` cuts nothing:
``sample`` draws U from (0, 1) without 0, so it reaches x(2**-53) on the left
and x(1 - 2**-53) on the right.
"""

from typing import NamedTuple

import numpy as np
from scipy import integrate as scipy_integrate

from scratchmeta.sampling.checks import (call_user, check_fits, check_function, check_pair,
                                          check_random_state, check_real, check_rng, check_size,
                                          check_u_resolution, check_uniforms, is_int,
                                          open_uniforms)
from scratchmeta.sampling.interpolation import PiecewiseInverse, refine
from scratchmeta.sampling.quadrature import checked_density, integrate, real_values
from scratchmeta.sampling.tails import check_domain, explore
from scratchmeta.messages import (drifted, named, names_itself, names_itself_as_method,
                                  out_of_scale, seen, swapped)


# --- the three steps, on a grid (read this first) -------------------------------------

@names_itself
def grid_inverse_cdf(pdf, lo, hi, n=4096):
    """x(U) = CDF^{-1}(U) by the lecture's three steps on n + 1 grid points in [lo, hi].

    Returns a function of an array of U in [0, 1]. ``pdf`` may be unnormalised.
    """
    if not callable(pdf) and (callable(lo) or callable(hi)):
        raise TypeError("grid_inverse_cdf: pdf must be a callable density"
                        + swapped("grid_inverse_cdf", ("pdf", "lo", "hi"),
                                  {"pdf": pdf, "lo": lo, "hi": hi}))
    lo, hi = (check_real(f"grid_inverse_cdf: {name}", v, True, "; the grid needs a finite "
                         "interval") for name, v in (("lo", lo), ("hi", hi)))
    if not lo < hi:
        raise ValueError(f"grid_inverse_cdf: lo={lo!r} and hi={hi!r} are inverted or equal: the "
                         f"grid's interval ({lo!r}, {hi!r}) needs lo < hi")
    with np.errstate(over="ignore"):
        width = hi - lo                                     # inf past float64's largest
    if out_of_scale("(hi - lo)", width):
        raise ValueError(f"grid_inverse_cdf: {out_of_scale('(hi - lo)', width, 'width')} "
                         f"(lo={lo!r}, hi={hi!r})")
    if not is_int(n) or n < 2:
        raise ValueError(f"n must be an int >= 2 (grid steps), got {seen(n)}")
    check_fits(f"a grid of n = {n} steps", 4.0 * (n + 1))       # x, f, the trapezoids, F
    x = np.linspace(lo, hi, n + 1)                          # 1. the grid x_k ...
    f = checked_density(pdf)(x)                             #    ... and f(x_k)
    steps = (f[1:] + f[:-1]) / 2.0 * np.diff(x)             # 2. trapezoids,
    cdf = np.concatenate([[0.0], np.cumsum(steps)])         #    F(x_k) = their running sum,
    positive = f > 0
    if 0 < positive.sum() <= 0.05 * f.size and np.all(x[positive] == np.round(x[positive])):
        raise ValueError(f"{named('pdf', pdf)} is positive at only {int(positive.sum())} "
                         f"of the {f.size} grid points from lo={lo} to hi={hi}, all whole "
                         f"numbers: either the grid (spacing {x[1] - x[0]:.3g}) is too coarse "
                         f"for the density (narrow lo..hi or raise n), or it is a probability "
                         f"mass function (0 between the integers; grid_inverse_cdf samples "
                         f"densities, DiscreteInverseCDF discrete distributions)")
    if not cdf[-1] > 0.0:
        raise ValueError(f"{named('pdf', pdf)}: the density is zero at every grid point in "
                         f"[{lo}, {hi}]")
    cdf /= cdf[-1]                                          #    normalised to end at 1

    def inverse(u):                                         # 3. read U backwards:
        u = check_uniforms(u)                               #    F(x_k) <= U < F(x_k+1),
        k = np.clip(np.searchsorted(cdf, u, side="right") - 1, 0, n - 1)
        with np.errstate(divide="ignore", invalid="ignore"):   # flat steps: t = 0
            t = np.nan_to_num((u - cdf[k]) / (cdf[k + 1] - cdf[k]))
        return x[k] + np.clip(t, 0.0, 1.0) * (x[k + 1] - x[k])   # linear in between

    return inverse


# --- Appendix: the PINV-grade sampler -------------------------------------------------

CDF_SLACK = 1e-12      # how far rounding may take a user's CDF outside [0, 1], or downhill
PPF_PROBES = np.unique(np.concatenate([
    [0.0, 5e-324, 1e-300, 1e-100, 1e-20, 1e-10, 1.0 - 1e-10, 1.0 - 2.0 ** -53, 1.0],
    np.linspace(0.0, 1.0, 257)]))


def _checked_ppf(ppf):
    """Wrap a user's ppf: real values, one per u, never NaN (checked at every call)."""
    check_function(ppf, "ppf", "a callable inverse CDF")

    def inverse(u):
        with np.errstate(all="ignore"):                 # ppf(0) may be -inf; NaN is checked
            x = real_values("ppf", call_user("ppf", ppf, u), np.shape(u), "x", ppf)
        if np.isnan(x).any():
            i = int(np.flatnonzero(np.isnan(x))[0])
            raise ValueError(f"{named('ppf', ppf)} returned NaN at u = "
                             f"{float(np.ravel(u)[i])!r}; an inverse CDF must return a number "
                             "(or -inf/+inf at u = 0/1) for every u")
        return x

    # Check before any work: the probes must give a non-decreasing map, the same twice.
    x = inverse(PPF_PROBES)
    fault = drifted("ppf", ppf, PPF_PROBES, x, inverse(PPF_PROBES))
    if fault:
        raise ValueError(fault)
    with np.errstate(invalid="ignore"):                 # inf - inf at the ends
        down = np.flatnonzero(np.diff(x) < 0)
    if down.size:
        i = int(down[0])
        raise ValueError(
            f"{named('ppf', ppf)} must be non-decreasing (it is an inverse CDF), but "
            f"ppf({PPF_PROBES[i]!r}) = {x[i]!r} > ppf({PPF_PROBES[i + 1]!r}) = {x[i + 1]!r} "
            f"(an inverse survival function, F^-1(1 - u), or arguments bound in the wrong "
            f"place?)")
    if x[0] == x[-1]:
        raise ValueError(f"ppf is constant ({x[0]!r}) on [0, 1]: that is a point mass, not "
                         "a continuous distribution")
    finite = x[np.isfinite(x)]
    if finite.size and np.all(finite == np.round(finite)) and \
            np.unique(finite).size <= finite.size // 4:          # a handful of whole numbers
        raise ValueError(f"{named('ppf', ppf)} returns only whole numbers at the "
                         f"{PPF_PROBES.size} probes of [0, 1] ({np.unique(finite).size} distinct, "
                         f"{finite.min()!r} to {finite.max()!r}): a discrete distribution's; "
                         f"ContinuousInverseCDF samples continuous ones (use "
                         f"DiscreteInverseCDF with its probabilities)")
    return inverse


#: The largest |cdf(ppf(u)) - u| that from_ppf takes for a ppf and a cdf of one distribution:
#: far above any inverse CDF's own u-error (u_error measures that), far below the gap
#: between two distributions (norm(0, 1) and norm(1, 1): 0.38; Laplace and normal: 0.05).
INVERSE_SLACK = 0.01


def _check_inverses(inverse, cdf, ppf):
    """``cdf`` and ``ppf`` given together describe one distribution: cdf(ppf(u)) is within
    :data:`INVERSE_SLACK` of u at nine u of (0, 1)."""
    u = np.linspace(0.1, 0.9, 9)
    with np.errstate(all="ignore"):
        x = np.asarray(inverse(u), dtype=float)
        back = np.asarray(cdf(x), dtype=float)
    if back.shape != u.shape or not np.all(np.isfinite(back)):
        return                                     # the cdf's own checks name that later
    i = int(np.argmax(np.abs(back - u)))
    if abs(back[i] - u[i]) <= INVERSE_SLACK:
        return
    if np.unique(x).size < u.size:                 # nine quantiles on fewer doubles
        raise ValueError(f"{named('ppf', ppf)} takes only {np.unique(x).size} "
                         f"distinct values at the nine quantiles u = 0.1, ..., 0.9 "
                         f"({x.min()!r} to {x.max()!r}): its spread is below float64's "
                         f"resolution at its location, so the draws would lose it; sample "
                         f"the distribution centred at 0 and add the location afterwards")
    raise ValueError(f"{named('cdf', cdf)} and {named('ppf', ppf)} are not each "
                     f"other's inverse: cdf(ppf({u[i]:.1f})) = {back[i]:.4g}, off by "
                     f"{abs(back[i] - u[i]):.3g} (at most {INVERSE_SLACK} is taken): the CDF "
                     f"and inverse CDF of two different distributions?")


class ContinuousInverseCDF:
    """Appendix to section 2.1.2: x(U) = CDF^{-1}(U) to a u-error of 1e-10.

    Build it with :meth:`from_ppf` or :meth:`from_density`, not directly.
    SciPy's names and the lecture's both work: ``ppf`` = ``from_uniforms``,
    ``rvs(size, random_state)`` = ``sample(size, rng)``.

    Attributes
    ----------
    tail_mass_dropped : (float, float)
        Mass of the density left of ``support()[0]`` and right of
        ``support()[1]``, relative to its total (0 for ``from_ppf``).
    n_intervals : int
        ``from_density`` only: the number of polynomial pieces.
    """

    @names_itself_as_method
    def __init__(self, inverse, cdf, support, tail_mass_dropped, *, pieces=None, pdf=None,
                 domain=None):
        check_function(inverse, "inverse")
        if cdf is not None:
            check_function(cdf, "cdf", "callable or None")
        check_pair("support", support, ordered=True)
        check_pair("tail_mass_dropped", tail_mass_dropped, 0.0, 1.0)
        if pdf is not None:
            check_function(pdf, "pdf", "callable or None")
        if domain is not None:
            check_pair("domain", domain, ordered=True)
        self._inverse = inverse
        self._cdf = cdf
        self._pieces = pieces
        self._pdf = pdf
        self._domain = domain
        self._support = support
        self.tail_mass_dropped = tail_mass_dropped
        self.n_intervals = None if pieces is None else int(np.sum(pieces.mass > 0))

    # --- constructors -------------------------------------------------------------

    @classmethod
    @names_itself
    def from_ppf(cls, ppf, cdf=None):
        """A sampler from a closed-form inverse CDF ``ppf`` (vectorised).

        ``cdf``, if given, is the CDF itself; :meth:`u_error` needs it.
        ``ppf`` is checked before anything else: it must return one real,
        non-NaN x per u, non-decreasing in u (probed at 265 points of [0, 1],
        ends and subnormals included); every later call is checked for
        shape and NaN too.
        """
        if getattr(ppf, "__name__", None) == "cdf" and getattr(cdf, "__name__", None) == "ppf":
            raise TypeError("from_ppf: ppf must be the inverse CDF and cdf the CDF"
                            + swapped("from_ppf", ("ppf", "cdf"), {"ppf": ppf, "cdf": cdf}))
        if cdf is not None:
            check_function(cdf, "cdf", "callable or None")
        inverse = _checked_ppf(ppf)
        ends = inverse(np.array([0.0, 1.0]))
        if cdf is not None:                 # probed as ppf is: one real number per x, twice
            x = inverse(PPF_PROBES)
            with np.errstate(all="ignore"):
                f = real_values("cdf", call_user("cdf", cdf, x), x.shape, "probability", cdf)
                fault = drifted("cdf", cdf, x, f, real_values(
                    "cdf", call_user("cdf", cdf, x), x.shape, "probability", cdf))
            if fault:
                raise ValueError(fault)
            with np.errstate(all="ignore"):
                outside = np.flatnonzero(~((f >= -CDF_SLACK) & (f <= 1.0 + CDF_SLACK)))
                down = np.flatnonzero(np.diff(f) < -CDF_SLACK)      # x is sorted
            if outside.size:
                i = int(outside[0])
                raise ValueError(f"{named('cdf', cdf)} returned {f[i]!r} at x = {x[i]!r}; a CDF "
                                 f"must return a number in [0, 1] for every x")
            if down.size:
                i = int(down[0])
                raise ValueError(f"{named('cdf', cdf)} must be non-decreasing (it is a CDF), "
                                 f"but cdf({x[i]!r}) = {f[i]!r} > cdf({x[i + 1]!r}) = "
                                 f"{f[i + 1]!r} (a survival function, 1 - F, or arguments "
                                 f"bound in the wrong place?)")
            _check_inverses(inverse, cdf, ppf)          # a CDF, now: of ppf's distribution?
        return cls(inverse, cdf, (float(ends[0]), float(ends[1])), (0.0, 0.0))

    @classmethod
    @names_itself
    def from_density(cls, pdf, domain=(-np.inf, np.inf), *, center=None, u_resolution=1e-10):
        """A sampler from a density ``pdf`` alone, known perhaps up to a constant.

        Parameters
        ----------
        pdf : callable
            Vectorised: maps an array of x to an array of densities >= 0.
        domain : (a, b)
            Where the density lives; a may be -inf and b +inf.
        center : float, optional
            A point where the density is positive, near the bulk of its mass.
            Needed only when the mass sits in a narrow region far from 0.
        u_resolution : float
            Target for the u-error |U - CDF(x(U))|; the default 1e-10 is SciPy's.

        Limits. Everything is learned from f at finitely many points, so a
        spike narrower than the gaps between quadrature nodes can be missed
        altogether; jumps and the edges of f's support are found (halving
        continues until the quadrature rules agree, and f is probed near
        every interval end), but each one costs some forty extra halvings.
        Mass that double precision cannot resolve (1/sqrt(1 - x) within
        1e-16 of x = 1, a peak of width 1e-3 at x = 1e6) is a ValueError,
        not a silently worse u-error.

        NaN. A NaN that ``pdf`` returns far outside the numerical support
        (as some of SciPy's densities do at x = 1e308) is read as zero
        density: the domain ends at the last probe before the innermost NaN,
        and is cut like an infinite tail, provided the density has died out
        before the NaN begins (less than 1e-13 of the mass beyond the probe
        one step further in). A NaN
        anywhere else is a ValueError naming x (rule: ``tails.find_center``).

        No silent miss. After building, the u-error is measured on every
        piece at 4 points between each pair of nodes, with the CDF from two
        quadrature rules that must agree (:func:`~scratchmeta.sampling.
        interpolation.self_check`); a piece that fails is split and refit.
        If the target still cannot be met, the ValueError says by how much.
        """
        f = checked_density(pdf)
        a, b = check_domain(domain)
        u_resolution = check_u_resolution(u_resolution)
        found = explore(f, pdf, a, b, center, u_resolution)
        pieces = refine(f, found.breakpoints, found.total_mass, u_resolution)
        # The tolerances are relative to the total mass. The shells' estimate
        # of it can be rough (a sharp kink inside a wide shell); if the pieces'
        # own, finer total is smaller, refine again against it.
        total = float(np.sum(pieces.mass))
        if total < 0.99 * found.total_mass:
            pieces = refine(f, found.breakpoints, total, u_resolution)
        if pieces.u_error_estimate > u_resolution:
            raise ValueError(
                f"from_density cannot reach a u-error of {u_resolution:g} near x = "
                f"{pieces.worst_x!r}: it reaches {pieces.u_error_estimate:.1e}, "
                f"{pieces.u_error_estimate / u_resolution:.1f} times the target; the density "
                "is too concentrated there for double precision, where neighbouring "
                "doubles already differ by more than that in CDF")
        support = (float(pieces.lo[0]), float(pieces.hi[-1]))
        return cls(PiecewiseInverse(pieces), None, support, found.tail_mass_dropped,
                   pieces=pieces, pdf=f, domain=(a, b))

    # --- the map and the sampler --------------------------------------------------

    @names_itself_as_method
    def from_uniforms(self, u):
        """x(U) for each uniform U in [0, 1]: the exact map, monotone in U."""
        u = check_uniforms(u)
        return self._inverse(u.ravel()).reshape(u.shape)

    @names_itself_as_method
    def ppf(self, u):
        """SciPy's name for :meth:`from_uniforms`: the (approximate) inverse CDF at u."""
        return self.from_uniforms(u)

    @names_itself_as_method
    def sample(self, size, rng):
        """Draw ``size`` samples x(U), with U from ``rng`` on (0, 1)."""
        rng = check_rng(rng)
        shape = check_size(size)
        if self._pieces is not None:                    # uniforms made chunk by chunk
            return self._inverse.draw(int(np.prod(shape, dtype=np.int64)), rng).reshape(shape)
        return self._inverse(open_uniforms(shape, rng).ravel()).reshape(shape)

    @names_itself_as_method
    def rvs(self, size=1, random_state=None):
        """SciPy's name for :meth:`sample`: ``random_state`` is a Generator or an int seed.

        ``size=None`` gives one draw as a float, as in SciPy.
        """
        rng = check_random_state(random_state)
        if size is None:
            return float(self.sample(1, rng)[0])
        return self.sample(size, rng)

    @names_itself_as_method
    def support(self):
        """(L, R): the smallest and largest x that the sampler can return."""
        return self._support

    # --- accuracy -----------------------------------------------------------------

    @names_itself_as_method
    def u_error(self, sample_size=100_000):
        """(max, mean) of |U - CDF(x(U))| over U = 0, 1 and a grid in between.

        Like SciPy's ``u_error``, but on the evenly spaced grid
        U = (k + 1/2) / sample_size plus both ends, so no generator is needed.
        ``from_ppf`` compares with the ``cdf`` it was given. ``from_density``
        computes the CDF independently of its own tables: SciPy's adaptive
        ``quad`` gives the mass of every interval and of the cut tails, and
        short Gauss-Legendre steps between the sorted x fill in the rest.
        """
        if not is_int(sample_size):
            raise TypeError(f"sample_size must be a positive int, got {seen(sample_size)}")
        if sample_size < 1:
            raise ValueError(f"sample_size must be a positive int, got {seen(sample_size)}")
        check_fits(f"sample_size={sample_size}", 4.0 * sample_size)
        u = np.concatenate([[0.0], (np.arange(sample_size) + 0.5) / sample_size, [1.0]])
        x = self._inverse(u)
        if self._pieces is not None:
            cdf = self._reference_cdf(x)
        elif self._cdf is not None:
            with np.errstate(divide="ignore", over="ignore", invalid="ignore"):   # x may be +-inf
                cdf = real_values("cdf", self._cdf(x), x.shape, "probability")
        else:
            raise ValueError("u_error needs the CDF: build the sampler with "
                             "from_ppf(ppf, cdf=...) or with from_density")
        err = np.abs(u - cdf)
        return UError(float(np.max(err)), float(np.mean(err)))

    def _reference_cdf(self, x):
        """CDF at x from quad on each interval plus Gauss-Legendre between sorted x."""
        f, (a, b), p = self._pdf, self._domain, self._pieces

        def quad(lo, hi):
            if lo >= hi:
                return 0.0
            value = scipy_integrate.quad(lambda t: f(np.array([t]))[0], lo, hi,
                                         epsabs=0.0, epsrel=1e-13, limit=200, full_output=1)
            return value[0]

        knots = np.append(p.lo, p.hi[-1])
        left, right = quad(a, knots[0]), quad(knots[-1], b)
        at_knot = left + np.concatenate([[0.0], np.cumsum([quad(lo, hi)
                                                           for lo, hi in zip(p.lo, p.hi)])])
        total = at_knot[-1] + right

        order = np.argsort(x, kind="stable")
        xs = x[order]
        k = np.clip(np.searchsorted(knots, xs, side="right") - 1, 0, p.lo.size - 1)
        # Each x integrates from its predecessor in the same interval, or from
        # the interval's left knot; partial sums restart at each interval.
        prev = np.concatenate([[knots[0]], xs[:-1]])
        first = np.concatenate([[True], k[1:] != k[:-1]])
        prev[first] = knots[k[first]]
        steps = integrate(f, prev, xs, 8)
        running = np.cumsum(steps)
        restart = np.maximum.accumulate(np.where(first, np.arange(xs.size), 0))
        within = running - running[restart] + steps[restart]
        cdf = np.empty_like(x)
        cdf[order] = (at_knot[k] + within) / total
        return cdf

    def __repr__(self):
        kind = "density" if self._pieces is not None else "ppf"
        return (f"ContinuousInverseCDF(from {kind}, support={self._support}, "
                f"tail_mass_dropped={self.tail_mass_dropped})")


class UError(NamedTuple):
    """(max_error, mean_absolute_error) of |U - CDF(x(U))|, as SciPy's u_error."""

    max_error: float
    mean_absolute_error: float
