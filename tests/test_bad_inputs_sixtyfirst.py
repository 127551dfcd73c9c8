"""A sixty-first battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case``. Written
blind, in a worktree at commit 4660953, from the user's side only: the README; the public
names and signatures of ``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and
its modules (``finite_chain``, ``interpolation``, ``step_size``, ``mixing``, ``tails``,
``quadrature``, ``diagnostics``), the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF``, ``testing``, ``testing.densities`` and ``figures.style``; the
earlier batteries' ids, layout and shared helpers (imported, not copied). No docstring was read
after the first run (the one correction below follows from the message itself). Not read: the
body of any validation code, the library's source, its history, anything of /work/main. No
``__main__`` module was imported; no case writes anywhere (all objects are in memory).

Areas (library side only), as written: engine -- ops, grad, value_and_grad, vjp, jvp, jacobian,
hessian (25), gradcheck (8), samplers -- grid and named inverse CDFs, from_density, from_ppf,
the inverse CDFs' methods, metropolis, metropolis_transition_matrix, quadrature, tails,
mixing, step size (36), diagnostics (10), testing kit and densities (21), ``figures.style``
(5), ``memory`` (2): 107. No ``SCRATCHMETA_KEEP_FREED_MEMORY`` value and no hypothesis-strategy
case (values exhausted; time).

Kinds of bad value, six, each with 0 hits for its word among the 8,753 earlier ids
(``RootResults``/``root_scalar``, ``multiprocessing``/``Synchronized``, ``rv_histogram``,
``itemgetter``/``operator``, ``broadcast object``, ``Eigh``):
- a ``scipy.optimize.root_scalar`` RootResults where its ``.root`` (a real number) is meant
  (exp x, power exponent, tanh x; check_grads eps, hvp v; grid_inverse_cdf hi, cauchy,
  laplace and pareto scale, metropolis target_acceptance, from_density center, find_center b;
  quantile_type7 prob; assert_cdf_matches and chi_square_power alpha, density laplace scale
  and beta hi; style check_count value) (mentions ``RootResults``);
- a ``multiprocessing.Value`` (a worker's shared result, type ``Synchronized``) where its
  ``.value`` is meant: a number or a count (add, minimum; value_and_grad argnums, prod,
  logsumexp, norm and concatenate axis, var ddof, jacobian and hessian argnum, vjp at it;
  check_grads atol, rtol, order; grid_inverse_cdf n, exponential rate, logistic loc, weibull
  scale, metropolis n_warmup, discrete sample and continuous rvs size, integrate lo, explore
  center, noise_floor n, walks_from_one_start steps, fixed_step_chains dim, step_size_sweep
  chains, acceptance_1d h; assert_inverts u_resolution, draws_needed discrepancy,
  smallest_detectable n, dkw_epsilon alpha, density uniform hi, trapezoid c, student_t scale;
  style subplots ncols, check_numbers x) (mentions ``Synchronized``);
- a fitted ``scipy.stats.rv_histogram`` where its draws, probabilities or bin edges are meant
  (metropolis x0, metropolis_transition_matrix p, noise_floor edges, pooled_total_variation x;
  split_rhat, ess_mean and diagnose draws; ks_distance samples, assert_same_distribution y,
  two_sample_distance x) (mentions ``rv_histogram``);
- ``operator.itemgetter(0)`` where a vectorised user function is meant: it returns x[0], one
  value (grid_inverse_cdf and from_density pdf, from_ppf ppf, metropolis log_density,
  integrate f, pooled_total_variation cdf; assert_monotone ppf, assert_inverts and
  ks_distance cdf) (mentions ``itemgetter``);
- a ``numpy.broadcast`` object where the broadcast array is meant (mean, squeeze x, grad at
  it, where cond, stack xs, maximum; check_grads args, hvp x; discrete ppf u, continuous
  from_uniforms u, density_values x, fixed_step_chains scaled; ess_bulk, mcse_mean,
  rank_normalize draws, quantile_type7 x; assert_monotone u, assert_labels_match p,
  chi_square_pvalue counts, density steps edges; style check_numbers x and
  check_positive_numbers value; keep_freed_memory mmap_threshold and trim_threshold)
  (mentions ``broadcast``);
- ``np.linalg.eigh``'s EighResult where its eigenvalues or eigenvectors are meant (log x,
  matmul b, solve a, value_and_grad at it, jvp primals; hvp v; metropolis_transition_matrix Q;
  ess_tail prob, mcse_sd draws) (mentions ``EighResult``).
Mentions are the argument's name as in the signature (the function's name for the engine's
``*args`` ops and for grad/vjp/value_and_grad at a bad point, the ``name`` given for
``style``'s checkers) and the type name above.

Repeats: every earlier id (``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``,
8,753 tuple heads) was grepped, for each draft, on the same function and argument for the
nearest kinds (RootResults: ``OptimizeResult``/any ``Result``; Value: ``ctypes``;
rv_histogram: ``kde``/``histogram``; EighResult: ``SVD``/``Slogdet``/``eig``). Before any run,
16 drafts that repeated such a substance on the same function and argument were replaced by
other functions or arguments (e.g. ``grad argnums``, ``sum axis``, ``clip a_min``,
``expand_dims axis``, ``check_grads eps``, ``optimal_acceptance dim``, ``style check_seed``,
``keep_freed_memory`` thresholds had a ``ctypes`` int/double; ``stop_gradient x``, ``hvp x``,
``walks_from_one_start start`` a MetropolisResult; ``density beta a`` an OptimizeResult;
``total_variation`` and ``assert_cdf_matches samples`` a gaussian_kde; ``DiscreteInverseCDF
p`` and ``bin_masses edges`` np.histogram's tuple). The hits left are on another argument of
the same function (density uniform hi vs lo a ctypes double, student_t scale vs df, subplots
ncols vs nrows, beta hi vs a).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (0, 2)`` (``_kept``): 62 of the 107.

Dropped: none. Corrected (wrong in itself, 1): ``continuous rvs size a multiprocessing.Value``
(kept; unclear) had a second fault: ``rvs`` was called without ``random_state`` and the
message refused that ("random_state must be a numpy.random.Generator or an int seed ...
got NoneType None"); the case now passes ``random_state=0``.

First run at 4660953 (about 1.5 s a mode, 2.3 s under pytest). Before the correction: kept, 55
of 62 clear (88.7%), 7 unclear, 0 silent, 0 data loss; written, 95 of 107 clear (88.8%), 12
unclear. After it: kept, 56 of 62 clear (90.3%), 6 unclear (9.7%), 0 silent, 0 data loss --
engine 14/15, gradcheck 4/4, samplers 17/21, diagnostics 6/6, testing kit 11/12, figures 3/3,
memory 1/1. Written, 96 of 107 clear (89.7%), 11 unclear (10.3%), 0 silent, 0 data loss --
engine 23/25, gradcheck 8/8, samplers 30/36, diagnostics 10/10, testing kit 18/21, figures
5/5, memory 2/2. Every RootResults, multiprocessing.Value, rv_histogram and broadcast case
was clear; the misses are the itemgetter cases and two EighResult cases.

Not clear, kept:
- ``jvp primals an EighResult (its eigenvalues meant)``: ValueError "jvp needs one tangent per
  primal: got 2 primals and 1 tangents (a tuple of (3,))" -- the EighResult is read as a
  2-tuple of primals; never named.
- ``metropolis log_density an operator.itemgetter(0)``: ValueError "log_density must map an
  array of shape (chains, dim) to shape (chains,), i.e. (2,); it returned shape (1,) ...".
- ``from_density pdf an operator.itemgetter(0)``: TypeError "pdf must be vectorised: given an
  array of shape (4867,) it must return one density per point, but it returned shape ()".
- ``from_ppf ppf an operator.itemgetter(0)``: TypeError "ppf must be vectorised: given an
  array of shape (264,) it must return one x per point, but it returned shape ()".
- ``pooled_total_variation cdf an operator.itemgetter(0)``: ValueError "cdf must be a CDF: at
  the edges it must return one number in [0, 1] per edge, never decreasing, got array(-1.)
  (shape ()) for edges of shape (5,)".
- ``ks_distance cdf an operator.itemgetter(0)``: ValueError "cdf must map an array of draws to
  an array of the same shape ...; got shape () for (200,) ...".
Not clear, written and not kept:
- ``value_and_grad at an EighResult (its eigenvalues meant)``: TypeError "grad: fun raised
  TypeError when called with 1 argument(s) of shape(s) EighResult: can't multiply sequence by
  non-int of type 'EighResult'" -- names ``grad``, not ``value_and_grad``.
- ``grid_inverse_cdf pdf an operator.itemgetter(0)``: TypeError "pdf must be vectorised: ...
  shape (4097,) ... but it returned shape ()".
- ``integrate f an operator.itemgetter(0)``: ValueError "f must be vectorised: given an array
  of shape (8,) it must return one value per point, but it returned shape ()".
- ``assert_monotone ppf an operator.itemgetter(0)``: ValueError "ppf must be vectorised,
  returning one value per u: got shape () for u of shape (5,)".
- ``assert_inverts cdf an operator.itemgetter(0)``: ValueError "cdf must be vectorised,
  returning one value per u: got shape () for u of shape (5,)".
The itemgetter misses are arguable, like the forty-seventh's poly1d-returning functions: each
message names the argument and the wrong shape returned, never the itemgetter.

Measured on main at 64f5dba (4660953, the commit it was written at, plus a README paragraph),
blind: kept, 56 of 62 clear (90.3%), 6 unclear, 0 silent, 0 data loss; written, 96 of 107
(89.7%). With the sixtieth (51 of 56) the pair is 107 of 118 (90.7%), 2 silent: the pass of
the fifty-eighth and fifty-ninth (96.6%) did not hold. Round 42 (with sight of both files, so
not blind): the samplers and the kit refuse an ``operator.itemgetter``, ``attrgetter`` or
``methodcaller`` where a function of the points is meant; ``jvp``'s count message names a
record given as the primals. After it: all 62 kept clear; written, 106 of 107 -- left:
``value_and_grad at an EighResult`` says ``grad:``.
"""

import multiprocessing
import operator

import numpy as np
import pytest
from scipy import optimize, stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, cauchy, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  laplace, logistic, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, pareto, rank_normalize,
                                  split_rhat, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import pooled_total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.step_size import acceptance_1d
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples, _sweep
from test_bad_inputs_twentyfirst import _edges, _ppf_sampler
from test_bad_inputs_twentyfifth import _fixed, _noise, _walks25

RR = "RootResults"       # scipy.optimize.root_scalar's result, its .root meant
MPV = "Synchronized"     # a multiprocessing.Value (shared memory), its .value meant
HIST = "rv_histogram"    # a fitted scipy.stats.rv_histogram, its data (draws, edges) meant
ITEM = "itemgetter"      # operator.itemgetter(0), where a vectorised function is meant
BC = "broadcast"         # a numpy.broadcast object, where the (broadcast) array is meant
EIGH = "EighResult"      # np.linalg.eigh's result, its eigenvalues (or vectors) meant

_ALIVE = []
_ITEM = operator.itemgetter(0)


def _rr(value):
    """The RootResults of ``root_scalar`` solving t - value = 0: its ``.root`` is the value."""
    return optimize.root_scalar(lambda t: t - value, bracket=[value - 1.0, value + 1.0])


def _mpv(value, code="d"):
    """A ``multiprocessing.Value`` holding the value (a worker's shared result)."""
    v = multiprocessing.Value(code, value)
    _ALIVE.append(v)
    return v


def _hist(data=None):
    """A ``scipy.stats.rv_histogram`` fitted to draws: the fit, not the draws."""
    data = _samples() if data is None else data
    return stats.rv_histogram(np.histogram(data, bins=10))


def _eigh(m):
    """``np.linalg.eigh(m)``: the (eigenvalues, eigenvectors) EighResult."""
    return np.linalg.eigh(np.asarray(m, dtype=float))


def _chains():
    return np.random.default_rng(3).normal(size=(4, 100))


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("exp x a scipy RootResults (its root meant)", lambda d: ad.exp(_rr(0.5)), ["x", RR]),
    ("add of an array and a multiprocessing.Value (its value meant)", lambda d: ad.add(
        X3, _mpv(1.0)), ["add", MPV]),
    ("mean x a numpy broadcast object", lambda d: ad.mean(np.broadcast(X3, X3)), ["x", BC]),
    ("value_and_grad argnums a multiprocessing.Value of 0", lambda d: ad.value_and_grad(
        _square, argnums=_mpv(0, "i"))(X3), ["argnums", MPV]),
    ("prod axis a multiprocessing.Value of 1", lambda d: ad.prod(
        np.ones((2, 3)), axis=_mpv(1, "i")), ["axis", MPV]),
    ("log x an EighResult (its eigenvalues meant)", lambda d: ad.log(
        _eigh(np.diag([1.0, 2.0, 3.0]))), ["x", EIGH]),
    ("grad at a numpy broadcast object", lambda d: ad.grad(_square)(np.broadcast(X3)),
     ["grad", BC]),
    ("var ddof a multiprocessing.Value", lambda d: ad.var(X3, ddof=_mpv(1, "i")),
     ["ddof", MPV]),
    ("jacobian argnum a multiprocessing.Value", lambda d: ad.jacobian(
        lambda x: x * 2.0, argnum=_mpv(0, "i"))(X3), ["argnum", MPV]),
    ("minimum of an array and a multiprocessing.Value", lambda d: ad.minimum(
        X3, _mpv(1.0)), ["minimum", MPV]),
    ("matmul b an EighResult (its eigenvectors meant)", lambda d: ad.matmul(
        np.eye(3), _eigh(np.eye(3))), ["b", EIGH]),
    ("squeeze x a numpy broadcast object", lambda d: ad.squeeze(
        np.broadcast(np.ones((3, 1)))), ["x", BC]),
    ("power of an array and a scipy RootResults exponent", lambda d: ad.power(
        X3, _rr(2.0)), ["power", RR]),
    ("hessian argnum a multiprocessing.Value", lambda d: ad.hessian(
        _square, argnum=_mpv(0, "i"))(X3), ["argnum", MPV]),
    ("where cond a numpy broadcast object", lambda d: ad.where(
        np.broadcast(X3 > 0), X3, 0.0), ["cond", BC]),
    ("value_and_grad at an EighResult (its eigenvalues meant)", lambda d: ad.value_and_grad(
        _square)(_eigh(np.eye(3))), ["value_and_grad", EIGH]),
    ("tanh x a scipy RootResults", lambda d: ad.tanh(_rr(1.0)),
     ["x", RR]),
    ("norm axis a multiprocessing.Value", lambda d: ad.norm(
        np.ones((2, 3)), axis=_mpv(1, "i")), ["axis", MPV]),
    ("stack xs a numpy broadcast object", lambda d: ad.stack(np.broadcast(X3, X3)),
     ["xs", BC]),
    ("jvp primals an EighResult (its eigenvalues meant)", lambda d: ad.jvp(
        _square, _eigh(np.eye(3)), (X3,)), ["primals", EIGH]),
    ("logsumexp axis a multiprocessing.Value", lambda d: ad.logsumexp(
        np.ones((2, 3)), axis=_mpv(1, "i")), ["axis", MPV]),
    ("vjp at a multiprocessing.Value", lambda d: ad.vjp(_square, _mpv(1.5)), ["vjp", MPV]),
    ("concatenate axis a multiprocessing.Value", lambda d: ad.concatenate(
        [X3, X3], axis=_mpv(0, "i")), ["axis", MPV]),
    ("maximum of an array and a numpy broadcast object", lambda d: ad.maximum(
        X3, np.broadcast(X3)), ["maximum", BC]),
    ("solve a an EighResult (its eigenvectors meant)", lambda d: ad.solve(
        _eigh(2.0 * np.eye(3)), X3), ["a", EIGH]),
]

GRADCHECK_CASES = [
    ("check_grads eps a scipy RootResults", lambda d: check_grads(
        _square, (X3,), eps=_rr(1e-6)), ["eps", RR]),
    ("check_grads atol a multiprocessing.Value", lambda d: check_grads(
        _square, (X3,), atol=_mpv(1e-6)), ["atol", MPV]),
    ("check_grads args a numpy broadcast object", lambda d: check_grads(
        _square, np.broadcast(X3)), ["args", BC]),
    ("hvp v an EighResult (its eigenvalues meant)", lambda d: hvp(
        _square, X3, _eigh(np.eye(3))), ["v", EIGH]),
    ("check_grads order a multiprocessing.Value", lambda d: check_grads(
        _square, (X3,), order=_mpv(2, "i")), ["order", MPV]),
    ("hvp v a scipy RootResults", lambda d: hvp(_square, 1.0, _rr(1.0)), ["v", RR]),
    ("check_grads rtol a multiprocessing.Value", lambda d: check_grads(
        _square, (X3,), rtol=_mpv(1e-6)), ["rtol", MPV]),
    ("hvp x a numpy broadcast object", lambda d: hvp(_square, np.broadcast(X3), X3),
     ["x", BC]),
]

SAMPLER_CASES = [
    ("grid_inverse_cdf pdf an operator.itemgetter(0)", lambda d: grid_inverse_cdf(
        _ITEM, -3.0, 3.0), ["pdf", ITEM]),
    ("grid_inverse_cdf hi a scipy RootResults", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, _rr(3.0)), ["hi", RR]),
    ("grid_inverse_cdf n a multiprocessing.Value", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, 3.0, n=_mpv(64, "i")), ["n", MPV]),
    ("exponential rate a multiprocessing.Value", lambda d: exponential(_mpv(1.0)),
     ["rate", MPV]),
    ("cauchy scale a scipy RootResults", lambda d: cauchy(scale=_rr(1.0)), ["scale", RR]),
    ("logistic loc a multiprocessing.Value", lambda d: logistic(loc=_mpv(0.5)),
     ["loc", MPV]),
    ("laplace scale a scipy RootResults", lambda d: laplace(scale=_rr(1.0)), ["scale", RR]),
    ("weibull scale a multiprocessing.Value", lambda d: weibull(1.5, scale=_mpv(1.0)),
     ["scale", MPV]),
    ("pareto scale a scipy RootResults", lambda d: pareto(2.0, scale=_rr(1.0)),
     ["scale", RR]),
    ("metropolis log_density an operator.itemgetter(0)", lambda d: _metropolis(
        log_density=_ITEM), ["log_density", ITEM]),
    ("metropolis x0 a fitted rv_histogram (its draws meant)", lambda d: _metropolis(
        x0=_hist()), ["x0", HIST]),
    ("metropolis n_warmup a multiprocessing.Value", lambda d: _metropolis(
        n_warmup=_mpv(5, "i")), ["n_warmup", MPV]),
    ("metropolis target_acceptance a scipy RootResults", lambda d: _metropolis(
        target_acceptance=_rr(0.3)), ["target_acceptance", RR]),
    ("metropolis_transition_matrix p a fitted rv_histogram (its probabilities meant)",
     lambda d: metropolis_transition_matrix(_hist(), np.full((10, 10), 0.1)), ["p", HIST]),
    ("discrete ppf u a numpy broadcast object", lambda d: _discrete().ppf(
        np.broadcast(np.array([0.1, 0.5]))), ["u", BC]),
    ("discrete sample size a multiprocessing.Value", lambda d: _discrete().sample(
        _mpv(5, "i"), np.random.default_rng(0)), ["size", MPV]),
    ("continuous rvs size a multiprocessing.Value", lambda d: _ppf_sampler().rvs(
        _mpv(5, "i"), random_state=0), ["size", MPV]),
    ("from_density center a scipy RootResults", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, center=_rr(0.0)), ["center", RR]),
    ("from_density pdf an operator.itemgetter(0)", lambda d:
        ContinuousInverseCDF.from_density(_ITEM), ["pdf", ITEM]),
    ("from_ppf ppf an operator.itemgetter(0)", lambda d: ContinuousInverseCDF.from_ppf(
        _ITEM), ["ppf", ITEM]),
    ("continuous from_uniforms u a numpy broadcast object", lambda d:
        _ppf_sampler().from_uniforms(np.broadcast(np.array([0.1, 0.5]))), ["u", BC]),
    ("integrate lo a multiprocessing.Value", lambda d: integrate(np.sin, _mpv(0.0), 1.0),
     ["lo", MPV]),
    ("integrate f an operator.itemgetter(0)", lambda d: integrate(_ITEM, 0.0, 1.0),
     ["f", ITEM]),
    ("density_values x a numpy broadcast object", lambda d: density_values(
        _normal_pdf, np.broadcast(np.array([0.0, 1.0]))), ["x", BC]),
    ("find_center b a scipy RootResults", lambda d: find_center(
        _normal_pdf, -3.0, _rr(3.0)), ["b", RR]),
    ("explore center a multiprocessing.Value", lambda d: explore(
        _normal_pdf, _normal_pdf, -3.0, 3.0, center=_mpv(0.0)), ["center", MPV]),
    ("noise_floor edges a fitted rv_histogram (its bin edges meant)", lambda d: _noise(
        edges=_hist()), ["edges", HIST]),
    ("pooled_total_variation x a fitted rv_histogram (its draws meant)", lambda d:
        pooled_total_variation(_hist(_chains()), _edges(), stats.norm.cdf), ["x", HIST]),
    ("pooled_total_variation cdf an operator.itemgetter(0)", lambda d:
        pooled_total_variation(_chains(), _edges(), _ITEM), ["cdf", ITEM]),
    ("noise_floor n a multiprocessing.Value", lambda d: _noise(n=_mpv(50, "i")),
     ["n", MPV]),
    ("walks_from_one_start steps a multiprocessing.Value", lambda d: _walks25(
        steps=_mpv(5, "i")), ["steps", MPV]),
    ("fixed_step_chains scaled a numpy broadcast object", lambda d: _fixed(
        scaled=np.broadcast(np.array([0.5, 1.0]))), ["scaled", BC]),
    ("step_size_sweep chains a multiprocessing.Value", lambda d: _sweep(
        chains=_mpv(2, "i")), ["chains", MPV]),
    ("fixed_step_chains dim a multiprocessing.Value", lambda d: _fixed(dim=_mpv(1, "i")),
     ["dim", MPV]),
    ("metropolis_transition_matrix Q an EighResult (its eigenvectors meant)", lambda d:
        metropolis_transition_matrix(np.full(3, 1.0 / 3.0), _eigh(np.full((3, 3), 1.0 / 3.0))),
     ["Q", EIGH]),
    ("acceptance_1d h a multiprocessing.Value", lambda d: acceptance_1d(_mpv(1.0)),
     ["h", MPV]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a fitted rv_histogram (its draws meant)", lambda d: split_rhat(
        _hist(_chains())), ["draws", HIST]),
    ("ess_bulk draws a numpy broadcast object", lambda d: ess_bulk(np.broadcast(_chains())),
     ["draws", BC]),
    ("ess_tail prob an EighResult (its eigenvalues meant)", lambda d: ess_tail(
        _chains(), prob=_eigh(np.diag([0.05, 0.95]))), ["prob", EIGH]),
    ("ess_mean draws a fitted rv_histogram (its draws meant)", lambda d: ess_mean(
        _hist(_chains())), ["draws", HIST]),
    ("mcse_mean draws a numpy broadcast object", lambda d: mcse_mean(
        np.broadcast(_chains())), ["draws", BC]),
    ("mcse_sd draws an EighResult", lambda d: mcse_sd(_eigh(np.cov(_chains()))),
     ["draws", EIGH]),
    ("rank_normalize draws a numpy broadcast object", lambda d: rank_normalize(
        np.broadcast(_chains())), ["draws", BC]),
    ("diagnose draws a fitted rv_histogram (its draws meant)", lambda d: diagnose(
        _hist(_chains())), ["draws", HIST]),
    ("quantile_type7 prob a scipy RootResults", lambda d: quantile_type7(
        _samples(), _rr(0.5)), ["prob", RR]),
    ("quantile_type7 x a numpy broadcast object", lambda d: quantile_type7(
        np.broadcast(_samples()), 0.5), ["x", BC]),
]

TESTING_CASES = [
    ("assert_monotone ppf an operator.itemgetter(0)", lambda d: testing.assert_monotone(
        _ITEM, np.linspace(0.1, 0.9, 5)), ["ppf", ITEM]),
    ("assert_monotone u a numpy broadcast object", lambda d: testing.assert_monotone(
        stats.norm.ppf, np.broadcast(np.linspace(0.1, 0.9, 5))), ["u", BC]),
    ("assert_inverts cdf an operator.itemgetter(0)", lambda d: testing.assert_inverts(
        stats.norm.ppf, _ITEM, np.linspace(0.1, 0.9, 5), 1e-8), ["cdf", ITEM]),
    ("assert_inverts u_resolution a multiprocessing.Value", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, np.linspace(0.1, 0.9, 5), _mpv(1e-8)),
     ["u_resolution", MPV]),
    ("ks_distance samples a fitted rv_histogram (its draws meant)", lambda d:
        testing.ks_distance(_hist(), stats.norm.cdf), ["samples", HIST]),
    ("assert_cdf_matches alpha a scipy RootResults", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alpha=_rr(1e-6)), ["alpha", RR]),
    ("assert_labels_match p a numpy broadcast object", lambda d: testing.assert_labels_match(
        np.array([0, 1, 0, 1]), np.broadcast(np.array([0.5, 0.5]))), ["p", BC]),
    ("assert_same_distribution y a fitted rv_histogram (its draws meant)", lambda d:
        testing.assert_same_distribution(_samples(), _hist()), ["y", HIST]),
    ("draws_needed discrepancy a multiprocessing.Value", lambda d: testing.draws_needed(
        _mpv(0.1)), ["discrepancy", MPV]),
    ("smallest_detectable n a multiprocessing.Value", lambda d: testing.smallest_detectable(
        _mpv(1000, "i")), ["n", MPV]),
    ("dkw_epsilon alpha a multiprocessing.Value", lambda d: testing.dkw_epsilon(
        1000, alpha=_mpv(1e-6)), ["alpha", MPV]),
    ("ks_distance cdf an operator.itemgetter(0)", lambda d: testing.ks_distance(
        _samples(), _ITEM), ["cdf", ITEM]),
    ("two_sample_distance x a fitted rv_histogram (its draws meant)", lambda d:
        testing.two_sample_distance(_hist(), _samples()), ["x", HIST]),
    ("chi_square_pvalue counts a numpy broadcast object", lambda d:
        testing.chi_square_pvalue(np.broadcast(np.array([3, 5, 2])), [0.3, 0.5, 0.2]),
     ["counts", BC]),
    ("chi_square_power alpha a scipy RootResults", lambda d: testing.chi_square_power(
        [0.5, 0.5], [0.4, 0.6], 1000, alpha=_rr(1e-6)), ["alpha", RR]),
    ("density uniform hi a multiprocessing.Value", lambda d: densities.uniform(
        0.0, _mpv(1.0)), ["hi", MPV]),
    ("density laplace scale a scipy RootResults", lambda d: densities.laplace(
        scale=_rr(1.0)), ["scale", RR]),
    ("density trapezoid c a multiprocessing.Value", lambda d: densities.trapezoid(
        0.0, _mpv(0.25), 0.75, 1.0), ["c", MPV]),
    ("density steps edges a numpy broadcast object", lambda d: densities.steps(
        np.broadcast(np.array([0.0, 0.5, 1.0])), [1.0, 1.0]), ["edges", BC]),
    ("density beta hi a scipy RootResults", lambda d: densities.beta(
        2.0, 2.0, hi=_rr(1.0)), ["hi", RR]),
    ("density student_t scale a multiprocessing.Value", lambda d: densities.student_t(
        3.0, scale=_mpv(1.0)), ["scale", MPV]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style subplots ncols a multiprocessing.Value", lambda d: style.subplots(
        ncols=_mpv(1, "i")), ["ncols", MPV]),
    ("style check_count value a scipy RootResults", lambda d: style.check_count(
        "count", _rr(3.0)), ["count", RR]),
    ("style check_numbers x a numpy broadcast object", lambda d: style.check_numbers(
        "values", np.broadcast(np.array([1.0, 2.0]))), ["values", BC]),
    ("style check_numbers x a multiprocessing.Value", lambda d: style.check_numbers(
        "values", _mpv(1.0)), ["values", MPV]),
    ("style check_positive_numbers value a numpy broadcast object", lambda d:
        style.check_positive_numbers("widths", np.broadcast(np.array([1.0, 2.0])), 2,
                                     "widths"), ["widths", BC]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a numpy broadcast object", lambda d:
        memory.keep_freed_memory(mmap_threshold=np.broadcast(1 << 20)),
     ["mmap_threshold", BC], None),
    ("keep_freed_memory trim_threshold a numpy broadcast object", lambda d:
        memory.keep_freed_memory(trim_threshold=np.broadcast(1 << 20)),
     ["trim_threshold", BC], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 2)."""
    return kept_cases(cases, (0, 2), DROPPED)


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


def test_the_sixtyfirst_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_sixtyfirst.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
