"""A seventy-ninth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit fde1760, from the user's side only: the README; the public names
(``__all__`` where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``memory``, ``sampling`` and its modules (``finite_chain``, ``interpolation``,
``step_size``, ``mixing``, ``tails``, ``quadrature``, ``diagnostics``, ``metropolis``), the
public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``,
``testing.densities``, ``testing.strategies`` and ``figures.style``; after the first run, to
judge the misses only, the docstrings of ``tree_flatten``, ``check_grads``, ``laplace``,
``weibull``, ``pareto``, ``densities.uniform``, ``densities.student_t``,
``densities.normal_mixture``, ``ess_tail``, ``style.save``, ``value_and_grad``, ``grad`` and
``jvp``; and the earlier batteries' ids, layout and shared helpers (imported, not copied). Not
read: the body of any validation code, the library's source, its history, anything of
/work/main. No ``__main__`` module was imported. Writes: ``style.save`` cases, into their folder.

Areas (library side only), as written: the autodiff engine -- sum, var, std, min, prod,
squeeze, norm, stack, concatenate (axis), grad, value_and_grad, hessian, jacobian, vjp, jvp,
trace, stop_gradient, einsum, concatenate (xs), tree_flatten (25); gradcheck -- check_grads,
hvp (8); samplers -- laplace, cauchy, logistic, exponential, weibull, pareto, metropolis,
from_density, from_ppf, grid_inverse_cdf, find_center, density_values, total_variation,
metropolis_transition_matrix, step_size_sweep (30); diagnostics (10); the testing kit, its
densities and uniforms_near_edges (20); ``figures.style`` save, subplots, check_numbers,
check_axes (5); ``memory.keep_freed_memory`` (2): 100. No ``SCRATCHMETA_KEEP_FREED_MEMORY``
value was drafted (its values are nearly exhausted).

Kinds of bad value:
- ``5e-324``, the smallest subnormal double, as a "positive" scale, rate, step or tolerance
  (1/x overflows; mentions ``5e-324``): check_grads eps, rtol and atol; laplace, cauchy,
  logistic, weibull and pareto scale, exponential rate, weibull shape, pareto alpha; metropolis
  step_size, from_density u_resolution, step_size_sweep scaled; assert_inverts u_resolution;
  the densities uniform, beta, triangular and trapezoid hi above lo 0, student_t, laplace and
  pareto scale, normal_mixture scales; keep_freed_memory mmap_threshold and trim_threshold;
- ``scipy.special.erf`` taken for the normal CDF (values in [-1, 1]; mentions ``erf``): as a
  cdf (from_ppf, total_variation, assert_cdf_matches, ks_distance, assert_inverts), as a pdf
  (grid_inverse_cdf, from_density, find_center, density_values), as an engine fun (jacobian,
  vjp; hessian and hvp through ``_erf_sum``), and the function where values were meant
  (mcse_sd draws, quantile_type7 prob);
- ``np.cumsum``, a running total, not a pointwise function (mentions ``cumsum``): cdf of
  from_ppf, total_variation, assert_cdf_matches, ks_distance, assert_inverts; pdf of
  from_density, grid_inverse_cdf, find_center, density_values; ppf of from_ppf; fun of grad,
  vjp, check_grads; ess_mean draws (not called);
- the cumulative probabilities ``np.cumsum(p)`` where p was meant: metropolis_transition_matrix
  p and Q (rows), chi_square_pvalue p, chi_square_power p, normal_mixture weights,
  uniforms_near_edges p;
- a ``scipy.optimize.minimize`` result (an ``OptimizeResult``) where its ``.x`` was meant
  (mentions ``OptimizeResult``): jacobian, trace, jvp tangents, stop_gradient, einsum operand,
  concatenate xs, tree_flatten; check_grads args, hvp x; metropolis x0, from_density center,
  logistic loc; split_rhat, ess_bulk, mcse_mean, rank_normalize, diagnose draws, quantile_type7
  x; two_sample_distance x; style check_numbers;
- an axis or argument repeated, ``(0, 0)``: sum, var, std, min, prod, squeeze, norm axis,
  stack and concatenate axis (a tuple), value_and_grad argnums, hessian argnum; ess_tail prob
  (0.05, 0.05);
- a user's loss returned inside a one-element Python list (mentions ``_loss_in_a_list``):
  value_and_grad, hessian, hvp;
- figures: save name a ``pathlib.PurePosixPath`` and ``'..'``, subplots with both a size and
  a figsize, check_axes ax ``plt.gca`` not called;
- np.exp as from_density's pdf on the real line (infinite mass).

Repeats: every id of the earlier batteries (11,136 distinct tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids and, per draft, with the earlier ids of the same function (first
two words) holding its kind word (5e-324, subnormal, erf, cumsum, OptimizeResult, repeated,
(0, 0), list, cumulative, Path, .., figsize, gca, not called, exp). Before any run 5 drafts
were replaced for repeating an earlier substance: grad and check_grads of a fun returning a
list (earlier "grad of a function returning a list", "check_grads fun returning a list"), vjp
at an OptimizeResult (earlier "vjp at a scipy OptimizeResult (its x meant)"), rank_normalize
draws and style check_numbers x a function not called (earlier "a bound method not called",
"a frozen scipy distribution (rvs not called)"); they became vjp of scipy.special.erf, check_grads
atol 5e-324, trace at an OptimizeResult, rank_normalize draws and style check_numbers x an
OptimizeResult. Kind words found in no earlier id: "5e-324", "subnormal", "cumsum",
"PurePosixPath", "figsize", "gca"; "erf" only as a function used inside check_grads and jvp's
fun; "OptimizeResult" and "cumulative" on other functions only.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (3, 4)`` were kept (``_kept``): 62 of the 100. After the
first run no case was added, reordered or swapped.

Dropped (``DROPPED``, 4, all silent; 2 kept, 2 written only): ``tree_flatten tree a scipy
minimize OptimizeResult`` (kept; the docstring takes dicts as nested structures and an
OptimizeResult is a dict), ``style save name '..', the parent folder`` (kept; no fault: save
writes ``<out_dir>/<name>.png``, the file ``...png`` inside the folder), ``value_and_grad
argnums (0, 0)`` (its docstring: "a repeated argnum gets the same gradient again"),
``density normal_mixture weights the cumulative weights`` (its docstring normalises the
weights). Corrected: none.

First run at fde1760 (kept and --written a few seconds each, under ``ulimit -v 8000000``),
before the drops: kept, 34 of 62 clear (54.8%), 13 unclear, 15 silent, 0 data loss; written,
58 of 100 clear (58.0%), 18 unclear, 24 silent, 0 data loss. After them: kept, 34 of 60 clear
(56.7%), 13 unclear, 13 silent -- engine 13/14, gradcheck 2/6, samplers 7/18, diagnostics 5/6,
testing kit 4/12, figures 1/2, memory 2/2. Written, 58 of 96 clear (60.4%), 18 unclear, 20
silent, 0 data loss -- engine 22/23, gradcheck 3/8, samplers 13/30, diagnostics 9/10, testing
kit 6/19, figures 3/4, memory 2/2.

Not clear, kept:
- ``jvp tangents a scipy minimize OptimizeResult``: TypeError "jvp: tangent 0 (leaf 1) is an
  integer array (dtype int64) (tangents[0]); gradients need float arrays" (no OptimizeResult).
- ``check_grads eps 5e-324``: FloatingPointError "underflow encountered in multiply".
- ``check_grads args holding a scipy minimize OptimizeResult``: TypeError "check_grads argument
  is an integer array (dtype int64), got 123 in args[0]" (no OptimizeResult).
- ``check_grads atol 5e-324`` and ``check_grads rtol 5e-324``: silent (no error).
- ``laplace scale``, ``cauchy scale``, ``logistic scale``, ``pareto scale``, ``weibull shape``,
  ``pareto alpha`` 5e-324: silent.
- ``metropolis step_size 5e-324``: FloatingPointError "underflow encountered in multiply".
- ``total_variation cdf scipy.special.erf``: ValueError "cdf (ufunc) must be a CDF: ... in [0,
  1] ..., got array([-0.84270079, ...])" (names the role and "ufunc", not erf).
- ``step_size_sweep scaled holding 5e-324``: FloatingPointError "overflow encountered in
  divide".
- ``grid_inverse_cdf pdf`` and ``from_density pdf scipy.special.erf``: ValueError "pdf (ufunc):
  the density is negative (-0.99997...) at x = -3.0; ..." (not erf).
- ``ess_tail prob (0.05, 0.05)``: silent.
- ``assert_cdf_matches cdf`` and ``ks_distance cdf scipy.special.erf``: ValueError "cdf (ufunc)
  must map an array of draws to ... numbers in [0, 1] (no NaN); ..." (not erf).
- ``assert_inverts cdf np.cumsum``: AssertionError "F(Q(u)) differs from u by 2.31 at u = 0.5".
- ``assert_inverts u_resolution 5e-324``: AssertionError "F(Q(u)) differs from u by 1.11e-16 at
  u = 0.9 ...; the stated u-resolution is 4.94066e-324".
- ``density uniform hi``, ``density student_t scale``, ``density laplace scale``, ``density
  beta hi`` 5e-324: silent.
- ``style subplots size and a figsize too``: TypeError "subplots: the keyword arguments
  ['figsize'] go to matplotlib's subplots, which refused them: ... got multiple values for
  keyword argument 'figsize'" (no value (4, 3)).
Not clear, written and not kept:
- ``hvp x a scipy minimize OptimizeResult``: TypeError "hvp: x (leaf 1) is an integer array
  (dtype int64)" (no OptimizeResult).
- ``exponential rate 5e-324`` and ``weibull scale 5e-324``: silent.
- ``from_ppf cdf scipy.special.erf``: ValueError "cdf (ufunc) returned -1.0 at x = -inf; a CDF
  must return a number in [0, 1]" (not erf).
- ``from_ppf ppf np.cumsum``: silent.
- ``find_center pdf`` and ``density_values pdf scipy.special.erf``: ValueError "pdf (ufunc):
  the density is negative ..." (not erf).
- ``assert_inverts cdf scipy.special.erf``: AssertionError "F(Q(u)) differs from u by 1.03 at
  u = 0.1".
- ``density normal_mixture scales``, ``density pareto scale``, ``density triangular hi``,
  ``density trapezoid hi`` 5e-324: silent.
Dropped after the first run: the four silent cases above.

Measured on main at fde1760, the commit it was written at, blind: kept, 34 of 60 clear
(56.7%), 13 unclear, 13 silent, 0 data loss; written, 58 of 96 (60.4%), 18 unclear, 20
silent. Most misses were one new kind: 5e-324, the smallest subnormal float64, as a scale, a
step or a width (positive and finite, so every check passed, but 1 / it overflows). The lead
dropped after the measurement two kept cases, check_grads atol and rtol 5e-324 (``DROPPED``,
with the reason: 0 is accepted for both, and a subnormal one acts as 0): kept, 34 of 58
(58.6%), 11 silent; the pair, 86 of 113 (76.1%), 11 silent. Round 53 (with sight of this file
and the seventy-eighth, so not blind): a positive scale, step size, rate, eps or interval
width below the smallest normal float64 is refused (``messages.subnormal``, ``TINY``; the
engine's own check for eps); a result object (a dict subclass such as an OptimizeResult) is
named where an argument or a tangent is flattened; a ufunc is named by its name (``erf``);
``ess_tail`` refuses one tail twice; ``assert_inverts`` refuses a cdf with values outside
[0, 1] as a bad cdf, and a u_resolution below float64's rounding near 1; ``style.subplots``
shows the keywords it passed on. After it: all 58 kept clear; written, 93 of 94 -- left,
silent: ``from_ppf ppf np.cumsum, not pointwise`` (non-decreasing on every sorted probe).
"""

import pathlib

import matplotlib.pyplot as plt
import numpy as np
import pytest
from scipy import optimize, special, stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, cauchy, diagnose, ess_bulk, ess_mean,
                                  ess_tail, exponential, grid_inverse_cdf, laplace, logistic,
                                  mcse_mean, mcse_sd, metropolis_transition_matrix, pareto,
                                  rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.sampling.quadrature import density_values
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import uniforms_near_edges

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _example, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _normal_pdf, _samples
from test_bad_inputs_twentyfirst import _edges
from test_bad_inputs_sixtyninth import _chains

SUB = 5e-324                     # the smallest subnormal double: "positive", yet 1/SUB overflows
SUBS = repr(SUB)                 # '5e-324'
ERF = "erf"                      # scipy.special.erf, values in [-1, 1], taken for the normal CDF
CUMSUM = "cumsum"                # np.cumsum, a running total, not a pointwise function
OPT = "OptimizeResult"           # scipy.optimize.minimize's result, where its .x was meant

X23 = np.arange(6.0).reshape(2, 3)
X13 = np.array([[0.5, -1.0, 2.0]])


def _opt_result(n=3):
    """What ``scipy.optimize.minimize`` returns (a dict subclass); its ``.x`` was meant."""
    return optimize.minimize(lambda x: float(np.sum((x - 0.5) ** 2)), np.zeros(n),
                             method="Nelder-Mead", options={"maxiter": 200})


def _loss_in_a_list(x):
    """A user's loss returned inside a one-element Python list, not as the loss itself."""
    return [ad.sum(x * x)]


def _erf_sum(x):
    """A user's loss built on scipy.special.erf, a SciPy ufunc, not an engine op."""
    return ad.sum(special.erf(x))


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("sum axis (0, 0), an axis repeated", lambda d: ad.sum(X23, axis=(0, 0)),
     ["axis", "(0, 0)"]),
    ("var axis (0, 0), an axis repeated", lambda d: ad.var(X23, axis=(0, 0)),
     ["axis", "(0, 0)"]),
    ("std axis (1, 1), an axis repeated", lambda d: ad.std(X23, axis=(1, 1)),
     ["axis", "(1, 1)"]),
    ("min axis (0, 0), an axis repeated", lambda d: ad.min(X23, axis=(0, 0)),
     ["axis", "(0, 0)"]),
    ("prod axis (1, 1), an axis repeated", lambda d: ad.prod(X23, axis=(1, 1)),
     ["axis", "(1, 1)"]),
    ("squeeze axis (0, 0), an axis repeated", lambda d: ad.squeeze(X13, axis=(0, 0)),
     ["axis", "(0, 0)"]),
    ("norm axis (0, 0), an axis repeated", lambda d: ad.norm(X23, axis=(0, 0)),
     ["axis", "(0, 0)"]),
    ("vjp of scipy.special.erf as fun, not an engine op", lambda d: ad.vjp(special.erf, X3),
     ["fun", ERF]),
    ("value_and_grad of a fun returning its loss inside a one-element list", lambda d:
        ad.value_and_grad(_loss_in_a_list)(X3), ["_loss_in_a_list", "list"]),
    ("hessian of a fun returning its loss inside a one-element list", lambda d: ad.hessian(
        _loss_in_a_list)(X3), ["_loss_in_a_list", "list"]),
    ("jacobian at a scipy minimize OptimizeResult (its .x meant)", lambda d: ad.jacobian(
        _square)(_opt_result()), [OPT]),
    ("trace at a scipy minimize OptimizeResult (its .x meant)", lambda d: ad.trace(
        _square, _opt_result()), [OPT]),
    ("jvp tangents a scipy minimize OptimizeResult (its .x meant)", lambda d: ad.jvp(
        _square, (X3,), (_opt_result(),)), ["tangents", OPT]),
    ("grad of np.cumsum as fun (a vector, not a scalar loss)", lambda d: ad.grad(np.cumsum)(X3),
     ["fun", CUMSUM]),
    ("jacobian of scipy.special.erf as fun, not an engine op", lambda d: ad.jacobian(
        special.erf)(X3), ["fun", ERF]),
    ("hessian of scipy.special.erf as fun, not an engine op", lambda d: ad.hessian(
        _erf_sum)(X3), ["fun", ERF]),
    ("vjp of np.cumsum as fun, not an engine op", lambda d: ad.vjp(np.cumsum, X3),
     ["fun", CUMSUM]),
    ("tree_flatten tree a scipy minimize OptimizeResult", lambda d: ad.tree_flatten(
        _opt_result()), ["tree", OPT]),
    ("stop_gradient x a scipy minimize OptimizeResult (its .x meant)", lambda d:
        ad.stop_gradient(_opt_result()), ["x", OPT]),
    ("einsum an operand a scipy minimize OptimizeResult (its .x meant)", lambda d: ad.einsum(
        "i,i->", X3, _opt_result()), ["operand", OPT]),
    ("concatenate xs holding a scipy minimize OptimizeResult", lambda d: ad.concatenate(
        [X3, _opt_result()]), ["xs", OPT]),
    ("stack axis (0, 0), a tuple of repeated axes", lambda d: ad.stack([X3, X3], axis=(0, 0)),
     ["axis", "(0, 0)"]),
    ("concatenate axis (0, 0), a tuple of repeated axes", lambda d: ad.concatenate(
        [X3, X3], axis=(0, 0)), ["axis", "(0, 0)"]),
    ("value_and_grad argnums (0, 0), an argument repeated", lambda d: ad.value_and_grad(
        _square, argnums=(0, 0))(X3), ["argnums", "(0, 0)"]),
    ("hessian argnum (0, 0), an argument repeated", lambda d: ad.hessian(
        _square, argnum=(0, 0))(X3), ["argnum", "(0, 0)"]),
]

GRADCHECK_CASES = [
    ("check_grads atol 5e-324, the smallest subnormal", lambda d: check_grads(
        _square, (X3,), atol=SUB), ["atol", SUBS]),
    ("check_grads eps 5e-324, the smallest subnormal", lambda d: check_grads(
        _square, (X3,), eps=SUB), ["eps", SUBS]),
    ("check_grads args holding a scipy minimize OptimizeResult", lambda d: check_grads(
        _square, (_opt_result(),)), ["args", OPT]),
    ("hvp fun returning its loss inside a one-element list", lambda d: hvp(
        _loss_in_a_list, X3, X3), ["_loss_in_a_list", "list"]),
    ("hvp x a scipy minimize OptimizeResult (its .x meant)", lambda d: hvp(
        _square, _opt_result(), X3), ["x", OPT]),
    ("check_grads rtol 5e-324, the smallest subnormal", lambda d: check_grads(
        _square, (X3,), rtol=SUB), ["rtol", SUBS]),
    ("hvp fun scipy.special.erf, not an engine op", lambda d: hvp(
        _erf_sum, X3, X3), ["fun", ERF]),
    ("check_grads fun np.cumsum, a vector", lambda d: check_grads(np.cumsum, (X3,)),
     ["fun", CUMSUM]),
]

SAMPLER_CASES = [
    ("laplace scale 5e-324, the smallest subnormal", lambda d: laplace(scale=SUB),
     ["scale", SUBS]),
    ("cauchy scale 5e-324, the smallest subnormal", lambda d: cauchy(scale=SUB),
     ["scale", SUBS]),
    ("logistic scale 5e-324, the smallest subnormal", lambda d: logistic(scale=SUB),
     ["scale", SUBS]),
    ("exponential rate 5e-324, the smallest subnormal", lambda d: exponential(rate=SUB),
     ["rate", SUBS]),
    ("weibull scale 5e-324, the smallest subnormal", lambda d: weibull(1.5, scale=SUB),
     ["scale", SUBS]),
    ("pareto scale 5e-324, the smallest subnormal", lambda d: pareto(2.0, scale=SUB),
     ["scale", SUBS]),
    ("metropolis step_size 5e-324, the smallest subnormal", lambda d: _metropolis(
        step_size=SUB), ["step_size", SUBS]),
    ("from_density u_resolution 5e-324, the smallest subnormal", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, u_resolution=SUB),
     ["u_resolution", SUBS]),
    ("from_ppf cdf scipy.special.erf (values in [-1, 1])", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, special.erf), ["cdf", ERF]),
    ("from_ppf cdf np.cumsum, not pointwise", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, np.cumsum), ["cdf", CUMSUM]),
    ("total_variation cdf scipy.special.erf (values in [-1, 1])", lambda d: total_variation(
        _samples(), _edges(), special.erf), ["cdf", ERF]),
    ("total_variation cdf np.cumsum, not pointwise", lambda d: total_variation(
        _samples(), _edges(), np.cumsum), ["cdf", CUMSUM]),
    ("from_density pdf np.cumsum, not pointwise", lambda d:
        ContinuousInverseCDF.from_density(np.cumsum, domain=(-3.0, 3.0)), ["pdf", CUMSUM]),
    ("grid_inverse_cdf pdf np.cumsum, not pointwise", lambda d: grid_inverse_cdf(
        np.cumsum, -3.0, 3.0), ["pdf", CUMSUM]),
    ("find_center pdf np.cumsum, not pointwise", lambda d: find_center(np.cumsum, -3.0, 3.0),
     ["pdf", CUMSUM]),
    ("density_values pdf np.cumsum, not pointwise", lambda d: density_values(
        np.cumsum, np.array([-1.0, 0.0, 1.0])), ["pdf", CUMSUM]),
    ("from_density pdf np.exp, infinite mass on the real line", lambda d:
        ContinuousInverseCDF.from_density(np.exp), ["pdf", "exp"]),
    ("metropolis x0 a scipy minimize OptimizeResult (its .x meant)", lambda d: _metropolis(
        x0=_opt_result()), ["x0", OPT]),
    ("from_density center a scipy minimize OptimizeResult (its .x meant)", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, center=_opt_result(1)),
     ["center", OPT]),
    ("metropolis_transition_matrix p the cumulative probabilities", lambda d:
        metropolis_transition_matrix(np.cumsum([0.2, 0.3, 0.5]), np.full((3, 3), 1 / 3)),
     ["p", "0.5"]),
    ("step_size_sweep scaled holding 5e-324, the smallest subnormal", lambda d:
        step_size_sweep(np.array([SUB, 1.0, 2.0]), 2, 20, {"d1": 1}, [_rng()]),
     ["scaled", SUBS]),
    ("grid_inverse_cdf pdf scipy.special.erf (negative on the left)", lambda d:
        grid_inverse_cdf(special.erf, -3.0, 3.0), ["pdf", ERF]),
    ("from_density pdf scipy.special.erf (negative on the left)", lambda d:
        ContinuousInverseCDF.from_density(special.erf, domain=(-3.0, 3.0)), ["pdf", ERF]),
    ("from_ppf ppf np.cumsum, not pointwise", lambda d: ContinuousInverseCDF.from_ppf(
        np.cumsum, stats.norm.cdf), ["ppf", CUMSUM]),
    ("logistic loc a scipy minimize OptimizeResult (its .x meant)", lambda d: logistic(
        loc=_opt_result(1)), ["loc", OPT]),
    ("weibull shape 5e-324, the smallest subnormal", lambda d: weibull(SUB),
     ["shape", SUBS]),
    ("pareto alpha 5e-324, the smallest subnormal", lambda d: pareto(SUB), ["alpha", SUBS]),
    ("metropolis_transition_matrix Q the cumulative proposal rows", lambda d:
        metropolis_transition_matrix([0.2, 0.3, 0.5], np.cumsum(np.full((3, 3), 1 / 3),
                                                                axis=1)), ["Q", "0.333"]),
    ("find_center pdf scipy.special.erf (negative on the left)", lambda d: find_center(
        special.erf, -3.0, 3.0), ["pdf", ERF]),
    ("density_values pdf scipy.special.erf (negative on the left)", lambda d: density_values(
        special.erf, np.array([-1.0, 0.0, 1.0])), ["pdf", ERF]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a scipy minimize OptimizeResult", lambda d: split_rhat(_opt_result()),
     ["draws", OPT]),
    ("ess_bulk draws a scipy minimize OptimizeResult", lambda d: ess_bulk(_opt_result()),
     ["draws", OPT]),
    ("ess_tail prob (0.05, 0.05), a probability repeated", lambda d: ess_tail(
        _chains(), prob=(0.05, 0.05)), ["prob", "0.05"]),
    ("ess_mean draws np.cumsum itself, not called on the chains", lambda d: ess_mean(
        np.cumsum), ["draws", CUMSUM]),
    ("mcse_mean draws a scipy minimize OptimizeResult", lambda d: mcse_mean(_opt_result()),
     ["draws", OPT]),
    ("mcse_sd draws scipy.special.erf itself, not its values", lambda d: mcse_sd(special.erf),
     ["draws", ERF]),
    ("rank_normalize draws a scipy minimize OptimizeResult", lambda d: rank_normalize(
        _opt_result()), ["draws", OPT]),
    ("diagnose draws a scipy minimize OptimizeResult", lambda d: diagnose(_opt_result()),
     ["draws", OPT]),
    ("quantile_type7 x a scipy minimize OptimizeResult", lambda d: quantile_type7(
        _opt_result(), 0.5), ["x", OPT]),
    ("quantile_type7 prob scipy.special.erf itself, not its values", lambda d: quantile_type7(
        _samples(), special.erf), ["prob", ERF]),
]

TESTING_CASES = [
    ("assert_cdf_matches cdf scipy.special.erf (values in [-1, 1])", lambda d:
        testing.assert_cdf_matches(_samples(), special.erf), ["cdf", ERF]),
    ("assert_cdf_matches cdf np.cumsum, not pointwise", lambda d:
        testing.assert_cdf_matches(_samples(), np.cumsum), ["cdf", CUMSUM]),
    ("ks_distance cdf scipy.special.erf (values in [-1, 1])", lambda d: testing.ks_distance(
        _samples(), special.erf), ["cdf", ERF]),
    ("ks_distance cdf np.cumsum, not pointwise", lambda d: testing.ks_distance(
        _samples(), np.cumsum), ["cdf", CUMSUM]),
    ("assert_inverts cdf scipy.special.erf (values in [-1, 1])", lambda d:
        testing.assert_inverts(stats.norm.ppf, special.erf, np.linspace(0.1, 0.9, 5), 1e-9),
     ["cdf", ERF]),
    ("assert_inverts cdf np.cumsum, not pointwise", lambda d: testing.assert_inverts(
        stats.norm.ppf, np.cumsum, np.linspace(0.1, 0.9, 5), 1e-9), ["cdf", CUMSUM]),
    ("assert_inverts u_resolution 5e-324, the smallest subnormal", lambda d:
        testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, np.linspace(0.1, 0.9, 5), SUB),
     ["u_resolution", SUBS]),
    ("chi_square_pvalue p the cumulative probabilities", lambda d: testing.chi_square_pvalue(
        [20, 30, 50], np.cumsum([0.2, 0.3, 0.5])), ["p", "0.5"]),
    ("chi_square_power p the cumulative probabilities", lambda d: testing.chi_square_power(
        np.cumsum([0.2, 0.3, 0.5]), [0.3, 0.3, 0.4], 100), ["p", "0.5"]),
    ("density normal_mixture weights the cumulative weights", lambda d:
        densities.normal_mixture(np.cumsum([0.5, 0.5]), [-1.0, 1.0], [1.0, 1.0]),
     ["weights", "0.5"]),
    ("density uniform hi 5e-324 above lo 0, a subnormal width", lambda d: densities.uniform(
        0.0, SUB), ["hi", SUBS]),
    ("density student_t scale 5e-324, the smallest subnormal", lambda d:
        densities.student_t(3.0, scale=SUB), ["scale", SUBS]),
    ("density laplace scale 5e-324, the smallest subnormal", lambda d: densities.laplace(
        scale=SUB), ["scale", SUBS]),
    ("density normal_mixture scales holding 5e-324, the smallest subnormal", lambda d:
        densities.normal_mixture([0.5, 0.5], [-1.0, 1.0], [1.0, SUB]), ["scales", SUBS]),
    ("density pareto scale 5e-324, the smallest subnormal", lambda d: densities.pareto(
        2.0, scale=SUB), ["scale", SUBS]),
    ("density beta hi 5e-324 above lo 0, a subnormal width", lambda d: densities.beta(
        2.0, 2.0, lo=0.0, hi=SUB), ["hi", SUBS]),
    ("strategies uniforms_near_edges p the cumulative probabilities", lambda d: _example(
        uniforms_near_edges(np.cumsum([0.2, 0.3, 0.5]))), ["p", "0.5"]),
    ("two_sample_distance x a scipy minimize OptimizeResult", lambda d:
        testing.two_sample_distance(_opt_result(), _samples()), ["x", OPT]),
    ("density triangular hi 5e-324 above lo 0, a subnormal width", lambda d:
        densities.triangular(0.0, 0.0, SUB), ["hi", SUBS]),
    ("density trapezoid hi 5e-324 above lo 0, a subnormal width", lambda d:
        densities.trapezoid(0.0, 0.0, SUB, SUB), ["hi", SUBS]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style save name a pathlib.PurePosixPath, not a string", lambda d: style.save(
        style.subplots()[0], d, pathlib.PurePosixPath("fig_a")), ["name", "PurePosixPath"]),
    ("style save name '..', the parent folder", lambda d: style.save(
        style.subplots()[0], d, ".."), ["name", "'..'"]),
    ("style subplots size and a figsize too", lambda d: style.subplots(
        size="wide", figsize=(4, 3)), ["figsize", "(4, 3)"]),
    ("style check_numbers x a scipy minimize OptimizeResult", lambda d: style.check_numbers(
        "values", _opt_result()), ["values", OPT]),
    ("style check_axes ax plt.gca itself, not called", lambda d: style.check_axes(plt.gca),
     ["ax", "gca"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold 5e-324, the smallest subnormal", lambda d:
        memory.keep_freed_memory(mmap_threshold=SUB), ["mmap_threshold", SUBS], None),
    ("keep_freed_memory trim_threshold 5e-324, the smallest subnormal", lambda d:
        memory.keep_freed_memory(trim_threshold=SUB), ["trim_threshold", SUBS], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "tree_flatten tree a scipy minimize OptimizeResult": (
        "no bad input by the docs: tree_flatten's docstring takes dicts as nested structures, "
        "and an OptimizeResult is a dict"),
    "value_and_grad argnums (0, 0), an argument repeated": (
        "no bad input by the docs: value_and_grad's docstring says a repeated argnum gets the "
        "same gradient again"),
    "density normal_mixture weights the cumulative weights": (
        "no bad input by the docs: normal_mixture's docstring normalises the weights"),
    "style save name '..', the parent folder": (
        "no fault: save writes <out_dir>/<name>.png, so '..' is the file '...png' inside the "
        "folder (save's docstring)"),
    # Dropped by the lead after the measurement on main: check_grads takes atol and rtol as
    # finite numbers >= 0 (0 included: an exact comparison), and 5e-324 tests as 0 would.
    "check_grads atol 5e-324, the smallest subnormal": (
        "the lead's judgment: atol = 0 is accepted (check_tolerance: a finite number >= 0), "
        "and a subnormal atol acts as 0"),
    "check_grads rtol 5e-324, the smallest subnormal": (
        "the lead's judgment: rtol = 0 is accepted (check_tolerance: a finite number >= 0), "
        "and a subnormal rtol acts as 0"),
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (3, 4)."""
    return kept_cases(cases, (3, 4), DROPPED)


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


def test_the_seventyninth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_seventyninth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
