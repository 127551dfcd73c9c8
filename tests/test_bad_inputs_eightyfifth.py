"""An eighty-fifth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit eb8d22e, from the user's side only: the README; the public names
(``__all__`` where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``memory``, ``sampling`` and its modules (``finite_chain``, ``interpolation``,
``step_size``, ``mixing``, ``tails``, ``quadrature``, ``diagnostics``, ``metropolis``), the
public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``,
``testing.densities``, ``testing.strategies`` and ``figures.style``; the docstrings of the
seventy-ninth, eighty-first and eighty-third batteries (their kinds); and the earlier batteries'
ids, layout and shared helpers (imported, not copied). No docstring of the library was read,
before or after the first run (none was needed to judge a miss; nothing was dropped). Not
read: the body of any validation code, the library's source, its history, anything of
/work/main. No ``__main__`` module was imported. Writes: ``style.save`` (two cases) into its
folder; the case with a backticked name wrote ``'`fig_a`.png'`` there.

Areas (library side only), as written: the autodiff engine -- mul, sum, matmul, maximum, clip,
power, expand_dims, var, where, solve, einsum, sub, grad, value_and_grad, vjp, hessian, jvp,
stop_gradient, reshape, stack, norm, mean, sigmoid (25); gradcheck -- check_grads, hvp (8);
samplers -- from_ppf, total_variation, grid_inverse_cdf, from_density, find_center,
metropolis, metropolis_transition_matrix, DiscreteInverseCDF and its ppf and sample,
ContinuousInverseCDF's ppf, rvs and u_error, exponential, cauchy, laplace, logistic, weibull,
pareto, step_size_sweep (30); diagnostics -- split_rhat, ess_tail, ess_mean, mcse_mean,
mcse_sd, rank_normalize, diagnose, quantile_type7 (10); the testing kit (assert_cdf_matches,
ks_distance, assert_inverts, assert_monotone, assert_labels_match, chi_square_pvalue,
chi_square_power, draws_needed, smallest_detectable, dkw_epsilon, assert_same_distribution,
two_sample_distance), its densities (uniform, student_t, normal_mixture, beta, triangular) and
strategies (symmetric_proposals, u_grids) (20); ``figures.style`` save, subplots,
check_numbers, check_axes (5); ``memory.keep_freed_memory`` (2): 100.

Kinds of bad value:
- NumPy 2's printed output pasted back as text: an array's repr (``'array([ 0.5, -1. ,  2.
  ])'``, two-line reprs with their newline and indentation, a boolean array's repr, a printed
  list of arrays) where an array was meant (mul, matmul b, where cond, jvp tangent, reshape
  shape, stack xs; check_grads args, hvp v; DiscreteInverseCDF p, discrete ppf u, metropolis
  x0, total_variation edges; split_rhat draws, quantile_type7 x; chi_square_pvalue counts,
  chi_square_power q, assert_same_distribution y; style check_numbers x), and NumPy 2's scalar
  repr (``'np.int64(20)'``, ``'np.float64(0.0)'``) where a number was meant (sum axis, maximum,
  stop_gradient; check_grads order; discrete sample size, laplace loc, metropolis n_steps,
  find_center center, step_size_sweep steps; mcse_mean draws, ess_tail prob;
  smallest_detectable n, densities.beta a, symmetric_proposals n; style subplots nrows;
  keep_freed_memory mmap_threshold);
- the typography of documents and Markdown, pasted as numbers: vulgar fractions ``'½'``,
  ``'¼'``, ``'¾'``; an approximately sign ``'≈1'``; a plus-minus sign ``'±0.5'``; the infinity
  sign ``'∞'``, ``'-∞'``; a sigma unit ``'2σ'``, ``'-3σ'``; APL's high minus ``'¯1'``;
  Markdown backticks ``'`0`'``, ``'`1e-6`'``, ``'`fig_a`'``;
- SciPy's survival-side methods in a cdf's or ppf's place: ``norm.sf`` as a cdf (from_ppf,
  total_variation, assert_cdf_matches), ``norm.isf`` as a ppf (from_ppf, assert_inverts,
  assert_monotone), ``norm.logsf`` as grid_inverse_cdf's pdf;
- a ``scipy.stats.rv_discrete`` built from the probabilities (its ``pk`` or its draws meant):
  metropolis_transition_matrix p, DiscreteInverseCDF p, mcse_sd draws, assert_labels_match p,
  two_sample_distance x;
- networkx graphs where their matrix or draws were meant (``nx.cycle_graph(3)``, a
  ``DiGraph`` of a chain's moves): solve a, matmul a, einsum operand; hvp x;
  metropolis_transition_matrix Q; ess_mean, diagnose draws; style check_axes ax;
- user functions written with scalar-only Python on whole arrays: the builtins ``max`` and
  ``min`` as clamps (grad, hvp, find_center's pdf, metropolis' log_density, ks_distance's
  cdf), a chained comparison ``0 <= x <= 1`` (value_and_grad, check_grads, from_density's
  pdf), the builtin ``round(x, 2)`` (vjp), ``statistics.fmean`` (hessian).

Repeats: every id of the earlier batteries (11,120 distinct tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids (none) and, per draft, with the earlier ids of the same function
(first two words) holding its kind word (repr, array([, np.float64(, np.int64(, ½, ¼, ¾,
vulgar, ≈, approx, ±, ∞, infinity, σ, sigma, ¯, backtick, `, networkx, graph, adjacency,
rv_discrete, .sf, isf, logsf, chained, builtin, min(, max(, round, fmean, argnum). Before any
run 2 drafts were replaced for repeating an earlier substance: grad argnums and jacobian
argnum ``'x'``, the parameter's name as JAX's argnames take it (earlier "grad argnums a
string", "jacobian argnum a string"); they became einsum operand a networkx Graph and sub
``'±0.5'``. Kind words found in no earlier id: "array([", "½", "≈", "±", "σ", "¯", "backtick",
"networkx", "rv_discrete", "isf", "logsf", "chained". Found earlier only in other places:
NumPy 2's scalar repr only on the command line ("compare query a NumPy 2 scalar repr
np.int64(100)" and two more); the infinity sign only on the command line and the meta side
("compare adapt-steps the infinity sign", "Omniglot n_way the infinity sign", ...);
``statistics.fmean`` only as a meta-side loss ("a user family whose loss is
statistics.fmean, in evaluate"); the builtins only as "the print builtin"; ``min``/``max``
only inside other words. Many functions had an earlier "... a string" id: the substance here
is which text a user pastes, as in the eighty-third battery.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 59 of the 100. After the
first run no case was added, reordered or swapped.

Dropped: none. Corrected: none.

First run at eb8d22e (kept and --written under two seconds each, under ``ulimit -v
8000000``): kept, 53 of 59 clear (89.8%), 5 unclear, 1 silent, 0 data loss -- engine 15/15,
gradcheck 3/4, samplers 16/18, diagnostics 5/6, testing kit 11/12, figures 2/3, memory 1/1.
Written, 88 of 100 clear (88.0%), 10 unclear, 2 silent, 0 data loss -- engine 23/25,
gradcheck 7/8, samplers 27/30, diagnostics 7/10, testing kit 18/20, figures 4/5, memory 2/2.
Under pytest: 54 passed, 6 failed (the 6 kept cases below; NOT_CLEAR_YET is left empty for
the lead).

Not clear, kept:
- ``hvp x a networkx Graph``: TypeError "hvp: x is an integer array (dtype int64); gradients
  need float arrays, e.g. np.asarray(x, dtype=float)" (the graph was read as the array of its
  nodes, [0, 1, 2]; the Graph is not shown).
- ``metropolis_transition_matrix p``, ``DiscreteInverseCDF p`` a scipy rv_discrete: TypeError
  "p must be an array of real numbers (probabilities), got rv_sample
  <scipy.stats._distn_infrastructure.rv_sample object at 0x...> (dtype object): objects, the
  first a rv_sample ..." (names p and shows the object as Python prints it, but
  ``rv_discrete(values=...)`` makes an ``rv_sample``, so the mention "rv_discrete", the name
  the user typed, is not met: a strict mention, perhaps too strict).
- ``mcse_sd draws a scipy rv_discrete``: TypeError "draws must be an array of real numbers,
  got rv_sample <...rv_sample object at 0x...> (dtype object): objects, ..." (the same).
- ``assert_labels_match p a scipy rv_discrete``: TypeError "p must be an array of
  probabilities, got object values: rv_sample <...rv_sample object at 0x...>" (the same).
- ``style save name '`fig_a`' in Markdown backticks``: silent; it wrote ``'`fig_a`.png'``
  into the folder.
Not clear, written and not kept:
- ``matmul a a networkx Graph``: silent (the graph read as its nodes [0, 1, 2], a dot product
  with x returned).
- ``einsum operand a networkx Graph``: ValueError "einsum: operand 0 has shape (3,), which
  does not fit its subscripts in 'ij,j->i'" (the Graph is not shown).
- ``metropolis_transition_matrix Q a networkx cycle graph``: ValueError "Q must have shape (N,
  N) = (3, 3) to match p, got (3,)" (names Q, not the Graph).
- ``ess_mean``, ``diagnose`` draws a networkx DiGraph: ValueError "draws must have shape
  (chains, n_draws) or (chains, n_draws, dim) with no empty axis, got shape (2,)" (and (3,)):
  names draws, not the DiGraph.
- ``two_sample_distance x a scipy rv_discrete``: TypeError "x must be an array of real
  numbers, got object values: rv_sample <...rv_sample object at 0x...>" (as above).
Clear on a loose mention: ``solve a a networkx Graph`` (LinAlgError "solve: 1-dimensional
array given. Array must be at least two-dimensional (shapes Graph <networkx...> and (3, 1))":
shows the Graph but names no argument; "a" is met by any word); ``hessian of a fun averaging
with statistics.fmean`` names ``_fmean_loss`` inside a nested message ("vjp: fun raised
TypeError ...: grad: fun (_fmean_loss) raised TypeError ...: float() of a traced Tensor would
lose its gradient"); ``from_density domain ('-∞', '∞')`` names domain and shows the tuple but
says only "a pair (a, b) of numbers". SciPy's sf, isf and logsf were each refused by name
with the method to pass instead ("got the distribution's .sf method (norm_gen.sf); pass its
.cdf").

Measured on main at eb8d22e, the commit it was written at, blind: kept, 53 of 59 clear
(89.8%), 5 unclear, 1 silent, 0 data loss; written, 88 of 100. With the eighty-fourth (53 of
55 kept, its 'meta' key case silent after its writer's correction) the pair is 106 of 114
(93.0%), 1 silent, 0 data loss: under the goal. The lead made networkx a lazy import (it is no
test dependency): CI skips the cases that need it. Round 56 (with sight of this file and the
eighty-fourth, so not blind): a container with a length and items but no array protocol and
no Sequence type (a graph) is refused where numbers are meant, by the engine's ops and
gradient functions (``autodiff.checks``), the samplers and the kit (``messages.misread``),
named by package and class, since NumPy would read it as its nodes; a distribution object is
named as one ("scipy.rv_sample (a kind of rv_discrete)"), with its ``pmf`` or ``rvs`` to
pass; ``style.save`` refuses a file name holding characters that a shell, Windows or Markdown
would take in (a backtick, a quote, ``|``, ``?``, ``:``). After it: 59 of 59 kept clear, 100
of 100 written.
"""

import importlib.util
import statistics

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, diagnose,
                                  ess_mean, ess_tail, exponential, grid_inverse_cdf, laplace,
                                  logistic, mcse_mean, mcse_sd, metropolis_transition_matrix,
                                  pareto, rank_normalize, split_rhat, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import symmetric_proposals, u_grids

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _example, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _normal_pdf, _samples
from test_bad_inputs_twentyfirst import _edges
from test_bad_inputs_sixtyninth import _chains

X23 = np.arange(6.0).reshape(2, 3)
P3 = [0.2, 0.3, 0.5]
# NumPy 2's printed reprs, pasted back as text
X3_REPR = "array([ 0.5, -1. ,  2. ])"
CHAINS_REPR = "array([[ 0.1, -0.4,  1.2],\n       [-0.7,  0.3,  0.9]])"


def _norm_sampler():
    return ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf)


def _discrete_fit():
    """A scipy ``rv_discrete`` built from the probabilities (its ``pk`` or draws meant)."""
    return stats.rv_discrete(name="three_values", values=([0, 1, 2], P3))


def _nx():
    """networkx, imported only by the cases that use it (added by the lead: networkx is not
    among the test dependencies, so CI skips those cases; this machine's .venv has it)."""
    import networkx
    return networkx


def _cycle():
    """A networkx cycle graph on three nodes (its adjacency or proposal matrix meant)."""
    return _nx().cycle_graph(3)


# User functions written with scalar-only Python logic, run on whole arrays.

def _clamp_loss(x):
    """Clamps with the builtins ``max``/``min`` (scalar logic: an array's truth value)."""
    return ad.sum(max(0.0, x) * x)


def _chained_loss(x):
    """Keeps the entries in [0, 1] with a chained comparison ``0.0 <= x <= 1.0``."""
    return ad.sum(x * (0.0 <= x <= 1.0))


def _round_fun(x):
    """Rounds with the builtin ``round(x, 2)`` (a scalar's method)."""
    return ad.exp(round(x, 2))


def _fmean_loss(x):
    """Averages with ``statistics.fmean`` (Python floats: the graph is left)."""
    return statistics.fmean(x * x)


def _chained_pdf(x):
    """The uniform density on [0, 1], written ``1.0 if 0 <= x <= 1 else 0.0``."""
    return 1.0 if 0.0 <= x <= 1.0 else 0.0


def _max_pdf(x):
    """The triangular density, written with the builtin ``max``."""
    return max(0.0, 1.0 - abs(x))


def _min_log_density(x):
    """A log-density capped with the builtin ``min``."""
    return min(0.0, -0.5 * np.sum(x * x, axis=1))


def _clamped_cdf(x):
    """A cdf clamped to [0, 1] with the builtins ``min`` and ``max``."""
    return min(1.0, max(0.0, x + 0.5))


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("mul by NumPy 2's printed array repr pasted as text", lambda d: ad.mul(X3, X3_REPR),
     ["array([ 0.5"]),
    ("sum axis 'np.int64(0)', NumPy 2's scalar repr as text", lambda d: ad.sum(
        X23, axis="np.int64(0)"), ["axis", "np.int64(0)"]),
    ("matmul b a two-line printed array repr as text", lambda d: ad.matmul(
        X23, "array([[1., 0.],\n       [0., 1.],\n       [0., 0.]])"), ["b", "array([[1."]),
    ("maximum with 'np.float64(0.0)', NumPy 2's scalar repr as text", lambda d: ad.maximum(
        X3, "np.float64(0.0)"), ["np.float64(0.0)"]),
    ("clip a_max '½', a vulgar fraction", lambda d: ad.clip(X3, 0.0, "½"), ["a_max", "½"]),
    ("power exponent '¼', a vulgar fraction", lambda d: ad.power(X3 * X3, "¼"), ["¼"]),
    ("expand_dims axis '`0`' in Markdown backticks", lambda d: ad.expand_dims(X3, "`0`"),
     ["axis", "`0`"]),
    ("var ddof '≈1' with an approximately sign", lambda d: ad.var(X23, ddof="≈1"),
     ["ddof", "≈1"]),
    ("clip a_min '-∞', the infinity sign", lambda d: ad.clip(X3, "-∞", 1.0),
     ["a_min", "-∞"]),
    ("where cond a printed boolean array repr as text", lambda d: ad.where(
        "array([ True, False,  True])", X3, -X3), ["cond", "array([ True"]),
    ("solve a a networkx Graph (its Laplacian meant)", lambda d: ad.solve(_cycle(), X3),
     ["a", "Graph"]),
    ("matmul a a networkx Graph (its adjacency matrix meant)", lambda d: ad.matmul(
        _cycle(), X3), ["a", "Graph"]),
    ("einsum operand a networkx Graph (its adjacency matrix meant)", lambda d: ad.einsum(
        "ij,j->i", _cycle(), X3), ["Graph"]),
    ("sub '±0.5' with a plus-minus sign", lambda d: ad.sub(X3, "±0.5"), ["±0.5"]),
    ("grad of a fun clamping with the builtin max", lambda d: ad.grad(_clamp_loss)(X3),
     ["_clamp_loss"]),
    ("value_and_grad of a fun with a chained comparison 0 <= x <= 1", lambda d:
        ad.value_and_grad(_chained_loss)(X3), ["_chained_loss"]),
    ("vjp of a fun rounding with the builtin round(x, 2)", lambda d: ad.vjp(_round_fun, X3),
     ["_round_fun"]),
    ("hessian of a fun averaging with statistics.fmean", lambda d: ad.hessian(_fmean_loss)(
        X3), ["_fmean_loss"]),
    ("jvp tangent a printed array repr as text", lambda d: ad.jvp(
        ad.exp, (X3,), ("array([1., 0., 0.])",)), ["tangent", "array([1., 0., 0.])"]),
    ("stop_gradient x 'np.float64(1.5)', NumPy 2's scalar repr as text", lambda d:
        ad.stop_gradient("np.float64(1.5)"), ["x", "np.float64(1.5)"]),
    ("reshape shape 'array([3, 2])', a printed repr as text", lambda d: ad.reshape(
        X23, "array([3, 2])"), ["array([3, 2])"]),
    ("stack xs a printed list of arrays as text", lambda d: ad.stack(
        "[array([1., 2.]), array([3., 4.])]"), ["xs", "[array([1., 2.])"]),
    ("norm ord '∞', the infinity sign", lambda d: ad.norm(X3, ord="∞"), ["ord", "∞"]),
    ("mean axis '¯1' with APL's high minus", lambda d: ad.mean(X23, axis="¯1"),
     ["axis", "¯1"]),
    ("sigmoid of a Markdown-quoted list '`[0.5, -1.0]`'", lambda d: ad.sigmoid(
        "`[0.5, -1.0]`"), ["`[0.5, -1.0]`"]),
]

GRADCHECK_CASES = [
    ("check_grads args a printed array repr as text", lambda d: check_grads(
        _square, (X3_REPR,)), ["args", "array([ 0.5"]),
    ("check_grads eps '≈1e-6' with an approximately sign", lambda d: check_grads(
        _square, (X3,), eps="≈1e-6"), ["eps", "≈1e-6"]),
    ("check_grads rtol '`1e-6`' in Markdown backticks", lambda d: check_grads(
        _square, (X3,), rtol="`1e-6`"), ["rtol", "`1e-6`"]),
    ("check_grads of a fun with a chained comparison 0 <= x <= 1", lambda d: check_grads(
        _chained_loss, (X3,)), ["_chained_loss"]),
    ("hvp v a printed array repr as text", lambda d: hvp(_square, X3, "array([1., 0., 0.])"),
     ["v", "array([1., 0., 0.])"]),
    ("hvp x a networkx Graph", lambda d: hvp(_square, _cycle(), X3), ["x", "Graph"]),
    ("check_grads order 'np.int64(2)', NumPy 2's scalar repr as text", lambda d: check_grads(
        _square, (X3,), order="np.int64(2)"), ["order", "np.int64(2)"]),
    ("hvp of a fun clamping with the builtin max", lambda d: hvp(_clamp_loss, X3, X3),
     ["_clamp_loss"]),
]

SAMPLER_CASES = [
    ("from_ppf cdf scipy's survival function norm.sf (decreasing)", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.sf), ["cdf", ".sf"]),
    ("from_ppf ppf scipy's inverse survival function norm.isf (decreasing)", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.isf, stats.norm.cdf), ["ppf", ".isf"]),
    ("total_variation cdf scipy's survival function norm.sf", lambda d: total_variation(
        _samples(), _edges(), stats.norm.sf), ["cdf", ".sf"]),
    ("grid_inverse_cdf pdf scipy's log survival function norm.logsf", lambda d:
        grid_inverse_cdf(stats.norm.logsf, -3.0, 3.0), ["pdf", ".logsf"]),
    ("from_density pdf a uniform written with a chained comparison", lambda d:
        ContinuousInverseCDF.from_density(_chained_pdf, (0.0, 1.0)), ["_chained_pdf"]),
    ("find_center pdf a triangle written with the builtin max", lambda d: find_center(
        _max_pdf, -1.0, 1.0), ["_max_pdf"]),
    ("metropolis log_density capped with the builtin min", lambda d: _metropolis(
        log_density=_min_log_density), ["_min_log_density"]),
    ("metropolis_transition_matrix Q a networkx cycle graph (its matrix meant)", lambda d:
        metropolis_transition_matrix(P3, _cycle()), ["Q", "Graph"]),
    ("metropolis_transition_matrix p a scipy rv_discrete (its pk meant)", lambda d:
        metropolis_transition_matrix(_discrete_fit(), np.full((3, 3), 1 / 3)),
     ["p", "rv_discrete"]),
    ("DiscreteInverseCDF p a scipy rv_discrete (its pk meant)", lambda d: DiscreteInverseCDF(
        _discrete_fit()), ["p", "rv_discrete"]),
    ("DiscreteInverseCDF p a printed array repr as text", lambda d: DiscreteInverseCDF(
        "array([0.2, 0.3, 0.5])"), ["p", "array([0.2, 0.3, 0.5])"]),
    ("discrete ppf u a printed array repr as text", lambda d: DiscreteInverseCDF(P3).ppf(
        "array([0.1, 0.9])"), ["u", "array([0.1, 0.9])"]),
    ("discrete sample size 'np.int64(5)', NumPy 2's scalar repr as text", lambda d:
        DiscreteInverseCDF(P3).sample("np.int64(5)", _rng()), ["size", "np.int64(5)"]),
    ("continuous ppf u '½', a vulgar fraction", lambda d: _norm_sampler().ppf("½"),
     ["u", "½"]),
    ("continuous rvs size '`10`' in Markdown backticks", lambda d: _norm_sampler().rvs(
        "`10`", _rng()), ["size", "`10`"]),
    ("continuous u_error sample_size '≈100000' with an approximately sign", lambda d:
        _norm_sampler().u_error(sample_size="≈100000"), ["sample_size", "≈100000"]),
    ("exponential rate '½', a vulgar fraction", lambda d: exponential("½"), ["rate", "½"]),
    ("cauchy scale '2σ' with a sigma", lambda d: cauchy(scale="2σ"), ["scale", "2σ"]),
    ("laplace loc 'np.float64(0.0)', NumPy 2's scalar repr as text", lambda d: laplace(
        loc="np.float64(0.0)"), ["loc", "np.float64(0.0)"]),
    ("logistic scale '`1.0`' in Markdown backticks", lambda d: logistic(scale="`1.0`"),
     ["scale", "`1.0`"]),
    ("weibull shape '¾', a vulgar fraction", lambda d: weibull("¾"), ["shape", "¾"]),
    ("pareto scale '≈1' with an approximately sign", lambda d: pareto(2.0, scale="≈1"),
     ["scale", "≈1"]),
    ("metropolis x0 a printed 2-D array repr as text", lambda d: _metropolis(
        x0="array([[0.],\n       [0.]])"), ["x0", "array([[0.]"]),
    ("metropolis n_steps 'np.int64(20)', NumPy 2's scalar repr as text", lambda d:
        _metropolis(n_steps="np.int64(20)"), ["n_steps", "np.int64(20)"]),
    ("metropolis target_acceptance '≈0.234' with an approximately sign", lambda d:
        _metropolis(target_acceptance="≈0.234"), ["target_acceptance", "≈0.234"]),
    ("from_density domain ('-∞', '∞') with the infinity sign", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, ("-∞", "∞")), ["domain", "∞"]),
    ("grid_inverse_cdf lo '-3σ' with a sigma", lambda d: grid_inverse_cdf(
        _normal_pdf, "-3σ", 3.0), ["lo", "-3σ"]),
    ("find_center center 'np.float64(0.0)', NumPy 2's scalar repr as text", lambda d:
        find_center(_normal_pdf, -3.0, 3.0, center="np.float64(0.0)"),
     ["center", "np.float64(0.0)"]),
    ("total_variation edges a printed array repr as text", lambda d: total_variation(
        _samples(), "array([-1. , -0.5,  0. ,  0.5,  1. ])", stats.norm.cdf),
     ["edges", "array([-1."]),
    ("step_size_sweep steps 'np.int64(20)', NumPy 2's scalar repr as text", lambda d:
        step_size_sweep([0.5, 1.0, 2.0], 2, "np.int64(20)", {"d1": 1}, [_rng()]),
     ["steps", "np.int64(20)"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a printed 2-D array repr as text", lambda d: split_rhat(CHAINS_REPR),
     ["draws", "array([["]),
    ("ess_tail prob ('¼', '¾') in vulgar fractions", lambda d: ess_tail(
        _chains(), prob=("¼", "¾")), ["prob", "¼"]),
    ("ess_mean draws a networkx DiGraph of the chain's moves", lambda d: ess_mean(
        _nx().DiGraph([(0, 1), (1, 0)])), ["draws", "DiGraph"]),
    ("mcse_mean draws a list of NumPy 2 scalar reprs as text", lambda d: mcse_mean(
        [["np.float64(0.1)", "np.float64(-0.4)"]] * 4), ["draws", "np.float64(0.1)"]),
    ("mcse_sd draws a scipy rv_discrete (its draws meant)", lambda d: mcse_sd(
        _discrete_fit()), ["draws", "rv_discrete"]),
    ("rank_normalize draws holding the text '∞'", lambda d: rank_normalize(
        [[0.1, 0.5, "∞", 0.2], [0.3, -0.1, 0.4, 0.0]]), ["draws", "∞"]),
    ("diagnose draws a networkx DiGraph of the chain's moves", lambda d: diagnose(
        _nx().DiGraph([(0, 1), (1, 2), (2, 0)])), ["draws", "DiGraph"]),
    ("quantile_type7 prob '½', a vulgar fraction", lambda d: quantile_type7(
        _samples(), "½"), ["prob", "½"]),
    ("quantile_type7 x a printed array repr as text", lambda d: quantile_type7(
        "array([0.1, 0.2, 0.3])", 0.5), ["x", "array([0.1"]),
    ("ess_tail prob a pair of NumPy 2 scalar reprs as text", lambda d: ess_tail(
        _chains(), prob=("np.float64(0.05)", "np.float64(0.95)")),
     ["prob", "np.float64(0.05)"]),
]

TESTING_CASES = [
    ("assert_cdf_matches cdf scipy's survival function norm.sf", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.sf), ["cdf", ".sf"]),
    ("ks_distance cdf clamped with the builtins min and max", lambda d: testing.ks_distance(
        _samples(), _clamped_cdf), ["_clamped_cdf"]),
    ("assert_inverts ppf scipy's inverse survival function norm.isf", lambda d:
        testing.assert_inverts(stats.norm.isf, stats.norm.cdf, np.linspace(0.1, 0.9, 5),
                               1e-9), ["ppf", ".isf"]),
    ("assert_monotone ppf scipy's inverse survival function norm.isf (decreasing)",
     lambda d: testing.assert_monotone(stats.norm.isf, np.linspace(0.1, 0.9, 5)),
     ["ppf", ".isf"]),
    ("assert_labels_match p a scipy rv_discrete (its pk meant)", lambda d:
        testing.assert_labels_match([0, 1, 2, 2, 1], _discrete_fit()), ["p", "rv_discrete"]),
    ("chi_square_pvalue counts a printed array repr as text", lambda d:
        testing.chi_square_pvalue("array([20, 30, 50])", P3),
     ["counts", "array([20, 30, 50])"]),
    ("chi_square_power q a printed array repr as text", lambda d: testing.chi_square_power(
        P3, "array([0.3, 0.3, 0.4])", 1000), ["q", "array([0.3"]),
    ("chi_square_power n '≈1000' with an approximately sign", lambda d:
        testing.chi_square_power(P3, [0.3, 0.3, 0.4], "≈1000"), ["n", "≈1000"]),
    ("draws_needed beta '`1e-6`' in Markdown backticks", lambda d: testing.draws_needed(
        0.01, beta="`1e-6`"), ["beta", "`1e-6`"]),
    ("smallest_detectable n 'np.int64(1000)', NumPy 2's scalar repr as text", lambda d:
        testing.smallest_detectable("np.int64(1000)"), ["n", "np.int64(1000)"]),
    ("dkw_epsilon alpha '½', a vulgar fraction", lambda d: testing.dkw_epsilon(
        1000, alpha="½"), ["alpha", "½"]),
    ("assert_same_distribution y a printed array repr as text", lambda d:
        testing.assert_same_distribution(_samples(), "array([0.1, 0.2, 0.3])"),
     ["y", "array([0.1"]),
    ("two_sample_distance x a scipy rv_discrete (its draws meant)", lambda d:
        testing.two_sample_distance(_discrete_fit(), _samples()), ["x", "rv_discrete"]),
    ("density uniform lo '-∞' with the infinity sign", lambda d: densities.uniform(
        "-∞", 1.0), ["lo", "-∞"]),
    ("density student_t df '∞' as in a t-table's last row", lambda d: densities.student_t(
        "∞"), ["df", "∞"]),
    ("density normal_mixture weights ('½', '½') in vulgar fractions", lambda d:
        densities.normal_mixture(("½", "½"), [-1.0, 1.0], [1.0, 1.0]), ["weights", "½"]),
    ("density beta a 'np.float64(2.0)', NumPy 2's scalar repr as text", lambda d:
        densities.beta("np.float64(2.0)", 3.0), ["a", "np.float64(2.0)"]),
    ("density triangular mode '≈0.5' with an approximately sign", lambda d:
        densities.triangular(0.0, "≈0.5", 1.0), ["mode", "≈0.5"]),
    ("strategies symmetric_proposals n 'np.int64(3)', NumPy 2's scalar repr", lambda d:
        _example(symmetric_proposals("np.int64(3)")), ["n", "np.int64(3)"]),
    ("strategies u_grids cut_points ('½',) in vulgar fractions", lambda d: _example(
        u_grids(cut_points=("½",))), ["cut_points", "½"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style save name '`fig_a`' in Markdown backticks", lambda d: style.save(
        style.subplots()[0], d, "`fig_a`"), ["name", "`fig_a`"]),
    ("style subplots nrows 'np.int64(2)', NumPy 2's scalar repr as text", lambda d:
        style.subplots(nrows="np.int64(2)"), ["nrows", "np.int64(2)"]),
    ("style check_numbers x a printed array repr as text", lambda d: style.check_numbers(
        "values", X3_REPR), ["values", "array([ 0.5"]),
    ("style check_axes ax a networkx Graph (nx.draw's graph, not its axes)", lambda d:
        style.check_axes(_cycle()), ["ax", "Graph"]),
    ("style subplots size '½', a vulgar fraction", lambda d: style.subplots(size="½"),
     ["size", "½"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold 'np.int64(67108864)', a scalar repr", lambda d:
        memory.keep_freed_memory(mmap_threshold="np.int64(67108864)"),
     ["mmap_threshold", "np.int64(67108864)"], None),
    ("keep_freed_memory trim_threshold '≈268435456' with an approximately sign", lambda d:
        memory.keep_freed_memory(trim_threshold="≈268435456"),
     ["trim_threshold", "≈268435456"], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

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
    if "networkx" in case[0] and importlib.util.find_spec("networkx") is None:
        pytest.skip("needs networkx, which is not installed (not a test dependency)")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_eightyfifth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_eightyfifth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
