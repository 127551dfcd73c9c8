"""The MLP as a pure function of its parameters (sections 1.2.2 and 1.3.2)."""

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta.gradcheck import check_grads
from scratchmeta.nn import MLP, per_task, split


def test_init_follows_pytorchs_linear_default_and_the_shapes_of_the_sizes():
    model = MLP((3, 5, 2))
    params = model.init(np.random.default_rng(0))
    assert [p.shape for p in params] == [(3, 5), (5,), (5, 2), (2,)]
    assert np.abs(params[0]).max() <= 1 / np.sqrt(3) and np.abs(params[2]).max() <= 1 / np.sqrt(5)


def test_per_task_copies_give_every_task_the_same_output_as_theta0():
    model = MLP((1, 6, 1), activation="tanh")
    params = model.init(np.random.default_rng(1))
    x = np.random.default_rng(2).standard_normal((4, 7, 1))
    batched = model.apply(per_task(params, 4), x)
    for i in range(4):
        np.testing.assert_allclose(batched[i], model.apply(params, x[i]), rtol=1e-14)


def test_body_then_head_is_the_network_and_the_head_is_the_last_layer():
    model = MLP((2, 4, 4, 3))
    params = model.init(np.random.default_rng(3))
    x = np.random.default_rng(4).standard_normal((5, 2))
    body, head = split(params)
    np.testing.assert_array_equal(model.head(head, model.body(body, x)), model.apply(params, x))
    assert model.head_indices == (4, 5) and MLP(**model.describe()).sizes == model.sizes


def test_the_network_is_differentiable_to_second_order_in_its_parameters():
    model = MLP((1, 3, 1), activation="tanh")
    x = np.random.default_rng(5).standard_normal((4, 1))
    check_grads(lambda *p: ad.sum(model.apply(list(p), x)), model.init(np.random.default_rng(6)),
                order=2, rng=np.random.default_rng(7))


@pytest.mark.parametrize("args, message", [
    (((1,),), "at least two positive integers"), (((1, 0, 1),), "at least two positive"),
    (((1, 2), "gelu"), "activation must be one of"),
])
def test_bad_sizes_and_activations_are_refused(args, message):
    with pytest.raises(ValueError, match=message):
        MLP(*args)


# --- batch norm (Chapter 5, Finn et al.'s fully connected Omniglot network) -----------------

def test_batch_norm_false_is_the_plain_mlp_bit_for_bit():
    plain, off = MLP((3, 5, 4, 2)), MLP((3, 5, 4, 2), batch_norm=False)
    p, q = plain.init(np.random.default_rng(0)), off.init(np.random.default_rng(0))
    assert all(np.array_equal(a, b) for a, b in zip(p, q))
    x = np.random.default_rng(1).standard_normal((4, 6, 3))
    np.testing.assert_array_equal(plain.apply(per_task(p, 4), x), off.apply(per_task(q, 4), x))
    assert plain.describe() == off.describe() == {"sizes": [3, 5, 4, 2], "activation": "relu"}
    assert plain.adapted_indices is None
    # the first edition's draws and forward pass, written out in NumPy
    rng = np.random.default_rng(0)
    want = []
    for fan_in, fan_out in ((3, 5), (5, 4), (4, 2)):
        bound = 1.0 / np.sqrt(fan_in)
        want += [rng.uniform(-bound, bound, (fan_in, fan_out)), rng.uniform(-bound, bound, fan_out)]
    assert all(np.array_equal(a, b) for a, b in zip(p, want))
    h = x
    for w, b in zip(want[0:4:2], want[1:4:2]):
        h = np.maximum(h @ w + b, 0)
    np.testing.assert_array_equal(off.apply(q, x), h @ want[4] + want[5])


def test_batch_norm_layout_init_and_adapted_indices_follow_finns_code():
    model = MLP((784, 256, 128, 64, 64, 5), batch_norm=True)
    params = model.init(np.random.default_rng(2))
    plain = MLP(model.sizes).init(np.random.default_rng(2))
    assert [p.shape for p in params] == [p.shape for p in plain]       # [W, beta] per layer
    weights = np.concatenate([w.ravel() for w in params[0::2]])
    assert np.abs(weights).max() <= 0.02                                 # truncated at 2 std
    assert abs(weights.std() - 0.01 * 0.8796) < 2e-4   # std of N(0, 1) cut at +-2 is 0.8796
    assert all(not b.any() for b in params[1::2])                        # offsets, head b zero
    assert model.adapted_indices == (0, 2, 4, 6, 8, 9)                   # every W, the head's b
    assert MLP(**model.describe()).batch_norm and "batch_norm=True" in repr(model)


def test_batch_norm_hidden_features_are_normalised_over_each_tasks_own_points():
    model = MLP((3, 6, 2), batch_norm=True)
    rng = np.random.default_rng(3)
    params = [p + rng.standard_normal(p.shape) for p in model.init(rng)]
    x = rng.standard_normal((3, 8, 3)) * np.array([1.0, 10.0, 100.0])[:, None, None]
    pre = np.matmul(x, params[0])                     # before batch norm, offset beta subtracted
    phi = model.body(per_task(params[:2], 3), x)
    expect = np.maximum((pre - pre.mean(1, keepdims=True)) / np.sqrt(pre.var(1, keepdims=True)
                                                                      + 1e-3) + params[1], 0)
    np.testing.assert_allclose(phi, expect, rtol=1e-12, atol=1e-12)
    for i in range(3):                                # each task alone gives the same features
        np.testing.assert_allclose(model.body(params[:2], x[i]), phi[i], rtol=1e-12, atol=1e-12)


def test_maml_inner_step_through_batch_norm_is_differentiable_to_second_order():
    from scratchmeta.meta.maml import inner_sgd
    from scratchmeta.tasks import cross_entropy
    model = MLP((6, 5, 4, 3), batch_norm=True)
    rng = np.random.default_rng(4)
    params = [p + 0.3 * rng.standard_normal(p.shape) for p in model.init(rng)]
    xs, xq = rng.standard_normal((2, 2, 6, 6))
    ys, yq = np.eye(3)[rng.integers(0, 3, (2, 2, 6))]

    def meta_loss(*p):
        theta = inner_sgd(per_task(list(p), 2), xs, ys, model.apply, inner_lr=0.4,
                          inner_steps=1, loss=cross_entropy, trainable=model.adapted_indices)
        return ad.mean(cross_entropy(model.apply(theta, xq), yq))

    check_grads(meta_loss, tuple(params), order=2, rng=np.random.default_rng(5))


def test_the_inner_loop_moves_the_weights_but_not_batch_norms_offsets():
    from scratchmeta.meta.maml import inner_sgd
    from scratchmeta.tasks import cross_entropy
    model = MLP((4, 5, 3), batch_norm=True)
    rng = np.random.default_rng(6)
    params = [p + 0.3 * rng.standard_normal(p.shape) for p in model.init(rng)]
    x, y = rng.standard_normal((2, 6, 4)), np.eye(3)[rng.integers(0, 3, (2, 6))]
    theta0 = per_task(params, 2)
    theta = inner_sgd(theta0, x, y, model.apply, inner_lr=0.4, inner_steps=2,
                      loss=cross_entropy, trainable=model.adapted_indices)
    moved = [not np.array_equal(a, b) for a, b in zip(theta, theta0)]
    assert moved == [True, False, True, True]


def test_batch_norm_must_be_a_bool():
    with pytest.raises(TypeError, match="batch_norm must be True or False, got 'yes'"):
        MLP((2, 3, 1), batch_norm="yes")
