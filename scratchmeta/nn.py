"""Chapter 2, part 1: the learner, a small MLP as a pure function of its parameters.

Lecture 22, section 1.2.2 (the model that theta0 parameterises) and 1.3.2
(fine-tuning many tasks in parallel from the same theta0).

A model here is two functions, as in the functional style of JAX and HIPS
autograd: ``init(rng)`` makes a parameter list ``[W1, b1, W2, b2, ...]`` and
``apply(params, x)`` computes the network. Nothing is stored on the model but
its layer sizes, so ``grad`` can differentiate ``apply`` with respect to any
parameter list, including one reached by K steps of inner SGD (eq. 22.4).

``apply`` works in two forms:

* plain parameters (``W`` of shape (fan_in, fan_out), ``b`` of shape
  (fan_out,)) with ``x`` of shape (points, features);
* parameters carrying a leading task axis (``W`` of shape (tasks, fan_in,
  fan_out), ``b`` of shape (tasks, fan_out) or (tasks, 1, fan_out)) with ``x``
  of shape (tasks, points, features). Each layer is then one batched matmul
  for all tasks: section 1.3.2's tasks fine-tuned side by side.

The network splits into a *body* (every layer but the last, ending in the
activation) and a linear *head* (the last layer). The multi-task, closed-form
and ANIL strategies treat the two differently.

``MLP(sizes, batch_norm=True)`` is Finn et al.'s Omniglot network (Chapter
5): batch normalisation before each hidden activation, the head linear. Its
parameter layout, which parameters the inner loop adapts and its
initialisation are explained in ``scratchmeta.batchnorm``. ``dtype="float32"``
makes the parameters float32 (drawn in float64, then rounded); the engine
keeps float32 inputs float32. Gradient checks stay in float64.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.checks import (Settled, check_layers, check_mlp, check_net_input,
                                         check_per_task, linear_product)
from scratchmeta.meta.checks import check_callable, check_mlp_init

ACTIVATIONS = {"relu": ad.relu, "tanh": ad.tanh, "sigmoid": ad.sigmoid}


class MLP(Settled):
    """A fully connected network with layer widths ``sizes``, e.g. (1, 40, 40, 1)."""

    def __init__(self, sizes, activation="relu", batch_norm=False, dtype="float64"):
        sizes, dtype = check_mlp(sizes, activation, batch_norm, dtype, ACTIVATIONS)
        self.dtype = dtype
        self.sizes = sizes
        self.activation = activation
        self.batch_norm = batch_norm
        self._act = ACTIVATIONS[activation]

    @property
    def n_layers(self):
        return len(self.sizes) - 1

    @property
    def head_indices(self):
        """Indices of the head's [W, b] in the parameter list: the last two."""
        n = 2 * self.n_layers
        return (n - 2, n - 1)

    @property
    def adapted_indices(self):
        """Indices of the parameters the inner loop fine-tunes; None: all of them.

        With batch norm: every W and the head's b, not the offsets beta (Finn
        et al.'s code, see ``scratchmeta.batchnorm``).
        """
        if not self.batch_norm:
            return None
        n = 2 * self.n_layers
        return tuple(range(0, n, 2)) + (n - 1,)

    def describe(self):
        """The constructor arguments, JSON-ready: ``MLP(**model.describe())`` rebuilds it."""
        out = {"sizes": [int(n) for n in self.sizes], "activation": self.activation}
        if self.batch_norm:
            out["batch_norm"] = True
        if self.dtype != np.float64:
            out["dtype"] = self.dtype.name
        return out

    def init(self, rng):
        """PyTorch's default for linear layers: W, b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).

        With batch norm, Finn et al.'s (``batchnorm.finn_init``).
        """
        check_mlp_init(self, rng)
        if self.batch_norm:
            params = finn_init(rng, self.sizes)
        else:
            params = []
            for fan_in, fan_out in zip(self.sizes[:-1], self.sizes[1:]):
                bound = 1.0 / np.sqrt(fan_in)
                params.append(rng.uniform(-bound, bound, (fan_in, fan_out)))
                params.append(rng.uniform(-bound, bound, (fan_out,)))
        if self.dtype != np.float64:            # drawn in float64, then rounded: same draws
            params = [p.astype(self.dtype) for p in params]
        return params

    def apply(self, params, x):
        """The network's output for inputs ``x`` (see the module docstring for shapes)."""
        x = check_net_input(self, params, x)
        return self.head(params[-2:], self.body(params[:-2], x))

    def body(self, body_params, x):
        """Features Phi: every layer but the last, each followed by the activation.

        With batch norm, a layer is act(batch_norm(h W, offset=beta)), the
        statistics taken over each task's own points.
        """
        h = check_net_input(self, body_params, x, layers=range(self.n_layers - 1),
                            name="body_params")                     # h = x, checked
        for w, b in zip(body_params[0::2], body_params[1::2]):
            if self.batch_norm:
                h = self._act(batch_norm(ad.matmul(h, w), offset=b))
            else:
                h = self._act(ad.matmul(h, w) + _lift_bias(b))
        return h

    def forward_with(self, params, x, linear):
        """The network with each layer's product computed as ``linear(layer, h, W)``.

        ``linear(l, h, W)`` must return h W for layer l (0-based), the head
        included; biases, batch norm and activations are applied here as in
        :meth:`apply`. With ``linear = lambda l, h, w: ad.matmul(h, w)`` this
        is :meth:`apply`. MAML on wide layers (``meta.maml_low_rank``)
        passes a product that adds each layer's inner-loop change without
        forming it.
        """
        x = check_net_input(self, params, x)
        check_callable("linear", linear, "lambda l, h, w: ad.matmul(h, w)")
        h = x
        for l, (w, b) in enumerate(zip(params[0::2], params[1::2])):
            z = linear_product(linear, l, h, w)     # linear(l, h, w), its shape checked
            if l == self.n_layers - 1:
                return z + _lift_bias(b)
            if self.batch_norm:
                h = self._act(batch_norm(z, offset=b))
            else:
                h = self._act(z + _lift_bias(b))

    def head(self, head_params, features):
        """The last, linear layer: y = Phi W + b."""
        features = check_net_input(self, head_params, features, layers=(self.n_layers - 1,),
                                   name="head_params", x_name="features", scan_x=False)
        w, b = head_params
        return ad.matmul(features, w) + _lift_bias(b)

    def __repr__(self):
        bn = ", batch_norm=True" if self.batch_norm else ""
        dt = "" if self.dtype == np.float64 else f", dtype={self.dtype.name!r}"
        return f"MLP(sizes={self.sizes}, activation={self.activation!r}{bn}{dt})"


def _lift_bias(b):
    """A per-task bias (tasks, width) becomes (tasks, 1, width), to broadcast over points."""
    shape = ad.shape(b)
    return ad.reshape(b, (shape[0], 1, shape[1])) if len(shape) == 2 else b


def per_task(params, n_tasks):
    """theta0 broadcast to one copy per task (a view: no memory is copied).

    Gradients with respect to the copies are then per-task gradients, from one
    backward pass over the whole batch (section 1.3.2). Biases become
    (tasks, 1, width), which broadcast over points without a reshape.
    """
    check_per_task(params, n_tasks)          # n_tasks >= 1; 1-D or 2-D arrays, finite
    out = []
    for p in params:
        shape = ad.shape(p)
        lead = (n_tasks,) if len(shape) == 2 else (n_tasks, 1)
        out.append(ad.broadcast_to(p, lead + shape))
    return out


def split(params):
    """(body parameters, head parameters): all layers but the last, and the last."""
    check_layers("params", params)
    return list(params[:-2]), list(params[-2:])
