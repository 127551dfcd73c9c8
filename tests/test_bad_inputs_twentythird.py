"""A twenty-third battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed for the figures
helpers, the environment set where a case gives one). Written blind, at commit 6b66e65, from the
user's side only: the README, ``__all__`` and the public names, signatures and docstrings
(``inspect.signature``, ``inspect.getdoc``, module docstrings) of ``scratchmeta.autodiff``
(``Primitive`` included), ``gradcheck``, ``sampling`` and its modules (``closed_forms``,
``continuous``, ``discrete``, ``diagnostics``, ``finite_chain``, ``interpolation``,
``metropolis``, ``mixing``, ``quadrature``, ``step_size``, ``tails``), ``testing`` with
``densities``, ``exact`` and ``stats``, ``memory``, ``figures``, ``figures.style`` and the figure
modules' helper functions (never a ``__main__``), and the earlier batteries' ids and shared
helpers. The docstring dump also listed the names and docstrings of ``sampling/_checks.py``'s
helpers (not their bodies); one grep for ``dims`` in ``sampling/step_size.py`` showed, besides
the docstring line ``dims = {name: d}``, one line of that function's body (its call of
``check_named_runs``). Not read: the body of any validation code (``checks.py``,
``_checks.py``, ``check_*``, ``protocol.py``), the library's history, anything of /work/main.

Areas (the library side only; the command line, Chapter 2, strategies, evaluate/train,
checkpoints, nn/optim, task families and Omniglot are another writer's): the autodiff engine
with user-made ``Primitive`` ops (37 written), gradcheck (10), samplers -- the continuous
inverse CDF and its grid version, the named distributions, Metropolis and
``optimal_acceptance``, the finite chain, quadrature (``integrate``, ``integrate_many``,
``checked_density``), interpolation (``horner``, ``solve_vandermonde``, ``PiecewiseInverse``),
tails (``find_center``, ``explore``, ``check_domain``), step size (``peak``,
``fixed_step_chains``, ``step_size_sweep``) and mixing (``total_variation``,
``pooled_total_variation``, ``noise_floor``, ``walks_from_one_start``) (46), diagnostics (18),
the testing kit with its densities (20), the figures helpers (10) and the ``memory`` functions
with ``SCRATCHMETA_KEEP_FREED_MEMORY`` read by the library (6).

Kinds of bad value, each picked to be new on the function and argument it hits: sets (an
argument nested in a tuple, ``trace``'s argument, ``u``, ``x0``, ``domain``, ``draws``), dicts
(``primals``, ``mmap_threshold``), a generator (``stop_gradient``, ``samples``), bytes (a
``grad`` argument, ``mmap_threshold``), None (``name``, ``tan``, ``loc``, ``cdf``,
``log_density``, ``ppf``, ``draws``), Decimals and Fractions (a pullback's cotangent,
``trace``'s argument, ``center``, ``scale``, ``dim``, ``target_acceptance``, ``atol``,
``alpha``, ``prob``, draws of them, a Decimal table ``a``), timedelta64 and datetime64 (a leaf
of a list, ``eps``, ``v``, ``draws``, ``x``, ``labels``), complex numbers (``cond``, ``b``, an
einsum operand, ``rtol``, ``prob``, a log-density), masked arrays with an entry masked
(``tangents``, the cotangent, ``p``, ``q``, ``y``, draws, samples, a masked
``trim_threshold``), bools (``n``, ``atol``), 2**70 (``axis``, ``n_warmup``, ``dim``, ``n``),
NaN, inf, -0.0, 0 and negatives where a positive finite number is meant, an ``axis`` of -5 or
of a size-2 axis, a shape holding a float or a -1, an empty ``argnums`` or ``args``, an
``argnums`` tuple with one entry out of range, ``eps`` above 1 or an array, ``u_resolution``
0 or 0.5, a 2-D ``p`` or ``u``, an empty ``x``, a sampler's size tuple holding a -3, a pdf of
the wrong kind where a function is meant (a number, a string); user functions and
``Primitive`` rules that return a tuple, a masked array, complex numbers, a string, a dict, one
number for many points, another shape, inf or negatives, and a ``Primitive`` called with a
keyword its rule does not take; inconsistent combinations (``a`` and ``b`` of ``where`` that do
not broadcast, x and y of ``least_squares`` of two shapes, a non-square proposal, ``lo`` -inf
in a table of pieces, all masses zero, an alpha table of four columns); for the environment
variable a zero in e-notation and an unexpanded shell variable. Read-only and non-contiguous
arrays and float32 were not used as bad values.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` through the
twenty-first, and ``tests/sweep_bad_inputs_meta_data.py``: 4,855 distinct ids read by a regex)
were compared with each draft by a token-overlap (Jaccard) search; each pair at 0.5 or more was
read, and the ids were listed by function and argument for every function drafted on (these
areas were already covered densely). Of 357 cases drafted in three rounds (211, then 139
replacements and 7 more, searched the same way), about 175 that repeated an earlier case's
substance (same function, same argument, same kind of value) were removed -- e.g. ``jvp one
tangent for two primals``, ``hvp v of another shape``, ``tree_flatten of a frozenset``,
``jvp tangents complex`` (as ``jvp a complex tangent``), ``hvp fun returning None`` (as ``hvp
of a function returning None``), ``step_size_sweep dims a list of ints`` (as ``dims a
list``), ``mcse_mean draws a set``, ``diagnose draws bytes``, ``metropolis target_acceptance
1.0`` (as ``... 1``), ``hvp v bytes`` (as ``hvp v a string``), ``norm_label -inf`` (as ``a
negative norm``) and the environment values 'yes' (as 'on' and 'TRUE'), '1/1' (as a vulgar
half) and a zero-width space before a zero (as a byte-order mark) -- and 35 more, not
repeats, were left out before any run to keep the areas near their weights (e.g. ``cosh of a
dict``, ``horner s datetimes``, ``walks chains 2.5``, ``dkw_epsilon alpha complex``). That left
147 written. Mentions: the argument's name as in the signature (or the variable), with the
value's repr where it is short; for a one-letter name (``x``, ``u``, ``v``, ``b``, ``p``,
``q``, ``y``, ``n``, ``a``) the value, its type or its dtype as well.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (2, 4)`` are kept (``_kept``): 90 of the 147. After the
first run a case could only be dropped (when not a bad input) or corrected (when the case
itself was wrong), never added or swapped. Dropped (kept): ``peak scaled decreasing`` -- not a
bad input: the parabola through the best grid point and its two neighbours does not depend on
the grid's direction, and ``peak`` gives the same vertex (1.732) for the grid in either order.
Corrected, the case being wrong and not the library: ``assert_same_distribution x empty``
(kept) expected the shape '(0,)', but the message says "x must hold at least one draw, got an
empty array": it now expects 'empty'; ``assert_labels_match p 2-D`` (kept) expected '(1, 2)',
but the message shows the value, ``array([[0.5, 0.5]])``, and says it must be 1-D: it now
expects '[[0.5, 0.5]]'; ``value_and_grad argnums an empty tuple`` (written, not kept) expected
'()' where the message says "argnums is an empty tuple": it now expects 'empty tuple'; ``grad
through a Primitive whose vjp returns a tuple`` (written) expected 'tuple', and the message
names ``my_op``, ``vjp_0``, the shape (3,) it must have and the shape (2, 3) the pair became:
it now expects '(2, 3)'; ``hessian at a list of strings`` (written) was wrong in two ways (a
list is several leaves, which ``hessian`` refuses before it looks at them): it is now
``hessian at an array of strings``, one array of dtype <U1.

First run, at commit 6b66e65, as written: the 90 kept: 85 clear (94.4%), 2 unclear (2.2%), 3
silent (3.3%), 0 data loss; all 147 written: 134 clear (91.2%), 8 unclear (5.4%), 5 silent
(3.4%), 0 data loss. After the drop and the corrections: the 89 kept: 87 clear (97.8%), 0
unclear, 2 silent (2.2%), 0 data loss; the 146 written (``--written``): 139 clear (95.2%), 3
unclear (2.1%), 4 silent (2.7%), 0 data loss. At the goal of 95% in rate, but not without a
silent result. Kept, by area (clear/unclear/silent/data loss): engine 22/0/1/0 of 23,
gradcheck 6/0/0/0 of 6, samplers 26/0/1/0 of 27, diagnostics 11/0/0/0 of 11, testing kit
12/0/0/0 of 12, figures helpers 6/0/0/0 of 6, environment 4/0/0/0 of 4. Written, by area:
engine 34/0/3/0 of 37, gradcheck 10/0/0/0 of 10, samplers 42/2/1/0 of 45, diagnostics
18/0/0/0 of 18, testing kit 19/1/0/0 of 20, figures helpers 10/0/0/0 of 10, environment
6/0/0/0 of 6.

Kept cases not clear, with what each gave at 6b66e65:

* silent: ``grad through a Primitive whose vjp returns complex`` (the complex cotangent is cast
  to float64 with only NumPy's ComplexWarning, and the gradient [1, 1, 1] comes back as if the
  rule were right); ``PiecewiseInverse called with u 2-D`` (its ``__call__`` is documented for
  "a 1-D array of uniforms"; a (2, 2) array gives a (2, 2) result).

Written and not kept, also not clear: silent ``a Primitive whose impl returns a masked array``
(the op returns the MaskedArray, mask and all, though the engine refuses masked inputs
elsewhere), ``sum_to shape holding a negative`` (``ad.sum_to(np.ones((2, 3)), (-1, 3))``
returns the (2, 3) input unchanged; ``sum_to``'s own docstring is the generic ``Primitive``
one, so whether -1 means "keep this axis" is undocumented -- the lead may rule it valid, as
the tenth battery did for ``reshape``); unclear ``PiecewiseInverse called with u NaN``
(FloatingPointError "invalid value encountered in cast" under errstate, ``u`` not named),
``find_center b a string`` (NumPy's "ufunc 'isfinite' not supported", ``b`` not named),
``assert_labels_match labels timedeltas`` ("Cannot cast array data from dtype('<m8[s]') to
dtype('int64')", ``labels`` not named). The misses sit in a user's ``Primitive`` rules (a
complex cotangent, a masked forward value), ``PiecewiseInverse.__call__``'s checks of ``u``,
and two arguments reaching NumPy unchecked. ``python tests/test_bad_inputs_twentythird.py``
prints the rates by area (about 2 s, and as much with ``--written``; pytest about 4-14 s
depending on the machine's load, 2 failures expected as ``NOT_CLEAR_YET`` is left empty for
the lead). The battery's writer did not change the library.

Measured on main before round 15 (round 14 and the README only, made without sight of this
file): the same as at 6b66e65, 87 of the 89 kept clear (97.8%), 0 unclear, 2 silent, 0 data
loss; 139 of the 146 written. Round 15 (with sight of this file, so not blind): a user
Primitive's VJP must return real numbers (a complex or masked cotangent is refused) and its
``impl`` may not return a masked array; ``PiecewiseInverse`` refuses u that is not 1-D or not in
[0, 1] (NaN included); ``sum_to`` refuses a shape that does not broadcast to its input (checked
once per pair of shapes, off the hot path); ``find_center`` checks ``a`` and ``b``;
``assert_labels_match`` refuses timedelta labels. After round 15: all 89 kept and all 146
written clear.
"""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import figures, memory, testing
from scratchmeta.figures import style
from scratchmeta.figures import fig22_1
from scratchmeta.figures import sampling_continuous as fig_continuous
from scratchmeta.figures import sampling_metropolis_walk as fig_walk
from scratchmeta.figures import sampling_step_size as fig_step_size
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, cauchy, diagnose, ess_bulk, ess_mean,
                                  ess_tail, logistic, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, optimal_acceptance, pareto,
                                  rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7, split_chains
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.sampling.interpolation import PiecewiseInverse, horner, solve_vandermonde
from scratchmeta.sampling.mixing import (noise_floor, pooled_total_variation, total_variation,
                                         walks_from_one_start)
from scratchmeta.sampling.quadrature import checked_density, integrate, integrate_many
from scratchmeta.sampling.step_size import fixed_step_chains, peak
from scratchmeta.sampling.tails import check_domain, explore, find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fourteenth import _cx, _dt, _ma, _td
from test_bad_inputs_fifteenth import _decimals, _draws15, _gen
from test_bad_inputs_seventeenth import (_fractions, _normal_pdf, _samples, _sweep,
                                         _uniform_grid, _vand)
from test_bad_inputs_nineteenth import _needs_two
from test_bad_inputs_twentyfirst import (_cos_vjp, _edges, _pieces, _ppf_sampler, _prim_sum,
                                         _pullback)

VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
BIG = 2 ** 70


# --- objects the cases use -------------------------------------------------------------------

def _with_inf(a):
    """A copy of ``a`` (as floats) with its first entry +inf."""
    a = np.array(a, dtype=float)
    a.flat[0] = np.inf
    return a


def _log_normal(x):
    """log N(0, 1) up to a constant, for x of shape (chains, 1)."""
    return -0.5 * np.sum(np.asarray(x) ** 2, axis=-1)


def _walks(**kwargs):
    kwargs = {"log_density": _log_normal, "start": 0.0, "step_sizes": {"a": 0.5},
              "chains": 2, "steps": 5, "edges": _edges(), "cdf": stats.norm.cdf,
              "rngs": [_rng()], **kwargs}
    return walks_from_one_start(**kwargs)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("value_and_grad argnums a tuple with one out of range", lambda d: ad.value_and_grad(
        _needs_two, argnums=(0, 5))(X3, X3), ["argnums", "5"]),
    ("value_and_grad fun a number", lambda d: ad.value_and_grad(3.0)(X3), ["fun", "3.0"]),
    ("value_and_grad argnums an empty tuple", lambda d: ad.value_and_grad(
        _needs_two, argnums=())(X3, X3), ["argnums", "empty tuple"]),
    ("grad at bytes", lambda d: ad.grad(_square)(b"abc"), ["bytes"]),
    ("grad at a tuple holding a set", lambda d: ad.grad(
        lambda t: ad.sum(t[0]))((X3, {1.0})), ["set"]),
    ("grad at a list holding a datetime leaf", lambda d: ad.grad(
        lambda p: ad.sum(p[0]))([X3, _dt(2)]), ["datetime64"]),
    ("jvp primals a dict", lambda d: ad.jvp(lambda x: ad.mul(x, 2.0), {"x": X3}, {"x": X3}),
     ["primals", "dict"]),
    ("jvp tangents masked", lambda d: ad.jvp(lambda x: ad.mul(x, 2.0), (X3,), (_ma(X3, 1),)),
     ["tangents", "mask"]),
    ("jvp fun returning a string", lambda d: ad.jvp(lambda x: "y", (X3,), (X3,)),
     ["fun", "'y'"]),
    ("vjp pullback u masked", lambda d: _pullback(_ma(X3, 1)), ["mask"]),
    ("vjp pullback u of strings", lambda d: _pullback(np.array(["1", "2", "3"])), ["U1"]),
    ("vjp pullback u a Decimal", lambda d: ad.vjp(ad.sum, X3)[1](Decimal("1")),
     ["Decimal"]),
    ("jacobian argnum -5 for one argument", lambda d: ad.jacobian(
        lambda x: ad.mul(x, 2.0), argnum=-5)(X3), ["argnum", "-5"]),
    ("hessian argnum a string", lambda d: ad.hessian(_square, argnum="0")(X3),
     ["argnum", "'0'"]),
    ("hessian at an array of strings", lambda d: ad.hessian(_square)(np.array(["1", "2"])),
     ["U1"]),
    ("trace at a Decimal", lambda d: ad.trace(_square, Decimal("1.5")), ["Decimal"]),
    ("trace at a set", lambda d: ad.trace(_square, {1.0, 2.0}), ["set"]),
    ("tree_flatten name None", lambda d: ad.tree_flatten([X3], name=None), ["name", "None"]),
    ("a Primitive whose impl returns a tuple", lambda d: ad.Primitive(
        "my_op", lambda x: (np.sin(x), 0), _cos_vjp)(X3), ["my_op", "tuple"]),
    ("a Primitive whose impl returns a masked array", lambda d: ad.Primitive(
        "my_op", lambda x: _ma(x, 0), _cos_vjp)(X3), ["my_op", "mask"]),
    ("a Primitive called with a keyword its impl does not take", lambda d: ad.Primitive(
        "my_op", lambda x: np.sin(x), _cos_vjp)(X3, axis=0), ["my_op", "axis"]),
    ("grad through a Primitive whose vjp returns complex", lambda d: ad.grad(
        _prim_sum("my_op", lambda g, ans, x: g * (1 + 1j)))(X3), ["my_op", "complex"]),
    ("grad through a Primitive whose vjp returns a tuple", lambda d: ad.grad(
        _prim_sum("my_op", lambda g, ans, x: (g, g)))(X3), ["my_op", "(2, 3)"]),
    ("clip a_max NaN", lambda d: ad.clip(X3, 0.0, np.nan), ["a_max", "nan"]),
    ("where a and b that do not broadcast", lambda d: ad.where(X3 > 0, X3, np.ones(4)),
     ["(4,)"]),
    ("where cond complex", lambda d: ad.where(_cx(X3), X3, -X3), ["cond", "complex"]),
    ("squeeze axis of a size-2 axis", lambda d: ad.squeeze(np.ones((2, 3)), axis=0),
     ["axis", "0"]),
    ("prod axis 2**70", lambda d: ad.prod(X3, axis=BIG), ["axis", str(BIG)]),
    ("solve b complex", lambda d: ad.solve(np.eye(2), _cx(np.ones(2))), ["b", "complex"]),
    ("norm axis a string", lambda d: ad.norm(X3, axis="0"), ["axis", "'0'"]),
    ("einsum an operand complex", lambda d: ad.einsum("i,i->", X3, _cx(X3)), ["complex"]),
    ("stack axis -5 for vectors", lambda d: ad.stack([X3, X3], axis=-5), ["axis", "-5"]),
    ("concatenate xs of scalars", lambda d: ad.concatenate([1.0, 2.0]), ["xs"]),
    ("broadcast_to shape holding a float", lambda d: ad.broadcast_to(X3, (2, 3.0)),
     ["shape", "3.0"]),
    ("sum_to shape holding a negative", lambda d: ad.sum_to(np.ones((2, 3)), (-1, 3)),
     ["-1"]),
    ("tan of None", lambda d: ad.tan(None), ["None"]),
    ("stop_gradient of a generator", lambda d: ad.stop_gradient(_gen(X3)), ["generator"]),
]

GRADCHECK_CASES = [
    ("check_grads args an empty tuple", lambda d: check_grads(_square, ()), ["args", "()"]),
    ("check_grads eps a timedelta", lambda d: check_grads(
        _square, (X3,), eps=np.timedelta64(1, "s")), ["eps", "timedelta"]),
    ("check_grads eps 2.0", lambda d: check_grads(_square, (X3,), eps=2.0), ["eps", "2.0"]),
    ("check_grads rtol complex", lambda d: check_grads(_square, (X3,), rtol=1e-6 + 1e-9j),
     ["rtol", "complex"]),
    ("check_grads atol True", lambda d: check_grads(_square, (X3,), atol=True),
     ["atol", "True"]),
    ("check_grads fun a string", lambda d: check_grads("square", (X3,)),
     ["fun", "'square'"]),
    ("check_grads eps an array of two", lambda d: check_grads(
        _square, (X3,), eps=np.array([1e-6, 1e-6])), ["eps"]),
    ("check_grads atol a Fraction", lambda d: check_grads(
        _square, (X3,), atol=Fraction(1, 10 ** 6)), ["atol", "Fraction"]),
    ("hvp v datetimes", lambda d: hvp(_square, X3, _dt(3)), ["v", "datetime64"]),
    ("hvp fun returning a dict", lambda d: hvp(
        lambda x: {"loss": ad.sum(ad.mul(x, x))}, X3, X3), ["fun", "dict"]),
]

SAMPLER_CASES = [
    ("continuous sample size a tuple holding -3", lambda d: _ppf_sampler().sample(
        (2, -3), _rng()), ["size", "-3"]),
    ("continuous from_uniforms u a set", lambda d: _ppf_sampler().from_uniforms({0.5}),
     ["u", "set"]),
    ("from_density center a Decimal", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, center=Decimal("0.5")), ["center", "Decimal"]),
    ("weibull scale 0", lambda d: weibull(2.0, scale=0.0), ["scale", "0"]),
    ("logistic scale -0.0", lambda d: logistic(scale=-0.0), ["scale", "-0.0"]),
    ("pareto scale a Decimal", lambda d: pareto(2.0, scale=Decimal("1.5")),
     ["scale", "Decimal"]),
    ("cauchy loc None", lambda d: cauchy(loc=None), ["loc", "None"]),
    ("grid map given u a string", lambda d: _grid()("0.5"), ["'0.5'"]),
    ("metropolis x0 a set", lambda d: _metropolis(x0={0.0}), ["x0", "set"]),
    ("metropolis n_warmup 2**70", lambda d: _metropolis(n_warmup=BIG), ["n_warmup"]),
    ("metropolis log_density returning complex", lambda d: _metropolis(
        log_density=lambda x: np.zeros(len(x)) + 0.5j), ["log_density", "complex"]),
    ("metropolis target_acceptance a Fraction", lambda d: _metropolis(
        target_acceptance=Fraction(1, 2)), ["target_acceptance", "Fraction"]),
    ("optimal_acceptance dim a Decimal", lambda d: optimal_acceptance(Decimal(2)),
     ["dim", "Decimal"]),
    ("transition matrix p a string", lambda d: metropolis_transition_matrix(
        "0.5 0.5", np.full((2, 2), 0.5)), ["p", "'0.5 0.5'"]),
    ("transition matrix p masked", lambda d: metropolis_transition_matrix(
        _ma([0.5, 0.5], 1), np.full((2, 2), 0.5)), ["p", "mask"]),
    ("check_symmetric_proposal q not square", lambda d: check_symmetric_proposal(
        np.full((2, 3), 1 / 3), 2), ["(2, 3)"]),
    ("integrate n True", lambda d: integrate(np.sin, 0.0, 1.0, n=True), ["n", "True"]),
    ("integrate f returning a masked array", lambda d: integrate(
        lambda x: _ma(np.ones(np.shape(x)), 0), 0.0, 1.0), ["f", "mask"]),
    ("integrate_many f returning another shape", lambda d: integrate_many(
        lambda x: np.ones(3), [(0.0, 1.0, 4)]), ["f"]),
    ("checked_density pdf a number", lambda d: checked_density(3.0), ["pdf", "3.0"]),
    ("checked_density of a pdf giving inf", lambda d: checked_density(
        lambda x: np.full(np.shape(x), np.inf))(X3), ["inf"]),
    ("checked_density of a pdf giving negatives", lambda d: checked_density(
        lambda x: -np.ones(np.shape(x)))(X3), ["pdf"]),
    ("horner a of Decimals", lambda d: horner(_decimals(np.ones((5, 2))), np.full(2, 0.5)),
     ["a", "object"]),
    ("solve_vandermonde y masked", lambda d: solve_vandermonde(
        _vand()[0], _ma(_vand()[1], 3)), ["y", "mask"]),
    ("PiecewiseInverse alpha of four columns", lambda d: PiecewiseInverse(
        _pieces(alpha=np.zeros((2, 4)))), ["pieces", "alpha"]),
    ("PiecewiseInverse all mass zero", lambda d: PiecewiseInverse(
        _pieces(mass=np.zeros(2))), ["pieces", "mass"]),
    ("PiecewiseInverse called with u 2-D", lambda d: PiecewiseInverse(_pieces())(
        np.full((2, 2), 0.5)), ["u", "(2, 2)"]),
    ("PiecewiseInverse called with u NaN", lambda d: PiecewiseInverse(_pieces())(
        np.array([0.5, np.nan])), ["u", "nan"]),
    ("PiecewiseInverse pieces with lo -inf", lambda d: PiecewiseInverse(
        _pieces(lo=np.array([-np.inf, 0.5]))), ["pieces", "lo"]),
    ("find_center b a string", lambda d: find_center(_normal_pdf, -1.0, "1"), ["b", "'1'"]),
    ("find_center pdf returning one number", lambda d: find_center(
        lambda x: 1.0, -1.0, 1.0), ["pdf"]),
    ("explore u_resolution 0.5", lambda d: explore(
        _normal_pdf, _normal_pdf, -1.0, 1.0, u_resolution=0.5), ["u_resolution", "0.5"]),
    ("explore pdf a number", lambda d: explore(_normal_pdf, 3.0, -1.0, 1.0),
     ["pdf", "3.0"]),
    ("check_domain a set", lambda d: check_domain({0.0, 1.0}), ["domain", "set"]),
    ("check_domain a equal to b", lambda d: check_domain((1.0, 1.0)), ["domain"]),
    ("peak ess with NaN", lambda d: peak(np.array([1.0, 2.0, 3.0]),
                                         np.array([1.0, np.nan, 2.0])), ["ess", "nan"]),
    ("peak scaled decreasing", lambda d: peak(np.array([3.0, 2.0, 1.0]),
                                              np.array([1.0, 2.0, 1.0])), ["scaled"]),
    ("fixed_step_chains rng a seed", lambda d: fixed_step_chains(
        1, np.array([1.0]), 2, 10, 0), ["rng"]),
    ("fixed_step_chains dim 2**70", lambda d: fixed_step_chains(
        BIG, np.array([1.0]), 2, 10, _rng()), ["dim"]),
    ("step_size_sweep steps 2.5", lambda d: _sweep(steps=2.5), ["steps", "2.5"]),
    ("total_variation samples masked", lambda d: total_variation(
        _ma(_samples(), 3), _edges(), stats.norm.cdf), ["samples", "mask"]),
    ("pooled_total_variation cdf None", lambda d: pooled_total_variation(
        np.zeros((2, 5)), _edges(), None), ["cdf", "None"]),
    ("noise_floor n 2**70", lambda d: noise_floor(
        BIG, 2, _ppf_sampler(), _edges(), stats.norm.cdf, _rng()), ["n", str(BIG)]),
    ("walks steps 0", lambda d: _walks(steps=0), ["steps", "0"]),
    ("walks step_sizes with a negative", lambda d: _walks(step_sizes={"a": -0.5}),
     ["step_sizes", "-0.5"]),
    ("walks log_density None", lambda d: _walks(log_density=None), ["log_density", "None"]),
]

DIAGNOSTIC_CASES = [
    ("normal_scores x of strings", lambda d: normal_scores(np.array(["a", "b"])),
     ["x", "U1"]),
    ("rank_normalize draws of strings", lambda d: rank_normalize(np.full((2, 8), "0.5")),
     ["draws", "U3"]),
    ("ess_bulk draws of Fractions", lambda d: ess_bulk(_fractions(_draws15())),
     ["draws", "object"]),
    ("ess_bulk draws datetimes", lambda d: ess_bulk(_dt((4, 10))), ["draws", "datetime64"]),
    ("ess_tail prob a Fraction pair", lambda d: ess_tail(
        _draws15(), prob=(Fraction(1, 20), Fraction(19, 20))), ["prob", "Fraction"]),
    ("ess_tail prob complex", lambda d: ess_tail(_draws15(), prob=(0.05, 0.95 + 0j)),
     ["prob", "complex"]),
    ("ess_mean draws a string", lambda d: ess_mean("0.1 0.2"), ["draws", "'0.1 0.2'"]),
    ("ess_mean draws a set", lambda d: ess_mean({0.1, 0.2}), ["draws", "set"]),
    ("mcse_mean draws masked", lambda d: mcse_mean(_ma(_draws15(), 5)), ["draws", "mask"]),
    ("mcse_sd draws None", lambda d: mcse_sd(None), ["draws", "None"]),
    ("mcse_sd draws timedeltas", lambda d: mcse_sd(_td((4, 10))), ["draws", "timedelta64"]),
    ("diagnose draws of no draws", lambda d: diagnose(np.ones((4, 0))), ["draws"]),
    ("diagnose draws of Fractions", lambda d: diagnose(_fractions(_draws15())),
     ["draws", "object"]),
    ("quantile_type7 x with inf", lambda d: quantile_type7(
        np.array([1.0, np.inf, 2.0]), 0.5), ["x", "inf"]),
    ("quantile_type7 prob a Fraction", lambda d: quantile_type7(
        np.arange(10.0), Fraction(1, 2)), ["prob", "Fraction"]),
    ("quantile_type7 x datetimes", lambda d: quantile_type7(_dt(5), 0.5),
     ["x", "datetime64"]),
    ("split_rhat draws a list of strings", lambda d: split_rhat(
        [["0.1", "0.2", "0.3", "0.4"]] * 2), ["draws"]),
    ("split_chains x masked", lambda d: split_chains(_ma(_draws15(), 2)), ["x", "mask"]),
]

TESTING_CASES = [
    ("assert_monotone ppf None", lambda d: testing.assert_monotone(None, _uniform_grid()),
     ["ppf", "None"]),
    ("assert_inverts u_resolution 0", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, _uniform_grid(), 0.0), ["u_resolution", "0"]),
    ("assert_inverts ppf a string", lambda d: testing.assert_inverts(
        "norm", stats.norm.cdf, _uniform_grid(), 1e-10), ["ppf", "'norm'"]),
    ("assert_cdf_matches cdf returning strings", lambda d: testing.assert_cdf_matches(
        _samples(), lambda x: np.full(np.shape(x), "0.5")), ["cdf"]),
    ("assert_cdf_matches alpha a Decimal", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alpha=Decimal("0.01")), ["alpha", "Decimal"]),
    ("assert_labels_match alpha 0", lambda d: testing.assert_labels_match(
        [0, 1, 1], [0.5, 0.5], alpha=0.0), ["alpha", "0.0"]),
    ("assert_labels_match p 2-D", lambda d: testing.assert_labels_match(
        [0, 1, 1], [[0.5, 0.5]]), ["p", "[[0.5, 0.5]]"]),
    ("assert_labels_match labels timedeltas", lambda d: testing.assert_labels_match(
        _td(3), [0.5, 0.5]), ["labels", "timedelta64"]),
    ("assert_same_distribution x empty", lambda d: testing.assert_same_distribution(
        np.array([]), _samples()), ["x", "empty"]),
    ("assert_same_distribution alpha a string", lambda d: testing.assert_same_distribution(
        _samples(), _samples(), alpha="0.01"), ["alpha", "'0.01'"]),
    ("draws_needed discrepancy a string", lambda d: testing.draws_needed("0.1"),
     ["discrepancy", "'0.1'"]),
    ("draws_needed beta NaN", lambda d: testing.draws_needed(0.1, beta=np.nan),
     ["beta", "nan"]),
    ("smallest_detectable beta a string", lambda d: testing.smallest_detectable(
        100, beta="0.01"), ["beta", "'0.01'"]),
    ("ks_distance samples a generator", lambda d: testing.ks_distance(
        _gen(_samples()), stats.norm.cdf), ["samples", "generator"]),
    ("chi_square_pvalue p masked", lambda d: testing.chi_square_pvalue(
        [5, 5], _ma([0.5, 0.5], 0)), ["p", "mask"]),
    ("chi_square_power q masked", lambda d: testing.chi_square_power(
        [0.5, 0.5], _ma([0.4, 0.6], 1), 100), ["q", "mask"]),
    ("density triangular lo NaN", lambda d: densities.triangular(np.nan, 0.5, 1.0),
     ["lo", "nan"]),
    ("density trapezoid hi inf", lambda d: densities.trapezoid(0.0, 0.2, 0.8, np.inf),
     ["hi", "inf"]),
    ("density pareto scale 0", lambda d: densities.pareto(2.0, scale=0.0), ["scale", "0"]),
    ("density student_t loc None", lambda d: densities.student_t(3.0, loc=None),
     ["loc", "None"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("check_only a stem with .png", lambda d: figures.check_only(["fig22_1.png"]),
     ["fig22_1.png"]),
    ("check_only an empty stem", lambda d: figures.check_only(["fig22_1", ""]),
     ["only", "''"]),
    ("style save name ending .png", lambda d: style.save(style.subplots()[0], d, "x.png"),
     ["name", "x.png"]),
    ("style check_numbers with inf", lambda d: style.check_numbers(
        "points", [0.0, np.inf]), ["points", "inf"]),
    ("style subplots size a negative width", lambda d: style.subplots(size=(-4.0, 3.0)),
     ["size", "-4.0"]),
    ("style check_settings cfg a list of pairs", lambda d: style.check_settings(
        [("seed", 0)], {"seed": 0}), ["cfg", "list"]),
    ("least_squares x and y of different shapes", lambda d: fig22_1.least_squares(
        np.ones((2, 5, 1)), np.ones((2, 4, 1))), ["(2, 4, 1)"]),
    ("log_ticks values with inf", lambda d: fig_step_size.log_ticks(
        style.subplots()[1], [1.0, np.inf]), ["values", "inf"]),
    ("exponential_cdf x a string", lambda d: fig_continuous.exponential_cdf("1"),
     ["x", "'1'"]),
    ("mixture_log_density x of two columns", lambda d: fig_walk.mixture_log_density(
        np.zeros((2, 2))), ["x", "(2, 2)"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold bytes", lambda d: memory.keep_freed_memory(
        mmap_threshold=b"64"), ["mmap_threshold", "bytes"], None),
    ("keep_freed_memory mmap_threshold a dict", lambda d: memory.keep_freed_memory(
        mmap_threshold={"mb": 64}), ["mmap_threshold", "dict"], None),
    ("keep_freed_memory trim_threshold masked", lambda d: memory.keep_freed_memory(
        trim_threshold=np.ma.masked_array([1024], mask=[True])[0]), ["trim_threshold"], None),
    ("keep_freed_memory mmap_threshold an object array of one", lambda d:
     memory.keep_freed_memory(mmap_threshold=np.array([1024], dtype=object)),
     ["mmap_threshold"], None),
    ("unless_opted_out a zero in e-notation", lambda d:
     memory.keep_freed_memory_unless_opted_out(), [VAR, "0e0"], {VAR: "0e0"}),
    ("opt-out value an unexpanded shell variable", lambda d: memory.opt_out_value(),
     [VAR, "${OFF}"], {VAR: "${OFF}"}),
]


def _grid():
    from scratchmeta.sampling import grid_inverse_cdf
    return grid_inverse_cdf(_normal_pdf, -3.0, 3.0)


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "environment": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "peak scaled decreasing": "not a bad input: the parabola through the best grid point and "
        "its two neighbours does not depend on the grid's direction, and peak gives the same "
        "vertex (1.732) for the grid written in either order",
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


def test_the_twentythird_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 60)


def main():
    """``python tests/test_bad_inputs_twentythird.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
