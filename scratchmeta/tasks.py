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

Four families: the sinusoids of Finn et al. (2017); sinusoids whose
frequency varies too, which no fixed pair of features can fit (the second
family of the comparison, ``scratchmeta.figures.compare``); a two-parameter
linear regression, whose parameter space is a plane we can draw (Figure
22.1); and few-shot classification of Gaussian clusters, for cross-entropy
losses.
"""

from typing import NamedTuple

import numpy as np

from scratchmeta import autodiff as ad


class TaskBatch(NamedTuple):
    """Support (training) and query (held-out) data of a batch of tasks."""

    x_support: np.ndarray      # (tasks, n_support, features)
    y_support: np.ndarray      # (tasks, n_support, outputs)
    x_query: np.ndarray        # (tasks, n_query, features)
    y_query: np.ndarray        # (tasks, n_query, outputs)


def mse(pred, y):
    """Mean squared error of each task: averaged over points and outputs."""
    return ad.mean((pred - y) ** 2, axis=(-2, -1))


def cross_entropy(logits, y_onehot):
    """Mean cross-entropy of each task, with y one-hot: logsumexp(z) - z_y."""
    nll = ad.logsumexp(logits, axis=-1) - ad.sum(logits * y_onehot, axis=-1)
    return ad.mean(nll, axis=-1)


def accuracy(logits, y_onehot):
    """Fraction of points whose largest logit is the true class, per task."""
    hits = np.argmax(ad.stop_gradient(logits), -1) == np.argmax(y_onehot, -1)
    return np.mean(hits, axis=-1)


def _check_counts(n_tasks, n_support, n_query):
    for name, n in (("n_tasks", n_tasks), ("n_support", n_support), ("n_query", n_query)):
        if not (isinstance(n, (int, np.integer)) and n >= (0 if name == "n_query" else 1)):
            raise ValueError(f"{name} must be a positive integer, got {n!r}")


class TaskFamily:
    """A distribution over tasks. Subclasses draw task parameters and data."""

    name = None                # the registry name ("sinusoid", ...), kept in checkpoints
    n_inputs = n_outputs = 1
    loss = staticmethod(mse)
    metric_name = "MSE"

    def describe(self):
        """The constructor arguments that rebuild this family, JSON-ready (none by default)."""
        return {}

    def sample_params(self, rng, n_tasks):
        raise NotImplementedError

    def sample_x(self, rng, task_params, n_points):
        raise NotImplementedError

    def target(self, task_params, x):
        """The noiseless target of each task at inputs x of shape (tasks, points, inputs)."""
        raise NotImplementedError

    def metric(self, pred, y):
        return np.asarray(ad.stop_gradient(self.loss(pred, y)))

    def make_batch(self, rng, task_params, n_support, n_query):
        """Support and query data for given tasks."""
        n_tasks = len(task_params)
        _check_counts(n_tasks, n_support, n_query)
        x = self.sample_x(rng, task_params, n_support + n_query)
        y = self.target(task_params, x)
        return TaskBatch(x[:, :n_support], y[:, :n_support], x[:, n_support:], y[:, n_support:])

    def sample(self, rng, n_tasks, n_support, n_query):
        """Draw ``n_tasks`` tasks, each with ``n_support`` + ``n_query`` examples."""
        if not isinstance(rng, np.random.Generator):
            raise TypeError(f"rng must be a numpy.random.Generator (e.g. "
                            f"np.random.default_rng(0)), got {rng!r}")
        _check_counts(n_tasks, n_support, n_query)
        return self.make_batch(rng, self.sample_params(rng, n_tasks), n_support, n_query)


class Sinusoid(TaskFamily):
    """y = A sin(x - phi), A ~ U[0.1, 5], phi ~ U[0, pi], x ~ U[-5, 5] (Finn et al. 2017)."""

    name = "sinusoid"

    def __init__(self, amplitude=(0.1, 5.0), phase=(0.0, np.pi), x_range=(-5.0, 5.0)):
        self.amplitude, self.phase, self.x_range = amplitude, phase, x_range

    def describe(self):
        return {"amplitude": [float(v) for v in self.amplitude],
                "phase": [float(v) for v in self.phase],
                "x_range": [float(v) for v in self.x_range]}

    def sample_params(self, rng, n_tasks):
        return np.stack([rng.uniform(*self.amplitude, n_tasks),
                         rng.uniform(*self.phase, n_tasks)], axis=1)     # (tasks, 2): A, phi

    def sample_x(self, rng, task_params, n_points):
        return rng.uniform(*self.x_range, (len(task_params), n_points, 1))

    def target(self, task_params, x):
        amp, phase = task_params[:, 0, None, None], task_params[:, 1, None, None]
        return amp * np.sin(x - phase)


class SinusoidFrequency(Sinusoid):
    """y = A sin(w x - phi): Finn et al.'s sinusoids whose frequency w ~ U[0.5, 2] varies too.

    Why a second sinusoid family. With w fixed at 1 every task is
    A sin(x - phi) = (A cos phi) sin x - (A sin phi) cos x, a linear
    combination of the same two features sin x and cos x; a network body that
    has learned them makes a linear (ridge) head exact. With w varying, the
    tasks span no fixed finite set of features: sin(w x) for different w are
    linearly independent functions, so a head on fixed features can only
    approximate them, and adapting the features themselves (MAML's inner
    loop) has something to do.
    """

    name = "sinusoid_frequency"

    def __init__(self, amplitude=(0.1, 5.0), phase=(0.0, np.pi), x_range=(-5.0, 5.0),
                 frequency=(0.5, 2.0)):
        super().__init__(amplitude, phase, x_range)
        low, high = (float(v) for v in frequency)
        if not 0 < low <= high:
            raise ValueError(f"frequency must be a range (low, high) with 0 < low <= high, "
                             f"got {frequency!r}")
        self.frequency = (low, high)

    def describe(self):
        return {**super().describe(), "frequency": list(self.frequency)}

    def sample_params(self, rng, n_tasks):
        amp_phase = super().sample_params(rng, n_tasks)                  # A, phi as Sinusoid
        freq = rng.uniform(*self.frequency, n_tasks)
        return np.concatenate([amp_phase, freq[:, None]], axis=1)        # (tasks, 3): A, phi, w

    def target(self, task_params, x):
        amp, phase, freq = (task_params[:, j, None, None] for j in range(3))
        return amp * np.sin(freq * x - phase)


class LinearRegression(TaskFamily):
    """y = a x + c + noise: each task is a point (a, c) of a plane we can draw.

    Task parameters (a, c) ~ N(mean, scale^2 I); x ~ U[-1, 1]. A linear model
    ``MLP((1, 1))`` has exactly two parameters, so its meta-trajectory lives in
    the same plane as the tasks (Figure 22.1).
    """

    name = "linear"

    def __init__(self, mean=(1.0, 0.5), scale=1.0, noise=0.1):
        self.mean, self.scale, self.noise = np.asarray(mean, float), scale, noise

    def describe(self):
        return {"mean": self.mean.tolist(), "scale": float(self.scale),
                "noise": float(self.noise)}

    def sample_params(self, rng, n_tasks):
        return self.mean + self.scale * rng.standard_normal((n_tasks, 2))

    def sample_x(self, rng, task_params, n_points):
        return rng.uniform(-1.0, 1.0, (len(task_params), n_points, 1))

    def target(self, task_params, x):
        return task_params[:, 0, None, None] * x + task_params[:, 1, None, None]

    def make_batch(self, rng, task_params, n_support, n_query):
        batch = super().make_batch(rng, task_params, n_support, n_query)
        noisy = [y + self.noise * rng.standard_normal(y.shape) for y in (batch.y_support,
                                                                          batch.y_query)]
        return batch._replace(y_support=noisy[0], y_query=noisy[1])


class GaussianClusters(TaskFamily):
    """N-way few-shot classification: each class a Gaussian cluster in d dimensions.

    Per task, class centres are drawn from N(0, spread^2 I) and points from
    N(centre, I); labels are one-hot, and the family's loss is cross-entropy.
    Support and query sets hold the same number of points of every class.
    """

    name = "clusters"
    loss = staticmethod(cross_entropy)
    metric_name = "accuracy"

    def __init__(self, n_way=5, dim=8, spread=2.0):
        if n_way < 2:
            raise ValueError(f"n_way must be at least 2, got {n_way!r}")
        self.n_way, self.dim, self.spread = n_way, dim, spread
        self.n_inputs, self.n_outputs = dim, n_way

    def describe(self):
        return {"n_way": int(self.n_way), "dim": int(self.dim), "spread": float(self.spread)}

    def metric(self, pred, y):
        return accuracy(pred, y)

    def sample_params(self, rng, n_tasks):
        return self.spread * rng.standard_normal((n_tasks, self.n_way, self.dim))  # centres

    def make_batch(self, rng, task_params, n_support, n_query):
        _check_counts(len(task_params), n_support, n_query)
        for name, n in (("n_support", n_support), ("n_query", n_query)):
            if n % self.n_way:
                raise ValueError(f"{name} must be a multiple of n_way={self.n_way} "
                                 f"(the same number of points per class), got {n}")
        n_tasks = len(task_params)

        def draw(n):
            labels = np.tile(np.arange(self.n_way), (n_tasks, n // self.n_way))
            centres = np.take_along_axis(task_params, labels[..., None], axis=1)
            x = centres + rng.standard_normal(centres.shape)
            return x, np.eye(self.n_way)[labels]
        xs, ys = draw(n_support)
        xq, yq = draw(n_query)
        return TaskBatch(xs, ys, xq, yq)
