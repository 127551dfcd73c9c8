"""A third battery of bad inputs (issue 11's goal, measured once more on new corners).

``tests/test_bad_inputs_cli.py`` and ``tests/test_bad_inputs_wider.py`` hold the first two
batteries. The cases here are of the same kinds but in corners those two (and
``test_autodiff_errors.py``, ``test_checks.py``) leave alone: the strategies' library API
(``make_strategy``/``make_family`` with bad hyperparameters, families and models),
``evaluate``/``select_test_time``/``train`` with bad arguments, ``nn.MLP``, ``optim`` and
``batchnorm`` with bad shapes and sizes, the task families' ``sample``, the samplers with
odd inputs, the testing kit's calculators and known densities, and a few command lines
(``compare`` counts, ``figures --only`` names). The classification is the first
battery's (clear, unclear, silent, data loss; see there), ``figures`` with the stub of
the second.

Measured against the code as it was before the fixes that came with this file, 121
cases: 68 clear (56.2%), 30 unclear, 23 silent, 0 data loss. By area (clear/unclear/
silent/data loss): command line 8/2/0/0 of 10 (``compare`` refused a count or size only
after the first strategy had trained), figures 6/0/1/0 of 7, strategies and families
2/5/13/0 of 20, evaluate and train 11/8/1/0 of 20, nn/optim/batchnorm 3/10/6/0 of 19,
task families 5/3/0/0 of 8, samplers 22/1/0/0 of 23, testing kit 11/1/2/0 of 14. All
121 are clear after the fixes. Two cases first written were dropped as conflicting with
documented, tested behaviour: ``train(..., resume=True)`` of a missing file raises
FileNotFoundError (``test_training.py`` pins it), and ``testing.assert_labels_match``
fails with AssertionError on a label outside 0..N-1 (its docstring's exact check: the
sampler under test is wrong, not the call).
``python tests/test_bad_inputs_third.py`` prints the rates now.
"""

import numpy as np
import pytest
from scipy import stats

from scratchmeta import testing
from scratchmeta.testing import densities
from scratchmeta.batchnorm import batch_norm
from scratchmeta.meta.evaluate import evaluate, select_test_time
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, ess_bulk,
                                  grid_inverse_cdf, metropolis, metropolis_transition_matrix,
                                  split_rhat)
from scratchmeta.tasks import LinearRegression, Sinusoid

from test_bad_inputs_cli import (_a_file, _good, _train, classify_call, classify_cli,
                                 report_by_area)
from test_bad_inputs_wider import classify_figures


# --- objects the cases use -------------------------------------------------------------------

def _rng():
    return np.random.default_rng(0)


_MADE = {}


def _maml():
    """A small MAML strategy and its initial state (made once)."""
    if "maml" not in _MADE:
        strategy = make_strategy("maml", meta_batch=2)
        _MADE["maml"] = strategy, strategy.init_state(_rng())
    return _MADE["maml"]


def _evaluate(**kwargs):
    strategy, state = _maml()
    kwargs = {"n_tasks": 2, "n_support": 5, "n_query": 5, "n_steps": 1, **kwargs}
    family = kwargs.pop("family", Sinusoid())
    return evaluate(strategy, kwargs.pop("state", state), family, **kwargs)


def _select(**kwargs):
    strategy, state = _maml()
    kwargs = {"candidates": [0.01], "max_steps": 1, "n_tasks": 2, "n_support": 5,
              "n_query": 5, **kwargs}
    return select_test_time(strategy, state, Sinusoid(), **kwargs)


def _net():
    model = MLP((1, 4, 1))
    return model, model.init(_rng())


def _adam(**kwargs):
    model, params = _net()
    grads = [np.ones_like(p) for p in params]
    kwargs = {"lr": 1e-3, **kwargs}
    return adam_update(params, kwargs.pop("grads", grads), kwargs.pop("state", adam_init(params)),
                       **kwargs)


H = np.arange(12.0).reshape(4, 3)


def _log_density(x):
    return -0.5 * np.sum(x * x, axis=1)


def _metropolis(**kwargs):
    kwargs = {"log_density": _log_density, "x0": np.zeros((2, 1)), "n_steps": 20,
              "rng": _rng(), **kwargs}
    return metropolis(**kwargs)


# --- library calls: (id, call(folder), mentions) ---------------------------------------------

STRATEGY_CASES = [
    ("make_strategy family an int", lambda d: make_strategy("maml", family=3), ["family", "3"]),
    ("make_strategy family None", lambda d: make_strategy("maml", family=None),
     ["family", "None"]),
    ("make_strategy name None", lambda d: make_strategy(None), ["None"]),
    ("make_strategy model of other inputs", lambda d: make_strategy("maml", model=MLP((2, 8, 1))),
     ["model", "2", "1"]),
    ("make_strategy model of other outputs", lambda d: make_strategy(
        "maml", "clusters", model=MLP((8, 16, 3))), ["model", "3", "5"]),
    ("make_strategy clusters n_support 7", lambda d: make_strategy("maml", "clusters",
                                                                   n_support=7),
     ["n_support", "7", "n_way=5"]),
    ("make_family clusters n_way text", lambda d: make_family("clusters", n_way="5"),
     ["n_way", "'5'"]),
    ("make_family clusters n_way 2.5", lambda d: make_family("clusters", n_way=2.5),
     ["n_way", "2.5"]),
    ("make_family clusters dim 0", lambda d: make_family("clusters", dim=0), ["dim", "0"]),
    ("make_family clusters spread NaN", lambda d: make_family("clusters", spread=np.nan),
     ["spread", "nan"]),
    ("make_family sinusoid amplitude reversed", lambda d: make_family(
        "sinusoid", amplitude=(5.0, 0.1)), ["amplitude", "(5.0, 0.1)"]),
    ("make_family sinusoid amplitude a number", lambda d: make_family("sinusoid", amplitude=5.0),
     ["amplitude", "5.0"]),
    ("make_family sinusoid x_range infinite", lambda d: make_family(
        "sinusoid", x_range=(-np.inf, 5.0)), ["x_range", "inf"]),
    ("make_family linear scale negative", lambda d: make_family("linear", scale=-1.0),
     ["scale", "-1.0"]),
    ("make_family linear noise NaN", lambda d: make_family("linear", noise=np.nan),
     ["noise", "nan"]),
    ("make_family linear mean of three", lambda d: make_family("linear", mean=(1.0, 2.0, 3.0)),
     ["mean", "(1.0, 2.0, 3.0)"]),
    ("make_family unknown keyword", lambda d: make_family("sinusoid", amplitudes=(1, 2)),
     ["amplitudes"]),
    ("frequency a number", lambda d: SinusoidFrequency(frequency=0.5), ["frequency", "0.5"]),
    ("frequency infinite", lambda d: SinusoidFrequency(frequency=(0.5, np.inf)),
     ["frequency", "inf"]),
    ("frequency text", lambda d: SinusoidFrequency(frequency=(0.5, "fast")),
     ["frequency", "'fast'"]),
]

EVALUATE_CASES = [
    ("evaluate n_query 0", lambda d: _evaluate(n_query=0), ["n_query", "0"]),
    ("evaluate n_support 0", lambda d: _evaluate(n_support=0), ["n_support", "0"]),
    ("evaluate family a name", lambda d: _evaluate(family="sinusoid"), ["family", "'sinusoid'"]),
    ("evaluate family of other inputs", lambda d: _evaluate(family=GaussianClusters()),
     ["family", "clusters"]),
    ("evaluate state None", lambda d: _evaluate(state=None), ["state", "None"]),
    ("evaluate seed negative", lambda d: _evaluate(seed=-1), ["seed", "-1"]),
    ("evaluate seed fractional", lambda d: _evaluate(seed=1.5), ["seed", "1.5"]),
    ("evaluate on_divergence None", lambda d: _evaluate(on_divergence=None),
     ["on_divergence", "None"]),
    ("select candidates a number", lambda d: _select(candidates=0.1), ["candidates", "0.1"]),
    ("select candidates text", lambda d: _select(candidates=["fast"]),
     ["candidates", "'fast'"]),
    ("select candidates bool", lambda d: _select(candidates=[True]), ["candidates", "True"]),
    ("select n_tasks 1", lambda d: _select(n_tasks=1), ["n_tasks", "1"]),
    ("select max_steps 1.5", lambda d: _select(max_steps=1.5), ["max_steps", "1.5"]),
    ("train checkpoint .npy", lambda d: train(make_strategy("maml"), 1, 0,
                                              checkpoint=d / "run.npy"), ["checkpoint", ".npz"]),
    ("train checkpoint bytes", lambda d: train(make_strategy("maml"), 1, 0,
                                               checkpoint=b"run.npz"), ["checkpoint", "b'run.npz'"]),
    ("train checkpoint_every True", lambda d: train(make_strategy("maml"), 1, 0,
                                                    checkpoint_every=True),
     ["checkpoint_every", "True"]),
    ("train log_every 0", lambda d: train(make_strategy("maml"), 1, 0, log_every=0),
     ["log_every", "0"]),
    ("train n_steps negative", lambda d: train(make_strategy("maml"), -3, 0), ["n_steps", "-3"]),
    ("train seed a function", lambda d: train(make_strategy("maml"), 1, np.random.default_rng),
     ["seed"]),
    ("train resume text", lambda d: train(make_strategy("maml"), 1, 0, checkpoint=d / "r.npz",
                                          resume="yes"), ["resume", "'yes'"]),
]

NN_CASES = [
    ("MLP sizes an int", lambda d: MLP(5), ["sizes", "5"]),
    ("MLP sizes text", lambda d: MLP("1,40,1"), ["sizes", "'1,40,1'"]),
    ("MLP a bool width", lambda d: MLP((1, True, 1)), ["sizes", "True"]),
    ("MLP activation None", lambda d: MLP((1, 4, 1), activation=None), ["activation", "None"]),
    ("MLP init an int rng", lambda d: MLP((1, 4, 1)).init(0), ["rng", "0"]),
    ("MLP apply x of other features", lambda d: _net()[0].apply(_net()[1], np.ones((5, 3))),
     ["x", "(5, 3)", "1"]),
    ("MLP apply too few params", lambda d: _net()[0].apply(_net()[1][:3], np.ones((5, 1))),
     ["params", "expected", "got 3"]),
    ("adam lr negative", lambda d: _adam(lr=-1e-3), ["lr", "-0.001"]),
    ("adam lr NaN", lambda d: _adam(lr=np.nan), ["lr", "nan"]),
    ("adam beta1 one", lambda d: _adam(beta1=1.0), ["beta1", "1.0"]),
    ("adam eps zero", lambda d: _adam(eps=0.0), ["eps", "0.0"]),
    ("adam state empty", lambda d: _adam(state={}), ["state"]),
    ("adam grads of other shapes", lambda d: _adam(grads=[np.ones(2)] * 4), ["grads", "(2,)"]),
    ("adam grads too few", lambda d: _adam(grads=[np.ones((1, 4))]), ["grads", "1", "4"]),
    ("adam_rows row out of range", lambda d: adam_rows(
        [np.zeros((3, 2))], {"t": np.zeros(3, int), "m": [np.zeros((3, 2))],
                             "v": [np.zeros((3, 2))]}, [np.ones(2)], [5], 1e-3),
     ["rows", "5", "3"]),
    ("batch_norm eps infinite", lambda d: batch_norm(H, eps=np.inf), ["eps", "inf"]),
    ("batch_norm eps text", lambda d: batch_norm(H, eps="1e-3"), ["eps", "'1e-3'"]),
    ("batch_norm eps True", lambda d: batch_norm(H, eps=True), ["eps", "True"]),
    ("batch_norm scale of other width", lambda d: batch_norm(H, scale=np.ones(4)),
     ["scale", "(4,)", "(3,)"]),
]

TASK_CASES = [
    ("sample n_query negative", lambda d: Sinusoid().sample(_rng(), 2, 5, -1), ["n_query", "-1"]),
    ("sample n_tasks bool", lambda d: Sinusoid().sample(_rng(), True, 5, 5), ["n_tasks", "True"]),
    ("sample huge n_tasks", lambda d: Sinusoid().sample(_rng(), 10 ** 13, 5, 5),
     ["n_tasks", "memory"]),
    ("sample n_support text", lambda d: LinearRegression().sample(_rng(), 2, "5", 5),
     ["n_support", "'5'"]),
    ("clusters sample n_query 7", lambda d: GaussianClusters().sample(_rng(), 2, 5, 7),
     ["n_query", "7", "n_way=5"]),
    ("clusters sample rng None", lambda d: GaussianClusters().sample(None, 2, 5, 5),
     ["rng", "None"]),
    ("clusters batch of other classes", lambda d: GaussianClusters().make_batch(
        _rng(), np.zeros((2, 3, 8)), 5, 5), ["task_params", "(2, 3, 8)", "(tasks, 5, 8)"]),
    ("frequency sample n_tasks float", lambda d: SinusoidFrequency().sample(_rng(), 2.0, 5, 5),
     ["n_tasks", "2.0"]),
]

SAMPLER_CASES = [
    ("discrete empty", lambda d: DiscreteInverseCDF([]), ["p", "empty"]),
    ("discrete 2-D table", lambda d: DiscreteInverseCDF([[0.5, 0.5], [0.5, 0.5]]),
     ["p", "(2, 2)"]),
    ("discrete an infinite entry", lambda d: DiscreteInverseCDF([0.5, np.inf]), ["p", "inf"]),
    ("discrete strings", lambda d: DiscreteInverseCDF(["0.5", "0.5"]), ["p"]),
    ("discrete rvs size negative", lambda d: DiscreteInverseCDF([0.5, 0.5]).rvs(
        -1, random_state=0), ["size", "-1"]),
    ("discrete ppf 2-D uniforms above 1", lambda d: DiscreteInverseCDF([0.5, 0.5]).ppf(
        [[0.2, 1.5]]), ["u", "1.5"]),
    ("grid infinite bound", lambda d: grid_inverse_cdf(np.ones_like, 0.0, np.inf), ["inf", "finite"]),
    ("grid bounds reversed", lambda d: grid_inverse_cdf(np.ones_like, 1.0, 0.0),
     ["(1.0, 0.0)"]),
    ("grid pdf not callable", lambda d: grid_inverse_cdf("pdf", 0.0, 1.0), ["pdf", "str"]),
    ("grid negative density", lambda d: grid_inverse_cdf(lambda x: -np.ones_like(x), 0.0, 1.0),
     ["density", "negative"]),
    ("grid n 1", lambda d: grid_inverse_cdf(np.ones_like, 0.0, 1.0, 1), ["n", "1"]),
    ("from_ppf not callable", lambda d: ContinuousInverseCDF.from_ppf("ppf"), ["ppf", "str"]),
    ("from_density domain reversed", lambda d: ContinuousInverseCDF.from_density(
        np.ones_like, (1.0, 0.0)), ["domain", "(1.0, 0.0)"]),
    ("from_density zero density", lambda d: ContinuousInverseCDF.from_density(
        np.zeros_like, (0.0, 1.0)), ["density", "zero"]),
    ("from_density not callable", lambda d: ContinuousInverseCDF.from_density(
        None, (0.0, 1.0)), ["pdf", "None"]),
    ("metropolis log_density not callable", lambda d: _metropolis(log_density="normal"),
     ["log_density", "str"]),
    ("metropolis x0 infinite", lambda d: _metropolis(x0=np.array([[0.0], [np.inf]])),
     ["x0", "inf"]),
    ("metropolis step_size negative", lambda d: _metropolis(step_size=-1.0),
     ["step_size", "-1.0"]),
    ("metropolis n_warmup negative", lambda d: _metropolis(n_warmup=-1), ["n_warmup", "-1"]),
    ("metropolis rng an int", lambda d: _metropolis(rng=0), ["rng", "int"]),
    ("split_rhat empty", lambda d: split_rhat(np.zeros((2, 0))), ["draws", "(2, 0)"]),
    ("ess_bulk NaN draws", lambda d: ess_bulk(np.array([[0.0, 1.0, np.nan, 2.0] * 4] * 2)),
     ["draws", "NaN"]),
    ("transition matrix of other size", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], np.full((3, 3), 1 / 3)), ["Q", "(3, 3)", "2"]),
]

TESTING_CASES = [
    ("ks_distance empty", lambda d: testing.ks_distance([], stats.norm.cdf), ["samples", "empty"]),
    ("two_sample_distance empty y", lambda d: testing.two_sample_distance([1.0, 2.0], []),
     ["y", "empty"]),
    ("chi_square_pvalue 2-D p", lambda d: testing.chi_square_pvalue([10, 10], [[0.5, 0.5]]),
     ["p", "1-D", "[[0.5, 0.5]]"]),
    ("chi_square_pvalue nothing", lambda d: testing.chi_square_pvalue([], []), ["p", "[]"]),
    ("monotone empty u", lambda d: testing.assert_monotone(np.sort, []), ["u", "empty"]),
    ("same_distribution NaN draw", lambda d: testing.assert_same_distribution(
        [1.0, np.nan, 3.0], [1.0, 2.0, 3.0]), ["x", "NaN"]),
    ("dkw n 0", lambda d: testing.dkw_epsilon(0), ["n", "0"]),
    ("chi_square_power n 0", lambda d: testing.chi_square_power([0.5, 0.5], [0.4, 0.6], 0),
     ["n", "0"]),
    ("cdf_matches cdf a name", lambda d: testing.assert_cdf_matches([0.1, 0.2], "norm"),
     ["cdf", "str"]),
    ("normal_mixture lengths differ", lambda d: densities.normal_mixture([0.5, 0.5], [0.0, 1.0],
                                                                       [1.0]),
     ["scales", "1", "2"]),
    ("normal_mixture weights zero", lambda d: densities.normal_mixture([0.0, 0.0], [0.0, 1.0],
                                                                     [1.0, 1.0]),
     ["weights", "0.0"]),
    ("steps lengths differ", lambda d: densities.steps([0.0, 1.0, 2.0], [1.0]),
     ["heights", "1", "2"]),
    ("uniform bounds reversed", lambda d: densities.uniform(1.0, 0.0), ["lo", "1.0", "hi", "0.0"]),
    ("inverts cdf a name", lambda d: testing.assert_inverts(np.sort, "cdf", [0.5], 1e-3),
     ["cdf", "str"]),
]

LIBRARY_GROUPS = {"strategies": STRATEGY_CASES, "evaluate and train": EVALUATE_CASES,
                  "nn, optim, batchnorm": NN_CASES, "task families": TASK_CASES,
                  "samplers": SAMPLER_CASES, "testing kit": TESTING_CASES}


# --- the command line: (id, argv(folder), mentions) -------------------------------------------

SMALL_COMPARE = ["compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--adapt-steps",
                 "1", "--strategies", "maml"]


def _compare(*extra):
    return lambda d: SMALL_COMPARE + list(extra)

CLI_CASES = [
    ("clusters n-support 7", _train("--family", "clusters", "--n-support", "7"),
     ["n_support", "7", "n_way=5"]),
    ("lam inf", lambda d: ["train", "--steps", "2", "--strategy", "closed_form", "--lam", "inf",
                           "--out", str(d / "r.npz")], ["--lam", "inf"]),
    ("set given twice by --set", _train("--set", "inner_lr=0.1", "--set", "inner_lr=0.2"),
     ["inner_lr", "twice"]),
    ("set inner_lr underflows to 0", _train("--set", "inner_lr=1e-400"), ["inner_lr", "0"]),
    ("out a .npz under a .npz file", lambda d: ["train", "--steps", "2", "--out",
                                                str(_good(d) / "x.npz")], ["good.npz", "file"]),
    ("eval steps fractional", lambda d: ["evaluate", "--checkpoint", str(_good(d)), "--tasks",
                                         "4", "--steps", "2.5"], ["--steps", "'2.5'"]),
    ("eval checkpoint .npy name", lambda d: ["evaluate", "--checkpoint", str(d / "good.npy")],
     ["good.npy"]),
    ("compare clusters support 7", _compare("--family", "clusters", "--support", "7"),
     ["support", "7", "n_way=5"]),
    ("compare tasks huge", _compare("--tasks", str(10 ** 13)), ["memory", "iB"]),
    ("compare adapt-steps word", _compare("--adapt-steps", "ten"), ["--adapt-steps", "'ten'"]),
]

FIGURE_CASES = [
    ("figures only upper-case", lambda d: ["figures", "--quick", "--only", "FIG22_1"],
     ["FIG22_1"]),
    ("figures only a file name", lambda d: ["figures", "--quick", "--only", "fig22_1.png"],
     ["fig22_1.png"]),
    ("figures only given twice", lambda d: ["figures", "--quick", "--only", "fig22_1",
                                            "fig22_1"], ["fig22_1", "twice"]),
    ("figures steps 0", lambda d: ["figures", "--quick", "--only", "compare", "--steps", "0"],
     ["--steps"]),
    ("figures tasks 1", lambda d: ["figures", "--quick", "--only", "compare", "--tasks", "1"],
     ["--tasks"]),
    ("figures unknown strategy", lambda d: ["figures", "--quick", "--only", "compare",
                                            "--strategies", "nope"], ["--strategies"]),
    ("figures out a .png file name", lambda d: ["figures", "--quick", "--only", "fig22_1",
                                                "--out", str(_a_file(d).with_suffix(".png"))
                                                if _a_file(d).with_suffix(".png").write_text("x")
                                                else None], ["--out", "is a file"]),
]


# --- running and classifying ---------------------------------------------------------------

def _classify(group, case, folder):
    name, make, mentions = case
    if group == "cli":
        return classify_cli(make(folder), mentions, folder)
    if group == "figures":
        return classify_figures(make(folder), mentions, folder)
    return classify_call(make, mentions, folder)


GROUPS = {"cli": CLI_CASES, "figures": FIGURE_CASES, **LIBRARY_GROUPS}
ALL = [(g, c) for g, cases in GROUPS.items() for c in cases]


@pytest.mark.parametrize("group, case", ALL, ids=[f"{g}: {c[0]}" for g, c in ALL])
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if group == "cli":
        _good(folder)                            # a checkpoint that must survive every case
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_third_battery_is_wide_and_new():
    assert len(ALL) >= 60
    names = [c[0] for _, c in ALL]
    assert len(names) == len(set(names))


def main():
    """Run every case and print the rates by area (``python tests/test_bad_inputs_third.py``)."""
    report_by_area(GROUPS, _classify)


if __name__ == "__main__":
    main()
