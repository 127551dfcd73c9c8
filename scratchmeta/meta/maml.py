"""Second-order MAML: differentiate the query loss through K steps of inner SGD.

Lecture 22, section 1.2.2 (eq. 22.1-22.3) and 1.3.6 (eq. 22.4, Figure 22.5);
Finn, Abbeel and Levine (2017), Algorithm 2.

For each task i of a batch, starting from the shared initialisation theta0:

1. fine-tune on the task's support set (eq. 22.1) with K steps of SGD,
   ``theta_{t+1} = theta_t - inner_lr * grad L_support(theta_t)`` (eq. 22.4);
2. score the fine-tuned ``theta_K`` on the task's query set (eq. 22.2).

The meta-loss is the mean over tasks of those query losses. Its gradient with
respect to theta0 runs back through every inner step, and each inner step
holds a gradient, so it is a gradient of gradients: our engine records the
inner backward passes on the outer tape (the unrolled graph of Figure 22.5).
The outer update (eq. 22.3) is then any optimizer step on that meta-gradient.

All tasks of a batch are fine-tuned at once (section 1.3.2): theta0 is
broadcast to one copy per task, and one backward pass over the sum of the
tasks' support losses yields every task's own inner gradient.

``first_order=True`` gives FOMAML: the inner gradients are treated as
constants, so the meta-gradient is the query gradient at theta_K, and no
second-order path is recorded.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.common import (adam_step, check_finite_loss, check_meta_gradient,
                                     curve_by_sgd, pack, predict_by_sgd, unpack)
from scratchmeta.nn import per_task
from scratchmeta.tasks import mse


def _check_inner(inner_lr, inner_steps):
    if not (isinstance(inner_steps, int) and inner_steps >= 0):
        raise ValueError(f"inner_steps (K) must be a non-negative integer, got {inner_steps!r}")
    if not inner_lr >= 0:
        raise ValueError(f"inner_lr must be non-negative, got {inner_lr!r}")


def inner_sgd(task_params, x, y, model, *, inner_lr, inner_steps, loss=mse,
              first_order=False):
    """K full-batch SGD steps (eq. 22.4) on every task's support set at once.

    ``task_params`` carry a leading task axis; ``x``, ``y`` are (tasks, points, .).
    Returns the list of fine-tuned parameters theta_K, still differentiable
    with respect to whatever ``task_params`` depend on.
    """
    def support_loss(p):
        # The sum over tasks: each task's copy of theta gets its own gradient.
        return ad.sum(loss(model.apply(p, x), y))

    if first_order:
        # FOMAML: the inner gradients are constants to the outer trace, so
        # theta_K = theta_0 + (a constant). Run the loop on plain arrays and add
        # the total displacement once: memory does not grow with K.
        start = [ad.stop_gradient(p) for p in task_params]
        theta = start
        for _ in range(inner_steps):
            g = ad.grad(support_loss)(theta)
            theta = [p - inner_lr * gp for p, gp in zip(theta, g)]         # eq. 22.4
        return [p + (t - s) for p, t, s in zip(task_params, theta, start)]
    theta = list(task_params)
    for _ in range(inner_steps):
        g = ad.grad(support_loss)(theta)
        theta = [p - inner_lr * gp for p, gp in zip(theta, g)]             # eq. 22.4
    return theta


def meta_loss(params, batch, model, *, inner_lr, inner_steps, first_order=False, loss=mse):
    """Mean over tasks of the query loss after K inner steps from theta0 = ``params``."""
    _check_inner(inner_lr, inner_steps)
    n_tasks = ad._shape(batch.x_support)[0]
    theta_k = inner_sgd(per_task(params, n_tasks), batch.x_support, batch.y_support, model,
                        inner_lr=inner_lr, inner_steps=inner_steps, loss=loss,
                        first_order=first_order)
    return ad.mean(loss(model.apply(theta_k, batch.x_query), batch.y_query))   # L_test


def meta_grad(params, batch, model, *, inner_lr, inner_steps, first_order=False, loss=mse):
    """(meta-loss, dL_test/dtheta0): the quantity eq. 22.3 steps along."""
    return ad.value_and_grad(meta_loss)(params, batch, model, inner_lr=inner_lr,
                                        inner_steps=inner_steps, first_order=first_order,
                                        loss=loss)


def adapt(params, x, y, model, *, inner_lr, inner_steps, loss=mse):
    """Fine-tune theta0 on new support data at test time: K steps of eq. 22.4.

    ``x``, ``y`` of shape (points, features) adapt one task and return plain
    parameters; of shape (tasks, points, features), they adapt each task and
    return parameters with a leading task axis.
    """
    _check_inner(inner_lr, inner_steps)
    params = [ad.stop_gradient(p) for p in params]
    if len(ad._shape(x)) == 2:
        batched = [p[None] for p in params]
        theta = inner_sgd(batched, x[None], y[None], model, inner_lr=inner_lr,
                          inner_steps=inner_steps, loss=loss, first_order=True)
        return [p[0] for p in theta]
    n_tasks = ad._shape(x)[0]
    theta = inner_sgd(per_task(params, n_tasks), x, y, model, inner_lr=inner_lr,
                      inner_steps=inner_steps, loss=loss, first_order=True)
    # Biases come back as (tasks, width), the documented task-axis form.
    return [np.reshape(ad.stop_gradient(t), (n_tasks,) + np.shape(p))
            for t, p in zip(theta, params)]


class MAML:
    """Meta-training by eq. 22.3 on MAML's meta-gradient, with Adam (Finn et al. 2017).

    Hyperparameters default to Finn et al.'s sinusoid setting: meta-batch 25,
    10 support and 10 query points, K = 1 inner step of lr 0.01, Adam 1e-3.
    At test time a task is fine-tuned by plain SGD with the same inner_lr.
    The protocol is described in ``scratchmeta.meta.common``. Variants (ANIL,
    the subset strategy) override :meth:`meta_grad` and :attr:`trainable`.
    """

    trainable = None        # indices of parameters fine-tuned at test time; None: all

    def __init__(self, model, family, *, inner_lr=0.01, inner_steps=1, meta_lr=1e-3,
                 meta_batch=25, n_support=10, n_query=10, first_order=False):
        _check_inner(inner_lr, inner_steps)
        self.model, self.family = model, family
        self.inner_lr, self.inner_steps, self.meta_lr = inner_lr, inner_steps, meta_lr
        self.meta_batch, self.n_support, self.n_query = meta_batch, n_support, n_query
        self.first_order = first_order
        self.name = "FOMAML" if first_order else "MAML"

    def meta_grad(self, params, batch, rng):
        """(meta-loss, meta-gradient) on one batch of tasks."""
        return meta_grad(params, batch, self.model, inner_lr=self.inner_lr,
                         inner_steps=self.inner_steps, first_order=self.first_order,
                         loss=self.family.loss)

    def init_state(self, rng):
        return pack("params", self.model.init(rng))

    def step(self, state, rng, step_index):
        batch = self.family.sample(rng, self.meta_batch, self.n_support, self.n_query)
        loss, grads = self.meta_grad(unpack("params", state), batch, rng)
        guard = dict(step=step_index, inner_steps=self.inner_steps, inner_lr=self.inner_lr)
        check_finite_loss(float(loss), **guard)
        check_meta_gradient(grads, **guard)                  # section 1.3.7: stop, don't NaN
        return adam_step(state, grads, self.meta_lr), float(loss)

    def adaptation_curve(self, state, batch, n_steps):
        return curve_by_sgd(unpack("params", state), batch, self.model, lr=self.inner_lr,
                            n_steps=n_steps, loss=self.family.loss, metric=self.family.metric,
                            trainable=self.trainable)

    def predict(self, state, batch, n_steps):
        return predict_by_sgd(unpack("params", state), batch, self.model, lr=self.inner_lr,
                              n_steps=n_steps, loss=self.family.loss, trainable=self.trainable)
