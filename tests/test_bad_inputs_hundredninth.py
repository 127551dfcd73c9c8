"""A hundred-and-ninth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 5a5f420, from the user's side only: README.md; the public names (``__all__``
where there is one, else ``dir`` filtered to the names each module defines itself, so that no
name imported from ``checks``/``messages``/``protocol`` was listed) and signatures of
``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and its public modules
(``closed_forms``, ``continuous``, ``diagnostics``, ``discrete``, ``finite_chain``,
``interpolation``, ``metropolis``, ``mixing``, ``quadrature``, ``step_size``, ``tails``; the
module ``sampling.checks`` was skipped unlisted), ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF``; the hundred-and-seventh and hundred-and-fifth batteries (the
templates); ``tests/test_bad_inputs_cli.py``'s classification and ``classify_call``,
``classify_cli``, ``kept_cases``/``battery_params``/``assert_wide_and_new``/``battery_main``;
the eighth battery's ``classify_case`` (its head) and the fourth's ``_env`` (how a case's
environment is set); the ninety-sixth's ``_under_the_batteries_ulimit``; the earlier batteries'
ids and shared helpers (imported, not copied: ``_example``, ``_rng``, ``_samples``,
``_then_defaults``, ``_under_the_batteries_ulimit``, from the ninety-seventh its constants and
``_chains4``, from the hundred-and-fifth ``_square_impl`` and ``_square_vjp``, from the
hundred-and-seventh ``_noise_floor``, ``_normal_sampler``, ``_survival``, ``_swapped`` and
``_walks``). No body, docstring or source of library code, of ``checks``/``messages``/
``protocol``, of the library's history or of /work/main (whose venv's python alone was run)
was read, before or after the first run (``git rev-parse`` gave the commit, nothing else of
git was run). Two glimpses, disclosed: a grep of the earlier batteries for the opt-out
variable's name printed a few lines of their docstrings and cases (the quoted ids, and that
``memory.opt_out_value`` documents '1\\n' as stripped), nothing of the library; and before the
first run, good inputs were run once to learn five contracts from the user's side
(``step_size_sweep`` with ``dims`` a dict and one Generator in ``rngs``, ``peak``,
``check_symmetric_proposal(q, n)``, ``broadcast_to(x, shape)``, ``sum_to(x, shape)``, and
``ad.shape`` of the Tensor a vjp rule is handed under ``grad`` and ``hvp``), printing only "ok"
or the exception's type (all "ok"). After the run the values returned by the silent cases were
printed, and five clear messages (quoted below). No ``__main__`` module was imported. Writes:
none of the cases writes a file (no ``style.save`` case). No optional package is used, so no
case is skipped. One case could allocate far past memory (``walks_from_one_start chains
10**9``): it runs under ``_under_the_batteries_ulimit``.

Areas (library side only), as written: the autodiff engine -- add, sub, mul, div, neg, sqrt,
tan, sinh, cos, sin, relu, abs, log1p, expm1, prod, var, transpose, broadcast_to, squeeze,
solve, norm, sum_to, jacobian, trace, jvp, grad through a Primitive (impl three times) (28);
gradcheck -- check_grads and hvp through a Primitive (impl three times, vjp once) (4);
samplers -- ContinuousInverseCDF from_uniforms, from_ppf, cauchy, logistic (twice), pareto,
step_size_sweep (chains, steps), peak, acceptance_limit, noise_floor (n, sampler, cdf),
bin_masses, pooled_total_variation (twice), integrate (lo, f), find_center, walks_from_one_start
(rngs, step_sizes, cdf, chains), total_variation, check_symmetric_proposal,
metropolis_transition_matrix, density_values, grid_inverse_cdf, fixed_step_chains (29);
diagnostics -- split_rhat, ess_mean, diagnose (twice), split_chains, normal_scores, mcse_mean,
rank_normalize, ess_tail (twice) (10); the testing kit (assert_monotone twice, assert_inverts
twice, assert_cdf_matches, assert_labels_match twice, assert_same_distribution, draws_needed,
smallest_detectable, dkw_epsilon, two_sample_distance, chi_square_pvalue, chi_square_power),
its densities (normal_mixture, student_t, uniform, steps, beta) and strategies
(probability_vectors, uniforms_near_edges, known_densities) (22); ``figures.style`` check_seed
(twice), subplots, check_record (4); ``memory`` opt_out_value and
keep_freed_memory_unless_opted_out, through the opt-out variable (2): 99. Gradcheck is short,
as in the two templates: its plain arguments and almost every misbehaving ``fun`` are taken by
the earlier batteries, so its four cases are users' Primitives that misbehave. Dtypes: no
float16 or float32 case (the README says the engine differentiates float16 in float64 and
keeps NumPy's dtype outside a trace, and the samplers' float16 cases are the earlier
batteries').

Kinds of bad value (the issue's own, each on a function or argument not tried with it):
- a wrong type: a bool for a number, a count, a size, a point or a shape (add, sqrt, sinh, cos,
  abs, sum_to shape, trace's point, logistic loc, step_size_sweep steps, integrate lo,
  check_symmetric_proposal n, fixed_step_chains dim, draws_needed discrepancy, dkw_epsilon
  alpha); a list holding None (mul, sin, expm1, var, transpose, broadcast_to, squeeze, solve b,
  norm, jacobian's point, density_values x, normal_scores x); None, a value never set (peak
  ess); a list of chains, one of them None (rank_normalize, diagnose); complex where real is
  meant (div, neg, tan, relu, log1p, prod, acceptance_limit scaled, pooled_total_variation x,
  assert_monotone u, assert_cdf_matches samples,
  assert_same_distribution x, two_sample_distance y, chi_square_pvalue p); bools where draws
  are meant (total_variation samples); one object where a list is meant (walks_from_one_start
  rngs a single Generator); a typo (known_densities kinds 'jump', style subplots size
  'Single', check_record's key 'A' for 'a'); a word for a number (opt-out value 'false'); a
  digit of another script (unless_opted_out an Arabic-Indic zero);
- out of range: NaN (logistic scale, step_size_sweep chains, find_center b, grid_inverse_cdf
  hi, assert_inverts u_resolution, assert_labels_match alpha, smallest_detectable beta,
  normal_mixture weights, student_t df, style check_seed), inf (ContinuousInverseCDF
  from_uniforms u, cauchy scale, pareto scale, noise_floor n, pooled_total_variation x, jvp's
  tangent, chi_square_power q, densities uniform hi and beta a), a sign slipped in
  (walks_from_one_start step_sizes, uniforms_near_edges p, check_seed's list), a sum of 0.9
  (metropolis_transition_matrix p), a fractional size (probability_vectors max_size 2.5), huge
  (walks_from_one_start chains 10**9, must be refused with its size named);
- a wrong shape: shapes that do not broadcast (sub), empty coordinates (split_rhat, diagnose,
  mcse_mean: (4, 100, 0)), draws stored (chains, dim, draws) (ess_mean (4, 6, 300), ess_tail
  (4, 5, 250)), three axes where (chains, draws) is meant (split_chains (4, 100, 2)), a (200,
  1) column (assert_labels_match labels), one height too many (densities steps), a 1-tuple
  where a pair of tails is meant (ess_tail prob (0.05,));
- a user's function that misbehaves: a Primitive's impl returning strings or bools (grad,
  check_grads) or one number for a vector (grad, hvp; both dropped, see below), a vjp
  returning NaN (hvp); NaN at every point (bin_masses's and walks_from_one_start's cdf,
  assert_monotone's ppf); strings (noise_floor's sampler, from_ppf's cdf); one value too few
  (integrate's f); a (n, 1) column (assert_inverts's ppf); decreasing, the survival function as
  the cdf (noise_floor).
No degenerate data of the issue's own rule (too-short or constant chains) was written: the
(chains, dim, draws) cases keep 6 and 5 draws a chain, above the 4 the diagnostics need, and
no transposed (draws, chains) case was written (it would read as too-short chains). No file or
path case and no mismatch between runs: these areas have none but ``style.save``, whose path
kinds the earlier batteries hold.

Repeats: every id of the earlier batteries (13,458 distinct one-line tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the file before the run for exact ids, case-insensitively (none). Before writing, for
each function a table of kinds over the earlier ids (None, a list holding None, True, text,
complex, inf, NaN, shape, empty, dict, set) and the full list of earlier ids of each function
and argument (its first two or three words, with the other spellings "discrete",
"continuous", "opt-out value", "unless_opted_out") were printed and read, and only gaps were
drafted; then each id of the file was matched against the earlier ids sharing its first two
(or, for grad/check_grads/hvp/densities/strategies/style, three) words and a kind word. Left
out while drafting for repeating an earlier substance (not written): add/sub/mul/div of None,
of a set or of text; sinh of complex; minimum and max of a list holding None (the
hundred-and-seventh's minimum shapes are near); sigmoid, tanh, norm, where cond, einsum
operand and solve a complex; clip, matmul, getitem, stack, concatenate of a list holding None;
einsum operands None; vjp cotangent holding inf (NaN is earlier); jvp tangent holding NaN;
check_grads/hvp fun returning NaN, inf, None, strings, a vector, complex; grad through a
Primitive whose vjp returns strings, bools, NaN, inf, complex, None or another shape;
DiscreteInverseCDF p a column, sample size True (earlier: a numpy True_), piece_of a string;
from_density pdf returning one number, domain of zero width; from_ppf ppf returning None;
grid_inverse_cdf n True, pdf one constant; metropolis n_steps True, step_size negative,
log_density returning strings, rng a seed; weibull scale True; cauchy scale negative;
step_size_sweep rngs one generator; noise_floor n 0, sampler returning a column or complex;
integrate hi NaN, f returning one number; find_center a above b; ess_tail prob reversed or one
number; diagnose draws of bools; quantile_type7 prob a list; assert_monotone u holding NaN or
past 1; assert_inverts cdf returning a column; assert_labels_match p 2-D; draws_needed beta
a numpy bool; chi_square_power n a numpy True_; style subplots nrows True, sharex 'colum',
check_numbers a complex entry; keep_freed_memory's thresholds (every kind is taken). Kept
although near an earlier id, as a new instance: mul/sin/expm1/transpose/broadcast_to/squeeze
of a list holding None (earlier: of None), jacobian at a list holding None (earlier: at None,
and of a fun returning None), normal_scores x a list holding None (earlier: x None),
rank_normalize and diagnose draws a list of chains, one of them None (earlier: split_rhat's;
diagnose draws holding a None draw), grad through a Primitive whose impl returns strings or
bools (earlier: whose vjp does), pareto scale inf (earlier: -inf), walks_from_one_start rngs a
single Generator (earlier: a list of torch Generators; step_size_sweep rngs one generator),
assert_monotone ppf returning NaN at every u (earlier: a PchipInterpolator NaN past its table),
style subplots size 'Single' (earlier: 'singel', another typo).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 57 of the 99. After the
first run no case was added, reordered, swapped or reworded. One slip of mine was found and
corrected by dropping two cases written and not kept (``DROPPED``), neither of them a bad
input: ``grad through a Primitive whose impl returns one number for a vector`` (engine, index
26) and ``hvp fun through a Primitive whose impl returns one number for a vector``
(gradcheck, index 1). Their impl, sum(x**2), with the vjp g * 2 * x, is a correct reduction
Primitive, not the misbehaving elementwise op the ids meant; first run: silent, array([ 1.,
-2.,  4.]) and array([2., 2., 2.]), the right gradient and the right H v; after the
correction they are not run. The kept cases and their rates are unchanged by it.

First run at 5a5f420 (under ``ulimit -v 8000000``; kept and --written about 3 s each; pytest
about 5 s): kept, 55 of 57 clear (96.5%), 1 unclear, 1 silent, 0 data loss -- engine 16/16,
gradcheck 2/2, samplers 17/17, diagnostics 5/6 (1 unclear), testing kit 12/13 (1 silent),
figures 2/2, memory 1/1. Written, as first run, 92 of 99 clear (92.9%), 4 unclear, 3 silent, 0
data loss -- engine 27/28 (0, 1), gradcheck 3/4 (0, 1), samplers 29/29, diagnostics 8/10 (2,
0), testing kit 20/22 (1, 1), figures 3/4 (1, 0), memory 2/2; after the correction (the two
dropped), 92 of 97 clear (94.8%), 4 unclear, 1 silent, 0 data loss (engine 27/27, gradcheck
3/3, the rest as before). Under pytest: 56 passed (55 cases and the wide-and-new test), 2
failed (the kept cases below; NOT_CLEAR_YET is left empty for the lead).

Not clear, kept:
- ``diagnose draws a list of four chains, one of them None`` (a list holding None): TypeError
  "diagnose: draws must be an array of real numbers, got a ragged list [array([ 0.04872092,
  0.51816351, -0.1100994 , -0.08903376, ...: its entries have shapes [(100,), (100,), (),
  (100,)], which make no array; give every entry the same shape" -- names diagnose and draws
  and points, by its shape (), at the third entry, but calls a missing chain "ragged" and never
  says it is None.
- ``assert_labels_match labels a (200, 1) column`` (wrong shape): silent -- 1.0 returned (the
  test passed; doubtful: the labels in a column are the same 200 labels, and counting them is
  harmless, though ks_distance refuses a (200, 1) column of samples, by the
  hundred-and-fifth battery's clear case).
Not clear, written and not kept:
- ``rank_normalize draws a list of four chains, one of them None``: the same TypeError as
  diagnose above, from rank_normalize.
- ``assert_monotone ppf returning NaN at every u``: unclear -- AssertionError "ppf
  (_nan_everywhere) returned NaN at u = np.float64(0.1)": names ppf and the value, but as the
  kit's verdict on a failing sampler (AssertionError), not as a bad input (ValueError); doubtful,
  since a ppf returning NaN may be meant to fail the assertion.
- ``style check_record value a dict with 'A' where the key 'a' is meant``: unclear -- ValueError
  "cfg must be a dict with keys ['a', 'b']; it lacks ['a']": names cfg and what is expected,
  but not the value given, so the misspelt key 'A' is not shown.
Remarks on clear cases: ``walks_from_one_start chains 10**9`` is refused before any work, sizes
named ("walks_from_one_start: chains = 1000000000 chains of steps = 10 steps would need 149 GiB
of memory at once, more than this machine's 23.5 GiB; choose a smaller size"); hvp names a
Primitive's vjp returning NaN ("hvp: Primitive 'my_nanvjp': vjp_0 (_nan_vjp) returned NaN in
the cotangent of argument 0 (3 of 3 entries), although its cotangent g, the output and the
arguments are all finite; ..."); ``style check_seed [1, 2, -3]`` gives "seed must be an integer
>= 0, got [1, 2, -3]" (it does not start with check_seed; my mentions did not ask for it); the
opt-out value 'false' gives "SCRATCHMETA_KEEP_FREED_MEMORY must be 0 (opt out) or 1 (keep
freed memory), got 'false'"; every complex input to the engine's ops is refused by name.

Measured on main at 5a5f420, the commit it was written at, blind (the lead reran it there): kept,
55 of 57 clear (96.5%), 1 unclear, 1 silent (doubtful), 0 data loss. Round 74 (with sight of
this file, not blind): a list of chains with one None names the entry that is None, so the
diagnose case is clear; assert_labels_match's docstring says that labels of any shape are
counted as draws, and the column case stays a strict xfail.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (diagnose, ess_mean, ess_tail, grid_inverse_cdf, mcse_mean,
                                  metropolis_transition_matrix, rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import normal_scores, split_chains
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.sampling.mixing import (bin_masses, noise_floor, pooled_total_variation,
                                         total_variation)
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.step_size import (acceptance_limit, fixed_step_chains, peak,
                                            step_size_sweep)
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetysixth import _under_the_batteries_ulimit
from test_bad_inputs_ninetyseventh import EDGES, M23, P3, U5, X3, _chains4
from test_bad_inputs_hundredfifth import _column_ppf, _labels, _square_impl, _square_vjp
from test_bad_inputs_hundredseventh import (_noise_floor, _normal_sampler, _strings_cdf,
                                            _survival, _swapped, _walks)


# --- the engine and gradcheck: users' rules that misbehave -------------------------------------

def _strings_impl(x):
    """A Primitive's impl whose values came back formatted as strings."""
    return np.asarray([f"{v:.6f}" for v in np.ravel(np.asarray(x, dtype=float) ** 2)])


def _through_strings_impl(x):
    return ad.sum(ad.Primitive("my_str", _strings_impl, _square_vjp)(x))


def _one_number_impl(x):
    """A Primitive's impl meant to be elementwise that sums: one number for n inputs."""
    return float(np.sum(np.asarray(x, dtype=float) ** 2))


def _through_one_number_impl(x):
    return ad.sum(ad.Primitive("my_one", _one_number_impl, _square_vjp)(x))


def _bools_impl(x):
    """A Primitive's impl returning a mask (x > 0) where numbers are meant."""
    return np.asarray(x, dtype=float) > 0.0


def _through_bools_impl(x):
    return ad.sum(ad.Primitive("my_bool", _bools_impl, _square_vjp)(x))


def _nan_vjp(g, ans, x):
    """A vjp rule that divides 0 by 0 somewhere: NaN for every entry."""
    return np.full(ad.shape(x), np.nan)


def _through_nan_vjp(x):
    return ad.sum(ad.Primitive("my_nanvjp", _square_impl, _nan_vjp)(x))


# --- samplers and the kit: functions that misbehave ------------------------------------------

class _StringsSampler:
    """A user's sampler whose ``sample`` returns its draws formatted as strings."""

    def sample(self, size, rng):
        return np.asarray([f"{v:.4f}" for v in rng.normal(size=size)])


def _nan_everywhere(x):
    """A cdf or ppf whose normalising constant is 0/0: NaN at every point."""
    return np.full(np.shape(x), np.nan)


def _one_short_f(x):
    """An integrand that drops its last point (a slice left in): n - 1 values for n points."""
    return stats.norm.pdf(np.asarray(x, dtype=float))[..., :-1]


def _sweep(**kwargs):
    """step_size_sweep with a small good setting."""
    kwargs = {"scaled": [0.5, 1.0, 2.0], "chains": 2, "steps": 20, "dims": {"d1": 1},
              "rngs": [_rng()], **kwargs}
    return step_size_sweep(**kwargs)


def _chains_with_inf():
    x = _chains4().copy()
    x[1, 30] = np.inf
    return x


# --- diagnostics -------------------------------------------------------------------------------

def _one_chain_none():
    """Four chains, the third never filled in (None)."""
    c = _chains4()
    return [c[0], c[1], None, c[3]]


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("add of a vector and True, a bool for a term", lambda d: ad.add(X3, True),
     ["add", "True"]),
    ("sub of vectors of lengths 3 and 4, shapes that do not broadcast", lambda d: ad.sub(
        X3, np.ones(4)), ["sub", "(4,)"]),
    ("mul of a vector and a list holding None, a missing factor", lambda d: ad.mul(
        X3, [1.0, None, 2.0]), ["mul", "None"]),
    ("div of a complex vector by a real one", lambda d: ad.div(X3 + 1j, X3),
     ["div", "complex"]),
    ("neg of a complex vector", lambda d: ad.neg(X3 + 1j), ["neg", "complex"]),
    ("sqrt of True, a bool for a number", lambda d: ad.sqrt(True), ["sqrt", "True"]),
    ("tan of a complex vector", lambda d: ad.tan(X3 + 1j), ["tan", "complex"]),
    ("sinh of True, a bool for a number", lambda d: ad.sinh(True), ["sinh", "True"]),
    ("cos of True, a bool for a number", lambda d: ad.cos(True), ["cos", "True"]),
    ("sin of a list holding None, a missing value", lambda d: ad.sin([0.5, None, 2.0]),
     ["sin", "None"]),
    ("relu of a complex vector", lambda d: ad.relu(X3 + 1j), ["relu", "complex"]),
    ("abs of True, a bool for a number", lambda d: ad.abs(True), ["abs", "True"]),
    ("log1p of a complex vector", lambda d: ad.log1p(X3 + 1j), ["log1p", "complex"]),
    ("expm1 of a list holding None, a missing value", lambda d: ad.expm1([0.5, None, 2.0]),
     ["expm1", "None"]),
    ("prod of a complex vector", lambda d: ad.prod(X3 + 1j), ["prod", "complex"]),
    ("var of a list holding None, a missing value", lambda d: ad.var([0.5, None, 2.0]),
     ["var", "None"]),
    ("transpose of a table holding None, a missing entry", lambda d: ad.transpose(
        [[1.0, None], [3.0, 4.0]]), ["transpose", "None"]),
    ("broadcast_to x a list holding None, a missing value", lambda d: ad.broadcast_to(
        [1.0, None, 2.0], (2, 3)), ["broadcast_to", "None"]),
    ("squeeze of a table holding None, a missing value", lambda d: ad.squeeze(
        [[0.5, None, 2.0]]), ["squeeze", "None"]),
    ("solve b a list holding None, a missing right-hand side", lambda d: ad.solve(
        np.eye(3), [1.0, None, 2.0]), ["solve", "None"]),
    ("norm of a list holding None, a missing value", lambda d: ad.norm([0.5, None, 2.0]),
     ["norm", "None"]),
    ("sum_to shape True, a bool for a shape", lambda d: ad.sum_to(M23, True),
     ["shape", "True"]),
    ("jacobian of sin at a list holding None, a missing value", lambda d: ad.jacobian(
        ad.sin)([0.5, None, 2.0]), ["jacobian", "None"]),
    ("trace of sin at True, a bool for a point", lambda d: ad.trace(ad.sin, True),
     ["trace", "True"]),
    ("jvp tangents a tangent holding inf", lambda d: ad.jvp(
        ad.sin, (X3,), (np.array([1.0, np.inf, 0.0]),)), ["jvp", "inf"]),
    ("grad through a Primitive whose impl returns values formatted as strings", lambda d:
        ad.grad(_through_strings_impl)(X3), ["my_str", "str"]),
    ("grad through a Primitive whose impl returns one number for a vector", lambda d:
        ad.grad(_through_one_number_impl)(X3), ["my_one", "()"]),
    ("grad through a Primitive whose impl returns bools, a mask", lambda d: ad.grad(
        _through_bools_impl)(X3), ["my_bool", "bool"]),
]

GRADCHECK_CASES = [
    ("check_grads fun through a Primitive whose impl returns values formatted as strings",
     lambda d: check_grads(_through_strings_impl, (X3,)), ["my_str", "str"]),
    ("hvp fun through a Primitive whose impl returns one number for a vector", lambda d: hvp(
        _through_one_number_impl, X3, np.ones(3)), ["my_one", "()"]),
    ("check_grads fun through a Primitive whose impl returns bools, a mask", lambda d:
        check_grads(_through_bools_impl, (X3,)), ["my_bool", "bool"]),
    ("hvp fun through a Primitive whose vjp returns NaN for every entry", lambda d: hvp(
        _through_nan_vjp, X3, np.ones(3)), ["my_nanvjp", "nan"]),
]

SAMPLER_CASES = [
    ("ContinuousInverseCDF from_uniforms u holding inf", lambda d:
        _normal_sampler().from_uniforms(np.array([0.1, np.inf, 0.9])), ["u", "inf"]),
    ("cauchy scale inf", lambda d: sampling.cauchy(scale=np.inf), ["scale", "inf"]),
    ("logistic loc True, a bool for a number", lambda d: sampling.logistic(loc=True),
     ["loc", "True"]),
    ("logistic scale NaN, a width lost", lambda d: sampling.logistic(scale=np.nan),
     ["scale", "nan"]),
    ("pareto scale inf", lambda d: sampling.pareto(2.0, scale=np.inf), ["scale", "inf"]),
    ("step_size_sweep chains NaN, a count lost", lambda d: _sweep(chains=np.nan),
     ["chains", "nan"]),
    ("step_size_sweep steps True, a bool for a count", lambda d: _sweep(steps=True),
     ["steps", "True"]),
    ("peak ess None, the ESS values never set", lambda d: peak([0.5, 1.0, 2.0], None),
     ["ess", "None"]),
    ("acceptance_limit scaled complex", lambda d: acceptance_limit(1.0 + 0.5j),
     ["scaled", "0.5j"]),
    ("noise_floor n inf", lambda d: noise_floor(
        np.inf, 3, _normal_sampler(), EDGES, stats.norm.cdf, _rng()), ["n", "inf"]),
    ("noise_floor sampler whose sample returns draws formatted as strings", lambda d:
        _noise_floor(_StringsSampler()), ["sampler", "str"]),
    ("noise_floor cdf the survival function, decreasing", lambda d: _noise_floor(
        _normal_sampler(), _survival), ["cdf", "_survival"]),
    ("bin_masses cdf returning NaN at every point", lambda d: bin_masses(
        EDGES, _nan_everywhere), ["cdf", "nan"]),
    ("pooled_total_variation x holding inf, a draw overflowed", lambda d:
        pooled_total_variation(_chains_with_inf(), EDGES, stats.norm.cdf), ["x", "inf"]),
    ("pooled_total_variation x complex chains", lambda d: pooled_total_variation(
        _chains4() + 0j, EDGES, stats.norm.cdf), ["x", "complex"]),
    ("integrate lo True, a bool for an end", lambda d: integrate(stats.norm.pdf, True, 2.0),
     ["lo", "True"]),
    ("integrate f returning one value too few, n - 1 for n points", lambda d: integrate(
        _one_short_f, -1.0, 1.0), ["f", "_one_short_f"]),
    ("find_center b NaN, an end lost", lambda d: find_center(stats.norm.pdf, -5.0, np.nan),
     ["b", "nan"]),
    ("walks_from_one_start rngs a single Generator, not a list", lambda d: _walks(
        rngs=_rng()), ["rngs", "Generator"]),
    ("walks_from_one_start step_sizes {'a': -1.0}, a negative step", lambda d: _walks(
        step_sizes={"a": -1.0}), ["step_sizes", "-1.0"]),
    ("walks_from_one_start cdf returning NaN at every point", lambda d: _walks(
        cdf=_nan_everywhere), ["cdf", "nan"]),
    ("total_variation samples of bools", lambda d: total_variation(
        _samples() > 0.0, EDGES, stats.norm.cdf), ["samples", "bool"]),
    ("check_symmetric_proposal n True, a bool for a size", lambda d:
        check_symmetric_proposal(np.full((3, 3), 1 / 3), True), ["n", "True"]),
    ("metropolis_transition_matrix p summing to 0.9, [0.2, 0.3, 0.4]", lambda d:
        metropolis_transition_matrix([0.2, 0.3, 0.4], np.full((3, 3), 1 / 3)),
     ["p", "0.4"]),
    ("density_values x holding None, a missing point", lambda d: density_values(
        stats.norm.pdf, [0.5, None, 2.0]), ["x", "None"]),
    ("from_ppf cdf returning values formatted as strings", lambda d:
        sampling.ContinuousInverseCDF.from_ppf(stats.norm.ppf, _strings_cdf), ["cdf", "str"]),
    ("grid_inverse_cdf hi NaN, an end lost", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, np.nan), ["hi", "nan"]),
    ("fixed_step_chains dim True, a bool for a dimension", lambda d: fixed_step_chains(
        True, [1.0], 2, 10, _rng()), ["dim", "True"]),
    ("walks_from_one_start chains 10**9, far past memory and time", lambda d:
        _under_the_batteries_ulimit(lambda: _walks(chains=10 ** 9)),
     ["chains", "1000000000"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws of shape (4, 100, 0), no coordinates", lambda d: split_rhat(
        np.zeros((4, 100, 0))), ["split_rhat", "(4, 100, 0)"]),
    ("ess_mean draws stored (chains, dim, draws), (4, 6, 300)", lambda d: ess_mean(
        _swapped(4, 6, 300)), ["ess_mean", "(4, 6, 300)"]),
    ("diagnose draws of shape (4, 100, 0), no coordinates", lambda d: diagnose(
        np.zeros((4, 100, 0))), ["diagnose", "(4, 100, 0)"]),
    ("split_chains x of three axes, (4, 100, 2)", lambda d: split_chains(
        _swapped(4, 100, 2)), ["split_chains", "(4, 100, 2)"]),
    ("normal_scores x a list holding None, a missing draw", lambda d: normal_scores(
        [0.5, None, -1.0]), ["normal_scores", "None"]),
    ("mcse_mean draws of shape (4, 100, 0), no coordinates", lambda d: mcse_mean(
        np.zeros((4, 100, 0))), ["mcse_mean", "(4, 100, 0)"]),
    ("rank_normalize draws a list of four chains, one of them None", lambda d:
        rank_normalize(_one_chain_none()), ["rank_normalize", "None"]),
    ("ess_tail draws stored (chains, dim, draws), (4, 5, 250)", lambda d: ess_tail(
        _swapped(4, 5, 250)), ["ess_tail", "(4, 5, 250)"]),
    ("diagnose draws a list of four chains, one of them None", lambda d: diagnose(
        _one_chain_none()), ["diagnose", "None"]),
    ("ess_tail prob (0.05,), a single tail", lambda d: ess_tail(_chains4(), prob=(0.05,)),
     ["prob", "(0.05,)"]),
]

TESTING_CASES = [
    ("assert_monotone u complex uniforms", lambda d: testing.assert_monotone(
        stats.norm.ppf, U5 + 0j), ["u", "complex"]),
    ("assert_monotone ppf returning NaN at every u", lambda d: testing.assert_monotone(
        _nan_everywhere, U5), ["ppf", "nan"]),
    ("assert_inverts ppf returning a (n, 1) column", lambda d: testing.assert_inverts(
        _column_ppf, stats.norm.cdf, U5, 1e-6), ["ppf", "1)"]),
    ("assert_inverts u_resolution NaN", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, U5, np.nan), ["u_resolution", "nan"]),
    ("assert_cdf_matches samples complex draws", lambda d: testing.assert_cdf_matches(
        _samples() + 0j, stats.norm.cdf), ["samples", "complex"]),
    ("assert_labels_match labels a (200, 1) column", lambda d: testing.assert_labels_match(
        _labels().reshape(-1, 1), P3), ["labels", "(200, 1)"]),
    ("assert_labels_match alpha NaN", lambda d: testing.assert_labels_match(
        _labels(), P3, alpha=np.nan), ["alpha", "nan"]),
    ("assert_same_distribution x complex draws", lambda d: testing.assert_same_distribution(
        _samples() + 0j, _samples(100)), ["x", "complex"]),
    ("draws_needed discrepancy True, a bool for a number", lambda d: testing.draws_needed(
        True), ["discrepancy", "True"]),
    ("smallest_detectable beta NaN", lambda d: testing.smallest_detectable(
        1000, beta=np.nan), ["beta", "nan"]),
    ("dkw_epsilon alpha True, a bool for a probability", lambda d: testing.dkw_epsilon(
        1000, alpha=True), ["alpha", "True"]),
    ("two_sample_distance y complex draws", lambda d: testing.two_sample_distance(
        _samples(), _samples(100) + 0j), ["y", "complex"]),
    ("chi_square_pvalue p complex", lambda d: testing.chi_square_pvalue(
        [20, 30, 50], np.array(P3) + 0j), ["p", "complex"]),
    ("chi_square_power q holding inf", lambda d: testing.chi_square_power(
        P3, [0.3, np.inf, 0.4], 1000), ["q", "inf"]),
    ("densities normal_mixture weights holding NaN", lambda d: densities.normal_mixture(
        [0.5, np.nan], [0.0, 1.0], [1.0, 1.0]), ["weights", "nan"]),
    ("densities student_t df NaN", lambda d: densities.student_t(np.nan), ["df", "nan"]),
    ("densities uniform hi inf, an unbounded uniform", lambda d: densities.uniform(
        0.0, np.inf), ["hi", "inf"]),
    ("densities steps heights of 3 for edges of 3, one height too many", lambda d:
        densities.steps([0.0, 1.0, 2.0], [0.5, 0.25, 0.25]), ["heights", "edges"]),
    ("densities beta a inf", lambda d: densities.beta(np.inf, 2.0), ["a", "inf"]),
    ("strategies probability_vectors max_size 2.5, a fractional size", lambda d: _example(
        strategies.probability_vectors(max_size=2.5)), ["max_size", "2.5"]),
    ("strategies uniforms_near_edges p holding -0.2, a sign slipped in", lambda d:
        _example(strategies.uniforms_near_edges([0.2, -0.2, 1.0])), ["p", "-0.2"]),
    ("strategies known_densities kinds ('jump',), a kind in the singular", lambda d:
        _example(strategies.known_densities(("jump",))), ["kinds", "jump"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_seed seed NaN", lambda d: style.check_seed(np.nan), ["seed", "nan"]),
    ("style subplots size 'Single', capitalised", lambda d: style.subplots(size="Single"),
     ["size", "Single"]),
    ("style check_record value a dict with 'A' where the key 'a' is meant", lambda d:
        style.check_record("cfg", {"A": 1, "b": 2}, ("a", "b")), ["cfg", "'A'"]),
    ("style check_seed seed [1, 2, -3], a list holding a negative", lambda d:
        style.check_seed([1, 2, -3]), ["seed", "-3"]),
]

VAR = memory.OPT_OUT_VARIABLE                    # "SCRATCHMETA_KEEP_FREED_MEMORY"
MEMORY_CASES = [
    ("opt-out value 'false', a word for 0", lambda d: memory.opt_out_value(),
     [VAR, "'false'"], {VAR: "false"}),
    ("unless_opted_out an Arabic-Indic zero", lambda d: _then_defaults(
        memory.keep_freed_memory_unless_opted_out), [VAR, "\u0660"], {VAR: "\u0660"}),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "grad through a Primitive whose impl returns one number for a vector":
        "not a bad input (a slip of mine): sum(x**2) with the vjp g * 2 * x is a correct "
        "reduction Primitive; first run: silent, array([ 1., -2.,  4.]), the right gradient",
    "hvp fun through a Primitive whose impl returns one number for a vector":
        "not a bad input, as the grad case above; first run: silent, array([2., 2., 2.]), "
        "the right H v",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 2)."""
    return kept_cases(cases, (1, 2), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    'assert_labels_match labels a (200, 1) column':
        'silent at 5a5f420: no error (doubtful: every entry of labels is one draw, whatever '
        'its shape, and they are counted together; the right verdict, now in the docstring)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredninth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredninth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
