"""A forty-fourth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit a1f5215, from the user's side
only: the README; ``--help`` of ``python -m scratchmeta`` and of ``train``, ``evaluate``,
``compare`` and ``demo``; the public names and signatures of ``scratchmeta.meta``'s modules
(``maml``, ``anil``, ``subset``, ``multitask``, ``reptile``, ``ridge``, ``softmax_head``,
``adapt``, ``registry``, ``checkpoint``, ``training``, ``evaluate``, ``closed_form``),
``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; after the first run (to judge the misses only) the docstrings of
``datasets.omniglot.load``, ``batchnorm.batch_norm`` and ``MLP.apply``; and the earlier
batteries' ids, layout and shared helpers (imported, not copied). Not read: the body of any
validation code (``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``), the library's
source beyond that, its history, anything of /work/main. No ``__main__`` module was imported;
the command line runs through the shared helpers (``_train``, ``_evaluate``, ``_compare``) and
every case writes only inside its temporary folder (the tars, hard links, symlinked roots and
files opened for writing are made there).

Areas (the command line and Chapter 2's side; the engine, gradcheck, samplers, diagnostics,
testing kit, figures helpers and memory functions are another writer's), as written: train on
the command line (8), evaluate and compare (8), Chapter 2's functions -- meta_grad, inner_sgd,
anil_meta_loss, subset_meta_loss, multitask_loss, ridge_fit, newton_solve, softmax_head,
reptile_step, adapt's sgd_path (12), strategies, their configs and the registry (8), evaluate
and train in the library (10), checkpoints (11), nn/optim/batchnorm (7), task families and a
user's own family (10), Omniglot (10): 84. No ``figures``, ``demo`` or
``SCRATCHMETA_KEEP_FREED_MEMORY`` case: those were found exhausted by the forty-first and
forty-second batteries (every draft there repeated an earlier case), and the one environment
draft here (``SCRATCHMETA_DATA`` a tar of the zips) could not be made: a case's environment is
a fixed dict, so the tar would have had to be written outside the case's folder.

Kinds of bad value, none named by an earlier id on that function and argument (the first
and the fifth by no earlier id at all): a ``numpy.poly1d`` (a constant polynomial, which
NumPy reads as its coefficients, an array of shape (1,)) where a number, a count or an array
is meant (ridge_fit, softmax_head and ClosedFormConfig lam, newton_solve max_steps,
reptile_step inner_steps, sgd_path inner_lr, subset_meta_loss subset_size, MAMLConfig
meta_batch, make_strategy inner_lr, make_family sinusoid x_range and linear noise,
ReptileConfig meta_lr, evaluate n_steps and chunk_size, train n_steps, held_out_tasks n_query,
format_interval mean, save seed and step, per_task n_tasks, adam_update lr, batch_norm eps
and scale, MLP apply x and sizes, Sinusoid sample n_support and sample_params n_tasks,
LinearRegression noise, GaussianClusters sample n_query, Omniglot n_train and rotate,
check_shots n_way, finn_split n_validation); an open binary file object (``open(path,
'rb')`` or ``'wb'``) where a path is meant (load_checkpoint, restore, save and
check_checkpoint_path path, train checkpoint, omniglot load root and cache_dir, Omniglot
root); a bare ``classmethod`` object (not callable) where a function is meant (meta_grad,
anil_meta_loss, multitask_loss and sgd_path loss, inner_sgd apply, make_strategy model, train
progress) and a user's family whose loss, target or sample_x is one; a ``PCG64`` bit
generator where a numpy Generator or a seed is meant (subset_meta_loss, finn_init, Sinusoid,
LinearRegression, GaussianClusters and Omniglot sample rng, sample_params rng, make_strategy
family, evaluate and train seed); an ``NpzFile`` (``np.load`` of the good checkpoint) where a
flat dict or a state is meant (unflatten flat, save state); files that are not what they
claim -- a tar archive of the good checkpoint named .npz (load_checkpoint, evaluate
--checkpoint, train --resume), a user's .npz of one array named like a weight (restore), an
Omniglot root of tars named .zip (train --root, load root, restore root) and one whose two
zips are each other's (train --root, load root), a hard link to the good checkpoint as train
--out (data loss if it were overwritten); odd command lines -- number literals Python's own
parser reads but a number option should not: binary (train --meta-lr, --n-support,
--log-every, evaluate --query, compare --eval-seed), octal (train --lam, evaluate --seed,
compare --support), a ratio (evaluate --tasks, compare --val-tasks), and a Devanagari digit
(compare --seed).

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 7,357 ids by a regex at the start of each case tuple) were
compared with every draft by token overlap (Jaccard, filler words left out); each pair at 0.45
or more was listed, every pair at 0.6 or more was read, and for each draft the earlier ids on
the same option or function were grepped for the same kind (fraction/product/ratio, binary,
octal, non-ASCII digits, a bit generator, a file object, a user's own npz, a swapped root).
Of 94 drafted (all before any run), 10 were removed: 8 as repeats -- ``train inner-lr a ratio
1/100`` (after ``train inner-lr written as a fraction 1/100``), ``train steps a Devanagari
digit two`` (after ``train steps in Devanagari digits``), ``train seed an octal literal 0o7``
(after ``seed in octal``, the same argv), ``train set inner_steps a ratio 3/1`` (after ``train
set inner_steps a product 2*3``), ``train resume out`` and ``evaluate checkpoint a user's npz
of one array`` (after ``... a user's own npz of arrays``), ``MLP init rng a PCG64 bit
generator wrapped in a list`` (after ``MLP init rng a PCG64 bit generator`` and ``... a
list``), ``evaluate checkpoint a hard link to the good checkpoint under a .zip name`` (two
faults, the .zip name already tried on train --resume); and 2 not workable (the
``SCRATCHMETA_DATA`` draft above, and an unfinished evaluate --root draft). Kept although a
pair reached 0.6, as another kind or another argument: ``compare val-tasks a ratio 4/1`` (next
to ``compare val-tasks 1``), ``compare eval-seed a binary literal`` (earlier on --val-tasks),
``MAMLConfig check meta_batch``, ``evaluate n_steps``, ``train n_steps``, ``save step``,
``per_task n_tasks``, ``MLP apply x``, ``MLP sizes`` and ``Omniglot rotate`` a poly1d (earlier:
a NumPy -1, an array of one, a NumPy bool, a numpy matrix: none a poly1d), ``a user family
whose target is a bare classmethod object`` (earlier: a property object, which reads as its
value), ``omniglot load root with the two zips exchanged`` (earlier: two zero-byte zips),
``Omniglot root an open file object`` (earlier: a path to a file). Mentions: the argument's
name as in the signature (the dashed option on the command line, the file's name for files)
and the value's repr where short (``'0b1'``, ``'0o7'``, ``'4/1'``, the digit given), else the
type's name (``poly1d``, ``BufferedReader``/``BufferedWriter``, ``classmethod``, ``PCG64``,
``NpzFile``).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (0, 3)`` were kept (``_kept``): 50 of the 84, 48
after the drops. After the first run a case could only be dropped or corrected, never added or
swapped.

Dropped (``DROPPED``, 4): ``train root a tar of the Omniglot zips named .zip`` (kept; silent)
and ``omniglot load root a tar of the zips named .zip`` (not kept; silent) -- valid, as the
forty-second battery found for zips with a stub: load's docstring reads and hashes root's
archives, and a tar holding an uncompressed zip is read as that zip (bytes before and after
it); the members are Omniglot's own, so the drawings are right (the run trained, loss 1.60).
``restore root a tar of the Omniglot zips`` (kept; clear) -- wrong in itself: the good
checkpoint is a sinusoid run, so root was refused for that ("--root applies to omniglot
checkpoints"), a second fault; corrected to an omniglot run it would be valid, as the two
above. ``batch_norm scale a numpy poly1d`` (not kept; silent) -- valid: the docstring takes a
scale of shape (features,), and NumPy reads the poly1d as its coefficients [1, 1, 1]; the
result is right. Corrected (the mention was wrong for the value given): ``train checkpoint an
open file object``, ``save path an open file object`` (both kept) and ``omniglot load
cache_dir an open file object`` (not kept) open their file for writing, so the type is
``BufferedWriter``, not the ``BufferedReader`` first asked for (each message named the
argument and ``BufferedWriter``).

First run at a1f5215 (about 2 s as a script, 8 s with --written, 5 s under pytest), before
the drops and corrections: kept, 45 of 50 clear (90.0%), 4 unclear (8.0%), 1 silent (2.0%), 0
data loss -- cli train 4/5, cli evaluate/compare 5/5, meta functions 7/7, strategies 5/5,
evaluate and train 5/6, checkpoints 5/6, nn/optim/batchnorm 3/4, task families 6/6, omniglot
5/6; written, 77 of 84 clear (91.7%), 4 unclear (4.8%), 3 silent (3.6%), 0 data loss -- 7/8,
8/8, 12/12, 8/8, 9/10, 10/11, 5/7, 10/10, 8/10. After them: kept, 47 of 48 clear (97.9%), 1
unclear (2.1%), 0 silent, 0 data loss -- cli train 4/4, cli evaluate/compare 5/5, meta
functions 7/7, strategies 5/5, evaluate and train 6/6, checkpoints 5/5, nn/optim/batchnorm
3/4, task families 6/6, omniglot 6/6. Written, 79 of 80 clear (98.8%), 1 unclear (1.2%), 0
silent, 0 data loss -- 7/7, 8/8, 12/12, 8/8, 10/10, 10/10, 5/6, 10/10, 9/9. No checkpoint was
lost or changed: the hard link to the good checkpoint was refused as an existing run ("--out
.../hard.npz exists; pass --resume ... or --force"). Every classmethod, PCG64, NpzFile, file
object, exchanged-root and command-line case was clear (but the valid tar roots), and every
poly1d case but one.

Not clear, kept:
- ``MLP apply x a numpy poly1d``: unclear -- ValueError "x must have shape (points, 1) or
  (tasks, points, 1) ..., got shape (1,)": names x and the shape NumPy reads from the poly1d,
  not the poly1d given. Arguable: the poly1d is array-like, and its shape is wrong.
Not clear, written and not kept: none after the corrections and drops (before them the three
``BufferedWriter`` cases were unclear by their mention only, and the two tar roots and
``batch_norm scale`` silent, all valid).
Clear but worth a look: ``evaluate checkpoint a tar archive of the good checkpoint`` names the
file and says it "starts with b'././@PaxHeader...'", not that it is a tar.

Measured on main at 64c5ae5 (a1f5215 plus round 29, made with sight of the forty-fifth
battery only): the same, kept 47 of 48 clear (97.9%), 1 unclear, 0 silent, 0 data loss;
written, 79 of 80. (Before the writer's four drops and three mention corrections, kept 45 of
50 with 4 unclear and 1 silent.) Round 30 (with sight of this file, so not blind): a network's
input of the wrong shape that is not an array (a ``numpy.poly1d``) is named by its type in
the shape message. After it: all 48 kept and all 80 written clear.
"""

import os
import tarfile

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import (check_checkpoint_path, load_checkpoint, restore,
                                         unflatten)
from scratchmeta.meta.closed_form import ClosedFormConfig
from scratchmeta.meta.evaluate import format_interval, held_out_tasks
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.reptile import ReptileConfig, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_main, battery_params,
                                  kept_cases)
from test_bad_inputs_fifth import _evaluate_call, _features, _save
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _m, _p
from test_bad_inputs_twentyfourth import _data, _omni

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()

POLY = "poly1d"          # numpy.poly1d: array-like (its coefficients), not a number
FILE = "BufferedReader"  # an open binary file object (read) where a path is meant
FILE_W = "BufferedWriter"  # the same, opened for writing (where a path to write is meant)
CM = "classmethod"       # a bare classmethod object: not callable
PCG = "PCG64"            # a bit generator where a numpy Generator is meant
TAR = "tar"              # a tar archive named .npz


# --- objects the cases use -------------------------------------------------------------------

def _poly(value):
    """``np.poly1d([value])``: a constant polynomial; NumPy reads it as its coefficients."""
    return np.poly1d([value])


def _opened(path):
    """An open binary file object on ``path`` (what ``open(path, 'rb')`` gives)."""
    return open(path, "rb")


def _mse(*args, **kwargs):
    from scratchmeta.tasks import mse
    return mse(*args, **kwargs)


def _apply(*args, **kwargs):
    return _m().apply(*args, **kwargs)


CM_LOSS = classmethod(_mse)      # a classmethod object, taken out of its class
CM_APPLY = classmethod(_apply)


def _pcg():
    """A PCG64 bit generator: the engine under a Generator, not a Generator."""
    return np.random.PCG64(0)


def _tar_of_good(d, name="tarred.npz"):
    """A tar archive holding the good checkpoint, named .npz (not a zip at all)."""
    path = d / name
    if not path.exists():
        with tarfile.open(path, "w") as t:
            t.add(_good(d), arcname="good.npz")
    return path


def _hard_link_to_good(d):
    """A hard link to the good checkpoint (a run already there, under another name)."""
    link = d / "hard.npz"
    if not link.exists():
        os.link(_good(d), link)
    return link


def _npz_of_one_array(d):
    """A user's own .npz holding one plain array named like a checkpoint's weight."""
    path = d / "one.npz"
    if not path.exists():
        np.savez(path, **{"state/params/0": np.ones(3)})
    return path


def _tar_root(d):
    """An Omniglot root whose two archives are tar files of the real zips, named .zip."""
    root = d / "tar_root"
    root.mkdir(exist_ok=True)
    for name in ("images_background", "images_evaluation"):
        with tarfile.open(root / f"{name}.zip", "w") as t:
            t.add(REAL_DATA / f"{name}.zip", arcname=f"{name}.zip")
    return root


def _exchanged_root(d):
    """An Omniglot root whose two archives are each other's (background named evaluation)."""
    root = d / "exchanged_root"
    root.mkdir(exist_ok=True)
    (root / "images_background.zip").symlink_to(REAL_DATA / "images_evaluation.zip")
    (root / "images_evaluation.zip").symlink_to(REAL_DATA / "images_background.zip")
    return root


def _npz_file(d):
    """The good checkpoint opened by np.load: an NpzFile (a mapping of its arrays)."""
    return np.load(_good(d))


def _family(**attrs):
    return type("UserFamily", (Sinusoid,), attrs)()


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("train out a hard link to the good checkpoint", lambda d: ["train", "--steps", "2",
     "--meta-batch", "2", "--out", str(_hard_link_to_good(d))], ["--out", "hard.npz"]),
    ("train resume out a tar archive of the good checkpoint", lambda d: [
        "train", "--steps", "3", "--out", str(_tar_of_good(d)), "--resume"],
     ["tarred.npz"]),
    ("train root a tar of the Omniglot zips named .zip", lambda d: _train(
        "--family", "omniglot", "--root", str(_tar_root(d)))(d), ["images_background.zip"]),
    ("train root with the two Omniglot zips exchanged", lambda d: _train(
        "--family", "omniglot", "--root", str(_exchanged_root(d)))(d),
     ["images_background"]),
    ("train meta-lr a binary literal", _train("--meta-lr", "0b1"), ["--meta-lr", "0b1"]),
    ("train n-support a binary literal", _train("--n-support", "0b101"),
     ["--n-support", "0b101"]),
    ("train lam an octal literal", _train("--lam", "0o1"), ["--lam", "0o1"]),
    ("train log-every a binary literal", _train("--log-every", "0b1"),
     ["--log-every", "0b1"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint a tar archive of the good checkpoint", _evaluate(_tar_of_good),
     ["--checkpoint", "tarred.npz"]),
    ("evaluate seed an octal literal 0o7", _evaluate(_good, "--seed", "0o7"),
     ["--seed", "0o7"]),
    ("evaluate query a binary literal", _evaluate(_good, "--query", "0b101"),
     ["--query", "0b101"]),
    ("compare val-tasks a ratio 4/1", _compare("--val-tasks", "4/1"), ["--val-tasks", "4/1"]),
    ("compare seed a Devanagari digit", _compare("--seed", "\u0967"), ["--seed", "\u0967"]),
    ("compare eval-seed a binary literal", _compare("--eval-seed", "0b1"),
     ["--eval-seed", "0b1"]),
    ("evaluate tasks a ratio 4/1", _evaluate(_good, "--tasks", "4/1"), ["--tasks", "4/1"]),
    ("compare support an octal literal", _compare("--support", "0o5"), ["--support", "0o5"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_grad loss a bare classmethod object", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=CM_LOSS), ["loss", CM]),
    ("ridge_fit lam a numpy poly1d", lambda d: ridge_fit(*_features(), _poly(0.1)),
     ["lam", POLY]),
    ("inner_sgd apply a bare classmethod object", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, CM_APPLY, inner_lr=0.01,
        inner_steps=1), ["apply", CM]),
    ("newton_solve max_steps a numpy poly1d", lambda d: newton_solve(
        *_features(), 0.1, max_steps=_poly(5)), ["max_steps", POLY]),
    ("subset_meta_loss rng a PCG64 bit generator", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _pcg(), subset_size=2, inner_lr=0.01, inner_steps=1),
     ["rng", PCG]),
    ("softmax_head lam a numpy poly1d", lambda d: softmax_head(
        *_features(), _poly(0.1)), ["lam", POLY]),
    ("reptile_step inner_steps a numpy poly1d", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=_poly(1), meta_lr=0.1),
     ["inner_steps", POLY]),
    ("anil_meta_loss loss a bare classmethod object", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=CM_LOSS), ["loss", CM]),
    ("sgd_path inner_lr a numpy poly1d", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=_poly(0.01), loss=_mse), ["inner_lr", POLY]),
    ("multitask_loss loss a bare classmethod object", lambda d: multitask_loss(
        _p()[:2], [np.ones((2, 8, 1)), np.ones((2, 1))], _b().x_support, _b().y_support,
        _m(), loss=CM_LOSS), ["loss", CM]),
    ("subset_meta_loss subset_size a numpy poly1d", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=_poly(2), inner_lr=0.01, inner_steps=1),
     ["subset_size", POLY]),
    ("sgd_path loss a bare classmethod object", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=CM_LOSS), ["loss", CM]),
]

STRATEGY_CASES = [
    ("MAMLConfig check meta_batch a numpy poly1d", lambda d: MAMLConfig(
        meta_batch=_poly(2)).check(), ["meta_batch", POLY]),
    ("make_strategy inner_lr a numpy poly1d", lambda d: make_strategy(
        "maml", inner_lr=_poly(0.01)), ["inner_lr", POLY]),
    ("ClosedFormConfig check lam a numpy poly1d", lambda d: ClosedFormConfig(
        lam=_poly(1.0)).check(), ["lam", POLY]),
    ("make_family sinusoid x_range a numpy poly1d", lambda d: make_family(
        "sinusoid", x_range=np.poly1d([-5.0, 5.0])), ["x_range", POLY]),
    ("ReptileConfig check meta_lr a numpy poly1d", lambda d: ReptileConfig(
        meta_lr=_poly(0.1)).check(), ["meta_lr", POLY]),
    ("make_strategy family a PCG64 bit generator", lambda d: make_strategy(
        "maml", family=_pcg()), ["family", PCG]),
    ("make_family linear noise a numpy poly1d", lambda d: make_family(
        "linear", noise=_poly(0.1)), ["noise", POLY]),
    ("make_strategy model a bare classmethod object", lambda d: make_strategy(
        "maml", model=CM_APPLY), ["model", CM]),
]

EVALUATE_CASES = [
    ("evaluate n_steps a numpy poly1d", lambda d: _evaluate_call(n_steps=_poly(1)),
     ["n_steps", POLY]),
    ("train n_steps a numpy poly1d", lambda d: train(
        make_strategy("maml", meta_batch=2), _poly(2), 0), ["n_steps", POLY]),
    ("train checkpoint an open file object", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, checkpoint=open(d / "c.npz", "wb")),
     ["checkpoint", FILE_W]),
    ("held_out_tasks n_query a numpy poly1d", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, _poly(5)), ["n_query", POLY]),
    ("train progress a bare classmethod object", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, progress=CM_LOSS), ["progress", CM]),
    ("evaluate seed a PCG64 bit generator", lambda d: _evaluate_call(seed=_pcg()),
     ["seed", PCG]),
    ("format_interval mean a numpy poly1d", lambda d: format_interval(_poly(0.5), 0.1),
     ["mean", POLY]),
    ("evaluate chunk_size a numpy poly1d", lambda d: _evaluate_call(chunk_size=_poly(2)),
     ["chunk_size", POLY]),
    ("train seed a PCG64 bit generator", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, _pcg()), ["seed", PCG]),
    ("evaluate family a user's family whose loss is a bare classmethod object", lambda d:
        _evaluate_call(family=_family(loss=staticmethod(CM_LOSS))), ["loss", CM]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint path an open file object of the good checkpoint", lambda d:
        load_checkpoint(_opened(_good(d))), ["path", FILE]),
    ("load_checkpoint a tar archive of the good checkpoint", lambda d: load_checkpoint(
        _tar_of_good(d)), ["tarred.npz"]),
    ("restore path an open file object of the good checkpoint", lambda d: restore(
        _opened(_good(d))), ["path", FILE]),
    ("restore a user's npz of one array named like a weight", lambda d: restore(
        _npz_of_one_array(d)), ["one.npz"]),
    ("save path an open file object", lambda d: _save(d, path=open(d / "s.npz", "wb")),
     ["path", FILE_W]),
    ("save seed a numpy poly1d", lambda d: _save(d, seed=_poly(0)), ["seed", POLY]),
    ("unflatten flat an NpzFile of the good checkpoint", lambda d: unflatten(
        _npz_file(d)), ["flat", "NpzFile"]),
    ("save state an NpzFile of the good checkpoint", lambda d: _save(
        d, state=_npz_file(d)), ["state", "NpzFile"]),
    ("check_checkpoint_path path an open file object", lambda d: check_checkpoint_path(
        _opened(_good(d))), ["path", FILE]),
    ("restore root a tar of the Omniglot zips", lambda d: restore(
        _good(d), root=_tar_root(d)), ["root"]),
    ("save step a numpy poly1d", lambda d: _save(d, step=_poly(1)), ["step", POLY]),
]

NN_CASES = [
    ("finn_init rng a PCG64 bit generator", lambda d: finn_init(_pcg(), (1, 4, 1)),
     ["rng", PCG]),
    ("per_task n_tasks a numpy poly1d", lambda d: per_task(_p(), _poly(2)),
     ["n_tasks", POLY]),
    ("adam_update lr a numpy poly1d", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), _poly(1e-3)), ["lr", POLY]),
    ("batch_norm eps a numpy poly1d", lambda d: batch_norm(np.ones((4, 3)), eps=_poly(1e-3)),
     ["eps", POLY]),
    ("MLP apply x a numpy poly1d", lambda d: _m().apply(_p(), _poly(0.5)), ["x", POLY]),
    ("batch_norm scale a numpy poly1d", lambda d: batch_norm(
        np.ones((4, 3)), scale=np.poly1d([1.0, 1.0, 1.0])), ["scale", POLY]),
    ("MLP sizes a numpy poly1d", lambda d: MLP(np.poly1d([1, 8, 1])), ["sizes", POLY]),
]

TASK_CASES = [
    ("Sinusoid sample rng a PCG64 bit generator", lambda d: Sinusoid().sample(
        _pcg(), 2, 5, 5), ["rng", PCG]),
    ("Sinusoid sample n_support a numpy poly1d", lambda d: Sinusoid().sample(
        _rng(), 2, _poly(5), 5), ["n_support", POLY]),
    ("LinearRegression sample rng a PCG64 bit generator", lambda d: LinearRegression().sample(
        _pcg(), 2, 5, 5), ["rng", PCG]),
    ("GaussianClusters sample rng a PCG64 bit generator", lambda d: GaussianClusters().sample(
        _pcg(), 2, 5, 5), ["rng", PCG]),
    ("Sinusoid sample_params n_tasks a numpy poly1d", lambda d: Sinusoid().sample_params(
        _rng(), _poly(2)), ["n_tasks", POLY]),
    ("a user family whose target is a bare classmethod object", lambda d: _evaluate_call(
        family=_family(target=staticmethod(CM_APPLY))), ["target", CM]),
    ("LinearRegression noise a numpy poly1d", lambda d: LinearRegression(noise=_poly(0.1)),
     ["noise", POLY]),
    ("GaussianClusters sample n_query a numpy poly1d", lambda d: GaussianClusters().sample(
        _rng(), 2, 5, _poly(5)), ["n_query", POLY]),
    ("a user family whose sample_x is a bare classmethod object", lambda d: _evaluate_call(
        family=_family(sample_x=staticmethod(CM_APPLY))), ["sample_x", CM]),
    ("Sinusoid sample_params rng a PCG64 bit generator", lambda d: Sinusoid().sample_params(
        _pcg(), 2), ["rng", PCG]),
]

OMNIGLOT_CASES = [
    ("omniglot load root a tar of the zips named .zip", lambda d: omniglot_data.load(
        _tar_root(d), cache_dir=d / "cache", progress=False), ["images_background.zip"]),
    ("omniglot load root with the two zips exchanged", lambda d: omniglot_data.load(
        _exchanged_root(d), cache_dir=d / "cache", progress=False), ["images_background"]),
    ("omniglot load cache_dir an open file object", lambda d: omniglot_data.load(
        ROOT, cache_dir=open(d / "cache.bin", "wb"), progress=False), ["cache_dir", FILE_W]),
    ("Omniglot sample rng a PCG64 bit generator", lambda d: _omni().sample(_pcg(), 2, 1, 5),
     ["rng", PCG]),
    ("Omniglot n_train a numpy poly1d", lambda d: _omni(n_train=_poly(1100)),
     ["n_train", POLY]),
    ("Omniglot root an open file object", lambda d: Omniglot(5, root=_opened(
        REAL_DATA / "images_background.zip")), ["root", FILE]),
    ("check_shots n_way a numpy poly1d", lambda d: check_shots(_poly(5), 2, 1, 5),
     ["n_way", POLY]),
    ("finn_split n_validation a numpy poly1d", lambda d: finn_split(
        _data().alphabets, _data().characters, n_validation=_poly(100)),
     ["n_validation", POLY]),
    ("Omniglot rotate a numpy poly1d", lambda d: _omni(rotate=np.poly1d([0, 90, 180, 270])),
     ["rotate", POLY]),
    ("omniglot load root an open file object of the folder's zip", lambda d:
        omniglot_data.load(_opened(REAL_DATA / "images_background.zip"),
                           cache_dir=d / "cache", progress=False), ["root", FILE]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "train root a tar of the Omniglot zips named .zip": "valid by load's docstring, as the "
    "forty-second battery's zips with a stub: root's archives are read and hashed, and a tar "
    "holding an uncompressed zip is still read as that zip (bytes before and after it); the "
    "members are Omniglot's own, so the drawings are the right ones (it trained, loss 1.60)",
    "omniglot load root a tar of the zips named .zip": "valid, as the case above: load read "
    "and hashed the zips inside the tars and loaded the right drawings",
    "restore root a tar of the Omniglot zips": "wrong in itself: the good checkpoint is a "
    "sinusoid run, so root was refused for that ('--root applies to omniglot checkpoints'), a "
    "second fault; corrected to an omniglot run it would be valid, as the two cases above",
    "batch_norm scale a numpy poly1d": "valid: batch_norm's docstring takes scale of shape "
    "(features,), and NumPy reads a poly1d as its coefficients (its __array__), here [1, 1, "
    "1] of shape (3,): the result is right",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 3)."""
    return kept_cases(cases, (0, 3), DROPPED)


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


def test_the_fortyfourth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fortyfourth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
