"""Round 50 of issue 11 (fixes made with sight of the seventy-second and seventy-third
batteries), tested on other values than the batteries'. Each test fails at 82b1805."""

from unittest import mock

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.sampling import ess_bulk
from scratchmeta.testing import assert_labels_match


def test_solve_names_a_stand_in_given_as_b():
    with pytest.raises(TypeError, match=r"^solve: b must be an array of real numbers, got .*"
                                        r"Mock"):
        ad.solve(np.eye(3), mock.Mock())


def test_an_engine_op_names_an_int_past_float64_whatever_numpy_said():
    with pytest.raises(ValueError, match=r"^tanh: x must be a number a float64 can hold, got "
                                         r"the int -1000.* \(351 digits\)"):
        ad.tanh(-(10 ** 350))


def test_an_int_past_float64_inside_a_list_is_named_as_the_odd_entry():
    chains = [[0.1, 0.4, -0.3, 0.2, 0.5]] * 3 + [[0.1, 0.4, 10 ** 309, 0.2, 0.5]]
    with pytest.raises(TypeError, match=r"draws must be .* the first a int 1000.* \(too large "
                                        r"for a float64\)"):
        ess_bulk(chains)
    with pytest.raises(TypeError, match=r"its entry \[1\] is 1000.* \(too large for a "
                                        r"float64\)"):
        assert_labels_match(lambda u: np.zeros(len(u), dtype=int), [1.0, 10 ** 309])


def _vjp_with_a_broken_lookup(g, ans, x):
    return {"cotangent": g}["g"]


def test_a_primitives_rule_is_named_by_its_own_name():
    doubled = ad.Primitive("doubled", lambda x: 2.0 * x, _vjp_with_a_broken_lookup)
    with pytest.raises(ValueError, match=r"'doubled': vjp_0 \(_vjp_with_a_broken_lookup\) raised "
                                         r"KeyError"):
        ad.grad(lambda x: ad.sum(doubled(x)))(np.ones(2))
