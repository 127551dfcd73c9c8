"""The closed-form strategy: a semi-frozen body under a ridge-regression head.

Lecture 22, section 1.3.4 (the semi-frozen model) and section 1.4.3 (the
closed-form strategy, eq. 22.6, Figure 22.7); Bertinetto, Henriques, Torr and
Vedaldi (2018), "Meta-learning with differentiable closed-form solvers" (R2-D2).

MAML fine-tunes with K unrolled SGD steps, and the meta-gradient through that
unrolled loop can explode (section 1.3.6). Section 1.4.3 swaps the inner loop
for an exact solve. Treat the body of the network as a frozen feature map: for
a task with support inputs X and targets y, let Phi hold the body's features of
X, one row per point. The squared-error-optimal linear head with ridge penalty
lam is then a formula, eq. 22.6,

    W = (Phi^T Phi + lam I)^-1 Phi^T y.

The formula is differentiable in Phi, so the query loss of the head it gives
can be differentiated back into the body's parameters. Meta-training thus
shapes the body so that a ridge fit on its features of the support set
predicts the query set well (Figure 22.7); no inner SGD loop is unrolled.

Three details, each a few lines below:

* **Two forms of one formula.** With n support points and d features,
  eq. 22.6 solves a d x d system. The push-through (Woodbury) identity
  ``(Phi^T Phi + lam I_d)^-1 Phi^T = Phi^T (Phi Phi^T + lam I_n)^-1`` gives the
  same W from an n x n system. Few-shot tasks have n < d (10 points, 41
  features for the sinusoid MLP), so, like R2-D2, :func:`ridge_head` picks the
  smaller system.
* **The bias.** A column of ones is appended to Phi, so the head's bias is the
  last row of W. The bias is regularised like every other weight: the penalty
  is exactly lam I, which keeps this one ridge problem to which eq. 22.6 and
  its Woodbury form both apply unchanged.
* **What is learned.** The meta-parameters are the body's weights and, as in
  R2-D2, log lam (``learn_lam``). For classification families the head
  regresses one-hot targets (R2-D2's trick for reusing eq. 22.6) and its
  outputs, scaled by a learned alpha = exp(log_scale), are scored with the
  family's cross-entropy; R2-D2 learns such a scale because ridge outputs near
  0 and 1 make soft, poorly calibrated logits.

At test time the body is frozen (section 1.3.4: restore the checkpoint, fit
the head to the new task). ``adaptation_curve`` reports the query metric of
the ridge head at step 0, and at steps 1..n of plain SGD on the head's support
loss *starting from the ridge head*, with step size ``head_lr``: section 1.4.4's
"train the head on the frozen model first, then take gradient steps".
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.anil import head_inner_sgd
from scratchmeta.meta.common import (ExplodingMetaGradient, adam_step, check_finite_loss,
                                     check_meta_gradient, pack, unpack)
from scratchmeta.nn import split
from scratchmeta.tasks import cross_entropy, mse

FORMS = ("auto", "primal", "dual")


def _swap_last(x):
    """Phi^T for a matrix, or for each matrix of a batch (the last two axes swap)."""
    n = len(ad._shape(x))
    return ad.transpose(x, tuple(range(n - 2)) + (n - 1, n - 2))


def _check_ridge_inputs(features, targets, lam, form):
    fshape, tshape = ad._shape(features), ad._shape(targets)
    if len(fshape) not in (2, 3):
        raise ValueError(f"features Phi must have shape (points, d) or (tasks, points, d), "
                         f"got shape {fshape}")
    if len(tshape) != len(fshape) or tshape[:-1] != fshape[:-1]:
        raise ValueError(f"targets must have shape {fshape[:-1] + ('outputs',)} to match "
                         f"features of shape {fshape}, got shape {tshape}")
    lam_value = np.asarray(ad._raw(lam), dtype=float)
    if lam_value.shape != ():
        raise ValueError(f"lam must be a scalar, got an array of shape {lam_value.shape}")
    if not lam_value > 0:          # also rejects NaN
        raise ValueError(f"lam must be positive (it keeps Phi^T Phi + lam I invertible), "
                         f"got {float(lam_value)!r}")
    if form not in FORMS:
        raise ValueError(f"form must be one of {FORMS}, got {form!r}")


def ridge_head(features, targets, lam, *, form="auto"):
    """Ridge regression weights W = (Phi^T Phi + lam I)^-1 Phi^T y (eq. 22.6).

    ``features`` Phi is (points, d) or (tasks, points, d); ``targets`` y is
    (points, outputs) or (tasks, points, outputs); W is (d, outputs) or
    (tasks, d, outputs). ``lam`` is a positive scalar (a float, or a Tensor when
    it is being learned). No bias is added here; see :func:`with_bias`.

    ``form="primal"`` solves the d x d system of eq. 22.6; ``form="dual"`` the
    n x n system of its Woodbury form W = Phi^T (Phi Phi^T + lam I)^-1 y; the
    default ``"auto"`` takes the dual form when n < d, as R2-D2 does. Both are
    built from engine ops (batched matmul, transpose, batched solve), so the
    result can be differentiated to any order in Phi, y and lam.
    """
    _check_ridge_inputs(features, targets, lam, form)
    n, d = ad._shape(features)[-2:]
    phi_t = _swap_last(features)
    if form == "dual" or (form == "auto" and n < d):
        gram = ad.matmul(features, phi_t)                                   # Phi Phi^T, n x n
        alpha = ad.solve(ad.add(gram, ad.mul(lam, np.eye(n))), targets)     # (Phi Phi^T + lam I)^-1 y
        return ad.matmul(phi_t, alpha)                                      # Phi^T alpha
    gram = ad.matmul(phi_t, features)                                       # Phi^T Phi, d x d
    return ad.solve(ad.add(gram, ad.mul(lam, np.eye(d))), ad.matmul(phi_t, targets))  # eq. 22.6


def with_bias(features):
    """Phi with a column of ones appended: the last row of W becomes the bias."""
    shape = ad._shape(features)
    return ad.concatenate([features, np.ones(shape[:-1] + (1,))], axis=-1)


def ridge_fit(body_params, x, y, model, lam):
    """The ridge head of every task on the frozen body: [W (tasks, d, out), b (tasks, 1, out)]."""
    w_aug = ridge_head(with_bias(model.body(body_params, x)), y, lam)
    d = ad._shape(w_aug)[-2] - 1
    return [w_aug[..., :d, :], w_aug[..., d:, :]]


def closed_form_meta_loss(body_params, batch, model, *, lam, scale=1.0, loss=mse):
    """Mean over tasks of the query loss of the ridge head fit on the support set.

    This replaces MAML's K inner steps (eq. 22.4) by eq. 22.6: for each task,
    fit W on the body's features of the support set (eq. 22.1), then score
    ``scale * (Phi_query W + b)`` on the query set (eq. 22.2). Differentiable in
    ``body_params``, ``lam`` and ``scale`` (Figure 22.7).
    """
    head = ridge_fit(body_params, batch.x_support, batch.y_support, model, lam)
    pred = model.head(head, model.body(body_params, batch.x_query))
    return ad.mean(loss(ad.mul(scale, pred), batch.y_query))


def _as_meta_params(body, log_lam, log_scale):
    return list(body) + [log_lam, log_scale]


def _from_meta_params(meta):
    """(body parameters, log lam, log scale) from the flat list Adam updates."""
    return list(meta[:-2]), meta[-2], meta[-1]


class ClosedForm:
    """Meta-train a body for a ridge head (section 1.4.3, eq. 22.6; Bertinetto et al. 2018).

    ``model`` is an MLP whose last layer the ridge head replaces: only
    ``model.body``'s parameters are meta-trained (with Adam, eq. 22.3, on
    :func:`closed_form_meta_loss`), together with log lam when ``learn_lam``
    and the output scale log alpha when ``learn_scale``. ``learn_scale=None``
    learns the scale exactly when the family's loss is cross-entropy.

    Defaults follow Finn et al.'s sinusoid setting where they apply: meta-batch
    25, 10 support and 10 query points, Adam 1e-3; ``lam`` starts at 1.0, and
    test-time SGD on the head from the ridge solution uses ``head_lr`` 0.01
    (Finn et al.'s inner step size). The protocol is in ``scratchmeta.meta.common``.
    """

    def __init__(self, model, family, *, lam=1.0, learn_lam=True, learn_scale=None,
                 head_lr=0.01, meta_lr=1e-3, meta_batch=25, n_support=10, n_query=10):
        if not lam > 0:
            raise ValueError(f"lam must be positive, got {lam!r}")
        if not head_lr >= 0:
            raise ValueError(f"head_lr must be non-negative, got {head_lr!r}")
        if model.n_layers < 2:
            raise ValueError(f"the ridge head replaces the model's last layer, so the model "
                             f"needs a body of at least one layer; got sizes {model.sizes}")
        self.model, self.family = model, family
        self.lam, self.learn_lam, self.head_lr, self.meta_lr = lam, learn_lam, head_lr, meta_lr
        self.learn_scale = (family.loss is cross_entropy) if learn_scale is None else learn_scale
        self.meta_batch, self.n_support, self.n_query = meta_batch, n_support, n_query
        self.name = "ClosedForm"

    def init_state(self, rng):
        body, _ = split(self.model.init(rng))           # the model's own head is never used
        return pack("meta", _as_meta_params(body, np.log(self.lam), 0.0))

    def _loss(self, meta, batch):
        body, log_lam, log_scale = _from_meta_params(meta)
        return closed_form_meta_loss(body, batch, self.model, lam=ad.exp(log_lam),
                                     scale=ad.exp(log_scale), loss=self.family.loss)

    def step(self, state, rng, step_index):
        batch = self.family.sample(rng, self.meta_batch, self.n_support, self.n_query)
        meta = unpack("meta", state)
        lam = float(np.exp(meta[-2]))
        try:
            loss, grads = ad.value_and_grad(self._loss)(meta, batch)
        except np.linalg.LinAlgError:
            raise ExplodingMetaGradient(_failure("the ridge system of eq. 22.6 is singular",
                                                 step_index, lam)) from None
        if not self.learn_lam:
            grads[-2] = np.zeros(())
        if not self.learn_scale:
            grads[-1] = np.zeros(())
        try:
            # The shared guard of section 1.3.7. It words its advice for K and
            # inner_lr, which this strategy does not have, so we reword it.
            check_finite_loss(float(loss), step=step_index, inner_steps=0, inner_lr=0.0)
            check_meta_gradient(grads, step=step_index, inner_steps=0, inner_lr=0.0)
        except ExplodingMetaGradient:
            norm = np.sqrt(sum(float(np.sum(g * g)) for g in grads))
            raise ExplodingMetaGradient(_failure(
                f"the meta-loss is {float(loss):.3g} and the meta-gradient has norm {norm:.3g}",
                step_index, lam)) from None
        return adam_step(state, grads, self.meta_lr, prefix="meta"), float(loss)

    def _heads(self, state, batch, n_steps):
        """Features of the frozen body, and each task's head after 0..n_steps steps."""
        body, log_lam, log_scale = _from_meta_params(unpack("meta", state))
        scale = float(np.exp(log_scale))
        w, b = ridge_fit(body, batch.x_support, batch.y_support, self.model,
                         float(np.exp(log_lam)))
        head = [scale * w, scale * b]                   # alpha (Phi W + b) is a linear head
        phi_support = self.model.body(body, batch.x_support)
        phi_query = self.model.body(body, batch.x_query)
        heads = [head]
        for _ in range(n_steps):                        # SGD from the ridge head, body frozen
            heads.append(head_inner_sgd(heads[-1], phi_support, batch.y_support, self.model,
                                        inner_lr=self.head_lr, inner_steps=1,
                                        loss=self.family.loss))
        return phi_query, heads

    def adaptation_curve(self, state, batch, n_steps):
        phi_query, heads = self._heads(state, batch, n_steps)
        return np.stack([self.family.metric(self.model.head(h, phi_query), batch.y_query)
                         for h in heads], axis=1)

    def predict(self, state, batch, n_steps):
        phi_query, heads = self._heads(state, batch, n_steps)
        return np.asarray(ad._raw(self.model.head(heads[-1], phi_query)))


def _failure(what, step, lam):
    return (f"closed-form meta-training failed at meta-step {step} (ridge lam = {lam:.3g}): "
            f"{what}. The solve of eq. 22.6 is ill-conditioned when lam is tiny against "
            f"Phi^T Phi (lecture 22, section 1.4.3): try a larger lam, or learn_lam=False.")
