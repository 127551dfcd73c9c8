"""The MLP as a pure function of its parameters (sections 1.2.2 and 1.3.2)."""

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta.gradcheck import check_grads
from scratchmeta.nn import MLP, per_task, split


def test_init_follows_pytorchs_linear_default_and_the_shapes_of_the_sizes():
    model = MLP((3, 5, 2))
    params = model.init(np.random.default_rng(0))
    assert [p.shape for p in params] == [(3, 5), (5,), (5, 2), (2,)]
    assert np.abs(params[0]).max() <= 1 / np.sqrt(3) and np.abs(params[2]).max() <= 1 / np.sqrt(5)


def test_per_task_copies_give_every_task_the_same_output_as_theta0():
    model = MLP((1, 6, 1), activation="tanh")
    params = model.init(np.random.default_rng(1))
    x = np.random.default_rng(2).standard_normal((4, 7, 1))
    batched = model.apply(per_task(params, 4), x)
    for i in range(4):
        np.testing.assert_allclose(batched[i], model.apply(params, x[i]), rtol=1e-14)


def test_body_then_head_is_the_network_and_the_head_is_the_last_layer():
    model = MLP((2, 4, 4, 3))
    params = model.init(np.random.default_rng(3))
    x = np.random.default_rng(4).standard_normal((5, 2))
    body, head = split(params)
    np.testing.assert_array_equal(model.head(head, model.body(body, x)), model.apply(params, x))
    assert model.head_indices == (4, 5) and MLP(**model.describe()).sizes == model.sizes


def test_the_network_is_differentiable_to_second_order_in_its_parameters():
    model = MLP((1, 3, 1), activation="tanh")
    x = np.random.default_rng(5).standard_normal((4, 1))
    check_grads(lambda *p: ad.sum(model.apply(list(p), x)), model.init(np.random.default_rng(6)),
                order=2, rng=np.random.default_rng(7))


@pytest.mark.parametrize("args, message", [
    (((1,),), "at least two positive integers"), (((1, 0, 1),), "at least two positive"),
    (((1, 2), "gelu"), "activation must be one of"),
])
def test_bad_sizes_and_activations_are_refused(args, message):
    with pytest.raises(ValueError, match=message):
        MLP(*args)
