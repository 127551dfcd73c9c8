"""Input checks shared by the samplers of Chapter 3.

A sampler's errors are part of its text (see STYLE.md), so the checks that
every sampler makes -- "is this a random generator?", "is this a sample
size?", "are these numbers uniforms?" -- live here once, with their messages.
The figures of Chapter 4 that draw the samplers' numbers check them with the same functions,
so the module is public (none of its names is in the package's ``__all__``).
"""

import itertools
import numbers
import os
from collections.abc import Iterator, Mapping

import numpy as np

from scratchmeta.messages import (TINY, asynchronous, cached, first_not_finite, fits_float64,
                                  iterator, misread, named, other_method, out_of_scale, picker,
                                  raised, record, returned, seen, truncated)

#: The most steps a loop of the samplers is asked to run: beyond 2**53 a float64 step counter
#: (the warm-up's running mean) no longer counts, and no run would ever end anyway.
MAX_STEPS = 2 ** 53


def shown(x):
    """A value as a message shows it: an array's shape and dtype, else its type and repr."""
    if isinstance(x, (np.ndarray, np.generic)) and np.ndim(x):
        kind = (f"a numpy.{type(x).__name__}" if isinstance(x, np.ndarray)
                and type(x) is not np.ndarray else "an array")      # a subclass named
        kind = "an empty array" if kind == "an array" and not x.size else kind
        first = (f", the first {x.flat[0].item()!r:.40}" if x.dtype.kind in "USV" and x.size
                 else "")                                  # numbers typed as text or bytes
        return f"dtype {x.dtype} ({kind} of shape {x.shape}{first})"
    return f"{type(x).__name__} {x!r:.60}"


def refuse_masked(name, x):
    """A numpy.ma.MaskedArray is a TypeError naming ``name``: NumPy's arithmetic would keep the
    mask while np.asarray drops it, so the masked entries would be used as numbers unnoticed.
    So is an np.matrix, which stays 2-D where an array's axes are reduced or indexed away."""
    if isinstance(x, np.ma.MaskedArray):
        raise TypeError(f"{name} is a masked array (numpy.ma); scratchmeta does not honour masks: "
                        f"pass {name}.filled(value) or only the entries you mean")
    if isinstance(x, np.matrix):
        raise TypeError(f"{name} is an np.matrix of shape {x.shape}, which stays 2-D under "
                        f"reductions and indexing; pass np.asarray({name}) (a vector: "
                        f"np.asarray({name}).ravel())")


def real_array(name, x, what="an array of real numbers", bools=False):
    """``x`` as a float64 array of numbers: None, strings, objects, complex numbers, ragged
    lists (and bools, a mask rather than numbers, unless ``bools``) are a TypeError naming
    ``name`` and showing what was given; so is a masked array (see :func:`refuse_masked`)."""
    refuse_masked(name, x)
    if isinstance(x, (bytes, bytearray, memoryview)):   # NumPy reads the bytes as numbers
        raise TypeError(f"{name} must be {what}, got a {type(x).__name__} of {len(x)} bytes "
                        f"(NumPy would read each byte as a number)")
    for fault in (record(name, x, what), iterator(name, x, what), misread(name, x, what)):
        if fault:
            raise TypeError(fault)
    try:
        dtype = np.asarray(x).dtype
    except (TypeError, ValueError):                     # a ragged list
        dtype = "object (a ragged list)"
    except Exception as e:                              # an object whose __array__ fails
        cls = type(x)                         # another library's array: torch.Tensor
        top = cls.__module__.split(".")[0] + "." if hasattr(x, "shape") and hasattr(
            x, "dtype") and cls.__module__ != "builtins" else ""
        raise TypeError(f"{name} must be {what}, but NumPy could not read the "
                        f"{top}{cls.__name__} given: {type(e).__name__}: {e}") from e
    if getattr(dtype, "kind", "O") not in ("iufb" if bools else "iuf"):
        if isinstance(x, (Iterator, set, frozenset, dict)):   # NumPy reads none as numbers
            raise TypeError(f"{name} must be {what}, got {seen(x, 60)} (an iterator, set "
                            f"or dict, not an array: pass np.array(list(...)) of the values "
                            f"you mean{', e.g. its .values()' if isinstance(x, dict) else ''})")
        values = "" if isinstance(x, np.ndarray) else f" (dtype {dtype})"
        words = {"U": "strings", "S": "bytes", "O": "objects", "c": "complex numbers",
                 "b": "booleans", "m": "timedeltas", "M": "datetimes"}
        word = words.get(getattr(dtype, "kind", "O"), "values")
        found = _first_odd(x) if word == "objects" else None
        if isinstance(dtype, str) and isinstance(x, (list, tuple)):   # NumPy made no array
            if found is not None and found[1] is None:  # a chain never filled in
                raise TypeError(f"{name} must be {what}, got a {type(x).__name__} of {len(x)} "
                                f"whose entry {name}[{', '.join(map(str, found[0]))}] is None, "
                                f"a value never set (the entries' shapes: {_entry_shapes(x)})")
            if found is None:                           # numbers only: parts of other shapes
                raise TypeError(f"{name} must be {what}, got a ragged {type(x).__name__} "
                                f"{seen(x, 60)}: its entries have shapes {_entry_shapes(x)}, "
                                f"which make no array; give every entry the same shape")
        if word == "objects":                           # say what the first odd one is
            if found is not None:
                where, odd = found
                word += (f", the first a {type(odd).__name__} {odd!r:.30} at "
                         f"{name}[{', '.join(map(str, where))}]")
                word += " (too large for a float64)" if isinstance(odd, numbers.Number) and \
                    not fits_float64(odd) else ""
        if word == "strings":                           # a table read as text: its header?
            word += _first_word(np.asarray(x))
        raise TypeError(f"{name} must be {what}, got {shown(x)}{values}: {word}")
    return np.asarray(x, dtype=np.float64)


def _entry_shapes(x):
    """The shapes of a list's first entries, for a message: "[(100,), (60,)]"."""
    def shape(v):
        try:
            return np.shape(v) if not isinstance(v, (str, bytes, dict, set)) else \
                type(v).__name__
        except ValueError:                              # ragged itself
            return f"a ragged {type(v).__name__} of {len(v)}"
    shapes = [shape(v) for v in x[:8]]
    return f"[{', '.join(map(str, shapes))}{', ...' if len(x) > 8 else ''}]"


def _first_word(a):
    """For an array of strings, its first entry that reads as no number (a header's name,
    say), or that all read as numbers (text to convert); only read to word an error."""
    for i, v in enumerate(a.ravel()):
        try:
            float(v)
        except ValueError:
            at = f" (entry {[int(j) for j in np.unravel_index(i, a.shape)]})" if a.ndim else ""
            return f", the first that is no number {str(v)!r:.40}{at}"
    first = f" (the first {str(a.ravel()[0])!r:.40})" if a.size else ""
    return f", all numbers written as text{first} (convert them with .astype(float))"


def _first_odd(x):
    """(where, entry) for the first entry of ``x`` (nested lists, tuples or an object array,
    read in order) that is not a number (or one a float64 cannot hold; an array of numbers
    holds none, a list that holds itself is one), ``where`` its index as a tuple; None if
    there is none. Only read to word an error."""
    todo = [((), x, frozenset())]                       # (where, entry, its containers' ids)
    while todo:
        where, v, within = todo.pop()
        if id(v) in within:                             # a list inside itself: no number
            return tuple(int(i) for i in where), v
        if isinstance(v, np.ndarray) and v.dtype == object:
            todo.extend(reversed([(where + np.unravel_index(i, v.shape), e, within | {id(v)})
                                  for i, e in enumerate(v.ravel())]))
        elif isinstance(v, np.ndarray) and v.dtype.kind in "iuf":   # numbers: none is odd
            continue
        elif isinstance(v, (list, tuple)):
            todo.extend(reversed([(where + (i,), e, within | {id(v)})
                                  for i, e in enumerate(v)]))
        elif not isinstance(v, (int, float, np.integer, np.floating)) or not fits_float64(v):
            return tuple(int(i) for i in where), v      # (10**400: a number, but no float)
    return None


#: Said after NumPy's "assignment destination is read-only" from a user's function.
WROTE = (" (the points are passed read-only: a function given to the samplers must not "
         "write into its input, which the sampler still uses)")


def read_only(x):
    """``x`` for a user's function: an array as a read-only view (O(1)), so that writing
    into it raises instead of changing the sampler's own points unseen; else ``x``."""
    if isinstance(x, np.ndarray) and x.flags.writeable:
        x = x.view()
        x.flags.writeable = False
    return x


def call_user(name, f, x, expected=None):
    """``f(x)`` for a function the user gave as ``name``, as an array (see :func:`returned`;
    ``expected`` says what it must return, by default one value per point of ``x``): an
    exception it raises is re-raised as a TypeError (for a TypeError) or ValueError naming
    ``name`` and the input's shape. ``f`` gets ``x`` read-only (:func:`read_only`)."""
    check_function(f, name)                            # None or a number: said as such
    try:
        y = f(read_only(x))
    except Exception as err:
        kind = TypeError if isinstance(err, TypeError) else ValueError
        what, hint = raised(name, f, err)
        raise kind(f"{what} when called on an array of shape {np.shape(x)}: "
                   f"{err}{WROTE if 'read-only' in str(err) else ''}{hint}") from err
    if type(y) is np.ndarray and y.dtype.kind == "f" and y.dtype != np.float16:  # at once
        return y
    if truncated(named(name, f), f, x, y):              # np.vectorize's int output type
        raise TypeError(truncated(named(name, f), f, x, y))
    return returned(named(name, f), y, expected or f"one number per point of its input, an "
                                                   f"array of shape {np.shape(x)}")


def call_finite(name, f, x, what="value"):
    """``f(x)`` for a function the user gave as ``name`` (an integrand): one finite real
    number per point of ``x``, as a float64 array; else an error naming ``name`` and what it
    returned."""
    y = real_array(f"{named(name, f)} (what it returned)", call_user(name, f, x),
                   "real numbers")
    if y.shape != np.shape(x):
        raise ValueError(f"{named(name, f)} must be vectorised: given an array of shape "
                         f"{np.shape(x)} it must return one {what} per point, but it returned "
                         f"shape {y.shape}: {shown(y) if y.ndim else repr(y.item())}")
    if not np.isfinite(y).all():
        i = int(np.flatnonzero(~np.isfinite(y.ravel()))[0])
        raise ValueError(f"{named(name, f)} must return finite numbers, but it returned "
                         f"{y.size - np.count_nonzero(np.isfinite(y))} NaN or inf of {y.size} "
                         f"(the first {y.flat[i]!r} at x = {np.asarray(x).flat[i]!r})")
    return y


def check_text(name, value):
    """A non-empty string, such as the name an argument goes by in messages."""
    if not isinstance(value, str) or not value:
        raise TypeError(f"{name} must be a non-empty string, got {type(value).__name__} "
                        f"{value!r:.40}")
    return value


def check_vectors(**named):
    """Non-empty 1-D arrays of one length: a grid (the first) and values on it (the others)."""
    (first, a), *rest = named.items()
    if np.ndim(a) != 1 or np.size(a) == 0:
        raise ValueError(f"{first} must be a non-empty 1-D array, got {shown(a)}")
    for name, b in rest:
        if np.shape(b) != np.shape(a):
            raise ValueError(f"{name} must be a 1-D array of the length of {first} ({len(a)}), "
                             f"one value per entry, got {shown(b)}")


def pair_items(name, value, kind=TypeError):
    """``value`` as a list, if it is a tuple, list or 1-D array: a set has no order (which
    end comes first would be chance) and an iterator is spent once read, so both, and
    anything else, are an error of ``kind`` naming ``name``. Its length is left to the
    caller."""
    refuse_masked(name, value)
    if isinstance(value, (tuple, list)):        # its items are the caller's to check (NumPy
        return list(value)                      # would try to read them all as one array)
    if not isinstance(value, np.ndarray) or value.ndim != 1:
        raise kind(f"{name} must be a pair: a tuple or list of two numbers, got "
                        f"{type(value).__name__} {value!r:.60}"
                        + ("; a set has no order" if isinstance(value, (set, frozenset)) else ""))
    return list(value)


def check_pair(name, value, low=-np.inf, high=np.inf, ordered=False):
    """Two real numbers, not NaN, each in [low, high] (and, if ``ordered``, the first at most
    the second): the ends of a support, the masses of two tails. Returns them as floats."""
    pair_items(name, value, ValueError)               # ValueError, as for any bad pair
    try:
        a, b = value
        pair = (check_real(name, a), check_real(name, b))
    except (TypeError, ValueError):
        pair = None
    if pair is None or not (low <= min(pair) and max(pair) <= high) or ordered and a > b:
        order = ", the first at most the second" if ordered else ""
        raise ValueError(f"{name} must be a pair of numbers in [{low}, {high}]{order}, got "
                         f"{type(value).__name__} {value!r:.60}")
    return pair


def check_function(f, name, what="a function"):
    """``f`` must be callable: a TypeError naming ``name`` and showing what was given. A
    class (``float``) is callable but no function of an array, and a SciPy distribution
    object (``stats.norm``) is callable but returns a frozen distribution: both are named."""
    if not callable(f):
        raise TypeError(f"{name} must be {what}, got {type(f).__name__} {f!r:.60}")
    if isinstance(f, type):
        raise TypeError(f"{name} must be {what}, called on an array of points; got the class "
                        f"{f.__name__} itself")
    if all(callable(getattr(f, a, None)) for a in ("cdf", "ppf", "rvs")):
        raise TypeError(f"{name} must be {what}, got a distribution object "
                        f"({type(f).__name__}): pass one of its methods, e.g. its .cdf or .pdf")
    other = other_method(name, f)
    if other:
        raise TypeError(f"{name} must be {what}, got {other}")
    for fault in (asynchronous(name, f), cached(name, f), picker(name, f)):
        if fault:
            raise TypeError(fault)
    return f



#: Numbers that are no numbers here: a bool is a truth value, and NumPy's timedelta64 (which it
#: registers as an integer) and datetime64 are times; a masked scalar is a missing value.
NOT_NUMBERS = (bool, np.bool_, np.timedelta64, np.datetime64, np.ma.core.MaskedConstant)


def is_real(value):
    """True for a real number (an int or a float, Python's or NumPy's): not a bool, a time, a
    string, None or a complex, and not a Fraction or Decimal (exact numbers the samplers
    would round to a float unasked; the engine and Chapter 2 refuse them too), nor a long
    double that a float64 cannot hold. One place for every scalar check of the samplers."""
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, NOT_NUMBERS) and fits_float64(value)


def is_int(value):
    """True for an int (Python's or NumPy's): not a bool or a timedelta64."""
    return isinstance(value, numbers.Integral) and not isinstance(value, NOT_NUMBERS)


def check_real(name, value, finite=False, why=""):
    """A real number (an int or a float, not a bool, a string, None or a complex): float.

    ``why`` (``"; the grid needs a finite interval"``) ends the message of a NaN or inf."""
    try:
        number = float(value) if is_real(value) else None
    except (TypeError, ValueError, OverflowError):      # a Real that float() refuses
        number = None
    if number is None and not fits_float64(value):
        raise ValueError(f"{name} must be a number a float64 can hold, got {seen(value, 40)}, "
                         f"which float64 would round to {'0' if abs(value) < 1 else 'inf'}")
    if number is None:
        raise TypeError(f"{name} must be a real number, got {type(value).__name__} "
                        f"{value!r:.40}")
    if np.isnan(number) or finite and not np.isfinite(number):
        raise ValueError(f"{name} must be a {'finite ' if finite else ''}number, not NaN"
                         f"{' or inf' if finite else ''}, got {seen(value)}{why}")
    return number


def check_steps(name, value, smallest):
    """A number of steps: an int from ``smallest`` to MAX_STEPS (a loop, not memory)."""
    if not is_int(value):
        raise TypeError(f"{name} must be an int, got {seen(value)}")
    if not smallest <= value <= MAX_STEPS:
        raise ValueError(f"{name} must be at least {smallest}, got {value}" if value < smallest
                         else f"{name} must be at most 2**53 steps, got {value}")
    return int(value)


def check_random_state(value):
    """SciPy's convention for ``random_state``: a numpy Generator, or an int seed >= 0.

    There is no global default (None is refused), so that runs are reproducible. A seed is
    below 2**63, as every seed of the library is (the command line's, a figure's, train's).
    """
    if isinstance(value, np.random.Generator):
        return value
    if is_int(value):
        if not 0 <= value < 2 ** 63:
            raise ValueError(f"random_state must be a numpy.random.Generator or an int seed "
                             f">= 0 and < 2**63 (an int64), got {seen(value)}")
        return np.random.default_rng(int(value))
    raise TypeError("random_state must be a numpy.random.Generator or an int seed (for "
                    f"example 0), got {type(value).__name__} {value!r:.40}; there is no global "
                    "default, so runs are reproducible")


def check_rng(rng):
    """Return ``rng`` if it is a numpy.random.Generator, else raise TypeError."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            "rng must be a numpy.random.Generator (for example "
            f"numpy.random.default_rng(0)), got {type(rng).__name__} {rng!r:.40}")
    return rng


def check_size(size):
    """Return ``size`` as a shape tuple: an int n >= 0 or a tuple of them."""
    if is_int(size):
        size = (int(size),)
    elif isinstance(size, tuple) and all(is_int(s) for s in size):
        size = tuple(int(s) for s in size)
    else:
        raise TypeError(f"size must be an int or a tuple of ints, got {seen(size)}")
    if any(s < 0 for s in size):
        raise ValueError(f"size must not be negative, got {size}")
    check_fits(f"size {size}", float(np.prod(size, dtype=float)))
    return size


def _memory():
    """Bytes of physical memory on this machine (None where it cannot be read)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def check_fits(what, n_floats, itemsize=8):
    """Refuse, before allocating, ``n_floats`` numbers that cannot fit in this machine's memory."""
    limit, need = _memory(), float(n_floats) * itemsize
    if limit is not None and need > limit:
        units = ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB")
        k = min(int(np.log2(max(need, 1.0)) // 10), len(units) - 1)
        raise ValueError(f"{what} would need {need / 1024 ** k:.3g} {units[k]} of memory at "
                         f"once, more than this machine's {limit / 2 ** 30:.3g} GiB; choose a "
                         f"smaller size")


def check_uniforms(u, ndim=None):
    """Return ``u`` as a float64 array after checking that 0 <= u <= 1 (and, if ``ndim`` is
    given, that it has that many axes).

    U = 1 is accepted (it is the limit of the map from the left) although a
    uniform generator never returns it.
    """
    try:
        complex_values = np.iscomplexobj(u)
    except Exception:                # ragged, or an __array__ that fails: real_array names it
        complex_values = False
    if complex_values:
        raise TypeError("u must be an array of real numbers in [0, 1], got complex values")
    given = u
    u = real_array("u", u, "an array of real numbers in [0, 1] (uniforms)")
    if not np.all((u >= 0.0) & (u <= 1.0)):  # also catches NaN
        outside = ~((u >= 0.0) & (u <= 1.0))
        first = seen(u[outside].flat[0])
        shown = np.array2string(u.ravel(), threshold=8, edgeitems=3, max_line_width=200)
        got = first if u.size == 1 else (f"u = {shown}, {np.count_nonzero(outside)} of {u.size} "
                                         f"outside (the first {first})")
        if not isinstance(given, (np.ndarray, np.generic, list, int, float)):   # a range, say
            got = f"{seen(given, 40)}, read as {got}"
        percent = bool(np.all((u >= 0.0) & (u <= 100.0)) and u.max() > 1.0)   # (no NaN)
        raise ValueError(f"u must lie in [0, 1] (uniform random numbers), got {got}"
                         + ("; if these are percentages, divide by 100" if percent else ""))
    if ndim is not None and u.ndim != ndim:
        raise ValueError(f"u must be an array of uniforms with {ndim} axes, got shape "
                         f"{u.shape}")
    return u


def open_uniforms(size, rng):
    """Uniforms on the open interval (0, 1): numpy's [0, 1) grid without 0.

    An exact 0 (probability 2**-53 per draw) is redrawn, so an inverse CDF
    with an infinite left tail never returns -inf. The draws are then
    uniform on {k * 2**-53 : k = 1, ..., 2**53 - 1}, which is symmetric
    about 1/2.
    """
    u = rng.random(size)
    zero = u == 0.0
    while zero.any():
        u[zero] = rng.random(int(zero.sum()))
        zero = u == 0.0
    return u


def finite_array(name, x, what="an array of finite real numbers", bools=False):
    """``x`` as a float64 array of real numbers (see :func:`real_array`), none of them NaN or
    inf: data such as draws, bin edges or the ends of intervals. One pass over the entries."""
    a = real_array(name, x, what, bools=bools)
    if not np.isfinite(a).all():
        bad = int(a.size - np.count_nonzero(np.isfinite(a)))
        given = f"{x!r:.40}" if a.ndim == 0 else f"{bad} NaN or inf entr" + \
            ("y" if bad == 1 else "ies") + f" of {a.size} (shape {a.shape})" + \
            (f": {a.tolist()}" if a.size <= 8 else f"; {first_not_finite(name, a)}")
        raise ValueError(f"{name} must be {what}, got {given}")
    return a


def check_draws(name, x, ndim=None):
    """Draws to histogram: finite numbers with the draws on the last axis (exactly ``ndim``
    axes if given), at least one draw."""
    what = "draws: an array of finite numbers" + (f" with {ndim} axes" if ndim else "")
    a = finite_array(name, x, what)
    if a.ndim == 0 or ndim is not None and a.ndim != ndim or a.shape[-1] == 0:
        raise ValueError(f"{name} must be {what}, with at least one draw on the last axis, got "
                         f"shape {a.shape}")
    return a


def check_chains(name, x, least=1, chains=True):
    """Draws of Markov chains for a diagnostic: finite numbers (0/1 too: an indicator's
    chains) of shape (chains, draws), at least one chain of at least ``least`` draws; with
    ``chains=False`` any shape of one axis or more, at least ``least`` draws in all."""
    what = ("draws of shape (chains, draws), finite numbers" if chains
            else "draws, an array of finite numbers")
    a = finite_array(name, x, what, bools=True)
    if (a.ndim != 2 or a.shape[0] < 1 or a.shape[1] < least) if chains else (
            a.size < least or a.ndim == 0):             # one number is no array of draws
        if a.ndim == 0 and not chains:
            raise ValueError(f"{name} must be {what} (one axis or more), got the single "
                             f"{type(x).__name__} {seen(x, 40)}")
        raise ValueError(f"{name} must be {what}, with at least {least} draw"
                         f"{'s' if least > 1 else ''}{' per chain' if chains else ''}, got "
                         f"{'an empty array of ' if not a.size else ''}shape {a.shape}"
                         + (f": {seen(x, 40)}" if a.size <= 8 else ""))
    return a


def check_probability(name, value):
    """A probability: a real number in [0, 1], such as the level of a quantile."""
    p = check_real(name, value)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"{name} must be a probability in [0, 1], got {seen(value)}")
    return p


def check_edges(edges, name="edges", kind="bin edges"):
    """Bin edges (or the breakpoints of intervals, as ``kind``): a 1-D array of at least 2
    finite numbers, each larger than the one before."""
    what = f"{kind}: a 1-D array of at least 2 finite numbers, each larger than the one before"
    e = finite_array(name, edges, what)
    if e.ndim != 1 or e.size < 2 or not np.all(np.diff(e) > 0):
        raise ValueError(f"{name} must be {what}, got {shown(edges)}")
    return e


def check_cdf_values(name, c, x):
    """What a CDF returned at the points ``x`` (increasing): one real number per point, each in
    [0, 1], none smaller than the one before."""
    c = real_array(f"{name}(edges)", c, "real numbers, one per edge")
    if c.shape != np.shape(x) or not (np.all((c >= 0) & (c <= 1)) and np.all(np.diff(c) >= 0)):
        raise ValueError(f"{name} must be a CDF: at the edges it must return one number in "
                         f"[0, 1] per edge, never decreasing, got {seen(c, 80)} (shape {c.shape}) "
                         f"for edges of shape {np.shape(x)}")
    return c


def check_positive(name, x, zero=False):
    """``x`` as a float64 array of finite numbers > 0 (>= 0 if ``zero``): step sizes."""
    what = f"an array of finite numbers {'>= 0' if zero else '> 0'}"
    a = finite_array(name, x, what)
    if not (np.all(a >= 0) if zero else np.all(a > 0)):
        bad = a[~(a >= 0) if zero else ~(a > 0)].flat[0]
        raise ValueError(f"{name} must be {what} (step sizes), got {float(bad)!r}"
                         + ("" if a.ndim == 0 else f" among the {a.size} given"))
    odd = a[((a > 0) & (a < TINY)) | (a > 1.0 / TINY)]       # subnormal, or near overflow
    if odd.size:
        raise ValueError(out_of_scale(name, odd.flat[0], "step size")
                         + ("" if a.ndim == 0 else f" (among the {a.size} given)"))
    return a


def check_named_runs(name, runs, rngs, example):
    """``runs`` a non-empty dict {name: setting} (``example`` shows one) and ``rngs`` one
    numpy Generator per entry, so that zipping the two drops none; returns rngs as a list."""
    if not isinstance(runs, dict):
        raise TypeError(f"{name} must be a dict {{name: value}}, e.g. {example}, got "
                        f"{type(runs).__name__} {runs!r:.60}")
    if isinstance(rngs, (Mapping, set, frozenset, str)):    # its keys, or letters, would be read
        raise TypeError(f"rngs must be a list of numpy Generators, one per entry of {name} in "
                        f"its order, got a {type(rngs).__name__} {rngs!r:.60}")
    given = rngs
    if hasattr(rngs, "__iter__") and not isinstance(rngs, list):   # read one past the need, so
        rngs = list(itertools.islice(rngs, len(runs) + 1))          # an endless one ends
        if len(rngs) > len(runs):
            raise ValueError(f"rngs must give one generator per entry of {name} ({len(runs)}), "
                             f"but the {type(given).__name__} {given!r:.60} gave more")
    if not runs or not isinstance(rngs, list) or len(rngs) != len(runs):
        raise ValueError(f"{name} must be a non-empty dict, e.g. {example}, with rngs one "
                         f"generator per entry: got {len(runs)} entries and rngs {rngs!r:.60}")
    for i, rng in enumerate(rngs):
        if not isinstance(rng, np.random.Generator):
            source = "" if given is rngs else f", from the {type(given).__name__} {given!r:.40}"
            raise TypeError(f"rngs[{i}] must be a numpy.random.Generator (rngs holds one per "
                            f"entry of {name}, e.g. numpy.random.default_rng(0)), got "
                            f"{type(rng).__name__} {rng!r:.40}{source}")
    return rngs


def check_rule(rule, where=""):
    """A quadrature rule (lo, hi, n) (``where`` = "rules[i]: " for ``integrate_many``): ends
    that are finite, broadcast together and have lo <= hi, and an int n >= 1 of nodes;
    returns lo and hi as float64 arrays of one shape, and n. O(size of lo and hi)."""
    if not isinstance(rule, (tuple, list)) or len(rule) != 3:
        raise TypeError(f"{where[:-2] or 'a rule'} must be a triple (lo, hi, n): the ends of "
                        f"the intervals and the number of nodes, e.g. (0.0, 1.0, 8), got "
                        f"{shown(rule)}")
    lo, hi, n = rule
    n = check_steps(f"{where}n", n, 1)
    lo = finite_array(f"{where}lo", lo, "finite numbers (the left ends)")
    hi = finite_array(f"{where}hi", hi, "finite numbers (the right ends)")
    if lo.shape != hi.shape:
        try:
            lo, hi = np.broadcast_arrays(lo, hi)
        except ValueError:
            raise ValueError(f"{where}lo and hi must broadcast together, got shapes "
                             f"{lo.shape} and {hi.shape}") from None
    if not np.all(lo <= hi):
        k = int(np.flatnonzero(~(lo <= hi).ravel())[0])
        raise ValueError(f"{where}each interval must have lo <= hi, got lo = "
                         f"{float(lo.flat[k])!r} > hi = {float(hi.flat[k])!r}"
                         + ("" if lo.ndim == 0 else f" (entry {k} of {lo.size})"))
    check_fits(f"{where}{n} nodes on each of {lo.size} intervals", float(n) * lo.size)
    return lo, hi, n


def check_rules(rules):
    """The ``rules`` of ``quadrature.integrate_many``: a non-empty list or tuple of triples
    (checked one by one by :func:`check_rule`)."""
    if not isinstance(rules, (list, tuple)) or not rules:
        kind = ValueError if isinstance(rules, (list, tuple)) else TypeError
        raise kind(f"rules must be a non-empty list of triples (lo, hi, n), e.g. "
                   f"[(0.0, 1.0, 8)], got {shown(rules)}")
    return rules


def check_u_resolution(value):
    """The target u-error of ``from_density``: a real number in [1e-14, 1e-2) (tighter than
    1e-14 is below what double precision resolves; 1e-2 and looser is no inverse CDF)."""
    if not is_real(value):
        raise TypeError(f"u_resolution must be a float in [1e-14, 1e-2), got "
                        f"{type(value).__name__} {value!r:.40}")
    if not 1e-14 <= value < 1e-2:                       # also NaN
        raise ValueError(f"u_resolution must be in [1e-14, 1e-2), got {seen(value)}")
    return float(value)
