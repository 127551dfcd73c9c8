"""A hundred-and-third battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 84c7b66, from the user's side only: README.md; the public names (``__all__``
where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``, ``gradcheck``,
``memory``, ``sampling`` and its public modules (``closed_forms``, ``continuous``,
``diagnostics``, ``discrete``, ``finite_chain``, ``interpolation``, ``metropolis``, ``mixing``,
``quadrature``, ``step_size``, ``tails``; not ``checks``), the public methods of
``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; the hundred-and-first and ninety-ninth batteries
(the templates); ``tests/test_bad_inputs_cli.py``'s classification and ``classify_call``,
``classify_cli``, ``kept_cases``/``battery_params``/``assert_wide_and_new``/``battery_main``;
the eighth battery's ``classify_case`` (its head); the ninety-sixth's
``_under_the_batteries_ulimit``; the earlier batteries' ids (grepped for kinds) and shared
helpers (imported, not copied: ``_example``, ``_metropolis``, ``_rng``, ``_samples``,
``_then_defaults``, ``_under_the_batteries_ulimit``, and from the ninety-seventh its
constants, ``_chains4``, ``_figure``, ``_sin_loss``, ``_square_loss``). Disclosures: (1) the
``dir`` listings of the sampling modules and of ``figures.style`` also printed the names and
signatures of the check helpers those modules import (``check_real``, ``real_array``,
``check_rng``, ``call_user``, ...; in ``style``: ``check_count``, ``check_positive_numbers``,
``check_record``, ...); only those one-line listings were seen, no body, docstring or source of
them, of ``checks``/``messages``/``protocol``, or of any other library code, before or after the
first run; four cases call ``style``'s public check helpers by their listed signatures. (2)
Before the first run, good inputs were run once to learn six contracts from the user's side
(``walks_from_one_start``, ``noise_floor``, ``bin_masses``, ``integrate``,
``fixed_step_chains``, ``acceptance_1d``); two of those probes were refused, so two library
messages were seen before the run ("rngs must be a list of numpy Generators, one per entry of
step_sizes in its order, got a dict ..." and "scaled must be a non-empty 1-D array, got ndarray
array(1.)"); no case was written from them (none uses a dict of rngs or a scalar ``scaled``).
After the run the values returned by the silent cases were printed (quoted below). Nothing of
the library's history or of /work/main (whose venv's python alone was run). No ``__main__``
module was imported. Writes: only the ``style.save`` case could write, into the case's
temporary folder (it writes ``notes.txt`` there first, to put the path under a file). No
optional package is used, so no case is skipped. One case could allocate terabytes
(``DiscreteInverseCDF sample size 10**12``): it runs under ``_under_the_batteries_ulimit``.

Areas (library side only), as written: the autodiff engine -- sub, cos, sinh, sigmoid, log1p,
neg, div, add, matrix_transpose, shape, sum_to, concatenate, solve, einsum, logsumexp,
broadcast_to, power, jvp (primals, tangents), vjp, trace, grad, value_and_grad, grad through a
Primitive (impl, vjp twice), hessian, max (28); gradcheck -- check_grads args, hvp x (5);
samplers -- DiscreteInverseCDF (ppf, sample), ContinuousInverseCDF (from_uniforms,
from_density, from_ppf), grid_inverse_cdf, find_center, total_variation,
pooled_total_variation, metropolis, noise_floor, walks_from_one_start, bin_masses, integrate,
metropolis_transition_matrix, step_size_sweep, optimal_acceptance, acceptance_1d,
fixed_step_chains (25); diagnostics -- mcse_sd, rank_normalize, split_rhat, ess_tail,
diagnose, quantile_type7, ess_mean, mcse_mean, ess_bulk (10); the testing kit
(assert_monotone, assert_inverts, ks_distance, assert_cdf_matches, assert_labels_match,
assert_same_distribution, two_sample_distance, draws_needed, smallest_detectable,
dkw_epsilon, chi_square_pvalue, chi_square_power), its densities (student_t, triangular,
trapezoid, uniform, pareto) and strategies (u_grids, uniforms_near_edges) (20);
``figures.style`` save, check_count, check_positive_numbers, check_record, check_numbers (5);
``memory.keep_freed_memory`` (2): 95. Gradcheck is short of ~8, as in the hundred-and-first:
the earlier batteries hold some 600 check_grads/hvp ids, and the other drafts repeated one
(see below). No engine case is about dtypes float32/float64 as such: every draft found (a
float16 point, a float32 tangent for a float64 primal) was either tried before or doubtful as
a bad input (the engine may upcast, as NumPy does).

Kinds of bad value (the issue's own, each on a function or argument not tried with it):
- a wrong type: None, a value never set (cos, add, shape, sum_to x, solve a, einsum's
  operand, trace's point, jvp's primal, optimal_acceptance dim, acceptance_1d h,
  fixed_step_chains steps, step_size_sweep dims {'d1': None}, smallest_detectable beta,
  chi_square_pvalue p, densities student_t scale / trapezoid d / pareto scale, style
  check_count value, style check_record keys, style check_numbers shape (None,)); a list
  holding None, a missing value (sub, sinh, log1p, power, concatenate xs, jvp tangent, grad's
  point, DiscreteInverseCDF.ppf u, ContinuousInverseCDF.from_uniforms u,
  metropolis_transition_matrix Q, step_size_sweep scaled, fixed_step_chains scaled,
  assert_monotone u, assert_inverts u, assert_labels_match labels, uniforms_near_edges p,
  style check_positive_numbers); a number typed as text (matrix_transpose of a table,
  logsumexp, broadcast_to x, vjp's point '0.5', value_and_grad's point '0.5', quantile_type7
  x, assert_same_distribution y, two_sample_distance x, densities triangular lo '0'); a bool
  for a number, an axis, a count or a probability (sigmoid, neg, div, max axis, check_grads's
  point, noise_floor n, draws_needed alpha, chi_square_power alpha, densities uniform hi,
  u_grids max_size); a list where one object is meant (keep_freed_memory mmap_threshold a list
  of two sizes); a misspelt keyword (keep_freed_memory trim_treshold=);
- out of range: NaN or inf (check_grads at a 0-d NaN and at a point holding -inf, mcse_sd,
  rank_normalize and mcse_mean draws holding NaN), above 1 (dkw_epsilon alpha 1.5), huge
  (DiscreteInverseCDF sample size 10**12, must be refused with its size named);
- a wrong shape: a ragged list of lists (check_grads args, hvp x), ragged chains of 100 and 99
  draws (split_rhat), empty (ess_tail (4, 0), ess_mean []);
- a user's function that misbehaves: a Primitive whose impl returns complex values, whose vjp
  returns NaN or strings (grad); a loss returning a complex value (hessian); a function
  returning a (n, 1) column for n points (from_density's pdf, grid_inverse_cdf's pdf,
  find_center's pdf, from_ppf's cdf, bin_masses's cdf, integrate's f, ks_distance's cdf);
  returning None, a return forgotten (total_variation's and pooled_total_variation's cdf,
  walks_from_one_start's log_density, bin_masses's cdf, integrate's f); returning strings
  (grid_inverse_cdf's pdf); returning complex values (assert_cdf_matches's and ks_distance's
  cdf); a log-density -inf everywhere, a target with no mass (metropolis); a user's sampler
  whose sample returns NaN (noise_floor);
- degenerate data: chains too short, three draws each ((2, 3) for diagnose and ess_bulk, (4, 3)
  for mcse_mean); the issue asks NaN with a warning or a documented value here, which the
  shared classifier counts as silent (see the results);
- files and paths: style save out_dir a path under a file.

Repeats: every id of the earlier batteries (12,814 distinct one-line tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids (one found: ``style check_numbers x holding None``, replaced), and
per draft the ids sharing its function and argument (its first two or three words, with the
other spellings "discrete", "continuous", "density", "strategy") were printed and read for the
kind. Replaced or removed before any run for repeating an earlier substance: check_grads rtol
inf; hvp fun returning a complex value; DiscreteInverseCDF p holding None (earlier: "discrete p
an object array with None"); from_uniforms_guided u holding NaN; densities student_t loc None
and df typed as text; split_rhat draws empty; style check_numbers x holding None (exact), save
name None, subplots size misspelt (earlier: "an unknown size"), subplots ncols True (earlier:
numpy's True_); keep_freed_memory trim_threshold None and -1; the typo kind
known_densities('heavey',) (earlier: unknown kinds). Kept although near an earlier id, as a
new instance: quantile_type7 x and assert_same_distribution y as lists of numbers typed as
text (earlier: a printed array repr as text), mcse_mean (4, 3) (earlier: four chains of one
draw), keep_freed_memory trim_treshold= (earlier: mmap= shortened), style save out_dir a path
under a file (earlier: out_dir a file itself), ess_tail (4, 0) (earlier: ess_bulk (4, 0)),
check_grads args holding -inf (earlier: 1.8e308, whose square overflows).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 56 of the 95. After the
first run no case was added, reordered, swapped, reworded or dropped; no slip of mine was found
(every refusal in the first run was of the fault its id names; the messages were read).

First run at 84c7b66 (under ``ulimit -v 8000000``; pytest took about 17 s): kept,
48 of 56 clear (85.7%), 3 unclear, 5 silent, 0 data loss -- engine 15/16 (1 silent),
gradcheck 2/3 (1 unclear), samplers 14/15 (1 unclear), diagnostics 2/6 (1 unclear, 3 silent),
testing kit 12/12, figures 2/3 (1 silent), memory 1/1. Written, 84 of 95 clear (88.4%), 6
unclear, 5 silent, 0 data loss -- engine 27/28 (0, 1), gradcheck 3/5 (2, 0), samplers 24/25
(1, 0), diagnostics 4/10 (3, 3), testing kit 20/20, figures 4/5 (0, 1), memory 2/2. Under
pytest: 49 passed (48 cases and the wide-and-new test), 8 failed (the kept cases below;
NOT_CLEAR_YET is left empty for the lead).

Not clear, kept:
- ``grad through a Primitive whose vjp returns NaN for every entry`` (a misbehaving function):
  silent -- array([nan, nan, nan]) returned as the gradient, no error or warning (the issue:
  never a NaN without an error).
- ``hvp x a ragged list of lists`` (wrong shape): TypeError "hvp: fun (_square_loss) raised
  TypeError when called with 1 argument(s) of shape(s) list: can't multiply sequence by non-int
  of type 'list'" -- names hvp, but blames the user's fun with Python's own message; says
  neither that x is ragged nor what it was ([[0.5, 1.0], [2.0]]).
- ``noise_floor sampler whose sample returns NaN`` (a misbehaving function): ValueError
  "sampler.sample(n, rng) must be n draws, finite numbers, got 100 NaN or inf entries of 100
  (shape (100,))" -- unclear only on my mention "nan" (it writes "NaN"); names the sampler and
  the fault: fair by my own reading.
- ``mcse_sd draws holding NaN, a lost draw`` (NaN): ValueError "mcse_sd: draws must be finite,
  but they contain 1 NaN or infinite values" -- unclear on my mention "nan" (it writes "NaN");
  names draws and the fault, though not where the NaN is (chain 1, draw 30) and not whether it
  is NaN or inf.
- ``diagnose draws two chains of three draws, too short``, ``ess_bulk draws two chains of three
  draws, too short`` and ``mcse_mean draws four chains of three draws, too short`` (degenerate
  data): silent -- (array([nan]), array([nan])), array([nan]) and array([nan]) returned, each
  with a RuntimeWarning "<name>: need at least 4 draws per chain, got 3; returning NaN (as
  ArviZ does)": a NaN with a warning, which is what the issue asks for too-short chains, so
  doubtful as failures.
- ``style check_numbers shape (None,), a length left open`` (wrong type): silent --
  array([1., 2.]) returned (doubtful: None in a shape may be meant as "any length").
Not clear, written and not kept:
- ``check_grads args holding a ragged list of lists``: as hvp above ("check_grads: fun
  (_square_loss) raised TypeError ... can't multiply sequence by non-int of type 'list'").
- ``rank_normalize draws holding NaN`` and ``mcse_mean draws holding NaN``: as mcse_sd above
  ("<name>: draws must be finite, but they contain 1 NaN or infinite values").
Remark on a clear case: ``walks_from_one_start log_density returning None`` is refused by a
message that starts "metropolis: log_density (_none_fun) must return ..." -- it names the inner
function, not walks_from_one_start, the one called (my mentions did not ask for the name).

Measured on main at 84c7b66, the commit it was written at, blind (the lead reran it there): kept,
48 of 56 clear (85.7%), 3 unclear, 5 silent, 0 data loss. With the hundred-and-second (52 of 58)
the pair is 100 of 114 (87.7%); 9 of its 14 misses are settings documented as valid or issue
11's own NaN-with-a-warning rule for too-short chains (without them, 100 of 105, 95.2%).
Round 71 (with sight of this file, not blind): a user Primitive's VJP that returns NaN from
finite values is a ValueError naming the op and the VJP; a list or tuple handed to fun is shown
by value with a hint that it is a tree of numbers, not an array; a NaN or inf among draws is
shown where it is and what it is ("the first is draws[2, 17] = nan"). The four silent kept cases
that remain are strict xfails in NOT_CLEAR_YET.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose, ess_bulk,
                                  ess_mean, ess_tail, grid_inverse_cdf, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, optimal_acceptance,
                                  rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import (bin_masses, noise_floor, pooled_total_variation,
                                         total_variation, walks_from_one_start)
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import acceptance_1d, fixed_step_chains, step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetysixth import _under_the_batteries_ulimit
from test_bad_inputs_ninetyseventh import (EDGES, M23, P3, X3, _chains4, _figure,
                                           _sin_loss, _square_loss)


# --- the engine and gradcheck: users' functions that misbehave ---------------------------------

def _complex_impl(x):
    """A Primitive's impl with a phase factor left in: complex values."""
    return np.asarray(x, dtype=float) ** 2 + 0j


def _square_vjp(g, ans, x):
    return g * 2.0 * x


def _through_complex_impl(x):
    return ad.sum(ad.Primitive("my_cplx", _complex_impl, _square_vjp)(x))


def _square_impl(x):
    return np.asarray(x, dtype=float) ** 2


def _nan_vjp(g, ans, x):
    """A vjp rule that divides 0 by 0 somewhere: NaN for every entry."""
    return np.full(np.shape(x), np.nan)


def _through_nan_vjp(x):
    return ad.sum(ad.Primitive("my_nanvjp", _square_impl, _nan_vjp)(x))


def _text_vjp(g, ans, x):
    """A vjp rule whose values came back formatted as strings (a print left in)."""
    return np.asarray([f"{v:.3f}" for v in np.ravel(2.0 * np.asarray(x, dtype=float))])


def _through_text_vjp(x):
    return ad.sum(ad.Primitive("my_textvjp", _square_impl, _text_vjp)(x))


def _complex_loss(x):
    """A loss with a phase factor left in: a complex value."""
    return ad.sum(x * x) * (1 + 1j)


# --- samplers: functions that misbehave ------------------------------------------------------

def _column_pdf(x):
    """A density returning a column, shape (n, 1), for n points (a reshape left in)."""
    return np.reshape(stats.norm.pdf(x), (-1, 1))


def _column_cdf(x):
    """A cdf returning a column, shape (n, 1), for n points."""
    return np.reshape(stats.norm.cdf(x), (-1, 1))


def _column_ppf(u):
    """A ppf returning a column, shape (n, 1), for n uniforms."""
    return np.reshape(stats.norm.ppf(u), (-1, 1))


def _strings_pdf(x):
    """A density whose values came back as strings (read from a text table)."""
    return np.asarray([f"{v:.6f}" for v in np.ravel(stats.norm.pdf(x))]).reshape(np.shape(x))


def _none_fun(x):
    """A user's function that computes its value but forgets to ``return`` it."""
    stats.norm.cdf(x)


def _minus_inf_log_density(x):
    """A log-density of a target with no mass anywhere: -inf for every point."""
    return np.full(np.shape(x)[0], -np.inf)


def _complex_cdf(x):
    return stats.norm.cdf(x) + 0j


class _NanSampler:
    """A user's sampler whose ``sample`` returns NaN for every draw."""

    def sample(self, size, rng):
        return np.full(size, np.nan)


def _short_chains(chains, draws):
    return np.random.default_rng(103).normal(size=(chains, draws))


def _chains_with_nan():
    x = _chains4().copy()
    x[1, 30] = np.nan
    return x


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("sub of a vector and a list holding None, a missing value", lambda d: ad.sub(
        X3, [1.0, None, 2.0]), ["sub", "None"]),
    ("cos of None, a value never set", lambda d: ad.cos(None), ["cos", "None"]),
    ("sinh of a list holding None, a missing value", lambda d: ad.sinh([0.5, None, 2.0]),
     ["sinh", "None"]),
    ("sigmoid of True, a bool for a number", lambda d: ad.sigmoid(True), ["sigmoid", "True"]),
    ("log1p of a list holding None, a missing value", lambda d: ad.log1p([0.5, None, 2.0]),
     ["log1p", "None"]),
    ("neg of True, a bool for a number", lambda d: ad.neg(True), ["neg", "True"]),
    ("div of a vector by True, a bool for a divisor", lambda d: ad.div(X3, True),
     ["div", "True"]),
    ("add of a vector and None, a term never set", lambda d: ad.add(X3, None),
     ["add", "None"]),
    ("matrix_transpose of a table of numbers typed as text", lambda d: ad.matrix_transpose(
        [["1.0", "2.0"], ["3.0", "4.0"]]), ["matrix_transpose", "1.0"]),
    ("shape of None, a value never set", lambda d: ad.shape(None), ["shape", "None"]),
    ("sum_to x None, a value never set", lambda d: ad.sum_to(None, (3,)),
     ["sum_to", "None"]),
    ("concatenate xs holding None, an array never set", lambda d: ad.concatenate([X3, None]),
     ["concatenate", "None"]),
    ("solve a None, a matrix never set", lambda d: ad.solve(None, X3), ["solve", "None"]),
    ("einsum an operand None, never set", lambda d: ad.einsum("ij,jk->ik", M23, None),
     ["einsum", "None"]),
    ("logsumexp of a list of numbers typed as text", lambda d: ad.logsumexp(["0.5", "1.0"]),
     ["logsumexp", "0.5"]),
    ("broadcast_to x a list of numbers typed as text", lambda d: ad.broadcast_to(
        ["1.0", "2.0", "3.0"], (2, 3)), ["broadcast_to", "1.0"]),
    ("power of a list holding None, a missing base", lambda d: ad.power(
        [0.5, None, 2.0], 2.0), ["power", "None"]),
    ("jvp primals a tuple holding None, a point never set", lambda d: ad.jvp(
        ad.sin, (None,), (np.ones(3),)), ["jvp", "None"]),
    ("jvp tangents a tuple holding a list with None, a missing entry", lambda d: ad.jvp(
        ad.sin, (X3,), ([1.0, None, 0.0],)), ["jvp", "None"]),
    ("vjp of sin at the text '0.5', a number typed as text", lambda d: ad.vjp(ad.sin, "0.5"),
     ["vjp", "0.5"]),
    ("trace of sin at None, a point never set", lambda d: ad.trace(ad.sin, None),
     ["trace", "None"]),
    ("grad at a list holding None, a missing value", lambda d: ad.grad(_square_loss)(
        [0.5, None, 2.0]), ["grad", "None"]),
    ("value_and_grad at the text '0.5', a number typed as text", lambda d: ad.value_and_grad(
        _sin_loss)("0.5"), ["value_and_grad", "0.5"]),
    ("grad through a Primitive whose impl returns complex values", lambda d: ad.grad(
        _through_complex_impl)(X3), ["my_cplx", "complex"]),
    ("grad through a Primitive whose vjp returns NaN for every entry", lambda d: ad.grad(
        _through_nan_vjp)(X3), ["my_nanvjp", "nan"]),
    ("grad through a Primitive whose vjp returns strings", lambda d: ad.grad(
        _through_text_vjp)(X3), ["my_textvjp", "str"]),
    ("hessian of a fun returning a complex value", lambda d: ad.hessian(_complex_loss)(X3),
     ["hessian", "complex"]),
    ("max axis True, a bool for an axis", lambda d: ad.max(M23, axis=True),
     ["axis", "True"]),
]

GRADCHECK_CASES = [
    ("check_grads args a tuple holding True, a bool for a point", lambda d: check_grads(
        _sin_loss, (True,)), ["check_grads", "True"]),
    ("check_grads args holding a 0-d NaN, a point lost", lambda d: check_grads(
        _sin_loss, (np.array(np.nan),)), ["check_grads", "nan"]),
    ("check_grads args holding a ragged list of lists", lambda d: check_grads(
        _square_loss, ([[0.5, 1.0], [2.0]],)), ["check_grads", "[2.0]"]),
    ("hvp x a ragged list of lists", lambda d: hvp(
        _square_loss, [[0.5, 1.0], [2.0]], [[1.0, 0.0], [1.0]]), ["hvp", "[2.0]"]),
    ("check_grads args holding -inf, a point at minus infinity", lambda d: check_grads(
        _sin_loss, (np.array([0.5, -np.inf, 2.0]),)), ["check_grads", "inf"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF ppf u holding None, a missing uniform", lambda d:
        DiscreteInverseCDF(P3).ppf([0.1, None, 0.9]), ["u", "None"]),
    ("DiscreteInverseCDF sample size 10**12, far past memory", lambda d:
        _under_the_batteries_ulimit(lambda: DiscreteInverseCDF(P3).sample(10 ** 12, _rng())),
     ["size", "1000000000000"]),
    ("ContinuousInverseCDF from_uniforms u holding None, a missing uniform", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf).from_uniforms(
            [0.1, None, 0.9]), ["u", "None"]),
    ("from_density pdf returning a (n, 1) column", lambda d:
        ContinuousInverseCDF.from_density(_column_pdf, (-8.0, 8.0)), ["pdf", "1)"]),
    ("grid_inverse_cdf pdf returning a (n, 1) column", lambda d: grid_inverse_cdf(
        _column_pdf, -5.0, 5.0), ["pdf", "1)"]),
    ("grid_inverse_cdf pdf returning values formatted as strings", lambda d: grid_inverse_cdf(
        _strings_pdf, -5.0, 5.0), ["pdf", "str"]),
    ("find_center pdf returning a (n, 1) column", lambda d: find_center(
        _column_pdf, -5.0, 5.0), ["pdf", "1)"]),
    ("total_variation cdf returning None, a return forgotten", lambda d: total_variation(
        _samples(), EDGES, _none_fun), ["cdf", "None"]),
    ("pooled_total_variation cdf returning None, a return forgotten", lambda d:
        pooled_total_variation(_chains4(), EDGES, _none_fun), ["cdf", "None"]),
    ("metropolis log_density -inf everywhere, a target with no mass", lambda d: _metropolis(
        log_density=_minus_inf_log_density), ["log_density", "-inf"]),
    ("noise_floor sampler whose sample returns NaN", lambda d: noise_floor(
        100, 3, _NanSampler(), EDGES, stats.norm.cdf, _rng()), ["sampler", "nan"]),
    ("walks_from_one_start log_density returning None, a return forgotten", lambda d:
        walks_from_one_start(_none_fun, 0.0, {"a": 1.0}, 2, 10, EDGES, stats.norm.cdf,
                             [_rng()]), ["log_density", "None"]),
    ("bin_masses cdf returning None, a return forgotten", lambda d: bin_masses(
        EDGES, _none_fun), ["cdf", "None"]),
    ("integrate f returning None, a return forgotten", lambda d: integrate(
        _none_fun, -1.0, 1.0), ["f", "None"]),
    ("from_ppf cdf returning a (n, 1) column", lambda d: ContinuousInverseCDF.from_ppf(
        stats.norm.ppf, _column_cdf), ["cdf", "1)"]),
    ("metropolis_transition_matrix Q a table holding None, a missing entry", lambda d:
        metropolis_transition_matrix(P3, [[1 / 3, 1 / 3, 1 / 3], [1 / 3, None, 1 / 3],
                                          [1 / 3, 1 / 3, 1 / 3]]), ["Q", "None"]),
    ("step_size_sweep scaled holding None, a missing step size", lambda d: step_size_sweep(
        [0.5, None, 2.0], 2, 20, {"d1": 1}, [_rng()]), ["scaled", "None"]),
    ("optimal_acceptance dim None, a dimension never set", lambda d: optimal_acceptance(None),
     ["dim", "None"]),
    ("acceptance_1d h None, a step never set", lambda d: acceptance_1d(None),
     ["h", "None"]),
    ("fixed_step_chains scaled holding None, a missing step size", lambda d:
        fixed_step_chains(1, [0.5, None, 2.0], 2, 10, _rng()), ["scaled", "None"]),
    ("fixed_step_chains steps None, a count never set", lambda d: fixed_step_chains(
        1, [1.0], 2, None, _rng()), ["steps", "None"]),
    ("step_size_sweep dims {'d1': None}, a dimension never set", lambda d: step_size_sweep(
        [1.0], 2, 20, {"d1": None}, [_rng()]), ["dims", "None"]),
    ("noise_floor n True, a bool for a count", lambda d: noise_floor(
        True, 3, ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf), EDGES,
        stats.norm.cdf, _rng()), ["n", "True"]),
    ("bin_masses cdf returning a (n, 1) column", lambda d: bin_masses(EDGES, _column_cdf),
     ["cdf", "1)"]),
    ("integrate f returning a (n, 1) column", lambda d: integrate(_column_pdf, -1.0, 1.0),
     ["f", "1)"]),
]

DIAGNOSTIC_CASES = [
    ("mcse_sd draws holding NaN, a lost draw", lambda d: mcse_sd(_chains_with_nan()),
     ["mcse_sd", "nan"]),
    ("rank_normalize draws holding NaN, a lost draw", lambda d: rank_normalize(
        _chains_with_nan()), ["rank_normalize", "nan"]),
    ("split_rhat draws ragged chains of 100 and 99 draws", lambda d: split_rhat(
        [_short_chains(1, 100)[0], _short_chains(1, 99)[0]]), ["split_rhat", "99"]),
    ("ess_tail draws four chains of no draws, (4, 0)", lambda d: ess_tail(np.zeros((4, 0))),
     ["ess_tail", "(4, 0)"]),
    ("diagnose draws two chains of three draws, too short", lambda d: diagnose(
        _short_chains(2, 3)), ["diagnose", "(2, 3)"]),
    ("quantile_type7 x a list of numbers typed as text", lambda d: quantile_type7(
        ["0.5", "1.5", "-0.2"], 0.5), ["quantile_type7", "0.5"]),
    ("ess_mean draws an empty list, no chains", lambda d: ess_mean([]),
     ["ess_mean", "draws"]),
    ("mcse_mean draws holding NaN, a lost draw", lambda d: mcse_mean(_chains_with_nan()),
     ["mcse_mean", "nan"]),
    ("ess_bulk draws two chains of three draws, too short", lambda d: ess_bulk(
        _short_chains(2, 3)), ["ess_bulk", "(2, 3)"]),
    ("mcse_mean draws four chains of three draws, too short", lambda d: mcse_mean(
        _short_chains(4, 3)), ["mcse_mean", "(4, 3)"]),
]

TESTING_CASES = [
    ("assert_monotone u holding None, a missing uniform", lambda d: testing.assert_monotone(
        stats.norm.ppf, [0.1, None, 0.9]), ["u", "None"]),
    ("assert_inverts u holding None, a missing uniform", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, [0.1, None, 0.9], 1e-6), ["u", "None"]),
    ("ks_distance cdf returning a (n, 1) column", lambda d: testing.ks_distance(
        _samples(), _column_cdf), ["cdf", "1)"]),
    ("assert_cdf_matches cdf returning complex values", lambda d: testing.assert_cdf_matches(
        _samples(), _complex_cdf), ["cdf", "complex"]),
    ("assert_labels_match labels holding None, a missing label", lambda d:
        testing.assert_labels_match([0, 1, None, 2, 1, 2, 0, 2, 1, 2] * 20, P3),
     ["labels", "None"]),
    ("assert_same_distribution y a list of numbers typed as text", lambda d:
        testing.assert_same_distribution(_samples(), [f"{v:.4f}" for v in _samples(100)]),
     ["assert_same_distribution", "y"]),
    ("two_sample_distance x a list of numbers typed as text", lambda d:
        testing.two_sample_distance([f"{v:.4f}" for v in _samples(100)], _samples()),
     ["two_sample_distance", "x"]),
    ("draws_needed alpha True, a bool for a probability", lambda d: testing.draws_needed(
        0.05, alpha=True), ["alpha", "True"]),
    ("smallest_detectable beta None", lambda d: testing.smallest_detectable(1000, beta=None),
     ["beta", "None"]),
    ("dkw_epsilon alpha 1.5, above 1", lambda d: testing.dkw_epsilon(1000, alpha=1.5),
     ["alpha", "1.5"]),
    ("chi_square_pvalue p None, the probabilities never set", lambda d:
        testing.chi_square_pvalue([20, 30, 50], None), ["p", "None"]),
    ("chi_square_power alpha True, a bool for a probability", lambda d:
        testing.chi_square_power(P3, [0.3, 0.3, 0.4], 1000, alpha=True), ["alpha", "True"]),
    ("ks_distance cdf returning complex values", lambda d: testing.ks_distance(
        _samples(), _complex_cdf), ["cdf", "complex"]),
    ("densities student_t scale None, a width never set", lambda d: densities.student_t(
        3.0, scale=None), ["scale", "None"]),
    ("densities triangular lo the text '0', a number typed as text", lambda d:
        densities.triangular("0", 0.5, 1.0), ["lo", "'0'"]),
    ("densities trapezoid d None", lambda d: densities.trapezoid(0.0, 0.25, None, 1.0),
     ["d", "None"]),
    ("densities uniform hi True, a bool for a bound", lambda d: densities.uniform(0.0, True),
     ["hi", "True"]),
    ("densities pareto scale None", lambda d: densities.pareto(2.0, scale=None),
     ["scale", "None"]),
    ("strategies u_grids max_size True, a bool for a count", lambda d: _example(
        strategies.u_grids(max_size=True)), ["max_size", "True"]),
    ("strategies uniforms_near_edges p holding None, a missing probability", lambda d:
        _example(strategies.uniforms_near_edges([0.2, None, 0.5])), ["p", "None"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style save out_dir a path under a file", lambda d: style.save(
        _figure(), str(_a_file(d) / "figs"), "fig_a"), ["out_dir", "figs"]),
    ("style check_count value None, a count never set", lambda d: style.check_count(
        "ncols", None), ["ncols", "None"]),
    ("style check_positive_numbers value holding None, a missing width", lambda d:
        style.check_positive_numbers("widths", [1.0, None], 2, "bar widths"),
     ["widths", "None"]),
    ("style check_record keys None, the expected keys never set", lambda d:
        style.check_record("cfg", {"a": 1}, None), ["keys", "None"]),
    ("style check_numbers shape (None,), a length left open", lambda d: style.check_numbers(
        "values", [1.0, 2.0], shape=(None,)), ["shape", "None"]),
]

MEMORY_CASES = [
    ("keep_freed_memory trim_treshold=..., the keyword misspelt", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(trim_treshold=268435456)),
     ["trim_treshold"], None),
    ("keep_freed_memory mmap_threshold a list of two sizes", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(mmap_threshold=[65536, 131072])),
     ["mmap_threshold", "65536"], None),
]


def _a_file(folder):
    """A plain file in the case's folder, so that a path under it cannot be a folder."""
    from pathlib import Path
    f = Path(folder) / "notes.txt"
    f.write_text("not a folder\n")
    return f


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
    'diagnose draws two chains of three draws, too short':
        'silent at 84c7b66: NaN with a RuntimeWarning (issue 11\'s own rule for degenerate '
        'chains: a NaN with a warning, as ArviZ gives)',
    'ess_bulk draws two chains of three draws, too short':
        'silent at 84c7b66: NaN with a RuntimeWarning (issue 11\'s rule, as above)',
    'mcse_mean draws four chains of three draws, too short':
        'silent at 84c7b66: NaN with a RuntimeWarning (issue 11\'s rule, as above)',
    'style check_numbers shape (None,), a length left open':
        'silent at 84c7b66: no error (doubtful: None in shape is documented as any length on '
        'that axis)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredthird_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredthird.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
