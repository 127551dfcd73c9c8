"""Round 71 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-second and hundred-and-third batteries (measured blind first at 84c7b66). A user
Primitive's VJP that makes NaN out of finite numbers is named; a list handed to a user's fun
is shown by value; a NaN among draws or a batch is shown where it is; evaluate checks the
family's own shot rule against --support and --query before any work. Each fails at 53c2a11
except the guard, which passes at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta import cli
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.training import train
from scratchmeta.sampling import ess_bulk, rank_normalize


def _half_nan(g, ans, x):
    return ad.mul(g, np.where(np.arange(np.size(x)) % 2 == 0, 1.0, np.nan).reshape(np.shape(x)))


def test_a_primitives_vjp_making_nan_from_numbers_is_named():
    odd = ad.Primitive("odd_square", np.square, _half_nan)
    with pytest.raises(ValueError, match=r"Primitive 'odd_square': vjp_0 \(_half_nan\) returned "
                                         r"NaN in the cotangent of argument 0 \(2 of 4 entries\)"):
        ad.grad(lambda x: ad.sum(odd(x)))(np.arange(4.0))


def test_nan_in_gives_nan_out_still_passes_through_a_primitive():
    """The guard: at a NaN point the cotangent may be NaN, as in the engine's own ops."""
    square = ad.Primitive("my_square", np.square, lambda g, ans, x: ad.mul(g, ad.mul(2.0, x)))
    g = ad.grad(lambda x: ad.sum(square(x)))(np.array([1.0, np.nan]))
    assert g[0] == 2.0 and np.isnan(g[1])


def test_a_list_handed_to_fun_is_shown_with_a_hint():
    with pytest.raises(TypeError, match=r"shape\(s\) tuple \(array\(1\.\), \[array\(2\.\), "
                                        r"array\(3\.\)\]\): .*a tree of separate numbers, "
                                        r"not an array"):
        check_grads(lambda x: ad.sum(x * 2.0 + x), [(1.0, [2.0, 3.0])])


def test_a_nan_among_draws_is_shown_where_it_is():
    draws = np.random.default_rng(1).standard_normal((3, 50))
    draws[1, 7] = -np.inf
    with pytest.raises(ValueError, match=r"the first is draws\[1, 7\] = -inf"):
        ess_bulk(draws)
    with pytest.raises(ValueError, match=r"the first is draws\[1, 7\] = -inf"):
        rank_normalize(draws)


def test_evaluate_names_support_and_query_against_the_familys_shot_rule(tmp_path, capsys):
    path = tmp_path / "newton.npz"
    train(make_strategy("newton_head", family="clusters", meta_batch=2), 1, 0,
          checkpoint=path, progress=None)
    assert cli.main(["evaluate", "--checkpoint", str(path), "--support", "12"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --support 12 --query ") and "n_support must be a multiple " \
        "of n_way=5" in err and len(err.strip().splitlines()) == 1
