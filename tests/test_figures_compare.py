"""The numbers behind compare_* (MAML against the alternatives on two task families).

The figure is made once in quick mode (seed 0: 300 meta-steps per learner,
Reptile 100, test-time settings chosen on 50 validation tasks, 100 test
tasks) and the tests check what its caption and the README claim on those
numbers: how each strategy's test-time settings were chosen, which rows'
step 0 includes a ridge fit, and the comparative claims (the closed-form
head is far ahead on Finn et al.'s sinusoids and much less so when the
frequency varies).
"""

import numpy as np
import pytest

from scratchmeta.figures import compare
from scratchmeta.meta import compare as experiment
from scratchmeta.meta.evaluate import HELD_OUT_SEED, VALIDATION_SEED, Z95, evaluate, \
    with_test_time


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("compare")
    return compare.make(out, quick=True, seed=0)


def chosen_mse(numbers, family, name):
    """Per-task test MSE of ``name`` on ``family`` after its chosen number of steps."""
    k = numbers["chosen"][family][name][1]
    return numbers["per_task"][family][name][:, k]


def paired_gap(numbers, family, worse, better):
    """(mean, 95% half-width) over test tasks of MSE(worse) - MSE(better), at chosen steps."""
    d = chosen_mse(numbers, family, worse) - chosen_mse(numbers, family, better)
    return d.mean(), Z95 * d.std(ddof=1) / np.sqrt(len(d))


def test_compare_writes_its_four_pngs(made):
    names = sorted(p.name for p in made["files"])
    assert names == ["compare_example_fits.png", "compare_example_fits_frequency.png",
                     "compare_mse_vs_steps.png", "compare_subset.png"]
    assert all(p.stat().st_size > 20_000 for p in made["files"])


def test_every_strategy_is_compared_on_both_families():
    assert compare.STRATEGIES == ("maml", "fomaml", "reptile", "multitask", "closed_form",
                                  "anil", "pretrained", "scratch")
    assert compare.FAMILIES == ("sinusoid", "sinusoid_frequency")
    assert set(compare.LABELS) == set(compare.STRATEGIES) == set(compare.COLORS)
    assert len(set(compare.COLORS.values())) == len(compare.STRATEGIES)   # one colour each


def test_each_test_time_setting_is_the_best_on_validation_tasks_not_test_tasks(made):
    for family, results in made["results"].items():
        for name, r in results.items():
            c = r["choice"]
            assert c.seed == VALIDATION_SEED != HELD_OUT_SEED == r["test"].seed
            i = c.candidates.index(c.inner_lr)
            assert c.validation[i, c.n_steps] == np.min(c.validation)
            assert c.candidates == experiment.CANDIDATES
            assert r["strategy"].config.inner_lr == c.inner_lr      # scored at the chosen lr
            assert made["chosen"][family][name] == (c.inner_lr, c.n_steps)


def test_the_test_curve_is_the_strategy_at_its_chosen_step_size_on_the_test_tasks(made):
    r = made["results"]["sinusoid"]["maml"]
    again = evaluate(r["strategy"], r["state"], r["strategy"].family, n_tasks=10, n_steps=10,
                     seed=HELD_OUT_SEED)
    np.testing.assert_allclose(again.per_task, r["test"].per_task[:10], rtol=1e-12)
    base = with_test_time(r["strategy"], inner_lr=r["choice"].inner_lr)
    assert base.config == r["strategy"].config


def test_step_0_includes_a_ridge_fit_exactly_for_closed_form_and_multitask(made):
    for results in made["results"].values():
        flagged = {name for name, r in results.items() if r["step_0_fit"]}
        assert flagged == set(compare.RIDGE_AT_STEP_0) == {"closed_form", "multitask"}
    rows = experiment.rows(made["results"]["sinusoid"])
    assert {row["strategy"] for row in rows if row["strategy"].endswith(" *")} == \
        {"closed_form *", "multitask *"}


def test_every_curve_has_a_point_per_step_with_median_and_diverged_fraction(made):
    n = made["test_tasks"]
    assert n == 100 and list(made["steps"]) == list(range(11))
    for family in compare.FAMILIES:
        for name in compare.STRATEGIES:
            per_task = made["per_task"][family][name]
            assert per_task.shape == (n, 11)
            np.testing.assert_allclose(made["median"][family][name],
                                       np.median(per_task, axis=0))
            np.testing.assert_array_equal(made["diverged"][family][name],
                                          np.mean(~np.isfinite(per_task), axis=0))
            finite = np.all(np.isfinite(per_task), axis=0)
            np.testing.assert_allclose(made["mse"][family][name][finite],
                                       per_task[:, finite].mean(axis=0), rtol=1e-12)


def test_the_closed_form_head_beats_maml_on_the_sinusoids(made):
    # Caption: on A sin(x - phi) a body that has learned sin x and cos x makes the ridge
    # head exact, so closed_form is far ahead. Paired over the same test tasks.
    gap, half = paired_gap(made, "sinusoid", "maml", "closed_form")
    assert gap - half > 0


def test_the_closed_form_advantage_shrinks_when_the_frequency_varies(made):
    # Caption: no two fixed features fit A sin(w x - phi), so the ridge head's lead over
    # MAML (ratio of mean test MSEs at the chosen steps) is smaller on that family.
    def lead(family):
        return (chosen_mse(made, family, "maml").mean()
                / chosen_mse(made, family, "closed_form").mean())
    assert lead("sinusoid") > 1.5 * lead("sinusoid_frequency")


def test_maml_beats_the_pretrained_baseline_on_the_sinusoids(made):
    gap, half = paired_gap(made, "sinusoid", "pretrained", "maml")
    assert gap - half > 0


def test_example_task_is_a_test_task_with_its_own_support_points(made):
    for family in compare.FAMILIES:
        fit = made["fits"][family]
        assert fit["task"][0] >= compare.SHOWN_MIN_AMPLITUDE
        assert len(fit["x_support"]) == compare.N_SUPPORT
        for name in compare.STRATEGIES:
            assert all(np.all(np.isfinite(p)) for p in fit["pred"][name].values())
            assert max(fit["pred"][name]) == made["chosen"][family][name][1]


def test_subset_panel_scores_every_subset_size_at_its_checkpoints(made):
    sub = made["subset"]
    assert sorted(sub) == [10, 100, 1000]
    for m, r in sub.items():
        assert list(r["steps"]) == list(compare.SUBSET_QUICK["checkpoints"][m])
        assert r["per_task"].shape[1:] == (compare.SUBSET_QUICK["eval_tasks"], 11)
        assert np.all(r["diverged"] == 0)
        # The plotted cost is counted: 25 tasks x (1 inner step x m points + 10 query points).
        assert r["points_per_step"] == 25 * (1 * m + 10)
        np.testing.assert_array_equal(r["points"], r["points_per_step"] * r["steps"])


def test_the_subset_png_is_byte_identical_when_only_the_measured_times_differ(made, tmp_path):
    # Convention 4 (deterministic figures): the panel plots counted cost, not seconds, so a
    # run on a slower or busier machine draws the same picture.
    slower = {m: dict(r, seconds=3 * r["seconds"] + 1.0, ms_per_step=3 * r["ms_per_step"] + 1)
              for m, r in made["subset"].items()}
    a = compare.draw_subset(tmp_path / "a", made["subset"])
    b = compare.draw_subset(tmp_path / "b", slower)
    assert a.read_bytes() == b.read_bytes()


def test_per_meta_step_a_10_point_subset_scores_like_the_full_1000_point_inner_loop(made):
    # Caption: per meta-step the subset costs little accuracy. At every checkpoint both
    # reached, the mean test MSE after 10 steps is within 5% of the full-batch one.
    sub = made["subset"]
    for j, step in enumerate(sub[1000]["steps"]):
        i = list(sub[10]["steps"]).index(step)
        assert abs(sub[10]["mse"][i, -1] - sub[1000]["mse"][j, -1]) < 0.05 * sub[1000]["mse"][j, -1]


def test_the_closed_form_head_still_beats_maml_when_the_frequency_varies(made):
    # Caption: the lead shrinks (previous test) but does not vanish on this family.
    gap, half = paired_gap(made, "sinusoid_frequency", "maml", "closed_form")
    assert gap - half > 0
