"""Exploding meta-gradients: how dL_test/dtheta0 grows with K and inner_lr.

Lecture 22, section 1.3.6 (the unrolled inner loop of eq. 22.4, Figure 22.5)
and section 1.3.7 (dying gradients are not the danger here, exploding ones are);
Finn, Abbeel and Levine (2017) for the meta-gradient measured.

Each inner step theta_{t+1} = theta_t - inner_lr * grad L_support(theta_t)
(eq. 22.4) has Jacobian ``I - inner_lr * H_t``, with H_t the support loss's
Hessian, and the meta-gradient is the query gradient at theta_K multiplied by
the K such Jacobians: backpropagation through a K-layer residual network whose
layers share their weights. The identity part keeps the gradient from dying
when inner_lr is small. But a direction of curvature h is scaled by
|1 - inner_lr * h| at every step, which exceeds 1 once inner_lr * h > 2 (and
for any h < 0); and when the inner steps themselves overshoot, theta_t runs
away and H_t grows with it. So for large inner_lr the norm grows roughly
geometrically in K, and faster the larger inner_lr. A normalisation inside the
loop is safe only if test-time fine-tuning uses it exactly as meta-training did
(section 1.3.7; ``meta.normalization`` shows what breaks when it does not); the
lecture's remedy is to keep K and inner_lr small.

This module measures that, for a figure:

* :func:`meta_gradient_norms` computes ||dL_test/dtheta0|| for every (K,
  inner_lr) pair of a grid, on one fixed batch and theta0;
* :func:`divergence_map` runs a short MAML meta-training for every cell and
  records whether the guard of ``scratchmeta.meta.guard`` stopped it.
"""

from typing import NamedTuple

import numpy as np

from scratchmeta.meta.checks import check_count, check_divergence_map, check_grid
from scratchmeta.meta.guard import ExplodingMetaGradient, grad_norm
from scratchmeta.meta.maml import MAML, MAMLConfig, meta_grad
from scratchmeta.tasks import mse


def meta_gradient_norm(params, batch, model, *, inner_steps, inner_lr, loss=mse):
    """||dL_test/dtheta0|| of second-order MAML, or inf when it overflows (never NaN)."""
    # Overflow here is the phenomenon being measured, so NumPy's warnings are
    # silenced for this one computation, and any non-finite result becomes inf.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        _, grads = meta_grad(params, batch, model, inner_lr=inner_lr,
                             inner_steps=inner_steps, loss=loss)
        norm = grad_norm(grads)
    return norm if np.isfinite(norm) else np.inf


def meta_gradient_norms(params, batch, model, Ks, inner_lrs, *, loss=mse):
    """(len(Ks), len(inner_lrs)) array of ||dL_test/dtheta0||, inf where it overflowed.

    Every cell uses the same theta0 = ``params`` and the same task ``batch``,
    so the grid isolates the effect of K and inner_lr (section 1.3.7).
    """
    Ks, inner_lrs = check_grid("Ks", Ks, "K"), check_grid("inner_lrs", inner_lrs, "lr")
    return np.array([[meta_gradient_norm(params, batch, model, inner_steps=k, inner_lr=lr,
                                         loss=loss) for lr in inner_lrs] for k in Ks])


class DivergenceMap(NamedTuple):
    """Outcome of a short meta-training for each (K, inner_lr) cell."""

    diverged: np.ndarray       # (len(Ks), len(inner_lrs)) bool: ExplodingMetaGradient raised
    step: np.ndarray           # meta-step at which it was raised, -1 if it never was
    final_loss: np.ndarray     # mean meta-loss of the last 10 steps; inf if diverged


def divergence_map(model, family, Ks, inner_lrs, *, seed=0, n_steps=200, meta_lr=1e-3,
                   meta_batch=25, n_support=10, n_query=10):
    """Run ``n_steps`` steps of MAML with Adam in every (K, inner_lr) cell.

    Each cell starts from the same theta0 and sees the same task batches (both
    drawn from ``seed``). A cell *diverged* when the meta-gradient guard
    (``check_update``, section 1.3.7) raised ExplodingMetaGradient.
    The cost is len(Ks) * len(inner_lrs) * n_steps meta-gradients; a quick
    figure uses a small grid and a few dozen steps.
    """
    check_divergence_map(model, family, n_steps)
    check_count("seed", seed, 0)                  # a NumPy seed: an int >= 0
    Ks, inner_lrs = check_grid("Ks", Ks, "K"), check_grid("inner_lrs", inner_lrs, "lr")
    shape = (len(Ks), len(inner_lrs))
    diverged, at = np.zeros(shape, bool), np.full(shape, -1)
    final = np.full(shape, np.inf)
    for i, k in enumerate(Ks):
        for j, lr in enumerate(inner_lrs):
            strategy = MAML(model, family, MAMLConfig(
                inner_lr=lr, inner_steps=k, meta_lr=meta_lr, meta_batch=meta_batch,
                n_support=n_support, n_query=n_query))
            rng = np.random.default_rng(seed)
            state, losses = strategy.init_state(rng), []
            try:
                # Overflow on the way to a non-finite gradient is expected
                # here; the guard turns it into ExplodingMetaGradient.
                with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                    for step in range(n_steps):
                        batch = strategy.sample_batch(rng, state)
                        state, loss = strategy.update(state, batch, rng, step)
                        losses.append(loss)
            except ExplodingMetaGradient:
                diverged[i, j], at[i, j] = True, step
                continue
            final[i, j] = float(np.mean(losses[-10:]))
    return DivergenceMap(diverged, at, final)
