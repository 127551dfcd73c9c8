"""Round 52 of issue 11 (fixes made with sight of the seventy-sixth and seventy-seventh
batteries), tested on other values than the batteries'. Each test fails at 96ed3a0."""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta.datasets.omniglot_tasks import finn_split
from scratchmeta.gradcheck import hvp
from scratchmeta.meta.checkpoint import check_checkpoint_path
from scratchmeta.sampling.mixing import bin_masses
from scratchmeta.sampling.continuous import ContinuousInverseCDF
from scratchmeta.testing import assert_inverts


@pytest.mark.parametrize("path", ["file:///tmp/runs/maml.npz", "https://example.org/maml.npz"])
def test_a_url_is_no_checkpoint_path(path):
    with pytest.raises(ValueError, match=r"checkpoint path must be a \.npz file path, got the "
                                         r"URL"):
        check_checkpoint_path(path)


def clipped_square(x):
    if x < 0:                                   # a Python if on the whole array
        return ad.sum(x * 0.0)
    return ad.sum(x * x)


def test_a_python_if_on_an_array_is_named_with_the_engines_remedy():
    with pytest.raises(ValueError, match=r"^hvp: fun \(clipped_square\) raised ValueError .*"
                                         r"truth value.*ad\.where"):
        hvp(clipped_square, np.array([1.0, -2.0]), np.ones(2))


def table_ppf(u):
    return np.where((u > 0.05) & (u < 0.95), stats.norm.ppf(u), np.nan)   # NaN off its table


def test_a_ppf_returning_nan_is_named_by_its_own_name():
    with pytest.raises(ValueError, match=r"^\w+: ppf \(table_ppf\) returned NaN"):
        ContinuousInverseCDF.from_ppf(table_ppf)


def table_cdf(x):
    return np.where(np.abs(x) < 1.5, stats.norm.cdf(x), np.nan)


def test_a_cdf_returning_nan_is_named_by_its_own_name():
    with pytest.raises(ValueError, match=r"cdf \(table_cdf\) must be a CDF"):
        bin_masses(np.linspace(-2.0, 2.0, 5), table_cdf)
    with pytest.raises(ValueError, match=r"^\w+: cdf \(table_cdf\) must return a finite number"):
        assert_inverts(stats.norm.ppf, table_cdf, np.linspace(0.01, 0.99, 9), 1e-6)


def test_finn_split_refuses_an_iterator_of_names():
    names = np.array(["a01", "a02", "a03"])
    with pytest.raises(TypeError, match=r"characters must be a sequence of names.*flatiter"):
        finn_split(["A", "A", "B"], names.flat)
