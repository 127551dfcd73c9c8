"""A forty-first battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 3bbaf22, from the user's side
only: the README; ``__all__`` (or the public names) and the signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``sampling`` and its modules (``diagnostics``, ``finite_chain``,
``interpolation``, ``mixing``, ``quadrature``, ``step_size``, ``tails``), ``testing``,
``testing.densities``, ``testing.strategies``, ``memory`` and ``figures.style``; after the first
run (to judge the misses only) the docstring of ``trace``; and the earlier batteries' ids,
layout, shared helpers (imported, not copied) and, for the one earlier case of the same kind,
the thirty-fourth battery's verdict on ``MLP apply x an object whose __array__ raises``. Not
read: the body of any validation code (``checks.py``, ``_checks.py``, ``check_*``,
``protocol.py``), the library's source, its history, anything of /work/main. No ``__main__``
module was imported; no case writes anything (the figures cases make figures in memory only).

Areas (library side only; the command line, Chapter 2, strategies, checkpoints, nn/optim, task
families and Omniglot are another writer's), as written: the autodiff engine (24), gradcheck
(5), samplers -- inverse CDFs, the named distributions, Metropolis and its transition matrix,
quadrature, tails, mixing, step size (32), diagnostics (9), the testing kit with its densities
and hypothesis strategies (20), the figures helpers in ``figures.style`` (8), the ``memory``
functions (3): 101. ``SCRATCHMETA_KEEP_FREED_MEMORY``'s values are exhausted: every value
drafted for it (a zero after a byte-order mark, a Devanagari zero, the word 'null', '0j')
repeated an earlier case (see Repeats), so the environment area holds only ``keep_freed_memory``.

Kinds of bad value, chosen for what no earlier id names on that function and argument:
a NumPy ``datetime64`` date (2026-12-02) where a number, an int, an axis, a seed, a path, a
size or a subscripts string is meant (clip a_max, stack axis, norm ord, einsum subscripts,
jacobian argnum, check_grads eps, pareto alpha, discrete sample size, find_center b,
optimal_acceptance dim, integrate n, quantile_type7 prob, smallest_detectable n, dkw_epsilon
alpha, draws_needed samples, probability_vectors min_size, style check_seed, save out_dir,
subplots size, keep_freed_memory trim_threshold) and chains of dates (rank_normalize,
ess_mean draws); NumPy's not-a-time ``NaT`` (power exponent, squeeze axis, var ddof,
exponential rate, metropolis step_size, integrate lo, walks_from_one_start start, explore a,
ess_tail prob's second item, assert_cdf_matches alpha, triangular mode); a user's function
returning dates (grad, hvp, Primitive impl, grid_inverse_cdf pdf, metropolis log_density,
assert_inverts cdf) or ``NotImplemented`` (vjp, value_and_grad, check_grads, from_density pdf,
explore pdf); a ``collections.Counter`` -- ``Counter(labels)``, or of probabilities summing to 1
-- where an array is meant (where cond, DiscreteInverseCDF p, laplace scale, discrete ppf u,
metropolis x0, metropolis_transition_matrix p, fixed_step_chains scaled, assert_labels_match
labels, normal_mixture scales, u_grids cut_points, uniforms_near_edges p); a user's lazy
container whose ``__array__`` raises RuntimeError (``ArrayRaises``: matmul b, jvp primals,
logsumexp, broadcast_to shape, maximum, check_grads args, hvp v, cauchy scale, density_values
x, total_variation edges, split_rhat, split_chains, mcse_sd and ess_tail draws,
assert_same_distribution y, chi_square_power q, steps heights, style check_numbers,
keep_freed_memory mmap/trim_threshold); SciPy's distribution object ``stats.norm`` (callable:
it returns a frozen distribution) where a density, a cdf or a ppf is meant (grid_inverse_cdf,
from_density, integrate f, ks_distance cdf, assert_inverts ppf), a frozen distribution
``stats.norm()`` (jacobian fun's output, metropolis log_density, pooled_total_variation cdf,
assert_monotone ppf, find_center pdf); a float16 infinity (sum axis, hessian argnum,
grid_inverse_cdf n, step_size_sweep steps, ess_tail prob, draws_needed beta, beta a, style
check_count); the largest uint64 (reshape shape, mean axis, walks_from_one_start steps,
symmetric_proposals n, subplots ncols); a matplotlib Axes where its Figure is meant
(``style.save``) and the array of two Axes ``subplots(1, 2)`` gives where one Axes is meant
(``check_axes``).

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 6,968 ids by a regex at the start of each case tuple) were
compared with every draft by token overlap (Jaccard, filler words left out); each pair at 0.45
or more was listed, every pair at 0.6 or more was read, and for each draft the earlier ids on
the same function and argument were grepped for the same kind (a dict or mapping for a Counter
or ChainMap, a datetime for a datetime64 or NaT, inf for a float16 infinity, 2**70 or a huge
int for the largest uint64). Of 128 drafted (115, then 13 more after the removals, all before
any run), 27 were removed as repeats: a Counter or ChainMap where a dict or mapping had been
tried on that argument (exp (an OrderedDict), concatenate xs (a defaultdict), solve b (a
mappingproxy), hvp v, ess_bulk, mcse_mean and diagnose draws, quantile_type7 x,
chi_square_pvalue counts, two_sample_distance y, known_densities kinds (a mappingproxy),
check_positive_numbers value (a mappingproxy), trim_threshold: 13); a float16 infinity where
inf had been (check_grads rtol, weibull scale, logistic loc, uniform hi, trim_threshold: 5);
the largest uint64 where 2**70 had been (check_grads order, metropolis n_warmup, noise_floor
n: 3); NaT where datetimes had been (hvp x, mmap_threshold: 2); and the four environment
values (a zero after a byte-order mark and '0j' exactly; 'null' after 'zero', 'nope', 'on';
a Devanagari zero after a Thai zero). Kept although a pair reached 0.6, as another kind on that
argument: the NotImplemented returns (earlier: a set, a string, a Decimal, None, ...),
``matmul b an object whose __array__ raises`` (earlier: an ``__array__`` giving object
dtype, not raising), ``discrete ppf u``, ``normal_mixture scales``, ``u_grids cut_points`` and
``uniforms_near_edges p`` a Counter (earlier: masked, complex, a string, None, empty),
``ess_tail prob a pair holding NaT`` (earlier: a Fraction pair, True), ``rank_normalize draws
datetime64 chains`` (earlier: a mappingproxy, a dict, inf) and ``density triangular mode NaT``
(earlier: NaN, a string; NaT is a datetime64, not a float). Redrafted before any run (each had
a second fault): grad's and hvp's fun return one date (a date per entry would also be a
non-scalar output); the Counters given as p, u and uniforms_near_edges' p hold probabilities
summing to 1 (counts 3, 5, 2 would also be out of range); jacobian's fun returns
``stats.norm()`` whatever x is (``stats.norm(x)`` of a Tensor would fail inside SciPy first).
``ArrayRaises`` is this file's own (the thirty-fourth's raises OSError and has no repr).
Mentions: the argument's name as in the signature and the value's repr where short, else the
type's name (``datetime64``, ``NaT``, ``NotImplemented``, ``Counter``, ``ArrayRaises``,
``norm_gen``, ``rv_continuous_frozen``, ``inf``, ``18446744073709551615``, ``Axes``,
``ndarray``); for ops taking ``*args`` the op's name and the value.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (0, 1)`` were kept (``_kept``): 57 of the 101.
After the first run a case could only be dropped or corrected, never added or swapped.

Dropped (``DROPPED``), valid by the docs: ``trace of a fun returning datetime64 values``
(kept; silent at the first run): ``trace``'s docstring says it runs fun on a fresh trace and
returns its output node and the tape, to inspect graphs, with no word on real numbers; a
constant output array (here of dates) gives an empty tape, as any constant would. Corrected:
none.

First run at 3bbaf22 (about 1 s as a script, 2 s under pytest), before the drop: kept, 46 of
57 clear (80.7%), 10 unclear (17.5%), 1 silent (1.8%), 0 data loss; written, 84 of 101 clear
(83.2%), 16 unclear, 1 silent, 0 data loss. After the drop: kept, 46 of 56 clear (82.1%), 10
unclear (17.9%), 0 silent, 0 data loss -- engine 12/13, gradcheck 2/3, samplers 16/18,
diagnostics 3/5, testing kit 9/12, figures 3/4, environment 1/1. Written, 84 of 100 clear
(84.0%), 16 unclear (16.0%), 0 silent, 0 data loss -- engine 19/23, gradcheck 3/5, samplers
30/32, diagnostics 5/9, testing kit 17/20, figures 7/8, environment 3/3. Every datetime64,
NaT, date-returning, NotImplemented, Counter, SciPy-distribution, float16-infinity, uint64,
Axes and memory case was clear; every miss is an ``__array__`` that raises.

Not clear, kept (all one kind: a user's container whose ``__array__`` raises RuntimeError;
the RuntimeError passes through as it is, naming neither the function, the argument nor the
object -- where a scalar is meant, as cauchy scale, broadcast_to shape or keep_freed_memory's
thresholds, the same object is refused by name):
- ``matmul b an object whose __array__ raises``: unclear -- RuntimeError "the data behind this
  container is not loaded".
- ``hvp v an object whose __array__ raises``: unclear -- the same RuntimeError.
- ``density_values x an object whose __array__ raises``: unclear -- the same.
- ``total_variation edges an object whose __array__ raises``: unclear -- the same.
- ``split_chains x an object whose __array__ raises``: unclear -- the same.
- ``ess_tail draws an object whose __array__ raises``: unclear -- the same.
- ``assert_same_distribution y an object whose __array__ raises``: unclear -- the same.
- ``chi_square_power q an object whose __array__ raises``: unclear -- the same.
- ``density steps heights an object whose __array__ raises``: unclear -- the same.
- ``style check_numbers x an object whose __array__ raises``: unclear -- the same.
Not clear, written and not kept (unclear, the same kind): ``jvp primals``, ``logsumexp``,
``maximum``, ``split_rhat draws`` and ``mcse_sd draws`` (the RuntimeError as it is), and
``check_grads args`` (ValueError "tree_map: f raised RuntimeError when called with 1
argument(s) of shape(s) (): ..." -- names tree_map's ``f``, not check_grads, ``args`` or the
object). Clear but worth a look: ``hessian argnum a float16 infinity`` and ``jacobian argnum a
datetime64 date`` say "argnums must be an int or a tuple of ints, got ..." -- grad's
``argnums``, not their own ``argnum``; ``jacobian of a fun returning a frozen scipy
distribution`` says "vjp needs fun to return a float array or number ..." (names vjp, not
jacobian); ``power exponent NaT`` names the exponent ``y``.

Measured on main at 3bbaf22 (the commit it was written at): the same, kept 46 of 56 clear
(82.1%), 10 unclear, 0 silent, 0 data loss; written, 84 of 100. All sixteen misses are one
kind: an object whose ``__array__`` raises, whose RuntimeError came through unnamed. Round 25
(with sight of this file, so not blind): the engine's, the samplers' and the testing kit's
array checks turn any error NumPy meets reading a value into a TypeError naming the argument
and the object's type, with the error shown; ``tree_map`` names ``f`` only for a TypeError of
the call itself (round 24 had wrapped every error, so a check inside one of the library's own
maps was blamed on ``tree_map``); ``jacobian`` and ``hessian`` say ``argnum``, their own word.
After it: all 56 kept and all 100 written clear.
"""

from collections import ChainMap, Counter

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, ess_mean,
                                  ess_tail, exponential, grid_inverse_cdf, laplace, mcse_sd,
                                  metropolis_transition_matrix, optimal_acceptance, pareto,
                                  rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7, split_chains
from scratchmeta.sampling.mixing import pooled_total_variation, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _example, _metropolis, _strategies
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fifteenth import _draws15
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples, _sweep
from test_bad_inputs_twentyfirst import _edges
from test_bad_inputs_twentyfifth import _fixed, _walks25
from test_bad_inputs_thirtyfifth import _figure

VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
DATE = np.datetime64("2026-12-02")          # a date where a number is meant
NAT = np.datetime64("NaT")                  # NumPy's not-a-time
F16_INF = np.float16("inf")                 # a half-precision infinity
U64 = np.uint64(2 ** 64 - 1)                # the largest uint64
U64_TEXT = "18446744073709551615"
NI = "NotImplemented"


class ArrayRaises:
    """A user's lazy container whose ``__array__`` raises (its data cannot be loaded)."""

    def __array__(self, dtype=None, copy=None):
        raise RuntimeError("the data behind this container is not loaded")

    def __repr__(self):
        return "ArrayRaises()"


def _counts():
    """A ``collections.Counter`` of labels, as ``Counter(labels)`` gives: {label: count}."""
    return Counter({0: 3, 1: 5, 2: 2})


def _probabilities():
    """A ``Counter`` whose values are probabilities summing to 1 ({label: probability})."""
    return Counter({0: 0.2, 1: 0.5, 2: 0.3})


def _date(*args, **kwargs):
    """A user's scalar function returning one datetime64 date, not a number."""
    return DATE


def _chain_map():
    """A ``collections.ChainMap`` of two dicts of arrays (a mapping, not an array)."""
    return ChainMap({"a": X3}, {"b": X3})


def _dates(*args, **kwargs):
    """A user's function returning datetime64 values of its input's shape."""
    x = args[0] if args else 0.0
    return np.full(np.shape(getattr(x, "value", x)), DATE)


def _not_implemented(*args, **kwargs):
    """A user's stub answering ``NotImplemented``."""
    return NotImplemented


def _date_chains():
    return np.full((4, 40), DATE)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("clip a_max a datetime64 date", lambda d: ad.clip(X3, -1.0, DATE),
     ["a_max", "datetime64"]),
    ("power exponent NaT", lambda d: ad.power(X3, NAT), ["power", "NaT"]),
    ("grad of a fun returning datetime64 values", lambda d: ad.grad(_date)(X3),
     ["fun", "datetime64"]),
    ("matmul b an object whose __array__ raises", lambda d: ad.matmul(np.eye(3),
                                                                      ArrayRaises()),
     ["b", "ArrayRaises"]),
    ("sum axis a float16 infinity", lambda d: ad.sum(np.ones((2, 3)), axis=F16_INF),
     ["axis", "inf"]),
    ("where cond a Counter", lambda d: ad.where(_counts(), X3, X3), ["cond", "Counter"]),
    ("jvp primals an object whose __array__ raises", lambda d: ad.jvp(
        lambda x: x * 2.0, (ArrayRaises(),), (X3,)), ["primals", "ArrayRaises"]),
    ("vjp of a fun returning NotImplemented", lambda d: ad.vjp(_not_implemented, X3),
     ["fun", NI]),
    ("reshape shape a uint64 max", lambda d: ad.reshape(X3, (U64,)), ["shape", U64_TEXT]),
    ("stack axis a datetime64 date", lambda d: ad.stack([X3, X3], axis=DATE),
     ["axis", "datetime64"]),
    ("Primitive impl returning datetime64 values", lambda d: ad.Primitive(
        "p_dates", _dates, lambda g, ans, x: g)(X3), ["p_dates", "datetime64"]),
    ("jacobian of a fun returning a frozen scipy distribution", lambda d: ad.jacobian(
        lambda x: stats.norm())(X3), ["fun", "rv_continuous_frozen"]),
    ("hessian argnum a float16 infinity", lambda d: ad.hessian(_square, argnum=F16_INF)(X3),
     ["argnum", "inf"]),
    ("mean axis a uint64 max", lambda d: ad.mean(np.ones((2, 3)), axis=U64),
     ["axis", U64_TEXT]),
    ("norm ord a datetime64 date", lambda d: ad.norm(X3, ord=DATE), ["ord", "datetime64"]),
    ("logsumexp of an object whose __array__ raises", lambda d: ad.logsumexp(ArrayRaises()),
     ["logsumexp", "ArrayRaises"]),
    ("squeeze axis NaT", lambda d: ad.squeeze(np.ones((1, 3)), axis=NAT), ["axis", "NaT"]),
    ("value_and_grad of a fun returning NotImplemented", lambda d: ad.value_and_grad(
        _not_implemented)(X3), ["fun", NI]),
    ("einsum subscripts a datetime64 date", lambda d: ad.einsum(DATE, X3),
     ["subscripts", "datetime64"]),
    ("broadcast_to shape an object whose __array__ raises", lambda d: ad.broadcast_to(
        X3, ArrayRaises()), ["shape", "ArrayRaises"]),
    ("var ddof NaT", lambda d: ad.var(X3, ddof=NAT), ["ddof", "NaT"]),
    ("maximum of an object whose __array__ raises", lambda d: ad.maximum(X3, ArrayRaises()),
     ["maximum", "ArrayRaises"]),
    ("jacobian argnum a datetime64 date", lambda d: ad.jacobian(_square, argnum=DATE)(X3),
     ["argnum", "datetime64"]),
    ("trace of a fun returning datetime64 values", lambda d: ad.trace(_dates, X3),
     ["fun", "datetime64"]),
]

GRADCHECK_CASES = [
    ("check_grads args an object whose __array__ raises", lambda d: check_grads(
        _square, (ArrayRaises(),)), ["args", "ArrayRaises"]),
    ("check_grads eps a datetime64 date", lambda d: check_grads(_square, (X3,), eps=DATE),
     ["eps", "datetime64"]),
    ("check_grads fun returning NotImplemented", lambda d: check_grads(
        _not_implemented, (X3,)), ["fun", NI]),
    ("hvp fun returning datetime64 values", lambda d: hvp(_date, X3, X3),
     ["fun", "datetime64"]),
    ("hvp v an object whose __array__ raises", lambda d: hvp(_square, X3, ArrayRaises()),
     ["v", "ArrayRaises"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p a Counter of labels", lambda d: DiscreteInverseCDF(_probabilities()),
     ["p", "Counter"]),
    ("grid_inverse_cdf pdf the scipy distribution stats.norm", lambda d: grid_inverse_cdf(
        stats.norm, -3.0, 3.0), ["pdf", "norm_gen"]),
    ("grid_inverse_cdf n a float16 infinity", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, 3.0, n=F16_INF), ["n", "inf"]),
    ("grid_inverse_cdf pdf returning datetime64 values", lambda d: grid_inverse_cdf(
        _dates, -3.0, 3.0), ["pdf", "datetime64"]),
    ("exponential rate NaT", lambda d: exponential(NAT), ["rate", "NaT"]),
    ("pareto alpha a datetime64 date", lambda d: pareto(DATE), ["alpha", "datetime64"]),
    ("cauchy scale an object whose __array__ raises", lambda d: cauchy(scale=ArrayRaises()),
     ["scale", "ArrayRaises"]),
    ("laplace scale a Counter", lambda d: laplace(scale=_counts()), ["scale", "Counter"]),
    ("discrete sample size a datetime64 date", lambda d: _discrete().sample(DATE, _rng()),
     ["size", "datetime64"]),
    ("discrete ppf u a Counter", lambda d: _discrete().ppf(_probabilities()), ["u", "Counter"]),
    ("from_density pdf the scipy distribution stats.norm", lambda d:
        ContinuousInverseCDF.from_density(stats.norm), ["pdf", "norm_gen"]),
    ("from_density pdf returning NotImplemented", lambda d:
        ContinuousInverseCDF.from_density(_not_implemented), ["pdf", NI]),
    ("metropolis log_density a frozen scipy distribution", lambda d: _metropolis(
        log_density=stats.norm()), ["log_density", "rv_continuous_frozen"]),
    ("metropolis x0 a Counter", lambda d: _metropolis(x0=_counts()), ["x0", "Counter"]),
    ("metropolis log_density returning datetime64 values", lambda d: _metropolis(
        log_density=lambda x: np.full(np.shape(x)[:-1], DATE)), ["log_density", "datetime64"]),
    ("metropolis step_size NaT", lambda d: _metropolis(step_size=NAT), ["step_size", "NaT"]),
    ("integrate f the scipy distribution stats.norm", lambda d: integrate(
        stats.norm, 0.0, 1.0), ["f", "norm_gen"]),
    ("integrate lo NaT", lambda d: integrate(np.sin, NAT, 1.0), ["lo", "NaT"]),
    ("density_values x an object whose __array__ raises", lambda d: density_values(
        _normal_pdf, ArrayRaises()), ["x", "ArrayRaises"]),
    ("find_center b a datetime64 date", lambda d: find_center(_normal_pdf, -3.0, DATE),
     ["b", "datetime64"]),
    ("explore pdf returning NotImplemented", lambda d: explore(
        _normal_pdf, _not_implemented, -3.0, 3.0), ["pdf", NI]),
    ("metropolis_transition_matrix p a Counter", lambda d: metropolis_transition_matrix(
        _probabilities(), np.full((3, 3), 1.0 / 3.0)), ["p", "Counter"]),
    ("total_variation edges an object whose __array__ raises", lambda d: total_variation(
        _samples(), ArrayRaises(), stats.norm.cdf), ["edges", "ArrayRaises"]),
    ("pooled_total_variation cdf a frozen scipy distribution", lambda d:
        pooled_total_variation(_samples()[None], _edges(), stats.norm()),
     ["cdf", "rv_continuous_frozen"]),
    ("walks_from_one_start steps a uint64 max", lambda d: _walks25(steps=U64),
     ["steps", U64_TEXT]),
    ("step_size_sweep steps a float16 infinity", lambda d: _sweep(steps=F16_INF),
     ["steps", "inf"]),
    ("fixed_step_chains scaled a Counter", lambda d: _fixed(scaled=_counts()),
     ["scaled", "Counter"]),
    ("optimal_acceptance dim a datetime64 date", lambda d: optimal_acceptance(DATE),
     ["dim", "datetime64"]),
    ("walks_from_one_start start NaT", lambda d: _walks25(start=NAT), ["start", "NaT"]),
    ("integrate n a datetime64 date", lambda d: integrate(np.sin, 0.0, 1.0, n=DATE),
     ["n", "datetime64"]),
    ("explore a NaT", lambda d: explore(_normal_pdf, _normal_pdf, NAT, 3.0), ["a", "NaT"]),
    ("find_center pdf a frozen scipy distribution", lambda d: find_center(
        stats.norm(), -3.0, 3.0), ["pdf", "rv_continuous_frozen"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws an object whose __array__ raises", lambda d: split_rhat(ArrayRaises()),
     ["draws", "ArrayRaises"]),
    ("ess_tail prob a pair holding NaT", lambda d: ess_tail(_draws15(), prob=(0.05, NAT)),
     ["prob", "NaT"]),
    ("rank_normalize draws datetime64 chains", lambda d: rank_normalize(_date_chains()),
     ["draws", "datetime64"]),
    ("quantile_type7 prob a datetime64 date", lambda d: quantile_type7(_samples(), DATE),
     ["prob", "datetime64"]),
    ("split_chains x an object whose __array__ raises", lambda d: split_chains(ArrayRaises()),
     ["x", "ArrayRaises"]),
    ("ess_mean draws datetime64 chains", lambda d: ess_mean(_date_chains()),
     ["draws", "datetime64"]),
    ("mcse_sd draws an object whose __array__ raises", lambda d: mcse_sd(ArrayRaises()),
     ["draws", "ArrayRaises"]),
    ("ess_tail prob a pair holding a float16 infinity", lambda d: ess_tail(
        _draws15(), prob=(0.05, F16_INF)), ["prob", "inf"]),
    ("ess_tail draws an object whose __array__ raises", lambda d: ess_tail(ArrayRaises()),
     ["draws", "ArrayRaises"]),
]

TESTING_CASES = [
    ("assert_labels_match labels a Counter", lambda d: testing.assert_labels_match(
        _counts(), [0.2, 0.5, 0.3]), ["labels", "Counter"]),
    ("ks_distance cdf the scipy distribution stats.norm", lambda d: testing.ks_distance(
        _samples(), stats.norm), ["cdf", "norm_gen"]),
    ("assert_monotone ppf a frozen scipy distribution", lambda d: testing.assert_monotone(
        stats.norm(), np.linspace(0.1, 0.9, 5)), ["ppf", "rv_continuous_frozen"]),
    ("assert_inverts cdf returning datetime64 values", lambda d: testing.assert_inverts(
        stats.norm.ppf, _dates, np.linspace(0.1, 0.9, 5), 1e-10), ["cdf", "datetime64"]),
    ("assert_same_distribution y an object whose __array__ raises", lambda d:
        testing.assert_same_distribution(_samples(), ArrayRaises()), ["y", "ArrayRaises"]),
    ("assert_cdf_matches alpha NaT", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alpha=NAT), ["alpha", "NaT"]),
    ("draws_needed beta a float16 infinity", lambda d: testing.draws_needed(
        0.1, beta=F16_INF), ["beta", "inf"]),
    ("smallest_detectable n a datetime64 date", lambda d: testing.smallest_detectable(DATE),
     ["n", "datetime64"]),
    ("dkw_epsilon alpha a datetime64 date", lambda d: testing.dkw_epsilon(100, alpha=DATE),
     ["alpha", "datetime64"]),
    ("chi_square_power q an object whose __array__ raises", lambda d:
        testing.chi_square_power([0.5, 0.5], ArrayRaises(), 1000), ["q", "ArrayRaises"]),
    ("density beta a a float16 infinity", lambda d: densities.beta(F16_INF, 2.0),
     ["a", "inf"]),
    ("density triangular mode NaT", lambda d: densities.triangular(0.0, NAT, 1.0),
     ["mode", "NaT"]),
    ("density normal_mixture scales a Counter", lambda d: densities.normal_mixture(
        [0.2, 0.5, 0.3], [0.0, 1.0, 2.0], _counts()), ["scales", "Counter"]),
    ("density steps heights an object whose __array__ raises", lambda d: densities.steps(
        [0.0, 1.0, 2.0], ArrayRaises()), ["heights", "ArrayRaises"]),
    ("strategy u_grids cut_points a Counter", lambda d: _example(
        _strategies().u_grids(cut_points=Counter({0.5: 1}))), ["cut_points", "Counter"]),
    ("strategy symmetric_proposals n a uint64 max", lambda d: _example(
        _strategies().symmetric_proposals(U64)), ["n", U64_TEXT]),
    ("strategy uniforms_near_edges p a Counter", lambda d: _example(
        _strategies().uniforms_near_edges(_probabilities())), ["p", "Counter"]),
    ("strategy probability_vectors min_size a datetime64 date", lambda d: _example(
        _strategies().probability_vectors(min_size=DATE)), ["min_size", "datetime64"]),
    ("assert_inverts ppf the scipy distribution stats.norm", lambda d: testing.assert_inverts(
        stats.norm, stats.norm.cdf, np.linspace(0.1, 0.9, 5), 1e-10), ["ppf", "norm_gen"]),
    ("draws_needed samples a datetime64 date", lambda d: testing.draws_needed(
        0.1, samples=DATE), ["samples", "datetime64"]),
]


def _axes_array():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 2, figsize=(2, 1))
    return axes


def _an_axes():
    return _figure().add_subplot(1, 1, 1)


# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style save fig an Axes, not its Figure", lambda d: style.save(_an_axes(), d, "plot"),
     ["fig", "Axes"]),
    ("style check_axes ax an array of two Axes", lambda d: style.check_axes(_axes_array()),
     ["ax", "ndarray"]),
    ("style check_seed a datetime64 date", lambda d: style.check_seed(DATE),
     ["seed", "datetime64"]),
    ("style check_count value a float16 infinity", lambda d: style.check_count(
        "repeats", F16_INF), ["repeats", "inf"]),
    ("style check_numbers x an object whose __array__ raises", lambda d: style.check_numbers(
        "values", ArrayRaises()), ["values", "ArrayRaises"]),
    ("style save out_dir a datetime64 date", lambda d: style.save(_figure(), DATE, "plot"),
     ["out_dir", "datetime64"]),
    ("style subplots ncols a uint64 max", lambda d: style.subplots(ncols=U64),
     ["ncols", U64_TEXT]),
    ("style subplots size a datetime64 date", lambda d: style.subplots(size=DATE),
     ["size", "datetime64"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold an object whose __array__ raises", lambda d:
        memory.keep_freed_memory(mmap_threshold=ArrayRaises()),
     ["mmap_threshold", "ArrayRaises"], None),
    ("keep_freed_memory trim_threshold a datetime64 date", lambda d:
        memory.keep_freed_memory(trim_threshold=DATE), ["trim_threshold", "datetime64"], None),
    ("keep_freed_memory trim_threshold an object whose __array__ raises", lambda d:
        memory.keep_freed_memory(trim_threshold=ArrayRaises()),
     ["trim_threshold", "ArrayRaises"], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "environment": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "trace of a fun returning datetime64 values": "valid by trace's docstring: it runs fun on a "
    "fresh trace and returns its output and the tape, to inspect graphs; nothing asks for real "
    "numbers, and an output that is a constant array (here of dates) has an empty tape",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 1)."""
    return kept_cases(cases, (0, 1), DROPPED)


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


def test_the_fortyfirst_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fortyfirst.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
