"""Figure 22.6: Reptile steps toward where T inner steps went; MAML along its meta-gradient.

Lecture 22, section 1.4.2 (eq. 22.5, Figure 22.6); Nichol, Achiam and
Schulman (2018), "On First-Order Meta-Learning Algorithms"; Finn, Abbeel and
Levine (2017) for MAML (eq. 22.3).

In the plane of :mod:`scratchmeta.figures.fig22_1` (linear tasks, the
two-parameter learner ``MLP((1, 1))``, 10 support and 10 query points) and with
the same inner learning rate for both methods:

* left: from one theta0, each of four tasks runs T = 32 steps of inner SGD
  (eq. 22.4) on its support set, theta0 -> theta_T,i (the dotted paths of the
  lecture's Figure 22.6). Reptile's update is
  ``theta0 + eps * mean_i(theta_T,i - theta0)`` (eq. 22.5,
  :func:`scratchmeta.meta.reptile.reptile_step`); with eps = 1 its arrow ends
  at the centroid of the theta_T,i. Beside it, MAML's update
  ``theta0 - eta * dL_test/dtheta0`` (eq. 22.3) for the same tasks, with
  K = 1 tentative inner step each (drawn short and solid) and the query loss
  differentiated back through it (:func:`scratchmeta.meta.maml.meta_grad`).
  Both arrows are drawn with step size 1, so their lengths compare.
* middle: meta-training from fig22_1's starting point, the same task batch
  at every meta-step for both, plain SGD steps eps = eta = 0.1. Behind the
  paths: contours of MAML's meta-loss (query MSE after K = 1 inner step,
  averaged over held-out tasks), the function MAML descends and Reptile does not.
* right: that held-out meta-loss along both meta-trajectories.
"""

import numpy as np
from matplotlib import patheffects, ticker

from scratchmeta.figures import style
from scratchmeta.meta.checks import (check_count, check_family, check_model, check_params_fit,
                                     check_rng)
from scratchmeta.figures.fig22_1 import (N_SUPPORT, N_QUERY, THETA0_START, as_params,
                                         as_point, least_squares, meta_loss_on_grid,
                                         spread_tasks)
from scratchmeta.meta import adapt, maml, reptile
from scratchmeta.nn import MLP
from scratchmeta.tasks import LinearRegression, mse

FULL = dict(meta_steps=200, meta_batch=5, eval_tasks=200, grid=61)
QUICK = dict(meta_steps=80, meta_batch=5, eval_tasks=50, grid=25)

INNER_LR = 0.1           # eta_inner of eq. 22.4, the same for Reptile and MAML
T = 32                   # Reptile's inner steps, T >> K
K = 1                    # MAML's inner steps
THETA0 = (0.0, -0.5)     # where the single update is drawn (fig22_3's theta0)
STEP_SIZE = 1.0          # eps and eta of the drawn single update (arrows to scale)
META_LR = 0.1            # eps (Reptile) and eta (MAML) in meta-training
#: Task colours that differ from Reptile's orange and MAML's blues.
TASK_COLORS = [c for c in style.TASK_COLORS
               if c not in (style.COLORS["reptile"], style.COLORS["maml"], style.COLORS["fomaml"])]


def inner_paths(theta0, batch, model, n_steps):
    """Every task's parameters after 0, 1, ..., n_steps inner SGD steps: (tasks, n + 1, 2)."""
    check_model(model), check_params_fit(model, theta0, "theta0")
    path = adapt.from_theta0(theta0, batch, model, inner_lr=INNER_LR, loss=mse)
    steps = adapt.steps(path, n_steps)                     # one pass of eq. 22.4, n_steps long
    return np.stack([np.stack([np.ravel(w), np.ravel(b)], axis=1) for w, b in steps], axis=1)


def one_update(theta0, batch, model):
    """Reptile's and MAML's update of theta0 on one batch of tasks, with step size STEP_SIZE."""
    check_model(model), check_params_fit(model, theta0, "theta0")
    theta_T = reptile.fine_tune_tasks(theta0, batch, model, inner_lr=INNER_LR, inner_steps=T)
    direction = as_point(reptile.reptile_direction(theta0, theta_T))   # mean(theta_T - theta0)
    reptile_step = STEP_SIZE * direction                                  # eq. 22.5
    meta_loss, grads = maml.meta_grad(theta0, batch, model, inner_lr=INNER_LR, inner_steps=K)
    maml_step = -STEP_SIZE * as_point(grads)                            # eq. 22.3
    return {"theta_T": np.stack([np.ravel(theta_T[0]), np.ravel(theta_T[1])], axis=1),
            "reptile_direction": direction, "reptile_step": reptile_step,
            "maml_step": maml_step, "maml_meta_loss": float(meta_loss)}


def meta_trajectories(model, family, rng, *, meta_steps, meta_batch):
    """theta0 after 0..meta_steps updates of Reptile (eq. 22.5) and MAML (eq. 22.3).

    Both start at fig22_1's THETA0_START and meet the same task batch at each step.
    """
    check_model(model), check_family(family), check_rng("rng", rng)
    check_count("meta_steps", meta_steps, 0), check_count("meta_batch", meta_batch, 1)
    theta = {"reptile": as_params(THETA0_START), "maml": as_params(THETA0_START)}
    paths = {name: [as_point(p)] for name, p in theta.items()}
    for _ in range(meta_steps):
        batch = family.sample(rng, meta_batch, N_SUPPORT, N_QUERY)
        theta["reptile"] = reptile.reptile_step(theta["reptile"], batch, model,
                                                inner_lr=INNER_LR, inner_steps=T,
                                                meta_lr=META_LR)
        _, grads = maml.meta_grad(theta["maml"], batch, model, inner_lr=INNER_LR,
                                  inner_steps=K)
        theta["maml"] = [p - META_LR * g for p, g in zip(theta["maml"], grads)]
        for name, p in theta.items():
            paths[name].append(as_point(p))
    return {name: np.array(path) for name, path in paths.items()}


def _equal_window(ax, lo, hi):
    """Limits holding the box lo..hi with one unit of w as long as one unit of b.

    Call after the figure has been laid out once (``fig.canvas.draw()``): the
    panel's shape is read from its position, and the box is widened along one
    axis to match it, so arrows keep their angles. (``set_aspect("equal")``
    would do this too, but with constrained layout it either lets the legend
    below the panel fall off the figure or widens the limits at every draw.)
    """
    lo, hi = np.asarray(lo, float), np.asarray(hi, float)
    fig = ax.figure
    pos = ax.get_position()
    panel = (pos.height * fig.get_figheight()) / (pos.width * fig.get_figwidth())
    size, centre = hi - lo, (hi + lo) / 2
    if size[1] / size[0] < panel:
        size[1] = size[0] * panel          # too flat for the panel: heighten
    else:
        size[0] = size[1] / panel          # too tall: widen
    ax.set(xlim=(centre[0] - size[0] / 2, centre[0] + size[0] / 2),
           ylim=(centre[1] - size[1] / 2, centre[1] + size[1] / 2))


def _arrow(ax, start, step, color, lw=2.8):
    """An update arrow drawn above the paths, with a white rim so it stands out."""
    arrow = ax.annotate("", xy=start + step, xytext=start, zorder=6,
                        arrowprops=dict(arrowstyle="-|>", color=color, lw=lw,
                                        mutation_scale=20))
    arrow.arrow_patch.set_path_effects([patheffects.withStroke(linewidth=lw + 2.5,
                                                               foreground="white")])


def make(out_dir, *, quick=False, seed=0):
    """Draw fig22_6_reptile.png; return the inner paths, both updates, both meta-trajectories."""
    cfg = QUICK if quick else FULL
    model, family = MLP((1, 1)), LinearRegression()
    shown = spread_tasks(family, np.random.default_rng([seed, 3]))
    eval_batch = family.sample(np.random.default_rng([seed, 2]), cfg["eval_tasks"],
                               N_SUPPORT, N_QUERY)

    # Left: one update from THETA0 on the four shown tasks.
    theta0 = as_params(THETA0)
    start = np.asarray(THETA0, float)
    update = one_update(theta0, shown, model)
    paths_T = inner_paths(theta0, shown, model, T)          # the dotted T-step paths
    paths_K = inner_paths(theta0, shown, model, K)          # MAML's tentative steps
    mismatch = float(np.max(np.abs(paths_T[:, -1] - update["theta_T"])))
    if not mismatch < 1e-12:
        raise RuntimeError(f"the drawn T-step paths end {mismatch:.3g} away from theta_T")
    shown_optima = least_squares(shown.x_support, shown.y_support)

    # Middle and right: meta-training, and the held-out meta-loss along the way.
    paths = meta_trajectories(model, family, np.random.default_rng([seed, 1]),
                              meta_steps=cfg["meta_steps"], meta_batch=cfg["meta_batch"])
    held_out = {name: np.array([float(maml.meta_loss(as_params(p), eval_batch, model,
                                                     inner_lr=INNER_LR, inner_steps=K))
                                for p in path])
                for name, path in paths.items()}
    optima = least_squares(eval_batch.x_support, eval_batch.y_support)
    both = np.vstack([paths["reptile"], paths["maml"]])
    lo = np.min([both.min(0), np.percentile(optima, 2, axis=0)], 0) - 0.5
    hi = np.max([both.max(0), np.percentile(optima, 98, axis=0)], 0) + 0.5

    colors = style.COLORS
    fig, (ax, ax_traj, ax_loss) = style.subplots(
        1, 3, size=(17.0, 7.6), gridspec_kw={"width_ratios": [1.0, 1.25, 0.8]})

    for i in range(len(shown_optima)):
        c = TASK_COLORS[i]
        ax.plot(*paths_T[i].T, ":", color=c, lw=1.4, marker="o", ms=2.2)
        ax.plot(*paths_T[i, -1], "D", color=c, ms=7, mec="black", mew=0.5)
        ax.plot(*paths_K[i].T, "-", color=c, lw=2.2)
        ax.plot(*paths_K[i, -1], "o", color=c, ms=5, mec="black", mew=0.5)
        ax.plot(*shown_optima[i], "*", color=c, ms=13, mec="black", mew=0.6)
    centroid = update["theta_T"].mean(axis=0)
    ax.plot(*centroid, "x", color="black", ms=11, mew=2.2,
            label=r"centroid of the $\theta_{T,i}$")
    _arrow(ax, start, update["reptile_step"], colors["reptile"])
    _arrow(ax, start, update["maml_step"], colors["maml"])
    ax.plot(*start, "o", color="black", ms=8, zorder=5, label=r"$\theta_0$")
    ax.plot([], [], ":", color="#7F7F7F", marker="o", ms=2.2,
            label=f"T = {T} inner SGD steps (eq. 22.4), ending at $\\theta_{{T,i}}$ (diamond)")
    ax.plot([], [], "-", color="#7F7F7F", lw=2.2, marker="o", ms=5,
            label=f"MAML's tentative K = {K} step, ending at $\\theta_{{1,i}}$")
    ax.plot([], [], "*", color="#7F7F7F", ms=13, mec="black", mew=0.6,
            label=r"task optimum $\theta^*_i$ (least squares on the support set)")
    ax.plot([], [], "-", color=colors["reptile"], lw=2.6,
            label=rf"Reptile: $\varepsilon\,$mean$(\theta_{{T,i}}-\theta_0)$, "
                  rf"$\varepsilon$ = {STEP_SIZE:g} (eq. 22.5)")
    ax.plot([], [], "-", color=colors["maml"], lw=2.6,
            label=rf"MAML: $-\eta\,\partial L_{{test}}/\partial\theta_0$, $\eta$ = "
                  f"{STEP_SIZE:g}, K = {K} (eq. 22.3)")
    corners = np.vstack([paths_T.reshape(-1, 2), shown_optima, start + update["maml_step"]])
    ax.set(xlabel="slope parameter $w$", ylabel="intercept parameter $b$",
           title=f"One update from $\\theta_0$ on 4 tasks ($\\eta_{{in}}$ = {INNER_LR})")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.11), ncol=1, fontsize=8.5)

    ax_traj.scatter(*optima.T, s=10, color=colors["task"], alpha=0.35,
                    label=r"task optima $\theta^*_i$ (held-out tasks)")
    for name, label in (("reptile", f"Reptile, T = {T} (eq. 22.5)"),
                        ("maml", f"MAML, K = {K} (eq. 22.3)")):
        ax_traj.plot(*paths[name].T, color=colors[name], lw=2, marker="o", ms=2,
                     label=f"{label}: ends at ({paths[name][-1, 0]:.2f}, "
                           f"{paths[name][-1, 1]:.2f})")
        ax_traj.plot(*paths[name][-1], "o", color=colors[name], ms=8)
    ax_traj.plot(*paths["maml"][0], "o", color="black", ms=7, mfc="white", mew=2,
                 label=r"start $\theta_0$ (as in fig22_1)")
    ax_traj.plot([], [], color="#999999", lw=0.8,
                 label=f"contours of MAML's meta-loss (K = {K}, held-out tasks)")
    ax_traj.set(xlabel="slope parameter $w$",
                ylabel="intercept parameter $b$",
                title=f"Meta-trajectories of $\\theta_0$: {cfg['meta_steps']} steps, "
                      rf"$\varepsilon$ = $\eta$ = {META_LR}, {cfg['meta_batch']} tasks/step")
    ax_traj.legend(loc="upper center", bbox_to_anchor=(0.5, -0.11), ncol=1, fontsize=8.5)

    steps = np.arange(cfg["meta_steps"] + 1)
    for name, label in (("reptile", "Reptile"), ("maml", "MAML")):
        ax_loss.plot(steps, held_out[name], color=colors[name],
                     label=f"{label}'s $\\theta_0$: {held_out[name][0]:.2f} -> "
                           f"{held_out[name][-1]:.3f}")
    ax_loss.set(yscale="log", xlabel="meta-step",
                ylabel=f"query MSE after K = {K} inner step (log scale)",
                title=f"MAML's meta-loss on {cfg['eval_tasks']} held-out tasks")
    ax_loss.set_yticks([1, 2, 4, 8])
    ax_loss.yaxis.set_major_formatter(ticker.ScalarFormatter())
    ax_loss.yaxis.set_minor_formatter(ticker.NullFormatter())
    ax_loss.legend(loc="upper center", bbox_to_anchor=(0.5, -0.11), fontsize=8.5)
    fig.suptitle(f"Reptile (T = {T} inner steps, section 1.4.2) beside MAML (K = {K}) on "
                 f"linear tasks, inner lr {INNER_LR} for both")
    # Lay the figure out once, then give both planes equal scales in the panels
    # they got; the contours are evaluated on the middle panel's final window.
    fig.canvas.draw()
    _equal_window(ax, corners.min(0) - 0.3, corners.max(0) + 0.3)
    _equal_window(ax_traj, lo, hi)
    ws = np.linspace(*ax_traj.get_xlim(), cfg["grid"])
    bs = np.linspace(*ax_traj.get_ylim(), cfg["grid"])
    surface = meta_loss_on_grid(ws, bs, eval_batch, model, inner_lr=INNER_LR, inner_steps=K)
    levels = np.quantile(surface, np.linspace(0.0, 0.9, 12))
    cs = ax_traj.contour(ws, bs, surface, levels=levels, colors="#999999", linewidths=0.8,
                         zorder=0)
    ax_traj.clabel(cs, cs.levels[1::2], fmt="%.2f", fontsize=8)
    files = [style.save(fig, out_dir, "fig22_6_reptile")]
    return {"files": files, "theta0": start, "inner_paths_T": paths_T, "inner_paths_K": paths_K,
            "shown_tasks": shown, "shown_optima": shown_optima, "step_size": STEP_SIZE,
            "inner_lr": INNER_LR, "T": T, "K": K, **update, "theta_T_centroid": centroid,
            "trajectories": paths, "held_out_meta_loss": held_out, "task_optima": optima,
            "grid_w": ws, "grid_b": bs, "meta_loss_grid": surface}
