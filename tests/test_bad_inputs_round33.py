"""Round 33 of issue 11 (fixes made with sight of the forty-eighth and forty-ninth batteries),
tested directly where only written-but-not-kept cases had found the fix, and the helpers of
``scratchmeta/messages.py`` (with the engine's copy of ``seen``)."""

import asyncio

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import messages, testing
from scratchmeta.autodiff import checks as engine_checks
from scratchmeta.figures import style
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.training import train
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.sampling import ContinuousInverseCDF, grid_inverse_cdf, metropolis
from scratchmeta.sampling.mixing import bin_masses, pooled_total_variation
from scratchmeta.sampling.quadrature import density_values
from scratchmeta.tasks import Sinusoid


class Symbol:
    """A stand-in for sympy.Symbol (not a test dependency): its repr is its bare name."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


EDGES = np.linspace(-2.0, 2.0, 5)
DRAWS = np.random.default_rng(0).normal(size=200)


@pytest.mark.parametrize("value, shown", [
    (Symbol("n"), "n (type Symbol)"), (3, "3"), ("fast", "'fast'"), ([1, 2], "[1, 2]"),
    (np.float32(2.0), "np.float32(2.0)"), (np.timedelta64(1, "s"), "np.timedelta64(1,'s')"),
    (np.poly1d([1.0]), "poly1d([1.])"),
])
def test_seen_adds_the_type_where_the_repr_hides_it_and_the_engines_copy_agrees(value, shown):
    assert messages.seen(value) == engine_checks.seen(value) == shown


def test_odd_entry_says_where_a_list_holds_no_number():
    assert messages.odd_entry([Symbol("q"), 0.6]) == "; its entry [0] is q (type Symbol)"
    assert messages.odd_entry([[1.0], [2.0, True]]) == "; its entry [1, 1] is True"
    assert messages.odd_entry([[1.0], [2.0, 3]]) == messages.odd_entry(np.ones(2)) == ""


@pytest.mark.parametrize("call, words", [
    (lambda: ad.broadcast_to(np.ones(3), (Symbol("n"), 3)), ["shape", "Symbol"]),
    (lambda: grid_inverse_cdf(lambda x: Symbol("x"), -3.0, 3.0), ["pdf", "Symbol"]),
    (lambda: metropolis(lambda x: -0.5 * np.sum(x * x, axis=1), np.zeros((2, 1)), 10,
                        np.random.default_rng(0), n_warmup=Symbol("w")), ["n_warmup", "Symbol"]),
    (lambda: testing.smallest_detectable(Symbol("n")), ["n", "Symbol"]),
    (lambda: testing.chi_square_power([0.5, 0.5], [Symbol("q"), 0.6], 1000), ["q", "Symbol"]),
    (lambda: style.check_positive_numbers("widths", Symbol("w"), 1, "widths"),
     ["widths", "Symbol"]),
])
def test_a_value_whose_repr_hides_its_type_is_named_by_type(call, words):
    with pytest.raises(TypeError) as info:
        call()
    for word in words:
        assert word in str(info.value)


@pytest.mark.parametrize("call, words", [
    (lambda: ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.pdf), ["cdf", ".pdf"]),
    (lambda: density_values(stats.norm.logpdf, np.linspace(-1, 1, 5)), ["pdf", ".logpdf"]),
    (lambda: bin_masses(EDGES, stats.norm.pdf), ["cdf", ".pdf"]),
    (lambda: pooled_total_variation(DRAWS.reshape(4, 50), EDGES, stats.norm.sf),
     ["cdf", ".sf"]),
    (lambda: testing.assert_cdf_matches(DRAWS, stats.norm.pdf), ["cdf", ".pdf"]),
    (lambda: testing.ks_distance(DRAWS, stats.norm(0, 1).logcdf), ["cdf", ".logcdf"]),
])
def test_a_scipy_method_in_another_methods_role_is_refused_by_name(call, words):
    with pytest.raises(TypeError, match="pass its") as info:
        call()
    for word in words:
        assert word in str(info.value)


def test_the_right_scipy_method_is_still_taken():
    assert np.shape(bin_masses(EDGES, stats.norm.cdf)[0]) == (4,)
    assert testing.ks_distance(DRAWS, stats.norm.cdf) < 0.2


def test_an_async_progress_function_is_refused_before_training():
    async def progress(*args):
        return None

    with pytest.raises(TypeError, match="progress must be a plain function.*async"):
        train(make_strategy("maml", meta_batch=2), 2, 0, progress=progress)


def test_an_async_function_is_refused_by_the_engine_and_the_samplers():
    async def f(x):
        return x

    with pytest.raises(TypeError, match="async"):
        ad.grad(f)
    with pytest.raises(TypeError, match="pdf must be a plain function"):
        grid_inverse_cdf(f, -1.0, 1.0)
    asyncio.run(f(1.0))                                  # (the coroutine function itself runs)


def test_adam_update_refuses_a_timedelta_learning_rate():
    with pytest.raises(ValueError, match="lr"):
        adam_update([np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), np.timedelta64(1, "s"))


def test_a_user_familys_target_that_writes_into_x_is_named_in_sample():
    class Doubling(Sinusoid):
        def target(self, task_params, x):
            x *= 2.0
            return super().target(task_params, x)

    with pytest.raises(ValueError, match=r"Doubling.target wrote into an array it was given"):
        Doubling().sample(np.random.default_rng(0), 2, 5, 5)
