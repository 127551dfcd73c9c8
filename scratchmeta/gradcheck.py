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

This module imports ``scratchmeta.autodiff`` and uses only its public names;
the engine does not import it.
"""

import numpy as np

from scratchmeta.autodiff import Tensor, add, grad, mul, shape, sum, tree_flatten, tree_map

__all__ = ["check_grads", "hvp"]


def _float64(x, where, within=""):
    """An argument of the check as a float64 array (the check always runs in float64)."""
    if type(x) is Tensor:
        raise TypeError(f"{where} is a Tensor; pass plain arrays (use ad.stop_gradient)")
    arr = np.asarray(x)
    if arr.dtype.kind != "f":
        kind = {"i": "an integer", "u": "an unsigned integer", "b": "a boolean", "O": "an object",
                "c": "a complex", "U": "a string", "S": "a bytes"}.get(arr.dtype.kind, "a")
        given = "" if isinstance(x, np.ndarray) else f", got {x!r:.40}"
        raise TypeError(f"{where} is {kind} array (dtype {arr.dtype}){given}{within}; "
                        f"gradients need float arrays, e.g. np.asarray(x, dtype=float)")
    return arr.astype(np.float64, copy=False)


def _tree_vdot(x, y):
    """sum over leaves of <x_leaf, y_leaf>, with engine ops (differentiable)."""
    xs, ys = tree_flatten(x)[0], tree_flatten(y)[0]
    total = 0.0
    for a, b in zip(xs, ys):
        total = add(total, sum(mul(a, b)))
    return total


def hvp(fun, x, v):
    """Hessian-vector product H(x) v, as the gradient of <grad f(x), v>.

    Reverse-over-reverse: costs a few gradients, never forms the Hessian.
    """
    _same_structure("hvp", "x", x, "v", v)
    return grad(lambda x: _tree_vdot(grad(fun)(x), v))(x)


def _same_structure(who, x_name, x, v_name, v):
    """Raise a ValueError naming the leaf unless ``v`` has ``x``'s leaves and shapes."""
    xs, vs = tree_flatten(x)[0], tree_flatten(v)[0]
    if len(xs) != len(vs) or isinstance(x, dict) != isinstance(v, dict):
        raise ValueError(f"{who}: {v_name} has {len(vs)} leaves but {x_name} has {len(xs)}; "
                         f"{v_name} ({type(v).__name__}) must match {x_name} ({type(x).__name__})")
    for i, (a, b) in enumerate(zip(xs, vs)):
        _float64(b, f"{who}: {v_name}")
        if shape(a) != shape(b):
            where = "" if len(xs) == 1 else f" (leaf {i})"
            raise ValueError(f"{who}: {v_name}{where} has shape {shape(b)} but {x_name}{where} "
                             f"has shape {shape(a)}; they must match")


def check_grads(fun, args, order=2, *, eps=1e-6, rtol=1e-6, atol=1e-6, rng=None):
    """Check the engine's derivatives of ``fun`` against central differences.

    For each argument, in a random direction ``d`` and with a random output
    cotangent ``u``, compare ``<u, J d>`` from finite differences with
    ``<u^T J, d>`` from reverse mode, in float64 on whole arrays. For order 2,
    repeat the check on the map ``(args, u) -> u^T J(args)``, as PyTorch's
    gradgradcheck does; each further order repeats it on the previous map.
    Arguments are converted to float64 first (float32 ones too): central
    differences with eps = 1e-6 need float64's precision. On failure, raise
    AssertionError naming the argument, the order, both values and the error.
    """
    if not callable(fun):
        raise TypeError(f"check_grads: fun must be a function, got {type(fun).__name__} "
                        f"{fun!r:.40}")
    if not isinstance(args, (tuple, list)):
        raise TypeError(f"check_grads needs args as a tuple of arguments, e.g. (x,), got "
                        f"{type(args).__name__}")
    if not args:
        raise ValueError(f"check_grads needs at least one argument to differentiate, got args "
                         f"= {tuple(args)!r}")
    if isinstance(order, bool) or not isinstance(order, (int, np.integer)) or not 0 < order < 9:
        raise ValueError(f"check_grads: order must be an int >= 1, got {order!r} (at most 8)")
    for name, value in (("eps", eps), ("rtol", rtol), ("atol", atol)):
        if not (isinstance(value, (int, float, np.floating)) and 0 <= value < np.inf) \
                or (name == "eps" and value == 0):
            raise ValueError(f"check_grads: {name} must be a finite number "
                             f"{'> 0' if name == 'eps' else '>= 0'}, got {value!r}")
    if rng is not None and not isinstance(rng, np.random.Generator):
        raise TypeError(f"check_grads: rng must be a numpy.random.Generator, got "
                        f"{type(rng).__name__}")
    rng = np.random.default_rng(0) if rng is None else rng
    args = tuple(tree_map(lambda a: _float64(a, "check_grads argument", " in args"), arg)
                 for arg in args)
    for i, arg in enumerate(args):        # a NaN would only fail the comparison, unexplained
        bad = int(np.sum([np.sum(~np.isfinite(leaf)) for leaf in tree_flatten(arg)[0]]))
        if bad:
            raise ValueError(f"check_grads: argument {i} holds {bad} NaN or inf values; "
                             f"derivatives are checked at finite points")
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
    return vjp_of_f


def _check_directional(f, args, order, eps, rtol, atol, rng):
    u = tree_map(lambda o: rng.standard_normal(shape(o)), f(*args))

    def scalar(*a):
        return _tree_vdot(f(*a), u)

    for i, arg in enumerate(args):
        d = tree_map(lambda a: rng.standard_normal(shape(a)), arg)
        plus = tree_map(lambda a, di: a + eps * di, arg, d)
        minus = tree_map(lambda a, di: a - eps * di, arg, d)
        f_plus = scalar(*args[:i], plus, *args[i + 1:])
        f_minus = scalar(*args[:i], minus, *args[i + 1:])
        numeric = float((f_plus - f_minus) / (2 * eps))
        analytic = float(_tree_vdot(grad(scalar, argnums=i)(*args), d))
        error = abs(numeric - analytic)
        if not error <= atol + rtol * max(abs(numeric), abs(analytic)):
            raise AssertionError(
                f"check_grads: order {order} derivative for argument {i} disagrees with "
                f"central differences: engine {analytic!r}, finite differences {numeric!r}, "
                f"error {error:.3g} (tolerance atol={atol:g} + rtol={rtol:g} * |value|)")
