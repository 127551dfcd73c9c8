"""A seventieth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 9e13143, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (``maml``, ``anil``, ``subset``, ``multitask``, ``reptile``,
``ridge``, ``softmax_head``, ``adapt``, ``registry``, ``checkpoint``, ``training``,
``evaluate``, ``closed_form``), ``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``,
``datasets.omniglot`` and ``datasets.omniglot_tasks``; and the earlier batteries' ids, layout
and shared helpers (imported, not copied). No docstring was read after the run (the misses
were judged from their messages). Not read: the body of any validation code (``checks.py``,
``_checks.py``, ``check_*``, ``protocol.py``), the library's source, its history, anything of
/work/main. No ``__main__`` module was imported; the command line runs through the shared
helpers (``_train``, ``_evaluate``, ``_compare``) and every case writes only inside its
temporary folder (the fake Omniglot roots link to the real evaluation archive, only read).

Areas, as written: train on the command line (10), evaluate and compare (10), Chapter 2's
functions -- meta_grad, meta_loss, anil_meta_grad, inner_sgd, fine_tune_tasks, reptile_step,
sgd_path, subset_meta_loss, ridge_fit, softmax_head, newton_solve, multitask_loss,
closed_form_meta_loss (13), strategies, configs and the registry -- MAMLConfig, ReptileConfig,
ClosedFormConfig, MultitaskConfig, SubsetConfig, make_strategy, make_family,
strategy_from_config, with_test_time (9), train/evaluate/select_test_time/held_out_tasks/
task_rng in the library (10), checkpoints -- load_checkpoint, restore, save_checkpoint,
check_checkpoint_path, train resume and checkpoint (12), nn/optim/batchnorm (10), task
families and a user's own family (12), Omniglot -- load, Omniglot, finn_split (10): 96.

Kinds of bad value (new types built here, neither with ``__array__`` nor the sequence
protocol: ``DataArray``, an xarray-like labelled array with ``.values``, ``.dims``, ``.attrs``
and ``to_numpy()``; ``Series``, a polars-like column with ``to_numpy()``, ``len()`` and a
dtype name):
- a value held in one of those duck types where an array or a number is meant (mentions the
  argument and ``DataArray``/``Series``): ridge_fit features, softmax_head targets,
  newton_solve phi, multitask_loss heads, closed_form_meta_loss lam; MAMLConfig inner_lr,
  ReptileConfig meta_lr, ClosedFormConfig lam, MultitaskConfig head_meta_lr, SubsetConfig
  subset_size, make_strategy meta_batch, make_family linear mean, with_test_time inner_lr;
  train seed, n_steps and log_every, evaluate n_tasks and seed, select_test_time candidates,
  held_out_tasks n_support, task_rng seed; save_checkpoint meta_losses, seed and a state
  entry; MLP apply x and head features, adam_update grads, adam_init params, adam_rows rows,
  batch_norm h and scale, per_task params, MLP sizes, finn_init sizes; Sinusoid amplitude,
  SinusoidFrequency frequency, GaussianClusters spread and n_way, LinearRegression scale and
  mean; Omniglot data, rotate and n_way, finn_split alphabets; and a user family whose
  target, sample_params, sample_x or metric returns one;
- a loss left without its reduction (PyTorch's ``reduction='none'``: the squared error per
  point): the loss of eight Chapter 2 functions, and a user family's loss (train, evaluate)
  and metric (evaluate);
- an io object or a logger where a path or a callable is meant: load_checkpoint,
  check_checkpoint_path and save_checkpoint config an ``io.StringIO``; restore and train
  checkpoint an ``io.BytesIO``; strategy_from_config record a StringIO of JSON; Omniglot load
  root a BytesIO of the zip and cache_dir a StringIO; train and Omniglot load progress a
  ``logging.Logger``;
- a checkpoint or an Omniglot zip behind another packer's signature (7-Zip, zstd, lz4):
  load_checkpoint, restore, train resume, evaluate --checkpoint; Omniglot load;
- on the command line, Python written for a number (``7*10**4``, ``2**3``, ``6*100``,
  ``10*5``), a list literal (``[25]``, ``[100]``, ``[10]``, ``['maml']``), a slice for several
  seeds or steps (``0:3``, ``22:25``, ``0:10``), ``10k`` for --steps; and flags that do not
  fit together or the run: --root and --dtype for a sinusoid run, --resume with --force,
  --inner-lr with ``--set inner_lr=``, --out under a file.

Repeats: the 9,738 earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (by a regex) were grepped for each kind word before writing:
0 hits for ``DataArray``, ``Series``, ``xarray``, ``polars``, ``reduction``, ``Logger``,
``logging``, ``StringIO``, ``zstd``, ``lz4``, ``7z``, ``10k``, ``list literal``,
``expression``. A script then compared the draft's ids with the earlier ones, before any run:
six drafts were replaced then (not after a run), as they repeated earlier ids or their
substance: ``evaluate split/root given for a sinusoid checkpoint`` and ``train
checkpoint-every with a k suffix 1k`` (exact ids), and three ``PureWindowsPath`` cases
(restore, check_checkpoint_path, Omniglot load root), since restore path and Omniglot root a
PureWindowsPath were written before. The earlier ``(loss, aux)`` and ``writes into y``
losses, ``Omniglot data a BytesIO ... np.save`` and ``evaluate state a BytesIO`` are other
kinds or other arguments. No exact id is repeated (checked by script).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 3)`` were kept (``_kept``): 57 of the 96.
After the first run no case was added, reordered or swapped.

Dropped (``DROPPED``): none. Corrected after the first run (each wrong in itself):
- ``omniglot load root whose background zip is behind a 7-Zip / zstd / lz4 signature``: as
  first written, the signature was put before the real zip, which ``zipfile`` still reads
  (from the end, as a self-extracting archive): no fault, silent by right. Corrected: the
  whole zip is deflated (zlib) behind the signature, so the file is no zip.
- ``multitask_loss heads xarray-like DataArrays`` (first ``... polars-like Series``): a
  polars Series is one-dimensional, so the heads also had the wrong shape, a second fault.
  Corrected: DataArrays of the right shapes ((2, 8, 1) and (2, 1)), and the id renamed.
- ``subset_meta_loss loss without its reduction``, ``evaluate a user family whose loss has no
  reduction`` and ``a user family whose loss has no reduction, in train``: they demanded the
  shape (2, 5, 1) or (2, 10, 1), which the library could not know: it checks the loss on its
  own call, a subset of (2, 2, 1) or a probe of (1, 1, 1), and names the shape it got.
  Corrected to mention ``loss`` and ``shape``.

First run at 9e13143 (about 4 s as a script): written, 89 of 96 clear (92.7%), 4 unclear
(4.2%), 3 silent (3.1%), 0 data loss -- cli train 10/10, evaluate/compare 10/10, meta
functions 11/13, strategies 9/9, evaluate and train 9/10, checkpoints 12/12,
nn/optim/batchnorm 10/10, task families 11/12, omniglot 7/10. Kept (counted from that run
with the fixed selection): 52 of 57 clear (91.2%), 3 unclear, 2 silent, 0 data loss -- 6/6,
6/6, 7/8, 5/5, 5/6, 7/7, 6/6, 6/7, 4/6. After the corrections: written, 95 of 96 clear
(99.0%), 1 unclear, 0 silent, 0 data loss (meta functions 12/13, every other area full);
kept, 57 of 57 clear (100%). Under pytest: 58 passed (the 57 kept cases and the width check).
No checkpoint was lost or changed.

Not clear, kept: none (after the corrections; before them, the three loss cases above,
unclear for the shape they named, and the 7-Zip and lz4 Omniglot fakes, silent as they were
no fault).
Not clear, written and not kept:
- ``multitask_loss heads xarray-like DataArrays``: unclear -- TypeError "matmul: cannot apply
  to (2, 5, 8) and DataArray <xarray.DataArray ...>: b must be an array of real numbers, got
  DataArray ...": names the type, but as the engine's matmul operand ``b``, not ``heads``
  (as first written, with Series: "x must be an array of real numbers, got Series", also not
  naming ``heads``).

Measured on main at 73f292a (9e13143, the commit it was written at, plus a review commit of
docstrings and one message's wording), blind: kept, all 57 clear, 0 silent, 0 data loss;
written, 95 of 96 (99.0%). With the seventy-first (59 of 61) the pair is 116 of 118 (98.3%),
1 silent; with the lead's drop of the seventy-first's cases that have no fault (see there),
116 of 117 (99.1%), 0 silent. Round 49 (with sight of this file and the seventy-first, so not
blind): ``multitask_loss`` names a head of another library's array type as ``heads[i]``
instead of as the engine's matmul operand. After it: written, 96 of 96.
"""

import io
import logging
import zlib

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import (check_checkpoint_path, load_checkpoint, restore,
                                         save_checkpoint)
from scratchmeta.meta.closed_form import ClosedFormConfig, closed_form_meta_loss
from scratchmeta.meta.evaluate import held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.multitask import MultitaskConfig, multitask_loss
from scratchmeta.meta.registry import make_family, make_strategy, strategy_from_config
from scratchmeta.meta.reptile import ReptileConfig, fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import SubsetConfig, subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import TRAIN, _evaluate, _good, _train
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


# --- duck types of other data libraries (built here; neither has __array__) -------------------

class DataArray:
    """An xarray-like labelled array: ``.values``, ``.dims``, ``.attrs``, ``.to_numpy()``."""

    def __init__(self, values, dims=None):
        self._values = np.asarray(values)
        self.dims = tuple(dims or (f"dim_{i}" for i in range(self._values.ndim)))
        self.attrs = {}

    @property
    def values(self):
        return self._values

    @property
    def shape(self):
        return self._values.shape

    def to_numpy(self):
        return self._values

    def __repr__(self):
        sizes = ", ".join(f"{d}: {n}" for d, n in zip(self.dims, self._values.shape))
        return f"<xarray.DataArray ({sizes})>"


class Series:
    """A polars-like column: ``.to_numpy()``, ``.len()``, ``.name`` and a dtype name."""

    def __init__(self, values, name="x"):
        self._values = np.asarray(values)
        self.name = name
        self.dtype = "Float64" if self._values.dtype.kind == "f" else "Int64"

    def to_numpy(self):
        return self._values

    def len(self):
        return len(self._values)

    def __repr__(self):
        return f"shape: ({len(self._values)},)\nSeries: '{self.name}' [{self.dtype}]"


def _da(values):
    return DataArray(values)


# --- files the cases use: a checkpoint or a zip as other packers leave it ---------------------

SEVEN_Z = b"7z\xbc\xaf\x27\x1c\x00\x04"
ZSTD = b"\x28\xb5\x2f\xfd"
LZ4 = b"\x04\x22\x4d\x18"


def _once_at(path, write):
    if not path.exists():
        write(path)
    return path


def _packed(magic, name):
    """The good checkpoint's bytes behind another packer's signature (7-Zip, zstd, lz4)."""
    return lambda d: _once_at(d / name, lambda p: p.write_bytes(magic + _good(d).read_bytes()))


_7z = _packed(SEVEN_Z, "ckpt7z.npz")
_zst = _packed(ZSTD, "zst.npz")
_lz4 = _packed(LZ4, "lz4.npz")


def _real_zip_behind(magic):
    """make_background for _fake_root: the real background zip, deflated as a whole (so no
    longer a zip), behind another packer's signature (corrected after the first run)."""
    return lambda root, name: (root / name).write_bytes(
        magic + zlib.compress((REAL_DATA / "images_background.zip").read_bytes()))


# --- user functions: a loss written without its reduction (PyTorch's reduction='none') --------

def _per_point(pred, y):
    """A squared error left per point, as ``nn.MSELoss(reduction='none')`` gives it."""
    return (pred - y) ** 2


def _per_point_metric(self, pred, y):
    return (pred - y) ** 2


def _params_series(self, rng, n_tasks):
    return Series(rng.uniform(0.1, 5.0, n_tasks), name="amplitude")


def _x_dataarray(self, rng, task_params, n_points):
    return DataArray(rng.uniform(-5, 5, (len(task_params), n_points, 1)))


def _target_dataarray(self, task_params, x):
    return DataArray(np.sin(np.asarray(x)))


def _metric_series(self, pred, y):
    return Series(np.mean((np.asarray(pred) - np.asarray(y)) ** 2, axis=(1, 2)))


def _train_family(**attrs):
    return lambda d: train(make_strategy("maml", meta_batch=2, family=_family(**attrs)), 2, 0)


def _held_out(**attrs):
    return lambda d: held_out_tasks(_family(**attrs), 2, 5, 5)


LOGGER = logging.getLogger("my_experiment")


def _adam(**kwargs):
    params = [np.ones(2)]
    kwargs = {"params": params, "grads": [np.ones(2)], "state": adam_init(params),
              "lr": 1e-3, **kwargs}
    return adam_update(kwargs.pop("params"), kwargs.pop("grads"), kwargs.pop("state"),
                       kwargs.pop("lr"), **kwargs)


# --- the command line: (id, argv(folder), mentions) ---------------------------------------------

CLI_TRAIN_CASES = [
    ("train steps with a k suffix 10k", lambda d: [
        "train", "--steps", "10k", "--meta-batch", "2", "--out", str(d / "run.npz")],
     ["--steps", "10k"]),
    ("train root given for a sinusoid run", _train("--root", ROOT), ["--root"]),
    ("train dtype float32 given for a sinusoid run", _train("--dtype", "float32"),
     ["--dtype"]),
    ("train resume and force given together", lambda d: TRAIN + [
        "--out", str(_good(d)), "--resume", "--force"], ["--resume", "--force"]),
    ("train inner-lr and set inner_lr given together with two values", _train(
        "--inner-lr", "0.01", "--set", "inner_lr=0.05"), ["inner_lr"]),
    ("train steps a Python expression 7*10**4", lambda d: [
        "train", "--steps", "7*10**4", "--meta-batch", "2", "--out", str(d / "run.npz")],
     ["--steps", "7*10**4"]),
    ("train log-every a Python expression 10*5", _train("--log-every", "10*5"),
     ["--log-every", "10*5"]),
    ("train out under the good checkpoint, as if it were a folder", lambda d: TRAIN + [
        "--out", str(_good(d) / "run.npz")], ["good.npz"]),
    ("train meta-batch a Python list literal [25]", lambda d: [
        "train", "--steps", "2", "--meta-batch", "[25]", "--out", str(d / "run.npz")],
     ["--meta-batch", "[25]"]),
    ("train seed a slice 0:3 (three seeds meant)", _train("--seed", "0:3"),
     ["--seed", "0:3"]),
]

CLI_OTHER_CASES = [
    ("evaluate support a Python list literal [10]", _evaluate(_good, "--support", "[10]"),
     ["--support", "[10]"]),
    ("evaluate seed a slice 22:25 (three seeds meant)", _evaluate(_good, "--seed", "22:25"),
     ["--seed", "22:25"]),
    ("evaluate checkpoint a 7-Zip archive named .npz", _evaluate(_7z), ["ckpt7z.npz"]),
    ("evaluate checkpoint a zstd-compressed checkpoint", _evaluate(_zst), ["zst.npz"]),
    ("evaluate steps a Python expression 2**3", _evaluate(_good, "--steps", "2**3"),
     ["--steps", "2**3"]),
    ("evaluate query a Python list literal [100]", _evaluate(_good, "--query", "[100]"),
     ["--query", "[100]"]),
    ("compare strategies a Python list literal", _compare("--strategies", "['maml']"),
     ["--strategies", "['maml']"]),
    ("compare adapt-steps a slice 0:10", _compare("--adapt-steps", "0:10"),
     ["--adapt-steps", "0:10"]),
    ("compare tasks a Python expression 6*100", _compare("--tasks", "6*100"),
     ["--tasks", "6*100"]),
    ("evaluate checkpoint an lz4 frame named .npz", _evaluate(_lz4), ["lz4.npz"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

PER_POINT = "(2, 5, 1)"

META_CASES = [
    ("meta_grad loss without its reduction (reduction='none')", _loss_call(
        meta_grad, _per_point), ["loss", PER_POINT]),
    ("meta_loss loss without its reduction (reduction='none')", _loss_call(
        meta_loss, _per_point), ["loss", PER_POINT]),
    ("anil_meta_grad loss without its reduction (reduction='none')", _loss_call(
        anil_meta_grad, _per_point), ["loss", PER_POINT]),
    ("inner_sgd loss without its reduction (reduction='none')", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, loss=_per_point), ["loss", PER_POINT]),
    ("fine_tune_tasks loss without its reduction (reduction='none')", _loss_call(
        fine_tune_tasks, _per_point), ["loss", PER_POINT]),
    ("reptile_step loss without its reduction (reduction='none')", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=0.1, loss=_per_point),
     ["loss", PER_POINT]),
    ("sgd_path loss without its reduction (reduction='none')", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=_per_point), ["loss", PER_POINT]),
    ("subset_meta_loss loss without its reduction (reduction='none')", lambda d:
        subset_meta_loss(_p(), _b(), _m(), _rng(), subset_size=2, inner_lr=0.01,
                         inner_steps=1, loss=_per_point), ["loss", "shape"]),
    ("ridge_fit features an xarray-like DataArray", lambda d: ridge_fit(
        _da(_features()[0]), _features()[1], 0.1), ["features", "DataArray"]),
    ("softmax_head targets an xarray-like DataArray", lambda d: softmax_head(
        _features()[0], _da(_features()[1]), 0.1), ["targets", "DataArray"]),
    ("newton_solve phi an xarray-like DataArray", lambda d: newton_solve(
        _da(_features()[0]), _features()[1], 0.1), ["phi", "DataArray"]),
    ("multitask_loss heads xarray-like DataArrays", lambda d: multitask_loss(
        _p()[:2], [DataArray(np.ones((2, 8, 1))), DataArray(np.ones((2, 1)))],
        _b().x_support, _b().y_support, _m()), ["heads", "DataArray"]),
    ("closed_form_meta_loss lam a 0-d DataArray", lambda d: closed_form_meta_loss(
        _p()[:2], _b(), _m(), lam=_da(0.1)), ["lam", "DataArray"]),
]

STRATEGY_CASES = [
    ("MAMLConfig check inner_lr a 0-d DataArray", lambda d: MAMLConfig(
        inner_lr=_da(0.01)).check(), ["inner_lr", "DataArray"]),
    ("make_strategy maml meta_batch a polars-like Series of one value", lambda d:
        make_strategy("maml", meta_batch=Series([25])), ["meta_batch", "Series"]),
    ("ReptileConfig check meta_lr a 0-d DataArray", lambda d: ReptileConfig(
        meta_lr=_da(0.1)).check(), ["meta_lr", "DataArray"]),
    ("ClosedFormConfig check lam a polars-like Series of one value", lambda d:
        ClosedFormConfig(lam=Series([1.0])).check(), ["lam", "Series"]),
    ("make_family linear mean a polars-like Series", lambda d: make_family(
        "linear", mean=Series([1.0, 0.5])), ["mean", "Series"]),
    ("strategy_from_config record a StringIO of its JSON", lambda d: strategy_from_config(
        io.StringIO('{"strategy": "maml", "meta_batch": 2}')), ["record", "StringIO"]),
    ("with_test_time inner_lr a polars-like Series of one value", lambda d: with_test_time(
        _small(), inner_lr=Series([0.01])), ["inner_lr", "Series"]),
    ("MultitaskConfig check head_meta_lr a 0-d DataArray", lambda d: MultitaskConfig(
        head_meta_lr=_da(0.03)).check(), ["head_meta_lr", "DataArray"]),
    ("SubsetConfig check subset_size a polars-like Series of one value", lambda d:
        SubsetConfig(subset_size=Series([10])).check(), ["subset_size", "Series"]),
]

EVALUATE_CASES = [
    ("train progress a logging.Logger", lambda d: train(_small(), 2, 0, progress=LOGGER),
     ["progress", "Logger"]),
    ("train seed a 0-d DataArray", lambda d: train(_small(), 2, _da(0)),
     ["seed", "DataArray"]),
    ("evaluate n_tasks a polars-like Series of one value", lambda d: _evaluate_call(
        n_tasks=Series([2])), ["n_tasks", "Series"]),
    ("evaluate seed a 0-d DataArray", lambda d: _evaluate_call(seed=_da(22)),
     ["seed", "DataArray"]),
    ("select_test_time candidates a polars-like Series", lambda d: _select(
        candidates=Series([0.01, 0.1])), ["candidates", "Series"]),
    ("held_out_tasks n_support a 0-d DataArray", lambda d: held_out_tasks(
        Sinusoid(), 2, _da(5), 5), ["n_support", "DataArray"]),
    ("task_rng seed a polars-like Series of one value", lambda d: task_rng(Series([22]), 0),
     ["seed", "Series"]),
    ("evaluate a user family whose loss has no reduction (reduction='none')", lambda d:
        _evaluate_call(family=_family(loss=staticmethod(_per_point))), ["loss", "shape"]),
    ("train n_steps a 0-d DataArray", lambda d: train(_small(), _da(2), 0),
     ["n_steps", "DataArray"]),
    ("train log_every a polars-like Series of one value", lambda d: train(
        _small(), 2, 0, log_every=Series([1])), ["log_every", "Series"]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint a 7-Zip archive named .npz", lambda d: load_checkpoint(_7z(d)),
     ["ckpt7z.npz"]),
    ("restore a zstd-compressed checkpoint named .npz", lambda d: restore(_zst(d)),
     ["zst.npz"]),
    ("load_checkpoint an io.StringIO", lambda d: load_checkpoint(io.StringIO()),
     ["path", "StringIO"]),
    ("restore an io.BytesIO of the good checkpoint's bytes", lambda d: restore(
        io.BytesIO(_good(d).read_bytes())), ["BytesIO"]),
    ("load_checkpoint an lz4 frame named .npz", lambda d: load_checkpoint(_lz4(d)),
     ["lz4.npz"]),
    ("train resume a 7-Zip archive named .npz", lambda d: train(
        _small(), 4, 0, checkpoint=_7z(d), resume=True), ["ckpt7z.npz"]),
    ("save_checkpoint meta_losses a polars-like Series", lambda d: _save(
        d, meta_losses=Series([1.0, 0.5])), ["meta_losses", "Series"]),
    ("save_checkpoint state holding an xarray-like DataArray", lambda d: _save(
        d, state={"w": _da(np.ones(2))}), ["DataArray"]),
    ("save_checkpoint seed a 0-d DataArray", lambda d: _save(d, seed=_da(0)),
     ["seed", "DataArray"]),
    ("check_checkpoint_path an io.StringIO", lambda d: check_checkpoint_path(io.StringIO()),
     ["StringIO"]),
    ("save_checkpoint config a StringIO of JSON", lambda d: _save(
        d, config=io.StringIO('{"strategy": "maml"}')), ["config", "StringIO"]),
    ("train checkpoint an io.BytesIO buffer", lambda d: train(
        _small(), 2, 0, checkpoint=io.BytesIO()), ["checkpoint", "BytesIO"]),
]

NN_CASES = [
    ("MLP apply x an xarray-like DataArray", lambda d: _m().apply(
        _p(), _da(np.ones((2, 5, 1)))), ["x", "DataArray"]),
    ("adam_update grads a list of polars-like Series", lambda d: _adam(
        grads=[Series([1.0, 1.0])]), ["grads", "Series"]),
    ("batch_norm h an xarray-like DataArray", lambda d: batch_norm(_da(np.ones((4, 3)))),
     ["h", "DataArray"]),
    ("per_task params a list of xarray-like DataArrays", lambda d: per_task(
        [_da(p) for p in _p()], 2), ["params", "DataArray"]),
    ("adam_init params a list of polars-like Series", lambda d: adam_init(
        [Series([1.0, 2.0])]), ["params", "Series"]),
    ("MLP sizes a polars-like Series", lambda d: MLP(Series([1, 40, 1])),
     ["sizes", "Series"]),
    ("finn_init sizes an xarray-like DataArray", lambda d: finn_init(
        _rng(), _da([1, 40, 1])), ["sizes", "DataArray"]),
    ("batch_norm scale a polars-like Series", lambda d: batch_norm(
        np.ones((4, 3)), scale=Series([1.0, 1.0, 1.0])), ["scale", "Series"]),
    ("adam_rows rows a polars-like Series", lambda d: adam_rows(
        [np.ones((3, 2))], {"t": np.zeros(3, int), "m": [np.zeros((3, 2))],
                            "v": [np.zeros((3, 2))]}, [np.ones((3, 2))], Series([0, 1]),
        1e-3), ["rows", "Series"]),
    ("MLP head features an xarray-like DataArray", lambda d: _m().head(
        _p()[-2:], _da(np.ones((2, 5, 8)))), ["features", "DataArray"]),
]

TASK_CASES = [
    ("a user family whose loss has no reduction (reduction='none'), in train",
     _train_family(loss=staticmethod(_per_point)), ["loss", "shape"]),
    ("a user family whose target returns an xarray-like DataArray",
     _held_out(target=_target_dataarray), ["target", "DataArray"]),
    ("a user family whose sample_params returns a polars-like Series, in train",
     _train_family(sample_params=_params_series), ["sample_params", "Series"]),
    ("a user family whose sample_x returns an xarray-like DataArray, in evaluate", lambda d:
        _evaluate_call(family=_family(sample_x=_x_dataarray)), ["sample_x", "DataArray"]),
    ("a user family whose metric returns a polars-like Series, in evaluate", lambda d:
        _evaluate_call(family=_family(metric=_metric_series)), ["metric", "Series"]),
    ("a user family whose metric has no reduction (per point), in evaluate", lambda d:
        _evaluate_call(family=_family(metric=_per_point_metric)), ["metric", PER_POINT]),
    ("Sinusoid amplitude a polars-like Series", lambda d: Sinusoid(
        amplitude=Series([0.1, 5.0])), ["amplitude", "Series"]),
    ("SinusoidFrequency frequency an xarray-like DataArray", lambda d: SinusoidFrequency(
        frequency=_da([0.5, 2.0])), ["frequency", "DataArray"]),
    ("GaussianClusters spread a 0-d DataArray", lambda d: GaussianClusters(
        spread=_da(2.0)), ["spread", "DataArray"]),
    ("LinearRegression scale a polars-like Series of one value", lambda d: LinearRegression(
        scale=Series([1.0])), ["scale", "Series"]),
    ("GaussianClusters n_way a polars-like Series of one value", lambda d: GaussianClusters(
        n_way=Series([5])), ["n_way", "Series"]),
    ("LinearRegression mean an xarray-like DataArray", lambda d: LinearRegression(
        mean=_da([1.0, 0.5])), ["mean", "DataArray"]),
]

OMNIGLOT_CASES = [
    ("omniglot load root whose background zip is behind a 7-Zip signature", lambda d: _load(
        _fake_root(d, _real_zip_behind(SEVEN_Z)), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is behind a zstd signature", lambda d: _load(
        _fake_root(d, _real_zip_behind(ZSTD)), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is behind an lz4 signature", lambda d: _load(
        _fake_root(d, _real_zip_behind(LZ4)), d), ["images_background.zip"]),
    ("omniglot load root an io.BytesIO of the background zip", lambda d: _load(
        io.BytesIO((REAL_DATA / "images_background.zip").read_bytes()), d),
     ["root", "BytesIO"]),
    ("omniglot load cache_dir an io.StringIO", lambda d: __import__(
        "scratchmeta.datasets.omniglot", fromlist=["load"]).load(
        ROOT, cache_dir=io.StringIO(), progress=False), ["cache_dir", "StringIO"]),
    ("Omniglot data an xarray-like DataArray of the images", lambda d: Omniglot(
        5, data=_da(_data().images)), ["data", "DataArray"]),
    ("Omniglot rotate a polars-like Series", lambda d: Omniglot(
        5, data=_data(), rotate=Series([0, 1, 2, 3])), ["rotate", "Series"]),
    ("Omniglot n_way a 0-d DataArray", lambda d: Omniglot(_da(5), data=_data()),
     ["n_way", "DataArray"]),
    ("finn_split alphabets a polars-like Series", lambda d: finn_split(
        Series(_data().alphabets), _data().characters), ["alphabets", "Series"]),
    ("omniglot load progress a logging.Logger", lambda d: __import__(
        "scratchmeta.datasets.omniglot", fromlist=["load"]).load(
        ROOT, cache_dir=d / "cache", progress=LOGGER), ["progress", "Logger"]),
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
    the cases whose index i (from 0) has i % 5 not in (1, 3)."""
    return kept_cases(cases, (1, 3), DROPPED)


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


def test_the_seventieth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_seventieth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
