"""A sixty-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit e81254a, from the user's side only: the README; the public names
(``__all__`` where there is one) and signatures of ``scratchmeta.autodiff``, ``gradcheck``,
``memory``, ``sampling`` and its modules (``finite_chain``, ``interpolation``, ``step_size``,
``mixing``, ``tails``, ``quadrature``, ``diagnostics``, ``metropolis``), the public methods of
``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; ``memory.current_setting()``'s value (run once, to
build a case); after the first run (to judge the misses only) the docstrings of
``autodiff.tree_flatten`` and ``autodiff.tree_map``; and the earlier batteries' ids, layout and
shared helpers (imported, not copied). Not read: the body of any validation code, the library's
source, its history, anything of /work/main. No ``__main__`` module was imported; no case
writes anywhere.

Areas (library side only), as written: the autodiff engine -- ops, the derivative functions
(grad, value_and_grad, vjp, jvp, jacobian, hessian, trace), tree_map, tree_flatten (25),
gradcheck -- check_grads, hvp (8), samplers -- DiscreteInverseCDF, grid_inverse_cdf,
from_density, from_ppf, the named inverse CDFs, the inverse CDFs' ppf and from_uniforms,
metropolis, metropolis_transition_matrix, quadrature, tails, mixing, step size (30),
diagnostics (10), the testing kit, its densities and two hypothesis strategies (21),
``figures.style`` helpers (5), the ``memory`` functions (2): 101. No
``SCRATCHMETA_KEEP_FREED_MEMORY`` value was drafted (its values are nearly exhausted).

Kinds of bad value (a grep of the earlier ids found 0 hits for ``enumerate``, ``filter``,
``dict_keys``/``keys()``, ``dict_items``/``items()``, ``itertools``, ``accumulate``,
``recarray``, ``AssertionError``, ``returning a function``/``uncalled``; ``10**400`` only as
``1e400`` on the command line):
- a builtin iterator or dict view where an array or a sequence is meant (mentions its type
  name): ``enumerate`` (mean x, tree_map trees, check_grads args, discrete ppf u,
  density_values x, fixed_step_chains scaled, split_rhat and rank_normalize draws,
  assert_labels_match labels, u_grids cut_points), ``filter`` (stack xs, broadcast_to shape,
  hvp v, continuous ppf u, ess_tail prob, assert_same_distribution y, style
  check_positive_numbers), ``dict_items`` (concatenate xs, tree_flatten tree,
  DiscreteInverseCDF p, walks_from_one_start step_sizes, ess_bulk draws, chi_square_pvalue
  counts), ``dict_keys`` (sum, step_size_sweep dims, style subplots size), ``dict_values``
  (keep_freed_memory trim_threshold), ``itertools.chain`` (einsum operand, std x,
  metropolis_transition_matrix p, mcse_mean draws, two_sample_distance y, style
  check_numbers), ``itertools.accumulate`` (norm x, total_variation edges, diagnose draws,
  assert_inverts u, density steps heights), ``itertools.repeat`` (where b, check_grads atol;
  endless: step_size_sweep rngs, density normal_mixture scales);
- a one-field ``np.recarray`` (what ``np.genfromtxt(names=True)`` gives) where the plain array
  is meant (mentions ``recarray``): exp, jvp primals, vjp, solve a, stop_gradient x; hvp x;
  metropolis x0, from_uniforms u, metropolis_transition_matrix Q, pooled_total_variation x;
  ess_mean, mcse_sd, ess_tail draws, quantile_type7 x; chi_square_power q,
  assert_labels_match p; style check_numbers;
- a user's function that returns a function instead of calling it (``np.exp``/``np.tanh``/
  ``np.sin`` itself: mentions ``ufunc``; ``stats.norm.logpdf``/``cdf``/``ppf`` itself: mentions
  ``method``; a lambda: ``function``): grad, trace, value_and_grad, jacobian; hvp and
  check_grads fun; grid_inverse_cdf pdf, from_ppf ppf, metropolis log_density, integrate f,
  explore pdf, noise_floor cdf; assert_inverts cdf;
- a user's function whose own ``assert`` fails (written for one point, or asserting it gets an
  ndarray; mentions ``AssertionError``, the testing kit's own failure signal): hessian and grad
  fun, check_grads fun; from_density, find_center pdf, metropolis log_density, bin_masses cdf;
  assert_cdf_matches cdf, assert_monotone ppf, ks_distance cdf;
- a Python int too large for a float (``10**400``; mentions the start of its repr) where a
  real number is meant: power exponent, clip a_max, maximum; check_grads eps;
  grid_inverse_cdf hi, metropolis step_size, exponential rate, cauchy scale, pareto alpha,
  integrate lo (negated); draws_needed discrepancy, dkw_epsilon n, smallest_detectable beta,
  density uniform hi, student_t loc, beta hi, symmetric_proposals n; style check_count;
- a record where one of its fields is meant: keep_freed_memory mmap_threshold the
  ``current_setting()`` dict (mentions ``thresholds``).

Repeats: every id of the earlier batteries (9,497 tuple heads of ``tests/test_bad_inputs_*.py``
and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared with the drafts for exact ids (0);
each kind word above was grepped in those ids (counts above), and for the function+argument
pairs with a nearby earlier kind the earlier ids were listed: ``keep_freed_memory`` has 2**70,
a list, a dict, a 2-element array and a getrlimit tuple but no dict view and no
``current_setting()`` record; the earlier ``bound method not called`` and ``default_rng
function, not called`` cases pass the function itself as a value, while here a user's function
returns one; ``... scipy.stats.norm itself (its pdf meant)`` passes the distribution as the
function, not a function returning a method. No 2**70-style count was drafted (that kind is
exhausted); the big int goes only where a real number is meant.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 4)`` were kept (``_kept``): 61 of the 101, 60 after the
drop. After the first run no case was added, reordered, swapped or corrected.

Dropped (``DROPPED``, 1; the docs make it valid):
- ``tree_flatten tree the items view of a dict`` (kept; silent): tree_flatten's docstring makes
  anything but nested lists, tuples, namedtuples and dicts one leaf, refusing only a set; a
  dict_items view is such a leaf.
Corrected: none. One pre-run edit only (a needless expression in ``style check_count value a
Python int too large for a float`` simplified to ``BIG``; same value).

Danger found (written, not kept): ``step_size_sweep rngs an endless itertools.repeat of one
generator`` makes the library read the endless iterator into memory: without a memory limit
the first ``--written`` run was killed by the system (exit 137) at that case; all rates
below were measured under ``ulimit -v 8000000`` (about 8 GB), where it is a bare
``MemoryError`` (classified unclear). The kept cases alone run without it (pytest, about
3.5 s). ``density normal_mixture scales an endless itertools.repeat`` (kept) is refused
clearly.

First run at e81254a (about 2 s as a script, 3.5 s under pytest; --written about 100 s, most
of it the endless repeat), before the drop: kept, 52 of 61 clear (85.2%), 8 unclear
(13.1%), 1 silent (1.6%), 0 data loss; written, 85 of 101 clear (84.2%), 15 unclear (14.9%),
1 silent (1.0%), 0 data loss. After it: kept, 52 of 60 clear (86.7%), 8 unclear (13.3%), 0
silent, 0 data loss -- engine 12/14, gradcheck 4/5, samplers 16/18, diagnostics 6/6, testing
kit 10/13, figures 3/3, memory 1/1. Written, 85 of 100 clear (85.0%), 15 unclear (15.0%), 0
silent, 0 data loss -- engine 21/24, gradcheck 7/8, samplers 25/30, diagnostics 10/10,
testing kit 15/21, figures 5/5, memory 2/2.

Not clear, kept:
- ``power exponent a Python int too large for a float``: unclear -- ValueError "power: cannot
  apply to (3,) and () of dtype object: an integer is out of range (too large for NumPy's C
  integers; an axis is an int from -ndim to ndim - 1): int too large to convert to float" (no
  value shown; the axis hint does not apply).
- ``maximum of an array and a Python int too large for a float``: unclear -- the same
  ValueError for ``maximum``.
- ``hvp x a one-field recarray``: unclear -- TypeError "hvp: x must be an array of real
  numbers, got a structured array of dtype (numpy.record, [('x', '<f8')]) and shape (3,)"
  (names x and the record dtype, not ``recarray``; arguable).
- ``metropolis step_size a Python int too large for a float``: unclear -- bare OverflowError
  "int too large to convert to float".
- ``cauchy scale a Python int too large for a float``: unclear -- the same bare OverflowError.
- ``dkw_epsilon n a Python int too large for a float``: unclear -- the same bare OverflowError.
- ``density uniform hi a Python int too large for a float``: unclear -- NumPy's TypeError
  "ufunc 'isfinite' not supported for the input types, ..." (no hi, no value).
- ``density beta hi a Python int too large for a float``: unclear -- the same NumPy TypeError.
Not clear, written and not kept:
- ``jvp primals a one-field recarray``: unclear -- TypeError "jvp: primal 0 must be an array
  of real numbers, got a structured array of dtype (numpy.record, [('x', '<f8')]) and shape
  (3,) (primals[0])" (not ``recarray``; arguable).
- ``exponential rate a Python int too large for a float``: unclear -- bare OverflowError "int
  too large to convert to float".
- ``pareto alpha a Python int too large for a float``: unclear -- the same.
- ``step_size_sweep rngs an endless itertools.repeat of one generator``: unclear under a
  memory limit -- bare ``MemoryError``; without one, the process is killed.
- ``draws_needed discrepancy a Python int too large for a float``: unclear -- bare
  OverflowError.
- ``smallest_detectable beta a Python int too large for a float``: unclear -- bare
  OverflowError.
- ``density student_t loc a Python int too large for a float``: unclear -- NumPy's TypeError
  "ufunc 'isfinite' not supported for the input types, ...".

Measured on main at 080272e (e81254a plus round 46, made from earlier batteries' leftovers
before this one came back), blind: kept, 52 of 60 clear (86.7%), 8 unclear, 0 silent, 0 data
loss; written (under ``ulimit -v 8000000``), 85 of 100 (85.0%), 15 unclear. With the
sixty-sixth (57 of 58) the pair is 109 of 118 (92.4%), 0 silent. Round 47 (with sight of
this file and the sixty-sixth, so not blind): a Python int past float64's range (``10**400``)
is named with its digits wherever a real number is read -- one ``fits_float64``, now in
``scratchmeta/messages.py`` for the samplers and the kit (their two copies are gone; the
engine keeps its own), the engine's ops for an operand, the kit's counts and densities; a
``numpy.recarray`` is named as one; ``step_size_sweep`` reads at most one generator more than
it needs from ``rngs``, so an endless iterator is refused instead of filling memory. After
it: all 60 kept clear; written, 100 of 100, with no memory limit needed.
"""

import itertools

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
from scratchmeta.sampling.mixing import bin_masses, pooled_total_variation, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import symmetric_proposals, u_grids

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples, _sweep
from test_bad_inputs_twentyfirst import _edges, _ppf_sampler
from test_bad_inputs_twentyfifth import _fixed, _noise, _walks25

BIG = 10 ** 400      # a Python int too large for a float, a real number meant
BIG_SHOWN = "1000000000"   # the start of its repr
ASSERT = "AssertionError"  # a user's function whose own ``assert`` fails
UFUNC = "ufunc"      # a user's function returning np.exp itself (forgot to call it)
METHOD = "method"    # a user's function returning a SciPy method itself (forgot to call it)
REC = "recarray"     # a one-field np.recarray (as np.genfromtxt(names=True) gives), the plain
                     # array meant


def _rec(a):
    """A one-field record array ``x`` holding ``a``: the plain array meant."""
    return np.rec.fromarrays([np.asarray(a, dtype=float)], names="x")


def _chains():
    """Two chains of 100 draws, shape (2, 100)."""
    return np.random.default_rng(4).normal(size=(2, 100))


def _assert_array_fun(x):
    """A user's function that asserts it is given a plain ndarray (the engine gives Tensors)."""
    assert isinstance(x, np.ndarray), "expected an ndarray"
    return _square(x)


def _assert_scalar_pdf(x):
    """A user's density written for one point, with an assert that says so."""
    assert np.ndim(x) == 0, "pdf takes one point"
    return float(np.exp(-0.5 * x * x))


def _assert_scalar_cdf(x):
    """A user's CDF written for one point, with an assert that says so."""
    assert np.ndim(x) == 0, "cdf takes one point"
    return float(stats.norm.cdf(x))


def _assert_scalar_ppf(u):
    """A user's quantile function written for one point, with an assert that says so."""
    assert np.ndim(u) == 0, "ppf takes one point"
    return float(stats.norm.ppf(u))


def _assert_scalar_log_density(x):
    """A user's log-density written for one point, with an assert that says so."""
    assert np.ndim(x) == 0, "log_density takes one point"
    return -0.5 * float(x) ** 2


def _forgot_exp(x):
    """A user's density that returns ``np.exp`` itself, not ``np.exp(-x**2 / 2)``."""
    return np.exp


def _forgot_tanh(x):
    """A user's function that returns ``np.tanh`` itself, not ``np.tanh(x)``."""
    return np.tanh


def _forgot_sin(x):
    """A user's integrand that returns ``np.sin`` itself, not ``np.sin(x)``."""
    return np.sin


def _forgot_logpdf(x):
    """A user's function that returns ``stats.norm.logpdf`` itself, not its value at x."""
    return stats.norm.logpdf


def _forgot_cdf(x):
    """A user's CDF that returns ``stats.norm.cdf`` itself, not its value at x."""
    return stats.norm.cdf


def _forgot_ppf(u):
    """A user's quantile function that returns ``stats.norm.ppf`` itself."""
    return stats.norm.ppf


def _forgot_lambda(x):
    """A user's function that returns a function of x instead of a value."""
    return lambda y: ad.sum(y * y)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("mean x an enumerate object of the values", lambda d: ad.mean(enumerate(X3)),
     ["x", "enumerate"]),
    ("exp of a one-field recarray", lambda d: ad.exp(_rec(X3)), ["exp", REC]),
    ("grad of a fun returning np.exp itself, not called", lambda d: ad.grad(_forgot_exp)(X3),
     ["fun", UFUNC]),
    ("power exponent a Python int too large for a float", lambda d: ad.power(X3, BIG),
     ["power", BIG_SHOWN]),
    ("stack xs a filter object", lambda d: ad.stack(filter(None, [X3, X3])),
     ["xs", "filter"]),
    ("concatenate xs the items view of a dict of arrays", lambda d: ad.concatenate(
        {"a": X3, "b": X3}.items()), ["xs", "dict_items"]),
    ("jvp primals a one-field recarray", lambda d: ad.jvp(_square, (_rec(X3),), (X3,)),
     ["primals", REC]),
    ("hessian of a fun whose assert on its input fails", lambda d: ad.hessian(
        _assert_array_fun)(X3), ["fun", ASSERT]),
    ("tree_map trees an enumerate object", lambda d: ad.tree_map(
        np.negative, enumerate([X3])), ["tree", "enumerate"]),
    ("einsum operand an itertools.chain", lambda d: ad.einsum(
        "i,i->", X3, itertools.chain(X3)), ["einsum", "chain"]),
    ("clip a_max a Python int too large for a float", lambda d: ad.clip(X3, 0.0, BIG),
     ["a_max", BIG_SHOWN]),
    ("value_and_grad of a fun returning stats.norm.logpdf itself, not called", lambda d:
        ad.value_and_grad(_forgot_logpdf)(X3), ["fun", METHOD]),
    ("vjp of a one-field recarray", lambda d: ad.vjp(_square, _rec(X3)), ["vjp", REC]),
    ("jacobian of a fun returning a lambda, not its value", lambda d: ad.jacobian(
        _forgot_lambda)(X3), ["fun", "function"]),
    ("solve a a one-field recarray", lambda d: ad.solve(_rec(2.0 * np.eye(3)), X3),
     ["a", REC]),
    ("where b an itertools.repeat", lambda d: ad.where(
        X3 > 0, X3, itertools.repeat(0.0, 3)), ["b", "repeat"]),
    ("sum of a dict_keys view", lambda d: ad.sum({0.5: "a", 1.0: "b"}.keys()),
     ["sum", "dict_keys"]),
    ("norm x an itertools.accumulate", lambda d: ad.norm(itertools.accumulate(X3)),
     ["x", "accumulate"]),
    ("stop_gradient x a one-field recarray", lambda d: ad.stop_gradient(_rec(X3)),
     ["x", REC]),
    ("grad of a fun asserting it is given an ndarray", lambda d: ad.grad(
        _assert_array_fun)(X3), ["fun", ASSERT]),
    ("maximum of an array and a Python int too large for a float", lambda d: ad.maximum(
        X3, BIG), ["maximum", BIG_SHOWN]),
    ("broadcast_to shape a filter object", lambda d: ad.broadcast_to(
        np.ones(1), filter(None, (3,))), ["shape", "filter"]),
    ("trace of a fun returning np.tanh itself, not called", lambda d: ad.trace(
        _forgot_tanh, X3), ["fun", UFUNC]),
    ("tree_flatten tree the items view of a dict", lambda d: ad.tree_flatten(
        {"w": X3, "b": X3}.items()), ["tree", "dict_items"]),
    ("std x an itertools.chain of two arrays", lambda d: ad.std(itertools.chain(X3, X3)),
     ["x", "chain"]),
]

GRADCHECK_CASES = [
    ("check_grads args an enumerate object", lambda d: check_grads(
        _square, enumerate([X3])), ["args", "enumerate"]),
    ("check_grads fun whose assert on its input fails", lambda d: check_grads(
        _assert_array_fun, (X3,)), ["fun", ASSERT]),
    ("check_grads eps a Python int too large for a float", lambda d: check_grads(
        _square, (X3,), eps=BIG), ["eps", BIG_SHOWN]),
    ("hvp x a one-field recarray", lambda d: hvp(_square, _rec(X3), X3), ["x", REC]),
    ("hvp fun returning np.exp itself, not called", lambda d: hvp(_forgot_exp, X3, X3),
     ["fun", UFUNC]),
    ("check_grads atol an itertools.repeat", lambda d: check_grads(
        _square, (X3,), atol=itertools.repeat(1e-6)), ["atol", "repeat"]),
    ("hvp v a filter object", lambda d: hvp(_square, X3, filter(None, X3)),
     ["v", "filter"]),
    ("check_grads fun returning stats.norm.logpdf itself, not called", lambda d:
        check_grads(_forgot_logpdf, (X3,)), ["fun", METHOD]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p the items view of a dict of label probabilities", lambda d:
        DiscreteInverseCDF({"a": 0.2, "b": 0.3, "c": 0.5}.items()), ["p", "dict_items"]),
    ("grid_inverse_cdf pdf returning np.exp itself, not called", lambda d: grid_inverse_cdf(
        _forgot_exp, -3.0, 3.0), ["pdf", UFUNC]),
    ("grid_inverse_cdf hi a Python int too large for a float", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, BIG), ["hi", BIG_SHOWN]),
    ("from_density pdf whose assert on one point fails", lambda d:
        ContinuousInverseCDF.from_density(_assert_scalar_pdf), ["pdf", ASSERT]),
    ("from_ppf ppf returning stats.norm.ppf itself, not called", lambda d:
        ContinuousInverseCDF.from_ppf(_forgot_ppf, stats.norm.cdf), ["ppf", METHOD]),
    ("metropolis x0 a one-field recarray", lambda d: _metropolis(
        x0=_rec(np.zeros((2, 1)))), ["x0", REC]),
    ("metropolis log_density whose assert on one point fails", lambda d: _metropolis(
        log_density=_assert_scalar_log_density), ["log_density", ASSERT]),
    ("metropolis step_size a Python int too large for a float", lambda d: _metropolis(
        step_size=BIG), ["step_size", BIG_SHOWN]),
    ("metropolis log_density returning stats.norm.logpdf itself, not called", lambda d:
        _metropolis(log_density=_forgot_logpdf), ["log_density", METHOD]),
    ("exponential rate a Python int too large for a float", lambda d: exponential(BIG),
     ["rate", BIG_SHOWN]),
    ("cauchy scale a Python int too large for a float", lambda d: cauchy(scale=BIG),
     ["scale", BIG_SHOWN]),
    ("pareto alpha a Python int too large for a float", lambda d: pareto(BIG),
     ["alpha", BIG_SHOWN]),
    ("discrete ppf u an enumerate object", lambda d: _discrete().ppf(
        enumerate([0.1, 0.5, 0.9])), ["u", "enumerate"]),
    ("continuous ppf u a filter object dropping the zeros", lambda d: _ppf_sampler().ppf(
        filter(None, [0.0, 0.25, 0.5])), ["u", "filter"]),
    ("continuous from_uniforms u a one-field recarray", lambda d:
        _ppf_sampler().from_uniforms(_rec([0.25, 0.5, 0.75])), ["u", REC]),
    ("metropolis_transition_matrix Q a one-field recarray", lambda d:
        metropolis_transition_matrix([0.2, 0.3, 0.5], _rec(np.full((3, 3), 1.0 / 3.0))),
     ["Q", REC]),
    ("metropolis_transition_matrix p an itertools.chain of two parts", lambda d:
        metropolis_transition_matrix(itertools.chain([0.2], [0.3, 0.5]),
                                     np.full((3, 3), 1.0 / 3.0)), ["p", "chain"]),
    ("integrate f returning np.sin itself, not called", lambda d: integrate(
        _forgot_sin, 0.0, 1.0), ["f", UFUNC]),
    ("integrate lo minus a Python int too large for a float", lambda d: integrate(
        np.sin, -BIG, 1.0), ["lo", BIG_SHOWN]),
    ("density_values x an enumerate object", lambda d: density_values(
        _normal_pdf, enumerate([-1.0, 0.0, 1.0])), ["x", "enumerate"]),
    ("find_center pdf whose assert on one point fails", lambda d: find_center(
        _assert_scalar_pdf, -3.0, 3.0), ["pdf", ASSERT]),
    ("explore pdf returning np.exp itself, not called", lambda d: explore(
        _normal_pdf, _forgot_exp, -3.0, 3.0), ["pdf", UFUNC]),
    ("bin_masses cdf whose assert on one point fails", lambda d: bin_masses(
        _edges(), _assert_scalar_cdf), ["cdf", ASSERT]),
    ("total_variation edges an itertools.accumulate of bin widths", lambda d:
        total_variation(_samples(), itertools.accumulate([-1.0, 0.5, 0.5, 0.5, 0.5]),
                        stats.norm.cdf), ["edges", "accumulate"]),
    ("pooled_total_variation x a one-field recarray", lambda d: pooled_total_variation(
        _rec(_chains()), _edges(), stats.norm.cdf), ["x", REC]),
    ("noise_floor cdf returning stats.norm.cdf itself, not called", lambda d: _noise(
        cdf=_forgot_cdf), ["cdf", METHOD]),
    ("walks_from_one_start step_sizes the items view of the step dict", lambda d: _walks25(
        step_sizes={"a": 0.5}.items()), ["step_sizes", "dict_items"]),
    ("step_size_sweep dims the keys view of the dims dict", lambda d: _sweep(
        dims={"d1": 1}.keys()), ["dims", "dict_keys"]),
    ("fixed_step_chains scaled an enumerate object", lambda d: _fixed(
        scaled=enumerate([0.5, 1.0])), ["scaled", "enumerate"]),
    ("step_size_sweep rngs an endless itertools.repeat of one generator", lambda d: _sweep(
        rngs=itertools.repeat(_rng())), ["rngs", "repeat"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws an enumerate object of chains", lambda d: split_rhat(
        enumerate(_chains())), ["draws", "enumerate"]),
    ("ess_bulk draws the items view of a dict of chains", lambda d: ess_bulk(
        dict(zip("ab", _chains())).items()), ["draws", "dict_items"]),
    ("ess_tail prob a filter object", lambda d: ess_tail(
        _chains(), prob=filter(None, (0.05, 0.95))), ["prob", "filter"]),
    ("ess_mean draws a one-field recarray", lambda d: ess_mean(_rec(_chains())),
     ["draws", REC]),
    ("mcse_mean draws an itertools.chain of two chains", lambda d: mcse_mean(
        itertools.chain(_chains())), ["draws", "chain"]),
    ("mcse_sd draws a one-field recarray", lambda d: mcse_sd(_rec(_chains())),
     ["draws", REC]),
    ("rank_normalize draws an enumerate object of chains", lambda d: rank_normalize(
        enumerate(_chains())), ["draws", "enumerate"]),
    ("diagnose draws an itertools.accumulate random walk", lambda d: diagnose(
        itertools.accumulate(_samples())), ["draws", "accumulate"]),
    ("quantile_type7 x a one-field recarray", lambda d: quantile_type7(
        _rec(_samples()), 0.5), ["x", REC]),
    ("ess_tail draws a one-field recarray", lambda d: ess_tail(_rec(_chains())),
     ["draws", REC]),
]

TESTING_CASES = [
    ("assert_cdf_matches cdf whose assert on one point fails", lambda d:
        testing.assert_cdf_matches(_samples(), _assert_scalar_cdf), ["cdf", ASSERT]),
    ("assert_monotone ppf whose assert on one point fails", lambda d:
        testing.assert_monotone(_assert_scalar_ppf, np.linspace(0.1, 0.9, 5)),
     ["ppf", ASSERT]),
    ("assert_inverts cdf returning stats.norm.cdf itself, not called", lambda d:
        testing.assert_inverts(stats.norm.ppf, _forgot_cdf, np.linspace(0.1, 0.9, 5), 1e-8),
     ["cdf", METHOD]),
    ("assert_labels_match labels an enumerate object", lambda d:
        testing.assert_labels_match(enumerate([0, 1, 0, 1]), [0.5, 0.5]),
     ["labels", "enumerate"]),
    ("assert_same_distribution y a filter object", lambda d:
        testing.assert_same_distribution(_samples(), filter(None, _samples())),
     ["y", "filter"]),
    ("ks_distance cdf whose assert on one point fails", lambda d: testing.ks_distance(
        _samples(), _assert_scalar_cdf), ["cdf", ASSERT]),
    ("draws_needed discrepancy a Python int too large for a float", lambda d:
        testing.draws_needed(BIG), ["discrepancy", BIG_SHOWN]),
    ("dkw_epsilon n a Python int too large for a float", lambda d: testing.dkw_epsilon(BIG),
     ["n", BIG_SHOWN]),
    ("chi_square_pvalue counts the items view of a Counter", lambda d:
        testing.chi_square_pvalue({0: 3, 1: 5, 2: 2}.items(), [0.3, 0.5, 0.2]),
     ["counts", "dict_items"]),
    ("chi_square_power q a one-field recarray", lambda d: testing.chi_square_power(
        [0.5, 0.5], _rec([0.4, 0.6]), 1000), ["q", REC]),
    ("two_sample_distance y an itertools.chain of two samples", lambda d:
        testing.two_sample_distance(_samples(), itertools.chain(_samples(50), _samples(50))),
     ["y", "chain"]),
    ("smallest_detectable beta a Python int too large for a float", lambda d:
        testing.smallest_detectable(1000, beta=BIG), ["beta", BIG_SHOWN]),
    ("assert_inverts u an itertools.accumulate of steps", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, itertools.accumulate([0.1, 0.2, 0.2, 0.2]), 1e-8),
     ["u", "accumulate"]),
    ("density normal_mixture scales an endless itertools.repeat", lambda d:
        densities.normal_mixture([0.5, 0.5], [0.0, 1.0], itertools.repeat(1.0)),
     ["scales", "repeat"]),
    ("density steps heights an itertools.accumulate", lambda d: densities.steps(
        [0.0, 0.5, 1.0], itertools.accumulate([1.0, 1.0])), ["heights", "accumulate"]),
    ("density uniform hi a Python int too large for a float", lambda d: densities.uniform(
        0.0, BIG), ["hi", BIG_SHOWN]),
    ("density student_t loc a Python int too large for a float", lambda d:
        densities.student_t(3.0, loc=BIG), ["loc", BIG_SHOWN]),
    ("density beta hi a Python int too large for a float", lambda d: densities.beta(
        2.0, 2.0, hi=BIG), ["hi", BIG_SHOWN]),
    ("strategies u_grids cut_points an enumerate object", lambda d: u_grids(
        cut_points=enumerate([0.5])), ["cut_points", "enumerate"]),
    ("strategies symmetric_proposals n a Python int too large for a float", lambda d:
        symmetric_proposals(BIG), ["n", BIG_SHOWN]),
    ("assert_labels_match p a one-field recarray", lambda d: testing.assert_labels_match(
        np.array([0, 1, 0, 1]), _rec([0.5, 0.5])), ["p", REC]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_numbers x a one-field recarray", lambda d: style.check_numbers(
        "values", _rec([0.0, 0.5, 1.0])), ["values", REC]),
    ("style check_count value a Python int too large for a float", lambda d:
        style.check_count("count", BIG),
     ["count", BIG_SHOWN]),
    ("style check_positive_numbers value a filter object", lambda d:
        style.check_positive_numbers("widths", filter(None, [1.0, 2.0]), 2, "widths"),
     ["widths", "filter"]),
    ("style subplots size the keys view of style.SIZES", lambda d: style.subplots(
        size=style.SIZES.keys()), ["size", "dict_keys"]),
    ("style check_numbers x an itertools.chain", lambda d: style.check_numbers(
        "values", itertools.chain([0.0], [0.5, 1.0])), ["values", "chain"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold the current_setting() dict", lambda d:
        memory.keep_freed_memory(mmap_threshold=memory.current_setting()),
     ["mmap_threshold", "thresholds"], None),
    ("keep_freed_memory trim_threshold the values view of a dict of sizes", lambda d:
        memory.keep_freed_memory(trim_threshold={"trim": 2 ** 28}.values()),
     ["trim_threshold", "dict_values"], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "tree_flatten tree the items view of a dict": "valid: tree_flatten's docstring makes "
    "anything but nested lists, tuples, namedtuples and dicts one leaf (only a set is "
    "refused), so a dict_items view is one leaf, as documented",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 4)."""
    return kept_cases(cases, (1, 4), DROPPED)


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


def test_the_sixtyseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_sixtyseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
