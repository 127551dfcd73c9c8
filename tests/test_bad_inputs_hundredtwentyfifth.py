"""A hundred-and-twenty-fifth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt125), from the user's side only: README.md in part (its
list of headings, lines 182-243 "Property-testing your own sampler", lines 330-380 on the
batteries, the engine's NaN/dtype rules and refusals, and lines 540-566 "Sampling"); the public
names (``__all__`` where there is one, else ``dir`` filtered to the names each module defines
itself) and signatures of ``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and
its public modules (``closed_forms``, ``continuous``, ``diagnostics``, ``discrete``,
``finite_chain``, ``interpolation``, ``metropolis``, ``mixing``, ``quadrature``, ``step_size``,
``tails``; ``sampling.checks`` left out), ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF`` (signatures only); the two templates, the hundred-and-twenty-third and
the hundred-and-twenty-first batteries, in full (each printed in two parts, a display cut
printed after); ``tests/test_bad_inputs_cli.py``'s lines 1-60 (the module docstring, imports and
the first file helpers ``_good``, ``_arrays``, the head of ``_damaged``: a little more than the
brief lists, disclosed), the list of its function heads, and lines 480-500 (``classify_call``)
and 555-600 (``kept_cases``, ``battery_params``, ``assert_wide_and_new``, ``battery_main``, the
head of ``report_by_area``); the head of the eighth battery's ``classify_case`` (lines 856-875);
the earlier batteries' ids and shared helpers (imported, not copied: from the fifth
``_example``, ``_metropolis`` and ``_rng``; the seventeenth ``_samples``; the eighty-seventh
``_then_defaults``; the ninety-sixth ``_under_the_batteries_ulimit``; from the ninety-seventh its
constants, ``_chains4`` and ``_sin_loss``; the hundred-and-fifth ``_square_impl`` and
``_square_vjp``; the hundred-and-seventh ``_normal_sampler``; the hundred-and-eleventh
``_discrete``; the hundred-and-seventeenth ``_through``; only their signatures and the constants'
values were printed, no body). Glimpse, disclosed: a grep of the earlier files for the Primitive
names ``my_scalarvjp`` and ``my_noneimpl`` printed a few lines of the hundred-and-eleventh and
hundred-and-seventeenth batteries (their cases and one of their recorded messages). No body,
docstring or source of library code, of ``checks``/``messages``/``protocol``, of the library's
history or of /work/main (whose venv's python alone was run) was read, before or after the first
run (``git status`` was the only git command). No ``__main__`` module was imported; no
``--help`` was run (this battery has no command-line case). Writes: none of the cases writes a
file. No optional package is used, so no case is skipped. One case could allocate gigabytes and
runs under the ninety-sixth battery's ``_under_the_batteries_ulimit``: ``grid_inverse_cdf n
10**10, far past memory`` (not kept).

Areas (library side only), as written: the autodiff engine -- exp, log1p, minimum, div, prod,
std, norm axis, concatenate xs, matmul b, sub, squeeze axis, einsum operand, tree_map trees,
Primitive impl, hessian argnum, jacobian, jvp tangents, vjp, value_and_grad, grad (fun and
argnums), where cond (22); gradcheck -- check_grads (rng, args, rtol, eps, a user's Primitive)
and hvp (v twice, a user's Primitive, fun) (9); samplers -- DiscreteInverseCDF (p twice,
from_uniforms u, ppf u, rvs size, sample rng), ContinuousInverseCDF (from_density pdf twice and
domain, from_ppf cdf, ppf u, u_error sample_size), grid_inverse_cdf (n, lo), metropolis (x0,
n_steps, log_density), cauchy loc, fixed_step_chains dim, metropolis_transition_matrix p,
horner s, solve_vandermonde s, total_variation edges, integrate hi, bin_masses cdf,
acceptance_1d h, find_center center (27); diagnostics -- split_rhat, ess_bulk, ess_tail (prob,
draws), ess_mean, mcse_mean, mcse_sd, rank_normalize, diagnose, split_chains, normal_scores,
quantile_type7 prob (12); the testing kit (assert_monotone ppf and u, assert_inverts cdf,
assert_cdf_matches samples, assert_labels_match p, assert_same_distribution x, draws_needed
alpha, smallest_detectable n, dkw_epsilon n, ks_distance samples, two_sample_distance y,
chi_square_power n), its densities (trapezoid d, normal_mixture scales) and strategies
(symmetric_proposals n, uniforms_near_edges p) (16); ``figures.style`` check_numbers x,
check_seed, check_record, check_axes (4); ``memory`` keep_freed_memory (twice), the opt-out
variable, keep_freed_memory_unless_opted_out (4): 94 written. Dtypes: float64 and float32 are
valid by the README and other floats are differentiated in float64, so the dtype cases are of
another kind (structured dtypes: record arrays and numpy.void records).

Kinds of bad value (the issue's own, each on a function or argument not tried with it, as far
as the repeats check below could tell):
- a wrong type: an endless ``itertools.count`` or ``itertools.repeat`` where an array, one
  number or one object is meant (exp, std, concatenate xs, einsum operand, tree_map trees, grad
  argnums, jvp tangents; check_grads rng and args, hvp v; DiscreteInverseCDF p and sample rng,
  from_density domain, metropolis x0, metropolis_transition_matrix p, horner s,
  total_variation edges, acceptance_1d h; ess_tail prob, mcse_sd, split_chains;
  assert_labels_match p, assert_same_distribution x, smallest_detectable n; style check_axes;
  keep_freed_memory mmap_threshold) -- each must be refused before it is walked; an
  ``enumerate`` object (norm axis, Primitive impl, where cond, check_grads rtol and eps,
  from_ppf cdf, cauchy loc, ess_tail draws, keep_freed_memory trim_threshold); a generator
  (minimum, DiscreteInverseCDF p and ppf u, grid_inverse_cdf lo, ess_bulk, quantile_type7 prob,
  assert_cdf_matches samples, densities normal_mixture scales, uniforms_near_edges p, style
  check_numbers x); a NumPy flat iterator (sub, mcse_mean); a record array with one field 'x' or
  a numpy.void record (log1p, prod, matmul b, hvp v, DiscreteInverseCDF from_uniforms u,
  ContinuousInverseCDF ppf u, split_rhat, rank_normalize, diagnose, normal_scores,
  assert_monotone u, draws_needed alpha, ks_distance samples, two_sample_distance y); a Fraction
  where a float or an int is meant (div, squeeze axis, hessian argnum, u_error sample_size,
  metropolis n_steps, integrate hi, find_center center, dkw_epsilon n, symmetric_proposals n,
  style check_seed); a list where a record is meant (style check_record); env values neither yes
  nor no ('oui', 'naja');
- out of range: negative (DiscreteInverseCDF rvs size -2, fixed_step_chains dim -1), NaN
  (chi_square_power n), huge (grid_inverse_cdf n 10**10, under the ulimit), a trapezoid's d
  past its hi;
- a wrong shape: empty (solve_vandermonde s), four chains one draw short (ess_mean);
- a user's function that misbehaves: a fun returning a numpy.void record (jacobian), a record
  array (vjp), an endless itertools.count (value_and_grad, hvp), an enumerate object (grad); a
  Primitive whose vjp returns one number for a vector (check_grads) or whose impl returns None
  (hvp); a pdf returning an enumerate object or a record array (from_density); a log-density
  returning an itertools.count (metropolis); a cdf that decreases (bin_masses), or returning an
  itertools.count (assert_inverts); a ppf returning an enumerate object (assert_monotone).
No degenerate data of the issue's own rule (too-short or constant chains), no file or path case
and no mismatch between runs (these areas have none but ``style.save``, whose path kinds the
earlier batteries hold).

Repeats: every id of the earlier batteries (15,504 distinct quoted first elements of tuples in
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex; some are not
ids) was compared with the file before the run for exact ids, case-insensitively (none in the
file as run; ten in the first draft, replaced: std ddof NaN, grad of a fun returning a bool,
check_grads rtol NaN, integrate f returning None, acceptance_1d h NaN, assert_monotone ppf None,
assert_inverts cdf returning None, draws_needed beta NaN, smallest_detectable alpha 0,
keep_freed_memory mmap_threshold a Fraction). Then, for every drafted id, the earlier ids
sharing all but the last word of its head (the part before a comma) were printed and read, and
then prefix greps of the earlier ids by function and argument for every replacement; drafts
sharing an earlier substance were replaced before the run (about fifty over two rounds: among
them from_density pdf None, pdf returning one number and domain one number, from_ppf ppf None,
DiscreteInverseCDF p 2-D and sample rng a list of Generators, metropolis log_density returning
None and x0 a record array, metropolis_transition_matrix Q (2, 2) for three states, horner a
empty, split_chains x a scalar, ess_tail prob reversed and (0.05, NaN), mcse_sd -inf,
rank_normalize a generator, jvp tangents a generator, vjp of a fun returning a list,
value_and_grad of a fun returning a numpy.void, jacobian of a fun returning None, einsum
subscripts None, Primitive name bytes, hessian argnum 0.0, concatenate axis 0.5, squeeze axis 1
of a (2, 3) matrix, exp of a record array, norm ord 'two', cauchy scale 'wide', densities
trapezoid c above d, symmetric_proposals n 0, check_axes ax None, ks_distance cdf a survival
function, assert_same_distribution alpha 1.5, check_grads rng 7, atol -1.0 and args a generator,
hvp fun returning text and v of another length, trim_threshold NaN, the opt-out values 'ja' and
'2', grad argnums a set, tree_map of trees of one and two leaves, assert_labels_match labels
2-D, matmul of a (3,) vector and a (2, 3) matrix, where's a and b of other lengths). Kept
although near an earlier id, as a new instance: check_grads through a Primitive whose vjp
returns one number (earlier under grad, hessian, jacobian and hvp); hvp through a Primitive
whose impl returns None (earlier hessian); grid_inverse_cdf n 10**10 (earlier sys.maxsize and
other counts); ess_mean one chain a draw short (earlier ess_bulk ragged chains); the endless
itertools.count on every function above (earlier on tanh, ess_mean, discrete from_uniforms,
select_test_time; itertools.repeat on normal_mixture scales and step_size_sweep rngs); the
record arrays and enumerate objects (earlier on other functions or arguments: exp, ess_tail,
mcse_sd, metropolis x0, jvp primals, concatenate xs; assert_labels_match labels, check_grads
args, tree_map trees); fixed_step_chains dim -1 (earlier 0, 1.5, NaN, ...), DiscreteInverseCDF
rvs size -2 (earlier (2, -3)), chi_square_power n NaN (earlier inf, None), metropolis n_steps a
Fraction (earlier a Decimal), find_center center a Fraction (earlier NaN, True, complex, ...).
Missed, found while writing this docstring: none.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 55 of the 94. After the
first run no case was added, dropped, reordered, swapped, reworded or corrected (only this
docstring was written; pytest and the kept run, repeated after it, gave the same 55 passed, 1
failed, and 54 of 55 clear).

First run (under ``ulimit -v 8000000``; kept about 3 s, --written about 3 s; pytest 27 s): kept,
54 of 55 clear (98.2%), 1 unclear, 0 silent, 0 data loss -- engine 12/13 (1 unclear),
gradcheck 5/5, samplers 16/16, diagnostics 7/7, testing kit 10/10, figures 2/2, memory 2/2.
Written, 92 of 94 clear (97.9%), 2 unclear, 0 silent, 0 data loss -- engine 20/22 (2 unclear),
gradcheck 9/9, samplers 27/27, diagnostics 12/12, testing kit 16/16, figures 4/4, memory 4/4.
Under pytest: 55 passed (54 cases and the wide-and-new test), 1 failed (the kept case below;
NOT_CLEAR_YET is left empty for the lead).

Not clear, kept:
- ``matmul b a record array with one field 'x'`` (wrong type): unclear by my mention --
  TypeError "reshape: cannot apply to (3,) of dtype [('x', '<f8')] and tuple (-1, 1): x must be
  an array of real numbers, got (3,) of dtype [('x', '<f8')], the first (0.5,)": names reshape,
  the op matmul calls for a vector b, not matmul (as the earlier batteries' squeeze, mean, var
  and std named reshape or sum). Doubtful: the dtype, the first entry and the rule are said.
Not clear, written and not kept:
- ``tree_map trees an endless itertools.count``: unclear by my mention -- TypeError "sin: x must
  be an array of real numbers, got an iterator, itertools.count, which NumPy does not read as
  its values; pass np.array(list(it)) (or the array it walks)": tree_map took the iterator as a
  leaf and the function given to it (sin) refused it, so tree_map is not named. Doubtful, and
  perhaps no fault: a leaf of a tree may be any object, and the error names the op that refused
  it, the type and the fix.

Measured on main at 938a415, the commit it was written at, blind (the lead reran it there,
with the hundred-and-twenty-fourth beside it): kept, 54 of 55 clear (98.2%), 1 unclear, 0
silent, 0 data loss. Round 82 (with sight of this file, not blind): matmul with a 1-D operand
checks both operands' dtypes under its own name before reshaping the vector, so a record, text
or complex vector is matmul's error naming a or b; the one kept miss is clear at HEAD. The
written case tree_map over an endless iterator is left alone: the function given to tree_map
refuses the leaf, by its own name, as it should.
"""

import itertools
from fractions import Fraction

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
from scratchmeta.sampling.interpolation import horner, solve_vandermonde
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import acceptance_1d, fixed_step_chains
from scratchmeta.sampling.tails import find_center
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
from test_bad_inputs_hundredseventh import _normal_sampler
from test_bad_inputs_hundredeleventh import _discrete
from test_bad_inputs_hundredseventeenth import _through


# --- the engine and gradcheck: users' functions and rules that misbehave -----------------------

REC3 = np.array([(0.5,), (-1.0,), (2.0,)], dtype=[("x", float)])   # a record array, field 'x'


def _void():
    """One row of a record array, a numpy.void record."""
    return REC3[0]


def _gen(values=(0.5, -1.0, 2.0)):
    """A generator of numbers, where an array is meant (a comprehension left in parentheses)."""
    return (float(v) for v in values)


def _rec_chains():
    """Four chains as a record array, one field 'x'."""
    return np.array([[(v,) for v in c] for c in _chains4()], dtype=[("x", float)])


def _count_fun(x):
    """A fun returning an endless itertools.count (a counter returned for a value)."""
    return itertools.count()


def _enumerate_fun(x):
    """A fun returning an enumerate object over its values, not the values."""
    return enumerate(np.ravel(np.asarray(ad.stop_gradient(x), dtype=float)))


def _record_fun(x):
    """A fun returning its values as a record array, one field 'x'."""
    v = np.ravel(np.asarray(ad.stop_gradient(x), dtype=float))
    return np.array([(a,) for a in v], dtype=[("x", float)])


def _void_fun(x):
    """A fun returning a numpy.void record (a row of a results table)."""
    return np.array([(float(np.sum(ad.stop_gradient(x) ** 2)),)], dtype=[("loss", float)])[0]


def _scalar_vjp(g, ans, x):
    """A vjp rule returning one number for a vector input (a sum left in)."""
    return float(np.sum(ad.stop_gradient(g * 2.0 * x)))


def _none_impl(x):
    """A Primitive's impl that forgets to return, giving None."""
    np.asarray(x, dtype=float) ** 2


# --- samplers, diagnostics and the kit: functions and data that misbehave ---------------------

def _record_pdf(x):
    """A pdf returning its values as a record array, one field 'x'."""
    v = np.ravel(stats.norm.pdf(np.asarray(x, dtype=float)))
    return np.array([(a,) for a in v], dtype=[("x", float)]).reshape(np.shape(x))


def _decreasing_cdf(x):
    """A 'cdf' that decreases: the survival function 1 - Phi given in its place."""
    return stats.norm.sf(np.asarray(x, dtype=float))


def _ragged_chains():
    c = _chains4()
    return [c[0], c[1], c[2], c[3][:99]]


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("exp of an endless itertools.count", lambda d: ad.exp(itertools.count()),
     ["exp", "count"]),
    ("log1p of a numpy.void record", lambda d: ad.log1p(_void()), ["log1p", "void"]),
    ("minimum of a vector and a generator of numbers", lambda d: ad.minimum(X3, _gen()),
     ["minimum", "generator"]),
    ("div of a vector by a Fraction(1, 3)", lambda d: ad.div(X3, Fraction(1, 3)),
     ["div", "Fraction"]),
    ("prod of a record array with one field 'x'", lambda d: ad.prod(REC3), ["prod", "'x'"]),
    ("std of an endless itertools.count", lambda d: ad.std(itertools.count()),
     ["std", "count"]),
    ("norm axis an enumerate object", lambda d: ad.norm(M23, axis=enumerate([0])),
     ["axis", "enumerate"]),
    ("concatenate xs an endless itertools.repeat of a vector", lambda d: ad.concatenate(
        itertools.repeat(X3)), ["xs", "repeat"]),
    ("matmul b a record array with one field 'x'", lambda d: ad.matmul(M23, REC3),
     ["matmul", "'x'"]),
    ("sub of a vector and a NumPy flat iterator", lambda d: ad.sub(X3, X3.flat),
     ["sub", "flatiter"]),
    ("squeeze axis a Fraction(0, 1)", lambda d: ad.squeeze(X3.reshape(1, 3),
                                                          axis=Fraction(0, 1)),
     ["axis", "Fraction"]),
    ("einsum operand an endless itertools.count", lambda d: ad.einsum(
        "i->", itertools.count()), ["einsum", "count"]),
    ("tree_map trees an endless itertools.count", lambda d: ad.tree_map(
        ad.sin, itertools.count()), ["tree_map", "count"]),
    ("Primitive impl an enumerate object", lambda d: ad.Primitive(
        "my_square", enumerate([_square_impl]), _square_vjp), ["impl", "enumerate"]),
    ("hessian argnum a Fraction(0, 1)", lambda d: ad.hessian(
        _sin_loss, argnum=Fraction(0, 1))(X3), ["argnum", "Fraction"]),
    ("jacobian of a fun returning a numpy.void record", lambda d: ad.jacobian(
        _void_fun)(X3), ["_void_fun", "void"]),
    ("jvp tangents an endless itertools.repeat of a tangent", lambda d: ad.jvp(
        ad.sin, (X3,), itertools.repeat(X3)), ["tangents", "repeat"]),
    ("vjp of a fun returning a record array", lambda d: ad.vjp(_record_fun, X3),
     ["_record_fun", "'x'"]),
    ("value_and_grad of a fun returning an endless itertools.count", lambda d:
        ad.value_and_grad(_count_fun)(X3), ["_count_fun", "count"]),
    ("grad of a fun returning an enumerate object", lambda d: ad.grad(_enumerate_fun)(X3),
     ["_enumerate_fun", "enumerate"]),
    ("grad argnums an endless itertools.count", lambda d: ad.grad(
        _sin_loss, argnums=itertools.count())(X3), ["argnums", "count"]),
    ("where cond an enumerate object", lambda d: ad.where(enumerate([True] * 3), X3, X3),
     ["cond", "enumerate"]),
]

GRADCHECK_CASES = [
    ("check_grads rng an endless itertools.repeat of a Generator", lambda d: check_grads(
        _sin_loss, (X3,), rng=itertools.repeat(_rng())), ["rng", "repeat"]),
    ("check_grads args an endless itertools.repeat of the point", lambda d: check_grads(
        _sin_loss, itertools.repeat(X3)), ["args", "repeat"]),
    ("check_grads rtol an enumerate object", lambda d: check_grads(
        _sin_loss, (X3,), rtol=enumerate([1e-6])), ["rtol", "enumerate"]),
    ("check_grads fun through a Primitive whose vjp returns one number for a vector", lambda d:
        check_grads(_through("my_scalarvjp", _square_impl, _scalar_vjp), (X3,)),
     ["my_scalarvjp", "(3,)"]),
    ("check_grads eps an enumerate object", lambda d: check_grads(
        _sin_loss, (X3,), eps=enumerate([1e-6])), ["eps", "enumerate"]),
    ("hvp v a record array with one field 'x'", lambda d: hvp(_sin_loss, X3, REC3),
     ["v", "'x'"]),
    ("hvp v an endless itertools.count", lambda d: hvp(_sin_loss, X3, itertools.count()),
     ["v", "count"]),
    ("hvp fun through a Primitive whose impl returns None", lambda d: hvp(
        _through("my_noneimpl", _none_impl, _square_vjp), X3, np.ones(3)),
     ["my_noneimpl", "None"]),
    ("hvp fun returning an endless itertools.count", lambda d: hvp(
        _count_fun, X3, np.ones(3)), ["_count_fun", "count"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p a generator of masses", lambda d: DiscreteInverseCDF(
        _gen((0.2, 0.3, 0.5))), ["p", "generator"]),
    ("DiscreteInverseCDF p an endless itertools.count", lambda d: DiscreteInverseCDF(
        itertools.count()), ["p", "count"]),
    ("DiscreteInverseCDF from_uniforms u a numpy.void record", lambda d:
        _discrete().from_uniforms(np.array([(0.5,)], dtype=[("u", float)])[0]),
     ["u", "void"]),
    ("DiscreteInverseCDF ppf u a generator of uniforms", lambda d: _discrete().ppf(
        _gen((0.1, 0.5, 0.9))), ["u", "generator"]),
    ("DiscreteInverseCDF rvs size -2, a sign slipped in", lambda d: _discrete().rvs(
        -2, random_state=0), ["size", "-2"]),
    ("DiscreteInverseCDF sample rng an endless itertools.repeat of a Generator", lambda d:
        _discrete().sample(5, itertools.repeat(_rng())), ["rng", "repeat"]),
    ("ContinuousInverseCDF from_density pdf returning an enumerate object", lambda d:
        ContinuousInverseCDF.from_density(_enumerate_fun), ["_enumerate_fun", "enumerate"]),
    ("ContinuousInverseCDF from_density domain an endless itertools.count", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, domain=itertools.count()),
     ["domain", "count"]),
    ("ContinuousInverseCDF from_density pdf returning a record array", lambda d:
        ContinuousInverseCDF.from_density(_record_pdf), ["_record_pdf", "'x'"]),
    ("ContinuousInverseCDF from_ppf cdf an enumerate object", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, enumerate([stats.norm.cdf])),
     ["cdf", "enumerate"]),
    ("ContinuousInverseCDF ppf u a record array with one field 'x'", lambda d:
        _normal_sampler().ppf(np.array([(0.1,), (0.5,)], dtype=[("x", float)])),
     ["u", "'x'"]),
    ("ContinuousInverseCDF u_error sample_size a Fraction", lambda d:
        _normal_sampler().u_error(Fraction(100000, 3)), ["sample_size", "Fraction"]),
    ("grid_inverse_cdf n 10**10, far past memory", lambda d: _under_the_batteries_ulimit(
        lambda: grid_inverse_cdf(stats.norm.pdf, -5.0, 5.0, n=10 ** 10)),
     ["n", "10000000000"]),
    ("grid_inverse_cdf lo a generator", lambda d: grid_inverse_cdf(
        stats.norm.pdf, _gen((-5.0,)), 5.0), ["lo", "generator"]),
    ("metropolis x0 an endless itertools.count", lambda d: _metropolis(
        x0=itertools.count()), ["x0", "count"]),
    ("metropolis n_steps a Fraction", lambda d: _metropolis(n_steps=Fraction(100, 3)),
     ["n_steps", "Fraction"]),
    ("metropolis log_density returning an endless itertools.count", lambda d: _metropolis(
        log_density=_count_fun), ["_count_fun", "count"]),
    ("cauchy loc an enumerate object", lambda d: sampling.cauchy(loc=enumerate([0.0])),
     ["loc", "enumerate"]),
    ("fixed_step_chains dim -1, a sign slipped in", lambda d: fixed_step_chains(
        -1, 1.0, 2, 10, _rng()), ["dim", "-1"]),
    ("metropolis_transition_matrix p an endless itertools.count", lambda d:
        metropolis_transition_matrix(itertools.count(), np.full((3, 3), 1 / 3)),
     ["p", "count"]),
    ("horner s an endless itertools.count", lambda d: horner(np.ones((5, 1)),
                                                            itertools.count()),
     ["s", "count"]),
    ("solve_vandermonde s empty", lambda d: solve_vandermonde([], []), ["s", "(0,)"]),
    ("total_variation edges an endless itertools.count", lambda d: total_variation(
        _samples(), itertools.count(), stats.norm.cdf), ["edges", "count"]),
    ("integrate hi a Fraction", lambda d: integrate(np.sin, 0.0, Fraction(1, 3)),
     ["hi", "Fraction"]),
    ("bin_masses cdf decreasing, the survival function", lambda d: bin_masses(
        EDGES, _decreasing_cdf), ["cdf", "creas"]),
    ("acceptance_1d h an endless itertools.count", lambda d: acceptance_1d(
        itertools.count()), ["h", "count"]),
    ("find_center center a Fraction", lambda d: find_center(
        stats.norm.pdf, -5.0, 5.0, center=Fraction(1, 3)), ["center", "Fraction"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a record array of four chains", lambda d: split_rhat(_rec_chains()),
     ["split_rhat", "'x'"]),
    ("ess_bulk draws a generator of chains", lambda d: ess_bulk(c for c in _chains4()),
     ["ess_bulk", "generator"]),
    ("ess_tail prob an endless itertools.count", lambda d: ess_tail(
        _chains4(), prob=itertools.count()), ["prob", "count"]),
    ("ess_tail draws an enumerate object of chains", lambda d: ess_tail(
        enumerate(_chains4())), ["ess_tail", "enumerate"]),
    ("ess_mean draws four chains, the last one draw short", lambda d: ess_mean(
        _ragged_chains()), ["ess_mean", "99"]),
    ("mcse_mean draws a NumPy flat iterator", lambda d: mcse_mean(_chains4().flat),
     ["mcse_mean", "flatiter"]),
    ("mcse_sd draws an endless itertools.count", lambda d: mcse_sd(itertools.count()),
     ["mcse_sd", "count"]),
    ("rank_normalize draws a record array of four chains", lambda d: rank_normalize(
        _rec_chains()), ["rank_normalize", "'x'"]),
    ("diagnose draws a record array of four chains", lambda d: diagnose(_rec_chains()),
     ["diagnose", "'x'"]),
    ("split_chains x an endless itertools.count", lambda d: split_chains(itertools.count()),
     ["split_chains", "count"]),
    ("normal_scores x a record array with one field 'x'", lambda d: normal_scores(REC3),
     ["normal_scores", "'x'"]),
    ("quantile_type7 prob a generator", lambda d: quantile_type7(
        _samples(), _gen((0.25, 0.75))), ["prob", "generator"]),
]

TESTING_CASES = [
    ("assert_monotone ppf returning an enumerate object", lambda d: testing.assert_monotone(
        _enumerate_fun, U5), ["_enumerate_fun", "enumerate"]),
    ("assert_monotone u a record array with one field 'x'", lambda d:
        testing.assert_monotone(stats.norm.ppf, np.array(
            [(0.1,), (0.5,), (0.9,)], dtype=[("x", float)])), ["u", "'x'"]),
    ("assert_inverts cdf returning an endless itertools.count", lambda d:
        testing.assert_inverts(stats.norm.ppf, _count_fun, U5, 1e-6), ["_count_fun", "count"]),
    ("assert_cdf_matches samples a generator of draws", lambda d:
        testing.assert_cdf_matches((x for x in _samples()), stats.norm.cdf),
     ["samples", "generator"]),
    ("assert_labels_match p an endless itertools.count", lambda d:
        testing.assert_labels_match(np.array([0, 1, 2] * 50), itertools.count()),
     ["p", "count"]),
    ("assert_same_distribution x an endless itertools.count", lambda d:
        testing.assert_same_distribution(itertools.count(), _samples()), ["x", "count"]),
    ("draws_needed alpha a numpy.void record", lambda d: testing.draws_needed(
        0.01, alpha=np.array([(1e-6,)], dtype=[("alpha", float)])[0]), ["alpha", "void"]),
    ("smallest_detectable n an endless itertools.count", lambda d:
        testing.smallest_detectable(itertools.count()), ["n", "count"]),
    ("dkw_epsilon n a Fraction", lambda d: testing.dkw_epsilon(Fraction(1000, 3)),
     ["n", "Fraction"]),
    ("ks_distance samples a record array with one field 'x'", lambda d: testing.ks_distance(
        REC3, stats.norm.cdf), ["samples", "'x'"]),
    ("two_sample_distance y a record array with one field 'x'", lambda d:
        testing.two_sample_distance(_samples(), REC3), ["y", "'x'"]),
    ("chi_square_power n NaN", lambda d: testing.chi_square_power(
        P3, [0.25, 0.25, 0.5], np.nan), ["n", "nan"]),
    ("densities trapezoid d 1.5 above hi 1.0", lambda d: densities.trapezoid(
        0.0, 0.2, 1.5, 1.0), ["d", "1.5"]),
    ("densities normal_mixture scales a generator", lambda d: densities.normal_mixture(
        [0.5, 0.5], [0.0, 1.0], _gen((1.0, 1.0))), ["scales", "generator"]),
    ("strategies symmetric_proposals n a Fraction", lambda d: _example(
        strategies.symmetric_proposals(Fraction(3, 1))), ["n", "Fraction"]),
    ("strategies uniforms_near_edges p a generator", lambda d: _example(
        strategies.uniforms_near_edges(_gen((0.2, 0.3, 0.5)))), ["p", "generator"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_numbers x a generator", lambda d: style.check_numbers("x", _gen()),
     ["x", "generator"]),
    ("style check_seed seed a Fraction", lambda d: style.check_seed(Fraction(7, 2)),
     ["seed", "Fraction"]),
    ("style check_record value a list where a record is meant", lambda d: style.check_record(
        "cfg", [1, 2], ("a", "b")), ["cfg", "list"]),
    ("style check_axes ax an endless itertools.count", lambda d: style.check_axes(
        itertools.count()), ["ax", "count"]),
]

VAR = memory.OPT_OUT_VARIABLE                    # "SCRATCHMETA_KEEP_FREED_MEMORY"
MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold an endless itertools.count", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(mmap_threshold=itertools.count())),
     ["mmap_threshold", "count"]),
    ("keep_freed_memory trim_threshold an enumerate object", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(trim_threshold=enumerate([268435456]))),
     ["trim_threshold", "enumerate"]),
    ("opt-out value 'oui', a word for the setting", lambda d: memory.opt_out_value(),
     [VAR, "oui"], {VAR: "oui"}),
    ("keep_freed_memory_unless_opted_out with the opt-out value 'naja'", lambda d:
        _then_defaults(memory.keep_freed_memory_unless_opted_out), [VAR, "naja"],
     {VAR: "naja"}),
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
NOT_CLEAR_YET = {}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredtwentyfifth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredtwentyfifth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
