"""Chapter 5: MAML's inner loop on wide inputs, without per-task weight matrices.

Lecture 22, section 1.3.2 (every task of a batch fine-tuned at once) and
eq. 22.4 (the inner SGD step); Finn, Abbeel and Levine (2017), section 5.2,
whose Omniglot network takes 784 pixels into 256 units.

``meta.maml.inner_sgd`` fine-tunes a batch of tasks by broadcasting theta0 to
one copy per task. On Omniglot those copies would dominate everything: 32
tasks x 784 x 256 numbers for the first weight matrix alone, formed forward
and again backward, while each task has only 5 support drawings (5-way
1-shot). This module computes the same meta-loss in another order.

Layer l computes z = h W_l. A task's support loss depends on W_l only through
z_s = H_s W_l (H_s: the layer's inputs on the task's support set), so its
gradient is H_s^T delta, with delta = dL_support/dz_s, one row per support
point. An inner step (eq. 22.4) therefore adds H_s^T A with A = -inner_lr
delta: a change of rank at most the number of support points. After steps
j = 0..k-1, task t's weight is

    W_l,t = W_l + sum_j H_s^(j)T A^(j),   so   h W_l,t = h W_l + sum_j (h H_s^(j)T) A^(j)

for any inputs h of that task. W_l stays one shared matrix, h W_l is one
matrix product for the whole batch, and the corrections are (points x support
points) products; no (tasks, fan_in, fan_out) array is formed, forward or
backward. delta is read off as the gradient with respect to a zero added to
z_s. Biases (and the head's bias) are small and are stepped per task, as in
``inner_sgd``; the model's ``adapted_indices`` say which parameters move
(batch norm's offsets do not, see ``scratchmeta.batchnorm``).

``meta.maml.meta_loss`` calls :func:`meta_loss_low_rank` whenever
:func:`uses_low_rank` says it applies; both give the same numbers to rounding
(tests/test_maml_low_rank.py).
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.checks import check_batch, check_low_rank, check_model, check_params
from scratchmeta.nn import per_task
from scratchmeta.tasks import mse


def uses_low_rank(params, batch, model):
    """True when :func:`meta_loss_low_rank` applies and saves work.

    The model must expose its layers' products (``forward_with``, as
    ``nn.MLP`` does), and each task must have fewer support points than the
    first layer has inputs (Omniglot: 5 drawings, 784 pixels). Sinusoids (one
    input) and the default clusters (8 inputs, 10 support points) keep the
    per-task copies of ``meta.maml.inner_sgd``, so their numbers do not change.
    """
    check_params("params", params)                 # O(1): shapes only
    check_batch(batch)
    check_model(model)                             # a network, not None (O(1))
    if not hasattr(model, "forward_with"):
        return False
    shape = ad.shape(batch.x_support)
    return len(shape) == 3 and len(ad.shape(params[0])) == 2 and shape[1] < shape[2]


def meta_loss_low_rank(params, batch, model, *, inner_lr, inner_steps, first_order=False,
                       loss=mse):
    """MAML's meta-loss (mean query loss after K inner steps) in the factored order above.

    ``params``: theta0 as a plain list [W1, b1, ...]; ``batch``: a ``TaskBatch``
    with a leading task axis; ``model``: an ``nn.MLP``. ``first_order``: the
    inner steps' changes are constants (FOMAML).
    """
    check_low_rank(params, batch, model, inner_lr, inner_steps, loss, first_order)
    x_s, y_s, x_q, y_q = batch.x_support, batch.y_support, batch.x_query, batch.y_query
    n_tasks, n_support = ad.shape(x_s)[:2]
    n_layers = len(params) // 2
    adapted = set(range(len(params)) if getattr(model, "adapted_indices", None) is None
                  else model.adapted_indices)
    weights = list(params[0::2])                              # shared by every task
    # FOMAML: the inner loop runs on plain values, so its changes are constants
    inner_weights = [ad.stop_gradient(w) for w in weights] if first_order else weights
    moving_w = [l for l in range(n_layers) if 2 * l in adapted]
    moving_b = [l for l in range(n_layers) if 2 * l + 1 in adapted]
    biases0 = per_task(list(params[1::2]), n_tasks)
    corrections = [[] for _ in range(n_layers)]               # per layer: (H_s^(j), A^(j))

    def product(inputs=None, probes=None):
        def linear(l, h, w):
            if inputs is not None:
                inputs.append(h)
            z = ad.matmul(h, w)
            for h_s, a in corrections[l]:
                z = z + ad.matmul(ad.matmul(h, ad.matrix_transpose(h_s)), a)
            return z if probes is None else z + probes[l]
        return linear

    def network(biases, x, linear, weights=weights):
        params_now = [p for pair in zip(weights, biases) for p in pair]
        return model.forward_with(params_now, x, linear)

    def support_loss(free, biases, inputs):   # free = [a zero per moving layer, moving biases]
        probes = dict(zip(moving_w, free[:len(moving_w)]))
        biases = list(biases)
        for l, b in zip(moving_b, free[len(moving_w):]):
            biases[l] = b
        linear = product(inputs=inputs, probes=probes)
        return ad.sum(loss(network(biases, x_s, linear, inner_weights), y_s))

    biases = list(biases0)
    if first_order:
        biases = [ad.stop_gradient(b) for b in biases]
    dtypes = _input_dtypes(x_s, params)
    for _ in range(inner_steps):
        # The support pass inside grad also records H_s^(k) of every layer: once
        # grad returns, those nodes are their values one level down, still on
        # the outer trace (second order), so no second support pass is needed.
        inputs = []
        zeros = [np.zeros((n_tasks, n_support, ad.shape(weights[l])[1]), dtype=dtypes[l])
                 for l in moving_w]
        g = ad.grad(support_loss)(zeros + [biases[l] for l in moving_b], biases, inputs)
        for l, delta in zip(moving_w, g[:len(moving_w)]):
            corrections[l].append((inputs[l], -inner_lr * delta))          # eq. 22.4 on W_l
        biases = list(biases)
        for l, gb in zip(moving_b, g[len(moving_w):]):
            biases[l] = biases[l] - inner_lr * gb                           # eq. 22.4
    if first_order:
        biases = [b0 + (b - ad.stop_gradient(b0)) for b0, b in zip(biases0, biases)]
    return ad.mean(loss(network(biases, x_q, product()), y_q))              # L_test


def _input_dtypes(x, params):
    """The dtype of each layer's input h: x's, then promoted by each layer's parameters."""
    dtypes, dtype = [], np.result_type(ad.stop_gradient(x))
    for w, b in zip(params[0::2], params[1::2]):
        dtypes.append(dtype)
        dtype = np.result_type(dtype, ad.stop_gradient(w), ad.stop_gradient(b))
    return dtypes
