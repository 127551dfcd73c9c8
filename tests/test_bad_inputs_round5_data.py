"""Round 5 (task families, Omniglot, the figures library and command): each bad input is one
ValueError or TypeError naming the argument (and a scalar's value) before any work starts.

The figure modules are stubbed as in ``test_bad_inputs_wider.classify_figures``: nothing is
drawn. Omniglot's families use a small array of fake drawings, so no data is read or fetched.
"""

import argparse
import os

import numpy as np
import pytest

from scratchmeta import figures
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot import OmniglotImages, Part
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.figures import style
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.tasks import LinearRegression, Sinusoid
from test_bad_inputs_wider import classify_figures

FAKE = OmniglotImages(np.random.default_rng(5).random((30, 20, 28, 28)).astype(np.float32),
                      np.array([f"A{i // 5}" for i in range(30)]),
                      np.array([f"character{i % 5:02d}" for i in range(30)]), 20)
# a Part whose address is a local file that does not exist: a check that failed to fire
# would give a ConnectionError here, never a download
NOWHERE = Part("images_background", "file:///nonexistent/images_background.zip", 1, "0" * 32,
               1, "0" * 64)


def _rng():
    return np.random.default_rng(0)


def _omniglot():
    return Omniglot(5, data=FAKE, n_train=15, n_validation=6)


def _family(**methods):
    """A user's family: Sinusoid with some methods replaced."""
    return type("UserFamily", (Sinusoid,), methods)()


def _sinusoid_target(self, task_params, x):
    return Sinusoid.target(self, task_params, x)


FAMILIES = [Sinusoid(), LinearRegression(), SinusoidFrequency(), GaussianClusters(), _omniglot()]

CASES = [
    # sample_params draws at least one task, as sample does
    *[(f"{type(f).__name__} sample_params n_tasks 0", lambda f=f: f.sample_params(_rng(), 0),
       ValueError, ["n_tasks", "0"]) for f in FAMILIES],
    ("sinusoid x_range of one point", lambda: Sinusoid(x_range=(2.0, 2.0)), ValueError,
     ["x_range"]),
    ("frequency family x_range of one point", lambda: SinusoidFrequency(x_range=(1, 1)),
     ValueError, ["x_range"]),
    # a user's family whose methods return NaN, inf or the wrong shape
    ("a target returning NaN", lambda: _family(
        target=lambda self, p, x: _sinusoid_target(self, p, x) * np.nan).sample(_rng(), 2, 5, 5),
     ValueError, ["UserFamily.target", "20 NaN or inf"]),
    ("a target returning inf", lambda: _family(
        target=lambda self, p, x: _sinusoid_target(self, p, x) + np.inf).sample(_rng(), 2, 5, 5),
     ValueError, ["UserFamily.target", "NaN or inf"]),
    ("sample_x returning NaN", lambda: _family(
        sample_x=lambda self, rng, p, n: np.full((len(p), n, 1), np.nan)).sample(_rng(), 2, 5, 5),
     ValueError, ["UserFamily.target", "x", "20 NaN or inf"]),
    ("sample_x dropping the input axis", lambda: _family(
        sample_x=lambda self, rng, p, n: np.zeros((len(p), n))).sample(_rng(), 2, 5, 5),
     ValueError, ["UserFamily.sample_x", "(2, 10)"]),
    ("sample_params returning NaN", lambda: _family(
        sample_params=lambda self, rng, n: np.full((n, 2), np.nan)).sample(_rng(), 2, 5, 5),
     ValueError, ["UserFamily.make_batch", "task_params", "finite"]),
    # make_batch's task_params a scalar or None
    ("sinusoid make_batch task_params None", lambda: Sinusoid().make_batch(_rng(), None, 5, 5),
     TypeError, ["task_params", "None"]),
    ("omniglot make_batch task_params None", lambda: _omniglot().make_batch(_rng(), None, 5, 5),
     TypeError, ["task_params", "None"]),
    ("omniglot make_batch task_params 3", lambda: _omniglot().make_batch(_rng(), 3, 5, 5),
     TypeError, ["task_params", "3"]),
    # a classification family's metric names its own arguments
    ("clusters metric pred None", lambda: GaussianClusters().metric(
        None, np.eye(5)[np.zeros((2, 5), int)]), ValueError, ["pred", "None"]),
    ("omniglot metric y of another shape", lambda: _omniglot().metric(
        np.zeros((2, 5, 5)), np.zeros((2, 5, 4))), ValueError, ["y", "(2, 5, 4)"]),
    # Omniglot's arguments
    ("omniglot split an array", lambda: Omniglot(5, split=np.array(["train", "test"]),
                                                 data=FAKE, n_train=15, n_validation=6),
     ValueError, ["split"]),
    ("omniglot data a word", lambda: Omniglot(5, data="x"), TypeError, ["data", "'x'"]),
    ("finn_split alphabets a 0-d array", lambda: finn_split(np.array("a"), FAKE.characters),
     TypeError, ["alphabets"]),
    ("content_hash of None", lambda: omniglot.content_hash(None), TypeError,
     ["members", "None"]),
    ("content_hash of text", lambda: omniglot.content_hash({"a/b.png": "text"}), TypeError,
     ["members", "'a/b.png'"]),
    ("load parts a 0-d array", lambda: omniglot.load(parts=np.array(1.0), progress=False),
     TypeError, ["parts"]),
    ("fetch part a name", lambda: omniglot.fetch("images_background", "/nonexistent",
                                                 progress=False), TypeError,
     ["part", "'images_background'"]),
    ("fetch progress None", lambda: omniglot.fetch(NOWHERE, "/nonexistent", progress=None),
     TypeError, ["progress", "None"]),
    ("fetch timeout 0", lambda: omniglot.fetch(NOWHERE, "/nonexistent", progress=False,
                                               timeout=0), ValueError, ["timeout", "0"]),
    ("fetch timeout a word", lambda: omniglot.fetch(NOWHERE, "/nonexistent", progress=False,
                                                    timeout="60"), ValueError,
     ["timeout", "'60'"]),
    # figures.style
    ("subplots nrows 0", lambda: style.subplots(nrows=0), ValueError, ["nrows", "0"]),
    ("subplots ncols 2.5", lambda: style.subplots(ncols=2.5), ValueError, ["ncols", "2.5"]),
    ("subplots size None", lambda: style.subplots(size=None), TypeError, ["size", "None"]),
    ("subplots size of a zero width", lambda: style.subplots(size=(0, 4)), ValueError,
     ["size", "(0, 4)"]),
    ("save fig None", lambda: style.save(None, "/nonexistent", "x"), TypeError,
     ["fig", "None"]),
    ("save out_dir None", lambda: style.save(style.subplots()[0], None, "x"), TypeError,
     ["out_dir", "None"]),
    # figures
    ("check_only holds a number", lambda: figures.check_only([3]), ValueError, ["only", "3"]),
    ("main argv a number", lambda: figures.main(3), TypeError, ["argv", "3"]),
    ("main argv holding None", lambda: figures.main(["--quick", None]), TypeError,
     ["argv", "None"]),
    ("add_arguments parser None", lambda: figures.add_arguments(None), TypeError,
     ["parser", "None"]),
    ("run_all progress taking no argument", lambda: figures.run_all(
        "/nonexistent/figs", quick=True, only=["fig22_1"], progress=lambda: None), TypeError,
     ["run_all", "progress"]),
]


class _Stub:
    """A figure module that makes nothing and counts its calls."""

    calls = 0

    @classmethod
    def make(cls, out_dir, *, quick=False, seed=0):
        cls.calls += 1
        return {"files": []}


@pytest.fixture
def stubbed(monkeypatch):
    _Stub.calls = 0
    monkeypatch.setattr(figures, "_load", lambda module: _Stub)
    yield
    import matplotlib.pyplot as plt
    plt.close("all")


@pytest.mark.parametrize("call, error, mentions", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_bad_input_is_one_error_naming_the_argument(call, error, mentions, stubbed):
    with np.errstate(all="raise"), pytest.raises(error) as caught:
        call()
    for mention in mentions:
        assert mention in str(caught.value), (mention, str(caught.value))
    assert _Stub.calls == 0


def test_a_run_all_progress_taking_no_argument_is_named_before_any_figure(tmp_path, stubbed):
    with pytest.raises(TypeError, match=r"run_all: progress \(.*\) raised TypeError when "
                                        r"called with 1"):
        figures.run_all(tmp_path / "figs", quick=True, only=["fig22_1"], progress=lambda: None)
    assert _Stub.calls == 0
    lines = []
    figures.run_all(tmp_path / "figs", quick=True, only=["fig22_1", "fig22_2"],
                    progress=lines.append)
    assert _Stub.calls == 2 and lines[0] == "[1/2] fig22_1: making (quick) ..."


def test_check_out_dir_refuses_a_symlink_loop_and_a_dangling_link(tmp_path):
    loop, dangling = tmp_path / "loopdir", tmp_path / "dangling"
    os.symlink(loop, loop)
    os.symlink(tmp_path / "nothing", dangling)
    for path, where in ((loop, "is a symbolic link"), (loop / "sub", "lies under"),
                        (dangling, "is a symbolic link")):
        with pytest.raises(ValueError, match=f"--out '.*' {where}.*leads to no folder"):
            figures.check_out_dir(path, "--out")
    assert figures.check_out_dir(tmp_path / "new" / "figs") == tmp_path / "new" / "figs"


@pytest.mark.parametrize("argv, mentions", [
    (["--only", "-fig22_1"], ["--only", "'-fig22_1'", "--only fig22_1"]),
    (["--only", "fig22_2", "-compare"], ["--only", "'-compare'"]),
    (["--only"], ["only", "--only", "at least one stem"]),
    (["--only", "fig22_1", "--out", "LOOP"], ["--out", "loopdir", "symbolic link"]),
    (["--only", "fig22_1", "--out", "LOOP/sub"], ["--out", "loopdir", "lies under"]),
])
def test_the_figures_command_names_the_option_before_any_figure(argv, mentions, tmp_path):
    loop = tmp_path / "loopdir"
    os.symlink(loop, loop)
    argv = ["figures", "--quick"] + [a.replace("LOOP", str(loop)) for a in argv]
    kind, detail = classify_figures(argv, mentions, tmp_path)
    assert kind == "clear", detail


def test_the_figures_parser_still_takes_stems_and_hides_the_dashed_ones():
    parser = argparse.ArgumentParser()
    figures.add_arguments(parser)
    args = parser.parse_args(["--only", "fig22_1", "compare", "--out", "x", "--quick"])
    assert args.only == ["fig22_1", "compare"] and args.out == "x" and args.quick
    assert parser.parse_args([]).only is None
    assert "-fig22_1" not in parser.format_help()


def test_valid_edges_stay_valid():
    """Documented as valid: a query set of 0 points (check_counts: "n_query may be 0"; the
    pretrained baseline draws support sets only), one-point amplitude and phase ranges."""
    assert Sinusoid().sample(_rng(), 2, 5, 0).x_query.shape == (2, 0, 1)
    assert _omniglot().sample(_rng(), 2, 5, 0).x_query.shape == (2, 0, 784)
    assert Sinusoid(amplitude=(1.0, 1.0), phase=(0.0, 0.0)).sample(_rng(), 1, 3, 3)
    assert len(Sinusoid().sample_params(_rng(), 1)) == 1
