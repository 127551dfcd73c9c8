"""sampling_continuous.png: the continuous inverse CDF, from a density and from a closed form.

Lecture 22, section 2.1.2. A bimodal Gaussian mixture handed to
:meth:`ContinuousInverseCDF.from_density` only as an unnormalised density,
and the exponential through its closed-form inverse (``from_ppf``). For
each: the CDF with arrows from U on the y-axis to x(U) on the x-axis, and a
histogram of samples against the density, with the u-error |U - CDF(x(U))|
measured against the exact CDF.
"""

import numpy as np
from scipy import stats

from scratchmeta.figures import style
from scratchmeta.sampling import ContinuousInverseCDF, exponential
from scratchmeta.testing.densities import figure_mixture

FULL = dict(arrows=9, continuous_draws=200_000, u_error_grid=100_000)
QUICK = dict(arrows=9, continuous_draws=50_000, u_error_grid=10_000)

MIXTURE = figure_mixture()   # 0.35 N(-2.5, 0.6^2) + 0.65 N(2, 0.7^2)
Z = 3.0                      # from_density sees Z times the density, Z unknown to it
EXP_RATE = 1.0               # the closed-form example: Exponential(1)


def unnormalised_pdf(x):
    """What ``from_density`` is given: Z times the mixture density."""
    x = style.check_numbers("x", x, what="an array of finite real numbers (points x)")
    return Z * MIXTURE.pdf(x)


def exponential_cdf(x):
    """CDF of Exponential(EXP_RATE): 1 - exp(-rate x) for x >= 0, else 0."""
    x = style.check_numbers("x", x, what="an array of finite real numbers (points x)")
    return -np.expm1(-EXP_RATE * np.maximum(x, 0.0))


def exponential_pdf(x):
    """Density of Exponential(EXP_RATE): rate exp(-rate x) for x >= 0, else 0."""
    x = style.check_numbers("x", x, what="an array of finite real numbers (points x)")
    return np.where(x >= 0, EXP_RATE * np.exp(-EXP_RATE * np.maximum(x, 0.0)), 0.0)


#: The two examples: how each sampler is built, and its exact CDF and density.
CONTINUOUS = {
    "mixture": (lambda: ContinuousInverseCDF.from_density(unnormalised_pdf),
                MIXTURE.cdf, MIXTURE.pdf),
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
    style.check_settings(cfg, FULL), style.check_seed(seed)
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
                     "support": sampler.support(), "tail_mass_dropped": sampler.tail_mass_dropped,
                     "n_intervals": sampler.n_intervals}
    return out


def draw(out_dir, c):
    """sampling_continuous.png: per example, the CDF with the inversion arrows and the histogram."""
    style.check_record("c", c, ("u_error_grid", *CONTINUOUS))
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


def make(out_dir, *, quick=False, seed=0):
    """Draw sampling_continuous.png; return the numbers behind it."""
    c = continuous(QUICK if quick else FULL, seed)
    return {"files": [draw(out_dir, c)], "continuous": c}
