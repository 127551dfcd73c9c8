"""The lecture's first wish: why the unrolled inner loop cannot be normalised (the drawing).

Lecture 22, section 1.3.6 and 1.3.7 (eq. 22.4), and section 3, wish 1. The
meta-gradient runs back through K inner steps, and gradients that run back
through many steps can explode. Outside meta-learning we would normalise. The
lecture's answer to why MAML cannot is that the inner loop "would no longer
reflect what would happen at test time": at test time a task is fine-tuned
by plain SGD, and MAML learns theta0 *for the procedure it unrolls*.

The experiment's algorithm is ``scratchmeta.meta.normalization``. Meta-train
MAML on sinusoids (Finn et al. 2017, section 5.1; ``MLP((1, 40, 40, 1))``, K =
1, meta-batch 25, Adam) twice from the same initialisation and the same task
stream:

* *plain*: the inner step of eq. 22.4, ``theta <- theta - inner_lr * g``;
* *normalised*: ``theta <- theta - step_length * g / ||g||``, the gradient of
  each task divided by its norm (over all of that task's parameters). The
  step always has length ``step_length``, whatever the gradient's size. This
  is the unrolled loop with "normalisation" inside it, written with engine
  ops, so the meta-gradient runs through the division by ``||g||`` too.

Then fine-tune both learned theta0 on held-out tasks the way test time does,
with plain SGD at ``inner_lr``, and also the normalised one with the
normalised step it was trained for.

What we observe (the returned numbers, checked by the tests): with plain SGD
the normalised learner adapts much worse than the plain one; after the first
step its query loss is even above the unadapted one in the full run, and a
few tasks diverge. With the normalised step it was trained for, it does
better than with plain SGD. The mechanism shows in the last panel. A plain
step ``inner_lr * g`` grows with the curvature of the support loss, so plain
MAML is penalised whenever theta0 becomes so sharp that the step overshoots:
its curvature stays below the stability limit of plain SGD,
``lambda_max < 2 / inner_lr``. The normalised step has the same length at any
curvature, so meta-training no longer sees that limit, and theta0 drifts into
ever sharper regions, past ``2 / inner_lr`` (plausibly because a sharper
network lets a step of fixed length change the function more). There the
test-time step overshoots. Normalising inside the loop hid from meta-training
exactly the quantity that decides whether test-time fine-tuning works.
"""

import numpy as np

from scratchmeta.figures import style
from scratchmeta.meta.normalization import (INNER_LR, INNER_STEPS, N_QUERY, N_SUPPORT,
                                            STEP_LENGTH, adaptation_curves,
                                            meta_train, sharpness, support_grad_norms)
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid

FULL = dict(meta_steps=2500, meta_batch=25, meta_lr=1e-3, eval_every=125,
            eval_tasks=100, test_tasks=300)
QUICK = dict(meta_steps=800, meta_batch=10, meta_lr=5e-3, eval_every=100,
             eval_tasks=30, test_tasks=100)

SIZES = (1, 40, 40, 1)
TEST_STEPS = 10          # fine-tuning steps at test time


def _quantiles(curves, q):
    """Quantiles over tasks that pick real entries, so diverged (inf) tasks count as large."""
    return np.quantile(curves, q, axis=0, method="inverted_cdf")


def make(out_dir, *, quick=False, seed=0):
    """Draw normalization_mismatch.png; return the curves, histories and sharpness."""
    cfg = QUICK if quick else FULL
    model, family = MLP(SIZES), Sinusoid()
    init = model.init(np.random.default_rng([seed, 0]))
    eval_batch = family.sample(np.random.default_rng([seed, 2]), cfg["eval_tasks"],
                               N_SUPPORT, N_QUERY)
    test = family.sample(np.random.default_rng([seed, 3]), cfg["test_tasks"], N_SUPPORT, 100)

    learned, history = {}, {}
    for name, normalised in (("plain", False), ("normalised", True)):
        # The same task stream for both: only the inner step differs.
        learned[name], history[name] = meta_train(
            model, family, init, normalised=normalised, rng=np.random.default_rng([seed, 1]),
            eval_batch=eval_batch, cfg=cfg)

    runs = {  # (trained with, tested with)
        "plain/plain": adaptation_curves(learned["plain"], test, model, n_steps=TEST_STEPS,
                                         normalised=False),
        "normalised/plain": adaptation_curves(learned["normalised"], test, model,
                                              n_steps=TEST_STEPS, normalised=False),
        "normalised/normalised": adaptation_curves(learned["normalised"], test, model,
                                                   n_steps=TEST_STEPS, normalised=True),
    }
    medians = {k: np.median(v, axis=0) for k, v in runs.items()}
    diverged = {k: float(np.mean(~np.isfinite(v[:, -1]))) for k, v in runs.items()}
    final_sharpness = {name: sharpness(learned[name], eval_batch, model) for name in learned}

    fig, axes = style.subplots(1, 3, size=(15.0, 5.6))
    ax = axes[0]
    steps = np.arange(TEST_STEPS + 1)
    styles = {"plain/plain": (style.COLORS["maml"], "-", "o"),
              "normalised/plain": (style.COLORS["closed_form"], "-", "s"),
              "normalised/normalised": (style.COLORS["normalised"], "--", "^")}
    names = {"plain/plain": "plain-trained, plain SGD at test",
             "normalised/plain": "normalised-trained, plain SGD at test",
             "normalised/normalised": "normalised-trained, normalised step at test"}
    top = 1.0
    for key, curves in runs.items():
        c, ls, marker = styles[key]
        lo, hi = _quantiles(curves, 0.25), _quantiles(curves, 0.75)
        top = max(top, 2 * np.max(hi[np.isfinite(hi)]))
        ax.plot(steps, medians[key], ls, color=c, marker=marker, ms=4,
                label=f"{names[key]} ({100 * diverged[key]:.0f}% of tasks diverged)")
        ax.fill_between(steps, lo, np.where(np.isfinite(hi), hi, 1e6), color=c, alpha=0.15)
    ax.axvline(INNER_STEPS, color="#999999", lw=1,
               label=f"K = {INNER_STEPS}: the inner steps taken in meta-training")
    ax.set(yscale="log", ylim=(None, top), xticks=steps,
           xlabel="fine-tuning steps on the support set",
           ylabel="query MSE (median over tasks, band: 25-75%)",
           title=f"Test-time fine-tuning on {cfg['test_tasks']} held-out tasks")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=8.5)

    colors = (("plain", style.COLORS["maml"]), ("normalised", style.COLORS["closed_form"]))
    for ax, key, label in ((axes[1], "plain_step_query_mse",
                            r"$\theta_0$ meta-trained with the {} inner step"),
                           (axes[2], "sharpness_median",
                            "{} inner step: median over tasks (band: 25-75%)")):
        for name, c in colors:
            h = history[name]
            ax.plot(h["step"], h[key], "o-", color=c, ms=3, label=label.format(name))
            if key == "sharpness_median":
                ax.fill_between(h["step"], h["sharpness_q25"], h["sharpness_q75"], color=c,
                                alpha=0.15)
    axes[1].set(yscale="log", xlabel="meta-training step",
                ylabel="query MSE after 1 plain SGD step (median)",
                title="What test time sees, during meta-training")
    axes[1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=8.5)

    ax = axes[2]
    ax.axhline(2 / INNER_LR, color="black", ls=":",
               label=f"2 / inner_lr = {2 / INNER_LR:g}: plain SGD overshoots above this")
    ax.set(xlabel="meta-training step",
           ylabel=r"sharpness $\lambda_{max}$ of the support loss at $\theta_0$",
           title=r"The mismatch: curvature at $\theta_0$")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=8.5)
    fig.suptitle(f"Normalising the unrolled inner loop (step length {STEP_LENGTH}) versus the "
                 f"plain step (inner_lr {INNER_LR}); K = {INNER_STEPS} in meta-training")
    files = [style.save(fig, out_dir, "normalization_mismatch")]
    return {"files": files, "curves": runs, "median_curves": medians, "diverged": diverged,
            "history": history, "final_sharpness": final_sharpness,
            "stability_limit": 2 / INNER_LR, "step_length": STEP_LENGTH,
            "plain_step_lengths": INNER_LR * support_grad_norms(learned["plain"], test, model)}
