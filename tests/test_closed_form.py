"""The closed-form strategy: eq. 22.6's ridge head and its meta-gradient (section 1.4.3)."""

import numpy as np
import pytest

from conftest import meta_step

from scratchmeta.gradcheck import check_grads
from scratchmeta.meta import adapt
from scratchmeta.meta.closed_form import ClosedForm, closed_form_meta_loss
from scratchmeta.meta.guard import ExplodingMetaGradient
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, split
from scratchmeta.tasks import Sinusoid, mse


def _small_problem(seed=6):
    rng = np.random.default_rng(seed)
    model = MLP((1, 8, 8, 1), activation="tanh")
    body, _ = split(model.init(rng))
    batch = Sinusoid().sample(rng, 3, 5, 4)
    return model, body, batch


def test_meta_gradient_into_the_body_matches_finite_differences_to_second_order():
    model, body, batch = _small_problem()
    check_grads(lambda b, lam: closed_form_meta_loss(b, batch, model, lam=lam),
                (body, np.array(0.5)), order=2, rng=np.random.default_rng(7))


def test_meta_gradient_with_learned_scale_and_cross_entropy_matches_finite_differences():
    rng = np.random.default_rng(8)
    family = GaussianClusters(n_way=3, dim=4)
    model = MLP((4, 6, 3), activation="tanh")
    body, _ = split(model.init(rng))
    batch = family.sample(rng, 2, 6, 3)
    check_grads(lambda b, lam, s: closed_form_meta_loss(b, batch, model, lam=lam, scale=s,
                                                         loss=family.loss),
                (body, np.array(0.5), np.array(2.0)), order=1, rng=np.random.default_rng(9))


def test_meta_loss_is_the_query_mse_of_the_support_ridge_fit():
    """An independent recomputation with NumPy's lstsq on the augmented features."""
    model, body, batch = _small_problem()
    def _ridge_by_lstsq(phi, y, lam):
        d = phi.shape[1]
        a = np.concatenate([phi, np.sqrt(lam) * np.eye(d)])
        return np.linalg.lstsq(a, np.concatenate([y, np.zeros((d, 1))]), rcond=None)[0]

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
    head = ridge_fit(model.body(body, batch.x_support), batch.y_support, 1.0)
    expected = model.head(head, model.body(body, batch.x_query))
    np.testing.assert_allclose(adapt.predict(strategy, state, batch, 0), expected, rtol=0,
                               atol=1e-12)
    curve = adapt.curve(strategy, state, batch, 4)
    assert curve.shape == (6, 5)
    np.testing.assert_allclose(curve[:, 0], mse(expected, batch.y_query), rtol=0, atol=1e-12)
    # later steps are SGD on the head, starting from the ridge head: they move it
    assert np.all(curve[:, 1] != curve[:, 0])
    assert adapt.predict(strategy, state, batch, 3).shape == (6, 7, 1)


def test_classification_regresses_one_hot_targets_and_learns_a_scale():
    family, model = GaussianClusters(), MLP((8, 32, 5))
    strategy = ClosedForm(model, family)
    assert strategy.learn_scale and not ClosedForm(MLP((1, 8, 1)), Sinusoid()).learn_scale
    rng = np.random.default_rng(0)
    state = strategy.init_state(rng)
    for i in range(100):
        state, loss = meta_step(strategy, state, rng, i)
    assert state["params"]["log_scale"] > 0.05               # log alpha moved up: sharper logits
    test = family.sample(np.random.default_rng(9), 100, 10, 20)
    accuracy = adapt.curve(strategy, state, test, 0).mean()
    assert accuracy > 0.9                      # chance is 0.2; measured 0.95


def test_lam_is_learned_only_when_asked():
    model, family = MLP((1, 8, 1)), Sinusoid()
    for learn, moved in [(True, True), (False, False)]:
        strategy = ClosedForm(model, family, lam=2.0, learn_lam=learn)
        rng = np.random.default_rng(0)
        state = strategy.init_state(rng)
        for i in range(5):
            state, _ = meta_step(strategy, state, rng, i)
        assert (abs(ClosedForm.lam(state) - 2.0) > 1e-4) == moved


class _ConstantInputs(Sinusoid):
    """Every input is x = 0 or x = 1, so Phi has two distinct rows and Phi Phi^T rank 2 (a
    support set of one point repeated is refused as a batch before any solve)."""

    def sample_x(self, rng, task_params, n_points):
        return np.broadcast_to(np.arange(n_points) % 2.0, (len(task_params), n_points))[
            ..., None].copy()


def test_singular_ridge_system_stops_with_a_message_naming_the_step_and_lam():
    strategy = ClosedForm(MLP((1, 40, 40, 1)), _ConstantInputs(), lam=1e-300)
    rng = np.random.default_rng(0)
    state = strategy.init_state(rng)
    with pytest.raises(ExplodingMetaGradient, match=r"meta-step 7, with ridge lam = 1e-300"):
        meta_step(strategy, state, rng, 7)


def test_constructor_rejects_bad_hyperparameters():
    with pytest.raises(ValueError, match="lam must be a positive"):
        ClosedForm(MLP((1, 8, 1)), Sinusoid(), lam=0.0)
    with pytest.raises(ValueError, match="no inner loop"):
        ClosedForm(MLP((1, 8, 1)), Sinusoid(), inner_steps=2)
    with pytest.raises(ValueError, match="body of at least one layer"):
        ClosedForm(MLP((1, 1)), Sinusoid())
