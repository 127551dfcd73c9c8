"""A fifty-eighth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 391b373, from the user's side only. Read: the README; ``--help`` of
``python -m scratchmeta train``, ``evaluate`` and ``compare``; the public names and signatures
of ``scratchmeta.meta``'s modules (``maml``, ``anil``, ``subset``, ``multitask``, ``reptile``,
``ridge``, ``softmax_head``, ``adapt``, ``registry`` with ``STRATEGIES`` and ``FAMILIES``,
``checkpoint``, ``training``, ``evaluate``, ``closed_form``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; after the first run, to judge the misses only, the lines on
``lam`` and ``scale`` of the docstrings of ``ridge_fit``, ``softmax_head``,
``closed_form_meta_loss`` and ``batch_norm``; and the earlier batteries' ids, layout and shared
helpers (imported, not copied: ``_train``, ``_evaluate``, ``_good`` of the cli battery,
``_evaluate_call``, ``_features``, ``_save``, ``_select`` of the fifth, ``_compare`` of the
sixth, ``_b``, ``_m``, ``_p`` of the fourteenth, ``_omni`` of the twenty-fourth,
``_family``, ``_strategy`` of the fifty-second). Not read: the body of any validation code
(``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``), the library's source, its
history, anything of /work/main. No ``__main__`` module was imported; the command line runs
through the shared helpers and every case writes only inside its temporary folder (the
unzipped checkpoint, the tar files and the tar-only Omniglot root are made there; the real
zips are only read). Only the standard library, NumPy, SciPy and pytest are used.

Areas (the command line and Chapter 2's side; the engine, gradcheck, samplers, diagnostics,
testing kit, figures helpers and memory functions are another writer's), as written: train on
the command line (10), evaluate and compare (10), Chapter 2's functions -- meta_grad,
subset_meta_loss, ridge_fit, newton_solve, sgd_path, subset_indices, reptile_step, inner_sgd,
anil_meta_loss, closed_form_meta_loss, softmax_head, multitask_loss (12), strategies, their
configs, the registry and with_test_time (8), evaluate, train, held_out_tasks,
select_test_time, interval, format_interval in the library (10), checkpoints (12),
nn/optim/batchnorm (10), task families and a user's own family (12), Omniglot (8): 92.
Omniglot is two short of the asked ~10: an extracted-archives root (tens of thousands of PNGs
to write) and ``fetch`` (the network) were left out.

Kinds of bad value, each with no hit among the 8,550 earlier ids for its words
(``interp1d``/``schedule``, ``struct_time``/``localtime``, ``zipfile.Path``, ``unzip``,
``tar``-archive, ``**`` power expressions, ``epoch``/``time.time``, a comment on these
options):
- a SciPy ``interp1d`` -- a learning-rate (or lam, eps, tol) schedule, step -> value --
  where one number is meant (meta_grad, sgd_path, MAMLConfig, with_test_time inner_lr;
  reptile_step, make_strategy, ReptileConfig meta_lr; ridge_fit, closed_form_meta_loss,
  softmax_head, ClosedFormConfig lam; newton_solve tol; MultitaskConfig head_meta_lr;
  adam_update lr, beta1, eps; batch_norm eps and scale; LinearRegression and make_family linear
  noise; GaussianClusters spread; format_interval half_width; save meta_losses, a state's
  weight and a config value), where a list of step sizes is meant (select_test_time
  candidates), a range (Sinusoid amplitude), per-task values (interval values), inputs (MLP
  apply x), an activation name (MLP activation), a network apply (inner_sgd apply); and
  returned by a user's function (anil_meta_loss, multitask_loss and a user family's loss, a
  user family's target and sample_x) (mentions ``interp1d``);
- a ``time.struct_time`` -- ``time.localtime()``, the user seeding from the clock -- where a
  seed or a Generator is meant (train, evaluate, held_out_tasks, select_test_time and save
  seed; subset_meta_loss, subset_indices, MLP init, finn_init, Sinusoid, GaussianClusters,
  LinearRegression and Omniglot sample rng, Omniglot make_batch and sample_params rng), where a
  (low, high) pair is meant (make_family sinusoid and Sinusoid x_range, SinusoidFrequency
  frequency), and returned by a user family's sample_params (mentions ``struct_time``);
- a ``zipfile.Path`` into the .npz or the Omniglot zip where a file or folder path is meant
  (train checkpoint, load_checkpoint, restore, save and check_checkpoint_path path, restore
  root, omniglot load root and cache_dir, Omniglot root), or where what the path holds is meant
  (evaluate state and strategy, adam_init params, Omniglot data) (mentions ``Path(``, the
  start of its repr);
- files that are not what they claim: the good checkpoint unzipped into a folder
  (load_checkpoint, restore, evaluate --checkpoint, train --out with --resume), packed in a tar
  (load_checkpoint, evaluate --checkpoint, train --out with --resume), an Omniglot root holding
  the two zips inside one tar;
- on the command line: a note pasted after the value inside the quotes (``'100  # Finn et
  al.: 70000'``: train --steps, --inner-lr, --n-support; evaluate --steps; compare --steps,
  --val-tasks), a Python power expression (``10**-3``, ``2**-7``, ``10**-2``, ``2**4``,
  ``10**2``, ``2**3``: train --meta-lr, --inner-lr, --lam, --meta-batch; compare --tasks,
  --adapt-steps; evaluate --support), and ``time.time()``'s reading pasted as a seed
  (``1767610000.25``: train, evaluate and compare --seed).
Mentions: the argument's name (the option on the command line, the file's or folder's name
for files, the config key or state key for a config value or weight, the method's name for a
user family's function) and the value (the string as given, or the type's name as listed).

Repeats: the earlier ids (a regex at the head of each case tuple in every
``tests/test_bad_inputs_*.py`` and ``tests/sweep_bad_inputs_*.py``: 8,550) were grepped for
each kind's words (above) and for the near kinds (``fraction 1/100``, ``datetime``,
``datetime.time``, ``k suffix``, ``unit``, ``trailing comment``, ``ZipFile``, ``bz2``,
``sparse``, ``in place``, ``async``, ``generator function``); no draft is an earlier id
verbatim, and no draft takes a kind an earlier id used on the same function and argument, with
one exception found only after the first run, while writing this docstring: ``restore root a
zipfile.Path of images_background.zip`` (written, not kept) is near the earlier ``restore root
a zipfile.ZipFile of images_background.zip`` (an open zip object where the folder is meant);
no rule allows swapping it after the run, so it stays, for the lead to discount. The
struct_time is kept off every argument where an earlier battery gave a ``datetime`` or
``datetime.time`` (Omniglot n_train, MLP sizes, the configs' counts), and the trailing comment
off ``--set`` and the memory variable, where it was used.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (2, 3)`` were kept (``_kept``): 58 of the 92. After
the first run a case could only be dropped or corrected, never added or swapped.

Dropped (``DROPPED``): none (no docstring read makes an interp1d valid: softmax_head's says
``lam`` > 0, a scalar (or Tensor); batch_norm's says scale is None or of shape (features,)).
Corrected: none. Noted, not corrected (written, not kept): ``restore root a zipfile.Path of
images_background.zip`` gives root to a sinusoid checkpoint, which is a second fault; the
message refuses that ("--root applies to omniglot checkpoints; ... holds a sinusoid run (got
root=Path(...))"), naming root and the zipfile.Path, so it is counted clear but says nothing
about the zipfile.Path itself.

First run at 391b373 (about 3 s as a script with --written, 3 s under pytest): kept, 55 of 58
clear (94.8%), 3 unclear (5.2%), 0 silent, 0 data loss -- cli train 6/6, cli
evaluate/compare 6/6, meta functions 6/8, strategies 5/5, evaluate and train 6/6, checkpoints
8/8, nn/optim/batchnorm 5/6, task families 8/8, omniglot 5/5. Written, 88 of 92 clear
(95.7%), 4 unclear (4.3%), 0 silent, 0 data loss -- 10/10, 10/10, 9/12, 8/8, 10/10, 12/12,
9/10, 12/12, 8/8. (No drop or correction, so the same after.) No checkpoint was lost or
changed: the unzipped folder and the tar given to train --out with --resume were refused
("--out path must be a file name ending in .npz"). Under pytest: 56 passed, 3 failed (the
three kept cases below).

Not clear, kept:
- ``closed_form_meta_loss lam a scipy interp1d schedule``: unclear -- TypeError
  "stop_gradient: x must be an array of real numbers, got <scipy.interpolate._interpolate.
  interp1d object at ...>, which NumPy reads as an object ...": names the interp1d but not
  lam, and names the engine's stop_gradient instead.
- ``softmax_head lam a scipy interp1d schedule``: unclear -- the same stop_gradient message.
- ``batch_norm scale a scipy interp1d``: unclear -- TypeError "shape: x must be an array of
  real numbers, got interp1d <...>": names the interp1d but not scale (the engine's
  ``shape``).
Not clear, written and not kept:
- ``ridge_fit lam a scipy interp1d schedule``: unclear -- the same stop_gradient message as
  closed_form_meta_loss's, not naming lam.

Measured on main at 391b373 (the commit it was written at), blind: kept, 55 of 58 clear
(94.8%), 3 unclear, 0 silent, 0 data loss; written, 88 of 92 (95.7%). With the fifty-ninth
(59 of 60), the pair is 114 of 118 (96.6%), 0 silent, 0 data loss. Round 41 (with sight of
both files, so not blind): an object with a ``.dtype`` attribute of its own (SciPy's
interp1d) is no longer read as an array by Chapter 2's checks (``meta.checks.array_dtype``),
``batch_norm`` and the datasets' checks, so it is named by the argument given (``lam``,
``scale``). After it: all 58 kept and all 92 written clear.
"""

import tarfile
import time
import zipfile

import numpy as np
import pytest
from scipy.interpolate import interp1d

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import check_checkpoint_path, load_checkpoint, restore
from scratchmeta.meta.closed_form import ClosedFormConfig, closed_form_meta_loss
from scratchmeta.meta.evaluate import (format_interval, held_out_tasks, interval,
                                       with_test_time)
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad
from scratchmeta.meta.multitask import MultitaskConfig, multitask_loss
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.reptile import ReptileConfig, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import subset_indices, subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_main, battery_params,
                                  kept_cases)
from test_bad_inputs_fifth import _evaluate_call, _features, _save, _select
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _m, _p
from test_bad_inputs_twentyfourth import _omni
from test_bad_inputs_fiftysecond import _family, _strategy

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()

SCHED = "interp1d"        # a scipy interp1d learning-rate (or lam) schedule: a number was meant
CLOCK = "struct_time"     # time.localtime(): a clock reading, where a seed or Generator is meant
ZPATH = "Path("           # zipfile.Path: no os.PathLike; its repr starts "Path('...', '...')"
EPOCH = "1767610000.25"   # time.time() pasted where an integer seed is meant
COMMENT = "  # Finn et al.: 70000"   # a note pasted after the value, inside the quotes


# --- objects the cases use -------------------------------------------------------------------

def _sched(start=0.01):
    """A learning-rate schedule, step -> value, decaying tenfold over 1000 steps."""
    return interp1d([0.0, 1000.0], [start, start / 10])


def _clock():
    """A clock reading, as time.localtime() gives it (a struct_time of nine ints)."""
    return time.localtime(1767610000)


def _zpath(path, at=""):
    """A zipfile.Path into the zip at ``path`` (the user opened the .npz or .zip that way)."""
    return zipfile.Path(str(path), at)


def _unzipped(d):
    """The good checkpoint's members extracted into a folder (the user unzipped the .npz)."""
    folder = d / "unzipped"
    if not folder.exists():
        with zipfile.ZipFile(_good(d)) as z:
            z.extractall(folder)
    return folder


def _tar_of_good(d, name="good.tar"):
    """The good checkpoint packed into a tar archive."""
    path = d / name
    if not path.exists():
        good = _good(d)
        with tarfile.open(path, "w") as t:
            t.add(good, arcname=good.name)
    return path


def _tar_root(d):
    """An Omniglot root holding the two real zips packed into one tar, not the zips."""
    root = d / "tarroot"
    if not root.exists():
        root.mkdir()
        with tarfile.open(root / "omniglot.tar", "w") as t:
            for name in ("images_background.zip", "images_evaluation.zip"):
                t.add(REAL_DATA / name, arcname=name)
    return root


def _sched_target(self, task_params, x):
    """A user's target returning the interpolant itself, not its values at x."""
    return interp1d(np.arange(3.0), np.arange(3.0))


def _clock_params(self, rng, n_tasks):
    """A user's sample_params returning the clock reading it meant to seed with."""
    return time.localtime(1767610000)


def _sched_loss(pred, y):
    return interp1d([0.0, 1.0], [0.0, 1.0])


def _sched_sample_x(self, rng, task_params, n_points):
    return interp1d([0.0, 1.0], [-5.0, 5.0])


def _comment(value):
    return value + COMMENT


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("train steps with a pasted trailing comment", _train("--steps", _comment("100")),
     ["--steps", _comment("100")]),
    ("train meta-lr a Python power expression 10**-3", _train("--meta-lr", "10**-3"),
     ["--meta-lr", "10**-3"]),
    ("train resume out the good checkpoint unzipped into a folder", lambda d: [
        "train", "--steps", "3", "--out", str(_unzipped(d)), "--resume"], ["unzipped"]),
    ("train inner-lr with a pasted trailing comment", _train("--inner-lr",
                                                             _comment("0.01")),
     ["--inner-lr", _comment("0.01")]),
    ("train seed the epoch time time.time() with a fraction", _train("--seed", EPOCH),
     ["--seed", EPOCH]),
    ("train inner-lr a Python power expression 2**-7", _train("--inner-lr", "2**-7"),
     ["--inner-lr", "2**-7"]),
    ("train resume out a tar of the good checkpoint", lambda d: [
        "train", "--steps", "3", "--out", str(_tar_of_good(d)), "--resume"], ["good.tar"]),
    ("train n-support with a pasted trailing comment", _train("--n-support",
                                                              _comment("10")),
     ["--n-support", _comment("10")]),
    ("train lam a Python power expression 10**-2", _train(
        "--strategy", "closed_form", "--lam", "10**-2"), ["--lam", "10**-2"]),
    ("train meta-batch a Python power expression 2**4", _train("--meta-batch", "2**4"),
     ["--meta-batch", "2**4"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint the good checkpoint unzipped into a folder", lambda d: [
        "evaluate", "--checkpoint", str(_unzipped(d)), "--tasks", "4"],
     ["--checkpoint", "unzipped"]),
    ("evaluate steps with a pasted trailing comment", _evaluate(_good, "--steps",
                                                                _comment("10")),
     ["--steps", _comment("10")]),
    ("evaluate checkpoint a tar of the good checkpoint", _evaluate(_tar_of_good),
     ["--checkpoint", "good.tar"]),
    ("evaluate seed the epoch time time.time() with a fraction", _evaluate(
        _good, "--seed", EPOCH), ["--seed", EPOCH]),
    ("compare tasks a Python power expression 10**2", lambda d: [
        "compare", "--steps", "2", "--tasks", "10**2", "--val-tasks", "4", "--adapt-steps",
        "1", "--strategies", "maml"], ["--tasks", "10**2"]),
    ("compare steps with a pasted trailing comment", lambda d: [
        "compare", "--steps", _comment("2"), "--tasks", "4", "--val-tasks", "4",
        "--adapt-steps", "1", "--strategies", "maml"], ["--steps", _comment("2")]),
    ("compare seed the epoch time time.time() with a fraction", _compare("--seed", EPOCH),
     ["--seed", EPOCH]),
    ("evaluate support a Python power expression 2**3", _evaluate(
        _good, "--support", "2**3"), ["--support", "2**3"]),
    ("compare val-tasks with a pasted trailing comment", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", _comment("4"),
        "--adapt-steps", "1", "--strategies", "maml"], ["--val-tasks", _comment("4")]),
    ("compare adapt-steps a Python power expression 2**3", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--adapt-steps",
        "2**3", "--strategies", "maml"], ["--adapt-steps", "2**3"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_grad inner_lr a scipy interp1d schedule", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=_sched(), inner_steps=1), ["inner_lr", SCHED]),
    ("subset_meta_loss rng a time.struct_time clock reading", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _clock(), subset_size=2, inner_lr=0.01, inner_steps=1),
     ["rng", CLOCK]),
    ("ridge_fit lam a scipy interp1d schedule", lambda d: ridge_fit(*_features(),
                                                                    _sched(0.1)),
     ["lam", SCHED]),
    ("newton_solve tol a scipy interp1d schedule", lambda d: newton_solve(
        *_features(), 0.1, tol=_sched(1e-8)), ["tol", SCHED]),
    ("sgd_path inner_lr a scipy interp1d schedule", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=_sched(), loss=mse),
     ["inner_lr", SCHED]),
    ("subset_indices rng a time.struct_time clock reading", lambda d: subset_indices(
        _clock(), 2, 10, 5), ["rng", CLOCK]),
    ("reptile_step meta_lr a scipy interp1d schedule", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=_sched(0.1)),
     ["meta_lr", SCHED]),
    ("inner_sgd apply a scipy interp1d of one argument", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _sched(), inner_lr=0.01,
        inner_steps=1), ["apply", SCHED]),
    ("anil_meta_loss loss returning a scipy interp1d", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=_sched_loss),
     ["loss", SCHED]),
    ("closed_form_meta_loss lam a scipy interp1d schedule", lambda d: closed_form_meta_loss(
        _p()[:-2], _b(), _m(), lam=_sched(0.1)), ["lam", SCHED]),
    ("softmax_head lam a scipy interp1d schedule", lambda d: softmax_head(
        *_features(), _sched(0.1)), ["lam", SCHED]),
    ("multitask_loss loss returning a scipy interp1d", lambda d: multitask_loss(
        _p()[:2], [np.ones((2, 8, 1)), np.ones((2, 1))], _b().x_support, _b().y_support,
        _m(), loss=_sched_loss), ["loss", SCHED]),
]

STRATEGY_CASES = [
    ("make_strategy meta_lr a scipy interp1d schedule", lambda d: make_strategy(
        "maml", meta_lr=_sched(0.001)), ["meta_lr", SCHED]),
    ("MAMLConfig check inner_lr a scipy interp1d schedule", lambda d: MAMLConfig(
        inner_lr=_sched()).check(), ["inner_lr", SCHED]),
    ("ReptileConfig check meta_lr a scipy interp1d schedule", lambda d: ReptileConfig(
        meta_lr=_sched(0.1)).check(), ["meta_lr", SCHED]),
    ("ClosedFormConfig check lam a scipy interp1d schedule", lambda d: ClosedFormConfig(
        lam=_sched(1.0)).check(), ["lam", SCHED]),
    ("MultitaskConfig check head_meta_lr a scipy interp1d schedule", lambda d:
        MultitaskConfig(head_meta_lr=_sched(0.03)).check(), ["head_meta_lr", SCHED]),
    ("make_family sinusoid x_range a time.struct_time", lambda d: make_family(
        "sinusoid", x_range=_clock()), ["x_range", CLOCK]),
    ("make_family linear noise a scipy interp1d schedule", lambda d: make_family(
        "linear", noise=_sched(0.1)), ["noise", SCHED]),
    ("with_test_time inner_lr a scipy interp1d schedule", lambda d: with_test_time(
        _strategy(), inner_lr=_sched()), ["inner_lr", SCHED]),
]

EVALUATE_CASES = [
    ("train seed a time.struct_time clock reading", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, _clock()), ["seed", CLOCK]),
    ("evaluate seed a time.struct_time clock reading", lambda d: _evaluate_call(
        seed=_clock()), ["seed", CLOCK]),
    ("held_out_tasks seed a time.struct_time clock reading", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, 5, seed=_clock()), ["seed", CLOCK]),
    ("train checkpoint a zipfile.Path", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, checkpoint=_zpath(_good(d))),
     ["checkpoint", ZPATH]),
    ("select_test_time candidates a scipy interp1d schedule", lambda d: _select(
        candidates=_sched()), ["candidates", SCHED]),
    ("select_test_time seed a time.struct_time clock reading", lambda d: _select(
        seed=_clock()), ["seed", CLOCK]),
    ("interval values a scipy interp1d of per-task scores", lambda d: interval(
        interp1d([0.0, 1.0, 2.0], [0.1, 0.2, 0.3])), ["values", SCHED]),
    ("format_interval half_width a scipy interp1d", lambda d: format_interval(
        0.5, _sched(0.1)), ["half_width", SCHED]),
    ("evaluate state a zipfile.Path of the checkpoint", lambda d: _evaluate_call(
        state=_zpath(_good(d))), ["state", ZPATH]),
    ("evaluate strategy a zipfile.Path of the checkpoint", lambda d: _evaluate_call(
        strategy=_zpath(_good(d))), ["strategy", ZPATH]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint path a zipfile.Path of the checkpoint", lambda d: load_checkpoint(
        _zpath(_good(d))), ["path", ZPATH]),
    ("restore path a zipfile.Path of the checkpoint", lambda d: restore(_zpath(_good(d))),
     ["path", ZPATH]),
    ("load_checkpoint the good checkpoint unzipped into a folder", lambda d:
        load_checkpoint(_unzipped(d)), ["unzipped"]),
    ("restore root a zipfile.Path of images_background.zip", lambda d: restore(
        _good(d), root=_zpath(REAL_DATA / "images_background.zip")), ["root", ZPATH]),
    ("check_checkpoint_path path a zipfile.Path", lambda d: check_checkpoint_path(
        _zpath(_good(d))), ["path", ZPATH]),
    ("save path a zipfile.Path into an existing checkpoint", lambda d: _save(
        d, path=_zpath(_good(d), "s.npz")), ["path", ZPATH]),
    ("save seed a time.struct_time clock reading", lambda d: _save(d, seed=_clock()),
     ["seed", CLOCK]),
    ("save config a value that is a scipy interp1d schedule", lambda d: _save(
        d, config={"inner_lr": _sched()}), ["inner_lr", SCHED]),
    ("load_checkpoint a tar of the good checkpoint", lambda d: load_checkpoint(
        _tar_of_good(d)), ["good.tar"]),
    ("restore the good checkpoint unzipped into a folder", lambda d: restore(
        _unzipped(d)), ["unzipped"]),
    ("save meta_losses a scipy interp1d of the losses", lambda d: _save(
        d, meta_losses=interp1d([0.0, 1.0], [1.0, 0.5])), ["meta_losses", SCHED]),
    ("save state a weight that is a scipy interp1d", lambda d: _save(
        d, state={"w": _sched()}), ["w", SCHED]),
]

NN_CASES = [
    ("MLP init rng a time.struct_time clock reading", lambda d: _m().init(_clock()),
     ["rng", CLOCK]),
    ("adam_update lr a scipy interp1d schedule", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), _sched(1e-3)), ["lr", SCHED]),
    ("batch_norm eps a scipy interp1d schedule", lambda d: batch_norm(
        np.ones((4, 3)), eps=_sched(1e-3)), ["eps", SCHED]),
    ("finn_init rng a time.struct_time clock reading", lambda d: finn_init(
        _clock(), (1, 4, 1)), ["rng", CLOCK]),
    ("MLP activation a scipy interp1d", lambda d: MLP(
        (1, 8, 1), activation=interp1d([-5.0, 0.0, 5.0], [0.0, 0.0, 5.0])),
     ["activation", SCHED]),
    ("adam_update beta1 a scipy interp1d schedule", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), 1e-3, beta1=_sched(0.9)),
     ["beta1", SCHED]),
    ("batch_norm scale a scipy interp1d", lambda d: batch_norm(
        np.ones((4, 3)), scale=_sched(1.0)), ["scale", SCHED]),
    ("MLP apply x a scipy interp1d", lambda d: _m().apply(_p(), _sched()), ["x", SCHED]),
    ("adam_update eps a scipy interp1d schedule", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), 1e-3, eps=_sched(1e-8)),
     ["eps", SCHED]),
    ("adam_init params a zipfile.Path of the checkpoint", lambda d: adam_init(
        _zpath(_good(d))), ["params", ZPATH]),
]

TASK_CASES = [
    ("Sinusoid amplitude a scipy interp1d", lambda d: Sinusoid(
        amplitude=interp1d([0.0, 1.0], [0.1, 5.0])), ["amplitude", SCHED]),
    ("Sinusoid sample rng a time.struct_time clock reading", lambda d: Sinusoid().sample(
        _clock(), 2, 5, 5), ["rng", CLOCK]),
    ("a user family whose target returns a scipy interp1d, in evaluate", lambda d:
        _evaluate_call(family=_family(target=_sched_target)), ["target", SCHED]),
    ("LinearRegression noise a scipy interp1d schedule", lambda d: LinearRegression(
        noise=_sched(0.1)), ["noise", SCHED]),
    ("GaussianClusters sample rng a time.struct_time clock reading", lambda d:
        GaussianClusters().sample(_clock(), 2, 5, 5), ["rng", CLOCK]),
    ("a user family whose sample_params returns a time.struct_time, in train", lambda d:
        train(make_strategy("maml", meta_batch=2,
                            family=_family(sample_params=_clock_params)), 2, 0),
     ["sample_params", CLOCK]),
    ("SinusoidFrequency frequency a time.struct_time", lambda d: SinusoidFrequency(
        frequency=_clock()), ["frequency", CLOCK]),
    ("a user family whose loss returns a scipy interp1d, in train", lambda d: train(
        make_strategy("maml", meta_batch=2, family=_family(loss=staticmethod(_sched_loss))),
        2, 0), ["loss", SCHED]),
    ("GaussianClusters spread a scipy interp1d schedule", lambda d: GaussianClusters(
        spread=_sched(2.0)), ["spread", SCHED]),
    ("LinearRegression sample rng a time.struct_time clock reading", lambda d:
        LinearRegression().sample(_clock(), 2, 5, 5), ["rng", CLOCK]),
    ("a user family whose sample_x returns a scipy interp1d, in evaluate", lambda d:
        _evaluate_call(family=_family(sample_x=_sched_sample_x)), ["sample_x", SCHED]),
    ("Sinusoid x_range a time.struct_time", lambda d: Sinusoid(x_range=_clock()),
     ["x_range", CLOCK]),
]

OMNIGLOT_CASES = [
    ("omniglot load root a zipfile.Path of images_background.zip", lambda d:
        omniglot_data.load(_zpath(REAL_DATA / "images_background.zip"),
                           cache_dir=d / "cache", progress=False), ["root", ZPATH]),
    ("Omniglot sample rng a time.struct_time clock reading", lambda d: _omni().sample(
        _clock(), 2, 1, 5), ["rng", CLOCK]),
    ("omniglot load cache_dir a zipfile.Path", lambda d: omniglot_data.load(
        ROOT, cache_dir=_zpath(REAL_DATA / "images_background.zip"), progress=False),
     ["cache_dir", ZPATH]),
    ("Omniglot root a zipfile.Path of images_background.zip", lambda d: Omniglot(
        5, root=_zpath(REAL_DATA / "images_background.zip")), ["root", ZPATH]),
    ("Omniglot make_batch rng a time.struct_time clock reading", lambda d:
        _omni().make_batch(_clock(), _omni().sample_params(_rng(), 2), 1, 5),
     ["rng", CLOCK]),
    ("Omniglot sample_params rng a time.struct_time clock reading", lambda d:
        _omni().sample_params(_clock(), 2), ["rng", CLOCK]),
    ("Omniglot data a zipfile.Path of images_background.zip", lambda d: Omniglot(
        5, data=_zpath(REAL_DATA / "images_background.zip")), ["data", ZPATH]),
    ("omniglot load root holding the two zips packed in one tar", lambda d:
        omniglot_data.load(_tar_root(d), cache_dir=d / "cache", progress=False),
     ["images_background.zip"]),
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
    the cases whose index i (from 0) has i % 5 not in (2, 3)."""
    return kept_cases(cases, (2, 3), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0].lower() or "images_background" in case[0]


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


def test_the_fiftyeighth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fiftyeighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
