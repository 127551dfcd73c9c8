"""An eighty-sixth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 4a4cdef, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names (``__all__`` or ``dir``) and
signatures of ``scratchmeta.meta``'s modules (``maml``, ``anil``, ``subset``, ``reptile``,
``ridge``, ``softmax_head``, ``adapt``, ``registry``, ``checkpoint``, ``training``,
``evaluate``, ``closed_form``, ``multitask``, ``newton_head``, ``r2d2``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; the shapes a good ``Sinusoid`` returns (a good call); the
``meta/config`` text of a checkpoint that ``train`` wrote (to build the edited copies); and the
earlier batteries' ids, docstrings, layout and shared helpers (imported, not copied). No library
docstring was read, before or after the runs. Not read: the body of any validation code
(``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``, ``messages.py``), the library's
source, its history, anything of /work/main. No ``__main__`` module was imported; the command
line runs through the shared helpers (``_train``, ``_evaluate``, ``_compare``). Every case
writes only inside its temporary folder (checked after the runs: ``git status --short`` shows
this file only).

Areas, as written: train on the command line (10), evaluate and compare (10), Chapter 2's
functions -- meta_loss, meta_grad, inner_sgd, reptile_step, ridge_fit, softmax_head,
newton_solve, subset_meta_loss, sgd_path, closed_form_meta_loss, anil_meta_loss (12);
strategies, configs and the registry -- make_strategy, hyperparameters, MAMLConfig,
ReptileConfig, MultitaskConfig, with_test_time (8); train, evaluate, select_test_time,
held_out_tasks and task_rng in the library (10); checkpoints -- load_checkpoint, restore,
save_checkpoint, train resume, files edited from a good checkpoint (12); nn/optim/batchnorm --
MLP sizes, activation, batch_norm flag and dtype, batch_norm eps and scale, adam_update
beta1, beta2 and eps, per_task (10); task families, make_family and a user's own family (12);
Omniglot -- Omniglot, sample, finn_split, omniglot.load roots, SCRATCHMETA_DATA (10): 94.

Kinds of bad value (words found in no earlier id):
- hyperparameter-search spaces of other tools where one value is meant: a Weights & Biases
  sweep parameter ``{'values': [...]}`` (train --set inner_lr, meta_loss inner_lr, train
  n_steps, MLP sizes, batch_norm scale, Omniglot n_way), a W&B constant ``{'value': x}``
  (meta_grad inner_lr, make_strategy inner_lr, train seed), a W&B distribution or range dict
  ``{'distribution': 'log_uniform_values', 'min', 'max'}`` / ``{'min', 'max'}`` (ridge_fit lam,
  MultitaskConfig lam, evaluate --tasks, Sinusoid amplitude, make_family x_range), a W&B run
  history dict (save_checkpoint meta_losses), a W&B artifact reference ``me/maml/run-3:v2``
  (evaluate --checkpoint, load_checkpoint) and a sweep dict inside a checkpoint's config
  (restore); a Ray Tune ``{'grid_search': [...]}`` (train --lam, meta_grad inner_steps,
  subset_meta_loss subset_size, make_strategy meta_batch, select_test_time candidates and
  max_steps, save_checkpoint seed, adam_update beta2, GaussianClusters dim, finn_split
  n_train) and ``tune.choice([...])`` (compare --family); Optuna ``trial.suggest_*`` calls
  (train --meta-lr, evaluate --seed, softmax_head lam, adam_update eps); a Hyperopt
  ``hp.quniform`` (evaluate --query); an MLflow run URI ``runs:/.../model`` (evaluate
  --checkpoint, load_checkpoint);
- YAML spellings read as text: YAML 1.1 booleans ``off``/``on``, which a lax ``bool()`` reads
  as True (train --set first_order and batched, anil_meta_loss first_order, MAMLConfig
  first_order, ReptileConfig batched, evaluate on_divergence, MLP batch_norm, Omniglot
  rotate), YAML's null ``~`` (train --inner-lr, evaluate --steps, reptile_step inner_steps,
  task_rng seed, save_checkpoint step, MLP activation, LinearRegression noise, Omniglot
  split), YAML's ``.inf``/``.nan`` (train --steps, compare --adapt-steps, newton_solve
  max_steps, evaluate n_tasks, train log_every, batch_norm eps, adam_update beta1, Omniglot
  n_validation) and a tagged ``!!float`` (train --set meta_lr, closed_form_meta_loss scale,
  MLP dtype, Omniglot dtype);
- INI files: a section header ``[maml]`` as a name (compare --strategies, hyperparameters,
  make_family) and a value with its ``; comment`` kept, as configparser keeps it (inner_sgd
  and sgd_path inner_lr, with_test_time inner_lr, make_strategy name, held_out_tasks seed,
  evaluate n_steps, per_task n_tasks, GaussianClusters spread, Omniglot sample n_query,
  load_checkpoint path, SCRATCHMETA_DATA);
- other command lines' flag habits: a negated flag ``--no-resume``/``--no-quick`` and a
  store_true flag given ``=yes`` (train --force);
- files: a checkpoint whose meta/config JSON is nested 100,000 deep, one re-zipped with
  backslashes in its member names, one whose first weight's .npy header claims 10**10 values
  the member does not hold (a zip bomb's header), one zero-filled as a power loss leaves it
  (restore, train resume); an Omniglot root holding GitHub's ``omniglot-master.zip`` and one
  whose zips a browser saved as ``images_background (1).zip``;
- a user's family that breaks its own contract in new ways: sample_params drawing from NumPy's
  global state and sample_x from a generator shared across calls (not the generator given:
  held-out tasks no longer follow the seed), make_batch returning one task more than asked,
  reusing the support set as the query set, giving y_support two columns for a one-output
  model, and a metric returning twice as many values as tasks.

Repeats: the 11,301 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py``
and ``tests/sweep_bad_inputs_*.py`` (by a regex) and their 149 module docstrings were grepped,
before any run, for each kind word: 0 hits in the ids for ``'values'``, grid_search, suggest,
optuna, hyperopt, wandb, mlflow, ``runs:/``, ``'.nan'``, ``'.inf'``, ``!!float``, ``~``,
``=off``, ``=on``, ``[maml]``, ``; ``, store_true, ``--no-``, ``--force``, master, ``(1)``,
BOM, crc, bomb, ``global``, "one task more", "query set". Drafts dropped before any run
because the grep found their substance: spreadsheet values (``#N/A``, ``=0.01``, ``TRUE``),
unit suffixes (``10k``, SI prefixes), TOML configs and dates, the string ``'yes'`` as a bool,
store_true flags given a value on compare/figures (``--force=yes`` on train was kept),
``/dev/zero`` and other devices, symlink loops, named pipes and sockets, bit flips,
concatenated checkpoints, a member twice, NaN in meta/config, bzip2 members, RGB and JPEG
Omniglot PNGs, empty extracted folders, float16 and integer targets. No exact id repeats
(checked by a script against the same list).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 55 of the 94.
After the first run no case was added, reordered, swapped or reworded. Dropped: none.
Corrected: none. Doubtful, left to the lead: ``make_batch reuses the support set as the query
set`` is a user's leakage fault that passes every shape check (with n_support == n_query); a
library may not be expected to catch it.

First run at 4a4cdef (under ``ulimit -v 8000000``): written, 88 of 94 clear (93.6%), 3
unclear, 3 silent, 0 data loss -- cli train 10/10, evaluate/compare 10/10, meta functions
12/12, strategies 8/8, evaluate and train 10/10, checkpoints 10/12, nn/optim/batchnorm 10/10,
task families 8/12, omniglot 10/10. Kept, 51 of 55 clear (92.7%), 2 unclear, 2 silent, 0 data
loss -- 6/6, 6/6, 7/7, 4/4, 6/6, 6/7, 6/6, 4/7, 6/6. Under pytest: 52 passed, 4 failed (the
four kept cases not clear; the wide-and-new test passes).

Not clear, kept:
- ``load_checkpoint a weight whose .npy header claims 10**10 values (a zip bomb's header)``
  (unclear): ValueError "'.../bomb.npz' is not a readable checkpoint: Unable to allocate 74.5
  GiB for an array with shape (10000000000,) and data type float64" -- names the file but
  not the entry (state/params/0), and it tries the allocation instead of seeing that the
  header's shape disagrees with the member's 16 bytes; on a machine with the memory it would
  read on.
- ``a user family whose sample_params draws from NumPy's global state, in held_out_tasks``
  (silent): no error; the held-out tasks no longer follow the seed given.
- ``a user family whose make_batch reuses the support set as the query set, in evaluate``
  (silent): no error; the query error is measured on the support points (see the doubt above).
- ``a user family whose make_batch gives y_support two columns for a one-output model``
  (unclear): ValueError "batch does not fit the strategy: batch.y_support has shape (2, 10,
  2), expected (tasks, points, 1) to match the outputs of the family 'sinusoid'" -- does not
  name make_batch (the user's method that made it) and calls the user's family 'sinusoid'.

Not clear, written and not kept:
- ``restore a checkpoint whose meta/config JSON is nested 100,000 deep`` (unclear): a bare
  RecursionError "maximum recursion depth exceeded while decoding a JSON array from a unicode
  string", naming neither the file nor meta/config.
- ``a user family whose sample_x draws from a generator shared across calls, in
  held_out_tasks`` (silent): no error.

Clear but worth a look: ``SCRATCHMETA_DATA with an INI inline comment kept`` names the value
and the variable, but not the comment as the fault ("no images_background.zip in
'/tmp/shared/data/omniglot ; the official zips/omniglot'").

Measured on main at 4a4cdef, the commit it was written at, blind (the lead reran it there):
kept, 51 of 55 clear (92.7%), 2 unclear, 2 silent, 0 data loss; written, 88 of 94. With the
eighty-seventh (56 of 59 kept) the pair is 107 of 114 (93.9%), 3 silent, 0 data loss: under
the goal of 95%. The lead judged the doubtful case (a query set that is the support set) a
bad input: nothing a user means by evaluation measures the error on the points adapted to.
Round 57 (with sight of this file and the eighty-seventh, so not blind): ``load_checkpoint``
reads each ``.npy`` header first and names an entry that claims more bytes than it holds,
before NumPy allocates them; a ``meta/config`` nested past Python's recursion limit is named
as damage; a user's family method given ``rng`` that draws from another source (NumPy's
global state, a generator its instance, module or closure holds) is named, as the same seed
would give other tasks; its ``make_batch`` is named where it returns targets wider than
``n_outputs`` or a query set equal to its support set; an Omniglot folder whose path holds
' ; ' or ' #' after a blank says a config file's comment may have come with it. After it: 55
of 55 kept clear, 94 of 94 written.
"""

import io
import os
import warnings
import zipfile

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.multitask import MultitaskConfig
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import ReptileConfig, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fifth import _adam, _evaluate_call, _features, _select
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _m, _p
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_fiftysecond import _family
from test_bad_inputs_sixtysixth import _small
from test_bad_inputs_sixtysecond import DATA
from test_bad_inputs_eightyfourth import _loss_call, _omniglot, _train_family

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()

# Values as other tools write them (the kinds of this battery).
WB_VALUES = {"values": [0.01, 0.1]}              # a Weights & Biases sweep parameter
WB_VALUE = {"value": 0.01}                       # a W&B sweep constant
WB_RANGE = {"distribution": "log_uniform_values", "min": 1e-4, "max": 1e-1}
TUNE_GRID = {"grid_search": [1, 2]}              # a Ray Tune search space
OPTUNA = "trial.suggest_float('inner_lr', 1e-4, 1e-1, log=True)"
INI = " ; from the [maml] section"               # an INI inline comment, kept by configparser


# --- files the cases use --------------------------------------------------------------------

def _folder(d, name):
    (d / name).mkdir(exist_ok=True)
    return d / name


def _rewrite(d, name, change):
    """A copy of the good checkpoint's zip with ``change(members)`` applied to its
    list of (member name, bytes)."""
    with zipfile.ZipFile(_good(d)) as src:
        members = [(i.filename, src.read(i)) for i in src.infolist()]
    members = change(members)
    path = d / name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # zipfile warns of a duplicate name
        with zipfile.ZipFile(path, "w") as dst:
            for member, data in members:
                dst.writestr(member, data)
    return path


def _windows_names(members):
    """Re-zipped by a Windows tool that writes backslashes in member names."""
    return [(m.replace("/", "\\"), data) for m, data in members]


def _bomb_header(members):
    """The first weight's .npy header claims 10**10 float64 values; the member holds 16 bytes."""
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buf, {"descr": "<f8", "fortran_order": False, "shape": (100000, 100000)})
    return [(m, buf.getvalue() + bytes(16) if m == "state/params/0.npy" else data)
            for m, data in members]


def _deep_config(arrays):
    arrays["meta/config"] = np.array("[" * 100000 + "]" * 100000)


def _sweep_in_config(arrays):
    text = str(arrays["meta/config"])
    arrays["meta/config"] = np.array(text.replace('"inner_lr": 0.01',
                                                  '"inner_lr": {"values": [0.01, 0.1]}'))


def _zero_filled(d, name="zeroed.npz"):
    """What a power loss can leave: the file's size, all its bytes zero."""
    path = d / name
    path.write_bytes(bytes(len(_good(d).read_bytes())))
    return path


def _save_good(d, **changes):
    """save_checkpoint of the good checkpoint's own contents, with ``changes``."""
    ck = load_checkpoint(_good(d))
    kwargs = {"step": ck.step, "seed": ck.seed, "config": ck.config,
              "meta_losses": ck.meta_losses, **changes}
    return save_checkpoint(d / "s.npz", ck.state, **kwargs)


def _github_zip(d):
    """The folder where a user saved GitHub's 'Download ZIP' of brendenlake/omniglot."""
    root = _folder(d, "downloads")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w"):
        pass
    with zipfile.ZipFile(root / "omniglot-master.zip", "w") as z:
        z.writestr("omniglot-master/python/images_background.zip", inner.getvalue())
        z.writestr("omniglot-master/python/images_evaluation.zip", inner.getvalue())
    return root


def _browser_copies(d):
    """The zips saved a second time by a browser: 'images_background (1).zip', ..."""
    root = _folder(d, "omniglot")
    for name in ("images_background", "images_evaluation"):
        os.symlink(REAL_DATA / f"{name}.zip", root / f"{name} (1).zip")
    return root


def _ini_data(d):
    return ROOT + " ; the official zips"       # configparser keeps an inline comment


# --- a user's task family that breaks its own contract ----------------------------------------

_SHARED = np.random.default_rng(0)              # one generator, shared by every call


def _global_params(self, rng, n_tasks):
    """Draws from NumPy's global random state, not from the generator given."""
    return Sinusoid.sample_params(self, np.random.default_rng(np.random.randint(2 ** 31)),
                                  n_tasks)


def _shared_x(self, rng, task_params, n_points):
    """Draws from a module-level generator shared across calls, not from the one given."""
    return Sinusoid.sample_x(self, _SHARED, task_params, n_points)


def _one_task_more(self, rng, task_params, n_support, n_query):
    b = Sinusoid.make_batch(self, rng, task_params, n_support, n_query)
    return TaskBatch(*(np.concatenate([a, a[:1]]) for a in
                       (b.x_support, b.y_support, b.x_query, b.y_query)))


def _query_is_support(self, rng, task_params, n_support, n_query):
    b = Sinusoid.make_batch(self, rng, task_params, n_support, n_query)
    return TaskBatch(b.x_support, b.y_support, b.x_support, b.y_support)


def _two_columns(self, rng, task_params, n_support, n_query):
    b = Sinusoid.make_batch(self, rng, task_params, n_support, n_query)
    return TaskBatch(b.x_support, np.concatenate([b.y_support, b.y_support], axis=-1),
                     b.x_query, b.y_query)


def _metric_doubled(self, pred, y):
    v = Sinusoid.metric(self, pred, y)
    return np.concatenate([v, v])


# --- the command line: (id, argv(folder), mentions[, env]) -----------------------------------

CLI_TRAIN_CASES = [
    ("train set inner_lr a W&B sweep parameter {'values': [0.01, 0.1]}", _train(
        "--set", "inner_lr={'values': [0.01, 0.1]}"), ["inner_lr", "values"]),
    ("train set first_order YAML 1.1's 'off'", _train("--set", "first_order=off"),
     ["first_order", "off"]),
    ("train inner-lr YAML's null '~'", _train("--inner-lr", "~"), ["--inner-lr", "~"]),
    ("train with a negated flag --no-resume", _train("--no-resume"), ["--no-resume"]),
    ("train steps YAML's infinity '.inf'", _train("--steps", ".inf"), ["--steps", ".inf"]),
    ("train meta-lr an Optuna suggest call", _train(
        "--meta-lr", "trial.suggest_float('meta_lr', 1e-4, 1e-2, log=True)"),
     ["--meta-lr", "suggest_float"]),
    ("train set batched YAML 1.1's 'on', reptile", _train(
        "--strategy", "reptile", "--set", "batched=on"), ["batched", "on"]),
    ("train store_true flag --force given a value 'yes'", _train("--force=yes"),
     ["--force", "yes"]),
    ("train lam a Ray Tune grid_search dict", _train(
        "--strategy", "closed_form", "--lam", "{'grid_search': [0.1, 1.0]}"),
     ["--lam", "grid_search"]),
    ("train set meta_lr YAML's tagged '!!float 1e-3'", _train("--set", "meta_lr=!!float 1e-3"),
     ["meta_lr", "!!float"]),
]

CLI_OTHER_CASES = [
    ("evaluate steps YAML's null '~'", _evaluate(_good, "--steps", "~"), ["--steps", "~"]),
    ("evaluate checkpoint a W&B artifact reference 'me/maml/run-3:v2'", _evaluate(
        lambda d: "me/maml/run-3:v2"), ["--checkpoint", "me/maml/run-3:v2"]),
    ("evaluate tasks a W&B sweep range dict {'min': 100, 'max': 600}", _evaluate(
        _good, "--tasks", "{'min': 100, 'max': 600}"), ["--tasks", "'min'"]),
    ("compare strategies an INI section header '[maml]'", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--adapt-steps", "1",
        "--strategies", "[maml]"], ["--strategies", "[maml]"]),
    ("compare with a negated flag --no-quick", _compare("--no-quick"), ["--no-quick"]),
    ("compare adapt-steps YAML's infinity '.inf'", _compare("--adapt-steps", ".inf"),
     ["--adapt-steps", ".inf"]),
    ("evaluate seed an Optuna suggest call \"trial.suggest_int('seed', 0, 99)\"", _evaluate(
        _good, "--seed", "trial.suggest_int('seed', 0, 99)"), ["--seed", "suggest_int"]),
    ("compare family a Ray Tune choice \"tune.choice(['sinusoid', 'linear'])\"", _compare(
        "--family", "tune.choice(['sinusoid', 'linear'])"), ["--family", "tune.choice"]),
    ("evaluate query a Hyperopt expression \"hp.quniform('q', 50, 150, 10)\"", _evaluate(
        _good, "--query", "hp.quniform('q', 50, 150, 10)"), ["--query", "hp.quniform"]),
    ("evaluate checkpoint an MLflow run URI 'runs:/0a1b2c3d/model'", _evaluate(
        lambda d: "runs:/0a1b2c3d/model"), ["--checkpoint", "runs:/0a1b2c3d/model"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_loss inner_lr a W&B sweep parameter {'values': [0.01, 0.1]}", _loss_call(
        meta_loss, inner_lr=WB_VALUES), ["inner_lr", "values"]),
    ("meta_grad inner_steps a Ray Tune grid_search dict", _loss_call(
        meta_grad, inner_steps=TUNE_GRID), ["inner_steps", "grid_search"]),
    ("inner_sgd inner_lr an INI value with an inline comment", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply,
        inner_lr="0.01" + INI, inner_steps=1), ["inner_lr", "0.01" + INI]),
    ("reptile_step inner_steps YAML's null '~' read as text", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps="~", meta_lr=0.1),
     ["inner_steps", "~"]),
    ("ridge_fit lam a W&B log-uniform distribution dict", lambda d: ridge_fit(
        *_features(), WB_RANGE), ["lam", "log_uniform_values"]),
    ("softmax_head lam an Optuna suggest call", lambda d: softmax_head(
        *_features(), "trial.suggest_float('lam', 1e-3, 1.0)"), ["lam", "suggest_float"]),
    ("newton_solve max_steps YAML's infinity '.inf'", lambda d: newton_solve(
        *_features(), 0.1, max_steps=".inf"), ["max_steps", ".inf"]),
    ("subset_meta_loss subset_size a Ray Tune grid_search dict", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size={"grid_search": [2, 3]}, inner_lr=0.01,
        inner_steps=1), ["subset_size", "grid_search"]),
    ("sgd_path inner_lr an INI value with an inline comment", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr="0.01" + INI, loss=mse),
     ["inner_lr", "0.01" + INI]),
    ("closed_form_meta_loss scale YAML's tagged '!!float 1.0'", lambda d:
        closed_form_meta_loss(_p()[:2], _b(), _m(), lam=0.1, scale="!!float 1.0"),
     ["scale", "!!float 1.0"]),
    ("anil_meta_loss first_order YAML 1.1's 'off'", _loss_call(
        anil_meta_loss, first_order="off"), ["first_order", "off"]),
    ("meta_grad inner_lr a W&B sweep constant {'value': 0.01}", _loss_call(
        meta_grad, inner_lr=WB_VALUE), ["inner_lr", "value"]),
]

STRATEGY_CASES = [
    ("make_strategy inner_lr a W&B sweep constant {'value': 0.01}", lambda d: make_strategy(
        "maml", inner_lr=WB_VALUE), ["inner_lr", "value"]),
    ("hyperparameters name an INI section header '[maml]'", lambda d: hyperparameters(
        "[maml]"), ["name", "[maml]"]),
    ("MAMLConfig check first_order YAML 1.1's 'off'", lambda d: MAMLConfig(
        first_order="off").check(), ["first_order", "off"]),
    ("make_strategy meta_batch a Ray Tune grid_search dict", lambda d: make_strategy(
        "maml", meta_batch={"grid_search": [2, 4]}), ["meta_batch", "grid_search"]),
    ("with_test_time inner_lr an INI value with an inline comment", lambda d: with_test_time(
        _small(), inner_lr="0.01" + INI), ["inner_lr", "0.01" + INI]),
    ("ReptileConfig check batched YAML 1.1's 'on'", lambda d: ReptileConfig(
        batched="on").check(), ["batched", "on"]),
    ("MultitaskConfig check lam a W&B log-uniform distribution dict", lambda d:
        MultitaskConfig(lam=WB_RANGE).check(), ["lam", "log_uniform_values"]),
    ("make_strategy name with an INI inline comment 'maml ; the default'", lambda d:
        make_strategy("maml ; the default"), ["name", "maml ; the default"]),
]

EVALUATE_CASES = [
    ("train n_steps a W&B sweep parameter {'values': [1000, 2000]}", lambda d: train(
        _small(), {"values": [1000, 2000]}, 0), ["n_steps", "values"]),
    ("evaluate n_tasks YAML's infinity '.inf'", lambda d: _evaluate_call(n_tasks=".inf"),
     ["n_tasks", ".inf"]),
    ("select_test_time candidates a Ray Tune grid_search dict", lambda d: _select(
        candidates={"grid_search": [0.01, 0.1]}), ["candidates", "grid_search"]),
    ("held_out_tasks seed an INI value with an inline comment '22 ; test seed'", lambda d:
        held_out_tasks(Sinusoid(), 2, 5, 5, seed="22 ; test seed"),
     ["seed", "22 ; test seed"]),
    ("task_rng seed YAML's null '~' read as text", lambda d: task_rng("~", 0), ["seed", "~"]),
    ("evaluate on_divergence YAML 1.1's 'off'", lambda d: _evaluate_call(
        on_divergence="off"), ["on_divergence", "off"]),
    ("train seed a W&B sweep constant {'value': 0}", lambda d: train(
        _small(), 2, {"value": 0}), ["seed", "value"]),
    ("evaluate n_steps an INI value with an inline comment '1 ; steps'", lambda d:
        _evaluate_call(n_steps="1 ; steps"), ["n_steps", "1 ; steps"]),
    ("select_test_time max_steps a Ray Tune grid_search dict", lambda d: _select(
        max_steps={"grid_search": [1, 2]}), ["max_steps", "grid_search"]),
    ("train log_every YAML's infinity '.inf'", lambda d: train(
        _small(), 2, 0, log_every=".inf"), ["log_every", ".inf"]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint an MLflow run URI 'runs:/0a1b2c3d/model'", lambda d: load_checkpoint(
        "runs:/0a1b2c3d/model"), ["runs:/0a1b2c3d/model"]),
    ("restore a checkpoint whose meta/config JSON is nested 100,000 deep", lambda d: restore(
        _damaged(d, "deep", _deep_config)), ["meta/config"]),
    ("load_checkpoint a checkpoint re-zipped with backslashes in its member names", lambda d:
        load_checkpoint(_rewrite(d, "winzip.npz", _windows_names)), ["winzip.npz"]),
    ("load_checkpoint a weight whose .npy header claims 10**10 values (a zip bomb's header)",
     lambda d: load_checkpoint(_rewrite(d, "bomb.npz", _bomb_header)), ["state/params/0"]),
    ("restore a checkpoint zero-filled by a power loss (its size kept)", lambda d: restore(
        _zero_filled(d)), ["zeroed.npz"]),
    ("train resume from a checkpoint zero-filled by a power loss", lambda d: train(
        _small(), 4, 0, checkpoint=_zero_filled(d, "run.npz"), resume=True), ["run.npz"]),
    ("load_checkpoint a W&B artifact reference 'me/maml/run-3:v2'", lambda d:
        load_checkpoint("me/maml/run-3:v2"), ["me/maml/run-3:v2"]),
    ("restore a checkpoint whose config holds a W&B sweep dict for inner_lr", lambda d:
        restore(_damaged(d, "sweep", _sweep_in_config)), ["inner_lr", "values"]),
    ("save_checkpoint meta_losses a W&B run history dict", lambda d: _save_good(
        d, meta_losses={"_step": [0, 1], "loss": [1.0, 0.9]}), ["meta_losses", "_step"]),
    ("save_checkpoint step YAML's null '~' read as text", lambda d: _save_good(d, step="~"),
     ["step", "~"]),
    ("save_checkpoint seed a Ray Tune grid_search dict", lambda d: _save_good(
        d, seed={"grid_search": [0, 1]}), ["seed", "grid_search"]),
    ("load_checkpoint path with an INI inline comment ' ; latest'", lambda d:
        load_checkpoint(str(_good(d)) + " ; latest"), ["good.npz ; latest"]),
]

NN_CASES = [
    ("MLP sizes a W&B sweep parameter of size lists", lambda d: MLP(
        {"values": [[1, 40, 40, 1], [1, 80, 1]]}), ["sizes", "values"]),
    ("MLP activation YAML's null '~' read as text", lambda d: MLP((1, 4, 1), activation="~"),
     ["activation", "~"]),
    ("adam_update beta2 a Ray Tune grid_search dict", lambda d: _adam(
        beta2={"grid_search": [0.99, 0.999]}), ["beta2", "grid_search"]),
    ("batch_norm eps YAML's not-a-number '.nan'", lambda d: batch_norm(
        np.ones((4, 3)), eps=".nan"), ["eps", ".nan"]),
    ("MLP batch_norm YAML 1.1's 'off'", lambda d: MLP((1, 4, 1), batch_norm="off"),
     ["batch_norm", "off"]),
    ("per_task n_tasks an INI value with an inline comment '2 ; tasks'", lambda d: per_task(
        _p(), "2 ; tasks"), ["n_tasks", "2 ; tasks"]),
    ("MLP dtype YAML's tagged '!!float'", lambda d: MLP((1, 4, 1), dtype="!!float"),
     ["dtype", "!!float"]),
    ("adam_update eps an Optuna suggest call", lambda d: _adam(
        eps="trial.suggest_float('eps', 1e-9, 1e-7)"), ["eps", "suggest_float"]),
    ("batch_norm scale a W&B sweep parameter", lambda d: batch_norm(
        np.ones((4, 3)), scale={"values": [1.0, 2.0]}), ["scale", "values"]),
    ("adam_update beta1 YAML's infinity '.inf'", lambda d: _adam(beta1=".inf"),
     ["beta1", ".inf"]),
]

TASK_CASES = [
    ("a user family whose sample_params draws from NumPy's global state, in held_out_tasks",
     lambda d: held_out_tasks(_family(sample_params=_global_params), 2, 5, 5),
     ["sample_params"]),
    ("a user family whose sample_x draws from a generator shared across calls, in "
     "held_out_tasks", lambda d: held_out_tasks(_family(sample_x=_shared_x), 2, 5, 5),
     ["sample_x"]),
    ("a user family whose make_batch returns one task more than asked, in train",
     _train_family(make_batch=_one_task_more), ["make_batch"]),
    ("a user family whose make_batch reuses the support set as the query set, in evaluate",
     lambda d: _evaluate_call(family=_family(make_batch=_query_is_support)), ["make_batch"]),
    ("a user family whose make_batch gives y_support two columns for a one-output model",
     _train_family(make_batch=_two_columns), ["make_batch", "y_support"]),
    ("Sinusoid amplitude a W&B sweep range dict {'min': 0.1, 'max': 5.0}", lambda d:
        Sinusoid(amplitude={"min": 0.1, "max": 5.0}), ["amplitude", "min"]),
    ("make_family name an INI section header '[sinusoid]'", lambda d: make_family(
        "[sinusoid]"), ["name", "[sinusoid]"]),
    ("LinearRegression noise YAML's null '~' read as text", lambda d: LinearRegression(
        noise="~"), ["noise", "~"]),
    ("GaussianClusters dim a Ray Tune grid_search dict", lambda d: GaussianClusters(
        dim={"grid_search": [4, 8]}), ["dim", "grid_search"]),
    ("make_family sinusoid x_range a W&B distribution dict", lambda d: make_family(
        "sinusoid", x_range={"distribution": "uniform", "min": -5.0, "max": 5.0}),
     ["x_range", "distribution"]),
    ("a user family whose metric returns one value per task twice over, in evaluate",
     lambda d: _evaluate_call(family=_family(metric=_metric_doubled)), ["metric"]),
    ("GaussianClusters spread an INI value with an inline comment '2.0 ; spread'", lambda d:
        GaussianClusters(spread="2.0 ; spread"), ["spread", "2.0 ; spread"]),
]

OMNIGLOT_CASES = [
    ("Omniglot split YAML's null '~' read as text", lambda d: _omniglot(split="~"),
     ["split", "~"]),
    ("Omniglot n_way a W&B sweep parameter {'values': [5, 20]}", lambda d: _omniglot(
        n_way={"values": [5, 20]}), ["n_way", "values"]),
    ("omniglot load root holding GitHub's omniglot-master.zip", lambda d:
        omniglot_data.load(_github_zip(d), cache_dir=d / "cache", progress=False),
     ["root", "images_background.zip"]),
    ("omniglot load root whose zips a browser saved as 'images_background (1).zip'",
     lambda d: omniglot_data.load(_browser_copies(d), cache_dir=d / "cache", progress=False),
     ["images_background.zip"]),
    ("Omniglot rotate YAML 1.1's 'on'", lambda d: _omniglot(rotate="on"), ["rotate", "on"]),
    ("finn_split n_train a Ray Tune grid_search dict", lambda d: finn_split(
        _data().alphabets, _data().characters, n_train={"grid_search": [1000, 1100]}),
     ["n_train", "grid_search"]),
    ("Omniglot sample n_query an INI value with an inline comment '5 ; shots'", lambda d:
        _omniglot().sample(_rng(), 2, 5, "5 ; shots"), ["n_query", "5 ; shots"]),
    ("SCRATCHMETA_DATA with an INI inline comment kept, omniglot train", _train(
        "--family", "omniglot"), [DATA, "; the official zips"], {DATA: _ini_data}),
    ("Omniglot dtype YAML's tagged '!!float32'", lambda d: _omniglot(dtype="!!float32"),
     ["dtype", "!!float32"]),
    ("Omniglot n_validation YAML's not-a-number '.nan'", lambda d: _omniglot(
        n_validation=".nan"), ["n_validation", ".nan"]),
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


def test_the_eightysixth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_eightysixth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
