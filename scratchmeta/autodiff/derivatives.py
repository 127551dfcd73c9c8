"""Chapter 1, appendix: derivatives beyond the gradient (VJPs, Jacobians, Hessians, JVPs).

Lecture 22, section 1.3.6 needs only ``grad`` of ``grad``; these are the
other derivative functions a reader porting autograd or JAX code reaches for,
each built on the tape of ``core.py`` in a few lines:

* :func:`vjp` traces ``fun`` once and returns a pullback ``u -> u^T J`` that
  can walk the same tape with any number of cotangents ``u``;
* :func:`jacobian` is one pullback per output entry (reverse mode, row by row);
* :func:`hessian` is the Jacobian of the gradient (reverse over reverse);
* :func:`jvp` gets forward mode from two reverse passes: ``u -> u^T J`` is
  linear in ``u``, so the gradient in ``u`` of ``<u^T J, v>`` is ``J v``.

Every result is built from engine ops, so each can be differentiated again.
"""

import functools

import numpy as np

from .checks import (as_users, check_args, check_argnums, check_callable, check_finite,
                     check_float_leaves, check_output, check_positions, container, describe,
                     float_array, named_errors, real_array, seen)
from .core import (Tensor, add, float_dtype, grad, mul, output_value, pull, reshape, shape,
                   stop_gradient, sum, watch)
from .more_ops import stack
from .pytrees import tree_flatten, tree_structure

__all__ = ["vjp", "jacobian", "hessian", "jvp"]


def vjp(fun, *args):
    """``(fun(*args), pullback)``: ``pullback(u)`` is the tuple of ``u^T J`` per argument.

    ``fun`` returns one array (any shape); ``u`` has that shape. The forward
    pass is traced once, and each call of ``pullback`` walks the same tape with
    its own ``u``. Like every VJP here, ``pullback`` is built from engine ops,
    so it can be differentiated again.
    """
    check_callable(fun, "vjp", "fun")
    check_args(args, "vjp", "args (vjp(fun, x, ...))")
    trace, out, groups = watch(fun, args, {}, range(len(args)), "vjp")
    check_output(stop_gradient(out) if type(out) is Tensor else out, "vjp", fun)
    out_shape, out_dtype = shape(out), float_dtype(out)

    def pullback(u):
        if type(u) is not Tensor:
            u = real_array(u, "vjp: the cotangent u").astype(out_dtype, copy=False)
            check_finite(u, "vjp: the cotangent u")               # NaN would give NaN, unsaid
        if shape(u) != out_shape:
            raise ValueError(f"vjp: the cotangent u has shape {shape(u)}, but fun's output "
                             f"has shape {out_shape}; u must have the output's shape")
        return tuple(pull(trace, out, groups, u))

    return output_value(out, trace), pullback


def jacobian(fun, argnum=0):
    """Return ``f(*args) -> J`` with ``J[i..., j...] = d fun(*args)[i...] / d args[argnum][j...]``.

    ``J`` has shape ``out.shape + x.shape`` for an array argument ``x``. Reverse
    mode builds it one row at a time: one forward pass, then one backward pass
    per output entry over the same tape (``vjp`` with the unit cotangents).
    """
    check_callable(fun, "jacobian", "fun")
    return _jacobian(fun, argnum, "jacobian")


def _jacobian(fun, argnum, who):
    """:func:`jacobian`, its messages in the words of ``who`` (``hessian`` builds on it)."""
    nums, many = check_argnums(argnum, "argnum", who)
    if many:
        raise TypeError(f"{who} takes one argnum (an int), got {seen(argnum)}")

    def jacobian_fun(*args, **kwargs):
        (p,) = check_positions(nums, len(args), "argnum")
        leaves = tree_flatten(args[p])[0]
        if len(leaves) != 1 or leaves[0] is not args[p]:
            raise TypeError(f"{who} needs argument {p} to be one array, got a "
                            f"{type(args[p]).__name__} of {len(leaves)} leaves: "
                            f"{seen(args[p], 60)}")
        if type(args[p]) is not Tensor:          # named as fun's argument p, not as of_x's 0
            float_array(args[p], f"{who}: argument {p}")

        def of_x(x):
            return fun(*args[:p], x, *args[p + 1:], **kwargs)

        as_users(of_x, fun)              # messages name the user's fun, not this closure
        out, pullback = vjp(of_x, args[p])
        out_shape, in_shape = shape(out), shape(args[p])
        size = int(np.prod(out_shape, dtype=int))
        rows = []
        for k in range(size):
            e_k = np.zeros(size, dtype=float_dtype(out))
            e_k[k] = 1.0                                # unit cotangent: row k of J
            rows.append(pullback(e_k.reshape(out_shape))[0])
        if not rows:
            return np.zeros(out_shape + in_shape, dtype=float_dtype(out))
        return reshape(stack(rows), out_shape + in_shape)

    return named_errors(jacobian_fun, who)        # errors of vjp or grad inside: who's


def hessian(fun, argnum=0):
    """Return ``f(*args) -> H``, the Jacobian of the gradient of scalar ``fun``.

    ``H`` has shape ``x.shape + x.shape``. Cost: one Hessian-vector product
    (reverse over reverse) per entry of ``x``.
    """
    check_callable(fun, "hessian", "fun")          # in hessian's words, before grad's
    check_argnums(argnum, "argnum", "hessian")
    return _jacobian(grad(fun, argnum), argnum, "hessian")


@functools.partial(named_errors, name="jvp")     # errors of vjp and grad inside: jvp's
def jvp(fun, primals, tangents):
    """Forward mode by two reverse passes: ``(fun(*primals), J v)`` for ``v = tangents``.

    ``u -> u^T J`` (the pullback) is linear in ``u``, so its gradient in ``u``
    of ``<u^T J, v>`` is ``J v``. Cost: one forward pass, one backward pass
    recorded on a tape, and one backward pass through that: about twice the
    ops of one reverse-mode gradient (``vjp`` and its pullback), where true
    forward mode would cost about as much as one. It needs no separate forward
    rules, and it can itself be differentiated.
    """
    check_callable(fun, "jvp", "fun")
    given = primals
    primals, tangents = check_args(primals, "jvp", "primals"), check_args(tangents, "jvp", "tangents")
    if len(primals) != len(tangents):
        parts = ", ".join(map(describe, tangents[:3])) + (", ..." if len(tangents) > 3 else "")
        raise ValueError(f"jvp needs one tangent per primal: got {len(primals)} primals"
                         f"{container(given)} and {len(tangents)} tangents (a tuple of {parts})")
    for i, (x, v) in enumerate(zip(primals, tangents)):
        xs, vs = tree_flatten(x)[0], tree_flatten(v)[0]
        check_float_leaves(xs, f"jvp: primal {i}{container(x)}", f" (primals[{i}])", Tensor)
        check_float_leaves(vs, f"jvp: tangent {i}{container(v)}", f" (tangents[{i}])", Tensor,
                           finite=True)
        if len(xs) != len(vs) or any(shape(a) != shape(b) for a, b in zip(xs, vs)) or \
                tree_structure(x) != tree_structure(v):
            raise ValueError(f"jvp: tangent {i} must have the structure and shapes of primal "
                             f"{i}: got shapes {[shape(b) for b in vs]} for primal shapes "
                             f"{[shape(a) for a in xs]} (tangents[{i}] is {tree_structure(v)}"
                             f"{container(v)}, primals[{i}] is {tree_structure(x)})")
    out, pullback = vjp(fun, *primals)

    def along_v(u):
        total = 0.0
        for cotangent, v in zip(pullback(u), tangents):
            for c, vi in zip(tree_flatten(cotangent)[0], tree_flatten(v)[0]):
                total = add(total, sum(mul(c, vi)))     # <u^T J, v>
        return total

    zeros = np.zeros(shape(out), dtype=float_dtype(out))
    return out, grad(along_v)(zeros)
