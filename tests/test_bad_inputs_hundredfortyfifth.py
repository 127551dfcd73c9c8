"""A hundred-and-forty-fifth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt145), from the user's side only: README.md lines 1-500
(two displays); the public names (``__all__`` where there is one, else ``dir`` filtered to the
names each module defines itself) and signatures of ``scratchmeta.gradcheck``, ``memory``,
``sampling`` and its public modules (``closed_forms``, ``continuous``, ``discrete``,
``diagnostics``, ``finite_chain``, ``interpolation``, ``metropolis``, ``mixing``, ``quadrature``,
``step_size``, ``tails``; ``sampling.checks`` left out), ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; of ``scratchmeta.autodiff`` its ``__all__`` and the
signatures of var, clip, power, norm, logsumexp, reshape, broadcast_to, stack, concatenate, grad,
value_and_grad, jacobian, hessian, jvp, Primitive, einsum and max; the public methods of
``DiscreteInverseCDF`` and ``ContinuousInverseCDF`` (signatures only). Templates: the
hundred-and-forty-first and the hundred-and-thirty-seventh, each in full (each printed in two
displays, the first cut in the middle by the tool, the cut part then printed). Of
``tests/test_bad_inputs_cli.py`` its lines 1-200 (the module docstring, its imports, and -- more
than the brief allows, disclosed -- the bodies of its file helpers and its first command-line
cases, which this battery does not use), a grep of its ``def`` lines and its lines 430-640 (the
classifying functions, its tests, ``main``, ``rates`` and the battery helpers); the eighth's
``classify_case``: its head (signature, docstring and first lines). The earlier batteries' shared
helpers were imported, not copied (from the fifth ``_example`` and ``_metropolis``; the
seventeenth ``_samples``; the eighty-seventh ``_then_defaults``; the ninety-sixth
``_under_the_batteries_ulimit``; from the ninety-seventh its constants, ``_chains4`` and
``_sin_loss``; the hundred-and-seventh ``_normal_sampler`` and ``_walks``; the
hundred-and-eleventh ``_discrete``; the fourth ``_rng``); only their signatures and the
constants' values and shapes were printed, no body. Beyond ids, grep lines of earlier battery
files were seen twice: three source lines calling ``_under_the_batteries_ulimit(`` (to see how it
is called: with a callable of no argument), and five docstring lines of the hundred-and-seventh
holding "noise_floor"/"walks_from_one_start". Before the run, to get the plumbing right, valid
calls (not cases) of noise_floor, step_size_sweep, walks_from_one_start, fixed_step_chains,
acceptance_1d, the densities, assert_same_distribution, chi_square_pvalue, from_uniforms, ppf,
metropolis, bin_masses, the strategies and assert_monotone were run once; four of my first
tries were themselves wrong and refused, so four library messages were seen before the run
(step_size_sweep dims must be a dict, walks_from_one_start rngs one per step size,
fixed_step_chains scaled a 1-D array, metropolis x0 of shape (chains, dim)). No body, docstring
or source of library code, of ``checks``/``messages``/``protocol``, of the library's history or
of /work/main (whose venv's python alone was run) was read, before or after the first run (``git
status`` was the only git command). No ``--help`` was run (this battery has no command-line
case). Writes: no case writes a file; the writer kept scratch files in /tmp/wt145/.scratch and
the list of earlier ids in /tmp/wt145/.ids.txt (untracked, removed after the run). No optional
package is used, so no case is skipped. One case could allocate petabytes
(``DiscreteInverseCDF sample size (100000, 100000, 100000)``): it runs under the ninety-sixth
battery's ``_under_the_batteries_ulimit``.

Areas (library side only), as written: the autodiff engine -- var ddof, clip a_max, grad argnums,
jacobian argnum, expand_dims, norm and logsumexp axis, reshape's shape as complex numbers;
hessian, grad, jacobian and value_and_grad at a point given as a generator expression;
concatenate ``aixs=``, logsumexp ``axsi=``, clip ``a_mni=``, hessian ``argnmu=``, value_and_grad
``argnusm=``, var ``ddfo=`` (18); gradcheck -- check_grads rng a ``random.Random``, args a tuple
holding a generator expression, ``ord=``, ``random_state=``, ``rgn=`` (5); samplers -- pareto
alpha, laplace loc, logistic scale, metropolis n_warmup and n_steps, grid_inverse_cdf n,
fixed_step_chains chains, noise_floor repeats, ContinuousInverseCDF u_error sample_size and
from_density u_resolution, DiscreteInverseCDF rvs size, integrate n, walks_from_one_start steps
as complex numbers; metropolis, fixed_step_chains and noise_floor rng, DiscreteInverseCDF and
ContinuousInverseCDF rvs random_state, walks_from_one_start and step_size_sweep rngs a
``random.Random``; fixed_step_chains and step_size_sweep scaled, pooled_total_variation x,
noise_floor and walks_from_one_start edges as generator expressions; from_density
``u_resolutoin=``, rvs ``sizes=`` and ``random_sate=``, weibull ``shap=``, pareto ``alfa=``,
metropolis ``target_acceptence=``; DiscreteInverseCDF sample size a shape of 10**15 draws (32);
diagnostics -- split_chains x and ess_tail draws generator expressions, rank_normalize draws a
tuple of generator expressions; misspelt keywords of ess_bulk, quantile_type7 (twice),
rank_normalize, split_rhat, ess_mean, diagnose, mcse_mean, normal_scores, split_chains and
ess_tail (14); the testing kit -- draws_needed discrepancy, dkw_epsilon n, smallest_detectable n
and beta, chi_square_power alpha, assert_labels_match alpha, densities laplace scale, beta a,
trapezoid c and student_t df, strategies symmetric_proposals n and u_grids max_size as complex
numbers; chi_square_power q and densities normal_mixture weights as generator expressions;
draws_needed ``discrepency=``, smallest_detectable ``samlpes=``, chi_square_power ``alhpa=``,
normal_mixture ``weigths=``, known_densities ``kind=`` (19); ``figures.style`` check_seed seed a
``random.Random``, subplots ncols complex, check_numbers x a tuple holding a generator
expression, subplots ``nrwos=`` (4); ``memory`` keep_freed_memory ``mmap_threshhold=``,
``trim_threshhold=`` and ``trimthreshold=`` (3): 95 written, 30 of them on the engine,
gradcheck, figures and memory, 65 on the samplers, diagnostics and testing kit, as the brief
asks (another writer works on the engine). Dtypes: float32 and float64 are valid by the
README, so no dtype case was written.

Kinds of bad value (the issue's own):
- wrong type, a complex number with a zero imaginary part (``3+0j``, what ``complex(3)`` or a
  complex computation upstream gives) where a real number, count, index, axis, rate or size is
  meant;
- wrong type, an rng of the wrong library: the standard library's ``random.Random(0)`` where a
  NumPy Generator is meant (as rng, random_state, a list of rngs, or a seed);
- wrong type, a lazy iterable where an array is meant: a generator expression ``(v for v in
  x)`` (or a tuple holding one), which ``np.asarray`` turns into a 0-d object array;
- wrong type, out of range (memory): a size given as a shape whose product is 10**15 draws;
- typos and misspellings of keyword names: letters swapped, dropped or doubled, a plural, a
  name spelt out or shortened, SciPy's ``random_state`` for ``rng``.
No degenerate data, no file or path case and no mismatch between runs (these areas have none but
``style.save``), no misbehaving user function (the earlier batteries hold these functions' user
callbacks densely: "returning complex" alone is in dozens of earlier ids on them).

Repeats: every id of the earlier batteries (16,810 distinct quoted first elements of tuples of
at least five characters in ``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``,
by a regex; some are not ids) was compared with this file before the run for exact ids,
case-insensitively (none). Before drafting, the earlier ids holding each candidate kind were
counted (random.Random, SeedSequence, PCG64, RandomState, 0j, complex, stepsize, decreasing,
None, returning None/complex, masked, arguments, typo, misspel, 10**12, huge, a set, generator
expression, iterator, dict, string, as text, percent, default_rng, not called): the misbehaving
functions, huge sizes as numbers, percentages, uncalled functions and the default_rng function
were given up there (dense on these functions). ``random.Random`` was earlier only on the
meta-learning side and on an unattributed "sample rng a random.Random"; "generator expression"
in no earlier id. Then, for every drafted id, the earlier ids starting with its first two words
and holding "complex", "0j", "1j", "2j", "random.Random", "stdlib", "generator", "iterator",
"map", "zip" or a misspelling were printed, and the earlier ids of each drafted function with a
complex value or a lazy iterable were listed by function and argument. Drafts sharing an earlier
substance were replaced before the run: complex values on norm ord, check_grads order and eps,
exponential rate, logistic loc, weibull shape, pareto scale, grid_inverse_cdf lo, metropolis
step_size and target_acceptance, optimal_acceptance dim, the two ppf's u, integrate hi,
acceptance_1d h, ess_tail prob, quantile_type7 prob, dkw_epsilon and assert_cdf_matches alpha,
keep_freed_memory's two thresholds and power's exponent (each earlier "... complex"); generator
expressions on stack and concatenate xs, check_grads args, hvp x and v, DiscreteInverseCDF p,
both from_uniforms u, metropolis x0, total_variation samples, bin_masses and steps edges,
density_values x, split_rhat, ess_bulk, ess_mean, mcse_sd, rank_normalize, diagnose draws,
normal_scores and quantile_type7 x, ks_distance samples, assert_same_distribution y,
chi_square_pvalue counts, assert_monotone u, u_grids cut_points and check_numbers x (each an
earlier map, zip, list_iterator or "generator"); value_and_grad ``argnum=``, check_grads
``rtoll=``, u_error ``sample_szie=``, mcse_mean ``drwas=`` and quantile_type7 ``q=`` (the same
misspelling earlier). Six drafts were then trimmed (101 to 95) before any run. Kept although
near, as new instances, disclosed: the complex values on arguments of functions where another
argument had a complex value (var, clip a_max beside a_min, pareto alpha beside scale, laplace,
logistic scale beside loc, grid_inverse_cdf n beside lo, integrate n beside hi, metropolis
n_warmup and n_steps beside step_size); ``style check_seed seed`` a random.Random (earlier the
complex 1+0j and several bit generators on it); the generator expressions where a map/zip/
iterator was tried on another argument of the same function (fixed_step_chains scaled,
pooled_total_variation x, noise_floor edges, normal_mixture weights, chi_square_power q), and
the tuples holding one (check_grads args, rank_normalize draws, check_numbers x) where a bare
iterator was tried; misspellings of a keyword another misspelling of which was tried
(check_grads ``ord=`` beside ``ordre=`` and ``ORDER=``, split_chains ``chains=``, normal_scores
``xs=`` beside ``X=``, ess_tail ``probability=`` beside ``probs=``/``q=``, quantile_type7
``probs=``, keep_freed_memory ``mmap_threshhold=`` and ``trim_threshhold=`` beside
``*_treshold=``, ``trimthreshold=`` beside ``trimThreshold=``); ``DiscreteInverseCDF sample size``
as a huge shape beside the earlier 10**12 as a number. Missed, found while writing this
docstring: none.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 54 of the 95. After the
first run no case was added, dropped, reordered, swapped, reworded or corrected (only this
docstring was written; the replacements and the trimming above were made before any run).

First run (under ``ulimit -v 8000000``; kept about 3.2 s, --written about 3.8 s; pytest 23 s):
kept, 54 of 54 clear (100.0%), 0 unclear, 0 silent, 0 data loss -- engine 10/10, gradcheck 3/3,
samplers 19/19, diagnostics 8/8, testing kit 11/11, figures 2/2, memory 1/1. Written, 95 of 95
clear (100.0%), 0 unclear, 0 silent, 0 data loss -- engine 18/18, gradcheck 5/5, samplers
32/32, diagnostics 14/14, testing kit 19/19, figures 4/4, memory 3/3. Under pytest: 55 passed
(54 cases and the wide-and-new test); pytest was run once more after this docstring was
written, with the same result (3.6 s).

Not clear, kept: none.
Not clear, written and not kept: none.
Read in the clear messages, not counted (every one names the argument and the value): the
misspelt keywords are refused by Python's own "got an unexpected keyword argument", with no
"did you mean" (logsumexp in its own words, "no keyword argument 'axsi'; given (2, 3), axsi=0";
from_density names itself twice, "from_density: ContinuousInverseCDF.from_density() got ...";
subplots relays matplotlib's "Figure.set() got an unexpected keyword argument 'nrwos'"). A point
given as a generator expression to grad, jacobian, value_and_grad and hessian is "an object
array (dtype object), got <generator ...>; gradients need float arrays, e.g. np.asarray(x,
dtype=float)": a hint that would not work on a generator (np.asarray of one is the same 0-d
object array), where the samplers' and diagnostics' messages say "an iterator, set or dict, not
an array: pass np.array(list(...))"; chi_square_power q and normal_mixture weights say "got
object values: generator ..." without that hint; tuples holding generators (rank_normalize,
check_numbers) are described as "(dtype object): objects, the first a generator ... at
draws[0]". The complex numbers are shown as "(3+0j)", some with "complex" before or
"(complex)" after, some without the type (grad and jacobian argnums "got 0j"). Some wrong types
are refused as ValueError where a TypeError would say wrong type: step_size_sweep scaled (a
generator: "must be a non-empty 1-D array"), grid_inverse_cdf n and style subplots ncols
(complex), style check_seed (a random.Random, "seed must be an integer >= 0", without the
function's name). The huge shape is refused with its size: "would need 7.11 PiB of memory at
once, more than this machine's 23.5 GiB". No case lost data.

Measured on main at 49fe996, the commit it was written at, blind (the lead reran it there,
with the hundred-and-forty-second, -third and -fourth beside it): kept, 54 of 54 clear (100%),
0 unclear, 0 silent, 0 data loss. Round 90 (with sight of this file, not blind): a generator
given as grad's (or jacobian's, hessian's, value_and_grad's) point is named as a generator,
with a hint that works on one, np.array(list(gen)), in place of np.asarray(x, dtype=float).
"""

import random

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads
from scratchmeta.sampling import (ContinuousInverseCDF, diagnose, ess_bulk, ess_mean, ess_tail,
                                  grid_inverse_cdf, mcse_mean, rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7, split_chains
from scratchmeta.sampling.mixing import noise_floor, pooled_total_variation
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import fixed_step_chains, step_size_sweep
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetysixth import _under_the_batteries_ulimit
from test_bad_inputs_ninetyseventh import EDGES, M23, P3, X3, _chains4, _sin_loss
from test_bad_inputs_hundredseventh import _normal_sampler, _walks
from test_bad_inputs_hundredeleventh import _discrete
from test_bad_inputs_fourth import _rng


def _stdlib_rng():
    """The standard library's generator, ``random.Random(0)``, where NumPy's is meant."""
    return random.Random(0)


def _lazy(values):
    """A generator expression over ``values``, ``(v for v in values)``, where an array is meant."""
    return (v for v in values)


def _lazy_chains():
    """The (4, 100) chains passed as ``(c for c in chains)``."""
    return _lazy(_chains4())


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("var ddof 1+0j, a complex count", lambda d: ad.var(M23, axis=0, ddof=1 + 0j),
     ["ddof", "1+0j"]),
    ("clip a_max 2+0j, a complex bound", lambda d: ad.clip(X3, -1.0, 2 + 0j),
     ["a_max", "2+0j"]),
    ("expand_dims axis 0j, a complex axis", lambda d: ad.expand_dims(X3, 0j),
     ["axis", "0j"]),
    ("grad argnums 0j, a complex index", lambda d: ad.grad(_sin_loss, argnums=0j)(X3),
     ["argnums", "0j"]),
    ("norm axis 0j, a complex axis", lambda d: ad.norm(M23, axis=0j), ["axis", "0j"]),
    ("logsumexp axis 0j, a complex axis", lambda d: ad.logsumexp(M23, axis=0j), ["axis", "0j"]),
    ("reshape to (3+0j, 2), a complex dimension", lambda d: ad.reshape(M23, (3 + 0j, 2)),
     ["3+0j"]),
    ("jacobian argnum 0j, a complex index", lambda d: ad.jacobian(ad.sin, argnum=0j)(X3),
     ["argnum", "0j"]),
    ("hessian at a point given as a generator expression", lambda d: ad.hessian(_sin_loss)(
        _lazy(X3)), ["generator"]),
    ("concatenate aixs=0, a misspelt axis", lambda d: ad.concatenate([X3, X3], aixs=0),
     ["aixs"]),
    ("grad at a point given as a generator expression", lambda d: ad.grad(_sin_loss)(
        _lazy(X3)), ["generator"]),
    ("jacobian at a point given as a generator expression", lambda d: ad.jacobian(ad.sin)(
        _lazy(X3)), ["generator"]),
    ("value_and_grad at a point given as a generator expression", lambda d:
        ad.value_and_grad(_sin_loss)(_lazy(X3)), ["generator"]),
    ("logsumexp axsi=0, a misspelt axis", lambda d: ad.logsumexp(M23, axsi=0), ["axsi"]),
    ("clip a_mni=-1.0, a misspelt a_min", lambda d: ad.clip(X3, a_mni=-1.0, a_max=1.0),
     ["a_mni"]),
    ("hessian argnmu=0, a misspelt argnum", lambda d: ad.hessian(_sin_loss, argnmu=0)(X3),
     ["argnmu"]),
    ("value_and_grad argnusm=0, two letters swapped", lambda d: ad.value_and_grad(
        _sin_loss, argnusm=0)(X3), ["argnusm"]),
    ("var ddfo=1, a misspelt ddof", lambda d: ad.var(M23, axis=0, ddfo=1), ["ddfo"]),
]

GRADCHECK_CASES = [
    ("check_grads rng the standard library's random.Random(0)", lambda d: check_grads(
        _sin_loss, (X3,), rng=_stdlib_rng()), ["rng", "Random"]),
    ("check_grads ord=1, order shortened", lambda d: check_grads(_sin_loss, (X3,), ord=1),
     ["ord"]),
    ("check_grads random_state=..., SciPy's name for rng", lambda d: check_grads(
        _sin_loss, (X3,), random_state=_rng()), ["random_state"]),
    ("check_grads args a tuple holding a generator expression", lambda d: check_grads(
        _sin_loss, (_lazy(X3),)), ["args", "generator"]),
    ("check_grads rgn=..., a misspelt rng", lambda d: check_grads(
        _sin_loss, (X3,), rgn=_rng()), ["rgn"]),
]

SAMPLER_CASES = [
    ("pareto alpha 3+0j, a complex exponent", lambda d: sampling.pareto(3 + 0j),
     ["alpha", "3+0j"]),
    ("metropolis rng the standard library's random.Random(0)", lambda d: _metropolis(
        rng=_stdlib_rng()), ["rng", "Random"]),
    ("fixed_step_chains scaled a generator expression", lambda d: fixed_step_chains(
        1, _lazy([1.0, 2.0]), 4, 50, _rng()), ["scaled", "generator"]),
    ("ContinuousInverseCDF from_density u_resolutoin=1e-08, a misspelt u_resolution",
     lambda d: ContinuousInverseCDF.from_density(stats.norm.pdf, u_resolutoin=1e-8),
     ["u_resolutoin"]),
    ("laplace loc 0j, a complex location", lambda d: sampling.laplace(loc=0j), ["loc", "0j"]),
    ("DiscreteInverseCDF rvs random_state the standard library's random.Random(0)", lambda d:
        _discrete().rvs(3, random_state=_stdlib_rng()), ["random_state", "Random"]),
    ("step_size_sweep scaled a generator expression", lambda d: step_size_sweep(
        _lazy([0.5, 1.0]), 4, 50, {"d1": 1}, [_rng()]), ["scaled", "generator"]),
    ("ContinuousInverseCDF rvs sizes=3, a plural size", lambda d: _normal_sampler().rvs(
        sizes=3, random_state=_rng()), ["sizes"]),
    ("logistic scale 1+0j, a complex scale", lambda d: sampling.logistic(scale=1 + 0j),
     ["scale", "1+0j"]),
    ("ContinuousInverseCDF rvs random_state the standard library's random.Random(0)",
     lambda d: _normal_sampler().rvs(3, random_state=_stdlib_rng()),
     ["random_state", "Random"]),
    ("pooled_total_variation x a generator expression of chains", lambda d:
        pooled_total_variation(_lazy(_chains4()), EDGES, stats.norm.cdf), ["x", "generator"]),
    ("ContinuousInverseCDF rvs random_sate=..., a misspelt random_state", lambda d:
        _normal_sampler().rvs(3, random_sate=_rng()), ["random_sate"]),
    ("fixed_step_chains rng the standard library's random.Random(0)", lambda d:
        fixed_step_chains(1, np.array([1.0]), 4, 50, _stdlib_rng()), ["rng", "Random"]),
    ("noise_floor edges a generator expression", lambda d: noise_floor(
        100, 3, _normal_sampler(), _lazy(EDGES), stats.norm.cdf, _rng()),
     ["edges", "generator"]),
    ("metropolis n_warmup 10+0j, a complex count", lambda d: _metropolis(n_warmup=10 + 0j),
     ["n_warmup", "10+0j"]),
    ("noise_floor rng the standard library's random.Random(0)", lambda d: noise_floor(
        100, 3, _normal_sampler(), EDGES, stats.norm.cdf, _stdlib_rng()), ["rng", "Random"]),
    ("walks_from_one_start edges a generator expression", lambda d: _walks(
        edges=_lazy(EDGES)), ["edges", "generator"]),
    ("weibull shap=1.5, a misspelt shape", lambda d: sampling.weibull(shap=1.5), ["shap"]),
    ("grid_inverse_cdf n 4096+0j, a complex count", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, 5.0, n=4096 + 0j), ["n", "4096+0j"]),
    ("walks_from_one_start rngs a list of one standard-library random.Random", lambda d:
        _walks(rngs=[_stdlib_rng()]), ["rngs", "Random"]),
    ("metropolis n_steps 20+0j, a complex count", lambda d: _metropolis(n_steps=20 + 0j),
     ["n_steps", "20+0j"]),
    ("pareto alfa=3.0, a misspelt alpha", lambda d: sampling.pareto(alfa=3.0), ["alfa"]),
    ("fixed_step_chains chains 4+0j, a complex count", lambda d: fixed_step_chains(
        1, np.array([1.0]), 4 + 0j, 50, _rng()), ["chains", "4+0j"]),
    ("step_size_sweep rngs a list of one standard-library random.Random", lambda d:
        step_size_sweep(np.array([0.5, 1.0]), 4, 50, {"d1": 1}, [_stdlib_rng()]),
     ["rngs", "Random"]),
    ("noise_floor repeats 3+0j, a complex count", lambda d: noise_floor(
        100, 3 + 0j, _normal_sampler(), EDGES, stats.norm.cdf, _rng()), ["repeats", "3+0j"]),
    ("metropolis target_acceptence=0.3, a misspelt target_acceptance", lambda d: _metropolis(
        target_acceptence=0.3), ["target_acceptence"]),
    ("ContinuousInverseCDF u_error sample_size 1000+0j, a complex count", lambda d:
        _normal_sampler().u_error(1000 + 0j), ["sample_size", "1000+0j"]),
    ("DiscreteInverseCDF rvs size 3+0j, a complex count", lambda d: _discrete().rvs(
        3 + 0j, random_state=_rng()), ["size", "3+0j"]),
    ("integrate n 8+0j, a complex count", lambda d: integrate(np.cos, 0.0, 1.0, n=8 + 0j),
     ["n", "8+0j"]),
    ("walks_from_one_start steps 50+0j, a complex count", lambda d: _walks(steps=50 + 0j),
     ["steps", "50+0j"]),
    ("ContinuousInverseCDF from_density u_resolution 1e-08+0j, a complex resolution",
     lambda d: ContinuousInverseCDF.from_density(stats.norm.pdf, u_resolution=1e-8 + 0j),
     ["u_resolution", "1e-08+0j"]),
    ("DiscreteInverseCDF sample size (100000, 100000, 100000), a shape far past memory",
     lambda d: _under_the_batteries_ulimit(lambda: _discrete().sample(
         (100000, 100000, 100000), _rng())), ["size", "100000"]),
]

DIAGNOSTIC_CASES = [
    ("split_chains x a generator expression of chains", lambda d: split_chains(
        _lazy_chains()), ["x", "generator"]),
    ("ess_tail draws a generator expression of chains", lambda d: ess_tail(_lazy_chains()),
     ["draws", "generator"]),
    ("ess_bulk draw=..., a misspelt draws", lambda d: ess_bulk(draw=_chains4()), ["draw"]),
    ("quantile_type7 porb=0.5, a misspelt prob", lambda d: quantile_type7(
        _samples(), porb=0.5), ["porb"]),
    ("rank_normalize drawz=..., a misspelt draws", lambda d: rank_normalize(drawz=_chains4()),
     ["drawz"]),
    ("split_rhat drasw=..., two letters swapped", lambda d: split_rhat(drasw=_chains4()),
     ["drasw"]),
    ("ess_mean drows=..., a misspelt draws", lambda d: ess_mean(drows=_chains4()), ["drows"]),
    ("diagnose drwas=..., two letters swapped", lambda d: diagnose(drwas=_chains4()),
     ["drwas"]),
    ("mcse_mean drawss=..., a doubled s", lambda d: mcse_mean(drawss=_chains4()), ["drawss"]),
    ("normal_scores xs=..., a plural x", lambda d: normal_scores(xs=_samples()), ["xs"]),
    ("split_chains chains=..., a misnamed x", lambda d: split_chains(chains=_chains4()),
     ["chains"]),
    ("ess_tail probability=(0.05, 0.95), prob spelt out", lambda d: ess_tail(
        _chains4(), probability=(0.05, 0.95)), ["probability"]),
    ("quantile_type7 probs=0.5, a plural prob", lambda d: quantile_type7(
        _samples(), probs=0.5), ["probs"]),
    ("rank_normalize draws a tuple of generator expressions, one a chain", lambda d:
        rank_normalize(tuple(_lazy(c) for c in _chains4())), ["draws", "generator"]),
]

TESTING_CASES = [
    ("draws_needed discrepancy 0.01+0j, a complex discrepancy", lambda d:
        testing.draws_needed(0.01 + 0j), ["discrepancy", "0.01+0j"]),
    ("chi_square_power q a generator expression", lambda d: testing.chi_square_power(
        P3, _lazy([0.3, 0.3, 0.4]), 100), ["q", "generator"]),
    ("draws_needed discrepency=0.01, a common misspelling of discrepancy", lambda d:
        testing.draws_needed(discrepency=0.01), ["discrepency"]),
    ("dkw_epsilon n 1000+0j, a complex count", lambda d: testing.dkw_epsilon(1000 + 0j),
     ["n", "1000+0j"]),
    ("smallest_detectable n 1000+0j, a complex count", lambda d: testing.smallest_detectable(
        1000 + 0j), ["n", "1000+0j"]),
    ("smallest_detectable samlpes=2, a misspelt samples", lambda d:
        testing.smallest_detectable(1000, samlpes=2), ["samlpes"]),
    ("smallest_detectable beta 1e-06+0j, a complex rate", lambda d:
        testing.smallest_detectable(1000, beta=1e-6 + 0j), ["beta", "1e-06+0j"]),
    ("chi_square_power alpha 1e-06+0j, a complex rate", lambda d: testing.chi_square_power(
        P3, [0.3, 0.3, 0.4], 100, alpha=1e-6 + 0j), ["alpha", "1e-06+0j"]),
    ("assert_labels_match alpha 1e-06+0j, a complex rate", lambda d:
        testing.assert_labels_match(np.array([0, 1, 2, 2]), P3, alpha=1e-6 + 0j),
     ["alpha", "1e-06+0j"]),
    ("chi_square_power alhpa=1e-06, a misspelt alpha", lambda d: testing.chi_square_power(
        P3, [0.3, 0.3, 0.4], 100, alhpa=1e-6), ["alhpa"]),
    ("densities laplace scale 1+0j, a complex scale", lambda d: densities.laplace(
        scale=1 + 0j), ["scale", "1+0j"]),
    ("densities normal_mixture weights a generator expression", lambda d:
        densities.normal_mixture(_lazy([0.5, 0.5]), [0.0, 1.0], [1.0, 1.0]),
     ["weights", "generator"]),
    ("densities beta a 2+0j, a complex shape", lambda d: densities.beta(2 + 0j, 3.0),
     ["a", "2+0j"]),
    ("densities normal_mixture weigths=..., a misspelt weights", lambda d:
        densities.normal_mixture(weigths=[0.5, 0.5], locs=[0.0, 1.0], scales=[1.0, 1.0]),
     ["weigths"]),
    ("densities trapezoid c 0.3+0j, a complex corner", lambda d: densities.trapezoid(
        0.0, 0.3 + 0j, 0.7, 1.0), ["c", "0.3+0j"]),
    ("densities student_t df 3+0j, a complex df", lambda d: densities.student_t(3 + 0j),
     ["df", "3+0j"]),
    ("strategies symmetric_proposals n 3+0j, a complex size", lambda d: _example(
        strategies.symmetric_proposals(3 + 0j)), ["n", "3+0j"]),
    ("strategies known_densities kind=('mixture',), kinds without its s", lambda d: _example(
        strategies.known_densities(kind=("mixture",))), ["kind"]),
    ("strategies u_grids max_size 10+0j, a complex size", lambda d: _example(
        strategies.u_grids(max_size=10 + 0j)), ["max_size", "10+0j"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_seed seed the standard library's random.Random(0)", lambda d:
        style.check_seed(_stdlib_rng()), ["seed", "Random"]),
    ("style subplots ncols 2+0j, a complex count", lambda d: style.subplots(ncols=2 + 0j),
     ["ncols", "2+0j"]),
    ("style check_numbers x a tuple holding a generator expression", lambda d:
        style.check_numbers("x", (_lazy(X3),)), ["x", "generator"]),
    ("style subplots nrwos=2, a misspelt nrows", lambda d: style.subplots(nrwos=2),
     ["nrwos"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshhold=..., the keyword misspelt with a double h", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(mmap_threshhold=67108864)),
     ["mmap_threshhold"]),
    ("keep_freed_memory trim_threshhold=..., the keyword misspelt with a double h", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(trim_threshhold=268435456)),
     ["trim_threshhold"]),
    ("keep_freed_memory trimthreshold=..., the underscore dropped", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(trimthreshold=268435456)),
     ["trimthreshold"]),
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


def test_the_hundredfortyfifth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfortyfifth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
