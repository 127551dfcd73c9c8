"""A ridge head for classification: R2-D2's logits from eq. 22.6 on one-hot targets.

Lecture 22, section 1.4.3: with a frozen body, the task head can be solved in
closed form, and the solution differentiated back into the body. Eq. 22.6 is a
least-squares solve, so Bertinetto, Henriques, Torr and Vedaldi (2018, R2-D2,
section 3.2) use it for classification by regressing the one-hot labels:

    W = (Phi^T Phi + lam I)^-1 Phi^T Y                   (eq. 22.6, Y one-hot)

with a column of ones in Phi for the bias (``scratchmeta.meta.ridge``). The
query logits are then rescaled by a learned output scale alpha and shifted by
a learned offset beta (R2-D2's "adjust" layer),

    logits = alpha * (Phi_query W + b) + beta,

and scored with the cross-entropy. The scale matters: least-squares outputs
sit near 0 and 1, too close together for a confident softmax, and alpha
(learned, like lam) sets how sharp it is. A scalar beta shifts every class
alike and so leaves the softmax unchanged; it matters only for other losses.
A per-class beta (shape (n_way,)) is accepted too.

Everything is in engine ops: the logits can be differentiated to any order in
the features, lam, alpha and beta.
"""

from scratchmeta import autodiff as ad
from scratchmeta.meta.checks import check_r2d2_inputs
from scratchmeta.meta.ridge import ridge_fit


def r2d2_logits(phi_support, y_support, phi_query, lam, scale=1.0, offset=0.0):
    """Query logits alpha (Phi_query W + b) + beta of the ridge head fit to one-hot targets.

    ``phi_support`` (points, d) or (tasks, points, d); ``y_support`` one-hot,
    (…, points, n_way); ``phi_query`` (…, query points, d) with the same
    leading axes and d. ``lam`` > 0, ``scale`` alpha a scalar, ``offset`` beta
    a scalar or (n_way,); each may be a Tensor being learned.
    """
    check_r2d2_inputs(phi_support, y_support, phi_query, scale, offset)
    w, b = ridge_fit(phi_support, y_support, lam)                   # eq. 22.6, bias included
    return ad.mul(scale, ad.matmul(phi_query, w) + b) + offset      # R2-D2's adjust layer
