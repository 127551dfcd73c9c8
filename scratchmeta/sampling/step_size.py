"""Chapter 3, part 3e: the step size of a random walk, against acceptance and ESS.

Lecture 22, section 2.2: too small a step is almost always accepted but
crawls; too large a step is almost always rejected. This file measures the
trade-off on a standard normal target at fixed step sizes h = l / sqrt(d),
and gives the exact acceptance rates it should follow:

* in one dimension, acceptance = (2 / pi) arctan(2 / h) (:func:`acceptance_1d`);
* as d -> infinity, acceptance -> 2 Phi(-l / 2) (Roberts, Gelman and Gilks
  1997; :func:`acceptance_limit`).

ESS per step peaks near an acceptance of 0.44 in 1-D and 0.234 in high
dimension (``metropolis.optimal_acceptance``). ``figures/sampling_step_size.py``
draws these numbers.
"""

import numpy as np
from scipy.special import ndtr

from scratchmeta.messages import names_itself
from scratchmeta.sampling.checks import (check_fits, check_named_runs, check_positive, check_rng,
                                          check_steps, check_vectors)
from scratchmeta.sampling.diagnostics import diagnose
from scratchmeta.sampling.metropolis import metropolis, optimal_acceptance


@names_itself
def acceptance_1d(h):
    """Exact acceptance rate of the random walk x + h xi on a standard normal target.

    The acceptance rate is the integral of q(y | x) min(pi(x), pi(y)); the min
    is pi(y) where |y| > |x|, and by symmetry the two halves are equal, so it is
    2 P(|X + h xi| < |X|) for X ~ N(0, 1). That event is A B < 0 for the jointly
    normal A = h xi, B = 2X + h xi, whose correlation is rho = h / sqrt(4 + h**2),
    and P(A B < 0) = 1/2 - arcsin(rho) / pi = 1/2 - arctan(h / 2) / pi. Hence

        acceptance = 1 - (2 / pi) arctan(h / 2) = (2 / pi) arctan(2 / h).
    """
    return 2.0 / np.pi * np.arctan(2.0 / check_positive("h", h))


@names_itself
def acceptance_limit(scaled):
    """Roberts, Gelman and Gilks (1997): 2 Phi(-l / 2) for h = l / sqrt(d), d -> infinity."""
    return 2.0 * ndtr(-check_positive("scaled", scaled, zero=True) / 2.0)


@names_itself
def peak(scaled, ess):
    """Where ESS per step peaks: the vertex of a parabola through the best grid point and
    its two neighbours, in (log l, log ESS); the grid point itself if it is at an end."""
    scaled, ess = check_positive("scaled", scaled), check_positive("ess", ess)
    check_vectors(scaled=scaled, ess=ess)
    best = int(np.argmax(ess))
    if best in (0, ess.size - 1):
        return float(scaled[best])
    x, y = np.log(scaled[best - 1:best + 2]), np.log(ess[best - 1:best + 2])
    a, b, _ = np.polyfit(x, y, 2)
    return float(np.exp(-b / (2 * a)))


@names_itself
def fixed_step_chains(dim, scaled, chains, steps, rng):
    """Metropolis on N(0, I_dim) at each fixed step h_j = l_j / sqrt(dim), in one run.

    A change of variables puts all step sizes into one call of
    :func:`metropolis`: the walk x + h_j xi on N(0, I) is, in y = x / h_j, the
    walk y + xi on N(0, I / h_j**2). So chain group j samples y with target
    log-density -|h_j y|**2 / 2 and step 1, and x = h_j y is exactly the chain
    with step h_j. Running all groups in one call makes every step one set of
    array operations instead of one per step size (about ten times faster).
    Chains start at exact draws from the target, so there is no transient to
    discard (``n_warmup=0``: the step sizes never change).

    Returns x of shape (groups, chains, steps, dim) and acceptance (groups,).
    """
    check_steps("dim", dim, 1), check_steps("chains", chains, 1), check_rng(rng)
    check_steps("steps", steps, 4), check_vectors(scaled=check_positive("scaled", scaled))
    check_fits(f"{np.size(scaled)} step sizes x chains = {chains} x steps = {steps} x dim = {dim}",
               float(np.size(scaled)) * chains * steps * dim)
    h = np.repeat(check_positive("scaled", scaled) / np.sqrt(dim), chains)[:, None]
    x0 = rng.standard_normal((h.size, dim))
    res = metropolis(lambda y: -0.5 * np.sum((h * y) ** 2, axis=1), x0 / h, steps, rng,
                     n_warmup=0, step_size=1.0)
    x = (res.samples * h[:, :, None]).reshape(len(scaled), chains, steps, dim)
    return x, res.acceptance_rate.reshape(len(scaled), chains).mean(axis=1)


@names_itself
def step_size_sweep(scaled, chains, steps, dims, rngs):
    """Acceptance rate and ESS per step at fixed steps h = l / sqrt(d), for each d in ``dims``.

    ``dims`` = {name: d}; one generator per name from ``rngs``. ESS is the bulk
    ESS per coordinate (all alike for N(0, I)), averaged over coordinates, per draw.
    """
    if np.ndim(scaled) == 0:                            # one number, not a grid: as given
        check_vectors(scaled=scaled)
    scaled = check_positive("scaled", scaled)
    rngs = check_named_runs("dims", dims, rngs, "{'d1': 1}")
    check_vectors(scaled=scaled), check_steps("chains", chains, 1), check_steps("steps", steps, 4)
    for name, dim in dims.items():                      # every run's, before the first runs
        check_steps(f"dims[{name!r}]", dim, 1)
    out = {"scaled_step": scaled, "chains": chains, "steps": steps}
    for (name, dim), rng in zip(dims.items(), rngs):
        x, acc = fixed_step_chains(dim, scaled, chains, steps, rng)
        ess = np.array([diagnose(group)[1].mean() for group in x]) / (chains * steps)
        best = peak(scaled, ess)
        out[name] = {"dim": dim, "step_size": scaled / np.sqrt(dim), "acceptance": acc,
                     "ess_per_step": ess, "best": int(np.argmax(ess)), "peak_scaled_step": best,
                     # acceptance at the peak, interpolated in log l between grid points
                     "acceptance_at_peak": float(np.interp(np.log(best), np.log(scaled), acc)),
                     "optimal_acceptance": optimal_acceptance(dim)}
    return out
