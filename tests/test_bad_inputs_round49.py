"""Round 49 of issue 11 (fixes made with sight of the seventieth and seventy-first
batteries), tested on other values than the batteries'. The last three tests fail at 73f292a;
the first checks a fact the round wrote down (it held before too)."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.nn import MLP
from scratchmeta.sampling import metropolis
from scratchmeta.sampling.continuous import ContinuousInverseCDF
from scratchmeta.tasks import Sinusoid


def test_the_engines_ops_outside_a_trace_return_plain_numpy_values():
    x = np.linspace(-1.0, 1.0, 5)
    for value in (ad.exp(-0.5 * ad.mul(x, x)), ad.sum(ad.tanh(x)), ad.matmul(x, x),
                  1.0 - ad.exp(ad.neg(x)), ad.reshape(x, (5, 1))):
        assert not isinstance(value, ad.Tensor)
        assert isinstance(value, (np.ndarray, np.generic))


def one_half(u):
    return 0.5                                  # a constant, not one value per u


def test_a_function_that_is_not_vectorised_is_named_by_its_own_name():
    with pytest.raises(TypeError, match=r"^\w+: ppf \(one_half\) must be vectorised"):
        ContinuousInverseCDF.from_ppf(one_half)


def flat_in_dim(x):
    return np.zeros((x.shape[0], 2))            # (chains, 2), not (chains,)


def test_metropolis_names_the_log_density_by_its_own_name():
    with pytest.raises(ValueError, match=r"^metropolis: log_density \(flat_in_dim\) must map"):
        metropolis(flat_in_dim, np.zeros((3, 1)), 5, np.random.default_rng(0), step_size=0.5)


class Labelled:
    """Another library's labelled array: it has a shape, and NumPy reads it."""

    def __init__(self, values):
        self.values = np.asarray(values)
        self.shape = self.values.shape

    def __array__(self, dtype=None, copy=None):
        return self.values


def test_multitask_heads_of_another_librarys_array_type_are_named():
    model, family, rng = MLP((1, 6, 1)), Sinusoid(), np.random.default_rng(3)
    batch = family.make_batch(rng, family.sample_params(rng, 3), 4, 4)
    body = model.init(rng)[:-2]
    with pytest.raises(TypeError, match=r"^heads\[1\] must be an array .*Labelled"):
        multitask_loss(body, [np.zeros((3, 6, 1)), Labelled(np.zeros((3, 1)))],
                       batch.x_support, batch.y_support, model)
