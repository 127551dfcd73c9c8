"""An eighty-eighth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit d1eaf8a, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names (``__all__`` or ``dir``) and
signatures of ``scratchmeta.meta``'s modules (``maml``, ``anil``, ``subset``, ``reptile``,
``ridge``, ``softmax_head``, ``adapt``, ``registry`` with ``STRATEGIES`` and ``FAMILIES``,
``checkpoint``, ``training``, ``evaluate``, ``closed_form``, ``multitask``, ``newton_head``,
``r2d2``), ``nn``, ``optim``, ``batchnorm``, ``tasks`` (with ``TaskFamily``'s attribute values
``n_inputs``, ``n_outputs``, ``metric_name``, ``name``), ``more_tasks``, ``datasets.omniglot``
and ``datasets.omniglot_tasks``; the entry names and ``meta/config`` text of a checkpoint that
``train`` wrote in /dev/shm; and the earlier batteries' ids, docstrings, layout and shared
helpers (imported, not copied). No library docstring was read, before or after the runs. Not
read: the body of any validation code (``checks.py``, ``_checks.py``, ``check_*``,
``protocol.py``, ``messages.py``), the library's source, its history, anything of /work/main.
No ``__main__`` module was imported; the command line runs through the shared helpers
(``_train``, ``_evaluate``) and ``cli``-style argument lists; the two concurrency cases start a
second run as a subprocess (``python -m scratchmeta train``, this worktree's package) and wait
for it to end. Every case writes only inside its temporary folder.

Areas, as written: train on the command line (10), evaluate and compare (12), Chapter 2's
functions -- meta_grad, sgd_path, reptile_step, closed_form_meta_loss, subset_meta_loss,
meta_loss, anil_meta_loss, inner_sgd (8); strategies and the registry -- make_strategy,
hyperparameters, STRATEGIES, FAMILIES, a family's attributes seen by make_strategy (7); train,
evaluate, select_test_time and held_out_tasks in the library (11); checkpoints --
load_checkpoint, restore, save_checkpoint, train resume, a registry patched under restore
(15); optim -- adam_update (2); task families -- a user's subclasses of Sinusoid and
GaussianClusters, make_family with FAMILIES entries (10); Omniglot -- omniglot.load roots
(11): 86.

Kinds of bad value (words found in no earlier id):
- two runs sharing one checkpoint at the same time: a second ``train`` (overwrite, and
  resume) on the path a running ``python -m scratchmeta train`` is still writing (library
  train);
- archives that need what a zip reader may not have: a password-protected (encrypted) zip,
  whole or one member (evaluate --checkpoint, train --resume, load_checkpoint, restore, an
  Omniglot background zip on the command line and in load), and the last volume of a split
  (multi-volume) archive whose ``.z01`` lies beside it (the same places);
- other downloads under Omniglot's official names or roots: Lake's
  ``images_background_small1`` and ``strokes_background`` renamed ``images_background.zip``,
  Kaggle's single ``archive.zip``, the folder above torchvision's ``omniglot-py``, one zip
  under both names, a background zip without the alphabet level (train --root, compare with
  SCRATCHMETA_DATA, omniglot.load);
- paths as other software spells them: a browser's percent-encoding ``My%20Runs`` of an
  existing ``My Runs`` (train --out, evaluate --checkpoint, load_checkpoint, library train's
  checkpoint, SCRATCHMETA_DATA, omniglot.load root), macOS's decomposed (NFD) spelling of an
  existing NFC folder ``Modèles``/``Données`` (the same places and save_checkpoint, restore),
  and the printed repr of a path object as text, ``PosixPath('...')`` /
  ``WindowsPath('C:/...')`` (evaluate --checkpoint, train --root, compare's SCRATCHMETA_DATA,
  load_checkpoint, restore, library train, omniglot.load);
- a user's family class that lies in its attributes: ``n_outputs`` or ``n_inputs`` that its
  draws do not have (Sinusoid and GaussianClusters subclasses, in held_out_tasks,
  make_strategy, train), ``metric_name`` 'mse' in lower case, 'accuracy' on a regression, 'MSE'
  on a classifier (evaluate, select_test_time), ``name`` claiming the built-in 'linear', a
  changed ``target`` that inherits the name 'sinusoid', ``describe`` that omits an argument
  it was built with or gives one its constructor lacks (train with a checkpoint, restore,
  evaluate on the command line);
- a family whose ``check_shots`` returns a verdict instead of raising: False, a complaint
  string, True over a built-in refusal (evaluate, held_out_tasks, select_test_time, train);
- the registry dicts edited by a user: ``STRATEGIES`` and ``FAMILIES`` entries that are a
  config class, an instance, a plain function, a dict, or a built-in name remapped to another
  class (make_strategy, hyperparameters, make_family, restore);
- a metric or a classification loss where Chapter 2's loss is meant: ``tasks.accuracy``
  (meta_grad, sgd_path, reptile_step, closed_form_meta_loss, subset_meta_loss) and
  ``tasks.cross_entropy`` on a one-output regression (meta_loss, anil_meta_loss, inner_sgd);
- Adam's arguments slipped: the params list given as its own grads, beta1 and beta2 swapped.

Repeats: the 12,155 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (by a regex) and their 152 module docstrings were grepped,
before any run, for each kind word: 0 hits in the ids for encrypted, password, multi-volume,
split archive, ``.z01``, small1, strokes, kaggle, ``archive.zip``, torchvision, omniglot-py,
``same zip``, ``%20``, percent-encoded, NFD, decomposed, ``PosixPath('``, ``WindowsPath('``
as text (the Pure*Path objects were tried), n_outputs, n_inputs, "check_shots return",
registry, ``STRATEGIES[``, ``FAMILIES[``, threading, concurrent, "another run", "loss
accuracy", alias, "beta ... swapped". Drafts dropped before any run because the grep found
their substance: ``file://``, ``s3://``, ``https`` and ``~`` paths, Cyrillic look-alikes,
zero-width spaces, stdlib ``random.Random``, ``RandomState``, ``SeedSequence``, PCG64 and
JAX keys, truncated and newer-format checkpoints, big-endian weights, RGB and resized Omniglot
PNGs, swapped zips, a second ``train`` on another strategy's ``--out``, ``--val-seed`` equal to
``--eval-seed``, ``--root``/``--split`` for a sinusoid checkpoint, cmd ``%VAR%`` and
PowerShell ``$env:`` variables (the unexpanded ``$SEED``/``${K}`` were tried), PowerShell's
``$true``/``$null``/``@(...)`` (Scheme ``#t``, YAML ``~``, R's ``c(...)`` were tried), Python
annotations ``inner_lr: float = 0.01`` (Haskell's ``:: Int`` was tried), type casts, Python
``range`` objects, inner_steps of a million. No exact id repeats (checked by a script against
the same list).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 51 of the 86. After
the first run no case was added, reordered, swapped or reworded; no mentions were changed.
Dropped: none.

Corrected after the first run, three slips of this writer's (each case did not reach the
fault its id names):
- ``COMPARE_OMNIGLOT`` (the five ``compare omniglot with SCRATCHMETA_DATA ...`` cases, three
  kept) left compare's default shots, 10 support and 100 query points, which Omniglot's 20
  drawings cannot give; the first run gave all five unclear with "error: n_support=10 and
  n_query=100 ask for 2 + 20 distinct drawings per class (of n_way=5), but each character has
  only 20" (and, tried once more, "n_support must be a multiple of n_way=5 ..., got 1"). Now
  ``--support 5 --query 5``.
- SCRATCHMETA_DATA names the folder that holds ``omniglot/`` (the messages say "the omniglot
  folder of SCRATCHMETA_DATA"), not the zips' folder: the env helpers of the strokes, same-zip,
  %20 and NFD cases (compare and train) now put the zips in ``<DATA>/omniglot``. Before, the
  strokes and same-zip cases were refused as "no images_background.zip in .../omniglot" (after
  the shots slip above), never reaching the archive's content.
- ``_clusters`` set ``n_inputs``/``n_outputs`` as class attributes, which GaussianClusters'
  instance attributes hide: ``train a GaussianClusters subclass claiming n_inputs = 4`` and
  ``held_out_tasks a GaussianClusters subclass claiming n_outputs = 3`` were both silent at
  the first run with the attribute not in effect; now the values are set on the instance too
  (as a subclass's own ``__init__`` would). Then the first is unclear, the second still silent.

Doubtful, left to the lead: ``--out``/``checkpoint``/``save_checkpoint`` paths with ``%20`` or
NFD (silent: the library creates the missing folder ``My%20Runs``/``Modèles`` beside the
existing one, as ``mkdir -p`` would; the fault is the user's spelling, the behaviour is
common); ``adam_update beta1 and beta2 swapped`` (legal values, though Adam's condition
beta1 < sqrt(beta2) fails); ``make_strategy 'maml' after a user remapped STRATEGIES['maml']``
(the user asked for it; ``restore`` under the same remap is refused clearly).

First run at d1eaf8a (under ``ulimit -v 8000000``): written, 39 of 86 clear (45.3%), 24
unclear, 23 silent, 0 data loss -- cli train 7/10, evaluate/compare 7/12, meta functions 0/8,
strategies 0/7, evaluate and train 3/11, checkpoints 9/15, optim 0/2, task families 2/10,
omniglot 11/11. Kept, 24 of 51 clear (47.1%), 14 unclear, 13 silent, 0 data loss -- 5/6, 4/7,
0/4, 0/4, 2/7, 5/9, 0/1, 1/6, 7/7. After the corrections: written 44 of 86 clear (51.2%), 20
unclear, 22 silent, 0 data loss (evaluate/compare 12/12, the rest as before); kept 27 of 51
(52.9%), 11 unclear, 13 silent, 0 data loss (evaluate/compare 7/7). Under pytest (after
them): 28 passed, 24 failed (the 24 kept cases not clear; the wide-and-new test passes).

Not clear, kept (after the corrections):
- ``train out with a browser's %20 for the space of an existing 'My Runs'`` (silent, doubtful):
  exit 0, "saved .../My%20Runs/run.npz"; the folder is made beside 'My Runs'.
- ``meta_grad``/``closed_form_meta_loss``/``subset_meta_loss loss tasks.accuracy`` (unclear,
  3): ValueError "accuracy: y_onehot must be one-hot (each row one 1, the rest 0), got a first
  row of [-1.98]" -- does not name ``loss``, and blames the targets for the user's choice of a
  metric as loss.
- ``meta_loss loss cross_entropy on a one-output regression`` (unclear): "cross_entropy:
  y_onehot must be one-hot ..." -- does not name ``loss``.
- ``make_strategy a name a user added to STRATEGIES, mapped to MAMLConfig`` (unclear): bare
  AttributeError "'MAMLConfig' object has no attribute 'config'".
- ``hyperparameters of a name a user added to STRATEGIES, a plain function`` (unclear): bare
  AttributeError "'function' object has no attribute 'Config'".
- ``make_strategy 'maml' after a user remapped STRATEGIES['maml'] to FOMAML`` (silent,
  doubtful): a FOMAML comes back for 'maml'.
- ``make_strategy family a Sinusoid subclass claiming n_outputs = 2`` (unclear): "model
  MLP(sizes=(1, 40, 40, 1)) takes 1 inputs and gives 1 outputs, but the tasks of family
  'sinusoid' have 1 inputs and 2 outputs" -- blames the default model the library chose, calls
  the user's class 'sinusoid', does not name n_outputs.
- ``evaluate``/``select_test_time a GaussianClusters subclass that calls its accuracy 'MSE'``
  (silent, 2): accuracy reported (and minimised, in select_test_time) as an MSE.
- ``evaluate``/``select_test_time a user family whose check_shots returns False instead of
  raising`` (silent, 2): the False is ignored.
- ``train checkpoint in macOS's decomposed (NFD) spelling of an existing folder`` and
  ``save_checkpoint path in macOS's decomposed (NFD) spelling ...`` (silent, doubtful, 2): a
  second folder 'Modèles' (NFD) is made beside the NFC one.
- ``evaluate on the command line a run of a Sinusoid subclass named 'linear'`` (unclear):
  "'.../fam.npz' is damaged: its meta/config does not rebuild a strategy:
  LinearRegression.__init__() got an unexpected keyword argument 'amplitude'" -- the file is
  not damaged; the user's class claimed the built-in name 'linear' when it was saved (train
  accepted it), which the message does not say.
- ``restore a run of a family whose describe gives an argument its constructor lacks``
  (unclear): "... is damaged: ... Sinusoid.__init__() got an unexpected keyword argument
  'amp'" -- does not name describe; saving accepted the record.
- ``evaluate on the command line a run of a Sinusoid subclass with a cosine target``
  (silent): the run is scored on plain sinusoids (it recorded the inherited name 'sinusoid').
- ``adam_update grads the params list itself`` (silent).
- ``evaluate a Sinusoid subclass whose metric_name is 'accuracy' (it measures MSE)`` (silent).
- ``train with a checkpoint a Sinusoid subclass named 'linear', then restore`` (unclear): the
  same "damaged ... LinearRegression.__init__() ... 'amplitude'" message.
- ``train with a checkpoint a family whose describe omits its amplitude, then restore``
  (silent): restored as Sinusoid() with the default amplitude (0.1, 5.0), not (1.0, 2.0).
- ``make_family a name a user added to FAMILIES, mapped to an instance Sinusoid()``
  (unclear): bare TypeError "'Sinusoid' object is not callable", no 'mine'.
- ``make_family a name a user added to FAMILIES, mapped to dict`` (silent): ``{}`` comes back
  as the family.

Not clear, written and not kept: ``train out in macOS's decomposed (NFD) spelling`` (silent,
doubtful); ``train omniglot root holding only Kaggle's download archive.zip`` (unclear: "root
'.../kaggle' holds neither images_background.zip nor ..." -- the command line's option
``--root`` is not named, and archive.zip is not recognised); ``sgd_path loss tasks.accuracy``
(silent); ``reptile_step loss tasks.accuracy``, ``anil_meta_loss``/``inner_sgd loss
cross_entropy`` (unclear, as the kept ones); ``make_strategy a name ... mapped to a strategy
instance`` and ``make_strategy family ... mapped to Sinusoid()`` (unclear: bare TypeError
"'MAML'/'Sinusoid' object is not callable"); ``train a GaussianClusters subclass claiming
n_inputs = 4`` (unclear: blames the default model MLP(8, 64, 64, 5), not n_inputs); ``evaluate
a Sinusoid subclass whose metric_name is 'mse' in lower case``, ``held_out_tasks a user family
whose check_shots returns its complaint as text``, ``train checkpoint with a browser's %20``
(doubtful), ``restore a run of a Sinusoid subclass with a cosine target``, ``adam_update beta1
and beta2 swapped`` (doubtful), ``held_out_tasks a GaussianClusters subclass claiming
n_outputs = 3``, ``train a user family whose check_shots returns False`` (silent); ``restore
the good checkpoint after a user remapped FAMILIES['sinusoid'] to LinearRegression``
(unclear: "damaged ... LinearRegression.__init__() got an unexpected keyword argument
'amplitude'", the file is fine and the remap is not named); ``held_out_tasks a GaussianClusters
subclass whose check_shots says yes to 7 shots of 5`` (unclear: blames make_batch's shape,
not the check_shots that let 7 through).

Clear but worth a look: Omniglot messages from a library ``omniglot.load`` call end "[found
through root (--root on the command line)]", naming a command line that was not used; the
split-archive volume is called "a binary file of another kind" (true, but not why); the two
concurrency cases are refused well ("another run (pid ...) is writing '.../shared.npz' right
now; wait for it to finish, or give this run another --out").

Measured on main at d1eaf8a, the commit it was written at, blind (the lead reran it there,
with the writer's three corrections): kept, 27 of 51 clear (52.9%), 11 unclear, 13 silent, 0
data loss; written, 44 of 86. With the eighty-ninth (33 of 59 kept) the pair is 60 of 110
(54.5%), 20 silent, 0 data loss: far under the goal of 95%, the lowest of any pair; it went
where no battery had gone (a user's family whose attributes lie, edits of the registry, a
metric as a loss, paths spelled as a browser or macOS spells them). Round 58 (with sight of
this file and the eighty-ninth, so not blind): registry entries are checked where they are
read (a class of the right kind; a built-in name keeps its class); ``train`` with a
checkpoint refuses, before any step, a family a checkpoint could not rebuild (its name
registered to another class, a ``describe()`` that does not rebuild it or leaves a setting
out), and restoring names a record whose family class is not the registered one; a
``metric_name`` outside MSE/accuracy, or renamed without the metric, is refused; a
``check_shots`` that returns a verdict instead of raising is named; ``held_out_tasks`` names
an ``n_inputs``/``n_outputs`` the tasks do not have, and the model-fit message names both;
``tasks.accuracy`` as a loss is refused, and a one-hot check on real targets points to
``mse``; ``adam_update`` refuses its params as grads and betas breaking Kingma & Ba's
condition; a checkpoint folder that only looks like an existing one (``%20``, another
Unicode form) is not made; an Omniglot root without the official zips lists the zips it
holds. After it: 51 of 51 kept clear, 86 of 86 written.
"""

import contextlib
import io
import os
import struct
import subprocess
import sys
import time
import unicodedata
import zipfile

import numpy as np
import pytest

from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, select_test_time
from scratchmeta.meta.maml import FOMAML, MAMLConfig, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.registry import (FAMILIES, STRATEGIES, hyperparameters, make_family,
                                       make_strategy)
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, cross_entropy

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import TRAIN, _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fifth import _adam, _evaluate_call, _net
from test_bad_inputs_fourth import _maml, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fourteenth import _b, _m, _p
from test_bad_inputs_fiftysecond import _family
from test_bad_inputs_sixtysixth import _fake_root, _load
from test_bad_inputs_sixtysecond import DATA
from test_bad_inputs_eightyfourth import _loss_call

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()

RUNS_NFC = unicodedata.normalize("NFC", "Mod\u00e8les")       # the folder as it exists
RUNS_NFD = unicodedata.normalize("NFD", RUNS_NFC)             # as macOS spells it
DATA_NFC = unicodedata.normalize("NFC", "Donn\u00e9es")
DATA_NFD = unicodedata.normalize("NFD", DATA_NFC)
COMPARE_OMNIGLOT = ["compare", "--family", "omniglot", "--steps", "2", "--tasks", "4",
                    "--val-tasks", "4", "--adapt-steps", "1", "--strategies", "maml",
                    "--support", "5", "--query", "5"]      # corrected after the first run


# --- zips as other tools leave them ------------------------------------------------------------

def _central_directory(data):
    """(offset of each central-directory entry, its name, its local header's offset)."""
    eocd = data.rfind(b"PK\x05\x06")
    count, _, offset = struct.unpack("<HII", data[eocd + 10:eocd + 20])
    entries, p = [], offset
    for _ in range(count):
        n_name, n_extra, n_comment = struct.unpack("<HHH", data[p + 28:p + 34])
        local = struct.unpack("<I", data[p + 42:p + 46])[0]
        entries.append((p, bytes(data[p + 46:p + 46 + n_name]).decode("utf-8", "replace"),
                        local))
        p += 46 + n_name + n_extra + n_comment
    return entries


def _encrypted_bytes(data, only=None):
    """The zip as a password tool marks it: bit 0 (encrypted) of the general-purpose flags of
    every member (or of ``only``), in its central directory and its local header."""
    out = bytearray(data)
    for entry, name, local in _central_directory(out):
        if only is None or name == only:
            out[entry + 8] |= 1
            out[local + 6] |= 1
    return bytes(out)


def _volumes(data):
    """A split (multi-volume) archive of ``data``: the first volume (.z01) holds the first half
    of the members' bytes, the last (.zip / .npz) the rest and the central directory, whose end
    record says 'disk 1 of 2'."""
    eocd = data.rfind(b"PK\x05\x06")
    offset = struct.unpack("<I", data[eocd + 16:eocd + 20])[0]
    cut = offset // 2
    last = bytearray(data[cut:])
    end = last.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", last, end + 4, 1, 1)
    struct.pack_into("<I", last, end + 16, offset - cut)
    return data[:cut], bytes(last)


def _locked(d, only=None, name="locked.npz"):
    """A password-protected copy of the good checkpoint (all members, or only ``only``)."""
    path = d / name
    path.write_bytes(_encrypted_bytes(_good(d).read_bytes(), only))
    return path


def _last_volume(d):
    """The good checkpoint split in two volumes: run.z01 and the last volume run.npz."""
    folder = _folder(d, "split")
    first, last = _volumes(_good(d).read_bytes())
    (folder / "run.z01").write_bytes(first)
    (folder / "run.npz").write_bytes(last)
    return folder / "run.npz"


# --- paths as other software spells them -------------------------------------------------------

def _folder(d, name):
    (d / name).mkdir(exist_ok=True)
    return d / name


def _percent20(d, file="good.npz"):
    """'My Runs' exists (holding the good checkpoint); the path given says 'My%20Runs'."""
    folder = _folder(d, "My Runs")
    if file == "good.npz" and not (folder / file).exists():
        (folder / file).write_bytes(_good(d).read_bytes())
    return d / "My%20Runs" / file


def _nfd(d, file="good.npz"):
    """'Modèles' exists in NFC (holding the good checkpoint); the path given is NFD."""
    folder = _folder(d, RUNS_NFC)
    if file == "good.npz" and not (folder / file).exists():
        (folder / file).write_bytes(_good(d).read_bytes())
    return d / RUNS_NFD / file


def _posix_repr(path):
    return f"PosixPath('{path}')"


WINDOWS_REPR = "WindowsPath('C:/Users/me/runs/good.npz')"


def _data_copy(d, name):
    """A folder ``name`` holding links to the real Omniglot zips (only read)."""
    folder = _folder(d, name)
    for part in ("images_background", "images_evaluation"):
        if not (folder / f"{part}.zip").exists():
            os.symlink(REAL_DATA / f"{part}.zip", folder / f"{part}.zip")
    return folder


def _data_percent20(d):
    _data_copy(d, "My Data")
    return str(d / "My%20Data")


def _data_nfd(d):
    _data_copy(d, DATA_NFC)
    return str(d / DATA_NFD)


# SCRATCHMETA_DATA names the folder that holds omniglot/ (its messages say "the omniglot folder
# of SCRATCHMETA_DATA"): the helpers below were corrected after the first run to put the zips
# there, so that each case has only the fault its id names.

def _env_percent20(d):
    _data_copy(_folder(d, "My Data"), "omniglot")
    return str(d / "My%20Data")


def _env_nfd(d):
    _data_copy(_folder(d, DATA_NFC), "omniglot")
    return str(d / DATA_NFD)


def _env_strokes(d):
    return str(_fake_root(_folder(d, "data"), _strokes_background).parent)


def _env_same_zip(d):
    return str(_same_zip(_folder(d, "data"), "omniglot").parent)


# --- Omniglot downloads of other shapes -------------------------------------------------------

def _png():
    from PIL import Image
    buf = io.BytesIO()
    Image.new("1", (105, 105), 1).save(buf, format="PNG")
    return buf.getvalue()


def _zip(path, members):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _drawings(top, alphabets=("Alphabet_of_the_Magi", "Latin"), characters=2, ext="png"):
    png = _png() if ext == "png" else None
    out = {}
    for a in alphabets:
        for c in range(1, characters + 1):
            for k in range(1, 21):
                name = f"{top}/{a}/character{c:02d}/{c:02d}{k:02d}_{k:02d}.{ext}"
                out[name] = png if png is not None else "START\n1.0,2.0,0.0\nBREAK\n"
    return out


def _small1_background(root, name):
    """Lake's images_background_small1.zip, renamed images_background.zip."""
    _zip(root / name, _drawings("images_background_small1"))


def _strokes_background(root, name):
    """Lake's strokes_background.zip (pen strokes as text), renamed images_background.zip."""
    _zip(root / name, _drawings("strokes_background", ext="txt"))


def _flat_background(root, name):
    """A background zip whose characters lie directly under images_background/ (no
    alphabet folders)."""
    png = _png()
    _zip(root / name, {f"images_background/character{c:02d}/{c:02d}{k:02d}_{k:02d}.png": png
                       for c in range(1, 5) for k in range(1, 21)})


def _encrypted_background(root, name):
    (root / name).write_bytes(_encrypted_bytes((REAL_DATA / name).read_bytes()))


def _split_background(root, name):
    first, last = _volumes((REAL_DATA / name).read_bytes())
    (root / "images_background.z01").write_bytes(first)
    (root / name).write_bytes(last)


def _kaggle(d):
    """The folder where Kaggle's Omniglot download was saved: one archive.zip holding both
    parts' folders."""
    root = _folder(d, "kaggle")
    _zip(root / "archive.zip", {**_drawings("images_background"),
                                **_drawings("images_evaluation", ("Angelic",))})
    return root


def _torchvision(d):
    """The folder above torchvision's omniglot-py/, which holds the two zips."""
    root = _folder(d, "torchvision")
    inner = _folder(root, "omniglot-py")
    for part in ("images_background", "images_evaluation"):
        if not (inner / f"{part}.zip").exists():
            os.symlink(REAL_DATA / f"{part}.zip", inner / f"{part}.zip")
    return root


def _same_zip(d, name="same"):
    """A root whose images_evaluation.zip is the background zip again (two links to it)."""
    root = _folder(d, name)
    for part in ("images_background", "images_evaluation"):
        if not (root / f"{part}.zip").exists():
            os.symlink(REAL_DATA / "images_background.zip", root / f"{part}.zip")
    return root


def _cli_root(make):
    return lambda d: TRAIN + ["--out", str(d / "run.npz"), "--family", "omniglot", "--root",
                              str(make(d))]


def _in_folder(d, call):
    """Runs ``call()`` with ``d`` as the working folder (a relative path lands inside it)."""
    here = os.getcwd()
    os.chdir(d)
    try:
        return call()
    finally:
        os.chdir(here)


# --- two runs sharing one checkpoint ------------------------------------------------------------

def _while_another_run_writes(d, call, name="shared.npz"):
    """Starts ``python -m scratchmeta train`` writing ``name`` every step, waits for its first
    checkpoint, runs ``call(path)`` while it still runs, then waits for it to end."""
    path = d / name
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [os.path.abspath("."), os.path.abspath("tests"), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "scratchmeta", "train", "--steps", "300", "--meta-batch", "2",
         "--checkpoint-every", "1", "--log-every", "300", "--out", str(path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 20
        while not path.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is not None:
            raise RuntimeError("the first run ended before the case ran (the case is void)")
        return call(path)
    finally:
        proc.wait(timeout=60)


def _second_run(path):
    return train(make_strategy("maml", meta_batch=2), 2, 0, checkpoint=path)


def _second_resume(path):
    return train(make_strategy("maml", meta_batch=2), 400, 0, checkpoint=path, resume=True)


# --- a user's family classes ------------------------------------------------------------------

def _cosine(self, task_params, x):
    """A target a quarter period ahead of the sinusoid's: a cosine."""
    return Sinusoid.target(self, task_params, x + np.pi / 2)


def _shots_false(self, n_support, n_query):
    """Returns its verdict instead of raising: False above 3 support points."""
    return n_support <= 3


def _shots_complaint(self, n_support, n_query):
    """Returns its complaint as text instead of raising it."""
    return "at most 3 support points" if n_support > 3 else None


def _shots_true(self, n_support, n_query):
    """Says yes to any shots, over GaussianClusters' own rule."""
    return True


def _clusters(**attrs):
    """A GaussianClusters subclass with ``attrs``; plain values are also set on the instance
    (as a subclass's own __init__ would), since GaussianClusters sets n_inputs and n_outputs
    per instance (corrected after the first run)."""
    family = type("UserClusters", (GaussianClusters,), attrs)()
    for name, value in attrs.items():
        if not callable(value):
            setattr(family, name, value)
    return family


def _describe_empty(self):
    return {}


def _describe_amp(self):
    return {"amp": [0.1, 5.0]}


def _omits_amplitude():
    """Built with amplitude (1.0, 2.0); its describe forgets it."""
    return type("UserFamily", (Sinusoid,), {"describe": _describe_empty})(amplitude=(1.0, 2.0))


def _family_run(d, family, name="fam.npz"):
    """A two-step MAML run on ``family``, saved to ``name``."""
    path = d / name
    if not path.exists():
        train(make_strategy("maml", meta_batch=2, family=family), 2, 0, checkpoint=path)
    return path


def _clusters_evaluate(family):
    strategy = make_strategy("maml", meta_batch=2, family=family)
    return evaluate(strategy, strategy.init_state(_rng()), family, n_tasks=2, n_support=5,
                    n_query=5, n_steps=1)


def _clusters_select(family):
    strategy = make_strategy("maml", meta_batch=2, family=family)
    return select_test_time(strategy, strategy.init_state(_rng()), family,
                            candidates=[0.01, 0.1], max_steps=1, n_tasks=2, n_support=5,
                            n_query=5)


def _sinusoid_select(family):
    strategy, state = _maml()
    return select_test_time(strategy, state, family, candidates=[0.01], max_steps=1,
                            n_tasks=2, n_support=5, n_query=5)


# --- the registry, edited by a user ------------------------------------------------------------

@contextlib.contextmanager
def _entry(table, name, value):
    had, old = name in table, table.get(name)
    table[name] = value
    try:
        yield
    finally:
        if had:
            table[name] = old
        else:
            table.pop(name, None)


def _with_entry(table, name, value, call):
    def run(d):
        with _entry(table, name, value):
            return call(d)
    return run


def _my_strategy(model, family, config=None, **hyper):
    """A user's plain function registered as a strategy."""
    return None


# --- checkpoints re-saved ----------------------------------------------------------------------

def _resave(path, d):
    ck = load_checkpoint(_good(d))
    return save_checkpoint(path, ck.state, step=ck.step, seed=ck.seed, config=ck.config,
                           meta_losses=ck.meta_losses)


# --- the command line: (id, argv(folder), mentions[, env]) -----------------------------------

CLI_TRAIN_CASES = [
    ("train out with a browser's %20 for the space of an existing 'My Runs'", lambda d:
        TRAIN + ["--out", str(_percent20(d, "run.npz"))], ["--out", "My%20Runs"]),
    ("train out in macOS's decomposed (NFD) spelling of an existing folder", lambda d:
        TRAIN + ["--out", str(_nfd(d, "run.npz"))], ["--out", RUNS_NFD]),
    ("train resume from a password-protected (encrypted) copy of a run", lambda d:
        ["train", "--resume", "--steps", "4", "--out", str(_locked(d))],
     ["--out", "locked.npz"]),
    ("train resume from the last volume of a split archive of a run", lambda d:
        ["train", "--resume", "--steps", "4", "--out", str(_last_volume(d))],
     ["--out", "run.npz"]),
    ("train omniglot root the printed repr of a path \"PosixPath('...')\"", lambda d:
        TRAIN + ["--out", str(d / "run.npz"), "--family", "omniglot", "--root",
                 _posix_repr(ROOT)], ["--root", "PosixPath("]),
    ("train omniglot root whose background zip is Lake's images_background_small1, renamed",
     _cli_root(lambda d: _fake_root(d, _small1_background)), ["images_background.zip"]),
    ("train omniglot root holding only Kaggle's download archive.zip", _cli_root(_kaggle),
     ["--root", "images_background.zip"]),
    ("train omniglot with SCRATCHMETA_DATA written with a browser's %20 for a space", _train(
        "--family", "omniglot"), [DATA, "My%20Data"], {DATA: _env_percent20}),
    ("train omniglot with SCRATCHMETA_DATA in macOS's decomposed (NFD) spelling", _train(
        "--family", "omniglot"), [DATA, DATA_NFD], {DATA: _env_nfd}),
    ("train omniglot root whose background zip is password-protected", _cli_root(
        lambda d: _fake_root(d, _encrypted_background)), ["images_background.zip"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint with a browser's %20 for the space of 'My Runs'", _evaluate(
        _percent20), ["--checkpoint", "My%20Runs"]),
    ("evaluate checkpoint in macOS's decomposed (NFD) spelling of its folder", _evaluate(
        _nfd), ["--checkpoint", RUNS_NFD]),
    ("evaluate checkpoint a password-protected (encrypted) copy", _evaluate(_locked),
     ["--checkpoint", "locked.npz"]),
    ("evaluate checkpoint the last volume of a split archive", _evaluate(_last_volume),
     ["--checkpoint", "run.npz"]),
    ("evaluate checkpoint the printed repr of a path \"PosixPath('.../good.npz')\"",
     _evaluate(lambda d: _posix_repr(_good(d))), ["--checkpoint", "PosixPath("]),
    ("evaluate checkpoint whose member state/params/0 alone is password-protected",
     _evaluate(lambda d: _locked(d, "state/params/0.npy", "one_locked.npz")),
     ["--checkpoint", "state/params/0"]),
    ("compare omniglot with SCRATCHMETA_DATA holding Lake's strokes_background renamed",
     lambda d: COMPARE_OMNIGLOT, ["images_background.zip"],
     {DATA: _env_strokes}),
    ("compare omniglot with SCRATCHMETA_DATA the folder above torchvision's omniglot-py",
     lambda d: COMPARE_OMNIGLOT, [DATA, "images_background.zip"], {DATA: _torchvision}),
    ("compare omniglot with SCRATCHMETA_DATA the printed repr \"PosixPath('...')\"",
     lambda d: COMPARE_OMNIGLOT, [DATA, "PosixPath("], {DATA: lambda d: _posix_repr(ROOT)}),
    ("compare omniglot with SCRATCHMETA_DATA holding one zip under both names",
     lambda d: COMPARE_OMNIGLOT, ["images_evaluation.zip"], {DATA: _env_same_zip}),
    ("compare omniglot with SCRATCHMETA_DATA written with a browser's %20 for a space",
     lambda d: COMPARE_OMNIGLOT, [DATA, "My%20Data"], {DATA: _env_percent20}),
    ("evaluate checkpoint the printed repr of a Windows path \"WindowsPath('C:/...')\"",
     _evaluate(lambda d: WINDOWS_REPR), ["--checkpoint", WINDOWS_REPR]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_grad loss tasks.accuracy, a metric with no gradient", _loss_call(
        meta_grad, loss=accuracy), ["loss", "accuracy"]),
    ("sgd_path loss tasks.accuracy on a regression batch", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=accuracy), ["loss", "accuracy"]),
    ("reptile_step loss tasks.accuracy", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=2, meta_lr=0.1, loss=accuracy),
     ["loss", "accuracy"]),
    ("closed_form_meta_loss loss tasks.accuracy", lambda d: closed_form_meta_loss(
        _p()[:2], _b(), _m(), lam=0.1, loss=accuracy), ["loss", "accuracy"]),
    ("subset_meta_loss loss tasks.accuracy", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=2, inner_lr=0.01, inner_steps=1,
        loss=accuracy), ["loss", "accuracy"]),
    ("meta_loss loss cross_entropy on a one-output regression (softmax of one logit)",
     _loss_call(meta_loss, loss=cross_entropy), ["loss", "cross_entropy"]),
    ("anil_meta_loss loss cross_entropy on a one-output regression", _loss_call(
        anil_meta_loss, loss=cross_entropy), ["loss", "cross_entropy"]),
    ("inner_sgd loss cross_entropy on real-valued sinusoid targets", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, loss=cross_entropy), ["loss", "cross_entropy"]),
]

STRATEGY_CASES = [
    ("make_strategy a name a user added to STRATEGIES, mapped to MAMLConfig", _with_entry(
        STRATEGIES, "mine", MAMLConfig, lambda d: make_strategy("mine")),
     ["mine", "MAMLConfig"]),
    ("make_strategy a name a user added to STRATEGIES, mapped to a strategy instance",
     _with_entry(STRATEGIES, "mine", make_strategy("maml", meta_batch=2),
                 lambda d: make_strategy("mine")), ["mine", "MAML"]),
    ("make_strategy family a name a user added to FAMILIES, mapped to Sinusoid()",
     _with_entry(FAMILIES, "mine", Sinusoid(), lambda d: make_strategy(
         "maml", family="mine")), ["mine", "Sinusoid"]),
    ("hyperparameters of a name a user added to STRATEGIES, a plain function", _with_entry(
        STRATEGIES, "mine", _my_strategy, lambda d: hyperparameters("mine")),
     ["mine", "_my_strategy"]),
    ("make_strategy 'maml' after a user remapped STRATEGIES['maml'] to FOMAML", _with_entry(
        STRATEGIES, "maml", FOMAML, lambda d: make_strategy("maml")), ["maml", "FOMAML"]),
    ("make_strategy family a Sinusoid subclass claiming n_outputs = 2", lambda d:
        make_strategy("maml", family=_family(n_outputs=2)), ["n_outputs", "2"]),
    ("train a GaussianClusters subclass claiming n_inputs = 4 (it draws 8)", lambda d: train(
        make_strategy("maml", meta_batch=2, family=_clusters(n_inputs=4)), 2, 0),
     ["n_inputs", "4"]),
]

EVALUATE_CASES = [
    ("train over a checkpoint another run is still writing", lambda d:
        _while_another_run_writes(d, _second_run), ["shared.npz"]),
    ("train resume a checkpoint another run is still writing", lambda d:
        _while_another_run_writes(d, _second_resume), ["shared.npz"]),
    ("evaluate a Sinusoid subclass whose metric_name is 'mse' in lower case", lambda d:
        _evaluate_call(family=_family(metric_name="mse")), ["metric_name", "'mse'"]),
    ("evaluate a GaussianClusters subclass that calls its accuracy 'MSE'", lambda d:
        _clusters_evaluate(_clusters(metric_name="MSE")), ["metric_name", "MSE"]),
    ("select_test_time a GaussianClusters subclass that calls its accuracy 'MSE'", lambda d:
        _clusters_select(_clusters(metric_name="MSE")), ["metric_name", "MSE"]),
    ("evaluate a user family whose check_shots returns False instead of raising", lambda d:
        _evaluate_call(family=_family(check_shots=_shots_false)), ["check_shots", "False"]),
    ("held_out_tasks a user family whose check_shots returns its complaint as text",
     lambda d: held_out_tasks(_family(check_shots=_shots_complaint), 2, 5, 5),
     ["check_shots", "at most 3 support points"]),
    ("train checkpoint with a browser's %20 for the space of an existing 'My Runs'",
     lambda d: train(make_strategy("maml", meta_batch=2), 2, 0,
                     checkpoint=_percent20(d, "run.npz")), ["checkpoint", "My%20Runs"]),
    ("train checkpoint in macOS's decomposed (NFD) spelling of an existing folder",
     lambda d: train(make_strategy("maml", meta_batch=2), 2, 0,
                     checkpoint=_nfd(d, "run.npz")), ["checkpoint", RUNS_NFD]),
    ("train checkpoint the printed repr of a path \"PosixPath('run.npz')\"", lambda d:
        _in_folder(d, lambda: train(make_strategy("maml", meta_batch=2), 2, 0,
                                    checkpoint="PosixPath('runs/run.npz')")),
     ["checkpoint", "PosixPath("]),
    ("select_test_time a user family whose check_shots returns False", lambda d:
        _sinusoid_select(_family(check_shots=_shots_false)), ["check_shots", "False"]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint a password-protected (encrypted) copy of the good checkpoint",
     lambda d: load_checkpoint(_locked(d)), ["locked.npz"]),
    ("restore a checkpoint whose member state/params/0 alone is password-protected",
     lambda d: restore(_locked(d, "state/params/0.npy", "one_locked.npz")),
     ["one_locked.npz", "state/params/0"]),
    ("load_checkpoint the last volume of a split archive, its .z01 beside it", lambda d:
        load_checkpoint(_last_volume(d)), ["run.npz"]),
    ("load_checkpoint path with a browser's %20 for the space of 'My Runs'", lambda d:
        load_checkpoint(_percent20(d)), ["My%20Runs"]),
    ("restore path in macOS's decomposed (NFD) spelling of its folder", lambda d: restore(
        _nfd(d)), [RUNS_NFD]),
    ("load_checkpoint the printed repr of a path \"PosixPath('.../good.npz')\"", lambda d:
        load_checkpoint(_posix_repr(_good(d))), ["PosixPath("]),
    ("restore the printed repr of a Windows path \"WindowsPath('C:/...')\"", lambda d:
        restore(WINDOWS_REPR), [WINDOWS_REPR]),
    ("restore a run of a Sinusoid subclass with a cosine target (it inherits 'sinusoid')",
     lambda d: restore(_family_run(d, _family(target=_cosine))), ["UserFamily"]),
    ("evaluate on the command line a run of a Sinusoid subclass named 'linear'", lambda d: [
        "evaluate", "--checkpoint", str(_family_run(d, _family(name="linear"))), "--tasks",
        "4"], ["linear"]),
    ("restore a run of a family whose describe gives an argument its constructor lacks",
     lambda d: restore(_family_run(d, _family(describe=_describe_amp))), ["describe", "amp"]),
    ("evaluate on the command line a run of a Sinusoid subclass with a cosine target",
     lambda d: ["evaluate", "--checkpoint", str(_family_run(d, _family(target=_cosine))),
                "--tasks", "4"], ["UserFamily"]),
    ("restore the good checkpoint after a user remapped STRATEGIES['maml'] to FOMAML",
     _with_entry(STRATEGIES, "maml", FOMAML, lambda d: restore(_good(d))),
     ["maml", "FOMAML"]),
    ("restore the good checkpoint after a user remapped FAMILIES['sinusoid'] to "
     "LinearRegression", _with_entry(FAMILIES, "sinusoid", LinearRegression,
                                     lambda d: restore(_good(d))),
     ["sinusoid", "LinearRegression"]),
    ("save_checkpoint path in macOS's decomposed (NFD) spelling of an existing folder",
     lambda d: _resave(_nfd(d, "s.npz"), d), [RUNS_NFD]),
    ("train resume from the last volume of a split archive, its .z01 beside it", lambda d:
        train(make_strategy("maml", meta_batch=2), 4, 0, checkpoint=_last_volume(d),
              resume=True), ["run.npz"]),
]

NN_CASES = [
    ("adam_update grads the params list itself (a copy-paste slip)", lambda d:
        _params_as_grads(), ["grads", "params"]),
    ("adam_update beta1 and beta2 swapped, beta1=0.999 and beta2=0.9", lambda d: _adam(
        beta1=0.999, beta2=0.9), ["beta1", "0.999", "beta2", "0.9"]),
]

TASK_CASES = [
    ("held_out_tasks a Sinusoid subclass claiming n_outputs = 2", lambda d: held_out_tasks(
        _family(n_outputs=2), 2, 5, 5), ["n_outputs", "2"]),
    ("held_out_tasks a Sinusoid subclass claiming n_inputs = 3", lambda d: held_out_tasks(
        _family(n_inputs=3), 2, 5, 5), ["n_inputs", "3"]),
    ("held_out_tasks a GaussianClusters subclass claiming n_outputs = 3 for 5 classes",
     lambda d: held_out_tasks(_clusters(n_outputs=3), 2, 5, 5), ["n_outputs", "3"]),
    ("evaluate a Sinusoid subclass whose metric_name is 'accuracy' (it measures MSE)",
     lambda d: _evaluate_call(family=_family(metric_name="accuracy")),
     ["metric_name", "accuracy"]),
    ("train with a checkpoint a Sinusoid subclass named 'linear', then restore", lambda d:
        restore(_family_run(d, _family(name="linear"))), ["name", "linear"]),
    ("train with a checkpoint a family whose describe omits its amplitude, then restore",
     lambda d: restore(_family_run(d, _omits_amplitude())), ["describe", "amplitude"]),
    ("train a user family whose check_shots returns False instead of raising", lambda d:
        train(make_strategy("maml", meta_batch=2, family=_family(check_shots=_shots_false)),
              2, 0), ["check_shots", "False"]),
    ("held_out_tasks a GaussianClusters subclass whose check_shots says yes to 7 shots of 5",
     lambda d: held_out_tasks(_clusters(check_shots=_shots_true), 2, 7, 5),
     ["check_shots", "7"]),
    ("make_family a name a user added to FAMILIES, mapped to an instance Sinusoid()",
     _with_entry(FAMILIES, "mine", Sinusoid(), lambda d: make_family("mine")),
     ["mine", "Sinusoid"]),
    ("make_family a name a user added to FAMILIES, mapped to dict", _with_entry(
        FAMILIES, "mine", dict, lambda d: make_family("mine")), ["mine", "dict"]),
]

OMNIGLOT_CASES = [
    ("omniglot load root whose background zip is Lake's images_background_small1, renamed",
     lambda d: _load(_fake_root(d, _small1_background), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is Lake's strokes_background, renamed",
     lambda d: _load(_fake_root(d, _strokes_background), d), ["images_background.zip"]),
    ("omniglot load root holding only Kaggle's download archive.zip", lambda d: _load(
        _kaggle(d), d), ["root", "images_background.zip"]),
    ("omniglot load root the folder above torchvision's omniglot-py", lambda d: _load(
        _torchvision(d), d), ["root", "images_background.zip"]),
    ("omniglot load root holding one zip under both names", lambda d: _load(
        _same_zip(d), d), ["images_evaluation.zip"]),
    ("omniglot load root whose background zip is password-protected", lambda d: _load(
        _fake_root(d, _encrypted_background), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is the last volume of a split archive",
     lambda d: _load(_fake_root(d, _split_background), d), ["images_background.zip"]),
    ("omniglot load root with a browser's %20 for the space of 'My Data'", lambda d:
        _load(_data_percent20(d), d), ["root", "My%20Data"]),
    ("omniglot load root in macOS's decomposed (NFD) spelling of its folder", lambda d:
        _load(_data_nfd(d), d), ["root", DATA_NFD]),
    ("omniglot load root the printed repr of a path \"PosixPath('...')\"", lambda d:
        _load(_posix_repr(ROOT), d), ["root", "PosixPath("]),
    ("omniglot load root whose background zip has no alphabet folders", lambda d: _load(
        _fake_root(d, _flat_background), d), ["images_background.zip"]),
]


def _params_as_grads():
    """adam_update given the same list as params and as grads."""
    params = _net()[1]
    return adam_update(params, params, adam_init(params), 1e-3)


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


def test_the_eightyeighth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_eightyeighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
