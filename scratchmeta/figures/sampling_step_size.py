"""sampling_step_size.png: acceptance rate and ESS per step against a fixed step size.

Lecture 22, section 2.2. Random-walk Metropolis on a standard normal target
in 1 and in ``high_dim`` dimensions at fixed step sizes, with the exact
acceptance curves and the optimal acceptance rates 0.44 and 0.234 of Gelman,
Roberts and Gilks (1996) and Roberts, Gelman and Gilks (1997) marked. The
experiment is :mod:`scratchmeta.sampling.step_size`; this module only runs
and draws it.
"""

import numpy as np
from matplotlib.ticker import NullFormatter

from scratchmeta.figures import style
from scratchmeta.sampling.checks import check_positive, check_vectors
from scratchmeta.sampling.step_size import acceptance_1d, acceptance_limit, step_size_sweep
from scratchmeta.messages import seen

FULL = dict(sweep_scaled=np.geomspace(0.25, 6.0, 15), sweep_chains=16, sweep_steps=10_000,
            high_dim=10)
QUICK = dict(sweep_scaled=np.geomspace(0.25, 6.0, 9), sweep_chains=16, sweep_steps=2000,
             high_dim=10)


def sweep(cfg, seed):
    """The step-size sweep for d = 1 and d = high_dim, seeded as the figure always was."""
    style.check_settings(cfg, FULL), style.check_seed(seed)
    return step_size_sweep(cfg["sweep_scaled"], cfg["sweep_chains"], cfg["sweep_steps"],
                           {"d1": 1, "high": cfg["high_dim"]},
                           [np.random.default_rng([seed, 40 + k]) for k in range(2)])


def log_ticks(ax, values):
    """Plain-number ticks 0.25, 0.5, 1, 2, 4, ... on a log x-axis spanning ``values``."""
    style.check_axes(ax)
    values = check_positive("values", values)           # finite and > 0: a log axis
    check_vectors(values=values)                        # 1-D, not empty
    if not np.all(np.diff(values) >= 0):
        raise ValueError(f"values must be increasing (the points along the axis, left to "
                         f"right), got {seen(values, 80)}")
    ticks = [t for t in (0.1, 0.25, 0.5, 1, 2, 4, 8, 16) if values[0] <= t <= values[-1]]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_formatter(NullFormatter())


def draw(out_dir, s):
    """sampling_step_size.png: acceptance and ESS per step against l, and ESS against acceptance."""
    style.check_record("s", s, ("scaled_step", "chains", "steps", "d1", "high"))
    fig, axes = style.subplots(1, 3, size="wide3")
    ell = s["scaled_step"]
    fine = np.geomspace(ell[0], ell[-1], 300)
    colors = {"d1": style.COLORS["maml"], "high": style.COLORS["closed_form"]}
    names = {"d1": "d = 1", "high": f"d = {s['high']['dim']}"}

    ax = axes[0]
    for key in ["d1", "high"]:
        ax.plot(ell, s[key]["acceptance"], "o", color=colors[key],
                label=f"{names[key]}: measured")
    ax.plot(fine, acceptance_1d(fine), color=colors["d1"], lw=1.2,
            label=r"d = 1 exact: $\frac{2}{\pi}\arctan(2/h)$")
    ax.plot(fine, acceptance_limit(fine), color=colors["high"], lw=1.2, ls="--",
            label=r"d → ∞ limit: $2\Phi(-\ell/2)$")
    ax.set(xscale="log", xlabel=r"scaled step size $\ell = h\sqrt{d}$",
           ylabel="acceptance rate", ylim=(0, 1.02),
           title="Acceptance falls as the step grows")
    ax.legend(loc="lower left")
    log_ticks(ax, ell)

    ax = axes[1]
    for key in ["d1", "high"]:
        r = s[key]
        ax.plot(ell, r["ess_per_step"], "o-", color=colors[key],
                label=f"{names[key]}: bulk ESS per draw (mean over coordinates)")
        ax.axvline(r["peak_scaled_step"], color=colors[key], ls=":", lw=1.5,
                   label=f"{names[key]}: peak at ℓ = {r['peak_scaled_step']:.2f} "
                         f"(acceptance {r['acceptance_at_peak']:.2f})")
    ax.set(xscale="log", yscale="log", xlabel=r"scaled step size $\ell = h\sqrt{d}$",
           ylabel="ESS per step", title="Too small crawls, too large stays put")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), fontsize=8)
    log_ticks(ax, ell)

    ax = axes[2]
    for key, target, what in [("d1", 0.44, "1-D optimum 0.44"),
                              ("high", 0.234, "high-D limit 0.234")]:
        r = s[key]
        ax.plot(r["acceptance"], r["ess_per_step"] / r["ess_per_step"].max(), "o-",
                color=colors[key], label=names[key])
        ax.axvline(target, color=colors[key], ls=":", lw=1.5, label=what)
    ax.set(xlabel="acceptance rate", ylabel="ESS per step / its largest value", xlim=(0, 1),
           ylim=(0, 1.05), title="The sweet spot in acceptance rate")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), fontsize=8, ncol=2)
    fig.suptitle(f"Random-walk Metropolis on N(0, I) at fixed step sizes (no warm-up): "
                 f"{s['chains']} chains × {s['steps']:,} steps per step size")
    return style.save(fig, out_dir, "sampling_step_size")


def make(out_dir, *, quick=False, seed=0):
    """Draw sampling_step_size.png; return the numbers behind it."""
    s = sweep(QUICK if quick else FULL, seed)
    return {"files": [draw(out_dir, s)], "step_size": s}
