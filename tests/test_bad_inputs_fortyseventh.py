"""A forty-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 8625971, from the user's side
only: the README; the public names (``__all__`` where there is one) and signatures of
``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and its modules
(``finite_chain``, ``interpolation``, ``step_size``, ``mixing``, ``tails``, ``quadrature``,
``diagnostics``), the public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``,
``testing``, ``testing.densities`` and ``figures.style``; after the first run (to judge the
misses only) the docstrings of ``autodiff.tree_flatten``, ``sampling.metropolis`` and
``figures.style.check_positive_numbers``; and the earlier batteries' ids, layout and shared
helpers (imported, not copied). Not read: the body of any validation code (``checks.py``,
``_checks.py``, ``check_*``, ``protocol.py``), the library's source, its history, anything of
/work/main. No ``__main__`` module was imported; no case writes anywhere but its temporary
folder (the text files are written and opened there; the figures case makes its figure in
memory only).

Areas (library side only; the command line, Chapter 2, strategies, checkpoints, nn/optim, task
families and Omniglot are another writer's), as written: the autodiff engine -- ops, grad,
vjp, jvp, jacobian, hessian, value_and_grad, trees (19), gradcheck -- check_grads, hvp (8),
samplers -- grid and named inverse CDFs, from_density, the inverse CDFs' sample and rvs,
Metropolis, quadrature, tails, mixing, step size, finite_chain (35), diagnostics (9), the
testing kit and its densities (20), ``figures.style`` helpers (7), the ``memory`` functions
(2): 100. No ``SCRATCHMETA_KEEP_FREED_MEMORY`` value was drafted (its values were found
exhausted by the forty-first to forty-third batteries), and no hypothesis-strategy case was
written (for time: a 15-minute budget).

Kinds of bad value, none named by an earlier id on that function and argument: a
``numpy.poly1d`` (a constant polynomial ``np.poly1d([v])``, which NumPy reads as its
coefficients, an array of shape (1,)) where a number, a count, an axis or a tolerance is meant
-- used before only on Chapter 2's side (the forty-fourth battery), never on the engine,
gradcheck, samplers, testing kit, figures or memory (mean, squeeze, concatenate, expand_dims
and sum axis, var and std ddof, jacobian argnum, grad and value_and_grad argnums, norm ord,
check_grads eps, rtol and order, grid_inverse_cdf n and lo, exponential rate, cauchy and
laplace loc, logistic scale, weibull shape, pareto alpha, metropolis n_steps and step_size,
from_density and explore u_resolution, integrate n, find_center a, noise_floor repeats,
fixed_step_chains steps, walks_from_one_start chains, check_symmetric_proposal n,
optimal_acceptance dim, dkw_epsilon and chi_square_power n, assert_inverts u_resolution,
assert_cdf_matches, assert_labels_match and assert_same_distribution alpha, draws_needed
samples, smallest_detectable beta, density beta b, student_t df, triangular hi, uniform lo,
pareto alpha, style subplots nrows, check_count value, check_positive_numbers n,
keep_freed_memory mmap_threshold and trim_threshold); a user's function that returns its
polynomial object (``np.poly1d([1.0, 0.5])``) instead of its values at x -- the user forgot
to call it (grad, hessian, vjp, check_grads and hvp fun; grid_inverse_cdf and from_density
pdf, metropolis log_density, integrate f, total_variation and assert_cdf_matches cdf,
assert_monotone ppf); an open text file of numbers (``open(path)``, a ``TextIOWrapper``),
the file object itself where its numbers are meant (exp and hvp x, stack xs, matmul a,
tree_flatten tree, jvp tangents, hvp v, metropolis x0, DiscreteInverseCDF p, density_values
x, bin_masses edges, the draws of split_rhat, ess_bulk, ess_tail, ess_mean, mcse_mean,
mcse_sd, rank_normalize and diagnose, quantile_type7 x, assert_monotone u, ks_distance
samples, chi_square_pvalue counts, two_sample_distance y, density normal_mixture scales, style
check_numbers x and check_axes ax); a ``PCG64`` bit generator where a numpy Generator or a
seed is meant (check_grads rng, DiscreteInverseCDF sample rng and rvs random_state,
noise_floor rng, step_size_sweep rngs, style check_seed seed), and the ``numpy.random``
module itself (metropolis rng, ContinuousInverseCDF sample rng, fixed_step_chains rng, style
check_seed seed). Mentions: the argument's name as in the signature (the ``name`` given for
``style``'s checkers that take one) and the value's type: ``poly1d``, ``TextIOWrapper``,
``PCG64``, ``module``.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 7,536 id-like tuple heads by a regex at the start of each
case tuple) were compared with every draft by token overlap (Jaccard, filler words left out);
each pair at 0.45 or more was listed, every pair at 0.6 or more was read, and for each draft
the earlier ids on the same function and argument were grepped for the same kind (any one-shot
iterator or dict view, a poly1d, a file, a bit generator, a module). A first draft of 98 cases
(all before any run) used four iterator-like kinds -- a ``zip`` object, a ``filter`` object,
a ``dict_keys`` view, ``reversed(list)`` -- and a function returning one; the grep found 35 of
the 98 repeating, on the same function and argument, the substance of an earlier one-shot
iterator or dict view (a generator, a ``list_iterator``, a ``dict_values`` view), e.g.
``discrete ppf u a reversed iterator`` (after ``discrete ppf u a list_iterator``), ``style
check_record value a dict_keys view`` (after ``... a dict_values view``), ``hvp v a reversed
iterator`` (after ``hvp v a generator``), ``check_grads fun returning a filter object``
(after ``check_grads fun returning a generator``), ``split_rhat draws a zip object of
chains`` (after ``split_rhat draws a generator``). The whole draft was removed (98 drafted,
98 removed: the rest of it would have been the same few kinds thinly spread) and replaced,
still before any run, by the 100 cases here. Of these, the pairs at 0.6 or more were all read
and kept, as another function or another kind: the poly1d ids next to the forty-fourth
battery's poly1d on other functions (``format_interval mean``, ``batch_norm eps`` and
``scale``, ``train``/``evaluate n_steps``) and next to ``norm ord``, ``density student_t
df``, ``style check_count value`` and ``keep_freed_memory trim_threshold`` ``a numpy bool``
(another kind); the PCG64 ids next to the forty-fourth's on Chapter 2's rngs; ``metropolis
rng``, ``fixed_step_chains rng`` and ``continuous sample rng the numpy.random module`` next to
``check_grads rng`` and ``discrete sample rng the numpy.random module`` (other functions; the
continuous and the discrete inverse CDF's ``sample`` are two methods). ``metropolis rng a bit
generator`` exists, so no bit generator was given to metropolis.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (0, 4)`` were kept (``_kept``): 61 of the 100, 60
after the drop. After the first run a case could only be dropped or corrected, never added or
swapped.

Dropped (``DROPPED``, 1): ``tree_flatten tree an open text file`` (kept; silent) -- valid:
tree_flatten's docstring makes anything but nested lists, tuples, namedtuples, dicts (and
sets, refused) one leaf, so the file object is one leaf, as documented.
Corrected (wrong in itself, 1): ``metropolis log_density returning a numpy poly1d`` (kept;
silent) had no fault as written: the poly1d has two coefficients and the default x0 two
chains, so NumPy read it as one constant log density per chain, shape (chains,), which the
docstring allows ("up to an additive constant"); the case now starts three chains
(``x0=np.zeros((3, 1))``), so the returned poly1d has the wrong length, as meant.

First run at 8625971 (about 1.3 s as a script and with --written, 3 s under pytest), before
the drop and the correction: kept, 53 of 61 clear (86.9%), 6 unclear (9.8%), 2 silent (3.3%),
0 data loss; written, 91 of 100 clear (91.0%), 7 unclear (7.0%), 2 silent (2.0%), 0 data
loss. After them: kept, 53 of 60 clear (88.3%), 7 unclear (11.7%), 0 silent, 0 data loss --
engine 11/11, gradcheck 5/5, samplers 16/21, diagnostics 6/6, testing kit 10/12, figures 4/4,
memory 1/1. Written, 91 of 99 clear (91.9%), 8 unclear (8.1%), 0 silent, 0 data loss --
engine 18/18, gradcheck 8/8, samplers 30/35, diagnostics 9/9, testing kit 18/20, figures
6/7, memory 2/2. Every poly1d-as-a-number, open-file, PCG64 and numpy.random-module case was
clear but one (``style check_positive_numbers n``); every miss but that one is a user's
function returning its poly1d.

Not clear, kept (all seven the same pattern: the message names the argument and the wrong
shape NumPy reads from the returned poly1d, never that a poly1d was returned; arguable, as
the forty-fourth's ``MLP apply x a numpy poly1d``: the poly1d is array-like and its shape is
wrong, and the message says what shape was owed):
- ``grid_inverse_cdf pdf returning a numpy poly1d``: unclear -- TypeError "pdf must be
  vectorised: given an array of shape (4097,) it must return one density per point, but it
  returned shape (2,)".
- ``metropolis log_density returning a numpy poly1d`` (as corrected): unclear -- ValueError
  "log_density must map an array of shape (chains, dim) to shape (chains,), i.e. (3,); it
  returned shape (2,): dtype float64 (an array of shape (2,))".
- ``from_density pdf returning a numpy poly1d``: unclear -- TypeError "pdf must be
  vectorised: ... shape (4867,) ... but it returned shape (2,)".
- ``integrate f returning a numpy poly1d``: unclear -- ValueError "f must be vectorised: given
  an array of shape (8,) it must return one value per point, but it returned shape (2,)".
- ``total_variation cdf returning a numpy poly1d``: unclear -- ValueError "cdf must be a CDF:
  at the edges it must return one number in [0, 1] per edge, never decreasing, got array([1. ,
  0.5]) (shape (2,)) for edges of shape (5,)".
- ``assert_monotone ppf returning a numpy poly1d``: unclear -- ValueError "ppf must be
  vectorised, returning one value per u: got shape (2,) for u of shape (5,)".
- ``assert_cdf_matches cdf returning a numpy poly1d``: unclear -- ValueError "cdf must map an
  array of draws to an array of the same shape ...; got shape (2,) for (200,) ...".
Not clear, written and not kept:
- ``style check_positive_numbers n a numpy poly1d``: unclear -- TypeError "widths must be
  widths ( [a line break] 2 numbers), got [1.0, 2.0]": the poly1d's own two-line str is
  printed as the count, and the message blames the (right) values, naming neither ``n`` nor
  the poly1d.
  (``tree_flatten tree an open text file``, silent, is dropped as valid, above.)

Measured on main at 3923558 (8625971 plus round 31, made with sight of the forty-sixth
battery only): the same, kept 53 of 60 clear (88.3%), 7 unclear, 0 silent, 0 data loss;
written, 91 of 99. All seven kept misses are one kind: a user's function that returns its
``numpy.poly1d`` instead of the polynomial's values. Round 32 (with sight of this file, so not
blind): the samplers and the testing kit refuse a poly1d returned by a user's function by
name, saying to return p(x); ``check_positive_numbers`` checks that its count ``n`` is an int.
After it: all 60 kept and all 99 written clear.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  laplace, logistic, mcse_mean, mcse_sd, optimal_acceptance,
                                  pareto, rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples, _sweep
from test_bad_inputs_twentyfirst import _edges, _ppf_sampler
from test_bad_inputs_twentyfifth import _fixed, _noise, _walks25
from test_bad_inputs_thirtyfifth import _figure

POLY = "poly1d"          # numpy.poly1d: array-like (its coefficients), not a number
FILE = "TextIOWrapper"   # an open text file of numbers where an array is meant
PCG = "PCG64"            # a bit generator where a numpy Generator is meant
MOD = "module"           # the numpy.random module itself where a Generator is meant

_ALIVE = []
_P = np.poly1d([1.0, 0.5])   # a user's polynomial, returned instead of its values p(x)


def _poly(value):
    """``np.poly1d([value])``: a constant polynomial; NumPy reads it as its coefficients."""
    return np.poly1d([value])


def _textfile(d, values=(0.1, 0.5, 0.9)):
    """An open text file (mode 'r', in the case's folder) holding the numbers, one a line:
    the file object itself, not the numbers read from it."""
    path = d / "numbers.txt"
    path.write_text("".join(f"{v}\n" for v in values))
    f = open(path)
    _ALIVE.append(f)
    return f


def _pcg():
    """A PCG64 bit generator: the engine under a Generator, not a Generator."""
    return np.random.PCG64(0)


def _returning_poly(*args, **kwargs):
    """A user's function that returns its polynomial object instead of its values at x."""
    return _P


def _kept_figure():
    fig = _figure()
    _ALIVE.append(fig)
    return fig


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("mean axis a numpy poly1d", lambda d: ad.mean(np.ones((2, 3)), axis=_poly(0)),
     ["axis", POLY]),
    ("grad of a fun returning a numpy poly1d", lambda d: ad.grad(_returning_poly)(X3),
     ["fun", POLY]),
    ("var ddof a numpy poly1d", lambda d: ad.var(X3, ddof=_poly(1)), ["ddof", POLY]),
    ("exp x an open text file of numbers", lambda d: ad.exp(_textfile(d)), ["x", FILE]),
    ("jacobian argnum a numpy poly1d", lambda d: ad.jacobian(
        lambda x: x * 2.0, argnum=_poly(0))(X3), ["argnum", POLY]),
    ("std ddof a numpy poly1d", lambda d: ad.std(X3, ddof=_poly(1)), ["ddof", POLY]),
    ("squeeze axis a numpy poly1d", lambda d: ad.squeeze(np.ones((3, 1)), axis=_poly(1)),
     ["axis", POLY]),
    ("hessian of a fun returning a numpy poly1d", lambda d: ad.hessian(_returning_poly)(X3),
     ["fun", POLY]),
    ("concatenate axis a numpy poly1d", lambda d: ad.concatenate([X3, X3], axis=_poly(0)),
     ["axis", POLY]),
    ("stack xs an open text file of numbers", lambda d: ad.stack(_textfile(d)),
     ["xs", FILE]),
    ("expand_dims axis a numpy poly1d", lambda d: ad.expand_dims(X3, _poly(1)),
     ["axis", POLY]),
    ("grad argnums a numpy poly1d", lambda d: ad.grad(_square, argnums=_poly(0))(X3),
     ["argnums", POLY]),
    ("norm ord a numpy poly1d", lambda d: ad.norm(X3, ord=_poly(2)), ["ord", POLY]),
    ("vjp of a fun returning a numpy poly1d", lambda d: ad.vjp(_returning_poly, X3),
     ["fun", POLY]),
    ("matmul a an open text file of numbers", lambda d: ad.matmul(_textfile(d), np.eye(3)),
     ["a", FILE]),
    ("value_and_grad argnums a numpy poly1d", lambda d: ad.value_and_grad(
        _square, argnums=_poly(0))(X3), ["argnums", POLY]),
    ("tree_flatten tree an open text file", lambda d: ad.tree_flatten(_textfile(d)),
     ["tree", FILE]),
    ("sum axis a numpy poly1d", lambda d: ad.sum(np.ones((2, 3)), axis=_poly(1)),
     ["axis", POLY]),
    ("jvp tangents an open text file of numbers", lambda d: ad.jvp(
        _square, (X3,), (_textfile(d),)), ["tangents", FILE]),
]

GRADCHECK_CASES = [
    ("check_grads eps a numpy poly1d", lambda d: check_grads(_square, (X3,), eps=_poly(1e-6)),
     ["eps", POLY]),
    ("check_grads rng a PCG64 bit generator", lambda d: check_grads(
        _square, (X3,), rng=_pcg()), ["rng", PCG]),
    ("check_grads order a numpy poly1d", lambda d: check_grads(
        _square, (X3,), order=_poly(2)), ["order", POLY]),
    ("hvp x an open text file of numbers", lambda d: hvp(_square, _textfile(d), X3),
     ["x", FILE]),
    ("check_grads fun returning a numpy poly1d", lambda d: check_grads(
        _returning_poly, (X3,)), ["fun", POLY]),
    ("check_grads rtol a numpy poly1d", lambda d: check_grads(
        _square, (X3,), rtol=_poly(1e-6)), ["rtol", POLY]),
    ("hvp v an open text file of numbers", lambda d: hvp(_square, X3, _textfile(d)),
     ["v", FILE]),
    ("hvp fun returning a numpy poly1d", lambda d: hvp(_returning_poly, X3, X3),
     ["fun", POLY]),
]

SAMPLER_CASES = [
    ("grid_inverse_cdf n a numpy poly1d", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, 3.0, n=_poly(64)), ["n", POLY]),
    ("grid_inverse_cdf pdf returning a numpy poly1d", lambda d: grid_inverse_cdf(
        _returning_poly, -3.0, 3.0), ["pdf", POLY]),
    ("grid_inverse_cdf lo a numpy poly1d", lambda d: grid_inverse_cdf(
        _normal_pdf, _poly(-3.0), 3.0), ["lo", POLY]),
    ("exponential rate a numpy poly1d", lambda d: exponential(_poly(1.0)), ["rate", POLY]),
    ("cauchy loc a numpy poly1d", lambda d: cauchy(loc=_poly(0.5)), ["loc", POLY]),
    ("logistic scale a numpy poly1d", lambda d: logistic(scale=_poly(1.0)), ["scale", POLY]),
    ("laplace loc a numpy poly1d", lambda d: laplace(loc=_poly(0.5)), ["loc", POLY]),
    ("weibull shape a numpy poly1d", lambda d: weibull(_poly(1.5)), ["shape", POLY]),
    ("pareto alpha a numpy poly1d", lambda d: pareto(_poly(2.0)), ["alpha", POLY]),
    ("metropolis rng the numpy.random module", lambda d: _metropolis(rng=np.random),
     ["rng", MOD]),
    ("metropolis n_steps a numpy poly1d", lambda d: _metropolis(n_steps=_poly(20)),
     ["n_steps", POLY]),
    ("metropolis x0 an open text file of numbers", lambda d: _metropolis(x0=_textfile(d)),
     ["x0", FILE]),
    ("metropolis step_size a numpy poly1d", lambda d: _metropolis(step_size=_poly(0.5)),
     ["step_size", POLY]),
    ("metropolis log_density returning a numpy poly1d", lambda d: _metropolis(
        log_density=_returning_poly, x0=np.zeros((3, 1))), ["log_density", POLY]),
    ("DiscreteInverseCDF p an open text file of probabilities", lambda d: DiscreteInverseCDF(
        _textfile(d, (0.2, 0.3, 0.5))), ["p", FILE]),
    ("discrete sample rng a PCG64 bit generator", lambda d: _discrete().sample(5, _pcg()),
     ["rng", PCG]),
    ("continuous sample rng the numpy.random module", lambda d: _ppf_sampler().sample(
        5, np.random), ["rng", MOD]),
    ("discrete rvs random_state a PCG64 bit generator", lambda d: _discrete().rvs(
        5, random_state=_pcg()), ["random_state", PCG]),
    ("from_density pdf returning a numpy poly1d", lambda d: ContinuousInverseCDF.from_density(
        _returning_poly), ["pdf", POLY]),
    ("from_density u_resolution a numpy poly1d", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, u_resolution=_poly(1e-8)), ["u_resolution", POLY]),
    ("integrate n a numpy poly1d", lambda d: integrate(np.sin, 0.0, 1.0, n=_poly(8)),
     ["n", POLY]),
    ("integrate f returning a numpy poly1d", lambda d: integrate(_returning_poly, 0.0, 1.0),
     ["f", POLY]),
    ("density_values x an open text file of numbers", lambda d: density_values(
        _normal_pdf, _textfile(d)), ["x", FILE]),
    ("find_center a a numpy poly1d", lambda d: find_center(_normal_pdf, _poly(-3.0), 3.0),
     ["a", POLY]),
    ("explore u_resolution a numpy poly1d", lambda d: explore(
        _normal_pdf, _normal_pdf, -3.0, 3.0, u_resolution=_poly(1e-10)),
     ["u_resolution", POLY]),
    ("bin_masses edges an open text file of numbers", lambda d: bin_masses(
        _textfile(d, (-1.0, 0.0, 1.0)), stats.norm.cdf), ["edges", FILE]),
    ("total_variation cdf returning a numpy poly1d", lambda d: total_variation(
        _samples(), _edges(), _returning_poly), ["cdf", POLY]),
    ("noise_floor rng a PCG64 bit generator", lambda d: _noise(rng=_pcg()), ["rng", PCG]),
    ("noise_floor repeats a numpy poly1d", lambda d: _noise(repeats=_poly(2)),
     ["repeats", POLY]),
    ("fixed_step_chains rng the numpy.random module", lambda d: _fixed(rng=np.random),
     ["rng", MOD]),
    ("fixed_step_chains steps a numpy poly1d", lambda d: _fixed(steps=_poly(5)),
     ["steps", POLY]),
    ("step_size_sweep rngs a list of PCG64 bit generators", lambda d: _sweep(
        rngs=[_pcg()]), ["rngs", PCG]),
    ("walks_from_one_start chains a numpy poly1d", lambda d: _walks25(chains=_poly(2)),
     ["chains", POLY]),
    ("check_symmetric_proposal n a numpy poly1d", lambda d: check_symmetric_proposal(
        np.full((3, 3), 1.0 / 3.0), _poly(3)), ["n", POLY]),
    ("optimal_acceptance dim a numpy poly1d", lambda d: optimal_acceptance(_poly(2)),
     ["dim", POLY]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws an open text file of numbers", lambda d: split_rhat(_textfile(d)),
     ["draws", FILE]),
    ("ess_bulk draws an open text file of numbers", lambda d: ess_bulk(_textfile(d)),
     ["draws", FILE]),
    ("mcse_mean draws an open text file of numbers", lambda d: mcse_mean(_textfile(d)),
     ["draws", FILE]),
    ("quantile_type7 x an open text file of numbers", lambda d: quantile_type7(
        _textfile(d), 0.5), ["x", FILE]),
    ("rank_normalize draws an open text file of numbers", lambda d: rank_normalize(
        _textfile(d)), ["draws", FILE]),
    ("ess_tail draws an open text file of numbers", lambda d: ess_tail(_textfile(d)),
     ["draws", FILE]),
    ("diagnose draws an open text file of numbers", lambda d: diagnose(_textfile(d)),
     ["draws", FILE]),
    ("mcse_sd draws an open text file of numbers", lambda d: mcse_sd(_textfile(d)),
     ["draws", FILE]),
    ("ess_mean draws an open text file of numbers", lambda d: ess_mean(_textfile(d)),
     ["draws", FILE]),
]

TESTING_CASES = [
    ("dkw_epsilon n a numpy poly1d", lambda d: testing.dkw_epsilon(_poly(1000)),
     ["n", POLY]),
    ("assert_monotone u an open text file of numbers", lambda d: testing.assert_monotone(
        stats.norm.ppf, _textfile(d)), ["u", FILE]),
    ("assert_monotone ppf returning a numpy poly1d", lambda d: testing.assert_monotone(
        _returning_poly, np.linspace(0.1, 0.9, 5)), ["ppf", POLY]),
    ("assert_inverts u_resolution a numpy poly1d", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, np.linspace(0.1, 0.9, 5), _poly(1e-8)),
     ["u_resolution", POLY]),
    ("assert_cdf_matches alpha a numpy poly1d", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alpha=_poly(1e-6)), ["alpha", POLY]),
    ("ks_distance samples an open text file of numbers", lambda d: testing.ks_distance(
        _textfile(d), stats.norm.cdf), ["samples", FILE]),
    ("assert_labels_match alpha a numpy poly1d", lambda d: testing.assert_labels_match(
        np.array([0, 1, 0, 1]), [0.5, 0.5], alpha=_poly(1e-6)), ["alpha", POLY]),
    ("assert_same_distribution alpha a numpy poly1d", lambda d:
        testing.assert_same_distribution(_samples(), _samples(), alpha=_poly(1e-6)),
     ["alpha", POLY]),
    ("draws_needed samples a numpy poly1d", lambda d: testing.draws_needed(
        0.1, samples=_poly(1)), ["samples", POLY]),
    ("smallest_detectable beta a numpy poly1d", lambda d: testing.smallest_detectable(
        1000, beta=_poly(1e-6)), ["beta", POLY]),
    ("chi_square_pvalue counts an open text file of counts", lambda d:
        testing.chi_square_pvalue(_textfile(d, (3, 5, 2)), [0.3, 0.5, 0.2]),
     ["counts", FILE]),
    ("chi_square_power n a numpy poly1d", lambda d: testing.chi_square_power(
        [0.5, 0.5], [0.4, 0.6], _poly(1000)), ["n", POLY]),
    ("two_sample_distance y an open text file of numbers", lambda d:
        testing.two_sample_distance(_samples(), _textfile(d)), ["y", FILE]),
    ("assert_cdf_matches cdf returning a numpy poly1d", lambda d: testing.assert_cdf_matches(
        _samples(), _returning_poly), ["cdf", POLY]),
    ("density beta b a numpy poly1d", lambda d: densities.beta(2.0, _poly(2.0)),
     ["b", POLY]),
    ("density student_t df a numpy poly1d", lambda d: densities.student_t(_poly(3.0)),
     ["df", POLY]),
    ("density triangular hi a numpy poly1d", lambda d: densities.triangular(
        0.0, 0.5, _poly(1.0)), ["hi", POLY]),
    ("density uniform lo a numpy poly1d", lambda d: densities.uniform(_poly(0.0), 1.0),
     ["lo", POLY]),
    ("density normal_mixture scales an open text file of numbers", lambda d:
        densities.normal_mixture([0.2, 0.3, 0.5], [0.0, 1.0, 2.0], _textfile(d)),
     ["scales", FILE]),
    ("density pareto alpha a numpy poly1d", lambda d: densities.pareto(_poly(2.0)),
     ["alpha", POLY]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style subplots nrows a numpy poly1d", lambda d: style.subplots(nrows=_poly(1)),
     ["nrows", POLY]),
    ("style check_seed seed a PCG64 bit generator", lambda d: style.check_seed(_pcg()),
     ["seed", PCG]),
    ("style check_count value a numpy poly1d", lambda d: style.check_count(
        "count", _poly(3)), ["count", POLY]),
    ("style check_numbers x an open text file of numbers", lambda d: style.check_numbers(
        "values", _textfile(d)), ["values", FILE]),
    ("style check_positive_numbers n a numpy poly1d", lambda d:
        style.check_positive_numbers("widths", [1.0, 2.0], _poly(2), "widths"), ["n", POLY]),
    ("style check_seed seed the numpy.random module", lambda d: style.check_seed(np.random),
     ["seed", MOD]),
    ("style check_axes ax an open text file", lambda d: style.check_axes(_textfile(d)),
     ["ax", FILE]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a numpy poly1d", lambda d: memory.keep_freed_memory(
        mmap_threshold=_poly(1 << 20)), ["mmap_threshold", POLY], None),
    ("keep_freed_memory trim_threshold a numpy poly1d", lambda d: memory.keep_freed_memory(
        trim_threshold=_poly(1 << 20)), ["trim_threshold", POLY], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "tree_flatten tree an open text file": "valid: tree_flatten's docstring makes anything "
    "but nested lists, tuples, namedtuples, dicts and sets one leaf, so the file object is "
    "one leaf, as documented (no error, and none is owed)",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 4)."""
    return kept_cases(cases, (0, 4), DROPPED)


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


def test_the_fortyseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fortyseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
