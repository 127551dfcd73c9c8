"""Chapter 3 in pictures: inverse-CDF sampling and the Metropolis walk, from real runs.

Lecture 22, section 2.1.1 (eq. 22.7), section 2.1.2 and section 2.2. Every
picture is drawn from what the samplers of :mod:`scratchmeta.sampling`
actually return; the exact answers they are compared with come from closed
forms (the normal CDF of a Gaussian mixture, the exponential CDF, the
acceptance rate of a Gaussian random walk).

Four PNG files:

* ``sampling_discrete.png`` (section 2.1.1, eq. 22.7): [0, 1) cut at the
  running sums of a six-label distribution with one label of probability
  zero; a few dozen uniforms, each drawn where it lands and coloured by the
  label :meth:`DiscreteInverseCDF.from_uniforms` emits for it; the staircase
  U -> label; and the frequencies of many draws of ``sample`` against P.
* ``sampling_continuous.png`` (section 2.1.2): a bimodal Gaussian mixture
  handed to :meth:`ContinuousInverseCDF.from_density` only as an
  unnormalised density, and the exponential through its closed-form inverse
  (``from_ppf``). For each: the CDF with arrows from U on the y-axis to x(U)
  on the x-axis, and a histogram of samples against the density, with the
  u-error |U - CDF(x(U))| measured against the exact CDF.
* ``sampling_metropolis_walk.png`` (section 2.2): the same mixture sampled by
  a random walk. All chains start at x = -6, far in the left tail; a few of
  their paths; the histogram of where the chains are after n steps, for
  growing n, against the target; and the total-variation distance between
  that histogram and the target against n, for three fixed step sizes.
* ``sampling_step_size.png`` (section 2.2): acceptance rate and effective
  sample size per step against a fixed proposal step size, for a standard
  normal target in 1 and in ``high_dim`` dimensions, with the optimal
  acceptance rates 0.44 and 0.234 of Gelman, Roberts and Gilks (1996) and
  Roberts, Gelman and Gilks (1997) marked.

The total-variation distance (TV) between a histogram and a density is taken
over bins: TV = 1/2 sum_b |n_b / N - pi(b)|, with pi(b) the exact mass of bin
b and the two tails beyond the outer edges counted as bins of their own. Even
N exact draws do not give TV = 0: the noise floor, the mean TV of N exact
draws, is drawn alongside (computed from draws of the inverse-CDF sampler).
"""

import numpy as np
from matplotlib.ticker import NullFormatter
from scipy import stats
from scipy.special import logsumexp, ndtr

from scratchmeta.figures import style
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose,
                                  exponential, metropolis, optimal_acceptance)

FULL = dict(ticks=40, discrete_draws=1_000_000,
            arrows=9, continuous_draws=200_000, u_error_grid=100_000,
            walk_chains=4000, walk_steps=1000, floor_repeats=20,
            sweep_scaled=np.geomspace(0.25, 6.0, 15), sweep_chains=16, sweep_steps=10_000,
            high_dim=10)
QUICK = dict(ticks=40, discrete_draws=100_000,
             arrows=9, continuous_draws=50_000, u_error_grid=10_000,
             walk_chains=1000, walk_steps=300, floor_repeats=10,
             sweep_scaled=np.geomspace(0.25, 6.0, 9), sweep_chains=16, sweep_steps=2000,
             high_dim=10)

# Section 2.1.1: six labels, label 2 with probability zero (it must never come out).
P = np.array([0.10, 0.25, 0.0, 0.30, 0.15, 0.20])

# Section 2.1.2 and 2.2: the mixture 0.35 N(-2.5, 0.6^2) + 0.65 N(2, 0.7^2). The
# samplers only ever see it unnormalised, as Z times the density with Z = 3.
WEIGHTS = np.array([0.35, 0.65])
MEANS = np.array([-2.5, 2.0])
SDS = np.array([0.6, 0.7])
Z = 3.0
EXP_RATE = 1.0                          # the closed-form example: Exponential(1)

# Section 2.2: the walk starts far in the left tail; TV is measured on these bins.
WALK_START = -6.0
WALK_BINS = np.linspace(-7.0, 7.0, 57)  # width 0.25
SMALL_STEP, LARGE_STEP = 0.3, 30.0      # too small and too large, next to the tuned one
SNAPSHOTS = (2, 10, 30)                 # steps whose histograms are drawn, plus the last


# --- the mixture, exactly ------------------------------------------------------------------

def mixture_pdf(x):
    """The normalised density of the mixture at x (any shape)."""
    z = (np.asarray(x, dtype=float)[..., None] - MEANS) / SDS
    return np.sum(WEIGHTS / (SDS * np.sqrt(2 * np.pi)) * np.exp(-0.5 * z ** 2), axis=-1)


def unnormalised_pdf(x):
    """What ``from_density`` is given: Z times the mixture density, Z unknown to it."""
    return Z * mixture_pdf(x)


def mixture_cdf(x):
    """The exact CDF of the mixture, sum_k w_k Phi((x - mu_k) / sd_k)."""
    return np.sum(WEIGHTS * ndtr((np.asarray(x, dtype=float)[..., None] - MEANS) / SDS), axis=-1)


def mixture_log_density(x):
    """log pi(x) up to a constant for Metropolis: x has shape (chains, 1)."""
    z = (x[:, 0:1] - MEANS) / SDS
    return logsumexp(np.log(WEIGHTS / SDS) - 0.5 * z ** 2, axis=1)


def bin_masses(edges, cdf):
    """Exact mass of [edges[i], edges[i+1]) and of the two tails: (masses, left, right)."""
    c = cdf(edges)
    return np.diff(c), float(c[0]), float(1.0 - c[-1])


def total_variation(samples, edges, cdf):
    """TV between the histogram of ``samples`` (last axis) and the exact bin masses.

    ``samples`` may have leading axes (e.g. one row per step); the result has
    those axes. Values beyond the outer edges count in two tail bins.
    """
    masses, left, right = bin_masses(edges, cdf)
    x = np.asarray(samples, dtype=float)
    n = x.shape[-1]
    # Bin index 0 = left tail, 1..B = the bins, B + 1 = right tail.
    idx = np.searchsorted(edges, x, side="right")
    lead = idx.reshape(-1, n)
    width = edges.size + 1
    counts = np.stack([np.bincount(row, minlength=width) for row in lead])
    freq = counts / n
    exact = np.concatenate([[left], masses, [right]])
    return 0.5 * np.abs(freq - exact).sum(axis=1).reshape(x.shape[:-1])


# --- section 2.1.1, eq. 22.7: the discrete inverse CDF --------------------------------------

def discrete(cfg, seed):
    """Labels for a few uniforms by eq. 22.7, and frequencies of many draws."""
    sampler = DiscreteInverseCDF(P)
    uniforms = np.random.default_rng([seed, 1]).random(cfg["ticks"])
    labels = sampler.from_uniforms(uniforms)
    draws = sampler.sample(cfg["discrete_draws"], np.random.default_rng([seed, 2]))
    counts = np.bincount(draws, minlength=P.size)
    freq = counts / draws.size
    # Pearson's chi-square over the labels of positive probability (label 2's
    # expected count is 0 and its count must be 0 too).
    pos = P > 0
    chi2 = float(np.sum((counts[pos] - draws.size * P[pos]) ** 2 / (draws.size * P[pos])))
    return {"p": P.copy(), "cumulative": np.cumsum(P), "uniforms": uniforms,
            "labels": labels, "n_draws": int(draws.size), "counts": counts,
            "frequencies": freq, "tv": float(0.5 * np.abs(freq - P).sum()),
            "chi2": chi2, "chi2_pvalue": float(stats.chi2.sf(chi2, pos.sum() - 1))}


def draw_discrete(out_dir, d):
    """sampling_discrete.png: the cut interval with the uniforms, the staircase, the counts."""
    colors = style.TASK_COLORS[:P.size]
    edges = np.concatenate([[0.0], d["cumulative"]])
    n_ticks = d["uniforms"].size
    fig = style.plt.figure(figsize=style.SIZES["tall"], layout="constrained")
    axes = fig.subplot_mosaic([["interval", "interval"], ["stairs", "freq"]],
                              height_ratios=[1.15, 1])

    ax = axes["interval"]
    bar_lo, bar_hi = -7.0, -1.5                     # the unit interval, in draw-number units
    for i in range(P.size):
        if P[i] > 0:
            ax.fill_between([edges[i], edges[i + 1]], bar_lo, bar_hi, color=colors[i],
                            alpha=0.75, lw=0)
            ax.text((edges[i] + edges[i + 1]) / 2, (bar_lo + bar_hi) / 2,
                    f"label {i}\n$P_{i}$ = {P[i]:.2f}", ha="center", va="center", fontsize=9)
    zero = np.flatnonzero(P == 0)
    for i in zero:
        ax.plot([edges[i]] * 2, [bar_lo, bar_hi], color=colors[i], lw=3)
        ax.annotate(f"label {i}: $P_{i}$ = 0,\nan empty piece at {edges[i]:.2f}",
                    xy=(edges[i], bar_lo), xytext=(edges[i] + 0.07, bar_lo - 4.5),
                    fontsize=9, arrowprops=dict(arrowstyle="->", color="black"))
    for c in edges:
        ax.axvline(c, color="black", lw=0.8, ls=":", zorder=1)
    ax.set_xticks(edges, [f"{c:.2f}" for c in edges])
    draw_no = np.arange(1, n_ticks + 1)
    for i in range(P.size):
        hit = d["labels"] == i
        ax.vlines(d["uniforms"][hit], bar_hi, draw_no[hit], color=colors[i], lw=0.6, alpha=0.5)
        ax.scatter(d["uniforms"][hit], draw_no[hit], s=28, color=colors[i], zorder=3,
                   edgecolor="black", linewidth=0.4,
                   label=f"U emitted as label {i} ({hit.sum()} of {n_ticks})")
    ax.set(xlim=(0, 1), ylim=(bar_lo - 6, n_ticks + 1),
           xlabel="U (uniform on [0, 1)); ticks at the running sums $P_0 + \\dots + P_i$",
           ylabel="draw number",
           title=f"Eq. 22.7: [0, 1) cut at the running sums of P; {n_ticks} uniforms and "
                 "the piece each lands in (from_uniforms)")
    ax.set_yticks(np.arange(0, n_ticks + 1, 10))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)

    ax = axes["stairs"]
    grid = np.linspace(0.0, 1.0, 2001)
    ax.step(grid, DiscreteInverseCDF(P).from_uniforms(grid), where="post",
            color=style.COLORS["truth"], lw=1.2, label="label(U) = piece U lands in")
    ax.scatter(d["uniforms"], d["labels"], s=22, c=[colors[k] for k in d["labels"]],
               edgecolor="black", linewidth=0.4, zorder=3, label=f"the {n_ticks} drawn U")
    for i in zero:
        ax.annotate(f"no step at label {i}:\nits piece is empty", xy=(edges[i], i),
                    xytext=(edges[i] + 0.08, i - 0.9), fontsize=9,
                    arrowprops=dict(arrowstyle="->", color="black"))
    ax.set(xlabel="U", ylabel="emitted label", yticks=np.arange(P.size), xlim=(0, 1),
           title="The inverse CDF of a discrete distribution: a staircase")
    ax.legend(loc="upper left")

    ax = axes["freq"]
    k = np.arange(P.size)
    n = d["n_draws"]
    ax.bar(k - 0.2, P, 0.4, color="#BBBBBB", edgecolor="black", label="P (exact)")
    se = np.sqrt(P * (1 - P) / n)
    ax.bar(k + 0.2, d["frequencies"], 0.4, color=colors, edgecolor="black",
           yerr=2 * se, capsize=3)
    ax.bar([0], [0], 0, color="white", edgecolor="black",          # a neutral legend entry
           label=f"frequency in {n:,} draws of sample\n(coloured by label), ±2 s.e.")
    ax.text(2, 0.01, f"label 2: {d['counts'][2]} of {n:,}", ha="center", va="bottom",
            fontsize=9, rotation=90)
    ax.set(xticks=k, xlabel="label", ylabel="probability / frequency",
           ylim=(0, 1.3 * P.max()),
           title=f"Many draws: TV = {d['tv']:.1e}, χ² = {d['chi2']:.1f} "
                 f"(p = {d['chi2_pvalue']:.2f}, {int((P > 0).sum()) - 1} d.f.)")
    ax.legend(loc="upper left")
    return style.save(fig, out_dir, "sampling_discrete")


# --- section 2.1.2: the continuous inverse CDF ----------------------------------------------

def exponential_cdf(x):
    """CDF of Exponential(EXP_RATE): 1 - exp(-rate x) for x >= 0, else 0."""
    return -np.expm1(-EXP_RATE * np.maximum(x, 0.0))


def exponential_pdf(x):
    """Density of Exponential(EXP_RATE): rate exp(-rate x) for x >= 0, else 0."""
    x = np.asarray(x, dtype=float)
    return np.where(x >= 0, EXP_RATE * np.exp(-EXP_RATE * np.maximum(x, 0.0)), 0.0)


#: The two continuous examples: how each sampler is built, and its exact CDF and density.
CONTINUOUS = {
    "mixture": (lambda: ContinuousInverseCDF.from_density(unnormalised_pdf),
                mixture_cdf, mixture_pdf),
    "exponential": (lambda: exponential(EXP_RATE), exponential_cdf, exponential_pdf),
}
HIST_BINS = {"mixture": np.linspace(-5.5, 5.0, 71),       # width 0.15
             "exponential": np.linspace(-0.3, 6.0, 64)}   # width 0.1, an edge at 0


def continuous(cfg, seed):
    """Build both samplers, invert a few uniforms, draw many samples, measure u-errors.

    The u-error is measured twice: by the sampler itself (``u_error``, which
    for ``from_density`` computes its own reference CDF by quadrature) and
    against the exact CDF, on the grid U = (k + 1/2) / n.
    """
    grid_u = (np.arange(cfg["u_error_grid"]) + 0.5) / cfg["u_error_grid"]
    out = {"u_error_grid": cfg["u_error_grid"]}
    for k, (name, (build, cdf, _)) in enumerate(CONTINUOUS.items()):
        sampler = build()
        u = np.sort(np.random.default_rng([seed, 10 + k]).random(cfg["arrows"]))
        samples = sampler.sample(cfg["continuous_draws"], np.random.default_rng([seed, 20 + k]))
        own = sampler.u_error(cfg["u_error_grid"])
        exact_err = np.abs(grid_u - cdf(sampler.from_uniforms(grid_u)))
        ks = stats.kstest(samples, cdf)
        edges = HIST_BINS[name]
        # Histogram as a density over all draws (mass beyond the edges is not
        # folded back in, so bars and density agree where both are drawn).
        counts = np.histogram(samples, edges)[0]
        out[name] = {"u_shown": u, "x_shown": sampler.from_uniforms(u),
                     "n_samples": int(samples.size), "hist_edges": edges,
                     "hist_density": counts / (samples.size * np.diff(edges)),
                     "u_error_max": own.max_error, "u_error_mean": own.mean_absolute_error,
                     "u_error_exact_max": float(exact_err.max()),
                     "u_error_exact_mean": float(exact_err.mean()),
                     "ks_statistic": float(ks.statistic), "ks_pvalue": float(ks.pvalue),
                     "support": sampler.support, "tail_mass_dropped": sampler.tail_mass_dropped,
                     "n_intervals": sampler.n_intervals}
    return out


def draw_continuous(out_dir, c):
    """sampling_continuous.png: per example, the CDF with the inversion arrows and the histogram."""
    fig, axes = style.subplots(2, 2, size=(12.0, 10.0))
    titles = {"mixture": "from_density: a bimodal mixture, given only Z·density (Z = 3)",
              "exponential": "from_ppf: Exponential(1), x(U) = −log(1 − U)"}
    arrow_color, sample_color = style.COLORS["maml"], style.COLORS["closed_form"]
    for row, name in enumerate(CONTINUOUS):
        d = c[name]
        _, cdf, pdf = CONTINUOUS[name]
        edges = d["hist_edges"]
        lo, hi = edges[0], edges[-1]
        xs = np.linspace(lo, hi, 800)
        ax = axes[row, 0]
        ax.plot(xs, cdf(xs), color=style.COLORS["truth"], label="CDF (exact)")
        for u, x in zip(d["u_shown"], d["x_shown"]):
            ax.annotate("", xy=(x, u), xytext=(lo, u),
                        arrowprops=dict(arrowstyle="-", color=arrow_color, lw=1.0, alpha=0.7))
            ax.annotate("", xy=(x, 0.0), xytext=(x, u),
                        arrowprops=dict(arrowstyle="-|>", color=arrow_color, lw=1.0,
                                        mutation_scale=10))
        ax.plot(np.full(d["u_shown"].size, lo), d["u_shown"], ">", color=arrow_color, ms=6,
                clip_on=False, label=f"{d['u_shown'].size} uniforms U (on the y-axis)")
        ax.plot(d["x_shown"], np.zeros_like(d["x_shown"]), "o", color=sample_color, ms=6,
                clip_on=False, zorder=4, label="their samples x(U) (on the x-axis)")
        ax.set(xlim=(lo, hi), ylim=(0, 1.02), xlabel="x", ylabel="U = CDF(x)",
               title=f"{titles[name]}:\nread U across to the CDF, then down to x(U)")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=3, fontsize=8)

        ax = axes[row, 1]
        ax.stairs(d["hist_density"], edges, fill=True, color=style.COLORS["fomaml"], alpha=0.7,
                  label=f"histogram of {d['n_samples']:,} samples x(U)")
        ax.plot(xs, pdf(xs), color=style.COLORS["truth"], label="density (exact)")
        ax.set(xlim=(lo, hi), xlabel="x", ylabel="density",
               title=f"Samples against the density (u-error {d['u_error_exact_max']:.1e})")
        ax.plot([], [], " ", label=f"u-error max |U − CDF(x(U))| = {d['u_error_exact_max']:.1e}"
                                  f" (exact CDF, {c['u_error_grid']:,} U)")
        ax.plot([], [], " ", label=f"Kolmogorov-Smirnov D = {d['ks_statistic']:.4f} "
                                  f"(p = {d['ks_pvalue']:.2f})")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=8)
    return style.save(fig, out_dir, "sampling_continuous")


# --- section 2.2: the Metropolis walk ---------------------------------------------------------

def noise_floor(n, repeats, sampler, rng):
    """Mean TV of the histogram of n exact draws (from the inverse-CDF sampler) to the target."""
    return float(np.mean([total_variation(sampler.sample(n, rng), WALK_BINS, mixture_cdf)
                          for _ in range(repeats)]))


def walk(cfg, seed):
    """Chains from x = -6 at three fixed step sizes; TV of where they are after n steps."""
    chains, steps = cfg["walk_chains"], cfg["walk_steps"]
    # The step size warm-up would pick (target acceptance 0.44 in 1-D), from a
    # separate tuning run; the walks themselves use fixed steps (n_warmup=0).
    tuned = metropolis(mixture_log_density, np.zeros((64, 1)), 200,
                       np.random.default_rng([seed, 30])).step_size
    x0 = np.full((chains, 1), WALK_START)
    runs = {}
    for k, (name, h) in enumerate([("tuned", tuned), ("small", SMALL_STEP),
                                   ("large", LARGE_STEP)]):
        res = metropolis(mixture_log_density, x0, steps, np.random.default_rng([seed, 31 + k]),
                         n_warmup=0, step_size=h)
        x = res.samples[:, :, 0]                               # (chains, steps)
        runs[name] = {"step_size": float(h), "acceptance": float(res.acceptance_rate.mean()),
                      # TV of the chains' positions after n = 1..steps steps
                      "tv": total_variation(x.T, WALK_BINS, mixture_cdf),
                      "x": x}
    x = runs["tuned"]["x"]
    # All draws of steps 1..n pooled, for the tuned walk: cumulative histograms.
    idx = np.searchsorted(WALK_BINS, x, side="right")           # (chains, steps)
    width = WALK_BINS.size + 1
    per_step = np.stack([np.bincount(col, minlength=width) for col in idx.T])
    pooled = np.cumsum(per_step, axis=0) / (chains * np.arange(1, steps + 1))[:, None]
    masses, left, right = bin_masses(WALK_BINS, mixture_cdf)
    exact = np.concatenate([[left], masses, [right]])
    runs["tuned"]["tv_pooled"] = 0.5 * np.abs(pooled - exact).sum(axis=1)

    inverse = ContinuousInverseCDF.from_density(unnormalised_pdf)
    floor_rng = np.random.default_rng([seed, 35])
    floor = noise_floor(chains, cfg["floor_repeats"], inverse, floor_rng)
    snapshots = [n for n in SNAPSHOTS if n < steps] + [steps]
    return {"runs": runs, "n": np.arange(1, steps + 1), "tv_floor": floor,
            "snapshots": snapshots, "chains": chains,
            "snapshot_tv": {n: float(runs["tuned"]["tv"][n - 1]) for n in snapshots}}


def draw_walk(out_dir, w):
    """sampling_metropolis_walk.png: paths, TV against steps, histograms after n steps."""
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
    ax_side.fill_betweenx(ys, 0, mixture_pdf(ys), color="#BBBBBB")
    ax_side.plot(mixture_pdf(ys), ys, color=style.COLORS["truth"], label="target π")
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
        ax.plot(xs, mixture_pdf(xs), color=style.COLORS["truth"], label="target π")
        ax.set(xlabel="x", title=f"n = {s} steps: TV = {w['snapshot_tv'][s]:.3f}")
        ax.legend(loc="upper left", fontsize=8)
    axes[0].set_ylabel("density")
    bottom.suptitle("Where the chains are after n steps (h tuned), against the target",
                    fontsize=12)
    return style.save(fig, out_dir, "sampling_metropolis_walk")


# --- section 2.2: step size against acceptance and ESS ----------------------------------------

def acceptance_1d(h):
    """Exact acceptance rate of the random walk x + h xi on a standard normal target.

    The acceptance rate is the integral of q(y | x) min(pi(x), pi(y)); the min
    is pi(y) where |y| > |x|, and by symmetry the two halves are equal, so it is
    2 P(|X + h xi| < |X|) for X ~ N(0, 1). That event is A B < 0 for the jointly
    normal A = h xi, B = 2X + h xi, whose correlation is rho = h / sqrt(4 + h**2),
    and P(A B < 0) = 1/2 - arcsin(rho) / pi = 1/2 - arctan(h / 2) / pi. Hence

        acceptance = 1 - (2 / pi) arctan(h / 2) = (2 / pi) arctan(2 / h).
    """
    return 2.0 / np.pi * np.arctan(2.0 / np.asarray(h, dtype=float))


def acceptance_limit(scaled):
    """Roberts, Gelman and Gilks (1997): 2 Phi(-l / 2) for h = l / sqrt(d), d -> infinity."""
    return 2.0 * ndtr(-np.asarray(scaled, dtype=float) / 2.0)


def peak(scaled, ess):
    """Where ESS per step peaks: the vertex of a parabola through the best grid point and
    its two neighbours, in (log l, log ESS); the grid point itself if it is at an end."""
    best = int(np.argmax(ess))
    if best in (0, ess.size - 1):
        return float(scaled[best])
    x, y = np.log(scaled[best - 1:best + 2]), np.log(ess[best - 1:best + 2])
    a, b, _ = np.polyfit(x, y, 2)
    return float(np.exp(-b / (2 * a)))


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
    h = np.repeat(np.asarray(scaled, dtype=float) / np.sqrt(dim), chains)[:, None]
    x0 = rng.standard_normal((h.size, dim))
    res = metropolis(lambda y: -0.5 * np.sum((h * y) ** 2, axis=1), x0 / h, steps, rng,
                     n_warmup=0, step_size=1.0)
    x = (res.samples * h[:, :, None]).reshape(len(scaled), chains, steps, dim)
    return x, res.acceptance_rate.reshape(len(scaled), chains).mean(axis=1)


def step_size_sweep(cfg, seed):
    """Acceptance rate and ESS per step at fixed step sizes h = l / sqrt(d), d = 1 and high."""
    scaled = np.asarray(cfg["sweep_scaled"], dtype=float)
    chains, steps = cfg["sweep_chains"], cfg["sweep_steps"]
    out = {"scaled_step": scaled, "chains": chains, "steps": steps}
    for k, (name, dim) in enumerate([("d1", 1), ("high", cfg["high_dim"])]):
        x, acc = fixed_step_chains(dim, scaled, chains, steps,
                                   np.random.default_rng([seed, 40 + k]))
        # Bulk ESS per coordinate (all coordinates are alike for N(0, I)),
        # averaged over coordinates, per draw.
        ess = np.array([diagnose(group)[1].mean() for group in x]) / (chains * steps)
        best = peak(scaled, ess)
        out[name] = {"dim": dim, "step_size": scaled / np.sqrt(dim), "acceptance": acc,
                     "ess_per_step": ess, "best": int(np.argmax(ess)), "peak_scaled_step": best,
                     # acceptance at the peak, interpolated in log l between grid points
                     "acceptance_at_peak": float(np.interp(np.log(best), np.log(scaled), acc)),
                     "optimal_acceptance": optimal_acceptance(dim)}
    return out


def log_ticks(ax, values):
    """Plain-number ticks 0.25, 0.5, 1, 2, 4, ... on a log x-axis spanning ``values``."""
    ticks = [t for t in (0.1, 0.25, 0.5, 1, 2, 4, 8, 16) if values[0] <= t <= values[-1]]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_formatter(NullFormatter())


def draw_step_size(out_dir, s):
    """sampling_step_size.png: acceptance and ESS per step against l, and ESS against acceptance."""
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


# --- the entry point ---------------------------------------------------------------------------

def make(out_dir, *, quick=False, seed=0):
    """Draw the four sampling_*.png files; return the numbers behind them."""
    cfg = QUICK if quick else FULL
    d = discrete(cfg, seed)
    c = continuous(cfg, seed)
    w = walk(cfg, seed)
    s = step_size_sweep(cfg, seed)
    files = [draw_discrete(out_dir, d), draw_continuous(out_dir, c), draw_walk(out_dir, w),
             draw_step_size(out_dir, s)]
    return {"files": files, "discrete": d, "continuous": c, "walk": w, "step_size": s}
