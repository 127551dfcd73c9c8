"""Benchmark for Chapter 2: time per meta-step, and memory as K grows.

Run:  python benchmarks/bench_meta.py [--repeats 200]

Setting: Finn et al. (2017) sinusoids, a 1-40-40-1 ReLU MLP, meta-batch 25,
10 support and 10 query points, K = 1 inner step with inner_lr 0.01.

1. Time (median ms) of one second-order meta-gradient, and of one full
   meta-step (task sampling, meta-gradient, exploding-gradient check, Adam),
   beside PyTorch (torch.func vmap over tasks, and a loop over tasks) and HIPS
   autograd when installed, in the same process. Target (issue 3): at most half
   of PyTorch vmap's time per meta-gradient; the 70,000-step run under 2 min.
2. Peak memory (tracemalloc, which sees NumPy's buffers) of one meta-gradient
   for K = 1, 5, 20: unrolled second-order MAML should grow linearly in K,
   first-order MAML and Reptile (K = T inner steps) should not grow.
3. The subset strategy (section 1.4.1) on tasks with 1,000 support points:
   time and peak memory of one meta-step whose inner loop sees a random 10 or
   100 points per task, against the inner loop on all 1,000 (the cost side of
   ``compare_subset.png``; ratios are medians of interleaved rounds).
"""

import argparse
import sys
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import bench_autodiff as peers  # noqa: E402  (the peer implementations live there)
from timing import interleaved  # noqa: E402

from scratchmeta.memory import keep_freed_memory  # noqa: E402
from scratchmeta.meta import maml  # noqa: E402
from scratchmeta.nn import MLP  # noqa: E402
from scratchmeta.tasks import Sinusoid  # noqa: E402

MODEL = MLP((1, 40, 40, 1))


def peak_mib(fn):
    tracemalloc.start()
    tracemalloc.reset_peak()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2 ** 20


def timing(repeats):
    from scratchmeta.meta.maml import MAML
    rng = np.random.default_rng(0)
    params = MODEL.init(rng)
    batch = Sinusoid().sample(rng, 25, 10, 10)

    def ours_grad():
        return maml.meta_grad(params, batch, MODEL, inner_lr=0.01, inner_steps=1)

    strategy = MAML(MODEL, Sinusoid())
    state = {"s": strategy.init_state(rng)}

    def ours_step():
        batch = strategy.sample_batch(rng, state["s"])
        state["s"], _ = strategy.update(state["s"], batch, rng, 0)

    contenders = {"scratchmeta meta-gradient": ours_grad,
                  "scratchmeta full meta-step (+ sampling, Adam)": ours_step}
    try:
        vmap_step, loop_step = peers.torch_meta_grads(params, tuple(batch))
        contenders["PyTorch torch.func vmap meta-gradient"] = vmap_step
        contenders["PyTorch loop-over-tasks meta-gradient"] = loop_step
    except ImportError:
        print("PyTorch not installed: its rows are skipped")
    try:
        contenders["HIPS autograd meta-gradient"] = peers.hips_autograd_meta_grad(
            params, tuple(batch))
    except ImportError:
        print("HIPS autograd not installed: its row is skipped")
    rounds = max(5, repeats // 20)
    result = interleaved(contenders, "scratchmeta meta-gradient", rounds=rounds)
    rows = {name: ms for name, (ms, _) in result.items()}

    print(f"Time per meta-gradient / meta-step (median ms; ratios are medians of {rounds} "
          f"interleaved rounds), Finn et al. sinusoid setting:")
    for name, (ms, ratio) in result.items():
        tail = "" if name.startswith("scratchmeta") else f"   ours / this = {1 / ratio:5.2f}"
        print(f"  {name:48s} {ms:7.3f} ms{tail}")
    if "PyTorch torch.func vmap meta-gradient" in result:
        r = 1 / result["PyTorch torch.func vmap meta-gradient"][1]
        print(f"Target: at most 0.5x PyTorch vmap per meta-gradient. Measured {r:.2f}x: "
              f"{'PASS' if r <= 0.5 else 'MISS'}")
    step = rows["scratchmeta full meta-step (+ sampling, Adam)"]
    print(f"Projected 70,000-step training time: {70 * step:.0f} s "
          f"(target < 120 s: {'PASS' if 70 * step < 120 else 'MISS'})")


def memory():
    rng = np.random.default_rng(0)
    params = MODEL.init(rng)
    batch = Sinusoid().sample(rng, 25, 10, 10)
    print("\nPeak memory of one meta-gradient (MiB, tracemalloc), by number of inner steps:")
    rows = []
    for k in (1, 5, 20):
        second = peak_mib(lambda: maml.meta_grad(params, batch, MODEL, inner_lr=0.01,
                                                 inner_steps=k))
        first = peak_mib(lambda: maml.meta_grad(params, batch, MODEL, inner_lr=0.01,
                                                inner_steps=k, first_order=True))
        row = [k, second, first]
        try:
            from scratchmeta.meta.reptile import reptile_step
            row.append(peak_mib(lambda: reptile_step(params, batch, MODEL, inner_lr=0.01,
                                                     inner_steps=k, meta_lr=1.0)))
        except ImportError:
            row.append(float("nan"))
        rows.append(row)
    print(f"  {'K (or T)':>8s} {'MAML':>10s} {'FOMAML':>10s} {'Reptile':>10s}")
    for k, second, first, rep in rows:
        print(f"  {k:8d} {second:10.2f} {first:10.2f} {rep:10.2f}")
    growth = (rows[2][1] - rows[1][1]) / (rows[1][1] - rows[0][1])
    print(f"  MAML: (peak(20) - peak(5)) / (peak(5) - peak(1)) = {growth:.2f} "
          f"(linear growth in K predicts 15/4 = 3.75)")


def subset(rounds):
    from scratchmeta.meta import compare_subset
    from scratchmeta.meta.training import init_rng, step_rng
    steps = {}
    for m in compare_subset.SUBSET_SIZES:
        strategy = compare_subset.variant(m)
        state = {"s": strategy.init_state(init_rng(0)), "t": 0}

        def step(strategy=strategy, state=state):
            rng = step_rng(0, state["t"])
            state["s"], _ = strategy.update(state["s"], strategy.sample_batch(rng, state["s"]),
                                            rng, state["t"])
            state["t"] += 1
        steps[f"inner loop on {m} of 1000 points"] = step
    full = "inner loop on 1000 of 1000 points"
    result = interleaved(steps, full, rounds=rounds, per_round=3)
    print(f"\nSubset strategy, tasks with 1000 support points (median ms per meta-step, "
          f"{rounds} interleaved rounds; ratio against the full-batch inner loop):")
    for name, (t, ratio) in result.items():
        print(f"  {name:34s} {t:8.2f} ms  {ratio:6.3f}x  peak {peak_mib(steps[name]):7.1f} MiB")


def main():
    # The same allocator setting as the command line, for every contender in this
    # process (scratchmeta/memory.py explains why NumPy-heavy code needs it).
    keep_freed_memory()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--subset-rounds", type=int, default=7)
    args = parser.parse_args()
    timing(args.repeats)
    memory()
    subset(args.subset_rounds)


if __name__ == "__main__":
    main()
