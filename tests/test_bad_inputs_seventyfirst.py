"""A seventy-first battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 9e13143, from the user's side only: the README; the public names
(``__all__`` where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``memory``, ``sampling`` and its modules (``finite_chain``, ``interpolation``,
``step_size``, ``mixing``, ``tails``, ``quadrature``, ``diagnostics``, ``metropolis``), the
public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``,
``testing.densities``, ``testing.strategies`` and ``figures.style``; after the first run, to
judge the misses only, the docstrings of ``ContinuousInverseCDF.from_density``, ``metropolis``,
``tails.find_center``, ``testing.assert_inverts``, ``grid_inverse_cdf`` and
``mixing.bin_masses``; and the earlier batteries' ids, layout and shared helpers (imported, not
copied). Not read: the body of any validation code, the library's source, its history,
anything of /work/main. No ``__main__`` module was imported; the one case that writes
(``keep_freed_memory trim_threshold an os.stat_result``) writes only in its ``folder``.

Areas (library side only), as written: the autodiff engine -- grad, value_and_grad, jvp, vjp,
jacobian, hessian, ops (exp, log, tanh, mean, clip, matmul, concatenate, stack, solve, norm,
einsum, where, stop_gradient, var) and Primitive (25), gradcheck -- check_grads, hvp (8),
samplers -- DiscreteInverseCDF and its ppf, rvs, from_uniforms; grid_inverse_cdf; from_density,
from_ppf, the continuous sample, rvs, from_uniforms; exponential, cauchy, pareto; metropolis;
metropolis_transition_matrix; integrate, density_values, find_center; bin_masses,
total_variation; fixed_step_chains (30), diagnostics (10), the testing kit, its densities and
two hypothesis strategies (20), ``figures.style`` helpers (5), ``memory.keep_freed_memory``
(2): 100. No ``SCRATCHMETA_KEEP_FREED_MEMORY`` value was drafted (its values are nearly
exhausted).

Kinds of bad value (a new type built here: ``LazyArray``, a dask-like lazy array with
``shape``, ``dtype`` and ``compute()`` but no ``__array__``, so its values exist only after the
``.compute()`` the user forgot):
- the dask-like ``LazyArray`` (mentions ``LazyArray``): grad's and hessian's argument, jvp
  tangents, log, clip a_max, stack xs, solve a, einsum operand, var; check_grads eps and order,
  hvp x; DiscreteInverseCDF p, discrete rvs size, grid_inverse_cdf hi, from_density center,
  exponential rate, pareto alpha, metropolis step_size, total_variation samples; ess_bulk,
  mcse_sd and diagnose draws, quantile_type7 prob; assert_cdf_matches samples,
  assert_same_distribution y, draws_needed discrepancy, smallest_detectable n, dkw_epsilon n,
  chi_square_power q, density uniform hi and beta a, probability_vectors max_size; style
  check_seed and check_count; keep_freed_memory mmap_threshold;
- a Python 3 ``map`` object (lazy, one use; mentions ``map``): jvp primals, vjp args, exp, mean,
  matmul b, concatenate xs, norm, grad argnums, where a, stop_gradient; check_grads args and
  atol, hvp v; DiscreteInverseCDF p, discrete ppf u, from_density domain, continuous
  from_uniforms u, cauchy scale, metropolis x0, metropolis_transition_matrix p; split_rhat,
  rank_normalize and mcse_mean draws, ess_tail prob, quantile_type7 x; assert_labels_match
  labels, ks_distance samples, two_sample_distance y, chi_square_pvalue counts, density steps
  heights and normal_mixture locs, u_grids cut_points; style check_numbers, subplots size,
  check_positive_numbers; and a user's loss returning a map of per-entry losses (grad, hvp fun);
- an endless ``itertools.count`` (mentions ``count``): tanh, discrete from_uniforms u, ess_mean;
- a user's function written with ``yield`` (a generator function; mentions ``generator``):
  value_and_grad fun, Primitive impl, grid_inverse_cdf pdf, from_ppf ppf, metropolis
  log_density, integrate f, assert_cdf_matches cdf, assert_monotone ppf;
- a user's function with a required keyword-only argument nobody passes (mentions its name):
  grad, jacobian and check_grads fun, from_density and density_values pdf, ks_distance cdf;
- a user's function written with the engine's ops, so it returns the engine's ``Tensor``
  (mentions ``Tensor``): from_density and find_center pdf, metropolis log_density, bin_masses
  cdf, assert_inverts cdf;
- a uniform density written as one constant, not one value per point (grid_inverse_cdf pdf);
- bare bit generators where a Generator is meant, on functions no earlier battery gave one:
  SFC64 (continuous sample rng), MT19937 (continuous rvs random_state), Philox
  (fixed_step_chains rng);
- a record where one field is meant: ``os.stat_result`` (its st_size) as keep_freed_memory
  trim_threshold.

Repeats: every id of the earlier batteries (9,745 distinct tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids, and for each draft the earlier ids holding the same function
word and a shared kind word (generator, yield, map, lazy, dask, Tensor, keyword, constant,
count, bit generator, stat_result, compute) were listed. Before any run 6 drafts were replaced:
two exact ids (``bin_masses cdf a generator function``, ``ks_distance cdf a generator
function``) and four of the same substance (``grad of a generator function``, ``jacobian of a
generator function``, ``check_grads fun returning a generator``, ``hvp fun returning a
generator``); their replacements are the Tensor, keyword-only and map-returning cases of the
same functions. Kept after the check, as different: ``chi_square_pvalue counts a map object``
(earlier: ``an infinite count``), ``rank_normalize draws a map object`` and
``style check_positive_numbers value a map object`` (earlier: a mappingproxy, which NumPy
reads as an object, not an iterator), ``grad of a fun with a required keyword-only argument``
(earlier: ``grad called with keyword arguments only``, a call, not the fun).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (2, 3)`` were kept (``_kept``): 61 of the 100 (both memory
cases). After the first run no case was added, reordered or swapped.

Dropped (``DROPPED``): none. The Tensor-returning functions were judged against the docstrings
read after the run (``from_density``: "pdf: Vectorised: maps an array of x to an array of
densities >= 0"; ``metropolis``: log_density "maps x of shape (chains, dim) to log pi(x) of
shape (chains,)"; the others say nothing of the type): none makes the engine's Tensor valid,
so they stay; but the library turns the Tensor into the right numbers, so the lead may judge
them arguable.
Corrected (1, two faults): ``bin_masses cdf returning the engine's Tensor`` (written, not kept)
first used edges on [-1, 1], where the user's exponential CDF ``1 - exp(-x)`` is negative (a
second fault, which the library named); its edges are now ``np.linspace(0, 2, 5)``.

First run at 9e13143 (kept about 2 s as a script, pytest 3.4 s; --written about 2 s, under
``ulimit -v 8000000``), before the correction: kept, 59 of 61 clear (96.7%), 1 unclear
(1.6%), 1 silent (1.6%), 0 data loss; written, 94 of 100 clear (94.0%), 2 unclear (2.0%), 4
silent (4.0%), 0 data loss. After it: kept unchanged, 59 of 61 clear (96.7%), 1 unclear, 1
silent -- engine 15/15, gradcheck 5/5, samplers 16/18, diagnostics 6/6, testing kit 12/12,
figures 3/3, memory 2/2. Written, 94 of 100 clear (94.0%), 1 unclear (1.0%), 5 silent (5.0%),
0 data loss -- engine 25/25, gradcheck 8/8, samplers 24/30, diagnostics 10/10, testing kit
19/20, figures 5/5, memory 2/2.

Not clear, kept:
- ``grid_inverse_cdf pdf one constant, not one value per point``: TypeError "pdf must be
  vectorised: given an array of shape (4097,) it must return one density per point, but it
  returned shape ()" (clear in substance; the function is not named by its own name,
  ``_flat_pdf``, as the README promises for messages about a function the user gave).
- ``find_center pdf returning the engine's Tensor``: silent (no error).
Not clear, written and not kept:
- ``from_density pdf returning the engine's Tensor``: silent.
- ``metropolis log_density returning the engine's Tensor``: silent.
- ``bin_masses cdf returning the engine's Tensor`` (after the correction): silent (before it:
  ValueError "cdf must be a CDF: at the edges it must return one number in [0, 1] per edge,
  never decreasing, got array([-1.71828183, ...])", the second fault, not the Tensor).
- ``assert_inverts cdf returning the engine's Tensor``: silent.

Measured on main at 73f292a (9e13143, the commit it was written at, plus a review commit of
docstrings and one message's wording), blind: kept, 59 of 61 clear (96.7%), 1 unclear, 1
silent, 0 data loss; written, 94 of 100 (94.0%), 1 unclear, 5 silent. With the seventieth
(57 of 57) the pair is 116 of 118 (98.3%), 1 silent. The five "returning the engine's Tensor"
cases have no fault: called on plain arrays the engine's ops return plain ndarrays, so those
functions return what the samplers ask for; the lead dropped them after the measurement
(``DROPPED``, with the reason; the engine's docstring now says so, and
``tests/test_bad_inputs_round49.py`` checks it). Without them: kept, 59 of 60 (98.3%), 0
silent; written, 94 of 95; the pair 116 of 117 (99.1%). Round 49 (with sight of this file and
the seventieth, so not blind): a function that is not vectorised, and a log-density of the
wrong shape, are named by their own names too. After it: all 60 kept clear; written, 95 of 95.
"""

import itertools
import os

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  mcse_mean, mcse_sd, metropolis_transition_matrix, pareto,
                                  rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import probability_vectors, u_grids

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples
from test_bad_inputs_twentyfirst import _edges, _ppf_sampler
from test_bad_inputs_twentyfifth import _fixed
from test_bad_inputs_sixtyninth import _a_file, _chains

GEN = "generator"     # a user's function written with ``yield`` instead of ``return``
LAZY = "LazyArray"    # the dask-like duck type below
MAP = "map"           # a map object (Python 3's lazy map, never turned into a list)
TENSOR = "Tensor"     # the engine's own Tensor, returned by a sampler's function


class LazyArray:
    """A dask-like lazy array, built by hand (dask is not installed): ``shape``, ``dtype``,
    ``ndim`` and ``compute()``, but no ``__array__``: its values exist only after
    ``.compute()``, which the careless user forgot."""

    def __init__(self, data):
        self._data = np.asarray(data, dtype=float)
        self.shape = self._data.shape
        self.dtype = self._data.dtype
        self.ndim = self._data.ndim

    def compute(self):
        return self._data.copy()

    def __repr__(self):
        return f"dask.array<LazyArray, shape={self.shape}, dtype={self.dtype}>"


def _lazy(a):
    return LazyArray(a)


def _map(a):
    """A fresh map object over the entries of ``a`` (one use only, as in Python 3)."""
    return map(float, np.ravel(np.asarray(a, dtype=float)).tolist())


def _loss_yielding(x):
    """A user's loss written with ``yield`` where ``return`` was meant."""
    yield ad.sum(x * x)


def _loss_as_map(x):
    """A user's loss returning a map of per-entry losses (a lazy map, not a sum)."""
    return map(lambda v: v * v, [x[i] for i in range(3)])


def _loss_needing_scale(x, *, scale):
    """A user's loss with a required keyword-only argument nobody passes."""
    return scale * ad.sum(x * x)


def _impl_yielding(x):
    """A Primitive's impl written with ``yield``."""
    yield 2.0 * np.asarray(x)


def _pdf_yielding(x):
    """A user's density written with ``yield``."""
    yield np.exp(-0.5 * np.asarray(x) ** 2)


def _cdf_yielding(x):
    """A user's CDF written with ``yield``."""
    yield stats.norm.cdf(x)


def _ppf_yielding(u):
    """A user's quantile function written with ``yield``."""
    yield stats.norm.ppf(u)


def _log_density_yielding(x):
    """A user's log-density written with ``yield``."""
    yield -0.5 * np.sum(np.asarray(x) ** 2, axis=-1)


def _f_yielding(x):
    """A user's integrand written with ``yield``."""
    yield np.asarray(x) ** 2


def _flat_pdf(x):
    """A user's uniform density on [0, 1], written as one constant (not one value per point)."""
    return 1.0


def _pdf_tensor(x):
    """A user's density written with the engine's ops, so it returns the engine's Tensor."""
    return ad.exp(-0.5 * ad.mul(x, x))


def _log_density_tensor(x):
    """A user's log-density written with the engine's ops (returns the engine's Tensor)."""
    return ad.sum(-0.5 * ad.mul(x, x), axis=-1)


def _cdf_tensor(x):
    """A user's exponential CDF written with the engine's ops (returns the engine's Tensor)."""
    return 1.0 - ad.exp(ad.neg(x))


def _cdf_needing_scale(x, *, scale):
    """A user's CDF with a required keyword-only scale nobody passes."""
    return stats.norm.cdf(np.asarray(x) / scale)


def _pdf_needing_scale(x, *, scale):
    """A user's density with a required keyword-only scale nobody passes."""
    return np.exp(-0.5 * (np.asarray(x) / scale) ** 2)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad of a fun returning a map of per-entry losses", lambda d: ad.grad(
        _loss_as_map)(X3), ["fun", MAP]),
    ("grad at a dask-like LazyArray, compute() not called", lambda d: ad.grad(_square)(
        _lazy(X3)), [LAZY]),
    ("value_and_grad of a generator function as fun", lambda d: ad.value_and_grad(
        _loss_yielding)(X3), ["fun", GEN]),
    ("jvp primals a map object", lambda d: ad.jvp(_square, (_map(X3),), (X3,)),
     ["primals", MAP]),
    ("jvp tangents a dask-like LazyArray", lambda d: ad.jvp(_square, (X3,), (_lazy(X3),)),
     ["tangents", LAZY]),
    ("vjp args a map object", lambda d: ad.vjp(_square, _map(X3)), ["vjp", MAP]),
    ("jacobian of a fun with a required keyword-only argument", lambda d: ad.jacobian(
        _loss_needing_scale)(X3), ["fun", "_loss_needing_scale"]),
    ("hessian at a dask-like LazyArray", lambda d: ad.hessian(_square)(_lazy(X3)), [LAZY]),
    ("exp of a map object", lambda d: ad.exp(_map(X3)), ["exp", MAP]),
    ("log of a dask-like LazyArray", lambda d: ad.log(_lazy(np.abs(X3))), ["log", LAZY]),
    ("tanh of an endless itertools.count", lambda d: ad.tanh(itertools.count()),
     ["tanh", "count"]),
    ("mean x a map object", lambda d: ad.mean(_map(X3)), ["x", MAP]),
    ("clip a_max a dask-like LazyArray", lambda d: ad.clip(X3, 0.0, _lazy(1.0)),
     ["a_max", LAZY]),
    ("matmul b a map object", lambda d: ad.matmul(np.eye(3), _map(X3)), ["b", MAP]),
    ("concatenate xs a map of arrays", lambda d: ad.concatenate(map(np.asarray, [X3, X3])),
     ["xs", MAP]),
    ("stack xs holding a dask-like LazyArray", lambda d: ad.stack([X3, _lazy(X3)]),
     ["xs", LAZY]),
    ("solve a a dask-like LazyArray", lambda d: ad.solve(_lazy(2.0 * np.eye(3)), X3),
     ["a", LAZY]),
    ("norm x a map object", lambda d: ad.norm(_map(X3)), ["x", MAP]),
    ("einsum operand a dask-like LazyArray", lambda d: ad.einsum("i,i->", X3, _lazy(X3)),
     ["einsum", LAZY]),
    ("grad argnums a map object", lambda d: ad.grad(_square, argnums=map(int, "0"))(X3),
     ["argnums", MAP]),
    ("where a a map object", lambda d: ad.where(X3 > 0, _map(X3), -X3), ["a", MAP]),
    ("grad of a fun with a required keyword-only argument", lambda d: ad.grad(
        _loss_needing_scale)(X3), ["fun", "_loss_needing_scale"]),
    ("Primitive impl a generator function", lambda d: ad.Primitive(
        "twice", _impl_yielding, lambda g, ans, x: 2.0 * g)(X3), ["impl", GEN]),
    ("stop_gradient x a map object", lambda d: ad.stop_gradient(_map(X3)), ["x", MAP]),
    ("var x a dask-like LazyArray", lambda d: ad.var(_lazy(X3)), ["x", LAZY]),
]

GRADCHECK_CASES = [
    ("check_grads fun with a required keyword-only argument", lambda d: check_grads(
        _loss_needing_scale, (X3,)), ["fun", "_loss_needing_scale"]),
    ("check_grads args a map object", lambda d: check_grads(
        _square, map(np.asarray, [X3])), ["args", MAP]),
    ("check_grads eps a dask-like LazyArray", lambda d: check_grads(
        _square, (X3,), eps=_lazy(1e-6)), ["eps", LAZY]),
    ("check_grads order a dask-like LazyArray", lambda d: check_grads(
        _square, (X3,), order=_lazy(2.0)), ["order", LAZY]),
    ("hvp fun returning a map of per-entry losses", lambda d: hvp(_loss_as_map, X3, X3),
     ["fun", MAP]),
    ("hvp x a dask-like LazyArray", lambda d: hvp(_square, _lazy(X3), X3), ["x", LAZY]),
    ("hvp v a map object", lambda d: hvp(_square, X3, _map(X3)), ["v", MAP]),
    ("check_grads atol a map object", lambda d: check_grads(
        _square, (X3,), atol=map(float, [1e-6])), ["atol", MAP]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p a map object", lambda d: DiscreteInverseCDF(
        _map([0.2, 0.3, 0.5])), ["p", MAP]),
    ("DiscreteInverseCDF p a dask-like LazyArray", lambda d: DiscreteInverseCDF(
        _lazy([0.2, 0.3, 0.5])), ["p", LAZY]),
    ("discrete ppf u a map object", lambda d: _discrete().ppf(_map([0.1, 0.5, 0.9])),
     ["u", MAP]),
    ("discrete rvs size a dask-like LazyArray", lambda d: _discrete().rvs(
        _lazy(5.0), random_state=_rng()), ["size", LAZY]),
    ("discrete from_uniforms u an endless itertools.count", lambda d:
        _discrete().from_uniforms(itertools.count()), ["u", "count"]),
    ("grid_inverse_cdf pdf a generator function", lambda d: grid_inverse_cdf(
        _pdf_yielding, -3.0, 3.0), ["pdf", GEN]),
    ("grid_inverse_cdf pdf one constant, not one value per point", lambda d:
        grid_inverse_cdf(_flat_pdf, 0.0, 1.0), ["pdf", "_flat_pdf"]),
    ("grid_inverse_cdf hi a dask-like LazyArray", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, _lazy(3.0)), ["hi", LAZY]),
    ("from_density pdf returning the engine's Tensor", lambda d:
        ContinuousInverseCDF.from_density(_pdf_tensor), ["pdf", TENSOR]),
    ("from_density pdf with a required keyword-only scale", lambda d:
        ContinuousInverseCDF.from_density(_pdf_needing_scale), ["pdf", "_pdf_needing_scale"]),
    ("from_density domain a map object", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, domain=_map([-5.0, 5.0])), ["domain", MAP]),
    ("from_density center a dask-like LazyArray", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, center=_lazy(0.0)), ["center", LAZY]),
    ("from_ppf ppf a generator function", lambda d: ContinuousInverseCDF.from_ppf(
        _ppf_yielding, stats.norm.cdf), ["ppf", GEN]),
    ("continuous sample rng a bare SFC64 bit generator", lambda d: _ppf_sampler().sample(
        5, np.random.SFC64(0)), ["rng", "SFC64"]),
    ("continuous rvs random_state a bare MT19937 bit generator", lambda d:
        _ppf_sampler().rvs(5, random_state=np.random.MT19937(0)), ["random_state", "MT19937"]),
    ("continuous from_uniforms u a map object", lambda d: _ppf_sampler().from_uniforms(
        _map([0.1, 0.5, 0.9])), ["u", MAP]),
    ("exponential rate a dask-like LazyArray", lambda d: exponential(_lazy(2.0)),
     ["rate", LAZY]),
    ("cauchy scale a map object", lambda d: cauchy(scale=_map([1.0])), ["scale", MAP]),
    ("pareto alpha a dask-like LazyArray", lambda d: pareto(_lazy(3.0)), ["alpha", LAZY]),
    ("metropolis log_density a generator function", lambda d: _metropolis(
        log_density=_log_density_yielding), ["log_density", GEN]),
    ("metropolis step_size a dask-like LazyArray", lambda d: _metropolis(
        step_size=_lazy(0.5)), ["step_size", LAZY]),
    ("metropolis x0 a map object", lambda d: _metropolis(x0=_map([0.0, 0.0])), ["x0", MAP]),
    ("metropolis log_density returning the engine's Tensor", lambda d: _metropolis(
        log_density=_log_density_tensor), ["log_density", TENSOR]),
    ("metropolis_transition_matrix p a map object", lambda d: metropolis_transition_matrix(
        _map([0.2, 0.3, 0.5]), np.full((3, 3), 1.0 / 3.0)), ["p", MAP]),
    ("integrate f a generator function", lambda d: integrate(_f_yielding, 0.0, 1.0),
     ["f", GEN]),
    ("density_values pdf with a required keyword-only scale", lambda d: density_values(
        _pdf_needing_scale, np.array([-1.0, 0.0, 1.0])), ["pdf", "_pdf_needing_scale"]),
    ("find_center pdf returning the engine's Tensor", lambda d: find_center(
        _pdf_tensor, -3.0, 3.0), ["pdf", TENSOR]),
    ("bin_masses cdf returning the engine's Tensor", lambda d: bin_masses(
        np.linspace(0.0, 2.0, 5), _cdf_tensor), ["cdf", TENSOR]),
    ("total_variation samples a dask-like LazyArray", lambda d: total_variation(
        _lazy(_samples()), _edges(), stats.norm.cdf), ["samples", LAZY]),
    ("fixed_step_chains rng a bare Philox bit generator", lambda d: _fixed(
        rng=np.random.Philox(0)), ["rng", "Philox"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a map object of draws", lambda d: split_rhat(_map(_chains()[0])),
     ["draws", MAP]),
    ("ess_bulk draws a dask-like LazyArray", lambda d: ess_bulk(_lazy(_chains())),
     ["draws", LAZY]),
    ("ess_tail prob a map object", lambda d: ess_tail(_chains(), prob=_map([0.05, 0.95])),
     ["prob", MAP]),
    ("ess_mean draws an endless itertools.count", lambda d: ess_mean(itertools.count()),
     ["draws", "count"]),
    ("mcse_sd draws a dask-like LazyArray", lambda d: mcse_sd(_lazy(_chains())),
     ["draws", LAZY]),
    ("rank_normalize draws a map object", lambda d: rank_normalize(_map(_chains()[0])),
     ["draws", MAP]),
    ("diagnose draws a dask-like LazyArray", lambda d: diagnose(_lazy(_chains())),
     ["draws", LAZY]),
    ("quantile_type7 x a map object", lambda d: quantile_type7(_map(_samples()), 0.5),
     ["x", MAP]),
    ("quantile_type7 prob a dask-like LazyArray", lambda d: quantile_type7(
        _samples(), _lazy(0.5)), ["prob", LAZY]),
    ("mcse_mean draws a map object", lambda d: mcse_mean(_map(_chains()[0])),
     ["draws", MAP]),
]

TESTING_CASES = [
    ("assert_cdf_matches cdf a generator function", lambda d: testing.assert_cdf_matches(
        _samples(), _cdf_yielding), ["cdf", GEN]),
    ("assert_cdf_matches samples a dask-like LazyArray", lambda d:
        testing.assert_cdf_matches(_lazy(_samples()), stats.norm.cdf), ["samples", LAZY]),
    ("assert_labels_match labels a map object", lambda d: testing.assert_labels_match(
        map(int, [0, 1, 0, 1]), [0.5, 0.5]), ["labels", MAP]),
    ("assert_same_distribution y a dask-like LazyArray", lambda d:
        testing.assert_same_distribution(_samples(), _lazy(_samples())), ["y", LAZY]),
    ("draws_needed discrepancy a dask-like LazyArray", lambda d: testing.draws_needed(
        _lazy(0.01)), ["discrepancy", LAZY]),
    ("smallest_detectable n a dask-like LazyArray", lambda d: testing.smallest_detectable(
        _lazy(1000.0)), ["n", LAZY]),
    ("dkw_epsilon n a dask-like LazyArray", lambda d: testing.dkw_epsilon(_lazy(1000.0)),
     ["n", LAZY]),
    ("ks_distance cdf with a required keyword-only argument", lambda d: testing.ks_distance(
        _samples(), _cdf_needing_scale), ["cdf", "_cdf_needing_scale"]),
    ("ks_distance samples a map object", lambda d: testing.ks_distance(
        _map(_samples()), stats.norm.cdf), ["samples", MAP]),
    ("two_sample_distance y a map object", lambda d: testing.two_sample_distance(
        _samples(), _map(_samples())), ["y", MAP]),
    ("chi_square_pvalue counts a map object", lambda d: testing.chi_square_pvalue(
        map(int, [3, 5, 2]), [0.3, 0.5, 0.2]), ["counts", MAP]),
    ("chi_square_power q a dask-like LazyArray", lambda d: testing.chi_square_power(
        [0.5, 0.5], _lazy([0.4, 0.6]), 1000), ["q", LAZY]),
    ("assert_monotone ppf a generator function", lambda d: testing.assert_monotone(
        _ppf_yielding, np.linspace(0.1, 0.9, 5)), ["ppf", GEN]),
    ("assert_inverts cdf returning the engine's Tensor", lambda d: testing.assert_inverts(
        stats.expon.ppf, _cdf_tensor, np.linspace(0.1, 0.9, 5), 1e-8), ["cdf", TENSOR]),
    ("density uniform hi a dask-like LazyArray", lambda d: densities.uniform(
        0.0, _lazy(1.0)), ["hi", LAZY]),
    ("density steps heights a map object", lambda d: densities.steps(
        np.array([0.0, 0.5, 1.0]), _map([1.0, 1.0])), ["heights", MAP]),
    ("density beta a a dask-like LazyArray", lambda d: densities.beta(_lazy(2.0), 3.0),
     ["a", LAZY]),
    ("density normal_mixture locs a map object", lambda d: densities.normal_mixture(
        [0.5, 0.5], _map([0.0, 1.0]), [1.0, 1.0]), ["locs", MAP]),
    ("strategies probability_vectors max_size a dask-like LazyArray", lambda d:
        probability_vectors(max_size=_lazy(12.0)), ["max_size", LAZY]),
    ("strategies u_grids cut_points a map object", lambda d: u_grids(
        cut_points=_map([0.5])), ["cut_points", MAP]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_numbers x a map object", lambda d: style.check_numbers(
        "values", _map([0.0, 0.5])), ["values", MAP]),
    ("style check_seed seed a dask-like LazyArray", lambda d: style.check_seed(
        _lazy(0.0)), ["seed", LAZY]),
    ("style check_count value a dask-like LazyArray", lambda d: style.check_count(
        "count", _lazy(3.0)), ["count", LAZY]),
    ("style subplots size a map object", lambda d: style.subplots(
        size=_map([6.4, 4.8])), ["size", MAP]),
    ("style check_positive_numbers value a map object", lambda d:
        style.check_positive_numbers("widths", _map([1.0, 2.0]), 2, "widths"),
     ["widths", MAP]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a dask-like LazyArray", lambda d:
        memory.keep_freed_memory(mmap_threshold=_lazy(67108864.0)),
     ["mmap_threshold", LAZY], None),
    ("keep_freed_memory trim_threshold an os.stat_result (its st_size meant)", lambda d:
        memory.keep_freed_memory(trim_threshold=os.stat(_a_file(d))),
     ["trim_threshold", "stat_result"], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
# Dropped by the lead after the measurement on main, as cases with no fault: called on plain
# arrays, the engine's ops are NumPy's and return plain ndarrays, not Tensors, so each of these
# functions returns what the sampler asks for (now said in scratchmeta/autodiff/__init__.py,
# "Outside a trace"; tests/test_bad_inputs_round49.py checks it).
REASON_NO_TENSOR = ("no fault: the engine's ops outside a trace return plain ndarrays, so the "
                    "function returns an array of numbers, not a Tensor")
DROPPED = {
    "from_density pdf returning the engine's Tensor": REASON_NO_TENSOR,
    "metropolis log_density returning the engine's Tensor": REASON_NO_TENSOR,
    "find_center pdf returning the engine's Tensor": REASON_NO_TENSOR,
    "bin_masses cdf returning the engine's Tensor": REASON_NO_TENSOR,
    "assert_inverts cdf returning the engine's Tensor": REASON_NO_TENSOR,
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (2, 3)."""
    return kept_cases(cases, (2, 3), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_seventyfirst_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_seventyfirst.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
