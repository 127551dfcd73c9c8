"""Two baselines every meta-learner must beat: pretrain-then-fine-tune, and from scratch.

Lecture 22, section 1.1 (the goal: a model that fine-tunes well on a new
task, instead of training anew for every task), section 1.4.4 (the
elaborate strategies measured against plain SGD) and section 3 (the scribes' wish for demos of MAML against
alternatives). Finn et al. (2017), section 5.1, compare MAML on sinusoids
with the same two baselines.

* :class:`Pretrained` -- "pretrained on all tasks, then fine-tuned". One
  network with *one* shared head is trained by Adam on the pooled examples of
  freshly drawn tasks: ordinary supervised learning on the union of the
  tasks' data, without a head per task (contrast section 1.3.1, Figure 22.2,
  in ``scratchmeta.meta.multitask``). On sinusoids the tasks disagree with
  one another at every x, so the best single function is close to their mean,
  about 0. At test time all parameters are fine-tuned by SGD on the new
  task's support set (eq. 22.4), as for MAML, with MAML's inner_lr by default.
* :class:`Scratch` -- "trained from scratch on the task". Nothing is learned
  across tasks: the state is one random initialisation (fixed by the seed),
  and at test time it is trained by full-batch SGD on the task's support set
  alone. Its ``update`` learns nothing and reports the query loss of that
  initialisation on a fresh batch (a flat line in a training plot).
"""

from dataclasses import dataclass

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta import adapt
from scratchmeta.meta.checks import (check_adaptation_args, check_fields, check_loss_inputs,
                                     check_sample_batch, check_update_args)
from scratchmeta.meta.guard import check_update
from scratchmeta.meta.protocol import configure, draw_tasks
from scratchmeta.optim import adam_init, adam_update


def pooled_loss(params, x, y, model, *, loss):
    """Mean loss of one network over the pooled examples of all tasks (one shared head)."""
    check_loss_inputs(model, params, x, y, loss)
    return ad.mean(loss(model.apply(params, x), y))


@dataclass
class PretrainedConfig:
    meta_lr: float = 1e-3         # Adam on the pooled examples
    meta_batch: int = 25          # tasks pooled per step
    n_support: int = 10           # points per task and step
    inner_lr: float = 0.01        # test-time SGD on every parameter (MAML's inner_lr)

    def check(self):
        check_fields(self, rates=("meta_lr", "inner_lr"), counts=("meta_batch", "n_support"))


class Pretrained:
    """Supervised pretraining on the union of tasks, then fine-tuning by SGD."""

    Config = PretrainedConfig
    NOT_APPLICABLE = {"inner_steps": "pretraining has no inner loop",
                      "n_query": "pretraining pools each task's points with no query set"}

    def __init__(self, model, family, config=None, **hyper):
        self.config = configure(type(self), config, hyper, model=model, family=family)
        self.model, self.family = model, family
        self.name = "Pretrained + fine-tuned"

    def init_state(self, rng):
        params = self.model.init(rng)
        return {"params": params, "adam": adam_init(params)}

    def sample_batch(self, rng, state):
        check_sample_batch(rng, state, ("params", "adam"))
        return self.family.sample(rng, self.config.meta_batch, self.config.n_support, 0)

    def update(self, state, batch, rng, step):
        check_update_args(state, step, ("params", "adam"), batch, self, rng, params=list)
        c = self.config
        loss, grads = ad.value_and_grad(pooled_loss)(state["params"], batch.x_support,
                                                     batch.y_support, self.model,
                                                     loss=self.family.loss)
        check_update(loss, grads, step=step, advice=f"try a smaller meta_lr (now {c.meta_lr:g})")
        params, adam = adam_update(state["params"], grads, state["adam"], c.meta_lr)
        return {"params": params, "adam": adam}, float(loss)

    def adaptation(self, state, batch):
        check_adaptation_args(self, state, batch, params=list)
        return adapt.from_theta0(state["params"], batch, self.model,
                                 inner_lr=self.config.inner_lr, loss=self.family.loss)


@dataclass
class ScratchConfig:
    inner_lr: float = 0.02        # SGD from a random start; the README gives the sweep
    meta_batch: int = 25          # tasks of the reported (flat) loss
    n_support: int = 10
    n_query: int = 10

    def check(self):
        check_fields(self, rates=("inner_lr",), counts=("meta_batch", "n_support", "n_query"))


class Scratch:
    """Train a fresh random network on the new task's support set alone."""

    Config = ScratchConfig
    NOT_APPLICABLE = {"meta_lr": "nothing is trained across tasks from scratch",
                      "inner_steps": "there is no meta-training, so no inner loop"}

    def __init__(self, model, family, config=None, **hyper):
        self.config = configure(type(self), config, hyper, model=model, family=family)
        self.model, self.family = model, family
        self.name = "From scratch"

    def init_state(self, rng):
        return {"params": self.model.init(rng)}

    def sample_batch(self, rng, state):
        check_sample_batch(rng, state, ("params",))
        return draw_tasks(self, rng)

    def update(self, state, batch, rng, step):
        check_update_args(state, step, ("params",), batch, self, rng, params=list)
        pred = self.model.apply(state["params"], batch.x_query)
        loss = float(np.mean(ad.stop_gradient(self.family.loss(pred, batch.y_query))))
        check_update(loss, [], step=step, advice="the initialisation itself is not finite")
        return state, loss

    def adaptation(self, state, batch):
        check_adaptation_args(self, state, batch, params=list)
        return adapt.from_theta0(state["params"], batch, self.model,
                                 inner_lr=self.config.inner_lr, loss=self.family.loss)
