"""An eighty-ninth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit d1eaf8a, from the user's side only: the README; the public names
(``__all__`` where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``memory``, ``sampling`` and its modules, the public methods of
``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; the eighty-seventh and eighty-fifth batteries
(the templates); ``tests/test_bad_inputs_cli.py``'s classification and the eighth battery's
``classify_case``; the earlier batteries' ids and module docstrings (grepped for kinds) and
shared helpers (imported, not copied). No docstring or source of the library was read, before
or after the first run; nothing of its validation code, history, or /work/main (whose venv's
python alone was run). No ``__main__`` module was imported. Writes: only ``style.save`` could
write (two cases); each case's folder is temporary. No optional package is used (no case
needs torch or networkx), so no case is skipped.

Areas (library side only), as written: the autodiff engine -- grad, value_and_grad, jacobian,
hessian, vjp, jvp, solve, einsum, tree_map, Primitive, concatenate, stack, where,
expand_dims, broadcast_to, reshape, mul, add, sum, exp, neg (25); gradcheck -- check_grads,
hvp (8); samplers -- from_ppf, from_density, grid_inverse_cdf, find_center, total_variation,
metropolis, metropolis_transition_matrix, laplace, logistic, exponential (30); diagnostics --
quantile_type7, diagnose, split_rhat, ess_tail, ess_mean, mcse_sd, mcse_mean, rank_normalize
(10); the testing kit (ks_distance, assert_cdf_matches, assert_inverts, assert_labels_match,
chi_square_pvalue, chi_square_power, dkw_epsilon, assert_same_distribution) and its densities
(normal_mixture, steps, triangular, student_t) (20); ``figures.style`` save, check_numbers,
subplots (5); ``memory.keep_freed_memory`` (2): 100.

Kinds of bad value:
- ``functools.partial`` bound to the wrong parameter, so that the points (or the traced x) land
  on another parameter: the engine's reductions with the data bound first, so x lands on
  ``axis`` or ``ord`` (``partial(ad.sum, X)``, ``logsumexp``, ``mean``, ``norm``, ``var``,
  ``expand_dims``: grad, value_and_grad, jacobian, hessian, vjp, jvp, check_grads, hvp);
  SciPy's methods with a point bound first, so the user's points land on ``loc`` or ``scale``
  (``partial(norm.ppf, 0.5)``, the identity; ``partial(norm.cdf, 0.0)``, decreasing;
  ``partial(norm.pdf, 0.0, 1.0)`` and ``partial(norm.logpdf, 0.0, 1.0)``, NaN at negative
  points: from_ppf, from_density, find_center, total_variation, metropolis, ks_distance,
  assert_cdf_matches);
- ``np.vectorize`` of a scalar function: traced by the engine (grad, jacobian, check_grads,
  hvp), as a Primitive's impl, and, without ``otypes``, a density or cdf whose first value is
  the int 0, so that NumPy makes every value an integer (from_density, grid_inverse_cdf,
  find_center, total_variation), and a scalar log-density giving one value per coordinate
  (metropolis);
- hand-written tails: a survival function ``1 - norm.cdf(x)`` where a cdf is meant (from_ppf,
  total_variation, ks_distance, assert_cdf_matches, assert_inverts), an inverse survival
  function ``norm.ppf(1 - u)`` as a ppf (from_ppf), a ppf clipped to dodge infinities, a cdf
  written by hand given as a pdf (from_density);
- functions on the percent scale: a ppf taking percentages ``norm.ppf(q / 100)`` (from_ppf), a
  cdf returning percentages ``100 * norm.cdf(x)`` (from_ppf, total_variation, ks_distance,
  assert_cdf_matches, assert_inverts);
- positional arguments in the wrong order: solve (b, a), einsum (operand, subscripts), tree_map
  (tree, f), Primitive (impl, name), concatenate and stack (axis, xs), where (a, cond, b),
  expand_dims (axis, x), broadcast_to and reshape (shape, x); check_grads (args, fun) and
  (fun, order, args); from_ppf (cdf, ppf), metropolis_transition_matrix (Q, p),
  total_variation (samples, cdf, edges), metropolis (x0 and n_steps), grid_inverse_cdf (lo,
  hi, pdf), from_density (domain, pdf); quantile_type7 (prob, x), ess_tail (prob, draws);
  ks_distance and assert_cdf_matches (cdf, samples), chi_square_pvalue (p, counts),
  assert_labels_match (p, labels), assert_inverts (cdf, ppf), chi_square_power (alpha, n),
  dkw_epsilon (alpha, n), assert_same_distribution (x, alpha), densities.steps (heights,
  edges), densities.triangular in the stdlib ``random.triangular`` order (low, high, mode);
  style.save (fig, name, out_dir) and (out_dir, fig, name), style.check_numbers (x, name),
  style.subplots with the size first; keep_freed_memory (trim, mmap);
- ``statistics.NormalDist`` objects (not their scalar methods), whose arithmetic works, where
  numbers or arrays are meant: the engine's mul, add, sum, neg, exp and grad's x;
  check_grads args, hvp x; metropolis x0, from_density center, laplace loc, logistic scale,
  exponential rate; split_rhat, ess_mean, mcse_mean draws; densities.normal_mixture locs,
  student_t scale; style.check_numbers x; keep_freed_memory mmap_threshold;
- samples in the wrong orientation: draws of shape (chains, dim, draws) where (chains,
  draws, dim) is meant (diagnose, mcse_sd, rank_normalize, split_rhat).

Repeats: every id of the earlier batteries (11,494 distinct tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids (none) and, per kind, grepped (ids and module docstrings) for its
words: partial, vectorize, otypes, survival, "1 - ", by hand, percent, swapped, wrong order,
reversed, NormalDist, statistics., transposed, (chains, dim, draws), Random(, SeedSequence,
PCG64, RandomState, memmap, big-endian, zero-size, empty, 1.797e308, largest, the class,
strategy, hypothesis, cumulative, log-probabilities, energy, sign flipped, XOR, caret, math..
Found in no earlier id: "partial bound", "vectorize" on this side (only a meta family's loss
"np.vectorize of mse"), otypes, a hand-written survival function ("1 - "), a ppf or cdf on the
percent scale (earlier "in percent" ids are values: u, p, alpha, prob), a NormalDist object
(earlier only its scalar methods ``.cdf``/``.inv_cdf``), (chains, dim, draws). Found earlier
in other places only: "swapped" (clip bounds, discrete sample's arguments, sample_batch,
progress, figures' only and out: none of the functions swapped here); functools.partial (meta
families, "hvp fun a partial missing an argument": none bound to the wrong parameter);
transposed draws (ess_bulk, ess_tail, mcse_mean with (draws, chains): 2-D, not the dim axis).
Replaced before any run for repeating an earlier substance: random.Random, SeedSequence,
BitGenerator and RandomState as rng (all earlier), big-endian, non-contiguous and read-only
memory-mapped arrays (good inputs, not bad ones), zero-size axes (earlier for the engine's
reductions and the diagnostics), values near float64's limit (earlier in 20 places), classes
given as functions (earlier "the class _NormalPdf, not an instance"), hypothesis strategies
as values (earlier in 40 places), cumulative probabilities and log-probabilities as p
(earlier), a log-density with its sign flipped (earlier), ``10 ^ -6`` typed for a power (the
library sees only a negative int, earlier), a density unnormalised by a huge factor (a good
input), a pdf bound with ``partial(norm.pdf, c)`` (its points on loc: a reflected density,
a good input).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 59 of the 100. After the
first run no case was added, reordered, swapped or reworded.

Dropped: none. Corrected: one slip before any run (the from_density partial case's call had a
stray ``... .func and`` in front of its partial); none after.

First run at d1eaf8a (under ``ulimit -v 8000000``; kept and --written under two seconds each):
kept, 33 of 59 clear (55.9%), 19 unclear, 7 silent, 0 data loss -- engine 9/15 (4 unclear, 2
silent), gradcheck 2/4 (2 unclear), samplers 8/18 (8 unclear, 2 silent), diagnostics 1/6 (3
unclear, 2 silent), testing kit 10/12 (2 unclear), figures 3/3, memory 0/1 (1 silent).
Written, 63 of 100 clear (63.0%), 24 unclear, 13 silent, 0 data loss -- engine 17/25 (6, 2),
gradcheck 6/8 (2, 0), samplers 15/30 (9, 6), diagnostics 3/10 (3, 4), testing kit 17/20 (3,
0), figures 4/5 (1, 0), memory 1/2 (0, 1). Under pytest: 34 passed (33 cases and the
wide-and-new test), 26 failed (the 26 kept cases below; NOT_CLEAR_YET is left empty for the
lead).

A caution on the swapped-argument cases: each names one argument in its mentions, chosen
before the run; where two arguments are swapped the library may fairly name the other one.
Eight kept and two written cases below are unclear only so (marked [other argument]): the
library names the other swapped argument, shows its value and says what it expects. Read so,
the kept rate would be 39 of 59 (einsum and metropolis, whose messages mislead or show only a
shape, staying unclear) and the written 71 of 100. The mentions were not changed.

Not clear, kept:
- ``grad of functools.partial(sum, X) ...``, ``value_and_grad of ... partial(logsumexp, X)``,
  ``check_grads fun ... partial(sum, X)``, ``hvp fun ... partial(logsumexp, X)``: unclear,
  TypeError "grad: fun (partial(Primitive)) raised TypeError when called with 1 argument(s) of
  shape(s) (3,): sum: cannot apply to (3,) and (3,): only integer scalar arrays can be
  converted to a scalar index" -- axis is never named (``partial(mean)`` and ``partial(var)``
  get "axis must be an int ..., got Tensor"), and the partial is shown as partial(Primitive).
- ``hessian of functools.partial(norm, X), x landing on ord``: unclear, ValueError "grad: fun
  (partial(norm)) raised ValueError ...: The truth value of an array ... is ambiguous ... (a
  Python if, and, or or not on an array: write the branch with ad.where ...)" -- ord is not
  named and the hint (a Python if in the user's code) is false here.
- ``einsum with its arguments in the order (operand, subscripts)``: unclear [other argument],
  TypeError "einsum: operands[0] must be an array of real numbers, got str 'ij'" -- true, but
  does not say that the subscripts were an array.
- ``where with its arguments in the order (a, cond, b), a float cond``: silent ([1., 0., 1.]).
- ``a Primitive whose impl is np.vectorize ... starting with the int 0``: silent (int64 [0 0
  1] for [-1, 0.25, 2]).
- ``from_ppf cdf a survival function written by hand``, ``from_ppf ppf an inverse survival
  function written by hand``, ``from_ppf cdf functools.partial(norm.cdf, 0.0)``: unclear,
  ValueError "cdf must be non-decreasing (it is a CDF), but cdf(np.float64(-9.26...)) =
  np.float64(1.0) > cdf(...) = np.float64(0.9999999999)" (and "ppf must be non-decreasing
  ...") -- names the argument and values but not the function given, which total_variation's
  and the kit's messages do ("cdf (_survival_cdf) ...", "cdf (partial(norm_gen.cdf))").
- ``from_density pdf np.vectorize of a scalar density starting with the int 0``: silent (a
  sampler whose ppf(0.5) is 2.8e-17: every density value came back an integer, 0 or 1).
- ``from_ppf with its arguments in the order (cdf, ppf)``: unclear [other argument], TypeError
  "cdf must be callable or None, got the distribution's .ppf method (norm_gen.ppf); pass its
  .cdf".
- ``grid_inverse_cdf pdf np.vectorize ...``: unclear, ValueError "pdf: the density is zero at
  every grid point in [-1.0, 5.0]" -- true, but neither the function nor its integer values
  are named (find_center names "pdf (vectorize(_scalar_exp_pdf))").
- ``total_variation cdf np.vectorize of a scalar cdf starting with the int 0``: silent (0.915;
  with the exact exponential cdf 0.5). Arguably not refusable: an all-zero integer cdf on these
  edges is a valid cdf; the lead may judge it no fair case.
- ``metropolis with x0 and n_steps in each other's places``: unclear [other argument],
  ValueError "x0 must have shape (chains, dim), got shape (); for one chain in one dimension
  use [[x]]" -- names x0 but shows a shape, not the 20 given.
- ``grid_inverse_cdf with its arguments in the order (lo, hi, pdf)``: unclear [other
  argument], TypeError "grid_inverse_cdf: hi must be a real number, got function <function
  _normal_pdf at 0x...>".
- ``quantile_type7 with its arguments in the order (prob, x)`` (normal draws, and draws in (0,
  1)): unclear [other argument], TypeError "prob must be a real number, got ndarray array([
  3.45584192e-01, ...".
- ``ess_tail with its arguments in the order (prob, draws)``: unclear [other argument],
  TypeError "prob must be a pair: a tuple or list of two numbers, got ndarray array([[...".
- ``mcse_sd draws stored (chains, dim, draws)``, ``split_rhat draws stored (chains, dim,
  draws)``: silent (NaN returned with a RuntimeWarning "need at least 4 draws per chain, got
  2; returning NaN (as ArviZ does)").
- ``assert_cdf_matches with its arguments in the order (cdf, samples)``: unclear [other
  argument], TypeError "cdf must be callable, got an array of shape (200,) and dtype float64:
  array([...".
- ``assert_inverts cdf a survival function written by hand``: unclear, AssertionError "F(Q(u))
  differs from u by 0.8 at u = np.float64(0.1) ...; the stated u-resolution is 1e-09" -- the
  kit's verdict, where ks_distance and assert_cdf_matches refuse the same function as "no
  CDF: it decreases".
- ``keep_freed_memory thresholds given positionally as (trim, mmap)``: silent (current_setting
  then gives (268435456, 67108864)). Refusable only if an mmap threshold above the trim
  threshold is wrong, which the README does not say; the lead may judge it no fair case.
Not clear, written and not kept:
- ``concatenate`` and ``stack with its arguments in the order (axis, xs)``: unclear, TypeError
  "concatenate: xs must be a non-empty list or tuple of arrays, got ()" -- false: xs was 0.
- ``from_ppf ppf written for percentages``, ``from_ppf ppf functools.partial(norm.ppf, 0.5)``
  (the identity), ``from_ppf ppf clipped to dodge infinities``: silent (ppf(0.5) = -2.58,
  ppf(0.9) = 0.9, ppf(0.999) = 2.33 with norm.cdf as the cdf: cdf(ppf(u)) = u is not checked).
- ``from_density pdf functools.partial(norm.pdf, 0.0, 1.0)`` and ``from_density pdf a normal
  cdf written by hand with erf``: unclear, ValueError "the density is not integrable on the
  domain (-inf, inf): its mass does not decay toward x = inf" -- pdf is not named.
- ``find_center pdf functools.partial(norm.pdf, 0.0, 1.0), x landing on scale``: silent (a
  Center with nan_at=(0.0, None): the NaN was seen and passed over).
- ``diagnose`` (NaN, warning) and ``rank_normalize draws stored (chains, dim, draws)`` (an
  array of shape (4, 2, 500), no warning): silent.
- ``ks_distance with its arguments in the order (cdf, samples)``, ``style check_numbers with
  its arguments in the order (x, name)``: unclear [other argument] ("cdf must be callable, got
  an array ...", "name must be text ..., got dtype float64 (an array of shape (3,)); the order
  is (name, x)").
Clear on a loose mention: ``solve with its arguments in the order (b, a)`` -- LinAlgError
"solve: 1-dimensional array given. Array must be at least two-dimensional (shapes (3,) and (3,
3))" names no argument; ``jacobian of ...`` cases are named "vjp: fun (...)", not jacobian.
The NormalDist objects were refused everywhere by name and value (20 of 20); the cdfs on
the percent scale everywhere, by function (5 of 5); the hand-written survival and partially
bound cdfs everywhere but from_ppf (not named by function) and assert_inverts (its verdict).

Measured on main at d1eaf8a, the commit it was written at, blind (the lead reran it there):
kept, 33 of 59 clear (55.9%), 19 unclear, 7 silent, 0 data loss; written, 63 of 100. The
writer's note on the [other] cases stands as a note: the mentions were fixed before the run,
so the count is 33, not 39. With the eighty-eighth (27 of 51) the pair is 60 of 110 (54.5%).
Round 58 (with sight of this file and the eighty-eighth, so not blind): arguments given in
each other's places are said to be swapped, with the order, in einsum, concatenate, stack,
where (values with a boolean a), from_ppf, grid_inverse_cdf, metropolis, quantile_type7,
ess_tail, ks_distance and check_numbers (which shows the numbers); a ``functools.partial``
whose free argument lands on another parameter names it ("lands on sum's 'axis'"), and the
reductions name a positional axis or keepdims; an ``np.vectorize`` without otypes that
truncates to ints is refused in a Primitive's impl and the samplers; the density, cdf and
ppf messages of from_ppf, from_density and grid_inverse_cdf name the user's function, and a
decreasing one is asked whether it is a survival function; assert_inverts refuses a cdf that
decreases; draws stored (chains, dim, draws) are refused with np.swapaxes;
``keep_freed_memory`` refuses an mmap threshold above the trim threshold. After it: 59 of 59
kept clear; written, 96 of 100: the four left are silent and left alone -- a ppf on the
percent scale, a partial that turns norm.ppf into the identity, a clipped ppf (each a valid
ppf of some distribution, which from_ppf without a cdf cannot tell from the one meant), and
find_center's pdf ``partial(norm.pdf, 0.0, 1.0)``, NaN for x <= 0, read as a density zero
there.
"""

import functools
import math
import statistics

import numpy as np
import pytest
from scipy import special, stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, diagnose, ess_mean, ess_tail,
                                  exponential, grid_inverse_cdf, laplace, logistic,
                                  mcse_mean, mcse_sd, metropolis, metropolis_transition_matrix,
                                  rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _log_density, _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _normal_pdf, _samples
from test_bad_inputs_twentyfirst import _edges
from test_bad_inputs_sixtyninth import _chains
from test_bad_inputs_eightyseventh import _plt, _then_defaults

P3 = [0.2, 0.3, 0.5]
Q3 = [0.3, 0.3, 0.4]
ND = statistics.NormalDist


# --- functions bound to the wrong parameter ---------------------------------------------------

def _bound_first(f, value):
    """``functools.partial(f, value)``: ``value`` bound to f's first parameter, so that the
    argument the caller passes lands on the second (axis, ord, loc, ...)."""
    return functools.partial(f, value)


# --- hand-written tails and percent scales ----------------------------------------------------

def _survival_cdf(x):
    """The normal's survival function written by hand, given where its cdf is meant."""
    return 1.0 - stats.norm.cdf(x)


def _inverse_survival_ppf(u):
    return stats.norm.ppf(1.0 - np.asarray(u, dtype=float))


def _percent_ppf(q):
    """A normal ppf written for percentages, q in (0, 100)."""
    return stats.norm.ppf(np.asarray(q, dtype=float) / 100.0)


def _percent_cdf(x):
    """A normal cdf returning percentages (0 to 100)."""
    return 100.0 * stats.norm.cdf(x)


def _clipped_ppf(u):
    """A normal ppf clipped to dodge the infinities at 0 and 1 (its tails cut off)."""
    return stats.norm.ppf(np.clip(u, 0.01, 0.99))


def _hand_cdf(x):
    """The normal cdf written by hand with erf (given as a pdf)."""
    return 0.5 * (1.0 + special.erf(np.asarray(x) / math.sqrt(2.0)))


# --- scalar functions wrapped in np.vectorize (no otypes: the first value sets the dtype) ----

def _scalar_exp_pdf(x):
    """The exponential density for one point: the int 0 left of zero."""
    return 0 if x < 0 else math.exp(-x)


def _scalar_exp_cdf(x):
    return 0 if x < 0 else 1.0 - math.exp(-x)


def _scalar_softplus(v):
    return math.log1p(math.exp(v))


def _scalar_sqrt_pos(v):
    return 0 if v < 0 else math.sqrt(v)


def _scalar_log_density(v):
    """A normal log-density for one coordinate (vectorized: one value per coordinate)."""
    return -0.5 * v * v


def _vec(f):
    return np.vectorize(f)


# --- other helpers ----------------------------------------------------------------------------

def _fig():
    plt = _plt()
    fig, ax = plt.subplots()
    ax.plot([0.0, 1.0])
    return fig


def _dim_first(chains=4, dim=2, draws=500, seed=6):
    """Draws stored (chains, dim, draws): the dim axis before the draws axis."""
    return np.random.default_rng(seed).normal(size=(chains, dim, draws))


def _uniform_draws():
    return np.random.default_rng(5).random(200)


def _chain_fits():
    """One NormalDist fitted to each chain (their draws meant)."""
    return [ND.from_samples(row) for row in _chains()]


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad of functools.partial(sum, X), the data bound first so x lands on axis", lambda d:
        ad.grad(_bound_first(ad.sum, X3))(X3), ["axis", "Tensor"]),
    ("solve with its arguments in the order (b, a)", lambda d: ad.solve(
        X3, 2.0 * np.eye(3)), ["solve", "(3,)"]),
    ("mul of a statistics.NormalDist object and a number", lambda d: ad.mul(
        ND(0.0, 1.0), 2.0), ["mul", "NormalDist"]),
    ("grad of np.vectorize(math.tanh) as fun", lambda d: ad.grad(_vec(math.tanh))(X3),
     ["fun", "tanh"]),
    ("einsum with its arguments in the order (operand, subscripts)", lambda d: ad.einsum(
        np.eye(3), "ij"), ["subscripts", "array"]),
    ("value_and_grad of functools.partial(logsumexp, X), x landing on axis", lambda d:
        ad.value_and_grad(_bound_first(ad.logsumexp, X3))(X3), ["axis", "Tensor"]),
    ("tree_map with its arguments in the order (tree, f)", lambda d: ad.tree_map(
        {"w": X3}, ad.exp), ["f", "{'w'"]),
    ("add of an array and a statistics.NormalDist object", lambda d: ad.add(
        X3, ND(0.0, 1.0)), ["add", "NormalDist"]),
    ("Primitive with its arguments in the order (impl, name)", lambda d: ad.Primitive(
        np.sin, "my_sin"), ["name", "sin"]),
    ("jacobian of np.vectorize of a scalar softplus as fun", lambda d: ad.jacobian(
        _vec(_scalar_softplus))(X3), ["fun", "_scalar_softplus"]),
    ("jacobian of functools.partial(mean, X), x landing on axis", lambda d: ad.jacobian(
        _bound_first(ad.mean, X3))(X3), ["axis", "Tensor"]),
    ("concatenate with its arguments in the order (axis, xs)", lambda d: ad.concatenate(
        0, [X3, X3]), ["xs", "0"]),
    ("sum of a list of statistics.NormalDist objects", lambda d: ad.sum(
        [ND(0.0, 1.0), ND(1.0, 2.0)]), ["sum", "NormalDist"]),
    ("where with its arguments in the order (a, cond, b), a float cond", lambda d: ad.where(
        X3, X3 > 0, -X3), ["cond", "float"]),
    ("a Primitive whose impl is np.vectorize of a scalar function starting with the int 0",
     lambda d: ad.Primitive("sqrt_pos", _vec(_scalar_sqrt_pos))(np.array([-1.0, 0.25, 2.0])),
     ["impl", "int"]),
    ("hessian of functools.partial(norm, X), x landing on ord", lambda d: ad.hessian(
        _bound_first(ad.norm, X3))(X3), ["ord", "Tensor"]),
    ("expand_dims with its arguments in the order (axis, x)", lambda d: ad.expand_dims(
        0, X3), ["axis", "0.5"]),
    ("grad at a statistics.NormalDist point (its mean meant)", lambda d: ad.grad(_square)(
        ND(0.5, 1.0)), ["grad", "NormalDist"]),
    ("broadcast_to with its arguments in the order (shape, x)", lambda d: ad.broadcast_to(
        (2, 3), X3), ["shape", "0.5"]),
    ("vjp of functools.partial(var, X), x landing on axis", lambda d: ad.vjp(
        _bound_first(ad.var, X3), X3), ["axis", "Tensor"]),
    ("reshape with its arguments in the order (shape, x)", lambda d: ad.reshape(
        (3, 1), X3), ["shape", "0.5"]),
    ("exp of a statistics.NormalDist object", lambda d: ad.exp(ND(0.0, 1.0)),
     ["exp", "NormalDist"]),
    ("stack with its arguments in the order (axis, xs)", lambda d: ad.stack(0, [X3, X3]),
     ["xs", "0"]),
    ("jvp of functools.partial(expand_dims, X), x landing on axis", lambda d: ad.jvp(
        _bound_first(ad.expand_dims, X3), (X3,), (X3,)), ["axis"]),
    ("neg of a statistics.NormalDist object", lambda d: ad.neg(ND(1.0, 2.0)),
     ["neg", "NormalDist"]),
]

GRADCHECK_CASES = [
    ("check_grads fun functools.partial(sum, X), x landing on axis", lambda d: check_grads(
        _bound_first(ad.sum, X3), (X3,)), ["axis", "Tensor"]),
    ("check_grads with its arguments in the order (args, fun)", lambda d: check_grads(
        (X3,), _square), ["fun", "tuple"]),
    ("hvp fun np.vectorize of a scalar softplus", lambda d: hvp(
        _vec(_scalar_softplus), X3, X3), ["fun", "_scalar_softplus"]),
    ("check_grads args a statistics.NormalDist (its mean meant)", lambda d: check_grads(
        _square, (ND(0.5, 1.0),)), ["args", "NormalDist"]),
    ("hvp fun functools.partial(logsumexp, X), x landing on axis", lambda d: hvp(
        _bound_first(ad.logsumexp, X3), X3, X3), ["axis", "Tensor"]),
    ("check_grads fun np.vectorize(math.tanh)", lambda d: check_grads(
        _vec(math.tanh), (X3,)), ["fun", "tanh"]),
    ("hvp x a statistics.NormalDist (its mean meant)", lambda d: hvp(
        _square, ND(0.5, 1.0), X3), ["x", "NormalDist"]),
    ("check_grads with its arguments in the order (fun, order, args)", lambda d: check_grads(
        _square, 2, (X3,)), ["args", "2"]),
]

SAMPLER_CASES = [
    ("from_ppf cdf a survival function written by hand, 1 - norm.cdf(x)", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, _survival_cdf),
     ["cdf", "_survival_cdf"]),
    ("from_ppf ppf written for percentages, norm.ppf(q / 100)", lambda d:
        ContinuousInverseCDF.from_ppf(_percent_ppf, stats.norm.cdf), ["ppf", "_percent_ppf"]),
    ("from_ppf ppf functools.partial(norm.ppf, 0.5), u landing on loc", lambda d:
        ContinuousInverseCDF.from_ppf(_bound_first(stats.norm.ppf, 0.5), stats.norm.cdf),
     ["ppf", "partial"]),
    ("from_density pdf np.vectorize of a scalar density starting with the int 0", lambda d:
        ContinuousInverseCDF.from_density(_vec(_scalar_exp_pdf)), ["pdf", "_scalar_exp_pdf"]),
    ("from_ppf with its arguments in the order (cdf, ppf)", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.cdf, stats.norm.ppf),
     ["ppf", "norm_gen.cdf"]),
    ("total_variation cdf a survival function written by hand, 1 - norm.cdf(x)", lambda d:
        total_variation(_samples(), _edges(), _survival_cdf), ["cdf", "_survival_cdf"]),
    ("from_ppf cdf returning percentages, 100 * norm.cdf(x)", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, _percent_cdf), ["cdf", "_percent_cdf"]),
    ("from_density pdf functools.partial(norm.pdf, 0.0, 1.0), x landing on scale", lambda d:
        ContinuousInverseCDF.from_density(functools.partial(stats.norm.pdf, 0.0, 1.0)),
     ["pdf", "partial"]),
    ("grid_inverse_cdf pdf np.vectorize of a scalar density starting with the int 0",
     lambda d: grid_inverse_cdf(_vec(_scalar_exp_pdf), -1.0, 5.0),
     ["pdf", "_scalar_exp_pdf"]),
    ("metropolis_transition_matrix with its arguments in the order (Q, p)", lambda d:
        metropolis_transition_matrix(np.full((3, 3), 1 / 3), P3), ["p", "(3, 3)"]),
    ("from_ppf ppf an inverse survival function written by hand, norm.ppf(1 - u)", lambda d:
        ContinuousInverseCDF.from_ppf(_inverse_survival_ppf, stats.norm.cdf),
     ["ppf", "_inverse_survival_ppf"]),
    ("total_variation cdf returning percentages, 100 * norm.cdf(x)", lambda d:
        total_variation(_samples(), _edges(), _percent_cdf), ["cdf", "_percent_cdf"]),
    ("total_variation cdf functools.partial(norm.cdf, 0.0), x landing on loc", lambda d:
        total_variation(_samples(), _edges(), _bound_first(stats.norm.cdf, 0.0)),
     ["cdf", "partial"]),
    ("find_center pdf np.vectorize of a scalar density starting with the int 0", lambda d:
        find_center(_vec(_scalar_exp_pdf), -1.0, 5.0), ["pdf", "_scalar_exp_pdf"]),
    ("total_variation with its arguments in the order (samples, cdf, edges)", lambda d:
        total_variation(_samples(), stats.norm.cdf, _edges()), ["edges", "cdf"]),
    ("metropolis x0 a statistics.NormalDist (its mean meant)", lambda d: _metropolis(
        x0=ND(0.0, 1.0)), ["x0", "NormalDist"]),
    ("from_ppf ppf clipped to dodge infinities, norm.ppf(clip(u, 0.01, 0.99))", lambda d:
        ContinuousInverseCDF.from_ppf(_clipped_ppf, stats.norm.cdf), ["ppf", "_clipped_ppf"]),
    ("find_center pdf functools.partial(norm.pdf, 0.0, 1.0), x landing on scale", lambda d:
        find_center(functools.partial(stats.norm.pdf, 0.0, 1.0), -3.0, 3.0),
     ["pdf", "partial"]),
    ("total_variation cdf np.vectorize of a scalar cdf starting with the int 0", lambda d:
        total_variation(_samples(), _edges(), _vec(_scalar_exp_cdf)),
     ["cdf", "_scalar_exp_cdf"]),
    ("metropolis with x0 and n_steps in each other's places", lambda d: metropolis(
        _log_density, 20, np.zeros((2, 1)), _rng()), ["n_steps"]),
    ("from_density pdf a normal cdf written by hand with erf", lambda d:
        ContinuousInverseCDF.from_density(_hand_cdf), ["pdf", "_hand_cdf"]),
    ("laplace loc a statistics.NormalDist fitted to data (its mean meant)", lambda d: laplace(
        loc=ND.from_samples(_samples())), ["loc", "NormalDist"]),
    ("metropolis log_density functools.partial(norm.logpdf, 0.0, 1.0), x landing on scale",
     lambda d: _metropolis(log_density=functools.partial(stats.norm.logpdf, 0.0, 1.0)),
     ["log_density", "partial"]),
    ("metropolis log_density np.vectorize of a scalar log-density, one value a coordinate",
     lambda d: _metropolis(log_density=_vec(_scalar_log_density)),
     ["log_density", "_scalar_log_density"]),
    ("grid_inverse_cdf with its arguments in the order (lo, hi, pdf)", lambda d:
        grid_inverse_cdf(-3.0, 3.0, _normal_pdf), ["pdf", "-3.0"]),
    ("from_ppf cdf functools.partial(norm.cdf, 0.0), x landing on loc", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, _bound_first(stats.norm.cdf, 0.0)),
     ["cdf", "partial"]),
    ("from_density center a statistics.NormalDist (its mean meant)", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, center=ND(0.0, 1.0)),
     ["center", "NormalDist"]),
    ("from_density with its arguments in the order (domain, pdf)", lambda d:
        ContinuousInverseCDF.from_density((-np.inf, np.inf), _normal_pdf), ["pdf", "inf"]),
    ("logistic scale a statistics.NormalDist (its stdev meant)", lambda d: logistic(
        scale=ND(0.0, 2.0)), ["scale", "NormalDist"]),
    ("exponential rate a statistics.NormalDist fitted to waiting times (its mean meant)",
     lambda d: exponential(ND.from_samples([1.2, 0.4, 2.5, 0.9])), ["rate", "NormalDist"]),
]

DIAGNOSTIC_CASES = [
    ("quantile_type7 with its arguments in the order (prob, x), normal draws", lambda d:
        quantile_type7(0.5, _samples()), ["x", "0.5"]),
    ("diagnose draws stored (chains, dim, draws)", lambda d: diagnose(_dim_first()),
     ["draws", "(4, 2, 500)"]),
    ("split_rhat draws a list of statistics.NormalDist fits, one a chain", lambda d:
        split_rhat(_chain_fits()), ["draws", "NormalDist"]),
    ("ess_tail with its arguments in the order (prob, draws)", lambda d: ess_tail(
        (0.05, 0.95), _chains()), ["draws", "(0.05, 0.95)"]),
    ("quantile_type7 with its arguments in the order (prob, x), draws in (0, 1)", lambda d:
        quantile_type7(0.5, _uniform_draws()), ["x", "0.5"]),
    ("mcse_sd draws stored (chains, dim, draws)", lambda d: mcse_sd(_dim_first()),
     ["draws", "(4, 2, 500)"]),
    ("ess_mean draws the statistics.NormalDist fitted to them", lambda d: ess_mean(
        ND.from_samples(_chains().ravel())), ["draws", "NormalDist"]),
    ("rank_normalize draws stored (chains, dim, draws)", lambda d: rank_normalize(
        _dim_first()), ["draws", "(4, 2, 500)"]),
    ("mcse_mean draws a list of statistics.NormalDist fits, one a chain", lambda d:
        mcse_mean(_chain_fits()), ["draws", "NormalDist"]),
    ("split_rhat draws stored (chains, dim, draws)", lambda d: split_rhat(_dim_first(
        3, 3, 400)), ["draws", "(3, 3, 400)"]),
]

TESTING_CASES = [
    ("ks_distance cdf a survival function written by hand, 1 - norm.cdf(x)", lambda d:
        testing.ks_distance(_samples(), _survival_cdf), ["cdf", "_survival_cdf"]),
    ("ks_distance cdf returning percentages, 100 * norm.cdf(x)", lambda d:
        testing.ks_distance(_samples(), _percent_cdf), ["cdf", "_percent_cdf"]),
    ("ks_distance with its arguments in the order (cdf, samples)", lambda d:
        testing.ks_distance(stats.norm.cdf, _samples()), ["samples", "cdf"]),
    ("assert_cdf_matches cdf a survival function written by hand, 1 - norm.cdf(x)", lambda d:
        testing.assert_cdf_matches(_samples(), _survival_cdf), ["cdf", "_survival_cdf"]),
    ("assert_cdf_matches cdf returning percentages, 100 * norm.cdf(x)", lambda d:
        testing.assert_cdf_matches(_samples(), _percent_cdf), ["cdf", "_percent_cdf"]),
    ("assert_cdf_matches with its arguments in the order (cdf, samples)", lambda d:
        testing.assert_cdf_matches(stats.norm.cdf, _samples()), ["samples", "cdf"]),
    ("ks_distance cdf functools.partial(norm.cdf, 0.0), x landing on loc", lambda d:
        testing.ks_distance(_samples(), _bound_first(stats.norm.cdf, 0.0)),
     ["cdf", "partial"]),
    ("chi_square_pvalue with its arguments in the order (p, counts)", lambda d:
        testing.chi_square_pvalue(P3, [20, 30, 50]), ["counts", "0.2"]),
    ("assert_labels_match with its arguments in the order (p, labels)", lambda d:
        testing.assert_labels_match(P3, [0, 1, 2, 2, 1]), ["labels", "0.2"]),
    ("assert_inverts cdf a survival function written by hand, 1 - norm.cdf(x)", lambda d:
        testing.assert_inverts(stats.norm.ppf, _survival_cdf, np.linspace(0.1, 0.9, 5),
                               1e-9), ["cdf", "_survival_cdf"]),
    ("assert_inverts with its arguments in the order (cdf, ppf)", lambda d:
        testing.assert_inverts(stats.norm.cdf, stats.norm.ppf, np.linspace(0.1, 0.9, 5),
                               1e-9), ["ppf", "norm_gen.cdf"]),
    ("assert_inverts cdf returning percentages, 100 * norm.cdf(x)", lambda d:
        testing.assert_inverts(stats.norm.ppf, _percent_cdf, np.linspace(0.1, 0.9, 5),
                               1e-9), ["cdf", "_percent_cdf"]),
    ("assert_cdf_matches cdf functools.partial(norm.cdf, 0.0, 1.0), x landing on scale",
     lambda d: testing.assert_cdf_matches(_samples(), functools.partial(
         stats.norm.cdf, 0.0, 1.0)), ["cdf", "partial"]),
    ("chi_square_power with n and alpha in each other's places", lambda d:
        testing.chi_square_power(P3, Q3, 1e-6, 1000), ["n", "1e-06"]),
    ("dkw_epsilon with its arguments in the order (alpha, n)", lambda d: testing.dkw_epsilon(
        1e-6, 1000), ["n", "1e-06"]),
    ("assert_same_distribution alpha given positionally in y's place", lambda d:
        testing.assert_same_distribution(_samples(), 1e-6), ["y", "1e-06"]),
    ("density normal_mixture locs a list of statistics.NormalDist objects", lambda d:
        densities.normal_mixture([0.5, 0.5], [ND(-1.0, 1.0), ND(1.0, 1.0)], [1.0, 1.0]),
     ["locs", "NormalDist"]),
    ("density steps with its arguments in the order (heights, edges)", lambda d:
        densities.steps([1.0, 2.0, 1.0, 2.0], [0.0, 0.25, 0.5, 0.75, 1.0]),
     ["edges", "2.0, 1.0"]),
    ("density triangular in random.triangular's order (low, high, mode)", lambda d:
        densities.triangular(0.0, 1.0, 0.25), ["mode", "0.25"]),
    ("density student_t scale a statistics.NormalDist (its stdev meant)", lambda d:
        densities.student_t(3.0, scale=ND(0.0, 2.0)), ["scale", "NormalDist"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style save with its arguments in the order (fig, name, out_dir)", lambda d: style.save(
        _fig(), "fig_a", str(d)), ["name", "/tmp"]),
    ("style check_numbers with its arguments in the order (x, name)", lambda d:
        style.check_numbers(X3, "values"), ["name", "0.5"]),
    ("style check_numbers x a list of statistics.NormalDist objects", lambda d:
        style.check_numbers("values", [ND(0.0, 1.0), ND(1.0, 1.0)]),
     ["values", "NormalDist"]),
    ("style save with its arguments in the order (out_dir, fig, name)", lambda d: style.save(
        d, _fig(), "fig_a"), ["fig", "/tmp"]),
    ("style subplots size given first, in nrows' place", lambda d: style.subplots("single"),
     ["nrows", "'single'"]),
]

MEMORY_CASES = [
    ("keep_freed_memory thresholds given positionally as (trim, mmap)", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(268435456, 67108864)),
     ["mmap_threshold", "268435456"], None),
    ("keep_freed_memory mmap_threshold a statistics.NormalDist of sizes (its mean meant)",
     lambda d: _then_defaults(lambda: memory.keep_freed_memory(
         mmap_threshold=ND(67108864, 1024))), ["mmap_threshold", "NormalDist"], None),
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


def test_the_eightyninth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_eightyninth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
