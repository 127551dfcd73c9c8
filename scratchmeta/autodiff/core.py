"""Chapter 1: a tiny reverse-mode autodiff engine with gradients of gradients.

Lecture 22, section 1.2.2 step 4 and section 1.3.6 (Figure 22.5, eq. 22.4).

MAML's update (eq. 22.3) needs dL_test/dtheta0, where L_test is measured at
the parameters reached by K steps of inner SGD (eq. 22.4),
``theta_{t+1} = theta_t - inner_lr * grad L_train(theta_t)``. Each inner step
contains a gradient, so the meta-gradient is a gradient *of* gradients. This
module builds exactly enough machinery for that, in four ideas.

1. **Reverse mode on a tape.** Calling ``grad(f)(x)`` wraps ``x`` in a
   :class:`Tensor` that belongs to a fresh :class:`Trace`. Every primitive
   applied to a Tensor of that trace appends a node to the trace's tape (a
   Wengert list) holding the op, its inputs and its output. The backward pass
   walks the tape in reverse and hands each node's cotangent ``g`` to one
   vector-Jacobian product (VJP) per input: ``g -> g @ d(out)/d(input)``.
   Creation order is a topological order, so no recursive sort is needed.

2. **VJPs written with the engine's own ops.** Each VJP below is spelled with
   the same primitives the forward pass uses (``mul``, ``matmul``, ``sum_to``,
   ...), never with raw NumPy on values that might carry gradients. If an
   outer ``grad`` is watching, the backward pass of an inner ``grad`` is
   therefore itself recorded on the outer tape, and the outer ``grad`` can
   differentiate it: that is ``grad(grad(f))``, and MAML's meta-gradient
   through K unrolled inner steps. When nobody is watching, the same VJP code
   receives plain arrays and runs as plain NumPy, recording nothing.

3. **Traces are nested, and never confused.** Each ``grad`` call opens a trace
   with a higher level than any open trace. A primitive records a node on the
   innermost (highest-level) trace among its arguments and evaluates itself on
   their values one level down, where an enclosing trace may record it in
   turn. Tensors of outer traces are constants to an inner trace, which
   prevents *perturbation confusion*: if ``y = 2 * theta`` was computed outside,
   ``grad(lambda s: s * y)(theta)`` is ``y`` (the design of HIPS autograd and
   JAX's Autodidax).

4. **Broadcasting is undone by an op.** A NumPy op may broadcast an input; the
   cotangent for that input is summed back to its shape by ``sum_to``, a
   primitive whose own VJP is ``broadcast_to``, so it too can be
   differentiated again.

**dtypes.** float64 is the default; float32 stays float32 (NumPy's promotion
rules, a VJP keeps its cotangent's dtype, a gradient its input's).

The ops here are the ones the lecture's code uses. The package's
``__init__.py`` lists the appendix modules built on this one (more ops,
Jacobians and JVPs, checks, NumPy interop); the helpers below that they use
are public and marked so in ``__all__``.
"""

import itertools
import math
import sys

import numpy as np

from .checks import (call_fun, check_argnums, check_callable, check_constant, check_flag,
                     check_inputs, check_nonempty, check_numbers, check_output, check_positions,
                     check_primitive, check_scalar, check_traced_output, checked_axes,
                     checked_rules, container, float_array, in_derivative, missing_rule,
                     op_error, other_dtype, own_dtype, plain_shape, ufunc_keywords)
from .impls import (broadcast_view, matmul_array, matmul_nt_array, matmul_tn_array, reshape_array,
                    scatter_add_array, sum_array, sum_to_array, transpose_array)
from .numpy_interop import NumpyInterop
from .pytrees import tree_flatten, tree_map

__all__ = [
    "Trace", "Tensor", "Primitive", "grad", "value_and_grad", "trace", "stop_gradient", "shape",
    "matrix_transpose", "add", "sub", "mul", "div", "power", "neg", "exp", "log", "sqrt", "tanh",
    "sigmoid", "relu", "where", "sum", "mean", "logsumexp", "reshape", "transpose",
    "broadcast_to", "sum_to", "getitem", "scatter_add", "matmul",
    # for the engine's own extension modules (more_ops, linalg, derivatives):
    "float_dtype", "unbroadcast", "reduced_axes", "kept_shape", "expand_reduced",
    "reduced_count", "watch", "pull", "output_value",
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


class Tensor(NumpyInterop):
    """A value watched by one trace: a node of that trace's graph.

    ``value`` is the value one level down (a plain array, or a Tensor of an
    enclosing trace). Inputs of a ``grad`` call have no op and no parents.
    Comparisons, ``bool``, ``len`` and NumPy functions called on a Tensor are
    answered by its base class (``numpy_interop.py``).
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
    def dtype(self):
        return float_dtype(self)

    def __repr__(self):
        return f"Tensor(op={self.op}, level={self.trace.level}, value={_raw(self)!r})"

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

    def sum(self, axis=None, keepdims=False): return sum(self, axis, keepdims)
    def mean(self, axis=None, keepdims=False): return mean(self, axis, keepdims)
    def reshape(self, *shape): return reshape(self, shape[0] if len(shape) == 1 else shape)
    def transpose(self, axes=None): return transpose(self, axes)

    @property
    def T(self): return transpose(self)


def _raw(x):
    """The plain NumPy value under every level of tracing."""
    while type(x) is Tensor:
        x = x.value
    return x


def _live(x):
    """``x`` with the levels of finished ``grad`` calls peeled off.

    A Tensor kept after its ``grad`` call returned (stored by ``fun`` in a
    list, say) is just its value: no trace watches it any more, and using it
    must not record anything on the finished tape.
    """
    while type(x) is Tensor and not x.trace.level:
        x = x.value
    return x


def float_dtype(x):
    """The float dtype of a value's entries (float64 for Python numbers)."""
    x = _raw(x)
    dtype = x.dtype if isinstance(x, (np.ndarray, np.generic)) else np.asarray(x).dtype
    return dtype if dtype.kind == "f" else other_dtype(dtype, x)     # text, complex: refused


def _shape(x, who="shape", name="x"):
    try:
        s = x.shape             # ndarrays, NumPy scalars and Tensors
    except AttributeError:
        return plain_shape(x, who, name)   # Python numbers and lists of them (not text, None)
    return s if isinstance(s, tuple) else plain_shape(x, who, name)   # (a stand-in: no tuple)


def stop_gradient(x):
    """``x`` as a constant: no trace sees through it (first-order MAML uses it).

    A plain NumPy array comes back as it is, whatever its dtype, unread (O(1): the library
    reads values through this); what is no numbers is refused (``checks.check_constant``)."""
    if type(x) is not Tensor and type(x) is not np.ndarray:
        check_constant(x)                         # text, None, a set, a record, an iterator
    return _raw(x)


def shape(x, who="shape", name="x"):
    """The shape of a Tensor, an array or a Python number, without unwrapping it.

    ``shape(theta)`` works the same on a plain array or a traced Tensor, so model code can
    read shapes inside ``grad``; ops pass ``who`` and ``name`` to word a shapeless value's error.
    """
    return _shape(x, who, name)


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
        check_primitive(name, impl, vjps)
        if not sys._getframe(1).f_globals.get("__name__", "").startswith(__package__):
            impl, vjps = checked_rules(name, impl, vjps)   # a user's op: its rules checked
        self.name, self.impl, self.vjps = name, impl, vjps

    def __call__(self, *args, **params):
        if params and type(self.impl) is np.ufunc:       # out=, where=, casting=, dtype= ...
            raise TypeError(ufunc_keywords(self.name, params))
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
            if not _backward_depth:                      # the user's call: check what came in
                check_inputs(self.name, args, params)
            try:
                return self.impl(*args, **params)
            except Exception as err:
                raise op_error(self.name, args, params, err) from None
        values, inputs, deeper = list(args), [], False
        for i, a in enumerate(args):
            if type(a) is Tensor:
                if a.trace is top:
                    inputs.append((i, a))
                    a = values[i] = a.value              # one level down
                    if type(a) is Tensor:                # an enclosing trace watches it too
                        deeper = True
                else:                                    # only an enclosing trace watches it
                    deeper = True
        if deeper:
            out = self(*values, **params)
        else:                                            # plain values: NumPy, as above
            try:
                out = self.impl(*values, **params)
            except Exception as err:
                raise op_error(self.name, values, params, err) from None
        node = Tensor(out, top, self, values, params, inputs)
        top.tape.append(node)
        return node


def unbroadcast(g, x):
    """Cotangent ``g`` summed back to the shape of input ``x`` if it was broadcast."""
    shape = x.shape if type(x) is np.ndarray or type(x) is Tensor else plain_shape(x)
    g_shape = g.shape if type(g) is np.ndarray or type(g) is Tensor else _shape(g)
    return g if g_shape == shape else sum_to(g, shape)


# Un-broadcasting and broadcasting are each other's VJP. (Their forward rules,
# and those of sum, reshape, transpose and scatter_add, are in impls.py.)
sum_to = Primitive("sum_to", sum_to_array,
                   lambda g, ans, x, shape: broadcast_to(g, _shape(x)))      # d(sum)/dx = 1
broadcast_to = Primitive("broadcast_to", broadcast_view,
                         lambda g, ans, x, shape: sum_to(g, _shape(x)))      # copies sum back

# --- arithmetic --------------------------------------------------------------
add = Primitive("add", np.add,
                lambda g, ans, a, b: unbroadcast(g, a),                      # d(a+b)/da = 1
                lambda g, ans, a, b: unbroadcast(g, b))                      # d(a+b)/db = 1
sub = Primitive("sub", np.subtract,
                lambda g, ans, a, b: unbroadcast(g, a),                      # d(a-b)/da = 1
                lambda g, ans, a, b: unbroadcast(neg(g), b))                 # d(a-b)/db = -1
mul = Primitive("mul", np.multiply,
                lambda g, ans, a, b: unbroadcast(mul(g, b), a),              # d(ab)/da = b
                lambda g, ans, a, b: unbroadcast(mul(g, a), b))              # d(ab)/db = a
div = Primitive("div", np.true_divide,
                lambda g, ans, a, b: unbroadcast(div(g, b), a),              # d(a/b)/da = 1/b
                lambda g, ans, a, b: unbroadcast(neg(div(mul(g, ans), b)), b))  # = -a/b^2
neg = Primitive("neg", np.negative,
                lambda g, ans, a: neg(g))                                    # d(-a)/da = -1


def _power_vjp_base(g, ans, a, b):
    if type(b) is not Tensor and np.ndim(b) == 0 and b == 2:
        return unbroadcast(mul(g, mul(2.0, a)), a)                           # d(a^2)/da = 2a
    # d(a^b)/da = b a^(b-1). Where a = b = 0 that is 0 * 0^-1 = NaN, but the
    # derivative of the constant a^0 = 1 is 0: use a^1 there (times b = 0).
    # Only there, so that the derivative in b, a^(b-1) + ..., stays right.
    if type(b) is not Tensor and np.ndim(b) == 0:
        b_minus_1 = 1.0 if b == 0 else b - 1.0                               # a constant exponent
    else:
        b_minus_1 = where((_raw(b) == 0) & (_raw(a) == 0), 1.0, sub(b, 1.0))
    return unbroadcast(mul(g, mul(b, power(a, b_minus_1))), a)


def _power_vjp_exponent(g, ans, a, b):
    # d(a^b)/db = a^b log a. At a = 0, a^b = 0 for b > 0 and the product is
    # 0 * -inf; the limit is 0, so take log 1 there.
    if type(a) is not Tensor and np.ndim(a) == 0:
        log_a = float(np.log(a)) if a != 0 else 0.0  # a Python float keeps float32 float32
    else:
        log_a = log(where(_raw(a) == 0, 1.0, a))
    return unbroadcast(mul(g, mul(ans, log_a)), b)


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


def _sigmoid_impl(x):
    return np.exp(-np.logaddexp(0.0, -x))     # 1/(1+e^-x), accurate and without overflow


sigmoid = Primitive("sigmoid", _sigmoid_impl,
                    lambda g, ans, x: mul(g, mul(ans, sub(1.0, ans))))       # = s(1-s)
relu = Primitive("relu", lambda x: np.maximum(x, 0.0),
                 lambda g, ans, x: mul(g, _raw(x) > 0))                      # = [x > 0]


def _where_impl(cond, a, b):
    return np.where(cond, a, b)


_where = Primitive("where", _where_impl,
                   None,                                              # cond: not differentiable
                   lambda g, ans, c, a, b: unbroadcast(where(c, g, 0.0), a),  # picked where c
                   lambda g, ans, c, a, b: unbroadcast(where(c, 0.0, g), b))  # picked elsewhere


def where(cond, a, b):
    """``a`` where ``cond`` holds, else ``b``; ``cond`` is a constant mask."""
    if (type(cond) not in (np.ndarray, np.bool_) or cond.dtype.kind != "b" or type(a) is str
            or type(b) is str or a is None or b is None):   # np.where takes text, None silently
        check_numbers("where", cond=_raw(cond), a=_raw(a), b=_raw(b))
    return _where(_raw(cond), a, b)


# --- reductions -----------------------------------------------------------------

def reduced_axes(shape, axis, who=None):
    """The reduced axes as non-negative ints (every axis for None); errors name ``who``."""
    return tuple(range(len(shape))) if axis is None else checked_axes(shape, axis, who)


def kept_shape(shape, axis):
    """The shape of a reduction with keepdims=True: reduced axes become 1."""
    axes = reduced_axes(shape, axis)
    return tuple(1 if i in axes else n for i, n in enumerate(shape))


def expand_reduced(g, shape, axis, keepdims):
    """Cotangent of a reduction, reshaped so it broadcasts against the input."""
    if keepdims is False or not check_flag(keepdims, "expand_reduced", "keepdims"):
        g = reshape(g, kept_shape(shape, axis))
    return broadcast_to(g, shape)


def reduced_count(shape, axis, who=None):
    """How many entries a reduction over ``axis`` sums into each output entry."""
    return math.prod(shape[ax] for ax in reduced_axes(shape, axis, who))


sum = Primitive("sum", sum_array,
                lambda g, ans, x, axis=None, keepdims=False:
                    expand_reduced(g, _shape(x), axis, keepdims))            # d(sum)/dx_i = 1


def mean(x, axis=None, keepdims=False):
    """Sum divided by the number of summed entries (at least one)."""
    n = check_nonempty(reduced_count(_shape(x, "mean"), axis, "mean"), "mean", _shape(x), axis)
    return div(sum(own_dtype("mean", x), axis=axis, keepdims=keepdims), float(n))


def _logsumexp_impl(x, axis=None, keepdims=False):
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)          # shift by the max, for stability
    out = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    return out if keepdims else np.squeeze(out, axis=axis)


logsumexp = Primitive("logsumexp", _logsumexp_impl,
                      lambda g, ans, x, axis=None, keepdims=False: mul(     # = softmax(x)
                          expand_reduced(g, _shape(x), axis, keepdims),
                          exp(sub(x, expand_reduced(ans, _shape(x), axis, keepdims)))))

# --- shapes -------------------------------------------------------------------

reshape = Primitive("reshape", reshape_array,
                    lambda g, ans, x, shape: reshape(g, _shape(x)))          # undo the reshape


_INVERSE = {}                # (axes, ndim) -> the inverse permutation, built once


def _transpose_vjp(g, ans, x, axes=None):
    if axes is None:
        return transpose(g)                                                 # reversed again
    key = (axes if type(axes) is tuple else tuple(axes), len(_shape(x)))
    inverse = _INVERSE.get(key)
    if inverse is None:
        n, inverse = len(_shape(x)), [0] * len(axes)
        for i, axis in enumerate(axes):
            inverse[axis % n] = i
        inverse = _INVERSE.setdefault(key, tuple(inverse))
    return transpose(g, inverse)                                            # undo the permutation


transpose = Primitive("transpose", transpose_array, _transpose_vjp)

_SWAP_LAST_TWO = {}         # ndim -> axes, so matrix_transpose builds each permutation once


def matrix_transpose(x):
    """Swap the last two axes: the transpose of every matrix in a batch (differentiable)."""
    if type(x) is np.ndarray and x.ndim > 1 and x.dtype.kind in "fiub":   # a NumPy view
        return x.swapaxes(-1, -2)
    n = len(_shape(x, "matrix_transpose"))
    if n < 2:
        raise ValueError(f"matrix_transpose: x needs 2+ axes, got {x!r:.24} of shape {_shape(x)}")
    axes = _SWAP_LAST_TWO.get(n) or _SWAP_LAST_TWO.setdefault(
        n, tuple(range(n - 2)) + (n - 1, n - 2))
    return transpose(x, axes)


# Indexing and scattering are each other's VJP.
getitem = Primitive("getitem", lambda x, index: x[index],
                    lambda g, ans, x, index: scatter_add(g, index, _shape(x)))
scatter_add = Primitive("scatter_add", scatter_add_array,
                        lambda g, ans, u, index, shape: getitem(g, index))

# --- linear algebra -----------------------------------------------------------

# Three products, closed under differentiation, so no VJP records a transpose
# (or hands on a transposed cotangent, slow to add up):
#   C = A B: dA = G B^T, dB = A^T G;  C = A B^T: dA = G B, dB = G^T A;
#   C = A^T B: dA = B G^T, dB = A G.

def _tn_to(a, g, b):
    """A^T G summed to b's shape; for one matrix b shared by a batch (theta0 by the
    tasks), one product of the stacked rows: sum_t a_t^T g_t."""
    if len(_shape(b)) == 2 and len(_shape(a)) > 2:
        return _matmul_tn(reshape(a, (-1, _shape(a)[-1])), reshape(g, (-1, _shape(g)[-1])))
    return unbroadcast(_matmul_tn(a, g), b)


_matmul = Primitive("matmul", matmul_array,
                    lambda g, ans, a, b: unbroadcast(_matmul_nt(g, b), a),
                    lambda g, ans, a, b: _tn_to(a, g, b))
_matmul_nt = Primitive("matmul_nt", matmul_nt_array,
                       lambda g, ans, a, b: unbroadcast(_matmul(g, b), a),
                       lambda g, ans, a, b: _tn_to(g, a, b))
_matmul_tn = Primitive("matmul_tn", matmul_tn_array,
                       lambda g, ans, a, b: unbroadcast(_matmul_nt(b, g), a),
                       lambda g, ans, a, b: unbroadcast(_matmul(a, g), b))


def matmul(a, b):
    """Matrix product with leading batch axes; 1-D operands act as NumPy's do."""
    a_vec, b_vec = len(_shape(a, "matmul", "a")) == 1, len(_shape(b, "matmul", "b")) == 1
    if not (a_vec or b_vec):
        return _matmul(a, b)
    check_inputs("matmul", (_raw(a), _raw(b)), {})     # a 1-D one: here, not as reshape's
    out = _matmul(reshape(a, (1, -1)) if a_vec else a, reshape(b, (-1, 1)) if b_vec else b)
    shape = _shape(out)
    return reshape(out, shape[:-2] + shape[-2 + a_vec:len(shape) - b_vec])


# --------------------------------------------------------------------------
# grad: trace, then walk the tape backwards
# --------------------------------------------------------------------------

def _as_float_leaf(x, where):
    """An input leaf, checked: float32 stays float32, other floats become float64."""
    if type(x) is Tensor:
        x = _live(x)
        if type(x) is Tensor:
            return x
    return float_array(x, where)


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
            vjps, ans, args, params = node.prim.vjps, node.value, node.args, node.params
            for argnum, parent in node.inputs:
                try:
                    rule = vjps[argnum]
                except IndexError:                      # fewer rules than arguments
                    rule = None
                if rule is None:                        # None: not differentiable (a user's op)
                    raise missing_rule(node.prim.name, argnum)
                try:
                    c = rule(g, ans, *args, **params)
                except (FloatingPointError, ValueError) as err:     # say whose derivative
                    raise in_derivative(err, node.prim.name, args)
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


def watch(fun, args, kwargs, positions, who="grad"):
    """Call ``fun`` with the leaves of ``args[positions]`` watched by a fresh trace.

    Returns the trace, the output (its finished-trace levels peeled off) and,
    per position, the watched leaves and the function rebuilding their tree.
    The trace is finished (level 0) once ``fun`` returns: the backward pass
    works on values one level down, and a Tensor that escaped is only a value.
    """
    trace = Trace()
    try:
        args, groups = list(args), []
        for n in positions:
            where = f"{who}: argument {n}{container(args[n])}"
            flat, rebuild = tree_flatten(args[n], where)      # (a set is refused by name)
            flat = [Tensor(_as_float_leaf(x, where), trace) for x in flat]
            args[n] = rebuild(flat)
            groups.append((flat, rebuild))
        out = call_fun(fun, args, who, kwargs=kwargs)    # its own errors named, see there
    finally:
        trace.level = 0
    if type(out) is Tensor and out.trace is not trace:
        out = _live(out)
    return trace, out, groups


def pull(trace, out, groups, seed):
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
            if c is None:
                c = np.zeros(leaf.shape, float_dtype(leaf))
            elif type(c) is not Tensor:
                c = np.array(c, dtype=float_dtype(leaf))  # own, writeable, the input's dtype
            parts.append(c)
        trees.append(rebuild(parts))
        i += len(flat)
    return trees


def output_value(out, trace):
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
    return _differentiate(fun, argnums, "value_and_grad")


def grad(fun, argnums=0):
    """Return the function computing the gradient of scalar ``fun`` (see value_and_grad)."""
    vg = _differentiate(fun, argnums, "grad")
    return lambda *args, **kwargs: vg(*args, **kwargs)[1]


def _differentiate(fun, argnums, who):        # errors name who: grad or value_and_grad
    check_callable(fun, who)
    nums, many = check_argnums(argnums, who=who)

    def value_and_grad_fun(*args, **kwargs):
        positions = check_positions(nums, len(args))
        unique = list(dict.fromkeys(positions))         # argnums=(0, 0) traces argument 0 once
        trace, out, groups = watch(fun, args, kwargs, unique, who)
        try:
            check_output(_raw(out), who, fun)
            check_scalar(_shape(out), who)
            seed = np.array(1.0, dtype=float_dtype(out))     # d(out)/d(out) = 1
            grads = dict(zip(unique, pull(trace, out, groups, seed)))
        finally:
            trace.tape.clear()      # nodes point at their trace: break the cycle now
        result = []
        for i, p in enumerate(positions):               # a repeated argnum gets its own copy
            result.append(grads[p] if p not in positions[:i] else tree_map(
                lambda a: a.copy() if type(a) is np.ndarray else a, grads[p]))
        return output_value(out, trace), (tuple(result) if many else result[0])

    return value_and_grad_fun


def trace(fun, *args):
    """Run ``fun(*args)`` on a fresh trace; return its output node and the tape.

    Used to inspect graphs: each node has ``.op``, ``.parents``, ``.shape`` and
    ``.dtype`` (Figure 22.5). The trace is finished when ``fun`` returns.
    """
    check_callable(fun, "trace", "fun")
    t, out, _ = watch(fun, args, {}, range(len(args)), "trace")     # finished when it returns
    check_traced_output(out, tree_flatten(out, "trace: what fun returned")[0], Tensor, fun)
    return out, list(t.tape)
