"""A sixty-fourth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 189e743, from the user's side
only: the README; ``--help`` of ``train``, ``evaluate`` and ``compare``; the public names and
signatures of ``scratchmeta.meta``'s modules (``registry`` with ``STRATEGIES`` and
``FAMILIES``, ``checkpoint``, ``training``, ``evaluate``, ``ridge``, ``softmax_head``,
``adapt``, ``closed_form``), ``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``,
``datasets.omniglot`` and ``datasets.omniglot_tasks``; no docstring after the first run (no
miss needed one to be judged); and the earlier batteries' ids, layout and shared helpers
(imported, not copied). Not read: the body of any validation code (``checks.py``,
``_checks.py``, ``check_*``, ``protocol.py``), the library's source, its history, anything of
/work/main. No ``__main__`` module was imported; the command line runs through the shared
helpers (``_train``, ``_evaluate``, ``_compare``) and every case writes only inside its
temporary folder.

Areas, as written: train on the command line (10), evaluate and compare (10), Chapter 2's
functions -- meta_grad, ridge_fit, softmax_head, newton_solve, inner_sgd, reptile_step,
anil_meta_loss, subset_meta_loss, multitask_loss, sgd_path (12), strategies, configs and the
registry (8), evaluate/train/select_test_time/with_test_time/held_out_tasks/format_interval in
the library (10), checkpoints (12), nn/optim/batchnorm (10), task families and a user's own
family (12), Omniglot (10): 94.

Kinds of bad value:
- numbers typed in Bengali digits (U+09E6..U+09EF; Python's ``int``/``float`` read them; the
  README asks for plain digits), new as a script: on the command line where no earlier id put
  non-ASCII digits of any script (train --log-every, --meta-lr, --inner-lr, --lam, --seed, a
  ``--set`` value; evaluate --query, --seed; compare --val-tasks, --adapt-steps, --eval-seed,
  --tasks, --query), in ``OPENBLAS_NUM_THREADS`` (train, evaluate) and ``OMP_NUM_THREADS``
  (train), and as strings where a count or number is meant (save step and seed, finn_init and
  MLP sizes, per_task n_tasks, Sinusoid sample n_support, GaussianClusters n_way,
  LinearRegression mean, Omniglot sample n_support, rotate, n_validation);
- a Python ``datetime.timedelta`` (no ``__float__``/``__index__``; the "5 seconds" of a
  careless user) on functions and arguments with no earlier timedelta or timedelta64 id:
  ridge_fit lam, newton_solve max_steps, inner_sgd inner_steps, sgd_path inner_lr,
  softmax_head tol, MAMLConfig inner_lr, make_strategy inner_steps, ReptileConfig meta_lr,
  make_family x_range, evaluate n_support and n_query, held_out_tasks start and n_tasks,
  select_test_time max_steps, with_test_time inner_steps, format_interval mean, save step,
  seed, meta_losses and a state's weight, MLP sizes, adam_update eps and beta2, batch_norm
  offset and h, Sinusoid phase and sample n_tasks, LinearRegression noise, SinusoidFrequency
  frequency, GaussianClusters sample n_query, Omniglot n_train and sample n_query, finn_split
  n_train, check_shots n_way; on the command line a time span ``5min`` for --checkpoint-every;
- names with one look-alike letter (Cyrillic a/e/o/er, Greek omicron) where no earlier id
  did so: ``--set`` name, evaluate --split, compare --strategies; make_strategy name and
  family, make_family name, hyperparameters name, ridge_fit and softmax_head form, evaluate
  on_divergence, MLP activation and dtype, Omniglot split; a ``.npz`` spelt with a Cyrillic
  er (check_checkpoint_path, save path, train checkpoint);
- functions that are no loss: ``operator.sub`` (the residuals) and ``np.vectorize(mse)``
  (mse point by point) as the loss of meta_grad, anil_meta_loss, subset_meta_loss,
  reptile_step, multitask_loss and of a user's family (evaluate, train), ``operator.sub`` as a
  family's metric and ``np.vectorize(mse)`` as its target;
- files and paths: a ``pathlib.PureWindowsPath`` of the good checkpoint (load_checkpoint,
  restore) and of the Omniglot folder (omniglot load root, Omniglot root), and the good
  checkpoint's bytes twice in one file (load_checkpoint; earlier only for evaluate).
Mentions: the argument's name (the option, the variable), and the value as typed, its repr,
or its type's name (``timedelta``, ``sub``, ``vectorize``); for files the file's name.

Repeats: the 9,297 earlier id-like tuple heads were grepped for each kind word (Bengali,
Arabic, Devanagari, Thai, Cyrillic, Greek, timedelta, time span, vectorize, operator, sub,
Windows, concatenated) and for kinds considered and left (SeedSequence, random.Random, PCG64,
default_rng not called, lists of spawned Generators, scipy sparse, NotImplemented, one-tuples,
zipfile.Path, NUL bytes, mappingproxy, bytearray, memoryview, array.array, partial: each found
on these functions before); then each timedelta draft was grepped against the earlier ids on
its function and argument. Before any run, four drafts were replaced as near repeats:
``train checkpoint_every``/``log_every`` a datetime.timedelta (earlier "a timedelta"),
``Sinusoid amplitude`` and ``batch_norm scale`` timedeltas (earlier timedelta64 pairs/rows),
``evaluate seed`` (earlier "a time span"), ``train n_steps`` (earlier timedelta64); they
became Sinusoid phase, evaluate n_query, batch_norm offset and held_out_tasks n_tasks. No
exact id is repeated.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 55 of the 94.

Dropped (``DROPPED``): none. Corrected after the first run, each wrong in itself:
``held_out_tasks start a datetime.timedelta`` (not kept) and ``save seed a datetime.timedelta``
(kept) called ``_td(0)``, which raised TypeError in the test's own helper before any library
call: now ``_td(seconds=0)`` (both clear then); ``Omniglot sample n_query a
datetime.timedelta`` (kept) also gave n_support=1 for n_way=5, a second fault the message
named ("n_support must be a multiple of n_way=5"): n_support is now 5 (clear then).

First run at 189e743 (about 3 s as a script), before the corrections: written, 85 of 94
clear (90.4%), 6 unclear, 3 silent, 0 data loss; kept, 48 of 55 clear (87.3%), 4 unclear, 3
silent. After them: written, 88 of 94 clear (93.6%), 3 unclear (3.2%), 3 silent (3.2%), 0
data loss -- cli train 8/10, evaluate/compare 9/10, meta functions 12/12, strategies 8/8,
evaluate and train 9/10, checkpoints 12/12, nn/optim/batchnorm 10/10, task families 10/12,
omniglot 10/10. Kept: 50 of 55 clear (90.9%), 2 unclear (3.6%), 3 silent (5.5%), 0 data
loss -- 4/6, 5/6, 7/7, 4/4, 5/6, 7/7, 6/6, 6/7, 6/6. Under pytest: 51 passed, 5 failed (the
kept not-clear cases below). No checkpoint was lost or changed.

Not clear, kept:
- ``OPENBLAS_NUM_THREADS a Bengali one, train``: silent -- the run trained and saved its
  checkpoint (arguable: the README refuses anything but a whole number of threads, and ``int``
  reads the Bengali one as 1).
- ``OMP_NUM_THREADS a Bengali two, train``: silent -- the same.
- ``OPENBLAS_NUM_THREADS a Bengali one, evaluate``: silent -- the evaluation ran and printed
  its table.
- ``train a user's family whose loss is np.vectorize of mse``: unclear -- ValueError
  "family.loss must be a function loss(pred, y) ...; <function checked_returns.<locals>.checked
  at 0x...> raised ValueError: mse: pred must be an array of shape (..., points, outputs), got
  float64 np.float64": names family.loss, but shows a wrapper, not the ``vectorize`` given.
- ``a user family whose loss is np.vectorize of mse, in evaluate``: unclear -- the same message.
Not clear, written and not kept:
- ``a user family whose target is np.vectorize of a scalar function of two arguments``:
  unclear -- ValueError "mse: pred must be an array of shape (..., points, outputs), got
  float64 np.float64(1.368...)": mse's own message from inside the target (a ValueError passes
  through, as the README says), naming neither target nor the family.

Measured on main at 189e743 (the commit it was written at), blind: kept, 50 of 55 clear
(90.9%), 2 unclear, 3 silent, 0 data loss; written, 88 of 94 (93.6%), 3 unclear, 3 silent.
Round 44 (with sight of this file only, so not blind): a thread count must be written in ASCII
digits (Python's ``int`` reads a Bengali one, the BLAS does not); a user family's method is
shown in messages as the user's own function (``numpy.vectorize``), not the library's
wrapper. After it: all 55 kept clear; written, 93 of 94 -- left: ``a user family whose target
is np.vectorize of a scalar function of two arguments`` is named by the loss it breaks, not by
``target``.
"""

import datetime
import operator
import pathlib

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import check_checkpoint_path, load_checkpoint, restore
from scratchmeta.meta.evaluate import format_interval, held_out_tasks, with_test_time
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad, mse
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import ReptileConfig, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_main, battery_params,
                                  kept_cases)
from test_bad_inputs_fifth import _evaluate_call, _features, _save, _select
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _m, _p
from test_bad_inputs_twentyfourth import _data, _omni
from test_bad_inputs_fiftysecond import _family

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()

TD = "timedelta"     # datetime.timedelta: a span of time, no __float__, no __index__
SUB = "sub"          # operator.sub: the residuals pred - y, an array, not a loss
VEC = "vectorize"    # np.vectorize(mse): mse point by point, an array, not a loss
BLAS = "OPENBLAS_NUM_THREADS"
OMP = "OMP_NUM_THREADS"

_BENGALI = str.maketrans("0123456789", "\u09e6\u09e7\u09e8\u09e9\u09ea\u09eb\u09ec\u09ed\u09ee\u09ef")


def bn(text):
    """The number as typed with Bengali digits (Python's int() and float() read them)."""
    return text.translate(_BENGALI)


CYR_A = "\u0430"   # CYRILLIC SMALL LETTER A (looks like a Latin a)
CYR_E = "\u0435"   # CYRILLIC SMALL LETTER IE (looks like e)
CYR_O = "\u043e"   # CYRILLIC SMALL LETTER O
CYR_P = "\u0440"   # CYRILLIC SMALL LETTER ER (looks like p)
GRK_O = "\u03bf"   # GREEK SMALL LETTER OMICRON (looks like o)


# --- objects the cases use -------------------------------------------------------------------

def _td(**kwargs):
    return datetime.timedelta(**kwargs)


VMSE = np.vectorize(mse)


def _win(path):
    """The path as a pathlib.PureWindowsPath (backslashes; a PathLike, but not this system's)."""
    return pathlib.PureWindowsPath(str(path))


def _two_copies(d):
    """The good checkpoint's bytes written twice into one .npz file."""
    path = d / "twice.npz"
    if not path.exists():
        data = _good(d).read_bytes()
        path.write_bytes(data + data)
    return path


# --- the command line: (id, argv(folder), mentions[, env]) ----------------------------------

CLI_TRAIN_CASES = [
    ("train log-every in Bengali digits", _train("--log-every", bn("1")),
     ["--log-every", bn("1")]),
    ("train meta-lr in Bengali digits", _train("--meta-lr", bn("0.001")),
     ["--meta-lr", bn("0.001")]),
    ("train checkpoint-every a time span 5min", _train("--checkpoint-every", "5min"),
     ["--checkpoint-every", "5min"]),
    ("train set the name lam with a Cyrillic a", _train(
        "--strategy", "closed_form", "--set", "l" + CYR_A + "m=0.1"), ["l" + CYR_A + "m"]),
    ("train inner-lr in Bengali digits", _train("--inner-lr", bn("0.01")),
     ["--inner-lr", bn("0.01")]),
    ("train lam in Bengali digits", _train("--strategy", "closed_form", "--lam", bn("0.1")),
     ["--lam", bn("0.1")]),
    ("train seed in Bengali digits", _train("--seed", bn("7")), ["--seed", bn("7")]),
    ("train set a value in Bengali digits", _train(
        "--strategy", "closed_form", "--set", "lam=" + bn("0.1")), ["lam", bn("0.1")]),
    ("OPENBLAS_NUM_THREADS a Bengali one, train", _train(), [BLAS, bn("1")],
     {BLAS: bn("1")}),
    ("OMP_NUM_THREADS a Bengali two, train", _train(), [OMP, bn("2")], {OMP: bn("2")}),
]

CLI_OTHER_CASES = [
    ("evaluate query in Bengali digits", _evaluate(_good, "--query", bn("5")),
     ["--query", bn("5")]),
    ("evaluate split with a Cyrillic e in test", _evaluate(
        _good, "--split", "t" + CYR_E + "st"), ["--split", "t" + CYR_E + "st"]),
    ("evaluate seed in Bengali digits", _evaluate(_good, "--seed", bn("22")),
     ["--seed", bn("22")]),
    ("compare val-tasks in Bengali digits", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", bn("4"), "--adapt-steps",
        "1", "--strategies", "maml"], ["--val-tasks", bn("4")]),
    ("compare strategies anil with a Cyrillic a", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--adapt-steps", "1",
        "--strategies", CYR_A + "nil"], ["--strategies", CYR_A + "nil"]),
    ("compare adapt-steps in Bengali digits", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--adapt-steps",
        bn("1"), "--strategies", "maml"], ["--adapt-steps", bn("1")]),
    ("compare eval-seed in Bengali digits", _compare("--eval-seed", bn("22")),
     ["--eval-seed", bn("22")]),
    ("compare tasks in Bengali digits", lambda d: [
        "compare", "--steps", "2", "--tasks", bn("4"), "--val-tasks", "4", "--adapt-steps",
        "1", "--strategies", "maml"], ["--tasks", bn("4")]),
    ("OPENBLAS_NUM_THREADS a Bengali one, evaluate", _evaluate(_good), [BLAS, bn("1")],
     {BLAS: bn("1")}),
    ("compare query in Bengali digits", _compare("--query", bn("5")),
     ["--query", bn("5")]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_grad loss operator.sub, the residuals", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=operator.sub), ["loss", SUB]),
    ("ridge_fit lam a datetime.timedelta", lambda d: ridge_fit(*_features(), _td(seconds=1)),
     ["lam", TD]),
    ("ridge_fit form primal with a Cyrillic a", lambda d: ridge_fit(
        *_features(), 0.1, form="prim" + CYR_A + "l"), ["form", "prim" + CYR_A + "l"]),
    ("softmax_head form dual with a Cyrillic a", lambda d: softmax_head(
        *_features(), 0.1, form="du" + CYR_A + "l"), ["form", "du" + CYR_A + "l"]),
    ("newton_solve max_steps a datetime.timedelta", lambda d: newton_solve(
        *_features(), 0.1, max_steps=_td(seconds=5)), ["max_steps", TD]),
    ("inner_sgd inner_steps a datetime.timedelta", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=_td(seconds=1)), ["inner_steps", TD]),
    ("reptile_step loss np.vectorize of mse", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=0.1, loss=VMSE),
     ["loss", VEC]),
    ("anil_meta_loss loss operator.sub, the residuals", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=operator.sub), ["loss", SUB]),
    ("subset_meta_loss loss operator.sub, the residuals", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=2, inner_lr=0.01, inner_steps=1,
        loss=operator.sub), ["loss", SUB]),
    ("multitask_loss loss np.vectorize of mse", lambda d: multitask_loss(
        _p()[:2], [np.ones((2, 8, 1)), np.ones((2, 1))], _b().x_support, _b().y_support,
        _m(), loss=VMSE), ["loss", VEC]),
    ("sgd_path inner_lr a datetime.timedelta", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=_td(milliseconds=10), loss=mse),
     ["inner_lr", TD]),
    ("softmax_head tol a datetime.timedelta", lambda d: softmax_head(
        *_features(), 0.1, tol=_td(microseconds=1)), ["tol", TD]),
]

STRATEGY_CASES = [
    ("make_strategy name maml with a Cyrillic a", lambda d: make_strategy(
        "m" + CYR_A + "ml"), ["m" + CYR_A + "ml"]),
    ("make_family name linear with a Cyrillic e", lambda d: make_family(
        "lin" + CYR_E + "ar"), ["lin" + CYR_E + "ar"]),
    ("hyperparameters name reptile with a Cyrillic e", lambda d: hyperparameters(
        "r" + CYR_E + "ptile"), ["r" + CYR_E + "ptile"]),
    ("MAMLConfig check inner_lr a datetime.timedelta", lambda d: MAMLConfig(
        inner_lr=_td(milliseconds=10)).check(), ["inner_lr", TD]),
    ("make_strategy inner_steps a datetime.timedelta", lambda d: make_strategy(
        "maml", inner_steps=_td(seconds=1)), ["inner_steps", TD]),
    ("ReptileConfig check meta_lr a datetime.timedelta", lambda d: ReptileConfig(
        meta_lr=_td(milliseconds=100)).check(), ["meta_lr", TD]),
    ("make_family sinusoid x_range a pair of datetime.timedelta", lambda d: make_family(
        "sinusoid", x_range=(_td(seconds=-5), _td(seconds=5))), ["x_range", TD]),
    ("make_strategy family sinusoid with a Greek omicron", lambda d: make_strategy(
        "maml", family="sinus" + GRK_O + "id"), ["family", "sinus" + GRK_O + "id"]),
]

EVALUATE_CASES = [
    ("evaluate n_support a datetime.timedelta", lambda d: _evaluate_call(
        n_support=_td(seconds=5)), ["n_support", TD]),
    ("held_out_tasks start a datetime.timedelta", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, 5, start=_td(seconds=0)), ["start", TD]),
    ("evaluate family a user's family whose loss is operator.sub", lambda d:
        _evaluate_call(family=_family(loss=staticmethod(operator.sub))), ["loss", SUB]),
    ("train a user's family whose loss is np.vectorize of mse", lambda d: train(
        make_strategy("maml", meta_batch=2, family=_family(loss=staticmethod(VMSE))), 2, 0),
     ["loss", VEC]),
    ("select_test_time max_steps a datetime.timedelta", lambda d: _select(
        max_steps=_td(seconds=1)), ["max_steps", TD]),
    ("with_test_time inner_steps a datetime.timedelta", lambda d: with_test_time(
        make_strategy("maml"), inner_steps=_td(seconds=1)), ["inner_steps", TD]),
    ("format_interval mean a datetime.timedelta", lambda d: format_interval(
        _td(seconds=1), 0.1), ["mean", TD]),
    ("evaluate on_divergence raise with a Cyrillic a", lambda d: _evaluate_call(
        on_divergence="r" + CYR_A + "ise"), ["on_divergence", "r" + CYR_A + "ise"]),
    ("evaluate n_query a datetime.timedelta", lambda d: _evaluate_call(
        n_query=_td(seconds=5)), ["n_query", TD]),
    ("held_out_tasks n_tasks a datetime.timedelta", lambda d: held_out_tasks(
        Sinusoid(), _td(seconds=2), 5, 5), ["n_tasks", TD]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint path a PureWindowsPath of the good checkpoint", lambda d:
        load_checkpoint(_win(_good(d))), ["good.npz"]),
    ("restore path a PureWindowsPath of the good checkpoint", lambda d: restore(
        _win(_good(d))), ["good.npz"]),
    ("save step a datetime.timedelta", lambda d: _save(d, step=_td(seconds=1)),
     ["step", TD]),
    ("save seed a datetime.timedelta", lambda d: _save(d, seed=_td(seconds=0)), ["seed", TD]),
    ("save meta_losses a list of datetime.timedelta", lambda d: _save(
        d, meta_losses=[_td(seconds=1)]), ["meta_losses", TD]),
    ("save state a weight that is a datetime.timedelta", lambda d: _save(
        d, state={"w": _td(seconds=1)}), ["w", TD]),
    ("load_checkpoint two copies of the good checkpoint in one file", lambda d:
        load_checkpoint(_two_copies(d)), ["twice.npz"]),
    ("check_checkpoint_path path with a Cyrillic er in .npz", lambda d:
        check_checkpoint_path(d / ("run.n" + CYR_P + "z")), ["run.n" + CYR_P + "z"]),
    ("save path with a Cyrillic er in .npz", lambda d: _save(
        d, path=d / ("s.n" + CYR_P + "z")), ["s.n" + CYR_P + "z"]),
    ("train checkpoint with a Cyrillic er in .npz", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, checkpoint=d / ("c.n" + CYR_P + "z")),
     ["c.n" + CYR_P + "z"]),
    ("save step a string of Bengali digits", lambda d: _save(d, step=bn("1")),
     ["step", repr(bn("1"))]),
    ("save seed a string of Bengali digits", lambda d: _save(d, seed=bn("0")),
     ["seed", repr(bn("0"))]),
]

NN_CASES = [
    ("MLP activation relu with a Cyrillic e", lambda d: MLP(
        (1, 8, 1), activation="r" + CYR_E + "lu"), ["activation", "r" + CYR_E + "lu"]),
    ("MLP dtype float64 with a Cyrillic o", lambda d: MLP(
        (1, 8, 1), dtype="fl" + CYR_O + "at64"), ["dtype", "fl" + CYR_O + "at64"]),
    ("MLP sizes a list of datetime.timedelta", lambda d: MLP(
        [_td(seconds=1), _td(seconds=8), _td(seconds=1)]), ["sizes", TD]),
    ("adam_update eps a datetime.timedelta", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), 1e-3,
        eps=_td(microseconds=1)), ["eps", TD]),
    ("adam_update beta2 a datetime.timedelta", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), 1e-3,
        beta2=_td(seconds=1)), ["beta2", TD]),
    ("batch_norm offset a list of datetime.timedelta", lambda d: batch_norm(
        np.ones((4, 3)), offset=[_td(seconds=1)] * 3), ["offset", TD]),
    ("finn_init sizes a list of strings of Bengali digits", lambda d: finn_init(
        _rng(), [bn("1"), bn("4"), bn("1")]), ["sizes", repr(bn("1"))]),
    ("MLP sizes a list of strings of Bengali digits", lambda d: MLP(
        [bn("1"), bn("8"), bn("1")]), ["sizes", repr(bn("1"))]),
    ("per_task n_tasks a string of Bengali digits", lambda d: per_task(_p(), bn("2")),
     ["n_tasks", repr(bn("2"))]),
    ("batch_norm h a list of rows of datetime.timedelta", lambda d: batch_norm(
        [[_td(seconds=1), _td(seconds=2)], [_td(seconds=3), _td(seconds=4)]]), ["h", TD]),
]

TASK_CASES = [
    ("Sinusoid phase a pair of datetime.timedelta", lambda d: Sinusoid(
        phase=(_td(seconds=0), _td(seconds=3))), ["phase", TD]),
    ("a user family whose loss is operator.sub, in train", lambda d: train(
        make_strategy("maml", meta_batch=2, family=_family(loss=staticmethod(operator.sub))),
        2, 0), ["loss", SUB]),
    ("Sinusoid sample n_support a string of Bengali digits", lambda d: Sinusoid().sample(
        _rng(), 2, bn("5"), 5), ["n_support", repr(bn("5"))]),
    ("LinearRegression noise a datetime.timedelta", lambda d: LinearRegression(
        noise=_td(milliseconds=100)), ["noise", TD]),
    ("a user family whose loss is np.vectorize of mse, in evaluate", lambda d:
        _evaluate_call(family=_family(loss=staticmethod(VMSE))), ["loss", VEC]),
    ("GaussianClusters n_way a string of Bengali digits", lambda d: GaussianClusters(
        n_way=bn("5")), ["n_way", repr(bn("5"))]),
    ("a user family whose metric is operator.sub, in evaluate", lambda d: _evaluate_call(
        family=_family(metric=lambda self, pred, y: operator.sub(pred, y))),
     ["metric"]),
    ("SinusoidFrequency frequency a pair of datetime.timedelta", lambda d:
        SinusoidFrequency(frequency=(_td(seconds=1), _td(seconds=2))), ["frequency", TD]),
    ("Sinusoid sample n_tasks a datetime.timedelta", lambda d: Sinusoid().sample(
        _rng(), _td(seconds=2), 5, 5), ["n_tasks", TD]),
    ("LinearRegression mean a pair of strings of Bengali digits", lambda d:
        LinearRegression(mean=(bn("1"), bn("0.5"))), ["mean", repr(bn("1"))]),
    ("GaussianClusters sample n_query a datetime.timedelta", lambda d: GaussianClusters(
        ).sample(_rng(), 2, 5, _td(seconds=5)), ["n_query", TD]),
    ("a user family whose target is np.vectorize of a scalar function of two arguments",
     lambda d: _evaluate_call(family=_family(target=staticmethod(VMSE))), ["target"]),
]

OMNIGLOT_CASES = [
    ("Omniglot split validation with a Cyrillic a", lambda d: _omni(
        split="v" + CYR_A + "lidation"), ["split", "v" + CYR_A + "lidation"]),
    ("Omniglot n_train a datetime.timedelta", lambda d: _omni(n_train=_td(days=1100)),
     ["n_train", TD]),
    ("omniglot load root a PureWindowsPath of the data folder", lambda d:
        omniglot_data.load(_win(REAL_DATA), cache_dir=d / "cache", progress=False),
     ["root"]),
    ("Omniglot sample n_support a string of Bengali digits", lambda d: _omni().sample(
        _rng(), 2, bn("1"), 5), ["n_support", repr(bn("1"))]),
    ("finn_split n_train a datetime.timedelta", lambda d: finn_split(
        _data().alphabets, _data().characters, n_train=_td(days=1100)), ["n_train", TD]),
    ("check_shots n_way a datetime.timedelta", lambda d: check_shots(
        _td(seconds=5), 2, 5, 5), ["n_way", TD]),
    ("Omniglot root a PureWindowsPath of the data folder", lambda d: Omniglot(
        5, root=_win(REAL_DATA)), ["root"]),
    ("Omniglot rotate a list of strings of Bengali digits", lambda d: _omni(
        rotate=[bn("0"), bn("90"), bn("180"), bn("270")]), ["rotate", repr(bn("0"))]),
    ("Omniglot sample n_query a datetime.timedelta", lambda d: _omni().sample(
        _rng(), 2, 5, _td(seconds=5)), ["n_query", TD]),
    ("Omniglot n_validation a string of Bengali digits", lambda d: _omni(
        n_validation=bn("100")), ["n_validation", repr(bn("100"))]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 2)."""
    return kept_cases(cases, (1, 2), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0].lower()


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_sixtyfourth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_sixtyfourth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
