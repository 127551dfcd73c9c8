"""The testing kit's argument checks, one per kind of argument, with their messages.

Every public function of the kit checks its arguments with these before any work: a
ValueError or TypeError naming the argument, the value given and what was expected.
(A sampler under test that is *wrong* -- not monotone, off by more than the u-resolution,
NaN where a number is due -- is an AssertionError instead: the kit's verdict.)
"""

import numpy as np

from scratchmeta.messages import (asynchronous, cached, fits_float64, iterator, misread,
                                  odd_entry, other_method, picker, raised, returned, seen)

_KINDS = {"b": "bool", "c": "complex", "O": "object", "U": "string", "S": "bytes", "V": "structured",
          "M": "datetime", "m": "timedelta"}


#: Numbers that are no numbers here: a bool is a truth value, NumPy's timedelta64 (which it
#: registers as an integer) and datetime64 are times, and a masked scalar is a missing value.
NOT_NUMBERS = (bool, np.bool_, np.timedelta64, np.datetime64, np.ma.core.MaskedConstant)


def is_real(value):
    """True for a real number (an int or a float, Python's or NumPy's): not a bool, a time, a
    string, None, a Decimal or a complex, nor a long double that a float64 cannot hold. One
    place for every scalar check of the kit."""
    return isinstance(value, (int, float, np.integer, np.floating)) \
        and not isinstance(value, NOT_NUMBERS) and fits_float64(value)


def is_int(value):
    """True for an int (Python's or NumPy's): not a bool or a timedelta64."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, NOT_NUMBERS)


def describe(x):
    """A value as a message shows it: an array's shape and dtype, else its type and repr."""
    if isinstance(x, (np.ndarray, np.generic)):
        kind = (f"a numpy.{type(x).__name__}" if isinstance(x, np.ndarray)
                and type(x) is not np.ndarray else "an array")      # a subclass named
        return f"{kind} of shape {x.shape} and dtype {x.dtype}: {x!r:.50}"
    return f"{type(x).__name__} {x!r:.60}"


def refuse_masked(name, x):
    """A numpy.ma.MaskedArray is a TypeError naming ``name``: np.asarray drops its mask, so
    the masked entries would be tested as numbers unnoticed."""
    if isinstance(x, np.ma.MaskedArray):
        raise TypeError(f"{name} is a masked array (numpy.ma); scratchmeta does not honour masks: "
                        f"pass {name}.filled(value) or only the entries you mean")
    if isinstance(x, np.matrix):                       # stays 2-D where axes are reduced
        raise TypeError(f"{name} is an np.matrix of shape {x.shape}, which stays 2-D under "
                        f"reductions and indexing; pass np.asarray({name}) (a vector: "
                        f"np.asarray({name}).ravel())")


def real_numbers(name, x, what="an array of real numbers"):
    """``x`` as a float64 array; strings, objects, None, bools and complex numbers are a
    TypeError (a bool array is a mask, not numbers: read as 0 and 1 it would pass unnoticed),
    and so is a masked array (see :func:`refuse_masked`)."""
    refuse_masked(name, x)
    if isinstance(x, (bytes, bytearray, memoryview)):   # NumPy reads the bytes as numbers
        raise TypeError(f"{name} must be {what}, got a {type(x).__name__} of {len(x)} bytes "
                        f"(NumPy would read each byte as a number)")
    for fault in (iterator(name, x, what), misread(name, x, what)):
        if fault:
            raise TypeError(fault)
    try:
        kind = np.asarray(x).dtype.kind if x is not None else "O"
    except (TypeError, ValueError):
        kind = "O"
    except Exception as e:                              # an object whose __array__ fails
        cls = type(x)                         # another library's array: torch.Tensor
        top = cls.__module__.split(".")[0] + "." if hasattr(x, "shape") and hasattr(
            x, "dtype") and cls.__module__ != "builtins" else ""
        raise TypeError(f"{name} must be {what}, but NumPy could not read the "
                        f"{top}{cls.__name__} given: {type(e).__name__}: {e}") from e
    if kind not in "fiu":
        raise TypeError(f"{name} must be {what}, got {_KINDS.get(kind, 'a')} values: "
                        f"{describe(x)}{odd_entry(x)}")
    return np.asarray(x, dtype=np.float64)


def check_function(name, f):
    """``f`` must be callable; a class (``float``) or a SciPy distribution object
    (``stats.norm``, whose call makes a frozen distribution) is named as such."""
    if not callable(f):
        raise TypeError(f"{name} must be callable, got {describe(f)}")
    if isinstance(f, type):
        raise TypeError(f"{name} must be a function of an array, got the class {f.__name__} "
                        f"itself")
    if all(callable(getattr(f, a, None)) for a in ("cdf", "ppf", "rvs")):
        raise TypeError(f"{name} must be a function, got a distribution object "
                        f"({type(f).__name__}): pass one of its methods, e.g. its .cdf")
    other = other_method(name, f)
    if other:
        raise TypeError(f"{name} must be a function of an array, got {other}")
    for fault in (asynchronous(name, f), cached(name, f), picker(name, f)):
        if fault:
            raise TypeError(fault)
    return f


def call(name, f, x):
    """``f(x)`` for a function under test given as ``name``, ``x`` passed read-only: an
    exception it raises is re-raised as a TypeError (for a TypeError) or ValueError naming
    ``name``."""
    if isinstance(x, np.ndarray) and x.flags.writeable:     # read-only: a function under
        x = x.view()                                         # test that writes into its
        x.flags.writeable = False                            # input raises, not corrupts
    try:
        return f(x)
    except Exception as err:
        kind = TypeError if isinstance(err, TypeError) else ValueError
        wrote = (" (the points are passed read-only: a function under test must not write "
                 "into its input)" if "read-only" in str(err) else "")
        what, hint = raised(name, f, err)
        raise kind(f"{what} when called on an array of shape {np.shape(x)}: {err}{wrote}"
                   f"{hint}") from err


def real_output(name, y):
    """What a function under test returned, as an array: what is no array of numbers is
    refused as the samplers refuse it (:func:`scratchmeta.messages.returned`: a masked array,
    a tuple or list that is not one array, an exception object, ...); so are complex values
    (their imaginary part would be dropped without a word) and booleans (a mask read as 0
    and 1)."""
    y = returned(name, y, "one value per point, as an array of real numbers")
    if y.dtype.kind == "b":             # a mask read as 0 and 1 would pass unnoticed
        raise TypeError(f"{name} must return real numbers, got booleans: {describe(y)}; an "
                        f"indicator is mask.astype(float)")
    if y.dtype.kind not in "fiu":
        raise TypeError(f"{name} must return real numbers, got {_KINDS.get(y.dtype.kind, 'a')} "
                        f"values: {describe(y)}")
    return y


def real_vector(who, name, x):
    """A non-empty 1-D array of finite real numbers (a mixture's weights, a step's edges)."""
    arr = real_numbers(f"{who}: {name}", x, "a 1-D array of real numbers")
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{who}: {name} must be a non-empty 1-D array of real numbers, got "
                         f"shape {arr.shape}: {describe(x)}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{who}: {name} must be finite, got {seen(x, 60)}")
    return arr
