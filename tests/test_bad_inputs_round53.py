"""Round 53 of issue 11 (fixes made with sight of the seventy-eighth and seventy-ninth
batteries), tested on other values than the batteries'. Each test fails at fde1760."""

import sys

import numpy as np
import pytest
from scipy import special, stats

import scratchmeta.autodiff as ad
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.nn import MLP, per_task
from scratchmeta.sampling import exponential, grid_inverse_cdf, metropolis
from scratchmeta.sampling.diagnostics import ess_tail
from scratchmeta.tasks import Sinusoid, accuracy
from scratchmeta.testing import assert_inverts
from scratchmeta.testing import densities


@pytest.mark.parametrize("call, name", [
    (lambda: exponential(rate=1e-310), "rate"),
    (lambda: densities.laplace(0.0, 2e-310), "scale"),
    (lambda: densities.triangular(0.0, 0.0, 1e-310), r"\(hi - lo\)"),
    (lambda: metropolis(lambda x: -np.sum(x * x, axis=1), np.zeros((2, 1)), 5,
                        np.random.default_rng(0), step_size=1e-320), "step_size"),
    (lambda: check_grads(lambda x: ad.sum(x * x), (np.ones(2),), eps=1e-315), "eps"),
])
def test_a_subnormal_scale_step_or_width_is_refused(call, name):
    with pytest.raises(ValueError, match=rf"{name} must be at least 2\.225e-308, the smallest "
                                         rf"normal float64"):
        call()


def test_a_result_object_given_where_an_array_is_meant_is_named():
    class Fit(dict):
        """A SciPy-style result: a dict of the answer and counts."""
    fit = Fit(x=np.ones(2), nit=7)
    with pytest.raises(TypeError, match=r"hvp: x \(a Fit\)"):
        hvp(lambda x: ad.sum(x["x"] ** 2), fit, fit)


def test_a_ufunc_is_named_by_its_name():
    with pytest.raises(ValueError, match=r"^\w+: pdf \(erf\): the density is negative"):
        grid_inverse_cdf(special.erf, -1.0, 1.0)


def test_ess_tail_refuses_one_tail_twice():
    draws = np.random.default_rng(0).standard_normal((4, 100))
    with pytest.raises(ValueError, match=r"prob must be two different probabilities"):
        ess_tail(draws, (0.9, 0.9))


def test_assert_inverts_refuses_a_cdf_outside_zero_one_as_a_bad_cdf():
    with pytest.raises(ValueError, match=r"cdf \(erf\) must return a number in \[0, 1\]"):
        assert_inverts(stats.norm.ppf, special.erf, np.linspace(0.05, 0.95, 7), 1e-6)
    with pytest.raises(ValueError, match=r"u_resolution must be at least 1\.11e-16"):
        assert_inverts(stats.norm.ppf, stats.norm.cdf, np.linspace(0.05, 0.95, 7), 1e-20)


def test_style_subplots_shows_the_keywords_it_passed_on():
    with pytest.raises(TypeError, match=r"figsize=tuple \(6, 2\).*the size is size="):
        style.subplots(figsize=(6, 2))


def _exits(pred, y):
    sys.exit("shapes differ")


def test_a_users_function_that_calls_sys_exit_is_named_not_an_exit():
    model, family, rng = MLP((1, 4, 1)), Sinusoid(), np.random.default_rng(0)
    batch = family.make_batch(rng, family.sample_params(rng, 2), 3, 3)
    with pytest.raises(ValueError, match=r"SystemExit: shapes differ"):
        next(sgd_path(per_task(model.init(rng), 2), batch, model, inner_lr=0.1, loss=_exits))
    with pytest.raises(ValueError, match=r"grad: fun \(.*\) called sys\.exit\('stop'\)"):
        ad.grad(lambda x: sys.exit("stop"))(1.0)


def test_text_given_as_logits_shows_its_first_entry():
    logits = np.full((2, 3, 2), "#DIV/0!")
    with pytest.raises(TypeError, match=r"logits must be .* the first np\.str_\('#DIV/0!'\)"):
        accuracy(logits, np.eye(2)[np.zeros((2, 3), dtype=int)])
