"""Shared problems for Chapter 2's tests, and the protocol's two steps as one call.

Tests import these as plain functions (``from conftest import small_problem``);
the tests folder is on ``sys.path``, as for the hypothesis generators.
The suite runs with one BLAS thread unless the user set one
(scratchmeta/threads.py): set before NumPy is first imported.
"""

from scratchmeta.threads import one_blas_thread_unless_set

one_blas_thread_unless_set()

import os  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from omniglot_real import REAL_DATA, real_omniglot  # noqa: E402

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
def omniglot_in_the_default_cache(tmp_path_factory):
    """Some batteries run Omniglot with no root, as a user whose drawings are already in the
    default cache (~/.cache/scratchmeta/omniglot). If no decoded file is there, the session's
    own decode from ``../shared/data/omniglot`` (``omniglot_real``, which the Omniglot tests
    use anyway) is copied in, under a temporary name then renamed, so that no test depends on
    the order tests run in or on what an earlier run left. Nothing when SCRATCHMETA_DATA is
    set (then the cache is the user's folder) or the archives are absent."""
    folder = Path.home() / ".cache" / "scratchmeta" / "omniglot"
    if not REAL_DATA.is_dir() or "SCRATCHMETA_DATA" in os.environ or any(
            folder.glob("omniglot_28x28_*.npz")):
        return
    _, cache, _ = real_omniglot(tmp_path_factory)
    folder.mkdir(parents=True, exist_ok=True)
    for decoded in Path(cache).rglob("omniglot_28x28_*.npz"):
        part = folder / f".{decoded.name}.{os.getpid()}.part"     # one per xdist worker
        shutil.copy2(decoded, part)                              # its mode too (0600)
        os.replace(part, folder / decoded.name)


@pytest.fixture
def folder(tmp_path):
    """A temporary folder for the bad-input batteries; cases may make parts of it
    read-only, so write access is given back before pytest removes it."""
    yield tmp_path
    for p in tmp_path.rglob("*"):
        if p.is_dir():
            p.chmod(0o755)
