"""Chapter 1, appendix: what the engine checks before it works, and what it says when an op fails.

Not a lecture section: the engine's manners. Every wrong input to ``grad``
and friends gets a TypeError or ValueError naming the argument, the value
given and what was expected, raised before any work is done; an op that
NumPy refuses (shapes that do not broadcast, an index out of range, a
singular matrix) is reported under the engine op's name with the shapes it
was given, never as a traceback from deep inside NumPy.

Used by ``core.py``; imports nothing from the engine.
"""

import functools
import inspect
import numbers
import threading
import types
from collections.abc import Iterator, Sequence

import numpy as np

__all__ = ["KINDS", "describe", "seen", "op_error", "float_array", "real_array",
           "check_callable", "check_primitive", "check_argnums", "check_positions",
           "check_output", "check_scalar",
           "check_nonempty", "check_no_nan", "ARGUMENTS", "check_count", "check_flag",
           "record_message", "container",
           "check_arrays", "check_numbers", "check_finite", "check_float_leaves", "check_tolerance",
           "check_generator", "check_args", "check_values", "check_same_tree", "tree_structure",
           "check_system", "check_constant", "call_fun", "check_given", "IndexValueError",
           "check_inputs", "plain_shape", "other_dtype", "checked_axes", "check_axis",
           "masked_message", "checked_rules", "check_repeatable",
           "check_fun_at", "check_traced_output", "fits_float64", "label", "named", "as_users",
           "ufunc_keywords", "missing_rule", "in_derivative", "stepped", "InvalidValueError",
           "named_errors", "own_dtype"]

# dtype.kind -> how an error message names an array of that kind.
KINDS = {"i": "an integer", "u": "an unsigned integer", "b": "a boolean", "O": "an object",
         "c": "a complex", "U": "a string", "S": "a bytes", "m": "a timedelta64",
         "M": "a datetime64", "V": "a structured"}

# A NumPy masked array is an ndarray whose mask the engine's NumPy calls would drop (or keep
# by accident): the type is looked up once here, and tested only where a value that is not
# a plain ndarray is turned into one (never per entry, never on an op's fast path).
_MASKED = np.ma.MaskedArray


# NumPy counts np.timedelta64 among its integers (a subclass of np.signedinteger): a count,
# an axis or a shape entry refuses it, as it refuses a bool.
_NOT_INTS = (bool, np.bool_, np.timedelta64)


def masked_message(name):
    """What is said of a numpy.ma.MaskedArray given as ``name`` where numbers are meant."""
    return (f"{name} is a masked array (numpy.ma); scratchmeta does not honour masks: pass "
            f"{name}.filled(value) or only the entries you mean")


def _odd_entry(a):
    """For an object array: its first entry that is not a real number, shown (a None, a
    word); for an array of text, its first entry (numbers typed as text); "" if there is
    none. Read only to word an error."""
    if isinstance(a, np.ndarray) and a.dtype.kind in "USV" and a.size:
        return f", the first {a.flat[0].item()!r:.40}"
    if not (isinstance(a, np.ndarray) and a.dtype.kind == "O"):
        return ""
    for i, v in enumerate(a.flat):
        if isinstance(v, _NOT_INTS) or not isinstance(v, (int, float, np.integer,
                                                          np.floating)):
            where = np.unravel_index(i, a.shape) if a.ndim > 1 else i
            return f" holding {v!r:.40} (at index {where})"
    return ""


def _iterator(x, name="x"):
    """What is said of an iterator given as ``name`` where values are meant (a
    ``numpy.nditer``, ``map(...)``): NumPy reads it as one object, or as nothing once it is
    used up; "" for anything else (a generator is named where it is read, elsewhere). So is
    a container that is no sequence (a networkx ``Graph``; see ``messages.misread``)."""
    if type(x) is np.ndarray:        # the common case, before the ABC's slower isinstance
        return ""
    if isinstance(x, Iterator) and not isinstance(x, (np.ndarray, types.GeneratorType)):
        return (f"{name} must be an array of real numbers, got an iterator, "
                f"{type(x).__module__.split('.')[0]}.{type(x).__name__}, which NumPy does not "
                f"read as its values; pass np.array(list(it)) (or the array it walks)")
    return no_sequence(x, name)


def no_sequence(x, name):
    """For a container with a length and items but neither an array protocol, a buffer nor
    the Sequence type (a networkx ``Graph``), which NumPy reads through iteration (a graph
    as its nodes, not its matrix), what to say; else "". The second half of
    ``messages.misread``, copied, as the engine imports nothing from the rest of the package
    (``tests/test_bad_inputs_round56.py`` checks that the two agree)."""
    cls = type(x)
    if x is None or isinstance(x, (np.ndarray, np.generic, numbers.Number, str, bytes, dict,
                                   Sequence)) or not (hasattr(cls, "__getitem__")
                                                      and hasattr(cls, "__len__")) or any(
            hasattr(cls, a) for a in ("__array__", "__array_interface__", "__array_struct__",
                                      "__array_function__")):
        return ""
    if hasattr(x, "toarray") and hasattr(x, "nnz"):      # SciPy sparse: named by _sparse
        return ""
    try:
        memoryview(x)                                       # a buffer: read as its numbers
        return ""
    except TypeError:
        pass
    try:
        items = f"its {len(x)} items"
    except Exception:                                       # a length that fails
        items = "its items"
    base = cls.__mro__[1] if len(cls.__mro__) > 2 else None
    kind = (f"{(cls.__module__ or '?').split('.')[0]}.{cls.__name__}"
            + (f" (a kind of {base.__name__})" if base is not None else ""))
    if (cls.__module__ or "").split(".")[0] in OTHER_ARRAY_LIBRARIES:   # autograd's ArrayBox
        return (f"{name} must be an array of real numbers, got {kind}, another library's "
                f"value (traced by it, or its own array), which the engine cannot read: pass "
                f"NumPy arrays, and take derivatives with the engine's grad, not that "
                f"library's")
    return (f"{name} must be an array of real numbers, got {kind}, {seen(x, 50)}, which is "
            f"neither an array nor a sequence: NumPy would read it as {items} in iteration "
            f"order (a graph's nodes), not the numbers meant; pass the array meant (a graph's "
            f"matrix, say)")


def _sparse(where, x):
    """A TypeError for a SciPy sparse matrix given as ``where`` (NumPy reads one as a single
    object), or None for anything else (duck-typed: no SciPy import here)."""
    if hasattr(x, "toarray") and hasattr(x, "nnz") and not isinstance(x, np.ndarray):
        return TypeError(f"{where} is a sparse matrix ({type(x).__name__} of shape "
                         f"{getattr(x, 'shape', '?')}); the engine works on dense arrays: pass "
                         f"its .toarray()")
    return None


def unreadable(name, x, err):
    """What is said of a value given as ``name`` that NumPy could not read as an array: its
    ``__array__`` (or its items) raised ``err``, which is shown."""
    return (f"{name} must be an array of real numbers, but NumPy could not read the "
            f"{_class_of(x)} given: {type(err).__name__}: {err}")


def _class_of(x):
    """``x``'s class, with its package and shape where it has a shape or comes from another
    array library ("torch.Tensor of shape (3,)"): another library's array is told from the
    engine's own Tensor."""
    cls = type(x)
    top = (cls.__module__ or "").split(".")[0]
    shape = getattr(x, "shape", None)
    try:
        shape = f" of shape {tuple(shape)}" if shape is not None else ""
    except TypeError:                                   # a shape that is no sequence
        shape = ""
    plain = top in ("builtins", "") or not shape and top not in OTHER_ARRAY_LIBRARIES
    return (cls.__name__ if plain else f"{top}.{cls.__name__}") + shape


def describe(x):
    """An argument as an error message shows it: its shape (and dtype unless a number's, and
    its class if an ndarray subclass), or its type and value."""
    if isinstance(x, (np.ndarray, np.generic, float, int)) and not isinstance(x, (bool, str,
                                                                                   bytes)):
        dtype = np.asarray(x).dtype
        return _subclass(x) + str(np.shape(x)) + ("" if dtype.kind in "fiub" else
                                                  f" of dtype {dtype}")
    if hasattr(x, "shape") and hasattr(x, "dtype") and not isinstance(x, (str, bytes)):
        return _class_of(x)                             # another library's array
    return f"{type(x).__name__} {' '.join(repr(x).split()):.40}"   # on one line


_SELF_SHOWN = (bool, int, float, complex, str, bytes, type(None), list, tuple, dict, set,
               frozenset, range, slice, np.ndarray)


def seen(x, width=None):
    """A value as an error message shows it after "got": its repr, and its type's name unless
    the repr shows the type already (a ``sympy.Symbol`` n reprs as ``n``). The same as
    ``scratchmeta/messages.py``'s, copied because the engine imports nothing from the rest."""
    text = repr(x)
    if type(x) is str and "\\" in x and "'" not in x and x.isprintable():
        text = f"'{x}'"         # a Windows path as typed, C:\data, not repr's C:\\data
    if width is not None and len(text) > width:         # cut short, the type still said
        text = text[:width] + "..."
    if type(x) in (tuple, dict, set, frozenset, bytes):   # "(a, b)" reads as two arguments
        return f"{type(x).__name__} {text}"
    if type(x) in _SELF_SHOWN or isinstance(x, np.generic):
        return text
    name = type(x).__name__
    return text if name in text else f"{text} (type {name})"


def label(f):
    """How a message names the function ``f`` a user gave; the same as
    ``scratchmeta/messages.py``'s (checked by ``tests/test_bad_inputs_round48.py``), copied
    because the engine imports nothing from the rest of the package."""
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


def named(name, f):
    """``name`` and the function's :func:`label`, "fun (my_loss)"; the engine's own
    functions (the lambda ``grad`` of ``grad`` builds) go by ``name``."""
    module = getattr(f, "__module__", None)
    if f is None or isinstance(module, str) and module.startswith("scratchmeta."):
        return name
    return f"{name} ({label(f)})"


def as_users(wrapper, fun):
    """``wrapper``, a closure of the library's that calls the user's ``fun``, named in
    messages by ``fun`` (:func:`named`) rather than as the library's own. Returns it."""
    wrapper.__module__, wrapper.__qualname__ = getattr(fun, "__module__", None), label(fun)
    return wrapper


def _subclass(x):
    """"a numpy.recarray " (or np.matrix, ...) for an ndarray subclass, else "": said before
    its shape, since a subclass changes how NumPy treats the array."""
    if isinstance(x, np.ndarray) and type(x) is not np.ndarray:
        return f"a {type(x).__module__.split('.')[0]}.{type(x).__name__} "
    return ""


class InvalidValueError(FloatingPointError, ValueError):
    """NumPy's "invalid value" under ``np.errstate(all="raise")`` (a NaN made from numbers:
    a negative base to a fractional power, the log of a negative number), named by the op:
    a FloatingPointError still (what training takes for a divergence) and a ValueError (a
    value outside the op's domain, as every other wrong input)."""


class InfiniteValueError(FloatingPointError, ValueError):
    """NumPy's "divide by zero" under ``np.errstate(all="raise")`` (an infinity made from
    finite numbers at a pole: 1/0, log(0), the derivative of sqrt at 0), named by the op: a
    FloatingPointError still (what training takes for a divergence) and a ValueError (a point
    where the op, or its derivative, has no finite value, as every other wrong input). An
    overflow (exp(800)) stays a plain FloatingPointError: a value too large, a divergence."""


class IndexValueError(IndexError, ValueError):
    """An index that does not fit the array: a ValueError (a wrong input, as every other) and
    an IndexError (NumPy's habit, and what ends ``for row in x`` over a Tensor)."""


_CALLS = threading.local()        # how deep in named_errors' functions this thread is


def named_errors(fn, name):
    """``fn`` whose ValueError or TypeError starts with ``name`` (the function the user
    called: jacobian, hessian, jvp), unless it already does; only the outermost such call
    names itself. The exception keeps its type; its first argument is prefixed. (The
    engine's own copy of ``scratchmeta.messages.names_itself``: it imports nothing else.)"""
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


def missing_rule(name, argnum):
    """The error for an op's argument that is differentiated but has no VJP rule."""
    return ValueError(f"{name}: argument {argnum} depends on the input being differentiated, "
                      f"but the op has no VJP rule for it (None or missing); give Primitive a "
                      f"vjp_{argnum}")


def in_derivative(err, name, args):
    """``err``, raised by op ``name``'s VJP rule (1/0 in sqrt's derivative at 0), with the op
    whose derivative it is and where, said once: its type is kept (what training takes for a
    divergence stays one)."""
    said = " (in the derivative of "
    if err.args and isinstance(err.args[0], str) and said not in err.args[0]:
        at = "; ".join(f"at {seen(a, 60)}" for a in args[:2]
                       if isinstance(a, (np.ndarray, numbers.Number)))
        why = (": it has no finite value there" if isinstance(err, FloatingPointError) else "")
        err.args = (f"{err.args[0]}{said}{name}{', ' + at if at else ''}{why})",) \
            + err.args[1:]
    return err


def op_error(name, args, params, err):
    """The error of op ``name`` on plain ``args``, naming the op, the shapes and NumPy's reason.

    Its type is kept where callers rely on it: LinAlgError (a singular matrix)
    and IndexError (an index out of range; it also ends ``for row in x``).
    """
    if isinstance(err, (TypeError, ValueError)) and str(err).startswith(f"Primitive {name!r}:"):
        return err                                   # a user op's rule, named already
    shapes = " and ".join(describe(a) for a in args)
    given = "".join(f", {k}={v!r:.40}" for k, v in params.items())
    huge = [i for i, a in enumerate(args) if isinstance(a, int) and not fits_float64(a)]
    if huge and isinstance(err, (TypeError, ValueError, OverflowError)) and not any(
            _too_big(v) for v in params.values()):     # 10**400: past float64, let alone int64
        return ValueError(f"{name}: {_argument(name, huge[0], len(args))} must be a number a "
                          f"float64 can hold, got the int {args[huge[0]]!r:.40}... "
                          f"({len(str(abs(args[huge[0]])))} digits): {err}")
    unknown = str(err).partition("got an unexpected keyword argument ")[2].strip("'")
    if isinstance(err, TypeError) and unknown in params:      # keepDims=: the op's, not impl's
        hint = f" (did you mean {unknown.lower()!r}?)" if unknown.lower() != unknown else ""
        return TypeError(f"{name}: no keyword argument {unknown!r}{hint}; given {shapes}{given}")
    named = _not_numbers(name, args) if isinstance(err, (TypeError, ValueError)) else None
    if named is not None:
        return TypeError(f"{name}: cannot apply to {shapes}{given}: {named} ({err})")
    if isinstance(err, np.linalg.LinAlgError):
        return np.linalg.LinAlgError(f"{name}: {err} (shapes {shapes})")
    if isinstance(err, ValueError) and "zero-size array" in str(err):   # min/max of nothing
        return ValueError(f"{name}: {_argument(name, 0, len(args))} is empty (shape "
                          f"{np.shape(args[0])}{given}), and {name} has no value to give "
                          f"for no entries: {err}")
    if isinstance(err, OverflowError):               # an axis (a size) past NumPy's C integers
        big = [f"{k} {v!r:.40}" for k, v in params.items() if _too_big(v)]
        return ValueError(f"{name}: cannot apply to {shapes}{given}: "
                          f"{' and '.join(big) or 'an integer'} is out of range (too large for "
                          f"NumPy's C integers; an axis is an int from -ndim to ndim - 1): {err}")
    if isinstance(err, IndexError) and str(err).startswith("only integers") and len(args) == 2:
        return TypeError(f"{name}: index {args[1]!r:.40} (a {type(args[1]).__name__}) for shape "
                         f"{np.shape(args[0])} is not an index: {err}")
    index = isinstance(err, (IndexError, AttributeError)) and not isinstance(err, ValueError)
    if index and name not in ("getitem", "scatter_add"):       # an impl read a missing axis
        # (an AttributeError: it asked a plain number, with no axes at all, for its .shape)
        i = min(range(len(args)), key=lambda k: np.ndim(args[k]))
        scalar = (f", the number {args[i]!r:.40} (a product by a number is mul, or *)"
                  if np.ndim(args[i]) == 0 and name == "matmul" else "")
        why = "" if isinstance(err, AttributeError) else f": {err}"   # (NumPy's own words)
        return ValueError(f"{name}: {_argument(name, i, len(args))} has too few axes (shape "
                          f"{np.shape(args[i])}{scalar}) for {name} of shapes {shapes}"
                          f"{given}{why}")
    if index:
        kind = (f" (dtype {args[1].dtype})" if len(args) == 2 and isinstance(args[1], np.ndarray)
                else "")
        where = (f"index {args[1]!r:.40}{kind} for shape {np.shape(args[0])}" if len(args) == 2
                 else shapes)
        fits = "is out of range" if "out of bounds" in str(err) else "does not fit the array"
        if len(args) == 2 and isinstance(args[1], tuple):      # (np.unique's (values, counts))
            fits += f" (a tuple of {len(args[1])} indexes {len(args[1])} axes, one each)"
        return IndexValueError(f"{name}: {where} {fits}: {err}")
    shaping = [i for i in range(len(args)) if _argument(name, i, len(args)) in _SHAPES]
    if isinstance(err, ValueError) and shaping and len(args) == 2:     # reshape x to shape
        arg = _argument(name, shaping[0], 2)
        return ValueError(f"{name}: cannot combine shapes {shapes}{given}: {arg} "
                          f"{args[shaping[0]]!r:.40} does not fit x: {err}")
    if isinstance(err, ValueError):                 # name the arguments (cond, a, b; xs)
        names = list(dict.fromkeys(_argument(name, i, len(args)) for i in range(len(args))))
        of = " and ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
        return ValueError(f"{name}: cannot combine shapes {shapes}{given} (of {of}): {err}")
    names = ARGUMENTS.get(name)
    if isinstance(err, TypeError) and names and len(args) > len(names) and \
            "positional argument" in str(err):         # transpose(x, 0, 1): torch's habit
        return TypeError(f"{name} takes ({', '.join(names)}), got {len(args)} arguments "
                         f"({shapes}): pass {names[-1]} as one tuple, e.g. {name}(x, (1, 0)), "
                         f"not one argument per axis")
    if isinstance(err, TypeError):
        return TypeError(f"{name}: cannot apply to {shapes}{given}: {err}")
    if isinstance(err, FloatingPointError):      # np.errstate(all="raise"): named, type kept
        small = "".join(f"; {_argument(name, i, len(args))} = "
                        f"{np.array2string(np.asarray(a), threshold=6)}"
                        for i, a in enumerate(args) if np.size(a) <= 6)
        kind = (InvalidValueError if "invalid value" in str(err) else InfiniteValueError
                if "divide by zero" in str(err) else FloatingPointError)    # overflow: diverged
        return kind(f"{name}: {err} (on {shapes}{given}{small})")
    return err


#: Packages whose functions want their own arrays, not NumPy's.
OTHER_ARRAY_LIBRARIES = ("torch", "jax", "jaxlib", "tensorflow", "cupy", "autograd", "mlx",
                         "paddle", "mxnet", "dask", "xarray", "pandas")


def _foreign_impl(impl):
    """"torch.sin" for a Primitive's ``impl`` from another array library (torch, JAX, ...:
    :data:`OTHER_ARRAY_LIBRARIES`), else "" (NumPy's, SciPy's and a user's own functions)."""
    module = getattr(impl, "__module__", None) or ""
    if impl is None or module.split(".")[0] not in OTHER_ARRAY_LIBRARIES:
        return ""
    return f"{module}.{getattr(impl, '__name__', None) or type(impl).__name__}"


# The names of an op's arguments in its messages (default: x, or x and y).
ARGUMENTS = {"matmul": ("a", "b"), "solve": ("a", "b"), "where": ("cond", "a", "b"),
             "reshape": ("x", "shape"), "broadcast_to": ("x", "shape"), "sum_to": ("x", "shape"),
             "scatter_add": ("g", "index", "shape"),
             "transpose": ("x", "axes"), "getitem": ("x", "index"),
             "einsum": tuple(f"operands[{i}]" for i in range(99)),
             "concatenate": ("xs",) * 999, "stack": ("xs",) * 999,
             **dict.fromkeys(("sum", "max", "min", "prod", "logsumexp"),
                             ("x", "axis", "keepdims"))}
_SHAPES = {"shape": "a shape (a tuple of ints)", "axes": "a tuple of axes (ints)",
           "axis": "an axis (an int), a tuple of them or None"}


def _too_big(value):
    """Whether ``value`` (an int, or a tuple or list of them) holds an int past int64."""
    parts = value if isinstance(value, (tuple, list)) else (value,)
    return any(type(k) is int and not -2 ** 63 <= k < 2 ** 63 for k in parts)


def _kind(a):
    """dtype.kind of ``a`` as an array; "U" for a string or None, "O" if it is no array."""
    if a is None or isinstance(a, str):
        return "U"
    try:
        return np.asarray(a).dtype.kind
    except Exception:                    # a list holding Tensors, ragged lists
        return "O"


def _argument(name, i, n):
    names = ARGUMENTS.get(name, ("x",) if n == 1 else ("x", "y"))
    return names[i] if i < len(names) else f"argument {i}"


def _not_numbers(name, args):
    """What is wrong with the first argument of op ``name`` that is not numbers (a string,
    None, an object array) or not a shape where one is wanted; None if all are fine."""
    for i, a in enumerate(args):
        arg = _argument(name, i, len(args))
        if arg in _SHAPES:
            if not (isinstance(a, (int, np.integer)) or isinstance(a, (tuple, list)) and all(
                    isinstance(k, (int, np.integer)) and not isinstance(k, _NOT_INTS) for k in a)):
                return f"{arg} must be {_SHAPES[arg]}, got {describe(a)}"
            continue
        if arg == "index":
            continue
        if _kind(a) in "OUSVMm":
            return f"{arg} must be an array of real numbers, got {describe(a)}{_odd_entry(a)}"
    return None


def container(tree):
    """" (an OptimizeResult)" for a tree that is a list, tuple or dict of another class (a
    record, a result object), said beside the argument it is: its fields are read as leaves,
    so a leaf that is no number is one of its fields, not the value meant; else ""."""
    if isinstance(tree, (list, tuple, dict)) and type(tree) not in (list, tuple, dict):
        return f" (a {type(tree).__name__})"
    return ""


def record_message(arg, a):
    """What is said of a namedtuple record (a TaskBatch, a Checkpoint) given as ``arg`` where
    an array is meant: NumPy would read its fields as rows, stacked or ragged."""
    names = getattr(a, "_fields", None) or [n for n in dir(a) if not n.startswith(("_", "n_"))
                                             and not callable(getattr(a, n))]   # sys.float_info
    return (f"{arg} must be an array of real numbers, got a {type(a).__name__} record (fields "
            f"{', '.join(names):.80}); pass the field meant, e.g. .{names[0] if names else ''}")


def _numbers(a, arg, mask=False):
    """What is wrong with ``a`` as real numbers (a boolean mask too if ``mask``), naming it
    ``arg``; None if nothing. A bare True or False is a flag in the wrong place, not a
    number; a complex number would lose its imaginary part in a gradient."""
    if type(a) is bool and not mask:
        return f"{arg} must be an array of real numbers, got bool {a!r} (a flag for a number?)"
    if type(a) is float or type(a) is int:
        return None
    if isinstance(a, _MASKED):
        return masked_message(arg)
    if isinstance(a, np.matrix):                       # always 2-D: reshape, indexing differ
        return (f"{arg} is an np.matrix of shape {a.shape}, which stays 2-D under reshape and "
                f"indexing; pass np.asarray({arg})")
    if isinstance(a, tuple) and (hasattr(a, "_fields") or hasattr(a, "n_fields")):
        return record_message(arg, a)                   # NumPy would stack the fields
    if _iterator(a):                                    # NumPy would read no numbers from it
        return _iterator(a, arg)
    try:
        kind = a.dtype.kind if isinstance(a, (np.ndarray, np.generic)) else np.asarray(a).dtype.kind
    except ValueError:                                  # a ragged list
        kind = "O"
    except TypeError:                                   # a list of Tensors: NumPy says why
        return None
    except Exception as e:                              # an object whose __array__ fails
        return unreadable(arg, a, e)
    if kind not in "fiub":
        got = describe(a) + _odd_entry(a) if isinstance(a, np.ndarray) else \
            f"{type(a).__name__} {a!r:.40}"
        return (f"{arg} must be an array of real numbers, got {got}"
                + ("; the engine has no complex numbers" if kind == "c" else ""))
    return None


def _ints(value, who, arg, none=False):
    """An axis or a shape: an int or a tuple (list) of ints, not bools or floats."""
    if value is None and none:
        return
    if arg == "axis" and isinstance(value, list) and who != "expand_dims":   # as NumPy
        raise TypeError(f"{who}: axis must be an int, got list {value!r:.40}" if who in (
            "concatenate", "stack") else _list_axis(who, value, none))
    parts = value if isinstance(value, (tuple, list)) else (value,)
    bad = [k for k in parts if not isinstance(k, (int, np.integer)) or isinstance(k, _NOT_INTS)]
    if bad:
        what = "a shape (a tuple of ints)" if arg == "shape" else (
            "a tuple of axes (ints)" if arg == "axes" else "an int or a tuple of ints")
        entry = f"; its entry {seen(bad[0], 40)} is no int" if parts is value else ""
        raise TypeError(f"{who}: {arg} must be {what}{' or None' if none else ''}, got "
                        f"{type(value).__name__} {value!r:.40}{entry}")
    if who == "reshape" and any(k < -1 for k in parts):     # NumPy would read it as -1
        raise ValueError(f"reshape: shape {value!r:.40} holds the size {min(parts)}; a size "
                         f"is >= 0, or -1 for the one size left to be inferred")


def _list_axis(who, axis, none=True):
    """What is said of a list given as an axis, which NumPy's reductions do not take."""
    return (f"{who}: axis must be an int or a tuple of ints{' or None' if none else ''}, got "
            f"list {axis!r:.40}; as in NumPy, a list is not taken: write axis="
            f"{tuple(axis)!r:.40}")


def own_dtype(who, x):
    """``x``, its dtype checked under the name of ``who``, an op built of others (else the
    one it calls, reshape or sum, would be named): O(1) for a float array; a Tensor is
    being traced, and was checked where the trace began."""
    if isinstance(x, np.ndarray):               # (no shape at all: the op's shape check says so)
        check_inputs(who, (x,), {})
    return x


def check_inputs(name, args, params):
    """The plain inputs of op ``name``, called by the user (not by a backward pass): arrays of
    real numbers, shapes and axes of ints, ``keepdims`` a bool, checked before NumPy takes
    text, sets, complex numbers or object arrays without a word. Plain float arrays, the
    usual case, cost one type test each."""
    for a in args:
        if type(a) is not np.ndarray or a.dtype.kind not in "fb":
            break
    else:
        if not params and name != "where":
            return
    if name == "where" and len(args) == 3 and getattr(args[1], "dtype", None) == bool and \
            not _mask_like(args[0]):                    # where(a, cond, b): swapped
        raise TypeError(f"where: cond must be booleans (a comparison such as x > 0; 0.0 and "
                        f"1.0 are read as False and True), got {args[0].dtype} values of shape "
                        f"{args[0].shape}, such as {_not_mask(args[0])!r}; the order is "
                        f"where(cond, a, b)")
    for i, a in enumerate(args):
        arg = _argument(name, i, len(args))
        if _iterator(a):
            raise TypeError(f"{name}: {_iterator(a, arg)}")
        if arg in _SHAPES:
            _ints(a, name, arg, none=arg in ("axes", "axis"))
        elif arg == "keepdims":                         # given by position: sum(x, 0, True)
            check_flag(a, name, "keepdims")
        elif arg != "index":
            wrong = _numbers(a, arg, mask=arg == "cond")
            if wrong:
                shapes = " and ".join(describe(b) for b in args)
                raise TypeError(f"{name}: cannot apply to {shapes}: {wrong}")
    if "axis" in params:
        _ints(params["axis"], name, "axis", none=name not in ("concatenate", "stack"))
    if "keepdims" in params:
        check_flag(params["keepdims"], name, "keepdims")


def _mask_like(cond):
    """True unless ``cond`` is an array of floats holding a value other than 0 and 1: given
    with a boolean ``a``, the values and the condition were swapped (a numeric mask alone
    is NumPy's, nonzero read as True, and stays allowed)."""
    dtype = getattr(cond, "dtype", None)
    if not isinstance(cond, np.ndarray) or dtype.kind != "f":
        return True
    return bool(np.all((cond == 0) | (cond == 1)))


def _not_mask(cond):
    """The first entry of a float ``cond`` that is neither 0 nor 1, as a float."""
    flat = np.asarray(cond).ravel()
    return float(flat[np.flatnonzero((flat != 0) & (flat != 1))[0]])


def ufunc_keywords(name, params):
    """What is wrong with NumPy's ufunc keywords (``out=``, ``where=``, ``casting=``, ``dtype=``,
    ...) given to op ``name``, whose NumPy function is a ufunc: the engine's op takes its
    inputs only, and its gradient could not follow a buffer, a mask or a cast."""
    given = ", ".join(f"{k}={v!r:.40}" for k, v in params.items())
    return (f"{name} takes its inputs only, not NumPy's ufunc keywords: got {given}; its "
            f"gradient follows no out= buffer, where= mask or casting= rule (compute the "
            f"masked or cast value with the engine's ops, ad.where for a mask)")


def check_axis(axis, who, none=False):
    """An ``axis`` argument: an int or a tuple of ints (or None if ``none``), not a bool."""
    _ints(axis, who, "axis", none)
    return axis


def plain_shape(x, who="shape", name="x"):
    """``np.shape`` of what has no ``.shape``: a Python number or a list of numbers (not text,
    None, a dict, a set, a ragged list)."""
    wrong = None if type(x) is float or type(x) is int else _numbers(x, name, mask=True)
    if wrong:
        raise TypeError(f"{who}: {wrong}")
    return np.shape(x)


def other_dtype(dtype, x, who="float_dtype"):
    """The float dtype a value of another ``dtype`` is computed in: float64 for integers and
    bools; text, objects and complex numbers are refused."""
    if dtype.kind not in "iub":
        got = describe(x) + _odd_entry(x) if isinstance(x, np.ndarray) else \
            f"{type(x).__name__} {x!r:.40}"
        raise TypeError(f"{who}: x must be an array of real numbers, got {got}")
    return np.dtype(np.float64)


def checked_axes(shape, axis, who=None):
    """``axis`` (an int, or a tuple of ints; a list too unless an op ``who`` is named) as
    distinct non-negative axes of an input of ``shape`` (a tuple of ints); errors start with
    ``who`` (the op) if given."""
    op = f"{who}: " if who else ""
    if not isinstance(shape, tuple) or not all(isinstance(n, (int, np.integer)) and not
                                               isinstance(n, _NOT_INTS) and n >= 0 for n in shape):
        raise TypeError(f"reduced_axes: shape must be a tuple of sizes (ints >= 0), got "
                        f"{type(shape).__name__} {shape!r:.40}")
    if isinstance(axis, list) and who:              # an op's axis, as NumPy's: no list
        raise TypeError(_list_axis(who, axis))
    parts = list(axis) if isinstance(axis, (tuple, list)) else [axis]  # an array: refused
    n = len(shape)
    if not all(isinstance(a, (int, np.integer)) and not isinstance(a, _NOT_INTS)
               for a in parts):
        raise TypeError(f"{op}axis must be an int or a tuple of ints, got {type(axis).__name__} "
                        f"{axis!r:.60}")
    if not all(-n <= a < n for a in parts):
        raise ValueError(f"{op}axis {axis!r} is out of range for an input of shape {shape} (an "
                         f"axis is an int from {-n} to {n - 1}, or a tuple of them)")
    axes = tuple(int(a) % n for a in parts)
    if len(set(axes)) != len(axes):
        raise ValueError(f"{op}axis {axis!r} names an axis twice, for an input of shape "
                         f"{shape}")
    return axes


def check_system(a, b, who="solve"):
    """A linear system a x = b: b of shape (n,) or (..., n, k) for a of shape (..., n, n).

    Checked on shapes only, before NumPy's gufunc (whose message would show b reshaped and
    its signature); an a that is not a square matrix, and operands that are not arrays of
    numbers, are left to the op (``op_error`` names them)."""
    dtypes = [getattr(x, "dtype", None) for x in (a, b)]    # (a stand-in's may be no dtype)
    shapes = [x.shape if isinstance(d, np.dtype) else np.shape(x) if isinstance(
        x, (list, tuple, int, float)) and _kind(x) in "fiub" else None       # others: the op's
              for x, d in zip((a, b), dtypes)]
    a_shape, b_shape = shapes
    if a_shape is None or b_shape is None or len(a_shape) < 2 or a_shape[-1] != a_shape[-2] \
            or not b_shape or isinstance(dtypes[1], np.dtype) and dtypes[1].kind not in "fiub":
        return
    n = a_shape[-1]
    if b_shape[-1 if len(b_shape) == 1 else -2] != n:
        raise ValueError(f"{who}: cannot combine shapes {a_shape} and {b_shape}: b must have "
                         f"shape ({n},) or (..., {n}, k), one row per row of a")


def _part_shapes(parts):
    """The shapes of a list's parts (a part NumPy finds ragged itself counts as its own)."""
    shapes = set()
    for i, e in enumerate(parts):
        try:
            shapes.add(np.shape(e) if isinstance(e, (list, tuple, np.ndarray)) else ())
        except ValueError:                             # itself ragged: no shape at all
            shapes.add(("ragged", i))
    return shapes


def check_constant(x, who="stop_gradient", name="x"):
    """A value the engine can hold (an array, a number, a list of numbers): not text, None,
    a dict, a set, an iterator, a sparse matrix, a record, a list or tuple of parts of
    different shapes, or another object NumPy reads as no numbers. No entry is read: type
    checks, the top level of a list, and ``np.asarray`` of an object that is none of the
    usual kinds; returns ``x``."""
    if x is None or isinstance(x, (str, bytes, dict, set, frozenset, complex, np.complexfloating,
                                   types.GeneratorType)):
        raise TypeError(f"{who}: {name} must be an array of real numbers, got {describe(x)}")
    if isinstance(x, (np.ndarray, np.generic)) and x.dtype.kind not in "fiub":
        one = f", {x!r:.40}" if x.ndim == 0 else _odd_entry(x)     # the value, or its first
        raise TypeError(f"{who}: {name} must be an array of real numbers, got "
                        f"{KINDS.get(x.dtype.kind, 'a')} array of dtype {x.dtype} and shape "
                        f"{x.shape}{one}" + (f" ({_subclass(x).strip()})" if _subclass(x) else ""))
    if _iterator(x):
        raise TypeError(f"{who}: {_iterator(x, name)}")
    if _sparse(f"{who}: {name}", x):
        raise _sparse(f"{who}: {name}", x)
    if isinstance(x, tuple) and (hasattr(x, "_fields") or hasattr(x, "n_fields")):
        raise TypeError(f"{who}: {record_message(name, x)}")     # NumPy would stack its fields
    for odd in x if isinstance(x, (list, tuple)) else ():     # the top level: text, None
        if odd is None or isinstance(odd, (str, bytes)):
            raise TypeError(f"{who}: {name} must be an array of real numbers, got a "
                            f"{type(x).__name__} holding {describe(odd)}: {seen(x, 40)}")
    if isinstance(x, (list, tuple)) and any(isinstance(e, (list, tuple, np.ndarray))
                                            for e in x) and len(_part_shapes(x)) > 1:
        parts = ", ".join(describe(e) for e in x[:3]) + (", ..." if len(x) > 3 else "")
        raise TypeError(f"{who}: {name} must be an array of real numbers, got a "
                        f"{type(x).__name__} of parts of different shapes ({parts}), which is "
                        f"no array; pass the part meant")
    if not isinstance(x, (np.ndarray, np.generic, int, float, list, tuple)) and not hasattr(
            type(x), "__array_ufunc__"):     # (a Tensor has it: its value is read, not here)
        try:                    # another object: an array-like, or no number at all (O(1))
            kind = np.asarray(x).dtype.kind
        except Exception as err:
            raise TypeError(unreadable(f"{who}: {name}", x, err)) from None
        if kind not in "fiub":
            raise TypeError(f"{who}: {name} must be an array of real numbers, got {seen(x, 60)}, "
                            f"which NumPy reads as {KINDS.get(kind, 'an object')}")
    return x


def check_given(value, who, name, expected):
    """An argument that must be given, not None (``rows``: None would mean "every row")."""
    if value is None:
        raise TypeError(f"{who}: {name} must be {expected}, got None")
    return value


def call_fun(fun, args, who, name="fun", kwargs=None):
    """``fun(*args, **kwargs)`` for a function the user gave as ``name`` to ``who``.

    A ValueError from ``fun`` passes through (but NumPy's "truth value of an array is
    ambiguous", from a Python ``if`` on an array, is named): it is one of the two kinds a
    bad input gives,
    and the engine's own ops raise it naming the op (a nested ``grad`` has already named
    its ``fun``). So does NumPy's FloatingPointError (under ``np.errstate(all="raise")``):
    it is how a caller learns that a computation overflowed, and training catches it as a
    divergence. A TypeError (most often ``fun`` takes another number of arguments) is
    re-raised as a TypeError naming ``name``, and any other exception (a KeyError or a
    ZeroDivisionError of the user's code) as a ValueError naming ``name``, ``who`` and the
    arguments' shapes -- as the samplers do with the functions given to them. The original
    is chained (``raise ... from``), so its traceback, at the user's line, is still shown.
    """
    try:
        return fun(*args, **(kwargs or {}))
    except ValueError as err:
        if "truth value of an array" not in str(err) or " raised ValueError when " in str(err):
            raise                                   # (the second: named by an inner call)
        shapes = ", ".join(str(_shape_of(a)) for a in args)   # NumPy's, from a Python if:
        raise ValueError(f"{who}: {named(name, fun)} raised ValueError when called with "  # named
                         f"{len(args)} argument(s) of shape(s) {shapes}: {err}"
                         + (landing(fun, name) or " (a Python if, and, or or not on an array: "
                            "write the branch with ad.where(cond, a, b), or reduce the "
                            "condition first)")) from err
    except FloatingPointError:
        raise
    # sys.exit, or a generator's close raised by hand, in the user's code: a library's
    # caller cannot handle either, so each is named in a ValueError.
    except GeneratorExit as err:
        raise ValueError(f"{who}: {named(name, fun)} raised GeneratorExit when called; raise "
                         f"an Exception instead") from err
    except SystemExit as err:
        raise ValueError(f"{who}: {named(name, fun)} called sys.exit({err.code!r}) when "
                         f"called; raise an exception instead, so the caller can handle "
                         f"it") from err
    except Exception as err:
        kind = TypeError if isinstance(err, TypeError) else ValueError
        if getattr(err, "names_fun", False) or kind is TypeError and str(err).startswith(
                f"{who}: {name}") and " raised " in str(err):   # named already, by an inner
            raise                                   # call (hessian's grad refusing fun's output)
        shapes = ", ".join(str(_shape_of(a)) for a in args)
        other = _foreign_impl(fun)                  # torch.tanh: wants torch's own arrays
        count = (f" (the {len(args)} given{' in args' if who == 'check_grads' else ''} do not "
                 f"fit its parameters: one argument per parameter)" if kind is TypeError and
                 "positional argument" in str(err) else "")
        if kind is TypeError and not count and any(type(a) in (list, tuple) for a in args):
            count = (" (a list or tuple is handed to fun as it is, a tree of separate numbers, "
                     "not an array: if one array is meant, pass np.array(...) of equal-length "
                     "rows)")
        raise kind(f"{who}: {named(name, fun)} raised {type(err).__name__} when called with "
                   f"{len(args)} argument(s) of shape(s) {shapes}: {err}{count}"
                   f"{landing(fun, name)}"
                   + (f" ({other} is another library's function, and {name} is called with "
                      f"the engine's own traced values (scratchmeta.autodiff.Tensor), which "
                      f"it cannot read: write {name} with the engine's ops, ad.sin, ad.sum, "
                      f"...)" if other else "")) from err


def landing(fun, name):
    """For ``fun`` a ``functools.partial`` with arguments bound by position, where the
    engine's argument lands: " (fun is functools.partial(sum, ...) ... its 'axis' parameter
    ...)" when that is not the function's first parameter, else "". Read from the
    function's signature (a Primitive's, from its impl's)."""
    if type(fun).__name__ != "partial" or not hasattr(fun, "func") or not fun.args:
        return ""
    inner = fun.func
    target = inner.impl if hasattr(inner, "impl") and hasattr(inner, "vjps") else inner
    try:
        params = [p for p in inspect.signature(target).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):                 # no signature to read (a C function)
        return ""
    k = len(fun.args)
    if k >= len(params):
        return ""
    return (f" ({name} is functools.partial({label(inner)}, ...) with {k} argument(s) bound "
            f"by position, so the argument the engine passes, a traced Tensor, lands on "
            f"{label(inner)}'s {params[k].name!r} parameter, not on {params[0].name!r}: bind "
            f"the data by keyword, or write a lambda)")


def _shape_of(a):
    """An argument's shape for a message (a list, tuple or dict: its type's name)."""
    shape = getattr(a, "shape", None)
    if shape is not None:
        return tuple(shape)
    if isinstance(a, (list, tuple, dict)):
        return f"{type(a).__name__} {a!r:.50}"
    return ()


def check_numbers(who, **arrays):
    """Each named argument of ``who`` is an array of numbers (not strings, None or objects)."""
    for arg, a in arrays.items():
        if isinstance(a, _MASKED):
            raise TypeError(f"{who}: {masked_message(arg)}")
        if _kind(a) in "OUSVMm":
            raise TypeError(f"{who}: {arg} must be an array of real numbers, got "
                            f"{describe(a)}{_odd_entry(a)}")


def check_count(value, who, name, least=0, most=None, wrong_type=TypeError):
    """An int >= ``least`` (and <= ``most``, if given; not a bool, not a float), e.g. ``ddof``.

    A value of another type is a ``wrong_type`` error (``check_grads`` has always said
    ValueError for every bad setting)."""
    if isinstance(value, (bool, np.bool_, np.timedelta64)) or not isinstance(
            value, (int, np.integer)):                 # (NumPy counts a timedelta an integer)
        raise wrong_type(f"{who}: {name} must be an int >= {least}, got "
                        f"{type(value).__name__} {value!r:.40}")
    if value < least or most is not None and value > most:
        at_most = "" if most is None else f" (and at most {most})"
        raise ValueError(f"{who}: {name} must be an int >= {least}, got {seen(value)}{at_most}")
    return int(value)


def check_tolerance(value, who, name, positive=False, most=None):
    """A finite real number >= 0 (> 0 if ``positive``, <= ``most`` if given): a step or a
    tolerance such as ``eps``.

    NumPy scalars and 0-d arrays are numbers too; bools, strings, None and complex are not.
    Every bad value is a ValueError, as ``check_grads`` has always said."""
    number = isinstance(value, (int, float, np.integer, np.floating)) or (
        isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf")
    if not number or isinstance(value, (bool, np.bool_, np.timedelta64)):
        raise ValueError(f"{who}: {name} must be a finite number {'> 0' if positive else '>= 0'},"
                        f" got {type(value).__name__} {value!r:.40}")
    if not (0 <= value < np.inf) or positive and value == 0:
        raise ValueError(f"{who}: {name} must be a finite number {'> 0' if positive else '>= 0'},"
                         f" got {seen(value)}")
    if not fits_float64(value):
        raise ValueError(f"{who}: {name} must be a number a float64 can hold, got {seen(value)}, "
                         f"which float64 would round to {np.float64(0 if value < 1 else np.inf)!r}")
    if positive and 0 < value < np.finfo(np.float64).tiny:     # 5e-324: 1 / eps is inf
        raise ValueError(f"{who}: {name} must be at least {np.finfo(np.float64).tiny:.4g}, "
                         f"the smallest normal float64, got {float(value)!r}: a step that "
                         f"small is subnormal, and dividing by it overflows")
    if most is not None and value > most:
        raise ValueError(f"{who}: {name} must be at most {most} (central differences "
                         f"approximate a derivative only for a small step), got {seen(value)}")
    return float(value)


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


def check_generator(rng, who, name="rng"):
    """A numpy.random.Generator (not an int seed, None or a legacy RandomState)."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"{who}: {name} must be a numpy.random.Generator, got "
                        f"{type(rng).__name__} {rng!r:.40} (e.g. np.random.default_rng(0))")
    return rng


def check_args(args, who, name, *, nonempty=False):
    """A non-empty tuple or list of a function's arguments (``args``, ``primals``); with
    ``nonempty`` (check_grads), no argument an empty array, whose check could never fail."""
    if not isinstance(args, (tuple, list)):
        raise TypeError(f"{who} needs {name} as a tuple of arguments, e.g. (x,), got "
                        f"{type(args).__name__} {args!r:.40}")
    if not args:
        raise ValueError(f"{who} needs at least one argument to differentiate, got {name} "
                         f"= {tuple(args)!r}")
    for i, arg in enumerate(args):
        _check_acyclic(arg, who, f"{name}[{i}]", ())
        if nonempty and isinstance(arg, np.ndarray) and arg.size == 0:
            raise ValueError(f"{who}: {name}[{i}] is an empty array (shape {arg.shape}): it "
                             f"has no entries, so there is no derivative to check and the "
                             f"check could never fail")
    return tuple(args)


def _check_acyclic(tree, who, name, path):
    """A ValueError naming ``name`` if a list, tuple or dict in ``tree`` holds itself (its
    leaves would be flattened forever); ``path`` holds the ids of the branches above."""
    if isinstance(tree, (list, tuple, dict)):
        if id(tree) in path:
            raise ValueError(f"{who}: {name} holds itself (a {type(tree).__name__} that "
                             f"contains itself), so it has no finite set of leaves")
        for t in (tree.values() if isinstance(tree, dict) else tree):
            _check_acyclic(t, who, name, path + (id(tree),))


#: The smallest finite-difference step check_grads takes: below it, central differences in
#: float64 are mostly rounding error (machine epsilon 2.2e-16 is no step).
EPS_LEAST = 1e-10


def stepped(scalar, args, i, moved, eps):
    """check_grads' central differences: ``scalar`` with ``args[i]`` replaced by each of
    ``moved`` (one step eps away, either side). ``fun`` failing there, or giving no finite
    number, is said to be the step's doing (a point within eps of where fun is not defined)
    rather than left to read as a wrong derivative."""
    values = []
    for side, arg in zip("+-", moved):
        try:
            value = scalar(*args[:i], arg, *args[i + 1:])
            problem = None if np.all(np.isfinite(value)) else f"gave {np.asarray(value).tolist()}"
        except (FloatingPointError, ValueError) as err:
            problem = f"raised {type(err).__name__}: {err}"
        if problem:
            raise ValueError(f"check_grads: fun {problem} at args[{i}] {side} eps * d, one "
                             f"step eps = {eps:g} away in a random direction d: args[{i}] lies "
                             f"within eps of a point where fun is not defined (a log at 0, a "
                             f"sqrt below 0?); choose a smaller eps, or a point farther from it")
        values.append(value)
    return values


def check_differences(eps, rtol, atol):
    """check_grads' tolerances (``check_tolerance``), and its step and relative tolerance mean
    something: ``eps`` at least :data:`EPS_LEAST`, ``rtol`` below one half (a fraction: 1% is
    0.01). Returns (rtol, atol)."""
    rtol, atol = (check_tolerance(t, "check_grads", n) for n, t in (("rtol", rtol),
                                                                     ("atol", atol)))
    if eps < EPS_LEAST:
        raise ValueError(f"check_grads: eps must be at least {EPS_LEAST:g}, the step of the "
                         f"central differences (below it they are rounding error), got {eps!r}")
    if rtol >= 0.5:
        raise ValueError(f"check_grads: rtol must be below 0.5 (a fraction: 1% is 0.01; with "
                         f"{rtol!r}, a derivative off by half would pass), got {rtol!r}")
    return rtol, atol


def check_flag(value, who, name):
    """A bool (``keepdims``): True, False or a NumPy bool."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{who}: {name} must be True or False, got {type(value).__name__} "
                        f"{value!r:.40}")
    return bool(value)


def check_arrays(xs, who, name="xs", axis=0):
    """A list or tuple of arrays (``concatenate``, ``stack``), not one array or a string;
    ``axis``, the call's, is shown where the two look swapped (``concatenate(0, [a, b])``)."""
    if not isinstance(xs, (list, tuple)):
        swapped = (f"; the order is {who}(xs, axis), and axis got the {type(axis).__name__} "
                   f"of {len(axis)}: swapped?" if isinstance(axis, (list, tuple)) and
                   isinstance(xs, (int, np.integer)) else
                   f"; and axis got {describe(axis)}: the arrays given one by one? pass them "
                   f"as one list, {who}([a, b])" if isinstance(axis, np.ndarray) else "")
        raise TypeError(f"{who}: {name} must be a non-empty list or tuple of arrays, got "
                        f"{describe(xs) if isinstance(xs, np.ndarray) else seen(xs, 60)}"
                        f"{swapped}")
    if not xs:
        raise ValueError(f"{who}: {name} must be a non-empty list or tuple of arrays, got "
                         f"{describe(xs)}")
    for i, x in enumerate(xs):
        if isinstance(x, (list, tuple, str, type(None))) or callable(x):   # (vjp's pair)
            raise TypeError(f"{who}: {name}[{i}] (of a {type(xs).__name__} of {len(xs)}) must "
                            f"be an array, got {describe(x)}")
    return xs


def _check_readable(x, where, within):
    """Refuse what NumPy would misread as an array of numbers: a masked array (its mask
    dropped), an iterator or a generator (one object), a sparse matrix, bytes (read as
    numbers)."""
    if isinstance(x, _MASKED):
        raise _masked(where, within)
    if _iterator(x):
        raise TypeError(_iterator(x, where + within))
    if isinstance(x, types.GeneratorType):              # NumPy: one object, not its values
        raise TypeError(f"{where} must be an array of real numbers, got a generator{within}, "
                        f"which NumPy reads as one object; pass np.array(list(gen))")
    if isinstance(x, np.matrix):                        # always 2-D, as the ops refuse it
        raise TypeError(f"{where} is an np.matrix of shape {x.shape}{within}, which stays 2-D "
                        f"under reshape and indexing; pass np.asarray(x)")
    sparse = _sparse(where + within, x)
    if sparse:
        raise sparse
    if isinstance(x, (bytes, bytearray, memoryview)):   # NumPy reads the bytes as numbers
        raise TypeError(f"{where} must be an array of real numbers, got a {type(x).__name__} "
                        f"of {len(x)} bytes{within}")


def float_array(x, where, within=""):
    """An input leaf as a float array: float32 stays float32, other floats become float64.

    Integer, boolean, complex, string and object arrays are refused: their
    gradients are not defined (or not what the user meant). ``within`` (" in args")
    ends the name of the argument in the message. A masked array is refused: its mask
    would be dropped.
    """
    _check_readable(x, where, within)
    try:
        arr = np.asarray(x)
    except ValueError:                                  # a ragged list
        arr = np.empty(0, dtype=object)
    except Exception as e:                              # an object whose __array__ fails
        raise TypeError(unreadable(where + within, x, e)) from e
    if arr.dtype.kind != "f":
        kind = KINDS.get(arr.dtype.kind, f"a {arr.dtype}")
        given = _odd_entry(x) if isinstance(x, np.ndarray) else f", got {seen(x, 40)}"
        cls = _subclass(x).strip()[2:]
        raise TypeError(f"{where} is {kind} array ({cls + ', ' if cls else ''}dtype "
                        f"{arr.dtype}){given}{within}; gradients need float arrays, e.g. "
                        f"np.asarray(x, dtype=float)")
    return arr if arr.dtype == np.float32 else arr.astype(np.float64, copy=False)


def _masked(where, within=""):
    """The TypeError for a masked array given as ``where`` ("hvp: v", "argument 0"), which
    ``within`` (" in args[0]") may place in a tuple of arguments."""
    head, _, tail = where.rpartition(": ")
    name = within[4:] if within.startswith(" in ") else tail.split(" (")[0]
    told = "" if tail + within == name else f" ({tail}{within})"
    return TypeError(f"{head + ': ' if head else ''}{masked_message(name)}{told}")


def real_array(x, where, within=""):
    """A value that is not differentiated but enters a product (a cotangent, a tangent) as an
    array of real numbers: a complex one would lose its imaginary part without a word (and
    a masked array its mask)."""
    _check_readable(x, where, within)
    try:
        arr = np.asarray(x)
    except ValueError:                                  # a ragged list
        arr = np.empty(0, dtype=object)
    except Exception as e:                              # an object whose __array__ fails
        raise TypeError(unreadable(where + within, x, e)) from e
    if arr.dtype.kind not in "fiu":
        one = f", {x!r:.40}" if arr.ndim == 0 else ""      # np.True_: the value itself
        got = (f"{KINDS.get(arr.dtype.kind, 'a')} array of dtype {arr.dtype} and shape "
               f"{arr.shape}{one}{_odd_entry(x)}" + (f" ({_subclass(x).strip()})" if _subclass(x)
                                                    else "")
               if isinstance(x, (np.ndarray, np.generic)) else f"{type(x).__name__} {x!r:.40}")
        raise TypeError(f"{where} must be an array of real numbers, got {got}{within}")
    return arr


def check_finite(arr, where, within=""):
    """No NaN or inf among the entries of a float array (data: a point, a direction)."""
    if arr.dtype.kind == "f" and not np.isfinite(arr).all():
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        first = arr.ravel()[~np.isfinite(arr.ravel())][0]
        raise ValueError(f"{where} holds {bad} NaN or inf value(s) among its {np.size(arr)} "
                         f"(shape {np.shape(arr)}, the first {float(first)!r}){within}; "
                         f"derivatives are taken at finite points, in finite directions")
    return arr


def check_float_leaves(leaves, where, within="", tensor=None, finite=False):
    """Every leaf a float array (of finite numbers if ``finite``; Tensors, of type ``tensor``,
    are the engine's own and pass): the points, tangents and cotangents of the derivative
    functions. NaN is NumPy's business there (NaN in, NaN out), as in ``grad``; a check
    against finite differences (``check_grads``) asks for finite points."""
    for i, leaf in enumerate(leaves):
        if type(leaf) is not tensor:
            name = where if len(leaves) == 1 else f"{where} (leaf {i})"
            arr = float_array(real_array(leaf, name, within), name, within)
            if finite:
                check_finite(arr, name, within)


def check_values(leaves, who, name="fun", tensor=None, raw=None):
    """The leaves of what ``fun`` returned at the checked point: real numbers, none NaN or inf
    (a Tensor, of type ``tensor``, is read by its plain value ``raw(leaf)``)."""
    for leaf in leaves:
        value = raw(leaf) if type(leaf) is tensor else leaf
        if isinstance(value, _MASKED):
            raise TypeError(f"{who}: {name} returned a masked array (numpy.ma); scratchmeta "
                            f"does not honour masks: return plain numbers, e.g. out.filled(value)")
        if isinstance(value, np.matrix):
            raise TypeError(_matrix_returned(who, name, value))
        number = isinstance(value, (np.ndarray, np.generic, float, int))
        kind = np.asarray(value).dtype.kind if number else "O"
        if kind not in "fiu" or kind in "iu" and isinstance(leaf, np.ndarray):  # indices, not
            got = (f"a boolean array of shape {np.shape(value)}" if kind == "b" else  # values
                   f"an integer array of shape {value.shape}, {value!r:.60} (indices, such as "
                   f"np.where(cond) gives, carry no derivative)" if kind in "iu" else
                   describe(value))
            raise TypeError(f"{who} needs {name} to return float arrays or numbers, but it "
                            f"returned {got}")
        if not np.isfinite(value).all():
            raise ValueError(f"{who}: {name} returned NaN or inf ({describe(value)}: "
                             f"{value!r:.60}) at the point given; derivatives are checked "
                             f"where fun is finite")
    return leaves


def check_repeatable(first, again, who, name="fun", raw=None):
    """Two calls of ``name`` at the same point gave the leaves ``first`` and ``again`` (their
    plain values ``raw(leaf)``): they must be equal, bit for bit (NaN equal to NaN). A
    function whose value changes from call to call (a counter, a random draw) has no
    derivative to check: said here, not as a derivative that disagrees."""
    for a, b in zip(first, again):
        a, b = (np.asarray(raw(v) if raw is not None else v) for v in (a, b))
        if a.shape != b.shape or not np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"):
            i = next((i for i, (p, q) in enumerate(zip(a.ravel(), b.ravel())) if not (
                p == q or p != p and q != q)), 0) if a.shape == b.shape else None
            shown = (f": {a.ravel()[i]!r}, then {b.ravel()[i]!r} (entry {i})" if i is not None
                     else f" of shapes {a.shape} and {b.shape}")
            raise ValueError(f"{who}: {name} gave different values on two calls at the same "
                             f"point{shown}; derivatives are taken of a function of its "
                             f"arguments alone (no counter, no random draw, no state)")


def check_fun_at(fun, args, who, tensor, raw, flatten):
    """``fun(*args)`` called twice (``who``: check_grads, hvp): finite real leaves (of the
    output, flattened by ``flatten``, the engine's tree_flatten; ``tensor`` leaves read by
    ``raw``), the same on both calls (:func:`check_repeatable`); returns the first's."""
    where, name = f"{who}: what fun returned", named("fun", fun)
    out = call_fun(fun, args, who)
    try:
        first = check_values(flatten(out, where)[0], who, name, tensor, raw)
    except TypeError as err:                        # np.where(cond): a tuple of index arrays
        if type(out) is tuple and err.args and isinstance(err.args[0], str):
            err.args = (f"{err.args[0]}, in the tuple of {len(out)} it returned",) + err.args[1:]
        raise
    check_repeatable(first, flatten(call_fun(fun, args, who), where)[0], who, name, raw)
    return first


def check_traced_output(out, leaves, tensor, fun=None):
    """``trace``'s output: Tensors, arrays or numbers (in a tree), not a generator or text."""
    for leaf in leaves:
        if not isinstance(leaf, (tensor, np.ndarray, np.generic, int, float)):
            raise TypeError(f"trace: {named('fun', fun)} must return Tensors or arrays (or trees "
                            f"of them), but it returned {type(leaf).__name__} {leaf!r:.60}"
                            + ("; a generator computes nothing until it is iterated" if
                               inspect.isgenerator(leaf) else ""))
    return out


def tree_structure(tree):
    """A tree's structure with its leaves drawn as ``*`` (for error messages): ``{'w': [*, *]}``.

    Lists and tuples (namedtuples too) draw alike, so a list of layers maps
    against a tuple of them; dict keys are drawn in order.
    """
    if isinstance(tree, (list, tuple)):
        return "[" + ", ".join(tree_structure(t) for t in tree) + "]"
    if isinstance(tree, dict):
        return "{" + ", ".join(f"{k!r}: {tree_structure(v)}" for k, v in tree.items()) + "}"
    return "*"


def _leaves(tree):
    """The leaves of a tree, in ``tree_flatten``'s order (dict values in key order)."""
    tree = list(tree.values()) if isinstance(tree, dict) else tree
    return [a for t in tree for a in _leaves(t)] if isinstance(tree, (list, tuple)) else [tree]


def check_same_tree(who, x_name, x, v_name, v, tensor=None):
    """``v`` pairs with ``x`` leaf by leaf (a direction at the point ``x``, as in ``hvp``): the
    same structure (lists and tuples alike, the same dict keys in order) and each leaf a
    float array of its partner's shape; a Tensor (of type ``tensor``) is refused."""
    xs, vs = _leaves(x), _leaves(v)
    if len(xs) != len(vs):
        raise ValueError(f"{who}: {v_name} has {len(vs)} leaves but {x_name} has {len(xs)}; "
                         f"{v_name} ({seen(v, 60)}) must match {x_name} ({type(x).__name__})")
    if tree_structure(x) != tree_structure(v):
        raise ValueError(f"{who}: {v_name} is {tree_structure(v):.80} ({type(v).__name__}) but "
                         f"{x_name} is {tree_structure(x):.80} ({type(x).__name__}), leaves drawn "
                         f"as *; {v_name} must have {x_name}'s structure")
    for i, (a, b) in enumerate(zip(xs, vs)):
        where = "" if len(xs) == 1 else f" (leaf {i})"
        if type(b) is tensor:
            raise TypeError(f"{who}: {v_name}{where} is a Tensor; pass plain arrays (use "
                            f"ad.stop_gradient)")
        float_array(b, f"{who}: {v_name}{where}")
        if np.shape(a) != np.shape(b):
            raise ValueError(f"{who}: {v_name}{where} has shape {np.shape(b)} but {x_name}{where} "
                             f"has shape {np.shape(a)}; they must match")


def check_callable(f, who, name=None):
    """``f`` must be a function; ``name`` is the argument it was given as."""
    if not callable(f) or isinstance(f, type):     # a class is called to build, not to map
        given_as = f" as {name}" if name else ""
        got = f"the class {f.__module__}.{f.__qualname__}" if isinstance(f, type) else \
            f"{type(f).__name__} {f!r:.60}"
        raise TypeError(f"{who} needs a function{given_as}, got {got}")
    if all(callable(getattr(f, a, None)) for a in ("cdf", "ppf", "rvs")):    # scipy.stats.norm
        raise TypeError(f"{who} needs a function{' as ' + name if name else ''}, got a SciPy "
                        f"distribution object ({type(f).__name__}), which makes a frozen "
                        f"distribution when called: pass one of its methods, e.g. its .logpdf")
    if inspect.iscoroutinefunction(f) or inspect.isasyncgenfunction(f):
        raise TypeError(f"{who} needs a plain function{' as ' + name if name else ''}, got the "
                        f"async function {getattr(f, '__qualname__', f)!s:.60}: calling it only "
                        f"makes a coroutine, so its body would never run")
    if inspect.isgeneratorfunction(f):                  # a yield where return was meant
        raise TypeError(f"{who} needs a plain function{' as ' + name if name else ''}, got the "
                        f"generator function {getattr(f, '__qualname__', f)!s:.60} (it has a "
                        f"yield): calling it only makes a generator, so its body would never "
                        f"run; return the value instead")
    if callable(getattr(f, "cache_info", None)) and callable(getattr(f, "cache_clear", None)):
        raise TypeError(f"{who}: {name or 'the function'} is wrapped in functools.lru_cache (or "
                        f"functools.cache), which hashes its arguments, and arrays and Tensors "
                        f"cannot be hashed: pass the function itself (its .__wrapped__)")


def check_primitive(name, impl, vjps):
    """A Primitive's name is a string, its forward rule a function, each VJP one or None."""
    if not isinstance(name, str) or not name:
        raise TypeError(f"Primitive: name must be a non-empty string, got {type(name).__name__} "
                        f"{name!r:.40}")
    check_callable(impl, f"Primitive {name!r}", "impl")
    for i, vjp in enumerate(vjps):
        if vjp is not None:
            check_callable(vjp, f"Primitive {name!r}", f"vjp_{i} (or None)")


def checked_rules(name, impl, vjps):
    """The rules of a Primitive defined outside the engine (the engine's own are trusted),
    wrapped so that what they give is checked where it is given, O(1) a call.

    * ``impl`` must return real numbers (an array or a number): None, text, a masked array
      or a complex value is a TypeError naming the op (NumPy's errors in it are named by
      the op already, except that another array library's function given as ``impl``,
      ``torch.sin``, is named with the error it raises on NumPy arrays; any other exception
      it raises is a ValueError naming the op);
    * each VJP must return a cotangent of real numbers of its argument's shape: a complex
      or masked one is a TypeError, another shape a ValueError, naming the op and the VJP
      (the engine would otherwise add it, broadcast, into a gradient of the wrong size);
      an exception it raises other than a ValueError, TypeError or FloatingPointError is
      re-raised as a ValueError naming them, chained, as ``call_fun`` does for ``fun``.
    """
    def forward(*args, **params):
        try:
            out = impl(*args, **params)
        except (ValueError, TypeError, FloatingPointError, IndexError, np.linalg.LinAlgError) \
                as err:
            if _foreign_impl(impl) and type(err) in (TypeError, ValueError, IndexError):
                raise type(err)(f"Primitive {name!r}: its impl, {_foreign_impl(impl)}, raised "
                                f"{type(err).__name__}: {err}; the engine calls impl with "
                                f"NumPy arrays, so another library's function that wants its "
                                f"own arrays does not fit (use NumPy's own, e.g. np.sin for "
                                f"torch.sin)") from err
            raise                                   # named by the op (op_error)
        except Exception as err:
            raise ValueError(f"Primitive {name!r}: {named('impl', impl)} raised "
                             f"{type(err).__name__}: {err}") from err
        if isinstance(impl, np.vectorize) and not impl.otypes and getattr(
                out, "dtype", np.dtype(float)).kind in "iu" and any(
                getattr(a, "dtype", np.dtype(int)).kind == "f" for a in args):
            raise TypeError(f"Primitive {name!r}: {named('impl', impl)} returned {out.dtype} "
                            f"values for float input: it is an np.vectorize without otypes, so "
                            f"NumPy took its output type from its first value (an int) and "
                            f"truncated every other value; pass np.vectorize(..., "
                            f"otypes=[float])")
        if not isinstance(out, (np.ndarray, np.generic, float, int)) or isinstance(
                out, (bool, _MASKED, np.matrix)) or np.asarray(out).dtype.kind not in "fiu":
            got = ("a masked array (numpy.ma)" if isinstance(out, _MASKED) else
                   f"an np.matrix of shape {out.shape}, which stays 2-D under reshape and "
                   f"indexing (return np.asarray of it)" if isinstance(out, np.matrix) else
                   f"{KINDS.get(np.asarray(out).dtype.kind, 'an')} array of dtype "
                   f"{np.asarray(out).dtype} and shape {np.shape(out)}{_odd_entry(out)}"
                   if isinstance(out, (np.ndarray, np.generic)) else describe(out))
            raise TypeError(f"Primitive {name!r}: {named('impl', impl)} must return an array of "
                            f"real numbers, but it returned {got}")
        if _nan_from_numbers(out, args):            # as a VJP's: not NaN from finite values
            raise ValueError(f"Primitive {name!r}: {named('impl', impl)} returned NaN "
                             f"({_nan_count(out)}) although its arguments are all finite; the "
                             f"op is not defined there: refuse such points in impl, or keep "
                             f"them out of its domain")
        return out

    def rule(i, vjp):
        def checked(g, ans, *args, **params):
            try:
                c = vjp(g, ans, *args, **params)
            except TypeError as err:
                if _takes(vjp, 2 + len(args), params) is False:     # (g, x), no ans, say
                    raise TypeError(f"Primitive {name!r}: {named(f'vjp_{i}', vjp)} must take "
                                    f"(g, ans, {', '.join(f'x{j}' for j in range(len(args)))}"
                                    f"{', **params' if params else ''}): the output's "
                                    f"cotangent, the output, then the op's {len(args)} "
                                    f"argument(s); calling it so raised: {err}") from err
                raise
            except (ValueError, FloatingPointError):
                raise
            except Exception as err:
                raise ValueError(f"Primitive {name!r}: {named(f'vjp_{i}', vjp)} raised "
                                 f"{type(err).__name__}: {err}") from err
            if isinstance(c, (list, tuple)):       # its entries would leave the trace (hvp)
                raise TypeError(f"Primitive {name!r}: {named(f'vjp_{i}', vjp)} must return the "
                                f"cotangent as one array or engine value, but it returned a "
                                f"{type(c).__name__} {c!r:.60}: a list is read as numbers, so a "
                                f"second derivative through it is lost (build it with the "
                                f"engine's ops, e.g. ad.stack, or np.asarray for constants)")
            dtype = getattr(c, "dtype", None)              # an array's, or a Tensor's
            if isinstance(c, np.matrix) or dtype is not None and not isinstance(dtype, np.dtype):
                got = f"an np.matrix of shape {c.shape}" if isinstance(c, np.matrix) else \
                    describe(c)                            # another library's: torch.Tensor
                raise TypeError(f"Primitive {name!r}: {named(f'vjp_{i}', vjp)} must return the "
                                f"cotangent as an array or engine value, but it returned {got}")
            if isinstance(c, _MASKED) or dtype is not None and np.dtype(dtype).kind not in "fiu" \
                    or dtype is None and not isinstance(c, (float, int)):
                got = (f"{KINDS.get(np.dtype(dtype).kind, 'an')} array of dtype {dtype} and "
                       f"shape {tuple(c.shape)}" if dtype is not None and not isinstance(
                           c, _MASKED) else f"{type(c).__name__} {c!r:.60}")
                raise TypeError(f"Primitive {name!r}: {named(f'vjp_{i}', vjp)} must return a "
                                f"cotangent of real numbers, but it returned {got}")
            want = getattr(args[i], "shape", None)
            want = np.shape(args[i]) if want is None else tuple(want)
            got = getattr(c, "shape", None)
            got = np.shape(c) if got is None else tuple(got)
            if got != want:
                raise ValueError(f"Primitive {name!r}: {named(f'vjp_{i}', vjp)} must return the "
                                 f"cotangent of argument {i}, of its shape {want}, but it "
                                 f"returned shape {got} (given g and ans of shape "
                                 f"{_shape_of(_plain(g))}: the shape impl returned for an "
                                 f"argument {i} of shape {want})")
            if _nan_from_numbers(c, (g, ans) + args):
                raise ValueError(f"Primitive {name!r}: {named(f'vjp_{i}', vjp)} returned NaN "
                                 f"in the cotangent of argument {i} ({_nan_count(c)}), although "
                                 f"its cotangent g, the output and the arguments are all finite; "
                                 f"a derivative is a number wherever the op is defined")
            return c
        return checked

    return forward, tuple(None if v is None else rule(i, v) for i, v in enumerate(vjps))


def _takes(f, n, params):
    """Whether ``f`` accepts ``n`` positional arguments and ``params`` by keyword; None when
    its signature cannot be read (a builtin, say)."""
    try:
        inspect.signature(f).bind(*range(n), **params)
    except TypeError:
        return False
    except ValueError:
        return None
    return True


def _plain(x):
    """A traced value's array, through every level of tracing (duck-typed: no import of
    core, which imports this module)."""
    while hasattr(x, "trace") and hasattr(x, "value"):
        x = x.value
    return x


def _nan_from_numbers(c, given):
    """True when ``c`` (what a user op's impl or VJP returned) holds a NaN although every
    array or number in ``given`` (its arguments) is finite: NaN in gives NaN out, but not
    from nothing."""
    c = np.asarray(_plain(c))
    if c.dtype.kind != "f" or not np.isnan(c).any():
        return False
    for a in map(_plain, given):
        if isinstance(a, (np.ndarray, np.generic, float)) and not np.isfinite(a).all():
            return False
    return True


def _nan_count(c):
    c = np.asarray(_plain(c))
    return f"{int(np.isnan(c).sum())} of {c.size} entries" if c.ndim else "nan"


def check_argnums(argnums, name="argnums", who=None):
    """``argnums`` as a tuple of ints, and whether a tuple of gradients is wanted (``name``:
    the caller's word for it, ``argnum`` for jacobian and hessian; ``who``: the caller)."""
    many = isinstance(argnums, (tuple, list))
    nums = tuple(argnums) if many else (argnums,)
    if not all(isinstance(n, (int, np.integer)) and not isinstance(n, _NOT_INTS)
               for n in nums):
        point = (f" (the point? {who}(fun, {name}) makes a function; call it with the point: "
                 f"{who}(fun)(x))" if isinstance(argnums, np.ndarray) or (
                     isinstance(argnums, (float, np.floating))) else "")
        raise TypeError(f"{who + ': ' if who else ''}{name} must be an int or a tuple of "
                        f"ints, got {seen(argnums)}{point}")
    if not nums:
        raise ValueError("argnums is an empty tuple; name at least one argument to "
                         "differentiate")
    return nums, many


def check_positions(nums, n_args, name="argnums"):
    """argnums as positions 0..n_args-1 (negative ones count from the end)."""
    for n in nums:
        if not -n_args <= n < n_args:
            raise ValueError(f"{name} {n} is out of range for {n_args} arguments")
    return tuple(int(n) % n_args for n in nums)


def _output_error(message):
    """A derivative function's refusal of what the user's ``fun`` returned (a masked array, an
    np.matrix, text, None): a TypeError marked ``names_fun``, so that raised by a nested
    ``grad`` inside ``hessian`` or ``jacobian`` it passes up as it is (it names fun already),
    not as an error that fun raised."""
    err = TypeError(message)
    err.names_fun = True
    return err


def check_output(out, who, fun=None):
    """A function being differentiated must return a float array or number, not None.

    (An output made by the engine's ops, a Tensor, is checked by its plain value: a complex
    one would lose its imaginary part in the backward pass.)
    """
    if isinstance(out, _MASKED):            # (one fully masked number is a MaskedConstant)
        raise _output_error(f"{who}: {named('fun', fun)} returned a masked array (numpy.ma); "
                            f"scratchmeta does not honour masks: return plain numbers, e.g. "
                            f"out.filled(value)")
    if isinstance(out, np.matrix):          # never a scalar: it stays 2-D when summed
        raise _output_error(_matrix_returned(who, named("fun", fun), out))
    if isinstance(out, (np.ndarray, np.generic, float, int)):
        dtype = np.asarray(out).dtype
        if dtype.kind in "fiu":             # a bool (a comparison) has no derivative to take
            return
        got = f"{KINDS.get(dtype.kind, 'a')} array (dtype {dtype})"
        if not isinstance(out, np.ndarray):
            got += f", {out!r:.40}"
    else:
        got = f"{type(out).__name__} {out!r:.60}"
    raise _output_error(f"{who} needs {named('fun', fun)} to return a float array or number, "
                        f"but it returned {got}")


def _matrix_returned(who, name, out):
    return (f"{who}: {name} returned an np.matrix of shape {out.shape}, which stays 2-D "
            f"(even summed); return arrays, e.g. np.asarray(...), or the engine's ops' results")


def check_scalar(out_shape, who="grad"):
    """``grad`` differentiates a scalar: refuse an output of any other shape."""
    if out_shape != ():
        raise ValueError(f"{who} needs fun to return a scalar, but it returned an output of "
                         f"shape {out_shape}; reduce it first, e.g. with sum")


def check_nonempty(count, who, shape, axis):
    """A mean needs at least one entry to average (else 0 / 0)."""
    if not count:
        raise ValueError(f"{who}: no entries to average over axis={axis!r} of an input of "
                         f"shape {shape}")
    return count


def check_no_nan(value, who, name):
    """A parameter (a bound, say) that must be real numbers, none of them NaN."""
    arr = real_array(value, f"{who}: {name}")
    if arr.dtype.kind == "f" and np.isnan(arr).any():
        raise ValueError(f"{who}: {name} must not be NaN, got {seen(value, 40)}")
