"""Chapter 5: every strategy on Omniglot, 5-way 1-shot and 5-shot, under one short budget.

Lecture 22, section 1.4.4 (the practical strategies "compete against the
regular SGD approach") and section 3 (demos of MAML against the
alternatives), on the benchmark of Finn, Abbeel and Levine (2017), section
5.2: N-way k-shot episodes of Omniglot characters, k drawings per character
(K stays the number of inner steps; ``scratchmeta.datasets.omniglot_tasks``),
and their fully connected network, 784-256-128-64-64-5 with batch norm
(``MLP(..., batch_norm=True)``).

The strategies, by registry name: second-order MAML (``maml``) and
first-order MAML (``fomaml``), Reptile, ANIL, multi-task SGD with one head
per training episode (``multitask``), pretrained on pooled episodes then
fine-tuned (``pretrained``), and the two closed-form heads of section 1.4.3,
R2-D2's ridge classifier (``r2d2``) and the softmax head solved by Newton's
method (``newton_head``). Their training hyperparameters are in
:data:`HYPER`; where a paper gives them they are its own (MAML, FOMAML,
ANIL: Finn et al.'s inner step 0.4, one inner step, meta-batch 32; Reptile:
Nichol et al.'s 5 inner steps, meta-batch 5 and outer step 1 annealed to 0),
the rest are the library's defaults or stated beside them.

**The budget, and what it means.** This is a comparison at a *short, equal
wall-clock budget*, not a reproduction of anyone's table (the 60,000-step
MAML reproduction is a separate run). Each strategy takes meta-steps until
``seconds`` of wall-clock time are spent on them (the run's default,
:data:`SECONDS`, one thread of BLAS on a shared 2-core machine, so the
times carry the noise of whatever else runs there). A strategy with a
cheap step takes many steps; MAML, whose step differentiates through the
inner loop, takes few. That is the trade-off the second figure shows:
validation accuracy against the training time spent, measured at
``N_CHECKS`` points of each run (the time spent evaluating is not counted).

**Choosing the test-time settings on validation characters.** Every
strategy adapts at test time by SGD from its own start (``adapt.sgd_path``):
MAML's theta0, the closed-form head on a frozen body, ... Its step size and
step count are chosen on the *validation* characters (Finn et al.'s 100
held-out ones), never on test: for each step size of :data:`STEP_SIZES`,
``n_val`` validation episodes are adapted for 0..:data:`N_STEPS` steps, and
the (step size, step count) with the highest mean validation accuracy wins
(ties: fewer steps, then the smaller step). The step size is that of the
parameters each strategy moves at test time (:data:`MOVES`): every weight
matrix and the head's bias for MAML and FOMAML (batch norm's offsets stay,
as in their inner loop and Finn et al.'s code), every parameter for Reptile
and pretrained, the head alone for ANIL, multi-task (its test-time steps are
all head-only here, from the ridge head of eq. 22.6), R2-D2 and the Newton
head (from their closed-form heads; 0 steps means the closed-form head
itself). Then the test characters: ``n_test`` episodes, each adapted at the
chosen step size, scored after 0..N_STEPS steps with 95% intervals
(``evaluate.interval``); the table reports the accuracy at the chosen step
count.

**Episodes.** Training episodes follow the family (rotations as new classes
in the training split only). Validation and test episodes have K support
drawings and 15 query drawings per class (so 1 + 15 and 5 + 15 of the 20),
drawn from fixed seeds, the same for every strategy.

Commands (the figure only draws; it reads what ``train`` stored)::

    OPENBLAS_NUM_THREADS=1 python -m scratchmeta.meta.omniglot_compare train \\
        --root ../shared/data/omniglot --out figures/weights   # 16 runs of 90 s + evaluation
    python -m scratchmeta.meta.omniglot_compare table          # the README's table
    python -m scratchmeta.figures --only omniglot
"""

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

import numpy as np

from scratchmeta.meta import adapt
from scratchmeta.meta.checks import (check_adapting, check_count, check_count_list, check_keys,
                                     check_n_way, check_name, check_names, check_ordered,
                                     check_path, check_rate, check_records, check_strategy,
                                     check_type, user_callback)
from scratchmeta.meta.evaluate import interval, task_rng
from scratchmeta.meta.registry import default_model, make_strategy
from scratchmeta.meta.training import flatten, init_rng, step_rng, unflatten

STRATEGIES = ("maml", "fomaml", "reptile", "anil", "multitask", "pretrained", "r2d2",
              "newton_head")
SHOTS = (1, 5)
N_WAY = 5
N_QUERY_EVAL = 15              # query drawings per class in validation and test episodes
N_STEPS = 5                    # test-time steps scored: 0, 1, ..., 5 (Finn et al. test with 3)
STEP_SIZES = (0.03, 0.1, 0.4, 1.0)    # the validation grid of test-time step sizes
SECONDS = 90.0                 # training budget per strategy and shot count
PROBE_STEPS = 5                # meta-steps timed to turn the budget into a step count
N_CHECKS = 6                   # validation points along each run (time curve)
N_CHECK_TASKS = 50             # validation episodes at each of them
N_CHECK_STEPS = 3              # ... adapted for 0..3 steps at the training step size
N_VALIDATION, N_TEST = 100, 600
SEED = 0
VALIDATION_SEED, TEST_SEED = 23, 22

# Training hyperparameters; n_support and n_query are filled in per shot count.
HYPER = {
    "maml": dict(inner_lr=0.4, inner_steps=1, meta_batch=32, meta_lr=1e-3),     # Finn et al.
    "fomaml": dict(inner_lr=0.4, inner_steps=1, meta_batch=32, meta_lr=1e-3),   # Finn et al.
    "reptile": dict(inner_lr=0.1, inner_steps=5, meta_batch=5, meta_lr=1.0),    # Nichol et al.
    "anil": dict(inner_lr=0.4, inner_steps=1, meta_batch=32, meta_lr=1e-3),     # as MAML
    # 2,000 training episodes, one head each; test time: ridge head then 10 head-only steps
    "multitask": dict(n_train_tasks=2000, meta_batch=32, meta_lr=1e-3, head_meta_lr=0.03,
                      head_init="closed_form", lam=1.0, head_steps=N_STEPS),
    "pretrained": dict(meta_batch=32, meta_lr=1e-3),
    "r2d2": dict(meta_batch=32, meta_lr=1e-3),
    "newton_head": dict(meta_batch=32, meta_lr=1e-3),
}
# The hyperparameter that is each strategy's test-time step size.
STEP_SIZE_NAME = {name: "inner_lr" for name in STRATEGIES}
STEP_SIZE_NAME["multitask"] = "head_inner_lr"
# What each strategy's test-time steps move (the step size is for these parameters).
MOVES = {"maml": "every W, head b", "fomaml": "every W, head b", "reptile": "all",
         "anil": "head", "multitask": "head", "pretrained": "all", "r2d2": "head",
         "newton_head": "head"}
# Checkpoint keys that adaptation does not read (optimizer moments, training heads).
NOT_STORED = ("adam", "heads", "heads_adam", "task_params")


def families(data, n_way=N_WAY):
    """The train, validation and test Omniglot families on the loaded ``data`` (None: the
    decoded drawings, found as ``Omniglot(data=None)`` finds them)."""
    from scratchmeta.datasets.omniglot_tasks import Omniglot
    return {split: Omniglot(n_way, split, data=data) for split in ("train", "validation",
                                                                   "test")}


def build(name, family, shots):
    """The strategy ``name`` for ``shots``-shot training episodes of ``family``."""
    check_name("name", name, STRATEGIES, "strategy")
    check_count("shots", shots, 1)
    check_n_way(family)
    hyper = dict(HYPER[name])
    hyper["n_support"] = shots * family.n_way
    if name not in ("multitask", "pretrained"):
        hyper["n_query"] = shots * family.n_way
    if name == "reptile":
        hyper["n_steps"] = 10 ** 9                 # replaced once the step count is known
    return make_strategy(name, family, default_model(family), **hyper)


def episodes(family, n_tasks, shots, seed):
    """``n_tasks`` episodes, task i from its own generator: the same for every strategy."""
    check_n_way(family)
    for arg, value, minimum in (("n_tasks", n_tasks, 1), ("shots", shots, 1), ("seed", seed, 0)):
        check_count(arg, value, minimum)
    batches = [family.sample(task_rng(seed, i), 1, shots * family.n_way,
                             N_QUERY_EVAL * family.n_way) for i in range(n_tasks)]
    return type(batches[0])(*(np.concatenate(parts) for parts in zip(*batches)))


def with_step_size(strategy, step_size):
    """The same strategy with its test-time step size replaced."""
    check_strategy(strategy)
    check_rate("step_size", step_size)
    config = dataclasses.replace(strategy.config, **{STEP_SIZE_NAME[_name(strategy)]: step_size})
    return type(strategy)(strategy.model, strategy.family, config)


def accuracy_curves(strategy, state, batch, n_steps=N_STEPS, chunk=100):
    """(tasks, n_steps + 1) query accuracy after 0..n_steps test-time steps."""
    check_adapting(strategy, state, batch, n_steps)
    check_count("chunk", chunk, 1)
    parts = []
    for start in range(0, len(batch.x_support), chunk):
        part = type(batch)(*(a[start:start + chunk] for a in batch))
        parts.append(adapt.curve(strategy, state, part, n_steps))
    return np.concatenate(parts).astype(float)


# --------------------------------------------------------------------------
# Training under a wall-clock budget
# --------------------------------------------------------------------------

def train_one(name, fams, shots, *, seconds=SECONDS, seed=SEED, progress=print):
    """Train ``name`` for ``seconds`` of wall-clock time; return (state, record of the run).

    The clock counts meta-steps only, not the validation checks, which are
    made at the start and each time another ``seconds / (N_CHECKS - 1)`` has
    passed. Reptile anneals its outer step to 0 over a number of steps fixed
    in advance, ``seconds`` over the time of ``PROBE_STEPS`` steps (timed on
    a throw-away copy after one warm-up step); it stops there if that comes
    before the budget is spent. ``progress`` is a print-like callable, or None for silence.
    """
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) \
            or not 0 < seconds < np.inf:
        raise ValueError(f"seconds must be a positive number of seconds of training, got "
                         f"{seconds!r}")
    check_name("name", name, STRATEGIES, "strategy")
    check_count("shots", shots, 1)
    check_keys("fams", fams, ("train", "validation", "test"), "families(data)")
    check_count("seed", seed, 0)
    say = user_callback("progress", progress, "print (a print-like callable) or None")
    strategy = build(name, fams["train"], shots)
    check_batch = episodes(fams["validation"], N_CHECK_TASKS, shots, VALIDATION_SEED + 1)
    state = strategy.init_state(init_rng(seed))
    max_steps = None
    if name == "reptile":                           # anneal the outer step over the run
        probe, _ = _step(strategy, state, seed, 0)
        t0 = time.perf_counter()
        for t in range(1, PROBE_STEPS + 1):
            probe, _ = _step(strategy, probe, seed, t)
        max_steps = max(N_CHECKS, int(seconds * PROBE_STEPS / (time.perf_counter() - t0)))
        strategy = type(strategy)(strategy.model, strategy.family,
                                  dataclasses.replace(strategy.config, n_steps=max_steps))
    record = {"steps": [], "seconds": [], "val_accuracy": []}
    elapsed, losses, t, next_check = 0.0, [], 0, 0.0
    while True:
        done = elapsed >= seconds or (max_steps is not None and t >= max_steps)
        if elapsed >= next_check or done:
            acc = accuracy_curves(strategy, state, check_batch, n_steps=N_CHECK_STEPS).mean(0)
            record["steps"].append(t)
            record["seconds"].append(elapsed)
            record["val_accuracy"].append(float(acc.max()))
            say(f"  {name} {shots}-shot: step {t}, {elapsed:.0f} s, validation accuracy "
                     f"{acc.max():.3f} (best of 0-{N_CHECK_STEPS} steps at the training "
                     f"step size)")
            next_check += seconds / (N_CHECKS - 1)
        if done:
            break
        start = time.perf_counter()
        state, loss = _step(strategy, state, seed, t)
        elapsed += time.perf_counter() - start
        losses.append(loss)
        t += 1
    record.update(name=name, shots=shots, n_steps=t, train_seconds=elapsed,
                  seconds_per_step=elapsed / t, hyper=dataclasses.asdict(strategy.config),
                  losses=[float(v) for v in losses])
    return state, record


def train_and_evaluate(name, fams, shots, folder, *, seconds=SECONDS, progress=print):
    """Train, store the weights (float16), then choose and test *from the stored weights*."""
    check_path("folder", folder, folder=True)
    state, record = train_one(name, fams, shots, seconds=seconds, progress=progress)
    record["label"] = build(name, fams["train"], shots).name
    save_run(folder, state, record)
    state, record = load_run(folder, name, shots)           # what the figure will read
    ev = evaluate_run(name, state, fams, shots)
    record["evaluation"] = {"step_size": ev["step_size"], "steps": ev["steps"],
                            "validation": np.where(np.isfinite(ev["validation"]),
                                                   ev["validation"], -1.0).tolist(),
                            "test": ev["test"].tolist()}
    path = save_run(folder, state, record)
    acc = ev["test"][:, ev["steps"]]
    progress(f"{name} {shots}-shot: {record['n_steps']} meta-steps in "
             f"{record['train_seconds']:.0f} s; step size {ev['step_size']:g}, "
             f"{ev['steps']} steps chosen on validation; test accuracy {acc.mean():.3f} "
             f"-> {path}")
    return state, record


def _step(strategy, state, seed, t):
    rng = step_rng(seed, t)
    return strategy.update(state, strategy.sample_batch(rng, state), rng, t)


def weights_path(folder, name, shots):
    check_path("folder", folder, folder=True)
    check_name("name", name, STRATEGIES, "strategy")
    check_count("shots", shots, 1)
    return Path(folder) / f"omniglot_compare_{name}_{shots}shot.npz"


def save_run(folder, state, record):
    """Write the state adaptation needs (float16, to keep the files small) and the record."""
    check_type("state", state, dict)
    check_keys("record", record, ("name", "shots"), "train_one's record")
    flat = {k: np.asarray(v) for k, v in flatten(state).items()
            if k.split("/")[0] not in NOT_STORED}
    arrays = {f"state/{k}": v.astype(np.float16) if v.dtype.kind == "f" else v
              for k, v in flat.items()}
    arrays["record"] = np.array(json.dumps(record))
    path = weights_path(folder, record["name"], record["shots"])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    tmp.replace(path)
    return path


class MissingRun(FileNotFoundError, ValueError):
    """No stored run where one was asked for: a FileNotFoundError, as a missing file always
    was here (so ``except FileNotFoundError``, e.g. the figure's "skipped", keeps working),
    and a ValueError, as every other bad argument of the package (a folder that holds no
    run is a wrong ``folder``); ``io.UnsupportedOperation`` is both kinds in the same way."""


def load_run(folder, name, shots):
    """(state in float64, record) as :func:`save_run` wrote them.

    A folder without the run raises :class:`MissingRun` (a FileNotFoundError and a
    ValueError) naming the folder, the file it lacks and the command that makes it; a
    file that is not a run save_run wrote is a ValueError naming it.
    """
    path = weights_path(folder, name, shots)
    if not path.is_file():
        raise MissingRun(f"folder {str(folder)!r} holds no trained weights of {name} "
                         f"{shots}-shot (the file {path.name!r} is missing); make them with "
                         f"'python -m scratchmeta.meta.omniglot_compare train --out {folder}'")
    try:
        with np.load(path, allow_pickle=False) as f:
            record = json.loads(str(f["record"]))
            flat = {k[len("state/"):]: (f[k].astype(np.float64) if f[k].dtype.kind == "f"
                                        else f[k]) for k in f.files if k.startswith("state/")}
        if not (isinstance(record, dict) and flat and all(
                v.dtype.kind in "biuf" for v in flat.values())):
            raise ValueError("it holds no state/ arrays of numbers and a JSON record dict")
        return unflatten(flat), record
    except (ValueError, KeyError, OSError, EOFError) as e:      # zip, JSON, a missing entry
        raise ValueError(f"{str(path)!r} (folder {str(folder)!r}, {name} {shots}-shot) is not "
                         f"a run that 'omniglot_compare train' stored: "
                         f"{type(e).__name__}: {e}"[:400]) from None


# --------------------------------------------------------------------------
# Choosing on validation, scoring on test
# --------------------------------------------------------------------------

def choose_on_validation(strategy, state, batch, step_sizes=STEP_SIZES, n_steps=N_STEPS):
    """(step size, step count, accuracy table (sizes, steps + 1)) best on the validation batch."""
    check_adapting(strategy, state, batch, n_steps)
    check_ordered("step_sizes", step_sizes, STEP_SIZES)
    for lr in step_sizes:
        check_rate("step_sizes", lr)
    table = np.full((len(step_sizes), n_steps + 1), -np.inf)
    for i, lr in enumerate(step_sizes):
        try:
            table[i] = accuracy_curves(with_step_size(strategy, lr), state, batch,
                                       n_steps).mean(0)
        except FloatingPointError:                  # this step size diverges: never chosen
            pass
    best = table.max()
    # ties: fewer steps first, then the smaller step size
    for k in range(n_steps + 1):
        for i in range(len(step_sizes)):
            if table[i, k] == best:
                return step_sizes[i], k, table


def evaluate_run(name, state, fams, shots, *, n_val=None, n_test=None):
    """The step size and count chosen on validation episodes, then the test curves.

    Returns ``{"step_size", "steps", "validation" (sizes, steps + 1), "test"
    (n_test, N_STEPS + 1)}``: every test episode's accuracy after 0..N_STEPS
    steps at the chosen step size.
    """
    n_val = N_VALIDATION if n_val is None else n_val
    n_test = N_TEST if n_test is None else n_test
    check_name("name", name, STRATEGIES, "strategy")
    check_count("shots", shots, 1)
    check_keys("fams", fams, ("train", "validation", "test"), "families(data)")
    check_type("state", state, dict)
    check_count("n_val", n_val, 1)
    check_count("n_test", n_test, 2)              # an interval needs 2
    strategy = build(name, fams["test"], shots)
    val = episodes(fams["validation"], n_val, shots, VALIDATION_SEED)
    lr, steps, table = choose_on_validation(strategy, state, val)
    test = episodes(fams["test"], n_test, shots, TEST_SEED)
    curves = accuracy_curves(with_step_size(strategy, lr), state, test)
    return {"step_size": lr, "steps": steps, "validation": table, "test": curves}


def compare(folder, *, shots=SHOTS, names=STRATEGIES):
    """Every strategy's validation choice and test accuracy, as ``train`` stored them."""
    check_path("folder", folder, folder=True)
    check_count_list("shots", shots, SHOTS, 1)
    check_names("names", names, STRATEGIES, "strategy")
    results = {}
    for k in shots:
        for name in names:
            state, record = load_run(folder, name, k)
            ev = record["evaluation"]
            curves = np.asarray(ev["test"], dtype=float)
            mean, half = interval(curves)
            steps = ev["steps"]
            results[(name, k)] = dict(
                label=record["label"], step_size=ev["step_size"], steps=steps,
                validation=np.asarray(ev["validation"], dtype=float),
                validation_accuracy=float(np.max(ev["validation"])), test_mean=mean,
                test_half_width=half, test_accuracy=float(mean[steps]),
                test_interval=float(half[steps]), per_task=curves[:, steps], record=record,
                state=state)
    return results


def table_rows(results, shots=SHOTS, names=STRATEGIES):
    """The README table: one row per strategy, the same columns for every row."""
    check_count_list("shots", shots, SHOTS, 1)
    check_names("names", names, STRATEGIES, "strategy")
    check_keys("results", results, [(name, k) for name in names for k in shots],
               "omniglot_compare.compare(folder)")
    check_records("results", results, ("label", "test_accuracy", "test_interval", "step_size",
                                       "steps", "record"), "omniglot_compare.compare(folder)")
    rows = []
    for name in names:
        row = {"strategy": results[(name, shots[0])]["label"],
               "test-time steps move": MOVES[name]}
        for k in shots:
            r = results[(name, k)]
            row[f"{k}-shot test accuracy (%)"] = (f"{100 * r['test_accuracy']:.1f} ± "
                                                 f"{100 * r['test_interval']:.1f}")
            row[f"{k}-shot step size, steps"] = f"{r['step_size']:g}, {r['steps']}"
            rec = r["record"]
            row[f"{k}-shot meta-steps (s each)"] = (f"{rec['n_steps']} "
                                                   f"({rec['seconds_per_step']:.3f})")
        rows.append(row)
    return rows


def _name(strategy):
    from scratchmeta.meta.registry import STRATEGIES as REGISTERED
    kind = (type(strategy).__module__, type(strategy).__qualname__)    # (a settled one's too)
    for key, cls in REGISTERED.items():
        if kind == (cls.__module__, cls.__qualname__):
            return key
    raise ValueError(f"{type(strategy).__name__} is not a registered strategy")


# --------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------

def main(argv=None):
    """``python -m scratchmeta.meta.omniglot_compare train|table [--out DIR] ...``."""
    parser = argparse.ArgumentParser(prog="python -m scratchmeta.meta.omniglot_compare",
                                     description="Every strategy on Omniglot under a short "
                                                 "equal wall-clock budget.")
    parser.add_argument("command", choices=("train", "table"),
                        help="train: train, store and evaluate every run; table: print the "
                             "table from the stored runs")
    parser.add_argument("--out", default="figures/weights", help="folder of the weights")
    parser.add_argument("--root", default=None, help="folder holding the Omniglot zips")
    parser.add_argument("--seconds", type=float, default=SECONDS,
                        help=f"training budget per run (default {SECONDS:g})")
    parser.add_argument("--shots", type=int, nargs="+", default=list(SHOTS))
    parser.add_argument("--strategies", nargs="+", default=list(STRATEGIES),
                        choices=STRATEGIES)
    args = parser.parse_args(argv)
    if args.command == "train":
        from scratchmeta.datasets import omniglot
        fams = families(omniglot.load(args.root))
        for k in args.shots:
            for name in args.strategies:
                start = time.perf_counter()
                train_and_evaluate(name, fams, k, args.out, seconds=args.seconds)
                print(f"  ({time.perf_counter() - start:.0f} s with evaluation)", flush=True)
        return 0
    from scratchmeta.meta.evaluate import format_table
    results = compare(args.out, shots=tuple(args.shots), names=tuple(args.strategies))
    print(format_table(table_rows(results, tuple(args.shots), tuple(args.strategies))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
