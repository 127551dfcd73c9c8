"""Chapter 1, appendix: forward rules of the core's shape ops, on plain arrays.

Not a lecture section: speed. MAML's meta-gradient records a few hundred
small ops (section 1.3.6), and for the ops that only move or add up entries
(``sum_to``, ``broadcast_to``, ``sum``, ``reshape``, ``transpose``,
``scatter_add``) NumPy's Python wrappers cost more than the arithmetic. The
functions here call the array methods and ufuncs directly, and remember what
they work out per combination of shapes. Each returns exactly what the plain
NumPy call named in its docstring returns (``tests/test_autodiff_fast_paths.py``).
The differentiation rules of these ops are in ``core.py``.

Imports nothing from the engine.
"""

import numpy as np

__all__ = ["sum_to_array", "broadcast_view", "sum_array", "reshape_array", "transpose_array",
           "scatter_add_array"]

_SUMMED_AXES = {}            # (input shape, target shape) -> the axes sum_to adds up


def sum_to_array(x, shape):
    """``x`` summed over the axes along which an array of ``shape`` was broadcast to it."""
    key = (x.shape, shape if type(shape) is tuple else tuple(shape))
    axes = _SUMMED_AXES.get(key)
    if axes is None:
        lead = x.ndim - len(shape)
        axes = _SUMMED_AXES.setdefault(key, tuple(range(lead)) + tuple(
            lead + i for i, n in enumerate(shape) if n == 1 and x.shape[lead + i] != 1))
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
    """``np.reshape(x, shape)``."""
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
