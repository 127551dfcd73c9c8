"""Round 83 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-twenty-sixth and hundred-and-twenty-seventh batteries (measured blind first at
5373acd). Each fails at 5373acd except the guards, which pass at both."""

import numpy as np
import pytest

from scratchmeta.sampling import ContinuousInverseCDF, DiscreteInverseCDF


def _samplers():
    return [DiscreteInverseCDF([0.2, 0.3, 0.5]),
            ContinuousInverseCDF.from_density(lambda x: np.exp(-x), (0.0, np.inf))]


@pytest.mark.parametrize("seed", [2 ** 63, 2 ** 64 + 5, 10 ** 30])
def test_rvs_refuses_a_seed_past_an_int64_as_every_seed_of_the_library_is(seed):
    for sampler in _samplers():
        with pytest.raises(ValueError, match=rf"random_state must be .* an int seed >= 0 and "
                                             rf"< 2\*\*63 \(an int64\), got {seed}"):
            sampler.rvs(4, random_state=seed)


def test_guard_rvs_takes_the_largest_int64_seed_and_repeats_itself():
    for sampler in _samplers():
        a, b = (sampler.rvs(5, random_state=2 ** 63 - 1) for _ in range(2))
        np.testing.assert_array_equal(a, b)
