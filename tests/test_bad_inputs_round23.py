"""Round 23 of issue 11 (fixes made with sight of the thirty-sixth and thirty-seventh
batteries), tested directly: some cases that found them were written but not kept."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta import testing
from scratchmeta.meta.maml import inner_sgd
from scratchmeta.sampling import ContinuousInverseCDF
from scratchmeta.tasks import mse


@pytest.mark.parametrize("call", [
    lambda: ContinuousInverseCDF.from_density(lambda x: (x > 0) & (x < 1), (0.0, 1.0)),
    lambda: testing.ks_distance(np.linspace(-1, 1, 20), lambda x: x > 0),
])
def test_a_density_or_cdf_returning_booleans_is_refused_with_the_indicator_spelled_out(call):
    with pytest.raises(TypeError, match=r"must return real numbers, .*booleans.*"
                                        r"mask\.astype\(float\)"):
        call()


def test_an_indicator_density_as_floats_still_builds():
    sampler = ContinuousInverseCDF.from_density(lambda x: ((x > 0) & (x < 1)).astype(float),
                                                (0.0, 1.0))
    np.testing.assert_allclose(sampler.from_uniforms(np.array([0.25, 0.5])), [0.25, 0.5],
                               atol=1e-9)


def test_norm_ord_refuses_a_bool():
    with pytest.raises(TypeError, match=r"norm: ord must be .*got the bool np\.True_"):
        ad.norm(np.ones(3), ord=np.True_)


def test_messages_show_the_value_where_it_is_short():
    with pytest.raises(ValueError, match=r"got range range\(0, 5\) of shape \(5,\)"):
        mse(np.ones((5, 1)), range(5))
    with pytest.raises(ValueError, match=r"got shape \(\) \(float 1\.5\)"):
        inner_sgd([np.ones((2, 1, 1)), np.zeros((2, 1))], np.ones((2, 5, 1)),
                  np.ones((2, 5, 1)), lambda p, x: 1.5, inner_lr=0.1, inner_steps=1)
