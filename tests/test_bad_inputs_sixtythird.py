"""A sixty-third battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 6342e77, from the user's side only: the README; the public names (``__all__``
where there is one) and signatures of ``scratchmeta.autodiff``, ``gradcheck``, ``memory``,
``sampling`` and its modules (``finite_chain``, ``interpolation``, ``step_size``, ``mixing``,
``tails``, ``quadrature``, ``diagnostics``), the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF``, ``testing``, ``testing.densities``, ``testing.strategies`` and
``figures.style``; after the first run (to judge the misses only) the docstrings of
``sampling.ess_tail``, ``ContinuousInverseCDF.from_uniforms`` and ``autodiff.sum`` /
``getitem`` (the Primitive docstring); and the earlier batteries' ids, layout and shared
helpers (imported, not copied). Not read: the body of any validation code, the library's
source, its history, anything of /work/main. No ``__main__`` module was imported; no case
writes anywhere (the figures are ``matplotlib.figure.Figure`` objects in memory, the
``CompletedProcess`` objects are built, no process is run).

Areas (library side only), as written: the autodiff engine -- ops, grad, value_and_grad, vjp,
jvp, jacobian, hessian, tree_map (25), gradcheck -- check_grads, hvp (8), samplers -- grid and
named inverse CDFs, from_density, from_ppf, the inverse CDFs' sample, rvs, ppf and
from_uniforms, Metropolis, metropolis_transition_matrix, quadrature, tails, mixing, step size,
finite_chain (32), diagnostics (10), the testing kit, its densities and one strategy (20),
``figures.style`` helpers (5), the ``memory`` functions (2): 102. No
``SCRATCHMETA_KEEP_FREED_MEMORY`` value was kept: a drafted ``'0  # opt out'`` repeated
``unless_opted_out a zero with a comment``, and the ~110 values used before (words, digits in
every script, signs, bases, separators, comments, quotes, whitespace) left none of a new kind.

Kinds of bad value (grep of the earlier ids: 0 hits for ``Rotation``, ``QRResult``,
``KstestResult``, ``TtestResult``, ``Linregress``, ``PearsonR``, ``ECDFResult``,
``BarContainer``, ``CompletedProcess``, ``nditer``, ``SystemRandom``; ``Line2D`` once, and
``strategy`` as a value once, see Repeats):
- a scipy ``Rotation`` where its matrix is meant (matmul a, einsum operand, norm x, jacobian at
  it, stop_gradient x; hvp v) and a numpy ``QRResult`` where its Q is meant (solve a, jvp
  tangents) (mentions ``Rotation`` / ``QRResult``);
- SciPy statistics results where one of their numbers is meant: ``KstestResult`` (exp x,
  maximum; check_grads atol; from_density u_resolution; ess_tail prob; assert_cdf_matches alpha,
  draws_needed discrepancy), ``TtestResult`` (value_and_grad at it, sin x; check_grads rtol),
  ``LinregressResult``, a fitted slope or intercept (mul, power; check_grads eps;
  grid_inverse_cdf lo, exponential rate, logistic loc, pareto alpha, weibull shape, metropolis
  step_size, from_density center, explore b; density student_t df, triangular mode),
  ``PearsonRResult`` (clip a_max, sqrt x);
- a ``scipy.stats.ecdf`` ``ECDFResult`` where a function is meant (tree_map f, check_grads fun,
  grid_inverse_cdf pdf, metropolis log_density, from_ppf, bin_masses, walks_from_one_start,
  assert_cdf_matches, ks_distance and assert_inverts cdf, integrate f) or the draws (split_rhat,
  rank_normalize) (mentions ``ECDFResult``);
- what ``ax.plot`` returned (a list of ``Line2D``) where the plotted data are meant (stack xs,
  mean x; metropolis x0; total_variation samples; split_rhat, diagnose draws, quantile_type7 x;
  ks_distance samples; style check_numbers x), and a user's function that plots its curve and
  returns that list (metropolis log_density, find_center pdf); the ``BarContainer`` of
  ``ax.hist`` where the counts or heights are meant (chi_square_pvalue counts, density steps
  heights, style check_positive_numbers value) and a ``SubplotSpec`` where an Axes is meant
  (style check_axes);
- a ``subprocess.CompletedProcess`` of an external program where the numbers in its stdout are
  meant (hessian at it, log x; hvp x; discrete ppf u, density_values x, pooled_total_variation
  x; mcse_mean, ess_mean draws; assert_same_distribution x; keep_freed_memory mmap_threshold);
- ``np.nditer(x)`` where x is meant (grad, vjp at it, sum x, where cond, getitem index;
  check_grads args; metropolis x0, DiscreteInverseCDF p, from_uniforms u, fixed_step_chains
  scaled, metropolis_transition_matrix p; ess_bulk, mcse_sd draws; two_sample_distance y,
  chi_square_pvalue p, density steps edges, strategies uniforms_near_edges p; style check_count
  value; keep_freed_memory trim_threshold);
- ``random.SystemRandom()`` where a numpy Generator or a seed is meant (check_grads rng,
  metropolis rng, discrete sample rng, continuous rvs random_state, noise_floor rng,
  step_size_sweep rngs, style check_seed);
- a hypothesis strategy, not drawn (``u_grids()``, ``probability_vectors()``), where a drawn
  value is meant (assert_monotone and assert_inverts u, assert_labels_match p, chi_square_power
  q, density normal_mixture weights) (mentions ``Strategy``: the type is ``LazyStrategy``).
Mentions: the argument's name as in the signature (the function's name for the engine's
``*args`` binary ops and for grad/vjp/value_and_grad/hessian/jacobian at a bad point, ``x``
for its unary ops, the ``name`` given for ``style``'s checkers) and the type name above.

Repeats: every id of the earlier batteries (10,756 tuple heads of ``tests/test_bad_inputs_*.py``
and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared with the drafts for exact ids and
grepped for each kind's word. Two drafts repeated an earlier substance and were replaced before
any run: ``style check_axes ax the Line2D ax.plot returned`` (after ``style check_axes ax the
list of Line2D that ax.plot returned``), now ``style check_count value a numpy nditer``; and
``keep_freed_memory_unless_opted_out with a .env comment '0  # opt out'`` (after
``unless_opted_out a zero with a comment``), now ``keep_freed_memory trim_threshold a numpy
nditer``. The hypothesis-strategy kind was used once before, on ``DiscreteInverseCDF p``; it is
used here only on other functions.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (2, 4)`` were kept (``_kept``): 63 of the 102. After the
first run no case was added, reordered or swapped.

Dropped (``DROPPED``, 1, written and not kept): ``ess_tail prob a KstestResult`` (silent) --
valid by the docs: prob is a pair of tail probabilities (signature default (0.05, 0.95)) and a
KstestResult is a tuple of two numbers in (0, 1) (statistic, pvalue); ess_tail's docstring
states no rule that refuses it. Corrected: none.

First run at 6342e77 (about 3 s as a script, 6 s under pytest), before the drop: kept, 51 of 63
clear (81.0%), 7 unclear (11.1%), 5 silent (7.9%), 0 data loss; written, 84 of 102 clear
(82.4%), 11 unclear (10.8%), 7 silent (6.9%), 0 data loss. After it: kept unchanged, 51 of 63 --
engine 9/15, gradcheck 4/5, samplers 17/20, diagnostics 4/6, testing kit 12/12, figures 3/3,
memory 2/2; written, 84 of 101 clear (83.2%), 11 unclear (10.9%), 6 silent (5.9%), 0 data loss
-- engine 17/25, gradcheck 7/8, samplers 27/32, diagnostics 7/9, testing kit 19/20, figures
5/5, memory 2/2. Every Rotation, QRResult, statistics-result, ECDFResult, Line2D,
BarContainer, CompletedProcess, SystemRandom and strategy case was clear but the ones below; 13
of the 17 misses are ``np.nditer``: ``np.asarray(np.nditer(x))`` gives x's data, but an
nditer is also an iterator, and the library reads it either way (``ad.sum`` of the nditer of
[0.5, -1, 2] returned 0.0; elsewhere it came out empty, shape (0,)).

Not clear, kept:
- ``grad at a numpy nditer``: silent -- no error.
- ``sum x a numpy nditer``: silent -- no error (returned 0.0 for [0.5, -1, 2]).
- ``einsum operand a scipy Rotation``: unclear -- ValueError "einsum: operand 0 has shape (),
  which does not fit its subscripts in 'ij,j->i'" (no Rotation).
- ``jvp tangents a numpy QRResult``: unclear -- ValueError "jvp: tangent 0 must have the
  structure and shapes of primal 0: got shapes [(3, 3), (3, 3)] for primal shapes [(3,)] ..."
  (no QRResult).
- ``value_and_grad at a TtestResult (its statistic meant)``: unclear -- TypeError
  "TtestResult.__init__() missing 4 required positional arguments: 'df', 'alternative',
  'standard_error', and 'estimate'" (the tree rebuild of the record fails; no value_and_grad).
- ``getitem index a numpy nditer``: silent -- no error.
- ``check_grads args a numpy nditer``: silent -- no error.
- ``metropolis x0 a numpy nditer``: unclear -- ValueError "x0 must have shape (chains, dim), got
  shape (0,); for one chain in one dimension use [[x]]".
- ``continuous from_uniforms u a numpy nditer``: silent -- no error.
- ``metropolis_transition_matrix p a numpy nditer``: unclear -- ValueError "p must be non-empty:
  there must be at least one label".
- ``ess_bulk draws a numpy nditer``: unclear -- ValueError "Iterator is past the end" (NumPy's,
  naming neither draws nor nditer).
- ``mcse_sd draws a numpy nditer``: unclear -- ValueError "Iterator is past the end".
Not clear, written and not kept:
- ``clip a_max a PearsonRResult (its correlation meant)``: unclear -- ValueError "operands could
  not be broadcast together with shapes (3,) (2,)" (NumPy's; no a_max, no PearsonRResult).
- ``vjp at a numpy nditer``: silent -- no error.
- ``DiscreteInverseCDF p a numpy nditer``: unclear -- ValueError "p must be non-empty: there must
  be at least one label".
- ``fixed_step_chains scaled a numpy nditer``: unclear -- ValueError "scaled must be a non-empty
  1-D array, got dtype float64 (an array of shape (0,))".
- ``two_sample_distance y a numpy nditer``: unclear -- ValueError "y must hold at least one draw,
  got an empty array".
  (``ess_tail prob a KstestResult``, silent, is dropped as valid, above.)

Measured on main at 6342e77 (the commit it was written at), blind: kept, 51 of 63 clear
(81.0%), 7 unclear, 5 silent, 0 data loss; written, 84 of 101 (83.2%), 11 unclear, 6 silent.
With the sixty-second (49 of 56) the pair is 100 of 119 (84.0%), 5 silent. Round 43 (with
sight of both files, so not blind): an iterator (``numpy.nditer``, ``map``) is refused where
values are meant, by the engine's op inputs, leaves and ``stop_gradient``, the samplers'
``real_array`` and the kit's ``real_numbers`` (NumPy read it as one object, or as nothing once
used up: ``sum`` of an nditer was 0.0); ``stop_gradient`` (and so clip's bounds) refuses a
record and names a sparse matrix; einsum checks its operands' values before their shapes (a
SciPy Rotation has shape ()); a namedtuple class that cannot be rebuilt from its fields
(TtestResult) is named; ``jvp``'s structure message names a record given as a tangent. After
it: 62 of 63 kept clear and 100 of 101 written -- left, a strict xfail in NOT_CLEAR_YET:
``value_and_grad at a TtestResult`` is named in grad's words.

Round 46 (2026-12-02, fifth session; made before the sixty-sixth and sixty-seventh batteries
came back, with sight of this file's leftover only): ``value_and_grad``'s messages name
``value_and_grad`` (it and ``grad`` share their checks, which now take the caller's name), and
an argument's tree is named with it. The strict xfail is gone: all 63 kept clear.
"""

import random
import subprocess

import numpy as np
import pytest
from matplotlib.figure import Figure
from scipy import stats
from scipy.spatial.transform import Rotation

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  logistic, mcse_mean, mcse_sd, metropolis_transition_matrix,
                                  pareto, rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import bin_masses, pooled_total_variation, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import probability_vectors, u_grids, uniforms_near_edges

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples, _sweep
from test_bad_inputs_twentyfirst import _edges, _ppf_sampler
from test_bad_inputs_twentyfifth import _fixed, _noise, _walks25

ROT = "Rotation"            # scipy.spatial.transform.Rotation: its .as_matrix() meant
QR = "QRResult"             # np.linalg.qr's result: its .Q meant
KS = "KstestResult"         # scipy.stats.kstest's result: its .pvalue / .statistic meant
TT = "TtestResult"          # scipy.stats.ttest_1samp's result: its .pvalue / .statistic meant
LR = "LinregressResult"     # scipy.stats.linregress's result: its .slope / .intercept meant
PR = "PearsonRResult"       # scipy.stats.pearsonr's result: its .statistic meant
ECDF = "ECDFResult"         # scipy.stats.ecdf's result: its .cdf.evaluate (or the data) meant
LINE = "Line2D"             # what ax.plot returned (a list of Line2D), where the data are meant
BARS = "BarContainer"       # the bars ax.hist returned, where the counts / heights are meant
PROC = "CompletedProcess"   # subprocess.run's result: the numbers in its .stdout meant
ITER = "nditer"             # np.nditer(x) where x itself is meant
SYSR = "SystemRandom"       # random.SystemRandom() where a numpy Generator or a seed is meant
STRAT = "Strategy"          # a hypothesis strategy (LazyStrategy) where a drawn value is meant

_ALIVE = []
_CHAINS = np.random.default_rng(3).normal(size=(4, 100))   # (chains, draws)


def _rotation():
    """A 30-degree rotation about z, as SciPy holds it (not its 3 x 3 matrix)."""
    return Rotation.from_euler("z", 30, degrees=True)


def _qr():
    return np.linalg.qr(np.array([[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]]))


def _ks():
    return stats.kstest(_samples(), "norm")


def _ttest():
    return stats.ttest_1samp(_samples(), 0.0)


def _linreg(slope=0.5, intercept=1.0):
    """A straight-line fit (slope, intercept, rvalue, ...), not the slope."""
    x = np.arange(10.0)
    return stats.linregress(x, slope * x + intercept + 0.01 * np.sin(x))


def _pearson():
    x = np.arange(10.0)
    return stats.pearsonr(x, x + np.cos(x))


def _ecdf():
    """The empirical CDF's result record: not callable, not the draws."""
    return stats.ecdf(_samples())


def _axes():
    fig = Figure(figsize=(1, 1))
    _ALIVE.append(fig)
    return fig.add_subplot()


def _lines(data=None):
    """What ``ax.plot(data)`` returned: a list of Line2D, one per column."""
    return _axes().plot(_samples() if data is None else data)


def _plotting(x):
    """A user's function that plots its curve and returns what ax.plot returned."""
    return _axes().plot(np.ravel(np.asarray(x)), np.exp(-0.5 * np.ravel(np.asarray(x)) ** 2))


def _bars(data, bins):
    """The BarContainer of ``ax.hist(data, bins)`` (its heights are the counts)."""
    return _axes().hist(data, bins=bins)[2]


def _proc(values=(0.1, 0.5, 0.9)):
    """What ``subprocess.run([...], capture_output=True, text=True)`` returns for an external
    program that printed the numbers (built here; no process is run)."""
    return subprocess.CompletedProcess(args=["./sampler"], returncode=0,
                                       stdout=" ".join(str(v) for v in values) + "\n",
                                       stderr="")


def _iter(a):
    return np.nditer(np.asarray(a))


def _sysrand():
    return random.SystemRandom()


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("matmul a a scipy Rotation (its matrix meant)", lambda d: ad.matmul(_rotation(), X3),
     ["a", ROT]),
    ("solve a a numpy QRResult (its Q meant)", lambda d: ad.solve(_qr(), X3), ["a", QR]),
    ("exp x a KstestResult (its statistic meant)", lambda d: ad.exp(_ks()), ["x", KS]),
    ("grad at a numpy nditer", lambda d: ad.grad(_square)(_iter(X3)), ["grad", ITER]),
    ("mul a LinregressResult (its slope meant)", lambda d: ad.mul(X3, _linreg()),
     ["mul", LR]),
    ("sum x a numpy nditer", lambda d: ad.sum(_iter(X3)), ["x", ITER]),
    ("einsum operand a scipy Rotation", lambda d: ad.einsum("ij,j->i", _rotation(), X3),
     ["operand", ROT]),
    ("tree_map f an ECDFResult (its cdf.evaluate meant)", lambda d: ad.tree_map(
        _ecdf(), [X3]), ["f", ECDF]),
    ("hessian at a CompletedProcess (its stdout numbers meant)", lambda d: ad.hessian(
        _square)(_proc()), ["hessian", PROC]),
    ("clip a_max a PearsonRResult (its correlation meant)", lambda d: ad.clip(
        X3, -1.0, _pearson()), ["a_max", PR]),
    ("jvp tangents a numpy QRResult", lambda d: ad.jvp(_square, (X3,), (_qr(),)),
     ["tangents", QR]),
    ("value_and_grad at a TtestResult (its statistic meant)", lambda d: ad.value_and_grad(
        _square)(_ttest()), ["value_and_grad", TT]),
    ("norm x a scipy Rotation", lambda d: ad.norm(_rotation()), ["x", ROT]),
    ("power exponent a LinregressResult (its slope meant)", lambda d: ad.power(
        X3, _linreg()), ["power", LR]),
    ("stack xs the list of Line2D ax.plot returned", lambda d: ad.stack(_lines(X3)),
     ["xs", LINE]),
    ("where cond a numpy nditer", lambda d: ad.where(_iter(X3 > 0), X3, 0.0),
     ["cond", ITER]),
    ("log x a CompletedProcess (its stdout numbers meant)", lambda d: ad.log(_proc()),
     ["x", PROC]),
    ("maximum a KstestResult (its statistic meant)", lambda d: ad.maximum(X3, _ks()),
     ["maximum", KS]),
    ("jacobian at a scipy Rotation", lambda d: ad.jacobian(lambda x: x * 2.0)(_rotation()),
     ["jacobian", ROT]),
    ("vjp at a numpy nditer", lambda d: ad.vjp(_square, _iter(X3)), ["vjp", ITER]),
    ("mean x the list of Line2D ax.plot returned", lambda d: ad.mean(_lines(X3)),
     ["x", LINE]),
    ("sqrt x a PearsonRResult (its correlation meant)", lambda d: ad.sqrt(_pearson()),
     ["x", PR]),
    ("sin x a TtestResult (its statistic meant)", lambda d: ad.sin(_ttest()), ["x", TT]),
    ("getitem index a numpy nditer", lambda d: ad.getitem(X3, _iter(np.array([0, 1]))),
     ["getitem", ITER]),
    ("stop_gradient x a scipy Rotation", lambda d: ad.stop_gradient(_rotation()),
     ["x", ROT]),
]

GRADCHECK_CASES = [
    ("check_grads eps a LinregressResult (its slope meant)", lambda d: check_grads(
        _square, (X3,), eps=_linreg(1e-6, 0.0)), ["eps", LR]),
    ("check_grads rng a random.SystemRandom", lambda d: check_grads(
        _square, (X3,), rng=_sysrand()), ["rng", SYSR]),
    ("hvp v a scipy Rotation (its matrix applied to v meant)", lambda d: hvp(
        _square, X3, _rotation()), ["v", ROT]),
    ("check_grads args a numpy nditer", lambda d: check_grads(_square, (_iter(X3),)),
     ["args", ITER]),
    ("check_grads atol a KstestResult (its statistic meant)", lambda d: check_grads(
        _square, (X3,), atol=_ks()), ["atol", KS]),
    ("hvp x a CompletedProcess (its stdout numbers meant)", lambda d: hvp(
        _square, _proc(), X3), ["x", PROC]),
    ("check_grads fun an ECDFResult", lambda d: check_grads(_ecdf(), (X3,)), ["fun", ECDF]),
    ("check_grads rtol a TtestResult (its pvalue meant)", lambda d: check_grads(
        _square, (X3,), rtol=_ttest()), ["rtol", TT]),
]

SAMPLER_CASES = [
    ("grid_inverse_cdf pdf an ECDFResult", lambda d: grid_inverse_cdf(
        _ecdf(), -3.0, 3.0), ["pdf", ECDF]),
    ("grid_inverse_cdf lo a LinregressResult (its intercept meant)", lambda d:
        grid_inverse_cdf(_normal_pdf, _linreg(0.5, -3.0), 3.0), ["lo", LR]),
    ("exponential rate a LinregressResult (the log-survival slope meant)", lambda d:
        exponential(_linreg(2.0, 0.0)), ["rate", LR]),
    ("logistic loc a LinregressResult (its intercept meant)", lambda d: logistic(
        loc=_linreg()), ["loc", LR]),
    ("pareto alpha a LinregressResult (the log-log slope meant)", lambda d: pareto(
        _linreg(2.5, 0.0)), ["alpha", LR]),
    ("weibull shape a LinregressResult (the Weibull-plot slope meant)", lambda d: weibull(
        _linreg(1.5, 0.0)), ["shape", LR]),
    ("metropolis rng a random.SystemRandom", lambda d: _metropolis(rng=_sysrand()),
     ["rng", SYSR]),
    ("metropolis x0 the list of Line2D ax.plot returned", lambda d: _metropolis(
        x0=_lines(np.zeros((2, 1)))), ["x0", LINE]),
    ("metropolis log_density an ECDFResult", lambda d: _metropolis(log_density=_ecdf()),
     ["log_density", ECDF]),
    ("metropolis step_size a LinregressResult (its slope meant)", lambda d: _metropolis(
        step_size=_linreg()), ["step_size", LR]),
    ("metropolis x0 a numpy nditer", lambda d: _metropolis(x0=_iter(np.zeros((2, 1)))),
     ["x0", ITER]),
    ("metropolis log_density returning the list ax.plot returned", lambda d: _metropolis(
        log_density=_plotting), ["log_density", LINE]),
    ("DiscreteInverseCDF p a numpy nditer", lambda d: DiscreteInverseCDF(
        _iter([0.2, 0.3, 0.5])), ["p", ITER]),
    ("discrete sample rng a random.SystemRandom", lambda d: _discrete().sample(
        5, _sysrand()), ["rng", SYSR]),
    ("discrete ppf u a CompletedProcess (its stdout numbers meant)", lambda d:
        _discrete().ppf(_proc()), ["u", PROC]),
    ("continuous rvs random_state a random.SystemRandom", lambda d: _ppf_sampler().rvs(
        5, random_state=_sysrand()), ["random_state", SYSR]),
    ("continuous from_uniforms u a numpy nditer", lambda d: _ppf_sampler().from_uniforms(
        _iter([0.1, 0.5, 0.9])), ["u", ITER]),
    ("from_ppf cdf an ECDFResult", lambda d: ContinuousInverseCDF.from_ppf(
        stats.norm.ppf, _ecdf()), ["cdf", ECDF]),
    ("from_density center a LinregressResult (its intercept meant)", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, center=_linreg(0.5, 0.0)),
     ["center", LR]),
    ("from_density u_resolution a KstestResult (its pvalue meant)", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, u_resolution=_ks()),
     ["u_resolution", KS]),
    ("integrate f an ECDFResult", lambda d: integrate(_ecdf(), 0.0, 1.0), ["f", ECDF]),
    ("density_values x a CompletedProcess (its stdout numbers meant)", lambda d:
        density_values(_normal_pdf, _proc()), ["x", PROC]),
    ("find_center pdf returning the list ax.plot returned", lambda d: find_center(
        _plotting, -3.0, 3.0), ["pdf", LINE]),
    ("explore b a LinregressResult (its intercept meant)", lambda d: explore(
        _normal_pdf, _normal_pdf, -3.0, _linreg(0.5, 3.0)), ["b", LR]),
    ("bin_masses cdf an ECDFResult", lambda d: bin_masses(_edges(), _ecdf()),
     ["cdf", ECDF]),
    ("total_variation samples the list of Line2D ax.plot returned", lambda d:
        total_variation(_lines(), _edges(), stats.norm.cdf), ["samples", LINE]),
    ("noise_floor rng a random.SystemRandom", lambda d: _noise(rng=_sysrand()),
     ["rng", SYSR]),
    ("fixed_step_chains scaled a numpy nditer", lambda d: _fixed(
        scaled=_iter([0.5, 1.0])), ["scaled", ITER]),
    ("step_size_sweep rngs a list of random.SystemRandom", lambda d: _sweep(
        rngs=[_sysrand()]), ["rngs", SYSR]),
    ("walks_from_one_start cdf an ECDFResult", lambda d: _walks25(cdf=_ecdf()),
     ["cdf", ECDF]),
    ("metropolis_transition_matrix p a numpy nditer", lambda d: metropolis_transition_matrix(
        _iter([0.2, 0.3, 0.5]), np.full((3, 3), 1.0 / 3.0)), ["p", ITER]),
    ("pooled_total_variation x a CompletedProcess (its stdout numbers meant)", lambda d:
        pooled_total_variation(_proc(), _edges(), stats.norm.cdf), ["x", PROC]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws the list of Line2D ax.plot returned (the traces)", lambda d:
        split_rhat(_lines(_CHAINS.T)), ["draws", LINE]),
    ("ess_bulk draws a numpy nditer", lambda d: ess_bulk(_iter(_CHAINS)), ["draws", ITER]),
    ("ess_tail prob a KstestResult", lambda d: ess_tail(_CHAINS, prob=_ks()),
     ["prob", KS]),
    ("mcse_mean draws a CompletedProcess (its stdout numbers meant)", lambda d: mcse_mean(
        _proc(np.ravel(_CHAINS))), ["draws", PROC]),
    ("diagnose draws the list of Line2D ax.plot returned (the traces)", lambda d: diagnose(
        _lines(_CHAINS.T)), ["draws", LINE]),
    ("rank_normalize draws an ECDFResult of the draws", lambda d: rank_normalize(_ecdf()),
     ["draws", ECDF]),
    ("quantile_type7 x the list of Line2D ax.plot returned", lambda d: quantile_type7(
        _lines(), 0.5), ["x", LINE]),
    ("ess_mean draws a CompletedProcess (its stdout numbers meant)", lambda d: ess_mean(
        _proc(np.ravel(_CHAINS))), ["draws", PROC]),
    ("mcse_sd draws a numpy nditer", lambda d: mcse_sd(_iter(_CHAINS)), ["draws", ITER]),
    ("split_rhat draws an ECDFResult of the draws", lambda d: split_rhat(_ecdf()),
     ["draws", ECDF]),
]

TESTING_CASES = [
    ("assert_monotone u a hypothesis strategy, not drawn", lambda d: testing.assert_monotone(
        stats.norm.ppf, u_grids()), ["u", STRAT]),
    ("assert_inverts u a hypothesis strategy, not drawn", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, u_grids(), 1e-12), ["u", STRAT]),
    ("assert_cdf_matches alpha a KstestResult (its pvalue meant)", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.cdf, alpha=_ks()), ["alpha", KS]),
    ("assert_cdf_matches cdf an ECDFResult", lambda d: testing.assert_cdf_matches(
        _samples(), _ecdf()), ["cdf", ECDF]),
    ("ks_distance samples the list of Line2D ax.plot returned", lambda d:
        testing.ks_distance(_lines(), stats.norm.cdf), ["samples", LINE]),
    ("assert_labels_match p a hypothesis strategy, not drawn", lambda d:
        testing.assert_labels_match(np.array([0, 1, 0, 1]), probability_vectors()),
     ["p", STRAT]),
    ("assert_same_distribution x a CompletedProcess (its stdout numbers meant)", lambda d:
        testing.assert_same_distribution(_proc(_samples()), _samples()), ["x", PROC]),
    ("two_sample_distance y a numpy nditer", lambda d: testing.two_sample_distance(
        _samples(), _iter(_samples())), ["y", ITER]),
    ("draws_needed discrepancy a KstestResult (its statistic meant)", lambda d:
        testing.draws_needed(_ks()), ["discrepancy", KS]),
    ("chi_square_pvalue counts the BarContainer ax.hist returned", lambda d:
        testing.chi_square_pvalue(_bars([0, 1, 1, 2, 2, 2], 3), [1 / 6, 2 / 6, 3 / 6]),
     ["counts", BARS]),
    ("chi_square_power q a hypothesis strategy, not drawn", lambda d:
        testing.chi_square_power([0.5, 0.5], probability_vectors(), 1000), ["q", STRAT]),
    ("ks_distance cdf an ECDFResult", lambda d: testing.ks_distance(_samples(), _ecdf()),
     ["cdf", ECDF]),
    ("assert_inverts cdf an ECDFResult", lambda d: testing.assert_inverts(
        stats.norm.ppf, _ecdf(), np.linspace(0.1, 0.9, 5), 1e-8), ["cdf", ECDF]),
    ("chi_square_pvalue p a numpy nditer", lambda d: testing.chi_square_pvalue(
        [3, 5, 2], _iter([0.3, 0.5, 0.2])), ["p", ITER]),
    ("density normal_mixture weights a hypothesis strategy, not drawn", lambda d:
        densities.normal_mixture(probability_vectors(), [0.0, 1.0, 2.0], [1.0, 1.0, 1.0]),
     ["weights", STRAT]),
    ("density student_t df a LinregressResult (its slope meant)", lambda d:
        densities.student_t(_linreg(3.0, 0.0)), ["df", LR]),
    ("density steps heights the BarContainer ax.hist returned", lambda d: densities.steps(
        np.linspace(0.0, 1.0, 4), _bars([0.1, 0.5, 0.5, 0.9], np.linspace(0.0, 1.0, 4))),
     ["heights", BARS]),
    ("density steps edges a numpy nditer", lambda d: densities.steps(
        _iter(np.linspace(0.0, 1.0, 4)), [1.0, 1.0, 1.0]), ["edges", ITER]),
    ("density triangular mode a LinregressResult (its slope meant)", lambda d:
        densities.triangular(0.0, _linreg(0.5, 0.0), 1.0), ["mode", LR]),
    ("strategies uniforms_near_edges p a numpy nditer", lambda d: uniforms_near_edges(
        _iter([0.2, 0.3, 0.5])), ["p", ITER]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_count value a numpy nditer", lambda d: style.check_count(
        "count", _iter(3)), ["count", ITER]),
    ("style check_axes ax a matplotlib SubplotSpec", lambda d: style.check_axes(
        Figure().add_gridspec(1, 1)[0]), ["ax", "SubplotSpec"]),
    ("style check_seed seed a random.SystemRandom", lambda d: style.check_seed(_sysrand()),
     ["seed", SYSR]),
    ("style check_numbers x the list of Line2D ax.plot returned", lambda d:
        style.check_numbers("values", _lines(X3)), ["values", LINE]),
    ("style check_positive_numbers value the BarContainer ax.hist returned", lambda d:
        style.check_positive_numbers("widths", _bars([0.1, 0.5, 0.9], 3), 3, "widths"),
     ["widths", BARS]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a CompletedProcess (getconf's stdout meant)",
     lambda d: memory.keep_freed_memory(mmap_threshold=subprocess.CompletedProcess(
         args=["getconf", "PAGESIZE"], returncode=0, stdout="4096\n", stderr="")),
     ["mmap_threshold", PROC], None),
    ("keep_freed_memory trim_threshold a numpy nditer", lambda d: memory.keep_freed_memory(
        trim_threshold=_iter(1 << 20)), ["trim_threshold", ITER], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "ess_tail prob a KstestResult": "valid by the docs: prob is a pair of tail probabilities "
    "(signature default (0.05, 0.95)), and a KstestResult is a tuple of two numbers in (0, 1) "
    "(statistic, pvalue); no documented rule refuses it, so no error is owed",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (2, 4)."""
    return kept_cases(cases, (2, 4), DROPPED)


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


def test_the_sixtythird_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_sixtythird.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
