"""Chapter 1: a tiny reverse-mode autodiff engine with gradients of gradients.

Lecture 22, section 1.2.2 step 4 and section 1.3.6 (Figure 22.5, eq. 22.4).

MAML's update (eq. 22.3) needs dL_test/dtheta0, where L_test is measured at
the parameters reached by K steps of inner SGD (eq. 22.4),
``theta_{t+1} = theta_t - inner_lr * grad L_train(theta_t)``. Each inner step
contains a gradient, so the meta-gradient is a gradient *of* gradients. This
module builds exactly enough machinery for that, in four ideas.

1. **Reverse mode on a tape.** Calling ``grad(f)(x)`` wraps ``x`` in a
   :class:`Tensor` that belongs to a fresh *trace*. Every primitive applied to
   a Tensor of that trace appends a node to the trace's tape (a Wengert list)
   holding the op, its inputs and its output. The backward pass walks the tape
   in reverse and hands each node's cotangent ``g`` to one vector-Jacobian
   product (VJP) per input: ``g -> g @ d(out)/d(input)``. Creation order is a
   topological order, so no recursive sort is needed.

2. **VJPs written with the engine's own ops.** Each VJP below is spelled with
   the same primitives the forward pass uses (``mul``, ``matmul``, ``sum_to``,
   ...), never with raw NumPy on values that might carry gradients. If an
   outer ``grad`` is watching, the backward pass of an inner ``grad`` is
   therefore itself recorded on the outer tape, and the outer ``grad`` can
   differentiate it. That is the whole trick behind ``grad(grad(f))`` and
   behind MAML's meta-gradient through K unrolled inner steps. When nobody is
   watching, the same VJP code receives plain arrays and runs as plain NumPy,
   recording nothing.

3. **Traces are nested, and never confused.** Each ``grad`` call opens a trace
   with a higher level than any open trace. A primitive looks at the innermost
   (highest-level) trace among its arguments, records a node there, and
   evaluates itself on the arguments' values one level down, so the value may
   itself be recorded by the enclosing trace. Tensors of outer traces are
   constants to an inner trace. This is what prevents *perturbation
   confusion*: if ``y = 2 * theta`` was computed outside ``h``, then
   ``grad(lambda s: s * y)(theta)`` is ``y``, because ``y`` is not on the inner
   tape (the design of HIPS autograd and JAX's Autodidax).

4. **Broadcasting is undone by an op.** A NumPy op may broadcast an input; the
   cotangent for that input is summed back to its shape by ``sum_to``, a
   primitive whose own VJP is ``broadcast_to``, so it too can be
   differentiated again.

The public API: :func:`grad`, :func:`value_and_grad`, :func:`vjp`,
:func:`jacobian`, :func:`hessian`, :func:`jvp` (forward mode by two reverse
passes), :func:`trace`, :func:`stop_gradient`, :class:`Primitive` (to
define a differentiable op of your own), the helpers :func:`shape`,
:func:`matrix_transpose`, :func:`tree_flatten` and :func:`tree_map`, and the
ops listed in ``__all__``.
Checking the engine is a chapter of its own: ``scratchmeta.gradcheck`` holds
``check_grads`` (the finite-difference test every op here passes) and ``hvp``;
it imports this module, never the reverse. NumPy functions called on a
Tensor (``np.sin(x)``) raise a TypeError naming the engine op to use, since
NumPy cannot follow a gradient.

**dtypes.** float64 is the default: Python numbers, float64 and other float
inputs are computed in float64. float32 inputs stay float32: the ops follow
NumPy's promotion rules (a Python number does not promote, a float64 array
does), every VJP keeps its cotangent's dtype, and each gradient comes back in
its input's dtype, at every order (``grad(grad(f))(x32)`` is float32). Integer,
boolean, complex and other arrays are refused with a TypeError. Gradient
checks (``scratchmeta.gradcheck``) always run in float64.
"""

import builtins
import itertools

import numpy as np

__all__ = [
    "Tensor", "Primitive", "grad", "value_and_grad", "vjp", "jvp", "jacobian", "hessian",
    "trace", "stop_gradient",
    "shape", "matrix_transpose", "tree_flatten", "tree_map",
    "add", "sub", "mul", "div", "power", "neg", "matmul", "getitem",
    "exp", "log", "sqrt", "tanh", "sin", "cos", "sigmoid", "relu", "abs", "maximum", "minimum",
    "where",
    "tan", "sinh", "cosh", "log1p", "expm1", "clip",
    "sum", "mean", "logsumexp", "max", "min", "prod", "var", "std",
    "reshape", "transpose", "broadcast_to", "concatenate", "stack", "sum_to", "squeeze",
    "expand_dims", "solve", "einsum", "norm",
]

# --------------------------------------------------------------------------
# Tensors and traces
# --------------------------------------------------------------------------

_levels = itertools.count(1)        # every grad call gets a higher level
_backward_depth = 0                 # > 0 while some backward pass is running


class Trace:
    """One call of ``grad``: a level and the tape of nodes recorded at it.

    When the call returns, its level is set to 0: the trace is finished, and
    its Tensors count as their plain values from then on (see ``_live``).
    """

    __slots__ = ("level", "tape")

    def __init__(self):
        self.level = next(_levels)
        self.tape = []


class Tensor:
    """A value watched by one trace: a node of that trace's graph.

    ``value`` is the value one level down (a plain array, or a Tensor of an
    enclosing trace). Inputs of a ``grad`` call have no op and no parents.
    """

    __slots__ = ("value", "shape", "trace", "prim", "args", "params", "inputs",
                 "cotangent", "in_backward")

    def __init__(self, value, trace, prim=None, args=(), params=None, inputs=()):
        self.value = value
        try:
            self.shape = value.shape        # ndarrays, NumPy scalars and Tensors
        except AttributeError:
            self.shape = np.shape(value)    # Python numbers
        self.trace = trace
        self.prim = prim            # the Primitive that made this node
        self.args = args            # its arguments, one level down
        self.params = params        # its non-array parameters (axis, shape, ...)
        self.inputs = inputs        # (argnum, parent Tensor) pairs on this trace
        self.cotangent = None       # summed during this trace's backward pass
        # Recorded while an inner grad ran its backward pass: a second-order
        # path of MAML's unrolled graph (drawn in Figure 22.5).
        self.in_backward = _backward_depth > 0

    # --- inspection (Figure 22.5 draws the graph from these) ---------------
    @property
    def op(self):
        return self.prim.name if self.prim is not None else "input"

    @property
    def parents(self):
        return tuple(p for _, p in self.inputs)

    @property
    def ndim(self):
        return len(self.shape)

    def __repr__(self):
        return f"Tensor(op={self.op}, level={self.trace.level}, value={_raw(self)!r})"

    @property
    def dtype(self):
        return _dtype(self)

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of a 0-d Tensor (shape ()); use ad.shape(x) for its shape")
        return self.shape[0]

    def __bool__(self):
        # `if loss > 0:` and `if x:` branch on the value, as NumPy does; only a
        # single number has a truth value.
        value = _raw(self)
        if np.size(value) != 1:
            raise ValueError(f"the truth value of a Tensor of shape {self.shape} is ambiguous; "
                             f"reduce it first, e.g. bool(ad.stop_gradient(x).any())")
        return bool(value)

    def __float__(self):
        raise TypeError("float() of a traced Tensor would lose its gradient; use "
                        "float(ad.stop_gradient(x)) for its value, or keep it a Tensor")

    # --- operators -----------------------------------------------------------
    def __add__(self, other): return add(self, other)
    def __radd__(self, other): return add(other, self)
    def __sub__(self, other): return sub(self, other)
    def __rsub__(self, other): return sub(other, self)
    def __mul__(self, other): return mul(self, other)
    def __rmul__(self, other): return mul(other, self)
    def __truediv__(self, other): return div(self, other)
    def __rtruediv__(self, other): return div(other, self)
    def __pow__(self, other): return power(self, other)
    def __rpow__(self, other): return power(other, self)
    def __matmul__(self, other): return matmul(self, other)
    def __rmatmul__(self, other): return matmul(other, self)
    def __neg__(self): return neg(self)
    def __getitem__(self, index): return getitem(self, index)

    # Comparisons are not differentiable: they compare the raw values entry by
    # entry and return plain boolean arrays, as NumPy does. So `x == 2.0` is a
    # mask, and `if x == 2.0:` branches on the value (for a single number).
    def __eq__(self, other): return _raw(self) == _raw(other)
    def __ne__(self, other): return _raw(self) != _raw(other)
    __hash__ = None                 # elementwise == makes it unhashable, like an ndarray
    def __lt__(self, other): return _raw(self) < _raw(other)
    def __le__(self, other): return _raw(self) <= _raw(other)
    def __gt__(self, other): return _raw(self) > _raw(other)
    def __ge__(self, other): return _raw(self) >= _raw(other)

    def sum(self, axis=None, keepdims=False): return sum(self, axis, keepdims)
    def mean(self, axis=None, keepdims=False): return mean(self, axis, keepdims)
    def reshape(self, *shape): return reshape(self, shape[0] if len(shape) == 1 else shape)
    def transpose(self, axes=None): return transpose(self, axes)

    @property
    def T(self): return transpose(self)

    @property
    def size(self): return int(np.prod(self.shape, dtype=np.int64))

    # --- NumPy called on a Tensor ----------------------------------------------
    # NumPy cannot see a trace, so np.sin(x) would lose x's gradient. The
    # operators (array + Tensor, array @ Tensor, ...) reach the engine's ops;
    # queries that carry no gradient (np.shape, np.isfinite, comparisons)
    # read the value; anything else raises a TypeError naming the engine op.
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        if method == "__call__" and not kwargs:
            if ufunc in _UFUNC_OPS:
                return _UFUNC_OPS[ufunc](*inputs)
            if ufunc in _UFUNC_QUERIES:
                return ufunc(*[_raw(x) for x in inputs])
        if "out" in kwargs:
            raise TypeError(f"np.{ufunc.__name__} cannot write a Tensor into an array in place "
                            f"(out=...); write a = a + x (or the engine op) instead")
        raise TypeError(_numpy_message(ufunc.__name__))

    def __array_function__(self, func, types, args, kwargs):
        if func in _FUNCTION_QUERIES:
            return func._implementation(*args, **kwargs)
        raise TypeError(_numpy_message(func.__name__))

    def __array__(self, dtype=None, copy=None):
        raise TypeError("NumPy was asked to turn a scratchmeta Tensor into an array (np.asarray, "
                        "np.array or an op that calls them), which would lose its gradient; use "
                        "ad.stop_gradient(x) for its value, or the engine's ops to keep it")


def _raw(x):
    """The plain NumPy value under every level of tracing."""
    while type(x) is Tensor:
        x = x.value
    return x


def _dtype(x):
    """The float dtype of a value's entries (float64 for Python numbers)."""
    x = _raw(x)
    dtype = x.dtype if isinstance(x, (np.ndarray, np.generic)) else np.asarray(x).dtype
    return dtype if dtype.kind == "f" else np.dtype(np.float64)


def _live(x):
    """``x`` with the levels of finished ``grad`` calls peeled off.

    A Tensor kept after its ``grad`` call returned (stored by ``fun`` in a
    list, say) is just its value: no trace watches it any more, and using it
    must not record anything on the finished tape.
    """
    while type(x) is Tensor and not x.trace.level:
        x = x.value
    return x


# NumPy names whose engine op has another name.
_ENGINE_NAMES = {"subtract": "sub", "multiply": "mul", "divide": "div", "true_divide": "div",
                 "negative": "neg", "absolute": "abs", "fabs": "abs", "amax": "max",
                 "amin": "min", "dot": "matmul", "tensordot": "einsum"}


def _numpy_message(name):
    """The error for np.<name> called on a Tensor, naming the engine op to use."""
    ours = _ENGINE_NAMES.get(name, name)
    head = (f"np.{name} was called on a scratchmeta Tensor, but NumPy cannot follow its "
            f"gradient")
    if ours in __all__:
        return f"{head}; use ad.{ours} (scratchmeta.autodiff.{ours}) instead"
    return (f"{head}, and the engine has no {name}: write it with the engine's ops or define "
            f"it as an ad.Primitive; ad.stop_gradient(x) gives the value without a gradient")


def stop_gradient(x):
    """``x`` as a constant: no trace sees through it (first-order MAML uses it)."""
    return _raw(x)


def _shape(x):
    try:
        return x.shape          # ndarrays, NumPy scalars and Tensors
    except AttributeError:
        return np.shape(x)      # Python numbers and lists


# --------------------------------------------------------------------------
# Primitives: a forward rule and one VJP per differentiable input
# --------------------------------------------------------------------------

class Primitive:
    """An op the engine knows how to differentiate: a forward rule and its VJPs.

    ``Primitive(name, impl, vjp_0, vjp_1, ...)``:

    * ``impl(*args, **params)`` computes the forward value on plain arrays;
      keyword ``params`` (an axis, a shape) are not differentiated.
    * ``vjp_i(g, ans, *args, **params)`` returns the cotangent of argument
      ``i``, given the output's cotangent ``g`` and the output ``ans``. Write it
      with the engine's ops (``mul``, ``cos``, ...), never raw NumPy on ``g``,
      ``ans`` or ``args``: then the VJP can itself be differentiated, and
      ``grad(grad(f))`` is right. ``None`` marks an argument as not
      differentiable.

    Calling the primitive records a node on the innermost trace watching any
    argument. Example, sin with its one line of calculus::

        my_sin = Primitive("my_sin", np.sin,
                           lambda g, ans, x: mul(g, cos(x)))   # (sin x)' = cos x

    ``scratchmeta.gradcheck.check_grads`` checks a new primitive against
    central differences, to any order.
    """

    __slots__ = ("name", "impl", "vjps")

    def __init__(self, name, impl, *vjps):
        self.name, self.impl, self.vjps = name, impl, vjps

    def __call__(self, *args, **params):
        # The innermost trace watching any argument records this op.
        top, level = None, 0
        for a in args:
            if type(a) is Tensor:
                t = a.trace
                if t.level > level:
                    top, level = t, t.level
                elif not t.level:       # kept from a finished grad: only its value counts
                    return self(*[_live(x) for x in args], **params)
        if top is None:                                  # nobody watching: NumPy
            try:
                return self.impl(*args, **params)
            except Exception as err:
                raise _op_error(self.name, args, params, err) from None
        values, inputs, deeper = list(args), [], False
        for i, a in enumerate(args):
            if type(a) is Tensor:
                if a.trace is top:
                    values[i] = a = a.value              # one level down
                    inputs.append((i, args[i]))
                deeper = deeper or type(a) is Tensor     # an enclosing trace watches it
        if deeper:
            out = self(*values, **params)
        else:                                            # plain values: NumPy, as above
            try:
                out = self.impl(*values, **params)
            except Exception as err:
                raise _op_error(self.name, values, params, err) from None
        node = Tensor(out, top, self, values, params, inputs)
        top.tape.append(node)
        return node


def _describe(x):
    """An argument as an error message shows it: its shape, or its type and value."""
    if isinstance(x, (np.ndarray, np.generic, float, int)) and not isinstance(x, bool):
        return str(np.shape(x))
    return f"{type(x).__name__} {x!r:.40}"


def _op_error(name, args, params, err):
    """The error of op ``name`` on plain ``args``, naming the op, the shapes and NumPy's reason.

    Its type is kept where callers rely on it: LinAlgError (a singular matrix)
    and IndexError (an index out of range; it also ends ``for row in x``).
    """
    shapes = " and ".join(_describe(a) for a in args)
    given = "".join(f", {k}={v!r:.40}" for k, v in params.items())
    if isinstance(err, np.linalg.LinAlgError):
        return np.linalg.LinAlgError(f"{name}: {err} (shapes {shapes})")
    if isinstance(err, IndexError) and not isinstance(err, ValueError):
        where = f"index {args[1]!r:.40} for shape {np.shape(args[0])}" if len(args) == 2 else shapes
        return IndexError(f"{name}: {where} is out of range: {err}")
    if isinstance(err, ValueError):
        return ValueError(f"{name}: cannot combine shapes {shapes}{given}: {err}")
    if isinstance(err, TypeError):
        return TypeError(f"{name}: cannot apply to {shapes}{given}: {err}")
    return err


class _EveryArgument:
    """One VJP rule ``vjp(i, g, ans, *xs)`` serving every argument ``i``."""

    def __init__(self, vjp):
        self.vjp = vjp

    def __getitem__(self, argnum):
        return lambda *args, **params: self.vjp(argnum, *args, **params)


def _variadic(name, impl, vjp):
    """A primitive over any number of arrays (concatenate, stack)."""
    prim = Primitive(name, impl)
    prim.vjps = _EveryArgument(vjp)
    return prim


def _unbroadcast(g, x):
    """Cotangent ``g`` summed back to the shape of input ``x`` if it was broadcast."""
    shape = x.shape if type(x) is np.ndarray or type(x) is Tensor else np.shape(x)
    return g if _shape(g) == shape else sum_to(g, shape)


def _sum_to_impl(x, shape):
    lead = x.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, n in enumerate(shape) if n == 1 and x.shape[lead + i] != 1)
    return np.add.reduce(x, axis=axes).reshape(shape)    # np.sum without its Python wrapper


def _broadcast_to_impl(x, shape):
    return np.broadcast_to(x, shape)     # a read-only view; every op copies on write


# Un-broadcasting and broadcasting are each other's VJP.
sum_to = Primitive("sum_to", _sum_to_impl,
                   lambda g, ans, x, shape: broadcast_to(g, _shape(x)))      # d(sum)/dx = 1
broadcast_to = Primitive("broadcast_to", _broadcast_to_impl,
                         lambda g, ans, x, shape: sum_to(g, _shape(x)))      # copies sum back

# --- arithmetic --------------------------------------------------------------
add = Primitive("add", np.add,
                lambda g, ans, a, b: _unbroadcast(g, a),                     # d(a+b)/da = 1
                lambda g, ans, a, b: _unbroadcast(g, b))                     # d(a+b)/db = 1
sub = Primitive("sub", np.subtract,
                lambda g, ans, a, b: _unbroadcast(g, a),                     # d(a-b)/da = 1
                lambda g, ans, a, b: _unbroadcast(neg(g), b))                # d(a-b)/db = -1
mul = Primitive("mul", np.multiply,
                lambda g, ans, a, b: _unbroadcast(mul(g, b), a),             # d(ab)/da = b
                lambda g, ans, a, b: _unbroadcast(mul(g, a), b))             # d(ab)/db = a
div = Primitive("div", np.true_divide,
                lambda g, ans, a, b: _unbroadcast(div(g, b), a),             # d(a/b)/da = 1/b
                lambda g, ans, a, b: _unbroadcast(neg(div(mul(g, ans), b)), b))  # = -a/b^2
neg = Primitive("neg", np.negative,
                lambda g, ans, a: neg(g))                                    # d(-a)/da = -1


def _power_vjp_base(g, ans, a, b):
    if type(b) is not Tensor and np.ndim(b) == 0 and b == 2:
        return _unbroadcast(mul(g, mul(2.0, a)), a)                          # d(a^2)/da = 2a
    # d(a^b)/da = b a^(b-1). Where a = b = 0 that is 0 * 0^-1 = NaN, but the
    # derivative of the constant a^0 = 1 is 0: use a^1 there (times b = 0).
    # Only there, so that the derivative in b, a^(b-1) + ..., stays right.
    if type(b) is not Tensor and np.ndim(b) == 0:
        b_minus_1 = 1.0 if b == 0 else b - 1.0                               # a constant exponent
    else:
        b_minus_1 = where((_raw(b) == 0) & (_raw(a) == 0), 1.0, sub(b, 1.0))
    return _unbroadcast(mul(g, mul(b, power(a, b_minus_1))), a)


def _power_vjp_exponent(g, ans, a, b):
    # d(a^b)/db = a^b log a. At a = 0, a^b = 0 for b > 0 and the product is
    # 0 * -inf; the limit is 0, so take log 1 there.
    if type(a) is not Tensor and np.ndim(a) == 0:
        log_a = float(np.log(a)) if a != 0 else 0.0  # a Python float keeps float32 float32
    else:
        log_a = log(where(_raw(a) == 0, 1.0, a))
    return _unbroadcast(mul(g, mul(ans, log_a)), b)


power = Primitive("power", np.power, _power_vjp_base, _power_vjp_exponent)

# --- elementwise functions ----------------------------------------------------
exp = Primitive("exp", np.exp,
                lambda g, ans, x: mul(g, ans))                               # (e^x)' = e^x
log = Primitive("log", np.log,
                lambda g, ans, x: div(g, x))                                 # (log x)' = 1/x
sqrt = Primitive("sqrt", np.sqrt,
                 lambda g, ans, x: div(g, mul(2.0, ans)))                    # = 1/(2 sqrt x)
tanh = Primitive("tanh", np.tanh,
                 lambda g, ans, x: mul(g, sub(1.0, mul(ans, ans))))          # = 1 - tanh^2
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


def _sigmoid_impl(x):
    return np.exp(-np.logaddexp(0.0, -x))     # 1/(1+e^-x), accurate and without overflow


sigmoid = Primitive("sigmoid", _sigmoid_impl,
                    lambda g, ans, x: mul(g, mul(ans, sub(1.0, ans))))       # = s(1-s)
relu = Primitive("relu", lambda x: np.maximum(x, 0.0),
                 lambda g, ans, x: mul(g, _raw(x) > 0))                      # = [x > 0]
abs = Primitive("abs", np.abs,
                lambda g, ans, x: mul(g, np.sign(_raw(x))))                  # = sign x


def _share(a, b):
    """Share of the gradient of maximum(a, b) that goes to a: 1, 0, or 1/2 at a tie."""
    a, b = _raw(a), _raw(b)
    return np.where(a > b, 1.0, np.where(a == b, 0.5, 0.0)).astype(np.result_type(a, b, 1.0))


# d max(a, b)/da = [a > b]; at a tie the two inputs split it, 1/2 each (as
# PyTorch and HIPS autograd do), so a gradient step moves both alike.
maximum = Primitive("maximum", np.maximum,
                    lambda g, ans, a, b: _unbroadcast(mul(g, _share(a, b)), a),
                    lambda g, ans, a, b: _unbroadcast(mul(g, _share(b, a)), b))
minimum = Primitive("minimum", np.minimum,
                    lambda g, ans, a, b: _unbroadcast(mul(g, _share(b, a)), a),
                    lambda g, ans, a, b: _unbroadcast(mul(g, _share(a, b)), b))


def _where_impl(cond, a, b):
    return np.where(cond, a, b)


_where = Primitive("where", _where_impl,
                   None,                                              # cond: not differentiable
                   lambda g, ans, c, a, b: _unbroadcast(where(c, g, 0.0), a),  # picked where c
                   lambda g, ans, c, a, b: _unbroadcast(where(c, 0.0, g), b))  # picked elsewhere


def where(cond, a, b):
    """``a`` where ``cond`` holds, else ``b``; ``cond`` is a constant mask."""
    return _where(_raw(cond), a, b)


def clip(x, a_min, a_max):
    """``x`` limited to [a_min, a_max] (either may be None), as ``np.clip``.

    Written with ``where``: d clip/dx = 1 inside the interval (ends included,
    as in PyTorch) and 0 outside, where the gradient goes to the bound instead.
    """
    if a_min is None and a_max is None:
        raise ValueError("clip needs a_min or a_max; both are None")
    if a_min is not None:
        x = where(_raw(x) < _raw(a_min), a_min, x)                # max(x, a_min)
    if a_max is not None:
        x = where(_raw(x) > _raw(a_max), a_max, x)                # min(., a_max)
    return x


# --- reductions -----------------------------------------------------------------

def _axes(shape, axis):
    """The reduced axes as non-negative ints (every axis for None)."""
    if axis is None:
        return tuple(range(len(shape)))
    axes = np.atleast_1d(axis)
    if axes.dtype.kind not in "iu" or not all(-len(shape) <= a < len(shape) for a in axes):
        raise ValueError(f"axis {axis!r} is out of range for an input of shape {shape}")
    return tuple(int(a) % len(shape) for a in axes)


def _kept(shape, axis):
    """The shape of a reduction with keepdims=True: reduced axes become 1."""
    axes = _axes(shape, axis)
    return tuple(1 if i in axes else n for i, n in enumerate(shape))


def _expand(g, shape, axis, keepdims):
    """Cotangent of a reduction, reshaped so it broadcasts against the input."""
    if not keepdims:
        g = reshape(g, _kept(shape, axis))
    return broadcast_to(g, shape)


def _sum_impl(x, axis=None, keepdims=False):
    if type(x) is np.ndarray:
        return np.add.reduce(x, axis=axis, keepdims=keepdims)   # np.sum minus its wrapper
    return np.sum(x, axis, keepdims=keepdims)


sum = Primitive("sum", _sum_impl,
                lambda g, ans, x, axis=None, keepdims=False:
                    _expand(g, _shape(x), axis, keepdims))                   # d(sum)/dx_i = 1


def _count(shape, axis):
    return int(np.prod([shape[ax] for ax in _axes(shape, axis)], dtype=np.int64))


def mean(x, axis=None, keepdims=False):
    """Sum divided by the number of summed entries."""
    return div(sum(x, axis=axis, keepdims=keepdims), float(_count(_shape(x), axis)))


def var(x, axis=None, ddof=0, keepdims=False):
    """Variance: sum of squared deviations from the mean over (n - ddof), as ``np.var``."""
    n = _count(_shape(x), axis)
    if n - ddof <= 0:
        raise ValueError(f"var: ddof={ddof} needs more than {ddof} entries along axis={axis}, "
                         f"but there are {n} (shape {_shape(x)})")
    d = sub(x, mean(x, axis=axis, keepdims=True))
    return div(sum(mul(d, d), axis=axis, keepdims=keepdims), float(n - ddof))


def std(x, axis=None, ddof=0, keepdims=False):
    """Standard deviation, the square root of ``var``; its gradient is infinite where it is 0."""
    return sqrt(var(x, axis=axis, ddof=ddof, keepdims=keepdims))


def _extremum_vjp(g, ans, x, axis=None, keepdims=False):
    # d max(x)/dx_i = 1 where x_i is the max, else 0; ties share it equally
    # (as HIPS autograd does), so the gradient still sums to 1.
    xr, shape = _raw(x), _shape(x)
    at = xr == _raw(ans).reshape(_kept(shape, axis))
    share = at / np.sum(at, axis=axis, keepdims=True)
    return mul(_expand(g, shape, axis, keepdims), share.astype(_dtype(g), copy=False))


max = Primitive("max", lambda x, axis=None, keepdims=False: np.max(x, axis, keepdims=keepdims),
                _extremum_vjp)
min = Primitive("min", lambda x, axis=None, keepdims=False: np.min(x, axis, keepdims=keepdims),
                _extremum_vjp)


def _prod_vjp(g, ans, x, axis=None, keepdims=False):
    # d prod(x)/dx_i = prod_{j != i} x_j, which is prod(x) / x_i if no x_j is 0.
    shape = _shape(x)
    g = _expand(g, shape, axis, keepdims)
    zero = _raw(x) == 0
    if not zero.any():
        return mul(g, div(_expand(ans, shape, axis, keepdims), x))
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


def _logsumexp_impl(x, axis=None, keepdims=False):
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)          # shift by the max, for stability
    out = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    return out if keepdims else np.squeeze(out, axis=axis)


logsumexp = Primitive("logsumexp", _logsumexp_impl,
                      lambda g, ans, x, axis=None, keepdims=False: mul(     # = softmax(x)
                          _expand(g, _shape(x), axis, keepdims),
                          exp(sub(x, _expand(ans, _shape(x), axis, keepdims)))))

# --- shapes -------------------------------------------------------------------
def _reshape_impl(x, shape):
    return x.reshape(shape) if type(x) is np.ndarray else np.reshape(x, shape)  # method: faster


reshape = Primitive("reshape", _reshape_impl,
                    lambda g, ans, x, shape: reshape(g, _shape(x)))          # undo the reshape


def _new_shape(name, fn, x, axis):
    """The shape NumPy's squeeze/expand_dims would give, without touching the data."""
    try:
        return fn(np.broadcast_to(np.empty((), dtype=bool), _shape(x)), axis).shape
    except (ValueError, TypeError, IndexError) as err:
        raise ValueError(f"{name}: cannot apply axis={axis!r} to shape {_shape(x)}: "
                         f"{err}") from None


def squeeze(x, axis=None):
    """Drop size-1 axes (all of them, or those in ``axis``): a reshape."""
    return reshape(x, _new_shape("squeeze", np.squeeze, x, axis))


def expand_dims(x, axis):
    """Insert size-1 axes at the positions ``axis``: a reshape."""
    return reshape(x, _new_shape("expand_dims", np.expand_dims, x, axis))


def _transpose_vjp(g, ans, x, axes=None):
    if axes is None:
        return transpose(g)                                                 # reversed again
    n, inverse = len(_shape(x)), [0] * len(axes)
    for i, axis in enumerate(axes):
        inverse[axis % n] = i
    return transpose(g, tuple(inverse))                                     # undo the permutation


def _transpose_impl(x, axes=None):
    return x.transpose(axes) if type(x) is np.ndarray else np.transpose(x, axes)


transpose = Primitive("transpose", _transpose_impl, _transpose_vjp)


def _mT(x):
    """Swap the last two axes (the matrix transpose of a batch of matrices)."""
    n = len(_shape(x))
    axes = _SWAP_LAST_TWO.get(n) or _SWAP_LAST_TWO.setdefault(
        n, tuple(range(n - 2)) + (n - 1, n - 2))
    return transpose(x, axes)


_SWAP_LAST_TWO = {}         # ndim -> axes, so _mT builds each permutation once


def _concatenate_vjp(i, g, ans, *xs, axis=0):
    axis = axis % len(_shape(ans))
    start = int(np.sum([_shape(x)[axis] for x in xs[:i]]))
    index = (slice(None),) * axis + (slice(start, start + _shape(xs[i])[axis]),)
    return getitem(g, index)                                                # this input's slice


_concatenate = _variadic("concatenate", lambda *xs, axis=0: np.concatenate(xs, axis),
                                 _concatenate_vjp)


def concatenate(xs, axis=0):
    return _concatenate(*xs, axis=axis)


def _stack_vjp(i, g, ans, *xs, axis=0):
    axis = axis % len(_shape(ans))
    return getitem(g, (slice(None),) * axis + (i,))                         # this input's slab


_stack = _variadic("stack", lambda *xs, axis=0: np.stack(xs, axis), _stack_vjp)


def stack(xs, axis=0):
    return _stack(*xs, axis=axis)


def _is_basic_index(index):
    parts = index if isinstance(index, tuple) else (index,)
    return all(isinstance(p, (int, np.integer, slice)) or p is None or p is Ellipsis
               for p in parts)


def _scatter_add_impl(g, index, shape):
    out = np.zeros(shape, dtype=np.result_type(g, np.float32))
    if _is_basic_index(index):
        out[index] = g                  # a basic index never repeats an entry
    else:
        np.add.at(out, index, g)        # fancy indices may repeat: accumulate
    return out


# Indexing and scattering are each other's VJP.
getitem = Primitive("getitem", lambda x, index: x[index],
                    lambda g, ans, x, index: scatter_add(g, index, _shape(x)))
scatter_add = Primitive("scatter_add", _scatter_add_impl,
                        lambda g, ans, u, index, shape: getitem(g, index))

# --- linear algebra -----------------------------------------------------------

def _einsum_spec(subscripts, shapes):
    """Subscripts in explicit form, 'ij,jk->ik', with '...' spelled out as letters."""
    if not isinstance(subscripts, str):
        raise TypeError(f"einsum: subscripts must be a string such as 'ij,jk->ik', "
                        f"got {subscripts!r}")
    text = subscripts.replace(" ", "")
    inputs, arrow, output = text.partition("->")
    inputs = inputs.split(",")
    if len(inputs) != len(shapes):
        raise ValueError(f"einsum: subscripts {subscripts!r} name {len(inputs)} operands, "
                         f"but {len(shapes)} were given")
    unused = (c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" if c not in text)
    n_dots = [len(shape) - len(spec.replace("...", "")) for spec, shape in zip(inputs, shapes)]
    n_ell = builtins.max([n for spec, n in zip(inputs, n_dots) if "..." in spec], default=0)
    ell = "".join(next(unused) for _ in range(n_ell))
    inputs = [spec.replace("...", ell[n_ell - n:] if n > 0 else "")
              for spec, n in zip(inputs, n_dots)]
    if not arrow:       # implicit output: letters used once, in order, after the '...' axes
        once = sorted(c for c in set("".join(inputs)) if c not in ell
                      and "".join(inputs).count(c) == 1)
        output = ell + "".join(once)
    output = output.replace("...", ell)
    for i, (spec, shape) in enumerate(zip(inputs, shapes)):
        if not spec.isalpha() and spec or len(spec) != len(shape):
            raise ValueError(f"einsum: operand {i} has shape {shape}, which does not fit "
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
    target, shape = inputs[i], _shape(xs[i])
    others = [x for j, x in enumerate(xs) if j != i]
    seen = set(output).union(*(inputs[j] for j in range(len(xs)) if j != i))
    kept = "".join(c for c in target if c in seen)
    r = _einsum(g, *others, spec=",".join([output] + inputs[:i] + inputs[i + 1:]) + "->" + kept)
    # An index summed in the forward pass and used nowhere else: d/dx is 1 all
    # along it, so the cotangent is broadcast along it; a size-1 axis that was
    # broadcast against a longer one is summed back.
    sizes = dict(zip(kept, _shape(r)))
    r = reshape(r, tuple(sizes.get(c, 1) for c in target))
    summed = tuple(n if c in seen else 1 for c, n in zip(target, shape))
    if _shape(r) != summed:
        r = sum_to(r, summed)
    return r if summed == shape else broadcast_to(r, shape)


_einsum = _variadic("einsum", lambda *xs, spec: np.einsum(spec, *xs), _einsum_vjp)


def einsum(subscripts, *operands):
    """Einstein summation, as ``np.einsum``: ``einsum('ij,jk->ik', a, b)`` is ``a @ b``.

    Indices may be letters and '...'; an index may not repeat within one
    operand (no diagonals or traces).
    """
    return _einsum(*operands, spec=_einsum_spec(subscripts, [_shape(x) for x in operands]))

def _matmul_impl(a, b):
    if a.shape[-1] == 1 and b.shape[-2] == 1:
        return a * b        # inner dimension 1: an outer product, cheaper by broadcasting
    if b.ndim == 2 and a.ndim > 2:
        # A matrix shared by a batch (theta0 broadcast to every task): fold the
        # batch into rows, so one BLAS call does the whole batch.
        return (a.reshape(-1, a.shape[-1]) @ b).reshape(a.shape[:-1] + b.shape[-1:])
    return np.matmul(a, b)


def _matmul_vjp_b(g, ans, a, b):
    if len(_shape(b)) == 2 and len(_shape(a)) > 2:
        # The shared matrix collects one gradient from every batch element:
        # sum_t a_t^T g_t, done as one matmul over the stacked rows.
        k, m = _shape(a)[-1], _shape(g)[-1]
        return matmul(transpose(reshape(a, (-1, k))), reshape(g, (-1, m)))
    return _unbroadcast(matmul(_mT(a), g), b)                               # d(ab)/db = a^T


_matmul = Primitive("matmul", _matmul_impl,
                    lambda g, ans, a, b: _unbroadcast(matmul(g, _mT(b)), a),  # d(ab)/da = b^T
                    _matmul_vjp_b)


def matmul(a, b):
    """Matrix product with leading batch axes; 1-D operands act as NumPy's do."""
    a_vec, b_vec = len(_shape(a)) == 1, len(_shape(b)) == 1
    if not (a_vec or b_vec):
        return _matmul(a, b)
    out = _matmul(reshape(a, (1, -1)) if a_vec else a, reshape(b, (-1, 1)) if b_vec else b)
    shape = _shape(out)
    return reshape(out, shape[:-2] + shape[-2 + a_vec:len(shape) - b_vec])


def _solve_impl(a, b):
    return np.linalg.solve(a, b)


def _solve_vjp_b(g, ans, a, b):
    return _unbroadcast(solve(_mT(a), g), b)                                # gb = A^-T g


def _solve_vjp_a(g, ans, a, b):
    return _unbroadcast(neg(matmul(_solve_vjp_b(g, ans, a, ans), _mT(ans))), a)  # gA = -gb x^T


_solve = Primitive("solve", _solve_impl, _solve_vjp_a, _solve_vjp_b)


def solve(a, b):
    """x with a @ x = b, batched over leading axes; ``b`` is (..., n, k) or (n,)."""
    if len(_shape(b)) == 1:
        return reshape(_solve(a, reshape(b, (-1, 1))), _shape(a)[:-1])
    return _solve(a, b)


def _norm2_vjp(g, ans, x, axis=None, keepdims=False):
    # d|x|/dx = x / |x|; at x = 0 take the subgradient 0 (as PyTorch does).
    shape = _shape(x)
    safe = where(_raw(ans) == 0, 1.0, ans)
    return mul(_expand(g, shape, axis, keepdims), div(x, _expand(safe, shape, axis, keepdims)))


def _norm2_impl(x, axis=None, keepdims=False):
    return np.sqrt(np.sum(x * x, axis, keepdims=keepdims))           # |x| = sqrt(sum x^2)


_norm2 = Primitive("norm", _norm2_impl, _norm2_vjp)


def norm(x, ord=None, axis=None, keepdims=False):
    """Vector norms over ``axis`` (every axis if None: a matrix's Frobenius norm).

    ``ord`` None, 2 or 'fro': the Euclidean norm sqrt(sum x^2); 1: sum |x|;
    ``np.inf``: max |x|. Matrix norms other than Frobenius are not provided.
    """
    n_axes = len(_axes(_shape(x), axis))
    if ord in (None, "fro") or (ord == 2 and n_axes <= 1):
        return _norm2(x, axis=axis, keepdims=keepdims)
    if ord in (1, np.inf) and n_axes <= 1:
        reduce = sum if ord == 1 else max
        return reduce(abs(x), axis=axis, keepdims=keepdims)
    raise ValueError(f"norm: ord={ord!r} over {n_axes} axes is not supported; use ord=None "
                     f"(Euclidean, or Frobenius over several axes), or 1, 2, np.inf over one axis")


# The NumPy ufuncs that the operators on arrays call, mapped to the engine's
# ops (so `array + Tensor` works), and the ones that only read values.
_UFUNC_OPS = {np.add: add, np.subtract: sub, np.multiply: mul, np.true_divide: div,
              np.power: power, np.matmul: matmul, np.negative: neg}
_UFUNC_QUERIES = {np.less, np.less_equal, np.greater, np.greater_equal, np.equal,
                  np.not_equal, np.isfinite, np.isnan, np.isinf}
_FUNCTION_QUERIES = {np.shape, np.ndim, np.size}

# --------------------------------------------------------------------------
# grad: trace, then walk the tape backwards
# --------------------------------------------------------------------------

def _flatten(tree):
    """Leaves of nested lists, tuples, namedtuples and dicts, and a function to rebuild it."""
    if isinstance(tree, (list, tuple)):
        parts = [_flatten(t) for t in tree]
        leaves = [leaf for p in parts for leaf in p[0]]
        kind = type(tree)
        # A namedtuple is built from positional fields, a list or tuple from one iterable.
        make = (lambda items: kind(*items)) if hasattr(tree, "_fields") else kind

        def rebuild(flat):
            out, i = [], 0
            for p_leaves, p_rebuild in parts:
                out.append(p_rebuild(flat[i:i + len(p_leaves)]))
                i += len(p_leaves)
            return make(out)
        return leaves, rebuild
    if isinstance(tree, dict):
        keys = list(tree)
        leaves, rebuild_values = _flatten([tree[k] for k in keys])
        return leaves, lambda flat: dict(zip(keys, rebuild_values(flat)))
    return [tree], lambda flat: flat[0]


_KINDS = {"i": "an integer", "u": "an unsigned integer", "b": "a boolean", "O": "an object",
          "c": "a complex", "U": "a string", "S": "a bytes"}


def _as_float_leaf(x, where):
    """Check an input leaf is floating point: float32 stays float32, others become float64."""
    if type(x) is Tensor:
        x = _live(x)
        if type(x) is Tensor:
            return x
    arr = np.asarray(x)
    if arr.dtype.kind != "f":
        kind = _KINDS.get(arr.dtype.kind, f"a {arr.dtype}")
        raise TypeError(f"{where} is {kind} array (dtype {arr.dtype}); gradients need "
                        f"float arrays, e.g. np.asarray(x, dtype=float)")
    return arr if arr.dtype == np.float32 else arr.astype(np.float64, copy=False)


def _backward(trace, out, leaves, seed):
    """Walk the tape in reverse from ``out`` with cotangent ``seed``; return the leaves'.

    The tape is left as it was, so it can be walked again with another seed.
    """
    global _backward_depth
    _backward_depth += 1
    try:
        out.cotangent = seed
        for node in reversed(trace.tape):
            g = node.cotangent
            if g is None:
                continue                                # not upstream of the output
            node.cotangent = None
            for argnum, parent in node.inputs:
                c = node.prim.vjps[argnum](g, node.value, *node.args, **node.params)
                # A value used twice collects both contributions.
                parent.cotangent = c if parent.cotangent is None else add(parent.cotangent, c)
        return [leaf.cotangent for leaf in leaves]
    except BaseException:
        for node in trace.tape:                         # leave the tape clean for a retry
            node.cotangent = None
        raise
    finally:
        _backward_depth -= 1
        out.cotangent = None
        for leaf in leaves:
            leaf.cotangent = None


def _argnums(argnums):
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


def _positions(nums, n_args):
    """argnums as positions 0..n_args-1 (negative ones count from the end)."""
    for n in nums:
        if not -n_args <= n < n_args:
            raise ValueError(f"argnums {n} is out of range for {n_args} arguments")
    return tuple(int(n) % n_args for n in nums)


def _watch(fun, args, kwargs, positions):
    """Call ``fun`` with the leaves of ``args[positions]`` watched by a fresh trace.

    Returns the trace, the output (its finished-trace levels peeled off) and,
    per position, the watched leaves and the function rebuilding their tree.
    The trace is finished (level 0) once ``fun`` returns: the backward pass
    works on values one level down, and a Tensor that escaped is only a value.
    """
    trace = Trace()
    try:
        args = list(args)
        groups = []
        for n in positions:
            flat, rebuild = _flatten(args[n])
            flat = [Tensor(_as_float_leaf(x, f"argument {n}"), trace) for x in flat]
            args[n] = rebuild(flat)
            groups.append((flat, rebuild))
        out = fun(*args, **kwargs)
    finally:
        trace.level = 0
    if type(out) is Tensor and out.trace is not trace:
        out = _live(out)
    return trace, out, groups


def _check_array_output(out, who):
    """A function being differentiated must return an array (or a Tensor), not None."""
    if type(out) is Tensor:
        return                                          # made by the engine's ops
    if isinstance(out, (np.ndarray, np.generic, float, int)):
        if np.asarray(out).dtype.kind in "fiub":
            return
    raise TypeError(f"{who} needs fun to return a float array or number, but it returned "
                    f"{type(out).__name__} {out!r:.60}")


def _pull(trace, out, groups, seed):
    """Cotangents of every watched argument for output cotangent ``seed``, as trees.

    At the outermost level each is a fresh, writeable array of its input's
    dtype; an input that ``out`` does not depend on gets zeros.
    """
    leaves = [leaf for flat, _ in groups for leaf in flat]
    if type(out) is Tensor and out.trace is trace:
        cotangents = _backward(trace, out, leaves, seed)
    else:
        cotangents = [None] * len(leaves)               # out ignores the inputs
    trees, i = [], 0
    for flat, rebuild in groups:
        parts = []
        for leaf, c in zip(flat, cotangents[i:i + len(flat)]):
            dtype = _dtype(leaf)
            if c is None:
                c = np.zeros(leaf.shape, dtype)
            elif type(c) is not Tensor:
                c = np.array(c, dtype=dtype)            # own, writeable, the input's dtype
            parts.append(c)
        trees.append(rebuild(parts))
        i += len(flat)
    return trees


def _value(out, trace):
    """The output one level down: a plain array at the outermost level."""
    value = out.value if (type(out) is Tensor and out.trace is trace) else out
    if type(value) is not Tensor:
        value = np.asarray(value)
        if value.dtype.kind != "f":
            value = value.astype(np.float64)
    return value


def value_and_grad(fun, argnums=0):
    """Return ``f(*args) -> (fun(*args), d fun / d args[argnums])``.

    ``fun`` must return a scalar. Arguments may be floats, arrays or nested
    lists, tuples, namedtuples and dicts of them; each gradient has its
    argument's structure and dtype. ``argnums`` may be an int or a tuple of
    ints (then a tuple of gradients, in that order; a repeated argnum gets the
    same gradient again). Keyword arguments are passed to ``fun`` and not
    differentiated.
    """
    if not callable(fun):
        raise TypeError(f"grad needs a function, got {type(fun).__name__} {fun!r:.60}")
    nums, many = _argnums(argnums)

    def value_and_grad_fun(*args, **kwargs):
        positions = _positions(nums, len(args))
        unique = list(dict.fromkeys(positions))         # argnums=(0, 0) traces argument 0 once
        trace, out, groups = _watch(fun, args, kwargs, unique)
        try:
            _check_array_output(out, "grad")
            if _shape(out) != ():
                raise ValueError(f"grad needs fun to return a scalar, but it returned an "
                                 f"output of shape {_shape(out)}; reduce it first, e.g. "
                                 f"with sum")
            seed = np.array(1.0, dtype=_dtype(out))  # d(out)/d(out) = 1
            grads = dict(zip(unique, _pull(trace, out, groups, seed)))
        finally:
            trace.tape.clear()      # nodes point at their trace: break the cycle now
        result, given = [], set()
        for p in positions:
            g = grads[p]
            if p in given:          # a repeated argnum gets its own copy
                g = _tree_map(lambda a: a.copy() if type(a) is np.ndarray else a, g)
            given.add(p)
            result.append(g)
        return _value(out, trace), (tuple(result) if many else result[0])

    return value_and_grad_fun


def grad(fun, argnums=0):
    """Return the function computing the gradient of scalar ``fun`` (see value_and_grad)."""
    vg = value_and_grad(fun, argnums)
    return lambda *args, **kwargs: vg(*args, **kwargs)[1]


# --------------------------------------------------------------------------
# Derivatives beyond the gradient: VJPs, Jacobians, Hessians, JVPs
# --------------------------------------------------------------------------

def vjp(fun, *args):
    """``(fun(*args), pullback)``: ``pullback(u)`` is the tuple of ``u^T J`` per argument.

    ``fun`` returns one array (any shape); ``u`` has that shape. The forward
    pass is traced once, and each call of ``pullback`` walks the same tape with
    its own ``u``. Like every VJP here, ``pullback`` is built from engine ops,
    so it can be differentiated again.
    """
    if not callable(fun):
        raise TypeError(f"vjp needs a function, got {type(fun).__name__} {fun!r:.60}")
    positions = tuple(range(len(args)))
    trace, out, groups = _watch(fun, args, {}, positions)
    _check_array_output(out, "vjp")
    out_shape, out_dtype = _shape(out), _dtype(out)

    def pullback(u):
        if _shape(u) != out_shape:
            raise ValueError(f"vjp: the cotangent u has shape {_shape(u)}, but fun's output "
                             f"has shape {out_shape}; u must have the output's shape")
        if type(u) is not Tensor:
            u = np.asarray(u, dtype=out_dtype)
        return tuple(_pull(trace, out, groups, u))

    return _value(out, trace), pullback


def jacobian(fun, argnum=0):
    """Return ``f(*args) -> J`` with ``J[i..., j...] = d fun(*args)[i...] / d args[argnum][j...]``.

    ``J`` has shape ``out.shape + x.shape`` for an array argument ``x``. Reverse
    mode builds it one row at a time: one forward pass, then one backward pass
    per output entry over the same tape (``vjp`` with the unit cotangents).
    """
    nums, many = _argnums(argnum)
    if many:
        raise TypeError(f"jacobian takes one argnum (an int), got {argnum!r}")

    def jacobian_fun(*args, **kwargs):
        (p,) = _positions(nums, len(args))
        leaves = _flatten(args[p])[0]
        if len(leaves) != 1 or leaves[0] is not args[p]:
            raise TypeError(f"jacobian needs argument {p} to be one array, got a "
                            f"{type(args[p]).__name__} of {len(leaves)} leaves")

        def of_x(x):
            return fun(*args[:p], x, *args[p + 1:], **kwargs)

        out, pullback = vjp(of_x, args[p])
        out_shape, in_shape = _shape(out), _shape(args[p])
        size = int(np.prod(out_shape, dtype=int))
        rows = []
        for k in range(size):
            e_k = np.zeros(size, dtype=_dtype(out))
            e_k[k] = 1.0                                # unit cotangent: row k of J
            rows.append(pullback(e_k.reshape(out_shape))[0])
        if not rows:
            return np.zeros(out_shape + in_shape, dtype=_dtype(out))
        return reshape(stack(rows), out_shape + in_shape)

    return jacobian_fun


def hessian(fun, argnum=0):
    """Return ``f(*args) -> H``, the Jacobian of the gradient of scalar ``fun``.

    ``H`` has shape ``x.shape + x.shape``. Cost: one Hessian-vector product
    (reverse over reverse) per entry of ``x``.
    """
    return jacobian(grad(fun, argnum), argnum)


def jvp(fun, primals, tangents):
    """Forward mode by two reverse passes: ``(fun(*primals), J v)`` for ``v = tangents``.

    ``u -> u^T J`` (the pullback) is linear in ``u``, so its gradient in ``u``
    of ``<u^T J, v>`` is ``J v``. Cost: one forward pass, one backward pass
    recorded on a tape, and one backward pass through that: about twice the
    ops of one reverse-mode gradient (``vjp`` and its pullback), where true
    forward mode would cost about as much as one. It needs no separate forward
    rules, and it can itself be differentiated.
    """
    primals, tangents = tuple(primals), tuple(tangents)
    if len(primals) != len(tangents):
        raise ValueError(f"jvp needs one tangent per primal: got {len(primals)} primals and "
                         f"{len(tangents)} tangents")
    for i, (x, v) in enumerate(zip(primals, tangents)):
        xs, vs = _flatten(x)[0], _flatten(v)[0]
        if len(xs) != len(vs) or any(_shape(a) != _shape(b) for a, b in zip(xs, vs)):
            raise ValueError(f"jvp: tangent {i} must have the structure and shapes of primal "
                             f"{i}: got shapes {[_shape(b) for b in vs]} for primal shapes "
                             f"{[_shape(a) for a in xs]}")
    out, pullback = vjp(fun, *primals)

    def along_v(u):
        total = 0.0
        for cotangent, v in zip(pullback(u), tangents):
            for c, vi in zip(_flatten(cotangent)[0], _flatten(v)[0]):
                total = add(total, sum(mul(c, vi)))     # <u^T J, v>
        return total

    zeros = np.zeros(_shape(out), dtype=_dtype(out))
    return out, grad(along_v)(zeros)


def trace(fun, *args):
    """Run ``fun(*args)`` on a fresh trace; return its output node and the tape.

    Used to inspect graphs: each node has ``.op``, ``.parents``, ``.shape`` and
    ``.dtype`` (Figure 22.5). The trace is finished when ``fun`` returns.
    """
    t = Trace()
    try:
        out = fun(*[_tree_map(lambda x: Tensor(_as_float_leaf(x, f"argument {i}"), t), a)
                    for i, a in enumerate(args)])
    finally:
        t.level = 0                 # finished: later use of its nodes records nothing
    return out, list(t.tape)


def _tree_map(f, *trees):
    """Apply ``f`` leaf by leaf to trees of the same structure."""
    leaves = [_flatten(t)[0] for t in trees]
    return _flatten(trees[0])[1]([f(*xs) for xs in zip(*leaves)])


# --------------------------------------------------------------------------
# Public helpers other chapters need: shapes, batched matrices and pytrees
# --------------------------------------------------------------------------

def shape(x):
    """The shape of a Tensor, an array or a Python number, without unwrapping it.

    ``shape(theta)`` works the same whether ``theta`` is a plain array or a
    Tensor being traced, so model code can read shapes inside ``grad``.
    """
    return _shape(x)


def matrix_transpose(x):
    """Swap the last two axes: the transpose of every matrix in a batch (differentiable)."""
    return _mT(x)


def tree_flatten(tree):
    """``(leaves, rebuild)`` of nested lists, tuples, namedtuples and dicts.

    ``rebuild(new_leaves)`` puts a list of leaves back into the same structure.
    A network's parameters theta0 (a list of (W, b) layers) is such a tree.
    """
    return _flatten(tree)


def tree_map(f, *trees):
    """Apply ``f`` leaf by leaf to trees of the same structure; keep that structure."""
    return _tree_map(f, *trees)
