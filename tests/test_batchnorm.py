"""Transductive batch norm: per-task statistics, second-order gradients, bad input."""

import numpy as np
import pytest
import scipy.stats

from scratchmeta import autodiff as ad
from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.gradcheck import check_grads


def _normal(shape, seed):
    return np.random.default_rng(seed).standard_normal(shape)


def test_each_task_is_normalised_with_its_own_statistics():
    # Tasks with very different means and spreads all come out centred, unit-ish variance.
    h = _normal((3, 6, 4), 0) * np.array([0.5, 3.0, 10.0])[:, None, None] \
        + np.array([-5.0, 0.0, 40.0])[:, None, None]
    out = batch_norm(h, eps=1e-3)
    var = h.var(axis=1, keepdims=True)
    np.testing.assert_allclose(out.mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=1, keepdims=True), var / (var + 1e-3), rtol=1e-12)


def test_batched_call_equals_one_call_per_task():
    h = _normal((4, 5, 3), 1)
    scale, offset = _normal((4, 3), 2), _normal((4, 1, 3), 3)
    batched = batch_norm(h, scale, offset)
    for t in range(4):
        np.testing.assert_allclose(batched[t], batch_norm(h[t], scale[t], offset[t, 0]),
                                   rtol=1e-13, atol=1e-13)


def test_scale_and_offset_act_after_normalising():
    h, scale, offset = _normal((7, 3), 4), _normal(3, 5), _normal(3, 6)
    np.testing.assert_allclose(batch_norm(h, scale, offset),
                               batch_norm(h) * scale + offset, rtol=1e-13, atol=1e-13)
    np.testing.assert_allclose(batch_norm(h, offset=offset), batch_norm(h) + offset)


@pytest.mark.parametrize("h_shape, p_shape", [((6, 4), (4,)), ((3, 5, 4), (4,)),
                                              ((3, 5, 4), (3, 4)), ((3, 5, 4), (3, 1, 4))])
def test_gradients_match_central_differences_to_second_order(h_shape, p_shape):
    h, scale, offset = _normal(h_shape, 7), _normal(p_shape, 8), _normal(p_shape, 9)
    check_grads(lambda h, s, o: batch_norm(h, s, o), (h, scale, offset), order=2,
                rng=np.random.default_rng(10))


def test_maml_style_inner_step_through_batch_norm_checks_to_second_order():
    """One inner SGD step on W inside a network with batch norm, differentiated in theta0."""
    x, y = _normal((2, 5, 3), 11), _normal((2, 5, 2), 12)

    def query_loss_after_one_step(w, offset):
        def support_loss(w):
            return ad.mean((batch_norm(ad.matmul(x, w), offset=offset) - y) ** 2)
        w1 = w - 0.1 * ad.grad(support_loss)(w)
        return ad.mean((batch_norm(ad.matmul(x, w1), offset=offset) - y) ** 2)

    check_grads(query_loss_after_one_step, (_normal((3, 2), 13), _normal(2, 14)), order=2,
                rng=np.random.default_rng(15))


def test_matches_pytorch_training_mode_batch_norm():
    torch = pytest.importorskip("torch")
    h, scale, offset = _normal((3, 6, 4), 16), _normal(4, 17), _normal(4, 18)
    for t in range(3):
        ref = torch.nn.functional.batch_norm(
            torch.tensor(h[t]), None, None, torch.tensor(scale), torch.tensor(offset),
            training=True, eps=1e-3).numpy()
        np.testing.assert_allclose(batch_norm(h, scale, offset)[t], ref, rtol=1e-12,
                                   atol=1e-12)


@pytest.mark.parametrize("h, kwargs, match", [
    (np.zeros(5), {}, "h must have shape"),
    (np.zeros((2, 1, 3)), {}, "at least 2 points per task"),
    (np.zeros((4, 3)), {"eps": 0.0}, "eps must be a positive number"),
    (np.zeros((4, 3)), {"scale": np.ones(2)}, r"scale must have shape \(3,\)"),
    (np.zeros((2, 4, 3)), {"offset": np.ones((5, 3))}, r"offset must have shape \(3,\), "
                                                        r"\(2, 3\) or \(2, 1, 3\)"),
])
def test_bad_input_is_named(h, kwargs, match):
    with pytest.raises(ValueError, match=match):
        batch_norm(h, **kwargs)


def test_finn_init_is_the_batch_norm_networks_initialisation():
    # Finn et al.'s construct_fc_weights: W ~ N(0, 0.01^2) truncated at +-2 standard
    # deviations (TensorFlow's truncated_normal redraws, it does not clip), and the
    # offsets beta and the head's bias zero; batch norm has no scale (scale=None), so
    # each layer is [W, beta]. Checked on the returned arrays, against SciPy's
    # truncated normal, with a fixed seed.
    sizes = (784, 256, 64, 5)
    params = finn_init(np.random.default_rng(4), sizes)
    assert [p.shape for p in params] == [(784, 256), (256,), (256, 64), (64,), (64, 5), (5,)]
    assert all(p.dtype == np.float64 for p in params)
    assert all(not b.any() for b in params[1::2])                       # beta, b_head: zero
    weights = np.concatenate([w.ravel() for w in params[0::2]])         # 217,024 draws
    assert np.abs(weights).max() <= 0.02                                # cut at 2 std ...
    assert np.abs(weights).max() > 0.0199                               # ... not before
    assert not np.any(np.abs(weights) == 0.02)     # redrawn, not clipped onto +-0.02
    reference = scipy.stats.truncnorm(-2.0, 2.0, scale=0.01)
    # mean 0 and std 0.01 * 0.8796 (a clipped normal has 0.0096, an uncut one 0.01):
    # each within 6 standard errors, false-failure rate about 2e-9 for a random seed
    n = weights.size
    assert abs(weights.mean()) < 6 * reference.std() / np.sqrt(n)
    assert abs(weights.std() - reference.std()) < 6 * reference.std() / np.sqrt(2 * n)
    # the whole distribution: a Kolmogorov-Smirnov test, false-failure rate 1e-6
    assert scipy.stats.kstest(weights, reference.cdf).pvalue > 1e-6
    # each layer draws afresh: no two weight matrices share their first entries
    firsts = [w.ravel()[:5] for w in params[0::2]]
    assert not any(np.array_equal(a, b) for i, a in enumerate(firsts) for b in firsts[i + 1:])


