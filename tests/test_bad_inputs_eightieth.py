"""An eightieth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 2b66c42, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (``maml``, ``anil``, ``subset``, ``multitask``, ``reptile``,
``ridge``, ``softmax_head``, ``adapt``, ``registry`` with ``STRATEGIES`` and ``FAMILIES``,
``checkpoint``, ``training``, ``evaluate``, ``closed_form``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; and the earlier batteries' ids, layout and shared helpers
(imported, not copied). After the first run, to judge the one silent case, one docstring was
read: ``datasets.omniglot.load`` (``cache_dir`` defaults to ``$SCRATCHMETA_DATA``). Not read:
the body of any validation code (``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``),
the library's source, its history, anything of /work/main. No ``__main__`` module was
imported; the command line runs through the shared helpers (``_train``, ``_evaluate``,
``_compare``). Every case writes only inside its temporary folder (checked after the runs: no
new file in the worktree but this one, no ``https:`` folder made anywhere).

Areas, as written: train on the command line (10), evaluate and compare (10), Chapter 2's
functions -- meta_loss, meta_grad, inner_sgd, reptile_step, ridge_fit, softmax_head,
newton_solve, subset_meta_loss, sgd_path, closed_form_meta_loss, anil_meta_loss (12);
strategies, configs and the registry -- make_strategy, MAMLConfig, ReptileConfig,
ClosedFormConfig, MultitaskConfig, with_test_time, hyperparameters (8); train, evaluate,
select_test_time, held_out_tasks and task_rng in the library (10); checkpoints --
load_checkpoint, restore, save_checkpoint, check_checkpoint_path, train resume (12);
nn/optim/batchnorm -- MLP sizes, activation and apply, batch_norm, adam_update, per_task (10);
task families, accuracy, make_family and a user's own family (12); Omniglot -- load, Omniglot,
sample, finn_split, SCRATCHMETA_DATA (10): 94.

Kinds of bad value (words found in no earlier id, except where said):
- SI (engineering) prefixes typed for milli and micro, ``10m``, ``1m``, ``100µ``, ``500m``
  (train --inner-lr, --meta-lr, --lam, --set inner_lr; reptile_step meta_lr, newton_solve lam,
  ReptileConfig meta_lr, select_test_time candidates, batch_norm eps and scale, adam_update lr,
  LinearRegression noise, SinusoidFrequency frequency); their cp1252 mojibake ``Âµ`` (train
  --meta-lr, closed_form_meta_loss lam, ClosedFormConfig lam, adam_update beta1);
- numbers in Indian lakh grouping, ``1,00,022`` and ``1,00,000`` (train --seed, --n-query,
  --steps; evaluate --seed, --query; compare --seed, --eval-seed; MultitaskConfig head_seed,
  train seed and n_steps, task_rng seed, save_checkpoint seed, MLP sizes, Omniglot sample
  n_support, a checkpoint's meta/step);
- NumPy 2's printed scalar ``np.int64(10)`` pasted as text (evaluate --steps, compare --query
  and --val-tasks; the one earlier id of this kind was ``train meta-batch``);
- NumPy string and bytes scalars, ``np.str_('2')`` and ``np.bytes_(b'0.01')`` (string
  scalars had earlier ids on other functions, see Repeats) and bytes-string arrays (dtype S3:
  MLP apply x, accuracy y_onehot);
- remote addresses where a local path is meant: an https URL, an ``s3://`` bucket address, an
  scp-style ``user@host:path`` (evaluate --checkpoint, train and compare --root with omniglot,
  load_checkpoint, restore, check_checkpoint_path, omniglot load root, SCRATCHMETA_DATA);
- files: the good checkpoint compressed with Python's lzma (load_checkpoint, train resume), a
  UTF-16 text file (restore, an Omniglot background zip), an lzma-compressed background zip,
  and a checkpoint whose meta/strategy holds the UTF-16 bytes of its name;
- user functions that misbehave: a loss, activation, family loss or sample_params returning a
  Python list; a loss that zeroes ``pred`` in place (inner_sgd, meta_grad, a family's loss in
  train); a loss, target or metric raising ``GeneratorExit`` (a BaseException).

Repeats: the 10,722 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (by a regex) were grepped, before the run, for each kind word
(0 hits for lakh, SI prefix, µ, mojibake, https, s3, scp, lzma, UTF-16, GeneratorExit,
np.bytes_, "NumPy 2 scalar repr"; ``xz``-compressed checkpoints and archives were earlier ids,
so lzma went to other functions than the ``good.npz.xz`` of evaluate) and no exact id repeats.
After the first run, a wider grep (for "NumPy string scalar" and "in place", which the first
grep had not tried) found two drafts that repeat an earlier id's substance: ``meta_grad
inner_lr a NumPy string scalar np.str_('0.01')`` (earlier: ``meta_grad inner_lr a NumPy string
scalar``) and ``meta_grad loss a user loss that zeroes pred in place`` (earlier: ``meta_grad
loss a user's loss writing into y in place``). Both are written-not-kept (indices 1 and 11 of
their area) and both were clear; as the rules allow no swap after the first run, they stay,
flagged here.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 55 of the 94.
After the first run no case was added, reordered or swapped.

Dropped: none. Corrected: none.

First run at 2b66c42 (under ``ulimit -v 8000000``): written, 89 of 94 clear (94.7%), 4
unclear, 1 silent, 0 data loss -- cli train 10/10, evaluate/compare 10/10, meta functions
11/12, strategies 8/8, evaluate and train 10/10, checkpoints 12/12, nn/optim/batchnorm 10/10,
task families 9/12, omniglot 9/10. Kept, 52 of 55 clear (94.5%), 2 unclear, 1 silent, 0 data
loss -- 6/6, 6/6, 6/7, 4/4, 6/6, 7/7, 6/6, 6/7, 5/6. Under pytest: 53 passed, 3 failed (the
three kept cases not clear; the wide-and-new test passes).

Not clear, kept:
- ``sgd_path loss a user loss raising GeneratorExit``: GeneratorExit (empty) passes through;
  neither loss nor ``_loss_generator_exit`` named.
- ``a user family whose metric raises GeneratorExit, in evaluate``: GeneratorExit (empty)
  passes through.
- ``SCRATCHMETA_DATA an https URL, omniglot train`` (silent): train --family omniglot ran to
  the end with no error and no warning, though ``load``'s docstring says the drawings are
  looked for in ``$SCRATCHMETA_DATA`` when no root is given (where the data came from is not
  known to this writer; nothing was written under an ``https:`` folder).

Not clear, written and not kept:
- ``a user family whose target raises GeneratorExit, in held_out_tasks``: GeneratorExit
  (empty) passes through.
- ``a user family whose sample_params returns a Python list, in train``: ValueError
  "UserFamily.sample_params must return an array with one row per task, shape (2, ...) for
  n_tasks=2, got [[4.73..., 2.08...], [2.11..., 2.01...]]" (names sample_params and shows the
  value's repr, but not the word list that the case's mentions require).

Measured on main at 2b66c42, the commit it was written at, blind: kept, 52 of 55 clear
(94.5%), 2 unclear, 1 silent, 0 data loss; written, 89 of 94 (94.7%). With the eighty-first
(49 of 60) the pair is 101 of 115 (87.8%), 6 silent. Round 54 (with sight of this file and
the eighty-first, so not blind): a GeneratorExit raised in a user's function is named as
sys.exit is; SCRATCHMETA_DATA read as the cache folder is checked as a folder path (a URL
refused). After it: 54 of 55 kept clear -- left, a strict xfail in ``NOT_CLEAR_YET``:
``SCRATCHMETA_DATA an https URL, omniglot train`` (with a root given, the cache folder is
only warned about); written, 92 of 94.

Corrected in round 55 (the eighty-second battery's writer found it): that last case is a
command line filed under the omniglot area, so the harness only made its argument list and
counted "silent" without running it; the reason the lead gave for it above was wrong. The
shared ``classify_case`` now runs such a case as the command line it is, and it is clear
(the URL refused by name): 55 of 55 kept clear; the measured 52 of 55 stands as measured.
"""

import lzma
import os
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
from test_bad_inputs_sixtysecond import DATA

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
MICRO = "\u00b5"                 # the micro sign, an SI prefix
MOJIBAKE_MICRO = "\u00c2\u00b5"  # the micro sign's UTF-8 bytes read as cp1252: "Âµ"
URL = "https://example.org/scratchmeta/good.npz"
S3 = "s3://my-bucket/runs/good.npz"
SCP = "user@cluster:runs/good.npz"


# --- files: lzma-compressed, UTF-16 text ----------------------------------------------------

def _lzma_of_good(folder, name):
    """The good checkpoint, compressed with Python's lzma module (the .lzma 'alone' format)."""
    path = folder / name
    path.write_bytes(lzma.compress(_good(folder).read_bytes(), format=lzma.FORMAT_ALONE))
    return path


def _utf16(folder, name):
    """A text file saved as UTF-16 (with its byte-order mark), as Windows Notepad does."""
    path = folder / name
    path.write_bytes("step,loss\n1,0.5\n".encode("utf-16"))
    return path


def _lzma_background(root, name):
    (root / name).write_bytes(lzma.compress(
        (REAL_DATA / "images_background.zip").read_bytes()[:200000], format=lzma.FORMAT_ALONE))


def _utf16_background(root, name):
    (root / name).write_bytes("images_background\n".encode("utf-16"))


# --- damaged checkpoints ---------------------------------------------------------------------

def _step_lakh(arrays):
    arrays["meta/step"] = np.array("1,00,000")


def _strategy_utf16(arrays):
    arrays["meta/strategy"] = np.array(str(arrays["meta/strategy"]).encode("utf-16"))


def _seed_si(arrays):
    arrays["meta/seed"] = np.array("22m")


# --- user functions that misbehave -----------------------------------------------------------

def _loss_list(pred, y):
    """A user's loss that returns a Python list holding the mean, not a number."""
    return [((pred - y) ** 2).mean()]


def _loss_mutates(pred, y):
    """A user's loss that zeroes the prediction it was given, in place, before using it."""
    pred[...] = 0
    return ((pred - y) ** 2).mean()


def _loss_generator_exit(pred, y):
    raise GeneratorExit


def _act_list(x):
    return list(x)


def _family_loss_list(pred, y):
    return [((pred - y) ** 2).mean()]


def _target_generator_exit(self, task_params, x):
    raise GeneratorExit


def _metric_generator_exit(pred, y):
    raise GeneratorExit


def _params_list(self, rng, n_tasks):
    """A user's sample_params that returns a Python list of per-task rows."""
    return Sinusoid.sample_params(self, rng, n_tasks).tolist()


def _train_family(**attrs):
    return lambda d: train(make_strategy("maml", meta_batch=2, family=_family(**attrs)), 2, 0)


def _loss_call(fn, loss=None, **kwargs):
    kwargs = {"inner_lr": 0.01, "inner_steps": 1, **kwargs}
    if loss is not None:
        kwargs["loss"] = loss
    return lambda d: fn(_p(), _b(), _m(), **kwargs)


def _omniglot(**kwargs):
    return Omniglot(kwargs.pop("n_way", 5), data=_data(), **kwargs)


def _https_data(d):
    return "https://example.org/datasets"


# --- the command line: (id, argv(folder), mentions[, env]) -----------------------------------

CLI_TRAIN_CASES = [
    ("train inner-lr with an SI prefix 10m, for milli", _train("--inner-lr", "10m"),
     ["--inner-lr", "10m"]),
    ("train meta-lr with an SI prefix 1m, for milli", _train("--meta-lr", "1m"),
     ["--meta-lr", "1m"]),
    ("train lam with an SI prefix 100µ, for micro", _train(
        "--strategy", "closed_form", "--lam", "100" + MICRO), ["--lam", "100" + MICRO]),
    ("train seed in Indian lakh grouping 1,00,022", _train("--seed", "1,00,022"),
     ["--seed", "1,00,022"]),
    ("train root of omniglot an s3:// bucket address", _train(
        "--family", "omniglot", "--root", "s3://my-bucket/omniglot"),
     ["--root", "s3://my-bucket/omniglot"]),
    ("train set inner_lr with an SI prefix 1m", _train("--set", "inner_lr=1m"),
     ["inner_lr", "1m"]),
    ("train n-query in Indian lakh grouping 1,00,000", _train("--n-query", "1,00,000"),
     ["--n-query", "1,00,000"]),
    ("train root of omniglot an scp-style address user@host:path", _train(
        "--family", "omniglot", "--root", "user@cluster:data/omniglot"),
     ["--root", "user@cluster:data/omniglot"]),
    ("train steps in Indian lakh grouping 1,00,000", _train("--steps", "1,00,000"),
     ["--steps", "1,00,000"]),
    ("train meta-lr a cp1252 mojibake of the micro sign 100Âµ", _train(
        "--meta-lr", "100" + MOJIBAKE_MICRO), ["--meta-lr", "100" + MOJIBAKE_MICRO]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint an https URL of the good checkpoint", lambda d: [
        "evaluate", "--checkpoint", URL, "--tasks", "4"], ["--checkpoint", URL]),
    ("evaluate checkpoint an s3:// bucket address", lambda d: [
        "evaluate", "--checkpoint", S3, "--tasks", "4"], ["--checkpoint", S3]),
    ("evaluate seed in Indian lakh grouping 1,00,022", _evaluate(_good, "--seed", "1,00,022"),
     ["--seed", "1,00,022"]),
    ("evaluate query in Indian lakh grouping 1,00,000", _evaluate(
        _good, "--query", "1,00,000"), ["--query", "1,00,000"]),
    ("evaluate steps a NumPy 2 scalar repr np.int64(10)", _evaluate(
        _good, "--steps", "np.int64(10)"), ["--steps", "np.int64(10)"]),
    ("compare seed in Indian lakh grouping 1,00,022", _compare("--seed", "1,00,022"),
     ["--seed", "1,00,022"]),
    ("compare eval-seed in Indian lakh grouping 1,00,023", _compare(
        "--eval-seed", "1,00,023"), ["--eval-seed", "1,00,023"]),
    ("compare root of omniglot an https URL", _compare(
        "--family", "omniglot", "--support", "5", "--query", "5", "--root",
        "https://example.org/omniglot"), ["--root", "https://example.org/omniglot"]),
    ("compare query a NumPy 2 scalar repr np.int64(100)", _compare(
        "--query", "np.int64(100)"), ["--query", "np.int64(100)"]),
    ("compare val-tasks a NumPy 2 scalar repr np.int64(4)", _compare(
        "--val-tasks", "np.int64(4)"), ["--val-tasks", "np.int64(4)"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_loss loss a user loss that returns a Python list", _loss_call(
        meta_loss, _loss_list), ["loss", "list"]),
    ("meta_grad inner_lr a NumPy string scalar np.str_('0.01')", _loss_call(
        meta_grad, inner_lr=np.str_("0.01")), ["inner_lr", "0.01"]),
    ("inner_sgd loss a user loss that zeroes pred in place", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, loss=_loss_mutates), ["loss", "_loss_mutates"]),
    ("reptile_step meta_lr with an SI prefix '10m'", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=2, meta_lr="10m"),
     ["meta_lr", "10m"]),
    ("ridge_fit lam a NumPy bytes scalar np.bytes_(b'0.1')", lambda d: ridge_fit(
        *_features(), np.bytes_(b"0.1")), ["lam", "bytes"]),
    ("softmax_head lam a NumPy string scalar np.str_('0.1')", lambda d: softmax_head(
        *_features(), np.str_("0.1")), ["lam", "0.1"]),
    ("newton_solve lam with an SI prefix '100µ'", lambda d: newton_solve(
        *_features(), "100" + MICRO), ["lam", "100" + MICRO]),
    ("subset_meta_loss subset_size a NumPy string scalar np.str_('2')", lambda d:
        subset_meta_loss(_p(), _b(), _m(), _rng(), subset_size=np.str_("2"), inner_lr=0.01,
                         inner_steps=1), ["subset_size", "'2'"]),
    ("sgd_path loss a user loss raising GeneratorExit", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=_loss_generator_exit),
     ["loss", "_loss_generator_exit"]),
    ("closed_form_meta_loss lam a cp1252 mojibake of the micro sign '1Âµ'", lambda d:
        closed_form_meta_loss(_p()[:2], _b(), _m(), lam="1" + MOJIBAKE_MICRO),
     ["lam", "1" + MOJIBAKE_MICRO]),
    ("anil_meta_loss inner_lr a NumPy bytes scalar np.bytes_(b'0.01')", _loss_call(
        anil_meta_loss, inner_lr=np.bytes_(b"0.01")), ["inner_lr", "bytes"]),
    ("meta_grad loss a user loss that zeroes pred in place", _loss_call(
        meta_grad, _loss_mutates), ["loss", "_loss_mutates"]),
]

STRATEGY_CASES = [
    ("make_strategy name a NumPy bytes scalar np.bytes_(b'maml')", lambda d: make_strategy(
        np.bytes_(b"maml")), ["name", "bytes"]),
    ("MAMLConfig check inner_steps a NumPy string scalar np.str_('5')", lambda d: MAMLConfig(
        inner_steps=np.str_("5")).check(), ["inner_steps", "'5'"]),
    ("ReptileConfig check meta_lr with an SI prefix '100m'", lambda d: ReptileConfig(
        meta_lr="100m").check(), ["meta_lr", "100m"]),
    ("ClosedFormConfig check lam a cp1252 mojibake of the micro sign '1Âµ'", lambda d:
        ClosedFormConfig(lam="1" + MOJIBAKE_MICRO).check(), ["lam", "1" + MOJIBAKE_MICRO]),
    ("MultitaskConfig check head_seed in Indian lakh grouping '1,00,022'", lambda d:
        MultitaskConfig(head_seed="1,00,022").check(), ["head_seed", "1,00,022"]),
    ("with_test_time inner_steps a NumPy bytes scalar np.bytes_(b'10')", lambda d:
        with_test_time(_small(), inner_steps=np.bytes_(b"10")), ["inner_steps", "bytes"]),
    ("hyperparameters name a NumPy bytes scalar np.bytes_(b'maml')", lambda d:
        hyperparameters(np.bytes_(b"maml")), ["name", "bytes"]),
    ("make_strategy meta_batch a NumPy string scalar np.str_('2')", lambda d: make_strategy(
        "maml", meta_batch=np.str_("2")), ["meta_batch", "'2'"]),
]

EVALUATE_CASES = [
    ("train n_steps a NumPy string scalar np.str_('2')", lambda d: train(
        _small(), np.str_("2"), 0), ["n_steps", "'2'"]),
    ("train seed in Indian lakh grouping '1,00,022'", lambda d: train(
        _small(), 2, "1,00,022"), ["seed", "1,00,022"]),
    ("train checkpoint_every a NumPy bytes scalar np.bytes_(b'1')", lambda d: train(
        _small(), 2, 0, checkpoint=d / "run.npz", checkpoint_every=np.bytes_(b"1")),
     ["checkpoint_every", "bytes"]),
    ("evaluate n_support a NumPy string scalar np.str_('5')", lambda d: _evaluate_call(
        n_support=np.str_("5")), ["n_support", "'5'"]),
    ("evaluate seed a NumPy bytes scalar np.bytes_(b'22')", lambda d: _evaluate_call(
        seed=np.bytes_(b"22")), ["seed", "bytes"]),
    ("select_test_time candidates with SI prefixes '10m' and '1m'", lambda d: _select(
        candidates=["10m", "1m"]), ["candidates", "10m"]),
    ("held_out_tasks n_tasks a NumPy string scalar np.str_('2')", lambda d: held_out_tasks(
        Sinusoid(), np.str_("2"), 5, 5), ["n_tasks", "'2'"]),
    ("task_rng seed in Indian lakh grouping '1,00,022'", lambda d: task_rng("1,00,022", 0),
     ["seed", "1,00,022"]),
    ("select_test_time max_steps a NumPy bytes scalar np.bytes_(b'1')", lambda d: _select(
        max_steps=np.bytes_(b"1")), ["max_steps", "bytes"]),
    ("train n_steps in Indian lakh grouping '1,00,000'", lambda d: train(
        _small(), "1,00,000", 0), ["n_steps", "1,00,000"]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint an https URL of the good checkpoint", lambda d: load_checkpoint(URL),
     [URL]),
    ("restore an s3:// bucket address", lambda d: restore(S3), [S3]),
    ("load_checkpoint the good checkpoint lzma-compressed as good.npz.lzma", lambda d:
        load_checkpoint(_lzma_of_good(d, "good.npz.lzma")), ["good.npz.lzma"]),
    ("restore a UTF-16 text file named run.npz", lambda d: restore(_utf16(d, "run.npz")),
     ["run.npz"]),
    ("restore an scp-style address user@host:path", lambda d: restore(SCP), [SCP]),
    ("save_checkpoint step a NumPy string scalar np.str_('1')", lambda d: _save(
        d, step=np.str_("1")), ["step", "'1'"]),
    ("save_checkpoint seed in Indian lakh grouping '1,00,022'", lambda d: _save(
        d, seed="1,00,022"), ["seed", "1,00,022"]),
    ("save_checkpoint meta_losses holding a NumPy bytes scalar", lambda d: _save(
        d, meta_losses=[np.bytes_(b"1.0")]), ["meta_losses", "bytes"]),
    ("check_checkpoint_path an https URL", lambda d: check_checkpoint_path(
        "https://example.org/runs/run.npz"), ["https://example.org/runs/run.npz"]),
    ("load_checkpoint a checkpoint whose meta/step is '1,00,000' in lakh grouping", lambda d:
        load_checkpoint(_damaged(d, "lakh_step", _step_lakh)), ["meta/step"]),
    ("restore a checkpoint whose meta/strategy is the UTF-16 bytes of its name", lambda d:
        restore(_damaged(d, "utf16_strategy", _strategy_utf16)), ["meta/strategy"]),
    ("train resume from the good checkpoint lzma-compressed as run.npz", lambda d: train(
        _small(), 4, 0, checkpoint=_lzma_of_good(d, "run.npz"), resume=True), ["run.npz"]),
]

NN_CASES = [
    ("MLP sizes holding a NumPy string scalar np.str_('4')", lambda d: MLP(
        (1, np.str_("4"), 1)), ["sizes", "'4'"]),
    ("MLP activation a user's activation that returns a Python list", lambda d: MLP(
        (1, 4, 1), activation=_act_list).apply(_p_small(), np.ones((5, 1))),
     ["activation", "list"]),
    ("batch_norm eps with an SI prefix '10µ'", lambda d: batch_norm(
        np.ones((4, 3)), eps="10" + MICRO), ["eps", "10" + MICRO]),
    ("adam_update lr with an SI prefix '1m'", lambda d: _adam(lr="1m"), ["lr", "1m"]),
    ("adam_update eps a NumPy bytes scalar np.bytes_(b'1e-8')", lambda d: _adam(
        eps=np.bytes_(b"1e-8")), ["eps", "bytes"]),
    ("per_task n_tasks a NumPy string scalar np.str_('2')", lambda d: per_task(
        _p(), np.str_("2")), ["n_tasks", "'2'"]),
    ("MLP apply x an array of bytes strings, dtype S3", lambda d: _m().apply(
        _p(), np.array([[b"1.0"], [b"2.0"]])), ["x", "S3"]),
    ("batch_norm scale a row of SI-prefixed strings '1m'", lambda d: batch_norm(
        np.ones((4, 3)), scale=np.array(["1m"] * 3)), ["scale", "1m"]),
    ("MLP sizes holding Indian lakh grouping '1,00,000'", lambda d: MLP(
        (1, "1,00,000", 1)), ["sizes", "1,00,000"]),
    ("adam_update beta1 a cp1252 mojibake of the micro sign '900Âµ'", lambda d: _adam(
        beta1="900" + MOJIBAKE_MICRO), ["beta1", "900" + MOJIBAKE_MICRO]),
]

TASK_CASES = [
    ("a user family whose loss returns a Python list, in train", _train_family(
        loss=staticmethod(_family_loss_list)), ["loss", "list"]),
    ("a user family whose target raises GeneratorExit, in held_out_tasks", lambda d:
        held_out_tasks(_family(target=_target_generator_exit), 2, 5, 5),
     ["target", "_target_generator_exit"]),
    ("Sinusoid amplitude with NumPy string scalars for its ends", lambda d: Sinusoid(
        amplitude=(np.str_("0.1"), np.str_("5.0"))), ["amplitude", "'0.1'"]),
    ("LinearRegression noise with an SI prefix '10m'", lambda d: LinearRegression(
        noise="10m"), ["noise", "10m"]),
    ("GaussianClusters spread a NumPy bytes scalar np.bytes_(b'1.0')", lambda d:
        GaussianClusters(spread=np.bytes_(b"1.0")), ["spread", "bytes"]),
    ("SinusoidFrequency frequency with an SI prefix '500m' for its lower end", lambda d:
        SinusoidFrequency(frequency=("500m", 2.0)), ["frequency", "500m"]),
    ("make_family name a NumPy bytes scalar np.bytes_(b'sinusoid')", lambda d: make_family(
        np.bytes_(b"sinusoid")), ["name", "bytes"]),
    ("a user family whose sample_params returns a Python list, in train", _train_family(
        sample_params=_params_list), ["sample_params", "list"]),
    ("accuracy y_onehot an array of bytes strings, dtype S3", lambda d: accuracy(
        np.zeros((2, 5, 3)), np.eye(3)[np.zeros((2, 5), int)].astype("S3")),
     ["y_onehot", "S3"]),
    ("Sinusoid sample n_support a NumPy string scalar np.str_('5')", lambda d:
        Sinusoid().sample(_rng(), 2, np.str_("5"), 5), ["n_support", "'5'"]),
    ("a user family whose metric raises GeneratorExit, in evaluate", lambda d:
        _evaluate_call(family=_family(metric=staticmethod(_metric_generator_exit))),
     ["metric", "_metric_generator_exit"]),
    ("a user family whose loss zeroes pred in place, in train", _train_family(
        loss=staticmethod(_loss_mutates)), ["loss", "_loss_mutates"]),
]

OMNIGLOT_CASES = [
    ("omniglot load root an https URL", lambda d: omniglot_data.load(
        "https://example.org/omniglot", cache_dir=d / "cache", progress=False),
     ["root", "https://example.org/omniglot"]),
    ("omniglot load root an s3:// bucket address", lambda d: omniglot_data.load(
        "s3://my-bucket/omniglot", cache_dir=d / "cache", progress=False),
     ["root", "s3://my-bucket/omniglot"]),
    ("Omniglot n_way a NumPy string scalar np.str_('5')", lambda d: _omniglot(
        n_way=np.str_("5")), ["n_way", "'5'"]),
    ("Omniglot n_train a NumPy bytes scalar np.bytes_(b'1100')", lambda d: _omniglot(
        n_train=np.bytes_(b"1100")), ["n_train", "bytes"]),
    ("omniglot load root whose background zip is lzma-compressed", lambda d: _load(
        _fake_root(d, _lzma_background), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is a UTF-16 text file", lambda d: _load(
        _fake_root(d, _utf16_background), d), ["images_background.zip"]),
    ("finn_split n_validation a NumPy string scalar np.str_('100')", lambda d: finn_split(
        _data().alphabets, _data().characters, n_validation=np.str_("100")),
     ["n_validation", "'100'"]),
    ("Omniglot sample n_support in Indian lakh grouping '1,00,000'", lambda d:
        _omniglot().sample(_rng(), 2, "1,00,000", 5), ["n_support", "1,00,000"]),
    ("Omniglot rotate a NumPy bytes scalar np.bytes_(b'True')", lambda d: _omniglot(
        rotate=np.bytes_(b"True")), ["rotate", "bytes"]),
    ("SCRATCHMETA_DATA an https URL, omniglot train", _train("--family", "omniglot"),
     [DATA, "https://example.org/datasets"], {DATA: _https_data}),
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
    the cases whose index i (from 0) has i % 5 not in (1, 2)."""
    return kept_cases(cases, (1, 2), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0].lower()


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_eightieth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_eightieth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
