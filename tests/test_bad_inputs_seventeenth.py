"""A seventeenth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed for the figures
helpers, the environment set where a case gives one). Written blind, from the user's side: the
README, ``__all__`` and the public names, signatures and docstrings of ``scratchmeta.autodiff``,
``gradcheck``, ``sampling`` (and its modules ``diagnostics``, ``quadrature``, ``interpolation``,
``tails``, ``step_size``, ``mixing``, ``finite_chain``, ``closed_forms``), ``testing`` (and
``densities``, ``exact``), ``memory``, ``figures`` and ``figures.style`` and the figure modules'
helpers, plus the earlier batteries' ids and shared helpers. Not read: the bodies of any
validation code (``_checks.py``, ``check_*``), the library's history, /work/main.

Areas (this battery covers the library side only; the command line, Chapter 2, strategies,
evaluate/train, checkpoints, nn/optim, task families and Omniglot are another writer's): the
autodiff engine (35 written), gradcheck (11), samplers -- inverse CDF discrete, continuous, on a
grid and the named distributions, Metropolis, quadrature, interpolation, tails, step size, mixing
(43), diagnostics (20), the testing kit with its densities (21), the figures helpers (14) and
the ``memory`` functions with ``SCRATCHMETA_KEEP_FREED_MEMORY`` read by the library (6).

Kinds of bad value: Fractions and Decimals (scalars and object arrays), timedelta64 and
datetime64 arrays, masked arrays and a fully masked scalar returned by the user's function, sets,
dicts, generators, bytes and comma-separated strings where arrays or numbers are meant, a class
(``np.random.Generator``) for an instance, a frozen SciPy distribution for its ``cdf``, complex
numbers, bools and NumPy bools, 2**70, -inf, 0 and negative sizes and counts, too many or too
few entries (a three-number ``domain`` or ``prob``, five rows instead of four, a single bin
edge), shapes that do not broadcast or do not match (a boolean index of another length, ``y``
of another column count, ragged chains), 0-D, 1-D and 2-D arrays where another rank is meant,
user callables returning the wrong thing (a tuple, one number for many points, strings, complex,
NaN, a masked array, None, values above 1 for a CDF), arguments each valid alone but not
together (lo above hi, a centre outside the domain, ``n_steps`` past the end of ``per_task``),
and, for the environment variable, '-0', '0_0' (Python's ``int`` reads it as 0), a superscript
two and a Roman numeral one. Read-only and non-contiguous arrays and float32 were not used.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` through the
fifteenth and ``tests/sweep_bad_inputs_meta_data.py``: 3,823 ids) were compared with each draft
by a token-overlap (Jaccard) search; each pair at 0.5 or more was read, and a grep of the exact
value was made for the environment values (whose ids hold quotes) and for ids the search's
pattern skips. Of 276 cases drafted in two rounds (the second round's replacements searched the
same way), 126 that repeated an earlier case's substance (same function, argument and kind of
value) were removed, e.g. ``logsumexp of an empty array``, ``norm ord 3``, ``norm ord 'nuc'``,
``std ddof negative``, ``matmul of a string matrix``, ``check_grads eps negative``, ``discrete
p masked``, ``exponential rate 0``, ``metropolis n_steps 3``, ``quantile_type7 prob NaN``,
``smallest_detectable samples 3``, ``density trapezoid c past d``, ``run_all progress a
string``, ``keep_freed_memory mmap_threshold True``, and the environment values 'yes', 'no',
'-1', '0 0', 'true' and '1.0' -- which left 150 written.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 4)`` are kept (``_kept``): 92 of the 150. After the
first run a case could only be dropped (when documented valid) or corrected (when the case
itself was wrong), never added or swapped.

Dropped (``DROPPED``), kept: ``ess_bulk chains of three draws`` -- documented valid: the
diagnostics module's docstring says "fewer than 4 draws per chain give NaN everywhere", with a
RuntimeWarning (as ArviZ does). Corrected (kept): ``getitem a bool mask of another length``
expected the word 'mask', which is not the argument's name; the argument is ``index``, which the
message names, so its mention is now 'index' (unclear at the first run only because of that).

First run, at commit 893b445, as written: the 92 kept: 86 clear (93.5%), 3 unclear (3.3%), 3
silent (3.3%), 0 data loss; all 150 written: 139 clear (92.7%), 5 unclear (3.3%), 6 silent
(4.0%), 0 data loss. After the drop and the correction above: the 91 kept: 87 clear (95.6%), 2
unclear (2.2%), 2 silent (2.2%), 0 data loss; the 149 written and not dropped (``--written``):
140 clear (94.0%), 4 unclear (2.7%), 5 silent (3.4%), 0 data loss. Kept, by area
(clear/unclear/silent/data loss): engine 19/1/1/0 of 21, gradcheck 6/1/0/0 of 7, samplers
25/0/1/0 of 26, diagnostics 11/0/0/0 of 11, testing kit 13/0/0/0 of 13, figures helpers 9/0/0/0
of 9, environment 4/0/0/0 of 4.

Kept cases not clear, with what each gave at 893b445:

* silent: ``grad of a fun returning a masked scalar`` (a fully masked 0-D result is
  differentiated as if it were a number); ``laplace scale a Fraction`` (accepted; the scalar
  checks' docstring says a real number is "an int or a float");
* unclear: ``jvp a timedelta tangent`` (a TypeError naming ``tangents[0]`` but not the dtype:
  "got a array of shape (3,)"); ``check_grads eps 2**70`` (no argument check: the derivative
  check runs and fails with an AssertionError about disagreeing derivatives).

Written and not kept, also not clear: silent ``stop_gradient of datetimes``, ``solve_vandermonde
y with NaN``, ``grid lo a Fraction``; unclear ``squeeze axis 2**70`` (OverflowError) and
``solve_vandermonde s 1-D`` (IndexError). One kept case counted clear is clear only by the
classifier's substring match: ``solve_vandermonde y of another shape`` gives NumPy's own
"could not broadcast input array from shape (5,3) into shape (5,2)", and the mention 'y' is
found inside the word "array"; read by a person it is unclear. The misses gather in Fractions
and masked values reaching the engine or a sampler's scalar checks, and a few sizes or shapes
reaching NumPy unchecked. ``python tests/test_bad_inputs_seventeenth.py`` prints the rates by
area (about 2 s; pytest about 3 s). The battery's writer did not change the library.

Round 9 (user functions that raise named everywhere, made without sight of this file) changed
none of these: on it, still blind, the 91 kept gave the same 87 clear (95.6%), 2 unclear, 2
silent, 0 data loss -- 86 of 91 (94.5%) if the substring match above is counted unclear, as a
person would. Round 10 fixed them with sight of this file (so not blind): masked values
returned by ``fun`` refused by ``grad``, ``check_grads`` and ``hvp``; ``stop_gradient`` refuses
time and text arrays; the engine's type errors name the dtype (timedelta64, datetime64);
``check_grads``' eps is at most 1; ``squeeze``/``expand_dims`` axes too large for C are named;
``solve_vandermonde`` checks s and y (finite, (5, m), the same shape); the samplers' scalars
are ints and floats, as their docstring said, so a Fraction or Decimal is refused as the
engine and Chapter 2 refuse it. After it: 91 of 91 kept and 149 of 149 written clear.
"""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import figures, memory, testing
from scratchmeta.figures import style
from scratchmeta.figures import compare as fig_compare
from scratchmeta.figures import fig22_2
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  laplace, mcse_mean, mcse_sd, metropolis_transition_matrix, pareto,
                                  rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7
from scratchmeta.sampling.interpolation import horner, solve_vandermonde
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import integrate, integrate_many
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fourteenth import _cx, _dt, _ma, _td
from test_bad_inputs_fifteenth import _decimals, _draws15, _gen

VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
BIG = 2 ** 70


# --- objects the cases use -------------------------------------------------------------------

def _fractions(a):
    """An object array of Fractions (exact rationals, not floats)."""
    return np.array([Fraction(x).limit_denominator(1000) for x in np.ravel(a)],
                    dtype=object).reshape(np.shape(a))


def _normal_pdf(x):
    return np.exp(-0.5 * np.asarray(x) ** 2)


def _discrete():
    return DiscreteInverseCDF([0.2, 0.3, 0.5])


def _sweep(**kwargs):
    kwargs = {"scaled": np.array([0.5, 1.0, 2.0]), "chains": 2, "steps": 20,
              "dims": {"d1": 1}, "rngs": [_rng()], **kwargs}
    return step_size_sweep(**kwargs)


def _vand():
    """Five distinct nodes in (0, 1] per column, two columns, and values through them."""
    s = np.tile(np.linspace(0.2, 1.0, 5)[:, None], (1, 2))
    return s, s ** 2


def _samples(n=200):
    return np.random.default_rng(1).normal(size=n)


def _uniform_grid():
    return np.linspace(0.01, 0.99, 9)


def _masked_scalar_fun(x):
    return np.ma.masked_array(float(np.sum(np.asarray(x) ** 2)), mask=True)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad of a fun returning a masked scalar", lambda d: ad.grad(
        lambda x: np.ma.masked_array(1.0, mask=True))(X3), ["fun"]),
    ("grad at a Fraction argument", lambda d: ad.grad(lambda x: x * x)(Fraction(1, 2)),
     ["Fraction"]),
    ("grad at a timedelta argument", lambda d: ad.grad(_square)(_td(3)), ["timedelta64"]),
    ("grad of a dict argument holding a set leaf", lambda d: ad.grad(
        lambda t: ad.sum(t["w"]))({"w": X3, "b": {1.0}}), ["set"]),
    ("value_and_grad of a fun returning a Decimal", lambda d: ad.value_and_grad(
        lambda x: Decimal("1.5"))(X3), ["fun"]),
    ("jacobian argnum None", lambda d: ad.jacobian(lambda x: x * 2.0, argnum=None)(X3),
     ["argnum", "None"]),
    ("jacobian of a fun returning None", lambda d: ad.jacobian(lambda x: None)(X3), ["fun"]),
    ("jacobian at a masked argument", lambda d: ad.jacobian(lambda x: x * 2.0)(_ma(X3, 1)),
     ["mask"]),
    ("hessian at a complex argument", lambda d: ad.hessian(_square)(_cx(X3)), ["complex"]),
    ("hessian argnum True", lambda d: ad.hessian(_square, argnum=True)(X3), ["argnum"]),
    ("jvp tangents a generator", lambda d: ad.jvp(lambda x: x * 2.0, (X3,), _gen(X3)),
     ["tangents"]),
    ("jvp a Fraction primal", lambda d: ad.jvp(lambda x: x * 2.0, (Fraction(1, 3),), (1.0,)),
     ["Fraction"]),
    ("jvp a timedelta tangent", lambda d: ad.jvp(lambda x: x * 2.0, (X3,), (_td(3),)),
     ["timedelta64"]),
    ("vjp pullback of a complex cotangent", lambda d: ad.vjp(lambda x: x * 2.0, X3)[1](
        _cx(X3)), ["complex"]),
    ("vjp pullback of a set", lambda d: ad.vjp(lambda x: x * 2.0, X3)[1]({1.0, 2.0, 3.0}),
     ["set"]),
    ("tree_map over a set", lambda d: ad.tree_map(lambda a: a, {1.0, 2.0}), ["set"]),
    ("stop_gradient of datetimes", lambda d: ad.stop_gradient(_dt(3)), ["datetime64"]),
    ("matmul of Decimals", lambda d: ad.matmul(_decimals(np.eye(2)), np.ones(2)), ["object"]),
    ("getitem a bool mask of another length", lambda d: ad.getitem(
        X3, np.array([True, False])), ["index"]),
    ("reshape to a shape holding a float", lambda d: ad.reshape(np.ones(6), (1.5, 4)),
     ["shape"]),
    ("transpose axes a set", lambda d: ad.transpose(np.ones((2, 3)), axes={0, 1}), ["axes"]),
    ("broadcast_to shape None", lambda d: ad.broadcast_to(X3, None), ["shape"]),
    ("concatenate xs a set", lambda d: ad.concatenate({1.0, 2.0}), ["xs"]),
    ("stack axis a half", lambda d: ad.stack([X3, X3], axis=0.5), ["axis", "0.5"]),
    ("mean keepdims a word", lambda d: ad.mean(X3, keepdims="yes"), ["keepdims", "yes"]),
    ("max axis repeated", lambda d: ad.max(np.ones((2, 3)), axis=(0, 0)), ["axis"]),
    ("norm ord -1", lambda d: ad.norm(X3, ord=-1), ["ord", "-1"]),
    ("solve a complex matrix", lambda d: ad.solve(_cx(np.eye(2)), np.ones(2)), ["complex"]),
    ("einsum subscripts with a digit", lambda d: ad.einsum("i1->i", np.ones((3, 1))),
     ["subscripts"]),
    ("squeeze axis 2**70", lambda d: ad.squeeze(np.ones((1, 3)), axis=BIG), ["axis"]),
    ("sum_to shape a word", lambda d: ad.sum_to(np.ones((2, 3)), "3"), ["shape"]),
    ("maximum of datetimes", lambda d: ad.maximum(_dt(3), _dt(3)), ["datetime64"]),
    ("tanh of a Fraction", lambda d: ad.tanh(Fraction(1, 2)), ["Fraction"]),
    ("abs of a masked array", lambda d: ad.abs(_ma(X3, 0)), ["mask"]),
    ("shape of a set", lambda d: ad.shape({1.0, 2.0}), ["set"]),
]

GRADCHECK_CASES = [
    ("check_grads eps 2**70", lambda d: check_grads(_square, (X3,), eps=BIG), ["eps"]),
    ("check_grads atol bytes", lambda d: check_grads(_square, (X3,), atol=b"1e-6"), ["atol"]),
    ("check_grads rng the Generator class", lambda d: check_grads(
        _square, (X3,), rng=np.random.Generator), ["rng"]),
    ("check_grads fun returning a masked scalar", lambda d: check_grads(
        _masked_scalar_fun, (X3,)), ["fun"]),
    ("check_grads args holding a Fraction", lambda d: check_grads(
        lambda x: x * x, (Fraction(1, 2),)), ["Fraction"]),
    ("check_grads args holding timedeltas", lambda d: check_grads(_square, (_td(3),)),
     ["timedelta64"]),
    ("check_grads rtol a set", lambda d: check_grads(_square, (X3,), rtol={1e-6}), ["rtol"]),
    ("hvp x of Decimals", lambda d: hvp(_square, _decimals(X3), X3), ["x"]),
    ("hvp fun returning a masked scalar", lambda d: hvp(_masked_scalar_fun, X3, X3), ["fun"]),
    ("hvp v a generator", lambda d: hvp(_square, X3, _gen(X3)), ["v"]),
    ("hvp v complex", lambda d: hvp(_square, X3, _cx(X3)), ["v"]),
]

SAMPLER_CASES = [
    ("discrete p an empty list", lambda d: DiscreteInverseCDF([]), ["p"]),
    ("discrete p all zero", lambda d: DiscreteInverseCDF([0.0, 0.0, 0.0]), ["p"]),
    ("discrete sample size 2**70", lambda d: _discrete().sample(BIG, _rng()), ["size"]),
    ("laplace from_uniforms u 1.5", lambda d: laplace().from_uniforms(np.array([0.5, 1.5])),
     ["u"]),
    ("laplace ppf of strings", lambda d: laplace().ppf(np.array(["0.5"])), ["u"]),
    ("exponential rate True", lambda d: exponential(rate=True), ["rate", "True"]),
    ("cauchy scale complex", lambda d: cauchy(scale=1 + 1j), ["scale"]),
    ("laplace scale a Fraction", lambda d: laplace(scale=Fraction(1, 2)), ["scale"]),
    ("pareto alpha a word", lambda d: pareto("two"), ["alpha", "two"]),
    ("from_ppf ppf returning a tuple", lambda d: ContinuousInverseCDF.from_ppf(
        lambda u: (np.asarray(u), np.asarray(u))), ["ppf"]),
    ("from_density domain of three numbers", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, (-1.0, 0.0, 1.0)), ["domain"]),
    ("from_density pdf not vectorised", lambda d: ContinuousInverseCDF.from_density(
        lambda x: 1.0, (0.0, 1.0)), ["pdf"]),
    ("grid lo -inf", lambda d: grid_inverse_cdf(_normal_pdf, -np.inf, 1.0), ["lo"]),
    ("integrate lo above hi", lambda d: integrate(np.sin, 1.0, 0.0), ["lo", "hi"]),
    ("integrate f a number", lambda d: integrate(3.0, 0.0, 1.0), ["f"]),
    ("integrate ends that do not broadcast", lambda d: integrate(
        np.sin, np.zeros(2), np.ones(3)), ["lo", "hi"]),
    ("integrate_many rules empty", lambda d: integrate_many(np.sin, []), ["rules"]),
    ("integrate_many points with NaN", lambda d: integrate_many(
        np.sin, [(0.0, 1.0, 4)], points=np.array([0.5, np.nan])), ["points"]),
    ("horner a with four rows", lambda d: horner(np.ones((4, 2)), np.full(2, 0.5)), ["a"]),
    ("horner s of another column count", lambda d: horner(np.ones((5, 2)),
                                                          np.full(3, 0.5)), ["s"]),
    ("solve_vandermonde y of another shape", lambda d: solve_vandermonde(
        _vand()[0], np.ones((5, 3))), ["y"]),
    ("solve_vandermonde y with NaN", lambda d: solve_vandermonde(
        _vand()[0], np.where(_vand()[1] > 0.5, np.nan, _vand()[1])), ["y"]),
    ("find_center center outside (a, b)", lambda d: find_center(_normal_pdf, -1.0, 1.0,
                                                               center=3.0), ["center"]),
    ("step_size_sweep chains 0", lambda d: _sweep(chains=0), ["chains", "0"]),
    ("step_size_sweep scaled with a 0", lambda d: _sweep(scaled=np.array([0.0, 1.0])),
     ["scaled"]),
    ("bin_masses cdf above 1", lambda d: bin_masses(np.linspace(-1, 1, 5),
                                                    lambda x: stats.norm.cdf(x) + 0.5),
     ["cdf"]),
    ("bin_masses one edge", lambda d: bin_masses(np.array([0.0]), stats.norm.cdf),
     ["edges"]),
    ("total_variation edges 2-D", lambda d: total_variation(
        _samples(), np.linspace(-1, 1, 6).reshape(2, 3), stats.norm.cdf), ["edges"]),
    ("discrete p a comma-separated string", lambda d: DiscreteInverseCDF("0.5,0.5"), ["p"]),
    ("laplace sample size a Decimal", lambda d: laplace().sample(Decimal(3), _rng()),
     ["size"]),
    ("cauchy rvs random_state a half", lambda d: cauchy().rvs(3, random_state=1.5),
     ["random_state"]),
    ("weibull scale complex", lambda d: weibull(2.0, scale=1 + 1j), ["scale"]),
    ("from_density pdf returning a masked array", lambda d: ContinuousInverseCDF.from_density(
        lambda x: _ma(_normal_pdf(np.atleast_1d(x)), 0), (-3.0, 3.0)), ["pdf"]),
    ("grid pdf returning complex", lambda d: grid_inverse_cdf(
        lambda x: _normal_pdf(x) + 0j + 1j, 0.0, 1.0), ["pdf"]),
    ("grid lo a Fraction", lambda d: grid_inverse_cdf(_normal_pdf, Fraction(-1, 2), 1.0),
     ["lo"]),
    ("integrate lo a set", lambda d: integrate(np.sin, {0.0}, 1.0), ["lo"]),
    ("solve_vandermonde s 1-D", lambda d: solve_vandermonde(np.linspace(0.2, 1.0, 5),
                                                            np.ones(5)), ["s"]),
    ("step_size_sweep steps 2**70", lambda d: _sweep(steps=BIG), ["steps"]),
    ("step_size_sweep a dimension 0", lambda d: _sweep(dims={"d0": 0}), ["dims"]),
    ("bin_masses cdf a number", lambda d: bin_masses(np.linspace(-1, 1, 5), 0.5), ["cdf"]),
    ("total_variation cdf returning NaN", lambda d: total_variation(
        _samples(), np.linspace(-1, 1, 5), lambda x: np.full(np.shape(x), np.nan)), ["cdf"]),
    ("transition matrix Q a dict", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], {0: [0.5, 0.5], 1: [0.5, 0.5]}), ["Q"]),
    ("metropolis n_warmup a Fraction", lambda d: _metropolis(n_warmup=Fraction(10, 1)),
     ["n_warmup"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a generator", lambda d: split_rhat(_gen(_draws15())), ["draws"]),
    ("ess_bulk draws complex", lambda d: ess_bulk(_cx(_draws15())), ["draws"]),
    ("ess_bulk draws ragged chains", lambda d: ess_bulk([[0.1, 0.2, 0.3, 0.4], [0.1, 0.2]]),
     ["draws"]),
    ("ess_tail prob one number", lambda d: ess_tail(_draws15(), prob=0.05), ["prob"]),
    ("ess_tail prob three numbers", lambda d: ess_tail(_draws15(), prob=(0.05, 0.5, 0.95)),
     ["prob"]),
    ("ess_mean draws 0-D", lambda d: ess_mean(np.array(1.0)), ["draws"]),
    ("mcse_mean draws None", lambda d: mcse_mean(None), ["draws", "None"]),
    ("diagnose draws a dict", lambda d: diagnose({"x": _draws15()}), ["draws"]),
    ("rank_normalize draws of Decimals", lambda d: rank_normalize(_decimals(_draws15())),
     ["draws"]),
    ("normal_scores x complex", lambda d: normal_scores(_cx([1.0, 2.0])), ["x"]),
    ("ess_mean draws of Fractions", lambda d: ess_mean(_fractions(_draws15())), ["draws"]),
    ("ess_tail draws 1-D", lambda d: ess_tail(np.random.default_rng(0).normal(size=80)),
     ["draws"]),
    ("ess_bulk chains of three draws", lambda d: ess_bulk(
        np.random.default_rng(0).normal(size=(4, 3))), ["draws"]),
    ("mcse_sd draws complex", lambda d: mcse_sd(_cx(_draws15())), ["draws"]),
    ("mcse_mean draws a set", lambda d: mcse_mean({1.0, 2.0}), ["draws"]),
    ("diagnose draws timedeltas", lambda d: diagnose(_td((4, 40))), ["draws"]),
    ("rank_normalize draws complex", lambda d: rank_normalize(_cx(_draws15())), ["draws"]),
    ("normal_scores x a generator", lambda d: normal_scores(_gen(X3)), ["x"]),
    ("quantile_type7 prob a list", lambda d: quantile_type7(np.arange(10.0), [0.1, 0.9]),
     ["prob"]),
    ("diagnose draws bytes", lambda d: diagnose(b"\x00\x01\x02\x03"), ["draws"]),
]

TESTING_CASES = [
    ("dkw_epsilon n True", lambda d: testing.dkw_epsilon(True), ["n", "True"]),
    ("chi_square_power n a Fraction", lambda d: testing.chi_square_power(
        [0.5, 0.5], [0.4, 0.6], Fraction(100, 1)), ["n"]),
    ("cdf_matches cdf a frozen distribution", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm()), ["cdf"]),
    ("cdf_matches samples with inf", lambda d: testing.assert_cdf_matches(
        np.append(_samples(), np.inf), stats.norm.cdf), ["samples"]),
    ("labels_match labels of strings", lambda d: testing.assert_labels_match(
        np.array(["0", "1", "1"]), [0.5, 0.5]), ["labels"]),
    ("monotone ppf returning a tuple", lambda d: testing.assert_monotone(
        lambda u: (u, u), _uniform_grid()), ["ppf"]),
    ("monotone u a set", lambda d: testing.assert_monotone(stats.norm.ppf, {0.1, 0.5}),
     ["u"]),
    ("inverts cdf None", lambda d: testing.assert_inverts(
        stats.norm.ppf, None, _uniform_grid(), 1e-10), ["cdf", "None"]),
    ("ks_distance samples of Fractions", lambda d: testing.ks_distance(
        _fractions([0.1, 0.2, 0.3]), stats.norm.cdf), ["samples"]),
    ("cdf_matches samples a dict", lambda d: testing.assert_cdf_matches(
        {"a": 0.1, "b": 0.2}, stats.norm.cdf), ["samples"]),
    ("labels_match p a generator", lambda d: testing.assert_labels_match(
        [0, 1, 1], _gen([0.5, 0.5])), ["p"]),
    ("labels_match labels masked", lambda d: testing.assert_labels_match(
        np.ma.masked_array([0, 1, 1], mask=[False, True, False]), [0.5, 0.5]), ["labels"]),
    ("same_distribution y a generator", lambda d: testing.assert_same_distribution(
        _samples(), _gen(_samples())), ["y"]),
    ("monotone ppf returning complex", lambda d: testing.assert_monotone(
        lambda u: np.asarray(u) + 1j, _uniform_grid()), ["ppf"]),
    ("inverts u above 1", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, np.array([0.5, 1.5]), 1e-10), ["u"]),
    ("inverts ppf returning strings", lambda d: testing.assert_inverts(
        lambda u: np.asarray(u).astype(str), stats.norm.cdf, _uniform_grid(), 1e-10),
     ["ppf"]),
    ("chi_square_power p a dict", lambda d: testing.chi_square_power(
        {0: 0.5, 1: 0.5}, [0.4, 0.6], 100), ["p"]),
    ("chi_square_pvalue counts a set", lambda d: testing.chi_square_pvalue(
        {3, 4}, [0.5, 0.5]), ["counts"]),
    ("smallest_detectable alpha a Decimal", lambda d: testing.smallest_detectable(
        100, alpha=Decimal("0.01")), ["alpha"]),
    ("density normal_mixture locs with NaN", lambda d: densities.normal_mixture(
        [0.5, 0.5], [0.0, np.nan], [1.0, 1.0]), ["locs"]),
    ("density student_t loc a string", lambda d: densities.student_t(3.0, loc="0"),
     ["loc"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_seed -1", lambda d: style.check_seed(-1), ["seed", "-1"]),
    ("style check_seed True", lambda d: style.check_seed(True), ["seed", "True"]),
    ("style subplots nrows 101", lambda d: style.subplots(nrows=101), ["nrows", "101"]),
    ("style subplots size with a 0", lambda d: style.subplots(size=(0.0, 3.0)), ["size"]),
    ("style check_count -1", lambda d: style.check_count("n", -1), ["n", "-1"]),
    ("check_words a bare string", lambda d: figures.check_words("argv", "--quick",
                                                                ["--quick"]), ["argv"]),
    ("check_flag a word", lambda d: figures.check_flag("yes", "make", "keepdims"),
     ["keepdims", "yes"]),
    ("running_mean window 0", lambda d: fig22_2.running_mean(np.ones(5), 0),
     ["window", "0"]),
    ("tasks_made_worse n_steps past the end", lambda d: fig_compare.tasks_made_worse(
        np.ones((3, 4)), 5), ["n_steps", "5"]),
    ("style check_numbers x with NaN", lambda d: style.check_numbers(
        "x", np.array([1.0, np.nan])), ["x"]),
    ("style check_positive_numbers three for two", lambda d: style.check_positive_numbers(
        "size", (1.0, 2.0, 3.0), 2, "(width, height)"), ["size"]),
    ("style check_record a list", lambda d: style.check_record("cfg", [1, 2], ("a",)),
     ["cfg"]),
    ("style check_axes a Figure", lambda d: style.check_axes(style.subplots()[0]), ["ax"]),
    ("running_mean window a half", lambda d: fig22_2.running_mean(np.ones(5), 2.5),
     ["window", "2.5"]),
]

MEMORY_CASES = [
    ("keep_freed_memory trim_threshold a Fraction", lambda d: memory.keep_freed_memory(
        trim_threshold=Fraction(1, 2)), ["trim_threshold"], None),
    ("keep_freed_memory mmap_threshold with a unit", lambda d: memory.keep_freed_memory(
        mmap_threshold="64M"), ["mmap_threshold", "64M"], None),
    ("unless_opted_out a negative zero", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR, "-0"], {VAR: "-0"}),
    ("opt-out value zero with an underscore", lambda d: memory.opt_out_value(), [VAR, "0_0"],
     {VAR: "0_0"}),
    ("opt-out value a superscript two", lambda d: memory.opt_out_value(), [VAR],
     {VAR: "\u00b2"}),
    ("unless_opted_out a Roman numeral one", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR], {VAR: "\u2160"}),
]

WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "environment": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "ess_bulk chains of three draws": "documented valid: the diagnostics module's docstring "
        "says 'fewer than 4 draws per chain give NaN everywhere', with a RuntimeWarning "
        "saying why (as ArviZ does)",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 4)."""
    return kept_cases(cases, (1, 4), DROPPED)


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


def test_the_seventeenth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 60)


def main():
    """``python tests/test_bad_inputs_seventeenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
