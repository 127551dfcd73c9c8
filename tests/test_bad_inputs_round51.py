"""Round 51 of issue 11 (fixes made with sight of the seventy-fourth and seventy-fifth
batteries), tested on other values than the batteries'. Each test fails at 5ad0060."""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.gradcheck import check_grads
from scratchmeta.sampling import metropolis
from scratchmeta.sampling.continuous import ContinuousInverseCDF
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import ks_distance


class Tolerance:
    """A stand-in whose repr is long and hides its type."""

    def __repr__(self):
        return "about " + "1100 " * 30


def test_a_long_repr_is_cut_but_its_type_still_said():
    with pytest.raises(ValueError, match=r"got about 1100 .*\.\.\. \(type Tolerance\)"):
        Omniglot(n_train=Tolerance())


def test_an_engine_ops_floating_point_error_names_the_op_and_a_nan_is_a_value_error_too():
    with np.errstate(all="raise"):
        with pytest.raises(ValueError, match=r"^log: invalid value .* x = \[ 2\. -3\.\]") as info:
            ad.log(np.array([2.0, -3.0]))
        assert isinstance(info.value, FloatingPointError)     # training's divergence still
        with pytest.raises(FloatingPointError, match=r"^exp: overflow") as info:
            ad.exp(np.array([800.0]))
        assert not isinstance(info.value, ValueError)


def test_metropolis_ignores_its_own_harmless_underflow():
    with np.errstate(all="raise"):
        result = metropolis(lambda x: -0.5 * np.sum(x * x, axis=1), np.zeros((2, 1)), 20,
                            np.random.default_rng(1), n_warmup=20, step_size=60.0)
    assert result.samples.shape[1] == 20


class Counter:
    """A function of x and of how often it was called."""

    def __init__(self, f):
        self.f, self.calls = f, 0

    def __call__(self, x):
        self.calls += 1
        return self.f(x) * (1.0 + 1e-6 * self.calls)


@pytest.mark.parametrize("call, name", [
    (lambda: metropolis(Counter(lambda x: -0.5 * np.sum(x * x, axis=1) - 1.0),
                        np.zeros((2, 1)), 5, np.random.default_rng(0)), "log_density"),
    (lambda: ContinuousInverseCDF.from_ppf(Counter(stats.logistic.ppf)), "ppf"),
    (lambda: ContinuousInverseCDF.from_ppf(stats.norm.ppf, cdf=Counter(stats.norm.cdf)), "cdf"),
    (lambda: find_center(Counter(stats.cauchy.pdf), -np.inf, np.inf), "pdf"),
    (lambda: ks_distance(np.linspace(-2, 2, 50), Counter(stats.norm.cdf)), "cdf"),
])
def test_a_function_whose_value_drifts_between_calls_is_named(call, name):
    with pytest.raises(ValueError, match=rf"^\w+: {name} \(Counter\) gave different values on two "
                                         rf"calls at the same x"):
        call()


def test_ks_distance_refuses_a_cdf_that_decreases():
    with pytest.raises(ValueError, match=r"cdf \(.*\) is no CDF: it decreases"):
        ks_distance(np.linspace(-2.0, 2.0, 40), lambda x: 0.5 + 0.1 * np.sin(3.0 * x))


class Spline:
    """A callable object (an interpolant, say) that NumPy code would call on floats."""

    def __call__(self, x):
        return float(np.asarray(x).sum())


def test_check_grads_names_a_callable_object_through_its_own_closures():
    with pytest.raises(TypeError, match=r"fun \(Spline\) raised TypeError"):
        check_grads(Spline(), (np.ones(2),))
