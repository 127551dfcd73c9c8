"""Chapter 2: optimizers on parameter lists, for the inner and the outer loop.

Lecture 22, eq. 22.3 (the outer update theta = theta0 - eta dL_test/dtheta0)
and eq. 22.4 (the inner update). The inner loop of MAML is plain SGD written
inline with engine ops, because it must stay differentiable. These classes are
for the outer loop, where nothing differentiates the update itself: Finn et
al. (2017) meta-train with Adam.
"""

import numpy as np


class SGD:
    """theta <- theta - lr * g (eq. 22.3)."""

    def __init__(self, lr):
        if not lr > 0:
            raise ValueError(f"lr must be positive, got {lr!r}")
        self.lr = lr

    def step(self, params, grads):
        return [p - self.lr * g for p, g in zip(params, grads)]

    def state(self):
        return {}

    def load_state(self, state):
        pass


class Adam:
    """Adam (Kingma and Ba, 2015): SGD on bias-corrected running moments of g."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        if not lr > 0:
            raise ValueError(f"lr must be positive, got {lr!r}")
        if not (0 <= beta1 < 1 and 0 <= beta2 < 1):
            raise ValueError(f"betas must lie in [0, 1), got {beta1!r}, {beta2!r}")
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0
        self.m = self.v = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        correct1, correct2 = 1 - b1 ** self.t, 1 - b2 ** self.t           # bias corrections
        out = []
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m *= b1
            m += (1 - b1) * g                 # first moment
            v *= b2
            v += (1 - b2) * g * g             # second moment
            out.append(p - self.lr * (m / correct1) / (np.sqrt(v / correct2) + self.eps))
        return out

    def state(self):
        """Arrays to checkpoint, so that a resumed run continues exactly."""
        if self.m is None:
            return {"t": np.array(self.t)}
        state = {"t": np.array(self.t)}
        for i, (m, v) in enumerate(zip(self.m, self.v)):
            state[f"m{i}"], state[f"v{i}"] = m, v
        return state

    def load_state(self, state):
        self.t = int(state["t"])
        n = sum(1 for k in state if k.startswith("m"))
        if n:
            self.m = [np.array(state[f"m{i}"]) for i in range(n)]
            self.v = [np.array(state[f"v{i}"]) for i in range(n)]
