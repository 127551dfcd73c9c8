"""Eq. 22.6, the ridge head in closed form: both forms, the bias, derivatives, bad input."""

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta.ridge import ridge_fit, ridge_head, with_bias


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
    assert ad.shape(solves[0].args[0]) == (2,) + expected


@pytest.mark.parametrize("form", ["primal", "dual"])
def test_ridge_head_derivatives_match_finite_differences_to_second_order(form):
    rng = np.random.default_rng(3)
    phi, y = rng.standard_normal((2, 4, 6)), rng.standard_normal((2, 4, 2))
    check_grads(lambda p, t, lam: ridge_head(p, t, lam, form=form),
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
    phi, y = rng.standard_normal((3, 4, 6)), rng.standard_normal((3, 4, 1))
    w, b = ridge_fit(phi, y, 0.1)
    w_aug = ridge_head(with_bias(phi), y, 0.1)
    assert w.shape == (3, 6, 1) and b.shape == (3, 1, 1)
    np.testing.assert_array_equal(np.concatenate([w, b], axis=1), w_aug)
