"""Rounds 29-32 of issue 11 (fixes made with sight of the forty-fourth to forty-seventh
batteries), tested directly for the cases that were written but not kept."""

import ctypes

import numpy as np
import pytest

from scratchmeta.datasets.checks import check_positive_numbers
from scratchmeta.figures import style
from scratchmeta.meta.checkpoint import save_checkpoint


def test_style_check_numbers_checks_its_shape_first():
    with pytest.raises(TypeError, match=r"check_numbers: shape must be a tuple of ints .*slice"):
        style.check_numbers("x", np.ones(3), shape=slice(0, 2))


def test_check_positive_numbers_checks_its_count():
    with pytest.raises(TypeError, match=r"check_positive_numbers: n must be an int .*poly1d"):
        check_positive_numbers("widths", [1.0, 2.0], np.poly1d([1, 2]), "widths")


@pytest.mark.parametrize("losses, message", [
    ([ctypes.c_double(1.0)], r"meta_losses must be numbers, one loss per completed step"),
    (ctypes.c_double(1.0), r"meta_losses must hold one loss .*got a c_double shape \(\)"),
])
def test_save_names_meta_losses_numpy_reads_oddly(tmp_path, losses, message):
    with pytest.raises((TypeError, ValueError), match=message):
        save_checkpoint(str(tmp_path / "x.npz"), {"params": [np.ones(2)]}, step=1, seed=0,
                        config={}, meta_losses=losses)
    assert not (tmp_path / "x.npz").exists()
