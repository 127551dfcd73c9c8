"""A ninety-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 049f738, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (not ``checks``/``protocol``), ``nn``, ``optim``, ``batchnorm``,
``tasks`` (with ``TaskFamily``'s method names), ``more_tasks`` (its ``SIGNATURES``),
``datasets.omniglot`` and ``datasets.omniglot_tasks``; a strategy's method names and their
signatures; the shapes of good calls (``Sinusoid``/``GaussianClusters`` ``sample_params``, a
clusters batch, ``softmax_head``/``newton_solve`` results, ``per_task``, the decoded Omniglot
record's fields); the entry names and ``meta/config`` text of a checkpoint ``train`` wrote in
/dev/shm; and the earlier batteries' ids, docstrings, layout and shared helpers (imported, not
copied: ``_good``, ``_damaged``, ``_arrays``, ``_rng``, ``_family``, ``_compare``, ``_data``,
the ninetieth's ``_run``, conftest's ``small_problem``). No library docstring was read. Not
read: the body of any validation code, the library's source, its history, anything of
/work/main. No ``__main__`` module was imported. Every case writes only inside its temporary
folder (checked after the runs: ``git status --short`` shows this file only).

Areas, as written: train on the command line (10); evaluate and compare on the command line
(10); Chapter 2's functions -- meta_loss, meta_grad, inner_sgd, sgd_path, anil_meta_loss,
reptile_step, subset_meta_loss, softmax_head, newton_solve (13); strategies -- with_test_time,
a strategy's update, make_strategy (8); evaluate, select_test_time, held_out_tasks and train in
the library (10); checkpoints -- load_checkpoint, restore, save_checkpoint, library train
resume, evaluate on the command line (13); nn/optim -- per_task, MLP apply, adam_init,
adam_update, adam_rows (7); task families -- user subclasses of Sinusoid and GaussianClusters,
make_family, in train, held_out_tasks and evaluate (12); Omniglot -- OmniglotImages data,
Omniglot, finn_split (10): 93.

Kinds of bad value (words found in no earlier id):
- one thing given twice where a reader keeps one copy silently: a key twice in a checkpoint's
  ``meta/config`` JSON (inner_lr, sizes, class, first_order, amplitude, activation, the family's
  name, meta_batch, n_support; train --resume, evaluate, load_checkpoint, restore, library
  train resume), a zip member twice in a checkpoint (state/params/0, /4, /5, meta/config,
  state/adam/t, state/adam/m/0, meta/step, meta/seed, meta/strategy; the same places), one
  array object twice in a parameter, gradient or moment list (save_checkpoint, adam_init,
  adam_update, adam_rows), per_task applied twice (per_task, MLP apply), and Omniglot data
  holding a drawing, a character or the whole background part twice, or a (alphabet,
  character) pair twice (Omniglot sample, held_out_tasks, finn_split);
- a user's loss or metric that does not depend on the prediction: ``mse(y, y)`` (y typed for
  pred), the targets' own spread, and ``float(...)`` that cuts the graph (meta_loss, meta_grad,
  inner_sgd, sgd_path, anil_meta_loss, reptile_step; a user family's loss and metric in train,
  evaluate, select_test_time);
- one task tiled over the meta-batch: a batch made by ``np.broadcast_to`` or ``np.repeat`` of
  its first task (meta_loss, meta_grad, reptile_step, subset_meta_loss, a MAML update), a user
  family whose sample_params or make_batch repeats one task (train, held_out_tasks, evaluate,
  select_test_time), a Sinusoid with one amplitude and one phase (make_strategy, make_family),
  a multitask pool of one task (train --set n_train_tasks=1);
- N-way episodes with a class missing from the support set: one-hot targets with class 4
  relabelled (softmax_head, newton_solve, meta_loss with cross_entropy, r2d2 and newton_head
  updates), a GaussianClusters subclass drawing support labels at random or leaving a class
  out, evaluate/compare ``--support 4`` and ``--query 3`` on 5-way clusters;
- a query set that is the support set shuffled (a user family's make_batch: train, evaluate,
  held_out_tasks);
- test-time changes that act in meta-training only: ``with_test_time`` of meta_lr, meta_batch,
  n_query, first_order;
- evaluation with fewer support points than a subset strategy's subset_size (evaluate and
  compare on the command line, evaluate and select_test_time in the library);
- Omniglot data as a careless decoder makes it: blank drawings for a whole alphabet, ragged
  characters zero- or NaN-padded to 20 drawings, n_background 960 cutting an alphabet in two,
  a validation split of fewer characters (3, 0) than its ways.

Repeats: the 11,976 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples, by ``ast``) and their 158
module docstrings were grepped, before any run, for each kind word: 0 hits in the ids for
"duplicate key", shuffle, "mse(y", "training only", "one task" repeated or tiled, "absent" or
"lacking" a class, "subset_size of" at evaluate, "n_validation 0"/"3", padding of drawings,
"cuts" an alphabet, "same array"/"one array twice"; "duplicate" only for ``compare duplicate
strategy``; "twice" only for options and arguments given twice. Drafts replaced before any run
because the grep found their substance: ``adam_rows`` with repeated rows (``adam_rows repeated
row``), ``batch_norm`` over one point or identical rows (``batch_norm of one point``, ``a batch
of one row (zero variance)``), SCRATCHMETA_DATA whose evaluation zip is the background zip
(the eighty-eighth's ``one zip under both names``), Reptile with 0 inner steps or inner_lr 0,
``--set inner_lr`` beside ``--inner-lr``, ``data`` and ``root`` both. Near earlier ids, kept as
new ways: ``a user family whose make_batch reuses the support set as the query set`` (here: a
permutation of it, which an equality test misses); ``sinusoid x_range of equal ends`` (here:
amplitude and phase, so that every task is one function). No exact id repeats (checked by a
script against the same list).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 53 of the 93. After the
first run no case was added, reordered, swapped or reworded; no mentions were changed.
Dropped: none.

Corrected after the first run, one slip of this writer's: ``sgd_path loss mse(y, y) ...``
(kept) passed theta0 without its task axis, so the first run gave unclear "ValueError:
theta[0] must have a leading task axis of the batch's 3 tasks (... per_task(params, 3)) ...,
got shape (1, 8)" before the loss was reached; ``_path`` now passes ``per_task(params, 3)``
(then silent).

Doubtful, left to the lead: the aliasing cases (one array object twice in a list: legal values,
tied weights are a thing elsewhere, only identity shows the slip); a Sinusoid of one amplitude
and one phase and a multitask pool of one task (degenerate, maybe meant); ``with_test_time`` of
a training-only field (harmless, but the user's change does nothing); evaluation with fewer
support points than subset_size (the subset may just be all of them); the query set a shuffle
of the support set and repeated tasks (detectable only by comparing values).

First run at 049f738 (under ``ulimit -v 8000000``): written, 35 of 93 clear (37.6%), 4 unclear,
54 silent, 0 data loss -- cli train 9/10, evaluate/compare 6/10, meta functions 2/13,
strategies 0/8, evaluate and train 2/10, checkpoints 12/13, nn/optim 2/7, task families 0/12,
omniglot 2/10. Kept, 21 of 53 clear (39.6%), 2 unclear, 30 silent, 0 data loss -- 5/6, 4/6,
1/7, 0/4, 2/6, 6/7, 1/4, 0/7, 2/6. After the correction: written 35 clear, 3 unclear, 55
silent; kept 21 clear (39.6%), 1 unclear, 31 silent, 0 data loss. Under pytest: 22 passed, 32
failed (the 32 kept cases not clear; the wide-and-new test passes).

Every duplicated checkpoint key or member was refused clearly ("... is damaged: its
meta/config or meta/changes gives the key 'inner_lr' twice (JSON would keep the last
silently ...)", "... holds the entry 'state/params/0' twice"), as were the float()-cut losses
(named as raising), per_task twice, and NaN padding.

Not clear, kept (after the correction):
- ``train multitask set n_train_tasks=1 ...`` (silent, doubtful): trained and saved.
- ``evaluate a subset run with support 5 ...``, ``compare subset with support 5 ...``,
  ``evaluate a subset strategy with n_support 5 ...`` (silent): scored, no word.
- ``meta_loss``/``sgd_path`` loss ``mse(y, y)``, ``reptile_step`` loss of the targets' spread
  (silent): a meta-loss and steps from a loss that ignores the prediction.
- ``reptile_step`` a broadcast batch, ``subset_meta_loss`` a repeated batch, ``a MAML update on
  a batch of one task repeated`` (silent).
- ``softmax_head targets with class 4 absent ...`` (silent): a head fitted for an unseen class.
- ``with_test_time meta_lr`` / ``first_order True`` (silent, doubtful).
- ``make_strategy``/``make_family`` a Sinusoid of one amplitude and one phase (silent, doubtful).
- ``evaluate`` / ``train`` a user family whose loss is mse(y, y) or the targets' spread, whose
  metric ignores the prediction (silent).
- ``evaluate`` / ``train`` / ``held_out_tasks`` a user family whose query set is its support
  set shuffled (silent).
- ``save_checkpoint`` params holding one bias array twice, ``adam_init``/``adam_rows`` params
  one array twice, ``adam_update`` grads one array twice (silent, doubtful).
- ``a user family whose sample_params repeats one task ..., in train`` (silent).
- ``a GaussianClusters subclass drawing support labels at random, in train`` (silent).
- Omniglot data whose first character's 20 drawings are one drawing copied, whose background
  characters appear twice, and ``finn_split`` with an (alphabet, character) pair repeated
  (silent).
- ``Omniglot n_validation 3, fewer validation characters than its 5 ways`` (unclear): "n_way=5
  is larger than the 3 characters of the 'validation' split" -- n_validation, the argument
  given, is not named.

Not clear, written and not kept: ``evaluate a 5-way clusters run with support 4`` / ``query
3`` (unclear: "error: n_support (n_query) must be a multiple of n_way=5 ..., got 4 (3)" --
the option given, --support / --query, is not named, though compare's message names it),
``inner_sgd`` loss of the targets' spread, ``meta_loss``/``meta_grad`` one task broadcast or
repeated, ``newton_solve`` and ``meta_loss cross_entropy`` with class 4 absent, with_test_time
meta_batch and n_query, r2d2 and newton_head updates with class 4 absent, select_test_time a
subset with n_support 5, a metric ignoring the prediction, a make_batch tiling its first task,
evaluate a family repeating one task, adam_update params one array twice and m one array
twice, families repeating one task (held_out_tasks, make_batch in train, GaussianClusters
centres), random or left-out labels in held_out_tasks, Omniglot's second character repeating
the first, blank alphabet, zero padding, n_background 960 (all silent).

Measured on main at 049f738, the commit it was written at, blind (the lead reran it there):
kept, 21 of 53 clear (39.6%), 1 unclear, 31 silent, 0 data loss (after the writer's
correction); written, 35 of 93. With the ninety-third (9 of 54) the pair is 30 of 107
(28.0%), 59 silent, 0 data loss: the last blind measurement of this session, far under the
goal of 95%. Round 61 (with sight of this file, so not blind) took one of its kinds: a loss
that does not read its prediction (mse(y, y), the targets' own spread) is refused where a
user's loss is first probed; six kept cases became clear (27 of 53 kept then). Round 62
(not blind either) refused a field of meta-training only in with_test_time and a list
holding one array twice in Adam and save_checkpoint, and named n_validation when it leaves
fewer characters than n_way: seven more kept cases became clear (34 of 53). Round 64 (not
blind) refused a batch of one task repeated (np.repeat, np.broadcast_to): three more (37 of
53). Every kept
case still not clear is a strict xfail in NOT_CLEAR_YET, with the message (or "no error")
it gave at 049f738, so that a fix shows as a failure to remove it.
"""

import io
import shutil
import warnings
import zipfile

import numpy as np
import pytest

from scratchmeta.datasets.omniglot import OmniglotImages
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, select_test_time, with_test_time
from scratchmeta.meta.maml import inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import Sinusoid, TaskBatch, cross_entropy, mse

from conftest import small_problem
from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _arrays, _damaged, _good
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fiftysecond import _family
from test_bad_inputs_sixth import _compare
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- a user's loss or metric that does not depend on the prediction

def _loss_of_y(pred, y):
    """``y`` typed where ``pred`` was meant: the loss of the targets against themselves."""
    return mse(y, y)


def _loss_as_float(pred, y):
    """The loss turned into a Python float (to log it), so its graph is cut."""
    return float(mse(pred, y))


def _loss_of_spread(pred, y):
    """The targets' own spread, a baseline computed by mistake in the loss's place."""
    return mse(np.zeros_like(y) + np.mean(y), y)


def _metric_of_y(self, pred, y):
    return np.mean((y - y) ** 2, axis=(1, 2))


# --- one task tiled over the meta-batch

def _problem():
    return small_problem()


def _broadcast_batch(batch):
    """Every task the first one, by np.broadcast_to (a read-only view of zero stride)."""
    return TaskBatch(*(np.broadcast_to(a[:1], a.shape) for a in batch))


def _repeated_batch(batch):
    """Every task the first one, by np.repeat."""
    return TaskBatch(*(np.repeat(a[:1], a.shape[0], axis=0) for a in batch))


def _one_task_params(self, rng, n_tasks):
    """A user's sample_params that draws one task and repeats it for the whole batch."""
    draw = Sinusoid.sample_params(self, rng, n_tasks)
    return np.repeat(draw[:1], n_tasks, axis=0)


def _tiled_make_batch(self, rng, task_params, n_support, n_query):
    """A user's make_batch that tiles its first task over the batch."""
    return _repeated_batch(Sinusoid.make_batch(self, rng, task_params, n_support, n_query))


def _query_shuffles_support(self, rng, task_params, n_support, n_query):
    """A user's make_batch whose query set is its support set in another order."""
    b = Sinusoid.make_batch(self, rng, task_params, n_support, n_support)
    order = rng.permutation(n_support)
    return TaskBatch(b.x_support, b.y_support, b.x_support[:, order], b.y_support[:, order])


# --- episodes with a class missing from the support set

def _clusters_batch(n_support=5, n_query=5):
    return GaussianClusters().sample(_rng(), 2, n_support, n_query)


def _without_class(batch, c=4, into=0):
    """The support labels of class ``c`` relabelled ``into``: no support point of class c."""
    y = batch.y_support.copy()
    y[..., into] += y[..., c]
    y[..., c] = 0.0
    return TaskBatch(batch.x_support, y, batch.x_query, batch.y_query)


def _random_labels(self, rng, task_params, n_support, n_query):
    """A user's make_batch drawing every support label at random, so a class may be absent."""
    b = GaussianClusters.make_batch(self, rng, task_params, n_support, n_query)
    labels = rng.integers(0, self.n_way, size=b.y_support.shape[:2])
    return TaskBatch(b.x_support, np.eye(self.n_way)[labels], b.x_query, b.y_query)


def _class_left_out(self, rng, task_params, n_support, n_query):
    b = GaussianClusters.make_batch(self, rng, task_params, n_support, n_query)
    return _without_class(b)


def _clusters(**attrs):
    return type("UserClusters", (GaussianClusters,), attrs)()


def _clusters_strategy(name):
    s = make_strategy(name, family="clusters", meta_batch=2, n_support=5, n_query=5)
    return s, s.init_state(_rng())


def _update_on(name, batch):
    s, state = _clusters_strategy(name) if name != "maml" else (
        lambda s: (s, s.init_state(_rng())))(make_strategy("maml", meta_batch=3))
    return s.update(state, batch, _rng(), 0)


# --- duplicated entries a reader may resolve silently

def _dup_key(name, old, extra):
    """The good checkpoint with ``extra`` written after ``old`` in meta/config: a key twice."""
    def change(arrays):
        text = str(arrays["meta/config"])
        assert old in text, old
        arrays["meta/config"] = np.array(text.replace(old, old + ", " + extra, 1))
    return lambda d: _damaged(d, name, change)


def _dup_member(name, key, value):
    """A copy of the good checkpoint to which a second member ``key``.npy was appended."""
    def make(d):
        path = d / f"{name}.npz"
        if not path.exists():
            shutil.copy(_good(d), path)
            buf = io.BytesIO()
            np.save(buf, value(_arrays(path)[key]), allow_pickle=False)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with zipfile.ZipFile(path, "a") as z:
                    z.writestr(key + ".npy", buf.getvalue())
        return path
    return make


def _config_lr(text):
    return np.array(str(text).replace('"inner_lr": 0.01', '"inner_lr": 0.5'))


INNER_LR_TWICE = _dup_key("lr2", '"inner_lr": 0.01', '"inner_lr": 0.5')
SIZES_TWICE = _dup_key("sizes2", '"sizes": [1, 40, 40, 1]', '"sizes": [1, 20, 1]')
CLASS_TWICE = _dup_key("class2", '"class": "scratchmeta.meta.maml.MAML"',
                       '"class": "scratchmeta.meta.maml.FOMAML"')
FIRST_ORDER_TWICE = _dup_key("fo2", '"first_order": false', '"first_order": true')
ACTIVATION_TWICE = _dup_key("act2", '"activation": "relu"', '"activation": "tanh"')
FAMILY_NAME_TWICE = _dup_key("name2", '"name": "sinusoid"', '"name": "linear"')
AMPLITUDE_TWICE = _dup_key("amp2", '"amplitude": [0.1, 5.0]', '"amplitude": [2.0, 2.0]')
META_BATCH_TWICE = _dup_key("mb2", '"meta_batch": 2', '"meta_batch": 7')
N_SUPPORT_TWICE = _dup_key("ns2", '"n_support": 10', '"n_support": 3')
PARAMS0_TWICE = _dup_member("p0twice", "state/params/0", np.zeros_like)
PARAMS4_TWICE = _dup_member("p4twice", "state/params/4", lambda a: 10 * a)
PARAMS5_TWICE = _dup_member("p5twice", "state/params/5", lambda a: a + 3.0)
CONFIG_TWICE = _dup_member("cfgtwice", "meta/config", _config_lr)
T_TWICE = _dup_member("ttwice", "state/adam/t", lambda a: a + 1000)
STEP_TWICE = _dup_member("steptwice", "meta/step", lambda a: a + 1)
SEED_TWICE = _dup_member("seedtwice", "meta/seed", lambda a: a + 7)
STRATEGY_TWICE = _dup_member("strtwice", "meta/strategy", lambda a: np.array("fomaml"))
M0_TWICE = _dup_member("m0twice", "state/adam/m/0", lambda a: a + 1.0)


def _resume(make, *extra):
    return lambda d: ["train", "--resume", "--steps", "4", "--out", str(make(d)), *extra]


def _evaluate(make, *extra):
    return lambda d: ["evaluate", "--checkpoint", str(make(d)), "--tasks", "4",
                      "--steps", "1", *extra]


def _clusters_run(d):
    return _run(d, "maml", family="clusters", file="clusters.npz", n_support=5, n_query=5)


def _subset_run(d):
    return _run(d, "subset")


def _train_resume_library(make):
    def call(d):
        path = make(d)
        return train(make_strategy("maml", meta_batch=2), 4, 0, checkpoint=path, resume=True)
    return call


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train resume a checkpoint whose meta/config gives inner_lr twice (0.01, then 0.5)",
     _resume(INNER_LR_TWICE), ["inner_lr"]),
    ("train resume a checkpoint whose meta/config gives its model's sizes twice",
     _resume(SIZES_TWICE), ["sizes"]),
    ("train resume a checkpoint whose meta/config gives its class twice (MAML, then FOMAML)",
     _resume(CLASS_TWICE), ["class"]),
    ("train resume a checkpoint whose meta/config gives first_order twice (false, then true)",
     _resume(FIRST_ORDER_TWICE), ["first_order"]),
    ("train resume a checkpoint whose meta/config gives the family's amplitude twice",
     _resume(AMPLITUDE_TWICE), ["amplitude"]),
    ("train resume a checkpoint whose zip holds state/params/0 twice (zeros appended)",
     _resume(PARAMS0_TWICE), ["state/params/0"]),
    ("train resume a checkpoint whose zip holds meta/config twice (inner_lr 0.5 appended)",
     _resume(CONFIG_TWICE), ["meta/config"]),
    ("train resume a checkpoint whose zip holds state/adam/t twice (a later t appended)",
     _resume(T_TWICE), ["state/adam/t"]),
    ("train resume a checkpoint whose zip holds meta/step twice (a later step appended)",
     _resume(STEP_TWICE), ["meta/step"]),
    ("train multitask set n_train_tasks=1, a pool of one task for every meta-batch",
     lambda d: ["train", "--steps", "2", "--meta-batch", "1", "--strategy", "multitask",
                "--set", "n_train_tasks=1", "--out", str(d / "run.npz")],
     ["n_train_tasks", "1"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate a checkpoint whose meta/config gives inner_lr twice (0.01, then 0.5)",
     _evaluate(INNER_LR_TWICE), ["inner_lr"]),
    ("evaluate a checkpoint whose meta/config gives the model's activation twice (relu, tanh)",
     _evaluate(ACTIVATION_TWICE), ["activation"]),
    ("evaluate a checkpoint whose meta/config gives the family's name twice (sinusoid, linear)",
     _evaluate(FAMILY_NAME_TWICE), ["name"]),
    ("evaluate a checkpoint whose zip holds state/params/4 twice (ten times the weights)",
     _evaluate(PARAMS4_TWICE), ["state/params/4"]),
    ("evaluate a checkpoint whose zip holds meta/strategy twice (maml, then fomaml)",
     _evaluate(STRATEGY_TWICE), ["meta/strategy"]),
    ("evaluate a subset run with support 5, below its subset_size of 10",
     _evaluate(_subset_run, "--support", "5"), ["--support", "5"]),
    ("evaluate a 5-way clusters run with support 4, a class without a support point",
     _evaluate(_clusters_run, "--support", "4", "--query", "5"), ["--support", "4"]),
    ("evaluate a 5-way clusters run with query 3, two classes never scored",
     _evaluate(_clusters_run, "--support", "5", "--query", "3"), ["--query", "3"]),
    ("compare subset with support 5, below its subset_size of 10",
     _compare("--strategies", "subset", "--support", "5"), ["--support", "5"]),
    ("compare clusters with support 4, a class without a support point",
     lambda d: ["compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4",
                "--adapt-steps", "1", "--strategies", "maml", "--family", "clusters",
                "--support", "4", "--query", "5"], ["--support", "4"]),
]

# --- Chapter 2's functions

def _meta(fn, loss=mse, batch=None, **kw):
    model, params, b = _problem()
    return fn(params, batch(b) if batch else b, model, inner_lr=0.01, inner_steps=1,
              loss=loss, **kw)


def _inner(loss):
    model, params, b = _problem()
    return inner_sgd(per_task(params, 3), b.x_support, b.y_support, model.apply,
                     inner_lr=0.01, inner_steps=1, loss=loss)


def _path(loss):
    """sgd_path from theta0 copied per task (corrected after the first run, see above)."""
    model, params, b = _problem()
    return sgd_path(per_task(params, 3), b, model, inner_lr=0.01, loss=loss)


def _clusters_meta_loss(batch):
    model = MLP((8, 16, 5))
    return meta_loss(model.init(_rng()), batch, model, inner_lr=0.1, inner_steps=1,
                     loss=cross_entropy)


META_CASES = [
    ("meta_loss loss mse(y, y), the targets typed where the prediction was meant",
     lambda d: _meta(meta_loss, _loss_of_y), ["loss"]),
    ("meta_grad loss cast to a Python float, so the prediction's graph is cut",
     lambda d: _meta(meta_grad, _loss_as_float), ["loss"]),
    ("inner_sgd loss of the targets' spread only, not of the prediction",
     lambda d: _inner(_loss_of_spread), ["loss"]),
    ("sgd_path loss mse(y, y), the targets typed where the prediction was meant",
     lambda d: _path(_loss_of_y), ["loss"]),
    ("anil_meta_loss loss cast to a Python float, so the prediction's graph is cut",
     lambda d: _meta(anil_meta_loss, _loss_as_float), ["loss"]),
    ("reptile_step loss of the targets' spread only, not of the prediction",
     lambda d: _meta(reptile_step, _loss_of_spread, meta_lr=0.1), ["loss"]),
    ("meta_loss a batch of one task broadcast over three by np.broadcast_to",
     lambda d: _meta(meta_loss, batch=_broadcast_batch), ["batch"]),
    ("meta_grad a batch of one task repeated three times by np.repeat",
     lambda d: _meta(meta_grad, batch=_repeated_batch), ["batch"]),
    ("reptile_step a batch of one task broadcast over three by np.broadcast_to",
     lambda d: _meta(reptile_step, batch=_broadcast_batch, meta_lr=0.1), ["batch"]),
    ("subset_meta_loss a batch of one task repeated three times by np.repeat",
     lambda d: (lambda m, p, b: subset_meta_loss(p, _repeated_batch(b), m, _rng(),
                                                  subset_size=2, inner_lr=0.01,
                                                  inner_steps=1))(*_problem()), ["batch"]),
    ("softmax_head targets with class 4 absent from every task's support set",
     lambda d: (lambda b: softmax_head(b.x_support, b.y_support, 1.0))(
         _without_class(_clusters_batch())), ["targets"]),
    ("newton_solve y with class 4 absent from every task's support set",
     lambda d: (lambda b: newton_solve(b.x_support, b.y_support, 1.0))(
         _without_class(_clusters_batch())), ["y"]),
    ("meta_loss cross_entropy on a 5-way batch whose support sets lack class 4",
     lambda d: _clusters_meta_loss(_without_class(_clusters_batch())), ["y_support"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("with_test_time meta_lr, which acts in meta-training only",
     lambda d: with_test_time(make_strategy("maml", meta_batch=2), meta_lr=0.1),
     ["meta_lr"]),
    ("with_test_time meta_batch, which acts in meta-training only",
     lambda d: with_test_time(make_strategy("maml", meta_batch=2), meta_batch=5),
     ["meta_batch"]),
    ("with_test_time n_query, the training tasks' query points",
     lambda d: with_test_time(make_strategy("maml", meta_batch=2), n_query=50),
     ["n_query"]),
    ("with_test_time first_order True, which acts in meta-training only",
     lambda d: with_test_time(make_strategy("maml", meta_batch=2), first_order=True),
     ["first_order"]),
    ("a MAML update on a batch of one task repeated over the meta-batch",
     lambda d: _update_on("maml", _repeated_batch(small_problem(sizes=(1, 40, 40, 1))[2])),
     ["batch"]),
    ("make_strategy family a Sinusoid of one amplitude and one phase, every task the same",
     lambda d: make_strategy("maml", meta_batch=2, family=Sinusoid(
         amplitude=(2.0, 2.0), phase=(1.0, 1.0))), ["amplitude", "phase"]),
    ("an r2d2 update on a 5-way batch whose support sets lack class 4",
     lambda d: _update_on("r2d2", _without_class(_clusters_batch())), ["y_support"]),
    ("a newton_head update on a 5-way batch whose support sets lack class 4",
     lambda d: _update_on("newton_head", _without_class(_clusters_batch())),
     ["y_support"]),
]

# --- train, evaluate, select_test_time, held_out_tasks in the library

def _subset_strategy():
    s = make_strategy("subset", meta_batch=2)
    return s, s.init_state(_rng())


def _maml_state():
    s = make_strategy("maml", meta_batch=2)
    return s, s.init_state(_rng())


def _small(**kw):
    return {"n_tasks": 2, "n_support": 5, "n_query": 5, **kw}


EVALUATE_CASES = [
    ("evaluate a subset strategy with n_support 5, below its subset_size of 10",
     lambda d: evaluate(*_subset_strategy(), Sinusoid(), n_steps=1, **_small()),
     ["n_support", "5"]),
    ("select_test_time a subset strategy with n_support 5, below its subset_size of 10",
     lambda d: select_test_time(*_subset_strategy(), Sinusoid(), candidates=[0.01],
                                max_steps=1, **_small()), ["n_support", "5"]),
    ("select_test_time a user family whose metric ignores the prediction",
     lambda d: select_test_time(*_maml_state(), _family(metric=_metric_of_y),
                                candidates=[0.01], max_steps=1, **_small()), ["metric"]),
    ("evaluate a user family whose loss is mse(y, y), the targets for the prediction",
     lambda d: evaluate(*_maml_state(), _family(loss=staticmethod(_loss_of_y)), n_steps=1,
                        **_small()), ["loss"]),
    ("train a user family whose loss is cast to a Python float",
     lambda d: train(make_strategy("maml", meta_batch=2, family=_family(
         loss=staticmethod(_loss_as_float))), 2, 0), ["loss"]),
    ("evaluate a 5-way clusters strategy with n_support 4, a class without a support point",
     lambda d: evaluate(*_clusters_strategy("r2d2"), GaussianClusters(), n_steps=1,
                        **_small(n_support=4)), ["n_support", "4"]),
    ("evaluate a user family whose sample_params repeats one task for the whole batch",
     lambda d: evaluate(*_maml_state(), _family(sample_params=_one_task_params), n_steps=1,
                        **_small()), ["sample_params"]),
    ("select_test_time a user family whose make_batch tiles its first task",
     lambda d: select_test_time(*_maml_state(), _family(make_batch=_tiled_make_batch),
                                candidates=[0.01], max_steps=1, **_small()),
     ["make_batch"]),
    ("evaluate a user family whose query set is its support set shuffled",
     lambda d: evaluate(*_maml_state(), _family(make_batch=_query_shuffles_support),
                        n_steps=1, **_small()), ["make_batch"]),
    ("train a user family whose loss is the targets' spread only",
     lambda d: train(make_strategy("maml", meta_batch=2, family=_family(
         loss=staticmethod(_loss_of_spread))), 2, 0), ["loss"]),
]

# --- checkpoints

def _save_with(d, change):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "saved.npz", change(ckpt.state), step=ckpt.step,
                           seed=ckpt.seed, config=ckpt.config,
                           meta_losses=ckpt.meta_losses)


def _params_one_array_twice(state):
    params = list(state["params"])
    params[3] = params[1]
    return {**state, "params": params}


CHECKPOINT_CASES = [
    ("load_checkpoint a checkpoint whose meta/config gives inner_lr twice",
     lambda d: load_checkpoint(INNER_LR_TWICE(d)), ["inner_lr"]),
    ("restore a checkpoint whose meta/config gives the model's sizes twice",
     lambda d: restore(SIZES_TWICE(d)), ["sizes"]),
    ("restore a checkpoint whose meta/config gives its class twice (MAML, then FOMAML)",
     lambda d: restore(CLASS_TWICE(d)), ["class"]),
    ("load_checkpoint a checkpoint whose meta/config gives the family's amplitude twice",
     lambda d: load_checkpoint(AMPLITUDE_TWICE(d)), ["amplitude"]),
    ("load_checkpoint a checkpoint whose zip holds state/params/0 twice",
     lambda d: load_checkpoint(PARAMS0_TWICE(d)), ["state/params/0"]),
    ("restore a checkpoint whose zip holds meta/config twice (inner_lr 0.5 appended)",
     lambda d: restore(CONFIG_TWICE(d)), ["meta/config"]),
    ("load_checkpoint a checkpoint whose zip holds meta/seed twice",
     lambda d: load_checkpoint(SEED_TWICE(d)), ["meta/seed"]),
    ("restore a checkpoint whose zip holds state/adam/m/0 twice",
     lambda d: restore(M0_TWICE(d)), ["state/adam/m/0"]),
    ("save_checkpoint a state whose params list holds one bias array twice",
     lambda d: _save_with(d, _params_one_array_twice), ["params"]),
    ("library train resume a checkpoint whose meta/config gives meta_batch twice",
     _train_resume_library(META_BATCH_TWICE), ["meta_batch"]),
    ("restore a checkpoint whose meta/config gives first_order twice (false, then true)",
     lambda d: restore(FIRST_ORDER_TWICE(d)), ["first_order"]),
    ("evaluate on the command line a checkpoint whose zip holds state/params/5 twice",
     _evaluate(PARAMS5_TWICE), ["state/params/5"]),
    ("load_checkpoint a checkpoint whose meta/config gives n_support twice",
     lambda d: load_checkpoint(N_SUPPORT_TWICE(d)), ["n_support"]),
]

# --- nn, optim, batchnorm

def _model_params():
    model = MLP((1, 8, 1))
    return model, model.init(_rng())


NN_CASES = [
    ("per_task of parameters already made per task", lambda d: (
        lambda m, p: per_task(per_task(p, 3), 3))(*_model_params()), ["params"]),
    ("MLP apply parameters made per task twice", lambda d: (
        lambda m, p: m.apply(per_task(per_task(p, 2), 2), np.zeros((2, 5, 1))))(
            *_model_params()), ["params"]),
    ("adam_update params list holding one array twice", lambda d: (
        lambda p: adam_update([p[1], p[1]], [np.ones_like(p[1])] * 2,
                              adam_init([p[1], p[1]]), 1e-3))(_model_params()[1]),
     ["params"]),
    ("adam_init params list holding one array twice", lambda d: (
        lambda p: adam_init([p[0], p[1], p[0]]))(_model_params()[1]), ["params"]),
    ("adam_update grads list holding one gradient array twice (copied for the next bias)",
     lambda d: (lambda p: (lambda g: adam_update(p, g[:3] + [g[1]] + g[4:], adam_init(p),
                                                 1e-3))([np.ones_like(a) for a in p]))(
         MLP((1, 8, 8, 1)).init(_rng())), ["grads"]),
    ("adam_rows params list holding one array twice", lambda d: (
        lambda a: adam_rows([a, a], {"t": np.zeros(3, int), "m": [np.zeros((3, 2))] * 2,
                                     "v": [np.zeros((3, 2))] * 2},
                            [np.ones((3, 2)), np.ones((3, 2))], np.arange(3), 1e-3))(
            np.full((3, 2), 0.5)), ["params"]),
    ("adam_update state whose m list holds one array twice", lambda d: (
        lambda p: (lambda s: adam_update(p, [np.ones_like(a) for a in p], {
            **s, "m": s["m"][:3] + [s["m"][1]] + s["m"][4:]}, 1e-3))(adam_init(p)))(
                MLP((1, 8, 8, 1)).init(_rng())), ["m"]),
]

# --- task families

def _train_family(family, **hyper):
    return train(make_strategy("maml", family=family, **{"meta_batch": 2, **hyper}), 2, 0)


def _train_clusters(family):
    return train(make_strategy("maml", family=family, meta_batch=2, n_support=5, n_query=5),
                 2, 0)


TASK_CASES = [
    ("a user family whose sample_params repeats one task for the whole batch, in train",
     lambda d: _train_family(_family(sample_params=_one_task_params)), ["sample_params"]),
    ("a user family whose sample_params repeats one task, in held_out_tasks",
     lambda d: held_out_tasks(_family(sample_params=_one_task_params), 3, 5, 5),
     ["sample_params"]),
    ("a user family whose make_batch tiles its first task over the batch, in train",
     lambda d: _train_family(_family(make_batch=_tiled_make_batch)), ["make_batch"]),
    ("a user family whose loss is mse(y, y), the targets for the prediction, in train",
     lambda d: _train_family(_family(loss=staticmethod(_loss_of_y))), ["loss"]),
    ("a user family whose metric ignores the prediction, in evaluate",
     lambda d: evaluate(*_maml_state(), _family(metric=_metric_of_y), n_steps=1, **_small()),
     ["metric"]),
    ("a GaussianClusters subclass drawing support labels at random, in train",
     lambda d: _train_clusters(_clusters(make_batch=_random_labels)), ["make_batch"]),
    ("a GaussianClusters subclass drawing support labels at random, in held_out_tasks",
     lambda d: held_out_tasks(_clusters(make_batch=_random_labels), 2, 5, 5),
     ["make_batch"]),
    ("a GaussianClusters subclass leaving class 4 out of its support sets, in held_out_tasks",
     lambda d: held_out_tasks(_clusters(make_batch=_class_left_out), 2, 5, 5),
     ["make_batch"]),
    ("a user family whose query set is its support set shuffled, in train",
     lambda d: _train_family(_family(make_batch=_query_shuffles_support)), ["make_batch"]),
    ("a user family whose query set is its support set shuffled, in held_out_tasks",
     lambda d: held_out_tasks(_family(make_batch=_query_shuffles_support), 2, 5, 5),
     ["make_batch"]),
    ("make_family sinusoid of one amplitude and one phase, every task the same, in train",
     lambda d: _train_family(make_family("sinusoid", amplitude=(2.0, 2.0),
                                         phase=(1.0, 1.0))), ["amplitude"]),
    ("a GaussianClusters subclass whose sample_params repeats one task's centres",
     lambda d: held_out_tasks(_clusters(sample_params=lambda self, rng, n: np.repeat(
         GaussianClusters.sample_params(self, rng, n)[:1], n, axis=0)), 3, 5, 5),
     ["sample_params"]),
]

# --- Omniglot

def _images(change):
    data = _data()
    images = np.array(data.images, copy=True)
    alphabets, characters, n_background = data.alphabets, data.characters, data.n_background
    out = change(images, alphabets, characters, n_background)
    return OmniglotImages(*out)


def _one_drawing_copied(images, a, c, n):
    images[0] = images[0, :1]
    return images, a, c, n


def _character_repeated(images, a, c, n):
    images[1] = images[0]
    return images, a, c, n


def _blank_alphabet(images, a, c, n):
    images[a == a[0]] = 0
    return images, a, c, n


def _zero_padded(images, a, c, n):
    images[:, 15:] = 0
    return images, a, c, n


def _nan_padded(images, a, c, n):
    images[0, 15:] = np.nan
    return images, a, c, n


def _background_twice(images, a, c, n):
    return (np.concatenate([images[:n], images[:n], images[n:]]),
            np.concatenate([a[:n], a[:n], a[n:]]), np.concatenate([c[:n], c[:n], c[n:]]),
            2 * n)


def _sample(family, n_support=5, n_query=5):
    return family.sample(_rng(), 2, n_support, n_query)


OMNIGLOT_CASES = [
    ("Omniglot data whose first character's 20 drawings are one drawing copied",
     lambda d: _sample(Omniglot(5, data=_images(_one_drawing_copied))), ["images"]),
    ("Omniglot data whose second character repeats the first's drawings",
     lambda d: held_out_tasks(Omniglot(5, data=_images(_character_repeated)), 2, 5, 5),
     ["images"]),
    ("Omniglot data whose first alphabet's drawings are blank (all ink 0)",
     lambda d: _sample(Omniglot(5, data=_images(_blank_alphabet))), ["images"]),
    ("finn_split characters with one (alphabet, character) pair repeated",
     lambda d: (lambda data: finn_split(data.alphabets, np.concatenate(
         [data.characters[:1], data.characters[:-1]])))(_data()), ["characters"]),
    ("Omniglot n_validation 3, fewer validation characters than its 5 ways",
     lambda d: _sample(Omniglot(5, split="validation", data=_data(), n_validation=3)),
     ["n_validation", "3"]),
    ("Omniglot n_validation 0, split validation",
     lambda d: _sample(Omniglot(5, split="validation", data=_data(), n_validation=0)),
     ["n_validation", "0"]),
    ("Omniglot data whose n_background 960 cuts an alphabet in two",
     lambda d: _sample(Omniglot(5, data=(lambda data: OmniglotImages(
         data.images, data.alphabets, data.characters, 960))(_data()))),
     ["n_background", "960"]),
    ("Omniglot data whose characters' last 5 drawings are zero padding",
     lambda d: _sample(Omniglot(5, data=_images(_zero_padded))), ["images"]),
    ("Omniglot data whose first character's last 5 drawings are NaN padding",
     lambda d: _sample(Omniglot(5, data=_images(_nan_padded))), ["images"]),
    ("Omniglot data whose background characters appear twice (the zip extracted twice)",
     lambda d: held_out_tasks(Omniglot(5, data=_images(_background_twice)), 2, 5, 5),
     ["images"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare": CLI_OTHER_CASES,
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


# --- running and classifying

def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0].lower()


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    'train multitask set n_train_tasks=1, a pool of one task for every meta-batch':
        'silent at 049f738: -steps (seed 0), checkpoints in /tmp/tmpjhgkxdk9/run.npz step'
        ' 1/2 meta-loss 11.26 1026.6 steps/s ETA 0s step 2/2 meta-loss 11.02 1185.0 steps'
        '/s ETA 0s',
    'evaluate a subset run with support 5, below its subset_size of 10':
        'silent at 049f738: mp/tmp9pm17rm3/subset.npz at meta-step 2: 4 held-out tasks (s'
        'eed 22), 5 support / 100 query points each adaptation steps MSE (95% interval) -'
        '---------',
    'compare subset with support 5, below its subset_size of 10':
        'silent at 049f738: 3.9 3.8 ± 3.9 3.36 0.0% 25.0% 2.28 ± is the half-width of the'
        ' 95% interval of the mean over tasks, 1.96 s/√n; median, diverged (fraction of t'
        'asks whos',
    "softmax_head targets with class 4 absent from every task's support set":
        'silent at 049f738: no error',
    'make_strategy family a Sinusoid of one amplitude and one phase, every task the same':
        'silent at 049f738: no error',
    'evaluate a subset strategy with n_support 5, below its subset_size of 10':
        'silent at 049f738: no error',
    'evaluate a user family whose query set is its support set shuffled':
        'silent at 049f738: no error',
    'a user family whose sample_params repeats one task for the whole batch, in train':
        'silent at 049f738: no error',
    'a user family whose metric ignores the prediction, in evaluate':
        'silent at 049f738: no error',
    'a GaussianClusters subclass drawing support labels at random, in train':
        'silent at 049f738: no error',
    'a user family whose query set is its support set shuffled, in train':
        'silent at 049f738: no error',
    'a user family whose query set is its support set shuffled, in held_out_tasks':
        'silent at 049f738: no error',
    'make_family sinusoid of one amplitude and one phase, every task the same, in train':
        'silent at 049f738: no error',
    "Omniglot data whose first character's 20 drawings are one drawing copied":
        'silent at 049f738: no error',
    'finn_split characters with one (alphabet, character) pair repeated':
        'silent at 049f738: no error',
    'Omniglot data whose background characters appear twice (the zip extracted twice)':
        'silent at 049f738: no error',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_ninetysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_ninetysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
