"""A hundred-and-thirty-first battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt131), from the user's side only: README.md lines 1-300
(printed whole, more than its refusals: the setup, reading order, notation, the three wishes,
the gallery, "Property-testing your own sampler", "Command line" and the paragraph on refusals;
disclosed); the public names (``__all__`` where there is one, else ``dir`` filtered to the
names each module defines itself) and signatures of ``scratchmeta.autodiff``, ``gradcheck``,
``memory``, ``sampling`` and its public modules (``closed_forms``, ``continuous``,
``diagnostics``, ``discrete``, ``finite_chain``, ``interpolation``, ``metropolis``, ``mixing``,
``quadrature``, ``step_size``, ``tails``; ``sampling.checks`` left out), ``testing``,
``testing.densities``, ``testing.strategies`` and ``figures.style``; the public methods of
``DiscreteInverseCDF`` and ``ContinuousInverseCDF`` (signatures only); the two templates, the
hundred-and-twenty-ninth and the hundred-and-twenty-seventh, in full (each printed in two
parts, a display cut printed after); ``tests/test_bad_inputs_cli.py``'s module docstring and
the bodies of ``classify_cli``, ``classify_call``, ``kept_cases``, ``battery_params``,
``assert_wide_and_new`` and ``battery_main`` (printed by name through ``ast``, nothing else of
that file); the earlier batteries' ids and shared helpers (imported, not copied: from the fifth
``_example``, ``_metropolis`` and ``_rng``; the seventeenth ``_samples``; the eighty-seventh
``_then_defaults``; from the ninety-seventh its constants, ``_chains4`` and ``_sin_loss``; the
hundred-and-fifth ``_square_impl`` and ``_square_vjp``; the hundred-and-seventh
``_normal_sampler`` and ``_walks``; the hundred-and-eleventh ``_discrete``; the
hundred-and-seventeenth ``_through``; only their signatures and the constants' values were
printed, no body; the ninety-sixth's ``_under_the_batteries_ulimit`` signature printed, not
used; the eighth's ``classify_case`` imported, its head not printed). No body, docstring or
source of library code, of ``checks``/``messages``/``protocol``, of the library's history or
of /work/main (whose venv's python alone was run) was read, before or after the first run
(``git status`` was the only git command). No ``__main__`` module was imported; no ``--help``
was run (this battery has no command-line case). After the first run, every written case was
classified once more by hand through the same ``_classify`` to read the clear messages (the
first try passed the folder as a str and failed in ``_snapshot``, before any case ran), and
two calls were made by hand to see what the two silent cases return (``assert_labels_match``
returned 1.0; ``check_grads`` returned None). Writes: none of the cases writes a file (``style
subplots figsize=`` could only open a figure; it was refused). No optional package is used, so
no case is skipped. No case could allocate gigabytes (no size is passed at all), so the
ninety-sixth battery's ``_under_the_batteries_ulimit`` is not imported.

Areas (library side only), as written: the autodiff engine -- value_and_grad (fun and argnum=),
grad through a user's Primitive (impl and vjp), jvp tangent=, exp, matmul a, mean, concatenate
xs, stack xs, where (b and condition=), einsum operand, norm p=, squeeze dim=, prod dim=, var
dim=, solve b, logsumexp, clip lo=/hi= (20); gradcheck -- check_grads (fun, args, seed=, rng,
tol=, a user's Primitive) and hvp (fun, x, vector=) (9); samplers -- DiscreteInverseCDF (p, rvs
rng=, sample rng, from_uniforms u, ppf q=), ContinuousInverseCDF (from_density pdf and domian=,
from_ppf cdf and ppf, rvs rng=, ppf u), grid_inverse_cdf (pdf, lower=/upper=), metropolis
(log_density, burnin=, x0, rng), weibull k=, laplace b=, fixed_step_chains n_chains=,
walks_from_one_start log_density, bin_masses cdf, total_variation cdf,
metropolis_transition_matrix p, integrate (f, a=/b=), optimal_acceptance d= (27); diagnostics --
split_rhat (draws, chains=), ess_bulk, ess_tail quantiles=, ess_mean, mcse_mean, mcse_sd
chains=, rank_normalize, diagnose, quantile_type7 x, normal_scores, split_chains (12); the
testing kit (assert_inverts cdf and ppf, assert_monotone ppf, assert_cdf_matches cdf and
samples, assert_labels_match labels, assert_same_distribution level=, draws_needed power=,
ks_distance cdf, two_sample_distance x, chi_square_pvalue counts, dkw_epsilon confidence=), its
densities (student_t nu=, triangular c=, normal_mixture means=/sds=) and strategies (u_grids
cuts=, probability_vectors max_len=) (17); ``figures.style`` check_seed (rng= and seed),
check_numbers x, check_record value, subplots figsize= (5); ``memory`` keep_freed_memory
(threshold=, mmap_threshold, mmap_threshold_bytes=), the opt-out variable,
keep_freed_memory_unless_opted_out (5): 95 written. Dtypes: float32 and float64 are valid by
the README, so no dtype case was written.

Kinds of bad value (the issue's own, each on a function or argument not tried with it, as far
as the repeats check below could tell):
- a user's function that misbehaves: it returns a (value, derivative) pair, as
  ``scipy.optimize.minimize(jac=True)`` or an HMC code wants, where the value alone is meant
  (value_and_grad fun, check_grads fun, hvp fun; a Primitive's impl and its vjp rule, the vjp
  under grad and check_grads; from_density pdf, from_ppf cdf and ppf, grid_inverse_cdf pdf,
  metropolis and walks_from_one_start log_density, bin_masses cdf, total_variation cdf,
  integrate f; assert_inverts cdf and ppf, assert_monotone ppf, assert_cdf_matches cdf,
  ks_distance cdf);
- a wrong type: NumPy's iterator objects where the array itself is meant, ``np.ndenumerate``
  ((index, value) pairs: exp, mean, stack xs, einsum operand, check_grads args,
  DiscreteInverseCDF p, ContinuousInverseCDF ppf u, metropolis x0,
  metropolis_transition_matrix p, split_rhat, ess_bulk, ess_mean, diagnose, quantile_type7 x,
  normal_scores, assert_cdf_matches samples, two_sample_distance x, style check_record value)
  and ``np.nditer`` (matmul a, concatenate xs, where b, solve b, logsumexp, hvp x,
  DiscreteInverseCDF from_uniforms u, mcse_mean, rank_normalize, split_chains,
  assert_labels_match labels, chi_square_pvalue counts, style check_numbers x,
  keep_freed_memory mmap_threshold); an int where a Generator is meant (the 128-bit seed below,
  for check_grads rng, DiscreteInverseCDF sample rng and metropolis rng); env values neither
  yes nor no (Turkish 'evet', 'hayir');
- out of range: a seed too large, the 128 bits of a UUID's ``.int`` (the three rng arguments
  above and style check_seed);
- typos and names from other libraries: keywords misspelt or borrowed (value_and_grad argnum=,
  jvp tangent=, norm p=, where condition=, squeeze/prod/var dim=, clip lo=/hi=, check_grads
  seed= and tol=, hvp vector=, both samplers' rvs rng=, DiscreteInverseCDF ppf q=, from_density
  domian=, grid_inverse_cdf lower=/upper=, metropolis burnin=, weibull k=, laplace b=,
  fixed_step_chains n_chains=, integrate a=/b=, optimal_acceptance d=, split_rhat and mcse_sd
  chains=, ess_tail quantiles=, assert_same_distribution level=, draws_needed power=,
  dkw_epsilon confidence=, densities student_t nu=, triangular c=, normal_mixture means=/sds=,
  strategies u_grids cuts= and probability_vectors max_len=, style check_seed rng= and subplots
  figsize='single' (matplotlib's keyword given the size's name), keep_freed_memory threshold=
  and mmap_threshold_bytes=).
No degenerate data of the issue's own rule (too-short or constant chains), no file or path case
and no mismatch between runs (these areas have none but ``style.save``, whose path kinds the
earlier batteries hold), no wrong shape (the earlier batteries hold the shapes of these
functions densely).

Repeats: every id of the earlier batteries (15,918 distinct quoted first elements of tuples in
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex; some are not
ids) was compared with the file before the run for exact ids, case-insensitively (none in the
file as run; one in the draft, replaced: ``quantile_type7 q=0.5, NumPy's keyword for prob``).
Before drafting, the earlier ids holding each candidate kind were counted and the rarer ones
printed (jac=True, (value, grad, pair, survival, bound method, time.time, uuid, 128-bit,
SimpleNamespace, poly1d, unit, math.exp, logpdf, keywords such as scale=, nu=, b=, k=, gamma=,
n=, size=, steps=, seed=, rng=, x=, lower=, quantiles, confidence, mmap=, warmup, burn, numpy
bool, np.True_, lru_cache, itertools, Counter, StringIO, NpzFile, dict_keys, islice,
csv.reader, memmap, lazy, fromiter, nditer, ndenumerate, flip, reversed, opt-out values, and
others); a NumPy-bool kind was given up there (its Python-True twins are earlier on the same
arguments). Then, for every drafted id, the earlier ids starting with its first two words and
sharing its kind's words were printed and read. Drafts sharing an earlier substance were
replaced before the run: metropolis x0 and ess_bulk draws an np.nditer (earlier "a numpy
nditer", exact substance) by np.ndenumerate; assert_same_distribution significance= (earlier)
by level=; keep_freed_memory top_pad= (earlier) by mmap_threshold_bytes=; style subplots ncol=
(near the earlier nrow=) by figsize='single'; quantile_type7 q= (exact id) by x an
np.ndenumerate. Kept although near an earlier id, as a new instance: check_grads args,
DiscreteInverseCDF p and metropolis_transition_matrix p an np.ndenumerate (earlier the same
arguments a numpy nditer, another iterator); keep_freed_memory mmap_threshold an np.nditer
(earlier trim_threshold); two_sample_distance x (earlier y) and chi_square_pvalue counts
(earlier p) the other iterator; the (value, derivative) pair on value_and_grad, check_grads,
hvp, the Primitive's rules and the samplers' and kit's functions listed (earlier on grad,
density_values, explore, find_center and pooled_total_variation; hessian of value_and_grad's
own function); both samplers' rvs rng= (earlier DiscreteInverseCDF rvs seed=); student_t nu=
(earlier dof=); style check_seed of a 128-bit int (earlier 2**64 and 2**70); the rng arguments
given a 128-bit int (earlier other functions' rng a UUID object). Missed, found while writing
this docstring: none.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 56 of the 95. After the
first run no case was added, dropped, reordered, swapped, reworded or corrected (only this
docstring was written).

First run (under ``ulimit -v 8000000``; kept about 2.7 s, --written about 2.3 s; pytest 3 s):
kept, 54 of 56 clear (96.4%), 0 unclear, 2 silent, 0 data loss -- engine 12/12, gradcheck 4/5
(1 silent), samplers 16/16, diagnostics 7/7, testing kit 9/10 (1 silent), figures 3/3, memory
3/3. Written, 92 of 95 clear (96.8%), 1 unclear, 2 silent, 0 data loss -- engine 19/20 (1
unclear), gradcheck 8/9 (1 silent), samplers 27/27, diagnostics 12/12, testing kit 16/17 (1
silent), figures 5/5, memory 5/5. Under pytest: 55 passed (54 cases and the wide-and-new
test), 2 failed (the kept cases below; NOT_CLEAR_YET is left empty for the lead); pytest was
run once more after this docstring was written, with the same result.

Not clear, kept:
- ``check_grads fun returning (value, gradient) as for scipy's jac=True`` (a user's function
  that misbehaves): silent -- no error; check_grads returned None. Doubtful as a bad input:
  check_grads may accept a function with several outputs (a tuple is a pytree) and check the
  derivatives of both, and what it promises for such functions was not read; but
  value_and_grad and hvp refuse the same function by name ("needs fun (_pair_loss) to return a
  float array or number, but it returned tuple"), so the gradient it checks is not the one
  the user meant. Kept as written.
- ``assert_labels_match labels an np.nditer`` (wrong type): silent -- no error; the assertion
  passed and returned 1.0. Every other ``np.nditer`` or ``np.ndenumerate`` of this battery was
  refused ("got an iterator, numpy.nditer, which NumPy does not read as its values; pass
  np.array(list(it))"), chi_square_pvalue counts among them, so labels is read another way.
Not clear, written and not kept:
- ``solve b an np.nditer over a vector`` (wrong type): unclear by my mention -- TypeError
  "reshape: x must be an array of real numbers, got an iterator, numpy.nditer, which NumPy does
  not read as its values; pass np.array(list(it)) (or the array it walks)": the type and the
  fix are named, but the function is called ``reshape`` and the argument ``x``, where the user
  called ``solve`` with ``b`` (an inner call's name leaks out).
No case lost data.

Measured on main at 99d5370, the commit it was written at, blind (the lead reran it there,
with the hundred-and-thirtieth beside it): kept, 54 of 56 clear (96.4%), 0 unclear, 2 silent,
0 data loss. Round 85 (with sight of this file, not blind): assert_labels_match refuses an
iterator as the kit's other arrays do (NumPy reads an nditer over an array as its values, so
the labels were the right ones and the assertion's answer was right, but the kit refuses
iterators everywhere else); solve checks a vector b under its own name before reshaping it
(the written case). The check_grads case stays a strict xfail, doubtful (NOT_CLEAR_YET says
why).
"""

import uuid

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
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import fixed_step_chains
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetyseventh import EDGES, M23, P3, U5, X3, _chains4, _sin_loss
from test_bad_inputs_hundredfifth import _square_impl, _square_vjp
from test_bad_inputs_hundredseventh import _normal_sampler, _walks
from test_bad_inputs_hundredeleventh import _discrete
from test_bad_inputs_hundredseventeenth import _through


# --- users' functions returning a (value, derivative) pair, as for scipy's ``jac=True`` -----

def _pair_loss(x):
    """A loss returning (value, gradient), as scipy.optimize.minimize(jac=True) wants."""
    return ad.sum(ad.sin(x)), ad.cos(x)


def _pair_impl(x):
    """A Primitive's impl returning (value, derivative)."""
    return x * x, 2.0 * x


def _pair_vjp(g, ans, x):
    """A Primitive's vjp rule returning (gradient, the answer) where the gradient alone is meant."""
    return g * 2.0 * x, ans


def _pair_pdf(x):
    """A pdf returning (density, its derivative)."""
    return stats.norm.pdf(x), -np.asarray(x) * stats.norm.pdf(x)


def _pair_cdf(x):
    """A cdf returning (cdf, density)."""
    return stats.norm.cdf(x), stats.norm.pdf(x)


def _pair_ppf(u):
    """A ppf returning (quantile, its derivative)."""
    q = stats.norm.ppf(u)
    return q, 1.0 / stats.norm.pdf(q)


def _pair_log_density(x):
    """A log-density returning (value, gradient), as an HMC code wants."""
    x = np.asarray(x, dtype=float)
    return -0.5 * np.sum(np.square(x), axis=-1), -x


def _pair_f(x):
    """An integrand returning (value, derivative)."""
    return np.sin(x), np.cos(x)


def _nditer(a):
    """NumPy's ``np.nditer`` over an array: an iterator object, not the array."""
    return np.nditer(np.asarray(a))


def _ndenumerate(a):
    """NumPy's ``np.ndenumerate`` of an array: (index, value) pairs, not the array."""
    return np.ndenumerate(np.asarray(a))


UUID128 = uuid.UUID("12345678-1234-5678-1234-567812345678").int   # a 128-bit seed from a UUID
Q3 = np.full((3, 3), 1.0 / 3.0)          # a symmetric proposal on 3 states


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("value_and_grad of a fun returning (value, gradient) as for scipy's jac=True", lambda d:
        ad.value_and_grad(_pair_loss)(X3), ["_pair_loss", "tuple"]),
    ("grad through a Primitive whose impl returns (value, derivative)", lambda d: ad.grad(
        _through("my_pairimpl", _pair_impl, _square_vjp))(X3), ["my_pairimpl", "tuple"]),
    ("grad through a Primitive whose vjp returns (gradient, answer)", lambda d: ad.grad(
        _through("my_pairvjp", _square_impl, _pair_vjp))(X3), ["my_pairvjp", "tuple"]),
    ("value_and_grad argnum=0, jacobian's spelling of argnums", lambda d: ad.value_and_grad(
        _sin_loss, argnum=0)(X3), ["argnum"]),
    ("jvp tangent=..., a singular tangents", lambda d: ad.jvp(ad.sin, (X3,), tangent=(X3,)),
     ["tangent"]),
    ("exp of an np.ndenumerate of a vector", lambda d: ad.exp(_ndenumerate(X3)),
     ["exp", "ndenumerate"]),
    ("matmul a an np.nditer over a matrix", lambda d: ad.matmul(_nditer(M23), X3),
     ["matmul", "nditer"]),
    ("mean x an np.ndenumerate of a vector", lambda d: ad.mean(_ndenumerate(X3)),
     ["mean", "ndenumerate"]),
    ("concatenate xs an np.nditer over a matrix", lambda d: ad.concatenate(_nditer(M23)),
     ["concatenate", "nditer"]),
    ("stack xs an np.ndenumerate of a matrix", lambda d: ad.stack(_ndenumerate(M23)),
     ["stack", "ndenumerate"]),
    ("where b an np.nditer over a vector", lambda d: ad.where(X3 > 0, X3, _nditer(X3)),
     ["where", "nditer"]),
    ("einsum an operand an np.ndenumerate", lambda d: ad.einsum("i,i->", X3, _ndenumerate(X3)),
     ["einsum", "ndenumerate"]),
    ("norm p=2, torch's keyword for ord", lambda d: ad.norm(X3, p=2), ["'p'"]),
    ("where condition=..., NumPy's documented name for cond", lambda d: ad.where(
        condition=X3 > 0, a=X3, b=-X3), ["condition"]),
    ("squeeze dim=0, torch's keyword for axis", lambda d: ad.squeeze(M23[None], dim=0),
     ["dim"]),
    ("prod dim=0, torch's keyword for axis", lambda d: ad.prod(M23, dim=0), ["dim"]),
    ("var dim=0, torch's keyword for axis", lambda d: ad.var(M23, dim=0), ["dim"]),
    ("solve b an np.nditer over a vector", lambda d: ad.solve(np.eye(3), _nditer(X3)),
     ["solve", "nditer"]),
    ("logsumexp of an np.nditer over a vector", lambda d: ad.logsumexp(_nditer(X3)),
     ["logsumexp", "nditer"]),
    ("clip lo= and hi=, for a_min and a_max", lambda d: ad.clip(X3, lo=0.0, hi=1.0), ["lo"]),
]

GRADCHECK_CASES = [
    ("check_grads fun returning (value, gradient) as for scipy's jac=True", lambda d:
        check_grads(_pair_loss, (X3,)), ["_pair_loss", "tuple"]),
    ("check_grads args a tuple holding an np.ndenumerate", lambda d: check_grads(
        _sin_loss, (_ndenumerate(X3),)), ["args", "ndenumerate"]),
    ("check_grads seed=0, for rng", lambda d: check_grads(_sin_loss, (X3,), seed=0),
     ["seed"]),
    ("check_grads rng a 128-bit seed from a UUID", lambda d: check_grads(
        _sin_loss, (X3,), rng=UUID128), ["rng", str(UUID128)]),
    ("check_grads tol=1e-06, one tolerance for atol and rtol", lambda d: check_grads(
        _sin_loss, (X3,), tol=1e-6), ["tol"]),
    ("hvp fun returning (value, gradient) as for scipy's jac=True", lambda d: hvp(
        _pair_loss, X3, np.ones(3)), ["_pair_loss", "tuple"]),
    ("hvp x an np.nditer over the point", lambda d: hvp(_sin_loss, _nditer(X3), np.ones(3)),
     ["x", "nditer"]),
    ("hvp vector=..., a spelt-out v", lambda d: hvp(_sin_loss, X3, vector=np.ones(3)),
     ["vector"]),
    ("check_grads fun through a Primitive whose vjp returns (gradient, answer)", lambda d:
        check_grads(_through("my_pairvjp", _square_impl, _pair_vjp), (X3,)),
     ["my_pairvjp", "tuple"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p an np.ndenumerate of masses", lambda d: DiscreteInverseCDF(
        _ndenumerate(P3)), ["p", "ndenumerate"]),
    ("DiscreteInverseCDF rvs rng=0, for random_state", lambda d: _discrete().rvs(3, rng=0),
     ["rng"]),
    ("DiscreteInverseCDF sample rng a 128-bit seed from a UUID", lambda d: _discrete().sample(
        3, UUID128), ["rng", str(UUID128)]),
    ("DiscreteInverseCDF from_uniforms u an np.nditer", lambda d: _discrete().from_uniforms(
        _nditer(U5)), ["u", "nditer"]),
    ("DiscreteInverseCDF ppf q=..., SciPy's keyword for u", lambda d: _discrete().ppf(q=U5),
     ["'q'"]),
    ("ContinuousInverseCDF from_density pdf returning (value, derivative)", lambda d:
        ContinuousInverseCDF.from_density(_pair_pdf), ["_pair_pdf", "tuple"]),
    ("ContinuousInverseCDF from_density domian=..., a misspelt domain", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, domian=(-np.inf, np.inf)),
     ["domian"]),
    ("ContinuousInverseCDF from_ppf cdf returning (value, density)", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, _pair_cdf), ["_pair_cdf", "tuple"]),
    ("ContinuousInverseCDF from_ppf ppf returning (value, derivative)", lambda d:
        ContinuousInverseCDF.from_ppf(_pair_ppf), ["_pair_ppf", "tuple"]),
    ("ContinuousInverseCDF rvs rng=0, for random_state", lambda d: _normal_sampler().rvs(
        3, rng=0), ["rng"]),
    ("ContinuousInverseCDF ppf u an np.ndenumerate", lambda d: _normal_sampler().ppf(
        _ndenumerate(U5)), ["u", "ndenumerate"]),
    ("grid_inverse_cdf pdf returning (value, derivative)", lambda d: grid_inverse_cdf(
        _pair_pdf, -5.0, 5.0), ["_pair_pdf", "tuple"]),
    ("grid_inverse_cdf lower= and upper=, for lo and hi", lambda d: grid_inverse_cdf(
        stats.norm.pdf, lower=-5.0, upper=5.0), ["lower"]),
    ("metropolis log_density returning (value, gradient), as for HMC", lambda d: _metropolis(
        log_density=_pair_log_density), ["_pair_log_density", "tuple"]),
    ("metropolis burnin=100, for n_warmup", lambda d: _metropolis(burnin=100), ["burnin"]),
    ("metropolis x0 an np.ndenumerate", lambda d: _metropolis(x0=_ndenumerate(X3)),
     ["x0", "ndenumerate"]),
    ("metropolis rng a 128-bit seed from a UUID", lambda d: _metropolis(rng=UUID128),
     ["rng", str(UUID128)]),
    ("weibull k=1.5, the textbook's name for shape", lambda d: sampling.weibull(k=1.5),
     ["'k'"]),
    ("laplace b=1.0, the textbook's name for scale", lambda d: sampling.laplace(b=1.0),
     ["'b'"]),
    ("fixed_step_chains n_chains=4, for chains", lambda d: fixed_step_chains(
        dim=2, scaled=1.0, n_chains=4, steps=10, rng=_rng()), ["n_chains"]),
    ("walks_from_one_start log_density returning (value, gradient)", lambda d: _walks(
        log_density=_pair_log_density), ["_pair_log_density", "tuple"]),
    ("bin_masses cdf returning (value, density)", lambda d: bin_masses(EDGES, _pair_cdf),
     ["_pair_cdf", "tuple"]),
    ("total_variation cdf returning (value, density)", lambda d: total_variation(
        _samples(), EDGES, _pair_cdf), ["_pair_cdf", "tuple"]),
    ("metropolis_transition_matrix p an np.ndenumerate", lambda d:
        metropolis_transition_matrix(_ndenumerate(P3), Q3), ["p", "ndenumerate"]),
    ("integrate f returning (value, derivative)", lambda d: integrate(_pair_f, 0.0, 1.0),
     ["_pair_f", "tuple"]),
    ("integrate a= and b=, scipy.integrate.quad's names for lo and hi", lambda d: integrate(
        np.sin, a=0.0, b=1.0), ["'a'"]),
    ("optimal_acceptance d=2, for dim", lambda d: sampling.optimal_acceptance(d=2), ["'d'"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws an np.ndenumerate of four chains", lambda d: split_rhat(
        _ndenumerate(_chains4())), ["split_rhat", "ndenumerate"]),
    ("split_rhat chains=..., a keyword for draws", lambda d: split_rhat(chains=_chains4()),
     ["chains"]),
    ("ess_bulk draws an np.ndenumerate of four chains", lambda d: ess_bulk(
        _ndenumerate(_chains4())), ["ess_bulk", "ndenumerate"]),
    ("ess_tail quantiles=(0.05, 0.95), for prob", lambda d: ess_tail(
        _chains4(), quantiles=(0.05, 0.95)), ["quantiles"]),
    ("ess_mean draws an np.ndenumerate of four chains", lambda d: ess_mean(
        _ndenumerate(_chains4())), ["ess_mean", "ndenumerate"]),
    ("mcse_mean draws an np.nditer over four chains", lambda d: mcse_mean(
        _nditer(_chains4())), ["mcse_mean", "nditer"]),
    ("mcse_sd chains=..., a keyword for draws", lambda d: mcse_sd(chains=_chains4()),
     ["chains"]),
    ("rank_normalize draws an np.nditer over four chains", lambda d: rank_normalize(
        _nditer(_chains4())), ["rank_normalize", "nditer"]),
    ("diagnose draws an np.ndenumerate of four chains", lambda d: diagnose(
        _ndenumerate(_chains4())), ["diagnose", "ndenumerate"]),
    ("quantile_type7 x an np.ndenumerate of draws", lambda d: quantile_type7(
        _ndenumerate(_samples()), 0.5), ["quantile_type7", "ndenumerate"]),
    ("normal_scores x an np.ndenumerate", lambda d: normal_scores(_ndenumerate(_samples())),
     ["normal_scores", "ndenumerate"]),
    ("split_chains x an np.nditer over four chains", lambda d: split_chains(
        _nditer(_chains4())), ["split_chains", "nditer"]),
]

TESTING_CASES = [
    ("assert_inverts cdf returning (value, density)", lambda d: testing.assert_inverts(
        stats.norm.ppf, _pair_cdf, U5, 1e-6), ["_pair_cdf", "tuple"]),
    ("assert_inverts ppf returning (value, derivative)", lambda d: testing.assert_inverts(
        _pair_ppf, stats.norm.cdf, U5, 1e-6), ["_pair_ppf", "tuple"]),
    ("assert_monotone ppf returning (value, derivative)", lambda d: testing.assert_monotone(
        _pair_ppf, U5), ["_pair_ppf", "tuple"]),
    ("assert_cdf_matches cdf returning (value, density)", lambda d:
        testing.assert_cdf_matches(_samples(), _pair_cdf), ["_pair_cdf", "tuple"]),
    ("assert_cdf_matches samples an np.ndenumerate", lambda d: testing.assert_cdf_matches(
        _ndenumerate(_samples()), stats.norm.cdf), ["samples", "ndenumerate"]),
    ("assert_labels_match labels an np.nditer", lambda d: testing.assert_labels_match(
        _nditer([0, 1, 2, 2]), P3), ["labels", "nditer"]),
    ("assert_same_distribution level=0.01, for alpha", lambda d:
        testing.assert_same_distribution(_samples(), _samples(), level=0.01), ["level"]),
    ("draws_needed power=0.99, for beta", lambda d: testing.draws_needed(0.01, power=0.99),
     ["power"]),
    ("ks_distance cdf returning (value, density)", lambda d: testing.ks_distance(
        _samples(), _pair_cdf), ["_pair_cdf", "tuple"]),
    ("two_sample_distance x an np.ndenumerate", lambda d: testing.two_sample_distance(
        _ndenumerate(_samples()), _samples()), ["x", "ndenumerate"]),
    ("chi_square_pvalue counts an np.nditer", lambda d: testing.chi_square_pvalue(
        _nditer([20, 30, 50]), P3), ["counts", "nditer"]),
    ("dkw_epsilon confidence=0.95, for alpha", lambda d: testing.dkw_epsilon(
        1000, confidence=0.95), ["confidence"]),
    ("densities student_t nu=3.0, the textbook's name for df", lambda d: densities.student_t(
        nu=3.0), ["nu"]),
    ("densities triangular c=0.5, SciPy's name for mode", lambda d: densities.triangular(
        lo=0.0, c=0.5, hi=1.0), ["'c'"]),
    ("densities normal_mixture means= and sds=, for locs and scales", lambda d:
        densities.normal_mixture([0.5, 0.5], means=[0.0, 1.0], sds=[1.0, 1.0]), ["means"]),
    ("strategies u_grids cuts=(0.5,), for cut_points", lambda d: _example(
        strategies.u_grids(cuts=(0.5,))), ["cuts"]),
    ("strategies probability_vectors max_len=5, for max_size", lambda d: _example(
        strategies.probability_vectors(max_len=5)), ["max_len"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_seed rng=0, for seed", lambda d: style.check_seed(rng=0), ["rng"]),
    ("style check_numbers x an np.nditer", lambda d: style.check_numbers("x", _nditer(X3)),
     ["x", "nditer"]),
    ("style check_record value an np.ndenumerate", lambda d: style.check_record(
        "cfg", _ndenumerate([1.0, 2.0]), ("a", "b")), ["cfg", "ndenumerate"]),
    ("style check_seed seed a 128-bit seed from a UUID", lambda d: style.check_seed(UUID128),
     ["seed", str(UUID128)]),
    ("style subplots figsize='single', matplotlib's keyword given the size's name", lambda d:
        style.subplots(figsize="single"), ["figsize", "single"]),
]

VAR = memory.OPT_OUT_VARIABLE                    # "SCRATCHMETA_KEEP_FREED_MEMORY"
MEMORY_CASES = [
    ("keep_freed_memory threshold=..., for trim_threshold", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(threshold=268435456)), ["threshold"]),
    ("keep_freed_memory mmap_threshold an np.nditer over one value", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(mmap_threshold=_nditer(67108864))),
     ["mmap_threshold", "nditer"]),
    ("opt-out value 'evet', a word for the setting", lambda d: memory.opt_out_value(),
     [VAR, "evet"], {VAR: "evet"}),
    ("keep_freed_memory_unless_opted_out with the opt-out value 'hayir'", lambda d:
        _then_defaults(memory.keep_freed_memory_unless_opted_out), [VAR, "hayir"],
     {VAR: "hayir"}),
    ("keep_freed_memory mmap_threshold_bytes=..., a suffixed keyword", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(mmap_threshold_bytes=67108864)),
     ["mmap_threshold_bytes"]),
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
    "check_grads fun returning (value, gradient) as for scipy's jac=True":
        'silent at 99d5370: no error (doubtful: check_grads checks the engine\'s derivatives of '
        'any function, one with a tuple of outputs included, as autograd\'s check_grads does; '
        'both outputs\' derivatives were right, and a pair that is a value and its gradient '
        'cannot be told from two outputs)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredthirtyfirst_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredthirtyfirst.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
