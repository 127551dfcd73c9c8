"""Round 81 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-twenty-second and hundred-and-twenty-third batteries (measured blind first at
2fd9cef). Each fails at 2fd9cef except the guard, which passes at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.sampling import ess_bulk
from scratchmeta.sampling.diagnostics import quantile_type7


@pytest.mark.parametrize("op", [ad.squeeze, ad.var, ad.std])
def test_an_op_built_of_others_names_itself_for_a_complex_input(op):
    name = op.__name__
    with pytest.raises(TypeError, match=rf"^{name}: cannot apply to \(1, 2\) of dtype "
                                        r"complex128"):
        op(np.array([[1.0 + 2.0j, 3.0]]))


def test_expand_dims_names_itself_for_text():
    with pytest.raises(TypeError, match=r"^expand_dims: .* the first '7'"):
        ad.expand_dims(np.array(["7", "8"]), 0)


def test_draws_as_bytes_show_their_first_entry():
    with pytest.raises(TypeError, match=r"^ess_bulk: draws must be an array of real numbers, "
                                        r"got dtype \|S4 \(an array of shape \(2, 3\), the first "
                                        r"b'1\.25'\)"):
        ess_bulk(np.array([[b"1.25", b"2", b"3"], [b"4", b"5", b"6"]]))
    with pytest.raises(TypeError, match=r"the first '0\.5'"):
        quantile_type7(np.array(["0.5", "0.7"]), 0.5)


def test_a_user_op_returning_bytes_shows_them():
    op = ad.Primitive("as_bytes", lambda x: np.array([b"3.5"] * np.size(x)), lambda g, a, x: g)
    with pytest.raises(TypeError, match=r"Primitive 'as_bytes': impl .* returned a bytes array "
                                        r"of dtype \|S3 and shape \(2,\), the first b'3\.5'"):
        op(np.ones(2))


def test_the_composite_ops_still_differentiate():
    """The guard: under grad their input is a Tensor, checked where the trace began."""
    x = np.array([[1.0, 2.0, 4.0]])
    np.testing.assert_allclose(ad.grad(lambda y: ad.var(ad.squeeze(y)))(x),
                               [[2 * (1 - 7 / 3) / 3, 2 * (2 - 7 / 3) / 3, 2 * (4 - 7 / 3) / 3]])
