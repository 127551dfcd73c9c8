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

On wide inputs (Omniglot's 784 pixels, Chapter 5) :func:`meta_loss` hands
over to ``meta.maml_low_rank``, which computes the same meta-loss without the
per-task copies of the weight matrices.

``first_order=True`` gives FOMAML: the inner gradients are treated as
constants, so the meta-gradient is the query gradient at theta_K, and no
second-order path is recorded. At test time a task is fine-tuned by the same
SGD, undifferentiated (``scratchmeta.meta.adapt``), with the same inner_lr.
"""

from dataclasses import dataclass

from scratchmeta import autodiff as ad
from scratchmeta.meta import adapt
from scratchmeta.meta.checks import (check_adaptation_args, check_inner_sgd, check_maml_config,
                                     check_meta_grad, check_meta_loss, check_sample_batch,
                                     check_update_args)
from scratchmeta.meta.guard import check_update, inner_advice
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank, uses_low_rank
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
    check_inner_sgd(task_params, x, y, apply, inner_lr, inner_steps, loss, trainable,
                    first_order)
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

    With fewer support points than input features (Omniglot) it is computed
    by ``maml_low_rank.meta_loss_low_rank``, without per-task weight matrices.
    """
    n_tasks = check_meta_loss(params, model, inner_lr, inner_steps, loss, batch, first_order)
    if uses_low_rank(params, batch, model):
        return meta_loss_low_rank(params, batch, model, inner_lr=inner_lr,
                                  inner_steps=inner_steps, first_order=first_order, loss=loss)
    theta_k = inner_sgd(per_task(params, n_tasks), batch.x_support, batch.y_support,
                        model.apply, inner_lr=inner_lr, inner_steps=inner_steps, loss=loss,
                        first_order=first_order,
                        trainable=getattr(model, "adapted_indices", None))
    return ad.mean(loss(model.apply(theta_k, batch.x_query), batch.y_query))   # L_test


def meta_grad(params, batch, model, *, inner_lr, inner_steps, first_order=False, loss=mse):
    """(meta-loss, dL_test/dtheta0): the quantity eq. 22.3 steps along."""
    check_meta_loss(params, model, inner_lr, inner_steps, loss, batch, first_order)
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
        check_maml_config(self)


class MAML:
    """Meta-training by eq. 22.3 on MAML's meta-gradient, with Adam (Finn et al. 2017).

    The protocol is in ``scratchmeta.meta.protocol``. Variants (ANIL, the
    subset strategy) override :meth:`meta_grad` and :attr:`trainable`.
    """

    Config = MAMLConfig
    trainable = None        # indices of parameters fine-tuned at test time; None: all

    def __init__(self, model, family, config=None, **hyper):
        self.config = configure(type(self), config, hyper, model=model, family=family)
        self.model, self.family = model, family
        self.name = "FOMAML" if self.config.first_order else "MAML"

    def meta_grad(self, params, batch, rng):
        """(meta-loss, meta-gradient) on one batch of tasks."""
        c = check_meta_grad(self, params, rng)     # params a list (update checked the rest)
        return ad.value_and_grad(meta_loss)(params, batch, self.model, inner_lr=c.inner_lr,
                                            inner_steps=c.inner_steps, first_order=c.first_order,
                                            loss=self.family.loss)

    def init_state(self, rng):
        params = self.model.init(rng)
        return {"params": params, "adam": adam_init(params)}

    def sample_batch(self, rng, state):
        check_sample_batch(rng, state, ("params", "adam"))
        return draw_tasks(self, rng)

    def update(self, state, batch, rng, step):
        check_update_args(state, step, ("params", "adam"), batch, self, rng, params=list)
        c = self.config
        loss, grads = self.meta_grad(state["params"], batch, rng)
        check_update(loss, grads, step=step, advice=inner_advice(c.inner_steps, c.inner_lr))
        params, adam = adam_update(state["params"], grads, state["adam"], c.meta_lr)
        return {"params": params, "adam": adam}, float(loss)

    def adaptation(self, state, batch):
        check_adaptation_args(self, state, batch, params=list)
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

    def check(self):
        check_maml_config(self)
        if self.first_order is not True:           # (its type is checked above)
            raise ValueError("FOMAMLConfig is first-order MAML's, so first_order must be "
                             "True, got False; for second order use MAMLConfig (the strategy "
                             "maml)")


class FOMAML(MAML):
    """First-order MAML: MAML with ``first_order=True`` (Finn et al. 2017, section 5.2)."""

    Config = FOMAMLConfig

    def __init__(self, model, family, config=None, **hyper):
        super().__init__(model, family, config, **hyper)
        if not self.config.first_order:
            raise ValueError("fomaml is first-order MAML, so first_order must be True; "
                             "for second order use the strategy maml")
