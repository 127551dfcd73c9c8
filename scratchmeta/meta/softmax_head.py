"""A softmax head solved by Newton's method, differentiated by the implicit function theorem.

Lecture 22, section 1.4.3 closes by noting that the closed-form strategy needs
only a *convex* head problem, such as a logistic or cross-entropy loss, not a
least-squares one. Bertinetto et al. (2018) call their logistic version LR-D2:
a binary head fitted by a few Newton steps that are unrolled and
backpropagated through. This module fits the multinomial (softmax) head and
differentiates through its optimum without unrolling anything.

**The head's problem.** For one task with support features Phi (n x d, one
row per point, a column of ones for the bias) and one-hot labels Y (n x C),
the head W (d x C) minimises

    L(W) = sum_i [logsumexp(phi_i W) - phi_i W y_i] + (lam / 2) ||W||^2.

Its gradient and Hessian, with P = softmax(Phi W) row by row:

    G(W, Phi) = Phi^T (P - Y) + lam W,
    H = sum_i (phi_i phi_i^T) kron (diag p_i - p_i p_i^T) + lam I,

H acting on vec(W) with W flattened row by row (index a * C + c). With
lam > 0 the problem is strongly convex and W* is unique. (Without the penalty
it is not: adding one vector to every column of W leaves the softmax alone.)

**Solving it.** Newton's method, ``W <- W - H^-1 G``, with a backtracking line
search so that every step lowers L, run on plain arrays until the Newton step
is below ``tol`` (quadratic convergence: a handful of steps). H has d*C rows;
a few-shot support set has n < d points, and then, as R2-D2 does for eq.
22.6, we solve the same systems in their push-through (Woodbury) form with
n*C rows (``form="dual"``, the default when n < d): for 5-way 1-shot on
64 features plus a bias, 25 rows instead of 325.

**Differentiating it (the implicit function theorem).** W* is defined by
G(W*(Phi), Phi) = 0. Differentiating that identity gives

    H dW* + (dG/dPhi) dPhi = 0,   so   dW*/dPhi = -H^-1 dG/dPhi:

one linear solve with the Hessian, whatever the number of Newton steps. In
engine ops this is one expression: with W* and H held constant
(``stop_gradient``),

    W_out = W* - H^-1 G(W*, Phi).

Its value is W* (G vanishes at the optimum; the correction is one more
Newton step, below ``tol``), and its derivative in Phi, Y and lam is
-H^-1 dG/d(.), the implicit one. Only this *first* derivative is exact: a
derivative of that derivative would miss how W* and H move. That is what the
closed-form strategy needs (the meta-gradient of the query loss, eq. 22.6's
role in Figure 22.7); it is not a head to put inside a second-order MAML
inner loop. :func:`softmax_head_unrolled` builds the naive alternative,
differentiating through every Newton step; the tests check the two agree,
and both against central differences.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.checks import (check_choice, check_count, check_features, check_rate,
                                     check_ridge_inputs, check_shape)
from scratchmeta.meta.ridge import with_bias
from scratchmeta.messages import seen

FORMS = ("auto", "primal", "dual")
FULL_STEP = 1e-4      # Newton decrement G.s below which Newton takes full steps


def softmax_head(features, targets, lam, *, form="auto", tol=1e-10, max_steps=100):
    """W* of the L2-penalised softmax head (module docstring), with its IFT derivative.

    ``features`` Phi: (points, d) or (tasks, points, d) (append the bias
    column yourself, with ``meta.ridge.with_bias``); ``targets``: one-hot
    (…, points, C); ``lam`` > 0, a scalar (or Tensor). Returns W of shape
    (d, C) or (tasks, d, C), differentiable (to first order) in all three.
    ``form`` picks the d*C ("primal") or n*C ("dual") systems; "auto" takes
    the smaller.
    """
    _check_inputs(features, targets, lam, form)
    batched = len(ad.shape(features)) == 3
    phi, y = (features, targets) if batched else (_add_task_axis(features),
                                                  _add_task_axis(targets))
    n_tasks, n, d = ad.shape(phi)
    c = ad.shape(y)[-1]
    dual = form == "dual" or (form == "auto" and n < d)
    phi0, lam0 = ad.stop_gradient(phi), float(ad.stop_gradient(lam))      # H is built from these
    w_star = newton_solve(phi0, ad.stop_gradient(y), lam0, form="dual" if dual else "primal",
                          tol=tol, max_steps=max_steps)
    curvature = _curvature(_softmax(phi0 @ w_star))
    g = _gradient(phi, y, lam, w_star)                 # G(W*, Phi): value ~0, slope dG/d(.)
    if dual:
        step = _solve_hessian_dual(phi0, curvature, lam0, g)
    else:
        hessian = _hessian(phi0, curvature, lam0)
        step = ad.reshape(ad.solve(hessian, ad.reshape(g, (n_tasks, d * c, 1))), (n_tasks, d, c))
    w = w_star - step                                  # value W*, derivative -H^-1 dG/d(.)
    return w if batched else ad.reshape(w, (d, c))


def softmax_head_logits(phi_support, y_support, phi_query, lam, **newton):
    """Query logits Phi_query W* (+ bias) of the softmax head fit on the support set."""
    s_shape, q_shape = check_features("phi_support", phi_support), check_features("phi_query",
                                                                                  phi_query)
    check_features("y_support", y_support)
    if len(q_shape) != len(s_shape) or q_shape[:-2] != s_shape[:-2] or \
            q_shape[-1:] != s_shape[-1:]:
        raise ValueError(f"phi_query must have shape {s_shape[:-2] + ('points', s_shape[-1])} "
                         f"to match phi_support of shape {s_shape}, got shape {q_shape}")
    w = softmax_head(with_bias(phi_support), y_support, lam, **newton)
    return ad.matmul(with_bias(phi_query), w)


def newton_solve(phi, y, lam, *, form="primal", tol=1e-10, max_steps=100):
    """W* of every task by damped Newton on plain arrays: phi (tasks, n, d) -> (tasks, d, C).

    Each step solves H s = G and halves the step until L decreases enough
    (Armijo's rule with constant 1/4; full steps once the Newton decrement
    G.s is below ``FULL_STEP``); a task stops once its Newton step is below
    ``tol * (1 + max |W|)``. Raises if some task is not there after
    ``max_steps`` steps.

    ``form="dual"`` takes the same steps in n*C coordinates: Newton's
    iterates from W = 0 stay in the span of the rows of Phi, W = Phi^T A, and
    s_W = Phi^T s_A where (lam I + S (K kron I)) s_A = P - Y + lam A, with
    K = Phi Phi^T and S the blocks diag p_i - p_i p_i^T (multiply by Phi^T to
    see H s_W = G). For n < d that system is the smaller one.
    """
    check_rate("tol", tol)
    check_count("max_steps", max_steps, 1)              # W* takes at least one step
    check_choice("form", form, ("primal", "dual"))
    check_shape("phi", phi, ("tasks", "points", "features"))
    check_shape("y", y, ("tasks", "points", "classes"))
    check_ridge_inputs(phi, y, lam, one_hot=True, names=("phi", "y"),
                       lam_role="it makes the head's problem strictly convex")
    n_tasks, n, d = phi.shape
    c = y.shape[-1]
    phi_t = np.swapaxes(phi, -1, -2)
    dual = form == "dual"
    coef = np.zeros((n_tasks, n, c) if dual else (n_tasks, d, c))       # A, or W itself
    kernel = phi @ phi_t if dual else None
    active = np.ones(n_tasks, dtype=bool)
    for _ in range(max_steps):
        w = phi_t @ coef if dual else coef
        p = _softmax(phi @ w)
        g = phi_t @ (p - y) + lam * w                                      # G, (tasks, d, C)
        curvature = _curvature(p)
        if dual:
            step = np.linalg.solve(_dual_matrix(kernel, curvature, lam),
                                   (p - y + lam * coef).reshape(n_tasks, n * c, 1))
            step = step.reshape(n_tasks, n, c)
            step_w = phi_t @ step
        else:
            step = np.linalg.solve(_hessian(phi, curvature, lam), g.reshape(n_tasks, d * c, 1))
            step = step_w = step.reshape(n_tasks, d, c)
        size = np.abs(step_w).max(axis=(1, 2))
        active &= size > tol * (1.0 + np.abs(w).max(axis=(1, 2)))
        if not active.any():
            return w
        # backtracking line search, task by task: t = 1, 1/2, 1/4, ... until L falls enough.
        # Near the optimum (Newton decrement G.s below FULL_STEP) the full step is taken:
        # there the quadratic model is exact to rounding, and L's changes are below it.
        loss, slope = _objective(phi, y, lam, w), np.sum(g * step_w, axis=(1, 2))
        searching = active & (slope > FULL_STEP)
        t = np.ones(n_tasks)
        for _ in range(60):
            trial = w - t[:, None, None] * step_w
            short = searching & (_objective(phi, y, lam, trial) > loss - 0.25 * t * slope)
            if not short.any():
                break
            t = np.where(short, 0.5 * t, t)
        coef = np.where(active[:, None, None], coef - t[:, None, None] * step, coef)
    raise RuntimeError(f"Newton's method on the softmax head did not converge in {max_steps} "
                       f"steps for {int(active.sum())} of {n_tasks} tasks (lam = {lam:.3g}, "
                       f"last step {size.max():.3g}); a larger lam makes the problem better "
                       f"conditioned, or raise max_steps")


def softmax_head_unrolled(features, targets, lam, n_steps):
    """The naive alternative: ``n_steps`` full Newton steps from W = 0, all in engine ops.

    Differentiating it backpropagates through every step (LR-D2's way, in
    Bertinetto et al.). It is the reference :func:`softmax_head` is tested
    against; with a well-conditioned problem and enough steps both give the
    same W* and the same first derivatives.
    """
    _check_inputs(features, targets, lam)
    check_count("n_steps", n_steps, 0)
    batched = len(ad.shape(features)) == 3
    phi, y = (features, targets) if batched else (_add_task_axis(features),
                                                  _add_task_axis(targets))
    n_tasks, n, d = ad.shape(phi)
    c = ad.shape(y)[-1]
    w = np.zeros((n_tasks, d, c))
    for _ in range(n_steps):
        z = ad.matmul(phi, w)
        p = ad.exp(z - ad.logsumexp(z, axis=-1, keepdims=True))            # softmax
        g = _gradient_given_p(phi, y, lam, w, p)
        outer_phi = (ad.reshape(phi, (n_tasks, n, d, 1, 1, 1))
                     * ad.reshape(phi, (n_tasks, n, 1, 1, d, 1)))             # phi_i phi_i^T
        p_col = ad.reshape(p, (n_tasks, n, 1, c, 1, 1))
        p_row = ad.reshape(p, (n_tasks, n, 1, 1, 1, c))
        curvature = p_col * np.eye(c).reshape(1, 1, 1, c, 1, c) - p_col * p_row  # diag p - p p^T
        h = ad.reshape(ad.sum(outer_phi * curvature, axis=1), (n_tasks, d * c, d * c))
        h = h + ad.mul(lam, np.eye(d * c))
        w = w - ad.reshape(ad.solve(h, ad.reshape(g, (n_tasks, d * c, 1))), (n_tasks, d, c))
    return w if batched else ad.reshape(w, (d, c))


# --------------------------------------------------------------------------
# The pieces: softmax, objective, gradient and Hessian
# --------------------------------------------------------------------------

def _softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def _objective(phi, y, lam, w):
    """L(W) of every task, on plain arrays."""
    z = phi @ w
    top = z.max(axis=-1, keepdims=True)
    lse = (top + np.log(np.exp(z - top).sum(axis=-1, keepdims=True)))[..., 0]
    return np.sum(lse - np.sum(z * y, axis=-1), axis=-1) + 0.5 * lam * np.sum(w * w, axis=(1, 2))


def _gradient(phi, y, lam, w):
    """G(W, Phi) = Phi^T (softmax(Phi W) - Y) + lam W, in engine ops (so in Phi, Y and lam)."""
    z = ad.matmul(phi, w)
    p = ad.exp(z - ad.logsumexp(z, axis=-1, keepdims=True))
    return _gradient_given_p(phi, y, lam, w, p)


def _gradient_given_p(phi, y, lam, w, p):
    return ad.matmul(ad.matrix_transpose(phi), p - y) + ad.mul(lam, w)


def _curvature(p):
    """S_i = diag p_i - p_i p_i^T, the softmax's Jacobian at each point: (tasks, n, C, C)."""
    return p[..., :, None] * np.eye(p.shape[-1]) - p[..., :, None] * p[..., None, :]


def _hessian(phi, curvature, lam):
    """H of every task on plain arrays: sum_i (phi_i phi_i^T) kron S_i + lam I, (tasks, dC, dC)."""
    n_tasks, _, d = phi.shape
    c = curvature.shape[-1]
    h = np.einsum("tna,tnb,tncd->tacbd", phi, phi, curvature).reshape(n_tasks, d * c, d * c)
    return h + lam * np.eye(d * c)


def _dual_matrix(kernel, curvature, lam):
    """lam I + S (K kron I_C), (tasks, nC, nC): entry ((i, c), (j, c')) is S_i[c, c'] K_ij."""
    n_tasks, n, c, _ = curvature.shape
    m = curvature[:, :, :, None, :] * kernel[:, :, None, :, None]          # (t, i, c, j, c')
    m = m.reshape(n_tasks, n * c, n * c)
    return m + lam * np.eye(n * c)


def _solve_hessian_dual(phi, curvature, lam, g):
    """H^-1 g through the push-through (Woodbury) identity, one n*C system, engine ops in g.

    With J = Phi kron I_C (so H = J^T S J + lam I and J J^T = K kron I_C),
    H^-1 = (I - J^T (lam I + S (K kron I))^-1 S J) / lam. Phi, S and lam are
    constants here (they build H); only g carries a derivative.
    """
    n_tasks, n, _ = phi.shape
    c = curvature.shape[-1]
    m = _dual_matrix(phi @ np.swapaxes(phi, -1, -2), curvature, lam)
    jg = ad.reshape(ad.matmul(phi, g), (n_tasks, n, c, 1))                   # J g: rows phi_i g
    sjg = ad.reshape(ad.matmul(curvature, jg), (n_tasks, n * c, 1))          # S J g
    r = ad.reshape(ad.solve(m, sjg), (n_tasks, n, c))                        # M^-1 S J g
    return (g - ad.matmul(np.swapaxes(phi, -1, -2), r)) / lam                # (g - J^T r) / lam


def _add_task_axis(x):
    return ad.reshape(x, (1,) + tuple(ad.shape(x)))


def _check_inputs(features, targets, lam, form="auto"):
    check_ridge_inputs(features, targets, lam, one_hot=True,
                       lam_role="it makes the head's problem strictly convex")
    if form not in FORMS:
        raise ValueError(f"form must be one of {FORMS}, got {seen(form)}")
    for name, x in (("features", features), ("targets", targets)):
        if not np.all(np.isfinite(ad.stop_gradient(x))):
            raise ValueError(f"{name} must be finite, got NaN or infinity")
