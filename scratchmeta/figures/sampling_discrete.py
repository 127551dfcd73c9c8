"""sampling_discrete.png: eq. 22.7, the unit interval cut at the running sums of P.

Lecture 22, section 2.1.1. A six-label distribution with one label of
probability zero; a few dozen uniforms, each drawn where it lands and coloured
by the label :meth:`DiscreteInverseCDF.from_uniforms` emits for it; the
staircase U -> label; and the frequencies of many draws of ``sample``
against P, with Pearson's chi-square.
"""

import numpy as np
from scipy import stats

from scratchmeta.figures import style
from scratchmeta.sampling import DiscreteInverseCDF

FULL = dict(ticks=40, discrete_draws=1_000_000)
QUICK = dict(ticks=40, discrete_draws=100_000)

# Six labels, label 2 with probability zero (it must never come out).
P = np.array([0.10, 0.25, 0.0, 0.30, 0.15, 0.20])


def discrete(cfg, seed):
    """Labels for a few uniforms by eq. 22.7, and frequencies of many draws."""
    style.check_settings(cfg, FULL), style.check_seed(seed)
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


def draw(out_dir, d):
    """sampling_discrete.png: the cut interval with the uniforms, the staircase, the counts."""
    style.check_record("d", d, ("p", "cumulative", "uniforms", "labels", "n_draws", "counts",
                                "frequencies", "tv", "chi2", "chi2_pvalue"))
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


def make(out_dir, *, quick=False, seed=0):
    """Draw sampling_discrete.png; return the numbers behind it."""
    d = discrete(QUICK if quick else FULL, seed)
    return {"files": [draw(out_dir, d)], "discrete": d}
