"""Checkpoints of the first edition (format 1) load, evaluate and resume as they were.

The files in tests/data/first_edition were written by the first edition's own
code (its README says how). Loading one translates its flat state and old
names; the evaluation must give that code's numbers, and resuming a step-6
file to step 8 must give the first edition's own step-8 file. (Bit for bit with
the engine of that commit; the engine's later changes move a few entries by one
ulp, so the comparison allows 1e-12.)
"""

import json
import pathlib
import shutil

import numpy as np
import pytest

from scratchmeta.meta.evaluate import evaluate
from scratchmeta.meta.registry import strategy_from_config
from scratchmeta.meta.training import flatten, load_checkpoint, train

DATA = pathlib.Path(__file__).parent / "data" / "first_edition"
NAMES = ["maml", "closed_form", "multitask"]


@pytest.mark.parametrize("name", NAMES)
def test_a_first_edition_checkpoint_evaluates_to_that_codes_numbers(name):
    ckpt = load_checkpoint(DATA / f"{name}_step6.npz")
    strategy = strategy_from_config(ckpt.config)
    result = evaluate(strategy, ckpt.state, strategy.family, n_tasks=5, n_steps=2, n_query=20)
    want = json.loads((DATA / "evaluation_step6.json").read_text())[name]
    np.testing.assert_allclose(result.mean, want, rtol=1e-12)


@pytest.mark.parametrize("name", NAMES)
def test_resuming_a_first_edition_run_continues_it_bit_for_bit(name, tmp_path):
    path = tmp_path / "run.npz"
    shutil.copy(DATA / f"{name}_step6.npz", path)
    strategy = strategy_from_config(load_checkpoint(path).config)
    resumed = flatten(train(strategy, 8, seed=1, checkpoint=path, resume=True))
    theirs = load_checkpoint(DATA / f"{name}_step8.npz")
    want = flatten(theirs.state)
    assert sorted(resumed) == sorted(want)
    for key in want:
        np.testing.assert_allclose(resumed[key], want[key], rtol=1e-12, atol=1e-15,
                                   err_msg=key)
    np.testing.assert_allclose(load_checkpoint(path).meta_losses, theirs.meta_losses,
                               rtol=1e-12)
