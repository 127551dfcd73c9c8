"""The closed-form strategy: eq. 22.6's ridge head and its meta-gradient (section 1.4.3)."""

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta.meta.closed_form import (ClosedForm, closed_form_meta_loss, ridge_fit,
                                          ridge_head, with_bias)
from scratchmeta.meta.common import ExplodingMetaGradient
from scratchmeta.nn import MLP, split
from scratchmeta.tasks import GaussianClusters, Sinusoid, mse


def _ridge_by_lstsq(phi, y, lam):
    """Ridge regression as ordinary least squares on [Phi; sqrt(lam) I] and [y; 0]."""
    d = phi.shape[1]
    a = np.concatenate([phi, np.sqrt(lam) * np.eye(d)])
    b = np.concatenate([y, np.zeros((d, y.shape[1]))])
    return np.linalg.lstsq(a, b, rcond=None)[0]


@pytest.mark.parametrize("n, d", [(5, 12), (12, 5)])    # fewer points than features, and more
def test_primal_and_dual_forms_agree_with_lstsq_to_1e10(n, d):
    rng = np.random.default_rng(0)
    phi, y, lam = rng.standard_normal((4, n, d)), rng.standard_normal((4, n, 3)), 0.3
    primal = ridge_head(phi, y, lam, form="primal")
    dual = ridge_head(phi, y, lam, form="dual")
    assert primal.shape == dual.shape == (4, d, 3)
    np.testing.assert_allclose(primal, dual, rtol=0, atol=1e-10)
    for t in range(4):
        np.testing.assert_allclose(primal[t], _ridge_by_lstsq(phi[t], y[t], lam),
                                   rtol=0, atol=1e-10)
        # the normal equations of eq. 22.6: (Phi^T Phi + lam I) W = Phi^T y
        residual = (phi[t].T @ phi[t] + lam * np.eye(d)) @ dual[t] - phi[t].T @ y[t]
        assert np.abs(residual).max() < 1e-10


def test_ridge_head_on_one_unbatched_task_matches_the_batched_result():
    rng = np.random.default_rng(1)
    phi, y = rng.standard_normal((3, 6, 4)), rng.standard_normal((3, 6, 2))
    np.testing.assert_allclose(ridge_head(phi[1], y[1], 0.5), ridge_head(phi, y, 0.5)[1],
                               rtol=0, atol=1e-12)


@pytest.mark.parametrize("n, d, expected", [(5, 12, (5, 5)), (12, 5, (5, 5)), (7, 20, (7, 7))])
def test_auto_form_solves_the_smaller_system(n, d, expected):
    rng = np.random.default_rng(2)
    phi, y = rng.standard_normal((2, n, d)), rng.standard_normal((2, n, 1))
    _, tape = ad.trace(lambda p: ridge_head(p, y, 1.0), phi)
    solves = [node for node in tape if node.op == "solve"]
    assert len(solves) == 1
    assert ad._shape(solves[0].args[0]) == (2,) + expected


@pytest.mark.parametrize("form", ["primal", "dual"])
def test_ridge_head_derivatives_match_finite_differences_to_second_order(form):
    rng = np.random.default_rng(3)
    phi, y = rng.standard_normal((2, 4, 6)), rng.standard_normal((2, 4, 2))
    ad.check_grads(lambda p, t, lam: ridge_head(p, t, lam, form=form),
                   (phi, y, np.array(0.7)), order=2, rng=np.random.default_rng(4))


@pytest.mark.parametrize("lam", [0.0, -1.0, np.nan])
def test_non_positive_lam_is_a_value_error(lam):
    phi, y = np.ones((2, 3, 4)), np.ones((2, 3, 1))
    with pytest.raises(ValueError, match="lam must be positive"):
        ridge_head(phi, y, lam)


def test_mismatched_shapes_and_unknown_form_are_value_errors():
    with pytest.raises(ValueError, match="targets must have shape"):
        ridge_head(np.ones((2, 3, 4)), np.ones((2, 5, 1)), 1.0)
    with pytest.raises(ValueError, match="features Phi must have shape"):
        ridge_head(np.ones(3), np.ones((3, 1)), 1.0)
    with pytest.raises(ValueError, match="form must be one of"):
        ridge_head(np.ones((3, 4)), np.ones((3, 1)), 1.0, form="woodbury")


def test_bias_column_lets_the_ridge_head_recover_an_exact_affine_head():
    """With lam -> 0 and more points than features, W and b of y = Phi W + b come back."""
    rng = np.random.default_rng(5)
    phi = rng.standard_normal((3, 30, 6))
    w_true, b_true = rng.standard_normal((3, 6, 2)), rng.standard_normal((3, 1, 2))
    w_aug = ridge_head(with_bias(phi), phi @ w_true + b_true, 1e-12)
    assert w_aug.shape == (3, 7, 2)
    np.testing.assert_allclose(w_aug[:, :6], w_true, rtol=0, atol=1e-9)
    np.testing.assert_allclose(w_aug[:, 6:], b_true, rtol=0, atol=1e-9)


def test_ridge_fit_splits_the_augmented_solution_into_weights_and_bias():
    rng = np.random.default_rng(5)
    model = MLP((1, 6, 1), activation="tanh")
    body, _ = split(model.init(rng))
    x, y = rng.uniform(-2, 2, (3, 4, 1)), rng.standard_normal((3, 4, 1))
    w, b = ridge_fit(body, x, y, model, 0.1)
    w_aug = ridge_head(with_bias(model.body(body, x)), y, 0.1)
    assert w.shape == (3, 6, 1) and b.shape == (3, 1, 1)
    np.testing.assert_array_equal(np.concatenate([w, b], axis=1), w_aug)


def _small_problem(seed=6):
    rng = np.random.default_rng(seed)
    model = MLP((1, 8, 8, 1), activation="tanh")
    body, _ = split(model.init(rng))
    batch = Sinusoid().sample(rng, 3, 5, 4)
    return model, body, batch


def test_meta_gradient_into_the_body_matches_finite_differences_to_second_order():
    model, body, batch = _small_problem()
    ad.check_grads(lambda b, lam: closed_form_meta_loss(b, batch, model, lam=lam),
                   (body, np.array(0.5)), order=2, rng=np.random.default_rng(7))


def test_meta_gradient_with_learned_scale_and_cross_entropy_matches_finite_differences():
    rng = np.random.default_rng(8)
    family = GaussianClusters(n_way=3, dim=4)
    model = MLP((4, 6, 3), activation="tanh")
    body, _ = split(model.init(rng))
    batch = family.sample(rng, 2, 6, 3)
    ad.check_grads(lambda b, lam, s: closed_form_meta_loss(b, batch, model, lam=lam, scale=s,
                                                            loss=family.loss),
                   (body, np.array(0.5), np.array(2.0)), order=1, rng=np.random.default_rng(9))


def test_meta_loss_is_the_query_mse_of_the_support_ridge_fit():
    """An independent recomputation with NumPy's lstsq on the augmented features."""
    model, body, batch = _small_problem()
    phi_s = np.concatenate([model.body(body, batch.x_support), np.ones((3, 5, 1))], -1)
    phi_q = np.concatenate([model.body(body, batch.x_query), np.ones((3, 4, 1))], -1)
    losses = [np.mean((phi_q[t] @ _ridge_by_lstsq(phi_s[t], batch.y_support[t], 0.5)
                       - batch.y_query[t]) ** 2) for t in range(3)]
    assert abs(closed_form_meta_loss(body, batch, model, lam=0.5) - np.mean(losses)) < 1e-12


def test_step_zero_of_the_adaptation_curve_is_the_ridge_head():
    model, family = MLP((1, 40, 40, 1)), Sinusoid()
    strategy = ClosedForm(model, family)
    state = strategy.init_state(np.random.default_rng(10))
    batch = family.sample(np.random.default_rng(11), 6, 10, 7)
    body = split(model.init(np.random.default_rng(10)))[0]     # the same draw as init_state
    head = ridge_fit(body, batch.x_support, batch.y_support, model, 1.0)
    expected = model.head(head, model.body(body, batch.x_query))
    np.testing.assert_allclose(strategy.predict(state, batch, 0), expected, rtol=0, atol=1e-12)
    curve = strategy.adaptation_curve(state, batch, 4)
    assert curve.shape == (6, 5)
    np.testing.assert_allclose(curve[:, 0], mse(expected, batch.y_query), rtol=0, atol=1e-12)
    # later steps are SGD on the head, starting from the ridge head: they move it
    assert np.all(curve[:, 1] != curve[:, 0])
    assert strategy.predict(state, batch, 3).shape == (6, 7, 1)


def test_meta_training_on_sinusoids_lowers_the_ridge_heads_query_mse():
    model, family = MLP((1, 40, 40, 1)), Sinusoid()
    strategy = ClosedForm(model, family)
    rng = np.random.default_rng(0)
    state = strategy.init_state(rng)
    test = family.sample(np.random.default_rng(12), 100, 10, 20)
    before = strategy.adaptation_curve(state, test, 0).mean()
    for i in range(300):
        state, loss = strategy.step(state, rng, i)
    after = strategy.adaptation_curve(state, test, 0).mean()
    assert before > 3.0          # an untrained body: about the variance of the targets
    assert after < 0.25 * before  # measured: 4.5 -> 0.6 with these seeds


def test_classification_regresses_one_hot_targets_and_learns_a_scale():
    family, model = GaussianClusters(), MLP((8, 32, 5))
    strategy = ClosedForm(model, family)
    assert strategy.learn_scale and not ClosedForm(MLP((1, 8, 1)), Sinusoid()).learn_scale
    rng = np.random.default_rng(0)
    state = strategy.init_state(rng)
    for i in range(100):
        state, loss = strategy.step(state, rng, i)
    assert state["meta3"] > 0.05               # log alpha moved up: sharper logits
    test = family.sample(np.random.default_rng(9), 100, 10, 20)
    accuracy = strategy.adaptation_curve(state, test, 0).mean()
    assert accuracy > 0.9                      # chance is 0.2; measured 0.95


def test_lam_is_learned_only_when_asked():
    model, family = MLP((1, 8, 1)), Sinusoid()
    for learn, moved in [(True, True), (False, False)]:
        strategy = ClosedForm(model, family, lam=2.0, learn_lam=learn)
        rng = np.random.default_rng(0)
        state = strategy.init_state(rng)
        for i in range(5):
            state, _ = strategy.step(state, rng, i)
        assert (abs(np.exp(state["meta2"]) - 2.0) > 1e-4) == moved


class _ConstantInputs(Sinusoid):
    """Every input is x = 0, so all rows of Phi are equal and Phi Phi^T has rank 1."""

    def sample_x(self, rng, task_params, n_points):
        return np.zeros((len(task_params), n_points, 1))


def test_singular_ridge_system_stops_with_a_message_naming_the_step_and_lam():
    strategy = ClosedForm(MLP((1, 40, 40, 1)), _ConstantInputs(), lam=1e-300)
    rng = np.random.default_rng(0)
    state = strategy.init_state(rng)
    with pytest.raises(ExplodingMetaGradient, match=r"meta-step 7 \(ridge lam = 1e-300\)"):
        strategy.step(state, rng, 7)


def test_constructor_rejects_bad_hyperparameters():
    with pytest.raises(ValueError, match="lam must be positive"):
        ClosedForm(MLP((1, 8, 1)), Sinusoid(), lam=0.0)
    with pytest.raises(ValueError, match="body of at least one layer"):
        ClosedForm(MLP((1, 1)), Sinusoid())
