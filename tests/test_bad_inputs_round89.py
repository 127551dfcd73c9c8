"""Round 89 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-fortieth and hundred-and-forty-first batteries (measured blind first at b1269d2).
Each fails at b1269d2 except the guard, which passes at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad


@pytest.mark.parametrize("value, shown", [(np.False_, "np.False_"), (np.bool_(1), "np.True_")])
def test_a_numpy_bool_where_a_number_is_meant_is_shown_with_its_value(value, shown):
    with pytest.raises(TypeError, match=rf"^clip: a_max must be an array of real numbers, got a "
                                        rf"boolean array of dtype bool and shape \(\), {shown}"):
        ad.clip(np.ones(2), 0.0, value)


def test_guard_a_bool_array_is_still_shown_by_its_shape():
    with pytest.raises(TypeError, match=r"shape \(2,\)$"):
        ad.clip(np.ones(2), 0.0, np.array([True, False]))


def _metric_minus_absolute(self, pred, y):
    return -np.abs(np.asarray(pred) - np.asarray(y)).mean(axis=(-2, -1)) - 1.0


def test_an_mse_metric_below_zero_is_refused_before_scoring():
    from test_bad_inputs_ninetysixth import _evaluate_quadratic, _quadratic
    with pytest.raises(ValueError, match=r"metric.* below 0, for \d+ of \d+ tasks: its "
                                         r"metric_name is 'MSE'"):
        _evaluate_quadratic(_quadratic(metric=_metric_minus_absolute))
