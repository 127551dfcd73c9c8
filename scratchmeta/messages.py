"""How an error message shows a value it refuses, and names a function that cannot work.

Not a lecture section. A message names the argument, the value given and what was expected
(issue 11). The value is shown by its repr, but a repr alone can mislead: a ``sympy.Symbol``
called n reprs as ``n``, so "dim must be an int, got n" reads as if the message had named
something. :func:`seen` adds the type's name wherever the repr does not already show it;
:func:`fits_float64` tells a number that a float64 cannot hold (``10**400``, a long double past
its range), the samplers' and the kit's one test of it; :func:`odd_entry` says which entry of a
list is no number; :func:`record`, :func:`iterator` and :func:`misread` name a record, an
iterator, a distribution or a container that is no sequence given where an array is meant, and
:func:`returned` what a user's function returned that is no array of numbers (the samplers' and
the testing kit's check). Four kinds of function are named before any call, since their results
would not say what is wrong: a SciPy distribution's method given in another method's role
(``stats.norm.logpdf`` as a pdf, :func:`other_method`), an ``async def`` or generator function
(:func:`asynchronous`), one wrapped in ``functools.lru_cache`` (:func:`cached`) and an
``operator.itemgetter`` (:func:`picker`); :func:`raised` words what a user's function raised.
Each names the function by its role and its own name, "pdf (my_pdf)" (:func:`named`,
:func:`label`), so that with several functions given the user can tell which one failed;
:func:`drifted` says where a function read twice at the same points gave two different answers;
:func:`out_of_scale` refuses a positive scale, step or width whose reciprocal overflows or is
subnormal. :func:`names_itself` makes a public function's errors start with its own name
("split_rhat: draws must ..."), so that a message read without its traceback (a log, a
notebook's last line) still says which call it came from; :func:`warn_user` attributes a
warning to the user's own line, past the package's frames and those wrappers. The engine's
``autodiff.checks.named_errors`` is its own copy of :func:`names_itself`
(``tests/test_bad_inputs_round69.py`` checks that the two agree).

The engine (``scratchmeta/autodiff``) imports nothing from the rest of the package, so it
keeps its own copies of :func:`seen` (``autodiff.checks.seen``), of :func:`fits_float64` and
of the checks it needs; ``tests/test_bad_inputs_round33.py`` checks that the two ``seen``
agree, ``tests/test_bad_inputs_round47.py`` the two ``fits_float64``.
"""

import functools
import inspect
import numbers
import operator
import os
import sys
import threading
import types
import warnings
from collections.abc import Iterator, Sequence

import numpy as np

__all__ = ["seen", "label", "named", "drifted", "TINY", "out_of_scale", "fits_float64",
           "odd_entry", "record", "iterator", "misread", "kind_of", "returned", "truncated",
           "swapped", "ndim", "other_method", "asynchronous", "cached", "picker", "raised",
           "names_itself", "names_itself_as_method", "warn_user"]

_SELF_SHOWN = (bool, int, float, complex, str, bytes, type(None), list, tuple, dict, set,
               frozenset, range, slice, np.ndarray)


def seen(x, width=None):
    """``x`` as a message shows it: its repr, followed by its type's name unless the repr shows
    the type already (Python's numbers, text and containers, and NumPy's arrays and scalars do).
    ``width``: the repr is cut to that many characters, and the type is still said."""
    text = repr(x)
    if type(x) is str and "\\" in x and "'" not in x and x.isprintable():
        text = f"'{x}'"         # a Windows path as typed, C:\data, not repr's C:\\data
    if width is not None and len(text) > width:         # cut short, the type still said
        text = text[:width] + "..."
    if type(x) in (tuple, dict, set, frozenset, bytes):   # "(a, b)" reads as two arguments
        return f"{type(x).__name__} {text}"
    if type(x) in _SELF_SHOWN or isinstance(x, np.generic):
        return text
    if isinstance(x, type):             # float itself, where a number is meant
        public = [p for p in x.__module__.split(".") if not p.startswith("_")]  # numpy.random
        where = "" if x.__module__ == "builtins" else "".join(f"{p}." for p in public)
        return f"the class {where}{x.__qualname__}"
    name = type(x).__name__
    return text if name in text else f"{text} (type {name})"


def drifted(name, f, x, first, again):
    """What is wrong when two calls of the user's ``f`` (given as ``name``) at the same points
    ``x`` gave ``first``, then ``again``, and they differ (NaN equal to NaN); "" when they
    agree bit for bit. A function whose value changes from call to call (a counter, a random
    draw, a state) is no function of x, and the samplers' and the kit's answers would not
    say so. ``x`` may hold one row per value (a Metropolis walk's chains)."""
    first, again = np.asarray(first), np.asarray(again)
    if first.shape != again.shape:
        return (f"{named(name, f)} gave results of shapes {first.shape} and {again.shape} on "
                f"two calls at the same points; it must be a function of x alone (no counter, "
                f"no random draw, no state)")
    try:
        same = (first == again) | (first != first) & (again != again)
    except TypeError:                                   # objects: named by the caller's check
        return ""
    if np.all(same):
        return ""
    i = int(np.flatnonzero(~np.asarray(same).ravel())[0])
    points = np.asarray(x)
    at = points[i].tolist() if points.ndim > 1 and len(points) == first.size else \
        points.ravel()[i].item()
    return (f"{named(name, f)} gave different values on two calls at the same x = {at!r}: "
            f"{first.ravel()[i].item()!r}, then {again.ravel()[i].item()!r}; it must be a "
            f"function of x alone (no counter, no random draw, no state)")


#: The smallest normal float64. A positive scale, step or width below it (5e-324, say) is
#: subnormal: 1 / it overflows, and a density, a step or a quotient built on it is inf. One
#: above 1 / TINY (about 4.5e307; 1.8e308, float64's largest, say) overflows as soon as it
#: is doubled or squared, and its reciprocal is subnormal.
TINY = float(np.finfo(np.float64).tiny)


def out_of_scale(name, value, what="scale"):
    """What is wrong when a positive ``value`` given as ``name`` (a ``what``) lies outside
    [TINY, 1 / TINY], where it and its reciprocal are both normal float64s; else ""."""
    if 0.0 < value < TINY:
        return (f"{name} must be at least {TINY:.4g}, the smallest normal float64, got "
                f"{float(value)!r}: a {what} that small is subnormal, and 1 / {name} overflows")
    if value > 1.0 / TINY:                     # (inf too: a width lo - hi that overflowed)
        return (f"{name} must be at most {1.0 / TINY:.4g}, got {float(value)!r}: a {what} that "
                f"large overflows when doubled or squared, and 1 / {name} is subnormal")
    return ""


def first_not_finite(name, a):
    """Where an array's first NaN or inf entry is, and which: "the first is draws[0, 5] =
    nan" (C order; NumPy's repr of the value). Only read to word an error about ``a``."""
    a = np.asarray(a)
    if not a.ndim:
        return f"{name} = {a.item()!r}"
    i = int(np.argmin(np.isfinite(a).ravel()))
    at = ", ".join(str(int(j)) for j in np.unravel_index(i, a.shape))
    return f"the first is {name}[{at}] = {a.ravel()[i].item()!r}"


def fits_float64(value):
    """False for a number that a float64 cannot hold: a NumPy long double finite but past
    float64's range (it would become inf) or nonzero but below its smallest (it would become
    0), or a Python int past its range (``10**400``: ``float`` raises OverflowError)."""
    if isinstance(value, int):
        try:
            float(value)
        except OverflowError:
            return False
        return True
    if type(value) is not np.longdouble or np.longdouble is np.float64:
        return True
    with np.errstate(all="ignore"):
        rounded = np.float64(value)
    return bool(np.isfinite(rounded) == np.isfinite(value) and (rounded == 0) == (value == 0))


def odd_entry(x, path=()):
    """For a list or tuple (nested or not) with an entry that is no real number, where the
    first such entry is and what it is, as "; its entry [i, j] is ..."; else "". (A list's
    repr alone shows a sympy Symbol q as ``[q, 0.6]``.)"""
    if not isinstance(x, (list, tuple)):
        return ""
    for i, item in enumerate(x):
        if isinstance(item, (list, tuple)):
            found = odd_entry(item, path + (i,))
            if found:
                return found
        elif not isinstance(item, (int, float, np.integer, np.floating)) or isinstance(
                item, (bool, np.bool_, np.timedelta64)) or not fits_float64(item):
            big = "" if fits_float64(item) else " (too large for a float64)"
            return f"; its entry {list(path + (i,))} is {seen(item, 60)}{big}"
    return ""


def record(name, x, what="an array of real numbers"):
    """For a record given as ``name`` where ``what`` is meant (a namedtuple such as a
    TaskBatch, or a struct sequence such as ``sys.float_info``, which NumPy reads as its
    fields in a row), what to say; else ""."""
    if not isinstance(x, tuple) or not (hasattr(x, "_fields") or hasattr(x, "n_fields")):
        return ""
    return (f"{name} must be {what}, got the record {type(x).__name__} "
            f"({seen(x, 60)}), whose fields NumPy would read in a row; pass the field meant")


def iterator(name, x, what="an array of real numbers"):
    """For an iterator given as ``name`` where ``what`` is meant (a ``numpy.nditer``, a
    ``map``), which NumPy reads as one object or, used up, as nothing; else "". (A
    generator is named by the checks that read it.)"""
    if isinstance(x, Iterator) and not isinstance(x, (np.ndarray, types.GeneratorType)):
        return (f"{name} must be {what}, got an iterator, {type(x).__module__.split('.')[0]}."
                f"{type(x).__name__}, which NumPy does not read as its values; pass "
                f"np.array(list(it)) (or the array it walks)")
    return ""


#: Packages whose values and functions are their own arrays' (the engine's copy:
#: ``autodiff.checks.OTHER_ARRAY_LIBRARIES``).
OTHER_ARRAY_LIBRARIES = ("torch", "jax", "jaxlib", "tensorflow", "cupy", "autograd", "mlx",
                         "paddle", "mxnet", "dask", "xarray", "pandas")


#: Attributes by which NumPy (or the engine's Tensor) reads an object as the array it holds.
ARRAY_PROTOCOLS = ("__array__", "__array_interface__", "__array_struct__", "__array_function__")


def misread(name, x, what="an array of real numbers"):
    """For an object of another library given as ``name`` where ``what`` is meant, which NumPy
    would misread, what to say; else "". A probability distribution (SciPy's ``rv_discrete``, a
    frozen ``norm(0, 1)``) is one object to NumPy, not its probabilities or draws. A container
    that is no sequence and has no array protocol but has a length and items (a networkx
    ``Graph``) is read through iteration: a graph as its nodes, not its matrix."""
    if x is None or isinstance(x, (np.ndarray, np.generic, numbers.Number, str, bytes, dict,
                                   Sequence)):
        return ""
    if hasattr(x, "toarray") and hasattr(x, "nnz"):      # SciPy sparse: named elsewhere
        return ""
    kind = kind_of(x)
    if hasattr(x, "rvs") and (hasattr(x, "pmf") or hasattr(x, "pdf")):
        return (f"{name} must be {what}, got a probability distribution, {kind}, not its "
                f"numbers; pass its probabilities (e.g. dist.pmf(values)) or its draws "
                f"(dist.rvs(size=n, random_state=rng))")
    cls = type(x)
    if hasattr(cls, "__getitem__") and hasattr(cls, "__len__") and not any(
            hasattr(cls, a) for a in ARRAY_PROTOCOLS) and not _buffer(x):
        if (cls.__module__ or "").split(".")[0] in OTHER_ARRAY_LIBRARIES:   # autograd's Box
            return (f"{name} must be {what}, got {kind}, another library's value (traced by "
                    f"it, or its own array), which the engine cannot read: pass NumPy arrays, "
                    f"and take derivatives with the engine's grad, not that library's")
        try:
            items = f"its {len(x)} items"
        except Exception:                                   # a length that fails
            items = "its items"
        return (f"{name} must be {what}, got {kind}, {seen(x, 50)}, which is neither an "
                f"array nor a sequence: NumPy would read it as {items} in iteration order "
                f"(a graph's nodes), not the numbers meant; pass the array meant (a graph's "
                f"matrix, say)")
    return ""


def _buffer(x):
    """True for an object with the buffer protocol (NumPy reads its memory as numbers)."""
    try:
        memoryview(x)
    except TypeError:
        return False
    return True


def kind_of(x):
    """``x``'s class as a message names it: its package, its name and the class it extends,
    "scipy.rv_sample (a kind of rv_discrete)"."""
    cls = type(x)
    text = f"{(cls.__module__ or '?').split('.')[0]}.{cls.__name__}"
    base = cls.__mro__[1] if len(cls.__mro__) > 2 else None
    return text + (f" (a kind of {base.__name__})" if base is not None else "")


def returned(name, y, expected):
    """What the user's function ``name`` returned, as an array: a tuple or list that is not one
    array of numbers (``(values, extra)``, ragged) is a TypeError naming ``name``, showing
    what it returned and ``expected``; a masked array too (its mask would be dropped), and
    float16 values (three significant digits: every tolerance downstream would be met on
    rounded numbers)."""
    if type(y) is np.ndarray and y.dtype != np.float16:     # the common case, at once
        return y
    if isinstance(y, BaseException):
        raise TypeError(f"{name} must return {expected}, but it returned an exception object, "
                        f"{y!r:.80}: raise it instead of returning it")
    if isinstance(y, np.ma.MaskedArray):
        raise TypeError(f"{name} returned a masked array (numpy.ma); scratchmeta does not "
                        f"honour masks: return {expected} of plain numbers (e.g. .filled(value))")
    if hasattr(y, "toarray") and hasattr(y, "nnz"):     # SciPy sparse: one object to NumPy
        raise TypeError(f"{name} must return {expected}, but it returned a sparse matrix "
                        f"({type(y).__name__} of shape {getattr(y, 'shape', '?')}); return "
                        f"its .toarray()")
    if isinstance(y, np.poly1d):                        # the polynomial, not its values
        raise TypeError(f"{name} must return {expected}, but it returned a numpy.poly1d (the "
                        f"polynomial itself, read by NumPy as its coefficients); return its "
                        f"values at the points, p(x)")
    if isinstance(y, np.matrix):                        # always 2-D: never one value per point
        raise TypeError(f"{name} must return {expected}, but it returned an np.matrix of shape "
                        f"{y.shape}, which stays 2-D; return np.asarray(...).ravel()")
    # A tuple of anything but numbers is (values, extra) however NumPy would read it.
    pair = isinstance(y, tuple) and not all(isinstance(v, numbers.Number) for v in y)
    try:
        arr = np.asarray(y)
    except (TypeError, ValueError):                     # ragged: NumPy's "inhomogeneous shape"
        arr = None
    if isinstance(y, (tuple, list)) and (pair or arr is None or arr.dtype == object):
        parts = ", ".join(f"an array of shape {np.shape(v)}" if np.ndim(v) else
                          f"{type(v).__name__} {v!r:.20}" for v in list(y)[:3]) + \
            (", ..." if len(y) > 3 else "")
        raise TypeError(f"{name} must return {expected}, but it returned a "
                        f"{type(y).__name__} of {len(y)} items ({parts}); return the values "
                        f"alone, as one array")
    if arr is None or arr.dtype == object and not isinstance(y, np.ndarray):
        raise TypeError(f"{name} must return {expected}, but it returned {seen(y, 80)}, which "
                        f"is not an array of numbers")
    if arr.dtype == np.float16:
        raise TypeError(f"{name} must return {expected}, but it returned float16 values, "
                        f"which keep about three significant digits (the results would be "
                        f"computed from rounded numbers, unseen); return float64 (or float32)")
    return arr


def swapped(call, order, given):
    """" (got x = 0.5, prob = ...: swapped? the order is quantile_type7(x, prob))": said where
    a call's arguments look given in each other's places; ``given`` maps names to values."""
    shown = ", ".join(f"{k} = {_brief(v)}" for k, v in given.items())
    return f" (got {shown}: swapped? the order is {call}({', '.join(order)}))"


def ndim(v):
    """``np.ndim(v)``, or -1 for a value NumPy cannot read (ragged, or raising on reading):
    for the swapped-argument tests, which must not fail where the checks after them speak."""
    try:
        return np.ndim(v)
    except Exception:
        return -1


def _brief(v):
    """A value in a few words: an array by its shape, a function by its name, else its repr."""
    if isinstance(v, np.ndarray):
        return f"an array of shape {v.shape}"
    if callable(v):
        return f"the function {label(v)}"
    return seen(v, 40)


def truncated(name, f, x, y):
    """What to say of ``f``, an ``np.vectorize`` without ``otypes`` given as ``name``, that
    returned integers for float input ``x``: NumPy took the output type from its first value
    (an int 0, say) and truncated every other value to it; else ""."""
    if not isinstance(f, np.vectorize) or f.otypes or np.asarray(x).dtype.kind != "f" or \
            getattr(y, "dtype", np.dtype(float)).kind not in "iu":
        return ""
    return (f"{name} returned {y.dtype} values for float input: it is an np.vectorize without "
            f"otypes, so NumPy took its output type from its first value (an int) and "
            f"truncated every other value to an int; pass np.vectorize(..., otypes=[float])")


#: The method of a SciPy distribution that each role takes; another of its methods given in
#: that role (``logpdf`` or ``ppf`` as a pdf, ``sf`` as a cdf) is named before any call.
ROLES = {"pdf": "pdf", "cdf": "cdf", "ppf": "ppf", "log_density": "logpdf"}
METHODS = ("pdf", "logpdf", "cdf", "logcdf", "sf", "logsf", "ppf", "isf", "pmf", "logpmf")


def other_method(name, f):
    """What is wrong when ``f``, given as ``name``, is a SciPy distribution's method meant for
    another role (its ``logpdf`` as a ``pdf``), else ""."""
    owner, method = getattr(f, "__self__", None), getattr(f, "__name__", None)
    if (name not in ROLES or method not in METHODS or method == ROLES[name]
            or not all(callable(getattr(owner, a, None)) for a in ("cdf", "ppf", "rvs"))):
        return ""
    return (f"the distribution's .{method} method ({type(owner).__name__}.{method}); pass its "
            f".{ROLES[name]}")


def asynchronous(name, f):
    """For an ``async def`` function or a generator function (one with ``yield``) given as
    ``name``, why it cannot be called as a plain one (a call returns a coroutine or a
    generator, which nothing runs: the function's body never runs); else ""."""
    if inspect.iscoroutinefunction(f) or inspect.isasyncgenfunction(f):
        made, kind = "a coroutine", "async function"
    elif inspect.isgeneratorfunction(f):
        made, kind = "a generator", "generator function (it has a yield)"
    else:
        return ""
    return (f"{name} must be a plain function, got the {kind} "
            f"{getattr(f, '__qualname__', f)!s:.60}: calling it only makes {made}, so its "
            f"body would never run")


def cached(name, f):
    """For a function wrapped in ``functools.lru_cache`` (or ``functools.cache``) and given as
    ``name`` where it will be called on arrays, why that cannot work (the cache hashes the
    arguments, and an array is unhashable); else ""."""
    if callable(getattr(f, "cache_info", None)) and callable(getattr(f, "cache_clear", None)):
        return (f"{name} is wrapped in functools.lru_cache (or functools.cache), which hashes "
                f"its arguments, and a NumPy array cannot be hashed: pass the function "
                f"itself ({name}.__wrapped__)")
    return ""


#: What NumPy says when a function of one number (math.sqrt, statistics.NormalDist().cdf) is
#: handed an array.
SCALAR_ONLY = ("only 0-dimensional arrays can be converted", "only length-1 arrays can be "
               "converted", "truth value of an array with more than one element is ambiguous")


def label(f):
    """How a message names the function ``f`` a user gave: its qualified name (``my_pdf``,
    ``NormalDist.cdf``, ``print``, ``<lambda>``), the function a decorator wraps, or the type
    of a callable object (``vectorize``, ``partial``). At most 60 characters."""
    inner = getattr(f, "__wrapped__", None)
    if callable(inner) and inner is not f:      # functools.wraps: the user's own function
        f = inner
    for attribute in ("pyfunc", "func"):        # np.vectorize(g), functools.partial(g, ...)
        inner = getattr(f, attribute, None)
        if callable(inner) and inner is not f:
            return _short(f"{type(f).__name__}({label(inner)})")
    owner, name = getattr(f, "__self__", None), getattr(f, "__name__", None)
    if owner is not None and not isinstance(owner, types.ModuleType) and isinstance(name, str):
        return _short(f"{type(owner).__name__}.{name}")    # a bound method: scipy's norm_gen.pdf
    if isinstance(getattr(f, "name", None), str) and hasattr(f, "impl") and hasattr(
            f, "vjps"):                             # an engine Primitive: ad.sum is "sum"
        return _short(f.name)
    name = getattr(f, "__qualname__", None) or getattr(f, "__name__", None)   # (a ufunc: erf)
    return _short(name if isinstance(name, str) and name else type(f).__name__)


def _short(name):
    """A long qualified name by its end, where the function itself is named."""
    return name if len(name) <= 60 else "..." + name[-57:]


def raised(name, f, err):
    """What to say when the user's function ``f``, given as ``name``, raised ``err`` on an
    array: ``name`` and the function by its :func:`label` (with several functions given,
    which one), and, when the error is NumPy's for a function of one number, that it must be
    vectorised."""
    hint = ("; it takes one number at a time, but is called on an array of points: make it "
            "vectorised (e.g. np.vectorize)" if any(s in str(err) for s in SCALAR_ONLY) else "")
    return f"{named(name, f)} raised {type(err).__name__}", hint


def named(name, f):
    """``name`` (the argument a function was given as) and the function's :func:`label`:
    "pdf (my_pdf)"; the library's own wrappers (a lambda of the samplers) go by ``name``."""
    module = getattr(f, "__module__", None)
    if f is None or isinstance(module, str) and module.startswith("scratchmeta."):
        return name
    return f"{name} ({label(f)})"


def picker(name, f):
    """For an ``operator.itemgetter``, ``attrgetter`` or ``methodcaller`` given as ``name``
    where a function of the points is meant (a pdf, a cdf), why it is none: it picks an item
    or an attribute of its input instead of computing one value per point; else ""."""
    if isinstance(f, (operator.itemgetter, operator.attrgetter, operator.methodcaller)):
        return (f"{name} must be a function computing one value per point, got {seen(f, 60)}, "
                f"which picks out part of its input instead")
    return ""


_CALLS = threading.local()          # how deep in names_itself's functions this thread is


def names_itself(fn, *, qualified=False):
    """``fn`` whose ValueError or TypeError starts with ``fn``'s name, unless it already does
    (``qualified``: its class's too, ``DiscreteInverseCDF.sample``, for a method; the class
    alone for its ``__init__``).

    Only the outermost such call names itself: an error raised inside ``from_density`` by
    ``find_center``, which it calls, is the user's call to ``from_density``. The exception
    is the same object, of the same type, with its first argument prefixed."""
    name = fn.__qualname__ if qualified else fn.__name__
    name = name[:-len(".__init__")] if name.endswith(".__init__") else name   # the class's

    @functools.wraps(fn)
    def named_call(*args, **kwargs):
        depth = getattr(_CALLS, "depth", 0)
        _CALLS.depth = depth + 1
        try:
            return fn(*args, **kwargs)
        except (ValueError, TypeError) as err:
            first = err.args[0] if err.args else None
            if depth == 0 and isinstance(first, str) and not first.startswith(name):
                err.args = (f"{name}: {first}",) + err.args[1:]
            raise
        finally:
            _CALLS.depth = depth
    return named_call


def names_itself_as_method(fn):
    """:func:`names_itself` for a sampler's method: its errors start with Class.method."""
    return names_itself(fn, qualified=True)


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def warn_user(message, category=RuntimeWarning):
    """``warnings.warn(message)`` attributed to the first caller outside scratchmeta: the
    user's own line, however many of the package's functions (and :func:`names_itself`'s
    wrappers) lie between."""
    frame, level = sys._getframe(1), 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, category, stacklevel=level + 1)
