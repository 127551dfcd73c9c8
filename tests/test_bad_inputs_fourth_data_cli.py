"""The fourth battery's cases on task data and the command line, pinned one by one.

``tests/test_bad_inputs_fourth.py`` classifies its cases (clear, unclear, silent, data
loss; see ``test_bad_inputs_cli.py``). The cases here are those of its first draft on the
task families (``scratchmeta/tasks.py``, ``more_tasks.py``), the Omniglot loader and family
(``scratchmeta/datasets/``) and the command line, each pinned to the error it now gives:
a ValueError or TypeError whose message names the argument and the value given, raised
before any work (the shared checks are in ``scratchmeta/datasets/checks.py``); on the
command line, one ``error:`` line and exit 2.
"""

import numpy as np
import pytest

from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.datasets.progress import Progress
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _a_file, _train, classify_cli


def _rng():
    return np.random.default_rng(0)


# --- the families' make_batch: task parameters of the shape sample_params draws -----------

@pytest.mark.parametrize("family, params, shape", [
    (Sinusoid(), np.zeros((2, 3)), r"\(2, 3\)"),
    (SinusoidFrequency(), np.zeros((2, 2)), r"\(2, 2\)"),
    (LinearRegression(), np.zeros((2, 2, 1)), r"\(2, 2, 1\)"),
    (LinearRegression(), np.zeros(2), r"\(2,\)"),
    (Sinusoid(), np.zeros((0, 2)), r"\(0, 2\)"),
    (GaussianClusters(n_way=3, dim=2), np.zeros((2, 3, 4)), r"\(2, 3, 4\)"),
])
def test_make_batch_of_task_params_of_another_shape_names_them(family, params, shape):
    with pytest.raises(ValueError, match=rf"make_batch: task_params must have shape \(tasks, "
                                         rf".*got shape {shape}"):
        family.make_batch(_rng(), params, 5, 5)


def test_make_batch_of_task_params_not_an_array_or_not_numbers():
    with pytest.raises(TypeError, match=r"task_params must be a NumPy array.*got \[\[1.0, 0.0\]\]"):
        Sinusoid().make_batch(_rng(), [[1.0, 0.0]], 5, 5)
    with pytest.raises(TypeError, match="task_params must be real numbers, got dtype <U1"):
        Sinusoid().make_batch(_rng(), np.array([["a", "b"]]), 5, 5)
    with pytest.raises(TypeError, match="make_batch: rng must be a numpy.random.Generator"
                                        ".*got None"):
        Sinusoid().make_batch(None, np.zeros((2, 2)), 5, 5)


def test_make_batch_of_good_task_params_is_unchanged():
    family = Sinusoid()
    params = family.sample_params(_rng(), 3)
    batch = family.make_batch(np.random.default_rng(1), params, 4, 2)
    assert batch.x_support.shape == (3, 4, 1) and batch.y_query.shape == (3, 2, 1)


# --- the losses: prediction and target of one shape -----------------------------------------

def test_mse_of_other_outputs_names_both_shapes():
    with pytest.raises(ValueError, match=r"mse: y must have the shape of pred, \(2, 5, 1\), "
                                         r"got shape \(2, 5, 2\)"):
        mse(np.ones((2, 5, 1)), np.ones((2, 5, 2)))


def test_cross_entropy_of_other_classes_names_both_shapes():
    with pytest.raises(ValueError, match=r"cross_entropy: y_onehot .*\(4, 5\), got shape \(4, 3\)"):
        cross_entropy(np.ones((4, 5)), np.eye(3)[[0] * 4])


def test_accuracy_of_integer_labels_names_y_onehot_and_its_shape():
    with pytest.raises(ValueError, match=r"accuracy: y_onehot must have the shape of logits, "
                                         r"\(2, 4, 3\), got shape \(2, 4\)"):
        accuracy(np.ones((2, 4, 3)), np.zeros((2, 4), int))


def test_a_loss_of_a_vector_names_the_shape_it_expects():
    with pytest.raises(ValueError, match=r"mse: pred must be an array of shape \(\.\.\., points, "
                                         r"outputs\), got \(5,\)"):
        mse(np.ones(5), np.ones(5))


def test_families_have_a_readable_repr():
    assert repr(Sinusoid()) == ("Sinusoid(amplitude=[0.1, 5.0], phase=[0.0, 3.141592653589793], "
                                "x_range=[-5.0, 5.0])")
    assert repr(GaussianClusters(n_way=3)) == "GaussianClusters(n_way=3, dim=8, spread=2.0)"


# --- Omniglot: the split and the progress bar -----------------------------------------------

def test_finn_split_of_lists_of_other_lengths_names_both():
    with pytest.raises(ValueError, match="finn_split: alphabets and characters .*got 10 and 9"):
        finn_split(np.zeros(10, int), np.zeros(9, int), n_train=2, n_validation=2)
    with pytest.raises(TypeError, match="finn_split: alphabets must be a sequence .*got None"):
        finn_split(None, np.zeros(9, int), n_train=2, n_validation=2)


@pytest.mark.parametrize("kwargs, error, message", [
    ({"total": -1}, ValueError, "Progress: total must be an integer >= 0, got -1"),
    ({"total": 2.5}, ValueError, "Progress: total must be an integer >= 0, got 2.5"),
    ({"total": True}, ValueError, "Progress: total must be an integer >= 0, got True"),
    ({"total": 3, "width": 0}, ValueError, "Progress: width must be an integer >= 1, got 0"),
    ({"total": 3, "unit": None}, TypeError, "Progress: unit must be a string, got None"),
])
def test_progress_of_a_bad_total_or_width_names_it(kwargs, error, message):
    with pytest.raises(error, match=message):
        Progress("decoding", **kwargs)


def test_progress_of_zero_total_is_still_allowed():
    assert Progress("decoding", 0, enabled=False).total == 0


def test_scratchmeta_data_a_file_is_named_by_the_loader(tmp_path, monkeypatch):
    monkeypatch.setenv("SCRATCHMETA_DATA", str(_a_file(tmp_path)))
    with pytest.raises(ValueError, match="SCRATCHMETA_DATA must be a folder, got '.*afile'"):
        omniglot.load(progress=False)
    monkeypatch.setenv("SCRATCHMETA_DATA", str(tmp_path / "afile" / "below"))
    with pytest.raises(ValueError, match="SCRATCHMETA_DATA .*inside '.*afile', which is not"):
        omniglot.load(progress=False)
    with pytest.raises(ValueError, match="cache_dir must be a folder, got '.*afile'"):
        omniglot.load(cache_dir=tmp_path / "afile", progress=False)


@pytest.mark.skipif(not REAL_DATA.is_dir(), reason=f"Omniglot archives not found at {REAL_DATA}")
def test_omniglot_make_batch_checks_task_params_with_the_shared_check():
    family = Omniglot(5, "train", data=omniglot.load(str(REAL_DATA), progress=False))
    with pytest.raises(ValueError, match=r"task_params must have shape \(tasks, 5, 2\).*"
                                         r"got shape \(1, 5\)"):
        family.make_batch(_rng(), np.zeros((1, 5), int), 5, 5)
    with pytest.raises(TypeError, match="task_params must be integers, got dtype float64"):
        family.make_batch(_rng(), np.zeros((1, 5, 2)), 5, 5)


# --- the command line -----------------------------------------------------------------------

def test_r2d2_on_sinusoids_names_the_strategy_and_the_family(tmp_path):
    kind, detail = classify_cli(_train("--strategy", "r2d2")(tmp_path),
                                ["--strategy r2d2 --family sinusoid", "Sinusoid(amplitude="],
                                tmp_path)
    assert kind == "clear", detail


def test_scratchmeta_data_a_file_is_one_error_line(tmp_path, monkeypatch):
    monkeypatch.setenv("SCRATCHMETA_DATA", str(_a_file(tmp_path)))
    kind, detail = classify_cli(_train("--family", "omniglot")(tmp_path),
                                ["SCRATCHMETA_DATA", "afile"], tmp_path)
    assert kind == "clear", detail
