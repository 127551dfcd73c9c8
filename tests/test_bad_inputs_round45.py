"""Round 45 of issue 11 (fixes made with sight of the sixty-fifth battery), tested on other
values than the battery's."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.sampling import DiscreteInverseCDF


def test_clip_names_a_bound_that_does_not_broadcast():
    with pytest.raises(ValueError, match=r"clip: a_max of shape \(2,\) does not broadcast "
                                         r"against x of shape \(3,\): got tuple"):
        ad.clip(np.ones(3), None, (0.5, 1.0))


def test_stop_gradient_refuses_a_tuple_of_parts_of_different_shapes():
    with pytest.raises(TypeError, match=r"x must be an array .*tuple of parts of different "
                                        r"shapes"):
        ad.stop_gradient((np.ones(4), 0.25))
    assert ad.stop_gradient((np.ones(2), np.zeros(2)))[1].shape == (2,)   # one shape: an array


def test_a_ragged_u_is_named_by_the_samplers_check():
    sampler = DiscreteInverseCDF([0.5, 0.5])
    with pytest.raises(TypeError, match=r"^DiscreteInverseCDF\.ppf: u must be "
                                        r"an array of real numbers"):
        sampler.ppf((np.linspace(0.1, 0.9, 3), 0.4))
