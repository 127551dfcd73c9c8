"""Figure 22.1: the MAML update, drawn from data in a two-parameter plane.

Lecture 22, section 1.2.2 (steps 1-5, eq. 22.1-22.3) and Figure 22.1, which
follows Finn, Abbeel and Levine (2017), Figure 1.

Each task of :class:`~scratchmeta.tasks.LinearRegression` is a line
``y = a x + c``, and the learner ``MLP((1, 1))`` has exactly two parameters,
``W`` (1, 1) and ``b`` (1,): a point theta = (w, b) of a plane. So the whole
of MAML fits in one picture:

* the task optima theta*_i, each task's least-squares line on its support set,
  are a cloud of points;
* the meta-trajectory of theta0 under eq. 22.3, plain SGD on the meta-gradient
  with a fresh batch of tasks at every step ("do SGD" with tasks as examples,
  section 1.2.1);
* at the learned theta0, for a few tasks, the inner step of eq. 22.4,
  ``-inner_lr * grad L_support,i(theta0)``, and the adapted parameters it
  reaches;
* the contours of the meta-loss (the mean query loss after the inner step)
  over the plane, evaluated by the engine on a fixed set of held-out tasks.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.figures import style
from scratchmeta.meta.checks import check_batch, check_count, check_family, check_model, check_rng
from scratchmeta.meta import adapt, maml
from scratchmeta.nn import MLP
from scratchmeta.tasks import LinearRegression, mse

FULL = dict(meta_steps=1500, meta_batch=5, eval_tasks=200, grid=61, population_tasks=4000)
QUICK = dict(meta_steps=600, meta_batch=5, eval_tasks=50, grid=25, population_tasks=4000)

INNER_LR = 0.4           # eta_inner of eq. 22.4: large enough to see the inner step
INNER_STEPS = 1          # K = 1, as in Finn et al.'s Figure 1
META_LR = 0.1            # eta of eq. 22.3 (plain SGD, so the path is the gradient's)
THETA0_START = (-2.5, -2.0)
N_SUPPORT = N_QUERY = 10
N_SHOWN = 4              # tasks whose inner step is drawn
EARLY_STEP = 150         # the first edition stopped here, before b had converged


def as_point(params):
    """The parameter list [W (1, 1), b (1,)] of MLP((1, 1)) as a point (w, b)."""
    if not (isinstance(params, (list, tuple)) and len(params) == 2
            and all(np.size(p) == 1 for p in params)):
        raise ValueError(f"params must be MLP((1, 1))'s parameter list [W (1, 1), b (1,)], got "
                         f"{params!r:.80}")
    style.check_numbers("params", [np.ravel(p)[0] for p in params])
    w, b = params
    return np.array([np.ravel(w)[0], np.ravel(b)[0]])


def as_params(point):
    """A point (w, b) as the parameter list [W (1, 1), b (1,)] of MLP((1, 1))."""
    point = style.check_numbers("point", point, (2,), "a point (w, b): two finite numbers")
    return [np.array([[point[0]]], dtype=float), np.array([point[1]], dtype=float)]


def least_squares(x, y):
    """Each task's least-squares (w, b) on its points: the task optimum theta*_i."""
    x = style.check_numbers("x", x, (None, None, 1), "tasks' inputs (tasks, points, 1)")
    y = style.check_numbers("y", y, x.shape, f"tasks' targets of x's shape {x.shape}")
    ones = np.ones_like(x)
    design = np.concatenate([x, ones], axis=-1)                      # (tasks, points, 2)
    return np.stack([np.linalg.lstsq(d, t[:, 0], rcond=None)[0]
                     for d, t in zip(design, y)])


def meta_loss_on_grid(ws, bs, batch, model, *, inner_lr=INNER_LR,
                      inner_steps=INNER_STEPS):
    """The meta-loss at every theta0 = (w, b) of a grid, in one batched pass.

    Every (grid point, task) pair becomes one "task" of a big batch: theta0 is
    repeated once per task, the inner step (eq. 22.4) runs on all pairs at
    once through :func:`maml.inner_sgd`, and the query losses are averaged
    over tasks. Returns an array of shape (len(bs), len(ws)).
    """
    ws = style.check_numbers("ws", ws, (None,), "a 1-D grid of w, finite numbers")
    bs = style.check_numbers("bs", bs, (None,), "a 1-D grid of b, finite numbers")
    check_model(model), check_batch(batch, model=model)
    w_grid, b_grid = np.meshgrid(ws, bs)
    n_points, n_tasks = w_grid.size, batch.x_support.shape[0]
    theta = [np.repeat(w_grid.reshape(-1, 1, 1), n_tasks, axis=0),
             np.repeat(b_grid.reshape(-1, 1, 1), n_tasks, axis=0)]
    tile = lambda a: np.tile(a, (n_points, 1, 1))                    # noqa: E731
    theta_k = maml.inner_sgd(theta, tile(batch.x_support), tile(batch.y_support), model.apply,
                             inner_lr=inner_lr, inner_steps=inner_steps)
    query = mse(model.apply(theta_k, tile(batch.x_query)), tile(batch.y_query))
    return np.asarray(query).reshape(n_points, n_tasks).mean(axis=1).reshape(w_grid.shape)


def spread_tasks(family, rng, n_candidates=40):
    """Four tasks to draw, one near each corner (mean +- 1.2 sd per axis) of the task cloud.

    A random handful of tasks would often crowd together; taking, of some
    random candidates, the one nearest each of four corners spreads their
    arrows around the plane without picking outliers.
    """
    check_family(family), check_rng("rng", rng)
    check_count("n_candidates", n_candidates, 4)        # four different tasks
    candidates = family.sample(rng, n_candidates, N_SUPPORT, N_QUERY)
    optima = least_squares(candidates.x_support, candidates.y_support)
    mean, sd = optima.mean(axis=0), optima.std(axis=0)
    picked = []
    for corner in ((-1, 1), (1, 1), (1, -1), (-1, -1)):
        distance = np.linalg.norm(optima - (mean + 1.2 * sd * np.array(corner)), axis=1)
        distance[picked] = np.inf                          # four different tasks
        picked.append(int(np.argmin(distance)))
    return type(candidates)(*(a[picked] for a in candidates))


def meta_trajectory(model, family, rng, eval_batch, *, meta_steps, meta_batch):
    """theta0 after 0, 1, ..., meta_steps steps of eq. 22.3, and its meta-loss on held-out tasks."""
    check_model(model), check_family(family), check_rng("rng", rng)
    check_batch(eval_batch, "eval_batch", model=model)
    check_count("meta_steps", meta_steps, 0), check_count("meta_batch", meta_batch, 1)
    theta = as_params(THETA0_START)
    path, losses = [as_point(theta)], []
    for _ in range(meta_steps):
        batch = family.sample(rng, meta_batch, N_SUPPORT, N_QUERY)
        _, grads = maml.meta_grad(theta, batch, model, inner_lr=INNER_LR,
                                  inner_steps=INNER_STEPS)
        theta = [p - META_LR * g for p, g in zip(theta, grads)]         # eq. 22.3
        path.append(as_point(theta))
    for point in path:
        losses.append(float(maml.meta_loss(as_params(point), eval_batch, model,
                                           inner_lr=INNER_LR, inner_steps=INNER_STEPS)))
    return np.array(path), np.array(losses)


def meta_loss_minimum(batch, model):
    """The theta0 = (w, b) minimising the meta-loss on ``batch``, that loss, and its Hessian.

    For a linear learner and squared error, one inner step (eq. 22.4) is an
    affine map of theta0 and the query loss is quadratic in theta_1, so the
    meta-loss is exactly quadratic in theta0: one Newton step from any point,
    theta - H^-1 g with the engine's gradient and Hessian, lands on its minimum.
    """
    check_model(model), check_batch(batch, model=model)
    def loss(point):
        params = [ad.reshape(point[0], (1, 1)), ad.reshape(point[1], (1,))]
        return maml.meta_loss(params, batch, model, inner_lr=INNER_LR, inner_steps=INNER_STEPS)

    start = np.zeros(2)
    hessian = np.asarray(ad.hessian(loss)(start))          # constant: the loss is quadratic
    minimum = start - np.linalg.solve(hessian, np.asarray(ad.grad(loss)(start)))
    return minimum, float(loss(minimum)), hessian


def make(out_dir, *, quick=False, seed=0):
    """Draw fig22_1_maml_update.png; return the trajectory, task optima and losses."""
    cfg = QUICK if quick else FULL
    model, family = MLP((1, 1)), LinearRegression()
    train_rng = np.random.default_rng([seed, 1])      # the tasks of each meta-step
    eval_batch = family.sample(np.random.default_rng([seed, 2]), cfg["eval_tasks"],
                               N_SUPPORT, N_QUERY)
    shown = spread_tasks(family, np.random.default_rng([seed, 3]))

    path, meta_losses = meta_trajectory(model, family, train_rng, eval_batch,
                                        meta_steps=cfg["meta_steps"],
                                        meta_batch=cfg["meta_batch"])
    # The loss without adaptation at the same theta0s (K = 0), for comparison.
    no_adapt = np.array([float(maml.meta_loss(as_params(p), eval_batch, model,
                                              inner_lr=INNER_LR, inner_steps=0))
                         for p in path])
    optima = least_squares(eval_batch.x_support, eval_batch.y_support)
    # Where the meta-loss is lowest: on many fresh tasks, since along b it is so
    # flat that a few hundred tasks place its minimum only roughly.
    population = family.sample(np.random.default_rng([seed, 4]), cfg["population_tasks"],
                               N_SUPPORT, N_QUERY)
    minimum, loss_at_minimum, hessian = meta_loss_minimum(population, model)

    def population_loss(point):
        return float(maml.meta_loss(as_params(point), population, model,
                                    inner_lr=INNER_LR, inner_steps=INNER_STEPS))
    loss_at_theta0 = population_loss(path[-1])
    early = min(EARLY_STEP, len(path) - 1)
    shown_optima = least_squares(shown.x_support, shown.y_support)

    # The inner step from the learned theta0, for the shown tasks (eq. 22.4).
    theta0 = as_params(path[-1])
    adapted = adapt.steps(adapt.from_theta0(theta0, shown, model, inner_lr=INNER_LR, loss=mse),
                          INNER_STEPS)[-1]
    adapted = np.stack([np.ravel(adapted[0]), np.ravel(adapted[1])], axis=1)
    inner_grads = np.stack([
        as_point(ad.grad(lambda p, i=i: ad.sum(mse(model.apply(p, shown.x_support[i]),
                                                   shown.y_support[i])))(theta0))
        for i in range(N_SHOWN)])

    # Contours of the meta-loss over a window holding the path and the tasks.
    lo = np.min([path.min(0), np.percentile(optima, 2, axis=0), shown_optima.min(0)], 0) - 0.5
    hi = np.max([path.max(0), np.percentile(optima, 98, axis=0), shown_optima.max(0)], 0) + 0.5
    ws, bs = np.linspace(lo[0], hi[0], cfg["grid"]), np.linspace(lo[1], hi[1], cfg["grid"])
    surface = meta_loss_on_grid(ws, bs, eval_batch, model)

    fig, (ax, ax_loss) = style.subplots(1, 2, size=(13.0, 6.6),
                                        gridspec_kw={"width_ratios": [1.4, 1]})
    levels = np.quantile(surface, np.linspace(0.0, 0.9, 12))
    cs = ax.contour(ws, bs, surface, levels=levels, colors="#999999", linewidths=0.8)
    ax.clabel(cs, cs.levels[1::2], fmt="%.2f", fontsize=8)
    ax.scatter(*optima.T, s=10, color=style.COLORS["task"], alpha=0.35,
               label=r"task optima $\theta^*_i$ (least squares, held-out tasks)")
    ax.plot(*path.T, color=style.COLORS["maml"], lw=2,
            label=r"meta-trajectory of $\theta_0$ (eq. 22.3)")
    ax.plot(*path[0], "o", color=style.COLORS["maml"], ms=7, mfc="white", mew=2,
            label=r"start $\theta_0$")
    ax.plot(*path[-1], "o", color=style.COLORS["maml"], ms=8, label=r"learned $\theta_0$")
    ax.plot(*path[early], "s", color=style.COLORS["maml"], ms=6, mfc="white", mew=1.5,
            label=rf"$\theta_0$ after {early} meta-steps")
    ax.plot(*minimum, "P", color="black", ms=10, mfc="white", mew=1.5, zorder=6,
            label=f"meta-loss minimum ({cfg['population_tasks']} fresh tasks)")
    for i in range(N_SHOWN):
        c = style.TASK_COLORS[i]
        ax.annotate("", xy=adapted[i], xytext=path[-1],
                    arrowprops=dict(arrowstyle="-|>", color=c, lw=2, mutation_scale=14))
        ax.plot(*adapted[i], "D", color=c, ms=6,
                label=rf"task {i + 1}: $\theta_0 - \eta_{{in}}\nabla L_{i + 1}$ (adapted)")
        ax.plot(*shown_optima[i], "*", color=c, ms=13, mec="black", mew=0.6)
        ax.plot(*np.stack([adapted[i], shown_optima[i]]).T, ":", color=c, lw=1.2)
    ax.plot([], [], "*", color="#999999", ms=13, mec="black", mew=0.6,
            label=r"optimum $\theta^*_i$ of a shown task")
    ax.plot([], [], color="#999999", lw=0.8, label="meta-loss contours")
    ax.set(xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]), xlabel="slope parameter $w$",
           ylabel="intercept parameter $b$",
           title=f"The MAML update in parameter space (K = {INNER_STEPS}, "
                 rf"$\eta_{{in}}$ = {INNER_LR}, $\eta$ = {META_LR})")
    ax.set_aspect("equal", adjustable="box")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=9)

    steps = np.arange(len(meta_losses))
    ax_loss.plot(steps, meta_losses, color=style.COLORS["maml"],
                 label=f"after K = {INNER_STEPS} inner step (the meta-loss)")
    ax_loss.plot(steps, no_adapt, "--", color=style.COLORS["random"],
                 label="before adapting (K = 0)")
    ax_loss.set(yscale="log", xlabel="meta-step", ylabel="mean query MSE on held-out tasks",
                title=f"Meta-loss along the trajectory ({cfg['eval_tasks']} held-out tasks)")
    ax_loss.legend()
    files = [style.save(fig, out_dir, "fig22_1_maml_update")]
    return {"files": files, "trajectory": path, "meta_loss": meta_losses,
            "loss_before_adapting": no_adapt, "task_optima": optima,
            "shown_optima": shown_optima, "adapted": adapted, "inner_grads": inner_grads,
            "theta0": path[-1], "meta_loss_minimum": minimum,
            "loss_at_minimum": loss_at_minimum, "population_loss_at_theta0": loss_at_theta0,
            "early_step": early, "population_loss_early": population_loss(path[early]),
            "meta_loss_hessian": hessian,
            "population_optima_mean": least_squares(population.x_support,
                                                    population.y_support).mean(axis=0),
            "grid_w": ws, "grid_b": bs, "meta_loss_grid": surface}
