"""An eighty-seventh battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 4a4cdef, from the user's side only: the README; the public names
(``__all__`` where there is one, else ``dir``) and signatures of ``scratchmeta.autodiff``,
``gradcheck``, ``memory``, ``sampling`` and its modules, the public methods of
``DiscreteInverseCDF`` and ``ContinuousInverseCDF``, ``testing``, ``testing.densities``,
``testing.strategies`` and ``figures.style``; the eighty-fifth battery (the template), the
eighty-fourth's ``_needs_torch``; the earlier batteries' ids and module docstrings (grepped for
kinds) and shared helpers (imported, not copied). No docstring or source of the library was
read, before or after the first run; nothing of its validation code, history, or /work/main
(whose venv's python alone was run). No ``__main__`` module was imported. Writes: only
``style.save`` could write (one case, refused); each case's folder is temporary.

Areas (library side only), as written: the autodiff engine -- grad, value_and_grad, jacobian,
jvp, vjp, hessian, exp, mul, sum, matmul, logsumexp, relu, stop_gradient, einsum, reshape,
norm, concatenate, mean, Primitive, tree_map (25); gradcheck -- check_grads, hvp (8);
samplers -- from_ppf, from_density, grid_inverse_cdf, find_center, metropolis,
metropolis_transition_matrix, total_variation, step_size_sweep, DiscreteInverseCDF and its
ppf, ContinuousInverseCDF's ppf, exponential, laplace, cauchy, pareto, logistic (30);
diagnostics -- split_rhat, ess_mean, ess_tail, mcse_mean, mcse_sd, rank_normalize, diagnose,
quantile_type7 (10); the testing kit (ks_distance, assert_cdf_matches, assert_inverts,
assert_monotone, two_sample_distance, chi_square_pvalue, chi_square_power,
assert_labels_match, assert_same_distribution), its densities (normal_mixture, laplace,
student_t, steps) and strategies (u_grids, uniforms_near_edges) (20); ``figures.style``
check_axes, check_numbers, save (5); ``memory.keep_freed_memory`` (2): 100.

Kinds of bad value:
- PyTorch's own functions where a NumPy function is meant, called by the engine on its Tensor
  or by the samplers on NumPy arrays: ``torch.sin``/``tanh``/``cos``/``sigmoid``/``sum`` as a
  fun (grad, jacobian, jvp, vjp, hessian, check_grads), a user fun or pdf computing with
  ``torch.exp`` or ``torch.nn.functional.softplus`` (value_and_grad, check_grads, hvp,
  grid_inverse_cdf), ``torch.sin`` as a Primitive's impl and as tree_map's f,
  ``torch.special.ndtri``/``ndtr`` as a ppf or cdf (from_ppf, ks_distance, assert_monotone);
- ``torch.distributions`` objects and their methods in the roles of numbers, probabilities,
  draws, domains and functions: a Normal's ``icdf``, ``cdf``, ``log_prob`` (from_ppf,
  assert_inverts, assert_cdf_matches, metropolis), a Normal object as a pdf or as draws
  (from_density, diagnose, assert_same_distribution), a Categorical where its ``probs`` are
  meant (DiscreteInverseCDF, assert_labels_match, normal_mixture, uniforms_near_edges), a
  Cauchy, Exponential, Pareto, Laplace where its parameter is meant (cauchy, exponential,
  pareto, densities.laplace), a Normal's ``support`` (``constraints.real``) as a domain;
- another engine's tracer reaching the library: HIPS autograd's ArrayBox, when the engine's
  ops (exp, mul, sum, matmul, logsumexp, relu, stop_gradient) or the samplers and kit
  (exponential, laplace, student_t, split_rhat) run inside ``autograd.grad`` or
  ``elementwise_grad``; a ``torch.func.grad`` tracer given to exp;
- user functions with a new fault of their own: a misspelled name (NameError: grad,
  check_grads, find_center, assert_monotone), a variable set only on a branch not taken
  (UnboundLocalError: value_and_grad, metropolis), an import of JAX, not installed
  (ModuleNotFoundError: hessian, hvp, grid_inverse_cdf, assert_cdf_matches), the function's
  own ``assert`` failing (jacobian, check_grads, from_ppf, and assert_inverts, whose own
  verdict is an AssertionError), a float16 result (from_density's pdf, metropolis'
  log_density);
- other tools' habits pasted as text: R's ``c(...)`` and ``seq(...)`` (reshape, hvp,
  DiscreteInverseCDF, continuous ppf, step_size_sweep, total_variation, ess_tail,
  chi_square_pvalue, densities.steps, u_grids), R's ``'NA'`` and ``'Inf'`` (norm ord,
  discrete ppf, logistic, mcse_mean, quantile_type7, ks_distance), MATLAB's ``'[0.2 0.3
  0.5]'``, ``'[1 2; 3 4]'`` and ``'eps'`` (metropolis_transition_matrix, chi_square_power,
  concatenate, check_grads eps), NumPy's einsum sublist form; PyMC's habits: a list of trace
  points ``[{'mu': ...}, ...]`` (split_rhat, ess_mean, two_sample_distance), a start dict
  ``{'x': 0.0}`` as metropolis' x0;
- matplotlib objects in the wrong role: a Colormap as a pdf, ``Normalize``/``LogNorm`` as a
  cdf or log-density (find_center, total_variation, ks_distance, metropolis), the artists
  ``imshow``, ``scatter``, ``plot`` and ``legend`` return and a Colorbar where their data or
  Axes were meant (mean, mcse_sd, rank_normalize, quantile_type7, check_numbers, check_axes,
  save);
- units and conventions of the allocator: keep_freed_memory's mmap_threshold 64 (megabytes
  meant) and trim_threshold 0 (meant as "no limit").

Repeats: every id of the earlier batteries (11,303 distinct tuple heads of
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by a regex) was compared
with the drafts for exact ids (none) and, per kind, grepped (ids and module docstrings) for its
words: torch.distributions, icdf, log_prob, torch.sin, torch.special, ndtri, softplus, autograd,
ArrayBox, tracer, vmap, NameError, UnboundLocal, ImportError, ModuleNotFound, AssertionError,
float16, 'NA', c(, seq(, sublist, trace point, list of dicts, PyMC, x0 a dict, colormap, cmap,
viridis, Normalize (as a cdf), LogNorm, AxesImage, imshow, PathCollection, scatter, Colorbar,
Legend, megabyte, MiB, trim_threshold 0, unlimited, pixels, hypothesis, keepdims, has_aux,
Line2D, live Tensor, stale. Found in no earlier id: torch.distributions, icdf, log_prob,
torch.sin, ndtri, softplus, autograd, ArrayBox, NameError, UnboundLocal, ModuleNotFound,
AssertionError, 'NA', c(, seq(, sublist, trace point, x0 a dict, colormap, viridis, LogNorm,
AxesImage, PathCollection, Colorbar, Legend, trim_threshold 0. Found earlier in other places
only: torch (a "torch-like Parameter", a torch Generator, torch tensors and functions on the
meta side: so no case here gives a torch tensor itself), float16 (as dtypes and infinities,
never a user function's result), PyMC ("a PyMC3-like MultiTrace" once), MATLAB (only .mat
files), Line2D (only "the list of Line2D ax.plot returned": here one Line2D, in mean and
mcse_sd). Replaced before any run for repeating an earlier substance: "style subplots size in
pixels" (earlier), "strategies known_densities kinds R's c('heavy', 'kink')" (earlier "kinds a
string"), "ess_bulk draws the BarContainer" (earlier BarContainer cases), "discrete sample rng
autograd.numpy.random" (earlier "sample rng the np.random module"), a torch tensor requiring
grad as draws (earlier "torch-like Parameter"), a Tensor leaked from an earlier trace (earlier
"stale Tensor"), ``staticmethod`` as a fun (callable since Python 3.10: a good input).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 59 of the 100. After the
first run no case was added, reordered, swapped or reworded.

Dropped: none. Corrected: none.

First run at 4a4cdef (under ``ulimit -v 8000000``; the 100 cases in 4 s): kept, 56 of 59
clear (94.9%), 2 unclear, 1 silent, 0 data loss -- engine 13/15, gradcheck 4/4, samplers
18/18, diagnostics 6/6, testing kit 12/12, figures 3/3, memory 0/1. Written, 93 of 100 clear
(93.0%), 4 unclear, 3 silent, 0 data loss -- engine 23/25, gradcheck 8/8, samplers 27/30,
diagnostics 10/10, testing kit 20/20, figures 5/5, memory 0/2. Under pytest: 57 passed (56
cases and the wide-and-new test), 3 failed (the 3 kept cases below; NOT_CLEAR_YET is left
empty for the lead).

Not clear, kept:
- ``exp of a torch.func.grad tracer``: unclear, TypeError over two lines, "exp: cannot apply
  to Tensor GradTrackingTensor(lvl=1, value=\\n    ten: x must be an array of real numbers, but
  NumPy could not read the Tensor given: RuntimeError: Can't call numpy() on Tensor that
  requires grad ..." -- "Tensor" is also the engine's own class; torch is never named, the
  value's repr is cut mid-word and the message spans two lines.
- ``a Primitive whose impl is torch.sin, called on an array``: unclear, TypeError
  "torch_sin: cannot apply to (3,): sin(): argument 'input' (position 1) must be Tensor, not
  numpy.ndarray" -- names the Primitive but not its impl (torch.sin) as the function that
  failed, unlike a fun to grad ("fun (_VariableFunctionsClass.sin) raised ...").
- ``keep_freed_memory mmap_threshold 64, a count of megabytes meant``: silent (a 64-byte mmap
  threshold was set; the case puts the package's setting back after it).
Not clear, written and not kept:
- ``from_density pdf returning float16 values``: unclear, ValueError "from_density needed more
  than 100000 intervals to reach a u-error of 1e-10, around x = np.float64(-2.65...); the
  density may be too rough (or nearly singular) there" -- neither pdf nor float16 is named;
  the density is smooth, its values are rounded to three digits.
- ``metropolis x0 a PyMC-like start dict {'x': 0.0}``: unclear, TypeError "x0 must be an array
  of real numbers, got a dict (an iterator, set or dict, not an array: pass
  np.array(list(...)) of the values you mean)" -- names x0 and the type but does not show the
  dict given.
- ``metropolis log_density returning float16 values``: silent (a walk from rounded
  log-densities was returned).
- ``keep_freed_memory trim_threshold 0, meant as no limit``: silent.
Clear on a loose mention: ``matmul b an autograd ArrayBox`` -- "reshape: x must be an array of
real numbers, got autograd.ArrayBox ..." names reshape's x, an op the user did not call, not
matmul's b ("b" is met inside "numpy_boxes"); ``jvp of torch.cos as fun`` and ``jacobian of
torch.tanh as fun`` are named "vjp: fun (_VariableFunctionsClass.cos) raised ...", the function
the user called being jvp or jacobian; ``hessian of torch.sum as fun`` nests two messages
("vjp: fun raised TypeError ...: grad: fun (_VariableFunctionsClass.sum) raised ...");
``norm ord R's 'Inf' as text`` says only which ords are supported.

Measured on main at 4a4cdef, the commit it was written at, blind (the lead reran it there):
kept, 56 of 59 clear (94.9%), 2 unclear, 1 silent, 0 data loss; written, 93 of 100. With the
eighty-sixth (51 of 55 kept) the pair is 107 of 114 (93.9%), 3 silent, 0 data loss: under the
goal of 95%. Round 57 (with sight of this file and the eighty-sixth, so not blind): a value
NumPy cannot read is named by package, class and shape ("torch.Tensor of shape (3,)"), and
an op's message shows another library's array so, on one line; a user's ``Primitive`` whose
``impl`` is another array library's function, and a ``fun`` that is one, are named as such,
with the engine's ops to use instead; another library's traced value (autograd's
``ArrayBox``) is named as one, not as a graph; a user's function returning float16 values is
refused in the samplers and the kit; ``keep_freed_memory`` refuses thresholds below glibc's
own starting value (128 KiB), which would keep less freed memory, not more; a dict given as
an array is shown. After it: 59 of 59 kept clear, 100 of 100 written.
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
                                  ess_mean, ess_tail, exponential, grid_inverse_cdf,
                                  laplace, logistic, mcse_mean, mcse_sd,
                                  metropolis_transition_matrix, pareto, rank_normalize,
                                  split_rhat)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.sampling.step_size import step_size_sweep
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import densities
from scratchmeta.testing.strategies import u_grids, uniforms_near_edges

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import X3, _example, _rng, _square
from test_bad_inputs_fifth import _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _normal_pdf, _samples
from test_bad_inputs_twentyfirst import _edges
from test_bad_inputs_sixtyninth import _chains

P3 = [0.2, 0.3, 0.5]


# --- other libraries, imported only by the cases that use them -------------------------------

def _torch():
    """PyTorch (no test dependency: a case whose id says "torch" is skipped without it)."""
    import torch
    return torch


def _autograd():
    """HIPS autograd (no test dependency: a case whose id says "autograd" is skipped without
    it)."""
    import autograd
    return autograd


def _plt():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt


def _tnormal():
    """A torch.distributions standard normal (its methods take torch tensors only)."""
    return _torch().distributions.Normal(0.0, 1.0)


def _categorical():
    """A torch.distributions Categorical over three labels (its ``probs`` meant)."""
    torch = _torch()
    return torch.distributions.Categorical(probs=torch.tensor(P3, dtype=torch.float64))


def _under_autograd(f, x=X3):
    """``f`` run by HIPS autograd's grad: ``f`` receives autograd's ArrayBox tracer."""
    return _autograd().grad(f)(x)


def _under_elementwise(f, x=X3):
    return _autograd().elementwise_grad(f)(x)


def _normalize():
    """A matplotlib Normalize(-3, 3): a callable mapping [-3, 3] linearly onto [0, 1]."""
    from matplotlib import colors
    return colors.Normalize(-3.0, 3.0)


def _log_norm():
    from matplotlib import colors
    return colors.LogNorm(1e-3, 1.0)


def _viridis():
    """matplotlib's viridis Colormap: callable, giving RGBA rows."""
    return _plt().get_cmap("viridis")


def _image():
    """The AxesImage that ``ax.imshow`` returns (its data meant)."""
    plt = _plt()
    fig, ax = plt.subplots()
    return ax.imshow(np.arange(6.0).reshape(2, 3))


def _scatter():
    """The PathCollection that ``ax.scatter`` returns (its offsets meant)."""
    plt = _plt()
    fig, ax = plt.subplots()
    return ax.scatter(np.arange(5.0), _samples(5))


def _one_line():
    """The one Line2D of ``line, = ax.plot(...)`` (its ydata meant)."""
    plt = _plt()
    fig, ax = plt.subplots()
    line, = ax.plot(_samples(40))
    return line


def _colorbar():
    """The Colorbar that ``fig.colorbar`` returns (its ``.ax`` meant)."""
    plt = _plt()
    fig, ax = plt.subplots()
    return fig.colorbar(ax.imshow(np.eye(2)))


def _legend():
    plt = _plt()
    fig, ax = plt.subplots()
    ax.plot([0.0, 1.0], label="a")
    return ax.legend()


def _trace_points(n=40, seed=3):
    """A PyMC-like list of trace points, one dict per draw (``[{'mu': ...}, ...]``)."""
    return [{"mu": float(v)} for v in np.random.default_rng(seed).normal(size=n)]


# User functions with a fault of their own (a typo, a missing package, their own assert, a
# branch not taken, a half-precision result, another library's function on NumPy input).

def _typo_loss(x):
    """A loss with a misspelled name (``weigths``): NameError."""
    return ad.sum(x * weigths)  # noqa: F821


def _typo_pdf(x):
    return np.exp(-0.5 * np.asarray(x) ** 2) / sqrt_two_pi  # noqa: F821


def _typo_ppf(u):
    return stats.norm.ppf(u) * scael  # noqa: F821


def _unbound_loss(x):
    """A loss whose scale is set only on a branch not taken: UnboundLocalError."""
    if ad.shape(x) == (2, 3):
        scale = 2.0
    return ad.sum(x * x) / scale


def _unbound_log_density(x):
    if np.ndim(x) == 3:
        scale = 1.0
    return -0.5 * np.sum(x * x, axis=1) / scale


def _jax_loss(x):
    """A loss ported from JAX that still imports it (not installed): ModuleNotFoundError."""
    import jax.numpy as jnp
    return jnp.sum(x * x)


def _jax_pdf(x):
    import jax.numpy as jnp
    return jnp.exp(-0.5 * x ** 2)


def _jax_cdf(x):
    import jax.scipy.stats as jstats
    return jstats.norm.cdf(x)


def _asserting_fun(x):
    """A fun whose own precondition fails (AssertionError): it expects a batch."""
    assert ad.shape(x) == (2, 3), "expects a batch of two rows"
    return ad.tanh(x)


def _asserting_loss(x):
    assert ad.shape(x) == (2,), "expects two parameters"
    return ad.sum(x * x)


def _asserting_ppf(u):
    assert np.all(np.asarray(u) > 0.01), "u too close to 0"
    return stats.norm.ppf(u)


def _asserting_cdf(x):
    assert np.all(np.isfinite(x)), "x must be finite"
    return stats.norm.cdf(x)


def _half_pdf(x):
    """A normal density computed in float16 (three decimal digits)."""
    return np.exp(-0.5 * np.asarray(x) ** 2).astype(np.float16)


def _half_log_density(x):
    return (-0.5 * np.sum(x * x, axis=1)).astype(np.float16)


def _torch_exp_loss(x):
    """A loss written with torch.exp, called on the engine's Tensor."""
    return _torch().exp(x).sum()


def _softplus_loss(x):
    return ad.sum(_torch().nn.functional.softplus(x))


def _torch_pdf(x):
    """A density written with torch.exp, called on NumPy's points."""
    return _torch().exp(-0.5 * x ** 2)


def _then_defaults(call):
    """Run ``call``, then put the allocator back to the package's own setting (so that a
    silent case does not slow the cases after it); the outcome is ``call``'s."""
    try:
        return call()
    finally:
        memory.keep_freed_memory()


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("grad of torch.sin as fun, the NumPy-like twin meant", lambda d: ad.grad(
        _torch().sin)(X3), ["fun", "sin"]),
    ("value_and_grad of a fun computing with torch.exp", lambda d: ad.value_and_grad(
        _torch_exp_loss)(X3), ["_torch_exp_loss"]),
    ("jacobian of torch.tanh as fun", lambda d: ad.jacobian(_torch().tanh)(X3),
     ["fun", "tanh"]),
    ("jvp of torch.cos as fun", lambda d: ad.jvp(_torch().cos, (X3,), (X3,)),
     ["fun", "cos"]),
    ("vjp of torch.sigmoid as fun", lambda d: ad.vjp(_torch().sigmoid, X3),
     ["fun", "sigmoid"]),
    ("exp of an autograd ArrayBox (the engine's op inside autograd.grad)", lambda d:
        _under_autograd(lambda x: ad.sum(ad.exp(x))), ["exp", "ArrayBox"]),
    ("mul of an autograd ArrayBox (inside autograd.elementwise_grad)", lambda d:
        _under_elementwise(lambda x: ad.mul(x, x)), ["mul", "ArrayBox"]),
    ("sum of an autograd ArrayBox (inside autograd.grad)", lambda d: _under_autograd(
        lambda x: ad.sum(x)), ["sum", "ArrayBox"]),
    ("matmul b an autograd ArrayBox (inside autograd.grad)", lambda d: _under_autograd(
        lambda x: ad.sum(ad.matmul(np.eye(3), x))), ["b", "ArrayBox"]),
    ("logsumexp of an autograd ArrayBox (inside autograd.grad)", lambda d: _under_autograd(
        lambda x: ad.logsumexp(x)), ["logsumexp", "ArrayBox"]),
    ("exp of a torch.func.grad tracer (the engine's op inside torch.func.grad)", lambda d:
        _torch().func.grad(lambda t: ad.sum(ad.exp(t)))(_torch().ones(3, dtype=_torch(
        ).float64)), ["exp", "torch"]),
    ("grad of a fun with a misspelled name (NameError)", lambda d: ad.grad(_typo_loss)(X3),
     ["_typo_loss"]),
    ("value_and_grad of a fun raising UnboundLocalError (a branch not taken)", lambda d:
        ad.value_and_grad(_unbound_loss)(X3), ["_unbound_loss"]),
    ("hessian of a fun importing jax, not installed (ModuleNotFoundError)", lambda d:
        ad.hessian(_jax_loss)(X3), ["_jax_loss"]),
    ("jacobian of a fun whose own assert fails (AssertionError)", lambda d: ad.jacobian(
        _asserting_fun)(X3), ["_asserting_fun"]),
    ("einsum in NumPy's sublist form, operands and index lists, no subscripts", lambda d:
        ad.einsum(np.eye(3), [0, 1], X3, [1]), ["subscripts"]),
    ("stop_gradient x an autograd ArrayBox (inside autograd.grad)", lambda d:
        _under_autograd(lambda x: ad.sum(ad.stop_gradient(x))), ["x", "ArrayBox"]),
    ("reshape shape R's 'c(3, 2)' pasted as text", lambda d: ad.reshape(
        np.arange(6.0), "c(3, 2)"), ["c(3, 2)"]),
    ("norm ord R's 'Inf' as text", lambda d: ad.norm(X3, ord="Inf"), ["ord", "Inf"]),
    ("a Primitive whose impl is torch.sin, called on an array", lambda d: ad.Primitive(
        "torch_sin", _torch().sin)(X3), ["impl", "sin"]),
    ("tree_map f torch.sin over a dict of arrays", lambda d: ad.tree_map(
        _torch().sin, {"w": X3, "b": np.zeros(2)}), ["f", "sin"]),
    ("hessian of torch.sum as fun", lambda d: ad.hessian(_torch().sum)(X3), ["fun", "sum"]),
    ("relu of an autograd ArrayBox (inside autograd.elementwise_grad)", lambda d:
        _under_elementwise(lambda x: ad.relu(x)), ["relu", "ArrayBox"]),
    ("concatenate xs MATLAB's '[1 2; 3 4]' pasted as text", lambda d: ad.concatenate(
        "[1 2; 3 4]"), ["xs", "[1 2; 3 4]"]),
    ("mean x a matplotlib Line2D (one trace, its ydata meant)", lambda d: ad.mean(
        _one_line()), ["x", "Line2D"]),
]

GRADCHECK_CASES = [
    ("check_grads fun torch.sin", lambda d: check_grads(_torch().sin, (X3,)),
     ["fun", "sin"]),
    ("check_grads of a fun computing with torch.exp", lambda d: check_grads(
        _torch_exp_loss, (X3,)), ["_torch_exp_loss"]),
    ("hvp fun computing with torch.nn.functional.softplus", lambda d: hvp(
        _softplus_loss, X3, X3), ["_softplus_loss"]),
    ("check_grads of a fun with a misspelled name (NameError)", lambda d: check_grads(
        _typo_loss, (X3,)), ["_typo_loss"]),
    ("hvp fun importing jax, not installed (ModuleNotFoundError)", lambda d: hvp(
        _jax_loss, X3, X3), ["_jax_loss"]),
    ("check_grads eps 'eps', MATLAB's name for the machine epsilon", lambda d: check_grads(
        _square, (X3,), eps="eps"), ["eps", "'eps'"]),
    ("hvp v R's 'c(1, 0, 0)' pasted as text", lambda d: hvp(_square, X3, "c(1, 0, 0)"),
     ["v", "c(1, 0, 0)"]),
    ("check_grads of a fun whose own assert fails (AssertionError)", lambda d: check_grads(
        _asserting_loss, (X3,)), ["_asserting_loss"]),
]

SAMPLER_CASES = [
    ("from_ppf ppf torch.special.ndtri (takes torch tensors only)", lambda d:
        ContinuousInverseCDF.from_ppf(_torch().special.ndtri, stats.norm.cdf),
     ["ppf", "ndtri"]),
    ("from_ppf cdf torch.special.ndtr (takes torch tensors only)", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, _torch().special.ndtr),
     ["cdf", "ndtr"]),
    ("from_ppf ppf a torch.distributions Normal's icdf", lambda d:
        ContinuousInverseCDF.from_ppf(_tnormal().icdf, stats.norm.cdf), ["ppf", "icdf"]),
    ("from_density pdf a torch.distributions Normal object, not a function", lambda d:
        ContinuousInverseCDF.from_density(_tnormal()), ["pdf", "Normal"]),
    ("grid_inverse_cdf pdf a user pdf calling torch.exp on NumPy points", lambda d:
        grid_inverse_cdf(_torch_pdf, -3.0, 3.0), ["_torch_pdf"]),
    ("metropolis log_density a torch.distributions Normal's log_prob", lambda d:
        _metropolis(log_density=_tnormal().log_prob), ["log_density", "log_prob"]),
    ("find_center pdf a matplotlib Colormap (viridis, callable)", lambda d: find_center(
        _viridis(), -1.0, 1.0), ["pdf", "Colormap"]),
    ("total_variation cdf a matplotlib Normalize(-3, 3), a linear map onto [0, 1]", lambda d:
        total_variation(_samples(), _edges(), _normalize()), ["cdf", "Normalize"]),
    ("metropolis log_density a matplotlib LogNorm (callable)", lambda d: _metropolis(
        log_density=_log_norm()), ["log_density", "LogNorm"]),
    ("DiscreteInverseCDF p a torch.distributions Categorical (its probs meant)", lambda d:
        DiscreteInverseCDF(_categorical()), ["p", "Categorical"]),
    ("DiscreteInverseCDF p R's 'c(0.2, 0.3, 0.5)' pasted as text", lambda d:
        DiscreteInverseCDF("c(0.2, 0.3, 0.5)"), ["p", "c(0.2, 0.3, 0.5)"]),
    ("metropolis_transition_matrix p MATLAB's '[0.2 0.3 0.5]' pasted as text", lambda d:
        metropolis_transition_matrix("[0.2 0.3 0.5]", np.full((3, 3), 1 / 3)),
     ["p", "[0.2 0.3 0.5]"]),
    ("discrete ppf u R's missing value 'NA' as text", lambda d: DiscreteInverseCDF(P3).ppf(
        "NA"), ["u", "'NA'"]),
    ("exponential rate an autograd ArrayBox (differentiated by autograd.grad)", lambda d:
        _under_autograd(lambda r: exponential(r).ppf(0.5), 2.0), ["rate", "ArrayBox"]),
    ("laplace scale an autograd ArrayBox (differentiated by autograd.grad)", lambda d:
        _under_autograd(lambda s: laplace(scale=s).ppf(0.3), 1.0), ["scale", "ArrayBox"]),
    ("cauchy loc a torch.distributions Cauchy object (its loc meant)", lambda d: cauchy(
        _torch().distributions.Cauchy(0.0, 1.0)), ["loc", "Cauchy"]),
    ("exponential rate a torch.distributions Exponential object (its rate meant)", lambda d:
        exponential(_torch().distributions.Exponential(2.0)), ["rate", "Exponential"]),
    ("from_density pdf returning float16 values", lambda d:
        ContinuousInverseCDF.from_density(_half_pdf), ["pdf", "float16"]),
    ("find_center pdf with a misspelled name (NameError)", lambda d: find_center(
        _typo_pdf, -3.0, 3.0), ["_typo_pdf"]),
    ("metropolis log_density raising UnboundLocalError (a branch not taken)", lambda d:
        _metropolis(log_density=_unbound_log_density), ["_unbound_log_density"]),
    ("grid_inverse_cdf pdf importing jax, not installed (ModuleNotFoundError)", lambda d:
        grid_inverse_cdf(_jax_pdf, -3.0, 3.0), ["_jax_pdf"]),
    ("from_ppf ppf whose own assert fails (AssertionError)", lambda d:
        ContinuousInverseCDF.from_ppf(_asserting_ppf, stats.norm.cdf), ["_asserting_ppf"]),
    ("metropolis x0 a PyMC-like start dict {'x': 0.0}", lambda d: _metropolis(
        x0={"x": 0.0}), ["x0", "{'x'"]),
    ("step_size_sweep scaled R's 'seq(0.5, 2, by = 0.5)' pasted as text", lambda d:
        step_size_sweep("seq(0.5, 2, by = 0.5)", 2, 20, {"d1": 1}, [_rng()]),
     ["scaled", "seq(0.5"]),
    ("total_variation edges R's 'seq(-1, 1, by = 0.5)' pasted as text", lambda d:
        total_variation(_samples(), "seq(-1, 1, by = 0.5)", stats.norm.cdf),
     ["edges", "seq(-1"]),
    ("from_density domain torch's Normal support, constraints.real", lambda d:
        ContinuousInverseCDF.from_density(_normal_pdf, _tnormal().support),
     ["domain", "Real"]),
    ("metropolis log_density returning float16 values", lambda d: _metropolis(
        log_density=_half_log_density), ["log_density", "float16"]),
    ("pareto alpha a torch.distributions Pareto object (its alpha meant)", lambda d: pareto(
        _torch().distributions.Pareto(1.0, 2.0)), ["alpha", "Pareto"]),
    ("continuous ppf u R's 'c(0.1, 0.5, 0.9)' pasted as text", lambda d:
        ContinuousInverseCDF.from_ppf(stats.norm.ppf, stats.norm.cdf).ppf(
            "c(0.1, 0.5, 0.9)"), ["u", "c(0.1"]),
    ("logistic loc R's missing value 'NA' as text", lambda d: logistic(loc="NA"),
     ["loc", "'NA'"]),
]

DIAGNOSTIC_CASES = [
    ("split_rhat draws a PyMC-like list of trace points", lambda d: split_rhat(
        _trace_points()), ["draws", "{'mu'"]),
    ("ess_mean draws two chains of PyMC-like trace points", lambda d: ess_mean(
        [_trace_points(seed=1), _trace_points(seed=2)]), ["draws", "{'mu'"]),
    ("mcse_mean draws holding R's missing value 'NA'", lambda d: mcse_mean(
        [[0.1, -0.4, "NA", 1.2], [0.3, 0.9, -0.7, 0.2]]), ["draws", "'NA'"]),
    ("ess_tail prob R's 'c(0.05, 0.95)' pasted as text", lambda d: ess_tail(
        _chains(), prob="c(0.05, 0.95)"), ["prob", "c(0.05, 0.95)"]),
    ("rank_normalize draws ax.scatter's PathCollection (its offsets meant)", lambda d:
        rank_normalize(_scatter()), ["draws", "PathCollection"]),
    ("diagnose draws a torch.distributions Normal object (its sample meant)", lambda d:
        diagnose(_tnormal()), ["draws", "Normal"]),
    ("quantile_type7 x a matplotlib AxesImage from imshow (its data meant)", lambda d:
        quantile_type7(_image(), 0.5), ["x", "AxesImage"]),
    ("quantile_type7 prob R's missing value 'NA'", lambda d: quantile_type7(
        _samples(), "NA"), ["prob", "'NA'"]),
    ("mcse_sd draws a matplotlib Line2D (one trace, its ydata meant)", lambda d: mcse_sd(
        _one_line()), ["draws", "Line2D"]),
    ("split_rhat draws an autograd ArrayBox (inside autograd.grad)", lambda d:
        _under_autograd(lambda x: split_rhat(x), _chains()), ["draws", "ArrayBox"]),
]

TESTING_CASES = [
    ("ks_distance cdf torch.special.ndtr (takes torch tensors only)", lambda d:
        testing.ks_distance(_samples(), _torch().special.ndtr), ["cdf", "ndtr"]),
    ("assert_cdf_matches cdf a torch.distributions Normal's cdf", lambda d:
        testing.assert_cdf_matches(_samples(), _tnormal().cdf), ["cdf", "Normal"]),
    ("assert_inverts ppf a torch.distributions Normal's icdf", lambda d:
        testing.assert_inverts(_tnormal().icdf, stats.norm.cdf, np.linspace(0.1, 0.9, 5),
                               1e-9), ["ppf", "icdf"]),
    ("assert_monotone ppf torch.special.ndtri (takes torch tensors only)", lambda d:
        testing.assert_monotone(_torch().special.ndtri, np.linspace(0.1, 0.9, 5)),
     ["ppf", "ndtri"]),
    ("two_sample_distance x a PyMC-like list of trace points", lambda d:
        testing.two_sample_distance(_trace_points(), _samples()), ["x", "{'mu'"]),
    ("ks_distance cdf a matplotlib Normalize(-3, 3), a linear map onto [0, 1]", lambda d:
        testing.ks_distance(_samples(), _normalize()), ["cdf", "Normalize"]),
    ("ks_distance samples holding R's missing value 'NA'", lambda d: testing.ks_distance(
        [0.1, -0.3, "NA", 1.2], stats.norm.cdf), ["samples", "'NA'"]),
    ("chi_square_pvalue counts R's 'c(20, 30, 50)' pasted as text", lambda d:
        testing.chi_square_pvalue("c(20, 30, 50)", P3), ["counts", "c(20, 30, 50)"]),
    ("chi_square_power p MATLAB's '[0.2 0.3 0.5]' pasted as text", lambda d:
        testing.chi_square_power("[0.2 0.3 0.5]", [0.3, 0.3, 0.4], 1000),
     ["p", "[0.2 0.3 0.5]"]),
    ("assert_inverts cdf whose own assert fails (an AssertionError like the kit's verdict)",
     lambda d: testing.assert_inverts(stats.norm.ppf, _asserting_cdf,
                                      np.array([0.0, 0.5, 1.0]), 1e-9),
     ["cdf", "_asserting_cdf"]),
    ("assert_monotone ppf with a misspelled name (NameError)", lambda d:
        testing.assert_monotone(_typo_ppf, np.linspace(0.1, 0.9, 5)), ["_typo_ppf"]),
    ("assert_cdf_matches cdf importing jax, not installed (ModuleNotFoundError)", lambda d:
        testing.assert_cdf_matches(_samples(), _jax_cdf), ["_jax_cdf"]),
    ("assert_labels_match p a torch.distributions Categorical (its probs meant)", lambda d:
        testing.assert_labels_match([0, 1, 2, 2, 1], _categorical()), ["p", "Categorical"]),
    ("assert_same_distribution y a torch.distributions Normal object (its sample meant)",
     lambda d: testing.assert_same_distribution(_samples(), _tnormal()), ["y", "Normal"]),
    ("density normal_mixture weights a torch.distributions Categorical", lambda d:
        densities.normal_mixture(_categorical(), [-1.0, 0.0, 1.0], [1.0, 1.0, 1.0]),
     ["weights", "Categorical"]),
    ("density laplace scale a torch.distributions Laplace object", lambda d:
        densities.laplace(scale=_torch().distributions.Laplace(0.0, 1.0)),
     ["scale", "Laplace"]),
    ("density student_t df an autograd ArrayBox (differentiated by autograd.grad)",
     lambda d: _under_autograd(lambda v: densities.student_t(v).cdf(0.5), 3.0),
     ["df", "ArrayBox"]),
    ("density steps edges R's 'seq(0, 1, by = 0.25)' pasted as text", lambda d:
        densities.steps("seq(0, 1, by = 0.25)", [1.0, 2.0, 1.0, 2.0]),
     ["edges", "seq(0, 1"]),
    ("strategies u_grids cut_points R's 'c(0.25, 0.5)' pasted as text", lambda d: _example(
        u_grids(cut_points="c(0.25, 0.5)")), ["cut_points", "c(0.25, 0.5)"]),
    ("strategies uniforms_near_edges p a torch.distributions Categorical", lambda d:
        _example(uniforms_near_edges(_categorical())), ["p", "Categorical"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style check_axes ax a matplotlib Colorbar (its .ax meant)", lambda d:
        style.check_axes(_colorbar()), ["ax", "Colorbar"]),
    ("style check_numbers x a matplotlib AxesImage from imshow (its data meant)", lambda d:
        style.check_numbers("values", _image()), ["values", "AxesImage"]),
    ("style check_numbers x ax.scatter's PathCollection (its offsets meant)", lambda d:
        style.check_numbers("values", _scatter()), ["values", "PathCollection"]),
    ("style check_axes ax a matplotlib Legend (ax.legend()'s result)", lambda d:
        style.check_axes(_legend()), ["ax", "Legend"]),
    ("style save fig an AxesImage (imshow's result, not the figure)", lambda d: style.save(
        _image(), d, "fig_a"), ["fig", "AxesImage"]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold 64, a count of megabytes meant", lambda d:
        _then_defaults(lambda: memory.keep_freed_memory(mmap_threshold=64)),
     ["mmap_threshold", "64"], None),
    ("keep_freed_memory trim_threshold 0, meant as no limit", lambda d: _then_defaults(
        lambda: memory.keep_freed_memory(trim_threshold=0)), ["trim_threshold", "0"], None),
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


def _missing_package(case):
    """The optional package a case needs and this machine lacks (torch and autograd are no
    test dependencies: CI skips the cases that build their objects), else None."""
    for package in ("torch", "autograd"):
        if package in case[0] and importlib.util.find_spec(package) is None:
            return package
    return None


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    missing = _missing_package(case)
    if missing:
        pytest.skip(f"needs {missing}, which is not installed (not a test dependency)")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_eightyseventh_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_eightyseventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
