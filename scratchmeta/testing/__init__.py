"""A kit for property-testing samplers, yours or ours (Chapter 3 of Lecture 22).

Chapter 3 (``scratchmeta.sampling``) draws samples by the inverse CDF (lecture
22, sections 2.1.1-2.1.2, eq. 22.7) and by a random walk (section 2.2). The
tools its own tests use to check those samplers are public here, so that you
can check a sampler of your own the same way. Three kinds of check:

**Exact checks of the map U -> x** (:mod:`scratchmeta.testing.exact`). An
inverse-CDF sampler is a deterministic function of U. Two properties can be
checked without any statistics: it is monotone, and F(Q(u)) = u within a
stated u-resolution (SciPy's "u-error"). :func:`assert_monotone`,
:func:`assert_inverts`.

**Statistical checks of draws, with stated error rates**
(:mod:`scratchmeta.testing.stats`). Each one states both rates:

* *false failure*: the probability alpha that a correct sampler fails (over
  the random draws; fix the seed and a run is reproducible);
* *false pass*: the probability beta that a sampler whose CDF is off by a
  discrepancy d (in sup norm, or in total variation for labels) passes.

:func:`assert_cdf_matches` (one sample against a CDF, by the
Dvoretzky-Kiefer-Wolfowitz inequality), :func:`assert_labels_match` (labels
against probabilities: no impossible label, then a chi-square test),
:func:`assert_same_distribution` (two samples, DKW on each), and the
calculators :func:`draws_needed` (how many draws detect a discrepancy d at
rates alpha and beta) and :func:`smallest_detectable` (the smallest d that n
draws detect).

**Hypothesis strategies** (:mod:`scratchmeta.testing.strategies`, needs the
``hypothesis`` package: ``pip install scratchmeta[testing]``): probability
vectors with zeros at the ends and tiny masses; densities with known CDFs
(mixtures, bounded, heavy-tailed, with kinks and jumps); grids of u with the
endpoints, subnormals and cut points. The densities themselves, without
hypothesis, are in :mod:`scratchmeta.testing.densities`.

Example (a sampler of your own, checked three ways)::

    import numpy as np
    from scipy import stats
    from scratchmeta import testing

    def my_ppf(u):                      # your inverse CDF of Exponential(1)
        return -np.log1p(-u)

    cdf = stats.expon.cdf
    u = np.linspace(0, 1, 10_001)
    testing.assert_monotone(my_ppf, u)
    testing.assert_inverts(my_ppf, cdf, u, u_resolution=1e-12)
    x = my_ppf(np.random.default_rng(0).random(100_000))
    testing.assert_cdf_matches(x, cdf)           # fails a correct sampler w.p. <= 1e-6
"""

from scratchmeta.testing.exact import assert_inverts, assert_monotone
from scratchmeta.testing.stats import (ALPHA, Rates, assert_cdf_matches, assert_labels_match,
                                       assert_same_distribution, chi_square_power,
                                       chi_square_pvalue, dkw_epsilon, draws_needed,
                                       ks_distance, smallest_detectable, two_sample_distance)

__all__ = [
    "assert_monotone", "assert_inverts",
    "ALPHA", "Rates", "assert_cdf_matches", "assert_labels_match", "assert_same_distribution",
    "draws_needed", "smallest_detectable", "dkw_epsilon", "ks_distance", "two_sample_distance",
    "chi_square_pvalue", "chi_square_power",
]
