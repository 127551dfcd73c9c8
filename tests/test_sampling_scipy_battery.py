"""A representative subset of the SciPy battery (issue 12), fast enough for every run.

The full battery (SciPy's ``distcont`` list plus PINV's own test densities,
against ``scipy.stats.sampling.NumericalInversePolynomial``) is
``python benchmarks/bench_sampling.py --battery``. Here: the distributions
that ``from_density`` used to refuse (bounded domains whose finite end is not
0), the one it used to miss silently (trapezoid, a kink at 0.8), densities
that SciPy returns as NaN far out (alpha) or as overflow garbage
(jf_skew_t), heavy tails and a smooth one. Each must build and reach a
u-error of 1e-10 against SciPy's own cdf on 20,000 evenly spaced u plus both
tails down to 1e-15, densely around any kink.
"""

import warnings

import numpy as np
import pytest
from scipy import stats
from scipy.stats._distr_params import distcont

from scratchmeta.sampling import ContinuousInverseCDF
from scratchmeta.testing import assert_inverts, assert_monotone

PARAMS = dict(distcont)
NAMES = ["anglit", "cosine", "truncnorm", "truncexpon", "truncpareto", "loguniform",
         "reciprocal", "wrapcauchy", "vonmises_line", "trapezoid", "triang", "uniform",
         "alpha", "jf_skew_t", "cauchy", "t", "norm", "genpareto"]
TAILS = 10.0 ** -np.arange(1.0, 15.25, 0.25)
U = np.unique(np.concatenate([[0.0, 1.0], (np.arange(20_000) + 0.5) / 20_000, TAILS, 1 - TAILS]))


@pytest.mark.parametrize("name", NAMES)
def test_scipy_distribution_builds_and_meets_1e_10(name):
    dist = getattr(stats, name)(*PARAMS[name])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                  # SciPy's own overflow warnings
        sampler = ContinuousInverseCDF.from_density(dist.pdf, tuple(map(float, dist.support())))
        u = U
        if name == "trapezoid":                           # around the kinks at x = 0.2, 0.8
            kinks = dist.cdf(np.array(PARAMS[name]))
            u = np.unique(np.concatenate([U, *[np.clip(k + np.linspace(-1e-2, 1e-2, 4001), 0, 1)
                                                for k in kinks]]))
        assert_monotone(sampler.ppf, u)
        assert_inverts(sampler.ppf, dist.cdf, u, 1e-10)
