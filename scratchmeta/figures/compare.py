"""MAML against the alternatives on two task families, each strategy's test time tuned fairly.

Lecture 22, sections 1.3-1.4 and the scribes' wish in section 3 for "demos on
MAML compared to alternative approaches"; the experiment itself (which
strategies, how each is trained, tuned on validation tasks and scored on test
tasks) is :mod:`scratchmeta.meta.compare`, and this module only draws it.

Two families, because the strategies separate for different reasons on each:

* Finn et al.'s sinusoids A sin(x - phi). Since A sin(x - phi) =
  (A cos phi) sin x - (A sin phi) cos x, every task is linear in the same two
  features. A body that has learned sin x and cos x makes a ridge head
  (eq. 22.6) exact: the closed-form strategy is far ahead of everything that
  adapts by SGD.
* Sinusoids whose frequency varies too, A sin(w x - phi), w in [0.5, 2]
  (:class:`scratchmeta.more_tasks.SinusoidFrequency`). No fixed pair of features
  spans these tasks, so the ridge head's advantage shrinks (the caption and
  the README give by how much).

Each learner is meta-trained once per family from the same seed, on tasks of
``N_SUPPORT`` = 10 support points (10-shot), for ``meta_steps`` meta-steps
(Reptile fewer: each of its meta-steps runs T = 32 inner steps, about 7 times
the cost of a MAML meta-step). Its test-time step size and step count are
chosen on ``val_tasks`` validation tasks (seed 11) and it is scored on 600
test tasks (seed 22), 100 query points each.

Figures: ``compare_mse_vs_steps.png`` (test MSE after 0..10 steps at each
strategy's chosen step size, one panel per family), ``compare_example_fits.png``
and ``compare_example_fits_frequency.png`` (one test task of each family, every
strategy's fit before and after its chosen number of steps), and
``compare_subset.png``: the subset strategy of section 1.4.1 on tasks with
1,000 support points (:mod:`scratchmeta.meta.compare_subset`), accuracy
against meta-steps and against training cost counted in points through the
network (not measured seconds, so that the PNG is the same on every machine).
"""

import numpy as np

from scratchmeta.figures import style
from scratchmeta.meta.checks import check_count, check_family, check_records
from scratchmeta.meta import adapt
from scratchmeta.meta import compare as experiment
from scratchmeta.meta import compare_subset
from scratchmeta.meta.evaluate import HELD_OUT_SEED, held_out_tasks, task_rng
from scratchmeta.meta.registry import make_family
from scratchmeta.sampling.checks import check_steps, real_array, shown
from scratchmeta.tasks import TaskBatch
from scratchmeta.messages import seen

#: The strategies compared, in the lecture's order (registry names).
STRATEGIES = experiment.STRATEGIES
FAMILIES = ("sinusoid", "sinusoid_frequency")

# meta_steps: meta-steps of each learner (from scratch learns nothing: 0).
FULL = dict(meta_steps=dict(maml=2000, fomaml=2000, reptile=500, multitask=2000,
                            closed_form=2000, anil=2000, pretrained=2000, scratch=0),
            val_tasks=100, test_tasks=600)
QUICK = dict(meta_steps=dict(maml=300, fomaml=300, reptile=100, multitask=300,
                             closed_form=300, anil=300, pretrained=300, scratch=0),
             val_tasks=50, test_tasks=100)

# The subset experiment (section 1.4.1): meta-step counts at which each subset size's
# theta0 is scored (each score fine-tunes on 100 tasks of 1,000 points: a few seconds).
# The full-batch inner loop (1000 points) costs 17-21 times as much time per meta-step
# as a 10-point subset (50 times as many points through the network), so it gets fewer.
SUBSET_FULL = dict(checkpoints={10: (100, 400, 1600), 100: (100, 400), 1000: (50, 100)},
                   eval_tasks=100)
SUBSET_QUICK = dict(checkpoints={10: (5, 10), 100: (5, 10), 1000: (5, 10)}, eval_tasks=30)

N_SUPPORT = 10              # support points per task, in training and at test time (10-shot)
N_STEPS = 10                # test-time steps tried and drawn: 0, 1, ..., 10
N_QUERY = 100               # query points per held-out task
N_GRID = 200                # x values at which the example fits are drawn
SHOWN_MIN_AMPLITUDE = 3.0   # the example is the first test task with A >= this

FAMILY_TITLES = {"sinusoid": "sinusoids A sin(x − φ): linear in sin x, cos x",
                 "sinusoid_frequency": "sinusoids A sin(ωx − φ), ω ∈ [0.5, 2]: "
                                       "no two fixed features fit"}

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

Y_TOP = 20.0                # the MSE axes stop here; a mean above it is written out instead


def example_fit(results, family, seed=HELD_OUT_SEED):
    """Every strategy's fit of one test task, after 0 steps and after its chosen steps.

    The task is the first test task (seed ``seed``) whose amplitude is at
    least SHOWN_MIN_AMPLITUDE, with the support points it has in the scored
    evaluation; a small-amplitude task would make every fit look alike.
    """
    check_records("results", results, ("choice", "strategy", "state"), "compare.run(...)")
    check_family(family), style.check_seed(seed)
    for index in range(1000):
        # family.sample draws a task's parameters first, then its points: the
        # first draw of test task i's own generator is its (A, phi, ...).
        params = family.sample_params(task_rng(seed, index), 1)
        if params[0, 0] >= SHOWN_MIN_AMPLITUDE:
            break
    else:
        raise ValueError(f"none of the first 1000 test tasks has amplitude >= "
                         f"{SHOWN_MIN_AMPLITUDE}; expected the sinusoid family's 0.1-5")
    task = held_out_tasks(family, 1, N_SUPPORT, N_QUERY, seed, start=index)
    if not np.allclose(family.target(params, task.x_support), task.y_support):
        raise ValueError("the example task's support points do not lie on the sinusoid "
                         "read from its generator; expected family.sample to draw the "
                         "task's parameters before its points")
    x_grid = np.linspace(*family.x_range, N_GRID).reshape(1, N_GRID, 1)
    truth = family.target(params, x_grid)
    batch = TaskBatch(task.x_support, task.y_support, x_grid, truth)   # the grid as query set
    pred, grid_mse = {}, {}
    for name, r in results.items():
        chosen = r["choice"].n_steps
        pred[name] = {n: np.ravel(adapt.predict(r["strategy"], r["state"], batch, n))
                      for n in sorted({0, chosen})}
        grid_mse[name] = {n: float(np.mean((p - truth[0, :, 0]) ** 2))
                          for n, p in pred[name].items()}
    return {"index": index, "task": params[0], "x": x_grid[0, :, 0], "truth": truth[0, :, 0],
            "x_support": task.x_support[0, :, 0], "y_support": task.y_support[0, :, 0],
            "pred": pred, "grid_mse": grid_mse}


def tasks_made_worse(per_task, n_steps):
    """Count of tasks whose metric after ``n_steps`` exceeds that before adapting (step 0).

    ``per_task`` is (tasks, steps + 1): each task's metric after 0, 1, ... steps (inf for a
    diverged task, never NaN); ``n_steps`` one of the steps, 0..steps (no index from the end).
    """
    per_task = real_array("per_task", per_task, "an array (tasks, steps + 1) of metrics")
    if per_task.ndim != 2 or per_task.shape[1] < 1 or np.isnan(per_task).any():
        raise ValueError(f"per_task must be (tasks, steps + 1): each task's metric after 0, "
                         f"1, ... steps, no NaN, got {shown(per_task)}")
    check_steps("n_steps", n_steps, 0)
    if n_steps >= per_task.shape[1]:
        raise ValueError(f"n_steps must be a step per_task holds, 0..{per_task.shape[1] - 1}, "
                         f"got {seen(n_steps)}")
    return int(np.sum(per_task[:, n_steps] > per_task[:, 0]))


# --- drawing -------------------------------------------------------------------------

def legend_label(name, r):
    """A strategy's legend entry: its label, its training and its chosen test-time settings."""
    if name not in LABELS:
        raise ValueError(f"name must be one of the strategies compared, {list(LABELS)}, got "
                         f"{name!r:.60}")
    style.check_record("r", r, ("choice", "meta_steps", "step_0_fit"))
    c = r["choice"]
    trained = f"{r['meta_steps']} meta-steps" if r["meta_steps"] else "no training"
    star = " *" if r["step_0_fit"] else ""
    return f"{LABELS[name]}{star} ({trained}; test lr {c.inner_lr:g}, {c.n_steps} steps)"


def draw_curves(out_dir, runs, n_tasks):
    """compare_mse_vs_steps.png: one panel per family, each strategy's test curve."""
    style.check_record("runs", runs, FAMILIES), check_count("n_tasks", n_tasks, 1)
    steps = np.arange(N_STEPS + 1)
    fig, axes = style.subplots(1, len(FAMILIES), size=(15.0, 7.4), sharey=True)
    means = [r["test"].mean for results in runs.values() for r in results.values()]
    lows = [np.min(m[(m > 0) & np.isfinite(m)]) for m in means]
    y_bottom = 10 ** np.floor(np.log10(min(lows)) - 0.3)
    for i, (ax, fam) in enumerate(zip(axes, FAMILIES)):
        off_scale = []
        for name, r in runs[fam].items():
            test, k = r["test"], r["choice"].n_steps
            m, h = test.mean, test.half_width
            ax.plot(steps, np.minimum(m, 1e30), ls=LINESTYLES[name], marker=MARKERS[name],
                    ms=4, color=COLORS[name], lw=1.4, label=legend_label(name, r))
            ax.fill_between(steps, np.clip(m - h, y_bottom, None), np.minimum(m + h, 1e30),
                            color=COLORS[name], alpha=0.12, lw=0)
            ax.plot([k], [m[k]], marker=MARKERS[name], ms=12, mfc="none", mec=COLORS[name],
                    mew=2.0)
            if np.max(m) > Y_TOP:       # drawn off the top: say what is there
                top = int(np.argmax(m))
                off_scale.append(f"{LABELS[name]}: mean {m[top]:.3g} after {top} steps "
                                 f"(median {test.median[top]:.3g}, {test.diverged[top]:.0%} "
                                 f"diverged), off the scale")
        if off_scale:
            ax.text(0.03, 0.03, "\n".join(off_scale), transform=ax.transAxes, ha="left",
                    va="bottom", fontsize=8, bbox=dict(boxstyle="round", fc="white", ec="#999999"))
        ax.set(yscale="log", ylim=(y_bottom, Y_TOP), xticks=steps,
               xlabel=f"test-time SGD steps on the {N_SUPPORT} support points",
               title=FAMILY_TITLES[fam])
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), fontsize=7.8, ncol=1,
                  title="strategy (training; test-time settings chosen on validation tasks)",
                  title_fontsize=8)
        if i == 0:
            ax.set_ylabel(f"test query MSE, mean over {n_tasks} tasks (log scale)")
    fig.suptitle(f"MAML against the alternatives, {N_SUPPORT} support points per task: test "
                 f"MSE after each step at each strategy's chosen step size\nbig open marker: "
                 f"the step count chosen on validation tasks; shaded: 95% interval "
                 f"(mean ± 1.96 s/√n)\n* {experiment.STEP_0_NOTE}", fontsize=11)
    return style.save(fig, out_dir, "compare_mse_vs_steps")


def draw_fits(out_dir, fit, family_name, stem):
    """One test task, one small panel per strategy: its fit before and after its chosen steps."""
    style.check_record("fit", fit, ("x", "truth", "pred"))
    fig, axes = style.subplots(2, 4, size=(15.0, 7.6), sharex=True, sharey=True)
    span = np.ptp(fit["truth"])
    for ax, name in zip(axes.flat, STRATEGIES):
        pred = fit["pred"][name]
        last = max(pred)
        ax.plot(fit["x"], fit["truth"], color=style.COLORS["truth"], ls="--", lw=2,
                label="truth", zorder=3)
        ax.plot(fit["x"], pred[0], color=COLORS[name], ls=":", lw=1.5,
                label=("0 steps (ridge head)" if name in RIDGE_AT_STEP_0 else "0 steps"))
        if last:
            ax.plot(fit["x"], pred[last], color=COLORS[name], lw=2.2,
                    label=f"{last} steps (chosen)")
        ax.plot(fit["x_support"], fit["y_support"], "o", ms=6, mfc="white",
                mec=style.COLORS["support"], mew=1.6, label=f"{N_SUPPORT} support points",
                zorder=4)
        mse = fit["grid_mse"][name]
        ax.set_title(f"{LABELS[name]}\nMSE {mse[0]:.3g} → {mse[last]:.3g} after {last} steps",
                     fontsize=10)
        ax.legend(loc="lower center", ncol=2, fontsize=7.5, handlelength=1.8,
                  columnspacing=1.0)
        ax.set_ylim(fit["truth"].min() - 0.7 * span, fit["truth"].max() + 0.2 * span)
    for ax in axes[-1]:
        ax.set_xlabel("input x")
    for ax in axes[:, 0]:
        ax.set_ylabel("output y")
    task = fit["task"]
    described = (f"A = {task[0]:.2f}, φ = {task[1]:.2f}" + (f", ω = {task[2]:.2f}"
                                                          if len(task) > 2 else ""))
    fig.suptitle(f"One test task of {FAMILY_TITLES[family_name]} ({described}), fitted from "
                 f"{N_SUPPORT} support points\nevery strategy at its test-time settings chosen "
                 f"on validation tasks; panel titles: MSE against the truth over x in [-5, 5]")
    return style.save(fig, out_dir, stem)


SUBSET_COLORS = {10: style.COLORS["maml"], 100: style.COLORS["reptile"], 1000: "#000000"}


def draw_subset(out_dir, subset):
    """compare_subset.png: test MSE against meta-steps (left) and training cost (right).

    The cost is counted (points through the differentiated network), never
    timed, so the PNG is the same on every machine and every run.
    """
    check_records("subset", subset, ("points_per_step", "steps", "points", "mse", "half_width"),
                  "compare_subset.run(...)")
    fig, axes = style.subplots(1, 2, size=(14.0, 6.0), sharey=True)
    for m, r in subset.items():
        label = (f"inner loop on all {m} points" if m == compare_subset.N_SUPPORT
                 else f"inner loop on a random {m} of the {compare_subset.N_SUPPORT}")
        label += f" ({r['points_per_step']:,} points / meta-step)"
        last = compare_subset.TEST_STEPS
        nudge = {10: 0.96, 100: 1.0}.get(m, 1.04)      # side by side at equal meta-steps
        for ax, x in zip(axes, (nudge * r["steps"], r["points"])):
            ax.errorbar(x, r["mse"][:, last], yerr=r["half_width"][:, last], marker="o",
                        color=SUBSET_COLORS.get(m, "#777777"), capsize=3, label=label)
    n_tasks = next(iter(subset.values()))["per_task"].shape[1]
    axes[0].set(xscale="log", yscale="log", xlabel="meta-steps of training",
                ylabel=f"test query MSE after {compare_subset.TEST_STEPS} SGD steps on all "
                       f"{compare_subset.N_SUPPORT} support points\n(mean over {n_tasks} "
                       f"held-out tasks, 95% interval)",
                title="per meta-step: the subset costs little accuracy")
    c = compare_subset.variant(compare_subset.N_SUPPORT).config
    axes[1].set(xscale="log",
                xlabel=f"training cost: points through the differentiated network, summed "
                       f"over meta-steps\n({c.meta_batch} tasks × ({c.inner_steps} inner "
                       f"step × points seen + {c.n_query} query points) per meta-step)",
                title="per point processed: the subset learns far more")
    axes[0].legend(loc="lower left", fontsize=8.5)
    fig.suptitle(f"The subset strategy (section 1.4.1) on sinusoids with "
                 f"{compare_subset.N_SUPPORT} support points per task: MAML's K = 1 inner step "
                 f"on every point or on a random subset")
    return style.save(fig, out_dir, "compare_subset")


#: Registry names whose step 0 already includes a ridge head (see meta.compare.fits_at_step_0).
RIDGE_AT_STEP_0 = ("multitask", "closed_form")


def make(out_dir, *, quick=False, seed=0, progress=None):
    """Draw the compare_* figures; return their numbers.

    Returned keys: ``strategies``, ``families``, ``labels``, ``steps``,
    ``n_support``, ``test_tasks``, ``val_tasks``, ``meta_steps``, ``results``
    ({family: {name: the dict of ``meta.compare.run``}}), ``fits`` ({family:
    the example task}), ``files``, and for convenience ``mse``, ``median``,
    ``diverged``, ``per_task`` ({family: {name: array}}), ``chosen``
    ({family: {name: (inner_lr, n_steps)}}) and ``subset`` (the dict of
    ``meta.compare_subset.run``).
    """
    cfg = QUICK if quick else FULL
    meta_steps = dict(cfg["meta_steps"])
    runs, fits = {}, {}
    for fam in FAMILIES:
        family = make_family(fam)
        runs[fam] = experiment.run(family, meta_steps, seed=seed, n_support=N_SUPPORT,
                                   train_support=N_SUPPORT,
                                   n_query=N_QUERY, val_tasks=cfg["val_tasks"],
                                   test_tasks=cfg["test_tasks"], max_steps=N_STEPS,
                                   progress=progress)
        wrong = [name for name, r in runs[fam].items()
                 if r["step_0_fit"] != (name in RIDGE_AT_STEP_0)]
        if wrong:
            raise ValueError(f"RIDGE_AT_STEP_0 disagrees with the strategies for {wrong}")
        fits[fam] = example_fit(runs[fam], family)
    files = [draw_curves(out_dir, runs, cfg["test_tasks"]),
             draw_fits(out_dir, fits["sinusoid"], "sinusoid", "compare_example_fits"),
             draw_fits(out_dir, fits["sinusoid_frequency"], "sinusoid_frequency",
                       "compare_example_fits_frequency")]
    sub_cfg = SUBSET_QUICK if quick else SUBSET_FULL
    subset = compare_subset.run(sub_cfg["checkpoints"], seed=seed,
                                eval_tasks=sub_cfg["eval_tasks"])
    files.append(draw_subset(out_dir, subset))

    def table(key):
        return {fam: {name: getattr(r["test"], key) for name, r in res.items()}
                for fam, res in runs.items()}
    return {"files": files, "strategies": list(STRATEGIES), "families": list(FAMILIES),
            "labels": dict(LABELS), "steps": np.arange(N_STEPS + 1), "n_support": N_SUPPORT,
            "test_tasks": cfg["test_tasks"], "val_tasks": cfg["val_tasks"],
            "meta_steps": meta_steps, "results": runs, "fits": fits, "subset": subset,
            "mse": table("mean"), "half_width": table("half_width"), "median": table("median"),
            "diverged": table("diverged"), "per_task": table("per_task"),
            "chosen": {fam: {name: (r["choice"].inner_lr, r["choice"].n_steps)
                             for name, r in res.items()} for fam, res in runs.items()},
            "seconds": {fam: {name: r["train_seconds"] + r["tune_seconds"] + r["test_seconds"]
                              for name, r in res.items()} for fam, res in runs.items()}}
