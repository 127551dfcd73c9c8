"""Round 41 of issue 11 (fixes made with sight of the fifty-eighth and fifty-ninth
batteries): an object whose ``.dtype`` attribute is not its own (SciPy's interp1d) is no
array, so it is named as what it is, by the argument given; einsum names ``operands[i]``."""

import numpy as np
import pytest
from scipy.interpolate import interp1d

import scratchmeta.autodiff as ad
from scratchmeta.meta.checks import array_dtype, check_real
from scratchmeta.meta.ridge import ridge_fit

SCHEDULE = interp1d([0.0, 1.0], [0.1, 0.01])


def test_an_object_with_a_dtype_attribute_is_not_read_as_an_array():
    assert SCHEDULE.dtype == np.float64 and array_dtype(SCHEDULE) is None
    assert array_dtype(np.ones(2)) == np.float64
    with pytest.raises(TypeError, match=r"^lam must be a real number, got .*interp1d"):
        ridge_fit(np.ones((4, 2)), np.ones((4, 1)), SCHEDULE)
    with pytest.raises(TypeError, match=r"^phi must be an array of real numbers"):
        check_real("phi", SCHEDULE)


def test_einsum_names_the_operand_by_its_place():
    with pytest.raises(TypeError, match=r"einsum: .*operands\[1\] must be an array"):
        ad.einsum("i,i->", np.ones(2), "ab")
