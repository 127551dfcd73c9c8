"""Task families beyond the lecture's two running examples.

Lecture 22's sinusoids and lines (:mod:`scratchmeta.tasks`) are regression
tasks that a fixed pair of features can fit. Two more families put the
strategies of sections 1.3-1.4 where they separate:

* :class:`SinusoidFrequency`, sinusoids whose frequency varies too, which no
  fixed set of features fits (the second family of the comparison,
  ``scratchmeta.meta.compare``);
* :class:`GaussianClusters`, N-way few-shot classification, for the
  cross-entropy losses and the convex heads of section 1.4.3.

Each draws a :class:`~scratchmeta.tasks.TaskBatch` of support and query sets
(eq. 22.1-22.2) as every family does. A user's own family (a subclass made outside
scratchmeta) is held to the same contract by :func:`checked_returns`.
"""

import functools

import numpy as np

from scratchmeta.datasets.checks import (COUNT_MAX, batch_fault, check_batch, check_inputs,
                                         check_number, check_range, check_targets)
from scratchmeta.meta.checks import check_count, check_memory
from scratchmeta.messages import label, raised, seen
from scratchmeta.tasks import Sinusoid, TaskBatch, TaskFamily, accuracy, check_counts, \
    cross_entropy


class SinusoidFrequency(Sinusoid):
    """y = A sin(w x - phi): Finn et al.'s sinusoids whose frequency w ~ U[0.5, 2] varies too.

    Why a second sinusoid family. With w fixed at 1 every task is
    A sin(x - phi) = (A cos phi) sin x - (A sin phi) cos x, a linear
    combination of the same two features sin x and cos x; a network body that
    has learned them makes a linear (ridge) head exact. With w varying, the
    tasks span no fixed finite set of features: sin(w x) for different w are
    linearly independent functions, so a head on fixed features can only
    approximate them, and adapting the features themselves (MAML's inner
    loop) has something to do.
    """

    name = "sinusoid_frequency"

    def __init__(self, amplitude=(0.1, 5.0), phase=(0.0, np.pi), x_range=(-5.0, 5.0),
                 frequency=(0.5, 2.0)):
        super().__init__(amplitude, phase, x_range)
        self.frequency = check_range("frequency", frequency, positive=True)

    def describe(self):
        return {**super().describe(), "frequency": list(self.frequency)}

    def sample_params(self, rng, n_tasks):
        amp_phase = super().sample_params(rng, n_tasks)                  # A, phi as Sinusoid
        freq = rng.uniform(*self.frequency, n_tasks)
        return np.concatenate([amp_phase, freq[:, None]], axis=1)        # (tasks, 3): A, phi, w

    def target(self, task_params, x):
        check_inputs(self, task_params, x, 3)        # (tasks, 3) and (tasks, points, 1)
        amp, phase, freq = (task_params[:, j, None, None] for j in range(3))
        return amp * np.sin(freq * x - phase)


class GaussianClusters(TaskFamily):
    """N-way few-shot classification: each class a Gaussian cluster in d dimensions.

    Per task, class centres are drawn from N(0, spread^2 I) and points from
    N(centre, I); labels are one-hot, and the family's loss is cross-entropy.
    Support and query sets hold the same number of points of every class.
    """

    name = "clusters"
    loss = staticmethod(cross_entropy)
    metric_name = "accuracy"

    def __init__(self, n_way=5, dim=8, spread=2.0):
        if isinstance(n_way, (int, np.integer)) and not isinstance(
                n_way, (bool, np.timedelta64)) and n_way < 2:
            raise ValueError(f"n_way must be at least 2, got {seen(n_way)}")
        check_count("n_way", n_way, 2, COUNT_MAX)
        check_count("dim", dim, 1, COUNT_MAX)
        check_memory(f"the class centres of one task, n_way = {n_way} by dim = {dim}",
                     float(n_way) * dim)
        self.n_way, self.dim, self.spread = n_way, dim, check_number("spread", spread)
        if self.spread == 0.0:            # every centre at 0: no learner can beat chance
            raise ValueError(f"spread must be positive, got {seen(spread)}: with spread 0 every "
                             f"class centre is the origin, and the classes cannot be told apart")
        self.n_inputs, self.n_outputs = dim, n_way

    def describe(self):
        return {"n_way": int(self.n_way), "dim": int(self.dim), "spread": float(self.spread)}

    def metric(self, pred, y):
        check_targets(f"{type(self).__name__}.metric", pred, y)     # named pred and y
        return accuracy(pred, y)

    def sample_params(self, rng, n_tasks):
        return self.spread * rng.standard_normal((n_tasks, self.n_way, self.dim))  # centres

    def check_shots(self, n_support, n_query):
        check_counts(1, n_support, n_query)
        for name, n in (("n_support", n_support), ("n_query", n_query)):
            if n % self.n_way:
                raise ValueError(f"{name} must be a multiple of n_way={self.n_way} "
                                 f"(the same number of points per class), got {n}")

    def make_batch(self, rng, task_params, n_support, n_query):
        n_tasks = check_batch(self, rng, task_params, n_support, n_query)   # class centres
        self.check_shots(n_support, n_query)

        def draw(n):
            labels = np.tile(np.arange(self.n_way), (n_tasks, n // self.n_way))
            centres = np.take_along_axis(task_params, labels[..., None], axis=1)
            x = centres + rng.standard_normal(centres.shape)
            return x, np.eye(self.n_way)[labels]
        xs, ys = draw(n_support)
        xq, yq = draw(n_query)
        return TaskBatch(xs, ys, xq, yq)


# --- a user's family: what its own methods return ------------------------------------------

# A method a user's family may define -> (what it must return, a test of a wrong return).
RETURNS = {"make_batch": ("a TaskBatch(x_support, y_support, x_query, y_query) "
                          "(scratchmeta.tasks.TaskBatch)",
                          lambda out: not isinstance(out, TaskBatch) or batch_fault(out)),
           "loss": ("one loss per task (an array or Tensor of real numbers of shape "
                    "pred.shape[:-2], as scratchmeta.tasks.mse)",
                    lambda out: out is None or isinstance(out, (tuple, list, dict, set, str,
                                                                bytes))),
           "check_shots": ("None: it refuses counts by raising a ValueError (a True, False or "
                           "text returned would refuse nothing)",
                           lambda out: out is not None),
           "describe": ("the constructor arguments that rebuild the family, a dict of plain "
                        "numbers, strings, lists and dicts (it is written as JSON into "
                        "checkpoints)",
                        lambda out: not (isinstance(out, dict) and _json_ready(out)))}


def _json_ready(record):
    """A dict that JSON writes as it is: string keys (JSON would turn 1 into "1"), and plain
    numbers, strings, None, lists, tuples and dicts of them (no sets, arrays or objects)."""
    if isinstance(record, dict):
        return all(isinstance(k, str) and _json_ready(v) for k, v in record.items())
    if isinstance(record, (list, tuple)):
        return all(_json_ready(v) for v in record)
    return record is None or isinstance(record, (bool, int, float, str))


# The methods of a user's family whose own errors are named with the method (below).
METHODS = ("sample_params", "sample_x", "target", "make_batch", "loss", "metric",
           "describe", "check_shots")
# How the library calls them (after self; loss is a static method).
SIGNATURES = {"sample_params": "(self, rng, n_tasks)", "sample_x": "(self, rng, task_params, "
              "n_points)", "target": "(self, task_params, x)", "make_batch": "(self, rng, "
              "task_params, n_support, n_query)", "loss": "(pred, y)", "metric": "(self, pred, "
              "y)", "describe": "(self)", "check_shots": "(self, n_support, n_query)"}


def _read_only(x):
    """An array argument as a read-only view (O(1)): a user's method that writes into it
    raises, instead of changing the library's own inputs, predictions or targets unseen."""
    if type(x) is np.ndarray and x.flags.writeable:
        x = x.view()
        x.flags.writeable = False
    return x


_LIBRARIES = ("numpy", "scipy", "math", "statistics", "builtins", "operator")


def _library(fn):
    """" (numpy.linalg.norm)" for a library's function given as a method, else "": its
    errors come from arguments it reads in its own way (norm's second is an order, mean's an
    axis), not from a bad input the user's own code checked."""
    module = getattr(fn, "__module__", None) or ""
    name = getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None)
    return f" ({module}.{name})" if name and module.split(".")[0] in _LIBRARIES else ""


def _other(fn, cls):
    """" (torch.nn.functional.l1_loss)" for a function of another package than ``cls``'s (and
    than NumPy's, SciPy's and the standard library's, which :func:`_library` names) given as
    a method, else "": it may expect its own package's arrays, not NumPy's."""
    module = getattr(fn, "__module__", None) or ""
    name = getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None)
    top = module.split(".")[0]
    if not name or not top or top in ("scratchmeta", "__main__") + _LIBRARIES \
            or top == (cls.__module__ or "").split(".")[0]:
        return ""
    return f" ({module}.{name})"


# The methods of a user's family given a generator, ``rng``, to draw from.
DRAWING = ("sample_params", "sample_x", "make_batch")


def _random_states(fn, args):
    """{where: state} of each random source that the method ``fn`` called with ``args`` could
    draw from other than the ``rng`` among its arguments: NumPy's global random state, the
    generators its instance holds (``self.gen``) and those its code names in its module or
    closure (a module-level ``default_rng(0)``). O(1): one state read each."""
    given = {id(a) for a in args}
    found = {"NumPy's global random state (np.random.*, or SciPy's rvs without "
             "random_state)": np.random.get_state(legacy=False)}
    holders = [(f"self.{k}", v) for k, v in vars(args[0]).items()] if args and hasattr(
        args[0], "__dict__") and isinstance(args[0], TaskFamily) else []
    code = getattr(fn, "__code__", None)
    if code is not None:
        names = getattr(fn, "__globals__", {})
        holders += [(f"the module-level {k}", names[k]) for k in code.co_names if k in names]
        holders += [(f"the enclosing {k}", c.cell_contents) for k, c in
                    zip(code.co_freevars, getattr(fn, "__closure__", None) or ())
                    if _filled(c)]
    for where, g in holders:
        if isinstance(g, (np.random.Generator, np.random.RandomState)) and id(g) not in given:
            found[f"{where} (a {type(g).__name__})"] = (
                g.get_state(legacy=False) if isinstance(g, np.random.RandomState)
                else g.bit_generator.state)
    return found


def _filled(cell):
    """True for a closure cell that holds a value (an unassigned one raises on reading)."""
    try:
        cell.cell_contents
    except ValueError:
        return False
    return True


def _drawn_elsewhere(before, after):
    """The first source of :func:`_random_states` whose state moved between the two reads,
    or ""."""
    return next((where for where, state in before.items()
                 if where in after and not _same_state(state, after[where])), "")


def _same_state(a, b):
    """Two generator states (dicts of ints and arrays) equal, entry by entry."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(
            _same_state(a[k], b[k]) for k in a)
    if isinstance(a, np.ndarray):
        return np.array_equal(a, b)
    return a == b


def _batch_leak(batch, n_outputs):
    """What is wrong with a user's ``make_batch`` result that its shapes alone allow: targets
    of another width than the family's ``n_outputs``, or a query set that is the support set
    (the query error would then be the error on the very points adapted to); else ""."""
    for part in ("y_support", "y_query"):
        shape = getattr(getattr(batch, part), "shape", ())
        if isinstance(n_outputs, int) and shape and shape[-1] != n_outputs:
            return (f"{part} of shape {shape}, targets {shape[-1]} wide, but the family has "
                    f"n_outputs = {n_outputs} (set n_outputs on the class if its targets are "
                    f"wider)")
    if all(np.shape(getattr(batch, q)) == np.shape(getattr(batch, s))
           and np.array_equal(getattr(batch, q), getattr(batch, s))
           for q, s in (("x_query", "x_support"), ("y_query", "y_support"))):
        return ("a query set equal to its support set (x_query == x_support and y_query == "
                "y_support): the query error would be the error on the points adapted to, "
                "not on new ones; draw the query points apart from the support points")
    return ""


def checked_returns(cls):
    """``TaskFamily.__init_subclass__`` for a family made outside scratchmeta: the methods
    it defines itself are wrapped, so that

    * a wrong kind of value returned by ``make_batch``, ``loss`` or ``describe`` (a dict for
      a batch, a tuple for a loss, a set in the record that checkpoints write as JSON) is
      named with the method where it is returned, not met later inside NumPy or the JSON
      writer (O(1) a call: one type test; ``describe``, called once a run, a JSON round trip);
    * a method that cannot be called as the library calls it (another number of
      arguments: a TypeError raised by the call itself, not inside the method) is named,
      with the signature expected;
    * an exception the method raises, other than the two kinds a bad input gives (a
      ValueError or TypeError, which pass through, unless the method is a NumPy, SciPy or
      standard-library function given as it is, or the error NumPy's LinAlgError, which are
      named with the method; another package's function, torch's ``l1_loss`` say, is named
      when it raises a TypeError, with how it is called) and NumPy's FloatingPointError (an
      overflow, which evaluation counts as a diverged task), is re-raised as a ValueError
      naming the method: a KeyError or ZeroDivisionError of the user's own code, chained
      (``raise ... from``) so that its traceback, at the user's line, is still shown. The
      samplers and the engine do the same with the functions given to them;
    * the arrays it is given are read-only views, so that a method writing into its input
      (``x *= 2`` in ``target``, zeroing ``pred`` in ``metric``) is named, instead of changing
      the inputs, predictions or targets that the library still uses;
    * a method given ``rng`` (:data:`DRAWING`) that draws from another source instead --
      NumPy's global random state, a generator it holds or its module holds -- is named, as
      the same seed would then not give the same tasks (one state read of each source a
      call); and a ``make_batch`` whose targets are not ``n_outputs`` wide, or whose query
      set is its support set (one comparison of the arrays), is named where it returns;
    * a method that changes NumPy's error settings (``np.seterr``) is named and the settings
      put back; a drawing method or ``target`` that returns the very array it returned on
      its previous call (one buffer, refilled) is named; a ``check_shots`` that returns a
      verdict instead of raising is named with the counts it was asked about."""
    if not (isinstance(cls, type) and issubclass(cls, TaskFamily)):
        raise TypeError(f"checked_returns: cls must be a TaskFamily subclass (a class, as "
                        f"__init_subclass__ passes it), got {type(cls).__name__} {cls!r:.60}")
    last = {}                                  # the array each method returned last
    for name in METHODS:
        member = cls.__dict__.get(name)
        fn = member.__func__ if isinstance(member, staticmethod) else member
        if not callable(fn) or isinstance(fn, type):
            continue
        want, wrong = RETURNS.get(name, (None, lambda out: False))

        static = isinstance(member, staticmethod)

        def checked(*args, _fn=fn, _name=name, _want=want, _wrong=wrong, _self=not static,
                    **kwargs):
            args = tuple(map(_read_only, args))
            before = _random_states(_fn, args) if _name in DRAWING else None
            errors = np.geterr()
            try:
                out = _fn(*args, **kwargs)
            except TypeError as err:
                if err.__traceback__.tb_next is None:     # raised by the call itself: the
                    raise TypeError(f"{cls.__name__}.{_name} could not be called with "  # arity
                                    f"{len(args) - _self} argument(s)"
                                    f"{' after self' if _self else ''} ({_name}"
                                    f"{SIGNATURES.get(_name, '(...)')} is expected): "
                                    f"{err}") from err
                if str(err).startswith(f"{cls.__name__}."):    # the library's check of it
                    raise
                raise TypeError(f"{cls.__name__}.{_name}{_library(_fn) or _other(_fn, cls)} "
                                f"raised TypeError: {err}{raised(_name, _fn, err)[1]}"
                                + (f"; it is called with NumPy arrays, as {_name}"
                                   f"{SIGNATURES.get(_name, '(...)')}" if _other(_fn, cls)
                                   else "")) from err
            except ValueError as err:
                if isinstance(err, FloatingPointError):   # an op's NaN under errstate: as below
                    raise
                if "read-only" in str(err):
                    raise ValueError(f"{cls.__name__}.{_name} wrote into an array it was given "
                                     f"({err}): a family's methods get their arrays read-only, "
                                     f"since the library still uses them; work on a copy "
                                     f"(x = x * 2, not x *= 2)") from err
                if isinstance(err, np.linalg.LinAlgError):    # NumPy's linear algebra, not
                    raise type(err)(f"{cls.__name__}.{_name}{_library(_fn)} raised "  # a check
                                    f"LinAlgError: {err}") from err      # of the user's: named
                if _library(_fn):                 # not the user's own check of a bad input
                    raise ValueError(f"{cls.__name__}.{_name}{_library(_fn)} raised ValueError: "
                                     f"{err}; it is called as {_name}"
                                     f"{SIGNATURES.get(_name, '(...)')}, so a function that "
                                     f"reads those arguments otherwise does not fit") from err
                raise
            except FloatingPointError:
                raise
            except (Exception, SystemExit, GeneratorExit) as err:   # sys.exit too: named
                raise ValueError(f"{cls.__name__}.{_name} ({label(_fn)}) raised "
                                 f"{type(err).__name__}: {err}") from err
            if np.geterr() != errors:             # np.seterr inside: put back, and named
                changed = {k: v for k, v in np.geterr().items() if errors[k] != v}
                np.seterr(**errors)
                raise ValueError(f"{cls.__name__}.{_name} changed NumPy's error settings for "
                                 f"the whole process (np.seterr: {changed}), which the "
                                 f"library reads to tell an overflow or a NaN from a result; "
                                 f"use 'with np.errstate(...):' inside the method instead")
            if type(out) is np.ndarray and out.size and _name in DRAWING + ("target",):
                if out is last.get(_name):       # the same array again: a refilled buffer
                    raise ValueError(f"{cls.__name__}.{_name} returned the very array it "
                                     f"returned on its previous call (one buffer refilled?): "
                                     f"the library keeps earlier results, which would change "
                                     f"under it; return a new array each call")
                last[_name] = out
            if before is not None:               # it drew from what it was not given?
                drawn = _drawn_elsewhere(before, _random_states(_fn, args))
                if drawn:
                    raise ValueError(f"{cls.__name__}.{_name} drew from {drawn}, not from the "
                                     f"rng it is given, so the same seed does not give the "
                                     f"same tasks (held-out and validation tasks would "
                                     f"change between calls); "
                                     f"draw from rng (rng.normal(...), rng.integers(...), "
                                     f"or random_state=rng in SciPy)")
            fault = _wrong(out)                  # True, or what is wrong inside it
            if fault:
                got = fault if isinstance(fault, str) else f"{type(out).__name__} {out!r:.60}"
                called = (f" from check_shots{tuple(args[1:] if _self else args)}"
                          if _name == "check_shots" else "")
                raise TypeError(f"{cls.__name__}.{_name}{_library(_fn)} must return {_want}, "
                                f"got {got}{called}")
            if _name == "make_batch":
                fault = _batch_leak(out, getattr(args[0], "n_outputs", None) if _self
                                    else None)
                if fault:
                    raise ValueError(f"{cls.__name__}.make_batch returned {fault}")
            return out
        functools.update_wrapper(checked, fn)
        checked.__wrapped__ = fn          # messages show the user's own function, not this one
        setattr(cls, name, staticmethod(checked) if static else checked)
