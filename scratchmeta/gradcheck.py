"""Chapter 1, part 2: checking the engine, and Hessian-vector products.

Lecture 22, section 1.3.6: MAML's meta-gradient is a second derivative in
disguise (the inner gradient, differentiated again), so an engine for it has to
be right to second order. This module holds the test every op of
``scratchmeta.autodiff`` must pass, and one use of second derivatives that
never forms a Hessian.

* :func:`check_grads` compares reverse mode with central finite differences,
  ``<u, J d> ~ (f(x + eps d) - f(x - eps d)) / (2 eps)``, in random directions
  ``d`` and cotangents ``u``, on whole float64 arrays, as PyTorch's gradcheck
  and JAX's ``check_grads`` do. Order 2 repeats the test on the map
  ``(x, u) -> u^T J(x)`` (PyTorch's gradgradcheck): the VJP itself must have
  correct derivatives, which holds only if every VJP is built from
  differentiable ops.
* :func:`hvp` computes H(x) v as the gradient of ``<grad f(x), v>``:
  reverse-over-reverse, at the cost of a few gradients.

This module imports ``scratchmeta.autodiff`` and uses only its public names and the
argument checks of its ``checks.py``; the engine does not import it.
"""

import numpy as np

from scratchmeta.autodiff import (Tensor, add, grad, mul, shape, stop_gradient, sum, tree_flatten,
                                  tree_map)
from scratchmeta.autodiff.checks import (as_users, call_fun, check_args, check_callable,
                                         check_count, check_differences, check_float_leaves,
                                         check_fun_at, check_generator, check_same_tree,
                                         check_tolerance, check_values, container, float_array,
                                         named_errors, stepped)

__all__ = ["check_grads", "hvp"]


def _float64(x, where, within=""):
    """An argument of the check as a float64 array (the check always runs in float64)."""
    if type(x) is Tensor:
        raise TypeError(f"{where} is a Tensor{within}; pass plain arrays (use ad.stop_gradient)")
    return float_array(x, where, within).astype(np.float64, copy=False)


def _tree_vdot(x, y):
    """sum over leaves of <x_leaf, y_leaf>, with engine ops (differentiable)."""
    xs, ys = tree_flatten(x)[0], tree_flatten(y)[0]
    total = 0.0
    for a, b in zip(xs, ys):
        total = add(total, sum(mul(a, b)))
    return total


def hvp(fun, x, v):
    """Hessian-vector product H(x) v, as the gradient of <grad f(x), v>.

    Reverse-over-reverse: a few gradients, no Hessian. x must be finite; a NaN in v gives NaN.
    ``fun`` is called twice at x first: a value that changes between calls is refused.
    """
    check_callable(fun, "hvp", "fun")
    check_float_leaves(tree_flatten(x, "hvp: x")[0], f"hvp: x{container(x)}", tensor=Tensor,
                       finite=True)
    check_same_tree("hvp", "x", x, "v", v, Tensor)
    check_fun_at(fun, (x,), "hvp", Tensor, stop_gradient, tree_flatten)
    return named_errors(grad(lambda x: _tree_vdot(grad(fun)(x), v)), "hvp")(x)   # hvp's errors


def check_grads(fun, args, order=2, *, eps=1e-6, rtol=1e-6, atol=1e-6, rng=None):
    """Check the engine's derivatives of ``fun`` against central differences.

    For each argument, in a random direction ``d`` and with a random output
    cotangent ``u``, compare ``<u, J d>`` from finite differences with
    ``<u^T J, d>`` from reverse mode, in float64 on whole arrays. For order 2,
    repeat the check on the map ``(args, u) -> u^T J(args)``, as PyTorch's
    gradgradcheck does; each further order repeats it on the previous map.
    Arguments are converted to float64 first (float32 ones too): central differences with
    eps = 1e-6 need float64's precision (``eps`` is at most 1: a larger step approximates no
    derivative). A ``fun`` whose value at ``args`` changes between two calls is a ValueError.
    On failure, raise AssertionError naming the argument, the order, both values and the error.
    """
    check_callable(fun, "check_grads", "fun")
    args = check_args(args, "check_grads", "args", nonempty=True)
    order = check_count(order, "check_grads", "order", 1, most=8, wrong_type=ValueError)
    eps = check_tolerance(eps, "check_grads", "eps", positive=True, most=1.0)
    rtol, atol = check_differences(eps, rtol, atol)      # tolerances, and a step that is one
    rng = np.random.default_rng(0) if rng is None else check_generator(rng, "check_grads")
    args = tuple(tree_map(lambda a: _float64(a, f"check_grads argument{container(arg)}",
                                             f" in args[{i}]"), arg) for i, arg in enumerate(args))
    for i, arg in enumerate(args):        # a NaN would only fail the comparison, unexplained
        check_float_leaves(tree_flatten(arg)[0], f"check_grads: argument {i}{container(arg)}",
                           f" in args[{i}]", finite=True)
    check_fun_at(fun, args, "check_grads", Tensor, stop_gradient, tree_flatten)
    f = fun
    for level in range(1, order + 1):
        _check_directional(f, args, level, eps, rtol, atol, rng)
        if level < order:
            u = tree_map(lambda o: rng.standard_normal(shape(o)), f(*args))
            f, args = _vjp_map(f, len(args)), args + (u,)


def _vjp_map(f, n_args):
    """The map (args, u) -> u^T J_f(args), over all of f's arguments."""
    def vjp_of_f(*args_and_u):
        *args, u = args_and_u
        return grad(lambda *a: _tree_vdot(f(*a), u), argnums=tuple(range(n_args)))(*args)
    return as_users(vjp_of_f, f)


def _check_directional(f, args, order, eps, rtol, atol, rng):
    out = call_fun(f, args, "check_grads")
    check_values(tree_flatten(out, "check_grads: what fun returned")[0], "check_grads", "fun",
                 Tensor, stop_gradient)
    u = tree_map(lambda o: rng.standard_normal(shape(o)), out)

    def scalar(*a):
        return _tree_vdot(f(*a), u)
    as_users(scalar, f)

    for i, arg in enumerate(args):
        d = tree_map(lambda a: rng.standard_normal(shape(a)), arg)
        plus = tree_map(lambda a, di: a + eps * di, arg, d)
        minus = tree_map(lambda a, di: a - eps * di, arg, d)
        f_plus, f_minus = stepped(scalar, args, i, (plus, minus), eps)
        numeric = float((f_plus - f_minus) / (2 * eps))
        analytic = float(_tree_vdot(grad(scalar, argnums=i)(*args), d))
        error = abs(numeric - analytic)
        if not error <= atol + rtol * max(abs(numeric), abs(analytic)):
            raise AssertionError(
                f"check_grads: order {order} derivative for argument {i} disagrees with "
                f"central differences: engine {analytic!r}, finite differences {numeric!r}, "
                f"error {error:.3g} (tolerance atol={atol:g} + rtol={rtol:g} * |value|)")
