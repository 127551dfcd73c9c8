"""The lecture's first wish: batch normalisation inside the unrolled inner loop (the drawing).

Lecture 22, section 1.3.7 and section 3, wish 1. A normalisation layer inside
the network that MAML's inner loop unrolls (eq. 22.4) is safe only if test
time uses it exactly as meta-training did. The experiment's algorithm is
``scratchmeta.meta.normalization``: ``MLP((1, 40, 40, 1))`` with batch
normalisation after each hidden layer (``batch_norm=True``, Finn et al.'s
layer) and without, meta-trained by second-order MAML on sinusoids (K = 1,
inner_lr 0.01, Adam) from the same initialisation on the same task stream.
Three test-time procedures on the same held-out tasks:

* *transductive*: batch statistics of the points at hand, as in meta-training;
* *running statistics*: the same theta0, with the population statistics of
  the meta-training tasks in every layer (batch norm's usual inference mode);
* *no normalisation*: the plain network's own theta0.

Panels: test-time fine-tuning curves; the meta-training loss of the two
networks; and each task's sharpness at theta0 (the largest Hessian
eigenvalue of its support loss) under batch and under running statistics,
against the limit 2 / inner_lr of plain SGD.
"""

import numpy as np

from scratchmeta.figures import style
from scratchmeta.meta.normalization import (INNER_LR, INNER_STEPS, N_QUERY, N_SUPPORT,
                                            RunningStatistics, adaptation_curves,
                                            first_step_change, meta_train,
                                            population_statistics, sharpness)
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid

FULL = dict(meta_steps=2500, meta_batch=25, meta_lr=1e-3, test_tasks=300, stats_tasks=1000)
QUICK = dict(meta_steps=400, meta_batch=10, meta_lr=3e-3, test_tasks=100, stats_tasks=200)

SIZES = (1, 40, 40, 1)
TEST_STEPS = 10          # fine-tuning steps at test time
SMOOTH = 50              # meta-steps per point of the meta-training curve

ARMS = ("transductive", "running", "none")
LABELS = {"transductive": "batch norm, batch statistics (as in meta-training)",
          "running": "batch norm, running statistics at test time (mismatch)",
          "none": "no normalisation"}
COLORS = {"transductive": style.COLORS["maml"], "running": style.COLORS["closed_form"],
          "none": style.COLORS["random"]}


def _quantiles(curves, q):
    """Quantiles over tasks that pick real entries, so diverged (inf) tasks count as large."""
    return np.quantile(curves, q, axis=0, method="inverted_cdf")


def make(out_dir, *, quick=False, seed=0):
    """Draw normalization_batch_norm.png; return the curves, losses and sharpness."""
    cfg = QUICK if quick else FULL
    family = Sinusoid()
    nets = {"bn": MLP(SIZES, batch_norm=True), "plain": MLP(SIZES)}
    # The same initialisation for both (the plain MLP's): only the normalisation differs.
    init = nets["plain"].init(np.random.default_rng([seed, 0]))
    test = family.sample(np.random.default_rng([seed, 3]), cfg["test_tasks"], N_SUPPORT,
                         N_QUERY)              # query sets as large as in meta-training
    stats_tasks = family.sample(np.random.default_rng([seed, 4]), cfg["stats_tasks"],
                                N_SUPPORT, N_QUERY)

    learned, losses = {}, {}
    for name, model in nets.items():           # the same task stream for both
        learned[name], losses[name] = meta_train(model, family, init,
                                                 rng=np.random.default_rng([seed, 1]), cfg=cfg)
    stats = population_statistics(nets["bn"], learned["bn"], stats_tasks.x_support)
    arms = {"transductive": (nets["bn"], learned["bn"]),
            "running": (RunningStatistics(nets["bn"], stats), learned["bn"]),
            "none": (nets["plain"], learned["plain"])}

    curves, sharp, change = {}, {}, {}
    for arm, (model, params) in arms.items():
        curves[arm] = adaptation_curves(params, test, model, n_steps=TEST_STEPS)
        sharp[arm] = sharpness(params, test, model)
        change[arm] = first_step_change(params, test, model)
    medians = {k: np.median(v, axis=0) for k, v in curves.items()}
    diverged = {k: float(np.mean(~np.isfinite(v[:, -1]))) for k, v in curves.items()}
    limit = 2 / INNER_LR

    fig, axes = style.subplots(1, 3, size=(15.0, 5.6))
    ax = axes[0]
    steps = np.arange(TEST_STEPS + 1)
    top = 1.0
    for arm in ARMS:
        lo, hi = _quantiles(curves[arm], 0.25), _quantiles(curves[arm], 0.75)
        top = max(top, 3 * np.max(np.where(np.isfinite(hi), hi, 0)))
        ax.plot(steps, np.where(np.isfinite(medians[arm]), medians[arm], np.nan), "o-",
                color=COLORS[arm], ms=4,
                label=f"{LABELS[arm]}: {100 * diverged[arm]:.0f}% of tasks diverged")
        ax.fill_between(steps, lo, np.where(np.isfinite(hi), hi, 1e30), color=COLORS[arm],
                        alpha=0.15)
    ax.axvline(INNER_STEPS, color="#999999", lw=1,
               label=f"K = {INNER_STEPS}: inner steps in meta-training")
    ax.set(yscale="log", ylim=(None, min(top, 1e4)), xticks=steps,
           xlabel=f"test-time SGD steps (inner_lr {INNER_LR:g}) on the support set",
           ylabel="query MSE (median over tasks, band: 25-75%)",
           title=f"Test-time fine-tuning, {cfg['test_tasks']} held-out tasks")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=8.5)

    ax = axes[1]
    for name, arm in (("bn", "transductive"), ("plain", "none")):
        n = len(losses[name]) // SMOOTH * SMOOTH
        smooth = losses[name][:n].reshape(-1, SMOOTH).mean(axis=1)
        ax.plot(SMOOTH * np.arange(1, len(smooth) + 1), smooth, color=COLORS[arm],
                label=("batch norm (batch statistics)" if name == "bn" else "no normalisation"))
    ax.set(yscale="log", xlabel="meta-training step",
           ylabel=f"meta-loss (query MSE after K = {INNER_STEPS}), mean of {SMOOTH} steps",
           title="Meta-training, same initialisation and tasks")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=8.5)

    ax = axes[2]
    data = [np.clip(sharp[arm], 10, None) for arm in ARMS]          # drawn at 10 if below
    parts = ax.boxplot(data, whis=(5, 95), showfliers=False, patch_artist=True)
    for patch, arm in zip(parts["boxes"], ARMS):
        patch.set(facecolor=COLORS[arm], alpha=0.4)
    ax.axhline(limit, color="black", ls=":",
               label=f"2 / inner_lr = {limit:g}: a plain SGD step overshoots above this")
    ax.set_xticks([1, 2, 3], ["batch\nstatistics", "running\nstatistics", "no\nnormalisation"])
    ax.set(yscale="log", ylim=(10, None),
           ylabel=r"sharpness $\lambda_{max}$ of the support loss at $\theta_0$",
           title=r"Why the mismatch breaks: curvature at $\theta_0$")
    ax.plot([], [], " ", label="boxes: 25-75% of tasks, whiskers: 5-95%")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=8.5)
    fig.suptitle(f"Batch normalisation inside MAML's unrolled loop (sinusoids, "
                 f"MLP{SIZES}, K = {INNER_STEPS}, inner_lr {INNER_LR:g})")
    files = [style.save(fig, out_dir, "normalization_batch_norm")]
    return {"files": files, "curves": curves, "median_curves": medians, "diverged": diverged,
            "losses": losses, "sharpness": sharp, "first_step_change": change,
            "stability_limit": limit, "statistics": stats}
