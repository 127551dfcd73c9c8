"""Multi-task learning by "normal SGD": a shared body, one head per training task.

Lecture 22, section 1.3.1 (Figure 22.2), with test-time fine-tuning as in
section 1.4.4 and the closed-form head of section 1.4.3 (eq. 22.6).

MAML treats a whole task as the elementary "example" of SGD (section 1.2.1).
The alternative of section 1.3.1 is plain supervised learning on the union of
all the training tasks' data, where each example carries the loss of its own
task: the network is a shared *body* (every layer but the last, the features
Phi) and one linear *head* per training task. One step of SGD on a minibatch
drawn from several tasks then

* sends gradient into the shared body from every task in the minibatch, and
* sends gradient into a head only from the examples of that head's task.

Nothing here differentiates through fine-tuning: the gradients are taken at
the parameters being updated, not at an earlier theta0.

Training tasks. A fixed pool of ``n_train_tasks`` tasks is drawn once, in
:meth:`Multitask.init_state`, and kept in the state (``task_params``), so that
every head always belongs to the same task and a checkpoint resumes exactly.
Each step draws ``meta_batch`` tasks of the pool (without repetition) and
fresh input points for them, and takes one Adam step on the body and on the
heads of those tasks only. Each head keeps its own Adam moments and step
count, so a head that is not drawn is left exactly as it was ("lazy" Adam):
an unselected head has no gradient, and plain Adam would still move it along
its old momentum.

Test time (section 1.4.4). A new task has no head yet. We start one in one of
three ways, ``head_init``:

* ``"zero"``: W = 0, b = 0, so the first prediction is 0 everywhere;
* ``"random"``: drawn like a freshly initialised last layer,
  U(-1/sqrt(width), 1/sqrt(width)), from ``np.random.default_rng(head_seed)``;
* ``"closed_form"``: the ridge-regression fit of eq. 22.6 on the frozen body's
  features of the support set, ``(Phi^T Phi + lambda I)^{-1} Phi^T y``, with a
  column of ones appended to Phi for the bias.

then take ``head_steps`` SGD steps on the head alone with the body frozen,
and after that fine-tune everything. The lecture's ranking: zero is better
than random, and initialising the head to work with the frozen body is better
still; training the head first keeps the body's important directions from
being overwritten by the gradient of a bad head.
"""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.meta.common import ExplodingMetaGradient, adam_step, fine_tune, pack, unpack
from scratchmeta.nn import per_task, split
from scratchmeta.tasks import mse

HEAD_INITS = ("zero", "random", "closed_form")


def check_finite_step(loss, grads, *, step, lr, what):
    """Raise instead of carrying a non-finite loss or gradient of ordinary training."""
    norm = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if not (np.isfinite(loss) and np.isfinite(norm)):
        raise ExplodingMetaGradient(
            f"the {what} loss is {loss} and its gradient norm {norm} at step {step} "
            f"(Adam lr = {lr:g}); expected finite numbers. Try a smaller lr.")
    return norm


# --- training: one loss over the union of the tasks' data ------------------------

def multitask_loss(body, heads, x, y, model, *, loss=mse):
    """Mean over tasks of each task's loss through the shared body and its own head.

    ``body`` is the shared parameter list [W1, b1, ...]; ``heads`` = [W, b]
    with a leading task axis, W of shape (tasks, width, outputs) and b of
    shape (tasks, outputs); ``x``, ``y`` are (tasks, points, .). Every task
    contributes the same number of points, so this is also the mean loss over
    the pooled examples: the "one big dataset" of section 1.3.1.
    """
    return ad.mean(loss(model.head(heads, model.body(body, x)), y))


def multitask_grad(body, heads, x, y, model, *, loss=mse):
    """(loss, body gradient, head gradients) of :func:`multitask_loss` (Figure 22.2)."""
    value, (g_body, g_heads) = ad.value_and_grad(multitask_loss, argnums=(0, 1))(
        list(body), list(heads), x, y, model, loss=loss)
    return value, g_body, g_heads


def adam_rows(params, moments, grads, rows, *, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """Adam on rows ``rows`` of stacked parameters only; other rows stay untouched.

    ``params`` are arrays with a leading axis (one row per head), ``moments``
    a dict with ``m`` and ``v`` lists shaped like ``params`` and ``t``, one step
    count per row. ``grads`` hold the gradients of the selected rows, in the
    order of ``rows``. Returns new (params, moments); the inputs are not changed.
    """
    t = moments["t"].copy()
    t[rows] += 1
    tr = t[rows].astype(float)
    new_p, new_m, new_v = [], [], []
    for p, m, v, g in zip(params, moments["m"], moments["v"], grads):
        p, m, v = p.copy(), m.copy(), v.copy()
        lift = (slice(None),) + (None,) * (p.ndim - 1)         # broadcast t over a row
        m[rows] = beta1 * m[rows] + (1 - beta1) * g               # first moment
        v[rows] = beta2 * v[rows] + (1 - beta2) * g * g           # second moment
        m_hat = m[rows] / (1 - beta1 ** tr)[lift]                 # bias corrections,
        v_hat = v[rows] / (1 - beta2 ** tr)[lift]                 # per row's own count
        p[rows] = p[rows] - lr * m_hat / (np.sqrt(v_hat) + eps)
        new_p.append(p)
        new_m.append(m)
        new_v.append(v)
    return new_p, {"m": new_m, "v": new_v, "t": t}


# --- test time: a head for a new task -------------------------------------------

def closed_form_head(features, y, ridge):
    """Ridge fit of a linear head on frozen features, per task (eq. 22.6).

    ``features`` Phi has shape (tasks, points, width) and ``y`` (tasks,
    points, outputs). With Phi1 = [Phi, 1] (a column of ones for the bias),
    returns [W, b] with W = first ``width`` rows and b = last row of
    ``(Phi1^T Phi1 + ridge I)^{-1} Phi1^T y``; W has shape (tasks, width,
    outputs), b (tasks, outputs). The bias is regularised like the weights.
    Plain NumPy: nothing differentiates this solve.
    """
    phi, y = np.asarray(ad.stop_gradient(features)), np.asarray(y)
    if phi.ndim != 3 or y.ndim != 3 or phi.shape[:2] != y.shape[:2]:
        raise ValueError(f"closed_form_head expects features (tasks, points, width) and y "
                         f"(tasks, points, outputs) with the same tasks and points, got "
                         f"{phi.shape} and {y.shape}")
    if not ridge >= 0:
        raise ValueError(f"ridge (lambda of eq. 22.6) must be non-negative, got {ridge!r}")
    phi1 = np.concatenate([phi, np.ones(phi.shape[:2] + (1,))], axis=-1)
    gram = np.swapaxes(phi1, -1, -2) @ phi1 + ridge * np.eye(phi1.shape[-1])  # Phi^T Phi + lI
    try:
        coef = np.linalg.solve(gram, np.swapaxes(phi1, -1, -2) @ y)           # eq. 22.6
    except np.linalg.LinAlgError:
        raise ValueError("the ridge system Phi^T Phi + lambda I is singular: with fewer "
                         "support points than features, use ridge > 0") from None
    return [coef[:, :-1], coef[:, -1]]


class Multitask:
    """Normal SGD (section 1.3.1, Figure 22.2): shared body, one head per training task.

    Hyperparameters and defaults (measured on Finn et al.'s sinusoids with
    MLP((1, 40, 40, 1)), 2000 steps, on 200 validation tasks of seed 11):

    * ``n_train_tasks`` = 1000: the fixed pool of training tasks (one head each);
    * ``meta_batch`` = 25 tasks per step, each with ``n_points`` = 10 fresh
      points, the same amount of data per step as MAML's support sets;
    * ``lr`` = 1e-3: Adam on the shared body, Finn et al.'s meta-optimiser;
    * ``heads_lr`` = 0.03: Adam on the drawn heads. A head is drawn in only
      meta_batch / n_train_tasks = 2.5% of the steps, so it gets 40 times
      fewer updates than the body; at 1e-3 the heads barely moved in 2000
      steps (training loss 3.3, about the loss of predicting 0), at 0.03 the
      training loss fell to 0.045;
    * test time: ``head_init`` = "closed_form" (section 1.4.4's recommendation;
      query MSE 0.11 before any SGD step, against 4.0 for a zero head),
      ``ridge`` = 0.01 (lambda of eq. 22.6; 1e-3 and 0.1 gave 0.16 and 0.13),
      then ``head_steps`` = 5 SGD steps of ``head_lr`` = 0.01 on the head with
      the body frozen (0.03 diverges within 10 steps from a zero head), then
      SGD of ``finetune_lr`` = 0.003 on everything. Fine-tuning the body on 10
      points made the closed-form fit worse (0.11 to 0.15 after 5 more steps;
      to 0.30 at lr 0.01), so its lr is small.
      ``adaptation_curve(state, batch, n_steps)`` counts all steps: the first
      min(head_steps, n_steps) are head-only;
    * ``head_seed``: the seed of the random head (``head_init="random"``),
      fixed so that a curve is a function of the state alone.

    The protocol is described in ``scratchmeta.meta.common``.
    """

    def __init__(self, model, family, *, n_train_tasks=1000, meta_batch=25, n_points=10,
                 lr=1e-3, heads_lr=0.03, head_init="closed_form", ridge=0.01, head_steps=5,
                 head_lr=0.01, finetune_lr=0.003, head_seed=0):
        if head_init not in HEAD_INITS:
            raise ValueError(f"head_init must be one of {HEAD_INITS}, got {head_init!r}")
        if not (isinstance(n_train_tasks, (int, np.integer)) and n_train_tasks >= 1):
            raise ValueError(f"n_train_tasks must be a positive integer, got {n_train_tasks!r}")
        if not (isinstance(meta_batch, (int, np.integer)) and 1 <= meta_batch <= n_train_tasks):
            raise ValueError(f"meta_batch must be an integer between 1 and n_train_tasks = "
                             f"{n_train_tasks} (tasks are drawn without repetition), got "
                             f"{meta_batch!r}")
        if not (isinstance(head_steps, (int, np.integer)) and head_steps >= 0):
            raise ValueError(f"head_steps must be a non-negative integer, got {head_steps!r}")
        for name, value in (("lr", lr), ("heads_lr", heads_lr), ("head_lr", head_lr),
                            ("finetune_lr", finetune_lr)):
            if not value > 0:
                raise ValueError(f"{name} must be positive, got {value!r}")
        if not ridge >= 0:
            raise ValueError(f"ridge must be non-negative, got {ridge!r}")
        self.model, self.family = model, family
        self.n_train_tasks, self.meta_batch, self.n_points = n_train_tasks, meta_batch, n_points
        self.lr, self.heads_lr, self.head_init, self.ridge = lr, heads_lr, head_init, ridge
        self.head_steps, self.head_lr, self.finetune_lr = head_steps, head_lr, finetune_lr
        self.head_seed = head_seed
        self.name = f"Multi-task SGD ({head_init.replace('_', '-')} head)"

    # -- training --------------------------------------------------------------

    def init_state(self, rng):
        """Body, one default-initialised head per training task, and the task pool."""
        body, (w, b) = split(self.model.init(rng))
        width, out = w.shape
        bound = 1.0 / np.sqrt(width)                     # the MLP's own last-layer init
        heads = [rng.uniform(-bound, bound, (self.n_train_tasks, width, out)),
                 rng.uniform(-bound, bound, (self.n_train_tasks, out))]
        state = pack("body", body)
        state.update(pack("heads", heads))
        state.update(pack("heads_m", [np.zeros_like(h) for h in heads]))
        state.update(pack("heads_v", [np.zeros_like(h) for h in heads]))
        state["heads_t"] = np.zeros(self.n_train_tasks, dtype=np.int64)
        state["task_params"] = self.family.sample_params(rng, self.n_train_tasks)
        return state

    def step(self, state, rng, step_index):
        rows = rng.choice(self.n_train_tasks, self.meta_batch, replace=False)
        batch = self.family.make_batch(rng, state["task_params"][rows], self.n_points, 0)
        heads = unpack("heads", state)
        loss, g_body, g_heads = multitask_grad(
            unpack("body", state), [h[rows] for h in heads], batch.x_support,
            batch.y_support, self.model, loss=self.family.loss)
        check_finite_step(float(loss), list(g_body) + list(g_heads), step=step_index,
                          lr=self.lr, what="multi-task")
        state = adam_step(state, g_body, self.lr, prefix="body")     # the shared body
        heads, moments = adam_rows(
            heads, {"m": unpack("heads_m", state), "v": unpack("heads_v", state),
                    "t": state["heads_t"]}, g_heads, rows, lr=self.heads_lr)
        state.update(pack("heads", heads))                          # only the drawn heads
        state.update(pack("heads_m", moments["m"]))
        state.update(pack("heads_v", moments["v"]))
        state["heads_t"] = moments["t"]
        return state, float(loss)

    # -- test time -------------------------------------------------------------

    def initial_head(self, state, batch):
        """[W, b] of shape (tasks, width, outputs), (tasks, outputs) for new tasks."""
        body = unpack("body", state)
        n_tasks = batch.x_support.shape[0]
        width, out = self.model.sizes[-2], self.model.sizes[-1]
        if self.head_init == "zero":
            return [np.zeros((n_tasks, width, out)), np.zeros((n_tasks, out))]
        if self.head_init == "random":
            rng, bound = np.random.default_rng(self.head_seed), 1.0 / np.sqrt(width)
            return [rng.uniform(-bound, bound, (n_tasks, width, out)),
                    rng.uniform(-bound, bound, (n_tasks, out))]
        features = self.model.body(body, batch.x_support)            # frozen body's Phi
        return closed_form_head(features, batch.y_support, self.ridge)

    def _fine_tune(self, state, batch, n_steps):
        """Yield the tasks' parameters after 0..n_steps: head-only steps first (1.4.4)."""
        n_tasks = batch.x_support.shape[0]
        params = per_task(unpack("body", state), n_tasks) + self.initial_head(state, batch)
        head = (len(params) - 2, len(params) - 1)
        k = min(self.head_steps, n_steps)
        for theta in fine_tune(params, batch, self.model, lr=self.head_lr, n_steps=k,
                               loss=self.family.loss, trainable=head, task_axis=True):
            yield theta                                    # body frozen
        rest = fine_tune(theta, batch, self.model, lr=self.finetune_lr, n_steps=n_steps - k,
                         loss=self.family.loss, task_axis=True)
        next(rest)                                         # the same theta, already yielded
        yield from rest                                    # everything trainable

    def adaptation_curve(self, state, batch, n_steps):
        return np.stack([self.family.metric(self.model.apply(theta, batch.x_query),
                                            batch.y_query)
                         for theta in self._fine_tune(state, batch, n_steps)], axis=1)

    def predict(self, state, batch, n_steps):
        for theta in self._fine_tune(state, batch, n_steps):
            pass
        return ad._raw(self.model.apply(theta, batch.x_query))
