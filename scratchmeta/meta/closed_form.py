"""The closed-form strategy: a semi-frozen body under a ridge-regression head.

Lecture 22, section 1.3.4 (the semi-frozen model) and section 1.4.3 (the
closed-form strategy, eq. 22.6, Figure 22.7); Bertinetto, Henriques, Torr and
Vedaldi (2018), "Meta-learning with differentiable closed-form solvers" (R2-D2).

MAML fine-tunes with K unrolled SGD steps, and the meta-gradient through that
unrolled loop can explode (section 1.3.6). Section 1.4.3 swaps the inner loop
for an exact solve: treat the body of the network as a frozen feature map Phi
and fit the task's linear head by ridge regression, eq. 22.6
(``scratchmeta.meta.ridge``). The formula is differentiable in Phi, so the
query loss of the head it gives can be differentiated back into the body's
parameters. Meta-training thus shapes the body so that a ridge fit on its
features of the support set predicts the query set well (Figure 22.7); no
inner SGD loop is unrolled.

What is learned: the body's weights and, as in R2-D2, log lam (``learn_lam``).
For classification families the head regresses one-hot targets (R2-D2's trick
for reusing eq. 22.6) and its outputs, scaled by a learned alpha =
exp(log_scale), are scored with the family's cross-entropy; R2-D2 learns such a
scale because ridge outputs near 0 and 1 make soft, poorly calibrated logits.

At test time the body is frozen (section 1.3.4: restore the checkpoint, fit
the head to the new task). Step 0 of adaptation is the ridge head itself;
steps 1, 2, ... are plain SGD on the head's support loss *starting from the
ridge head*, with step size ``inner_lr``: section 1.4.4's "train the head on
the frozen model first, then take gradient steps".
"""

from dataclasses import dataclass, replace

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta import adapt, checks
from scratchmeta.meta.checks import check_adaptation_args, check_head_config, check_update_args
from scratchmeta.meta.guard import ExplodingMetaGradient, check_update
from scratchmeta.meta.protocol import configure, draw_tasks
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.nn import split
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import cross_entropy, mse


def closed_form_meta_loss(body_params, batch, model, *, lam, scale=1.0, loss=mse):
    """Mean over tasks of the query loss of the ridge head fit on the support set.

    This replaces MAML's K inner steps (eq. 22.4) by eq. 22.6: for each task,
    fit W on the body's features of the support set (eq. 22.1), then score
    ``scale * (Phi_query W + b)`` on the query set (eq. 22.2). Differentiable in
    ``body_params``, ``lam`` and ``scale`` (Figure 22.7).
    """
    checks.check_closed_form(body_params, batch, model, lam, scale, loss)
    head = ridge_fit(model.body(body_params, batch.x_support), batch.y_support, lam)
    pred = model.head(head, model.body(body_params, batch.x_query))
    return ad.mean(loss(ad.mul(scale, pred), batch.y_query))


@dataclass
class ClosedFormConfig:
    """Defaults: Finn et al.'s sinusoid hyperparameters where they apply; lam starts at 1."""

    lam: float = 1.0              # lambda of eq. 22.6 (its starting value when learned)
    learn_lam: bool = True        # meta-learn log lam, as R2-D2
    learn_scale: bool = None      # learn the output scale; None: when the loss is cross-entropy
    inner_lr: float = 0.01        # test-time SGD on the head, from the ridge head
    meta_lr: float = 1e-3         # Adam on the body (eq. 22.3)
    meta_batch: int = 25
    n_support: int = 10
    n_query: int = 10

    def check(self):
        check_head_config(self)


class ClosedForm:
    """Meta-train a body for a ridge head (section 1.4.3, eq. 22.6; Bertinetto et al. 2018).

    ``model`` is an MLP whose last layer the ridge head replaces: only
    ``model.body``'s parameters are meta-trained (Adam, eq. 22.3, on
    :func:`closed_form_meta_loss`), with log lam when ``learn_lam`` and the
    output scale log alpha when ``learn_scale``. The protocol is in
    ``scratchmeta.meta.protocol``.
    """

    Config = ClosedFormConfig
    fits_head_at_step_0 = True      # adaptation's theta_0 already holds the ridge head
    NOT_APPLICABLE = {"inner_steps": "the head is fitted in closed form by eq. 22.6, so "
                                     "there is no inner loop to unroll"}

    def __init__(self, model, family, config=None, **hyper):
        self.config = configure(type(self), config, hyper, model=model, family=family,
                                body=True)      # the ridge head replaces the last layer
        self.model, self.family = model, family
        if self.config.learn_scale is None:        # resolved, so a checkpoint records it
            self.config = replace(self.config, learn_scale=family.loss is cross_entropy)
        self.learn_scale = self.config.learn_scale
        self.name = "ClosedForm"

    def init_state(self, rng):
        body, _ = split(self.model.init(rng))           # the model's own head is never used
        params = {"body": body, "log_lam": np.log(self.config.lam), "log_scale": 0.0}
        params = ad.tree_map(np.asarray, params)
        return {"params": params, "adam": adam_init(params)}

    @staticmethod
    def lam(state):
        """The (learned) lambda of eq. 22.6."""
        return checks.state_lam(state)           # exp(log_lam), of a finite log_lam

    def _loss(self, params, batch):
        return closed_form_meta_loss(params["body"], batch, self.model,
                                     lam=ad.exp(params["log_lam"]),
                                     scale=ad.exp(params["log_scale"]), loss=self.family.loss)

    def sample_batch(self, rng, state):
        checks.check_sample_batch(rng, state, ("params", "adam"))
        return draw_tasks(self, rng)

    def update(self, state, batch, rng, step):
        check_update_args(state, step, ("params", "adam"), batch, self, rng, params=dict)
        advice = (f"with ridge lam = {self.lam(state):.3g}; the solve of eq. 22.6 is "
                  f"ill-conditioned when lam is tiny against Phi^T Phi (section 1.4.3): try "
                  f"a larger lam, or learn_lam=False")
        try:
            loss, grads = ad.value_and_grad(self._loss)(state["params"], batch)
        except np.linalg.LinAlgError:
            raise ExplodingMetaGradient(f"the ridge system of eq. 22.6 is singular at "
                                        f"meta-step {step}, {advice}") from None
        if not self.config.learn_lam:
            grads["log_lam"] = np.zeros(())
        if not self.learn_scale:
            grads["log_scale"] = np.zeros(())
        check_update(loss, grads, step=step, advice=advice)
        params, adam = adam_update(state["params"], grads, state["adam"], self.config.meta_lr)
        return {"params": params, "adam": adam}, float(loss)

    def adaptation(self, state, batch):
        """SGD on each task's head from alpha * (its ridge head), the body frozen and shared."""
        check_adaptation_args(self, state, batch, params=dict)
        p = state["params"]
        body, scale = p["body"], float(np.exp(p["log_scale"]))
        w, b = ridge_fit(self.model.body(body, batch.x_support), batch.y_support, self.lam(state))
        head = [scale * w, scale * b]                   # alpha (Phi W + b) is a linear head
        return adapt.sgd_path(list(body) + head, batch, self.model,
                              inner_lr=self.config.inner_lr, loss=self.family.loss,
                              trainable=self.model.head_indices)
