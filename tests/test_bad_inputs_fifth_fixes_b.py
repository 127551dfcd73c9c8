"""Regression tests for the general validators added for the fifth battery (issue 11).

One test per helper of ``scratchmeta.meta.checks``; the battery
(``test_bad_inputs_fifth.py``) tests the cases themselves.
"""

import numpy as np
import pytest

from scratchmeta.meta.checks import (check_family, check_indices, check_inner, check_params,
                                     check_rows, check_sgd, check_shape)
from scratchmeta.tasks import Sinusoid


def test_check_indices_refuses_repeats_out_of_range_and_non_integers():
    check_indices("rows", np.array([2, 0]), 3)
    check_indices("trainable", {1, 0}, 2)                   # a set, taken in sorted order
    check_indices("trainable", [], 4)                        # nothing moves: allowed
    for bad, token in (([0, 0], "[0, 0]"), ([3], "[3]"), ([-1], "-1"), ([0.0], "0.0"),
                       ([True], "True"), (np.array([[0]]), "(1, 1)"), ([[0], [0, 1]], "[[0]")):
        with pytest.raises(ValueError, match="rows") as info:
            check_indices("rows", bad, 3)
        assert token in str(info.value)
    with pytest.raises(ValueError, match="at least 1"):
        check_indices("rows", [], 3, minimum=1)


def test_check_inner_and_check_sgd_check_trainable_against_the_parameters():
    params = [np.zeros((1, 4)), np.zeros(4)]
    check_inner(0.01, 1, (0, 1), params)
    check_sgd(0.01, lambda p, y: 0.0, None, params)
    with pytest.raises(ValueError, match=r"trainable.*\[7\]"):
        check_inner(0.01, 1, [7], params)
    with pytest.raises(ValueError, match=r"trainable.*\[1, 1\]"):
        check_sgd(0.01, lambda p, y: 0.0, [1, 1], params)


def test_check_params_pairs_and_head():
    check_params("params", [1, 2, 3, 4], minimum=2, pairs=True)
    with pytest.raises(ValueError, match="params.*got 3"):
        check_params("params", [1, 2, 3], minimum=2, pairs=True)
    with pytest.raises(ValueError, match=r"head_params.*\[W, b\].*got 1"):
        check_params("head_params", [np.ones((4, 1))], head=True)


def test_check_shape_names_the_axes_expected():
    assert check_shape("phi", np.ones((2, 6, 4)), ("tasks", "points", "features")) == (2, 6, 4)
    with pytest.raises(ValueError, match=r"phi.*\(tasks, points, features\).*\(6, 4\)"):
        check_shape("phi", np.ones((6, 4)), ("tasks", "points", "features"))


def test_check_rows_wants_a_list_of_dicts():
    check_rows("rows", [{"a": 1}])
    check_rows("rows", [])
    for bad in ("abc", {"a": 1}, [{"a": 1}, "b"]):
        with pytest.raises(TypeError, match="rows"):
            check_rows("rows", bad)


def test_check_family_refuses_the_class():
    check_family(Sinusoid())
    with pytest.raises(TypeError, match=r"instance.*Sinusoid\(\).*class Sinusoid"):
        check_family(Sinusoid)
