"""Tests for Chapter 3, part 3: the Metropolis random walk (lecture 22, section 2.2).

Three kinds of test:

* exactness: after warm-up the kept steps are a plain Metropolis chain with
  a fixed step, bit for bit (checked against a ten-line reference loop);
* convergence on standard targets: R-hat < 1.01, ESS > 400, and the mean and
  covariance of the draws match the target's;
* edge cases and bad input, with their messages.

How the moments are tested. Successive draws of one chain are correlated, so
the usual standard error sd / sqrt(draws) is too small. But different chains
are independent (they share only the step size chosen in warm-up), so the
chain averages of any f(x) are independent, and by the Markov-chain central
limit theorem nearly normal. A one-sample t-test on the chain averages, with
Bonferroni over the k moments checked, therefore has false-failure rate
about 1e-6 per test, and needs no estimate of the autocorrelation. Its power
is stated per test and checked by feeding it a deliberately wrong sampler.
"""

import numpy as np
import pytest
from scipy import stats

from scratchmeta.sampling import MetropolisResult, metropolis, optimal_acceptance
from scratchmeta.testing import ALPHA


def t_critical(n_chains, alpha):
    """Two-sided critical value of Student's t with n_chains - 1 degrees of freedom."""
    return float(stats.t.isf(alpha / 2.0, n_chains - 1))


def gaussian_log_density(mean, cov):
    """log N(x | mean, cov) up to a constant, for x of shape (chains, dim)."""
    precision = np.linalg.inv(cov)

    def log_density(x):
        d = x - mean
        return -0.5 * np.einsum("ci,ij,cj->c", d, precision, d)

    return log_density


def moment_t_statistics(samples, mean, cov):
    """|t| of the chain averages of x_i - mean_i and of (x_i - mean_i)(x_j - mean_j) - cov_ij."""
    d = samples - mean                                      # (chains, n, dim)
    i, j = np.triu_indices(mean.size)
    second = np.einsum("cni,cnj->cij", d, d) / d.shape[1]   # chain averages of d_i d_j
    per_chain = np.concatenate([d.mean(axis=1), second[:, i, j] - cov[i, j]], axis=1)
    se = per_chain.std(axis=0, ddof=1) / np.sqrt(per_chain.shape[0])
    return np.abs(per_chain.mean(axis=0)) / se, se


def assert_moments_match(samples, mean, cov):
    """t-test of every first and second moment; false-failure rate ALPHA in all."""
    t, _ = moment_t_statistics(samples, mean, cov)
    crit = t_critical(samples.shape[0], ALPHA / t.size)
    assert np.all(t < crit), (t.max(), crit)


# --- convergence on standard targets ----------------------------------------------

TARGETS = {
    # name: (mean, cov, chains, n_steps)
    "1-D normal N(3, 2^2)": (np.array([3.0]), np.array([[4.0]]), 32, 3000),
    "2-D correlated normal, rho = 0.9": (
        np.array([1.0, -1.0]), np.array([[1.0, 1.8], [1.8, 4.0]]), 32, 10000),
    "10-D standard normal": (np.zeros(10), np.eye(10), 32, 8000),
}


@pytest.fixture(scope="module", params=list(TARGETS))
def run(request):
    mean, cov, chains, n_steps = TARGETS[request.param]
    rng = np.random.default_rng(2023)
    # Over-dispersed starts (3 sd out), so that R-hat has something to detect.
    x0 = mean + 3.0 * rng.standard_normal((chains, mean.size)) @ np.linalg.cholesky(cov).T
    result = metropolis(gaussian_log_density(mean, cov), x0, n_steps, rng)
    return request.param, result


def test_chains_converge_rhat_below_1_01_and_ess_above_400(run):
    name, result = run
    assert np.all(result.r_hat < 1.01), (name, result.r_hat)
    assert np.all(result.ess > 400), (name, result.ess)


def test_mean_and_covariance_match_the_target(run):
    """False-failure rate 1e-6 (t-test on 32 chain averages, Bonferroni over
    all first and second moments). Power: see the next two tests."""
    name, result = run
    mean, cov, _, _ = TARGETS[name]
    assert_moments_match(result.samples, mean, cov)


def t_test_power(shift_over_se, chains, alpha):
    """A lower bound on P(|T| > critical value) for non-central t with this
    non-centrality: P(T > critical value) alone."""
    df, crit = chains - 1, t_critical(chains, alpha)
    return float(stats.nct.sf(crit, df, abs(shift_over_se)))


def test_moment_test_power_exceeds_0_99_for_the_errors_it_claims_to_catch(run):
    """Computed from the run's own standard errors: the moment test detects
    (a) a shift of any coordinate's mean by 0.2 sd, and (b) a scale 10% too
    wide (second moments 21% too large), each with probability > 0.99."""
    name, result = run
    mean, cov, chains, _ = TARGETS[name]
    t, se = moment_t_statistics(result.samples, mean, cov)
    d, level = mean.size, ALPHA / t.size
    i, j = np.triu_indices(d)
    mean_shift = 0.2 * np.sqrt(np.diag(cov)) / se[:d]
    assert min(t_test_power(s, chains, level) for s in mean_shift) > 0.99
    scale_error = 0.21 * np.abs(cov[i, j]) / se[d:]
    assert t_test_power(scale_error.max(), chains, level) > 0.99


def test_moment_test_catches_samplers_with_the_wrong_mean_or_scale(run):
    """The same test fed deliberately wrong draws must reject them."""
    name, result = run
    mean, cov, _, _ = TARGETS[name]
    sd = np.sqrt(np.diag(cov))
    n_moments = mean.size + mean.size * (mean.size + 1) // 2
    crit = t_critical(result.samples.shape[0], ALPHA / n_moments)
    for k in range(mean.size):                     # mean off by 0.2 sd in coordinate k
        shifted = result.samples.copy()
        shifted[:, :, k] += 0.2 * sd[k]
        assert moment_t_statistics(shifted, mean, cov)[0][k] > crit
    wider = mean + 1.1 * (result.samples - mean)   # scale 10% too wide
    assert moment_t_statistics(wider, mean, cov)[0].max() > crit


def test_acceptance_rate_after_warm_up_is_near_the_optimal_rate(run):
    name, result = run
    dim = result.samples.shape[2]
    assert result.target_acceptance == optimal_acceptance(dim)
    assert np.mean(result.acceptance_rate) == pytest.approx(optimal_acceptance(dim), abs=0.03)


def test_result_fields_have_the_documented_shapes(run):
    _, result = run
    chains, n, dim = result.samples.shape
    assert isinstance(result, MetropolisResult)
    assert result.acceptance_rate.shape == (chains,)
    assert result.r_hat.shape == result.ess.shape == (dim,)
    assert isinstance(result.step_size, float) and result.step_size > 0


# --- exactness: warm-up adapts, then the step is frozen ---------------------------

def reference_metropolis(log_density, x, n_steps, rng, h):
    """Plain Metropolis with a fixed step h, drawing the same random numbers."""
    lp, out = log_density(x), []
    for _ in range(n_steps):
        y = x + h * rng.standard_normal(x.shape)
        lp_y = log_density(y)
        accept = -rng.standard_exponential(x.shape[0]) < lp_y - lp
        x, lp = np.where(accept[:, None], y, x), np.where(accept, lp_y, lp)
        out.append(x)
    return np.stack(out, axis=1)


def test_without_warm_up_it_is_plain_metropolis_with_the_given_step():
    log_density = gaussian_log_density(np.zeros(3), np.eye(3))
    x0 = np.random.default_rng(0).standard_normal((5, 3))
    result = metropolis(log_density, x0, 200, np.random.default_rng(1), n_warmup=0,
                        step_size=0.7)
    expected = reference_metropolis(log_density, x0, 200, np.random.default_rng(1), 0.7)
    np.testing.assert_array_equal(result.samples, expected)
    assert result.step_size == 0.7


def test_after_warm_up_the_step_is_frozen():
    """Kept steps k+1.. continue, bit for bit, as fixed-step Metropolis from step k."""
    log_density = gaussian_log_density(np.zeros(2), np.eye(2))
    x0 = np.random.default_rng(0).standard_normal((4, 2)) * 5
    warm, kept, k = 300, 100, 10
    result = metropolis(log_density, x0, kept, np.random.default_rng(9), n_warmup=warm)
    # Replay the random numbers of warm-up and of the first k + 1 kept steps.
    rng = np.random.default_rng(9)
    for _ in range(warm + k + 1):
        rng.standard_normal((4, 2))
        rng.standard_exponential(4)
    rest = reference_metropolis(log_density, result.samples[:, k], kept - k - 1, rng,
                                result.step_size)
    np.testing.assert_array_equal(result.samples[:, k + 1:], rest)
    assert result.step_size != 2.38 / np.sqrt(2)       # warm-up did change it


def test_same_seed_same_chains():
    log_density = gaussian_log_density(np.zeros(2), np.eye(2))
    x0 = np.zeros((3, 2))
    a = metropolis(log_density, x0, 50, np.random.default_rng(4))
    b = metropolis(log_density, x0, 50, np.random.default_rng(4))
    np.testing.assert_array_equal(a.samples, b.samples)
    assert np.all(x0 == 0)                              # x0 is not modified


def test_optimal_acceptance_falls_from_0_44_to_0_234():
    assert optimal_acceptance(1) == pytest.approx(0.44)
    values = [optimal_acceptance(d) for d in (1, 2, 3, 5, 10, 100, 10**6)]
    assert all(a > b for a, b in zip(values, values[1:]))
    assert optimal_acceptance(2) == pytest.approx(0.35, abs=0.01)
    assert optimal_acceptance(10**6) == pytest.approx(0.234, abs=1e-4)


# --- edge cases -------------------------------------------------------------------

def test_nan_log_density_is_a_rejection():
    """Half-normal target written with NaN (not -inf) for x <= 0.

    No draw may be <= 0. The mean sqrt(2/pi) is checked with the chain-average
    t-test: false-failure rate 1e-6; with 32 chains of 4000 steps its
    standard error is about 0.006, so a bias of 0.05 is caught with
    probability > 0.99.
    """
    def log_density(x):
        with np.errstate(invalid="ignore"):
            return np.where(x[:, 0] > 0, -0.5 * x[:, 0] ** 2, np.nan)

    rng = np.random.default_rng(12)
    result = metropolis(log_density, rng.uniform(0.5, 2.0, (32, 1)), 4000, rng)
    assert np.all(result.samples > 0)
    per_chain = result.samples[:, :, 0].mean(axis=1)
    t = stats.ttest_1samp(per_chain, np.sqrt(2 / np.pi))
    assert t.pvalue > ALPHA
    assert result.r_hat[0] < 1.01


def test_a_log_density_nan_everywhere_but_the_start_warns_that_chains_never_moved():
    def log_density(x):
        return np.where(np.all(x == 0.0, axis=1), 0.0, np.nan)

    with pytest.warns(RuntimeWarning, match=r"2 of 2 chain\(s\) never moved.*"
                                            r"NaN log-density"):
        result = metropolis(log_density, np.zeros((2, 1)), 10, np.random.default_rng(0))
    assert np.all(result.acceptance_rate == 0)


@pytest.mark.parametrize("dim, error, message", [
    (-1, ValueError, "dim must be at least 1, got -1"),
    (0, ValueError, "dim must be at least 1, got 0"),
    (2.5, TypeError, "dim must be an int, got 2.5"),
    ("3", TypeError, "dim must be an int"),
])
def test_optimal_acceptance_rejects_a_dimension_that_is_not_a_positive_int(dim, error,
                                                                          message):
    with pytest.raises(error, match=message):
        optimal_acceptance(dim)


def test_start_at_zero_density_raises_value_error():
    log_density = lambda x: np.where(x[:, 0] > 0, -x[:, 0], -np.inf)   # noqa: E731
    x0 = np.array([[1.0], [-1.0], [2.0]])
    with pytest.raises(ValueError, match=r"1 chain\(s\) start where log_density is -inf .*"
                                         r"chain 1 at \[-1.0\]"):
        metropolis(log_density, x0, 10, np.random.default_rng(0))


def test_start_at_nan_or_plus_inf_log_density_raises_value_error():
    with pytest.raises(ValueError, match="start where log_density is -inf or NaN"):
        metropolis(lambda x: np.full(len(x), np.nan), np.zeros((2, 1)), 10,
                   np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"log_density \(.*\) returned \+inf"):
        metropolis(lambda x: np.full(len(x), np.inf), np.zeros((2, 1)), 10,
                   np.random.default_rng(0))


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(x0=np.zeros(3)), ValueError, r"x0 must have shape \(chains, dim\)"),
    (dict(x0=np.full((2, 1), np.inf)), ValueError, "x0 must be finite"),
    (dict(n_steps=3), ValueError, "n_steps must be at least 4"),
    (dict(n_steps=10.0), TypeError, "n_steps must be an int"),
    (dict(n_warmup=-1), ValueError, "n_warmup must be at least 0"),
    (dict(rng=np.random.RandomState(0)), TypeError, "numpy.random.Generator"),
    (dict(step_size=0.0), ValueError, "step_size must be a positive finite number"),
    (dict(target_acceptance=1.5), ValueError, r"target_acceptance must be in \(0, 1\)"),
    (dict(log_density="normal"), TypeError, "log_density must be callable"),
    (dict(log_density=lambda x: np.zeros((len(x), 1))), ValueError,
     r"log_density \(.*\) must map an array of shape \(chains, dim\) to shape \(chains,\)"),
    (dict(log_density=lambda x: 0.0), ValueError, r"it returned shape \(\)"),
    (dict(log_density=lambda x: np.zeros(len(x)) + 0j), TypeError,
     r"log_density \(.*\) must return real numbers.*complex"),
    (dict(log_density=lambda x: np.array(["a"] * len(x))), TypeError,
     r"log_density \(.*\) must return real numbers"),
    (dict(x0=np.zeros((2, 1)) + 1j), TypeError, "x0 must be an array of real numbers"),
    (dict(x0=[["a"], ["b"]]), TypeError, "x0 must be an array of real numbers"),
    (dict(step_size="big"), TypeError, "step_size must be a real number, got 'big'"),
    (dict(step_size=np.nan), ValueError, "step_size must be a positive finite number"),
    (dict(target_acceptance="high"), TypeError, "target_acceptance must be a real number"),
    (dict(n_warmup=2.5), TypeError, "n_warmup must be an int"),
])
def test_invalid_arguments_raise_clear_errors(kwargs, error, message):
    args = dict(log_density=lambda x: -0.5 * np.sum(x * x, axis=1), x0=np.zeros((2, 1)),
                n_steps=10, rng=np.random.default_rng(0))
    args.update(kwargs)
    positional = [args.pop(k) for k in ("log_density", "x0", "n_steps", "rng")]
    with pytest.raises(error, match=message):
        metropolis(*positional, **args)
