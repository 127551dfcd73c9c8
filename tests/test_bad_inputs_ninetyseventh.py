"""A ninety-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit e2d0b4e, from the user's side only: the public names (``__all__`` where
there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``, ``gradcheck``,
``memory``, ``sampling`` and its modules, the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF``, ``testing``, ``testing.densities``, ``testing.strategies`` and
``figures.style``; the ninety-fifth and ninety-third batteries (the templates);
``tests/test_bad_inputs_cli.py``'s classification, ``_snapshot``/``_loss``, ``kept_cases``/
``battery_params``/``assert_wide_and_new`` and the eighth battery's ``classify_case`` and
``_classify_figures_call``; the earlier batteries' ids (grepped for kinds) and shared helpers
(imported, not copied: ``_read_only``, ``_metropolis`` and its ``_log_density``, ``_rng``,
``_example``, ``_samples``, ``_chains``, ``_plt``, ``_then_defaults``). No docstring or source
of the library was read, before or after the first run; nothing of its validation code, its
history, or /work/main (whose venv's python alone was run). No ``__main__`` module was
imported. Writes: only ``style.save`` could write (two cases): into the case's temporary
folder (the figures' classifier runs with that folder as the working directory, so an empty
out_dir lands there) or into ``_read_only``'s place (/proc as root), which cannot be written.
No optional package is used, so no case is skipped.

Areas (library side only), as written: the autodiff engine -- sigmoid, expm1, cosh, relu, prod,
sum_to, stack, reshape, hessian, jvp, jacobian, grad, value_and_grad, transpose, matmul, std,
tanh, stop_gradient, Primitive, sub, matrix_transpose, sum, mean, concatenate (25); gradcheck --
check_grads, hvp (8); samplers -- DiscreteInverseCDF (p, ppf), ContinuousInverseCDF.ppf,
from_ppf, from_density, grid_inverse_cdf, find_center, metropolis,
metropolis_transition_matrix, total_variation, pooled_total_variation, step_size_sweep,
logistic.ppf, cauchy.ppf (28); diagnostics -- split_rhat, ess_tail, quantile_type7, mcse_sd,
ess_bulk, rank_normalize, mcse_mean, ess_mean (10); the testing kit (assert_monotone,
assert_inverts, assert_cdf_matches, ks_distance, assert_same_distribution, dkw_epsilon,
draws_needed, smallest_detectable, assert_labels_match, two_sample_distance,
chi_square_pvalue, chi_square_power), its densities (beta, laplace, normal_mixture) and
strategies (u_grids, symmetric_proposals) (20); ``figures.style`` save, subplots,
check_numbers (5); ``memory.keep_freed_memory`` (2): 98.

Kinds of bad value (the issue's own, each on a function or argument not tried with it):
- a user's function that misbehaves: forgets to return, giving None (hessian, jvp, from_ppf's
  ppf, grid_inverse_cdf's and find_center's pdf, assert_monotone's ppf, the cdf of
  assert_inverts, assert_cdf_matches and ks_distance), returns a complex value (jacobian), a
  formatted string (check_grads), a generator from ``yield`` (check_grads, hvp), a Primitive
  impl returning a list (grad); the wrong function passed: the ppf again as from_ppf's cdf, the
  scipy logpdf as find_center's pdf;
- a wrong type: a number typed as text (sigmoid '0.5', relu ['1.5', '-2.0'], sub '1', mean
  ['0.5', '1.5'], assert_labels_match labels '0'..'2' read from a CSV), None (expm1,
  matrix_transpose, sum_to shape, check_grads eps, draws_needed alpha, assert_labels_match
  alpha, chi_square_power n, densities laplace loc, normal_mixture scales, u_grids max_size,
  symmetric_proposals n), a list or array holding None for a missing value (cosh, sum, stack
  xs, mcse_sd, ess_bulk, two_sample_distance y, chi_square_pvalue counts, check_numbers), a word
  for a bool (prod keepdims 'yes'), a dict of parameters where an array is meant (tanh), a
  ragged list (stop_gradient), a bare array where a tuple is meant (check_grads args), a bin
  count where edges are meant (total_variation edges 10, np.histogram's habit), raw counts
  where probabilities are meant (DiscreteInverseCDF p);
- out of range: a percentile 50.0 or (5, 95) for a probability (DiscreteInverseCDF.ppf,
  ess_tail), u -0.25, 1.5, NaN (ContinuousInverseCDF.ppf, logistic.ppf, cauchy.ppf), alpha 0
  (assert_same_distribution, dkw_epsilon, smallest_detectable), b 0 (densities beta), bounds
  swapped or of zero width (grid_inverse_cdf lo/hi, find_center a/b, from_density domain), n 1
  (grid_inverse_cdf), Q rows summing to 1.5 and Q with negative entries
  (metropolis_transition_matrix), dims 0, chains -2, steps 1, scaled NaN (step_size_sweep), a
  cut point -0.5 (u_grids), mmap_threshold -65536 (keep_freed_memory), an axis past the last
  (transpose), two -1 wildcards (reshape);
- a wrong shape: a scalar 2.0 to matmul, x0 of shape (2, 0) (metropolis), p of length 2 for a
  3x3 Q (metropolis_transition_matrix), empty samples (total_variation);
- degenerate data: four chains of one draw each (pooled_total_variation, rank_normalize,
  mcse_mean);
- arguments in the wrong place or misspelt keywords: grad's argnum= and jacobian's argnums=
  (each the other's spelling), value_and_grad(f, x), concatenate(a, b), hvp(x, fun, v),
  check_grads's atol 1e-6 in order's place, pooled_total_variation (x, cdf, edges),
  total_variation (edges, samples, cdf); torch's std unbiased=, ArviZ's split_rhat method= and
  ess_mean relative=, NumPy's quantile q=, ess_tail probs=, metropolis stepsize=, check_grads
  tol=, keep_freed_memory mmap=, matplotlib subplots nrow= and sharex='yes';
- paths: style.save out_dir empty and a read-only place.

Repeats: every id of the earlier batteries (12,236 distinct one-line tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids (none), and per draft the function (or its other spellings:
"discrete", "continuous", "density", "strategy") was grepped with the kind's words (None,
forget, return, string, text, ', nan, inf, empty, shape, length, ragged, swap, order, place,
first, reversed, above, percent, keyword, =, torch, scipy, numpy's, dim, negative, zero, one
draw, single, (4, 1), bins, count). Found in no earlier id: the drafts kept. Replaced before
any run for repeating an earlier substance (same function or option, same kind): grad of a
fun returning None ("grad of a function returning None"), vjp of a fun returning a string,
clip bounds swapped, where cond of strings, tree_map over dicts with other keys, Primitive
with (impl, name), power of other shapes, einsum operands of the wrong ndim or a typo'd arrow,
norm keepdims text, max dim=, concatenate nothing, getitem by a string, check_grads order
2.5/True/eps 0/fun None/rtol inf/atol NaN/rng the default_rng function, hvp v None/of another
shape/fun returning a vector/x None, from_density domain reversed/pdf NaN/pdf text/center NaN,
from_ppf arguments swapped, metropolis step_size negative/target_acceptance in percent/
log_density returning None or one number/rng an int, weibull c=, total_variation samples NaN,
diagnose ragged chains, quantile_type7 prob in percent/x empty, mcse_mean -inf, rank_normalize
(2, 0), ess_mean text, ess_bulk transposed, assert_monotone u past 1, assert_inverts swapped/
u_resolution negative, assert_cdf_matches alpha in percent/samples NaN, assert_labels_match a
label past p, draws_needed discrepancy 0/beta 1, smallest_detectable samples 0,
ks_distance 2-D, two_sample_distance x NaN, chi_square_pvalue lengths/negative,
chi_square_power q NaN, densities mixture lengths/triangular mode outside/uniform lo past
hi/steps lengths, probability_vectors max below min, style save empty name/fig None/name
ending .png, subplots size unknown/nrows 0, keep_freed_memory trim_threshold as text
(every one an earlier id).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 57 of the 98. After the
first run no case was added, reordered, swapped or reworded. No slip of mine was found (every
refusal in the first run was of the fault its id names). Dropped after the first run, one
case that turned out not to be a bad input: ``ess_tail prob (0.95, 0.05), the pair reversed``
(not kept) gave the same ESS as (0.05, 0.95), 383.55 -- the two tails are taken together.

First run at e2d0b4e (under ``ulimit -v 8000000``; kept and --written about 1.5 s each):
kept, 44 of 57 clear (77.2%), 10 unclear, 3 silent, 0 data loss -- engine 8/15 (6 unclear, 1
silent), gradcheck 4/4, samplers 14/16 (1, 1), diagnostics 4/6 (1, 1), testing kit 12/12,
figures 1/3 (2, 0), memory 1/1. Written, 81 of 98 clear (82.7%), 12 unclear, 5 silent, 0 data
loss; without the dropped case 81 of 97 (83.5%), 12 unclear, 4 silent -- engine 17/25 (7, 1),
gradcheck 8/8, samplers 26/28 (1, 1), diagnostics 5/9 (2, 2), testing kit 20/20, figures 3/5
(2, 0), memory 2/2. Under pytest: 45 passed (44 cases and the wide-and-new test), 13 failed
(the kept cases below; NOT_CLEAR_YET is left empty for the lead).

Not clear, kept:
- ``hessian of a fun that forgets to return, giving None``: TypeError "vjp: fun raised
  TypeError when called with 1 argument(s) ...: grad needs fun (_forgot_return) to return a
  float array or number, but it returned NoneType None" -- names fun and None, but blames vjp
  and grad, never hessian (misleading about where the call went wrong).
- ``jvp of a fun that forgets to return, giving None``: TypeError "vjp needs fun
  (_forgot_return) to return a float array or number, but it returned NoneType None" -- the
  same: vjp named, not jvp.
- ``jacobian of a fun returning a complex value``: TypeError "vjp needs fun (_complex_vector)
  to return a float array or number, but it returned a complex array (dtype complex128)" --
  vjp named, not jacobian.
- ``value_and_grad given the point as its second argument, value_and_grad(f, x)``: TypeError
  "argnums must be an int or a tuple of ints, got array([ 0.5, -1. ,  2. ])" -- names argnums
  and shows the value; unclear only on the mention ``value_and_grad``.
- ``matmul a matrix by a scalar 2.0, * meant``: ValueError "matmul: b has too few axes (shape
  ()) for matmul of shapes (2, 3) and (): 'float' object has no attribute 'ndim'" -- the value
  2.0 is not shown, and NumPy's internal AttributeError text is leaked.
- ``stop_gradient of a ragged list of lists``: silent (the list [[1.0, 2.0], [3.0]] returned
  as it is).
- ``concatenate given two arrays as separate arguments, concatenate(a, b)``: TypeError
  "concatenate: xs must be a non-empty list or tuple of arrays, got (3,)" -- fair (xs named),
  but shows a shape, not the value, and my mention ``axis`` (the place b landed in) is absent.
- ``DiscreteInverseCDF p raw counts [2, 3, 5], not probabilities``: ValueError "probabilities
  p must sum to 1 within 1e-08, but p = [2. 3. 5.] sums to 10.0; if they are weights, divide
  by their sum" -- a good message; unclear only on my mention "2, 3, 5" (shown as floats).
- ``pooled_total_variation x four chains of one draw each``: silent (a distance, 0.364).
- ``mcse_sd draws holding None, a missing draw``: TypeError "mcse_sd: draws must be an array
  of real numbers, got dtype object (an array of shape (4, 100)): objects" -- the None is not
  shown or located (two_sample_distance and chi_square_pvalue say "its entry [17] is None").
- ``mcse_mean draws four chains of one draw each``: silent (NaN with a RuntimeWarning "need at
  least 4 draws per chain, got 1; returning NaN (as ArviZ does)").
- ``style save out_dir a read-only place``: ValueError "out_dir '/proc/scratchmeta-test': the
  folder '/proc' is not writable (No such file or directory); ..." -- good; unclear only on the
  mention ``save``.
Not clear, written and not kept: ``matrix_transpose of None``: TypeError "shape: x must be an
array of real numbers, got NoneType None" (names shape, not matrix_transpose: misleading);
``ess_bulk draws holding None``: as mcse_sd above (None not shown); ``rank_normalize draws
four chains of one draw each``: silent (scores returned); ``style save out_dir an empty
string``: ValueError "out_dir is empty (''); expected a folder ..." (good; unclear only on the
mention ``save``).
Clear, but by my own judgement worth a note: the misspelt keywords on functions with fixed
signatures (grad argnum=, jacobian argnums=, std unbiased=, check_grads tol=, metropolis
stepsize=, split_rhat method=, ess_tail probs=, quantile_type7 q=, ess_mean relative=,
keep_freed_memory mmap=) were refused by Python itself ("got an unexpected keyword
argument"), which names the keyword but no value; they count as clear on my mentions.
``metropolis_transition_matrix p of length 2 for a 3x3 Q`` says "Q must have shape (N, N) =
(2, 2) to match p, got (3, 3)": fair, though it blames Q for p's length.

Measured on main at e2d0b4e, the commit it was written at, blind (the lead reran it there):
kept, 44 of 57 clear (77.2%), 10 unclear, 3 silent, 0 data loss; written, 81 of 98. With the
ninety-sixth (50 of 56) the pair is 94 of 113 (83.2%): under the goal of 95%. Round 67 (with
sight of this file, so not blind): jacobian, hessian and jvp start the errors of the vjp and
grad inside them with their own name (``autodiff.checks.named_errors``, the engine's copy of
``messages.names_itself``); grad and value_and_grad given the point in argnums' place say so;
matmul by a plain number shows it and points to mul; a ragged list of lists is refused by
stop_gradient; concatenate(a, b) says the arrays were given one by one; DiscreteInverseCDF
shows a short p as given; an object among draws is located ("None at draws[1, 7]");
style.save and style.subplots name themselves. 55 of 57 kept are clear now; the two left are
strict xfails in NOT_CLEAR_YET (one doubtful, one issue 11's own NaN with a warning).
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, ess_bulk, ess_mean,
                                  ess_tail, grid_inverse_cdf, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import pooled_total_variation, total_variation
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import _read_only, battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_sixtyninth import _chains
from test_bad_inputs_eightyseventh import _plt, _then_defaults

P3 = [0.2, 0.3, 0.5]
Q3 = [0.3, 0.3, 0.4]
X3 = np.array([0.5, -1.0, 2.0])
M23 = np.arange(6.0).reshape(2, 3)
EDGES = np.linspace(-3.0, 3.0, 7)
U5 = np.linspace(0.1, 0.9, 5)


# --- the engine: users' functions that forget to return or return the wrong thing ----------

def _square_loss(x):
    return ad.sum(x * x)


def _sin_loss(x):
    return ad.sum(ad.sin(x))


def _forgot_return(x):
    """A user's function that computes its loss but forgets to ``return`` it."""
    ad.sum(x * x)


def _complex_vector(x):
    """A vector function with a phase factor left in: a complex value."""
    return ad.mul(ad.tanh(x), 1j)


def _list_impl(x):
    """A Primitive's impl returning a Python list, not an array (a list comprehension)."""
    return [float(v) ** 2 for v in np.ravel(x)]


def _list_impl_vjp(g, ans, x):
    return g * 2.0 * x


def _through_list_primitive(x):
    return ad.sum(ad.Primitive("my_square", _list_impl, _list_impl_vjp)(x))


def _returns_text(x):
    """A user's loss returning a formatted string (a print statement turned into a return)."""
    return f"loss = {float(np.sum(np.asarray(x) ** 2)):.3f}"


def _generator_loss(x):
    """A user's loss written with ``yield`` where ``return`` was meant."""
    yield ad.sum(x * x)


# --- samplers: densities and ppfs that misbehave ----------------------------------------------

def _none_ppf(u):
    """A ppf that computes its values but forgets to return them."""
    stats.norm.ppf(u)


def _none_pdf(x):
    """A pdf that computes its values but forgets to return them."""
    stats.norm.pdf(x)


def _none_cdf(x):
    """A cdf that computes its values but forgets to return them."""
    stats.norm.cdf(x)


def _q_rows_one_and_a_half():
    """A symmetric proposal whose rows sum to 1.5 (every entry 0.5)."""
    return np.full((3, 3), 0.5)


def _q_negative():
    """A symmetric proposal with rows summing to 1 but negative entries."""
    return np.array([[0.6, 0.5, -0.1], [0.5, 0.6, -0.1], [-0.1, -0.1, 1.2]])


# --- diagnostics: chains with a missing draw, chains of one draw ------------------------------

def _chains4():
    return np.random.default_rng(71).normal(size=(4, 100))


def _chains_holding_none():
    """Four chains as an object array with one draw missing (None), as read from a table."""
    x = _chains4().astype(object)
    x[2, 40] = None
    return x


def _one_draw_chains():
    """Four chains of one draw each, shape (4, 1)."""
    return np.random.default_rng(72).normal(size=(4, 1))


# --- testing kit ------------------------------------------------------------------------------

def _text_labels():
    """Labels read from a CSV file as text: '0', '1', '2'."""
    return np.array(["0", "1", "2", "2", "1", "2", "0", "2", "1", "2"] * 20)


def _with_none(n=200):
    x = list(np.random.default_rng(73).normal(size=n))
    x[17] = None
    return x


def _with_nan(n=200):
    x = np.random.default_rng(74).normal(size=n)
    x[17] = np.nan
    return x


# --- figures ----------------------------------------------------------------------------------

def _figure():
    """A small matplotlib figure with one line on it."""
    fig, ax = _plt().subplots()
    ax.plot([0.0, 1.0], [0.0, 1.0])
    return fig


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("sigmoid of the text '0.5', a number typed as text", lambda d: ad.sigmoid("0.5"),
     ["sigmoid", "0.5"]),
    ("expm1 of None, a value never set", lambda d: ad.expm1(None), ["expm1", "None"]),
    ("cosh of a list holding None, a missing value", lambda d: ad.cosh([0.5, None, 2.0]),
     ["cosh", "None"]),
    ("relu of a list of numbers typed as text, ['1.5', '-2.0']", lambda d: ad.relu(
        ["1.5", "-2.0"]), ["relu", "1.5"]),
    ("prod keepdims 'yes', a word for a bool", lambda d: ad.prod(M23, axis=0, keepdims="yes"),
     ["prod", "keepdims"]),
    ("sum_to shape None", lambda d: ad.sum_to(M23, None), ["sum_to", "None"]),
    ("stack xs holding None for a missing array", lambda d: ad.stack([X3, None, X3]),
     ["stack", "None"]),
    ("reshape shape (-1, -1), two wildcards", lambda d: ad.reshape(M23, (-1, -1)),
     ["reshape", "-1"]),
    ("hessian of a fun that forgets to return, giving None", lambda d: ad.hessian(
        _forgot_return)(X3), ["hessian", "None"]),
    ("jvp of a fun that forgets to return, giving None", lambda d: ad.jvp(
        _forgot_return, (X3,), (np.ones(3),)), ["jvp", "None"]),
    ("jacobian of a fun returning a complex value", lambda d: ad.jacobian(_complex_vector)(X3),
     ["jacobian", "complex"]),
    ("grad argnum=0, jacobian's spelling of argnums", lambda d: ad.grad(
        _square_loss, argnum=0), ["grad", "argnum"]),
    ("jacobian argnums=0, grad's spelling of argnum", lambda d: ad.jacobian(
        ad.tanh, argnums=0), ["jacobian", "argnums"]),
    ("value_and_grad given the point as its second argument, value_and_grad(f, x)",
     lambda d: ad.value_and_grad(_square_loss, X3), ["value_and_grad", "argnums"]),
    ("transpose axes (0, 2) of a matrix, an axis past the last", lambda d: ad.transpose(
        M23, (0, 2)), ["transpose", "(0, 2)"]),
    ("matmul a matrix by a scalar 2.0, * meant", lambda d: ad.matmul(M23, 2.0),
     ["matmul", "2.0"]),
    ("std with torch's unbiased=False keyword", lambda d: ad.std(X3, unbiased=False),
     ["std", "unbiased"]),
    ("tanh of a dict of parameters, tree_map meant", lambda d: ad.tanh(
        {"w": X3, "b": np.zeros(2)}), ["tanh", "dict"]),
    ("stop_gradient of a ragged list of lists", lambda d: ad.stop_gradient(
        [[1.0, 2.0], [3.0]]), ["stop_gradient", "[3.0]"]),
    ("grad through a Primitive whose impl returns a list, not an array", lambda d: ad.grad(
        _through_list_primitive)(X3), ["my_square", "list"]),
    ("sub of a vector and the text '1', a number typed as text", lambda d: ad.sub(X3, "1"),
     ["sub", "'1'"]),
    ("matrix_transpose of None", lambda d: ad.matrix_transpose(None),
     ["matrix_transpose", "None"]),
    ("sum of a list holding None, a missing value", lambda d: ad.sum([1.0, None, 3.0]),
     ["sum", "None"]),
    ("mean of a list of numbers typed as text", lambda d: ad.mean(["0.5", "1.5"]),
     ["mean", "0.5"]),
    ("concatenate given two arrays as separate arguments, concatenate(a, b)", lambda d:
        ad.concatenate(X3, X3), ["concatenate", "axis"]),
]

GRADCHECK_CASES = [
    ("check_grads tol=1e-6, one tolerance keyword it has not", lambda d: check_grads(
        _sin_loss, (X3,), tol=1e-6), ["check_grads", "tol"]),
    ("check_grads fun returning a formatted string", lambda d: check_grads(
        _returns_text, (X3,)), ["check_grads", "fun"]),
    ("check_grads eps None", lambda d: check_grads(_sin_loss, (X3,), eps=None),
     ["eps", "None"]),
    ("hvp with its arguments in the order (x, fun, v)", lambda d: hvp(
        X3, _square_loss, np.ones(3)), ["hvp", "fun"]),
    ("check_grads args a bare array, not a tuple of arrays", lambda d: check_grads(
        _sin_loss, X3), ["check_grads", "args"]),
    ("check_grads fun a generator function, yield for return", lambda d: check_grads(
        _generator_loss, (X3,)), ["check_grads", "fun"]),
    ("check_grads atol 1e-6 given positionally in order's place", lambda d: check_grads(
        _sin_loss, (X3,), 1e-6), ["order", "1e-06"]),
    ("hvp fun a generator function, yield for return", lambda d: hvp(
        _generator_loss, X3, np.ones(3)), ["hvp", "fun"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p raw counts [2, 3, 5], not probabilities", lambda d:
        DiscreteInverseCDF([2, 3, 5]), ["p", "2, 3, 5"]),
    ("DiscreteInverseCDF ppf u 50.0, a percentile", lambda d: DiscreteInverseCDF(P3).ppf(50.0),
     ["u", "50"]),
    ("ContinuousInverseCDF ppf u holding -0.25", lambda d: ContinuousInverseCDF.from_ppf(
        stats.norm.ppf, stats.norm.cdf).ppf(np.array([-0.25, 0.5])), ["u", "-0.25"]),
    ("from_ppf ppf returning None, a return forgotten", lambda d:
        ContinuousInverseCDF.from_ppf(_none_ppf, stats.norm.cdf), ["ppf", "None"]),
    ("from_ppf cdf the ppf passed again", lambda d: ContinuousInverseCDF.from_ppf(
        stats.norm.ppf, stats.norm.ppf), ["from_ppf", "cdf"]),
    ("from_density domain (1.0, 1.0), of zero width", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, (1.0, 1.0)), ["domain", "1.0"]),
    ("grid_inverse_cdf lo 5.0 above hi -5.0, the bounds swapped", lambda d: grid_inverse_cdf(
        stats.norm.pdf, 5.0, -5.0), ["lo", "5.0"]),
    ("grid_inverse_cdf n 1, a grid of one point", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, 5.0, n=1), ["n", "1"]),
    ("grid_inverse_cdf pdf returning None, a return forgotten", lambda d: grid_inverse_cdf(
        _none_pdf, -5.0, 5.0), ["pdf", "None"]),
    ("find_center pdf returning None, a return forgotten", lambda d: find_center(
        _none_pdf, -5.0, 5.0), ["pdf", "None"]),
    ("find_center a and b both 0.0, a bracket of zero width", lambda d: find_center(
        stats.norm.pdf, 0.0, 0.0), ["find_center", "0.0"]),
    ("find_center pdf the scipy logpdf", lambda d: find_center(stats.norm.logpdf, -5.0, 5.0),
     ["find_center", "pdf"]),
    ("metropolis stepsize=0.5, the underscore dropped", lambda d: _metropolis(stepsize=0.5),
     ["metropolis", "stepsize"]),
    ("metropolis x0 of shape (2, 0), chains of no coordinates", lambda d: _metropolis(
        x0=np.zeros((2, 0))), ["x0", "(2, 0)"]),
    ("metropolis_transition_matrix Q rows summing to 1.5", lambda d:
        metropolis_transition_matrix(P3, _q_rows_one_and_a_half()),
     ["metropolis_transition_matrix", "Q"]),
    ("metropolis_transition_matrix p of length 2 for a 3x3 Q", lambda d:
        metropolis_transition_matrix([0.4, 0.6], np.full((3, 3), 1 / 3)),
     ["metropolis_transition_matrix", "p"]),
    ("metropolis_transition_matrix Q with negative entries", lambda d:
        metropolis_transition_matrix(P3, _q_negative()), ["Q", "-0.1"]),
    ("total_variation edges a bin count 10, np.histogram's bins habit", lambda d:
        total_variation(_samples(), 10, stats.norm.cdf), ["edges", "10"]),
    ("total_variation samples empty", lambda d: total_variation(
        np.array([]), EDGES, stats.norm.cdf), ["total_variation", "samples"]),
    ("pooled_total_variation x four chains of one draw each", lambda d:
        pooled_total_variation(_one_draw_chains(), EDGES, stats.norm.cdf),
     ["pooled_total_variation", "x"]),
    ("step_size_sweep dims {'d1': 0}, a dimension of zero", lambda d: step_size_sweep(
        [1.0], 2, 20, {"d1": 0}, [_rng()]), ["dims", "0"]),
    ("step_size_sweep scaled holding NaN", lambda d: step_size_sweep(
        [1.0, np.nan], 2, 20, {"d1": 1}, [_rng()]), ["scaled", "nan"]),
    ("step_size_sweep chains -2", lambda d: step_size_sweep(
        [1.0], -2, 20, {"d1": 1}, [_rng()]), ["chains", "-2"]),
    ("step_size_sweep steps 1, chains of one step", lambda d: step_size_sweep(
        [1.0], 2, 1, {"d1": 1}, [_rng()]), ["steps", "1"]),
    ("logistic ppf u holding 1.5", lambda d: sampling.logistic().ppf(np.array([0.5, 1.5])),
     ["u", "1.5"]),
    ("cauchy ppf u holding NaN", lambda d: sampling.cauchy().ppf(np.array([0.5, np.nan])),
     ["u", "nan"]),
    ("pooled_total_variation cdf given in edges' place, (x, cdf, edges)", lambda d:
        pooled_total_variation(_chains(), stats.norm.cdf, EDGES),
     ["pooled_total_variation", "edges"]),
    ("total_variation with its arguments in the order (edges, samples, cdf)", lambda d:
        total_variation(EDGES, _samples(), stats.norm.cdf), ["total_variation", "edges"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat method='rank', ArviZ's keyword", lambda d: split_rhat(
        _chains4(), method="rank"), ["split_rhat", "method"]),
    ("ess_tail prob (0.95, 0.05), the pair reversed", lambda d: ess_tail(
        _chains4(), prob=(0.95, 0.05)), ["prob", "0.95"]),
    ("ess_tail prob (5, 95), percentiles as np.percentile takes them", lambda d: ess_tail(
        _chains4(), prob=(5, 95)), ["prob", "95"]),
    ("ess_tail probs=(0.05, 0.95), the keyword with an s", lambda d: ess_tail(
        _chains4(), probs=(0.05, 0.95)), ["ess_tail", "probs"]),
    ("quantile_type7 q=0.5, NumPy's keyword for prob", lambda d: quantile_type7(
        _samples(), q=0.5), ["quantile_type7", "q"]),
    ("mcse_sd draws holding None, a missing draw", lambda d: mcse_sd(_chains_holding_none()),
     ["mcse_sd", "None"]),
    ("ess_bulk draws holding None, a missing draw", lambda d: ess_bulk(
        _chains_holding_none()), ["ess_bulk", "None"]),
    ("rank_normalize draws four chains of one draw each", lambda d: rank_normalize(
        _one_draw_chains()), ["rank_normalize", "draws"]),
    ("mcse_mean draws four chains of one draw each", lambda d: mcse_mean(_one_draw_chains()),
     ["mcse_mean", "draws"]),
    ("ess_mean relative=True, ArviZ's keyword", lambda d: ess_mean(
        _chains4(), relative=True), ["ess_mean", "relative"]),
]

TESTING_CASES = [
    ("assert_monotone ppf returning None, a return forgotten", lambda d:
        testing.assert_monotone(_none_ppf, U5), ["assert_monotone", "None"]),
    ("assert_inverts cdf returning None, a return forgotten", lambda d:
        testing.assert_inverts(stats.norm.ppf, _none_cdf, U5, 1e-6),
     ["assert_inverts", "None"]),
    ("assert_cdf_matches cdf returning None, a return forgotten", lambda d:
        testing.assert_cdf_matches(_samples(), _none_cdf), ["assert_cdf_matches", "None"]),
    ("ks_distance cdf returning None, a return forgotten", lambda d: testing.ks_distance(
        _samples(), _none_cdf), ["ks_distance", "None"]),
    ("assert_same_distribution alpha 0", lambda d: testing.assert_same_distribution(
        _samples(), _samples() + 0.1, alpha=0), ["alpha", "0"]),
    ("dkw_epsilon alpha 0", lambda d: testing.dkw_epsilon(1000, alpha=0), ["alpha", "0"]),
    ("draws_needed alpha None", lambda d: testing.draws_needed(0.05, alpha=None),
     ["alpha", "None"]),
    ("smallest_detectable alpha 0", lambda d: testing.smallest_detectable(1000, alpha=0),
     ["alpha", "0"]),
    ("assert_labels_match labels numbers typed as text, read from a CSV", lambda d:
        testing.assert_labels_match(_text_labels(), P3), ["labels", "'0'"]),
    ("two_sample_distance y holding None, a missing draw", lambda d:
        testing.two_sample_distance(_samples(), _with_none()),
     ["two_sample_distance", "None"]),
    ("chi_square_pvalue counts holding None, a missing count", lambda d:
        testing.chi_square_pvalue([20, None, 50], P3), ["counts", "None"]),
    ("chi_square_power n None", lambda d: testing.chi_square_power(P3, Q3, None),
     ["n", "None"]),
    ("assert_labels_match alpha None", lambda d: testing.assert_labels_match(
        np.array([0, 1, 2, 2, 1, 2, 0, 2, 1, 2] * 20), P3, alpha=None), ["alpha", "None"]),
    ("densities beta b 0", lambda d: densities.beta(2.0, 0), ["b", "0"]),
    ("densities laplace loc None", lambda d: densities.laplace(loc=None), ["loc", "None"]),
    ("strategies u_grids max_size None", lambda d: _example(
        strategies.u_grids(max_size=None)), ["max_size", "None"]),
    ("strategies symmetric_proposals n None", lambda d: _example(
        strategies.symmetric_proposals(None)), ["n", "None"]),
    ("strategies u_grids cut_points holding -0.5", lambda d: _example(
        strategies.u_grids(cut_points=(-0.5, 0.5))), ["cut_points", "-0.5"]),
    ("assert_same_distribution y holding NaN", lambda d: testing.assert_same_distribution(
        _samples(), _with_nan()), ["assert_same_distribution", "y"]),
    ("densities normal_mixture scales None", lambda d: densities.normal_mixture(
        [0.5, 0.5], [-1.0, 1.0], None), ["scales", "None"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style save out_dir an empty string", lambda d: style.save(_figure(), "", "fig_a"),
     ["save", "out_dir"]),
    ("style subplots sharex 'yes', a word matplotlib has not", lambda d: style.subplots(
        ncols=2, sharex="yes"), ["sharex", "yes"]),
    ("style subplots nrow=2, the s dropped", lambda d: style.subplots(nrow=2),
     ["subplots", "nrow"]),
    ("style check_numbers x holding None, a missing value", lambda d: style.check_numbers(
        "values", [0.5, None, 2.0]), ["values", "None"]),
    ("style save out_dir a read-only place", lambda d: style.save(
        _figure(), str(_read_only(d)), "fig_b"), ["save", "out_dir"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold -65536, a sign slipped in", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(mmap_threshold=-65536)),
     ["mmap_threshold", "-65536"], None),
    ("keep_freed_memory mmap=67108864, the keyword shortened", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(mmap=67108864)), ["keep_freed_memory", "mmap"], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "ess_tail prob (0.95, 0.05), the pair reversed":
        "not a bad input: the first run gave the same ESS (383.55) as prob (0.05, 0.95) -- "
        "the two tails are taken together, so their order does not matter",
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
    'pooled_total_variation x four chains of one draw each':
        'silent at e2d0b4e: no error (doubtful: four chains of one step pool to a histogram of '
        'four draws)',
    'mcse_mean draws four chains of one draw each':
        'silent at e2d0b4e: NaN with a RuntimeWarning (too few draws), as ArviZ does and issue '
        '11 asks for',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_ninetyseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_ninetyseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
