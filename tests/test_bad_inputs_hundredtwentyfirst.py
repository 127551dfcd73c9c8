"""A hundred-and-twenty-first battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt121), from the user's side only: README.md (printed in
full, but the display cut about lines 505-630 of it, in "Measured results" between "Speed" and
"How the defaults were chosen", so those were not read); the public names (``__all__`` where
there is one, else ``dir`` filtered to the names each module defines itself) and signatures of
``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and its public modules
(``closed_forms``, ``continuous``, ``diagnostics``, ``discrete``, ``finite_chain``,
``interpolation``, ``metropolis``, ``mixing``, ``quadrature``, ``step_size``, ``tails``;
``sampling.checks`` left out), ``testing``, ``testing.densities``, ``testing.strategies`` and
``figures.style``; the public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``
(signatures only); the two templates, the hundred-and-nineteenth and the hundred-and-seventeenth
batteries, in full; ``tests/test_bad_inputs_cli.py``'s module docstring, first 60 lines, the list
of its function heads, and the bodies of ``classify_call``, ``kept_cases``, ``battery_params``,
``assert_wide_and_new``, ``battery_main`` and the head of ``report_by_area``; the head of the
eighth battery's ``classify_case`` (lines 856-885); the earlier batteries' ids and shared
helpers (imported, not copied: from the fifth ``_example``, ``_metropolis`` and ``_rng``; the
seventeenth ``_samples``; the eighty-seventh ``_then_defaults``; the ninety-sixth
``_under_the_batteries_ulimit``; from the ninety-seventh its constants, ``_chains4`` and
``_sin_loss``; the hundred-and-fifth ``_square_impl`` and ``_square_vjp``; the
hundred-and-seventh ``_normal_sampler`` and ``_walks``; the hundred-and-eleventh
``_discrete``; the hundred-and-seventeenth ``_through``; their signatures
and the constants' values were printed). No body, docstring or source of library code, of
``checks``/``messages``/``protocol``, of the library's history or of /work/main (whose venv's
python alone was run) was read, before or after the first run (``git status`` was the only git
command). Glimpses, disclosed: a grep for helper heads printed the first lines of the fifth's
``_metropolis`` and ``_example``, the hundred-and-seventh's ``_walks`` and the ninety-sixth's
``_under_the_batteries_ulimit`` (its docstring's first lines). After the first run: the values
returned by the silent cases were printed (``check_width`` and ``check_grads`` both returned
None, with no warning). No ``__main__`` module was imported; no ``--help`` was run (this battery
has no command-line case). Writes: none of the cases writes a file. No optional package is
used, so no case is skipped. One case could allocate gigabytes and runs under the ninety-sixth
battery's ``_under_the_batteries_ulimit``: ``ContinuousInverseCDF sample size 10**11`` (kept)
(``metropolis`` and ``fixed_step_chains`` huge counts were drafted, found to repeat
earlier ids, and replaced before the run).

Areas (library side only), as written: the autodiff engine -- cos, neg, abs, tanh, log, max,
min, logsumexp, sum_to, tree_map, tree_flatten, add, mul, power, relu, mean, jvp, trace, grad
(twice), expand_dims, einsum, sigmoid, var, broadcast_to (25); gradcheck -- check_grads (eps,
fun twice, users' Primitives twice) and hvp (fun, users' Primitives twice) (8); samplers --
DiscreteInverseCDF (p, sample size and rng, rvs size, piece_of, from_uniforms_guided),
ContinuousInverseCDF (from_density domain and center, from_uniforms, rvs random_state, sample
size), grid_inverse_cdf (n, lo), metropolis (log_density, n_warmup), weibull,
check_symmetric_proposal, bin_masses, total_variation, fixed_step_chains, solve_vandermonde,
density_values, acceptance_limit, check_width, find_center, explore,
metropolis_transition_matrix, walks_from_one_start (start, chains), horner, integrate (31);
diagnostics -- split_rhat, ess_bulk, ess_tail (twice), ess_mean, mcse_mean, mcse_sd,
rank_normalize, diagnose, split_chains, normal_scores (twice), quantile_type7 (13); the testing
kit (assert_monotone, assert_inverts, assert_cdf_matches twice, assert_labels_match,
assert_same_distribution, draws_needed twice, smallest_detectable, dkw_epsilon, ks_distance,
two_sample_distance, chi_square_pvalue, chi_square_power), its densities (beta, laplace,
student_t, pareto, triangular, uniform, steps, normal_mixture) and strategies
(probability_vectors, u_grids, symmetric_proposals) (25); ``figures.style`` check_seed (twice),
check_numbers, subplots (4); ``memory`` keep_freed_memory (twice), the opt-out variable,
keep_freed_memory_unless_opted_out (4): 110 written. Dtypes: float64 and float32 are valid by
the README, float16 is the earlier batteries', so the dtype cases are of other kinds
(timedelta64, datetime64, complex, object, Fraction).

Kinds of bad value (the issue's own, each on a function or argument not tried with it, as far
as the repeats check below could tell):
- a wrong type: timedelta64 or datetimes for numbers (cos, log, min, add, logsumexp, sigmoid;
  metropolis log_density returning timedelta64, diagnose, quantile_type7 x,
  assert_cdf_matches cdf returning timedelta64, check_grads fun returning a timedelta); a bool
  for a number (tanh True); a word for a number (abs 'minus two', power exponent 'two',
  DiscreteInverseCDF sample size 'five' and rvs size 'ten', weibull shape 'two',
  acceptance_limit 'big', integrate n 'eight', draws_needed discrepancy 'small',
  chi_square_power alpha 'tiny', assert_cdf_matches alpha 'strict', u_grids max_size
  'fifty', symmetric_proposals n 'three');
  numbers typed as text (horner s '0.5', walks_from_one_start start '0.0'); a word among numbers
  (normal_scores (0.5, 'one')); a name for a function (tree_map f 'sin'); words for masses
  (DiscreteInverseCDF p); complex where real is meant (max, sum_to, mul, mean, var,
  density_values x, grad of a fun returning a complex number); an object array of floats
  (grad's point); Fractions for draws (mcse_mean); a dict where an array is meant (neg, relu,
  ess_tail, ess_mean, ks_distance samples); a set where an ordered array is meant
  (tree_flatten, split_rhat, mcse_sd, split_chains, normal_scores, assert_monotone u,
  assert_inverts u, assert_labels_match p, assert_same_distribution y, style check_numbers x,
  style check_seed); a list or tuple where one number is meant (metropolis n_warmup [10],
  find_center center, dkw_epsilon n [100], style subplots nrows [1, 2], keep_freed_memory
  mmap_threshold and trim_threshold as one-entry tuples); a string among chains (ess_bulk); None
  for one object
  (DiscreteInverseCDF from_uniforms_guided u, ContinuousInverseCDF from_uniforms u,
  grid_inverse_cdf lo, total_variation samples, explore b, two_sample_distance x,
  chi_square_pvalue counts, rank_normalize (chain, None)); the numpy.random module where a
  Generator is meant (DiscreteInverseCDF sample rng); a fractional count (fixed_step_chains
  chains 2.5); one number where an array of edges is meant (bin_masses edges 0.0); an env value
  neither yes nor no ('keep', 'no thanks');
- out of range: inf (DiscreteInverseCDF piece_of u, from_density center, solve_vandermonde y,
  check_width b, densities laplace scale and triangular hi, probability_vectors max_size,
  style check_seed), negative (check_grads eps, ContinuousInverseCDF rvs random_state,
  check_symmetric_proposal n, smallest_detectable n, draws_needed samples, densities student_t
  df, densities steps a height, broadcast_to a size), zero (grid_inverse_cdf n,
  walks_from_one_start chains, metropolis_transition_matrix p all zeros, densities beta a and
  pareto alpha), a zero width
  (from_density domain (0.0, 0.0), densities uniform lo equal to hi), an axis out of range
  (expand_dims -4), huge (ContinuousInverseCDF sample size 10**11, under
  ``_under_the_batteries_ulimit``);
- a wrong shape: two tangents for one primal (jvp), no point for a one-argument fun (trace),
  an output index repeated (einsum 'ij->ii'), infinite locs (normal_mixture);
- a user's function that misbehaves: a fun returning a complex number (grad), a (1, 1) matrix
  (hvp), the (3, 3) outer product (check_grads) or a timedelta (check_grads); a Primitive whose
  vjp returns complex values (hvp) or text (check_grads), whose impl returns complex values
  (check_grads) or NaN for every entry (hvp); a log-density returning timedelta64 (metropolis);
  a cdf returning timedelta64 (assert_cdf_matches).
No degenerate data of the issue's own rule (too-short or constant chains), no file or path case
and no mismatch between runs (these areas have none but ``style.save``, whose path kinds the
earlier batteries hold).

Repeats: every id of the earlier batteries (15,467 distinct quoted first elements of tuples in
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex; some are not
ids) was compared with the file before the run for exact ids, case-insensitively (none in the
file as run; twenty-three in the drafts, replaced, among them logsumexp of a complex vector,
check_grads eps inf and rtol -1e-06, DiscreteInverseCDF ppf u holding inf, metropolis
log_density returning text and step_size inf, logistic scale inf, metropolis_transition_matrix
Q not symmetric, integrate f returning text and lo NaN, check_width a NaN, rank_normalize draws
complex, normal_scores x holding inf, assert_monotone u holding NaN, assert_same_distribution y
empty, draws_needed samples 0, two_sample_distance y None, densities student_t scale -1.0,
style check_numbers x complex, the opt-out value 'maybe', find_center b NaN, ess_bulk draws of
Fractions, chi_square_power q None). Then for every drafted id the earlier ids sharing its first
two words (three for densities, strategies, style, keep_freed_memory, grad, jacobian, hessian,
jvp, value_and_grad, metropolis, check_grads, hvp and the two sampler classes), then the
earlier ids sharing all but the last word of its head (the part before a comma), and keyword
greps by hand for the other prefixes the earlier batteries use ('continuous ...', 'from_ppf
...', 'discrete ...'), were printed and read, and drafts sharing an earlier substance were
replaced before the run (about eighty, over four rounds of a first draft of 136: among them
log of a list holding None, max axis 1.5, min keepdims 'yes', sum_to shape (4,) for (2, 3),
add of shapes that do not broadcast, mul of a vector and None, relu of timedelta64, mean axis
a word, norm axis a float, grad argnums 1 of one argument, hessian of a fun returning a string,
trace fun None, Primitive impl None and name an int, expand_dims axis 5, stack of an empty
list, var ddof fractional, std ddof equal to the length, check_grads order 2.5, atol a word and
fun returning text, hvp x None, v text, fun returning a vector and a Primitive's vjp NaN,
DiscreteInverseCDF p all zeros and a negative mass, sample size -1 and rng None, piece_of u
-0.1, from_density u_resolution above one, pdf returning text or complex, from_ppf ppf
decreasing or a string, u_error sample_size 0, grid_inverse_cdf n True and pdf returning None,
metropolis n_steps negative or huge, n_warmup 2.5, step_size negative, target_acceptance 1.5,
x0 infinite or of timedelta64, rng a list, exponential rate negative, pareto alpha a word,
optimal_acceptance dim 2.5, Q rows not summing to one, fixed_step_chains rng a seed and steps
10**12, solve_vandermonde s repeated, density_values pdf None, acceptance_1d h negative,
find_center center a string, pdf returning strings, b a string, explore f None, split_rhat a list
of strings, timedelta64 and an object array, ess_bulk a dict, -inf and ragged chains, ess_tail
prob words, mcse_mean None, rank_normalize None and holding inf, diagnose 4-D, split_chains
None, normal_scores complex, quantile_type7 prob a word, x None and holding NaN,
assert_inverts u_resolution negative and cdf returning a string, assert_cdf_matches samples
None and cdf returning strings, assert_labels_match labels fractional and alpha 0.95,
assert_same_distribution y holding inf, draws_needed beta a power, dkw_epsilon n 0, ks_distance
cdf above 1 and samples holding NaN, chi_square_pvalue p not summing to one, chi_square_power n
2.5 and q with NaN, densities beta lo above hi, triangular mode outside, normal_mixture a
negative weight and a zero scale, probability_vectors min_size negative, style check_seed -1,
check_numbers shape (-1,) and name None, subplots size a word, nrows 0 and ncols fractional,
check_record keys None, name None and value None, keep_freed_memory mmap_threshold with a unit,
None and a list of two sizes, trim_threshold 2**70 and a set, walks_from_one_start step_sizes a
list and start None, the opt-out value '-1'). Kept although near an earlier id, as a new
instance: DiscreteInverseCDF piece_of u inf (earlier -0.5, 1.5, NaN, None, text);
from_uniforms_guided u None (earlier complex, NaN); ContinuousInverseCDF from_uniforms u None
(earlier a list holding None); from_density center inf (earlier NaN) and domain (0.0, 0.0)
(earlier (0.0, NaN) and swapped ends; find_center's a and b both 0.0); mcse_mean draws of
Fractions (earlier Decimals); diagnose and quantile_type7 draws of timedelta64 (earlier
Decimals/Fractions there, timedelta64 on other diagnostics); walks_from_one_start start the
text '0.0' (earlier a str subclass); densities laplace scale inf, student_t df -1.0, pareto
alpha 0 and beta a 0 (earlier other values of the same arguments); probability_vectors
max_size inf (earlier 0, 2.5, sys.maxsize); style check_seed inf (earlier NaN, 2**64);
keep_freed_memory mmap_threshold (65536,) (earlier a list of two sizes) and trim_threshold
(268435456,) (earlier a dict, a set); check_grads eps -1e-06 (earlier -0.0 and a 0-d negative);
hvp fun returning a (1, 1) matrix (earlier a vector; check_grads a (1,) vector); check_grads
through a Primitive whose vjp returns text (earlier its impl returning formatted values, and a
vjp rule given as a string) and whose impl returns complex values (earlier jvp's); hvp through
a Primitive whose vjp returns complex values (earlier check_grads and grad) and whose impl is
NaN (earlier check_grads); tanh of True, the engine's timedelta64 and complex cases and grad at
an object array (earlier the same kinds on other ops or on check_grads/hvp); the set and dict
cases on the diagnostics and the kit (earlier on other functions of theirs). Missed, found
while writing this docstring: none.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 64 of the 110. After the
first run no case was added, dropped, reordered, swapped, reworded or corrected (an unused
import of the hundred-and-eleventh's ``_chains_with`` was removed, which changes no case; the
three runs repeated after it gave the same results).

First run (under ``ulimit -v 8000000``; kept about 3 s, --written about 3 s; pytest 4 s): kept,
61 of 64 clear (95.3%), 2 unclear, 1 silent, 0 data loss -- engine 14/15 (1 unclear),
gradcheck 3/4 (1 unclear), samplers 18/19 (1 silent), diagnostics 7/7, testing kit 15/15,
figures 2/2, memory 2/2. Written, 105 of 110 clear (95.5%), 3 unclear, 2 silent, 0 data loss
-- engine 23/25 (2 unclear), gradcheck 6/8 (1 unclear, 1 silent), samplers 30/31 (1 silent),
diagnostics 13/13, testing kit 25/25, figures 4/4, memory 4/4. Under pytest: 62 passed (61
cases and the wide-and-new test), 3 failed (the kept cases below; NOT_CLEAR_YET is left empty
for the lead).

Not clear, kept:
- ``mean of a complex matrix`` (wrong type): unclear by my mention -- TypeError "sum: cannot
  apply to (2, 3) of dtype complex128: x must be an array of real numbers, got (2, 3) of dtype
  complex128; the engine has no complex numbers": names sum, the op mean calls, not mean (as the
  hundred-and-nineteenth's std of a complex vector). Doubtful: the dtype and the rule are
  stated.
- ``hvp fun returning a (1, 1) matrix, not a number`` (a function that misbehaves): unclear by
  my mention -- ValueError "hvp: grad needs fun to return a scalar, but it returned an output
  of shape (1, 1); reduce it first, e.g. with sum": names hvp, the shape and the fix, not my
  function's name _matrix11_loss. Doubtful: clear in substance (there is one fun).
- ``check_width b inf`` (out of range): silent -- returned None, no error or warning. Doubtful,
  perhaps my slip: the README refuses "a finite domain whose width overflows", and infinite
  domains are the samplers' default ((-inf, inf)), so an infinite end may be valid for
  check_width; left as written (the rule forbids changing it for its result, and it is not
  outright a good input).
Not clear, written and not kept:
- ``var of a complex vector``: unclear -- TypeError "sum: cannot apply to (3,) of dtype
  complex128: ... the engine has no complex numbers": names sum, not var.
- ``check_grads fun returning the (3, 3) outer product, not a number``: silent -- returned
  None, no error or warning. Doubtful: check_grads may check vector-valued functions through
  their VJPs (as HIPS autograd's does), so a matrix output may be valid there.

Measured on main at b5dbfe6, the commit it was written at, blind (the lead reran it there,
with the hundred-and-twentieth beside it): kept, 61 of 64 clear (95.3%), 2 unclear, 1 silent,
0 data loss; the pair, 123 of 127 (96.9%). All three stay strict xfails: two doubtful, one
not a bad input (an infinite end of a domain).
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose, ess_bulk,
                                  ess_mean, ess_tail, grid_inverse_cdf, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7, split_chains
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.sampling.interpolation import horner, solve_vandermonde
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.step_size import acceptance_limit, fixed_step_chains
from scratchmeta.sampling.tails import check_width, explore, find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetysixth import _under_the_batteries_ulimit
from test_bad_inputs_ninetyseventh import EDGES, M23, P3, U5, X3, _chains4, _sin_loss
from test_bad_inputs_hundredfifth import _square_impl, _square_vjp
from test_bad_inputs_hundredseventh import _normal_sampler, _walks
from test_bad_inputs_hundredeleventh import _discrete
from test_bad_inputs_hundredseventeenth import _complex_impl, _through


# --- the engine and gradcheck: users' functions and rules that misbehave -----------------------

TD3 = np.arange(3).astype("timedelta64[s]")
DATES3 = np.datetime64("2026-01-01") + np.arange(3).astype("timedelta64[D]")


def _one_arg_sin(x):
    return ad.sum(ad.sin(x))


def _complex_loss(x):
    """A 'loss' with a phase factor left in: a complex number."""
    return complex(float(np.sum(ad.stop_gradient(x) ** 2)), 0.5)


def _timedelta_loss(x):
    """A 'loss' returning the time the step took, a datetime.timedelta."""
    import datetime
    return datetime.timedelta(seconds=float(np.sum(ad.stop_gradient(x) ** 2)))


def _outer_loss(x):
    """A 'loss' that forgets to reduce: the (n, n) outer product of x with itself."""
    return ad.mul(ad.reshape(x, (-1, 1)), ad.reshape(x, (1, -1)))


def _matrix11_loss(x):
    """A 'loss' kept as a (1, 1) matrix (keepdims left in)."""
    return ad.reshape(ad.sum(ad.mul(x, x)), (1, 1))


def _text_vjp(g, ans, x):
    """A vjp rule returning its values formatted as text."""
    return np.char.mod("%.3f", np.ravel(ad.stop_gradient(2.0 * x)))


def _complex_vjp(g, ans, x):
    """A vjp rule with a phase factor left in: complex values."""
    return np.asarray(ad.stop_gradient(g * 2.0 * x)) + 0.5j


def _nan_impl(x):
    """A Primitive's impl that is NaN for every entry (0/0 left in)."""
    return np.full(np.shape(x), np.nan)


# --- samplers and diagnostics: functions and data that misbehave ------------------------------

def _timedelta_log_density(x):
    """A log-density returning timedelta64 values, one per chain."""
    return np.zeros(np.shape(x)[0]).astype("timedelta64[s]")


def _timedelta_cdf(x):
    """A cdf returning timedelta64 values (a unit conversion gone wrong)."""
    return (1000 * stats.norm.cdf(np.asarray(x, dtype=float))).astype("timedelta64[ms]")


def _fraction_chains():
    """Four chains of Fractions (a CSV read with fractions.Fraction)."""
    from fractions import Fraction
    return np.array([[Fraction(float(v)).limit_denominator(1000) for v in c]
                     for c in _chains4()], dtype=object)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("cos of a vector of timedelta64", lambda d: ad.cos(TD3), ["cos", "timedelta"]),
    ("neg of a dict {'x': 1.0}, a record for an array", lambda d: ad.neg({"x": 1.0}),
     ["neg", "dict"]),
    ("abs of the word 'minus two'", lambda d: ad.abs("minus two"), ["abs", "minus two"]),
    ("tanh of the bool True, a flag for a number", lambda d: ad.tanh(True),
     ["tanh", "True"]),
    ("log of a vector of timedelta64", lambda d: ad.log(TD3), ["log", "timedelta"]),
    ("max of a complex vector", lambda d: ad.max(X3 + 0.5j), ["max", "complex"]),
    ("min of a vector of timedelta64", lambda d: ad.min(TD3), ["min", "timedelta"]),
    ("logsumexp of a vector of datetimes", lambda d: ad.logsumexp(DATES3),
     ["logsumexp", "datetime"]),
    ("sum_to of a complex matrix to (3,)", lambda d: ad.sum_to(M23 + 0.5j, (3,)),
     ["sum_to", "complex"]),
    ("tree_map f the text 'sin', a name for a function", lambda d: ad.tree_map(
        "sin", [X3]), ["f", "sin"]),
    ("tree_flatten tree a set {1.0, 2.0}, no order", lambda d: ad.tree_flatten({1.0, 2.0}),
     ["tree", "set"]),
    ("add of a vector and a vector of timedelta64", lambda d: ad.add(X3, TD3),
     ["add", "timedelta"]),
    ("mul of a vector and the complex number 0.5j", lambda d: ad.mul(X3, 0.5j),
     ["mul", "complex"]),
    ("power exponent the word 'two'", lambda d: ad.power(X3, "two"), ["power", "two"]),
    ("relu of a dict {'w': vector}, tree_map meant", lambda d: ad.relu({"w": X3}),
     ["relu", "dict"]),
    ("mean of a complex matrix", lambda d: ad.mean(M23 + 0.5j), ["mean", "complex"]),
    ("jvp two tangents for one primal", lambda d: ad.jvp(ad.sin, (X3,), (X3, X3)),
     ["tangents", "2"]),
    ("trace of a one-argument fun given no point", lambda d: ad.trace(_one_arg_sin),
     ["_one_arg_sin", "x"]),
    ("grad of a fun returning a complex number", lambda d: ad.grad(_complex_loss)(X3),
     ["_complex_loss", "complex"]),
    ("expand_dims axis -4 of a matrix, before the first", lambda d: ad.expand_dims(M23, -4),
     ["axis", "-4"]),
    ("einsum subscripts 'ij->ii', an output index repeated", lambda d: ad.einsum(
        "ij->ii", M23), ["einsum", "ij->ii"]),
    ("sigmoid of a vector of datetimes", lambda d: ad.sigmoid(DATES3),
     ["sigmoid", "datetime"]),
    ("var of a complex vector", lambda d: ad.var(X3 + 0.5j), ["var", "complex"]),
    ("broadcast_to shape (-2, 3), a negative size", lambda d: ad.broadcast_to(X3, (-2, 3)),
     ["broadcast_to", "-2"]),
    ("grad of sin-sum at an object array of floats", lambda d: ad.grad(_one_arg_sin)(
        np.array([0.5, -1.0, 2.0], dtype=object)), ["grad", "object"]),
]

GRADCHECK_CASES = [
    ("check_grads eps -1e-06, a sign slipped in", lambda d: check_grads(
        _sin_loss, (X3,), eps=-1e-6), ["eps", "-1e-06"]),
    ("check_grads fun returning a datetime.timedelta", lambda d: check_grads(
        _timedelta_loss, (X3,)), ["_timedelta_loss", "timedelta"]),
    ("check_grads fun through a Primitive whose impl returns complex values", lambda d:
        check_grads(_through("my_compleximpl", _complex_impl, _square_vjp), (X3,)),
     ["my_compleximpl", "complex"]),
    ("hvp fun returning a (1, 1) matrix, not a number", lambda d: hvp(
        _matrix11_loss, X3, np.ones(3)), ["_matrix11_loss", "(1, 1)"]),
    ("hvp fun through a Primitive whose vjp returns complex values", lambda d: hvp(
        _through("my_complexvjp", _square_impl, _complex_vjp), X3, np.ones(3)),
     ["my_complexvjp", "complex"]),
    ("check_grads fun through a Primitive whose vjp returns text", lambda d: check_grads(
        _through("my_textvjp", _square_impl, _text_vjp), (X3,)), ["my_textvjp", "str"]),
    ("check_grads fun returning the (3, 3) outer product, not a number", lambda d:
        check_grads(_outer_loss, (X3,)), ["_outer_loss", "(3, 3)"]),
    ("hvp fun through a Primitive whose impl is NaN for every entry", lambda d: hvp(
        _through("my_nanimpl", _nan_impl, _square_vjp), X3, np.ones(3)),
     ["my_nanimpl", "nan"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p words ['a', 'b', 'c']", lambda d: DiscreteInverseCDF(
        ["a", "b", "c"]), ["p", "a"]),
    ("DiscreteInverseCDF sample size the word 'five'", lambda d: _discrete().sample(
        "five", _rng()), ["size", "five"]),
    ("DiscreteInverseCDF sample rng the numpy.random module", lambda d: _discrete().sample(
        5, np.random), ["rng", "numpy.random"]),
    ("DiscreteInverseCDF rvs size the word 'ten'", lambda d: _discrete().rvs(
        "ten", random_state=0), ["size", "ten"]),
    ("DiscreteInverseCDF piece_of u inf", lambda d: _discrete().piece_of(np.inf),
     ["u", "inf"]),
    ("DiscreteInverseCDF from_uniforms_guided u None", lambda d:
        _discrete().from_uniforms_guided(None), ["u", "None"]),
    ("ContinuousInverseCDF from_density domain (0.0, 0.0), no width", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, domain=(0.0, 0.0)),
     ["domain", "0.0"]),
    ("ContinuousInverseCDF from_density center inf", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, center=np.inf), ["center", "inf"]),
    ("ContinuousInverseCDF from_uniforms u None", lambda d:
        _normal_sampler().from_uniforms(None), ["u", "None"]),
    ("ContinuousInverseCDF rvs random_state -1, a negative seed", lambda d:
        _normal_sampler().rvs(3, random_state=-1), ["random_state", "-1"]),
    ("ContinuousInverseCDF sample size 10**11, far past memory", lambda d:
        _under_the_batteries_ulimit(lambda: _normal_sampler().sample(10 ** 11, _rng())),
     ["size", "100000000000"]),
    ("grid_inverse_cdf n 0, no grid points", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, 5.0, n=0), ["n", "0"]),
    ("grid_inverse_cdf lo None, an end never set", lambda d: grid_inverse_cdf(
        stats.norm.pdf, None, 5.0), ["lo", "None"]),
    ("metropolis log_density returning timedelta64 values", lambda d: _metropolis(
        log_density=_timedelta_log_density), ["_timedelta_log_density", "timedelta"]),
    ("metropolis n_warmup a list [10], one count in a list", lambda d: _metropolis(
        n_warmup=[10]), ["n_warmup", "[10]"]),
    ("weibull shape the word 'two'", lambda d: sampling.weibull("two"), ["shape", "two"]),
    ("check_symmetric_proposal n -3, a sign slipped in", lambda d: check_symmetric_proposal(
        np.full((3, 3), 1 / 3), -3), ["n", "-3"]),
    ("bin_masses edges the number 0.0, one edge", lambda d: bin_masses(0.0, stats.norm.cdf),
     ["edges", "0.0"]),
    ("total_variation samples None, no draws", lambda d: total_variation(
        None, EDGES, stats.norm.cdf), ["samples", "None"]),
    ("fixed_step_chains chains 2.5, a fractional count", lambda d: fixed_step_chains(
        2, 1.0, 2.5, 10, _rng()), ["chains", "2.5"]),
    ("solve_vandermonde y holding inf", lambda d: solve_vandermonde(
        [0.0, 0.5, 1.0], [1.0, np.inf, 3.0]), ["y", "inf"]),
    ("density_values x complex points", lambda d: density_values(stats.norm.pdf, X3 + 0.5j),
     ["x", "complex"]),
    ("acceptance_limit scaled the word 'big'", lambda d: acceptance_limit("big"),
     ["scaled", "big"]),
    ("check_width b inf", lambda d: check_width("domain", 0.0, np.inf), ["b", "inf"]),
    ("find_center center a list [0.0, 1.0], two centres for one", lambda d: find_center(
        stats.norm.pdf, -5.0, 5.0, center=[0.0, 1.0]), ["center", "[0.0, 1.0]"]),
    ("explore b None, an end never set", lambda d: explore(
        stats.norm.pdf, stats.norm.pdf, -5.0, None), ["b", "None"]),
    ("metropolis_transition_matrix p all zeros, no mass", lambda d:
        metropolis_transition_matrix([0.0, 0.0, 0.0], np.full((3, 3), 1 / 3)), ["p", "0"]),
    ("walks_from_one_start start the text '0.0', a number typed as text", lambda d: _walks(
        start="0.0"), ["start", "0.0"]),
    ("walks_from_one_start chains 0, no chains", lambda d: _walks(chains=0),
     ["chains", "0"]),
    ("horner s the text '0.5', a number typed as text", lambda d: horner(
        np.ones((5, 1)), "0.5"), ["s", "0.5"]),
    ("integrate n the word 'eight'", lambda d: integrate(np.sin, 0.0, 1.0, n="eight"),
     ["n", "eight"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a set of one chain's draws", lambda d: split_rhat(
        set(_chains4()[0])), ["split_rhat", "set"]),
    ("ess_bulk draws a tuple of two chains, one of them a string", lambda d: ess_bulk(
        (_chains4()[0], "chain2.csv")), ["ess_bulk", "chain2.csv"]),
    ("ess_tail prob (-0.05, 0.95), a sign slipped in", lambda d: ess_tail(
        _chains4(), prob=(-0.05, 0.95)), ["prob", "-0.05"]),
    ("ess_tail draws a dict of chains", lambda d: ess_tail(
        {"a": _chains4()[0], "b": _chains4()[1]}), ["ess_tail", "dict"]),
    ("ess_mean draws a dict of chains", lambda d: ess_mean(
        {"a": _chains4()[0], "b": _chains4()[1]}), ["ess_mean", "dict"]),
    ("mcse_mean draws of Fractions", lambda d: mcse_mean(_fraction_chains()),
     ["mcse_mean", "Fraction"]),
    ("mcse_sd draws a set of one chain's draws", lambda d: mcse_sd(set(_chains4()[0])),
     ["mcse_sd", "set"]),
    ("rank_normalize draws a tuple of a chain and None", lambda d: rank_normalize(
        (_chains4()[0], None)), ["rank_normalize", "None"]),
    ("diagnose draws of timedelta64", lambda d: diagnose(
        np.arange(400).reshape(4, 100).astype("timedelta64[s]")), ["diagnose", "timedelta"]),
    ("split_chains x a set of draws", lambda d: split_chains(set(_chains4()[0])),
     ["split_chains", "set"]),
    ("normal_scores x a set of draws", lambda d: normal_scores(set(_chains4()[0])),
     ["normal_scores", "set"]),
    ("quantile_type7 x of timedelta64", lambda d: quantile_type7(
        np.arange(100).astype("timedelta64[s]"), 0.5), ["x", "timedelta"]),
    ("normal_scores x a tuple (0.5, 'one'), a word among numbers", lambda d: normal_scores(
        (0.5, "one")), ["normal_scores", "one"]),
]

TESTING_CASES = [
    ("assert_monotone u a set of uniforms", lambda d: testing.assert_monotone(
        stats.norm.ppf, set(U5)), ["u", "set"]),
    ("assert_inverts u a set of uniforms", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, set(U5), 1e-6), ["u", "set"]),
    ("assert_cdf_matches alpha the word 'strict'", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alpha="strict"), ["alpha", "strict"]),
    ("assert_cdf_matches cdf returning timedelta64 values", lambda d:
        testing.assert_cdf_matches(_samples(), _timedelta_cdf),
     ["_timedelta_cdf", "timedelta"]),
    ("assert_labels_match p a set of masses {0.2, 0.3, 0.5}", lambda d:
        testing.assert_labels_match(np.array([0, 1, 2] * 50), {0.2, 0.3, 0.5}), ["p", "set"]),
    ("assert_same_distribution y a set of draws", lambda d:
        testing.assert_same_distribution(_samples(), set(_samples(100))), ["y", "set"]),
    ("draws_needed discrepancy the word 'small'", lambda d: testing.draws_needed("small"),
     ["discrepancy", "small"]),
    ("draws_needed samples -3, a sign slipped in", lambda d: testing.draws_needed(
        0.01, samples=-3), ["samples", "-3"]),
    ("smallest_detectable n -5, a sign slipped in", lambda d: testing.smallest_detectable(
        -5), ["n", "-5"]),
    ("dkw_epsilon n a list [100], one count in a list", lambda d: testing.dkw_epsilon(
        [100]), ["n", "[100]"]),
    ("ks_distance samples a dict of draws", lambda d: testing.ks_distance(
        {"a": _samples()}, stats.norm.cdf), ["samples", "dict"]),
    ("two_sample_distance x None", lambda d: testing.two_sample_distance(None, _samples()),
     ["x", "None"]),
    ("chi_square_pvalue counts None", lambda d: testing.chi_square_pvalue(None, P3),
     ["counts", "None"]),
    ("chi_square_power alpha the word 'tiny'", lambda d: testing.chi_square_power(
        P3, [0.25, 0.25, 0.5], 1000, alpha="tiny"), ["alpha", "tiny"]),
    ("densities beta a 0, no mass near one end", lambda d: densities.beta(0.0, 2.0),
     ["a", "0"]),
    ("densities laplace scale inf", lambda d: densities.laplace(scale=np.inf),
     ["scale", "inf"]),
    ("densities student_t df -1.0, a sign slipped in", lambda d: densities.student_t(-1.0),
     ["df", "-1.0"]),
    ("densities pareto alpha 0, no tail", lambda d: densities.pareto(0.0), ["alpha", "0"]),
    ("densities triangular hi inf", lambda d: densities.triangular(0.0, 0.5, np.inf),
     ["hi", "inf"]),
    ("densities uniform lo equal to hi, no width", lambda d: densities.uniform(0.5, 0.5),
     ["lo", "0.5"]),
    ("densities steps a negative height", lambda d: densities.steps(
        [0.0, 1.0, 2.0], [0.5, -0.5]), ["heights", "-0.5"]),
    ("densities normal_mixture locs holding inf", lambda d: densities.normal_mixture(
        [0.5, 0.5], [0.0, np.inf], [1.0, 1.0]), ["locs", "inf"]),
    ("strategies probability_vectors max_size inf", lambda d: _example(
        strategies.probability_vectors(max_size=np.inf)), ["max_size", "inf"]),
    ("strategies u_grids max_size the word 'fifty'", lambda d: _example(
        strategies.u_grids(max_size="fifty")), ["max_size", "fifty"]),
    ("strategies symmetric_proposals n the word 'three'", lambda d: _example(
        strategies.symmetric_proposals("three")), ["n", "three"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_seed seed inf", lambda d: style.check_seed(np.inf), ["seed", "inf"]),
    ("style check_numbers x a set of numbers", lambda d: style.check_numbers(
        "x", {0.5, 1.0, 2.0}), ["x", "set"]),
    ("style subplots nrows a list [1, 2]", lambda d: style.subplots([1, 2], 1),
     ["nrows", "[1, 2]"]),
    ("style check_seed seed a set {0}", lambda d: style.check_seed({0}), ["seed", "set"]),
]

VAR = memory.OPT_OUT_VARIABLE                    # "SCRATCHMETA_KEEP_FREED_MEMORY"
MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a tuple (65536,)", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(mmap_threshold=(65536,))),
     ["mmap_threshold", "(65536,)"]),
    ("keep_freed_memory trim_threshold a tuple (268435456,)", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(trim_threshold=(268435456,))),
     ["trim_threshold", "(268435456,)"]),
    ("opt-out value 'keep', a word for the setting", lambda d: memory.opt_out_value(),
     [VAR, "keep"], {VAR: "keep"}),
    ("keep_freed_memory_unless_opted_out with the opt-out value 'no thanks'", lambda d:
        _then_defaults(memory.keep_freed_memory_unless_opted_out), [VAR, "no thanks"],
     {VAR: "no thanks"}),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 2)."""
    return kept_cases(cases, (1, 2), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    'hvp fun returning a (1, 1) matrix, not a number':
        'unclear at b5dbfe6: does not name the function: "hvp: grad needs fun to return a '
        'scalar, but it returned an output of shape (1, 1); reduce it first, e.g. with sum" '
        '(doubtful: fun, the shape and the fix are said)',
    'check_width b inf':
        'silent at b5dbfe6: no error (not a bad input, as its writer suspected: an infinite '
        'end is how a sampler\'s domain says unbounded, and check_width checks finite widths)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredtwentyfirst_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredtwentyfirst.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
