"""Chapter 1, appendix: forward rules of the core's shape ops and products, on plain arrays.

Not a lecture section: speed. MAML's meta-gradient records a few hundred
small ops (section 1.3.6), and for the ops that only move or add up entries
(``sum_to``, ``broadcast_to``, ``sum``, ``reshape``, ``transpose``,
``scatter_add``) NumPy's Python wrappers cost more than the arithmetic. The
functions here call the array methods and ufuncs directly, and remember what
they work out per combination of shapes. Each returns what the plain NumPy
call named in its docstring returns (``tests/test_autodiff_fast_paths.py``):
exactly, or, where a sum or a product is handed to BLAS, up to the order of
the additions. The differentiation rules of these ops are in ``core.py``.

Imports nothing from the engine.
"""

import numpy as np

__all__ = ["sum_to_array", "broadcast_view", "sum_array", "reshape_array", "transpose_array",
           "scatter_add_array", "matmul_array", "matmul_nt_array", "matmul_tn_array"]

_SUMMED_AXES = {}            # (input shape, dtype, target shape) -> how sum_to adds up


def _summing_plan(x_shape, dtype, shape):
    """How to sum an array of ``x_shape`` to ``shape``: the axes for ``np.add.reduce``,
    or, when those axes are one run of neighbours in a float array, the shape
    ``(before, run, after)`` to view it as and a row of ones to multiply by.

    A sum over one run of axes is a product with a row of ones, and BLAS does
    that product faster than NumPy reduces over a middle or leading axis (the
    bias gradients of a MAML batch, (25, 10, 40) -> (25, 1, 40)). Only the
    order of the additions differs.
    """
    lead = len(x_shape) - len(shape)
    if lead < 0 or any(not (n == 1 or n == x_shape[lead + i]) for i, n in enumerate(shape)):
        raise ValueError(f"sum_to: cannot sum an array of shape {x_shape} to shape {shape}: "
                         f"shape must be one that broadcasts to it (each size 1 or the "
                         f"array's, counted from the last axis)")    # made once per pair
    axes = tuple(range(lead)) + tuple(
        lead + i for i, n in enumerate(shape) if n == 1 and x_shape[lead + i] != 1)
    if not axes or dtype not in (np.float64, np.float32) or 0 in x_shape:
        return axes, None, None
    first, last = axes[0], axes[-1]
    if any(x_shape[i] != 1 for i in range(first, last + 1) if i not in axes):
        return axes, None, None                  # not one run: NumPy's reduction
    run = int(np.prod(x_shape[first:last + 1]))
    view = (int(np.prod(x_shape[:first])), run, int(np.prod(x_shape[last + 1:])))
    return axes, view, np.ones((1, run), dtype)


def sum_to_array(x, shape):
    """``x`` summed over the axes along which an array of ``shape`` was broadcast to it:
    ``np.sum`` over those axes, reshaped to ``shape`` (up to the order of the additions)."""
    key = (x.shape, x.dtype, shape if type(shape) is tuple else tuple(shape))
    plan = _SUMMED_AXES.get(key)
    if plan is None:
        plan = _SUMMED_AXES.setdefault(key, _summing_plan(*key))
    axes, view, ones = plan
    if view is not None and type(x) is np.ndarray and x.flags.c_contiguous:
        before, run, after = view
        if before == 1:
            return np.matmul(ones, x.reshape(run, after)).reshape(shape)
        return np.matmul(ones, x.reshape(view)).reshape(shape)
    return np.add.reduce(x, axes).reshape(shape)         # np.sum without its Python wrapper


_BROADCAST_STRIDES = {}      # (shape, strides, target shape) -> strides of the broadcast view


def broadcast_view(x, shape):
    """``np.broadcast_to(x, shape)``: a read-only view, no copy."""
    if type(x) is np.ndarray and type(shape) is tuple and x.flags.c_contiguous:
        # The read-only view np.broadcast_to makes (stride 0 along the new and
        # the stretched axes), built directly: np.broadcast_to's own checks
        # cost more than the view. They run once per combination of shapes.
        key = (x.shape, x.strides, shape)
        strides = _BROADCAST_STRIDES.get(key)
        if strides is None:
            np.broadcast_to(x, shape)                    # raises if they do not broadcast
            lead = len(shape) - x.ndim
            strides = _BROADCAST_STRIDES.setdefault(key, (0,) * lead + tuple(
                s if n == m else 0 for n, m, s in zip(x.shape, shape[lead:], x.strides)))
        view = np.ndarray(shape, x.dtype, x, 0, strides)
        view.flags.writeable = False
        return view
    return np.broadcast_to(x, shape)     # a read-only view; every op copies on write


def sum_array(x, axis=None, keepdims=False):
    """``np.sum(x, axis, keepdims=keepdims)``."""
    if type(x) is np.ndarray:
        return np.add.reduce(x, axis, None, None, keepdims)     # np.sum minus its wrapper
    return np.sum(x, axis, keepdims=keepdims)


def reshape_array(x, shape):
    """``np.reshape(x, shape)``. A size below -1 is refused: NumPy would read it as -1, the
    one size left unknown, and a slipped sign would pass unseen."""
    try:
        low = (type(shape) is tuple or type(shape) is list) and shape and min(shape) < -1
    except TypeError:                   # not all numbers: NumPy's own error follows
        low = False
    if low:
        raise ValueError(f"shape {tuple(shape)} holds the size {min(shape)}; a size is >= 0, "
                         f"or -1 for the one size left to be inferred")
    try:
        return x.reshape(shape)         # ndarrays and NumPy scalars: the method is faster
    except AttributeError:
        return np.reshape(x, shape)     # Python numbers and lists


def transpose_array(x, axes=None):
    """``np.transpose(x, axes)``: a view."""
    return x.transpose(axes) if type(x) is np.ndarray else np.transpose(x, axes)


def _is_basic_index(index):
    parts = index if isinstance(index, tuple) else (index,)
    return all(isinstance(p, (int, np.integer, slice)) or p is None or p is Ellipsis
               for p in parts)


def scatter_add_array(g, index, shape):
    """Zeros of ``shape`` with ``g`` added at ``x[index]``: the VJP of indexing, as an array."""
    out = np.zeros(shape, dtype=np.result_type(g, np.float32))
    if _is_basic_index(index):
        out[index] = g                  # a basic index never repeats an entry
    else:
        np.add.at(out, index, g)        # fancy indices may repeat: accumulate
    return out


def matmul_array(a, b):
    """``np.matmul(a, b)`` for operands of two or more axes (up to the order of additions)."""
    if a.shape[-1] == 1 and b.shape[-2] == 1:
        return a * b        # inner dimension 1: an outer product, cheaper by broadcasting
    if b.ndim == 2 and a.ndim > 2:
        # A matrix shared by a batch (theta0 broadcast to every task): fold the
        # batch into rows, so one BLAS call does the whole batch.
        return (a.reshape(-1, a.shape[-1]) @ b).reshape(a.shape[:-1] + b.shape[-1:])
    return np.matmul(a, b)


def matmul_nt_array(a, b):
    """``a @ b^T``, the transpose of every matrix in ``b``'s batch (a view, BLAS's flag)."""
    return matmul_array(a, b.swapaxes(-1, -2))


def matmul_tn_array(a, b):
    """``a^T @ b``, the transpose of every matrix in ``a``'s batch."""
    return matmul_array(a.swapaxes(-1, -2), b)
