"""A seventy-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 84e2c31, from the user's side only: the README; the public names
(``__all__`` where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``memory``, ``sampling`` and its modules (``finite_chain``, ``interpolation``,
``step_size``, ``mixing``, ``tails``, ``quadrature``, ``diagnostics``, ``metropolis``), the
public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``,
``testing.densities``, ``testing.strategies`` and ``figures.style`` (and the values of
``style.MAX_INCHES`` and ``style.SIZES``, which ruled out a size-in-centimetres case); after the
first run, to judge the misses only, the docstrings of ``quadrature.density_values`` and
``tails.find_center``; and the earlier batteries' ids, layout and shared helpers (imported,
not copied). Not read: the body of any validation code, the library's source, its history,
anything of /work/main. No ``__main__`` module was imported. One case writes (``style.save``,
into its folder, refused first).

Areas (library side only), as written: the autodiff engine -- grad, jacobian, hessian, vjp,
jvp, value_and_grad, trace, stop_gradient, the trees (grad at a dict_keys), ops (einsum,
stack, concatenate, reshape, broadcast_to, expand_dims, sum, where, maximum, getitem) (25);
gradcheck -- check_grads, hvp (8); samplers -- DiscreteInverseCDF and its rvs, ppf,
from_uniforms, from_uniforms_guided; grid_inverse_cdf; from_density, from_ppf, the continuous
rvs, u_error, sample, ppf; laplace; metropolis; metropolis_transition_matrix; density_values,
find_center; total_variation; step_size_sweep (31); diagnostics (10); the testing kit, its
densities and three strategies (20); ``figures.style`` helpers (5); ``memory.keep_freed_memory``
(2): 101. No ``SCRATCHMETA_KEEP_FREED_MEMORY`` value was drafted (its values are nearly
exhausted).

Kinds of bad value:
- a dict's ``dict_keys`` view (``params.keys()`` or ``table.keys()`` where the values or an
  array were meant; mentions ``dict_keys``): jvp primals and tangents, stack and concatenate
  xs, grad's argument, einsum operand; check_grads args, hvp v; DiscreteInverseCDF p, discrete
  and continuous ppf u, from_density domain, laplace loc, metropolis x0 and step_size,
  metropolis_transition_matrix p, total_variation edges; split_rhat, ess_mean, mcse_sd and
  diagnose draws, ess_tail prob, quantile_type7 prob; assert_cdf_matches samples and alpha,
  assert_labels_match labels and p, assert_same_distribution x, two_sample_distance x,
  chi_square_pvalue counts (a Counter's keys), chi_square_power p, normal_mixture locs, steps
  edges, u_grids cut_points; style check_numbers and check_count; keep_freed_memory
  mmap_threshold;
- a scipy ``PchipInterpolator`` fitted on a table with ``extrapolate=False`` (NaN past it), as
  a function (vjp, jacobian, check_grads and hvp fun; grid_inverse_cdf, from_density,
  density_values and find_center pdf; from_ppf ppf; metropolis log_density; total_variation,
  assert_cdf_matches, assert_inverts and ks_distance cdf; assert_monotone ppf) and as a value
  where its values were meant (where cond, maximum, stop_gradient x, check_grads args, hvp x,
  discrete from_uniforms and from_uniforms_guided u, ess_bulk, mcse_mean and rank_normalize
  draws, quantile_type7 x); mentions ``PchipInterpolator``;
- ``sys.maxsize`` as a count or an index, "as many as can be" (mentions 9223372036854775807):
  reshape and broadcast_to shape, expand_dims and sum axis, getitem index, value_and_grad
  argnums, check_grads order; discrete and continuous rvs size, u_error sample_size,
  grid_inverse_cdf n, metropolis n_steps and n_warmup, step_size_sweep steps; the strategies
  probability_vectors max_size and symmetric_proposals n; style subplots nrows;
- a user's callable class passed itself, not an instance (calls build objects; mentions the
  class name): grad, hessian, trace fun (``_Quadratic``); grid_inverse_cdf, from_density and
  find_center pdf (``_NormalDensity``), from_ppf and ks_distance cdf (``_NormalCdf``),
  metropolis log_density (``_NormalLogDensity``), assert_monotone and assert_inverts ppf
  (``_NormalPpf``); and the ``np.random.Generator`` class for continuous sample rng and style
  check_seed seed; the type ``int`` for keep_freed_memory trim_threshold;
- a user's loss with a Python ``if`` on a whole array: grad, jacobian, value_and_grad, trace,
  check_grads fun (mentions ``_relu_with_if``);
- a compiled regex ``re.compile(...)`` where a string was meant: einsum subscripts, style save
  name.

Repeats: every id of the earlier batteries (10,764 distinct tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids and, per draft, with the earlier ids of the same function and
argument holding its kind word (dict_keys, Pchip, maxsize, class, Generator, regex, if). Before
any run 4 drafts were replaced for repeating an earlier substance: check_grads, hvp and
assert_cdf_matches fun/cdf a class (earlier "... the ndarray class") and metropolis rng the
Generator class (earlier "metropolis rng a Generator class"); they became check_grads args and
hvp x a PchipInterpolator, assert_cdf_matches alpha a dict_keys and metropolis step_size a
dict_keys. Kind words found in no earlier id: "PchipInterpolator", "sys.maxsize", "Python if
on the whole array"; "dict_keys" was in two (sum, Omniglot rotate), neither of these
functions; "compiled regex" in none of these functions.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (0, 2)`` were kept (``_kept``): 59 of the 101 (one memory
case). After the first run no case was added, reordered or swapped.

Dropped (``DROPPED``, 2, both written only, both silent): ``density_values pdf a
PchipInterpolator NaN past its table`` (density_values's docstring: "NaN allowed: for
probing") and ``find_center pdf a PchipInterpolator NaN past its table`` (find_center's
docstring shrinks the working domain to the NaN-free probes and leaves the mass check to
``explore``). Corrected: none.

First run at 84e2c31 (kept and --written a few seconds each, under ``ulimit -v 8000000``),
before the drops: kept, 51 of 59 clear (86.4%), 8 unclear, 0 silent, 0 data loss; written, 87
of 101 clear (86.1%), 12 unclear, 2 silent, 0 data loss. After them: kept unchanged, 51 of 59
(86.4%) -- engine 13/15, gradcheck 3/4, samplers 15/18, diagnostics 6/6, testing kit 10/12,
figures 3/3, memory 1/1. Written, 87 of 99 clear (87.9%), 12 unclear, 0 silent, 0 data loss
-- engine 21/25, gradcheck 7/8, samplers 26/29, diagnostics 10/10, testing kit 16/20, figures
5/5, memory 2/2.

Not clear, kept:
- ``grad of a fun with a Python if on the whole array``: ValueError "The truth value of an
  array with more than one element is ambiguous. Use a.any() or a.all()" (NumPy's, neither
  fun nor its name; the README lets a ValueError raised in the engine pass through as it is).
- ``trace of a fun with a Python if on the whole array``: the same ValueError.
- ``check_grads fun with a Python if on the whole array``: the same ValueError.
- ``from_density pdf a PchipInterpolator NaN past its table``: ValueError "the density is NaN
  at x = -3.1622776601683795, where it still holds mass: about 2.9e-01 of it lies beyond
  x = -1.0, ...; return 0 there instead" (clear in substance; names neither pdf nor the
  PchipInterpolator).
- ``from_ppf ppf a PchipInterpolator NaN past its table``: ValueError "ppf returned NaN at
  u = 0.0; an inverse CDF must return a number ..." (names ppf, not the PchipInterpolator).
- ``total_variation cdf a PchipInterpolator NaN past its table``: ValueError "cdf must be a
  CDF: at the edges it must return one number in [0, 1] per edge, never decreasing, got
  array([nan, 0.30853754, ...])" (names cdf, not the PchipInterpolator).
- ``assert_monotone ppf a PchipInterpolator NaN past its table``: AssertionError "ppf returned
  NaN at u = np.float64(0.001)" (an assertion failure, not a refusal; no PchipInterpolator).
- ``assert_inverts cdf a PchipInterpolator NaN past its table``: ValueError "cdf must return a
  finite number in [0, 1] at every x, but it returned nan at x = -3.090232306167813 (2 of 3
  values NaN or inf)" (names cdf, not the PchipInterpolator).
Not clear, written and not kept:
- ``jacobian of a fun with a Python if on the whole array`` and ``value_and_grad of a fun with
  a Python if on the whole array``: the same NumPy ValueError as grad's.
- ``assert_cdf_matches cdf a PchipInterpolator NaN past its table`` and ``ks_distance cdf a
  PchipInterpolator NaN past its table``: ValueError "cdf must map an array of draws to an
  array of the same shape of numbers in [0, 1] (no NaN); got shape (200,) for (200,): ...
  array([nan, nan, ...])" (names cdf, not the PchipInterpolator).
Dropped after the first run: the two silent NaN cases above (density_values, find_center).

Measured on main at 96ed3a0 (84e2c31, the commit it was written at, plus a review commit of
one docstring), blind: kept, 51 of 59 clear (86.4%), 8 unclear, 0 silent, 0 data loss;
written, 87 of 99 (87.9%), 12 unclear. With the seventy-sixth (53 of 54) the pair is 104 of
113 (92.0%), 1 silent. Round 52 (with sight of this file and the seventy-sixth, so not
blind): NumPy's "truth value of an array is ambiguous" from a Python ``if`` inside a
differentiated function is named with the function and the remedy (``ad.where``); the
samplers' and the kit's messages about NaN from a pdf, ppf or cdf name the function by its
own name. After it: 58 of 59 kept clear; written, 98 of 99 -- left, a strict xfail in
``NOT_CLEAR_YET``: ``assert_monotone`` fails with an AssertionError on a NaN, as its docstring
says (its message names the ppf).
"""

import re
import sys
from collections import Counter

import numpy as np
import pytest
from scipy import stats
from scipy.interpolate import PchipInterpolator

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose, ess_bulk,
                                  ess_mean, ess_tail, grid_inverse_cdf, laplace, mcse_mean,
                                  mcse_sd, metropolis_transition_matrix, rank_normalize,
                                  split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.sampling.quadrature import density_values
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import probability_vectors, symmetric_proposals, u_grids

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _example, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples
from test_bad_inputs_twentyfirst import _edges, _ppf_sampler
from test_bad_inputs_sixtyninth import _chains

PCHIP = "PchipInterpolator"      # scipy's PCHIP fit of a table, extrapolate=False: NaN past it
KEYS = "dict_keys"               # a dict's keys view, where its values or an array were meant
MAXSIZE = str(sys.maxsize)       # sys.maxsize (9223372036854775807) as a count, "as many as can be"


def _pchip(xs, ys):
    """A PCHIP fit of the table (xs, ys) that gives NaN outside [xs[0], xs[-1]]."""
    return PchipInterpolator(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float),
                             extrapolate=False)


def _pchip_pdf():
    """A normal density tabulated on [-3, 3]: NaN outside it."""
    xs = np.linspace(-3.0, 3.0, 13)
    return _pchip(xs, stats.norm.pdf(xs))


def _pchip_cdf():
    """A normal CDF tabulated on [-0.5, 0.5]: NaN outside it (most samples, edges +-1)."""
    xs = np.linspace(-0.5, 0.5, 11)
    return _pchip(xs, stats.norm.cdf(xs))


def _pchip_ppf():
    """A normal quantile function tabulated on u in [0.01, 0.99]: NaN outside it."""
    us = np.linspace(0.01, 0.99, 50)
    return _pchip(us, stats.norm.ppf(us))


def _pchip_log_density():
    """A log-density tabulated on [-1, 1]: NaN once the walk leaves it."""
    xs = np.linspace(-1.0, 1.0, 9)
    return _pchip(xs, -0.5 * xs ** 2)


def _keys():
    """The keys view of a dict of parameters (``params.keys()`` where the arrays were meant)."""
    return {"w": X3, "b": X3}.keys()


def _float_keys(values):
    """The keys view of a dict keyed by the numbers (``table.keys()``): a dict_keys, no array."""
    return {float(v): i for i, v in enumerate(np.asarray(values, dtype=float).ravel())}.keys()


def _chain_keys():
    """The keys view of a dict {chain name: draws} (its keys, not its draws)."""
    return {"chain_a": _chains()[0], "chain_b": _chains()[1]}.keys()


def _label_probs():
    """A dict {label: probability}."""
    return {"a": 0.2, "b": 0.3, "c": 0.5}


class _Quadratic:
    """A user's loss as a callable class; passing the class itself, not ``_Quadratic()``,
    makes ``fun(x)`` build an instance with ``scale=x`` instead of a loss."""

    def __init__(self, scale=1.0):
        self.scale = scale

    def __call__(self, x):
        return self.scale * ad.sum(x * x)


class _NormalDensity:
    """A normal density as a callable class (the class itself passed: calls make objects)."""

    def __init__(self, loc=0.0, scale=1.0):
        self.loc, self.scale = loc, scale

    def __call__(self, x):
        return stats.norm.pdf(x, self.loc, self.scale)


class _NormalCdf(_NormalDensity):
    def __call__(self, x):
        return stats.norm.cdf(x, self.loc, self.scale)


class _NormalPpf(_NormalDensity):
    def __call__(self, u):
        return stats.norm.ppf(u, self.loc, self.scale)


class _NormalLogDensity(_NormalDensity):
    def __call__(self, x):
        return -0.5 * np.sum((np.asarray(x) - self.loc) ** 2, axis=-1) / self.scale ** 2


def _relu_with_if(x):
    """A user's loss with a Python ``if`` on the whole array (the truth of 3 numbers)."""
    if x > 0:
        return ad.sum(x * x)
    return ad.sum(0.0 * x)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad of the class _Quadratic, not an instance", lambda d: ad.grad(_Quadratic)(X3),
     ["fun", "_Quadratic"]),
    ("grad of a fun with a Python if on the whole array", lambda d: ad.grad(
        _relu_with_if)(X3), ["fun", "_relu_with_if"]),
    ("jacobian of a fun with a Python if on the whole array", lambda d: ad.jacobian(
        _relu_with_if)(X3), ["fun", "_relu_with_if"]),
    ("hessian of the class _Quadratic, not an instance", lambda d: ad.hessian(_Quadratic)(
        X3), ["fun", "_Quadratic"]),
    ("vjp of a PchipInterpolator as fun", lambda d: ad.vjp(_pchip_pdf(), X3),
     ["fun", PCHIP]),
    ("jvp primals the dict_keys of a parameter dict", lambda d: ad.jvp(
        _square, _keys(), (X3,)), ["primals", KEYS]),
    ("jvp tangents the dict_keys of a parameter dict", lambda d: ad.jvp(
        _square, (X3,), _keys()), ["tangents", KEYS]),
    ("value_and_grad of a fun with a Python if on the whole array", lambda d:
        ad.value_and_grad(_relu_with_if)(X3), ["fun", "_relu_with_if"]),
    ("einsum subscripts a compiled regex", lambda d: ad.einsum(re.compile("i,i->"), X3, X3),
     ["subscripts", "re.compile"]),
    ("stack xs the dict_keys of a parameter dict", lambda d: ad.stack(_keys()),
     ["xs", KEYS]),
    ("concatenate xs the dict_keys of a parameter dict", lambda d: ad.concatenate(_keys()),
     ["xs", KEYS]),
    ("reshape to a shape of sys.maxsize", lambda d: ad.reshape(X3, (sys.maxsize,)),
     ["shape", MAXSIZE]),
    ("broadcast_to shape of sys.maxsize", lambda d: ad.broadcast_to(X3, (sys.maxsize, 3)),
     ["shape", MAXSIZE]),
    ("expand_dims axis sys.maxsize", lambda d: ad.expand_dims(X3, sys.maxsize),
     ["axis", MAXSIZE]),
    ("sum axis sys.maxsize", lambda d: ad.sum(X3, axis=sys.maxsize), ["axis", MAXSIZE]),
    ("where cond a PchipInterpolator, not its values", lambda d: ad.where(
        _pchip_pdf(), X3, X3), ["cond", PCHIP]),
    ("maximum of an array and a PchipInterpolator", lambda d: ad.maximum(X3, _pchip_pdf()),
     [PCHIP]),
    ("getitem index sys.maxsize", lambda d: ad.getitem(X3, sys.maxsize), [MAXSIZE]),
    ("trace of the class _Quadratic, not an instance", lambda d: ad.trace(_Quadratic, X3),
     ["fun", "_Quadratic"]),
    ("trace of a fun with a Python if on the whole array", lambda d: ad.trace(
        _relu_with_if, X3), ["fun", "_relu_with_if"]),
    ("grad at the dict_keys of a parameter dict", lambda d: ad.grad(_square)(_keys()),
     [KEYS]),
    ("stop_gradient x a PchipInterpolator", lambda d: ad.stop_gradient(_pchip_pdf()),
     ["x", PCHIP]),
    ("value_and_grad argnums sys.maxsize", lambda d: ad.value_and_grad(
        _square, argnums=sys.maxsize)(X3), ["argnums", MAXSIZE]),
    ("jacobian of a PchipInterpolator as fun", lambda d: ad.jacobian(_pchip_pdf())(X3),
     ["fun", PCHIP]),
    ("einsum an operand the dict_keys of a parameter dict", lambda d: ad.einsum(
        "i,i->", X3, _keys()), ["operand", KEYS]),
]

GRADCHECK_CASES = [
    ("check_grads args a PchipInterpolator, not its values", lambda d: check_grads(
        _square, (_pchip_pdf(),)), ["args", PCHIP]),
    ("check_grads fun with a Python if on the whole array", lambda d: check_grads(
        _relu_with_if, (X3,)), ["fun", "_relu_with_if"]),
    ("check_grads args the dict_keys of a parameter dict", lambda d: check_grads(
        _square, _keys()), ["args", KEYS]),
    ("check_grads order sys.maxsize", lambda d: check_grads(_square, (X3,),
                                                            order=sys.maxsize),
     ["order", MAXSIZE]),
    ("hvp fun a PchipInterpolator", lambda d: hvp(_pchip_pdf(), np.array(0.5),
                                                   np.array(1.0)), ["fun", PCHIP]),
    ("hvp x a PchipInterpolator, not its values", lambda d: hvp(_square, _pchip_pdf(), X3),
     ["x", PCHIP]),
    ("hvp v the dict_keys of a parameter dict", lambda d: hvp(_square, X3, _keys()),
     ["v", KEYS]),
    ("check_grads fun a PchipInterpolator", lambda d: check_grads(
        _pchip_pdf(), (np.array(0.5),)), ["fun", PCHIP]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p the dict_keys of a label-probability dict", lambda d:
        DiscreteInverseCDF(_label_probs().keys()), ["p", KEYS]),
    ("discrete rvs size sys.maxsize", lambda d: _discrete().rvs(sys.maxsize, 0),
     ["size", MAXSIZE]),
    ("discrete from_uniforms_guided u a PchipInterpolator, not its values", lambda d:
        _discrete().from_uniforms_guided(_pchip_pdf()), ["u", PCHIP]),
    ("discrete ppf u the dict_keys of a dict of uniforms", lambda d: _discrete().ppf(
        _float_keys([0.1, 0.5, 0.9])), ["u", KEYS]),
    ("discrete from_uniforms u a PchipInterpolator, not its values", lambda d:
        _discrete().from_uniforms(_pchip_pdf()), ["u", PCHIP]),
    ("grid_inverse_cdf pdf a PchipInterpolator NaN past its table", lambda d:
        grid_inverse_cdf(_pchip_pdf(), -5.0, 5.0), ["pdf", PCHIP]),
    ("grid_inverse_cdf pdf the class _NormalDensity, not an instance", lambda d:
        grid_inverse_cdf(_NormalDensity, -3.0, 3.0), ["pdf", "_NormalDensity"]),
    ("grid_inverse_cdf n sys.maxsize", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, 3.0, n=sys.maxsize), ["n", MAXSIZE]),
    ("from_density pdf a PchipInterpolator NaN past its table", lambda d:
        ContinuousInverseCDF.from_density(_pchip_pdf()), ["pdf", PCHIP]),
    ("from_density pdf the class _NormalDensity, not an instance", lambda d:
        ContinuousInverseCDF.from_density(_NormalDensity), ["pdf", "_NormalDensity"]),
    ("from_density domain the dict_keys of a dict of bounds", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, domain=_float_keys([-5.0, 5.0])),
     ["domain", KEYS]),
    ("from_ppf ppf a PchipInterpolator NaN past its table", lambda d:
        ContinuousInverseCDF.from_ppf(_pchip_ppf(), stats.norm.cdf), ["ppf", PCHIP]),
    ("from_ppf cdf the class _NormalCdf, not an instance", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, _NormalCdf), ["cdf", "_NormalCdf"]),
    ("continuous rvs size sys.maxsize", lambda d: _ppf_sampler().rvs(
        sys.maxsize, random_state=0), ["size", MAXSIZE]),
    ("continuous u_error sample_size sys.maxsize", lambda d: _ppf_sampler().u_error(
        sys.maxsize), ["sample_size", MAXSIZE]),
    ("continuous sample rng the Generator class, not an instance", lambda d:
        _ppf_sampler().sample(10, np.random.Generator), ["rng", "Generator"]),
    ("continuous ppf u the dict_keys of a dict of uniforms", lambda d: _ppf_sampler().ppf(
        _float_keys([0.1, 0.5, 0.9])), ["u", KEYS]),
    ("laplace loc the dict_keys of a one-entry dict", lambda d: laplace(
        loc=_float_keys([0.0])), ["loc", KEYS]),
    ("metropolis log_density a PchipInterpolator NaN past its table", lambda d:
        _metropolis(log_density=_pchip_log_density(), n_steps=200),
     ["log_density", PCHIP]),
    ("metropolis log_density the class _NormalLogDensity, not an instance", lambda d:
        _metropolis(log_density=_NormalLogDensity), ["log_density", "_NormalLogDensity"]),
    ("metropolis n_steps sys.maxsize", lambda d: _metropolis(n_steps=sys.maxsize),
     ["n_steps", MAXSIZE]),
    ("metropolis step_size the dict_keys of a dict of step sizes", lambda d: _metropolis(
        step_size=_float_keys([0.5])), ["step_size", KEYS]),
    ("metropolis x0 the dict_keys of a dict of starts", lambda d: _metropolis(
        x0=_float_keys([0.0, 1.0])), ["x0", KEYS]),
    ("metropolis n_warmup sys.maxsize", lambda d: _metropolis(n_warmup=sys.maxsize),
     ["n_warmup", MAXSIZE]),
    ("metropolis_transition_matrix p the dict_keys of a state-probability dict", lambda d:
        metropolis_transition_matrix(_label_probs().keys(), np.full((3, 3), 1 / 3)),
     ["p", KEYS]),
    ("density_values pdf a PchipInterpolator NaN past its table", lambda d: density_values(
        _pchip_pdf(), np.array([-4.0, 0.0, 4.0])), ["pdf", PCHIP]),
    ("find_center pdf the class _NormalDensity, not an instance", lambda d: find_center(
        _NormalDensity, -3.0, 3.0), ["pdf", "_NormalDensity"]),
    ("find_center pdf a PchipInterpolator NaN past its table", lambda d: find_center(
        _pchip_pdf(), -5.0, 5.0), ["pdf", PCHIP]),
    ("total_variation cdf a PchipInterpolator NaN past its table", lambda d:
        total_variation(_samples(), _edges(), _pchip_cdf()), ["cdf", PCHIP]),
    ("total_variation edges the dict_keys of a dict of edges", lambda d: total_variation(
        _samples(), _float_keys(_edges()), stats.norm.cdf), ["edges", KEYS]),
    ("step_size_sweep steps sys.maxsize", lambda d: step_size_sweep(
        np.array([0.5, 1.0, 2.0]), 2, sys.maxsize, {"d1": 1}, [_rng()]),
     ["steps", MAXSIZE]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws the dict_keys of a chain dict", lambda d: split_rhat(
        _chain_keys()), ["draws", KEYS]),
    ("ess_bulk draws a PchipInterpolator, not its draws", lambda d: ess_bulk(_pchip_pdf()),
     ["draws", PCHIP]),
    ("ess_tail prob the dict_keys of a dict of tail probabilities", lambda d: ess_tail(
        _chains(), prob=_float_keys([0.05, 0.95])), ["prob", KEYS]),
    ("ess_mean draws the dict_keys of a chain dict", lambda d: ess_mean(_chain_keys()),
     ["draws", KEYS]),
    ("mcse_mean draws a PchipInterpolator, not its draws", lambda d: mcse_mean(
        _pchip_pdf()), ["draws", PCHIP]),
    ("mcse_sd draws the dict_keys of a chain dict", lambda d: mcse_sd(_chain_keys()),
     ["draws", KEYS]),
    ("rank_normalize draws a PchipInterpolator, not its draws", lambda d: rank_normalize(
        _pchip_pdf()), ["draws", PCHIP]),
    ("diagnose draws the dict_keys of a chain dict", lambda d: diagnose(_chain_keys()),
     ["draws", KEYS]),
    ("quantile_type7 prob the dict_keys of a dict of probabilities", lambda d:
        quantile_type7(_samples(), _float_keys([0.25, 0.75])), ["prob", KEYS]),
    ("quantile_type7 x a PchipInterpolator, not its values", lambda d: quantile_type7(
        _pchip_pdf(), 0.5), ["x", PCHIP]),
]

TESTING_CASES = [
    ("assert_cdf_matches cdf a PchipInterpolator NaN past its table", lambda d:
        testing.assert_cdf_matches(_samples(), _pchip_cdf()), ["cdf", PCHIP]),
    ("assert_cdf_matches alpha the dict_keys of a dict of levels", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.cdf, alpha=_float_keys([1e-6])),
     ["alpha", KEYS]),
    ("assert_cdf_matches samples the dict_keys of a histogram dict", lambda d:
        testing.assert_cdf_matches(_float_keys(_samples()), stats.norm.cdf),
     ["samples", KEYS]),
    ("assert_labels_match labels the dict_keys of a label dict", lambda d:
        testing.assert_labels_match({0: "a", 1: "b"}.keys(), [0.5, 0.5]),
     ["labels", KEYS]),
    ("assert_labels_match p the dict_keys of a label-probability dict", lambda d:
        testing.assert_labels_match(np.array([0, 1, 2] * 10), _label_probs().keys()),
     ["p", KEYS]),
    ("assert_same_distribution x the dict_keys of a histogram dict", lambda d:
        testing.assert_same_distribution(_float_keys(_samples()), _samples()),
     ["x", KEYS]),
    ("assert_monotone ppf a PchipInterpolator NaN past its table", lambda d:
        testing.assert_monotone(_pchip_ppf(), np.array([0.001, 0.5, 0.999])),
     ["ppf", PCHIP]),
    ("assert_monotone ppf the class _NormalPpf, not an instance", lambda d:
        testing.assert_monotone(_NormalPpf, np.linspace(0.1, 0.9, 5)),
     ["ppf", "_NormalPpf"]),
    ("assert_inverts cdf a PchipInterpolator NaN past its table", lambda d:
        testing.assert_inverts(stats.norm.ppf, _pchip_cdf(), np.array([0.001, 0.5, 0.999]),
                               1e-6), ["cdf", PCHIP]),
    ("assert_inverts ppf the class _NormalPpf, not an instance", lambda d:
        testing.assert_inverts(_NormalPpf, stats.norm.cdf, np.linspace(0.1, 0.9, 5), 1e-9),
     ["ppf", "_NormalPpf"]),
    ("ks_distance cdf a PchipInterpolator NaN past its table", lambda d:
        testing.ks_distance(_samples(), _pchip_cdf()), ["cdf", PCHIP]),
    ("ks_distance cdf the class _NormalCdf, not an instance", lambda d:
        testing.ks_distance(_samples(), _NormalCdf), ["cdf", "_NormalCdf"]),
    ("two_sample_distance x the dict_keys of a histogram dict", lambda d:
        testing.two_sample_distance(_float_keys(_samples()), _samples()), ["x", KEYS]),
    ("chi_square_pvalue counts the dict_keys of a Counter (the labels)", lambda d:
        testing.chi_square_pvalue(Counter([0, 1, 1, 2, 2, 2]).keys(), [0.2, 0.3, 0.5]),
     ["counts", KEYS]),
    ("chi_square_power p the dict_keys of a label-probability dict", lambda d:
        testing.chi_square_power(_label_probs().keys(), [0.3, 0.3, 0.4], 100),
     ["p", KEYS]),
    ("density normal_mixture locs the dict_keys of a dict of means", lambda d:
        densities.normal_mixture([0.5, 0.5], _float_keys([-1.0, 1.0]), [1.0, 1.0]),
     ["locs", KEYS]),
    ("density steps edges the dict_keys of a dict of edges", lambda d: densities.steps(
        _float_keys([0.0, 1.0, 2.0]), [0.5, 0.5]), ["edges", KEYS]),
    ("strategies u_grids cut_points the dict_keys of a dict of cuts", lambda d: _example(
        u_grids(cut_points=_float_keys([0.25, 0.5]))), ["cut_points", KEYS]),
    ("strategies probability_vectors max_size sys.maxsize", lambda d: _example(
        probability_vectors(max_size=sys.maxsize)), ["max_size", MAXSIZE]),
    ("strategies symmetric_proposals n sys.maxsize", lambda d: _example(
        symmetric_proposals(sys.maxsize)), ["n", MAXSIZE]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style subplots nrows sys.maxsize", lambda d: style.subplots(nrows=sys.maxsize),
     ["nrows", MAXSIZE]),
    ("style check_numbers x the dict_keys of a dict of values", lambda d:
        style.check_numbers("values", _float_keys([0.0, 0.5])), ["values", KEYS]),
    ("style check_count value the dict_keys of a one-entry dict", lambda d:
        style.check_count("count", {3: "three"}.keys()), ["count", KEYS]),
    ("style save name a compiled regex", lambda d: style.save(
        style.subplots()[0], d, re.compile("fig_.*")), ["name", "re.compile"]),
    ("style check_seed seed the Generator class, not an instance", lambda d:
        style.check_seed(np.random.Generator), ["seed", "Generator"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold the dict_keys of a one-entry dict", lambda d:
        memory.keep_freed_memory(mmap_threshold={2 ** 20: "1 MiB"}.keys()),
     ["mmap_threshold", KEYS], None),
    ("keep_freed_memory trim_threshold the type int, not a value", lambda d:
        memory.keep_freed_memory(trim_threshold=int), ["trim_threshold", "int"], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "density_values pdf a PchipInterpolator NaN past its table": (
        "no bad input by the docs: density_values's docstring returns pdf(x) 'NaN allowed: "
        "for probing'"),
    "find_center pdf a PchipInterpolator NaN past its table": (
        "no bad input by the docs: find_center's docstring shrinks the domain to the NaN-free "
        "probes and leaves the mass check to explore"),
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 2)."""
    return kept_cases(cases, (0, 2), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    "assert_monotone ppf a PchipInterpolator NaN past its table": "documented: assert_monotone "
        "fails (an AssertionError) unless ppf is non-decreasing and never NaN; its message "
        "names ppf by its own name",
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_seventyseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_seventyseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
