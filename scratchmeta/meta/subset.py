"""The subset strategy: run MAML's inner loop on a random subset of each support set.

Lecture 22, section 1.4.1 (the subset strategy), motivated by section 1.3.7:
K must stay small and the unrolled graph must fit in memory, so a task with
many training points cannot all be seen by the inner loop; Finn, Abbeel and
Levine (2017) for the MAML meta-gradient used on each subset (eq. 22.3-22.4).

Each meta-step draws tasks with a large support set (``n_support``, 100 by
default), then keeps, independently for each task, ``subset_size`` of those
points chosen at random without replacement (10 by default: the support size
of Finn et al.'s sinusoid setting). MAML's K inner steps (eq. 22.4) run on that
subset only; the query set is untouched.

The lecture's caveat, which this module makes concrete: the exploratory update
theta_K now sees only a sliver of each task. The meta-gradient therefore
measures how well theta0 fine-tunes on a small sample of the task, not how it
would fine-tune on everything the task offers, and with short, small-sample
inner loops MAML drifts towards the plain multi-task SGD of section 1.3.1.

At test time nothing is unrolled, so fine-tuning (plain SGD with ``inner_lr``)
uses the whole support set of each evaluation task.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.maml import MAML, meta_loss
from scratchmeta.tasks import TaskBatch, mse


def _check_subset_size(subset_size, n_support):
    if not (isinstance(subset_size, (int, np.integer)) and 1 <= subset_size <= n_support):
        raise ValueError(f"subset_size must be an integer between 1 and the number of support "
                         f"points ({n_support}), got {subset_size!r}")


def subset_indices(rng, n_tasks, n_support, subset_size):
    """(tasks, subset_size) indices: for each task its own draw without replacement.

    Ranking n_support uniform keys per task and keeping the lowest subset_size
    picks a uniformly random subset for every task at once.
    """
    _check_subset_size(subset_size, n_support)
    keys = rng.random((n_tasks, n_support))
    return np.argsort(keys, axis=1)[:, :subset_size]


def subset_batch(batch, rng, subset_size):
    """``batch`` with each task's support set cut to a random subset of ``subset_size`` points."""
    if not isinstance(batch, TaskBatch):
        raise TypeError(f"batch must be a TaskBatch, got {type(batch).__name__}")
    n_tasks, n_support = np.shape(batch.x_support)[:2]
    idx = subset_indices(rng, n_tasks, n_support, subset_size)[..., None]   # (tasks, m, 1)
    return batch._replace(x_support=np.take_along_axis(batch.x_support, idx, axis=1),
                          y_support=np.take_along_axis(batch.y_support, idx, axis=1))


def subset_meta_loss(params, batch, model, rng, *, subset_size, inner_lr, inner_steps,
                     first_order=False, loss=mse):
    """MAML's meta-loss with the inner loop run on a random support subset of each task."""
    return meta_loss(params, subset_batch(batch, rng, subset_size), model, inner_lr=inner_lr,
                     inner_steps=inner_steps, first_order=first_order, loss=loss)


class Subset(MAML):
    """MAML meta-trained on support subsets (section 1.4.1), with Adam.

    Defaults: tasks drawn with 100 support points of which the inner loop sees
    a random 10 per task; otherwise Finn et al.'s sinusoid setting (meta-batch
    25, 10 query points, K = 1 inner step of lr 0.01, Adam 1e-3). Test-time
    fine-tuning uses every support point. The protocol is in
    ``scratchmeta.meta.common``.
    """

    def __init__(self, model, family, *, subset_size=10, n_support=100, **hyperparameters):
        _check_subset_size(subset_size, n_support)
        super().__init__(model, family, n_support=n_support, **hyperparameters)
        self.subset_size = subset_size
        self.name = "Subset"

    def meta_grad(self, params, batch, rng):
        return ad.value_and_grad(subset_meta_loss)(
            params, batch, self.model, rng, subset_size=self.subset_size,
            inner_lr=self.inner_lr, inner_steps=self.inner_steps,
            first_order=self.first_order, loss=self.family.loss)
