"""A hundred-and-forty-first battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt141), from the user's side only: README.md lines 1-200
in full and lines 200-853 in one display whose middle (about README lines 413-644, in "Measured
results") was cut by the tool, so that part was not seen; the public names (``__all__`` where
there is one, else ``dir`` filtered to the names each module defines itself) and signatures of
``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and its public modules
(``closed_forms``, ``continuous``, ``discrete``, ``diagnostics``, ``finite_chain``,
``interpolation``, ``metropolis``, ``mixing``, ``quadrature``, ``step_size``, ``tails``;
``sampling.checks`` left out), ``testing``, ``testing.densities``, ``testing.strategies`` and
``figures.style``; the public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``
(signatures only). Templates: the hundred-and-thirty-ninth in full; of the
hundred-and-thirty-seventh only its lines 1-30 and 150-260 (the start and end of its docstring,
its imports and its first helpers and engine cases) -- less than the brief asks, disclosed; its
layout is the hundred-and-thirty-ninth's. Of ``tests/test_bad_inputs_cli.py`` its module
docstring (through ``ast``), a grep of its ``def`` lines and its lines 430-620 (the classifying
functions, its tests, ``main``, ``rates`` and the battery helpers); the eighth's
``classify_case``: its head (signature, docstring and first lines). The earlier batteries'
shared helpers were imported, not copied (from the fifth ``_example`` and ``_metropolis``; the
seventeenth ``_samples``; the eighty-seventh ``_then_defaults``; from the ninety-seventh its
constants, ``_chains4`` and ``_sin_loss``; the hundred-and-seventh ``_normal_sampler`` and
``_walks``; the hundred-and-eleventh ``_discrete``; the fourth ``_rng``); only their
signatures and the constants' values and shapes were printed. No body, docstring or source of
library code, of ``checks``/``messages``/``protocol``, of the library's history or of
/work/main (whose venv's python alone was run) was read, before or after the first run (``git
status`` was the only git command). No ``--help`` was run (this battery has no command-line
case). After the first runs, for the reading only, five variants not in this file were run once
through the public API (see "Not clear" below). Writes: no case writes a file; outside the
worktree the writer kept scratch files in /tmp/team14_w141 (this file's draft and docstring)
and the list of earlier ids in /tmp/wt141_ids.txt, both removed after the run. No optional
package is used, so no case is skipped. No case could allocate gigabytes (the largest number
passed is 268435456 as malloc's trim threshold, inside a pair), so the ninety-sixth battery's
``_under_the_batteries_ulimit`` is not imported.

Areas (library side only), as written: the autodiff engine -- var and std ddof, norm ord,
stack, concatenate axis, jacobian and hessian argnum as one-tuples; mean, var ddof, min, norm,
concatenate, expand_dims and squeeze axis, clip a_min, jacobian and hessian argnum, grad and
value_and_grad argnums as NumPy's bool; hessian of a loss with a trailing comma after return
(20); gradcheck -- check_grads rng, rtol and atol as one-tuples, rng and eps as NumPy's bool;
hvp v as a one-tuple and as NumPy's bool, hvp x as NumPy's bool; check_grads of a loss with a
trailing comma after return (9); samplers -- grid_inverse_cdf n and hi, exponential rate,
cauchy loc, pareto alpha, metropolis n_steps, step_size and target_acceptance,
ContinuousInverseCDF u_error sample_size and from_density u_resolution, integrate n as
one-tuples; ContinuousInverseCDF rvs size and sample size, exponential rate, logistic and
laplace scale, weibull shape, metropolis n_steps, rng and step_size, DiscreteInverseCDF sample
size and rvs random_state, fixed_step_chains steps as NumPy's bool; from_ppf cdf,
walks_from_one_start log_density and cdf, total_variation and pooled_total_variation cdf,
density_values and find_center pdf, integrate f with a trailing comma after return (31);
diagnostics -- split_rhat, ess_bulk, ess_mean, ess_tail, mcse_mean, mcse_sd, diagnose,
rank_normalize draws and split_chains x given as ``chains,`` (a one-tuple of the (4, 100)
chains); ess_tail prob with NumPy's bool for its upper end and the pair in a one-tuple;
quantile_type7 prob NumPy's bool (12); the testing kit -- draws_needed discrepancy and beta,
smallest_detectable, dkw_epsilon and chi_square_power n, assert_cdf_matches alpha,
assert_inverts u_resolution, densities student_t df and triangular mode, strategies u_grids
max_size and symmetric_proposals n as one-tuples; draws_needed samples, smallest_detectable n,
assert_labels_match alpha, densities uniform hi and pareto alpha, strategies
probability_vectors min_size as NumPy's bool; assert_inverts ppf with a trailing comma after
return (18); ``figures.style`` check_seed seed and subplots size as NumPy's bool, subplots
nrows a one-tuple, check_numbers shape a shape in a one-tuple (4); ``memory``
keep_freed_memory with both thresholds in one pair as mmap_threshold (1): 95 written. Dtypes:
float32 and float64 are valid by the README, so no dtype case was written.

Kinds of bad value (the issue's own):
- wrong type, a list where one object is meant: a one-tuple from a trailing comma (``n=4096,``
  pasted as ``(4096,)``), where one number, count, index or Generator is meant; chains passed
  as ``chains,`` (a one-tuple of the (4, 100) array, shape (1, 4, 100)); a pair given as the
  only item of a one-tuple (ess_tail prob, check_numbers shape); two thresholds in one pair
  for one of them (keep_freed_memory). Axis arguments that NumPy takes as tuples (mean, sum,
  max axis) and bounds that broadcast (clip) were not given one-tuples: those are valid.
- wrong type, a bool for a number: NumPy's own bool ``np.True_`` (``np.bool_``, which is not a
  Python bool nor an int subclass, so it slips past an ``isinstance(x, bool)`` check), where a
  count, index, number, size or Generator is meant;
- a user's function that misbehaves: a trailing comma after ``return``, so that a loss, cdf,
  pdf, ppf, log-density or integrand returns a one-tuple holding its values.
No degenerate data of the issue's own rule, no file or path case and no mismatch between runs
(these areas have none but ``style.save``), no out-of-range number.

Repeats: every id of the earlier batteries (19,810 quoted first elements of tuples of at least
five characters in ``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a
regex; some are not ids) was compared with this file before the run for exact ids,
case-insensitively (none). Before drafting, the earlier ids holding each candidate kind were
counted (Decimal, one-element list, np.bool_, bytes, negative zero, tuple of one, a set,
frozenset, range, datetime64, timedelta, np.void, int8, enum, 0-d, Fraction, longdouble,
pathlib, dict, trailing comma, one-tuple, np.True_, returning a bool/True/booleans/datetime/
timedelta/a range/a dict/a set/a tuple/an np.matrix/an object/bytes/a memoryview/a
generator/a string/a Fraction/a Decimal/a list, column, (n, 1)): one-tuples from a trailing
comma were earlier only on the meta-learning side (ridge_fit lam, newton_solve tol,
inner_sgd inner_steps, the configs, adam_update lr, batch_norm eps, the task families, ...)
and on the command line, none in these areas; "returning a tuple" was earlier on grad,
value_and_grad, hvp, check_grads, bin_masses, ks_distance, from_density pdf, from_ppf ppf,
metropolis log_density, integrate f, assert_monotone ppf, assert_inverts cdf, checked_density
and grid pdf (so the one-tuple return was put on other functions, and integrate f and
check_grads fun kept as near: a one-tuple, not a pair). Then, for every drafted id, the earlier
ids starting with its first two words and holding "tuple", "bool", "True", "comma" or a
parenthesis were printed: this grep found that ``np.True_`` had been tried as "a numpy
True_"/"a numpy bool"/"a NumPy bool" (which the first count, by "np.True_", missed) on std
ddof, norm ord, stack axis, check_grads order, grid_inverse_cdf n, chi_square_power n, style
subplots ncols and keep_freed_memory trim_threshold, and a plain tuple on check_grads eps and
order, optimal_acceptance dim, keep_freed_memory's two thresholds and ess_tail prob
``(0.05,)``; before any run each was replaced (by min and norm axis, clip a_min, hvp v,
ContinuousInverseCDF rvs size, assert_labels_match alpha, style subplots size and laplace
scale as NumPy's bool; check_grads rng and hvp v as one-tuples; ess_tail prob's pair in a
one-tuple; keep_freed_memory's two thresholds in one pair). Kept although near, as new
instances, disclosed: NumPy's bool where a Python ``True`` was tried before on the same
argument (mean, expand_dims and squeeze axis, var ddof, jacobian and hessian argnum, grad
argnums, check_grads rng and eps, metropolis n_steps and step_size, exponential rate,
weibull shape, DiscreteInverseCDF rvs random_state,
draws_needed samples, smallest_detectable n, densities uniform hi, probability_vectors
min_size, check_seed seed; hvp x and v had bool arrays), and one-tuples where another tuple
was tried on the same argument (a shape tuple, SciPy's (value, abserr), a fit's (loc, scale),
the legacy state tuple, a tuple of repeated axes: var ddof, norm ord, stack and concatenate
axis, hessian argnum, grid_inverse_cdf n and hi, exponential
rate, metropolis n_steps, smallest_detectable and dkw_epsilon n, chi_square_power n, subplots
nrows, check_numbers shape). Missed, found while writing this docstring: none.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 56 of the 95. After the
first run no case was added, dropped, reordered, swapped, reworded or corrected (only this
docstring was written; the replacements above, and a trimming of 108 drafted cases to 95, were
made before any run).

First run (under ``ulimit -v 8000000``; kept about 2.5 s, --written about 2.5 s; pytest 3.2 s):
kept, 55 of 56 clear (98.2%), 0 unclear, 1 silent, 0 data loss -- engine 12/12, gradcheck 4/5
(1 silent), samplers 19/19, diagnostics 7/7, testing kit 10/10, figures 2/2, memory 1/1.
Written, 92 of 95 clear (96.8%), 2 unclear, 1 silent, 0 data loss -- engine 19/20 (1
unclear), gradcheck 7/9 (1 unclear, 1 silent), samplers 31/31, diagnostics 12/12, testing kit
18/18, figures 4/4, memory 1/1. Under pytest: 1 failed (the silent case), 56 passed (55 cases
and the wide-and-new test); pytest was run once more after this docstring was written,
with the same result.

Not clear, kept:
- ``check_grads fun a loss with a trailing comma after return, a one-tuple`` (misbehaving user
  function): silent -- ``check_grads(_tup_loss, (X3,))`` returns None, no error. Doubtful as a
  bad input (not corrected, since it is no outright slip): for the reading only, not counted,
  check_grads was run once on functions returning a vector, a pair, a dict and a list, and
  passed them all, so it checks any pytree-valued function, and the one-tuple's gradients were
  checked, not a wrong answer; but the same typo is refused by name under hessian ("hessian:
  grad needs fun (_tup_loss) to return a float array or number, but it returned tuple ...") and
  ``jacobian(lambda x: (ad.sin(x),))`` was refused too, so what check_grads accepts is
  wider than what grad, jacobian and hessian accept.
Not clear, written and not kept (both NumPy's bool, by my mention of the value):
- ``clip a_min NumPy's bool np.True_`` (wrong type): unclear -- TypeError "clip: a_min must be
  an array of real numbers, got a boolean array of dtype bool and shape ()": names the argument
  and the type, but not the value given (True).
- ``hvp x NumPy's bool np.True_, a bool for the point`` (wrong type): unclear -- TypeError
  "hvp: x must be an array of real numbers, got a boolean array of dtype bool and shape ()":
  the same; hvp's v, given the same value, says "got np.True_".
Read in the clear messages, not counted (every one names the argument and the value): the
one-tuples are shown as "got tuple (4096,)", several with "(tuple)" after it; stack and
concatenate axis ``(0,)`` relay NumPy's "'tuple' object cannot be interpreted as an integer"
after their own "axis=(0,)"; the chains given as ``chains,`` are read as (1, 4, 100), one
chain of 4 draws in 100 dimensions, and refused with the np.swapaxes hint, which does not fit
this mistake (the extra leading axis of a trailing comma); hvp v as a one-tuple is refused as
a structure mismatch ("v is [*] (tuple) but x is * (ndarray)"), without the value; functions
returning a one-tuple are named with their own names and "return the values alone, as one
array" (density_values without its own name in front); some wrong types are refused as
ValueError where a TypeError would say wrong type (norm ord, check_grads rtol, atol and eps,
grid_inverse_cdf n, assert_inverts u_resolution, draws_needed samples, style check_seed and
subplots nrows, hvp v's tuple). No case lost data.

Measured on main at b1269d2, the commit it was written at, blind (the lead reran it there,
with the hundred-and-fortieth beside it): kept, 55 of 56 clear (98.2%), 0 unclear, 1 silent,
0 data loss. The silent case stays a strict xfail, doubtful as the hundred-and-thirty-first's
pair is: check_grads checks the engine's derivatives of any tree of outputs, a one-tuple
included, so the loss's derivative was checked and right. Round 89 (with sight of this file,
not blind): a NumPy bool where a number is meant is shown with its value (the two written
cases).
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, diagnose, ess_bulk, ess_mean, ess_tail,
                                  grid_inverse_cdf, mcse_mean, mcse_sd, rank_normalize,
                                  split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7, split_chains
from scratchmeta.sampling.mixing import pooled_total_variation, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.step_size import fixed_step_chains
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetyseventh import EDGES, M23, P3, U5, X3, _chains4, _sin_loss
from test_bad_inputs_hundredseventh import _normal_sampler, _walks
from test_bad_inputs_hundredeleventh import _discrete
from test_bad_inputs_fourth import _rng

TRUE = np.True_                                  # NumPy's bool (repr np.True_), not a number


# --- users' functions with a trailing comma after ``return``: a one-tuple of their values ----

def _tup_loss(x):
    """A loss written ``return ad.sum(ad.sin(x)),``: a one-tuple holding the loss."""
    return ad.sum(ad.sin(x)),


def _tup_log_density(x):
    """A log-density written ``return -0.5 * ...,``: a one-tuple of one value a chain."""
    return -0.5 * np.sum(np.square(x), axis=-1),


def _tup_cdf(x):
    """A cdf written ``return stats.norm.cdf(x),``."""
    return stats.norm.cdf(x),


def _tup_pdf(x):
    """A pdf written ``return stats.norm.pdf(x),``."""
    return stats.norm.pdf(x),


def _tup_ppf(u):
    """A ppf written ``return stats.norm.ppf(u),``."""
    return stats.norm.ppf(u),


def _tup_f(x):
    """An integrand written ``return np.cos(x),``."""
    return np.cos(x),


def _chains_comma():
    """Chains passed as ``draws = chains,``: a one-tuple holding the (4, 100) chains."""
    return (_chains4(),)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("var ddof a one-tuple (1,) from a trailing comma", lambda d: ad.var(M23, axis=0, ddof=(1,)),
     ["ddof", "(1,)"]),
    ("mean axis NumPy's bool np.True_", lambda d: ad.mean(M23, axis=TRUE), ["axis", "True"]),
    ("std ddof a one-tuple (1,) from a trailing comma", lambda d: ad.std(M23, axis=0, ddof=(1,)),
     ["ddof", "(1,)"]),
    ("var ddof NumPy's bool np.True_", lambda d: ad.var(M23, axis=0, ddof=TRUE),
     ["ddof", "True"]),
    ("norm ord a one-tuple (2,) from a trailing comma", lambda d: ad.norm(X3, ord=(2,)),
     ["ord", "(2,)"]),
    ("min axis NumPy's bool np.True_", lambda d: ad.min(M23, axis=TRUE), ["axis", "True"]),
    ("stack axis a one-tuple (0,) from a trailing comma", lambda d: ad.stack([X3, X3], axis=(0,)),
     ["axis", "(0,)"]),
    ("clip a_min NumPy's bool np.True_", lambda d: ad.clip(X3, TRUE, 2.0), ["a_min", "True"]),
    ("concatenate axis a one-tuple (0,) from a trailing comma", lambda d: ad.concatenate(
        [X3, X3], axis=(0,)), ["axis", "(0,)"]),
    ("norm axis NumPy's bool np.True_", lambda d: ad.norm(M23, axis=TRUE), ["axis", "True"]),
    ("jacobian argnum a one-tuple (0,) from a trailing comma", lambda d: ad.jacobian(
        ad.sin, argnum=(0,))(X3), ["argnum", "(0,)"]),
    ("concatenate axis NumPy's bool np.True_", lambda d: ad.concatenate([M23, M23], axis=TRUE),
     ["axis", "True"]),
    ("hessian argnum a one-tuple (0,) from a trailing comma", lambda d: ad.hessian(
        _sin_loss, argnum=(0,))(X3), ["argnum", "(0,)"]),
    ("jacobian argnum NumPy's bool np.True_", lambda d: ad.jacobian(
        ad.sin, argnum=TRUE)(X3), ["argnum", "True"]),
    ("hessian of a loss with a trailing comma after return, a one-tuple", lambda d: ad.hessian(
        _tup_loss)(X3), ["_tup_loss"]),
    ("hessian argnum NumPy's bool np.True_", lambda d: ad.hessian(
        _sin_loss, argnum=TRUE)(X3), ["argnum", "True"]),
    ("grad argnums NumPy's bool np.True_", lambda d: ad.grad(_sin_loss, argnums=TRUE)(X3),
     ["argnums", "True"]),
    ("expand_dims axis NumPy's bool np.True_", lambda d: ad.expand_dims(X3, TRUE),
     ["axis", "True"]),
    ("squeeze axis NumPy's bool np.True_", lambda d: ad.squeeze(M23[None], axis=TRUE),
     ["axis", "True"]),
    ("value_and_grad argnums NumPy's bool np.True_", lambda d: ad.value_and_grad(
        _sin_loss, argnums=TRUE)(X3), ["argnums", "True"]),
]

GRADCHECK_CASES = [
    ("check_grads rng a one-tuple (Generator,) from a trailing comma", lambda d: check_grads(
        _sin_loss, (X3,), rng=(_rng(),)), ["rng", "tuple"]),
    ("hvp v NumPy's bool np.True_ for the direction", lambda d: hvp(_sin_loss, X3, TRUE),
     ["v", "True"]),
    ("check_grads rtol a one-tuple (1e-06,) from a trailing comma", lambda d: check_grads(
        _sin_loss, (X3,), rtol=(1e-6,)), ["rtol", "(1e-06,)"]),
    ("check_grads rng NumPy's bool np.True_, where a Generator is meant", lambda d:
        check_grads(_sin_loss, (X3,), rng=TRUE), ["rng", "True"]),
    ("hvp v a one-tuple (v,) from a trailing comma", lambda d: hvp(
        _sin_loss, X3, (np.ones(3),)), ["v", "tuple"]),
    ("check_grads eps NumPy's bool np.True_", lambda d: check_grads(
        _sin_loss, (X3,), eps=TRUE), ["eps", "True"]),
    ("check_grads atol a one-tuple (1e-06,) from a trailing comma", lambda d: check_grads(
        _sin_loss, (X3,), atol=(1e-6,)), ["atol", "(1e-06,)"]),
    ("hvp x NumPy's bool np.True_, a bool for the point", lambda d: hvp(
        _sin_loss, TRUE, np.ones(())), ["x", "True"]),
    ("check_grads fun a loss with a trailing comma after return, a one-tuple", lambda d:
        check_grads(_tup_loss, (X3,)), ["_tup_loss"]),
]

SAMPLER_CASES = [
    ("grid_inverse_cdf n a one-tuple (4096,) from a trailing comma", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, 5.0, n=(4096,)), ["n", "(4096,)"]),
    ("ContinuousInverseCDF rvs size NumPy's bool np.True_", lambda d: _normal_sampler().rvs(
        TRUE, random_state=_rng()), ["size", "True"]),
    ("grid_inverse_cdf hi a one-tuple (5.0,) from a trailing comma", lambda d:
        grid_inverse_cdf(stats.norm.pdf, -5.0, (5.0,)), ["hi", "(5.0,)"]),
    ("exponential rate a one-tuple (2.0,) from a trailing comma", lambda d:
        sampling.exponential((2.0,)), ["rate", "(2.0,)"]),
    ("exponential rate NumPy's bool np.True_", lambda d: sampling.exponential(TRUE),
     ["rate", "True"]),
    ("cauchy loc a one-tuple (0.0,) from a trailing comma", lambda d: sampling.cauchy(
        loc=(0.0,)), ["loc", "(0.0,)"]),
    ("logistic scale NumPy's bool np.True_", lambda d: sampling.logistic(scale=TRUE),
     ["scale", "True"]),
    ("pareto alpha a one-tuple (3.0,) from a trailing comma", lambda d: sampling.pareto(
        (3.0,)), ["alpha", "(3.0,)"]),
    ("weibull shape NumPy's bool np.True_", lambda d: sampling.weibull(TRUE), ["shape", "True"]),
    ("metropolis n_steps a one-tuple (20,) from a trailing comma", lambda d: _metropolis(
        n_steps=(20,)), ["n_steps", "(20,)"]),
    ("metropolis n_steps NumPy's bool np.True_", lambda d: _metropolis(n_steps=TRUE),
     ["n_steps", "True"]),
    ("metropolis step_size a one-tuple (0.5,) from a trailing comma", lambda d: _metropolis(
        step_size=(0.5,)), ["step_size", "(0.5,)"]),
    ("metropolis rng NumPy's bool np.True_, where a Generator is meant", lambda d: _metropolis(
        rng=TRUE), ["rng", "True"]),
    ("metropolis target_acceptance a one-tuple (0.3,) from a trailing comma", lambda d:
        _metropolis(target_acceptance=(0.3,)), ["target_acceptance", "(0.3,)"]),
    ("metropolis step_size NumPy's bool np.True_", lambda d: _metropolis(step_size=TRUE),
     ["step_size", "True"]),
    ("laplace scale NumPy's bool np.True_", lambda d: sampling.laplace(scale=TRUE),
     ["scale", "True"]),
    ("DiscreteInverseCDF sample size NumPy's bool np.True_", lambda d: _discrete().sample(
        TRUE, _rng()), ["size", "True"]),
    ("DiscreteInverseCDF rvs random_state NumPy's bool np.True_", lambda d: _discrete().rvs(
        3, random_state=TRUE), ["random_state", "True"]),
    ("ContinuousInverseCDF u_error sample_size a one-tuple (1000,) from a trailing comma",
     lambda d: _normal_sampler().u_error((1000,)), ["sample_size", "(1000,)"]),
    ("ContinuousInverseCDF sample size NumPy's bool np.True_", lambda d:
        _normal_sampler().sample(TRUE, _rng()), ["size", "True"]),
    ("ContinuousInverseCDF from_density u_resolution a one-tuple (1e-08,) from a trailing comma",
     lambda d: ContinuousInverseCDF.from_density(stats.norm.pdf, u_resolution=(1e-8,)),
     ["u_resolution", "(1e-08,)"]),
    ("ContinuousInverseCDF from_ppf cdf with a trailing comma after return, a one-tuple",
     lambda d: ContinuousInverseCDF.from_ppf(stats.norm.ppf, _tup_cdf), ["_tup_cdf"]),
    ("integrate n a one-tuple (8,) from a trailing comma", lambda d: integrate(
        np.cos, 0.0, 1.0, n=(8,)), ["n", "(8,)"]),
    ("walks_from_one_start log_density with a trailing comma after return, a one-tuple",
     lambda d: _walks(log_density=_tup_log_density), ["_tup_log_density"]),
    ("walks_from_one_start cdf with a trailing comma after return, a one-tuple", lambda d:
        _walks(cdf=_tup_cdf), ["_tup_cdf"]),
    ("total_variation cdf with a trailing comma after return, a one-tuple", lambda d:
        total_variation(_samples(), EDGES, _tup_cdf), ["_tup_cdf"]),
    ("pooled_total_variation cdf with a trailing comma after return, a one-tuple", lambda d:
        pooled_total_variation(_chains4(), EDGES, _tup_cdf), ["_tup_cdf"]),
    ("density_values pdf with a trailing comma after return, a one-tuple", lambda d:
        density_values(_tup_pdf, X3), ["_tup_pdf"]),
    ("find_center pdf with a trailing comma after return, a one-tuple", lambda d: find_center(
        _tup_pdf, -np.inf, np.inf), ["_tup_pdf"]),
    ("integrate f with a trailing comma after return, a one-tuple", lambda d: integrate(
        _tup_f, 0.0, 1.0), ["_tup_f"]),
    ("fixed_step_chains steps NumPy's bool np.True_", lambda d: fixed_step_chains(
        1, 1.0, 4, TRUE, _rng()), ["steps", "True"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a one-tuple of the chains, from a trailing comma", lambda d:
        split_rhat(_chains_comma()), ["draws"]),
    ("ess_tail prob with NumPy's bool np.True_ for its upper end", lambda d: ess_tail(
        _chains4(), prob=(0.05, TRUE)), ["prob", "True"]),
    ("ess_bulk draws a one-tuple of the chains, from a trailing comma", lambda d: ess_bulk(
        _chains_comma()), ["draws"]),
    ("quantile_type7 prob NumPy's bool np.True_", lambda d: quantile_type7(_samples(), TRUE),
     ["prob", "True"]),
    ("ess_mean draws a one-tuple of the chains, from a trailing comma", lambda d: ess_mean(
        _chains_comma()), ["draws"]),
    ("mcse_mean draws a one-tuple of the chains, from a trailing comma", lambda d: mcse_mean(
        _chains_comma()), ["draws"]),
    ("ess_tail draws a one-tuple of the chains, from a trailing comma", lambda d: ess_tail(
        _chains_comma()), ["draws"]),
    ("mcse_sd draws a one-tuple of the chains, from a trailing comma", lambda d: mcse_sd(
        _chains_comma()), ["draws"]),
    ("diagnose draws a one-tuple of the chains, from a trailing comma", lambda d: diagnose(
        _chains_comma()), ["draws"]),
    ("split_chains x a one-tuple of the chains, from a trailing comma", lambda d: split_chains(
        _chains_comma()), ["x"]),
    ("ess_tail prob the pair in a one-tuple ((0.05, 0.95),), from a trailing comma", lambda d:
        ess_tail(_chains4(), prob=((0.05, 0.95),)), ["prob", "((0.05, 0.95),)"]),
    ("rank_normalize draws a one-tuple of the chains, from a trailing comma", lambda d:
        rank_normalize(_chains_comma()), ["draws"]),
]

TESTING_CASES = [
    ("draws_needed discrepancy a one-tuple (0.01,) from a trailing comma", lambda d:
        testing.draws_needed((0.01,)), ["discrepancy", "(0.01,)"]),
    ("draws_needed samples NumPy's bool np.True_", lambda d: testing.draws_needed(
        0.01, samples=TRUE), ["samples", "True"]),
    ("draws_needed beta a one-tuple (1e-06,) from a trailing comma", lambda d:
        testing.draws_needed(0.01, beta=(1e-6,)), ["beta", "(1e-06,)"]),
    ("smallest_detectable n a one-tuple (1000,) from a trailing comma", lambda d:
        testing.smallest_detectable((1000,)), ["n", "(1000,)"]),
    ("smallest_detectable n NumPy's bool np.True_", lambda d: testing.smallest_detectable(
        TRUE), ["n", "True"]),
    ("dkw_epsilon n a one-tuple (1000,) from a trailing comma", lambda d: testing.dkw_epsilon(
        (1000,)), ["n", "(1000,)"]),
    ("chi_square_power n a one-tuple (100,) from a trailing comma", lambda d:
        testing.chi_square_power(P3, [0.3, 0.3, 0.4], (100,)), ["n", "(100,)"]),
    ("assert_labels_match alpha NumPy's bool np.True_", lambda d: testing.assert_labels_match(
        np.zeros(100, dtype=int), P3, alpha=TRUE), ["alpha", "True"]),
    ("assert_cdf_matches alpha a one-tuple (1e-06,) from a trailing comma", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.cdf, alpha=(1e-6,)),
     ["alpha", "(1e-06,)"]),
    ("assert_inverts u_resolution a one-tuple (1e-06,) from a trailing comma", lambda d:
        testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, U5, (1e-6,)),
     ["u_resolution", "(1e-06,)"]),
    ("assert_inverts ppf with a trailing comma after return, a one-tuple", lambda d:
        testing.assert_inverts(_tup_ppf, stats.norm.cdf, U5, 1e-6), ["_tup_ppf"]),
    ("densities student_t df a one-tuple (3.0,) from a trailing comma", lambda d:
        densities.student_t((3.0,)), ["df", "(3.0,)"]),
    ("densities uniform hi NumPy's bool np.True_", lambda d: densities.uniform(0.0, TRUE),
     ["hi", "True"]),
    ("densities triangular mode a one-tuple (0.5,) from a trailing comma", lambda d:
        densities.triangular(0.0, (0.5,), 1.0), ["mode", "(0.5,)"]),
    ("densities pareto alpha NumPy's bool np.True_", lambda d: densities.pareto(TRUE),
     ["alpha", "True"]),
    ("strategies u_grids max_size a one-tuple (10,) from a trailing comma", lambda d: _example(
        strategies.u_grids(max_size=(10,))), ["max_size", "(10,)"]),
    ("strategies probability_vectors min_size NumPy's bool np.True_", lambda d: _example(
        strategies.probability_vectors(min_size=TRUE)), ["min_size", "True"]),
    ("strategies symmetric_proposals n a one-tuple (3,) from a trailing comma", lambda d:
        _example(strategies.symmetric_proposals((3,))), ["n", "(3,)"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_seed seed NumPy's bool np.True_", lambda d: style.check_seed(TRUE),
     ["seed", "True"]),
    ("style subplots nrows a one-tuple (2,) from a trailing comma", lambda d: style.subplots(
        (2,)), ["nrows", "(2,)"]),
    ("style subplots size NumPy's bool np.True_", lambda d: style.subplots(size=TRUE),
     ["size", "True"]),
    ("style check_numbers shape a one-tuple of a one-tuple ((3,),)", lambda d:
        style.check_numbers("x", X3, shape=((3,),)), ["shape", "((3,),)"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold both thresholds in one pair (67108864, 268435456)",
     lambda d: _then_defaults(lambda: memory.keep_freed_memory((67108864, 268435456))),
     ["mmap_threshold", "(67108864, 268435456)"]),
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
    'check_grads fun a loss with a trailing comma after return, a one-tuple':
        'silent at b1269d2: no error (doubtful: check_grads checks the derivatives of any tree '
        'of outputs, as autograd\'s does, and the one-tuple\'s were checked and right; grad, '
        'jacobian and hessian, which need one array, refuse it by name)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredfortyfirst_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfortyfirst.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
