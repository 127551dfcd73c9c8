"""Held-out evaluation: the same tasks for every strategy, mean +- 1.96 s/sqrt(n) per
adaptation step, chunked without changing the answer, and readable tables."""

import itertools
import statistics

import numpy as np
import pytest

from scratchmeta.meta.evaluate import (VALIDATION_SEED, Z95, evaluate, format_interval,
                                       format_result, format_table, held_out_tasks, interval,
                                       select_test_time, task_rng, with_test_time)
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.training import step_rng, train
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid


class Predictions:
    """A stand-in model whose "parameters" are its query predictions."""

    def apply(self, theta, x):
        return theta


class QueryEnergy:
    """A stand-in strategy with a known curve: after k steps, (k + 1) * mean(y_query^2).

    Its theta_k predicts y_query * (1 + sqrt(k + 1)), whose squared error is
    (k + 1) y_query^2.
    """

    name = "QueryEnergy"
    model, family = Predictions(), Sinusoid()

    def adaptation(self, state, batch):
        for k in itertools.count():
            yield self.prediction(batch, k)

    def prediction(self, batch, k):
        return batch.y_query * (1 + np.sqrt(k + 1))


def test_interval_matches_an_independent_computation():
    values = np.random.default_rng(0).exponential(2.0, size=(50, 3))
    mean, half = interval(values)
    for j in range(3):
        column = [float(v) for v in values[:, j]]
        assert mean[j] == pytest.approx(statistics.fmean(column), rel=1e-13)
        assert half[j] == pytest.approx(1.96 * statistics.stdev(column) / 50 ** 0.5, rel=1e-12)
    with pytest.raises(ValueError, match="at least 2 values"):
        interval([1.0])


def test_the_95_percent_interval_covers_the_true_mean_about_95_percent_of_the_time():
    # 2000 evaluations of 600 skewed per-task errors (exponential, true mean 1). The
    # coverage count is Binomial(2000, 0.95): sd 0.0049, so [0.93, 0.97] is +-4 sd and
    # a correct interval fails this with probability about 6e-5 (and never, at this seed).
    draws = np.random.default_rng(1).exponential(1.0, size=(600, 2000))
    mean, half = interval(draws)
    coverage = np.mean(np.abs(mean - 1.0) <= half)
    assert 0.93 <= coverage <= 0.97
    assert Z95 == 1.96


def test_evaluate_reports_each_steps_mean_and_interval_over_the_held_out_tasks():
    family = Sinusoid()
    result = evaluate(QueryEnergy(), {}, family, n_tasks=30, n_support=5, n_query=40,
                      n_steps=3, seed=7, chunk_size=8)
    tasks = held_out_tasks(family, 30, 5, 40, seed=7)
    energy = np.mean(tasks.y_query ** 2, axis=(1, 2))
    np.testing.assert_allclose(result.per_task, energy[:, None] * [1, 2, 3, 4], rtol=1e-15)
    np.testing.assert_allclose(result.mean, energy.mean() * np.arange(1, 5), rtol=1e-13)
    np.testing.assert_allclose(result.half_width,
                               1.96 * energy.std(ddof=1) / np.sqrt(30) * np.arange(1, 5),
                               rtol=1e-12)
    assert (result.n_tasks, result.metric_name, result.seed) == (30, "MSE", 7)
    # The sinusoid's mean energy E[A^2]/2 with A ~ U[0.1, 5] is about 4.2: a real draw.
    assert 2.5 < result.mean[0] < 6.0


def test_task_i_is_the_same_whatever_the_number_of_tasks_or_the_chunk_size():
    family = GaussianClusters()
    few, many = held_out_tasks(family, 4, 5, 10, 3), held_out_tasks(family, 9, 5, 10, 3)
    for a, b in zip(few, many):
        np.testing.assert_array_equal(a, b[:4])
    np.testing.assert_array_equal(held_out_tasks(family, 2, 5, 10, 3, start=5).x_query,
                                  many.x_query[5:7])
    # ...and not one of the training tasks of the same seed.
    trained_on = family.sample(step_rng(3, 0), 1, 5, 10)
    assert not np.array_equal(trained_on.x_query, few.x_query[:1])
    assert not np.array_equal(task_rng(3, 0).random(3), task_rng(4, 0).random(3))


def test_chunking_changes_memory_not_the_answer():
    strategy = make_strategy("maml", "sinusoid", model=MLP((1, 16, 16, 1)))
    state = strategy.init_state(np.random.default_rng(0))
    whole = evaluate(strategy, state, strategy.family, n_tasks=20, n_steps=3, chunk_size=20)
    chunked = evaluate(strategy, state, strategy.family, n_tasks=20, n_steps=3, chunk_size=6)
    np.testing.assert_allclose(chunked.per_task, whole.per_task, rtol=1e-12)


def test_a_maml_trained_start_improves_with_adaptation_on_new_tasks():
    # 300 meta-steps of MAML, then 200 held-out sinusoids: 10 SGD steps on 10 support
    # points lower the query MSE, and the paired 95% interval of the drop excludes 0.
    strategy = make_strategy("maml", "sinusoid")
    state = train(strategy, 300, seed=0)
    result = evaluate(strategy, state, strategy.family, n_tasks=200, n_steps=10)
    drop_mean, drop_half = interval(result.per_task[:, 0] - result.per_task[:, 10])
    assert drop_mean - drop_half > 0.3
    assert result.mean[10] < 0.8 * result.mean[0]


def test_a_diverging_fine_tune_is_an_error_not_a_nan_in_the_table():
    class Diverges(QueryEnergy):
        def prediction(self, batch, k):
            pred = super().prediction(batch, k)
            if k >= 2:
                pred[1] = np.inf
            return pred
    with pytest.raises(FloatingPointError, match="non-finite MSE on 1 of 5 held-out tasks "
                                                 r"\(first after 2 adaptation steps\)"):
        evaluate(Diverges(), {}, Sinusoid(), n_tasks=5, n_steps=3)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="n_tasks must be an integer >= 2, got 1"):
        evaluate(QueryEnergy(), {}, Sinusoid(), n_tasks=1)
    with pytest.raises(ValueError, match="n_steps must be an integer >= 0, got -1"):
        evaluate(QueryEnergy(), {}, Sinusoid(), n_tasks=5, n_steps=-1)


def test_format_interval_gives_the_mean_to_two_digits_of_its_half_width():
    assert format_interval(0.51234, 0.04123) == "0.512 ± 0.041"
    assert format_interval(3.1234, 0.2) == "3.12 ± 0.20"
    assert format_interval(123.4, 31.0) == "123 ± 31"
    assert format_interval(1.03e66, 2.0e66) == "1.03e+66 ± 2e+66"
    # A mean that overflowed the interval (one task diverged) is no interval: refused by name;
    # a table's cell for it (format_result) stays short.
    with pytest.raises(ValueError, match="half_width must hold finite numbers, got inf"):
        format_interval(5.8e171, np.inf)
    assert format_result(5.8e171, np.inf) == "5.8e+171 ± inf"
    assert format_result(0.51234, 0.04123) == "0.512 ± 0.041"


def test_format_table_aligns_its_columns():
    table = format_table([{"strategy": "maml", "MSE": "0.51 ± 0.04", "time (s)": 1.5},
                          {"strategy": "closed_form", "MSE": "0.4 ± 0.1", "time (s)": 12.25}])
    assert table.splitlines() == [
        "strategy             MSE  time (s)",
        "-----------  -----------  --------",
        "maml         0.51 ± 0.04     1.500",
        "closed_form    0.4 ± 0.1    12.250",
    ]
    assert format_table([]) == ""


# --- divergence kept as data, and test-time settings chosen on validation tasks ----------

class DivergesOnTask1(QueryEnergy):
    """QueryEnergy whose held-out task 1 goes to inf from step 2 on (a diverging fine-tune).

    Task 1 is recognised by its first query input, so it diverges whether it is
    adapted in a chunk or alone.
    """

    marker = held_out_tasks(Sinusoid(), 1, 10, 100, start=1).x_query[0, 0, 0]

    def prediction(self, batch, k):
        pred = super().prediction(batch, k)
        if k >= 2:
            pred[batch.x_query[:, 0, 0] == self.marker] = np.inf
        return pred


def test_recorded_divergence_keeps_the_task_with_inf_and_reports_median_and_fraction():
    good = evaluate(QueryEnergy(), {}, Sinusoid(), n_tasks=5, n_steps=3)
    kept = evaluate(DivergesOnTask1(), {}, Sinusoid(), n_tasks=5, n_steps=3, chunk_size=5,
                    on_divergence="record")
    np.testing.assert_array_equal(kept.diverged, [0, 0, 0.2, 0.2])        # 1 of 5 from step 2
    np.testing.assert_array_equal(kept.per_task[[0, 2, 3, 4]], good.per_task[[0, 2, 3, 4]])
    np.testing.assert_array_equal(kept.per_task[1, :2], good.per_task[1, :2])
    assert np.all(np.isinf(kept.per_task[1, 2:]))
    assert np.all(np.isinf(kept.mean[2:])) and np.all(np.isfinite(kept.mean[:2]))
    np.testing.assert_allclose(kept.median, np.median(kept.per_task, axis=0))
    np.testing.assert_allclose(good.median, np.median(good.per_task, axis=0))
    assert np.all(good.diverged == 0)


def test_a_real_sgd_divergence_is_recorded_from_the_step_it_happens():
    # Scratch fine-tuning at lr 50 overflows on every task within a few steps: each task
    # is inf from the step its parameters stop being finite, never a traceback or NaN.
    strategy = make_strategy("scratch", "sinusoid", inner_lr=50.0)
    state = strategy.init_state(np.random.default_rng(0))
    result = evaluate(strategy, state, strategy.family, n_tasks=4, n_steps=40, chunk_size=4,
                      on_divergence="record")
    assert result.diverged[0] == 0 and result.diverged[-1] == 1
    assert np.all(np.diff(result.diverged) >= 0)
    assert not np.any(np.isnan(result.per_task))


def test_on_divergence_is_checked():
    with pytest.raises(ValueError, match="on_divergence must be one of"):
        evaluate(QueryEnergy(), {}, Sinusoid(), n_tasks=5, on_divergence="ignore")


def test_with_test_time_changes_only_the_named_field():
    strategy = make_strategy("maml", "sinusoid")
    copy = with_test_time(strategy, inner_lr=0.03)
    assert copy.config.inner_lr == 0.03 and strategy.config.inner_lr == 0.01
    assert copy.model is strategy.model and copy.family is strategy.family
    assert {k: v for k, v in vars(copy.config).items() if k != "inner_lr"} == \
        {k: v for k, v in vars(strategy.config).items() if k != "inner_lr"}


def test_select_test_time_picks_the_best_validation_pair_and_never_a_diverging_step_size():
    # From scratch on sinusoids: lr 50 diverges, so it must never be chosen; the chosen
    # (lr, steps) must be the argmin of the validation table it returns, and scoring the
    # same pair independently on the validation tasks must give the same number.
    strategy = make_strategy("scratch", "sinusoid")
    state = strategy.init_state(np.random.default_rng(0))
    choice = select_test_time(strategy, state, strategy.family, candidates=(0.003, 0.02, 50.0),
                              max_steps=6, n_tasks=20)
    assert choice.inner_lr != 50.0 and np.isinf(choice.validation[2, -1])
    i = choice.candidates.index(choice.inner_lr)
    assert choice.validation[i, choice.n_steps] == np.min(choice.validation)
    again = evaluate(with_test_time(strategy, inner_lr=choice.inner_lr), state,
                     strategy.family, n_tasks=20, n_steps=6, seed=VALIDATION_SEED)
    np.testing.assert_allclose(again.mean, choice.validation[i])


def test_select_test_time_refuses_the_test_seed_and_bad_candidates():
    strategy = make_strategy("scratch", "sinusoid")
    state = strategy.init_state(np.random.default_rng(0))
    with pytest.raises(ValueError, match="must not be the test tasks' seed 22"):
        select_test_time(strategy, state, strategy.family, candidates=(0.01,), seed=22)
    with pytest.raises(ValueError, match="candidates must be positive step sizes"):
        select_test_time(strategy, state, strategy.family, candidates=(0.01, -1.0))
    with pytest.raises(ValueError, match="candidates must be positive step sizes"):
        select_test_time(strategy, state, strategy.family, candidates=())


class AbsoluteError(Sinusoid):
    """A user's family: Sinusoid's tasks, scored by the mean absolute error."""

    def metric(self, pred, y):
        return np.mean(np.abs(np.asarray(pred) - np.asarray(y)), axis=(-2, -1))


class BrokenMetric(Sinusoid):
    """A user's family whose metric gives NaN for every task, whatever it is given."""

    def metric(self, pred, y):
        return np.full(np.shape(y)[:-2], np.nan)


@pytest.mark.parametrize("on_divergence", ["raise", "record"])
def test_evaluate_scores_with_the_metric_of_the_family_it_is_given(on_divergence):
    # QueryEnergy was built with a plain Sinusoid; the family given scores the tasks.
    result = evaluate(QueryEnergy(), {}, AbsoluteError(), n_tasks=6, n_support=5, n_query=20,
                      n_steps=2, seed=3, on_divergence=on_divergence)
    tasks = held_out_tasks(Sinusoid(), 6, 5, 20, seed=3)
    mae = np.mean(np.abs(tasks.y_query), axis=(1, 2))           # |y (1 + sqrt(k+1)) - y|
    np.testing.assert_allclose(result.per_task, mae[:, None] * np.sqrt([1, 2, 3]), rtol=1e-13)


def test_a_metric_that_is_not_finite_on_finite_inputs_is_named_before_any_adaptation():
    with pytest.raises(ValueError, match=r"BrokenMetric\.metric gave nan for 2 of 2 tasks, "
                                         r"scoring a finite prediction"):
        evaluate(QueryEnergy(), {}, BrokenMetric(), n_tasks=2, n_support=5, n_query=5,
                 n_steps=1)
