"""Round 88 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-thirty-sixth and hundred-and-thirty-seventh batteries (measured blind first at
005f101). Each fails at 005f101 except the guards, which pass at both."""

import numpy as np
import pytest

from scratchmeta.messages import seen
from scratchmeta.sampling import laplace, weibull


@pytest.mark.parametrize("call, said", [
    (lambda: laplace(scale=int), r"^laplace: scale must be a real number, got the class int$"),
    (lambda: weibull(np.float64), r"^weibull: .* got the class numpy\.float64$")])
def test_a_class_given_for_a_number_is_said_to_be_the_class_once(call, said):
    with pytest.raises(TypeError, match=said):
        call()


def test_a_class_is_shown_by_its_public_path():
    assert seen(np.random.Generator) == "the class numpy.random.Generator"


def test_guard_values_are_shown_as_before():
    assert seen("2") == "'2'" and seen(2.5) == "2.5"
    with pytest.raises(TypeError, match=r"got '2' \(str\)$"):
        laplace(scale="2")


def test_a_value_where_a_dtype_is_meant_is_refused_though_numpy_reads_its_dtype():
    from scratchmeta.datasets.omniglot_tasks import Omniglot
    from scratchmeta.nn import MLP
    with pytest.raises(TypeError, match=r"^dtype must be 'float64' or 'float32' .*got "
                                        r"np\.float32\(2\.0\)"):
        MLP([1, 4, 1], dtype=np.float32(2.0))
    with pytest.raises(TypeError, match=r"^dtype must be float32 or float64, got array"):
        Omniglot(5, dtype=np.zeros(3, np.float32))


def test_guard_a_dtype_given_as_a_type_a_name_or_a_dtype_is_taken():
    from scratchmeta.nn import MLP
    for dtype in (np.float32, "float32", np.dtype("float32")):
        assert MLP([1, 4, 1], dtype=dtype).dtype == np.float32
