"""A hundred-and-twenty-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt127), from the user's side only: README.md in part (its
list of headings, lines 290-381 on the refusals, the batteries and the engine's NaN/dtype
rules, lines 455-465 on the allocator's opt-out variable, lines 541-566 "Sampling", and a grep
for ``KEEP_FREED``, ``random_state``, ``async``, ``coroutine``, ``timedelta``); the public
names (``__all__`` where there is one, else ``dir`` filtered to the names each module defines
itself) and signatures of ``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and
its public modules (``closed_forms``, ``continuous``, ``diagnostics``, ``discrete``,
``finite_chain``, ``interpolation``, ``metropolis``, ``mixing``, ``quadrature``, ``step_size``,
``tails``; ``sampling.checks`` left out), ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF`` (signatures only); the two templates, the hundred-and-twenty-fifth and
the hundred-and-twenty-third batteries, in full (each printed in two parts, a display cut
printed after); ``tests/test_bad_inputs_cli.py``'s module docstring and the bodies of
``classify_cli``, ``classify_call``, ``kept_cases``, ``battery_params``,
``assert_wide_and_new`` and ``battery_main`` (printed by name through ``ast``, nothing else of
that file); the earlier batteries' ids and shared helpers (imported, not copied: from the fifth
``_example``, ``_metropolis`` and ``_rng``; the seventeenth ``_samples``; the eighty-seventh
``_then_defaults``; from the ninety-seventh its constants, ``_chains4`` and ``_sin_loss``; the
hundred-and-fifth ``_square_impl`` and ``_square_vjp``; the hundred-and-seventh
``_normal_sampler`` and ``_walks``; the hundred-and-eleventh ``_discrete``; the
hundred-and-seventeenth ``_through``; only their signatures and the constants' values were
printed, no body; the eighth's ``classify_case`` imported, its head not printed). No body,
docstring or source of library code, of ``checks``/``messages``/``protocol``, of the library's
history or of /work/main (whose venv's python alone was run) was read, before or after the first
run (``git status`` was the only git command). No ``__main__`` module was imported; no
``--help`` was run (this battery has no command-line case). Writes: none of the cases writes a
file. No optional package is used, so no case is skipped. No case could allocate gigabytes (the
one drafted, ContinuousInverseCDF rvs size 10**11, was an earlier id and was dropped before the
run), so the ninety-sixth battery's ``_under_the_batteries_ulimit`` is not imported.

Areas (library side only), as written: the autodiff engine -- grad, jacobian, hessian (fun and
a misspelt keyword), vjp, tree_map f, grad through a user's Primitive, mean, norm,
expand_dims, clip a_max, power exponent, exp, logsumexp axis, reshape shape, solve b, getitem
index, sum axis, concatenate axis, jvp tangents (20); gradcheck -- check_grads (order, a user's
Primitive, args, atoll=, rng, rtol) and hvp (a user's Primitive, v, x) (9); samplers -- DiscreteInverseCDF (p twice, rvs random_state and seed=, sample size),
ContinuousInverseCDF (from_density pdf, centre= and u_resolution, from_ppf cdf, rvs
random_state, u_error sample_size), grid_inverse_cdf (lo, N=), metropolis (stepsize=, n_steps,
x0), optimal_acceptance dim, cauchy scale, exponential rate, fixed_step_chains scaled,
acceptance_1d h, walks_from_one_start rngs, bin_masses cdf, total_variation cdf,
density_values pdf, pooled_total_variation cdf, find_center center, horner s, integrate hi
(29); diagnostics -- split_rhat, ess_bulk, ess_tail (prob, probs=), ess_mean, mcse_mean,
mcse_sd, rank_normalize, diagnose, split_chains, normal_scores (11); the testing kit
(assert_monotone u, assert_inverts cdf and u_resolution, assert_cdf_matches alfa=,
assert_labels_match labels, assert_same_distribution y, draws_needed discrepancy,
smallest_detectable alpha, dkw_epsilon n, ks_distance cdf, two_sample_distance x,
chi_square_pvalue counts, chi_square_power alpha), its densities (student_t dof=, steps edges)
and strategies (symmetric_proposals n, known_densities kinds, u_grids max_size) (18);
``figures.style`` check_seed, check_numbers (x and shap=), check_record (4); ``memory``
keep_freed_memory (mmap_threshold, mmap_treshold=), the opt-out variable,
keep_freed_memory_unless_opted_out (4): 95 written.

Kinds of bad value (the issue's own, each on a function or argument not tried with it, as far
as the repeats check below could tell):
- a user's function that misbehaves: written with ``async def``, so that each call gives a
  coroutine, not values (grad, jacobian, hessian, vjp, tree_map f; a Primitive's vjp rule under
  grad, check_grads and hvp; from_density pdf, from_ppf cdf, bin_masses cdf, total_variation
  cdf, density_values pdf, pooled_total_variation cdf, assert_inverts cdf, ks_distance cdf);
- a wrong type: a coroutine, an async loader called without ``await``, where an array or a
  Generator is meant (check_grads rng, DiscreteInverseCDF p, metropolis x0, ess_bulk,
  rank_normalize, diagnose, assert_monotone u, assert_labels_match labels, two_sample_distance
  x, style check_numbers x); a type itself (float, int, tuple, list, dict, np.ndarray) where a
  value of it is meant (exp, logsumexp axis, reshape shape, concatenate axis, jvp tangents;
  check_grads order, args and rtol, hvp v; DiscreteInverseCDF p and sample size, u_error
  sample_size, metropolis n_steps, exponential rate, acceptance_1d h, horner s; split_rhat,
  ess_tail prob, ess_mean, mcse_sd, normal_scores; assert_same_distribution y, draws_needed
  discrepancy, dkw_epsilon n, chi_square_pvalue counts, densities steps edges,
  symmetric_proposals n; style check_seed and check_record); Python's ``datetime.timedelta``
  where a number is meant (clip a_max, power exponent, hvp x, from_density u_resolution,
  grid_inverse_cdf lo, optimal_acceptance dim, cauchy scale, fixed_step_chains scaled,
  find_center center, integrate hi, a chain among four for mcse_mean, split_chains x,
  assert_inverts u_resolution, smallest_detectable alpha, chi_square_power alpha, u_grids
  max_size, keep_freed_memory mmap_threshold); a list of bare Philox bit generators where
  Generators are meant (walks_from_one_start rngs); env values neither yes nor no ('nee',
  'jawohl');
- typos: misspelt keywords (hessian argnums=, mean keepdim=, norm keep_dims=, expand_dims
  axes=, check_grads atoll=, DiscreteInverseCDF rvs seed=, from_density centre=,
  grid_inverse_cdf N=, metropolis stepsize=, ess_tail probs=, assert_cdf_matches alfa=,
  densities student_t dof=, style check_numbers shap=, keep_freed_memory mmap_treshold=) and a
  misspelt name (known_densities kinds ('mixtures',));
- out of range: a negative seed (DiscreteInverseCDF rvs random_state -1), a seed too large
  (ContinuousInverseCDF rvs random_state 2**64), an index past the end (getitem 3 of a
  vector of 3), an axis past the last (sum axis 2 of a matrix);
- a wrong shape: solve's b of length 2 for a (3, 3) matrix.
No degenerate data of the issue's own rule (too-short or constant chains), no file or path case
and no mismatch between runs (these areas have none but ``style.save``, whose path kinds the
earlier batteries hold).

Repeats: every id of the earlier batteries (16,070 distinct quoted first elements of tuples in
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex; some are not
ids) was compared with the file before the run for exact ids, case-insensitively (none in the
file as run; one in the draft of 102, dropped: ContinuousInverseCDF rvs size 10**11, far past
memory). Before drafting, the earlier ids holding each kind were grepped and read (async,
coroutine, datetime.timedelta, timedelta, "the float type" and other types, misspelt keywords,
bit generators, seeds 2**63/2**64/2**70, 3-D), and then, for every drafted id, the earlier ids
starting with its function and argument and sharing its kind's word, and the earlier ids of
about sixty function-argument prefixes (grad argnum, jacobian/hessian argnums, mean, norm,
expand_dims, clip a_max, power, maximum, reshape, solve, where cond, stack, einsum, matmul, sum
axis, check_grads atol/rtol/eps/args, hvp v/x, both samplers' p, rvs and u_error, grid n and
lo, metropolis step_size/n_steps/rng, the closed forms, acceptance_1d, walks rngs, the mixing
and quadrature functions' cdf/pdf, find_center, horner s, the opt-out values) were printed and
read. Drafts sharing an earlier substance were dropped or replaced before the run: where cond of
another length, matmul of mismatched inner sizes, value_and_grad and hvp of an async fun,
quantile_type7 prob (0.25, 1.5), maximum with a timedelta, densities laplace scale a timedelta
(all dropped); jvp tangents, check_grads atol, ess_tail prob and style check_seed a timedelta
(replaced by a type, or order for atol); the opt-out value 'yes please' (replaced by 'jawohl');
jacobian argnums=, grad argnum=, DiscreteInverseCDF p a column, hvp v a (3, 1) column, stack of
different shapes, einsum with fewer operands, check_grads eps -1e-06 and grid_inverse_cdf n 1
were never drafted, found earlier. Kept although near an earlier id, as a new instance: the
async def functions on grad, jacobian, hessian, vjp, tree_map and a Primitive's vjp (earlier on
value_and_grad, jvp, trace, check_grads fun, hvp fun, Primitive impl) and on the mixing,
quadrature and kit cdf/pdf arguments listed (earlier on other functions' pdf, ppf and cdf);
the float type on check_grads rtol (earlier eps), the int type on style check_seed (earlier
on keep_freed_memory trim_threshold and per_task); datetime.timedelta on mmap_threshold
(earlier "a timedelta" on trim_threshold) and on hvp x (earlier hvp v of timedelta64);
DiscreteInverseCDF rvs random_state -1 (earlier the continuous sampler's -1 and the discrete
one's 2**70), ContinuousInverseCDF rvs random_state 2**64 (earlier the discrete one's 2**70);
hessian argnums= (earlier jacobian argnums=); walks_from_one_start rngs of Philox bit
generators (earlier other samplers' bit generators, and walks rngs of torch Generators or
seeds). Missed, found while writing this docstring: none.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 55 of the 95. After the
first run no case was added, dropped, reordered, swapped, reworded or corrected (only this
docstring was written).

First run (under ``ulimit -v 8000000``; kept about 3 s, --written about 3 s; pytest 4 s): kept,
54 of 55 clear (98.2%), 0 unclear, 1 silent, 0 data loss -- engine 12/12, gradcheck 5/5,
samplers 16/17 (1 silent), diagnostics 7/7, testing kit 10/10, figures 2/2, memory 2/2.
Written, 94 of 95 clear (98.9%), 0 unclear, 1 silent, 0 data loss -- engine 20/20, gradcheck
9/9, samplers 28/29 (1 silent), diagnostics 11/11, testing kit 18/18, figures 4/4, memory 4/4.
Under pytest: 55 passed (54 cases and the wide-and-new test), 1 failed (the kept case below;
NOT_CLEAR_YET is left empty for the lead).

Not clear, kept:
- ``ContinuousInverseCDF rvs random_state 2**64, a seed too large`` (out of range): silent --
  no error, three draws returned. Doubtful as a bad input: NumPy's ``default_rng`` takes any
  non-negative int as entropy, so 2**64 is a valid NumPy seed; but the issue lists "a seed too
  large" among its kinds, and the earlier batteries hold DiscreteInverseCDF rvs random_state
  2**70 and style check_seed 2**64 as bad inputs (whether the library refuses those was not
  looked at), so the two samplers may disagree on the largest seed. Kept as written.
Not clear, written and not kept: none.
No case lost data.

Measured on main at 5373acd, the commit it was written at, blind (the lead reran it there,
with the hundred-and-twenty-sixth beside it): kept, 54 of 55 clear (98.2%), 0 unclear, 1
silent, 0 data loss. Round 83 (with sight of this file, not blind): the samplers' rvs refuse an
int random_state of 2**63 or more, as the command line, the figures and train refuse such a
seed; the hundred-and-nineteenth's doubtful case (the discrete sampler's 2**70) is refused too.
The one kept miss is clear at HEAD. The lead dropped two imports the file did not use
(pyflakes); no case changed.
"""

import datetime

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose, ess_bulk,
                                  ess_mean, ess_tail, grid_inverse_cdf, mcse_mean, mcse_sd,
                                  rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import normal_scores, split_chains
from scratchmeta.sampling.interpolation import horner
from scratchmeta.sampling.mixing import (bin_masses, pooled_total_variation, total_variation)
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.step_size import acceptance_1d, fixed_step_chains
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetyseventh import EDGES, M23, P3, U5, X3, _chains4, _sin_loss
from test_bad_inputs_hundredfifth import _square_impl
from test_bad_inputs_hundredseventh import _normal_sampler, _walks
from test_bad_inputs_hundredeleventh import _discrete
from test_bad_inputs_hundredseventeenth import _through


# --- users' functions written with ``async def`` (each call gives a coroutine, not values) --

async def _async_loss(x):
    """A loss written as a coroutine function (copied from an async training script)."""
    return ad.sum(ad.sin(x))


async def _async_vec(x):
    """A vector-valued fun written as a coroutine function."""
    return ad.sin(x)


async def _async_leaf(x):
    """A function for tree_map written as a coroutine function."""
    return ad.sin(x)


async def _async_vjp(g, ans, x):
    """A Primitive's vjp rule written as a coroutine function."""
    return g * 2.0 * x


async def _async_pdf(x):
    """A pdf written as a coroutine function (fetched from an async service)."""
    return stats.norm.pdf(x)


async def _async_cdf(x):
    """A cdf written as a coroutine function."""
    return stats.norm.cdf(x)


async def _load_draws():
    """An async loader of draws; called without ``await`` it gives a coroutine."""
    return _chains4()


def _coroutine():
    """The coroutine of an async loader called without ``await`` (closed when collected)."""
    c = _load_draws()
    c.close()          # never run; closing it keeps Python from warning that it was not awaited
    return c


TD = datetime.timedelta(seconds=1)          # Python's own timedelta, where a number is meant
TD5 = datetime.timedelta(seconds=5)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad of an async def loss, a coroutine for a value", lambda d: ad.grad(_async_loss)(X3),
     ["_async_loss", "async"]),
    ("jacobian of an async def fun", lambda d: ad.jacobian(_async_vec)(X3),
     ["_async_vec", "async"]),
    ("hessian of an async def loss", lambda d: ad.hessian(_async_loss)(X3),
     ["_async_loss", "async"]),
    ("vjp of an async def fun", lambda d: ad.vjp(_async_vec, X3), ["_async_vec", "async"]),
    ("tree_map f an async def function", lambda d: ad.tree_map(_async_leaf, [X3, X3]),
     ["_async_leaf", "async"]),
    ("grad through a Primitive whose vjp is an async def function", lambda d: ad.grad(
        _through("my_asyncvjp", _square_impl, _async_vjp))(X3), ["my_asyncvjp", "async"]),
    ("hessian argnums=0, grad's spelling of argnum", lambda d: ad.hessian(
        _sin_loss, argnums=0)(X3), ["argnums"]),
    ("mean keepdim=True, a misspelt keepdims", lambda d: ad.mean(M23, axis=0, keepdim=True),
     ["keepdim"]),
    ("norm keep_dims=True, a misspelt keepdims", lambda d: ad.norm(X3, keep_dims=True),
     ["keep_dims"]),
    ("expand_dims axes=0, a misspelt axis", lambda d: ad.expand_dims(X3, axes=0), ["axes"]),
    ("clip a_max a datetime.timedelta of one second", lambda d: ad.clip(X3, 0.0, TD),
     ["a_max", "timedelta"]),
    ("power exponent a datetime.timedelta", lambda d: ad.power(X3, TD), ["power", "timedelta"]),
    ("exp of the float type, not a value", lambda d: ad.exp(float), ["exp", "float"]),
    ("logsumexp axis the int type, not an axis", lambda d: ad.logsumexp(M23, axis=int),
     ["axis", "int"]),
    ("reshape shape the tuple type, not a shape", lambda d: ad.reshape(M23, tuple),
     ["reshape", "tuple"]),
    ("solve a (3, 3) matrix and b of length 2", lambda d: ad.solve(np.eye(3), np.ones(2)),
     ["solve", "(2,)"]),
    ("getitem index 3 past the end of a vector of 3", lambda d: ad.getitem(X3, 3),
     ["getitem", "3"]),
    ("sum axis 2 of a matrix, past its last axis", lambda d: ad.sum(M23, axis=2),
     ["axis", "2"]),
    ("concatenate axis the int type", lambda d: ad.concatenate([X3, X3], axis=int),
     ["axis", "int"]),
    ("jvp tangents a tuple holding the float type", lambda d: ad.jvp(
        ad.sin, (X3,), (float,)), ["tangents", "float"]),
]

GRADCHECK_CASES = [
    ("check_grads order the int type, not an order", lambda d: check_grads(
        _sin_loss, (X3,), order=int), ["order", "int"]),
    ("check_grads fun through a Primitive whose vjp is an async def function", lambda d:
        check_grads(_through("my_asyncvjp", _square_impl, _async_vjp), (X3,)),
     ["my_asyncvjp", "async"]),
    ("check_grads args a tuple holding the float type", lambda d: check_grads(
        _sin_loss, (float,)), ["args", "float"]),
    ("check_grads atoll=1e-06, a misspelt atol", lambda d: check_grads(
        _sin_loss, (X3,), atoll=1e-6), ["atoll"]),
    ("check_grads rng a coroutine, an async factory not awaited", lambda d: check_grads(
        _sin_loss, (X3,), rng=_coroutine()), ["rng", "coroutine"]),
    ("hvp fun through a Primitive whose vjp is an async def function", lambda d: hvp(
        _through("my_asyncvjp", _square_impl, _async_vjp), X3, np.ones(3)),
     ["my_asyncvjp", "async"]),
    ("hvp v the float type, not a direction", lambda d: hvp(_sin_loss, X3, float),
     ["v", "float"]),
    ("hvp x a datetime.timedelta", lambda d: hvp(_sin_loss, TD, np.ones(3)),
     ["x", "timedelta"]),
    ("check_grads rtol the float type, not a tolerance", lambda d: check_grads(
        _sin_loss, (X3,), rtol=float), ["rtol", "float"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p the float type, not masses", lambda d: DiscreteInverseCDF(float),
     ["p", "float"]),
    ("DiscreteInverseCDF p a coroutine, an async loader not awaited", lambda d:
        DiscreteInverseCDF(_coroutine()), ["p", "coroutine"]),
    ("DiscreteInverseCDF rvs random_state -1, a negative seed", lambda d: _discrete().rvs(
        3, random_state=-1), ["random_state", "-1"]),
    ("DiscreteInverseCDF rvs seed=0, a misspelt random_state", lambda d: _discrete().rvs(
        3, seed=0), ["seed"]),
    ("DiscreteInverseCDF sample size the int type, not a count", lambda d: _discrete().sample(
        int, _rng()), ["size", "int"]),
    ("ContinuousInverseCDF from_density pdf an async def function", lambda d:
        ContinuousInverseCDF.from_density(_async_pdf), ["_async_pdf", "async"]),
    ("ContinuousInverseCDF from_density centre=0.0, the British spelling of center",
     lambda d: ContinuousInverseCDF.from_density(stats.norm.pdf, centre=0.0), ["centre"]),
    ("ContinuousInverseCDF from_density u_resolution a datetime.timedelta", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, u_resolution=TD),
     ["u_resolution", "timedelta"]),
    ("ContinuousInverseCDF from_ppf cdf an async def function", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, _async_cdf), ["_async_cdf", "async"]),
    ("ContinuousInverseCDF rvs random_state 2**64, a seed too large", lambda d:
        _normal_sampler().rvs(3, random_state=2 ** 64), ["random_state", "18446744073709551616"]),
    ("ContinuousInverseCDF u_error sample_size the int type", lambda d:
        _normal_sampler().u_error(int), ["sample_size", "int"]),
    ("grid_inverse_cdf lo a datetime.timedelta", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -TD5, 5.0), ["lo", "timedelta"]),
    ("grid_inverse_cdf N=1000, a capital n", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, 5.0, N=1000), ["N"]),
    ("metropolis stepsize=0.5, a misspelt step_size", lambda d: _metropolis(stepsize=0.5),
     ["stepsize"]),
    ("metropolis n_steps the int type, not a count", lambda d: _metropolis(n_steps=int),
     ["n_steps", "int"]),
    ("metropolis x0 a coroutine, an async loader not awaited", lambda d: _metropolis(
        x0=_coroutine()), ["x0", "coroutine"]),
    ("optimal_acceptance dim a datetime.timedelta", lambda d: sampling.optimal_acceptance(TD),
     ["dim", "timedelta"]),
    ("cauchy scale a datetime.timedelta", lambda d: sampling.cauchy(scale=TD),
     ["scale", "timedelta"]),
    ("exponential rate the float type, not a rate", lambda d: sampling.exponential(float),
     ["rate", "float"]),
    ("fixed_step_chains scaled a datetime.timedelta", lambda d: fixed_step_chains(
        2, TD, 2, 10, _rng()), ["scaled", "timedelta"]),
    ("acceptance_1d h the float type, not a step", lambda d: acceptance_1d(float),
     ["h", "float"]),
    ("walks_from_one_start rngs a list of two bare Philox bit generators", lambda d: _walks(
        rngs=[np.random.Philox(0), np.random.Philox(1)]), ["rngs", "Philox"]),
    ("bin_masses cdf an async def function", lambda d: bin_masses(EDGES, _async_cdf),
     ["_async_cdf", "async"]),
    ("total_variation cdf an async def function", lambda d: total_variation(
        _samples(), EDGES, _async_cdf), ["_async_cdf", "async"]),
    ("density_values pdf an async def function", lambda d: density_values(
        _async_pdf, np.linspace(-1.0, 1.0, 5)), ["_async_pdf", "async"]),
    ("pooled_total_variation cdf an async def function", lambda d: pooled_total_variation(
        _chains4(), EDGES, _async_cdf), ["_async_cdf", "async"]),
    ("find_center center a datetime.timedelta", lambda d: find_center(
        stats.norm.pdf, -5.0, 5.0, center=TD), ["center", "timedelta"]),
    ("horner s the float type, not a point", lambda d: horner(np.ones((5, 1)), float),
     ["s", "float"]),
    ("integrate hi a datetime.timedelta", lambda d: integrate(np.sin, 0.0, TD),
     ["hi", "timedelta"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws the list type, not chains", lambda d: split_rhat(list),
     ["split_rhat", "list"]),
    ("ess_bulk draws a coroutine, an async loader not awaited", lambda d: ess_bulk(
        _coroutine()), ["ess_bulk", "coroutine"]),
    ("ess_tail prob the tuple type, not the probabilities", lambda d: ess_tail(
        _chains4(), prob=tuple), ["prob", "tuple"]),
    ("ess_tail probs=(0.05, 0.95), a misspelt prob", lambda d: ess_tail(
        _chains4(), probs=(0.05, 0.95)), ["probs"]),
    ("ess_mean draws the float type", lambda d: ess_mean(float), ["ess_mean", "float"]),
    ("mcse_mean draws four chains, one a datetime.timedelta", lambda d: mcse_mean(
        [_chains4()[0], _chains4()[1], _chains4()[2], TD]), ["mcse_mean", "timedelta"]),
    ("mcse_sd draws the ndarray type", lambda d: mcse_sd(np.ndarray), ["mcse_sd", "ndarray"]),
    ("rank_normalize draws a coroutine, an async loader not awaited", lambda d:
        rank_normalize(_coroutine()), ["rank_normalize", "coroutine"]),
    ("diagnose draws a coroutine, an async loader not awaited", lambda d: diagnose(
        _coroutine()), ["diagnose", "coroutine"]),
    ("split_chains x a datetime.timedelta", lambda d: split_chains(TD),
     ["split_chains", "timedelta"]),
    ("normal_scores x the float type", lambda d: normal_scores(float),
     ["normal_scores", "float"]),
]

TESTING_CASES = [
    ("assert_monotone u a coroutine, an async loader not awaited", lambda d:
        testing.assert_monotone(stats.norm.ppf, _coroutine()), ["u", "coroutine"]),
    ("assert_inverts cdf an async def function", lambda d: testing.assert_inverts(
        stats.norm.ppf, _async_cdf, U5, 1e-6), ["_async_cdf", "async"]),
    ("assert_inverts u_resolution a datetime.timedelta", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, U5, TD), ["u_resolution", "timedelta"]),
    ("assert_cdf_matches alfa=1e-06, a misspelt alpha", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alfa=1e-6), ["alfa"]),
    ("assert_labels_match labels a coroutine, an async loader not awaited", lambda d:
        testing.assert_labels_match(_coroutine(), P3), ["labels", "coroutine"]),
    ("assert_same_distribution y the ndarray type", lambda d:
        testing.assert_same_distribution(_samples(), np.ndarray), ["y", "ndarray"]),
    ("draws_needed discrepancy the float type", lambda d: testing.draws_needed(float),
     ["discrepancy", "float"]),
    ("smallest_detectable alpha a datetime.timedelta", lambda d:
        testing.smallest_detectable(1000, alpha=TD), ["alpha", "timedelta"]),
    ("dkw_epsilon n the int type, not a count", lambda d: testing.dkw_epsilon(int),
     ["n", "int"]),
    ("ks_distance cdf an async def function", lambda d: testing.ks_distance(
        _samples(), _async_cdf), ["_async_cdf", "async"]),
    ("two_sample_distance x a coroutine, an async loader not awaited", lambda d:
        testing.two_sample_distance(_coroutine(), _samples()), ["x", "coroutine"]),
    ("chi_square_pvalue counts the list type", lambda d: testing.chi_square_pvalue(
        list, P3), ["counts", "list"]),
    ("chi_square_power alpha a datetime.timedelta", lambda d: testing.chi_square_power(
        P3, [0.25, 0.25, 0.5], 1000, alpha=TD), ["alpha", "timedelta"]),
    ("densities student_t dof=3.0, a misspelt df", lambda d: densities.student_t(dof=3.0),
     ["dof"]),
    ("densities steps edges the list type", lambda d: densities.steps(list, [1.0, 1.0]),
     ["edges", "list"]),
    ("strategies symmetric_proposals n the int type", lambda d: _example(
        strategies.symmetric_proposals(int)), ["n", "int"]),
    ("strategies known_densities kinds ('mixtures',), a misspelt 'mixture'", lambda d:
        _example(strategies.known_densities(kinds=("mixtures",))), ["kinds", "mixtures"]),
    ("strategies u_grids max_size a datetime.timedelta", lambda d: _example(
        strategies.u_grids(max_size=TD)), ["max_size", "timedelta"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_seed seed the int type, not a seed", lambda d: style.check_seed(int),
     ["seed", "int"]),
    ("style check_numbers x a coroutine, an async loader not awaited", lambda d:
        style.check_numbers("x", _coroutine()), ["x", "coroutine"]),
    ("style check_record value the dict type, not a record", lambda d: style.check_record(
        "cfg", dict, ("a", "b")), ["cfg", "dict"]),
    ("style check_numbers shap=(3,), a misspelt shape", lambda d: style.check_numbers(
        "x", X3, shap=(3,)), ["shap"]),
]

VAR = memory.OPT_OUT_VARIABLE                    # "SCRATCHMETA_KEEP_FREED_MEMORY"
MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a datetime.timedelta", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(mmap_threshold=datetime.timedelta(seconds=65536))),
     ["mmap_threshold", "timedelta"]),
    ("keep_freed_memory mmap_treshold=..., the keyword misspelt", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(mmap_treshold=67108864)), ["mmap_treshold"]),
    ("opt-out value 'nee', a word for the setting", lambda d: memory.opt_out_value(),
     [VAR, "nee"], {VAR: "nee"}),
    ("keep_freed_memory_unless_opted_out with the opt-out value 'jawohl'", lambda d:
        _then_defaults(memory.keep_freed_memory_unless_opted_out), [VAR, "jawohl"],
     {VAR: "jawohl"}),
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


def test_the_hundredtwentyseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredtwentyseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
