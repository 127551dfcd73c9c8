"""A sixty-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case``. Written
blind, in a worktree at commit 6342e77, from the user's side only. Read: the README; ``--help``
of ``python -m scratchmeta train``, ``evaluate`` and ``compare``; the public names and
signatures of ``scratchmeta.meta``'s modules (maml, anil, subset, multitask, reptile, ridge,
softmax_head, adapt, registry with STRATEGIES and FAMILIES, checkpoint, training, evaluate,
closed_form), ``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``,
``datasets.omniglot`` and ``datasets.omniglot_tasks``; the earlier batteries' ids, layout and
shared helpers (imported, not copied). No docstring was read after the run (the two
corrections below follow from the signatures and the messages). Not read: any validation
code, the library's source, its history, anything of /work/main. No ``__main__`` module was
imported; every case writes only inside its temporary folder. Only the standard library,
NumPy and pytest are used.

Areas, as written: train on the command line (10, one under SCRATCHMETA_DATA), evaluate and
compare (10, one under SCRATCHMETA_DATA), Chapter 2's functions (12), strategies, configs and
the registry (8), evaluate/train/select_test_time/interval/format_interval/held_out_tasks/
with_test_time in the library (10), checkpoints (12), nn/optim/batchnorm (10), task families
and a user's own family (12), Omniglot (10): 94.

Kinds of bad value (each new on its function and argument among the earlier ids):
- a 0-d NumPy array of dtype object (``np.array(0.01, dtype=object)``, what ``np.asarray``
  gives for a mixed list) where a number, a count or a path is meant: meta_grad and
  anil_meta_loss inner_lr, ridge_fit and softmax_head lam, newton_solve tol, subset_meta_loss
  subset_size, closed_form_meta_loss scale, MAMLConfig meta_lr, ReptileConfig inner_lr,
  ClosedFormConfig n_query, MultitaskConfig head_steps, make_strategy inner_steps,
  make_family linear noise and clusters n_way, evaluate n_tasks, held_out_tasks n_query,
  train n_steps, select_test_time max_steps, format_interval mean, with_test_time inner_lr,
  interval axis, save step/seed/meta_losses (a list of them)/config (a value)/changes (in a
  tuple), check_checkpoint_path/restore path and train checkpoint (a path inside one),
  adam_update lr and beta1, per_task n_tasks, batch_norm eps, MLP sizes (a list of them),
  Sinusoid sample n_support, sample_params n_tasks, LinearRegression noise, GaussianClusters
  spread and sample n_query, Omniglot n_way, n_validation, sample n_query, sample_params
  n_tasks, check_shots n_support, finn_split n_train; object-dtype vectors where float arrays
  or pairs are meant (finn_init sizes, batch_norm scale, adam_init and per_task params, MLP
  dtype ``object``, SinusoidFrequency frequency, LinearRegression mean, Omniglot rotate);
- files compressed with xz (lzma), new on this side (bz2 was the forty-sixth's): the good
  checkpoint under a .npz name (train --out --resume, evaluate --checkpoint, train checkpoint
  with resume, load_checkpoint, restore) and as ``good.npz.xz`` (evaluate, load_checkpoint,
  restore); an Omniglot root whose zips are xz-compressed (train --root, SCRATCHMETA_DATA for
  train and compare, omniglot load, Omniglot root; one root with only images_evaluation.zip
  compressed);
- user functions that write into their inputs in place (no earlier id on these methods or
  arguments): a loss zeroing y (meta_grad, reptile_step, sgd_path, multitask_loss; a user
  family's loss in evaluate and in train), an apply zeroing x (inner_sgd), a user family's
  sample_x zeroing task_params (in sample, evaluate and train), its target overwriting
  task_params (evaluate, train) and its metric zeroing y (evaluate);
- on the command line, a C literal suffix (``0.01d``, ``1.0f``, ``5L``, ``1u``, ``4L``,
  ``3u``, ``22L``: train --inner-lr, --lam, --n-support, --seed; evaluate --query, --steps;
  compare --val-tasks, --eval-seed) and an option given two values (``--steps 2 3``: train
  --steps, --meta-lr, --log-every; evaluate --tasks; compare --query, --support).
Mentions: the argument's name (the option, the variable, the user family's method) and
``object`` (the dtype's name in the value's repr), the string as typed, the second value
given, or the compressed file's name.

Repeats: the 8,954 earlier id-like tuple heads were grepped for each kind word (lzma, xz,
object, dtype=object, 0-d, in place, writ, suffix, two values, second value) and for the
kinds considered and left (bool, NumPy bool, range, dict_values, Fraction, comma, hex, tar,
bz2, open file, TemporaryDirectory: all found on these functions before); then a script
listed, for every draft, the earlier ids starting with the same two words and carrying its
kind word. The 32 pairs it listed were read: all were another kind (``a map object``, ``a
numpy finfo object``, ``an object with __float__``, ``an object array of ragged rows`` /
``of arrays``, ``a dtype object``, ``a TemporaryDirectory object``; the in-place ones on
another method or argument: target rescaling x, metric zeroing the predictions); none
removed.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i has ``i % 5 not in (0, 3)`` (``_kept``): 56 of the 94.

Dropped: none. Corrected after the first run, each wrong in itself: ``with_test_time n_steps
a 0-d object array`` (kept) passed ``n_steps``, which is no field of the strategy's config
(TypeError "MAMLConfig.__init__() got an unexpected keyword argument 'n_steps'", a fault of
the name, not of the value): now ``inner_lr`` (the id kept; clear then); ``Omniglot sample
n_query a 0-d object array`` (kept) also gave n_support=1 for n_way=5, a second fault the
message named: n_support is now 5 (clear then).

First run at 6342e77 (about 5 s as a script, 7 s under pytest), before the corrections:
written, 75 of 94 clear (79.8%), 11 unclear, 8 silent, 0 data loss; kept, 47 of 56 clear
(83.9%), 9 unclear, 0 silent. After them: written 77 of 94 clear (81.9%), 9 unclear (9.6%), 8
silent (8.5%), 0 data loss -- cli train 5/10, evaluate/compare 6/10, meta functions 7/12,
strategies 8/8, evaluate and train 10/10, checkpoints 12/12, nn/optim/batchnorm 9/10, task
families 10/12, omniglot 10/10. Kept: 49 of 56 clear (87.5%), 7 unclear (12.5%), 0 silent,
0 data loss -- 3/6, 2/6, 7/7, 5/5, 6/6, 7/7, 6/6, 7/7, 6/6. Under pytest: 50 passed, 7
failed (the kept not-clear cases below). No checkpoint was lost or changed.

Not clear, kept:
- ``train steps given two values``: unclear -- "error: scratchmeta: unrecognized arguments: 3
  (see python -m scratchmeta --help)": argparse's message, it does not name --steps.
- ``train root a folder of xz-compressed Omniglot zips``: unclear -- "error:
  '/tmp/.../xzroot/images_background.zip' is damaged or not a zip archive (BadZipFile: File
  is not a zip file). Replace it (official copy: ...)": names the file, not --root
  (arguable: the path shown is inside the --root given).
- ``train log-every given two values``: unclear -- "unrecognized arguments: 2", no --log-every.
- ``evaluate tasks given two values``: unclear -- "unrecognized arguments: 5", no --tasks.
- ``compare query given two values``: unclear -- "unrecognized arguments: 6", no --query.
- ``SCRATCHMETA_DATA a folder of xz-compressed zips, omniglot compare``: unclear -- "error:
  '/tmp/.../xzdata/omniglot/images_background.zip' is damaged or not a zip archive
  (BadZipFile: ...)": names the file, not SCRATCHMETA_DATA (arguable, as above).
- ``compare support given two values``: unclear -- "unrecognized arguments: 6", no --support.
Not clear, written and not kept:
- ``train meta-lr given two values``: unclear -- "unrecognized arguments: 0.01", no --meta-lr.
- ``SCRATCHMETA_DATA a folder of xz-compressed zips, omniglot train``: unclear -- the same
  "is damaged or not a zip archive" message, not naming SCRATCHMETA_DATA.
- ``meta_grad loss a user's loss writing into y in place``: silent -- no error.
- ``inner_sgd apply a user's apply writing into x in place``: silent -- no error.
- ``reptile_step loss a user's loss writing into y in place``: silent -- no error.
- ``sgd_path loss a user's loss writing into y in place``: silent -- no error.
- ``multitask_loss loss a user's loss writing into y in place``: silent -- no error.
- ``finn_init sizes an object-dtype array``: silent -- no error.
- ``SinusoidFrequency frequency an object-dtype pair``: silent -- no error.
- ``LinearRegression mean an object-dtype pair``: silent -- no error.

Measured on main at 6342e77 (the commit it was written at), blind: kept, 49 of 56 clear
(87.5%), 7 unclear, 0 silent, 0 data loss; written, 77 of 94 (81.9%), 9 unclear, 8 silent.
Round 43 (with sight of this file and the sixty-third, so not blind): an option given two
values (``--steps 2 3``) is named with both values, instead of argparse's "unrecognized
arguments: 3"; an Omniglot archive that is damaged says which argument led to it (``root``,
``--root`` on the command line, or ``SCRATCHMETA_DATA``); a user's loss is probed with
read-only arrays, so one that writes into pred or y is named. After it: all 56 kept clear;
written, 90 of 94 -- left, silent and not kept: ``inner_sgd`` with an apply that writes into
x, and object-dtype arrays for ``finn_init`` sizes, ``SinusoidFrequency``'s frequency and
``LinearRegression``'s mean.
"""

import lzma

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import check_checkpoint_path, load_checkpoint, restore
from scratchmeta.meta.closed_form import ClosedFormConfig, closed_form_meta_loss
from scratchmeta.meta.evaluate import (format_interval, held_out_tasks, interval,
                                       with_test_time)
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad, mse
from scratchmeta.meta.multitask import MultitaskConfig, multitask_loss
from scratchmeta.meta.registry import make_family, make_strategy
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

OB = "object"      # a 0-d (or 1-d) NumPy array of dtype object where a number or array is meant
DATA = "SCRATCHMETA_DATA"
ZIPS = ("images_background.zip", "images_evaluation.zip")


# --- objects the cases use -------------------------------------------------------------------

def _obj(value):
    """np.array(value, dtype=object): a 0-d object array (what np.asarray gives for a mix)."""
    return np.array(value, dtype=object)


_XZ = {}   # the real zips compressed with xz once per process (module-level cache of bytes)


def _xz_bytes(name):
    if name not in _XZ:
        _XZ[name] = lzma.compress((REAL_DATA / name).read_bytes(), preset=0)
    return _XZ[name]


def _xz_of_good(d, name="xz.npz"):
    """The good checkpoint compressed with xz (lzma), still named .npz (not a zip)."""
    path = d / name
    if not path.exists():
        path.write_bytes(lzma.compress(_good(d).read_bytes()))
    return path


def _xz_root(d, names=ZIPS, folder="xzroot"):
    """An Omniglot root whose .zip files are the real zips compressed with xz."""
    root = d / folder
    if not root.exists():
        root.mkdir(parents=True)
        for name in ZIPS:
            if name in names:
                (root / name).write_bytes(_xz_bytes(name))
            else:
                (root / name).write_bytes((REAL_DATA / name).read_bytes())
    return root


def _xz_data(d):
    """A SCRATCHMETA_DATA folder whose omniglot/ holds xz-compressed zips."""
    _xz_root(d, folder="xzdata/omniglot")
    return d / "xzdata"


def _loss_writes_y(pred, y):
    """A user's loss that zeroes its targets in place before scoring."""
    y[...] = 0.0
    return mse(pred, y)


def _apply_writes_x(params, x):
    """A user's apply that overwrites its inputs in place."""
    x[...] = 0.0
    return _m().apply(params, x)


def _sample_x_writes_params(self, rng, task_params, n_points):
    """A user family's sample_x that zeroes the task parameters it is given."""
    task_params[...] = 0.0
    return Sinusoid.sample_x(self, rng, task_params, n_points)


def _target_writes_params(self, task_params, x):
    """A user family's target that overwrites the task parameters it is given."""
    task_params[...] = 1.0
    return Sinusoid.target(self, task_params, x)


def _metric_writes_y(self, pred, y):
    """A user family's metric that zeroes the targets in place."""
    y[...] = 0.0
    return Sinusoid.metric(self, pred, y)


# --- the command line: (id, argv(folder), mentions[, env]) ----------------------------------

CLI_TRAIN_CASES = [
    ("train resume out an xz-compressed good checkpoint named .npz", lambda d: [
        "train", "--steps", "3", "--out", str(_xz_of_good(d)), "--resume"], ["xz.npz"]),
    ("train steps given two values", _train("--steps", "2", "3"), ["--steps", "3"]),
    ("train inner-lr with a C double suffix 0.01d", _train("--inner-lr", "0.01d"),
     ["--inner-lr", "0.01d"]),
    ("train lam with a C float suffix 1.0f", _train(
        "--strategy", "closed_form", "--lam", "1.0f"), ["--lam", "1.0f"]),
    ("train root a folder of xz-compressed Omniglot zips", lambda d: _train(
        "--family", "omniglot", "--root", str(_xz_root(d)))(d), ["--root", "images_"]),
    ("train meta-lr given two values", _train("--meta-lr", "0.001", "0.01"),
     ["--meta-lr", "0.01"]),
    ("train n-support with a C long suffix 5L", _train("--n-support", "5L"),
     ["--n-support", "5L"]),
    ("train log-every given two values", _train("--log-every", "1", "2"),
     ["--log-every", "2"]),
    ("SCRATCHMETA_DATA a folder of xz-compressed zips, omniglot train", _train(
        "--family", "omniglot"), [DATA, "images_"], {DATA: _xz_data}),
    ("train seed with a C unsigned suffix 1u", _train("--seed", "1u"), ["--seed", "1u"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint an xz-compressed good checkpoint named .npz", _evaluate(_xz_of_good),
     ["--checkpoint", "xz.npz"]),
    ("evaluate tasks given two values", lambda d: [
        "evaluate", "--checkpoint", str(_good(d)), "--tasks", "4", "5"], ["--tasks", "5"]),
    ("evaluate query with a C long suffix 5L", _evaluate(_good, "--query", "5L"),
     ["--query", "5L"]),
    ("compare val-tasks with a C long suffix 4L", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4L", "--adapt-steps", "1",
        "--strategies", "maml"], ["--val-tasks", "4L"]),
    ("compare query given two values", _compare("--query", "5", "6"), ["--query", "6"]),
    ("evaluate checkpoint the good checkpoint xz-compressed as good.npz.xz", _evaluate(
        lambda d: _xz_of_good(d, "good.npz.xz")), ["--checkpoint", "good.npz.xz"]),
    ("SCRATCHMETA_DATA a folder of xz-compressed zips, omniglot compare", _compare(
        "--family", "omniglot", "--support", "5", "--query", "5"), [DATA, "images_"],
     {DATA: _xz_data}),
    ("compare support given two values", _compare("--support", "5", "6"),
     ["--support", "6"]),
    ("evaluate steps with a C unsigned suffix 3u", _evaluate(_good, "--steps", "3u"),
     ["--steps", "3u"]),
    ("compare eval-seed with a C long suffix 22L", _compare("--eval-seed", "22L"),
     ["--eval-seed", "22L"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_grad loss a user's loss writing into y in place", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=_loss_writes_y), ["loss"]),
    ("meta_grad inner_lr a 0-d object array", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=_obj(0.01), inner_steps=1), ["inner_lr", OB]),
    ("ridge_fit lam a 0-d object array", lambda d: ridge_fit(*_features(), _obj(0.1)),
     ["lam", OB]),
    ("inner_sgd apply a user's apply writing into x in place", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _apply_writes_x, inner_lr=0.01,
        inner_steps=1), ["apply"]),
    ("newton_solve tol a 0-d object array", lambda d: newton_solve(
        *_features(), 0.1, tol=_obj(1e-8)), ["tol", OB]),
    ("reptile_step loss a user's loss writing into y in place", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=0.1, loss=_loss_writes_y),
     ["loss"]),
    ("softmax_head lam a 0-d object array", lambda d: softmax_head(*_features(), _obj(0.1)),
     ["lam", OB]),
    ("anil_meta_loss inner_lr a 0-d object array", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=_obj(0.01), inner_steps=1), ["inner_lr", OB]),
    ("sgd_path loss a user's loss writing into y in place", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=_loss_writes_y), ["loss"]),
    ("subset_meta_loss subset_size a 0-d object array", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=_obj(2), inner_lr=0.01, inner_steps=1),
     ["subset_size", OB]),
    ("multitask_loss loss a user's loss writing into y in place", lambda d: multitask_loss(
        _p()[:2], [np.ones((2, 8, 1)), np.ones((2, 1))], _b().x_support, _b().y_support,
        _m(), loss=_loss_writes_y), ["loss"]),
    ("closed_form_meta_loss scale a 0-d object array", lambda d: closed_form_meta_loss(
        _p()[:-2], _b(), _m(), lam=0.1, scale=_obj(1.0)), ["scale", OB]),
]

STRATEGY_CASES = [
    ("MAMLConfig check meta_lr a 0-d object array", lambda d: MAMLConfig(
        meta_lr=_obj(0.001)).check(), ["meta_lr", OB]),
    ("make_strategy inner_steps a 0-d object array", lambda d: make_strategy(
        "maml", inner_steps=_obj(1)), ["inner_steps", OB]),
    ("make_family linear noise a 0-d object array", lambda d: make_family(
        "linear", noise=_obj(0.1)), ["noise", OB]),
    ("ReptileConfig check inner_lr a 0-d object array", lambda d: ReptileConfig(
        inner_lr=_obj(0.01)).check(), ["inner_lr", OB]),
    ("make_strategy family a user's family whose sample_x writes into task_params, in train",
     lambda d: train(make_strategy("maml", meta_batch=2, family=_family(
         sample_x=_sample_x_writes_params)), 2, 0), ["sample_x"]),
    ("ClosedFormConfig check n_query a 0-d object array", lambda d: ClosedFormConfig(
        n_query=_obj(10)).check(), ["n_query", OB]),
    ("make_family clusters n_way a 0-d object array", lambda d: make_family(
        "clusters", n_way=_obj(5)), ["n_way", OB]),
    ("MultitaskConfig check head_steps a 0-d object array", lambda d: MultitaskConfig(
        head_steps=_obj(5)).check(), ["head_steps", OB]),
]

EVALUATE_CASES = [
    ("evaluate n_tasks a 0-d object array", lambda d: _evaluate_call(n_tasks=_obj(2)),
     ["n_tasks", OB]),
    ("evaluate family a user's family whose loss writes into y", lambda d: _evaluate_call(
        family=_family(loss=staticmethod(_loss_writes_y))), ["loss"]),
    ("held_out_tasks n_query a 0-d object array", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, _obj(5)), ["n_query", OB]),
    ("train n_steps a 0-d object array", lambda d: train(
        make_strategy("maml", meta_batch=2), _obj(2), 0), ["n_steps", OB]),
    ("train checkpoint an xz-compressed good checkpoint named .npz, resumed", lambda d: train(
        make_strategy("maml", meta_batch=2), 3, 0, checkpoint=_xz_of_good(d), resume=True),
     ["xz.npz"]),
    ("select_test_time max_steps a 0-d object array", lambda d: _select(
        max_steps=_obj(1)), ["max_steps", OB]),
    ("format_interval mean a 0-d object array", lambda d: format_interval(_obj(0.5), 0.1),
     ["mean", OB]),
    ("with_test_time n_steps a 0-d object array", lambda d: with_test_time(
        make_strategy("maml"), inner_lr=_obj(0.01)), ["inner_lr", OB]),
    ("train strategy's family a user's family whose loss writes into y", lambda d: train(
        make_strategy("maml", meta_batch=2, family=_family(
            loss=staticmethod(_loss_writes_y))), 2, 0), ["loss"]),
    ("interval axis a 0-d object array", lambda d: interval([0.1, 0.2, 0.3], axis=_obj(0)),
     ["axis", OB]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint an xz-compressed good checkpoint named .npz", lambda d: load_checkpoint(
        _xz_of_good(d)), ["xz.npz"]),
    ("restore an xz-compressed good checkpoint named .npz", lambda d: restore(_xz_of_good(d)),
     ["xz.npz"]),
    ("save step a 0-d object array", lambda d: _save(d, step=_obj(1)), ["step", OB]),
    ("save seed a 0-d object array", lambda d: _save(d, seed=_obj(0)), ["seed", OB]),
    ("load_checkpoint the good checkpoint xz-compressed as good.npz.xz", lambda d:
        load_checkpoint(_xz_of_good(d, "good.npz.xz")), ["good.npz.xz"]),
    ("save meta_losses a list of 0-d object arrays", lambda d: _save(
        d, meta_losses=[_obj(1.0)]), ["meta_losses", OB]),
    ("check_checkpoint_path path a 0-d object array of the path", lambda d:
        check_checkpoint_path(_obj(str(d / "c.npz"))), ["path", OB]),
    ("save config a value that is a 0-d object array", lambda d: _save(
        d, config={"inner_lr": _obj(0.01)}), ["config", OB]),
    ("restore the good checkpoint xz-compressed as good.npz.xz", lambda d: restore(
        _xz_of_good(d, "good.npz.xz")), ["good.npz.xz"]),
    ("save changes a tuple holding a 0-d object array", lambda d: _save(
        d, changes=(_obj("inner_lr"),)), ["changes", OB]),
    ("restore path a 0-d object array of the good checkpoint's path", lambda d: restore(
        _obj(str(_good(d)))), ["path", OB]),
    ("train checkpoint a 0-d object array of a path", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, checkpoint=_obj(str(d / "c.npz"))),
     ["checkpoint", OB]),
]

NN_CASES = [
    ("adam_update lr a 0-d object array", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), _obj(1e-3)), ["lr", OB]),
    ("per_task n_tasks a 0-d object array", lambda d: per_task(_p(), _obj(2)),
     ["n_tasks", OB]),
    ("batch_norm eps a 0-d object array", lambda d: batch_norm(
        np.ones((4, 3)), eps=_obj(1e-3)), ["eps", OB]),
    ("finn_init sizes an object-dtype array", lambda d: finn_init(
        _rng(), np.array([1, 4, 1], dtype=object)), ["sizes", OB]),
    ("MLP sizes a list of 0-d object arrays", lambda d: MLP([_obj(1), _obj(8), _obj(1)]),
     ["sizes", OB]),
    ("adam_update beta1 a 0-d object array", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), 1e-3, beta1=_obj(0.9)),
     ["beta1", OB]),
    ("batch_norm scale an object-dtype vector of ones", lambda d: batch_norm(
        np.ones((4, 3)), scale=np.ones(3, dtype=object)), ["scale", OB]),
    ("adam_init params a list holding an object-dtype vector", lambda d: adam_init(
        [np.ones(2, dtype=object)]), ["params", OB]),
    ("MLP dtype the object dtype", lambda d: MLP((1, 8, 1), dtype=object), ["dtype", OB]),
    ("per_task params object-dtype copies of the parameters", lambda d: per_task(
        [a.astype(object) for a in _p()], 2), ["params", OB]),
]

TASK_CASES = [
    ("a user family whose sample_x writes into task_params, in evaluate", lambda d:
        _evaluate_call(family=_family(sample_x=_sample_x_writes_params)), ["sample_x"]),
    ("Sinusoid sample n_support a 0-d object array", lambda d: Sinusoid().sample(
        _rng(), 2, _obj(5), 5), ["n_support", OB]),
    ("LinearRegression noise a 0-d object array", lambda d: LinearRegression(
        noise=_obj(0.1)), ["noise", OB]),
    ("a user family whose metric writes into y, in evaluate", lambda d: _evaluate_call(
        family=_family(metric=_metric_writes_y)), ["metric"]),
    ("GaussianClusters spread a 0-d object array", lambda d: GaussianClusters(
        spread=_obj(2.0)), ["spread", OB]),
    ("SinusoidFrequency frequency an object-dtype pair", lambda d: SinusoidFrequency(
        frequency=np.array([0.5, 2.0], dtype=object)), ["frequency", OB]),
    ("a user family whose target writes into task_params, in evaluate", lambda d:
        _evaluate_call(family=_family(target=_target_writes_params)), ["target"]),
    ("GaussianClusters sample n_query a 0-d object array", lambda d: GaussianClusters().sample(
        _rng(), 2, 5, _obj(5)), ["n_query", OB]),
    ("Sinusoid sample_params n_tasks a 0-d object array", lambda d: Sinusoid().sample_params(
        _rng(), _obj(2)), ["n_tasks", OB]),
    ("a user family whose sample_x writes into task_params, in sample", lambda d: _family(
        sample_x=_sample_x_writes_params).sample(_rng(), 2, 5, 5), ["sample_x"]),
    ("LinearRegression mean an object-dtype pair", lambda d: LinearRegression(
        mean=np.array([1.0, 0.5], dtype=object)), ["mean", OB]),
    ("a user family whose target writes into task_params, in train", lambda d: train(
        make_strategy("maml", meta_batch=2, family=_family(target=_target_writes_params)),
        2, 0), ["target"]),
]

OMNIGLOT_CASES = [
    ("omniglot load root a folder of xz-compressed zips", lambda d: omniglot_data.load(
        _xz_root(d), cache_dir=d / "cache", progress=False), ["images_background.zip"]),
    ("Omniglot n_way a 0-d object array", lambda d: _omni(n_way=_obj(5)), ["n_way", OB]),
    ("Omniglot root a folder of xz-compressed zips", lambda d: Omniglot(
        5, root=_xz_root(d)), ["images_background.zip"]),
    ("check_shots n_support a 0-d object array", lambda d: check_shots(5, 2, _obj(5), 5),
     ["n_support", OB]),
    ("finn_split n_train a 0-d object array", lambda d: finn_split(
        _data().alphabets, _data().characters, n_train=_obj(1100)), ["n_train", OB]),
    ("omniglot load root whose images_evaluation.zip alone is xz-compressed", lambda d:
        omniglot_data.load(_xz_root(d, names=("images_evaluation.zip",)),
                           cache_dir=d / "cache", progress=False),
     ["images_evaluation.zip"]),
    ("Omniglot sample n_query a 0-d object array", lambda d: _omni().sample(
        _rng(), 2, 5, _obj(5)), ["n_query", OB]),
    ("Omniglot rotate an object-dtype array of angles", lambda d: _omni(
        rotate=np.array([0, 90, 180, 270], dtype=object)), ["rotate", OB]),
    ("Omniglot n_validation a 0-d object array", lambda d: _omni(n_validation=_obj(100)),
     ["n_validation", OB]),
    ("Omniglot sample_params n_tasks a 0-d object array", lambda d: _omni().sample_params(
        _rng(), _obj(2)), ["n_tasks", OB]),
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
    the cases whose index i (from 0) has i % 5 not in (0, 3)."""
    return kept_cases(cases, (0, 3), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    return (group == "omniglot" or "omniglot" in case[0].lower() or "xz-compressed zips"
            in case[0])


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


def test_the_sixtysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_sixtysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
