"""The guard of Lecture 22, section 1.3.7: stop a meta-update that exploded.

Section 1.3.7 warns that meta-gradients explode as K and the inner learning
rate grow, and that normalisation cannot be used to tame them. So every
update is passed through one guard, :func:`check_update`, which stops
training with advice instead of carrying a NaN forward. The guard tells two
failures apart: the *forward* inner loop diverging (K steps of eq. 22.4 with
too large an inner_lr blow the adapted parameters up, so the meta-loss itself
is inf or NaN), and the *meta-gradient* exploding while the meta-loss is still
finite (the backward pass through the unrolled loop multiplies K Jacobians).
The trainer adds a second guard, :func:`check_step`, on what every update
returns, whatever the strategy: new parameters that are not finite, or a
step far larger than the parameters themselves (an outer step size such as
meta_lr = 1e9), stop the run before the state is kept.

Checks of a user's arguments, made before any work, are
:mod:`scratchmeta.meta.checks`.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.checks import check_config, check_gradient, check_guard, check_inner


class ExplodingMetaGradient(FloatingPointError):
    """A meta-update became non-finite or too large to trust (section 1.3.7)."""


def grad_norm(grads):
    """The Euclidean norm of a whole gradient (a list or tree of arrays)."""
    leaves = check_gradient(grads)
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
    check_guard(loss, step, advice, max_norm=max_norm, max_loss=max_loss)
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

    ``old`` and ``new`` are the parameters before and after the update, dicts of trees
    of arrays ({"body": [...], "heads": [...]}). Each part's step ``new - old`` must be
    finite and its norm at most ``max_ratio`` (> 0) times ``1 + |old part|``: a well-set
    optimiser moves the parameters by a small fraction of their size; a step size such
    as meta_lr = 1e9 moves them by ~1e9 and every later step is garbage. ``advice`` is a
    string, or a dict from part to string (the step size that moves that part).
    """
    check_guard(loss, step, advice, old=old, new=new, max_ratio=max_ratio)
    loss = float(loss)
    if not np.isfinite(loss):
        raise ExplodingMetaGradient(f"the meta-loss is {loss} at meta-step {step}; the update "
                                    f"is not kept. {_advice(advice, None)}.")
    for key in old:
        old_leaves, _ = ad.tree_flatten(old[key])
        new_leaves, _ = ad.tree_flatten(new[key])
        if len(new_leaves) != len(old_leaves):      # zip below would drop the extra ones
            raise ValueError(f"new[{key!r}] must hold as many arrays as old[{key!r}] (the "
                             f"same parameters after the update), got {len(new_leaves)} for "
                             f"{len(old_leaves)}")
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
    heads with ``head_meta_lr``. config None (a user's strategy without one): generic advice.
    """
    check_config(config, parts)
    def say(name):
        value = getattr(config, name, None)
        return (f"try a smaller {name} (now {value:g})" if value is not None
                else "check the strategy's step sizes")
    return {part: say("head_meta_lr" if part == "heads" and hasattr(config, "head_meta_lr")
                      else "meta_lr") for part in parts}


def inner_advice(inner_steps, inner_lr):
    """The guard's advice for a strategy with an inner loop."""
    check_inner(inner_lr, inner_steps)
    if inner_steps == 0:                   # no inner step: only the outer step can blow up
        return ("with K = inner_steps = 0 the inner loop takes no step, so try a smaller "
                "meta_lr (--meta-lr)")
    return (f"with K = inner_steps = {inner_steps} and inner_lr = {inner_lr:g}, try a smaller "
            f"inner_lr or fewer inner steps (--inner-lr, --inner-steps)")
