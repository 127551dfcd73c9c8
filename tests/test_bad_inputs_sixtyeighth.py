"""A sixty-eighth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 806726d, from the user's side only: the README; ``--help`` of ``train``,
``evaluate`` and ``compare``; the public names and signatures of ``scratchmeta.meta``'s modules
(``maml``, ``anil``, ``subset``, ``multitask``, ``reptile``, ``ridge``, ``softmax_head``,
``adapt``, ``registry``, ``checkpoint``, ``training``, ``evaluate``, ``closed_form``), ``nn``,
``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; after the first run, to judge the one miss only, the docstring of
``held_out_tasks`` (one line: "Tasks start .. start + n_tasks - 1 as one TaskBatch ...");
and the earlier batteries' ids, layout and shared helpers (imported, not copied). Not read: the
body of any validation code (``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``), the
library's source, its history, anything of /work/main. No ``__main__`` module was imported; the
command line runs through the shared helpers (``_train``, ``_evaluate``, ``_compare``) and every
case writes only inside its temporary folder (the fake Omniglot roots link to the real
archives, only read).

Areas, as written: train on the command line (10), evaluate and compare (10), Chapter 2's
functions -- meta_grad, meta_loss, anil_meta_grad, inner_sgd, fine_tune_tasks, sgd_path,
from_theta0, subset_meta_loss, reptile_step, multitask_loss, ridge_fit, softmax_head,
newton_solve (13), strategies, configs and the registry (9), train/evaluate/select_test_time/
held_out_tasks/task_rng in the library (11), checkpoints (13), nn/optim/batchnorm (10), task
families and a user's own family (13), Omniglot (10): 99.

Kinds of bad value:
- numbers written in another language's notation on the command line: C's float suffix
  (``0.01f``, ``100f``, ``--set lam=0.1f``), C's and Java's integer suffixes (``2L``, ``1L``,
  ``0u``, ``4u``, ``2UL``, ``4UL``) and Fortran's double exponent (``1d-3``, ``1.0D-2``): train
  --inner-lr, --meta-lr, --steps, --seed, --meta-batch, --lam, --set; evaluate --steps,
  --tasks; compare --steps, --val-tasks, --query; mentions the option and the text as typed;
- a checkpoint or an archive as another tool or a transfer leaves it (mentions the file's
  name): mangled by a text-mode transfer (every LF made CRLF: FTP ascii, git autocrlf), an
  HDF5 file (Keras/h5py) named .npz, a tar archive of a checkpoint, a zip laid out as
  ``torch.save`` writes one (archive/data.pkl), the checkpoint zipped again, bzip2- and
  xz-compressed copies (load_checkpoint, restore, train resume, evaluate and train --resume on
  the command line); an Omniglot root whose images_background.zip holds the zip inside it, is
  a tar archive, is bzip2-compressed, holds JPEG drawings, RGB PNGs or drawings already
  28x28, is the real zip CRLF-mangled, is an HDF5 file, or whose two zips are swapped;
  ``check_checkpoint_path`` a name ending ``.npz.bz2``;
- a user's function raising what careless code really raises, other than the ValueError,
  TypeError and FloatingPointError the README says pass through: a stub's
  ``NotImplementedError``, ``AttributeError`` (a loss written for PyTorch calling ``y.cpu()``;
  sample_params and sample_x written for np.random's legacy ``rng.randn``/``rng.rand``),
  ``IndexError``, ``FileNotFoundError`` (a weights or lookup file), ``OverflowError``
  (math.exp), ``RuntimeError`` (CUDA out of memory), ``LookupError`` and NumPy's
  ``LinAlgError`` (np.linalg.cholesky of a covariance that is not positive definite): as the
  loss of the ten Chapter 2 functions, and as a user family's target, sample_params,
  sample_x, loss, metric, make_batch and check_shots (train, evaluate, held_out_tasks);
  mentions the role and the exception's type name;
- a number written with its unit or its name as a string (``"0.01 per step"``,
  ``"25 tasks"``, ``"0.1 lambda"``, ``("0.1 V", "5.0 V")``, ``"90 degrees"``, ...): ridge_fit
  lam, softmax_head max_steps, newton_solve tol; MAMLConfig inner_lr, make_strategy meta_batch
  and n_query, ReptileConfig inner_steps, ClosedFormConfig lam, SubsetConfig subset_size,
  MultitaskConfig n_train_tasks, make_family x_range and dim; evaluate n_steps, n_tasks and
  chunk_size, select_test_time max_steps and candidates, held_out_tasks n_query, train n_steps,
  checkpoint_every and log_every, task_rng i; save step; adam_update lr, beta2 and eps,
  batch_norm eps, per_task n_tasks, MLP sizes and dtype, finn_init sizes, MLP apply x, MLP init
  rng; Sinusoid amplitude, SinusoidFrequency frequency, GaussianClusters spread,
  LinearRegression noise; Omniglot rotate; and train overwrite the string ``'False'`` over an
  existing checkpoint (a truthy string where a flag is meant); mentions the name and the text.

Repeats: the 9,876 earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (by a regex) were grepped for each kind word before writing:
0 hits for ``0.01f``, ``1d-3``, ``crlf``, ``hdf``, ``tarfile``/``tarball``, ``pkl``,
``nested zip``, ``bzip``, ``lzma``, ``jpeg``, ``RGB``, ``NotImplementedError``,
``AttributeError``, ``IndexError``, ``OSError``, ``RuntimeError``, ``OverflowError``,
``LookupError``, ``units``; the earlier "raises" cases of a user family (``target`` with
ZeroDivisionError, ``loss`` with KeyError, StopIteration on several roles, an unnamed raise on
sample_params, sample_x, check_shots, describe and metric) use other exception types; strings
as numbers were used before in many forms (bytes, NumPy string scalars, float.hex, words), but
not a number followed by its unit; ``train overwrite`` had no earlier case (``'False'`` strings
were used on other flags). Kinds looked at and left as used before: classes not instantiated,
ctypes values, string flags on configs, time-based seeds, Git LFS pointers, HTML pages, gzip,
one-element arrays. No exact id is repeated (checked by script).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (2, 4)`` were kept (``_kept``): 61 of the 99.
After the first run no case was added, reordered or swapped.

Dropped (``DROPPED``): none. Corrected after the first run: none. Arguable, kept as written:
- the Omniglot fakes that hold one drawing (``... holds JPEG drawings``, ``... holds RGB
  PNGs``, ``... holds drawings already 28x28``, ``... holds the zip inside it``) carry a
  second fault besides their format: a single character where 964 are expected. Their
  messages name the file for the missing PNGs or the count, not the format; a full-size
  re-encoded archive was too costly to build in a case, so they were not corrected and
  measure less than their ids say.
- ``a user family whose sample_params draws from a non-positive-definite covariance`` (kept,
  unclear): NumPy's ``LinAlgError`` is a subclass of ValueError, and the README says a
  ValueError raised in a task family passes through as it is, so the library does as it
  documents; kept because a user reading "LinAlgError" is not told which method of theirs
  raised it (the same exception from a loss in ``fine_tune_tasks`` is named with the loss).

First run at 806726d (about 3 s as a script, written and kept; 3.6 s under pytest): written,
98 of 99 clear (99.0%), 1 unclear (1.0%), 0 silent, 0 data loss -- cli train 10/10,
evaluate/compare 10/10, meta functions 13/13, strategies 9/9, evaluate and train 11/11,
checkpoints 13/13, nn/optim/batchnorm 10/10, task families 12/13, omniglot 10/10. Kept: 60 of
61 clear (98.4%), 1 unclear (1.6%), 0 silent, 0 data loss -- 6/6, 6/6, 8/8, 6/6, 7/7, 8/8,
6/6, 7/8, 6/6. With no drops or corrections, these are also the numbers after them. Under
pytest: 61 passed (the 60 clear kept cases and the width check), 1 failed (the kept
unclear case below). No checkpoint was lost or changed
(``train overwrite 'False'`` over the good checkpoint was refused before writing).

Not clear, kept:
- ``a user family whose sample_params draws from a non-positive-definite covariance``:
  unclear -- LinAlgError "Matrix is not positive definite", NumPy's own message passed through
  (a ValueError subclass), naming neither ``sample_params`` nor the family.
Not clear, written and not kept: none.

Measured on main at 12836b0 (806726d, the commit it was written at, plus a review commit of
docstrings and a test), blind: kept, 60 of 61 clear (98.4%), 1 unclear, 0 silent, 0 data
loss; written, 98 of 99 (99.0%). With the sixty-ninth (41 of 57) the pair is 101 of 118
(85.6%), 1 silent. Round 48 (with sight of this file and the sixty-ninth, so not blind):
NumPy's LinAlgError raised inside a family's method is named with the method (its type
kept), instead of passing through as a bare ValueError. After it: all 61 kept clear;
written, 99 of 99.
"""

import bz2
import io
import lzma
import os
import pickle
import tarfile
import zipfile

import numpy as np
import pytest
from PIL import Image

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.meta.adapt import from_theta0, sgd_path
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import check_checkpoint_path, load_checkpoint, restore
from scratchmeta.meta.closed_form import ClosedFormConfig
from scratchmeta.meta.evaluate import held_out_tasks, task_rng
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.multitask import MultitaskConfig, multitask_loss
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.reptile import ReptileConfig, fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import SubsetConfig, subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fifth import _evaluate_call, _features, _save, _select
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _m, _p
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_fiftysecond import _family
from test_bad_inputs_sixtysixth import _fake_root, _load, _loss_call, _small

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- files the cases use: a checkpoint as other tools or a transfer leave it ------------------

def _once_at(path, write):
    if not path.exists():
        write(path)
    return path


def _crlf(d, name="crlf.npz"):
    """The good checkpoint after a text-mode transfer (FTP ascii, git autocrlf): LF -> CRLF."""
    return _once_at(d / name, lambda p: p.write_bytes(
        _good(d).read_bytes().replace(b"\n", b"\r\n")))


HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"


def _hdf5(d, name="weights.npz"):
    """A Keras/h5py HDF5 file (its signature and an empty superblock) named .npz."""
    return _once_at(d / name, lambda p: p.write_bytes(HDF5_MAGIC + bytes(504)))


def _tarred(d, name="tarred.npz"):
    """A tar archive holding the good checkpoint, named .npz."""
    def write(p):
        with tarfile.open(p, "w") as tar:
            tar.add(_good(d), arcname="good.npz")
    return _once_at(d / name, write)


def _torch_zip(d, name="torch_model.npz"):
    """A zip laid out as torch.save writes one (archive/data.pkl, version), named .npz."""
    def write(p):
        with zipfile.ZipFile(p, "w") as z:
            z.writestr("archive/data.pkl", pickle.dumps({"params": [[0.5, 0.25]]}))
            z.writestr("archive/byteorder", "little")
            z.writestr("archive/version", "3\n")
    return _once_at(d / name, write)


def _zip_in_zip(d, name="zipped.npz"):
    """The good checkpoint zipped again (to mail it), the outer zip named .npz."""
    def write(p):
        with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(_good(d), arcname="good.npz")
    return _once_at(d / name, write)


def _bz2(d, name="bz.npz"):
    return _once_at(d / name, lambda p: p.write_bytes(bz2.compress(_good(d).read_bytes())))


def _xz(d, name="xz.npz"):
    return _once_at(d / name, lambda p: p.write_bytes(lzma.compress(_good(d).read_bytes())))


# --- Omniglot archives of another make (images_background.zip; the evaluation zip is a link) ---

MEMBER = "images_background/Latin/character01/0101_01"


def _png(mode="L", size=105, bits=None):
    buf = io.BytesIO()
    image = Image.new(mode, (size, size), 255 if mode != "RGB" else (255, 255, 255))
    if bits == 16:
        image = Image.new("I;16", (size, size), 65535)
    image.save(buf, "PNG")
    return buf.getvalue()


def _jpeg():
    buf = io.BytesIO()
    Image.new("L", (105, 105), 255).save(buf, "JPEG")
    return buf.getvalue()


def _zip_of(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _bg(data):
    """make_background for _fake_root: the given bytes as images_background.zip."""
    return lambda root, name: (root / name).write_bytes(data() if callable(data) else data)


def _nested_zip():
    return _zip_of({"images_background.zip": _zip_of({MEMBER + ".png": _png()})})


def _tar_bytes():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        data = _png()
        info = tarfile.TarInfo(MEMBER + ".png")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _crlf_real():
    return (REAL_DATA / "images_background.zip").read_bytes().replace(b"\n", b"\r\n")


def _swapped_root(d):
    """An Omniglot folder whose two zips are each other's (links to the real ones)."""
    root = d / "omniglot_swapped"
    if not root.exists():
        root.mkdir()
        os.symlink(REAL_DATA / "images_evaluation.zip", root / "images_background.zip")
        os.symlink(REAL_DATA / "images_background.zip", root / "images_evaluation.zip")
    return root


# --- user functions that raise what a careless user's code raises ------------------------------

def _raising(exc):
    def f(*args, **kwargs):
        raise exc
    return f


STUB = NotImplementedError("TODO: write the loss")
NO_CPU = AttributeError("'numpy.ndarray' object has no attribute 'cpu'")
GONE = FileNotFoundError(2, "No such file or directory", "loss_weights.txt")
SINGULAR = np.linalg.LinAlgError("Singular matrix")
RANGE = OverflowError("math range error")
CUDA = RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB")


def _legacy_params(self, rng, n_tasks):
    """A user's sample_params written for np.random's legacy API (Generator has no randn)."""
    return np.stack([rng.uniform(0.1, 5.0, n_tasks), np.pi * rng.randn(n_tasks)], axis=1)


def _legacy_x(self, rng, task_params, n_points):
    """A user's sample_x written for np.random's legacy API (Generator has no rand)."""
    return 10.0 * rng.rand(len(task_params), n_points, 1) - 5.0


def _cholesky_params(self, rng, n_tasks):
    """A user's sample_params drawing from a covariance that is not positive definite."""
    factor = np.linalg.cholesky(np.array([[1.0, 2.0], [2.0, 1.0]]))
    return rng.normal(size=(n_tasks, 2)) @ factor.T


def _train_family(**attrs):
    return lambda d: train(make_strategy("maml", meta_batch=2, family=_family(**attrs)), 2, 0)


def _held_out(**attrs):
    return lambda d: held_out_tasks(_family(**attrs), 2, 5, 5)


# --- the command line: (id, argv(folder), mentions) ---------------------------------------------

CLI_TRAIN_CASES = [
    ("train inner-lr with C's float suffix 0.01f", _train("--inner-lr", "0.01f"),
     ["--inner-lr", "0.01f"]),
    ("train meta-lr in Fortran's double notation 1d-3", _train("--meta-lr", "1d-3"),
     ["--meta-lr", "1d-3"]),
    ("train steps with a long suffix 2L", lambda d: [
        "train", "--steps", "2L", "--meta-batch", "2", "--out", str(d / "run.npz")],
     ["--steps", "2L"]),
    ("train seed with C's unsigned suffix 0u", _train("--seed", "0u"), ["--seed", "0u"]),
    ("train meta-batch with C's unsigned long suffix 2UL", lambda d: [
        "train", "--steps", "2", "--meta-batch", "2UL", "--out", str(d / "run.npz")],
     ["--meta-batch", "2UL"]),
    ("train lam in Fortran's double notation 1.0D-2", _train(
        "--strategy", "closed_form", "--lam", "1.0D-2"), ["--lam", "1.0D-2"]),
    ("train set lam with C's float suffix", _train(
        "--strategy", "closed_form", "--set", "lam=0.1f"), ["lam", "0.1f"]),
    ("train resume an out mangled by a text-mode transfer (CRLF)", lambda d: [
        "train", "--steps", "4", "--meta-batch", "2", "--out", str(_crlf(d)), "--resume"],
     ["crlf.npz"]),
    ("train resume an out that is a torch.save zip", lambda d: [
        "train", "--steps", "4", "--meta-batch", "2", "--out", str(_torch_zip(d)),
        "--resume"], ["torch_model.npz"]),
    ("train resume an out that is an HDF5 file", lambda d: [
        "train", "--steps", "4", "--meta-batch", "2", "--out", str(_hdf5(d)), "--resume"],
     ["weights.npz"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint mangled by a text-mode transfer (CRLF)", _evaluate(_crlf),
     ["crlf.npz"]),
    ("evaluate checkpoint an HDF5 file named .npz", _evaluate(_hdf5), ["weights.npz"]),
    ("evaluate checkpoint a tar archive of a checkpoint", _evaluate(_tarred), ["tarred.npz"]),
    ("evaluate steps with a long suffix 1L", _evaluate(_good, "--steps", "1L"),
     ["--steps", "1L"]),
    ("evaluate tasks with C's unsigned suffix 4u", lambda d: [
        "evaluate", "--checkpoint", str(_good(d)), "--tasks", "4u"], ["--tasks", "4u"]),
    ("evaluate checkpoint a checkpoint zipped again", _evaluate(_zip_in_zip),
     ["zipped.npz"]),
    ("compare steps with a long suffix 2L", _compare("--steps", "2L"), ["--steps", "2L"]),
    ("compare val-tasks with C's unsigned long suffix 4UL", _compare("--val-tasks", "4UL"),
     ["--val-tasks", "4UL"]),
    ("compare query with C's float suffix 100f", _compare("--query", "100f"),
     ["--query", "100f"]),
    ("evaluate checkpoint a bzip2-compressed checkpoint named .npz", _evaluate(_bz2),
     ["bz.npz"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_grad loss a stub raising NotImplementedError", _loss_call(
        meta_grad, _raising(STUB)), ["loss", "NotImplementedError"]),
    ("meta_loss loss written for PyTorch tensors, raising AttributeError (y.cpu())",
     _loss_call(meta_loss, lambda pred, y: mse(pred, y.cpu())), ["loss", "AttributeError"]),
    ("anil_meta_grad loss raising IndexError (a second output column)", _loss_call(
        anil_meta_grad, _raising(IndexError("index 1 is out of bounds for axis 2 with size 1"))),
     ["loss", "IndexError"]),
    ("inner_sgd loss raising FileNotFoundError (its weights file)", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, loss=_raising(GONE)), ["loss", "FileNotFoundError"]),
    ("fine_tune_tasks loss raising LinAlgError", _loss_call(
        fine_tune_tasks, _raising(SINGULAR)), ["loss", "LinAlgError"]),
    ("sgd_path loss raising OverflowError (math.exp)", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=_raising(RANGE)),
     ["loss", "OverflowError"]),
    ("from_theta0 loss raising RuntimeError (CUDA out of memory)", lambda d: from_theta0(
        _p(), _b(), _m(), inner_lr=0.01, loss=_raising(CUDA)), ["loss", "RuntimeError"]),
    ("subset_meta_loss loss raising LookupError", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=2, inner_lr=0.01, inner_steps=1,
        loss=_raising(LookupError("no weight for this task"))), ["loss", "LookupError"]),
    ("reptile_step loss raising AttributeError (y.cpu())", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=0.1,
        loss=_raising(NO_CPU)), ["loss", "AttributeError"]),
    ("multitask_loss loss a stub raising NotImplementedError", lambda d: multitask_loss(
        _p()[:2], [np.ones((2, 8, 1)), np.ones((2, 1))], _b().x_support, _b().y_support,
        _m(), loss=_raising(STUB)), ["loss", "NotImplementedError"]),
    ("ridge_fit lam a string with its name after it", lambda d: ridge_fit(
        *_features(), "0.1 lambda"), ["lam", "0.1 lambda"]),
    ("softmax_head max_steps a string with its unit", lambda d: softmax_head(
        *_features(), 0.1, max_steps="100 iterations"), ["max_steps", "100 iterations"]),
    ("newton_solve tol a string with its unit", lambda d: newton_solve(
        *_features(), 0.1, tol="1e-10 rel"), ["tol", "1e-10 rel"]),
]

STRATEGY_CASES = [
    ("MAMLConfig check inner_lr a string with its unit", lambda d: MAMLConfig(
        inner_lr="0.01 per step").check(), ["inner_lr", "0.01 per step"]),
    ("make_strategy maml meta_batch a string with its unit", lambda d: make_strategy(
        "maml", meta_batch="25 tasks"), ["meta_batch", "25 tasks"]),
    ("ReptileConfig check inner_steps a string with its unit", lambda d: ReptileConfig(
        inner_steps="32 steps").check(), ["inner_steps", "32 steps"]),
    ("ClosedFormConfig check lam a string with its name after it", lambda d: ClosedFormConfig(
        lam="1e-2 lambda").check(), ["lam", "1e-2 lambda"]),
    ("SubsetConfig check subset_size a string with its unit", lambda d: SubsetConfig(
        subset_size="10 points").check(), ["subset_size", "10 points"]),
    ("MultitaskConfig check n_train_tasks a string with its unit", lambda d: MultitaskConfig(
        n_train_tasks="1k tasks").check(), ["n_train_tasks", "1k tasks"]),
    ("make_family sinusoid x_range a pair of strings with units", lambda d: make_family(
        "sinusoid", x_range=("-5 m", "5 m")), ["x_range", "-5 m"]),
    ("make_family clusters dim a string with its unit", lambda d: make_family(
        "clusters", dim="8 features"), ["dim", "8 features"]),
    ("make_strategy fomaml n_query a string with its unit", lambda d: make_strategy(
        "fomaml", n_query="10 points"), ["n_query", "10 points"]),
]

EVALUATE_CASES = [
    ("evaluate n_steps a string with its unit", lambda d: _evaluate_call(n_steps="10 steps"),
     ["n_steps", "10 steps"]),
    ("evaluate n_tasks a string with its unit", lambda d: _evaluate_call(n_tasks="2 tasks"),
     ["n_tasks", "2 tasks"]),
    ("select_test_time max_steps a string with its unit", lambda d: _select(
        max_steps="1 step"), ["max_steps", "1 step"]),
    ("select_test_time candidates strings with their unit", lambda d: _select(
        candidates=["0.01/step", "0.1/step"]), ["candidates", "0.01/step"]),
    ("held_out_tasks n_query a string with its unit", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, "100 points"), ["n_query", "100 points"]),
    ("train n_steps a string with its unit", lambda d: train(_small(), "2 steps", 0),
     ["n_steps", "2 steps"]),
    ("train checkpoint_every a string with its unit", lambda d: train(
        _small(), 2, 0, checkpoint=d / "r.npz", checkpoint_every="1000 steps"),
     ["checkpoint_every", "1000 steps"]),
    ("train log_every a string with its unit", lambda d: train(
        _small(), 2, 0, log_every="50 lines"), ["log_every", "50 lines"]),
    ("evaluate chunk_size a string with its unit", lambda d: _evaluate_call(
        chunk_size="100 tasks"), ["chunk_size", "100 tasks"]),
    ("train overwrite the string 'False' over an existing checkpoint", lambda d: train(
        _small(), 2, 0, checkpoint=_good(d), overwrite="False"), ["overwrite", "'False'"]),
    ("task_rng i an ordinal string", lambda d: task_rng(22, "0th"), ["i", "0th"]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint a checkpoint mangled by a text-mode transfer (CRLF)", lambda d:
        load_checkpoint(_crlf(d)), ["crlf.npz"]),
    ("restore a checkpoint mangled by a text-mode transfer (CRLF)", lambda d: restore(
        _crlf(d)), ["crlf.npz"]),
    ("load_checkpoint an HDF5 file named .npz", lambda d: load_checkpoint(_hdf5(d)),
     ["weights.npz"]),
    ("restore a tar archive of a checkpoint named .npz", lambda d: restore(_tarred(d)),
     ["tarred.npz"]),
    ("load_checkpoint a torch.save zip named .npz", lambda d: load_checkpoint(_torch_zip(d)),
     ["torch_model.npz"]),
    ("restore a torch.save zip named .npz", lambda d: restore(_torch_zip(d)),
     ["torch_model.npz"]),
    ("load_checkpoint a checkpoint zipped again", lambda d: load_checkpoint(_zip_in_zip(d)),
     ["zipped.npz"]),
    ("restore a bzip2-compressed checkpoint named .npz", lambda d: restore(_bz2(d)),
     ["bz.npz"]),
    ("load_checkpoint an xz-compressed checkpoint named .npz", lambda d: load_checkpoint(
        _xz(d)), ["xz.npz"]),
    ("train resume a checkpoint mangled by a text-mode transfer (CRLF)", lambda d: train(
        _small(), 4, 0, checkpoint=_crlf(d), resume=True), ["crlf.npz"]),
    ("train resume a torch.save zip named .npz", lambda d: train(
        _small(), 4, 0, checkpoint=_torch_zip(d), resume=True), ["torch_model.npz"]),
    ("save step a string with its unit", lambda d: _save(d, step="1 step"),
     ["step", "1 step"]),
    ("check_checkpoint_path a name ending .npz.bz2", lambda d: check_checkpoint_path(
        d / "run.npz.bz2"), ["run.npz.bz2"]),
]

NN_CASES = [
    ("adam_update lr a string with its unit", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), "1e-3 per step"),
     ["lr", "1e-3 per step"]),
    ("adam_update beta2 a string with its name after it", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), 1e-3, beta2="0.999 decay"),
     ["beta2", "0.999 decay"]),
    ("batch_norm eps a string with a note", lambda d: batch_norm(
        np.ones((4, 3)), eps="1e-3 (variance floor)"), ["eps", "1e-3 (variance floor)"]),
    ("per_task n_tasks a string with its unit", lambda d: per_task(_p(), "2 tasks"),
     ["n_tasks", "2 tasks"]),
    ("MLP sizes strings with layer names", lambda d: MLP(["1 in", "40 hidden", "1 out"]),
     ["sizes", "1 in"]),
    ("MLP dtype 'float 64' with a space", lambda d: MLP((1, 8, 1), dtype="float 64"),
     ["dtype", "float 64"]),
    ("finn_init sizes strings with layer names", lambda d: finn_init(
        _rng(), ("1 in", "40 hidden", "1 out")), ["sizes", "1 in"]),
    ("MLP apply x a column of strings with units", lambda d: _m().apply(
        _p(), np.array([["0.5 m"], ["1.0 m"]])), ["x", "0.5 m"]),
    ("adam_update eps a string with a note", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), 1e-3, eps="1e-8 (Adam's)"),
     ["eps", "1e-8 (Adam's)"]),
    ("MLP init rng the string 'seed 0'", lambda d: MLP((1, 8, 1)).init("seed 0"),
     ["rng", "seed 0"]),
]

TASK_CASES = [
    ("a user family whose target is a stub raising NotImplementedError, in train",
     _train_family(target=_raising(NotImplementedError("TODO"))),
     ["target", "NotImplementedError"]),
    ("a user family whose sample_params uses the legacy rng.randn, in train",
     _train_family(sample_params=_legacy_params), ["sample_params", "AttributeError"]),
    ("a user family whose sample_x uses the legacy rng.rand, in evaluate", lambda d:
        _evaluate_call(family=_family(sample_x=_legacy_x)), ["sample_x", "AttributeError"]),
    ("a user family whose loss raises RuntimeError, in evaluate", lambda d: _evaluate_call(
        family=_family(loss=staticmethod(_raising(CUDA)))), ["loss", "RuntimeError"]),
    ("a user family whose metric raises OverflowError, in evaluate", lambda d:
        _evaluate_call(family=_family(metric=_raising(RANGE))), ["metric", "OverflowError"]),
    ("a user family whose make_batch raises IndexError, in train", _train_family(
        make_batch=_raising(IndexError("list index out of range"))),
     ["make_batch", "IndexError"]),
    ("a user family whose check_shots is a stub raising NotImplementedError",
     _held_out(check_shots=_raising(NotImplementedError())),
     ["check_shots", "NotImplementedError"]),
    ("a user family whose target raises FileNotFoundError (its lookup table)",
     _held_out(target=_raising(FileNotFoundError(2, "No such file or directory",
                                                 "table.csv"))),
     ["target", "FileNotFoundError"]),
    ("a user family whose sample_params draws from a non-positive-definite covariance",
     _held_out(sample_params=_cholesky_params), ["sample_params", "LinAlgError"]),
    ("Sinusoid amplitude a pair of strings with units", lambda d: Sinusoid(
        amplitude=("0.1 V", "5.0 V")), ["amplitude", "0.1 V"]),
    ("SinusoidFrequency frequency a pair of strings with units", lambda d: SinusoidFrequency(
        frequency=("0.5 Hz", "2 Hz")), ["frequency", "0.5 Hz"]),
    ("GaussianClusters spread a string with its unit", lambda d: GaussianClusters(
        spread="2 sigma"), ["spread", "2 sigma"]),
    ("LinearRegression noise a string with its unit", lambda d: LinearRegression(
        noise="0.1 sd"), ["noise", "0.1 sd"]),
]

OMNIGLOT_CASES = [
    ("omniglot load root whose background zip holds the zip inside it", lambda d: _load(
        _fake_root(d, _bg(_nested_zip)), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is a tar archive", lambda d: _load(
        _fake_root(d, _bg(_tar_bytes)), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is bzip2-compressed", lambda d: _load(
        _fake_root(d, _bg(lambda: bz2.compress(_zip_of({MEMBER + ".png": _png()})))), d),
     ["images_background.zip"]),
    ("omniglot load root whose background zip holds JPEG drawings", lambda d: _load(
        _fake_root(d, _bg(lambda: _zip_of({MEMBER + ".jpg": _jpeg()}))), d),
     ["images_background.zip"]),
    ("omniglot load root whose background zip holds RGB PNGs", lambda d: _load(
        _fake_root(d, _bg(lambda: _zip_of({MEMBER + ".png": _png("RGB")}))), d),
     ["images_background.zip"]),
    ("omniglot load root whose background zip holds drawings already 28x28", lambda d: _load(
        _fake_root(d, _bg(lambda: _zip_of({MEMBER + ".png": _png(size=28)}))), d),
     ["images_background.zip"]),
    ("omniglot load root whose background zip was mangled by a text-mode transfer",
     lambda d: _load(_fake_root(d, _bg(_crlf_real)), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is an HDF5 file", lambda d: _load(
        _fake_root(d, _bg(HDF5_MAGIC + bytes(504))), d), ["images_background.zip"]),
    ("omniglot load root whose two zips are swapped", lambda d: _load(_swapped_root(d), d),
     ["images_background.zip"]),
    ("Omniglot rotate a string with its unit", lambda d: Omniglot(
        5, data=_data(), rotate="90 degrees"), ["rotate", "90 degrees"]),
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
    the cases whose index i (from 0) has i % 5 not in (2, 4)."""
    return kept_cases(cases, (2, 4), DROPPED)


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


def test_the_sixtyeighth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_sixtyeighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
