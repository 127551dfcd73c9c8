"""Test-time adaptation, written once: SGD on each task's support set, theta_0, theta_1, ...

Lecture 22, section 1.1 (the goal: a model that fine-tunes well on a new task
from a little of its data), eq. 22.4 at test time, and section 1.4.4 (train a
new task's head first, then fine-tune). Every strategy of Chapter 2 ends the
same way: on a held-out task it starts from its own theta_0 for that task and
takes full-batch SGD steps on the task's support set,

    theta_{t+1} = theta_t - inner_lr * grad L_support(theta_t)            (eq. 22.4)

What differs between strategies is only where the steps start (MAML's
theta0, a ridge head on a frozen body, ...), their size and which parameters
may move. So a strategy's ``adaptation(state, batch)`` hands back the generator
of :func:`sgd_path`, and :func:`curve` and :func:`predict` read the query set
along it. Nothing here is differentiated: the differentiable inner loop, the
one MAML meta-trains through, is :func:`scratchmeta.meta.maml.inner_sgd`.
"""

import itertools

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.checks import check_adaptation, check_sgd_path, check_steps, check_theta0
from scratchmeta.nn import per_task


def sgd_path(theta, batch, model, *, inner_lr, loss, trainable=None, stop_on_divergence=True):
    """Yield every task's parameters theta_0, theta_1, ... of test-time SGD (eq. 22.4).

    ``theta`` holds one copy of the parameters per task (a leading task axis,
    e.g. :func:`scratchmeta.nn.per_task` of theta0, or a ridge head fitted to
    each task); a parameter that does not move may be one array shared by all
    tasks (a frozen body). ``trainable`` lists the indices of the parameters that move
    (all by default; ANIL and head-first fine-tuning pass the head's); only
    their gradient is computed. ``inner_lr`` is a finite number >= 0: 0 is allowed and
    leaves theta where it is (the un-adapted score, a point of the test-time step-size
    search). The generator is endless: take what you need.
    Raises FloatingPointError when SGD diverges (a parameter is not finite),
    unless ``stop_on_divergence=False`` (an experiment that measures divergence).
    """
    check_sgd_path(theta, batch, model, inner_lr, loss, trainable, stop_on_divergence)
    theta = [np.array(ad.stop_gradient(p)) for p in theta]                  # writable copies
    moving = list(range(len(theta))) if trainable is None else sorted(trainable)

    def support_loss(free, fixed):
        params = list(fixed)
        for i, p in zip(moving, free):
            params[i] = p
        return ad.sum(loss(model.apply(params, batch.x_support), batch.y_support))

    support_grad = ad.grad(support_loss)

    def path(theta):                       # the generator; the checks above ran eagerly
        yield theta
        for step in itertools.count(1):
            g = support_grad([theta[i] for i in moving], theta)
            theta = list(theta)
            for i, gi in zip(moving, g):
                theta[i] = theta[i] - inner_lr * gi                            # eq. 22.4
            if stop_on_divergence and not all(np.all(np.isfinite(theta[i])) for i in moving):
                raise FloatingPointError(
                    f"test-time fine-tuning diverged: the parameters are not finite after "
                    f"{step} SGD steps of inner_lr {inner_lr:g}; expected a stable test-time "
                    f"step size, try a smaller inner_lr.")
            yield theta
    return path(theta)


def from_theta0(params, batch, model, *, inner_lr, loss, trainable=None):
    """:func:`sgd_path` of every task of ``batch`` from one shared theta0 = ``params``
    (``inner_lr`` >= 0, as there)."""
    n_tasks = check_theta0(params, batch, model)          # test time: nothing is traced
    return sgd_path(per_task([ad.stop_gradient(p) for p in params], n_tasks), batch, model,
                    inner_lr=inner_lr, loss=loss, trainable=trainable)


def steps(path, n_steps):
    """theta_0 .. theta_{n_steps} of a path, as a list."""
    check_steps(path, n_steps)
    return list(itertools.islice(path, n_steps + 1))


def after(path, n_steps):
    """theta_{n_steps} of a path, keeping no earlier step in memory (Reptile's T can be large)."""
    check_steps(path, n_steps)
    return next(itertools.islice(path, n_steps, None))     # steps before it are dropped


def curve(strategy, state, batch, n_steps, family=None):
    """(tasks, n_steps + 1): each task's query metric after 0..n_steps steps (by ``family``)."""
    check_adaptation(strategy, batch, n_steps, family)
    path = strategy.adaptation(state, batch)
    model, family = strategy.model, strategy.family if family is None else family
    return np.stack([family.metric(model.apply(theta, batch.x_query), batch.y_query)
                     for theta in steps(path, n_steps)], axis=1)


def predict(strategy, state, batch, n_steps):
    """(tasks, n_query, outputs): the query predictions after ``n_steps`` steps."""
    check_adaptation(strategy, batch, n_steps)
    theta = after(strategy.adaptation(state, batch), n_steps)
    return np.asarray(ad.stop_gradient(strategy.model.apply(theta, batch.x_query)))
