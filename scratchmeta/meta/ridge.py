"""Eq. 22.6: the ridge-regression head on frozen features, in closed form.

Lecture 22, section 1.3.4 (the semi-frozen model) and section 1.4.3 (eq.
22.6); Bertinetto, Henriques, Torr and Vedaldi (2018), "Meta-learning with
differentiable closed-form solvers" (R2-D2). For a task with support inputs X
and targets y, let Phi hold the body's features of X, one row per point. The
squared-error-optimal linear head with ridge penalty lam is

    W = (Phi^T Phi + lam I)^-1 Phi^T y.                                  (eq. 22.6)

It is written once, here, with engine ops, so it can be differentiated in Phi,
y and lam to any order: the closed-form strategy meta-trains the body through
it. Beyond the core engine it needs ``ad.concatenate`` (the bias column,
``autodiff/more_ops.py``) and ``ad.solve``, whose backward rule
(``autodiff/linalg.py``) is the implicit derivative of A x = b:
gb = A^-T g and gA = -gb x^T. Where no gradient is wanted (a multi-task
model's test-time head), it is called on plain arrays, or under
``stop_gradient``.

Two details:

* **Two forms of one formula.** With n support points and d features, eq. 22.6
  solves a d x d system. The push-through (Woodbury) identity
  ``(Phi^T Phi + lam I_d)^-1 Phi^T = Phi^T (Phi Phi^T + lam I_n)^-1`` gives the
  same W from an n x n system. Few-shot tasks have n < d (10 points, 41
  features for the sinusoid MLP), so, like R2-D2, ``form="auto"`` picks the
  smaller system.
* **The bias.** A column of ones is appended to Phi, so the head's bias is the
  last row of W. The bias is regularised like every other weight: the penalty
  is exactly lam I, which keeps this one ridge problem to which eq. 22.6 and
  its Woodbury form both apply unchanged.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.checks import check_choice, check_features, check_ridge_inputs

FORMS = ("auto", "primal", "dual")


def ridge_head(features, targets, lam, *, form="auto"):
    """Ridge regression weights W = (Phi^T Phi + lam I)^-1 Phi^T y (eq. 22.6).

    ``features`` Phi is (points, d) or (tasks, points, d); ``targets`` y is
    (points, outputs) or (tasks, points, outputs); W is (d, outputs) or
    (tasks, d, outputs). ``lam`` is a positive scalar (a float, or a Tensor when
    it is being learned). No bias is added here; see :func:`with_bias`.

    ``form="primal"`` solves the d x d system of eq. 22.6; ``form="dual"`` the
    n x n system of its Woodbury form W = Phi^T (Phi Phi^T + lam I)^-1 y; the
    default ``"auto"`` takes the dual form when n < d, as R2-D2 does.
    """
    check_ridge_inputs(features, targets, lam)
    check_choice("form", form, FORMS)
    n, d = ad.shape(features)[-2:]
    phi_t = ad.matrix_transpose(features)
    if form == "dual" or (form == "auto" and n < d):
        gram = ad.matmul(features, phi_t)                                   # Phi Phi^T, n x n
        alpha = ad.solve(ad.add(gram, ad.mul(lam, np.eye(n))), targets)     # (PhiPhi^T+lam I)^-1 y
        return ad.matmul(phi_t, alpha)                                      # Phi^T alpha
    gram = ad.matmul(phi_t, features)                                       # Phi^T Phi, d x d
    return ad.solve(ad.add(gram, ad.mul(lam, np.eye(d))), ad.matmul(phi_t, targets))  # eq. 22.6


def with_bias(features):
    """Phi with a column of ones appended: the last row of W becomes the bias."""
    shape = check_features("features", features)
    return ad.concatenate([features, np.ones(shape[:-1] + (1,))], axis=-1)


def ridge_fit(features, y, lam, *, form="auto"):
    """Each task's ridge head, bias included: [W (tasks, d, out), b (tasks, 1, out)] (2-D: one)."""
    check_ridge_inputs(features, y, lam, names=("features", "y"))     # by the caller's names
    w_aug = ridge_head(with_bias(features), y, lam, form=form)
    return [w_aug[..., :-1, :], w_aug[..., -1:, :]]                    # W, and b (the last row)
