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

Beside the mean, an :class:`Evaluation` keeps the median over tasks and the
fraction of tasks whose test-time fine-tuning *diverged* (its parameters or
its metric stopped being finite; see ``on_divergence``): one such task makes
the mean infinite, while the median still says how the typical task fared.

The tasks are drawn from a fixed seed, task i from its own generator
(seed, i), so that every strategy meets exactly the same tasks, and the first
100 tasks of a 600-task evaluation are the tasks of a 100-task one. They are
adapted in chunks, so memory stays that of ``chunk_size`` tasks whatever n is.

A fair comparison (:func:`select_test_time`). Each strategy fine-tunes at
test time with its own step size (``inner_lr``) for some number of steps.
Scoring every strategy at one common step size, or choosing a strategy's step
size on the very tasks it is scored on, favours some strategies over others.
So the step size and the number of steps are chosen on *validation* tasks,
drawn from another seed (``VALIDATION_SEED``) than the test tasks
(``HELD_OUT_SEED``), and only then is the strategy scored on the test tasks.
"""

import dataclasses
import itertools
from typing import NamedTuple

import numpy as np

from scratchmeta.datasets.checks import check_counts
from scratchmeta.meta import adapt
from scratchmeta.meta.checks import (MAX_TEST_STEPS, METRIC_NAMES, NOT_NUMBERS, check_adaptation,
                                     check_count, check_family, check_finite, check_memory,
                                     check_model_fits, check_name, check_ordered,
                                     check_plain_number, check_real, check_rows, check_strategy,
                                     check_test_steps)
from scratchmeta.messages import named, seen

Z95 = 1.96          # the standard normal's two-sided 95% quantile
HELD_OUT_SEED = 22  # the default seed of held-out (test) tasks (lecture 22)
VALIDATION_SEED = 11  # the seed of validation tasks, on which test-time settings are chosen
DIVERGENCE = ("raise", "record")


class Evaluation(NamedTuple):
    """A strategy's held-out score after 0..N adaptation steps."""

    per_task: np.ndarray      # (tasks, N + 1): the metric of each task after k steps
    mean: np.ndarray          # (N + 1,) mean over tasks
    half_width: np.ndarray    # (N + 1,) 1.96 s / sqrt(n): the 95% interval is mean +- this
    metric_name: str          # "MSE" or "accuracy"
    seed: int                 # the seed the held-out tasks were drawn from
    median: np.ndarray = None     # (N + 1,) median over tasks
    diverged: np.ndarray = None   # (N + 1,) fraction of tasks whose fine-tuning diverged by k

    @property
    def n_tasks(self):
        return self.per_task.shape[0]

    @property
    def worse(self):
        """(N + 1,) fraction of tasks that k steps left worse than before adapting (step 0).

        A diverged task counts; a task can also be made worse, even by orders of
        magnitude, while staying finite: this is the sign of a test-time step too
        large for that task's support loss.
        """
        with np.errstate(invalid="ignore"):
            if self.metric_name == "MSE":
                worse = ~(self.per_task <= self.per_task[:, :1])
            else:
                worse = ~(self.per_task >= self.per_task[:, :1])
        return worse.mean(axis=0)


def interval(values, axis=0):
    """(mean, half-width) of the 95% interval mean +- 1.96 s / sqrt(n), over ``axis``.

    ``values`` must be finite: a NaN or inf (a diverged task) has no interval, and is
    refused by name; :func:`evaluate` keeps such tasks and computes the same numbers.
    """
    check_real("values", values)
    values = np.asarray(values, dtype=float)
    if not (isinstance(axis, (int, np.integer)) and not isinstance(axis, NOT_NUMBERS)
            and -values.ndim <= axis < values.ndim):
        raise ValueError(f"axis must be an axis of values of shape {values.shape} (an integer "
                         f"in {-values.ndim}..{values.ndim - 1}), got {seen(axis)}")
    check_finite("values", values)
    return _interval(values, axis)


def _interval(values, axis):
    n = values.shape[axis]
    if n < 2:
        raise ValueError(f"an interval needs at least 2 values, got {n}")
    return values.mean(axis), Z95 * values.std(axis, ddof=1) / np.sqrt(n)


#: The most held-out tasks evaluate adapts to: 10**6 put the 95% half-width at 0.2% of the
#: spread between tasks; 10**8 would run for days.
MAX_HELD_OUT_TASKS = 1_000_000


def check_held_out_count(given, n_tasks):
    """A count of held-out tasks, at most :data:`MAX_HELD_OUT_TASKS`; ``given`` is how the
    user wrote it ("--tasks 600", "n_tasks = 600"), for the message."""
    if n_tasks is not None and n_tasks > MAX_HELD_OUT_TASKS:   # days for a digit less error
        raise ValueError(f"{given} held-out tasks is more than {MAX_HELD_OUT_TASKS:,}: the 95% "
                         f"interval narrows as 1/sqrt(n), so {MAX_HELD_OUT_TASKS:,} tasks "
                         f"already put it at 0.2% of the spread between tasks (the library's "
                         f"default is 600); a count that large is a typo")


def task_rng(seed, i):
    """The generator of held-out task i: spawn key (2, i), apart from training's streams."""
    check_count("seed", seed, 0)
    check_count("i (the task's index)", i, 0)
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(2, i)))


def held_out_tasks(family, n_tasks, n_support, n_query, seed=HELD_OUT_SEED, start=0):
    """Tasks start .. start + n_tasks - 1 as one TaskBatch; task i comes from task_rng(seed, i)."""
    check_family(family)
    for name, value, minimum in (("n_tasks", n_tasks, 1), ("n_support", n_support, 1),
                                 ("n_query", n_query, 1), ("seed", seed, 0), ("start", start, 0)):
        check_count(name, value, minimum)     # a held-out query set of 0 points scores nothing
    check_counts(n_tasks, n_support, n_query)         # each at most an array's length
    width = sum(w for w in (getattr(family, "n_inputs", 1), getattr(family, "n_outputs", 1))
                if isinstance(w, int))
    check_memory(f"held_out_tasks: n_tasks {n_tasks} x (n_support {n_support} + n_query "
                 f"{n_query}) of {family!r:.80}",
                 2.0 * n_tasks * (n_support + n_query) * max(width, 1))    # drawn, joined
    batches = [family.sample(task_rng(seed, i), 1, n_support, n_query)
               for i in range(start, start + n_tasks)]
    for part, width in (("x_support", "n_inputs"), ("y_support", "n_outputs")):
        got, said = np.shape(getattr(batches[0], part))[-1:], getattr(family, width, None)
        if isinstance(said, int) and got and got[0] != said:     # the family's own word
            shape = np.shape(getattr(batches[0], part))
            raise ValueError(f"{type(family).__name__} has {width} = {said}, but its tasks' "
                             f"{part} is {got[0]} wide (shape {shape}): a model sized by "
                             f"{width} would not fit them; set {width} = {got[0]}")
    return type(batches[0])(*(np.concatenate(parts) for parts in zip(*batches)))


def diverged_value(metric_name):
    """The metric a diverged task is given: +inf for a loss (MSE), NaN for accuracy."""
    check_name("metric_name", metric_name, METRIC_NAMES, "metric")
    return np.inf if metric_name == "MSE" else np.nan


def recorded_curve(strategy, state, batch, n_steps, family=None):
    """:func:`adapt.curve`, but a task whose fine-tuning diverges is kept, not an error.

    From the step at which a task's parameters (or its metric) stop being
    finite, its metric is :func:`diverged_value`. Tasks that diverge are found
    by adapting the chunk's tasks one at a time, which costs only when some do.
    NumPy's overflow warnings of a diverging run are silenced: the divergence
    is reported as data.
    """
    check_adaptation(strategy, batch, n_steps)
    if family is not None:                     # the family that scores, if not the strategy's
        check_family(family)
    family = strategy.family if family is None else family
    fill = diverged_value(family.metric_name)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        try:
            curve = adapt.curve(strategy, state, batch, n_steps, family).astype(float)
        except FloatingPointError:
            curve = None
        if curve is not None and np.all(np.isfinite(curve)):
            return curve
        rows = []
        for i in range(batch.x_support.shape[0]):
            task = type(batch)(*(part[i:i + 1] for part in batch))
            row = np.full(n_steps + 1, fill)
            try:
                path = itertools.islice(strategy.adaptation(state, task), n_steps + 1)
                for k, theta in enumerate(path):          # lazily: keep the steps before it
                    value = float(family.metric(strategy.model.apply(theta, task.x_query),
                                                task.y_query)[0])
                    if not np.isfinite(value):
                        break
                    row[k] = value
            except FloatingPointError:
                pass
            rows.append(row)
    return np.stack(rows)


def evaluate(strategy, state, family, *, n_tasks=600, n_support=10, n_query=100, n_steps=10,
             seed=HELD_OUT_SEED, chunk_size=100, on_divergence="raise"):
    """Adapt ``strategy`` from ``state`` on ``n_tasks`` held-out tasks of ``family``.

    Returns an :class:`Evaluation` whose ``mean[k]`` +- ``half_width[k]`` is the
    95% interval of the query metric (``family.metric``, of the family given) after k
    adaptation steps, k = 0..n_steps,
    with the median and the fraction of diverged tasks beside it.
    ``on_divergence="raise"`` (the default) raises FloatingPointError if any
    task's metric is not finite; ``"record"`` keeps such a task, with the
    metric of :func:`diverged_value` from the step it diverged (the mean is
    then not finite, the median and ``diverged`` say how many).
    """
    check_strategy(strategy)
    for name, value, minimum in (("n_tasks", n_tasks, 2), ("n_steps", n_steps, 0),
                                 ("chunk_size", chunk_size, 1), ("n_support", n_support, 1),
                                 ("n_query", n_query, 1), ("seed", seed, 0)):
        check_count(name, value, minimum)       # a query set of 0 points has no metric
    check_counts(n_tasks, n_support, n_query)   # each at most an array's length
    check_family(family)
    if not isinstance(state, dict):
        raise TypeError(f"state must be the strategy's state, a dict (strategy.init_state(rng) "
                        f"or a trained state), got {seen(state)}")
    check_model_fits(getattr(strategy, "model", None), family)
    if hasattr(family, "check_shots"):
        family.check_shots(n_support, n_query)
    check_name("on_divergence", on_divergence, DIVERGENCE, "way to treat a diverged task")
    # one metric per task and step, k = 0..n_steps: refused before any task is adapted
    check_memory(f"the curves of n_tasks = {n_tasks} tasks over n_steps = {n_steps} steps",
                 float(n_tasks) * (float(n_steps) + 1))
    check_test_steps(f"n_steps = {n_steps}", n_steps)
    check_held_out_count(f"n_tasks = {n_tasks}", n_tasks)
    curves = []
    for start in range(0, n_tasks, chunk_size):
        count = min(chunk_size, n_tasks - start)
        batch = held_out_tasks(family, count, n_support, n_query, seed, start)
        if start == 0:
            _probe_metric(family, batch)
        if on_divergence == "record":
            curves.append(recorded_curve(strategy, state, batch, n_steps, family))
        else:
            curves.append(adapt.curve(strategy, state, batch, n_steps, family).astype(float))
    per_task = np.concatenate(curves)
    bad = ~np.isfinite(per_task)
    if bad.any() and on_divergence == "raise":
        tasks, steps = np.nonzero(bad)
        raise FloatingPointError(
            f"{strategy.name} gives a non-finite "
            f"{family.metric_name} on {len(set(tasks))} of {n_tasks} held-out tasks (first "
            f"after {steps.min()} adaptation steps): test-time fine-tuning diverged; a "
            f"smaller test-time learning rate would keep it finite")
    with np.errstate(invalid="ignore", over="ignore"):    # the spread of a diverged run
        mean, half_width = _interval(per_task, 0)       # diverged tasks included
    return Evaluation(per_task, mean, half_width, family.metric_name, seed,
                      median=np.median(per_task, axis=0), diverged=bad.mean(axis=0))


def _probe_metric(family, batch):
    """``family.metric`` gives one real number per task, shape (tasks,): tried once, before
    any task is adapted, on a prediction of zeros for the first tasks' query sets, so that a
    metric returning text or a tuple is named, not averaged into a table. Its type, dtype
    and shape are checked, and its values must be finite: this prediction of zeros and
    the targets are finite numbers, so a NaN or inf here is the metric's fault (a diverged
    model's NaN or inf, later, is its score)."""
    y = np.asarray(batch.y_query)
    pred = np.zeros(y.shape, dtype=y.dtype if y.dtype.kind == "f" else float)
    metric = f"{type(family).__name__}.metric"
    if getattr(family.metric, "__name__", "metric") not in ("metric", "<lambda>"):
        metric = named(metric, family.metric)           # np.allclose given, say
    value = family.metric(pred, y)
    value = getattr(value, "value", value)            # a Tensor's array
    want = y.shape[:-2]
    if not (isinstance(value, (np.ndarray, np.generic)) and value.dtype.kind in "iuf"
            and value.shape == want) or isinstance(value, np.ma.MaskedArray):   # (no bools: a
                                                        # comparison, err < tol, is no score)
        got = (f"an array of dtype {value.dtype} and shape {value.shape}"
               if isinstance(value, (np.ndarray, np.generic)) else
               f"{type(value).__name__} {value!r:.60}")
        raise TypeError(f"{metric} must return one real number per "
                        f"task, an array of shape {want} for pred of shape {y.shape}, got {got}")
    if getattr(family, "metric_name", None) == "MSE" and np.any(value < 0):   # (NaN: next)
        raise ValueError(f"{metric} gave {float(value.flat[int(np.argmax(value < 0))])!r}, "
                         f"below 0, for {int(np.sum(value < 0))} of {value.size} tasks: its "
                         f"metric_name is 'MSE', a mean of squares, never negative (a sign "
                         f"flipped?)")
    finite = np.isfinite(value)
    if not finite.all() and np.isfinite(y).all():
        first = float(value.flat[int(np.flatnonzero(~finite.ravel())[0])])
        raise ValueError(f"{metric} gave {first!r} for "
                         f"{value.size - int(finite.sum())} of {value.size} tasks, scoring a "
                         f"finite prediction (zeros) against finite targets: a metric of finite "
                         f"numbers must be finite")


# --- a fair comparison: test-time settings chosen on validation tasks ------------------

class TestTimeChoice(NamedTuple):
    """The test-time step size and step count chosen on validation tasks."""

    inner_lr: float           # the chosen test-time SGD step size
    n_steps: int              # the chosen number of test-time steps (0 .. max_steps)
    candidates: tuple         # the step sizes tried
    validation: np.ndarray    # (len(candidates), max_steps + 1) validation mean per step
    seed: int                 # the validation tasks' seed


def with_test_time(strategy, **changes):
    """A copy of ``strategy`` whose configuration has ``changes`` (e.g. ``inner_lr=0.03``).

    Only test-time fields may be changed on a trained strategy: the copy
    shares the model and family, so the trained state works with it. A field
    of meta-training only (:data:`TRAINING_ONLY`) is refused.
    """
    check_strategy(strategy)
    own = {f.name for f in dataclasses.fields(strategy.config)}
    other = sorted(set(changes) - own)
    if other:
        raise TypeError(f"with_test_time: {other[0]}={changes[other[0]]!r:.40} is no field of "
                        f"{type(strategy.config).__name__} (its fields: {', '.join(sorted(own))})")
    training_only = sorted(set(changes) & TRAINING_ONLY)
    if training_only:
        raise ValueError(f"with_test_time: {training_only[0]}={changes[training_only[0]]!r:.40}"
                         f" acts in meta-training only (the outer loop, eq. 22.3), so changing "
                         f"it on a trained strategy changes nothing at test time; test-time "
                         f"fields are those of adaptation (inner_lr, inner_steps, ...)")
    config = dataclasses.replace(strategy.config, **changes)
    return type(strategy)(strategy.model, strategy.family, config)


#: Config fields that act in meta-training only: with_test_time refuses them.
TRAINING_ONLY = frozenset({"meta_lr", "meta_batch", "first_order", "n_steps", "batched",
                           "learn_lam", "learn_scale"})


def select_test_time(strategy, state, family, *, candidates, max_steps=10, n_tasks=200,
                     n_support=10, n_query=100, seed=VALIDATION_SEED):
    """Choose ``strategy``'s test-time ``inner_lr`` and step count on validation tasks.

    For every step size in ``candidates`` the strategy is adapted on
    ``n_tasks`` validation tasks (seed ``seed``, which must differ from the
    test seed) for 0..``max_steps`` steps. The pair (step size, steps) with the
    smallest validation mean is chosen (for accuracy, the largest); a step size
    that diverges on any validation task by step k scores inf there, so a
    choice never relies on luck with the sharpest tasks. Ties go to the fewer
    steps, then to the smaller step size.
    """
    check_strategy(strategy)
    check_count("seed", seed, 0)
    check_ordered("candidates", candidates, "[0.01, 0.1] (positive step sizes)")
    if not all(isinstance(c, (int, float, np.integer, np.floating))
               and not isinstance(c, NOT_NUMBERS) for c in candidates):
        raise TypeError(f"candidates must be positive step sizes (numbers), got "
                        f"{list(candidates)!r}")
    candidates = tuple(float(c) for c in candidates)
    if not candidates or not all(np.isfinite(c) and c > 0 for c in candidates):
        raise ValueError(f"candidates must be positive step sizes, got {seen(candidates)}")
    if seed == HELD_OUT_SEED:
        raise ValueError(f"seed must not be the test tasks' seed {HELD_OUT_SEED}: test-time "
                         f"settings are chosen on validation tasks, got seed={seed!r}")
    check_count("max_steps", max_steps, 0)
    check_count("max_steps", max_steps, 0, MAX_TEST_STEPS)   # a few steps, as evaluate
    check_family(family)
    higher_is_better = family.metric_name != "MSE"
    table = []
    for lr in candidates:
        run = evaluate(with_test_time(strategy, inner_lr=lr), state, family, n_tasks=n_tasks,
                       n_support=n_support, n_query=n_query, n_steps=max_steps, seed=seed,
                       on_divergence="record")
        score = np.where(run.diverged > 0, np.inf, -run.mean if higher_is_better else run.mean)
        table.append(score)
    table = np.array(table)                                # (candidates, steps + 1), lower wins
    order = sorted(np.ndindex(*table.shape), key=lambda ij: (table[ij], ij[1], candidates[ij[0]]))
    i, k = order[0]
    if not np.isfinite(table[i, k]):
        raise FloatingPointError(f"{strategy.name} diverged on the validation tasks at every "
                                 f"step size of {candidates}; expected at least one stable "
                                 f"step size, try smaller ones")
    validation = -table if higher_is_better else table
    return TestTimeChoice(candidates[i], int(k), candidates, validation, seed)


# --- tables ----------------------------------------------------------------------------

def format_interval(mean, half_width):
    """'0.512 ± 0.041': the mean to the precision its interval supports (2 digits of it).

    Both must be finite numbers, the half-width >= 0; a diverged run's inf or NaN is
    refused by name (:func:`format_result` writes such a cell).
    """
    for name, value in (("mean", mean), ("half_width", half_width)):
        check_plain_number(name, value)
    if half_width < 0:
        raise ValueError(f"half_width must be >= 0, got {seen(half_width)}")
    if abs(mean) >= 1e5 or half_width >= 1e5:
        return f"{mean:.3g} ± {half_width:.2g}"          # a nearly diverged run: keep it short
    if half_width <= 0:
        return f"{mean:.3f} ± {half_width:.1g}"
    decimals = max(0, 1 - int(np.floor(np.log10(half_width))))
    return f"{mean:.{decimals}f} ± {half_width:.{decimals}f}"


def format_result(mean, half_width):
    """A table's cell for an evaluation's mean and half-width after k steps: as
    :func:`format_interval` writes it, or, where a diverged task made the mean or the
    half-width inf or NaN, both kept short (e.g. 'inf ± nan', '5.8e+171 ± inf')."""
    for name, value in (("mean", mean), ("half_width", half_width)):
        check_plain_number(name, value, finite=False)
    if np.isfinite(mean) and np.isfinite(half_width):
        return format_interval(mean, half_width)
    return f"{mean:.3g} ± {half_width:.2g}"


def format_table(rows):
    """A plain-text table of ``rows``, a list of dicts sharing the first row's keys.

    The keys are the headers. The first column is left-aligned, the others
    right-aligned; floats are printed with 3 decimals, everything else by str.
    """
    check_rows("rows", rows)
    if not rows:
        return ""
    headers = list(rows[0])
    for i, row in enumerate(rows):
        extra = [key for key in row if key not in rows[0]]
        if extra:       # a column the first row lacks would be dropped without a word
            raise ValueError(f"format_table: row {i} of rows has the keys {extra!r}, which "
                             f"row 0 (the headers {headers!r}) lacks")
        missing = [key for key in headers if key not in row]
        if missing:     # a blank cell would hide the missing value
            raise ValueError(f"format_table: rows[{i}] lacks the keys {missing!r} of row 0 "
                             f"(the headers {headers!r}); every row must have every column")
    cells = [[f"{row[h]:.3f}" if isinstance(row[h], float) else str(row[h]) for h in headers]
             for row in rows]
    widths = [max(len(h), *(len(c[j]) for c in cells)) for j, h in enumerate(headers)]

    def line(values):
        return "  ".join(v.ljust(w) if j == 0 else v.rjust(w)
                         for j, (v, w) in enumerate(zip(values, widths))).rstrip()
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(c) for c in cells])
