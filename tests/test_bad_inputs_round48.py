"""Round 48 of issue 11 (fixes made with sight of the sixty-eighth and sixty-ninth
batteries), tested on other values than the batteries'. Each test fails at 12836b0."""

import functools
import statistics

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta.evaluate import evaluate
from scratchmeta.meta.registry import make_strategy
from scratchmeta.sampling import DiscreteInverseCDF, exponential, grid_inverse_cdf
from scratchmeta.tasks import Sinusoid
from scratchmeta.testing import exact
from scratchmeta.testing.strategies import uniforms_near_edges


def my_density(x):
    return np.exp(-x) if x > 0 else 0.0            # one point at a time: no vectorised pdf


def test_a_users_function_is_named_by_its_own_name():
    with pytest.raises(ValueError, match=r"^\w+: pdf \(my_density\) raised ValueError"):
        grid_inverse_cdf(my_density, 0.0, 10.0)
    with pytest.raises(TypeError, match=r"^trace: fun \(repr\) must return Tensors"):
        ad.trace(repr, np.ones(2))
    with pytest.raises(TypeError, match=r"^grad needs fun \(repr\) to return a float"):
        ad.grad(repr)(1.0)
    with pytest.raises(TypeError, match=r"needs fun \(repr\) to return float arrays"):
        check_grads(repr, (np.ones(2),))


def test_jacobian_names_the_users_fun_not_its_own_closure():
    def lookup(x):
        return {"a": x}["b"]
    with pytest.raises(ValueError, match=r"^jacobian: vjp: fun \(.*lookup\) raised KeyError"):
        ad.jacobian(lookup)(np.ones(2))


def test_the_engines_copy_of_label_agrees_with_the_packages():
    from scratchmeta import messages
    from scratchmeta.autodiff import checks as engine

    def a_function_whose_name_is_long_enough_to_be_cut_at_sixty_characters(x):
        return x
    functions = [my_density, print, (lambda x: x), np.vectorize(my_density),
                 functools.partial(my_density), statistics.NormalDist().cdf, stats.norm.pdf,
                 stats.norm(0, 1).pdf, np.sin,
                 a_function_whose_name_is_long_enough_to_be_cut_at_sixty_characters]
    labels = [messages.label(f) for f in functions]
    assert labels == [engine.label(f) for f in functions]
    assert labels[:2] == ["my_density", "print"]
    assert labels[3:8] == ["vectorize(my_density)", "partial(my_density)", "NormalDist.cdf",
                           "norm_gen.pdf", "rv_continuous_frozen.pdf"]
    assert labels[9].startswith("...") and labels[9].endswith("sixty_characters")
    assert len(labels[9]) == 60


def test_uniforms_outside_zero_one_are_shown_and_percentages_suspected():
    with pytest.raises(ValueError, match=r"got u = \[ 5\. 60\. 99\.\], 3 of 3 outside .*"
                                         r"if these are percentages, divide by 100"):
        exponential(2.0).ppf([5.0, 60.0, 99.0])
    with pytest.raises(ValueError, match=r"got u = \[0\.5 1\.5\], 1 of 2") as info:
        exponential(2.0).ppf([0.5, 1.5])
    assert "percentages" in str(info.value)      # 1.5 could be 1.5 %: said as a question
    with pytest.raises(ValueError, match=r"u = \[ 0\.5 -3\. \]") as info:
        exponential(2.0).ppf([0.5, -3.0])
    assert "percentages" not in str(info.value)
    with pytest.raises(ValueError, match=r"got u = \[40\. 70\.\], 2 of its 2 entries outside"):
        exact.assert_monotone(lambda u: u, [40.0, 70.0])


def test_probabilities_that_do_not_sum_to_one_are_shown():
    with pytest.raises(ValueError, match=r"p = \[10\.0, 90\.0\] sums to 100\.0; if these are "
                                         r"percentages"):
        DiscreteInverseCDF([10.0, 90.0])
    with pytest.raises(ValueError, match=r"p = \[1\.0, 3\.0\] sums to 4\.0; if they are weights, "
                                         r"divide by their sum"):
        DiscreteInverseCDF([1.0, 3.0])
    with pytest.raises(ValueError, match=r"uniforms_near_edges: p must sum to 1"):
        uniforms_near_edges([1.0, 3.0])


class _Unreadable:
    """An array-like whose conversion fails (as a torch tensor that requires grad)."""

    def __array__(self, dtype=None, copy=None):
        raise RuntimeError("cannot be read without detaching")


def test_u_whose_conversion_fails_is_named():
    with pytest.raises(TypeError, match=r"^DiscreteInverseCDF\.from_uniforms: u must be .* "
                                        r"could not read the _Unreadable given: "
                                        r"RuntimeError"):
        DiscreteInverseCDF([0.5, 0.5]).from_uniforms(_Unreadable())


def _bad_covariance(self, rng, n_tasks):
    return rng.multivariate_normal([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]], n_tasks,
                                   method="cholesky")


def test_a_linalg_error_inside_a_familys_method_is_named_and_keeps_its_type():
    family = type("CovFamily", (Sinusoid,), {"sample_params": _bad_covariance})()
    strategy = make_strategy("maml", meta_batch=2)
    with pytest.raises(np.linalg.LinAlgError, match=r"^CovFamily.sample_params raised "
                                                    r"LinAlgError"):
        evaluate(strategy, strategy.init_state(np.random.default_rng(0)), family, n_tasks=2,
                 n_support=5, n_query=5, n_steps=1)
