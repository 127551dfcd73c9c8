"""What every strategy of Lecture 22, section 1 shares: a protocol and two guards.

A *strategy* is a small object holding its hyperparameters (never arrays that
change). Its whole mutable state is a flat ``dict`` of NumPy arrays, so that a
checkpoint is just ``np.savez`` of it (see ``scratchmeta.meta.training``).
Every strategy offers the same four methods, which the trainer, the
evaluation and the ``compare`` command rely on:

``init_state(rng) -> state``
    Fresh parameters (and optimizer moments).
``step(state, rng, step_index) -> (state, meta_loss)``
    One meta-update: draw a batch of training tasks, compute the update, apply
    it. ``meta_loss`` is a float, for progress reports.
``adaptation_curve(state, batch, n_steps) -> (tasks, n_steps + 1) array``
    Test time: fine-tune on each held-out task's support set the way the
    strategy prescribes, and report the query metric after 0, 1, ..., n_steps
    adaptation steps.
``predict(state, batch, n_steps) -> (tasks, n_query, outputs) array``
    The query predictions after ``n_steps`` adaptation steps (for figures).

Section 1.3.7 warns that meta-gradients explode as K and the inner learning
rate grow, and that normalisation cannot be used to tame them. So every
trainer checks each meta-gradient with :func:`check_meta_gradient` and stops
with advice instead of carrying NaN forward.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.nn import per_task
from scratchmeta.optim import Adam


class ExplodingMetaGradient(FloatingPointError):
    """A meta-gradient became non-finite or too large to trust (section 1.3.7)."""


def _explosion(what, step, inner_steps, inner_lr):
    return ExplodingMetaGradient(
        f"the {what} at meta-step {step} (K = inner_steps = {inner_steps}, "
        f"inner_lr = {inner_lr:g}). Gradients through the unrolled inner loop explode as "
        f"K and inner_lr grow (lecture 22, section 1.3.7): try a smaller inner_lr or "
        f"fewer inner steps.")


def check_meta_gradient(grads, *, step, inner_steps, inner_lr, max_norm=1e6):
    """Return the meta-gradient's norm, or raise if it is non-finite or exploding."""
    norm = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if not np.isfinite(norm) or norm > max_norm:
        what = "is not finite" if not np.isfinite(norm) else f"has norm {norm:.3g} > {max_norm:g}"
        raise _explosion(f"meta-gradient {what}", step, inner_steps, inner_lr)
    return norm


def check_finite_loss(loss, *, step, inner_steps, inner_lr):
    """Raise instead of reporting a NaN or infinite meta-loss."""
    if not np.isfinite(loss):
        raise _explosion(f"meta-loss is {loss}", step, inner_steps, inner_lr)


# --- state dicts: lists of arrays under numbered keys ---------------------------

def pack(prefix, arrays):
    """{prefix0: a0, prefix1: a1, ...}: a parameter list as checkpointable entries."""
    return {f"{prefix}{i}": np.asarray(a) for i, a in enumerate(arrays)}


def unpack(prefix, state):
    """The list that :func:`pack` stored under ``prefix``."""
    n = 0
    while f"{prefix}{n}" in state:
        n += 1
    return [state[f"{prefix}{i}"] for i in range(n)]


def adam_step(state, grads, lr, prefix="params"):
    """Apply one Adam step to ``state[prefix*]``, keeping Adam's moments in the state."""
    opt = Adam(lr)
    opt.load_state({k[len("adam_"):]: v for k, v in state.items() if k.startswith("adam_")}
                   or {"t": np.array(0)})
    params = opt.step(unpack(prefix, state), grads)
    new = dict(state)
    new.update(pack(prefix, params))
    new.update({f"adam_{k}": v for k, v in opt.state().items()})
    return new


def fine_tune(params, batch, model, *, lr, n_steps, loss, trainable=None, task_axis=False):
    """Yield each task's parameters after 0, 1, ..., n_steps test-time SGD steps.

    Every task starts from ``params`` (theta0, or a strategy's checkpoint) and
    takes full-batch SGD steps (eq. 22.4) on its own support set. ``trainable``
    lists the indices of parameters that may change (all by default; ANIL and
    head-only fine-tuning pass the head's). ``task_axis=True`` says that
    ``params`` already hold one copy per task (a leading task axis), e.g. a
    head fitted in closed form to each task's support set.
    """
    n_tasks = batch.x_support.shape[0]
    if task_axis:
        theta = [np.array(ad.stop_gradient(p)) for p in params]         # writable copies
    else:
        theta = [np.array(p) for p in per_task(params, n_tasks)]        # writable copies
    trainable = range(len(theta)) if trainable is None else trainable
    support = ad.grad(lambda p: ad.sum(loss(model.apply(p, batch.x_support), batch.y_support)))
    yield theta
    for step in range(1, n_steps + 1):
        g = support(theta)
        theta = [t - lr * gt if i in trainable else t
                 for i, (t, gt) in enumerate(zip(theta, g))]               # eq. 22.4
        if not all(np.all(np.isfinite(t)) for t in theta):
            raise FloatingPointError(
                f"test-time fine-tuning diverged: the parameters are not finite after "
                f"{step} SGD steps of lr {lr:g}; expected a stable fine-tuning lr, try a "
                f"smaller one.")
        yield theta


def curve_by_sgd(params, batch, model, *, lr, n_steps, loss, metric, trainable=None,
                 task_axis=False):
    """Query metric of each task after 0..n_steps steps of :func:`fine_tune`: (tasks, n+1)."""
    return np.stack([metric(model.apply(theta, batch.x_query), batch.y_query)
                     for theta in fine_tune(params, batch, model, lr=lr, n_steps=n_steps,
                                            loss=loss, trainable=trainable,
                                            task_axis=task_axis)], axis=1)


def predict_by_sgd(params, batch, model, *, lr, n_steps, loss, trainable=None,
                   task_axis=False):
    """Query predictions after n_steps steps of :func:`fine_tune`: (tasks, n_query, out)."""
    for theta in fine_tune(params, batch, model, lr=lr, n_steps=n_steps, loss=loss,
                           trainable=trainable, task_axis=task_axis):
        pass
    return ad._raw(model.apply(theta, batch.x_query))
