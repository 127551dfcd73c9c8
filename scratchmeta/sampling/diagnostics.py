"""Chapter 3, part 3b: has the random walk forgotten where it started?

Lecture 22, section 2.2: the random walk's positions are samples only in the
long run. A run is useful once the walk has reached its
stationary distribution, and successive positions are correlated, so n steps
are worth fewer than n independent draws. Two numbers answer both concerns,
computed here as in Vehtari, Gelman, Simpson, Carpenter and Buerkner (2021),
"Rank-normalization, folding, and localization: an improved R-hat":

* **split-R-hat.** Cut every chain in half and treat the halves as separate
  chains. If all of them explore the same distribution, the spread of their
  means matches what their own variances predict, and R-hat is 1:

      W = mean of the within-chain variances s_m**2,
      B / n = variance of the chain means,
      var+ = (n - 1) / n * W + B / n,         R-hat = sqrt(var+ / W).

  Halving catches a chain that is still drifting; several chains from
  scattered starts catch chains stuck in different places.
* **Rank normalisation.** Replace each draw by the normal quantile of its
  rank among all draws, z = Phi^{-1}((r - 3/8) / (S + 1/4)). This makes both
  numbers work for heavy tails (a Cauchy has no variance) and makes them
  invariant to monotone transformations. R-hat is the larger of the value for
  z and for z computed from the "folded" draws |x - median|, which catches
  chains that agree in location but not in scale.
* **Effective sample size (bulk ESS).** With rho_t the autocorrelation at lag
  t pooled over chains,

      rho_t = 1 - (W - mean_m s_m**2 rho_{t,m}) / var+,
      tau   = -1 + 2 * sum_k P_k,  P_k = rho_{2k} + rho_{2k+1},
      ESS   = (number of draws) / tau,

  where the sum stops before the first negative pair P_k and the P_k are
  forced to be non-increasing (Geyer's initial monotone sequence), because
  the noisy far lags would otherwise swamp the sum.

The work is done one dimension at a time, vectorised over chains. Ranking
sorts the draws (twice: plain and folded), which costs O(S log S) for S
draws; for a million draws per dimension that is more than the sampling
itself, which is why :class:`~scratchmeta.sampling.metropolis.MetropolisResult`
computes these only when they are first read.
"""

import numpy as np
from scipy.special import ndtri


def _as_draws(draws):
    """Draws as a (chains, n, dim) float array, from (chains, n) or (chains, n, dim)."""
    x = np.asarray(draws, dtype=np.float64)
    if x.ndim == 2:
        x = x[:, :, None]
    if x.ndim != 3 or x.shape[0] < 1 or x.shape[2] < 1:
        raise ValueError("draws must have shape (chains, n_draws) or (chains, n_draws, dim), "
                         f"got shape {np.shape(draws)}")
    if x.shape[1] < 4:
        raise ValueError(f"need at least 4 draws per chain to split chains, got {x.shape[1]}")
    if not np.all(np.isfinite(x)):
        raise ValueError("draws must be finite")
    return x


def _dimensions(x):
    """Each dimension's (chains, n) block, as a contiguous copy.

    Working one dimension at a time keeps every temporary a few megabytes,
    even for millions of draws.
    """
    for d in range(x.shape[2]):
        yield np.ascontiguousarray(x[:, :, d])


def split_chains(x):
    """(chains, n) -> (2 chains, n // 2): the first and last half of each chain.

    With an odd n the middle draw is left out, so both halves have n // 2.
    """
    half = x.shape[1] // 2
    return np.concatenate([x[:, :half], x[:, x.shape[1] - half:]], axis=0)


def normal_scores(x):
    """Phi^{-1}((r - 3/8) / (S + 1/4)) for every entry of x, r = its average rank.

    A Metropolis chain repeats its position after every rejection, so most
    draws equal the one before them. Such a run of equal draws shares one
    rank, so we rank the runs (weighted by their lengths) instead of the
    draws: the same ranks, several times fewer values to sort.
    """
    v = np.ravel(x)
    size = v.size
    new_run = np.empty(size, dtype=bool)
    new_run[0] = True
    np.not_equal(v[1:], v[:-1], out=new_run[1:])
    starts = np.flatnonzero(new_run)
    values = v[starts]
    counts = np.diff(np.append(starts, size))
    order = np.argsort(values)
    ordered, weight = values[order], counts[order]
    # Equal values (in different runs) form tie groups; a group occupying
    # ranks before+1 .. before+count gets their average, before + (count + 1) / 2.
    group_start = np.empty(ordered.size, dtype=bool)
    group_start[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=group_start[1:])
    first = np.flatnonzero(group_start)
    cum = np.concatenate([[0], np.cumsum(weight)])
    before, count = cum[first], np.diff(cum[np.append(first, ordered.size)])
    group_score = ndtri((before + (count + 1) / 2.0 - 0.375) / (size + 0.25))
    score = np.empty(values.size)
    score[order] = group_score[np.cumsum(group_start) - 1]
    return score[np.cumsum(new_run) - 1].reshape(np.shape(x))


def rank_normalize(draws):
    """z = Phi^{-1}((r - 3/8) / (S + 1/4)) for each draw; same shape as ``draws``.

    Ranks r are taken over all chains and draws together, separately for
    each dimension; tied draws share their average rank.
    """
    x = _as_draws(draws)
    z = np.stack([normal_scores(block) for block in _dimensions(x)], axis=-1)
    return z.reshape(np.shape(draws))


def _rhat(z):
    """R-hat of (chains, n) draws, from within- and between-chain variance."""
    n = z.shape[1]
    w = np.mean(np.var(z, axis=1, ddof=1))
    b_over_n = np.var(np.mean(z, axis=1), ddof=1) if z.shape[0] > 1 else 0.0
    var_plus = (n - 1) / n * w + b_over_n
    with np.errstate(divide="ignore", invalid="ignore"):   # constant draws: NaN
        return float(np.sqrt(var_plus / w))


def _mean_autocovariance(z):
    """Biased autocovariance at lags 0..n-1, averaged over the chains, by FFT.

    z has shape (chains, n). The autocovariance of a chain is the inverse
    transform of its power spectrum (zero-padded to at least 2n, so that lags
    do not wrap around); since the inverse transform is linear, averaging the
    spectra first needs only one inverse transform.
    """
    n = z.shape[1]
    centred = z - z.mean(axis=1, keepdims=True)
    size = 1 << int(np.ceil(np.log2(2 * n)))
    spectrum = np.fft.rfft(centred, n=size, axis=1)
    power = np.mean(spectrum.real ** 2 + spectrum.imag ** 2, axis=0)
    return np.fft.irfft(power, n=size)[:n] / n


def _ess(z):
    """ESS of (chains, n) draws, with Geyer's initial monotone sequence."""
    m, n = z.shape
    w = np.mean(np.var(z, axis=1, ddof=1))                  # mean of s_m**2
    b_over_n = np.var(np.mean(z, axis=1), ddof=1) if m > 1 else 0.0
    var_plus = (n - 1.0) / n * w + b_over_n
    # mean_m s_m**2 rho_{t,m}, with rho_{t,m} = acov_m(t) / acov_m(0) and
    # s_m**2 = acov_m(0) n / (n - 1), is mean_m acov_m(t) n / (n - 1).
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = 1.0 - (w - _mean_autocovariance(z) * n / (n - 1.0)) / var_plus
    pairs = rho[:2 * (n // 2)].reshape(n // 2, 2).sum(axis=1)   # P_k
    # Initial positive sequence: keep the P_k before the first negative one.
    positive = np.cumprod(pairs > 0.0).astype(bool)
    # Initial monotone sequence: each P_k at most the one before it.
    monotone = np.minimum.accumulate(pairs[positive])
    tau = -1.0 + 2.0 * np.sum(monotone)
    # Antithetic chains can make tau < 1; like the reference implementation,
    # cap the ESS at S log10(S).
    size = m * n
    return float(size / max(tau, 1.0 / np.log10(size)))


def diagnose(draws):
    """(split-R-hat, bulk ESS) per dimension, sharing the ranking of the draws.

    R-hat is the larger of the rank-normalised split-R-hat of the draws and of
    the folded draws |x - median|.
    """
    x = _as_draws(draws)
    r_hat, ess = np.empty(x.shape[2]), np.empty(x.shape[2])
    for d, block in enumerate(_dimensions(x)):
        halves = split_chains(block)
        bulk = normal_scores(halves)
        folded = normal_scores(np.abs(halves - np.median(halves)))
        r_hat[d] = max(_rhat(bulk), _rhat(folded))
        ess[d] = _ess(bulk)
    return r_hat, ess


def split_rhat(draws):
    """Rank-normalised split-R-hat per dimension (max of bulk and folded)."""
    return diagnose(draws)[0]


def ess_bulk(draws):
    """Bulk effective sample size per dimension (rank-normalised split chains)."""
    x = _as_draws(draws)
    return np.array([_ess(normal_scores(split_chains(block))) for block in _dimensions(x)])
