"""A fifty-fifth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 075d691, from the user's side only: the README; the public names
(``__all__`` where there is one) and signatures of ``scratchmeta.autodiff``, ``gradcheck``,
``memory``, ``sampling`` and its modules (``finite_chain``, ``interpolation``, ``step_size``,
``mixing``, ``tails``, ``quadrature``, ``diagnostics``, ``metropolis``), the public methods of
``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; after the first run (to judge the misses only)
the docstrings of ``autodiff.jvp``, ``vjp``, ``trace``, ``grad``, ``tree_map`` and
``getitem`` (the Primitive's), ``metropolis_transition_matrix``, ``ContinuousInverseCDF.from_ppf``,
``mixing.pooled_total_variation``, ``style.check_seed`` and ``style.check_positive_numbers``;
and the earlier batteries' ids, layout and shared helpers (imported, not copied). Not read:
the body of any validation code (``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``),
the library's source, its history, anything of /work/main. No ``__main__`` module was
imported. Only the standard library, NumPy, SciPy, matplotlib, pytest and hypothesis are used.
No case writes anywhere but its temporary folder (``style save`` is given it; figures are made
in memory).

Areas (library side only; the command line, Chapter 2, strategies, checkpoints, nn/optim, task
families and Omniglot are another writer's), as written: the autodiff engine -- ops (add,
sqrt, matmul, maximum, minimum, where, sum, solve, clip, getitem, sub), grad, value_and_grad,
vjp, jvp, jacobian, hessian, trace, tree_map (25), gradcheck -- check_grads, hvp (8),
samplers -- grid_inverse_cdf, exponential, cauchy, laplace, weibull, Metropolis, the discrete
inverse CDF's constructor and sample, the continuous one's from_density, from_ppf and sample,
integrate, density_values, find_center, explore, bin_masses, total_variation,
pooled_total_variation, noise_floor, walks_from_one_start, step_size_sweep,
metropolis_transition_matrix (30), diagnostics (10), the testing kit, its densities and one
hypothesis strategy (20), ``figures.style`` helpers (5), the ``memory`` functions (2): 100.
No ``SCRATCHMETA_KEEP_FREED_MEMORY`` value was written (its values are nearly exhausted; the two
memory cases are library calls).

Kinds of bad value, nine, each with 0 hits in the earlier ids for its words (``finfo``,
``iinfo``, ``OptimizeResult``, ``histogram``, ``unique``, ``SVD``, ``Slogdet``,
``NormalDist``, ``bit_generator``/``state dict``, ``XAxis``, ``canvas``, ``Bootstrap``,
``DescribeResult``, ``special``/``gammaln``/``expit``/``xlogy``/``ndtr``, ``fsum``):
- ``np.finfo(np.float64)`` where its ``.eps``, ``.tiny`` or ``.max`` is meant (add, maximum,
  minimum, clip a_max; check_grads eps, rtol, atol; grid_inverse_cdf and integrate lo, explore
  b; assert_inverts u_resolution, smallest_detectable and draws_needed alpha), and
  ``np.iinfo`` where its ``.max`` is meant (keep_freed_memory mmap_threshold, trim_threshold)
  (mentions ``finfo`` / ``iinfo``);
- a ``scipy.optimize.OptimizeResult`` (what ``minimize`` returns; a dict subclass) where its
  ``.x`` is meant (sqrt, where a, solve b, sub; jvp primals; vjp, trace and grad at it;
  exponential rate, cauchy and laplace loc, weibull shape; density student_t df, beta a,
  pareto alpha, triangular mode) (mentions ``OptimizeResult``);
- a NumPy function's whole result where one part is meant: the (counts, edges) tuple of
  ``np.histogram`` (DiscreteInverseCDF p, bin_masses and total_variation edges, jacobian's x,
  rank_normalize draws, chi_square_pvalue counts, density steps heights, strategies
  uniforms_near_edges p, style check_positive_numbers value), the (values, counts) tuple of
  ``np.unique(..., return_counts=True)`` (getitem index, metropolis_transition_matrix p,
  assert_labels_match p, density normal_mixture weights), an ``SVDResult`` (matmul a), a
  ``SlogdetResult`` (add), an ``EighResult`` (sum) (mentions ``tuple`` or the result's type);
- a user's function written with scalar-only ``math`` (math.exp, cos, log, tanh, sqrt, pow,
  fsum: grad, hessian, value_and_grad, jacobian, vjp fun; tree_map f; walks_from_one_start
  log_density, density_values and find_center pdf) (mentions the argument and ``Tensor`` on
  the engine, ``scalars`` -- from NumPy's "only 0-dimensional arrays can be converted to Python
  scalars" -- on the samplers), and ``statistics.NormalDist``'s scalar-only ``cdf`` /
  ``inv_cdf`` (from_ppf ppf and cdf, pooled_total_variation, bin_masses, total_variation and
  ks_distance cdf, assert_inverts ppf) (mentions ``NormalDist``, in the bound method's repr);
  no ``math`` case was put on a function and argument where the fifty-first battery's
  ``lru_cache`` (a function that cannot take an array) was;
- a user's function using a SciPy ufunc the engine has no op for (``scipy.special`` erf,
  gammaln, expit, log_ndtr, xlogy: jvp, check_grads and hvp fun) (mentions ``fun`` and the
  ufunc's name);
- a user's function that writes into the array the library gave it (rescales x, shifts the
  proposal, sorts the draws: grid_inverse_cdf, from_density and explore pdf, metropolis
  log_density, integrate f, noise_floor, walks_from_one_start, assert_inverts and
  assert_cdf_matches cdf, assert_monotone ppf) (mentions the argument only, as the forty-eighth
  battery's in-place cases);
- a Generator's ``bit_generator.state`` (a dict, saved to restore it) where a Generator or a
  seed is meant (metropolis, discrete and continuous sample rng, step_size_sweep rngs, style
  check_seed seed) -- ``check_grads rng a dict`` exists, so none was given to check_grads
  (mentions ``dict``);
- a frozen SciPy distribution (``stats.norm(0, 1)``, ``.rvs`` not called) where its draws are
  meant (split_rhat, mcse_mean, rank_normalize draws; assert_same_distribution x,
  two_sample_distance y, ks_distance samples; style check_numbers x) (mentions ``frozen``,
  from ``rv_continuous_frozen``), a SciPy ``BootstrapResult`` (ess_mean draws, quantile_type7
  x) and ``DescribeResult`` (mcse_sd and ess_bulk draws), and chains cut by
  ``np.array_split`` to unequal lengths (diagnose and ess_tail draws; earlier ragged chains
  were on ess_bulk, mcse_sd and split_rhat only) (mentions ``list``);
- for figures, an Axes' part where the Axes is meant (``ax.xaxis`` as check_axes ax) and the
  figure's canvas where the figure is meant (``fig.canvas`` as save fig).

Repeats: the 8,115 id-like tuple heads of every earlier battery (``tests/test_bad_inputs_*.py``
and ``tests/sweep_bad_inputs_*.py``, by a regex at the start of each case tuple) were grepped
for each kind's words (above: 0 hits each) and, for each draft, for the earlier ids on the same
function and argument. Kinds close in substance to an earlier one were kept off the pairs where
that one was used: the "whole record where a field is meant" kinds (finfo, OptimizeResult,
NumPy result tuples) off every pair of the fifty-first battery's record, pair and bound-method
kinds (mean, std, stop_gradient, value_and_grad and norm x, hvp x and v, check_grads args,
...), except three bound-method pairs kept for finfo, which is no bound method (check_grads
atol, clip a_max, maximum's second operand), ``math`` off the
``lru_cache`` pairs, the state dict off check_grads rng. No draft id is an earlier id verbatim.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (2, 3)`` were kept (``_kept``): 61 of the 100.
After the first run a case could only be dropped or corrected, never added or swapped.

Dropped: none. Corrected (wrong in itself, 1): ``pooled_total_variation cdf
statistics.NormalDist().cdf (scalar only)`` (kept) had two faults as written: its x was a
vector of 200 draws, and pooled_total_variation's docstring wants x of shape (chains, steps);
it now passes the same draws as shape (2, 100), so the scalar-only cdf is its one fault. (It
was unclear before, naming x's shape, and is unclear after, naming cdf but not the value.)
Not corrected, on purpose: three misses whose messages show the value's repr but not the word
the case asks for (``getitem index ...``, ``style check_seed seed ...``, ``style
check_positive_numbers value ...``); mentions are not among what may be corrected, so they
stay unclear as written, for the lead to judge.

First run at 075d691 (about 1.6 s as a script, the same with --written, 2.6 s under pytest:
62 collected, the 13 kept misses failing as expected, 49 passed), before the correction:
kept, 48 of 61 clear (78.7%), 13 unclear (21.3%), 0 silent, 0 data loss -- engine 10/15,
gradcheck 5/5, samplers 14/18, diagnostics 6/6, testing kit 10/12, figures 1/3, memory 2/2.
Written, 84 of 100 clear (84.0%), 16 unclear (16.0%), 0 silent, 0 data loss -- engine 19/25,
gradcheck 8/8, samplers 24/30, diagnostics 10/10, testing kit 18/20, figures 3/5, memory 2/2.
After the correction: the same numbers (the corrected case is unclear both times). Every
finfo/iinfo, scipy.special, in-place (the library passes its points read-only and says so),
frozen-distribution, BootstrapResult and DescribeResult case was clear, and every ``math``
case but tree_map's.

Not clear, kept (13):
- ``jvp primals a tuple holding a scipy OptimizeResult``: unclear -- TypeError "jvp: primal 0
  (leaf 3) must be an array of real numbers, got bool True (primals[0])": the OptimizeResult
  is read as a dict tree (it is a dict subclass) and its ``success`` leaf refused; names
  primals, not the OptimizeResult.
- ``tree_map f built on math.sqrt``: unclear -- a bare TypeError "only 0-dimensional arrays
  can be converted to Python scalars" from f, naming neither ``f`` nor tree_map.
- ``vjp at a scipy OptimizeResult (its x meant)``: unclear -- TypeError "argument 0 is a
  boolean array (dtype bool), got True; gradients need float arrays, ...": names neither vjp
  nor the OptimizeResult.
- ``trace at a scipy OptimizeResult (its x meant)``: unclear -- the same message as vjp's.
- ``getitem index the (values, counts) tuple of np.unique``: unclear -- IndexValueError
  "getitem: index (array([0, 1, 2]), array([1, 2, 3])) for shape (3,) does not fit the array:
  too many indices ...": names getitem and shows the index's repr, not the word tuple
  (arguable: a tuple index is NumPy's multi-axis indexing).
- ``metropolis_transition_matrix p the (values, counts) tuple of np.unique``: unclear --
  ValueError "p must be 1-D (one probability per label), got shape (2, 3)".
- ``pooled_total_variation cdf statistics.NormalDist().cdf (scalar only)`` (as corrected):
  unclear -- TypeError "cdf raised TypeError when called on an array of shape (5,): only
  0-dimensional arrays can be converted to Python scalars" (names cdf and why, not the value).
- ``total_variation cdf statistics.NormalDist().cdf (scalar only)``: unclear -- the same.
- ``from_ppf cdf statistics.NormalDist().cdf (scalar only)``: unclear -- the same, shape
  (264,).
- ``ks_distance cdf statistics.NormalDist().cdf (scalar only)``: unclear -- the same, shape
  (200,).
- ``assert_inverts ppf statistics.NormalDist().inv_cdf (scalar only)``: unclear -- ValueError
  "ppf raised ValueError when called on an array of shape (5,): The truth value of an array
  with more than one element is ambiguous. ...".
- ``style check_seed seed a Generator's bit_generator.state dict``: unclear -- ValueError
  "seed must be an integer >= 0, got {'bit_generator': 'PCG64', 'state': {...}, ...}": names
  seed and shows the dict's repr, not its type (arguable).
- ``style check_positive_numbers value the (counts, edges) tuple of np.histogram``: unclear --
  TypeError "heights must be heights (2 numbers), got (array([110,  90]), array([...]))":
  names heights and shows the tuple's repr, not the word (arguable).
Not clear, written and not kept (3):
- ``grad at a scipy OptimizeResult (its x meant)``: unclear -- TypeError "argument 0 is a
  boolean array (dtype bool), got True; gradients need float arrays, ...".
- ``from_ppf ppf statistics.NormalDist().inv_cdf (scalar only)``: unclear -- ValueError "ppf
  raised ValueError when called on an array of shape (264,): The truth value of an array with
  more than one element is ambiguous. ...".
- ``bin_masses cdf statistics.NormalDist().cdf (scalar only)``: unclear -- TypeError "cdf
  raised TypeError when called on an array of shape (5,): only 0-dimensional arrays can be
  converted to Python scalars".
The misses fall in three groups: an OptimizeResult taken as a dict tree by the derivative
functions (the bool leaf is refused, the result never named); a scalar-only function's error
passed on without its name or repr (the samplers name the argument and the reason); and three
messages that show the value's repr without the type's name.

Measured on main at ee04167 (075d691, the commit it was written at, plus round 37, made with
sight of the fifty-fourth battery only), blind: kept, 48 of 61 clear (78.7%), 13 unclear, 0
silent, 0 data loss; written, 84 of 100 (84.0%). Round 38 (with sight of this file, so not
blind): a tree that is a list, tuple or dict of another class (an OptimizeResult) is named
beside the argument, and ``grad``'s, ``vjp``'s and ``trace``'s leaf messages say which function;
a user's method or built-in that raised is named (``NormalDist.cdf``), with the remedy when
NumPy's error says it takes one number at a time; ``tree_map`` names ``f`` for an error from
inside a user's f (not the library's own); a tuple or dict is shown with its type in every
"got ..."; a tuple index and a tuple of probabilities say they are tuples. After it: all 61
kept and all 100 written clear.
"""

import math
import statistics

import numpy as np
import pytest
from scipy import optimize, special, stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  laplace, mcse_mean, mcse_sd, metropolis_transition_matrix,
                                  rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import bin_masses, pooled_total_variation, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities
from scratchmeta.testing import strategies as kit_st

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples, _sweep
from test_bad_inputs_twentyfirst import _edges, _ppf_sampler
from test_bad_inputs_twentyfifth import _noise, _walks25
from test_bad_inputs_thirtyfifth import _figure

FINFO = "finfo"           # np.finfo(np.float64): the info object, its .eps/.tiny/.max meant
IINFO = "iinfo"           # np.iinfo(...): the info object, its .max meant
OPT = "OptimizeResult"    # scipy.optimize's result (a dict subclass), its .x meant
TUP = "tuple"             # a NumPy function's whole tuple result (np.histogram, np.unique)
SCAL = "scalars"          # a scalar-only math function given an array: NumPy's own words
ND = "NormalDist"         # statistics.NormalDist's scalar-only methods (in their repr)
STATE = "dict"            # a Generator's bit_generator.state (a dict) where a Generator is meant
FROZEN = "frozen"         # a frozen scipy distribution (rv_continuous_frozen), .rvs not called
TENSOR = "Tensor"         # a math function given the engine's Tensor

_ALIVE = []
_S = np.diag([2.0, 3.0, 4.0])     # a symmetric positive definite matrix
_LABELS = np.array([0, 1, 1, 2, 2, 2])


def _finfo():
    """``np.finfo(np.float64)``: the user forgot ``.eps`` / ``.tiny`` / ``.max``."""
    return np.finfo(np.float64)


def _iinfo(kind=np.int64):
    """``np.iinfo(...)``: the user forgot ``.max``."""
    return np.iinfo(kind)


def _opt(x=(1.5,)):
    """What ``scipy.optimize.minimize`` returns: an OptimizeResult, its ``.x`` meant."""
    x = np.asarray(x, dtype=float)
    return optimize.OptimizeResult(x=x, fun=0.25, jac=np.zeros_like(x), success=True,
                                   status=0, message="Optimization terminated successfully.",
                                   nit=4, nfev=12)


def _hist(bins=4):
    """``np.histogram(samples, bins)``: the whole (counts, edges) tuple."""
    return np.histogram(_samples(), bins=bins)


def _unique_counts():
    """``np.unique(labels, return_counts=True)``: the whole (values, counts) tuple."""
    return np.unique(_LABELS, return_counts=True)


def _state():
    """A Generator's ``bit_generator.state``: a dict, saved to restore a generator later."""
    return np.random.default_rng(0).bit_generator.state


def _frozen():
    """``stats.norm(0, 1)``: the distribution, not draws from it (``.rvs`` not called)."""
    return stats.norm(0.0, 1.0)


def _chains_split():
    """Chains cut by ``np.array_split``: four lists of unequal length (51, 51, 51, 50)."""
    return np.array_split(np.random.default_rng(2).normal(size=203), 4)


_BOOT = stats.bootstrap((_samples(),), np.mean, n_resamples=99, method="percentile",
                        rng=np.random.default_rng(3))
_DESCRIBE = stats.describe(_samples())
_ND = statistics.NormalDist(0.0, 1.0)


# user functions that write into the array the library gave them (one fault: the write)
def _pdf_in_place(x):
    """A user's density that rescales the library's x in place before computing."""
    x *= 2.0
    return np.exp(-0.5 * x * x)


def _logd_in_place(x):
    """A user's log density that shifts the library's proposal in place."""
    x += 1.0
    return -0.5 * np.sum(x * x, axis=-1)


def _f_in_place(x):
    x *= 2.0
    return np.sin(x)


def _cdf_in_place(x):
    x *= 2.0
    return stats.norm.cdf(x)


def _ppf_in_place(u):
    u *= 0.5
    return stats.norm.ppf(u)


def _cdf_sorting(x):
    """A user's CDF that sorts the library's draws in place (a 'harmless' speed-up)."""
    x.sort()
    return stats.norm.cdf(x)


# user functions written with scalar-only math
def _math_pdf(x):
    return math.exp(-0.5 * x * x)


def _math_logd(x):
    return -0.5 * math.pow(x, 2)


def _math_sqrt(a):
    return math.sqrt(a)


def _kept_figure():
    fig = _figure()
    _ALIVE.append(fig)
    return fig


def _xaxis():
    fig = _kept_figure()
    return fig.add_subplot().xaxis


def _exp_pdf(x):
    return np.exp(-np.asarray(x))


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("add of a numpy finfo object (its eps meant)", lambda d: ad.add(X3, _finfo()),
     ["add", FINFO]),
    ("sqrt of a scipy OptimizeResult (its x meant)", lambda d: ad.sqrt(_opt(X3 * X3)),
     ["sqrt", OPT]),
    ("grad of a fun built on math.exp", lambda d: ad.grad(lambda x: math.exp(x))(1.5),
     ["fun", TENSOR]),
    ("matmul a an SVDResult (its U meant)", lambda d: ad.matmul(np.linalg.svd(_S), X3),
     ["a", "SVDResult"]),
    ("maximum of an array and a numpy finfo object (its tiny meant)", lambda d: ad.maximum(
        X3, _finfo()), ["maximum", FINFO]),
    ("jvp primals a tuple holding a scipy OptimizeResult", lambda d: ad.jvp(
        _square, (_opt(X3),), (X3,)), ["primals", OPT]),
    ("tree_map f built on math.sqrt", lambda d: ad.tree_map(_math_sqrt, [np.abs(X3)]),
     ["f", SCAL]),
    ("hessian of a fun built on math.cos", lambda d: ad.hessian(lambda x: math.cos(x))(1.5),
     ["fun", TENSOR]),
    ("where a a scipy OptimizeResult", lambda d: ad.where(X3 > 0, _opt(X3), X3),
     ["a", OPT]),
    ("value_and_grad of a fun built on math.log", lambda d: ad.value_and_grad(
        lambda x: math.log(x))(1.5), ["fun", TENSOR]),
    ("add of a SlogdetResult (its logabsdet meant)", lambda d: ad.add(
        ad.sum(X3 * X3), np.linalg.slogdet(_S)), ["add", "SlogdetResult"]),
    ("vjp at a scipy OptimizeResult (its x meant)", lambda d: ad.vjp(_square, _opt(X3)),
     ["vjp", OPT]),
    ("jacobian of a fun built on math.tanh", lambda d: ad.jacobian(
        lambda x: math.tanh(x))(1.5), ["fun", TENSOR]),
    ("sum of an EighResult (its eigenvalues meant)", lambda d: ad.sum(np.linalg.eigh(_S)),
     ["sum", "EighResult"]),
    ("trace at a scipy OptimizeResult (its x meant)", lambda d: ad.trace(_square, _opt(X3)),
     ["trace", OPT]),
    ("solve b a scipy OptimizeResult", lambda d: ad.solve(_S, _opt(X3)), ["b", OPT]),
    ("clip a_max a numpy finfo object (its max meant)", lambda d: ad.clip(
        X3, -1.0, _finfo()), ["a_max", FINFO]),
    ("jvp of a fun using scipy.special.erf", lambda d: ad.jvp(
        lambda x: ad.sum(special.erf(x)), (X3,), (X3,)), ["fun", "erf"]),
    ("grad at a scipy OptimizeResult (its x meant)", lambda d: ad.grad(_square)(_opt(X3)),
     ["grad", OPT]),
    ("getitem index the (values, counts) tuple of np.unique", lambda d: ad.getitem(
        X3, _unique_counts()), [TUP]),
    ("vjp of a fun built on math.exp", lambda d: ad.vjp(lambda x: math.exp(x), 1.5),
     ["fun", TENSOR]),
    ("sub of a scipy OptimizeResult and an array", lambda d: ad.sub(_opt(X3), X3),
     ["sub", OPT]),
    ("grad of a fun calling math.fsum over x", lambda d: ad.grad(
        lambda x: math.fsum(x))(X3), ["fun", TENSOR]),
    ("jacobian at the (counts, edges) tuple of np.histogram", lambda d: ad.jacobian(
        lambda x: x * 2.0)(_hist()), ["jacobian", TUP]),
    ("minimum of an array and a numpy finfo object (its max meant)", lambda d: ad.minimum(
        X3, _finfo()), ["minimum", FINFO]),
]

GRADCHECK_CASES = [
    ("check_grads eps a numpy finfo object (its eps meant)", lambda d: check_grads(
        _square, (X3,), eps=_finfo()), ["eps", FINFO]),
    ("check_grads fun using scipy.special.erf", lambda d: check_grads(
        lambda x: ad.sum(special.erf(x)), (X3,)), ["fun", "erf"]),
    ("check_grads rtol a numpy finfo object (its eps meant)", lambda d: check_grads(
        _square, (X3,), rtol=_finfo()), ["rtol", FINFO]),
    ("hvp fun using scipy.special.gammaln", lambda d: hvp(
        lambda x: ad.sum(special.gammaln(x)), np.abs(X3), X3), ["fun", "gammaln"]),
    ("check_grads atol a numpy finfo object (its eps meant)", lambda d: check_grads(
        _square, (X3,), atol=_finfo()), ["atol", FINFO]),
    ("hvp fun using scipy.special.expit", lambda d: hvp(
        lambda x: ad.sum(special.expit(x)), X3, X3), ["fun", "expit"]),
    ("check_grads fun using scipy.special.log_ndtr", lambda d: check_grads(
        lambda x: ad.sum(special.log_ndtr(x)), (X3,)), ["fun", "log_ndtr"]),
    ("hvp fun using scipy.special.xlogy", lambda d: hvp(
        lambda x: ad.sum(special.xlogy(x, x)), np.abs(X3), X3), ["fun", "xlogy"]),
]

SAMPLER_CASES = [
    ("grid_inverse_cdf pdf writing into its x in place", lambda d: grid_inverse_cdf(
        _pdf_in_place, -3.0, 3.0), ["pdf"]),
    ("DiscreteInverseCDF p the (counts, edges) tuple of np.histogram", lambda d:
        DiscreteInverseCDF(_hist()), ["p", TUP]),
    ("walks_from_one_start log_density built on math.pow", lambda d: _walks25(
        log_density=_math_logd), ["log_density", SCAL]),
    ("exponential rate a scipy OptimizeResult", lambda d: exponential(_opt()),
     ["rate", OPT]),
    ("grid_inverse_cdf lo a numpy finfo object (its tiny meant)", lambda d: grid_inverse_cdf(
        _exp_pdf, _finfo(), 10.0), ["lo", FINFO]),
    ("metropolis log_density writing into x in place", lambda d: _metropolis(
        log_density=_logd_in_place), ["log_density"]),
    ("bin_masses edges the (counts, edges) tuple of np.histogram", lambda d: bin_masses(
        _hist(), stats.norm.cdf), ["edges", TUP]),
    ("density_values pdf built on math.exp", lambda d: density_values(
        _math_pdf, np.linspace(-1.0, 1.0, 5)), ["pdf", SCAL]),
    ("cauchy loc a scipy OptimizeResult", lambda d: cauchy(loc=_opt()), ["loc", OPT]),
    ("integrate lo a numpy finfo object (its tiny meant)", lambda d: integrate(
        np.sqrt, _finfo(), 1.0), ["lo", FINFO]),
    ("from_density pdf writing into x in place", lambda d: ContinuousInverseCDF.from_density(
        _pdf_in_place), ["pdf"]),
    ("metropolis_transition_matrix p the (values, counts) tuple of np.unique", lambda d:
        metropolis_transition_matrix(_unique_counts(), np.full((3, 3), 1.0 / 3.0)),
     ["p", TUP]),
    ("find_center pdf built on math.exp", lambda d: find_center(_math_pdf, -3.0, 3.0),
     ["pdf", SCAL]),
    ("weibull shape a scipy OptimizeResult", lambda d: weibull(_opt()), ["shape", OPT]),
    ("explore b a numpy finfo object (its max meant)", lambda d: explore(
        _normal_pdf, _normal_pdf, -3.0, _finfo()), ["b", FINFO]),
    ("integrate f writing into x in place", lambda d: integrate(_f_in_place, 0.0, 1.0),
     ["f"]),
    ("total_variation edges the (counts, edges) tuple of np.histogram", lambda d:
        total_variation(_samples(), _hist(), stats.norm.cdf), ["edges", TUP]),
    ("from_ppf ppf statistics.NormalDist().inv_cdf (scalar only)", lambda d:
        ContinuousInverseCDF.from_ppf(_ND.inv_cdf), ["ppf", ND]),
    ("laplace loc a scipy OptimizeResult", lambda d: laplace(loc=_opt()), ["loc", OPT]),
    ("metropolis rng a Generator's bit_generator.state dict", lambda d: _metropolis(
        rng=_state()), ["rng", STATE]),
    ("noise_floor cdf writing into x in place", lambda d: _noise(cdf=_cdf_in_place),
     ["cdf"]),
    ("pooled_total_variation cdf statistics.NormalDist().cdf (scalar only)", lambda d:
        pooled_total_variation(_samples().reshape(2, 100), _edges(), _ND.cdf), ["cdf", ND]),
    ("bin_masses cdf statistics.NormalDist().cdf (scalar only)", lambda d: bin_masses(
        _edges(), _ND.cdf), ["cdf", ND]),
    ("step_size_sweep rngs a list of bit_generator.state dicts", lambda d: _sweep(
        rngs=[_state()]), ["rngs", STATE]),
    ("discrete sample rng a Generator's bit_generator.state dict", lambda d:
        _discrete().sample(5, _state()), ["rng", STATE]),
    ("explore pdf writing into x in place", lambda d: explore(
        _normal_pdf, _pdf_in_place, -3.0, 3.0), ["pdf"]),
    ("total_variation cdf statistics.NormalDist().cdf (scalar only)", lambda d:
        total_variation(_samples(), _edges(), _ND.cdf), ["cdf", ND]),
    ("continuous sample rng a Generator's bit_generator.state dict", lambda d:
        _ppf_sampler().sample(5, _state()), ["rng", STATE]),
    ("walks_from_one_start cdf writing into x in place", lambda d: _walks25(
        cdf=_cdf_in_place), ["cdf"]),
    ("from_ppf cdf statistics.NormalDist().cdf (scalar only)", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, _ND.cdf), ["cdf", ND]),
]

DIAGNOSTIC_CASES = [
    ("ess_mean draws a scipy BootstrapResult", lambda d: ess_mean(_BOOT),
     ["draws", "BootstrapResult"]),
    ("rank_normalize draws the (counts, edges) tuple of np.histogram", lambda d:
        rank_normalize(_hist()), ["draws", TUP]),
    ("diagnose draws chains of unequal lengths from np.array_split", lambda d: diagnose(
        _chains_split()), ["draws", "list"]),
    ("quantile_type7 x a scipy BootstrapResult", lambda d: quantile_type7(_BOOT, 0.5),
     ["x", "BootstrapResult"]),
    ("mcse_sd draws a scipy DescribeResult", lambda d: mcse_sd(_DESCRIBE),
     ["draws", "DescribeResult"]),
    ("split_rhat draws a frozen scipy distribution (rvs not called)", lambda d: split_rhat(
        _frozen()), ["draws", FROZEN]),
    ("ess_bulk draws a scipy DescribeResult", lambda d: ess_bulk(_DESCRIBE),
     ["draws", "DescribeResult"]),
    ("ess_tail draws chains of unequal lengths from np.array_split", lambda d: ess_tail(
        _chains_split()), ["draws", "list"]),
    ("mcse_mean draws a frozen scipy distribution (rvs not called)", lambda d: mcse_mean(
        _frozen()), ["draws", FROZEN]),
    ("rank_normalize draws a frozen scipy distribution (rvs not called)", lambda d:
        rank_normalize(_frozen()), ["draws", FROZEN]),
]

TESTING_CASES = [
    ("chi_square_pvalue counts the (counts, edges) tuple of np.histogram", lambda d:
        testing.chi_square_pvalue(_hist(), [0.25, 0.25, 0.25, 0.25]), ["counts", TUP]),
    ("ks_distance cdf statistics.NormalDist().cdf (scalar only)", lambda d:
        testing.ks_distance(_samples(), _ND.cdf), ["cdf", ND]),
    ("assert_labels_match p the (values, counts) tuple of np.unique", lambda d:
        testing.assert_labels_match(_LABELS, _unique_counts()), ["p", TUP]),
    ("assert_inverts u_resolution a numpy finfo object (its eps meant)", lambda d:
        testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, np.linspace(0.1, 0.9, 5),
                               _finfo()), ["u_resolution", FINFO]),
    ("assert_monotone ppf writing into u in place", lambda d: testing.assert_monotone(
        _ppf_in_place, np.linspace(0.1, 0.9, 5)), ["ppf"]),
    ("smallest_detectable alpha a numpy finfo object (its eps meant)", lambda d:
        testing.smallest_detectable(1000, alpha=_finfo()), ["alpha", FINFO]),
    ("assert_inverts ppf statistics.NormalDist().inv_cdf (scalar only)", lambda d:
        testing.assert_inverts(_ND.inv_cdf, stats.norm.cdf, np.linspace(0.1, 0.9, 5), 1e-8),
     ["ppf", ND]),
    ("assert_same_distribution x a frozen scipy distribution (rvs not called)", lambda d:
        testing.assert_same_distribution(_frozen(), _samples()), ["x", FROZEN]),
    ("assert_inverts cdf writing into x in place", lambda d: testing.assert_inverts(
        stats.norm.ppf, _cdf_in_place, np.linspace(0.1, 0.9, 5), 1e-8), ["cdf"]),
    ("two_sample_distance y a frozen scipy distribution (rvs not called)", lambda d:
        testing.two_sample_distance(_samples(), _frozen()), ["y", FROZEN]),
    ("density normal_mixture weights the (values, counts) tuple of np.unique", lambda d:
        densities.normal_mixture(_unique_counts(), [0.0, 1.0, 2.0], [1.0, 1.0, 1.0]),
     ["weights", TUP]),
    ("density steps heights the (counts, edges) tuple of np.histogram", lambda d:
        densities.steps([-2.0, -1.0, 0.0, 1.0, 2.0], _hist()), ["heights", TUP]),
    ("density student_t df a scipy OptimizeResult", lambda d: densities.student_t(
        _opt((3.0,))), ["df", OPT]),
    ("density beta a a scipy OptimizeResult", lambda d: densities.beta(_opt((2.0,)), 2.0),
     ["a", OPT]),
    ("ks_distance samples a frozen scipy distribution (rvs not called)", lambda d:
        testing.ks_distance(_frozen(), stats.norm.cdf), ["samples", FROZEN]),
    ("draws_needed alpha a numpy finfo object (its eps meant)", lambda d:
        testing.draws_needed(0.1, alpha=_finfo()), ["alpha", FINFO]),
    ("assert_cdf_matches cdf sorting the draws in place", lambda d:
        testing.assert_cdf_matches(_samples(), _cdf_sorting), ["cdf"]),
    ("strategies uniforms_near_edges p the (counts, edges) tuple of np.histogram", lambda d:
        kit_st.uniforms_near_edges(_hist()), ["p", TUP]),
    ("density pareto alpha a scipy OptimizeResult", lambda d: densities.pareto(
        _opt((2.0,))), ["alpha", OPT]),
    ("density triangular mode a scipy OptimizeResult", lambda d: densities.triangular(
        0.0, _opt((0.5,)), 1.0), ["mode", OPT]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_seed seed a Generator's bit_generator.state dict", lambda d:
        style.check_seed(_state()), ["seed", STATE]),
    ("style check_positive_numbers value the (counts, edges) tuple of np.histogram",
     lambda d: style.check_positive_numbers("heights", _hist(bins=2), 2, "heights"),
     ["heights", TUP]),
    ("style check_axes ax an XAxis (ax.xaxis, the Axes meant)", lambda d: style.check_axes(
        _xaxis()), ["ax", "XAxis"]),
    ("style check_numbers x a frozen scipy distribution (rvs not called)", lambda d:
        style.check_numbers("values", _frozen()), ["values", FROZEN]),
    ("style save fig the figure's canvas (fig.canvas)", lambda d: style.save(
        _kept_figure().canvas, d, "fig"), ["fig", "FigureCanvas"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a numpy iinfo object (its max meant)", lambda d:
        memory.keep_freed_memory(mmap_threshold=_iinfo(np.int32)),
     ["mmap_threshold", IINFO], None),
    ("keep_freed_memory trim_threshold a numpy iinfo object (its max meant)", lambda d:
        memory.keep_freed_memory(trim_threshold=_iinfo(np.int64)),
     ["trim_threshold", IINFO], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


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


def test_the_fiftyfifth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fiftyfifth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
