"""Round 2 of issue 11, the engine, gradcheck, sampler helpers and figures library: each bad
input found by the eighth and ninth batteries (and its class) is one clear error, raised before
any work, naming the argument and the value given.

* the engine: an op that reads a missing axis (``matmul`` of a 0-d array) says which argument
  has too few axes, not NumPy's IndexError; a function returning a bool (a comparison) has no
  derivative, for ``grad``, ``vjp``, ``hvp`` and ``check_grads`` alike; ``jacobian`` and
  ``hessian`` name the argument by its position in ``fun``'s arguments;
* ``hvp``: ``v`` must have ``x``'s structure, not only as many leaves;
* the sampler helpers of ``mixing.py``, ``step_size.py`` and ``quadrature.integrate`` check
  their edges, draws, CDFs, step sizes and counts up front;
* ``figures.run_all`` checks ``quick``, ``progress`` and ``only``, and ``check_out_dir`` its
  ``name`` and a NUL byte in the path (also through ``figures --out``).
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import cli, figures
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import exponential
from scratchmeta.sampling.mixing import (bin_masses, noise_floor, pooled_total_variation,
                                         total_variation, walks_from_one_start)
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import (acceptance_1d, acceptance_limit, fixed_step_chains,
                                            step_size_sweep)

X3 = np.array([1.0, 2.0, 3.0])
M2 = np.array([[2.0, 0.5], [0.5, 1.0]])
EDGES = [0.0, 1.0, 2.0]


def _square(x):
    return ad.sum(ad.mul(x, x))


def _rng():
    return np.random.default_rng(0)


class _NoFigure:
    """Stands in for every figure module: a bad argument must be refused before ``make``."""

    @staticmethod
    def make(out_dir, *, quick=False, seed=0):
        raise AssertionError("a figure was made before the bad argument was refused")


@pytest.fixture
def no_figures(monkeypatch):
    monkeypatch.setattr(figures, "_load", lambda module: _NoFigure)


CASES = [
    # engine: an op reading a missing axis; a function returning a bool
    ("matmul of a 0-d array", lambda d: ad.matmul(np.array(2.0), M2), ValueError,
     ["matmul", "a has too few axes", "()"]),
    ("matmul of a 0-d array, traced", lambda d: ad.grad(
        lambda x: ad.sum(ad.matmul(x, M2)))(np.array(2.0)), ValueError, ["matmul", "()"]),
    ("value_and_grad of a bool", lambda d: ad.value_and_grad(lambda x: ad.sum(x) > 0)(X3),
     TypeError, ["fun", "bool"]),
    ("grad of a Python True", lambda d: ad.grad(lambda x: True)(X3), TypeError, ["bool"]),
    ("vjp of a bool array", lambda d: ad.vjp(lambda x: ad.sin(x) > 0, X3), TypeError,
     ["fun", "bool"]),
    ("check_grads of a bool", lambda d: check_grads(lambda x: ad.sum(x) > 0, (X3,)), TypeError,
     ["fun", "bool"]),
    ("hessian in an integer argument", lambda d: ad.hessian(
        lambda a, b: ad.sum(ad.mul(ad.mul(a, b), b)), argnum=1)(X3, np.arange(3)), TypeError,
     ["argument 1", "int"]),
    ("jacobian in a bool argument", lambda d: ad.jacobian(ad.sin)(np.array([True, False])),
     TypeError, ["argument 0", "bool"]),
    # hvp: v must have x's structure
    ("hvp of a bool", lambda d: hvp(lambda x: ad.sum(x) > 0, X3, X3), TypeError, ["bool"]),
    ("hvp x a float, v a one-element list", lambda d: hvp(lambda x: ad.mul(x, x), 2.0, [1.0]),
     ValueError, ["v", "[*]", "x", "float"]),
    ("hvp v nested once more than x", lambda d: hvp(lambda t: _square(t["a"]), {"a": X3},
                                                    {"a": [X3]}), ValueError, ["v", "[*]"]),
    ("hvp v a dict for an array x", lambda d: hvp(_square, X3, {"a": X3}), ValueError,
     ["v", "dict", "ndarray"]),
    ("hvp dicts with other keys", lambda d: hvp(lambda t: _square(t["a"]), {"a": X3},
                                                {"b": X3}), ValueError, ["v", "'a'", "'b'"]),
    ("hvp v an integer leaf", lambda d: hvp(_square, X3, np.arange(3)), TypeError,
     ["hvp: v", "int"]),
    # sampler helpers
    ("total_variation edges unsorted", lambda d: total_variation(
        np.zeros(10), [0.0, 2.0, 1.0], stats.norm.cdf), ValueError, ["edges", "[0.0, 2.0, 1.0]"]),
    ("total_variation one edge", lambda d: total_variation(np.zeros(10), [0.0], stats.norm.cdf),
     ValueError, ["edges", "[0.0]"]),
    ("total_variation edges NaN", lambda d: total_variation(
        np.zeros(10), [0.0, np.nan], stats.norm.cdf), ValueError, ["edges", "1 NaN or inf"]),
    ("total_variation samples NaN", lambda d: total_variation(
        np.array([0.5, np.nan]), EDGES, stats.norm.cdf), ValueError, ["samples", "1 NaN"]),
    ("total_variation no samples", lambda d: total_variation(np.zeros((3, 0)), EDGES,
                                                             stats.norm.cdf),
     ValueError, ["samples", "(3, 0)"]),
    ("total_variation samples strings", lambda d: total_variation(["a", "b"], EDGES,
                                                                  stats.norm.cdf),
     TypeError, ["samples", "<U1"]),
    ("total_variation cdf a name", lambda d: total_variation(np.zeros(3), EDGES, "norm"),
     TypeError, ["cdf", "'norm'"]),
    ("total_variation cdf not a CDF", lambda d: total_variation(np.zeros(3), EDGES, lambda x: -x),
     ValueError, ["cdf", "[0, 1]"]),
    ("pooled_total_variation x 1-D", lambda d: pooled_total_variation(np.zeros(5), EDGES,
                                                                      stats.norm.cdf),
     ValueError, ["x", "2 axes", "(5,)"]),
    ("bin_masses edges a string", lambda d: bin_masses("0,1", stats.norm.cdf), TypeError,
     ["edges", "'0,1'"]),
    ("noise_floor repeats 0", lambda d: noise_floor(100, 0, exponential(), EDGES,
                                                    stats.expon.cdf, _rng()),
     ValueError, ["repeats", "0"]),
    ("noise_floor n a float", lambda d: noise_floor(10.0, 2, exponential(), EDGES,
                                                    stats.expon.cdf, _rng()),
     TypeError, ["n", "10.0"]),
    ("noise_floor sampler without sample", lambda d: noise_floor(10, 2, np.ones, EDGES,
                                                                 stats.expon.cdf, _rng()),
     TypeError, ["sampler"]),
    ("noise_floor rng a seed", lambda d: noise_floor(10, 2, exponential(), EDGES,
                                                     stats.expon.cdf, 0), TypeError, ["rng"]),
    ("walks start NaN", lambda d: walks_from_one_start(
        lambda x: -0.5 * np.sum(x * x, axis=1), np.nan, {"a": 1.0}, 4, 10, EDGES,
        stats.norm.cdf, [_rng()]), ValueError, ["start", "nan"]),
    ("walks fewer rngs than step sizes", lambda d: walks_from_one_start(
        lambda x: -0.5 * np.sum(x * x, axis=1), 0.0, {"a": 1.0, "b": 2.0}, 4, 10, EDGES,
        stats.norm.cdf, [_rng()]), ValueError, ["step_sizes", "rngs", "2 entries"]),
    ("walks step_sizes a list", lambda d: walks_from_one_start(
        lambda x: -0.5 * np.sum(x * x, axis=1), 0.0, [1.0], 4, 10, EDGES,
        stats.norm.cdf, [_rng()]), TypeError, ["step_sizes", "list"]),
    ("acceptance_1d h negative", lambda d: acceptance_1d(-1.0), ValueError, ["h", "-1.0"]),
    ("acceptance_1d h 0", lambda d: acceptance_1d(np.array([1.0, 0.0])), ValueError,
     ["h", "0.0"]),
    ("acceptance_limit scaled negative", lambda d: acceptance_limit(-2.0), ValueError,
     ["scaled", "-2.0"]),
    ("fixed_step_chains dim 0", lambda d: fixed_step_chains(0, [1.0], 4, 10, _rng()),
     ValueError, ["dim", "0"]),
    ("step_size_sweep fewer rngs than dims", lambda d: step_size_sweep(
        [1.0], 4, 10, {"d1": 1, "d2": 2}, [_rng()]), ValueError, ["dims", "rngs"]),
    ("integrate n 0", lambda d: integrate(np.sin, 0.0, 1.0, n=0), ValueError, ["n", "0"]),
    ("integrate n a float", lambda d: integrate(np.sin, 0.0, 1.0, n=8.0), TypeError,
     ["n", "8.0"]),
    ("integrate n beyond memory", lambda d: integrate(np.sin, 0.0, 1.0, n=10 ** 9), ValueError,
     ["n = 1000000000", "memory"]),
    ("integrate lo NaN", lambda d: integrate(np.sin, np.nan, 1.0), ValueError, ["lo", "nan"]),
    ("integrate hi inf among many", lambda d: integrate(np.sin, 0.0, np.array([1.0, np.inf])),
     ValueError, ["hi", "1 NaN or inf"]),
    ("integrate f a string", lambda d: integrate("sin", 0.0, 1.0), TypeError, ["f", "'sin'"]),
    # figures, the library
    ("run_all quick text", lambda d: figures.run_all(
        d / "figs", quick="yes", only=["fig22_1"], progress=print), TypeError, ["quick", "'yes'"]),
    ("run_all progress a string", lambda d: figures.run_all(
        d / "figs", quick=True, only=["fig22_1"], progress="print"), TypeError,
     ["progress", "'print'"]),
    ("run_all only a generator", lambda d: figures.run_all(
        d / "figs", quick=True, only=(s for s in ["fig22_1"])), TypeError, ["only", "generator"]),
    ("run_all only empty", lambda d: figures.run_all(d / "figs", quick=True, only=[]),
     ValueError, ["only", "[]"]),
    ("check_out_dir name an int", lambda d: figures.check_out_dir(d / "figs", name=3),
     TypeError, ["name", "3"]),
    ("check_out_dir a NUL byte", lambda d: figures.check_out_dir(str(d / "a\0b"), "--out"),
     ValueError, ["--out", "NUL"]),
]


@pytest.mark.parametrize("name, call, error, mentions", CASES, ids=[c[0] for c in CASES])
def test_a_bad_input_is_one_clear_error_naming_the_argument(name, call, error, mentions,
                                                            tmp_path, no_figures):
    with np.errstate(all="raise"), pytest.raises(error) as info:
        call(tmp_path)
    for mention in mentions:
        assert mention in str(info.value), (mention, str(info.value))
    assert not (tmp_path / "figs").exists()          # refused before any work


def test_figures_out_with_a_nul_byte_is_refused_by_name(tmp_path, no_figures, capsys):
    code = cli.main(["figures", "--quick", "--only", "fig22_1", "--out", str(tmp_path / "a\0b")])
    err = capsys.readouterr().err
    assert code == 2 and "--out" in err and "NUL byte" in err, err


def test_good_inputs_still_work(tmp_path, monkeypatch):
    # hvp: a tuple x pairs with a list v (lists and tuples draw alike); H = 2 I here
    out = hvp(lambda t: ad.add(_square(t[0]), _square(t[1])), (X3, X3), [X3, 2 * X3])
    np.testing.assert_allclose(out[0], 2 * X3)
    np.testing.assert_allclose(out[1], 4 * X3)
    # an int output still differentiates (to zero), a 1-D matmul still works
    np.testing.assert_array_equal(ad.grad(lambda x: 3)(X3), np.zeros(3))
    np.testing.assert_allclose(ad.matmul(X3[:2], M2), X3[:2] @ M2)
    # the sampler helpers, on good inputs
    assert total_variation(np.full(100, 0.5), EDGES, stats.uniform.cdf) == pytest.approx(0.0)
    assert acceptance_1d(2.0) == pytest.approx(0.5)
    assert acceptance_limit(0.0) == pytest.approx(1.0)
    assert integrate(np.sin, 0.0, np.pi, n=1) == pytest.approx(np.pi)   # one node, at pi/2
    # run_all with a tuple of stems and a function for progress
    made = []
    stub = type("Stub", (), {"make": staticmethod(lambda out_dir, quick=False, seed=0:
                                                  made.append(out_dir) or {"files": []})})
    monkeypatch.setattr(figures, "_load", lambda module: stub)
    lines = []
    figures.run_all(tmp_path / "figs", quick=True, only=("fig22_1",), progress=lines.append)
    assert made == [tmp_path / "figs"] and lines[-1].startswith("made 1 of 1 figures")
