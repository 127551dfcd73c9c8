"""Chapter 3, part 3d: how far a random walk is from its target after n steps.

Lecture 22, section 2.2: the walk's positions become samples of the target
only in the long run. To watch that happen, run many chains from one bad
starting point and compare the histogram of where they are after n steps
with the target, bin by bin, by the total-variation distance

    TV = 1/2 sum_b |n_b / N - pi(b)|,

with pi(b) the exact mass of bin b (from the target's CDF) and the two tails
beyond the outer edges counted as bins of their own. Even N exact draws do
not give TV = 0: :func:`noise_floor` is the mean TV of N exact draws, the
level below which no sampler's histogram can be told from the target.
``figures/sampling_metropolis_walk.py`` draws these numbers.
"""

import numpy as np

from scratchmeta.sampling.checks import (call_user, check_cdf_values, check_draws, check_edges,
                                          check_fits, check_function, check_named_runs,
                                          check_positive, check_real, check_rng, check_steps,
                                          finite_array)
from scratchmeta.sampling.metropolis import metropolis
from scratchmeta.messages import named, names_itself


@names_itself
def bin_masses(edges, cdf):
    """Exact mass of [edges[i], edges[i+1]) and of the two tails: (masses, left, right)."""
    edges = check_edges(edges)
    c = check_cdf_values(named("cdf", cdf), call_user("cdf", check_function(cdf, "cdf"), edges),
                         edges)
    return np.diff(c), float(c[0]), float(1.0 - c[-1])


def _exact_with_tails(edges, cdf):
    masses, left, right = bin_masses(edges, cdf)
    return np.concatenate([[left], masses, [right]])


@names_itself
def total_variation(samples, edges, cdf):
    """TV between the histogram of ``samples`` (last axis) and the exact bin masses.

    ``samples`` may have leading axes (e.g. one row per step); the result has
    those axes. Values beyond the outer edges count in two tail bins.
    """
    x, exact = check_draws("samples", samples), _exact_with_tails(edges, cdf)   # both checked
    n, edges = x.shape[-1], np.asarray(edges, dtype=float)
    # Bin index 0 = left tail, 1..B = the bins, B + 1 = right tail.
    idx = np.searchsorted(edges, x, side="right").reshape(-1, n)
    _check_some_inside("samples", idx, edges, x)
    counts = np.stack([np.bincount(row, minlength=edges.size + 1) for row in idx])
    tv = 0.5 * np.abs(counts / n - exact).sum(axis=1)
    return tv.reshape(x.shape[:-1])


def _check_some_inside(name, idx, edges, x):
    """Some draw lies within the edges: with every one in the two tail bins the distance
    compares tail masses alone, and says nothing of the histogram the edges were meant for."""
    if np.all((idx == 0) | (idx == edges.size)):
        raise ValueError(f"edges [{edges[0]!r}, {edges[-1]!r}] hold none of the {x.size} draws "
                         f"of {name}, which lie in [{float(np.min(x))!r}, {float(np.max(x))!r}]: "
                         f"the distance would compare tail masses alone; give edges that "
                         f"cover the draws")


@names_itself
def pooled_total_variation(x, edges, cdf):
    """TV of all draws of steps 1..n pooled, for every n: x has shape (chains, steps)."""
    x, exact = check_draws("x", x, ndim=2), _exact_with_tails(edges, cdf)    # both checked
    (chains, steps), edges = x.shape, np.asarray(edges, dtype=float)
    idx = np.searchsorted(edges, x, side="right")
    _check_some_inside("x", idx, edges, x)
    per_step = np.stack([np.bincount(col, minlength=edges.size + 1) for col in idx.T])
    pooled = np.cumsum(per_step, axis=0) / (chains * np.arange(1, steps + 1))[:, None]
    return 0.5 * np.abs(pooled - exact).sum(axis=1)


@names_itself
def noise_floor(n, repeats, sampler, edges, cdf, rng):
    """Mean TV of the histogram of n exact draws (``sampler.sample``) to the target."""
    check_steps("n", n, 1), check_steps("repeats", repeats, 1), check_rng(rng)
    if not callable(getattr(sampler, "sample", None)):
        raise TypeError(f"sampler must be a sampler with a method sample(n, rng), e.g. a "
                        f"ContinuousInverseCDF, got {type(sampler).__name__} {sampler!r:.60}")
    bin_masses(edges, cdf)                       # edges and cdf, checked before any draw
    return float(np.mean([total_variation(_draws(sampler, n, rng), edges, cdf)
                          for _ in range(repeats)]))


def _draws(sampler, n, rng):
    """``sampler.sample(n, rng)``, checked: n finite numbers (named as the sampler's)."""
    x = call_user("sampler.sample", lambda n: sampler.sample(n, rng), n,
                  f"n = {n} draws, an array of shape ({n},)")
    x = finite_array("sampler.sample(n, rng)", x, "n draws, finite numbers")
    if x.shape != (n,):
        raise ValueError(f"sampler.sample(n, rng) must return n = {n} draws, shape ({n},), "
                         f"got shape {x.shape}")
    return x


@names_itself
def walks_from_one_start(log_density, start, step_sizes, chains, steps, edges, cdf, rngs):
    """Chains from x = ``start`` at fixed step sizes (no warm-up); TV after each step.

    Returns {name: {"step_size", "acceptance", "tv" (per step), "x" (chains, steps)}}
    for ``step_sizes`` = {name: h}, one generator per name from ``rngs``.
    """
    check_steps("chains", chains, 1), check_steps("steps", steps, 4), bin_masses(edges, cdf)
    check_function(log_density, "log_density", "callable")
    check_fits(f"chains = {chains} chains of steps = {steps} steps", 2.0 * chains * steps)
    rngs = check_named_runs("step_sizes", step_sizes, rngs, "{'tuned': 2.4}")
    for name, h in step_sizes.items():                  # every run's, before the first runs
        check_positive(f"step_sizes[{name!r}]", check_real(f"step_sizes[{name!r}]", h))
    x0 = np.full((chains, 1), check_real("start", start, finite=True))
    runs = {}
    for (name, h), rng in zip(step_sizes.items(), rngs):
        res = metropolis(log_density, x0, steps, rng, n_warmup=0, step_size=h)
        x = res.samples[:, :, 0]                               # (chains, steps)
        runs[name] = {"step_size": float(h), "acceptance": float(res.acceptance_rate.mean()),
                      "tv": total_variation(x.T, edges, cdf), "x": x}
    return runs
