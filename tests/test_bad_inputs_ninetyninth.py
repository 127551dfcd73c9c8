"""A ninety-ninth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 473812d, from the user's side only: README.md; the public names
(``__all__`` where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``memory``, ``sampling`` and its modules, the public methods of
``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; the ninety-seventh and ninety-fifth batteries
(the templates); ``tests/test_bad_inputs_cli.py``'s classification and ``kept_cases``/
``battery_params``/``assert_wide_and_new``, the eighth battery's ``classify_case``; the earlier
batteries' ids (grepped for kinds) and shared helpers (imported, not copied: ``_example``,
``_metropolis``, ``_rng``, ``_samples``, ``_then_defaults``, and from the ninety-seventh its
constants, ``_chains_holding_none``, ``_figure``, ``_sin_loss``, ``_square_loss``,
``_with_none``). No docstring or source of the library was read, before or after the first
run; nothing of its validation code, its history, or /work/main (whose venv's python alone was
run). No ``__main__`` module was imported. Two good inputs were run to learn a contract from the
user's side (``diagnose`` on (4, 100) and (4, 100, 2) draws before the run; ``check_grads`` of
``ad.tanh``, a vector function, after it -- see the dropped cases). Writes: only ``style.save``
could write (one case, into the case's temporary folder). No optional package is used, so no
case is skipped, and no case could allocate gigabytes (none needs the ulimit wrapper).

Areas (library side only), as written: the autodiff engine -- sinh, log1p, cos, expm1, sigmoid,
minimum, min, relu, sqrt, matrix_transpose, mean, var, std, transpose, neg, squeeze, tan,
cosh, abs, maximum, vjp, hessian, jacobian, grad through a Primitive, logsumexp, prod, clip
(27); gradcheck -- check_grads, hvp (8); samplers -- DiscreteInverseCDF (p, ppf, rvs, sample,
piece_of), ContinuousInverseCDF (u_error, from_ppf, from_density, from_uniforms),
grid_inverse_cdf, find_center, metropolis, metropolis_transition_matrix, total_variation,
pooled_total_variation, step_size_sweep, weibull, cauchy, pareto (30); diagnostics --
split_rhat, ess_tail, ess_mean, mcse_mean, diagnose, quantile_type7, rank_normalize (10); the
testing kit (assert_monotone, assert_inverts, draws_needed, smallest_detectable, dkw_epsilon,
ks_distance, assert_cdf_matches, assert_same_distribution, chi_square_pvalue,
chi_square_power, assert_labels_match), its densities (student_t, trapezoid, triangular,
steps) and strategies (probability_vectors, uniforms_near_edges) (20); ``figures.style``
subplots, check_numbers, save (5); ``memory.keep_freed_memory`` (2): 102.

Kinds of bad value (the issue's own, each on a function or argument not tried with it):
- a wrong type: None, a value never set (log1p, relu, sqrt, squeeze, logsumexp, clip x,
  maximum's threshold, jacobian's point, from_density domain, grid_inverse_cdf hi,
  find_center a, DiscreteInverseCDF rvs size / sample rng / piece_of u, step_size_sweep
  chains and rngs, weibull/cauchy/pareto scale, quantile_type7 prob, assert_inverts u and
  u_resolution, draws_needed samples, smallest_detectable / dkw_epsilon / chi_square_power /
  assert_cdf_matches alpha, densities student_t df, trapezoid lo, triangular mode, steps
  heights, probability_vectors min_size); a list or array holding None, a missing value
  (sigmoid, neg, prod, vjp's and hessian's point, hvp x and v, metropolis x0, total_variation
  samples, split_rhat, ess_tail, ess_mean, mcse_mean, diagnose draws, quantile_type7 x,
  ks_distance, assert_cdf_matches samples, assert_same_distribution x); a number typed as
  text (sinh '2.0', minimum '0', expm1, tan, abs, hvp x and v, DiscreteInverseCDF.ppf u,
  ContinuousInverseCDF.from_uniforms u, step_size_sweep dims {'d1': '2'},
  assert_monotone u, style subplots ncols '2', style check_numbers, keep_freed_memory
  trim_threshold '256MiB'); a bool for a number or an axis (cosh True, mean axis True); a word
  for a bool (min and std keepdims 'yes', style subplots sharey 'yes'); a float for an axis
  (var axis 1.0, transpose axes [1.0, 0]); a dict where an array is meant (cos); a number
  where a file name is meant (style save name 22);
- out of range: a sign slipped in (grid_inverse_cdf n -4096, u_error sample_size -100, style
  subplots nrows -1), the minus of 1e-6 dropped (check_grads eps 1e6), NaN (grid_inverse_cdf
  lo, DiscreteInverseCDF p, chi_square_pvalue p, assert_labels_match p), a negative
  probability (metropolis_transition_matrix p), probabilities summing to 2
  (uniforms_near_edges p), a count of megabytes for bytes (keep_freed_memory trim_threshold
  256);
- a wrong shape: a ragged list of lists (matrix_transpose), ragged chains of 100 and 90 draws
  (pooled_total_variation, ess_mean, mcse_mean), an empty p (DiscreteInverseCDF), a 3-D Q
  (metropolis_transition_matrix), 1-D draws (rank_normalize), edges None
  (pooled_total_variation);
- a user's function that misbehaves: returns complex values (from_ppf's ppf,
  grid_inverse_cdf's and find_center's pdf, total_variation's cdf, assert_inverts's ppf), a
  density NaN almost everywhere (find_center), a Primitive impl that forgets to return
  (grad), a loss that is an int count, a one-element vector, or a Python float (check_grads,
  hvp).

Repeats: every id of the earlier batteries (12,433 distinct one-line tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids (none), and per draft the function (and its other spellings:
"discrete", "continuous", "density", "strategy", "transition matrix") was listed with every
earlier id and read for the kind (None, holding None, text, string, typed, complex, NaN,
negative, ragged, empty, 3-D, 1-D, True, float, keepdims, returning). The ids sharing a
draft's first three words were printed and read again after writing. Replaced before any run
for repeating an earlier substance: transpose axes of the wrong length, reshape to the wrong
size or to a float shape, concatenate axis past the end, power exponent None, einsum one
operand for two, grad argnums past the arguments, check_grads order 1.0 / eps negative /
atol and rtol negative / eps as text / args holding a string / fun returning a vector, hvp v
of another shape / v strings, metropolis log_density NaN away from x0, expand_dims axis past
the end, two_sample_distance x holding None (y was the ninety-seventh's), check_axes of a
figure or a number, style save empty name, keep_freed_memory thresholds swapped, mmap_threshold
with a unit, and every ``SCRATCHMETA_KEEP_FREED_MEMORY`` value (the earlier batteries hold
some 230). Kept although near an earlier id, as a new instance: ``ks_distance samples holding
None`` and ``mcse_mean draws holding None`` (earlier: R's missing value 'NA' as text, a string,
where mine is None), ``style subplots nrows -1`` (earlier: ncols -1, nrows 0), ``hvp v a list
of numbers typed as text`` (earlier: strings with a Unicode minus).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 60 of the 102, 58 after the
two dropped below. After the first run no case was added, reordered, swapped or reworded. No
slip of mine was found (every refusal in the first run was of the fault its id names).

Dropped after the first run, two cases that turned out not to be bad inputs (both kept):
- ``DiscreteInverseCDF rvs size None``: silent, one draw (2) returned -- as SciPy's
  ``rvs(size=None)``, the usual way to ask for a single draw.
- ``check_grads fun returning a one-element vector of shape (1,)``: silent -- check_grads
  checks vector-valued functions (probed after the run with a good input: ``check_grads(ad.tanh,
  (x,))`` and a (3, 1) output run without error, as JAX's check_grads does), so a (1,) output
  is an ordinary function.

First run at 473812d (under ``ulimit -v 8000000``; kept and --written about 1.4 s each), with
the dropped cases: kept, 52 of 60 clear, 5 unclear, 3 silent; written, 90 of 102 clear, 8
unclear, 4 silent, 0 data loss. Without the dropped cases: kept, 52 of 58 clear (89.7%), 5
unclear, 1 silent, 0 data loss -- engine 14/16 (2 unclear), gradcheck 2/3 (1 unclear, 0
silent), samplers 15/17 (1, 1), diagnostics 6/6, testing kit 11/12 (1, 0), figures 3/3,
memory 1/1. Written, 90 of 100 clear (90.0%), 8 unclear, 2 silent, 0 data loss -- engine
23/27 (4, 0), gradcheck 5/7 (1, 1), samplers 27/29 (1, 1), diagnostics 10/10, testing kit
18/20 (2, 0), figures 5/5, memory 2/2. Under pytest: 53 passed (52 cases and the wide-and-new
test), 6 failed (the kept cases below; NOT_CLEAR_YET is left empty for the lead).

Not clear, kept:
- ``matrix_transpose of a ragged list of lists`` (wrong shape): TypeError "shape: x must be an
  array of real numbers, got list [[1.0, 2.0], [3.0]]" -- shows the value, but names
  ``shape``, an inner function, never matrix_transpose (misleading about which call failed).
- ``squeeze of None, a value never set`` (wrong type): TypeError "shape: x must be an array of
  real numbers, got NoneType None" -- the same: ``shape`` blamed, not squeeze.
- ``hvp fun returning a plain Python float, float(loss)`` (a misbehaving function): TypeError
  "grad: fun (_float_loss) raised TypeError when called with 1 argument(s) of shape(s) (3,):
  NumPy was asked to turn a scratchmeta Tensor into an array ..., which would lose its
  gradient; use ad.stop_gradient(x) ..." -- a good explanation naming fun, but it starts with
  ``grad``, not hvp, the function the user called.
- ``DiscreteInverseCDF p holding NaN, a probability lost`` (NaN): ValueError "p must be
  finite, but p[1] = nan" -- names p, the entry and its value; unclear only on my mention
  "NaN" (it writes "nan"); fair by my own reading.
- ``find_center pdf NaN almost everywhere, finite only near 0`` (a density NaN almost
  everywhere, the issue's own example): silent -- Center(c=0.0, lo=-0.498, hi=0.498,
  nan_at=(-0.508, 0.508), ...) returned; the record notes where the pdf turned NaN (perhaps by
  design, for densities NaN off their support), but no error or warning was raised.
- ``chi_square_pvalue p holding NaN, a probability lost`` (NaN): ValueError "chi_square_pvalue:
  p must be a 1-D probability vector summing to 1, got array([0.2, nan, 0.5]) (list [0.2,
  nan, 0.5])" -- shows the value, but blames the sum, not the NaN, and misses my mention "NaN".
Not clear, written and not kept:
- ``std keepdims 'yes', a word for a bool``: TypeError "var: keepdims must be True or False,
  got str 'yes'" -- names var, not std (misleading).
- ``hessian at a list holding None, a missing value``: TypeError "hessian needs argument 0 to
  be one array, got a list of 3 leaves" -- names hessian and the argument, but not the None
  (the list is read as a pytree of three leaves; the missing value is not shown).
- ``check_grads fun returning its input's length, an int count``: silent (a vacuous pass: the
  int is constant, so both derivatives are zero; doubtful as a bad input).
- ``assert_labels_match p holding NaN, a probability lost``: as chi_square_pvalue above
  ("p must be a 1-D probability vector summing to 1, got array([0.2, nan, 0.5])").

Measured on main at 473812d, the commit it was written at, blind (the lead reran it there):
kept, 52 of 58 clear (89.7%; 52 of 60 at the first run, before the writer dropped two cases
that turned out to be good inputs), 5 unclear, 1 silent, 0 data loss; written, 90 of 100.
With the ninety-eighth (52 of 60) the pair is 104 of 118 (88.1%): under the goal of 95%.
Round 68 (with sight of this file, so not blind): matrix_transpose, squeeze and expand_dims
name themselves for a value with no shape; hvp names itself over the grad inside it; a NaN
among p is called a NaN (DiscreteInverseCDF, chi_square_pvalue, assert_labels_match); std
checks its own keepdims; hessian shows the list it was given. 57 of 58 kept are clear now;
the one left, find_center on a pdf NaN almost everywhere, is a strict xfail: find_center
reports where the pdf turns NaN, and from_density, which builds the sampler, refuses it.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose, ess_mean,
                                  ess_tail, grid_inverse_cdf, mcse_mean,
                                  metropolis_transition_matrix, rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import pooled_total_variation, total_variation
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetyseventh import (EDGES, M23, P3, Q3, U5, X3, _chains_holding_none,
                                           _figure, _sin_loss, _square_loss, _with_none)


# --- the engine and gradcheck: users' functions that misbehave ---------------------------------

def _none_cube(x):
    """A Primitive's impl that computes its value but forgets to ``return`` it."""
    np.asarray(x) ** 3


def _cube_vjp(g, ans, x):
    return g * 3.0 * x * x


def _through_none_primitive(x):
    return ad.sum(ad.Primitive("my_cube", _none_cube, _cube_vjp)(x))


def _count_loss(x):
    """A user's 'loss' returning the number of entries, an int (a count, not a value of x)."""
    return ad.shape(x)[0]


def _one_element_loss(x):
    """A loss returned as a one-element vector, shape (1,), not a scalar."""
    return ad.reshape(ad.sum(x * x), (1,))


def _float_loss(x):
    """A loss converted to a plain Python float (for printing), cutting it off x."""
    return float(np.sum(np.asarray(x, dtype=float) ** 2))


# --- samplers: functions that return complex values or NaN almost everywhere ------------------

def _complex_ppf(u):
    """A ppf with a phase factor left in: complex values."""
    return stats.norm.ppf(u) + 0j


def _complex_pdf(x):
    """A density with a phase factor left in: complex values."""
    return stats.norm.pdf(x) + 0j


def _complex_cdf(x):
    """A cdf with a phase factor left in: complex values."""
    return stats.norm.cdf(x) + 0j


def _nan_pdf_but_near_zero(x):
    """A density NaN almost everywhere: finite only on (-0.5, 0.5) (a table read past its end)."""
    x = np.asarray(x, dtype=float)
    return np.where(np.abs(x) < 0.5, stats.norm.pdf(x), np.nan)


def _ragged_chains():
    """Two chains of 100 and 90 draws (one cut short), as a list of arrays."""
    r = np.random.default_rng(99)
    return [r.normal(size=100), r.normal(size=90)]


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("sinh of the text '2.0', a number typed as text", lambda d: ad.sinh("2.0"),
     ["sinh", "2.0"]),
    ("log1p of None, a value never set", lambda d: ad.log1p(None), ["log1p", "None"]),
    ("cos of a dict of parameters, tree_map meant", lambda d: ad.cos(
        {"w": X3, "b": np.zeros(2)}), ["cos", "dict"]),
    ("expm1 of a list of numbers typed as text, ['0.1', '0.2']", lambda d: ad.expm1(
        ["0.1", "0.2"]), ["expm1", "0.1"]),
    ("sigmoid of a list holding None, a missing value", lambda d: ad.sigmoid(
        [0.5, None, 2.0]), ["sigmoid", "None"]),
    ("minimum of a vector and the text '0', a number typed as text", lambda d: ad.minimum(
        X3, "0"), ["minimum", "'0'"]),
    ("min keepdims 'yes', a word for a bool", lambda d: ad.min(M23, axis=0, keepdims="yes"),
     ["min", "keepdims"]),
    ("relu of None, a value never set", lambda d: ad.relu(None), ["relu", "None"]),
    ("sqrt of None, a value never set", lambda d: ad.sqrt(None), ["sqrt", "None"]),
    ("matrix_transpose of a ragged list of lists", lambda d: ad.matrix_transpose(
        [[1.0, 2.0], [3.0]]), ["matrix_transpose", "[3.0]"]),
    ("mean axis True, a bool for an axis", lambda d: ad.mean(M23, axis=True),
     ["axis", "True"]),
    ("var axis 1.0, a float for an axis", lambda d: ad.var(M23, axis=1.0), ["axis", "1.0"]),
    ("std keepdims 'yes', a word for a bool", lambda d: ad.std(M23, axis=0, keepdims="yes"),
     ["std", "keepdims"]),
    ("transpose axes [1.0, 0], a float among the axes", lambda d: ad.transpose(
        M23, [1.0, 0]), ["transpose", "1.0"]),
    ("neg of a list holding None, a missing value", lambda d: ad.neg([0.5, None, 2.0]),
     ["neg", "None"]),
    ("squeeze of None, a value never set", lambda d: ad.squeeze(None), ["squeeze", "None"]),
    ("tan of a list of numbers typed as text, ['0.5', '1.0']", lambda d: ad.tan(
        ["0.5", "1.0"]), ["tan", "0.5"]),
    ("cosh of True, a bool for a number", lambda d: ad.cosh(True), ["cosh", "True"]),
    ("abs of a list of numbers typed as text, ['-1.5', '2.0']", lambda d: ad.abs(
        ["-1.5", "2.0"]), ["abs", "-1.5"]),
    ("maximum of a vector and None, a threshold never set", lambda d: ad.maximum(X3, None),
     ["maximum", "None"]),
    ("vjp of sin at a list holding None, a missing value", lambda d: ad.vjp(
        ad.sin, [0.5, None, 2.0]), ["vjp", "None"]),
    ("hessian at a list holding None, a missing value", lambda d: ad.hessian(_square_loss)(
        [0.5, None, 2.0]), ["hessian", "None"]),
    ("jacobian at None, a point never set", lambda d: ad.jacobian(ad.tanh)(None),
     ["jacobian", "None"]),
    ("grad through a Primitive whose impl forgets to return, giving None", lambda d: ad.grad(
        _through_none_primitive)(X3), ["my_cube", "None"]),
    ("logsumexp of None, a value never set", lambda d: ad.logsumexp(None),
     ["logsumexp", "None"]),
    ("prod of a list holding None, a missing value", lambda d: ad.prod([0.5, None, 2.0]),
     ["prod", "None"]),
    ("clip x None, a value never set", lambda d: ad.clip(None, -1.0, 1.0), ["clip", "None"]),
]

GRADCHECK_CASES = [
    ("hvp x a list holding None, a missing entry", lambda d: hvp(
        _square_loss, [0.5, None, 2.0], np.ones(3)), ["hvp", "None"]),
    ("hvp v a list of numbers typed as text, ['1', '0', '0']", lambda d: hvp(
        _square_loss, X3, ["1", "0", "0"]), ["hvp", "'1'"]),
    ("check_grads fun returning its input's length, an int count", lambda d: check_grads(
        _count_loss, (X3,)), ["check_grads", "int"]),
    ("check_grads fun returning a one-element vector of shape (1,)", lambda d: check_grads(
        _one_element_loss, (X3,)), ["check_grads", "(1,)"]),
    ("hvp fun returning a plain Python float, float(loss)", lambda d: hvp(
        _float_loss, X3, np.ones(3)), ["hvp", "fun"]),
    ("check_grads eps 1e6, the minus of 1e-6 dropped", lambda d: check_grads(
        _sin_loss, (X3,), eps=1e6), ["eps", "1000000"]),
    ("hvp x a list of numbers typed as text, ['0.5', '-1.0', '2.0']", lambda d: hvp(
        _square_loss, ["0.5", "-1.0", "2.0"], np.ones(3)), ["hvp", "0.5"]),
    ("hvp v a list holding None, a missing entry", lambda d: hvp(
        _square_loss, X3, [1.0, None, 0.0]), ["hvp", "None"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p holding NaN, a probability lost", lambda d: DiscreteInverseCDF(
        np.array([0.2, np.nan, 0.5])), ["p", "NaN"]),
    ("DiscreteInverseCDF p an empty list", lambda d: DiscreteInverseCDF([]), ["p", "empty"]),
    ("DiscreteInverseCDF ppf u a list of numbers typed as text", lambda d:
        DiscreteInverseCDF(P3).ppf(["0.5", "0.9"]), ["u", "'0.5'"]),
    ("DiscreteInverseCDF rvs size None", lambda d: DiscreteInverseCDF(P3).rvs(
        size=None, random_state=_rng()), ["size", "None"]),
    ("DiscreteInverseCDF sample rng None, the global state meant", lambda d:
        DiscreteInverseCDF(P3).sample(5, None), ["rng", "None"]),
    ("ContinuousInverseCDF u_error sample_size -100, a sign slipped in", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf).u_error(-100),
     ["sample_size", "-100"]),
    ("from_ppf ppf returning complex values", lambda d: ContinuousInverseCDF.from_ppf(
        _complex_ppf, stats.norm.cdf), ["ppf", "complex"]),
    ("from_density domain None", lambda d: ContinuousInverseCDF.from_density(
        stats.norm.pdf, None), ["domain", "None"]),
    ("grid_inverse_cdf pdf returning complex values", lambda d: grid_inverse_cdf(
        _complex_pdf, -5.0, 5.0), ["pdf", "complex"]),
    ("grid_inverse_cdf hi None", lambda d: grid_inverse_cdf(stats.norm.pdf, -5.0, None),
     ["hi", "None"]),
    ("grid_inverse_cdf n -4096, a sign slipped in", lambda d: grid_inverse_cdf(
        stats.norm.pdf, -5.0, 5.0, n=-4096), ["n", "-4096"]),
    ("grid_inverse_cdf lo NaN", lambda d: grid_inverse_cdf(stats.norm.pdf, np.nan, 5.0),
     ["grid_inverse_cdf", "lo"]),
    ("find_center pdf returning complex values", lambda d: find_center(
        _complex_pdf, -5.0, 5.0), ["find_center", "complex"]),
    ("find_center pdf NaN almost everywhere, finite only near 0", lambda d: find_center(
        _nan_pdf_but_near_zero, -5.0, 5.0), ["find_center", "NaN"]),
    ("find_center a None", lambda d: find_center(stats.norm.pdf, None, 5.0),
     ["find_center", "None"]),
    ("metropolis_transition_matrix p holding a negative probability", lambda d:
        metropolis_transition_matrix([0.7, -0.2, 0.5], np.full((3, 3), 1 / 3)),
     ["p", "-0.2"]),
    ("metropolis_transition_matrix Q a 3-D array of shape (1, 3, 3)", lambda d:
        metropolis_transition_matrix(P3, np.full((1, 3, 3), 1 / 3)), ["Q", "(1, 3, 3)"]),
    ("total_variation cdf returning complex values", lambda d: total_variation(
        _samples(), EDGES, _complex_cdf), ["total_variation", "complex"]),
    ("total_variation samples holding None, a missing draw", lambda d: total_variation(
        _with_none(), EDGES, stats.norm.cdf), ["total_variation", "None"]),
    ("pooled_total_variation edges None", lambda d: pooled_total_variation(
        np.random.default_rng(5).normal(size=(2, 100)), None, stats.norm.cdf),
     ["edges", "None"]),
    ("pooled_total_variation x ragged chains of 100 and 90 draws", lambda d:
        pooled_total_variation(_ragged_chains(), EDGES, stats.norm.cdf),
     ["pooled_total_variation", "x"]),
    ("step_size_sweep chains None", lambda d: step_size_sweep(
        [1.0], None, 20, {"d1": 1}, [_rng()]), ["chains", "None"]),
    ("step_size_sweep dims {'d1': '2'}, a dimension typed as text", lambda d: step_size_sweep(
        [1.0], 2, 20, {"d1": "2"}, [_rng()]), ["dims", "'2'"]),
    ("step_size_sweep rngs None", lambda d: step_size_sweep([1.0], 2, 20, {"d1": 1}, None),
     ["rngs", "None"]),
    ("weibull scale None", lambda d: sampling.weibull(1.5, scale=None), ["scale", "None"]),
    ("cauchy scale None", lambda d: sampling.cauchy(scale=None), ["scale", "None"]),
    ("pareto scale None", lambda d: sampling.pareto(2.0, scale=None), ["scale", "None"]),
    ("metropolis x0 a list holding None, a missing start", lambda d: _metropolis(
        x0=[[0.0], [None]]), ["x0", "None"]),
    ("DiscreteInverseCDF piece_of u None", lambda d: DiscreteInverseCDF(P3).piece_of(None),
     ["u", "None"]),
    ("ContinuousInverseCDF from_uniforms u a list of numbers typed as text", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf).from_uniforms(
            ["0.1", "0.5"]), ["u", "'0.1'"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws holding None, a missing draw", lambda d: split_rhat(
        _chains_holding_none()), ["split_rhat", "None"]),
    ("ess_tail draws holding None, a missing draw", lambda d: ess_tail(
        _chains_holding_none()), ["ess_tail", "None"]),
    ("ess_mean draws ragged chains of 100 and 90 draws", lambda d: ess_mean(
        _ragged_chains()), ["ess_mean", "draws"]),
    ("mcse_mean draws ragged chains of 100 and 90 draws", lambda d: mcse_mean(
        _ragged_chains()), ["mcse_mean", "draws"]),
    ("diagnose draws holding None, a missing draw", lambda d: diagnose(
        _chains_holding_none()), ["diagnose", "None"]),
    ("quantile_type7 x holding None, a missing value", lambda d: quantile_type7(
        _with_none(), 0.5), ["quantile_type7", "None"]),
    ("quantile_type7 prob None", lambda d: quantile_type7(_samples(), None),
     ["prob", "None"]),
    ("rank_normalize draws 1-D, one chain as a vector", lambda d: rank_normalize(
        _samples()), ["rank_normalize", "draws"]),
    ("ess_mean draws holding None, a missing draw", lambda d: ess_mean(
        _chains_holding_none()), ["ess_mean", "None"]),
    ("mcse_mean draws holding None, a missing draw", lambda d: mcse_mean(
        _chains_holding_none()), ["mcse_mean", "None"]),
]

TESTING_CASES = [
    ("assert_monotone u a list of numbers typed as text", lambda d: testing.assert_monotone(
        stats.norm.ppf, ["0.1", "0.3", "0.5", "0.7", "0.9"]), ["assert_monotone", "'0.1'"]),
    ("assert_inverts u None", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, None, 1e-6), ["u", "None"]),
    ("assert_inverts ppf returning complex values", lambda d: testing.assert_inverts(
        _complex_ppf, stats.norm.cdf, U5, 1e-6), ["assert_inverts", "complex"]),
    ("draws_needed samples None", lambda d: testing.draws_needed(0.05, samples=None),
     ["samples", "None"]),
    ("smallest_detectable alpha None", lambda d: testing.smallest_detectable(
        1000, alpha=None), ["alpha", "None"]),
    ("dkw_epsilon alpha None", lambda d: testing.dkw_epsilon(1000, alpha=None),
     ["alpha", "None"]),
    ("ks_distance samples holding None, a missing draw", lambda d: testing.ks_distance(
        _with_none(), stats.norm.cdf), ["ks_distance", "None"]),
    ("assert_cdf_matches samples holding None, a missing draw", lambda d:
        testing.assert_cdf_matches(_with_none(), stats.norm.cdf),
     ["assert_cdf_matches", "None"]),
    ("assert_same_distribution x holding None, a missing draw", lambda d:
        testing.assert_same_distribution(_with_none(), _samples()),
     ["assert_same_distribution", "None"]),
    ("chi_square_pvalue p holding NaN, a probability lost", lambda d:
        testing.chi_square_pvalue([20, 30, 50], [0.2, np.nan, 0.5]), ["p", "NaN"]),
    ("chi_square_power alpha None", lambda d: testing.chi_square_power(
        P3, Q3, 1000, alpha=None), ["alpha", "None"]),
    ("assert_labels_match p holding NaN, a probability lost", lambda d:
        testing.assert_labels_match(np.array([0, 1, 2, 2, 1, 2, 0, 2, 1, 2] * 20),
                                    [0.2, np.nan, 0.5]), ["p", "NaN"]),
    ("densities student_t df None", lambda d: densities.student_t(None), ["df", "None"]),
    ("densities trapezoid lo None", lambda d: densities.trapezoid(None, 0.25, 0.75, 1.0),
     ["lo", "None"]),
    ("densities triangular mode None", lambda d: densities.triangular(0.0, None, 1.0),
     ["mode", "None"]),
    ("densities steps heights None", lambda d: densities.steps([0.0, 0.5, 1.0], None),
     ["heights", "None"]),
    ("strategies probability_vectors min_size None", lambda d: _example(
        strategies.probability_vectors(min_size=None)), ["min_size", "None"]),
    ("strategies uniforms_near_edges p summing to 2", lambda d: _example(
        strategies.uniforms_near_edges([1.0, 0.6, 0.4])), ["uniforms_near_edges", "p"]),
    ("assert_inverts u_resolution None", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, U5, None), ["u_resolution", "None"]),
    ("assert_cdf_matches alpha None", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alpha=None), ["alpha", "None"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style subplots ncols '2', a number typed as text", lambda d: style.subplots(ncols="2"),
     ["ncols", "'2'"]),
    ("style subplots nrows -1", lambda d: style.subplots(nrows=-1), ["nrows", "-1"]),
    ("style check_numbers x a list of numbers typed as text", lambda d: style.check_numbers(
        "values", ["1.0", "2.0"]), ["values", "'1.0'"]),
    ("style subplots sharey 'yes', a word matplotlib has not", lambda d: style.subplots(
        ncols=2, sharey="yes"), ["sharey", "yes"]),
    ("style save name the number 22, not a file name", lambda d: style.save(
        _figure(), str(d), 22), ["save", "22"]),
]

MEMORY_CASES = [
    ("keep_freed_memory trim_threshold '256MiB', a size with a unit as text", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(trim_threshold="256MiB")),
     ["trim_threshold", "256MiB"], None),
    ("keep_freed_memory trim_threshold 256, a count of megabytes meant", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(trim_threshold=256)),
     ["trim_threshold", "256"], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "DiscreteInverseCDF rvs size None":
        "not a bad input: the first run gave one draw (2), as SciPy's rvs(size=None) does -- "
        "None is the documented way to ask for a single draw",
    "check_grads fun returning a one-element vector of shape (1,)":
        "not a bad input: check_grads checks vector-valued functions too (a user-side probe "
        "after the first run: check_grads(ad.tanh, (x,)) runs without error), so a (1,) output "
        "is an ordinary one-output function",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 2)."""
    return kept_cases(cases, (1, 2), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    'find_center pdf NaN almost everywhere, finite only near 0':
        'silent at 473812d: no error (doubtful: find_center reports where the pdf turns NaN, '
        'its nan_at; from_density, which builds the sampler from it, refuses this pdf)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_ninetyninth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_ninetyninth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
