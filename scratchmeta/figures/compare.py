"""MAML against the alternatives: held-out sinusoid error after 0..10 adaptation steps.

Lecture 22, section 1.3 (the alternatives to MAML: normal multi-task SGD,
section 1.3.1, and the semi-frozen model, section 1.3.4), section 1.4 (the
practical strategies: Reptile, eq. 22.5, section 1.4.2; the closed-form head,
eq. 22.6, and ANIL, section 1.4.3; the take-away of section 1.4.4 that they all
"compete against the regular SGD approach"), and the scribes' wish in
section 3 for "demos on MAML compared to alternative approaches". The setting
is the sinusoid experiment of Finn, Abbeel and Levine (2017), section 5.1,
with their two baselines (pretrained on all tasks then fine-tuned, and
trained from scratch).

Eight of the registry's nine strategies (``scratchmeta.meta.registry``; all
but the subset strategy, whose point needs large support sets), each with its
documented default hyperparameters, learn from the same sinusoid family with
``MLP((1, 40, 40, 1))``:

* second-order MAML (eq. 22.3, K = 1 inner step of lr 0.01) and first-order
  MAML (FOMAML);
* Reptile (eq. 22.5, T = 32 inner steps, outer step annealed to 0 as Nichol et
  al. do);
* multi-task SGD with one head per training task (Figure 22.2), then at test
  time a ridge head, 5 head-only SGD steps and fine-tuning of everything;
* the closed-form strategy (a body meta-trained under the ridge head of
  eq. 22.6; at test time the ridge head, then SGD on the head);
* ANIL (MAML whose inner loop adapts the head only);
* pretrained on the pooled tasks with one shared head, then fine-tuned by SGD;
* trained from scratch: a random initialisation, fine-tuned by SGD.

Every strategy is meta-trained by ``scratchmeta.meta.training.train`` with the
same seed, so every network starts from the same initialisation and
meta-step t of every run draws from the same generator (MAML, FOMAML,
Reptile, ANIL and the closed form see the very same task batches; the
pretraining sees the same tasks at other points; multi-task SGD draws from
its fixed pool of training tasks), and for the same number of meta-steps
(from scratch takes none: it has nothing to learn). Each is trained once, on tasks with 10 support
points (the middle support size), and then scored by
``scratchmeta.meta.evaluate.evaluate`` on the same held-out tasks with
K = 5, 10 and 20 support points: each strategy adapts by its own rule for
0..10 steps and is scored on 100 query points per task, mean query MSE with
its 95% interval mean +- 1.96 s / sqrt(n). The held-out task i keeps its
amplitude and phase for every K (only its support points change).

Why one training run per strategy and not one per K: the budget. On the
2-core machine one meta-step costs about 0.5-1.1 ms (pretraining, multi-task,
ANIL, FOMAML, closed form), 1.5 ms (MAML) and 11 ms (Reptile, 32 inner steps;
the README's compare table gives each), so 5000 meta-steps of the seven that
learn (from scratch learns nothing) take about 90 s. Three runs per strategy
would not fit the figure's share of the main job's budget.
"""

import time

import numpy as np

from scratchmeta.figures import style
from scratchmeta.meta import adapt
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, task_rng
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.training import train
from scratchmeta.tasks import TaskBatch

#: The strategies compared, in the lecture's order (registry names).
STRATEGIES = ("maml", "fomaml", "reptile", "multitask", "closed_form", "anil", "pretrained",
              "scratch")

# meta_steps: meta-steps of each learner (from scratch learns nothing: 0).
FULL = dict(meta_steps=dict(maml=5000, fomaml=5000, reptile=5000, multitask=5000,
                            closed_form=5000, anil=5000, pretrained=5000, scratch=0),
            eval_tasks=600)
QUICK = dict(meta_steps=dict(maml=300, fomaml=300, reptile=100, multitask=300,
                             closed_form=300, anil=300, pretrained=300, scratch=0),
             eval_tasks=100)

FAMILY = "sinusoid"         # Finn et al.'s sinusoids, amplitude 0.1-5, phase 0-pi
TRAIN_SUPPORT = 10          # support points per task during meta-training
KS = (5, 10, 20)            # support points per held-out task ("K-shot")
N_STEPS = 10                # adaptation steps scored at test time: 0, 1, ..., 10
N_QUERY = 100               # query points per held-out task
N_GRID = 200                # x values at which the example fits are drawn
SHOWN_K = 10                # support points of the example task
SHOWN_MIN_AMPLITUDE = 3.0   # the example is the first held-out task with A >= this

LABELS = {
    "maml": "MAML, second order",
    "fomaml": "MAML, first order",
    "reptile": "Reptile, T = 32 inner steps",
    "multitask": "multi-task SGD + fine-tuning",
    "closed_form": "closed-form ridge head",
    "anil": "ANIL, head-only inner loop",
    "pretrained": "pretrained + fine-tuned",
    "scratch": "from scratch",
}

# style.COLORS has the meta-learners; the two baselines get a local colour each
# (brown, and the grey that style.COLORS gives a random initialisation).
COLORS = {**{name: style.COLORS[name] for name in STRATEGIES[:6]},
          "pretrained": "#8C564B", "scratch": style.COLORS["random"]}
MARKERS = dict(maml="o", fomaml="s", reptile="^", multitask="D", closed_form="v", anil="P",
               pretrained="X", scratch="*")
LINESTYLES = {name: ("--" if name in ("pretrained", "scratch") else "-") for name in STRATEGIES}

#: Strategies whose step 0 is already adapted: a ridge head fitted to the support set.
RIDGE_AT_STEP_0 = ("multitask", "closed_form")

Y_TOP = 20.0                # the MSE axes stop here; a mean above it is written out instead


def build(name, meta_steps):
    """The registry's strategy ``name`` with its default hyperparameters.

    Reptile alone is told the run's length, so that its outer step anneals
    linearly to zero over training (Nichol et al. 2018); the registry's
    default keeps it constant.
    """
    hyper = {"n_steps": meta_steps} if name == "reptile" and meta_steps > 0 else {}
    strategy = make_strategy(name, FAMILY, **hyper)
    points = strategy.config.n_support
    if points != TRAIN_SUPPORT:
        raise ValueError(f"strategy {name!r} trains on {points} support points per task; "
                         f"expected TRAIN_SUPPORT = {TRAIN_SUPPORT}, as the caption says")
    return strategy


def train_all(meta_steps, seed):
    """Train every strategy from ``seed``; return strategies, states, histories and seconds."""
    strategies, states, histories, seconds = {}, {}, {}, {}
    for name in STRATEGIES:
        strategies[name] = build(name, meta_steps[name])
        history = []
        t0 = time.perf_counter()
        states[name] = train(strategies[name], meta_steps[name], seed, history=history)
        seconds[name] = time.perf_counter() - t0
        histories[name] = np.array(history)
    return strategies, states, histories, seconds


def evaluate_all(strategies, states, family, n_tasks, seed):
    """Per-task query MSE of every strategy for every K: {name: (len(KS), n_tasks, N_STEPS + 1)}.

    Also returns the means and 95% half-widths, {name: (len(KS), N_STEPS + 1)},
    and the seconds each strategy's evaluation took.
    """
    per_task, mean, half, seconds = {}, {}, {}, {}
    for name in STRATEGIES:
        t0 = time.perf_counter()
        runs = [evaluate(strategies[name], states[name], family, n_tasks=n_tasks, n_support=k,
                         n_query=N_QUERY, n_steps=N_STEPS, seed=seed) for k in KS]
        seconds[name] = time.perf_counter() - t0
        per_task[name] = np.stack([r.per_task for r in runs])
        mean[name] = np.stack([r.mean for r in runs])
        half[name] = np.stack([r.half_width for r in runs])
    return per_task, mean, half, seconds


def example_fits(strategies, states, family, seed):
    """Every strategy's fit of one held-out task from SHOWN_K support points.

    The task is the first of the held-out tasks (the ones scored, same seed)
    whose amplitude is at least SHOWN_MIN_AMPLITUDE, with the support points it
    has in the K = SHOWN_K evaluation; a small-amplitude task would make every
    fit look alike. Predictions are drawn on a grid of x after 0 and N_STEPS
    adaptation steps, each strategy adapting by its own rule.
    """
    for index in range(1000):
        # family.sample draws a task's (A, phi) first, then its points: the
        # first draw of held-out task i's own generator is its (A, phi).
        params = family.sample_params(task_rng(seed, index), 1)
        if params[0, 0] >= SHOWN_MIN_AMPLITUDE:
            break
    else:
        raise ValueError(f"none of the first 1000 held-out tasks has amplitude >= "
                         f"{SHOWN_MIN_AMPLITUDE}; expected the sinusoid family's 0.1-5")
    task = held_out_tasks(family, 1, SHOWN_K, N_QUERY, seed, start=index)
    if not np.allclose(family.target(params, task.x_support), task.y_support):
        raise ValueError("the example task's support points do not lie on the sinusoid "
                         "(A, phi) read from its generator; expected family.sample to draw "
                         "the task's parameters before its points")
    x_grid = np.linspace(*family.x_range, N_GRID).reshape(1, N_GRID, 1)
    truth = family.target(params, x_grid)
    batch = TaskBatch(task.x_support, task.y_support, x_grid, truth)   # the grid as query set
    pred = {name: {n: np.ravel(adapt.predict(strategies[name], states[name], batch, n))
                   for n in (0, N_STEPS)} for name in STRATEGIES}
    grid_mse = {name: {n: float(np.mean((p[n] - truth[0, :, 0]) ** 2)) for n in p}
                for name, p in pred.items()}
    return {"index": index, "task": params[0], "x": x_grid[0, :, 0], "truth": truth[0, :, 0],
            "x_support": task.x_support[0, :, 0], "y_support": task.y_support[0, :, 0],
            "pred": pred, "grid_mse": grid_mse}


# --- drawing -------------------------------------------------------------------------

def tasks_made_worse(per_task):
    """{name: (len(KS),) count of held-out tasks whose MSE after N_STEPS exceeds that at 0}.

    Test-time SGD that makes a task worse than not adapting at all is the
    sign of a fine-tuning step too large for that task's support loss.
    """
    return {name: np.sum(c[:, :, -1] > c[:, :, 0], axis=1) for name, c in per_task.items()}


def draw_curves(out_dir, mean, half, worse, meta_steps, n_tasks):
    """compare_mse_vs_steps.png: one panel per K, every strategy's mean curve and interval."""
    steps = np.arange(N_STEPS + 1)
    fig, axes = style.subplots(1, len(KS), size=(15.0, 6.4), sharey=True)
    lows = [np.min(mean[n][mean[n] > 0]) for n in STRATEGIES]
    y_bottom = 10 ** np.floor(np.log10(min(lows)) - 0.3)
    for i, (ax, k) in enumerate(zip(axes, KS)):
        off_scale = []
        for name in STRATEGIES:
            m, h = mean[name][i], half[name][i]
            ax.plot(steps, m, ls=LINESTYLES[name], marker=MARKERS[name], ms=5,
                    color=COLORS[name], label=legend_label(name, meta_steps))
            ax.fill_between(steps, np.clip(m - h, y_bottom, None), m + h,
                            color=COLORS[name], alpha=0.15, lw=0)
            if np.max(m) > Y_TOP:       # drawn off the top: say what is there
                top = int(np.argmax(m))
                off_scale.append(f"{LABELS[name]}: off the scale,\nmean {m[top]:.3g} ± "
                                 f"{h[top]:.2g} after {top} steps; {worse[name][i]} of "
                                 f"{n_tasks} tasks\nend worse after {N_STEPS} steps than "
                                 f"before adapting")
        if off_scale:
            ax.text(0.03, 0.03, "\n".join(off_scale), transform=ax.transAxes, ha="left",
                    va="bottom", fontsize=8, bbox=dict(boxstyle="round", fc="white", ec="#999999"))
        ax.set(yscale="log", ylim=(y_bottom, Y_TOP), xticks=steps,
               xlabel="adaptation steps on the support set",
               title=f"K = {k} support points")
        if i == 0:
            ax.set_ylabel(f"query MSE, mean over {n_tasks} held-out tasks (log scale)")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=4, fontsize=9,
               title="strategy (meta-steps of training); shaded: 95% interval of the mean, "
                     "mean ± 1.96 s/√n", title_fontsize=9)
    fig.suptitle(f"MAML against the alternatives on held-out sinusoids: query MSE after each "
                 f"adaptation step\nevery learner trained once from the same seed, with "
                 f"{TRAIN_SUPPORT} support points per task, then scored with K = "
                 f"{', '.join(map(str, KS))} support points")
    return style.save(fig, out_dir, "compare_mse_vs_steps")


def legend_label(name, meta_steps):
    steps = meta_steps[name]
    return f"{LABELS[name]} ({steps} meta-steps)" if steps else f"{LABELS[name]} (no training)"


def draw_fits(out_dir, fit):
    """compare_example_fits.png: one held-out task, one small panel per strategy."""
    fig, axes = style.subplots(2, 4, size=(15.0, 7.6), sharex=True, sharey=True)
    amp, phase = fit["task"]
    span = np.ptp(fit["truth"])
    for ax, name in zip(axes.flat, STRATEGIES):
        ax.plot(fit["x"], fit["truth"], color=style.COLORS["truth"], ls="--", lw=2,
                label="truth", zorder=3)
        ax.plot(fit["x"], fit["pred"][name][0], color=COLORS[name], ls=":", lw=1.5,
                label=("after 0 steps (ridge head)" if name in RIDGE_AT_STEP_0
                       else "after 0 steps"))
        ax.plot(fit["x"], fit["pred"][name][N_STEPS], color=COLORS[name], lw=2.2,
                label=f"after {N_STEPS} steps")
        ax.plot(fit["x_support"], fit["y_support"], "o", ms=6, mfc="white",
                mec=style.COLORS["support"], mew=1.6, label=f"{SHOWN_K} support points",
                zorder=4)
        mse = fit["grid_mse"][name]
        ax.set_title(f"{LABELS[name]}\nMSE {mse[0]:.3g} → {mse[N_STEPS]:.3g}", fontsize=10)
        ax.legend(loc="lower center", ncol=2, fontsize=7.5, handlelength=1.8,
                  columnspacing=1.0)
        ax.set_ylim(fit["truth"].min() - 0.7 * span, fit["truth"].max() + 0.2 * span)
    for ax in axes[-1]:
        ax.set_xlabel("input x")
    for ax in axes[:, 0]:
        ax.set_ylabel("output y")
    fig.suptitle(f"One held-out sinusoid (A = {amp:.2f}, φ = {phase:.2f}) fitted from "
                 f"{SHOWN_K} support points, each strategy adapting by its own rule\n"
                 f"panel titles: MSE against the truth over x in [-5, 5], after 0 → "
                 f"{N_STEPS} adaptation steps")
    return style.save(fig, out_dir, "compare_example_fits")


def make(out_dir, *, quick=False, seed=0):
    """Draw compare_mse_vs_steps.png and compare_example_fits.png; return their numbers.

    Returned keys: ``strategies``, ``labels``, ``ks``, ``steps``, ``train_support``,
    ``eval_tasks``, ``meta_steps`` and ``train_seconds`` / ``eval_seconds`` per
    strategy, ``mse`` and ``half_width`` ({name: (len(ks), steps + 1)}),
    ``per_task`` ({name: (len(ks), tasks, steps + 1)}), ``worse_after_adapting``
    ({name: (len(ks),)}, see :func:`tasks_made_worse`), ``final_meta_loss``
    (mean over the last tenth of training), ``fit`` (the example task) and ``files``.
    """
    cfg = QUICK if quick else FULL
    meta_steps = dict(cfg["meta_steps"])
    if sorted(meta_steps) != sorted(STRATEGIES):
        raise ValueError(f"meta_steps must name exactly the strategies {STRATEGIES}, got "
                         f"{sorted(meta_steps)}")
    family = make_family(FAMILY)
    strategies, states, histories, train_seconds = train_all(meta_steps, seed)
    per_task, mean, half, eval_seconds = evaluate_all(strategies, states, family,
                                                      cfg["eval_tasks"], seed)
    fit = example_fits(strategies, states, family, seed)
    worse = tasks_made_worse(per_task)
    files = [draw_curves(out_dir, mean, half, worse, meta_steps, cfg["eval_tasks"]),
             draw_fits(out_dir, fit)]
    return {"files": files, "strategies": list(STRATEGIES), "labels": dict(LABELS),
            "ks": np.array(KS), "steps": np.arange(N_STEPS + 1),
            "train_support": TRAIN_SUPPORT, "eval_tasks": cfg["eval_tasks"],
            "meta_steps": meta_steps, "train_seconds": train_seconds,
            "eval_seconds": eval_seconds, "mse": mean, "half_width": half,
            "per_task": per_task, "worse_after_adapting": worse,
            "final_meta_loss": {name: float(np.mean(h[-max(1, len(h) // 10):]))
                                for name, h in histories.items() if len(h)},
            "fit": fit}
