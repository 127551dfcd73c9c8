"""A fifteenth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; the cases run through the eighth battery's shared ``classify_case`` (at most 30 s a
case, figure modules stubbed, an environment set where the case gives one). The cases were
written blind, from the user's side only: ``__all__``, the public names and signatures of each
module, the README, the docstrings and ``--help`` of ``train``, ``evaluate``, ``compare`` and
the figures options. The library's check modules, the bodies of its validation code, its
history and the fixes being made elsewhere were not read.

Areas, weighted about as in the fourteenth: the command line (train; evaluate, compare and
demo; figures, stubbed), ``SCRATCHMETA_KEEP_FREED_MEMORY`` under the command line and for the
``memory`` functions, the autodiff engine, gradcheck, Chapter 2's functions (ridge, softmax
and R2-D2 heads, inner SGD, MAML/ANIL/Reptile/subset losses, adapt, guard, normalization),
strategies and their configs, evaluate and train, checkpoints, nn/optim/batchnorm, task
families and losses, samplers and diagnostics, the testing kit, Omniglot and the figures
helpers. The kinds of bad value are mostly ones earlier batteries used little or not at all:
sets, dicts, bytes and generators where arrays or numbers are meant, Decimal (a NaN, a
fraction) and Fraction values, timedelta64 and datetime64 arrays and scalars, masked arrays
with an entry masked, complex values, NumPy bools and float64 counts, 2**70, classes where
instances are meant, a strategy given another strategy's config, a family whose input width
does not match the model, configs with a field of the wrong type (``first_order`` a word,
``batched`` None, ``learn_lam`` 1, ``head_init`` None), user callables that raise (KeyError,
RuntimeError, ArithmeticError) or give NaN, text or the wrong shape, and damaged checkpoints
made in new ways (two weights swapped, an adam moment given another entry's shape, a 0-D
weight, bool or timedelta moments, adam t complex, meta/step a string, meta/seed NaN,
meta-losses negative or missing, meta/changes a JSON dict, meta/config with sizes holding a
0 or a string, hyperparameters a list, an unknown strategy name). On the command line: hex
and e-notation spellings for options that had not had them, an empty string, ``--set`` with an
empty name, two values with a comma or ``null``, ``--strategy MAML``, ``--only``
with a wildcard, a quoted, hyphenated, tab-padded or unknown stem, an unknown option; the
environment variable set to 'T', '1;0', a vulgar half, 'ON', a CJK one, 'inf', '1x' and a tab
between digits. Read-only and non-contiguous arrays and float32 inputs are valid and were not
used as bad ones.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` including the
fourteenth, and the sweep file: about 3,460 ids) were compared with each case drafted by a
token-overlap (Jaccard) search, and each pair at 0.5 or more was read, with a grep of the
exact argv or environment value for the command-line cases. Of 552 cases drafted (in three
rounds: the replacements were searched the same way), 251 that repeated an earlier case's
substance (same function, argument and kind of value) were removed -- e.g. ``checkpoint-every
a word``, ``lam inf``, ``eval split capitalised``, ``max of an empty array``, ``check_grads
eps 0``, ``meta_loss model None``, ``select candidates empty``, ``load adam t -1``,
``MLP activation capitalised``, ``discrete p a set``, ``density beta a 0``, ``progress width
0``, and the environment values '01', '2', '+1', '1.' and 'none' -- which left 301 written.
Mentions: the argument's name as in the signature (or the CLI option, the checkpoint entry,
the variable), and a scalar's or short string's repr where it has one.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (0, 3)`` were kept (``_kept``): 176 of the 301.
After the first run a kept case could only be dropped (never added or swapped), when
documented valid or wrong itself. Dropped (``DROPPED``), kept: ``tree_flatten of a
generator`` (its docstring: anything but lists, tuples, namedtuples and dicts is one leaf),
``hvp v with inf`` (its docstring checks x only: "a NaN in v gives NaN"), ``density_values
pdf returning NaN`` ("NaN allowed: for probing"), ``solve_vandermonde s repeated`` (of the
wrong shape -- s and y are (5, m) -- and, at the right shape, nodes crowded together are
documented: the column is marked unsolved). Dropped, written and not kept: ``compare
adapt-steps 0`` (the most test-time steps tried; 0 is the un-adapted score, not forbidden),
``diagnose draws 3-D`` (it reports "per dimension"), ``density_values x with NaN`` (NaN
allowed), ``density normal_mixture weights summing to 2`` (weights documented as
normalised). Corrected, the case being wrong and not the library (none of them kept): ``set
meta_batch null`` clashed with the battery's own ``--meta-batch 2`` (refused as "given
twice"): it now leaves ``--meta-batch`` out; ``newton_head sample_batch rng None`` left out
the state (the signature is ``(rng, state)``): it now passes one; ``horner s complex`` gave
``a`` of the wrong shape: it now gives a (5, 1).

First run, at commit 95917c8, as written: the 176 kept: 157 clear (89.2%), 6 unclear (3.4%),
13 silent (7.4%), 0 data loss; all 301 written: 261 clear (86.7%), 12 unclear (4.0%), 28
silent (9.3%), 0 data loss. After the drops and corrections above, the 172 kept: 157 clear
(91.3%), 5 unclear (2.9%), 10 silent (5.8%), 0 data loss; the 293 written and not dropped
(``--written``): 263 clear (89.8%), 8 unclear (2.7%), 22 silent (7.5%), 0 data loss. Below
the goal of 95%. Kept, by area (clear/unclear/silent/data loss): command line (train) 8/0/0/0
of 8, command line (evaluate, compare, subcommands) 9/0/0/0 of 9, command line (figures)
3/0/0/0 of 3, environment (command line) 3/0/0/0 of 3, environment 3/0/0/0 of 3, engine
14/2/0/0 of 16, gradcheck 3/1/0/0 of 4, Chapter 2's functions 12/0/0/0 of 12, strategies
17/0/1/0 of 18, evaluate and train 10/0/0/0 of 10, checkpoints 10/0/5/0 of 15,
nn/optim/batchnorm 9/0/0/0 of 9, task families and losses 10/0/2/0 of 12, samplers 25/2/2/0
of 29, testing kit 8/0/0/0 of 8, Omniglot 6/0/0/0 of 6, figures helpers 7/0/0/0 of 7.

Kept cases not clear, with what each gave at 95917c8:

* silent: ``ReptileConfig check batched None`` (``batched: bool``); ``load_checkpoint`` of a
  meta/config whose model sizes hold a 0, of meta-losses negative, of a 0-D
  ``state/params/5``, of ``state/adam/m/0`` given the (40, 40) shape of another entry;
  ``save_checkpoint`` of a config with integer keys (JSON turns them into strings); a user
  family whose ``make_batch`` leaves ``x_support`` None (``sample`` returns it);
  ``cross_entropy`` of masked logits; ``ess_tail`` with ``prob`` a set; ``quantile_type7`` of a
  masked x (the mask ignored);
* unclear: ``ad.concatenate(axis=2**70)`` (OverflowError); ``ad.stack`` of a ragged list
  (names ``stack`` and the shapes, not ``xs``); ``hvp`` with a fun that raises (the bare
  KeyError, the callable not named); ``exponential(rate=np.timedelta64(1, "s"))`` (float()'s
  TypeError, ``rate`` not named); ``density_values`` with x a generator (blamed on the pdf,
  x not named).

Written and not kept, also not clear: silent ``ad.norm`` with ``ord='fro'`` of a vector,
``ad.sigmoid`` of a masked array, ``MAMLConfig(first_order="no").check()``,
``ClosedFormConfig(learn_lam=1).check()``, ANIL with a 3-input model for the 1-input
sinusoid, ``load_checkpoint`` of bool adam moments, of a string ``inner_lr`` in meta/config,
of two weights swapped, ``GaussianClusters.metric`` of a pred with NaN, ``evaluate`` on a
user family whose metric raises, ``horner`` of a complex s, ``mcse_sd`` of masked draws;
unclear ``ad.where`` with a cond of another length (``cond`` not named), ``horner`` of an
empty a and ``PiecewiseInverse`` of pieces of mismatched lengths (IndexError). The misses
again gather in damaged checkpoints whose entries are numeric but inconsistent (shapes,
signs, the config record's types), masked arrays, config fields of the wrong type, user
callables that raise, and a few values reaching NumPy or Python unchecked.
``python tests/test_bad_inputs_fifteenth.py`` prints the rates by area (about 6 s; pytest
about 9 s). The battery's writer did not change the library.

Round 7 (the fixes of the fourteenth battery's misses, made in the same hours without sight of
this file, so this is a blind measurement of them): 162 of the 172 kept cases clear (94.2%), 4
unclear (2.3%), 6 silent (3.5%), 0 data loss; 272 of the 293 written (92.8%), 8 unclear, 13
silent. Just below the goal of 95%, and not without a silent result. By area, every area is
clear but: engine 15/1/0/0 of 16, gradcheck 3/1/0/0 of 4, strategies 17/0/1/0 of 18,
checkpoints 12/0/3/0 of 15, task families and losses 11/0/1/0 of 12, samplers 26/2/1/0 of 29
(clear/unclear/silent/data loss). Fixed by round 7 among the kept: the masked cross_entropy
logits and quantile_type7 draws, the 0-D params entry, Adam's m of another entry's shape,
``concatenate`` axis 2**70. The ten kept cases left were then strict xfails.

Round 8 fixed them with sight of this file (so not a blind measurement): 171 of the 172 kept
clear (99.4%), 1 unclear, 0 silent, 0 data loss; 290 of the 293 written (99.0%). Left: ``hvp``
of a function that raises (kept; the exception passes through unchanged, a strict xfail),
``evaluate`` on a user family whose metric raises (written, likewise) and
``GaussianClusters.metric`` of a pred with NaN (written; a model's output, counted as a miss).

Round 9 (a user's function that raises is named wherever the library calls it; see the
fourteenth's docstring): all 172 kept clear, 292 of the 293 written; the metric of a NaN
pred is left.
"""

import json
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import figures, memory, testing
from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.datasets.progress import Progress
from scratchmeta.figures import style
from scratchmeta.figures import exploding as fig_exploding
from scratchmeta.figures import sampling_step_size as fig_step_size
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.meta import adapt
from scratchmeta.meta.anil import ANIL, anil_meta_loss
from scratchmeta.meta.baselines import PretrainedConfig, ScratchConfig, pooled_loss
from scratchmeta.meta.checkpoint import check_checkpoint_path, load_checkpoint, restore
from scratchmeta.meta.closed_form import ClosedFormConfig
from scratchmeta.meta.evaluate import (format_table, held_out_tasks, interval, recorded_curve,
                                       task_rng)
from scratchmeta.meta.exploding import divergence_map
from scratchmeta.meta.guard import inner_advice
from scratchmeta.meta.maml import FOMAML, MAML, MAMLConfig
from scratchmeta.meta.multitask import MultitaskConfig
from scratchmeta.meta.normalization import adaptation_curves, population_statistics
from scratchmeta.meta.protocol import configure, draw_tasks, field_type
from scratchmeta.meta.r2d2 import R2D2Config
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import (default_model, make_family, make_strategy,
                                       strategy_from_config)
from scratchmeta.meta.reptile import ReptileConfig, fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import softmax_head, softmax_head_unrolled
from scratchmeta.meta.subset import SubsetConfig, subset_indices, subset_meta_loss
from scratchmeta.meta.training import batch_floats, train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, ess_mean,
                                  ess_tail, exponential, grid_inverse_cdf, laplace, logistic,
                                  mcse_sd, metropolis_transition_matrix, pareto, split_rhat,
                                  weibull, diagnose)
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7
from scratchmeta.sampling.interpolation import horner, solve_vandermonde
from scratchmeta.sampling.mixing import bin_masses
from scratchmeta.sampling.quadrature import density_values, integrate, integrate_many
from scratchmeta.sampling.step_size import acceptance_limit, step_size_sweep
from scratchmeta.sampling.tails import explore, find_center
from scratchmeta.tasks import Sinusoid, TaskBatch, accuracy, cross_entropy, mse
from scratchmeta.testing import densities

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _drop, _evaluate, _good, _set, _train, battery_main
from test_bad_inputs_cli import assert_wide_and_new
from test_bad_inputs_fourth import X3, _rng, _square
from test_bad_inputs_fifth import (_adam, _batch, _data, _evaluate_call, _features, _metropolis,
                                   _net, _rows_state, _save, _select)
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare, _fresh
from test_bad_inputs_fourteenth import (_b, _batch_with, _change, _cx, _dt, _eval_damaged,
                                        _family_arg, _family_with, _fig, _first, _hyper, _m, _ma,
                                        _model_arg, _omniglot, _p, _resume_damaged, _sin_params,
                                        _state_of, _stored, _td, _text_file, _with_nan)

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
BIG = 2 ** 70


# --- objects the cases use -------------------------------------------------------------------

def _gen(a):
    """A generator over ``a`` (used once, where an array is meant)."""
    return (x for x in np.ravel(a))


def _decimals(a):
    """An object array of Decimals (NumPy keeps them as Python objects)."""
    return np.array([Decimal(str(x)) for x in np.ravel(a)], dtype=object).reshape(np.shape(a))


def _raising(exc):
    def f(*args, **kwargs):
        raise exc("the user's own failure")
    return f


def _config_set(path, value):
    """Set one nested entry of the checkpoint's meta/config record (a JSON change)."""
    def apply(arrays):
        record = json.loads(str(arrays["meta/config"]))
        where = record
        for key in path[:-1]:
            where = where[key]
        where[path[-1]] = value
        arrays["meta/config"] = np.array(json.dumps(record))
    return apply


def _swap(a, b):
    def apply(arrays):
        arrays[a], arrays[b] = arrays[b], arrays[a]
    return apply


def _load_damaged(name, change):
    return lambda d: load_checkpoint(_stored(d, name, change))


def _state15(name, family="sinusoid", **hyper):
    return _state_of(name, family, **hyper)


def _draws15():
    return np.random.default_rng(3).normal(size=(4, 40))


def _pieces_bad():
    from scratchmeta.sampling.interpolation import Pieces
    return Pieces(lo=np.zeros(2), hi=np.ones(3), mass=np.ones(2), alpha=np.zeros((2, 3)),
                  u_error_estimate=0.0, worst_x=0.0)


def _strategy15(name, family="sinusoid", **hyper):
    return make_strategy(name, family, meta_batch=2, **hyper)


def _user_family(**methods):
    """A user's Sinusoid subclass with some methods replaced (plain functions of self)."""
    return _family_with(**methods)


def _cdf15():
    return np.linspace(-1.0, 1.0, 5)


def _piecewise(pieces):
    from scratchmeta.sampling.interpolation import PiecewiseInverse
    return PiecewiseInverse(pieces)


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("steps in hexadecimal", _train("--steps", "0x3"), ["--steps", "0x3"]),
    ("inner-lr an empty string", _train("--inner-lr", ""), ["--inner-lr"]),
    ("n-query a float spelling", _train("--n-query", "5.0"), ["--n-query", "5.0"]),
    ("seed nan", _train("--seed", "nan"), ["--seed", "nan"]),
    ("set with an empty name", _train("--set", "=0.1"), ["--set", "=0.1"]),
    ("set meta_batch null", lambda d: ["train", "--steps", "2", "--out", str(d / "run.npz"),
                                   "--set", "meta_batch=null"], ["meta_batch", "null"]),
    ("strategy upper case", _train("--strategy", "MAML"), ["MAML"]),
    ("resume a checkpoint whose family amplitude is a word", _resume_damaged(
        "famw", _family_arg("amplitude", "big")), ["amplitude"]),
    ("resume a checkpoint whose adam m has another shape", _resume_damaged(
        "m0shape", _change("state/adam/m/0", lambda a: np.zeros((2, 40)))), ["state/adam/m/0"]),
    ("resume a checkpoint whose seed is NaN", _resume_damaged(
        "seednan", _set("meta/seed", np.array(np.nan))), ["meta/seed"]),
    ("resume a checkpoint whose strategy name is unknown", _resume_damaged(
        "stratx", _set("meta/strategy", np.array("mamx"))), ["mamx"]),
    ("log-every in hexadecimal", _train("--log-every", "0x10"), ["--log-every", "0x10"]),
    ("set inner_lr two values with a comma", _train("--set", "inner_lr=0.01,0.02"),
     ["inner_lr"]),
]

CLI_OTHER_CASES = [
    ("eval query hexadecimal", _evaluate(_good, "--query", "0x5"), ["--query", "0x5"]),
    ("eval tasks an empty string", _evaluate(_good, "--tasks", ""), ["--tasks"]),
    ("eval a checkpoint whose model sizes hold a string", _eval_damaged(
        "sizes", _model_arg("sizes", [1, "40", 40, 1])), ["sizes"]),
    ("eval a checkpoint whose n_query is -5", _eval_damaged("nq", _hyper("n_query", -5)),
     ["n_query", "-5"]),
    ("eval a checkpoint whose phase is reversed", _eval_damaged(
        "phase", _family_arg("phase", [3.0, 0.0])), ["phase"]),
    ("eval a checkpoint whose params hold inf", _eval_damaged(
        "pinf", _change("state/params/3", lambda a: a + np.inf)), ["state/params/3"]),
    ("eval a checkpoint whose params are bools", _eval_damaged(
        "pbool", _change("state/params/3", lambda a: a > 0)), ["state/params/3"]),
    ("compare strategies a name twice", _compare("--strategies", "maml", "maml"), ["maml"]),
    ("compare adapt-steps 0", _compare("--adapt-steps", "0"), ["--adapt-steps", "0"]),
    ("compare val-tasks 1e1", _compare("--val-tasks", "1e1"), ["--val-tasks", "1e1"]),
    ("compare strategies an unknown name", _compare("--strategies", "maml", "protonet"),
     ["protonet"]),
    ("demo an unknown option", lambda d: ["demo", "--order", "3"], ["--order"]),
    ("evaluate with no checkpoint given", lambda d: ["evaluate", "--tasks", "4"],
     ["--checkpoint"]),
    ("eval support 1e2", _evaluate(_good, "--support", "1e2"), ["--support", "1e2"]),
    ("compare eval-seed nan", _compare("--eval-seed", "nan"), ["--eval-seed", "nan"]),
    ("compare family capitalised", _compare("--family", "Linear"), ["--family", "Linear"]),
]

CLI_FIGURES_CASES = [
    ("figures only a wildcard", _fig("--only", "*"), ["*"]),
    ("figures only a figure number not known", _fig("--only", "fig22_8"), ["fig22_8"]),
    ("figures an unknown option", _fig("--stems", "fig22_1"), ["--stems"]),
    ("figures only a stem in quotes", _fig("--only", '"fig22_1"'), ['"fig22_1"']),
    ("figures only a stem with a tab", _fig("--only", "fig22_1\t"), ["fig22_1"]),
    ("figures only a stem spelt with a hyphen", _fig("--only", "fig22-1"), ["fig22-1"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory 'T', train", _train(), [VAR, "T"], {VAR: "T"}),
    ("keep-freed-memory '1;0', evaluate", _evaluate(_good), [VAR, "1;0"], {VAR: "1;0"}),
    ("keep-freed-memory a vulgar half, compare", _compare(), [VAR], {VAR: "\u00bd"}),
    ("keep-freed-memory 'ON', demo", lambda d: ["demo"], [VAR, "ON"], {VAR: "ON"}),
    ("keep-freed-memory a CJK one, figures", _fig("--only", "fig22_1"), [VAR],
     {VAR: "\u4e00"}),
    ("keep-freed-memory 'inf', train", _train(), [VAR, "inf"], {VAR: "inf"}),
]

ENV_CASES = [
    ("keep_freed_memory mmap_threshold a half", lambda d: memory.keep_freed_memory(
        mmap_threshold=1.5), ["mmap_threshold", "1.5"], None),
    ("keep_freed_memory trim_threshold bytes", lambda d: memory.keep_freed_memory(
        trim_threshold=b"256"), ["trim_threshold"], None),
    ("unless_opted_out '1x'", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR, "1x"], {VAR: "1x"}),
    ("opt-out value a tab between digits", lambda d: memory.opt_out_value(), [VAR],
     {VAR: "0\t1"}),
    ("keep_freed_memory trim_threshold a list", lambda d: memory.keep_freed_memory(
        trim_threshold=[1]), ["trim_threshold"], None),
    ("keep_freed_memory mmap_threshold a datetime", lambda d: memory.keep_freed_memory(
        mmap_threshold=np.datetime64(1, "s")), ["mmap_threshold"], None),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

ENGINE_CASES = [
    ("sqrt of a set", lambda d: ad.sqrt({1.0, 4.0}), ["set"]),
    ("exp of bytes", lambda d: ad.exp(b"12"), ["bytes"]),
    ("log of a generator", lambda d: ad.log(_gen(X3)), ["generator"]),
    ("sin of a dict", lambda d: ad.sin({"a": 1.0}), ["dict"]),
    ("cos of Decimals", lambda d: ad.cos(_decimals(X3)), ["object"]),
    ("matmul of shapes that do not chain", lambda d: ad.matmul(np.ones((2, 3)), np.ones(4)),
     ["(2, 3)"]),
    ("power a complex exponent", lambda d: ad.power(X3, 0.5 + 1j), ["complex"]),
    ("clip a_min above a_max", lambda d: ad.clip(X3, 1.0, 0.0), ["a_min", "a_max"]),
    ("where cond of another length", lambda d: ad.where(np.ones(2, bool), X3, X3), ["cond"]),
    ("concatenate axis 2**70", lambda d: ad.concatenate([X3, X3], axis=BIG), ["axis"]),
    ("broadcast_to a negative shape", lambda d: ad.broadcast_to(X3, (-3,)), ["shape"]),
    ("prod of strings", lambda d: ad.prod(np.array(["a", "b"])), ["x"]),
    ("var ddof a Fraction", lambda d: ad.var(X3, ddof=Fraction(1, 2)), ["ddof"]),
    ("norm ord 'fro' of a vector", lambda d: ad.norm(X3, ord="fro"), ["ord", "fro"]),
    ("hessian of a fun returning a vector", lambda d: ad.hessian(lambda x: x * x)(X3),
     ["fun"]),
    ("trace fun None", lambda d: ad.trace(None, X3), ["fun", "None"]),
    ("tree_flatten of a generator", lambda d: ad.tree_flatten(_gen(X3)), ["tree"]),
    ("grad argnums -3 of two arguments", lambda d: ad.grad(lambda x, y: ad.sum(x * y),
                                                           argnums=-3)(X3, X3),
     ["argnums", "-3"]),
    ("getitem index 2**70", lambda d: ad.getitem(X3, BIG), [str(BIG)]),
    ("einsum subscripts bytes", lambda d: ad.einsum(b"i->", X3), ["subscripts"]),
    ("relu of datetimes", lambda d: ad.relu(_dt(3)), ["datetime64"]),
    ("logsumexp axis 3 of a vector", lambda d: ad.logsumexp(X3, axis=3), ["axis", "3"]),
    ("stack of a ragged list", lambda d: ad.stack([X3, np.ones(2)]), ["xs"]),
    ("sigmoid of a masked array", lambda d: ad.sigmoid(_ma(X3, 2)), ["mask"]),
    ("value_and_grad of a fun returning complex", lambda d: ad.value_and_grad(
        lambda x: ad.sum(x) + 1j)(X3), ["fun"]),
    ("log1p of a bytes array", lambda d: ad.log1p(np.array([b"1", b"2"])), ["x"]),
    ("cosh of timedeltas", lambda d: ad.cosh(_td(3)), ["timedelta64"]),
    ("minimum with a set", lambda d: ad.minimum(X3, {1.0}), ["set"]),
]

GRADCHECK_CASES = [
    ("check_grads order a string", lambda d: check_grads(_square, (X3,), order="2"),
     ["order", "'2'"]),
    ("check_grads fun returning text", lambda d: check_grads(lambda x: "x", (X3,)), ["fun"]),
    ("hvp fun None", lambda d: hvp(None, X3, X3), ["fun", "None"]),
    ("hvp x bools", lambda d: hvp(_square, np.array([True, False, True]), X3), ["x"]),
    ("hvp fun raising", lambda d: hvp(_raising(KeyError), X3, X3), ["fun", "KeyError"]),
    ("check_grads rng a string", lambda d: check_grads(_square, (X3,), rng="0"), ["rng"]),
    ("hvp v with inf", lambda d: hvp(_square, X3, np.array([1.0, np.inf, 0.0])), ["v"]),
    ("check_grads eps a Decimal", lambda d: check_grads(_square, (X3,), eps=Decimal("1e-6")),
     ["eps"]),
]

META_CASES = [
    ("ridge_fit y of another task count", lambda d: ridge_fit(
        _features()[0], np.concatenate([_features()[1]] * 2), 0.1), ["y"]),
    ("ridge_fit form capitalised", lambda d: ridge_fit(*_features(), 0.1, form="Primal"),
     ["form", "Primal"]),
    ("ridge_head lam a string", lambda d: ridge_head(*_features(), "0.1"), ["lam", "0.1"]),
    ("softmax_head_unrolled n_steps -2", lambda d: softmax_head_unrolled(*_features(), 0.1, -2),
     ["n_steps", "-2"]),
    ("r2d2_logits lam -1", lambda d: r2d2_logits(*_features(), _features()[0], -1.0),
     ["lam", "-1"]),
    ("anil_meta_loss inner_steps a string", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps="1"), ["inner_steps", "'1'"]),
    ("fine_tune_tasks inner_lr True", lambda d: fine_tune_tasks(
        _p(), _b(), _m(), inner_lr=True, inner_steps=1), ["inner_lr", "True"]),
    ("subset_indices n_tasks 0", lambda d: subset_indices(_rng(), 0, 5, 2), ["n_tasks", "0"]),
    ("divergence_map Ks negative", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [-1], [0.01], n_steps=2, meta_batch=2), ["Ks"]),
    ("adapt.curve n_steps -1", lambda d: adapt.curve(*_state15("maml"), _batch(), -1),
     ["n_steps", "-1"]),
    ("sgd_path trainable of the wrong length", lambda d: _first(adapt.sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=mse, trainable=[True])),
     ["trainable"]),
    ("pooled_loss x 1-D", lambda d: pooled_loss(_p(), np.ones(5), np.ones(5), _m(), loss=mse),
     ["x"]),
    ("population_statistics x with no rows", lambda d: population_statistics(
        MLP((1, 8, 1), batch_norm=True), MLP((1, 8, 1), batch_norm=True).init(_rng()),
        np.ones((0, 1))), ["x"]),
    ("inner_advice inner_lr negative", lambda d: inner_advice(1, -0.01), ["inner_lr"]),
    ("anil_meta_loss first_order 2", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, first_order=2), ["first_order", "2"]),
    ("ridge_fit features timedeltas", lambda d: ridge_fit(_td((2, 6, 4)), _features()[1], 0.1),
     ["features"]),
    ("softmax_head lam complex", lambda d: softmax_head(*_features(), 0.1 + 1j), ["lam"]),
    ("adaptation_curves n_steps a Fraction", lambda d: adaptation_curves(
        _p(), _b(), _m(), n_steps=Fraction(3, 2)), ["n_steps"]),
    ("subset_meta_loss subset_size a Decimal", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=Decimal("2.5"), inner_lr=0.01, inner_steps=1),
     ["subset_size"]),
    ("reptile_step inner_steps a float", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=np.float64(2.0), meta_lr=0.1),
     ["inner_steps"]),
    ("inner_advice inner_lr a set", lambda d: inner_advice(1, {0.01}), ["inner_lr"]),
]

STRATEGY_CASES = [
    ("FOMAML given a Subset config", lambda d: FOMAML(MLP((1, 40, 40, 1)), Sinusoid(),
                                                      config=SubsetConfig()), ["config"]),
    ("MAML family the Sinusoid class", lambda d: MAML(MLP((1, 40, 40, 1)), Sinusoid),
     ["family"]),
    ("MAML model None", lambda d: MAML(None, Sinusoid()), ["model", "None"]),
    ("make_strategy name with a leading space", lambda d: make_strategy(" maml"), [" maml"]),
    ("make_strategy name bytes", lambda d: make_strategy(b"maml"), ["maml"]),
    ("scratch given inner_steps", lambda d: make_strategy("scratch", inner_steps=5),
     ["inner_steps"]),
    ("pretrained given n_query", lambda d: make_strategy("pretrained", n_query=5),
     ["n_query"]),
    ("maml meta_batch a float", lambda d: make_strategy("maml", meta_batch=2.0),
     ["meta_batch", "2.0"]),
    ("MAMLConfig check first_order a word", lambda d: MAMLConfig(first_order="no").check(),
     ["first_order", "no"]),
    ("ReptileConfig check batched None", lambda d: ReptileConfig(batched=None).check(),
     ["batched", "None"]),
    ("ClosedFormConfig check learn_lam 1", lambda d: ClosedFormConfig(learn_lam=1).check(),
     ["learn_lam"]),
    ("MultitaskConfig check head_init None", lambda d: MultitaskConfig(head_init=None).check(),
     ["head_init", "None"]),
    ("PretrainedConfig check inner_lr negative", lambda d: PretrainedConfig(
        inner_lr=-0.01).check(), ["inner_lr", "-0.01"]),
    ("ScratchConfig check n_query 0", lambda d: ScratchConfig(n_query=0).check(),
     ["n_query", "0"]),
    ("R2D2Config check scale a string", lambda d: R2D2Config(scale="1").check(),
     ["scale", "'1'"]),
    ("SubsetConfig check subset_size -1", lambda d: SubsetConfig(subset_size=-1).check(),
     ["subset_size", "-1"]),
    ("init_state rng a string", lambda d: _strategy15("maml").init_state("0"), ["rng"]),
    ("maml update a multitask state", lambda d: _fresh()[0].update(
        _state15("multitask", n_train_tasks=4)[1], _batch(), _rng(), 0), ["state"]),
    ("draw_tasks strategy None", lambda d: draw_tasks(None, _rng()), ["strategy"]),
    ("configure cls a string", lambda d: configure("maml"), ["cls"]),
    ("field_type field None", lambda d: field_type(None), ["field"]),
    ("default_model family None", lambda d: default_model(None), ["family"]),
    ("strategy_from_config record a list", lambda d: strategy_from_config([1, 2]), ["record"]),
    ("strategy_from_config record without a model", lambda d: strategy_from_config(
        {"name": "MAML", "class": "scratchmeta.meta.maml.MAML", "hyperparameters": {},
         "family": {"name": "sinusoid", "class": "Sinusoid", "arguments": {}}}), ["model"]),
    ("make_family clusters spread -1", lambda d: make_family("clusters", spread=-1.0),
     ["spread", "-1"]),
    ("newton_head sample_batch rng None", lambda d: _state15(
        "newton_head", "clusters")[0].sample_batch(None, _state15("newton_head", "clusters")[1]),
     ["rng"]),
    ("make_strategy family a set", lambda d: make_strategy("maml", {"sinusoid"}), ["family"]),
    ("MAML config with a Fraction inner_lr", lambda d: MAML(
        MLP((1, 40, 40, 1)), Sinusoid(), config=MAMLConfig(inner_lr=Fraction(1, 100))),
     ["inner_lr"]),
    ("ANIL model of the wrong input width", lambda d: ANIL(MLP((3, 40, 40, 1)), Sinusoid()),
     ["model"]),
    ("r2d2 on clusters learn_lam None", lambda d: make_strategy("r2d2", "clusters",
                                                                learn_lam=None),
     ["learn_lam", "None"]),
    ("reptile update batch x_query timedeltas", lambda d: _state15("reptile")[0].update(
        _state15("reptile")[1], _batch_with(x_query=_td((2, 5, 1))), _rng(), 0),
     ["x_query"]),
]

EVALUATE_CASES = [
    ("evaluate n_steps True", lambda d: _evaluate_call(n_steps=True), ["n_steps", "True"]),
    ("evaluate seed a set", lambda d: _evaluate_call(seed={1}), ["seed"]),
    ("evaluate state with a leaf missing", lambda d: _evaluate_call(
        state={**_fresh()[1], "params": _fresh()[1]["params"][:-1]}), ["params"]),
    ("evaluate family of another kind", lambda d: _evaluate_call(family=GaussianClusters()),
     ["family"]),
    ("select candidates with 0", lambda d: _select(candidates=[0.0, 0.01]), ["candidates"]),
    ("select n_tasks 0", lambda d: _select(n_tasks=0), ["n_tasks", "0"]),
    ("task_rng seed a half", lambda d: task_rng(1.5, 0), ["seed", "1.5"]),
    ("held_out_tasks family a string", lambda d: held_out_tasks("sinusoid", 2, 5, 5),
     ["family"]),
    ("interval of strings", lambda d: interval(np.array(["1", "2", "3"])), ["values"]),
    ("format_table rows of different lengths", lambda d: format_table(
        [["a", "b"], ["c"]]), ["rows"]),
    ("train checkpoint_every 0", lambda d: train(_strategy15("maml"), 1, 0,
                                                 checkpoint=d / "r.npz", checkpoint_every=0),
     ["checkpoint_every", "0"]),
    ("batch_floats n_points 0", lambda d: batch_floats(_strategy15("maml"), n_points=0),
     ["n_points", "0"]),
    ("evaluate n_query a float64", lambda d: _evaluate_call(n_query=np.float64(5.0)),
     ["n_query"]),
    ("evaluate n_tasks a Decimal", lambda d: _evaluate_call(n_tasks=Decimal("2")),
     ["n_tasks"]),
    ("interval axis -3 of a matrix", lambda d: interval(np.ones((4, 2)), axis=-3),
     ["axis", "-3"]),
    ("task_rng i a Fraction", lambda d: task_rng(22, Fraction(1, 2)), ["i"]),
    ("recorded_curve strategy None", lambda d: recorded_curve(None, _fresh()[1], _batch(), 1),
     ["strategy"]),
]

CHECKPOINT_CASES = [
    ("load adam m bools", _load_damaged("mbool", _change("state/adam/m/1", lambda a: a > 0)),
     ["state/adam/m/1"]),
    ("load params with inf", _load_damaged("pinf", _change("state/params/5",
                                                           lambda a: a + np.inf)),
     ["state/params/5"]),
    ("load adam t complex", _load_damaged("tcx", _set("state/adam/t", np.array(2 + 0j))),
     ["state/adam/t"]),
    ("load meta/step a string", _load_damaged("stepstr", _set("meta/step", np.array("2"))),
     ["meta/step"]),
    ("load meta/seed NaN", _load_damaged("seednan", _set("meta/seed", np.array(np.nan))),
     ["meta/seed"]),
    ("load meta/config inner_lr a string", _load_damaged("lrstr", _hyper("inner_lr", "0.01")),
     ["inner_lr"]),
    ("load meta/config sizes with a 0", _load_damaged("size0", _model_arg("sizes",
                                                                          [1, 0, 40, 1])),
     ["sizes"]),
    ("load meta-losses negative", _load_damaged("mlneg", _set("meta/meta_losses",
                                                              np.array([-1.0, -2.0]))),
     ["meta/meta_losses"]),
    ("load missing meta-losses", _load_damaged("mlgone", _drop("meta/meta_losses")),
     ["meta/meta_losses"]),
    ("load params 0-D", _load_damaged("p0d", _set("state/params/5", np.array(0.5))),
     ["state/params/5"]),
    ("load two weights swapped", _load_damaged("swap", _swap("state/params/0",
                                                             "state/params/4")),
     ["state/params/0"]),
    ("load adam m of another entry's shape", _load_damaged(
        "mshape", _set("state/adam/m/0", np.zeros((40, 40)))), ["state/adam/m/0"]),
    ("restore path a folder", lambda d: restore(d), ["path"]),
    ("load_checkpoint path bytes", lambda d: load_checkpoint(bytes(_good(d))), ["path"]),
    ("save seed -1", lambda d: _save(d, seed=-1), ["seed", "-1"]),
    ("save meta_losses strings", lambda d: _save(d, meta_losses=["low"]), ["meta_losses"]),
    ("save config with integer keys", lambda d: _save(d, config={1: 2}), ["config"]),
    ("save path with a .txt suffix", lambda d: _save(d, path=d / "s.txt"), ["s.txt"]),
    ("check_checkpoint_path an empty string", lambda d: check_checkpoint_path(""),
     ["checkpoint"]),
    ("load meta/strategy of another strategy", _load_damaged(
        "strat", _set("meta/strategy", np.array("anil"))), ["meta/strategy"]),
    ("load adam v timedeltas", _load_damaged("vtd", _change(
        "state/adam/v/2", lambda a: _td(a.shape))), ["state/adam/v/2"]),
    ("load meta/changes a JSON dict", _load_damaged("chgd", _set("meta/changes",
                                                                 np.array('{"a": 1}'))),
     ["meta/changes"]),
    ("load meta/config hyperparameters a list", _load_damaged(
        "hlist", _config_set(("hyperparameters",), [0.01, 1])), ["hyperparameters"]),
    ("save seed a Decimal", lambda d: _save(d, seed=Decimal("1.5")), ["seed"]),
    ("save a state with a bytes leaf", lambda d: _save(d, state={"w": b"weights"}),
     ["state"]),
]

NN_CASES = [
    ("MLP dtype int", lambda d: MLP((1, 8, 1), dtype=int), ["dtype"]),
    ("MLP apply x of the wrong width", lambda d: _net()[0].apply(_net()[1], np.ones((2, 5, 3))),
     ["x"]),
    ("MLP apply params a leaf short", lambda d: _net()[0].apply(_net()[1][:-1], np.ones((5, 1))),
     ["params"]),
    ("per_task n_tasks a half", lambda d: per_task(_net()[1], 1.5), ["n_tasks", "1.5"]),
    ("split params of one entry", lambda d: split([np.ones((1, 4))]), ["params"]),
    ("adam state without v", lambda d: _adam(state={k: v for k, v in adam_init(
        _net()[1]).items() if k != "v"}), ["v"]),
    ("adam eps 0", lambda d: _adam(eps=0.0), ["eps", "0"]),
    ("adam beta2 1", lambda d: _adam(beta2=1.0), ["beta2", "1"]),
    ("adam grads with NaN", lambda d: _adam(grads=[p * np.nan for p in _net()[1]]),
     ["grads"]),
    ("adam_rows rows negative", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                                    [np.ones((1, 2))], [-1], 1e-3), ["rows"]),
    ("batch_norm h with no rows", lambda d: batch_norm(np.ones((0, 3))), ["h"]),
    ("adam_rows lr a Fraction past 1", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((1, 2))], [0], Fraction(3, 2)), ["lr"]),
    ("batch_norm scale complex", lambda d: batch_norm(np.random.default_rng(0).normal(
        size=(4, 3)), scale=_cx(np.ones(3))), ["scale"]),
    ("finn_init a width a half", lambda d: finn_init(_rng(), (4, 2.5, 3)), ["sizes"]),
    ("per_task n_tasks a NumPy bool", lambda d: per_task(_net()[1], np.bool_(True)),
     ["n_tasks"]),
    ("MLP apply x timedeltas", lambda d: _net()[0].apply(_net()[1], _td((5, 1))), ["x"]),
]

TASK_CASES = [
    ("sinusoid phase of three values", lambda d: Sinusoid(phase=(0.0, 1.0, 2.0)), ["phase"]),
    ("sinusoid x_range a string", lambda d: Sinusoid(x_range="-5,5"), ["x_range"]),
    ("frequency range negative", lambda d: SinusoidFrequency(frequency=(-1.0, 2.0)),
     ["frequency"]),
    ("sinusoid sample rng None", lambda d: Sinusoid().sample(None, 2, 5, 5), ["rng"]),
    ("sinusoid sample n_support -3", lambda d: Sinusoid().sample(_rng(), 2, -3, 5),
     ["n_support", "-3"]),
    ("sinusoid sample n_query a float", lambda d: Sinusoid().sample(_rng(), 2, 5, 5.0),
     ["n_query"]),
    ("sinusoid make_batch n_support a half", lambda d: Sinusoid().make_batch(
        _rng(), _sin_params(), 2.5, 5), ["n_support", "2.5"]),
    ("mse pred 1-D for y 3-D", lambda d: mse(np.ones(5), np.ones((2, 5, 1))), ["pred"]),
    ("cross_entropy y as integer labels", lambda d: cross_entropy(
        np.zeros((2, 4, 3)), np.zeros((2, 4), int)), ["y_onehot"]),
    ("accuracy y_onehot rows of zeros", lambda d: accuracy(np.zeros((2, 4, 3)),
                                                           np.zeros((2, 4, 3))), ["y_onehot"]),
    ("clusters metric pred with NaN", lambda d: GaussianClusters().metric(
        _with_nan(np.zeros((2, 5, 5))), np.eye(5)[np.zeros((2, 5), int)]), ["pred"]),
    ("a user family whose sample_params returns NaN", lambda d: _user_family(
        sample_params=lambda self, rng, n: np.full((n, 2), np.nan)).sample(_rng(), 2, 5, 5),
     ["sample_params"]),
    ("a user family whose make_batch leaves x_support None", lambda d: _user_family(
        make_batch=lambda self, rng, tp, s, q: TaskBatch(None, np.ones((len(tp), s, 1)),
                                                         np.ones((len(tp), q, 1)),
                                                         np.ones((len(tp), q, 1)))).sample(
        _rng(), 2, 5, 5), ["x_support"]),
    ("evaluating on a user family whose metric raises", lambda d: _evaluate_call(
        family=_user_family(metric=_raising(RuntimeError))), ["metric", "RuntimeError"]),
    ("a user family whose sample_x returns text", lambda d: _user_family(
        sample_x=lambda self, rng, tp, n: np.full((len(tp), n, 1), "x")).sample(_rng(), 2, 5, 5),
     ["sample_x"]),
    ("clusters sample n_query 2**70", lambda d: GaussianClusters().sample(_rng(), 2, 5, BIG),
     ["n_query"]),
    ("sinusoid sample n_tasks a Decimal", lambda d: Sinusoid().sample(_rng(), Decimal("2"), 5, 5),
     ["n_tasks"]),
    ("sinusoid make_batch task_params timedeltas", lambda d: Sinusoid().make_batch(
        _rng(), _td((2, 2)), 5, 5), ["task_params"]),
    ("accuracy logits complex", lambda d: accuracy(_cx(np.zeros((2, 4, 3))),
                                                   np.eye(3)[np.zeros((2, 4), int)]),
     ["logits"]),
    ("cross_entropy logits masked", lambda d: cross_entropy(
        _ma(np.zeros((2, 4, 3))), np.eye(3)[np.zeros((2, 4), int)]), ["logits"]),
    ("mse y a generator", lambda d: mse(np.ones(3), _gen(np.ones(3))), ["y"]),
]

SAMPLER_CASES = [
    ("discrete p with a negative", lambda d: DiscreteInverseCDF([0.5, -0.1, 0.6]), ["p"]),
    ("discrete p 2-D", lambda d: DiscreteInverseCDF(np.full((2, 2), 0.25)), ["p"]),
    ("discrete p with inf", lambda d: DiscreteInverseCDF([0.5, np.inf]), ["p"]),
    ("discrete p of Decimals", lambda d: DiscreteInverseCDF(_decimals([0.5, 0.5])), ["p"]),
    ("discrete sample rng a string", lambda d: DiscreteInverseCDF([0.5, 0.5]).sample(3, "0"),
     ["rng"]),
    ("grid lo equal to hi", lambda d: grid_inverse_cdf(stats.norm.pdf, 1.0, 1.0), ["lo", "hi"]),
    ("grid n a half", lambda d: grid_inverse_cdf(stats.norm.pdf, 0.0, 1.0, n=100.5),
     ["n", "100.5"]),
    ("grid pdf a string", lambda d: grid_inverse_cdf("norm", 0.0, 1.0), ["pdf"]),
    ("grid pdf returning negatives", lambda d: grid_inverse_cdf(
        lambda x: -np.ones(np.shape(x)), 0.0, 1.0), ["pdf"]),
    ("from_ppf ppf None", lambda d: ContinuousInverseCDF.from_ppf(None), ["ppf"]),
    ("cauchy scale 0", lambda d: cauchy(scale=0.0), ["scale", "0"]),
    ("logistic scale inf", lambda d: logistic(scale=np.inf), ["scale", "inf"]),
    ("laplace loc a list", lambda d: laplace(loc=[0.0, 1.0]), ["loc"]),
    ("weibull scale -1", lambda d: weibull(2.0, scale=-1.0), ["scale", "-1"]),
    ("continuous sample rng None", lambda d: laplace().sample(3, None), ["rng"]),
    ("metropolis n_steps 0", lambda d: _metropolis(n_steps=0), ["n_steps", "0"]),
    ("split_rhat draws 1-D", lambda d: split_rhat(np.ones(50)), ["draws"]),
    ("ess_tail prob past 1", lambda d: ess_tail(_draws15(), prob=(0.05, 1.5)), ["prob"]),
    ("ess_mean draws with inf", lambda d: ess_mean(np.where(_draws15() > 2, np.inf,
                                                            _draws15())), ["draws"]),
    ("mcse_sd draws with no chains", lambda d: mcse_sd(np.ones((0, 40))), ["draws"]),
    ("diagnose draws 3-D", lambda d: diagnose(np.ones((2, 4, 40))), ["draws"]),
    ("quantile_type7 prob 2", lambda d: quantile_type7(np.arange(10.0), 2.0), ["prob"]),
    ("normal_scores x with NaN", lambda d: normal_scores(np.array([1.0, np.nan, 2.0])), ["x"]),
    ("transition matrix p and Q of different sizes", lambda d: metropolis_transition_matrix(
        [0.2, 0.3, 0.5], [[0.5, 0.5], [0.5, 0.5]]), ["Q"]),
    ("bin_masses edges decreasing", lambda d: bin_masses(_cdf15()[::-1], stats.norm.cdf),
     ["edges"]),
    ("integrate f returning complex", lambda d: integrate(
        lambda x: np.asarray(x) + 1j, 0.0, 1.0), ["f"]),
    ("integrate_many rules a dict", lambda d: integrate_many(np.sin, {"a": (0.0, 1.0, 4)}),
     ["rules"]),
    ("density_values pdf returning NaN", lambda d: density_values(
        lambda x: np.full(np.shape(x), np.nan), np.linspace(0, 1, 5)), ["pdf"]),
    ("density_values x with NaN", lambda d: density_values(stats.norm.pdf,
                                                          np.array([0.0, np.nan])), ["x"]),
    ("acceptance_limit scaled NaN", lambda d: acceptance_limit(np.array([np.nan])), ["scaled"]),
    ("step_size_sweep dims empty", lambda d: step_size_sweep(np.array([1.0]), 2, 10, [],
                                                             [_rng()]), ["dims"]),
    ("explore u_resolution negative", lambda d: explore(stats.norm.pdf, stats.norm.pdf,
                                                        -1.0, 1.0, u_resolution=-1e-10),
     ["u_resolution"]),
    ("find_center a pdf that is zero everywhere", lambda d: find_center(
        lambda x: np.zeros(np.shape(x)), -1.0, 1.0), ["pdf"]),
    ("horner a empty", lambda d: horner(np.array([]), 0.5), ["a"]),
    ("solve_vandermonde s repeated", lambda d: solve_vandermonde(np.array([0.5, 0.5, 1.0]),
                                                                 np.ones(3)), ["s"]),
    ("PiecewiseInverse pieces of mismatched lengths", lambda d: _piecewise(_pieces_bad()),
     ["pieces"]),
    ("exponential rate a timedelta", lambda d: exponential(rate=np.timedelta64(1, "s")),
     ["rate"]),
    ("cauchy loc a set", lambda d: cauchy(loc={0.0}), ["loc"]),
    ("logistic loc bytes", lambda d: logistic(loc=b"0"), ["loc"]),
    ("weibull shape a Decimal NaN", lambda d: weibull(Decimal("NaN")), ["shape"]),
    ("pareto alpha masked", lambda d: pareto(np.ma.masked_array([2.0], mask=[True])[0]),
     ["alpha"]),
    ("grid hi a datetime", lambda d: grid_inverse_cdf(stats.norm.pdf, 0.0,
                                                      np.datetime64(1, "s")), ["hi"]),
    ("metropolis rng a string", lambda d: _metropolis(rng="0"), ["rng"]),
    ("metropolis x0 timedeltas", lambda d: _metropolis(x0=_td((2, 1))), ["x0"]),
    ("ess_tail prob a set", lambda d: ess_tail(_draws15(), prob={0.05, 0.95}), ["prob"]),
    ("split_rhat draws of Decimals", lambda d: split_rhat(_decimals(_draws15())), ["draws"]),
    ("integrate hi complex", lambda d: integrate(np.sin, 0.0, 1.0 + 1j), ["hi"]),
    ("density_values x a generator", lambda d: density_values(stats.norm.pdf, _gen(X3)),
     ["x"]),
    ("horner s complex", lambda d: horner(np.ones((5, 1)), np.array([0.5 + 1j])), ["s"]),
    ("quantile_type7 x masked", lambda d: quantile_type7(_ma(np.arange(10.0)), 0.5), ["x"]),
    ("mcse_sd draws masked", lambda d: mcse_sd(_ma(_draws15(), 3)), ["draws"]),
    ("ess_mean draws timedeltas", lambda d: ess_mean(_td((4, 40))), ["draws"]),
]

TESTING_CASES = [
    ("dkw alpha 1.5", lambda d: testing.dkw_epsilon(100, alpha=1.5), ["alpha", "1.5"]),
    ("smallest_detectable beta 0", lambda d: testing.smallest_detectable(100, beta=0.0),
     ["beta", "0"]),
    ("draws_needed discrepancy above 1", lambda d: testing.draws_needed(1.5),
     ["discrepancy", "1.5"]),
    ("chi_square_power p and q of different lengths", lambda d: testing.chi_square_power(
        [0.5, 0.5], [0.2, 0.3, 0.5], 100), ["q"]),
    ("ks_distance cdf None", lambda d: testing.ks_distance([0.1, 0.2], None), ["cdf"]),
    ("cdf_matches alpha 0", lambda d: testing.assert_cdf_matches(
        np.random.default_rng(0).normal(size=50), stats.norm.cdf, alpha=0.0), ["alpha"]),
    ("labels_match p summing to 2", lambda d: testing.assert_labels_match(
        [0, 1, 1], [1.0, 1.0]), ["p"]),
    ("monotone u outside 0..1", lambda d: testing.assert_monotone(stats.norm.ppf, [0.5, 1.5]),
     ["u"]),
    ("density normal_mixture weights summing to 2", lambda d: densities.normal_mixture(
        [1.0, 1.0], [0.0, 1.0], [1.0, 1.0]), ["weights"]),
    ("chi_square_power alpha NaN", lambda d: testing.chi_square_power(
        [0.5, 0.5], [0.4, 0.6], 100, alpha=np.nan), ["alpha"]),
    ("ks_distance samples of strings", lambda d: testing.ks_distance(
        np.array(["0.1", "0.2"]), stats.norm.cdf), ["samples"]),
    ("two_sample_distance x a set", lambda d: testing.two_sample_distance({1.0, 2.0},
                                                                          [1.0, 2.0]), ["x"]),
    ("chi_square_pvalue p a generator", lambda d: testing.chi_square_pvalue(
        [3, 4], _gen([0.5, 0.5])), ["p"]),
]

OMNIGLOT_CASES = [
    ("family n_way 0", lambda d: Omniglot(0, data=_data()), ["n_way", "0"]),
    ("family n_way a half", lambda d: Omniglot(2.5, data=_data()), ["n_way", "2.5"]),
    ("family split capitalised", lambda d: Omniglot(5, "Train", data=_data()),
     ["split", "Train"]),
    ("family rotate 45", lambda d: Omniglot(5, data=_data(), rotate=45), ["rotate", "45"]),
    ("family root a file", lambda d: Omniglot(5, root=str(_text_file(d))), ["root"]),
    ("finn_split arrays of different lengths", lambda d: finn_split(
        np.zeros(10, int), np.zeros(9, int), n_train=2, n_validation=2), ["characters"]),
    ("load root an int", lambda d: omniglot.load(3, progress=False), ["root"]),
    ("family sample rng a string", lambda d: _omniglot().sample("0", 1, 1, 1), ["rng"]),
    ("family n_way a NumPy bool", lambda d: Omniglot(np.bool_(True), data=_data()),
     ["n_way"]),
    ("progress total a string", lambda d: Progress("x", "3"), ["total"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("check_only a set", lambda d: figures.check_only({"fig22_1"}), ["only"]),
    ("check_out_dir None", lambda d: figures.check_out_dir(None), ["out_dir"]),
    ("check_out_dir bytes", lambda d: figures.check_out_dir(bytes(d)), ["out_dir"]),
    ("style check_seed a half", lambda d: style.check_seed(1.5), ["seed", "1.5"]),
    ("style check_axes a string", lambda d: style.check_axes("ax"), ["ax"]),
    ("style subplots ncols 0", lambda d: style.subplots(ncols=0), ["ncols", "0"]),
    ("style save out_dir a file", lambda d: style.save(style.subplots()[0], _text_file(d), "a"),
     ["notes.txt"]),
    ("norm_label NaN", lambda d: fig_exploding.norm_label(np.nan), ["norm", "nan"]),
    ("log_ticks ax None", lambda d: fig_step_size.log_ticks(None, [1.0, 10.0]), ["ax"]),
    ("style check_numbers x of another shape", lambda d: style.check_numbers(
        "x", np.ones(3), shape=(2,)), ["x"]),
    ("style check_record a key missing", lambda d: style.check_record(
        "cfg", {"a": 1}, ("a", "b")), ["b"]),
    ("style check_settings cfg None", lambda d: style.check_settings(None, {"a": 1}),
     ["cfg"]),
]

WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "cli: figures": CLI_FIGURES_CASES, "environment (cli)": ENV_CLI_CASES,
           "environment": ENV_CASES, "engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "samplers": SAMPLER_CASES, "testing kit": TESTING_CASES, "omniglot": OMNIGLOT_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "tree_flatten of a generator": "documented valid: tree_flatten's docstring says anything "
        "but lists, tuples, namedtuples and dicts is one leaf, so a generator is a leaf",
    "hvp v with inf": "documented: hvp's docstring checks x only ('a NaN in v gives NaN'): a "
        "non-finite direction v is passed through",
    "density_values pdf returning NaN": "documented valid: density_values gives 'pdf(x) as "
        "float64 of x's shape, NaN allowed: for probing'",
    "solve_vandermonde s repeated": "documented valid, and the case was of the wrong shape: s "
        "and y are (5, m), and a column whose nodes crowd together is marked unsolved",
    "compare adapt-steps 0": "not a bad input: --adapt-steps is 'the most test-time steps "
        "tried', and 0 (the un-adapted score) is a setting the help does not forbid",
    "diagnose draws 3-D": "documented valid: diagnose reports 'per dimension', so (chains, "
        "draws, dimensions) draws are meant",
    "density_values x with NaN": "documented valid: density_values allows NaN, for probing",
    "density normal_mixture weights summing to 2": "documented valid: normal_mixture's "
        "weights are normalised",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 3)."""
    kept = [c for i, c in enumerate(cases) if i % 5 not in (0, 3)]
    return [c for c in kept if c[0] not in DROPPED]


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    name = case[0]
    return ((group == "omniglot" and name.startswith(("family", "load")))
            or "omniglot" in name)


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
# Measured blind on the round-7 code; after round 8 (which saw this file) one was left, 'hvp
# fun raising', which round 9 fixed (a user function's own errors are named everywhere).
NOT_CLEAR_YET = {}
ALL = [pytest.param(g, c, id=f"{g}: {c[0]}", marks=[pytest.mark.xfail(
    reason=NOT_CLEAR_YET[c[0]], strict=True)] if c[0] in NOT_CLEAR_YET else [])
    for g, cases in GROUPS.items() for c in cases]


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_fifteenth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 100)


def main():
    """``python tests/test_bad_inputs_fifteenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
