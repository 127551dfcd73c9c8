"""A seventy-fifth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit df2ceb2, from the user's side only: the README; the public names
(``__all__`` where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``memory``, ``sampling`` and its modules (``finite_chain``, ``interpolation``,
``step_size``, ``mixing``, ``tails``, ``quadrature``, ``diagnostics``, ``metropolis``), the
public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``,
``testing.densities``, ``testing.strategies`` and ``figures.style``; after the first run, to
judge the misses only, the docstrings of ``autodiff.tree_flatten`` and ``autodiff.power``
(the latter shows ``Primitive``'s docstring: nothing on a negative base); and the earlier
batteries' ids, layout and shared helpers (imported, not copied). Not read: the body of any
validation code, the library's source, its history, anything of /work/main. No ``__main__``
module was imported; no case writes a file.

Areas (library side only), as written: the autodiff engine -- grad, jvp, vjp, jacobian,
hessian, value_and_grad, tree_flatten, tree_map, stop_gradient, ops (power, stack,
concatenate, einsum, where, mean, exp, matmul, clip, var, std, squeeze, expand_dims,
broadcast_to, matrix_transpose) (25); gradcheck -- check_grads, hvp (8); samplers --
DiscreteInverseCDF and its sample, ppf; grid_inverse_cdf; from_density, from_ppf, the
continuous ppf, rvs, u_error; exponential, pareto, cauchy; metropolis;
metropolis_transition_matrix; density_values, find_center; total_variation;
optimal_acceptance (32); diagnostics (10); the testing kit, its densities and one strategy
(uniforms_near_edges) (20); ``figures.style`` helpers (5); ``memory.keep_freed_memory`` (2):
102. No ``SCRATCHMETA_KEEP_FREED_MEMORY`` value was drafted (its values are nearly exhausted).

Kinds of bad value:
- a builtin ``zip`` object (a user zipping where an array, a pair or a number was meant;
  mentions ``zip``): jvp primals, stack and concatenate xs, einsum operand, where a, grad
  argnums, stop_gradient x, broadcast_to shape, a fun returning one under value_and_grad,
  matrix_transpose x, expand_dims axis, tree_flatten tree and tree_map trees (both dropped);
  check_grads args and atol, hvp x; discrete and continuous ppf u, from_density domain,
  u_resolution and center, metropolis x0 and n_warmup, density_values x, total_variation
  samples; split_rhat, rank_normalize, mcse_mean and diagnose draws (zip of two chains),
  ess_tail prob; assert_cdf_matches samples, assert_labels_match labels, assert_monotone u,
  dkw_epsilon n, two_sample_distance y, chi_square_pvalue counts; style check_numbers,
  check_count, check_positive_numbers; keep_freed_memory mmap_threshold;
- a scipy ``CubicSpline`` fitted on a finite table and extrapolating past it (negative
  density, a CDF that is not monotone; mentions ``CubicSpline``): vjp, hessian, check_grads
  and hvp fun; grid_inverse_cdf pdf (on [-6, 6]), from_density pdf, from_ppf cdf, metropolis
  log_density; assert_cdf_matches and ks_distance cdf;
- a user function whose value changes on every call (a call counter, 0.1 % a call; mentions
  its name): grid_inverse_cdf pdf, from_ppf ppf, metropolis log_density, find_center pdf,
  assert_cdf_matches and ks_distance cdf (check_grads, hvp and from_density had it already,
  as "answering differently on every call": not drafted there);
- a sign typo, exp(+x^2/2): from_density pdf, metropolis log_density;
- records where one of their fields or another value was meant: the ``Center`` of
  find_center (mean x, jacobian argnum, hvp v, exponential rate, pareto alpha), the ``Rates``
  of an assertion (matmul b, var ddof, metropolis target_acceptance, optimal_acceptance dim,
  smallest_detectable n, chi_square_power q, keep_freed_memory trim_threshold), a sampler's
  ``UError`` (exp, check_grads eps, grid_inverse_cdf hi, u_error sample_size, cauchy scale,
  metropolis step_size, quantile_type7 prob, assert_inverts u_resolution, draws_needed
  discrepancy, chi_square_pvalue p), a ``MetropolisResult`` (clip x, ess_bulk, ess_mean and
  mcse_sd draws, quantile_type7 x, assert_same_distribution y);
- a NumPy ``True_`` (mentions ``True``): std ddof, discrete sample size, continuous rvs size,
  style subplots ncols;
- the wrong quantity: log-probabilities for p (DiscreteInverseCDF, assert_labels_match,
  metropolis_transition_matrix, normal_mixture weights, uniforms_near_edges), the cumulative
  probabilities for p (DiscreteInverseCDF, assert_labels_match), a size in pixels (style
  subplots), a negative base to a fractional power, squeeze of a length-3 axis, a dict of
  parameters holding itself under grad.

Repeats: every id of the earlier batteries (10,633 distinct tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids and, per draft, with the earlier ids of the same function and
argument holding its kind word. Before any run 23 drafts were replaced for repeating an
earlier substance: a list or dict "that holds itself" under tree_flatten and tree_map ("...
contains itself"), var ddof equal to n ("var ddof as large as n"), the log-density as the pdf
of grid_inverse_cdf, from_density and density_values ("... the scipy logpdf"), from_density
center the Center record (the same id), grid_inverse_cdf n, expand_dims axis, jacobian argnum,
pareto alpha, metropolis n_warmup, optimal_acceptance dim, quantile_type7 prob and
dkw_epsilon n a NumPy True_ (Python's True or a NumPy True_ there before), check_grads, hvp
and from_density fun/pdf drifting between calls ("answering differently on every call"),
metropolis log_density summed over all chains ("returning one number"),
chi_square_pvalue p log-probabilities and style check_positive_numbers in log space
("negative"), chi_square_pvalue p and chi_square_power q the cumulative probabilities ("not
summing to 1", "summing to 1.5"). Kind words found in no earlier id: "zip object", "drifts
between calls", "sign", "pixels", "extrapolating".

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (0, 4)`` were kept (``_kept``): 61 of the 102 (one memory
case). After the first run no case was added, reordered or swapped.

Dropped (``DROPPED``, 2, one kept): ``tree_flatten tree a zip object of name-array pairs``
(written only; silent) and ``tree_map trees a zip object`` (kept; TypeError naming f and zip,
not trees): tree_flatten's docstring makes anything but nested lists, tuples, namedtuples and
dicts one leaf, so a zip is a valid leaf.
Corrected (2): ``metropolis log_density a CubicSpline extrapolating past its table`` also
passed ``x0=np.zeros(2)``, a second fault (refused first, naming x0); it now uses the shared
x0 of shape (2, 1). ``assert_labels_match p the cumulative probabilities`` demanded the sum
"1.5", wording the value's repr does not hold; it now demands the repr "0.5, 1." (written
only).

First run at df2ceb2 (kept and --written about a minute each, under ``ulimit -v 8000000``),
before the drops and corrections: kept, 49 of 61 clear (80.3%), 7 unclear, 5 silent, 0 data
loss; written, 84 of 102 clear (82.4%), 10 unclear, 8 silent, 0 data loss. After them:
kept, 50 of 59 clear (84.7%), 5 unclear (8.5%), 4 silent (6.8%), 0 data loss -- engine 12/13,
gradcheck 5/5, samplers 14/19, diagnostics 6/6, testing kit 9/12, figures 3/3, memory 1/1.
Written, 86 of 100 clear (86.0%), 7 unclear, 7 silent, 0 data loss -- engine 22/23, gradcheck
7/8, samplers 24/32, diagnostics 10/10, testing kit 16/20, figures 5/5, memory 2/2.

Not clear, kept:
- ``power of a negative base to the exponent 0.5``: FloatingPointError "invalid value
  encountered in power" (NumPy's, under errstate; neither power nor -1 named).
- ``from_density pdf a CubicSpline extrapolating past its table``: ValueError "pdf: the
  density is negative (-inf) at x = -1e+154; ..." (names pdf and the fault, not the
  CubicSpline; the lead may judge it clear in substance).
- ``from_density pdf with the sign of its exponent lost``: ValueError "pdf: the density is
  infinite at x = -1.0000000000000126e+308; it must be finite inside the domain ..." (names
  pdf, not ``_pdf_sign_typo``; clear in substance).
- ``from_ppf cdf a CubicSpline extrapolating past its table``: ValueError "cdf returned
  np.float64(nan) at x = np.float64(-inf); a CDF must return a number in [0, 1] for every x"
  (names cdf, not the CubicSpline).
- ``metropolis log_density with its sign flipped``: FloatingPointError "underflow encountered
  in exp" (the walk runs off; log_density not named).
- silent: ``metropolis log_density whose value drifts between calls`` (the README promises a
  sampler's density is read twice at one point first), ``assert_cdf_matches cdf whose value
  drifts between calls``, ``ks_distance cdf a CubicSpline extrapolating past its table``
  (not monotone below -2.5 among the samples), ``ks_distance cdf whose value drifts between
  calls``.
Not clear, written and not kept:
- ``check_grads fun a fitted CubicSpline``: TypeError "grad: fun raised TypeError ...: NumPy
  was asked to turn a scratchmeta Tensor into an array ..." (names fun and why, not the
  CubicSpline).
- ``grid_inverse_cdf pdf a CubicSpline extrapolating past its table``: ValueError "pdf: the
  density is negative (-0.6087656831140398) at x = -6.0; ..." (not the CubicSpline).
- silent: ``from_ppf ppf whose value drifts between calls``, ``find_center pdf whose value
  drifts between calls``, ``assert_cdf_matches cdf a CubicSpline extrapolating past its
  table``.
Dropped after the first run: the two zip cases of the trees (above).

Measured on main at df2ceb2, the commit it was written at, blind: kept, 50 of 59 clear
(84.7%), 5 unclear, 4 silent, 0 data loss; written, 86 of 100 (86.0%), 7 unclear, 7 silent.
With the seventy-fourth (55 of 59) the pair is 105 of 118 (89.0%), 4 silent. Round 51 (with
sight of this file and the seventy-fourth, so not blind): NumPy's FloatingPointError inside
an engine op names the op and its small arguments, and an "invalid value" (a NaN made from
numbers) is also a ValueError (``InvalidValueError``); metropolis ignores its own harmless
underflow; metropolis's log_density (at x0 and one unit away), from_ppf's ppf and cdf,
find_center's pdf and the kit's cdf are read twice and a drift is named
(``messages.drifted``); ``ks_distance`` refuses a cdf that decreases; the samplers' density
messages and check_grads's closures name the user's function by its own name. After it: 58
of 59 kept clear, 99 of 100 written -- left, silent: ``metropolis log_density with its sign
flipped`` (an improper target, exp(+x**2/2): the walk runs off, and no finite run can tell
that from a wide target).
"""

import numpy as np
import pytest
from scipy import stats
from scipy.interpolate import CubicSpline

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, UError, cauchy,
                                  exponential,
                                  diagnose, ess_bulk, ess_mean, ess_tail, grid_inverse_cdf,
                                  mcse_mean, mcse_sd, metropolis_transition_matrix,
                                  optimal_acceptance, pareto, rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.sampling.quadrature import density_values
from scratchmeta.sampling.tails import Center, find_center
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import uniforms_near_edges

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples
from test_bad_inputs_twentyfirst import _edges, _ppf_sampler
from test_bad_inputs_sixtyninth import _chains

ZIP = "zip"              # a builtin zip object of pairs, where an array or a sequence was meant
TRUE = "True"            # numpy.True_, a NumPy bool from a comparison, where a number was meant
SPLINE = "CubicSpline"   # a scipy CubicSpline fitted on a finite table, extrapolating past it
CENTER = "Center"        # the Center record that find_center returns
RATES = "Rates"          # the Rates record that the testing kit's assertions return
UERR = "UError"          # the UError record that a sampler's u_error returns
RESULT = "MetropolisResult"   # the record metropolis returns (its samples meant)
LOG_P3 = "-1.6"          # the start of the repr of log(0.2), in np.log([0.2, 0.3, 0.5])
LOG_HALF = "-0.69"       # the start of the repr of log(0.5)


def _zip(a):
    """A zip of (index, value) pairs of ``a`` (a user zipping where an array was meant)."""
    a = np.asarray(a, dtype=float)
    return zip(range(a.size), a.ravel())


def _zip_rows(a):
    """A zip of the rows of a 2-D array: its columns as tuples, lazily."""
    return zip(*np.asarray(a, dtype=float))


def _spline_pdf():
    """A density tabulated on [-3, 3] and fitted by a CubicSpline, which extrapolates past
    the table: negative outside (-3, 3) (-0.18 at 5, -2513 at 50)."""
    xs = np.linspace(-3.0, 3.0, 13)
    return CubicSpline(xs, stats.norm.pdf(xs))


def _spline_cdf():
    """A normal CDF tabulated on [-2, 2] and fitted by a CubicSpline: past the table it is not
    monotone (0.0153 at -3, 0.0108 at -2.5) and stays near 0.01 and 0.99."""
    xs = np.linspace(-2.0, 2.0, 9)
    return CubicSpline(xs, stats.norm.cdf(xs))


def _spline_log_density():
    """A log-density tabulated on [-3, 3] and fitted by a CubicSpline (extrapolates)."""
    xs = np.linspace(-3.0, 3.0, 13)
    return CubicSpline(xs, -0.5 * xs ** 2)


def _drifting(f, name):
    """``f`` with a value that changes on every call (a global call counter in the user's
    function: 0.1 % more each call), named ``name``."""
    calls = [0]

    def drifting(*args):
        calls[0] += 1
        return f(*args) * (1.0 + 1e-3 * calls[0])

    drifting.__name__ = drifting.__qualname__ = name
    return drifting


def _pdf_drifting():
    return _drifting(_normal_pdf, "_pdf_drifting")


def _cdf_drifting():
    return _drifting(stats.norm.cdf, "_cdf_drifting")


def _ppf_drifting():
    return _drifting(stats.norm.ppf, "_ppf_drifting")


def _log_density_drifting():
    return _drifting(lambda x: -0.5 * np.sum(np.asarray(x) ** 2, axis=-1),
                     "_log_density_drifting")


def _pdf_sign_typo(x):
    """A normal density with the sign of its exponent lost: it grows without bound."""
    return np.exp(+0.5 * np.asarray(x) ** 2)


def _log_density_sign_typo(x):
    """A log-density with its sign flipped: +|x|^2 / 2, no target at all."""
    return +0.5 * np.sum(np.asarray(x) ** 2, axis=-1)


def _cyclic_dict():
    """A dict of parameters that holds itself under the key 'self'."""
    tree = {"w": X3.copy()}
    tree["self"] = tree
    return tree


def _tree_loss(p):
    return ad.sum(p["w"] * p["w"])


def _center():
    """The Center record find_center returns (its ``c`` was meant)."""
    return Center(c=0.0, lo=-3.0, hi=3.0, nan_at=(), settled=())


def _rates():
    """The Rates record of an earlier statistical assertion."""
    return testing.Rates(statistic=0.05, threshold=0.1, n=200, alpha=1e-6, detectable=0.2)


def _u_error():
    """The UError record of a sampler's u_error (its max_error was meant)."""
    return UError(max_error=1e-11, mean_absolute_error=1e-12)


def _result():
    """A MetropolisResult (its ``samples`` were meant)."""
    return _metropolis(n_steps=40)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad at a dict of parameters that holds itself", lambda d: ad.grad(_tree_loss)(
        _cyclic_dict()), ["self"]),
    ("tree_flatten tree a zip object of name-array pairs", lambda d: ad.tree_flatten(
        zip(["w", "b"], [X3, X3])), ["tree", ZIP]),
    ("tree_map trees a zip object", lambda d: ad.tree_map(lambda a: 2.0 * a, _zip(X3)),
     ["trees", ZIP]),
    ("power of a negative base to the exponent 0.5", lambda d: ad.power(X3, 0.5),
     ["power", "-1"]),
    ("jvp primals a zip object", lambda d: ad.jvp(_square, _zip(X3), (X3,)),
     ["primals", ZIP]),
    ("stack xs a zip object of arrays", lambda d: ad.stack(zip(X3[None, :], X3[None, :])),
     ["xs", ZIP]),
    ("concatenate xs a zip object of arrays", lambda d: ad.concatenate(
        zip([X3], [X3])), ["xs", ZIP]),
    ("vjp of a fitted CubicSpline as fun", lambda d: ad.vjp(_spline_pdf(), X3),
     ["fun", SPLINE]),
    ("einsum an operand a zip object", lambda d: ad.einsum("i,i->", X3, _zip(X3)),
     ["operand", ZIP]),
    ("where a a zip object", lambda d: ad.where(X3 > 0, _zip(X3), X3), ["a", ZIP]),
    ("mean x the Center record of find_center", lambda d: ad.mean(_center()),
     ["x", CENTER]),
    ("exp of the UError record of a sampler", lambda d: ad.exp(_u_error()), ["exp", UERR]),
    ("matmul b the Rates record", lambda d: ad.matmul(np.eye(5), _rates()), ["b", RATES]),
    ("clip x a MetropolisResult", lambda d: ad.clip(_result(), -1.0, 1.0), ["x", RESULT]),
    ("var ddof the Rates record", lambda d: ad.var(X3, ddof=_rates()), ["ddof", RATES]),
    ("squeeze axis of a length-3 dimension", lambda d: ad.squeeze(X3[None, :], axis=1),
     ["axis", "1"]),
    ("expand_dims axis a zip object", lambda d: ad.expand_dims(X3, zip([0], [1])),
     ["axis", ZIP]),
    ("grad argnums a zip object", lambda d: ad.grad(_square, argnums=zip([0], [1]))(X3),
     ["argnums", ZIP]),
    ("jacobian argnum the Center record of find_center", lambda d: ad.jacobian(
        lambda x: x * x, argnum=_center())(X3), ["argnum", CENTER]),
    ("hessian of a fitted CubicSpline as fun", lambda d: ad.hessian(_spline_pdf())(1.0),
     ["fun", SPLINE]),
    ("stop_gradient x a zip object", lambda d: ad.stop_gradient(_zip(X3)), ["x", ZIP]),
    ("broadcast_to shape a zip object", lambda d: ad.broadcast_to(X3, zip([2], [3])),
     ["shape", ZIP]),
    ("value_and_grad of a fun returning a zip object", lambda d: ad.value_and_grad(
        lambda x: zip([ad.sum(x)], [1.0]))(X3), ["fun", ZIP]),
    ("matrix_transpose x a zip object of rows", lambda d: ad.matrix_transpose(
        _zip_rows(np.eye(2))), ["x", ZIP]),
    ("std ddof a numpy True_", lambda d: ad.std(X3, ddof=np.True_), ["ddof", TRUE]),
]

GRADCHECK_CASES = [
    ("check_grads atol a zip object", lambda d: check_grads(_square, (X3,),
                                                          atol=zip([1e-6], [1e-6])),
     ["atol", ZIP]),
    ("hvp fun a fitted CubicSpline", lambda d: hvp(_spline_pdf(), np.array(0.5),
                                                    np.array(1.0)), ["fun", SPLINE]),
    ("check_grads args a zip object", lambda d: check_grads(_square, zip([X3], [X3])),
     ["args", ZIP]),
    ("hvp x a zip object", lambda d: hvp(_square, _zip(X3), X3), ["x", ZIP]),
    ("check_grads fun a fitted CubicSpline", lambda d: check_grads(
        _spline_pdf(), (np.array(0.5),)), ["fun", SPLINE]),
    ("check_grads order a numpy True_", lambda d: check_grads(_square, (X3,),
                                                              order=np.True_),
     ["order", TRUE]),
    ("hvp v the Center record of find_center", lambda d: hvp(_square, X3, _center()),
     ["v", CENTER]),
    ("check_grads eps the UError record of a sampler", lambda d: check_grads(
        _square, (X3,), eps=_u_error()), ["eps", UERR]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p log-probabilities", lambda d: DiscreteInverseCDF(
        np.log([0.2, 0.3, 0.5])), ["p", LOG_P3]),
    ("DiscreteInverseCDF p the cumulative probabilities", lambda d: DiscreteInverseCDF(
        [0.2, 0.5, 1.0]), ["p", "1.7"]),
    ("discrete sample size a numpy True_", lambda d: _discrete().sample(np.True_, _rng()),
     ["size", TRUE]),
    ("discrete ppf u a zip object", lambda d: _discrete().ppf(_zip([0.1, 0.5, 0.9])),
     ["u", ZIP]),
    ("grid_inverse_cdf pdf a CubicSpline extrapolating past its table", lambda d:
        grid_inverse_cdf(_spline_pdf(), -6.0, 6.0), ["pdf", SPLINE]),
    ("grid_inverse_cdf pdf whose value drifts between calls", lambda d: grid_inverse_cdf(
        _pdf_drifting(), -3.0, 3.0), ["pdf", "_pdf_drifting"]),
    ("grid_inverse_cdf hi the UError record of a sampler", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, _u_error()), ["hi", UERR]),
    ("from_density pdf a CubicSpline extrapolating past its table", lambda d:
        ContinuousInverseCDF.from_density(_spline_pdf()), ["pdf", SPLINE]),
    ("from_density pdf with the sign of its exponent lost", lambda d:
        ContinuousInverseCDF.from_density(_pdf_sign_typo), ["pdf", "_pdf_sign_typo"]),
    ("from_density u_resolution a zip object", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, u_resolution=zip([1e-10], [1e-12])), ["u_resolution", ZIP]),
    ("exponential rate the Center record of find_center", lambda d: exponential(_center()),
     ["rate", CENTER]),
    ("from_density center a zip object", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, center=zip([0.0], [1.0])), ["center", ZIP]),
    ("from_density domain a zip object", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, domain=zip([-5.0], [5.0])), ["domain", ZIP]),
    ("from_ppf cdf a CubicSpline extrapolating past its table", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, _spline_cdf()), ["cdf", SPLINE]),
    ("from_ppf ppf whose value drifts between calls", lambda d:
        ContinuousInverseCDF.from_ppf(_ppf_drifting(), stats.norm.cdf),
     ["ppf", "_ppf_drifting"]),
    ("continuous ppf u a zip object", lambda d: _ppf_sampler().ppf(_zip([0.1, 0.5, 0.9])),
     ["u", ZIP]),
    ("continuous rvs size a numpy True_", lambda d: _ppf_sampler().rvs(
        np.True_, random_state=0), ["size", TRUE]),
    ("continuous u_error sample_size the UError record of an earlier call", lambda d:
        _ppf_sampler().u_error(_u_error()), ["sample_size", UERR]),
    ("pareto alpha the Center record of find_center", lambda d: pareto(_center()),
     ["alpha", CENTER]),
    ("cauchy scale the UError record of a sampler", lambda d: cauchy(scale=_u_error()),
     ["scale", UERR]),
    ("metropolis step_size the UError record of a sampler", lambda d: _metropolis(
        step_size=_u_error()), ["step_size", UERR]),
    ("metropolis log_density with its sign flipped", lambda d: _metropolis(
        log_density=_log_density_sign_typo, n_steps=2000),
     ["log_density", "_log_density_sign_typo"]),
    ("metropolis log_density whose value drifts between calls", lambda d: _metropolis(
        log_density=_log_density_drifting()), ["log_density", "_log_density_drifting"]),
    ("metropolis log_density a CubicSpline extrapolating past its table", lambda d:
        _metropolis(log_density=_spline_log_density()),
     ["log_density", SPLINE]),
    ("metropolis x0 a zip object", lambda d: _metropolis(x0=_zip([0.0, 0.0])),
     ["x0", ZIP]),
    ("metropolis n_warmup a zip object", lambda d: _metropolis(n_warmup=zip([5], [10])),
     ["n_warmup", ZIP]),
    ("metropolis target_acceptance the Rates record", lambda d: _metropolis(
        target_acceptance=_rates()), ["target_acceptance", RATES]),
    ("metropolis_transition_matrix p log-probabilities", lambda d:
        metropolis_transition_matrix(np.log([0.2, 0.3, 0.5]), np.full((3, 3), 1 / 3)),
     ["p", LOG_P3]),
    ("density_values x a zip object", lambda d: density_values(
        _normal_pdf, _zip([-1.0, 0.0, 1.0])), ["x", ZIP]),
    ("find_center pdf whose value drifts between calls", lambda d: find_center(
        _pdf_drifting(), -3.0, 3.0), ["pdf", "_pdf_drifting"]),
    ("total_variation samples a zip object", lambda d: total_variation(
        _zip(_samples()), _edges(), stats.norm.cdf), ["samples", ZIP]),
    ("optimal_acceptance dim the Rates record", lambda d: optimal_acceptance(_rates()),
     ["dim", RATES]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a zip object of two chains", lambda d: split_rhat(
        zip(*_chains())), ["draws", ZIP]),
    ("ess_bulk draws a MetropolisResult", lambda d: ess_bulk(_result()),
     ["draws", RESULT]),
    ("ess_mean draws a MetropolisResult", lambda d: ess_mean(_result()),
     ["draws", RESULT]),
    ("mcse_sd draws a MetropolisResult", lambda d: mcse_sd(_result()), ["draws", RESULT]),
    ("ess_tail prob a zip object", lambda d: ess_tail(_chains(), prob=zip([0.05], [0.95])),
     ["prob", ZIP]),
    ("quantile_type7 x a MetropolisResult", lambda d: quantile_type7(_result(), 0.5),
     ["x", RESULT]),
    ("quantile_type7 prob the UError record of a sampler", lambda d: quantile_type7(
        _samples(), _u_error()), ["prob", UERR]),
    ("rank_normalize draws a zip object of two chains", lambda d: rank_normalize(
        zip(*_chains())), ["draws", ZIP]),
    ("mcse_mean draws a zip object of two chains", lambda d: mcse_mean(zip(*_chains())),
     ["draws", ZIP]),
    ("diagnose draws a zip object of two chains", lambda d: diagnose(zip(*_chains())),
     ["draws", ZIP]),
]

TESTING_CASES = [
    ("assert_cdf_matches cdf a CubicSpline extrapolating past its table", lambda d:
        testing.assert_cdf_matches(_samples(), _spline_cdf()), ["cdf", SPLINE]),
    ("assert_cdf_matches cdf whose value drifts between calls", lambda d:
        testing.assert_cdf_matches(_samples(), _cdf_drifting()), ["cdf", "_cdf_drifting"]),
    ("assert_cdf_matches samples a zip object", lambda d: testing.assert_cdf_matches(
        _zip(_samples()), stats.norm.cdf), ["samples", ZIP]),
    ("assert_labels_match p log-probabilities", lambda d: testing.assert_labels_match(
        np.array([0, 1] * 20), np.log([0.5, 0.5])), ["p", LOG_HALF]),
    ("assert_labels_match p the cumulative probabilities", lambda d:
        testing.assert_labels_match(np.array([0, 1] * 20), [0.5, 1.0]), ["p", "0.5, 1."]),
    ("assert_labels_match labels a zip object", lambda d: testing.assert_labels_match(
        zip(range(40), [0, 1] * 20), [0.5, 0.5]), ["labels", ZIP]),
    ("assert_same_distribution y a MetropolisResult", lambda d:
        testing.assert_same_distribution(_samples(), _result()), ["y", RESULT]),
    ("assert_monotone u a zip object", lambda d: testing.assert_monotone(
        stats.norm.ppf, _zip([0.1, 0.5, 0.9])), ["u", ZIP]),
    ("assert_inverts u_resolution the UError record of a sampler", lambda d:
        testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, np.linspace(0.1, 0.9, 5),
                               _u_error()), ["u_resolution", UERR]),
    ("draws_needed discrepancy the UError record of a sampler", lambda d:
        testing.draws_needed(_u_error()), ["discrepancy", UERR]),
    ("smallest_detectable n the Rates record", lambda d: testing.smallest_detectable(
        _rates()), ["n", RATES]),
    ("dkw_epsilon n a zip object", lambda d: testing.dkw_epsilon(zip([100], [200])),
     ["n", ZIP]),
    ("ks_distance cdf a CubicSpline extrapolating past its table", lambda d:
        testing.ks_distance(_samples(), _spline_cdf()), ["cdf", SPLINE]),
    ("ks_distance cdf whose value drifts between calls", lambda d: testing.ks_distance(
        _samples(), _cdf_drifting()), ["cdf", "_cdf_drifting"]),
    ("two_sample_distance y a zip object", lambda d: testing.two_sample_distance(
        _samples(), _zip(_samples())), ["y", ZIP]),
    ("chi_square_pvalue p the UError record of a sampler", lambda d:
        testing.chi_square_pvalue([3, 5, 2], _u_error()), ["p", UERR]),
    ("chi_square_pvalue counts a zip object", lambda d: testing.chi_square_pvalue(
        zip([0, 1, 2], [3, 5, 2]), [0.3, 0.5, 0.2]), ["counts", ZIP]),
    ("chi_square_power q the Rates record", lambda d: testing.chi_square_power(
        [0.5, 0.5], _rates(), 100), ["q", RATES]),
    ("density normal_mixture weights log-probabilities", lambda d: densities.normal_mixture(
        np.log([0.5, 0.5]), [-1.0, 1.0], [1.0, 1.0]), ["weights", LOG_HALF]),
    ("strategies uniforms_near_edges p log-probabilities", lambda d: uniforms_near_edges(
        np.log([0.2, 0.3, 0.5])), ["p", LOG_P3]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style subplots size in pixels", lambda d: style.subplots(size=(1920, 1080)),
     ["size", "1920"]),
    ("style check_numbers x a zip object", lambda d: style.check_numbers(
        "values", _zip([0.0, 0.5])), ["values", ZIP]),
    ("style check_count value a zip object", lambda d: style.check_count(
        "count", zip([3], [4])), ["count", ZIP]),
    ("style check_positive_numbers value a zip object", lambda d:
        style.check_positive_numbers("widths", _zip([0.5, 2.0]), 2, "widths"),
     ["widths", ZIP]),
    ("style subplots ncols a numpy True_", lambda d: style.subplots(ncols=np.True_),
     ["ncols", TRUE]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a zip object", lambda d: memory.keep_freed_memory(
        mmap_threshold=zip([64], [2 ** 20])), ["mmap_threshold", ZIP], None),
    ("keep_freed_memory trim_threshold the Rates record", lambda d:
        memory.keep_freed_memory(trim_threshold=_rates()), ["trim_threshold", RATES], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "tree_flatten tree a zip object of name-array pairs": (
        "no bad input by the docs: tree_flatten's docstring makes anything but nested lists, "
        "tuples, namedtuples and dicts (sets refused) one leaf, so a zip is a leaf"),
    "tree_map trees a zip object": (
        "no bad input by the docs: a zip is one leaf (tree_flatten's docstring), so the "
        "fault is the user's f failing on it, which the TypeError names as f's"),
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 4)."""
    return kept_cases(cases, (0, 4), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    "metropolis log_density with its sign flipped": "silent: an improper target (exp(+x**2/2)) "
        "lets the walk run off, and no finite run tells it from a wide target",
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_seventyfifth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_seventyfifth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
