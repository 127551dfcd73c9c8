"""The numbers behind compare_* (MAML against the alternatives, lecture 22, sections 1.3-1.4 and 3).

The figure is made once in quick mode (seed 0: 300 meta-steps per learner,
Reptile 100, 100 held-out tasks) and the tests check what its caption claims
on those numbers. Margins were measured on the quick run of seed 0 and, for
the MAML-against-pretraining claim, on seeds 0-3 (the slow test).
"""

import numpy as np
import pytest

from scratchmeta.figures import compare
from scratchmeta.meta.evaluate import Z95, held_out_tasks
from scratchmeta.meta.registry import make_family


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("compare")
    return compare.make(out, quick=True, seed=0)


def paired_gap(numbers, worse, better, step):
    """Per K: (mean, 95% half-width) over tasks of MSE(worse) - MSE(better) after ``step`` steps.

    Both strategies are scored on the same held-out tasks, so the per-task
    difference removes the spread between easy and hard tasks.
    """
    d = numbers["per_task"][worse][:, :, step] - numbers["per_task"][better][:, :, step]
    n = d.shape[1]
    return d.mean(axis=1), Z95 * d.std(axis=1, ddof=1) / np.sqrt(n)


def test_compare_writes_its_two_pngs(made):
    names = sorted(p.name for p in made["files"])
    assert names == ["compare_example_fits.png", "compare_mse_vs_steps.png"]
    assert all(p.stat().st_size > 20_000 for p in made["files"])


def test_every_strategy_of_the_issue_is_compared():
    assert compare.STRATEGIES == ("maml", "fomaml", "reptile", "multitask", "closed_form",
                                  "anil", "pretrained", "scratch")
    assert set(compare.LABELS) == set(compare.STRATEGIES) == set(compare.COLORS)
    assert len(set(compare.COLORS.values())) == len(compare.STRATEGIES)   # one colour each


def test_every_curve_has_a_finite_point_per_step_and_a_positive_interval(made):
    ks, steps, n = made["ks"], made["steps"], made["eval_tasks"]
    assert list(ks) == [5, 10, 20] and list(steps) == list(range(11)) and n == 100
    for name in compare.STRATEGIES:
        assert made["mse"][name].shape == made["half_width"][name].shape == (3, 11)
        assert made["per_task"][name].shape == (3, n, 11)
        assert np.all(np.isfinite(made["mse"][name]))
        assert np.all(made["mse"][name] > 0) and np.all(made["half_width"][name] > 0)


def test_intervals_are_the_mean_plus_minus_1_96_sd_over_root_n(made):
    for name in compare.STRATEGIES:
        per_task = made["per_task"][name]
        np.testing.assert_allclose(made["mse"][name], per_task.mean(axis=1), rtol=1e-12)
        np.testing.assert_allclose(made["half_width"][name],
                                   1.96 * per_task.std(axis=1, ddof=1) / np.sqrt(100),
                                   rtol=1e-12)


def test_training_lengths_are_recorded_and_scratch_is_not_trained(made):
    assert made["meta_steps"] == compare.QUICK["meta_steps"]
    assert made["meta_steps"]["scratch"] == 0 and made["train_support"] == 10
    for name, steps in made["meta_steps"].items():
        if steps:
            assert made["train_seconds"][name] > 0
            assert np.isfinite(made["final_meta_loss"][name])
    assert "scratch" not in made["final_meta_loss"]


def test_maml_after_one_step_beats_the_pretrained_baseline_for_every_k(made):
    """Paired over the same 100 held-out tasks; the interval of the gap excludes 0.

    Measured (quick, seed 0): pretrained minus MAML after one step = 0.90 ± 0.31,
    0.62 ± 0.15, 0.54 ± 0.12 for K = 5, 10, 20 (MSE 3.21 vs 4.12, 2.94 vs 3.56,
    2.83 vs 3.37). The full run: 0.86 vs 3.40, 0.53 vs 2.85, 0.36 vs 2.48.
    """
    gap, half = paired_gap(made, "pretrained", "maml", step=1)
    assert np.all(gap - half > 0)
    assert np.all(made["mse"]["maml"][:, 1] < 0.9 * made["mse"]["pretrained"][:, 1])


def test_more_support_points_do_not_hurt_maml_after_ten_steps(made):
    """Measured (quick): 3.42, 2.49, 1.84 for K = 5, 10, 20 (full: 0.37, 0.14, 0.076)."""
    after_ten = made["mse"]["maml"][:, 10]
    assert np.all(np.diff(after_ten) < 0)


def test_maml_and_reptile_improve_with_adaptation_and_scratch_barely_moves(made):
    """Ten steps help the meta-learned starts (at K = 20) far more than a random start.

    Measured (quick, K = 20): MAML 3.62 -> 1.84, Reptile 3.38 -> 0.55 (Reptile
    trained 100 steps), from scratch 4.43 -> 4.09.
    """
    i = list(made["ks"]).index(20)
    for name in ("maml", "reptile"):
        assert made["mse"][name][i, 10] < 0.6 * made["mse"][name][i, 0]
    assert made["mse"]["scratch"][i, 10] > 0.8 * made["mse"]["scratch"][i, 0]


def test_closed_form_ridge_head_beats_maml_from_the_middle_shot_count_on(made):
    """The ridge head needs no steps: at K = 10, 20 it is already below MAML after ten.

    Measured (quick): 0.34 vs 2.49 at K = 10, 0.18 vs 1.84 at K = 20
    (full: 0.0094 vs 0.14, 0.0029 vs 0.076).
    """
    for k in (10, 20):
        i = list(made["ks"]).index(k)
        assert made["mse"]["closed_form"][i, 0] < 0.5 * made["mse"]["maml"][i, 10]


def test_example_task_is_a_scored_held_out_task_with_its_own_support_points(made):
    fit = made["fit"]
    amp, phase = fit["task"]
    assert amp >= compare.SHOWN_MIN_AMPLITUDE
    task = held_out_tasks(make_family("sinusoid"), 1, 10, 100, seed=0,
                          start=fit["index"])
    np.testing.assert_array_equal(fit["x_support"], task.x_support[0, :, 0])
    np.testing.assert_allclose(fit["y_support"], amp * np.sin(fit["x_support"] - phase),
                               atol=1e-12)
    np.testing.assert_allclose(fit["truth"], amp * np.sin(fit["x"] - phase), atol=1e-12)


def test_example_fits_are_finite_and_the_ridge_head_fits_best_before_any_step(made):
    """Measured (quick): grid MSE of the ridge head 0.26 (0 steps) vs MAML's 5.95 (10 steps)."""
    fit = made["fit"]
    for name in compare.STRATEGIES:
        for n in (0, 10):
            assert fit["pred"][name][n].shape == (compare.N_GRID,)
            assert np.all(np.isfinite(fit["pred"][name][n]))
        np.testing.assert_allclose(
            fit["grid_mse"][name][10], np.mean((fit["pred"][name][10] - fit["truth"]) ** 2))
    assert fit["grid_mse"]["closed_form"][0] < 0.2 * fit["grid_mse"]["maml"][10]


def test_tasks_made_worse_counts_tasks_whose_error_grew_over_adaptation():
    curves = np.array([[[1.0, 0.5, 2.0], [1.0, 0.5, 0.4], [3.0, 9.0, 3.5]],
                       [[1.0, 1.0, 1.0], [2.0, 2.0, 1.0], [1.0, 0.0, 0.9]]])   # (K, tasks, steps)
    assert compare.tasks_made_worse({"x": curves})["x"].tolist() == [2, 0]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_maml_beats_pretraining_after_one_step_for_other_seeds_too(tmp_path, seed):
    """Measured gaps (K = 5, 10, 20): seed 1: 0.55, 0.54, 0.51; seed 2: 0.30, 0.31, 0.29;
    seed 3: 0.55, 0.62, 0.65, each at least four half-widths above 0."""
    numbers = compare.make(tmp_path, quick=True, seed=seed)
    gap, half = paired_gap(numbers, "pretrained", "maml", step=1)
    assert np.all(gap - half > 0)
    assert np.all(np.diff(numbers["mse"]["maml"][:, 10]) < 0)
