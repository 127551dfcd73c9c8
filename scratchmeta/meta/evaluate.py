"""Judging a meta-learned start on held-out tasks: error after 0..N adaptation steps.

Lecture 22, section 1.1 states the goal: a model that fine-tunes well on a
*new* task from a little of its data. So a strategy is scored on tasks it
never trained on. Each held-out task gives a support set (its training data,
eq. 22.1) for the strategy to adapt on, by its own rule (SGD steps of eq.
22.4 for MAML and Reptile, the ridge head of eq. 22.6 for the closed form,
...), and a query set (its test data, eq. 22.2) on which the adapted model is
scored after 0, 1, ..., N steps (``scratchmeta.meta.adapt.curve``).

The number reported per step is the mean of that metric (MSE, or accuracy for
classification) over n tasks, with a 95% confidence interval for the mean
from the normal approximation:

    mean +- 1.96 * s / sqrt(n),   s the sample standard deviation (ddof = 1).

The tasks are drawn from a fixed seed, task i from its own generator
(seed, i), so that every strategy meets exactly the same tasks, and the first
100 tasks of a 600-task evaluation are the tasks of a 100-task one. They are
adapted in chunks, so memory stays that of ``chunk_size`` tasks whatever n is.
"""

from typing import NamedTuple

import numpy as np

from scratchmeta.meta import adapt
from scratchmeta.meta.checks import check_count

Z95 = 1.96          # the standard normal's two-sided 95% quantile
HELD_OUT_SEED = 22  # the default seed of held-out tasks (lecture 22)


class Evaluation(NamedTuple):
    """A strategy's held-out score after 0..N adaptation steps."""

    per_task: np.ndarray      # (tasks, N + 1): the metric of each task after k steps
    mean: np.ndarray          # (N + 1,) mean over tasks
    half_width: np.ndarray    # (N + 1,) 1.96 s / sqrt(n): the 95% interval is mean +- this
    metric_name: str          # "MSE" or "accuracy"
    seed: int                 # the seed the held-out tasks were drawn from

    @property
    def n_tasks(self):
        return self.per_task.shape[0]


def interval(values, axis=0):
    """(mean, half-width) of the 95% interval mean +- 1.96 s / sqrt(n), over ``axis``."""
    values = np.asarray(values, dtype=float)
    n = values.shape[axis]
    if n < 2:
        raise ValueError(f"an interval needs at least 2 values, got {n}")
    return values.mean(axis), Z95 * values.std(axis, ddof=1) / np.sqrt(n)


def task_rng(seed, i):
    """The generator of held-out task i: spawn key (2, i), apart from training's streams."""
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(2, i)))


def held_out_tasks(family, n_tasks, n_support, n_query, seed=HELD_OUT_SEED, start=0):
    """Tasks start .. start + n_tasks - 1 as one TaskBatch; task i comes from task_rng(seed, i)."""
    batches = [family.sample(task_rng(seed, i), 1, n_support, n_query)
               for i in range(start, start + n_tasks)]
    return type(batches[0])(*(np.concatenate(parts) for parts in zip(*batches)))


def evaluate(strategy, state, family, *, n_tasks=600, n_support=10, n_query=100, n_steps=10,
             seed=HELD_OUT_SEED, chunk_size=100):
    """Adapt ``strategy`` from ``state`` on ``n_tasks`` held-out tasks of ``family``.

    Returns an :class:`Evaluation` whose ``mean[k]`` +- ``half_width[k]`` is the
    95% interval of the query metric after k adaptation steps, k = 0..n_steps.
    Raises FloatingPointError if any task's metric is not finite.
    """
    for name, value, minimum in (("n_tasks", n_tasks, 2), ("n_steps", n_steps, 0),
                                 ("chunk_size", chunk_size, 1)):
        check_count(name, value, minimum)
    curves = []
    for start in range(0, n_tasks, chunk_size):
        count = min(chunk_size, n_tasks - start)
        batch = held_out_tasks(family, count, n_support, n_query, seed, start)
        curves.append(adapt.curve(strategy, state, batch, n_steps).astype(float))
    per_task = np.concatenate(curves)
    bad = ~np.isfinite(per_task)
    if bad.any():
        tasks, steps = np.nonzero(bad)
        raise FloatingPointError(
            f"{strategy.name} gives a non-finite "
            f"{family.metric_name} on {len(set(tasks))} of {n_tasks} held-out tasks (first "
            f"after {steps.min()} adaptation steps): test-time fine-tuning diverged; a "
            f"smaller test-time learning rate would keep it finite")
    mean, half_width = interval(per_task)
    return Evaluation(per_task, mean, half_width, family.metric_name, seed)


# --- tables ----------------------------------------------------------------------------

def format_interval(mean, half_width):
    """'0.512 ± 0.041': the mean to the precision its interval supports (2 digits of it)."""
    if abs(mean) >= 1e5 or (np.isfinite(half_width) and half_width >= 1e5):
        return f"{mean:.3g} ± {half_width:.2g}"          # a diverged run: keep it short
    if not np.isfinite(half_width) or half_width <= 0:
        return f"{mean:.3f} ± {half_width:.1g}"
    decimals = max(0, 1 - int(np.floor(np.log10(half_width))))
    return f"{mean:.{decimals}f} ± {half_width:.{decimals}f}"


def format_table(rows):
    """A plain-text table of ``rows``, a list of dicts sharing the first row's keys.

    The keys are the headers. The first column is left-aligned, the others
    right-aligned; floats are printed with 3 decimals, everything else by str.
    """
    if not rows:
        return ""
    headers = list(rows[0])
    cells = [[f"{row.get(h, ''):.3f}" if isinstance(row.get(h), float) else str(row.get(h, ''))
              for h in headers] for row in rows]
    widths = [max(len(h), *(len(c[j]) for c in cells)) for j, h in enumerate(headers)]

    def line(values):
        return "  ".join(v.ljust(w) if j == 0 else v.rjust(w)
                         for j, (v, w) in enumerate(zip(values, widths))).rstrip()
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(c) for c in cells])
