"""Chapter 3, part 2: sampling a continuous distribution by its inverse CDF.

Lecture 22, section 2.1.2. The continuous case is the discrete one of eq. 22.7
with infinitely many, infinitely thin pieces: the piece that U lands in is the
point x with CDF(x) = U, so the sample is x(U) = CDF^{-1}(U). If U is uniform,
P(x(U) <= t) = P(U <= CDF(t)) = CDF(t), which is all the proof there is.

:class:`ContinuousInverseCDF` has two constructors:

* ``from_ppf(ppf, cdf=None)``: the inverse CDF (SciPy calls it the "percent
  point function") is known in closed form. ``closed_forms.py`` ships six.
* ``from_density(pdf, domain=(a, b))``: only a density is known, perhaps up
  to a constant. We find where its mass lives and cut infinite tails
  (``tails.py``), compute its CDF by quadrature and interpolate the inverse
  on intervals, halving them until the u-error is small enough
  (``interpolation.py``).

Accuracy is measured the way SciPy's ``NumericalInversePolynomial`` measures
it, by the u-error |U - CDF(x(U))|: how far the U that x(U) really belongs to
is from the U we asked about. A u-error of 1e-10 cannot be seen with fewer than
about 1e20 samples. :meth:`~ContinuousInverseCDF.u_error` reports it against
an independent CDF.

Where the tails are cut. ``from_density`` never returns x outside
``support = (L, R)``. On a finite end of the domain, L or R is that end and
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

from scratchmeta.sampling._checks import check_rng, check_size, check_uniforms, open_uniforms
from scratchmeta.sampling.interpolation import PiecewiseInverse, refine
from scratchmeta.sampling.quadrature import checked_density, integrate
from scratchmeta.sampling.tails import check_domain, explore


class ContinuousInverseCDF:
    """x(U) = CDF^{-1}(U) for uniform U (lecture 22, section 2.1.2).

    Build it with :meth:`from_ppf` or :meth:`from_density`, not directly.

    Attributes
    ----------
    support : (float, float)
        The smallest and largest x that ``from_uniforms`` can return.
    tail_mass_dropped : (float, float)
        Mass of the density left of ``support[0]`` and right of
        ``support[1]``, relative to its total (0 for ``from_ppf``).
    n_intervals : int
        ``from_density`` only: the number of polynomial pieces.
    """

    def __init__(self, inverse, cdf, support, tail_mass_dropped, *, pieces=None, pdf=None,
                 domain=None):
        self._inverse = inverse
        self._cdf = cdf
        self._pieces = pieces
        self._pdf = pdf
        self._domain = domain
        self.support = support
        self.tail_mass_dropped = tail_mass_dropped
        self.n_intervals = None if pieces is None else int(np.sum(pieces.mass > 0))

    # --- constructors -------------------------------------------------------------

    @classmethod
    def from_ppf(cls, ppf, cdf=None):
        """A sampler from a closed-form inverse CDF ``ppf`` (vectorised).

        ``cdf``, if given, is the CDF itself; :meth:`u_error` needs it.
        """
        if not callable(ppf):
            raise TypeError(f"ppf must be a callable inverse CDF, got {type(ppf).__name__}")
        if cdf is not None and not callable(cdf):
            raise TypeError(f"cdf must be callable or None, got {type(cdf).__name__}")

        def inverse(u):
            with np.errstate(divide="ignore", over="ignore"):   # ppf(0) may be -inf
                return np.asarray(ppf(u), dtype=np.float64)

        ends = inverse(np.array([0.0, 1.0]))
        return cls(inverse, cdf, (float(ends[0]), float(ends[1])), (0.0, 0.0))

    @classmethod
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
        """
        f = checked_density(pdf)
        a, b = check_domain(domain)
        if not 1e-14 <= u_resolution < 1e-2:
            raise ValueError(f"u_resolution must be in [1e-14, 1e-2), got {u_resolution!r}")
        found = explore(f, a, b, center, u_resolution)
        pieces = refine(f, found.breakpoints, found.total_mass, u_resolution)
        if pieces.u_error_estimate > u_resolution:
            raise ValueError(
                f"from_density cannot reach a u-error of {u_resolution:g} near x = "
                f"{pieces.worst_x!r} (estimated {pieces.u_error_estimate:.1e}): the density "
                "is too concentrated there for double precision, where neighbouring "
                "doubles already differ by more than that in CDF")
        support = (float(pieces.lo[0]), float(pieces.hi[-1]))
        return cls(PiecewiseInverse(pieces), None, support, found.tail_mass_dropped,
                   pieces=pieces, pdf=f, domain=(a, b))

    # --- the map and the sampler --------------------------------------------------

    def from_uniforms(self, u):
        """x(U) for each uniform U in [0, 1]: the exact map, monotone in U."""
        u = check_uniforms(u)
        return self._inverse(u.ravel()).reshape(u.shape)

    def sample(self, size, rng):
        """Draw ``size`` samples x(U), with U from ``rng`` on (0, 1)."""
        rng = check_rng(rng)
        shape = check_size(size)
        return self._inverse(open_uniforms(shape, rng).ravel()).reshape(shape)

    # --- accuracy -----------------------------------------------------------------

    def u_error(self, sample_size=100_000):
        """(max, mean) of |U - CDF(x(U))| over U = 0, 1 and a grid in between.

        Like SciPy's ``u_error``, but on the evenly spaced grid
        U = (k + 1/2) / sample_size plus both ends, so no generator is needed.
        ``from_ppf`` compares with the ``cdf`` it was given. ``from_density``
        computes the CDF independently of its own tables: SciPy's adaptive
        ``quad`` gives the mass of every interval and of the cut tails, and
        short Gauss-Legendre steps between the sorted x fill in the rest.
        """
        if not (isinstance(sample_size, (int, np.integer)) and sample_size >= 1):
            raise ValueError(f"sample_size must be a positive int, got {sample_size!r}")
        u = np.concatenate([[0.0], (np.arange(sample_size) + 0.5) / sample_size, [1.0]])
        x = self._inverse(u)
        if self._pieces is not None:
            cdf = self._reference_cdf(x)
        elif self._cdf is not None:
            with np.errstate(divide="ignore", over="ignore"):   # x may be +-inf
                cdf = np.asarray(self._cdf(x), dtype=np.float64)
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
        return (f"ContinuousInverseCDF(from {kind}, support={self.support}, "
                f"tail_mass_dropped={self.tail_mass_dropped})")


class UError(NamedTuple):
    """(max_error, mean_absolute_error) of |U - CDF(x(U))|, as SciPy's u_error."""

    max_error: float
    mean_absolute_error: float
