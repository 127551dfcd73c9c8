"""Chapter 1, appendix: more of NumPy, for porting code (elementwise, reductions, shapes).

Not needed by the lecture's code, which uses the ops of ``core.py`` only: these
are the ops a reader porting NumPy or autograd code reaches for first. Each is
built like the core's, a forward rule beside its VJP written in engine ops
(so it differentiates to any order), and each passes ``check_grads`` to
order 2, the smooth ones to order 3. Where a derivative has a choice to make
(a kink, a tie, a zero in a product) the comment says which one is made and
why.
"""

import numpy as np

from .checks import (check_arrays, check_axis, check_callable, check_constant, check_count,
                     check_flag, check_no_nan, check_numbers, own_dtype, seen)
from .core import (Primitive, add, div, expand_reduced, float_dtype, getitem, kept_shape, mean,
                   mul, neg, reduced_count, reshape, shape, sqrt, stop_gradient, sub, sum,
                   unbroadcast, where)

__all__ = ["sin", "cos", "tan", "sinh", "cosh", "log1p", "expm1", "abs", "maximum", "minimum",
           "clip", "max", "min", "prod", "var", "std", "squeeze", "expand_dims",
           "concatenate", "stack", "variadic"]

# --- elementwise functions ----------------------------------------------------
sin = Primitive("sin", np.sin,
                lambda g, ans, x: mul(g, cos(x)))                            # (sin x)' = cos x
cos = Primitive("cos", np.cos,
                lambda g, ans, x: neg(mul(g, sin(x))))                       # (cos x)' = -sin x
tan = Primitive("tan", np.tan,
                lambda g, ans, x: mul(g, add(1.0, mul(ans, ans))))           # = 1 + tan^2
sinh = Primitive("sinh", np.sinh,
                 lambda g, ans, x: mul(g, cosh(x)))                          # (sinh x)' = cosh x
cosh = Primitive("cosh", np.cosh,
                 lambda g, ans, x: mul(g, sinh(x)))                          # (cosh x)' = sinh x
log1p = Primitive("log1p", np.log1p,
                  lambda g, ans, x: div(g, add(1.0, x)))                     # = 1/(1+x)
expm1 = Primitive("expm1", np.expm1,
                  lambda g, ans, x: mul(g, add(ans, 1.0)))                   # (e^x - 1)' = e^x
abs = Primitive("abs", np.abs,
                lambda g, ans, x: mul(g, np.sign(stop_gradient(x))))           # = sign x


def _share(a, b):
    """Share of the gradient of maximum(a, b) that goes to a: 1, 0, or 1/2 at a tie."""
    a, b = stop_gradient(a), stop_gradient(b)
    return np.where(a > b, 1.0, np.where(a == b, 0.5, 0.0)).astype(np.result_type(a, b, 1.0))


# d max(a, b)/da = [a > b]; at a tie the two inputs split it, 1/2 each (as
# PyTorch and HIPS autograd do), so a gradient step moves both alike.
maximum = Primitive("maximum", np.maximum,
                    lambda g, ans, a, b: unbroadcast(mul(g, _share(a, b)), a),
                    lambda g, ans, a, b: unbroadcast(mul(g, _share(b, a)), b))
minimum = Primitive("minimum", np.minimum,
                    lambda g, ans, a, b: unbroadcast(mul(g, _share(b, a)), a),
                    lambda g, ans, a, b: unbroadcast(mul(g, _share(a, b)), b))


def clip(x, a_min, a_max):
    """``x`` limited to [a_min, a_max] (either may be None), as ``np.clip``.

    Written with ``where``: d clip/dx = 1 inside the interval (ends included,
    as in PyTorch) and 0 outside, where the gradient goes to the bound instead.
    """
    if a_min is None and a_max is None:
        raise ValueError("clip needs a_min or a_max; both are None")
    check_numbers("clip", x=stop_gradient(check_constant(own_dtype("clip", x), "clip", "x")))
    for name, bound in (("a_min", a_min), ("a_max", a_max)):
        if bound is not None:
            check_no_nan(stop_gradient(check_constant(bound, "clip", name)), "clip", name)
            try:                                  # it must broadcast against x, as np.clip's
                np.broadcast_shapes(shape(bound), shape(x))
            except ValueError:
                raise ValueError(f"clip: {name} of shape {shape(bound)} does not broadcast "
                                 f"against x of shape {shape(x)}: got {seen(bound, 60)}") from None
    if a_min is not None and a_max is not None and \
            np.any(np.asarray(stop_gradient(a_min)) > np.asarray(stop_gradient(a_max))):
        raise ValueError(f"clip needs a_min <= a_max, got a_min={stop_gradient(a_min)!r:.40} "
                         f"and a_max={stop_gradient(a_max)!r:.40}")
    if a_min is not None:
        x = where(stop_gradient(x) < stop_gradient(a_min), a_min, x)                # max(x, a_min)
    if a_max is not None:
        x = where(stop_gradient(x) > stop_gradient(a_max), a_max, x)                # min(., a_max)
    return x


# --- reductions -----------------------------------------------------------------

def var(x, axis=None, ddof=0, keepdims=False):
    """Variance: sum of squared deviations from the mean over (n - ddof), as ``np.var``."""
    return _variance(x, axis, ddof, keepdims, "var")


def std(x, axis=None, ddof=0, keepdims=False):
    """Standard deviation, the square root of ``var``; its gradient is infinite where it is 0."""
    return sqrt(_variance(x, axis, ddof, keepdims, "std"))


def _variance(x, axis, ddof, keepdims, who):
    """``var``, its arguments checked under the name of ``who`` (var, or std built on it)."""
    ddof, _ = check_count(ddof, who, "ddof"), check_flag(keepdims, who, "keepdims")
    n = reduced_count(shape(own_dtype(who, x), who), axis, who)
    if n - ddof <= 0:
        raise ValueError(f"{who}: ddof={ddof} needs more than {ddof} entries along axis={axis}, "
                         f"but there are {n} (shape {shape(x)})")
    d = sub(x, mean(x, axis=axis, keepdims=True))
    return div(sum(mul(d, d), axis=axis, keepdims=keepdims), float(n - ddof))


def _extremum_vjp(g, ans, x, axis=None, keepdims=False):
    # d max(x)/dx_i = 1 where x_i is the max, else 0; ties share it equally
    # (as HIPS autograd does), so the gradient still sums to 1.
    xr, x_shape = stop_gradient(x), shape(x)
    at = xr == stop_gradient(ans).reshape(kept_shape(x_shape, axis))
    share = at / np.sum(at, axis=axis, keepdims=True)
    return mul(expand_reduced(g, x_shape, axis, keepdims),
               share.astype(float_dtype(g), copy=False))


max = Primitive("max", lambda x, axis=None, keepdims=False: np.max(x, axis, keepdims=keepdims),
                _extremum_vjp)
min = Primitive("min", lambda x, axis=None, keepdims=False: np.min(x, axis, keepdims=keepdims),
                _extremum_vjp)


def _prod_vjp(g, ans, x, axis=None, keepdims=False):
    # d prod(x)/dx_i = prod_{j != i} x_j, which is prod(x) / x_i if no x_j is 0.
    x_shape = shape(x)
    g = expand_reduced(g, x_shape, axis, keepdims)
    zero = stop_gradient(x) == 0
    if not zero.any():
        return mul(g, div(expand_reduced(ans, x_shape, axis, keepdims), x))
    # With zeros: p = product of the nonzero entries, z = product of the zero
    # ones (0, but with its own derivatives). For a nonzero x_i the product of
    # the others is z p / x_i; for a zero x_i it is p if it is the slice's only
    # zero, else 0. (Exact to every order with at most one zero per slice.)
    nonzero = where(zero, 1.0, x)
    p = prod(nonzero, axis=axis, keepdims=True)
    z = prod(where(zero, x, 1.0), axis=axis, keepdims=True)
    only_zero = np.sum(zero, axis=axis, keepdims=True) == 1
    others = where(zero, where(only_zero, p, 0.0), div(mul(z, p), nonzero))
    return mul(g, others)


prod = Primitive("prod", lambda x, axis=None, keepdims=False: np.prod(x, axis, keepdims=keepdims),
                 _prod_vjp)


# --- shapes -------------------------------------------------------------------

def _new_shape(name, fn, x, axis):
    """The shape NumPy's squeeze/expand_dims would give, without touching the data."""
    x_shape = shape(x, name)                       # None, text: named by the op
    axis = check_axis(axis, name, none=name == "squeeze")      # its type: a TypeError, named
    try:
        return fn(np.broadcast_to(np.empty((), dtype=bool), x_shape), axis).shape
    except (ValueError, TypeError, IndexError, OverflowError) as err:   # 2**70: C long
        raise ValueError(f"{name}: cannot apply axis={axis!r} to shape {x_shape}: "
                         f"{err}") from None


def squeeze(x, axis=None):
    """Drop size-1 axes (all of them, or those in ``axis``): a reshape."""
    return reshape(own_dtype("squeeze", x), _new_shape("squeeze", np.squeeze, x, axis))


def expand_dims(x, axis):
    """Insert size-1 axes at the positions ``axis``: a reshape."""
    return reshape(own_dtype("expand_dims", x), _new_shape("expand_dims", np.expand_dims, x, axis))


class _EveryArgument:
    """One VJP rule ``vjp(i, g, ans, *xs)`` serving every argument ``i``."""

    def __init__(self, vjp):
        self.vjp = vjp

    def __getitem__(self, argnum):
        return lambda *args, **params: self.vjp(argnum, *args, **params)


def variadic(name, impl, vjp):
    """A primitive over any number of arrays, one VJP rule for all (concatenate, stack, einsum)."""
    prim = Primitive(name, impl)
    check_callable(vjp, f"variadic {name!r}", "vjp")
    prim.vjps = _EveryArgument(vjp)
    return prim


def _concatenate_vjp(i, g, ans, *xs, axis=0):
    axis = axis % len(shape(ans))
    start = int(np.sum([shape(x)[axis] for x in xs[:i]]))
    index = (slice(None),) * axis + (slice(start, start + shape(xs[i])[axis]),)
    return getitem(g, index)                                                # this input's slice


_concatenate = variadic("concatenate", lambda *xs, axis=0: np.concatenate(xs, axis),
                        _concatenate_vjp)


def concatenate(xs, axis=0):
    """Join a sequence of arrays along an existing axis, as ``np.concatenate``."""
    return _concatenate(*check_arrays(xs, "concatenate", axis=axis), axis=axis)


def _stack_vjp(i, g, ans, *xs, axis=0):
    axis = axis % len(shape(ans))
    return getitem(g, (slice(None),) * axis + (i,))                         # this input's slab


_stack = variadic("stack", lambda *xs, axis=0: np.stack(xs, axis), _stack_vjp)


def stack(xs, axis=0):
    """Join a sequence of arrays of one shape along a new axis, as ``np.stack``."""
    return _stack(*check_arrays(xs, "stack", axis=axis), axis=axis)
