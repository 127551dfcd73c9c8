"""Round 72 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-third battery's remark (a clear case named the inner function). The public
functions of the mixing and step-size modules name themselves, as the samplers' others do,
not the function they call inside (metropolis). Each fails at b8e38d0."""

import numpy as np
import pytest

from scratchmeta.sampling.mixing import noise_floor, walks_from_one_start
from scratchmeta.sampling.step_size import fixed_step_chains

EDGES = np.linspace(-2.0, 2.0, 9)


def _cdf(x):
    return np.clip((np.asarray(x) + 2.0) / 4.0, 0.0, 1.0)


def test_walks_from_one_start_names_itself_not_metropolis():
    with pytest.raises(TypeError, match=r"^walks_from_one_start: log_density \(.*\) must return"):
        walks_from_one_start(lambda x: None, 0.0, {"h": 0.5}, 2, 8, EDGES, _cdf,
                             [np.random.default_rng(0)])


def test_noise_floor_names_itself():
    class NaNSampler:
        def sample(self, n, rng):
            return np.full(n, np.nan)
    with pytest.raises(ValueError, match=r"^noise_floor: sampler\.sample\(n, rng\) must be .*"
                                         r"the first is sampler\.sample\(n, rng\)\[0\] = nan"):
        noise_floor(50, 3, NaNSampler(), EDGES, _cdf, np.random.default_rng(0))


def test_fixed_step_chains_names_itself():
    with pytest.raises((TypeError, ValueError), match=r"^fixed_step_chains: "):
        fixed_step_chains(2, 1.0, 4, 10, 7)
