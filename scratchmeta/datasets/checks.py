"""Checks of task data, in one place: counts, task parameters, predictions and targets, folders.

Not a lecture section: the families' manners. Every family of
:mod:`scratchmeta.tasks`, :mod:`scratchmeta.more_tasks` and
:mod:`scratchmeta.datasets.omniglot_tasks` checks its arguments with these
helpers before it draws anything, and every loss checks that the prediction and
the target it compares have the same shape (NumPy would broadcast a (tasks,
points, 1) prediction against (tasks, points, 2) targets without a word). Each
failure is one ValueError or TypeError, "<function>: <argument> must be
<expected>, got <value>". The checks read shapes, types and paths (O(1)), except
that data and what a family's methods return are read once for NaN and inf.

Imports nothing from the families, so :mod:`scratchmeta.tasks` can use it.
"""

import functools
import math
import os
import re
from pathlib import Path

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.autodiff.checks import masked_message, record_message
from scratchmeta.messages import TINY, seen
from scratchmeta.settled import Settled  # noqa: F401  (nn and tasks import it from here)


_SHAPE_PROBE = np.random.default_rng(0)  # one task is drawn from it to learn the params' shape

COUNT_MAX = int(np.iinfo(np.intp).max)   # a count is an array's length: NumPy's index type


#: Not counts, though NumPy's integer checks pass them: a bool (True is not a count) and a
#: timedelta64 (a subclass of np.signedinteger).
NOT_INTS = (bool, np.bool_, np.timedelta64)


def _is_count(n):
    """An integer that can be an array's length, and not a bool (True is not a count)."""
    return (isinstance(n, (int, np.integer)) and not isinstance(n, NOT_INTS)
            and n <= COUNT_MAX)


def checked_family(cls):
    """``TaskFamily.__init_subclass__``: a family's own ``sample_params(rng, n_tasks)`` refuses
    an ``rng`` that is no Generator and an ``n_tasks`` that is no int >= 1 before it draws
    (``rng.uniform(lo, hi, [2])`` would draw a (1, 2) array: a silent wrong shape; zero tasks
    are no batch, as ``sample`` says). O(1)."""
    own = cls.__dict__.get("sample_params")
    if not callable(own) or getattr(own, "checked", False) or isinstance(own, staticmethod):
        return

    @functools.wraps(own)
    def sample_params(self, rng, n_tasks, *args, **kwargs):
        where = f"{type(self).__name__}.sample_params"
        if not isinstance(rng, np.random.Generator):
            raise TypeError(f"{where}: rng must be a numpy.random.Generator (e.g. "
                            f"np.random.default_rng(0)), got {seen(rng, 60)}")
        if not _is_count(n_tasks):
            kind = ValueError if isinstance(n_tasks, int) and n_tasks > COUNT_MAX else TypeError
            raise kind(f"{where}: n_tasks must be an int in 1..{COUNT_MAX} (the number of "
                       f"tasks to draw), got {type(n_tasks).__name__} {n_tasks!r:.60}")
        if n_tasks < 1:
            raise ValueError(f"{where}: n_tasks must be an int >= 1 (the number of tasks to "
                             f"draw), got {seen(n_tasks)}")
        return own(self, rng, n_tasks, *args, **kwargs)

    sample_params.checked = True
    cls.sample_params = sample_params


def batch_fault(batch):
    """What is wrong with the fields of the TaskBatch a family's ``make_batch`` returned: the
    first that holds no array of real numbers (None, a list, text), named; None if all do.
    O(1): types and dtypes only, no entry is read."""
    for name, value in zip(batch._fields, batch):
        kind = getattr(getattr(value, "dtype", None), "kind", None)
        if not isinstance(value, (np.ndarray, ad.Tensor)) or kind not in tuple("biuf"):
            what = f"dtype {value.dtype}" if kind else type(value).__name__
            return (f"a TaskBatch whose {name} is {what} {value!r:.40}; each of its fields "
                    f"must be an array of real numbers, (tasks, points, features or outputs)")
    return None


def check_counts(n_tasks, n_support, n_query):
    """Refuse a count of tasks or points that is not a positive integer (n_query may be 0)."""
    for name, n in (("n_tasks", n_tasks), ("n_support", n_support), ("n_query", n_query)):
        if not (_is_count(n) and n >= (0 if name == "n_query" else 1)):
            raise ValueError(f"{name} must be a positive integer (at most {COUNT_MAX}), "
                             f"got {seen(n)}")


def check_sample(rng, n_tasks, n_support, n_query):
    """``family.sample(rng, n_tasks, n_support, n_query)``'s arguments: a NumPy Generator
    and the counts of :func:`check_counts`. O(1)."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator (e.g. "
                        f"np.random.default_rng(0)), got {seen(rng)}")
    check_counts(n_tasks, n_support, n_query)


def check_batch(family, rng, task_params, n_support, n_query):
    """The number of tasks of ``family.make_batch(rng, task_params, ...)``, once all is checked.

    ``task_params`` must be an array of the shape (tasks, ...) and kind that
    ``family.sample_params`` draws (found by drawing one task from a private generator),
    with at least one task; ``rng`` a NumPy Generator; the counts as :func:`check_counts`.
    """
    where = f"{type(family).__name__}.make_batch"
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"{where}: rng must be a numpy.random.Generator (e.g. "
                        f"np.random.default_rng(0)), got {seen(rng, 60)}")
    want = check_drawn(family, family.sample_params(_SHAPE_PROBE, 1), 1)   # (1, ...): its kind
    shape = f"(tasks, {', '.join(map(str, want.shape[1:]))})"
    if not isinstance(task_params, np.ndarray) or task_params.ndim == 0:   # None, a number
        given = task_params.item() if isinstance(task_params, np.ndarray) else task_params
        raise TypeError(f"{where}: task_params must be a NumPy array of shape {shape}, as "
                        f"sample_params draws them, got {seen(given, 60)}")
    if task_params.ndim != want.ndim or task_params.shape[1:] != want.shape[1:] \
            or len(task_params) == 0:
        raise ValueError(f"{where}: task_params must have shape {shape} (at least one task), "
                         f"as sample_params draws them, got shape {task_params.shape}")
    kinds, expected = ("iu", "integers") if want.dtype.kind in "iu" else ("iuf", "real numbers")
    if task_params.dtype.kind not in kinds:
        raise TypeError(f"{where}: task_params must be {expected}, got dtype "
                        f"{task_params.dtype}")
    if task_params.dtype.kind == "f" and not np.isfinite(task_params).all():   # (tasks, few)
        finite = np.isfinite(task_params)
        raise ValueError(f"{where}: task_params must be finite, as "
                         f"{type(family).__name__}.sample_params draws them, got "
                         f"{task_params.size - np.count_nonzero(finite)} NaN or inf entries of "
                         f"{task_params.size} (shape {task_params.shape}; the first is "
                         f"{task_params[~finite][0].item()!r})")
    check_counts(len(task_params), n_support, n_query)
    return len(task_params)


class MissingMethod(NotImplementedError, TypeError):
    """A task family that lacks a method every family defines: a NotImplementedError, as
    Python's abstract methods raise, and a TypeError, as for any bad argument."""

    def __init__(self, family, signature):
        super().__init__(f"{type(family).__name__} must define {signature} to be a task "
                         f"family (TaskFamily leaves it to each family; see Sinusoid)")


def check_counts_drawn(family, batch, n_tasks, n_support, n_query):
    """What ``family.make_batch`` gave ``sample``: ``n_tasks`` tasks of ``n_support`` support
    and ``n_query`` query points, as asked (a user's make_batch with the two counts swapped
    would otherwise train on the wrong split). Shapes only, O(1); returns ``batch``."""
    want = {"x_support": (n_tasks, n_support), "y_support": (n_tasks, n_support),
            "x_query": (n_tasks, n_query), "y_query": (n_tasks, n_query)}
    for name, (tasks, points) in want.items():
        got = np.shape(getattr(batch, name, None))
        if got[:2] != (tasks, points):
            raise ValueError(f"{type(family).__name__}.make_batch must return {tasks} tasks of "
                             f"n_support={n_support} support and n_query={n_query} query "
                             f"points, but its {name} has shape {got}, where (tasks, points, "
                             f"...) = ({tasks}, {points}, ...) was asked")
    return batch


def check_drawn(family, task_params, n_tasks):
    """What ``family.sample_params(rng, n_tasks)`` returned: an array of real numbers (not
    bools, text or objects) with one row per task, ``n_tasks`` rows (a user's family that
    draws another number of tasks, text, or another library's array such as a torch tensor,
    is named, not the ``task_params`` that ``make_batch`` is then given). Returns
    ``task_params``. O(1): the shape and dtype only; ``make_batch`` refuses NaN task
    parameters, naming ``sample_params`` as their source."""
    where = f"{type(family).__name__}.sample_params"
    shape = getattr(task_params, "shape", None)
    if shape is not None and not isinstance(task_params, (np.ndarray, np.generic)):  # torch, JAX
        cls = type(task_params)
        raise TypeError(f"{where} must return a NumPy array with one row per task, got a "
                        f"{(cls.__module__ or '?').split('.')[0]}.{cls.__name__} of shape "
                        f"{tuple(shape)}; return np.asarray(...) of it (on the CPU)")
    if not isinstance(task_params, np.ndarray) or not shape or shape[0] != n_tasks:
        raise ValueError(f"{where} must return an array with one row per task, shape "
                         f"({n_tasks}, ...) for n_tasks={n_tasks!r}, got "
                         f"{f'shape {shape}' if shape is not None else seen(task_params)[:120]}")
    if task_params.dtype.kind not in "iuf":
        raise TypeError(f"{where} must return task parameters of real numbers (the "
                        f"task_params {type(family).__name__}.make_batch takes), got dtype "
                        f"{task_params.dtype}: {task_params!r:.60}")
    return task_params


def check_target(family, y, x):
    """What ``family.target(task_params, x)`` returned: y of shape (tasks, points, n_outputs)
    for x of shape (tasks, points, n_inputs), finite (a user's family whose target drops the
    output axis would be scored against the wrong axis, and a NaN target would train on NaN,
    silently). Returns ``y``. One pass over y."""
    want = tuple(np.shape(x)[:2]) + (getattr(family, "n_outputs", 1),)
    shape = getattr(y, "shape", None)
    if not isinstance(y, np.ndarray) or shape != want:
        raise ValueError(f"{type(family).__name__}.target must return y of shape (tasks, "
                         f"points, n_outputs) = {want} for x of shape {np.shape(x)}, got "
                         f"{type(y).__name__} {f'of shape {shape}' if shape is not None else ''} "
                         f"{seen(y, 120)}")
    if y.dtype.kind not in "iuf":
        raise TypeError(f"{type(family).__name__}.target must return targets y of real numbers "
                        f"(the batch's y_support and y_query), got dtype {y.dtype}")
    if y.dtype.kind == "f" and not np.isfinite(y).all():     # one pass when all is well
        check_returned_finite(f"{type(family).__name__}.sample_x", "inputs x (target made "
                              "targets from them that are not finite)", x)   # x was first
        check_returned_finite(f"{type(family).__name__}.target", "targets y (the batch's "
                              "y_support and y_query)", y)
    return y


def check_sampled(family, x, shape):
    """What ``family.sample_x(rng, task_params, n_points)`` returned: inputs x, real numbers
    (not bools) of ``shape`` = (tasks, n_points, n_inputs) (a user's family's inputs are
    named here, not later inside its target). Returns ``x``. O(1): the shape and dtype only;
    the target's :func:`check_inputs` refuses NaN inputs naming ``sample_x`` as their source
    (one pass, not two)."""
    where = f"{type(family).__name__}.sample_x"
    if not isinstance(x, np.ndarray) or x.dtype.kind not in "iuf" or x.shape != shape:
        raise ValueError(f"{where} must return inputs x, real numbers of shape (tasks, points, "
                         f"n_inputs) = {shape}, got {_described(x)}")
    return x


def _described(a):
    """An array by its shape and dtype, anything else by its repr (cut short)."""
    return (f"shape {a.shape} and dtype {a.dtype}" if isinstance(a, np.ndarray)
            else seen(a, 80))


def check_draw(family, rng, task_params, n_points):
    """``family.sample_x(rng, task_params, n_points)``'s arguments: a Generator, task
    parameters with one row per task (only their number is read) and ``n_points`` an
    integer >= 0. O(1)."""
    where = f"{type(family).__name__}.sample_x"
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"{where}: rng must be a numpy.random.Generator (e.g. "
                        f"np.random.default_rng(0)), got {seen(rng, 60)}")
    if not isinstance(task_params, np.ndarray) or task_params.ndim < 1 \
            or task_params.dtype.kind not in "iuf":
        raise TypeError(f"{where}: task_params must be an array of real numbers with one row "
                        f"per task, as sample_params draws them, got {_described(task_params)}")
    if not (_is_count(n_points) and n_points >= 0):
        raise ValueError(f"{where}: n_points must be an integer in 0..{COUNT_MAX} (the points "
                         f"to draw per task), got {seen(n_points)}")


def check_inputs(family, task_params, x, n_params):
    """``family.target(task_params, x)``'s arguments: ``task_params`` real numbers of shape
    (tasks, n_params) and ``x`` real numbers of shape (tasks, points, family.n_inputs),
    both finite (one pass each), so that a 2-D x is not broadcast against the tasks."""
    where = f"{type(family).__name__}.target"
    for name, a, shape in (("task_params", task_params, f"(tasks, {n_params})"),
                           ("x", x, f"(tasks, points, {family.n_inputs})")):
        if not isinstance(a, np.ndarray) or a.dtype.kind not in "iuf":     # no bools
            raise TypeError(f"{where}: {name} must be an array of real numbers of shape "
                            f"{shape}, got {seen(a, 80)}")
    if task_params.ndim != 2 or task_params.shape[1] != n_params:
        raise ValueError(f"{where}: task_params must have shape (tasks, {n_params}), as "
                         f"sample_params draws them, got shape {task_params.shape}")
    if x.ndim != 3 or x.shape[0] != len(task_params) or x.shape[2] != family.n_inputs:
        raise ValueError(f"{where}: x must have shape ({len(task_params)}, points, "
                         f"{family.n_inputs}) (tasks, points, inputs), one task per row of "
                         f"task_params, got shape {x.shape}")
    check_finite_data(where, "task_params", task_params, f"as {type(family).__name__}"
                      f".sample_params draws them")
    check_finite_data(where, "x", x, f"as {type(family).__name__}.sample_x draws them")


def check_targets(where, pred, y, names=("pred", "y")):
    """``pred`` and ``y`` of one shape (..., points, outputs) before a loss compares them.

    Both must also be of a real dtype (bool, integer or float; an object, complex
    or text array is refused by its dtype alone, never by reading its entries).
    Works on the engine's Tensors (``ad.shape`` does not unwrap them), so it
    costs nothing inside ``grad``.

    Called with plain arrays (not inside ``grad``, whose entry points have checked
    their data), the targets ``y`` must be finite (one pass). ``pred`` is a model's
    output, not data: a diverged model's prediction (inf or NaN) is scored as it is,
    and ``evaluate`` and the divergence measurements record it as divergence.
    """
    try:
        shapes = ad.shape(pred), ad.shape(y)
    except (TypeError, ValueError):                  # None, text, a set: named, with its value
        shapes = tuple(shape_of(f"{where}: ", name, x, "an array of shape (..., points, "
                                "outputs)") for name, x in zip(names, (pred, y)))
    for name, x, shape in zip(names, (pred, y), shapes):
        if isinstance(x, np.ma.MaskedArray):               # its mask would not be honoured
            raise TypeError(f"{where}: {masked_message(name)}")
        if isinstance(x, np.matrix):                       # stays 2-D where axes are reduced
            raise TypeError(f"{where}: {name} is an np.matrix of shape {x.shape}, which stays "
                            f"2-D under reductions; pass np.asarray({name})")
        if isinstance(x, (bytes, bytearray, memoryview)):  # NumPy reads the bytes as numbers
            raise TypeError(f"{where}: {name} must be an array of numbers, got a "
                            f"{type(x).__name__} of {len(x)} bytes")
        dtype = getattr(x.value if isinstance(x, ad.Tensor) else x, "dtype", None)  # O(1)
        if isinstance(dtype, np.dtype) and dtype.kind not in (
                "biuf" if name == "y_onehot" else "iuf"):      # bools: one-hot labels only
            raise TypeError(f"{where}: {name} must be an array of real numbers, got "
                            + ("" if type(x) is np.ndarray else f"a {type(x).__name__} of ")
                            + f"dtype {dtype}" + (" (True and False)" if dtype.kind == "b" else
                                                 " (an object array)" if dtype.kind == "O" else "")
                            + f" and shape {shape}"
                            + (f", the first {seen(np.ravel(getattr(x, 'value', x))[0], 40)}"
                               if dtype.kind in "US" and np.size(getattr(x, "value", x))
                               else ""))       # text: an entry shown (a spreadsheet's #N/A)
        if len(shape) < 2:
            got = (shape if isinstance(x, (np.ndarray, ad.Tensor)) and shape else
                   f"{type(x).__name__} {x!r:.60}" + (f" of shape {shape}" if shape else ""))
            raise ValueError(f"{where}: {name} must be an array of shape (..., points, "
                             f"outputs), got {got}")
        if not isinstance(x, (np.ndarray, np.generic, ad.Tensor, list, tuple)):
            raise TypeError(f"{where}: {name} must be an array (or a list of lists), got "
                            f"{type(x).__name__} {x!r:.60}")
        if 0 in shape[-2:]:                                # a mean over no points: 0 / 0
            raise ValueError(f"{where}: {name} has no entries to score, shape {shape}: a task "
                             f"needs at least one point and one output")
    if shapes[0] != shapes[1]:
        raise ValueError(f"{where}: {names[1]} must have the shape of {names[0]}, "
                         f"{shapes[0]}, got shape {shapes[1]}")
    if not isinstance(pred, ad.Tensor) and not isinstance(y, ad.Tensor):
        check_finite_data(where, names[1], y)
    if names[1] == "y_onehot":
        check_one_hot_row(where, names[1], y)
    if where == "accuracy":                      # the true class is y's largest entry
        check_one_largest(where, names[1], y)


def check_one_largest(where, name, y):
    """Each row of ``y`` has one largest entry, the class a point is scored against; a tie
    (soft labels (0.5, 0.5, 0)) names no class, and argmax would pick the first. One pass."""
    y = np.asarray(ad.stop_gradient(y))
    ties = np.count_nonzero(y == y.max(axis=-1, keepdims=True), axis=-1) > 1
    if ties.any():
        at = np.unravel_index(int(np.argmax(ties)), ties.shape)
        row = y[at]
        raise ValueError(f"{where}: {name} must name one true class per point, but its row "
                         f"{list(map(int, at))} is {row.tolist()!r:.80}, a tie between classes "
                         f"{np.flatnonzero(row == row.max()).tolist()!r:.40}; soft labels are "
                         f"scored by their one largest entry")


def shape_of(where, name, x, expected):
    """``ad.shape(x)``, or a ValueError naming ``name`` (not ``ad.shape``'s own ``x``) when x
    is no array, Tensor or number: None, text, a set. O(1)."""
    if hasattr(x, "toarray") and hasattr(x, "nnz") and not isinstance(x, np.ndarray):
        raise TypeError(f"{where}{name} must be {expected}, got a SciPy sparse matrix "
                        f"({type(x).__name__} of shape {getattr(x, 'shape', '?')}); pass its "
                        f".toarray()")
    try:
        return ad.shape(x)
    except (TypeError, ValueError):
        raise ValueError(f"{where}{name} must be {expected}, got {type(x).__name__} "
                         f"{x!r:.60}") from None


def check_finite_data(where, name, a, source=""):
    """Every entry of the data array ``a`` is finite (one pass): a NaN or inf is refused
    by name, with how many entries hold one (and, given, where such data comes from)."""
    a = np.asarray(a)
    if a.dtype.kind == "f" and not np.isfinite(a).all():
        bad = int(a.size - np.count_nonzero(np.isfinite(a)))
        source = f" ({source})" if source else ""
        raise ValueError(f"{where}: {name} must hold finite numbers{source}, got {bad} NaN or inf "
                         f"entr{'y' if bad == 1 else 'ies'} of {a.size} (shape {a.shape})")


def check_returned_finite(who, what, a):
    """What a family's method ``who`` (a user's, perhaps) returned holds finite numbers only
    (one pass): a NaN or inf is reported naming the method and how many entries hold one."""
    a = np.asarray(a)
    if a.dtype.kind == "f" and not np.isfinite(a).all():
        bad = int(a.size - np.count_nonzero(np.isfinite(a)))
        raise ValueError(f"{who} must return finite {what}, got {bad} NaN or inf "
                         f"entr{'y' if bad == 1 else 'ies'} of {a.size} (shape {a.shape})")


def check_width(name, low_high):
    """A range ``(low, high)`` that inputs are drawn from (already checked by
    ``meta.checks.check_range``) has low < high: a single point would make every input of
    every task the same. Returns it."""
    if not low_high[0] < low_high[1]:
        raise ValueError(f"{name} must be a range (low, high) with low < high (the inputs are "
                         f"drawn from it), got {seen(low_high)}, a single point")
    return low_high


def check_word(name, value, choices):
    """``value`` is one of the words ``choices``: a str (an array or a list is refused
    before it is compared, never entry by entry)."""
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {seen(value, 80)}")


def check_words(name, value, example):
    """A list or tuple of strings, e.g. a command line's arguments (``argv``): a bare string
    would be split into letters, a number or None is no list."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{name} must be a list of strings, e.g. {example}, got "
                        f"{type(value).__name__} {value!r:.80}")


def check_members(members):
    """``omniglot.content_hash``'s argument: a dict {path inside the zip (str): PNG bytes}.
    One pass over the entries' types (the hash reads every byte anyway)."""
    if not isinstance(members, dict):
        raise TypeError(f"content_hash: members must be a dict {{path inside the zip: PNG "
                        f"bytes}}, got {type(members).__name__} {members!r:.80}")
    for path, data in members.items():
        if not isinstance(path, str) or not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"content_hash: members must map paths (str) to PNG bytes, got "
                            f"the entry {path!r:.60}: {type(data).__name__} {data!r:.40}")


def check_positive_numbers(name, value, n, what):
    """``n`` finite numbers > 0 (a figure's (width, height) in inches, ``what`` says), as a
    list, tuple or 1-D array; returns them as a tuple of floats."""
    if not isinstance(n, (int, np.integer)) or isinstance(n, NOT_INTS):
        raise TypeError(f"check_positive_numbers: n must be an int (how many numbers), got "
                        f"{type(n).__name__} {n!r:.40}")
    entries = np.asarray(value, dtype=object) if not isinstance(value, (str, bytes)) else None
    if entries is None or entries.shape != (n,) or not all(
            isinstance(v, (int, float, np.integer, np.floating))
            and not isinstance(v, NOT_INTS) for v in entries):
        raise TypeError(f"{name} must be {what} ({n} numbers), got {seen(value, 80)}")
    if not all(np.isfinite(v) and v > 0 for v in entries):
        raise ValueError(f"{name} must be {what}, finite numbers > 0, got {seen(value, 80)}")
    return tuple(float(v) for v in entries)


def check_one_hot_row(where, name, y):
    """A spot check that ``y`` is one-hot: its first row only (O(classes), never a pass
    over the data) must sum to 1, so all-zero or all-one targets are refused by name.
    Soft or perturbed rows (a finite-difference check in y) summing to about 1 pass."""
    y = ad.stop_gradient(y)
    first = (y if isinstance(y, np.ndarray) else np.asarray(y))[(0,) * (len(ad.shape(y)) - 1)]
    row = np.asarray(first, dtype=float)                  # (a nested list: its first row)
    if not abs(row.sum() - 1) < 1e-3:
        real = bool(np.any((row != 0) & (row != 1)))        # a regression task's targets?
        raise ValueError(f"{where}: {name} must be one-hot (each row one 1, the rest 0), "
                         f"got a first row of {row.tolist()!r:.80}"
                         + (f" (real-valued targets, a regression task's? {where} is for "
                            f"classification; as a regression's loss, use tasks.mse)"
                            if real else ""))


def check_drawings(name, data, kind, size=None):
    """``data`` is a ``kind`` (``omniglot.load()``'s OmniglotImages) whose images are real
    numbers of shape (characters, drawings, height, width), ``size`` x ``size`` pixels if
    given, every pixel finite (one pass over the drawings; the names are checked by
    ``finn_split``)."""
    if not isinstance(data, kind):
        raise TypeError(f"{name} must be the result of omniglot.load(), got "
                        f"{type(data).__name__} {data!r:.60}")
    images = data.images
    if not isinstance(images, np.ndarray) or images.dtype.kind not in "iuf" \
            or images.ndim != 4 or 0 in images.shape:       # no bools; no axis empty
        raise TypeError(f"{name}.images must be an array of real numbers of shape (characters, "
                        f"drawings, height, width), no axis empty, got {type(images).__name__} "
                        f"of shape {getattr(images, 'shape', None)} and dtype "
                        f"{getattr(images, 'dtype', None)}")
    if size is not None and images.shape[2:] != (size, size):
        raise ValueError(f"{name}.images must be drawings of {size} x {size} pixels, as "
                         f"omniglot.load() gives (the networks are built for them), got "
                         f"{images.shape[2]} x {images.shape[3]}")
    n = data.n_background
    if isinstance(n, NOT_INTS) or not isinstance(n, (int, np.integer)) \
            or not 0 <= n <= images.shape[0]:
        raise ValueError(f"{name}.n_background must be an int from 0 to the number of "
                         f"characters, {images.shape[0]} (the first n_background are "
                         f"images_background's), got {seen(n, 40)}")
    check_finite_data("Omniglot", f"{name}.images", images)


_URL = re.compile(r"[a-z][a-z0-9+.-]*://|file:", re.IGNORECASE)


def refuse_url(name, text, kind="path"):
    """A URL (``file:///runs/a.npz``, ``https://...``) is no path: ``Path`` and ``open`` would
    read it as a relative name, a folder called ``file:`` made where the run was started."""
    if _URL.match(text):
        raise ValueError(f"{name} must be a {kind}, got the URL {seen(text, 80)}; pass the path "
                         f"itself (without 'file://'), and download a remote file first")


def text_path(name, path, kind="path"):
    """``os.fspath(path)``, a str, or a TypeError naming ``name``: a value that is no str or
    os.PathLike, or an os.PathLike whose ``__fspath__`` fails or gives no str (bytes
    included). ``kind`` ("folder path") words the message."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{name} must be a {kind} (str or os.PathLike), got "
                        f"{type(path).__name__} {path!r:.240}")
    try:
        text = os.fspath(path)
    except Exception as e:
        raise TypeError(f"{name} must be a {kind}, but {type(path).__name__}.__fspath__() "
                        f"raised {type(e).__name__}: {e}") from e
    if not isinstance(text, str):
        raise TypeError(f"{name} must be a {kind} as text, but {type(path).__name__}"
                        f".__fspath__() returned {type(text).__name__} {text!r:.40}")
    return text


def check_folder_path(name, path):
    """``path`` names a folder as text: a str or os.PathLike (None is for the caller to
    allow) without a NUL byte, which no file name can hold. O(1): nothing is looked up."""
    text_path(name, path, "folder path")
    if "\0" in str(os.fspath(path)):
        raise ValueError(f"{name} must be a folder path, got {os.fspath(path)!r:.80}, which "
                         f"holds a NUL byte (no file name can)")
    if not str(os.fspath(path)).strip():        # '' would mean the current folder, unsaid
        raise ValueError(f"{name} must be a folder path, got {os.fspath(path)!r} (empty); "
                         f"pass '.' for the current folder")
    refuse_url(name, str(os.fspath(path)), "folder path")      # Path() would keep 'file:/'
    check_name_lengths(name, path)


def check_name_lengths(name, path):
    """No part of ``path`` is longer than a file name can be (255 bytes on most file
    systems): the OS's "File name too long" would not say which argument it was."""
    too_long = [p for p in Path(path).expanduser().parts if len(os.fsencode(p)) > 255]
    if too_long:
        raise ValueError(f"{name} must be a folder path whose every part is a name of at most "
                         f"255 bytes, got a part of {len(os.fsencode(too_long[0]))} bytes, "
                         f"{too_long[0]!r}, in {str(path)!r:.60}...")


def check_folder(name, path):
    """``path`` is a folder, or a folder can be made there: no part of it is a file, and no
    part is longer than the file system allows a name (255 bytes on most)."""
    path = Path(path).expanduser()
    check_name_lengths(name, path)
    for part in (path, *path.parents):
        if os.path.lexists(part):
            if not part.is_dir():
                where = "" if part == path else f" inside {str(part)!r},"
                raise ValueError(f"{name} must be a folder, got {str(path)!r},{where} which "
                                 f"is not a folder")
            return


# --- the learner's and the families' arguments, on top of ``meta.checks`` (imported when
# first called: ``meta.checks`` imports this module)

def _meta_checks():
    """``scratchmeta.meta.checks``, imported on the first call and kept (a hot path calls)."""
    global _META
    if _META is None:
        from scratchmeta.meta import checks as _META
    return _META


_META = None


def check_listed(name, value, example):
    """``value`` is an ordered sequence (a list, tuple, range or 1-D array): a set or a dict
    (whose order is not the caller's), a generator (read once, then gone), text or bytes
    (read as letters or byte values) or an object-dtype array (of anything at all) is refused
    by its type, before it is read. O(1).
    Returns ``value``."""
    if not (isinstance(value, (list, tuple, range))
            or (isinstance(value, np.ndarray) and value.ndim == 1 and value.dtype != object)):
        shape = (f" of shape {value.shape} and dtype {value.dtype}"
                 if isinstance(value, np.ndarray) else "")
        raise TypeError(f"{name} must be a list or tuple, e.g. {example}, got a "
                        f"{type(value).__name__}{shape} {value!r:.80}")
    return value


FAMILY_MAX = 1e100     # a family's numbers: their targets, and squared errors, stay finite


def _family_sized(name, values, given):
    """A family's numbers are at most FAMILY_MAX in size: a range of (-1e308, 1e308) is
    finite, but draws from it (high - low) and targets (a x + c) overflow. Returns values."""
    if not np.all(np.abs(values) <= FAMILY_MAX):
        raise ValueError(f"{name} must be numbers of size at most {FAMILY_MAX:g} (so that tasks "
                         f"drawn from them, and their squared errors, stay finite), got "
                         f"{given!r:.80}")
    return values


def check_range(name, value, *, positive=False, width=False):
    """A family's range ``(low, high)``: a list, tuple or 1-D array (:func:`check_listed`),
    then ``meta.checks.check_range`` (two finite numbers, low <= high), each of size at most
    FAMILY_MAX; with ``width``, the range inputs are drawn from, low < high
    (:func:`check_width`). Returns it as a pair of floats."""
    check_listed(name, value, "(0.1, 5.0)")
    low_high = _family_sized(name, _meta_checks().check_range(name, value, positive=positive),
                             value)
    return check_width(name, low_high) if width else low_high


def check_number(name, value, *, minimum=0.0):
    """A family's scale, noise or spread: ``meta.checks.check_number`` (a finite number >=
    ``minimum``), at most FAMILY_MAX. Returns it as a float."""
    number = _meta_checks().check_number(name, value, minimum=minimum)
    if 0.0 < abs(number) < TINY:                       # its products with draws underflow
        raise ValueError(f"{name} must be 0 or at least {TINY:.4g}, the smallest normal float64, "
                         f"got {number!r}: a subnormal {name} underflows when tasks are drawn")
    return _family_sized(name, number, value)


def check_numbers(name, value, n, what):
    """A family's ``n`` numbers (its mean vector): ``meta.checks.check_numbers``, each of size
    at most FAMILY_MAX. Returns them as a float array of shape (n,)."""
    check_listed(name, value, "(1.0, 0.5)")
    return _family_sized(name, _meta_checks().check_numbers(name, value, n, what), value)


def check_layer_sizes(sizes):
    """A network's layer widths (``MLP``, ``finn_init``) are an ordered sequence: the widths
    of a set {1, 8} would come in hash order. Then ``meta.checks.check_sizes``; returns the
    widths as a tuple."""
    if not isinstance(sizes, (str, bytes)):            # (text is refused there, by value)
        check_listed("sizes", sizes, "(1, 40, 40, 1)")
    return _meta_checks().check_sizes(sizes)


def check_mlp(sizes, activation, batch_norm, dtype, activations):
    """``MLP``'s constructor arguments: :func:`check_layer_sizes`, then
    ``meta.checks.check_mlp``; returns (sizes as a tuple, dtype as a numpy dtype)."""
    return _meta_checks().check_mlp(check_layer_sizes(sizes), activation, batch_norm, dtype,
                                    activations)


def _no_bools(name, params):
    """Every array of a parameter list of real numbers, not bools (True would count as 1)."""
    if isinstance(params, (list, tuple)) and ad.Tensor not in map(type, params):
        for i, p in enumerate(params):
            _real_dtype("", f"{name}[{i}]", p, "iufO")     # object arrays: named by meta


def check_layers(name, params):
    """``nn.split``'s layers' pairs: no bool array (:func:`_no_bools`), then
    ``meta.checks.check_layers``."""
    _no_bools(name, params)
    _meta_checks().check_layers(name, params)


def check_per_task(params, n_tasks):
    """``nn.per_task``'s arguments: ``n_tasks`` an array's length, at least 1, and
    ``params`` a list of 1-D or 2-D arrays of real numbers (no bools), finite."""
    checks = _meta_checks()
    checks.check_count("n_tasks", n_tasks, 1, 2**63 - 1)     # an array's length (int64)
    _no_bools("params", params)
    checks.check_arrays("params", params, ndims=(1, 2))
    size = sum(math.prod(ad.shape(p)) for p in params)
    if n_tasks * size > 1 << 24:      # the copies are views, but the first SGD step makes
        checks.check_memory(          # each task's its own array (counted at 4 bytes a number)
            f"per_task: n_tasks={n_tasks} copies of params ({size} numbers), each task's "
            f"own once adapted,", n_tasks * size, itemsize=4)


def _real_dtype(where, name, value, kinds="iuf"):
    """``value``'s dtype (an array's or a Tensor's; None for a list or a number), refused
    unless of ``kinds``: by default no bool (a True is not a real number here), text,
    object or complex. O(1): the dtype, never the entries."""
    dtype = value.dtype if isinstance(value, (np.ndarray, np.generic, ad.Tensor)) else None
    if isinstance(dtype, np.dtype) and dtype.kind not in kinds:
        what = " (True and False)" if dtype.kind == "b" else ""
        first = ad.stop_gradient(value) if dtype.kind in "USO" else None   # text: show an
        shown = (f", the first {seen(first.flat[0], 40)}"                   # entry (#N/A)
                 if first is not None and first.size else "")
        raise TypeError(f"{where}{name} must be an array of real numbers, got dtype "
                        f"{dtype}{what} and shape {ad.shape(value)}{shown}")
    return dtype


def check_net_input(model, params, x, **kwargs):
    """``MLP.apply``, ``body``, ``head`` and ``forward_with``'s arguments: ``x`` and every
    parameter real numbers, not bools (the engine would compute with True as 1), then
    ``meta.checks.check_mlp_input``'s shapes and values. A list or tuple ``x`` becomes an
    array. Returns ``x``. O(parameters): their dtypes, not read inside a gradient (under a
    trace, with a real array or a Tensor x, this adds about 0.3 us to the check)."""
    if type(x) is not np.ndarray or x.dtype.kind not in "iuf":     # else: the common case
        x = _net_x(x, kwargs.get("x_name", "x"))
    if not (type(params) is list and params and type(params[0]) is ad.Tensor):  # not traced
        _no_bools(kwargs.get("name", "params"), params)
    _meta_checks().check_mlp_input(model, params, x, **kwargs)
    return x


def _net_x(x, name):
    """A network's input that is not a plain array of real numbers: a list or tuple becomes
    an array; None, a number, a word or a set is refused with its value; a bool array by its
    dtype. A Tensor is returned as it is."""
    if isinstance(x, ad.Tensor):
        return x
    if isinstance(x, tuple) and hasattr(x, "_fields"):     # a record: NumPy would stack it
        raise TypeError(record_message(name, x))
    if isinstance(x, (list, tuple)):
        try:
            x = np.asarray(x)
        except ValueError:                             # ragged: named as an object array
            x = np.asarray(x, dtype=object)
    try:
        ndim = np.ndim(x)
    except Exception as e:                             # an object whose __array__ fails
        raise TypeError(f"{name} must be an array of shape (points, features) or (tasks, "
                        f"points, features), but NumPy could not read the "
                        f"{type(x).__name__} given as one: {type(e).__name__}: {e}") from e
    if ndim == 0:                                      # None, a number, a word, a set
        raise TypeError(f"{name} must be an array of shape (points, features) or (tasks, "
                        f"points, features), got {seen(x, 60)}")
    if getattr(x, "dtype", None) == np.bool_:          # text, complex...: meta names them
        _real_dtype("", name, x)
    return x


def linear_product(linear, l, h, w):
    """``MLP.forward_with``'s ``linear(l, h, W)``, called and its result checked: real
    numbers of the shape of h W (a wrong product would be broadcast against the bias, or
    fail inside the engine without naming ``linear``). O(1)."""
    z = linear(l, h, w)
    want = ad.shape(h)[:-1] + ad.shape(w)[-1:]
    shape = ad.shape(z) if isinstance(z, (np.ndarray, ad.Tensor)) else None
    dtype = getattr(ad.stop_gradient(z), "dtype", None) if shape is not None else None
    if shape != want or dtype.kind not in "iuf":
        got = f"shape {shape} and dtype {dtype}" if shape is not None else f"{z!r:.60}"
        raise ValueError(f"forward_with: linear(l, h, w) must return h W for layer l = {l}, an "
                         f"array of real numbers of shape {want}, got {got}")
    return z


def check_loss(family, losses, pred, y):
    """``family.metric``'s value: what ``family.loss(pred, y)`` returned, one real number per
    task (shape pred.shape[:-2]), returned as an array. Its values are not judged: a NaN or
    inf is the score of a diverged model (or of finite predictions whose squared error
    overflows), which evaluation records as divergence. O(1)."""
    where = f"{type(family).__name__}.loss"
    value = ad.stop_gradient(losses) if isinstance(losses, ad.Tensor) else losses
    want = ad.shape(pred)[:-2]
    if not isinstance(value, (np.ndarray, np.generic)) or value.dtype.kind not in "iuf" \
            or value.shape != want:
        raise TypeError(f"{where} must return one loss per task, real numbers of shape {want} "
                        f"for pred of shape {ad.shape(pred)}, got {_described(value)}")
    return np.asarray(value)
