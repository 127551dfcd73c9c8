"""Input checks for Chapter 2, and the guard of section 1.3.7, in one place.

Every strategy, the trainer and the evaluation check their arguments with the
helpers below *before* any work is done, so that a bad value gives one clear
message naming the argument, the value given and what was expected.

Lecture 22, section 1.3.7 warns that meta-gradients explode as K and the inner
learning rate grow, and that normalisation cannot be used to tame them. So
every update is passed through one guard, :func:`check_update`, which stops
training with advice instead of carrying a NaN forward.
"""

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


def check_choice(name, value, choices):
    if value not in choices:
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {value!r}")


def check_ridge_inputs(features, targets, lam):
    """Features Phi (points, d) or (tasks, points, d), matching targets, and a scalar lam > 0."""
    fshape, tshape = ad.shape(features), ad.shape(targets)
    if len(fshape) not in (2, 3):
        raise ValueError(f"features Phi must have shape (points, d) or (tasks, points, d), "
                         f"got shape {fshape}")
    if len(tshape) != len(fshape) or tshape[:-1] != fshape[:-1]:
        raise ValueError(f"targets must have shape {fshape[:-1] + ('outputs',)} to match "
                         f"features of shape {fshape}, got shape {tshape}")
    lam_value = np.asarray(ad.stop_gradient(lam), dtype=float)
    if lam_value.shape != ():
        raise ValueError(f"lam must be a scalar, got an array of shape {lam_value.shape}")
    if not lam_value > 0:          # also rejects NaN
        raise ValueError(f"lam must be positive (it keeps Phi^T Phi + lam I invertible), "
                         f"got {float(lam_value)!r}")


# --- the guard of section 1.3.7 ------------------------------------------------------------

def grad_norm(grads):
    """The Euclidean norm of a whole gradient (a list or tree of arrays)."""
    leaves, _ = ad.tree_flatten(grads)
    return float(np.sqrt(sum(float(np.sum(np.square(g))) for g in leaves)))


def check_update(loss, grads, *, step, advice, max_norm=1e6):
    """Return the norm of ``grads``; raise if ``loss`` or ``grads`` is not finite or too large.

    ``grads`` is the meta-gradient, or whatever plays its part (Reptile's
    displacement); ``advice`` says which setting to change, e.g. "try a smaller
    inner_lr or fewer inner steps".
    """
    loss = float(loss)
    norm = grad_norm(grads)
    if np.isfinite(loss) and np.isfinite(norm) and norm <= max_norm:
        return norm
    what = (f"the meta-loss is {loss}" if not np.isfinite(loss) else
            "the meta-gradient is not finite" if not np.isfinite(norm) else
            f"the meta-gradient has norm {norm:.3g} > {max_norm:g}")
    raise ExplodingMetaGradient(
        f"{what} at meta-step {step}. Meta-updates explode as K and inner_lr grow "
        f"(lecture 22, section 1.3.7): {advice}.")


def inner_advice(inner_steps, inner_lr):
    """The guard's advice for a strategy with an inner loop."""
    return (f"with K = inner_steps = {inner_steps} and inner_lr = {inner_lr:g}, try a smaller "
            f"inner_lr or fewer inner steps")
