"""Two baselines every meta-learner must beat: pretrain-then-fine-tune, and from scratch.

Lecture 22, section 1.1 (the goal: a model that fine-tunes well on a new
task, rather than "starting the training process from scratch each time"),
section 1.4.4 (the sophisticated strategies "compete against the regular SGD
approach") and section 3 (the scribes' wish for demos of MAML against
alternatives). Finn et al. (2017), section 5.1, compare MAML on sinusoids
with the same two baselines.

* :class:`Pretrained` -- "pretrained on all tasks, then fine-tuned". One
  network with *one* shared head is trained by Adam on the pooled examples of
  freshly drawn tasks: ordinary supervised learning on the union of the
  tasks' data, without a head per task (contrast section 1.3.1, Figure 22.2,
  in ``scratchmeta.meta.multitask``). On sinusoids the tasks disagree with
  one another at every x, so the best single function is close to their mean,
  about 0. At test time all parameters are fine-tuned by SGD on the new
  task's support set (eq. 22.4), as for MAML.
* :class:`Scratch` -- "trained from scratch on the task". Nothing is learned
  across tasks: the state is one random initialisation (fixed by the seed),
  and at test time it is trained by SGD on the task's support set alone.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.common import adam_step, curve_by_sgd, pack, predict_by_sgd, unpack
from scratchmeta.meta.multitask import check_finite_step


def pooled_loss(params, x, y, model, *, loss):
    """Mean loss of one network over the pooled examples of all tasks (one shared head)."""
    return ad.mean(loss(model.apply(params, x), y))


class Pretrained:
    """Supervised pretraining on the union of tasks, then fine-tuning by SGD.

    Defaults: each step pools ``meta_batch`` = 25 fresh tasks of ``n_points``
    = 10 points (the examples MAML sees per step) and takes one Adam step of
    ``lr`` = 1e-3 (Finn et al.'s pretraining baseline and meta-optimiser).
    At test time every parameter is fine-tuned by plain SGD with
    ``finetune_lr`` = 0.01, MAML's inner_lr, so that the two curves differ
    only in where fine-tuning starts. The protocol is described in
    ``scratchmeta.meta.common``.
    """

    def __init__(self, model, family, *, lr=1e-3, meta_batch=25, n_points=10,
                 finetune_lr=0.01):
        for name, value in (("lr", lr), ("finetune_lr", finetune_lr)):
            if not value > 0:
                raise ValueError(f"{name} must be positive, got {value!r}")
        self.model, self.family = model, family
        self.lr, self.meta_batch, self.n_points = lr, meta_batch, n_points
        self.finetune_lr = finetune_lr
        self.name = "Pretrained + fine-tuned"

    def init_state(self, rng):
        return pack("params", self.model.init(rng))

    def step(self, state, rng, step_index):
        batch = self.family.sample(rng, self.meta_batch, self.n_points, 0)
        loss, grads = ad.value_and_grad(pooled_loss)(unpack("params", state), batch.x_support,
                                                     batch.y_support, self.model,
                                                     loss=self.family.loss)
        check_finite_step(float(loss), grads, step=step_index, lr=self.lr, what="pretraining")
        return adam_step(state, grads, self.lr), float(loss)

    def adaptation_curve(self, state, batch, n_steps):
        return curve_by_sgd(unpack("params", state), batch, self.model, lr=self.finetune_lr,
                            n_steps=n_steps, loss=self.family.loss, metric=self.family.metric)

    def predict(self, state, batch, n_steps):
        return predict_by_sgd(unpack("params", state), batch, self.model, lr=self.finetune_lr,
                              n_steps=n_steps, loss=self.family.loss)


class Scratch:
    """Train a fresh random network on the new task's support set alone.

    ``init_state(rng)`` draws the random initialisation once (a fixed function
    of the seed), and ``step`` learns nothing: it leaves the state as it is
    and reports, as its meta-loss, the query loss of that initialisation on a
    fresh batch of ``meta_batch`` tasks (a flat line in a training plot).

    At test time the initialisation is trained by full-batch SGD with ``lr``
    (plain SGD, not Adam, so that the curve counts the same kind of steps as
    every other strategy's). Default lr = 0.02: from a random start the
    network must learn the whole function, which wants a faster step than a
    fine-tuning lr. On Finn et al.'s sinusoids with MLP((1, 40, 40, 1)) and 10
    support points we measured the mean query MSE on 200 validation tasks
    (seed 11) after 10 / 100 steps: lr 0.005: 3.75 / 3.91, 0.01: 3.90 / 3.48,
    0.02: 4.04 / 2.96, 0.05: 4.47 / 2.69, and 0.1 diverged. Over ten steps
    nothing learns much from scratch (the zero function scores about 4.2);
    0.02 stays a factor five below the lr that diverged, where 0.05 keeps
    only a factor two.
    """

    def __init__(self, model, family, *, lr=0.02, meta_batch=25, n_support=10, n_query=10):
        if not lr > 0:
            raise ValueError(f"lr must be positive, got {lr!r}")
        self.model, self.family = model, family
        self.lr, self.meta_batch, self.n_support, self.n_query = lr, meta_batch, n_support, n_query
        self.name = "From scratch"

    def init_state(self, rng):
        return pack("params", self.model.init(rng))

    def step(self, state, rng, step_index):
        batch = self.family.sample(rng, self.meta_batch, self.n_support, self.n_query)
        pred = self.model.apply(unpack("params", state), batch.x_query)
        return state, float(np.mean(self.family.loss(pred, batch.y_query)))

    def adaptation_curve(self, state, batch, n_steps):
        return curve_by_sgd(unpack("params", state), batch, self.model, lr=self.lr,
                            n_steps=n_steps, loss=self.family.loss, metric=self.family.metric)

    def predict(self, state, batch, n_steps):
        return predict_by_sgd(unpack("params", state), batch, self.model, lr=self.lr,
                              n_steps=n_steps, loss=self.family.loss)
