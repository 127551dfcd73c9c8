"""Round 75 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-tenth and hundred-and-eleventh batteries (measured blind first at 7883f2a). Each
fails at 7883f2a except the guard, which passes at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.meta import adapt
from scratchmeta.nn import per_task
from scratchmeta.tasks import mse
from scratchmeta.sampling import split_rhat

from conftest import small_problem


def test_matrix_transpose_shows_a_number_given():
    with pytest.raises(ValueError, match=r"^matrix_transpose: x needs 2\+ axes, got 4\.5 of "
                                         r"shape \(\)"):
        ad.matrix_transpose(4.5)


def test_chains_of_one_number_show_it():
    with pytest.raises(ValueError, match=r"^split_rhat: draws .* got shape \(\): -2\.0"):
        split_rhat(-2.0)


def test_stop_gradient_refuses_a_list_holding_text():
    with pytest.raises(TypeError, match=r"^stop_gradient: x must be an array of real numbers, "
                                        r"got a tuple holding str '3'"):
        ad.stop_gradient((1.0, "3"))


def test_a_primitives_impl_making_nan_from_numbers_is_named():
    half = ad.Primitive("half_defined", lambda x: np.where(x > 0, np.sqrt(np.abs(x)), np.nan),
                        lambda g, ans, x: ad.div(g, ad.mul(2.0, ans)))
    with pytest.raises(ValueError, match=r"^Primitive 'half_defined': impl \(.*<lambda>\) "
                                         r"returned NaN \(1 of 3 entries\) although its "
                                         r"arguments are all finite"):
        ad.grad(lambda x: ad.sum(half(x)))(np.array([1.0, -1.0, 4.0]))


def test_a_primitive_at_a_nan_point_still_gives_nan():
    """The guard: NaN in, NaN out, as the engine's own ops do."""
    half = ad.Primitive("half_defined", lambda x: np.sqrt(np.abs(x)),
                        lambda g, ans, x: ad.div(g, ad.mul(2.0, ans)))
    assert np.isnan(half(np.array([np.nan, 4.0]))[0])


def test_a_batch_where_the_model_is_meant_is_named_as_swapped():
    model, params, batch = small_problem()
    with pytest.raises(TypeError, match=r"^model must be a network, .* got a TaskBatch "
                                        r"\(x_support \(3, 5, 1\), .*each other's places"):
        adapt.sgd_path(per_task(params, 3), model, batch, inner_lr=0.05, loss=mse)
