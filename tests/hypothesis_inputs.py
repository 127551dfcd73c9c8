"""Shared test inputs: fixed-seed arrays and hypothesis strategies (generators of inputs).

Named hypothesis_inputs, not strategies: in this package a "strategy" is MAML or one of
its alternatives.

Two kinds of helpers live here, used by every test file.

* **Fixed-seed arrays** (``normal``, ``positive``, ``away_from_zero``,
  ``well_conditioned``). A test that reads ``normal((2, 1, 3), seed=4)`` gets the
  same float64 numbers on every run and every machine, so a failure can be
  replayed exactly.
* **Hypothesis strategies** (``seeds``, ``broadcast_shapes``, ``programs``).
  ``programs()`` builds a random *program*: a small expression tree of engine
  ops over inputs whose shapes broadcast against each other (size-1 axes and
  missing leading axes). Its ops come from the tables ``UNARY`` and ``BINARY``
  below, plus reductions with random axes and keepdims, ``matmul`` against a
  fresh weight input, gathers with repeated indices, and one inner SGD step
  (a ``grad`` inside the program, as in MAML). The tree is built bottom-up on
  real values, so every op is only chosen where it is safe to differentiate
  it: ``log`` and ``sqrt`` see ``x*x + 1``, ``relu``/``abs``/``maximum`` are
  only used at least ``KINK_MARGIN`` away from their kinks, and no
  intermediate value exceeds ``MAX_MAGNITUDE``, so central differences stay
  accurate to 1e-6.

Input values come from seeds drawn by hypothesis and fed to NumPy's
generator; that keeps values well spread (no exact ties, no exact zeros) while
hypothesis still chooses, and shrinks, the structure of each program.
"""

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import scratchmeta.autodiff as ad

# --------------------------------------------------------------------------
# Fixed-seed arrays
# --------------------------------------------------------------------------


def normal(shape, seed):
    """Standard normal float64 entries."""
    return np.random.default_rng(seed).standard_normal(shape)


def positive(shape, seed):
    """Entries in [0.5, 2): a safe domain for log, sqrt, division and a power's base."""
    return 0.5 + 1.5 * np.random.default_rng(seed).random(shape)


def away_from_zero(shape, seed, margin=0.2):
    """Entries with |x| >= margin and random sign: safely away from the kink at 0."""
    rng = np.random.default_rng(seed)
    return rng.choice([-1.0, 1.0], size=shape) * (margin + rng.random(shape))


def well_conditioned(shape, seed):
    """A batch of square matrices I*n + noise/2: invertible with a small condition number."""
    n = shape[-1]
    return n * np.eye(n) + 0.5 * normal(shape, seed)


# --------------------------------------------------------------------------
# Hypothesis strategies
# --------------------------------------------------------------------------

seeds = st.integers(min_value=0, max_value=2**32 - 1)


def broadcast_shapes(num_shapes, max_dims=3, max_side=3):
    """``num_shapes`` shapes that broadcast together, e.g. (2, 1, 3), (4, 3), ()."""
    return hnp.mutually_broadcastable_shapes(
        num_shapes=num_shapes, min_dims=0, max_dims=max_dims, min_side=1, max_side=max_side)


@st.composite
def shapes_against(draw, base):
    """A shape that broadcasts to ``base``: a suffix of it with some axes set to size 1.

    It shrinks towards ``base`` itself; random draws drop leading (batch) axes
    and shrink axes to 1, the two ways NumPy broadcasting stretches an operand.
    """
    dropped = draw(st.integers(0, len(base)))
    return tuple(1 if draw(st.booleans()) else n for n in base[dropped:])


KINK_MARGIN = 1e-2      # relu/abs/maximum arguments stay this far from the kink
MAX_MAGNITUDE = 1e3     # no intermediate value larger than this


class Expr:
    """One node of a random program: ``fn(*children)``, and its value on the drawn inputs."""

    def __init__(self, label, fn, children, value):
        self.label, self.fn, self.children, self.value = label, fn, children, value

    def __call__(self, xs):
        return self.fn(*(child(xs) for child in self.children))

    def __repr__(self):
        if not self.children:
            return self.label
        return f"{self.label}({', '.join(map(repr, self.children))})"


class Input(Expr):
    def __init__(self, i, value):
        super().__init__(f"x{i}", None, (), value)
        self.i = i

    def __call__(self, xs):
        return xs[self.i]


class Program:
    """A random composition of ops; ``program(*inputs)`` evaluates it with the engine."""

    def __init__(self, expr, inputs):
        self.expr, self.inputs = expr, inputs

    def __call__(self, *xs):
        return self.expr(xs)

    def __repr__(self):
        shapes = ", ".join(f"x{i}: {x.shape}" for i, x in enumerate(self.inputs))
        return f"Program({self.expr!r}; {shapes})"


def _safe(value):
    value = ad.stop_gradient(value)
    return bool(np.all(np.isfinite(value)) and np.all(np.abs(value) <= MAX_MAGNITUDE))


def _margin(x):
    """Distance of the nearest entry of x from zero (the kink of relu, abs, maximum)."""
    x = np.asarray(x)
    return np.inf if x.size == 0 else float(np.min(np.abs(x)))


# Ops of one argument, each with a condition on the argument's value that makes
# it safe to differentiate there.
UNARY = {
    "tanh": (ad.tanh, lambda x: True),
    "sin": (ad.sin, lambda x: True),
    "cos": (ad.cos, lambda x: True),
    "sigmoid": (ad.sigmoid, lambda x: True),
    "exp": (ad.exp, lambda x: True),
    "neg": (lambda x: -x, lambda x: True),
    "square": (lambda x: x ** 2, lambda x: True),
    "cube": (lambda x: ad.power(x, 3.0), lambda x: True),
    "log_sq1": (lambda x: ad.log(x * x + 1.0), lambda x: True),     # log on x^2+1 > 0
    "sqrt_sq1": (lambda x: ad.sqrt(x * x + 1.0), lambda x: True),   # sqrt on x^2+1 > 0
    "relu": (ad.relu, lambda x: _margin(x) > KINK_MARGIN),
    "abs": (ad.abs, lambda x: _margin(x) > KINK_MARGIN),
    "reverse": (lambda x: x[..., ::-1], lambda x: np.ndim(x) >= 1),  # basic slice
    "split_concat": (lambda x: ad.concatenate([x[..., :1] * 2.0, x[..., 1:]], axis=-1),
                     lambda x: np.ndim(x) >= 1),
    # One inner SGD step on sum(tanh(x)²), as MAML takes: a grad inside the program.
    "sgd_step": (lambda x: x - 0.1 * ad.grad(lambda y: ad.sum(ad.tanh(y) ** 2))(x),
                 lambda x: True),
    "flatten_unflatten": (lambda x: ad.reshape(ad.reshape(x, (-1,)), np.shape(x)) * 0.5,
                          lambda x: True),
}


def _checkerboard(a, b):
    """A fixed mask over the broadcast shape of a and b: True where the indices sum to even."""
    shape = np.broadcast_shapes(np.shape(a), np.shape(b))
    return np.indices(shape).sum(axis=0) % 2 == 0


def _smooth_max(a, b):
    """log(e^a + e^b), through broadcast_to, stack and logsumexp."""
    shape = np.broadcast_shapes(np.shape(a), np.shape(b))
    return ad.logsumexp(ad.stack([ad.broadcast_to(a, shape), ad.broadcast_to(b, shape)],
                                 axis=-1), axis=-1)


# Ops of two arguments with broadcasting, each with its safety condition.
BINARY = {
    "add": (lambda a, b: a + b, lambda a, b: True),
    "sub": (lambda a, b: a - b, lambda a, b: True),
    "mul": (lambda a, b: a * b, lambda a, b: True),
    "div": (lambda a, b: a / b, lambda a, b: _margin(b) > 0.5),
    "div_sq1": (lambda a, b: a / (b * b + 1.0), lambda a, b: True),
    "pow_sq1": (lambda a, b: ad.power(a * a + 1.0, b),                 # positive base
                lambda a, b: np.all(np.abs(b) <= 2.0)),
    "maximum": (ad.maximum, lambda a, b: _margin(np.subtract(a, b)) > KINK_MARGIN),
    "smooth_max": (_smooth_max, lambda a, b: True),
    "where": (lambda a, b: ad.where(_checkerboard(a, b), a, b), lambda a, b: True),
}

REDUCTIONS = {"sum": ad.sum, "mean": ad.mean, "logsumexp": ad.logsumexp}


@st.composite
def _reduction(draw, x):
    """A sum/mean/logsumexp of x whose result still broadcasts against the base shape."""
    name = draw(st.sampled_from(sorted(REDUCTIONS)))
    ndim = np.ndim(x)
    kinds = (["keepdims", "leading"] if ndim else []) + ["all"]
    kind = draw(st.sampled_from(kinds))
    if kind == "all":
        axis, keepdims = None, False
    elif kind == "keepdims":            # reduced axes become size-1 axes
        axes = draw(st.lists(st.integers(0, ndim - 1), min_size=1, max_size=ndim, unique=True))
        negative = draw(st.booleans())
        axis = tuple(a - ndim if negative else a for a in axes)
        keepdims = True
    else:                               # dropping the leading axis keeps a suffix
        axis, keepdims = draw(st.sampled_from([0, -ndim])), False
    op = REDUCTIONS[name]
    label = f"{name}[axis={axis}, keepdims={keepdims}]"
    return label, lambda v: op(v, axis=axis, keepdims=keepdims)


@st.composite
def programs(draw, max_depth=3, max_inputs=3):
    """A random program of depth 2..max_depth over 1..max_inputs inputs.

    The inputs' shapes all broadcast to a random ``base`` shape (1 to 3 axes of
    size 2 or 3), and so does every intermediate value: binary ops broadcast,
    reductions keep dims or drop a leading axis, ``matmul`` against a fresh
    weight input maps the last axis to 1 or base[-1], and ``take`` gathers
    with repeated indices along the last axis.
    """
    base = tuple(draw(st.lists(st.integers(2, 3), min_size=1, max_size=3)))
    n = draw(st.integers(1, max_inputs))
    inputs = [normal(draw(shapes_against(base)), draw(seeds)) for _ in range(n)]

    def build(depth, root=False):
        if depth == 0 or (not root and draw(st.integers(0, 4)) == 0):
            i = draw(st.integers(0, n - 1))          # not a matmul weight: those have
            return Input(i, inputs[i])                # shapes of their own
        kind = draw(st.sampled_from(["unary", "binary", "binary", "reduce", "matmul", "take"]))
        x = build(depth - 1)
        if kind == "binary":
            y = build(depth - 1)
            names = [k for k, (f, ok) in BINARY.items()
                     if ok(x.value, y.value) and _safe(f(x.value, y.value))]
            if names:
                name = draw(st.sampled_from(names))
                f = BINARY[name][0]
                return Expr(name, f, (x, y), f(x.value, y.value))
            kind = "unary"
        if kind == "matmul" and np.ndim(x.value) >= 1:
            # x @ W with a new weight input W of shape (x.shape[-1], m).
            m = draw(st.sampled_from([1, base[-1]]))
            inputs.append(normal((np.shape(x.value)[-1], m), draw(seeds)))
            w = Input(len(inputs) - 1, inputs[-1])
            value = ad.matmul(x.value, w.value)
            if _safe(value):
                return Expr("matmul", ad.matmul, (x, w), value)
            kind = "unary"
        if kind == "take" and np.ndim(x.value) >= 1:
            # Gather along the last axis with repeated indices (a fancy index).
            size = draw(st.sampled_from([1, base[-1]]))
            idx = np.array(draw(st.lists(st.integers(0, np.shape(x.value)[-1] - 1),
                                         min_size=size, max_size=size)))
            return Expr(f"take[{idx.tolist()}]", lambda v: v[..., idx], (x,), x.value[..., idx])
        if kind == "reduce":
            label, f = draw(_reduction(x.value))
            return Expr(label, f, (x,), f(x.value))
        names = [k for k, (f, ok) in UNARY.items() if ok(x.value) and _safe(f(x.value))]
        if not names:
            return x
        name = draw(st.sampled_from(names))
        f = UNARY[name][0]
        return Expr(name, f, (x,), f(x.value))

    expr = build(draw(st.integers(2, max_depth)), root=True)
    return Program(expr, inputs)
