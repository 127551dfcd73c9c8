"""Batch normalisation over each task's own batch (transductive, as in Finn et al.'s code).

Lecture 22, section 1.3.7 warns against normalising in MAML's inner loop: a
normalisation that behaved one way while meta-training and another at test
time would no longer reflect what fine-tuning does. Finn, Abbeel and Levine
(2017, section 5.2 and appendix) still put batch normalisation after every
layer of their Omniglot network; their code (``utils.normalize``, TensorFlow's
``batch_norm`` in training mode) always uses the statistics of the batch it is
given, and every task is run on its own. So each task's support set is
normalised with the support set's statistics, and its query set with the query
set's, in meta-training and at test time alike: the behaviour is the same in
both, which is what section 1.3.7 asks for. This is *transductive* batch norm:
a query point's output depends on the other query points of its task.

For features h_i (i over the points of one task), Ioffe and Szegedy (2015,
Algorithm 1) compute, feature by feature,

    mu = mean_i h_i,    var = mean_i (h_i - mu)^2,
    h_hat_i = (h_i - mu) / sqrt(var + eps),    out_i = scale * h_hat_i + offset.

``scale`` and ``offset`` are learnable (Finn et al.'s code learns the offset
only, which is ``scale=None``); ``eps`` defaults to TensorFlow's 1e-3, the
value in Finn et al.'s code. With a leading task axis, mu and var are taken
over each task's points separately, so one call normalises a whole meta-batch.

Everything is written with the engine's ops (mean, sub, mul, sqrt, div), so
its VJP is too, and it can be differentiated to any order: MAML needs the
second order, because batch norm sits inside the inner loop (eq. 22.4).
"""

import numpy as np

from scratchmeta import autodiff as ad


def batch_norm(h, scale=None, offset=None, *, eps=1e-3):
    """Normalise each feature of ``h`` over the points of its own task (Algorithm 1 above).

    ``h``: (points, features), or (tasks, points, features) with statistics per
    task. ``scale`` and ``offset``: None (1 and 0), shape (features,), or per
    task (tasks, features) or (tasks, 1, features), as ``nn.per_task`` makes
    them. Points are axis -2; at least 2 are needed for a variance.
    """
    shape = ad.shape(h)
    if len(shape) not in (2, 3):
        raise ValueError(f"h must have shape (points, features) or (tasks, points, features), "
                         f"got shape {shape}")
    if shape[-2] < 2:
        raise ValueError(f"batch statistics need at least 2 points per task (axis -2 of h), "
                         f"got h of shape {shape}")
    if not (np.isscalar(eps) and eps > 0):
        raise ValueError(f"eps must be a positive number (it keeps sqrt(var + eps) > 0), "
                         f"got {eps!r}")
    scale = _lift("scale", scale, shape)
    offset = _lift("offset", offset, shape)

    mu = ad.mean(h, axis=-2, keepdims=True)                          # mu, per task and feature
    centred = h - mu
    var = ad.mean(centred * centred, axis=-2, keepdims=True)         # biased, as in Algorithm 1
    h_hat = centred / ad.sqrt(var + eps)
    out = h_hat if scale is None else h_hat * scale
    return out if offset is None else out + offset


def _lift(name, p, h_shape):
    """A per-task (tasks, features) parameter becomes (tasks, 1, features) for the points axis."""
    if p is None:
        return None
    shape, features = ad.shape(p), h_shape[-1]
    if shape == (features,):
        return p
    if len(h_shape) == 3 and shape in ((h_shape[0], features), (h_shape[0], 1, features)):
        return ad.reshape(p, (h_shape[0], 1, features))
    allowed = f"({features},)"
    if len(h_shape) == 3:
        allowed += f", ({h_shape[0]}, {features}) or ({h_shape[0]}, 1, {features})"
    raise ValueError(f"{name} must have shape {allowed} for h of shape {h_shape}, "
                     f"got shape {shape}")
