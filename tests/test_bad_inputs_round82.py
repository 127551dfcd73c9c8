"""Round 82 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-twenty-fourth and hundred-and-twenty-fifth batteries (measured blind first at
938a415), and of the hundred-and-twenty-first's doubtful case of a complex mean. Each fails
at 938a415 except the guards, which pass at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad


@pytest.mark.parametrize("x", [np.array([[0.5j, 2.0]]), np.array([1.0 + 0j, 2.0, 3.0])])
def test_mean_names_itself_for_a_complex_input(x):
    with pytest.raises(TypeError, match=r"^mean: cannot apply to \(.*\) of dtype complex128"):
        ad.mean(x)


def test_guard_mean_of_real_arrays_and_its_gradient_are_unchanged():
    x = np.array([[1.0, 2.0], [3.0, 6.0]])
    assert ad.mean(x) == 3.0
    np.testing.assert_array_equal(ad.grad(lambda v: ad.mean(v * v))(x), x / 2.0)
    assert ad.mean(x.astype(np.float32)).dtype == np.float32


@pytest.mark.parametrize("a, b, arg", [
    (np.ones((2, 2)), np.array(["1", "2"]), "b"),
    (np.zeros(2, dtype=[("w", "<f8")]), np.ones((2, 3)), "a"),
    (np.array([1.0 + 1.0j, 2.0]), np.ones(2), "a")])
def test_matmul_with_a_vector_names_itself_and_the_argument_for_a_bad_dtype(a, b, arg):
    with pytest.raises(TypeError, match=rf"^matmul: cannot apply to .*: {arg} must be an array "
                                        r"of real numbers"):
        ad.matmul(a, b)


def test_guard_matmul_with_vectors_keeps_its_values_and_derivatives():
    m = np.array([[2.0, 1.0], [1.0, 3.0]])
    assert ad.matmul([1.0, 2.0], [3.0, 4.0]) == 11.0
    np.testing.assert_array_equal(ad.hessian(lambda v: ad.matmul(v, ad.matmul(m, v)))(
        np.ones(2)), 2.0 * m)


@pytest.mark.parametrize("name, cls", [("r2d2", "R2D2"), ("newton_head", "NewtonHead")])
def test_make_strategy_names_a_classifier_as_it_was_called_for_a_regression_family(name, cls):
    from scratchmeta.meta.registry import make_strategy
    with pytest.raises(ValueError, match=rf"^'{name}' \({cls}\) fits a classifier, so the "
                                         r"family must have the cross-entropy loss; got the "
                                         r"family 'linear'"):
        make_strategy(name, "linear")


def test_a_checkpoint_that_claims_the_first_editions_format_names_it(tmp_path):
    from scratchmeta.cli import main
    from scratchmeta.meta.checkpoint import load_checkpoint
    path = tmp_path / "run.npz"
    assert main(["train", "--steps", "1", "--meta-batch", "2", "--out", str(path)]) == 0
    with np.load(path, allow_pickle=False) as f:
        arrays = {k: f[k] for k in f.files}
    arrays["meta/format"] = np.array("scratchmeta-checkpoint-1")
    np.savez(path, **arrays)
    with pytest.raises(ValueError, match=r"run\.npz' is damaged: its meta/format "
                                         r"'scratchmeta-checkpoint-1' names the first edition's "
                                         r"layout, but its state is not a format-1 state"):
        load_checkpoint(path)


def test_guard_a_classifier_on_a_classification_family_is_built():
    from scratchmeta.meta.registry import make_strategy
    assert make_strategy("newton_head", "clusters").name


@pytest.mark.parametrize("root", [7, "", "."])
def test_restore_names_the_keyword_root_for_a_run_of_another_family(tmp_path, root):
    from scratchmeta.cli import main
    from scratchmeta.meta.checkpoint import restore
    path = tmp_path / "run.npz"
    assert main(["train", "--steps", "1", "--meta-batch", "2", "--out", str(path)]) == 0
    with pytest.raises(ValueError, match=rf"^root \(--root\) applies to omniglot checkpoints; "
                                         rf"'.*run\.npz' holds a sinusoid run \(got "
                                         rf"root={root!r}\)"):
        restore(path, root=root)
