"""Chapter 5: score the committed Omniglot MAML weights as Finn et al. (2017) do, and record it.

Run:  OPENBLAS_NUM_THREADS=1 python benchmarks/omniglot_reproduction.py \\
          [--tasks 600] [--quick-tasks 20] [--steps 10] [--val-tasks 200] [--only 1shot] \\
          [--out figures/weights/omniglot_maml.json]

For each committed checkpoint (5-way 1-shot and 5-way 5-shot second-order
MAML, ``figures/weights/omniglot_maml_{1,5}shot.npz``) this does what

    python -m scratchmeta evaluate --checkpoint <npz> --split test --tasks 600 \\
        --support 5K --query 5K --steps 10

does (``scratchmeta.meta.evaluate.evaluate``), and writes the numbers to a JSON
record: Finn et al.'s protocol (their ``main.py``, ``test``) is 600 episodes of
the test characters, K support and K query drawings per class, and the mean
accuracy with 1.96 s / sqrt(600). The paper's row is read after 3 test-time
steps at the training inner step size. A short run on ``--quick-tasks``
episodes is recorded as well: ``tests/test_omniglot_reproduction.py`` repeats
it and must get the same numbers, and checks the README's table against the
full record.
"""

import argparse
import json
import time
from pathlib import Path

import numpy as np

from scratchmeta.meta.evaluate import HELD_OUT_SEED, evaluate, select_test_time, with_test_time
from scratchmeta.meta.registry import make_family
from scratchmeta.meta.training import restore

WEIGHTS = Path(__file__).resolve().parent.parent / "figures" / "weights"
CHECKPOINTS = {"1shot": WEIGHTS / "omniglot_maml_1shot.npz",
               "5shot": WEIGHTS / "omniglot_maml_5shot.npz"}
PAPER = {"1shot": (0.897, 0.011), "5shot": (0.975, 0.006)}    # Finn et al. 2017, Table 1
PAPER_STEPS = 3                                                # test-time steps of the paper
CANDIDATES = (0.25, 0.5, 1.0, 2.0)      # test-time step sizes tried on validation characters


def trained(path, split):
    """(checkpoint, strategy) with the strategy's family on ``split``'s characters, upright."""
    ckpt, strategy = restore(path)
    record = ckpt.config["family"]["arguments"]
    family = make_family("omniglot", **{**record, "split": split, "rotate": None})
    return ckpt, type(strategy)(strategy.model, family, strategy.config)   # a fixed family


def score(path, n_tasks, n_steps, seed=HELD_OUT_SEED, inner_lr=None):
    """(checkpoint, Evaluation) on ``n_tasks`` test episodes with K support and K query per class.

    ``inner_lr``: the test-time step (default: the training inner step, as the paper).
    """
    ckpt, strategy = trained(path, "test")
    if inner_lr is not None:
        strategy = with_test_time(strategy, inner_lr=inner_lr)
    c = strategy.config
    return ckpt, evaluate(strategy, ckpt.state, strategy.family, n_tasks=n_tasks,
                          n_support=c.n_support, n_query=c.n_support, n_steps=n_steps,
                          seed=seed)


def choose(path, n_tasks, max_steps):
    """The test-time step size and step count chosen on validation characters."""
    ckpt, strategy = trained(path, "validation")
    c = strategy.config
    return select_test_time(strategy, ckpt.state, strategy.family, candidates=CANDIDATES,
                            max_steps=max_steps, n_tasks=n_tasks, n_support=c.n_support,
                            n_query=c.n_support)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=600)
    parser.add_argument("--quick-tasks", type=int, default=20)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--val-tasks", type=int, default=200)
    parser.add_argument("--only", choices=list(CHECKPOINTS), default=None,
                        help="score one checkpoint and merge it into an existing --out")
    parser.add_argument("--out", default=str(WEIGHTS / "omniglot_maml.json"))
    args = parser.parse_args()
    out = {}
    if args.only is not None and Path(args.out).exists():
        out = json.loads(Path(args.out).read_text())
    for name, path in CHECKPOINTS.items():
        if args.only not in (None, name):
            continue
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        t0 = time.perf_counter()
        ckpt, full = score(path, args.tasks, args.steps)
        seconds = time.perf_counter() - t0
        _, quick = score(path, args.quick_tasks, PAPER_STEPS)
        pick = choose(path, args.val_tasks, args.steps)
        _, chosen = score(path, args.tasks, args.steps, inner_lr=pick.inner_lr)
        c = ckpt.config["hyperparameters"]
        out[name] = {
            "checkpoint": path.name, "meta_steps": int(ckpt.step), "seed": int(ckpt.seed),
            "hyperparameters": c, "test_tasks": args.tasks, "test_seed": full.seed,
            "n_support": c["n_support"], "n_query": c["n_support"],
            "mean": [float(m) for m in full.mean],
            "half_width": [float(h) for h in full.half_width],
            "validation": {"tasks": args.val_tasks, "seed": pick.seed,
                           "candidates": list(pick.candidates), "inner_lr": pick.inner_lr,
                           "steps": pick.n_steps,
                           "mean": [[float(v) for v in row] for row in pick.validation]},
            "chosen_mean": [float(m) for m in chosen.mean],
            "chosen_half_width": [float(h) for h in chosen.half_width],
            "quick_tasks": args.quick_tasks,
            "quick_mean": [float(m) for m in quick.mean],
            "quick_half_width": [float(h) for h in quick.half_width],
            "paper": {"mean": PAPER[name][0], "half_width": PAPER[name][1],
                      "steps": PAPER_STEPS},
            "evaluation_seconds": round(seconds, 1),
        }
        m, h = full.mean[PAPER_STEPS], full.half_width[PAPER_STEPS]
        print(f"{name}: {ckpt.step} meta-steps; accuracy after {PAPER_STEPS} steps "
              f"{100 * m:.1f} ± {100 * h:.1f} % on {args.tasks} test episodes "
              f"(paper {100 * PAPER[name][0]:.1f} ± {100 * PAPER[name][1]:.1f} %); "
              f"after 0..{args.steps} steps: "
              + " ".join(f"{100 * v:.1f}" for v in full.mean) + f"  ({seconds:.0f} s)")
        k = pick.n_steps
        print(f"   chosen on {args.val_tasks} validation episodes: lr {pick.inner_lr:g}, {k} "
              f"steps -> {100 * chosen.mean[k]:.1f} ± {100 * chosen.half_width[k]:.1f} % on "
              f"the test episodes")
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {args.out}")
    return 0 if out else 1


if __name__ == "__main__":
    raise SystemExit(main())
