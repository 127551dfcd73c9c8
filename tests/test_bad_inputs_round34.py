"""Round 34 of issue 11 (fixes made with sight of the fiftieth and fifty-first batteries),
tested directly where only written-but-not-kept cases had found the fix."""

import functools

import numpy as np
import pytest
from scipy import sparse

import scratchmeta.autodiff as ad
from scratchmeta.batchnorm import batch_norm
from scratchmeta.gradcheck import check_grads
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.sampling import grid_inverse_cdf


def _holding_itself(kind):
    if kind is list:
        tree = [np.ones(2)]
        tree.append(tree)
    else:
        tree = {"w": np.ones(2)}
        tree["self"] = tree
    return tree


@pytest.mark.parametrize("kind", [list, dict])
def test_a_tree_that_holds_itself_is_named_not_a_recursion_error(kind):
    tree = _holding_itself(kind)
    with pytest.raises(ValueError, match=rf"tree_flatten: tree holds itself \(a {kind.__name__}"):
        ad.tree_flatten(tree)
    with pytest.raises(ValueError, match=r"trees\[1\] holds itself"):
        ad.tree_map(lambda a, b: a, [np.ones(2), np.ones(2)], tree)
    with pytest.raises(ValueError, match=r"argument 0 holds itself"):
        ad.grad(lambda t: 0.0)(tree)
    with pytest.raises(ValueError, match=r"check_grads: args\[0\] holds itself"):
        check_grads(lambda t: 0.0, (tree,))


def test_a_tree_using_one_list_twice_is_still_a_tree():
    leaf = [np.ones(2)]
    leaves, rebuild = ad.tree_flatten([leaf, leaf])
    assert len(leaves) == 2


def test_functions_wrapped_in_lru_cache_are_refused_before_any_call():
    @functools.lru_cache
    def f(x):
        return x * x

    with pytest.raises(TypeError, match=r"check_grads: fun is wrapped in functools.lru_cache"):
        check_grads(f, (np.ones(3),))
    with pytest.raises(TypeError, match=r"pdf is wrapped in functools.lru_cache"):
        grid_inverse_cdf(f, -1.0, 1.0)


def test_batch_norm_names_a_sparse_h():
    with pytest.raises(TypeError, match=r"h must be .*SciPy sparse matrix .*toarray"):
        batch_norm(sparse.csr_matrix(np.ones((4, 3))))


def test_adam_update_names_sparse_gradients():
    p = [np.ones((2, 2))]
    with pytest.raises(TypeError, match=r"grads must be .*csr_matrix"):
        adam_update(p, [sparse.csr_matrix(np.ones((2, 2)))], adam_init(p), 1e-3)
