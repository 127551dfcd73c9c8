"""Round 46 of issue 11 (fixes of earlier batteries' written-not-kept leftovers), tested on
other values than the batteries'. Each test failed at e81254a, before the round."""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta.batchnorm import finn_init
from scratchmeta.meta.maml import inner_sgd
from scratchmeta.more_tasks import SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import LinearRegression, Sinusoid


def _square(x):
    return ad.sum(x * x)


def test_value_and_grad_names_itself_not_grad():
    with pytest.raises(TypeError, match=r"^value_and_grad: argument 0 \(a TtestResult\)"):
        ad.value_and_grad(_square)(stats.ttest_1samp([0.5, 1.5, 2.0, 3.0], 1.0))
    with pytest.raises(ValueError, match=r"^value_and_grad needs fun to return a scalar"):
        ad.value_and_grad(lambda x: x * 2.0)(np.ones(2))
    with pytest.raises(TypeError, match=r"^grad: argument 0 \(a TtestResult\)"):
        ad.grad(_square)(stats.ttest_1samp([0.5, 1.5, 2.0, 3.0], 1.0))


def test_trace_names_its_argument_that_holds_itself():
    looped = {"w": 1.0}
    looped["self"] = looped
    with pytest.raises(ValueError, match=r"^trace: argument 0 holds itself"):
        ad.trace(lambda d: d["w"], looped)


def test_getitem_names_the_type_of_what_is_no_index():
    with pytest.raises(TypeError, match=r"index b'.*' \(a bytes\) for shape \(4,\)"):
        ad.getitem(np.ones(4), np.array([1, 2], dtype=np.int32).tobytes())


def test_stack_and_concatenate_name_a_function_given_among_the_arrays():
    value, pullback = ad.vjp(lambda x: ad.sin(x), np.ones(2))
    with pytest.raises(TypeError, match=r"^stack: xs\[1\] \(of a list of 2\) must be an array, "
                                        r"got function"):
        ad.stack([value, pullback])


def test_an_apply_that_writes_into_x_is_named_and_x_is_kept():
    model, family, rng = MLP((1, 4, 1)), Sinusoid(), np.random.default_rng(5)
    batch = family.make_batch(rng, family.sample_params(rng, 3), 4, 4)
    x = batch.x_support.copy()

    def scaling_apply(params, x):
        x /= 2.0
        return model.apply(params, x)

    with pytest.raises(ValueError, match=r"^apply wrote into its input x"):
        inner_sgd(per_task(model.init(rng), 3), batch.x_support, batch.y_support,
                  scaling_apply, inner_lr=0.1, inner_steps=2)
    assert np.array_equal(batch.x_support, x)


@pytest.mark.parametrize("make", [
    lambda: finn_init(np.random.default_rng(0), np.array([2, 3, 1], dtype=object)),
    lambda: SinusoidFrequency(frequency=np.array([1, 3], dtype=object)),
    lambda: LinearRegression(mean=np.array([0.0, 2.0], dtype=object)),
    lambda: Sinusoid(amplitude=np.array([0.5, 1.0], dtype=object)),
])
def test_object_arrays_are_refused_where_a_family_or_network_reads_numbers(make):
    with pytest.raises(TypeError, match=r"must be a list or tuple, .*dtype object"):
        make()
