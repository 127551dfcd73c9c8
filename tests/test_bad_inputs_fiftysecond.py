"""A fifty-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 31068a7, from the user's side
only: the README; ``--help`` of ``python -m scratchmeta`` and of ``train``, ``evaluate`` and
``compare``; the public names and signatures of ``scratchmeta.meta``'s modules (``maml``,
``anil``, ``subset``, ``multitask``, ``reptile``, ``ridge``, ``softmax_head``, ``adapt``,
``registry`` with its ``STRATEGIES`` and ``FAMILIES`` names, ``checkpoint``, ``training``,
``evaluate``, ``closed_form``), ``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``,
``datasets.omniglot`` and ``datasets.omniglot_tasks`` (and the signature of ``check_shots``,
read after the first run to correct a case); the earlier batteries' ids, layout and shared
helpers (imported, not copied). No docstring of a missing function was read. Not read: the
body of any validation code (``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``),
the library's source, its history, anything of /work/main. No ``__main__`` module was
imported; the command line runs through the shared helpers (``_train``, ``_evaluate``,
``_compare``); every case writes only inside its temporary folder (the user's own .npz and
every ``cache_dir`` are made there). Only the standard library and NumPy are used.

Areas (the command line and Chapter 2's side; the engine, gradcheck, samplers, diagnostics,
testing kit, figures helpers and memory functions are another writer's), as written: train on
the command line (10), evaluate and compare (10), Chapter 2's functions -- inner_sgd,
reptile_step, ridge_fit, sgd_path, anil_meta_loss, subset_indices, newton_solve,
fine_tune_tasks, multitask_loss, closed_form_meta_loss, subset_meta_loss (12), strategies,
their configs and the registry -- MAMLConfig, ReptileConfig, ClosedFormConfig, make_strategy,
strategy_from_config, default_model (8), evaluate, with_test_time, held_out_tasks,
format_interval, interval and train in the library (10), checkpoints -- load_checkpoint,
restore, save_checkpoint, unflatten (12), nn/optim/batchnorm (10), task families, losses and
a user's own family (12), Omniglot (10): 94.

Kinds of bad value. The one new family of this battery on this side: the right object in
hand, the wrong part of it (the fifty-first used it on the engine's side only):
- the library's own record where one of its fields is meant -- the ``Checkpoint`` that
  ``load_checkpoint`` gives (fine_tune_tasks and per_task params, strategy_from_config record,
  evaluate state, train checkpoint, save state, config and path, restore path, unflatten
  flat), a ``TestTimeChoice`` (sgd_path and with_test_time inner_lr, evaluate n_steps), an
  ``Evaluation`` (format_interval mean, interval values), the ``OmniglotImages`` that load
  gives (finn_split alphabets and characters, Omniglot root meant as data), one ``Part`` of
  ``OFFICIAL`` (load root; load parts, a tuple of them meant), the ``NpzFile`` that np.load
  gives (load_checkpoint and restore path), the images array (Omniglot data, the record
  meant), the ``SPLITS`` tuple (Omniglot split, one name meant);
- the whole where a part is meant -- the ``TaskBatch`` (MLP apply x, batch_norm h, mse pred,
  cross_entropy y_onehot), the strategy's whole state dict (reptile_step params, split
  params), the strategy object (inner_sgd apply, multitask_loss model, make_strategy and
  default_model, evaluate and held_out_tasks family), an MLP (MLP sizes), the MLP's
  parameter list (make_strategy model);
- a callable not called -- ``np.random.default_rng`` (subset_indices, subset_meta_loss, MLP
  init, finn_init, Sinusoid, GaussianClusters and Omniglot sample rng; save seed), the
  model's ``init`` method (anil_meta_loss and adam_init params), ``len`` (Sinusoid
  sample_params n_tasks); a user family whose sample_params returns its generator, whose
  sample_x returns ``rng.random`` uncalled, whose make_batch returns its task parameters, and
  whose target is ``np.sin`` (which takes x as its ``out`` array);
- a one-tuple left by a trailing comma (``lam = 0.1,``) where a number or a count is meant
  (ridge_fit and closed_form_meta_loss lam, newton_solve tol, inner_sgd inner_steps,
  MAMLConfig inner_lr, ReptileConfig and ClosedFormConfig meta_lr, make_strategy meta_batch,
  train n_steps, save step, adam_update lr, batch_norm eps, GaussianClusters spread,
  LinearRegression noise, SinusoidFrequency frequency, check_shots n_support, Omniglot n_way);
- a user's own ``np.savez`` file where a checkpoint is meant (load_checkpoint, restore,
  library train with resume) and a ``zipfile.ZipFile`` where restore's root is meant;
- on the command line: a thousands separator as other locales write it -- a NARROW NO-BREAK
  SPACE (train --log-every, --inner-steps, --set subset_size; evaluate --seed, --query;
  compare --val-tasks, --seed, --adapt-steps) or an apostrophe (train --seed; evaluate
  --steps, --support; compare --eval-seed), only on options where no earlier id put a
  thousands separator; a MINUS SIGN (U+2212) in an exponent, as copied from the notes' PDF,
  only where no earlier id used it (train --lam, --set lam, --set head_meta_lr); and the BLAS
  thread variables the README names set to values that are no thread count
  (OPENBLAS_NUM_THREADS ``two`` and ``0`` for train, ``two`` for compare; OMP_NUM_THREADS
  ``2.5`` for train, ``-1`` for evaluate).
Mentions: the argument's name (the dashed option, the variable's name, the config key, the
file's name for files, the method's name for a user family) and the value: the type's name
(``Checkpoint``, ``TaskBatch``, ``MAML``, ``default_rng``, ``method``, ...), the string as
given (its repr where it holds the invisible narrow space), or the repr (one-tuples, the
parameter list, SPLITS; after the corrections below).

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 8,159 unique id-like tuple heads by a regex) were grepped
for each kind's words (U+2212/Unicode minus, narrow/thin/apostrophe/thousands, OPENBLAS/OMP,
one-tuple/trailing comma, Checkpoint, TaskBatch, TestTimeChoice, Evaluation, OmniglotImages,
Part, NpzFile, default_rng, not called, savez/own npz, ZipFile, whole state) and for each
function and argument used. Drafts dropped for that before any run: Unicode minus on train
--meta-lr and --inner-lr ("meta-lr with a Unicode minus", "inner-lr unicode minus"),
thousands separators on train --steps, --checkpoint-every, compare --tasks, evaluate --tasks
(thousands-comma ids), a user's own npz on the command line ("train resume out a user's own
npz of arrays", "evaluate checkpoint a user's own npz of arrays"), ``train seed`` a function
("train seed a function"), per_task params the state dict ("per_task params a dict"),
ClosedFormConfig lam a one-tuple ("ClosedFormConfig check lam a list"), a ZipFile as load's
and Omniglot's root ("... an open file object of the folder's zip"), restore path an
extracted folder ("restore path a folder"), train --out under a file ("out under a file").
They were replaced before any run by the cases above. All 94 were written before any run.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (3, 4)`` were kept (``_kept``): 60 of the 94.
After the first run a case could only be dropped or corrected, never added or swapped.

Dropped: none. Corrected after the first run, each wrong in itself: (1) the 17 one-tuple
cases asked for ``tuple``, the type's name only, where the rules accept the repr too; the
messages show the repr (``got (0.01,)``), so each now asks for its repr, e.g. ``"(0.01,)"``
(16 clear then; ``ridge_fit lam`` stays unclear). (2) ``make_strategy model the MLP's
parameter list`` (not kept) asked for ``list``; its message shows the repr ``[array(...``,
now asked for (clear then). (3) ``Omniglot split the SPLITS tuple`` (not kept) asked for
``tuple``; its message shows the repr, now asked for (clear then). (4) ``check_shots
n_support a one-tuple`` (kept) put the tuple in the second place, which is n_tasks
(``check_shots(n_way, n_tasks, n_support, n_query)``): the message named n_tasks; now
``check_shots(5, 2, (5,), 5)`` (clear then). Also, not a case: ``TestTimeChoice`` is reached
through the module (``evaluate_module``) so that pytest does not try to collect it as a test
class (it warned).

First run at 31068a7 (about 3.5 s as a script), before the corrections: kept, 39 of 60 clear
(65.0%), 19 unclear (31.7%), 2 silent (3.3%), 0 data loss -- cli train 5/6, cli
evaluate/compare 5/6, meta functions 4/8, strategies 3/6, evaluate and train 5/6,
checkpoints 6/8, nn/optim/batchnorm 3/6, task families 4/8, omniglot 4/6. (The written set
was first run after the corrections only.) After them: kept, 52 of 60 clear (86.7%), 6
unclear (10.0%), 2 silent (3.3%), 0 data loss -- 5/6, 5/6, 6/8, 6/6, 6/6, 7/8, 4/6, 7/8, 6/6.
Written, 79 of 94 clear (84.0%), 10 unclear (10.6%), 5 silent (5.3%), 0 data loss -- 7/10,
8/10, 9/12, 8/8, 10/10, 11/12, 8/10, 10/12, 8/10. Every thousands-separator and Unicode-minus
command line was refused by its option and value, no checkpoint was lost, and every
one-tuple but ridge_fit's was named by its repr. Under pytest (about 5 s): 53 passed, 8
failed (the kept cases below).

Not clear, kept:
- ``train with OMP_NUM_THREADS a fraction``: silent -- OMP_NUM_THREADS=2.5, train ran and
  saved its checkpoint. Arguable: the variable is read by the BLAS, not by scratchmeta; the
  README only says the command line uses one thread "unless" it is set.
- ``compare with OPENBLAS_NUM_THREADS a word``: silent -- OPENBLAS_NUM_THREADS=two, compare
  printed its table. Arguable as above.
- ``ridge_fit lam a one-tuple from a trailing comma``: unclear -- ValueError "lam must be a
  scalar, got an array of shape (1,)": names lam, not the tuple (0.1,) given.
- ``fine_tune_tasks params the Checkpoint record, not its state``: unclear -- TypeError
  "shape: x must be an array of real numbers, got dict {'params': [...": an inner op's x and
  the checkpoint's state, never params or Checkpoint.
- ``save state the Checkpoint record, not its state``: unclear -- TypeError "state/3 must be an
  array or a number, got a str 'MAML'": the record read as a sequence of its fields.
- ``MLP apply x the TaskBatch, not its x_support``: unclear -- ValueError "x must have shape
  (points, 1) or (tasks, points, 1) (...), got shape (4, 2, 5, 1)": the four arrays stacked
  by NumPy; names x, not TaskBatch. Arguable: x and a wrong shape are named.
- ``per_task params the Checkpoint record, not its state's params``: unclear -- TypeError
  "params[0] must be an array of real numbers, got dtype object: {'params': [...": the
  record's first field, not Checkpoint.
- ``mse pred the TaskBatch, not a prediction``: unclear -- ValueError "mse: y must have the
  shape of pred, (4, 2, 5, 1), got shape (2, 5, 1)": blames y, whose shape is right.
Not clear, written and not kept:
- ``train with OPENBLAS_NUM_THREADS a word``: silent -- train ran (OPENBLAS_NUM_THREADS=two).
- ``train with OPENBLAS_NUM_THREADS zero``: silent -- train ran (OPENBLAS_NUM_THREADS=0).
- ``evaluate with OMP_NUM_THREADS negative``: silent -- evaluate printed its scores
  (OMP_NUM_THREADS=-1).
- ``multitask_loss model the strategy object, not its model``: unclear -- AttributeError
  "'Multitask' object has no attribute 'n_layers'".
- ``cross_entropy y_onehot the TaskBatch, not its labels``: unclear -- ValueError
  "cross_entropy: y_onehot must have the shape of logits, (2, 5, 3), got shape (4, 2, 5, 1)":
  names y_onehot and the stacked shape, not TaskBatch.
- ``finn_split alphabets the whole OmniglotImages record``: unclear -- NumPy's ValueError
  "setting an array element with a sequence. The requested array has an inhomogeneous shape
  after 1 dimensions...": names neither alphabets nor the record.
- ``finn_split characters the whole OmniglotImages record``: unclear -- the same NumPy message.

Measured on main at acb85ad (31068a7 plus round 35, made with sight of the fifty-third battery
only), blind: kept, 52 of 60 clear (86.7%), 6 unclear, 2 silent, 0 data loss; written, 79 of 94
(84.0%), 10 unclear, 5 silent, 0 data loss. Round 36 (with sight of this file, so not blind):
the command line (``main`` and both ``__main__`` modules) refuses a thread variable
(OPENBLAS_NUM_THREADS, OMP_NUM_THREADS, MKL_NUM_THREADS) that is no whole number of threads
>= 1, in one error line with exit 2 (``threads.check_thread_variables``); a namedtuple record
(a TaskBatch, a Checkpoint, OmniglotImages) given where an array, a parameter list, a
checkpoint's state or a list of names is meant is named by its type and fields
(``autodiff.checks.record_message``), where NumPy would have stacked its fields; ridge's lam
shows its value; ``multitask_loss`` checks its model first. After it: all 60 kept and all 94
written clear.
"""

import zipfile

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot, SPLITS, check_shots, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, unflatten
from scratchmeta.meta.closed_form import ClosedFormConfig, closed_form_meta_loss
from scratchmeta.meta import evaluate as evaluate_module
from scratchmeta.meta.evaluate import format_interval, held_out_tasks, interval, with_test_time
from scratchmeta.meta.maml import MAMLConfig, inner_sgd
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.registry import (default_model, make_strategy, strategy_from_config)
from scratchmeta.meta.reptile import ReptileConfig, fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve
from scratchmeta.meta.subset import subset_indices, subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, cross_entropy, mse

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

TU = "tuple"            # a one-tuple left by a trailing comma: ``lam = 0.1,`` gives (0.1,)
CK = "Checkpoint"       # load_checkpoint's record, where one of its fields is meant
TB = "TaskBatch"        # the whole batch, where one of its arrays is meant
TC = "TestTimeChoice"   # select_test_time's record, where its inner_lr or n_steps is meant
EV = "Evaluation"       # evaluate's record, where its mean or per-task values are meant
OI = "OmniglotImages"   # omniglot.load's record, where one of its arrays is meant
DR = "default_rng"      # np.random.default_rng itself, not called: not a generator
ME = "method"           # a bound method not called (model.init, rng.random)

MINUS = "\u2212"        # MINUS SIGN, as copied from the lecture notes' PDF (1e−3)
NNBSP = "\u202f"        # NARROW NO-BREAK SPACE, the thousands separator of fr/ch locales


# --- objects the cases use -------------------------------------------------------------------

def _strategy():
    return _maml()[0]


def _state():
    return _maml()[1]


def _ckpt(d):
    """The good checkpoint loaded: a Checkpoint record (state, step, seed, config, ...)."""
    return load_checkpoint(_good(d))


def _npz(d):
    """The good checkpoint opened by np.load: an NpzFile, not a path."""
    return np.load(_good(d))


def _own(d):
    """A user's own .npz of the parameters (np.savez), not a checkpoint of this library."""
    path = d / "own.npz"
    if not path.exists():
        np.savez(path, *[np.asarray(p) for p in _p()])
    return path


def _choice():
    return evaluate_module.TestTimeChoice(inner_lr=0.01, n_steps=1, candidates=(0.01,),
                                          validation=np.zeros((1, 2)), seed=11)


def _evaluation():
    return _evaluate_call()


def _zip():
    return zipfile.ZipFile(REAL_DATA / "images_background.zip")


def _family(**attrs):
    return type("UserFamily", (Sinusoid,), attrs)()


def _params_is_rng(self, rng, n_tasks):
    """A user's sample_params that returns its generator instead of drawing from it."""
    return rng


def _x_not_drawn(self, rng, task_params, n_points):
    """A user's sample_x that returns ``rng.random`` without calling it."""
    return rng.random


def _batch_is_params(self, rng, task_params, n_support, n_query):
    """A user's make_batch that returns the task parameters it was given, not a TaskBatch."""
    return task_params


# --- the command line: (id, argv(folder), mentions[, env]) -----------------------------------

CLI_TRAIN_CASES = [
    ("train lam with a Unicode minus in its exponent", _train(
        "--strategy", "closed_form", "--lam", "1e" + MINUS + "4"), ["--lam", "1e" + MINUS + "4"]),
    ("train log-every with a narrow no-break space as thousands separator", _train(
        "--log-every", "1" + NNBSP + "000"), ["--log-every", repr("1" + NNBSP + "000")]),
    ("train set lam with a Unicode minus in its exponent", _train(
        "--strategy", "closed_form", "--set", "lam=1e" + MINUS + "2"),
     ["lam", "1e" + MINUS + "2"]),
    ("train seed with an apostrophe as thousands separator", _train("--seed", "1'000"),
     ["--seed", "1'000"]),
    ("train with OPENBLAS_NUM_THREADS a word", _train(), ["OPENBLAS_NUM_THREADS", "two"],
     {"OPENBLAS_NUM_THREADS": "two"}),
    ("train inner-steps with a narrow no-break space as thousands separator", _train(
        "--inner-steps", "1" + NNBSP + "000"), ["--inner-steps", repr("1" + NNBSP + "000")]),
    ("train with OMP_NUM_THREADS a fraction", _train(), ["OMP_NUM_THREADS", "2.5"],
     {"OMP_NUM_THREADS": "2.5"}),
    ("train set head_meta_lr with a Unicode minus in its exponent", _train(
        "--strategy", "multitask", "--set", "head_meta_lr=3e" + MINUS + "2"),
     ["head_meta_lr", "3e" + MINUS + "2"]),
    ("train set subset_size with a narrow no-break space as thousands separator", _train(
        "--strategy", "subset", "--set", "subset_size=1" + NNBSP + "0"),
     ["subset_size", repr("1" + NNBSP + "0")]),
    ("train with OPENBLAS_NUM_THREADS zero", _train(), ["OPENBLAS_NUM_THREADS", "0"],
     {"OPENBLAS_NUM_THREADS": "0"}),
]

CLI_OTHER_CASES = [
    ("evaluate steps with an apostrophe as thousands separator", _evaluate(
        _good, "--steps", "1'000"), ["--steps", "1'000"]),
    ("evaluate seed with a narrow no-break space as thousands separator", _evaluate(
        _good, "--seed", "1" + NNBSP + "000"), ["--seed", repr("1" + NNBSP + "000")]),
    ("evaluate query with a narrow no-break space as thousands separator", _evaluate(
        _good, "--query", "1" + NNBSP + "000"), ["--query", repr("1" + NNBSP + "000")]),
    ("evaluate with OMP_NUM_THREADS negative", _evaluate(_good), ["OMP_NUM_THREADS", "-1"],
     {"OMP_NUM_THREADS": "-1"}),
    ("compare val-tasks with a narrow no-break space as thousands separator", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "1" + NNBSP + "000",
        "--adapt-steps", "1", "--strategies", "maml"],
     ["--val-tasks", repr("1" + NNBSP + "000")]),
    ("compare eval-seed with an apostrophe as thousands separator", _compare(
        "--eval-seed", "2'222"), ["--eval-seed", "2'222"]),
    ("compare seed with a narrow no-break space as thousands separator", _compare(
        "--seed", "1" + NNBSP + "000"), ["--seed", repr("1" + NNBSP + "000")]),
    ("compare with OPENBLAS_NUM_THREADS a word", _compare(), ["OPENBLAS_NUM_THREADS", "two"],
     {"OPENBLAS_NUM_THREADS": "two"}),
    ("evaluate support with an apostrophe as thousands separator", _evaluate(
        _good, "--support", "1'000"), ["--support", "1'000"]),
    ("compare adapt-steps with a narrow no-break space as thousands separator", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--adapt-steps",
        "1" + NNBSP + "0", "--strategies", "maml"],
     ["--adapt-steps", repr("1" + NNBSP + "0")]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("inner_sgd apply the strategy object, not its model's apply", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _strategy(), inner_lr=0.01,
        inner_steps=1), ["apply", "MAML"]),
    ("reptile_step params the strategy's whole state dict", lambda d: reptile_step(
        _state(), _b(), _strategy().model, inner_lr=0.01, inner_steps=1, meta_lr=0.1),
     ["params", "dict"]),
    ("ridge_fit lam a one-tuple from a trailing comma", lambda d: ridge_fit(
        *_features(), (0.1,)), ["lam", "(0.1,)"]),
    ("sgd_path inner_lr the TestTimeChoice record, not its inner_lr", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=_choice(), loss=mse), ["inner_lr", TC]),
    ("anil_meta_loss params the model's init method, not called", lambda d: anil_meta_loss(
        _m().init, _b(), _m(), inner_lr=0.01, inner_steps=1), ["params", ME]),
    ("subset_indices rng the default_rng function, not called", lambda d: subset_indices(
        np.random.default_rng, 2, 10, 5), ["rng", DR]),
    ("newton_solve tol a one-tuple from a trailing comma", lambda d: newton_solve(
        *_features(), 0.1, tol=(1e-10,)), ["tol", "(1e-10,)"]),
    ("fine_tune_tasks params the Checkpoint record, not its state", lambda d: fine_tune_tasks(
        _ckpt(d), _b(), _strategy().model, inner_lr=0.01, inner_steps=1), ["params", CK]),
    ("multitask_loss model the strategy object, not its model", lambda d: multitask_loss(
        _p()[:2], [np.ones((2, 8, 1)), np.ones((2, 1))], _b().x_support, _b().y_support,
        make_strategy("multitask")), ["model", "Multitask"]),
    ("closed_form_meta_loss lam a one-tuple from a trailing comma",
     lambda d: closed_form_meta_loss(split(_p())[0], _b(), _m(), lam=(1.0,)), ["lam", "(1.0,)"]),
    ("subset_meta_loss rng the default_rng function, not called", lambda d: subset_meta_loss(
        _p(), _b(), _m(), np.random.default_rng, subset_size=2, inner_lr=0.01,
        inner_steps=1), ["rng", DR]),
    ("inner_sgd inner_steps a one-tuple from a trailing comma", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=(1,)), ["inner_steps", "(1,)"]),
]

STRATEGY_CASES = [
    ("MAMLConfig check inner_lr a one-tuple from a trailing comma", lambda d: MAMLConfig(
        inner_lr=(0.01,)).check(), ["inner_lr", "(0.01,)"]),
    ("make_strategy family another strategy object", lambda d: make_strategy(
        "reptile", family=_strategy()), ["family", "MAML"]),
    ("ReptileConfig check meta_lr a one-tuple from a trailing comma", lambda d: ReptileConfig(
        meta_lr=(0.1,)).check(), ["meta_lr", "(0.1,)"]),
    ("strategy_from_config record the Checkpoint record, not its config",
     lambda d: strategy_from_config(_ckpt(d)), ["record", CK]),
    ("make_strategy model the MLP's parameter list, not the MLP", lambda d: make_strategy(
        "maml", model=_strategy().model.init(_rng())), ["model", "[array("]),
    ("ClosedFormConfig check meta_lr a one-tuple from a trailing comma",
     lambda d: ClosedFormConfig(meta_lr=(0.001,)).check(), ["meta_lr", "(0.001,)"]),
    ("default_model family the strategy object", lambda d: default_model(_strategy()),
     ["family", "MAML"]),
    ("make_strategy meta_batch a one-tuple from a trailing comma", lambda d: make_strategy(
        "maml", meta_batch=(25,)), ["meta_batch", "(25,)"]),
]

EVALUATE_CASES = [
    ("evaluate state the Checkpoint record, not its state", lambda d: _evaluate_call(
        state=_ckpt(d)), ["state", CK]),
    ("evaluate n_steps the TestTimeChoice record, not its n_steps", lambda d: _evaluate_call(
        n_steps=_choice()), ["n_steps", TC]),
    ("train n_steps a one-tuple from a trailing comma", lambda d: train(
        make_strategy("maml", meta_batch=2), (2,), 0), ["n_steps", "(2,)"]),
    ("evaluate family the strategy object", lambda d: _evaluate_call(family=_strategy()),
     ["family", "MAML"]),
    ("format_interval mean the Evaluation record, not its mean", lambda d: format_interval(
        _evaluation(), 0.1), ["mean", EV]),
    ("with_test_time inner_lr the TestTimeChoice record, not its inner_lr",
     lambda d: with_test_time(_strategy(), inner_lr=_choice()), ["inner_lr", TC]),
    ("train resume a user's own np.savez file", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, checkpoint=_own(d), resume=True),
     ["own.npz"]),
    ("held_out_tasks family the strategy object", lambda d: held_out_tasks(
        _strategy(), 2, 5, 5), ["family", "MAML"]),
    ("train checkpoint the loaded Checkpoint record, not its path", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, checkpoint=_ckpt(d), resume=True),
     ["checkpoint", CK]),
    ("interval values the Evaluation record, not its per_task values", lambda d: interval(
        _evaluation()), ["values", EV]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint a user's own np.savez file", lambda d: load_checkpoint(_own(d)),
     ["own.npz"]),
    ("load_checkpoint path the NpzFile np.load gave, not the path", lambda d: load_checkpoint(
        _npz(d)), ["path", "NpzFile"]),
    ("save state the Checkpoint record, not its state", lambda d: _save(d, state=_ckpt(d)),
     ["state", CK]),
    ("restore path the Checkpoint record already loaded", lambda d: restore(_ckpt(d)),
     ["path", CK]),
    ("restore root a zipfile.ZipFile of images_background.zip", lambda d: restore(
        _good(d), root=_zip()), ["root", "ZipFile"]),
    ("save config the Checkpoint record, not its config", lambda d: _save(
        d, config=_ckpt(d)), ["config", CK]),
    ("save step a one-tuple from a trailing comma", lambda d: _save(d, step=(1,)),
     ["step", "(1,)"]),
    ("restore path the NpzFile np.load gave, not the path", lambda d: restore(_npz(d)),
     ["path", "NpzFile"]),
    ("restore a user's own np.savez file", lambda d: restore(_own(d)), ["own.npz"]),
    ("save seed the default_rng function, not called", lambda d: _save(
        d, seed=np.random.default_rng), ["seed", DR]),
    ("save path the Checkpoint record", lambda d: _save(d, path=_ckpt(d)), ["path", CK]),
    ("unflatten flat the Checkpoint record", lambda d: unflatten(_ckpt(d)), ["flat", CK]),
]

NN_CASES = [
    ("MLP apply x the TaskBatch, not its x_support", lambda d: _m().apply(_p(), _b()),
     ["x", TB]),
    ("per_task params the Checkpoint record, not its state's params", lambda d: per_task(
        _ckpt(d), 2), ["params", CK]),
    ("adam_update lr a one-tuple from a trailing comma", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), (1e-3,)), ["lr", "(0.001,)"]),
    ("batch_norm h the TaskBatch, not one of its arrays", lambda d: batch_norm(_b()),
     ["h", TB]),
    ("MLP init rng the default_rng function, not called", lambda d: _m().init(
        np.random.default_rng), ["rng", DR]),
    ("adam_init params the model's init method, not called", lambda d: adam_init(_m().init),
     ["params", ME]),
    ("MLP sizes another MLP, not its sizes", lambda d: MLP(_m()), ["sizes", "MLP"]),
    ("finn_init rng the default_rng function, not called", lambda d: finn_init(
        np.random.default_rng, (1, 4, 1)), ["rng", DR]),
    ("batch_norm eps a one-tuple from a trailing comma", lambda d: batch_norm(
        np.ones((4, 3)), eps=(1e-3,)), ["eps", "(0.001,)"]),
    ("split params the strategy's whole state dict", lambda d: split(_state()),
     ["params", "dict"]),
]

TASK_CASES = [
    ("Sinusoid sample rng the default_rng function, not called", lambda d: Sinusoid().sample(
        np.random.default_rng, 2, 5, 5), ["rng", DR]),
    ("a user family whose sample_params returns its generator, in evaluate",
     lambda d: _evaluate_call(family=_family(sample_params=_params_is_rng)),
     ["sample_params", "Generator"]),
    ("GaussianClusters spread a one-tuple from a trailing comma", lambda d: GaussianClusters(
        spread=(2.0,)), ["spread", "(2.0,)"]),
    ("a user family whose sample_x returns rng.random, not called, in train",
     lambda d: train(make_strategy("maml", meta_batch=2,
                                   family=_family(sample_x=_x_not_drawn)), 2, 0),
     ["sample_x", ME]),
    ("a user family whose target is np.sin, which takes x as its out array",
     lambda d: _evaluate_call(family=_family(target=np.sin)), ["target", "sin"]),
    ("mse pred the TaskBatch, not a prediction", lambda d: mse(_b(), _b().y_query),
     ["pred", TB]),
    ("LinearRegression noise a one-tuple from a trailing comma", lambda d: LinearRegression(
        noise=(0.1,)), ["noise", "(0.1,)"]),
    ("Sinusoid sample_params n_tasks the len function, not applied",
     lambda d: Sinusoid().sample_params(_rng(), len), ["n_tasks", "function"]),
    ("GaussianClusters sample rng the default_rng function, not called",
     lambda d: GaussianClusters().sample(np.random.default_rng, 2, 5, 5), ["rng", DR]),
    ("cross_entropy y_onehot the TaskBatch, not its labels", lambda d: cross_entropy(
        np.zeros((2, 5, 3)), _b()), ["y_onehot", TB]),
    ("a user family whose make_batch returns its task parameters, in evaluate",
     lambda d: _evaluate_call(family=_family(make_batch=_batch_is_params)),
     ["make_batch", "ndarray"]),
    ("SinusoidFrequency frequency a one-tuple from a trailing comma",
     lambda d: SinusoidFrequency(frequency=(1.0,)), ["frequency", "(1.0,)"]),
]

OMNIGLOT_CASES = [
    ("omniglot load root a Part record, not a folder", lambda d: omniglot_data.load(
        omniglot_data.OFFICIAL[0], cache_dir=d / "cache", progress=False), ["root", "Part"]),
    ("omniglot load parts one Part, not a tuple of them", lambda d: omniglot_data.load(
        ROOT, cache_dir=d / "cache", parts=omniglot_data.OFFICIAL[0], progress=False),
     ["parts", "Part"]),
    ("Omniglot data the images array, not the OmniglotImages record", lambda d: Omniglot(
        5, data=_data().images), ["data", "ndarray"]),
    ("finn_split alphabets the whole OmniglotImages record", lambda d: finn_split(
        _data(), _data().characters), ["alphabets", OI]),
    ("Omniglot sample rng the default_rng function, not called", lambda d: _omni().sample(
        np.random.default_rng, 2, 1, 5), ["rng", DR]),
    ("Omniglot root the OmniglotImages record, meant as data", lambda d: Omniglot(
        5, root=_data()), ["root", OI]),
    ("check_shots n_support a one-tuple from a trailing comma", lambda d: check_shots(
        5, 2, (5,), 5), ["n_support", "(5,)"]),
    ("Omniglot n_way a one-tuple from a trailing comma", lambda d: _omni(n_way=(5,)),
     ["n_way", "(5,)"]),
    ("Omniglot split the SPLITS tuple of all three names", lambda d: _omni(split=SPLITS),
     ["split", repr(SPLITS)]),
    ("finn_split characters the whole OmniglotImages record", lambda d: finn_split(
        _data().alphabets, _data()), ["characters", OI]),
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
    the cases whose index i (from 0) has i % 5 not in (3, 4)."""
    return kept_cases(cases, (3, 4), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0].lower() or "zipfile" in case[0]


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


def test_the_fiftysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fiftysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
