"""Input checks for Chapter 2, and the guard of section 1.3.7, in one place.

Every strategy, the trainer and the evaluation check their arguments with the
helpers below *before* any work is done, so that a bad value gives one clear
message naming the argument, the value given and what was expected. Types
are checked in one place for every strategy: ``protocol.configure`` holds each
hyperparameter to the type its configuration field declares
(:func:`check_type`: a bool is not a count, a word is not a number), before
the strategy's own ``check`` looks at ranges. :func:`check_memory` refuses a
size that cannot fit before anything is allocated.

Lecture 22, section 1.3.7 warns that meta-gradients explode as K and the inner
learning rate grow, and that normalisation cannot be used to tame them. So
every update is passed through one guard, :func:`check_update`, which stops
training with advice instead of carrying a NaN forward. The guard tells two
failures apart: the *forward* inner loop diverging (K steps of eq. 22.4 with
too large an inner_lr blow the adapted parameters up, so the meta-loss itself
is inf or NaN), and the *meta-gradient* exploding while the meta-loss is still
finite (the backward pass through the unrolled loop multiplies K Jacobians).
The trainer adds a second guard, :func:`check_step`, on what every update
returns, whatever the strategy: new parameters that are not finite, or a
step far larger than the parameters themselves (an outer step size such as
meta_lr = 1e9), stop the run before the state is kept.
"""

import os

import numpy as np

from scratchmeta import autodiff as ad


class ExplodingMetaGradient(FloatingPointError):
    """A meta-update became non-finite or too large to trust (section 1.3.7)."""


# --- arguments ------------------------------------------------------------------------

def check_count(name, value, minimum=0):
    """An integer >= ``minimum`` (bools are refused: True is not a count)."""
    if not (isinstance(value, (int, np.integer)) and not isinstance(value, bool)
            and value >= minimum):
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")


def check_rate(name, value, *, allow_zero=False):
    """A positive (or, with ``allow_zero``, non-negative) finite number."""
    ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
    if not (ok and np.isfinite(value) and (value >= 0 if allow_zero else value > 0)):
        expected = "a non-negative" if allow_zero else "a positive"
        raise ValueError(f"{name} must be {expected} finite number, got {value!r}")


def check_inner(inner_lr, inner_steps):
    """eta_inner >= 0 and K >= 0, the two settings of eq. 22.4."""
    check_rate("inner_lr", inner_lr, allow_zero=True)
    check_count("inner_steps (K)", inner_steps, 0)


def check_type(name, value, kind, *, none_ok=False):
    """``value`` is of the plain type ``kind`` (int, float, bool or str), or None if allowed.

    The types do not mix: True is not an integer (a bool is a mistake for a
    count), 1 is not a bool, and "fast" is not a number. An int is accepted
    for a float; a float must be finite (no hyperparameter means anything at
    inf or NaN).
    """
    if value is None and none_ok:
        return
    ok = {int: isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)),
          float: isinstance(value, (int, float, np.integer, np.floating))
          and not isinstance(value, (bool, np.bool_)),
          bool: isinstance(value, (bool, np.bool_)),
          str: isinstance(value, str)}.get(kind)
    if ok is None:
        return                                     # a type this layer does not know: no opinion
    expected = {int: "an integer", float: "a finite number", bool: "true or false",
                str: "a string"}[kind] + (" (or null for the default)" if none_ok else "")
    if not ok:
        raise TypeError(f"{name} must be {expected}, got {value!r} "
                        f"({_type_name(value)})")
    if kind is float and not np.isfinite(value):
        raise ValueError(f"{name} must be {expected}, got {value!r}")


def _type_name(value):
    return {bool: "a bool", int: "an integer", float: "a number", str: "a string",
            type(None): "null"}.get(type(value), type(value).__name__)


def available_memory():
    """Bytes of physical memory on this machine (None where it cannot be read)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def _bytes(n):
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"):
        if n < 1024 or unit == "EiB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.3g} {unit}"
        n /= 1024


def check_memory(what, n_floats, *, itemsize=8, limit=None):
    """Refuse, before allocating, work that needs more than the machine's memory.

    ``n_floats`` is the number of array elements ``what`` needs at once; the
    message gives the size it would take and the memory there is.
    """
    limit = available_memory() if limit is None else limit
    need = float(n_floats) * itemsize
    if limit is not None and need > limit:
        raise ValueError(f"{what} would need {_bytes(need)} of memory at once, more than "
                         f"this machine's {_bytes(limit)}; choose smaller sizes")


def check_choice(name, value, choices):
    if value not in choices:
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {value!r}")


def check_ridge_inputs(features, targets, lam, *, one_hot=False,
                       lam_role="it keeps Phi^T Phi + lam I invertible"):
    """Features Phi (points, d) or (tasks, points, d), matching targets, and a scalar lam > 0.

    With ``one_hot`` the targets are class indicators (at least two classes), as for
    the softmax head of section 1.4.3; ``lam_role`` says in the error what lam is for.
    """
    fshape, tshape = ad.shape(features), ad.shape(targets)
    if len(fshape) not in (2, 3):
        raise ValueError(f"features Phi must have shape (points, d) or (tasks, points, d), "
                         f"got shape {fshape}")
    if (len(tshape) != len(fshape) or tshape[:-1] != fshape[:-1]
            or (one_hot and tshape[-1] < 2)):
        what = (f"be one-hot of shape {fshape[:-1] + ('classes >= 2',)}" if one_hot
                else f"have shape {fshape[:-1] + ('outputs',)}")
        raise ValueError(f"targets must {what} to match features of shape {fshape}, "
                         f"got shape {tshape}")
    lam_value = np.asarray(ad.stop_gradient(lam), dtype=float)
    if lam_value.shape != ():
        raise ValueError(f"lam must be a scalar, got an array of shape {lam_value.shape}")
    if not lam_value > 0:          # also rejects NaN
        raise ValueError(f"lam must be positive ({lam_role}), got {float(lam_value)!r}")


# --- the guard of section 1.3.7 ------------------------------------------------------------

def grad_norm(grads):
    """The Euclidean norm of a whole gradient (a list or tree of arrays)."""
    leaves, _ = ad.tree_flatten(grads)
    return float(np.sqrt(sum(float(np.sum(np.square(g))) for g in leaves)))


def check_update(loss, grads, *, step, advice, max_norm=1e6, max_loss=1e12):
    """Return the norm of ``grads``; raise if ``loss`` or ``grads`` is not finite or too large.

    ``grads`` is the meta-gradient, or whatever plays its part (Reptile's
    displacement); ``advice`` says which setting to change, e.g. "try a smaller
    inner_lr or fewer inner steps". A meta-loss that is inf or NaN means the
    forward pass diverged (for MAML: the inner loop), which is said as such;
    a finite meta-loss with a non-finite or huge gradient is an exploding
    meta-gradient.
    """
    loss = float(loss)
    with np.errstate(all="ignore"):
        norm = grad_norm(grads)
    if np.isfinite(loss) and np.isfinite(norm) and norm <= max_norm:
        return norm
    if not np.isfinite(loss) or abs(loss) > max_loss:
        what = (f"the meta-loss is {loss:.4g} at meta-step {step}: the forward pass diverged "
                f"before any gradient was taken (for an inner loop: its K steps of eq. 22.4 "
                f"overshoot and the adapted parameters blow up)")
    else:
        size = "is not finite" if not np.isfinite(norm) else f"has norm {norm:.3g} > {max_norm:g}"
        what = (f"the meta-gradient {size} at meta-step {step}, while the meta-loss "
                f"{loss:.4g} is finite: the gradient exploded")
    raise ExplodingMetaGradient(
        f"{what}. Meta-updates explode as K and inner_lr grow (lecture 22, section 1.3.7): "
        f"{advice}.")


def check_step(old, new, loss, *, step, advice, max_ratio=1e3):
    """The trainer's guard on any strategy's update: ``new`` finite and not a wild jump.

    ``old`` and ``new`` are the parameters before and after the update, dicts
    of trees of arrays ({"body": [...], "heads": [...]}). Each part's step
    ``new - old`` must be finite and its norm at most ``max_ratio`` times
    ``1 + |old part|``: a well-set optimiser moves the parameters by a small
    fraction of their size; a step size such as meta_lr = 1e9 moves them by
    ~1e9 and every later step is garbage. ``advice`` is a string, or a dict
    from part to string (the step size that moves that part).
    """
    loss = float(loss)
    if not np.isfinite(loss):
        raise ExplodingMetaGradient(f"the meta-loss is {loss} at meta-step {step}; the update "
                                    f"is not kept. {_advice(advice, None)}.")
    for key in old:
        old_leaves, _ = ad.tree_flatten(old[key])
        new_leaves, _ = ad.tree_flatten(new[key])
        moved = 0.0
        with np.errstate(all="ignore"):
            for a, b in zip(old_leaves, new_leaves):   # no BLAS: slow under thread contention
                if b is not a:                      # an entry the update left alone is skipped
                    moved += float(np.add.reduce(np.square(np.subtract(b, a)), axis=None))
            moved = np.sqrt(moved)
            if moved <= max_ratio:                  # within the bound whatever the size: done
                continue
            size = np.sqrt(sum(float(np.add.reduce(np.square(a), axis=None))
                               for a in old_leaves))
        if not np.isfinite(moved):
            what = f"the update at meta-step {step} made the {key} non-finite"
        elif moved > max_ratio * (1.0 + size):
            what = (f"the update at meta-step {step} moved the {key} by {moved:.3g}, more than "
                    f"{max_ratio:g} x (1 + their norm {size:.3g})")
        else:
            continue
        raise ExplodingMetaGradient(f"{what}; the update is not kept. "
                                    f"{_advice(advice, key)}.")


def _advice(advice, key):
    text = advice.get(key) or next(iter(advice.values())) if isinstance(advice, dict) else advice
    return text[:1].upper() + text[1:]


def step_advice(config, parts=("params",)):
    """{part of the state: which outer step size to change}, from a strategy's configuration.

    The body and the parameters move with ``meta_lr``; a multi-task model's
    heads with ``head_meta_lr``.
    """
    def say(name):
        value = getattr(config, name, None)
        return (f"try a smaller {name} (now {value:g})" if value is not None
                else "check the strategy's step sizes")
    return {part: say("head_meta_lr" if part == "heads" and hasattr(config, "head_meta_lr")
                      else "meta_lr") for part in parts}


def inner_advice(inner_steps, inner_lr):
    """The guard's advice for a strategy with an inner loop."""
    return (f"with K = inner_steps = {inner_steps} and inner_lr = {inner_lr:g}, try a smaller "
            f"inner_lr or fewer inner steps (--inner-lr, --inner-steps)")
