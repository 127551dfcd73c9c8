"""Round 6 (the samplers, the testing kit, the figures' helpers): each bad input is one
ValueError or TypeError naming the argument (and a scalar's value) before any work starts.

One test per kind fixed, each over several cases of that kind, so that a new case of the same
kind is covered by the same general check: a quadrature's rules (not a list of triples, n < 1,
NaN ends, lo > hi); the u-resolution and the ends of ``explore`` and ``refine``; a uniform
outside [0, 1] given to ``piece_of``; an unordered ``domain``; text or None as the x of a
checked density; a sampler whose draws are NaN; step sizes and dimensions checked for every
run before the first runs; a folder name too long or a home folder that does not exist
(``check_out_dir``, the ``figures --out`` option and ``style.save``); matplotlib's limits and
keywords in ``style.subplots``; the figure modules' helpers given None, text, NaN, a negative
count, a settings dict without its keys, or a seed that is no seed. The figure modules are
stubbed for the command line (as in ``test_bad_inputs_twelfth.py``): nothing is drawn there.
Every case runs under ``np.errstate(all="raise")``, as the batteries do, and a valid input
that the new checks must not refuse is checked at the end.
"""

import os
import warnings

import numpy as np
import pytest
from scipy import stats

from scratchmeta import cli, figures
from scratchmeta.figures import compare as fig_compare
from scratchmeta.figures import exploding as fig_exploding
from scratchmeta.figures import fig22_1, fig22_2, fig22_3, fig22_5, fig22_7, style
from scratchmeta.figures import sampling_discrete as fig_discrete
from scratchmeta.figures import sampling_metropolis_walk as fig_walk
from scratchmeta.figures import sampling_step_size as fig_step_size
from scratchmeta.nn import MLP
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, ess_mean, laplace,
                                  mcse_mean, mcse_sd)
from scratchmeta.sampling.interpolation import PiecewiseInverse, refine
from scratchmeta.sampling.mixing import noise_floor, walks_from_one_start
from scratchmeta.sampling.quadrature import checked_density, integrate, integrate_many
from scratchmeta.sampling.step_size import fixed_step_chains, step_size_sweep
from scratchmeta.sampling.tails import explore
from scratchmeta.tasks import LinearRegression, Sinusoid
from scratchmeta.testing import densities


def _rng():
    return np.random.default_rng(0)


def _refused(call, error, *mentions):
    """``call()`` raises ``error`` (under errstate raise) whose message names every mention."""
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(error) as info:
            call()
    for m in mentions:
        assert m in str(info.value), (m, str(info.value))


def _log_density(x):
    return -0.5 * np.sum(x * x, axis=1)


EDGES = np.linspace(-1, 1, 5)
PDF = checked_density(stats.norm.pdf)


@pytest.mark.parametrize("call, error, mentions", [
    (lambda: integrate_many(np.sin, "rules"), TypeError, ["rules", "'rules'"]),
    (lambda: integrate_many(np.sin, []), ValueError, ["rules"]),
    (lambda: integrate_many(np.sin, [(0.0, 1.0)]), TypeError, ["rules[0]", "triple"]),
    (lambda: integrate_many(np.sin, [(0.0, 1.0, -1)]), ValueError, ["rules[0]: n", "-1"]),
    (lambda: integrate_many(np.sin, [(0.0, 1.0, 2.5)]), TypeError, ["rules[0]: n", "2.5"]),
    (lambda: integrate_many(np.sin, [(np.nan, 1.0, 4)]), ValueError, ["rules[0]: lo"]),
    (lambda: integrate_many(np.sin, [(0.0, 1.0, 4), ([0.0, 0.0], [1.0, 1.0, 1.0], 4)]),
     ValueError, ["rules[1]", "broadcast"]),
    (lambda: integrate_many("sin", [(0.0, 1.0, 4)]), TypeError, ["f", "'sin'"]),
    (lambda: integrate_many(np.sin, [(0.0, 1.0, 4)], points="x"), TypeError, ["points"]),
    (lambda: integrate(np.sin, 1.0, 0.0), ValueError, ["lo = 1.0", "hi = 0.0"]),
    (lambda: integrate(np.sin, None, 1.0), TypeError, ["lo", "None"]),
], ids=["rules a string", "rules empty", "a pair", "n -1", "n 2.5", "lo NaN", "shapes",
        "f a string", "points text", "lo > hi", "lo None"])
def test_a_quadrature_rule_is_checked_by_name(call, error, mentions):
    _refused(call, error, *mentions)


@pytest.mark.parametrize("call, error, mentions", [
    (lambda: explore(PDF, stats.norm.pdf, -np.inf, np.inf, u_resolution=np.nan), ValueError,
     ["u_resolution", "nan"]),
    (lambda: explore(PDF, stats.norm.pdf, -np.inf, np.inf, u_resolution="1e-10"), TypeError,
     ["u_resolution", "'1e-10'"]),
    (lambda: explore(None, stats.norm.pdf, -np.inf, np.inf), TypeError, ["f", "None"]),
    (lambda: explore(PDF, stats.norm.pdf, "a", np.inf), TypeError, ["a", "'a'"]),
    (lambda: explore(PDF, stats.norm.pdf, np.nan, 1.0), ValueError, ["a", "nan"]),
    (lambda: refine(None, np.array([0.0, 1.0]), 1.0, 1e-10), TypeError, ["f", "None"]),
    (lambda: refine(PDF, "ab", 1.0, 1e-10), TypeError, ["breakpoints"]),
    (lambda: refine(PDF, np.array([1.0, 0.0]), 1.0, 1e-10), ValueError, ["breakpoints"]),
    (lambda: refine(PDF, np.array([0.0, 1.0]), np.nan, 1e-10), ValueError, ["total", "nan"]),
    (lambda: refine(PDF, np.array([0.0, 1.0]), 1.0, 0.5), ValueError, ["u_resolution", "0.5"]),
    (lambda: PiecewiseInverse(None), TypeError, ["pieces", "None"]),
    (lambda: ContinuousInverseCDF.from_density(stats.norm.pdf, u_resolution=True), TypeError,
     ["u_resolution", "True"]),
], ids=["explore u_resolution NaN", "explore u_resolution text", "explore f None",
        "explore a text", "explore a NaN", "refine f None", "refine breakpoints text",
        "refine breakpoints decreasing", "refine total NaN", "refine u_resolution 0.5",
        "PiecewiseInverse None", "from_density u_resolution True"])
def test_the_appendix_helpers_check_their_arguments(call, error, mentions):
    _refused(call, error, *mentions)


@pytest.mark.parametrize("u, error, mentions", [
    (np.array([-0.5, 0.2]), ValueError, ["u", "-0.5"]),
    (np.array([0.2, np.nan]), ValueError, ["u", "nan"]),
    (np.array([0.2, 7.0]), ValueError, ["u", "7.0"]),
    (np.array([[0.5]]), ValueError, ["u", "(1, 1)"]),
    (["a"], TypeError, ["u"]),
], ids=["negative", "NaN", "above 1", "2-D", "text"])
def test_piece_of_refuses_a_u_outside_0_1(u, error, mentions):
    _refused(lambda: DiscreteInverseCDF([0.5, 0.5]).piece_of(u), error, *mentions)


@pytest.mark.parametrize("domain", [{0.0, 1.0}, {"a": 0.0, "b": 1.0}, (v for v in (0.0, 1.0)),
                                    None], ids=["set", "dict", "generator", "None"])
def test_a_domain_must_be_an_ordered_pair(domain):
    _refused(lambda: ContinuousInverseCDF.from_density(stats.norm.pdf, domain), TypeError,
             "domain")


@pytest.mark.parametrize("x, mentions", [("abc", ["x", "'abc'"]), (None, ["x", "None"]),
                                         ([1 + 2j], ["x"])], ids=["text", "None", "complex"])
def test_a_checked_density_names_an_x_that_is_no_number(x, mentions):
    _refused(lambda: checked_density(stats.norm.pdf)(x), TypeError, *mentions)


class _NaNSampler:
    def sample(self, n, rng):
        return np.full(n, np.nan)


class _ShortSampler:
    def sample(self, n, rng):
        return np.zeros(n - 1)


@pytest.mark.parametrize("sampler", [_NaNSampler(), _ShortSampler()], ids=["NaN", "short"])
def test_a_sampler_whose_draws_are_wrong_is_named(sampler):
    _refused(lambda: noise_floor(10, 2, sampler, EDGES, stats.norm.cdf, _rng()), ValueError,
             "sampler.sample")


@pytest.mark.parametrize("call, error, mentions", [
    (lambda: fixed_step_chains(1, np.array([]), 2, 5, _rng()), ValueError, ["scaled"]),
    (lambda: fixed_step_chains(1, np.ones((2, 2)), 2, 5, _rng()), ValueError, ["scaled"]),
    (lambda: fixed_step_chains(1, np.array([1.0]), 2, 3, _rng()), ValueError, ["steps", "3"]),
    (lambda: step_size_sweep(np.array([1.0, 2.0]), 2, 5, {"a": 1, "b": 0}, [_rng(), _rng()]),
     ValueError, ["dims['b']", "0"]),
    (lambda: step_size_sweep(np.array([1.0, 2.0]), 2, 2.5, {"a": 1}, [_rng()]), TypeError,
     ["steps", "2.5"]),
    (lambda: walks_from_one_start(_log_density, 0.0, {"a": 1.0, "b": np.nan}, 2, 5, EDGES,
                                  stats.norm.cdf, [_rng(), _rng()]), ValueError,
     ["step_sizes['b']", "nan"]),
    (lambda: walks_from_one_start(_log_density, 0.0, {"a": 1.0}, 2, 5, EDGES,
                                  lambda x: 1 - stats.norm.cdf(x), [_rng()]), ValueError,
     ["cdf"]),
    (lambda: walks_from_one_start(None, 0.0, {"a": 1.0}, 2, 5, EDGES, stats.norm.cdf,
                                  [_rng()]), TypeError, ["log_density", "None"]),
], ids=["scaled empty", "scaled 2-D", "steps 3", "second dim 0", "steps 2.5",
        "second step size NaN", "cdf decreasing", "log_density None"])
def test_every_run_of_an_experiment_is_checked_before_the_first_runs(call, error, mentions):
    _refused(call, error, *mentions)


@pytest.mark.parametrize("call, mentions", [
    (lambda: ess_mean(_rng().normal(size=(2, 10)) * 1e200), ["ess_mean", "too large"]),
    (lambda: mcse_mean(_rng().normal(size=(2, 10)) * 1e200), ["mcse_mean", "too large"]),
    (lambda: mcse_sd(_rng().normal(size=(2, 10)) * 1e100), ["mcse_sd", "too large"]),
    (lambda: DiscreteInverseCDF(np.full(10, 1e308)), ["p", "sums to inf"]),
    (lambda: walks_from_one_start(_log_density, 0.0, {"a": 1.0}, 10 ** 12, 5, EDGES,
                                  stats.norm.cdf, [_rng()]), ["chains", "memory"]),
    (lambda: fixed_step_chains(10 ** 9, np.array([1.0]), 10 ** 4, 10 ** 4, _rng()),
     ["dim", "memory"]),
], ids=["ess_mean", "mcse_mean", "mcse_sd", "p summing past 1e308", "walks chains huge",
        "fixed_step_chains dim huge"])
def test_numbers_too_large_for_float64_or_memory_are_refused(call, mentions):
    _refused(call, ValueError, *mentions)


# --- the figures: the folder, the look, the helpers --------------------------------------------

def _figures_cli(argv, folder):
    """cli.main(argv) with the figure modules stubbed: (exit code, stderr lines, calls)."""
    import contextlib
    import io
    calls = []
    saved, cwd = figures._load, os.getcwd()
    figures._load = lambda module: type("Stub", (), {"make": staticmethod(
        lambda out_dir, **kw: calls.append(out_dir) or {"files": []})})
    err = io.StringIO()
    os.chdir(folder)
    try:
        with contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as e:
                code = e.code
    finally:
        figures._load = saved
        os.chdir(cwd)
    return code, err.getvalue().strip().splitlines(), calls


@pytest.mark.parametrize("out", ["x" * 300, "a/" + "y" * 300 + "/b", "~nosuchuser8431/figs"],
                         ids=["a name too long", "a part too long", "an unknown home"])
def test_a_figures_folder_that_cannot_be_is_refused_naming_out(out, tmp_path):
    code, lines, calls = _figures_cli(["figures", "--quick", "--only", "fig22_1", "--out", out],
                                      tmp_path)
    assert code == 2 and len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "--out" in lines[0] and out[:20] in lines[0], lines[0]
    assert not calls                                   # refused before any figure was made
    _refused(lambda: figures.check_out_dir(out), ValueError, "out_dir", out[:20])


@pytest.mark.parametrize("call, error, mentions", [
    (lambda d: style.subplots(size=(1e6, 1.0)), ValueError, ["size", "1000000.0"]),
    (lambda d: style.subplots(nope=1), TypeError, ["nope"]),
    (lambda d: style.save(style.subplots()[0], d, "n" * 300), ValueError, ["name", "nnnn"]),
    (lambda d: style.save(style.subplots()[0], d / "afile.txt", "x"), ValueError,
     ["out_dir", "afile.txt"]),
    (lambda d: style.save(style.subplots()[0], None, "x"), TypeError, ["out_dir", "None"]),
], ids=["size huge", "unknown keyword", "name too long", "out_dir a file", "out_dir None"])
def test_the_shared_look_checks_its_arguments(call, error, mentions, tmp_path):
    (tmp_path / "afile.txt").write_text("x")
    try:
        _refused(lambda: call(tmp_path), error, *mentions)
    finally:
        style.plt.close("all")


def _batch():
    return LinearRegression().sample(_rng(), 2, 5, 5)


@pytest.mark.parametrize("call, error, mentions", [
    (lambda: fig_compare.tasks_made_worse(np.ones((3, 4)), -1), ValueError, ["n_steps", "-1"]),
    (lambda: fig_compare.tasks_made_worse(np.ones((3, 4)), 4), ValueError, ["n_steps", "4"]),
    (lambda: fig_compare.tasks_made_worse(np.full((3, 4), np.nan), 1), ValueError,
     ["per_task"]),
    (lambda: fig_compare.legend_label("nope", {}), ValueError, ["name", "'nope'"]),
    (lambda: fig_compare.example_fit(None, Sinusoid()), TypeError, ["results", "None"]),
    (lambda: fig_exploding.norm_label("big"), TypeError, ["norm", "'big'"]),
    (lambda: fig_exploding.norm_label(np.nan), ValueError, ["norm", "nan"]),
    (lambda: fig_exploding.norm_label(-1.0), ValueError, ["norm", "-1.0"]),
    (lambda: fig_exploding.first_meta_step(MLP((1, 4, 1)), Sinusoid(), -1), ValueError,
     ["seed", "-1"]),
    (lambda: fig_step_size.log_ticks(style.subplots()[1], []), ValueError, ["values"]),
    (lambda: fig_step_size.log_ticks(None, [1.0, 2.0]), TypeError, ["ax", "None"]),
    (lambda: fig_step_size.log_ticks(style.subplots()[1], [4.0, 1.0]), ValueError,
     ["values"]),
    (lambda: fig_step_size.sweep(None, 0), TypeError, ["cfg", "None"]),
    (lambda: fig_step_size.sweep({"sweep_chains": 2}, 0), ValueError, ["cfg", "sweep_scaled"]),
    (lambda: fig_discrete.discrete(fig_discrete.QUICK, "0"), ValueError, ["seed", "'0'"]),
    (lambda: fig_walk.mixture_log_density("a"), TypeError, ["x", "'a'"]),
    (lambda: fig_walk.draw(".", None), TypeError, ["w", "None"]),
    (lambda: fig22_1.as_params((np.nan, 0.0)), ValueError, ["point", "nan"]),
    (lambda: fig22_1.as_point(None), ValueError, ["params", "None"]),
    (lambda: fig22_1.least_squares(np.ones((2, 5, 1)), np.ones((2, 4, 1))), ValueError,
     ["y"]),
    (lambda: fig22_1.spread_tasks(LinearRegression(), _rng(), 2), ValueError,
     ["n_candidates", "2"]),
    (lambda: fig22_1.meta_loss_on_grid(np.ones(2), np.ones(2), None, MLP((1, 1))), TypeError,
     ["batch", "None"]),
    (lambda: fig22_2.running_mean(np.ones(5), 0), ValueError, ["window", "0"]),
    (lambda: fig22_2.running_mean(None, 2), TypeError, ["values", "None"]),
    (lambda: fig22_3.one_task(_batch(), 99), ValueError, ["i", "99"]),
    (lambda: fig22_3.one_task(_batch(), -1), ValueError, ["i", "-1"]),
    (lambda: fig22_5.unrolled_tape(fig22_1.as_params((0.5, 0.1)), _batch(), MLP((1, 1)), -1),
     ValueError, ["k", "-1"]),
    (lambda: fig22_5.layout(None, []), TypeError, ["tape", "None"]),
    (lambda: fig22_7.one_held_out_task(Sinusoid(), _rng(), 0), ValueError, ["n_support", "0"]),
    (lambda: fig22_7.one_held_out_task(None, _rng(), 5), TypeError, ["family", "None"]),
    (lambda: fig22_7.train_both(MLP((1, 4, 1)), Sinusoid(), -1, 0), ValueError,
     ["meta_steps", "-1"]),
], ids=["tasks_made_worse n_steps -1", "tasks_made_worse n_steps beyond",
        "tasks_made_worse NaN", "legend_label name", "example_fit results None",
        "norm_label text", "norm_label NaN", "norm_label negative", "first_meta_step seed -1",
        "log_ticks empty", "log_ticks ax None", "log_ticks decreasing", "sweep cfg None",
        "sweep cfg without a key", "discrete seed text", "mixture_log_density text",
        "walk draw w None", "as_params NaN", "as_point None", "least_squares shapes",
        "spread_tasks two candidates", "meta_loss_on_grid batch None", "running_mean window 0",
        "running_mean values None", "one_task i 99", "one_task i -1", "unrolled_tape k -1",
        "layout tape None", "one_held_out_task n_support 0", "one_held_out_task family None",
        "train_both meta_steps -1"])
def test_the_figure_helpers_check_their_arguments(call, error, mentions):
    try:
        _refused(call, error, *mentions)
    finally:
        style.plt.close("all")


def test_valid_inputs_are_still_accepted(tmp_path):
    with np.errstate(all="raise"):
        # the quadrature, the appendix sampler on finite and infinite domains, the lookup
        assert integrate(np.sin, 0.0, np.pi) == pytest.approx(2.0, abs=1e-12)
        (masses,), values = integrate_many(np.cos, [(np.zeros(3), np.ones(3), 8)], points=[0.0])
        np.testing.assert_allclose(masses, np.sin(1.0), rtol=1e-12)
        assert values.tolist() == [1.0]
        for kd in (densities.uniform(1.0, 2.0), densities.laplace(1.0, 0.5)):
            ContinuousInverseCDF.from_density(kd.pdf, kd.domain)
        assert ContinuousInverseCDF.from_density(stats.norm.pdf, [-np.inf, np.inf])
        d = DiscreteInverseCDF([0.25, 0.75])
        assert d.piece_of(np.array([0.0, 0.3, 1.0])).tolist() == [0, 1, 1]
        assert d.sample(5, _rng()).shape == (5,)
        assert laplace().sample(4, _rng()).shape == (4,)
        assert 0 < noise_floor(50, 2, laplace(), EDGES, stats.laplace.cdf, _rng()) < 1
        draws = _rng().normal(size=(4, 50)) * 1e100                  # large, but their squares fit
        assert ess_mean(draws)[0] > 0 and mcse_mean(draws)[0] > 0
        # the figures' helpers on what their modules give them
        assert fig_compare.tasks_made_worse(np.array([[1.0, 2.0], [1.0, np.inf]]), 1) == 2
        assert fig_exploding.norm_label(np.inf) == "inf"
        assert fig_exploding.norm_label(np.float64(2.4e5)) == "2e5"
        fig, ax = style.subplots(1, 2, size=(6.0, 3.0), sharey=True)
        fig_step_size.log_ticks(ax[0], np.geomspace(0.25, 6.0, 5))
        assert style.save(fig, tmp_path / "new" / "folder", "ok").is_file()
        assert fig22_2.running_mean(np.arange(4.0), 10).tolist() == [0.0, 0.5, 1.0, 1.5]
        assert fig22_1.as_point(fig22_1.as_params((0.5, 0.1))).tolist() == [0.5, 0.1]
        assert fig22_3.one_task(_batch(), 1).x_support.shape == (1, 5, 1)
        assert figures.check_out_dir(str(tmp_path / ("z" * 200))) == tmp_path / ("z" * 200)
