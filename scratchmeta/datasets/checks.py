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
import os
from pathlib import Path

import numpy as np

from scratchmeta import autodiff as ad


_SHAPE_PROBE = np.random.default_rng(0)  # one task is drawn from it to learn the params' shape

COUNT_MAX = int(np.iinfo(np.intp).max)   # a count is an array's length: NumPy's index type


def _is_count(n):
    """An integer that can be an array's length, and not a bool (True is not a count)."""
    return (isinstance(n, (int, np.integer)) and not isinstance(n, (bool, np.bool_))
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
                            f"np.random.default_rng(0)), got {rng!r:.60}")
        if not _is_count(n_tasks):
            kind = ValueError if isinstance(n_tasks, int) and n_tasks > COUNT_MAX else TypeError
            raise kind(f"{where}: n_tasks must be an int in 1..{COUNT_MAX} (the number of "
                       f"tasks to draw), got {type(n_tasks).__name__} {n_tasks!r:.60}")
        if n_tasks < 1:
            raise ValueError(f"{where}: n_tasks must be an int >= 1 (the number of tasks to "
                             f"draw), got {n_tasks!r}")
        return own(self, rng, n_tasks, *args, **kwargs)

    sample_params.checked = True
    cls.sample_params = sample_params


def check_counts(n_tasks, n_support, n_query):
    """Refuse a count of tasks or points that is not a positive integer (n_query may be 0)."""
    for name, n in (("n_tasks", n_tasks), ("n_support", n_support), ("n_query", n_query)):
        if not (_is_count(n) and n >= (0 if name == "n_query" else 1)):
            raise ValueError(f"{name} must be a positive integer (at most {COUNT_MAX}), "
                             f"got {n!r}")


def check_sample(rng, n_tasks, n_support, n_query):
    """``family.sample(rng, n_tasks, n_support, n_query)``'s arguments: a NumPy Generator
    and the counts of :func:`check_counts`. O(1)."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator (e.g. "
                        f"np.random.default_rng(0)), got {rng!r}")
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
                        f"np.random.default_rng(0)), got {rng!r:.60}")
    want = np.asarray(family.sample_params(_SHAPE_PROBE, 1))  # shape (1, ...): its kind
    shape = f"(tasks, {', '.join(map(str, want.shape[1:]))})"
    if not isinstance(task_params, np.ndarray) or task_params.ndim == 0:   # None, a number
        given = task_params.item() if isinstance(task_params, np.ndarray) else task_params
        raise TypeError(f"{where}: task_params must be a NumPy array of shape {shape}, as "
                        f"sample_params draws them, got {given!r:.60}")
    if task_params.ndim != want.ndim or task_params.shape[1:] != want.shape[1:] \
            or len(task_params) == 0:
        raise ValueError(f"{where}: task_params must have shape {shape} (at least one task), "
                         f"as sample_params draws them, got shape {task_params.shape}")
    kinds, expected = ("iu", "integers") if want.dtype.kind in "iu" else ("iuf", "real numbers")
    if task_params.dtype.kind not in kinds:
        raise TypeError(f"{where}: task_params must be {expected}, got dtype "
                        f"{task_params.dtype}")
    if task_params.dtype.kind == "f" and not np.isfinite(task_params).all():   # (tasks, few)
        raise ValueError(f"{where}: task_params must be finite, got {task_params!r:.80} "
                         f"(nan or inf)")
    check_counts(len(task_params), n_support, n_query)
    return len(task_params)


def check_drawn(family, task_params, n_tasks):
    """What ``family.sample_params(rng, n_tasks)`` returned: an array with one row per task,
    ``n_tasks`` rows (a user's family that draws another number of tasks is named, not
    followed silently). Returns ``task_params``. O(1): the shape only (``make_batch``
    then refuses NaN task parameters by name)."""
    where = f"{type(family).__name__}.sample_params"
    shape = getattr(task_params, "shape", None)
    if not isinstance(task_params, np.ndarray) or not shape or shape[0] != n_tasks:
        raise ValueError(f"{where} must return an array with one row per task, shape "
                         f"({n_tasks}, ...) for n_tasks={n_tasks!r}, got "
                         f"{f'shape {shape}' if shape is not None else repr(task_params)[:80]}")
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
                         f"{f'shape {shape}' if shape is not None else repr(y)[:80]}")
    check_returned_finite(f"{type(family).__name__}.target", "targets y (the batch's "
                          "y_support and y_query)", y)
    return y


def check_sampled(family, x, shape):
    """What ``family.sample_x(rng, task_params, n_points)`` returned: inputs x, real numbers of
    ``shape`` = (tasks, n_points, n_inputs) (a user's family's inputs are named here, not
    later inside its target). Returns ``x``. O(1): the shape and dtype only (the target
    refuses NaN inputs, or returns NaN targets, which :func:`check_target` refuses)."""
    where = f"{type(family).__name__}.sample_x"
    if not isinstance(x, np.ndarray) or x.dtype.kind not in "biuf" or x.shape != shape:
        raise ValueError(f"{where} must return inputs x, real numbers of shape (tasks, points, "
                         f"n_inputs) = {shape}, got {_described(x)}")
    return x


def _described(a):
    """An array by its shape and dtype, anything else by its repr (cut short)."""
    return (f"shape {a.shape} and dtype {a.dtype}" if isinstance(a, np.ndarray)
            else f"{a!r:.80}")


def check_draw(family, rng, task_params, n_points):
    """``family.sample_x(rng, task_params, n_points)``'s arguments: a Generator, task
    parameters with one row per task (only their number is read) and ``n_points`` an
    integer >= 0. O(1)."""
    where = f"{type(family).__name__}.sample_x"
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"{where}: rng must be a numpy.random.Generator (e.g. "
                        f"np.random.default_rng(0)), got {rng!r:.60}")
    if not isinstance(task_params, np.ndarray) or task_params.ndim < 1:
        raise TypeError(f"{where}: task_params must be an array with one row per task, as "
                        f"sample_params draws them, got {task_params!r:.60}")
    if not (_is_count(n_points) and n_points >= 0):
        raise ValueError(f"{where}: n_points must be an integer in 0..{COUNT_MAX} (the points "
                         f"to draw per task), got {n_points!r}")


def check_inputs(family, task_params, x, n_params):
    """``family.target(task_params, x)``'s arguments: ``task_params`` real numbers of shape
    (tasks, n_params) and ``x`` real numbers of shape (tasks, points, family.n_inputs),
    both finite (one pass each), so that a 2-D x is not broadcast against the tasks."""
    where = f"{type(family).__name__}.target"
    for name, a, shape in (("task_params", task_params, f"(tasks, {n_params})"),
                           ("x", x, f"(tasks, points, {family.n_inputs})")):
        if not isinstance(a, np.ndarray) or a.dtype.kind not in "biuf":
            raise TypeError(f"{where}: {name} must be an array of real numbers of shape "
                            f"{shape}, got {a!r:.80}")
    if task_params.ndim != 2 or task_params.shape[1] != n_params:
        raise ValueError(f"{where}: task_params must have shape (tasks, {n_params}), as "
                         f"sample_params draws them, got shape {task_params.shape}")
    if x.ndim != 3 or x.shape[0] != len(task_params) or x.shape[2] != family.n_inputs:
        raise ValueError(f"{where}: x must have shape ({len(task_params)}, points, "
                         f"{family.n_inputs}) (tasks, points, inputs), one task per row of "
                         f"task_params, got shape {x.shape}")
    check_finite_data(where, "task_params", task_params)
    check_finite_data(where, "x", x)


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
    shapes = ad.shape(pred), ad.shape(y)
    for name, x, shape in zip(names, (pred, y), shapes):
        if len(shape) < 2:
            raise ValueError(f"{where}: {name} must be an array of shape (..., points, "
                             f"outputs), got {shape if shape else repr(x)[:60]}")
        dtype = getattr(ad.stop_gradient(x), "dtype", None)     # O(1): the dtype, not entries
        if isinstance(dtype, np.dtype) and dtype.kind not in "biuf":
            raise TypeError(f"{where}: {name} must be an array of real numbers, got dtype "
                            f"{dtype}")
    if shapes[0] != shapes[1]:
        raise ValueError(f"{where}: {names[1]} must have the shape of {names[0]}, "
                         f"{shapes[0]}, got shape {shapes[1]}")
    if not isinstance(pred, ad.Tensor) and not isinstance(y, ad.Tensor):
        check_finite_data(where, names[1], y)
    if names[1] == "y_onehot":
        check_one_hot_row(where, names[1], y)


def check_finite_data(where, name, a):
    """Every entry of the data array ``a`` is finite (one pass): a NaN or inf is refused
    by name, with how many entries hold one."""
    a = np.asarray(a)
    if a.dtype.kind == "f" and not np.isfinite(a).all():
        bad = int(a.size - np.count_nonzero(np.isfinite(a)))
        raise ValueError(f"{where}: {name} must hold finite numbers, got {bad} NaN or inf "
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
                         f"drawn from it), got {low_high!r}, a single point")
    return low_high


def check_word(name, value, choices):
    """``value`` is one of the words ``choices``: a str (an array or a list is refused
    before it is compared, never entry by entry)."""
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {value!r:.80}")


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
    entries = np.asarray(value, dtype=object) if not isinstance(value, (str, bytes)) else None
    if entries is None or entries.shape != (n,) or not all(
            isinstance(v, (int, float, np.integer, np.floating))
            and not isinstance(v, (bool, np.bool_)) for v in entries):
        raise TypeError(f"{name} must be {what} ({n} numbers), got {value!r:.80}")
    if not all(np.isfinite(v) and v > 0 for v in entries):
        raise ValueError(f"{name} must be {what}, finite numbers > 0, got {value!r:.80}")
    return tuple(float(v) for v in entries)


def check_one_hot_row(where, name, y):
    """A spot check that ``y`` is one-hot: its first row only (O(classes), never a pass
    over the data) must sum to 1, so all-zero or all-one targets are refused by name.
    Soft or perturbed rows (a finite-difference check in y) summing to about 1 pass."""
    row = np.asarray(ad.stop_gradient(y)[(0,) * (len(ad.shape(y)) - 1)], dtype=float)
    if not abs(row.sum() - 1) < 1e-3:
        raise ValueError(f"{where}: {name} must be one-hot (each row one 1, the rest 0), "
                         f"got a first row of {row.tolist()!r:.80}")


def check_drawings(name, data, kind):
    """``data`` is a ``kind`` (``omniglot.load()``'s OmniglotImages) whose images are real
    numbers of shape (characters, drawings, height, width), every pixel finite (one pass
    over the drawings; the names are checked by ``finn_split``)."""
    if not isinstance(data, kind):
        raise TypeError(f"{name} must be the result of omniglot.load(), got "
                        f"{type(data).__name__} {data!r:.60}")
    images = data.images
    if not isinstance(images, np.ndarray) or images.dtype.kind not in "biuf" \
            or images.ndim != 4:
        raise TypeError(f"{name}.images must be an array of real numbers of shape (characters, "
                        f"drawings, height, width), got {type(images).__name__} of shape "
                        f"{getattr(images, 'shape', None)} and dtype "
                        f"{getattr(images, 'dtype', None)}")
    check_finite_data("Omniglot", f"{name}.images", images)


def check_folder_path(name, path):
    """``path`` names a folder as text: a str or os.PathLike (None is for the caller to
    allow) without a NUL byte, which no file name can hold. O(1): nothing is looked up."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{name} must be a folder path (str or os.PathLike), got "
                        f"{type(path).__name__} {path!r:.80}")
    if "\0" in str(os.fspath(path)):
        raise ValueError(f"{name} must be a folder path, got {os.fspath(path)!r:.80}, which "
                         f"holds a NUL byte (no file name can)")


def check_folder(name, path):
    """``path`` is a folder, or a folder can be made there: no part of it is a file."""
    path = Path(path).expanduser()
    for part in (path, *path.parents):
        if os.path.lexists(part):
            if not part.is_dir():
                where = "" if part == path else f" inside {str(part)!r},"
                raise ValueError(f"{name} must be a folder, got {str(path)!r},{where} which "
                                 f"is not a folder")
            return
