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
"""

import numpy as np

from scratchmeta import autodiff as ad

ACTIVATIONS = {"relu": ad.relu, "tanh": ad.tanh, "sigmoid": ad.sigmoid}


class MLP:
    """A fully connected network with layer widths ``sizes``, e.g. (1, 40, 40, 1)."""

    def __init__(self, sizes, activation="relu"):
        sizes = tuple(sizes)
        if len(sizes) < 2 or not all(isinstance(n, (int, np.integer)) and n > 0 for n in sizes):
            raise ValueError(f"sizes must be at least two positive integers, got {sizes!r}")
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, "
                             f"got {activation!r}")
        self.sizes = sizes
        self.activation = activation
        self._act = ACTIVATIONS[activation]

    @property
    def n_layers(self):
        return len(self.sizes) - 1

    @property
    def head_indices(self):
        """Indices of the head's [W, b] in the parameter list: the last two."""
        n = 2 * self.n_layers
        return (n - 2, n - 1)

    def describe(self):
        """The constructor arguments, JSON-ready: ``MLP(**model.describe())`` rebuilds it."""
        return {"sizes": [int(n) for n in self.sizes], "activation": self.activation}

    def init(self, rng):
        """PyTorch's default for linear layers: W, b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))."""
        params = []
        for fan_in, fan_out in zip(self.sizes[:-1], self.sizes[1:]):
            bound = 1.0 / np.sqrt(fan_in)
            params.append(rng.uniform(-bound, bound, (fan_in, fan_out)))
            params.append(rng.uniform(-bound, bound, (fan_out,)))
        return params

    def apply(self, params, x):
        """The network's output for inputs ``x`` (see the module docstring for shapes)."""
        return self.head(params[-2:], self.body(params[:-2], x))

    def body(self, body_params, x):
        """Features Phi: every layer but the last, each followed by the activation."""
        self._check(body_params, x, self.n_layers - 1)
        h = x
        for w, b in zip(body_params[0::2], body_params[1::2]):
            h = self._act(ad.matmul(h, w) + _lift_bias(b))
        return h

    def head(self, head_params, features):
        """The last, linear layer: y = Phi W + b."""
        w, b = head_params
        return ad.matmul(features, w) + _lift_bias(b)

    def _check(self, body_params, x, n_layers):
        if len(body_params) != 2 * n_layers:
            raise ValueError(f"expected {2 * n_layers} body parameters [W1, b1, ...] for "
                             f"sizes {self.sizes}, got {len(body_params)}")
        ndim = len(ad.shape(x))
        if ndim not in (2, 3):
            raise ValueError(f"x must have shape (points, features) or (tasks, points, "
                             f"features), got shape {ad.shape(x)}")

    def __repr__(self):
        return f"MLP(sizes={self.sizes}, activation={self.activation!r})"


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
    out = []
    for p in params:
        shape = ad.shape(p)
        lead = (n_tasks,) if len(shape) == 2 else (n_tasks, 1)
        out.append(ad.broadcast_to(p, lead + shape))
    return out


def split(params):
    """(body parameters, head parameters): all layers but the last, and the last."""
    return list(params[:-2]), list(params[-2:])
