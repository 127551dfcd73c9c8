"""A hundred-and-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 860285b, from the user's side only: README.md; the public names (``__all__``
where there is one, else ``dir`` filtered to the names each module defines itself, so that no
name imported from ``checks``/``messages``/``protocol`` was listed) and signatures of
``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and its public modules
(``closed_forms``, ``continuous``, ``diagnostics``, ``discrete``, ``finite_chain``,
``interpolation``, ``metropolis``, ``mixing``, ``quadrature``, ``step_size``, ``tails``),
``testing``, ``testing.densities``, ``testing.strategies`` and ``figures.style``; the public
methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``; the hundred-and-fifth and
hundred-and-third batteries (the templates); ``tests/test_bad_inputs_cli.py``'s classification
and ``classify_call``, ``classify_cli``, ``kept_cases``/``battery_params``/
``assert_wide_and_new``/``battery_main``; the eighth battery's ``classify_case`` (its head) and
the fourth's ``_env`` (to see how a case's environment is set); the ninety-sixth's
``_under_the_batteries_ulimit``; the earlier batteries' ids and shared helpers (imported, not
copied: ``_example``, ``_log_density``, ``_rng``, ``_samples``, ``_then_defaults``,
``_under_the_batteries_ulimit``, from the ninety-seventh its constants, ``_chains4``,
``_sin_loss``, ``_square_loss``, from the hundred-and-third ``_complex_cdf`` and ``_none_fun``,
from the hundred-and-fifth ``_column_cdf``, ``_square_impl``, ``_square_vjp`` and
``_through_half_impl``). No body, docstring or source of library code, of
``checks``/``messages``/``protocol``, of the library's history or of /work/main (whose venv's
python alone was run) was read, before or after the first run (``git rev-parse`` gave the commit,
nothing else of git was run). One disclosure: before the first run, one good Primitive was run
once under ``grad``, ``hvp`` and ``check_grads`` to learn, from the user's side, what a vjp rule
is handed (only the type names of ``g`` and ``x`` were printed: plain ndarrays under a
first-order ``grad``, a Tensor ``x`` under ``hvp``, both kinds under ``check_grads``), so that
``_half_vjp`` (which calls ``np.asarray``) is used under ``grad`` only. After the run the values
returned by the silent cases were printed (quoted below). No ``__main__`` module was imported.
Writes: none of the cases writes a file (no ``style.save`` case). No optional package is used,
so no case is skipped. One case could allocate terabytes (``walks_from_one_start steps
10**12``): it runs under ``_under_the_batteries_ulimit``.

Areas (library side only), as written: the autodiff engine -- log, exp, norm, var, stack,
concatenate, max, a Primitive (vjps as a list; impl a column; vjp float16; vjp (g, x)), minimum,
sigmoid, squeeze, std, jvp (primals, tangents), reshape, transpose, getitem, tanh, grad,
value_and_grad, jacobian, trace, where, stop_gradient, cos (28); gradcheck -- hvp v, hvp fun,
check_grads fun twice (4); samplers -- grid_inverse_cdf, from_ppf (ppf, cdf twice), find_center,
walks_from_one_start (log_density twice, cdf twice, edges, steps), noise_floor (sampler three
times, cdf), bin_masses, total_variation, pooled_total_variation, integrate, density_values,
acceptance_limit (28); diagnostics -- diagnose, ess_tail, split_chains, quantile_type7,
mcse_mean, ess_bulk, rank_normalize (10); the testing kit (assert_monotone, assert_inverts,
ks_distance, assert_cdf_matches, assert_same_distribution), its densities (normal_mixture,
triangular, student_t, beta, laplace, trapezoid) and strategies (probability_vectors,
symmetric_proposals, known_densities) (22); ``figures.style`` subplots, check_numbers,
check_record (5); ``memory.keep_freed_memory`` (2): 99. Gradcheck is short, as in the two
templates: its plain arguments are taken by the earlier batteries for every kind (order, eps,
rtol, atol, rng, args, v), so its four cases are users' rules that misbehave and a float16
direction. Dtypes: float16 is given where float64 is meant to the engine's ops (exp, tanh), to
grad's point, jvp's tangent, hvp's direction, a Primitive's vjp and impl (through hvp), to the
samplers' and the kit's functions (pdf, ppf, cdf, f, a sampler's draws) and to the diagnostics'
draws (diagnose, rank_normalize); float32 was not used: the README presents it as a valid dtype.

Kinds of bad value (the issue's own, each on a function or argument not tried with it):
- a wrong type: a bool for a number, a count or an axis (log, var ddof, squeeze axis,
  value_and_grad's point, stop_gradient); a bool typed as text (max keepdims 'False'); a number
  typed as text (std ddof '1', transpose of a table, jacobian's and trace's points, cos); a list
  holding None (reshape, getitem, where's a); one array where a list of arrays is meant (stack,
  concatenate); a list where separate arguments are meant (a Primitive's vjps); complex where real
  is meant (sigmoid); float16 where float64 is meant (see above); datetime64 timestamps where draws
  are meant (split_chains); a bare array where a tuple is meant (jvp primals); a bin count where
  edges are meant (walks_from_one_start edges 7); a misspelt option (norm ord 'frobenius', style
  subplots sharey 'rows', size 'singel'); None for a label (style check_record name);
- out of range: a sign slipped in (densities normal_mixture scales, laplace scale,
  probability_vectors min_size, symmetric_proposals n), zero (student_t df), inf
  (acceptance_limit scaled, assert_same_distribution y), bounds swapped or out of order
  (densities beta lo/hi, trapezoid c/d, triangular mode outside [lo, hi]), a float in a shape
  (style check_numbers), below glibc's floor in decimal units (mmap_threshold 100000), past the
  C int mallopt takes (trim_threshold 2**31 + 1), huge (walks_from_one_start steps 10**12, must be
  refused with its size named);
- a wrong shape: shapes that do not broadcast (minimum), lengths that disagree (normal_mixture
  locs of 2 for weights of 3), ragged chains (diagnose, ess_tail, split_chains, quantile_type7),
  a ragged table (style check_numbers), three axes where one is pooled (quantile_type7 (4, 100,
  2)), draws stored (chains, dim, draws) (mcse_mean (4, 5, 200), ess_bulk (4, 6, 300)), an empty
  tuple of kinds (known_densities);
- a user's function that misbehaves: a Primitive whose impl returns a (n, 1) column (grad,
  check_grads), whose vjp returns float16 or is written (g, x) without ``ans`` (grad,
  check_grads); returning inf at every point (grid_inverse_cdf's, find_center's and
  density_values's pdf, from_ppf's, total_variation's, pooled_total_variation's, ks_distance's
  and assert_cdf_matches's cdf, assert_monotone's and assert_inverts's ppf); NaN (assert_inverts's
  ppf, walks_from_one_start's log_density); float16 (see above); a cdf -0.25 left of zero
  (from_ppf, assert_inverts, ks_distance); decreasing where increasing is meant, the survival
  function as the cdf (walks_from_one_start, bin_masses); a (n, 1) column (walks_from_one_start's
  cdf, a sampler's draws); complex values (walks_from_one_start's log_density, bin_masses's and
  pooled_total_variation's cdf, a sampler's draws); strings (total_variation's cdf); None, a
  return forgotten (noise_floor's cdf).
No degenerate data of the issue's own rule (too-short or constant chains) was written: the
(chains, dim, draws) cases keep 5 and 6 draws a chain, above the 4 the diagnostics need. No file
or path case and no mismatch between runs: these areas have none but ``style.save``, whose path
kinds the earlier batteries hold (out_dir a file, under a file, read-only, NUL byte, empty, a
named pipe, symlinks).

Repeats: every id of the earlier batteries (13,218 distinct one-line tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids (none in the file as run; fourteen in the drafts, replaced: stop_gradient
of a list holding None, from_density u_resolution 0 and center NaN, ContinuousInverseCDF u_error
sample_size 0, logistic scale inf, quantile_type7 prob None, assert_inverts u_resolution None,
assert_cdf_matches samples holding None, assert_same_distribution x empty, two_sample_distance y
None, draws_needed discrepancy 0, strategies symmetric_proposals n None, style check_settings cfg
None, style subplots nrows -1), and per draft the earlier ids sharing its function and argument
(its first two or three words, with the other spellings "discrete", "continuous") were printed
and read for the kind; for the users' functions a table of function x misbehaviour (NaN, shape,
strings, complex, None, decreasing, negative, float16, inf, bool) over the earlier ids picked the
combinations not yet tried. Replaced or removed before any run for repeating an earlier
substance: tanh of strings; getitem one before the start; reshape to a float shape; transpose
axes of the wrong length; where cond of strings; concatenate axis 1.0; expand_dims axis 1.5;
squeeze a size-2 axis; sum_to a larger shape; clip a_min above a_max; jacobian argnum 1.0; jvp
tangent shape; vjp of sin at text; tree_map f None; tree_flatten of a set; value_and_grad argnums
out of range; hessian argnum -2; Primitive name None; vjp returning complex; check_grads order
2.0 (earlier: 2.5) and atol as text (earlier: a string); hvp v holding None; hvp fun returning a
vector; DiscreteInverseCDF rvs size 2.5 (earlier: a float64), rvs random_state a word, sample rng
an int, p 2-D, from_uniforms_guided u 1.5; u_error sample_size 10**12 (earlier: 2**70); rvs size
as text; grid_inverse_cdf n 1500.0, lo above hi; metropolis n_warmup negative, rng a list,
log_density with its sign flipped; optimal_acceptance dim 2.5; pareto alpha 0; laplace loc as
text; exponential rate None; weibull scale True; metropolis_transition_matrix p of another
length; step_size_sweep rngs one generator; walks_from_one_start step_sizes a list;
total_variation edges unsorted; integrate lo NaN; find_center a NaN; explore u_resolution
negative; solve_vandermonde s repeated; ess_tail prob pairs; rank_normalize draws holding None;
assert_monotone u past 1; assert_labels_match labels floats; chi_square_pvalue counts negative
or fractional; chi_square_power n negative; densities uniform lo above hi, steps edges unsorted,
beta a 0 (earlier: b 0); probability_vectors min_size above max_size (earlier: max_size below
min_size); known_densities kinds one word; u_grids cut_points above 1 (earlier: -0.5); style
check_seed 1.5, check_numbers shape (2, -1) (earlier: (-1,)); keep_freed_memory mmap_threshold
fractional, 2**70, trim_threshold '256MiB'. One more, found by the last grep over the whole
list just before the run: ``hvp x a list of numbers typed as text`` (earlier: the same with its
values spelt out), replaced by ``check_grads fun through a Primitive whose vjp takes (g, x), no
ans``. Kept although near an earlier id, as a new instance: grad through a Primitive whose vjp
returns float16 (earlier: whose impl does); stack and concatenate xs a single matrix (earlier:
xs a dict, a generator, ...); style subplots size 'singel' (earlier: "a word not known"; this is
the issue's typo kind); assert_same_distribution y holding inf (earlier: holding NaN);
keep_freed_memory mmap_threshold 100000 (earlier: 1 and 64, far below glibc's floor; this one is
100 kB meant as 128 KiB); the ragged chains of diagnose, ess_tail, split_chains and
quantile_type7 (earlier: rank_normalize's and split_rhat's).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 57 of the 99. After the
first run no case was added, reordered, swapped, reworded or dropped; no slip of mine was found
(every case was run as meant; the messages of the refusals name the fault each id names).

First run at 860285b (under ``ulimit -v 8000000``; kept and --written about 3 s each; pytest
about 6 s): kept, 42 of 57 clear (73.7%), 5 unclear, 10 silent, 0 data loss -- engine 10/16
(2 unclear, 4 silent), gradcheck 0/2 (1, 1), samplers 15/16 (0, 1), diagnostics 0/6 (2, 4),
testing kit 13/13, figures 3/3, memory 1/1. Written, 73 of 99 clear (73.7%), 9 unclear, 17
silent, 0 data loss -- engine 20/28 (2, 6), gradcheck 0/4 (2, 2), samplers 26/28 (0, 2),
diagnostics 2/10 (3, 5), testing kit 19/22 (2, 1), figures 4/5 (0, 1), memory 2/2. Under
pytest: 43 passed (42 cases and the wide-and-new test), 15 failed (the kept cases below;
NOT_CLEAR_YET is left empty for the lead).

Not clear, kept:
- ``grad through a Primitive whose impl returns a (n, 1) column`` (a misbehaving function):
  ValueError "Primitive 'my_col': vjp_0 (_square_vjp) must return the cotangent of argument 0,
  of its shape (3,), but it returned shape (3, 3) (in the derivative of my_col, at array([ 0.5,
  -1. ,  2. ]))" -- names the op, but blames the vjp (which is right for a (3,) output) and never
  says that the impl returned (3, 1) for a (3,) input, the fault.
- ``grad through a Primitive whose vjp returns float16 values`` (a dtype): silent --
  array([ 1., -2.,  4.]) (float64) returned; the float16 cotangent passes unremarked (doubtful:
  the values here are exact in float16, and the engine upcasts).
- ``tanh of a float16 vector, half precision left from a GPU port`` (a dtype): silent --
  array([ 0.4622, -0.7617,  0.964 ], dtype=float16) returned (doubtful: NumPy computes in
  float16 too; the samplers and the kit refuse float16 from a user's function, the engine's ops
  take it).
- ``grad through a Primitive whose vjp takes (g, x), no ans`` (a misbehaving function): TypeError
  "_gx_vjp() takes 2 positional arguments but 3 were given" -- Python's own message, unchained:
  names neither the op (my_gx) nor the calling convention expected, (g, ans, x).
- ``grad at a float16 point`` (a dtype): silent -- array([ 0.87758256,  0.54030231,
  -0.41614684]) (float64) returned (doubtful, as tanh above).
- ``stop_gradient of True, a bool for a number`` (wrong type): silent -- True returned as it
  was (doubtful: stop_gradient is the identity on values).
- ``hvp v a float16 direction`` (a dtype): silent -- array([2., 2., 2.]) returned, right and in
  float64 (doubtful, as the hundred-and-fifth's hvp x float16).
- ``check_grads fun through a Primitive whose vjp takes (g, x), no ans``: the same TypeError as
  under grad above.
- ``density_values pdf returning inf at every point`` (a misbehaving function): silent --
  array([inf, inf, inf]) returned, no error or warning.
- ``diagnose draws ragged chains of 100 and 60 draws`` (wrong shape): TypeError "diagnose: draws
  must be an array of real numbers, got list [array([ 0.04872092, ... (dtype object (a ragged
  list)): objects, the first a ndarray array([ 0.04872092, ... at draws[0]" -- says ragged, but
  not the lengths (100 and 60), and points at draws[0], a good chain.
- ``quantile_type7 x a (4, 100, 2) table of draws, three axes pooled`` (wrong shape): silent --
  np.float64(-0.0028764389460001543), the median of all 800 numbers (as np.quantile pools; the
  README's known silent case is the 2-D table).
- ``mcse_mean draws stored (chains, dim, draws), (4, 5, 200)`` (wrong shape): silent -- 200
  standard errors (array([0.26091967, 0.22058024, ...])), each from four chains of five draws,
  although the README says draws stored (chains, dim, draws) are refused with np.swapaxes.
- ``ess_bulk draws stored (chains, dim, draws), (4, 6, 300)`` (wrong shape): silent -- 300
  equal values, array([33.1250698, 33.1250698, ...]), as for mcse_mean above.
- ``quantile_type7 x a ragged list of chains of 100 and 80 draws`` (wrong shape): TypeError
  "quantile_type7: x must be draws, an array of finite numbers, got list [array([ 0.04872092,
  ... (dtype object (a ragged list)): objects, the first a ndarray ... at x[0]" -- as diagnose
  above: no lengths, and it points at a good chain.
- ``rank_normalize draws float16 chains, half precision from a GPU sampler`` (a dtype): silent --
  float64 normal scores returned (doubtful: ranks of float16 draws are well defined, though
  rounding to three digits makes ties).
Not clear, written and not kept:
- ``exp of a float16 vector, half precision left from a GPU port``: silent -- array([1.648,
  0.368, 7.39 ], dtype=float16) (doubtful, as tanh above).
- ``jvp tangents a float16 tangent for a float64 primal``: silent -- (array([ 0.47942554,
  -0.84147098,  0.90929743]), array([ 0.87758256,  0.54030231, -0.41614684])) (doubtful, as hvp v
  above).
- ``hvp fun returning a float16 loss, through a Primitive whose impl returns float16``: silent --
  array([2., 2., 2.]) (the hundred-and-fifth's check_grads fun returning float16 gave an unclear
  AssertionError; hvp says nothing).
- ``check_grads fun through a Primitive whose impl returns a (n, 1) column``: the ValueError of
  the grad case above, blaming the vjp.
- ``find_center pdf returning inf at every point``: silent -- Center(c=-4.999999999999999,
  lo=-5.0, hi=5.0, nan_at=(None, None), settled=(None, None)), a centre at the left end.
- ``split_chains x ragged chains of 100 and 70 draws``: TypeError "split_chains: x must be draws
  of shape (chains, draws), finite numbers, got list [array([ 0.04872092, ... (dtype object (a
  ragged list)): objects, the first a ndarray ... at x[0]" -- as diagnose above.
- ``diagnose draws float16 chains, half precision from a GPU sampler``: silent --
  (array([0.9989423]), array([428.45390698])) (doubtful, as rank_normalize above).
- ``assert_monotone ppf returning inf at every u``: silent -- None (the check passed: a constant
  is non-decreasing, but a ppf that is inf at u = 0.1 ... 0.9 is no ppf).
- ``assert_inverts ppf returning NaN at every u``: unclear -- AssertionError "F(Q(u)) differs
  from u by inf at u = np.float64(0.1) (x = np.float64(nan)); the stated u-resolution is 1e-06":
  reports a failed inversion (the sampler wrong) instead of naming ppf's NaN values as a bad
  input, and says "by inf" for a NaN.
- ``assert_inverts ppf returning inf at every u``: unclear -- FloatingPointError "invalid value
  encountered in subtract", NumPy's own, naming neither assert_inverts nor ppf.
- ``style check_record name None, the label never set``: silent -- {'a': 1, 'b': 2} returned
  (doubtful: the name is only the label its messages would use).
Remarks on clear cases: ``walks_from_one_start steps 10**12`` is refused before any work with
its size ("would need 29.1 TiB of memory at once, more than this machine's 23.5 GiB"); the
survival function as cdf is refused by walks_from_one_start and bin_masses as "never
decreasing"; every float16 function of the samplers and the kit is refused by name.

Measured on main at 860285b, the commit it was written at, blind (the lead reran it there, with
the hundred-and-sixth beside it): kept, 42 of 57 clear (73.7%), 5 unclear, 10 silent, 0 data
loss. With the hundred-and-sixth (59 of 62) the pair is 101 of 119 (84.9%); 8 of its 18 misses
are float16 values computed in float64 (documented) or other settings judged doubtful below.
Round 73 (with sight of this file, not blind): a Primitive's VJP that takes other arguments
than (g, ans, x...) is named with the signature expected; a VJP's cotangent of the wrong shape
is reported with the shape the op's impl returned; a ragged list of draws is shown with its
entries' shapes; draws of fewer than 20 draws per chain in more dimensions than draws are read
as stored (chains, dim, n_draws) and refused with np.swapaxes, as the README said. The eight
silent kept cases left are strict xfails in NOT_CLEAR_YET.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, diagnose, ess_bulk, ess_tail,
                                  grid_inverse_cdf, mcse_mean, rank_normalize)
from scratchmeta.sampling.diagnostics import quantile_type7, split_chains
from scratchmeta.sampling.mixing import (bin_masses, noise_floor, pooled_total_variation,
                                         total_variation, walks_from_one_start)
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.step_size import acceptance_limit
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _log_density, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetysixth import _under_the_batteries_ulimit
from test_bad_inputs_ninetyseventh import EDGES, M23, U5, X3, _chains4, _sin_loss, _square_loss
from test_bad_inputs_hundredthird import _complex_cdf, _none_fun
from test_bad_inputs_hundredfifth import (_column_cdf, _normal_sampler, _square_impl,
                                          _square_vjp, _through_half_impl)


# --- the engine and gradcheck: users' rules that misbehave -------------------------------------

def _column_impl(x):
    """A Primitive's impl with a reshape left in: a (n, 1) column for n inputs."""
    return np.reshape(np.asarray(x, dtype=float) ** 2, (-1, 1))


def _through_column_impl(x):
    return ad.sum(ad.Primitive("my_col", _column_impl, _square_vjp)(x))


def _half_vjp(g, ans, x):
    """A vjp rule that computes in half precision (a dtype left from a GPU port)."""
    return np.asarray(g * 2.0 * x, dtype=np.float16)


def _through_half_vjp(x):
    return ad.sum(ad.Primitive("my_halfvjp", _square_impl, _half_vjp)(x))


def _gx_vjp(g, x):
    """A vjp rule written as (g, x), without the ``ans`` argument the engine passes."""
    return g * 2.0 * x


def _through_gx_vjp(x):
    return ad.sum(ad.Primitive("my_gx", _square_impl, _gx_vjp)(x))


def _through_list_of_vjps(x):
    """A Primitive given its rules as one list, where each rule is a separate argument."""
    return ad.sum(ad.Primitive("my_sq", _square_impl, [_square_vjp])(x))


# --- samplers and the kit: functions that misbehave ------------------------------------------

def _inf_everywhere(x):
    """A density or cdf whose normalising constant overflowed: inf at every point."""
    return np.full(np.shape(x), np.inf)


def _half_pdf(x):
    """A density computed in half precision (a dtype left from a GPU port)."""
    return stats.norm.pdf(x).astype(np.float16)


def _half_ppf(u):
    return stats.norm.ppf(u).astype(np.float16)


def _half_cdf(x):
    return stats.norm.cdf(x).astype(np.float16)


def _offset_cdf(x):
    """A cdf with an offset slipped in: -0.25 left of zero, the normal cdf right of it."""
    x = np.asarray(x, dtype=float)
    return np.where(x < 0.0, -0.25, stats.norm.cdf(x))


def _survival(x):
    """The survival function 1 - F, decreasing, given where the cdf is meant."""
    return stats.norm.sf(x)


def _strings_cdf(x):
    """A cdf whose values came back as strings (read from a text table)."""
    return np.asarray([f"{v:.6f}" for v in np.ravel(stats.norm.cdf(x))]).reshape(np.shape(x))


def _nan_log_density(x):
    """A log-density that divides 0 by 0 in its normalisation: NaN for every chain."""
    return np.full(np.shape(x)[0], np.nan)


def _complex_log_density(x):
    """A log-density with a phase factor left in: complex values."""
    return -0.5 * np.sum(x * x, axis=1) + 0j


def _nan_ppf(u):
    return np.full(np.shape(u), np.nan)


class _ColumnSampler:
    """A user's sampler whose ``sample`` returns a (n, 1) column for n draws."""

    def sample(self, size, rng):
        return rng.normal(size=(size, 1))


class _ComplexSampler:
    """A user's sampler whose ``sample`` returns complex draws."""

    def sample(self, size, rng):
        return rng.normal(size=size) + 0j


class _HalfSampler:
    """A user's sampler whose ``sample`` returns float16 draws."""

    def sample(self, size, rng):
        return rng.normal(size=size).astype(np.float16)


def _walks(**kwargs):
    """walks_from_one_start with the fifth battery's log-density and a small good setting."""
    kwargs = {"log_density": _log_density, "start": 0.0, "step_sizes": {"a": 1.0},
              "chains": 2, "steps": 10, "edges": EDGES, "cdf": stats.norm.cdf,
              "rngs": [_rng()], **kwargs}
    return walks_from_one_start(**kwargs)


def _noise_floor(sampler, cdf=stats.norm.cdf):
    return noise_floor(100, 3, sampler, EDGES, cdf, _rng())


def _samples_with_inf():
    y = _samples(100).copy()
    y[5] = np.inf
    return y


# --- diagnostics -------------------------------------------------------------------------------

def _ragged(length):
    """Two chains, the second cut to ``length`` draws (a run stopped early)."""
    return [_chains4()[0], _chains4()[1, :length]]


def _swapped(chains, dim, draws):
    """Draws stored (chains, dim, draws), as some samplers write them."""
    return np.random.default_rng(107).normal(size=(chains, dim, draws))


def _timestamps():
    """Two chains of timestamps (a log's time column read in place of the draws)."""
    start = np.datetime64("2026-12-03T12:00:00")
    return start + np.arange(200).reshape(2, 100) * np.timedelta64(1, "s")


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("log of True, a bool for a number", lambda d: ad.log(True), ["log", "True"]),
    ("exp of a float16 vector, half precision left from a GPU port", lambda d: ad.exp(
        X3.astype(np.float16)), ["exp", "float16"]),
    ("norm ord 'frobenius', a spelling NumPy has not", lambda d: ad.norm(
        M23, ord="frobenius"), ["ord", "frobenius"]),
    ("var ddof True, a bool for a count", lambda d: ad.var(X3, ddof=True),
     ["ddof", "True"]),
    ("stack xs a single (2, 3) matrix, one array where a list of arrays is meant", lambda d:
        ad.stack(M23), ["stack", "xs"]),
    ("concatenate xs a single (2, 3) matrix, one array where a list of arrays is meant",
     lambda d: ad.concatenate(M23), ["concatenate", "xs"]),
    ("max keepdims the text 'False', a bool typed as text", lambda d: ad.max(
        M23, axis=0, keepdims="False"), ["keepdims", "'False'"]),
    ("Primitive vjps given as one list of rules", lambda d: ad.grad(
        _through_list_of_vjps)(X3), ["my_sq", "list"]),
    ("minimum of vectors of lengths 3 and 2, shapes that do not broadcast", lambda d:
        ad.minimum(X3, [1.0, 2.0]), ["minimum", "(2,)"]),
    ("sigmoid of a complex vector", lambda d: ad.sigmoid(X3 + 1j), ["sigmoid", "complex"]),
    ("squeeze axis True, a bool for an axis", lambda d: ad.squeeze(
        np.ones((1, 3)), axis=True), ["axis", "True"]),
    ("std ddof the text '1', a number typed as text", lambda d: ad.std(X3, ddof="1"),
     ["ddof", "'1'"]),
    ("jvp primals a bare array, not a tuple of primals", lambda d: ad.jvp(
        ad.sin, X3, (np.ones(3),)), ["jvp", "primals"]),
    ("grad through a Primitive whose impl returns a (n, 1) column", lambda d: ad.grad(
        _through_column_impl)(X3), ["my_col", "(3, 1)"]),
    ("grad through a Primitive whose vjp returns float16 values", lambda d: ad.grad(
        _through_half_vjp)(X3), ["my_halfvjp", "float16"]),
    ("reshape of a list holding None, a missing value", lambda d: ad.reshape(
        [0.5, None, 2.0, 1.0], (2, 2)), ["reshape", "None"]),
    ("transpose of a table of numbers typed as text", lambda d: ad.transpose(
        [["1.0", "2.0"], ["3.0", "4.0"]]), ["transpose", "1.0"]),
    ("getitem of a list holding None, a missing value", lambda d: ad.getitem(
        [0.5, None, 2.0], 0), ["getitem", "None"]),
    ("tanh of a float16 vector, half precision left from a GPU port", lambda d: ad.tanh(
        X3.astype(np.float16)), ["tanh", "float16"]),
    ("grad through a Primitive whose vjp takes (g, x), no ans", lambda d: ad.grad(
        _through_gx_vjp)(X3), ["my_gx", "argument"]),
    ("grad at a float16 point", lambda d: ad.grad(_sin_loss)(X3.astype(np.float16)),
     ["grad", "float16"]),
    ("value_and_grad at True, a bool for a point", lambda d: ad.value_and_grad(
        _sin_loss)(True), ["value_and_grad", "True"]),
    ("jacobian at a list of numbers typed as text", lambda d: ad.jacobian(ad.sin)(
        ["0.5", "1.0"]), ["jacobian", "0.5"]),
    ("trace of sin at a list of numbers typed as text", lambda d: ad.trace(
        ad.sin, ["0.5", "1.0"]), ["trace", "0.5"]),
    ("where a a list holding None, a missing value", lambda d: ad.where(
        [True, False, True], [0.5, None, 2.0], X3), ["where", "None"]),
    ("stop_gradient of True, a bool for a number", lambda d: ad.stop_gradient(True),
     ["stop_gradient", "True"]),
    ("jvp tangents a float16 tangent for a float64 primal", lambda d: ad.jvp(
        ad.sin, (X3,), (np.ones(3, dtype=np.float16),)), ["jvp", "float16"]),
    ("cos of a list of numbers typed as text", lambda d: ad.cos(["0.5", "1.0"]),
     ["cos", "0.5"]),
]

GRADCHECK_CASES = [
    ("hvp v a float16 direction", lambda d: hvp(
        _square_loss, X3, np.ones(3, dtype=np.float16)), ["hvp", "float16"]),
    ("hvp fun returning a float16 loss, through a Primitive whose impl returns float16",
     lambda d: hvp(_through_half_impl, X3, np.ones(3)), ["fun", "float16"]),
    ("check_grads fun through a Primitive whose impl returns a (n, 1) column", lambda d:
        check_grads(_through_column_impl, (X3,)), ["my_col", "(3, 1)"]),
    ("check_grads fun through a Primitive whose vjp takes (g, x), no ans", lambda d:
        check_grads(_through_gx_vjp, (X3,)), ["my_gx", "argument"]),
]

SAMPLER_CASES = [
    ("grid_inverse_cdf pdf returning inf at every point", lambda d: grid_inverse_cdf(
        _inf_everywhere, -5.0, 5.0), ["pdf", "inf"]),
    ("grid_inverse_cdf pdf returning float16 values", lambda d: grid_inverse_cdf(
        _half_pdf, -5.0, 5.0), ["pdf", "float16"]),
    ("from_ppf ppf returning float16 values", lambda d: ContinuousInverseCDF.from_ppf(
        _half_ppf, stats.norm.cdf), ["ppf", "float16"]),
    ("from_ppf cdf -0.25 left of zero, an offset slipped in", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, _offset_cdf), ["cdf", "-0.25"]),
    ("from_ppf cdf returning inf at every point", lambda d: ContinuousInverseCDF.from_ppf(
        stats.norm.ppf, _inf_everywhere), ["cdf", "inf"]),
    ("find_center pdf returning float16 values", lambda d: find_center(
        _half_pdf, -5.0, 5.0), ["pdf", "float16"]),
    ("find_center pdf returning inf at every point", lambda d: find_center(
        _inf_everywhere, -5.0, 5.0), ["pdf", "inf"]),
    ("walks_from_one_start log_density returning NaN for every chain", lambda d: _walks(
        log_density=_nan_log_density), ["log_density", "nan"]),
    ("walks_from_one_start cdf returning a (n, 1) column", lambda d: _walks(
        cdf=_column_cdf), ["cdf", "1)"]),
    ("walks_from_one_start cdf the survival function, decreasing", lambda d: _walks(
        cdf=_survival), ["cdf", "_survival"]),
    ("walks_from_one_start log_density returning complex values", lambda d: _walks(
        log_density=_complex_log_density), ["log_density", "complex"]),
    ("walks_from_one_start edges a single number 7, a bin count", lambda d: _walks(
        edges=7), ["edges", "7"]),
    ("walks_from_one_start steps 10**12, far past memory and time", lambda d:
        _under_the_batteries_ulimit(lambda: _walks(steps=10 ** 12)),
     ["steps", "1000000000000"]),
    ("noise_floor sampler whose sample returns a (n, 1) column", lambda d: _noise_floor(
        _ColumnSampler()), ["sampler", "1)"]),
    ("noise_floor sampler whose sample returns complex draws", lambda d: _noise_floor(
        _ComplexSampler()), ["sampler", "complex"]),
    ("noise_floor sampler whose sample returns float16 draws", lambda d: _noise_floor(
        _HalfSampler()), ["sampler", "float16"]),
    ("noise_floor cdf returning None, a return forgotten", lambda d: _noise_floor(
        _normal_sampler(), _none_fun), ["cdf", "None"]),
    ("bin_masses cdf the survival function, decreasing", lambda d: bin_masses(
        EDGES, _survival), ["cdf", "_survival"]),
    ("bin_masses cdf returning complex values", lambda d: bin_masses(EDGES, _complex_cdf),
     ["cdf", "complex"]),
    ("total_variation cdf returning values formatted as strings", lambda d: total_variation(
        _samples(), EDGES, _strings_cdf), ["cdf", "str"]),
    ("total_variation cdf returning inf at every point", lambda d: total_variation(
        _samples(), EDGES, _inf_everywhere), ["cdf", "inf"]),
    ("pooled_total_variation cdf returning inf at every point", lambda d:
        pooled_total_variation(_chains4(), EDGES, _inf_everywhere), ["cdf", "inf"]),
    ("pooled_total_variation cdf returning complex values", lambda d:
        pooled_total_variation(_chains4(), EDGES, _complex_cdf), ["cdf", "complex"]),
    ("integrate f returning float16 values", lambda d: integrate(_half_pdf, -1.0, 1.0),
     ["f", "float16"]),
    ("density_values pdf returning inf at every point", lambda d: density_values(
        _inf_everywhere, X3), ["pdf", "inf"]),
    ("density_values pdf returning float16 values", lambda d: density_values(
        _half_pdf, X3), ["pdf", "float16"]),
    ("acceptance_limit scaled holding inf", lambda d: acceptance_limit(
        np.array([0.5, np.inf, 2.0])), ["scaled", "inf"]),
    ("total_variation cdf returning float16 values", lambda d: total_variation(
        _samples(), EDGES, _half_cdf), ["cdf", "float16"]),
]

DIAGNOSTIC_CASES = [
    ("diagnose draws ragged chains of 100 and 60 draws", lambda d: diagnose(_ragged(60)),
     ["diagnose", "60"]),
    ("ess_tail draws ragged chains of 100 and 90 draws", lambda d: ess_tail(_ragged(90)),
     ["ess_tail", "90"]),
    ("split_chains x ragged chains of 100 and 70 draws", lambda d: split_chains(
        _ragged(70)), ["split_chains", "70"]),
    ("quantile_type7 x a (4, 100, 2) table of draws, three axes pooled", lambda d:
        quantile_type7(_swapped(4, 100, 2), 0.5), ["quantile_type7", "(4, 100, 2)"]),
    ("mcse_mean draws stored (chains, dim, draws), (4, 5, 200)", lambda d: mcse_mean(
        _swapped(4, 5, 200)), ["mcse_mean", "(4, 5, 200)"]),
    ("ess_bulk draws stored (chains, dim, draws), (4, 6, 300)", lambda d: ess_bulk(
        _swapped(4, 6, 300)), ["ess_bulk", "(4, 6, 300)"]),
    ("diagnose draws float16 chains, half precision from a GPU sampler", lambda d: diagnose(
        _chains4().astype(np.float16)), ["diagnose", "float16"]),
    ("split_chains x datetime64 timestamps, a log's time column", lambda d: split_chains(
        _timestamps()), ["split_chains", "datetime64"]),
    ("quantile_type7 x a ragged list of chains of 100 and 80 draws", lambda d:
        quantile_type7(_ragged(80), 0.5), ["quantile_type7", "80"]),
    ("rank_normalize draws float16 chains, half precision from a GPU sampler", lambda d:
        rank_normalize(_chains4().astype(np.float16)), ["rank_normalize", "float16"]),
]

TESTING_CASES = [
    ("assert_monotone ppf returning float16 values", lambda d: testing.assert_monotone(
        _half_ppf, U5), ["ppf", "float16"]),
    ("assert_monotone ppf returning inf at every u", lambda d: testing.assert_monotone(
        _inf_everywhere, U5), ["ppf", "inf"]),
    ("assert_inverts ppf returning NaN at every u", lambda d: testing.assert_inverts(
        _nan_ppf, stats.norm.cdf, U5, 1e-6), ["ppf", "nan"]),
    ("assert_inverts cdf returning float16 values", lambda d: testing.assert_inverts(
        stats.norm.ppf, _half_cdf, U5, 1e-6), ["cdf", "float16"]),
    ("assert_inverts cdf -0.25 left of zero, an offset slipped in", lambda d:
        testing.assert_inverts(stats.norm.ppf, _offset_cdf, U5, 1e-6), ["cdf", "-0.25"]),
    ("ks_distance cdf -0.25 left of zero, an offset slipped in", lambda d:
        testing.ks_distance(_samples(), _offset_cdf), ["cdf", "-0.25"]),
    ("ks_distance cdf returning float16 values", lambda d: testing.ks_distance(
        _samples(), _half_cdf), ["cdf", "float16"]),
    ("ks_distance cdf returning inf at every point", lambda d: testing.ks_distance(
        _samples(), _inf_everywhere), ["cdf", "inf"]),
    ("assert_cdf_matches cdf returning inf at every point", lambda d:
        testing.assert_cdf_matches(_samples(), _inf_everywhere), ["cdf", "inf"]),
    ("assert_cdf_matches cdf returning float16 values", lambda d:
        testing.assert_cdf_matches(_samples(), _half_cdf), ["cdf", "float16"]),
    ("assert_same_distribution y holding inf, a draw that overflowed", lambda d:
        testing.assert_same_distribution(_samples(), _samples_with_inf()), ["y", "inf"]),
    ("densities normal_mixture locs of 2 for weights of 3", lambda d:
        densities.normal_mixture([0.2, 0.3, 0.5], [0.0, 1.0], [1.0, 1.0, 1.0]),
     ["normal_mixture", "locs"]),
    ("densities normal_mixture scales holding -1.0, a sign slipped in", lambda d:
        densities.normal_mixture([0.5, 0.5], [0.0, 1.0], [1.0, -1.0]), ["scales", "-1.0"]),
    ("densities triangular mode 2.0 outside [lo, hi] = [0, 1]", lambda d:
        densities.triangular(0.0, 2.0, 1.0), ["mode", "2.0"]),
    ("densities student_t df 0, no degrees of freedom", lambda d: densities.student_t(0),
     ["df", "0"]),
    ("densities beta lo 1.0 above hi 0.0, the ends swapped", lambda d: densities.beta(
        2.0, 2.0, lo=1.0, hi=0.0), ["lo", "1.0"]),
    ("densities laplace scale -1.0, a sign slipped in", lambda d: densities.laplace(
        scale=-1.0), ["scale", "-1.0"]),
    ("densities trapezoid c 0.75 above d 0.25", lambda d: densities.trapezoid(
        0.0, 0.75, 0.25, 1.0), ["c", "0.75"]),
    ("strategies probability_vectors min_size -2, a sign slipped in", lambda d: _example(
        strategies.probability_vectors(min_size=-2)), ["min_size", "-2"]),
    ("strategies symmetric_proposals n -3, a sign slipped in", lambda d: _example(
        strategies.symmetric_proposals(-3)), ["n", "-3"]),
    ("strategies known_densities kinds an empty tuple, no kinds", lambda d: _example(
        strategies.known_densities(())), ["kinds", "()"]),
    ("assert_inverts ppf returning inf at every u", lambda d: testing.assert_inverts(
        _inf_everywhere, stats.norm.cdf, U5, 1e-6), ["ppf", "inf"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style subplots sharey 'rows', a misspelt 'row'", lambda d: style.subplots(
        2, 1, sharey="rows"), ["sharey", "rows"]),
    ("style check_numbers shape (2, 1.5), a float length", lambda d: style.check_numbers(
        "values", [1.0, 2.0, 3.0], shape=(2, 1.5)), ["shape", "1.5"]),
    ("style check_record name None, the label never set", lambda d: style.check_record(
        None, {"a": 1, "b": 2}, ("a", "b")), ["name", "None"]),
    ("style check_numbers x a ragged list of rows", lambda d: style.check_numbers(
        "values", [[1.0, 2.0], [3.0]]), ["values", "[3.0]"]),
    ("style subplots size 'singel', a misspelt 'single'", lambda d: style.subplots(
        size="singel"), ["size", "singel"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold 100000, 100 kB in decimal units, below 128 KiB",
     lambda d: _then_defaults(lambda: memory.keep_freed_memory(mmap_threshold=100000)),
     ["mmap_threshold", "100000"], None),
    ("keep_freed_memory trim_threshold 2**31 + 1, past the C int mallopt takes", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(trim_threshold=2 ** 31 + 1)),
     ["trim_threshold", "2147483649"], None),
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
F16 = ("silent at 860285b: no error (doubtful: the engine computes float16 in float64, as "
       "autodiff's docstring says and test_autodiff_dtypes checks)")
NOT_CLEAR_YET = {
    'grad through a Primitive whose vjp returns float16 values': F16,
    'tanh of a float16 vector, half precision left from a GPU port':
        'silent at 860285b: no error (doubtful: outside a trace an op is NumPy\'s own call, '
        'and NumPy keeps float16)',
    'grad at a float16 point': F16,
    'stop_gradient of True, a bool for a number':
        'silent at 860285b: no error (doubtful: outside a trace stop_gradient hands its value '
        'back untouched)',
    'hvp v a float16 direction': F16,
    'density_values pdf returning inf at every point':
        'silent at 860285b: no error (doubtful: a probing helper that hands back what pdf '
        'gave, NaN and inf included; from_density refuses inf where it integrates)',
    'quantile_type7 x a (4, 100, 2) table of draws, three axes pooled':
        'silent at 860285b: no error (doubtful: the quantile of every draw pooled, as its '
        'docstring says and ArviZ computes it)',
    'rank_normalize draws float16 chains, half precision from a GPU sampler':
        'silent at 860285b: no error (doubtful: the ranks of float16 draws are exact in '
        'float64)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
