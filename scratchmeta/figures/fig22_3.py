"""Figure 22.3: tasks fine-tuned in parallel from theta0, and the pull of each on theta0.

Lecture 22, section 1.3.2 and Figure 22.3 (after Finn, Abbeel and Levine
2017): from one initial condition theta0, every task of a batch is fine-tuned
on its own (K steps of eq. 22.4), and each one pulls theta0 its own way. The
meta-update of eq. 22.3 adds those pulls up.

In the plane of :mod:`scratchmeta.figures.fig22_1` (linear tasks, the
two-parameter learner ``MLP((1, 1))``) we compute, at one theta0:

* every task's inner path theta0 -> theta1,i -> ... -> thetaK,i (eq. 22.4);
* every task's *pull* ``-dL_i/dtheta0``, the meta-gradient of its query loss
  alone, computed by the engine on a batch holding only that task (second
  order: it runs back through the K inner steps);
* the batched meta-gradient of the mean query loss over all tasks, as
  :func:`scratchmeta.meta.maml.meta_grad` computes it during training.

The mean of the pulls equals the batched meta-gradient: the meta-loss is a
mean over tasks, and a gradient of a mean is the mean of the gradients. The
right panel draws that sum head to tail and the code checks it to 1e-10.
"""

import numpy as np

from scratchmeta.figures import style
from scratchmeta.meta.checks import check_batch, check_count, check_model, check_params_fit
from scratchmeta.figures.fig22_1 import as_params, as_point, least_squares
from scratchmeta.meta import adapt, maml
from scratchmeta.nn import MLP
from scratchmeta.tasks import LinearRegression, TaskBatch, mse

FULL = dict(n_tasks=6)
QUICK = dict(n_tasks=6)       # already instant: quick mode changes nothing

INNER_LR = 0.2            # eta_inner of eq. 22.4
INNER_STEPS = 2           # K: two inner steps, so each task's path has a bend to show
SCALE = 3.0               # pulls are drawn 3x their length, to be visible next to the paths
THETA0 = (0.0, -0.5)      # the initial condition the tasks start from
N_SUPPORT = N_QUERY = 10


def one_task(batch, i):
    """The batch holding only task ``i`` (arrays keep their leading task axis)."""
    check_count("i", i, 0, check_batch(batch)[0] - 1)          # a task of the batch
    return TaskBatch(*(a[i:i + 1] for a in batch))


def inner_paths(theta0, batch, model):
    """Each task's parameters after 0, 1, ..., K inner steps: (tasks, K + 1, 2)."""
    check_model(model), check_params_fit(model, theta0, "theta0")
    path = adapt.from_theta0(theta0, batch, model, inner_lr=INNER_LR, loss=mse)
    steps = adapt.steps(path, INNER_STEPS)                               # eq. 22.4, K times
    return np.stack([np.stack([np.ravel(w), np.ravel(b)], axis=1) for w, b in steps], axis=1)


def _square_limits(ax, points, pad):
    """Equal scales on both axes, with a window holding ``points`` (so arrows keep their angles)."""
    lo, hi = points.min(axis=0), points.max(axis=0)
    centre, half = (lo + hi) / 2, (hi - lo).max() / 2 + pad
    ax.set(xlim=(centre[0] - half, centre[0] + half), ylim=(centre[1] - half, centre[1] + half))
    ax.set_aspect("equal", adjustable="box")


def make(out_dir, *, quick=False, seed=0):
    """Draw fig22_3_parallel_tasks.png; return the pulls, their mean and the batched gradient."""
    cfg = QUICK if quick else FULL
    model, family = MLP((1, 1)), LinearRegression()
    batch = family.sample(np.random.default_rng([seed, 1]), cfg["n_tasks"], N_SUPPORT, N_QUERY)
    theta0 = as_params(THETA0)
    kw = dict(inner_lr=INNER_LR, inner_steps=INNER_STEPS)

    # Each task on its own: its query loss after K steps, and its meta-gradient.
    per_task = [maml.meta_grad(theta0, one_task(batch, i), model, **kw)
                for i in range(cfg["n_tasks"])]
    task_losses = np.array([float(loss) for loss, _ in per_task])
    pulls = -np.stack([as_point(g) for _, g in per_task])                # -dL_i/dtheta0
    # All tasks at once, as in training: the gradient of the mean query loss.
    batch_loss, batch_grad = maml.meta_grad(theta0, batch, model, **kw)
    meta_update = -as_point(batch_grad)
    mismatch = float(np.max(np.abs(pulls.mean(axis=0) - meta_update)))
    if not mismatch < 1e-10:
        raise RuntimeError(f"the mean of the per-task pulls differs from the batched "
                             f"meta-gradient by {mismatch:.3g}")

    paths = inner_paths(theta0, batch, model)
    optima = least_squares(batch.x_support, batch.y_support)
    start = np.asarray(THETA0, float)

    fig, (ax, ax_sum) = style.subplots(1, 2, size=(13.0, 6.2),
                                       gridspec_kw={"width_ratios": [1.25, 1]})
    for i in range(cfg["n_tasks"]):
        c = style.TASK_COLORS[i % len(style.TASK_COLORS)]
        ax.plot(*paths[i].T, ":", color=c, lw=1.3, marker="o", ms=3.5)
        ax.plot(*paths[i, -1], "D", color=c, ms=6)
        ax.plot(*optima[i], "*", color=c, ms=13, mec="black", mew=0.6)
        ax.annotate("", xy=start + SCALE * pulls[i], xytext=start,
                    arrowprops=dict(arrowstyle="-|>", color=c, lw=2.2, mutation_scale=14))
        ax.plot([], [], "-", color=c, lw=2.2,
                label=rf"task {i + 1}: pull $-\partial L_{{{i + 1}}}/\partial\theta_0$, "
                      rf"query loss {task_losses[i]:.2f}")
    ax.annotate("", xy=start + SCALE * meta_update, xytext=start,
                arrowprops=dict(arrowstyle="-|>", color="black", lw=3, mutation_scale=18))
    ax.plot(*start, "o", color=style.COLORS["maml"], ms=9, zorder=5, label=r"$\theta_0$")
    ax.plot([], [], "-", color="black", lw=3,
            label=r"meta-gradient $-\partial L/\partial\theta_0$ = mean of the pulls")
    ax.plot([], [], ":", color="#7F7F7F", marker="o", ms=3.5,
            label=f"inner path: K = {INNER_STEPS} steps of eq. 22.4 per task")
    ax.plot([], [], "D", color="#7F7F7F", ms=6, label=r"adapted $\theta_{K,i}$")
    ax.plot([], [], "*", color="#7F7F7F", ms=13, mec="black", mew=0.6,
            label=r"task optimum $\theta^*_i$ (least squares)")
    ax.set(xlabel="slope parameter $w$", ylabel="intercept parameter $b$",
           title=f"{cfg['n_tasks']} tasks fine-tuned in parallel from one $\\theta_0$ "
                 f"(K = {INNER_STEPS}, $\\eta_{{in}}$ = {INNER_LR});\n"
                 f"every arrow (pulls, meta-gradient) drawn {SCALE:g} times its length")
    _square_limits(ax, np.vstack([paths.reshape(-1, 2), optima,
                                  start + SCALE * pulls]), pad=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8.5)

    # Right: the pulls divided by the number of tasks, laid head to tail.
    tip = start.copy()
    for i in range(cfg["n_tasks"]):
        c = style.TASK_COLORS[i % len(style.TASK_COLORS)]
        step = SCALE * pulls[i] / cfg["n_tasks"]
        ax_sum.annotate("", xy=tip + step, xytext=tip,
                        arrowprops=dict(arrowstyle="-|>", color=c, lw=2.2, mutation_scale=14))
        ax_sum.plot([], [], "-", color=c, lw=2.2,
                    label=f"task {i + 1}: pull / {cfg['n_tasks']}")
        tip = tip + step
    end = start + SCALE * meta_update
    ax_sum.annotate("", xy=end, xytext=start,
                    arrowprops=dict(arrowstyle="-|>", color="black", lw=3, ls="--",
                                    mutation_scale=18, alpha=0.8))
    ax_sum.plot(*start, "o", color=style.COLORS["maml"], ms=9, label=r"$\theta_0$")
    ax_sum.plot([], [], "--", color="black", lw=3,
                label=f"batched meta-gradient (all tasks in one pass);\n"
                      f"max |mean of pulls - batched| = {mismatch:.1e}")
    corners = np.vstack([start, end, start + np.cumsum(SCALE * pulls / cfg["n_tasks"],
                                                        axis=0)])
    _square_limits(ax_sum, corners, pad=0.1 * np.ptp(corners, axis=0).max())
    ax_sum.set(xlabel="slope parameter $w$", ylabel="intercept parameter $b$",
               title=f"The meta-update is the sum of the pulls / number of tasks\n"
                     f"(arrows drawn {SCALE:g} times their length)")
    ax_sum.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=1, fontsize=8.5)
    files = [style.save(fig, out_dir, "fig22_3_parallel_tasks")]
    return {"files": files, "theta0": start, "pulls": pulls, "mean_pull": pulls.mean(axis=0),
            "meta_update": meta_update, "max_abs_difference": mismatch,
            "task_query_losses": task_losses, "batch_meta_loss": float(batch_loss),
            "inner_paths": paths, "task_optima": optima}
