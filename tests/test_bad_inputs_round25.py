"""Round 25 of issue 11 (fixes made with sight of the fortieth and forty-first batteries),
tested directly where the battery's kept cases do not reach."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads


class ArrayRaises:
    """A container whose data cannot be read (its __array__ raises)."""

    def __array__(self, dtype=None, copy=None):
        raise RuntimeError("the data behind this container is not loaded")


@pytest.mark.parametrize("call, message", [
    (lambda: ad.exp(ArrayRaises()), r"exp: .*x must be an array of real numbers, but NumPy "
                                    r"could not read the ArrayRaises given: RuntimeError"),
    (lambda: check_grads(ad.sin, (ArrayRaises(),)), r"args\[0\].*ArrayRaises"),
    (lambda: ad.grad(lambda x: ad.sum(x))(ArrayRaises()), r"argument 0 .*ArrayRaises"),
])
def test_an_object_numpy_cannot_read_is_named_with_the_argument(call, message):
    with pytest.raises(TypeError, match=message):
        call()


@pytest.mark.parametrize("call, message", [
    (lambda: ad.hessian(lambda x: ad.sum(x * x), argnum="a"), r"^hessian: argnum must be an int"),
    (lambda: ad.jacobian(ad.sin, argnum=4)(np.ones(2)), r"^jacobian: argnum 4 is out of range"),
])
def test_jacobian_and_hessian_name_their_argnum(call, message):
    with pytest.raises((TypeError, ValueError), match=message):
        call()


def test_an_error_inside_a_library_map_is_not_blamed_on_tree_map():
    with pytest.raises(TypeError) as info:
        check_grads(ad.sin, ([1, "a"],))
    assert "tree_map" not in str(info.value)
