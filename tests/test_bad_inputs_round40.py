"""Round 40 of issue 11 (fixes made with sight of the fifty-sixth battery): a named pipe
where a checkpoint or an Omniglot archive is meant is refused at once, where reading it
would have waited forever (the battery's written-but-not-kept cases)."""

import os

import pytest

from scratchmeta.datasets.omniglot import load
from scratchmeta.meta.checkpoint import load_checkpoint, save_checkpoint

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture
def pipe(tmp_path):
    path = tmp_path / "run.npz"
    os.mkfifo(path)
    return path


def test_loading_a_checkpoint_from_a_named_pipe_is_refused_at_once(pipe):
    with pytest.raises(ValueError, match=r"must be a regular file path, .*named pipe"):
        load_checkpoint(str(pipe))


def test_saving_a_checkpoint_into_a_named_pipe_is_refused_at_once(pipe):
    with pytest.raises(ValueError, match=r"named pipe"):
        save_checkpoint(str(pipe), {"params": []}, step=0, seed=0, config={}, meta_losses=[])


def test_an_omniglot_archive_that_is_a_named_pipe_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "images_background.zip")
    with pytest.raises(ValueError, match=r"images_background.zip' must be .*named pipe"):
        load(root=tmp_path, progress=False)
