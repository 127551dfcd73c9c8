"""A thirty-third battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 5b2d5cc, from the user's side
only: the README; ``__all__`` (or the public names) and the signatures of
``scratchmeta.autodiff``, ``gradcheck``, ``sampling`` and its modules (``diagnostics``,
``finite_chain``, ``interpolation``, ``mixing``, ``quadrature``, ``step_size``, ``tails``),
``testing`` and ``testing.densities``, ``memory`` and ``figures.style``; after the first run
(to judge the misses only) the docstrings of ``grad``, ``value_and_grad``, ``hvp``,
``metropolis``, ``find_center``, ``explore``, ``split_rhat``, ``ess_bulk``, ``diagnose``,
``normal_scores``, ``assert_labels_match`` and of the ``sampling.diagnostics`` module; and the
earlier batteries' ids, layout and shared helpers (imported, not copied). Not read: the body of
any validation code (``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``), the
library's history, anything of /work/main. No ``__main__`` module was imported.

Areas (library side only; the command line, Chapter 2, strategies, checkpoints, nn/optim, task
families and Omniglot are another writer's), as written: the autodiff engine (20), gradcheck
(8), samplers -- inverse CDFs, the named distributions, Metropolis and its transition matrix,
quadrature, tails, step size, mixing (35), diagnostics (11), the testing kit with its densities
(16), the figures helpers in ``figures.style`` (8), the ``memory`` functions and
``SCRATCHMETA_KEEP_FREED_MEMORY`` (5): 103.

Kinds of bad value, chosen for what the earlier batteries had (almost) never used:
NumPy-made "tables" -- record arrays (``np.rec.fromarrays``: exp, einsum's operand, concatenate
xs, check_grads args, DiscreteInverseCDF p, metropolis x0, bin_masses edges, rank_normalize
draws, quantile_type7 x, assert_same_distribution y, chi_square_pvalue p, style.check_record),
structured arrays and a structured scalar (logsumexp, ess_tail draws, check_grads atol);
``np.matrix`` (always 2-D: where a 1-D vector is meant -- DiscreteInverseCDF p,
metropolis_transition_matrix p, noise_floor edges, assert_monotone u, assert_cdf_matches
samples, check_positive_numbers, check_seed, mmap_threshold -- and user callables returning one:
hessian/check_grads fun, metropolis log_density, integrate_many f, from_density pdf, ks_distance
cdf); type objects for values (``float`` as mean axis, check_grads eps, logistic scale, explore
pdf, diagnose draws, draws_needed alpha, smallest_detectable beta; ``int`` as trim_threshold;
a Primitive whose vjp is ``float``), a dtype object (sum axis, sample size), the
``numpy.random`` module for an rng, NumPy string scalars (tanh, broadcast_to shape,
grid_inverse_cdf hi, triangular hi), a Path (maximum, mcse_mean draws), a 0-d array (jacobian
argnum, DiscreteInverseCDF p), one-element arrays and lists (exponential rate, metropolis
step_size, student_t scale), ``np.True_`` (fixed_step_chains chains), a scipy distribution
object where its ``cdf`` is meant (total_variation, assert_cdf_matches), a ``functools.partial``
missing an argument (hvp fun), RandomStates in a list of rngs, an array of numeric strings, a
datetime64, complex, a Fraction, NaN in samples, words for the variable ('2', 'true', a
fullwidth one).

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 6,350 ids by regex) were compared with every draft by token
overlap (Jaccard, a few filler words left out); each pair at 0.45 or more was listed and every
pair at 0.6 or more was read, and the earlier ids on the same function and argument were
grepped. Of 192 drafted (in two rounds, each searched the same way), 89 were removed: 87
repeated an earlier case's substance -- e.g. ``hessian argnum 2**70``, ``jvp primals a
generator``, ``transpose axes repeating an axis`` (after ``transpose axes with a repeat``),
``squeeze an axis of length 2``, ``einsum two subscripts and one operand`` (after ``einsum one
operand for two``), ``mean axis 0.0`` (after ``mean axis 1.0``), ``norm ord the string 'inf'``,
``check_grads rng a float``, ``grid_inverse_cdf pdf returning negative values`` (after ``grid
negative density``), ``metropolis n_steps 20.0`` (after ``... a float64``), ``ess_tail prob
reversed``, ``density steps heights one too many`` (after ``... of another length``),
``cauchy loc a NumPy string scalar`` (after ``cauchy loc a string``), ``dkw_epsilon alpha a
NumPy string scalar``, ``opt-out value a zero after a byte-order mark`` -- and two were left
out while redrafting: ``add a bytes operand`` and ``two_sample_distance x a generator`` (near
the earlier ``... y a generator``). Kept although a pair reached 0.6, as another
function, argument or kind: ``value_and_grad``/``vjp of a fun returning a string`` (earlier:
jvp, hvp, jacobian, hessian), ``checked_density pdf returning complex`` (earlier:
from_density, density_values), ``assert_inverts cdf returning NaN`` (earlier: a string,
complex), ``ess_mean draws an array of numeric strings`` (earlier: a string), ``style save fig
a string`` (earlier: None), ``check_grads args holding a record array`` (earlier: a timedelta64
array). 103 written. Mentions: the argument's name as in the signature and the value's repr
where short, else the type's name (``recarray``, ``matrix``, ``float``, ``dtype``, ``module``,
``Path``, ``RandomState``); one-letter names also need the repr or the type.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 4)`` were kept (``_kept``): 63 of the 103.
After the first run a case could only be dropped or corrected, never added or swapped.

Dropped (``DROPPED``, 10: eight kept, ``hvp v an np.matrix`` and ``ess_bulk draws an
np.matrix`` not), documented valid: an ``np.matrix`` of the shape a 2-D (or any-shape) argument
takes is an array like any other and gave the plain array's result -- ``grad at an np.matrix``
(value_and_grad: "floats, arrays or nested lists ...", the gradient has "its argument's
structure"), ``hvp x``/``hvp v an np.matrix`` (so what was left is a v of another shape than x,
an earlier case), ``metropolis x0 an np.matrix`` (x0 "array, shape (chains, dim)"),
``ess_bulk draws an np.matrix``, ``normal_scores x an np.matrix`` ("for every entry of x"),
``assert_labels_match labels an np.matrix`` ("every label is an int in 0..N-1"); ``find_center
b inf`` (its NaN rule treats an end "like an infinite tail"); ``split_rhat draws 3-D`` (the
numbers are "per dimension"; "fewer than 4 draws per chain give NaN everywhere" with a
RuntimeWarning, which is what (2, 3, 40) got); ``diagnose draws of bools`` ("Boolean draws are
read as 0 and 1"). Corrected (the case's own fault): ``jacobian argnum a 0-d float array``
asked for "0.0", which is not the value's repr; it now asks for ``array(0.)`` (written, not
kept). Arguable, left in: ``hessian``/``check_grads fun returning an np.matrix`` return a
(1, 1) constant, so "not a scalar" is part of the matrix's fault.

First run at 5b2d5cc (about 1.2 s as a script, 2 to 3 s under pytest), after the drops and the
correction: kept, 43 of 55 clear (78.2%), 12 unclear (21.8%), 0 silent, 0 data loss -- engine
9/11, gradcheck 3/4, samplers 14/19, diagnostics 3/4, testing kit 6/9, figures 5/5,
environment 3/3. Written, 65 of 93 clear (69.9%), 28 unclear (30.1%), 0 silent, 0 data loss --
engine 14/19, gradcheck 4/6, samplers 21/33, diagnostics 5/7, testing kit 8/15, figures 8/8,
environment 5/5. Most misses are strict misses of the mention: the message names the argument
and the record dtype ``(numpy.record, [('v', '<f8')])`` rather than ``recarray``, or the
matrix's wrong shape ``(1, n)`` rather than ``matrix``, or says "NaN" for ``nan``. Read
leniently (those count as clear) the kept rate is 52 of 55 (94.5%) and the written 88 of 93
(94.6%).

Not clear, kept:
- ``einsum an operand a record array``: TypeError "einsum: ... operand must be an array of real
  numbers, got (3,) of dtype (numpy.record, [('v', '<f8')])" -- the dtype, not recarray
  (arguably clear).
- ``hessian of a fun returning an np.matrix``: ValueError "grad needs fun to return a scalar,
  but it returned an output of shape (1, 1)" -- names fun and the shape, not the matrix.
- ``check_grads fun returning an np.matrix``: TypeError "sum: cannot apply to (1, 1):
  matrix.sum() got an unexpected keyword argument 'keepdims'" -- an internal failure that does
  not name fun.
- ``DiscreteInverseCDF p a record array``: TypeError "p must be an array of real numbers
  (probabilities), got dtype (numpy.record, ...)" (arguably clear).
- ``metropolis_transition_matrix p an np.matrix``: ValueError "p must be 1-D ..., got shape
  (1, 2)" -- the shape, not the matrix (arguably clear).
- ``total_variation cdf the scipy distribution``: TypeError "cdf(edges) must be real numbers,
  one per edge, got ndarray array(<...rv_continuous_frozen ...>" -- names cdf and what it gave
  back, not the ``norm_gen`` object passed.
- ``step_size_sweep rngs of RandomStates``: TypeError "rng must be a numpy.random.Generator ...,
  got RandomState ..." -- names ``rng``, not ``rngs``.
- ``from_density pdf returning an np.matrix``: TypeError "pdf must be vectorised: ... it
  returned shape (1, 4867)" (arguably clear).
- ``rank_normalize draws a record array``: TypeError "draws must be an array of real numbers,
  got dtype (numpy.record, ...)" (arguably clear).
- ``ks_distance samples with NaN``: ValueError "samples contains 1 NaN and 0 inf draw(s) among
  its 201" -- "NaN", not ``nan`` (arguably clear).
- ``assert_monotone u an np.matrix``: ValueError "u must be a 1-D array of numbers in [0, 1],
  got shape (1, 5)" (arguably clear).
- ``ks_distance cdf returning an np.matrix``: ValueError "cdf must map an array of draws to an
  array of the same shape ...; got shape (1, 200) for (200,)" (arguably clear).
Not clear, written and not kept (all unclear): the record dtype named, not recarray, for ``exp
of a record array``, ``concatenate xs a record array``, ``check_grads args holding a record
array``, ``metropolis x0 a record array``, ``bin_masses edges a record array``,
``quantile_type7 x a record array``, ``assert_same_distribution y a record array``,
``chi_square_pvalue p a record array``; the shape named, not the matrix, for
``DiscreteInverseCDF p an np.matrix row``, ``metropolis log_density returning an np.matrix``,
``integrate_many f returning an np.matrix``, ``noise_floor edges an np.matrix``,
``assert_cdf_matches samples an np.matrix``; ``getitem by an array of floats``
(IndexValueError "index array([0., 1.]) ... must be of integer (or boolean) type": the value,
not "float"); ``assert_cdf_matches cdf the scipy distribution`` (TypeError "cdf must return
real numbers, got object values ... rv_continuous_frozen"); ``explore pdf the float type``
(TypeError "pdf raised TypeError when called on an array of shape (1141,): only 0-dimensional
arrays can be converted to Python scalars": names pdf, not the float type).

Measured on main at 5143a34 (5b2d5cc plus one fix made before this file was read, without
sight of it: the engine's ops refuse an np.matrix by name): the same, kept 43 of 55 clear
(78.2%), 12 unclear, 0 silent, 0 data loss. Round 21 (with sight of this file, so not blind):
the engine, the samplers and the testing kit name an ndarray subclass in their messages
(``a numpy.recarray``), and the samplers and the kit refuse an np.matrix by name, as an
argument and as what a user's function returned; ``grad``, ``hvp`` and ``check_grads`` name a
``fun`` that returns an np.matrix; ``getitem`` says the dtype of an index array; a class
(``float``) or a SciPy distribution object (``stats.norm``) given as a function is named as
such by the samplers and the kit; ``step_size_sweep`` names ``rngs[i]``; a sample with NaN
shows the first one. After it: all 55 kept and all 93 written clear.
"""

import functools
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  laplace, logistic, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, pareto,
                                  rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import checked_density, integrate, integrate_many
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fifteenth import _draws15
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples, _sweep
from test_bad_inputs_twentyfirst import _edges, _prim_sum
from test_bad_inputs_twentyfifth import _fixed, _noise, _walks25

VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
BIG = 2 ** 70


def _two_args(x, y):
    return ad.sum(ad.mul(x, y))


def _record(a):
    """A record array (one float field 'v') holding ``a``: a table, not an array of numbers."""
    return np.rec.fromarrays([np.asarray(a, dtype=float)], names="v")


STRUCT = "('a', '<f8')"


def _structured(a):
    """``a`` as a structured array of one float field 'a' (a table row per entry)."""
    out = np.zeros(np.shape(a), dtype=[("a", float)])
    out["a"] = a
    return out


def _matrix(a):
    """``a`` as an ``np.matrix`` (always 2-D, ``*`` is a matrix product)."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        return np.matrix(a)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad argnums a Fraction", lambda d: ad.grad(_two_args, argnums=Fraction(1))(X3, X3),
     ["argnums", "Fraction"]),
    ("value_and_grad of a fun returning a string", lambda d: ad.value_and_grad(
        lambda x: "loss")(X3), ["fun", "str"]),
    ("clip a_min complex", lambda d: ad.clip(X3, 0j, 1.0), ["a_min", "complex"]),
    ("var ddof 0.5", lambda d: ad.var(X3, ddof=0.5), ["ddof", "0.5"]),
    ("exp of a record array", lambda d: ad.exp(_record(X3)), ["recarray"]),
    ("grad at an np.matrix", lambda d: ad.grad(_square)(_matrix(X3)), ["matrix"]),
    ("std keepdims None", lambda d: ad.std(X3, keepdims=None), ["keepdims", "None"]),
    ("vjp of a fun returning a string", lambda d: ad.vjp(lambda x: "no", X3), ["fun", "str"]),
    ("mean axis the float type", lambda d: ad.mean(X3, axis=float), ["axis", "float"]),
    ("sum axis a dtype object", lambda d: ad.sum(X3, axis=np.dtype("int64")),
     ["axis", "dtype"]),
    ("logsumexp of a structured array", lambda d: ad.logsumexp(_structured(X3)),
     [STRUCT]),
    ("tanh of a NumPy string scalar", lambda d: ad.tanh(np.str_("1.0")), ["'1.0'"]),
    ("maximum with a Path", lambda d: ad.maximum(X3, d / "x"), ["Path"]),
    ("einsum an operand a record array", lambda d: ad.einsum("i,i->", X3, _record(X3)),
     ["recarray"]),
    ("getitem by an array of floats", lambda d: ad.getitem(X3, np.array([0.0, 1.0])),
     ["float"]),
    ("hessian of a fun returning an np.matrix", lambda d: ad.hessian(
        lambda x: _matrix([[1.0]]))(X3), ["fun", "matrix"]),
    ("jacobian argnum a 0-d float array", lambda d: ad.jacobian(
        _two_args, argnum=np.array(0.0))(X3, X3), ["argnum", "array(0.)"]),
    ("grad through a Primitive whose vjp is the float type", lambda d: ad.grad(
        _prim_sum("f_float_vjp", float))(X3), ["vjp", "float"]),
    ("broadcast_to shape holding a NumPy string", lambda d: ad.broadcast_to(
        X3, (np.str_("3"),)), ["'3'"]),
    ("concatenate xs a record array", lambda d: ad.concatenate(_record(X3)),
     ["xs", "recarray"]),
]

GRADCHECK_CASES = [
    ("hvp x an np.matrix", lambda d: hvp(_square, _matrix(X3), X3), ["x", "matrix"]),
    ("check_grads args holding a record array", lambda d: check_grads(
        _square, (_record(X3),)), ["args", "recarray"]),
    ("check_grads eps the float type", lambda d: check_grads(_square, (X3,), eps=float),
     ["eps", "float"]),
    ("check_grads rng the numpy.random module", lambda d: check_grads(
        _square, (X3,), rng=np.random), ["rng", "module"]),
    ("hvp v an np.matrix", lambda d: hvp(_square, X3, _matrix(X3)), ["v", "matrix"]),
    ("check_grads fun returning an np.matrix", lambda d: check_grads(
        lambda x: _matrix([[1.0]]), (X3,)), ["fun", "matrix"]),
    ("hvp fun a partial missing an argument", lambda d: hvp(
        functools.partial(_two_args), X3, X3), ["fun"]),
    ("check_grads atol a structured scalar", lambda d: check_grads(
        _square, (X3,), atol=_structured([1e-6])[0]), ["atol", "void"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p a record array", lambda d: DiscreteInverseCDF(
        _record([0.2, 0.3, 0.5])), ["p", "recarray"]),
    ("DiscreteInverseCDF p an np.matrix row", lambda d: DiscreteInverseCDF(
        _matrix([0.2, 0.3, 0.5])), ["p", "matrix"]),
    ("DiscreteInverseCDF p a 0-d array", lambda d: DiscreteInverseCDF(np.array(1.0)),
     ["p", "()"]),
    ("discrete sample size a dtype object", lambda d: _discrete().sample(
        np.dtype("int64"), _rng()), ["size", "dtype"]),
    ("discrete sample rng the numpy.random module", lambda d: _discrete().sample(
        3, np.random), ["rng", "module"]),
    ("grid_inverse_cdf lo complex", lambda d: grid_inverse_cdf(_normal_pdf, -3.0 + 0j, 3.0),
     ["lo", "complex"]),
    ("grid_inverse_cdf hi a NumPy string scalar", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, np.str_("3")), ["hi", "'3'"]),
    ("laplace scale None", lambda d: laplace(scale=None), ["scale", "None"]),
    ("weibull shape a list", lambda d: weibull([1.0, 2.0]), ["shape", "list"]),
    ("pareto scale True", lambda d: pareto(2.0, scale=True), ["scale", "True"]),
    ("exponential rate a one-element array", lambda d: exponential(np.array([2.0])),
     ["rate", "[2.]"]),
    ("logistic scale the float type", lambda d: logistic(scale=float), ["scale", "float"]),
    ("metropolis rng a list", lambda d: _metropolis(rng=[0]), ["rng", "list"]),
    ("metropolis x0 an np.matrix", lambda d: _metropolis(x0=_matrix([[0.0], [0.0]])),
     ["x0", "matrix"]),
    ("metropolis x0 a record array", lambda d: _metropolis(x0=_record([0.0, 0.0])),
     ["x0", "recarray"]),
    ("metropolis step_size a one-element list", lambda d: _metropolis(step_size=[0.5]),
     ["step_size", "[0.5]"]),
    ("metropolis log_density returning an np.matrix", lambda d: _metropolis(
        log_density=lambda x: _matrix(-0.5 * np.sum(x * x, axis=1))),
     ["log_density", "matrix"]),
    ("metropolis_transition_matrix Q not symmetric", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], np.array([[0.5, 0.5], [0.1, 0.9]])), ["Q", "symmetric"]),
    ("metropolis_transition_matrix p an np.matrix", lambda d: metropolis_transition_matrix(
        _matrix([0.5, 0.5]), np.full((2, 2), 0.5)), ["p", "matrix"]),
    ("integrate lo a string", lambda d: integrate(np.sin, "0", 1.0), ["lo", "'0'"]),
    ("integrate f None", lambda d: integrate(None, 0.0, 1.0), ["f", "None"]),
    ("integrate_many f returning an np.matrix", lambda d: integrate_many(
        lambda x: _matrix(np.sin(x)), [(0.0, 1.0, 8)]), ["f", "matrix"]),
    ("checked_density pdf returning complex", lambda d: checked_density(
        lambda x: np.asarray(x) + 0j)(X3), ["pdf", "complex"]),
    ("fixed_step_chains chains numpy True", lambda d: _fixed(chains=np.True_),
     ["chains", "True"]),
    ("step_size_sweep steps a string", lambda d: _sweep(steps="20"), ["steps", "'20'"]),
    ("total_variation cdf the scipy distribution", lambda d: total_variation(
        _samples(), _edges(), stats.norm), ["cdf", "norm"]),
    ("noise_floor sampler None", lambda d: _noise(sampler=None), ["sampler", "None"]),
    ("walks_from_one_start chains 2.0", lambda d: _walks25(chains=2.0), ["chains", "2.0"]),
    ("find_center b inf", lambda d: find_center(_normal_pdf, -1.0, np.inf), ["b", "inf"]),
    ("bin_masses edges a record array", lambda d: bin_masses(
        _record(_edges()), stats.norm.cdf), ["edges", "recarray"]),
    ("step_size_sweep rngs of RandomStates", lambda d: _sweep(
        rngs=[np.random.RandomState(0)]), ["rngs", "RandomState"]),
    ("explore pdf the float type", lambda d: explore(_normal_pdf, float, -1.0, 1.0),
     ["pdf", "float"]),
    ("from_density pdf returning an np.matrix", lambda d: ContinuousInverseCDF.from_density(
        lambda x: _matrix(_normal_pdf(x))), ["pdf", "matrix"]),
    ("walks_from_one_start step_sizes a list", lambda d: _walks25(step_sizes=[0.5]),
     ["step_sizes", "list"]),
    ("noise_floor edges an np.matrix", lambda d: _noise(edges=_matrix(_edges())),
     ["edges", "matrix"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws 3-D", lambda d: split_rhat(np.zeros((2, 3, 40))),
     ["draws", "(2, 3, 40)"]),
    ("ess_bulk draws an np.matrix", lambda d: ess_bulk(_matrix(_draws15())),
     ["draws", "matrix"]),
    ("rank_normalize draws a record array", lambda d: rank_normalize(_record(_draws15())),
     ["draws", "recarray"]),
    ("diagnose draws of bools", lambda d: diagnose(_draws15() > 0), ["draws", "bool"]),
    ("mcse_sd ragged chains", lambda d: mcse_sd([list(range(40)), list(range(30))]),
     ["draws"]),
    ("ess_tail draws a structured array", lambda d: ess_tail(_structured(_draws15())),
     ["draws", STRUCT]),
    ("quantile_type7 x a record array", lambda d: quantile_type7(_record(_samples()), 0.5),
     ["x", "recarray"]),
    ("normal_scores x an np.matrix", lambda d: normal_scores(_matrix(_samples(5))),
     ["x", "matrix"]),
    ("diagnose draws the float type", lambda d: diagnose(float), ["draws", "float"]),
    ("mcse_mean draws a Path", lambda d: mcse_mean(d / "draws.npy"), ["draws", "Path"]),
    ("ess_mean draws an array of numeric strings", lambda d: ess_mean(
        _draws15().astype(str)), ["draws", "str"]),
]

TESTING_CASES = [
    ("assert_inverts cdf returning NaN", lambda d: testing.assert_inverts(
        stats.norm.ppf, lambda x: np.full(np.shape(x), np.nan), np.linspace(0.1, 0.9, 5),
        1e-10), ["cdf", "nan"]),
    ("assert_cdf_matches cdf the scipy distribution", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm), ["cdf", "norm"]),
    ("ks_distance samples with NaN", lambda d: testing.ks_distance(
        np.append(_samples(), np.nan), stats.norm.cdf), ["samples", "nan"]),
    ("density pareto alpha complex", lambda d: densities.pareto(2 + 0j), ["alpha", "complex"]),
    ("density uniform lo a datetime64", lambda d: densities.uniform(
        np.datetime64("2020-01-01"), 1.0), ["lo", "datetime64"]),
    ("assert_monotone u an np.matrix", lambda d: testing.assert_monotone(
        stats.norm.ppf, _matrix(np.linspace(0.1, 0.9, 5))), ["u", "matrix"]),
    ("assert_same_distribution y a record array", lambda d: testing.assert_same_distribution(
        _samples(), _record(_samples())), ["y", "recarray"]),
    ("assert_labels_match labels an np.matrix", lambda d: testing.assert_labels_match(
        _matrix([0, 1, 1]), [0.5, 0.5]), ["labels", "matrix"]),
    ("draws_needed alpha the float type", lambda d: testing.draws_needed(0.1, alpha=float),
     ["alpha", "float"]),
    ("chi_square_pvalue p a record array", lambda d: testing.chi_square_pvalue(
        [5, 5], _record([0.5, 0.5])), ["p", "recarray"]),
    ("density student_t scale a one-element list", lambda d: densities.student_t(
        3.0, scale=[1.0]), ["scale", "[1.0]"]),
    ("density laplace loc an np.matrix", lambda d: densities.laplace(loc=_matrix([[0.0]])),
     ["loc", "matrix"]),
    ("density triangular hi a NumPy string scalar", lambda d: densities.triangular(
        0.0, 0.5, np.str_("2")), ["hi", "'2'"]),
    ("ks_distance cdf returning an np.matrix", lambda d: testing.ks_distance(
        _samples(), lambda x: _matrix(stats.norm.cdf(x))), ["cdf", "matrix"]),
    ("assert_cdf_matches samples an np.matrix", lambda d: testing.assert_cdf_matches(
        _matrix(_samples()), stats.norm.cdf), ["samples", "matrix"]),
    ("smallest_detectable beta the float type", lambda d: testing.smallest_detectable(
        100, beta=float), ["beta", "float"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_count a Fraction", lambda d: style.check_count("repeats", Fraction(3, 2)),
     ["repeats", "Fraction"]),
    ("style check_seed a numpy float", lambda d: style.check_seed(np.float64(1.0)),
     ["seed", "1.0"]),
    ("style check_numbers a complex entry", lambda d: style.check_numbers(
        "values", [1.0, 2j]), ["values", "complex"]),
    ("style subplots size a number", lambda d: style.subplots(size=3), ["size", "3"]),
    ("style check_record a record array", lambda d: style.check_record(
        "record", _record([1.0]), ("v",)), ["record", "recarray"]),
    ("style check_positive_numbers an np.matrix", lambda d: style.check_positive_numbers(
        "widths", _matrix([1.0, 2.0]), 2, "widths"), ["widths", "matrix"]),
    ("style save fig a string", lambda d: style.save("figure", d, "plot"),
     ["fig", "'figure'"]),
    ("style check_seed an np.matrix", lambda d: style.check_seed(_matrix([[3]])),
     ["seed", "matrix"]),
]

MEMORY_CASES = [
    ("opt-out value '2'", lambda d: memory.opt_out_value(), [VAR, "'2'"], {VAR: "2"}),
    ("unless_opted_out 'true'", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR, "'true'"], {VAR: "true"}),
    ("unless_opted_out a fullwidth one", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR, "'\uff11'"], {VAR: "\uff11"}),
    ("keep_freed_memory trim_threshold the int type", lambda d: memory.keep_freed_memory(
        trim_threshold=int), ["trim_threshold", "int"], None),
    ("keep_freed_memory mmap_threshold an np.matrix", lambda d: memory.keep_freed_memory(
        mmap_threshold=_matrix([[65536]])), ["mmap_threshold", "matrix"], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "environment": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "grad at an np.matrix": "documented: value_and_grad (which grad follows) takes 'floats, "
        "arrays or nested lists ...' and gives each gradient 'its argument's structure'; an "
        "np.matrix is an ndarray of shape (1, 3), and its gradient is that of the (1, 3) array",
    "hvp x an np.matrix": "valid as 'grad at an np.matrix' (a matrix is a (1, 3) array); what "
        "is left is a v of another shape than x, which earlier batteries test",
    "hvp v an np.matrix": "as 'hvp x an np.matrix'",
    "metropolis x0 an np.matrix": "documented: x0 is an 'array, shape (chains, dim)', and the "
        "(2, 1) matrix is one; the run equals the one from the (2, 1) array",
    "find_center b inf": "documented: find_center's NaN rule treats an end 'like an infinite "
        "tail'; an infinite b is the ordinary case of a density on a half-line",
    "split_rhat draws 3-D": "documented (sampling.diagnostics): the numbers are 'per "
        "dimension', and 'fewer than 4 draws per chain give NaN everywhere' with a "
        "RuntimeWarning; (2, 3, 40) is read as 2 chains of 3 draws in 40 dimensions",
    "ess_bulk draws an np.matrix": "documented: draws of shape (chains, draws); the (4, 40) "
        "matrix is such an array, and gives the same ESS",
    "diagnose draws of bools": "documented (sampling.diagnostics): 'Boolean draws are read as "
        "0 and 1'",
    "normal_scores x an np.matrix": "documented: normal_scores is computed 'for every entry "
        "of x', whatever its shape; the (1, 5) matrix gives the scores of its entries",
    "assert_labels_match labels an np.matrix": "documented: 'every label is an int in "
        "0..N-1'; the (1, 3) matrix holds such ints and gives the same p-value as the array",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 4)."""
    return kept_cases(cases, (1, 4), DROPPED)


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


def test_the_thirtythird_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_thirtythird.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
