"""Round 65 of issue 11, tested on other values than the batteries': with sight of the
ninety-third and ninety-fifth batteries (measured blind first at 049f738 and 809181d). Each
test fails at 5091506, except the guards named ``..._still_...``.

* The diagnostics refuse draws whose spread is a few float64 steps of their size (a location
  added to small draws, rounding their differences away): they would read the ties as the
  chains' behaviour. Constant draws still get issue 11's NaN with a warning.
* mcse_sd of constant draws is NaN with a warning, as ArviZ gives, not NumPy's 0 / 0.
"""

import warnings

import numpy as np
import pytest

from scratchmeta.sampling import diagnose, ess_bulk, mcse_sd, split_rhat


def _few_steps(offset=4.0, steps=5, shape=(4, 200)):
    """Draws offset + k ulp(offset), k in 0..steps: their spread is lost to rounding."""
    k = np.random.default_rng(7).integers(0, steps + 1, size=shape)
    return offset + k * np.spacing(offset)


@pytest.mark.parametrize("fn", [split_rhat, ess_bulk, mcse_sd])
def test_draws_whose_spread_is_a_few_float64_steps_are_refused(fn):
    with pytest.raises(ValueError, match=rf"^{fn.__name__}: draws of coordinate 0 spread over "
                                         r".*float64 steps at their size 4"):
        fn(_few_steps())


def test_diagnose_names_the_coordinate_whose_spread_is_lost():
    x = np.stack([np.random.default_rng(1).normal(size=(4, 200)), _few_steps(3e5)], axis=-1)
    with pytest.raises(ValueError, match=r"draws of coordinate 1 spread over"):
        diagnose(x)


def test_an_indicators_chains_and_small_draws_are_still_diagnosed():
    z = np.random.default_rng(2).normal(size=(4, 200))
    assert np.isfinite(ess_bulk(z > 0)).all()
    assert np.isfinite(split_rhat(1e-300 * z)).all()          # small, but every value apart


def test_mcse_sd_of_constant_draws_is_nan_with_a_warning_at_the_users_line():
    with np.errstate(all="raise"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert np.isnan(mcse_sd(np.full((4, 100), 2.5))).all()
    assert [w.filename for w in caught] == [__file__]
    assert "constant draws" in str(caught[0].message)
