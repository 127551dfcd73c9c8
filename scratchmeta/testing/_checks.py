"""The testing kit's argument checks, one per kind of argument, with their messages.

Every public function of the kit checks its arguments with these before any work: a
ValueError or TypeError naming the argument, the value given and what was expected.
(A sampler under test that is *wrong* -- not monotone, off by more than the u-resolution,
NaN where a number is due -- is an AssertionError instead: the kit's verdict.)
"""

import numpy as np

_KINDS = {"b": "bool", "c": "complex", "O": "object", "U": "string", "S": "bytes", "V": "structured",
          "M": "datetime", "m": "timedelta"}


def describe(x):
    """A value as a message shows it: an array's shape and dtype, else its type and repr."""
    if isinstance(x, (np.ndarray, np.generic)):
        return f"an array of shape {x.shape} and dtype {x.dtype}: {x!r:.50}"
    return f"{type(x).__name__} {x!r:.60}"


def real_numbers(name, x, what="an array of real numbers"):
    """``x`` as a float64 array; strings, objects, None, bools and complex numbers are a
    TypeError (a bool array is a mask, not numbers: read as 0 and 1 it would pass unnoticed)."""
    try:
        kind = np.asarray(x).dtype.kind if x is not None else "O"
    except (TypeError, ValueError):
        kind = "O"
    if kind not in "fiu":
        raise TypeError(f"{name} must be {what}, got {_KINDS.get(kind, 'a')} values: "
                        f"{describe(x)}")
    return np.asarray(x, dtype=np.float64)


def check_function(name, f):
    """``f`` must be callable."""
    if not callable(f):
        raise TypeError(f"{name} must be callable, got {describe(f)}")
    return f


def call(name, f, x):
    """``f(x)`` for a function under test given as ``name``: an exception it raises is
    re-raised as a TypeError (for a TypeError) or ValueError naming ``name``."""
    try:
        return f(x)
    except Exception as err:
        kind = TypeError if isinstance(err, TypeError) else ValueError
        raise kind(f"{name} raised {type(err).__name__} when called on an array of shape "
                   f"{np.shape(x)}: {err}") from err


def real_output(name, y):
    """What a function under test returned, as an array; a complex one is a TypeError (its
    imaginary part would be dropped without a word)."""
    y = np.asarray(y)
    if y.dtype.kind not in "fiub":
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
        raise ValueError(f"{who}: {name} must be finite, got {x!r:.60}")
    return arr
