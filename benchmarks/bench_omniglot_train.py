"""Benchmark for Chapter 5: the whole training step of the 1-shot Omniglot reproduction.

Run:  OPENBLAS_NUM_THREADS=1 python benchmarks/bench_omniglot_train.py [--steps 1500]

The reproduction (Finn et al. 2017, section 5.2; the README's Chapter 5
command) runs 60,000 meta-steps of second-order MAML: 5-way 1-shot, meta-batch
32, one inner step of 2.0, Adam 1e-3, float32, a checkpoint every 500 steps.
Its target is to finish within 60 minutes on this 2-core machine, that is at
most 60 ms per meta-step, everything included. ``benchmarks/bench_omniglot.py``
times the meta-gradient alone against torch.func and JAX; this one times what
``python -m scratchmeta train`` does per step:

1. the whole loop, ``meta.training.train`` with the command line's strategy
   and checkpoints (wall and CPU time per step, and the projected time of
   60,000 steps);
2. its parts, one after the other on the same steps: drawing the episodes,
   the meta-gradient (eq. 22.3 through eq. 22.4), the guard of section 1.3.7
   on the meta-gradient, Adam, the trainer's guard on the update, and a
   checkpoint write (every 500 steps, so 1/500 of its time per step).

The machine is shared: a NumPy float32 product of the first layer's size
(320 x 784 times 784 x 256, the support and query drawings of 32 tasks) is
timed in the same process between the blocks, and each time is also given in
units of it, which moves less with the load than milliseconds do. Needs the
Omniglot data (``../shared/data/omniglot`` or the cache).
"""

import argparse
import os
import tempfile
import time

import numpy as np

from scratchmeta.memory import keep_freed_memory
from scratchmeta.meta import training
from scratchmeta.meta.guard import check_step, check_update, inner_advice, step_advice
from scratchmeta.meta.protocol import describe
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.optim import adam_update

TARGET_MINUTES, FULL_STEPS, CHECKPOINT_EVERY = 60, 60_000, 500
HYPER = dict(inner_lr=2.0, inner_steps=1, meta_lr=1e-3, meta_batch=32, n_support=5,
             n_query=5)


def reference_ms(repeats=50):
    """Median time (ms) of the first layer's float32 product for a whole meta-batch."""
    rng = np.random.default_rng(0)
    a = rng.random((320, 784), dtype=np.float32)
    b = rng.random((784, 256), dtype=np.float32)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - start)
    return 1e3 * float(np.median(times))


def whole_loop(strategy, steps, folder):
    """(wall ms, CPU ms) per meta-step of ``training.train``, checkpoints included."""
    path = os.path.join(folder, "bench.npz")
    wall, cpu = time.perf_counter(), time.process_time()
    training.train(strategy, steps, 0, checkpoint=path, checkpoint_every=CHECKPOINT_EVERY)
    return (1e3 * (time.perf_counter() - wall) / steps,
            1e3 * (time.process_time() - cpu) / steps)


def parts(strategy, steps, folder):
    """Median ms per meta-step of each part of the loop, on ``steps`` consecutive steps."""
    c = strategy.config
    state = strategy.init_state(training.init_rng(0))
    advice = step_advice(c, {"params": state["params"]})
    config, path = describe(strategy), os.path.join(folder, "parts.npz")
    times = {k: [] for k in ("draw", "meta-gradient", "guard on the meta-gradient", "Adam",
                             "guard on the update", "checkpoint")}
    for step in range(steps):
        t0 = time.perf_counter()
        rng = training.step_rng(0, step)
        batch = strategy.sample_batch(rng, state)
        t1 = time.perf_counter()
        loss, grads = strategy.meta_grad(state["params"], batch, rng)
        t2 = time.perf_counter()
        check_update(loss, grads, step=step, advice=inner_advice(c.inner_steps, c.inner_lr))
        t3 = time.perf_counter()
        params, adam = adam_update(state["params"], grads, state["adam"], c.meta_lr)
        t4 = time.perf_counter()
        check_step({"params": state["params"]}, {"params": params}, float(loss), step=step,
                   advice=advice)
        t5 = time.perf_counter()
        state = {"params": params, "adam": adam}
        if step % 50 == 49:       # a few writes; a run writes one every 500 steps
            training.save_checkpoint(path, state, step=step + 1, seed=0, config=config,
                                     meta_losses=[1.0] * (step + 1), changes=[])
            times["checkpoint"].append((time.perf_counter() - t5) / CHECKPOINT_EVERY)
        for name, dt in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            times[name].append(dt)
    return {name: 1e3 * float(np.median(t)) for name, t in times.items()}


def main():
    keep_freed_memory()       # the same allocator setting as the command line
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1500,
                        help="meta-steps of the whole loop (default 1500)")
    parser.add_argument("--part-steps", type=int, default=300,
                        help="meta-steps timed part by part (default 300)")
    args = parser.parse_args()
    family = make_family("omniglot", dtype="float32")
    strategy = make_strategy("maml", family, **HYPER)
    print(f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}; "
          f"load average {os.getloadavg()[0]:.2f}; {strategy.model}; " +
          ", ".join(f"{k} {v}" for k, v in HYPER.items()))
    with tempfile.TemporaryDirectory() as folder:
        refs = [reference_ms()]
        wall, cpu = whole_loop(strategy, args.steps, folder)
        refs.append(reference_ms())
        split = parts(strategy, args.part_steps, folder)
        refs.append(reference_ms())
    ref = float(np.median(refs))
    print(f"reference (320x784 @ 784x256 float32 product): {ref:.3f} ms, median of "
          f"{', '.join(f'{r:.3f}' for r in refs)}")
    print(f"\nwhole loop, {args.steps} meta-steps: {wall:.2f} ms wall ({1e3 / wall:.1f} "
          f"steps/s), {cpu:.2f} ms CPU per meta-step; {wall / ref:.1f} references")
    print(f"\nparts, median over {args.part_steps} meta-steps:")
    for name, ms in split.items():
        print(f"  {name:28s} {ms:7.3f} ms  {ms / ref:6.2f} references")
    print(f"  {'sum':28s} {sum(split.values()):7.3f} ms")
    minutes = FULL_STEPS * wall / 6e4
    print(f"\nprojected {FULL_STEPS:,} meta-steps at this speed: {minutes:.1f} minutes "
          f"(target <= {TARGET_MINUTES}: {'met' if minutes <= TARGET_MINUTES else 'MISSED'}; "
          f"{TARGET_MINUTES / minutes:.1f}x margin)")


if __name__ == "__main__":
    main()
