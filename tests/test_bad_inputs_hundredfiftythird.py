"""A hundred-and-fifty-third battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt153), from the user's side only, in about fifteen
minutes. Read: no README.md line and no ``--help`` (this battery has no command-line case, and
every argument it names is one the signatures below show; less than the brief allows,
disclosed); the public names (``__all__`` where there is one, else ``dir`` filtered to the names
each module defines itself) and signatures of ``scratchmeta.sampling`` and its public modules
(``diagnostics``, ``metropolis``, ``step_size``, ``mixing``, ``closed_forms``, ``continuous``,
``discrete``, ``finite_chain``, ``interpolation``, ``quadrature``, ``tails``; ``sampling.checks``
left out), ``testing``, ``testing.densities``, ``testing.strategies``, ``figures.style``,
``memory`` and ``gradcheck``; of ``scratchmeta.autodiff`` its ``__all__`` and the signatures of
grad, value_and_grad, jacobian, hessian, jvp, vjp, Primitive, Tensor, trace, tree_map,
tree_flatten, stop_gradient, shape, sum, mean, where, exp, log, matmul, einsum, maximum, minimum,
abs, sqrt, tanh, sigmoid, sum_to, broadcast_to, squeeze, expand_dims, stack, concatenate, solve,
norm, power and getitem (many print as ``(*args, **params)``); the public methods of
``DiscreteInverseCDF`` and ``ContinuousInverseCDF`` (signatures only). Templates: the
hundred-and-forty-ninth and the hundred-and-forty-fifth, in full (each in two displays, the
middle of each printed separately). Of ``tests/test_bad_inputs_cli.py`` its module docstring
(through ``ast``), a grep of its ``def`` lines and its lines 435-500 and 550-622
(``classify_cli``, ``classify_call``, ``kept_cases``, ``battery_params``,
``assert_wide_and_new``, ``battery_main``, ``report_by_area``); the eighth's ``classify_case``:
its head (signature, docstring and about twenty first lines). The earlier batteries' shared
helpers were imported, not copied (from the fifth ``_example`` and ``_metropolis``; the
seventeenth ``_samples``; the eighty-seventh ``_then_defaults``; from the ninety-seventh its
constants, ``_chains4`` and ``_sin_loss``; the hundred-and-seventh ``_normal_sampler`` and
``_walks``; the hundred-and-eleventh ``_discrete``; the fourth ``_rng``); only their signatures
and the constants' shapes and values were printed, no body (the ninety-sixth's
``_under_the_batteries_ulimit`` was imported once to print its signature, and is not used). No
body, docstring or source of library code, of ``checks``/``messages``/``protocol``, of the
library's history or of /work/main (whose venv's python alone was run) was read, before or after
the first run (``git status`` was the only git command). Before the run, to get the plumbing
right, the valid counterparts (not cases) of 39 calls were run once (``_metropolis`` n_warmup,
``_walks`` chains and steps, fixed_step_chains, step_size_sweep, noise_floor, bin_masses,
total_variation, pooled_total_variation, grid_inverse_cdf, integrate, from_density, from_ppf,
both samplers' sample, u_error, ks_distance, assert_cdf_matches, assert_inverts, assert_monotone,
assert_labels_match, draws_needed, chi_square_pvalue, the strategies symmetric_proposals,
probability_vectors, u_grids, uniforms_near_edges and known_densities, KnownDensity,
check_numbers, Primitive, tree_map, vjp, broadcast_to, sum_to, reshape, hvp, check_grads); all
ran, so no library message was seen before the run. Writes: no case writes a file; the writer
kept scratch files (the list of earlier ids, the drafted cases, this docstring's draft, the
--written output) in /tmp/wt153/.scratch (untracked, removed after the run). No optional package
is used, so no case is skipped. No case could allocate gigabytes (the largest array passed is
the (4, 100) chains; the largest buffer 4096 float64s, 32 KiB), so the ninety-sixth battery's
``_under_the_batteries_ulimit`` is not used.

Areas (library side only), as written: the autodiff engine -- grad, value_and_grad and hessian
fun the loss value, jacobian, jvp, vjp, tree_map and Primitive fun/f/impl the values of the
function; reshape, broadcast_to and sum_to shape the target array itself; sin, exp, sum,
matmul, logsumexp of the rng or a sampler object, grad at the rng, jvp primals holding the rng
(18); gradcheck -- check_grads and hvp fun the loss value, check_grads args holding the rng, hvp
v the rng, check_grads rng a ContinuousInverseCDF (5); ``figures.style`` -- subplots nrows and
ncols the data array, check_numbers x the rng, check_numbers shape the expected array (4);
``memory`` -- keep_freed_memory's two thresholds a buffer, alone and both positionally (3);
samplers -- the data array itself for metropolis n_warmup, fixed_step_chains dim, chains and
steps, step_size_sweep chains and steps, noise_floor repeats, walks_from_one_start chains,
integrate n, u_error sample_size, both samplers' sample size, DiscreteInverseCDF rvs size and
optimal_acceptance dim; the values where the function is meant for metropolis and
walks_from_one_start log_density, noise_floor sampler and cdf, walks_from_one_start,
bin_masses, total_variation and pooled_total_variation cdf, grid_inverse_cdf and from_density
pdf, integrate f, from_ppf ppf and cdf; an object where its draws are meant for total_variation
samples, pooled_total_variation x, DiscreteInverseCDF from_uniforms u, ContinuousInverseCDF
ppf u and metropolis x0 (32); diagnostics -- split_rhat, ess_bulk, ess_mean, ess_tail,
mcse_mean, mcse_sd, rank_normalize and diagnose draws, split_chains, normal_scores and
quantile_type7 x, the rng or one of the two samplers; ess_tail prob the rng (12); the testing
kit -- smallest_detectable, dkw_epsilon and chi_square_power n, draws_needed samples,
strategies symmetric_proposals n, probability_vectors max_size and min_size, u_grids max_size
the data array; ks_distance, assert_cdf_matches and assert_inverts cdf, assert_inverts and
assert_monotone ppf, densities KnownDensity pdf and cdf their values; ks_distance and
assert_cdf_matches samples, two_sample_distance y, assert_same_distribution x,
assert_labels_match labels, chi_square_pvalue counts and strategies uniforms_near_edges p the
rng or a sampler object (22): 96 written, 30 of them on the engine, gradcheck, figures and
memory, 66 on the samplers, diagnostics and testing kit, as the brief asks (another writer works
on the engine). Dtypes: float32 and float64 are valid by the brief, so no dtype case was
written.

Kinds of bad value (the issue's own), each a slip of one step in a user's own code:
- wrong shape, an array for a scalar: the data array itself where its length is meant (a
  forgotten ``len()``), its ``.shape`` (reshape, broadcast_to, sum_to, check_numbers), its
  ``.nbytes`` (the malloc thresholds) or its ``.sum()`` (chi_square_power n, the counts);
- wrong type, a function's values where the function is meant: the function called too early,
  ``stats.norm.cdf(edges)`` for ``stats.norm.cdf``, ``_sin_loss(x)`` for ``_sin_loss``;
- wrong type, one object where its output is meant (the call forgotten): the NumPy Generator
  itself where ``rng.normal(size=...)`` (or ``random``/``uniform``) was meant, or a
  ``ContinuousInverseCDF``/``DiscreteInverseCDF`` sampler where its ``rvs()`` was meant (also as
  a rng, as counts and as p).
No degenerate data, no file or path case, no mismatch between runs, no out-of-range number and
no misbehaving user function (the earlier batteries hold these functions' ranges and callbacks
densely).

Repeats: every id of the earlier batteries (18,202 distinct quoted first elements of tuples of
at least five characters in ``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``,
by a regex; some are not ids) was compared with this file before the run for exact ids,
case-insensitively (none). Before drafting, the earlier ids holding each candidate kind were
counted (trailing comma, one-element, swapped, reversed, "in the order (", np.True_, Ellipsis,
structured, 0-d, decimal comma, unicode minus, array([, slice, dict, enum, 1e3, shape tuple,
cumsum, cumulative, log-probabilities, histogram, 3-D, logpdf, survival, "not a function",
"its values", frozen, bound method, ...): the one-tuples from a trailing comma (82), the swapped
argument orders (40, "with its arguments in the order (...)", covering nearly every function
here), the cumulative and log probabilities, the 3-D draws and the other functions' callables
were dense and given up; "len(", "too early", "its len", ".nbytes", ".sum()", "rng itself",
"sampler itself" and "rvs() forgotten" were in no earlier id, and "Generator" only as a rng,
seed, random_state or "the Generator factory", never where data is meant. Then, for every drafted
id, the earlier ids starting with its first two words (three for style, strategies, densities,
the two samplers and keep_freed_memory) and holding len(, .shape, .nbytes, .sum(), "too early",
"its values", "itself", "Generator", "forgotten" or "not called" were printed. Drafts sharing an
earlier substance were changed before the run: the ContinuousInverseCDF sampler first drafted
for split_rhat, mcse_mean, rank_normalize and ks_distance samples, and two_sample_distance y
(earlier "a frozen scipy distribution (rvs not called)" on each) became the rng there, and the
samplers moved to ess_bulk, ess_tail, mcse_sd, diagnose, normal_scores and assert_cdf_matches
samples (where no frozen distribution was tried). Kept although near, as new instances,
disclosed: assert_same_distribution x the rng beside the earlier frozen scipy distribution on
it (a Generator is not a distribution); "the samples' shape tuple" / "the draws' shape tuple"
where a count is meant, earlier on chi_square_power, dkw_epsilon and smallest_detectable n,
metropolis n_steps, noise_floor n, walks_from_one_start steps and subplots nrows, beside the
whole array here (on other arguments where possible, on dkw_epsilon, smallest_detectable and
chi_square_power n and subplots nrows the same argument); check_numbers shape "the array's .size
(a count), not its .shape" beside the array itself here; "a bound method not called" on
ess_bulk, mcse_sd and rank_normalize draws, metropolis x0, smallest_detectable n and
assert_labels_match labels; "the number 0.5, not a function" on from_ppf cdf, assert_cdf_matches
cdf and assert_monotone ppf beside their values here; "trace fun a number" beside the loss value
on grad and its kin; "scipy.stats.norm itself (its cdf/logpdf meant)" on noise_floor,
walks_from_one_start and assert_inverts; a function "returning its values as a row (1, n)" on
the cdf/pdf/ppf arguments (a callable there, values here). Missed, found while writing this
docstring: none.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 55 of the 96. After the
first run no case was added, dropped, reordered, swapped, reworded or corrected (only this
docstring was written; the changes above were made before any run).

First run (under ``ulimit -v 8000000``; kept about 2.6 s, --written about 2.2 s; pytest 3.9 s):
kept, 53 of 55 clear (96.4%), 0 unclear, 2 silent, 0 data loss -- engine 10/10, gradcheck 3/3,
figures 2/2, memory 1/1, samplers 19/19, diagnostics 7/7, testing kit 11/13 (2 silent).
Written, 94 of 96 clear (97.9%), 0 unclear, 2 silent, 0 data loss -- engine 18/18, gradcheck
5/5, figures 4/4, memory 3/3, samplers 32/32, diagnostics 12/12, testing kit 20/22 (2 silent;
the same two, both kept). Under pytest: 2 failed, 54 passed (the two silent cases failed; the
other 53 cases and the wide-and-new test passed); pytest was run once more after this docstring
was written, with the same result.

Not clear, kept:
- ``densities KnownDensity pdf its values at the edges, called too early`` (wrong type, a
  function's values where the function is meant): silent -- "no error". The record was built
  with an array of 7 numbers as its ``pdf`` (annotated ``Callable``); nothing is checked when it
  is made, so the bad record goes on to whatever uses it, and fails (if at all) far from the
  line that made it.
- ``densities KnownDensity cdf its values at the edges, called too early`` (same kind): silent
  -- "no error", as above for ``cdf``.
Not clear, written and not kept: none.
Read in the clear messages, not counted (every one names the argument and the value): the
functions' values are refused as "needs a function as fun, got ndarray array([...])" or "cdf
must be a function / callable, got ndarray array([...])"; the testing kit's "got an array of
shape (200,) and dtype float64" is the only wording that gives the shape; none says the function
may have been called too early. The arrays where a count is meant are mostly TypeError "must be
an int, got array([...])" with the first numbers of a 200-long array and no shape (the memory
thresholds alone show one, through NumPy's summarised repr, "shape=(1024,)"); subplots nrows
and ncols and draws_needed samples are ValueError where a TypeError would say wrong type
("samples must be 1 (against a CDF) or 2 (two samples)"); reshape, broadcast_to and sum_to
accept the target array's repr as "got (2, 3)", which reads as if a good shape had been refused
(sum_to adds a second message with the shape as "(np.float64(0.5), np.float64(-1.0), ...)", and
broadcast_to NumPy's "truth value of an array ... is ambiguous" in brackets). The rng and the
samplers where draws are meant are "(dtype object): objects, the first a Generator ... at
draws[]" (an empty index), the engine's grad and check_grads/hvp saying "gradients need float
arrays, e.g. np.asarray(x, dtype=float)", a hint that would not help with a Generator; none
suggests calling the sampler's rvs or the rng's normal. No case lost data.

Measured on main at 72821c6, the commit it was written at, blind (the lead reran it there,
with the hundred-and-fiftieth, -first and -second beside it): kept, 53 of 55 clear (96.4%),
0 unclear, 2 silent, 0 data loss. Round 92 (with sight of this file, not blind): KnownDensity
checks its fields when it is made (pdf and cdf callable, name a str, domain a tuple (a, b)
with a < b, breaks a tuple of finite numbers), so both silent cases are clear at HEAD.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, diagnose, ess_bulk, ess_mean, ess_tail,
                                  grid_inverse_cdf, mcse_mean, mcse_sd, rank_normalize,
                                  split_rhat)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7, split_chains
from scratchmeta.sampling.metropolis import optimal_acceptance
from scratchmeta.sampling.mixing import (bin_masses, noise_floor, pooled_total_variation,
                                         total_variation)
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import fixed_step_chains, step_size_sweep
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


def _draws():
    """The normal draws (200), passed where their number ``len(draws)`` is meant."""
    return _samples()


def _buffer():
    """A float64 buffer of 1024 numbers (8 KiB), passed where its ``nbytes`` is meant."""
    return np.zeros(1024)


def _grid(n=8):
    """An evenly spaced grid on [0, 1] of ``n`` points."""
    return np.linspace(0.0, 1.0, n)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad fun the loss value sin_loss(x), called too early", lambda d: ad.grad(
        _sin_loss(X3))(X3), ["fun"]),
    ("sin of the rng itself, its normal(size=3) forgotten", lambda d: ad.sin(_rng()),
     ["Generator"]),
    ("reshape shape the target (2, 3) array itself, its .shape forgotten", lambda d:
        ad.reshape(np.arange(6.0), M23), ["shape"]),
    ("value_and_grad fun the loss value sin_loss(x), called too early", lambda d:
        ad.value_and_grad(_sin_loss(X3))(X3), ["fun"]),
    ("exp of the ContinuousInverseCDF sampler itself, its rvs() forgotten", lambda d: ad.exp(
        _normal_sampler()), ["ContinuousInverseCDF"]),
    ("jacobian fun the values sin(x), called too early", lambda d: ad.jacobian(
        ad.sin(X3))(X3), ["fun"]),
    ("broadcast_to shape the target (2, 3) array itself, its .shape forgotten", lambda d:
        ad.broadcast_to(X3, M23), ["shape"]),
    ("hessian fun the loss value sin_loss(x), called too early", lambda d: ad.hessian(
        _sin_loss(X3))(X3), ["fun"]),
    ("sum of the rng itself, its normal(size=3) forgotten", lambda d: ad.sum(_rng()),
     ["Generator"]),
    ("jvp fun the values np.sin(x), called too early", lambda d: ad.jvp(
        np.sin(X3), (X3,), (np.ones(3),)), ["fun"]),
    ("sum_to shape the target (3,) array itself, its .shape forgotten", lambda d: ad.sum_to(
        M23, X3), ["shape"]),
    ("vjp fun the values sin(x), called too early", lambda d: ad.vjp(ad.sin(X3), X3),
     ["fun"]),
    ("matmul a the DiscreteInverseCDF sampler itself, its rvs() forgotten", lambda d:
        ad.matmul(_discrete(), M23.T), ["DiscreteInverseCDF"]),
    ("tree_map f the values np.sin(x), called too early", lambda d: ad.tree_map(
        np.sin(X3), [X3]), ["f"]),
    ("grad at a point the rng itself, its normal(size=3) forgotten", lambda d: ad.grad(
        _sin_loss)(_rng()), ["Generator"]),
    ("Primitive impl the values np.sin(x), called too early", lambda d: ad.Primitive(
        "mysin", np.sin(X3)), ["impl"]),
    ("jvp primals a tuple holding the rng itself, its normal(size=3) forgotten", lambda d:
        ad.jvp(ad.sin, (_rng(),), (np.ones(3),)), ["Generator"]),
    ("logsumexp of the DiscreteInverseCDF sampler itself, its rvs() forgotten", lambda d:
        ad.logsumexp(_discrete()), ["DiscreteInverseCDF"]),
]

GRADCHECK_CASES = [
    ("check_grads fun the loss value sin_loss(x), called too early", lambda d: check_grads(
        _sin_loss(X3), (X3,)), ["fun"]),
    ("check_grads args a tuple holding the rng itself, its normal(size=3) forgotten",
     lambda d: check_grads(_sin_loss, (_rng(),)), ["args", "Generator"]),
    ("hvp fun the loss value sin_loss(x), called too early", lambda d: hvp(
        _sin_loss(X3), X3, np.ones(3)), ["fun"]),
    ("hvp v the rng itself, its normal(size=3) forgotten", lambda d: hvp(
        _sin_loss, X3, _rng()), ["v", "Generator"]),
    ("check_grads rng the ContinuousInverseCDF sampler, not a Generator", lambda d:
        check_grads(_sin_loss, (X3,), rng=_normal_sampler()), ["rng", "ContinuousInverseCDF"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style subplots nrows the data array itself, its len() forgotten", lambda d:
        style.subplots(X3), ["nrows", "array"]),
    ("style check_numbers x the rng itself, its normal(size=3) forgotten", lambda d:
        style.check_numbers("x", _rng()), ["x", "Generator"]),
    ("style subplots ncols the data array itself, its len() forgotten", lambda d:
        style.subplots(1, X3), ["ncols", "array"]),
    ("style check_numbers shape the expected array itself, its .shape forgotten", lambda d:
        style.check_numbers("x", X3, shape=np.zeros(3)), ["shape"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold the buffer itself, its .nbytes forgotten", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(_buffer())),
     ["mmap_threshold", "array"]),
    ("keep_freed_memory trim_threshold the buffer itself, its .nbytes forgotten", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(trim_threshold=_buffer())),
     ["trim_threshold", "array"]),
    ("keep_freed_memory both thresholds buffers, positionally, their .nbytes forgotten",
     lambda d: _then_defaults(lambda: memory.keep_freed_memory(_buffer(), np.zeros(4096))),
     ["mmap_threshold", "array"]),
]

SAMPLER_CASES = [
    ("metropolis n_warmup the draws array itself, its len() forgotten", lambda d:
        _metropolis(n_warmup=_draws()), ["n_warmup", "array"]),
    ("metropolis log_density its values at the start, called too early", lambda d:
        _metropolis(log_density=stats.norm.logpdf(np.zeros((4, 1)))), ["log_density"]),
    ("fixed_step_chains dim the start point itself, its len() forgotten", lambda d:
        fixed_step_chains(np.zeros(2), np.array([1.0]), 4, 50, _rng()), ["dim", "array"]),
    ("fixed_step_chains chains the draws array itself, its len() forgotten", lambda d:
        fixed_step_chains(1, np.array([1.0]), _draws(), 50, _rng()), ["chains", "array"]),
    ("fixed_step_chains steps the draws array itself, its len() forgotten", lambda d:
        fixed_step_chains(1, np.array([1.0]), 4, _draws(), _rng()), ["steps", "array"]),
    ("step_size_sweep chains the draws array itself, its len() forgotten", lambda d:
        step_size_sweep(np.array([0.5, 1.0]), _draws(), 50, {"d1": 1}, [_rng()]),
     ["chains", "array"]),
    ("step_size_sweep steps the draws array itself, its len() forgotten", lambda d:
        step_size_sweep(np.array([0.5, 1.0]), 4, _draws(), {"d1": 1}, [_rng()]),
     ["steps", "array"]),
    ("noise_floor repeats the draws array itself, its len() forgotten", lambda d:
        noise_floor(100, _draws(), _normal_sampler(), EDGES, stats.norm.cdf, _rng()),
     ["repeats", "array"]),
    ("noise_floor sampler its draws, rvs() called too early", lambda d: noise_floor(
        100, 3, _draws(), EDGES, stats.norm.cdf, _rng()), ["sampler"]),
    ("noise_floor cdf its values at the edges, called too early", lambda d: noise_floor(
        100, 3, _normal_sampler(), EDGES, stats.norm.cdf(EDGES), _rng()), ["cdf"]),
    ("walks_from_one_start chains the draws array itself, its len() forgotten", lambda d:
        _walks(chains=_draws()), ["chains", "array"]),
    ("walks_from_one_start log_density its values at the edges, called too early", lambda d:
        _walks(log_density=stats.norm.logpdf(EDGES)), ["log_density"]),
    ("walks_from_one_start cdf its values at the edges, called too early", lambda d:
        _walks(cdf=stats.norm.cdf(EDGES)), ["cdf"]),
    ("bin_masses cdf its values at the edges, called too early", lambda d: bin_masses(
        EDGES, stats.norm.cdf(EDGES)), ["cdf"]),
    ("total_variation cdf its values at the samples, called too early", lambda d:
        total_variation(_samples(), EDGES, stats.norm.cdf(_samples())), ["cdf"]),
    ("total_variation samples the ContinuousInverseCDF sampler itself, its rvs() forgotten",
     lambda d: total_variation(_normal_sampler(), EDGES, stats.norm.cdf),
     ["samples", "ContinuousInverseCDF"]),
    ("pooled_total_variation cdf its values at the chains, called too early", lambda d:
        pooled_total_variation(_chains4(), EDGES, stats.norm.cdf(_chains4())), ["cdf"]),
    ("pooled_total_variation x the rng itself, its normal(size=(4, 100)) forgotten", lambda d:
        pooled_total_variation(_rng(), EDGES, stats.norm.cdf), ["x", "Generator"]),
    ("grid_inverse_cdf pdf its values on the grid, called too early", lambda d:
        grid_inverse_cdf(stats.norm.pdf(np.linspace(-5.0, 5.0, 256)), -5.0, 5.0, n=256),
     ["pdf"]),
    ("integrate f its values on a grid, called too early", lambda d: integrate(
        np.cos(_grid()), 0.0, 1.0), ["f"]),
    ("integrate n the grid array itself, its len() forgotten", lambda d: integrate(
        np.cos, 0.0, 1.0, n=_grid()), ["n", "array"]),
    ("ContinuousInverseCDF from_density pdf its values, called too early", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf(EDGES)), ["pdf"]),
    ("ContinuousInverseCDF from_ppf ppf its values at the uniforms, called too early",
     lambda d: ContinuousInverseCDF.from_ppf(stats.norm.ppf(U5), stats.norm.cdf), ["ppf"]),
    ("ContinuousInverseCDF from_ppf cdf its values at the edges, called too early", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf(EDGES)), ["cdf"]),
    ("ContinuousInverseCDF u_error sample_size the uniforms array itself, its len() forgotten",
     lambda d: _normal_sampler().u_error(U5), ["sample_size", "array"]),
    ("ContinuousInverseCDF sample size the draws array itself, its len() forgotten", lambda d:
        _normal_sampler().sample(_draws(), _rng()), ["size", "array"]),
    ("DiscreteInverseCDF sample size the draws array itself, its len() forgotten", lambda d:
        _discrete().sample(_draws(), _rng()), ["size", "array"]),
    ("DiscreteInverseCDF rvs size the draws array itself, its len() forgotten", lambda d:
        _discrete().rvs(_draws(), random_state=_rng()), ["size", "array"]),
    ("DiscreteInverseCDF from_uniforms u the rng itself, its random(5) forgotten", lambda d:
        _discrete().from_uniforms(_rng()), ["u", "Generator"]),
    ("ContinuousInverseCDF ppf u the rng itself, its random(5) forgotten", lambda d:
        _normal_sampler().ppf(_rng()), ["u", "Generator"]),
    ("optimal_acceptance dim the start point itself, its len() forgotten", lambda d:
        optimal_acceptance(np.zeros(2)), ["dim", "array"]),
    ("metropolis x0 the rng itself, its normal(size=(4, 1)) forgotten", lambda d:
        _metropolis(x0=_rng()), ["x0", "Generator"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws the rng itself, its normal(size=(4, 100)) forgotten", lambda d:
        split_rhat(_rng()), ["draws", "Generator"]),
    ("ess_bulk draws the ContinuousInverseCDF sampler itself, its rvs() forgotten", lambda d:
        ess_bulk(_normal_sampler()), ["draws", "ContinuousInverseCDF"]),
    ("ess_mean draws the DiscreteInverseCDF sampler itself, its rvs() forgotten", lambda d:
        ess_mean(_discrete()), ["draws", "DiscreteInverseCDF"]),
    ("ess_tail draws the ContinuousInverseCDF sampler itself, its rvs() forgotten", lambda d:
        ess_tail(_normal_sampler()), ["draws", "ContinuousInverseCDF"]),
    ("mcse_mean draws the rng itself, its normal(size=(4, 100)) forgotten", lambda d:
        mcse_mean(_rng()), ["draws", "Generator"]),
    ("mcse_sd draws the DiscreteInverseCDF sampler itself, its rvs() forgotten", lambda d:
        mcse_sd(_discrete()), ["draws", "DiscreteInverseCDF"]),
    ("rank_normalize draws the rng itself, its normal(size=(4, 100)) forgotten", lambda d:
        rank_normalize(_rng()), ["draws", "Generator"]),
    ("diagnose draws the ContinuousInverseCDF sampler itself, its rvs() forgotten", lambda d:
        diagnose(_normal_sampler()), ["draws", "ContinuousInverseCDF"]),
    ("split_chains x the ContinuousInverseCDF sampler itself, its rvs() forgotten", lambda d:
        split_chains(_normal_sampler()), ["x", "ContinuousInverseCDF"]),
    ("normal_scores x the DiscreteInverseCDF sampler itself, its rvs() forgotten", lambda d:
        normal_scores(_discrete()), ["x", "DiscreteInverseCDF"]),
    ("quantile_type7 x the rng itself, its normal(size=200) forgotten", lambda d:
        quantile_type7(_rng(), 0.5), ["x", "Generator"]),
    ("ess_tail prob the rng itself, its uniform(size=2) forgotten", lambda d: ess_tail(
        _chains4(), prob=_rng()), ["prob", "Generator"]),
]

TESTING_CASES = [
    ("ks_distance cdf its values at the samples, called too early", lambda d:
        testing.ks_distance(_samples(), stats.norm.cdf(_samples())), ["cdf"]),
    ("smallest_detectable n the draws array itself, its len() forgotten", lambda d:
        testing.smallest_detectable(_draws()), ["n", "array"]),
    ("dkw_epsilon n the draws array itself, its len() forgotten", lambda d:
        testing.dkw_epsilon(_draws()), ["n", "array"]),
    ("assert_cdf_matches cdf its values at the samples, called too early", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.cdf(_samples())), ["cdf"]),
    ("chi_square_power n the counts array itself, its .sum() forgotten", lambda d:
        testing.chi_square_power(P3, [0.3, 0.3, 0.4], np.array([20, 30, 50])),
     ["n", "array"]),
    ("assert_inverts ppf its values at the uniforms, called too early", lambda d:
        testing.assert_inverts(stats.norm.ppf(U5), stats.norm.cdf, U5, 1e-6), ["ppf"]),
    ("assert_inverts cdf its values at the uniforms' quantiles, called too early", lambda d:
        testing.assert_inverts(stats.norm.ppf, stats.norm.cdf(stats.norm.ppf(U5)), U5, 1e-6),
     ["cdf"]),
    ("assert_monotone ppf its values at the uniforms, called too early", lambda d:
        testing.assert_monotone(stats.norm.ppf(U5), U5), ["ppf"]),
    ("draws_needed samples the draws array itself, its len() forgotten", lambda d:
        testing.draws_needed(0.1, samples=_draws()), ["samples", "array"]),
    ("ks_distance samples the rng itself, its normal(size=200) forgotten", lambda d:
        testing.ks_distance(_rng(), stats.norm.cdf), ["samples", "Generator"]),
    ("assert_cdf_matches samples the ContinuousInverseCDF sampler itself, its rvs() forgotten",
     lambda d: testing.assert_cdf_matches(_normal_sampler(), stats.norm.cdf),
     ["samples", "ContinuousInverseCDF"]),
    ("two_sample_distance y the rng itself, its normal(size=200) forgotten", lambda d:
        testing.two_sample_distance(_samples(), _rng()), ["y", "Generator"]),
    ("assert_same_distribution x the rng itself, its normal(size=200) forgotten", lambda d:
        testing.assert_same_distribution(_rng(), _samples()), ["x", "Generator"]),
    ("assert_labels_match labels the DiscreteInverseCDF sampler itself, its rvs() forgotten",
     lambda d: testing.assert_labels_match(_discrete(), P3), ["labels", "DiscreteInverseCDF"]),
    ("chi_square_pvalue counts the DiscreteInverseCDF sampler itself, not its counts",
     lambda d: testing.chi_square_pvalue(_discrete(), P3), ["counts", "DiscreteInverseCDF"]),
    ("strategies symmetric_proposals n the probability vector itself, its len() forgotten",
     lambda d: _example(strategies.symmetric_proposals(np.array(P3))), ["n", "array"]),
    ("strategies probability_vectors max_size the draws array itself, its len() forgotten",
     lambda d: _example(strategies.probability_vectors(max_size=_draws())),
     ["max_size", "array"]),
    ("strategies probability_vectors min_size the draws array itself, its len() forgotten",
     lambda d: _example(strategies.probability_vectors(min_size=_draws())),
     ["min_size", "array"]),
    ("strategies u_grids max_size the grid array itself, its len() forgotten", lambda d:
        _example(strategies.u_grids(max_size=_grid())), ["max_size", "array"]),
    ("densities KnownDensity pdf its values at the edges, called too early", lambda d:
        densities.KnownDensity("normal", stats.norm.pdf(EDGES), stats.norm.cdf,
                               (-np.inf, np.inf)), ["pdf"]),
    ("densities KnownDensity cdf its values at the edges, called too early", lambda d:
        densities.KnownDensity("normal", stats.norm.pdf, stats.norm.cdf(EDGES),
                               (-np.inf, np.inf)), ["cdf"]),
    ("strategies uniforms_near_edges p the DiscreteInverseCDF sampler itself, not its p",
     lambda d: _example(strategies.uniforms_near_edges(_discrete())),
     ["p", "DiscreteInverseCDF"]),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES,
           "samplers": SAMPLER_CASES, "diagnostics": DIAGNOSTIC_CASES,
           "testing kit": TESTING_CASES}

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


def test_the_hundredfiftythird_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfiftythird.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
