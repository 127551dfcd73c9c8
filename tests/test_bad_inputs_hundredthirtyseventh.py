"""A hundred-and-thirty-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt137), from the user's side only: the public names
(``__all__`` where there is one, else ``dir`` filtered to the names each module defines itself)
and signatures of ``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and its
public modules ``closed_forms``, ``diagnostics``, ``finite_chain``, ``interpolation``,
``metropolis``, ``mixing``, ``quadrature``, ``step_size``, ``tails`` (``sampling.checks`` left
out; ``continuous`` and ``discrete`` not printed), ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF`` (signatures only). Templates: the hundred-and-thirty-fifth in full; the
hundred-and-thirty-third printed whole but for a display cut at its lines 179-280 (the end of
its docstring, its imports, constants and masked helpers), which was printed after the first
run (so, before the run, less than the brief asks; disclosed). README.md was not read, and no
``--help`` was run (this battery has no command-line case; what the README presents as valid
could only be judged from the signatures and the templates: a keyword the signature lacks, a
Python type where a value of it is meant, and a user's function returning an exception object
cannot be valid by any reading). Of ``tests/test_bad_inputs_cli.py`` its first 80 lines were
printed (the module docstring, its imports and constants, and -- more than the brief allows,
disclosed -- the bodies of its file helpers ``_good``, ``_arrays``, ``_damaged``,
``_with_pickle`` and ``_text``, which this battery does not use) and a grep of its ``def``
lines; the bodies of ``classify_call`` and the battery helpers were not printed (used as the
templates use them). The eighth's ``classify_case``: its head (signature, docstring and first
lines) was printed. The earlier batteries' shared helpers were imported, not copied (from the
fifth ``_example`` and ``_metropolis``; the seventeenth ``_samples``; the eighty-seventh
``_then_defaults``; from the ninety-seventh its constants, ``_chains4`` and ``_sin_loss``; the
hundred-and-fifth ``_square_impl``; the hundred-and-seventh ``_normal_sampler`` and ``_walks``;
the hundred-and-eleventh ``_discrete``; the hundred-and-seventeenth ``_through``); only their
signatures and the constants' values were printed, no body. Of earlier battery files, beyond
their ids, only grep lines were seen: the source lines of four earlier cases (``check_grads fun
returning a ValueError instead of raising it`` with its mentions ``["fun", ERR]``, ``dkw_epsilon
n the int type, not a count`` ``["n", "int"]``, ``style check_seed seed the Generator class, not
an instance`` ``["seed", "Generator"]``, ``check_grads eps the float type`` ``["eps",
"float"]``), read to match their mentions' style. No body, docstring or source of library code,
of ``checks``/``messages``/``protocol``, of the library's history or of /work/main (whose venv's
python alone was run) was read, before or after the first run (``git status`` was the only git
command). No ``__main__`` module was imported. After the first runs every written case was
classified once more through the same ``_classify`` (with a ``pathlib.Path`` temporary folder)
to read the messages, clear ones included. Writes: no case writes a file (outside the worktree
the writer kept scratch files in /tmp/team14_w137* -- the list of earlier ids, this file's
draft body and docstring, and an empty folder of temporary folders -- all removed after the
run). No optional package is used, so no case is skipped. No case could allocate gigabytes (the
largest number passed is 268435456 as malloc's threshold; every "type" case passes a class, not
a size), so the ninety-sixth battery's ``_under_the_batteries_ulimit`` is not imported.

Areas (library side only), as written: the autodiff engine -- mean axis_=, var ddof_= and ddof,
norm ord_= and ord, grad argnums_= and argnums, jacobian argnum_= and argnum, hessian argnum_=
and argnum, concatenate axis_=, std keepdims_=, clip a_min, expand_dims and stack axis, jvp fun,
and a user's Primitive under grad, jacobian and value_and_grad (20); gradcheck -- check_grads
(eps_=, atol_=, order_=, rng_=, atol, a user's Primitive) and hvp (v_=, x, a user's Primitive)
(9); samplers -- DiscreteInverseCDF rvs (random_state_=, size, random_state),
ContinuousInverseCDF (from_density pdf and center_=, from_ppf cdf, u_error sample_size_=, rvs
size, sample rng_=, ppf u), grid_inverse_cdf (n_=, n, hi), metropolis (n_warmup_=, n_warmup,
target_acceptance_=, target_acceptance, step_size), weibull scale_=, pareto alpha, cauchy scale,
walks_from_one_start log_density, bin_masses cdf, total_variation cdf, integrate (f, n),
optimal_acceptance dim (27); diagnostics -- ess_tail (prob_=, draws), split_rhat draws_=,
mcse_sd draws_=, mcse_mean (draws_=, draws), quantile_type7 (prob_=, prob, x), rank_normalize
draws, normal_scores x_=, split_chains x (12); the testing kit (assert_cdf_matches alpha_= and
alpha, assert_inverts cdf and ppf, ks_distance cdf, assert_labels_match alpha, dkw_epsilon
alpha_=, draws_needed beta_=, chi_square_power n, chi_square_pvalue p_=, smallest_detectable
n), its densities (student_t loc_=, uniform hi, triangular mode_=) and strategies (u_grids
max_size, symmetric_proposals n_=, probability_vectors max_size_=) (17); ``figures.style``
check_seed name_=, subplots nrows and size_=, check_numbers shape_=, check_axes name_= (5);
``memory`` keep_freed_memory (mmap_threshold_=, trim_threshold_=, mmap_threshold), the opt-out
variable read by opt_out_value and by keep_freed_memory_unless_opted_out (5): 95 written.
Dtypes: float32 and float64 are valid by the brief, so no dtype case was written.

Kinds of bad value (the issue's own, each on a function or argument not tried with it, as far
as the repeats check below could tell):
- typos and misspellings of names: a keyword with a trailing underscore, as PEP 8 spells a name
  that would clash with a builtin or keyword (``axis_=``, ``ddof_=``, ``ord_=``, ``argnums_=``,
  ``argnum_=``, ``keepdims_=``, ``eps_=``, ``atol_=``, ``order_=``, ``rng_=``, ``v_=``,
  ``random_state_=``, ``center_=``, ``sample_size_=``, ``n_=``, ``n_warmup_=``,
  ``target_acceptance_=``, ``scale_=``, ``prob_=``, ``draws_=``, ``x_=``, ``alpha_=``,
  ``beta_=``, ``p_=``, ``loc_=``, ``mode_=``, ``max_size_=``, ``name_=``, ``size_=``,
  ``shape_=``, ``mmap_threshold_=``, ``trim_threshold_=``) and an environment value typed with
  one (the opt-out variable 'yes_' and '1_');
- a wrong type: the Python type itself where a value of it is meant (``int`` for an index, an
  axis, a count, a size or a dimension; ``float`` for an order, a bound, a tolerance, a point,
  a uniform, a rate, a step, an exponent, a scale, a probability or draws) and the
  ``numpy.random.Generator`` class where an instance is meant (DiscreteInverseCDF rvs
  random_state);
- a user's function that misbehaves: it returns a ``ValueError`` instance instead of raising it
  (jvp fun; a Primitive's vjp rule under grad, jacobian, value_and_grad, check_grads and hvp;
  from_density pdf, from_ppf cdf, walks_from_one_start log_density, bin_masses cdf,
  total_variation cdf, integrate f, assert_inverts cdf and ppf, ks_distance cdf).
No degenerate data of the issue's own rule (too-short or constant chains), no file or path case
and no mismatch between runs (these areas have none but ``style.save``, whose path kinds the
earlier batteries hold), no out-of-range number and no wrong shape (the earlier batteries hold
these functions' ranges and shapes densely: 2**64 alone is in about 300 earlier ids).

Repeats: every id of the earlier batteries (16,719 distinct quoted first elements of tuples in
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex; some are not
ids) was compared with the file before the run for exact ids, case-insensitively (none). Before
drafting, the earlier ids holding each candidate kind were counted and the rarer ones printed
(frozenset, set, trailing underscore, float16, longdouble, map object, iterator, range, tuple
holding, plural, axes=, numpy bool, np.True_, returning a tuple/pair/range/frozenset/set/bool,
enum, IntEnum, matrix, SimpleNamespace, thousands, the class, the type, 2**63, maxsize, module,
exception, instead of raising, slice, dtype, builtin); sets and frozensets (about 150 ids),
slices (59), the numpy.random module and the numpy bools were given up there (dense). The
trailing underscore: one earlier id (``make_strategy a hyperparameter with a trailing
underscore``), no earlier id holding ``_=``, and no earlier 'yes_' or '1_'. Then, for every
drafted id, the earlier ids starting with its first two words and holding "int type", "float
type", "Generator class", "ValueError instead", "trailing underscore" or "_=" were printed, and
all earlier ids of the form "<function> ... the <name> type/class" on these functions, and the
earlier ids of each function with "ValueError" (none on jvp, a Primitive's vjp, from_density,
from_ppf cdf, walks, bin_masses, total_variation, integrate, assert_inverts or ks_distance).
Drafts sharing an earlier substance were replaced before the run: ``ess_tail prob the float
type`` (earlier ``ess_tail prob the tuple type``), ``mcse_sd draws the float type`` (earlier
``mcse_sd draws the ndarray type``), ``ess_bulk draws the float type`` (earlier ``ess_bulk draws
the ndarray class``) and ``split_rhat draws the float type`` (earlier ``split_rhat draws the list
type``) by mcse_mean draws, ess_tail draws and quantile_type7 x the float type. Kept although
near, as new instances: the Primitive's vjp returning a ValueError under check_grads and hvp
(earlier check_grads fun and hvp fun returning one; another user function), and under grad,
jacobian and value_and_grad (earlier their fun; and ``grad through a Primitive whose vjp is the
float type``); the type cases on arguments of functions where another argument had a type
(check_grads atol: earlier eps, rtol, order; hvp x: earlier v; metropolis n_warmup: earlier
n_steps; DiscreteInverseCDF rvs size: earlier sample size; ContinuousInverseCDF rvs size:
earlier u_error sample_size; keep_freed_memory mmap_threshold: earlier trim_threshold;
smallest_detectable n: earlier beta); the trailing-underscore keywords on the functions whose
other arguments held a type (u_error sample_size_=, symmetric_proposals n_=, check_seed
name_=). Missed, found while writing this docstring: none.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 56 of the 95. After the
first run no case was added, dropped, reordered, swapped, reworded or corrected (only this
docstring was written; the four replacements above were made before any run).

First run (under ``ulimit -v 8000000``; kept about 3.3 s, --written about 2.6 s; pytest 5.2 s):
kept, 56 of 56 clear (100.0%), 0 unclear, 0 silent, 0 data loss -- engine 12/12, gradcheck 5/5,
samplers 16/16, diagnostics 7/7, testing kit 10/10, figures 3/3, memory 3/3. Written, 95 of 95
clear (100.0%), 0 unclear, 0 silent, 0 data loss -- engine 20/20, gradcheck 9/9, samplers 27/27,
diagnostics 12/12, testing kit 17/17, figures 5/5, memory 5/5. Under pytest: 57 passed (56
cases and the wide-and-new test); pytest was run once more after this docstring was written,
with the same result.

Not clear, kept: none.
Not clear, written and not kept: none.
Read in the clear messages, not counted (every one names the argument and the value): the
trailing-underscore keywords are refused by Python's own "got an unexpected keyword argument"
(``from_density center_=`` says its name twice, "from_density: ContinuousInverseCDF.from_density()
got ..."; ``subplots size_=`` is passed to matplotlib and its refusal, "Figure.set() got an
unexpected keyword argument 'size_'", is relayed with subplots' own words). A type where a value
is meant is shown as "<class 'float'> (type type)"; metropolis target_acceptance and step_size,
pareto alpha and cauchy scale add a second "(type)" ("got <class 'float'> (type type) (type)");
the array arguments (ContinuousInverseCDF ppf u, the diagnostics' draws and x) describe it as
"(dtype object): objects, the first a type <class 'float'> at u[]", an empty index for a 0-d
value. Some wrong types are refused as ValueError where a TypeError would say wrong type: norm
ord (which says "not supported", not that a type was given), check_grads atol, grid_inverse_cdf
n and style subplots nrows. The Primitive's vjp returning a ValueError is refused in the
Primitive's own words under grad, value_and_grad and check_grads (without the calling
function's name), with "jacobian:" in front under jacobian, and under hvp as "hvp: grad: fun
raised TypeError when called with 1 argument(s) of shape(s) (3,): ..." -- an inner name and a
"fun raised" that the user's function did not. The samplers' and testing kit's functions that
return an exception object say "raise it instead of returning it".
No case lost data.

Measured on main at 005f101, the commit it was written at, blind (the lead reran it there,
with the hundred-and-thirty-sixth beside it): kept, 56 of 56 clear (100%), 0 unclear, 0
silent, 0 data loss. Round 88 (with sight of this file, not blind), on the slightly-off
messages above: a class given where a value is meant is shown as "the class float" (by its
public path, numpy.random.Generator), once, not as "<class 'float'> (type type) (type)".
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, ess_tail, grid_inverse_cdf, mcse_mean,
                                  mcse_sd, rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7, split_chains
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetyseventh import EDGES, M23, P3, U5, X3, _chains4, _sin_loss
from test_bad_inputs_hundredfifth import _square_impl
from test_bad_inputs_hundredseventh import _normal_sampler, _walks
from test_bad_inputs_hundredeleventh import _discrete
from test_bad_inputs_hundredseventeenth import _through
from test_bad_inputs_fourth import _rng


# --- users' functions that return an exception instead of raising it -------------------------

def _error(what):
    return ValueError(f"{what} is out of my range")


def _err_vjp(g, ans, x):
    """A Primitive's vjp rule that returns a ValueError instead of raising it."""
    return _error("g")


def _err_loss(x):
    """A loss that returns a ValueError instead of raising it."""
    return _error("x")


def _err_pdf(x):
    """A pdf that returns a ValueError instead of raising it."""
    return _error("x")


def _err_cdf(x):
    """A cdf that returns a ValueError instead of raising it."""
    return _error("x")


def _err_ppf(u):
    """A ppf that returns a ValueError instead of raising it."""
    return _error("u")


def _err_log_density(x):
    """A log-density that returns a ValueError instead of raising it."""
    return _error("x")


def _err_f(x):
    """An integrand that returns a ValueError instead of raising it."""
    return _error("x")


def _errvjp():
    return _through("my_errvjp", _square_impl, _err_vjp)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("mean axis_=0, a trailing underscore", lambda d: ad.mean(M23, axis_=0), ["axis_"]),
    ("jacobian argnum the int type, not an index", lambda d: ad.jacobian(
        ad.sin, argnum=int)(X3), ["argnum", "int"]),
    ("jvp fun returning a ValueError instead of raising it", lambda d: ad.jvp(
        _err_loss, (X3,), (X3,)), ["_err_loss", "ValueError"]),
    ("var ddof_=1, a trailing underscore", lambda d: ad.var(M23, axis=0, ddof_=1), ["ddof_"]),
    ("hessian argnum the int type, not an index", lambda d: ad.hessian(
        _sin_loss, argnum=int)(X3), ["argnum", "int"]),
    ("grad through a Primitive whose vjp returns a ValueError instead of raising it",
     lambda d: ad.grad(_errvjp())(X3), ["my_errvjp", "ValueError"]),
    ("norm ord_=2, a trailing underscore", lambda d: ad.norm(X3, ord_=2), ["ord_"]),
    ("grad argnums the int type, not an index", lambda d: ad.grad(
        _sin_loss, argnums=int)(X3), ["argnums", "int"]),
    ("grad argnums_=0, a trailing underscore", lambda d: ad.grad(_sin_loss, argnums_=0)(X3),
     ["argnums_"]),
    ("var ddof the int type, not a count", lambda d: ad.var(M23, axis=0, ddof=int),
     ["ddof", "int"]),
    ("jacobian through a Primitive whose vjp returns a ValueError instead of raising it",
     lambda d: ad.jacobian(_errvjp())(X3), ["my_errvjp", "ValueError"]),
    ("jacobian argnum_=0, a trailing underscore", lambda d: ad.jacobian(
        ad.sin, argnum_=0)(X3), ["argnum_"]),
    ("norm ord the float type, not an order", lambda d: ad.norm(X3, ord=float),
     ["ord", "float"]),
    ("concatenate axis_=0, a trailing underscore", lambda d: ad.concatenate(
        [X3, X3], axis_=0), ["axis_"]),
    ("clip a_min the float type, not a bound", lambda d: ad.clip(X3, float, 1.0),
     ["a_min", "float"]),
    ("std keepdims_=True, a trailing underscore", lambda d: ad.std(
        M23, axis=0, keepdims_=True), ["keepdims_"]),
    ("expand_dims axis the int type, not an axis", lambda d: ad.expand_dims(X3, int),
     ["axis", "int"]),
    ("value_and_grad through a Primitive whose vjp returns a ValueError instead of raising it",
     lambda d: ad.value_and_grad(_errvjp())(X3), ["my_errvjp", "ValueError"]),
    ("hessian argnum_=0, a trailing underscore", lambda d: ad.hessian(
        _sin_loss, argnum_=0)(X3), ["argnum_"]),
    ("stack axis the int type, not an axis", lambda d: ad.stack([X3, X3], axis=int),
     ["axis", "int"]),
]

GRADCHECK_CASES = [
    ("check_grads eps_=1e-06, a trailing underscore", lambda d: check_grads(
        _sin_loss, (X3,), eps_=1e-6), ["eps_"]),
    ("check_grads atol the float type, not a tolerance", lambda d: check_grads(
        _sin_loss, (X3,), atol=float), ["atol", "float"]),
    ("check_grads fun through a Primitive whose vjp returns a ValueError instead of raising it",
     lambda d: check_grads(_errvjp(), (X3,)), ["my_errvjp", "ValueError"]),
    ("hvp v_=..., a trailing underscore", lambda d: hvp(_sin_loss, X3, v_=np.ones(3)),
     ["v_"]),
    ("hvp x the float type, not a point", lambda d: hvp(_sin_loss, float, np.ones(3)),
     ["x", "float"]),
    ("check_grads rng_=..., a trailing underscore", lambda d: check_grads(
        _sin_loss, (X3,), rng_=_rng()), ["rng_"]),
    ("hvp fun through a Primitive whose vjp returns a ValueError instead of raising it",
     lambda d: hvp(_errvjp(), X3, np.ones(3)), ["my_errvjp", "ValueError"]),
    ("check_grads atol_=1e-06, a trailing underscore", lambda d: check_grads(
        _sin_loss, (X3,), atol_=1e-6), ["atol_"]),
    ("check_grads order_=1, a trailing underscore", lambda d: check_grads(
        _sin_loss, (X3,), order_=1), ["order_"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF rvs random_state_=..., a trailing underscore", lambda d:
        _discrete().rvs(3, random_state_=_rng()), ["random_state_"]),
    ("DiscreteInverseCDF rvs size the int type, not a count", lambda d: _discrete().rvs(
        int, random_state=_rng()), ["size", "int"]),
    ("DiscreteInverseCDF rvs random_state the Generator class, not an instance", lambda d:
        _discrete().rvs(3, random_state=np.random.Generator), ["random_state", "Generator"]),
    ("ContinuousInverseCDF from_density pdf returning a ValueError instead of raising it",
     lambda d: ContinuousInverseCDF.from_density(_err_pdf), ["_err_pdf", "ValueError"]),
    ("ContinuousInverseCDF from_density center_=0.0, a trailing underscore", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, center_=0.0), ["center_"]),
    ("ContinuousInverseCDF from_ppf cdf returning a ValueError instead of raising it",
     lambda d: ContinuousInverseCDF.from_ppf(stats.norm.ppf, _err_cdf),
     ["_err_cdf", "ValueError"]),
    ("ContinuousInverseCDF u_error sample_size_=1000, a trailing underscore", lambda d:
        _normal_sampler().u_error(sample_size_=1000), ["sample_size_"]),
    ("ContinuousInverseCDF rvs size the int type, not a count", lambda d:
        _normal_sampler().rvs(int, random_state=_rng()), ["size", "int"]),
    ("ContinuousInverseCDF sample rng_=..., a trailing underscore", lambda d:
        _normal_sampler().sample(3, rng_=_rng()), ["rng_"]),
    ("ContinuousInverseCDF ppf u the float type, not a uniform", lambda d:
        _normal_sampler().ppf(float), ["u", "float"]),
    ("grid_inverse_cdf n_=4096, a trailing underscore", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, 5.0, n_=4096), ["n_"]),
    ("grid_inverse_cdf n the int type, not a count", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, 5.0, n=int), ["n", "int"]),
    ("grid_inverse_cdf hi the float type, not a bound", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, float), ["hi", "float"]),
    ("metropolis n_warmup_=10, a trailing underscore", lambda d: _metropolis(n_warmup_=10),
     ["n_warmup_"]),
    ("metropolis target_acceptance the float type, not a rate", lambda d: _metropolis(
        target_acceptance=float), ["target_acceptance", "float"]),
    ("metropolis step_size the float type, not a step", lambda d: _metropolis(
        step_size=float), ["step_size", "float"]),
    ("metropolis n_warmup the int type, not a count", lambda d: _metropolis(n_warmup=int),
     ["n_warmup", "int"]),
    ("metropolis target_acceptance_=0.3, a trailing underscore", lambda d: _metropolis(
        target_acceptance_=0.3), ["target_acceptance_"]),
    ("weibull scale_=1.0, a trailing underscore", lambda d: sampling.weibull(
        2.0, scale_=1.0), ["scale_"]),
    ("pareto alpha the float type, not an exponent", lambda d: sampling.pareto(float),
     ["alpha", "float"]),
    ("cauchy scale the float type, not a scale", lambda d: sampling.cauchy(scale=float),
     ["scale", "float"]),
    ("walks_from_one_start log_density returning a ValueError instead of raising it",
     lambda d: _walks(log_density=_err_log_density), ["_err_log_density", "ValueError"]),
    ("bin_masses cdf returning a ValueError instead of raising it", lambda d: bin_masses(
        EDGES, _err_cdf), ["_err_cdf", "ValueError"]),
    ("total_variation cdf returning a ValueError instead of raising it", lambda d:
        total_variation(_samples(), EDGES, _err_cdf), ["_err_cdf", "ValueError"]),
    ("integrate f returning a ValueError instead of raising it", lambda d: integrate(
        _err_f, 0.0, 1.0), ["_err_f", "ValueError"]),
    ("integrate n the int type, not a count", lambda d: integrate(np.sin, 0.0, 1.0, n=int),
     ["n", "int"]),
    ("optimal_acceptance dim the int type, not a dimension", lambda d:
        sampling.optimal_acceptance(int), ["dim", "int"]),
]

DIAGNOSTIC_CASES = [
    ("ess_tail prob_=..., a trailing underscore", lambda d: ess_tail(
        _chains4(), prob_=(0.05, 0.95)), ["prob_"]),
    ("mcse_mean draws the float type, not draws", lambda d: mcse_mean(float),
     ["draws", "float"]),
    ("mcse_sd draws_=..., a trailing underscore", lambda d: mcse_sd(draws_=_chains4()),
     ["draws_"]),
    ("quantile_type7 prob the float type, not a probability", lambda d: quantile_type7(
        _samples(), float), ["prob", "float"]),
    ("rank_normalize draws the float type, not draws", lambda d: rank_normalize(float),
     ["draws", "float"]),
    ("split_rhat draws_=..., a trailing underscore", lambda d: split_rhat(draws_=_chains4()),
     ["draws_"]),
    ("normal_scores x_=..., a trailing underscore", lambda d: normal_scores(x_=_samples()),
     ["x_"]),
    ("ess_tail draws the float type, not draws", lambda d: ess_tail(float),
     ["draws", "float"]),
    ("mcse_mean draws_=..., a trailing underscore", lambda d: mcse_mean(draws_=_chains4()),
     ["draws_"]),
    ("split_chains x the float type, not draws", lambda d: split_chains(float),
     ["x", "float"]),
    ("quantile_type7 prob_=0.5, a trailing underscore", lambda d: quantile_type7(
        _samples(), prob_=0.5), ["prob_"]),
    ("quantile_type7 x the float type, not samples", lambda d: quantile_type7(float, 0.5),
     ["x", "float"]),
]

TESTING_CASES = [
    ("assert_cdf_matches alpha_=1e-06, a trailing underscore", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.cdf, alpha_=1e-6), ["alpha_"]),
    ("assert_inverts cdf returning a ValueError instead of raising it", lambda d:
        testing.assert_inverts(stats.norm.ppf, _err_cdf, U5, 1e-6), ["_err_cdf", "ValueError"]),
    ("assert_inverts ppf returning a ValueError instead of raising it", lambda d:
        testing.assert_inverts(_err_ppf, stats.norm.cdf, U5, 1e-6), ["_err_ppf", "ValueError"]),
    ("ks_distance cdf returning a ValueError instead of raising it", lambda d:
        testing.ks_distance(_samples(), _err_cdf), ["_err_cdf", "ValueError"]),
    ("assert_cdf_matches alpha the float type, not a rate", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.cdf, alpha=float),
     ["alpha", "float"]),
    ("dkw_epsilon alpha_=1e-06, a trailing underscore", lambda d: testing.dkw_epsilon(
        1000, alpha_=1e-6), ["alpha_"]),
    ("draws_needed beta_=1e-06, a trailing underscore", lambda d: testing.draws_needed(
        0.01, beta_=1e-6), ["beta_"]),
    ("chi_square_power n the int type, not a count", lambda d: testing.chi_square_power(
        P3, [0.3, 0.3, 0.4], int), ["n", "int"]),
    ("chi_square_pvalue p_=..., a trailing underscore", lambda d: testing.chi_square_pvalue(
        np.array([20, 30, 50]), p_=P3), ["p_"]),
    ("smallest_detectable n the int type, not a count", lambda d:
        testing.smallest_detectable(int), ["n", "int"]),
    ("densities student_t loc_=0.0, a trailing underscore", lambda d: densities.student_t(
        3.0, loc_=0.0), ["loc_"]),
    ("densities uniform hi the float type, not a bound", lambda d: densities.uniform(
        0.0, float), ["hi", "float"]),
    ("densities triangular mode_=0.5, a trailing underscore", lambda d: densities.triangular(
        0.0, mode_=0.5, hi=1.0), ["mode_"]),
    ("strategies u_grids max_size the int type, not a size", lambda d: _example(
        strategies.u_grids(max_size=int)), ["max_size", "int"]),
    ("strategies symmetric_proposals n_=3, a trailing underscore", lambda d: _example(
        strategies.symmetric_proposals(n_=3)), ["n_"]),
    ("strategies probability_vectors max_size_=5, a trailing underscore", lambda d: _example(
        strategies.probability_vectors(max_size_=5)), ["max_size_"]),
    ("assert_labels_match alpha the float type, not a rate", lambda d:
        testing.assert_labels_match(np.array([0, 1, 2, 2]), P3, alpha=float),
     ["alpha", "float"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_seed name_='seed', a trailing underscore", lambda d: style.check_seed(
        0, name_="seed"), ["name_"]),
    ("style subplots nrows the int type, not a count", lambda d: style.subplots(nrows=int),
     ["nrows", "int"]),
    ("style subplots size_='single', a trailing underscore", lambda d: style.subplots(
        size_="single"), ["size_"]),
    ("style check_numbers shape_=(3,), a trailing underscore", lambda d: style.check_numbers(
        "x", X3, shape_=(3,)), ["shape_"]),
    ("style check_axes name_='ax', a trailing underscore", lambda d: style.check_axes(
        None, name_="ax"), ["name_"]),
]

VAR = memory.OPT_OUT_VARIABLE                    # "SCRATCHMETA_KEEP_FREED_MEMORY"
MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold_=..., a trailing underscore", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(mmap_threshold_=67108864)), ["mmap_threshold_"]),
    ("keep_freed_memory mmap_threshold the int type, not a size", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(mmap_threshold=int)), ["mmap_threshold", "int"]),
    ("opt-out value 'yes_', a trailing underscore", lambda d: memory.opt_out_value(),
     [VAR, "yes_"], {VAR: "yes_"}),
    ("keep_freed_memory trim_threshold_=..., a trailing underscore", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(trim_threshold_=268435456)), ["trim_threshold_"]),
    ("keep_freed_memory_unless_opted_out with the opt-out value '1_', a trailing underscore",
     lambda d: _then_defaults(memory.keep_freed_memory_unless_opted_out), [VAR, "1_"],
     {VAR: "1_"}),
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


def test_the_hundredthirtyseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredthirtyseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
