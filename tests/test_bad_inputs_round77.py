"""Round 77 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-fourteenth and hundred-and-fifteenth batteries (measured blind first at c0a0e5f).
Each fails at c0a0e5f except the guards, which pass at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.sampling import metropolis
from scratchmeta.sampling.tails import check_width


def _normal(x):
    return -0.5 * np.sum(x * x, axis=-1)


@pytest.mark.parametrize("a, b", [(0.0, np.nan), (np.nan, np.inf), (3.0, -1.0)])
def test_check_width_refuses_ends_that_are_not_numbers_in_order(a, b):
    with pytest.raises(ValueError, match=r"^domain: the ends must be numbers a < b .*got "
                                         r"a = .*, b = "):
        check_width("domain", a, b)


def test_check_width_still_takes_finite_and_unbounded_ends():
    """The guard: a < b, finite or infinite, passes as before."""
    assert check_width("domain", -np.inf, 2.0) is None
    assert check_width("domain", 0.5, 1.5) is None


@pytest.mark.parametrize("n_steps, n_warmup", [(100, 5 * 10 ** 9), (10 ** 8, 10 ** 9)])
def test_metropolis_refuses_a_walk_past_any_use_before_a_step(n_steps, n_warmup):
    calls = []

    def log_density(x):
        calls.append(1)
        return _normal(x)
    with pytest.raises(ValueError, match=rf"^metropolis: n_warmup \+ n_steps = {n_warmup} \+ "
                                         rf"{n_steps} steps is far past any use"):
        metropolis(log_density, [[0.0]], n_steps, np.random.default_rng(1), n_warmup=n_warmup)
    assert calls == []


def test_metropolis_still_runs_a_long_warm_up_below_the_cap():
    """The guard: the cap is far above real use."""
    res = metropolis(_normal, [[0.0]], 4, np.random.default_rng(2), n_warmup=2000)
    assert res.samples.shape == (1, 4, 1)


def test_solve_shows_where_its_first_nan_is():
    a = np.array([[2.0, 0.0, 0.0], [0.0, 1.0, np.inf], [0.0, 0.0, 1.0]])
    with pytest.raises(ValueError, match=r"^solve: a holds 1 NaN or inf entry \(shape \(3, 3\); "
                                         r"the first is a\[1, 2\] = inf\)"):
        ad.solve(a, np.ones(3))
