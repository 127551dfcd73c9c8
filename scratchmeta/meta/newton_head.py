"""A meta-learned body under a softmax head solved by Newton's method (the convex case).

Lecture 22, section 1.4.3, last paragraph: the closed-form strategy needs the
head's problem only to be *convex*, not least squares; logistic or
cross-entropy losses qualify. Bertinetto et al. (2018) fit such a head (their
LR-D2, binary) by unrolled Newton steps. Here the head is the multinomial
one of ``scratchmeta.meta.softmax_head``: for each task,

    W* = argmin_W  sum_i CE(softmax(phi_i W), y_i) + (lam / 2) ||W||^2

on the body's support features (bias column included), solved by Newton's
method to convergence, and differentiated by the implicit function theorem:
the gradient through W* is one linear solve with the head's Hessian, and no
Newton step is unrolled. The query logits are Phi_query W*; the meta-loss is
their cross-entropy, differentiated into the body and into log lam.

There is no output scale to learn, unlike R2-D2 (``scratchmeta.meta.r2d2``):
the head already minimises a cross-entropy, and lam alone sets how large W*,
and so how confident the softmax, is.

**First order only.** The implicit derivative is exact to first order
(``softmax_head``'s docstring): the meta-gradient of this strategy is exact,
and that is all it needs. The head must not be put inside a second-order
inner loop (a MAML whose inner steps run through it); a gradient of this
gradient would miss how W* and the Hessian move.

At test time the body is frozen; step 0 is the head W* itself, steps 1, 2,
... are SGD on the head alone from W* with ``inner_lr``
(``scratchmeta.meta.adapt``). Everything else (configuration, training step,
the protocol) is :class:`scratchmeta.meta.r2d2.R2D2`'s.
"""

from dataclasses import dataclass

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.checks import check_head_config, check_head_inputs
from scratchmeta.meta.r2d2 import R2D2
from scratchmeta.meta.ridge import with_bias
from scratchmeta.meta.softmax_head import newton_solve, softmax_head_logits
from scratchmeta.nn import split
from scratchmeta.optim import adam_init


@dataclass
class NewtonHeadConfig:
    """Defaults: lam starts at 1 and is meta-learned."""

    lam: float = 1.0              # the head's L2 penalty, its starting value when learned
    learn_lam: bool = True        # meta-learn log lam
    inner_lr: float = 0.1         # test-time SGD on the head, from W*
    meta_lr: float = 1e-3         # Adam on the body and log lam (eq. 22.3)
    meta_batch: int = 32
    n_support: int = 5            # points per task: 5-way 1-shot
    n_query: int = 5

    def check(self):
        check_head_config(self)


class NewtonHead(R2D2):
    """R2-D2's strategy with the softmax head of ``softmax_head`` in place of the ridge head."""

    Config = NewtonHeadConfig
    head_name = "softmax (Newton)"

    def __init__(self, model, family, config=None, **hyper):
        super().__init__(model, family, config, **hyper)
        self.name = "Newton softmax head"

    def head_params(self, params, phi_support, y_support):
        """[W (tasks, d, N), b (tasks, 1, N)] of W*, solved by Newton (no gradient)."""
        check_head_inputs(params, tasks=True, phi_support=phi_support, y_support=y_support)
        lam = float(np.exp(params["log_lam"]))
        phi = np.asarray(ad.stop_gradient(with_bias(phi_support)))
        w = newton_solve(phi, np.asarray(y_support), lam,
                         form="dual" if phi.shape[-2] < phi.shape[-1] else "primal")
        d = phi.shape[-1] - 1
        return [w[:, :d], w[:, d:]]

    def query_logits(self, params, phi_support, y_support, phi_query):
        """Phi_query W* (+ bias), with W*'s implicit (first-order) derivative."""
        check_head_inputs(params)
        return softmax_head_logits(phi_support, y_support, phi_query, ad.exp(params["log_lam"]))

    def init_state(self, rng):
        body, _ = split(self.model.init(rng))
        params = ad.tree_map(np.asarray, {"body": body, "log_lam": np.log(self.config.lam)})
        return {"params": params, "adam": adam_init(params)}
