"""A hundred-and-first battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit c59e99f, from the user's side only: the public names (``__all__`` where
there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``, ``gradcheck``,
``memory``, ``sampling`` and its modules, the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF``, ``testing``, ``testing.densities``, ``testing.strategies`` and
``figures.style``; the ninety-ninth and ninety-seventh batteries (the templates);
``tests/test_bad_inputs_cli.py``'s classification and ``classify_call``, ``kept_cases``/
``battery_params``/``assert_wide_and_new``; the eighth battery's ``classify_case`` (its head);
the ninety-sixth's ``_under_the_batteries_ulimit``; the earlier batteries' ids (grepped for
kinds) and shared helpers (imported, not copied: ``_example``, ``_metropolis``, ``_rng``,
``_samples``, ``_then_defaults``, ``_under_the_batteries_ulimit``, and from the ninety-seventh
its constants, ``_chains4``, ``_figure``, ``_sin_loss``, ``_square_loss``). Disclosure: the
``dir`` listing of "sampling and its modules" also printed the names and signatures of
``scratchmeta.sampling.checks`` (a validation module); only that one-line listing was seen, no
body, docstring or source of it or of any other library code, before or after the first run;
nothing of the library's history or of /work/main (whose venv's python alone was run). No
``__main__`` module was imported. Writes: only ``style.save`` could write (two cases), into the
case's temporary folder. No optional package is used, so no case is skipped. One case could
allocate gigabytes (``ContinuousInverseCDF rvs size 10**11``): it runs under
``_under_the_batteries_ulimit``.

Areas (library side only), as written: the autodiff engine -- log, exp, div, power, add, mul,
where, einsum, norm, broadcast_to, max, min, logsumexp, clip, value_and_grad, jvp, expand_dims,
jacobian, tanh, var, transpose, stop_gradient, sum, matmul, sin, grad through a Primitive, std
(27); gradcheck -- check_grads, hvp (3); samplers -- DiscreteInverseCDF (p, from_uniforms,
sample), ContinuousInverseCDF (rvs, u_error, from_ppf, from_density), grid_inverse_cdf,
find_center, metropolis, metropolis_transition_matrix, total_variation, step_size_sweep,
weibull, laplace, pareto (23); diagnostics -- split_rhat, ess_tail, ess_bulk, mcse_sd,
mcse_mean, rank_normalize, quantile_type7, diagnose (10); the testing kit (assert_monotone,
assert_inverts, ks_distance, assert_same_distribution, assert_labels_match, assert_cdf_matches,
draws_needed, smallest_detectable, dkw_epsilon, chi_square_pvalue, chi_square_power), its
densities (uniform, normal_mixture, pareto, beta, student_t, steps) and strategies
(symmetric_proposals, probability_vectors) (20); ``figures.style`` check_axes, check_numbers,
save (5); ``memory.keep_freed_memory`` (2): 90. Gradcheck is short of the side brief's ~8: the
earlier batteries hold some 600 check_grads/hvp ids, and every other draft repeated one (see
below).

Kinds of bad value (the issue's own, each on a function or argument not tried with it):
- a wrong type: a number typed as text (log '1.0', add and clip and sin lists of numeric
  strings, sum '1.5', norm ord '2', weibull shape '1.5', find_center a '-5',
  DiscreteInverseCDF p ['0.2', ...], metropolis_transition_matrix Q a table of '0.3333',
  ess_tail and diagnose draws read from a CSV as text, smallest_detectable n '1000',
  assert_labels_match alpha '1e-6', densities beta a '2'); None, a value never set (div, mul,
  einsum subscripts, broadcast_to, max, transpose, matmul b, expand_dims, chi_square_power q,
  style check_numbers name, style save out_dir); a list holding None (exp, where cond, min,
  tanh, stop_gradient); a bool for a number or an axis (power True, logsumexp and var axis
  True, keep_freed_memory trim_threshold True, mcse_mean draws of bools); a float for an index
  or a count (value_and_grad argnums 1.0, step_size_sweep dims {'d1': 1.5}, chi_square_pvalue
  counts 20.5); an int where an rng is meant (check_grads rng 42, step_size_sweep rngs 0); a
  list where one object is meant (DiscreteInverseCDF sample rng [Generator], style check_axes
  [Axes], style save [fig, fig]); a dict where an array is meant (DiscreteInverseCDF p);
- out of range: a sign slipped in (step_size_sweep steps -20, metropolis target_acceptance
  -0.234, draws_needed samples -2, densities pareto alpha -1.0), zero (u_error sample_size 0,
  dkw_epsilon n 0, pareto alpha 0, densities student_t scale 0, strategies symmetric_proposals
  n 0), above 1 (DiscreteInverseCDF from_uniforms u 1.5, assert_inverts u_resolution 1.5), NaN
  or inf (DiscreteInverseCDF p inf, laplace loc NaN, assert_monotone u NaN, rank_normalize and
  ess_bulk draws +-inf, style check_numbers -inf, keep_freed_memory trim_threshold NaN), a
  negative probability bound (ess_tail prob -0.05), percentages for probabilities
  (metropolis_transition_matrix p [20, 30, 50]), weights summing to 2 (normal_mixture), bounds
  swapped or unsorted (densities uniform lo above hi, steps edges), max_size below min_size
  (probability_vectors), huge (ContinuousInverseCDF rvs size 10**11);
- a wrong shape: a tangent of length 2 for a primal of 3 (jvp), argnum 1 of one argument
  (jacobian), a 2-D x with a flattened v (hvp), 4-D draws (split_rhat), 2-D tables of draws
  where one sample is meant (quantile_type7, assert_same_distribution, assert_cdf_matches), a
  (200, 1) column (total_variation), empty (std, assert_monotone u, ks_distance samples);
- a user's function that misbehaves: a Primitive vjp summing its cotangent to one number
  (grad), a pdf returning strings (from_density), a ppf returning half its values (from_ppf),
  a pdf zero everywhere (grid_inverse_cdf), a pdf negative everywhere (grid_inverse_cdf), a
  constant pdf on the whole line, an improper density (from_density);
- degenerate data: one draw per chain (mcse_sd (4, 1), split_rhat (1, 1));
- arguments in the wrong place: check_grads's rng given positionally, in order's place.

Repeats: every id of the earlier batteries (12,652 distinct one-line tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids (none), and per draft the function (and its other spellings:
"discrete", "continuous") was listed with every earlier id (filtered of exotic-object ids) and
read for the kind. Replaced or removed before any run for repeating an earlier substance:
hessian argnum 1 of one argument; jacobian of a fun returning strings; check_grads fun NaN at
every x, rtol negative, order a float, args holding None; hvp fun returning a vector, v a
string, v holding inf; DiscreteInverseCDF rvs size negative, rvs random_state a word, sample
size a float, from_uniforms_guided u negative; ContinuousInverseCDF sample rng a seed;
from_ppf cdf a number; from_density u_resolution above 1, domain one number, center a string;
grid_inverse_cdf n a float; metropolis n_steps a float, log_density one number, x0 1-D;
metropolis_transition_matrix Q not symmetric; total_variation cdf NaN; pooled_total_variation
x 3-D; step_size_sweep chains a float; logistic scale negative; exponential rate a string;
ess_bulk draws of strings; two_sample_distance 2-D; assert_labels_match labels -1 and floats;
style save name a number, subplots ncols a float; keep_freed_memory mmap_threshold a float.
Kept although near an earlier id, as a new instance: check_grads rng 42 (earlier: rng -1, a
negative seed), step_size_sweep rngs the int 0 (earlier: a list of int seeds),
keep_freed_memory trim_threshold True (earlier: numpy's True_), hvp x 2-D with v flattened
(earlier: v of another shape), diagnose draws of numeric text (earlier: one string),
smallest_detectable n '1000' (earlier: NumPy 2's repr 'np.int64(1000)'), dkw_epsilon n 0
(earlier: -5 and 1), metropolis target_acceptance -0.234 (earlier: -0.0).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 52 of the 90. After the
first run no case was added, reordered, swapped, reworded or dropped; no slip of mine was found.

First run at c59e99f (under ``ulimit -v 8000000``; kept and --written about 2 s each): kept, 50
of 52 clear (96.2%), 1 unclear, 1 silent, 0 data loss -- engine 16/16, gradcheck 1/1, samplers
12/13 (1 unclear), diagnostics 5/6 (1 silent), testing kit 12/12, figures 3/3, memory 1/1.
Written, 80 of 90 clear (88.9%), 3 unclear, 7 silent, 0 data loss -- engine 25/27 (1 unclear,
1 silent), gradcheck 3/3, samplers 20/23 (2, 1), diagnostics 6/10 (0, 4), testing kit 19/20
(0, 1), figures 5/5, memory 2/2. Under pytest: 51 passed (50 cases and the wide-and-new test),
2 failed (the kept cases below; NOT_CLEAR_YET is left empty for the lead).

Not clear, kept:
- ``from_density pdf returning values formatted as strings`` (a misbehaving function):
  TypeError "from_density: pdf (_text_pdf) must return real numbers, but it returned dtype <U8:
  dtype <U8 (an array of shape (1141,))" -- names pdf and what was expected, but shows only the
  NumPy dtype code <U8, not the strings it returned, and misses my mention "str".
- ``quantile_type7 x a 2-D table of draws`` (wrong shape): silent -- -0.0347 returned, the
  quantile of the four chains pooled (equal to ``np.quantile`` of the flattened table, NumPy's
  axis=None habit; doubtful as a bad input, but nothing says the table was flattened).
Not clear, written and not kept:
- ``stop_gradient of a list holding None, a missing value``: silent -- the list [0.5, None, 2.0]
  returned unchanged.
- ``std of an empty array, no values``: ValueError "var: ddof=0 needs more than 0 entries along
  axis=None, but there are 0 (shape (0,))" -- names var, not std, the function called.
- ``metropolis_transition_matrix Q a table of numbers typed as text``: TypeError
  "metropolis_transition_matrix: Q must be an array of real numbers, got dtype <U6 (an array of
  shape (3, 3)): strings, all numbers written as text (convert them with .astype(float))" --
  names Q and the fault well, but does not show the value ('0.3333').
- ``total_variation samples a (200, 1) column``: silent, and wrong -- an array of 200 values
  (0.6587, 0.6587, 0.8641, ...) returned: each row read as a sample of one draw.
- ``mcse_sd draws a single draw per chain, (4, 1)`` and ``split_rhat draws one chain of one
  draw, (1, 1)`` (degenerate data): silent -- [nan] with a RuntimeWarning "need at least 4
  draws per chain, got 1; returning NaN (as ArviZ does)" (a warning, not an error; perhaps the
  documented value).
- ``mcse_mean draws of bools``: silent -- [0.0238] returned, the bools read as 0 and 1.
- ``densities normal_mixture weights summing to 2``: silent -- a density returned whose pdf
  integrates to 1: the weights were renormalised without a word (doubtful: perhaps by design).

Measured on main at c59e99f, the commit it was written at, blind (the lead reran it there):
kept, 50 of 52 clear (96.2%), 1 unclear, 1 silent, 0 data loss; written, 80 of 90. With the
hundredth (60 of 60) the pair is 110 of 112 (98.2%). The two kept cases not clear are strict
xfails in NOT_CLEAR_YET, left as they were measured (no round after this battery).

Round 70 (after fa47bee, not blind): a user's function that returns strings, dates or objects is
named with that kind and its first values, so the from_density case is clear and leaves
NOT_CLEAR_YET; quantile_type7 of a 2-D table stays, doubtful (it pools every draw, as
documented).
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose, ess_bulk,
                                  ess_tail, grid_inverse_cdf, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetysixth import _under_the_batteries_ulimit
from test_bad_inputs_ninetyseventh import (EDGES, M23, P3, U5, X3, _chains4, _figure,
                                           _sin_loss, _square_loss)


# --- the engine and gradcheck: users' functions that misbehave ---------------------------------

def _wrong_shape_vjp(g, ans, x):
    """A vjp rule that sums its cotangent: one number for a vector input (shape () not (3,))."""
    return np.sum(g * 2.0 * x)


def _square_impl(x):
    return np.asarray(x, dtype=float) ** 2


def _through_summing_vjp(x):
    return ad.sum(ad.Primitive("my_sq", _square_impl, _wrong_shape_vjp)(x))


# --- samplers: functions that misbehave ------------------------------------------------------

def _negative_pdf(x):
    """A density with its sign flipped (a log-density habit): -pdf, negative everywhere."""
    return -stats.norm.pdf(x)


def _text_pdf(x):
    """A density whose values came back as strings (read from a CSV)."""
    return np.asarray([f"{v:.6f}" for v in np.ravel(stats.norm.pdf(x))]).reshape(np.shape(x))


def _half_ppf(u):
    """A ppf that returns only the first half of its values (a slice left in)."""
    u = np.ravel(np.asarray(u, dtype=float))
    return stats.norm.ppf(u[: max(1, len(u) // 2)])


# --- diagnostics ------------------------------------------------------------------------------

def _chains_with_inf():
    x = _chains4().copy()
    x[3, 12] = np.inf
    return x


def _chains_as_text():
    """Four chains read from a CSV file as text."""
    return _chains4().astype(str)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("log of the text '1.0', a number typed as text", lambda d: ad.log("1.0"),
     ["log", "1.0"]),
    ("exp of a list holding None, a missing value", lambda d: ad.exp([0.5, None, 2.0]),
     ["exp", "None"]),
    ("div of a vector by None, a divisor never set", lambda d: ad.div(X3, None),
     ["div", "None"]),
    ("power exponent True, a bool for a number", lambda d: ad.power(X3, True),
     ["power", "True"]),
    ("add of a vector and a list of numbers typed as text", lambda d: ad.add(
        X3, ["1.0", "2.0", "3.0"]), ["add", "1.0"]),
    ("mul of a vector by None, a factor never set", lambda d: ad.mul(X3, None),
     ["mul", "None"]),
    ("where cond a list holding None, a missing flag", lambda d: ad.where(
        [True, None, False], X3, -X3), ["where", "None"]),
    ("einsum subscripts None, never set", lambda d: ad.einsum(None, M23, M23),
     ["einsum", "None"]),
    ("norm ord the text '2', a number typed as text", lambda d: ad.norm(X3, ord="2"),
     ["ord", "'2'"]),
    ("broadcast_to x None, a value never set", lambda d: ad.broadcast_to(None, (2, 3)),
     ["broadcast_to", "None"]),
    ("max of None, a value never set", lambda d: ad.max(None), ["max", "None"]),
    ("min of a list holding None, a missing value", lambda d: ad.min([0.5, None, 2.0]),
     ["min", "None"]),
    ("logsumexp axis True, a bool for an axis", lambda d: ad.logsumexp(M23, axis=True),
     ["axis", "True"]),
    ("clip x a list of numbers typed as text", lambda d: ad.clip(["0.5", "2.0"], -1.0, 1.0),
     ["clip", "0.5"]),
    ("value_and_grad argnums 1.0, a float for an index", lambda d: ad.value_and_grad(
        lambda a, b: ad.sum(a * b), argnums=1.0)(X3, X3), ["argnums", "1.0"]),
    ("jvp tangent of length 2 for a primal of length 3", lambda d: ad.jvp(
        ad.tanh, (X3,), (np.ones(2),)), ["jvp", "(2,)"]),
    ("expand_dims x None, a value never set", lambda d: ad.expand_dims(None, 0),
     ["expand_dims", "None"]),
    ("jacobian argnum 1 with one argument given", lambda d: ad.jacobian(
        lambda a, b: a * b, argnum=1)(X3), ["jacobian", "argnum"]),
    ("tanh of a list holding None, a missing value", lambda d: ad.tanh([0.5, None, 2.0]),
     ["tanh", "None"]),
    ("var axis True, a bool for an axis", lambda d: ad.var(M23, axis=True),
     ["axis", "True"]),
    ("transpose of None, a value never set", lambda d: ad.transpose(None),
     ["transpose", "None"]),
    ("stop_gradient of a list holding None, a missing value", lambda d: ad.stop_gradient(
        [0.5, None, 2.0]), ["stop_gradient", "None"]),
    ("sum of the text '1.5', a number typed as text", lambda d: ad.sum("1.5"),
     ["sum", "1.5"]),
    ("matmul b None, a matrix never set", lambda d: ad.matmul(M23, None),
     ["matmul", "None"]),
    ("sin of a list of numbers typed as text", lambda d: ad.sin(["0.5", "1.0"]),
     ["sin", "0.5"]),
    ("grad through a Primitive whose vjp sums its cotangent to one number", lambda d: ad.grad(
        _through_summing_vjp)(X3), ["my_sq", "(3,)"]),
    ("std of an empty array, no values", lambda d: ad.std(np.array([])), ["std", "empty"]),
]

GRADCHECK_CASES = [
    ("check_grads rng the int 42, a seed where a Generator is meant", lambda d: check_grads(
        _sin_loss, (X3,), rng=42), ["rng", "42"]),
    ("hvp x a 2-D matrix, v its flattened vector", lambda d: hvp(
        _square_loss, M23, np.ones(6)), ["hvp", "(6,)"]),
    ("check_grads rng given positionally in order's place", lambda d: check_grads(
        _sin_loss, (X3,), _rng()), ["check_grads", "order"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p a list of probabilities typed as text", lambda d:
        DiscreteInverseCDF(["0.2", "0.3", "0.5"]), ["p", "0.2"]),
    ("DiscreteInverseCDF p holding inf", lambda d: DiscreteInverseCDF([0.2, np.inf, 0.5]),
     ["p", "inf"]),
    ("DiscreteInverseCDF from_uniforms u holding 1.5", lambda d: DiscreteInverseCDF(
        P3).from_uniforms(np.array([0.1, 1.5, 0.9])), ["u", "1.5"]),
    ("ContinuousInverseCDF rvs size 10**11, far past memory", lambda d:
        _under_the_batteries_ulimit(lambda: ContinuousInverseCDF.from_ppf(
            stats.norm.ppf, stats.norm.cdf).rvs(size=10 ** 11, random_state=_rng())),
     ["size", "100000000000"]),
    ("from_density pdf returning values formatted as strings", lambda d:
        ContinuousInverseCDF.from_density(_text_pdf, (-8.0, 8.0)), ["pdf", "str"]),
    ("grid_inverse_cdf pdf negative everywhere, -pdf", lambda d: grid_inverse_cdf(
        _negative_pdf, -5.0, 5.0), ["pdf", "negative"]),
    ("find_center a the text '-5'", lambda d: find_center(stats.norm.pdf, "-5", 5.0),
     ["find_center", "'-5'"]),
    ("metropolis_transition_matrix p as percentages [20, 30, 50]", lambda d:
        metropolis_transition_matrix([20, 30, 50], np.full((3, 3), 1 / 3)), ["p", "20"]),
    ("step_size_sweep rngs the int 0, a seed where Generators are meant", lambda d:
        step_size_sweep([1.0], 2, 20, {"d1": 1}, 0), ["rngs", "0"]),
    ("weibull shape the text '1.5'", lambda d: sampling.weibull("1.5"), ["shape", "1.5"]),
    ("laplace loc NaN", lambda d: sampling.laplace(loc=np.nan), ["loc", "nan"]),
    ("metropolis_transition_matrix Q a table of numbers typed as text", lambda d:
        metropolis_transition_matrix(P3, np.full((3, 3), "0.3333")), ["Q", "0.3333"]),
    ("ContinuousInverseCDF u_error sample_size 0", lambda d: ContinuousInverseCDF.from_ppf(
        stats.norm.ppf, stats.norm.cdf).u_error(0), ["sample_size", "0"]),
    ("from_ppf ppf returning only the first half of its values", lambda d:
        ContinuousInverseCDF.from_ppf(_half_ppf, stats.norm.cdf), ["ppf", "shape"]),
    ("step_size_sweep dims {'d1': 1.5}, a fractional dimension", lambda d: step_size_sweep(
        [1.0], 2, 20, {"d1": 1.5}, [_rng()]), ["dims", "1.5"]),
    ("DiscreteInverseCDF sample rng a list holding one Generator", lambda d:
        DiscreteInverseCDF(P3).sample(5, [_rng()]), ["rng", "list"]),
    ("total_variation samples a (200, 1) column", lambda d: total_variation(
        _samples().reshape(-1, 1), EDGES, stats.norm.cdf), ["total_variation", "(200, 1)"]),
    ("DiscreteInverseCDF p a dict of label probabilities", lambda d: DiscreteInverseCDF(
        {"a": 0.2, "b": 0.3, "c": 0.5}), ["p", "dict"]),
    ("pareto alpha 0, a tail with no mean", lambda d: sampling.pareto(0.0), ["alpha", "0"]),
    ("grid_inverse_cdf pdf zero everywhere", lambda d: grid_inverse_cdf(
        lambda x: np.zeros(np.shape(x)), -5.0, 5.0), ["grid_inverse_cdf", "pdf"]),
    ("from_density pdf the constant 1.0 on the whole line, an improper density", lambda d:
        ContinuousInverseCDF.from_density(lambda x: np.ones(np.shape(x))), ["pdf", "domain"]),
    ("step_size_sweep steps -20, a sign slipped in", lambda d: step_size_sweep(
        [1.0], 2, -20, {"d1": 1}, [_rng()]), ["steps", "-20"]),
    ("metropolis target_acceptance -0.234, a sign slipped in", lambda d: _metropolis(
        target_acceptance=-0.234), ["target_acceptance", "-0.234"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a 4-D array", lambda d: split_rhat(
        np.random.default_rng(8).normal(size=(4, 100, 2, 2))), ["split_rhat", "4"]),
    ("ess_tail draws of numbers typed as text", lambda d: ess_tail(_chains_as_text()),
     ["ess_tail", "str"]),
    ("mcse_sd draws a single draw per chain, (4, 1)", lambda d: mcse_sd(
        np.random.default_rng(9).normal(size=(4, 1))), ["mcse_sd", "(4, 1)"]),
    ("rank_normalize draws holding inf", lambda d: rank_normalize(_chains_with_inf()),
     ["rank_normalize", "inf"]),
    ("ess_tail prob a pair holding -0.05, a sign slipped in", lambda d: ess_tail(
        _chains4(), prob=(-0.05, 0.95)), ["prob", "-0.05"]),
    ("quantile_type7 x a 2-D table of draws", lambda d: quantile_type7(_chains4(), 0.5),
     ["quantile_type7", "(4, 100)"]),
    ("split_rhat draws one chain of one draw, (1, 1)", lambda d: split_rhat(
        np.array([[0.3]])), ["split_rhat", "(1, 1)"]),
    ("mcse_mean draws of bools", lambda d: mcse_mean(_chains4() > 0),
     ["mcse_mean", "bool"]),
    ("diagnose draws of numbers typed as text", lambda d: diagnose(_chains_as_text()),
     ["diagnose", "str"]),
    ("ess_bulk draws holding -inf", lambda d: ess_bulk(-_chains_with_inf()),
     ["ess_bulk", "inf"]),
]

TESTING_CASES = [
    ("assert_monotone u empty", lambda d: testing.assert_monotone(stats.norm.ppf, []),
     ["assert_monotone", "u"]),
    ("assert_monotone u holding NaN", lambda d: testing.assert_monotone(
        stats.norm.ppf, [0.1, np.nan, 0.9]), ["u", "nan"]),
    ("assert_inverts u_resolution 1.5, above 1", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, U5, 1.5), ["u_resolution", "1.5"]),
    ("ks_distance samples empty", lambda d: testing.ks_distance([], stats.norm.cdf),
     ["ks_distance", "samples"]),
    ("assert_same_distribution x a 2-D table of draws", lambda d:
        testing.assert_same_distribution(_chains4(), _samples()),
     ["assert_same_distribution", "(4, 100)"]),
    ("assert_labels_match alpha the text '1e-6'", lambda d: testing.assert_labels_match(
        np.array([0, 1, 2, 2, 1, 2, 0, 2, 1, 2] * 20), P3, alpha="1e-6"), ["alpha", "1e-6"]),
    ("draws_needed samples -2, a sign slipped in", lambda d: testing.draws_needed(
        0.05, samples=-2), ["samples", "-2"]),
    ("smallest_detectable n the text '1000'", lambda d: testing.smallest_detectable("1000"),
     ["n", "'1000'"]),
    ("dkw_epsilon n 0", lambda d: testing.dkw_epsilon(0), ["n", "0"]),
    ("chi_square_pvalue counts 2.5, fractional counts", lambda d: testing.chi_square_pvalue(
        [20.5, 30.0, 49.5], P3), ["counts", "20.5"]),
    ("chi_square_power q None", lambda d: testing.chi_square_power(P3, None, 1000),
     ["q", "None"]),
    ("densities uniform lo above hi", lambda d: densities.uniform(1.0, 0.0),
     ["lo", "1.0"]),
    ("densities normal_mixture weights summing to 2", lambda d: densities.normal_mixture(
        [1.0, 1.0], [0.0, 3.0], [1.0, 1.0]), ["weights", "2"]),
    ("densities pareto alpha -1.0, a sign slipped in", lambda d: densities.pareto(-1.0),
     ["alpha", "-1.0"]),
    ("densities beta a the text '2'", lambda d: densities.beta("2", 3.0), ["a", "'2'"]),
    ("densities student_t scale 0", lambda d: densities.student_t(3.0, scale=0.0),
     ["scale", "0"]),
    ("densities steps edges unsorted", lambda d: densities.steps([0.0, 1.0, 0.5],
                                                                 [1.0, 1.0]),
     ["edges", "1.0"]),
    ("strategies symmetric_proposals n 0", lambda d: _example(
        strategies.symmetric_proposals(0)), ["n", "0"]),
    ("strategies probability_vectors max_size below min_size", lambda d: _example(
        strategies.probability_vectors(min_size=5, max_size=2)), ["max_size", "2"]),
    ("assert_cdf_matches samples a 2-D table of chains", lambda d: testing.assert_cdf_matches(
        _chains4(), stats.norm.cdf), ["assert_cdf_matches", "(4, 100)"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_axes ax a list holding one Axes", lambda d: style.check_axes(
        [_figure().axes[0]]), ["ax", "list"]),
    ("style check_numbers name None, the label never set", lambda d: style.check_numbers(
        None, [1.0, 2.0]), ["check_numbers", "None"]),
    ("style check_numbers x holding -inf", lambda d: style.check_numbers(
        "values", [1.0, -np.inf]), ["values", "inf"]),
    ("style save out_dir None", lambda d: style.save(_figure(), None, "fig_a"),
     ["out_dir", "None"]),
    ("style save fig a list of two figures", lambda d: style.save(
        [_figure(), _figure()], str(d), "fig_a"), ["fig", "list"]),
]

MEMORY_CASES = [
    ("keep_freed_memory trim_threshold True, a bool for a size", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(trim_threshold=True)),
     ["trim_threshold", "True"], None),
    ("keep_freed_memory trim_threshold NaN, a failed size computation", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(trim_threshold=float("nan"))),
     ["trim_threshold", "nan"], None),
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
    'quantile_type7 x a 2-D table of draws':
        'silent at c59e99f: no error (doubtful: the quantile of every draw pooled, as its '
        "docstring says and ArviZ computes it, and as np.quantile's default)",
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredfirst_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfirst.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
