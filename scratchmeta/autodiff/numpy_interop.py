"""Chapter 1, appendix: a Tensor where NumPy code expects an array.

Not a lecture section: what a reader porting NumPy code meets. NumPy cannot
see a trace, so ``np.sin(x)`` on a traced ``x`` would return a number with
its gradient silently dropped. :class:`NumpyInterop`, the base class of
``core.Tensor``, decides what each kind of NumPy use does:

* operators between an array and a Tensor (``a + x``, ``a @ x``), which NumPy
  routes through its ufuncs, go to the Tensor's own operators, so they are
  recorded like ``x + a``;
* questions that carry no gradient read the value: comparisons (``x == 2.0``
  is a boolean mask, as for an array), ``bool(x)`` of a single number,
  ``np.shape``, ``np.isfinite``;
* everything else raises a TypeError naming the engine op to use instead
  (``np.sin`` -> ``ad.sin``), or saying how to write one, from the table
  :data:`ENGINE_OP`.

Imports nothing from the engine.
"""

import numpy as np

__all__ = ["NumpyInterop", "ENGINE_OP", "numpy_message"]

# NumPy's name -> the engine op that computes the same and follows the gradient.
ENGINE_OP = {name: name for name in [
    "add", "power", "matmul", "exp", "log", "sqrt", "tanh", "sin", "cos", "tan", "sinh", "cosh",
    "log1p", "expm1", "abs", "maximum", "minimum", "where", "clip", "sum", "mean", "max", "min",
    "prod", "var", "std", "reshape", "transpose", "broadcast_to", "concatenate", "stack",
    "squeeze", "expand_dims", "solve", "einsum", "norm", "matrix_transpose"]}
ENGINE_OP.update(subtract="sub", multiply="mul", divide="div", true_divide="div",
                 negative="neg", absolute="abs", fabs="abs", amax="max", amin="min",
                 dot="matmul", tensordot="einsum")

# The ufuncs behind Python's operators on arrays: (method of the left operand,
# method of the right one). np.add(a, x) with a Tensor x is x.__radd__(a).
_OPERATORS = {np.add: ("__add__", "__radd__"), np.subtract: ("__sub__", "__rsub__"),
              np.multiply: ("__mul__", "__rmul__"), np.true_divide: ("__truediv__", "__rtruediv__"),
              np.power: ("__pow__", "__rpow__"), np.matmul: ("__matmul__", "__rmatmul__")}
_QUERIES = {np.less, np.less_equal, np.greater, np.greater_equal, np.equal, np.not_equal,
            np.isfinite, np.isnan, np.isinf}
_FUNCTION_QUERIES = {np.shape, np.ndim, np.size}


def numpy_message(name):
    """The error for np.<name> called on a Tensor, naming the engine op to use."""
    if not isinstance(name, str) or not name:
        raise TypeError(f"numpy_message: name must be the name of a NumPy function, such as "
                        f"'sin', got {type(name).__name__} {name!r:.40}")
    head = (f"np.{name} was called on a scratchmeta Tensor, but NumPy cannot follow its "
            f"gradient")
    if name in ENGINE_OP:
        ours = ENGINE_OP[name]
        return f"{head}; use ad.{ours} (scratchmeta.autodiff.{ours}) instead"
    return (f"{head}, and the engine has no {name}: write it with the engine's ops or define "
            f"it as an ad.Primitive; ad.stop_gradient(x) gives the value without a gradient")


def _value(x):
    """The plain value under every level of tracing."""
    while isinstance(x, NumpyInterop):
        x = x.value
    return x


class NumpyInterop:
    """How a Tensor answers NumPy and Python's array questions (base of ``core.Tensor``).

    A subclass has ``value`` (the value one level down) and ``shape``.
    """

    __slots__ = ()

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        return int(np.prod(self.shape, dtype=np.int64))

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of a 0-d Tensor (shape ()); use ad.shape(x) for its shape")
        return self.shape[0]

    def __bool__(self):
        # `if loss > 0:` and `if x:` branch on the value, as NumPy does; only a
        # single number has a truth value.
        value = _value(self)
        if np.size(value) != 1:
            raise ValueError(f"the truth value of a Tensor of shape {self.shape} is ambiguous; "
                             f"reduce it first, e.g. bool(ad.stop_gradient(x).any())")
        return bool(value)

    def __float__(self):
        raise TypeError("float() of a traced Tensor would lose its gradient; use "
                        "float(ad.stop_gradient(x)) for its value, or keep it a Tensor")

    # Comparisons are not differentiable: they compare the raw values entry by
    # entry and return plain boolean arrays, as NumPy does. So `x == 2.0` is a
    # mask, and `if x == 2.0:` branches on the value (for a single number).
    def __eq__(self, other): return _value(self) == _value(other)
    def __ne__(self, other): return _value(self) != _value(other)
    __hash__ = None                 # elementwise == makes it unhashable, like an ndarray
    def __lt__(self, other): return _value(self) < _value(other)
    def __le__(self, other): return _value(self) <= _value(other)
    def __gt__(self, other): return _value(self) > _value(other)
    def __ge__(self, other): return _value(self) >= _value(other)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        if method == "__call__" and not kwargs:
            if ufunc in _OPERATORS:
                a, b = inputs
                left, right = _OPERATORS[ufunc]
                return getattr(a, left)(b) if isinstance(a, NumpyInterop) else getattr(b, right)(a)
            if ufunc is np.negative:
                return -inputs[0]
            if ufunc in _QUERIES:
                return ufunc(*[_value(x) for x in inputs])
        if "out" in kwargs:
            raise TypeError(f"np.{ufunc.__name__} cannot write a Tensor into an array in place "
                            f"(out=...); write a = a + x (or the engine op) instead")
        raise TypeError(numpy_message(ufunc.__name__))

    def __array_function__(self, func, types, args, kwargs):
        if func in _FUNCTION_QUERIES:
            return func._implementation(*args, **kwargs)
        raise TypeError(numpy_message(func.__name__))

    def __array__(self, dtype=None, copy=None):
        raise TypeError("NumPy was asked to turn a scratchmeta Tensor into an array (np.asarray, "
                        "np.array or an op that calls them), which would lose its gradient; use "
                        "ad.stop_gradient(x) for its value, or the engine's ops to keep it")
