"""meta/maml_low_rank.py: the factored inner loop is the per-task loop, in another order.

Chapter 5 (section 1.3.2, eq. 22.4): on small networks with more input
features than support points, the low-rank meta-loss and its gradient must
equal ``meta.maml.inner_sgd``'s per-task copies to rounding, pass the
second-order gradient check, and be used only where it applies.
"""

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta import maml
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank, uses_low_rank
from scratchmeta.meta.registry import default_model
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import Sinusoid, TaskBatch, cross_entropy


def _problem(batch_norm, n_support=6, fan_in=20, seed=0):
    model = MLP((fan_in, 7, 6, 3), batch_norm=batch_norm)
    rng = np.random.default_rng(seed)
    params = [p + 0.3 * rng.standard_normal(p.shape) for p in model.init(rng)]
    batch = TaskBatch(rng.standard_normal((4, n_support, fan_in)),
                      np.eye(3)[rng.integers(0, 3, (4, n_support))],
                      rng.standard_normal((4, 9, fan_in)), np.eye(3)[rng.integers(0, 3, (4, 9))])
    return model, params, batch


def _plain_loop(params, batch, model, inner_steps, first_order):
    """eq. 22.4 with per-task copies of every parameter, W1 included (maml.inner_sgd)."""
    theta = maml.inner_sgd(per_task(params, 4), batch.x_support, batch.y_support, model.apply,
                           inner_lr=0.4, inner_steps=inner_steps, loss=cross_entropy,
                           first_order=first_order, trainable=model.adapted_indices)
    return ad.mean(cross_entropy(model.apply(theta, batch.x_query), batch.y_query))


@pytest.mark.parametrize("batch_norm", [False, True])
@pytest.mark.parametrize("first_order", [False, True])
@pytest.mark.parametrize("inner_steps", [1, 3])
def test_the_low_rank_loop_is_the_plain_loop_to_rounding(batch_norm, first_order, inner_steps):
    model, params, batch = _problem(batch_norm)
    assert uses_low_rank(params, batch, model)
    wide, g_wide = ad.value_and_grad(meta_loss_low_rank)(
        params, batch, model, inner_lr=0.4, inner_steps=inner_steps, first_order=first_order,
        loss=cross_entropy)
    plain, g_plain = ad.value_and_grad(_plain_loop)(params, batch, model, inner_steps,
                                                    first_order)
    assert abs(wide - plain) <= 1e-13
    for a, b in zip(g_wide, g_plain):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-13)
    # and the inner steps did something: the meta-loss is not theta0's query loss
    assert abs(plain - ad.mean(cross_entropy(model.apply(params, batch.x_query),
                                             batch.y_query))) > 1e-3


def test_the_low_rank_loop_passes_check_grads_to_second_order():
    model, params, batch = _problem(True, fan_in=8, n_support=5)

    def f(*p):
        return meta_loss_low_rank(list(p), batch, model, inner_lr=0.4, inner_steps=2,
                                  loss=cross_entropy)
    check_grads(f, tuple(params), order=2, rng=np.random.default_rng(1))


def test_sinusoids_and_default_clusters_keep_the_plain_loop():
    rng = np.random.default_rng(0)
    for family, n_support in ((Sinusoid(), 10), (GaussianClusters(), 10)):
        model = default_model(family)
        batch = family.sample(rng, 3, n_support, 10)
        assert not uses_low_rank(model.init(rng), batch, model)


def test_maml_meta_loss_hands_wide_inputs_to_the_low_rank_loop():
    model, params, batch = _problem(True)
    got = maml.meta_loss(params, batch, model, inner_lr=0.4, inner_steps=2, loss=cross_entropy)
    want = meta_loss_low_rank(params, batch, model, inner_lr=0.4, inner_steps=2,
                              loss=cross_entropy)
    assert got == want
