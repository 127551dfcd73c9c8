"""Round 60 of issue 11, tested on other values than the batteries': with sight of the
ninety-third battery (measured blind first at 049f738), two of its kinds. An engine op's
divide by zero under ``np.errstate(all="raise")`` (a pole: log 0, 1/0, the derivative of
sqrt at 0) is a ValueError as well as a FloatingPointError, as an invalid value already was;
an overflow stays a divergence. A DKW test whose threshold is 1 or more, which no sample
could fail, is refused. Each test fails at 86e24f5, except the guard named ``..._still_...``."""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import testing


def test_a_pole_of_an_op_is_a_value_error_naming_the_op():
    with np.errstate(all="raise"):
        with pytest.raises(ValueError, match=r"^log: divide by zero") as info:
            ad.log(np.array([3.0, 0.0]))
        assert isinstance(info.value, FloatingPointError)
        with pytest.raises(ValueError, match=r"divide by zero"):
            ad.grad(lambda x: ad.sum(ad.sqrt(x)))(np.array([0.0, 4.0]))


def test_an_overflow_is_still_a_divergence_only():
    with np.errstate(all="raise"), pytest.raises(FloatingPointError) as info:
        ad.exp(np.array([1000.0]))
    assert not isinstance(info.value, ValueError)


@pytest.mark.parametrize("call", [
    lambda: testing.assert_cdf_matches(np.array([-0.3, 0.1, 0.4, 1.2, 2.0]), stats.norm.cdf),
    lambda: testing.assert_same_distribution(np.array([0.2, 0.5, 0.9]),
                                             np.random.default_rng(4).normal(size=300)),
])
def test_a_test_that_no_sample_could_fail_is_refused(call):
    with pytest.raises(ValueError, match="too few for this test.*no sample could fail it"):
        call()
