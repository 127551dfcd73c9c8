"""MAML on Omniglot (Chapter 5): the registered family, Finn et al.'s network, the command line.

The wide-input inner loop (meta/maml_low_rank.py) is tested in tests/test_maml_low_rank.py.

Almost everything here runs on a small synthetic dataset in Omniglot's layout;
the command-line test at the end and tests/test_omniglot_reproduction.py use the
real drawings, and skip without them.
"""

import numpy as np
from omniglot_real import REAL_DATA, needs_real_data

from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot import OmniglotImages
from scratchmeta.meta.registry import FAMILIES, default_model, make_family, make_strategy


def _synthetic(n_chars=30, seed=0):
    rng = np.random.default_rng(seed)
    images = (rng.random((n_chars, 20, 28, 28)) < 0.2).astype(np.float32)
    alphabets = np.array([f"Alphabet{c // 5}" for c in range(n_chars)])
    characters = np.array([f"character{c % 5 + 1:02d}" for c in range(n_chars)])
    return OmniglotImages(images, alphabets, characters, n_chars // 2)


DATA = _synthetic()


def _family(**kw):
    return make_family("omniglot", data=DATA, n_train=18, n_validation=6, **kw)


def test_omniglot_is_registered_with_finns_fully_connected_network():
    family = _family(dtype="float32")
    assert FAMILIES["omniglot"] is type(family)
    model = default_model(family)
    assert model.sizes == (784, 256, 128, 64, 64, 5) and model.batch_norm
    assert model.dtype == np.float32 and model.adapted_indices == (0, 2, 4, 6, 8, 9)


def test_a_float32_maml_step_on_omniglot_stays_float32_and_finite():
    strategy = make_strategy("maml", _family(dtype="float32"), inner_lr=2.0, meta_batch=4,
                             n_support=5, n_query=5)
    rng = np.random.default_rng(0)
    state = strategy.init_state(rng)
    for step in range(2):
        state, loss = strategy.update(state, strategy.sample_batch(rng, state), rng, step)
    assert np.isfinite(loss)
    assert all(p.dtype == np.float32 for p in state["params"])


def test_make_family_reads_the_images_once_per_root(monkeypatch, tmp_path):
    calls = []

    def fake_load(root, download=False):
        calls.append(root)
        return DATA
    monkeypatch.setattr(omniglot, "load", fake_load)
    root = str(tmp_path)
    train = make_family("omniglot", root=root, n_train=18, n_validation=6)
    test = make_family("omniglot", root=root, split="test", n_train=18, n_validation=6)
    assert calls == [root] and train.data is test.data


def test_maml_fine_tunes_the_weights_but_not_batch_norms_offsets_at_test_time():
    strategy = make_strategy("maml", _family(split="test"), inner_lr=2.0)
    rng = np.random.default_rng(2)
    state = strategy.init_state(rng)
    state["params"] = [p + 0.1 for p in state["params"]]
    batch = strategy.family.sample(rng, 3, 5, 5)
    path = strategy.adaptation(state, batch)
    theta0, theta2 = next(path), (next(path), next(path))[1]
    moved = [not np.allclose(a, b) for a, b in zip(theta0, theta2)]
    assert moved == [i in strategy.model.adapted_indices for i in range(10)]


# --- the command line: --family omniglot, --dtype, --root, evaluate --split ------------------

def test_omniglot_only_flags_are_refused_for_other_families(tmp_path, capsys):
    from scratchmeta.cli import main
    code = main(["train", "--family", "sinusoid", "--dtype", "float32", "--steps", "1",
                 "--out", str(tmp_path / "s.npz")])
    assert code == 2
    assert "--root, --dtype and --split apply to --family omniglot only" in capsys.readouterr().err


def test_split_is_refused_for_a_checkpoint_of_another_family(tmp_path, capsys):
    from scratchmeta.cli import main
    out = str(tmp_path / "s.npz")
    assert main(["train", "--family", "sinusoid", "--steps", "2", "--out", out]) == 0
    capsys.readouterr()
    assert main(["evaluate", "--checkpoint", out, "--split", "test", "--tasks", "2"]) == 2
    assert "--split applies to omniglot checkpoints" in capsys.readouterr().err


@needs_real_data
def test_train_then_evaluate_on_the_test_characters_in_float32(tmp_path, capsys):
    from scratchmeta.cli import main
    from scratchmeta.meta.training import load_checkpoint
    out = str(tmp_path / "o.npz")
    assert main(["train", "--family", "omniglot", "--root", str(REAL_DATA), "--dtype",
                 "float32", "--inner-lr", "2.0", "--meta-batch", "2", "--n-support", "5",
                 "--n-query", "5", "--steps", "2", "--out", out]) == 0
    ckpt = load_checkpoint(out)
    assert ckpt.state["params"][0].dtype == np.float32
    assert ckpt.config["family"]["arguments"]["dtype"] == "float32"
    capsys.readouterr()
    assert main(["evaluate", "--checkpoint", out, "--split", "test", "--tasks", "4",
                 "--support", "5", "--query", "5", "--steps", "1"]) == 0
    assert "omniglot (test characters)" in capsys.readouterr().out


@needs_real_data
def test_a_run_resumes_and_is_scored_with_its_images_moved_to_another_root(tmp_path, capsys):
    """--root on --resume and evaluate: where the images live is not part of the run."""
    from scratchmeta.cli import main
    from scratchmeta.meta.training import load_checkpoint
    roots = []
    for name in ("first", "moved"):
        roots.append(tmp_path / name)
        roots[-1].mkdir()
        for part in ("images_background.zip", "images_evaluation.zip"):
            (roots[-1] / part).symlink_to(REAL_DATA / part)
    out = str(tmp_path / "o.npz")
    small = ["--meta-batch", "2", "--n-support", "5", "--n-query", "5", "--out", out]
    assert main(["train", "--family", "omniglot", "--root", str(roots[0]), "--dtype",
                 "float32", "--inner-lr", "2.0", "--steps", "2", *small]) == 0
    for part in roots[0].iterdir():
        part.unlink()
    capsys.readouterr()
    assert main(["train", "--strategy", "maml", "--family", "omniglot", "--steps", "3",
                 "--resume", "--dtype", "float64", "--root", str(roots[1]), "--out", out]) == 2
    assert "was trained in float32" in capsys.readouterr().err
    assert main(["train", "--strategy", "maml", "--family", "omniglot", "--steps", "3",
                 "--resume", "--root", str(roots[1]), "--out", out]) == 0
    resumed = load_checkpoint(out)
    assert resumed.step == 3 and resumed.config["family"]["arguments"]["root"] == str(roots[1])
    assert f"--root {roots[1]}" in capsys.readouterr().out      # the line that says how to score it
    assert main(["evaluate", "--checkpoint", out, "--root", str(roots[1]), "--split", "test",
                 "--tasks", "2", "--support", "5", "--query", "5", "--steps", "1"]) == 0


def test_root_is_refused_for_a_checkpoint_of_another_family(tmp_path, capsys):
    from scratchmeta.cli import main
    out = str(tmp_path / "s.npz")
    assert main(["train", "--family", "sinusoid", "--steps", "2", "--out", out]) == 0
    capsys.readouterr()
    assert main(["evaluate", "--checkpoint", out, "--root", str(tmp_path), "--tasks", "2"]) == 2
    assert "root (--root) applies to omniglot checkpoints" in capsys.readouterr().err
    assert main(["train", "--family", "sinusoid", "--steps", "3", "--resume", "--root",
                 str(tmp_path), "--out", out]) == 2
    assert "--root applies to omniglot runs" in capsys.readouterr().err
    assert main(["train", "--family", "sinusoid", "--steps", "3", "--resume", "--dtype",
                 "float32", "--out", out]) == 2
    assert "--dtype applies to omniglot runs" in capsys.readouterr().err


def test_omniglot_counts_are_refused_before_any_drawing_is_read(monkeypatch, tmp_path, capsys):
    # a bad --n-support must not wait for 32,460 PNGs to be decoded first
    from scratchmeta.cli import main

    def no_load(*args, **kwargs):
        raise AssertionError("the drawings were read before the counts were checked")
    monkeypatch.setattr(omniglot, "load", no_load)
    root = str(tmp_path / "never-read")
    for argv, match in (
            (["train", "--family", "omniglot", "--root", root, "--n-support", "3"],
             "n_support must be a multiple of n_way=5"),
            (["train", "--family", "omniglot", "--root", root, "--n-support", "50",
              "--n-query", "55"], "each character has only 20"),
            (["compare", "--family", "omniglot", "--support", "7"],
             "n_support must be a multiple of n_way=5")):
        assert main(argv + ["--out", str(tmp_path / "o.npz")] if argv[0] == "train"
                    else argv) == 2
        err = capsys.readouterr().err
        assert match in err and len(err.strip().splitlines()) == 1
