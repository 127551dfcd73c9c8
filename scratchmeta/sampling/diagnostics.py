"""Chapter 3, part 3b: has the random walk forgotten where it started?

Lecture 22, section 2.2: the random walk's positions are samples only in the
long run. A run is useful once the walk has reached its stationary
distribution, and successive positions are correlated, so n steps are worth
fewer than n independent draws. The numbers below answer both concerns. They
follow Vehtari, Gelman, Simpson, Carpenter and Buerkner (2021),
"Rank-normalization, folding, and localization: an improved R-hat", exactly
as ArviZ (0.23) computes them, so that both give the same value to rounding
(the tests compare them to 1e-8 relative):

* **split-R-hat.** Cut every chain in half and treat the halves as separate
  chains (an odd middle draw is left out). If all of them explore the same
  distribution, the spread of their means matches what their own variances
  predict, and R-hat is 1:

      W = mean of the within-chain variances s_m**2,
      B / n = variance of the chain means,
      var+ = (n - 1) / n * W + B / n,         R-hat = sqrt(var+ / W).

* **Rank normalisation.** Replace each draw by the normal quantile of its
  rank among all draws, z = Phi^{-1}((r - 3/8) / (S + 1/4)). This makes the
  numbers work for heavy tails (a Cauchy has no variance) and invariant to
  monotone transformations. R-hat is the larger of the value for z and for z
  computed from the "folded" draws |x - median|, which catches chains that
  agree in location but not in scale.
* **Effective sample size.** With acov_m(t) the biased (divide by n)
  autocovariance of chain m and W computed from acov_m(0) * n / (n - 1),

      rho_t = 1 - (W - mean_m acov_m(t)) / var+,
      tau   = -1 + 2 * sum_{k < K} P_k + rho_{2K},   P_k = rho_{2k} + rho_{2k+1},
      ESS   = (number of draws) / max(tau, 1 / log10(number of draws)),

  where K is the first pair with P_K <= 0 (Geyer's initial positive
  sequence; rho_{2K} is added only as Stan and ArviZ do, see :func:`_ess`),
  and the P_k are made non-increasing (Geyer's initial monotone sequence).
  *Bulk* ESS applies this to the rank-normalised split chains; *tail* ESS is
  the smaller of the ESS of the indicators 1{x <= q_5%} and 1{x <= q_95%};
  the ESS of the mean applies it to the split chains themselves.
* **Monte Carlo standard error (MCSE)** of the mean, sd / sqrt(ESS_mean), and
  of the standard deviation, by the delta method on the squared deviations.

Degenerate input gives what ArviZ gives, with a ``RuntimeWarning`` saying why:
fewer than 4 draws per chain give NaN everywhere (but 16 chains or more that short are
refused: they are most likely (n_draws, chains), transposed); R-hat needs two chains
(NaN for one); constant draws (max - min below 1e-15) have an ESS equal to
the number of draws and an R-hat of NaN. A NaN or infinite draw is an error.
Boolean draws are read as 0 and 1: the chains of an indicator 1{x in A}, whose
ESS says how well the chains estimate P(A) (tail ESS is built from such chains).

The work is done one dimension at a time. Ranking sorts the draws, which
costs O(S log S) for S draws; for a million draws that is more than the
sampling itself, which is why
:class:`~scratchmeta.sampling.metropolis.MetropolisResult` computes these only
when they are first read.
"""


import numpy as np
from scipy.fft import next_fast_len
from scipy.special import ndtri

from scratchmeta.sampling.checks import (check_chains, check_probability, check_real, pair_items,
                                          real_array)
from scratchmeta.messages import first_not_finite, names_itself, ndim, seen, swapped, warn_user

MIN_DRAWS = 4                              # per chain, as ArviZ
MIN_DISTINCT = 10       # a chain with fewer distinct values may repeat another by nature
CONSTANT = np.finfo(np.float64).resolution   # 1e-15: "max - min" below this is constant
TAIL_PROBS = (0.05, 0.95)


def _as_draws(draws):
    """Draws as a (chains, n, dim) float array, from (chains, n) or (chains, n, dim)."""
    x = real_array("draws", draws, bools=True)          # 0/1 draws: an indicator's chains
    if x.ndim == 2:
        x = x[:, :, None]
    if x.ndim != 3 or x.shape[0] < 1 or x.shape[2] < 1 or x.shape[1] < 1:
        raise ValueError("draws must have shape (chains, n_draws) or (chains, n_draws, dim) "
                         f"with no empty axis, got shape {np.shape(draws)}"
                         + (f": {seen(draws, 40)}" if x.size <= 8 else ""))
    if not np.all(np.isfinite(x)):
        raise ValueError("draws must be finite, but they contain "
                         f"{int(np.sum(~np.isfinite(x)))} NaN or infinite values ("
                         f"{first_not_finite('draws', np.reshape(x, np.shape(draws)))})")
    _check_copies(x)
    _check_resolution(x)
    return x


#: Float64 steps within which a coordinate's spread counts as lost to rounding.
LOST_STEPS = 64


def _check_resolution(x):
    """Each coordinate's draws spread over more than :data:`LOST_STEPS` float64 steps at their
    size: 1e9 + 1e-8 z is stored as three doubles, and the diagnostics would read those ties
    as the chains' behaviour. (Constant draws, spread 0, get the NaN issue 11 asks for.)"""
    with np.errstate(all="ignore"):                  # a spread past float64's range: inf
        spread = np.ptp(x, axis=(0, 1))
        steps = spread / (np.max(np.abs(x), axis=(0, 1)) * np.finfo(np.float64).eps)
    lost = np.flatnonzero((spread > 0) & (steps <= LOST_STEPS))
    if lost.size:
        j = int(lost[0])
        raise ValueError(f"draws of coordinate {j} spread over {float(spread[j])!r}, only "
                         f"{int(steps[j])} float64 steps at their size "
                         f"{float(np.max(np.abs(x[..., j]))):.3g}: the differences between "
                         f"draws are lost to rounding (a location added to small draws?); "
                         f"store the draws relative to their mean")


def _check_copies(x):
    """No two chains the same, value for value, unless they are that alike by nature (a
    chain of fewer than MIN_DISTINCT values: constant, or an indicator's 0/1). Copies come
    from chains run with one seed, or one chain passed twice; they make R-hat and the ESS
    say the chains agree, which they cannot fail to."""
    chains = x.shape[0]
    if chains < 2:
        return
    rows = x.reshape(chains, -1)
    unique, first = np.unique(rows, axis=0, return_index=True)
    if unique.shape[0] == chains:
        return
    twice = sorted(set(range(chains)) - set(first.tolist()))[0]
    same = next(i for i in range(chains) if i != twice and np.array_equal(rows[i], rows[twice]))
    if np.unique(rows[twice]).size < MIN_DISTINCT:
        return
    raise ValueError(f"draws: chains {same} and {twice} are identical, value for value: chains "
                     f"run with one seed, or one chain given twice? Copies make R-hat and the "
                     f"ESS report agreement that was never tested; give each chain its own "
                     f"generator (rng.spawn(chains))")


#: Fewer draws per chain than this, in more dimensions than draws, reads as draws stored
#: (chains, dim, n_draws): no sampler's run is that short and that wide.
SWAPPED_DRAWS = 20


def _check_layout(x, what):
    """Draws (chains, n_draws, dim) with fewer than MIN_DRAWS draws but MIN_DRAWS dimensions
    or more, or fewer than SWAPPED_DRAWS draws in more dimensions than draws, are refused:
    they are draws stored (chains, dim, n_draws), swapped."""
    if x.shape[1] < MIN_DRAWS <= x.shape[2] or x.shape[1] < min(SWAPPED_DRAWS, x.shape[2]):
        raise ValueError(f"{what}: draws of shape {x.shape} are read as (chains, n_draws, "
                         f"dim): {x.shape[0]} chains of {x.shape[1]} draws in {x.shape[2]} "
                         f"dimensions, too few draws for so many dimensions; if yours are "
                         f"stored (chains, dim, n_draws), pass np.swapaxes(draws, 1, 2)")


def _too_short(x, what):
    """True (with a warning) when chains have fewer than MIN_DRAWS draws. But 4 * MIN_DRAWS
    chains or more, each that short, are refused (ValueError): they are a few chains' draws
    passed as (n_draws, chains), whose NaN would come from the transpose (ArviZ's own
    degenerate case, 4 chains of 3 draws, still gives NaN); so are too few draws in as
    many dimensions as MIN_DRAWS or more, draws stored (chains, dim, n_draws)."""
    chains, n = x.shape[:2]
    _check_layout(x, what)
    if n >= MIN_DRAWS:
        return False
    if chains >= 4 * MIN_DRAWS:
        raise ValueError(f"{what}: draws of shape {x.shape[:2]} are {chains} chains of {n} "
                         f"draws each, too few for any diagnostic; draws must be (chains, "
                         f"n_draws): if yours are (n_draws, chains), pass draws.T")
    warn_user(f"{what}: need at least {MIN_DRAWS} draws per chain, got {n}; returning NaN (as "
              f"ArviZ does)")
    return True


def _dimensions(x):
    """Each dimension's (chains, n) block, as a contiguous copy."""
    for d in range(x.shape[2]):
        yield np.ascontiguousarray(x[:, :, d])


@names_itself
def split_chains(x):
    """(chains, n) -> (2 chains, n // 2): the first and last half of each chain."""
    return _split_chains(check_chains("x", x, least=2))


def _split_chains(x):
    """split_chains on draws already checked (by ``_as_draws`` or the public one)."""
    half = x.shape[1] // 2
    return np.concatenate([x[:, :half], x[:, x.shape[1] - half:]], axis=0)


@names_itself
def normal_scores(x):
    """Phi^{-1}((r - 3/8) / (S + 1/4)) for every entry of x, r = its average rank.

    A Metropolis chain repeats its position after every rejection, so most
    draws equal the one before them. Such a run of equal draws shares one
    rank, so we rank the runs (weighted by their lengths) instead of the
    draws: the same ranks, several times fewer values to sort.
    """
    return _normal_scores(check_chains("x", x, chains=False))


def _normal_scores(x):
    """normal_scores on draws already checked (by ``_as_draws`` or the public one)."""
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


@names_itself
def rank_normalize(draws):
    """z = Phi^{-1}((r - 3/8) / (S + 1/4)) for each draw; same shape as ``draws``.

    Ranks r are taken over all chains and draws together, separately for
    each dimension; tied draws share their average rank.
    """
    x = _as_draws(draws)
    _check_layout(x, "rank_normalize")
    z = np.stack([_normal_scores(block) for block in _dimensions(x)], axis=-1)
    return z.reshape(np.shape(draws))


def _rhat(z):
    """R-hat of (chains, n) draws, from within- and between-chain variance."""
    n = z.shape[1]
    w = np.mean(np.var(z, axis=1, ddof=1))
    b_over_n = np.var(np.mean(z, axis=1), ddof=1)
    with np.errstate(divide="ignore", invalid="ignore"):   # constant draws: NaN
        return float(np.sqrt(((n - 1) / n * w + b_over_n) / w))


def _mean_autocovariance(z):
    """Biased autocovariance at lags 0..n-1, averaged over the chains, by FFT.

    The autocovariance of a chain is the inverse transform of its power
    spectrum (zero-padded to at least 2n, so that lags do not wrap around);
    the inverse transform is linear, so averaging the spectra first needs
    only one inverse transform.
    """
    n = z.shape[1]
    centred = z - z.mean(axis=1, keepdims=True)
    size = next_fast_len(2 * n)
    spectrum = np.fft.rfft(centred, n=size, axis=1)
    power = np.mean(spectrum.real ** 2 + spectrum.imag ** 2, axis=0)
    return np.fft.irfft(power, n=size)[:n] / n


def _ess(z):
    """ESS of (chains, n) draws (Geyer's initial monotone sequence, as Stan and ArviZ)."""
    m, n = z.shape
    size = m * n
    if np.max(z) - np.min(z) < CONSTANT:      # constant draws: every draw counts
        return float(size)
    acov = _mean_autocovariance(z)
    w = acov[0] * n / (n - 1.0)                # mean of the s_m**2
    var_plus = w * (n - 1.0) / n + (np.var(np.mean(z, axis=1), ddof=1) if m > 1 else 0.0)
    rho = 1.0 - (w - acov) / var_plus          # rho_0 = 1 up to rounding; Stan sets it to 1
    rho[0] = 1.0
    pairs = rho[:2 * (n // 2)].reshape(n // 2, 2).sum(axis=1)          # P_k
    # Initial positive sequence. Stan's loop looks at P_k while 2k + 1 < n - 3
    # and stops at the first P_K <= 0, so K is the first k that fails either.
    k_bound = max((n - 3) // 2, 0)
    nonpositive = np.flatnonzero(pairs[:k_bound] <= 0.0)
    big_k = int(nonpositive[0]) if nonpositive.size else k_bound
    if big_k == 0:
        tau = 0.0                              # -1 + rho_0: capped below
    else:
        # Initial monotone sequence: each P_k at most the one before it.
        tau = -1.0 + 2.0 * np.sum(np.minimum.accumulate(pairs[:big_k]))
        # Stan's last term: rho_{2K} itself if it is positive, or if P_K >= 0
        # (the loop ran out of lags rather than meeting a negative pair).
        even = rho[2 * big_k]
        if even > 0.0 or pairs[big_k] >= 0.0:
            tau += even
    # Antithetic chains can make tau < 1; the cap keeps ESS <= S log10(S).
    return float(size / max(tau, 1.0 / np.log10(size)))


def _rhat_of_block(block):
    """Rank-normalised split-R-hat of one (chains, n) block: max of bulk and folded."""
    halves = _split_chains(block)
    bulk = _normal_scores(halves)
    folded = _normal_scores(np.abs(halves - np.median(halves)))
    return max(_rhat(bulk), _rhat(folded))


def _warn_rhat(x):
    """NaN reasons for R-hat (one chain, constant draws), with a warning."""
    if x.shape[0] < 2:
        warn_user("split_rhat: R-hat needs at least 2 chains (ArviZ's rule), got 1; returning "
                  "NaN")
        return True
    return False


def _check_spread(x, what, power):
    """Refuse draws so spread out that the sum of their deviations to the ``power`` overflows
    float64 (the raw moments of ess_mean, mcse_mean and mcse_sd would be inf or NaN)."""
    with np.errstate(over="ignore", invalid="ignore"):
        spread = float(np.max(np.abs(x - x.mean(axis=(0, 1)))))
    if not spread <= (np.finfo(np.float64).max / x.shape[0] / x.shape[1]) ** (1.0 / power):
        sums = "squares" if power == 2 else "fourth powers"
        largest = float(x.flat[np.argmax(np.abs(x))])         # shown whole, as the user has it
        raise ValueError(f"draws are too large for {what}: one is {largest!r}, |draw - mean| "
                         f"reaches {spread:.3g}, and the sum of its {sums} overflows float64; "
                         f"rescale them")


def _per_dimension(draws, what, fn, power=0):
    x = _as_draws(draws)
    if power:
        _check_spread(x, what, power)
    if _too_short(x, what):
        return np.full(x.shape[2], np.nan)
    return np.array([fn(block) for block in _dimensions(x)])


@names_itself
def split_rhat(draws):
    """Rank-normalised split-R-hat per dimension (max of bulk and folded)."""
    x = _as_draws(draws)
    if _too_short(x, "split_rhat") or _warn_rhat(x):
        return np.full(x.shape[2], np.nan)
    out = np.array([_rhat_of_block(block) for block in _dimensions(x)])
    if np.any(np.isnan(out)):
        warn_user("split_rhat: constant draws have no variance, so R-hat is NaN (as in ArviZ)")
    return out


@names_itself
def ess_bulk(draws):
    """Bulk effective sample size per dimension (rank-normalised split chains)."""
    return _per_dimension(draws, "ess_bulk",
                          lambda block: _ess(_normal_scores(_split_chains(block))))


@names_itself
def quantile_type7(x, prob):
    """R's default (type 7) quantile of all entries of x, as ArviZ computes it.

    With the n draws sorted, h = n p + 1 - p and k = floor(h) (kept in
    1..n-1), q = (1 - g) x_(k) + g x_(k+1), g = h - k. Written out rather
    than taken from ``np.quantile`` so that q is bit-for-bit ArviZ's: the
    indicator 1{x <= q} flips if q moves by one ulp off a draw.
    """
    if ndim(x) == 0 and ndim(prob) >= 1:           # quantile_type7(0.5, draws)
        raise TypeError("quantile_type7: x must be the draws and prob one probability"
                        + swapped("quantile_type7", ("x", "prob"),
                                  {"x": x, "prob": np.asarray(prob)}))
    return _quantile_type7(check_chains("x", x, chains=False), check_probability("prob", prob))


def _quantile_type7(x, prob):
    """quantile_type7 on draws already checked (by ``_as_draws`` or the public one)."""
    v = np.sort(np.ravel(x))
    n = v.size
    h = n * prob + (1.0 - prob)           # this order of rounding, as SciPy's mquantiles
    k = int(np.floor(min(max(h, 1.0), n - 1.0)))
    g = min(max(h - k, 0.0), 1.0)
    return (1.0 - g) * v[k - 1] + g * v[k]


def _ess_quantile(block, prob):
    """ESS of the indicator 1{x <= q}, q the type-7 quantile of all draws."""
    q = _quantile_type7(block, prob)
    return _ess(_split_chains((block <= q).astype(np.float64)))


@names_itself
def ess_tail(draws, prob=TAIL_PROBS):
    """Tail effective sample size per dimension: min over the 5% and 95% quantiles."""
    if isinstance(draws, (tuple, list)) and len(draws) == 2 and np.size(prob) > 2:
        raise TypeError("ess_tail: draws must be the chains' draws and prob a pair of "
                        "probabilities" + swapped("ess_tail", ("draws", "prob"),
                                                  {"draws": draws, "prob": np.asarray(prob)}))
    items = pair_items("prob", prob)                   # a set or an iterator is refused
    try:
        lo, hi = (check_real("prob", q) for q in items)
        ok = 0.0 < lo < 1.0 and 0.0 < hi < 1.0
    except (TypeError, ValueError) as err:
        raise type(err)(f"prob must be a pair of probabilities, ints or floats in (0, 1), e.g. "
                        f"(0.05, 0.95), got {seen(prob)}: {err}") from None
    if not ok:
        raise ValueError(f"prob must be a pair of probabilities in (0, 1), e.g. (0.05, 0.95), "
                         f"got {seen(prob)}")
    if lo == hi:                                         # one tail twice: the other unseen
        raise ValueError(f"prob must be two different probabilities, a lower and an upper "
                         f"tail, e.g. (0.05, 0.95), got {seen(prob)}")
    return _per_dimension(draws, "ess_tail",
                          lambda block: min(_ess_quantile(block, lo), _ess_quantile(block, hi)))


@names_itself
def ess_mean(draws):
    """Effective sample size for the mean, per dimension (split chains, no ranks)."""
    return _per_dimension(draws, "ess_mean", lambda block: _ess(_split_chains(block)), 2)


@names_itself
def mcse_mean(draws):
    """Monte Carlo standard error of the mean: sd / sqrt(ESS_mean), per dimension."""
    return _per_dimension(
        draws, "mcse_mean",
        lambda block: float(np.std(block, ddof=1) / np.sqrt(_ess(_split_chains(block)))), 2)


def _mcse_sd(block):
    """Delta method: Var(sd) ~ Var(mean of d**2) / (4 E[d**2]), d = x - mean."""
    d2 = (block - block.mean()) ** 2
    e = d2.mean()
    if e == 0.0:                     # constant draws: NaN, with a word, as ArviZ gives
        warn_user("mcse_sd: constant draws have no spread, so the Monte Carlo error of their "
                  "sd is NaN (as in ArviZ)")
        return float("nan")
    ess = _ess(_split_chains(d2))
    var_of_var = (np.mean(d2 ** 2) - e ** 2) / ess
    return float(np.sqrt(var_of_var / e / 4.0))


@names_itself
def mcse_sd(draws):
    """Monte Carlo standard error of the standard deviation, per dimension (NaN, with a
    warning, for constant draws, as ArviZ gives)."""
    return _per_dimension(draws, "mcse_sd", _mcse_sd, 4)


@names_itself
def diagnose(draws):
    """(split-R-hat, bulk ESS) per dimension: the two numbers a run reports.

    The same values as :func:`split_rhat` and :func:`ess_bulk`, with the
    ranking of the split chains done once for both.
    """
    x = _as_draws(draws)
    nan = np.full(x.shape[2], np.nan)
    if _too_short(x, "diagnose"):
        return nan, nan.copy()
    one_chain = _warn_rhat(x)
    r_hat, ess = nan.copy(), nan.copy()
    for d, block in enumerate(_dimensions(x)):
        halves = _split_chains(block)
        bulk = _normal_scores(halves)
        ess[d] = _ess(bulk)
        if not one_chain:
            folded = _normal_scores(np.abs(halves - np.median(halves)))
            r_hat[d] = max(_rhat(bulk), _rhat(folded))
    if not one_chain and np.any(np.isnan(r_hat)):
        warn_user("diagnose: constant draws have no variance, so R-hat is NaN (as in ArviZ)")
    return r_hat, ess
