"""sampling_metropolis_walk.png: a random walk whose stationary distribution is the target.

Lecture 22, section 2.2. The bimodal mixture of ``sampling_continuous`` sampled
by Metropolis. All chains start at x = -6, far in the left tail: a few of
their paths; the histogram of where the chains are after n steps, for
growing n, against the target; and the total-variation distance between
that histogram and the target against n, for three fixed step sizes, with
the noise floor of as many exact draws. The experiment is
:mod:`scratchmeta.sampling.mixing`; this module only runs and draws it.
"""

import numpy as np
from scipy.special import logsumexp

from scratchmeta.figures import style
from scratchmeta.sampling import ContinuousInverseCDF, metropolis
from scratchmeta.sampling.mixing import (noise_floor, pooled_total_variation,
                                         walks_from_one_start)
from scratchmeta.testing.densities import figure_mixture

FULL = dict(walk_chains=4000, walk_steps=1000, floor_repeats=20)
QUICK = dict(walk_chains=1000, walk_steps=300, floor_repeats=10)

MIXTURE = figure_mixture()              # 0.35 N(-2.5, 0.6^2) + 0.65 N(2, 0.7^2)
WEIGHTS, MEANS, SDS = np.array([0.35, 0.65]), np.array([-2.5, 2.0]), np.array([0.6, 0.7])
WALK_START = -6.0
WALK_BINS = np.linspace(-7.0, 7.0, 57)  # width 0.25: TV is measured on these bins
SMALL_STEP, LARGE_STEP = 0.3, 30.0      # too small and too large, next to the tuned one
SNAPSHOTS = (2, 10, 30)                 # steps whose histograms are drawn, plus the last


@np.errstate(under="ignore")            # exp of far-out z**2 is 0 to us: never an error
def mixture_log_density(x):
    """log pi(x) up to a constant for Metropolis: x has shape (chains, 1)."""
    x = style.check_numbers("x", x, (None, 1), "chains' positions (chains, 1)")
    z = (x[:, 0:1] - MEANS) / SDS
    return logsumexp(np.log(WEIGHTS / SDS) - 0.5 * z ** 2, axis=1)


def walk(cfg, seed):
    """Chains from x = -6 at three fixed step sizes; TV of where they are after n steps."""
    style.check_settings(cfg, FULL), style.check_seed(seed)
    chains, steps = cfg["walk_chains"], cfg["walk_steps"]
    # The step size warm-up would pick (target acceptance 0.44 in 1-D), from a
    # separate tuning run; the walks themselves use fixed steps (n_warmup=0).
    tuned = metropolis(mixture_log_density, np.zeros((64, 1)), 200,
                       np.random.default_rng([seed, 30])).step_size
    steps_by_name = {"tuned": tuned, "small": SMALL_STEP, "large": LARGE_STEP}
    runs = walks_from_one_start(mixture_log_density, WALK_START, steps_by_name, chains, steps,
                                WALK_BINS, MIXTURE.cdf,
                                [np.random.default_rng([seed, 31 + k]) for k in range(3)])
    runs["tuned"]["tv_pooled"] = pooled_total_variation(runs["tuned"]["x"], WALK_BINS,
                                                        MIXTURE.cdf)
    exact = ContinuousInverseCDF.from_density(MIXTURE.pdf)
    floor = noise_floor(chains, cfg["floor_repeats"], exact, WALK_BINS, MIXTURE.cdf,
                        np.random.default_rng([seed, 35]))
    snapshots = [n for n in SNAPSHOTS if n < steps] + [steps]
    return {"runs": runs, "n": np.arange(1, steps + 1), "tv_floor": floor,
            "snapshots": snapshots, "chains": chains,
            "snapshot_tv": {n: float(runs["tuned"]["tv"][n - 1]) for n in snapshots}}


def draw(out_dir, w):
    """sampling_metropolis_walk.png: paths, TV against steps, histograms after n steps."""
    style.check_record("w", w, ("runs", "n", "tv_floor", "snapshots", "chains", "snapshot_tv"))
    runs, n = w["runs"], w["n"]
    tuned = runs["tuned"]
    fig = style.plt.figure(figsize=(15.0, 9.5), layout="constrained")
    top, bottom = fig.subfigures(2, 1, height_ratios=[1.1, 1])
    ax_path, ax_side, ax_tv = top.subplots(1, 3, width_ratios=[3, 0.6, 2.2])
    shown = min(5, tuned["x"].shape[0])
    span = min(n.size, 200)
    for i in range(shown):
        ax_path.plot(np.arange(span + 1), np.concatenate([[WALK_START], tuned["x"][i, :span]]),
                     lw=1.0, color=style.TASK_COLORS[i], label=f"chain {i + 1}")
    small = runs["small"]["x"][0, :span]
    ax_path.plot(np.arange(span + 1), np.concatenate([[WALK_START], small]), lw=1.3,
                 color=style.COLORS["random"], ls="--",
                 label=f"a chain with step {SMALL_STEP} (too small)")
    for m in MEANS:
        ax_path.axhline(m, color="black", lw=0.6, ls=":")
    ax_path.set(xlim=(0, span), ylim=(-7, 5), xlabel="step n", ylabel="position x",
                title=f"Metropolis paths from x = {WALK_START:g}, step size "
                      f"h = {tuned['step_size']:.3g} (acceptance {tuned['acceptance']:.2f})")
    ax_path.legend(loc="lower right", ncol=2, fontsize=8)
    ys = np.linspace(-7, 5, 400)
    ax_side.fill_betweenx(ys, 0, MIXTURE.pdf(ys), color="#BBBBBB")
    ax_side.plot(MIXTURE.pdf(ys), ys, color=style.COLORS["truth"], label="target π")
    ax_side.set(ylim=(-7, 5), xlabel="π(x)", title="Target")
    ax_side.set_yticklabels([])
    ax_side.legend(loc="lower right", fontsize=8)

    colors = {"tuned": style.COLORS["maml"], "small": style.COLORS["random"],
              "large": style.COLORS["reptile"]}
    for name in ["tuned", "small", "large"]:
        r = runs[name]
        ax_tv.plot(n, r["tv"], color=colors[name], lw=1.3,
                   label=f"h = {r['step_size']:.3g} (acc. {r['acceptance']:.2f}): "
                         f"positions at step n")
    ax_tv.plot(n, tuned["tv_pooled"], color=colors["tuned"], ls="--", lw=1.3,
               label=f"h = {tuned['step_size']:.3g}: all draws of steps 1..n pooled")
    ax_tv.axhline(w["tv_floor"], color="black", ls=":", lw=1.2,
                  label=f"noise floor: {w['chains']} exact draws ({w['tv_floor']:.3f})")
    ax_tv.set(xscale="log", yscale="log", xlabel="steps n", ylabel="total-variation distance",
              ylim=(0.3 * min(w["tv_floor"], tuned["tv_pooled"].min()), 1.2),
              title=f"TV(histogram of {w['chains']} chains, target)")
    ax_tv.legend(loc="lower left", fontsize=8)

    axes = bottom.subplots(1, len(w["snapshots"]), sharey=True)
    xs = np.linspace(-7, 7, 500)
    for ax, s in zip(axes, w["snapshots"]):
        counts = np.histogram(tuned["x"][:, s - 1], WALK_BINS)[0]
        ax.stairs(counts / (w["chains"] * np.diff(WALK_BINS)), WALK_BINS,
                  fill=True, color=colors["tuned"], alpha=0.55,
                  label=f"{w['chains']} chains after n = {s}")
        ax.plot(xs, MIXTURE.pdf(xs), color=style.COLORS["truth"], label="target π")
        ax.set(xlabel="x", title=f"n = {s} steps: TV = {w['snapshot_tv'][s]:.3f}")
        ax.legend(loc="upper left", fontsize=8)
    axes[0].set_ylabel("density")
    bottom.suptitle("Where the chains are after n steps (h tuned), against the target",
                    fontsize=12)
    return style.save(fig, out_dir, "sampling_metropolis_walk")


def make(out_dir, *, quick=False, seed=0):
    """Draw sampling_metropolis_walk.png; return the numbers behind it."""
    w = walk(QUICK if quick else FULL, seed)
    return {"files": [draw(out_dir, w)], "walk": w}
