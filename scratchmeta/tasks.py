"""Chapter 2, part 2: families of few-shot tasks, each split into support and query.

Lecture 22, section 1.1 (a dataset of datasets, (X_ij, Y_ij) for example j of
task i) and eq. 22.1-22.2. Every task's examples are split in two:

* the *support* set, the task's training data, (X_train,train) of eq. 22.1,
  on which the inner loop fine-tunes;
* the *query* set, the task's held-out test data, (X_test,train) of eq. 22.2,
  on which the fine-tuned model is scored.

``family.sample(rng, n_tasks, n_support, n_query)`` returns a
:class:`TaskBatch` whose arrays have shape (tasks, points, features). A family
also says how to score a prediction: ``family.loss(pred, y)`` gives one loss
per task (the last two axes are averaged), and ``family.metric`` the number
reported in tables (MSE, or accuracy for classification).

Two families here: the sinusoids of Finn et al. (2017), the lecture's running
example, and a two-parameter linear regression, whose parameter space is a
plane we can draw (Figure 22.1). Families beyond these two (sinusoids whose
frequency varies, few-shot classification of Gaussian clusters) are in
:mod:`scratchmeta.more_tasks`; Omniglot is in
:mod:`scratchmeta.datasets.omniglot_tasks`.
"""

from typing import NamedTuple

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.datasets.checks import (MissingMethod, Settled, check_batch, check_counts,
                                         check_counts_drawn, check_draw, check_drawn,
                                         check_inputs, check_loss, check_number, check_numbers,
                                         check_range, check_sample, check_sampled, check_target,
                                         check_targets, checked_family)
from scratchmeta.meta.checks import check_memory


class TaskBatch(NamedTuple):
    """Support and query data of a batch of tasks: a plain record, checked by update and adapt."""

    x_support: np.ndarray      # (tasks, n_support, features)
    y_support: np.ndarray      # (tasks, n_support, outputs)
    x_query: np.ndarray        # (tasks, n_query, features)
    y_query: np.ndarray        # (tasks, n_query, outputs)


def mse(pred, y):
    """Mean squared error of each task: averaged over points and outputs."""
    check_targets("mse", pred, y)
    return ad.mean((pred - y) ** 2, axis=(-2, -1))


def cross_entropy(logits, y_onehot):
    """Mean cross-entropy of each task, y one-hot: logsumexp(z) - z_y (NaN for inf logits)."""
    check_targets("cross_entropy", logits, y_onehot, ("logits", "y_onehot"))
    with np.errstate(invalid="ignore"):       # inf - inf and inf * 0 give NaN, not an error
        return ad.mean(ad.logsumexp(logits, axis=-1) - ad.sum(logits * y_onehot, axis=-1), -1)


def accuracy(logits, y_onehot):
    """Fraction of points whose largest logit is the true class, per task. A point whose
    logits are not all finite (a diverged model's) is a miss, never a guess of class 0."""
    check_targets("accuracy", logits, y_onehot, ("logits", "y_onehot"))
    logits = ad.stop_gradient(logits)
    hits = (np.argmax(logits, -1) == np.argmax(y_onehot, -1)) & np.isfinite(logits).all(-1)
    return np.mean(hits, axis=-1)


class TaskFamily(Settled):
    """A distribution over tasks. Subclasses draw task parameters and data."""

    name = None                # the registry name ("sinusoid", ...), kept in checkpoints
    n_inputs = n_outputs = 1
    loss = staticmethod(mse)
    metric_name = "MSE"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        checked_family(cls)      # each family's sample_params checks rng and n_tasks
        if not cls.__module__.startswith("scratchmeta."):    # a user's family: what its
            from scratchmeta.more_tasks import checked_returns   # methods return, checked
            checked_returns(cls)

    def describe(self):
        """The constructor arguments that rebuild this family, JSON-ready (none by default)."""
        return {}

    def sample_params(self, rng, n_tasks):
        raise MissingMethod(self, "sample_params(self, rng, n_tasks)")

    def sample_x(self, rng, task_params, n_points):
        raise MissingMethod(self, "sample_x(self, rng, task_params, n_points)")

    def target(self, task_params, x):
        """The noiseless target of each task at inputs x of shape (tasks, points, inputs)."""
        raise MissingMethod(self, "target(self, task_params, x)")

    def metric(self, pred, y):
        return check_loss(self, self.loss(pred, y), pred, y)

    def __repr__(self):                              # Sinusoid(amplitude=[0.1, 5.0], ...)
        arguments = ", ".join(f"{k}={v!r}" for k, v in self.describe().items())
        return f"{type(self).__name__}({arguments})"

    def check_shots(self, n_support, n_query):
        """Refuse counts this family cannot draw (clusters: a multiple of n_way), drawing none."""
        check_counts(1, n_support, n_query)

    def make_batch(self, rng, task_params, n_support, n_query):
        """Support and query data for given tasks."""
        n_tasks = check_batch(self, rng, task_params, n_support, n_query)
        shape = (n_tasks, n_support + n_query, self.n_inputs)      # x: (tasks, points, inputs)
        x = check_sampled(self, self.sample_x(rng, task_params, shape[1]), shape)
        y = check_target(self, self.target(task_params, x), x)     # (tasks, points, outputs)
        return TaskBatch(x[:, :n_support], y[:, :n_support], x[:, n_support:], y[:, n_support:])

    def sample(self, rng, n_tasks, n_support, n_query):
        """Draw ``n_tasks`` tasks, each with ``n_support`` + ``n_query`` examples."""
        check_sample(rng, n_tasks, n_support, n_query)
        self.check_shots(n_support, n_query)
        check_memory(f"n_tasks {n_tasks} x (n_support {n_support} + n_query {n_query}) of "
                     f"{self!r:.60}", 2.0 * n_tasks * (float(n_support) + n_query) * self.n_inputs)
        params = check_drawn(self, self.sample_params(rng, n_tasks), n_tasks)   # n_tasks rows
        return check_counts_drawn(self, self.make_batch(rng, params, n_support, n_query),
                                  n_tasks, n_support, n_query)


class Sinusoid(TaskFamily):
    """y = A sin(x - phi), A ~ U[0.1, 5], phi ~ U[0, pi], x ~ U[-5, 5] (Finn et al. 2017).

    Each range may be any finite (low, high) with low <= high (x's with low < high): a
    negative amplitude is a sinusoid too, A sin(x - phi) = |A| sin(x - phi - pi)."""

    name = "sinusoid"

    def __init__(self, amplitude=(0.1, 5.0), phase=(0.0, np.pi), x_range=(-5.0, 5.0)):
        self.amplitude = check_range("amplitude", amplitude)
        self.phase = check_range("phase", phase)
        self.x_range = check_range("x_range", x_range, width=True)

    def describe(self):
        return {"amplitude": [float(v) for v in self.amplitude],
                "phase": [float(v) for v in self.phase],
                "x_range": [float(v) for v in self.x_range]}

    def sample_params(self, rng, n_tasks):
        return np.stack([rng.uniform(*self.amplitude, n_tasks),
                         rng.uniform(*self.phase, n_tasks)], axis=1)     # (tasks, 2): A, phi

    def sample_x(self, rng, task_params, n_points):
        check_draw(self, rng, task_params, n_points)
        return rng.uniform(*self.x_range, (len(task_params), n_points, 1))

    def target(self, task_params, x):
        check_inputs(self, task_params, x, 2)        # (tasks, 2) and (tasks, points, 1)
        amp, phase = task_params[:, 0, None, None], task_params[:, 1, None, None]
        return amp * np.sin(x - phase)


class LinearRegression(TaskFamily):
    """y = a x + c + noise: each task is a point (a, c) of a plane we can draw.

    Task parameters (a, c) ~ N(mean, scale^2 I); x ~ U[-1, 1]. A linear model
    ``MLP((1, 1))`` has exactly two parameters, so its meta-trajectory lives in
    the same plane as the tasks (Figure 22.1).
    """

    name = "linear"

    def __init__(self, mean=(1.0, 0.5), scale=1.0, noise=0.1):
        self.mean = check_numbers("mean", mean, 2, "the tasks' mean slope and intercept (a, c)")
        self.scale, self.noise = check_number("scale", scale), check_number("noise", noise)

    def describe(self):
        return {"mean": self.mean.tolist(), "scale": float(self.scale), "noise": float(self.noise)}

    def sample_params(self, rng, n_tasks):
        return self.mean + self.scale * rng.standard_normal((n_tasks, 2))

    def sample_x(self, rng, task_params, n_points):
        check_draw(self, rng, task_params, n_points)
        return rng.uniform(-1.0, 1.0, (len(task_params), n_points, 1))

    def target(self, task_params, x):
        check_inputs(self, task_params, x, 2)        # (tasks, 2) and (tasks, points, 1)
        return task_params[:, 0, None, None] * x + task_params[:, 1, None, None]

    def make_batch(self, rng, task_params, n_support, n_query):
        batch = super().make_batch(rng, task_params, n_support, n_query)
        noisy = [y + self.noise * rng.standard_normal(y.shape) for y in (batch.y_support,
                                                                          batch.y_query)]
        return batch._replace(y_support=noisy[0], y_query=noisy[1])
