"""A twenty-first battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed for the figures
helpers, the environment set where a case gives one). Written blind, at commit 7f706b7, from the
user's side only: the README, ``__all__`` and the public names, signatures and docstrings
(``inspect.signature``, ``inspect.getdoc``, module docstrings) of ``scratchmeta.autodiff``
(``Primitive`` included), ``gradcheck``, ``sampling`` and its modules (``diagnostics``,
``quadrature``, ``interpolation``, ``tails``, ``step_size``, ``mixing``, ``finite_chain``,
``closed_forms``, ``continuous``, ``discrete``, ``metropolis``), ``testing`` with ``densities``,
``exact`` and ``stats``, ``memory``, ``figures``, ``figures.style`` and the figure modules'
helper functions (never ``__main__``), and the earlier batteries' ids and shared helpers. Not
read: the body of any validation code (``checks.py``, ``_checks.py``, ``check_*``,
``protocol.py``), the library's history, anything of /work/main.

Areas (the library side only; the command line, Chapter 2, strategies, evaluate/train,
checkpoints, nn/optim, task families and Omniglot are another writer's): the autodiff engine with
user-made ``Primitive`` ops (35 written), gradcheck (10), samplers -- the discrete and continuous
inverse CDFs, the named distributions, Metropolis, the finite chain, quadrature, interpolation,
tails, step size and mixing (44), diagnostics (22), the testing kit with its densities (25), the
figures helpers (12) and the ``memory`` functions with ``SCRATCHMETA_KEEP_FREED_MEMORY`` read by
the library (7).

Kinds of bad value, picked to be new on the function and argument they hit: sets (``argnums``,
``x`` of ``hvp``, ``domain``, ``draws``, ``mmap_threshold``), dicts (``xs`` of ``stack``,
``s`` of ``solve_vandermonde``, ``y`` of ``assert_same_distribution``, a model's parameter
dict for ``as_point``), generators (``xs``, ``scaled``, ``edges``, ``prob``,
``trim_threshold``, a ``fun`` returning one), bytes, None (``argnums``, a pullback's ``u``,
``n_steps``, ``labels``, ``n``, ``quick``), Decimals and Fractions (an exponent, a ``loc``, a
``rate``, ``eps``, ``v``, uniforms and draws of them, a count), timedelta64 and datetime64
arrays and scalars, complex scalars and arrays (``alpha``, ``Q``, a CDF's values, draws),
masked arrays with an entry masked (gradients' arguments, ``u``, draws, samples, weights),
NumPy and Python bools (``jacobian``'s ``argnum``, ``sum``'s ``axis``, ``alpha``, ``rng``,
``nrows``, uniforms and samples), 2**70 (``argnum``, ``order``, ``sample_size``), -inf, inf,
NaN and negatives where a positive finite number is meant, ``ddof`` equal to the count, a
repeated ``axis``, a negative size other than -1, 5-D and 0-D draws, a 2-D ``prob``; user
functions and ``Primitive`` rules that return strings, complex numbers, None, one number for
many points, a pair, a generator or bools, or raise (ArithmeticError, RuntimeError); a
``Primitive`` given a VJP for one of its two arguments; inconsistent pieces (lo above hi, a
negative mass), a bare rule where a list of rules is meant, two generators for one dimension;
and for the environment variable a quoted zero, a zero with a comment, a zero and a comma.
Read-only and non-contiguous arrays and float32 were not used as bad values.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` through the
nineteenth and ``tests/sweep_bad_inputs_meta_data.py``: 4,380 distinct ids read by a regex) were
compared with each draft by a token-overlap (Jaccard) search; each pair at 0.5 or more was read,
with a pattern grep by function and argument for every draft (the areas were already covered
densely). Of 397 cases drafted in two rounds (315, then 82 replacements searched the same way),
239 that repeated an earlier case's substance (same function, same argument, same kind of
value; a Fraction counted as the same kind as a Decimal where that was the earlier one) were
removed -- e.g. ``grad at a Decimal``, ``clip a_min above a_max``, ``norm ord 3``,
``check_grads order 0``, ``hvp x with inf`` (as ``hvp x with an inf``), ``jvp primals a bare
array`` (as ``jvp primals not a tuple``), ``grad argnums 0.0`` (as ``grad argnums 1.5``),
``from_density pdf negative``, ``metropolis n_steps 3``, ``discrete p bools`` (as ``discrete
bools``), ``ess_tail prob one number``, ``density student_t df 0``, ``style check_seed -1``,
``run_all out_dir an int``, ``keep_freed_memory trim_threshold -1`` and the environment value
'0.0' (as '1.0') -- and 3 were replaced before any run as not clearly bad: ``from_density pdf
returning bools`` (an indicator is an unnormalised density, and ``pdf`` "may be
unnormalised"), ``assert_cdf_matches alpha a Fraction`` (the kit's ``is_real`` lists Decimal
but not Fraction among what it refuses) and ``as_params point with NaN`` (a converter; the docs
say nothing either way). That left 155 written. Mentions: the argument's name as in the
signature (or the variable), with the value's repr where it is short; for a one-letter name
(``x``, ``u``, ``v``, ``s``, ``a``, ``p``, ``n``) the value, its type or its dtype as well.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 3)`` are kept (``_kept``): 92 of the 155. After the
first run a case could only be dropped (when documented valid) or corrected (when the case
itself was wrong), never added or swapped. None was dropped (``DROPPED`` is empty). Corrected:
``tanh of a list of strings`` (kept) expected the type name 'str', but the message shows the
value's repr, ``list ['0.5', '1']``, as the brief asks: the case now expects that repr;
``assert_cdf_matches alpha complex`` (written, not kept) likewise expected 'complex' and now
expects the repr ``(1e-06+1e-09j)``, which the message gives.

First run, at commit 7f706b7, as written: the 92 kept: 85 clear (92.4%), 5 unclear (5.4%), 2
silent (2.2%), 0 data loss; all 155 written: 143 clear (92.3%), 9 unclear (5.8%), 3 silent
(1.9%), 0 data loss. After the two corrections: the 92 kept: 86 clear (93.5%), 4 unclear
(4.3%), 2 silent (2.2%), 0 data loss; the 155 written (``--written``): 145 clear (93.5%), 7
unclear (4.5%), 3 silent (1.9%), 0 data loss. Below the goal of 95%. Kept, by area
(clear/unclear/silent/data loss): engine 19/1/1/0 of 21, gradcheck 5/1/0/0 of 6, samplers
24/1/1/0 of 26, diagnostics 13/0/0/0 of 13, testing kit 14/1/0/0 of 15, figures helpers
7/0/0/0 of 7, environment 4/0/0/0 of 4. Written, by area: engine 32/2/1/0 of 35, gradcheck
9/1/0/0 of 10, samplers 40/2/2/0 of 44, diagnostics 22/0/0/0 of 22, testing kit 24/1/0/0 of
25, figures helpers 12/0/0/0 of 12, environment 6/1/0/0 of 7.

Kept cases not clear, with what each gave at 7f706b7:

* silent: ``reshape to a size -2`` (``ad.reshape(np.ones(6), (-2, 3))`` returns a (2, 3)
  array: a negative size other than -1 is read as -1, as NumPy does); ``metropolis
  log_density returning bools`` (a boolean log-density is taken as 0 and 1 and the run
  finishes);
* unclear: ``grad through a Primitive with no VJP for its second argument`` (a bare
  IndexError, "tuple index out of range"; neither ``my_mul`` nor its missing VJP is named);
  ``hvp x a set`` (TypeError from ``tree_flatten`` naming "tree", not ``x``);
  ``PiecewiseInverse draw n -1`` (NumPy's "negative dimensions are not allowed", ``n`` and -1
  not named); ``assert_monotone ppf returning one number`` (an AssertionError, "ppf must return
  one value per u: got shape () for (9,)": ``ppf`` is named, but a non-vectorised ``ppf`` is
  reported as a failing sampler, where ``assert_inverts`` refuses a ``ppf`` returning a pair
  with a TypeError; the kit's docs do not say which a wrong shape is).

Written and not kept, also not clear: unclear ``a Primitive whose impl raises ArithmeticError``
(the user's bare ArithmeticError, the op not named), ``PiecewiseInverse draw rng None``
(AttributeError: 'NoneType' object has no attribute 'random'), ``keep_freed_memory
trim_threshold a timedelta`` (int()'s TypeError, ``trim_threshold`` not named); silent
``horner s with NaN`` (NaN out; ``solve_vandermonde`` documents that ``s`` must be finite,
``horner`` says nothing, and refuses NaN in ``a``). One kept case is clear by the classifier
only through its mentions: ``find_center a NaN`` gives "pdf: the density is zero everywhere it
was probed (0 points across the domain (nan, 1.0) ...)", which shows the NaN but blames the
pdf rather than ``a``. The misses sit in a user's ``Primitive`` rules and ``impl`` raising,
``PiecewiseInverse.draw``'s arguments, a boolean log-density, and ``reshape``'s and ``hvp``'s
argument checks. ``python tests/test_bad_inputs_twentyfirst.py`` prints the rates by area
(about 1.5 s, and as much with ``--written``; pytest about 3 s, 6 failures expected as
``NOT_CLEAR_YET`` is left empty for the lead). The battery's writer did not change the library.

Measured blind on main (rounds 13-14 in part: round 14's Chapter 2 changes did not touch these
areas), the same as at 7f706b7: 86 of the 92 kept clear (93.5%), 4 unclear, 2 silent, 0 data
loss; 145 of the 155 written. Round 14 (with sight of this file, so not blind): a Primitive's
missing or None VJP rule for an argument that is being differentiated is named; a user
Primitive's ``impl`` that raises is named; ``hvp`` names ``x``; ``PiecewiseInverse.draw``
checks ``n`` and ``rng``; ``metropolis`` refuses a Boolean log-density; the testing kit's
``ppf`` that is not vectorised is a ValueError (a broken contract), not an AssertionError (a
failed property); ``keep_freed_memory`` refuses a timedelta; ``horner`` refuses a NaN ``s``.
Left, with its reason in ``NOT_CLEAR_YET``: ``reshape`` to a size of -2, valid as the tenth
battery ruled. After round 14: 91 of the 92 kept clear (98.9%), 154 of the 155 written.
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
from scratchmeta.figures import fig22_1
from scratchmeta.figures import sampling_metropolis_walk as fig_walk
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, cauchy, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, laplace, logistic,
                                  mcse_mean, mcse_sd, metropolis_transition_matrix, pareto,
                                  rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7
from scratchmeta.sampling.interpolation import Pieces, PiecewiseInverse, horner, solve_vandermonde
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate_many
from scratchmeta.sampling.step_size import acceptance_limit, fixed_step_chains
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fourteenth import _cx, _dt, _ma, _td
from test_bad_inputs_fifteenth import _decimals, _draws15, _gen, _raising
from test_bad_inputs_seventeenth import (_discrete, _fractions, _normal_pdf, _samples, _sweep,
                                         _uniform_grid, _vand)
from test_bad_inputs_nineteenth import _needs_two

VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
BIG = 2 ** 70


# --- objects the cases use -------------------------------------------------------------------

def _prim_sum(name, *vjps, impl=np.sin):
    """sum(p(x)) for a user's Primitive p named ``name`` (its rules as given)."""
    op = ad.Primitive(name, impl, *vjps)
    return lambda x: ad.sum(op(x))


def _cos_vjp(g, ans, x):
    return ad.mul(g, ad.cos(x))


def _pullback(u):
    """The pullback of x -> 2x at X3, called with the cotangent ``u``."""
    return ad.vjp(lambda x: ad.mul(x, 2.0), X3)[1](u)


def _one_arg_rule_mul():
    """x * x through a two-argument Primitive given a VJP for its first argument only."""
    op = ad.Primitive("my_mul", np.multiply, lambda g, ans, x, y: ad.mul(g, y))
    return lambda x: ad.sum(op(x, x))


def _ppf_sampler():
    return ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf)


def _pieces(**change):
    fields = {"lo": np.zeros(2), "hi": np.ones(2), "mass": np.array([0.5, 0.5]),
              "alpha": np.zeros((2, 5)), "u_error_estimate": 0.0, "worst_x": 0.0, **change}
    return Pieces(**fields)


def _edges():
    return np.linspace(-1.0, 1.0, 5)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad argnums a set", lambda d: ad.grad(_square, argnums={0})(X3), ["argnums"]),
    ("grad argnums None", lambda d: ad.grad(_square, argnums=None)(X3), ["argnums", "None"]),
    ("grad at a masked array", lambda d: ad.grad(_square)(_ma(X3, 1)), ["mask"]),
    ("grad at a dict holding a string leaf", lambda d: ad.grad(
        lambda p: ad.sum(p["w"]))({"w": X3, "name": "net"}), ["str"]),
    ("vjp pullback u None", lambda d: _pullback(None), ["None"]),
    ("jacobian argnum True", lambda d: ad.jacobian(_square, argnum=True)(X3),
     ["argnum", "True"]),
    ("hessian argnum 2**70", lambda d: ad.hessian(_square, argnum=BIG)(X3), ["argnum"]),
    ("hessian at a timedelta array", lambda d: ad.hessian(_square)(_td(3)), ["timedelta64"]),
    ("trace at complex arguments", lambda d: ad.trace(_square, _cx(X3)), ["complex"]),
    ("power exponent a Fraction", lambda d: ad.power(X3, Fraction(1, 2)), ["Fraction"]),
    ("var ddof a string", lambda d: ad.var(X3, ddof="1"), ["ddof", "'1'"]),
    ("var ddof equal to the count", lambda d: ad.var(X3, ddof=3), ["ddof", "3"]),
    ("reshape to a size -2", lambda d: ad.reshape(np.ones(6), (-2, 3)), ["-2"]),
    ("concatenate xs a generator", lambda d: ad.concatenate(_gen(X3)), ["xs"]),
    ("stack xs a dict", lambda d: ad.stack({"a": X3, "b": X3}), ["xs", "dict"]),
    ("einsum subscripts a list", lambda d: ad.einsum(["ij", "jk"], np.eye(2), np.eye(2)),
     ["subscripts"]),
    ("norm ord -inf", lambda d: ad.norm(X3, ord=-np.inf), ["ord", "-inf"]),
    ("logsumexp axis repeated", lambda d: ad.logsumexp(np.ones((2, 3)), axis=(0, 0)),
     ["axis"]),
    ("a Primitive whose impl returns strings", lambda d: ad.Primitive(
        "my_op", lambda x: np.asarray(x).astype(str))(X3), ["my_op"]),
    ("a Primitive whose impl returns complex", lambda d: ad.Primitive(
        "my_op", lambda x: np.asarray(x) + 1j)(X3), ["my_op"]),
    ("grad through a Primitive with no VJP for its second argument", lambda d: ad.grad(
        _one_arg_rule_mul())(X3), ["my_mul"]),
    ("grad through a Primitive whose vjp returns None", lambda d: ad.grad(
        _prim_sum("my_op", lambda g, ans, x: None))(X3), ["my_op"]),
    ("grad through a Primitive whose vjp returns a string", lambda d: ad.grad(
        _prim_sum("my_op", lambda g, ans, x: "g"))(X3), ["my_op"]),
    ("a Primitive whose impl raises ArithmeticError", lambda d: ad.Primitive(
        "my_op", _raising(ArithmeticError), _cos_vjp)(X3), ["my_op", "ArithmeticError"]),
    ("shape of a dict", lambda d: ad.shape({"a": 1.0}), ["dict"]),
    ("stop_gradient of bytes", lambda d: ad.stop_gradient(b"123"), ["bytes"]),
    ("sum axis True", lambda d: ad.sum(np.ones((2, 3)), axis=True), ["axis", "True"]),
    ("sigmoid of a Decimal", lambda d: ad.sigmoid(Decimal("0.5")), ["Decimal"]),
    ("sqrt of datetimes", lambda d: ad.sqrt(_dt(3)), ["datetime64"]),
    ("tanh of a list of strings", lambda d: ad.tanh(["0.5", "1"]), ["['0.5', '1']"]),
    ("abs of an object array holding None", lambda d: ad.abs(
        np.array([1.0, None], dtype=object)), ["object"]),
    ("relu of a generator", lambda d: ad.relu(_gen(X3)), ["generator"]),
    ("sub of a set", lambda d: ad.sub(X3, {1.0}), ["set"]),
    ("log1p of a Fraction", lambda d: ad.log1p(Fraction(1, 2)), ["Fraction"]),
    ("div of a masked array", lambda d: ad.div(_ma(X3, 2), 2.0), ["mask"]),
]

GRADCHECK_CASES = [
    ("check_grads eps a Fraction", lambda d: check_grads(
        _square, (X3,), eps=Fraction(1, 10 ** 6)), ["eps", "Fraction"]),
    ("check_grads order 2**70", lambda d: check_grads(_square, (X3,), order=BIG), ["order"]),
    ("check_grads rng True", lambda d: check_grads(_square, (X3,), rng=True),
     ["rng", "True"]),
    ("check_grads atol a string", lambda d: check_grads(_square, (X3,), atol="1e-6"),
     ["atol", "'1e-6'"]),
    ("check_grads fun returning a generator", lambda d: check_grads(
        lambda x: (v for v in [ad.sum(x)]), (X3,)), ["fun"]),
    ("hvp x a set", lambda d: hvp(_square, {1.0, 2.0}, 1.0), ["x", "set"]),
    ("hvp x masked", lambda d: hvp(_square, _ma(X3, 1), X3), ["x", "mask"]),
    ("hvp v a Fraction", lambda d: hvp(lambda x: x * x * x, 0.5, Fraction(1, 2)),
     ["v", "Fraction"]),
    ("hvp fun needing two arguments", lambda d: hvp(_needs_two, X3, X3), ["fun"]),
    ("hvp fun returning a generator", lambda d: hvp(
        lambda x: (v for v in [ad.sum(x)]), X3, X3), ["fun"]),
]

SAMPLER_CASES = [
    ("discrete from_uniforms u datetimes", lambda d: _discrete().from_uniforms(_dt(2)),
     ["u", "datetime64"]),
    ("from_ppf ppf returning one number", lambda d: ContinuousInverseCDF.from_ppf(
        lambda u: 0.0), ["ppf"]),
    ("u_error sample_size 2**70", lambda d: _ppf_sampler().u_error(BIG), ["sample_size"]),
    ("continuous sample size a string", lambda d: _ppf_sampler().sample("10", _rng()),
     ["size"]),
    ("continuous sample rng a seed", lambda d: _ppf_sampler().sample(10, 0), ["rng"]),
    ("logistic loc complex", lambda d: logistic(loc=1 + 1j), ["loc"]),
    ("laplace loc a Decimal", lambda d: laplace(loc=Decimal("0.5")), ["loc", "Decimal"]),
    ("weibull shape a timedelta", lambda d: weibull(np.timedelta64(2, "s")), ["shape"]),
    ("pareto alpha -1", lambda d: pareto(-1.0), ["alpha", "-1"]),
    ("pareto alpha True", lambda d: pareto(True), ["alpha", "True"]),
    ("transition matrix Q of three states for two", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], np.full((3, 3), 1 / 3)), ["Q"]),
    ("integrate_many a rule with lo above hi", lambda d: integrate_many(
        np.sin, [(1.0, 0.0, 4)]), ["rules[0]"]),
    ("integrate_many rules one bare rule", lambda d: integrate_many(np.sin, (0.0, 1.0, 4)),
     ["rules"]),
    ("density_values pdf returning one number", lambda d: density_values(
        lambda x: 1.0, X3), ["pdf"]),
    ("density_values pdf returning complex", lambda d: density_values(
        lambda x: np.asarray(x) + 1j, X3), ["pdf"]),
    ("horner a None", lambda d: horner(None, np.full(2, 0.5)), ["a", "None"]),
    ("PiecewiseInverse pieces with a negative mass", lambda d: PiecewiseInverse(
        _pieces(mass=np.array([0.5, -0.5]))), ["pieces"]),
    ("PiecewiseInverse draw n -1", lambda d: PiecewiseInverse(_pieces()).draw(-1, _rng()),
     ["n", "-1"]),
    ("PiecewiseInverse draw rng None", lambda d: PiecewiseInverse(_pieces()).draw(10, None),
     ["rng"]),
    ("find_center a NaN", lambda d: find_center(_normal_pdf, np.nan, 1.0), ["a", "nan"]),
    ("explore center outside (a, b)", lambda d: explore(
        _normal_pdf, _normal_pdf, -1.0, 1.0, center=3.0), ["center"]),
    ("fixed_step_chains steps 3.5", lambda d: fixed_step_chains(
        1, np.array([1.0]), 2, 3.5, _rng()), ["steps", "3.5"]),
    ("step_size_sweep two rngs for one dims", lambda d: _sweep(rngs=[_rng(), _rng()]),
     ["rngs"]),
    ("discrete ppf u masked", lambda d: _discrete().ppf(_ma([0.2, 0.5], 1)), ["u", "mask"]),
    ("discrete from_uniforms_guided u bools", lambda d: _discrete().from_uniforms_guided(
        np.array([True, False])), ["u", "bool"]),
    ("discrete piece_of u of Decimals", lambda d: _discrete().piece_of(
        _decimals([0.2, 0.5])), ["u", "object"]),
    ("cauchy loc a Fraction", lambda d: cauchy(loc=Fraction(1, 2)), ["loc", "Fraction"]),
    ("exponential rate a Fraction", lambda d: exponential(rate=Fraction(1, 2)),
     ["rate", "Fraction"]),
    ("pareto scale -inf", lambda d: pareto(2.0, scale=-np.inf), ["scale", "-inf"]),
    ("from_density pdf returning None", lambda d: ContinuousInverseCDF.from_density(
        lambda x: None, (-3.0, 3.0)), ["pdf"]),
    ("from_density domain a set", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, {-3.0, 3.0}), ["domain", "set"]),
    ("metropolis n_steps None", lambda d: _metropolis(n_steps=None), ["n_steps", "None"]),
    ("metropolis log_density returning bools", lambda d: _metropolis(
        log_density=lambda x: np.ones(len(x), dtype=bool)), ["log_density"]),
    ("transition matrix Q complex", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], _cx([[0.5, 0.5], [0.5, 0.5]])), ["Q", "complex"]),
    ("integrate_many f None", lambda d: integrate_many(None, [(0.0, 1.0, 4)]),
     ["f", "None"]),
    ("density_values x datetimes", lambda d: density_values(_normal_pdf, _dt(3)),
     ["x", "datetime64"]),
    ("horner s with NaN", lambda d: horner(np.ones((5, 2)), np.array([0.5, np.nan])),
     ["s", "NaN"]),
    ("solve_vandermonde s a dict", lambda d: solve_vandermonde({"s": 1.0}, _vand()[1]),
     ["s", "dict"]),
    ("PiecewiseInverse pieces with lo above hi", lambda d: PiecewiseInverse(
        _pieces(lo=np.array([0.0, 2.0]))), ["pieces"]),
    ("acceptance_limit scaled a generator", lambda d: acceptance_limit(_gen([1.0, 2.0])),
     ["scaled", "generator"]),
    ("fixed_step_chains scaled with a 0", lambda d: fixed_step_chains(
        1, np.array([0.0, 1.0]), 2, 10, _rng()), ["scaled"]),
    ("bin_masses cdf returning one number", lambda d: bin_masses(_edges(), lambda x: 0.5),
     ["cdf"]),
    ("bin_masses edges a generator", lambda d: bin_masses(_gen(_edges()), stats.norm.cdf),
     ["edges"]),
    ("total_variation cdf raising", lambda d: total_variation(
        _samples(), _edges(), _raising(RuntimeError)), ["cdf", "RuntimeError"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws datetimes", lambda d: split_rhat(_dt((4, 10))),
     ["draws", "datetime64"]),
    ("ess_bulk draws 0-D", lambda d: ess_bulk(np.float64(1.0)), ["draws"]),
    ("ess_tail prob a generator", lambda d: ess_tail(_draws15(), prob=_gen([0.05, 0.95])),
     ["prob"]),
    ("ess_mean draws complex", lambda d: ess_mean(_cx(_draws15())), ["draws", "complex"]),
    ("ess_mean draws None", lambda d: ess_mean(None), ["draws", "None"]),
    ("mcse_sd draws of Decimals", lambda d: mcse_sd(_decimals(_draws15())), ["draws"]),
    ("rank_normalize draws masked", lambda d: rank_normalize(_ma(_draws15(), 3)),
     ["draws", "mask"]),
    ("rank_normalize draws 5-D", lambda d: rank_normalize(np.ones((2, 8, 1, 1, 1))),
     ["draws"]),
    ("diagnose draws complex", lambda d: diagnose(_cx(_draws15())), ["draws", "complex"]),
    ("ess_tail draws timedeltas", lambda d: ess_tail(_td((4, 10))),
     ["draws", "timedelta64"]),
    ("ess_tail draws masked", lambda d: ess_tail(_ma(_draws15(), 4)), ["draws", "mask"]),
    ("ess_tail prob a 2-D array", lambda d: ess_tail(
        _draws15(), prob=np.array([[0.05, 0.95]])), ["prob"]),
    ("normal_scores x masked", lambda d: normal_scores(_ma(X3, 0)), ["x", "mask"]),
    ("normal_scores x of Fractions", lambda d: normal_scores(_fractions([0.5, 0.25, 1.0])),
     ["x", "object"]),
    ("quantile_type7 x complex", lambda d: quantile_type7(_cx(np.arange(5.0)), 0.5),
     ["x", "complex"]),
    ("quantile_type7 prob True", lambda d: quantile_type7(np.arange(10.0), True),
     ["prob", "True"]),
    ("quantile_type7 x None", lambda d: quantile_type7(None, 0.5), ["x", "None"]),
    ("rank_normalize draws None", lambda d: rank_normalize(None), ["draws", "None"]),
    ("split_rhat draws a dict", lambda d: split_rhat({"a": _draws15()}), ["draws", "dict"]),
    ("ess_bulk draws a set", lambda d: ess_bulk({0.1, 0.2}), ["draws", "set"]),
    ("mcse_mean draws complex", lambda d: mcse_mean(_cx(_draws15())), ["draws", "complex"]),
    ("diagnose draws masked", lambda d: diagnose(_ma(_draws15(), 6)), ["draws", "mask"]),
]

TESTING_CASES = [
    ("assert_monotone u masked", lambda d: testing.assert_monotone(
        stats.norm.ppf, _ma(_uniform_grid(), 2)), ["u", "mask"]),
    ("assert_inverts ppf returning a pair", lambda d: testing.assert_inverts(
        lambda u: (stats.norm.ppf(u), 0), stats.norm.cdf, _uniform_grid(), 1e-10), ["ppf"]),
    ("assert_cdf_matches cdf None", lambda d: testing.assert_cdf_matches(_samples(), None),
     ["cdf", "None"]),
    ("assert_labels_match p a string", lambda d: testing.assert_labels_match(
        [0, 1], "0.5 0.5"), ["p", "str"]),
    ("assert_same_distribution y a dict", lambda d: testing.assert_same_distribution(
        _samples(), {"y": _samples()}), ["y", "dict"]),
    ("draws_needed beta 0", lambda d: testing.draws_needed(0.1, beta=0.0), ["beta", "0"]),
    ("draws_needed samples 3", lambda d: testing.draws_needed(0.1, samples=3),
     ["samples", "3"]),
    ("density laplace loc inf", lambda d: densities.laplace(loc=np.inf), ["loc", "inf"]),
    ("assert_monotone u of Fractions", lambda d: testing.assert_monotone(
        stats.norm.ppf, _fractions(_uniform_grid())), ["u", "object"]),
    ("assert_monotone ppf returning one number", lambda d: testing.assert_monotone(
        lambda u: 0.5, _uniform_grid()), ["ppf"]),
    ("assert_inverts u masked", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, _ma(_uniform_grid(), 3), 1e-10), ["u", "mask"]),
    ("assert_inverts cdf returning complex", lambda d: testing.assert_inverts(
        stats.norm.ppf, lambda x: stats.norm.cdf(x) + 1e-3j, _uniform_grid(), 1e-10),
     ["cdf", "complex"]),
    ("assert_cdf_matches samples masked", lambda d: testing.assert_cdf_matches(
        _ma(_samples(), 4), stats.norm.cdf), ["samples", "mask"]),
    ("assert_cdf_matches alpha complex", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.cdf, alpha=complex(1e-6, 1e-9)), ["alpha", "(1e-06+1e-09j)"]),
    ("assert_labels_match labels None", lambda d: testing.assert_labels_match(
        None, [0.5, 0.5]), ["labels", "None"]),
    ("assert_labels_match alpha inf", lambda d: testing.assert_labels_match(
        [0, 1, 1], [0.5, 0.5], alpha=np.inf), ["alpha", "inf"]),
    ("assert_same_distribution x bools", lambda d: testing.assert_same_distribution(
        _samples() > 0, _samples()), ["x", "bool"]),
    ("draws_needed alpha 1.5", lambda d: testing.draws_needed(0.1, alpha=1.5),
     ["alpha", "1.5"]),
    ("dkw_epsilon n None", lambda d: testing.dkw_epsilon(None), ["n", "None"]),
    ("ks_distance samples None", lambda d: testing.ks_distance(None, stats.norm.cdf),
     ["samples", "None"]),
    ("two_sample_distance y masked", lambda d: testing.two_sample_distance(
        _samples(), _ma(_samples(), 2)), ["y", "mask"]),
    ("chi_square_pvalue counts timedeltas", lambda d: testing.chi_square_pvalue(
        _td(2), [0.5, 0.5]), ["counts", "timedelta64"]),
    ("density beta a a string", lambda d: densities.beta("2", 2.0), ["a", "'2'"]),
    ("density student_t scale negative", lambda d: densities.student_t(3.0, scale=-1.0),
     ["scale", "-1"]),
    ("density normal_mixture weights masked", lambda d: densities.normal_mixture(
        _ma([0.5, 0.5], 1), [0.0, 1.0], [1.0, 1.0]), ["weights", "mask"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style subplots ncols 101", lambda d: style.subplots(1, 101), ["ncols", "101"]),
    ("tasks_made_worse per_task with NaN", lambda d: fig_compare.tasks_made_worse(
        np.array([[1.0, np.nan], [1.0, 0.5]]), 1), ["per_task"]),
    ("style check_count a Decimal", lambda d: style.check_count("n_tasks", Decimal(3)),
     ["n_tasks", "Decimal"]),
    ("style check_settings cfg missing a key", lambda d: style.check_settings(
        {"seed": 0}, {"seed": 0, "n_tasks": 3}), ["cfg", "n_tasks"]),
    ("style check_record value None", lambda d: style.check_record(
        "results", None, ("loss",)), ["results", "None"]),
    ("style check_positive_numbers a NaN", lambda d: style.check_positive_numbers(
        "size", (np.nan, 2.0), 2, "(width, height)"), ["size", "nan"]),
    ("style subplots size with inf", lambda d: style.subplots(size=(4.0, np.inf)),
     ["size", "inf"]),
    ("style subplots nrows True", lambda d: style.subplots(True, 1), ["nrows", "True"]),
    ("check_flag None", lambda d: figures.check_flag(None, "make", "quick"),
     ["quick", "None"]),
    ("tasks_made_worse n_steps 1.0", lambda d: fig_compare.tasks_made_worse(
        np.ones((3, 4)), 1.0), ["n_steps", "1.0"]),
    ("as_point params a dict", lambda d: fig22_1.as_point({"W": np.ones((1, 1)),
                                                           "b": np.ones(1)}), ["params"]),
    ("mixture_log_density x a string", lambda d: fig_walk.mixture_log_density("0.5"),
     ["x", "str"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a set", lambda d: memory.keep_freed_memory(
        mmap_threshold={1}), ["mmap_threshold", "set"], None),
    ("keep_freed_memory trim_threshold a timedelta", lambda d: memory.keep_freed_memory(
        trim_threshold=np.timedelta64(1, "s")), ["trim_threshold"], None),
    ("keep_freed_memory trim_threshold inf", lambda d: memory.keep_freed_memory(
        trim_threshold=np.inf), ["trim_threshold", "inf"], None),
    ("keep_freed_memory trim_threshold a generator", lambda d: memory.keep_freed_memory(
        trim_threshold=_gen([1])), ["trim_threshold"], None),
    ("opt-out value a quoted zero", lambda d: memory.opt_out_value(), [VAR],
     {VAR: "'0'"}),
    ("unless_opted_out a zero with a comment", lambda d:
     memory.keep_freed_memory_unless_opted_out(), [VAR], {VAR: "0 # off"}),
    ("opt-out value a zero and a comma", lambda d: memory.opt_out_value(), [VAR, "0,"],
     {VAR: "0,"}),
]

WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "environment": MEMORY_CASES}

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
NOT_CLEAR_YET = {}      # 'reshape to a size -2', once ruled NumPy's rule: refused in round 76
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_twentyfirst_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 60)


def main():
    """``python tests/test_bad_inputs_twentyfirst.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
