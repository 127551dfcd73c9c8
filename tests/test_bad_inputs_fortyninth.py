"""A forty-ninth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit e0285ca, from the user's side
only: the README; the public names (``__all__`` where there is one) and signatures of
``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``sampling`` and its modules
(``finite_chain``, ``interpolation``, ``step_size``, ``mixing``, ``tails``, ``quadrature``,
``diagnostics``, ``metropolis``), the public methods of ``DiscreteInverseCDF`` and
``ContinuousInverseCDF``, ``testing``, ``testing.densities`` and ``figures.style``; after the
first run (to judge the misses only) the docstrings of ``autodiff.stop_gradient``,
``autodiff.tree_map`` and ``testing.assert_cdf_matches``; and the earlier batteries' ids,
layout and shared helpers (imported, not copied). Not read: the body of any validation code
(``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``), the library's source, its
history, anything of /work/main. No ``__main__`` module was imported; no case writes anywhere
(no case needs a file; the figures cases draw nothing).

Areas (library side only; the command line, Chapter 2, strategies, checkpoints, nn/optim, task
families and Omniglot are another writer's), as written: the autodiff engine -- ops, grad,
vjp, jvp, jacobian, hessian, value_and_grad, trace, stop_gradient, tree_map (26), gradcheck --
check_grads, hvp (8), samplers -- grid and named inverse CDFs, from_ppf, from_density, the
inverse CDFs' ppf, sample and rvs, Metropolis, the transition matrix, quadrature, tails,
mixing, step size, finite_chain (37), diagnostics (11), the testing kit and its densities
(21), ``figures.style`` helpers (5), the ``memory`` functions (2): 110. No
``SCRATCHMETA_KEEP_FREED_MEMORY`` value was drafted (the earlier batteries' ids hold some 70
of them), and no hypothesis-strategy case was written (``testing.strategies`` has no
``__all__``).

Kinds of bad value, six, each found in none of the 7,729 earlier ids (grep of the kind's
words: ``Polynomial``, ``sympy``/``Symbol``, ``mpmath``/``mpf``, ``pandas``/``DataFrame``/
``table``, ``torch``, ``logpdf``/``logcdf``/``norm.pdf``/``norm.ppf``/``sf``/``survival``):
- a ``numpy.polynomial.Polynomial`` (the new-style polynomial: callable, not array-like;
  NumPy makes it a 0-d object array) where a number, an axis, an index or an array is meant
  (prod axis, hessian argnum, einsum operand, concatenate xs, getitem index, hvp v, cauchy,
  laplace and student_t scale, discrete ppf u, find_center b, the draws of ess_bulk,
  mcse_mean and ess_mean, assert_same_distribution x, chi_square_pvalue p, density steps
  heights, style subplots ncols, keep_freed_memory mmap_threshold), and a user's function
  returning its Polynomial object instead of its values (value_and_grad, jvp and trace fun,
  explore pdf, assert_inverts cdf) -- on purpose never on a function and argument where the
  forty-seventh battery used a ``numpy.poly1d`` (mentions ``Polynomial``);
- a ``sympy.Symbol`` where a number, a count, an axis or a shape is meant (mul, maximum,
  stop_gradient x, broadcast_to shape, value_and_grad argnums, exponential rate, weibull
  scale, metropolis n_warmup, continuous sample size, from_density center, optimal_acceptance
  dim, ess_tail prob, quantile_type7 prob, split_rhat draws, smallest_detectable n,
  chi_square_power q, density laplace scale and uniform hi, style check_positive_numbers
  value), and a user's function returning a Symbol (grad, jacobian, vjp, check_grads and hvp
  fun, grid_inverse_cdf pdf, metropolis log_density, integrate f, assert_monotone ppf)
  (mentions ``Symbol``);
- an ``mpmath.mpf`` number that is out of range (NaN, inf, 0, 1.5) or not an int where one
  is meant (clip a_max, sqrt, norm and expand_dims axis, check_grads atol and order,
  grid_inverse_cdf hi, logistic loc, pareto scale, metropolis target_acceptance, integrate
  hi, step_size_sweep scaled, diagnose draws, draws_needed discrepancy, dkw_epsilon alpha,
  density trapezoid c and beta a, style check_count value, keep_freed_memory trim_threshold)
  (mentions ``mpf``, its repr and type);
- a pandas-like ``Table`` built here (columns by name, ``.values``, iterates its column names
  as a DataFrame does, no ``__array__``), the table itself where its numbers are meant
  (reshape, stack xs, tree_map's second tree, where cond, solve b, tanh, hvp x, check_grads
  args, metropolis x0, DiscreteInverseCDF p, fixed_step_chains scaled,
  check_symmetric_proposal q, metropolis_transition_matrix Q, the draws of split_rhat,
  rank_normalize and mcse_sd, quantile_type7 x, assert_cdf_matches samples,
  assert_labels_match p, two_sample_distance x, assert_inverts u, density normal_mixture
  locs, style check_numbers x) (mentions ``Table``);
- a ``torch.Generator`` where a numpy Generator is meant (check_grads, metropolis and
  discrete sample rng, continuous rvs random_state, walks_from_one_start rngs, style
  check_seed seed) (mentions ``torch``, from its repr);
- the wrong SciPy method of the right distribution, a confused user's mix-up: ``logpdf``
  where a density is meant (grid_inverse_cdf, from_density and density_values pdf), ``pdf``
  where a CDF is meant (from_ppf, bin_masses and assert_cdf_matches cdf), ``ppf``, ``sf`` and
  ``logcdf`` where a CDF is meant (total_variation, pooled_total_variation, noise_floor and
  ks_distance cdf) (mentions the method's name, which the library can read off the function).

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 7,729 id-like tuple heads by a regex at the start of each case
tuple) were grepped for each kind's words above (no hit for any of the six kinds) and every
draft id was checked not to be an earlier id verbatim (none). The nearest earlier kinds were
kept apart: the forty-seventh's ``numpy.poly1d`` (array-like; the Polynomial cases are on
other functions and arguments), "the scipy distribution stats.norm" (the distribution object
where a function is meant; here a real function, the wrong one), "an async function", "a
NumPy string scalar", "an object whose __array__ raises" (the Table has no ``__array__``; it
converts, to its column names).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (2, 4)`` were kept (``_kept``): 69 of the 110.
After the first run a case could only be dropped or corrected, never added or swapped.
Dropped: none. Corrected: none.

First run at e0285ca (about 3.7 s as a script, 7.5 s under pytest; 70 collected, the 12 kept
misses failing as expected): kept, 57 of 69 clear (82.6%), 11 unclear (15.9%), 1 silent
(1.4%), 0 data loss -- engine 13/16, gradcheck 5/5, samplers 15/23, diagnostics 7/7, testing
kit 12/13, figures 3/3, memory 2/2. Written, 86 of 110 clear (78.2%), 23 unclear (20.9%), 1
silent (0.9%), 0 data loss -- engine 22/26, gradcheck 8/8, samplers 23/37, diagnostics 11/11,
testing kit 16/21, figures 4/5, memory 2/2. With no drop or correction, the numbers after
them are the same. Every Polynomial, mpf, Table (but tree_map's) and torch case was clear;
the misses are sympy Symbols printed by their str alone (``got n``, ``got w``: the type is
never said, and a bare letter reads like a typo) and the wrong SciPy method (the message
names the argument and shows the wrong values, never which function was passed -- arguable:
the values do show the fault).

Not clear, kept:
- ``tree_map over a list and a pandas-like table``: unclear -- ValueError "tree_map needs
  trees with the same leaves; their leaf counts are [2, 1] (trees [*, *], *)": the Table is
  shown as ``*`` only (its docstring makes any non-container one leaf, so the mismatch is the
  fault, but neither the value nor its type is named).
- ``value_and_grad argnums a sympy Symbol``: unclear -- TypeError "argnums must be an int or a
  tuple of ints, got i".
- ``stop_gradient x a sympy Symbol``: silent -- no error; its docstring refuses text, None, a
  dict or a set and passes plain NumPy arrays; a Symbol is neither, so not documented valid.
- ``grid_inverse_cdf pdf the scipy logpdf``: unclear -- ValueError "pdf: the density is
  negative (-5.418938533204672) at x = -3.0; a density must be a non-negative number
  everywhere on the domain".
- ``metropolis log_density returning a sympy Symbol``: unclear -- ValueError "log_density must
  map an array of shape (chains, dim) to shape (chains,), i.e. (2,); it returned shape ():
  ndarray array(x, dtype=object)".
- ``continuous sample size a sympy Symbol``: unclear -- TypeError "size must be an int or a
  tuple of ints, got n".
- ``from_density pdf the scipy logpdf``: unclear -- ValueError "pdf: the density is negative
  (-inf) at x = -1e+308; a density must be a non-negative number everywhere on the domain".
- ``from_density center a sympy Symbol``: unclear -- TypeError "center must be a real number
  (a point where the density is positive) or None, got c".
- ``total_variation cdf the scipy ppf``: unclear -- ValueError "cdf must be a CDF: at the edges
  it must return one number in [0, 1] per edge, never decreasing, got array([ nan,  nan,
  -inf,   0.,  inf]) (shape (5,)) for edges of shape (5,)".
- ``noise_floor cdf the scipy logcdf``: unclear -- ValueError "cdf must be a CDF: ... got
  array([-1.84102165, -1.17591176, -0.69314718, -0.36894642, -0.17275378]) (shape (5,)) ...".
- ``optimal_acceptance dim a sympy Symbol``: unclear -- TypeError "dim must be an int, got d".
- ``assert_monotone ppf returning a sympy Symbol``: unclear -- TypeError "ppf must return real
  numbers, got object values: an array of shape () and dtype object: array(x, dtype=object)".
Not clear, written and not kept:
- ``broadcast_to shape holding a sympy Symbol``: unclear -- TypeError "broadcast_to: shape
  must be a shape (a tuple of ints), got tuple (n, 3)".
- ``grid_inverse_cdf pdf returning a sympy Symbol``: unclear -- TypeError "pdf must return
  real numbers, but it returned dtype object: ndarray array(x, dtype=object)".
- ``metropolis n_warmup a sympy Symbol``: unclear -- TypeError "n_warmup must be an int, got
  w".
- ``from_ppf cdf the scipy pdf``: unclear -- ValueError "cdf must be non-decreasing (it is a
  CDF), but cdf(np.float64(0.0)) = np.float64(0.3989422804014327) >
  cdf(np.float64(0.009791673161345346)) = np.float64(0.3989231561925876)".
- ``density_values pdf the scipy logpdf``: unclear -- ValueError "pdf: the density is negative
  (-1.4189385332046727) at x = -1.0; ...".
- ``bin_masses cdf the scipy pdf``: unclear -- ValueError "cdf must be a CDF: ... got
  array([0.24197072, 0.35206533, 0.39894228, 0.35206533, 0.24197072]) (shape (5,)) ...".
- ``pooled_total_variation cdf the scipy survival function``: unclear -- ValueError "cdf must
  be a CDF: ... got array([0.84134475, 0.69146246, 0.5, 0.30853754, 0.15865525]) ...".
- ``assert_cdf_matches cdf the scipy pdf``: unclear -- AssertionError "the draws do not
  follow the given CDF: sup |F_n - F| = 0.994 over 200 draws exceeds the DKW bound 0.19 (a
  correct sampler gets this far with probability <= 1e-06)": the non-CDF is not refused as
  an input; the kit reports it as a failing sampler (arguable: its docstring's failure).
- ``smallest_detectable n a sympy Symbol``: unclear -- TypeError "n must be a positive int,
  got n".
- ``ks_distance cdf the scipy logcdf``: unclear -- ValueError "cdf must map an array of draws
  to an array of the same shape of numbers in [0, 1] (no NaN); got shape (200,) for (200,):
  an array of shape (200,) and dtype float64: array([-5.69845316e+00, ...".
- ``chi_square_power q holding a sympy Symbol``: unclear -- TypeError "q must be an array of
  probabilities, got object values: list [q, 0.6]".
- ``style check_positive_numbers value a sympy Symbol``: unclear -- TypeError "widths must be
  widths (1 numbers), got w".

Made runnable in CI by the lead (the only change to the cases' file after the writer): sympy,
mpmath and torch are imported inside the helpers that need them, and a case that needs a missing
one is skipped (``_missing``); CI installs none of them, this machine's .venv has all three.

Measured on main at 0ae2bd3 (e0285ca plus a rename of private names, no change of behaviour),
blind: kept, 57 of 69 clear (82.6%), 11 unclear, 1 silent, 0 data loss; written, 86 of 110
(78.2%), 23 unclear, 1 silent, 0 data loss. Round 33 (with sight of this file and the
forty-eighth, so not blind): a value whose repr hides its type (a Symbol n reprs as ``n``) is
shown with its type in every "got ..." (``scratchmeta.messages.seen``; the engine keeps a copy);
a list or a shape with such an entry says which entry (``odd_entry``); a SciPy distribution's
method given in another method's role (``logpdf`` as a pdf, ``sf`` or ``pdf`` as a cdf) is
refused by name before any call (``other_method``); a user's function that returns one object
NumPy reads as an object array is refused by its type; ``stop_gradient`` refuses an object
NumPy reads as no numbers; ``tree_map`` names a lone leaf's type. After it: all 69 kept and all
110 written clear.
"""

import importlib.util

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
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.sampling.mixing import bin_masses, pooled_total_variation, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.testing import densities

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _discrete, _normal_pdf, _samples, _sweep
from test_bad_inputs_twentyfirst import _edges, _ppf_sampler
from test_bad_inputs_twentyfifth import _fixed, _noise, _walks25

POLYN = "Polynomial"  # numpy.polynomial.Polynomial: callable, not array-like (0-d object)
SYM = "Symbol"        # a sympy Symbol: a symbolic unknown, not a number
MPF = "mpf"           # an mpmath number (here out of range): float() works, NumPy: dtype object
TABLE = "Table"       # a pandas-like table built here: no __array__, iterates its column names
TORCH = "torch"       # a torch.Generator where a numpy Generator is meant

_P = np.polynomial.Polynomial([1.0, 0.5])   # a user's polynomial, returned instead of _P(x)


def _polynomial(value):
    """``Polynomial([value])``: a constant polynomial object where the number is meant."""
    return np.polynomial.Polynomial([value])


def _returning_polynomial(*args, **kwargs):
    """A user's function that returns its Polynomial object instead of its values at x."""
    return _P


# sympy, mpmath and torch are not among the test dependencies (CI has none of them): a case
# that needs one is skipped where it is missing (added by the lead, not the writer; this
# machine's .venv has all three, as torch brings sympy and mpmath).
NEEDS = {"sympy": "sympy", "mpmath": "mpf", "torch": "torch"}


def _missing(case):
    """The optional package a case needs and this environment lacks, else None."""
    text = " ".join(map(str, case[:1] + tuple(case[2]))).lower()
    for package, word in NEEDS.items():
        if word.lower() in text and importlib.util.find_spec(package) is None:
            return package
    return None


def _symbol(name="x"):
    import sympy
    return sympy.Symbol(name)


def _returning_symbol(*args, **kwargs):
    """A user's function that returns the sympy symbol it meant to substitute into."""
    import sympy
    return sympy.Symbol("x")


def _mpf(text):
    import mpmath
    return mpmath.mpf(text)


class Table:
    """A pandas-like table a user might build: columns by name, ``.values`` and ``.columns``,
    ``len`` the number of rows, iteration over the column names (as a DataFrame), and no
    ``__array__`` -- the table itself where its numbers (``table.values``) are meant."""

    def __init__(self, columns):
        self._columns = {k: np.asarray(v, dtype=float) for k, v in columns.items()}

    @property
    def columns(self):
        return list(self._columns)

    @property
    def values(self):
        return np.column_stack(list(self._columns.values()))

    def __len__(self):
        return len(next(iter(self._columns.values())))

    def __getitem__(self, key):
        return self._columns[key]

    def __iter__(self):
        return iter(self._columns)


def _table(*columns):
    """A Table with one column per array given (named a, b, c, ...)."""
    return Table({chr(ord("a") + i): c for i, c in enumerate(columns)})


def _chains_table():
    """Four chains of 50 draws as four columns."""
    draws = np.random.default_rng(1).normal(size=(4, 50))
    return _table(*draws)


def _torch_generator():
    import torch
    g = torch.Generator()
    g.manual_seed(0)
    return g


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("value_and_grad of a fun returning a numpy Polynomial", lambda d: ad.value_and_grad(
        _returning_polynomial)(X3), ["fun", POLYN]),
    ("mul of a sympy Symbol", lambda d: ad.mul(X3, _symbol()), [SYM]),
    ("grad of a fun returning a sympy Symbol", lambda d: ad.grad(_returning_symbol)(X3),
     ["fun", SYM]),
    ("jvp of a fun returning a numpy Polynomial", lambda d: ad.jvp(
        _returning_polynomial, (X3,), (X3,)), ["fun", POLYN]),
    ("prod axis a numpy Polynomial", lambda d: ad.prod(np.ones((2, 3)), axis=_polynomial(0)),
     ["axis", POLYN]),
    ("clip a_max an mpmath NaN", lambda d: ad.clip(X3, -1.0, _mpf("nan")), ["a_max", MPF]),
    ("jacobian of a fun returning a sympy Symbol", lambda d: ad.jacobian(
        _returning_symbol)(X3), ["fun", SYM]),
    ("reshape of a pandas-like table", lambda d: ad.reshape(_table(X3, X3), (6,)), [TABLE]),
    ("stack xs a pandas-like table", lambda d: ad.stack(_table(X3, X3)), ["xs", TABLE]),
    ("hessian argnum a numpy Polynomial", lambda d: ad.hessian(
        _square, argnum=_polynomial(0))(X3), ["argnum", POLYN]),
    ("sqrt of an mpmath number", lambda d: ad.sqrt(_mpf("2")), [MPF]),
    ("tree_map over a list and a pandas-like table", lambda d: ad.tree_map(
        lambda a, b: a + b, [X3, X3], _table(X3, X3)), [TABLE]),
    ("where cond a pandas-like table", lambda d: ad.where(_table(X3 > 0), X3, -X3),
     ["cond", TABLE]),
    ("vjp of a fun returning a sympy Symbol", lambda d: ad.vjp(_returning_symbol, X3),
     ["fun", SYM]),
    ("einsum operand a numpy Polynomial", lambda d: ad.einsum("i,i->", X3, _polynomial(2.0)),
     [POLYN]),
    ("solve b a pandas-like table", lambda d: ad.solve(np.eye(3), _table(X3)), ["b", TABLE]),
    ("trace of a fun returning a numpy Polynomial", lambda d: ad.trace(
        _returning_polynomial, X3), ["fun", POLYN]),
    ("maximum of a sympy Symbol", lambda d: ad.maximum(X3, _symbol()), [SYM]),
    ("norm axis an mpmath number", lambda d: ad.norm(np.ones((2, 3)), axis=_mpf("1")),
     ["axis", MPF]),
    ("broadcast_to shape holding a sympy Symbol", lambda d: ad.broadcast_to(
        X3, (_symbol("n"), 3)), ["shape", SYM]),
    ("value_and_grad argnums a sympy Symbol", lambda d: ad.value_and_grad(
        _square, argnums=_symbol("i"))(X3), ["argnums", SYM]),
    ("concatenate xs holding a numpy Polynomial", lambda d: ad.concatenate(
        [X3, _polynomial(1.0)]), ["xs", POLYN]),
    ("expand_dims axis an mpmath number", lambda d: ad.expand_dims(X3, _mpf("1")),
     ["axis", MPF]),
    ("getitem index a numpy Polynomial", lambda d: ad.getitem(X3, _polynomial(1)), [POLYN]),
    ("tanh of a pandas-like table", lambda d: ad.tanh(_table(X3)), [TABLE]),
    ("stop_gradient x a sympy Symbol", lambda d: ad.stop_gradient(_symbol()), ["x", SYM]),
]

GRADCHECK_CASES = [
    ("check_grads fun returning a sympy Symbol", lambda d: check_grads(
        _returning_symbol, (X3,)), ["fun", SYM]),
    ("check_grads rng a torch Generator", lambda d: check_grads(
        _square, (X3,), rng=_torch_generator()), ["rng", TORCH]),
    ("check_grads atol an mpmath infinity", lambda d: check_grads(
        _square, (X3,), atol=_mpf("inf")), ["atol", MPF]),
    ("hvp x a pandas-like table", lambda d: hvp(_square, _table(X3), X3), ["x", TABLE]),
    ("check_grads args a pandas-like table", lambda d: check_grads(_square, _table(X3)),
     ["args", TABLE]),
    ("hvp fun returning a sympy Symbol", lambda d: hvp(_returning_symbol, X3, X3),
     ["fun", SYM]),
    ("check_grads order an mpmath number", lambda d: check_grads(
        _square, (X3,), order=_mpf("2")), ["order", MPF]),
    ("hvp v a numpy Polynomial", lambda d: hvp(_square, X3, _polynomial(1.0)), ["v", POLYN]),
]

SAMPLER_CASES = [
    ("grid_inverse_cdf pdf the scipy logpdf", lambda d: grid_inverse_cdf(
        stats.norm.logpdf, -3.0, 3.0), ["pdf", "logpdf"]),
    ("grid_inverse_cdf hi an mpmath infinity", lambda d: grid_inverse_cdf(
        _normal_pdf, -3.0, _mpf("inf")), ["hi", MPF]),
    ("grid_inverse_cdf pdf returning a sympy Symbol", lambda d: grid_inverse_cdf(
        _returning_symbol, -3.0, 3.0), ["pdf", SYM]),
    ("exponential rate a sympy Symbol", lambda d: exponential(_symbol("lam")), ["rate", SYM]),
    ("cauchy scale a numpy Polynomial", lambda d: cauchy(scale=_polynomial(1.0)),
     ["scale", POLYN]),
    ("logistic loc an mpmath NaN", lambda d: logistic(loc=_mpf("nan")), ["loc", MPF]),
    ("weibull scale a sympy Symbol", lambda d: weibull(1.5, scale=_symbol("s")),
     ["scale", SYM]),
    ("pareto scale an mpmath zero", lambda d: pareto(2.0, scale=_mpf("0")), ["scale", MPF]),
    ("laplace scale a numpy Polynomial", lambda d: laplace(scale=_polynomial(1.0)),
     ["scale", POLYN]),
    ("metropolis rng a torch Generator", lambda d: _metropolis(rng=_torch_generator()),
     ["rng", TORCH]),
    ("metropolis x0 a pandas-like table", lambda d: _metropolis(
        x0=_table(np.zeros(2))), ["x0", TABLE]),
    ("metropolis target_acceptance an mpmath number above 1", lambda d: _metropolis(
        target_acceptance=_mpf("1.5")), ["target_acceptance", MPF]),
    ("metropolis n_warmup a sympy Symbol", lambda d: _metropolis(n_warmup=_symbol("w")),
     ["n_warmup", SYM]),
    ("metropolis log_density returning a sympy Symbol", lambda d: _metropolis(
        log_density=_returning_symbol), ["log_density", SYM]),
    ("DiscreteInverseCDF p a pandas-like table", lambda d: DiscreteInverseCDF(
        _table([0.2, 0.3, 0.5])), ["p", TABLE]),
    ("discrete ppf u a numpy Polynomial", lambda d: _discrete().ppf(_polynomial(0.5)),
     ["u", POLYN]),
    ("discrete sample rng a torch Generator", lambda d: _discrete().sample(
        5, _torch_generator()), ["rng", TORCH]),
    ("continuous rvs random_state a torch Generator", lambda d: _ppf_sampler().rvs(
        5, random_state=_torch_generator()), ["random_state", TORCH]),
    ("continuous sample size a sympy Symbol", lambda d: _ppf_sampler().sample(
        _symbol("n"), _rng()), ["size", SYM]),
    ("from_ppf cdf the scipy pdf", lambda d: ContinuousInverseCDF.from_ppf(
        stats.norm.ppf, stats.norm.pdf), ["cdf", "pdf"]),
    ("from_density pdf the scipy logpdf", lambda d: ContinuousInverseCDF.from_density(
        stats.norm.logpdf), ["pdf", "logpdf"]),
    ("from_density center a sympy Symbol", lambda d: ContinuousInverseCDF.from_density(
        _normal_pdf, center=_symbol("c")), ["center", SYM]),
    ("integrate hi an mpmath NaN", lambda d: integrate(np.sin, 0.0, _mpf("nan")),
     ["hi", MPF]),
    ("integrate f returning a sympy Symbol", lambda d: integrate(_returning_symbol, 0.0, 1.0),
     ["f", SYM]),
    ("density_values pdf the scipy logpdf", lambda d: density_values(
        stats.norm.logpdf, np.linspace(-1.0, 1.0, 5)), ["pdf", "logpdf"]),
    ("find_center b a numpy Polynomial", lambda d: find_center(
        _normal_pdf, -3.0, _polynomial(3.0)), ["b", POLYN]),
    ("explore pdf returning a numpy Polynomial", lambda d: explore(
        _normal_pdf, _returning_polynomial, -3.0, 3.0), ["pdf", POLYN]),
    ("bin_masses cdf the scipy pdf", lambda d: bin_masses(_edges(), stats.norm.pdf),
     ["cdf", "pdf"]),
    ("total_variation cdf the scipy ppf", lambda d: total_variation(
        _samples(), _edges(), stats.norm.ppf), ["cdf", "ppf"]),
    ("pooled_total_variation cdf the scipy survival function", lambda d:
        pooled_total_variation(_samples().reshape(4, 50), _edges(), stats.norm.sf),
     ["cdf", "sf"]),
    ("noise_floor cdf the scipy logcdf", lambda d: _noise(cdf=stats.norm.logcdf),
     ["cdf", "logcdf"]),
    ("walks_from_one_start rngs a list of torch Generators", lambda d: _walks25(
        rngs=[_torch_generator()]), ["rngs", TORCH]),
    ("fixed_step_chains scaled a pandas-like table", lambda d: _fixed(
        scaled=_table([0.5, 1.0])), ["scaled", TABLE]),
    ("step_size_sweep scaled holding an mpmath infinity", lambda d: _sweep(
        scaled=[0.5, _mpf("inf")]), ["scaled", MPF]),
    ("check_symmetric_proposal q a pandas-like table", lambda d: check_symmetric_proposal(
        _table(*np.full((3, 3), 1.0 / 3.0)), 3), ["q", TABLE]),
    ("optimal_acceptance dim a sympy Symbol", lambda d: optimal_acceptance(_symbol("d")),
     ["dim", SYM]),
    ("metropolis_transition_matrix Q a pandas-like table", lambda d:
        metropolis_transition_matrix([0.2, 0.3, 0.5], _table(*np.full((3, 3), 1.0 / 3.0))),
     ["Q", TABLE]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a pandas-like table of chains", lambda d: split_rhat(_chains_table()),
     ["draws", TABLE]),
    ("ess_bulk draws a numpy Polynomial", lambda d: ess_bulk(_polynomial(1.0)),
     ["draws", POLYN]),
    ("ess_tail prob a pair of sympy Symbols", lambda d: ess_tail(
        np.random.default_rng(1).normal(size=(4, 50)), prob=(_symbol("a"), _symbol("b"))),
     ["prob", SYM]),
    ("mcse_mean draws a numpy Polynomial", lambda d: mcse_mean(_polynomial(1.0)),
     ["draws", POLYN]),
    ("quantile_type7 prob a sympy Symbol", lambda d: quantile_type7(
        _samples(), _symbol("q")), ["prob", SYM]),
    ("rank_normalize draws a pandas-like table", lambda d: rank_normalize(_chains_table()),
     ["draws", TABLE]),
    ("diagnose draws an mpmath infinity", lambda d: diagnose(_mpf("inf")), ["draws", MPF]),
    ("ess_mean draws a numpy Polynomial", lambda d: ess_mean(_polynomial(1.0)),
     ["draws", POLYN]),
    ("mcse_sd draws a pandas-like table", lambda d: mcse_sd(_chains_table()),
     ["draws", TABLE]),
    ("quantile_type7 x a pandas-like table", lambda d: quantile_type7(
        _table(_samples()), 0.5), ["x", TABLE]),
    ("split_rhat draws a sympy Symbol", lambda d: split_rhat(_symbol("draws")),
     ["draws", SYM]),
]

TESTING_CASES = [
    ("assert_monotone ppf returning a sympy Symbol", lambda d: testing.assert_monotone(
        _returning_symbol, np.linspace(0.1, 0.9, 5)), ["ppf", SYM]),
    ("assert_inverts cdf returning a numpy Polynomial", lambda d: testing.assert_inverts(
        stats.norm.ppf, _returning_polynomial, np.linspace(0.1, 0.9, 5), 1e-8),
     ["cdf", POLYN]),
    ("assert_cdf_matches cdf the scipy pdf", lambda d: testing.assert_cdf_matches(
        _samples(), stats.norm.pdf), ["cdf", "pdf"]),
    ("assert_cdf_matches samples a pandas-like table", lambda d: testing.assert_cdf_matches(
        _table(_samples()), stats.norm.cdf), ["samples", TABLE]),
    ("assert_labels_match p a pandas-like table", lambda d: testing.assert_labels_match(
        np.array([0, 1, 0, 1]), _table([0.5, 0.5])), ["p", TABLE]),
    ("assert_same_distribution x a numpy Polynomial", lambda d:
        testing.assert_same_distribution(_polynomial(1.0), _samples()), ["x", POLYN]),
    ("draws_needed discrepancy an mpmath zero", lambda d: testing.draws_needed(_mpf("0")),
     ["discrepancy", MPF]),
    ("smallest_detectable n a sympy Symbol", lambda d: testing.smallest_detectable(
        _symbol("n")), ["n", SYM]),
    ("dkw_epsilon alpha an mpmath NaN", lambda d: testing.dkw_epsilon(
        1000, alpha=_mpf("nan")), ["alpha", MPF]),
    ("ks_distance cdf the scipy logcdf", lambda d: testing.ks_distance(
        _samples(), stats.norm.logcdf), ["cdf", "logcdf"]),
    ("two_sample_distance x a pandas-like table", lambda d: testing.two_sample_distance(
        _table(_samples()), _samples()), ["x", TABLE]),
    ("chi_square_pvalue p a numpy Polynomial", lambda d: testing.chi_square_pvalue(
        [3, 5, 2], _polynomial(1.0)), ["p", POLYN]),
    ("chi_square_power q holding a sympy Symbol", lambda d: testing.chi_square_power(
        [0.5, 0.5], [_symbol("q"), 0.6], 1000), ["q", SYM]),
    ("assert_inverts u a pandas-like table", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, _table(np.linspace(0.1, 0.9, 5)), 1e-8),
     ["u", TABLE]),
    ("density laplace scale a sympy Symbol", lambda d: densities.laplace(
        scale=_symbol("b")), ["scale", SYM]),
    ("density trapezoid c an mpmath NaN", lambda d: densities.trapezoid(
        0.0, _mpf("nan"), 0.7, 1.0), ["c", MPF]),
    ("density steps heights a numpy Polynomial", lambda d: densities.steps(
        [0.0, 1.0], _polynomial(1.0)), ["heights", POLYN]),
    ("density normal_mixture locs a pandas-like table", lambda d: densities.normal_mixture(
        [0.5, 0.5], _table([0.0, 1.0]), [1.0, 1.0]), ["locs", TABLE]),
    ("density beta a an mpmath infinity", lambda d: densities.beta(_mpf("inf"), 2.0),
     ["a", MPF]),
    ("density student_t scale a numpy Polynomial", lambda d: densities.student_t(
        3.0, scale=_polynomial(1.0)), ["scale", POLYN]),
    ("density uniform hi a sympy Symbol", lambda d: densities.uniform(0.0, _symbol("h")),
     ["hi", SYM]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style subplots ncols a numpy Polynomial", lambda d: style.subplots(
        ncols=_polynomial(2)), ["ncols", POLYN]),
    ("style check_seed seed a torch Generator", lambda d: style.check_seed(
        _torch_generator()), ["seed", TORCH]),
    ("style check_numbers x a pandas-like table", lambda d: style.check_numbers(
        "values", _table(X3)), ["values", TABLE]),
    ("style check_count value an mpmath infinity", lambda d: style.check_count(
        "count", _mpf("inf")), ["count", MPF]),
    ("style check_positive_numbers value a sympy Symbol", lambda d:
        style.check_positive_numbers("widths", _symbol("w"), 1, "widths"), ["widths", SYM]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a numpy Polynomial", lambda d:
        memory.keep_freed_memory(mmap_threshold=_polynomial(1 << 20)),
     ["mmap_threshold", POLYN], None),
    ("keep_freed_memory trim_threshold an mpmath infinity", lambda d:
        memory.keep_freed_memory(trim_threshold=_mpf("inf")), ["trim_threshold", MPF], None),
]


WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES, "samplers": SAMPLER_CASES,
           "diagnostics": DIAGNOSTIC_CASES, "testing kit": TESTING_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


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
    if _missing(case):
        pytest.skip(f"needs {_missing(case)}, which is not installed")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_fortyninth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fortyninth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
