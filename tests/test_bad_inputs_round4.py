"""Round 4 of issue 11: bad inputs that three blind batteries wrote but did not keep.

Each case is one call (or command line) that is wrong in one way; each must raise
ValueError or TypeError (exit 2 with one ``error:`` line for the CLI) whose message
names the argument, the entry or the option, and the value given. The harness is
``classify_call`` / ``classify_cli`` of ``test_bad_inputs_cli.py`` (under
``np.errstate(all="raise")``). The last tests pin the inputs decided valid.
"""

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta import figures
from scratchmeta.datasets import omniglot
from scratchmeta.meta import compare
from scratchmeta.meta.checkpoint import check_state, load_checkpoint, unflatten
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.guard import check_step
from scratchmeta.meta.maml import inner_sgd, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.registry import default_model, make_strategy
from scratchmeta.meta.training import check_run, train
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import Sinusoid, cross_entropy, mse

from test_bad_inputs_cli import _damaged, _drop, _good, _set, classify_call, classify_cli

_CACHE = {}


def _once(key, make):
    if key not in _CACHE:
        _CACHE[key] = make()
    return _CACHE[key]


def _rng():
    return np.random.default_rng(0)


def _problem():
    """(model, theta0, a batch of two sinusoid tasks)."""
    def make():
        model = MLP((1, 8, 1))
        return model, model.init(_rng()), Sinusoid().sample(_rng(), 2, 5, 5)
    return _once("problem", make)


def _maml():
    def make():
        s = make_strategy("maml", meta_batch=2)
        return s, s.init_state(_rng())
    return _once("maml", make)


def _multitask():
    def make():
        s = make_strategy("multitask", meta_batch=2, n_train_tasks=10)
        return s, s.init_state(_rng())
    return _once("multitask", make)


def _per_point_loss(pred, y):
    """A user's loss that gives one number per point, (tasks, points), not one per task."""
    d = ad.sub(pred, y)
    return ad.mean(ad.mul(d, d), axis=-1)


class _FlatTargets(Sinusoid):
    """A user's family whose target drops the output axis."""

    def target(self, task_params, x):
        return super().target(task_params, x)[..., 0]


class _PerPointLoss(Sinusoid):
    loss = staticmethod(_per_point_loss)


def _damaged_cache(folder):
    """A SCRATCHMETA_DATA folder whose decoded Omniglot cache is a text file."""
    root = folder / "data"
    (root / "omniglot").mkdir(parents=True, exist_ok=True)
    name = f"omniglot_28x28_{omniglot._cache_key(omniglot.OFFICIAL)}.npz"
    (root / "omniglot" / name).write_text("not the drawings\n")
    return root


# (id, call(folder), mentions)
CASES = [
    # checkpoints: load_checkpoint refuses damage, naming the entry
    ("load meta/strategy empty", lambda d: load_checkpoint(_damaged(d, "stratempty", _set(
        "meta/strategy", np.array("")))), ["meta/strategy", "''"]),
    ("load an extra meta entry", lambda d: load_checkpoint(_damaged(d, "metanotes", _set(
        "meta/notes", np.array("my run")))), ["meta/notes"]),
    ("load adam t a bool", lambda d: load_checkpoint(_damaged(d, "tflag", _set(
        "state/adam/t", np.array(True)))), ["state/adam/t", "bool"]),
    ("load adam t a float", lambda d: load_checkpoint(_damaged(d, "tfloat", _set(
        "state/adam/t", np.array(2.0)))), ["state/adam/t", "float64"]),
    ("load a params entry missing in the middle", lambda d: load_checkpoint(
        _damaged(d, "gap", _drop("state/params/1"))), ["state/params/1"]),
    ("unflatten an empty path segment", lambda d: unflatten({"a//b": np.ones(1)}),
     ["'a//b'"]),
    ("unflatten a trailing slash", lambda d: unflatten({"a/": np.ones(1)}), ["'a/'"]),
    ("check_state NaN parameters", lambda d: check_state(
        {**_maml()[1], "params": [p * np.nan for p in _maml()[1]["params"]]}, _maml()[0]),
     ["state/params/0", "NaN"]),
    # meta functions
    ("meta_gradient_norms Ks a generator", lambda d: meta_gradient_norms(
        _problem()[1], _problem()[2], _problem()[0], (k for k in [1]), [0.01]),
     ["Ks", "generator"]),
    ("meta_gradient_norms inner_lrs a map", lambda d: meta_gradient_norms(
        _problem()[1], _problem()[2], _problem()[0], [1], map(float, [0.01])),
     ["inner_lrs", "map"]),
    ("inner_sgd task_params without a task axis", lambda d: inner_sgd(
        _problem()[1], _problem()[2].x_support, _problem()[2].y_support, _problem()[0].apply,
        inner_lr=0.01, inner_steps=1), ["task_params[0]", "(1, 8)"]),
    ("inner_sgd task_params a dict", lambda d: inner_sgd(
        {"w": 1}, _problem()[2].x_support, _problem()[2].y_support, _problem()[0].apply,
        inner_lr=0.01, inner_steps=1), ["task_params", "{'w': 1}"]),
    ("meta_loss_low_rank model a function", lambda d: meta_loss_low_rank(
        _problem()[1], _problem()[2], _problem()[0].apply, inner_lr=0.01, inner_steps=1),
     ["model"]),
    ("meta_loss_low_rank first_order text", lambda d: meta_loss_low_rank(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, inner_steps=1,
        first_order="no"), ["first_order", "'no'"]),
    ("meta_loss_low_rank params NaN", lambda d: meta_loss_low_rank(
        [p * np.nan for p in _problem()[1]], _problem()[2], _problem()[0], inner_lr=0.01,
        inner_steps=1), ["params[0]", "NaN"]),
    ("meta_loss a user's loss returning NaN", lambda d: meta_loss(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, inner_steps=1,
        loss=lambda p, y: mse(p, y) * np.nan), ["loss", "NaN"]),
    ("check_step max_ratio 0", lambda d: check_step(
        {"params": [np.ones(2)]}, {"params": [np.ones(2)]}, 1.0, step=0,
        advice="lower meta_lr", max_ratio=0), ["max_ratio", "0"]),
    ("check_step max_ratio NaN", lambda d: check_step(
        {"params": [np.ones(2)]}, {"params": [np.ones(2)]}, 1.0, step=0,
        advice="lower meta_lr", max_ratio=np.nan), ["max_ratio", "nan"]),
    # strategies
    ("multitask sample_batch of a MAML state", lambda d: _multitask()[0].sample_batch(
        _rng(), _maml()[1]), ["state", "task_params"]),
    ("multitask sample_batch state None", lambda d: _multitask()[0].sample_batch(_rng(), None),
     ["state", "None"]),
    ("maml meta_grad of the whole state", lambda d: _maml()[0].meta_grad(
        _maml()[1], _problem()[2], _rng()), ["params", "dict", "'adam'"]),
    ("anil meta_grad of the whole state", lambda d: make_strategy("anil", meta_batch=2).meta_grad(
        _maml()[1], _problem()[2], _rng()), ["params", "dict"]),
    ("subset meta_grad params None", lambda d: make_strategy("subset", meta_batch=2).meta_grad(
        None, _problem()[2], _rng()), ["params", "None"]),
    ("default_model family an int", lambda d: default_model(3), ["family", "3"]),
    ("reptile outer_step_size step 1.5", lambda d: make_strategy(
        "reptile", n_steps=10).outer_step_size(1.5), ["step", "1.5"]),
    ("reptile outer_step_size step a bool", lambda d: make_strategy(
        "reptile").outer_step_size(True), ["step", "True"]),
    ("reptile outer_step_size past n_steps", lambda d: make_strategy(
        "reptile", n_steps=10).outer_step_size(10), ["step 10", "n_steps = 10"]),
    # task families and losses
    ("a user family whose target drops the output axis", lambda d: _FlatTargets().sample(
        _rng(), 2, 5, 5), ["_FlatTargets.target", "(2, 10, 1)", "(2, 10)"]),
    ("training on a user family with a per-point loss", lambda d: train(make_strategy(
        "maml", family=_PerPointLoss(), meta_batch=2), 1, 0), ["family.loss", "(1, 1)"]),
    # comparisons and figures
    ("compare.run meta_steps 0", lambda d: compare.run(
        "sinusoid", 0, strategies=("maml",), val_tasks=4, test_tasks=4, max_steps=1),
     ["meta_steps", "0"]),
    ("compare.run newton_head on sinusoids", lambda d: compare.run(
        "sinusoid", {"maml": 1, "newton_head": 1}, strategies=("maml", "newton_head"),
        val_tasks=4, test_tasks=4, max_steps=1), ["NewtonHead", "'sinusoid'"]),
    ("default_out quick a string", lambda d: figures.default_out("yes"), ["quick", "'yes'"]),
]


@pytest.mark.parametrize("call, mentions", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_call_is_a_clear_value_or_type_error(call, mentions, tmp_path):
    kind, detail = classify_call(call, mentions, tmp_path)
    assert kind == "clear", detail


CLI_CASES = [
    ("top-level --version", lambda d: ["--version"], ["--version"]),
    ("top-level option before the subcommand", lambda d: ["--quick", "demo"], ["--quick"]),
    ("compare newton_head on sinusoids", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--strategies",
        "newton_head"], ["--strategies newton_head", "'sinusoid'"]),
]


@pytest.mark.parametrize("argv, mentions", [c[1:] for c in CLI_CASES],
                         ids=[c[0] for c in CLI_CASES])
def test_a_bad_command_line_is_one_clear_error_line(argv, mentions, tmp_path):
    kind, detail = classify_cli(argv(tmp_path), mentions, tmp_path)
    assert kind == "clear", detail


def test_a_damaged_decoded_cache_is_named_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("SCRATCHMETA_DATA", str(_damaged_cache(tmp_path)))
    kind, detail = classify_cli(["train", "--family", "omniglot", "--steps", "1", "--out",
                                 str(tmp_path / "run.npz")], ["omniglot_28x28", "damaged",
                                                              "a text file"], tmp_path)
    assert kind == "clear", detail
    assert "pickle" not in detail


def test_a_good_checkpoint_still_loads(tmp_path):
    ckpt = load_checkpoint(_good(tmp_path))
    assert ckpt.strategy == "MAML" and len(ckpt.state["params"]) == 6


def test_cross_entropy_of_inf_logits_is_nan_not_a_floating_point_error():
    # Decided: logits are a model's result, as mse's predictions; inf logits give NaN.
    y = np.eye(3)[[0, 1, 2, 0]][None]
    with np.errstate(all="raise"):
        out = cross_entropy(np.where(y > 0, np.inf, 0.0), y)
    assert out.shape == (1,) and np.isnan(out).all()
    assert np.allclose(cross_entropy(np.zeros((1, 4, 3)), y), np.log(3))


def test_a_run_of_zero_steps_is_valid():
    # Decided valid: check_run's docstring, "0 is a valid run, which only builds the
    # initial state" (compare.run gives 0 meta-steps to a strategy with nothing to learn).
    check_run(make_strategy("maml"), 0)


def test_inner_sgd_still_takes_per_task_copies():
    model, params, batch = _problem()
    copies = per_task(params, 2)
    theta = inner_sgd(copies, batch.x_support, batch.y_support, model.apply, inner_lr=0.01,
                      inner_steps=1)
    assert [np.shape(p) for p in theta] == [np.shape(p) for p in copies]
