"""Round 47 of issue 11 (fixes made with sight of the sixty-sixth and sixty-seventh
batteries), tested on other values than the batteries'. Each test fails at 080272e."""

import itertools
import socket

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta import testing
from scratchmeta.meta.checkpoint import check_checkpoint_path
from scratchmeta.meta.evaluate import evaluate
from scratchmeta.meta.registry import make_strategy
from scratchmeta.sampling import exponential, metropolis
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.tasks import Sinusoid
from scratchmeta.testing import densities

HUGE = -(10 ** 330)          # an int that float() refuses: past float64, let alone int64


@pytest.mark.parametrize("call, name", [
    (lambda: exponential(rate=-HUGE), "rate"),
    (lambda: metropolis(lambda x: -x * x, np.zeros((2, 1)), 5, np.random.default_rng(0),
                        step_size=-HUGE), "step_size"),
    (lambda: densities.laplace(HUGE, 1.0), "loc"),
    (lambda: testing.dkw_epsilon(-HUGE), "n"),
    (lambda: ad.mul(np.ones(2), HUGE), "y"),
])
def test_an_int_past_float64_is_named_with_its_digits(call, name):
    with pytest.raises(ValueError, match=rf"{name} must be a (number|count) a float64 can "
                                         rf"hold.*-?1000000000"):
        call()


def test_a_recarray_is_named_as_one():
    rows = np.rec.fromarrays([np.ones(3), np.zeros(3)], names="a,b")
    with pytest.raises(TypeError, match=r"\(a numpy.recarray\)"):
        ad.jvp(lambda x: x, (rows,), (np.ones(3),))


def test_an_endless_iterator_of_generators_is_refused_after_reading_one_too_many():
    endless = itertools.cycle([np.random.default_rng(1), np.random.default_rng(2)])
    with pytest.raises(ValueError, match=r"rngs must give one generator per entry of dims "
                                         r"\(2\), but the cycle .* gave more"):
        step_size_sweep(np.array([0.5, 1.0]), 2, 10, {"d1": 1, "d2": 2}, endless)


def test_a_socket_is_no_checkpoint_path(tmp_path):
    path = tmp_path / "run.npz"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(ValueError, match=r"is a named pipe, a socket or a device"):
            check_checkpoint_path(str(path))
    finally:
        server.close()


def _family(**methods):
    return type("UserFamily", (Sinusoid,), {k: staticmethod(f) for k, f in methods.items()})()


@pytest.mark.parametrize("metric, error, named", [
    (np.std, TypeError, r"UserFamily.metric \(numpy.std\) raised TypeError"),
    (np.linalg.norm, ValueError, r"UserFamily.metric \(numpy.linalg.norm\) raised ValueError"),
])
def test_a_librarys_function_given_as_a_method_is_named(metric, error, named):
    strategy = make_strategy("maml", meta_batch=2)
    state = strategy.init_state(np.random.default_rng(0))
    with pytest.raises(error, match=named):
        evaluate(strategy, state, _family(metric=metric), n_tasks=2, n_support=5, n_query=5,
                 n_steps=1)


def test_the_engines_copy_of_fits_float64_agrees_with_the_packages():
    from scratchmeta import messages
    from scratchmeta.autodiff import checks as engine
    values = [0, 1.5, -(2 ** 1023), 2 ** 1024, -(10 ** 400), True, np.int64(7), np.float32(2.0),
              np.longdouble(1e300) * np.longdouble(1e300), np.longdouble(1e-320) / 10 ** 10,
              np.longdouble(0.5)]
    assert [engine.fits_float64(v) for v in values] == [messages.fits_float64(v)
                                                         for v in values]
    assert [messages.fits_float64(v) for v in values[:4]] == [True, True, True, False]
