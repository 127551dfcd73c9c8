"""A hundred-and-fifty-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt157), from the user's side only, in about fifteen
minutes. Read: README.md's first 300 lines before the run and a grep of it for "integrate"
after the run (its lines 355-380, which showed the slip below); no ``--help`` (this battery has
no command-line case); the public names (``__all__`` where there is one, else ``dir`` filtered
to the names each module defines itself) and signatures of ``scratchmeta.sampling`` and its
public modules (``diagnostics``, ``metropolis``, ``step_size``, ``mixing``, ``closed_forms``,
``continuous``, ``discrete``, ``finite_chain``, ``interpolation``, ``quadrature``, ``tails``;
``sampling.checks`` left out), ``testing``, ``testing.densities``, ``testing.strategies``,
``figures.style``, ``memory`` and ``gradcheck``; of ``scratchmeta.autodiff`` its ``__all__``
and the signatures of where, grad, value_and_grad, jacobian, hessian, jvp, vjp, Primitive,
einsum, solve, matmul, sum, log, exp, trace, tree_map and stop_gradient; the public methods of
``DiscreteInverseCDF`` and ``ContinuousInverseCDF`` (signatures only). Templates: the
hundred-and-fifty-third and the hundred-and-forty-ninth, in full (each in two displays, the
middle of each printed separately). Of ``tests/test_bad_inputs_cli.py`` its module docstring
(through ``ast``), a grep of its ``def`` lines and its lines 462-500 and 550-622
(``classify_cli``, ``classify_call``, ``kept_cases``, ``battery_params``,
``assert_wide_and_new``, ``battery_main``, ``report_by_area``); the eighth's ``classify_case``:
its head (signature, docstring and about twenty first lines). The earlier batteries' shared
helpers were imported, not copied (from the fifth ``_example`` and ``_metropolis``; the
seventeenth ``_samples``; the eighty-seventh ``_then_defaults``; from the ninety-seventh its
constants, ``_chains4`` and ``_sin_loss``; the hundred-and-seventh ``_normal_sampler`` and
``_walks``; the hundred-and-eleventh ``_discrete``; the fourth ``_rng``); their signatures and
the constants' values were printed, and -- more than the templates did, disclosed -- the
bodies of two test helpers, the fifth's ``_metropolis`` and the hundred-and-seventh's
``_walks`` (their default keywords), by a grep with context; the ninety-sixth's
``_under_the_batteries_ulimit`` was imported once to print its signature and is not used. No
body, docstring or source of library code, of ``checks``/``messages``/``protocol``, of the
library's history or of /work/main (whose venv's python alone was run) was read, before or after
the first run (``git status``, after the run, was the only git command). Before the run, to get
the plumbing right, the valid counterparts (not cases) of 44 calls were run once (46 runs),
printing only "ok" or the exception's type (peak, exponential, densities uniform, steps and
normal_mixture, u_grids, uniforms_near_edges, subplots, check_numbers, quantile_type7, ess_tail,
chi_square_pvalue, two_sample_distance, draws_needed, ``_metropolis`` with step_size,
target_acceptance and n_warmup, fixed_step_chains, step_size_sweep, ``_walks`` with three step
sizes, grid_inverse_cdf, integrate, from_density, from_ppf, noise_floor, bin_masses,
ks_distance, assert_inverts, assert_labels_match, chi_square_power, dkw_epsilon, matmul, einsum,
solve, var, power, Primitive, where, jvp, hvp, check_grads, keep_freed_memory, split_rhat,
DiscreteInverseCDF; the NumPy outputs' shapes and types: np.unique's inverse (4, 100),
np.argsort of the step sizes, QRResult/EighResult/SVDResult); one failed (``_walks`` with three
step sizes and one rng, a ValueError whose message was not printed), and passed with three rngs,
so the step_sizes case got ``_three_rngs()`` before any run; no library message was seen before
the run. Writes: no case writes a file; the writer kept scratch files (the list of earlier ids,
the drafted cases, this docstring's draft) in /tmp/wt157/.scratch (untracked, removed after the
run). No optional package is used, so no case is skipped. No case could allocate gigabytes (the
largest array is the (4, 100) chains; the largest number 2**28 bytes, passed inside an array as
a malloc threshold and refused), so ``_under_the_batteries_ulimit`` is not used.

Areas (library side only), as written: the autodiff engine -- grad, value_and_grad, jacobian,
hessian, jvp and vjp fun and Primitive impl written with the one-argument ``np.where``; sin,
exp, norm, einsum, power, maximum of a NumPy decomposition's result record (QRResult,
EighResult, SVDResult, SlogdetResult); hessian, grad and vjp at such a record; where cond the
one-argument np.where's tuple; var ddof column sums (18); gradcheck -- check_grads and hvp fun
the one-argument np.where, hvp v and x and check_grads args a decomposition's record,
check_grads rtol column minima (6); ``figures.style`` -- check_numbers x a QRResult and an
EighResult, subplots nrows and ncols column maxima / row sums (4); ``memory`` --
keep_freed_memory's thresholds column maxima, row sums, column means (3); samplers -- metropolis
and walks_from_one_start log_density, bin_masses and pooled_total_variation cdf,
grid_inverse_cdf and from_density pdf, integrate f, from_ppf ppf written with the one-argument
np.where; walks_from_one_start, bin_masses, total_variation, noise_floor and from_ppf cdf an
empirical CDF of np.searchsorted counts, its ``/ n`` forgotten; walks_from_one_start,
bin_masses, total_variation and noise_floor edges ``np.diff(edges)``; fixed_step_chains and
step_size_sweep scaled, walks_from_one_start step_sizes, ContinuousInverseCDF ppf u and
DiscreteInverseCDF from_uniforms u ``np.argsort`` where ``np.sort`` is meant; fixed_step_chains
scaled the one-argument np.where's tuple; metropolis step_size, target_acceptance and n_warmup,
peak ess, grid_inverse_cdf lo, integrate hi (dropped, below), from_density domain and
exponential rate an array reduced over one axis (``x.std(axis=0)``) where the whole reduction
is meant; DiscreteInverseCDF p np.unique's (values, counts) pair (32); diagnostics -- split_rhat,
ess_bulk, ess_mean, ess_tail, mcse_mean, mcse_sd, rank_normalize, diagnose draws and
split_chains x np.unique's (values, inverse) pair, where the ranks are meant; ess_tail prob the
tail quantiles (values, not levels); quantile_type7 prob a searchsorted rank (``/ n``
forgotten) and np.argsort of the levels (12); the testing kit -- ks_distance,
assert_cdf_matches and assert_inverts cdf the searchsorted counts; ks_distance and
assert_cdf_matches cdf, assert_inverts and assert_monotone ppf the one-argument np.where;
assert_monotone and assert_inverts u np.argsort(u); chi_square_pvalue counts, two_sample_distance
y, strategies uniforms_near_edges p np.unique's (values, counts) pair, assert_labels_match labels
its (values, inverse) pair; chi_square_power, dkw_epsilon n and draws_needed discrepancy a
reduction over one axis; densities steps edges np.diff(edges), uniform lo and normal_mixture
scales a reduction over one axis; strategies u_grids cut_points np.argsort(cuts) (20): 95
written, 31 of them on the engine, gradcheck, figures and memory, 64 on the samplers,
diagnostics and testing kit, as the brief asks (another writer works on the engine). Dtypes:
float32 and float64 are valid by the brief, so no dtype case was written.

Kinds of bad value (the issue's own), each one NumPy call away from the value meant:
- a user's function that misbehaves (returns a tuple): written with the one-argument
  ``np.where(cond)``, which gives a tuple of index arrays, where ``np.where(cond, a, b)``'s
  values were meant;
- a user's function that misbehaves (out of range): an empirical CDF from ``np.searchsorted``
  whose ``/ n`` is forgotten, counts 0..200 where fractions in [0, 1] are meant;
- out of range / decreasing where increasing is meant: ``np.diff(edges)`` (the widths, all 1)
  where the edges are meant; ``np.argsort(x)`` (the order, 0..n-1, with a 0 step size or u up
  to 4) where ``np.sort(x)`` is meant;
- wrong type, a list where one object is meant: the result record of ``np.linalg.qr``,
  ``eigh``, ``svd`` and ``slogdet``, and the tuples of ``np.unique(..., return_counts=True)``
  or ``return_inverse=True`` and of the one-argument ``np.where``, where one of their parts is
  meant;
- wrong shape, an array for a scalar (or the wrong length): a reduction over one axis
  (``x.std(axis=0)``, ``counts.sum(axis=1)``, ``x.max(axis=0)``) where the reduction over all
  is meant.
No degenerate data, no file or path case, no mismatch between runs and no typo (the earlier
batteries hold these densely).

Repeats: every id of the earlier batteries (18,640 distinct quoted first elements of tuples of
at least five characters in ``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``,
by a regex; some are not ids) was compared with this file before the run for exact ids,
case-insensitively (none). Before drafting, the earlier ids holding each candidate kind were
counted (map(, zip(, filter(, reversed(, iter(, .values(), enumerate, itertools, generator
expression, yield, async, coroutine, lazy, iterator, dict_values, range(, set of, frozenset,
deque, array.array, memoryview, masked, ctypes, NpzFile, np.load, quad, SeedSequence, PCG64,
random.Random, RandomState, percent, repr, printed, as text, the text, string, sparse, torch,
poly1d, vectorize, json, histogram, cumsum, linspace, retstep, interp, ECDF, Fraction, ...): the
lazy iterables, text, other generators and SciPy results were dense and given up; "np.where",
"searchsorted", "argsort", "np.diff", "return_inverse", "return_counts", "np.linalg.qr/eigh/
svd", "column sums", "row sums", "column maxima", "per-step", "values forgotten" and "the
ranks" were in no earlier id; "axis=0"/"axis=1" only as keywords (chain_axis=0, AXIS=0, ...).
Then the earlier ids holding EighResult, QRResult, SVDResult, SlogdetResult, unique, ranks,
the order, widths, logabsdet and eigenvector were printed. Drafts sharing an earlier substance
were replaced before the run: matmul a an EighResult (earlier "matmul b an EighResult (its
eigenvectors meant)" and "matmul a an SVDResult") became exp of an EighResult; solve a a
QRResult (earlier "solve a a numpy QRResult (its Q meant)") became norm of a QRResult; hvp v an
EighResult (earlier "hvp v an EighResult (its eigenvalues meant)") became hvp v a QRResult; jvp
tangents an EighResult (earlier "jvp tangents a numpy QRResult") became vjp at an SVDResult.
Kept although near, as new instances, disclosed: hessian at an EighResult beside the earlier
"value_and_grad at an EighResult" and "grad at a scipy OptimizeResult"; power exponent a
SlogdetResult beside "add of a SlogdetResult (its logabsdet meant)"; the np.unique pairs on
DiscreteInverseCDF p, chi_square_pvalue counts, uniforms_near_edges p and two_sample_distance y
beside the earlier (values, counts) tuple on assert_labels_match p, normal_mixture weights,
metropolis_transition_matrix p and getitem; the (values, inverse) pair on eight diagnostics'
draws beside the earlier "mcse_sd draws an EighResult"; exp of an EighResult beside "exp of the
(value, gradient) pair" and "exp x a KstestResult"; the edges that are not increasing beside the
earlier reversed and unsorted edges; the argsort u beside the earlier u out of [0, 1] (numbers,
percentages). Missed, found while writing this docstring: none.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 55 of the 95. After the
first run one case was dropped (``DROPPED``) as an outright slip of the writer's, and nothing
else was added, reordered, swapped, reworded or corrected:
- ``integrate hi the per-chain maxima x.max(axis=1), x.max() meant`` (kept, samplers): silent
  at the first run ("no error"); README.md, grepped after the run, counts "integrate's
  documented arrays of ends" among inputs that were "not bad inputs after all", so an array of
  upper ends is a valid call, not a bad input. Dropped, leaving 54 kept and 94 written.
Not dropped though near this line, disclosed: ``check_grads fun returning the one-argument
np.where(x > 0)`` -- README.md calls "check_grads checks any tree of outputs" doubtful, not
valid; a tuple of integer index arrays is not a function's value that can be differentiated, so
the case stays, silent.

First run (under ``ulimit -v 8000000``; kept about 2.9 s, --written about 4.0 s): kept, 52 of
55 clear (94.5%), 1 unclear, 2 silent, 0 data loss -- engine 10/10, gradcheck 3/4 (1 silent),
figures 2/2, memory 1/1, samplers 17/19 (1 unclear, 1 silent: integrate hi), diagnostics 7/7,
testing kit 12/12. Written, 92 of 95 clear (96.8%), 1 unclear, 2 silent, 0 data loss -- engine
18/18, gradcheck 5/6, figures 4/4, memory 3/3, samplers 30/32, diagnostics 12/12, testing kit
20/20. After the one drop (rerun, the same messages): kept, 52 of 54 clear (96.3%), 1
unclear, 1 silent, 0 data loss -- samplers 17/18; written, 92 of 94 clear (97.9%), 1 unclear,
1 silent, 0 data loss -- samplers 30/31. Under pytest (4.1 s): 2 failed, 53 passed (the two
kept cases not clear failed; the other 52 kept cases and the wide-and-new test passed); pytest
was run once more after this docstring was written, with the same result.

Not clear, kept:
- ``check_grads fun returning the one-argument np.where(x > 0), its values forgotten`` (a
  user's function that misbehaves, a tuple of index arrays): silent -- "no error". grad,
  value_and_grad, jacobian, hessian, jvp, vjp and hvp all refuse the same function ("grad needs
  fun (_where_fun) to return a float array or number, but it returned tuple (array([0, 2]),)");
  check_grads, which checks any tree of outputs, returned without error, so the user's check of
  a function that computes nothing reports success.
- ``fixed_step_chains scaled the one-argument np.where(h > 1), h[h > 1] meant`` (wrong type, a
  tuple where one array is meant): unclear -- "ValueError: fixed_step_chains: scaled must be a
  non-empty 1-D array, got dtype float64 (an array of shape (1, 1))". It names the argument and
  what is expected, but describes the value as NumPy converted it: the user passed a tuple
  holding one integer index array (``(array([2]),)``), and reads of a float64 (1, 1) array they
  never made; no "tuple", and nothing points to np.where. The other tuple cases of this file
  are named as tuples (bin_masses, from_ppf, the diagnostics, assert_labels_match: "a tuple of 1
  items (an array of shape (3,)); return the values alone"). The mention "tuple" was fixed
  before the run, as on every tuple case here; a reader may find the message enough, and the
  lead may judge it so.
Not clear, written and not kept: none (the dropped integrate case aside).
Read in the clear messages, not counted (every one names the argument and the value): the one-
argument np.where is named best ("returned a tuple of 1 items (an array of shape (3,)); return
the values alone, as one array"), never with a hint that np.where wants three arguments; the
decomposition records are named with their fields and "pass the field meant, e.g. .Q" (power's
and maximum's hint suggests ``.sign`` and ``.U``, the first field, not the one likely meant),
grad and vjp at an SVDResult say so through "fun (_sin_loss) raised TypeError" from sin, and hvp
reads one as a tree ("v has 2 leaves but x has 1"); the searchsorted counts as "must return a
number in [0, 1] ... it is no CDF" (from_ppf: "returned np.float64(2.0) at x = ..."); the
argsort u as "3 of 5 outside (the first 2.0); if these are percentages, divide by 100" (a hint
for another slip); the widths from np.diff as "each larger than the one before, got dtype
float64 (an array of shape (6,))" without the values (densities steps shows them); the
reductions over one axis as "must be a real number / an int, got array([...])" with up to 100
numbers spelled out over several lines (metropolis step_size and target_acceptance,
exponential rate, normal_mixture scales), and subplots nrows/ncols and check_grads rtol as
ValueError where a TypeError would say wrong type; a ragged pair as
"a ragged tuple tuple (...)", the word twice. No case lost data.

Measured on main at 47c5a27, the commit it was written at, blind (the lead reran it there,
with the hundred-and-fifty-fourth, -fifth and -sixth beside it): kept, 52 of 54 clear (96.3%),
1 unclear, 1 silent, 0 data loss (after the writer's one recorded drop). Round 93 (with sight
of this file, not blind): check_grads refuses a fun that returns integer arrays (indices, as
the one-argument np.where gives), and says when they came in a tuple, so the silent case is
clear at HEAD. The unclear case (fixed_step_chains shows a tuple of index arrays after NumPy
read it) is left, a strict xfail.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose, ess_bulk,
                                  ess_mean, ess_tail, grid_inverse_cdf, mcse_mean, mcse_sd,
                                  rank_normalize, split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7, split_chains
from scratchmeta.sampling.mixing import (bin_masses, noise_floor, pooled_total_variation,
                                         total_variation)
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import fixed_step_chains, peak, step_size_sweep
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

H22 = np.array([[2.0, 0.5], [0.5, 1.0]])                          # symmetric, positive definite
H33 = np.array([[2.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 3.0]])
H = np.array([1.0, 0.5, 2.0])                                     # three step sizes
TABLE = np.array([[20, 30, 50], [25, 25, 50]])                    # counts of two runs


def _where_fun(x):
    """A user's function written with the one-argument ``np.where(x > 0)``: it returns a tuple
    of index arrays, where ``np.where(x > 0, x, 0.0)``'s values were meant."""
    return np.where(x > 0)


def _where_log_density(x):
    """A log-density written with the one-argument ``np.where``: a tuple of index arrays, where
    ``np.where(np.abs(x) < 5, -x**2 / 2, -np.inf)`` was meant."""
    return np.where(np.abs(x) < 5)


def _where_pdf(x):
    """The uniform density on (-1, 1) written ``np.where((x > -1) & (x < 1))``, its values
    0.5 and 0.0 forgotten: a tuple of index arrays."""
    return np.where((x > -1) & (x < 1))


def _where_cdf(x):
    """The exponential CDF written ``np.where(x > 0)``, its values 1 - exp(-x) and 0
    forgotten: a tuple of index arrays."""
    return np.where(x > 0)


def _where_ppf(u):
    """The Laplace ppf written ``np.where(u < 0.5)``, its two branches forgotten: a tuple of
    index arrays."""
    return np.where(u < 0.5)


def _counts_cdf(x):
    """An empirical CDF with its ``/ n`` forgotten: ``np.searchsorted``'s counts 0..200,
    where fractions in [0, 1] are meant."""
    return np.searchsorted(np.sort(_samples()), x, side="right")


def _qr():
    """``np.linalg.qr`` of a (3, 2) matrix: the (Q, R) pair, where Q (3, 2) is meant."""
    return np.linalg.qr(M23.T)


def _eigh(h=H33):
    """``np.linalg.eigh``: the (eigenvalues, eigenvectors) pair, where one of them is meant."""
    return np.linalg.eigh(h)


def _svd():
    """``np.linalg.svd`` of M23: the (U, S, Vh) triple, where one factor is meant."""
    return np.linalg.svd(M23)


def _ranks_pair():
    """``np.unique(chains, return_inverse=True)``: the (values (400,), inverse (4, 100)) pair,
    where the ranks (the inverse) are meant."""
    return np.unique(_chains4(), return_inverse=True)


def _three_rngs():
    """Three independent generators, one for each of three step sizes."""
    return [np.random.default_rng(i) for i in range(3)]


def _sizes():
    """Buffer sizes in bytes of two runs (2, 2), whose overall maximum or sum is meant."""
    return np.array([[2 ** 26, 2 ** 27], [2 ** 25, 2 ** 28]])


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad fun returning the one-argument np.where(x > 0), its values forgotten", lambda d:
        ad.grad(_where_fun)(X3), ["fun", "tuple"]),
    ("sin of the (Q, R) pair of np.linalg.qr, Q meant", lambda d: ad.sin(_qr()),
     ["QRResult"]),
    ("value_and_grad fun returning the one-argument np.where(x > 0), its values forgotten",
     lambda d: ad.value_and_grad(_where_fun)(X3), ["fun", "tuple"]),
    ("exp of the (eigenvalues, eigenvectors) pair of np.linalg.eigh, the eigenvalues meant",
     lambda d: ad.exp(_eigh()), ["EighResult"]),
    ("jacobian fun returning the one-argument np.where(x > 0), its values forgotten", lambda d:
        ad.jacobian(_where_fun)(X3), ["fun", "tuple"]),
    ("einsum operand the (U, S, Vh) triple of np.linalg.svd, one factor meant", lambda d:
        ad.einsum("ij,j->i", _svd(), np.ones(3)), ["SVDResult"]),
    ("hessian fun returning the one-argument np.where(x > 0), its values forgotten", lambda d:
        ad.hessian(_where_fun)(X3), ["fun", "tuple"]),
    ("norm of the (Q, R) pair of np.linalg.qr of a 2x2 matrix, Q meant", lambda d: ad.norm(
        np.linalg.qr(H22)), ["QRResult"]),
    ("jvp fun returning the one-argument np.where(x > 0), its values forgotten", lambda d:
        ad.jvp(_where_fun, (X3,), (np.ones(3),)), ["fun", "tuple"]),
    ("var ddof the column sums ones((2, 3)).sum(axis=0), where one count is meant", lambda d:
        ad.var(M23, axis=0, ddof=np.ones((2, 3)).sum(axis=0)), ["ddof", "array"]),
    ("vjp fun returning the one-argument np.where(x > 0), its values forgotten", lambda d:
        ad.vjp(_where_fun, X3), ["fun", "tuple"]),
    ("power exponent the (sign, logabsdet) pair of np.linalg.slogdet, logabsdet meant",
     lambda d: ad.power(X3, np.linalg.slogdet(H22)), ["SlogdetResult"]),
    ("Primitive impl returning the one-argument np.where(x > 0), called", lambda d:
        ad.Primitive("positive_part", _where_fun, lambda g, ans, x: g)(X3),
     ["positive_part"]),
    ("maximum b the (U, S, Vh) triple of np.linalg.svd, S meant", lambda d: ad.maximum(
        X3, _svd()), ["SVDResult"]),
    ("where cond the one-argument np.where(x > 0) tuple of indices, where a mask is meant",
     lambda d: ad.where(np.where(X3 > 0), X3, 0.0), ["cond", "tuple"]),
    ("vjp at a point the (U, S, Vh) triple of np.linalg.svd, S meant", lambda d: ad.vjp(
        ad.sin, _svd()), ["SVDResult"]),
    ("hessian at a point the (eigenvalues, eigenvectors) pair of np.linalg.eigh", lambda d:
        ad.hessian(_sin_loss)(_eigh()), ["EighResult"]),
    ("grad at a point the (U, S, Vh) triple of np.linalg.svd, S meant", lambda d: ad.grad(
        _sin_loss)(_svd()), ["SVDResult"]),
]

GRADCHECK_CASES = [
    ("check_grads fun returning the one-argument np.where(x > 0), its values forgotten",
     lambda d: check_grads(_where_fun, (X3,)), ["fun", "tuple"]),
    ("hvp v the (Q, R) pair of np.linalg.qr of a 3x3 matrix, a column of Q meant",
     lambda d: hvp(_sin_loss, X3, np.linalg.qr(H33)), ["v", "QRResult"]),
    ("hvp fun returning the one-argument np.where(x > 0), its values forgotten", lambda d:
        hvp(_where_fun, X3, np.ones(3)), ["fun", "tuple"]),
    ("check_grads args a tuple holding the (Q, R) pair of np.linalg.qr, Q meant", lambda d:
        check_grads(_sin_loss, (_qr(),)), ["QRResult"]),
    ("check_grads rtol the column minima tol.min(axis=0), where one tolerance is meant",
     lambda d: check_grads(_sin_loss, (X3,), rtol=np.full((2, 5), 1e-6).min(axis=0)),
     ["rtol", "array"]),
    ("hvp x the (U, S, Vh) triple of np.linalg.svd, S meant", lambda d: hvp(
        _sin_loss, _svd(), np.ones(3)), ["x", "SVDResult"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_numbers x the (Q, R) pair of np.linalg.qr, Q meant", lambda d:
        style.check_numbers("q_factor", _qr()), ["q_factor", "QRResult"]),
    ("style subplots nrows the column maxima counts.max(axis=0), where max() is meant",
     lambda d: style.subplots(TABLE.max(axis=0) // 10), ["nrows", "array"]),
    ("style check_numbers x the (eigenvalues, eigenvectors) pair of np.linalg.eigh", lambda d:
        style.check_numbers("eigenvectors", _eigh()), ["eigenvectors", "EighResult"]),
    ("style subplots ncols the row sums counts.sum(axis=1), where one count is meant",
     lambda d: style.subplots(1, TABLE.sum(axis=1) // 50), ["ncols", "array"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold the column maxima sizes.max(axis=0), max() meant",
     lambda d: _then_defaults(lambda: memory.keep_freed_memory(_sizes().max(axis=0))),
     ["mmap_threshold", "array"]),
    ("keep_freed_memory trim_threshold the row sums sizes.sum(axis=1), sum() meant", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(trim_threshold=_sizes().sum(axis=1))),
     ["trim_threshold", "array"]),
    ("keep_freed_memory both thresholds column means, positionally, mean() meant", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(_sizes().mean(axis=0),
                                                        _sizes().max(axis=0))),
     ["mmap_threshold", "array"]),
]

SAMPLER_CASES = [
    ("metropolis log_density returning the one-argument np.where, its values forgotten",
     lambda d: _metropolis(log_density=_where_log_density), ["log_density", "tuple"]),
    ("metropolis step_size the per-step spread x.std(axis=0), 100 numbers, std() meant",
     lambda d: _metropolis(step_size=_chains4().std(axis=0)), ["step_size", "array"]),
    ("metropolis target_acceptance the per-step rates acc.mean(axis=0), mean() meant",
     lambda d: _metropolis(target_acceptance=(np.abs(_chains4()) < 1).mean(axis=0)),
     ["target_acceptance", "array"]),
    ("metropolis n_warmup the per-chain counts accepted.sum(axis=1), one count meant",
     lambda d: _metropolis(n_warmup=np.ones((4, 10), dtype=int).sum(axis=1)),
     ["n_warmup", "array"]),
    ("fixed_step_chains scaled np.argsort(h), the order where np.sort(h) is meant (a 0)",
     lambda d: fixed_step_chains(1, np.argsort(H), 4, 50, _rng()), ["scaled", "0"]),
    ("fixed_step_chains scaled the one-argument np.where(h > 1), h[h > 1] meant", lambda d:
        fixed_step_chains(1, np.where(H > 1), 4, 50, _rng()), ["scaled", "tuple"]),
    ("step_size_sweep scaled np.argsort(h), the order where np.sort(h) is meant (a 0)",
     lambda d: step_size_sweep(np.argsort(H), 4, 50, {"d1": 1}, [_rng()]), ["scaled", "0"]),
    ("peak ess the column means table.mean(axis=0), 2 numbers for 3 step sizes", lambda d:
        peak(H, np.array([[10.0, 12.0], [30.0, 28.0], [20.0, 22.0]]).mean(axis=0)),
     ["ess"]),
    ("walks_from_one_start log_density returning the one-argument np.where", lambda d:
        _walks(log_density=_where_log_density), ["log_density", "tuple"]),
    ("walks_from_one_start cdf an empirical CDF of searchsorted counts, / n forgotten",
     lambda d: _walks(cdf=_counts_cdf), ["cdf"]),
    ("walks_from_one_start edges np.diff(edges), the widths where the edges are meant",
     lambda d: _walks(edges=np.diff(EDGES)), ["edges"]),
    ("walks_from_one_start step_sizes zipped with np.argsort(h), np.sort(h) meant (a 0)",
     lambda d: _walks(step_sizes=dict(zip("abc", np.argsort(H))), rngs=_three_rngs()),
     ["step_sizes", "0"]),
    ("bin_masses edges np.diff(edges), the widths where the edges are meant", lambda d:
        bin_masses(np.diff(EDGES), stats.norm.cdf), ["edges"]),
    ("bin_masses cdf an empirical CDF of searchsorted counts, / n forgotten", lambda d:
        bin_masses(EDGES, _counts_cdf), ["cdf"]),
    ("bin_masses cdf returning the one-argument np.where, its values forgotten", lambda d:
        bin_masses(EDGES, _where_cdf), ["cdf", "tuple"]),
    ("total_variation edges np.diff(edges), the widths where the edges are meant", lambda d:
        total_variation(_samples(), np.diff(EDGES), stats.norm.cdf), ["edges"]),
    ("total_variation cdf an empirical CDF of searchsorted counts, / n forgotten", lambda d:
        total_variation(_samples(), EDGES, _counts_cdf), ["cdf"]),
    ("pooled_total_variation cdf returning the one-argument np.where", lambda d:
        pooled_total_variation(_chains4(), EDGES, _where_cdf), ["cdf", "tuple"]),
    ("noise_floor cdf an empirical CDF of searchsorted counts, / n forgotten", lambda d:
        noise_floor(100, 3, _normal_sampler(), EDGES, _counts_cdf, _rng()), ["cdf"]),
    ("noise_floor edges np.diff(edges), the widths where the edges are meant", lambda d:
        noise_floor(100, 3, _normal_sampler(), np.diff(EDGES), stats.norm.cdf, _rng()),
     ["edges"]),
    ("grid_inverse_cdf pdf returning the one-argument np.where, its values forgotten",
     lambda d: grid_inverse_cdf(_where_pdf, -1.0, 1.0, n=256), ["pdf", "tuple"]),
    ("grid_inverse_cdf lo the per-step minima x.min(axis=0), x.min() meant", lambda d:
        grid_inverse_cdf(stats.norm.pdf, _chains4().min(axis=0), 5.0, n=256), ["lo", "array"]),
    ("integrate f returning the one-argument np.where, its values forgotten", lambda d:
        integrate(_where_pdf, -1.0, 1.0), ["f", "tuple"]),
    ("integrate hi the per-chain maxima x.max(axis=1), x.max() meant", lambda d: integrate(
        np.cos, 0.0, _chains4().max(axis=1)), ["hi", "array"]),
    ("ContinuousInverseCDF from_density pdf returning the one-argument np.where", lambda d:
        ContinuousInverseCDF.from_density(_where_pdf, (-1.0, 1.0)), ["pdf", "tuple"]),
    ("ContinuousInverseCDF from_density domain (x.min(axis=0), x.max(axis=0)), arrays",
     lambda d: ContinuousInverseCDF.from_density(stats.norm.pdf, (
         _chains4().min(axis=0), _chains4().max(axis=0))), ["domain"]),
    ("ContinuousInverseCDF from_ppf ppf returning the one-argument np.where", lambda d:
        ContinuousInverseCDF.from_ppf(_where_ppf, stats.laplace.cdf), ["ppf", "tuple"]),
    ("ContinuousInverseCDF from_ppf cdf an empirical CDF of searchsorted counts, / n forgotten",
     lambda d: ContinuousInverseCDF.from_ppf(stats.norm.ppf, _counts_cdf), ["cdf"]),
    ("ContinuousInverseCDF ppf u np.argsort(u), the order where np.sort(u) is meant",
     lambda d: _normal_sampler().ppf(np.argsort(U5)), ["u", "4"]),
    ("DiscreteInverseCDF from_uniforms u np.argsort(u), the order where np.sort(u) is meant",
     lambda d: _discrete().from_uniforms(np.argsort(U5)), ["u", "4"]),
    ("DiscreteInverseCDF p the (values, counts) pair of np.unique, counts / n meant",
     lambda d: DiscreteInverseCDF(np.unique([0, 1, 1, 2, 2, 2], return_counts=True)), ["p"]),
    ("exponential rate one over the per-step spread 1 / x.std(axis=0), 100 numbers",
     lambda d: sampling.exponential(rate=1.0 / _chains4().std(axis=0)), ["rate", "array"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws the (values, inverse) pair of np.unique, the ranks meant", lambda d:
        split_rhat(_ranks_pair()), ["draws", "tuple"]),
    ("ess_bulk draws the (values, inverse) pair of np.unique, the ranks meant", lambda d:
        ess_bulk(_ranks_pair()), ["draws", "tuple"]),
    ("ess_tail prob the tail quantiles np.quantile(x, (0.05, 0.95)), not their levels",
     lambda d: ess_tail(_chains4(), prob=tuple(np.quantile(_chains4(), (0.05, 0.95)))),
     ["prob"]),
    ("quantile_type7 prob a rank np.searchsorted(sorted x, 1.0), / n forgotten", lambda d:
        quantile_type7(_samples(), np.searchsorted(np.sort(_samples()), 1.0)), ["prob"]),
    ("ess_mean draws the (values, inverse) pair of np.unique, the ranks meant", lambda d:
        ess_mean(_ranks_pair()), ["draws", "tuple"]),
    ("mcse_mean draws the (values, inverse) pair of np.unique, the ranks meant", lambda d:
        mcse_mean(_ranks_pair()), ["draws", "tuple"]),
    ("ess_tail draws the (values, inverse) pair of np.unique, the ranks meant", lambda d:
        ess_tail(_ranks_pair()), ["draws", "tuple"]),
    ("mcse_sd draws the (values, inverse) pair of np.unique, the ranks meant", lambda d:
        mcse_sd(_ranks_pair()), ["draws", "tuple"]),
    ("rank_normalize draws the (values, inverse) pair of np.unique, the ranks meant",
     lambda d: rank_normalize(_ranks_pair()), ["draws", "tuple"]),
    ("diagnose draws the (values, inverse) pair of np.unique, the ranks meant", lambda d:
        diagnose(_ranks_pair()), ["draws", "tuple"]),
    ("split_chains x the (values, inverse) pair of np.unique, the ranks meant", lambda d:
        split_chains(_ranks_pair()), ["x", "tuple"]),
    ("quantile_type7 prob np.argsort(probs), the order where np.sort(probs) is meant",
     lambda d: quantile_type7(_samples(), np.argsort([0.5, 0.05, 0.95])), ["prob", "2"]),
]

TESTING_CASES = [
    ("ks_distance cdf an empirical CDF of searchsorted counts, / n forgotten", lambda d:
        testing.ks_distance(_samples(), _counts_cdf), ["cdf"]),
    ("assert_cdf_matches cdf an empirical CDF of searchsorted counts, / n forgotten",
     lambda d: testing.assert_cdf_matches(_samples(), _counts_cdf), ["cdf"]),
    ("ks_distance cdf returning the one-argument np.where, its values forgotten", lambda d:
        testing.ks_distance(_samples(), _where_cdf), ["cdf", "tuple"]),
    ("assert_cdf_matches cdf returning the one-argument np.where, its values forgotten",
     lambda d: testing.assert_cdf_matches(_samples(), _where_cdf), ["cdf", "tuple"]),
    ("assert_inverts cdf an empirical CDF of searchsorted counts, / n forgotten", lambda d:
        testing.assert_inverts(stats.norm.ppf, _counts_cdf, U5, 1e-6), ["cdf"]),
    ("assert_inverts ppf returning the one-argument np.where, its values forgotten", lambda d:
        testing.assert_inverts(_where_ppf, stats.laplace.cdf, U5, 1e-6), ["ppf", "tuple"]),
    ("assert_monotone ppf returning the one-argument np.where, its values forgotten", lambda d:
        testing.assert_monotone(_where_ppf, U5), ["ppf", "tuple"]),
    ("assert_monotone u np.argsort(u), the order where np.sort(u) is meant", lambda d:
        testing.assert_monotone(stats.norm.ppf, np.argsort(U5)), ["u", "4"]),
    ("assert_inverts u np.argsort(u), the order where np.sort(u) is meant", lambda d:
        testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, np.argsort(U5), 1e-6),
     ["u", "4"]),
    ("chi_square_pvalue counts the (values, counts) pair of np.unique, counts meant",
     lambda d: testing.chi_square_pvalue(np.unique(_discrete().rvs(
         100, random_state=_rng()), return_counts=True), P3), ["counts"]),
    ("assert_labels_match labels the (values, inverse) pair of np.unique, inverse meant",
     lambda d: testing.assert_labels_match(np.unique(
         np.array([0, 2, 2, 1, 0, 2]), return_inverse=True), P3), ["labels", "tuple"]),
    ("chi_square_power n the column sums table.sum(axis=0), where table.sum() is meant",
     lambda d: testing.chi_square_power(P3, [0.3, 0.3, 0.4], TABLE.sum(axis=0)),
     ["n", "array"]),
    ("dkw_epsilon n the row sums table.sum(axis=1), where table.sum() is meant", lambda d:
        testing.dkw_epsilon(TABLE.sum(axis=1)), ["n", "array"]),
    ("draws_needed discrepancy the per-row gaps gaps.max(axis=1), where max() is meant",
     lambda d: testing.draws_needed(np.array([[0.01, 0.02], [0.03, 0.01]]).max(axis=1)),
     ["discrepancy", "array"]),
    ("densities steps edges np.diff(edges), the widths where the edges are meant", lambda d:
        densities.steps(np.diff([0.0, 1.0, 2.0, 3.0]), [0.25, 0.5]), ["edges"]),
    ("densities uniform lo the per-step minima x.min(axis=0), x.min() meant", lambda d:
        densities.uniform(_chains4().min(axis=0), 5.0), ["lo", "array"]),
    ("strategies u_grids cut_points np.argsort(cuts), the order where np.sort(cuts) is meant",
     lambda d: _example(strategies.u_grids(cut_points=tuple(np.argsort([0.5, 0.2, 0.8])))),
     ["cut_points", "2"]),
    ("strategies uniforms_near_edges p the (values, counts) pair of np.unique", lambda d:
        _example(strategies.uniforms_near_edges(np.unique([0, 1, 1, 2, 2, 2],
                                                          return_counts=True))), ["p"]),
    ("two_sample_distance y the (values, counts) pair of np.unique, the sample meant",
     lambda d: testing.two_sample_distance(_samples(), np.unique(
         np.round(_samples(150) + 0.1, 1), return_counts=True)), ["y"]),
    ("densities normal_mixture scales the per-step spread x.std(axis=0), 100 for 2", lambda d:
        densities.normal_mixture([0.5, 0.5], [0.0, 1.0], _chains4().std(axis=0)), ["scales"]),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES,
           "samplers": SAMPLER_CASES, "diagnostics": DIAGNOSTIC_CASES,
           "testing kit": TESTING_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "integrate hi the per-chain maxima x.max(axis=1), x.max() meant":
        "not a bad input: README.md names integrate's arrays of ends as documented (silent at "
        "the first run, as documented); an outright slip of the writer's, found after the run",
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
    'fixed_step_chains scaled the one-argument np.where(h > 1), h[h > 1] meant':
        'unclear at 47c5a27: does not name the tuple: "fixed_step_chains: scaled must be a '
        'non-empty 1-D array, got dtype float64 (an array of shape (1, 1))" (it names the '
        'argument and what is expected, but shows the value after NumPy read the tuple)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredfiftyseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfiftyseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
