"""Bad inputs of the data side, found by the eighth and ninth batteries and now refused.

Each case is one call that must raise ValueError or TypeError before any work, and whose
message names the argument (and the value given, where that is a number or a name):
damaged checkpoint entries (text meta-losses, a seed past int64, a JSON number as the
record of changes), a state leaf that is a set, a subcommand written as a flag, a damaged
decoded Omniglot cache with no archives beside it, a dict of candidate step sizes, a table
row missing a column, the families' ``sample_x`` and ``target`` given a bad count or inputs
of the wrong shape, a user family whose ``sample_params`` ignores ``n_tasks``, Omniglot
drawings with a NaN pixel, a NUL byte in a folder path and a progress stream that is a
number. Every case is fast (the one checkpoint is a two-step MAML run, made once).
"""

import contextlib
import io
import warnings

import numpy as np
import pytest

from scratchmeta import cli
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.datasets.progress import Progress
from scratchmeta.meta import compare
from scratchmeta.meta.checkpoint import flatten, load_checkpoint
from scratchmeta.meta.evaluate import format_table, select_test_time
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import SinusoidFrequency
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch

RNG = np.random.default_rng(0)
PARAMS = Sinusoid().sample_params(np.random.default_rng(1), 2)        # (2, 2): A, phi
BIG = 2 ** 64 - 1                                                      # past int64


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A valid two-step MAML checkpoint, and the folder it is in."""
    folder = tmp_path_factory.mktemp("round2")
    train(make_strategy("maml", meta_batch=2), 2, seed=0, checkpoint=folder / "good.npz")
    return folder / "good.npz"


def _damaged(good, name, key, value):
    """A copy of the good checkpoint with entry ``key`` replaced by ``value``."""
    with np.load(good, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    arrays[key] = value
    path = good.parent / f"{name}.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


# --- checkpoints: (id, key, value, error, mentions) ------------------------------------------

DAMAGED = [
    ("meta-losses text", "meta/meta_losses", np.array(["1.0", "2.0"]), ValueError,
     ["meta/meta_losses", "text", "meta-losses"]),
    ("meta-losses bytes", "meta/meta_losses", np.array([b"a", b"b"]), ValueError,
     ["meta/meta_losses", "bytes"]),
    ("meta-losses too many", "meta/meta_losses", np.ones(5), ValueError,
     ["step 2", "(5,)", "meta-losses"]),
    ("seed 2**64-1", "meta/seed", np.array(BIG, dtype=np.uint64), ValueError,
     ["meta/seed", str(BIG)]),
    ("step 2**64-1", "meta/step", np.array(BIG, dtype=np.uint64), ValueError,
     ["meta/step", str(BIG)]),
    ("seed negative", "meta/seed", np.array(-1), ValueError, ["meta/seed", "-1"]),
    ("changes a JSON number", "meta/changes", np.array("3"), ValueError,
     ["meta/changes", "3"]),
    ("changes a JSON object", "meta/changes", np.array('{"step": 1}'), ValueError,
     ["meta/changes", "dict"]),
]


@pytest.mark.parametrize("key, value, error, mentions", [c[1:] for c in DAMAGED],
                         ids=[c[0] for c in DAMAGED])
def test_a_damaged_checkpoint_entry_is_named(good, key, value, error, mentions):
    path = _damaged(good, key.replace("/", "_"), key, value)
    with pytest.raises(error) as info:
        load_checkpoint(path)
    for m in mentions:
        assert m in str(info.value), (m, str(info.value))


def test_the_good_checkpoint_still_loads(good):
    ckpt = load_checkpoint(good)
    assert ckpt.step == 2 and ckpt.meta_losses.shape == (2,) and ckpt.changes == ()


def test_evaluate_of_a_checkpoint_with_text_meta_losses_is_one_error_line(good):
    path = _damaged(good, "cli_text", "meta/meta_losses", np.array(["a", "b"]))
    code, err = _run_cli(["evaluate", "--checkpoint", str(path), "--tasks", "4"])
    assert code == 2 and err.startswith("error: ") and len(err.strip().splitlines()) == 1
    assert "meta/meta_losses" in err and "text" in err


# --- library calls: (id, call, error, mentions) ---------------------------------------------

class _ThreeTasks(Sinusoid):
    """A user's family whose sample_params always draws three tasks."""

    def sample_params(self, rng, n_tasks):
        return super().sample_params(rng, 3)


def _nan_drawings():
    images = np.zeros((10, 20, 28, 28), np.float32)
    images[0, 0, 0, 0] = np.nan
    names = np.array([f"a{i // 2}" for i in range(10)])
    return omniglot.OmniglotImages(images, names, np.array([f"c{i}" for i in range(10)]), 6)


def _select(candidates):
    strategy = make_strategy("maml", meta_batch=2)
    return select_test_time(strategy, strategy.init_state(np.random.default_rng(0)), Sinusoid(),
                            candidates=candidates, max_steps=1, n_tasks=2, n_support=5,
                            n_query=5)


CALLS = [
    ("flatten a set leaf", lambda: flatten({"w": {1.0, 2.0}}), TypeError, ["state/w", "set"]),
    ("flatten a None leaf", lambda: flatten({"w": {"x": None}}), TypeError,
     ["state/w/x", "None"]),
    ("flatten a text leaf in a list", lambda: flatten({"w": [1.0, "a"]}), TypeError,
     ["state/w/1", "'a'"]),
    ("select candidates a dict", lambda: _select({0.01: "small"}), TypeError,
     ["candidates", "dict"]),
    ("select candidates a set", lambda: _select({0.01}), TypeError, ["candidates", "set"]),
    ("select candidates a generator", lambda: _select(c for c in [0.01]), TypeError,
     ["candidates", "generator"]),
    ("select candidates 2-D", lambda: _select(np.array([[0.01]])), TypeError,
     ["candidates", "(1, 1)"]),
    ("compare.run strategies a name", lambda: compare.run(
        "sinusoid", {"maml": 1}, strategies="maml", val_tasks=2, test_tasks=2, max_steps=1),
     TypeError, ["strategies", "'maml'"]),
    ("compare.run candidates a dict", lambda: compare.run(
        "sinusoid", {"maml": 1}, strategies=("maml",), candidates={0.01: 1}, val_tasks=2,
        test_tasks=2, max_steps=1), TypeError, ["candidates", "dict"]),
    ("format_table a row missing a key", lambda: format_table([{"a": 1, "b": 2.0}, {"a": 3}]),
     ValueError, ["rows[1]", "'b'"]),
    ("format_table a row with an extra key", lambda: format_table([{"a": 1}, {"a": 3, "b": 2}]),
     ValueError, ["row 1", "'b'"]),
    ("sample_x n_points negative", lambda: Sinusoid().sample_x(RNG, PARAMS, -1), ValueError,
     ["n_points", "-1"]),
    ("sample_x n_points True", lambda: Sinusoid().sample_x(RNG, PARAMS, True), ValueError,
     ["n_points", "True"]),
    ("sample_x n_points a float", lambda: LinearRegression().sample_x(RNG, PARAMS, 2.0),
     ValueError, ["n_points", "2.0"]),
    ("sample_x rng a seed", lambda: Sinusoid().sample_x(0, PARAMS, 5), TypeError,
     ["rng", "0"]),
    ("sample_x task_params a list", lambda: Sinusoid().sample_x(RNG, [[1.0, 0.0]], 5),
     TypeError, ["task_params"]),
    ("target x 2-D", lambda: Sinusoid().target(PARAMS, np.ones((5, 1))), ValueError,
     ["x", "(5, 1)"]),
    ("target x of other tasks", lambda: Sinusoid().target(PARAMS, np.ones((3, 5, 1))),
     ValueError, ["x", "(3, 5, 1)"]),
    ("target x of two inputs", lambda: LinearRegression().target(PARAMS, np.ones((2, 5, 2))),
     ValueError, ["x", "(2, 5, 2)"]),
    ("target x text", lambda: Sinusoid().target(PARAMS, np.full((2, 5, 1), "a")), TypeError,
     ["x", "'a'"]),
    ("target x NaN", lambda: Sinusoid().target(PARAMS, np.full((2, 5, 1), np.nan)), ValueError,
     ["x", "10 NaN or inf"]),
    ("target task_params NaN", lambda: Sinusoid().target(np.full((2, 2), np.nan),
                                                          np.ones((2, 5, 1))),
     ValueError, ["task_params", "4 NaN or inf"]),
    ("target task_params of another family", lambda: SinusoidFrequency().target(
        PARAMS, np.ones((2, 5, 1))), ValueError, ["task_params", "(tasks, 3)", "(2, 2)"]),
    ("linear target task_params 1-D", lambda: LinearRegression().target(
        np.ones(2), np.ones((2, 5, 1))), ValueError, ["task_params", "(2,)"]),
    ("sample_params ignores n_tasks", lambda: _ThreeTasks().sample(RNG, 2, 5, 5), ValueError,
     ["sample_params", "n_tasks=2", "(3, 2)"]),
    ("linear mean of one number", lambda: LinearRegression(mean=(1.0,)), ValueError,
     ["mean", "(1.0,)"]),
    ("linear mean NaN", lambda: LinearRegression(mean=[np.nan, 0.0]), ValueError,
     ["mean", "nan"]),
    ("Omniglot data with a NaN drawing", lambda: Omniglot(5, data=_nan_drawings()), ValueError,
     ["data.images", "1 NaN or inf"]),
    ("Omniglot data not from load", lambda: Omniglot(5, data=np.zeros((10, 20, 28, 28))),
     TypeError, ["data", "ndarray"]),
    ("load cache_dir with a NUL byte", lambda: omniglot.load(
        "/nowhere", cache_dir="/tmp/a\0b", progress=False), ValueError,
     ["cache_dir", "NUL"]),
    ("load root with a NUL byte", lambda: omniglot.load("/tmp/a\0b", progress=False),
     ValueError, ["root", "NUL"]),
    ("load cache_dir a number", lambda: omniglot.load(cache_dir=3, progress=False), TypeError,
     ["cache_dir", "3"]),
    ("fetch folder a number", lambda: omniglot.fetch(omniglot.OFFICIAL[0], 3), TypeError,
     ["folder", "3"]),
    ("Progress stream an int", lambda: Progress("x", 3, stream=2), TypeError,
     ["stream", "2"]),
    ("Progress stream a path", lambda: Progress("x", 3, stream="log.txt"), TypeError,
     ["stream", "'log.txt'"]),
]


@pytest.mark.parametrize("call, error, mentions", [c[1:] for c in CALLS],
                         ids=[c[0] for c in CALLS])
def test_a_bad_data_argument_is_named(call, error, mentions):
    with np.errstate(all="raise"), pytest.raises(error) as info:
        call()
    for m in mentions:
        assert m in str(info.value), (m, str(info.value))


def test_the_families_still_draw_and_score_good_inputs():
    for family, n_params in ((Sinusoid(), 2), (SinusoidFrequency(), 3), (LinearRegression(), 2)):
        batch = family.sample(np.random.default_rng(0), 3, 4, 5)
        assert batch.x_support.shape == (3, 4, 1) and batch.y_query.shape == (3, 5, 1)
        params = family.sample_params(np.random.default_rng(0), 2)
        assert params.shape == (2, n_params)
        assert family.sample_x(np.random.default_rng(0), params, 0).shape == (2, 0, 1)
    x = np.array([[[0.5]], [[1.0]]])
    np.testing.assert_allclose(Sinusoid().target(np.array([[2.0, 0.0], [1.0, 1.0]]), x),
                               [[[2 * np.sin(0.5)]], [[0.0]]], atol=1e-15)


def test_format_table_of_rows_sharing_their_keys_is_unchanged():
    assert format_table([{"a": "x", "b": 2.0}, {"a": "yy", "b": 10}]) == (
        "a       b\n--  -----\nx   2.000\nyy     10")


def test_progress_takes_a_text_stream():
    stream = io.StringIO()
    with Progress("x", 2, stream=stream) as bar:
        bar.advance(2)
    assert "100%" in stream.getvalue()


# --- the command line and the environment ---------------------------------------------------

def _run_cli(argv):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = cli.main(argv)
        except SystemExit as e:
            code = e.code
    return code, err.getvalue()


@pytest.mark.parametrize("argv, flag", [(["--train", "--steps", "2"], "--train"),
                                        (["--evaluate"], "--evaluate"),
                                        (["--seed", "0", "--compare"], "--compare")])
def test_a_subcommand_given_as_a_flag_is_named(argv, flag):
    code, err = _run_cli(argv)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert f"{flag} is not an option" in err and f"python -m scratchmeta {flag[2:]}" in err


def test_a_flag_named_like_a_subcommand_after_it_is_argparse_s_error():
    code, err = _run_cli(["demo", "--train"])
    assert code == 2 and "unrecognized arguments: --train" in err


def test_a_damaged_decoded_cache_without_archives_is_named(tmp_path, monkeypatch):
    folder = tmp_path / "omniglot"
    folder.mkdir()
    name = f"omniglot_28x28_{omniglot._cache_key(omniglot.OFFICIAL)}.npz"
    (folder / name).write_text("not the drawings\n")
    monkeypatch.setenv("SCRATCHMETA_DATA", str(tmp_path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")             # the warning that the cache is ignored
        with pytest.raises(ValueError) as info:
            omniglot.load(progress=False)
    message = str(info.value)
    assert name in message and "SCRATCHMETA_DATA" in message and "damaged" in message
    assert "cannot be read" in message and "download=True" in message


def test_no_cache_and_no_archives_is_still_file_not_found(tmp_path, monkeypatch):
    monkeypatch.setenv("SCRATCHMETA_DATA", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="Omniglot is not here yet"):
        omniglot.load(progress=False)


def test_a_task_batch_is_a_plain_record_checked_by_the_update_that_takes_it():
    """TaskBatch's docstring: "a plain record, checked by update and adapt" (not when built)."""
    strategy = make_strategy("maml", meta_batch=2)
    state = strategy.init_state(np.random.default_rng(0))
    bad = TaskBatch(np.full((2, 5, 1), np.nan), *(np.ones((2, 5, 1)) for _ in range(3)))
    with pytest.raises(ValueError, match=r"batch\.x_support must hold finite numbers, got 10"):
        strategy.update(state, bad, np.random.default_rng(1), 0)
