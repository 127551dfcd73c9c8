"""Chapter 2: Adam, the optimizer of the outer loop (eq. 22.3).

Lecture 22, eq. 22.3 (the outer update theta = theta0 - eta dL_test/dtheta0).
The inner loop of MAML (eq. 22.4) is plain SGD written inline with engine ops,
because it must stay differentiable. The outer loop differentiates nothing
through its own update, and Finn et al. (2017) meta-train with Adam (Kingma and
Ba, 2015): SGD on bias-corrected running moments of the gradient.

Adam is written as two plain functions on a state that holds its moments in
the shape of the parameters: ``{"t": steps taken, "m": first moments, "v":
second moments}``, where ``m`` and ``v`` are trees (lists, dicts) like the
parameters. A strategy keeps that dict inside its own state, and a checkpoint
flattens it only when it is written.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.autodiff.checks import check_flag, check_given
from scratchmeta.meta.checks import (all_finite, check_adam_state, check_distinct,
                                     check_finite_arrays, check_moments_own,
                                     check_t_with_moments, check_tree)
from scratchmeta.messages import seen


def check_adam(params, grads, state, lr, beta1, beta2, eps, rows=None, *, values=True):
    """Adam's arguments, checked before a step: a bad one would give NaN or a wrong step.

    lr >= 0 and eps > 0 finite, 0 <= beta < 1 (beta = 1 divides by 1 - beta**t = 0),
    a state ``{"t", "m", "v"}`` and gradients shaped like the parameters; with ``values``,
    also every entry: params, grads and m finite, v >= 0 (one pass each).
    """
    check_flag(values, "check_adam", "values")
    for name, value, low, high in (("lr", lr, 0.0, np.inf), ("beta1", beta1, 0.0, 1.0),
                                   ("beta2", beta2, 0.0, 1.0), ("eps", eps, 0.0, np.inf)):
        number = (isinstance(value, (int, float, np.integer, np.floating))
                  and not isinstance(value, (bool, np.bool_, np.timedelta64)))
        strict = name == "eps"                 # eps > 0; lr may be 0 (no step)
        if not (number and np.isfinite(value) and (value > low if strict else value >= low)
                and value < high):
            expected = {"lr": "a finite number >= 0", "eps": "a finite number > 0"}.get(
                name, "a number in [0, 1)")
            raise ValueError(f"{name} must be {expected}, got {seen(value)}")
    for name, tree in (("params", params), ("grads", grads)):
        if isinstance(tree, (set, frozenset)):        # no order to match the moments with
            raise TypeError(f"{name} must be a list, tuple or dict of arrays (a tree), got a "
                            f"{type(tree).__name__} {tree!r:.60}")
    p_leaves, g_leaves = ad.tree_flatten(params)[0], ad.tree_flatten(grads)[0]
    real = _all_real(p_leaves, g_leaves)               # O(leaves): their dtypes
    if not real:
        _real_leaves("params", params, p_leaves)       # before the state is compared with them
    for key in ("m", "v") if values and isinstance(state, dict) else ():
        if key in state:                               # (adam_update: when its step failed)
            _real_leaves(f"state['{key}']", state[key], ad.tree_flatten(state[key])[0])
    check_adam_state(params, state, rows, values=values)
    p_list, g_list = isinstance(params, (list, tuple)), isinstance(grads, (list, tuple))
    if len(p_leaves) != len(g_leaves) or p_list != g_list or (p_list and
                                                              len(params) != len(grads)):
        raise ValueError(f"params and grads must be trees of one structure, one gradient per "
                         f"parameter: params {_tree(params, p_leaves)}, got grads "
                         f"{_tree(grads, g_leaves)}")
    if not real:                                       # name the leaf that is not real
        _real_leaves("grads", grads, g_leaves)
    for i, (p, g) in enumerate(zip(p_leaves, g_leaves)):
        want = ad.shape(p) if rows is None else (len(rows),) + ad.shape(p)[1:]   # rows' grads
        if ad.shape(g) != want:
            raise ValueError(f"params and grads must be of one shape each: grads {i} has shape "
                             f"{ad.shape(g)}, params {i} {ad.shape(p)}" if rows is None else
                             f"grads must hold one gradient row per selected row: grads {i} "
                             f"has shape {ad.shape(g)}, but rows {rows!r:.60} of params {i} "
                             f"(shape {ad.shape(p)}) want shape {want}")
        if not values:
            continue
        if not np.isfinite(g).all():           # a NaN would become every later step's NaN
            raise ValueError(f"grads must be finite, got NaN or inf in grads {i} (of shape "
                             f"{ad.shape(g)})")
        if not np.isfinite(p).all():
            raise ValueError(f"params must be finite, got {p.size - np.isfinite(p).sum()} NaN "
                             f"or inf entries in params {i} (of shape {ad.shape(p)})")
    m_leaves = ad.tree_flatten(state["m"])[0] if values else []
    bad = next((i for i, m in enumerate(m_leaves) if not np.isfinite(m).all()), None)
    if bad is not None:
        raise ValueError(f"state['m'] must hold Adam's first moments, finite numbers, got NaN "
                         f"or inf in state['m'] leaf {bad} (of shape {ad.shape(m_leaves[bad])})")


def _all_real(*trees):
    """Whether every leaf of ``trees`` (lists of leaves, or trees) is an array of real
    numbers: one string of their dtype kinds, about 1 us for a network's parameters,
    gradients and moments; False for anything else (a number, None), which
    :func:`_real_leaves` then takes or names."""
    try:
        kinds = "".join([a.dtype.kind if isinstance(a, (np.ndarray, np.generic, ad.Tensor))
                         else "?" for t in trees    # (a SciPy sparse matrix has a dtype too)
                         for a in (t if type(t) is list else ad.tree_flatten(t)[0])])
    except AttributeError:
        return False
    return not kinds.strip("iuf")


def _real_leaves(name, tree, leaves):
    """Every leaf of ``tree`` an array (or number) of real numbers: not None, text, an object,
    a complex number or a bool, which Adam's arithmetic would fail on inside NumPy or take as
    0 and 1. O(leaves): the dtypes, never the entries."""
    for i, a in enumerate(leaves):
        kind = a.dtype.kind if type(a) is np.ndarray else _kind(a)
        if kind not in "iuf":
            what = (f"dtype {a.dtype} and shape {a.shape}" if isinstance(a, np.ndarray)
                    else f"{type(a).__name__} {a!r:.60}")
            raise TypeError(f"{name} must be a list (or tree) of arrays of real numbers, "
                            f"e.g. MLP.init's [W1, b1, ...], got {what} in {name} leaf {i}"
                            + ("" if tree is a else f" ({tree!r:.60})"))


def _kind(value):
    """A leaf's dtype kind: 'O' for what NumPy makes no array of numbers of (None, a set)."""
    if isinstance(value, (bool, np.bool_)):
        return "b"
    if isinstance(value, (int, float, np.number)):
        return np.asarray(value).dtype.kind
    if hasattr(value, "toarray") and hasattr(value, "nnz"):   # SciPy sparse: no array of its
        return "O"                                             # numbers (NumPy: one object)
    return getattr(getattr(value, "dtype", None), "kind", "O")


def _tree(tree, leaves):
    """For an error message: a tree's leaf count and its first 60 characters."""
    return (f"of {len(leaves)} arrays (a {type(tree).__name__}: {tree!r:.60})" if tree is not None
            else "None")


def adam_init(params):
    """Adam's state before its first step: t = 0 and zero moments shaped like ``params``."""
    check_tree("params", params, floats=True)
    check_distinct("params", params, "adam_init")
    check_finite_arrays("params", params)
    zeros = ad.tree_map(np.zeros_like, params)
    return {"t": np.array(0), "m": zeros, "v": ad.tree_map(np.zeros_like, params)}


def adam_update(params, grads, state, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step on a tree of parameters: returns (new params, new Adam state).

    ``lr`` is a finite number >= 0 (0 moves nothing but still counts the step and updates
    the moments, as in torch.optim.Adam); ``0 <= beta1, beta2 < 1``; ``eps > 0``.

    The arguments' types and shapes are checked first. Their values are checked through
    the result: a NaN or inf anywhere in params, grads or the state (or a negative v) makes
    the new parameters not finite, so one pass over them stands for a pass over every
    input; only then are the inputs read to name the bad one. Nothing is returned or
    changed before that.
    """
    check_adam(params, grads, state, lr, beta1, beta2, eps, values=False)
    flat_p, flat_g = ad.tree_flatten(params)[0], ad.tree_flatten(grads)[0]
    if flat_g and all(g is p for g, p in zip(flat_g, flat_p)):     # adam_update(p, p, ...)
        raise ValueError("adam_update: grads are the params arrays themselves (grads is "
                         "params): a step needs the loss's gradient at params, e.g. "
                         "ad.grad(loss)(params)")
    check_moments_own(params, state, "adam_update")      # (and params' arrays distinct)
    check_distinct("grads", grads, "adam_update")
    if beta1 > beta2 and beta1 >= beta2 ** 0.25:      # Kingma & Ba's beta1^2 < sqrt(beta2)
        raise ValueError(f"adam_update: beta1={beta1!r} and beta2={beta2!r} break Adam's "
                         f"convergence condition beta1**2 < sqrt(beta2) (Kingma & Ba 2015, "
                         f"Theorem 4.1): swapped? beta1 weighs the mean (0.9 by default), "
                         f"beta2 the square (0.999)")
    t = int(state["t"]) + 1
    correct1, correct2 = 1 - beta1 ** t, 1 - beta2 ** t                 # bias corrections
    try:
        with np.errstate(all="ignore"):               # a bad value is named below, by name
            m = ad.tree_map(lambda m, g: beta1 * m + (1 - beta1) * g, state["m"], grads)  # 1st
            v = ad.tree_map(lambda v, g: beta2 * v + (1 - beta2) * g * g, state["v"], grads)
            new = ad.tree_map(lambda p, m, v: p - lr * (m / correct1) / (np.sqrt(v / correct2)
                                                                            + eps), params, m, v)
    except TypeError:                                 # text or None in the moments: named
        check_adam(params, grads, state, lr, beta1, beta2, eps)
        raise
    if not all_finite(ad.tree_flatten(new)[0]):     # one pass over the result, joined
        check_adam(params, grads, state, lr, beta1, beta2, eps)     # names the bad input
        raise ValueError(f"lr {lr!r} is too large: an Adam step of it overflows the parameters "
                         f"(every input is finite); expected a step size that keeps them finite")
    check_t_with_moments(state, "adam_update")       # its moments are finite numbers by now
    return new, {"t": np.array(t), "m": m, "v": v}


def adam_rows(params, state, grads, rows, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """Adam on rows ``rows`` of stacked parameters only ("lazy" Adam); other rows stay.

    ``params`` is a list of arrays with a leading axis, one row per task head;
    ``state`` is ``{"t": one step count per row, "m": ..., "v": ...}`` with
    ``m``, ``v`` shaped like ``params``. ``grads`` hold the gradients of the
    selected rows, in the order of ``rows``. A row that is not selected has no
    gradient, and plain Adam would still move it along its old momentum; here
    it is left exactly as it was. Returns new (params, state); the inputs are
    not changed. ``lr`` and the other settings are as for :func:`adam_update` (``lr`` = 0
    is allowed: a step that moves nothing).
    """
    check_given(rows, "adam_rows", "rows", "a list or array of row indices, e.g. [0, 2]")
    for name, value in (("params", params), ("grads", grads)):
        if not isinstance(value, (list, tuple)) or not value:     # rows of stacked heads
            raise TypeError(f"adam_rows: {name} must be a list of arrays with a leading axis "
                            f"(one row per task head), got {type(value).__name__} {value!r:.60}")
    check_adam(params, grads, state, lr, beta1, beta2, eps, rows=rows)
    for name, value in (("params", params), ("grads", grads)):
        check_distinct(name, value, "adam_rows")
    t = state["t"].copy()
    t[rows] += 1
    tr = t[rows].astype(float)
    new_p, new_m, new_v = [], [], []
    for p, m, v, g in zip(params, state["m"], state["v"], grads):
        p, m, v = p.copy(), m.copy(), v.copy()
        lift = (slice(None),) + (None,) * (p.ndim - 1)         # broadcast t over a row
        m[rows] = beta1 * m[rows] + (1 - beta1) * g               # first moment
        v[rows] = beta2 * v[rows] + (1 - beta2) * g * g           # second moment
        m_hat = m[rows] / (1 - beta1 ** tr)[lift]                 # bias corrections,
        v_hat = v[rows] / (1 - beta2 ** tr)[lift]                 # per row's own count
        p[rows] = p[rows] - lr * m_hat / (np.sqrt(v_hat) + eps)
        new_p.append(p)
        new_m.append(m)
        new_v.append(v)
    return new_p, {"t": t, "m": new_m, "v": new_v}
