"""An eighty-first battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 2b66c42, from the user's side only: the README; the public names
(``__all__`` where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``memory``, ``sampling`` and its modules (``finite_chain``, ``interpolation``,
``step_size``, ``mixing``, ``tails``, ``quadrature``, ``diagnostics``, ``metropolis``), the
public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``,
``testing.densities``, ``testing.strategies`` and ``figures.style``; and the earlier batteries'
ids, layout and shared helpers (imported, not copied). No docstring was read after the first
run (there was no time left to judge a miss by one, so nothing was dropped). Not read: the body
of any validation code, the library's source, its history, anything of /work/main. No
``__main__`` module was imported. Writes: the cases that open a text file write
``numbers.csv`` into their folder; ``style.save`` writes into its folder.

Areas (library side only), as written: the autodiff engine -- mean, logsumexp, grad, norm,
einsum, solve, where, stack, std, var, clip, jvp, jacobian, hessian, value_and_grad, reshape,
expand_dims, tree_map, matmul, concatenate, squeeze, vjp, stop_gradient (25); gradcheck --
check_grads, hvp (8); samplers -- laplace, cauchy, logistic, exponential, weibull, pareto,
metropolis, from_density, grid_inverse_cdf, find_center, DiscreteInverseCDF and its ppf and
sample, ContinuousInverseCDF's ppf, u_error and from_uniforms, total_variation,
metropolis_transition_matrix, step_size_sweep (30); diagnostics (10); the testing kit, its
densities and ``u_grids`` (20); ``figures.style`` save, check_numbers, subplots, check_axes
(5); ``memory.keep_freed_memory`` (2): 100. No ``SCRATCHMETA_KEEP_FREED_MEMORY`` value was
drafted (its values are nearly exhausted).

Kinds of bad value:
- ``sys.float_info.max``, 1.7976931348623157e+308, the largest double, as a value (earlier
  batteries passed the ``sys.float_info`` / ``finfo`` *objects*, never this number): a scale,
  rate or shape (laplace, cauchy, logistic, weibull, pareto, exponential; densities laplace,
  student_t), a step (metropolis step_size, check_grads eps), a bound whose width overflows
  (from_density domain, grid_inverse_cdf lo, find_center b, densities.uniform lo), a point
  (from_density center, metropolis x0, check_grads args, hvp v), a probability or a count
  (DiscreteInverseCDF p, ess_tail prob, quantile_type7 prob, assert_monotone u, u_grids
  cut_points, chi_square_power n, smallest_detectable n, u_error sample_size, style subplots
  ncols, keep_freed_memory trim_threshold, std ddof), a missing-value marker in draws
  (split_rhat, mcse_mean);
- an xarray-like ``DataArray`` duck (``.values``, ``.dims``, no ``__array__``; ``_DataArray``)
  where its values were meant, on functions where no DataFrame/Series/DataArray duck was used:
  norm, einsum, solve, where, clip a_max, jvp primals, reshape, stop_gradient, stack, matmul b,
  and a user fun returning one (vjp, hessian, hvp); hvp x; discrete ppf u, continuous
  from_uniforms u, metropolis x0, metropolis_transition_matrix Q; ess_bulk, ess_mean, mcse_sd,
  rank_normalize, diagnose draws, quantile_type7 x; ks_distance samples,
  assert_same_distribution y, two_sample_distance y, assert_inverts u, chi_square_pvalue
  counts, normal_mixture locs; style check_numbers, check_axes, subplots nrows;
  keep_freed_memory mmap_threshold;
- an open text file (``TextIOWrapper``) of numbers where the numbers were meant: mean,
  logsumexp, grad, jacobian, expand_dims, tree_map; check_grads args; continuous ppf u,
  total_variation samples, step_size_sweep scaled; assert_cdf_matches samples,
  assert_labels_match labels, densities.steps heights;
- ``ctypes.c_double`` / ``c_int`` / ``c_char_p`` where a Python number or string was meant:
  var ddof, hessian argnum, value_and_grad argnums, concatenate, squeeze and mean axis;
  check_grads order and atol; laplace scale, cauchy loc, weibull shape, pareto alpha,
  metropolis step_size, n_warmup and target_acceptance, from_density u_resolution, discrete
  sample size; draws_needed discrepancy, dkw_epsilon n, assert_cdf_matches alpha, triangular
  mode; style save name.

Repeats: every id of the earlier batteries (11,079 distinct tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids and, per draft, with the earlier ids of the same function (first
two words) holding its kind word (1.797, largest, huge, open, file, TextIO, DataArray, xarray,
DataFrame, Series, ctypes, c_double, c_int, c_char). Before any run 12 drafts were replaced
for repeating an earlier substance: an open text file as stack xs, matmul a, hvp v,
DiscreteInverseCDF p, split_rhat, ess_mean, rank_normalize and quantile_type7 draws/x,
two_sample_distance y, assert_monotone u (all "... an open text file of numbers" earlier),
style save out_dir a file (earlier "style save out_dir a file") and style subplots nrows a
ctypes int (earlier). The remaining overlaps are only of other kinds (an ``NpzFile`` on mean,
grad, jacobian, assert_labels_match and steps).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (0, 3)`` were kept (``_kept``): 60 of the 100. After the
first run no case was added, reordered or swapped.

Dropped: none. Corrected: none.

First run at 2b66c42 (kept and --written a few seconds each, under ``ulimit -v 8000000``):
kept, 49 of 60 clear (81.7%), 6 unclear, 5 silent, 0 data loss -- engine 15/15, gradcheck 3/5,
samplers 12/18, diagnostics 5/6, testing kit 10/12, figures 3/3, memory 1/1. Written, 81 of 100
clear (81.0%), 9 unclear, 10 silent, 0 data loss -- engine 25/25, gradcheck 6/8, samplers
18/30, diagnostics 8/10, testing kit 17/20, figures 5/5, memory 2/2. Under pytest: 50 passed,
11 failed (the 11 kept cases below; NOT_CLEAR_YET is left empty for the lead).

Not clear, kept:
- ``check_grads args holding 1.7976931348623157e+308``: FloatingPointError "overflow
  encountered in multiply".
- ``hvp v holding 1.7976931348623157e+308``: FloatingPointError "add: overflow encountered in
  add (on (3,) and (3,); x = [1.79769313e+308 ...]" (no ``v``).
- ``cauchy scale``, ``weibull scale`` 1.7976931348623157e+308: silent.
- ``logistic scale 1.7976931348623157e+308``: ValueError "cdf returned np.float64(nan) at x =
  np.float64(-inf); a CDF must return a number in [0, 1] for every x" (no scale).
- ``metropolis step_size`` and ``metropolis x0`` 1.7976931348623157e+308: ValueError
  "log_density (_log_density) raised FloatingPointError when called on an array of shape (2,
  1): overflow encountered in multiply" (neither names the argument).
- ``grid_inverse_cdf lo -1.7976931348623157e+308``: silent.
- ``mcse_mean draws holding 1.7976931348623157e+308``: ValueError "draws are too large for
  mcse_mean: |draw - mean| reaches 1.79e+308, and the sum of its squares overflows float64;
  rescale them" (names draws; the value shown rounded, so the mention is not met).
- ``density student_t scale 1.7976931348623157e+308`` and ``density uniform lo
  -1.7976931348623157e+308``: silent.
Not clear, written and not kept:
- ``laplace scale``, ``exponential rate``, ``pareto scale`` 1.7976931348623157e+308: silent.
- ``from_density domain (-1.797e308, 1.797e308)`` and ``find_center b 1.797e308``:
  FloatingPointError "overflow encountered in spacing".
- ``DiscreteInverseCDF p holding 1.7976931348623157e+308 twice``: ValueError "probabilities p
  must sum to 1 within 1e-08, but p = [1.79769313e+308 ...] sums to inf" (value rounded).
- ``split_rhat draws holding 1.7976931348623157e+308``: silent.
- ``density laplace scale 1.7976931348623157e+308``: silent.

Measured on main at 2b66c42, the commit it was written at, blind: kept, 49 of 60 clear
(81.7%), 6 unclear, 5 silent, 0 data loss; written, 81 of 100 (81.0%), 9 unclear, 10 silent.
Most misses were one new kind, the mirror of the seventy-ninth's: 1.7976931348623157e+308,
float64's largest, as a scale, a step, a width or a data value. With the eightieth (52 of 55)
the pair is 101 of 115 (87.8%), 6 silent. Round 54 (with sight of this file and the
eightieth, so not blind): a positive scale, step size, rate or width above 1 / TINY (about
4.5e307, where its reciprocal is subnormal; an overflowed width too) is refused, by the rule
that refuses a subnormal one (``messages.out_of_scale``, replacing round 53's
``subnormal``). After it: 55 of 60 kept clear -- left, strict xfails in ``NOT_CLEAR_YET``
with reasons, five cases where the huge value is data or a domain end, not a scale (an
overflow inside the user's function, the engine's add, metropolis's x0, grid_inverse_cdf's
domain, and mcse_mean's rounded value); written, 91 of 100. Round 55 (not blind) mended
three of them: grid_inverse_cdf refuses a width that overflows, as the densities do (and so
do from_density's domain and find_center, two written-not-kept misses); metropolis says
"called at x0 = ..." when log_density fails at the start; the moments' check shows the
largest draw whole. After it: 58 of 60 kept clear (left: the user's own overflow in
check_grads's fun, and hvp's add not naming v); written, 96 of 100.
"""

import ctypes
import sys

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  laplace, logistic, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, pareto, rank_normalize,
                                  split_rhat, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import u_grids

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _example, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _normal_pdf, _samples
from test_bad_inputs_twentyfirst import _edges
from test_bad_inputs_sixtyninth import _chains

BIG = sys.float_info.max         # the largest double: finite, yet twice it overflows
BIGS = repr(BIG)                 # '1.7976931348623157e+308'
NBIGS = repr(-BIG)               # '-1.7976931348623157e+308'
FILE = "TextIOWrapper"           # an open text file, where the numbers in it were meant
DA = "DataArray"                 # an xarray-like DataArray without __array__ (its .values meant)
CD = "c_double"                  # ctypes.c_double, where a Python float was meant
CI = "c_int"                     # ctypes.c_int, where a Python int was meant

X23 = np.arange(6.0).reshape(2, 3)
X13 = np.array([[0.5, -1.0, 2.0]])


def _numbers_file(folder, rows=((0.1, -0.4, 1.3, 0.7),)):
    """An open text file of comma-separated numbers in ``folder``: the user opened the CSV
    and passed the handle (a ``TextIOWrapper``), not the numbers read from it."""
    path = folder / "numbers.csv"
    path.write_text("".join(",".join(repr(float(v)) for v in row) + "\n" for row in rows))
    return open(path)


class _DataArray:
    """An xarray-like labelled array, duck-typed: ``.values`` and ``.dims``, no ``__array__``
    (the user meant ``.values``)."""

    def __init__(self, values, dims=None):
        self.values = values
        self.shape = getattr(values, "shape", ())
        self.dims = dims or tuple(f"dim_{i}" for i in range(len(self.shape)))

    def __repr__(self):
        return f"<DataArray {self.shape} dims={self.dims}>"


def _returns_data_array(x):
    """A user's function returning its result wrapped in a DataArray, not the result."""
    return _DataArray(ad.sum(x * x))


def _returns_data_array_vector(x):
    return _DataArray(ad.exp(x))


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("mean x an open text file of numbers", lambda d: ad.mean(_numbers_file(d)),
     ["x", FILE]),
    ("logsumexp of an open text file of numbers", lambda d: ad.logsumexp(_numbers_file(d)),
     [FILE]),
    ("grad at an open text file of numbers", lambda d: ad.grad(_square)(_numbers_file(d)),
     [FILE]),
    ("norm x an xarray-like DataArray", lambda d: ad.norm(_DataArray(X23)), ["x", DA]),
    ("einsum an operand an xarray-like DataArray", lambda d: ad.einsum(
        "i,i->", X3, _DataArray(X3)), ["operand", DA]),
    ("solve b an xarray-like DataArray", lambda d: ad.solve(np.eye(3), _DataArray(X3)),
     ["b", DA]),
    ("where cond an xarray-like DataArray", lambda d: ad.where(
        _DataArray(X3 > 0), X3, -X3), ["cond", DA]),
    ("stack xs holding an xarray-like DataArray", lambda d: ad.stack(
        [X3, _DataArray(X3)]), ["xs", DA]),
    ("std ddof 1.7976931348623157e+308, the largest double", lambda d: ad.std(X23, ddof=BIG),
     ["ddof", BIGS]),
    ("var ddof a ctypes c_double", lambda d: ad.var(X23, ddof=ctypes.c_double(1.0)),
     ["ddof", CD]),
    ("clip a_max an xarray-like DataArray", lambda d: ad.clip(X3, -1.0, _DataArray(
        np.array(1.0))), ["a_max", DA]),
    ("jvp primals an xarray-like DataArray", lambda d: ad.jvp(
        _square, (_DataArray(X3),), (X3,)), ["primals", DA]),
    ("jacobian at an open text file of numbers", lambda d: ad.jacobian(ad.exp)(
        _numbers_file(d)), [FILE]),
    ("hessian argnum a ctypes c_int", lambda d: ad.hessian(
        _square, argnum=ctypes.c_int(0))(X3), ["argnum", CI]),
    ("value_and_grad argnums a ctypes c_int", lambda d: ad.value_and_grad(
        _square, argnums=ctypes.c_int(0))(X3), ["argnums", CI]),
    ("reshape of an xarray-like DataArray", lambda d: ad.reshape(_DataArray(X23), (3, 2)),
     [DA]),
    ("expand_dims x an open text file of numbers", lambda d: ad.expand_dims(
        _numbers_file(d), 0), ["x", FILE]),
    ("tree_map over an open text file of numbers", lambda d: ad.tree_map(
        ad.exp, _numbers_file(d)), [FILE]),
    ("matmul b an xarray-like DataArray", lambda d: ad.matmul(X23, _DataArray(X3)),
     ["b", DA]),
    ("concatenate axis a ctypes c_int", lambda d: ad.concatenate(
        [X3, X3], axis=ctypes.c_int(0)), ["axis", CI]),
    ("squeeze axis a ctypes c_int", lambda d: ad.squeeze(X13, axis=ctypes.c_int(0)),
     ["axis", CI]),
    ("mean axis a ctypes c_int", lambda d: ad.mean(X23, axis=ctypes.c_int(0)),
     ["axis", CI]),
    ("vjp of a fun returning its value inside an xarray-like DataArray", lambda d: ad.vjp(
        _returns_data_array_vector, X3), ["_returns_data_array_vector", DA]),
    ("hessian of a fun returning its loss inside an xarray-like DataArray", lambda d:
        ad.hessian(_returns_data_array)(X3), ["_returns_data_array", DA]),
    ("stop_gradient x an xarray-like DataArray", lambda d: ad.stop_gradient(_DataArray(X3)),
     ["x", DA]),
]

GRADCHECK_CASES = [
    ("check_grads eps 1.7976931348623157e+308, the largest double", lambda d: check_grads(
        _square, (X3,), eps=BIG), ["eps", BIGS]),
    ("check_grads args holding an open text file of numbers", lambda d: check_grads(
        _square, (_numbers_file(d),)), ["args", FILE]),
    ("check_grads order a ctypes c_int", lambda d: check_grads(
        _square, (X3,), order=ctypes.c_int(1)), ["order", CI]),
    ("hvp fun returning its loss inside an xarray-like DataArray", lambda d: hvp(
        _returns_data_array, X3, X3), ["_returns_data_array", DA]),
    ("hvp x an xarray-like DataArray", lambda d: hvp(_square, _DataArray(X3), X3),
     ["x", DA]),
    ("check_grads atol a ctypes c_double", lambda d: check_grads(
        _square, (X3,), atol=ctypes.c_double(1e-6)), ["atol", CD]),
    ("check_grads args holding 1.7976931348623157e+308 (its square overflows)", lambda d:
        check_grads(_square, (np.array([BIG, 1.0, 2.0]),)), ["args", BIGS]),
    ("hvp v holding 1.7976931348623157e+308 (twice it overflows)", lambda d: hvp(
        _square, X3, np.array([BIG, 0.0, 0.0])), ["v", BIGS]),
]

SAMPLER_CASES = [
    ("laplace scale 1.7976931348623157e+308, the largest double", lambda d: laplace(
        scale=BIG), ["scale", BIGS]),
    ("cauchy scale 1.7976931348623157e+308, the largest double", lambda d: cauchy(
        scale=BIG), ["scale", BIGS]),
    ("logistic scale 1.7976931348623157e+308, the largest double", lambda d: logistic(
        scale=BIG), ["scale", BIGS]),
    ("exponential rate 1.7976931348623157e+308 (its scale subnormal)", lambda d: exponential(
        rate=BIG), ["rate", BIGS]),
    ("weibull scale 1.7976931348623157e+308, the largest double", lambda d: weibull(
        1.5, scale=BIG), ["scale", BIGS]),
    ("pareto scale 1.7976931348623157e+308 (every draw above it)", lambda d: pareto(
        2.0, scale=BIG), ["scale", BIGS]),
    ("metropolis step_size 1.7976931348623157e+308, the largest double", lambda d:
        _metropolis(step_size=BIG), ["step_size", BIGS]),
    ("metropolis x0 holding 1.7976931348623157e+308", lambda d: _metropolis(
        x0=np.array([[BIG], [0.0]])), ["x0", BIGS]),
    ("from_density domain (-1.797e308, 1.797e308), its width overflows", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, domain=(-BIG, BIG)),
     ["domain", BIGS]),
    ("grid_inverse_cdf lo -1.7976931348623157e+308, the width overflows", lambda d:
        grid_inverse_cdf(_normal_pdf, -BIG, 3.0), ["lo", NBIGS]),
    ("find_center b 1.7976931348623157e+308, the width overflows", lambda d: find_center(
        _normal_pdf, -3.0, BIG), ["b", BIGS]),
    ("from_density center 1.7976931348623157e+308, far outside the mass", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, center=BIG), ["center", BIGS]),
    ("laplace scale a ctypes c_double", lambda d: laplace(scale=ctypes.c_double(1.0)),
     ["scale", CD]),
    ("cauchy loc a ctypes c_double", lambda d: cauchy(loc=ctypes.c_double(0.0)),
     ["loc", CD]),
    ("weibull shape a ctypes c_double", lambda d: weibull(ctypes.c_double(1.5)),
     ["shape", CD]),
    ("pareto alpha a ctypes c_double", lambda d: pareto(ctypes.c_double(2.0)),
     ["alpha", CD]),
    ("metropolis step_size a ctypes c_double", lambda d: _metropolis(
        step_size=ctypes.c_double(0.5)), ["step_size", CD]),
    ("from_density u_resolution a ctypes c_double", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, u_resolution=ctypes.c_double(1e-10)),
     ["u_resolution", CD]),
    ("DiscreteInverseCDF p holding 1.7976931348623157e+308 twice", lambda d:
        DiscreteInverseCDF([BIG, BIG, 1.0]), ["p", BIGS]),
    ("discrete ppf u an xarray-like DataArray", lambda d: DiscreteInverseCDF(
        [0.2, 0.3, 0.5]).ppf(_DataArray(np.array([0.1, 0.6]))), ["u", DA]),
    ("continuous ppf u an open text file of uniforms", lambda d: ContinuousInverseCDF.from_ppf(
        stats.norm.ppf, stats.norm.cdf).ppf(_numbers_file(d, [(0.1, 0.5, 0.9)])),
     ["u", FILE]),
    ("discrete sample size a ctypes c_int", lambda d: DiscreteInverseCDF(
        [0.2, 0.3, 0.5]).sample(ctypes.c_int(5), _rng()), ["size", CI]),
    ("continuous u_error sample_size 1.7976931348623157e+308", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf).u_error(
            sample_size=BIG), ["sample_size", BIGS]),
    ("continuous from_uniforms u an xarray-like DataArray", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf).from_uniforms(
            _DataArray(np.array([0.1, 0.5, 0.9]))), ["u", DA]),
    ("metropolis x0 an xarray-like DataArray", lambda d: _metropolis(
        x0=_DataArray(np.zeros((2, 1)))), ["x0", DA]),
    ("metropolis n_warmup a ctypes c_int", lambda d: _metropolis(
        n_warmup=ctypes.c_int(10)), ["n_warmup", CI]),
    ("metropolis target_acceptance a ctypes c_double", lambda d: _metropolis(
        target_acceptance=ctypes.c_double(0.44)), ["target_acceptance", CD]),
    ("total_variation samples an open text file of draws", lambda d: total_variation(
        _numbers_file(d), _edges(), stats.norm.cdf), ["samples", FILE]),
    ("metropolis_transition_matrix Q an xarray-like DataArray", lambda d:
        metropolis_transition_matrix([0.2, 0.3, 0.5], _DataArray(np.full((3, 3), 1 / 3))),
     ["Q", DA]),
    ("step_size_sweep scaled an open text file of step sizes", lambda d: step_size_sweep(
        _numbers_file(d, [(0.5, 1.0, 2.0)]), 2, 20, {"d1": 1}, [_rng()]), ["scaled", FILE]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws holding 1.7976931348623157e+308 as a missing-value marker", lambda d:
        split_rhat(np.where(np.arange(200).reshape(2, 100) == 7, BIG, _chains())),
     ["draws", BIGS]),
    ("ess_bulk draws an xarray-like DataArray", lambda d: ess_bulk(_DataArray(_chains())),
     ["draws", DA]),
    ("ess_tail prob (0.05, 1.7976931348623157e+308)", lambda d: ess_tail(
        _chains(), prob=(0.05, BIG)), ["prob", BIGS]),
    ("ess_mean draws an xarray-like DataArray", lambda d: ess_mean(_DataArray(_chains())),
     ["draws", DA]),
    ("mcse_sd draws an xarray-like DataArray", lambda d: mcse_sd(_DataArray(_chains())),
     ["draws", DA]),
    ("rank_normalize draws an xarray-like DataArray", lambda d: rank_normalize(
        _DataArray(_chains())), ["draws", DA]),
    ("diagnose draws an xarray-like DataArray", lambda d: diagnose(_DataArray(_chains())),
     ["draws", DA]),
    ("quantile_type7 prob 1.7976931348623157e+308", lambda d: quantile_type7(
        _samples(), BIG), ["prob", BIGS]),
    ("quantile_type7 x an xarray-like DataArray", lambda d: quantile_type7(
        _DataArray(_samples()), 0.5), ["x", DA]),
    ("mcse_mean draws holding 1.7976931348623157e+308 as a missing-value marker", lambda d:
        mcse_mean(np.where(np.arange(200).reshape(2, 100) == 7, BIG, _chains())),
     ["draws", BIGS]),
]

TESTING_CASES = [
    ("assert_cdf_matches samples an open text file of draws", lambda d:
        testing.assert_cdf_matches(_numbers_file(d), stats.norm.cdf), ["samples", FILE]),
    ("ks_distance samples an xarray-like DataArray", lambda d: testing.ks_distance(
        _DataArray(_samples()), stats.norm.cdf), ["samples", DA]),
    ("two_sample_distance y an xarray-like DataArray", lambda d:
        testing.two_sample_distance(_samples(), _DataArray(_samples())), ["y", DA]),
    ("assert_same_distribution y an xarray-like DataArray", lambda d:
        testing.assert_same_distribution(_samples(), _DataArray(_samples())), ["y", DA]),
    ("assert_monotone u holding 1.7976931348623157e+308", lambda d: testing.assert_monotone(
        stats.norm.ppf, np.array([0.1, 0.5, BIG])), ["u", BIGS]),
    ("assert_inverts u an xarray-like DataArray", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, _DataArray(np.linspace(0.1, 0.9, 5)), 1e-9),
     ["u", DA]),
    ("assert_labels_match labels an open text file of labels", lambda d:
        testing.assert_labels_match(_numbers_file(d, [(0, 1, 2, 2, 1)]), [0.2, 0.3, 0.5]),
     ["labels", FILE]),
    ("chi_square_pvalue counts an xarray-like DataArray", lambda d: testing.chi_square_pvalue(
        _DataArray(np.array([20, 30, 50])), [0.2, 0.3, 0.5]), ["counts", DA]),
    ("chi_square_power n 1.7976931348623157e+308", lambda d: testing.chi_square_power(
        [0.2, 0.3, 0.5], [0.3, 0.3, 0.4], BIG), ["n", BIGS]),
    ("draws_needed discrepancy a ctypes c_double", lambda d: testing.draws_needed(
        ctypes.c_double(0.005)), ["discrepancy", CD]),
    ("dkw_epsilon n a ctypes c_int", lambda d: testing.dkw_epsilon(ctypes.c_int(1000)),
     ["n", CI]),
    ("smallest_detectable n 1.7976931348623157e+308", lambda d: testing.smallest_detectable(
        BIG), ["n", BIGS]),
    ("assert_cdf_matches alpha a ctypes c_double", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alpha=ctypes.c_double(1e-6)), ["alpha", CD]),
    ("density laplace scale 1.7976931348623157e+308, the largest double", lambda d:
        densities.laplace(scale=BIG), ["scale", BIGS]),
    ("density student_t scale 1.7976931348623157e+308, the largest double", lambda d:
        densities.student_t(3.0, scale=BIG), ["scale", BIGS]),
    ("density triangular mode a ctypes c_double", lambda d: densities.triangular(
        0.0, ctypes.c_double(0.5), 1.0), ["mode", CD]),
    ("density uniform lo -1.7976931348623157e+308, the width overflows", lambda d:
        densities.uniform(-BIG, 1.0), ["lo", NBIGS]),
    ("density normal_mixture locs an xarray-like DataArray", lambda d:
        densities.normal_mixture([0.5, 0.5], _DataArray(np.array([-1.0, 1.0])), [1.0, 1.0]),
     ["locs", DA]),
    ("density steps heights an open text file of heights", lambda d: densities.steps(
        [0.0, 1.0, 2.0], _numbers_file(d, [(0.5, 0.5)])), ["heights", FILE]),
    ("strategies u_grids cut_points holding 1.7976931348623157e+308", lambda d: _example(
        u_grids(cut_points=(0.5, BIG))), ["cut_points", BIGS]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style save name a ctypes c_char_p", lambda d: style.save(
        style.subplots()[0], d, ctypes.c_char_p(b"fig_a")), ["name", "c_char_p"]),
    ("style check_numbers x an xarray-like DataArray", lambda d: style.check_numbers(
        "values", _DataArray(X3)), ["values", DA]),
    ("style subplots nrows an xarray-like DataArray", lambda d: style.subplots(
        nrows=_DataArray(np.array(1))), ["nrows", DA]),
    ("style check_axes ax an xarray-like DataArray", lambda d: style.check_axes(
        _DataArray(X23)), ["ax", DA]),
    ("style subplots ncols 1.7976931348623157e+308", lambda d: style.subplots(ncols=BIG),
     ["ncols", BIGS]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold an xarray-like DataArray", lambda d:
        memory.keep_freed_memory(mmap_threshold=_DataArray(np.array(1 << 20))),
     ["mmap_threshold", DA], None),
    ("keep_freed_memory trim_threshold 1.7976931348623157e+308", lambda d:
        memory.keep_freed_memory(trim_threshold=BIG), ["trim_threshold", BIGS], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 3)."""
    return kept_cases(cases, (0, 3), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    'check_grads args holding 1.7976931348623157e+308 (its square overflows)': (
        "unclear: NumPy's overflow inside the user's fun, a FloatingPointError that passes through (as the README says)"),
    'hvp v holding 1.7976931348623157e+308 (twice it overflows)': (
        "unclear: the engine's add names its overflow and its operands, but as a FloatingPointError, not naming v"),
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_eightyfirst_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_eightyfirst.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
