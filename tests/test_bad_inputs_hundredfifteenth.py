"""A hundred-and-fifteenth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt115), from the user's side only: README.md (its first
300 lines before the run; lines 300-320 after it, see the corrections); the public names
(``__all__`` where there is one, else ``dir`` filtered to the names each module defines itself)
and signatures of ``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and its
public modules (``closed_forms``, ``continuous``, ``diagnostics``, ``discrete``,
``finite_chain``, ``interpolation``, ``metropolis``, ``mixing``, ``quadrature``, ``step_size``,
``tails``; ``sampling.checks`` not listed), ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF``; the hundred-and-thirteenth and hundred-and-eleventh batteries (the
templates; the code of both and the docstring of the hundred-and-thirteenth read in full, the
hundred-and-eleventh's docstring only in its first 30 lines); ``tests/test_bad_inputs_cli.py``'s
``kept_cases`` and ``battery_params`` (their bodies) and the names of
``assert_wide_and_new``/``battery_main``, used as the templates use them; the earlier batteries'
ids and shared helpers (imported, not copied: from the fifth ``_example`` and ``_metropolis``;
the seventeenth ``_samples``; the eighty-seventh ``_then_defaults``; the ninety-sixth
``_under_the_batteries_ulimit``; from the ninety-seventh its constants, ``_chains4`` and
``_sin_loss``; the hundred-and-fifth ``_square_impl`` and ``_square_vjp``; the
hundred-and-seventh ``_normal_sampler`` and ``_walks``; the hundred-and-eleventh
``_chains_with`` and ``_discrete``). No body, docstring or source of library code, of
``checks``/``messages``/``protocol``, of the library's history or of /work/main (whose venv's
python alone was run) was read, before or after the first run (``git status`` was the only git
command). Glimpses, disclosed: grepping the earlier batteries' helper heads printed the first
lines of the fifth's ``_metropolis`` and ``_example``, the hundred-and-seventh's ``_walks`` and
``_normal_sampler``, the hundred-and-ninth's ``_sweep`` and the ninety-sixth's
``_under_the_batteries_ulimit`` (its docstring's first lines). After the first run: the values
returned by the silent cases were printed; one probe of the engine from the user's side
(``type(ad.stop_gradient(x))`` inside ``grad``: an ndarray) to correct my plumbing slip below.
No ``__main__`` module was imported. Writes: none of the cases writes a file. No optional
package is used, so no case is skipped.

Areas (library side only), as written: the autodiff engine -- var, std, expand_dims, logsumexp,
getitem, norm, solve, reshape, max, grad, value_and_grad, jacobian (twice), jvp, and users'
Primitives that misbehave under grad (twice), value_and_grad, jacobian and hessian (19);
gradcheck -- check_grads (order, rtol, atol, a Primitive's vjp) and hvp (v, a Primitive's vjp)
(6); samplers -- DiscreteInverseCDF (p, ppf, piece_of), ContinuousInverseCDF (from_density
three times, from_ppf, u_error), grid_inverse_cdf (twice), metropolis (three times), logistic,
total_variation, bin_masses, walks_from_one_start, peak, check_probabilities,
metropolis_transition_matrix, check_symmetric_proposal, find_center, solve_vandermonde, horner,
check_width (25; one dropped as a slip, below); diagnostics -- split_rhat (twice), ess_tail,
mcse_mean, mcse_sd, diagnose (twice), normal_scores, quantile_type7 (twice), split_chains,
ess_mean (12; two dropped as slips); the testing kit (assert_monotone twice, assert_inverts,
assert_cdf_matches twice, assert_labels_match twice, assert_same_distribution, draws_needed,
ks_distance, two_sample_distance, chi_square_pvalue, chi_square_power), its densities (beta,
student_t, pareto, steps, normal_mixture) and strategies (u_grids, probability_vectors) (20;
one dropped as a slip); ``figures.style`` check_numbers, check_seed, subplots, check_record,
check_axes (5); ``memory`` keep_freed_memory (twice) and the opt-out variable (3): 90 written,
86 after the corrections. Dtypes: no float16/float32 case (float32 is valid by the README; the
float16 cases are the earlier batteries').

Kinds of bad value (the issue's own, each on a function or argument not tried with it, as far
as the repeats check below could tell):
- a wrong type: numbers typed as text (max, horner a, quantile_type7 x, two_sample_distance y,
  diagnose draws as a str array, split_rhat with one chain of four as text); masses typed as one
  string with semicolons (DiscreteInverseCDF p); a word for a number (assert_cdf_matches alpha
  'small', draws_needed beta 'tiny', densities pareto alpha 'two', keep_freed_memory
  trim_threshold 'big', mmap_threshold '64 MiB' with its unit); a name for a function
  (assert_monotone ppf 'norm.ppf'); a fraction for a flag (var keepdims 0.5); a fractional axis,
  label or size (logsumexp axis [0, 1.5], assert_labels_match labels 1.5,
  probability_vectors min_size 2.5, walks_from_one_start steps 2.5); a bool for draws
  (diagnose True); complex where real is meant (style check_numbers x); None for one object
  (assert_cdf_matches samples, style check_axes ax) or inside a list (solve_vandermonde s,
  style check_record keys); a list where one number is meant (logistic scale [1.0, 2.0]); an
  env value neither yes nor no (the opt-out variable 'maybe');
- out of range: NaN (std, expand_dims axis; norm ord; solve a; reshape (2, NaN);
  jvp tangents; from_density domain end; grid_inverse_cdf n; densities beta hi, steps heights;
  u_grids max_size; style subplots ncols; check_width a; a whole chain of NaN for split_rhat),
  inf and -inf (jacobian argnum -inf; check_grads order inf; DiscreteInverseCDF ppf u;
  bin_masses edges; mcse_sd draws; split_chains x; assert_monotone u; chi_square_power alpha
  -inf; find_center a, dropped as a slip), negative (check_grads rtol and atol, DiscreteInverseCDF
  piece_of u -0.5, metropolis n_warmup -5, peak scaled, check_symmetric_proposal q, student_t
  scale, normal_mixture weights, style check_seed -1), above one (from_density u_resolution 2.0),
  a probability vector summing to 0.5 (check_probabilities), too many indices (getitem (0, 0, 0)),
  huge (ContinuousInverseCDF u_error sample_size 10**12, metropolis n_warmup 10**12, both under
  ``_under_the_batteries_ulimit``), a word for a tail (ess_tail prob (0.05, 'high'));
- a wrong shape: a (3, 1) column for a vector (hvp v, metropolis_transition_matrix p), a (7, 1)
  column of edges (total_variation), 2-D for 1-D (assert_inverts u (5, 1), quantile_type7 x
  (100, 2), assert_same_distribution y (50, 2)), 3-D (normal_scores x (2, 2, 2); mcse_mean and
  ess_mean (4, 100, 2), both dropped as slips), p of length 2 for three counts
  (chi_square_pvalue; assert_labels_match, dropped as a slip);
- a user's function that misbehaves: a fun returning bools, a list of texts, complex (grad,
  value_and_grad, jacobian); a Primitive whose vjp returns a (3, 1) column (grad), drops an
  entry (value_and_grad, hvp), returns a tuple of two for one argument (grad, check_grads) or
  NaN (hessian), whose impl returns inf (jacobian); a pdf returning negative values
  (from_density), a (n, 2) pair (grid_inverse_cdf); a ppf decreasing (from_ppf, a survival ppf);
  a log-density that forgets to return (metropolis); a cdf returning strings (ks_distance).
No degenerate data of the issue's own rule (too-short or constant chains), no file or path case
and no mismatch between runs (these areas have none but ``style.save``, whose path kinds the
earlier batteries hold).

Repeats: every id of the earlier batteries (14,058 distinct one-line tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the file before the run for exact ids, case-insensitively (none in the file as run; fifteen
in the drafts, replaced: check_grads eps NaN and atol inf, assert_labels_match alpha NaN,
draws_needed discrepancy NaN, densities student_t df 0 and steps heights holding a negative
height, strategies u_grids cut_points holding NaN and max_size -5, ContinuousInverseCDF u_error
sample_size 0, quantile_type7 prob NaN, clip a_min complex, cauchy scale inf, integrate lo NaN,
split_rhat draws ragged chains of 100 and 99, assert_inverts ppf returning complex values). Then
for every drafted id the earlier ids sharing its first two words (three for densities,
strategies, style, keep_freed_memory and the two sampler classes) were printed and read, and
drafts sharing an earlier substance were replaced or dropped before the run (about sixty, over
three drafts of 126, 125 and 125 cases, cut to 90 before the run: among them mean axis 'rows',
clip a_max NaN, expand_dims axis past the end, squeeze axis -3, stack vectors of lengths 3 and
2, logsumexp axis 2 of a matrix, norm ord 0.5, solve b of another length, reshape (2, 4), prod
of text, jacobian of a fun returning None, hessian argnum 0.0, check_grads order 2.5,
DiscreteInverseCDF ppf u holding None and piece_of u NaN, grid_inverse_cdf n 1 and pdf
returning None or inf, metropolis x0 NaN, target_acceptance 1.5, step_size '0.5', n_steps huge,
optimal_acceptance dim 2.5, exponential rate 'fast', pareto alpha 0, cauchy loc NaN,
total_variation samples (100, 2), bin_masses cdf decreasing, walks_from_one_start chains 0 and
step_sizes a list, fixed_step_chains dim 0, step_size_sweep dims {'d1': 2.5}, peak ess NaN,
acceptance_1d h negative, integrate n 0 and f complex, find_center pdf NaN, explore u_resolution
negative, solve_vandermonde s repeated and y NaN, split_rhat 3-D, ess_bulk and rank_normalize
holding inf, mcse_mean and rank_normalize None, diagnose a dict and ragged chains, normal_scores
of strings, split_chains None, ess_mean with no chains, assert_monotone u text, assert_inverts
cdf returning None and u_resolution negative, assert_same_distribution x empty, draws_needed
samples 0 and beta 0 and beta NaN, chi_square_pvalue counts a column, chi_square_power alpha 0
and p NaN, densities beta lo/hi swapped and b 0, triangular mode outside, steps edges
decreasing, style check_numbers shape text and x -inf, subplots size misspelt and nrows 0,
check_record name None and value None, keep_freed_memory mmap_threshold -1 and 2**70 and a list,
logistic scale -inf). Kept although near an earlier id, as a new instance: jacobian argnum -inf
(earlier NaN and 2**70); check_grads order inf (earlier 2**70); peak scaled holding -1.0
(earlier decreasing); densities beta hi NaN (earlier other ends). Missed, found after the first run:
``quantile_type7 x a (100, 2) matrix`` repeats the substance of the earlier ``quantile_type7 x
a 2-D table of draws`` (written, not kept; left in, as the rule forbids dropping it for its
result).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 53 of the 90. After the
first run no case was added, reordered, swapped or reworded; these slips of mine were
corrected, recorded here with both results:
- ``grad of a fun returning bools, a mask`` and ``value_and_grad of a fun returning a list of
  texts, one per entry`` (both kept): wrong plumbing -- my helpers called ``np.asarray`` on the
  engine's Tensor, so they raised before returning what the ids say. First run: clear by
  accident ("grad: fun (_bools_loss) raised TypeError ...: NumPy was asked to turn a
  scratchmeta Tensor into an array ...", my mention "bool" matched the function's name) and
  unclear ("does not name ['list']", the same message for _text_vjp_loss). Now they read the
  values through ``ad.stop_gradient(x)``; after: both clear, TypeError "grad needs fun
  (_bools_loss) to return a float array or number, but it returned a boolean array (dtype
  bool)" and "value_and_grad needs fun (_text_vjp_loss) to return a float array or number, but
  it returned list ['0.500', '-1.000', '2.000']".
- ``ess_mean draws a (4, 100, 2) array, 3-D`` (kept) and ``mcse_mean draws a (4, 100, 2) array,
  3-D`` (written, not kept) were dropped (``DROPPED``): not bad inputs, README (lines 311-313,
  read after the run) documents draws as (chains, draws, dim), refusing only (chains, dim,
  draws); first run: silent, array([425.0246, 425.0246]) and array([0.0437, 0.0437]), one value
  per coordinate; after: not run.
- ``find_center a inf, an unbounded end`` (written, not kept) was dropped: not a bad input, an
  infinite end is what ``from_density``'s default domain (-inf, inf) presents as valid; first
  run: silent (no error); after: not run.
- ``assert_labels_match p of length 2 for labels 0, 1 and 2`` (written, not kept) was dropped:
  not a bad input, a label outside p's range is what the kit's verdict exists to catch; first
  run: AssertionError "a label lies outside 0..1: got 0..2" (counted unclear); after: not run.

First run (under ``ulimit -v 8000000``; kept about 5 s, --written about 40 s, of which 30 s is
the metropolis n_warmup case's time limit; pytest 13 s the first time, 4 s after): kept, 49 of
53 clear (92.5%), 1 unclear, 3 silent, 0 data loss; written, 79 of 90 clear (87.8%), 4 unclear,
7 silent, 0 data loss. After the corrections: kept, 50 of 52 clear (96.2%), 0 unclear, 2 silent,
0 data loss -- engine 11/11, gradcheck 4/4, samplers 14/15 (1 silent), diagnostics 5/6 (1
silent), testing kit 12/12, figures 3/3, memory 1/1. Written, 80 of 86 clear (93.0%), 2 unclear,
4 silent, 0 data loss -- engine 17/19 (1 unclear, 1 silent), gradcheck 6/6, samplers 22/24 (1,
1), diagnostics 8/10 (0, 2), testing kit 19/19, figures 5/5, memory 3/3. Under pytest: 51 passed
(50 cases and the wide-and-new test), 2 failed (the kept cases below; NOT_CLEAR_YET is left
empty for the lead).

Not clear, kept:
- ``check_width a NaN`` (NaN): silent -- ``check_width("tails", nan, 1.0)`` returned None, no
  error or warning (a public check of ``sampling.tails`` letting a NaN end through).
- ``normal_scores x a (2, 2, 2) array, 3-D for draws`` (wrong shape): silent -- a (2, 2, 2)
  array of normal scores came back (array([[[-1.4342, -0.8525], [-0.4728, -0.1525]], [[0.1525,
  0.4728], [0.8525, 1.4342]]])), the eight values ranked as one pool. Doubtful: normal_scores
  may be meant to rank any array pooled; I could not read its docstring.
Not clear, written and not kept:
- ``solve a holding NaN, a matrix entry lost``: unclear -- InvalidValueError "solve: a holds 1
  NaN or inf entry (shape (2, 2)): a linear system needs finite numbers": names solve, a and
  NaN, but not as my mention "nan" is matched (doubtful: a good message, the classifier's
  matching of the word NaN decides it).
- ``jacobian through a Primitive whose impl returns inf for every entry``: silent -- the
  Jacobian diag(2x) came back (array([[1, 0, 0], [0, -2, 0], [0, 0, 4]])), from the vjp rule,
  while the op's value was inf everywhere: no error or warning.
- ``metropolis n_warmup 10**12, far past memory and time``: unclear -- not refused before the
  work; the first run stopped at the 30 s limit ("_TooLong: no answer after 30 s"), the second
  gave ValueError "metropolis: log_density (_log_density) raised _TooLong when called on an
  array of shape (2, 1): ..." (the time limit landing in my log-density): n_warmup's size is
  never named.
- ``quantile_type7 x a (100, 2) matrix, 2-D for 1-D``: silent -- np.float64(0.00273) came back,
  the median of the 200 values pooled (a repeat of an earlier substance, see Repeats).

Measured on main at c0a0e5f, the commit it was written at, blind (the lead reran it there,
with the hundred-and-fourteenth beside it): kept, 50 of 52 clear (96.2%), 0 unclear, 2 silent,
0 data loss; the pair, 113 of 115 (98.3%). Round 77 (with sight of this file, not blind):
tails.check_width refuses ends that are not numbers a < b (NaN among them); metropolis
refuses n_warmup + n_steps past 10**9 before any step (the written case n_warmup 10**12 ran
into the harness's time limit); solve's NaN message shows where the first one is and its
value. The normal_scores case stays a strict xfail (doubtful).
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose, ess_mean,
                                  ess_tail, grid_inverse_cdf, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, split_rhat)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7, split_chains
from scratchmeta.sampling.discrete import check_probabilities
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.sampling.interpolation import horner, solve_vandermonde
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.step_size import peak
from scratchmeta.sampling.tails import check_width, find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetysixth import _under_the_batteries_ulimit
from test_bad_inputs_ninetyseventh import EDGES, M23, P3, Q3, U5, X3, _chains4, _sin_loss
from test_bad_inputs_hundredfifth import _square_impl, _square_vjp
from test_bad_inputs_hundredseventh import _normal_sampler, _walks
from test_bad_inputs_hundredeleventh import _chains_with, _discrete


# --- the engine and gradcheck: users' rules that misbehave -------------------------------------

def _column_vjp(g, ans, x):
    """A vjp rule returning a (n, 1) column for a vector argument (a reshape left in)."""
    return ad.reshape(g * 2.0 * x, (-1, 1))


def _through_column_vjp(x):
    return ad.sum(ad.Primitive("my_colvjp", _square_impl, _column_vjp)(x))


def _short_vjp(g, ans, x):
    """A vjp rule that drops the last entry: a (n - 1,) cotangent for a (n,) argument."""
    return (g * 2.0 * x)[:-1]


def _through_short_vjp(x):
    return ad.sum(ad.Primitive("my_shortvjp", _square_impl, _short_vjp)(x))


def _inf_impl(x):
    """A Primitive's impl that overflows: inf for every entry."""
    return np.full(np.shape(x), np.inf)


def _inf_op(x):
    return ad.Primitive("my_infimpl", _inf_impl, _square_vjp)(x)


def _nan_vjp(g, ans, x):
    """A vjp rule that divides 0 by 0: NaN cotangents."""
    return g * 2.0 * x * np.nan


def _through_nan_vjp(x):
    return ad.sum(ad.Primitive("my_nanvjp", _square_impl, _nan_vjp)(x))


def _tuple_vjp(g, ans, x):
    """A vjp rule returning a tuple of two cotangents for one argument."""
    return (g * 2.0 * x, g * 2.0 * x)


def _through_tuple_vjp(x):
    return ad.sum(ad.Primitive("my_tuplevjp", _square_impl, _tuple_vjp)(x))


def _complex_loss(x):
    """A loss with a phase factor left in: a complex number."""
    return ad.sum(ad.sin(x)) + 0.5j


# --- samplers and the kit: functions that misbehave ------------------------------------------

def _negative_pdf(x):
    """A density with a sign slipped in: negative values."""
    return -stats.norm.pdf(x)


def _decreasing_ppf(u):
    """A ppf turned upside down: decreasing where increasing is meant."""
    return -stats.norm.ppf(u)


def _none_pdf(x):
    """A density that forgets to return: None."""
    stats.norm.pdf(x)


def _strings_cdf(x):
    """A cdf whose values came back formatted as strings."""
    return np.asarray([f"{v:.6f}" for v in np.ravel(stats.norm.cdf(x))]).reshape(np.shape(x))


def _text_vjp_loss(x):
    """A loss whose value is a list of texts, one per entry (a format left in)."""
    return [f"{v:.3f}" for v in np.ravel(ad.stop_gradient(x))]


def _bools_loss(x):
    """A loss returning a mask (x > 0) where one number is meant."""
    return ad.stop_gradient(x) > 0.0


def _one_chain_text():
    """Four chains, the third read back from a file as text."""
    c = _chains4()
    return [c[0], c[1], c[2].astype(str), c[3]]


def _pair_pdf(x):
    """A pdf returning a (n, 2) pair per point (a density and its log left side by side)."""
    return np.stack([stats.norm.pdf(x), stats.norm.logpdf(x)], axis=-1)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("var keepdims 0.5, a fraction for a flag", lambda d: ad.var(X3, keepdims=0.5),
     ["keepdims", "0.5"]),
    ("std axis NaN, an axis lost", lambda d: ad.std(M23, axis=np.nan), ["axis", "nan"]),
    ("expand_dims axis NaN, an axis lost", lambda d: ad.expand_dims(X3, np.nan),
     ["axis", "nan"]),
    ("logsumexp axis [0, 1.5], a fractional axis among two", lambda d: ad.logsumexp(
        M23, axis=[0, 1.5]), ["axis", "1.5"]),
    ("getitem index (0, 0, 0), three indices for a matrix", lambda d: ad.getitem(
        M23, (0, 0, 0)), ["getitem", "(0, 0, 0)"]),
    ("norm ord NaN, an order lost", lambda d: ad.norm(X3, ord=np.nan), ["ord", "nan"]),
    ("solve a holding NaN, a matrix entry lost", lambda d: ad.solve(
        np.array([[1.0, np.nan], [0.0, 1.0]]), np.ones(2)), ["solve", "nan"]),
    ("reshape shape (2, NaN), a size lost", lambda d: ad.reshape(M23, (2, np.nan)),
     ["reshape", "nan"]),
    ("max of a list of numbers typed as text", lambda d: ad.max(["0.5", "2.0", "1.0"]),
     ["max", "0.5"]),
    ("grad of a fun returning bools, a mask", lambda d: ad.grad(_bools_loss)(X3),
     ["_bools_loss", "bool"]),
    ("value_and_grad of a fun returning a list of texts, one per entry", lambda d:
        ad.value_and_grad(_text_vjp_loss)(X3), ["_text_vjp_loss", "list"]),
    ("jacobian of a fun with a phase factor left in, complex", lambda d: ad.jacobian(
        _complex_loss)(X3), ["_complex_loss", "complex"]),
    ("jacobian argnum -inf", lambda d: ad.jacobian(ad.sin, argnum=-np.inf)(X3),
     ["argnum", "inf"]),
    ("jvp tangents holding NaN", lambda d: ad.jvp(
        ad.sin, (X3,), (np.array([1.0, np.nan, 1.0]),)), ["tangents", "nan"]),
    ("grad through a Primitive whose vjp returns a (3, 1) column for a vector", lambda d:
        ad.grad(_through_column_vjp)(X3), ["my_colvjp", "(3, 1)"]),
    ("value_and_grad through a Primitive whose vjp drops an entry, (2,) for (3,)", lambda d:
        ad.value_and_grad(_through_short_vjp)(X3), ["my_shortvjp", "(2,)"]),
    ("jacobian through a Primitive whose impl returns inf for every entry", lambda d:
        ad.jacobian(_inf_op)(X3), ["my_infimpl", "inf"]),
    ("hessian through a Primitive whose vjp returns NaN", lambda d: ad.hessian(
        _through_nan_vjp)(X3), ["my_nanvjp", "nan"]),
    ("grad through a Primitive whose vjp returns a tuple of two for one argument", lambda d:
        ad.grad(_through_tuple_vjp)(X3), ["my_tuplevjp", "tuple"]),
]

GRADCHECK_CASES = [
    ("check_grads order inf", lambda d: check_grads(_sin_loss, (X3,), order=np.inf),
     ["order", "inf"]),
    ("check_grads rtol -1e-06, a sign slipped in", lambda d: check_grads(
        _sin_loss, (X3,), rtol=-1e-6), ["rtol", "-1e-06"]),
    ("check_grads atol -1e-06, a sign slipped in", lambda d: check_grads(
        _sin_loss, (X3,), atol=-1e-6), ["atol", "-1e-06"]),
    ("hvp v a (3, 1) column for a vector x", lambda d: hvp(
        _sin_loss, X3, np.ones((3, 1))), ["v", "(3, 1)"]),
    ("check_grads fun through a Primitive whose vjp returns a tuple of two", lambda d:
        check_grads(_through_tuple_vjp, (X3,)), ["my_tuplevjp", "tuple"]),
    ("hvp fun through a Primitive whose vjp drops an entry, (2,) for (3,)", lambda d: hvp(
        _through_short_vjp, X3, np.ones(3)), ["my_shortvjp", "(2,)"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p masses separated by semicolons, '0.2;0.3;0.5'", lambda d:
        DiscreteInverseCDF("0.2;0.3;0.5"), ["p", "0.2;0.3;0.5"]),
    ("DiscreteInverseCDF ppf u holding inf", lambda d: _discrete().ppf(
        np.array([0.1, np.inf, 0.9])), ["u", "inf"]),
    ("DiscreteInverseCDF piece_of u -0.5, below zero", lambda d: _discrete().piece_of(-0.5),
     ["u", "-0.5"]),
    ("ContinuousInverseCDF from_density domain (0.0, NaN)", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, domain=(0.0, np.nan)),
     ["domain", "nan"]),
    ("ContinuousInverseCDF from_density pdf returning negative values", lambda d:
        ContinuousInverseCDF.from_density(_negative_pdf), ["pdf", "negative"]),
    ("ContinuousInverseCDF from_ppf ppf decreasing, a survival ppf", lambda d:
        ContinuousInverseCDF.from_ppf(_decreasing_ppf, stats.norm.cdf),
     ["ppf", "_decreasing_ppf"]),
    ("ContinuousInverseCDF from_density u_resolution 2.0, above one", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, u_resolution=2.0),
     ["u_resolution", "2.0"]),
    ("ContinuousInverseCDF u_error sample_size 10**12, far past memory", lambda d:
        _under_the_batteries_ulimit(lambda: _normal_sampler().u_error(10 ** 12)),
     ["sample_size", "1000000000000"]),
    ("grid_inverse_cdf n NaN, a count lost", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, 5.0, n=np.nan), ["n", "nan"]),
    ("grid_inverse_cdf pdf returning a (n, 2) pair for n points", lambda d: grid_inverse_cdf(
        _pair_pdf, -5.0, 5.0), ["pdf", ", 2)"]),
    ("metropolis n_warmup -5, a sign slipped in", lambda d: _metropolis(n_warmup=-5),
     ["n_warmup", "-5"]),
    ("metropolis n_warmup 10**12, far past memory and time", lambda d:
        _under_the_batteries_ulimit(lambda: _metropolis(n_warmup=10 ** 12)),
     ["n_warmup", "1000000000000"]),
    ("metropolis log_density returning None, a return forgotten, for two chains", lambda d:
        _metropolis(log_density=_none_pdf), ["log_density", "None"]),
    ("logistic scale a list [1.0, 2.0], two scales for one", lambda d: sampling.logistic(
        scale=[1.0, 2.0]), ["scale", "[1.0, 2.0]"]),
    ("total_variation edges a (7, 1) column, 2-D for 1-D", lambda d: total_variation(
        _samples(), EDGES.reshape(-1, 1), stats.norm.cdf), ["edges", "(7, 1)"]),
    ("bin_masses edges holding inf, an unbounded bin", lambda d: bin_masses(
        np.array([-1.0, 0.0, np.inf]), stats.norm.cdf), ["edges", "inf"]),
    ("walks_from_one_start steps 2.5, a fractional count", lambda d: _walks(steps=2.5),
     ["steps", "2.5"]),
    ("peak scaled holding -1.0, a sign slipped into a step", lambda d: peak(
        [0.5, -1.0, 2.0], [10.0, 20.0, 15.0]), ["scaled", "-1.0"]),
    ("check_probabilities p summing to 0.5", lambda d: check_probabilities(
        [0.1, 0.2, 0.2]), ["p", "0.5"]),
    ("metropolis_transition_matrix p a (3, 1) column, 2-D for 1-D", lambda d:
        metropolis_transition_matrix(np.array(P3).reshape(3, 1), np.full((3, 3), 1 / 3)),
     ["p", "(3, 1)"]),
    ("check_symmetric_proposal q holding -0.5, a negative probability", lambda d:
        check_symmetric_proposal(np.array([[0.5, 1.0, -0.5], [1.0, 0.5, -0.5],
                                           [-0.5, -0.5, 2.0]]), 3), ["q", "-0.5"]),
    ("find_center a inf, an unbounded end", lambda d: find_center(
        stats.norm.pdf, -5.0, np.inf), ["find_center", "inf"]),
    ("solve_vandermonde s holding None, a missing node", lambda d: solve_vandermonde(
        [0.0, None, 1.0], [1.0, 2.0, 3.0]), ["s", "None"]),
    ("horner a coefficients typed as text", lambda d: horner(["1.0", "2.0"], 0.5),
     ["a", "1.0"]),
    ("check_width a NaN", lambda d: check_width("tails", np.nan, 1.0), ["a", "nan"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a list of four chains, one of them typed as text", lambda d:
        split_rhat(_one_chain_text()), ["split_rhat", "str"]),
    ("ess_tail prob (0.05, 'high'), a word for a tail", lambda d: ess_tail(
        _chains4(), prob=(0.05, "high")), ["prob", "high"]),
    ("mcse_mean draws a (4, 100, 2) array, 3-D", lambda d: mcse_mean(
        np.stack([_chains4(), _chains4()], axis=-1)), ["mcse_mean", "(4, 100, 2)"]),
    ("mcse_sd draws holding inf, a draw overflowed", lambda d: mcse_sd(
        _chains_with(np.inf)), ["mcse_sd", "inf"]),
    ("diagnose draws chains of numbers typed as text", lambda d: diagnose(
        _chains4().astype(str)), ["diagnose", "str"]),
    ("normal_scores x a (2, 2, 2) array, 3-D for draws", lambda d: normal_scores(
        np.arange(8.0).reshape(2, 2, 2)), ["normal_scores", "(2, 2, 2)"]),
    ("quantile_type7 x a (100, 2) matrix, 2-D for 1-D", lambda d: quantile_type7(
        _samples().reshape(100, 2), 0.5), ["x", "(100, 2)"]),
    ("split_chains x holding inf, a draw overflowed", lambda d: split_chains(
        _chains_with(np.inf)), ["split_chains", "inf"]),
    ("ess_mean draws a (4, 100, 2) array, 3-D", lambda d: ess_mean(
        np.stack([_chains4(), _chains4()], axis=-1)), ["ess_mean", "(4, 100, 2)"]),
    ("quantile_type7 x numbers typed as text", lambda d: quantile_type7(
        ["0.5", "-1.0", "2.0"], 0.5), ["x", "0.5"]),
    ("diagnose draws True, a bool for chains", lambda d: diagnose(True),
     ["diagnose", "True"]),
    ("split_rhat draws holding a whole chain of NaN", lambda d: split_rhat(
        np.vstack([_chains4()[:3], np.full((1, 100), np.nan)])), ["split_rhat", "nan"]),
]

TESTING_CASES = [
    ("assert_monotone ppf the text 'norm.ppf', a name for a function", lambda d:
        testing.assert_monotone("norm.ppf", U5), ["ppf", "norm.ppf"]),
    ("assert_monotone u holding inf", lambda d: testing.assert_monotone(
        stats.norm.ppf, np.array([0.1, np.inf, 0.9])), ["u", "inf"]),
    ("assert_inverts u a (5, 1) column, 2-D for 1-D", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, U5.reshape(-1, 1), 1e-6), ["u", "(5, 1)"]),
    ("assert_cdf_matches samples None, never set", lambda d: testing.assert_cdf_matches(
        None, stats.norm.cdf), ["samples", "None"]),
    ("assert_cdf_matches alpha the text 'small'", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alpha="small"), ["alpha", "small"]),
    ("assert_labels_match labels 1.5, a fractional label", lambda d:
        testing.assert_labels_match(np.array([0.0, 1.5, 2.0] * 50), P3), ["labels", "1.5"]),
    ("assert_labels_match p of length 2 for labels 0, 1 and 2", lambda d:
        testing.assert_labels_match(np.array([0, 1, 2] * 50), [0.5, 0.5]), ["p", "2"]),
    ("assert_same_distribution y a (50, 2) matrix, 2-D for 1-D", lambda d:
        testing.assert_same_distribution(_samples(), _samples(100).reshape(50, 2)),
     ["y", "(50, 2)"]),
    ("draws_needed beta the text 'tiny'", lambda d: testing.draws_needed(0.01, beta="tiny"),
     ["beta", "tiny"]),
    ("ks_distance cdf returning strings", lambda d: testing.ks_distance(
        _samples(), _strings_cdf), ["cdf", "str"]),
    ("two_sample_distance y numbers typed as text", lambda d: testing.two_sample_distance(
        _samples(), ["0.5", "-1.0", "2.0"]), ["y", "0.5"]),
    ("chi_square_pvalue p of length 2 for 3 counts", lambda d: testing.chi_square_pvalue(
        [20, 30, 50], [0.5, 0.5]), ["p", "2"]),
    ("chi_square_power alpha -inf", lambda d: testing.chi_square_power(
        P3, Q3, 1000, alpha=-np.inf), ["alpha", "inf"]),
    ("densities beta hi NaN", lambda d: densities.beta(2.0, 2.0, hi=np.nan), ["hi", "nan"]),
    ("densities student_t scale -1.0, a sign slipped in", lambda d: densities.student_t(
        3.0, scale=-1.0), ["scale", "-1.0"]),
    ("densities pareto alpha the text 'two'", lambda d: densities.pareto("two"),
     ["alpha", "two"]),
    ("densities steps heights holding NaN", lambda d: densities.steps(
        [0.0, 1.0, 2.0], [0.5, np.nan]), ["heights", "nan"]),
    ("densities normal_mixture weights holding -0.5", lambda d: densities.normal_mixture(
        [1.5, -0.5], [0.0, 1.0], [1.0, 1.0]), ["weights", "-0.5"]),
    ("strategies u_grids max_size NaN", lambda d: _example(
        strategies.u_grids(max_size=np.nan)), ["max_size", "nan"]),
    ("strategies probability_vectors min_size 2.5, a fractional size", lambda d: _example(
        strategies.probability_vectors(min_size=2.5)), ["min_size", "2.5"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_numbers x complex", lambda d: style.check_numbers(
        "x", np.array([1.0, 2.0, 3.0]) + 0.5j), ["x", "complex"]),
    ("style check_seed seed -1, a sign slipped in", lambda d: style.check_seed(-1),
     ["seed", "-1"]),
    ("style subplots ncols NaN", lambda d: style.subplots(1, np.nan), ["ncols", "nan"]),
    ("style check_record keys holding None, a missing key", lambda d: style.check_record(
        "cfg", {"a": 1}, ("a", None)), ["keys", "None"]),
    ("style check_axes ax None, no axes", lambda d: style.check_axes(None), ["ax", "None"]),
]

VAR = memory.OPT_OUT_VARIABLE                    # "SCRATCHMETA_KEEP_FREED_MEMORY"
MEMORY_CASES = [
    ("keep_freed_memory trim_threshold the text 'big'", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(trim_threshold="big")), ["trim_threshold", "big"]),
    ("keep_freed_memory mmap_threshold the text '64 MiB', a size with its unit", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(mmap_threshold="64 MiB")),
     ["mmap_threshold", "64 MiB"]),
    ("opt-out value 'maybe', neither yes nor no", lambda d: memory.opt_out_value(),
     [VAR, "maybe"], {VAR: "maybe"}),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "find_center a inf, an unbounded end":
        "not a bad input (a slip of mine): an infinite end is a setting the library presents as "
        "valid (ContinuousInverseCDF.from_density's default domain is (-inf, inf)); first run: "
        "silent, no error",
    "assert_labels_match p of length 2 for labels 0, 1 and 2":
        "not a bad input (a slip of mine): a label outside p's range is what the kit's verdict "
        "exists to catch (README: 'no impossible label'); first run: AssertionError 'a label "
        "lies outside 0..1: got 0..2', the kit's own verdict",
    "mcse_mean draws a (4, 100, 2) array, 3-D":
        "not a bad input (a slip of mine): README documents draws of shape (chains, draws, dim) "
        "(only (chains, dim, draws) is refused); first run: silent, array([0.0437, 0.0437]), "
        "one MCSE per coordinate",
    "ess_mean draws a (4, 100, 2) array, 3-D":
        "not a bad input (a slip of mine): README documents draws of shape (chains, draws, dim) "
        "(only (chains, dim, draws) is refused); first run: silent, array([425.0246, "
        "425.0246]), one ESS per coordinate",
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
    'normal_scores x a (2, 2, 2) array, 3-D for draws':
        'silent at c0a0e5f: no error (doubtful: normal_scores documents a score for every entry '
        'of x, ranked over all of them, as quantile_type7 pools; rank_normalize is the one '
        'that reads (chains, draws[, dim]))',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredfifteenth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfifteenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
