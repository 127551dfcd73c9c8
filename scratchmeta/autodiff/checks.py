"""Chapter 1, appendix: what the engine checks before it works, and what it says when an op fails.

Not a lecture section: the engine's manners. Every wrong input to ``grad``
and friends gets a TypeError or ValueError naming the argument, the value
given and what was expected, raised before any work is done; an op that
NumPy refuses (shapes that do not broadcast, an index out of range, a
singular matrix) is reported under the engine op's name with the shapes it
was given, never as a traceback from deep inside NumPy.

Used by ``core.py``; imports nothing from the engine.
"""

import numpy as np

__all__ = ["KINDS", "describe", "op_error", "float_array", "check_argnums", "check_positions",
           "check_output", "check_scalar"]

# dtype.kind -> how an error message names an array of that kind.
KINDS = {"i": "an integer", "u": "an unsigned integer", "b": "a boolean", "O": "an object",
         "c": "a complex", "U": "a string", "S": "a bytes"}


def describe(x):
    """An argument as an error message shows it: its shape, or its type and value."""
    if isinstance(x, (np.ndarray, np.generic, float, int)) and not isinstance(x, bool):
        return str(np.shape(x))
    return f"{type(x).__name__} {x!r:.40}"


def op_error(name, args, params, err):
    """The error of op ``name`` on plain ``args``, naming the op, the shapes and NumPy's reason.

    Its type is kept where callers rely on it: LinAlgError (a singular matrix)
    and IndexError (an index out of range; it also ends ``for row in x``).
    """
    shapes = " and ".join(describe(a) for a in args)
    given = "".join(f", {k}={v!r:.40}" for k, v in params.items())
    if isinstance(err, np.linalg.LinAlgError):
        return np.linalg.LinAlgError(f"{name}: {err} (shapes {shapes})")
    if isinstance(err, IndexError) and str(err).startswith("only integers") and len(args) == 2:
        return TypeError(f"{name}: index {args[1]!r:.40} for shape {np.shape(args[0])} is not "
                         f"an index: {err}")
    if isinstance(err, IndexError) and not isinstance(err, ValueError):
        where = f"index {args[1]!r:.40} for shape {np.shape(args[0])}" if len(args) == 2 else shapes
        return IndexError(f"{name}: {where} is out of range: {err}")
    if isinstance(err, ValueError):
        return ValueError(f"{name}: cannot combine shapes {shapes}{given}: {err}")
    if isinstance(err, TypeError):
        return TypeError(f"{name}: cannot apply to {shapes}{given}: {err}")
    return err


def float_array(x, where):
    """An input leaf as a float array: float32 stays float32, other floats become float64.

    Integer, boolean, complex, string and object arrays are refused: their
    gradients are not defined (or not what the user meant).
    """
    arr = np.asarray(x)
    if arr.dtype.kind != "f":
        kind = KINDS.get(arr.dtype.kind, f"a {arr.dtype}")
        raise TypeError(f"{where} is {kind} array (dtype {arr.dtype}); gradients need "
                        f"float arrays, e.g. np.asarray(x, dtype=float)")
    return arr if arr.dtype == np.float32 else arr.astype(np.float64, copy=False)


def check_argnums(argnums):
    """``argnums`` as a tuple of ints, and whether a tuple of gradients is wanted."""
    many = isinstance(argnums, (tuple, list))
    nums = tuple(argnums) if many else (argnums,)
    if not all(isinstance(n, (int, np.integer)) and not isinstance(n, (bool, np.bool_))
               for n in nums):
        raise TypeError(f"argnums must be an int or a tuple of ints, got {argnums!r}")
    if not nums:
        raise ValueError("argnums is an empty tuple; name at least one argument to "
                         "differentiate")
    return nums, many


def check_positions(nums, n_args):
    """argnums as positions 0..n_args-1 (negative ones count from the end)."""
    for n in nums:
        if not -n_args <= n < n_args:
            raise ValueError(f"argnums {n} is out of range for {n_args} arguments")
    return tuple(int(n) % n_args for n in nums)


def check_output(out, who):
    """A function being differentiated must return a float array or number, not None.

    (An output made by the engine's ops, a Tensor, is checked by the caller.)
    """
    if isinstance(out, (np.ndarray, np.generic, float, int)):
        if np.asarray(out).dtype.kind in "fiub":
            return
    raise TypeError(f"{who} needs fun to return a float array or number, but it returned "
                    f"{type(out).__name__} {out!r:.60}")


def check_scalar(out_shape):
    """``grad`` differentiates a scalar: refuse an output of any other shape."""
    if out_shape != ():
        raise ValueError(f"grad needs fun to return a scalar, but it returned an output of "
                         f"shape {out_shape}; reduce it first, e.g. with sum")
