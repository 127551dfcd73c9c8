"""ANIL: MAML whose inner loop fine-tunes only the head ("almost no inner loop").

Lecture 22, section 1.4.3 (task heads on a shared body, which the lecture
points to ANIL for) and section 1.3.4 (a body kept frozen per task), with the
inner update of eq. 22.4; Raghu, Raghu, Bengio and Vinyals (2019), "Rapid
learning or feature reuse? Towards understanding the effectiveness of MAML".

Raghu et al. found that after MAML training, the body barely moves during
fine-tuning: the inner loop's work is done by the head. ANIL makes that the
rule. For each task of a batch, starting from theta0 = (body0, head0):

1. compute the body's features Phi of the support and query inputs once, from
   body0 (the inner loop never changes the body, so they never change);
2. take K SGD steps (eq. 22.4) on the head alone,
   ``head_{t+1} = head_t - inner_lr * grad_head L_support(head_t)``;
3. score the adapted head on the query features (eq. 22.2).

The meta-gradient (eq. 22.3) still reaches both parts of theta0: the head's
initialisation through the K unrolled steps, and the body through Phi, which
every inner step and the query loss read. The unrolled graph is only as deep
as K linear-head updates, so it is far cheaper than MAML's (Figure 22.5), and
the inner gradients of a linear head on squared error are a few matmuls.

At test time, only the head is fine-tuned too, with plain SGD.
"""

from scratchmeta import autodiff as ad
from scratchmeta.meta.maml import MAML, _check_inner
from scratchmeta.nn import per_task, split
from scratchmeta.tasks import mse


def head_inner_sgd(head, features, y, model, *, inner_lr, inner_steps, loss=mse,
                   first_order=False):
    """K full-batch SGD steps (eq. 22.4) on every task's head, the features held fixed.

    ``head`` is [W (tasks, d, out), b (tasks, 1, out)], one head per task;
    ``features`` (tasks, points, d) are the body's outputs on the support set.
    Returns the adapted head, differentiable with respect to whatever ``head``
    and ``features`` depend on. ``first_order=True`` treats each inner
    gradient as a constant (first-order ANIL).
    """
    def support_loss(h, phi):
        # Summed over tasks: each task's head gets its own gradient.
        return ad.sum(loss(model.head(h, phi), y))

    head = list(head)
    for _ in range(inner_steps):
        if first_order:
            g = ad.grad(support_loss)([ad.stop_gradient(p) for p in head],
                                      ad.stop_gradient(features))
        else:
            g = ad.grad(support_loss)(head, features)
        head = [p - inner_lr * gp for p, gp in zip(head, g)]               # eq. 22.4, head only
    return head


def anil_meta_loss(params, batch, model, *, inner_lr, inner_steps, first_order=False, loss=mse):
    """Mean over tasks of the query loss after K head-only inner steps from theta0 = ``params``."""
    _check_inner(inner_lr, inner_steps)
    body, head = split(params)
    n_tasks = ad._shape(batch.x_support)[0]
    phi_support = model.body(body, batch.x_support)        # computed once: the body is frozen
    phi_query = model.body(body, batch.x_query)            # in the inner loop
    head_k = head_inner_sgd(per_task(head, n_tasks), phi_support, batch.y_support, model,
                            inner_lr=inner_lr, inner_steps=inner_steps, loss=loss,
                            first_order=first_order)
    return ad.mean(loss(model.head(head_k, phi_query), batch.y_query))    # L_test


def anil_meta_grad(params, batch, model, *, inner_lr, inner_steps, first_order=False, loss=mse):
    """(meta-loss, dL_test/dtheta0) for ANIL, with respect to body and head initialisation."""
    return ad.value_and_grad(anil_meta_loss)(params, batch, model, inner_lr=inner_lr,
                                             inner_steps=inner_steps, first_order=first_order,
                                             loss=loss)


def head_indices(model):
    """Indices of the head's parameters [W, b] in the model's parameter list."""
    n = 2 * model.n_layers
    return (n - 2, n - 1)


class ANIL(MAML):
    """Meta-training on ANIL's meta-gradient with Adam (Raghu et al. 2019).

    MAML's strategy (same defaults: Finn et al.'s sinusoid setting) with two
    changes: the meta-gradient is ANIL's, and at test time each task fine-tunes
    only the head, by plain SGD with the same inner_lr.
    """

    def __init__(self, model, family, **hyperparameters):
        super().__init__(model, family, **hyperparameters)
        self.name = "FO-ANIL" if self.first_order else "ANIL"
        self.trainable = head_indices(model)

    def meta_grad(self, params, batch, rng):
        return anil_meta_grad(params, batch, self.model, inner_lr=self.inner_lr,
                              inner_steps=self.inner_steps, first_order=self.first_order,
                              loss=self.family.loss)
