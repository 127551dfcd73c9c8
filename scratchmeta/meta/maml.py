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
The outer update (eq. 22.3) is an Adam step on that meta-gradient.

All tasks of a batch are fine-tuned at once (section 1.3.2): theta0 is
broadcast to one copy per task, and one backward pass over the sum of the
tasks' support losses yields every task's own inner gradient.

On wide inputs, such as Omniglot's 784 pixels with 5 support drawings per
task (Chapter 5), the per-task copies of the weight matrices would dominate:
32 tasks x 784 x 256 numbers for the first layer alone. There
:func:`meta_loss_low_rank` computes the same meta-loss, in another order: an
inner step changes a weight matrix by (the layer's support inputs)^T times a
matrix with one row per support point, so the change is kept in that factored
form and never added to a copy of W.

``first_order=True`` gives FOMAML: the inner gradients are treated as
constants, so the meta-gradient is the query gradient at theta_K, and no
second-order path is recorded. At test time a task is fine-tuned by the same
SGD, undifferentiated (``scratchmeta.meta.adapt``), with the same inner_lr.
"""

from dataclasses import dataclass

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta import adapt
from scratchmeta.meta.checks import check_count, check_inner, check_rate
from scratchmeta.meta.guard import check_update, inner_advice
from scratchmeta.meta.protocol import configure, draw_tasks
from scratchmeta.nn import per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import mse


def inner_sgd(task_params, x, y, apply, *, inner_lr, inner_steps, loss=mse, first_order=False,
              trainable=None):
    """K full-batch SGD steps (eq. 22.4) on every task's support set at once, differentiably.

    ``task_params`` carry a leading task axis; ``x``, ``y`` are (tasks, points, .);
    ``apply(params, x)`` is the network (``model.apply``, or ANIL's head on fixed
    features). ``trainable``: indices of the parameters that take the steps
    (None: all); the others keep their value, as batch norm's offsets do in
    Finn et al.'s network (``MLP.adapted_indices``). Returns theta_K, still
    differentiable with respect to whatever ``task_params`` (and ``x``) depend
    on: this is the loop MAML unrolls.
    """
    moving = None if trainable is None else sorted(trainable)

    def support_loss(p):
        # The sum over tasks: each task's copy of theta gets its own gradient.
        return ad.sum(loss(apply(p, x), y))

    if moving is not None:
        full_loss = support_loss

        def support_loss(free, fixed):
            params = list(fixed)
            for i, p in zip(moving, free):
                params[i] = p
            return full_loss(params)

    if first_order:
        # FOMAML: the inner gradients are constants to the outer trace, so
        # theta_K = theta_0 + (a constant). Run the loop on plain values and add
        # the total displacement once: memory does not grow with K.
        start = [ad.stop_gradient(p) for p in task_params]
        x = ad.stop_gradient(x)
        theta = _steps(support_loss, start, inner_lr, inner_steps, moving)
        return [p + (t - s) for p, t, s in zip(task_params, theta, start)]
    return _steps(support_loss, list(task_params), inner_lr, inner_steps, moving)


def _steps(support_loss, theta, inner_lr, inner_steps, moving):
    """The K steps of eq. 22.4, on every parameter or on the ``moving`` ones only."""
    for _ in range(inner_steps):
        if moving is None:
            g = ad.grad(support_loss)(theta)
            theta = [p - inner_lr * gp for p, gp in zip(theta, g)]         # eq. 22.4
        else:
            g = ad.grad(support_loss)([theta[i] for i in moving], theta)
            theta = list(theta)
            for i, gi in zip(moving, g):
                theta[i] = theta[i] - inner_lr * gi                        # eq. 22.4
    return theta


def meta_loss(params, batch, model, *, inner_lr, inner_steps, first_order=False, loss=mse):
    """Mean over tasks of the query loss after K inner steps from theta0 = ``params``.

    On wide inputs (fewer support points than input features, e.g. Omniglot's
    784 pixels and 5 drawings) the same quantity is computed by
    :func:`meta_loss_low_rank`, which never forms per-task weight matrices.
    """
    check_inner(inner_lr, inner_steps)
    if uses_low_rank(params, batch, model):
        return meta_loss_low_rank(params, batch, model, inner_lr=inner_lr,
                                  inner_steps=inner_steps, first_order=first_order, loss=loss)
    n_tasks = ad.shape(batch.x_support)[0]
    theta_k = inner_sgd(per_task(params, n_tasks), batch.x_support, batch.y_support,
                        model.apply, inner_lr=inner_lr, inner_steps=inner_steps, loss=loss,
                        first_order=first_order,
                        trainable=getattr(model, "adapted_indices", None))
    return ad.mean(loss(model.apply(theta_k, batch.x_query), batch.y_query))   # L_test


def uses_low_rank(params, batch, model):
    """True when :func:`meta_loss_low_rank` applies and saves work.

    The model must expose its layers' products (``forward_with``, as
    ``nn.MLP`` does), and each task must have fewer support points than the
    first layer has inputs (Omniglot: 5 drawings, 784 pixels). Sinusoids (one
    input) and the default clusters (8 inputs, 10 support points) keep the
    per-task copies of :func:`inner_sgd`, so their numbers do not change.
    """
    if not hasattr(model, "forward_with"):
        return False
    shape = ad.shape(batch.x_support)
    return len(shape) == 3 and len(ad.shape(params[0])) == 2 and shape[1] < shape[2]


def meta_loss_low_rank(params, batch, model, *, inner_lr, inner_steps, first_order=False,
                       loss=mse):
    """:func:`meta_loss` without per-task copies of the weight matrices.

    Layer l computes z = h W_l. Task t's support loss depends on W_l only
    through z_s = H_s W_l (H_s: the layer's inputs on the support set), so its
    gradient is H_s^T delta, with delta = dL_support/dz_s, one row per
    support point. An inner step (eq. 22.4) therefore adds A = -inner_lr delta
    in the form H_s^T A: a change of rank at most the number of support
    points. After steps j = 0..k-1, task t's weight is

        W_l,t = W_l + sum_j H_s^(j)T A^(j),   so   h W_l,t = h W_l + sum_j (h H_s^(j)T) A^(j)

    for any inputs h of that task. This is eq. 22.4 exactly, in another order
    of operations: W_l stays one shared matrix, h W_l is one matrix product
    for the whole batch, and the corrections are (points x support points)
    products. No (tasks, fan_in, fan_out) array is formed, forward or
    backward (Omniglot's first layer alone would be 32 x 784 x 256 numbers).
    delta is the gradient with respect to a zero added to z_s. Biases and
    batch norm's offsets are stepped per task, as in :func:`inner_sgd`; the
    model's ``adapted_indices`` say which parameters move.
    ``first_order``: the inner steps' changes are constants (FOMAML).
    """
    x_s, y_s, x_q, y_q = batch.x_support, batch.y_support, batch.x_query, batch.y_query
    n_tasks, n_support = ad.shape(x_s)[:2]
    n_layers = len(params) // 2
    adapted = set(range(len(params)) if getattr(model, "adapted_indices", None) is None
                  else model.adapted_indices)
    weights = list(params[0::2])                              # shared by every task
    # FOMAML: the inner loop runs on plain values, so its changes are constants
    inner_weights = [ad.stop_gradient(w) for w in weights] if first_order else weights
    moving_w = [l for l in range(n_layers) if 2 * l in adapted]
    moving_b = [l for l in range(n_layers) if 2 * l + 1 in adapted]
    biases0 = per_task(list(params[1::2]), n_tasks)
    corrections = [[] for _ in range(n_layers)]               # per layer: (H_s^(j), A^(j))

    def product(inputs=None, probes=None):
        def linear(l, h, w):
            if inputs is not None:
                inputs.append(h)
            z = ad.matmul(h, w)
            for h_s, a in corrections[l]:
                z = z + ad.matmul(ad.matmul(h, ad.matrix_transpose(h_s)), a)
            return z if probes is None else z + probes[l]
        return linear

    def network(biases, x, linear, weights=weights):
        params_now = [p for pair in zip(weights, biases) for p in pair]
        return model.forward_with(params_now, x, linear)

    def support_loss(free, biases):     # free = [a zero per moving layer, moving biases]
        probes = dict(zip(moving_w, free[:len(moving_w)]))
        biases = list(biases)
        for l, b in zip(moving_b, free[len(moving_w):]):
            biases[l] = b
        return ad.sum(loss(network(biases, x_s, product(probes=probes), inner_weights), y_s))

    biases = list(biases0)
    if first_order:
        biases = [ad.stop_gradient(b) for b in biases]
    for _ in range(inner_steps):
        inputs = []                                  # H_s^(k) of every layer, on the trace
        network(biases, x_s, product(inputs=inputs), inner_weights)
        zeros = [np.zeros((n_tasks, n_support, ad.shape(weights[l])[1]),
                          dtype=np.result_type(ad.stop_gradient(inputs[l]))) for l in moving_w]
        g = ad.grad(support_loss)(zeros + [biases[l] for l in moving_b], biases)
        for l, delta in zip(moving_w, g[:len(moving_w)]):
            corrections[l].append((inputs[l], -inner_lr * delta))          # eq. 22.4 on W_l
        biases = list(biases)
        for l, gb in zip(moving_b, g[len(moving_w):]):
            biases[l] = biases[l] - inner_lr * gb                           # eq. 22.4
    if first_order:
        biases = [b0 + (b - ad.stop_gradient(b0)) for b0, b in zip(biases0, biases)]
    return ad.mean(loss(network(biases, x_q, product()), y_q))              # L_test


def meta_grad(params, batch, model, *, inner_lr, inner_steps, first_order=False, loss=mse):
    """(meta-loss, dL_test/dtheta0): the quantity eq. 22.3 steps along."""
    return ad.value_and_grad(meta_loss)(params, batch, model, inner_lr=inner_lr,
                                        inner_steps=inner_steps, first_order=first_order,
                                        loss=loss)


@dataclass
class MAMLConfig:
    """MAML's hyperparameters; the defaults are Finn et al.'s sinusoid hyperparameters.

    Their initialisation is not the package's default (``MLP.init``); the
    reproduction with theirs is ``scratchmeta.meta.compare_reproduction``.
    """

    inner_lr: float = 0.01        # eta_inner of eq. 22.4, in training and at test time
    inner_steps: int = 1          # K
    meta_lr: float = 1e-3         # eta of eq. 22.3 (Adam)
    meta_batch: int = 25          # tasks per meta-step
    n_support: int = 10           # support points per training task
    n_query: int = 10             # query points per training task
    first_order: bool = False     # FOMAML: the inner gradients as constants

    def check(self):
        check_inner(self.inner_lr, self.inner_steps)
        check_rate("meta_lr", self.meta_lr)
        for name in ("meta_batch", "n_support", "n_query"):
            check_count(name, getattr(self, name), 1)


class MAML:
    """Meta-training by eq. 22.3 on MAML's meta-gradient, with Adam (Finn et al. 2017).

    The protocol is in ``scratchmeta.meta.protocol``. Variants (ANIL, the
    subset strategy) override :meth:`meta_grad` and :attr:`trainable`.
    """

    Config = MAMLConfig
    trainable = None        # indices of parameters fine-tuned at test time; None: all

    def __init__(self, model, family, config=None, **hyper):
        self.config = configure(type(self), config, hyper)
        self.model, self.family = model, family
        self.name = "FOMAML" if self.config.first_order else "MAML"

    def meta_grad(self, params, batch, rng):
        """(meta-loss, meta-gradient) on one batch of tasks."""
        c = self.config
        return meta_grad(params, batch, self.model, inner_lr=c.inner_lr,
                         inner_steps=c.inner_steps, first_order=c.first_order,
                         loss=self.family.loss)

    def init_state(self, rng):
        params = self.model.init(rng)
        return {"params": params, "adam": adam_init(params)}

    def sample_batch(self, rng, state):
        return draw_tasks(self, rng)

    def update(self, state, batch, rng, step):
        c = self.config
        loss, grads = self.meta_grad(state["params"], batch, rng)
        check_update(loss, grads, step=step, advice=inner_advice(c.inner_steps, c.inner_lr))
        params, adam = adam_update(state["params"], grads, state["adam"], c.meta_lr)
        return {"params": params, "adam": adam}, float(loss)

    def adaptation(self, state, batch):
        return adapt.from_theta0(state["params"], batch, self.model,
                                 inner_lr=self.config.inner_lr, loss=self.family.loss,
                                 trainable=self.fine_tuned())

    def fine_tuned(self):
        """Indices fine-tuned at test time: :attr:`trainable`, else the model's own
        ``adapted_indices`` (batch norm's offsets stay, as in the inner loop), else all."""
        if self.trainable is not None:
            return self.trainable
        return getattr(self.model, "adapted_indices", None)


@dataclass
class FOMAMLConfig(MAMLConfig):
    first_order: bool = True


class FOMAML(MAML):
    """First-order MAML: MAML with ``first_order=True`` (Finn et al. 2017, section 5.2)."""

    Config = FOMAMLConfig

    def __init__(self, model, family, config=None, **hyper):
        super().__init__(model, family, config, **hyper)
        if not self.config.first_order:
            raise ValueError("fomaml is first-order MAML, so first_order must be True; "
                             "for second order use the strategy maml")
