"""The sampling figures of Chapter 4: the numbers behind each picture (lecture 22, section 2).

The four figure modules (one per PNG stem) are run once, in quick mode with
seed 0, through ``run_all`` (as ``python -m scratchmeta.figures --only
sampling_discrete sampling_continuous sampling_metropolis_walk
sampling_step_size --quick`` would); the tests check what
``figures/README.md`` claims about their numbers. The experiments' algorithms
live in ``scratchmeta.sampling.mixing`` and ``scratchmeta.sampling.step_size``
and are tested here too.

The Metropolis and step-size checks are statistical, but every run is seeded,
so each test gives the same answer every time. Their thresholds were set from
20 seeds (0-19) of the quick run, and each is wide of the worst of them (the
observed range is given next to each threshold): a test fails only if the code
changes, not by chance at seed 0.
"""

import numpy as np
import pytest

import scratchmeta.figures as figures
from scratchmeta.figures import sampling_continuous, sampling_discrete, sampling_metropolis_walk
from scratchmeta.sampling import metropolis
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.step_size import acceptance_1d, fixed_step_chains, peak

STEMS = ["sampling_discrete", "sampling_continuous", "sampling_metropolis_walk",
         "sampling_step_size"]
PNG_NAMES = [stem + ".png" for stem in STEMS]
mixture_cdf = sampling_continuous.MIXTURE.cdf


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    results = figures.run_all(out, quick=True, only=STEMS, progress=lambda line: None)
    merged = {"files": [f for stem in STEMS for f in results[stem]["files"]]}
    for stem in STEMS:
        merged.update({k: v for k, v in results[stem].items() if k not in ("files", "seconds")})
    return out, merged


def test_each_module_is_named_after_the_stem_of_the_png_it_writes(made):
    assert [stem for stem, module in figures.FIGURES if stem.startswith("sampling")] == STEMS
    assert all(stem == module for stem, module in figures.FIGURES)


# --- files ---------------------------------------------------------------------------------

def test_run_all_writes_the_four_sampling_pngs(made):
    out, numbers = made
    assert [p.name for p in numbers["files"]] == PNG_NAMES
    for path in numbers["files"]:
        assert path.parent == out
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 20_000        # a drawn figure, not an empty canvas


def test_same_seed_gives_the_same_discrete_picture_byte_for_byte(tmp_path):
    numbers = [sampling_discrete.discrete(sampling_discrete.QUICK, seed=0) for _ in range(2)]
    a = sampling_discrete.draw(tmp_path / "a", numbers[0]).read_bytes()
    b = sampling_discrete.draw(tmp_path / "b", numbers[1]).read_bytes()
    assert a == b


# --- section 2.1.1, eq. 22.7: the discrete inverse CDF -------------------------------------

def brute_force_label(u, p):
    """The label whose piece [P_0 + ... + P_{i-1}, P_0 + ... + P_i) contains u, by a loop."""
    left = 0.0
    for i, p_i in enumerate(p):
        right = left + p_i
        if left <= u < right:
            return i
        left = right
    raise AssertionError(f"u = {u} lies in no piece")


def test_each_drawn_uniform_gets_the_label_of_the_interval_it_lands_in(made):
    d = made[1]["discrete"]
    expected = [brute_force_label(u, d["p"]) for u in d["uniforms"]]
    assert d["uniforms"].size == sampling_discrete.QUICK["ticks"]
    np.testing.assert_array_equal(d["labels"], expected)
    # the interval ends drawn in the figure are the running sums of eq. 22.7
    np.testing.assert_allclose(d["cumulative"], np.cumsum(d["p"]), rtol=0, atol=1e-15)


def test_the_zero_probability_label_is_never_emitted(made):
    d = made[1]["discrete"]
    zero = np.flatnonzero(d["p"] == 0)
    assert zero.tolist() == [2]
    assert not np.isin(d["labels"], zero).any()
    assert d["counts"][2] == 0 and d["counts"].sum() == d["n_draws"] == 100_000
    # every label of positive probability does come out, among the 40 uniforms too
    assert set(np.unique(d["labels"])) == {0, 1, 3, 4, 5}


def test_frequencies_of_many_draws_match_p(made):
    d = made[1]["discrete"]
    # Pearson chi-square, 4 degrees of freedom: at a random seed this fails
    # with probability 0.001 (seed 0 gives p = 0.36).
    assert d["chi2_pvalue"] > 1e-3
    se = np.sqrt(d["p"] * (1 - d["p"]) / d["n_draws"])
    assert np.all(np.abs(d["frequencies"] - d["p"]) <= 4 * se)
    assert d["tv"] < 0.01


# --- section 2.1.2: the continuous inverse CDF ---------------------------------------------

def test_from_density_inverts_the_mixture_cdf_to_a_u_error_below_1e_10(made):
    c = made[1]["continuous"]["mixture"]
    # measured against the exact mixture CDF, and by the sampler's own check
    assert c["u_error_exact_max"] < 1e-10
    assert c["u_error_max"] < 1e-10
    assert abs(c["u_error_max"] - c["u_error_exact_max"]) < 1e-12
    # the arrows of the figure: x(U) is increasing and lands where CDF(x) = U
    assert np.all(np.diff(c["u_shown"]) > 0) and np.all(np.diff(c["x_shown"]) > 0)
    np.testing.assert_allclose(mixture_cdf(c["x_shown"]), c["u_shown"], rtol=0,
                               atol=1e-10)
    assert c["n_intervals"] > 0


def test_figures_readme_quotes_the_full_runs_mixture_numbers():
    # figures/README.md's sampling_continuous section quotes the full run (100,000 U):
    # the piece count, the u-error and its mean. Recomputed here, at the full grid.
    from pathlib import Path
    text = (Path(__file__).resolve().parent.parent / "figures" / "README.md").read_text()
    c = sampling_continuous.continuous(dict(sampling_continuous.FULL, continuous_draws=10),
                                       0)["mixture"]
    quoted = (f"builds {c['n_intervals']} polynomial pieces",
              f"is {c['u_error_exact_max']:.1e}".replace("-", "−"),
              f"(mean {c['u_error_exact_mean']:.1e})".replace("-", "−"))
    for q in quoted:
        assert q in text, f"figures/README.md does not quote {q!r}"


def test_from_ppf_is_exact_to_rounding_for_the_exponential(made):
    c = made[1]["continuous"]["exponential"]
    assert c["u_error_exact_max"] < 1e-15
    np.testing.assert_allclose(c["x_shown"], -np.log1p(-c["u_shown"]), rtol=1e-15)
    assert c["support"][0] == 0.0 and c["support"][1] == np.inf


@pytest.mark.parametrize("name", ["mixture", "exponential"])
def test_samples_follow_the_density(made, name):
    c = made[1]["continuous"][name]
    # Kolmogorov-Smirnov against the exact CDF: fails at a random seed with
    # probability 0.001.
    assert c["ks_pvalue"] > 1e-3
    # The histogram drawn is within 5 binomial standard errors per bin (width w).
    edges, n = c["hist_edges"], c["n_samples"]
    cdf = mixture_cdf if name == "mixture" else sampling_continuous.exponential_cdf
    mass = np.diff(cdf(edges))
    se = np.sqrt(mass * (1 - mass) / n) / np.diff(edges)
    assert np.all(np.abs(c["hist_density"] - mass / np.diff(edges)) <= 5 * se + 1e-12)


# --- section 2.2: the Metropolis walk ------------------------------------------------------

def test_tv_to_the_target_shrinks_as_the_walk_runs(made):
    w = made[1]["walk"]
    tv = w["runs"]["tuned"]["tv"]
    floor = w["tv_floor"]
    assert tv[1] > 0.6                       # n = 2: still near x = -6   (seeds 0-19: 0.76-0.82)
    assert tv[9] > 0.3                       # n = 10: one mode only      (0.38-0.46)
    assert tv[-1] < 0.3 * tv[9]              # (ratio 0.11-0.20)
    # The last 60 steps sit at the noise floor of 1000 exact draws, not above it
    # (mean / floor 0.91-1.12 over seeds 0-19).
    assert tv[-60:].mean() < 1.3 * floor
    assert tv[9] > 4 * floor
    # Pooling all draws of steps 1..n: TV keeps falling (ratio 0.06-0.08).
    pooled = w["runs"]["tuned"]["tv_pooled"]
    assert pooled[-1] < 0.2 * pooled[9]
    assert w["snapshot_tv"] == {n: tv[n - 1] for n in (2, 10, 30, 300)}


def test_the_walk_finds_the_near_mode_first_then_balances_the_two(made):
    x = made[1]["walk"]["runs"]["tuned"]["x"]
    left_mass = mixture_cdf(0.0)                           # 0.351
    assert (x[:, 9] < 0).mean() > 0.6                 # n = 10 (seeds 0-19: 0.73-0.81)
    # at the end, 1000 chains: binomial s.e. 0.015 (seeds 0-19: 0.326-0.388)
    assert abs((x[:, -1] < 0).mean() - left_mass) < 0.06
    small = made[1]["walk"]["runs"]["small"]["x"]
    assert (small[:, -1] > 0).mean() < 0.15           # target 0.65 (seeds 0-19: 0.03-0.06)


def test_a_too_small_step_is_still_far_from_the_target_at_the_end(made):
    runs = made[1]["walk"]["runs"]
    assert runs["small"]["step_size"] == sampling_metropolis_walk.SMALL_STEP
    assert runs["small"]["tv"][-1] > 0.4                          # (0.59-0.62)
    assert runs["small"]["acceptance"] > 0.75                     # accepts a lot, moves little
    assert runs["large"]["acceptance"] < 0.1
    quick = sampling_metropolis_walk.QUICK
    assert runs["tuned"]["x"].shape == (quick["walk_chains"], quick["walk_steps"])
    # the tuned step is the one warm-up picks for the 1-D target: acceptance near 0.44
    assert abs(runs["tuned"]["acceptance"] - 0.44) < 0.05


def test_total_variation_of_exact_bin_masses_is_zero_and_of_a_point_mass_is_large():
    bins = sampling_metropolis_walk.WALK_BINS
    masses, left, right = bin_masses(bins, mixture_cdf)
    assert abs(masses.sum() + left + right - 1.0) < 1e-12
    # every draw at x = -6: TV = 1 - mass of the bin holding -6
    tv = total_variation(np.full(100, -6.0), bins, mixture_cdf)
    bin_of = np.searchsorted(bins, -6.0, side="right") - 1
    assert tv == pytest.approx(1.0 - masses[bin_of], abs=1e-12)


# --- section 2.2: step size, acceptance and ESS --------------------------------------------

@pytest.mark.parametrize("key", ["d1", "high"])
def test_acceptance_rate_decreases_with_step_size(made, key):
    s = made[1]["step_size"]
    assert np.all(np.diff(s[key]["acceptance"]) < 0)
    assert s[key]["acceptance"][0] > 0.85 and s[key]["acceptance"][-1] < 0.25


def test_one_dimensional_acceptance_matches_the_exact_formula(made):
    s = made[1]["step_size"]["d1"]
    exact = acceptance_1d(s["step_size"])
    # largest gap over seeds 0-19 and all 9 step sizes: 0.007
    np.testing.assert_allclose(s["acceptance"], exact, rtol=0, atol=0.015)


@pytest.mark.parametrize("key, low, high, ratio", [("d1", 0.34, 0.56, 1.2),
                                                   ("high", 0.20, 0.34, 4.0)])
def test_ess_per_step_peaks_at_an_intermediate_step_size(made, key, low, high, ratio):
    s = made[1]["step_size"]
    r = s[key]
    ess = r["ess_per_step"]
    assert 0 < r["best"] < ess.size - 1
    # the peak stands clear of both ends (seeds 0-19: at least 1.47 for d = 1, 7.6 for d = 10)
    assert ess.max() > ratio * max(ess[0], ess[-1])
    # and sits near the optimal acceptance rate: 0.44 in 1-D, optimal_acceptance(10) = 0.267
    # (seeds 0-19: 0.41-0.49 and 0.25-0.29)
    assert low < r["acceptance_at_peak"] < high
    assert s["scaled_step"][0] < r["peak_scaled_step"] < s["scaled_step"][-1]


@pytest.mark.parametrize("ell", [0.5, 3.0])
def test_the_step_size_change_of_variables_gives_the_plain_walk(ell):
    """fixed_step_chains runs Metropolis on N(0, I / h^2) with step 1 and returns x = h y;
    that must be the walk with step h on N(0, I), run by metropolis directly from the
    same random stream: the same accept decisions, the same draws."""
    chains, steps, dim = 3, 60, 4
    x, acc = fixed_step_chains(dim, [ell], chains, steps, np.random.default_rng(5))
    rng = np.random.default_rng(5)
    x0 = rng.standard_normal((chains, dim))
    plain = metropolis(lambda z: -0.5 * np.sum(z * z, axis=1), x0, steps, rng, n_warmup=0,
                       step_size=ell / np.sqrt(dim))
    assert x.shape == (1, chains, steps, dim)
    np.testing.assert_allclose(x[0], plain.samples, rtol=1e-12, atol=1e-12)
    assert acc[0] == pytest.approx(plain.acceptance_rate.mean(), abs=1e-15)
    assert 0 < acc[0] < 1


def test_peak_is_the_parabola_vertex_in_log_coordinates():
    scaled = np.geomspace(0.25, 6.0, 9)
    ess = np.exp(-(np.log(scaled) - np.log(2.0)) ** 2)      # exactly a parabola, peak at 2
    assert peak(scaled, ess) == pytest.approx(2.0, rel=1e-10)
    assert peak(scaled, scaled) == scaled[-1]       # at an end: no interpolation
