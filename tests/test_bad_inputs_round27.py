"""Rounds 27-28 of issue 11 (fixes made with sight of the forty-second and forty-third
batteries), tested directly for the cases that were written but not kept."""

import ctypes

import numpy as np
import pytest
from scipy import sparse

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import hvp
from scratchmeta.sampling import ess_tail


def test_a_sparse_matrix_given_as_v_is_named_with_its_remedy():
    with pytest.raises(TypeError, match=r"hvp: v is a sparse matrix \(csr_matrix of shape "
                                        r"\(1, 3\)\).*\.toarray\(\)"):
        hvp(lambda x: ad.sum(x * x), np.ones((1, 3)), sparse.csr_matrix(np.ones((1, 3))))


def test_a_pair_item_numpy_cannot_read_is_named_by_the_pair_check():
    draws = np.random.default_rng(0).standard_normal((4, 100))
    with pytest.raises(TypeError, match=r"prob must be a real number, got c_double"):
        ess_tail(draws, prob=(ctypes.c_double(0.05), 0.95))
