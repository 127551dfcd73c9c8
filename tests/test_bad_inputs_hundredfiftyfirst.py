r"""A hundred-and-fifty-first battery of bad inputs (issue 11's goal, measured blind, a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at the commit to test (/tmp/wt151), from the user's side only, in about fifteen
minutes. Read: README.md lines 1-400 (setup, reading order, notation, the three wishes, the
gallery, "Property-testing your own sampler", "Command line" with its paragraphs on refusals and
the earlier batteries' rates, and the start of "Measured results": more than its refusals,
disclosed); no ``--help`` was run (this battery has no command-line case). The public names
(``__all__`` where there is one, else ``dir`` filtered to the names each module defines itself)
and signatures of ``scratchmeta.autodiff``, ``gradcheck``, ``memory``, ``figures.style``,
``testing``, ``testing.densities``, ``testing.strategies`` and ``sampling`` (its ``__all__``);
the public method names and signatures of ``DiscreteInverseCDF`` and ``ContinuousInverseCDF``;
the signatures of ``sampling.quadrature.integrate`` and ``sampling.diagnostics.split_chains``
(no other name of the submodules was listed). Templates: the hundred-and-forty-seventh and the
hundred-and-forty-third, in full (each in two displays, the middle of each printed
separately). Of ``tests/test_bad_inputs_cli.py`` its module docstring (through ``ast``), a grep
of its ``def`` lines and its lines 480-500 and 555-620 (``classify_call``, ``kept_cases``,
``battery_params``, ``assert_wide_and_new``, ``battery_main``, ``report_by_area``); the
eighth's ``classify_case``: its head (signature, docstring and first lines). The earlier
batteries' shared helpers were imported, not copied (from the fifth ``_example`` and
``_metropolis``; the seventeenth ``_samples``; the eighty-seventh ``_then_defaults``; from the
ninety-seventh its constants, ``_chains4`` and ``_sin_loss``; the hundred-and-fifth
``_square_impl``; the hundred-and-seventeenth ``_through``); their signatures, the constants'
values and shapes, and the bodies of ``_through`` (a loss summing a user's Primitive) and of
the fifth's ``_metropolis`` were printed (test helpers, not library code), and the signature of
the ninety-sixth's ``_under_the_batteries_ulimit`` (not used). Before the run, for the plumbing
only (valid inputs, not cases): the two-argument Primitive below with its rules in the right
order gave ``grad`` = 6 x at X3, a ``_through`` Primitive with a correct vjp gave 2 x,
``_matrix_loss(X3)`` has shape (1, 1), and ``ad.vjp(_sin_loss, X3)`` returns (value, function).
No body, docstring or source of library code, of ``checks``/``messages``/``protocol``, of the
library's history or of /work/main (whose venv's python alone was run) was read, before or
after the first run (``git status`` was the only git command). The first run was made with
``-v`` (so the messages of the clear kept cases were printed too); then ``--written -v``, once
in full and once filtered to the cases not kept, to read the written cases' messages; and one
call not in this file for the reading only (see "Not clear" below). Writes: no case writes a
file (``style.subplots`` could only open a figure; every such case was refused); the list of
earlier ids was kept in the untracked ``.ids_scratch`` of the worktree and this docstring's
draft in the untracked ``.doc_scratch``, both removed after the run. No optional package is
used, so no case is skipped. No case could allocate gigabytes (the largest number passed is
268435456 as malloc's trim threshold in a (1, 1) array; the largest array 400 floats), so the
ninety-sixth battery's ``_under_the_batteries_ulimit`` is not imported.

Areas (library side only), as written: the autodiff engine -- sum, mean, max, min, logsumexp,
prod, var, std, norm, expand_dims, squeeze, stack and concatenate axis, var and std ddof, norm
ord, an entry of reshape's and broadcast_to's shape and of transpose's axes, jacobian and
hessian argnum, grad and value_and_grad argnums as (1, 1) arrays; jvp's tangent and vjp's
cotangent as (1, 1) arrays for a scalar; grad, value_and_grad and hessian of a loss returning a
(1, 1) matrix; a user's Primitive whose vjp returns the (3, 3) Jacobian instead of its product
with the cotangent (under grad, value_and_grad, jacobian, hessian, jvp and vjp's function),
whose impl returns a (1, n) row (the same six), and a two-argument Primitive whose two vjp rules
are given in swapped order (grad, value_and_grad, jacobian, hessian, jvp) (45); gradcheck --
check_grads order and rng as (1, 1) arrays, hvp v a (1, 1) array for a scalar x, and the three
Primitives under check_grads and hvp (9); ``figures.style`` -- subplots nrows and ncols,
check_seed seed, a check_numbers shape entry as (1, 1) arrays (4); ``memory`` --
keep_freed_memory's two thresholds as (1, 1) arrays (2); samplers -- exponential rate, cauchy,
laplace, weibull and pareto scale, logistic loc, metropolis n_steps, step_size, n_warmup and
target_acceptance, optimal_acceptance dim, grid_inverse_cdf n and lo, integrate lo,
from_density u_resolution and one end of its domain as (1, 1) arrays (16); diagnostics --
ess_tail, ess_mean, mcse_sd, diagnose draws and split_chains x of shape (4, 100, 1, 1) (5); the
testing kit -- draws_needed discrepancy and samples, chi_square_power n, assert_cdf_matches
alpha, assert_inverts u_resolution, densities student_t df, pareto alpha, beta a, triangular
mode, laplace scale, uniform hi, strategies u_grids and probability_vectors max_size and
symmetric_proposals n as (1, 1) arrays (14): 95 written, 60 to the engine, gradcheck,
figures.style and memory and 35 to the rest (the other writer of this round has the samplers,
diagnostics and kit). Dtypes: float32 and float64 are valid by the README, so no dtype case
was written.

Kinds of bad value (the issue's own):
- wrong shape, 2-D for a scalar: one number held in a (1, 1) array, ``np.array([[v]])`` --
  what ``w.T @ v`` of two column vectors, or ``np.atleast_2d``, gives -- where one axis, ddof,
  order, argument index, count, size, seed, byte count, rate, scale, location, step, dimension,
  bound, tolerance, error rate or shape parameter is meant, or as one entry of a shape or of
  transpose's axes; a (1, 1) tangent, cotangent or direction for a scalar; chains whose every
  draw is a (1, 1) matrix, (4, 100, 1, 1). Arguments where an array is valid were not given
  one (clip's bounds, maximum, mul, power and where's operands, getitem's index, solve's b;
  check_grads eps, rtol and atol, which could broadcast; quantile_type7 prob, np.quantile's
  array of probabilities; smallest_detectable and dkw_epsilon n, plain formulas that could be
  vectorised; a sampler's size, a shape; a ppf's u; rank_normalize's draws, whose normal scores
  may be taken of any array).
- a user's function that misbehaves, the wrong shape: a loss returning a (1, 1) matrix (a row
  times a column) where one number is meant; a Primitive's vjp returning the (n, n) Jacobian
  (never reading g) instead of the product g J; a Primitive's impl returning a (1, n) row for
  n; and a two-argument Primitive, c * x**2, whose rules are given in the order (c's, x's), so
  that x's slot holds a rule returning one number.
No degenerate data of the issue's own rule, no file or path case, no mismatch between runs, no
out-of-range number (the earlier batteries hold these functions' ranges densely).

Repeats: every id of the earlier batteries (17,756 quoted first elements of tuples in
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``, by the regex
``^\s*\("[^"]*``; some are not ids) was compared with this file before the run for exact ids,
case-insensitively (none). Before drafting, the earlier ids holding each candidate kind were
counted or printed (NumPy bools np.True_, a (loss, aux) pair, masked arrays, ``[[``, ``(1,
1)``, 0-d arrays, longdouble, known_densities, IntEnum, enum, memmap, recarray, datetime64,
"bool for", atleast_2d, rows, "(1, n)", typos and misspellings, one-element lists and
one-tuples, "forgot", "per-coordinate", "in place", every "Primitive whose ..." id by its
misbehaviour, "Jacobian", "diag", swapped rules, "vjps", 4-D draws): NumPy bools, (loss, aux)
pairs (the engine, gradcheck, metropolis), typos, one-tuples, functions writing into their
input, and Primitives returning strings, None, NaN, complex, bools, datetimes, one entry too
many or too few, a row of shape (1, 3) from the vjp and a column from the impl, were all dense;
a (1, 1) array as a value, ``atleast_2d``, ``v.T @ w``, a vjp returning the Jacobian and rules
in swapped order appeared in no earlier id. Then, for every drafted id, the earlier ids
starting with its first two words and holding "(1, 1)", "1x1", "matrix", "2-d", "jacobian",
"swapped", "row", ``[[`` or "atleast" were printed; with the first counts this found near
repeats replaced before the run: ``metropolis log_density returning per-coordinate values
(n_chains, dim)``, a sum over coordinates forgotten (an earlier ``metropolis log_density of
shape (2, 1)`` and an ``np.vectorize`` one value a coordinate; dropped at drafting), and
``ess_tail prob (a (1, 1) array [[0.05]], a (1, 1) array [[0.95]])`` (an earlier ``ess_tail
prob a 2-D array``; removed before the run, leaving diagnostics five cases). Kept although
near, as new instances, disclosed: the (1, 1) arrays where an ``np.matrix`` was tried on the
same argument (keep_freed_memory mmap_threshold, style check_seed, hvp v) -- an ndarray, not
the matrix class the README refuses by name -- and where the hundred-and-forty-third's
one-element 1-D arrays or 0-d arrays were tried (the axes, argnum, shape entries, check_grads
order and rng, subplots, the thresholds, metropolis n_steps, optimal_acceptance
dim, draws_needed samples, chi_square_power n, u_grids max_size, symmetric_proposals n,
jacobian argnum's ``a 0-d float array``); grad, value_and_grad and hessian of a loss returning
a (1, 1) matrix where ``hvp fun returning a (1, 1) matrix`` was tried; the impl's (1, n) row
where vjps returned a (1, 3) row and impls a (3, 1) column; the (4, 100, 1, 1) draws on
ess_tail, ess_mean, mcse_sd, diagnose and split_chains where 4-D draws were tried on split_rhat,
ess_bulk and mcse_mean (and 3-D on diagnose). Missed, found while writing this docstring: none.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 56 of the 95. After the
first run no case was added, dropped, reordered, swapped, reworded or corrected (only this
docstring was written; the replacements above were made before any run).

First run (under ``ulimit -v 8000000``; kept about 3.2 s): kept, 55 of 56 clear (98.2%), 0
unclear, 1 silent, 0 data loss -- engine 27/27, gradcheck 5/5, figures 2/2, memory 1/1,
samplers 9/10 (1 silent), diagnostics 3/3, testing kit 8/8. Written, 94 of 95 clear (98.9%), 0
unclear, 1 silent, 0 data loss -- engine 45/45, gradcheck 9/9, figures 4/4, memory 2/2,
samplers 15/16 (1 silent), diagnostics 5/5, testing kit 14/14. Under pytest: 56 passed (55
cases and the wide-and-new test), 1 failed (the silent kept case); pytest was run once more,
after this docstring was written, with the same result.

Not clear, kept:
- ``integrate lo a (1, 1) array [[0.]], v.T @ w for the lower end`` (wrong shape, 2-D for a
  scalar): silent -- no error. For the reading only, not counted: ``integrate(np.cos,
  np.array([[0.0]]), 1.0)`` returned ``array([[0.84147098]])``, shape (1, 1), where
  ``integrate(np.cos, 0.0, 1.0)`` gives ``np.float64(0.8414709848078965)`` (sin 1): the right
  number in the wrong shape, accepted where ``grid_inverse_cdf`` refuses the same value for its
  ``lo`` ("lo must be a real number, got ndarray array([[-5.]])"). Doubtful, disclosed: if
  ``integrate`` is meant to take arrays of ends (a vectorised quadrature; its docstring was not
  read), this is no bad input; it is left as written (a slip could not be told from a miss
  without reading the library).
Not clear, written and not kept: none.
Read in the clear messages, not counted (every one names the argument and the value): the
(1, 1) arrays are shown as "got ndarray array([[0]])" or "got array([[2.]]) (ndarray)";
reshape, transpose and broadcast_to say which entry "is no int"; jacobian, hessian, grad and
value_and_grad argnum(s) add a hint about the point ("the point? jacobian(fun, argnum) makes a
function"), which does not fit this mistake; several are ValueError where a TypeError would say
wrong type (check_grads order, subplots nrows and ncols, check_seed, grid_inverse_cdf n,
draws_needed samples, assert_inverts u_resolution, from_density domain); check_seed's message
starts "seed must be ...", without its function's name; the loss returning a (1, 1) matrix
gets "grad needs fun to return a scalar, but it returned an output of shape (1, 1); reduce it
first, e.g. with sum" (under hessian with "hessian: " before it), naming ``fun`` but not the
user's function by its name; jvp's (1, 1) tangent gets "tangent 0 must have the structure and
shapes of primal 0: got shapes [(1, 1)] for primal shapes [()] (tangents[0] is *, primals[0] is
*)"; vjp's cotangent and hvp's v name both shapes. The three Primitives are named with the
Primitive's and the rule's own names and both shapes ("vjp_0 (_jacobian_vjp) must return the
cotangent of argument 0, of its shape (3,), but it returned shape (3, 3)"); for the swapped
rules the message names the rule in slot 0 (``_scaled_vjp_c``) and its shape (), enough to see
the swap, without saying the rules may be swapped; jacobian, hessian, jvp and hvp start these
messages with their own names, grad, value_and_grad, vjp's function and check_grads do not.
The diagnostics name the shape given, (4, 100, 1, 1), and the shapes allowed. No case lost data.

Measured on main at 72821c6, the commit it was written at, blind (the lead reran it there,
with the hundred-and-fiftieth, -second and -third beside it): kept, 55 of 56 clear (98.2%),
0 unclear, 1 silent, 0 data loss. The silent case was not a bad input: integrate takes arrays
of ends and returns their shape, as its docstring says (the writer could not read it, and said
so); it is a strict xfail with that reason.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, sampling, testing
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.sampling import (ContinuousInverseCDF, diagnose, ess_mean, ess_tail,
                                  grid_inverse_cdf, mcse_sd)
from scratchmeta.sampling.diagnostics import split_chains
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.testing import densities, strategies

from test_bad_inputs_cli import battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fifth import _example, _metropolis
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_seventeenth import _samples
from test_bad_inputs_eightyseventh import _then_defaults
from test_bad_inputs_ninetyseventh import M23, P3, U5, X3, _chains4, _sin_loss
from test_bad_inputs_hundredfifth import _square_impl
from test_bad_inputs_hundredseventeenth import _through


def Q(v):
    """One number as a (1, 1) array -- what ``w.T @ v`` of two column vectors, or
    ``np.atleast_2d``, gives -- where the number itself (a count, an axis, a scale) is meant."""
    return np.array([[v]])


def q(v):
    """How NumPy prints ``Q(v)`` (``[[2.]]``, ``[[1.e-06]]``): the value a message must show."""
    return np.array2string(Q(v))


def _draws_of_matrices():
    """Four chains of 100 draws, each draw a (1, 1) matrix: shape (4, 100, 1, 1)."""
    return _chains4()[:, :, None, None]


# --- users' functions that misbehave ---------------------------------------------------------

def _jacobian_vjp(g, ans, x):
    """A Primitive's vjp rule returning the (3, 3) Jacobian of x**2, diag(2 x), instead of its
    product with the cotangent g (g is never read)."""
    return ad.mul(ad.expand_dims(x, 1), 2.0 * np.eye(3))


def _square_vjp(g, ans, x):
    return g * 2.0 * x


def _row_impl(x):
    """A Primitive's impl returning its values as a (1, n) row for an input of n."""
    return _square_impl(x)[None]


def _scaled_impl(x, c):
    return np.asarray(c, dtype=float) * np.asarray(x, dtype=float) ** 2


def _scaled_vjp_x(g, ans, x, c):
    return g * 2.0 * c * x


def _scaled_vjp_c(g, ans, x, c):
    return ad.sum(g * x * x)


def _jacobian_through():
    return _through("my_jacobian_vjp", _square_impl, _jacobian_vjp)


def _row_through():
    return _through("my_row_impl", _row_impl, _square_vjp)


def _swapped_through():
    """A loss through a two-argument Primitive c * x**2 whose two vjp rules are given in
    swapped order (c's rule, which sums to one number, first; x's second)."""
    prim = ad.Primitive("my_swapped_rules", _scaled_impl, _scaled_vjp_c, _scaled_vjp_x)

    def loss(x):
        return ad.sum(prim(x, 3.0))
    return loss


def _matrix_loss(x):
    """A loss computed as a row times a column, x[None] @ sin(x)[:, None]: a (1, 1) matrix
    where one number is meant."""
    return ad.matmul(ad.expand_dims(x, 0), ad.expand_dims(ad.sin(x), 1))


def _vjp_at(cotangent):
    """Calls vjp's function with the given cotangent for _sin_loss at X3 (one number out)."""
    _, back = ad.vjp(_sin_loss, X3)
    return back(cotangent)


# --- library calls: (id, call(folder), mentions[, env]) --------------------------------------

ENGINE_CASES = [
    ("sum axis a (1, 1) array [[0]], v.T @ w for axis", lambda d: ad.sum(M23, axis=Q(0)),
     ["axis", q(0)]),
    ("mean axis a (1, 1) array [[1]], v.T @ w for axis", lambda d: ad.mean(M23, axis=Q(1)),
     ["axis", q(1)]),
    ("grad through a Primitive whose vjp returns the (3, 3) Jacobian, not its product with g",
     lambda d: ad.grad(_jacobian_through())(X3), ["my_jacobian_vjp"]),
    ("max axis a (1, 1) array [[0]], v.T @ w for axis", lambda d: ad.max(M23, axis=Q(0)),
     ["axis", q(0)]),
    ("grad through a Primitive whose impl returns a (1, n) row for n", lambda d: ad.grad(
        _row_through())(X3), ["my_row_impl"]),
    ("min axis a (1, 1) array [[1]], v.T @ w for axis", lambda d: ad.min(M23, axis=Q(1)),
     ["axis", q(1)]),
    ("grad through a two-argument Primitive whose vjp rules are in swapped order", lambda d:
        ad.grad(_swapped_through())(X3), ["my_swapped_rules"]),
    ("logsumexp axis a (1, 1) array [[1]], v.T @ w for axis", lambda d: ad.logsumexp(
        M23, axis=Q(1)), ["axis", q(1)]),
    ("grad of a loss returning a (1, 1) matrix, x[None] @ sin(x)[:, None]", lambda d: ad.grad(
        _matrix_loss)(X3), ["(1, 1)"]),
    ("prod axis a (1, 1) array [[0]], v.T @ w for axis", lambda d: ad.prod(M23, axis=Q(0)),
     ["axis", q(0)]),
    ("value_and_grad through a Primitive whose vjp returns the (3, 3) Jacobian", lambda d:
        ad.value_and_grad(_jacobian_through())(X3), ["my_jacobian_vjp"]),
    ("var ddof a (1, 1) array [[1]], v.T @ w for ddof", lambda d: ad.var(
        M23, axis=0, ddof=Q(1)), ["ddof", q(1)]),
    ("value_and_grad through a Primitive whose impl returns a (1, n) row for n", lambda d:
        ad.value_and_grad(_row_through())(X3), ["my_row_impl"]),
    ("std ddof a (1, 1) array [[1]], v.T @ w for ddof", lambda d: ad.std(
        M23, axis=0, ddof=Q(1)), ["ddof", q(1)]),
    ("value_and_grad through a two-argument Primitive whose vjp rules are in swapped order",
     lambda d: ad.value_and_grad(_swapped_through())(X3), ["my_swapped_rules"]),
    ("norm ord a (1, 1) array [[2]], v.T @ w for the order", lambda d: ad.norm(
        X3, ord=Q(2)), ["ord", q(2)]),
    ("value_and_grad of a loss returning a (1, 1) matrix, x[None] @ sin(x)[:, None]",
     lambda d: ad.value_and_grad(_matrix_loss)(X3), ["(1, 1)"]),
    ("norm axis a (1, 1) array [[1]], v.T @ w for axis", lambda d: ad.norm(
        M23, axis=Q(1)), ["axis", q(1)]),
    ("jacobian through a Primitive whose vjp returns the (3, 3) Jacobian", lambda d:
        ad.jacobian(_jacobian_through())(X3), ["my_jacobian_vjp"]),
    ("expand_dims axis a (1, 1) array [[0]], v.T @ w for axis", lambda d: ad.expand_dims(
        X3, Q(0)), ["axis", q(0)]),
    ("jacobian through a Primitive whose impl returns a (1, n) row for n", lambda d:
        ad.jacobian(_row_through())(X3), ["my_row_impl"]),
    ("squeeze axis a (1, 1) array [[0]], v.T @ w for axis", lambda d: ad.squeeze(
        M23[None], axis=Q(0)), ["axis", q(0)]),
    ("jacobian through a two-argument Primitive whose vjp rules are in swapped order",
     lambda d: ad.jacobian(_swapped_through())(X3), ["my_swapped_rules"]),
    ("stack axis a (1, 1) array [[1]], v.T @ w for axis", lambda d: ad.stack(
        [X3, X3], axis=Q(1)), ["axis", q(1)]),
    ("hessian of a loss returning a (1, 1) matrix, x[None] @ sin(x)[:, None]", lambda d:
        ad.hessian(_matrix_loss)(X3), ["(1, 1)"]),
    ("concatenate axis a (1, 1) array [[0]], v.T @ w for axis", lambda d: ad.concatenate(
        [M23, M23], axis=Q(0)), ["axis", q(0)]),
    ("hessian through a Primitive whose vjp returns the (3, 3) Jacobian", lambda d:
        ad.hessian(_jacobian_through())(X3), ["my_jacobian_vjp"]),
    ("reshape shape (a (1, 1) array [[3]], 2), a matrix among the sizes", lambda d:
        ad.reshape(M23, (Q(3), 2)), ["shape", q(3)]),
    ("hessian through a Primitive whose impl returns a (1, n) row for n", lambda d:
        ad.hessian(_row_through())(X3), ["my_row_impl"]),
    ("transpose axes (a (1, 1) array [[1]], 0), a matrix among the axes", lambda d:
        ad.transpose(M23, (Q(1), 0)), ["axes", q(1)]),
    ("hessian through a two-argument Primitive whose vjp rules are in swapped order",
     lambda d: ad.hessian(_swapped_through())(X3), ["my_swapped_rules"]),
    ("broadcast_to shape (a (1, 1) array [[2]], 3), a matrix among the sizes", lambda d:
        ad.broadcast_to(X3, (Q(2), 3)), ["shape", q(2)]),
    ("jvp through a Primitive whose vjp returns the (3, 3) Jacobian", lambda d: ad.jvp(
        _jacobian_through(), (X3,), (np.ones(3),)), ["my_jacobian_vjp"]),
    ("jacobian argnum a (1, 1) array [[0]], v.T @ w for argument index", lambda d:
        ad.jacobian(ad.sin, argnum=Q(0))(X3), ["argnum", q(0)]),
    ("jvp through a Primitive whose impl returns a (1, n) row for n", lambda d: ad.jvp(
        _row_through(), (X3,), (np.ones(3),)), ["my_row_impl"]),
    ("hessian argnum a (1, 1) array [[0]], v.T @ w for argument index", lambda d:
        ad.hessian(_sin_loss, argnum=Q(0))(X3), ["argnum", q(0)]),
    ("jvp through a two-argument Primitive whose vjp rules are in swapped order", lambda d:
        ad.jvp(_swapped_through(), (X3,), (np.ones(3),)), ["my_swapped_rules"]),
    ("grad argnums a (1, 1) array [[0]], v.T @ w for argument index", lambda d: ad.grad(
        _sin_loss, argnums=Q(0))(X3), ["argnums", q(0)]),
    ("vjp's function through a Primitive whose vjp returns the (3, 3) Jacobian", lambda d:
        ad.vjp(_jacobian_through(), X3)[1](1.0), ["my_jacobian_vjp"]),
    ("value_and_grad argnums a (1, 1) array [[0]], v.T @ w for argument index", lambda d:
        ad.value_and_grad(_sin_loss, argnums=Q(0))(X3), ["argnums", q(0)]),
    ("jvp tangent a (1, 1) array [[1.]] for a scalar primal 0.5", lambda d: ad.jvp(
        ad.sin, (0.5,), (Q(1.0),)), ["tangent", "(1, 1)"]),
    ("vjp's function cotangent a (1, 1) array [[1.]] for a scalar output", lambda d:
        _vjp_at(Q(1.0)), ["cotangent", "(1, 1)"]),
    ("var axis a (1, 1) array [[0]], v.T @ w for axis", lambda d: ad.var(M23, axis=Q(0)),
     ["axis", q(0)]),
    ("std axis a (1, 1) array [[1]], v.T @ w for axis", lambda d: ad.std(M23, axis=Q(1)),
     ["axis", q(1)]),
    ("vjp's function through a Primitive whose impl returns a (1, n) row for n", lambda d:
        ad.vjp(_row_through(), X3)[1](1.0), ["my_row_impl"]),
]

GRADCHECK_CASES = [
    ("check_grads order a (1, 1) array [[2]], v.T @ w for order", lambda d: check_grads(
        _sin_loss, (X3,), Q(2)), ["order", q(2)]),
    ("check_grads fun through a Primitive whose vjp returns the (3, 3) Jacobian", lambda d:
        check_grads(_jacobian_through(), (X3,)), ["my_jacobian_vjp"]),
    ("hvp fun through a Primitive whose vjp returns the (3, 3) Jacobian", lambda d: hvp(
        _jacobian_through(), X3, np.ones(3)), ["my_jacobian_vjp"]),
    ("check_grads rng a (1, 1) seed array [[0]] where a Generator is meant", lambda d:
        check_grads(_sin_loss, (X3,), rng=Q(0)), ["rng", q(0)]),
    ("check_grads fun through a Primitive whose impl returns a (1, n) row for n", lambda d:
        check_grads(_row_through(), (X3,)), ["my_row_impl"]),
    ("hvp fun through a Primitive whose impl returns a (1, n) row for n", lambda d: hvp(
        _row_through(), X3, np.ones(3)), ["my_row_impl"]),
    ("hvp v a (1, 1) array [[1.]] for a scalar x 0.5", lambda d: hvp(
        _sin_loss, 0.5, Q(1.0)), ["v", "(1, 1)"]),
    ("check_grads fun through a two-argument Primitive whose vjp rules are in swapped order",
     lambda d: check_grads(_swapped_through(), (X3,)), ["my_swapped_rules"]),
    ("hvp fun through a two-argument Primitive whose vjp rules are in swapped order",
     lambda d: hvp(_swapped_through(), X3, np.ones(3)), ["my_swapped_rules"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("style subplots nrows a (1, 1) array [[2]], v.T @ w for count", lambda d:
        style.subplots(Q(2)), ["nrows", q(2)]),
    ("style check_seed seed a (1, 1) array [[0]]", lambda d: style.check_seed(Q(0)),
     ["seed", q(0)]),
    ("style subplots ncols a (1, 1) array [[2]], v.T @ w for count", lambda d:
        style.subplots(1, Q(2)), ["ncols", q(2)]),
    ("style check_numbers shape (a (1, 1) array [[3]],), a matrix for a size", lambda d:
        style.check_numbers("x", X3, shape=(Q(3),)), ["shape", q(3)]),
]

MEMORY_CASES = [
    ("keep_freed_memory mmap_threshold a (1, 1) array [[67108864]] of bytes",
     lambda d: _then_defaults(lambda: memory.keep_freed_memory(Q(67108864))),
     ["mmap_threshold", q(67108864)]),
    ("keep_freed_memory trim_threshold a (1, 1) array [[268435456]] of bytes",
     lambda d: _then_defaults(lambda: memory.keep_freed_memory(
         trim_threshold=Q(268435456))), ["trim_threshold", q(268435456)]),
]

SAMPLER_CASES = [
    ("exponential rate a (1, 1) array [[2.]], v.T @ w for the rate", lambda d:
        sampling.exponential(Q(2.0)), ["rate", q(2.0)]),
    ("cauchy scale a (1, 1) array [[1.]], v.T @ w for the scale", lambda d: sampling.cauchy(
        scale=Q(1.0)), ["scale", q(1.0)]),
    ("logistic loc a (1, 1) array [[0.]], v.T @ w for the location", lambda d:
        sampling.logistic(loc=Q(0.0)), ["loc", q(0.0)]),
    ("laplace scale a (1, 1) array [[1.]], v.T @ w for the scale", lambda d:
        sampling.laplace(scale=Q(1.0)), ["scale", q(1.0)]),
    ("weibull scale a (1, 1) array [[1.]], v.T @ w for the scale", lambda d:
        sampling.weibull(2.0, scale=Q(1.0)), ["scale", q(1.0)]),
    ("pareto scale a (1, 1) array [[1.]], v.T @ w for the scale", lambda d: sampling.pareto(
        3.0, scale=Q(1.0)), ["scale", q(1.0)]),
    ("metropolis n_steps a (1, 1) array [[20]], v.T @ w for count", lambda d: _metropolis(
        n_steps=Q(20)), ["n_steps", q(20)]),
    ("metropolis step_size a (1, 1) array [[0.5]], v.T @ w for the step", lambda d:
        _metropolis(step_size=Q(0.5)), ["step_size", q(0.5)]),
    ("metropolis n_warmup a (1, 1) array [[10]], v.T @ w for count", lambda d: _metropolis(
        n_warmup=Q(10)), ["n_warmup", q(10)]),
    ("metropolis target_acceptance a (1, 1) array [[0.3]]", lambda d: _metropolis(
        target_acceptance=Q(0.3)), ["target_acceptance", q(0.3)]),
    ("optimal_acceptance dim a (1, 1) array [[2]], v.T @ w for dimension", lambda d:
        sampling.optimal_acceptance(Q(2)), ["dim", q(2)]),
    ("grid_inverse_cdf n a (1, 1) array [[4096]], v.T @ w for count", lambda d:
        grid_inverse_cdf(stats.norm.pdf, -5.0, 5.0, n=Q(4096)), ["n", q(4096)]),
    ("grid_inverse_cdf lo a (1, 1) array [[-5.]], v.T @ w for the lower end", lambda d:
        grid_inverse_cdf(stats.norm.pdf, Q(-5.0), 5.0), ["lo", q(-5.0)]),
    ("integrate lo a (1, 1) array [[0.]], v.T @ w for the lower end", lambda d: integrate(
        np.cos, Q(0.0), 1.0), ["lo", q(0.0)]),
    ("ContinuousInverseCDF from_density u_resolution a (1, 1) array [[1.e-08]]", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, u_resolution=Q(1e-8)),
     ["u_resolution", q(1e-8)]),
    ("ContinuousInverseCDF from_density domain (a (1, 1) array [[-5.]], 5.0)", lambda d:
        ContinuousInverseCDF.from_density(stats.norm.pdf, domain=(Q(-5.0), 5.0)),
     ["domain", q(-5.0)]),
]

DIAGNOSTIC_CASES = [
    ("ess_tail draws (4, 100, 1, 1), every draw a (1, 1) matrix", lambda d: ess_tail(
        _draws_of_matrices()), ["draws", "(4, 100, 1, 1)"]),
    ("ess_mean draws (4, 100, 1, 1), every draw a (1, 1) matrix", lambda d: ess_mean(
        _draws_of_matrices()), ["draws", "(4, 100, 1, 1)"]),
    ("mcse_sd draws (4, 100, 1, 1), every draw a (1, 1) matrix", lambda d: mcse_sd(
        _draws_of_matrices()), ["draws", "(4, 100, 1, 1)"]),
    ("diagnose draws (4, 100, 1, 1), every draw a (1, 1) matrix", lambda d: diagnose(
        _draws_of_matrices()), ["draws", "(4, 100, 1, 1)"]),
    ("split_chains x (4, 100, 1, 1), every draw a (1, 1) matrix", lambda d: split_chains(
        _draws_of_matrices()), ["x", "(4, 100, 1, 1)"]),
]

TESTING_CASES = [
    ("draws_needed discrepancy a (1, 1) array [[0.01]], v.T @ w", lambda d:
        testing.draws_needed(Q(0.01)), ["discrepancy", q(0.01)]),
    ("draws_needed samples a (1, 1) array [[1]], v.T @ w for count", lambda d:
        testing.draws_needed(0.01, samples=Q(1)), ["samples", q(1)]),
    ("chi_square_power n a (1, 1) array [[100]], v.T @ w for count", lambda d:
        testing.chi_square_power(P3, [0.3, 0.3, 0.4], Q(100)), ["n", q(100)]),
    ("assert_cdf_matches alpha a (1, 1) array [[1.e-06]]", lambda d:
        testing.assert_cdf_matches(_samples(), stats.norm.cdf, alpha=Q(1e-6)),
     ["alpha", q(1e-6)]),
    ("assert_inverts u_resolution a (1, 1) array [[1.e-06]]", lambda d:
        testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, U5, Q(1e-6)),
     ["u_resolution", q(1e-6)]),
    ("densities student_t df a (1, 1) array [[3.]], v.T @ w", lambda d: densities.student_t(
        Q(3.0)), ["df", q(3.0)]),
    ("densities pareto alpha a (1, 1) array [[3.]], v.T @ w", lambda d: densities.pareto(
        Q(3.0)), ["alpha", q(3.0)]),
    ("densities beta a a (1, 1) array [[2.]], v.T @ w", lambda d: densities.beta(
        Q(2.0), 2.0), ["a", q(2.0)]),
    ("densities triangular mode a (1, 1) array [[0.5]], v.T @ w", lambda d:
        densities.triangular(0.0, Q(0.5), 1.0), ["mode", q(0.5)]),
    ("densities laplace scale a (1, 1) array [[1.]], v.T @ w", lambda d: densities.laplace(
        scale=Q(1.0)), ["scale", q(1.0)]),
    ("densities uniform hi a (1, 1) array [[1.]], v.T @ w", lambda d: densities.uniform(
        0.0, Q(1.0)), ["hi", q(1.0)]),
    ("strategies u_grids max_size a (1, 1) array [[10]], v.T @ w for count", lambda d:
        _example(strategies.u_grids(max_size=Q(10))), ["max_size", q(10)]),
    ("strategies probability_vectors max_size a (1, 1) array [[12]], for count", lambda d:
        _example(strategies.probability_vectors(max_size=Q(12))), ["max_size", q(12)]),
    ("strategies symmetric_proposals n a (1, 1) array [[3]], v.T @ w for count", lambda d:
        _example(strategies.symmetric_proposals(Q(3))), ["n", q(3)]),
]

WRITTEN = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES, "memory": MEMORY_CASES,
           "samplers": SAMPLER_CASES, "diagnostics": DIAGNOSTIC_CASES,
           "testing kit": TESTING_CASES}

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
NOT_CLEAR_YET = {
    'integrate lo a (1, 1) array [[0.]], v.T @ w for the lower end':
        'silent at 72821c6: no error (not a bad input: integrate takes arrays of ends, which '
        'broadcast, and its result has their shape, as its docstring says; the (1, 1) result '
        'held the right integral, sin 1)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredfiftyfirst_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfiftyfirst.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
