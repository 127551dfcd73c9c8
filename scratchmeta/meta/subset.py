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
would fine-tune on everything the task offers.

At test time nothing is unrolled, so fine-tuning (plain SGD with ``inner_lr``)
uses the whole support set of each evaluation task.

With the defaults' 100 i.i.d. points per task, a random 10 of them is
distributed like 10 fresh points, so this is MAML with another random stream.
The strategy pays off only when tasks carry far more data than the inner loop
can afford: ``scratchmeta.meta.compare_subset`` runs it on tasks with 1,000
support points, against the inner loop on all of them.
"""

from dataclasses import dataclass

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.checks import check_batch, check_meta_grad, check_subset_size
from scratchmeta.meta.maml import MAML, MAMLConfig, meta_loss
from scratchmeta.tasks import mse


def subset_indices(rng, n_tasks, n_support, subset_size):
    """(tasks, subset_size) indices: for each task its own draw without replacement.

    Ranking n_support uniform keys per task and keeping the lowest subset_size
    picks a uniformly random subset for every task at once.
    """
    check_subset_size(subset_size, n_support, rng=rng, n_tasks=n_tasks)
    keys = rng.random((n_tasks, n_support))
    return np.argsort(keys, axis=1)[:, :subset_size]


def subset_batch(batch, rng, subset_size):
    """``batch`` with each task's support set cut to a random subset of ``subset_size`` points."""
    n_tasks, n_support = check_batch(batch, finite=True)[:2]
    idx = subset_indices(rng, n_tasks, n_support, subset_size)[..., None]   # (tasks, m, 1)
    return batch._replace(x_support=np.take_along_axis(batch.x_support, idx, axis=1),
                          y_support=np.take_along_axis(batch.y_support, idx, axis=1))


def subset_meta_loss(params, batch, model, rng, *, subset_size, inner_lr, inner_steps,
                     first_order=False, loss=mse):
    """MAML's meta-loss with the inner loop run on a random support subset of each task."""
    return meta_loss(params, subset_batch(batch, rng, subset_size), model, inner_lr=inner_lr,
                     inner_steps=inner_steps, first_order=first_order, loss=loss)


@dataclass
class SubsetConfig(MAMLConfig):
    """MAML's configuration with 100 support points, of which the inner loop sees 10."""

    n_support: int = 100
    subset_size: int = 10

    def check(self):
        super().check()
        check_subset_size(self.subset_size, self.n_support)


class Subset(MAML):
    """MAML meta-trained on support subsets (section 1.4.1), with Adam.

    Test-time fine-tuning uses every support point.
    """

    Config = SubsetConfig

    def __init__(self, model, family, config=None, **hyper):
        super().__init__(model, family, config, **hyper)
        self.name = "Subset"

    def meta_grad(self, params, batch, rng):
        c = check_meta_grad(self, params, rng)
        return ad.value_and_grad(subset_meta_loss)(
            params, batch, self.model, rng, subset_size=c.subset_size, inner_lr=c.inner_lr,
            inner_steps=c.inner_steps, first_order=c.first_order, loss=self.family.loss)
