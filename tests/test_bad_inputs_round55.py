"""Round 55 of issue 11: the eighty-first battery's misses that could be mended (widths
that overflow, a start where the log-density overflows, a huge draw shown rounded), tested on
other values than the battery's. Each test fails at 775886c."""

import numpy as np
import pytest

from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, grid_inverse_cdf,
                                  metropolis)
from scratchmeta.sampling.diagnostics import mcse_sd
from scratchmeta.sampling.tails import find_center


def test_a_grid_whose_width_overflows_is_refused():
    with pytest.raises(ValueError, match=r"grid_inverse_cdf: \(hi - lo\) must be at most"):
        grid_inverse_cdf(lambda x: np.exp(-x * x), -1e308, 1e308)


def test_a_start_where_the_log_density_fails_is_named_as_x0():
    def log_density(x):
        return -np.sum(np.exp(x), axis=1)           # exp(800) overflows
    with np.errstate(all="raise"), pytest.raises(
            ValueError, match=r"\(called at x0 = \[\[800\.0\], \[0\.0\]\]\)"):
        metropolis(log_density, np.array([[800.0], [0.0]]), 10, np.random.default_rng(0))


def test_a_draw_too_large_for_the_moments_is_shown_whole():
    draws = np.zeros((2, 50))
    draws[1, 7] = 1.2345678901234567e+160                # its fourth power overflows
    with pytest.raises(ValueError, match=r"one is 1\.2345678901234567e\+160"):
        mcse_sd(draws)


@pytest.mark.parametrize("call", [
    lambda: ContinuousInverseCDF.from_density(lambda x: np.exp(-x * x), domain=(-1e308, 1e308)),
    lambda: find_center(lambda x: np.exp(-x * x), -1e308, 1e308),
])
def test_a_finite_domain_whose_width_overflows_is_refused(call):
    with np.errstate(all="raise"), pytest.raises(ValueError, match=r"\(b - a\) must be at most"):
        call()


def test_probabilities_whose_sum_overflows_show_the_entry_whole():
    with pytest.raises(ValueError, match=r"p\[1\] = 9\.87654321e\+307 is no probability"):
        DiscreteInverseCDF([0.5, 9.87654321e+307, 9.0e+307])
