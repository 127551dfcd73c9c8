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

Finn et al.'s network: ``nn.MLP(sizes, batch_norm=True)``
--------------------------------------------------------

Their fully connected Omniglot network makes every hidden layer a matmul,
then this normalisation (``scale=None``), then the ReLU; the head stays
linear. Each hidden layer keeps the plain MLP's two parameters ``[W, beta]``:
``W`` (fan_in, fan_out) and the normalisation's learned offset ``beta``
(fan_out,). A bias before the normalisation would be subtracted again with
the batch mean (its gradient is exactly zero), so ``beta`` takes its place.

Which parameters the inner loop adapts follows their code (``maml.py``,
``utils.normalize``): the inner step (eq. 22.4) updates the ``weights``
dictionary, the layers' W and b, while ``beta`` is a variable of TensorFlow's
``batch_norm`` outside that dictionary, so it is only meta-learned (eq. 22.3),
never fine-tuned. Their hidden biases b move in the inner loop but, cancelled
by the normalisation, change nothing. So ``MLP.adapted_indices`` is every W
and the head's b, not the betas; MAML's inner loops (``meta.maml.inner_sgd``,
``meta.maml_low_rank``) and test-time SGD (``meta.adapt``) step only those.

The initialisation, :func:`finn_init`, follows their ``construct_fc_weights``.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.datasets.checks import check_layer_sizes, shape_of
from scratchmeta.meta.checks import check_finite_arrays, check_memory, check_rng
from scratchmeta.messages import seen


def batch_norm(h, scale=None, offset=None, *, eps=1e-3):
    """Normalise each feature of ``h`` over the points of its own task (Algorithm 1 above).

    ``h``: (points, features), or (tasks, points, features) with statistics per
    task. ``scale`` and ``offset``: None (1 and 0), shape (features,), or per
    task (tasks, features) or (tasks, 1, features), as ``nn.per_task`` makes
    them. Points are axis -2; at least 2 are needed for a variance.
    """
    try:
        shape = _check_h(h)
    except ValueError as err:                      # h and scale given in each other's places?
        if np.ndim(h) < 2 <= np.ndim(scale) and isinstance(scale, np.ndarray):
            raise ValueError(f"{err}; scale has shape {scale.shape}, a shape h could have: are "
                             f"h and scale swapped? (batch_norm(h, scale, offset))") from None
        raise
    if shape[-2] < 2:
        raise ValueError(f"batch statistics need at least 2 points per task (axis -2 of h), "
                         f"got h of shape {shape}")
    if not (isinstance(eps, (int, float, np.integer, np.floating))
            and not isinstance(eps, (bool, np.bool_, np.timedelta64)) and np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a positive number, finite (it keeps sqrt(var + eps) > 0), "
                         f"got {seen(eps)}")
    scale = _lift("scale", scale, shape)
    offset = _lift("offset", offset, shape)

    mu = ad.mean(h, axis=-2, keepdims=True)                          # mu, per task and feature
    centred = h - mu
    var = ad.mean(centred * centred, axis=-2, keepdims=True)         # biased, as in Algorithm 1
    h_hat = centred / ad.sqrt(var + eps)
    out = h_hat if scale is None else h_hat * scale
    return out if offset is None else out + offset


def finn_init(rng, sizes):
    """Finn et al.'s initial [W1, beta1, ..., W_head, b_head], in float64.

    W from a normal of standard deviation 0.01 truncated at two standard
    deviations (TensorFlow's ``truncated_normal``: draws beyond +-2 are
    redrawn), offsets and the head's bias zero.
    """
    check_rng("rng", rng)
    sizes = check_layer_sizes(sizes)                  # ordered: a set's order is not yours
    check_memory(f"finn_init's parameters for sizes {sizes}",
                 sum(float(a) * b + b for a, b in zip(sizes[:-1], sizes[1:])))
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        z = rng.standard_normal((fan_in, fan_out))
        bad = np.abs(z) > 2
        while bad.any():
            z[bad] = rng.standard_normal(int(bad.sum()))
            bad = np.abs(z) > 2
        params += [0.01 * z, np.zeros(fan_out)]
    return params


def _check_h(h):
    """``h``: real numbers of shape (points, features) or (tasks, points, features), no axis
    empty; returns its shape. O(1): the dtype and the shape, never the entries."""
    shape = shape_of("", "h", h, "an array of shape (points, features) or (tasks, points, "
                     "features)")
    dtype = getattr(ad.stop_gradient(h), "dtype", None)
    if isinstance(dtype, np.dtype) and dtype.kind not in "iuf":      # no bools
        raise TypeError(f"h must be an array of real numbers, got dtype {dtype}"
                        + (" (an object array)" if dtype.kind == "O" else "")
                        + f" and shape {shape}")
    if len(shape) not in (2, 3) or 0 in shape:
        raise ValueError(f"h must have shape (points, features) or (tasks, points, features), "
                         f"no axis empty, got shape {shape}: {h!r:.60}")
    check_finite_arrays("h", h)                    # (a Tensor, traced, is not read)
    return shape


def _lift(name, p, h_shape):
    """A per-task (tasks, features) parameter becomes (tasks, 1, features) for the points axis."""
    if p is None:
        return None
    dtype = p.dtype if isinstance(p, (np.ndarray, np.generic, ad.Tensor)) else np.asarray(p).dtype
    if isinstance(p, (str, bytes)) or np.dtype(dtype).kind not in "iuf":     # no bools
        raise TypeError(f"{name} must be None or an array of real numbers, got {seen(p)}"[:300])
    check_finite_arrays(name, p)
    shape, features = ad.shape(p), h_shape[-1]
    if shape == (features,):
        return p
    if len(h_shape) == 3 and shape in ((h_shape[0], features), (h_shape[0], 1, features)):
        return ad.reshape(p, (h_shape[0], 1, features))
    allowed = f"({features},)"
    if len(h_shape) == 3:
        allowed += f", ({h_shape[0]}, {features}) or ({h_shape[0]}, 1, {features})"
    kind = "" if isinstance(p, (np.ndarray, ad.Tensor)) else f" (a {type(p).__name__})"
    raise ValueError(f"{name} must have shape {allowed} for h of shape {h_shape}, "
                     f"got shape {shape}{kind}")
