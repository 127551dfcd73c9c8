"""A fiftieth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 0ae2bd3, from the user's side only: the README; ``--help`` of ``python -m
scratchmeta`` and of ``train``, ``evaluate`` and ``compare``; the public names and signatures
of ``scratchmeta.meta``'s modules (``maml``, ``anil``, ``subset``, ``multitask``, ``reptile``,
``ridge``, ``softmax_head``, ``adapt``, ``registry`` with its ``STRATEGIES`` and ``FAMILIES``
names, ``checkpoint``, ``training``, ``evaluate``, ``closed_form``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; after the first run (to judge the misses only) the docstring of
``closed_form.closed_form_meta_loss``; and the earlier batteries' ids, layout and shared
helpers (imported, not copied), with the forty-eighth's and forty-ninth's ids (not in this
worktree; read, not imported). Not read: the body of any validation code (``checks.py``,
``_checks.py``, ``check_*``, ``protocol.py``), the library's source, its history, anything of
/work/main. No ``__main__`` module was imported; the command line runs through the shared
helpers (``_train``, ``_evaluate``, ``_compare``); every case writes only inside its temporary
folder (the pointer files, HTML pages, fake Omniglot roots and every ``cache_dir`` are made
there). Only the standard library, NumPy and SciPy are used.

Areas (the command line and Chapter 2's side; the engine, gradcheck, samplers, diagnostics,
testing kit, figures helpers and memory functions are another writer's), as written: train on
the command line (10), evaluate and compare (10), Chapter 2's functions -- meta_grad,
reptile_step, inner_sgd, subset_indices, sgd_path, ridge_fit, anil_meta_loss,
subset_meta_loss, fine_tune_tasks, closed_form_meta_loss, newton_solve (12), strategies,
their configs and the registry -- make_family, hyperparameters, default_model,
strategy_from_config, make_strategy, MAMLConfig, MultitaskConfig, ReptileConfig (8),
evaluate, select_test_time, held_out_tasks and train in the library (10), checkpoints (12),
nn/optim/batchnorm (10), task families, losses and a user's own family (12), Omniglot (10):
94.

Kinds of bad value, each grepped against the earlier ids on that function and argument:
- on the command line, numbers as a careless typist or a copy from notes gives them: a letter
  O for a zero (``1O``, ``O.01``, ``1OO``, ``4O``, ``6OO``: train --steps, --inner-lr,
  --checkpoint-every, --seed; evaluate --tasks, --query; compare --val-tasks), a lowercase l
  for a one (``l``, ``l0``, ``2l``: train --inner-steps; evaluate --support; compare
  --eval-seed), arithmetic left for the program to do (``1+1``, ``5*2``, ``10*10``, ``3+2``,
  ``2*2``, ``1+1``: train --meta-batch, --n-query, --log-every; evaluate --steps; compare
  --tasks, --adapt-steps) -- none of the three in any earlier id (letter O: 0 hits, lowercase
  l: 0, a sum or product: 0; the nearest are "written as a fraction 1/100" on other options
  and "a Greek letter lambda");
- files that are not what their name says, as a failed download or a clone without git-lfs
  leaves them: a Git LFS pointer file under a checkpoint's name (train --out with --resume,
  evaluate --checkpoint, library train with resume, load_checkpoint, restore) and in place of
  both Omniglot zips (train --family omniglot --root, omniglot load), a web server's HTML
  404 page under a checkpoint's name (evaluate --checkpoint, load_checkpoint, restore) and as
  images_background.zip, and the zips saved as a browser saves a second download
  (``images_background (1).zip``) -- no earlier id mentions LFS or HTML (0 hits each), and no
  browser-renamed zips;
- a user's placeholder loss left unfinished, returning the Python float 0.0 (meta_grad,
  reptile_step, sgd_path, anil_meta_loss, closed_form_meta_loss loss; a user family's loss in
  train) -- earlier ids on these functions: a loss returning NaN, a string, None,
  NotImplemented; "meta_loss a loss returning one number" is meta_loss, not these;
- a ``datetime.date`` (a calendar date; never in an earlier id: datetime.time and datetime64
  dates only) where a count or a number is meant (inner_sgd, fine_tune_tasks, MAMLConfig
  inner_steps; ridge_fit lam; newton_solve tol; ReptileConfig meta_batch; evaluate n_steps
  and chunk_size; train n_steps; save step, a config value and meta_losses; per_task
  n_tasks; MLP sizes; Sinusoid sample_params n_tasks; GaussianClusters spread; finn_split
  n_train; check_shots n_way) and as a user family's metric result;
- the standard library's ``random.Random`` where a NumPy generator or a seed is meant
  (subset_indices, subset_meta_loss, finn_init, MLP init, GaussianClusters sample and Omniglot
  sample rng; train, held_out_tasks and save seed) -- one earlier id, "sample rng a
  random.Random", so Sinusoid's and LinearRegression's sample were left out;
- a ``np.random.SeedSequence`` where a number, a seed or a count is meant (meta_grad
  inner_lr, evaluate seed, held_out_tasks n_query, Sinusoid sample rng, Omniglot n_train) --
  earlier only on MLP init, init_state, check_grads and the samplers' rng and train seed;
- a SciPy sparse CSR matrix where an array is meant (select_test_time candidates, save state
  weight and meta_losses, batch_norm h and scale, MLP apply x, adam_update grads,
  LinearRegression mean, SinusoidFrequency frequency, mse pred, accuracy logits, a user
  family's target) -- earlier only on the engine's and samplers' side;
- a member of the user's own ``enum.Enum`` (``Split.SINUSOID`` for "sinusoid") where its
  string is meant (make_family name, hyperparameters name, default_model family,
  MultitaskConfig head_init, evaluate on_divergence, MLP activation, Omniglot split,
  check_checkpoint_path path) -- earlier enum ids are on make_strategy name, ridge_fit form
  and numbers, not these;
- a ``types.SimpleNamespace`` where a mapping, a record, a family, a tree or the loaded data
  is meant (strategy_from_config record, make_strategy family, save config, adam_init params,
  cross_entropy y_onehot, Omniglot data) -- earlier only on the engine's and samplers' side;
- wrong units: Omniglot's quarter turns given in radians (earlier: 45 and 1, in degrees).
Mentions: the argument's name (the dashed option on the command line, the file's name for
files, the config key for a config value, the method's name for a user family) and the
value: the string as given (its repr for the lone ``l``), ``date``, ``Random``,
``SeedSequence``, ``sparse`` (the repr ``<Compressed Sparse Row sparse matrix ...>``),
``Split`` (``Where`` for the path), ``amespace`` (after the correction below), ``float`` for
the placeholder loss, ``1.57`` for the radians.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` here, and the forty-eighth's and forty-ninth's: 7,778 unique
id-like tuple heads by a regex at the start of each case tuple) were grepped for each kind's
words (letter O, lowercase l, expression, LFS, html, (1).zip, datetime.date, random.Random,
SeedSequence, sparse, Enum, SimpleNamespace, radian, returning a float) and for each
function and argument used; no draft id equals an earlier id. One draft, "load_checkpoint a
Git LFS pointer under another name", repeated this battery's own first checkpoint case and was
replaced before any run by "save meta_losses a list holding a datetime.date". All 94 were
written before any run.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (0, 2)`` were kept (``_kept``): 55 of the 94.
After the first run a case could only be dropped or corrected, never added or swapped.

Dropped: none (``closed_form_meta_loss``'s docstring, read for its silent case, does not make
a loss returning one number for all tasks valid; every other loss-taking function refuses it).
Corrected after the first run (mentions wrong in themselves; no call changed): (1) the six
SimpleNamespace cases asked for ``SimpleNamespace``, the type's name only, where the rules
accept the repr too; messages show ``namespace(...)`` or both, so the mention is now
``amespace`` (all six; strategy_from_config record, make_strategy family, save config and
adam_init params were unclear before, clear after; of them ``strategy_from_config record``
and ``save config`` are kept). (2) ``batch_norm scale a scipy sparse row`` (kept) asked for
``sparse`` (the repr's word) while its message names the type, ``(a csr_matrix)``: it now asks
for ``csr_matrix`` (clear then).

First run at 0ae2bd3 (about 2.3 s as a script), before the corrections: kept, 48 of 55 clear
(87.3%), 6 unclear (10.9%), 1 silent (1.8%), 0 data loss -- cli train 6/6, cli
evaluate/compare 6/6, meta functions 3/7, strategies 3/4, evaluate and train 6/6, checkpoints
7/7, nn/optim/batchnorm 5/6, task families 6/7, omniglot 6/6. Written, 80 of 94 clear
(85.1%), 13 unclear (13.8%), 1 silent (1.1%), 0 data loss -- 10/10, 10/10, 7/12, 6/8, 10/10,
11/12, 6/10, 10/12, 10/10. After the corrections: kept, 50 of 55 clear (90.9%), 4 unclear
(7.3%), 1 silent (1.8%), 0 data loss -- 6/6, 6/6, 3/7, 4/4, 6/6, 7/7, 6/6, 6/7, 6/6. Written,
85 of 94 clear (90.4%), 8 unclear (8.5%), 1 silent (1.1%), 0 data loss -- 10/10, 10/10, 7/12,
8/8, 10/10, 12/12, 8/10, 10/12, 10/10. Every command-line case, file case (LFS pointers, HTML
pages, browser-renamed zips) and Omniglot case was clear, and no checkpoint was lost. Under
pytest (3.5 s): 51 passed, 5 failed (the kept cases below).

Not clear, kept:
- ``reptile_step loss a placeholder returning the Python float 0.0``: unclear -- ValueError
  "loss must return one number per task, shape (2,) for targets of shape (2, 5, 1) (averaged
  over points and outputs, as scratchmeta.tasks.mse), got a result of shape () from <function
  _zero_loss ...>": names loss and the shape, never the value 0.0 or its type float.
- ``sgd_path loss a placeholder returning the Python float 0.0``: unclear -- the same message.
- ``anil_meta_loss loss a placeholder returning the Python float 0.0``: unclear -- the same.
- ``closed_form_meta_loss loss a placeholder returning the Python float 0.0``: silent -- no
  error; a meta-loss of 0.0 whatever the body.
- ``a user family whose target returns a scipy sparse matrix, in evaluate``: unclear --
  ValueError "UserFamily.target must return y of shape (tasks, points, n_outputs) = (1, 10,
  1) for x of shape (1, 10, 1), got shape (10, 1)": the shape, not the sparse matrix.
  Arguable: a sparse matrix is always 2-D, so the wrong shape comes with the kind.
Not clear, written and not kept:
- ``meta_grad loss a placeholder returning the Python float 0.0``: unclear -- the same message
  as reptile_step's above.
- ``batch_norm h a scipy sparse matrix``: unclear -- TypeError "sum: cannot apply to
  csr_matrix <Compressed Sparse Row sparse matrix ...>: x must be an array of real numbers,
  got csr_matrix ...": an inner op's x, not ``h``.
- ``adam_update grads a list of scipy sparse matrices``: unclear -- NumPy's ValueError "cannot
  copy from array of size 4 into an array of size 16": names neither grads nor the value.
- ``a user family whose loss is a placeholder returning 0.0, in train``: unclear -- ValueError
  "family.loss must return one number per task, shape (1,) for targets of shape (1, 1, 1)
  (...), got a result of shape () from <function _zero_loss ...>": no value or type.

Measured on main at 5c9b75b (e0285ca plus round 33, made with sight of the forty-eighth and
forty-ninth batteries only), blind: kept, 50 of 55 clear (90.9%), 4 unclear, 1 silent, 0 data
loss; written, 86 of 94 (91.5%), 7 unclear, 1 silent, 0 data loss. Round 34 (with sight of this
file and the fifty-first, so not blind): a loss that returns a Python number (a placeholder's
0.0, which cannot have been computed from pred with the engine's ops) is refused by its type
and value, in ``closed_form_meta_loss`` too; a family's target that returns no array is named
by its type (a SciPy sparse matrix shows as one); ``shape_of`` (``batch_norm``'s h) and Adam's
leaves name a sparse matrix. After it: all 55 kept and all 94 written clear.
"""

import datetime
import enum
import math
import random
import types

import numpy as np
import pytest
from scipy import sparse

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import check_checkpoint_path, load_checkpoint, restore
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import held_out_tasks, select_test_time
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad
from scratchmeta.meta.multitask import MultitaskConfig
from scratchmeta.meta.registry import (default_model, hyperparameters, make_family,
                                       make_strategy, strategy_from_config)
from scratchmeta.meta.reptile import ReptileConfig, fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve
from scratchmeta.meta.subset import subset_indices, subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_main, battery_params,
                                  kept_cases)
from test_bad_inputs_fifth import _evaluate_call, _features, _save
from test_bad_inputs_fourth import _maml, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _m, _p
from test_bad_inputs_twentyfourth import _data, _omni

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()

DT = "date"            # datetime.date(2026, 12, 2): a calendar date, not a count or a number
RR = "Random"          # random.Random(0): the standard library's generator, not NumPy's
SS = "SeedSequence"    # np.random.SeedSequence(0): entropy for a generator, not a seed int
SP = "sparse"          # a scipy.sparse CSR matrix (its type and its repr say "sparse")
NS = "amespace"       # types.SimpleNamespace (type SimpleNamespace, repr namespace(...))
EN = "Split"           # a member of the user's own enum.Enum class ``Split``, not its value


# --- objects the cases use -------------------------------------------------------------------

def _date():
    return datetime.date(2026, 12, 2)


def _pyrandom():
    return random.Random(0)


def _seedseq():
    return np.random.SeedSequence(0)


def _sp(a):
    return sparse.csr_matrix(np.asarray(a, dtype=float))


class Split(enum.Enum):
    """A user's own enum of names: its members are not the strings they hold."""
    TEST = "test"
    SINUSOID = "sinusoid"
    MAML = "maml"
    RELU = "relu"
    CLOSED_FORM = "closed_form"
    RAISE = "raise"


def _zero_loss(pred, y):
    """A user's placeholder loss, left unfinished: the Python float 0.0 whatever the input."""
    return 0.0


LFS_POINTER = ("version https://git-lfs.github.com/spec/v1\n"
               "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
               "size 3412345\n")
HTML_PAGE = ("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
             "<body><h1>Not Found</h1></body></html>\n")


def _file(d, name, text):
    path = d / name
    path.write_text(text)
    return path


def _lfs(d, name="pointer.npz"):
    """What ``git clone`` without git-lfs leaves in place of a checkpoint: a pointer file."""
    return _file(d, name, LFS_POINTER)


def _html(d, name="page.npz"):
    """A web server's error page saved under a checkpoint's name (a failed download)."""
    return _file(d, name, HTML_PAGE)


def _root_of(d, name, make):
    """An Omniglot root whose two zips are made by ``make(path)``."""
    root = d / name
    root.mkdir(exist_ok=True)
    for zip_name in ("images_background.zip", "images_evaluation.zip"):
        make(root / zip_name)
    return root


def _lfs_root(d):
    return _root_of(d, "lfsroot", lambda p: p.write_text(LFS_POINTER))


def _html_root(d):
    def make(p):
        if p.name == "images_background.zip":
            p.write_text(HTML_PAGE)
        else:
            p.write_bytes((REAL_DATA / p.name).read_bytes())
    return _root_of(d, "htmlroot", make)


def _browser_root(d):
    """The zips as a browser saves a second download: ``images_background (1).zip``."""
    root = d / "downloads"
    root.mkdir(exist_ok=True)
    for stem in ("images_background", "images_evaluation"):
        (root / f"{stem} (1).zip").write_bytes((REAL_DATA / f"{stem}.zip").read_bytes())
    return root


def _family(**attrs):
    return type("UserFamily", (Sinusoid,), attrs)()


def _sparse_target(self, task_params, x):
    return _sp(np.zeros(np.shape(x)[-2:]))


def _date_metric(self, pred, y):
    return _date()


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("train steps with a letter O for a zero", _train("--steps", "1O"), ["--steps", "1O"]),
    ("train inner-lr with a letter O for the leading zero", _train("--inner-lr", "O.01"),
     ["--inner-lr", "O.01"]),
    ("train meta-batch written as a sum", _train("--meta-batch", "1+1"),
     ["--meta-batch", "1+1"]),
    ("train inner-steps a lowercase l for a one", _train("--inner-steps", "l"),
     ["--inner-steps", "'l'"]),
    ("train n-query written as a product", _train("--n-query", "5*2"),
     ["--n-query", "5*2"]),
    ("train resume out a Git LFS pointer named .npz", lambda d: [
        "train", "--steps", "3", "--out", str(_lfs(d)), "--resume"], ["pointer.npz"]),
    ("train checkpoint-every with letters O for zeros", _train("--checkpoint-every", "1OO"),
     ["--checkpoint-every", "1OO"]),
    ("train log-every written as a product", _train("--log-every", "10*10"),
     ["--log-every", "10*10"]),
    ("train seed with a letter O for a zero", _train("--seed", "4O"), ["--seed", "4O"]),
    ("train omniglot root whose zips are Git LFS pointers", lambda d: [
        "train", "--family", "omniglot", "--root", str(_lfs_root(d)), "--steps", "2",
        "--meta-batch", "2", "--out", str(d / "run.npz")], ["images_background.zip"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint a Git LFS pointer named .npz", _evaluate(_lfs),
     ["--checkpoint", "pointer.npz"]),
    ("evaluate steps written as a sum", _evaluate(_good, "--steps", "3+2"),
     ["--steps", "3+2"]),
    ("evaluate tasks with letters O for zeros", lambda d: [
        "evaluate", "--checkpoint", str(_good(d)), "--tasks", "6OO"], ["--tasks", "6OO"]),
    ("evaluate checkpoint an HTML error page named .npz", _evaluate(_html),
     ["--checkpoint", "page.npz"]),
    ("evaluate support a lowercase l for a one", _evaluate(_good, "--support", "l0"),
     ["--support", "l0"]),
    ("compare tasks written as a product", lambda d: [
        "compare", "--steps", "2", "--tasks", "2*2", "--val-tasks", "4", "--adapt-steps", "1",
        "--strategies", "maml"], ["--tasks", "2*2"]),
    ("compare val-tasks with a letter O for a zero", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "1O", "--adapt-steps", "1",
        "--strategies", "maml"], ["--val-tasks", "1O"]),
    ("compare adapt-steps written as a sum", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--adapt-steps", "1+1",
        "--strategies", "maml"], ["--adapt-steps", "1+1"]),
    ("compare eval-seed a lowercase l for a one", _compare("--eval-seed", "2l"),
     ["--eval-seed", "2l"]),
    ("evaluate query with a letter O for a zero", _evaluate(_good, "--query", "1O"),
     ["--query", "1O"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_grad loss a placeholder returning the Python float 0.0", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=_zero_loss), ["loss", "float"]),
    ("reptile_step loss a placeholder returning the Python float 0.0", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=0.1, loss=_zero_loss),
     ["loss", "float"]),
    ("inner_sgd inner_steps a datetime.date", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=_date()), ["inner_steps", DT]),
    ("subset_indices rng a stdlib random.Random", lambda d: subset_indices(
        _pyrandom(), 2, 5, 2), ["rng", RR]),
    ("sgd_path loss a placeholder returning the Python float 0.0", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=_zero_loss), ["loss", "float"]),
    ("ridge_fit lam a datetime.date", lambda d: ridge_fit(*_features(), _date()),
     ["lam", DT]),
    ("anil_meta_loss loss a placeholder returning the Python float 0.0", lambda d:
        anil_meta_loss(_p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=_zero_loss),
     ["loss", "float"]),
    ("subset_meta_loss rng a stdlib random.Random", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _pyrandom(), subset_size=2, inner_lr=0.01, inner_steps=1),
     ["rng", RR]),
    ("fine_tune_tasks inner_steps a datetime.date", lambda d: fine_tune_tasks(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=_date()), ["inner_steps", DT]),
    ("closed_form_meta_loss loss a placeholder returning the Python float 0.0", lambda d:
        closed_form_meta_loss(_p()[:-2], _b(), _m(), lam=0.1, loss=_zero_loss),
     ["loss", "float"]),
    ("newton_solve tol a datetime.date", lambda d: newton_solve(
        *_features(), 0.1, tol=_date()), ["tol", DT]),
    ("meta_grad inner_lr a SeedSequence", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=_seedseq(), inner_steps=1), ["inner_lr", SS]),
]

STRATEGY_CASES = [
    ("make_family name a member of the user's enum", lambda d: make_family(Split.SINUSOID),
     ["name", EN]),
    ("hyperparameters name a member of the user's enum", lambda d: hyperparameters(
        Split.MAML), ["name", EN]),
    ("MAMLConfig check inner_steps a datetime.date", lambda d: MAMLConfig(
        inner_steps=_date()).check(), ["inner_steps", DT]),
    ("MultitaskConfig check head_init a member of the user's enum", lambda d:
        MultitaskConfig(head_init=Split.CLOSED_FORM).check(), ["head_init", EN]),
    ("strategy_from_config record a SimpleNamespace", lambda d: strategy_from_config(
        types.SimpleNamespace(strategy="maml", config={})), ["record", NS]),
    ("make_strategy family a SimpleNamespace of a family's methods", lambda d: make_strategy(
        "maml", family=types.SimpleNamespace(loss=mse, sample=Sinusoid().sample)),
     ["family", NS]),
    ("default_model family a member of the user's enum", lambda d: default_model(
        Split.SINUSOID), ["family", EN]),
    ("ReptileConfig check meta_batch a datetime.date", lambda d: ReptileConfig(
        meta_batch=_date()).check(), ["meta_batch", DT]),
]

EVALUATE_CASES = [
    ("evaluate seed a SeedSequence", lambda d: _evaluate_call(seed=_seedseq()),
     ["seed", SS]),
    ("evaluate n_steps a datetime.date", lambda d: _evaluate_call(n_steps=_date()),
     ["n_steps", DT]),
    ("train seed a stdlib random.Random", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, _pyrandom()), ["seed", RR]),
    ("evaluate on_divergence a member of the user's enum", lambda d: _evaluate_call(
        on_divergence=Split.RAISE), ["on_divergence", EN]),
    ("select_test_time candidates a scipy sparse row", lambda d: select_test_time(
        *_maml(), Sinusoid(), candidates=_sp([[0.01, 0.1]]), max_steps=1, n_tasks=2,
        n_support=5, n_query=5), ["candidates", SP]),
    ("held_out_tasks seed a stdlib random.Random", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, 5, seed=_pyrandom()), ["seed", RR]),
    ("train n_steps a datetime.date", lambda d: train(
        make_strategy("maml", meta_batch=2), _date(), 0), ["n_steps", DT]),
    ("evaluate chunk_size a datetime.date", lambda d: _evaluate_call(chunk_size=_date()),
     ["chunk_size", DT]),
    ("held_out_tasks n_query a SeedSequence", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, _seedseq()), ["n_query", SS]),
    ("train checkpoint a Git LFS pointer with resume", lambda d: train(
        make_strategy("maml", meta_batch=2), 3, 0, checkpoint=_lfs(d), resume=True),
     ["pointer.npz"]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint a Git LFS pointer named .npz", lambda d: load_checkpoint(_lfs(d)),
     ["pointer.npz"]),
    ("restore a Git LFS pointer named .npz", lambda d: restore(_lfs(d)), ["pointer.npz"]),
    ("load_checkpoint an HTML error page named .npz", lambda d: load_checkpoint(_html(d)),
     ["page.npz"]),
    ("save state a weight that is a scipy sparse matrix", lambda d: _save(
        d, state={"w": _sp(np.eye(2))}), ["w", SP]),
    ("save meta_losses a scipy sparse row", lambda d: _save(d, meta_losses=_sp([[1.0]])),
     ["meta_losses", SP]),
    ("save config a value that is a datetime.date", lambda d: _save(
        d, config={"started": _date()}), ["started", DT]),
    ("save step a datetime.date", lambda d: _save(d, step=_date()), ["step", DT]),
    ("save seed a stdlib random.Random", lambda d: _save(d, seed=_pyrandom()),
     ["seed", RR]),
    ("restore an HTML error page named .npz", lambda d: restore(_html(d)), ["page.npz"]),
    ("check_checkpoint_path path a member of the user's enum", lambda d:
        check_checkpoint_path(enum.Enum("Where", {"RUN": str(d / "c.npz")}).RUN),
     ["path", "Where"]),
    ("save config a SimpleNamespace", lambda d: _save(
        d, config=types.SimpleNamespace(inner_lr=0.01)), ["config", NS]),
    ("save meta_losses a list holding a datetime.date", lambda d: _save(
        d, meta_losses=[_date()]), ["meta_losses", DT]),
]

NN_CASES = [
    ("batch_norm h a scipy sparse matrix", lambda d: batch_norm(_sp(np.ones((4, 3)))),
     ["h", SP]),
    ("MLP apply x a scipy sparse column", lambda d: MLP((1, 4, 1)).apply(
        MLP((1, 4, 1)).init(_rng()), _sp(np.ones((5, 1)))), ["x", SP]),
    ("adam_update grads a list of scipy sparse matrices", lambda d: adam_update(
        [np.ones((2, 2))], [_sp(np.ones((2, 2)))], adam_init([np.ones((2, 2))]), 1e-3),
     ["grads", SP]),
    ("finn_init rng a stdlib random.Random", lambda d: finn_init(_pyrandom(), (1, 4, 1)),
     ["rng", RR]),
    ("MLP init rng a stdlib random.Random", lambda d: MLP((1, 4, 1)).init(_pyrandom()),
     ["rng", RR]),
    ("MLP activation a member of the user's enum", lambda d: MLP(
        (1, 4, 1), activation=Split.RELU), ["activation", EN]),
    ("per_task n_tasks a datetime.date", lambda d: per_task(_p(), _date()),
     ["n_tasks", DT]),
    ("adam_init params a SimpleNamespace of arrays", lambda d: adam_init(
        types.SimpleNamespace(w=np.ones(2), b=np.zeros(1))), ["params", NS]),
    ("batch_norm scale a scipy sparse row", lambda d: batch_norm(
        np.ones((4, 3)), scale=_sp(np.ones((1, 3)))), ["scale", "csr_matrix"]),
    ("MLP sizes a datetime.date among the sizes", lambda d: MLP((1, _date(), 1)),
     ["sizes", DT]),
]

TASK_CASES = [
    ("Sinusoid sample rng a SeedSequence", lambda d: Sinusoid().sample(_seedseq(), 2, 5, 5),
     ["rng", SS]),
    ("Sinusoid sample_params n_tasks a datetime.date", lambda d: Sinusoid().sample_params(
        _rng(), _date()), ["n_tasks", DT]),
    ("LinearRegression mean a scipy sparse row", lambda d: LinearRegression(
        mean=_sp([[1.0, 0.5]])), ["mean", SP]),
    ("SinusoidFrequency frequency a scipy sparse row", lambda d: SinusoidFrequency(
        frequency=_sp([[0.5, 2.0]])), ["frequency", SP]),
    ("GaussianClusters spread a datetime.date", lambda d: GaussianClusters(spread=_date()),
     ["spread", DT]),
    ("a user family whose loss is a placeholder returning 0.0, in train", lambda d: train(
        make_strategy("maml", meta_batch=2, family=_family(loss=staticmethod(_zero_loss))),
        2, 0), ["loss", "float"]),
    ("a user family whose target returns a scipy sparse matrix, in evaluate", lambda d:
        _evaluate_call(family=_family(target=_sparse_target)), ["target", SP]),
    ("a user family whose metric returns a datetime.date, in evaluate", lambda d:
        _evaluate_call(family=_family(metric=_date_metric)), ["metric", DT]),
    ("mse pred a scipy sparse column", lambda d: mse(_sp(np.ones((5, 1))), np.ones((5, 1))),
     ["pred", SP]),
    ("accuracy logits a scipy sparse matrix", lambda d: accuracy(
        _sp(np.eye(3)), np.eye(3)), ["logits", SP]),
    ("cross_entropy y_onehot a SimpleNamespace", lambda d: cross_entropy(
        np.zeros((3, 3)), types.SimpleNamespace(labels=[0, 1, 2])), ["y_onehot", NS]),
    ("GaussianClusters sample rng a stdlib random.Random", lambda d: GaussianClusters().sample(
        _pyrandom(), 2, 5, 5), ["rng", RR]),
]

OMNIGLOT_CASES = [
    ("omniglot load root whose zips are Git LFS pointers", lambda d: omniglot_data.load(
        _lfs_root(d), cache_dir=d / "cache", progress=False), ["images_background.zip"]),
    ("omniglot load root whose images_background.zip is an HTML page", lambda d:
        omniglot_data.load(_html_root(d), cache_dir=d / "cache", progress=False),
     ["images_background.zip"]),
    ("Omniglot rotate quarter turns in radians", lambda d: _omni(
        rotate=(0.0, math.pi / 2, math.pi, 3 * math.pi / 2)), ["rotate", "1.57"]),
    ("Omniglot split a member of the user's enum", lambda d: _omni(split=Split.TEST),
     ["split", EN]),
    ("Omniglot sample rng a stdlib random.Random", lambda d: _omni().sample(
        _pyrandom(), 2, 1, 5), ["rng", RR]),
    ("finn_split n_train a datetime.date", lambda d: finn_split(
        _data().alphabets, _data().characters, n_train=_date()), ["n_train", DT]),
    ("check_shots n_way a datetime.date", lambda d: check_shots(_date(), 2, 5, 5),
     ["n_way", DT]),
    ("omniglot load root with the zips as a browser renames a second download", lambda d:
        omniglot_data.load(_browser_root(d), cache_dir=d / "cache", progress=False),
     ["images_background.zip"]),
    ("Omniglot data a SimpleNamespace of the decoded arrays", lambda d: Omniglot(
        5, data=types.SimpleNamespace(images=_data().images, alphabets=_data().alphabets,
                                      characters=_data().characters,
                                      n_background=_data().n_background)), ["data", NS]),
    ("Omniglot n_train a SeedSequence", lambda d: _omni(n_train=_seedseq()),
     ["n_train", SS]),
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


def test_the_fiftieth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fiftieth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
