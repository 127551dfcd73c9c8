"""A hundred-and-eleventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 7883f2a, from the user's side only: README.md; the public names (``__all__``
where there is one, else ``dir`` filtered to the names each module defines itself, so that no
name imported from ``checks``/``messages``/``protocol`` was listed) and signatures of
``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and its public modules
(``closed_forms``, ``continuous``, ``diagnostics``, ``discrete``, ``finite_chain``,
``interpolation``, ``metropolis``, ``mixing``, ``quadrature``, ``step_size``, ``tails``; the
module ``sampling.checks`` was skipped unlisted), ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF``; the hundred-and-ninth and hundred-and-seventh batteries (the
templates); ``tests/test_bad_inputs_cli.py``'s classification and the names of its helpers
(``kept_cases``/``battery_params``/``assert_wide_and_new``/``battery_main``, used as the
templates use them); the earlier batteries' ids and shared helpers (imported, not copied:
``_example``, ``_rng``, ``_samples``, ``_then_defaults``, ``_under_the_batteries_ulimit``, from
the ninety-seventh its constants, ``_chains4`` and ``_sin_loss``, from the hundred-and-fifth
``_square_impl`` and ``_square_vjp``, from the hundred-and-seventh ``_normal_sampler`` and
``_walks``, from the hundred-and-ninth ``_one_chain_none``, ``_sweep`` and
``_through_bools_impl``). No body, docstring or source of library code, of
``checks``/``messages``/``protocol``, of the library's history or of /work/main (whose venv's
python alone was run) was read, before or after the first run (``git rev-parse`` and ``git
status`` were the only git commands). Two glimpses, disclosed: to learn two calling conventions
I could not get from a signature, a grep of the earlier batteries printed three lines of their
``explore(...)`` cases (showing that ``explore``'s ``f`` is given a pdf, as its ``pdf`` is) and
four lines of their ``check_settings(...)`` cases (showing ``full`` as a dict, ``{"a": 1}``);
nothing of the library. After the first run the values returned by the silent cases were
printed, and eight messages (quoted below). No ``__main__`` module was imported. Writes: none of
the cases writes a file (no ``style.save`` case). No optional package is used, so no case is
skipped. One case could allocate far past memory (``step_size_sweep chains 10**10``): it runs
under ``_under_the_batteries_ulimit``.

Areas (library side only), as written: the autodiff engine -- logsumexp, clip (twice),
matrix_transpose, stop_gradient, hessian's point, maximum, power, var, sum, where, div, matmul,
prod, std, max, sum_to (twice), relu, jvp, concatenate, trace, and users' Primitives that
misbehave under jacobian, value_and_grad, hessian (twice), vjp and grad (28); gradcheck --
check_grads and hvp, each twice through a Primitive (4); samplers -- DiscreteInverseCDF (p, rvs
size, ppf, piece_of, rvs random_state), ContinuousInverseCDF (u_error, sample, ppf, rvs
random_state), grid_inverse_cdf, exponential, walks_from_one_start, fixed_step_chains,
step_size_sweep, peak, noise_floor (sampler, edges), bin_masses, find_center, explore,
metropolis_transition_matrix, check_probabilities, solve_vandermonde, acceptance_1d,
check_symmetric_proposal, integrate (26); diagnostics -- split_rhat, ess_mean, mcse_sd,
quantile_type7, normal_scores, diagnose, ess_tail, ess_bulk, split_chains (twice),
rank_normalize (11); the testing kit (assert_monotone, assert_inverts, assert_cdf_matches,
assert_labels_match, assert_same_distribution, dkw_epsilon, draws_needed, chi_square_pvalue,
chi_square_power, ks_distance, two_sample_distance), its densities (pareto, triangular,
uniform, steps, student_t) and strategies (u_grids, uniforms_near_edges, known_densities) (19);
``figures.style`` check_seed (twice), subplots, check_settings (4); ``memory`` opt_out_value
and keep_freed_memory_unless_opted_out, through the opt-out variable (2): 94. Gradcheck is
short, as in the two templates: its plain arguments are taken by the earlier batteries for
every kind, so its four cases are users' Primitives that misbehave. Dtypes: no float16 or
float32 case (float32 is a valid dtype by the README; an impl computing in float32 was drafted
and left out as not clearly a bad input; the float16 cases are the earlier batteries').

Kinds of bad value (the issue's own, each on a function or argument not tried with it):
- a wrong type: a bool for a number, a bound, a matrix, a vector, an axis or a seed (clip a_max,
  matrix_transpose, matmul b, prod axis, std axis, style check_seed); a list holding None
  (maximum, power's exponent, where b, div's divisor, relu, sum_to, bin_masses edges,
  acceptance_1d h, two_sample_distance x); a list of chains, one of them None (ess_mean,
  mcse_sd, ess_bulk); numbers typed as text (stop_gradient, hessian's point, split_chains x);
  a word for a number (densities uniform lo 'zero'); complex where real is meant (logsumexp,
  clip x, jvp's tangent, concatenate xs, trace's point, DiscreteInverseCDF ppf u, peak scaled,
  noise_floor edges, find_center center, solve_vandermonde y, quantile_type7 prob,
  rank_normalize (one chain complex), assert_labels_match labels, chi_square_power q); bools
  where masses are meant (DiscreteInverseCDF p); a float for a seed (rvs random_state 0.5); a
  list where one object is meant (ContinuousInverseCDF rvs random_state a list of one
  Generator, grid_inverse_cdf lo a pair, walks_from_one_start start a pair, check_settings full
  a list of names); a scalar where chains are meant (split_chains 1.5); misspelt keywords and
  names (var dof=, sum axes=, known_densities 'kinky'); words for the opt-out value ('y',
  'ja');
- out of range: a sign slipped in (DiscreteInverseCDF rvs size (2, -3), ContinuousInverseCDF
  sample size -4), a fractional count or axis (max axis 1.5, u_error sample_size 2.5, style
  subplots ncols 2.5), past one (piece_of u 1.5, assert_same_distribution alpha 1.5), zero
  (assert_cdf_matches alpha, u_grids max_size), NaN (fixed_step_chains scaled,
  metropolis_transition_matrix p, densities pareto scale and triangular lo,
  uniforms_near_edges p), inf (ContinuousInverseCDF ppf u, exponential rate,
  check_probabilities p, assert_inverts u, dkw_epsilon alpha, draws_needed alpha,
  chi_square_pvalue counts, densities steps edges and student_t loc), -inf and inf as a draw
  (split_rhat, diagnose), a seed too large (style check_seed 2**64), huge (step_size_sweep
  chains 10**10, must be refused with its size named);
- a wrong shape: not a reduction (sum_to (3, 2) of (2, 3)), three tails for two (ess_tail
  prob), a (5, 1) column (assert_monotone u), ragged runs (normal_scores x);
- a user's function that misbehaves: a Primitive whose impl returns None (vjp, check_grads),
  complex values (jacobian, hvp), NaN (value_and_grad, check_grads) or bools (hessian), whose
  vjp sums to one number for a vector (hessian, grad, hvp); a sampler's ``sample`` returning
  None (noise_floor); complex values (explore's pdf); bools (integrate's f); one number for
  every point (ks_distance's cdf); not symmetric (check_symmetric_proposal's q).
No degenerate data of the issue's own rule (too-short or constant chains) was written (a
``normal_scores x empty`` draft was replaced before the run by ragged runs, for fear that empty
draws read as too-short). No file or path case and no mismatch between runs: these areas have
none but ``style.save``, whose path kinds the earlier batteries hold.

Repeats: every id of the earlier batteries (13,665 distinct one-line tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the file before the run for exact ids, case-insensitively (none in the file as run; sixteen
in the first draft, replaced: tan and sqrt of a list holding None, log1p, expm1 and sigmoid of
True, minimum of a vector and True, where cond a list holding None, vjp of sin at a list holding
None, grad through a Primitive whose impl returns complex values, explore u_resolution NaN,
acceptance_1d h complex, quantile_type7 prob NaN, assert_monotone u holding None, densities
pareto alpha -1.0, strategies u_grids cut_points holding NaN, symmetric_proposals n 2.5). Then
for every drafted id the earlier ids sharing its first two words (three for densities,
strategies, style, DiscreteInverseCDF, ContinuousInverseCDF, keep_freed_memory; five for grad,
check_grads and hvp through a Primitive) were printed and read, and further drafts sharing an
earlier substance were replaced before the run: sinh, abs of numbers typed as text; var axis
1.5 (earlier 1.0), norm axis 1.5 (earlier a float), broadcast_to shape (2, 1.5), transpose axes
repeated; solve a singular and not square; jvp tangents holding None; jacobian argnum True; grad
through a Primitive whose impl returns None or NaN; DiscreteInverseCDF piece_of u NaN;
grid_inverse_cdf n 1 and pdf negative; weibull shape -1.5 (earlier float32 negative), pareto
alpha NaN (earlier float32 NaN); metropolis x0 holding NaN, target_acceptance 1.5, log_density
returning None; optimal_acceptance dim 0; walks_from_one_start start NaN and chains 10**8 (earlier
10**9); step_size_sweep dims a list; peak ess of another length; noise_floor rng an int (earlier
a seed); bin_masses cdf one number; total_variation edges NaN; integrate n 0; find_center pdf
strings; metropolis_transition_matrix Q rows summing to 0.9 (earlier 1.5); solve_vandermonde y
of another length; normal_scores x complex; diagnose draws a dict; ess_tail prob (0.05, 1.5)
and a set; assert_inverts u_resolution negative; assert_labels_match p NaN; draws_needed
samples 0 and beta NaN; smallest_detectable n 2.5 and samples 0; dkw_epsilon n -5 and alpha
1.5; chi_square_pvalue counts longer than p; chi_square_power n True (earlier a numpy True_)
and alpha NaN; densities steps heights negative, student_t scale 0; style subplots ncols 0,
check_settings cfg with a misspelt key (earlier: an unknown key), check_record keys 'ab';
keep_freed_memory mmap_threshold -1 (earlier -65536); opt-out value 'yes'. Kept although near
an earlier id, as a new instance: relu, where b, div, maximum, sum_to, power's exponent of a
list holding None (earlier: of None, or another argument); ess_mean, mcse_sd, ess_bulk draws a
list of four chains, one of them None (earlier: split_rhat's, diagnose's, rank_normalize's);
check_grads/hvp/jacobian/value_and_grad/hessian/vjp through a Primitive whose impl returns None,
complex, NaN or bools (earlier: grad and check_grads through others); grad/hessian/hvp through
a Primitive whose vjp sums to one number (earlier: a vjp returning another shape, (5,));
solve_vandermonde y complex (earlier: s complex); bin_masses edges a list holding None
(earlier: edges None); normal_scores x ragged runs (earlier: other functions' ragged chains).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 55 of the 94. After the
first run no case was added, dropped, reordered, swapped or reworded, and no slip of mine was
corrected (``DROPPED`` is empty).

First run at 7883f2a (under ``ulimit -v 8000000``; kept and --written about 2.5 s each; pytest
about 5 s): kept, 50 of 55 clear (90.9%), 2 unclear, 3 silent, 0 data loss -- engine 13/16 (1
unclear, 2 silent), gradcheck 2/2, samplers 16/16, diagnostics 6/7 (1 unclear), testing kit
11/11, figures 1/2 (1 silent), memory 1/1. Written, 88 of 94 clear (93.6%), 3 unclear, 3
silent, 0 data loss -- engine 25/28 (1, 2), gradcheck 3/4 (1, 0), samplers 26/26, diagnostics
10/11 (1, 0), testing kit 19/19, figures 3/4 (0, 1), memory 2/2. Under pytest: 51 passed (50
cases and the wide-and-new test), 5 failed (the kept cases below; NOT_CLEAR_YET is left empty
for the lead).

Not clear, kept:
- ``matrix_transpose of True, a bool for a matrix`` (wrong type): unclear -- ValueError
  "matrix_transpose: x must have 2 or more axes, got shape ()": names the function, x and what
  is expected, but not the value given (True), nor that a bool is no matrix.
- ``stop_gradient of a list of numbers typed as text`` (wrong type): silent -- ['0.5', '1.0']
  returned as it was (doubtful, as the hundred-and-seventh's ``stop_gradient of True``:
  stop_gradient is the identity on values; but the engine's other ops refuse text by name).
- ``value_and_grad through a Primitive whose impl returns NaN for every entry`` (a misbehaving
  function): silent -- (array(nan), array([ 1., -2.,  4.])) returned, a NaN value with a
  finite gradient (the vjp's), no error or warning, though the README has hvp name a vjp that
  returns NaN from finite inputs.
- ``split_chains x a scalar 1.5, one number for chains`` (wrong shape): unclear -- ValueError
  "split_chains: x must be draws of shape (chains, draws), finite numbers, with at least 2
  draws per chain, got shape ()": names the function, x and the shape expected, not the value
  1.5.
- ``style check_settings full a list of names, not the dict of defaults`` (wrong type):
  silent -- {'seed': 1} returned (doubtful: a list of the allowed names may be accepted by
  design; I know ``full`` only from the earlier batteries' calls, which give a dict).
Not clear, written and not kept:
- ``check_grads fun through a Primitive whose impl returns NaN for every entry``: unclear --
  ValueError "check_grads: fun (_through_nan_impl) returned NaN or inf ((): np.float64(nan))
  at the point given; derivatives are checked where fun is finite": names fun by its name and
  the NaN, but not the Primitive (my_nanimpl) whose impl made it (doubtful: my mention asked
  for the Primitive's name, where the user's fun is named instead).
Remarks on clear cases: ``step_size_sweep chains 10**10`` is refused before any work, sizes
named ("step_size_sweep: 3 step sizes x chains = 10000000000 x steps = 20 x dim = 1 would need
4.37 TiB of memory at once, more than this machine's 23.5 GiB; choose a smaller size"); ``style
check_seed 2**64`` gives "seed must be an integer >= 0 and < 2**63 (an int64), got
18446744073709551616"; a Primitive's impl returning None is named under vjp ("vjp: fun
(_none_op) raised TypeError ... Primitive 'my_none': impl (_none_impl) must return an array of
real numbers, but it returned NoneType None") and a vjp returning one number under hessian
("Primitive 'my_scalarvjp': vjp_0 (_scalar_vjp) must return the cotangent of argument 0, of its
shape (3,), but it returned shape ()"); ``var dof=1`` is refused by Python itself ("var() got
an unexpected keyword argument 'dof'", clear by the mentions, though it does not say ddof);
ragged runs give "normal_scores: x must be draws ... its entries have shapes [(100,), (60,)],
which make no array"; ``check_symmetric_proposal q not symmetric`` gives "Q must be symmetric
(Metropolis needs q(j|i) = q(i|j)), but Q[0, 1] = 0.5 and Q[1, 0] = 0.0" (it calls q "Q");
``explore pdf returning complex values`` is named from inside ("find_center: pdf (_complex_pdf)
must return real numbers, but it returned complex values (dtype complex128); ...": it names
find_center, not explore, which the user called).

Measured on main at 7883f2a, the commit it was written at, blind (the lead reran it there, with
the hundred-and-tenth beside it): kept, 50 of 55 clear (90.9%), 2 unclear, 3 silent, 0 data
loss. Round 75 (with sight of this file, not blind): matrix_transpose and check_chains show a
0-d value given; stop_gradient refuses a list holding text or None; a user Primitive whose
impl returns NaN from finite arguments is a ValueError naming the op, as its VJP already was.
The check_settings case stayed a strict xfail (doubtful) until round 76 refused it.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (DiscreteInverseCDF, diagnose, ess_bulk, ess_mean, ess_tail,
                                  grid_inverse_cdf, mcse_sd, metropolis_transition_matrix,
                                  rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7, split_chains
from scratchmeta.sampling.discrete import check_probabilities
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.sampling.interpolation import solve_vandermonde
from scratchmeta.sampling.mixing import bin_masses, noise_floor
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import acceptance_1d, fixed_step_chains, peak
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetysixth import _under_the_batteries_ulimit
from test_bad_inputs_ninetyseventh import EDGES, M23, P3, U5, X3, _chains4, _sin_loss
from test_bad_inputs_hundredfifth import _square_impl, _square_vjp
from test_bad_inputs_hundredseventh import _normal_sampler, _walks
from test_bad_inputs_hundredninth import _one_chain_none, _sweep, _through_bools_impl
from test_bad_inputs_hundredthird import _complex_impl


# --- the engine and gradcheck: users' rules that misbehave -------------------------------------

def _none_impl(x):
    """A Primitive's impl that forgets to return: None."""
    np.asarray(x, dtype=float) ** 2


def _none_op(x):
    """The elementwise op built on ``_none_impl`` (for vjp, which keeps its shape)."""
    return ad.Primitive("my_none", _none_impl, _square_vjp)(x)


def _through_none_impl(x):
    return ad.sum(_none_op(x))


def _complex_op(x):
    """The elementwise op built on ``_complex_impl`` (for jacobian, a vector output)."""
    return ad.Primitive("my_cplx", _complex_impl, _square_vjp)(x)


def _through_complex_impl(x):
    return ad.sum(_complex_op(x))


def _nan_impl(x):
    """A Primitive's impl that divides 0 by 0: NaN for every entry."""
    return np.full(np.shape(x), np.nan)


def _through_nan_impl(x):
    return ad.sum(ad.Primitive("my_nanimpl", _nan_impl, _square_vjp)(x))


def _scalar_vjp(g, ans, x):
    """A vjp rule that sums its cotangent: one number for a vector argument."""
    return ad.sum(g * 2.0 * x)


def _through_scalar_vjp(x):
    return ad.sum(ad.Primitive("my_scalarvjp", _square_impl, _scalar_vjp)(x))


# --- samplers and the kit: functions that misbehave ------------------------------------------

def _complex_pdf(x):
    """A density with a phase factor left in: complex values."""
    return stats.norm.pdf(x) + 0j


def _bools_f(x):
    """An integrand returning a mask (|x| < 0.5) where numbers are meant."""
    return np.abs(np.asarray(x, dtype=float)) < 0.5


def _scalar_cdf(x):
    """A cdf that returns one number, whatever the points (a mean left in)."""
    return float(np.mean(stats.norm.cdf(x)))


class _NoneSampler:
    """A user's sampler whose ``sample`` forgets to return: None."""

    def sample(self, size, rng):
        rng.normal(size=size)


def _discrete():
    return DiscreteInverseCDF(P3)


# --- diagnostics -------------------------------------------------------------------------------

def _chains_with(value):
    """Four chains of 100 draws, one draw replaced by ``value``."""
    x = _chains4().copy()
    x[2, 40] = value
    return x


def _one_chain_complex():
    """Four chains, the third complex (a phase factor left in one run)."""
    c = _chains4()
    return [c[0], c[1], c[2] + 0.5j, c[3]]


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("logsumexp of a complex vector", lambda d: ad.logsumexp(X3 + 1j),
     ["logsumexp", "complex"]),
    ("clip a_max True, a bool for a bound", lambda d: ad.clip(X3, 0.0, True),
     ["a_max", "True"]),
    ("clip x complex", lambda d: ad.clip(X3 + 1j, 0.0, 1.0), ["clip", "complex"]),
    ("matrix_transpose of True, a bool for a matrix", lambda d: ad.matrix_transpose(True),
     ["matrix_transpose", "True"]),
    ("stop_gradient of a list of numbers typed as text", lambda d: ad.stop_gradient(
        ["0.5", "1.0"]), ["stop_gradient", "0.5"]),
    ("hessian at a list of numbers typed as text", lambda d: ad.hessian(_sin_loss)(
        ["0.5", "1.0"]), ["hessian", "0.5"]),
    ("maximum of a vector and a list holding None, a missing bound", lambda d: ad.maximum(
        X3, [0.0, None, 1.0]), ["maximum", "None"]),
    ("power exponent a list holding None, a missing exponent", lambda d: ad.power(
        X3, [2.0, None, 2.0]), ["power", "None"]),
    ("var dof=1, a misspelt ddof", lambda d: ad.var(X3, dof=1), ["var", "dof"]),
    ("sum axes=0, a misspelt axis", lambda d: ad.sum(M23, axes=0), ["sum", "axes"]),
    ("where b a list holding None, a missing value", lambda d: ad.where(
        [True, False, True], X3, [0.5, None, 2.0]), ["where", "None"]),
    ("div of a vector by a list holding None, a missing divisor", lambda d: ad.div(
        X3, [1.0, None, 2.0]), ["div", "None"]),
    ("matmul b True, a bool for a vector", lambda d: ad.matmul(M23, True),
     ["matmul", "True"]),
    ("prod axis True, a bool for an axis", lambda d: ad.prod(M23, axis=True),
     ["axis", "True"]),
    ("std axis True, a bool for an axis", lambda d: ad.std(M23, axis=True),
     ["axis", "True"]),
    ("max axis 1.5, a fractional axis", lambda d: ad.max(M23, axis=1.5), ["axis", "1.5"]),
    ("sum_to shape (3, 2), not a reduction of (2, 3)", lambda d: ad.sum_to(M23, (3, 2)),
     ["sum_to", "(3, 2)"]),
    ("relu of a list holding None, a missing value", lambda d: ad.relu([0.5, None, 2.0]),
     ["relu", "None"]),
    ("jvp tangents a complex tangent for a real primal", lambda d: ad.jvp(
        ad.sin, (X3,), (np.ones(3) + 1j,)), ["jvp", "complex"]),
    ("concatenate xs holding a complex array", lambda d: ad.concatenate(
        [X3, X3 + 1j]), ["concatenate", "complex"]),
    ("trace of sin at a complex point", lambda d: ad.trace(ad.sin, X3 + 1j),
     ["trace", "complex"]),
    ("sum_to of a list holding None, a missing value", lambda d: ad.sum_to(
        [[0.5, None, 2.0]], (3,)), ["sum_to", "None"]),
    ("jacobian through a Primitive whose impl returns complex values", lambda d:
        ad.jacobian(_complex_op)(X3), ["my_cplx", "complex"]),
    ("value_and_grad through a Primitive whose impl returns NaN for every entry", lambda d:
        ad.value_and_grad(_through_nan_impl)(X3), ["my_nanimpl", "nan"]),
    ("hessian through a Primitive whose vjp sums to one number for a vector", lambda d:
        ad.hessian(_through_scalar_vjp)(X3), ["my_scalarvjp", "(3,)"]),
    ("vjp through a Primitive whose impl forgets to return, giving None", lambda d: ad.vjp(
        _none_op, X3), ["my_none", "None"]),
    ("grad through a Primitive whose vjp sums to one number for a vector", lambda d:
        ad.grad(_through_scalar_vjp)(X3), ["my_scalarvjp", "(3,)"]),
    ("hessian through a Primitive whose impl returns bools, a mask", lambda d: ad.hessian(
        _through_bools_impl)(X3), ["my_bool", "bool"]),
]

GRADCHECK_CASES = [
    ("check_grads fun through a Primitive whose impl returns None, a return forgotten",
     lambda d: check_grads(_through_none_impl, (X3,)), ["my_none", "None"]),
    ("hvp fun through a Primitive whose impl returns complex values", lambda d: hvp(
        _through_complex_impl, X3, np.ones(3)), ["my_cplx", "complex"]),
    ("check_grads fun through a Primitive whose impl returns NaN for every entry", lambda d:
        check_grads(_through_nan_impl, (X3,)), ["my_nanimpl", "nan"]),
    ("hvp fun through a Primitive whose vjp sums to one number for a vector", lambda d:
        hvp(_through_scalar_vjp, X3, np.ones(3)), ["my_scalarvjp", "(3,)"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p a list of bools, a mask for masses", lambda d:
        DiscreteInverseCDF([True, False, True]), ["p", "bool"]),
    ("DiscreteInverseCDF rvs size (2, -3), a sign slipped in", lambda d: _discrete().rvs(
        size=(2, -3), random_state=_rng()), ["size", "-3"]),
    ("DiscreteInverseCDF ppf u complex uniforms", lambda d: _discrete().ppf(U5 + 0j),
     ["u", "complex"]),
    ("DiscreteInverseCDF piece_of u 1.5, past one", lambda d: _discrete().piece_of(1.5),
     ["u", "1.5"]),
    ("DiscreteInverseCDF rvs random_state 0.5, a float for a seed", lambda d:
        _discrete().rvs(size=3, random_state=0.5), ["random_state", "0.5"]),
    ("ContinuousInverseCDF u_error sample_size 2.5, a fractional count", lambda d:
        _normal_sampler().u_error(2.5), ["sample_size", "2.5"]),
    ("ContinuousInverseCDF sample size -4, a sign slipped in", lambda d:
        _normal_sampler().sample(-4, _rng()), ["size", "-4"]),
    ("ContinuousInverseCDF ppf u holding inf", lambda d: _normal_sampler().ppf(
        np.array([0.1, np.inf, 0.9])), ["u", "inf"]),
    ("ContinuousInverseCDF rvs random_state a list of one Generator", lambda d:
        _normal_sampler().rvs(size=3, random_state=[_rng()]), ["random_state", "list"]),
    ("grid_inverse_cdf lo a list [-5.0, -4.0], two ends where one is meant", lambda d:
        grid_inverse_cdf(stats.norm.pdf, [-5.0, -4.0], 5.0), ["lo", "[-5.0, -4.0]"]),
    ("exponential rate inf", lambda d: sampling.exponential(np.inf), ["rate", "inf"]),
    ("walks_from_one_start start a list of two starts, one start meant", lambda d: _walks(
        start=[0.0, 1.0]), ["start", "[0.0, 1.0]"]),
    ("fixed_step_chains scaled holding NaN", lambda d: fixed_step_chains(
        1, [1.0, np.nan], 2, 10, _rng()), ["scaled", "nan"]),
    ("step_size_sweep chains 10**10, far past memory and time", lambda d:
        _under_the_batteries_ulimit(lambda: _sweep(chains=10 ** 10)),
     ["chains", "10000000000"]),
    ("peak scaled complex", lambda d: peak(np.array([0.5, 1.0, 2.0]) + 0.5j,
                                           [10.0, 20.0, 15.0]), ["scaled", "complex"]),
    ("noise_floor sampler whose sample returns None, a return forgotten", lambda d:
        noise_floor(100, 3, _NoneSampler(), EDGES, stats.norm.cdf, _rng()),
     ["sampler", "None"]),
    ("noise_floor edges complex", lambda d: noise_floor(
        100, 3, _normal_sampler(), EDGES + 0j, stats.norm.cdf, _rng()), ["edges", "complex"]),
    ("bin_masses edges a list holding None, a missing edge", lambda d: bin_masses(
        [-1.0, None, 1.0], stats.norm.cdf), ["edges", "None"]),
    ("find_center center complex", lambda d: find_center(
        stats.norm.pdf, -5.0, 5.0, center=0.5j), ["center", "0.5j"]),
    ("explore pdf returning complex values", lambda d: explore(
        stats.norm.pdf, _complex_pdf, -5.0, 5.0), ["pdf", "complex"]),
    ("metropolis_transition_matrix p holding NaN, a probability lost", lambda d:
        metropolis_transition_matrix([0.2, np.nan, 0.5], np.full((3, 3), 1 / 3)),
     ["p", "nan"]),
    ("check_probabilities p holding inf", lambda d: check_probabilities(
        [0.2, np.inf, 0.5]), ["p", "inf"]),
    ("solve_vandermonde y complex", lambda d: solve_vandermonde(
        [0.0, 0.5, 1.0], np.array([1.0, 2.0, 3.0]) + 1j), ["y", "complex"]),
    ("acceptance_1d h a list holding None, a missing step", lambda d: acceptance_1d(
        [0.5, None, 2.0]), ["h", "None"]),
    ("check_symmetric_proposal q not symmetric", lambda d: check_symmetric_proposal(
        np.array([[0.5, 0.5, 0.0], [0.0, 0.5, 0.5], [0.5, 0.0, 0.5]]), 3),
     ["q", "symmetric"]),
    ("integrate f returning bools, a mask", lambda d: integrate(
        _bools_f, -1.0, 1.0), ["f", "bool"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws holding -inf, a draw that underflowed", lambda d: split_rhat(
        _chains_with(-np.inf)), ["split_rhat", "inf"]),
    ("ess_mean draws a list of four chains, one of them None", lambda d: ess_mean(
        _one_chain_none()), ["ess_mean", "None"]),
    ("mcse_sd draws a list of four chains, one of them None", lambda d: mcse_sd(
        _one_chain_none()), ["mcse_sd", "None"]),
    ("quantile_type7 prob complex", lambda d: quantile_type7(_samples(), 0.5 + 0.1j),
     ["prob", "complex"]),
    ("normal_scores x ragged draws of 100 and 60, a list of two runs", lambda d:
        normal_scores([_chains4()[0], _chains4()[1, :60]]), ["normal_scores", "60"]),
    ("diagnose draws holding inf, a draw overflowed", lambda d: diagnose(
        _chains_with(np.inf)), ["diagnose", "inf"]),
    ("ess_tail prob (0.05, 0.5, 0.95), three tails for two", lambda d: ess_tail(
        _chains4(), prob=(0.05, 0.5, 0.95)), ["prob", "0.5"]),
    ("ess_bulk draws a list of four chains, one of them None", lambda d: ess_bulk(
        _one_chain_none()), ["ess_bulk", "None"]),
    ("split_chains x a scalar 1.5, one number for chains", lambda d: split_chains(1.5),
     ["split_chains", "1.5"]),
    ("rank_normalize draws a list of four chains, one of them complex", lambda d:
        rank_normalize(_one_chain_complex()), ["rank_normalize", "complex"]),
    ("split_chains x a list of numbers typed as text", lambda d: split_chains(
        [["0.5", "1.0", "-0.5", "2.0"], ["0.1", "0.2", "0.3", "0.4"]]),
     ["split_chains", "0.5"]),
]

TESTING_CASES = [
    ("assert_monotone u a (5, 1) column, 2-D for 1-D", lambda d: testing.assert_monotone(
        stats.norm.ppf, U5.reshape(-1, 1)), ["u", "(5, 1)"]),
    ("assert_inverts u holding inf", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, np.array([0.1, np.inf, 0.9]), 1e-6), ["u", "inf"]),
    ("assert_cdf_matches alpha 0, no false-failure rate", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.cdf, alpha=0.0), ["alpha", "0"]),
    ("assert_labels_match labels complex", lambda d: testing.assert_labels_match(
        np.array([0, 1, 2] * 50) + 0j, P3), ["labels", "complex"]),
    ("assert_same_distribution alpha 1.5, above one", lambda d:
        testing.assert_same_distribution(_samples(), _samples(100), alpha=1.5),
     ["alpha", "1.5"]),
    ("dkw_epsilon alpha inf", lambda d: testing.dkw_epsilon(1000, alpha=np.inf),
     ["alpha", "inf"]),
    ("draws_needed alpha inf", lambda d: testing.draws_needed(0.01, alpha=np.inf),
     ["alpha", "inf"]),
    ("chi_square_pvalue counts holding inf", lambda d: testing.chi_square_pvalue(
        [20, np.inf, 50], P3), ["counts", "inf"]),
    ("chi_square_power q complex", lambda d: testing.chi_square_power(
        P3, np.array([0.3, 0.3, 0.4]) + 0j, 1000), ["q", "complex"]),
    ("ks_distance cdf returning one number for every point", lambda d: testing.ks_distance(
        _samples(), _scalar_cdf), ["cdf", "_scalar_cdf"]),
    ("two_sample_distance x a list holding None, a missing draw", lambda d:
        testing.two_sample_distance([0.5, None, -1.0], _samples(100)), ["x", "None"]),
    ("densities pareto scale NaN", lambda d: densities.pareto(2.0, scale=np.nan),
     ["scale", "nan"]),
    ("densities triangular lo NaN", lambda d: densities.triangular(np.nan, 0.5, 1.0),
     ["lo", "nan"]),
    ("densities uniform lo the text 'zero', a word for a number", lambda d:
        densities.uniform("zero", 1.0), ["lo", "zero"]),
    ("densities steps edges holding inf, an unbounded step", lambda d: densities.steps(
        [0.0, 1.0, np.inf], [0.5, 0.5]), ["edges", "inf"]),
    ("densities student_t loc inf", lambda d: densities.student_t(3.0, loc=np.inf),
     ["loc", "inf"]),
    ("strategies u_grids max_size 0, no room for a grid", lambda d: _example(
        strategies.u_grids(max_size=0)), ["max_size", "0"]),
    ("strategies uniforms_near_edges p holding NaN", lambda d: _example(
        strategies.uniforms_near_edges([0.2, np.nan, 0.5])), ["p", "nan"]),
    ("strategies known_densities kinds ('bounded', 'heavy', 'kinky'), a misspelt 'kink'",
     lambda d: _example(strategies.known_densities(("bounded", "heavy", "kinky"))),
     ["kinds", "kinky"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_seed seed 2**64, past the largest seed", lambda d: style.check_seed(
        2 ** 64), ["seed", "18446744073709551616"]),
    ("style check_seed seed True, a bool for a seed", lambda d: style.check_seed(True),
     ["seed", "True"]),
    ("style subplots ncols 2.5, a fractional count", lambda d: style.subplots(1, 2.5),
     ["ncols", "2.5"]),
    ("style check_settings full a list of names, not the dict of defaults", lambda d:
        style.check_settings({"seed": 1}, ["seed"]), ["full", "list"]),
]

VAR = memory.OPT_OUT_VARIABLE                    # "SCRATCHMETA_KEEP_FREED_MEMORY"
MEMORY_CASES = [
    ("opt-out value 'y', a letter for yes", lambda d: memory.opt_out_value(), [VAR, "'y'"],
     {VAR: "y"}),
    ("unless_opted_out 'ja', yes in German", lambda d: _then_defaults(
        memory.keep_freed_memory_unless_opted_out), [VAR, "ja"], {VAR: "ja"}),
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
NOT_CLEAR_YET = {}      # the check_settings case (doubtful at 7883f2a): refused in round 76
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredeleventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredeleventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
