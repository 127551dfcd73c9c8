"""Round 74 of issue 11, tested on other values than the battery's: with sight of the
hundred-and-ninth battery (measured blind first at 5a5f420). A list of chains with one of
them None names that entry, rather than calling the list ragged. Fails at 5a5f420."""

import numpy as np
import pytest

from scratchmeta.sampling import ess_tail, split_rhat


def test_a_chain_left_none_is_named():
    rng = np.random.default_rng(8)
    chains = [rng.standard_normal(60), None, rng.standard_normal(60)]
    for f in (ess_tail, split_rhat):
        with pytest.raises(TypeError, match=rf"^{f.__name__}: draws must be .* whose entry "
                                            r"draws\[1\] is None, a value never set"):
            f(chains)
