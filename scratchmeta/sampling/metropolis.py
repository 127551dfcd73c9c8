"""Chapter 3, part 3: sampling by a random walk (Metropolis).

Lecture 22, section 2.2, the second way to sample: no CDF at all. Design a
random walk that, left to run long enough, spends time in each region in
proportion to the target's mass there, and record its positions. The
Metropolis walk needs the target density pi only up to a constant, through
``log_density``:

1. From the current x propose y = x + step_size * xi, xi ~ N(0, I). The
   proposal is symmetric: y is as likely from x as x is from y.
2. Accept y with probability min(1, pi(y) / pi(x)); otherwise stay at x.

Detailed balance holds: the flow from x to y, pi(x) q(y|x) min(1, pi(y)/pi(x))
= q(y|x) min(pi(x), pi(y)), is symmetric in x and y; so pi is stationary.
(``finite_chain.py`` builds this chain exactly on N states, where tests
can check both facts to rounding error.)

This implementation runs many chains at once: x has shape (chains, dim) and
every step is a handful of array operations on all chains.

**Step size.** Too small a step is almost always accepted but crawls; too
large a step is almost always rejected. For Gaussian-like targets the best
trade-off accepts about 44% of proposals in one dimension, falling to 23.4%
as the dimension grows (Gelman, Roberts and Gilks 1996; Roberts, Gelman and
Gilks 1997). :func:`optimal_acceptance` interpolates between the two. During
warm-up only, the log step size follows a Robbins-Monro recursion toward it,

    log h_{t+1} = log h_t + t**-0.6 (mean acceptance probability_t - target),

pooled over chains, and the step used afterwards is the average of log h over
the second half of warm-up. Then it is frozen: the kept steps come from a true
Metropolis chain with a fixed proposal, so the argument above applies to them.
Adapting for ever would break it.

**Edge cases.** A proposal whose log-density is NaN is rejected. A chain
that starts where the log-density is -inf (density zero) or NaN has no
acceptance ratio, and is a ValueError; so is a log-density of +inf, and a
complex or non-numeric one (TypeError). A chain that never moves during the
kept steps (a log-density NaN everywhere but the start, or a step far too
large) gives a RuntimeWarning that counts the NaN proposals.

**Diagnostics.** The result carries split-R-hat and bulk ESS per dimension
(``diagnostics.py``). They sort every draw, which costs more than the
sampling itself for large runs, so they are computed when first read.
"""

from dataclasses import dataclass, field
from functools import cached_property
import math

import numpy as np

from scratchmeta.sampling.checks import (call_user, check_fits, check_function, check_real,
                                          check_rng, check_steps, fits_float64, is_real,
                                          real_array, shown)
from scratchmeta.sampling.quadrature import real_values
from scratchmeta.sampling.diagnostics import diagnose
from scratchmeta.messages import (drifted, named, names_itself, ndim, out_of_scale, seen, swapped,
                                  warn_user)

ADAPT_EXPONENT = 0.6     # Robbins-Monro gains t**-0.6: sum diverges, sum of squares converges


@names_itself
def optimal_acceptance(dim):
    """Target acceptance rate for a random-walk proposal in ``dim`` dimensions.

    0.234 + 0.206 / dim**0.8: exactly 0.44 for dim = 1, about 0.35 for dim = 2
    and 0.32 for dim = 3 (close to the values Gelman, Roberts and Gilks found
    for Gaussian targets), and 0.234 in the limit of high dimension.
    ``dim`` must be an int >= 1.
    """
    dim = _check_int("dim", dim, 1)
    return 0.234 + 0.206 / float(dim) ** 0.8


@dataclass(frozen=True, eq=False)
class MetropolisResult:
    """Output of :func:`metropolis`.

    Attributes
    ----------
    samples : ndarray, shape (chains, n_steps, dim)
        The states after each kept step (warm-up excluded). It is a
        transposed view of a (n_steps, chains, dim) buffer, so that each
        step is stored with one contiguous write.
    acceptance_rate : ndarray, shape (chains,)
        Fraction of accepted proposals per chain over the kept steps.
    step_size : float
        The frozen proposal scale h used for every kept step.
    target_acceptance : float
        The acceptance rate warm-up steered toward.
    last_log_density : ndarray, shape (chains,)
        log_density at each chain's final state (to continue a run).
    r_hat, ess : ndarray, shape (dim,)
        Rank-normalised split-R-hat and bulk effective sample size per
        dimension (computed on first access).
    """

    samples: np.ndarray
    acceptance_rate: np.ndarray
    step_size: float
    target_acceptance: float
    last_log_density: np.ndarray = field(repr=False)   # (chains,), at the final states

    @cached_property
    def _diagnostics(self):
        return diagnose(self.samples)

    @property
    def r_hat(self):
        return self._diagnostics[0]

    @property
    def ess(self):
        return self._diagnostics[1]


def _log_density(log_density, x, chains):
    """Call the user's log-density and check its type, shape and values."""
    out = call_user("log_density", log_density, x,
                    "one log-density per chain, an array of shape (chains,)")
    lp = np.asarray(out)
    if lp.dtype == bool:       # an indicator is a density (pdf), not a log-density (0 or 1)
        raise TypeError(f"{named('log_density', log_density)} must return log-densities, real "
                        "numbers, but it returned booleans; for the indicator of a set A, return "
                        "np.where(in_A, 0.0, -np.inf)")
    if lp.shape != (chains,):
        raise ValueError(f"{named('log_density', log_density)} must map an array of shape "
                         f"(chains, dim) to shape (chains,), i.e. {(chains,)}; it returned "
                         f"shape {lp.shape}: {shown(out)}")
    lp = real_values("log_density", lp, (chains,), "log-density", log_density)
    if lp.max() == np.inf:
        i = int(np.flatnonzero(lp == np.inf)[0])
        raise ValueError(f"{named('log_density', log_density)} returned +inf at "
                         f"{x[i].tolist()}; the target must "
                         "be a finite density (log-density < +inf)")
    return lp


def _check_real(name, value):
    """A real number (not a bool, string or complex), as float, or TypeError naming it."""
    if not fits_float64(value):             # a long double past float64: said as such
        check_real(name, value)
    if not is_real(value):
        shown = seen(value) + ("" if isinstance(value, type) else f" ({type(value).__name__})")
        raise TypeError(f"{name} must be a real number, got {shown}")
    return float(value)


MAX_WALK = 10 ** 9          # steps of one walk, warm-up included: about ten hours here


def _check_int(name, value, smallest):
    return check_steps(name, value, smallest)


@names_itself
def metropolis(log_density, x0, n_steps, rng, *, n_warmup=None, step_size=None,
               target_acceptance=None):
    """Gaussian random-walk Metropolis on many chains at once.

    Parameters
    ----------
    log_density : callable
        Maps x of shape (chains, dim) to log pi(x) of shape (chains,), up to
        an additive constant. NaN counts as a rejection.
    x0 : array, shape (chains, dim)
        Starting points, one row per chain. Scattered starts make R-hat useful.
    n_steps : int
        Number of kept steps (at least 4, so that chains can be split in two).
    rng : numpy.random.Generator
    n_warmup : int, optional
        Steps run first, while the step size adapts, and then discarded.
        Defaults to ``n_steps``.
    step_size : float, optional
        Initial proposal scale; default 2.38 / sqrt(dim), the optimal scale
        for a standard normal target. With ``n_warmup=0`` it is used as is.
    target_acceptance : float, optional
        Defaults to :func:`optimal_acceptance` (dim).
    """
    check_function(log_density, "log_density", "callable")
    if ndim(x0) == 0 and ndim(n_steps) >= 1:      # metropolis(f, 20, x0, rng)
        raise TypeError("metropolis: x0 must be the chains' start, shape (chains, dim), and "
                        "n_steps an int" + swapped("metropolis", ("log_density", "x0",
                                                                 "n_steps", "rng"),
                                                   {"x0": x0, "n_steps": np.asarray(n_steps)}))
    x = np.array(real_array("x0", x0))                  # a copy: we move it in place
    if x.ndim != 2 or x.shape[0] < 1 or x.shape[1] < 1:
        raise ValueError(f"x0 must have shape (chains, dim), got shape {x.shape}; "
                         "for one chain in one dimension use [[x]]")
    if not np.all(np.isfinite(x)):
        bad = x[~np.isfinite(x)].flat[0]
        raise ValueError(f"x0 must be finite (a start for every chain), got {seen(bad)}")
    n_steps = _check_int("n_steps", n_steps, 4)
    n_warmup = n_steps if n_warmup is None else _check_int("n_warmup", n_warmup, 0)
    rng = check_rng(rng)
    chains, dim = x.shape
    check_fits(f"n_steps = {n_steps} kept steps of {chains} chain(s) in {dim} dimension(s)",
               float(n_steps) * chains * dim)
    if n_warmup + n_steps > MAX_WALK:               # a typo: refused before any step
        raise ValueError(f"n_warmup + n_steps = {n_warmup} + {n_steps} steps is far past any "
                         f"use: each step is a turn of a Python loop (tens of microseconds), "
                         f"so {MAX_WALK:,} steps already take hours; at most {MAX_WALK:,}")
    h = 2.38 / np.sqrt(dim) if step_size is None else _check_real("step_size", step_size)
    if not (np.isfinite(h) and h > 0.0):
        raise ValueError(f"step_size must be a positive finite number, got {seen(step_size)}")
    if out_of_scale("step_size", h):
        raise ValueError(out_of_scale("step_size", h, "step size"))
    log_h = math.log(h)
    target = (optimal_acceptance(dim) if target_acceptance is None
              else _check_real("target_acceptance", target_acceptance))
    if not 0.0 < target < 1.0:
        raise ValueError(f"target_acceptance must be in (0, 1), got {seen(target_acceptance)}")

    try:
        lp = _log_density(log_density, x, chains)
    except ValueError as error:                         # say where: at the starting points
        raise ValueError(f"{error} (called at x0 = {seen(x.tolist(), 120)})") from error
    # Read twice, at x0 and one unit away (a log-density of 0 at x0 would hide a drift by a
    # factor), as a density is (quadrature.py): a value that changes between calls is no
    # function of x, and the walk would not say so.
    shifted = x + 1.0
    for at, first in ((x, lp), (shifted, _log_density(log_density, shifted, chains))):
        again = _log_density(log_density, at, chains)
        fault = drifted("log_density", log_density, at, first, again)
        if fault:
            raise ValueError(fault)
    if not np.all(np.isfinite(lp)):
        bad = np.flatnonzero(~np.isfinite(lp))
        raise ValueError(
            "x0 must start every chain where the target density is positive, but "
            f"{bad.size} chain(s) start where log_density is -inf or NaN (first: chain "
            f"{bad[0]} at {x[bad[0]].tolist()}, value {lp[bad[0]]})")

    out = np.empty((n_steps, chains, dim))              # step-major: contiguous writes
    accepted = np.zeros(chains)
    nan_proposals, finite_proposals = 0, 0
    proposal = np.empty_like(x)
    log_h_sum, log_h_count = 0.0, 0
    for t in range(n_warmup + n_steps):
        # 1. Propose y = x + h * xi.
        rng.standard_normal(out=proposal)
        proposal *= h
        proposal += x
        lp_new = _log_density(log_density, proposal, chains)
        # 2. Accept with probability min(1, pi(y) / pi(x)): compare log U with
        # the log ratio, drawing log U as -Exponential(1). A NaN ratio compares
        # False, so a NaN log-density is a rejection.
        log_ratio = lp_new - lp
        nan_proposals += int(np.isnan(lp_new).sum())
        finite_proposals += int(np.isfinite(lp_new).sum())
        accept = -rng.standard_exponential(chains) < log_ratio
        np.copyto(x, proposal, where=accept[:, None])
        np.copyto(lp, lp_new, where=accept)

        if t < n_warmup:
            # Robbins-Monro on log h, toward the target acceptance. The mean
            # acceptance *probability* min(1, exp(log_ratio)) is less noisy
            # than the 0/1 outcomes; fmax turns a NaN ratio into -inf (0).
            with np.errstate(under="ignore"):       # a tiny probability is 0: no error
                prob = np.exp(np.minimum(np.fmax(log_ratio, -np.inf), 0.0))
            log_h += (t + 1) ** -ADAPT_EXPONENT * (prob.sum() / chains - target)
            if t >= n_warmup // 2:
                log_h_sum, log_h_count = log_h_sum + log_h, log_h_count + 1
            # Freeze: from the first kept step on, h never changes again.
            h = math.exp(log_h_sum / log_h_count if t == n_warmup - 1 else log_h)
        else:
            out[t - n_warmup] = x
            accepted += accept

    stuck = np.flatnonzero(accepted == 0)
    if stuck.size == chains and not finite_proposals and not nan_proposals:   # all -inf
        raise ValueError(f"{named('log_density', log_density)} was -inf at every one "
                         f"of the {(n_warmup + n_steps) * chains} proposals, finite only at "
                         f"the starts x0: its support has no volume around them (a discrete "
                         f"distribution's logpmf, -inf off the integers?); metropolis samples "
                         f"continuous densities, so no chain ever moved")
    if stuck.size:
        warn_user(
            f"{stuck.size} of {chains} chain(s) never moved in the {n_steps} kept steps "
            f"(first: chain {stuck[0]}, acceptance 0); {nan_proposals} of the "
            f"{(n_warmup + n_steps) * chains} proposals had a NaN log-density. Their draws "
            "are not samples of the target: check log_density (use -inf, not NaN, where "
            "the density is zero) and step_size")
    return MetropolisResult(samples=out.transpose(1, 0, 2),
                            acceptance_rate=accepted / n_steps,
                            step_size=float(h),
                            target_acceptance=target,
                            last_log_density=lp)
