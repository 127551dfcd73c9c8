"""Exploding meta-gradients as K and inner_lr grow (sections 1.3.6-1.3.7, eq. 22.4)."""

import warnings

import numpy as np
import pytest

from conftest import meta_step

from scratchmeta.meta.anil import ANIL
from scratchmeta.meta.guard import ExplodingMetaGradient
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norm, meta_gradient_norms
from scratchmeta.meta.maml import MAML, meta_grad
from scratchmeta.meta.subset import Subset
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid

MODEL = MLP((1, 40, 40, 1))


def _fixed(seed):
    """A fixed theta0 and a fixed batch of 25 sinusoid tasks (Finn et al.'s setting)."""
    params = MODEL.init(np.random.default_rng(seed))
    batch = Sinusoid().sample(np.random.default_rng(seed + 10), 25, 10, 10)
    return params, batch


def _grows(row):
    """Each value exceeds the one before it, and once a value is inf, so are the rest."""
    return all(np.isposinf(b) if np.isinf(a) else b > a for a, b in zip(row[:-1], row[1:]))


SEEDS = [0, 1, 2, 3, 4, 5]      # each a different theta0 and task batch; all checked


@pytest.mark.parametrize("seed", SEEDS)
def test_norm_grows_with_k_for_a_large_inner_lr(seed):
    """At inner_lr 0.3 and 1, each inner step (K = 1, 2, 3) multiplies the norm by >= 1e5.

    Measured (seed 0, inner_lr 0.3): 2.8e3, 8.3e13, 9.9e39 for K = 1, 2, 3.
    Two honest limits of the claim, seen on these seeds: at inner_lr 0.1 the
    norm is not monotone in K (seed 0: 76, 2.1e3, 6.4, ...), and beyond K = 3
    the norms are 1e60 to 1e150 or overflow, and their order is noise
    (seed 1, inner_lr 0.3: 2.1e66 at K = 3, 1.0e66 at K = 4).
    """
    params, batch = _fixed(seed)
    norms = meta_gradient_norms(params, batch, MODEL, [1, 2, 3], [0.3, 1.0])
    for column in norms.T:
        assert _grows(column)
        assert column[1] > 1e5 * column[0]


@pytest.mark.parametrize("seed", SEEDS)
def test_norm_grows_with_inner_lr_for_two_or_more_steps(seed):
    """For K = 2 and 3 the norm rises with inner_lr over 0.1, 0.3, 1, 3, by >= 1e10 overall.

    Measured (seed 0, K = 2): 2.1e3, 8.3e13, 2.0e26, 2.8e38. Below 0.1 it
    need not rise: there the inner loop barely moves theta0. At K >= 4 most
    large-inner_lr cells overflow to inf, and one finite value among them
    (seed 5, K = 4: inf at 0.3, 4e128 at 0.5) shows the order is lost there.
    """
    params, batch = _fixed(seed)
    norms = meta_gradient_norms(params, batch, MODEL, [2, 3], [0.1, 0.3, 1.0, 3.0])
    for row in norms:
        assert _grows(row)
        assert np.isfinite(row[0]) and row[-1] > 1e10 * row[0]


def test_norms_overflow_to_inf_for_large_k_and_inner_lr():
    params, batch = _fixed(0)
    assert np.isposinf(meta_gradient_norms(params, batch, MODEL, [5], [1.0])[0, 0])


def test_small_inner_lr_does_not_let_the_meta_gradient_die():
    """The residual form of eq. 22.4 keeps the gradient alive (section 1.3.7): at
    inner_lr 0.001 the norm stays within a factor 2 of the K = 0 norm up to K = 8."""
    params, batch = _fixed(0)
    norms = meta_gradient_norms(params, batch, MODEL, [0, 2, 4, 8], [0.001])[:, 0]
    assert np.all(norms > 0.5 * norms[0]) and np.all(norms < 2 * norms[0])


def test_each_cell_is_the_norm_of_mamls_meta_gradient():
    params, batch = _fixed(0)
    norms = meta_gradient_norms(params, batch, MODEL, [0, 3], [0.01, 0.1])
    for i, k in enumerate([0, 3]):
        for j, lr in enumerate([0.01, 0.1]):
            _, g = meta_grad(params, batch, MODEL, inner_lr=lr, inner_steps=k)
            expected = np.sqrt(sum(np.sum(gi ** 2) for gi in g))
            assert abs(norms[i, j] - expected) <= 1e-12 * expected
    assert norms[0, 0] == norms[0, 1]       # K = 0: no inner step, inner_lr is irrelevant


def test_overflowing_cells_are_recorded_as_inf_without_nan_or_warnings():
    params, batch = _fixed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # any NumPy overflow warning would fail the test
        norms = meta_gradient_norms(params, batch, MODEL, [5, 8], [50.0])
        single = meta_gradient_norm(params, batch, MODEL, inner_steps=8, inner_lr=50.0)
    assert np.all(np.isposinf(norms)) and np.isposinf(single)
    # the NumPy error state is restored afterwards
    assert np.geterr()["over"] == "warn"


def test_grid_values_are_checked():
    params, batch = _fixed(0)
    with pytest.raises(ValueError, match="Ks must hold non-negative integers"):
        meta_gradient_norms(params, batch, MODEL, [1.5], [0.1])
    with pytest.raises(ValueError, match="inner_lrs must hold non-negative finite numbers"):
        meta_gradient_norms(params, batch, MODEL, [1], [np.nan])
    with pytest.raises(ValueError, match="inner_lrs must be a non-empty sequence"):
        meta_gradient_norms(params, batch, MODEL, [1], [])


@pytest.mark.parametrize("strategy_class", [MAML, ANIL, Subset])
def test_absurd_inner_lr_stops_training_with_a_message_naming_step_k_and_inner_lr(
        strategy_class):
    # ANIL and Subset inherit MAML's step, so one guard serves all three (section 1.3.7).
    strategy = strategy_class(MODEL, Sinusoid(), inner_lr=50.0, inner_steps=5)
    rng = np.random.default_rng(0)
    state = strategy.init_state(rng)
    with np.errstate(all="ignore"), pytest.raises(ExplodingMetaGradient) as info:
        meta_step(strategy, state, rng, 12)
    message = str(info.value)
    assert "meta-step 12" in message and "K = inner_steps = 5" in message
    assert "inner_lr = 50" in message and "smaller inner_lr or fewer inner steps" in message


def test_divergence_map_marks_the_exploding_cells():
    """Twenty meta-steps per cell: the lecture's default stays finite, inner_lr 50 blows up.

    Measured: K = 1 and 5 at inner_lr 0.01 train (meta-loss about 4); at
    inner_lr 50 both raise at meta-step 0; K = 5 at inner_lr 0.3 raises too.
    """
    result = divergence_map(MODEL, Sinusoid(), [1, 5], [0.01, 0.3, 50.0], seed=0, n_steps=20)
    np.testing.assert_array_equal(result.diverged, [[False, False, True], [False, True, True]])
    np.testing.assert_array_equal(result.step, [[-1, -1, 0], [-1, 0, 0]])
    assert np.all(np.isinf(result.final_loss[result.diverged]))
    assert np.all((result.final_loss[~result.diverged] > 0)
                  & np.isfinite(result.final_loss[~result.diverged]))
    assert 3.0 < result.final_loss[0, 0] < 6.0
