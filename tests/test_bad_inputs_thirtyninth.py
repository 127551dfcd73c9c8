"""A thirty-ninth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit b899e3f, from the user's side
only: the README; ``__all__`` (or the public names) and the signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``sampling`` and its modules (``diagnostics``, ``finite_chain``,
``interpolation``, ``mixing``, ``quadrature``, ``step_size``, ``tails``), ``testing``,
``testing.densities``, ``memory`` and ``figures.style``; after the first run (to judge the
misses only) the docstrings of ``einsum``, ``matmul``, ``solve``, ``tree_map`` and ``norm``; and
the earlier batteries' ids, layout and shared helpers (imported, not copied). Not read: the body
of any validation code (``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``), the
library's source, its history, anything of /work/main. No ``__main__`` module was imported.
Every case writes only inside its folder (the one file made is a named pipe in it).

Areas (library side only; the command line, Chapter 2, strategies, checkpoints, nn/optim, task
families and Omniglot are another writer's), as written: the autodiff engine (22), gradcheck
(6), samplers -- inverse CDFs, the named distributions, Metropolis and its transition matrix,
quadrature, tails, mixing, step size (34), diagnostics (11), the testing kit with its densities
(17), the figures helpers in ``figures.style`` (8), the ``memory`` functions and
``SCRATCHMETA_KEEP_FREED_MEMORY`` (6): 104.

Kinds of bad value, chosen for what no earlier id names on that function and argument: an
object with ``__index__`` only (``IndexOnly``, converting to an int that is valid there: 2, or
20, 64, 1000, 65536, 1 where 2 would have been a second fault) where an int, an axis, a seed or
a real number is meant (clip a_min, jacobian argnum, value_and_grad argnums, norm axis,
check_grads order/rtol, grid_inverse_cdf n, pareto alpha, metropolis n_steps, noise_floor
repeats, optimal_acceptance dim, quantile_type7 prob, smallest_detectable samples,
chi_square_power n, student_t loc, style subplots nrows/size, check_seed, mmap_threshold); an
object with ``__float__`` only (``FloatLike``, converting to a valid float) where a number or
an axis is meant (sum/max/expand_dims axis, std ddof, hvp v, check_grads eps/atol, discrete ppf
u and sample size, explore center, logistic scale, integrate n, metropolis step_size and
target_acceptance, from_density u_resolution, walks chains, find_center a, fixed_step_chains
dim, ess_tail prob's second item, assert_inverts u_resolution, draws_needed discrepancy,
dkw_epsilon n, trapezoid c, style check_count); an object with only ``__len__`` (``LenOnly``)
where an array is meant (matmul a, solve a, hvp x, DiscreteInverseCDF p, transition matrix Q,
noise_floor edges, split_rhat draws, chi_square_pvalue p, assert_labels_match p, ks_distance
samples, densities steps edges, style check_positive_numbers); dict subclasses and mapping
views (an OrderedDict, a defaultdict, a mappingproxy) where an array, a shape or a tuple is
meant (exp, concatenate xs, solve b, einsum operands, jvp tangents, broadcast_to shape, pareto
scale, step_size_sweep scaled, mcse_sd and rank_normalize draws, assert_same_distribution x);
the live traced Tensor, alone or in a list (a list of its rows or items), handed inside
``grad`` to a NumPy-only function (DiscreteInverseCDF p, grid_inverse_cdf lo, exponential rate,
laplace and cauchy loc, integrate hi, total_variation samples, weibull shape, ess_bulk,
ess_tail, ess_mean, mcse_mean, diagnose draws, split_chains x, assert_monotone u,
assert_cdf_matches samples, normal_mixture weights, densities pareto alpha, style
check_numbers); a user function raising StopIteration (vjp and hessian fun, grid_inverse_cdf
pdf); the two-input ufunc ``np.hypot`` given where a one-argument function is meant (tree_map
f, trace fun, Primitive impl, from_density and density_values pdf, pooled_total_variation
cdf); an object array of arrays (metropolis x0, chi_square_pvalue counts); bytes for a name
(tree_flatten name, style save name); a named pipe for ``style.save``'s out_dir; the
environment variable '0x0', '½', 'None', 'zero' and '0e0'.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 6,773 ids by a regex at the start of each case tuple) were
compared with every draft by token overlap (Jaccard, a few filler words left out); each pair at
0.45 or more was listed, every pair at 0.6 or more was read, and the earlier ids on the same
function and argument were grepped. Of 130 drafted (106, then 24 more after the first
removals, all before any run), 26 were removed as repeats of an earlier case's substance: a
function raising StopIteration where one raising another exception had been tried on the same
function and argument (grad fun, tree_map f, Primitive vjp, check_grads fun, hvp fun, from_ppf
ppf, metropolis log_density, integrate f, density_values pdf, find_center pdf,
total_variation cdf, walks_from_one_start log_density, assert_monotone ppf, assert_inverts
cdf, ks_distance cdf: 15, although StopIteration is special inside generators); ``np.hypot``
where a function "wanting two arguments" had been tried (check_grads fun, metropolis
log_density, assert_cdf_matches cdf); an object array where one had been tried (``where cond``
(of None), ``hvp v`` (of 0-d arrays), ``rank_normalize draws`` (with None)); ``style
check_axes ax a Figure`` (exactly), ``style save out_dir a zero-byte file`` (after ``... a
file``), ``unless_opted_out a zero after a zero-width space`` (after ``a zero-width space after
0``), ``grad of a fun returning a list holding a Tensor`` (after ``... returning a list``) and
``getitem index an object with __float__ only`` (after ``getitem by a float``). Kept although
a pair reached 0.6, as another kind on that argument or another function: ``logistic scale``
(earlier: cauchy scale), ``integrate n`` (earlier: integrate hi, and n "a float", not a
float-like object), ``optimal_acceptance dim`` (earlier: GaussianClusters dim), ``laplace loc
a list holding the live Tensor`` (earlier: a list of numbers), ``discrete sample size``
(earlier: a dtype object), ``mcse_sd draws an OrderedDict`` (earlier: no chains), ``style save
name bytes`` (earlier: slash, newline, None, empty), ``opt-out value 'None'`` and
``mmap_threshold an object with __index__ only`` (earlier: an object array of one).
Redrafted before any run (each had a second fault): ``jacobian argnum`` (the function took two
arguments for three given), the ``axis`` cases (an axis of 2 out of range: now on 3-D or 2-D
inputs), ``from_density u_resolution`` (every int is out of range: now ``FloatLike(1e-10)``),
the ``IndexOnly``/``FloatLike`` values set inside each range (e.g. discrepancy 0.1, prob 0.95,
target_acceptance 0.3, n 64), and ``total_variation``/``assert_cdf_matches`` samples (50 items,
not 2). Mentions: the argument's name as in the signature and the value's repr where short,
else the type's name (``IndexOnly``, ``FloatLike``, ``LenOnly``, ``OrderedDict``,
``defaultdict``, ``mappingproxy``, ``Tensor``, ``object``, ``hypot``, ``StopIteration``).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 62 of the 104.
After the first run a case could only be dropped or corrected, never added or swapped.

Dropped (``DROPPED``): none. Corrected after the first run (mentions that matched by accident,
read by hand: the message named another function's ``x``, or no argument at all): ``matmul a
an object with only __len__`` ("a" matched "an array": now "a must"), ``solve b a
mappingproxy`` ("b" matched "be": now "b must"), ``einsum operand a defaultdict`` (no argument
name at all: now "operands"), ``tree_map f the two-input ufunc np.hypot over one tree`` ("f"
matched "from": now "f raised", as the engine's own "fun raised ...").

First run at b899e3f (about 1 s as a script, 3 s under pytest), before the corrections: kept,
62 of 62 clear; written, 104 of 104 clear. After them: kept, 61 of 62 clear (98.4%), 1 unclear
(1.6%), 0 silent, 0 data loss -- engine 12/13, gradcheck 4/4, samplers 20/20, diagnostics 7/7,
testing kit 10/10, figures 4/4, environment 4/4. Written, 100 of 104 clear (96.2%), 4 unclear
(3.8%), 0 silent, 0 data loss -- engine 18/22, gradcheck 6/6, samplers 34/34, diagnostics
11/11, testing kit 17/17, figures 8/8, environment 6/6. Every __index__/__float__/__len__
object, dict subclass, live-Tensor, StopIteration, object-array, bytes, named-pipe and
environment case was clear; the misses are the engine's ops whose array arguments go through
an inner ``shape`` check.

Not clear, kept:
- ``einsum operand a defaultdict`` (a dict subclass as an operand): unclear -- TypeError
  "shape: x must be an array of real numbers, got defaultdict ..." names an inner function's
  ``x``, not einsum or its operands.
Not clear, written and not kept (unclear): ``matmul a an object with only __len__`` and ``solve
b a mappingproxy`` (the same "shape: x must be ..." naming ``x``, not ``a`` or ``b``; ``solve``
names ``a`` when ``a`` is bad); ``tree_map f the two-input ufunc np.hypot over one tree``
(NumPy's own "hypot() takes from 2 to 3 positional arguments but 1 was given" passes through
unnamed -- as the README says a TypeError does in the engine, but ``trace``, ``Primitive`` and
the samplers name the function). Clear but worth a look: ``norm axis an object with __index__
only`` says "axis IndexOnly() is out of range ... (an axis is an int from -3 to 2 ...)" for an
axis that converts to 2, in range (the fault is its type); ``style save out_dir a named pipe``
calls the pipe "a file".

Measured on main at f1ba7be (b899e3f plus a docstring reflow): the same, kept 61 of 62 clear
(98.4%), 1 unclear, 0 silent, 0 data loss; written, 100 of 104. Round 24 (with sight of this
file and the thirty-eighth, so not blind): an op that reads its arguments' shapes before the
primitive (``matmul``, ``solve``, ``einsum``, ``norm``, ``mean``, ``var``) names itself and the
argument when one has no shape (``shape`` takes the op's ``who`` and ``name``); ``tree_map``
names ``f`` when f cannot be called on the leaves (``call_fun``, as ``trace`` and the samplers
do); an axis that is not an int is a TypeError saying so, not "out of range"; a named pipe
given as a figures folder is called a pipe, not a file. After it: all 62 kept and all 104
written clear.
"""

import os
from collections import OrderedDict, defaultdict
from types import MappingProxyType

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  laplace, logistic, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, optimal_acceptance, pareto,
                                  rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7, split_chains
from scratchmeta.sampling.mixing import pooled_total_variation, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fifteenth import _draws15
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples, _sweep
from test_bad_inputs_twentyfirst import _edges
from test_bad_inputs_twentyfifth import _fixed, _noise, _walks25
from test_bad_inputs_thirtyfifth import _figure

VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
STOP = "StopIteration"


class IndexOnly:
    """An object with ``__index__`` (it converts to a valid int) but not an int or a number."""

    def __init__(self, value=2):
        self.value = value

    def __index__(self):
        return self.value

    def __repr__(self):
        return "IndexOnly()"


class FloatLike:
    """An object with ``__float__`` (it converts to a valid float) but not a number or an
    array."""

    def __init__(self, value=2.0):
        self.value = value

    def __float__(self):
        return self.value

    def __repr__(self):
        return "FloatLike()"


class LenOnly:
    """An object with a length (3) and nothing else: no items, no ``__array__``."""

    def __len__(self):
        return 3

    def __repr__(self):
        return "LenOnly()"


def _stops(*args, **kwargs):
    """A user's function that raises StopIteration (``next`` on an exhausted iterator)."""
    return next(iter(()))


def _objects(*arrays):
    """An object array holding arrays (one slot per array), not a numeric array."""
    out = np.empty(len(arrays), dtype=object)
    for i, a in enumerate(arrays):
        out[i] = np.asarray(a, dtype=float)
    return out


def _in_grad(f, at):
    """``f`` called on the live traced Tensor inside ``grad`` (a NumPy-only function
    differentiated by mistake)."""
    return ad.grad(lambda x: ad.sum(x) + f(x))(at)


def _rows(x):
    """A list holding the live Tensor's rows (each a Tensor), as a user builds chains."""
    return [x[i] for i in range(4)]


def _fifo(d):
    """A named pipe where a folder is meant."""
    path = d / "pipe"
    os.mkfifo(path)
    return path


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("clip a_min an object with __index__ only", lambda d: ad.clip(X3, IndexOnly(), 3.0),
     ["a_min", "IndexOnly"]),
    ("jacobian argnum an object with __index__ only", lambda d: ad.jacobian(
        lambda x, y, z: x * y * z, argnum=IndexOnly())(X3, X3, X3), ["argnum", "IndexOnly"]),
    ("tree_map f the two-input ufunc np.hypot over one tree", lambda d: ad.tree_map(
        np.hypot, [X3, X3]), ["f raised", "hypot"]),
    ("sum axis an object with __float__ only", lambda d: ad.sum(
        np.ones((2, 3, 4)), axis=FloatLike()), ["axis", "FloatLike"]),
    ("exp of an OrderedDict of arrays", lambda d: ad.exp(OrderedDict(a=X3)),
     ["OrderedDict"]),
    ("concatenate xs a defaultdict of arrays", lambda d: ad.concatenate(
        defaultdict(list, a=X3, b=X3)), ["xs", "defaultdict"]),
    ("expand_dims axis an object with __float__ only", lambda d: ad.expand_dims(
        np.ones((2, 3)), FloatLike()), ["axis", "FloatLike"]),
    ("solve b a mappingproxy", lambda d: ad.solve(np.eye(3), MappingProxyType({"b": X3})),
     ["b must", "mappingproxy"]),
    ("einsum operand a defaultdict", lambda d: ad.einsum(
        "i,i->", X3, defaultdict(float, a=1.0)), ["operands", "defaultdict"]),
    ("vjp of a fun raising StopIteration", lambda d: ad.vjp(_stops, X3), ["fun", STOP]),
    ("jvp tangents an OrderedDict", lambda d: ad.jvp(
        lambda x: x * 2.0, (X3,), OrderedDict(t=X3)), ["tangents", "OrderedDict"]),
    ("matmul a an object with only __len__", lambda d: ad.matmul(LenOnly(), np.ones(3)),
     ["a must", "LenOnly"]),
    ("max axis an object with __float__ only", lambda d: ad.max(
        np.ones((2, 3, 4)), axis=FloatLike()), ["axis", "FloatLike"]),
    ("hessian of a fun raising StopIteration", lambda d: ad.hessian(_stops)(X3),
     ["fun", STOP]),
    ("norm axis an object with __index__ only", lambda d: ad.norm(
        np.ones((2, 3, 4)), axis=IndexOnly()), ["axis", "IndexOnly"]),
    ("value_and_grad argnums an object with __index__ only", lambda d: ad.value_and_grad(
        lambda x, y, z: ad.sum(x * y * z), argnums=IndexOnly())(X3, X3, X3),
     ["argnums", "IndexOnly"]),
    ("trace of the two-input ufunc np.hypot given one argument", lambda d: ad.trace(
        np.hypot, X3), ["fun", "hypot"]),
    ("std ddof an object with __float__ only", lambda d: ad.std(X3, ddof=FloatLike()),
     ["ddof", "FloatLike"]),
    ("tree_flatten name bytes", lambda d: ad.tree_flatten([X3], name=b"params"),
     ["name", "b'params'"]),
    ("solve a an object with only __len__", lambda d: ad.solve(LenOnly(), X3),
     ["a", "LenOnly"]),
    ("Primitive impl the two-input ufunc np.hypot for one input", lambda d: ad.Primitive(
        "p_hypot", np.hypot, lambda g, ans, x: g)(X3), ["p_hypot", "hypot"]),
    ("broadcast_to shape an OrderedDict", lambda d: ad.broadcast_to(
        X3, OrderedDict(n=3)), ["shape", "OrderedDict"]),
]

GRADCHECK_CASES = [
    ("hvp v an object with __float__ only", lambda d: hvp(_square, X3, FloatLike(1.0)),
     ["v", "FloatLike"]),
    ("check_grads order an object with __index__ only", lambda d: check_grads(
        _square, (X3,), order=IndexOnly()), ["order", "IndexOnly"]),
    ("hvp x an object with only __len__", lambda d: hvp(_square, LenOnly(), X3),
     ["x", "LenOnly"]),
    ("check_grads atol an object with __float__ only", lambda d: check_grads(
        _square, (X3,), atol=FloatLike(1e-6)), ["atol", "FloatLike"]),
    ("check_grads eps an object with __float__ only", lambda d: check_grads(
        _square, (X3,), eps=FloatLike(1e-6)), ["eps", "FloatLike"]),
    ("check_grads rtol an object with __index__ only", lambda d: check_grads(
        _square, (X3,), rtol=IndexOnly()), ["rtol", "IndexOnly"]),
]

SAMPLER_CASES = [
    ("DiscreteInverseCDF p an object with only __len__", lambda d: DiscreteInverseCDF(
        LenOnly()), ["p", "LenOnly"]),
    ("DiscreteInverseCDF p a list holding the live Tensor", lambda d: _in_grad(
        lambda x: DiscreteInverseCDF([x[0], x[1]]).ppf(np.array([0.5])), np.array(
            [0.5, 0.5])), ["p", "Tensor"]),
    ("discrete ppf u an object with __float__ only", lambda d: _discrete().ppf(FloatLike(0.5)),
     ["u", "FloatLike"]),
    ("grid_inverse_cdf pdf raising StopIteration", lambda d: grid_inverse_cdf(
        _stops, -3.0, 3.0), ["pdf", STOP]),
    ("grid_inverse_cdf n an object with __index__ only", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, 3.0, n=IndexOnly(64)), ["n", "IndexOnly"]),
    ("grid_inverse_cdf lo the live Tensor inside grad", lambda d: _in_grad(
        lambda x: grid_inverse_cdf(_normal_pdf, x[0], 3.0).ppf(np.array([0.5])),
        np.array([-3.0])), ["lo", "Tensor"]),
    ("from_density pdf the two-input ufunc np.hypot", lambda d:
        ContinuousInverseCDF.from_density(np.hypot), ["pdf", "hypot"]),
    ("explore center an object with __float__ only", lambda d: explore(
        _normal_pdf, _normal_pdf, -3.0, 3.0, center=FloatLike()), ["center", "FloatLike"]),
    ("exponential rate the live Tensor inside grad", lambda d: _in_grad(
        lambda x: exponential(x[0]).sample(3, _rng()), np.array([1.0])), ["rate", "Tensor"]),
    ("logistic scale an object with __float__ only", lambda d: logistic(
        scale=FloatLike()), ["scale", "FloatLike"]),
    ("pareto alpha an object with __index__ only", lambda d: pareto(IndexOnly()),
     ["alpha", "IndexOnly"]),
    ("laplace loc a list holding the live Tensor", lambda d: _in_grad(
        lambda x: laplace(loc=[x[0]]).sample(3, _rng()), np.array([0.0])), ["loc", "Tensor"]),
    ("integrate n an object with __float__ only", lambda d: integrate(
        np.sin, 0.0, 1.0, n=FloatLike()), ["n", "FloatLike"]),
    ("metropolis n_steps an object with __index__ only", lambda d: _metropolis(
        n_steps=IndexOnly(20)), ["n_steps", "IndexOnly"]),
    ("metropolis step_size an object with __float__ only", lambda d: _metropolis(
        step_size=FloatLike()), ["step_size", "FloatLike"]),
    ("metropolis x0 an object array of arrays", lambda d: _metropolis(
        x0=_objects([0.0], [0.0])), ["x0", "object"]),
    ("from_density u_resolution an object with __float__ only", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, u_resolution=FloatLike(1e-10)),
     ["u_resolution", "FloatLike"]),
    ("metropolis_transition_matrix Q an object with only __len__", lambda d:
        metropolis_transition_matrix([0.5, 0.5], LenOnly()), ["Q", "LenOnly"]),
    ("walks_from_one_start chains an object with __float__ only", lambda d: _walks25(
        chains=FloatLike()), ["chains", "FloatLike"]),
    ("integrate hi the live Tensor inside grad", lambda d: _in_grad(
        lambda x: integrate(np.sin, 0.0, x[0]), np.array([1.0])), ["hi", "Tensor"]),
    ("density_values pdf the two-input ufunc np.hypot", lambda d: density_values(
        np.hypot, X3), ["pdf", "hypot"]),
    ("noise_floor edges an object with only __len__", lambda d: _noise(edges=LenOnly()),
     ["edges", "LenOnly"]),
    ("metropolis target_acceptance an object with __float__ only", lambda d: _metropolis(
        target_acceptance=FloatLike(0.3)), ["target_acceptance", "FloatLike"]),
    ("find_center a an object with __float__ only", lambda d: find_center(
        _normal_pdf, FloatLike(), 3.0), ["a", "FloatLike"]),
    ("total_variation samples a list holding the live Tensor", lambda d: _in_grad(
        lambda x: total_variation([x[i] for i in range(50)], _edges(), stats.norm.cdf),
        _samples(50)), ["samples", "Tensor"]),
    ("cauchy loc the live Tensor inside grad", lambda d: _in_grad(
        lambda x: cauchy(loc=x[0]).sample(3, _rng()), np.array([0.0])), ["loc", "Tensor"]),
    ("noise_floor repeats an object with __index__ only", lambda d: _noise(
        repeats=IndexOnly()), ["repeats", "IndexOnly"]),
    ("pareto scale a defaultdict", lambda d: pareto(2.0, scale=defaultdict(float, s=1.0)),
     ["scale", "defaultdict"]),
    ("fixed_step_chains dim an object with __float__ only", lambda d: _fixed(
        dim=FloatLike()), ["dim", "FloatLike"]),
    ("optimal_acceptance dim an object with __index__ only", lambda d: optimal_acceptance(
        IndexOnly()), ["dim", "IndexOnly"]),
    ("step_size_sweep scaled an OrderedDict", lambda d: _sweep(
        scaled=OrderedDict(a=0.5, b=1.0)), ["scaled", "OrderedDict"]),
    ("pooled_total_variation cdf the two-input ufunc np.hypot", lambda d:
        pooled_total_variation(_samples()[None], _edges(), np.hypot), ["cdf", "hypot"]),
    ("weibull shape the live Tensor inside grad", lambda d: _in_grad(
        lambda x: weibull(x[0]).sample(3, _rng()), np.array([2.0])), ["shape", "Tensor"]),
    ("discrete sample size an object with __float__ only", lambda d: _discrete().sample(
        FloatLike(), _rng()), ["size", "FloatLike"]),
]

DIAGNOSTIC_CASES = [
    ("ess_bulk draws a list of the live Tensor's rows", lambda d: _in_grad(
        lambda x: ess_bulk(_rows(x)), _draws15()), ["draws", "Tensor"]),
    ("ess_tail draws a list of the live Tensor's rows", lambda d: _in_grad(
        lambda x: ess_tail(_rows(x)), _draws15()), ["draws", "Tensor"]),
    ("ess_mean draws a list of the live Tensor's rows", lambda d: _in_grad(
        lambda x: ess_mean(_rows(x)), _draws15()), ["draws", "Tensor"]),
    ("mcse_mean draws a list of the live Tensor's rows", lambda d: _in_grad(
        lambda x: mcse_mean(_rows(x)), _draws15()), ["draws", "Tensor"]),
    ("diagnose draws a list of the live Tensor's rows", lambda d: _in_grad(
        lambda x: diagnose(_rows(x)), _draws15()), ["draws", "Tensor"]),
    ("split_rhat draws an object with only __len__", lambda d: split_rhat(LenOnly()),
     ["draws", "LenOnly"]),
    ("mcse_sd draws an OrderedDict of chains", lambda d: mcse_sd(OrderedDict(
        (f"c{i}", row) for i, row in enumerate(_draws15()))), ["draws", "OrderedDict"]),
    ("ess_tail prob a pair holding an object with __float__ only", lambda d: ess_tail(
        _draws15(), prob=(0.05, FloatLike(0.95))), ["prob", "FloatLike"]),
    ("rank_normalize draws a mappingproxy of chains", lambda d: rank_normalize(
        MappingProxyType({f"c{i}": row for i, row in enumerate(_draws15())})),
     ["draws", "mappingproxy"]),
    ("quantile_type7 prob an object with __index__ only", lambda d: quantile_type7(
        _samples(), IndexOnly(1)), ["prob", "IndexOnly"]),
    ("split_chains x a list of the live Tensor's rows", lambda d: _in_grad(
        lambda x: split_chains(_rows(x)), _draws15()), ["x", "Tensor"]),
]

TESTING_CASES = [
    ("assert_monotone u a list holding the live Tensor", lambda d: _in_grad(
        lambda x: testing.assert_monotone(stats.norm.ppf, [x[0], x[1]]) or 0.0,
        np.array([0.2, 0.4])), ["u", "Tensor"]),
    ("assert_inverts u_resolution an object with __float__ only", lambda d:
        testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, np.linspace(0.1, 0.9, 5),
                               FloatLike(1e-10)), ["u_resolution", "FloatLike"]),
    ("chi_square_pvalue p an object with only __len__", lambda d: testing.chi_square_pvalue(
        [3, 5, 2], LenOnly()), ["p", "LenOnly"]),
    ("assert_cdf_matches samples a list holding the live Tensor", lambda d: _in_grad(
        lambda x: testing.assert_cdf_matches([x[i] for i in range(50)], stats.norm.cdf),
        _samples(50)), ["samples", "Tensor"]),
    ("assert_labels_match p an object with only __len__", lambda d:
        testing.assert_labels_match(np.array([0, 1, 2]), LenOnly()), ["p", "LenOnly"]),
    ("assert_same_distribution x an OrderedDict", lambda d:
        testing.assert_same_distribution(OrderedDict(a=_samples()), _samples()),
     ["x", "OrderedDict"]),
    ("draws_needed discrepancy an object with __float__ only", lambda d:
        testing.draws_needed(FloatLike(0.1)), ["discrepancy", "FloatLike"]),
    ("smallest_detectable samples an object with __index__ only", lambda d:
        testing.smallest_detectable(1000, samples=IndexOnly()), ["samples", "IndexOnly"]),
    ("dkw_epsilon n an object with __float__ only", lambda d: testing.dkw_epsilon(
        FloatLike(100.0)), ["n", "FloatLike"]),
    ("ks_distance samples an object with only __len__", lambda d: testing.ks_distance(
        LenOnly(), stats.norm.cdf), ["samples", "LenOnly"]),
    ("chi_square_pvalue counts an object array of arrays", lambda d:
        testing.chi_square_pvalue(_objects([3.0], [5.0]), [0.5, 0.5]), ["counts", "object"]),
    ("chi_square_power n an object with __index__ only", lambda d: testing.chi_square_power(
        [0.5, 0.5], [0.4, 0.6], IndexOnly(1000)), ["n", "IndexOnly"]),
    ("density normal_mixture weights a list holding the live Tensor", lambda d: _in_grad(
        lambda x: densities.normal_mixture([x[0], x[1]], [0.0, 1.0], [1.0, 1.0]).pdf(X3),
        np.array([0.5, 0.5])), ["weights", "Tensor"]),
    ("density steps edges an object with only __len__", lambda d: densities.steps(
        LenOnly(), [1.0, 1.0]), ["edges", "LenOnly"]),
    ("density trapezoid c an object with __float__ only", lambda d: densities.trapezoid(
        0.0, FloatLike(), 3.0, 4.0), ["c", "FloatLike"]),
    ("density pareto alpha the live Tensor inside grad", lambda d: _in_grad(
        lambda x: densities.pareto(x[0]).pdf(np.array([2.0])), np.array([2.0])),
     ["alpha", "Tensor"]),
    ("density student_t loc an object with __index__ only", lambda d: densities.student_t(
        3.0, loc=IndexOnly()), ["loc", "IndexOnly"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style save out_dir a named pipe", lambda d: style.save(_figure(), _fifo(d), "plot"),
     ["out_dir", "pipe"]),
    ("style save name bytes", lambda d: style.save(_figure(), d, b"plot"),
     ["name", "b'plot'"]),
    ("style subplots nrows an object with __index__ only", lambda d: style.subplots(
        nrows=IndexOnly()), ["nrows", "IndexOnly"]),
    ("style check_count value an object with __float__ only", lambda d: style.check_count(
        "repeats", FloatLike()), ["repeats", "FloatLike"]),
    ("style check_numbers x a list holding the live Tensor", lambda d: _in_grad(
        lambda x: style.check_numbers("values", [x[0], x[1]]) or 0.0, np.array([1.0, 2.0])),
     ["values", "Tensor"]),
    ("style check_seed an object with __index__ only", lambda d: style.check_seed(
        IndexOnly()), ["seed", "IndexOnly"]),
    ("style check_positive_numbers value an object with only __len__", lambda d:
        style.check_positive_numbers("widths", LenOnly(), 3, "widths"),
     ["widths", "LenOnly"]),
    ("style subplots size an object with __index__ only", lambda d: style.subplots(
        size=IndexOnly()), ["size", "IndexOnly"]),
]

MEMORY_CASES = [
    ("opt-out value a hexadecimal zero '0x0'", lambda d: memory.opt_out_value(),
     [VAR, "'0x0'"], {VAR: "0x0"}),
    ("unless_opted_out a vulgar fraction one half", lambda d:
        memory.keep_freed_memory_unless_opted_out(), [VAR, "'½'"], {VAR: "½"}),
    ("opt-out value 'None'", lambda d: memory.opt_out_value(), [VAR, "'None'"],
     {VAR: "None"}),
    ("keep_freed_memory mmap_threshold an object with __index__ only", lambda d:
        memory.keep_freed_memory(mmap_threshold=IndexOnly(65536)),
     ["mmap_threshold", "IndexOnly"], None),
    ("opt-out value the word 'zero'", lambda d: memory.opt_out_value(), [VAR, "'zero'"],
     {VAR: "zero"}),
    ("opt-out value a zero in exponent form '0e0'", lambda d: memory.opt_out_value(),
     [VAR, "'0e0'"], {VAR: "0e0"}),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "environment": MEMORY_CASES}

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


def test_the_thirtyninth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_thirtyninth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
