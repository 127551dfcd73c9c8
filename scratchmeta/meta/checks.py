"""Input checks for Chapter 2, in one place.

Every strategy, the trainer and the evaluation check their arguments with the
helpers below *before* any work is done, so that a bad value gives one clear
message naming the argument, the value given and what was expected. Types
are checked in one place for every strategy: ``protocol.configure`` holds each
hyperparameter to the type its configuration field declares
(:func:`check_type`: a bool is not a count, a word is not a number), before
the strategy's own ``check`` looks at ranges. :func:`check_memory` refuses a
size that cannot fit before anything is allocated. The learner's arguments
(``nn.MLP``'s sizes, its parameters and inputs), a strategy's ``update``,
test-time SGD and ``adapt``'s entry points are checked here too, each kind by
one helper that every entry point of that kind calls.

The guard of section 1.3.7, which checks what training produces rather than
what a user passed in, is :mod:`scratchmeta.meta.guard`.
"""


import dataclasses
import math
import os

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.autodiff import checks as ad_checks
from scratchmeta.autodiff.checks import fits_float64
from scratchmeta.datasets.checks import check_one_hot_row, refuse_url, text_path
from scratchmeta.messages import asynchronous, first_not_finite, odd_entry, seen


# --- arguments ------------------------------------------------------------------------

INT64_MAX = 2 ** 63 - 1          # no count beyond it fits NumPy's integers (or finishes)

# NumPy counts np.timedelta64 among its integers (a subclass of np.signedinteger), so each
# test for a number below leaves it out by name, with bools: a duration is no count or rate.
NOT_NUMBERS = (bool, np.bool_, np.timedelta64)


def is_integer(value):
    """An int (Python's or NumPy's), not a bool or a timedelta."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, NOT_NUMBERS)


def is_real(value):
    """A real number (an int or a float, Python's or NumPy's), not a bool, a datetime or a
    timedelta, a complex number, a Decimal or text; a long double only if a float64 holds
    it (:func:`fits_float64`)."""
    return (isinstance(value, (int, float, np.integer, np.floating))
            and not isinstance(value, NOT_NUMBERS) and fits_float64(value))


def check_unmasked(name, value):
    """``value`` is no numpy.ma.MaskedArray: scratchmeta does not honour masks (its NumPy
    calls would drop the mask, or keep it by accident). Nor an np.matrix, which stays 2-D
    where an array's axes are reduced or indexed away. Two type tests."""
    if isinstance(value, np.ma.MaskedArray):
        raise TypeError(ad_checks.masked_message(name))
    if isinstance(value, np.matrix):
        raise TypeError(f"{name} is an np.matrix of shape {value.shape}, which stays 2-D "
                        f"under reductions and indexing; pass np.asarray({name})")


def array_dtype(value):
    """``value``'s dtype if it is an array, a NumPy scalar or a Tensor, else None: another
    object's ``.dtype`` attribute (SciPy's interp1d has one) says nothing of the object."""
    return value.dtype if isinstance(value, (np.ndarray, np.generic, ad.Tensor)) else None


def check_count(name, value, minimum=0, maximum=None):
    """An integer >= ``minimum`` (and <= ``maximum`` if given, else one that fits an int64;
    bools are refused: True is not a count)."""
    for bound, given in (("minimum", minimum), ("maximum", maximum)):
        if not (is_integer(given) or given is None and bound == "maximum"):
            either = " or None" if bound == "maximum" else ""
            raise TypeError(f"check_count: {bound} must be an int{either}, got {seen(given, 60)}")
    if not (is_integer(value) and minimum <= value <= (INT64_MAX if maximum is None else maximum)):
        bound = (f">= {minimum}" + (" and < 2**63 (an int64)" if isinstance(value, int)
                                     and value > INT64_MAX else "")
                 if maximum is None else f"in {minimum}..{maximum}")
        raise ValueError(f"{name} must be an integer {bound}, got {seen(value)}")


def check_real(name, value, *, ndims=None):
    """An array (or Tensor) of real numbers (bool, int or float), with one of the numbers
    of dimensions ``ndims`` (default: at least 1); returns its shape. O(1): the dtype and
    the shape only, so that text, objects or complex numbers never reach NumPy's kernels;
    a masked array is refused (:func:`check_unmasked`)."""
    check_unmasked(name, value)
    if isinstance(value, (bytes, bytearray, memoryview)):   # NumPy reads the bytes as numbers
        raise TypeError(f"{name} must be an array of real numbers, got a {type(value).__name__} "
                        f"of {len(value)} bytes")
    dtype = array_dtype(value)
    if not isinstance(dtype, np.dtype):
        try:
            dtype = np.asarray(value).dtype
        except (TypeError, ValueError):             # a ragged list
            dtype = np.dtype(object)
        except Exception as e:                      # an object whose __array__ fails
            raise TypeError(f"{name} must be an array of real numbers, but NumPy could not read "
                            f"the {type(value).__name__} given as one: {type(e).__name__}: "
                            f"{e}") from e
    if dtype.kind not in "biuf":                    # (text has no shape to the engine)
        shape = getattr(value, "shape", None)
        if shape is None and dtype.kind != "O":
            shape = np.shape(value)
        raise TypeError(f"{name} must be an array of real numbers, got an array of dtype "
                        f"{dtype} and shape {shape or ()}: {value!r}"[:300])
    shape = ad.shape(value)
    if (len(shape) not in ndims) if ndims is not None else not shape:
        want = " or ".join(str(n) for n in ndims) if ndims is not None else "at least 1"
        raise ValueError(f"{name} must be an array of {want} dimensions, got shape {shape}: "
                         f"{value!r}"[:300])
    return shape


def check_limits(**limits):
    """Thresholds such as the guard's ``max_norm`` and ``max_loss``: each a number > 0 (inf
    allowed: no limit); NaN, a bool or text would silently disable the check."""
    for name, value in limits.items():
        if not is_real(value) or not value > 0:
            raise ValueError(f"{name} must be a number > 0 (inf for no limit), got {seen(value)}")


def check_guard(loss, step, advice, *, old=None, new=None, **limits):
    """The guard's own arguments (``guard.check_update``, ``check_step``): the meta-loss, one
    real number (NaN or inf is what the guard is there to catch), the meta-step ``step`` >= 0
    it names in its message, ``advice`` a string (or a dict from a part of the state to a
    string), the ``limits`` of :func:`check_limits`, and for ``check_step`` the parameters
    ``old`` and ``new``, dicts of the same parts. O(1) a part."""
    check_scalar("loss", loss)
    if np.size(ad.stop_gradient(loss)) != 1:
        raise ValueError(f"loss must be one number, the meta-loss, got shape "
                         f"{np.shape(ad.stop_gradient(loss))}")
    check_count("step", step, 0)
    for name, parts in (("old", old), ("new", new)) if old is not None or new is not None else ():
        if not (isinstance(parts, dict) and parts and set(old if isinstance(old, dict) else ())
                <= set(parts)):
            raise TypeError(f"{name} must be the parameters as a dict from part to a list of "
                            f"arrays, e.g. {{'params': [W1, b1, ...]}}, with every part of old, "
                            f"got {seen(parts, 100)}")
    if not (isinstance(advice, str) and advice or isinstance(advice, dict) and advice
            and all(isinstance(k, str) and isinstance(v, str) for k, v in advice.items())):
        raise TypeError(f"advice must be a non-empty string saying which setting to change "
                        f"(or a dict from a part of the state to one, as step_advice makes), "
                        f"got {seen(advice, 100)}")
    check_limits(**limits)


def check_gradient(grads):
    """A gradient: a list, tuple or dict (a tree) of arrays of real numbers, e.g. the
    meta-gradient [dW1, db1, ...]; returns its leaves. O(1) a leaf (dtypes only)."""
    leaves = ad.tree_flatten(grads)[0] if isinstance(grads, (list, tuple, dict)) else None
    if leaves is None or not all(getattr(getattr(g, "dtype", None), "kind", "O") in "biuf"
                                 for g in leaves):
        raise TypeError(f"grads must be a list (or tree) of arrays of real numbers, e.g. a "
                        f"meta-gradient [dW1, db1, ...], got {seen(grads, 100)}")
    for i, g in enumerate(leaves):                 # O(1) a leaf: its type
        if isinstance(g, np.ma.MaskedArray):
            check_unmasked(f"grads (leaf {i})", g)
    return leaves


def check_config(config, parts=("params",)):
    """A strategy's configuration (``strategy.config``, e.g. MAMLConfig(); None for a strategy
    of the user's that has none) and ``parts``, a non-empty collection (a tuple, or the
    state's dict) of names of parts of its state (e.g. ("body", "heads"))."""
    if isinstance(config, (str, bytes, int, float, complex, list, tuple, dict, set,
                           np.ndarray, np.generic, type)):
        raise TypeError(f"config must be a strategy's configuration (an object with fields, "
                        f"e.g. strategy.config or MAMLConfig()), got {seen(config, 100)}")
    if isinstance(parts, (str, bytes)) or not (isinstance(parts, (list, tuple, dict)) and parts
                                               and all(isinstance(p, str) for p in parts)):
        raise TypeError(f"parts must be a non-empty tuple of names of parts of the state, "
                        f"e.g. ('params',) or ('body', 'heads'), got {seen(parts, 100)}")


def check_config_class(cls, config):
    """``config`` is a configuration of the strategy class ``cls``: a dataclass instance with
    the fields of ``cls.Config`` (an instance of it, or of a class with the same fields, as
    MAMLConfig for FOMAML). Another strategy's configuration (ReptileConfig for MAML) would
    fail later on a field it lacks, or be read with the wrong meaning."""
    want = getattr(cls, "Config", None)
    if not (dataclasses.is_dataclass(want) and isinstance(want, type)) or isinstance(config, want):
        return
    have = ({f.name for f in dataclasses.fields(config)}
            if dataclasses.is_dataclass(config) and not isinstance(config, type) else None)
    if have != {f.name for f in dataclasses.fields(want)}:
        fields = "not a dataclass" if have is None else f"fields {sorted(have)}"
        raise TypeError(f"config must be a {want.__name__} (the configuration of "
                        f"{getattr(cls, '__name__', cls)}, e.g. {want.__name__}() or "
                        f"strategy.config of that strategy), got a "
                        f"{type(config).__name__} ({fields}): {config!r:.120}")


def check_distinct(name, tree, who):
    """No array twice among ``tree``'s leaves (``[W, b, b]``, a list built with ``[b] * 2``):
    each parameter, gradient or moment is an array of its own, or a step made for one would
    land on the other. O(leaves): their identities."""
    leaves = ad.tree_flatten(tree)[0] if isinstance(tree, (list, tuple, dict)) else []
    first = {}
    for i, leaf in enumerate(leaves):
        if isinstance(leaf, np.ndarray) and leaf.size and id(leaf) in first:
            raise ValueError(f"{who}: {name} holds one array twice, as leaves {first[id(leaf)]} "
                             f"and {i} (of shape {leaf.shape}): each leaf must be an array of "
                             f"its own (a list built with [a] * 2, or one array appended "
                             f"twice?)")
        first.setdefault(id(leaf), i)


def check_moments_own(params, state, who):
    """Adam's moments are arrays of their own: ``m`` and ``v`` are not the parameters' arrays
    nor each other's (a state edited by hand, ``state["m"] = params``: the step would move
    the moments with the weights). (A state at ``t = 0`` has zero moments, too: ``t`` counts
    the steps the moments hold, and reset alone the bias correction would over-correct them;
    :func:`check_t_with_moments` reads that.)"""
    check_distinct("params", params, who)
    flat = {name: ad.tree_flatten(state.get(name))[0] for name in ("m", "v")}
    ids = {id(p) for p in ad.tree_flatten(params)[0]}
    for name, arrays in flat.items():
        if any(id(a) in ids for a in arrays):
            raise ValueError(f"{who}: state['{name}'] holds the parameters' own arrays (set to "
                             f"the params list?): Adam's moments must be arrays of their own, "
                             f"from adam_init(params)")
    if any(a is b for a, b in zip(flat["m"], flat["v"])):
        raise ValueError(f"{who}: state['v'] is state['m'] (the same arrays): Adam keeps two "
                         f"moments, from adam_init(params)")


def check_t_with_moments(state, who):
    """A state at ``t = 0`` has zero moments (see :func:`check_moments_own`); read once its
    moments are known to be finite numbers, so that a NaN or text in them is named first."""
    flat = [a for name in ("m", "v") for a in ad.tree_flatten(state.get(name))[0]]
    t = state.get("t")
    if t is not None and np.ndim(t) == 0 and int(t) == 0 and any(
            np.any(np.asarray(a) != 0) for a in flat):
        raise ValueError(f"{who}: state['t'] is 0 but its moments are not zero: t counts the "
                         f"steps they hold (the bias correction divides by 1 - beta**t); "
                         f"reset all three with adam_init(params), or none")


def check_rate(name, value, *, allow_zero=False, step=False):
    """A positive (or, with ``allow_zero``, non-negative) finite number; with ``step``, at most
    1: Reptile's outer step (eq. 22.5) moves theta0 that fraction of the way to theta_T, and
    above 1 it steps past theta_T, away from every task's solution."""
    ok = is_real(value)
    if not (ok and np.isfinite(value) and (value >= 0 if allow_zero else value > 0)):
        expected = "a non-negative" if allow_zero else "a positive"
        raise ValueError(f"{name} must be {expected} finite number, got {seen(value)}")
    if 0 < value < np.finfo(np.float64).tiny:      # subnormal: as the samplers' step sizes
        expected = "0 or a number of at least" if allow_zero else "a positive number of at least"
        raise ValueError(f"{name} must be {expected} the smallest normal float64, 2.2e-308, got "
                         f"{seen(value)}: a value that small acts as 0, and a product with it "
                         f"underflows")
    if step and value > 1:
        raise ValueError(f"{name} must be at most 1, the fraction of the way from theta0 to "
                         f"theta_T that Reptile's outer step goes (eq. 22.5), got "
                         f"{seen(value)}: above 1 it steps past theta_T")


def check_head_config(config, rates=("lam",)):
    """The fields every closed-form head's configuration shares (section 1.4.3).

    ``rates`` are the head's own positive settings (lam, and R2-D2's scale);
    then the test-time ``inner_lr`` (0 allowed: no fine-tuning), ``meta_lr``
    and the three counts of a meta-batch.
    """
    check_flags(config)
    for name in rates:
        check_rate(name, getattr(config, name))
    check_rate("inner_lr", config.inner_lr, allow_zero=True)
    check_rate("meta_lr", config.meta_lr)
    for name in ("meta_batch", "n_support", "n_query"):
        check_count(name, getattr(config, name), 1)


def check_range(name, value, *, positive=False):
    """A family's range ``(low, high)`` of finite numbers with low <= high (0 < low if positive).

    Returns it as a pair of floats; a bare number, a word or a reversed range is
    refused by name, before a task is drawn from it.
    """
    try:
        low, high = value
        ok = all(is_real(v) for v in (low, high))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise TypeError(f"{name} must be a range (low, high) of two numbers, got {seen(value)}"
                        f"{odd_entry(value)}")
    low, high = float(low), float(high)
    if not (np.isfinite(low) and np.isfinite(high) and low <= high and (low > 0 or not positive)):
        expected = "0 < low <= high" if positive else "low <= high"
        raise ValueError(f"{name} must be a range (low, high) of finite numbers with {expected}, "
                         f"got {seen(value)}")
    return low, high


def check_number(name, value, *, minimum=0.0):
    """A finite real number >= ``minimum`` (a family's scale, noise or spread; -inf: any)."""
    bound = f" >= {minimum:g}" if minimum > -np.inf else ""
    if not is_real(value):
        raise TypeError(f"{name} must be a finite number{bound}, got {seen(value)}")
    if not (np.isfinite(value) and value >= minimum):
        raise ValueError(f"{name} must be a finite number{bound}, got {seen(value)}")
    return float(value)


def check_fields(config, *, rates=(), counts=(), minimum=1):
    """A configuration's ``rates`` (positive finite numbers) and ``counts`` (integers >=
    ``minimum``), each read from the field of that name."""
    check_flags(config)
    for name in rates:
        check_rate(name, getattr(config, name))
    for name in counts:
        check_count(name, getattr(config, name), minimum)
        if name in TEST_TIME_STEPS:
            check_test_steps(f"{name}={getattr(config, name)!r}", getattr(config, name))


#: Fields of a configuration that count steps taken at test time, per task (Multitask's
#: head-only steps): capped as evaluate's n_steps is, at MAX_TEST_STEPS.
TEST_TIME_STEPS = ("head_steps",)


def check_flags(config):
    """Every field a configuration declares ``bool`` holds True or False: 1, "no" or None is
    refused by name (a truthy word would silently switch a flag on); None only where it is
    the field's default (ClosedForm's learn_scale: "when the loss is cross-entropy")."""
    for field in dataclasses.fields(config) if dataclasses.is_dataclass(config) else ():
        kind = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", "")
        if kind.split("|")[0].strip() == "bool":
            check_type(field.name, getattr(config, field.name), bool,
                       none_ok=field.default is None)


def check_loss_inputs(model, params, x, y, loss, *, name="params", layers=None):
    """A loss of a network on data (``pooled_loss``, ``multitask_loss``): the parameters and
    inputs of :func:`check_mlp_input`, targets y of real finite numbers with x's leading
    axes (tasks, points) or (points,), and a loss function."""
    check_callable("loss", loss, "scratchmeta.tasks.mse")
    check_model(model)
    check_mlp_input(model, params, x, name=name, layers=layers)
    check_real("y", y)
    if len(ad.shape(y)) != len(ad.shape(x)) or ad.shape(y)[:-1] != ad.shape(x)[:-1]:
        raise ValueError(f"y must have shape {ad.shape(x)[:-1] + ('outputs',)} to match x of "
                         f"shape {ad.shape(x)}, got shape {ad.shape(y)}")
    if not any(isinstance(p, ad.Tensor) for p in params):   # traced: checked at its entry
        check_finite_arrays("y", y)
        check_loss_output(loss, y, per_task=False)           # real and finite, probed once


def check_subset_size(subset_size, n_support, *, rng=False, n_tasks=1):
    """The subset strategy's sizes (section 1.4.1): n_support >= 1 points a task, of which
    the inner loop sees 1 <= subset_size <= n_support; with ``rng``, that Generator and
    n_tasks >= 1 too, and the (n_tasks, n_support) random keys must fit in memory."""
    if rng is not False:
        check_rng("rng", rng)
        check_count("n_tasks", n_tasks, 1)
    check_count("n_support", n_support, 1)
    if not (is_integer(subset_size) and 1 <= subset_size <= n_support):
        raise ValueError(f"subset_size must be an integer between 1 and the number of support "
                         f"points ({n_support}) of n_support, got {seen(subset_size)}")
    check_memory("the subset's random keys", float(n_tasks) * n_support)


def check_inner(inner_lr, inner_steps, trainable=None, params=None):
    """eta_inner > 0 and K >= 0, the two settings of eq. 22.4 in training (inner_lr 0 would
    take K steps that do not move: K = 0 says "no inner step"); with ``params``, the
    ``trainable`` indices (None: all) must be indices into that parameter list."""
    check_rate("inner_lr", inner_lr)
    check_count("inner_steps (K)", inner_steps, 0)
    if inner_steps > MAX_TEST_STEPS:                 # hours before the first meta-step ends
        raise ValueError(f"inner_steps (K) must be at most {MAX_TEST_STEPS:,} inner SGD steps "
                         f"per task, got {inner_steps!r}: eq. 22.4 takes a few (MAML 1 to 5, "
                         f"Reptile tens); a count that large is a typo")
    check_trainable(trainable, params)


def check_indices(name, value, n, *, of="parameters", minimum=0):
    """Indices into ``n`` entries (``of`` names them): distinct integers in 0..n-1, 1-D.

    A set is taken in sorted order; at least ``minimum`` indices. A repeated
    index would take one step twice (or count a row twice), an index out of
    range would fail inside NumPy: both are refused here, in O(len(value)).
    """
    try:
        r = np.asarray(sorted(value) if isinstance(value, (set, frozenset)) else value)
    except (TypeError, ValueError):                # a ragged list, or a set of mixed types
        r = np.asarray(None)
    items = r.tolist() if r.ndim == 1 and r.dtype.kind in "iu" else None
    if (items is None and not (r.ndim == 1 and r.size == 0)) or r.size < minimum or (
            items and not (min(items) >= 0 and max(items) < n and len(set(items)) == len(items))):
        shape = f" of shape {r.shape}" if r.ndim != 1 else ""
        raise ValueError(f"{name} must be {'at least ' + str(minimum) + ' ' if minimum else ''}"
                         f"distinct integer indices in 0..{n - 1} (into the {n} {of}), a 1-D "
                         f"list, got {seen(value)}{shape}"[:300])


def check_trainable(trainable, params):
    """``trainable``: None (every parameter moves) or indices into the list ``params``."""
    if trainable is not None and params is not None:
        n = len(params) if hasattr(params, "__len__") else None
        if n is not None:
            check_indices("trainable", trainable, n)


def check_type(name, value, kind, *, none_ok=False):
    """``value`` is of the plain type ``kind`` (int, float, bool, str or dict), or None if
    allowed.

    The types do not mix: True is not an integer (a bool is a mistake for a
    count), 1 is not a bool, and "fast" is not a number. An int is accepted
    for a float; a float must be finite (no hyperparameter means anything at
    inf or NaN).
    """
    if value is None and none_ok:
        return
    ok = {int: is_integer(value), float: is_real(value),
          bool: isinstance(value, (bool, np.bool_)),
          str: isinstance(value, str), dict: isinstance(value, dict)}.get(kind)
    if ok is None:
        return                                     # a type this layer does not know: no opinion
    expected = {int: "an integer", float: "a finite number", bool: "true or false",
                str: "a string", dict: "a dict of name: value"}[kind] \
        + (" (or null for the default)" if none_ok else "")
    if not ok:
        raise TypeError(f"{name} must be {expected}, got {seen(value)} "
                        f"({_type_name(value)})")
    if kind is float and not np.isfinite(value):
        raise ValueError(f"{name} must be {expected}, got {seen(value)}")


def _type_name(value):
    return {bool: "a bool", int: "an integer", float: "a number", str: "a string",
            type(None): "null"}.get(type(value), type(value).__name__)


def available_memory():
    """Bytes of physical memory on this machine, or fewer where this process's address space
    is limited (``ulimit -v``): what is left of that limit (None where neither can be read)."""
    memory = _machine_memory()
    try:
        import resource
        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
        with open("/proc/self/statm") as statm:        # the address space in use, in pages
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError, AttributeError):
        return memory
    if soft == resource.RLIM_INFINITY:
        return memory
    return max(soft - used, 0) if memory is None else min(memory, max(soft - used, 0))


def _machine_memory():
    """Bytes of physical memory on this machine (None where it cannot be read)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def _where(limit):
    """The memory a check compared against, said as what it is: the machine's, or the part of
    this process's address-space limit still free."""
    machine = _machine_memory()
    if machine is not None and limit < machine:
        return f"the {_bytes(limit)} left under this process's memory limit (ulimit -v)"
    return f"this machine's {_bytes(limit)}"


def _bytes(n):
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"):
        if n < 1024 or unit == "EiB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.3g} {unit}"
        n /= 1024


def check_memory(what, n_floats, *, itemsize=8, limit=None):
    """Refuse, before allocating, work that needs more than the machine's memory.

    ``n_floats`` is the number of array elements ``what`` needs at once; the
    message gives the size it would take and the memory there is.
    """
    limit = available_memory() if limit is None else limit
    need = float(n_floats) * itemsize
    if limit is not None and need > limit:
        raise ValueError(f"{what} would need {_bytes(need)} of memory at once, more than "
                         f"{_where(limit)}; choose smaller sizes")


def check_family(family, name="family"):
    """A task family object: it draws tasks (``sample``) and names its metric."""
    if isinstance(family, type):                   # Sinusoid, not Sinusoid(): no tasks to draw
        raise TypeError(f"{name} must be a task family instance, e.g. {family.__name__}(), "
                        f"got the class {family.__name__} itself")
    if isinstance(family, str) or not (callable(getattr(family, "sample", None))
                                       and hasattr(family, "metric_name")):
        raise TypeError(f"{name} must be a task family object (e.g. "
                        f"scratchmeta.meta.registry.make_family('sinusoid')), got {seen(family)}")
    for method in ("loss", "metric", "sample_x", "target", "make_batch"):
        value = getattr(family, method, None)     # a property or a number is no method
        if value is not None and not callable(value):
            raise TypeError(f"{name}.{method} must be a method, got {type(value).__name__} "
                            f"{value!r:.40} (a property or a value in its place?)")
    _check_metric_name(family, name)
    for width in ("n_inputs", "n_outputs"):        # what models are sized by: counts
        value = getattr(family, width, None)
        if value is not None and not (isinstance(value, (int, np.integer)) and not isinstance(
                value, (bool, np.bool_, np.timedelta64)) and value >= 1):
            raise TypeError(f"{name}.{width} must be a positive int (the width a model is "
                            f"sized by), got {seen(value)}")
    if callable(getattr(family, "loss", None)):    # a user's loss: one number per task
        check_loss_output(family.loss, np.zeros((1, 1, getattr(family, "n_outputs", 1))),
                          name=f"{name}.loss")


#: The metric names evaluation knows (the families' ``metric_name``): a loss to minimise, or
#: accuracy to maximise; evaluation reads the direction from the name alone.
METRIC_NAMES = ("MSE", "accuracy")


def _check_metric_name(family, name):
    """``family.metric_name`` is one of :data:`METRIC_NAMES`, and a subclass that renames the
    metric also defines the metric: evaluation minimises an MSE and maximises an accuracy,
    so a name that is not the metric's own turns the choice of step sizes upside down."""
    metric_name = getattr(family, "metric_name", None)
    if metric_name not in METRIC_NAMES:
        raise ValueError(f"{name}.metric_name must be one of {list(METRIC_NAMES)} (evaluation "
                         f"minimises an 'MSE' and maximises an 'accuracy'), got "
                         f"{seen(metric_name)}")
    mro = type(family).__mro__
    named_by = next((c for c in mro if "metric_name" in vars(c)), None)
    measured_by = next((c for c in mro if "metric" in vars(c)), None)
    if named_by is None or measured_by is None or named_by is measured_by or not issubclass(
            named_by, measured_by):
        return
    own = getattr(measured_by, "metric_name", None)
    if own in METRIC_NAMES and own != metric_name:
        raise ValueError(f"{type(family).__name__} sets metric_name = {metric_name!r} but keeps "
                         f"{measured_by.__name__}.metric, which measures {own!r}: evaluation "
                         f"would {'minimise' if metric_name == 'MSE' else 'maximise'} it; "
                         f"define metric too, or keep metric_name = {own!r}")


def check_model_fits(model, family, outputs=True):
    """The model's first and last widths are the family's inputs and outputs (its first only,
    without ``outputs``: a strategy's body may end in features for a head, as R2-D2's)."""
    sizes = getattr(model, "sizes", None)
    n_in, n_out = getattr(family, "n_inputs", None), getattr(family, "n_outputs", None)
    if sizes is None or n_in is None or n_out is None:
        return                                     # not an MLP or not a family: no opinion
    if not outputs:
        if sizes[0] != n_in:
            raise ValueError(f"model {model!r} takes {sizes[0]} inputs, but the tasks of family "
                             f"{getattr(family, 'name', family)!r} have {n_in} inputs; "
                             f"expected sizes ({n_in}, ...)")
        return
    if (sizes[0], sizes[-1]) != (n_in, n_out):
        raise ValueError(f"model {model!r} takes {sizes[0]} inputs and gives {sizes[-1]} "
                         f"outputs, but the tasks of family {getattr(family, 'name', family)!r} "
                         f"({type(family).__name__}, with n_inputs = {n_in} and n_outputs = "
                         f"{n_out}) have {n_in} inputs and {n_out} outputs; expected sizes "
                         f"({n_in}, ..., {n_out})")


def check_choice(name, value, choices):
    """One of the names ``choices``, given as a str (a UserString that compares equal is
    refused, as the configs refuse it: a name is text)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {tuple(choices)} (a str), got "
                        f"{type(value).__name__} {value!r:.40}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {seen(value)}")


def check_features(name, value):
    """Features or targets of a head (eq. 22.6): real numbers of shape (points, d) or (tasks,
    points, d), no axis empty, finite (one pass; a Tensor, traced, is not read). Returns
    the shape."""
    shape = check_real(name, value)
    if getattr(ad.stop_gradient(value), "dtype", None) == np.bool_:   # a mask, not features
        raise TypeError(f"{name} must be real numbers, got a boolean array of shape {shape} "
                        f"(pass x.astype(float) if 0 and 1 are meant)")
    if len(shape) not in (2, 3) or 0 in shape:
        raise ValueError(f"{name}{' Phi' if name == 'features' else ''} must have shape "
                         f"(points, d) or (tasks, points, d), no axis empty, got shape {shape}")
    check_finite_arrays(name, value)
    return shape


def check_one_hot_rows(name, y):
    """Every row of one-hot targets ``y`` holds 0s and one 1 (to 1e-3: a perturbed row of a
    finite-difference check passes; soft targets such as 1/3 do not): two passes, after the
    finite check. A Tensor is not read."""
    if isinstance(y, ad.Tensor):
        return
    if not np.all(np.abs(np.sum(y, -1) - 1) < 1e-3):
        bad = int(np.sum(~(np.abs(np.sum(y, -1) - 1) < 1e-3)))
        raise ValueError(f"{name} must be one-hot (each row one 1, the rest 0), got {bad} rows "
                         f"that do not sum to 1 (shape {ad.shape(y)})")
    near = (np.abs(y) < 1e-3) | (np.abs(y - 1) < 1e-3)
    if not np.all(near):
        raise ValueError(f"{name} must be one-hot (each row one 1, the rest 0), got "
                         f"{int(np.sum(~near))} entries that are neither 0 nor 1, the first "
                         f"{float(np.asarray(y)[~near][0])!r} (shape {ad.shape(y)})")


def check_r2d2_inputs(phi_support, y_support, phi_query, scale, offset):
    """R2-D2's logits (``r2d2_logits``): support and query features with the same leading
    axes and width d, one-hot support targets, scale alpha a positive finite scalar, offset
    beta a real scalar or one per class; returns n_way. (lam: ``check_ridge_inputs``.)"""
    s_shape = check_features("phi_support", phi_support)
    y_shape = check_features("y_support", y_support)
    q_shape = check_features("phi_query", phi_query)
    if len(q_shape) != len(s_shape) or q_shape[:-2] != s_shape[:-2] or \
            q_shape[-1:] != s_shape[-1:]:
        raise ValueError(f"phi_query must have shape {s_shape[:-2] + ('points', s_shape[-1])} "
                         f"to match phi_support of shape {s_shape}, got shape {q_shape}")
    if len(y_shape) != len(s_shape) or y_shape[:-1] != s_shape[:-1] or y_shape[-1] < 2:
        raise ValueError(f"y_support must be one-hot of shape {s_shape[:-1] + ('n_way >= 2',)} "
                         f"to match phi_support of shape {s_shape}, got shape {y_shape}")
    check_one_hot_rows("y_support", y_support)
    check_positive_scalar("scale", scale)
    check_scalar("offset", offset)
    if np.shape(ad.stop_gradient(offset)) not in ((), (y_shape[-1],)):
        raise ValueError(f"offset must be a scalar or have shape ({y_shape[-1]},), got shape "
                         f"{np.shape(ad.stop_gradient(offset))}")
    check_finite_arrays("offset", offset)
    return y_shape[-1]


def check_head_inputs(params, *, batch=False, tasks=False, **features):
    """A closed-form head strategy's methods (R2-D2's, the Newton head's ``head_params``,
    ``query_logits``, ``meta_loss``): ``params`` its parameters, a dict with the keys
    'body' and 'log_lam' (``state['params']``), then a batch of tasks or the named
    features (phi_support, y_support, phi_query) as :func:`check_features` wants them
    (with ``tasks``, each with its leading task axis: (tasks, points, d)); y_support, if
    given with phi_support, one row per row of phi_support."""
    if not (isinstance(params, dict) and {"body", "log_lam"} <= set(params)):
        raise TypeError(f"params must be the head strategy's parameters, a dict with the keys "
                        f"'body' and 'log_lam' (state['params']), got {seen(params, 100)}")
    if batch is not False:
        check_batch(batch)
    shapes = {name: check_features(name, value) for name, value in features.items()}
    for name, shape in shapes.items():
        if tasks and len(shape) != 3:
            raise ValueError(f"{name} must have shape (tasks, points, d), one set of features "
                             f"per task, got shape {shape}")
    if {"phi_support", "y_support"} <= set(shapes):
        s_shape, y_shape = shapes["phi_support"], shapes["y_support"]
        if len(s_shape) != len(y_shape) or s_shape[:-1] != y_shape[:-1]:
            raise ValueError(f"phi_support of shape {s_shape} and y_support of shape {y_shape} "
                             f"do not match: y_support must have shape "
                             f"{s_shape[:-1] + ('classes',)}, one row per row of phi_support")


def check_positive_scalar(name, value):
    """One positive finite real number (or a 0-d array or Tensor of one, e.g. a learned lam)."""
    check_scalar(name, value)
    if np.shape(ad.stop_gradient(value)) != ():
        raise ValueError(f"{name} must be a scalar, got shape {np.shape(ad.stop_gradient(value))}"
                         f": {value!r}"[:300])
    check_scalar(name, value, positive=True)


def check_closed_form(body_params, batch, model, lam, scale, loss):
    """``closed_form_meta_loss``: the body's parameters and a batch of tasks that fits the
    model (finite, unless traced: inside a gradient, from an update that checked them), lam
    and the output scale positive finite scalars, a loss function."""
    check_callable("loss", loss, "scratchmeta.tasks.mse")
    check_model(model)
    check_positive_scalar("lam", lam)
    check_positive_scalar("scale", scale)
    traced = isinstance(body_params, (list, tuple)) and any(
        isinstance(p, ad.Tensor) for p in body_params)
    check_batch(batch, model=model, finite=not traced)
    check_mlp_input(model, body_params, batch.x_support, layers=range(len(model.sizes) - 2),
                    name="body_params", x_name="batch.x_support")
    if not traced:                                 # a user's loss, probed once
        check_loss_output(loss, batch.y_query, per_task=False)


def check_ridge_inputs(features, targets, lam, *, one_hot=False,
                       lam_role="it keeps Phi^T Phi + lam I invertible",
                       names=("features", "targets")):
    """Features Phi (points, d) or (tasks, points, d), matching targets, and a scalar lam > 0;
    returns the features' shape.

    With ``one_hot`` the targets are class indicators (at least two classes), as for
    the softmax head of section 1.4.3; ``lam_role`` says in the error what lam is for;
    ``names`` are the caller's names of the two arrays (``ridge_fit`` calls them
    features and y).
    """
    fname, tname = names
    fshape = check_features(fname, features)
    tshape = check_features(tname, targets)
    if (len(tshape) != len(fshape) or tshape[:-1] != fshape[:-1]
            or (one_hot and tshape[-1] < 2)):
        what = (f"be one-hot of shape {fshape[:-1] + ('classes >= 2',)}" if one_hot
                else f"have shape {fshape[:-1] + ('outputs',)}")
        raise ValueError(f"{tname} must {what} to match {fname} of shape {fshape}, "
                         f"got shape {tshape}")
    if one_hot:
        check_one_hot_row("the ridge/softmax head", tname, targets)
        check_one_hot_rows(tname, targets)
    check_scalar("lam", lam)
    if not fits_float64(lam):
        raise ValueError(f"lam must be a number a float64 can hold, got {seen(lam)}, which float64 "
                         f"would round to {'0' if abs(lam) < 1 else 'inf'}")
    lam_value = np.asarray(ad.stop_gradient(lam), dtype=float)
    if lam_value.shape != ():
        raise ValueError(f"lam must be a scalar, got an array of shape {lam_value.shape}: "
                         f"{seen(lam, 60)}")
    if not (lam_value > 0 and np.isfinite(lam_value)):          # also rejects NaN
        raise ValueError(f"lam must be positive and finite ({lam_role}), "
                         f"got {float(lam_value)!r}")
    return fshape


# --- the learner, its parameters and its inputs -----------------------------------------------

def check_rng(name, rng):
    """A numpy.random.Generator, the one kind of random source the package draws from."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"{name} must be a numpy.random.Generator (e.g. "
                        f"np.random.default_rng(0)), got {seen(rng)}")


def check_sizes(sizes):
    """A network's layer widths (``MLP``, ``batchnorm.finn_init``): at least two positive
    integers; returns them as a tuple."""
    if isinstance(sizes, (str, bytes)) or not np.iterable(sizes):
        raise TypeError(f"sizes must be a sequence of layer widths, e.g. (1, 40, 40, 1), "
                        f"got {seen(sizes)}")
    sizes = tuple(sizes)
    if len(sizes) < 2 or not all(is_integer(n) and 0 < n <= INT64_MAX for n in sizes):
        raise ValueError(f"sizes must be at least two positive integers (each < 2**63; no "
                         f"wider layer fits in memory), got {seen(sizes)}"[:300])
    return sizes


def check_mlp(sizes, activation, batch_norm, dtype, activations):
    """``MLP``'s constructor arguments; returns (sizes as a tuple, dtype as a numpy dtype)."""
    sizes = check_sizes(sizes)
    if not isinstance(activation, str) or activation not in activations:
        raise ValueError(f"activation must be one of {sorted(activations)}, got {seen(activation)}")
    if not isinstance(batch_norm, bool):
        raise TypeError(f"batch_norm must be True or False, got {seen(batch_norm)}")
    try:                                           # (np.dtype(None) is float64: refused)
        ok = dtype is not None and np.dtype(dtype) in (np.float64, np.float32) and not \
            isinstance(dtype, (np.finfo, np.iinfo, np.generic, np.ndarray))  # a finfo, a value:
                                                   # np.dtype reads its dtype, it is no type
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise TypeError(f"dtype must be 'float64' or 'float32' (the parameters' type), "
                        f"got {seen(dtype)}")
    check_memory(f"the parameters of MLP(sizes={sizes})",
                 sum(float(a) * b + b for a, b in zip(sizes[:-1], sizes[1:])))
    return sizes, np.dtype(dtype)


def check_mlp_init(model, rng):
    """``MLP.init``: a Generator, and parameters that fit in memory (refused before drawing)."""
    check_rng("rng", rng)
    sizes = model.sizes
    check_memory(f"the parameters of {model!r}",
                 sum(float(a) * b + b for a, b in zip(sizes[:-1], sizes[1:])))


def check_mlp_input(model, params, x, *, layers=None, name="params", x_name="x", scan_x=True):
    """A network's parameters and inputs (``MLP.apply``, ``body``, ``head``).

    ``params``: the [W, b] of each of the model's ``layers`` (layer indices; default all),
    W (fan_in, fan_out) and b (fan_out,), or with a leading task axis as ``per_task`` makes
    them; ``x``: real numbers (points, width) or (tasks, points, width), no axis empty, as
    wide as the first of those layers. Inside a gradient (a parameter is a Tensor being
    traced) only the count and x's shape are checked, O(1): the entry point that started
    the trace checked the rest. Outside one, every shape, and every entry (finite), but
    x's only with ``scan_x`` (the head's features are the body's output: an overflow there
    is the forward pass's, reported as data, not a bad argument).
    """
    sizes = model.sizes
    layers = range(len(sizes) - 1) if layers is None else layers
    if not isinstance(params, (list, tuple)) or len(params) != 2 * len(layers):
        what = ("network's" if len(layers) == len(sizes) - 1 else
                "body" if not len(layers) or layers[0] == 0 else "head's")
        raise (ValueError if isinstance(params, (list, tuple)) else TypeError)(
            f"{name} must be a list of {2 * len(layers)} arrays (expected: the {what} "
            f"parameters [W1, b1, ...] for sizes {sizes}), got "
            + (f"{len(params)}" if isinstance(params, (list, tuple)) else "None" if params is None
               else f"a {type(params).__name__}: {params!r}")[:200])
    if type(x) is not np.ndarray:                  # (a plain array, the usual x: no test)
        check_unmasked(x_name, x)
        if isinstance(x, tuple) and hasattr(x, "_fields"):    # NumPy would stack the fields
            raise TypeError(ad_checks.record_message(x_name, x))
    dtype = array_dtype(x)
    if not isinstance(dtype, np.dtype):
        try:
            dtype = np.asarray(x).dtype
        except (TypeError, ValueError):             # a ragged list
            dtype = np.dtype(object)
    shape = ad.shape(x) if dtype.kind != "O" or hasattr(x, "shape") else ()
    if dtype.kind not in "biuf":
        raise TypeError(f"{x_name} must hold real numbers, got an array of dtype {dtype}"
                        + (" (complex numbers)" if dtype.kind == "c" else "")
                        + f" and shape {shape}: {x!r:.100}")
    first = layers[0] if len(layers) else len(sizes) - 1     # (a body of no layer: any width)
    width = sizes[first] if len(layers) else "width"
    if len(shape) not in (2, 3) or 0 in shape or (len(layers) and shape[-1] != width):
        kind = "" if isinstance(x, (np.ndarray, ad.Tensor)) else f" (a {type(x).__name__})"
        raise ValueError(f"{x_name} must have shape (points, {width}) or (tasks, points, {width})"
                         f" ({width} features: the input of layer {first + 1} of sizes {sizes}),"
                         f" no axis empty, got shape {shape}{kind}")
    if ad.Tensor in map(type, params):
        return                                     # traced: its entry point checked the rest
    want = [s for l in layers for s in ((sizes[l], sizes[l + 1]), (sizes[l + 1],))]
    tasks = shape[0] if len(shape) == 3 else None
    for i, (p, w) in enumerate(zip(params, want)):
        s = ad.shape(p) if hasattr(p, "shape") else np.shape(p)
        if not (s == w or (tasks is not None and s[:1] == (tasks,)
                           and (s[1:] == w or (len(w) == 1 and s[1:] == (1,) + w)))):
            raise ValueError(f"{name}[{i}] has shape {s}, expected {w}"
                             + (f" or ({tasks}, *{w}) (one copy per task)" if tasks else "")
                             + f": {name} do not fit {model!r}")
    check_finite_arrays(name, params)
    if scan_x:
        check_finite_arrays(x_name, x)


def all_finite(arrays):
    """Whether every entry of every array of ``arrays`` (real numbers) is finite. Small
    arrays are joined and read in one pass, about 4 us for a sinusoid network's six
    parameters against 1.7 us an array one at a time (their cost is the call, not the
    entries); large ones are read one at a time, not copied. Of ``per_task``'s broadcast
    copies (a leading axis of stride 0) one copy is read, since it holds every value."""
    arrays = [_one_copy(a) for a in arrays]
    if sum(a.size for a in arrays) > 65536:
        return all(bool(np.isfinite(a).all()) for a in arrays)
    return bool(np.isfinite(np.concatenate(arrays, axis=None)).all()) if arrays else True


def _one_copy(a):
    """``a`` as an array, with its broadcast leading axes (stride 0) cut to one copy."""
    a = a if type(a) is np.ndarray else np.asarray(a)
    while a.ndim and a.strides[0] == 0 and a.shape[0]:
        a = a[0]
    return a


def check_finite_arrays(name, value):
    """Every entry of ``value`` is finite: an array, or a list (or tuple, dict) of arrays such
    as parameters, whose entries are named ``name[i]`` (``name['key']``). One pass of
    np.isfinite per array. A Tensor is a value being traced inside a gradient: the entry
    point that started the trace checked it, so it is not read again."""
    if isinstance(value, (list, tuple)) and all(
            type(v) is np.ndarray and v.dtype.kind == "f" for v in value) and all_finite(value):
        return                                     # the common case, in one pass
    if isinstance(value, (list, tuple, dict)):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, v in items:
            if type(v) is np.ndarray and v.dtype.kind == "f" and v.strides[:1] != (0,) \
                    and np.isfinite(v).all():
                continue                           # the common case, without a name made
            check_finite_arrays(f"{name}[{key!r}]", v)
        return
    if isinstance(value, ad.Tensor):
        return
    a = _one_copy(value if isinstance(value, np.ndarray) else np.asarray(value))
    if a.dtype.kind in "fc" and not np.isfinite(a).all():
        bad = int(a.size - np.count_nonzero(np.isfinite(a)))
        raise ValueError(f"{name} must be finite, got {bad} NaN or inf entries "
                         f"(of {a.size}, shape {a.shape}; the first is "
                         f"{a.flat[np.argmin(np.isfinite(a).ravel())].item()!r})")


def check_params(name, params, *, minimum=1, pairs=False, head=False):
    """A parameter list: a list or tuple of at least ``minimum`` numeric arrays.

    ``pairs``: layers' [W, b] pairs, so an even count; ``head``: exactly the
    last layer's [W, b] (``MLP.head``).
    """
    if isinstance(params, tuple) and hasattr(params, "_fields") and not all(
            isinstance(p, (np.ndarray, ad.Tensor)) for p in params):    # a record, not a tree
        raise TypeError(f"{name} must be a list of parameter arrays (e.g. MLP.init's [W1, b1, "
                        f"...]), got a {type(params).__name__} record (fields "
                        f"{', '.join(params._fields):.80}); pass the parameters it holds")
    if not isinstance(params, (list, tuple)) or len(params) < minimum:
        got = (f"{params!r:.120} (a {type(params).__name__} of {len(params)})"
               if isinstance(params, (list, tuple)) else f"{type(params).__name__} {params!r:.200}")
        raise TypeError(f"{name} must be a list of at least {minimum} parameter arrays "
                        f"(e.g. MLP.init's [W1, b1, ...]), got {got}")
    if head and len(params) != 2:
        raise ValueError(f"{name} must be the head's parameters [W, b] (2 arrays), "
                         f"got {len(params)}")
    if pairs and len(params) % 2:
        raise ValueError(f"{name} must be layers' pairs [W1, b1, W2, b2, ...] (an even "
                         f"count), got {len(params)} arrays")


def check_shape(name, value, axes):
    """An array with one axis per name in ``axes``; returns its shape. An array that is not
    of numbers (objects, text) is refused by its dtype first (:func:`check_real`)."""
    try:
        dtype = getattr(ad.stop_gradient(value), "dtype", None)
    except TypeError:               # no value the engine holds: said with this argument's name
        check_real(name, value)
        raise
    if isinstance(dtype, np.dtype) and dtype.kind not in "biuf":
        check_real(name, value)
    shape = ad.shape(value)
    if len(shape) != len(axes):
        raise ValueError(f"{name} must have shape ({', '.join(axes)}), got shape {shape}")
    return shape


def check_rows(name, rows):
    """A table's rows: a list (or tuple) of dicts."""
    if not (isinstance(rows, (list, tuple)) and all(isinstance(r, dict) for r in rows)):
        raise TypeError(f"{name} must be a list of dicts (one per row, keys = columns), "
                        f"got {seen(rows)}"[:300])


def check_params_fit(model, params, name="params", *, finite=True):
    """Parameters ``[W1, b1, ...]`` of the shapes ``model`` gives them (an MLP's sizes),
    real numbers; with ``finite``, every entry finite (Tensors, traced, are not read)."""
    check_params(name, params, minimum=2)
    sizes = getattr(model, "sizes", None)
    traced = ad.Tensor in map(type, params)
    if sizes is not None:
        want = [s for a, b in zip(sizes[:-1], sizes[1:]) for s in ((a, b), (b,))]
        got = [_shape_of(p) for p in params]
        if got != want:
            i = next((i for i, (g, w) in enumerate(zip(got, want)) if g != w),
                     min(len(got), len(want)))
            raise ValueError(f"{name} do not fit {model!r}: {name}[{i}] has shape "
                             f"{got[i] if i < len(got) else 'none'}, expected "
                             f"{want[i] if i < len(want) else 'none'} ({len(want)} arrays of "
                             f"shapes {want}, got {len(got)})"[:400])
    if not traced:                                 # (traced: its entry point checked them)
        check_arrays(name, params, finite=finite)


def check_arrays(name, params, *, ndims=None, finite=True):
    """A list (or tuple) of at least one array of real numbers, e.g. parameters, each with
    one of the numbers of dimensions ``ndims`` (default any); with ``finite`` (the default),
    every entry finite (one pass an array; Tensors, being traced, are not read)."""
    check_params(name, params)
    for i, p in enumerate(params):
        if isinstance(p, ad.Tensor):
            continue                               # traced: its entry point checked it
        check_unmasked(f"{name}[{i}]", p)
        dtype = p.dtype if isinstance(getattr(p, "dtype", None), np.dtype) else _dtype_of(p)
        if dtype.kind not in "biuf":
            raise TypeError(f"{name}[{i}] must be an array of real numbers, got dtype {dtype}: "
                            f"{p!r}"[:300])
        if ndims is not None and len(ad.shape(p)) not in ndims:
            raise ValueError(f"{name}[{i}] must be an array of "
                             f"{' or '.join(map(str, ndims))} dimensions, got shape "
                             f"{ad.shape(p)}")
    if finite:
        check_finite_arrays(name, params)


def check_layers(name, params):
    """Layers' pairs [W1, b1, W2, b2, ...] that chain: W (fan_in, fan_out) and b (fan_out,),
    each layer's fan_in the previous fan_out (a leading task axis allowed); real and finite.
    No model is needed to see a transposed or missing matrix."""
    check_params(name, params, minimum=2, pairs=True)
    check_arrays(name, params)
    fan = None
    for i in range(0, len(params), 2):
        w, b = ad.shape(params[i]), ad.shape(params[i + 1])
        if len(w) < 2 or not b or b[-1] != w[-1] or (fan is not None and w[-2] != fan):
            raise ValueError(f"{name} must be layers' pairs [W, b] with W (fan_in, fan_out), "
                             f"b (fan_out,) and each fan_in the previous fan_out, got "
                             f"{name}[{i}] of shape {w} and {name}[{i + 1}] of shape {b}"
                             + (f" after a layer of fan_out {fan}" if fan is not None else ""))
        fan = w[-1]


KIND_NAMES = {"i": "integers", "u": "unsigned integers", "b": "booleans", "c": "complex numbers",
              "O": "objects", "U": "text", "S": "bytes", "M": "datetimes", "m": "timedeltas"}


def _shape_of(value):
    """``ad.shape``, or 'ragged' for a list NumPy cannot make an array of."""
    try:
        return ad.shape(value)
    except ValueError:
        return "ragged"


def _dtype_of(value):
    try:
        return np.asarray(value).dtype
    except (TypeError, ValueError):                 # a ragged list
        return np.dtype(object)


def check_same_length(name, value, other_name, other):
    """Two lists that go together entry by entry (e.g. theta_T and theta0) are as long."""
    if len(value) != len(other):
        raise ValueError(f"{name} must hold one array per entry of {other_name}: "
                         f"{len(other)} expected, got {len(value)}")


def check_task_copies(name, copies, params_name, params):
    """One entry of ``copies`` per parameter of ``params`` (both lists of real, finite
    arrays), ``copies[i]`` of shape (tasks, *params[i].shape), as many tasks in each: every
    task's own copy of the parameters, e.g. Reptile's theta_T beside theta0."""
    check_arrays(params_name, params)
    check_arrays(name, copies)
    check_same_length(name, copies, params_name, params)
    tasks = ad.shape(copies[0])[:1]
    for i, (c, p) in enumerate(zip(copies, params)):
        if ad.shape(c) != tasks + ad.shape(p) or not tasks:
            want = ", ".join(["tasks"] + [str(n) for n in ad.shape(p)])
            raise ValueError(f"{name}[{i}] must have shape ({want}), one copy of "
                             f"{params_name}[{i}] per task, the same number of tasks in each "
                             f"entry, got shape {ad.shape(c)}")


def check_grid(name, values, kind):
    """A grid of ``exploding``'s figure as a list: its Ks (``kind`` "K": integers >= 0, and
    True is no K) or its inner_lrs ("lr": finite real numbers >= 0)."""
    values = check_sequence(name, values, "[0.01, 0.1]" if kind == "lr" else "[1, 5]")
    for i, v in enumerate(values):
        if not ((is_integer(v) if kind == "K" else is_real(v) and np.isfinite(v)) and v >= 0):
            what = "integers" if kind == "K" else "finite numbers"
            raise (ValueError if is_real(v) else TypeError)(
                f"{name} must hold non-negative {what}, got {seen(v)} at {name}[{i}]"[:300])
    return [int(v) for v in values] if kind == "K" else [float(v) for v in values]


def check_sequence(name, value, example):
    """A non-empty list (or other collection) of values, e.g. a grid; returns it as a list.
    A generator or other one-shot iterator is refused: it would be used up by one pass."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise TypeError(f"{name} must be a sequence of values, e.g. {example}, got {seen(value)}")
    if iter(value) is value:
        raise TypeError(f"{name} must be a list of values, e.g. {example}, got a "
                        f"{type(value).__name__} (a one-shot iterator): pass list(...) of it")
    if isinstance(value, (set, frozenset, dict)):       # no order, or keys for values
        raise TypeError(f"{name} must be a list of values in order, e.g. {example}, got a "
                        f"{type(value).__name__} {value!r:.60}")
    if not list(value):
        raise ValueError(f"{name} must be a non-empty sequence, e.g. {example}, got {seen(value)}")
    return list(value)


def check_flag(name, value):
    """True or False (a bool or NumPy bool): a word such as "yes" would count as True."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {seen(value)}")


def check_callable(name, value, example):
    """A function the library will call (a loss, a network's apply); a class is refused by
    name: calling it would build an object from the arguments meant for the function."""
    if not callable(value):
        raise TypeError(f"{name} must be a function, e.g. {example}, got {seen(value)}")
    if isinstance(value, type):
        raise TypeError(f"{name} must be a function, e.g. {example}, got the class "
                        f"{value.__name__} itself")
    if asynchronous(name, value):
        raise TypeError(asynchronous(name, value))
    if name == "loss" and getattr(value, "__module__", None) == "scratchmeta.tasks" and \
            getattr(value, "__name__", None) == "accuracy":    # a metric: no gradient
        raise TypeError("loss must be a differentiable loss, e.g. scratchmeta.tasks.mse or "
                        "tasks.cross_entropy, got tasks.accuracy, a metric: a count of hits, "
                        "whose gradient is zero everywhere (it is what evaluate reports)")


def check_sgd(inner_lr, loss, trainable=None, params=None):
    """Test-time SGD's settings (eq. 22.4): a finite inner_lr >= 0, a loss function, and
    (with ``params``) ``trainable`` indices into that parameter list."""
    check_rate("inner_lr", inner_lr, allow_zero=True)
    check_callable("loss", loss, "scratchmeta.tasks.mse")
    check_trainable(trainable, params)


def check_sgd_path(theta, batch, model, inner_lr, loss, trainable, stop_on_divergence):
    """``adapt.sgd_path``'s arguments, checked before the generator is made: the settings of
    test-time SGD (a loss of one number per task), a batch of tasks of finite data that fits
    ``model``, and ``theta`` real finite arrays, each of the model's shape for it with a
    leading task axis, or without one if SGD does not move it (not in ``trainable``)."""
    check_sgd(inner_lr, loss, trainable, theta if isinstance(theta, (list, tuple)) else None)
    if not isinstance(stop_on_divergence, (bool, np.bool_)):
        raise TypeError(f"stop_on_divergence must be True or False, got {seen(stop_on_divergence)}")
    check_network(model)
    n_tasks = check_batch(batch, model=model, finite=True)[0]
    check_arrays("theta", theta)
    if hasattr(model, "sizes"):                    # an MLP (else: a model of its own layout)
        check_mlp_input(model, theta, batch.x_support, name="theta",
                        x_name="batch.x_support")
        check_moving_per_task(theta, n_tasks, trainable)
    check_trainable(trainable, theta)
    check_loss_output(loss, batch.y_support)


def check_theta0(params, batch, model):
    """Test-time SGD from one theta0 = ``params`` (``adapt.from_theta0``): parameters of the
    model's shapes, finite, and a batch of tasks that fits it; returns its number of tasks."""
    n_tasks = check_batch(batch, model=model)[0]
    check_params_fit(model, params)
    return n_tasks


def check_scalar(name, value, *, positive=False):
    """A real number (or an array or Tensor of real numbers, e.g. a learned lam): no word, no
    None, no complex number, no masked value; with ``positive``, finite and > 0. O(1)."""
    check_unmasked(name, value)                    # np.ma.masked reads as 0.0 otherwise
    dtype = array_dtype(value)
    if dtype is None and isinstance(value, (list, tuple)):
        try:
            dtype = np.asarray(value).dtype
        except (TypeError, ValueError):             # a ragged list
            dtype = np.dtype(object)
    if dtype is None:
        ok = is_real(value)
    else:
        ok = np.dtype(dtype).kind in "iuf"          # an array's shape is its caller's to check
    if not ok:
        raise TypeError(f"{name} must be a real number, got {seen(value)}"[:300])
    if positive and not (np.isfinite(ad.stop_gradient(value)) and ad.stop_gradient(value) > 0):
        raise ValueError(f"{name} must be a positive finite number, got {seen(value)}"[:300])


BATCH_PARTS = ("x_support", "y_support", "x_query", "y_query")


def check_batch(batch, name="batch", *, model=None, family=None, finite=False):
    """A batch of tasks: support and query sets (a TaskBatch from family.sample); returns the
    shape of its ``x_support``.

    Each of its four parts is an array of real numbers of shape (tasks, points, width),
    all four with the same number of tasks (at least one), x and y of a set with as many
    points. With ``model`` (an MLP) its inputs must be as wide as the model's first layer,
    with ``family`` its targets as wide as the family's outputs: a batch of another family
    is refused by name before any work. Dtypes and shapes are compared, and one task's support
    set with the next (a batch of one task repeated is refused); with ``finite`` every entry
    is checked to be finite too (one pass).
    """
    if not all(hasattr(batch, part) for part in BATCH_PARTS):
        raise TypeError(f"{name} must be a batch of tasks (a TaskBatch, e.g. from "
                        f"family.sample(rng, n_tasks, n_support, n_query)), got "
                        f"{batch!r:.200} (a {type(batch).__name__})")
    n_in = getattr(model, "sizes", (None,))[0]
    n_out = getattr(family, "n_outputs", None)
    shapes = []
    for part, width in zip(BATCH_PARTS, (n_in, n_out, n_in, n_out)):
        data = getattr(batch, part)
        if type(data) is not np.ndarray:
            check_unmasked(f"{name}.{part}", data)
        dtype = getattr(data, "dtype", None)
        kind = dtype.kind if isinstance(dtype, np.dtype) else np.asarray(data).dtype.kind
        shape = ad.shape(data)
        if kind not in "biuf":
            raise TypeError(f"{name}.{part} must be an array of real numbers, got dtype "
                            f"{dtype if dtype is not None else np.asarray(data).dtype} "
                            f"(shape {shape})")
        if len(shape) != 3:
            raise ValueError(f"{name}.{part} must have shape (tasks, points, width), got "
                             f"shape {shape}")
        if width is not None and shape[-1] != width:
            fits = (f"the inputs of the model {model!r}" if part[0] == "x" else
                    f"the outputs of the family {getattr(family, 'name', family)!r}")
            raise ValueError(f"{name} does not fit the strategy: {name}.{part} has shape "
                             f"{shape}, expected (tasks, points, {width}) to match {fits}")
        shapes.append(shape)
    if finite and not all_finite([getattr(batch, part) for part in BATCH_PARTS]):  # one pass
        part, a = next((part, np.asarray(getattr(batch, part))) for part in BATCH_PARTS
                       if not np.isfinite(getattr(batch, part)).all())
        raise ValueError(f"{name}.{part} must hold finite numbers, got "
                         f"{int(np.sum(~np.isfinite(a)))} NaN or inf entries ("
                         f"{first_not_finite(f'{name}.{part}', a)})")
    xs, ys, xq, yq = shapes
    if xs[0] < 1 or not xs[0] == ys[0] == xq[0] == yq[0] or xs[1] != ys[1] or xq[1] != yq[1]:
        raise ValueError(f"{name} must hold at least one task, with the same number of tasks "
                         f"in its four parts and as many x as y points in each set, got "
                         f"shapes x_support {xs}, y_support {ys}, x_query {xq}, y_query {yq}")
    _check_tasks_differ(batch, name)
    return xs


def _check_tasks_differ(batch, name):
    """A batch of several tasks is not one task repeated (np.repeat, np.broadcast_to, a
    family that hands back one draw): the meta-gradient would average one task's gradient
    and call it a batch's; nor a batch whose support sets are each one point repeated. Task
    0's support set is compared with task 1's, and with itself, and only if they are equal
    with the rest: one task's entries read, for a batch of distinct tasks."""
    x, y = batch.x_support, batch.y_support
    if type(x) is not np.ndarray or type(y) is not np.ndarray or x.size == 0:
        return
    if x.shape[1] > 1 and np.array_equal(x[0], np.broadcast_to(x[0, :1], x[0].shape)) and \
            np.array_equal(x, np.broadcast_to(x[:, :1], x.shape)):    # task 0 first, then all
        raise ValueError(f"{name}'s support sets are each one point repeated: every task's "
                         f"{x.shape[1]} x_support points are equal, so adaptation sees one "
                         f"point; the family's sample_x must draw each point (rng.uniform(lo, "
                         f"hi, (tasks, points, width)), not one per task)")
    if x.shape[0] < 2:
        return
    if not (np.array_equal(x[0], x[1]) and np.array_equal(y[0], y[1])):
        return
    if np.array_equal(x, np.broadcast_to(x[:1], x.shape)) and np.array_equal(
            y, np.broadcast_to(y[:1], y.shape)):
        raise ValueError(f"{name} holds one task repeated: its {x.shape[0]} tasks have the same "
                         f"support set (x_support and y_support equal in every task), so a "
                         f"meta-step would average one task's gradient; draw the tasks "
                         f"independently (family.sample(rng, n_tasks, ...)), not np.repeat or "
                         f"np.broadcast_to of one")


# What each key of a strategy's state holds, in every strategy of the package: a parameter
# list, or a dict with these keys. ``params`` is a list for MAML and its kin and a dict for
# the closed-form heads; each strategy says which (``check_state``'s ``params``).
STATE_LAYOUTS = {"body": list, "heads": list, "adam": ("t", "m", "v"),
                 "heads_adam": ("t", "m", "v"), list: list, dict: ("body", "log_lam")}


def check_state(state, keys=("params",), model=None, *, params=None):
    """A strategy's state (from ``init_state``): a dict holding ``keys``, each of the layout
    of :data:`STATE_LAYOUTS` (``state['params']``: a list with ``params=list``, a closed-form
    head's dict {'body', 'log_lam', ...} with ``params=dict``), so that the state of another
    strategy is refused by name before anything is traced; with ``model`` (an MLP), its
    parameter list (``state['params']``, or the body, ``state['body']`` or
    ``state['params']['body']``) has the shapes the model gives them. O(1) a parameter.
    Returns ``state``."""
    if not isinstance(state, dict) or not set(keys) <= set(state):
        missing = sorted(set(keys) - set(state)) if isinstance(state, dict) else list(keys)
        raise TypeError(f"state must be the strategy's state, a dict with the keys "
                        f"{list(keys)} (from init_state), got "
                        f"{f'one without {missing}: ' if isinstance(state, dict) else ''}"
                        f"{state!r}"[:300])
    for key in keys:
        layout = STATE_LAYOUTS.get(params if key == "params" else key)
        value = state[key]
        if layout is None or (isinstance(value, (list, tuple)) if layout is list else
                              isinstance(value, dict) and set(layout) <= set(value)):
            continue
        want = ("a list of parameter arrays [W1, b1, ...]" if layout is list else
                f"a dict with the keys {list(layout)}")
        got = (f"a dict with the keys {sorted(map(str, value))}" if isinstance(value, dict)
               else f"{_type_name(value)} {value!r:.80}")
        raise TypeError(f"state['{key}'] must be {want} (this strategy's state, from its "
                        f"init_state), got {got}: is state the state of another strategy?")
    sizes = getattr(model, "sizes", None)
    found = state.get("params", state.get("body"))
    key = "params" if "params" in state else "body"
    if isinstance(found, dict):
        found, key = found.get("body"), "params']['body"
    if sizes is None or not isinstance(found, (list, tuple)):
        return state
    want = [s for a, b in zip(sizes[:-1], sizes[1:]) for s in ((a, b), (b,))]
    got = [getattr(p, "shape", None) for p in found]
    if got != want and got != want[:-2]:
        raise ValueError(f"state['{key}'] does not fit the model {model!r}: its arrays have "
                         f"shapes {got}, expected {want} (or the body's {want[:-2]})"[:400])
    return state


def state_lam(state):
    """lam = exp(log lam) of a closed-form head's state (``state['params']['log_lam']``, eq.
    22.6), checked: one real finite number (a NaN log lam would give a NaN lam, silently).
    A few scalar operations: it is read on every update, for the guard's advice."""
    log_lam = check_state(state, params=dict)["params"]["log_lam"]
    value = getattr(log_lam, "value", log_lam)
    dtype = array_dtype(value)
    ok = (dtype.kind in "iuf" and value.size == 1 if isinstance(dtype, np.dtype) else
          isinstance(value, (int, float)) and not isinstance(value, bool))
    if ok:
        value = float(value.reshape(())) if dtype is not None else float(value)
    if not ok or not math.isfinite(value):
        raise ValueError(f"state['params']['log_lam'] must be one finite real number (lam = "
                         f"exp(log_lam), the ridge penalty of eq. 22.6), got {seen(log_lam, 100)}")
    lam = math.exp(value) if value < 709.0 else math.inf
    if not 0.0 < lam < math.inf:
        raise ValueError(f"state['params']['log_lam'] = {value!r} gives lam = exp(log_lam) = "
                         f"{lam!r}, not a positive finite ridge penalty (eq. 22.6)")
    return lam


def check_sample_batch(rng, state, keys):
    """A strategy's ``sample_batch(rng, state)`` that reads its state (multitask's pool of
    tasks): a Generator and a state holding ``keys``. O(1)."""
    check_rng("rng", rng)
    check_state(state, keys)


def check_meta_grad(strategy, params, rng):
    """A strategy's ``meta_grad(params, batch, rng)``: ``params`` is theta0, the list of
    parameter arrays (``state['params']``), not the state itself, and ``rng`` a Generator.
    O(1): ``update`` checked the batch and the values, and the traced meta-loss reads no
    data. Returns the strategy's configuration."""
    check_rng("rng", rng)
    if not isinstance(params, (list, tuple)):
        got = (f"a dict with the keys {sorted(map(str, params))}" if isinstance(params, dict)
               else f"{_type_name(params)} {params!r:.80}")
        raise TypeError(f"params must be theta0, the list of parameter arrays [W1, b1, ...] "
                        f"(state['params']), got {got}")
    for i, p in enumerate(params):                 # dtypes only: no entry is read
        if not (type(p) is np.ndarray and p.dtype.kind == "f"):
            check_unmasked(f"params[{i}]", p)
            kind = _dtype_of(ad.stop_gradient(p) if isinstance(p, ad.Tensor) else p).kind
            if kind != "f":
                raise TypeError(f"params[{i}] must be an array of floats (theta0 is "
                                f"differentiated), got {KIND_NAMES.get(kind, 'an array')} of "
                                f"shape {_shape_of(p)}: {p!r:.80}")
    return strategy.config


def check_maml_config(config):
    """MAML's configuration (and its variants'): the settings of eq. 22.4, a positive
    meta_lr and the three counts of a meta-batch."""
    check_inner(config.inner_lr, config.inner_steps)
    check_fields(config, rates=("meta_lr",), counts=("meta_batch", "n_support", "n_query"))


def check_schedule_step(step, n_steps):
    """A meta-step ``step`` >= 0 of an annealed schedule (eq. 22.5) over ``n_steps`` steps
    (None: no schedule, any step): 0 <= step < n_steps, so the outer step stays positive."""
    check_count("step", step, 0)
    if n_steps is not None and not step < n_steps:
        raise ValueError(f"step {step} is outside the annealing schedule "
                         f"0 <= t < n_steps = {n_steps}: the outer step "
                         f"meta_lr * (1 - t / n_steps) would not be positive. Pass the "
                         f"total number of meta-steps as n_steps.")


def check_classifier_family(what, family):
    """A strategy whose head is a classifier (R2-D2's, the Newton head's: fitted to one-hot
    targets) needs a family with the cross-entropy loss; a regression family is refused."""
    from scratchmeta.tasks import cross_entropy          # (tasks imports this module)
    if getattr(family, "loss", None) is not cross_entropy:
        loss = getattr(getattr(family, "loss", None), "__name__", None)
        raise ValueError(f"{what} fits a classifier, so the family must have the cross-entropy "
                         f"loss; got the family {getattr(family, 'name', None)!r}, {family!r}, "
                         f"whose loss is {loss}")


def check_mapping(name, value, example):
    """A dict from names to values, e.g. the meta-steps of each strategy."""
    if not isinstance(value, dict):
        raise TypeError(f"{name} must be a dict from names to values, e.g. {example}, got "
                        f"{_type_name(value)} {value!r:.100}")


def check_low_rank(params, batch, model, inner_lr, inner_steps, loss, first_order):
    """``meta_loss_low_rank``: a network that exposes its layers' products (``forward_with``,
    as ``nn.MLP``), then the arguments of :func:`check_meta_loss`. Returns the number of
    tasks."""
    check_model(model)
    check_attributes("model", model, ("forward_with",), "a network that gives its layers' "
                     "products (forward_with), e.g. scratchmeta.nn.MLP((784, 64, 5))")
    return check_meta_loss(params, model, inner_lr, inner_steps, loss, batch, first_order)


def check_strategy(strategy, name="strategy"):
    """A strategy object (``registry.make_strategy``): it adapts, and has a model and family."""
    if isinstance(strategy, str) or not all(hasattr(strategy, a) for a in (
            "adaptation", "model", "family")):
        raise TypeError(f"{name} must be a strategy object (e.g. scratchmeta.meta.registry."
                        f"make_strategy('maml')), got {seen(strategy)}")


def check_update_args(state, step, keys, batch, strategy=None, rng=None, *, params=None):
    """A strategy's ``update(state, batch, rng, step)``: a state holding ``keys`` (of the
    layouts :func:`check_state` knows, ``params`` saying which ``state['params']`` has; its
    parameters of the shapes of ``strategy``'s model), a batch of tasks that fits
    ``strategy``'s model and family and whose data arrays hold no NaN or inf, ``rng`` a
    Generator (every update takes one, whether or not it draws from it), a step >= 0.
    Multitask's PoolBatch(rows, tasks): its rows distinct indices into the pool of heads,
    one per task."""
    rows, batch = getattr(batch, "rows", None), getattr(batch, "tasks", batch)
    if rows is None and "heads" in keys:           # multi-task SGD: its pool's rows too
        raise TypeError(f"batch must be the PoolBatch(rows, tasks) that this strategy's "
                        f"sample_batch(rng, state) draws (the tasks' rows in the pool of heads "
                        f"and their data), got {_type_name(batch)} {batch!r:.80}")
    n_tasks = check_batch(batch, model=getattr(strategy, "model", None),
                          family=getattr(strategy, "family", None), finite=True)[0]
    check_state(state, keys, getattr(strategy, "model", None), params=params)
    if rows is not None and "heads" in state:
        n_heads = (np.shape(state["heads"][0]) or (0,))[0] if state["heads"] else 0
        check_indices("batch.rows", rows, n_heads, of="task heads of the pool")
        if np.size(rows) != n_tasks:
            raise ValueError(f"batch.rows must hold one row of the pool per task of "
                             f"batch.tasks ({n_tasks}), got {np.size(rows)}: {rows!r:.100}")
    check_rng("rng", rng)
    check_count("step", step, 0)


def check_adaptation_args(strategy, state, batch, keys=("params",), *, params=None):
    """A strategy's ``adaptation(state, batch)``: its state (``keys``, ``params``: as for
    :func:`check_update_args`) and a batch of tasks that fits its model and family, of
    finite data (adaptation is not on the meta-step's path); returns the batch's number
    of tasks."""
    check_state(state, keys, strategy.model, params=params)
    return check_batch(batch, model=strategy.model, family=strategy.family, finite=True)[0]


def check_tree(name, tree, *, floats=False):
    """A tree (list, tuple, dict) of at least one array of real numbers, e.g. parameters;
    with ``floats``, of float32 or float64 arrays only (parameters that are trained: an
    integer or float16 copy would round every step, and no checkpoint holds float16)."""
    try:
        leaves = ad.tree_flatten(tree)[0] if isinstance(tree, (list, tuple, dict)) else []
    except TypeError:                              # a set inside: no order to its leaves
        leaves = []
    for i, leaf in enumerate(leaves):
        check_unmasked(f"{name} (leaf {i})", leaf)
    if not leaves or not all(np.asarray(leaf).dtype.kind in "biuf" for leaf in leaves):
        raise TypeError(f"{name} must be a list (or tree) of arrays of real numbers, e.g. "
                        f"MLP.init's [W1, b1, ...], got {seen(tree)}"[:300])
    dtypes = [np.asarray(leaf).dtype for leaf in leaves]
    bad = next((i for i, d in enumerate(dtypes) if d not in (np.float32, np.float64)), None)
    if floats and bad is not None:
        raise TypeError(f"{name} must hold float32 or float64 arrays (the parameters being "
                        f"trained), got leaf {bad} of dtype {dtypes[bad]}: {tree!r}"[:300])


#: The most test-time steps adaptation takes per task: a few are the method (eq. 22.4), and
#: 10**8 of them would run for hours before any number came out.
MAX_TEST_STEPS = 100_000


def check_test_steps(given, n_steps):
    """A count of test-time steps per task, at most :data:`MAX_TEST_STEPS`; ``given`` is how
    the user wrote it ("--steps 12", "n_steps = 12"), for the message."""
    if n_steps is not None and n_steps > MAX_TEST_STEPS:   # hours before the first number
        raise ValueError(f"{given} test-time steps per task is more than {MAX_TEST_STEPS:,}: "
                         f"fine-tuning takes a few steps (Finn et al. 10, this library's "
                         f"default 10); a count that large is a typo")


def check_adaptation(strategy, batch, n_steps, family=None):
    """``adapt.curve`` and ``adapt.predict``: a strategy, a batch of tasks, 0 <= n_steps <=
    :data:`MAX_TEST_STEPS` and, if given, the task family that scores the curve."""
    check_strategy(strategy)
    check_batch(batch)
    check_count("n_steps", n_steps, 0, MAX_TEST_STEPS)
    if family is not None:
        check_family(family)


def check_meta_loss(params, model, inner_lr, inner_steps, loss, batch, first_order=False):
    """MAML's (or ANIL's, Reptile's) meta-loss: theta0 of the model's shapes, the settings of
    eq. 22.4, a loss (one number per task), a batch of tasks that fits the model,
    first_order True or False; the parameters and the batch's data finite, unless traced
    (Tensors: called inside a gradient, from ``meta_grad`` or a strategy's ``update``, which
    checked them). Returns the number of tasks."""
    check_params_fit(model, params)
    check_inner(inner_lr, inner_steps)
    check_callable("loss", loss, "scratchmeta.tasks.mse")
    traced = ad.Tensor in map(type, params)
    n_tasks = check_batch(batch, model=model, finite=not traced)[0]
    check_model(model)
    check_flag("first_order", first_order)
    if not traced:                                 # (traced: its entry point probed it)
        check_loss_output(loss, batch.y_support)
    return n_tasks


def check_loss_output(loss, y, *, name="loss", per_task=True):
    """``loss(pred, y)`` gives one number per task, shape y.shape[:-2] (the contract of
    ``family.loss``, e.g. :func:`scratchmeta.tasks.mse`): one number for the whole batch
    would average the tasks' inner gradients together, one per point would scale them by
    the number of points, both silently. A user's loss is probed once, before any work, on
    each task's first target as its own prediction (about 10 microseconds); the package's
    own losses (``scratchmeta.tasks``) keep the contract and are not. Not inside a trace.
    ``per_task=False`` (a loss that is averaged whole, as ``pooled_loss``'s): any shape,
    but real finite numbers still."""
    if getattr(loss, "__module__", None) == "scratchmeta.tasks":
        return
    shown_loss = getattr(loss, "__wrapped__", loss)   # a family's method: the user's function
    want = ad.shape(y)[:-2]
    y = getattr(y, "value", y) if isinstance(y, ad.Tensor) else np.asarray(y)
    probe = y[..., :1, :]
    if isinstance(probe, np.ndarray):              # read-only: a loss that writes into pred
        probe = probe.view()                       # or y is named, and the caller's y kept
        probe.flags.writeable = False
    try:
        out = loss(probe, probe)
    except (Exception, SystemExit, GeneratorExit) as e:    # another arity, or sys.exit: named
        if "read-only" in str(e):
            raise ValueError(f"{name} wrote into its input (pred or y), which the library "
                             f"still uses: {shown_loss!r:.80} raised {type(e).__name__}: {e}; "
                             f"compute on copies (y = y * 2, not y *= 2)") from e
        kind = TypeError if isinstance(e, (TypeError, AttributeError)) else ValueError
        raise kind(f"{name} must be a function loss(pred, y) of one prediction and its "
                   f"targets, e.g. scratchmeta.tasks.mse; {shown_loss!r:.80} raised "
                   f"{type(e).__name__}: {e}"[:400]) from e
    if not isinstance(out, (np.ndarray, np.generic, ad.Tensor)):
        # A Python number (or any other object) cannot have been computed from pred with the
        # engine's ops, which return arrays: a placeholder's 0.0 would train on a zero gradient.
        raise TypeError(f"{name} must return real numbers, an array computed from pred (one "
                        f"loss per task, as scratchmeta.tasks.mse), got {seen(out, 80)} "
                        f"({type(out).__name__}) from {shown_loss!r:.80}")
    check_unmasked(f"the result of {name}", out)
    kind = getattr(np.asarray(getattr(out, "value", out)), "dtype", None)
    if isinstance(out, (str, bytes)) or kind is None or kind.kind not in "biuf":
        raise TypeError(f"{name} must return real numbers (one loss per task, as "
                        f"scratchmeta.tasks.mse), got {seen(out, 80)} ({type(out).__name__}) from "
                        f"{shown_loss!r:.80}")
    got = ad.shape(out)
    if got != want and per_task:
        raise ValueError(f"{name} must return one number per task, shape {want} for targets "
                         f"of shape {ad.shape(y)} (averaged over points and outputs, as "
                         f"scratchmeta.tasks.mse), got a result of shape {got} from "
                         f"{shown_loss!r}")
    with np.errstate(all="ignore"):
        bad = np.size(out) - np.count_nonzero(np.isfinite(getattr(out, "value", out)))
    if bad:
        raise ValueError(f"{name} must return a finite loss for a finite prediction, but "
                         f"{shown_loss!r} gave {bad} NaN or inf values of {np.size(out)} for "
                         f"targets predicted exactly (each task's first target as its "
                         f"prediction)")
    _check_reads_pred(loss, probe, out, name, shown_loss)


def _check_reads_pred(loss, probe, out, name, shown_loss):
    """A loss that gives the same numbers for a prediction off by 1 to 1 + width as for an
    exact one does not read its prediction (``mse(y, y)``, the targets' own spread): its
    gradient would be zero, and nothing would train. One more call, on the same probe; a
    shift that varies across outputs, so that a softmax's indifference to a constant shift
    is no false alarm."""
    shifted = probe + 1.0 + np.arange(probe.shape[-1])
    try:
        with np.errstate(all="ignore"):
            again = loss(shifted, probe)
            below = loss(probe - (1.0 + np.arange(probe.shape[-1])), probe)
        values = [np.asarray(getattr(v, "value", v), dtype=float) for v in (out, again, below)]
    except Exception:                               # its own checks speak elsewhere
        return
    if np.array_equal(values[0], values[1]):
        raise ValueError(f"{name} does not read its prediction: {shown_loss!r:.80} gives the "
                         f"same loss for a prediction off by 1 or more as for the exact "
                         f"targets (mse(y, y), or the targets' own spread?); it must compare "
                         f"pred with y, as scratchmeta.tasks.mse(pred, y)")
    if values[0].shape == values[1].shape == values[2].shape and np.all(
            values[0] > np.maximum(values[1], values[2])):  # largest where pred is y: -mse
        raise ValueError(f"{name} rewards error: {shown_loss!r:.80} gives every task a larger "
                         f"loss for the exact targets than for predictions off by 1 or more "
                         f"either way ({values[0].ravel()[0] + 0.0:.4g} against "
                         f"{values[1].ravel()[0]:.4g} and {values[2].ravel()[0]:.4g} in the "
                         f"first task); a loss is smallest where pred is y, as "
                         f"scratchmeta.tasks.mse(pred, y) (a sign flipped?)")


def check_inner_sgd(task_params, x, y, apply, inner_lr, inner_steps, loss, trainable,
                    first_order=False):
    """MAML's differentiable inner loop (``inner_sgd``): the settings of eq. 22.4, ``apply``
    and ``loss`` functions, x and y (tasks, points, .) with as many tasks and points,
    first_order True or False, and (outside a trace) a loss that gives one number per task."""
    check_inner(inner_lr, inner_steps, trainable, task_params)
    check_flag("first_order", first_order)
    check_callable("apply", apply, "model.apply (a function apply(params, x))")
    check_callable("loss", loss, "scratchmeta.tasks.mse")
    xs, ys = check_real("x", x, ndims=(3,)), check_real("y", y, ndims=(3,))
    if xs[:2] != ys[:2]:
        raise ValueError(f"y must have shape {xs[:2] + ('outputs',)} to match x of shape "
                         f"{xs} (the same tasks and points), got shape {ys}")
    check_params("task_params", task_params)
    check_moving_per_task(task_params, xs[0], trainable, name="task_params")
    if not (isinstance(task_params, (list, tuple)) and ad.Tensor in map(type, task_params)):
        check_loss_output(loss, y)
        check_apply_output(apply, task_params, x, ys)


def check_apply_output(apply, params, x, y_shape):
    """A user's ``apply(params, x)`` (not the package's own networks, whose shapes are
    checked where they are built) gives predictions of y's shape (tasks, points, outputs),
    real and finite: probed once, outside a trace, with one forward pass on x (a tenth of an
    inner step's cost), so a wrong shape is named as ``apply``'s, not the loss's."""
    if str(getattr(apply, "__module__", "")).startswith("scratchmeta."):
        return
    if type(x) is np.ndarray:                      # read-only: an apply that writes into x
        x = x.view()                               # is named, and the caller's x kept
        x.flags.writeable = False
    try:
        out = apply(params, x)
    except FloatingPointError:                     # an overflow, the caller's to handle
        raise
    except (Exception, SystemExit, GeneratorExit) as e:    # any error of the user's, named
        if "read-only" in str(e):
            raise ValueError(f"apply wrote into its input x, which the library still uses: "
                             f"{apply!r:.80} raised {type(e).__name__}: {e}; compute on a copy "
                             f"(x = x * 2, not x *= 2)") from e
        kind = TypeError if isinstance(e, (TypeError, AttributeError)) else ValueError
        raise kind(f"apply must be a network apply(params, x) giving (tasks, points, outputs) "
                   f"predictions, e.g. model.apply; {apply!r:.80} raised {type(e).__name__}: "
                   f"{e}"[:400]) from e
    value = getattr(out, "value", out)
    dtype = None if isinstance(value, (str, bytes)) else getattr(np.asarray(value), "dtype", None)
    if dtype is None or dtype.kind not in "biuf":
        raise TypeError(f"apply must return real-valued predictions of shape (tasks, points, "
                        f"outputs), got {seen(out, 80)} ({type(out).__name__}) from {apply!r:.80}")
    if ad.shape(out) != tuple(y_shape):
        got = f"shape {ad.shape(out)}" + (
            f" ({type(out).__name__} {ad.stop_gradient(out)!r:.40})" if not ad.shape(out) else "")
        raise ValueError(f"apply must return predictions of y's shape (tasks, points, "
                         f"outputs) = {tuple(y_shape)} for x of shape {ad.shape(x)}, got "
                         f"{got} from {apply!r:.80}")
    with np.errstate(all="ignore"):
        finite = np.isfinite(np.asarray(value, dtype=float)).all()
    if not finite:
        raise ValueError(f"apply must return finite predictions for finite parameters and "
                         f"inputs, got NaN or inf from {apply!r:.80}")


def check_steps(path, n_steps):
    """``adapt.steps`` and ``adapt.after``: ``path`` an iterator of parameter lists (the
    generator of ``sgd_path``, ``from_theta0`` or a strategy's ``adaptation``), n_steps >= 0.
    A list is refused: it is not a path, and slicing it would silently give its items."""
    if not (hasattr(path, "__next__") and hasattr(path, "__iter__")):
        raise TypeError(f"path must be an iterator of every task's parameters theta_0, "
                        f"theta_1, ... (e.g. adapt.sgd_path(...) or strategy.adaptation(state, "
                        f"batch)), got a {type(path).__name__}: {path!r:.100}")
    check_count("n_steps", n_steps, 0)


def check_moving_per_task(theta, n_tasks, trainable, *, name="theta"):
    """Every parameter that SGD moves (``trainable``; None: all) has a leading task axis of
    ``n_tasks``: one copy a task. A shared copy would be moved by the sum of every task's
    gradient, silently (``per_task`` makes the copies). O(1) a parameter."""
    for i in (range(len(theta)) if trainable is None else sorted(trainable)):
        shape = ad.shape(theta[i])
        if len(shape) < 2 or shape[0] != n_tasks or (len(shape) == 2 and i % 2 == 0):
            raise ValueError(f"{name}[{i}] must have a leading task axis of the batch's "
                             f"{n_tasks} tasks (one copy per task, e.g. "
                             f"scratchmeta.nn.per_task(params, {n_tasks})), since SGD moves it, "
                             f"got shape {shape}")


def check_multitask_loss(model, body, heads, x, y, loss):
    """``multitask_loss``: the shared body and data of :func:`check_loss_inputs`, x and y of
    shape (tasks, points, .), and ``heads`` = [W (tasks, width, outputs), b (tasks,
    outputs)], one head per task of x. O(1) for the heads (traced or read by the model)."""
    check_model(model)
    check_loss_inputs(model, body, x, y, loss, name="body", layers=range(model.n_layers - 1))
    xs = ad.shape(x)
    if len(xs) != 3:
        raise ValueError(f"x must have shape (tasks, points, {model.sizes[0]}), one task per "
                         f"head, got shape {xs}")
    check_params("heads", heads, minimum=2)
    for i, h in enumerate(heads):          # another library's array: the engine reads none
        if not isinstance(h, (np.ndarray, ad.Tensor, np.generic, list, tuple, int, float)):
            raise TypeError(f"heads[{i}] must be an array (the heads' {'Wb'[min(i, 1)]}), got "
                            f"{seen(h, 100)}; pass its NumPy array (e.g. np.asarray(...))")
    width, out = model.sizes[-2:]
    want = [(xs[0], width, out), (xs[0], out)]
    got = [ad.shape(h) for h in heads]
    if got != want:
        raise ValueError(f"heads must be [W, b] of shapes {want}, one head per task of x "
                         f"(shape {xs}), got {len(got)} arrays of shapes {got}")
    check_finite_arrays("heads", heads)            # (Tensors, traced, are not read)


def _refuse_batch_as_model(name, model):
    """A TaskBatch given where the network is meant is a TypeError that says so."""
    if hasattr(model, "x_support") and hasattr(model, "y_query"):
        shapes = ", ".join(f"{k} {np.shape(getattr(model, k))}" for k in BATCH_PARTS)
        raise TypeError(f"{name} must be a network, e.g. scratchmeta.nn.MLP((1, 40, 40, 1)), "
                        f"got a TaskBatch ({shapes}): batch and model given in each other's "
                        f"places? The batch comes before the model")


def check_model(model, name="model"):
    """A network object (``scratchmeta.nn.MLP``): it has sizes, init and apply."""
    _refuse_batch_as_model(name, model)
    missing = [a for a in ("sizes", "init", "apply") if not hasattr(model, a)]
    if missing or isinstance(model, type):
        raise TypeError(f"{name} must be a network object, e.g. scratchmeta.nn.MLP((1, 40, 40, "
                        f"1)), got {seen(model, 100)}, which has no "
                        f"{', '.join(missing) or 'state'}")


def check_network(model, name="model"):
    """Anything with ``apply(params, x)``: an MLP, or a model of its own layout (e.g.
    ``normalization.RunningStatistics``)."""
    _refuse_batch_as_model(name, model)
    if isinstance(model, type) or not callable(getattr(model, "apply", None)):
        raise TypeError(f"{name} must be a network with apply(params, x), e.g. "
                        f"scratchmeta.nn.MLP((1, 40, 40, 1)), got {seen(model, 100)}")


def check_divergence_map(model, family, n_steps):
    """``divergence_map``: a network, a task family whose tasks fit it, n_steps >= 1."""
    check_model(model)
    check_family(family)
    check_model_fits(model, family)
    check_count("n_steps", n_steps, 1)


def check_measurement(params, batch, model, *, n_steps=0, iterations=1, seed=0):
    """A measurement at theta0 = ``params`` (``normalization``'s adaptation curves, step
    changes, sharpness): parameters of the model's shapes, finite, a batch that fits it,
    n_steps >= 0, iterations >= 1 and a seed >= 0; returns the number of tasks."""
    check_count("n_steps", n_steps, 0)
    check_count("iterations", iterations, 1)
    check_count("seed", seed, 0)
    check_network(model)
    return check_theta0(params, batch, model)


def check_meta_train(model, family, init, rng, cfg):
    """``normalization.meta_train``: a network, a task family, ``init`` of the model's shapes
    (finite), a Generator, and ``cfg`` a dict holding meta_steps and meta_batch (counts
    >= 1) and meta_lr (a positive finite number); its other keys are not read."""
    check_model(model)
    check_family(family)
    check_params_fit(model, init, "init")
    check_rng("rng", rng)
    keys = ("meta_steps", "meta_batch", "meta_lr")
    if not isinstance(cfg, dict):
        raise TypeError(f"cfg must be a dict holding {', '.join(keys)}, got "
                        f"{type(cfg).__name__} {cfg!r:.80}")
    missing = [k for k in keys if k not in cfg]
    if missing:
        raise ValueError(f"cfg must be a dict holding {', '.join(keys)}, but the dict given "
                         f"has no {', '.join(missing)}: {cfg!r:.80}")
    check_count("cfg['meta_steps']", cfg["meta_steps"], 1)
    check_count("cfg['meta_batch']", cfg["meta_batch"], 1)
    check_rate("cfg['meta_lr']", cfg["meta_lr"])


def check_statistics_inputs(model, params, x):
    """``population_statistics``: a batch-norm network, its parameters (of its shapes,
    finite) and x of real finite numbers, (tasks, points, inputs) with at least 2 points
    a task (one pass over x)."""
    check_model(model)
    if not getattr(model, "batch_norm", False):
        raise ValueError(f"population_statistics needs model to be a network with batch norm "
                         f"(MLP(..., batch_norm=True)), got {seen(model)}")
    check_params_fit(model, params)
    shape = check_real("x", x)
    if len(shape) != 3 or shape[1] < 2 or shape[2] != model.sizes[0]:
        raise ValueError(f"x must have shape (tasks, points, inputs) with at least 2 points per "
                         f"task and {model.sizes[0]} inputs, got shape {shape}")
    check_finite_arrays("x", x)


def check_running_statistics(model, stats):
    """``RunningStatistics(model, stats)``: a batch-norm network and one (mean, var) pair per
    hidden layer, each of that layer's width, finite, var >= 0 (as
    ``population_statistics`` gives them); returns them as arrays."""
    check_model(model)
    n_hidden = len(model.sizes) - 2
    if not (getattr(model, "batch_norm", False) and isinstance(stats, (list, tuple))
            and len(stats) == n_hidden):
        raise ValueError(f"RunningStatistics needs a batch-norm network and stats, one (mean, "
                         f"var) per hidden layer ({n_hidden}), got {seen(model)} and "
                         f"{stats!r:.100}")
    out = []
    for l, pair in enumerate(stats):
        mean, var = (pair if isinstance(pair, (list, tuple)) and len(pair) == 2 else (None, None))
        for name, a in ((f"stats[{l}] mean", mean), (f"stats[{l}] var", var)):
            if check_real(name, a, ndims=(1,)) != (model.sizes[l + 1],):
                raise ValueError(f"{name} must have shape ({model.sizes[l + 1]},), the width "
                                 f"of hidden layer {l + 1}, got shape {ad.shape(a)}")
            check_finite_arrays(name, a)
        if np.min(var) < 0:
            raise ValueError(f"stats[{l}] var must be variances (>= 0), got {seen(var, 100)}")
        out.append((np.asarray(mean), np.asarray(var)))
    return out


def check_adam_state(params, state, rows=None, *, values=True):
    """Adam's state ``{"t", "m", "v"}`` for ``params`` (``optim.adam_update``): t the steps
    taken, an integer >= 0 (with ``rows``, ``adam_rows``: one such count per row of the
    stacked parameters, shape (rows,), and ``rows`` distinct indices into them); m and v
    trees of arrays shaped like ``params`` (the state of these parameters, not of another
    model's), every entry of v >= 0. O(leaves) shapes and one min per leaf of v: about ten
    microseconds a meta-step."""
    if not (isinstance(state, dict) and {"t", "m", "v"} <= set(state)):
        raise TypeError(f"state must be Adam's state {{'t', 'm', 'v'}} (from adam_init), got "
                        f"{state!r}"[:300])
    p_leaves = (params if type(params) is list and all(type(p) is np.ndarray for p in params)
                else ad.tree_flatten(params)[0])
    n_rows = ad.shape(p_leaves[0])[:1] if rows is not None and p_leaves else ()
    t = state["t"]
    if not (type(t) is np.ndarray and t.dtype.kind in "iu" and t.shape == n_rows
            and (int(t) if t.ndim == 0 else t.min() if t.size else 0) >= 0):
        t = np.asarray(t) if not isinstance(t, ad.Tensor) else None
        if t is None or t.dtype.kind not in "iuf" or t.shape != n_rows or not (
                np.isfinite(t).all() and (t >= 0).all() and (t == np.round(t)).all()):
            want = (f"one step count per row of params, an array of integers >= 0 of shape "
                    f"{n_rows}" if rows is not None else
                    "the number of steps taken, an integer >= 0 (from adam_init)")
            shape = f" of shape {t.shape}" if t is not None and t.shape else ""
            hint = (f"; adam_init's one count is adam_update's: for adam_rows, give each row "
                    f"its own, e.g. dict(state, t=np.zeros({n_rows[0]}, dtype=int))"
                    if rows is not None and n_rows and t is not None and t.ndim == 0 else "")
            raise ValueError(f"state['t'] must be {want}, got {state['t']!r:.100}{shape}{hint}")
    if rows is not None:
        if isinstance(rows, (set, frozenset, dict)):      # unordered: grads follow rows' order
            raise TypeError(f"rows must be a list or array of row indices, in the order of "
                            f"grads, got {type(rows).__name__} {rows!r:.60}")
        check_indices("rows", rows, n_rows[0] if n_rows else 0, of="task heads (rows)",
                      minimum=1)
    want = [ad.shape(p) for p in p_leaves]
    for key in ("m", "v"):
        tree = state[key]
        leaves = (tree if type(tree) is list and all(type(a) is np.ndarray for a in tree)
                  else ad.tree_flatten(tree)[0])
        shapes = [ad.shape(a) for a in leaves]
        if shapes != want:
            i = next((i for i, (a, b) in enumerate(zip(shapes, want)) if a != b),
                     min(len(shapes), len(want)))
            raise ValueError(f"state['{key}'] must be shaped like params (Adam's state of these "
                             f"parameters, from adam_init(params)): {len(want)} arrays of "
                             f"shapes {want}, got {len(shapes)} of shapes {shapes}"
                             + (f" (state['{key}'] leaf {i} has shape {shapes[i]}, params "
                                f"{want[i]})" if i < min(len(shapes), len(want)) else ""))
    # v (the leaves left from the loop) is a running mean of squared gradients: a negative or
    # NaN entry would make sqrt(v) NaN. One min per leaf (with ``values``; adam_update reads
    # the values only when its result is not finite).
    i = next((i for i, a in enumerate(leaves) if not np.minimum.reduce(a, None, initial=0) >= 0),
             None) if values else None
    if i is not None:
        a = np.asarray(leaves[i])
        raise ValueError(f"state['v'] must hold Adam's second moments, running means of squared "
                         f"gradients (every entry >= 0, as adam_init and adam_update keep "
                         f"them), got {int(np.sum(~(a >= 0)))} negative or NaN entries of "
                         f"{a.size} in state['v'] leaf {i} (shape {a.shape})")


# --- evaluation, checkpoints, registry and the command line (helper B)

def not_a_folder(part):
    """What a path part that is no folder is, for a message: a file, or a symbolic link that
    loops or points nowhere (os.path.exists says False for both, os.path.lexists True)."""
    if os.path.islink(part) and not os.path.exists(part):
        return "a symbolic link that loops or points nowhere, not a folder"
    return "a file, not a folder"


def check_path(name, path, *, folder=False, exists=False):
    """A text path (str or os.PathLike) to a file (``folder``: to a folder); returns it as str.

    Refused by name: another type, the empty path, a NUL byte, a path "through a file"
    (some part above the last is an existing regular file, so nothing can be there), a
    folder where a file is meant and a file where a folder is. A path that does not exist
    passes (a file to be written, or one whose absence the caller reports), unless
    ``exists``: then it is a FileNotFoundError naming ``name``. O(depth): a stat a part,
    up to the first part that exists.
    """
    text = text_path(name, path, "text path")
    kind = "folder" if folder else "file"
    if not text.strip():
        raise ValueError(f"{name} must be a {kind} path, got the empty path {text!r}")
    if "\0" in text:
        raise ValueError(f"{name} must be a {kind} path, got {seen(text)}, which holds a NUL byte "
                         f"(no file name can)")
    refuse_url(name, text, f"{kind} path")
    full = os.path.abspath(os.path.expanduser(text))
    if os.path.exists(full) and os.path.isdir(full) != folder:
        raise ValueError(f"{name} must be a {kind} path, got {seen(text)}, which is a "
                         f"{'file' if folder else 'folder'}, not a {kind}")
    if not folder and os.path.exists(full) and not os.path.isfile(full):
        raise ValueError(f"{name} must be a regular file path, got {seen(text)}, which is a "
                         f"named pipe, a socket or a device (reading or writing it could wait "
                         f"forever, or lose what is written)")
    part = os.path.dirname(full)
    while not os.path.lexists(part) and os.path.dirname(part) != part:
        part = os.path.dirname(part)
    if os.path.lexists(part) and not os.path.isdir(part):
        raise ValueError(f"{name} must be a {kind} path, got {seen(text)}, which goes through "
                         f"{part!r}, {not_a_folder(part)}")
    if exists and not os.path.exists(full):
        raise FileNotFoundError(f"{name} must be an existing {kind}, got {seen(text)}: not a "
                                f"{kind} (it does not exist)")
    return text


def check_finite(name, value):
    """Every entry of ``value`` (a number, or an array of real numbers) is finite: one pass.
    A NaN or inf is refused by name, with how many entries hold one (and the value itself
    when it is a single number)."""
    a = np.asarray(ad.stop_gradient(value))
    if a.dtype.kind in "fc" and not np.isfinite(a).all():
        bad = int(a.size - np.count_nonzero(np.isfinite(a)))
        shown = f"{value!r}" if a.ndim == 0 else (f"{bad} NaN or inf entr"
                                                   f"{'y' if bad == 1 else 'ies'} of {a.size}")
        raise ValueError(f"{name} must hold finite numbers, got {shown}")


def check_name(name, value, choices, what):
    """``value`` is one of the names ``choices`` (a registry's keys), ``what`` says of what:
    a TypeError for a value that is no string, a ValueError naming an unknown one."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be the name of a {what} (a string), one of "
                        f"{list(choices)}, got {seen(value)}"[:300])
    if value not in choices:
        raise ValueError(f"unknown {what} {value!r}: {name} must be one of {list(choices)}")


def check_plain_number(name, value, *, finite=True):
    """One real number (int, float or a NumPy scalar of either; not a bool, an array or a
    word); with ``finite``, neither NaN nor inf."""
    if not is_real(value):
        raise TypeError(f"{name} must be a number, got {seen(value)}"[:300])
    if finite:
        check_finite(name, value)


def check_attributes(name, value, attributes, example):
    """``value`` has every one of ``attributes`` (a strategy as the trainer uses it: name,
    init_state, sample_batch, update; or as a checkpoint does), else a TypeError naming
    the missing ones; ``example`` shows what is meant."""
    missing = [a for a in attributes if not hasattr(value, a)]
    if isinstance(value, (str, bytes)) or missing:
        raise TypeError(f"{name} must be {example}, got {seen(value)}, which has no "
                        f"{', '.join(missing) or ', '.join(attributes)}"[:300])


def check_leaf(name, value):
    """One leaf of a state or tree: an array or a single number (a set, text, None or
    another object is refused by name and type). O(1): the type, never the entries."""
    if isinstance(value, (str, bytes, np.void)) or not (
            isinstance(value, (np.ndarray, np.generic, int, float, complex))
            or hasattr(value, "__array__")):             # (a numpy.void: a record, no number)
        raise TypeError(f"{name} must be an array or a number, got a {type(value).__name__} "
                        f"{value!r}"[:300])


def check_ordered(name, value, example):
    """An ordered collection (a list, tuple or 1-D array) of values, e.g. candidate step
    sizes: a dict, set, generator or string is refused by its type, before it is read."""
    if not (isinstance(value, (list, tuple)) or (isinstance(value, np.ndarray)
                                                 and value.ndim == 1)):
        shape = f" of shape {value.shape}" if isinstance(value, np.ndarray) else ""
        raise TypeError(f"{name} must be a list of values, e.g. {example}, got a "
                        f"{type(value).__name__}{shape} {value!r}"[:300])


def check_numbers(name, value, n, what):
    """``n`` finite real numbers (a family's mean vector, ``what`` says what they are), as a
    list, tuple or 1-D array; returns them as a float array of shape (n,)."""
    check_unmasked(name, value)                    # np.asarray(dtype=object) keeps no mask
    values = np.asarray(value, dtype=object)
    if values.shape != (n,):
        raise ValueError(f"{name} must be {what} ({n} numbers), got {seen(value)}"[:300])
    return np.array([check_number(name, v, minimum=-np.inf) for v in values])


def check_instance(name, value, kind, example):
    """``value`` is an instance of ``kind`` (a class or a tuple of them), e.g. a Checkpoint
    or a dataclass field; else a TypeError naming ``name``, the value and ``example``."""
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be {example}, got {_type_name(value)} {value!r}"[:300])


def check_names(name, values, choices, what):
    """A non-empty list (or tuple) of names, each one of ``choices`` (e.g. registry
    strategies)."""
    check_ordered(name, values, f"{list(choices)[:2]}")
    if not values:
        raise ValueError(f"{name} must name at least one {what}, e.g. {list(choices)[:2]}, "
                         f"got {seen(values)}")
    for i, value in enumerate(values):
        check_name(f"{name}[{i}]", value, choices, what)


def check_records(name, value, fields, example):
    """A dict of records, e.g. ``compare.run``'s results {name: {"test": ..., ...}}: each
    value a dict holding every key of ``fields``, or an object with those attributes (an
    Evaluation); a missing one is named with its record's key."""
    check_mapping(name, value, example)
    for key, record in value.items():
        have = record.keys() if isinstance(record, dict) else dir(record)
        missing = [f for f in fields if f not in have]
        if missing:
            raise TypeError(f"{name}[{key!r}] must be a record with {', '.join(fields)} (as "
                            f"{example} gives), got {_type_name(record)} {record!r:.80}, "
                            f"which lacks {', '.join(missing)}")


def user_callback(name, f, example):
    """A function that calls ``f``, the user's callable passed as ``name`` (None: one that
    does nothing). The first call re-raises what ``f`` raises as a TypeError (for a
    TypeError: most often ``f`` takes another number of arguments) or ValueError naming
    ``name`` (an OSError, such as a closed pipe, is let through); later calls go straight
    to ``f``."""
    if f is None:
        return lambda *args: None
    check_callable(name, f, example)
    called = []

    def call(*args):
        if called:
            return f(*args)
        called.append(True)
        try:
            return f(*args)
        except OSError:                 # the output's failure (a closed pipe), not the call's
            raise
        except Exception as err:
            kind = TypeError if isinstance(err, TypeError) else ValueError
            raise kind(f"{name} must be {example}, a function of {len(args)} argument(s); "
                       f"called with {args!r:.80}, it raised {type(err).__name__}: {err}"
                       ) from err
    return call


def check_keys(name, value, keys, example):
    """A dict holding every one of ``keys`` (e.g. the "train", "validation" and "test"
    families of a run), else the missing ones are named."""
    check_mapping(name, value, example)
    missing = [key for key in keys if key not in value]
    if missing:
        raise ValueError(f"{name} must hold the keys {list(keys)} (e.g. {example}), got "
                         f"{_type_name(value)} {value!r:.100}, which lacks {missing}")


def check_count_list(name, values, example, minimum=0):
    """A non-empty list (or tuple) of counts, each an integer >= ``minimum`` (support sizes,
    numbers of steps, shot counts)."""
    check_ordered(name, values, example)
    if not len(values):
        raise ValueError(f"{name} must hold at least one count, e.g. {example}, got {seen(values)}")
    for value in values:
        check_count(name, value, minimum)


def check_adapting(strategy, state, batch, n_steps):
    """What test-time adaptation of ``strategy`` from ``state`` on ``batch`` for ``n_steps``
    steps needs, before any step: a strategy, its state (a dict), a batch of tasks that
    fits its model and family, a count >= 0."""
    check_strategy(strategy)
    check_type("state", state, dict)
    check_batch(batch, model=strategy.model, family=strategy.family)
    check_count("n_steps", n_steps, 0)


def check_n_way(family):
    """An N-way classification family (e.g. an Omniglot split), from which episodes of
    ``n_way`` classes are drawn."""
    check_family(family)
    check_attributes("family", family, ("n_way",), "an N-way family, e.g. Omniglot(5, 'train')")
