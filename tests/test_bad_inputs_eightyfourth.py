"""An eighty-fourth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit eb8d22e, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names (``dir``) and signatures of
``scratchmeta.meta``'s modules (``maml``, ``anil``, ``subset``, ``multitask``, ``reptile``,
``ridge``, ``softmax_head``, ``adapt``, ``registry`` with ``STRATEGIES`` and ``FAMILIES``,
``checkpoint``, ``training``, ``evaluate``, ``closed_form``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; the entry names and the ``meta/config`` text of a checkpoint that
``train`` wrote (in /dev/shm, to build the damaged copies); and the earlier batteries' ids,
layout and shared helpers (imported, not copied). No library docstring was read, before or
after the runs. Not read: the body of any validation code (``checks.py``, ``_checks.py``,
``check_*``, ``protocol.py``, ``messages.py``), the library's source, its history, anything
of /work/main. No ``__main__`` module was imported; the command line runs through the shared
helpers (``_train``, ``_evaluate``, ``_compare``). Every case writes only inside its
temporary folder (checked after the runs: no new file in the worktree but this one).

Areas, as written: train on the command line (10), evaluate and compare (10), Chapter 2's
functions -- meta_loss, meta_grad, inner_sgd, reptile_step, ridge_fit, softmax_head,
newton_solve, subset_meta_loss, sgd_path, closed_form_meta_loss, anil_meta_loss (12);
strategies, configs and the registry -- make_strategy, hyperparameters, MultitaskConfig,
MAMLConfig, ReptileConfig, with_test_time (8); train, evaluate, select_test_time,
held_out_tasks and task_rng in the library (10); checkpoints -- load_checkpoint, restore,
save_checkpoint, train resume (12); nn/optim/batchnorm -- MLP activation, sizes, dtype and
batch_norm flag, batch_norm, adam_update, per_task (10); task families, make_family and a
user's own family (12); Omniglot -- Omniglot, load, sample, finn_split, SCRATCHMETA_DATA
(10): 94.

Kinds of bad value (words found in no earlier id):
- config-tool override syntax where a hyperparameter name is meant: Hydra's append prefix
  ``+inner_lr`` (train --set, make_strategy keyword) and a Hydra override string as a value
  (closed_form_meta_loss lam ``+lam=0.1``, make_family amplitude); gin-config bindings and
  references, ``MAML.inner_lr``, ``@maml`` (train --set, with_test_time keyword, compare
  --strategies, hyperparameters, make_family);
- values pasted from an interactive session: the Python prompt ``>>> 0.01`` (train
  --inner-lr, compare --adapt-steps, meta_grad inner_lr, MAMLConfig inner_lr, evaluate
  n_query, save_checkpoint seed, GaussianClusters n_way, finn_split n_validation) and an
  IPython output cell ``Out[3]: 10`` (evaluate --steps, subset_meta_loss subset_size,
  task_rng seed, MLP dtype, Sinusoid and Omniglot sample n_support);
- values pasted from scratchmeta's own output: evaluate's printed interval ``0.1 ± 0.02``
  (train --lam, reptile_step meta_lr, meta_loss inner_steps, train log_every,
  select_test_time candidates, evaluate chunk_size, save_checkpoint meta_losses, per_task
  n_tasks, LinearRegression noise, GaussianClusters spread) and a progress line's
  ``step/total`` fragment ``2/70000`` (train --steps, compare --steps, inner_sgd
  inner_steps, train n_steps and checkpoint_every, save_checkpoint step);
- values copied from Markdown: code backticks `` `0.001` `` (train --meta-lr, evaluate
  --query, newton_solve tol, ReptileConfig meta_lr, make_strategy name, held_out_tasks
  n_support, MLP activation, batch_norm eps, Sinusoid amplitude, Omniglot n_way) and a table
  cell ``| 10 |`` (train --n-support, anil_meta_loss inner_lr, evaluate n_steps,
  make_family name);
- other libraries' habits: real PyTorch objects (torch.nn.MSELoss() and
  torch.nn.functional.mse_loss as losses, a torch.nn.Sequential as the model,
  torch.nn.ReLU() as the activation, torch.nn.BatchNorm1d as the batch_norm flag, a user
  family whose loss is F.mse_loss, whose metric is F.l1_loss, whose target or sample_params
  returns a torch tensor), PyTorch's ``betas=(0.9, 0.999)`` pair as beta1, a param-group
  dict ``{'lr': ...}`` as lr, an init name ``xavier_uniform_`` as head_init; scikit-learn's
  RidgeCV ``alphas`` list as lam and solver name ``lbfgs`` as form; pandas' ``errors``
  value ``coerce`` as on_divergence; a Keras input shape ``(None, 40, 1)`` as MLP sizes;
  Lake's archive names ``background``/``evaluation`` as Omniglot's split and torchmeta's
  rotation angles ``[90, 180, 270]`` as rotate; a batch of one row for batch_norm;
- files and names from other tools and desktops: a Hugging Face safetensors file (evaluate
  --checkpoint, load_checkpoint, train resume, an Omniglot background zip); ``--out`` named
  ``run.pt`` or ``model.safetensors``; a Windows shortcut ``.lnk`` (evaluate --checkpoint,
  restore, omniglot load root, a background zip); a vim swap file ``.good.npz.swp``; the
  ``good.npz:Zone.Identifier`` file that WSL leaves; a checkpoint saved through a text editor
  (bad bytes replaced by U+FFFD); a checkpoint whose ``meta/config`` JSON holds ``inner_lr``
  twice (JSON keeps the last), one with a zero-length ``.npy`` member, and a saved state with
  a top-level key ``meta``; environment variables quoted by a docker ``--env-file`` (which
  keeps the quotes: OPENBLAS_NUM_THREADS ``"1"``, OMP_NUM_THREADS ``'2'``,
  SCRATCHMETA_DATA).

Repeats: the 11,106 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py``
and ``tests/sweep_bad_inputs_*.py`` (by a regex) were grepped, before any run, for each kind
word: 0 hits for Hydra, ``+inner``, ``>>>``, ``Out[``, prompt, ``±``, progress line,
``/70000``, backtick, markdown table, nn.ReLU, MSELoss, Sequential, torch.nn, functional,
BatchNorm, betas, xavier, lbfgs, alphas, coerce, ``None, 1``, degrees, safetensors, ``.pt``,
lnk, shortcut, swp, Zone, FFFD, text editor, docker, env-file, duplicate key, zero-length;
"gin" had 46 hits, all inside other words (engine, imaginary); "background" hits are all
the zip's name, none a split; "Markdown" has 3 hits, none backticks or a table cell. Drafts
replaced before any run as they repeated earlier ids' substance (the grep found them):
Fortran literals (``1d-2``, train inner-lr), C suffixes (``0.01f``), LaTeX ``10^{-3}``,
Jinja and str.format placeholders, superscripts, the help's range ``0..10``, Git LFS
pointers, HDF5 and torch.save zips, CRLF-mangled checkpoints, zip-in-zip and 28x28 and JPEG
Omniglot zips, a member escaping its folder (zip slip), lru_cache'd and (loss, aux) losses,
PCG64 bit generators, scipy interp1d schedules, UUIDs, MagicMocks, sympy Symbols, the
"1-40-40-1" sizes and sklearn's ``cholesky``. No exact id repeats (checked by a script
against the same list).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 55 of the 94.
After the first run no case was added, reordered or swapped; no mentions were changed.

Dropped: none. Corrected, after the first run, one slip of this writer's:
- ``save_checkpoint state with a top-level key 'meta', beside the meta/ entries`` (kept)
  passed the shared ``_save``'s default ``config={}``, which this commit refuses by itself;
  the first run (kept and written) classed it unclear: ValueError "config must be
  protocol.describe's record of the strategy, with its 'class' and its 'hyperparameters'
  (load_checkpoint refuses a checkpoint without them), got dict {}". Now the case passes the
  good checkpoint's own config record (``_config``), so that only the state is odd; then it
  is silent (see below). Likely a second slip: this writer guessed, blind, that a state key
  ``meta`` would collide with the checkpoint's ``meta/`` entries, but the state's entries are
  stored under ``state/`` (``state/meta/step``), so there is probably no collision and no
  fault of the kind the id names (the state ``{"w", "meta"}`` does not match MAML's state,
  which is a different fault). The lead may judge it not a bad input.

First run at eb8d22e (under ``ulimit -v 8000000``): written, 91 of 94 clear (96.8%), 3
unclear, 0 silent, 0 data loss -- cli train 10/10, evaluate/compare 10/10, meta functions
12/12, strategies 8/8, evaluate and train 10/10, checkpoints 11/12, nn/optim/batchnorm
10/10, task families 10/12, omniglot 10/10. Kept, 53 of 55 clear (96.4%), 2 unclear, 0
silent, 0 data loss -- 6/6, 6/6, 7/7, 4/4, 6/6, 6/7, 6/6, 6/7, 6/6. After the correction:
kept 53 of 55 clear, 1 unclear, 1 silent; written 91 of 94, 2 unclear, 1 silent. Under
pytest (after it): 54 passed, 2 failed (the two kept cases not clear; the wide-and-new test
passes).

Not clear, kept:
- ``a user family whose metric is torch.nn.functional.l1_loss, in evaluate`` (unclear):
  TypeError "UserFamily.metric raised TypeError: 'int' object is not callable" -- names
  metric, but not ``l1_loss``, and the inner message (torch's, on NumPy arrays) does not say
  that the metric was given NumPy arrays rather than tensors.
- ``save_checkpoint state with a top-level key 'meta', beside the meta/ entries`` (silent
  after the correction, unclear before it): see the slip above; most likely not a fault.

Not clear, written and not kept:
- ``a user family whose sample_params returns a torch tensor, in train`` (unclear):
  ValueError "UserFamily.sample_params must return an array with one row per task, shape
  (2, ...) for n_tasks=2, got shape torch.Size([2, 2])" -- names sample_params and (through
  ``torch.Size``) hints at torch, but not the word Tensor this case asks for; the shape it
  quotes is the right one, so the refusal's reason as worded is wrong for a torch tensor.

Measured on main at eb8d22e by the lead as well: kept 53 of 55 clear, written 91 of 94, as
above (after the correction). The 'meta' key case is kept and counted, though its writer
doubts it: there is no collision with the meta/ entries, but there is a fault, a state that
holds none of the model's parameters beside a config recording an MLP, which restore would
refuse, so the checkpoint saved was never resumable. The lead made the cases that build a
PyTorch object skip where torch is not installed (``_needs_torch``; it is no test
dependency). Round 56 (with sight of this file and the eighty-fifth): saving and loading
refuse a state with none of the recorded MLP's parameter lists, naming its entries; a
family's method that is another package's function (``torch.nn.functional.l1_loss``) is
named by its module and name when it raises, with how it is called (NumPy arrays, as
``metric(self, pred, y)``); ``sample_params`` returning another library's array is named by
its class (``torch.Tensor``), not blamed on its shape. After it: 55 of 55 kept clear, 94 of
94 written.
"""

import importlib.util
import json
import zipfile

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore
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
from scratchmeta.tasks import LinearRegression, Sinusoid

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _arrays, _evaluate, _good, _train
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
PM = "\u00b1"                                   # the plus-minus sign evaluate prints


def _torch():
    """PyTorch, imported only by the cases that use it (a user's other library)."""
    import torch
    return torch


def _needs_torch(case):
    """True for a case that builds a PyTorch object (added by the lead: torch is not among the
    test dependencies, so CI skips these cases; this machine's .venv has it)."""
    return "torch." in case[0] or "torch tensor" in case[0]


# --- files from other tools and desktops -----------------------------------------------------

def _safetensors(path):
    """A minimal Hugging Face safetensors file: an 8-byte header length, a JSON header, data."""
    header = json.dumps({"weight": {"dtype": "F64", "shape": [2], "data_offsets": [0, 16]},
                         "__metadata__": {"format": "pt"}}).encode()
    path.write_bytes(len(header).to_bytes(8, "little") + header + np.ones(2).tobytes())
    return path


def _lnk(path):
    """A Windows shell link (.lnk) as Explorer writes it: its fixed header, then junk."""
    path.write_bytes(b"L\x00\x00\x00\x01\x14\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00"
                     b"\x00\x00\x00F" + bytes(56) + b"C:\\Users\\me\\runs\\good.npz\x00")
    return path


def _swap(path):
    """A vim swap file (what tab completion offers beside the file being edited)."""
    path.write_bytes(b"b0VIM 9.0\x00\x00\x00\x00\x10\x00\x00" + bytes(1000))
    return path


def _zone(path):
    """The Zone.Identifier stream file that a copy from Windows leaves in WSL."""
    path.write_text("[ZoneTransfer]\r\nZoneId=3\r\nHostUrl=about:internet\r\n")
    return path


def _folder(d, name):
    (d / name).mkdir(exist_ok=True)
    return d / name


def _edited(d):
    """The good checkpoint opened and saved by a text editor (bad bytes become U+FFFD)."""
    path = _folder(d, "edited") / "edited.npz"
    path.write_bytes(_good(d).read_bytes().decode("utf-8", "replace").encode("utf-8"))
    return path


def _zero_member(d):
    """A copy of the good checkpoint whose first state entry is a zero-length .npy member."""
    path = d / "zero_member.npz"
    with zipfile.ZipFile(_good(d)) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = b"" if info.filename == "state/params/0.npy" else src.read(info)
            dst.writestr(info.filename, data)
    return path


def _duplicate_key(d):
    """A copy of the good checkpoint whose meta/config JSON holds inner_lr twice."""
    arrays = _arrays(_good(d))
    text = str(arrays["meta/config"])
    arrays["meta/config"] = np.array(text.replace('"inner_lr": 0.01', '"inner_lr": 0.01, '
                                                  '"inner_lr": 5.0'))
    path = d / "duplicate_key.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def _config(d):
    """The good checkpoint's own config record (a valid one, so that only the state is bad)."""
    return json.loads(str(_arrays(_good(d))["meta/config"]))


def _safetensors_background(root, name):
    _safetensors(root / name)


def _lnk_background(root, name):
    _lnk(root / name)


def _quoted_threads(value):
    return lambda d: value


def _quoted_data(d):
    return '"' + ROOT + '"'                      # a docker --env-file keeps the quotes


# --- user functions from PyTorch -------------------------------------------------------------

def _torch_target(self, task_params, x):
    """A user's target written with torch: a torch tensor comes back."""
    torch = _torch()
    return torch.sin(torch.as_tensor(x))


def _torch_params(self, rng, n_tasks):
    return _torch().ones((n_tasks, 2))


def _train_family(**attrs):
    return lambda d: train(make_strategy("maml", meta_batch=2, family=_family(**attrs)), 2, 0)


def _torch_loss_family(d):
    return _train_family(loss=staticmethod(_torch().nn.functional.mse_loss))(d)


def _torch_metric_family(d):
    return _evaluate_call(family=_family(metric=staticmethod(_torch().nn.functional.l1_loss)))


def _torch_params_family(d):
    return _train_family(sample_params=_torch_params)(d)


def _loss_call(fn, loss=None, **kwargs):
    kwargs = {"inner_lr": 0.01, "inner_steps": 1, **kwargs}
    if loss is not None:
        kwargs["loss"] = loss
    return lambda d: fn(_p(), _b(), _m(), **kwargs)


def _omniglot(**kwargs):
    return Omniglot(kwargs.pop("n_way", 5), data=_data(), **kwargs)


# --- the command line: (id, argv(folder), mentions[, env]) -----------------------------------

CLI_TRAIN_CASES = [
    ("train set with Hydra's append prefix +inner_lr=0.01", _train(
        "--set", "+inner_lr=0.01"), ["+inner_lr"]),
    ("train set a gin binding MAML.inner_lr=0.01", _train("--set", "MAML.inner_lr=0.01"),
     ["MAML.inner_lr"]),
    ("train inner-lr pasted from a Python prompt '>>> 0.01'", _train(
        "--inner-lr", ">>> 0.01"), ["--inner-lr", ">>> 0.01"]),
    ("train steps a progress-line fragment '2/70000'", _train("--steps", "2/70000"),
     ["--steps", "2/70000"]),
    ("train lam evaluate's printed interval '0.1 \u00b1 0.02'", _train(
        "--strategy", "closed_form", "--lam", "0.1 " + PM + " 0.02"),
     ["--lam", "0.1 " + PM + " 0.02"]),
    ("train meta-lr in Markdown code backticks `0.001`", _train("--meta-lr", "`0.001`"),
     ["--meta-lr", "`0.001`"]),
    ("train out a PyTorch file name run.pt", lambda d: [
        "train", "--steps", "2", "--meta-batch", "2", "--out", str(d / "run.pt")],
     ["--out", "run.pt"]),
    ("train out a Hugging Face file name model.safetensors", lambda d: [
        "train", "--steps", "2", "--meta-batch", "2", "--out", str(d / "model.safetensors")],
     ["--out", "model.safetensors"]),
    ("train with OPENBLAS_NUM_THREADS quoted by a docker env-file '\"1\"'", _train(),
     ["OPENBLAS_NUM_THREADS", '"1"'], {"OPENBLAS_NUM_THREADS": _quoted_threads('"1"')}),
    ("train n-support a Markdown table cell '| 10 |'", _train("--n-support", "| 10 |"),
     ["--n-support", "| 10 |"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint a safetensors file model.safetensors", _evaluate(
        lambda d: _safetensors(d / "model.safetensors")),
     ["--checkpoint", "model.safetensors"]),
    ("evaluate steps an IPython output 'Out[3]: 10'", _evaluate(
        _good, "--steps", "Out[3]: 10"), ["--steps", "Out[3]: 10"]),
    ("evaluate checkpoint a Windows shortcut good.npz.lnk", _evaluate(
        lambda d: _lnk(d / "good.npz.lnk")), ["--checkpoint", "good.npz.lnk"]),
    ("evaluate checkpoint a vim swap file .good.npz.swp", _evaluate(
        lambda d: _swap(d / ".good.npz.swp")), ["--checkpoint", ".good.npz.swp"]),
    ("evaluate query in Markdown code backticks `100`", _evaluate(
        _good, "--query", "`100`"), ["--query", "`100`"]),
    ("evaluate with OMP_NUM_THREADS quoted by a docker env-file \"'2'\"", _evaluate(_good),
     ["OMP_NUM_THREADS", "'2'"], {"OMP_NUM_THREADS": _quoted_threads("'2'")}),
    ("compare steps a progress-line fragment '2/5000'", _compare("--steps", "2/5000"),
     ["--steps", "2/5000"]),
    ("compare adapt-steps pasted from a Python prompt '>>> 1'", _compare(
        "--adapt-steps", ">>> 1"), ["--adapt-steps", ">>> 1"]),
    ("compare strategies a gin reference '@maml'", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--adapt-steps", "1",
        "--strategies", "@maml"], ["--strategies", "@maml"]),
    ("evaluate checkpoint the WSL stream file good.npz:Zone.Identifier", _evaluate(
        lambda d: _zone(d / "good.npz:Zone.Identifier")),
     ["--checkpoint", "good.npz:Zone.Identifier"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_loss loss a PyTorch module torch.nn.MSELoss()", lambda d: _loss_call(
        meta_loss, _torch().nn.MSELoss())(d), ["loss", "MSELoss"]),
    ("meta_grad inner_lr pasted from a Python prompt '>>> 0.01'", _loss_call(
        meta_grad, inner_lr=">>> 0.01"), ["inner_lr", ">>> 0.01"]),
    ("inner_sgd inner_steps a progress-line fragment '1/70000'", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps="1/70000"), ["inner_steps", "1/70000"]),
    ("reptile_step meta_lr evaluate's printed interval '0.1 \u00b1 0.01'", lambda d:
        reptile_step(_p(), _b(), _m(), inner_lr=0.01, inner_steps=2,
                     meta_lr="0.1 " + PM + " 0.01"), ["meta_lr", "0.1 " + PM + " 0.01"]),
    ("ridge_fit lam scikit-learn RidgeCV's alphas [0.1, 1.0, 10.0]", lambda d: ridge_fit(
        *_features(), [0.1, 1.0, 10.0]), ["lam", "[0.1, 1.0, 10.0]"]),
    ("softmax_head form scikit-learn's solver name 'lbfgs'", lambda d: softmax_head(
        *_features(), 0.1, form="lbfgs"), ["form", "lbfgs"]),
    ("newton_solve tol in Markdown code backticks '`1e-10`'", lambda d: newton_solve(
        *_features(), 0.1, tol="`1e-10`"), ["tol", "`1e-10`"]),
    ("subset_meta_loss subset_size an IPython output 'Out[2]: 2'", lambda d:
        subset_meta_loss(_p(), _b(), _m(), _rng(), subset_size="Out[2]: 2", inner_lr=0.01,
                         inner_steps=1), ["subset_size", "Out[2]: 2"]),
    ("sgd_path loss PyTorch's torch.nn.functional.mse_loss", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01,
        loss=_torch().nn.functional.mse_loss), ["loss", "mse_loss"]),
    ("closed_form_meta_loss lam a Hydra override string '+lam=0.1'", lambda d:
        closed_form_meta_loss(_p()[:2], _b(), _m(), lam="+lam=0.1"), ["lam", "+lam=0.1"]),
    ("anil_meta_loss inner_lr a Markdown table cell '| 0.01 |'", _loss_call(
        anil_meta_loss, inner_lr="| 0.01 |"), ["inner_lr", "| 0.01 |"]),
    ("meta_loss inner_steps evaluate's printed interval '1 \u00b1 0'", _loss_call(
        meta_loss, inner_steps="1 " + PM + " 0"), ["inner_steps", "1 " + PM + " 0"]),
]

STRATEGY_CASES = [
    ("make_strategy model a PyTorch torch.nn.Sequential", lambda d: make_strategy(
        "maml", model=_torch().nn.Sequential(_torch().nn.Linear(1, 40), _torch().nn.ReLU(),
                                             _torch().nn.Linear(40, 1))),
     ["model", "Sequential"]),
    ("make_strategy keyword with Hydra's append prefix '+inner_lr'", lambda d: make_strategy(
        "maml", **{"+inner_lr": 0.01}), ["+inner_lr"]),
    ("hyperparameters name a gin reference '@maml'", lambda d: hyperparameters("@maml"),
     ["name", "@maml"]),
    ("MultitaskConfig check head_init a PyTorch init name 'xavier_uniform_'", lambda d:
        MultitaskConfig(head_init="xavier_uniform_").check(),
     ["head_init", "xavier_uniform_"]),
    ("MAMLConfig check inner_lr pasted from a Python prompt '>>> 0.01'", lambda d:
        MAMLConfig(inner_lr=">>> 0.01").check(), ["inner_lr", ">>> 0.01"]),
    ("with_test_time a gin-scoped name 'MAML.inner_lr'", lambda d: with_test_time(
        _small(), **{"MAML.inner_lr": 0.01}), ["MAML.inner_lr"]),
    ("ReptileConfig check meta_lr in Markdown code backticks '`0.1`'", lambda d:
        ReptileConfig(meta_lr="`0.1`").check(), ["meta_lr", "`0.1`"]),
    ("make_strategy name in Markdown code backticks '`maml`'", lambda d: make_strategy(
        "`maml`"), ["name", "`maml`"]),
]

EVALUATE_CASES = [
    ("train n_steps a progress-line fragment '2/70000'", lambda d: train(
        _small(), "2/70000", 0), ["n_steps", "2/70000"]),
    ("train log_every evaluate's printed interval '1 \u00b1 0'", lambda d: train(
        _small(), 2, 0, log_every="1 " + PM + " 0"), ["log_every", "1 " + PM + " 0"]),
    ("evaluate on_divergence pandas' errors value 'coerce'", lambda d: _evaluate_call(
        on_divergence="coerce"), ["on_divergence", "coerce"]),
    ("evaluate n_query pasted from a Python prompt '>>> 5'", lambda d: _evaluate_call(
        n_query=">>> 5"), ["n_query", ">>> 5"]),
    ("select_test_time candidates evaluate's printed intervals", lambda d: _select(
        candidates=["0.01 " + PM + " 0.002"]), ["candidates", "0.01 " + PM + " 0.002"]),
    ("held_out_tasks n_support in Markdown code backticks '`5`'", lambda d: held_out_tasks(
        Sinusoid(), 2, "`5`", 5), ["n_support", "`5`"]),
    ("task_rng seed an IPython output 'Out[1]: 22'", lambda d: task_rng("Out[1]: 22", 0),
     ["seed", "Out[1]: 22"]),
    ("evaluate n_steps a Markdown table cell '| 10 |'", lambda d: _evaluate_call(
        n_steps="| 10 |"), ["n_steps", "| 10 |"]),
    ("train checkpoint_every a progress-line fragment '1000/70000'", lambda d: train(
        _small(), 2, 0, checkpoint=d / "run.npz", checkpoint_every="1000/70000"),
     ["checkpoint_every", "1000/70000"]),
    ("evaluate chunk_size evaluate's printed interval '100 \u00b1 0'", lambda d:
        _evaluate_call(chunk_size="100 " + PM + " 0"), ["chunk_size", "100 " + PM + " 0"]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint a safetensors file named good.npz", lambda d: load_checkpoint(
        _safetensors(_folder(d, "hub") / "good.npz")), ["good.npz"]),
    ("restore a Windows shortcut good.npz.lnk", lambda d: restore(_lnk(d / "good.npz.lnk")),
     ["good.npz.lnk"]),
    ("load_checkpoint a vim swap file .good.npz.swp", lambda d: load_checkpoint(
        _swap(d / ".good.npz.swp")), [".good.npz.swp"]),
    ("restore a checkpoint whose meta/config JSON holds a key twice", lambda d: restore(
        _duplicate_key(d)), ["meta/config", "inner_lr"]),
    ("load_checkpoint a checkpoint with a zero-length .npy member", lambda d:
        load_checkpoint(_zero_member(d)), ["state/params/0"]),
    ("save_checkpoint state with a top-level key 'meta', beside the meta/ entries", lambda d:
        _save(d, state={"w": np.ones(2), "meta": {"step": np.ones(1)}}, config=_config(d)),
     ["state", "meta"]),
    ("train resume from a safetensors file named run.npz", lambda d: train(
        _small(), 4, 0, checkpoint=_safetensors(d / "run.npz"), resume=True), ["run.npz"]),
    ("load_checkpoint the checkpoint saved through a text editor (U+FFFD)", lambda d:
        load_checkpoint(_edited(d)), ["edited.npz"]),
    ("restore the WSL stream file good.npz:Zone.Identifier", lambda d: restore(
        _zone(d / "good.npz:Zone.Identifier")), ["good.npz:Zone.Identifier"]),
    ("save_checkpoint step a progress-line fragment '2/70000'", lambda d: _save(
        d, step="2/70000"), ["step", "2/70000"]),
    ("save_checkpoint seed pasted from a Python prompt '>>> 0'", lambda d: _save(
        d, seed=">>> 0"), ["seed", ">>> 0"]),
    ("save_checkpoint meta_losses evaluate's printed intervals", lambda d: _save(
        d, meta_losses=["1.0 " + PM + " 0.1"]), ["meta_losses", "1.0 " + PM + " 0.1"]),
]

NN_CASES = [
    ("MLP activation a PyTorch module torch.nn.ReLU()", lambda d: MLP(
        (1, 4, 1), activation=_torch().nn.ReLU()), ["activation", "ReLU"]),
    ("MLP sizes a Keras input shape with None (None, 40, 1)", lambda d: MLP(
        (None, 40, 1)), ["sizes", "None"]),
    ("batch_norm h a batch of one row (zero variance)", lambda d: batch_norm(
        np.array([[0.5, -1.0, 2.0]])), ["h"]),
    ("adam_update beta1 PyTorch's betas pair (0.9, 0.999)", lambda d: _adam(
        beta1=(0.9, 0.999)), ["beta1", "(0.9, 0.999)"]),
    ("MLP activation in Markdown code backticks '`relu`'", lambda d: MLP(
        (1, 4, 1), activation="`relu`"), ["activation", "`relu`"]),
    ("MLP dtype an IPython output \"Out[4]: dtype('float64')\"", lambda d: MLP(
        (1, 4, 1), dtype="Out[4]: dtype('float64')"), ["dtype", "Out[4]"]),
    ("per_task n_tasks evaluate's printed interval '2 \u00b1 0'", lambda d: per_task(
        _p(), "2 " + PM + " 0"), ["n_tasks", "2 " + PM + " 0"]),
    ("adam_update lr a PyTorch param-group dict {'lr': 0.001}", lambda d: _adam(
        lr={"lr": 0.001}), ["lr"]),
    ("batch_norm eps in Markdown code backticks '`1e-3`'", lambda d: batch_norm(
        np.ones((4, 3)), eps="`1e-3`"), ["eps", "`1e-3`"]),
    ("MLP batch_norm a PyTorch module torch.nn.BatchNorm1d(40)", lambda d: MLP(
        (1, 4, 1), batch_norm=_torch().nn.BatchNorm1d(40)), ["batch_norm", "BatchNorm1d"]),
]

TASK_CASES = [
    ("a user family whose loss is torch.nn.functional.mse_loss, in train",
     _torch_loss_family, ["loss", "mse_loss"]),
    ("a user family whose target returns a torch tensor, in held_out_tasks", lambda d:
        held_out_tasks(_family(target=_torch_target), 2, 5, 5), ["target", "Tensor"]),
    ("Sinusoid amplitude a pair in Markdown code backticks", lambda d: Sinusoid(
        amplitude=("`0.1`", "`5.0`")), ["amplitude", "`0.1`"]),
    ("make_family name a gin reference '@sinusoid'", lambda d: make_family("@sinusoid"),
     ["name", "@sinusoid"]),
    ("GaussianClusters n_way pasted from a Python prompt '>>> 5'", lambda d:
        GaussianClusters(n_way=">>> 5"), ["n_way", ">>> 5"]),
    ("LinearRegression noise evaluate's printed interval '0.1 \u00b1 0.01'", lambda d:
        LinearRegression(noise="0.1 " + PM + " 0.01"), ["noise", "0.1 " + PM + " 0.01"]),
    ("a user family whose sample_params returns a torch tensor, in train",
     _torch_params_family, ["sample_params", "Tensor"]),
    ("make_family amplitude a Hydra override string '+amplitude=[0.1,5.0]'", lambda d:
        make_family("sinusoid", amplitude="+amplitude=[0.1,5.0]"),
     ["amplitude", "+amplitude=[0.1,5.0]"]),
    ("Sinusoid sample n_support an IPython output 'Out[5]: 5'", lambda d: Sinusoid().sample(
        _rng(), 2, "Out[5]: 5", 5), ["n_support", "Out[5]: 5"]),
    ("a user family whose metric is torch.nn.functional.l1_loss, in evaluate",
     _torch_metric_family, ["metric", "l1_loss"]),
    ("make_family name a Markdown table cell '| sinusoid |'", lambda d: make_family(
        "| sinusoid |"), ["name", "| sinusoid |"]),
    ("GaussianClusters spread evaluate's printed interval '2.0 \u00b1 0.5'", lambda d:
        GaussianClusters(spread="2.0 " + PM + " 0.5"), ["spread", "2.0 " + PM + " 0.5"]),
]

OMNIGLOT_CASES = [
    ("Omniglot split Lake's archive name 'background'", lambda d: _omniglot(
        split="background"), ["split", "background"]),
    ("Omniglot rotate torchmeta's angles [90, 180, 270]", lambda d: _omniglot(
        rotate=[90, 180, 270]), ["rotate", "90"]),
    ("omniglot load root whose background zip is a safetensors file", lambda d: _load(
        _fake_root(d, _safetensors_background), d), ["images_background.zip"]),
    ("SCRATCHMETA_DATA quoted by a docker env-file, omniglot train", _train(
        "--family", "omniglot"), [DATA, '"/'], {DATA: _quoted_data}),
    ("Omniglot n_way in Markdown code backticks '`5`'", lambda d: _omniglot(n_way="`5`"),
     ["n_way", "`5`"]),
    ("Omniglot split Lake's archive name 'evaluation'", lambda d: _omniglot(
        split="evaluation"), ["split", "evaluation"]),
    ("finn_split n_validation pasted from a Python prompt '>>> 100'", lambda d: finn_split(
        _data().alphabets, _data().characters, n_validation=">>> 100"),
     ["n_validation", ">>> 100"]),
    ("Omniglot sample n_support an IPython output 'Out[6]: 5'", lambda d:
        _omniglot().sample(_rng(), 2, "Out[6]: 5", 5), ["n_support", "Out[6]: 5"]),
    ("omniglot load root a Windows shortcut omniglot.lnk", lambda d:
        omniglot_data.load(_lnk(d / "omniglot.lnk"), cache_dir=d / "cache", progress=False),
     ["root", "omniglot.lnk"]),
    ("omniglot load root whose background zip is a Windows shortcut (.lnk)", lambda d:
        _load(_fake_root(d, _lnk_background), d), ["images_background.zip"]),
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
    if _needs_torch(case) and importlib.util.find_spec("torch") is None:
        pytest.skip("needs torch, which is not installed (not a test dependency)")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_eightyfourth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_eightyfourth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
