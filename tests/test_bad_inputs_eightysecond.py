"""An eighty-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 775886c, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names (``dir``) and signatures of
``scratchmeta.meta``'s modules (``maml``, ``anil``, ``subset``, ``multitask``, ``reptile``,
``ridge``, ``softmax_head``, ``adapt``, ``registry`` with ``STRATEGIES`` and ``FAMILIES``,
``checkpoint``, ``training``, ``evaluate``, ``closed_form``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; and the earlier batteries' ids, layout and shared helpers
(imported, not copied). No library docstring was read, before or after the runs. Not
read: the body of any validation code (``checks.py``, ``_checks.py``, ``check_*``,
``protocol.py``, ``messages.py``), the library's source, its history, anything of
/work/main. No ``__main__`` module was imported; the command line runs through the shared
helpers (``_train``, ``_evaluate``, ``_compare``). Every case writes only inside its
temporary folder (checked after the runs: no new file in the worktree but this one, no file
named ``C:...`` made anywhere).

Areas, as written: train on the command line (10), evaluate and compare (10), Chapter 2's
functions -- meta_loss, meta_grad, inner_sgd, reptile_step, ridge_fit, softmax_head,
newton_solve, subset_meta_loss, sgd_path, closed_form_meta_loss, anil_meta_loss (12);
strategies, configs and the registry -- make_strategy, MAMLConfig, ReptileConfig,
ClosedFormConfig, MultitaskConfig, with_test_time, hyperparameters (8); train, evaluate,
select_test_time, held_out_tasks and task_rng in the library (10); checkpoints --
load_checkpoint, restore, save_checkpoint, train resume (12); nn/optim/batchnorm -- MLP sizes,
activation, dtype, batch_norm flag and apply, batch_norm, adam_update, per_task (10); task
families, accuracy, make_family and a user's own family (12); Omniglot -- load, Omniglot,
sample, finn_split, SCRATCHMETA_DATA (10): 94.

Kinds of bad value (words found in no earlier id):
- a UTF-8 byte-order mark (U+FEFF) left at the start of a value pasted from a file that
  Windows Notepad saved (train --inner-lr and --checkpoint-every, OMP_NUM_THREADS for
  evaluate, softmax_head lam, make_strategy name, train log_every, evaluate n_steps, MLP
  activation, batch_norm offset, SinusoidFrequency frequency, save_checkpoint step);
- ANSI terminal colour codes (``ESC[1;32m ... ESC[0m``) around a value copied from a coloured
  log (train --n-support, evaluate --seed, compare --adapt-steps, subset_meta_loss
  subset_size, with_test_time inner_lr, hyperparameters name, evaluate on_divergence,
  per_task n_tasks, make_family name, Omniglot split, save_checkpoint meta_losses);
- Rust typed literals, ``1e-3_f64``, ``1_u32``, ``2usize``, ``22_u64``, and Rust type names
  ``f64``/``f32`` for a dtype (train --meta-lr and --inner-steps, OPENBLAS_NUM_THREADS,
  compare --steps, meta_grad inner_lr, closed_form_meta_loss scale, train n_steps, evaluate
  chunk_size, select_test_time candidates, MLP sizes and dtype, LinearRegression scale,
  Sinusoid sample n_query, Omniglot n_way and dtype, save_checkpoint seed, a checkpoint's
  meta/step);
- Haskell type annotations, ``2 :: Int``, ``0.999 :: Double`` (train --steps, evaluate
  --steps, compare --query, newton_solve max_steps, make_strategy inner_steps, train seed,
  task_rng i, adam_update beta2, GaussianClusters n_way, finn_split n_train, a checkpoint's
  meta/seed);
- Mathematica's notation: ``1*^-3`` for 1e-3 and lists in braces ``{0.1, 5.0}`` (train --lam,
  evaluate --support, compare --val-seed, reptile_step meta_lr, MultitaskConfig head_inner_lr,
  evaluate n_query, batch_norm eps, Sinusoid x_range, make_family amplitude, Omniglot sample
  n_query);
- Scheme booleans ``#t``/``#f`` where a flag is meant (train --set first_order, meta_loss
  first_order, MAMLConfig first_order, ReptileConfig batched, ClosedFormConfig learn_lam, MLP
  batch_norm, Omniglot rotate);
- JavaScript's values: ``undefined`` and a BigInt literal ``22n`` (ridge_fit lam, adam_update
  lr, held_out_tasks seed, a lam in save_checkpoint's config); PyTorch's printed tensor,
  ``tensor([[1.0000], [2.0000]], dtype=torch.float64)``, pasted as text (MLP apply x,
  accuracy logits);
- Windows drive paths ``C:\\...`` where a path is read (train --root, evaluate --checkpoint,
  load_checkpoint, omniglot load root); the /proc pseudo-files (restore of /proc/self/status,
  omniglot load root /proc);
- files: Office Open XML documents (a Word .docx, an Excel .xlsx: zip files of XML parts,
  as an .npz is a zip file of .npy parts) saved under the checkpoint's or the Omniglot zip's
  name (evaluate --checkpoint, load_checkpoint, train resume, omniglot load, SCRATCHMETA_DATA),
  and checkpoints holding pickled object arrays (meta/config a dict, a state entry of Python
  floats);
- user functions that are wrong: SciPy's ``scipy.spatial.distance.sqeuclidean`` and
  ``cosine`` as a loss (1-D only: meta_loss, anil_meta_loss, a family's loss in train),
  ``np.allclose`` as a loss or metric (a Python bool: inner_sgd, a family's metric in
  evaluate); user functions raising a warning class as an exception (``RuntimeWarning``,
  ``UserWarning``: sgd_path loss, a family's target in held_out_tasks, a family's
  sample_params in train).

Repeats: the 11,129 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py``
and ``tests/sweep_bad_inputs_*.py`` (by a regex) were grepped, before any run, for each kind
word: 0 hits for BOM, byte-order, ANSI, escape, colour, \\x1b, Rust, f64, u32, usize, Haskell,
``::``, ``*^``, Scheme, ``#t``, ``#f``, JavaScript, undefined, BigInt, ``tensor(``, docx,
xlsx, Office, ``C:``, /proc, scipy.spatial, allclose, RuntimeWarning, UserWarning; the
"Mathematica" hits (11) are all "mathematical bold digit", and "Windows drive" has one, on
``figures only``. Four first drafts were replaced before any run, as they repeated earlier
ids' substance: complex long doubles (``np.clongdouble``) on ridge_fit lam, MLP apply x and
accuracy logits (earlier: ``ridge_fit lam complex``, ``MLP apply x complex``, ``accuracy
logits complex``, ``adam_update lr a complex NaN``) became JavaScript's values and PyTorch's
printed tensor; Mathematica's ``'Pi'`` for Sinusoid's phase (earlier: the string ``'π'`` for
its upper end) became a Mathematica list for x_range; and a 7-Zip archive under the
checkpoint's or zip's name (earlier: ``load_checkpoint a 7-Zip archive named .npz`` and three
more; the grep had looked for "7z") became Office documents. No exact id repeats (checked by
the script against the same list).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 55 of the 94.
After the first run no case was added, reordered or swapped.

Dropped: none. Corrected, after a run, two slips of this writer's (no mentions were changed):
- ``load_checkpoint an Excel workbook ... named good.npz`` (kept): the first run (kept cases
  only) classed it data loss, "changed or left behind: ['.../good.npz']", because the case
  itself wrote the workbook over the folder's good checkpoint, which the harness makes before
  every checkpoints case and watches. The workbook is now written in a subfolder
  (``_folder(d, "sheets")``); then it was clear. That first run: kept, 51 of 55 clear, 2
  unclear, 1 silent, 1 data loss (this case).
- ``Omniglot sample n_query in Mathematica's notation '1*^1'`` (written, not kept) passed
  ``n_support=1``, itself wrong for 5 ways, and the first written run refused that first:
  ValueError "n_support must be a multiple of n_way=5 (the same number of drawings of every
  class), got 1" (unclear: neither n_query nor ``1*^1`` named). Now ``n_support=5``; clear.

First run at 775886c (under ``ulimit -v 8000000``; the numbers after the first correction
above, the written ones after both): written, 86 of 94 clear (91.5%), 6 unclear, 2 silent, 0
data loss -- cli train 9/10, evaluate/compare 9/10, meta functions 12/12, strategies 8/8,
evaluate and train 10/10, checkpoints 9/12, nn/optim/batchnorm 10/10, task families 11/12,
omniglot 8/10 (before the second correction 85 of 94, omniglot 7/10). Kept, 52 of 55 clear
(94.5%), 2 unclear, 1 silent, 0 data loss -- 5/6, 6/6, 7/7, 4/4, 6/6, 7/7, 6/6, 7/7, 4/6.
Under pytest: 53 passed, 3 failed (the three kept cases not clear; the wide-and-new test
passes).

Not clear, kept:
- ``train root of omniglot a Windows drive path C:\\data\\omniglot`` (unclear): "error: --root
  must be an existing folder, got 'C:\\\\data\\\\omniglot': not a folder (it does not exist)" --
  one line naming --root, but the value is shown as a Python repr with its backslashes
  doubled, so the path as typed does not appear in it.
- ``omniglot load root a Windows drive path C:\\data\\omniglot`` (unclear): ValueError "root
  must be a folder holding images_background.zip and images_evaluation.zip or their extracted
  folders; 'C:\\\\data\\\\omniglot' is not a folder" -- the same doubled backslashes.
- ``SCRATCHMETA_DATA a Word document file, omniglot train`` (silent): most likely an artifact of
  this battery's layout, copied from the eightieth's ``SCRATCHMETA_DATA an https URL, omniglot
  train``: in the omniglot area (a library area) the shared ``classify_case`` calls the case's
  function, which only builds the argv list, so nothing is run and the case counts as "no
  error". The same command run by hand through ``run_cli`` with the same environment (in
  /dev/shm) exited 2 with one line: "error: SCRATCHMETA_DATA must be a folder, got
  '.../omniglot.docx', which is not a folder". The eightieth's silent case of that shape may
  be the same artifact.

Not clear, written and not kept:
- ``evaluate checkpoint a Windows drive path C:\\Users\\me\\runs\\good.npz`` (unclear): "error: no
  checkpoint at 'C:\\\\Users\\\\me\\\\runs\\\\good.npz' (--checkpoint); expected a .npz written by
  train" -- doubled backslashes again.
- ``load_checkpoint a Windows drive path C:\\Users\\me\\runs\\good.npz`` (unclear):
  MissingCheckpoint (caught by the classifier as a ValueError or TypeError) "no checkpoint
  at 'C:\\\\Users\\\\me\\\\runs\\\\good.npz': path must name a .npz that train wrote" (doubled
  backslashes).
- ``restore a checkpoint whose meta/config is a pickled dict (object array)`` (unclear):
  ValueError "refusing to load '.../pickled_config.npz': it holds pickled Python objects, and
  checkpoints are read with allow_pickle=False (plain numeric arrays only), so that loading
  one never runs code" -- clear in substance and names the file, but not the entry
  ``meta/config``.
- ``save_checkpoint config holding JavaScript's 'undefined' as lam`` (silent): the checkpoint
  was written with ``config={"lam": "undefined"}``, no error and no warning.
- ``a user family whose metric is np.allclose, in evaluate`` (unclear): TypeError
  "UserFamily.metric must return one real number per task, an array of shape (2,) for pred of
  shape (2, 5, 1), got bool False" -- names metric and what came back, not ``allclose``.
Measured by the lead on main at 775886c, the commit it was written at, blind, with the shared
``classify_case`` corrected first to run a command line filed under a library area (the
artifact this writer found; a harness fix, not a library one): kept, 53 of 55 clear (96.4%),
2 unclear (the Windows paths), 0 silent, 0 data loss; written, 87 of 94 (92.6%), 6 unclear,
1 silent. With the eighty-third (55 of 59) the pair is 108 of 114 (94.7%), 1 silent: just
under the goal. Round 55 (with sight of this file and the eighty-third, so not blind): a
text value holding backslashes is shown as typed, not as a repr that doubles them
(``messages.seen``, and the checkpoint and Omniglot messages that used ``!r``); the pickled
entry of a checkpoint is named; ``save_checkpoint`` refuses a config that ``load_checkpoint``
would call damaged (no strategy class and hyperparameters), and checks the recorded ones as
loading does; a user family's metric is named by its own name (``allclose``). After it: 55 of
55 kept clear, 94 of 94 written.
"""

import zipfile

import numpy as np
import pytest
import scipy.spatial.distance

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore
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
BOM = "\ufeff"                   # a UTF-8 byte-order mark, as Notepad writes it
GREEN, RED, RESET = "\x1b[1;32m", "\x1b[1;31m", "\x1b[0m"   # ANSI terminal colours
WIN_CKPT = "C:\\Users\\me\\runs\\good.npz"
WIN_ROOT = "C:\\data\\omniglot"
TORCH_REPR = "tensor([[1.0000], [2.0000]], dtype=torch.float64)"  # print(x) in PyTorch


def _ansi(text, colour=GREEN):
    """A value as a coloured terminal log prints it, escape codes and all."""
    return colour + text + RESET


# --- files: Office documents (zips of XML) under other names ---------------------------------

OFFICE_PARTS = {
    "word": ("word/document.xml", "application/vnd.openxmlformats-officedocument."
             "wordprocessingml.document.main+xml"),
    "excel": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument."
              "spreadsheetml.sheet.main+xml"),
}


def _office(path, kind="word"):
    """A minimal Office Open XML document (.docx or .xlsx): a zip holding XML parts."""
    part, content_type = OFFICE_PARTS[kind]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"><Override PartName="/'
                   f'{part}" ContentType="{content_type}"/></Types>')
        z.writestr(part, '<?xml version="1.0"?><document><body>inner_lr 0.01</body></document>')
    return path


def _word(folder, name):
    return _office(folder / name, "word")


def _excel(folder, name):
    return _office(folder / name, "excel")


def _folder(d, name):
    """A subfolder of the case's folder (so that a file made there replaces nothing)."""
    (d / name).mkdir(exist_ok=True)
    return d / name


def _word_background(root, name):
    _office(root / name, "word")


def _word_data(d):
    return str(_word(d, "omniglot.docx"))


# --- damaged checkpoints ---------------------------------------------------------------------

def _config_pickled(arrays):
    arrays["meta/config"] = np.array({"inner_lr": 0.01, "inner_steps": 1}, dtype=object)


def _state_pickled(arrays):
    key = next(k for k in arrays if not k.startswith("meta/"))
    arrays[key] = np.array(arrays[key].tolist(), dtype=object)


def _step_rust(arrays):
    arrays["meta/step"] = np.array("2usize")


def _seed_haskell(arrays):
    arrays["meta/seed"] = np.array("0 :: Int")


# --- user functions that are wrong -----------------------------------------------------------

def _loss_warning(pred, y):
    """A user's loss that raises a warning class as an exception."""
    raise RuntimeWarning("overflow in the user's loss")


def _target_warning(self, task_params, x):
    raise RuntimeWarning("overflow in the user's target")


def _params_warning(self, rng, n_tasks):
    raise UserWarning("the user's sample_params is deprecated")


def _train_family(**attrs):
    return lambda d: train(make_strategy("maml", meta_batch=2, family=_family(**attrs)), 2, 0)


def _loss_call(fn, loss=None, **kwargs):
    kwargs = {"inner_lr": 0.01, "inner_steps": 1, **kwargs}
    if loss is not None:
        kwargs["loss"] = loss
    return lambda d: fn(_p(), _b(), _m(), **kwargs)


def _omniglot(**kwargs):
    return Omniglot(kwargs.pop("n_way", 5), data=_data(), **kwargs)


def _p_small():
    return MLP((1, 4, 1)).init(_rng())


def _rust_threads(d):
    return "1_usize"


def _bom_threads(d):
    return BOM + "1"


# --- the command line: (id, argv(folder), mentions[, env]) -----------------------------------

CLI_TRAIN_CASES = [
    ("train inner-lr with a UTF-8 byte-order mark before 0.01", _train(
        "--inner-lr", BOM + "0.01"), ["--inner-lr", "0.01"]),
    ("train meta-lr a Rust typed literal 1e-3_f64", _train("--meta-lr", "1e-3_f64"),
     ["--meta-lr", "1e-3_f64"]),
    ("train steps a Haskell type annotation '2 :: Int'", _train("--steps", "2 :: Int"),
     ["--steps", "2 :: Int"]),
    ("train lam in Mathematica's notation 1*^-3", _train(
        "--strategy", "closed_form", "--lam", "1*^-3"), ["--lam", "1*^-3"]),
    ("train n-support wrapped in ANSI colour codes", _train(
        "--n-support", _ansi("10")), ["--n-support", "[1;32m10"]),
    ("train set first_order a Scheme boolean #t", _train("--set", "first_order=#t"),
     ["first_order", "#t"]),
    ("train inner-steps a Rust typed literal 1_u32", _train("--inner-steps", "1_u32"),
     ["--inner-steps", "1_u32"]),
    ("train with OPENBLAS_NUM_THREADS a Rust typed literal 1_usize", _train(),
     ["OPENBLAS_NUM_THREADS", "1_usize"], {"OPENBLAS_NUM_THREADS": _rust_threads}),
    ("train root of omniglot a Windows drive path C:\\data\\omniglot", _train(
        "--family", "omniglot", "--root", WIN_ROOT), ["--root", WIN_ROOT]),
    ("train checkpoint-every with a UTF-8 byte-order mark before 1", _train(
        "--checkpoint-every", BOM + "1"), ["--checkpoint-every"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint a Word document (.docx, a zip of XML) named good.npz", _evaluate(
        lambda d: _word(d, "good.npz")), ["--checkpoint", "good.npz"]),
    ("evaluate checkpoint a Windows drive path C:\\Users\\me\\runs\\good.npz", lambda d: [
        "evaluate", "--checkpoint", WIN_CKPT, "--tasks", "4"], ["--checkpoint", WIN_CKPT]),
    ("evaluate steps a Haskell type annotation '1 :: Int'", _evaluate(
        _good, "--steps", "1 :: Int"), ["--steps", "1 :: Int"]),
    ("evaluate support in Mathematica's notation 1*^1", _evaluate(
        _good, "--support", "1*^1"), ["--support", "1*^1"]),
    ("evaluate seed wrapped in ANSI colour codes", _evaluate(
        _good, "--seed", _ansi("22")), ["--seed", "[1;32m22"]),
    ("evaluate with OMP_NUM_THREADS a UTF-8 byte-order mark before 1", _evaluate(_good),
     ["OMP_NUM_THREADS"], {"OMP_NUM_THREADS": _bom_threads}),
    ("compare steps a Rust typed literal 2_u32", _compare("--steps", "2_u32"),
     ["--steps", "2_u32"]),
    ("compare query a Haskell type annotation '100 :: Int'", _compare(
        "--query", "100 :: Int"), ["--query", "100 :: Int"]),
    ("compare adapt-steps wrapped in ANSI colour codes", _compare(
        "--adapt-steps", _ansi("1")), ["--adapt-steps", "[1;32m1"]),
    ("compare val-seed in Mathematica's notation 1.1*^1", _compare(
        "--val-seed", "1.1*^1"), ["--val-seed", "1.1*^1"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_loss loss scipy.spatial.distance.sqeuclidean (1-D only)", _loss_call(
        meta_loss, scipy.spatial.distance.sqeuclidean), ["loss", "sqeuclidean"]),
    ("meta_grad inner_lr a Rust typed literal '1e-2_f64'", _loss_call(
        meta_grad, inner_lr="1e-2_f64"), ["inner_lr", "1e-2_f64"]),
    ("inner_sgd loss np.allclose, a Python bool", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, loss=np.allclose), ["loss", "allclose"]),
    ("reptile_step meta_lr in Mathematica's notation '1*^-1'", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=2, meta_lr="1*^-1"),
     ["meta_lr", "1*^-1"]),
    ("ridge_fit lam JavaScript's 'undefined'", lambda d: ridge_fit(
        *_features(), "undefined"), ["lam", "undefined"]),
    ("softmax_head lam with a UTF-8 byte-order mark before 0.1", lambda d: softmax_head(
        *_features(), BOM + "0.1"), ["lam", "0.1"]),
    ("newton_solve max_steps a Haskell type annotation '100 :: Int'", lambda d:
        newton_solve(*_features(), 0.1, max_steps="100 :: Int"),
     ["max_steps", "100 :: Int"]),
    ("subset_meta_loss subset_size wrapped in ANSI colour codes", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=_ansi("2"), inner_lr=0.01, inner_steps=1),
     ["subset_size", "[1;32m2"]),
    ("sgd_path loss a user loss raising RuntimeWarning as an exception", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=_loss_warning),
     ["loss", "_loss_warning"]),
    ("closed_form_meta_loss scale a Rust typed literal '1.0f64'", lambda d:
        closed_form_meta_loss(_p()[:2], _b(), _m(), lam=0.1, scale="1.0f64"),
     ["scale", "1.0f64"]),
    ("anil_meta_loss loss scipy.spatial.distance.cosine (1-D only)", _loss_call(
        anil_meta_loss, scipy.spatial.distance.cosine), ["loss", "cosine"]),
    ("meta_loss first_order a Scheme boolean '#f'", _loss_call(
        meta_loss, first_order="#f"), ["first_order", "#f"]),
]

STRATEGY_CASES = [
    ("make_strategy name with a UTF-8 byte-order mark before maml", lambda d: make_strategy(
        BOM + "maml"), ["name", "maml"]),
    ("MAMLConfig check first_order a Scheme boolean '#t'", lambda d: MAMLConfig(
        first_order="#t").check(), ["first_order", "#t"]),
    ("ReptileConfig check batched a Scheme boolean '#f'", lambda d: ReptileConfig(
        batched="#f").check(), ["batched", "#f"]),
    ("ClosedFormConfig check learn_lam a Scheme boolean '#t'", lambda d: ClosedFormConfig(
        learn_lam="#t").check(), ["learn_lam", "#t"]),
    ("MultitaskConfig check head_inner_lr in Mathematica's notation '1*^-2'", lambda d:
        MultitaskConfig(head_inner_lr="1*^-2").check(), ["head_inner_lr", "1*^-2"]),
    ("with_test_time inner_lr wrapped in ANSI colour codes", lambda d: with_test_time(
        _small(), inner_lr=_ansi("0.01")), ["inner_lr", "[1;32m0.01"]),
    ("hyperparameters name wrapped in ANSI colour codes", lambda d: hyperparameters(
        _ansi("maml")), ["name", "[1;32mmaml"]),
    ("make_strategy inner_steps a Haskell type annotation '1 :: Int'", lambda d:
        make_strategy("maml", inner_steps="1 :: Int"), ["inner_steps", "1 :: Int"]),
]

EVALUATE_CASES = [
    ("train n_steps a Rust typed literal '2_usize'", lambda d: train(
        _small(), "2_usize", 0), ["n_steps", "2_usize"]),
    ("train seed a Haskell type annotation '0 :: Int'", lambda d: train(
        _small(), 2, "0 :: Int"), ["seed", "0 :: Int"]),
    ("train log_every with a UTF-8 byte-order mark before 1", lambda d: train(
        _small(), 2, 0, log_every=BOM + "1"), ["log_every"]),
    ("evaluate n_query in Mathematica's notation '1*^1'", lambda d: _evaluate_call(
        n_query="1*^1"), ["n_query", "1*^1"]),
    ("evaluate on_divergence wrapped in ANSI colour codes", lambda d: _evaluate_call(
        on_divergence=_ansi("raise", RED)), ["on_divergence", "[1;31mraise"]),
    ("select_test_time candidates a Rust typed literal '1e-2_f64'", lambda d: _select(
        candidates=["1e-2_f64"]), ["candidates", "1e-2_f64"]),
    ("held_out_tasks seed a JavaScript BigInt literal '22n'", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, 5, seed="22n"), ["seed", "22n"]),
    ("task_rng i a Haskell type annotation '0 :: Int'", lambda d: task_rng(22, "0 :: Int"),
     ["i", "0 :: Int"]),
    ("evaluate chunk_size a Rust typed literal '100_usize'", lambda d: _evaluate_call(
        chunk_size="100_usize"), ["chunk_size", "100_usize"]),
    ("evaluate n_steps with a UTF-8 byte-order mark before 1", lambda d: _evaluate_call(
        n_steps=BOM + "1"), ["n_steps"]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint an Excel workbook (.xlsx, a zip of XML) named good.npz", lambda d:
        load_checkpoint(_excel(_folder(d, "sheets"), "good.npz")), ["good.npz"]),
    ("restore a checkpoint whose meta/config is a pickled dict (object array)", lambda d:
        restore(_damaged(d, "pickled_config", _config_pickled)), ["meta/config"]),
    ("load_checkpoint a Windows drive path C:\\Users\\me\\runs\\good.npz", lambda d:
        load_checkpoint(WIN_CKPT), [WIN_CKPT]),
    ("restore /proc/self/status, a pseudo-file", lambda d: restore("/proc/self/status"),
     ["/proc/self/status"]),
    ("save_checkpoint step with a UTF-8 byte-order mark before 1", lambda d: _save(
        d, step=BOM + "1"), ["step"]),
    ("save_checkpoint seed a Rust typed literal '22_u64'", lambda d: _save(
        d, seed="22_u64"), ["seed", "22_u64"]),
    ("save_checkpoint meta_losses holding ANSI-coloured strings", lambda d: _save(
        d, meta_losses=[_ansi("1.0")]), ["meta_losses", "[1;32m1.0"]),
    ("load_checkpoint a checkpoint whose meta/step is a Rust literal '2usize'", lambda d:
        load_checkpoint(_damaged(d, "rust_step", _step_rust)), ["meta/step"]),
    ("train resume from a Word document (.docx) named run.npz", lambda d: train(
        _small(), 4, 0, checkpoint=_word(d, "run.npz"), resume=True), ["run.npz"]),
    ("restore a checkpoint whose first state entry is a pickled object array", lambda d:
        restore(_damaged(d, "pickled_state", _state_pickled)), ["pickled_state.npz"]),
    ("load_checkpoint a checkpoint whose meta/seed is a Haskell annotation '0 :: Int'",
     lambda d: load_checkpoint(_damaged(d, "haskell_seed", _seed_haskell)), ["meta/seed"]),
    ("save_checkpoint config holding JavaScript's 'undefined' as lam", lambda d: _save(
        d, config={"lam": "undefined"}), ["lam", "undefined"]),
]

NN_CASES = [
    ("MLP sizes holding a Rust typed literal '40_usize'", lambda d: MLP(
        (1, "40_usize", 1)), ["sizes", "40_usize"]),
    ("MLP activation 'relu' with a UTF-8 byte-order mark before it", lambda d: MLP(
        (1, 4, 1), activation=BOM + "relu"), ["activation", "relu"]),
    ("batch_norm eps in Mathematica's notation '1*^-3'", lambda d: batch_norm(
        np.ones((4, 3)), eps="1*^-3"), ["eps", "1*^-3"]),
    ("adam_update lr JavaScript's 'undefined'", lambda d: _adam(lr="undefined"),
     ["lr", "undefined"]),
    ("adam_update beta2 a Haskell type annotation '0.999 :: Double'", lambda d: _adam(
        beta2="0.999 :: Double"), ["beta2", "0.999 :: Double"]),
    ("per_task n_tasks wrapped in ANSI colour codes", lambda d: per_task(
        _p(), _ansi("2")), ["n_tasks", "[1;32m2"]),
    ("MLP apply x the printed repr of a PyTorch tensor", lambda d: _m().apply(
        _p(), TORCH_REPR), ["x", "tensor("]),
    ("MLP dtype a Rust type name 'f64'", lambda d: MLP((1, 4, 1), dtype="f64"),
     ["dtype", "f64"]),
    ("MLP batch_norm a Scheme boolean '#t'", lambda d: MLP((1, 4, 1), batch_norm="#t"),
     ["batch_norm", "#t"]),
    ("batch_norm offset a row of strings with a UTF-8 byte-order mark", lambda d: batch_norm(
        np.ones((4, 3)), offset=np.array([BOM + "0"] * 3)), ["offset"]),
]

TASK_CASES = [
    ("a user family whose loss is scipy.spatial.distance.sqeuclidean, in train",
     _train_family(loss=staticmethod(scipy.spatial.distance.sqeuclidean)),
     ["loss", "sqeuclidean"]),
    ("a user family whose metric is np.allclose, in evaluate", lambda d: _evaluate_call(
        family=_family(metric=staticmethod(np.allclose))), ["metric", "allclose"]),
    ("Sinusoid x_range a Mathematica list '{-5, 5}'", lambda d: Sinusoid(
        x_range="{-5, 5}"), ["x_range", "{-5, 5}"]),
    ("LinearRegression scale a Rust typed literal '1.0_f64'", lambda d: LinearRegression(
        scale="1.0_f64"), ["scale", "1.0_f64"]),
    ("GaussianClusters n_way a Haskell type annotation '5 :: Int'", lambda d:
        GaussianClusters(n_way="5 :: Int"), ["n_way", "5 :: Int"]),
    ("SinusoidFrequency frequency with a UTF-8 byte-order mark before its lower end",
     lambda d: SinusoidFrequency(frequency=(BOM + "0.5", 2.0)), ["frequency", "0.5"]),
    ("make_family name wrapped in ANSI colour codes", lambda d: make_family(
        _ansi("sinusoid")), ["name", "[1;32msinusoid"]),
    ("a user family whose target raises RuntimeWarning, in held_out_tasks", lambda d:
        held_out_tasks(_family(target=_target_warning), 2, 5, 5),
     ["target", "_target_warning"]),
    ("accuracy logits the printed repr of a PyTorch tensor", lambda d: accuracy(
        TORCH_REPR, np.eye(3)[np.zeros((2, 5), int)]), ["logits", "tensor("]),
    ("Sinusoid sample n_query a Rust typed literal '5usize'", lambda d: Sinusoid().sample(
        _rng(), 2, 5, "5usize"), ["n_query", "5usize"]),
    ("a user family whose sample_params raises UserWarning, in train", _train_family(
        sample_params=_params_warning), ["sample_params", "_params_warning"]),
    ("make_family amplitude a Mathematica list '{0.1, 5.0}'", lambda d: make_family(
        "sinusoid", amplitude="{0.1, 5.0}"), ["amplitude", "{0.1, 5.0}"]),
]

OMNIGLOT_CASES = [
    ("omniglot load root a Windows drive path C:\\data\\omniglot", lambda d:
        omniglot_data.load(WIN_ROOT, cache_dir=d / "cache", progress=False),
     ["root", WIN_ROOT]),
    ("omniglot load root whose background zip is a Word document (a zip of XML)", lambda d:
        _load(_fake_root(d, _word_background), d), ["images_background.zip"]),
    ("Omniglot n_way a Rust typed literal '5_usize'", lambda d: _omniglot(
        n_way="5_usize"), ["n_way", "5_usize"]),
    ("Omniglot rotate a Scheme boolean '#t'", lambda d: _omniglot(rotate="#t"),
     ["rotate", "#t"]),
    ("omniglot load root /proc, the process pseudo-file system", lambda d:
        omniglot_data.load("/proc", cache_dir=d / "cache", progress=False),
     ["root", "/proc"]),
    ("Omniglot split wrapped in ANSI colour codes", lambda d: _omniglot(
        split=_ansi("train")), ["split", "[1;32mtrain"]),
    ("finn_split n_train a Haskell type annotation '1100 :: Int'", lambda d: finn_split(
        _data().alphabets, _data().characters, n_train="1100 :: Int"),
     ["n_train", "1100 :: Int"]),
    ("Omniglot sample n_query in Mathematica's notation '1*^1'", lambda d:
        _omniglot().sample(_rng(), 2, 5, "1*^1"), ["n_query", "1*^1"]),
    ("Omniglot dtype a Rust type name 'f32'", lambda d: _omniglot(dtype="f32"),
     ["dtype", "f32"]),
    ("SCRATCHMETA_DATA a Word document file, omniglot train", _train("--family", "omniglot"),
     [DATA, "omniglot.docx"], {DATA: _word_data}),
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


def test_the_eightysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_eightysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
