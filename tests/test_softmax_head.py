"""The softmax head of section 1.4.3: Newton's optimum, and its implicit-function gradient
against an unrolled Newton solve and central differences."""

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta.softmax_head import (newton_solve, softmax_head, softmax_head_logits,
                                           softmax_head_unrolled)
from scratchmeta.tasks import cross_entropy


def _task(seed, n_tasks=3, n=6, d=4, c=3):
    rng = np.random.default_rng(seed)
    phi = rng.standard_normal((n_tasks, n, d))
    labels = np.stack([rng.permutation(np.arange(n) % c) for _ in range(n_tasks)])
    return phi, np.eye(c)[labels], rng


def _objective(phi, y, lam, w):
    """L(W) of one task, written out from the module docstring, in engine ops."""
    z = ad.matmul(phi, w)
    return ad.sum(ad.logsumexp(z, axis=-1) - ad.sum(z * y, axis=-1)) + 0.5 * lam * ad.sum(w * w)


@pytest.mark.parametrize("shape", [(3, 6, 4, 3), (2, 4, 7, 3)])     # n > d and n < d
@pytest.mark.parametrize("form", ["primal", "dual"])
def test_newton_reaches_the_optimum_of_the_penalised_cross_entropy(shape, form):
    n_tasks, n, d, c = shape
    phi, y, _ = _task(0, n_tasks, n, d, c)
    w = softmax_head(phi, y, 0.3, form=form)
    for t in range(n_tasks):
        gradient = ad.grad(lambda w_t: _objective(phi[t], y[t], 0.3, w_t))(w[t])
        assert np.abs(gradient).max() < 1e-9
    assert np.abs(w).max() > 0.1                      # not the trivial W = 0


def test_primal_and_dual_forms_give_the_same_head_and_derivatives():
    phi, y, rng = _task(1, n=4, d=7)
    r = rng.standard_normal((3, 7, 3))

    def f(form):
        return lambda p, lam: ad.sum(softmax_head(p, y, lam, form=form) * r)
    (g_phi_p, g_lam_p), (g_phi_d, g_lam_d) = (ad.grad(f(form), (0, 1))(phi, 0.2)
                                              for form in ("primal", "dual"))
    np.testing.assert_allclose(softmax_head(phi, y, 0.2, form="primal"),
                               softmax_head(phi, y, 0.2, form="dual"), atol=1e-12)
    np.testing.assert_allclose(g_phi_p, g_phi_d, atol=1e-10)
    np.testing.assert_allclose(g_lam_p, g_lam_d, atol=1e-10)


@pytest.mark.parametrize("n, d", [(6, 4), (4, 7)])
def test_implicit_gradient_equals_the_gradient_through_unrolled_newton(n, d):
    """One Hessian solve gives what backpropagating through 25 Newton steps gives."""
    phi, y, rng = _task(2, n=n, d=d)
    phi_q = rng.standard_normal((3, 5, d))
    y_q = np.eye(3)[rng.integers(0, 3, (3, 5))]

    def query_loss(head):
        return lambda p, lam: ad.mean(cross_entropy(ad.matmul(phi_q, head(p, lam)), y_q))
    implicit = ad.grad(query_loss(lambda p, lam: softmax_head(p, y, lam)), (0, 1))(phi, 0.5)
    unrolled = ad.grad(query_loss(lambda p, lam: softmax_head_unrolled(p, y, lam, 25)),
                       (0, 1))(phi, 0.5)
    np.testing.assert_allclose(implicit[0], unrolled[0], rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(implicit[1], unrolled[1], rtol=1e-8, atol=1e-10)
    assert np.abs(implicit[0]).max() > 1e-3           # a real gradient, not zero against zero


@pytest.mark.parametrize("form", ["primal", "dual"])
def test_nothing_is_unrolled_one_solve_on_the_tape_however_many_newton_steps(form):
    """The recorded graph is the same for a problem Newton solves in 3 steps and in 9."""
    phi, y, _ = _task(17, n=5, d=4)
    steps, tapes = [], []
    for lam in (30.0, 1e-3):
        # count the Newton steps by asking for fewer until it refuses
        steps.append(next(k for k in range(1, 100)
                          if _converges(lambda: newton_solve(phi, y, lam, max_steps=k))))
        _, tape = ad.trace(lambda p: softmax_head(p, y, lam, form=form), phi)
        tapes.append([node.op for node in tape])
    assert steps[1] > steps[0] + 2
    assert tapes[0] == tapes[1] and tapes[0].count("solve") == 1


def _converges(run):
    try:
        run()
        return True
    except RuntimeError:
        return False


@pytest.mark.parametrize("form", ["primal", "dual"])
def test_implicit_gradient_matches_central_differences(form):
    phi, y, _ = _task(3, n=5, d=4)
    check_grads(lambda p, lam: softmax_head(p, y, lam, form=form), (phi, 0.7), order=1,
                rng=np.random.default_rng(4))


def test_implicit_gradient_in_the_targets_matches_central_differences():
    phi, y, _ = _task(5, n=5, d=4)
    check_grads(lambda t: softmax_head(phi, t, 0.7), (y,), order=1,
                rng=np.random.default_rng(6))


def test_unrolled_reference_checks_to_second_order():
    phi, y, _ = _task(7, n_tasks=1, n=4, d=3, c=2)
    check_grads(lambda p: softmax_head_unrolled(p, y, 1.0, 3), (phi,), order=2,
                rng=np.random.default_rng(8))


def test_batched_tasks_equal_one_call_per_task():
    phi, y, _ = _task(9)
    batched = softmax_head(phi, y, 0.4)
    for t in range(3):
        np.testing.assert_allclose(batched[t], softmax_head(phi[t], y[t], 0.4), atol=1e-12)


def test_logits_on_separable_clusters_classify_the_query_set():
    rng = np.random.default_rng(10)
    centres = 4.0 * rng.standard_normal((2, 3, 8))
    labels_s, labels_q = np.tile(np.arange(3), 2), np.tile(np.arange(3), 5)
    phi_s = centres[:, labels_s] + 0.3 * rng.standard_normal((2, 6, 8))
    phi_q = centres[:, labels_q] + 0.3 * rng.standard_normal((2, 15, 8))
    logits = softmax_head_logits(phi_s, np.eye(3)[np.broadcast_to(labels_s, (2, 6))], phi_q, 0.1)
    assert (np.argmax(logits, -1) == labels_q).all()


def test_newton_that_cannot_finish_says_so():
    phi, y, _ = _task(11)
    with pytest.raises(RuntimeError,
                       match=r"did not converge in 1 steps for 3 of 3 tasks \(lam = 0.001"):
        newton_solve(phi, y, 1e-3, max_steps=1)


@pytest.mark.parametrize("features, targets, lam, kwargs, match", [
    (np.zeros((3, 6, 4)), np.zeros((3, 5, 3)), 1.0, {}, "targets must be one-hot of shape"),
    (np.zeros((3, 6, 4)), np.zeros((3, 6, 1)), 1.0, {}, "classes >= 2"),
    (np.zeros(4), np.zeros(4), 1.0, {}, "features Phi must have shape"),
    (np.zeros((6, 4)), np.eye(3)[np.zeros(6, int)], 0.0, {}, "lam must be positive"),
    (np.zeros((6, 4)), np.eye(3)[np.zeros(6, int)], np.ones(2), {}, "lam must be a scalar"),
    (np.full((6, 4), np.nan), np.eye(3)[np.zeros(6, int)], 1.0, {}, "features must be finite"),
    (np.zeros((6, 4)), np.eye(3)[np.zeros(6, int)], 1.0, {"form": "woodbury"},
     "form must be one of"),
])
def test_softmax_head_bad_input_is_named(features, targets, lam, kwargs, match):
    with pytest.raises(ValueError, match=match):
        softmax_head(features, targets, lam, **kwargs)
