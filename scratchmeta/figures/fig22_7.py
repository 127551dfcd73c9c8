"""Figure 22.7: the semi-frozen model, fitted to a new task in closed form.

Lecture 22, section 1.3.4 (a body frozen at test time, a head fitted per task)
and section 1.4.3 (the closed-form strategy, eq. 22.6, Figure 22.7);
Bertinetto, Henriques, Torr and Vedaldi (2018) for the ridge head, Finn,
Abbeel and Levine (2017) for MAML and the sinusoid tasks.

Two learners start from the same ``MLP((1, 40, 40, 1))`` initialisation and
meta-train for the same number of meta-steps on the same sinusoid task batches
(``scratchmeta.meta.training.train`` with one seed, so step t of both runs
draws the same tasks):

* :class:`~scratchmeta.meta.closed_form.ClosedForm` meta-trains the body under
  a ridge head, W = (Phi^T Phi + lam I)^-1 Phi^T y (eq. 22.6), with lam learned;
* :class:`~scratchmeta.meta.maml.MAML` meta-trains the whole network through
  K = 1 inner SGD step of eq. 22.4 (inner_lr 0.01, Finn et al.'s setting).

Then a held-out sinusoid arrives with k support points. The closed-form
learner keeps its body frozen and solves eq. 22.6 for the head: zero gradient
steps. MAML fine-tunes theta0 with 1 and 10 SGD steps of eq. 22.4. The top
panels draw both fits against the truth for k = 5, 10 and 20 (nested support
sets of one task). The last panel scores them on held-out tasks for several k
with :func:`scratchmeta.meta.evaluate.evaluate` (mean query MSE, 95%
interval), next to the same ridge head on the *untrained* body, which shows
what meta-training the body is worth.
"""

import numpy as np

from scratchmeta.figures import style
from scratchmeta.meta.checks import check_count, check_family, check_rng, check_sequence
from scratchmeta.meta.closed_form import ClosedForm
from scratchmeta.meta import adapt
from scratchmeta.meta.evaluate import evaluate
from scratchmeta.meta.maml import MAML, MAMLConfig
from scratchmeta.meta.training import init_rng, train
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid, TaskBatch

# k starts at 3: with k = 2 support points, MAML's 10 test-time SGD steps of lr 0.01
# diverge on some held-out tasks (measured: mean query MSE 1e16 after 4000 steps).
FULL = dict(meta_steps=4000, eval_tasks=200, eval_ks=(3, 5, 10, 20, 40))
QUICK = dict(meta_steps=250, eval_tasks=100, eval_ks=(3, 5, 10, 20))

SIZES = (1, 40, 40, 1)      # Finn et al.'s sinusoid network
SHOWN_KS = (5, 10, 20)      # support-set sizes drawn in the top panels
MAML_STEPS = (1, 10)        # test-time SGD steps of MAML that are drawn
N_QUERY = 100               # query points per held-out task in the MSE panel
N_GRID = 200                # x values at which the fits are drawn


def train_both(model, family, meta_steps, seed):
    """The meta-trained ClosedForm and MAML states, and each one's meta-loss history.

    Same seed for both: the same initial network (ClosedForm keeps its body)
    and the same task batch at every meta-step, so only the strategy differs.
    """
    check_count("meta_steps", meta_steps, 0), style.check_seed(seed)
    strategies = {"closed_form": ClosedForm(model, family),
                  "maml": MAML(model, family, MAMLConfig(inner_lr=0.01, inner_steps=1))}
    states, histories = {}, {}
    for name, strategy in strategies.items():
        history = []
        states[name] = train(strategy, meta_steps, seed, history=history)
        histories[name] = np.array(history)
    return strategies, states, histories


def _check_learners(strategies, states):
    """The two learners of :func:`train_both`: dicts with "closed_form" and "maml"."""
    for name, value in (("strategies", strategies), ("states", states)):
        style.check_record(name, value, ("closed_form", "maml"))


def one_held_out_task(family, rng, n_support):
    """One new sinusoid: its (A, phi), n_support points, and its truth on a grid of x."""
    check_family(family), check_rng("rng", rng), check_count("n_support", n_support, 1)
    task = family.sample_params(rng, 1)                             # (1, 2): A, phi
    x_support = family.sample_x(rng, task, n_support)              # (1, n_support, 1)
    x_grid = np.linspace(*family.x_range, N_GRID).reshape(1, N_GRID, 1)
    return (task[0], x_support, family.target(task, x_support), x_grid,
            family.target(task, x_grid))


def fits_on_one_task(strategies, states, family, seed):
    """Truth, support points, ridge fit and MAML fits on one held-out task, for each k.

    The support sets are nested: the first k of the same 20 points.
    """
    _check_learners(strategies, states), check_family(family), style.check_seed(seed)
    rng = np.random.default_rng([seed, 3])                         # the task that is drawn
    task, xs, ys, x_grid, truth = one_held_out_task(family, rng, max(SHOWN_KS))
    fits = {}
    for k in SHOWN_KS:
        batch = TaskBatch(xs[:, :k], ys[:, :k], x_grid, truth)   # the grid is the query set
        fit = {"x_support": xs[0, :k, 0], "y_support": ys[0, :k, 0],
               "ridge": adapt.predict(strategies["closed_form"], states["closed_form"], batch, 0)}
        for n in MAML_STEPS:
            fit[f"maml_{n}"] = adapt.predict(strategies["maml"], states["maml"], batch, n)
        fit = {name: np.ravel(v) for name, v in fit.items()}
        fit["grid_mse"] = {name: float(np.mean((fit[name] - truth[0, :, 0]) ** 2))
                           for name in ["ridge"] + [f"maml_{n}" for n in MAML_STEPS]}
        fits[k] = fit
    return task, x_grid[0, :, 0], truth[0, :, 0], fits


def mse_versus_k(strategies, states, untrained, family, ks, n_tasks, seed):
    """Held-out query MSE (mean, 95% half-width) of each learner for each support size k.

    ``evaluate`` draws task i from its own stream of ``seed``, so every learner
    meets the same tasks; for each k a task keeps its (A, phi).
    """
    _check_learners(strategies, states), check_family(family), style.check_seed(seed)
    check_count("n_tasks", n_tasks, 1)
    for i, k in enumerate(check_sequence("ks", ks, "[5, 10] (support sizes)")):
        check_count(f"ks[{i}]", k, 1)
    rows = {"closed_form": [], "untrained_ridge": [], "maml_0": [],
            **{f"maml_{n}": [] for n in MAML_STEPS}}
    for k in ks:
        kw = dict(n_tasks=n_tasks, n_support=k, n_query=N_QUERY, seed=seed)
        ridge = evaluate(strategies["closed_form"], states["closed_form"], family,
                         n_steps=0, **kw)
        rows["closed_form"].append((ridge.mean[0], ridge.half_width[0]))
        raw = evaluate(strategies["closed_form"], untrained, family, n_steps=0, **kw)
        rows["untrained_ridge"].append((raw.mean[0], raw.half_width[0]))
        maml = evaluate(strategies["maml"], states["maml"], family, n_steps=max(MAML_STEPS),
                        **kw)
        for n in (0,) + MAML_STEPS:
            rows[f"maml_{n}"].append((maml.mean[n], maml.half_width[n]))
    mean = {name: np.array([m for m, _ in r]) for name, r in rows.items()}
    half = {name: np.array([h for _, h in r]) for name, r in rows.items()}
    return mean, half


def make(out_dir, *, quick=False, seed=0):
    """Draw fig22_7_semi_frozen.png; return the fits, the MSE-versus-k table and the runs."""
    cfg = QUICK if quick else FULL
    model, family = MLP(SIZES), Sinusoid()
    strategies, states, histories = train_both(model, family, cfg["meta_steps"], seed)
    # The untrained body: the initial state both runs started from (same seed).
    untrained = strategies["closed_form"].init_state(init_rng(seed))
    task, x, truth, fits = fits_on_one_task(strategies, states, family, seed)
    ks = np.array(cfg["eval_ks"])
    mean, half = mse_versus_k(strategies, states, untrained, family, ks,
                              cfg["eval_tasks"], seed)
    lam = ClosedForm.lam(states["closed_form"])                        # learned lambda

    fig, axes = style.subplots(2, 2, size="tall")
    panels = list(axes.flat)
    colors = style.COLORS
    for ax, k in zip(panels, SHOWN_KS):
        fit = fits[k]
        ax.plot(x, truth, color=colors["truth"], lw=2.2, label="truth")
        ax.plot(x, fit["ridge"], color=colors["closed_form"],
                label=f"ridge head, 0 steps: {fit['grid_mse']['ridge']:.3f}")
        ax.plot(x, fit["maml_1"], ":", color=colors["maml"],
                label=f"MAML, 1 step: {fit['grid_mse']['maml_1']:.3f}")
        ax.plot(x, fit["maml_10"], "--", color=colors["maml"],
                label=f"MAML, 10 steps: {fit['grid_mse']['maml_10']:.3f}")
        ax.plot(fit["x_support"], fit["y_support"], "o", color=colors["support"], ms=7,
                mfc="white", mew=1.8, label=f"k = {k} support points", zorder=5)
        ax.set(xlabel="input x", ylabel="output y",
               title=rf"A held-out sinusoid (A = {task[0]:.2f}, $\varphi$ = {task[1]:.2f}), "
                     f"k = {k}")
        ax.legend(loc="lower center", ncol=2, fontsize=8, title_fontsize=8,
                  title="fit, and its MSE against the truth over x in [-5, 5]")
    span = np.ptp(truth)
    for ax in panels[:len(SHOWN_KS)]:       # room below the curves for the legend
        ax.set_ylim(truth.min() - 0.8 * span, truth.max() + 0.3 * span)

    ax = panels[-1]
    lines = [("closed_form", "ridge head, meta-trained body", colors["closed_form"], "-", "o"),
             ("untrained_ridge", "ridge head, untrained body", colors["random"], "-", "s"),
             ("maml_1", "MAML after 1 step", colors["maml"], ":", "^"),
             ("maml_10", "MAML after 10 steps", colors["maml"], "--", "v")]
    for name, label, color, ls, marker in lines:
        ax.errorbar(ks, mean[name], yerr=half[name], color=color, ls=ls, marker=marker,
                    capsize=3, label=label)
    ax.set(xscale="log", yscale="log", xlabel="support points k (log scale)",
           ylabel="mean query MSE (log scale)",
           title=f"Held-out MSE vs k ({cfg['eval_tasks']} tasks, 95% intervals)")
    ax.set_xticks(ks, [str(k) for k in ks])
    ax.minorticks_off()
    ax.legend(fontsize=8)
    fig.suptitle(f"Semi-frozen body + closed-form ridge head (eq. 22.6) vs MAML, "
                 f"both meta-trained {cfg['meta_steps']} steps on sinusoids "
                 f"(learned lam = {lam:.2f})")
    files = [style.save(fig, out_dir, "fig22_7_semi_frozen")]
    return {"files": files, "meta_steps": cfg["meta_steps"], "task": task, "x": x,
            "truth": truth, "fits": fits, "ks": ks, "mse": mean, "half_width": half,
            "lam": lam, "final_meta_loss": {name: float(np.mean(h[-100:]))
                                            for name, h in histories.items()}}
