"""Batch normalisation inside the unrolled inner loop: the lecture's first wish.

Lecture 22, section 1.3.7 and section 3, wish 1. Gradients that run back
through many steps can explode, and outside meta-learning we would put
normalisation layers in the network. The lecture warns that in MAML a
normalisation inside the unrolled loop (eq. 22.4) must behave at test time
as it did in meta-training: otherwise the unrolled loop stops matching the
fine-tuning done later, and MAML learns theta0 *for the procedure it
unrolls*, and only for that one.

The experiment puts batch normalisation (``scratchmeta.batchnorm``, Ioffe
and Szegedy 2015) after every hidden layer, as Finn, Abbeel and Levine
(2017) did in their Omniglot network (``nn.MLP(..., batch_norm=True)``), and
compares three ways of using it on sinusoid tasks:

1. **transductive** (Finn et al.'s code): every forward pass normalises with
   the statistics of the points it is given, the task's support set while
   adapting and its query set when predicting, in meta-training and at test
   time alike. Test time runs exactly the procedure MAML unrolled.
2. **mismatch**: the same meta-trained theta0, but at test time every layer
   is normalised with fixed *running statistics*, the inference mode of
   ordinary batch norm. Here they are the population statistics of the
   meta-training tasks at theta0 (:func:`population_statistics`: the value an
   exponential running average of the support passes at theta0 settles to).
   Test-time SGD then differentiates a different function from the one
   meta-training differentiated through.
3. **none**: the plain ``MLP`` without normalisation, from the same
   initialisation, on the same task stream.

:func:`meta_train` meta-trains with MAML's own meta-gradient
(``meta.maml.meta_grad``, which steps only ``model.adapted_indices``: the
weights and the head's bias, not batch norm's offsets, as in Finn et al.'s
code); :func:`adaptation_curves` fine-tunes on held-out tasks with the test
time SGD of ``meta.adapt``; :class:`RunningStatistics` is the network with
fixed statistics. Two measurements say why the mismatch breaks:
:func:`sharpness`, the largest Hessian eigenvalue of each task's support
loss at theta0 (plain SGD at rate eta is stable on a quadratic only below
2 / eta), and :func:`first_step_change`, how far one test-time step moves
each layer's weights relative to their size.
"""

import itertools

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.gradcheck import hvp
from scratchmeta.meta import adapt, maml
from scratchmeta.meta.checks import (check_measurement, check_meta_train,
                                     check_running_statistics, check_statistics_inputs)
from scratchmeta.meta.guard import check_update, inner_advice
from scratchmeta.nn import ACTIVATIONS, per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import mse

INNER_LR = 0.01          # eta_inner of eq. 22.4, in meta-training and at test time
INNER_STEPS = 1          # K during meta-training (Finn et al.'s sinusoid setting)
N_SUPPORT, N_QUERY = 10, 10
EPS = 1e-3               # batch norm's eps, as in scratchmeta.batchnorm (TensorFlow's default)
DIVERGED = 1e6           # a query MSE above this (or not finite) counts as diverged
POWER_ITERATIONS = 20    # for the largest Hessian eigenvalue


# --- the network with fixed (running) statistics ---------------------------------------

def population_statistics(model, params, x):
    """Each hidden layer's (mean, variance) per feature at theta0 = ``params``, pooled.

    ``x`` is (tasks, points, inputs), the support sets of many meta-training
    tasks. The forward pass is the transductive one (each task normalised by
    its own statistics, as in meta-training); at each layer the
    pre-normalisation features' mean is taken over every point of every
    task, and the variance is the mean of the tasks' own (biased) variances,
    which is what a running average of batch statistics estimates.
    """
    check_statistics_inputs(model, params, x)
    act = ACTIVATIONS[model.activation]
    body = [np.asarray(p) for p in params[:-2]]
    h, stats = np.asarray(x, dtype=float), []
    for w, beta in zip(body[0::2], body[1::2]):
        z = h @ w                                                   # (tasks, points, features)
        task_mean = z.mean(axis=1, keepdims=True)
        task_var = ((z - task_mean) ** 2).mean(axis=1, keepdims=True)
        stats.append((z.mean(axis=(0, 1)), task_var.mean(axis=(0, 1))))
        h = np.asarray(act((z - task_mean) / np.sqrt(task_var + EPS) + beta))  # as in training
    return stats


class RunningStatistics:
    """``model`` with every batch norm using fixed statistics: ordinary inference mode.

    ``apply`` computes act((h W - mean) / sqrt(var + eps) + beta) at each
    hidden layer, with the (mean, var) of :func:`population_statistics`,
    whatever points it is given, so a point's output no longer depends on
    its batch-mates. The parameter layout and ``adapted_indices`` are the
    model's own, so test-time SGD (``meta.adapt``) runs on it unchanged.
    """

    def __init__(self, model, stats):
        self.model, self.stats = model, check_running_statistics(model, stats)
        self.adapted_indices = model.adapted_indices
        self._act = ACTIVATIONS[model.activation]

    def apply(self, params, x):
        body = params[:-2]
        h = x
        for w, beta, (mean, var) in zip(body[0::2], body[1::2], self.stats):
            h = self._act((ad.matmul(h, w) - mean) / np.sqrt(var + EPS) + _points_axis(beta))
        w, b = params[-2:]
        return ad.matmul(h, w) + _points_axis(b)


def _points_axis(b):
    """A per-task (tasks, width) offset becomes (tasks, 1, width), to broadcast over points."""
    shape = ad.shape(b)
    return ad.reshape(b, (shape[0], 1, shape[1])) if len(shape) == 2 else b


# --- meta-training and test time ----------------------------------------------------------

def meta_train(model, family, init, *, rng, cfg):
    """MAML (eq. 22.3, Adam) from ``init``; return theta0 and the meta-loss of every step.

    ``cfg`` holds meta_steps, meta_batch and meta_lr (``figures.normalization``'s)."""
    check_meta_train(model, family, init, rng, cfg)
    params, adam = init, adam_init(init)
    losses = []
    for step in range(1, cfg["meta_steps"] + 1):
        batch = family.sample(rng, cfg["meta_batch"], N_SUPPORT, N_QUERY)
        loss, grads = maml.meta_grad(params, batch, model, inner_lr=INNER_LR,
                                     inner_steps=INNER_STEPS)
        check_update(loss, grads, step=step, advice=inner_advice(INNER_STEPS, INNER_LR))
        params, adam = adam_update(params, grads, adam, cfg["meta_lr"])    # eq. 22.3
        losses.append(float(loss))
    return params, np.array(losses)


def adaptation_curves(params, batch, model, *, n_steps):
    """Query MSE of each task after 0..n_steps test-time SGD steps: (tasks, n_steps + 1).

    Plain SGD at INNER_LR on the parameters the model adapts
    (``model.adapted_indices``). Diverged tasks are not hidden: their entries
    become ``inf``.
    """
    path = _path(params, batch, model, n_steps)
    with np.errstate(over="ignore", invalid="ignore"):   # divergence is measured, below:
        curves = np.stack([np.mean((model.apply(theta, batch.x_query) - batch.y_query) ** 2,
                                   axis=(-2, -1))        # the query MSE, NaN allowed
                           for theta in itertools.islice(path, n_steps + 1)], axis=1)
    return np.where(np.isfinite(curves) & (curves < DIVERGED), curves, np.inf)


def _path(params, batch, model, n_steps=0):
    n_tasks = check_measurement(params, batch, model, n_steps=n_steps)
    return adapt.sgd_path(per_task(params, n_tasks), batch, model,
                          inner_lr=INNER_LR, loss=mse, stop_on_divergence=False,
                          trainable=getattr(model, "adapted_indices", None))


def first_step_change(params, batch, model):
    """||W_1 - W_0|| / ||W_0|| of every layer after one test-time step: (tasks, layers).

    Under batch statistics a hidden layer's output does not change when its
    W is scaled, so the gradient has no component along W; under fixed
    statistics it does. This ratio shows how far one step of INNER_LR moves
    each weight matrix, relative to its size.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        theta0, theta1 = itertools.islice(_path(params, batch, model), 2)
        n_tasks = batch.x_support.shape[0]
        out = []
        for i in range(0, len(theta0), 2):                     # the weight matrices W
            w0, w1 = (np.asarray(t[i]).reshape(n_tasks, -1) for t in (theta0, theta1))
            out.append(np.linalg.norm(w1 - w0, axis=1) / np.linalg.norm(w0, axis=1))
    return np.stack(out, axis=1)


def sharpness(params, batch, model, *, iterations=POWER_ITERATIONS, seed=0):
    """Largest (most positive) Hessian eigenvalue of each task's support loss at theta0.

    Over the parameters test-time SGD moves (``model.adapted_indices``).
    Power iteration on Hessian-vector products
    (:func:`scratchmeta.gradcheck.hvp`); with theta0 copied once per task the
    Hessian of the summed loss is block diagonal, so one HVP serves every
    task. Plain SGD at rate ``eta`` is stable on a quadratic only where this
    is below ``2 / eta``.
    """
    n_tasks = check_measurement(params, batch, model, iterations=iterations, seed=seed)
    theta = [np.array(p) for p in per_task(params, n_tasks)]
    moving = list(range(len(theta)))
    if getattr(model, "adapted_indices", None) is not None:
        moving = sorted(model.adapted_indices)

    def support_loss(free):
        full = list(theta)
        for i, p in zip(moving, free):
            full[i] = p
        return ad.sum(mse(model.apply(full, batch.x_support), batch.y_support))

    def per_task_dot(a, b):
        return sum(np.sum((x * y).reshape(n_tasks, -1), axis=1) for x, y in zip(a, b))

    def power_iteration(shift):
        """Rayleigh quotient of the dominant eigenvector of H - shift I, plus shift."""
        rng = np.random.default_rng(seed)
        v = [rng.standard_normal(theta[i].shape) for i in moving]
        eig = np.zeros(n_tasks)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(iterations):
                norm = np.sqrt(per_task_dot(v, v))
                v = [a / norm.reshape((n_tasks,) + (1,) * (a.ndim - 1)) for a in v]
                hv = hvp(support_loss, [theta[i] for i in moving], v)
                hv = [h - shift.reshape((n_tasks,) + (1,) * (a.ndim - 1)) * a
                      for h, a in zip(hv, v)]
                eig = per_task_dot(v, hv)                   # Rayleigh quotient, |v| = 1
                v = hv
        return eig + shift

    # Power iteration finds the eigenvalue of largest magnitude. Where that is
    # negative, H - lambda I has only eigenvalues >= 0, and its largest is
    # lambda_max - lambda: a second run finds it.
    dominant = power_iteration(np.zeros(n_tasks))
    if np.any(dominant < 0):
        shifted = power_iteration(np.minimum(dominant, 0.0))
        return np.where(dominant < 0, shifted, dominant)
    return dominant
