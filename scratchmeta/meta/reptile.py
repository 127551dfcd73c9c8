"""Reptile: step theta0 toward where fine-tuning went, not along a meta-gradient.

Lecture 22, section 1.4.2 (eq. 22.5, Figure 22.6); Nichol, Achiam and
Schulman (2018), "On First-Order Meta-Learning Algorithms", Algorithms 1-2.

MAML (eq. 22.3) differentiates the query loss through the K unrolled inner
steps, and section 1.3.7 warns that this gradient explodes as K grows. Running
the inner loop forward is harmless; only the backward pass through it is
dangerous. Reptile therefore never differentiates through the loop. For each
task it fine-tunes theta0 for T steps of SGD on the task's support set
(eq. 22.4, the test-time SGD of ``scratchmeta.meta.adapt``) and uses the
displacement ``theta_T - theta0``, "where did we move to", in place of
``-dL_test/dtheta0``, "where do we want to move":

    theta0  <-  theta0 + meta_lr * mean over tasks of (theta_T - theta0)     (eq. 22.5)

(The lecture writes the step size as eta_inner and the sign as minus; we call
it ``meta_lr``, the outer step, and write the direction so that a positive step
moves theta0 *toward* theta_T, as Nichol et al. do.) Because nothing is
differentiated through the loop, the memory of a step does not grow with T,
and T can be much larger than the K that MAML can afford: the dotted path of
Figure 22.6.

Two forms, as in Nichol et al.:

* **serial** (their Algorithm 1): one task at a time,
  ``theta0 <- theta0 + eps (theta_T - theta0)``, then the next task starts from
  the updated theta0;
* **batched** (their Algorithm 2): all tasks of a meta-batch fine-tuned side by
  side from the same theta0 (section 1.3.2), then one step along the mean
  displacement.

With one task per batch the two forms are the same update. Nichol et al.
anneal the outer step linearly to zero over training,
``eps_t = meta_lr * (1 - t / n_steps)``; :class:`Reptile` does the same when
told the total number of steps. The reported meta-loss of a step is the mean
query loss at the tasks' theta_T, a progress number that costs one forward pass.
"""

from dataclasses import dataclass, replace

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta import adapt
from scratchmeta.meta.checks import (check_adaptation_args, check_count, check_fields,
                                     check_meta_loss, check_rate, check_sample_batch,
                                     check_schedule_step, check_task_copies, check_update_args)
from scratchmeta.meta.guard import check_update, inner_advice
from scratchmeta.meta.protocol import configure, draw_tasks
from scratchmeta.tasks import TaskBatch, mse


def fine_tune_tasks(params, batch, model, *, inner_lr, inner_steps, loss=mse):
    """theta_T of every task: T test-time SGD steps (eq. 22.4) on its support set.

    Plain arrays of shape (tasks,) + the parameter's shape; nothing is
    recorded through the loop, so memory stays flat however large T is. A
    diverging inner loop raises FloatingPointError.
    """
    n_tasks = check_meta_loss(params, model, inner_lr, inner_steps, loss, batch)
    path = adapt.from_theta0(params, batch, model, inner_lr=inner_lr, loss=loss)
    return [np.reshape(t, (n_tasks,) + ad.shape(p))            # biases: (tasks, 1, w) -> (tasks, w)
            for t, p in zip(adapt.after(path, inner_steps), params)]


def reptile_direction(params, theta_T):
    """Mean over tasks of theta_T - theta0: Reptile's stand-in for -dL_test/dtheta0."""
    check_task_copies("theta_T", theta_T, "params", params)
    theta0 = [np.asarray(ad.stop_gradient(p)) for p in params]
    return [np.mean(t - p, axis=0) for p, t in zip(theta0, theta_T)]


def reptile_step(params, batch, model, *, inner_lr, inner_steps, meta_lr, loss=mse):
    """One batched Reptile update of theta0 = ``params``: eq. 22.5 on a batch of tasks.

    With one task and ``meta_lr = 1`` this is exactly that task's theta_T.
    """
    check_rate("meta_lr", meta_lr, step=True)
    theta_T = fine_tune_tasks(params, batch, model, inner_lr=inner_lr,
                              inner_steps=inner_steps, loss=loss)
    return [np.asarray(ad.stop_gradient(p)) + meta_lr * d
            for p, d in zip(params, reptile_direction(params, theta_T))]      # eq. 22.5


@dataclass
class ReptileConfig:
    """Defaults for Finn et al.'s sinusoids; the measurements behind them are in the README."""

    inner_lr: float = 0.01        # eta_inner of eq. 22.4, in training and at test time
    inner_steps: int = 32         # T, far beyond the K that second-order MAML can afford
    meta_lr: float = None         # outer step of eq. 22.5; None: 1.0 batched, 0.1 serial
    meta_batch: int = 25
    n_support: int = 10
    n_query: int = 10             # the query loss at theta_T is the reported meta-loss
    batched: bool = True          # Algorithm 2 (True) or Algorithm 1 (False)
    n_steps: int = None           # the run's length, for linear annealing; None: constant

    def check(self):
        # inner_lr or T = 0: theta_T = theta0, nothing is learned
        check_fields(self, rates=("inner_lr",), counts=("inner_steps", "meta_batch", "n_support",
                                                        "n_query"))
        if self.meta_lr is not None:
            check_rate("meta_lr", self.meta_lr, step=True)
        if self.n_steps is not None:
            check_count("n_steps (the total number of meta-steps, for the linear annealing "
                        "of the outer step)", self.n_steps, 1)


class Reptile:
    """Meta-training by Reptile (eq. 22.5), serial or batched (Nichol et al. 2018)."""

    Config = ReptileConfig

    def __init__(self, model, family, config=None, **hyper):
        self.config = configure(type(self), config, hyper, model=model, family=family)
        self.model, self.family = model, family
        if self.config.meta_lr is None:           # resolved, so a checkpoint records it
            self.config = replace(self.config, meta_lr=1.0 if self.config.batched else 0.1)
        self.meta_lr = self.config.meta_lr
        self.name = "Reptile" if self.config.batched else "Reptile (serial)"

    def outer_step_size(self, step):
        """eps_t = meta_lr * (1 - t / n_steps), or meta_lr if there is no schedule."""
        n_steps = self.config.n_steps
        check_schedule_step(step, n_steps)
        if n_steps is None:
            return self.meta_lr
        return self.meta_lr * (1.0 - step / n_steps)

    def init_state(self, rng):
        return {"params": self.model.init(rng)}

    def sample_batch(self, rng, state):
        check_sample_batch(rng, state, ("params",))
        return draw_tasks(self, rng)

    def update(self, state, batch, rng, step):
        check_update_args(state, step, ("params",), batch, self, rng, params=list)
        c = self.config
        eps = self.outer_step_size(step)
        theta0 = state["params"]
        if c.batched:
            tasks = [batch]                                # all tasks side by side
        else:
            tasks = [TaskBatch(*(a[i:i + 1] for a in batch)) for i in range(c.meta_batch)]
        losses = []
        advice = inner_advice(c.inner_steps, c.inner_lr)
        for one in tasks:
            try:
                theta_T = fine_tune_tasks(theta0, one, self.model, inner_lr=c.inner_lr,
                                          inner_steps=c.inner_steps, loss=self.family.loss)
            except FloatingPointError:
                check_update(np.inf, [], step=step, advice=f"Reptile's inner SGD diverged, "
                                                           f"{advice}")
            loss = self.family.loss(self.model.apply(theta_T, one.x_query), one.y_query)
            losses.append(np.atleast_1d(ad.stop_gradient(loss)))
            direction = reptile_direction(theta0, theta_T)
            # The displacement plays the meta-gradient's part: one guard for both.
            check_update(np.mean(losses[-1]), direction, step=step, advice=advice)
            theta0 = [p + eps * d for p, d in zip(theta0, direction)]      # eq. 22.5
        return {"params": theta0}, float(np.mean(np.concatenate(losses)))

    def adaptation(self, state, batch):
        check_adaptation_args(self, state, batch, params=list)
        return adapt.from_theta0(state["params"], batch, self.model,
                                 inner_lr=self.config.inner_lr, loss=self.family.loss)
