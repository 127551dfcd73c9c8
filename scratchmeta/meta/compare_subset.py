"""The subset strategy where it matters: tasks with 1,000 support points.

Lecture 22, section 1.4.1 (the subset strategy), motivated by section 1.3.7
(the unrolled inner loop must stay small). With 10 support points, as in Finn
et al.'s sinusoids, a random subset of 10 points out of 100 i.i.d. ones is
distributed like 10 fresh points, so the subset strategy is MAML with another
random stream and nothing is shown. The lecture's case is a task with far
more data than the inner loop can afford to touch: here every training and
test task has ``N_SUPPORT`` = 1,000 support points.

Compared, all on the same tasks, from the same seed and initialisation
(``scratchmeta.meta.subset.Subset``, MAML's K = 1 inner step of lr 0.01):

* the inner step on every one of the 1,000 points (``subset_size`` = 1000,
  full-batch MAML): each meta-step differentiates through a forward and
  backward pass over 25 x 1,000 points;
* the inner step on a random subset of 100 or 10 points per task.

Cost is counted, not timed, so that the figure is the same on every machine:
the points pushed through the differentiated network per meta-step,
``meta_batch`` x (``inner_steps`` x ``subset_size`` + ``n_query``), summed over
training (the measured time per meta-step is returned too, and benchmarked in
``benchmarks/bench_meta.py``). Accuracy is the query MSE of
theta0 fine-tuned at test time by SGD on all 1,000 support points of each
held-out task (test time unrolls nothing, so it can afford every point),
measured at several points of training. Each variant is scored after the
same numbers of meta-steps (what the subset costs in accuracy per step) and
plotted against that cost (what it buys per point processed).
"""

import time

import numpy as np

from scratchmeta.meta.checks import check_attributes, check_count, check_mapping, check_ordered
from scratchmeta.meta.evaluate import VALIDATION_SEED, evaluate
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.training import init_rng, step_rng
from scratchmeta.messages import seen

N_SUPPORT = 1000            # support points per task, in training and at test time
SUBSET_SIZES = (10, 100, 1000)   # points the inner loop sees; 1000 = all of them
TEST_STEPS = 10             # test-time SGD steps scored (0 .. TEST_STEPS)


def variant(subset_size, family="sinusoid", n_support=N_SUPPORT):
    """The subset strategy on ``n_support``-point tasks, its inner loop on ``subset_size``."""
    check_count("subset_size", subset_size, 1)   # (make_strategy checks it against n_support)
    return make_strategy("subset", family, n_support=n_support, subset_size=subset_size)


def points_per_step(strategy):
    """Points through the differentiated network in one meta-step: the deterministic cost.

    Each of ``meta_batch`` tasks runs ``inner_steps`` inner steps on
    ``subset_size`` support points and one query pass on ``n_query`` points.
    """
    check_attributes("strategy", strategy, ("config",), "a subset strategy (variant(100))")
    check_attributes("strategy.config", strategy.config, ("meta_batch", "inner_steps",
                     "subset_size", "n_query"), "a subset strategy's (variant(100).config)")
    c = strategy.config
    return c.meta_batch * (c.inner_steps * c.subset_size + c.n_query)


def run(checkpoints, *, seed=0, subset_sizes=SUBSET_SIZES, n_support=N_SUPPORT, family="sinusoid",
        eval_tasks=100, eval_seed=VALIDATION_SEED, n_query=100):
    """Train each variant and score theta0 at every meta-step count of ``checkpoints``.

    ``checkpoints`` maps each subset size to an increasing tuple of meta-step
    counts (the full-batch variant can afford fewer). Returns {subset_size:
    dict} with ``steps`` (the counts), ``points`` (cumulative training cost at
    each, in points through the network: see :func:`points_per_step`),
    ``points_per_step``, ``seconds`` (cumulative measured training time at
    each, evaluation excluded; it varies with the machine), ``ms_per_step``,
    ``mse`` (len(steps),
    TEST_STEPS + 1) means, ``median`` and ``diverged`` alike, and
    ``per_task`` (len(steps), tasks, TEST_STEPS + 1).
    """
    family = make_family(family) if isinstance(family, str) else family
    check_mapping("checkpoints", checkpoints, "{10: (100, 1000), 1000: (100,)}")
    check_ordered("subset_sizes", subset_sizes, "(10, 100, 1000)")
    missing = [m for m in subset_sizes if m not in checkpoints]
    if missing:
        raise ValueError(f"checkpoints must give meta-step counts for every subset size of "
                         f"subset_sizes; missing {missing}")
    for name, value, minimum in (("seed", seed, 0), ("eval_tasks", eval_tasks, 2),
                                 ("eval_seed", eval_seed, 0), ("n_query", n_query, 1)):
        check_count(name, value, minimum)
    for m in subset_sizes:                     # every variant's schedule, before any trains
        check_ordered(f"checkpoints[{m}]", checkpoints[m], "(100, 1000)")
        counts = tuple(checkpoints[m])
        for count in counts:
            check_count(f"checkpoints[{m}]'s meta-step count", count, 1)
        if not counts or any(b <= a for a, b in zip(counts, counts[1:])):
            raise ValueError(f"checkpoints[{m}] must be increasing positive meta-step counts, "
                             f"got {seen(counts)}")
    strategies = {m: variant(m, family, n_support) for m in subset_sizes}   # all checked first
    out = {}
    for m in subset_sizes:
        counts = tuple(checkpoints[m])
        strategy = strategies[m]
        state = strategy.init_state(init_rng(seed))
        clock, step, record = 0.0, 0, []
        for count in counts:
            t0 = time.perf_counter()
            while step < count:                    # what training.train does, step by step
                rng = step_rng(seed, step)
                state, _ = strategy.update(state, strategy.sample_batch(rng, state), rng, step)
                step += 1
            clock += time.perf_counter() - t0
            score = evaluate(strategy, state, family, n_tasks=eval_tasks, n_support=n_support,
                             n_query=n_query, n_steps=TEST_STEPS, seed=eval_seed,
                             on_divergence="record")
            record.append((clock, score))
        out[m] = {"steps": np.array(counts),
                  "points": points_per_step(strategy) * np.array(counts),
                  "points_per_step": points_per_step(strategy),
                  "seconds": np.array([c for c, _ in record]),
                  "ms_per_step": 1000 * clock / counts[-1],
                  "mse": np.array([s.mean for _, s in record]),
                  "half_width": np.array([s.half_width for _, s in record]),
                  "median": np.array([s.median for _, s in record]),
                  "diverged": np.array([s.diverged for _, s in record]),
                  "per_task": np.array([s.per_task for _, s in record])}
    return out
