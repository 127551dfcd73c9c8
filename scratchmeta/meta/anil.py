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
2. take K SGD steps (eq. 22.4) on the head alone, with MAML's differentiable
   inner loop run on the features: ``head_{t+1} = head_t - inner_lr * grad_head
   L_support(head_t)``;
3. score the adapted head on the query features (eq. 22.2).

The meta-gradient (eq. 22.3) still reaches both parts of theta0: the head's
initialisation through the K unrolled steps, and the body through Phi, which
every inner step and the query loss read. The unrolled graph is only as deep
as K linear-head updates, so it is far cheaper than MAML's (Figure 22.5).

At test time, only the head is fine-tuned too, with plain SGD.
"""

from scratchmeta import autodiff as ad
from scratchmeta.meta.checks import check_meta_grad, check_meta_loss
from scratchmeta.meta.maml import MAML, inner_sgd
from scratchmeta.nn import per_task, split
from scratchmeta.tasks import mse


def anil_meta_loss(params, batch, model, *, inner_lr, inner_steps, first_order=False, loss=mse):
    """Mean over tasks of the query loss after K head-only inner steps from theta0 = ``params``."""
    n_tasks = check_meta_loss(params, model, inner_lr, inner_steps, loss, batch, first_order)
    body, head = split(params)
    phi_support = model.body(body, batch.x_support)        # computed once: the body is frozen
    phi_query = model.body(body, batch.x_query)            # in the inner loop
    head_k = inner_sgd(per_task(head, n_tasks), phi_support, batch.y_support, model.head,
                       inner_lr=inner_lr, inner_steps=inner_steps, loss=loss,
                       first_order=first_order)
    return ad.mean(loss(model.head(head_k, phi_query), batch.y_query))    # L_test


def anil_meta_grad(params, batch, model, *, inner_lr, inner_steps, first_order=False, loss=mse):
    """(meta-loss, dL_test/dtheta0) for ANIL, with respect to body and head initialisation."""
    check_meta_loss(params, model, inner_lr, inner_steps, loss, batch, first_order)
    return ad.value_and_grad(anil_meta_loss)(params, batch, model, inner_lr=inner_lr,
                                             inner_steps=inner_steps, first_order=first_order,
                                             loss=loss)


class ANIL(MAML):
    """MAML (same configuration and defaults) with ANIL's meta-gradient and head-only tests.

    At test time each task fine-tunes only the head, by plain SGD with inner_lr.
    """

    def __init__(self, model, family, config=None, **hyper):
        super().__init__(model, family, config, **hyper)
        self.name = "FO-ANIL" if self.config.first_order else "ANIL"
        self.trainable = model.head_indices

    def meta_grad(self, params, batch, rng):
        c = check_meta_grad(self, params, rng)
        return ad.value_and_grad(anil_meta_loss)(params, batch, self.model, inner_lr=c.inner_lr,
                                                 inner_steps=c.inner_steps,
                                                 first_order=c.first_order, loss=self.family.loss)
