"""Round 39 of issue 11 (fixes made with sight of the fifty-seventh battery), tested directly
where only written-but-not-kept cases had found the fix, and on other functions."""

import sys

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta.figures import style
from scratchmeta.sampling import ess_bulk, ess_tail, split_rhat
from scratchmeta.sampling.quadrature import integrate


def test_hessian_and_jacobian_speak_in_their_own_words():
    with pytest.raises(TypeError, match=r"hessian needs a function as fun, got a SciPy "):
        ad.hessian(stats.norm)
    with pytest.raises(TypeError, match=r"jacobian: argument 0 is a string array"):
        ad.jacobian(lambda x: x)(np.array(["a", "b"]))
    with pytest.raises(TypeError, match=r"hessian: argument 0 is a string array"):
        ad.hessian(lambda x: ad.sum(x))(np.array(["a", "b"]))


@pytest.mark.parametrize("fn", [ess_bulk, ess_tail, split_rhat])
def test_transposed_draws_are_refused_but_arvizs_short_chains_still_give_nan(fn):
    draws = np.random.default_rng(0).standard_normal((2, 1000))
    with pytest.raises(ValueError, match=r"1000 chains of 2 draws .*pass draws.T"):
        fn(draws.T)
    with pytest.warns(RuntimeWarning, match="at least 4 draws per chain"):
        assert np.isnan(fn(draws[:, :3].repeat(2, axis=0))[0])


def test_a_struct_sequence_is_named_as_a_record():
    with pytest.raises(TypeError, match=r"hi must be .*record float_info"):
        integrate(np.sin, 0.0, sys.float_info)
    with pytest.raises(TypeError, match=r"check_count: maximum must be an int or None"):
        style.check_count("count", 3, 1, sys.float_info)
