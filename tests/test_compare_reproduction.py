"""The reproduction against Finn et al.'s Table 2: their initialisation, and the scored grid."""

import numpy as np

from scratchmeta.batchnorm import finn_init
from scratchmeta.meta import compare_reproduction as repro
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.training import train
from scratchmeta.nn import MLP


def test_finn_init_is_a_truncated_normal_of_sd_0_01_with_zero_biases():
    params = finn_init(np.random.default_rng(0), MLP((1, 400, 400, 1)).sizes)
    weights, biases = params[::2], params[1::2]
    assert [w.shape for w in weights] == [(1, 400), (400, 400), (400, 1)]
    assert all(np.all(b == 0) for b in biases)
    w = weights[1].ravel() / 0.01
    assert np.max(np.abs(w)) <= 2.0                  # truncated at two standard deviations
    # A standard normal truncated at +-2 has standard deviation 0.8796; 160,000 draws
    # give it to about +-0.004 (5 sigma: false-failure rate below 1e-6).
    assert abs(np.std(w) - 0.8796) < 0.004


def test_finn_init_maml_differs_from_the_default_only_in_its_start():
    default = make_strategy("maml")
    finn = repro.FinnInitMAML(default.model, default.family)
    assert finn.config == default.config
    state = finn.init_state(np.random.default_rng(0))
    assert np.all(state["params"][1] == 0) and np.std(state["params"][2]) < 0.01


def test_score_gives_the_table_2_grid_with_median_diverged_and_worse():
    strategy = make_strategy("maml")
    state = train(strategy, 20, seed=0)
    scores = repro.score(strategy, state, n_tasks=6)
    assert sorted(scores) == [5, 10]
    rows = repro.table(scores)
    assert [(r["support points"], r["steps"]) for r in rows] == \
        [(k, n) for k in ("5", "10") for n in ("1", "5", "10")]
    assert [r["Finn et al. Table 2"] for r in rows[:3]] == ["0.67", "0.38", "0.35"]
    for ev in scores.values():
        assert ev.per_task.shape == (6, 11)
        np.testing.assert_allclose(ev.median, np.median(ev.per_task, axis=0))
