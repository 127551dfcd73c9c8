"""Every strategy on Omniglot: accuracy against test-time steps, and against training time.

Chapter 5; Lecture 22, sections 1.4.4 and 3 (MAML against the alternatives),
on Finn, Abbeel and Levine's (2017) 5-way Omniglot benchmark. The experiment
is ``scratchmeta.meta.omniglot_compare``: eight strategies, 1-shot and
5-shot, each trained for the same short wall-clock budget by the separate
command

    OPENBLAS_NUM_THREADS=1 python -m scratchmeta.meta.omniglot_compare train \\
        --out figures/weights

which stores each run's weights (float16), its training record and its
evaluation: the test-time step size and step count chosen on the
validation characters, and every test episode's accuracy after 0..5 steps
at that step size. This module only draws:

* ``omniglot_steps.png``: test accuracy against test-time steps, mean over
  600 test episodes with its 95% interval, one panel per shot count; a
  filled marker at each strategy's chosen step count.
* ``omniglot_time.png``: validation accuracy against the training
  wall-clock time spent, at six points of each run.

Before drawing it checks that the stored numbers are what the committed
weights give: it re-adapts the first ``verify_tasks`` test episodes of every
run from the weights and compares them with the stored accuracies (they
must agree to within one query point, 1/75, which allows a tie in a logit
to fall the other way under a different BLAS). That needs the Omniglot drawings;
where neither the data nor a network is there, the figure is skipped with a
message saying why, and the other figures are still made. The drawings are
looked for in ``$SCRATCHMETA_OMNIGLOT`` (a folder holding the two zips), then
in ``../shared/data/omniglot`` beside the repository, then in the loader's
cache, and are otherwise downloaded.
"""

import os
from pathlib import Path

import numpy as np

from scratchmeta.figures import style
from scratchmeta.meta.checks import check_count, check_records
from scratchmeta.meta import omniglot_compare as oc

FULL = dict(verify_tasks=5)     # 5 episodes x 16 runs: a check, not a re-evaluation
QUICK = dict(verify_tasks=3)

REPO = Path(__file__).resolve().parents[2]
WEIGHTS = REPO / "figures" / "weights"
SHARED_DATA = REPO.parent / "shared" / "data" / "omniglot"

LABELS = {
    "maml": "MAML, second order",
    "fomaml": "MAML, first order",
    "reptile": "Reptile",
    "anil": "ANIL",
    "multitask": "multi-task SGD, task heads",
    "pretrained": "pretrained + fine-tuned",
    "r2d2": "R2-D2 ridge head",
    "newton_head": "Newton softmax head",
}
COLORS = {**{name: style.COLORS[name] for name in ("maml", "fomaml", "reptile", "anil",
                                                     "multitask")},
          "pretrained": "#8C564B", "r2d2": style.COLORS["closed_form"],
          "newton_head": "#000000"}
MARKERS = dict(maml="o", fomaml="s", reptile="^", anil="P", multitask="D", pretrained="X",
               r2d2="v", newton_head="*")


def data_source():
    """(root, download) where the Omniglot drawings are looked for (module docstring)."""
    env = os.environ.get("SCRATCHMETA_OMNIGLOT")
    if env:
        return Path(env), False
    if SHARED_DATA.is_dir():
        return SHARED_DATA, False
    return None, True


def load_data(root, download):
    """The drawings, or (None, why not) when they cannot be had here."""
    from scratchmeta.datasets import omniglot
    try:
        return omniglot.load(root, download=download, progress=False), None
    except (OSError, ValueError) as err:        # no data, no network, a wrong folder
        where = "the loader's cache" if root is None else str(root)
        return None, (f"Omniglot drawings not available ({where}: {err}); set "
                      f"SCRATCHMETA_OMNIGLOT to a folder holding images_background.zip and "
                      f"images_evaluation.zip")


def verify(results, data, n_tasks):
    """Largest difference between stored and recomputed accuracies of the first test episodes."""
    check_records("results", results, ("step_size", "state", "record"), "omniglot_compare runs")
    check_count("n_tasks", n_tasks, 1)
    fams = oc.families(data)
    worst = 0.0
    for (name, k), r in results.items():
        strategy = oc.with_step_size(oc.build(name, fams["test"], k), r["step_size"])
        batch = oc.episodes(fams["test"], n_tasks, k, oc.TEST_SEED)
        again = oc.accuracy_curves(strategy, r["state"], batch)
        stored = np.asarray(r["record"]["evaluation"]["test"])[:n_tasks]
        worst = max(worst, float(np.abs(again - stored).max()))
    return worst


def make(out_dir, *, quick=False, seed=0, weights=None):
    """Draw both PNGs from the stored runs (module docstring); ``seed`` is unused: the
    episodes are those of the stored evaluation."""
    cfg = QUICK if quick else FULL
    weights = WEIGHTS if weights is None else Path(weights)
    root, download = data_source()
    data, why = load_data(root, download)
    if data is None:
        return {"files": [], "skipped": why}
    try:
        results = oc.compare(weights)
    except FileNotFoundError as err:
        return {"files": [], "skipped": str(err)}
    difference = verify(results, data, cfg["verify_tasks"])
    if difference > 1.5 / (oc.N_QUERY_EVAL * oc.N_WAY):
        raise AssertionError(f"the stored Omniglot evaluation is not what the weights in "
                             f"{weights} give (accuracy differs by {difference}); rerun "
                             f"'python -m scratchmeta.meta.omniglot_compare train'")
    files = [draw_steps(out_dir, results), draw_time(out_dir, results)]
    numbers = {"files": [str(f) for f in files], "verified_difference": difference,
               "rows": oc.table_rows(results)}
    for (name, k), r in results.items():
        numbers[f"{name}_{k}shot"] = {key: r[key] for key in (
            "step_size", "steps", "validation_accuracy", "test_mean", "test_half_width",
            "test_accuracy", "test_interval", "per_task")}
        numbers[f"{name}_{k}shot"]["n_steps"] = r["record"]["n_steps"]
        numbers[f"{name}_{k}shot"]["train_seconds"] = r["record"]["train_seconds"]
        numbers[f"{name}_{k}shot"]["time_curve"] = (np.array(r["record"]["seconds"]),
                                                    np.array(r["record"]["val_accuracy"]))
    return numbers


def draw_steps(out_dir, results):
    """omniglot_steps.png: one panel per shot count, every strategy's curve."""
    check_records("results", results, ("step_size", "steps", "record"), "omniglot_compare runs")
    fig, axes = style.subplots(1, len(oc.SHOTS), size=(13.0, 5.6), sharey=True)
    steps = np.arange(oc.N_STEPS + 1)
    for ax, k in zip(axes, oc.SHOTS):
        for name in oc.STRATEGIES:
            r = results[(name, k)]
            mean, half = 100 * r["test_mean"], 100 * r["test_half_width"]
            ax.plot(steps, mean, color=COLORS[name], marker=MARKERS[name], markersize=4,
                    markerfacecolor="white",
                    label=f"{LABELS[name]} (step {r['step_size']:g}, {r['steps']} chosen)")
            ax.fill_between(steps, mean - half, mean + half, color=COLORS[name], alpha=0.15,
                            linewidth=0)
            ax.plot([r["steps"]], [mean[r["steps"]]], marker=MARKERS[name], markersize=8,
                    color=COLORS[name], linestyle="none")
        ax.axhline(100 / oc.N_WAY, color="#7F7F7F", linestyle=":", linewidth=1.2)
        ax.set(title=f"5-way {k}-shot, {oc.N_TEST} test episodes (95% bands)",
               xlabel="test-time SGD steps on the support set",
               ylabel="test accuracy (%)", xticks=steps)
        ax.legend(loc="lower right", fontsize=8)
    fig.suptitle("Omniglot after a short equal training budget: step size and filled-marker "
                 "step count chosen on validation characters")
    return style.save(fig, out_dir, "omniglot_steps")


def draw_time(out_dir, results):
    """omniglot_time.png: one panel per shot count, every strategy's curve."""
    check_records("results", results, ("step_size", "steps", "record"), "omniglot_compare runs")
    fig, axes = style.subplots(1, len(oc.SHOTS), size=(13.0, 5.0), sharey=True)
    for ax, k in zip(axes, oc.SHOTS):
        for name in oc.STRATEGIES:
            rec = results[(name, k)]["record"]
            ax.plot(rec["seconds"], 100 * np.array(rec["val_accuracy"]), color=COLORS[name],
                    marker=MARKERS[name], markersize=5,
                    label=f"{LABELS[name]} ({rec['n_steps']} meta-steps)")
        ax.axhline(100 / oc.N_WAY, color="#7F7F7F", linestyle=":", linewidth=1.2)
        ax.set(title=f"5-way {k}-shot", xlabel="training wall-clock time (s, 1 BLAS thread, "
               "shared machine)", ylabel=f"validation accuracy (%), {oc.N_CHECK_TASKS} episodes")
        ax.legend(loc="lower right", fontsize=8)
    fig.suptitle(f"Validation accuracy during training (best of 0-{oc.N_CHECK_STEPS} test-time "
                 f"steps at the training step size)")
    return style.save(fig, out_dir, "omniglot_time")
