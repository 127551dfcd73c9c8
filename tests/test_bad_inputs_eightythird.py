"""An eighty-third battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 775886c, from the user's side only: the README; the public names
(``__all__`` where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``memory``, ``sampling`` and its modules (``finite_chain``, ``interpolation``,
``step_size``, ``mixing``, ``tails``, ``quadrature``, ``diagnostics``, ``metropolis``), the
public methods of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``,
``testing.densities``, ``testing.strategies`` and ``figures.style``; and the earlier batteries'
ids, layout and shared helpers (imported, not copied). No docstring was read after the first
run (none was needed to judge a miss; nothing was dropped). Not read: the body of any
validation code, the library's source, its history, anything of /work/main. No ``__main__``
module was imported. Writes: ``style.save`` (one case, refused before it writes), into its
folder; ``exp out=`` writes into an in-memory buffer only.

Areas (library side only), as written: the autodiff engine -- sum, exp, logsumexp, max, prod,
reshape, add, tanh, broadcast_to, mean, grad, value_and_grad, jacobian, hessian, jvp, vjp,
trace, clip, power, expand_dims, var (25); gradcheck -- check_grads, hvp (8); samplers --
exponential, weibull, pareto, cauchy, laplace, logistic, metropolis, DiscreteInverseCDF and
its sample, grid_inverse_cdf, from_density, from_ppf, metropolis_transition_matrix,
total_variation, find_center, ContinuousInverseCDF's rvs, ppf and u_error, step_size_sweep
(30); diagnostics -- split_rhat, ess_bulk, ess_tail, ess_mean, mcse_mean, mcse_sd,
rank_normalize, diagnose, quantile_type7 (10); the testing kit, its densities and strategies
(u_grids, probability_vectors, symmetric_proposals) (20); ``figures.style`` save, subplots,
check_numbers (5); ``memory.keep_freed_memory`` (2): 100.

Kinds of bad value:
- another library's keyword, passed to the engine's ops as NumPy or SciPy take it (ops that
  accept ``**params``): sum ``dtype=``, exp ``out=``, logsumexp ``b=`` and ``return_sign=``, max
  ``initial=``, prod and add ``where=``, reshape ``order='F'``, tanh ``casting=``,
  broadcast_to ``subok=``, mean ``where=``; and to the library's functions (JAX's check_grads
  ``modes=``; NumPy's exponential ``scale=``, ``size=``; SciPy's weibull_min ``c``, pareto
  ``b``, ``random_state=``, kstest's ``alternative=`` and ``args=``, triangular ``c``, uniform
  ``loc``/``scale``; np.linspace's ``num=``; scipy's ``bounds=``; the textbook's cauchy
  ``gamma``, beta ``alpha``/``beta``; other samplers' ``burn_in``, ``proposal_sd``,
  ``significance``; matplotlib savefig's ``dpi=``);
- NumPy and PyTorch idioms inside a user's fun that leave or break the engine's graph:
  ``x.item()``, ``x.tolist()``, ``x.sort()`` in place, ``if x > 0`` on an array,
  ``np.float64(loss)``, ``np.asarray(x)``, PyTorch's ``x.numpy()``, ``x.detach()``,
  ``loss.backward()``, ``x.view(-1)`` (grad, value_and_grad, jacobian, hessian, jvp, vjp,
  trace, check_grads, hvp);
- positional arguments in another library's order (or two swapped): metropolis rng before
  n_steps, metropolis_transition_matrix (Q, p), total_variation cdf before edges,
  grid_inverse_cdf and find_center with pdf last, rvs (random_state, size), from_ppf and
  assert_inverts (cdf, ppf), chi_square_pvalue (p, counts), assert_labels_match (p, labels),
  chi_square_power (alpha, n), normal_mixture scales in locs' place, steps (heights, edges),
  style check_numbers (x, name);
- numbers pasted as text from documents and other locales, on the library side (Python's
  ``float`` accepts several of them): a Unicode minus U+2212 ('−1.0', '1e−6'), Arabic-Indic
  and Persian digits ('٢', '٠.٥', '۱۰۰'), full-width digits ('２', '４０９６'), a decimal comma
  ('1,5'), a trailing no-break space, a narrow no-break space as thousands separator; and the
  GLIBC_TUNABLES text 'glibc.malloc.mmap_threshold=67108864' for mmap_threshold;
- other MCMC tools' outputs where their draws were meant: an emcee-like EnsembleSampler
  (``get_chain()``), an ArviZ-like InferenceData (``.posterior``), a PyMC3-like MultiTrace, a
  PyStan-like fit (``extract()``), a NumPyro-like MCMC (``get_samples()``), a CmdStan CSV read
  as text with its header row ``lp__,mu`` kept.

Repeats: every id of the earlier batteries (11,391 distinct tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids (none) and for the kind words (dtype=, out=, where=, order 'F',
initial, b=, return_sign, casting, subok, item(), tolist, astype, detach, backward, numpy(),
truth, np.asarray, swapped, reversed, first and, textbook, SciPy's, NumPy's, JAX's, PyTorch,
Unicode minus, U+2212, Arabic-Indic, Persian, full-width, decimal comma, no-break, GLIBC,
tunable, emcee, get_chain, walkers, ArviZ, InferenceData, posterior, MultiTrace, Stan, pymc,
numpyro, CmdStan, lp__). Before any run, drafts were replaced for repeating an earlier
substance: ``discrete sample`` with its arguments swapped (earlier "discrete sample arguments
swapped"), sympy's ``oo`` for trim_threshold (earlier "an mpmath infinity"), a 3-D
emcee chain for diagnose (earlier "diagnose draws 3-D") and draws transposed to (draws,
chains) (earlier "... transposed, (draws, chains) with two draws a chain"), ``known_densities
kinds`` a string (earlier), and ``x.copy()``, ``x.ravel()``, ``x.clip()``, ``x.astype()``
in a fun (they may be legal on a Tensor, so not surely a fault). The Unicode and locale
strings were tried before on the command line only ("compare support an Arabic-Indic digit",
"inner-lr with a decimal comma", "... a narrow no-break space ...", "n-support in full-width
digits", "keep-freed-memory a unicode minus zero"), never as a library argument; "NumPy's",
"SciPy's", "JAX's", "PyTorch" appear earlier only on other functions and in other senses (a
loss function, a returned pair, a dtype name).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 59 of the 100. After the
first run no case was added, reordered or swapped.

Dropped: none. Corrected: none.

First run at 775886c (kept and --written under two seconds each, under ``ulimit -v
8000000``): kept, 55 of 59 clear (93.2%), 3 unclear, 1 silent, 0 data loss -- engine 14/15,
gradcheck 3/4, samplers 18/18, diagnostics 6/6, testing kit 10/12, figures 3/3, memory 1/1.
Written, 92 of 100 clear (92.0%), 5 unclear, 3 silent, 0 data loss -- engine 22/25,
gradcheck 7/8, samplers 30/30, diagnostics 9/10, testing kit 18/20, figures 4/5, memory 2/2.
Under pytest: 56 passed, 4 failed (the 4 kept cases below; NOT_CLEAR_YET is left empty for
the lead).

Not clear, kept:
- ``tanh casting='unsafe', NumPy's ufunc keyword``: silent (no error, no warning).
- ``hvp v strings with a Unicode minus, ['−1.0', '0', '0']``: ValueError "hvp: v has 3 leaves
  but x has 1; v (list) must match x (ndarray)" (names v, but not its strings; a list is read
  as a pytree of three leaves).
- ``chi_square_pvalue p first and counts second``: ValueError "p must be a 1-D probability
  vector summing to 1, got array([20., 30., 50.]) (list [20, 30, 50])" (names p, the second
  argument, not counts: counts of probabilities [0.2, 0.3, 0.5] are not refused first).
- ``assert_labels_match p first and labels second``: ValueError "p must be a 1-D probability
  vector summing to 1, got array([0., 1., 2., 2., 1.]) ..." (the same: labels [0.2, 0.3, 0.5]
  are not refused first).
Not clear, written and not kept:
- ``exp out= a buffer, NumPy's ufunc keyword``: silent (no error).
- ``add where= a mask, NumPy's ufunc keyword``: silent, with NumPy's UserWarning "'where' used
  without 'out', expect unitialized memory in output" (the masked-out entries are garbage).
- ``rank_normalize draws a CmdStan CSV read as text, header 'lp__' kept``: TypeError "draws
  must be an array of real numbers, got dtype <U6 (an array of shape (51, 2)): strings" (names
  draws and strings, but not a value, so not the header 'lp__').
- ``style check_numbers the values first and the name second``: TypeError "[ 0.5 -1.   2. ]
  must be an array of finite real numbers, got str 'values' (dtype <U6): strings" (the array
  used as the name, unrefused; the argument is not named).
Several clear cases passed on a loose mention: ``grid_inverse_cdf lo and hi first, pdf last``
and ``find_center a and b first, pdf last`` name hi and b ("got function <function
_normal_pdf ...>"), meeting "pdf" only through the function's name.

Measured on main at 775886c, the commit it was written at, blind: kept, 55 of 59 clear
(93.2%), 3 unclear, 1 silent, 0 data loss; written, 92 of 100 (92.0%), 5 unclear, 3 silent.
With the eighty-second (53 of 55, measured with the harness corrected as its docstring says)
the pair is 108 of 114 (94.7%), 1 silent, 0 data loss: just under the goal. Round 55 (with
sight of this file and the eighty-second, so not blind): the engine's ops whose NumPy
function is a ufunc refuse NumPy's ufunc keywords (``out=``, ``where=``, ``casting=``,
``dtype=``) by name, traced or not; a direction or tangent whose leaves do not match the
point is shown (``check_same_tree``); chi_square_pvalue and assert_labels_match say when
the first argument reads as the probabilities (the two given the wrong way round); text
read where numbers are meant names its first entry that is no number (``'lp__'``);
``style.check_numbers`` refuses a name that is no text. After it: 59 of 59 kept clear, 100
of 100 written.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, diagnose,
                                  ess_bulk, ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  laplace, logistic, mcse_mean, mcse_sd, metropolis,
                                  metropolis_transition_matrix, pareto, rank_normalize,
                                  split_rhat, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import probability_vectors, symmetric_proposals, u_grids

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _example, _rng, _square
from test_bad_inputs_fifth import _log_density, _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _normal_pdf, _samples
from test_bad_inputs_twentyfirst import _edges
from test_bad_inputs_sixtyninth import _chains

X23 = np.arange(6.0).reshape(2, 3)
P3 = [0.2, 0.3, 0.5]


def _norm_sampler():
    return ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf)


# NumPy and PyTorch idioms inside a user's fun: each leaves the engine's graph or breaks it.

def _item_loss(x):
    """Reads the loss as a Python float (NumPy's ``.item()``): the gradient is lost."""
    return x.item() ** 2


def _tolist_loss(x):
    """Builds the loss from ``x.tolist()``: Python floats, the gradient is lost."""
    return sum(v * v for v in x.tolist())


def _sort_fun(x):
    """Sorts x in place (NumPy's ``ndarray.sort``) before using it."""
    x.sort()
    return ad.exp(x)


def _branch_loss(x):
    """Branches on a whole array, ``if x > 0`` (NumPy refuses its truth value)."""
    return ad.sum(x * x) if x > 0 else ad.sum(-x)


def _float64_loss(x):
    """Casts its loss with ``np.float64``: the gradient is lost."""
    return np.float64(ad.sum(x * x))


def _asarray_fun(x):
    """Calls ``np.asarray(x)`` inside, as NumPy code does: the graph is left."""
    return ad.exp(np.asarray(x))


def _numpy_fun(x):
    """PyTorch's ``x.numpy()``."""
    return ad.exp(x.numpy())


def _numpy_loss(x):
    return ad.sum(x.numpy() ** 2)


def _detach_loss(x):
    """PyTorch's ``x.detach()`` (the gradient would be cut)."""
    return ad.sum(x.detach() ** 2)


def _backward_fun(x):
    """Calls PyTorch's ``loss.backward()`` inside the function."""
    loss = ad.sum(x * x)
    loss.backward()
    return loss


def _view_fun(x):
    """PyTorch's ``x.view(-1)`` (a reshape there; a dtype view in NumPy)."""
    return ad.exp(x.view(-1))


# The outputs of other MCMC tools, where their draws were meant.

class _EnsembleSampler:
    """An emcee-like EnsembleSampler: the draws are behind ``get_chain()``."""

    def get_chain(self, flat=False, discard=0, thin=1):
        return _chains().T[:, :, None]           # (steps, walkers, 1)

    def __repr__(self):
        return "<emcee-like EnsembleSampler: 2 walkers, 100 steps>"


class _InferenceData:
    """An ArviZ-like InferenceData: the draws are in ``.posterior['mu']``."""

    def __init__(self):
        self.posterior = {"mu": _chains()}

    def __repr__(self):
        return "Inference data with groups:\n\t> posterior"


class _MultiTrace:
    """A PyMC3-like MultiTrace: ``trace['mu']`` the draws, ``trace[i]`` a point (a dict)."""

    def __len__(self):
        return 100

    def __getitem__(self, key):
        if isinstance(key, str):
            return _chains()
        if not 0 <= key < 100:
            raise IndexError(key)
        return {"mu": float(_chains()[0, key])}

    def __repr__(self):
        return "<MultiTrace: 2 chains, 100 iterations, 1 variables>"


class _StanFit:
    """A PyStan-like fit: the draws are behind ``fit.extract()``."""

    def extract(self):
        return {"mu": _chains()}

    def __repr__(self):
        return "<StanFit for model 'normal'>"


class _MCMC:
    """A NumPyro-like MCMC object: the draws are behind ``get_samples(group_by_chain=True)``."""

    def get_samples(self, group_by_chain=False):
        return {"mu": _chains()}

    def __repr__(self):
        return "<numpyro-like MCMC (NUTS), 2 chains>"


def _cmdstan_text():
    """A CmdStan output CSV read as text: the header row ``lp__,mu`` kept, strings."""
    v = _samples(50)
    return np.array([["lp__", "mu"]] + [[f"{-0.5 * t * t:.3f}", f"{t:.3f}"] for t in v])


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("sum dtype=np.float32, NumPy's keyword", lambda d: ad.sum(X23, dtype=np.float32),
     ["dtype"]),
    ("exp out= a buffer, NumPy's ufunc keyword", lambda d: ad.exp(X3, out=np.zeros(3)),
     ["out"]),
    ("logsumexp b= weights, SciPy's keyword", lambda d: ad.logsumexp(
        X3, b=np.array([1.0, 2.0, 3.0])), ["b"]),
    ("logsumexp return_sign=True, SciPy's keyword", lambda d: ad.logsumexp(
        X3, return_sign=True), ["return_sign"]),
    ("max initial=10.0, NumPy's keyword", lambda d: ad.max(X3, initial=10.0), ["initial"]),
    ("prod where= a mask, NumPy's keyword", lambda d: ad.prod(X3, where=X3 > 0), ["where"]),
    ("reshape order='F', NumPy's keyword", lambda d: ad.reshape(X23, (3, 2), order="F"),
     ["order", "'F'"]),
    ("add where= a mask, NumPy's ufunc keyword", lambda d: ad.add(X3, X3, where=X3 > 0),
     ["where"]),
    ("tanh casting='unsafe', NumPy's ufunc keyword", lambda d: ad.tanh(X3, casting="unsafe"),
     ["casting"]),
    ("broadcast_to subok=True, NumPy's keyword", lambda d: ad.broadcast_to(
        X3, (2, 3), subok=True), ["subok"]),
    ("mean where= a mask, NumPy's keyword", lambda d: ad.mean(X23, where=X23 > 1),
     ["where"]),
    ("grad of a fun reading its loss with x.item()", lambda d: ad.grad(_item_loss)(
        np.array([1.5])), ["_item_loss"]),
    ("value_and_grad of a fun summing x.tolist()", lambda d: ad.value_and_grad(
        _tolist_loss)(X3), ["_tolist_loss"]),
    ("jacobian of a fun sorting x in place, x.sort()", lambda d: ad.jacobian(_sort_fun)(X3),
     ["_sort_fun"]),
    ("hessian of a fun branching on a whole array, if x > 0", lambda d: ad.hessian(
        _branch_loss)(X3), ["_branch_loss"]),
    ("grad of a fun casting its loss with np.float64", lambda d: ad.grad(_float64_loss)(X3),
     ["_float64_loss"]),
    ("jvp of a fun calling np.asarray(x) inside", lambda d: ad.jvp(
        _asarray_fun, (X3,), (X3,)), ["_asarray_fun"]),
    ("vjp of a fun calling PyTorch's x.numpy()", lambda d: ad.vjp(_numpy_fun, X3),
     ["_numpy_fun"]),
    ("value_and_grad of a fun calling PyTorch's x.detach()", lambda d: ad.value_and_grad(
        _detach_loss)(X3), ["_detach_loss"]),
    ("trace of a fun calling PyTorch's loss.backward() inside", lambda d: ad.trace(
        _backward_fun, X3), ["_backward_fun"]),
    ("jacobian of a fun calling PyTorch's x.view(-1)", lambda d: ad.jacobian(_view_fun)(X3),
     ["_view_fun"]),
    ("clip a_min '−1.0' with a Unicode minus, pasted from a PDF", lambda d: ad.clip(
        X3, "−1.0", 1.0), ["a_min", "−1.0"]),
    ("power exponent '٢', an Arabic-Indic two", lambda d: ad.power(X3, "٢"), ["٢"]),
    ("expand_dims axis '٠', an Arabic-Indic zero", lambda d: ad.expand_dims(X3, "٠"),
     ["axis", "٠"]),
    ("var ddof '１', a full-width one", lambda d: ad.var(X23, ddof="１"), ["ddof", "１"]),
]

GRADCHECK_CASES = [
    ("check_grads modes=['rev'], JAX's keyword", lambda d: check_grads(
        _square, (X3,), modes=["rev"]), ["modes"]),
    ("check_grads of a fun calling PyTorch's x.numpy()", lambda d: check_grads(
        _numpy_loss, (X3,)), ["_numpy_loss"]),
    ("check_grads of a fun summing x.tolist()", lambda d: check_grads(_tolist_loss, (X3,)),
     ["_tolist_loss"]),
    ("hvp of a fun calling PyTorch's x.detach()", lambda d: hvp(_detach_loss, X3, X3),
     ["_detach_loss"]),
    ("hvp v strings with a Unicode minus, ['−1.0', '0', '0']", lambda d: hvp(
        _square, X3, ["−1.0", "0", "0"]), ["v", "−1.0"]),
    ("check_grads eps '1e−6' with a Unicode minus", lambda d: check_grads(
        _square, (X3,), eps="1e−6"), ["eps", "1e−6"]),
    ("check_grads atol '1,0e-6' with a decimal comma", lambda d: check_grads(
        _square, (X3,), atol="1,0e-6"), ["atol", "1,0e-6"]),
    ("check_grads order '２', a full-width two", lambda d: check_grads(
        _square, (X3,), order="２"), ["order", "２"]),
]

SAMPLER_CASES = [
    ("exponential scale=2.0, NumPy's parameter (rate is taken)", lambda d: exponential(
        scale=2.0), ["scale"]),
    ("weibull c=1.5, SciPy's weibull_min shape name", lambda d: weibull(c=1.5), ["c"]),
    ("pareto b=2.0, SciPy's shape name", lambda d: pareto(b=2.0), ["b"]),
    ("cauchy gamma=1.0, the textbook's scale name", lambda d: cauchy(gamma=1.0), ["gamma"]),
    ("laplace size=100, NumPy's keyword", lambda d: laplace(0.0, 1.0, size=100), ["size"]),
    ("metropolis burn_in=100, another sampler's keyword", lambda d: _metropolis(
        burn_in=100), ["burn_in"]),
    ("metropolis proposal_sd=0.5, another sampler's keyword", lambda d: _metropolis(
        proposal_sd=0.5), ["proposal_sd"]),
    ("discrete sample random_state=rng, SciPy's keyword", lambda d: DiscreteInverseCDF(
        P3).sample(5, random_state=_rng()), ["random_state"]),
    ("grid_inverse_cdf num=4096, np.linspace's keyword", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, 3.0, num=4096), ["num"]),
    ("from_density bounds=(-5, 5), SciPy's keyword", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, bounds=(-5.0, 5.0)), ["bounds"]),
    ("metropolis rng before n_steps, another library's order", lambda d: metropolis(
        _log_density, np.zeros((2, 1)), _rng(), 20), ["n_steps", "Generator"]),
    ("metropolis_transition_matrix Q first and p second", lambda d:
        metropolis_transition_matrix(np.full((3, 3), 1 / 3), P3), ["p"]),
    ("total_variation cdf before edges", lambda d: total_variation(
        _samples(), stats.norm.cdf, _edges()), ["edges"]),
    ("grid_inverse_cdf lo and hi first, pdf last", lambda d: grid_inverse_cdf(
        -3.0, 3.0, _normal_pdf), ["pdf"]),
    ("find_center a and b first, pdf last", lambda d: find_center(-3.0, 3.0, _normal_pdf),
     ["pdf"]),
    ("continuous rvs random_state first, size second", lambda d: _norm_sampler().rvs(
        _rng(), 5), ["size", "Generator"]),
    ("from_ppf the cdf first and the ppf second", lambda d: ContinuousInverseCDF.from_ppf(
        stats.norm.cdf, stats.norm.ppf), ["cdf", "ppf"]),
    ("laplace scale '٢', an Arabic-Indic two", lambda d: laplace(scale="٢"),
     ["scale", "٢"]),
    ("logistic loc '−1.5' with a Unicode minus", lambda d: logistic(loc="−1.5"),
     ["loc", "−1.5"]),
    ("pareto alpha '２', a full-width two", lambda d: pareto("２"), ["alpha", "２"]),
    ("weibull shape '1,5' with a decimal comma", lambda d: weibull("1,5"), ["shape", "1,5"]),
    ("metropolis step_size '0.5' with a trailing no-break space", lambda d: _metropolis(
        step_size="0.5\u00a0"), ["step_size", "0.5"]),
    ("DiscreteInverseCDF p in Arabic-Indic digits, '٠.٢'", lambda d: DiscreteInverseCDF(
        ["٠.٢", "٠.٣", "٠.٥"]), ["p", "٠.٢"]),
    ("discrete sample size '٥', an Arabic-Indic five", lambda d: DiscreteInverseCDF(
        P3).sample("٥", _rng()), ["size", "٥"]),
    ("from_density u_resolution '1e−10' with a Unicode minus", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, u_resolution="1e−10"),
     ["u_resolution", "1e−10"]),
    ("grid_inverse_cdf n '４０９６' in full-width digits", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, 3.0, n="４０９６"), ["n", "４０９６"]),
    ("continuous ppf u in Arabic-Indic digits, '٠.١'", lambda d: _norm_sampler().ppf(
        ["٠.١", "٠.٥"]), ["u", "٠.١"]),
    ("continuous u_error sample_size '10 000' with a narrow no-break space", lambda d:
        _norm_sampler().u_error(sample_size="10\u202f000"), ["sample_size", "000"]),
    ("metropolis n_warmup '۱۰۰' in Persian digits", lambda d: _metropolis(n_warmup="۱۰۰"),
     ["n_warmup", "۱۰۰"]),
    ("step_size_sweep scaled in Arabic-Indic digits, '٠.٥'", lambda d: step_size_sweep(
        ["٠.٥", "١", "٢"], 2, 20, {"d1": 1}, [_rng()]), ["scaled", "٠.٥"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws an emcee-like EnsembleSampler (get_chain() meant)", lambda d:
        split_rhat(_EnsembleSampler()), ["draws", "EnsembleSampler"]),
    ("ess_bulk draws an ArviZ-like InferenceData (its posterior meant)", lambda d:
        ess_bulk(_InferenceData()), ["draws", "InferenceData"]),
    ("ess_tail prob ('٠.٠٥', '٠.٩٥') in Arabic-Indic digits", lambda d: ess_tail(
        _chains(), prob=("٠.٠٥", "٠.٩٥")), ["prob", "٠.٠٥"]),
    ("ess_mean draws a PyMC3-like MultiTrace (trace['mu'] meant)", lambda d: ess_mean(
        _MultiTrace()), ["draws", "MultiTrace"]),
    ("mcse_mean draws a PyStan-like fit (fit.extract() meant)", lambda d: mcse_mean(
        _StanFit()), ["draws", "StanFit"]),
    ("mcse_sd draws an ArviZ-like InferenceData (its posterior meant)", lambda d: mcse_sd(
        _InferenceData()), ["draws", "InferenceData"]),
    ("rank_normalize draws a CmdStan CSV read as text, header 'lp__' kept", lambda d:
        rank_normalize(_cmdstan_text()), ["draws", "lp__"]),
    ("diagnose draws a NumPyro-like MCMC object (get_samples() meant)", lambda d: diagnose(
        _MCMC()), ["draws", "MCMC"]),
    ("quantile_type7 prob '٠.٥', an Arabic-Indic half", lambda d: quantile_type7(
        _samples(), "٠.٥"), ["prob", "٠.٥"]),
    ("quantile_type7 x an emcee-like EnsembleSampler", lambda d: quantile_type7(
        _EnsembleSampler(), 0.5), ["x", "EnsembleSampler"]),
]

TESTING_CASES = [
    ("assert_cdf_matches alternative='less', scipy.stats.kstest's keyword", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.cdf, alternative="less"),
     ["alternative"]),
    ("ks_distance args=(0, 1), kstest's keyword for the cdf's parameters", lambda d:
        testing.ks_distance(_samples(), stats.norm.cdf, args=(0.0, 1.0)), ["args"]),
    ("assert_same_distribution significance=0.01, another library's keyword", lambda d:
        testing.assert_same_distribution(_samples(), _samples(), significance=0.01),
     ["significance"]),
    ("chi_square_pvalue p first and counts second", lambda d: testing.chi_square_pvalue(
        P3, [20, 30, 50]), ["counts", "0.2"]),
    ("assert_inverts the cdf first and the ppf second", lambda d: testing.assert_inverts(
        stats.norm.cdf, stats.norm.ppf, np.linspace(0.1, 0.9, 5), 1e-9), ["ppf", "cdf"]),
    ("assert_labels_match p first and labels second", lambda d: testing.assert_labels_match(
        P3, [0, 1, 2, 2, 1]), ["labels", "0.2"]),
    ("chi_square_power alpha in n's place and n in alpha's", lambda d:
        testing.chi_square_power(P3, [0.3, 0.3, 0.4], 1e-6, 1000), ["n", "1e-06"]),
    ("draws_needed discrepancy '٠.٠٠٥' in Arabic-Indic digits", lambda d:
        testing.draws_needed("٠.٠٠٥"), ["discrepancy", "٠.٠٠٥"]),
    ("dkw_epsilon n '１０００' in full-width digits", lambda d: testing.dkw_epsilon("１０００"),
     ["n", "１０００"]),
    ("smallest_detectable alpha '1e−6' with a Unicode minus", lambda d:
        testing.smallest_detectable(1000, alpha="1e−6"), ["alpha", "1e−6"]),
    ("density student_t df '٣', an Arabic-Indic three", lambda d: densities.student_t("٣"),
     ["df", "٣"]),
    ("density triangular c=0.5, SciPy's shape name", lambda d: densities.triangular(
        0.0, 1.0, c=0.5), ["c"]),
    ("density beta alpha= and beta=, the textbook's names", lambda d: densities.beta(
        alpha=2.0, beta=3.0), ["alpha"]),
    ("density uniform loc= and scale=, SciPy's parametrisation", lambda d:
        densities.uniform(loc=0.0, scale=1.0), ["loc"]),
    ("density normal_mixture scales in locs' place", lambda d: densities.normal_mixture(
        [0.5, 0.5], [1.0, 1.0], [-1.0, 1.0]), ["scales", "-1.0"]),
    ("density steps heights first and edges second", lambda d: densities.steps(
        [0.5, 0.5], [0.0, 1.0, 2.0]), ["edges"]),
    ("density pareto scale '１', a full-width one", lambda d: densities.pareto(
        2.0, scale="１"), ["scale", "１"]),
    ("strategies u_grids cut_points ('٠.٥',) in Arabic-Indic digits", lambda d: _example(
        u_grids(cut_points=("٠.٥",))), ["cut_points", "٠.٥"]),
    ("strategies probability_vectors min_size '٢', an Arabic-Indic two", lambda d: _example(
        probability_vectors(min_size="٢")), ["min_size", "٢"]),
    ("strategies symmetric_proposals n '٣', an Arabic-Indic three", lambda d: _example(
        symmetric_proposals("٣")), ["n", "٣"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style save dpi=300, matplotlib savefig's keyword", lambda d: style.save(
        style.subplots()[0], d, "fig_a", dpi=300), ["dpi"]),
    ("style subplots nrows '٢', an Arabic-Indic two", lambda d: style.subplots(nrows="٢"),
     ["nrows", "٢"]),
    ("style check_numbers the values first and the name second", lambda d:
        style.check_numbers(X3, "values"), ["name"]),
    ("style check_numbers shape '(3,)', a string", lambda d: style.check_numbers(
        "values", X3, shape="(3,)"), ["shape", "(3,)"]),
    ("style subplots ncols '２', a full-width two", lambda d: style.subplots(ncols="２"),
     ["ncols", "２"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold the GLIBC_TUNABLES text", lambda d:
        memory.keep_freed_memory(mmap_threshold="glibc.malloc.mmap_threshold=67108864"),
     ["mmap_threshold", "glibc.malloc"], None),
    ("keep_freed_memory trim_threshold '２６８４３５４５６' in full-width digits", lambda d:
        memory.keep_freed_memory(trim_threshold="２６８４３５４５６"),
     ["trim_threshold", "２６８４３５４５６"], None),
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
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_eightythird_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_eightythird.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
