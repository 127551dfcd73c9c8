"""Reptile: step theta0 toward where fine-tuning went, not along a meta-gradient.

Lecture 22, section 1.4.2 (eq. 22.5, Figure 22.6); Nichol, Achiam and
Schulman (2018), "On First-Order Meta-Learning Algorithms", Algorithms 1-2.

MAML (eq. 22.3) differentiates the query loss through the K unrolled inner
steps, and section 1.3.7 warns that this gradient explodes as K grows. Running
the inner loop forward is harmless; only the backward pass through it is
dangerous. Reptile therefore never differentiates through the loop. For each
task it fine-tunes theta0 for T steps of SGD on the task's support set
(eq. 22.4) and uses the displacement ``theta_T - theta0``, "where did we move
to", in place of ``-dL_test/dtheta0``, "where do we want to move":

    theta0  <-  theta0 + outer_lr * mean over tasks of (theta_T - theta0)     (eq. 22.5)

(The lecture writes the step size as eta_inner and the sign as minus; we name
it ``outer_lr`` and write the direction so that a positive step moves theta0
*toward* theta_T, as Nichol et al. do.) Because nothing is differentiated
through the loop, the memory of a step does not grow with T, and T can be
much larger than the K that MAML can afford: the dotted path of Figure 22.6.

Two forms, as in Nichol et al.:

* **serial** (their Algorithm 1): one task at a time,
  ``theta0 <- theta0 + eps (theta_T - theta0)``, then the next task starts from
  the updated theta0;
* **batched** (their Algorithm 2): all tasks of a meta-batch fine-tuned side by
  side from the same theta0 (section 1.3.2, via :func:`scratchmeta.nn.per_task`),
  then one step along the mean displacement.

With one task per batch the two forms are the same update. Nichol et al.
anneal the outer step linearly to zero over training,
``eps_t = outer_lr * (1 - t / n_steps)``; :class:`Reptile` does the same when
told the total number of steps.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.common import (ExplodingMetaGradient, check_finite_loss,
                                     check_meta_gradient, curve_by_sgd, pack, predict_by_sgd,
                                     unpack)
from scratchmeta.meta.maml import _check_inner, adapt
from scratchmeta.tasks import TaskBatch, mse


def fine_tune_tasks(params, batch, model, *, inner_lr, inner_steps, loss=mse):
    """theta_T of every task: T full-batch SGD steps (eq. 22.4) on its support set.

    All tasks start from theta0 = ``params`` and are fine-tuned in parallel.
    The result is plain arrays with a leading task axis; no gradient is
    recorded through the loop (first-order: each inner gradient is taken at a
    constant), so memory stays flat however large T is.
    """
    return adapt(params, batch.x_support, batch.y_support, model, inner_lr=inner_lr,
                 inner_steps=inner_steps, loss=loss)


def check_inner_sgd(theta_T, *, step, inner_steps, inner_lr):
    """Raise if some task's inner SGD ran off to infinity or NaN.

    Reptile differentiates nothing, so what can blow up is the forward inner
    loop itself: T steps of eq. 22.4 with a learning rate too large for the
    sharpness of the support loss near theta0.
    """
    if not all(np.all(np.isfinite(t)) for t in theta_T):
        raise ExplodingMetaGradient(
            f"Reptile's inner SGD diverged at meta-step {step}: theta_T is not finite after "
            f"T = {inner_steps} steps of inner_lr = {inner_lr:g}. Expected a stable inner "
            f"loop; try a smaller inner_lr or fewer inner steps (section 1.3.7).")


def reptile_direction(params, theta_T):
    """Mean over tasks of theta_T - theta0: Reptile's stand-in for -dL_test/dtheta0."""
    theta0 = [np.asarray(ad.stop_gradient(p)) for p in params]
    return [np.mean(t - p, axis=0) for p, t in zip(theta0, theta_T)]


def reptile_update(params, theta_T, outer_lr):
    """theta0 + outer_lr * mean over tasks of (theta_T - theta0)  (eq. 22.5)."""
    theta0 = [np.asarray(ad.stop_gradient(p)) for p in params]
    return [p + outer_lr * d for p, d in zip(theta0, reptile_direction(theta0, theta_T))]


def reptile_step(params, batch, model, *, inner_lr, inner_steps, outer_lr, loss=mse):
    """One batched Reptile update of theta0 = ``params`` on a batch of tasks.

    Each task runs ``inner_steps`` (T) full-batch SGD steps with ``inner_lr``
    on its support set; the result is theta0 + outer_lr * mean(theta_T - theta0).
    With one task and ``outer_lr = 1`` this is exactly that task's theta_T.
    """
    _check_inner(inner_lr, inner_steps)
    theta_T = fine_tune_tasks(params, batch, model, inner_lr=inner_lr,
                              inner_steps=inner_steps, loss=loss)
    return reptile_update(params, theta_T, outer_lr)


def reptile_serial_step(params, batch, model, *, inner_lr, inner_steps, outer_lr, loss=mse):
    """Serial Reptile (Nichol et al., Algorithm 1) over the tasks of ``batch`` in order.

    Task i is fine-tuned from the theta0 left by task i - 1, and each task
    moves theta0 by ``outer_lr * (theta_T - theta0)``.
    """
    _check_inner(inner_lr, inner_steps)
    theta0 = [np.asarray(ad.stop_gradient(p)) for p in params]
    for i in range(batch.x_support.shape[0]):
        one = TaskBatch(*(a[i:i + 1] for a in batch))
        theta0 = reptile_step(theta0, one, model, inner_lr=inner_lr,
                              inner_steps=inner_steps, outer_lr=outer_lr, loss=loss)
    return theta0


class Reptile:
    """Meta-training by Reptile (eq. 22.5), serial or batched (Nichol et al. 2018).

    Defaults, for Finn et al.'s sinusoids (amplitude up to 5, 10 support points):

    * ``inner_steps`` T = 32 full-batch SGD steps of ``inner_lr`` = 0.01.
      T = 32 is far beyond the K of 1-5 that second-order MAML can afford
      (section 1.3.7), which is the point of Figure 22.6; Nichol et al. fine-tune
      for a few tens of steps too. Their sine demonstration uses SGD at 0.02,
      but with our full-batch steps on 10 points we measured (2000 meta-steps,
      seed 0) that the inner SGD itself diverges after ~1400-1700 meta-steps at
      0.015 and 0.02: Reptile's theta0 drifts to where the support loss is
      sharper. At 0.01 it stayed stable and reached a query MSE of about 0.47
      after 10 test-time steps (0.02 with outer_lr 0.5: 0.42, but closer to
      the edge). It is also MAML's inner_lr, so test-time curves compare.
    * ``meta_batch`` = 25 tasks, as for MAML, so both see the same tasks per step.
    * ``outer_lr``: 1.0 in the batched form, i.e. theta0 moves to the mean of
      the tasks' theta_T. Averaging 25 displacements already damps the noise
      of any one task, and Nichol et al. use an outer step of 1 with their
      batched version. In the serial form a step of 1 would just jump to the
      last task's theta_T, so the serial default is 0.1 (their sine demo).
    * ``n_steps``: the total number of meta-steps. If given, the outer step is
      annealed linearly, ``eps_t = outer_lr * (1 - t / n_steps)`` at step
      index t (Nichol et al.); if ``None``, it stays constant.

    At test time a task is fine-tuned by plain SGD with ``inner_lr``
    (:func:`scratchmeta.meta.common.curve_by_sgd`). The reported meta-loss of a
    step is the mean query loss at the tasks' theta_T: how well T inner steps
    from the current theta0 do, a progress number that costs one forward pass.
    The protocol is described in ``scratchmeta.meta.common``.
    """

    def __init__(self, model, family, *, inner_lr=0.01, inner_steps=32, outer_lr=None,
                 meta_batch=25, n_support=10, n_query=10, batched=True, n_steps=None):
        _check_inner(inner_lr, inner_steps)
        outer_lr = (1.0 if batched else 0.1) if outer_lr is None else outer_lr
        if not outer_lr > 0:
            raise ValueError(f"outer_lr must be positive, got {outer_lr!r}")
        if not (isinstance(n_query, (int, np.integer)) and n_query >= 1):
            raise ValueError(f"n_query must be a positive integer (the query loss at theta_T is "
                             f"the reported meta-loss), got {n_query!r}")
        if n_steps is not None and not (isinstance(n_steps, (int, np.integer)) and n_steps > 0):
            raise ValueError(f"n_steps (the total number of meta-steps, for the linear "
                             f"annealing of the outer step) must be a positive integer or "
                             f"None, got {n_steps!r}")
        self.model, self.family = model, family
        self.inner_lr, self.inner_steps, self.outer_lr = inner_lr, inner_steps, outer_lr
        self.meta_batch, self.n_support, self.n_query = meta_batch, n_support, n_query
        self.batched, self.n_steps = batched, n_steps
        self.name = "Reptile" if batched else "Reptile (serial)"

    def outer_step_size(self, step_index):
        """eps_t = outer_lr * (1 - t / n_steps), or outer_lr if there is no schedule."""
        if self.n_steps is None:
            return self.outer_lr
        if not 0 <= step_index < self.n_steps:
            raise ValueError(f"step_index {step_index} is outside the annealing schedule "
                             f"0 <= t < n_steps = {self.n_steps}: the outer step "
                             f"outer_lr * (1 - t / n_steps) would not be positive. Pass the "
                             f"total number of meta-steps as n_steps.")
        return self.outer_lr * (1.0 - step_index / self.n_steps)

    def init_state(self, rng):
        return pack("params", self.model.init(rng))

    def step(self, state, rng, step_index):
        eps = self.outer_step_size(step_index)
        batch = self.family.sample(rng, self.meta_batch, self.n_support, self.n_query)
        theta0 = unpack("params", state)
        kw = dict(inner_lr=self.inner_lr, inner_steps=self.inner_steps, loss=self.family.loss)
        if self.batched:
            tasks = [batch]                                # all tasks side by side
        else:
            tasks = [TaskBatch(*(a[i:i + 1] for a in batch)) for i in range(self.meta_batch)]
        losses = []
        for one in tasks:
            theta_T = fine_tune_tasks(theta0, one, self.model, **kw)
            check_inner_sgd(theta_T, step=step_index, inner_steps=self.inner_steps,
                            inner_lr=self.inner_lr)
            direction = reptile_direction(theta0, theta_T)
            # The displacement plays the meta-gradient's part: guard it the same way.
            check_meta_gradient(direction, step=step_index, inner_steps=self.inner_steps,
                                inner_lr=self.inner_lr)
            losses.append(self.family.loss(self.model.apply(theta_T, one.x_query),
                                           one.y_query))
            theta0 = [p + eps * d for p, d in zip(theta0, direction)]      # eq. 22.5
        loss = float(np.mean(np.concatenate([np.atleast_1d(ad._raw(l)) for l in losses])))
        check_finite_loss(loss, step=step_index, inner_steps=self.inner_steps,
                          inner_lr=self.inner_lr)
        return pack("params", theta0), loss

    def adaptation_curve(self, state, batch, n_steps):
        return curve_by_sgd(unpack("params", state), batch, self.model, lr=self.inner_lr,
                            n_steps=n_steps, loss=self.family.loss, metric=self.family.metric)

    def predict(self, state, batch, n_steps):
        return predict_by_sgd(unpack("params", state), batch, self.model, lr=self.inner_lr,
                              n_steps=n_steps, loss=self.family.loss)
