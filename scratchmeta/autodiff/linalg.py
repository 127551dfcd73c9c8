"""Chapter 1, appendix: linear algebra beyond matmul (solve, einsum, norm).

Lecture 22, sections 1.3.4 and 1.4.3: the closed-form head (eq. 22.6) solves
a ridge system ``(Phi^T Phi + lam I) w = Phi^T y`` inside the meta-gradient,
so ``solve`` must be differentiable, in both the matrix and the right-hand
side (its VJP is one more solve with the transposed matrix). ``einsum`` and
``norm`` are here for readers porting NumPy code.
"""

import builtins

import numpy as np

from .checks import InvalidValueError, check_constant, check_inputs, check_system, seen
from .core import (Primitive, Tensor, broadcast_to, div, expand_reduced, matmul,
                   matrix_transpose, mul, neg, reduced_axes, reshape, shape, stop_gradient, sum,
                   sum_to, unbroadcast, where)
from .more_ops import abs, max, variadic

__all__ = ["solve", "einsum", "norm"]

def _solve_impl(a, b):
    return np.linalg.solve(a, b)


def _solve_vjp_b(g, ans, a, b):
    return unbroadcast(solve(matrix_transpose(a), g), b)                    # gb = A^-T g


def _solve_vjp_a(g, ans, a, b):
    gb = _solve_vjp_b(g, ans, a, ans)
    return unbroadcast(neg(matmul(gb, matrix_transpose(ans))), a)           # gA = -gb x^T


_solve = Primitive("solve", _solve_impl, _solve_vjp_a, _solve_vjp_b)


def solve(a, b):
    """x with a @ x = b, batched over leading axes; ``b`` is (..., n, k) or (n,)."""
    check_system(a, b)
    for name, x in (("a", a), ("b", b)):    # as SciPy's check_finite: LAPACK takes NaN silently
        x = stop_gradient(x) if isinstance(x, Tensor) else x
        if isinstance(x, np.ndarray) and x.dtype.kind == "f" and not np.isfinite(x).all():
            bad = int(x.size - np.count_nonzero(np.isfinite(x)))
            at = np.unravel_index(int(np.argmin(np.isfinite(x))), x.shape)
            raise InvalidValueError(f"solve: {name} holds {bad} NaN or inf entr"
                                    f"{'y' if bad == 1 else 'ies'} (shape {x.shape}; the first "
                                    f"is {name}[{', '.join(str(int(j)) for j in at)}] = "
                                    f"{x[at].item()!r}): a linear system needs finite numbers")
    if len(shape(b, "solve", "b")) == 1:    # a vector b: checked here, else reshape is named
        check_inputs("solve", tuple(stop_gradient(x) if isinstance(x, Tensor) else x
                                    for x in (a, b)), {})
        return reshape(_solve(a, reshape(b, (-1, 1))), shape(a)[:-1])
    return _solve(a, b)


def _einsum_spec(subscripts, shapes):
    """Subscripts in explicit form, 'ij,jk->ik', with '...' spelled out as letters."""
    if not isinstance(subscripts, str):
        raise TypeError(f"einsum: subscripts must be a string such as 'ij,jk->ik', "
                        f"got {seen(subscripts)}")
    text = subscripts.replace(" ", "")
    inputs, arrow, output = text.partition("->")
    inputs = inputs.split(",")
    if len(inputs) != len(shapes):
        raise ValueError(f"einsum: subscripts {subscripts!r} name {len(inputs)} operands, "
                         f"but {len(shapes)} were given")
    unused = (c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" if c not in text)
    n_dots = [len(s) - len(spec.replace("...", "")) for spec, s in zip(inputs, shapes)]
    n_ell = builtins.max([n for spec, n in zip(inputs, n_dots) if "..." in spec], default=0)
    ell = "".join(next(unused) for _ in range(n_ell))
    inputs = [spec.replace("...", ell[n_ell - n:] if n > 0 else "")
              for spec, n in zip(inputs, n_dots)]
    if not arrow:       # implicit output: letters used once, in order, after the '...' axes
        once = sorted(c for c in set("".join(inputs)) if c not in ell
                      and "".join(inputs).count(c) == 1)
        output = ell + "".join(once)
    output = output.replace("...", ell)
    for i, (spec, s) in enumerate(zip(inputs, shapes)):
        if not spec.isalpha() and spec or len(spec) != len(s):
            raise ValueError(f"einsum: operand {i} has shape {s}, which does not fit "
                             f"its subscripts in {subscripts!r}")
        if len(set(spec)) != len(spec):
            raise ValueError(f"einsum: operand {i} repeats an index in {subscripts!r}; "
                             f"diagonals and traces are not supported")
    if len(set(output)) != len(output) or not set(output) <= set("".join(inputs)):
        raise ValueError(f"einsum: the output of {subscripts!r} must name distinct indices "
                         f"of the operands")
    return ",".join(inputs) + "->" + output


def _einsum_vjp(i, g, ans, *xs, spec):
    # einsum is linear in each operand: the cotangent of operand i contracts
    # the output cotangent g with the other operands, onto operand i's indices.
    inputs, output = spec.split("->")
    inputs = inputs.split(",")
    target, x_shape = inputs[i], shape(xs[i])
    others = [x for j, x in enumerate(xs) if j != i]
    seen = set(output).union(*(inputs[j] for j in range(len(xs)) if j != i))
    kept = "".join(c for c in target if c in seen)
    r = _einsum(g, *others, spec=",".join([output] + inputs[:i] + inputs[i + 1:]) + "->" + kept)
    # An index summed in the forward pass and used nowhere else: d/dx is 1 all
    # along it, so the cotangent is broadcast along it; a size-1 axis that was
    # broadcast against a longer one is summed back.
    sizes = dict(zip(kept, shape(r)))
    r = reshape(r, tuple(sizes.get(c, 1) for c in target))
    summed = tuple(n if c in seen else 1 for c, n in zip(target, x_shape))
    if shape(r) != summed:
        r = sum_to(r, summed)
    return r if summed == x_shape else broadcast_to(r, x_shape)


_einsum = variadic("einsum", lambda *xs, spec: np.einsum(spec, *xs), _einsum_vjp)


def einsum(subscripts, *operands):
    """Einstein summation, as ``np.einsum``: ``einsum('ij,jk->ik', a, b)`` is ``a @ b``.

    Indices may be letters and '...'; an index may not repeat within one
    operand (no diagonals or traces).
    """
    if not isinstance(subscripts, str) and any(isinstance(x, str) for x in operands):
        text = next(x for x in operands if isinstance(x, str))
        given = (f"an array of shape {np.shape(subscripts)}" if isinstance(subscripts, np.ndarray)
                 else seen(subscripts, 40))
        raise TypeError(f"einsum: subscripts must come first, as text: einsum({text!r}, ...), "
                        f"got {given} as subscripts and the text {text!r} among "
                        f"the operands (NumPy's order; swapped?)")
    for i, x in enumerate(operands):     # its values before its shape: a SciPy Rotation has ()
        check_constant(x, "einsum", f"operands[{i}]")
    return _einsum(*operands, spec=_einsum_spec(subscripts, [
        shape(x, "einsum", f"operands[{i}]") for i, x in enumerate(operands)]))


def _norm2_vjp(g, ans, x, axis=None, keepdims=False):
    # d|x|/dx = x / |x|; at x = 0 take the subgradient 0 (as PyTorch does).
    x_shape = shape(x)
    safe = where(stop_gradient(ans) == 0, 1.0, ans)
    return mul(expand_reduced(g, x_shape, axis, keepdims),
               div(x, expand_reduced(safe, x_shape, axis, keepdims)))


def _norm2_impl(x, axis=None, keepdims=False):
    return np.sqrt(np.sum(x * x, axis, keepdims=keepdims))           # |x| = sqrt(sum x^2)


_norm2 = Primitive("norm", _norm2_impl, _norm2_vjp)


def norm(x, ord=None, axis=None, keepdims=False):
    """Vector norms over ``axis`` (every axis if None: a matrix's Frobenius norm).

    ``ord`` None, 2 or 'fro': the Euclidean norm sqrt(sum x^2); 1: sum |x|;
    ``np.inf``: max |x|. Matrix norms other than Frobenius are not provided.
    """
    n_axes = len(reduced_axes(shape(x, "norm"), axis, "norm"))
    if isinstance(ord, (bool, np.bool_)) or not (ord is None or isinstance(    # True == 1: a
            ord, (str, int, float, np.integer, np.floating))):    # flag; [2] == 2: an array
        kind = "the bool" if isinstance(ord, (bool, np.bool_)) else type(ord).__name__
        raise TypeError(f"norm: ord must be None, 1, 2, np.inf or 'fro', got {kind} {ord!r:.40}")
    if isinstance(ord, str) and ord == "fro" and n_axes < 2:      # as NumPy: fro is for matrices
        raise ValueError(f"norm: ord={ord!r} (Frobenius) is a matrix norm, over 2 axes, but "
                         f"here it is over {n_axes} of shape {shape(x)}; use ord=None or 2 for "
                         f"a vector")
    if ord in (None, "fro") or (ord == 2 and n_axes <= 1):
        return _norm2(x, axis=axis, keepdims=keepdims)
    if ord in (1, np.inf) and n_axes <= 1:
        reduce = sum if ord == 1 else max
        return reduce(abs(x), axis=axis, keepdims=keepdims)
    raise ValueError(f"norm: ord={seen(ord)} over {n_axes} axes is not supported; use ord=None "
                     f"(Euclidean, or Frobenius over several axes), or 1, 2, np.inf over one axis")
