"""Figure 22.4: the inner loop, K steps of SGD on one task, from a meta-learned theta0.

Lecture 22, section 1.3.6, eq. 22.4 (``theta_{t+1} = theta_t - inner_lr *
grad L_train(theta_t)``) and Figure 22.4; the sinusoid experiment of Finn,
Abbeel and Levine (2017), section 5.1 and Figure 2.

We meta-train second-order MAML on sinusoids (``MLP((1, 40, 40, 1))``, K = 1
inner step of lr 0.01 during meta-training, meta-batch 25, Adam), then run the
inner loop at test time: plain SGD with the same lr on the 10 support points
of a held-out task, for more steps than were trained. After each step we
score the fine-tuned network on the task's query points. The comparison is the
same network before meta-training (its random initialisation), fine-tuned the
same way.
"""

import numpy as np

from scratchmeta.figures import style
from scratchmeta.meta.checks import check_model, check_params_fit
from scratchmeta.meta import adapt
from scratchmeta.meta.maml import MAML, MAMLConfig
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid, mse

FULL = dict(meta_steps=5000, test_tasks=200)
QUICK = dict(meta_steps=300, test_tasks=50)

SIZES = (1, 40, 40, 1)
INNER_LR = 0.01          # eta_inner of eq. 22.4, in meta-training and at test time
TRAIN_K = 1              # inner steps during meta-training
TEST_STEPS = 10          # inner steps drawn at test time
N_SUPPORT, N_QUERY = 10, 100


def query_curves(params, batch, model):
    """Query MSE of each task after 0, 1, ..., TEST_STEPS steps of eq. 22.4: (tasks, steps + 1)."""
    path = adapt.from_theta0(params, batch, model, inner_lr=INNER_LR, loss=mse)
    return np.stack([np.asarray(mse(model.apply(theta, batch.x_query), batch.y_query))
                     for theta in adapt.steps(path, TEST_STEPS)], axis=1)


def fits(params, task, model, x_grid):
    """The network's curve on ``x_grid`` after 0, 1, ..., TEST_STEPS steps: (steps + 1, points)."""
    check_model(model), check_params_fit(model, params)
    x_grid = style.check_numbers("x_grid", x_grid, (None, model.sizes[0]), "points (n, inputs)")
    path = adapt.from_theta0(params, task, model, inner_lr=INNER_LR, loss=mse)
    return np.stack([np.asarray(model.apply(theta, x_grid[None]))[0, :, 0]
                     for theta in adapt.steps(path, TEST_STEPS)])


def make(out_dir, *, quick=False, seed=0):
    """Draw fig22_4_inner_loop.png; return the fits and the query-loss curves."""
    cfg = QUICK if quick else FULL
    model, family = MLP(SIZES), Sinusoid()
    strategy = MAML(model, family, MAMLConfig(inner_lr=INNER_LR, inner_steps=TRAIN_K))
    state = strategy.init_state(np.random.default_rng([seed, 0]))
    random_init = state["params"]              # the same network, not meta-trained
    train_rng = np.random.default_rng([seed, 1])
    train_losses = []
    for step in range(cfg["meta_steps"]):
        batch = strategy.sample_batch(train_rng, state)
        state, loss = strategy.update(state, batch, train_rng, step)
        train_losses.append(loss)
    maml_init = state["params"]

    test = family.sample(np.random.default_rng([seed, 2]), cfg["test_tasks"], N_SUPPORT, N_QUERY)
    curves = {"maml": query_curves(maml_init, test, model),
              "random": query_curves(random_init, test, model)}
    # One task drawn in full: its truth on a dense grid and the fits step by step.
    shown_params = family.sample_params(np.random.default_rng([seed, 3]), 1)
    task = family.make_batch(np.random.default_rng([seed, 4]), shown_params, N_SUPPORT, N_QUERY)
    x_grid = np.linspace(*family.x_range, 200)[:, None]
    truth = family.target(shown_params, x_grid[None])[0, :, 0]
    shown_fits = {"maml": fits(maml_init, task, model, x_grid),
                  "random": fits(random_init, task, model, x_grid)}
    shown_curves = {name: query_curves(p, task, model)[0]
                    for name, p in (("maml", maml_init), ("random", random_init))}

    fig, axes = style.subplots(1, 3, size=(15.0, 6.0))
    steps = np.arange(TEST_STEPS + 1)
    amp, phase = shown_params[0]
    for ax, name, cmap, label in ((axes[0], "maml", "Blues", "MAML initialisation"),
                                  (axes[1], "random", "Greys", "random initialisation")):
        colours = style.plt.get_cmap(cmap)(np.linspace(0.35, 1.0, TEST_STEPS + 1))
        ax.plot(x_grid[:, 0], truth, color=style.COLORS["truth"], lw=2.5, ls="--",
                label=f"true task: {amp:.2f} sin(x - {phase:.2f})", zorder=4)
        for k in steps:
            ax.plot(x_grid[:, 0], shown_fits[name][k], color=colours[k], lw=1.4,
                    label=(f"after {k} step{'s' if k != 1 else ''}"
                           if k in (0, 1, TEST_STEPS) else None))
        ax.plot(task.x_support[0, :, 0], task.y_support[0, :, 0], "o", ms=7,
                mfc="white", mec=style.COLORS["support"], mew=1.8,
                label=f"{N_SUPPORT} support points", zorder=5)
        ax.set(xlabel="input x", ylabel="output y",
               title=f"{label}: {TEST_STEPS} SGD steps (eq. 22.4, lr {INNER_LR})",
               ylim=(-1.6 * max(amp, 1.0), 1.6 * max(amp, 1.0)))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=8.5)
        mappable = style.plt.cm.ScalarMappable(
            cmap=style.matplotlib.colors.ListedColormap(colours),
            norm=style.matplotlib.colors.BoundaryNorm(np.arange(TEST_STEPS + 2) - 0.5,
                                                      TEST_STEPS + 1))
        fig.colorbar(mappable, ax=ax, ticks=[0, 5, 10], label="SGD steps taken", pad=0.01)

    ax = axes[2]
    for name, label in (("maml", "MAML init"), ("random", "random init")):
        c = style.COLORS[name]
        mean = curves[name].mean(axis=0)
        sem = curves[name].std(axis=0, ddof=1) / np.sqrt(curves[name].shape[0])
        ax.plot(steps, mean, "o-", color=c, ms=4,
                label=f"{label}: mean of {cfg['test_tasks']} held-out tasks (+-1 s.e.)")
        ax.fill_between(steps, mean - sem, mean + sem, color=c, alpha=0.2)
        ax.plot(steps, shown_curves[name], ":", color=c, label=f"{label}: the task drawn left")
    ax.axvline(TRAIN_K, color="#999999", lw=1,
               label=f"K = {TRAIN_K}: the inner steps taken in meta-training")
    ax.set(yscale="log", xlabel="SGD steps on the support set",
           ylabel=f"query MSE ({N_QUERY} query points)",
           title="Query loss after each inner step", xticks=steps)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize=8.5)
    files = [style.save(fig, out_dir, "fig22_4_inner_loop")]
    return {"files": files, "query_curves": curves, "mean_curves":
            {k: v.mean(axis=0) for k, v in curves.items()}, "shown_curves": shown_curves,
            "fits": shown_fits, "x": x_grid[:, 0], "truth": truth,
            "train_meta_loss": np.array(train_losses)}
