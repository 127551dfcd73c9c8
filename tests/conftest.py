"""Shared problems for Chapter 2's tests, and the protocol's two steps as one call.

Tests import these as plain functions (``from conftest import small_problem``);
the tests folder is on ``sys.path``, as for the hypothesis generators.
The suite runs with one BLAS thread unless the user set one
(scratchmeta/threads.py): set before NumPy is first imported.
"""

from scratchmeta.threads import one_blas_thread_unless_set

one_blas_thread_unless_set()

import os  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from omniglot_real import REAL_DATA  # noqa: E402

from scratchmeta.datasets import omniglot  # noqa: E402

from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid


def small_problem(seed=0, sizes=(1, 8, 8, 1), n_tasks=3, n_support=5, n_query=4):
    """A tanh MLP (smooth, so finite differences are exact to high order), theta0 and a batch."""
    rng = np.random.default_rng(seed)
    model = MLP(sizes, activation="tanh")
    params = model.init(rng)
    batch = Sinusoid().sample(rng, n_tasks, n_support, n_query)
    return model, params, batch


def meta_step(strategy, state, rng, step):
    """One meta-step as the trainer takes it: draw the batch, then update on it."""
    batch = strategy.sample_batch(rng, state)
    return strategy.update(state, batch, rng, step)


def run(strategy, state, rng, n_steps):
    """``n_steps`` meta-steps from ``state`` with one generator; the final state."""
    for step in range(n_steps):
        state, _ = meta_step(strategy, state, rng, step)
    return state


@pytest.fixture(scope="session", autouse=True)
def omniglot_in_the_default_cache():
    """Some batteries run Omniglot with no root, as a user whose drawings are already in the
    default cache; the session decodes them there once (about 9 s) from
    ``../shared/data/omniglot`` if they are not, so that no test depends on the order the
    tests run in or on what an earlier run left in the cache. Nothing when that folder or
    ``SCRATCHMETA_DATA`` is set by the user: then the user's cache is theirs."""
    if REAL_DATA.is_dir() and "SCRATCHMETA_DATA" not in os.environ:
        omniglot.load(REAL_DATA, progress=False)


@pytest.fixture
def folder(tmp_path):
    """A temporary folder for the bad-input batteries; cases may make parts of it
    read-only, so write access is given back before pytest removes it."""
    yield tmp_path
    for p in tmp_path.rglob("*"):
        if p.is_dir():
            p.chmod(0o755)
