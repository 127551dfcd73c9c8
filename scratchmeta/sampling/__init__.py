"""Chapter 3: drawing samples from a distribution we know (lecture 22, section 2).

Section 2 of the lecture asks how to sample from a distribution we can write
down, and answers twice; this package implements both answers, one idea per
file.

**Push uniforms through an inverse CDF** (sections 2.1.1-2.1.2).

* ``discrete.py`` -- :class:`DiscreteInverseCDF`: cut [0, 1) at the running
  sums of P_1..P_N (eq. 22.7) and report the piece a uniform lands in; with
  the guide table of Chen and Asau for speed.
* ``continuous.py`` -- :func:`grid_inverse_cdf`: the same for a density, in
  the lecture's three steps on a grid (read it first); then, as an appendix,
  :class:`ContinuousInverseCDF`, the same idea at SciPy's accuracy.
  ``from_ppf`` takes a closed-form inverse (six ship in ``closed_forms.py``);
  ``from_density`` takes only a density and builds the inverse itself, with
  ``quadrature.py`` (computing the CDF), ``tails.py`` (where the mass is, and
  where to cut) and ``interpolation.py`` (inverting the CDF piece by piece).

**Let a random walk do the sampling** (section 2.2): a Markov chain built so
that its long-run distribution is the target.

* ``metropolis.py`` -- :func:`metropolis`: Gaussian random-walk Metropolis on
  many chains at once, with a step size tuned during warm-up only.
* ``diagnostics.py`` -- rank-normalised split-R-hat, bulk and tail effective
  sample size and Monte Carlo standard errors (Vehtari et al. 2021), equal to
  ArviZ's, to tell whether the chains have mixed.
* ``finite_chain.py`` -- :func:`metropolis_transition_matrix`: the exact
  Metropolis chain on N states, for checking detailed balance and
  stationarity exactly.
* ``mixing.py`` -- how far the walk's histogram is from the target after n
  steps (total variation), and ``step_size.py`` -- acceptance and ESS per
  step against the step size, with the exact acceptance curves: the two
  experiments that ``figures/sampling_metropolis_walk.py`` and
  ``figures/sampling_step_size.py`` draw.

The tools that test these samplers are public in :mod:`scratchmeta.testing`.
"""

from scratchmeta.sampling.closed_forms import (cauchy, exponential, laplace, logistic, pareto,
                                               weibull)
from scratchmeta.sampling.continuous import ContinuousInverseCDF, UError, grid_inverse_cdf
from scratchmeta.sampling.diagnostics import (diagnose, ess_bulk, ess_mean, ess_tail, mcse_mean,
                                              mcse_sd, rank_normalize, split_rhat)
from scratchmeta.sampling.discrete import DiscreteInverseCDF
from scratchmeta.sampling.finite_chain import metropolis_transition_matrix
from scratchmeta.sampling.metropolis import MetropolisResult, metropolis, optimal_acceptance

__all__ = [
    "DiscreteInverseCDF",
    "grid_inverse_cdf", "ContinuousInverseCDF", "UError",
    "exponential", "cauchy", "logistic", "laplace", "weibull", "pareto",
    "metropolis", "MetropolisResult", "optimal_acceptance",
    "split_rhat", "ess_bulk", "ess_tail", "ess_mean", "mcse_mean", "mcse_sd",
    "rank_normalize", "diagnose",
    "metropolis_transition_matrix",
]
