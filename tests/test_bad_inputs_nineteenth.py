"""A nineteenth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed for the figures
helpers, the environment set where a case gives one). Written blind, from the user's side only:
the README, ``__all__`` and the public names, signatures and docstrings (``inspect.signature``,
``inspect.getdoc``) of ``scratchmeta.autodiff`` (``Primitive`` included), ``gradcheck``,
``sampling`` and its modules (``diagnostics``, ``quadrature``, ``interpolation``, ``tails``,
``step_size``, ``mixing``, ``finite_chain``, ``closed_forms``), ``testing`` with ``densities``
and ``exact``, ``memory``, ``figures``, ``figures.style`` and the figure modules' helper
functions, and the earlier batteries' ids and shared helpers (plus ``tests/test_gradcheck.py``
for one ruling below). Not read: the body of any validation code (``checks.py``, ``_checks.py``,
``check_*``, ``protocol.py``), the library's history, anything of /work/main.

Areas (the library side only; the command line, Chapter 2, strategies, evaluate/train,
checkpoints, nn/optim, task families and Omniglot are another writer's): the autodiff engine
with user-made ``Primitive`` ops (36 written), gradcheck (13), samplers -- discrete and
continuous inverse CDFs, the grid sampler, the named distributions, Metropolis, the finite
chain, quadrature, interpolation, tails, step size and mixing (47), diagnostics (23), the
testing kit with its densities (21), the figures helpers (12) and the ``memory`` functions with
``SCRATCHMETA_KEEP_FREED_MEMORY`` read by the library (7).

Kinds of bad value, picked to be new on the argument they hit: a user ``Primitive`` named
None, whose ``impl`` returns None, whose VJP returns a cotangent of another shape or raises
KeyError; functions returning a bool, a list, bytes, a string or a masked array where a
float result is meant; ``fun`` a number, a function needing two arguments given one, and one
raising ZeroDivisionError; a frozenset, sets, dicts, generators, bytes and None where arrays
or numbers are meant; a timedelta64 scalar and array, datetimes,
complex scalars and arrays, NumPy bools, Fractions and Decimals (a Decimal ``order``, Decimal
tail probabilities), -0.0 for ``eps``, inf for ``rtol``, ``step_size``, ``alpha`` and ``prob``,
-inf and NaN draws, an ``rng`` that is a list of seeds, a RandomState or None, a negative
``random_state``; axes and keepdims of the wrong type (a string, a float, a set, 2, None, a
list), a dict for a shape, an axis past the rank; shapes that do not broadcast, a 0-D ``x0``,
4-D and empty draws, a one-number domain, empty ``scaled``; counts given as strings or floats;
and for the environment variable a byte-order mark before 0, a full-width one, a Thai zero
and '1' and '0' on two lines. Read-only and non-contiguous arrays and float32 were not used.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` through the
seventeenth and ``tests/sweep_bad_inputs_*.py``: 4,952 ids read by a regex) were compared with
each draft by a token-overlap (Jaccard) search; each pair at 0.5 or more was read, and a
pattern grep by function and argument was run for the drafts of the second round. Of 360 cases
drafted in two rounds (265, then 95 replacements searched the same way), 190 that repeated an
earlier case's substance (same function, same argument, same kind of value) were removed --
e.g. ``grad of a fun returning a string``, ``jacobian argnum a string``, ``tree_map f None``,
``matrix_transpose of a vector``, ``solve a singular matrix``, ``norm ord 'max'`` (as ``ord a
word``), ``check_grads rng a RandomState``, ``hvp v of another shape``, ``discrete p complex``,
``from_density domain reversed``, ``metropolis target_acceptance 1``, ``find_center a above
b``, ``ess_tail prob reversed``, ``quantile_type7 x empty``, ``chi_square_pvalue counts
negative``, ``monotone u with NaN``, ``default_out quick a word``, ``keep_freed_memory
mmap_threshold 2**70`` and the environment value 'False' -- and 11 more were cut before any
run to bring the areas near the brief's sizes (e.g. ``integrate n -3``, ``explore a NaN``,
``rank_normalize draws None``), which left 159 written. Mentions: the argument's name as in
the signature (or the variable), with the value's repr where it is short; for a one-letter
name (``p``, ``u``, ``x``, ``s``, ``h``, ``b``) the value or its type name as well.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (0, 2)`` are kept (``_kept``): 92 of the 159. After the
first run a case could only be dropped (when documented valid) or corrected (when the case
itself was wrong), never added or swapped.

Dropped (``DROPPED``), kept: ``check_grads fun returning a dict`` -- check_grads takes nested
outputs: ``tests/test_gradcheck.py`` checks a (tuple, dict) output as a network's would be, and
the ninth battery dropped ``check_grads fun returning a list`` for the same reason, so a dict
output is checked, not refused (its docstring does not limit the output to one array).
Corrected (kept): ``horner a with NaN`` expected 'nan', but the message says "2 NaN or inf
entries" of ``a``: the case's spelling, not the library, was wrong; it now expects 'NaN'.

First run, at commit 8653030, as written: the 92 kept: 87 clear (94.6%), 2 unclear (2.2%), 3
silent (3.3%), 0 data loss; all 159 written: 152 clear (95.6%), 2 unclear (1.3%), 5 silent
(3.1%), 0 data loss. After the drop and the correction above: the 91 kept: 88 clear (96.7%), 1
unclear (1.1%), 2 silent (2.2%), 0 data loss; the 158 written and not dropped (``--written``):
153 clear (96.8%), 1 unclear (0.6%), 4 silent (2.5%), 0 data loss. Kept, by area
(clear/unclear/silent/data loss): engine 18/1/2/0 of 21, gradcheck 6/0/0/0 of 6, samplers
28/0/0/0 of 28, diagnostics 13/0/0/0 of 13, testing kit 12/0/0/0 of 12, figures helpers
7/0/0/0 of 7, environment 4/0/0/0 of 4. Written, by area: engine 32/1/3/0 of 36, gradcheck
12/0/0/0 of 12, samplers 47/0/0/0 of 47, diagnostics 22/0/1/0 of 23, and every case of the
testing kit (21), figures helpers (12) and environment (7) clear.

Kept cases not clear, with what each gave at 8653030:

* silent: ``tree_flatten name an int`` (``name=3`` accepted; ``name`` is the tree's name in
  messages, a string such as "argument 0"); ``a Primitive whose impl returns None`` (calling
  the op returns None, no error naming ``my_op``);
* unclear: ``grad through a Primitive whose vjp raises`` (the user's bare KeyError comes out
  unchanged; neither the op ``my_op`` nor its VJP is named, unlike ``fun``, ``pdf`` and ``cdf``,
  whose errors are named everywhere).

Written and not kept, also not clear: silent ``grad through a Primitive whose vjp gives another
shape`` (a VJP returning a scalar for a (2, 3) argument: no error) and ``ess_bulk draws bools``
(boolean draws are taken as numbers; the diagnostics' public helper ``real_array`` has
``bools=False`` by default, so they seem meant to be refused). The misses all sit in what a
user's own ``Primitive`` returns or raises (the engine trusts ``impl`` and the VJPs) and in two
type checks (a string ``name``, boolean draws). Two kept cases are clear with a message that
says less than it could: ``density_values pdf None`` and ``find_center pdf None`` name ``pdf``
but report "'NoneType' object is not callable" from calling it rather than refusing None up
front; ``ess_tail prob of Decimals`` names ``prob`` but says the values must lie in (0, 1),
which 0.05 and 0.95 do. ``python tests/test_bad_inputs_nineteenth.py`` prints the rates by area
(about 2 s; pytest about 3 s). The battery's writer did not change the library.

Rounds 11 and 12 (made without sight of this file; they changed the command line and Chapter
2, not these areas) left the first run's figures as they were: on them, blind, 88 of the 91
kept clear (96.7%), 1 unclear, 2 silent, 0 data loss; 153 of the 158 written. Round 13 (with
sight of this file, so not blind): a Primitive made outside the engine has its rules checked
where they give their result (``impl`` must return real numbers; each VJP a cotangent of its
argument's shape; an exception a VJP raises is named with the op and the VJP, chained);
``tree_flatten``'s ``name`` must be a string; a sampler's function argument is refused up
front when it is not callable (``pdf None``); ``ess_tail``'s message says why Decimals are
refused. Boolean draws are documented in the diagnostics' module docstring (the chains of an
indicator), so ``ess_bulk draws bools`` (written, not kept) is left, valid by design. After
round 13: all 91 kept clear, 157 of the 158 written.
"""

from decimal import Decimal

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import figures, memory, testing
from scratchmeta.figures import style
from scratchmeta.figures import fig22_1, fig22_2
from scratchmeta.figures import sampling_metropolis_walk as fig_walk
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  laplace, logistic, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, pareto,
                                  rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7
from scratchmeta.sampling.interpolation import horner, solve_vandermonde
from scratchmeta.sampling.mixing import bin_masses, noise_floor
from scratchmeta.sampling.quadrature import density_values, integrate_many
from scratchmeta.sampling.step_size import (acceptance_1d, acceptance_limit,
                                            fixed_step_chains)
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fourteenth import _cx, _dt, _ma
from test_bad_inputs_fifteenth import _draws15, _gen, _piecewise, _raising
from test_bad_inputs_seventeenth import (_discrete, _fractions, _normal_pdf, _samples, _sweep,
                                         _uniform_grid, _vand)

VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"


# --- objects the cases use -------------------------------------------------------------------

def _primitive_sum(name, *vjps, impl=np.square):
    """sum(p(x)) for a user's Primitive p named ``name`` (its rules as given)."""
    op = ad.Primitive(name, impl, *vjps)
    return lambda x: ad.sum(op(x))


def _needs_two(x, y):
    return ad.sum(x * y)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad argnums 1 with one argument given", lambda d: ad.grad(
        lambda x, y=1.0: ad.sum(x) * y, argnums=1)(X3), ["argnums", "1"]),
    ("value_and_grad at a bytes argument", lambda d: ad.value_and_grad(_square)(b"123"),
     ["bytes"]),
    ("vjp fun None", lambda d: ad.vjp(None, X3), ["fun", "None"]),
    ("vjp of a fun returning a list", lambda d: ad.vjp(lambda x: [x, x], X3), ["fun"]),
    ("jacobian of a fun returning a string", lambda d: ad.jacobian(lambda x: "y")(X3),
     ["fun"]),
    ("hessian of a fun returning a string", lambda d: ad.hessian(lambda x: "y")(X3), ["fun"]),
    ("hessian argnum -2 of one argument", lambda d: ad.hessian(_square, argnum=-2)(X3),
     ["argnum", "-2"]),
    ("trace fun a number", lambda d: ad.trace(3.0, X3), ["fun"]),
    ("trace of a fun raising ZeroDivisionError", lambda d: ad.trace(
        _raising(ZeroDivisionError), X3), ["fun", "ZeroDivisionError"]),
    ("tree_flatten name an int", lambda d: ad.tree_flatten([X3], name=3), ["name"]),
    ("tree_flatten of a frozenset", lambda d: ad.tree_flatten(frozenset({1.0, 2.0})),
     ["frozenset"]),
    ("stop_gradient of a set", lambda d: ad.stop_gradient({1.0, 2.0}), ["set"]),
    ("shape of a generator", lambda d: ad.shape(_gen(X3)), ["generator"]),
    ("add of arrays that do not broadcast", lambda d: ad.add(np.ones(2), np.ones(3)),
     ["(2,)", "(3,)"]),
    ("mul of a string and an array", lambda d: ad.mul("2", X3), ["str"]),
    ("div by a dict", lambda d: ad.div(X3, {"a": 1.0}), ["dict"]),
    ("neg of None", lambda d: ad.neg(None), ["None"]),
    ("tan of a timedelta scalar", lambda d: ad.tan(np.timedelta64(1, "s")), ["timedelta64"]),
    ("sinh of a complex scalar", lambda d: ad.sinh(1.0 + 1.0j), ["complex"]),
    ("expm1 of a masked array", lambda d: ad.expm1(_ma(X3, 1)), ["mask"]),
    ("sum axis a string", lambda d: ad.sum(X3, axis="0"), ["axis", "'0'"]),
    ("sum keepdims 2", lambda d: ad.sum(X3, keepdims=2), ["keepdims", "2"]),
    ("min axis a float", lambda d: ad.min(X3, axis=0.0), ["axis", "0.0"]),
    ("prod axis a set", lambda d: ad.prod(np.ones((2, 3)), axis={0}), ["axis"]),
    ("std axis 5 of a matrix", lambda d: ad.std(np.ones((2, 3)), axis=5), ["axis", "5"]),
    ("expand_dims axis a string", lambda d: ad.expand_dims(X3, "0"), ["axis"]),
    ("norm keepdims None", lambda d: ad.norm(X3, keepdims=None), ["keepdims", "None"]),
    ("clip a_max a string", lambda d: ad.clip(X3, 0.0, "1"), ["a_max"]),
    ("Primitive name None", lambda d: ad.Primitive(None, np.sin), ["name", "None"]),
    ("a Primitive whose impl returns None", lambda d: ad.Primitive(
        "my_op", lambda x: None)(X3), ["my_op"]),
    ("grad through a Primitive whose vjp gives another shape", lambda d: ad.grad(
        _primitive_sum("my_sq", lambda g, ans, x: ad.sum(g)))(np.ones((2, 3))), ["my_sq"]),
    ("grad through a Primitive whose vjp raises", lambda d: ad.grad(
        _primitive_sum("my_op", _raising(KeyError), impl=np.sin))(X3),
     ["my_op", "KeyError"]),
    ("logsumexp keepdims a string", lambda d: ad.logsumexp(X3, keepdims="no"),
     ["keepdims", "no"]),
    ("reshape shape a dict", lambda d: ad.reshape(np.ones(6), {"rows": 2, "cols": 3}),
     ["shape"]),
    ("grad of a fun returning a bool", lambda d: ad.grad(lambda x: True)(X3), ["fun"]),
    ("max keepdims a list", lambda d: ad.max(X3, keepdims=[True]), ["keepdims"]),
]

GRADCHECK_CASES = [
    ("check_grads eps NaN", lambda d: check_grads(_square, (X3,), eps=np.nan), ["eps", "nan"]),
    ("hvp fun returning a vector", lambda d: hvp(lambda x: x * x, X3, X3), ["fun"]),
    ("check_grads eps -0.0", lambda d: check_grads(_square, (X3,), eps=-0.0), ["eps", "-0.0"]),
    ("check_grads rtol inf", lambda d: check_grads(_square, (X3,), rtol=np.inf),
     ["rtol", "inf"]),
    ("check_grads atol a timedelta", lambda d: check_grads(
        _square, (X3,), atol=np.timedelta64(1, "s")), ["atol"]),
    ("check_grads rng a list of seeds", lambda d: check_grads(_square, (X3,), rng=[1, 2]),
     ["rng"]),
    ("check_grads fun returning a dict", lambda d: check_grads(
        lambda x: {"loss": ad.sum(x)}, (X3,)), ["fun"]),
    ("check_grads args holding bytes", lambda d: check_grads(_square, (b"123",)), ["bytes"]),
    ("check_grads fun needing two arguments given one", lambda d: check_grads(
        _needs_two, (X3,)), ["fun"]),
    ("check_grads order a Decimal", lambda d: check_grads(_square, (X3,), order=Decimal(2)),
     ["order"]),
    ("hvp x a Fraction", lambda d: hvp(lambda x: x * x * x, _fractions([0.5])[0], 1.0),
     ["Fraction"]),
    ("hvp fun returning bytes", lambda d: hvp(lambda x: b"1", X3, X3), ["fun"]),
    ("hvp v bools", lambda d: hvp(_square, X3, np.array([True, False, True])),
     ["v", "bool"]),
]

SAMPLER_CASES = [
    ("discrete p None", lambda d: DiscreteInverseCDF(None), ["p", "None"]),
    ("discrete from_uniforms_guided u a set", lambda d: _discrete().from_uniforms_guided(
        {0.1, 0.5}), ["u", "set"]),
    ("u_error sample_size a string", lambda d: laplace().u_error("100"), ["sample_size"]),
    ("continuous rvs random_state -1", lambda d: laplace().rvs(3, random_state=-1),
     ["random_state", "-1"]),
    ("grid n a string", lambda d: grid_inverse_cdf(_normal_pdf, 0.0, 1.0, n="100"),
     ["n", "'100'"]),
    ("grid pdf returning another shape", lambda d: grid_inverse_cdf(
        lambda x: np.ones(3), 0.0, 1.0), ["pdf"]),
    ("weibull shape None", lambda d: weibull(None), ["shape", "None"]),
    ("metropolis step_size inf", lambda d: _metropolis(step_size=np.inf),
     ["step_size", "inf"]),
    ("metropolis target_acceptance a string", lambda d: _metropolis(target_acceptance="0.3"),
     ["target_acceptance"]),
    ("metropolis rng a RandomState", lambda d: _metropolis(rng=np.random.RandomState(0)),
     ["rng"]),
    ("integrate_many points a string", lambda d: integrate_many(
        np.sin, [(0.0, 1.0, 4)], points="0.5"), ["points"]),
    ("density_values pdf None", lambda d: density_values(None, X3), ["pdf", "None"]),
    ("horner s a set", lambda d: horner(np.ones((5, 1)), {0.5}), ["s", "set"]),
    ("horner a with NaN", lambda d: horner(np.where(np.eye(5, 2) > 0, np.nan, 1.0),
                                           np.full(2, 0.5)), ["a", "NaN"]),
    ("solve_vandermonde y None", lambda d: solve_vandermonde(_vand()[0], None), ["y", "None"]),
    ("solve_vandermonde s with inf", lambda d: solve_vandermonde(
        np.where(_vand()[0] > 0.9, np.inf, _vand()[0]), _vand()[1]), ["s", "inf"]),
    ("PiecewiseInverse pieces a dict", lambda d: _piecewise({"lo": np.zeros(2)}), ["pieces"]),
    ("find_center pdf None", lambda d: find_center(None, -1.0, 1.0), ["pdf", "None"]),
    ("explore f None", lambda d: explore(None, _normal_pdf, -1.0, 1.0), ["f", "None"]),
    ("find_center pdf returning strings", lambda d: find_center(
        lambda x: np.asarray(x).astype(str), -1.0, 1.0), ["pdf"]),
    ("acceptance_limit scaled a dict", lambda d: acceptance_limit({"l": 1.0}), ["scaled"]),
    ("fixed_step_chains rng None", lambda d: fixed_step_chains(1, np.array([1.0]), 2, 10, None),
     ["rng", "None"]),
    ("laplace ppf u a dict", lambda d: laplace().ppf({"u": 0.5}), ["u", "dict"]),
    ("cauchy from_uniforms u a generator", lambda d: cauchy().from_uniforms(
        _gen([0.1, 0.5])), ["u", "generator"]),
    ("exponential rate a list", lambda d: exponential(rate=[1.0, 2.0]), ["rate"]),
    ("pareto scale a string", lambda d: pareto(2.0, scale="1"), ["scale", "'1'"]),
    ("logistic scale None", lambda d: logistic(scale=None), ["scale", "None"]),
    ("weibull scale NaN", lambda d: weibull(2.0, scale=np.nan), ["scale", "nan"]),
    ("from_density center a list", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, (-3.0, 3.0), center=[0.0, 1.0]), ["center"]),
    ("from_density u_resolution a string", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, (-3.0, 3.0), u_resolution="1e-10"), ["u_resolution"]),
    ("from_density domain of one number", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, (3.0,)), ["domain"]),
    ("grid hi NaN", lambda d: grid_inverse_cdf(_normal_pdf, 0.0, np.nan), ["hi", "nan"]),
    ("metropolis x0 0-D", lambda d: _metropolis(x0=np.array(0.0)), ["x0"]),
    ("metropolis n_warmup a string", lambda d: _metropolis(n_warmup="10"),
     ["n_warmup", "'10'"]),
    ("metropolis log_density returning a masked array", lambda d: _metropolis(
        log_density=lambda x: _ma(np.zeros(len(x)), 0)), ["log_density"]),
    ("integrate_many a rule of strings", lambda d: integrate_many(np.sin, [("0", "1", 4)]),
     ["rules"]),
    ("density_values x a dict", lambda d: density_values(_normal_pdf, {"x": 1.0}),
     ["x", "dict"]),
    ("solve_vandermonde s complex", lambda d: solve_vandermonde(_cx(_vand()[0]), _vand()[1]),
     ["s", "complex"]),
    ("explore u_resolution a string", lambda d: explore(
        _normal_pdf, _normal_pdf, -1.0, 1.0, u_resolution="1e-10"), ["u_resolution"]),
    ("find_center center a string", lambda d: find_center(_normal_pdf, -1.0, 1.0, center="0"),
     ["center"]),
    ("acceptance_1d h a set", lambda d: acceptance_1d({1.0}), ["h", "set"]),
    ("fixed_step_chains scaled empty", lambda d: fixed_step_chains(
        1, np.array([]), 2, 10, _rng()), ["scaled"]),
    ("step_size_sweep rngs one generator", lambda d: _sweep(rngs=_rng()), ["rngs"]),
    ("step_size_sweep chains a float", lambda d: _sweep(chains=2.0), ["chains", "2.0"]),
    ("bin_masses cdf raising", lambda d: bin_masses(np.linspace(-1, 1, 5),
                                                    _raising(RuntimeError)),
     ["cdf", "RuntimeError"]),
    ("noise_floor rng None", lambda d: noise_floor(
        10, 2, laplace(), np.linspace(-1, 1, 5), stats.laplace.cdf, None), ["rng", "None"]),
    ("transition matrix p a dict", lambda d: metropolis_transition_matrix(
        {0: 0.5, 1: 0.5}, [[0.5, 0.5], [0.5, 0.5]]), ["p", "dict"]),
]

DIAGNOSTIC_CASES = [
    ("ess_bulk draws bools", lambda d: ess_bulk(_draws15() > 0), ["draws", "bool"]),
    ("ess_bulk draws 4-D", lambda d: ess_bulk(np.ones((2, 40, 2, 2))), ["draws"]),
    ("ess_mean draws masked", lambda d: ess_mean(_ma(_draws15(), 5)), ["draws", "mask"]),
    ("mcse_sd draws 1-D", lambda d: mcse_sd(np.random.default_rng(0).normal(size=80)),
     ["draws"]),
    ("mcse_mean draws of no draws", lambda d: mcse_mean(np.ones((4, 0))), ["draws"]),
    ("diagnose draws None", lambda d: diagnose(None), ["draws", "None"]),
    ("diagnose draws with NaN", lambda d: diagnose(np.where(_draws15() > 1.5, np.nan,
                                                            _draws15())), ["draws"]),
    ("rank_normalize draws a generator", lambda d: rank_normalize(_gen(_draws15())),
     ["draws"]),
    ("rank_normalize draws with inf", lambda d: rank_normalize(
        np.where(_draws15() > 1.5, np.inf, _draws15())), ["draws"]),
    ("normal_scores x a dict", lambda d: normal_scores({"a": 1.0}), ["x", "dict"]),
    ("normal_scores x None", lambda d: normal_scores(None), ["x", "None"]),
    ("split_rhat draws masked", lambda d: split_rhat(_ma(_draws15(), 7)), ["draws", "mask"]),
    ("ess_tail draws complex", lambda d: ess_tail(_cx(_draws15())), ["draws", "complex"]),
    ("ess_tail prob a dict", lambda d: ess_tail(_draws15(), prob={"lo": 0.05, "hi": 0.95}),
     ["prob"]),
    ("ess_tail prob with None", lambda d: ess_tail(_draws15(), prob=(0.05, None)), ["prob"]),
    ("ess_tail prob of Decimals", lambda d: ess_tail(
        _draws15(), prob=(Decimal("0.05"), Decimal("0.95"))), ["prob"]),
    ("mcse_sd draws a dict", lambda d: mcse_sd({"chain": _draws15()}), ["draws", "dict"]),
    ("mcse_mean draws with -inf", lambda d: mcse_mean(
        np.where(_draws15() < -1.5, -np.inf, _draws15())), ["draws"]),
    ("diagnose draws a generator", lambda d: diagnose(_gen(_draws15())), ["draws"]),
    ("quantile_type7 prob inf", lambda d: quantile_type7(np.arange(10.0), np.inf),
     ["prob", "inf"]),
    ("quantile_type7 x a set", lambda d: quantile_type7({1.0, 2.0, 3.0}, 0.5), ["x", "set"]),
    ("normal_scores x datetimes", lambda d: normal_scores(_dt(3)), ["x", "datetime64"]),
    ("split_rhat draws None", lambda d: split_rhat(None), ["draws", "None"]),
]

TESTING_CASES = [
    ("smallest_detectable n negative", lambda d: testing.smallest_detectable(-5),
     ["n", "-5"]),
    ("two_sample_distance y None", lambda d: testing.two_sample_distance(_samples(), None),
     ["y", "None"]),
    ("chi_square_power q with NaN", lambda d: testing.chi_square_power(
        [0.5, 0.5], [np.nan, 0.5], 100), ["q", "nan"]),
    ("cdf_matches alpha a string", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alpha="1e-6"), ["alpha"]),
    ("labels_match labels a dict", lambda d: testing.assert_labels_match(
        {0: 3, 1: 4}, [0.5, 0.5]), ["labels"]),
    ("labels_match alpha -1", lambda d: testing.assert_labels_match(
        [0, 1, 1], [0.5, 0.5], alpha=-1.0), ["alpha", "-1"]),
    ("same_distribution x None", lambda d: testing.assert_same_distribution(None, _samples()),
     ["x", "None"]),
    ("density beta lo NaN", lambda d: densities.beta(2.0, 2.0, lo=np.nan), ["lo", "nan"]),
    ("density normal_mixture scales with a zero", lambda d: densities.normal_mixture(
        [0.5, 0.5], [0.0, 1.0], [1.0, 0.0]), ["scales"]),
    ("density laplace scale a list", lambda d: densities.laplace(scale=[1.0]), ["scale"]),
    ("draws_needed discrepancy None", lambda d: testing.draws_needed(None),
     ["discrepancy", "None"]),
    ("smallest_detectable alpha inf", lambda d: testing.smallest_detectable(100, alpha=np.inf),
     ["alpha", "inf"]),
    ("ks_distance cdf raising", lambda d: testing.ks_distance(_samples(), _raising(KeyError)),
     ["cdf", "KeyError"]),
    ("inverts u a dict", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, {"u": 0.5}, 1e-10), ["u", "dict"]),
    ("inverts cdf returning a tuple", lambda d: testing.assert_inverts(
        stats.norm.ppf, lambda x: (x, x), _uniform_grid(), 1e-10), ["cdf"]),
    ("density uniform hi a string", lambda d: densities.uniform(0.0, "1"), ["hi", "'1'"]),
    ("density triangular lo a list", lambda d: densities.triangular([0.0], 0.5, 1.0),
     ["lo"]),
    ("density student_t df a string", lambda d: densities.student_t("3"), ["df", "'3'"]),
    ("density beta b negative", lambda d: densities.beta(2.0, -1.0), ["b", "-1"]),
    ("ks_distance samples a set", lambda d: testing.ks_distance({0.1, 0.2}, stats.norm.cdf),
     ["samples", "set"]),
    ("dkw_epsilon alpha a timedelta", lambda d: testing.dkw_epsilon(
        100, alpha=np.timedelta64(1, "s")), ["alpha"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("run_all progress a number", lambda d: figures.run_all(
        d / "figs", only=["fig22_1"], progress=3), ["progress"]),
    ("style check_seed a string", lambda d: style.check_seed("1"), ["seed", "'1'"]),
    ("style check_count a half", lambda d: style.check_count("n_tasks", 2.5),
     ["n_tasks", "2.5"]),
    ("style check_count above its maximum", lambda d: style.check_count(
        "n_tasks", 5, maximum=3), ["n_tasks", "5"]),
    ("running_mean values 2-D", lambda d: fig22_2.running_mean(np.ones((2, 3)), 2),
     ["values"]),
    ("as_point of one array", lambda d: fig22_1.as_point([np.ones((1, 1))]), ["params"]),
    ("as_params point of three numbers", lambda d: fig22_1.as_params((1.0, 2.0, 3.0)),
     ["point"]),
    ("check_words value a list of ints", lambda d: figures.check_words(
        "argv", [1, 2], ["--quick"]), ["argv"]),
    ("check_flag an int 2", lambda d: figures.check_flag(2, "make", "quick"),
     ["quick", "2"]),
    ("check_callable a string", lambda d: figures.check_callable("print", "run_all",
                                                                 "progress"), ["progress"]),
    ("style check_positive_numbers a negative", lambda d: style.check_positive_numbers(
        "size", (-1.0, 2.0), 2, "(width, height)"), ["size", "-1"]),
    ("mixture_log_density x 1-D", lambda d: fig_walk.mixture_log_density(np.zeros(3)),
     ["x", "(3,)"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold None", lambda d: memory.keep_freed_memory(
        mmap_threshold=None), ["mmap_threshold", "None"], None),
    ("opt-out value a zero after a byte-order mark", lambda d: memory.opt_out_value(), [VAR],
     {VAR: "\ufeff0"}),
    ("opt-out value a full-width one", lambda d: memory.opt_out_value(), [VAR],
     {VAR: "\uff11"}),
    ("unless_opted_out a one and a zero on two lines",
     lambda d: memory.keep_freed_memory_unless_opted_out(), [VAR], {VAR: "1\n0"}),
    ("keep_freed_memory trim_threshold complex", lambda d: memory.keep_freed_memory(
        trim_threshold=1 + 0j), ["trim_threshold"], None),
    ("opt-out value a Thai zero", lambda d: memory.opt_out_value(), [VAR], {VAR: "\u0e50"}),
    ("keep_freed_memory trim_threshold a dict", lambda d: memory.keep_freed_memory(
        trim_threshold={"bytes": 1}), ["trim_threshold"], None),
]

WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "environment": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "check_grads fun returning a dict": "not a bad input: check_grads takes nested outputs "
        "(tests/test_gradcheck.py checks a (tuple, dict) output, and the ninth battery dropped "
        "'check_grads fun returning a list' for the same reason); a dict output is checked, "
        "not refused",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 2)."""
    return kept_cases(cases, (0, 2), DROPPED)


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


def test_the_nineteenth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 60)


def main():
    """``python tests/test_bad_inputs_nineteenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
