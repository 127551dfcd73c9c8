"""A thirty-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 442e664, from the user's side
only: the README (its opening); ``__all__`` (or the public names) and the signatures of
``scratchmeta.autodiff``, ``gradcheck``, ``sampling`` and its modules (``diagnostics``,
``finite_chain``, ``interpolation``, ``mixing``, ``quadrature``, ``step_size``, ``tails``),
``testing``, ``testing.densities``, ``memory`` and ``figures.style``; after the first run (to
judge the misses only) the docstrings of ``tree_flatten``, ``norm``,
``ContinuousInverseCDF.from_density``, ``density_values``, ``ks_distance`` and
``assert_inverts``; and the earlier batteries' ids, layout and shared helpers (imported, not
copied). Not read: the body of any validation code (``checks.py``, ``_checks.py``,
``check_*``, ``protocol.py``), the library's source, its history, anything of /work/main. No
``__main__`` module was imported. Every case writes only inside its folder.

Areas (library side only; the command line, Chapter 2, strategies, checkpoints, nn/optim, task
families and Omniglot are another writer's), as written: the autodiff engine (22), gradcheck
(8), samplers -- inverse CDFs, the named distributions, Metropolis and its transition matrix,
quadrature, tails, mixing, step size, integrate_many (34), diagnostics (10), the testing kit
with its densities (17), the figures helpers in ``figures.style`` (10), the ``memory``
functions and ``SCRATCHMETA_KEEP_FREED_MEMORY`` (7): 108.

Kinds of bad value, chosen for what no earlier id names (none says SimpleNamespace, dataclass,
async or coroutine, slice, deque, Counter or default_rng; ``returning booleans`` had been tried
only on other functions): a ``types.SimpleNamespace`` where an array, a number, a tree, a pair,
a mapping or an Axes is meant (exp, grad's argument, vjp's output, concatenate xs, jvp
primals, where cond, check_grads args/fun's output/rng, hvp v, discrete ppf u, from_density
domain, laplace loc, metropolis x0/target_acceptance, transition matrix p and Q, integrate lo,
pooled_total_variation edges, step_size_sweep dims, integrate_many rules, density_values x,
ess_bulk/ess_mean/diagnose draws, ess_tail prob, assert_monotone u, assert_cdf_matches
samples, assert_labels_match labels, dkw_epsilon alpha, two_sample_distance x, densities
normal_mixture locs, triangular mode, uniform lo, style save fig, check_axes, check_settings,
subplots size, check_record, mmap_threshold); a user's dataclass (jacobian's argument,
mcse_mean draws); an ``async def`` function where a function is meant -- calling it gives a
coroutine, not a value (Primitive impl, trace, value_and_grad, jvp, check_grads and hvp fun,
grid_inverse_cdf/explore/find_center pdf, from_ppf ppf, metropolis log_density, integrate f,
walks cdf, assert_monotone/assert_inverts ppf, assert_cdf_matches cdf); a function whose answer
is booleans (``f(x) > 0.1``) where densities or CDF values are meant (from_density and
density_values pdf, total_variation, assert_inverts and ks_distance cdf) and one returning a
deque (hessian, hvp); ``np.random.default_rng`` itself, not called, where a generator is
meant (check_grads, discrete sample and rvs random_state, metropolis, noise_floor, walks and
step_size_sweep rngs, style check_seed); a ``slice`` where an axis, an index list, a count or
a number is meant (sum, transpose, squeeze, logsumexp axis/axes, grad argnums, var ddof,
continuous sample size, weibull shape, noise_floor n, ess_tail prob, densities beta b,
trim_threshold); ``np.True_`` where a number is meant (norm ord, stack axis, weibull scale,
draws_needed beta, student_t df, check_count); a deque (grad argnums); a Counter (cauchy loc,
check_numbers); ``np.float16(2)`` where a count is meant (fixed_step_chains chains, subplots
ncols); the live traced Tensor handed to a NumPy-only function inside ``grad`` (split_rhat,
mcse_sd, rank_normalize, normal_scores, two_sample_distance y); a dangling symlink for
``style.save``'s out_dir; a str subclass for trim_threshold; the environment variable '0j',
'nil', '0.' and 'nope'.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 6,579 ids by a regex at the start of each case tuple) were
compared with every draft by token overlap (Jaccard, a few filler words left out); each pair at
0.45 or more was listed, every pair at 0.6 or more was read, and the earlier ids on the same
function and argument were grepped. Of 143 drafted (113, then 30 more after the first
removals), 35 were removed as repeats of an earlier case's substance: a float16 that
underflowed to 0 where a zero had been tried (``check_grads eps``, ``from_density
u_resolution``, ``metropolis step_size``, ``logistic scale`` (float32 0), ``assert_same_
distribution alpha``), a float16 overflowed to inf where inf or a point outside was tried
(``grid_inverse_cdf lo``, ``ess_mean draws``, ``find_center center``), a float16 where a
float64 or whole float was tried (``mean axis``, ``hessian argnum``, ``getitem`` index,
``check_grads order``, ``discrete sample size``, ``optimal_acceptance dim``, ``metropolis
n_warmup``, ``smallest_detectable samples``, ``chi_square_power n``), ``np.True_`` where
``True`` was tried (``jacobian argnum``, ``expand_dims axis``, ``check_grads atol``,
``quantile_type7 prob``, ``trim_threshold`` (exactly)), a Counter where a dict was tried
(``hvp x``, ``stop_gradient``, ``DiscreteInverseCDF p``, ``density steps heights``), a deque
where a list was tried (``exponential rate``, ``pareto alpha``, ``einsum subscripts``,
``mmap_threshold``), ``mmap_threshold a uint64 max`` (exactly), ``split_rhat draws transposed``
(after ``... three draws a chain``), the Arabic-Indic zero (after a Thai zero), a slashed O
(after the letter O), and ``chi_square_pvalue p a deque`` (its length was the fault, tried).
Kept although a pair reached 0.6, as another kind on that argument: the ``... returning
booleans``, ``... returning a deque``/``a SimpleNamespace`` cases (earlier: text, NaN, tuples,
dicts on those functions), ``style save out_dir a dangling symlink`` (earlier: a symlink loop),
``style subplots ncols a float16`` (earlier: 2.5, a fraction), ``trim_threshold a str
subclass`` (earlier: on mmap_threshold), ``opt-out value 'nope'``. Redrafted before any run
(each had a second fault): ``rank_normalize draws`` (a deque of ragged chains, now the live
Tensor), ``assert_labels_match labels`` (a deque holding a label out of range, now a
SimpleNamespace), ``style check_numbers x`` (a deque of strings, now a Counter) and ``density
steps edges`` (a deque of strings; redrafted as heights a Counter, then removed as a repeat).
108 written. Mentions: the argument's name as in the signature and the value's repr where
short, else the type's name (``deque``, ``Counter``, ``Holder``, ``slice``, ``float16``,
``coroutine``, ``default_rng``, ``Tensor``, ``bool``), for ``np.True_`` "True".

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (3, 4)`` were kept (``_kept``): 69 of the 108.
After the first run a case could only be dropped or corrected, never added or swapped.

Dropped (``DROPPED``, 1, not kept): ``tree_flatten of a tree holding a SimpleNamespace`` --
its docstring makes anything but a list, tuple, namedtuple or dict one leaf (a set only
excepted). Corrected after the first run, in every SimpleNamespace case alike: the mention
"SimpleNamespace" became ``NS`` = "amespace", which matches the type's name or its repr
``namespace(...)``; four messages named the value by that repr (``grad`` "argument 0 ... got
namespace(w=array(...))", ``hvp`` v, ``dkw_epsilon`` alpha, ``style.subplots`` size) and had been
counted unclear for the mention alone.

First run at 442e664 (about 1.3 s as a script, 2 s under pytest), before the correction and
the drop: kept, 65 of 69 clear (94.2%), 3 unclear, 1 silent; written, 98 of 108 clear (90.7%),
5 unclear, 5 silent, 0 data loss. After them: kept, 67 of 69 clear (97.1%), 1 unclear (1.4%),
1 silent (1.4%), 0 data loss -- engine 14/14, gradcheck 6/6, samplers 20/21, diagnostics 6/6,
testing kit 10/11, figures 6/6, environment 5/5. Written, 102 of 107 clear (95.3%), 1 unclear
(0.9%), 4 silent (3.7%), 0 data loss -- engine 20/21, gradcheck 8/8, samplers 32/34,
diagnostics 10/10, testing kit 15/17, figures 10/10, environment 7/7. Every SimpleNamespace,
dataclass, async function, slice, default_rng, deque, Counter, float16, live-Tensor and
environment case was clear; the misses are functions answering booleans, and ``np.True_``
taken as an ord.

Not clear, kept:
- ``density_values pdf returning booleans`` (a function answering booleans): silent -- the
  booleans come back as 0.0/1.0 densities (its docstring: "pdf(x) as float64").
- ``assert_inverts cdf returning booleans``: AssertionError "F(Q(u)) differs from u by 0.9 at u
  = 0.1 ...; the stated u-resolution is 1e-10" -- blames the sampler, not the cdf (the
  docstring makes a cdf returning NaN or inf a ValueError: "a bad cdf, not a failing sampler").
Not clear, written and not kept: silent -- ``norm ord a numpy bool`` (``np.True_`` taken as
ord 1; the docstring lists None, 2, 'fro', 1, np.inf), ``from_density pdf returning booleans``
(a sampler comes back, built from the 0/1 values), ``ks_distance cdf returning booleans`` (a
distance comes back).

Measured on main at 2ad4a7d (442e664 plus a refactoring with no change of behaviour): the
same, kept 67 of 69 clear (97.1%), 1 unclear, 1 silent, 0 data loss; written, 102 of 107.
(Before the writer's correction of the SimpleNamespace mentions, kept 65 of 69.) Round 23,
with sight of this file (not blind): a pdf, cdf or ppf that returns booleans is refused by
the samplers and the testing kit, with the indicator spelled out (``mask.astype(float)``),
as the kit and Chapter 2 already refused boolean inputs; ``norm``'s ``ord`` refuses a bool.
After it: all 69 kept and all 107 written clear.
"""

import dataclasses
import types
from collections import Counter, deque

import numpy as np
import pytest

pytestmark = pytest.mark.filterwarnings("ignore:coroutine .* was never awaited")
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, cauchy, diagnose, ess_bulk, ess_mean,
                                  ess_tail, grid_inverse_cdf, laplace, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, rank_normalize, split_rhat,
                                  weibull)
from scratchmeta.sampling.diagnostics import normal_scores
from scratchmeta.sampling.mixing import pooled_total_variation, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate, integrate_many
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
from test_bad_inputs_thirtyfifth import Text, _figure

VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"

F16_TWO = np.float16(2)         # a whole number, but a half-precision float (from a float16 array)
NP_TRUE = np.True_
UNCALLED = np.random.default_rng        # the generator's maker, not a generator
# a SimpleNamespace named by its type ("SimpleNamespace") or by its repr ("namespace(...)")
NS = "amespace"


@dataclasses.dataclass
class Holder:
    """A user's dataclass of parameters (not a dict, list or tuple)."""
    w: np.ndarray


def _ns(**kw):
    return types.SimpleNamespace(**kw)


async def _async_square(x):
    """An async function: calling it gives a coroutine, not a value."""
    return _square(x)


async def _async_pdf(x):
    return _normal_pdf(x)


async def _async_log_density(x):
    return -0.5 * np.sum(np.asarray(x) ** 2, axis=-1)


def _bools(f):
    """``f``, but its answer is booleans (``f(x) > 0.1``), not numbers."""
    return lambda x: np.asarray(f(x)) > 0.1


def _in_grad(f, at):
    """``f`` called on the live traced Tensor inside ``grad`` (a NumPy-only function
    differentiated by mistake)."""
    return ad.grad(lambda x: ad.sum(x) + f(x))(at)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("exp of a SimpleNamespace", lambda d: ad.exp(_ns(x=X3)), [NS]),
    ("grad at a SimpleNamespace of arrays", lambda d: ad.grad(
        lambda p: ad.sum(p.w * p.w))(_ns(w=X3)), [NS]),
    ("jacobian at a dataclass holding an array", lambda d: ad.jacobian(
        lambda p: p.w * 2.0)(Holder(X3)), ["Holder"]),
    ("sum axis a slice", lambda d: ad.sum(X3, axis=slice(None)), ["axis", "slice"]),
    ("tree_flatten of a tree holding a SimpleNamespace", lambda d: ad.tree_flatten(
        [X3, _ns(w=X3)]), ["tree", NS]),
    ("Primitive impl an async function", lambda d: ad.Primitive(
        "p_async", _async_square, lambda g, ans, x: g)(X3), ["impl", "coroutine"]),
    ("trace of an async fun", lambda d: ad.trace(_async_square, X3), ["fun", "coroutine"]),
    ("vjp of a fun returning a SimpleNamespace", lambda d: ad.vjp(
        lambda x: _ns(y=x), X3), [NS]),
    ("norm ord a numpy bool", lambda d: ad.norm(X3, ord=NP_TRUE), ["ord", "True"]),
    ("grad argnums a deque", lambda d: ad.grad(_square, argnums=deque([0]))(X3),
     ["argnums", "deque"]),
    ("value_and_grad of an async fun", lambda d: ad.value_and_grad(_async_square)(X3),
     ["fun", "coroutine"]),
    ("var ddof a slice", lambda d: ad.var(X3, ddof=slice(1)), ["ddof", "slice"]),
    ("concatenate xs a SimpleNamespace", lambda d: ad.concatenate(_ns(a=X3, b=X3)),
     ["xs", NS]),
    ("stack axis a numpy bool", lambda d: ad.stack([X3, X3], axis=NP_TRUE), ["axis", "True"]),
    ("jvp primals a SimpleNamespace", lambda d: ad.jvp(
        lambda x: x * 2.0, _ns(x=X3), (X3,)), ["primals", NS]),
    ("jvp of an async fun", lambda d: ad.jvp(_async_square, (X3,), (X3,)),
     ["fun", "coroutine"]),
    ("hessian of a fun returning a deque", lambda d: ad.hessian(
        lambda x: deque([_square(x)]))(X3), ["deque"]),
    ("grad argnums a slice", lambda d: ad.grad(_square, argnums=slice(0, 1))(X3),
     ["argnums", "slice"]),
    ("transpose axes a slice", lambda d: ad.transpose(np.ones((2, 3)), axes=slice(None)),
     ["axes", "slice"]),
    ("squeeze axis a slice", lambda d: ad.squeeze(np.ones((1, 3)), axis=slice(0, 1)),
     ["axis", "slice"]),
    ("logsumexp axis a slice", lambda d: ad.logsumexp(X3, axis=slice(None)),
     ["axis", "slice"]),
    ("where cond a SimpleNamespace", lambda d: ad.where(_ns(c=X3 > 0), X3, -X3),
     ["cond", NS]),
]

GRADCHECK_CASES = [
    ("check_grads args a SimpleNamespace", lambda d: check_grads(_square, _ns(x=X3)),
     ["args", NS]),
    ("check_grads rng the default_rng function, not called", lambda d: check_grads(
        _square, (X3,), rng=UNCALLED), ["rng", "default_rng"]),
    ("check_grads fun an async function", lambda d: check_grads(_async_square, (X3,)),
     ["fun", "coroutine"]),
    ("hvp fun returning a deque", lambda d: hvp(lambda x: deque([_square(x)]), X3, X3),
     ["fun", "deque"]),
    ("hvp v a SimpleNamespace", lambda d: hvp(_square, X3, _ns(v=X3)),
     ["v", NS]),
    ("hvp fun an async function", lambda d: hvp(_async_square, X3, X3), ["fun", "coroutine"]),
    ("check_grads fun returning a SimpleNamespace", lambda d: check_grads(
        lambda x: _ns(y=_square(x)), (X3,)), ["fun", NS]),
    ("check_grads rng a SimpleNamespace", lambda d: check_grads(
        _square, (X3,), rng=_ns(seed=0)), ["rng", NS]),
]

SAMPLER_CASES = [
    ("discrete sample rng the default_rng function, not called", lambda d:
        _discrete().sample(10, UNCALLED), ["rng", "default_rng"]),
    ("discrete ppf u a SimpleNamespace", lambda d: _discrete().ppf(_ns(u=0.5)),
     ["u", NS]),
    ("grid_inverse_cdf pdf an async function", lambda d: grid_inverse_cdf(
        _async_pdf, -3.0, 3.0), ["pdf", "coroutine"]),
    ("from_density domain a SimpleNamespace", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, domain=_ns(lo=-1.0, hi=1.0)), ["domain", NS]),
    ("from_density pdf returning booleans", lambda d: ContinuousInverseCDF.from_density(
        _bools(_normal_pdf)), ["pdf", "bool"]),
    ("from_ppf ppf an async function", lambda d: ContinuousInverseCDF.from_ppf(
        _async_pdf).ppf(np.array([0.5])), ["ppf", "coroutine"]),
    ("cauchy loc a Counter", lambda d: cauchy(loc=Counter({0.0: 1})), ["loc", "Counter"]),
    ("laplace loc a SimpleNamespace", lambda d: laplace(loc=_ns(value=0.0)),
     ["loc", NS]),
    ("weibull scale a numpy bool", lambda d: weibull(2.0, scale=NP_TRUE), ["scale", "True"]),
    ("metropolis rng the default_rng function, not called", lambda d: _metropolis(
        rng=UNCALLED), ["rng", "default_rng"]),
    ("metropolis x0 a SimpleNamespace", lambda d: _metropolis(x0=_ns(x=np.zeros((2, 1)))),
     ["x0", NS]),
    ("metropolis log_density an async function", lambda d: _metropolis(
        log_density=_async_log_density), ["log_density", "coroutine"]),
    ("metropolis_transition_matrix p a SimpleNamespace", lambda d:
        metropolis_transition_matrix(_ns(p=[0.5, 0.5]), np.full((2, 2), 0.5)),
     ["p", NS]),
    ("integrate f an async function", lambda d: integrate(_async_pdf, 0.0, 1.0),
     ["f", "coroutine"]),
    ("integrate lo a SimpleNamespace", lambda d: integrate(np.sin, _ns(lo=0.0), 1.0),
     ["lo", NS]),
    ("density_values pdf returning booleans", lambda d: density_values(
        _bools(_normal_pdf), X3), ["pdf", "bool"]),
    ("explore pdf an async function", lambda d: explore(
        _normal_pdf, _async_pdf, -1.0, 1.0), ["pdf", "coroutine"]),
    ("total_variation cdf returning booleans", lambda d: total_variation(
        _samples(), _edges(), _bools(stats.norm.cdf)), ["cdf", "bool"]),
    ("pooled_total_variation edges a SimpleNamespace", lambda d: pooled_total_variation(
        _samples()[None], _ns(edges=_edges()), stats.norm.cdf), ["edges", NS]),
    ("noise_floor rng the default_rng function, not called", lambda d: _noise(rng=UNCALLED),
     ["rng", "default_rng"]),
    ("walks_from_one_start rngs the default_rng function, not called", lambda d: _walks25(
        rngs=UNCALLED), ["rngs", "default_rng"]),
    ("step_size_sweep dims a SimpleNamespace", lambda d: _sweep(dims=_ns(d1=1)),
     ["dims", NS]),
    ("fixed_step_chains chains a float16", lambda d: _fixed(chains=F16_TWO),
     ["chains", "float16"]),
    ("walks_from_one_start cdf an async function", lambda d: _walks25(cdf=_async_pdf),
     ["cdf", "coroutine"]),
    ("integrate_many rules a SimpleNamespace", lambda d: integrate_many(
        np.sin, _ns(rule=(0.0, 1.0))), ["rules", NS]),
    ("discrete rvs random_state the default_rng function, not called", lambda d:
        _discrete().rvs(5, random_state=UNCALLED), ["random_state", "default_rng"]),
    ("continuous sample size a slice", lambda d: ContinuousInverseCDF.from_ppf(
        stats.norm.ppf, stats.norm.cdf).sample(slice(5), _rng()), ["size", "slice"]),
    ("weibull shape a slice", lambda d: weibull(slice(2)), ["shape", "slice"]),
    ("metropolis target_acceptance a SimpleNamespace", lambda d: _metropolis(
        target_acceptance=_ns(rate=0.3)), ["target_acceptance", NS]),
    ("metropolis_transition_matrix Q a SimpleNamespace", lambda d:
        metropolis_transition_matrix([0.5, 0.5], _ns(Q=np.full((2, 2), 0.5))),
     ["Q", NS]),
    ("find_center pdf an async function", lambda d: find_center(_async_pdf, -1.0, 1.0),
     ["pdf", "coroutine"]),
    ("noise_floor n a slice", lambda d: _noise(n=slice(50)), ["n", "slice"]),
    ("step_size_sweep rngs the default_rng function, not called", lambda d: _sweep(
        rngs=UNCALLED), ["rngs", "default_rng"]),
    ("density_values x a SimpleNamespace", lambda d: density_values(
        _normal_pdf, _ns(x=X3)), ["x", NS]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws the live Tensor inside grad", lambda d: _in_grad(
        split_rhat, _draws15()), ["draws", "Tensor"]),
    ("ess_bulk draws a SimpleNamespace", lambda d: ess_bulk(_ns(draws=_draws15())),
     ["draws", NS]),
    ("ess_tail prob a SimpleNamespace", lambda d: ess_tail(
        _draws15(), prob=_ns(lo=0.05, hi=0.95)), ["prob", NS]),
    ("mcse_sd draws the live Tensor inside grad", lambda d: _in_grad(mcse_sd, _draws15()),
     ["draws", "Tensor"]),
    ("rank_normalize draws the live Tensor inside grad", lambda d: _in_grad(
        rank_normalize, _draws15()), ["draws", "Tensor"]),
    ("diagnose draws a SimpleNamespace", lambda d: diagnose(_ns(a=_draws15())),
     ["draws", NS]),
    ("normal_scores x the live Tensor inside grad", lambda d: _in_grad(
        normal_scores, _samples()), ["x", "Tensor"]),
    ("mcse_mean draws a dataclass", lambda d: mcse_mean(Holder(_draws15())),
     ["draws", "Holder"]),
    ("ess_tail prob a slice", lambda d: ess_tail(_draws15(), prob=slice(0.05, 0.95)),
     ["prob", "slice"]),
    ("ess_mean draws a SimpleNamespace", lambda d: ess_mean(_ns(draws=_draws15())),
     ["draws", NS]),
]

TESTING_CASES = [
    ("assert_monotone ppf an async function", lambda d: testing.assert_monotone(
        _async_pdf, np.linspace(0.1, 0.9, 9)), ["ppf", "coroutine"]),
    ("assert_monotone u a SimpleNamespace", lambda d: testing.assert_monotone(
        stats.norm.ppf, _ns(u=[0.1, 0.5])), ["u", NS]),
    ("assert_inverts cdf returning booleans", lambda d: testing.assert_inverts(
        stats.norm.ppf, _bools(stats.norm.cdf), np.linspace(0.1, 0.9, 5), 1e-10),
     ["cdf", "bool"]),
    ("assert_cdf_matches samples a SimpleNamespace", lambda d: testing.assert_cdf_matches(
        _ns(x=_samples()), stats.norm.cdf), ["samples", NS]),
    ("assert_cdf_matches cdf an async function", lambda d: testing.assert_cdf_matches(
        _samples(), _async_pdf), ["cdf", "coroutine"]),
    ("assert_labels_match labels a SimpleNamespace", lambda d: testing.assert_labels_match(
        _ns(labels=[0, 1, 1]), [0.5, 0.5]), ["labels", NS]),
    ("draws_needed beta a numpy bool", lambda d: testing.draws_needed(0.1, beta=NP_TRUE),
     ["beta", "True"]),
    ("dkw_epsilon alpha a SimpleNamespace", lambda d: testing.dkw_epsilon(
        100, alpha=_ns(alpha=1e-6)), ["alpha", NS]),
    ("ks_distance cdf returning booleans", lambda d: testing.ks_distance(
        _samples(), _bools(stats.norm.cdf)), ["cdf", "bool"]),
    ("two_sample_distance y the live Tensor inside grad", lambda d: _in_grad(
        lambda y: testing.two_sample_distance(_samples(), y), _samples()), ["y", "Tensor"]),
    ("density normal_mixture locs a SimpleNamespace", lambda d: densities.normal_mixture(
        [0.5, 0.5], _ns(a=0.0, b=1.0), [1.0, 1.0]), ["locs", NS]),
    ("density student_t df a numpy bool", lambda d: densities.student_t(NP_TRUE),
     ["df", "True"]),
    ("density triangular mode a SimpleNamespace", lambda d: densities.triangular(
        0.0, _ns(mode=0.5), 1.0), ["mode", NS]),
    ("assert_inverts ppf an async function", lambda d: testing.assert_inverts(
        _async_pdf, stats.norm.cdf, np.linspace(0.1, 0.9, 5), 1e-10), ["ppf", "coroutine"]),
    ("two_sample_distance x a SimpleNamespace", lambda d: testing.two_sample_distance(
        _ns(x=_samples()), _samples()), ["x", NS]),
    ("density beta b a slice", lambda d: densities.beta(2.0, slice(2)), ["b", "slice"]),
    ("density uniform lo a SimpleNamespace", lambda d: densities.uniform(
        _ns(lo=0.0), 1.0), ["lo", NS]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style save fig a SimpleNamespace", lambda d: style.save(
        _ns(savefig=None), d, "plot"), ["fig", NS]),
    ("style save out_dir a dangling symlink", lambda d: style.save(
        _figure(), _dangling(d), "plot"), ["out_dir", "dangling"]),
    ("style subplots ncols a float16", lambda d: style.subplots(ncols=F16_TWO),
     ["ncols", "float16"]),
    ("style check_count value a numpy bool", lambda d: style.check_count(
        "repeats", NP_TRUE), ["repeats", "True"]),
    ("style check_seed the default_rng function, not called", lambda d: style.check_seed(
        UNCALLED), ["seed", "default_rng"]),
    ("style check_numbers x a Counter", lambda d: style.check_numbers(
        "values", Counter({1.0: 2, 2.0: 1})), ["values", "Counter"]),
    ("style check_axes ax a SimpleNamespace", lambda d: style.check_axes(
        _ns(plot=print)), ["ax", NS]),
    ("style check_settings cfg a SimpleNamespace", lambda d: style.check_settings(
        _ns(a=1.0), {"a": 1.0}), ["cfg", NS]),
    ("style subplots size a SimpleNamespace", lambda d: style.subplots(
        size=_ns(w=3.0, h=2.0)), ["size", NS]),
    ("style check_record value a SimpleNamespace", lambda d: style.check_record(
        "record", _ns(x=1.0, y=2.0), ("x", "y")), ["record", NS]),
]

MEMORY_CASES = [
    ("opt-out value a complex zero '0j'", lambda d: memory.opt_out_value(), [VAR, "'0j'"],
     {VAR: "0j"}),
    ("unless_opted_out 'nil'", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR, "'nil'"], {VAR: "nil"}),
    ("keep_freed_memory trim_threshold a str subclass", lambda d: memory.keep_freed_memory(
        trim_threshold=Text("65536")), ["trim_threshold", "'65536'"], None),
    ("unless_opted_out a zero with a trailing dot '0.'", lambda d:
        memory.keep_freed_memory_unless_opted_out(), [VAR, "'0.'"], {VAR: "0."}),
    ("keep_freed_memory mmap_threshold a SimpleNamespace", lambda d:
        memory.keep_freed_memory(mmap_threshold=_ns(bytes=65536)),
     ["mmap_threshold", NS], None),
    ("keep_freed_memory trim_threshold a slice", lambda d: memory.keep_freed_memory(
        trim_threshold=slice(65536)), ["trim_threshold", "slice"], None),
    ("opt-out value 'nope'", lambda d: memory.opt_out_value(), [VAR, "'nope'"],
     {VAR: "nope"}),
]


def _dangling(d):
    """A symlink to a folder that does not exist (a broken link)."""
    link = d / "dangling"
    link.symlink_to(d / "gone" / "away")
    return link


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "environment": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "tree_flatten of a tree holding a SimpleNamespace": "documented valid: tree_flatten's "
        "docstring says anything but a list, tuple, namedtuple or dict (an array, a number, a "
        "Tensor) is one leaf, a set only excepted; a SimpleNamespace is one leaf",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (3, 4)."""
    return kept_cases(cases, (3, 4), DROPPED)


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


def test_the_thirtyseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_thirtyseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
