"""The subset strategy: MAML's inner loop on a random part of each support set (section 1.4.1)."""

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta.meta.maml import meta_loss
from scratchmeta.meta.subset import Subset, subset_batch, subset_indices, subset_meta_loss
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid


def _batch(seed=0, n_tasks=6, n_support=20, n_query=5):
    return Sinusoid().sample(np.random.default_rng(seed), n_tasks, n_support, n_query)


def test_subsets_are_drawn_without_replacement_per_task_and_have_the_right_size():
    idx = subset_indices(np.random.default_rng(0), 50, 20, 7)
    assert idx.shape == (50, 7)
    assert all(len(set(row)) == 7 for row in idx)                  # no point twice in a task
    assert idx.min() >= 0 and idx.max() < 20
    assert len({tuple(sorted(row)) for row in idx}) == 50          # every task its own subset


def test_subset_batch_keeps_inputs_and_targets_paired_and_the_query_set_untouched():
    batch = _batch()
    sub = subset_batch(batch, np.random.default_rng(1), 4)
    assert sub.x_support.shape == (6, 4, 1) and sub.y_support.shape == (6, 4, 1)
    for t in range(6):
        for x, y in zip(sub.x_support[t, :, 0], sub.y_support[t, :, 0]):
            rows = np.flatnonzero(batch.x_support[t, :, 0] == x)
            assert len(rows) == 1 and batch.y_support[t, rows[0], 0] == y
    np.testing.assert_array_equal(sub.x_query, batch.x_query)
    np.testing.assert_array_equal(sub.y_query, batch.y_query)


def test_subsets_are_reproducible_for_a_fixed_seed_and_change_with_the_seed():
    batch = _batch()
    a = subset_batch(batch, np.random.default_rng(7), 5)
    b = subset_batch(batch, np.random.default_rng(7), 5)
    c = subset_batch(batch, np.random.default_rng(8), 5)
    np.testing.assert_array_equal(a.x_support, b.x_support)
    assert not np.array_equal(a.x_support, c.x_support)


def test_every_support_point_is_equally_likely_to_be_picked():
    """Each of n = 10 points lies in a subset of m = 3 with probability 0.3.

    Over 20,000 draws a count is Binomial(20000, 0.3): mean 6000, sd 64.8. The
    bound of 5 sd fails by chance with probability about 6e-6 for the 10 points.
    """
    idx = subset_indices(np.random.default_rng(11), 20000, 10, 3)
    counts = np.bincount(idx.ravel(), minlength=10)
    assert np.all(np.abs(counts - 6000) < 5 * np.sqrt(20000 * 0.3 * 0.7))


@pytest.mark.parametrize("size", [0, 21, 2.5])
def test_subset_size_outside_one_to_n_support_is_a_value_error(size):
    with pytest.raises(ValueError, match="subset_size must be an integer between 1 and"):
        subset_batch(_batch(), np.random.default_rng(0), size)


def test_meta_loss_on_a_subset_equals_meta_loss_on_the_explicitly_subsetted_batch():
    model = MLP((1, 8, 8, 1), activation="tanh")
    params, batch = model.init(np.random.default_rng(2)), _batch()
    kwargs = dict(inner_lr=0.1, inner_steps=2)
    loss, grads = ad.value_and_grad(subset_meta_loss)(params, batch, model,
                                                       np.random.default_rng(3),
                                                       subset_size=5, **kwargs)
    explicit = subset_batch(batch, np.random.default_rng(3), 5)
    ref_loss, ref_grads = ad.value_and_grad(meta_loss)(params, explicit, model, **kwargs)
    assert loss == ref_loss
    for g, r in zip(grads, ref_grads):
        np.testing.assert_array_equal(g, r)
    # the subset matters: the full support set gives another meta-loss
    assert abs(meta_loss(params, batch, model, **kwargs) - loss) > 1e-3


def test_defaults_draw_100_support_points_of_which_the_inner_loop_sees_10():
    strategy = Subset(MLP((1, 8, 1)), Sinusoid())
    assert (strategy.config.n_support, strategy.config.subset_size) == (100, 10)
    state = strategy.init_state(np.random.default_rng(1))
    batch = strategy.sample_batch(np.random.default_rng(0), state)
    assert batch.x_support.shape == (25, 100, 1)


def test_constructor_rejects_a_subset_larger_than_the_support_set():
    with pytest.raises(ValueError, match="between 1 and the number of support points \\(10\\)"):
        Subset(MLP((1, 8, 1)), Sinusoid(), n_support=10, subset_size=20)


def test_a_subset_of_every_point_is_full_batch_maml():
    # compare_subset's "all 1000 points" variant: subset_size = n_support only permutes
    # each task's support points, so the meta-loss and meta-gradient are MAML's.
    model, family = MLP((1, 8, 1)), Sinusoid()
    batch = family.sample(np.random.default_rng(0), 3, 30, 5)
    params = model.init(np.random.default_rng(1))
    sub = ad.value_and_grad(subset_meta_loss)(params, batch, model, np.random.default_rng(2),
                                               subset_size=30, inner_lr=0.01, inner_steps=1)
    full = ad.value_and_grad(meta_loss)(params, batch, model, inner_lr=0.01, inner_steps=1)
    np.testing.assert_allclose(sub[0], full[0], rtol=1e-12)
    for a, b in zip(sub[1], full[1]):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-14)


def test_compare_subset_scores_theta0_at_each_checkpoint_on_1000_point_tasks():
    from scratchmeta.meta import compare_subset
    out = compare_subset.run({10: (2, 4), 40: (2,)}, subset_sizes=(10, 40), eval_tasks=3,
                             n_support=40)
    assert list(out) == [10, 40]
    assert out[10]["per_task"].shape == (2, 3, compare_subset.TEST_STEPS + 1)
    assert np.all(np.diff(out[10]["seconds"]) > 0) and out[40]["ms_per_step"] > 0
    # Both variants start from the same theta0 and differ only in their inner-loop subsets,
    # so before any test-time step (theta0 itself) after 2 meta-steps they are close but
    # not identical.
    assert not np.array_equal(out[10]["mse"][0], out[40]["mse"][0])
    np.testing.assert_allclose(out[10]["mse"][0], out[40]["mse"][0], rtol=0.05)
    with pytest.raises(ValueError, match="increasing positive meta-step counts"):
        compare_subset.run({10: (4, 2)}, subset_sizes=(10,), eval_tasks=3, n_support=40)
