"""Round 56 of issue 11, tested on other values than the batteries': with sight of the
eighty-fourth and eighty-fifth batteries (measured blind first at eb8d22e). Other libraries'
objects where numbers are meant: a distribution object, a container that is no sequence (read
by NumPy through iteration), another library's array returned by a family, another
package's function given as a family's metric; a file name holding a shell's or Markdown's
characters; a saved state without the model's parameters. Each test fails at 7250ea6."""

import numpy as np
import pytest
from scipy import stats


class Nodes:
    """A container with a length and items but no array protocol, like a networkx graph:
    NumPy reads it through iteration, as its keys."""

    def __init__(self, n):
        self.adjacency = {i: {(i + 1) % n: 1.0} for i in range(n)}

    def __len__(self):
        return len(self.adjacency)

    def __getitem__(self, node):
        return self.adjacency[node]

    def __iter__(self):
        return iter(self.adjacency)


@pytest.mark.parametrize("call", [
    lambda: __import__("scratchmeta.autodiff", fromlist=["x"]).einsum("ij,j->i", Nodes(4), np.ones(4)),
    lambda: __import__("scratchmeta.gradcheck", fromlist=["x"]).check_grads(
        lambda x: x * x, (Nodes(2),)),
    lambda: __import__("scratchmeta.sampling", fromlist=["x"]).ess_bulk(Nodes(5)),
    lambda: __import__("scratchmeta.testing", fromlist=["x"]).two_sample_distance(
        Nodes(6), np.ones(6)),
])
def test_a_container_that_numpy_would_read_as_its_keys_is_refused(call):
    with pytest.raises(TypeError, match=r"got \w+\.Nodes, .*neither an array nor a sequence"):
        call()


@pytest.mark.parametrize("call", [
    lambda: __import__("scratchmeta.sampling", fromlist=["x"]).DiscreteInverseCDF(
        stats.poisson(3.0)),
    lambda: __import__("scratchmeta.sampling", fromlist=["x"]).ess_tail(stats.norm(0, 1)),
    lambda: __import__("scratchmeta.testing", fromlist=["x"]).chi_square_pvalue(
        [1, 4, 6, 4, 1], stats.binom(4, 0.5)),
])
def test_a_distribution_object_is_named_with_the_numbers_to_pass(call):
    with pytest.raises(TypeError, match=r"got a probability distribution, scipy\.\w+ \(a kind "
                                        r"of rv_frozen\), not its numbers; pass its prob"):
        call()


class OtherArray:
    """Another library's array (torch's, JAX's): it has a shape, and NumPy is not it."""

    shape = (3, 2)


def test_another_librarys_array_from_sample_params_is_named():
    from scratchmeta.datasets.checks import check_drawn
    from scratchmeta.tasks import Sinusoid
    with pytest.raises(TypeError, match=r"Sinusoid\.sample_params must return a NumPy array "
                                        r"with one row per task, got a \w+\.OtherArray of "
                                        r"shape \(3, 2\)"):
        check_drawn(Sinusoid(), OtherArray(), 3)


def test_another_packages_metric_is_named_with_how_it_is_called():
    from test_bad_inputs_fifth import _evaluate_call
    from scratchmeta.tasks import Sinusoid

    def absolute_error(pred, y):
        raise TypeError("expected a Tensor")
    absolute_error.__module__ = "otherlib.losses"

    class Fam(Sinusoid):
        metric = staticmethod(absolute_error)
    with pytest.raises(TypeError, match=r"Fam\.metric \(otherlib\.losses\..*absolute_error\) "
                                        r"raised TypeError: expected a Tensor; it is called with "
                                        r"NumPy arrays, as metric\(self, pred, y\)"):
        _evaluate_call(family=Fam())


@pytest.mark.parametrize("name, odd", [('"fig_b"', '\'"\''), ("fig|b", "'|'"), ("fig?", "'?'")])
def test_a_figure_name_with_a_shells_characters_is_refused(tmp_path, name, odd):
    import matplotlib.pyplot as plt
    from scratchmeta.figures import style
    fig = plt.figure()
    with pytest.raises(ValueError, match=r"name must be a plain file name .*which holds "
                       + odd.replace("|", r"\|").replace("?", r"\?")):
        style.save(fig, tmp_path, name)
    plt.close(fig)
    assert list(tmp_path.iterdir()) == []


def test_a_state_without_the_models_parameters_is_not_saved(tmp_path):
    from scratchmeta.meta import protocol
    from scratchmeta.meta.checkpoint import save_checkpoint
    from scratchmeta.meta.registry import make_strategy
    config = protocol.describe(make_strategy("reptile"))
    with pytest.raises(ValueError, match=r"it holds none of the model's parameters: config "
                                         r"records an MLP of sizes \[1, 40, 40, 1\].*but its "
                                         r"entries are state/theta/0"):
        save_checkpoint(tmp_path / "run.npz", {"theta": [np.ones((1, 40))]}, step=1, seed=0,
                        config=config, meta_losses=[1.0])
    assert list(tmp_path.iterdir()) == []


def test_the_engines_copy_of_the_container_check_agrees_with_the_packages():
    from scratchmeta.autodiff.checks import no_sequence
    from scratchmeta.messages import misread
    for x in (Nodes(3), Nodes(0), np.ones(2), [1.0], {"a": 1}, None, 2.0, "ab", range(2)):
        assert no_sequence(x, "x") == misread("x", x)
