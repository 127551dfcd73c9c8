"""Multi-task learning by "normal SGD": a shared body, one head per training task.

Lecture 22, section 1.3.1 (Figure 22.2), with test-time fine-tuning as in
section 1.4.4 and the closed-form head of section 1.4.3 (eq. 22.6).

MAML treats a whole task as the elementary "example" of SGD (section 1.2.1).
The alternative of section 1.3.1 is plain supervised learning on the union of
all the training tasks' data, where each example carries the loss of its own
task: the network is a shared *body* (every layer but the last, the features
Phi) and one linear *head* per training task. One step of SGD on a minibatch
drawn from several tasks then

* sends gradient into the shared body from every task in the minibatch, and
* sends gradient into a head only from the examples of that head's task.

Nothing here differentiates through fine-tuning: the gradients are taken at
the parameters being updated, not at an earlier theta0.

Training tasks. A fixed pool of ``n_train_tasks`` tasks is drawn once, in
:meth:`Multitask.init_state`, and kept in the state (``task_params``), so that
every head always belongs to the same task and a checkpoint resumes exactly.
Each step draws ``meta_batch`` tasks of the pool (without repetition) and
fresh input points for them, and takes one Adam step on the body and on the
heads of those tasks only. Each head keeps its own Adam moments and step
count (``scratchmeta.optim.adam_rows``), so a head that is not drawn is left
exactly as it was.

Test time (section 1.4.4). A new task has no head yet. We start one in one of
three ways, ``head_init``:

* ``"zero"``: W = 0, b = 0, so the first prediction is 0 everywhere;
* ``"random"``: drawn like a freshly initialised last layer,
  U(-1/sqrt(width), 1/sqrt(width)), from ``np.random.default_rng(head_seed)``;
* ``"closed_form"``: the ridge fit of eq. 22.6 (``scratchmeta.meta.ridge``) on
  the frozen body's features of the support set, with lambda = ``lam``;

then take ``head_steps`` SGD steps of ``head_inner_lr`` on the head alone with
the body frozen, and after that fine-tune everything with ``inner_lr``. The
lecture's ranking: zero is better than random, and initialising the head to
work with the frozen body is better still; training the head first keeps the
body's important directions from being overwritten by the gradient of a bad
head.
"""

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta import adapt
from scratchmeta.meta.checks import (check_adaptation_args, check_choice, check_fields,
                                     check_multitask_loss, check_sample_batch, check_update_args)
from scratchmeta.meta.guard import check_update
from scratchmeta.meta.protocol import configure
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.nn import per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import TaskBatch, mse

HEAD_INITS = ("zero", "random", "closed_form")


def multitask_loss(body, heads, x, y, model, *, loss=mse):
    """Mean over tasks of each task's loss through the shared body and its own head.

    ``body`` is the shared parameter list [W1, b1, ...]; ``heads`` = [W, b]
    with a leading task axis, W of shape (tasks, width, outputs) and b of
    shape (tasks, outputs); ``x``, ``y`` are (tasks, points, .). Every task
    contributes the same number of points, so this is also the mean loss over
    the pooled examples: the "one big dataset" of section 1.3.1.
    """
    check_multitask_loss(model, body, heads, x, y, loss)
    return ad.mean(loss(model.head(heads, model.body(body, x)), y))


class PoolBatch(NamedTuple):
    """One step's tasks: their rows in the fixed pool, and their fresh data."""

    rows: np.ndarray
    tasks: TaskBatch


@dataclass
class MultitaskConfig:
    """Defaults measured on Finn et al.'s sinusoids (the README's results give the table)."""

    n_train_tasks: int = 1000     # the fixed pool of training tasks, one head each
    meta_batch: int = 25          # tasks per step
    n_support: int = 10           # fresh points per drawn task and step
    meta_lr: float = 1e-3         # Adam on the shared body
    head_meta_lr: float = 0.03    # Adam on the drawn heads (each is drawn in 2.5% of steps)
    head_init: str = "closed_form"    # how a new task's head starts at test time
    lam: float = 0.01             # lambda of eq. 22.6 for the closed-form head
    head_steps: int = 5           # test time: head-only SGD steps first
    head_inner_lr: float = 0.01   # ... with this step size
    inner_lr: float = 0.003       # then SGD on everything with this one
    head_seed: int = 0            # the seed of a random head

    def check(self):
        check_choice("head_init", self.head_init, HEAD_INITS)
        check_fields(self, counts=("n_train_tasks", "meta_batch", "n_support"),
                     rates=("meta_lr", "head_meta_lr", "head_inner_lr", "inner_lr", "lam"))
        if self.meta_batch > self.n_train_tasks:
            raise ValueError(f"meta_batch must be at most n_train_tasks = {self.n_train_tasks} "
                             f"(tasks are drawn without repetition), got {self.meta_batch!r}")
        check_fields(self, counts=("head_steps", "head_seed"), minimum=0)


class Multitask:
    """Normal SGD (section 1.3.1, Figure 22.2): shared body, one head per training task.

    ``adaptation`` counts all test-time steps: the first ``head_steps`` are
    head-only. The protocol is in ``scratchmeta.meta.protocol``.
    """

    Config = MultitaskConfig
    NOT_APPLICABLE = {"inner_steps": "normal SGD has no inner loop in training",
                      "n_query": "normal SGD trains on each drawn task's points alone, "
                                 "with no query set"}

    def __init__(self, model, family, config=None, **hyper):
        self.config = configure(type(self), config, hyper, model=model, family=family, body=True)
        self.model, self.family = model, family
        self.name = f"Multi-task SGD ({self.config.head_init.replace('_', '-')} head)"

    @property
    def fits_head_at_step_0(self):
        """True when theta_0 of ``adaptation`` already holds the ridge head (eq. 22.6)."""
        return self.config.head_init == "closed_form"

    def init_state(self, rng):
        """Body, one default-initialised head per training task, and the task pool."""
        n = self.config.n_train_tasks
        body, (w, b) = split(self.model.init(rng))
        width, out = w.shape
        bound = 1.0 / np.sqrt(width)                     # the MLP's own last-layer init
        heads = [rng.uniform(-bound, bound, (n, width, out)), rng.uniform(-bound, bound, (n, out))]
        heads_adam = adam_init(heads)
        heads_adam["t"] = np.zeros(n, dtype=np.int64)    # one step count per head
        return {"body": body, "adam": adam_init(body), "heads": heads, "heads_adam": heads_adam,
                "task_params": self.family.sample_params(rng, n)}

    def sample_batch(self, rng, state):
        check_sample_batch(rng, state, ("task_params",))
        c = self.config
        rows = rng.choice(c.n_train_tasks, c.meta_batch, replace=False)
        return PoolBatch(rows, self.family.make_batch(rng, state["task_params"][rows],
                                                      c.n_support, 0))

    def update(self, state, batch, rng, step):
        check_update_args(state, step, ("body", "adam", "heads", "heads_adam"), batch, self, rng)
        c, rows, tasks = self.config, batch.rows, batch.tasks
        loss, (g_body, g_heads) = ad.value_and_grad(multitask_loss, argnums=(0, 1))(
            list(state["body"]), [h[rows] for h in state["heads"]], tasks.x_support,
            tasks.y_support, self.model, loss=self.family.loss)
        check_update(loss, [g_body, g_heads], step=step, advice=f"try a smaller meta_lr "
                                                                 f"(now {c.meta_lr:g})")
        body, adam = adam_update(state["body"], g_body, state["adam"], c.meta_lr)
        heads, heads_adam = adam_rows(state["heads"], state["heads_adam"], g_heads, rows,
                                      c.head_meta_lr)
        return dict(state, body=body, adam=adam, heads=heads, heads_adam=heads_adam), float(loss)

    def initial_head(self, state, batch):
        """[W, b] of shape (tasks, width, outputs), (tasks, outputs) for new tasks."""
        c = self.config
        n_tasks = check_adaptation_args(self, state, batch, keys=("body",))
        width, out = self.model.sizes[-2], self.model.sizes[-1]
        if c.head_init == "zero":
            return [np.zeros((n_tasks, width, out)), np.zeros((n_tasks, out))]
        if c.head_init == "random":
            rng, bound = np.random.default_rng(c.head_seed), 1.0 / np.sqrt(width)
            return [rng.uniform(-bound, bound, (n_tasks, width, out)),
                    rng.uniform(-bound, bound, (n_tasks, out))]
        features = self.model.body(state["body"], batch.x_support)   # frozen body's Phi
        return ridge_fit(features, batch.y_support, c.lam, form="primal")

    def adaptation(self, state, batch):
        """theta_0, theta_1, ...: ``head_steps`` head-only steps first (1.4.4), then all."""
        n_tasks = check_adaptation_args(self, state, batch, keys=("body",))
        return self._adaptation(state, batch, n_tasks)    # a generator: checked eagerly

    def _adaptation(self, state, batch, n_tasks):
        c = self.config
        theta = per_task(state["body"], n_tasks) + self.initial_head(state, batch)
        head = adapt.sgd_path(theta, batch, self.model, inner_lr=c.head_inner_lr,
                              loss=self.family.loss, trainable=self.model.head_indices)
        for _ in range(c.head_steps):
            yield next(head)                               # body frozen
        yield from adapt.sgd_path(next(head), batch, self.model, inner_lr=c.inner_lr,
                                  loss=self.family.loss)   # everything trainable
