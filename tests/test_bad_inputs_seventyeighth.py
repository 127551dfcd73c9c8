"""A seventy-eighth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit fde1760, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names (``dir``: these modules have no
``__all__``) and signatures of ``scratchmeta.meta``'s modules (``maml``, ``anil``, ``subset``,
``multitask``, ``reptile``, ``ridge``, ``softmax_head``, ``adapt``, ``registry`` with
``STRATEGIES`` and ``FAMILIES``, ``checkpoint``, ``training``, ``evaluate``, ``closed_form``),
``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; and the earlier batteries' ids, layout and shared helpers
(imported, not copied). No docstring was read after the first run. Not read: the body of any
validation code (``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``), the library's
source, its history, anything of /work/main. No ``__main__`` module was imported; the command
line runs through the shared helpers (``_train``, ``_evaluate``, ``_compare``). Every case
writes only inside its temporary folder (checked after the runs: no new file in the worktree
but this one).

Areas, as written: train on the command line (10), evaluate and compare (10), Chapter 2's
functions -- meta_loss, meta_grad, inner_sgd, reptile_step, ridge_fit, softmax_head,
newton_solve, subset_meta_loss, sgd_path, closed_form_meta_loss, anil_meta_loss (12);
strategies, configs and the registry -- make_strategy, MAMLConfig, ReptileConfig,
ClosedFormConfig, MultitaskConfig, with_test_time, hyperparameters (8); train, evaluate,
select_test_time, held_out_tasks and task_rng in the library (10); checkpoints --
load_checkpoint, restore, save_checkpoint, check_checkpoint_path, train resume (12);
nn/optim/batchnorm -- MLP, init, apply, batch_norm, adam_update, per_task (10); task families,
accuracy, make_family and a user's own family (12); Omniglot -- load, Omniglot, sample,
finn_split (10): 94.

Kinds of bad value (words found in no earlier id, except where said):
- values pasted from a spreadsheet: its error values ``#N/A``, ``#VALUE!``, ``#DIV/0!``,
  ``#REF!``, ``#NUM!``, ``#NAME?`` (train --lam, --n-query, --log-every, --set head_inner_lr;
  evaluate --tasks; compare --val-tasks; reptile_step inner_lr, newton_solve lam, MAMLConfig
  inner_lr, with_test_time inner_lr, hyperparameters name, select_test_time candidates,
  save_checkpoint meta_losses, MLP sizes, MLP apply x, batch_norm eps and offset, make_family
  amplitude, GaussianClusters spread, accuracy logits, Omniglot rotate) and its formulas or
  cell references ``=0.01``, ``=B2`` (train --inner-lr, --steps, --n-support; evaluate
  --support; compare --tasks; ridge_fit lam, ClosedFormConfig lam, evaluate n_steps,
  adam_update eps, LinearRegression noise, Omniglot n_train, Omniglot sample n_query);
- a value copied from a table with its ``(default)`` note: train --meta-lr, evaluate --seed,
  compare --query and --adapt-steps, closed_form_meta_loss lam, make_strategy name,
  adam_update lr, Omniglot split, and a checkpoint whose meta/strategy carries it (restore);
- a Julia Float32 literal (``1f-3``, ``10f0``): train --meta-lr, evaluate --steps, compare
  --val-seed (C float suffixes were used earlier, on compare --query and --adapt-steps only);
- the infinity sign ``∞`` typed for "no limit" or "never": train --checkpoint-every only on the
  command line (earlier batteries had it on ten other options: four drafts that repeated them
  were replaced before any run, see below), and in the library (where no earlier id has it):
  softmax_head max_steps, subset_meta_loss subset_size, ReptileConfig inner_steps, make_strategy
  meta_batch, train n_steps and checkpoint_every, task_rng i, select_test_time max_steps,
  save_checkpoint step, per_task n_tasks, SinusoidFrequency frequency, Omniglot n_way,
  finn_split n_validation, a checkpoint whose meta/step is it (restore);
- seeds and generators from the standard library's own ways: the bytes of ``os.urandom(8)``
  (subset_meta_loss rng, MultitaskConfig head_seed, train seed, evaluate seed, save_checkpoint
  seed, MLP init rng, Sinusoid sample rng, Omniglot sample rng, a checkpoint's meta/seed) and
  ``random.Random(0).getstate()`` (train seed, held_out_tasks seed, MLP init rng);
- macOS AppleDouble companions (``._good.npz``: 4 KB, magic 0x00051607, no zip) where a
  checkpoint or an Omniglot archive is meant: evaluate --checkpoint, load_checkpoint, restore,
  train resume, omniglot load (background zip, evaluation zip);
- a file or folder name longer than NAME_MAX (304 characters): save_checkpoint path,
  check_checkpoint_path, train resume, omniglot load root (earlier: ``train out`` and ``figures
  out`` only);
- the string ``'π'`` as the upper end of Sinusoid's phase;
- user functions that misbehave: a loss, target, sample_params, describe or activation that
  calls ``sys.exit`` (meta_loss, sgd_path, held_out_tasks, train, train with a checkpoint,
  MLP); NumPy's ``np.subtract`` as a loss (no reduction: meta_grad, anil_meta_loss, a family's
  loss in train) and ``np.isclose`` (a bool array: inner_sgd loss, a family's metric).

Repeats: the 10,527 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (by a regex) were grepped for each kind word (0 hits for
spreadsheet, #N/A, formula, (default), Julia, urandom, getstate, sys.exit, SystemExit,
AppleDouble, NAME_MAX, π, np.subtract, isclose; "too long" in two ids, ``train out`` and
``figures out``) and, per draft, for the same function and argument. Before any run, the
drafts' ids were compared with the earlier ones: ``evaluate tasks the infinity sign`` and
``compare adapt-steps the infinity sign`` were earlier ids, and ``train steps`` and ``train
log-every`` had the infinity sign earlier too (the grep had looked for the character, not the
words "infinity sign"); the four became ``train steps a spreadsheet formula =2``, ``train
log-every a spreadsheet error value #N/A``, ``evaluate tasks a spreadsheet error value #N/A``
and ``compare adapt-steps copied from a table with its '(default)'``. No exact id repeats.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (0, 2)`` were kept (``_kept``): 55 of the 94.
After the first run no case was added, reordered or swapped.

Dropped: none. Corrected after the first run (1): ``Omniglot sample n_query a spreadsheet
formula =1`` gave n_support 1 with n_way 5, a second fault (the ValueError said n_support must
be a multiple of n_way); it became ``Omniglot sample n_query a spreadsheet formula =5`` with
n_support 5 (id renamed to match its value).

First run at fde1760 (--written, under ``ulimit -v 8000000``), before the correction: written,
86 of 94 clear (91.5%), 8 unclear, 0 silent, 0 data loss. After it: written, 87 of 94 clear
(92.6%), 7 unclear, 0 silent, 0 data loss -- cli train 10/10, evaluate/compare 10/10, meta
functions 10/12, strategies 8/8, evaluate and train 10/10, checkpoints 12/12,
nn/optim/batchnorm 10/10, task families 7/12, omniglot 10/10. Kept, 52 of 55 clear (94.5%), 3
unclear, 0 silent, 0 data loss -- 6/6, 6/6, 6/7, 4/4, 6/6, 7/7, 6/6, 5/7, 6/6 (the corrected
case is kept; it was unclear before its correction). Under pytest: 51 passed, 5 failed -- the
three kept unclear cases and two kept long-name cases that are clear in the script run but
not under pytest: their message shows the path cut after its first characters, and pytest's
longer temporary folder pushes the file name (which the case's mentions require) past the cut.

Not clear, kept:
- ``sgd_path loss a user loss that calls sys.exit``: SystemExit "pred and y must match"
  passes through (neither loss nor ``_loss_exit`` named).
- ``a user family whose sample_params calls sys.exit, in train``: SystemExit 1 passes through.
- ``accuracy logits a spreadsheet block of #N/A strings``: TypeError "accuracy: logits must be
  an array of real numbers, got dtype <U4 and shape (2, 5, 3)" (names logits and the dtype,
  not the value '#N/A').
- under pytest only: ``save_checkpoint path a file name longer than the file system allows``
  and ``train resume a checkpoint name longer than the file system allows``: ValueError
  "path path's file name is too long (304 characters; with the temporary suffix it must fit
  in 255): '/tmp/pytest-of-root/pytest-187/test_a_bad_input_is_one_clear'..." (clear in the
  script run, where the folder is short enough for the file name to show).

Not clear, written and not kept:
- ``meta_loss loss a user loss that calls sys.exit``: SystemExit "pred and y must match".
- ``a user family whose target calls sys.exit, in held_out_tasks``: SystemExit 1.
- ``a user family whose describe calls sys.exit, in train with a checkpoint``: SystemExit 1.
- ``a user family whose metric is NumPy's np.isclose, in evaluate``: TypeError
  "UserFamily.metric must return one real number per task, an array of shape (2,) for pred of
  shape (2, 5, 1), got an array of dtype bool and shape (2, 5, 1)" (names metric, not isclose).

Measured on main at fde1760, the commit it was written at, blind: kept, 52 of 55 clear
(94.5%), 3 unclear, 0 silent, 0 data loss; written, 87 of 94 (92.6%). (Run as a script; under
pytest two more kept cases, the too-long file names, were unclear: the message cut the path
short before the file name.) With the seventy-ninth (34 of 60) the pair is 86 of 115 (74.8%),
13 silent -- the lowest of this session. Round 53 (with sight of this file and the
seventy-ninth, so not blind): a user's function that calls ``sys.exit`` (a loss, an apply, a
family's method, a differentiated fun) is named, not an exit of the program; a family's method
is named by its own name in its errors; text given as logits shows its first entry; a
too-long checkpoint name shows the file name, not the folder. After it: all 55 kept clear;
written, 93 of 94 -- left: ``a user family whose metric is NumPy's np.isclose`` (named as the
metric, its return checked, not by the library function's name).
"""

import os
import random
import sys

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import check_checkpoint_path, load_checkpoint, restore
from scratchmeta.meta.closed_form import ClosedFormConfig, closed_form_meta_loss
from scratchmeta.meta.evaluate import held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.multitask import MultitaskConfig
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import ReptileConfig, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fifth import _adam, _evaluate_call, _features, _save, _select
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _m, _p
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_fiftysecond import _family
from test_bad_inputs_sixtysixth import _fake_root, _load, _small

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
INF = "\u221e"                   # the infinity sign, typed for "no limit" or "never"
LONG = "r" * 300                 # a file name longer than NAME_MAX (255 bytes) allows


# --- files: a macOS AppleDouble companion, a name too long -----------------------------------

def _apple(folder, name):
    """A macOS AppleDouble file (``._NAME``, the resource-fork companion that copies from a Mac
    to a USB stick or a tar leave beside every file): magic 0x00051607, 4 KB, no zip."""
    path = folder / name
    header = (b"\x00\x05\x16\x07\x00\x02\x00\x00" + b"Mac OS X        " + b"\x00\x02"
              + b"\x00\x00\x00\x09\x00\x00\x00\x32\x00\x00\x0e\xb0")
    path.write_bytes(header + b"\x00" * (4096 - len(header)))
    return path


def _apple_background(root, name):
    _apple(root, name)


def _apple_evaluation_root(folder):
    """An Omniglot folder whose images_background.zip is a link to the real one (only read)
    and whose images_evaluation.zip is a macOS AppleDouble file."""
    root = folder / "omniglot_apple"
    if not root.exists():
        root.mkdir()
        os.symlink(REAL_DATA / "images_background.zip", root / "images_background.zip")
        _apple(root, "images_evaluation.zip")
    return root


def _long(folder, suffix=".npz"):
    return folder / (LONG + suffix)


# --- damaged checkpoints ---------------------------------------------------------------------

def _seed_urandom(arrays):
    arrays["meta/seed"] = np.array(b"\x8f\x1a\x03\xee\x10\x7f\x00\x42")


def _step_infinity(arrays):
    arrays["meta/step"] = np.array(INF)


def _strategy_default(arrays):
    arrays["meta/strategy"] = np.array(str(arrays["meta/strategy"]) + " (default)")


# --- user functions that call sys.exit ------------------------------------------------------

def _loss_exit(pred, y):
    """A user's loss, script-style: it ends the program on a shape it did not expect."""
    sys.exit("pred and y must match")


def _exit_target(self, task_params, x):
    sys.exit(1)


def _exit_params(self, rng, n_tasks):
    sys.exit(1)


def _exit_describe(self):
    sys.exit(1)


def _exit_activation(x):
    sys.exit(1)


def _train_family(**attrs):
    return lambda d: train(make_strategy("maml", meta_batch=2, family=_family(**attrs)), 2, 0)


def _loss_call(fn, loss):
    return lambda d: fn(_p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=loss)


def _omniglot(**kwargs):
    return Omniglot(kwargs.pop("n_way", 5), data=_data(), **kwargs)


def _urandom():
    return b"\x8f\x1a\x03\xee\x10\x7f\x00\x42"         # os.urandom(8), fixed here for repeatability


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("train lam a spreadsheet error value #N/A", _train(
        "--strategy", "closed_form", "--lam", "#N/A"), ["--lam", "#N/A"]),
    ("train inner-lr a spreadsheet formula =0.01", _train("--inner-lr", "=0.01"),
     ["--inner-lr", "=0.01"]),
    ("train steps a spreadsheet formula =2", _train("--steps", "=2"), ["--steps", "=2"]),
    ("train meta-lr copied from a table with its '(default)'", _train(
        "--meta-lr", "0.001 (default)"), ["--meta-lr", "0.001 (default)"]),
    ("train meta-lr a Julia Float32 literal 1f-3", _train("--meta-lr", "1f-3"),
     ["--meta-lr", "1f-3"]),
    ("train checkpoint-every the infinity sign, for never", _train(
        "--checkpoint-every", INF), ["--checkpoint-every", INF]),
    ("train n-query a spreadsheet error value #VALUE!", _train("--n-query", "#VALUE!"),
     ["--n-query", "#VALUE!"]),
    ("train set head_inner_lr a spreadsheet error value #DIV/0!", _train(
        "--strategy", "multitask", "--set", "head_inner_lr=#DIV/0!"),
     ["head_inner_lr", "#DIV/0!"]),
    ("train log-every a spreadsheet error value #N/A", _train("--log-every", "#N/A"),
     ["--log-every", "#N/A"]),
    ("train n-support a spreadsheet cell reference =B2", _train("--n-support", "=B2"),
     ["--n-support", "=B2"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint a macOS AppleDouble companion ._good.npz", lambda d: [
        "evaluate", "--checkpoint", str(_apple(d, "._good.npz")), "--tasks", "4"],
     ["._good.npz"]),
    ("evaluate tasks a spreadsheet error value #N/A", _evaluate(_good, "--tasks", "#N/A"),
     ["--tasks", "#N/A"]),
    ("evaluate support a spreadsheet formula =10", _evaluate(_good, "--support", "=10"),
     ["--support", "=10"]),
    ("evaluate steps a Julia Float32 literal 10f0", _evaluate(_good, "--steps", "10f0"),
     ["--steps", "10f0"]),
    ("evaluate seed copied from a table with its '(default)'", _evaluate(
        _good, "--seed", "22 (default)"), ["--seed", "22 (default)"]),
    ("compare adapt-steps copied from a table with its '(default)'", _compare(
        "--adapt-steps", "10 (default)"), ["--adapt-steps", "10 (default)"]),
    ("compare val-tasks a spreadsheet error value #REF!", _compare("--val-tasks", "#REF!"),
     ["--val-tasks", "#REF!"]),
    ("compare tasks a spreadsheet formula =600", _compare("--tasks", "=600"),
     ["--tasks", "=600"]),
    ("compare query copied from a table with its '(default)'", _compare(
        "--query", "100 (default)"), ["--query", "100 (default)"]),
    ("compare val-seed a Julia Float32 literal 11f0", _compare("--val-seed", "11f0"),
     ["--val-seed", "11f0"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_loss loss a user loss that calls sys.exit", _loss_call(meta_loss, _loss_exit),
     ["loss", "_loss_exit"]),
    ("meta_grad loss NumPy's np.subtract, no reduction", _loss_call(meta_grad, np.subtract),
     ["loss", "subtract"]),
    ("inner_sgd loss NumPy's np.isclose, a bool array", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, loss=np.isclose), ["loss", "isclose"]),
    ("reptile_step inner_lr a spreadsheet error value #N/A", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr="#N/A", inner_steps=2, meta_lr=0.1),
     ["inner_lr", "#N/A"]),
    ("ridge_fit lam a spreadsheet formula =0.1", lambda d: ridge_fit(
        *_features(), "=0.1"), ["lam", "=0.1"]),
    ("softmax_head max_steps the infinity sign", lambda d: softmax_head(
        *_features(), 0.1, max_steps=INF), ["max_steps", INF]),
    ("newton_solve lam a spreadsheet error value #NUM!", lambda d: newton_solve(
        *_features(), "#NUM!"), ["lam", "#NUM!"]),
    ("subset_meta_loss rng the bytes of os.urandom(8)", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _urandom(), subset_size=2, inner_lr=0.01, inner_steps=1),
     ["rng", "bytes"]),
    ("sgd_path loss a user loss that calls sys.exit", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=_loss_exit),
     ["loss", "_loss_exit"]),
    ("closed_form_meta_loss lam copied from a table with its '(default)'", lambda d:
        closed_form_meta_loss(_p()[:2], _b(), _m(), lam="1.0 (default)"),
     ["lam", "1.0 (default)"]),
    ("anil_meta_loss loss NumPy's np.subtract, no reduction", _loss_call(
        anil_meta_loss, np.subtract), ["loss", "subtract"]),
    ("subset_meta_loss subset_size the infinity sign", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=INF, inner_lr=0.01, inner_steps=1),
     ["subset_size", INF]),
]

STRATEGY_CASES = [
    ("make_strategy name copied from a table with its '(default)'", lambda d: make_strategy(
        "maml (default)"), ["maml (default)"]),
    ("MAMLConfig check inner_lr a spreadsheet error value #N/A", lambda d: MAMLConfig(
        inner_lr="#N/A").check(), ["inner_lr", "#N/A"]),
    ("ReptileConfig check inner_steps the infinity sign", lambda d: ReptileConfig(
        inner_steps=INF).check(), ["inner_steps", INF]),
    ("ClosedFormConfig check lam a spreadsheet formula =1", lambda d: ClosedFormConfig(
        lam="=1").check(), ["lam", "=1"]),
    ("MultitaskConfig check head_seed the bytes of os.urandom(8)", lambda d: MultitaskConfig(
        head_seed=_urandom()).check(), ["head_seed", "bytes"]),
    ("with_test_time inner_lr a spreadsheet error value #DIV/0!", lambda d: with_test_time(
        _small(), inner_lr="#DIV/0!"), ["inner_lr", "#DIV/0!"]),
    ("hyperparameters name a spreadsheet error value #NAME?", lambda d: hyperparameters(
        "#NAME?"), ["#NAME?"]),
    ("make_strategy meta_batch the infinity sign", lambda d: make_strategy(
        "maml", meta_batch=INF), ["meta_batch", INF]),
]

EVALUATE_CASES = [
    ("train seed the bytes of os.urandom(8)", lambda d: train(_small(), 2, _urandom()),
     ["seed", "bytes"]),
    ("train n_steps the infinity sign", lambda d: train(_small(), INF, 0),
     ["n_steps", INF]),
    ("train seed random.getstate() of the standard library's generator", lambda d: train(
        _small(), 2, random.Random(0).getstate()), ["seed", "tuple"]),
    ("evaluate n_steps a spreadsheet formula =10", lambda d: _evaluate_call(n_steps="=10"),
     ["n_steps", "=10"]),
    ("evaluate seed the bytes of os.urandom(8)", lambda d: _evaluate_call(seed=_urandom()),
     ["seed", "bytes"]),
    ("select_test_time candidates holding a spreadsheet error value #N/A", lambda d: _select(
        candidates=[0.01, "#N/A"]), ["candidates", "#N/A"]),
    ("held_out_tasks seed random.getstate() of the standard library's generator", lambda d:
        held_out_tasks(Sinusoid(), 2, 5, 5, seed=random.Random(0).getstate()),
     ["seed", "tuple"]),
    ("task_rng i the infinity sign", lambda d: task_rng(22, INF), ["i", INF]),
    ("select_test_time max_steps the infinity sign", lambda d: _select(max_steps=INF),
     ["max_steps", INF]),
    ("train checkpoint_every the infinity sign", lambda d: train(
        _small(), 2, 0, checkpoint=d / "run.npz", checkpoint_every=INF),
     ["checkpoint_every", INF]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint a macOS AppleDouble companion ._good.npz", lambda d: load_checkpoint(
        _apple(d, "._good.npz")), ["._good.npz"]),
    ("restore a macOS AppleDouble companion ._good.npz", lambda d: restore(
        _apple(d, "._good.npz")), ["._good.npz"]),
    ("train resume from a macOS AppleDouble companion ._run.npz", lambda d: train(
        _small(), 4, 0, checkpoint=_apple(d, "._run.npz"), resume=True), ["._run.npz"]),
    ("save_checkpoint path a file name longer than the file system allows", lambda d: _save(
        d, path=_long(d)), ["path", LONG[:40]]),
    ("save_checkpoint seed the bytes of os.urandom(8)", lambda d: _save(d, seed=_urandom()),
     ["seed", "bytes"]),
    ("save_checkpoint step the infinity sign", lambda d: _save(d, step=INF),
     ["step", INF]),
    ("save_checkpoint meta_losses holding a spreadsheet error value #N/A", lambda d: _save(
        d, meta_losses=[1.0, "#N/A"]), ["meta_losses", "#N/A"]),
    ("check_checkpoint_path a file name longer than the file system allows", lambda d:
        check_checkpoint_path(_long(d)), [LONG[:40]]),
    ("load_checkpoint a checkpoint whose meta/seed is the bytes of os.urandom(8)", lambda d:
        load_checkpoint(_damaged(d, "urandom_seed", _seed_urandom)), ["meta/seed"]),
    ("restore a checkpoint whose meta/step is the infinity sign", lambda d: restore(
        _damaged(d, "infinite_step", _step_infinity)), ["meta/step"]),
    ("restore a checkpoint whose meta/strategy has '(default)' after the name", lambda d:
        restore(_damaged(d, "default_strategy", _strategy_default)), ["meta/strategy"]),
    ("train resume a checkpoint name longer than the file system allows", lambda d: train(
        _small(), 4, 0, checkpoint=_long(d), resume=True), [LONG[:40]]),
]

NN_CASES = [
    ("MLP sizes a spreadsheet row holding #N/A", lambda d: MLP((1, "#N/A", 1)),
     ["sizes", "#N/A"]),
    ("MLP init rng the bytes of os.urandom(8)", lambda d: MLP((1, 4, 1)).init(_urandom()),
     ["rng", "bytes"]),
    ("MLP apply x a spreadsheet column of strings holding #N/A", lambda d: _m().apply(
        _p(), np.array([["1.0"], ["#N/A"]])), ["x", "#N/A"]),
    ("batch_norm eps a spreadsheet error value #NUM!", lambda d: batch_norm(
        np.ones((4, 3)), eps="#NUM!"), ["eps", "#NUM!"]),
    ("adam_update lr copied from a table with its '(default)'", lambda d: _adam(
        lr="0.001 (default)"), ["lr", "0.001 (default)"]),
    ("adam_update eps a spreadsheet formula =1e-8", lambda d: _adam(eps="=1e-8"),
     ["eps", "=1e-8"]),
    ("per_task n_tasks the infinity sign", lambda d: per_task(_p(), INF),
     ["n_tasks", INF]),
    ("MLP init rng random.getstate() of the standard library's generator", lambda d: MLP(
        (1, 4, 1)).init(random.Random(0).getstate()), ["rng", "tuple"]),
    ("batch_norm offset a spreadsheet row of #N/A", lambda d: batch_norm(
        np.ones((4, 3)), offset=np.array(["#N/A"] * 3)), ["offset", "#N/A"]),
    ("MLP activation a user's activation that calls sys.exit", lambda d: MLP(
        (1, 4, 1), activation=_exit_activation).apply(_p_small(), np.ones((5, 1))),
     ["activation", "_exit_activation"]),
]

TASK_CASES = [
    ("a user family whose target calls sys.exit, in held_out_tasks", lambda d:
        held_out_tasks(_family(target=_exit_target), 2, 5, 5), ["target", "_exit_target"]),
    ("a user family whose loss is NumPy's np.subtract, in train", _train_family(
        loss=staticmethod(np.subtract)), ["loss", "subtract"]),
    ("a user family whose metric is NumPy's np.isclose, in evaluate", lambda d:
        _evaluate_call(family=_family(metric=staticmethod(np.isclose))),
     ["metric", "isclose"]),
    ("a user family whose sample_params calls sys.exit, in train", _train_family(
        sample_params=_exit_params), ["sample_params", "_exit_params"]),
    ("Sinusoid phase with the string 'π' for its upper end", lambda d: Sinusoid(
        phase=(0.0, "π")), ["phase", "π"]),
    ("make_family sinusoid amplitude holding a spreadsheet error value #N/A", lambda d:
        make_family("sinusoid", amplitude=(0.1, "#N/A")), ["amplitude", "#N/A"]),
    ("SinusoidFrequency frequency with the infinity sign for its upper end", lambda d:
        SinusoidFrequency(frequency=(0.5, INF)), ["frequency", INF]),
    ("LinearRegression noise a spreadsheet formula =0.1", lambda d: LinearRegression(
        noise="=0.1"), ["noise", "=0.1"]),
    ("GaussianClusters spread a spreadsheet error value #DIV/0!", lambda d: GaussianClusters(
        spread="#DIV/0!"), ["spread", "#DIV/0!"]),
    ("Sinusoid sample rng the bytes of os.urandom(8)", lambda d: Sinusoid().sample(
        _urandom(), 2, 5, 5), ["rng", "bytes"]),
    ("a user family whose describe calls sys.exit, in train with a checkpoint", lambda d:
        train(make_strategy("maml", meta_batch=2, family=_family(describe=_exit_describe)),
              2, 0, checkpoint=d / "run.npz"), ["describe", "_exit_describe"]),
    ("accuracy logits a spreadsheet block of #N/A strings", lambda d: accuracy(
        np.full((2, 5, 3), "#N/A"), np.eye(3)[np.zeros((2, 5), int)]), ["logits", "#N/A"]),
]

OMNIGLOT_CASES = [
    ("omniglot load root whose background zip is a macOS AppleDouble file", lambda d: _load(
        _fake_root(d, _apple_background), d), ["images_background.zip"]),
    ("Omniglot n_way the infinity sign", lambda d: _omniglot(n_way=INF), ["n_way", INF]),
    ("Omniglot n_train a spreadsheet formula =1100", lambda d: _omniglot(n_train="=1100"),
     ["n_train", "=1100"]),
    ("Omniglot rotate a spreadsheet error value #N/A", lambda d: _omniglot(rotate="#N/A"),
     ["rotate", "#N/A"]),
    ("Omniglot sample rng the bytes of os.urandom(8)", lambda d: _omniglot().sample(
        _urandom(), 2, 1, 1), ["rng", "bytes"]),
    ("omniglot load root a folder name longer than the file system allows", lambda d:
        omniglot_data.load(_long(d, ""), cache_dir=d / "cache", progress=False),
     ["root", LONG[:40]]),
    ("finn_split n_validation the infinity sign", lambda d: finn_split(
        _data().alphabets, _data().characters, n_validation=INF), ["n_validation", INF]),
    ("Omniglot split copied from a table with its '(default)'", lambda d: _omniglot(
        split="train (default)"), ["split", "train (default)"]),
    ("Omniglot sample n_query a spreadsheet formula =5", lambda d: _omniglot().sample(
        _rng(), 2, 5, "=5"), ["n_query", "=5"]),
    ("omniglot load root whose evaluation zip is a macOS AppleDouble file", lambda d: _load(
        _apple_evaluation_root(d), d), ["images_evaluation.zip"]),
]


def _p_small():
    return MLP((1, 4, 1)).init(_rng())


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 2)."""
    return kept_cases(cases, (0, 2), DROPPED)


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


def test_the_seventyeighth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_seventyeighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
