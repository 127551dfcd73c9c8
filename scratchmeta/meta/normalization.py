"""Normalising the unrolled inner loop, and what it does to test-time fine-tuning.

Lecture 22, sections 1.3.6-1.3.7 (eq. 22.4) and section 3, wish 1. The
meta-gradient runs back through K inner steps, and gradients that run back
through many steps can explode. Outside meta-learning we would normalise. The
lecture's answer to why MAML cannot is that the inner loop "would no longer
reflect what would happen at test time": at test time a task is fine-tuned by
plain SGD, and MAML learns theta0 *for the procedure it unrolls*.

This module holds the experiment's algorithm; ``scratchmeta.figures.normalization``
draws it. Two inner steps are compared:

* *plain*: the inner step of eq. 22.4, ``theta <- theta - inner_lr * g``;
* *normalised*: ``theta <- theta - step_length * g / ||g||``, the gradient of
  each task divided by its norm (over all of that task's parameters). The
  step always has length ``step_length``, whatever the gradient's size. It is
  written with engine ops, so the meta-gradient runs through the division by
  ``||g||`` too.

:func:`meta_train` meta-trains theta0 with either; :func:`adaptation_curves`
fine-tunes a theta0 on held-out tasks with either step; :func:`sharpness`
measures the largest Hessian eigenvalue of each task's support loss, which
decides whether a plain step of inner_lr overshoots (``lambda_max > 2 /
inner_lr``).
"""

import itertools

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.gradcheck import hvp
from scratchmeta.meta import adapt, maml
from scratchmeta.meta.checks import check_update, inner_advice
from scratchmeta.nn import per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import mse

INNER_LR = 0.01          # eta_inner of eq. 22.4, in plain meta-training and at test time
STEP_LENGTH = 0.15       # length of every normalised inner step (about a plain step's length)
INNER_STEPS = 1          # K during meta-training
N_SUPPORT, N_QUERY = 10, 10
POWER_ITERATIONS = 20    # for the largest Hessian eigenvalue
DIVERGED = 1e6           # a query MSE above this (or not finite) counts as diverged


# --- the normalised inner loop, in engine ops ---------------------------------------

def task_norms(grads, n_tasks):
    """||g_i|| of every task i: the norm over all of that task's parameter gradients."""
    total = 0.0
    for g in grads:
        total = total + ad.sum(ad.reshape(g * g, (n_tasks, -1)), axis=1)
    return ad.sqrt(total + 1e-24)       # + tiny: keep d||g||/dg finite at g = 0


def normalised_inner_sgd(task_params, x, y, model, *, step_length, inner_steps, loss=mse):
    """K steps of ``theta <- theta - step_length * g / ||g||`` for every task at once.

    Like :func:`scratchmeta.meta.maml.inner_sgd`, but each task's gradient is
    divided by its own norm. Everything is engine ops, so the result stays
    differentiable with respect to theta0, through the normalisation.
    """
    n_tasks = ad.shape(x)[0]

    def support_loss(p):
        return ad.sum(loss(model.apply(p, x), y))

    theta = list(task_params)
    for _ in range(inner_steps):
        g = ad.grad(support_loss)(theta)
        norm = ad.reshape(task_norms(g, n_tasks), (n_tasks, 1, 1))    # broadcasts to W and b
        theta = [p - step_length * gp / norm for p, gp in zip(theta, g)]
    return theta


def normalised_meta_loss(params, batch, model, *, step_length, inner_steps, loss=mse):
    """MAML's meta-loss with the normalised inner loop: mean query loss after K steps."""
    n_tasks = ad.shape(batch.x_support)[0]
    theta_k = normalised_inner_sgd(per_task(params, n_tasks), batch.x_support,
                                   batch.y_support, model, step_length=step_length,
                                   inner_steps=inner_steps, loss=loss)
    return ad.mean(loss(model.apply(theta_k, batch.x_query), batch.y_query))


# --- test time: fine-tuning curves and curvature ------------------------------------

def adaptation_curves(params, batch, model, *, n_steps, normalised):
    """Query MSE of each task after 0..n_steps test-time steps: (tasks, n_steps + 1).

    ``normalised=False`` is plain SGD at INNER_LR (what test time does);
    ``normalised=True`` the normalised step of length STEP_LENGTH. Tasks whose
    loss blows up are not hidden: their entries become ``inf``.
    """
    n_tasks = batch.x_support.shape[0]
    theta0 = [np.array(p) for p in per_task(params, n_tasks)]
    if normalised:
        path = _normalised_path(theta0, batch, model)
    else:                                                # test-time SGD (scratchmeta.meta.adapt)
        path = adapt.sgd_path(theta0, batch, model, inner_lr=INNER_LR, loss=mse,
                              stop_on_divergence=False)
    with np.errstate(over="ignore", invalid="ignore"):   # divergence is measured, below
        curves = np.stack([np.asarray(mse(model.apply(theta, batch.x_query), batch.y_query))
                           for theta in itertools.islice(path, n_steps + 1)], axis=1)
    return np.where(np.isfinite(curves) & (curves < DIVERGED), curves, np.inf)


def _normalised_path(theta, batch, model):
    """theta_0, theta_1, ... of the normalised step of length STEP_LENGTH."""
    while True:
        yield theta
        theta = normalised_inner_sgd(theta, batch.x_support, batch.y_support, model,
                                     step_length=STEP_LENGTH, inner_steps=1)


def sharpness(params, batch, model, *, iterations=POWER_ITERATIONS, seed=0):
    """Largest Hessian eigenvalue of each task's support loss at theta0: (tasks,).

    Power iteration on Hessian-vector products (:func:`scratchmeta.gradcheck.hvp`). With
    theta0 copied once per task, the Hessian of the summed loss is block
    diagonal, so one HVP serves every task. Plain SGD at rate ``lr`` is stable
    on a quadratic only where this is below ``2 / lr``.
    """
    n_tasks = batch.x_support.shape[0]
    theta = [np.array(p) for p in per_task(params, n_tasks)]

    def support_loss(p):
        return ad.sum(mse(model.apply(p, batch.x_support), batch.y_support))

    rng = np.random.default_rng(seed)
    v = [rng.standard_normal(t.shape) for t in theta]
    eig = np.zeros(n_tasks)
    for _ in range(iterations):
        norm = np.asarray(task_norms(v, n_tasks))
        v = [a / norm.reshape((n_tasks,) + (1,) * (a.ndim - 1)) for a in v]
        hv = hvp(support_loss, theta, v)
        eig = sum(np.sum((a * b).reshape(n_tasks, -1), axis=1) for a, b in zip(v, hv))
        v = hv
    return eig


# --- meta-training --------------------------------------------------------------------

def meta_train(model, family, init, *, normalised, rng, eval_batch, cfg):
    """Meta-train from ``init``; return theta0 and a history measured every eval_every steps.

    The history holds, at each checkpoint, the median over eval_batch's tasks
    of the query MSE after one plain SGD step, and of the sharpness.
    """
    params, adam = init, adam_init(init)
    history = {"step": [], "plain_step_query_mse": [], "sharpness_median": [],
               "sharpness_q25": [], "sharpness_q75": []}

    def record(step):
        curve = adaptation_curves(params, eval_batch, model, n_steps=1, normalised=False)
        lam = sharpness(params, eval_batch, model)
        history["step"].append(step)
        history["plain_step_query_mse"].append(float(np.median(curve[:, 1])))
        history["sharpness_median"].append(float(np.median(lam)))
        history["sharpness_q25"].append(float(np.quantile(lam, 0.25)))
        history["sharpness_q75"].append(float(np.quantile(lam, 0.75)))

    record(0)
    for step in range(1, cfg["meta_steps"] + 1):
        batch = family.sample(rng, cfg["meta_batch"], N_SUPPORT, N_QUERY)
        if normalised:
            loss, grads = ad.value_and_grad(normalised_meta_loss)(
                params, batch, model, step_length=STEP_LENGTH, inner_steps=INNER_STEPS)
        else:
            loss, grads = maml.meta_grad(params, batch, model, inner_lr=INNER_LR,
                                      inner_steps=INNER_STEPS)
        check_update(loss, grads, step=step, advice=inner_advice(
            INNER_STEPS, STEP_LENGTH if normalised else INNER_LR))
        params, adam = adam_update(params, grads, adam, cfg["meta_lr"])  # eq. 22.3, with Adam
        if step % cfg["eval_every"] == 0:
            record(step)
    return params, {k: np.array(v) for k, v in history.items()}


def support_grad_norms(params, batch, model):
    """||g_i|| of each task's support-loss gradient at theta0 (a plain step is inner_lr * it)."""
    n_tasks = batch.x_support.shape[0]
    theta = [np.array(p) for p in per_task(params, n_tasks)]
    g = ad.grad(lambda p: ad.sum(mse(model.apply(p, batch.x_support), batch.y_support)))(theta)
    return np.asarray(task_norms(g, n_tasks))
