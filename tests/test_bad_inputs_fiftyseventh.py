"""A fifty-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 1502a3d, from the user's side
only: the README; the public names (``__all__`` where there is one) and signatures of
``scratchmeta.autodiff``, ``gradcheck``, ``sampling`` and its modules (``finite_chain``,
``interpolation``, ``step_size``, ``mixing``, ``tails``, ``quadrature``, ``diagnostics``,
``metropolis``), the public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``,
``testing``, ``testing.densities``, ``testing.strategies``, ``figures.style`` and ``memory``;
after the first run (to judge the misses only) the docstrings of ``split_rhat``, ``ess_bulk``,
``ess_tail``, ``mcse_mean``, ``mcse_sd``, ``figures.style.check_count`` and
``sampling.quadrature.integrate``; and the earlier batteries' ids, layout and shared helpers
(imported, not copied). Not read: the body of any validation code (``checks.py``,
``_checks.py``, ``check_*``, ``protocol.py``), the library's source, its history, anything of
/work/main. No ``__main__`` module was imported; no case writes anywhere but its temporary
folder (the .npz and .csv files are written and read back there). Only the standard library,
NumPy, SciPy, matplotlib, pytest and hypothesis are used.

Areas (library side only; the command line, Chapter 2, strategies, checkpoints, nn/optim, task
families and Omniglot are another writer's), as written: the autodiff engine -- ops, grad,
vjp, jvp, jacobian, hessian, value_and_grad, trace (25), gradcheck -- check_grads, hvp (5),
samplers -- grid and continuous inverse CDFs (from_density, from_ppf, sample, rvs, ppf,
from_uniforms), the discrete one's sample, rvs and ppf, Metropolis, quadrature, tails, mixing,
noise floor, step-size sweep, fixed-step chains, walks (30), diagnostics (10), the testing kit,
its densities and one hypothesis strategy (20), ``figures.style`` helpers (4), the memory
variable (2): 96. Gradcheck and figures are short of the asked ~8 and ~5: their other drafts
were found repeating earlier ids (below) and no new kind fitted them in the time.

Kinds of bad value, each with no hit in the 8,524 earlier ids for its words (``NpzFile`` on
this side, ``float_info``, ``datetime.datetime``/``clock``, ``frompyfunc``, ``genfromtxt``,
``norm_gen``/``itself``, ``transposed`` on the diagnostics, the keycap and full-width words):
- an ``NpzFile``, what ``np.load`` gives for the user's own ``np.savez`` file, where the array
  inside (``archive["values"]``) is meant -- the whole where the part is meant (mean, matmul b,
  sum, sin, log, abs, prod, einsum operand, norm, stop_gradient, concatenate xs; grad,
  value_and_grad, jacobian, hessian and vjp at it; jvp primals; discrete ppf u, continuous
  from_uniforms u; assert_labels_match labels, assert_same_distribution x and y,
  chi_square_power q; density steps heights, normal_mixture weights; strategies
  uniforms_near_edges p; style check_positive_numbers value, check_seed seed) (mentions
  ``NpzFile``);
- ``sys.float_info`` (a struct sequence of 11 numbers) where its ``.epsilon``, ``.max`` or
  ``.min`` is meant (clip a_min, where b; from_density u_resolution, integrate hi,
  grid_inverse_cdf hi; dkw_epsilon, chi_square_power and assert_cdf_matches alpha,
  smallest_detectable and draws_needed beta; density student_t df, uniform hi, trapezoid hi;
  style check_count maximum) (mentions ``float_info``); kept off every pair where the
  fifty-fifth's ``np.finfo`` / ``np.iinfo`` was used (so none on memory);
- a ``datetime.datetime`` -- a clock reading, the user seeding from the time -- where a
  Generator is meant (check_grads, metropolis, discrete and continuous sample rng, discrete and
  continuous rvs random_state, noise_floor and fixed_step_chains rng, step_size_sweep rngs)
  (mentions ``datetime``);
- a user's scalar function vectorised with ``np.frompyfunc``, which returns object-dtype arrays
  (grid_inverse_cdf, from_density, density_values and explore pdf, integrate f, from_ppf ppf,
  bin_masses cdf; assert_monotone ppf, assert_cdf_matches and assert_inverts cdf) (mentions
  ``object``); kept off the engine and gradcheck, where the fifty-fifth's scipy.special ufuncs
  are the same substance;
- draws read from a CSV with a header by ``np.genfromtxt(..., names=True)``: a structured array
  of fields walker_a and walker_b where numbers of shape (chains, draws) are meant (hvp x and v;
  metropolis x0, total_variation samples, pooled_total_variation x; split_rhat, mcse_mean,
  ess_mean, diagnose, ess_bulk draws; style check_numbers x) (mentions the dtype's
  ``('walker_a', '<f8')``, as the thirty-third's structured cases);
- a SciPy distribution object itself (``stats.norm``, ``stats.cauchy``: calling it freezes a
  distribution) where its logpdf, pdf, cdf or ppf is meant (grad, hessian, value_and_grad, vjp,
  jvp and trace fun; check_grads and hvp fun; density_values pdf, from_ppf ppf and cdf, explore
  f, noise_floor and walks_from_one_start cdf, walks_from_one_start log_density;
  assert_inverts cdf) (mentions ``norm_gen`` / ``cauchy_gen``, the value's type);
- draws transposed, (draws, chains) = (1000, 2) where (chains, draws) is meant: two draws a
  chain (ess_bulk, ess_tail, mcse_sd, split_rhat, mcse_mean) (mentions ``draws`` and the shape);
- the memory variable set to a keycap emoji zero (``0`` U+FE0F U+20E3) and to full-width
  letters ``ｏｆｆ`` (mentions the variable and the value).

Repeats: the 8,524 id-like tuple heads of every earlier battery (``tests/test_bad_inputs_*.py``
and ``tests/sweep_bad_inputs_*.py``, by a regex at the start of each case tuple) were grepped
for each kind's words and, for each draft, for the earlier ids on the same function and
argument. No draft id is an earlier id verbatim. In a first draft of 100 (before any run),
30 cases were found repeating an earlier substance; 26 were replaced in their places and 4
removed, all before any run: SciPy's ``stats.norm`` itself on grid_inverse_cdf and
from_density pdf, integrate f (``stats.expon``) and assert_cdf_matches cdf (the same ids
exist: "... the scipy distribution stats.norm"), on jacobian fun (after "jacobian of a fun
returning a frozen scipy distribution"), on metropolis log_density and (``stats.cauchy``)
assert_monotone ppf (after "... a frozen scipy distribution"); np.genfromtxt's structured array
on check_grads args and quantile_type7 x (after "... a record array"); a datetime.datetime on
style check_seed (after "style check_seed a datetime64 date"); and the NpzFile on every pair
where the forty-seventh's open text file, the forty-ninth's pandas-like Table or an earlier
dict of chains was given (exp x, solve b, stack xs, check_grads args, hvp x and v, metropolis
x0, DiscreteInverseCDF p, bin_masses edges, density_values x, the draws of ess_bulk, ess_tail,
mcse_sd, rank_normalize and diagnose, quantile_type7 x, assert_cdf_matches samples,
two_sample_distance y, chi_square_pvalue counts, ks_distance samples, style check_numbers x):
an NpzFile is a mapping of named arrays, too near a dict or a table there. Three gradcheck
drafts and one figures draft were removed without replacement (96 written). One repeat was
missed by this check and found only while writing this docstring, after the first run:
``assert_inverts ppf scipy.stats.norm itself (its ppf meant)`` (kept; clear) repeats "assert_inverts
ppf the scipy distribution stats.norm"; no rule allows swapping it after the run, so it stays
as written, for the lead to discount.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 3)`` were kept (``_kept``): 57 of the 96.
After the first run a case could only be dropped or corrected, never added or swapped.

Dropped: none. Corrected: none. Judged after the first run and kept: the five transposed-draws
cases are silent -- each diagnostic warns "need at least 4 draws per chain, got 2; returning
NaN (as ArviZ does)" and returns NaN; none of their docstrings (one line each) says so, so the
NaN is not documented as valid and the cases stay. ``integrate hi sys.float_info`` stays: the
docstring allows arrays of ends, and float_info is read as 11 ends, one below lo, which is
refused; the fault is still the one meant (the record, not its ``.max``). ``style check_count
maximum sys.float_info`` stays: the docstring wants an int maximum.

First run at 1502a3d (about 1.6 s as a script, the same with --written, 4 s under pytest: 58
collected, the 13 kept misses failing as expected, 45 passed): kept, 44 of 57 clear (77.2%),
10 unclear (17.5%), 3 silent (5.3%), 0 data loss -- engine 9/15, gradcheck 1/3, samplers
17/18, diagnostics 3/6, testing kit 12/12, figures 1/2, memory 1/1. Written, 78 of 96 clear
(81.2%), 13 unclear (13.5%), 5 silent (5.2%), 0 data loss -- engine 16/25, gradcheck 3/5,
samplers 29/30, diagnostics 5/10, testing kit 20/20, figures 3/4, memory 2/2. (No drop or
correction, so the same after.) Every datetime, frompyfunc, genfromtxt and memory-variable case
was clear; every NpzFile case but hessian's, jacobian's and value_and_grad's at it; every
float_info case but two; every SciPy-distribution-itself case on the samplers and the kit, and
none on the engine or gradcheck (their messages name fun and the frozen distribution it
returned, not the ``norm_gen`` passed).

Not clear, kept (13):
- ``grad fun scipy.stats.norm itself (its logpdf meant)``: unclear -- TypeError "grad needs fun
  to return a float array or number, but it returned rv_continuous_frozen <...>": names fun
  and what it returned, not the ``norm_gen`` passed (arguable).
- ``value_and_grad fun scipy.stats.norm itself``: unclear -- the same message as grad's.
- ``vjp fun scipy.stats.norm itself``: unclear -- "vjp needs fun to return a float array or
  number, but it returned rv_continuous_frozen <...>".
- ``jvp fun scipy.stats.norm itself``: unclear -- the same, saying "vjp" though jvp was called.
- ``trace fun scipy.stats.norm itself``: unclear -- "trace: fun must return Tensors or arrays
  (or trees of them), but it returned rv_continuous_frozen <...>".
- ``hessian at an NpzFile (the array in it meant)``: unclear -- TypeError "argument 0 is a
  string array (dtype <U6), got NpzFile '.../values.npz' ...; gradients need float arrays":
  names the NpzFile but not hessian (the archive is read as its key names).
- ``check_grads fun scipy.stats.norm itself``: unclear -- "check_grads needs fun to return
  float arrays or numbers, but it returned rv_continuous_frozen <...>".
- ``hvp fun scipy.stats.norm itself``: unclear -- "hvp needs fun to return float arrays or
  numbers, but it returned rv_continuous_frozen <...>".
- ``integrate hi sys.float_info (its .max meant)``: unclear -- ValueError "each interval must
  have lo <= hi, got lo = 0.0 > hi = -1021.0 (entry 4 of 11)": names neither hi nor
  float_info.
- ``mcse_sd draws transposed, (draws, chains) with two draws a chain``: silent -- a
  RuntimeWarning "mcse_sd: need at least 4 draws per chain, got 2; returning NaN (as ArviZ
  does)" and NaN.
- ``split_rhat draws transposed ...``: silent -- the same warning and NaN.
- ``mcse_mean draws transposed ...``: silent -- the same warning and NaN.
- ``style check_count maximum sys.float_info (its .max meant, no maximum)``: unclear -- a bare
  TypeError "'<=' not supported between instances of 'int' and 'sys.float_info'", naming
  neither maximum nor check_count.
Not clear, written and not kept (5):
- ``hessian fun scipy.stats.norm itself``: unclear -- TypeError "vjp: fun raised TypeError when
  called with 1 argument(s) of shape(s) (3,): grad needs fun to return a float array or
  number, but it returned rv_continuous_frozen <...>" (names vjp, not hessian).
- ``jacobian at an NpzFile (the array in it meant)``: unclear -- "argument 0 is a string array
  (dtype <U6), got NpzFile ...": not naming jacobian.
- ``value_and_grad at an NpzFile (the array in it meant)``: unclear -- "grad: argument 0 is a
  string array (dtype <U6), got NpzFile ...": names grad, not value_and_grad.
- ``ess_bulk draws transposed ...`` and ``ess_tail draws transposed ...``: silent -- the same
  "need at least 4 draws per chain" warning and NaN.

Measured on main at 1502a3d (the commit it was written at), blind: kept, 44 of 57 clear
(77.2%), 10 unclear, 3 silent, 0 data loss; written, 78 of 96 (81.2%), 13 unclear, 5 silent.
Round 39 (with sight of this file only, so not blind): the engine's functions refuse a SciPy
distribution object given as ``fun`` (as the samplers did); ``jacobian`` and ``hessian`` speak
in their own words; 16 or more chains of fewer than 4 draws are refused as transposed draws
(ArviZ's own short case, 4 chains of 3 draws, still gives NaN with a warning); a struct
sequence (``sys.float_info``) is named as a record like a namedtuple; ``check_count`` checks
its bounds. After it: all 57 kept clear; written, 95 of 96 -- left: ``value_and_grad at an
NpzFile`` says ``grad:`` (value_and_grad and grad share their checks).
"""

import datetime
import math
import sys

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, diagnose, ess_bulk, ess_mean, ess_tail,
                                  grid_inverse_cdf, mcse_mean, mcse_sd, split_rhat)
from scratchmeta.sampling.mixing import bin_masses, pooled_total_variation, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.tails import explore
from scratchmeta.testing import densities
from scratchmeta.testing import strategies as kit_st

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples, _sweep
from test_bad_inputs_twentyfirst import _edges, _ppf_sampler
from test_bad_inputs_twentyfifth import _fixed, _noise, _walks25

NPZ = "NpzFile"           # what np.load gives for a .npz: the archive, its array meant
INFO = "float_info"       # sys.float_info: the record, its .epsilon / .max / .min meant
WHEN = "datetime"         # a datetime.datetime (a clock reading) where a Generator is meant
OBJ = "object"            # np.frompyfunc's result: an object-dtype array
COLS = "('walker_a', '<f8')"   # np.genfromtxt(..., names=True): a structured array's dtype
NORM = "norm_gen"         # scipy.stats.norm itself, not its pdf / cdf / ppf / logpdf
CAUCHY = "cauchy_gen"     # scipy.stats.cauchy itself
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"

_ALIVE = []
_CHAINS = np.random.default_rng(3).normal(size=(4, 100))   # (chains, draws)
_CLOCK = datetime.datetime(2026, 1, 5, 9, 30)              # "seeded from the clock"
_TRANSPOSED = np.random.default_rng(4).normal(size=(1000, 2))   # (draws, chains), .T meant


def _npz(d, value, key="values"):
    """The user's array saved with ``np.savez`` in the case's folder and loaded back with
    ``np.load``: the ``NpzFile`` archive itself, not ``archive[key]``."""
    path = d / f"{key}.npz"
    np.savez(path, **{key: np.asarray(value)})
    archive = np.load(path)
    _ALIVE.append(archive)
    return archive


def _csv_columns(d, columns=None):
    """Draws of two walkers read from a CSV with a header by ``np.genfromtxt(...,
    names=True)``: a 1-D structured array of fields walker_a and walker_b, not (chains,
    draws) numbers."""
    columns = _CHAINS[:2] if columns is None else np.asarray(columns)
    path = d / "draws.csv"
    path.write_text("walker_a,walker_b\n" + "".join(
        f"{a!r},{b!r}\n" for a, b in zip(columns[0], columns[1])))
    return np.genfromtxt(path, delimiter=",", names=True)


_OBJ_PDF = np.frompyfunc(lambda x: math.exp(-0.5 * x * x), 1, 1)          # object arrays
_OBJ_CDF = np.frompyfunc(lambda x: 0.5 * math.erfc(-x / math.sqrt(2.0)), 1, 1)
_OBJ_PPF = np.frompyfunc(lambda u: math.tan(math.pi * (u - 0.5)), 1, 1)   # Cauchy's ppf
_OBJ_CAUCHY_CDF = np.frompyfunc(lambda x: 0.5 + math.atan(x) / math.pi, 1, 1)


def _kept_figure():
    from test_bad_inputs_thirtyfifth import _figure
    fig = _figure()
    _ALIVE.append(fig)
    return fig


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad fun scipy.stats.norm itself (its logpdf meant)", lambda d: ad.grad(stats.norm)(X3),
     ["fun", NORM]),
    ("log x an NpzFile from np.load", lambda d: ad.log(_npz(d, np.abs(X3))), ["x", NPZ]),
    ("mean x an NpzFile from np.load", lambda d: ad.mean(_npz(d, X3)), ["x", NPZ]),
    ("hessian fun scipy.stats.norm itself (its logpdf meant)", lambda d: ad.hessian(
        stats.norm)(X3), ["fun", NORM]),
    ("clip a_min sys.float_info (its .min meant)", lambda d: ad.clip(
        np.abs(X3), sys.float_info, 10.0), ["a_min", INFO]),
    ("matmul b an NpzFile from np.load", lambda d: ad.matmul(np.eye(3), _npz(d, X3)),
     ["b", NPZ]),
    ("jacobian at an NpzFile (the array in it meant)", lambda d: ad.jacobian(
        lambda x: x * 2.0)(_npz(d, X3)), ["jacobian", NPZ]),
    ("value_and_grad fun scipy.stats.norm itself (its logpdf meant)", lambda d:
        ad.value_and_grad(stats.norm)(X3), ["fun", NORM]),
    ("sum x an NpzFile from np.load", lambda d: ad.sum(_npz(d, X3)), ["x", NPZ]),
    ("where b sys.float_info (its .epsilon meant)", lambda d: ad.where(
        X3 > 0, X3, sys.float_info), ["b", INFO]),
    ("vjp fun scipy.stats.norm itself (its logpdf meant)", lambda d: ad.vjp(stats.norm, X3),
     ["fun", NORM]),
    ("sin x an NpzFile from np.load", lambda d: ad.sin(_npz(d, X3)), ["x", NPZ]),
    ("grad at an NpzFile (the array in it meant)", lambda d: ad.grad(_square)(_npz(d, X3)),
     ["grad", NPZ]),
    ("einsum operand an NpzFile from np.load", lambda d: ad.einsum("i,i->", X3, _npz(d, X3)),
     [NPZ]),
    ("jvp fun scipy.stats.norm itself (its logpdf meant)", lambda d: ad.jvp(
        stats.norm, (X3,), (X3,)), ["fun", NORM]),
    ("norm x an NpzFile from np.load", lambda d: ad.norm(_npz(d, X3)), ["x", NPZ]),
    ("value_and_grad at an NpzFile (the array in it meant)", lambda d: ad.value_and_grad(
        _square)(_npz(d, X3)), ["value_and_grad", NPZ]),
    ("trace fun scipy.stats.norm itself (its logpdf meant)", lambda d: ad.trace(
        stats.norm, X3), ["fun", NORM]),
    ("stop_gradient x an NpzFile from np.load", lambda d: ad.stop_gradient(_npz(d, X3)),
     ["x", NPZ]),
    ("hessian at an NpzFile (the array in it meant)", lambda d: ad.hessian(_square)(
        _npz(d, X3)), ["hessian", NPZ]),
    ("prod x an NpzFile from np.load", lambda d: ad.prod(_npz(d, X3)), ["x", NPZ]),
    ("concatenate xs an NpzFile of two arrays", lambda d: ad.concatenate(
        _npz(d, np.stack([X3, X3]))), ["xs", NPZ]),
    ("vjp at an NpzFile (the array in it meant)", lambda d: ad.vjp(_square, _npz(d, X3)),
     ["vjp", NPZ]),
    ("jvp primals a tuple holding an NpzFile", lambda d: ad.jvp(
        _square, (_npz(d, X3),), (X3,)), ["primals", NPZ]),
    ("abs x an NpzFile from np.load", lambda d: ad.abs(_npz(d, X3)), ["x", NPZ]),
]

GRADCHECK_CASES = [
    ("check_grads fun scipy.stats.norm itself (its logpdf meant)", lambda d: check_grads(
        stats.norm, (X3,)), ["fun", NORM]),
    ("check_grads rng a datetime.datetime (seeded from the clock)", lambda d: check_grads(
        _square, (X3,), rng=_CLOCK), ["rng", WHEN]),
    ("hvp fun scipy.stats.norm itself (its logpdf meant)", lambda d: hvp(stats.norm, X3, X3),
     ["fun", NORM]),
    ("hvp x np.genfromtxt's structured array", lambda d: hvp(
        lambda t: ad.sum(t * t), _csv_columns(d), np.ones(100)), ["x", COLS]),
    ("hvp v np.genfromtxt's structured array", lambda d: hvp(
        lambda t: ad.sum(t * t), np.ones(100), _csv_columns(d)), ["v", COLS]),
]

SAMPLER_CASES = [
    ("grid_inverse_cdf pdf an np.frompyfunc function (object arrays)", lambda d:
        grid_inverse_cdf(_OBJ_PDF, -3.0, 3.0), ["pdf", OBJ]),
    ("from_density pdf an np.frompyfunc function (object arrays)", lambda d:
        ContinuousInverseCDF.from_density(_OBJ_PDF), ["pdf", OBJ]),
    ("metropolis rng a datetime.datetime (seeded from the clock)", lambda d: _metropolis(
        rng=_CLOCK), ["rng", WHEN]),
    ("metropolis x0 np.genfromtxt's structured array", lambda d: _metropolis(
        x0=_csv_columns(d, np.zeros((2, 2)))), ["x0", COLS]),
    ("from_density u_resolution sys.float_info (its .epsilon meant)", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, u_resolution=sys.float_info),
     ["u_resolution", INFO]),
    ("density_values pdf scipy.stats.norm itself (its pdf meant)", lambda d:
        density_values(stats.norm, np.linspace(-1.0, 1.0, 5)), ["pdf", NORM]),
    ("integrate f an np.frompyfunc function (object arrays)", lambda d: integrate(
        _OBJ_PDF, 0.0, 1.0), ["f", OBJ]),
    ("discrete sample rng a datetime.datetime (seeded from the clock)", lambda d:
        _discrete().sample(5, _CLOCK), ["rng", WHEN]),
    ("discrete rvs random_state a datetime.datetime (seeded from the clock)", lambda d:
        _discrete().rvs(5, random_state=_CLOCK), ["random_state", WHEN]),
    ("total_variation samples np.genfromtxt's structured array", lambda d: total_variation(
        _csv_columns(d), _edges(), stats.norm.cdf), ["samples", COLS]),
    ("from_ppf ppf scipy.stats.cauchy itself (its ppf meant)", lambda d:
        ContinuousInverseCDF.from_ppf(stats.cauchy, stats.cauchy.cdf), ["ppf", CAUCHY]),
    ("density_values pdf an np.frompyfunc function (object arrays)", lambda d:
        density_values(_OBJ_PDF, np.linspace(-1.0, 1.0, 5)), ["pdf", OBJ]),
    ("continuous rvs random_state a datetime.datetime (seeded from the clock)", lambda d:
        _ppf_sampler().rvs(5, random_state=_CLOCK), ["random_state", WHEN]),
    ("discrete ppf u an NpzFile from np.load", lambda d: _discrete().ppf(
        _npz(d, [0.1, 0.5, 0.9], "u")), ["u", NPZ]),
    ("integrate hi sys.float_info (its .max meant)", lambda d: integrate(
        _normal_pdf, 0.0, sys.float_info), ["hi", INFO]),
    ("from_ppf cdf scipy.stats.cauchy itself (its cdf meant)", lambda d:
        ContinuousInverseCDF.from_ppf(stats.cauchy.ppf, stats.cauchy), ["cdf", CAUCHY]),
    ("bin_masses cdf an np.frompyfunc function (object arrays)", lambda d: bin_masses(
        _edges(), _OBJ_CDF), ["cdf", OBJ]),
    ("noise_floor rng a datetime.datetime (seeded from the clock)", lambda d: _noise(
        rng=_CLOCK), ["rng", WHEN]),
    ("continuous from_uniforms u an NpzFile from np.load", lambda d: _ppf_sampler(
        ).from_uniforms(_npz(d, [0.1, 0.5, 0.9], "u")), ["u", NPZ]),
    ("pooled_total_variation x np.genfromtxt's structured array", lambda d:
        pooled_total_variation(_csv_columns(d), _edges(), stats.norm.cdf), ["x", COLS]),
    ("noise_floor cdf scipy.stats.norm itself (its cdf meant)", lambda d: _noise(
        cdf=stats.norm), ["cdf", NORM]),
    ("from_ppf ppf an np.frompyfunc function (object arrays)", lambda d:
        ContinuousInverseCDF.from_ppf(_OBJ_PPF, stats.cauchy.cdf), ["ppf", OBJ]),
    ("fixed_step_chains rng a datetime.datetime (seeded from the clock)", lambda d: _fixed(
        rng=_CLOCK), ["rng", WHEN]),
    ("continuous sample rng a datetime.datetime (seeded from the clock)", lambda d:
        _ppf_sampler().sample(5, _CLOCK), ["rng", WHEN]),
    ("explore f scipy.stats.norm itself (its pdf meant)", lambda d: explore(
        stats.norm, _normal_pdf, -3.0, 3.0), ["f", NORM]),
    ("walks_from_one_start log_density scipy.stats.norm itself (its logpdf meant)",
     lambda d: _walks25(log_density=stats.norm), ["log_density", NORM]),
    ("explore pdf an np.frompyfunc function (object arrays)", lambda d: explore(
        _normal_pdf, _OBJ_PDF, -3.0, 3.0), ["pdf", OBJ]),
    ("step_size_sweep rngs a list of one datetime.datetime", lambda d: _sweep(
        rngs=[_CLOCK]), ["rngs", WHEN]),
    ("grid_inverse_cdf hi sys.float_info (its .max meant)", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, sys.float_info), ["hi", INFO]),
    ("walks_from_one_start cdf scipy.stats.norm itself (its cdf meant)", lambda d: _walks25(
        cdf=stats.norm), ["cdf", NORM]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws np.genfromtxt's structured array", lambda d: split_rhat(
        _csv_columns(d)), ["draws", COLS]),
    ("ess_bulk draws transposed, (draws, chains) with two draws a chain", lambda d: ess_bulk(
        _TRANSPOSED), ["draws", "(1000, 2)"]),
    ("mcse_mean draws np.genfromtxt's structured array", lambda d: mcse_mean(
        _csv_columns(d)), ["draws", COLS]),
    ("ess_tail draws transposed, (draws, chains) with two draws a chain", lambda d: ess_tail(
        _TRANSPOSED), ["draws", "(1000, 2)"]),
    ("ess_mean draws np.genfromtxt's structured array", lambda d: ess_mean(
        _csv_columns(d)), ["draws", COLS]),
    ("mcse_sd draws transposed, (draws, chains) with two draws a chain", lambda d: mcse_sd(
        _TRANSPOSED), ["draws", "(1000, 2)"]),
    ("diagnose draws np.genfromtxt's structured array", lambda d: diagnose(
        _csv_columns(d)), ["draws", COLS]),
    ("split_rhat draws transposed, (draws, chains) with two draws a chain", lambda d:
        split_rhat(_TRANSPOSED), ["draws", "(1000, 2)"]),
    ("ess_bulk draws np.genfromtxt's structured array", lambda d: ess_bulk(
        _csv_columns(d)), ["draws", COLS]),
    ("mcse_mean draws transposed, (draws, chains) with two draws a chain", lambda d:
        mcse_mean(_TRANSPOSED), ["draws", "(1000, 2)"]),
]

TESTING_CASES = [
    ("assert_inverts ppf scipy.stats.norm itself (its ppf meant)", lambda d:
        testing.assert_inverts(stats.norm, stats.norm.cdf, np.linspace(0.1, 0.9, 5), 1e-8),
     ["ppf", NORM]),
    ("assert_same_distribution y an NpzFile from np.load", lambda d:
        testing.assert_same_distribution(_samples(), _npz(d, _samples(), "y")), ["y", NPZ]),
    ("dkw_epsilon alpha sys.float_info (its .epsilon meant)", lambda d: testing.dkw_epsilon(
        1000, alpha=sys.float_info), ["alpha", INFO]),
    ("assert_monotone ppf an np.frompyfunc function (object arrays)", lambda d:
        testing.assert_monotone(_OBJ_PPF, np.linspace(0.1, 0.9, 5)), ["ppf", OBJ]),
    ("assert_labels_match labels an NpzFile from np.load", lambda d:
        testing.assert_labels_match(_npz(d, [0, 1, 0, 1], "labels"), [0.5, 0.5]),
     ["labels", NPZ]),
    ("assert_inverts cdf scipy.stats.norm itself (its cdf meant)", lambda d:
        testing.assert_inverts(stats.norm.ppf, stats.norm, np.linspace(0.1, 0.9, 5), 1e-8),
     ["cdf", NORM]),
    ("assert_same_distribution x an NpzFile from np.load", lambda d:
        testing.assert_same_distribution(_npz(d, _samples(), "x"), _samples()), ["x", NPZ]),
    ("chi_square_power alpha sys.float_info (its .epsilon meant)", lambda d:
        testing.chi_square_power([0.5, 0.5], [0.4, 0.6], 1000, alpha=sys.float_info),
     ["alpha", INFO]),
    ("assert_cdf_matches cdf an np.frompyfunc function (object arrays)", lambda d:
        testing.assert_cdf_matches(_samples(), _OBJ_CDF), ["cdf", OBJ]),
    ("chi_square_power q an NpzFile from np.load", lambda d: testing.chi_square_power(
        [0.5, 0.5], _npz(d, [0.4, 0.6], "q"), 1000), ["q", NPZ]),
    ("density trapezoid hi sys.float_info (its .max meant)", lambda d: densities.trapezoid(
        0.0, 1.0, 2.0, sys.float_info), ["hi", INFO]),
    ("density normal_mixture weights an NpzFile from np.load", lambda d:
        densities.normal_mixture(_npz(d, [0.5, 0.5], "weights"), [0.0, 1.0], [1.0, 1.0]),
     ["weights", NPZ]),
    ("assert_cdf_matches alpha sys.float_info (its .epsilon meant)", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.cdf, alpha=sys.float_info),
     ["alpha", INFO]),
    ("assert_inverts cdf an np.frompyfunc function (object arrays)", lambda d:
        testing.assert_inverts(stats.cauchy.ppf, _OBJ_CAUCHY_CDF, np.linspace(0.1, 0.9, 5),
                               1e-8), ["cdf", OBJ]),
    ("smallest_detectable beta sys.float_info (its .epsilon meant)", lambda d:
        testing.smallest_detectable(1000, beta=sys.float_info), ["beta", INFO]),
    ("draws_needed beta sys.float_info (its .epsilon meant)", lambda d:
        testing.draws_needed(0.01, beta=sys.float_info), ["beta", INFO]),
    ("density student_t df sys.float_info (its .max meant, the normal limit)", lambda d:
        densities.student_t(sys.float_info), ["df", INFO]),
    ("density steps heights an NpzFile from np.load", lambda d: densities.steps(
        [0.0, 1.0, 2.0], _npz(d, [0.5, 0.5], "heights")), ["heights", NPZ]),
    ("density uniform hi sys.float_info (its .max meant)", lambda d: densities.uniform(
        0.0, sys.float_info), ["hi", INFO]),
    ("strategies uniforms_near_edges p an NpzFile from np.load", lambda d:
        kit_st.uniforms_near_edges(_npz(d, [0.2, 0.3, 0.5], "p")), ["p", NPZ]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_count maximum sys.float_info (its .max meant, no maximum)", lambda d:
        style.check_count("count", 3, 1, sys.float_info), ["maximum", INFO]),
    ("style check_positive_numbers value an NpzFile from np.load", lambda d:
        style.check_positive_numbers("widths", _npz(d, [1.0, 2.0], "widths"), 2, "widths"),
     ["widths", NPZ]),
    ("style check_numbers x np.genfromtxt's structured array", lambda d: style.check_numbers(
        "values", _csv_columns(d)), ["values", COLS]),
    ("style check_seed seed an NpzFile holding the seed", lambda d: style.check_seed(
        _npz(d, 7, "seed")), ["seed", NPZ]),
]

MEMORY_CASES = [
    ("opt-out value a keycap emoji zero", lambda d: memory.opt_out_value(),
     [VAR, "0\ufe0f\u20e3"], {VAR: "0\ufe0f\u20e3"}),
    ("keep_freed_memory_unless_opted_out with full-width letters 'off'", lambda d:
        memory.keep_freed_memory_unless_opted_out(), [VAR, "\uff4f\uff46\uff46"],
     {VAR: "\uff4f\uff46\uff46"}),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 3)."""
    return kept_cases(cases, (1, 3), DROPPED)


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


def test_the_fiftyseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fiftyseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
