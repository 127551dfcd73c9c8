"""Round 79 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-eighteenth and hundred-and-nineteenth batteries (measured blind first at b0ad977).
Each fails at b0ad977 except the guard, which passes at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.sampling.diagnostics import quantile_type7


def test_a_text_cotangent_shows_its_first_entry():
    _, pullback = ad.vjp(lambda x: x * 2.0, np.ones(2))
    with pytest.raises(TypeError, match=r"^vjp: the cotangent u must be an array of real "
                                        r"numbers, got a string array of dtype <U4 and shape "
                                        r"\(2,\), the first '0\.25'"):
        pullback(np.array(["0.25", "1e-3"]))


def test_an_op_given_text_shows_its_first_entry():
    with pytest.raises(TypeError, match=r"^exp: .* the first '2'"):
        ad.exp(np.array(["2", "3"]))


def test_empty_draws_are_called_empty():
    with pytest.raises(ValueError, match=r"^quantile_type7: x must be draws, .* got an empty "
                                         r"array of shape \(2, 0\)"):
        quantile_type7(np.zeros((2, 0)), 0.5)


def test_an_object_array_still_shows_its_odd_entry():
    """The guard: the object-array wording is as it was."""
    with pytest.raises(TypeError, match=r"holding None \(at index 1\)"):
        ad.exp(np.array([1.0, None], dtype=object))
