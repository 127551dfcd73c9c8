"""Bad inputs to the task families' losses, the registry, evaluation, checkpoints, training
and the command line: each is one clear ValueError or TypeError naming the argument (as
spelled in the signature, or the CLI option) and, for a scalar, the value given.

Found by the generated sweep (``tests/sweep_bad_inputs_meta_data.py``) and by an audit of
every public function of these modules beyond it. Paths: the empty path, a folder and a
path through a regular file are bad input (ValueError naming the path's argument); a path
that merely does not exist is a FileNotFoundError (``load_checkpoint``'s "no checkpoint").
NaN or inf in data (targets, values to summarise) is refused by name; a model's
prediction that diverged is still scored by ``family.metric`` (inf), as ``evaluate``
records it.
"""

import numpy as np
import pytest

from scratchmeta import cli
from scratchmeta.meta import checkpoint, evaluate, registry, training
from scratchmeta.meta.checks import check_path
from scratchmeta.tasks import Sinusoid, accuracy, cross_entropy, mse

MAML = "scratchmeta.meta.maml.MAML"      # a registered strategy class, as a record names it
NAN = float("nan")
INF = float("inf")


def _maml():
    return registry.make_strategy("maml", meta_batch=2, n_support=3, n_query=3)


def _onehot(n=3):
    return np.eye(n)[np.arange(6) % n].reshape(2, 3, n)


def _nan_at_0(a):
    a = np.array(a, dtype=float)
    a.flat[0] = NAN
    return a


def _file(folder):
    path = folder / "afile"
    path.write_text("x")
    return path


def _good_checkpoint(folder):
    path = folder / "good.npz"
    training.train(_maml(), 1, 0, checkpoint=path)
    return path


def _save(path):
    checkpoint.save_checkpoint(path, {"w": np.ones(2)}, step=0, seed=0, config={},
                               meta_losses=[])


def _exclusive(path):
    with checkpoint.exclusive(path):
        pass


ONES, ZEROS = np.ones((2, 3, 1)), np.zeros((2, 3, 1))

# (id, call(folder), mentions): the call must raise ValueError/TypeError naming them all
LIBRARY = [
    # losses: NaN or inf in the targets (data; a prediction is a model's output, see below)
    ("mse y NaN", lambda d: mse(ONES, _nan_at_0(ZEROS)), ["mse", "y", "1 NaN or inf"]),
    ("mse y inf", lambda d: mse(ONES, ZEROS + INF), ["mse", "y", "6 NaN or inf"]),
    ("cross_entropy y_onehot NaN", lambda d: cross_entropy(_onehot(), _nan_at_0(_onehot())),
     ["cross_entropy", "y_onehot"]),
    ("accuracy y_onehot inf", lambda d: accuracy(_onehot(), np.where(_onehot() > 0, INF, 0.0)),
     ["accuracy", "y_onehot"]),
    ("metric y NaN", lambda d: Sinusoid().metric(ONES, _nan_at_0(ZEROS)), ["y"]),
    # the registry: names and records
    ("make_family unknown", lambda d: registry.make_family("nope"), ["name", "'nope'"]),
    ("make_family a number", lambda d: registry.make_family(3), ["name", "3"]),
    ("make_family None", lambda d: registry.make_family(None), ["name", "None"]),
    ("make_strategy unknown", lambda d: registry.make_strategy("nope"), ["name", "'nope'"]),
    ("make_strategy a number", lambda d: registry.make_strategy(3), ["name", "3"]),
    ("make_strategy unknown family", lambda d: registry.make_strategy("maml", "nope"),
     ["family", "'nope'"]),
    ("default_model unknown family", lambda d: registry.default_model("nope"),
     ["family", "'nope'"]),
    ("omniglot download a word", lambda d: registry.make_family("omniglot", download="yes"),
     ["download", "'yes'"]),
    ("omniglot root empty", lambda d: registry.make_family("omniglot", root=""), ["root", "''"]),
    ("omniglot root a file", lambda d: registry.make_family("omniglot", root=_file(d)),
     ["root", "afile"]),
    ("record model a word", lambda d: registry.strategy_from_config(
        {"class": MAML, "hyperparameters": {}, "model": "m", "family": {}}), ["model", "'m'"]),
    ("record family without arguments", lambda d: registry.strategy_from_config(
        {"class": MAML, "hyperparameters": {}, "model": {"class": "MLP", "arguments": {}},
         "family": {"name": "sinusoid"}}), ["family", "arguments"]),
    # evaluation
    ("held_out_tasks n_query 0", lambda d: evaluate.held_out_tasks(Sinusoid(), 2, 3, 0),
     ["n_query", "0"]),
    ("held_out_tasks n_support 0", lambda d: evaluate.held_out_tasks(Sinusoid(), 2, 0, 3),
     ["n_support", "0"]),
    ("interval NaN", lambda d: evaluate.interval(_nan_at_0(np.arange(5.0))),
     ["values", "1 NaN or inf"]),
    ("interval inf", lambda d: evaluate.interval(np.array([1.0, INF, 2.0])), ["values"]),
    ("interval axis a bool", lambda d: evaluate.interval(np.ones((3, 2)), axis=True),
     ["axis", "True"]),
    ("format_interval mean NaN", lambda d: evaluate.format_interval(NAN, 0.1), ["mean", "nan"]),
    ("format_interval mean inf", lambda d: evaluate.format_interval(INF, 0.1), ["mean", "inf"]),
    ("format_interval half_width NaN", lambda d: evaluate.format_interval(0.5, NAN),
     ["half_width", "nan"]),
    ("format_interval half_width inf", lambda d: evaluate.format_interval(0.5, INF),
     ["half_width", "inf"]),
    ("format_interval half_width negative", lambda d: evaluate.format_interval(0.5, -0.1),
     ["half_width", "-0.1"]),
    ("format_interval mean an array", lambda d: evaluate.format_interval(np.ones(2), 0.1),
     ["mean"]),
    ("format_result a word", lambda d: evaluate.format_result("0.5", 0.1), ["mean", "'0.5'"]),
    ("recorded_curve n_steps -1", lambda d: evaluate.recorded_curve(
        _maml(), _maml().init_state(np.random.default_rng(0)),
        Sinusoid().sample(np.random.default_rng(0), 2, 3, 3), -1), ["n_steps", "-1"]),
    ("recorded_curve batch None", lambda d: evaluate.recorded_curve(
        _maml(), _maml().init_state(np.random.default_rng(0)), None, 1), ["batch", "None"]),
    ("select_test_time seed a word", lambda d: evaluate.select_test_time(
        _maml(), {}, Sinusoid(), candidates=[0.1], seed="3"), ["seed", "'3'"]),
    # checkpoints: '', a folder, a path through a file
    ("save path empty", lambda d: _save(""), ["path", "''"]),
    ("save path a folder", lambda d: _save(d), ["path", "folder"]),
    ("save path through a file", lambda d: _save(_file(d) / "x.npz"), ["path", "afile"]),
    ("save path None", lambda d: _save(None), ["path", "None"]),
    ("load path empty", lambda d: checkpoint.load_checkpoint(""), ["path", "''"]),
    ("load path a folder", lambda d: checkpoint.load_checkpoint(d), ["path", "folder"]),
    ("load path through a file", lambda d: checkpoint.load_checkpoint(_file(d) / "x.npz"),
     ["path", "afile"]),
    ("load path a number", lambda d: checkpoint.load_checkpoint(3), ["path", "3"]),
    ("restore path empty", lambda d: checkpoint.restore(""), ["path", "''"]),
    ("restore path through a file", lambda d: checkpoint.restore(_file(d) / "x.npz"),
     ["path", "afile"]),
    ("restore root empty", lambda d: checkpoint.restore(_good_checkpoint(d), root=""),
     ["root", "good.npz"]),
    ("exclusive path empty", lambda d: _exclusive(""), ["path", "''"]),
    ("exclusive path through a file", lambda d: _exclusive(_file(d) / "x.npz"),
     ["path", "afile"]),
    ("unflatten a number key", lambda d: checkpoint.unflatten({1: np.ones(2)}), ["flat"]),
    ("unflatten strict a word", lambda d: checkpoint.unflatten({"a": np.ones(2)}, strict="no"),
     ["strict", "'no'"]),
    ("check_state_entries a list", lambda d: checkpoint.check_state_entries(
        {"w": [1.0]}, {}, 0, "x.npz", saving=True), ["flat"]),
    ("check_state a word for the strategy", lambda d: checkpoint.check_state({}, "maml"),
     ["strategy", "'maml'"]),
    ("check_state state None", lambda d: checkpoint.check_state(None, _maml()),
     ["state", "None"]),
    # training
    ("init_rng seed -1", lambda d: training.init_rng(-1), ["seed", "-1"]),
    ("check_same_run ckpt None", lambda d: training.check_same_run(None, _maml(), 0),
     ["ckpt", "None"]),
    ("check_same_run seed a word", lambda d: training.check_same_run(
        checkpoint.load_checkpoint(_good_checkpoint(d)), _maml(), "0"), ["seed", "'0'"]),
    ("batch_floats a word", lambda d: training.batch_floats("maml"), ["strategy", "'maml'"]),
    ("batch_floats n_tasks 0", lambda d: training.batch_floats(_maml(), 0), ["n_tasks", "0"]),
    ("check_run a word", lambda d: training.check_run("maml", 1), ["strategy", "'maml'"]),
    ("check_run n_steps -1", lambda d: training.check_run(_maml(), -1), ["n_steps", "-1"]),
    ("train a word", lambda d: training.train("maml", 1, 0), ["strategy", "'maml'"]),
    # the validator itself
    ("check_path a file for a folder", lambda d: check_path("root", _file(d), folder=True),
     ["root", "afile", "folder"]),
    ("check_path bytes", lambda d: check_path("out", b"x.npz"), ["out", "b'x.npz'"]),
]


@pytest.mark.parametrize("call, mentions", [c[1:] for c in LIBRARY], ids=[c[0] for c in LIBRARY])
def test_a_bad_argument_is_named_with_its_value(call, mentions, tmp_path):
    with np.errstate(all="raise"), pytest.raises((ValueError, TypeError)) as info:
        call(tmp_path)
    missing = [m for m in mentions if m not in str(info.value)]
    assert not missing, f"{info.value!r} does not name {missing}"


def _cli(capsys, argv):
    try:
        code = cli.main(argv)
    except SystemExit as e:          # argparse's own errors (a flag's type) exit here
        code = e.code
    err = capsys.readouterr().err.strip().splitlines()
    return code, err


CLI = [
    ("train inner-steps past int64", lambda d: ["train", "--inner-steps", "3" * 30],
     ["--inner-steps", "3" * 30]),
    ("train steps past int64", lambda d: ["train", "--steps", str(2 ** 63)],
     ["--steps", str(2 ** 63)]),
    ("train set inner_steps past int64",
     lambda d: ["train", "--set", "inner_steps=" + "3" * 30, "--out", str(d / "a.npz")],
     ["inner_steps", "3" * 30]),
    ("train root empty", lambda d: ["train", "--root", "", "--out", str(d / "a.npz")],
     ["--root", "''"]),
    ("train root missing", lambda d: ["train", "--family", "omniglot", "--root",
                                      str(d / "nowhere"), "--out", str(d / "a.npz")],
     ["--root", "nowhere"]),
    ("train root a file", lambda d: ["train", "--family", "omniglot", "--root", str(_file(d)),
                                     "--out", str(d / "a.npz")], ["--root", "afile"]),
    ("evaluate steps past int64", lambda d: ["evaluate", "--checkpoint", "x.npz", "--steps",
                                             "3" * 30], ["--steps", "3" * 30]),
    ("evaluate checkpoint empty", lambda d: ["evaluate", "--checkpoint", ""],
     ["--checkpoint", "''"]),
    ("evaluate checkpoint a folder", lambda d: ["evaluate", "--checkpoint", str(d)],
     ["--checkpoint", "folder"]),
    ("evaluate checkpoint through a file",
     lambda d: ["evaluate", "--checkpoint", str(_file(d) / "x.npz")], ["--checkpoint", "afile"]),
    ("evaluate checkpoint missing", lambda d: ["evaluate", "--checkpoint", str(d / "no.npz")],
     ["--checkpoint", "no.npz"]),
    ("evaluate root empty", lambda d: ["evaluate", "--checkpoint", str(_good_checkpoint(d)),
                                       "--root", ""], ["--root", "''"]),
]


@pytest.mark.parametrize("argv, mentions", [c[1:] for c in CLI], ids=[c[0] for c in CLI])
def test_a_bad_option_is_one_error_line_naming_it(argv, mentions, tmp_path, capsys):
    code, err = _cli(capsys, argv(tmp_path))
    assert code == 2 and len(err) == 1 and err[0].startswith("error: "), err
    missing = [m for m in mentions if m not in err[0]]
    assert not missing, f"{err[0]!r} does not name {missing}"


def test_a_missing_checkpoint_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="no checkpoint at"):
        checkpoint.load_checkpoint(tmp_path / "absent.npz")


def test_a_diverged_prediction_is_still_scored_and_tabled():
    # a prediction that overflowed is scored inf (evaluate records it as divergence) ...
    assert Sinusoid().metric(ONES + INF, ZEROS).tolist() == [INF, INF]
    assert mse(ONES + INF, ZEROS).tolist() == [INF, INF]
    # ... and a table's cell for a diverged evaluation stays short
    assert evaluate.format_result(INF, NAN) == "inf ± nan"
    assert evaluate.format_result(0.51234, 0.04123) == evaluate.format_interval(0.51234, 0.04123)


def test_interval_still_summarises_finite_values_over_an_axis():
    mean, half = evaluate.interval(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 9.0]]))
    assert mean.tolist() == [3.0, 5.0] and half.shape == (2,)
