"""Regression tests for the validators changed for the sixth battery (issue 11), part b.

The battery (``test_bad_inputs_sixth.py``) tests the cases themselves; these pin the general
behaviour behind them: the losses' O(1) dtype check, the testing kit's refusal of bool arrays
and of an empty tally, Omniglot's ``check_shots`` on every count, the CLI's ``train --steps 0``
and the name of ``SCRATCHMETA_DATA`` in the missing-data message.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta import cli, testing
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import check_shots
from scratchmeta.sampling import metropolis_transition_matrix
from scratchmeta.tasks import accuracy, cross_entropy, mse


def test_losses_refuse_a_non_real_dtype_by_the_dtype_alone():
    ones = np.ones((2, 5, 1))
    for loss, names in ((mse, ("pred", "y")), (cross_entropy, ("logits", "y_onehot")),
                        (accuracy, ("logits", "y_onehot"))):
        for dtype, shown in ((object, "object"), (complex, "complex128"), (str, "<U32")):
            with pytest.raises(TypeError, match=f"{names[1]} must be .*{shown}"):
                loss(ones, np.ones((2, 5, 1)).astype(dtype))
            with pytest.raises(TypeError, match=f"{names[0]} must be"):
                loss(np.ones((2, 5, 1)).astype(dtype), ones)
    # real dtypes (bool and integer targets too) and traced values still work
    assert mse(ones, np.ones((2, 5, 1), np.int8)).shape == (2,)
    assert accuracy(ones, np.ones((2, 5, 1), bool)).shape == (2,)
    g = ad.grad(lambda p: ad.sum(mse(p, ones * 2.0)))(ones)
    np.testing.assert_allclose(g, -2.0 / 5.0 * np.ones((2, 5, 1)))


def test_testing_kit_refuses_bool_arrays_as_numbers():
    for call, name in ((lambda: testing.two_sample_distance(np.ones(3), np.ones(3, bool)), "y"),
                       (lambda: testing.ks_distance(np.ones(3, bool), lambda x: x), "samples"),
                       (lambda: testing.chi_square_pvalue([True, False], [0.5, 0.5]), "counts")):
        with pytest.raises(TypeError, match=f"{name}.*bool"):
            call()


def test_chi_square_pvalue_needs_at_least_one_draw():
    with pytest.raises(ValueError, match="counts must hold at least one draw.*0"):
        testing.chi_square_pvalue([0, 0, 0], [0.2, 0.3, 0.5])
    assert 0.0 <= testing.chi_square_pvalue([1, 0], [0.5, 0.5]) <= 1.0


def test_transition_matrix_shows_the_negative_entry():
    with pytest.raises(ValueError, match=r"Q\[0, 1\] = -0\.25"):
        metropolis_transition_matrix([0.5, 0.5], [[1.25, -0.25], [-0.25, 1.25]])


@pytest.mark.parametrize("kwargs, token", [
    ({"n_way": np.float64(5.0)}, "n_way"), ({"n_way": 1}, "n_way"), ({"n_way": True}, "n_way"),
    ({"n_drawings": 0}, "n_drawings"), ({"n_drawings": 20.0}, "n_drawings"),
])
def test_check_shots_checks_n_way_and_n_drawings(kwargs, token):
    arguments = {"n_way": 5, "n_tasks": 2, "n_support": 5, "n_query": 5, **kwargs}
    with pytest.raises(ValueError, match=f"{token} must be an integer"):
        check_shots(**arguments)
    assert check_shots(5, 2, 5, 5) == (1, 1)


def test_cli_train_refuses_zero_steps_before_any_work(tmp_path, capsys):
    out = tmp_path / "run.npz"
    for argv in (["train", "--steps=0", "--out", str(out)],
                 ["train", "--steps", "0", "--out", str(out)]):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("error: --steps") and "got 0" in err[0]
        assert not out.exists()


def test_missing_omniglot_names_where_the_folder_came_from(tmp_path, monkeypatch):
    empty = tmp_path / "data"
    empty.mkdir()
    monkeypatch.setenv("SCRATCHMETA_DATA", str(empty))
    with pytest.raises(FileNotFoundError, match="SCRATCHMETA_DATA"):
        omniglot.load(progress=False)
    with pytest.raises(FileNotFoundError, match="of cache_dir"):
        omniglot.load(cache_dir=empty, progress=False)
