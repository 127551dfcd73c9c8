"""Round 73 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-sixth and hundred-and-seventh batteries (measured blind first at 860285b). Each
fails at 860285b except the guard, which passes at both; the inner_steps test was not run
there, where its 123,456,789 steps would run for hours (9 of the other 10 fail)."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta import cli
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.meta.registry import make_family
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.sampling import ess_bulk, mcse_sd, split_rhat
from scratchmeta.tasks import LinearRegression

from conftest import small_problem


def test_a_vjp_of_the_wrong_arity_is_named_with_the_signature_expected():
    def vjp_x_only(g, x):
        return ad.mul(g, ad.cos(x))
    op = ad.Primitive("two_arg_sin", np.sin, vjp_x_only)
    with pytest.raises(TypeError, match=r"Primitive 'two_arg_sin': vjp_0 \(.*vjp_x_only\) "
                                        r"must take \(g, ans, x0\)"):
        ad.grad(lambda x: ad.sum(op(x)))(np.linspace(0.0, 1.0, 4))


def test_a_cotangent_of_the_wrong_shape_names_the_shape_impl_returned():
    def as_row(x):
        return np.asarray(x)[None, :] * 3.0
    op = ad.Primitive("as_row", as_row, lambda g, ans, x: ad.mul(g, 3.0))
    with pytest.raises(ValueError, match=r"returned shape \(1, 4\) \(given g and ans of shape "
                                         r"\(1, 4\): the shape impl returned"):
        ad.grad(lambda x: ad.sum(op(x)))(np.ones(4))


def test_ragged_chains_are_shown_with_their_shapes():
    rng = np.random.default_rng(3)
    with pytest.raises(TypeError, match=r"^split_rhat: draws must be .* a ragged list .*its "
                                        r"entries have shapes \[\(50,\), \(50,\), \(49,\)\]"):
        split_rhat([rng.standard_normal(50), rng.standard_normal(50), rng.standard_normal(49)])


def test_short_wide_draws_read_as_swapped_axes():
    draws = np.random.default_rng(4).standard_normal((3, 12, 40))     # (chains, dim, n_draws)
    for f in (ess_bulk, mcse_sd):
        with pytest.raises(ValueError, match=r"np\.swapaxes\(draws, 1, 2\)"):
            f(draws)


def test_long_enough_draws_in_many_dimensions_are_still_read():
    """The guard: 20 draws per chain in 40 dimensions is a (short) run, not swapped axes."""
    draws = np.random.default_rng(5).standard_normal((4, 20, 40))
    assert ess_bulk(draws).shape == (40,)


def test_set_shows_a_value_as_typed(tmp_path, capsys):
    assert cli.main(["train", "--steps", "2", "--meta-batch", "2", "--set",
                     "inner_steps=2E0", "--out", str(tmp_path / "m.npz")]) == 2
    assert "--set inner_steps=2E0 (read as 2.0): inner_steps must be an integer" in \
        capsys.readouterr().err


def test_inner_steps_past_any_use_are_refused_before_work():
    from scratchmeta.meta.maml import meta_loss
    model, params, batch = small_problem()
    with pytest.raises(ValueError, match=r"inner_steps \(K\) must be at most 100,000 inner SGD "
                                         r"steps per task, got 123456789"):
        meta_loss(params, batch, model, inner_lr=0.01, inner_steps=123_456_789)


def test_omniglots_download_is_a_switch():
    with pytest.raises(TypeError, match=r"^download must be True or False .*got 1"):
        Omniglot(5, download=1)


def test_omniglots_dtype_shows_what_was_given():
    with pytest.raises(TypeError, match=r"got the class int.*which NumPy reads as int64"):
        Omniglot(5, dtype=int)


def test_a_subnormal_scale_or_spread_is_refused():
    with pytest.raises(ValueError, match=r"^spread must be 0 or at least 2\.225e-308"):
        GaussianClusters(spread=1e-310)
    with pytest.raises(ValueError, match=r"^noise must be 0 or at least"):
        LinearRegression(noise=4e-320)


def test_make_family_names_a_misspelt_keyword():
    with pytest.raises(TypeError, match=r"^make_family: the linear family has no argument "
                                        r"'nosie' \(did you mean 'noise'\?\)"):
        make_family("linear", nosie=0.1)
