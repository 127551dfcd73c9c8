"""Round 82 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-twenty-fourth and hundred-and-twenty-fifth batteries (measured blind first at
938a415), and of the hundred-and-twenty-first's doubtful case of a complex mean. Each fails
at 938a415 except the guards, which pass at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad


@pytest.mark.parametrize("x", [np.array([[0.5j, 2.0]]), np.array([1.0 + 0j, 2.0, 3.0])])
def test_mean_names_itself_for_a_complex_input(x):
    with pytest.raises(TypeError, match=r"^mean: cannot apply to \(.*\) of dtype complex128"):
        ad.mean(x)


def test_guard_mean_of_real_arrays_and_its_gradient_are_unchanged():
    x = np.array([[1.0, 2.0], [3.0, 6.0]])
    assert ad.mean(x) == 3.0
    np.testing.assert_array_equal(ad.grad(lambda v: ad.mean(v * v))(x), x / 2.0)
    assert ad.mean(x.astype(np.float32)).dtype == np.float32
