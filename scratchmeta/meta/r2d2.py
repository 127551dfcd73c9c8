"""R2-D2 as a strategy: a meta-learned body under a ridge classifier with a learned scale.

Lecture 22, section 1.4.3 (eq. 22.6, Figure 22.7) on classification;
Bertinetto, Henriques, Torr and Vedaldi (2018), "Meta-learning with
differentiable closed-form solvers", section 3.2.

The closed-form strategy (``scratchmeta.meta.closed_form``) replaces MAML's
inner loop by eq. 22.6. For an N-way task, R2-D2 regresses the one-hot
labels Y of the support set, and scores the query set with the logits

    alpha * (Phi_query W + b),   [W; b] = (Phi^T Phi + lam I)^-1 Phi^T Y    (eq. 22.6)

(``scratchmeta.meta.r2d2_head``). The meta-loss is their cross-entropy on
the query set, differentiated into the body Phi, into log lam and into
log alpha: three things are meta-learned and nothing is unrolled. R2-D2's
adjust layer also has an offset beta; with the softmax cross-entropy a shift
of every class alike changes nothing (``r2d2_head``), so it is not learned
here.

Why the scale is learned: least-squares outputs lie near 0 and 1, so the
softmax of them is nearly flat; alpha sets how confident it is. It starts
at ``scale`` = 10 (a margin of 1 between the right class and the others
becomes a probability ratio of e^10) and Adam moves log alpha from there.

At test time the body is frozen (section 1.3.4). Step 0 of adaptation is
the scaled ridge head itself, alpha [W; b] (a linear head); steps 1, 2, ...
are SGD on that head alone with ``inner_lr`` (section 1.4.4's "fit the head,
then take gradient steps"), the path every strategy shares
(``scratchmeta.meta.adapt``).

:class:`R2D2` is written so that the head is one replaceable part: the
softmax head solved by Newton's method (``scratchmeta.meta.newton_head``)
is this class with :meth:`R2D2.head_params` and :meth:`R2D2.query_logits`
changed.
"""

from dataclasses import dataclass

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta import adapt
from scratchmeta.meta.checks import (check_adaptation_args, check_classifier_family,
                                     check_head_config, check_head_inputs, check_sample_batch,
                                     check_update_args)
from scratchmeta.meta.guard import ExplodingMetaGradient, check_update
from scratchmeta.meta.protocol import configure, draw_tasks
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.nn import split
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import cross_entropy


@dataclass
class R2D2Config:
    """Defaults: R2-D2's learned lam (starting at 1) and scale (starting at 10)."""

    lam: float = 1.0              # lambda of eq. 22.6, its starting value when learned
    learn_lam: bool = True        # meta-learn log lam, as R2-D2 does
    scale: float = 10.0           # alpha, the output scale, its starting value
    inner_lr: float = 0.1         # test-time SGD on the head (0: none), from the closed-form head
    meta_lr: float = 1e-3         # Adam on the body, log lam and log alpha (eq. 22.3)
    meta_batch: int = 32
    n_support: int = 5            # points per task: 5-way 1-shot
    n_query: int = 5

    def check(self):
        check_head_config(self, rates=("lam", "scale"))


class R2D2:
    """Meta-train a body for R2-D2's ridge classifier (module docstring).

    ``model`` is an MLP whose last layer the closed-form head replaces (only
    ``model.body`` is used in training); ``family`` must be a classification
    family (cross-entropy loss), such as Omniglot or Gaussian clusters. The
    protocol is in ``scratchmeta.meta.protocol``.
    """

    Config = R2D2Config
    classifier = True          # its head is fitted to one-hot targets: cross-entropy families
    NOT_APPLICABLE = {"inner_steps": "the head is fitted in closed form by eq. 22.6, so "
                                     "there is no inner loop to unroll"}
    head_name = "ridge"

    def __init__(self, model, family, config=None, **hyper):
        check_classifier_family(type(self).__name__, family)     # before the model's shape
        self.config = configure(type(self), config, hyper, model=model, family=family,
                                body=True)
        self.model, self.family = model, family
        self.name = "R2-D2"

    # -- the head: the two methods a different closed-form head replaces --------------

    def head_params(self, params, phi_support, y_support):
        """[W (tasks, d, N), b (tasks, 1, N)]: the scaled ridge head alpha [W; b], no gradient."""
        check_head_inputs(params, phi_support=phi_support, y_support=y_support)
        lam, scale = float(np.exp(params["log_lam"])), float(np.exp(params["log_scale"]))
        w, b = ridge_fit(phi_support, y_support, lam)                       # eq. 22.6
        return [scale * w, scale * b]

    def query_logits(self, params, phi_support, y_support, phi_query):
        """alpha (Phi_query W + b), differentiable in the features, log lam and log alpha."""
        check_head_inputs(params)
        return r2d2_logits(phi_support, y_support, phi_query, ad.exp(params["log_lam"]),
                           scale=ad.exp(params["log_scale"]))

    # -- the protocol ----------------------------------------------------------------

    def init_state(self, rng):
        body, _ = split(self.model.init(rng))          # the model's own head is never used
        params = {"body": body, "log_lam": np.log(self.config.lam),
                  "log_scale": np.log(self.config.scale)}
        params = ad.tree_map(np.asarray, params)
        return {"params": params, "adam": adam_init(params)}

    def meta_loss(self, params, batch):
        """Mean query cross-entropy of the head fitted to each task's support features."""
        check_head_inputs(params, batch=batch)
        body = params["body"]
        logits = self.query_logits(params, self.model.body(body, batch.x_support),
                                   batch.y_support, self.model.body(body, batch.x_query))
        return ad.mean(cross_entropy(logits, batch.y_query))

    def sample_batch(self, rng, state):
        check_sample_batch(rng, state, ("params", "adam"))
        return draw_tasks(self, rng)

    def update(self, state, batch, rng, step):
        check_update_args(state, step, ("params", "adam"), batch, self, rng, params=dict)
        p = state["params"]
        advice = (f"with lam = {float(np.exp(p['log_lam'])):.3g}; the {self.head_name} head's "
                  f"problem is ill-conditioned when lam is tiny (section 1.4.3): try a "
                  f"larger lam, or learn_lam=False")
        try:
            loss, grads = ad.value_and_grad(self.meta_loss)(p, batch)
        except (np.linalg.LinAlgError, RuntimeError) as err:
            raise ExplodingMetaGradient(f"the {self.head_name} head could not be fitted at "
                                        f"meta-step {step} ({err}), {advice}") from None
        if not self.config.learn_lam:
            grads["log_lam"] = np.zeros(())
        check_update(loss, grads, step=step, advice=advice)
        params, adam = adam_update(p, grads, state["adam"], self.config.meta_lr)
        return {"params": params, "adam": adam}, float(loss)

    def adaptation(self, state, batch):
        """SGD on each task's head from the closed-form head, the body frozen and shared."""
        check_adaptation_args(self, state, batch, params=dict)
        p = state["params"]
        body = list(p["body"])
        head = self.head_params(p, self.model.body(body, batch.x_support), batch.y_support)
        return adapt.sgd_path(body + head, batch, self.model, inner_lr=self.config.inner_lr,
                              loss=self.family.loss, trainable=self.model.head_indices)
