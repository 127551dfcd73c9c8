"""A forty-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 5d62b38, from the user's side
only: the README; ``--help`` of ``python -m scratchmeta`` and of ``train``, ``evaluate``,
``compare``, ``demo`` and ``figures``; ``__all__`` (or the public names) and the signatures of
``scratchmeta.meta`` (``adapt``, ``maml``, ``training``, ``checkpoint``, ``evaluate``,
``registry``, ``ridge``, ``softmax_head``, ``normalization``, ``reptile``, ``closed_form``,
``multitask``, ``guard``, ``anil``, ``r2d2``, ``subset``, ``baselines``, ``maml_low_rank``,
``newton_head``, ``exploding``), ``nn`` (and ``MLP``'s methods), ``optim``, ``batchnorm``,
``tasks`` (and ``TaskFamily``'s methods), ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; after the first run (to judge the misses only) the docstrings of
``with_test_time``, ``adapt.curve`` and ``datasets.omniglot.load``; and the earlier batteries'
ids, layout and shared helpers (imported, not copied). Not read: the body of any validation
code (``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``), the library's source beyond
that, its history, anything of /work/main. No ``__main__`` module was imported; the command
line runs through the shared helpers (``_train``, ``_evaluate``, ``_compare``) and every case
writes only inside its temporary folder (the symlinks, stubs and damaged copies are made there).

Areas (the command line and Chapter 2's side; the engine, gradcheck, samplers, diagnostics,
testing kit, figures helpers and memory functions are another writer's), as written: train on
the command line (8), evaluate, compare and other subcommands (9), Chapter 2's functions --
meta_loss/meta_grad, inner_sgd, anil_meta_loss, ridge_fit, newton_solve, softmax_head,
reptile_step, subset_meta_loss, multitask_loss, sharpness, guard's check_update, adapt's
sgd_path (16), strategies, their configs and the registry (11), evaluate and train in the
library (10), checkpoints (10), nn/optim/batchnorm (9), task families, losses and a user's own
family (11), Omniglot (9): 93. No ``figures`` and no ``SCRATCHMETA_KEEP_FREED_MEMORY`` case is
left: every one drafted repeated an earlier case (see Repeats); those two areas are exhausted,
as the forty-first battery found for the variable.

Kinds of bad value, chosen for what no earlier id names on that function and argument: a NumPy
structured scalar ``np.void`` whose one field holds a valid number (what indexing a row of a
record array gives) where a number, a count, a seed, a step size or an array is meant
(meta_loss, anil_meta_loss, MAMLConfig and with_test_time inner_lr, inner_sgd inner_steps,
newton_solve lam, reptile_step meta_lr, sharpness and train and save seed, ridge_fit y,
SubsetConfig subset_size, make_family clusters n_way, ReptileConfig n_steps, evaluate
n_support, select_test_time max_steps, held_out_tasks start, train checkpoint_every,
format_interval half_width, a saved state's leaf, per_task n_tasks, adam_update and adam_rows
lr, batch_norm eps, cross_entropy logits, GaussianClusters spread, LinearRegression noise,
Omniglot n_way and n_validation, check_shots n_support and n_drawings, finn_split n_train) and
a checkpoint whose meta/step is a 0-d structured array; a one-pass ``map`` object of valid
values where a number, a sequence, a mapping or a pair is meant (ridge_fit lam, check_update
grads, ClosedFormConfig lam, make_family linear mean, strategy_from_config record, Reptile
config, with_test_time inner_steps, format_table rows, unflatten flat, save config, Sinusoid
amplitude, LinearRegression scale); object arrays of ragged rows (softmax_head targets,
format_interval mean, MLP apply params and head features, split params, batch_norm offset, mse
y, accuracy logits, cross_entropy y_onehot, finn_split characters); a ``property`` object
where a function is meant (inner_sgd apply, anil_meta_loss and multitask_loss loss) and a
user's family whose ``loss`` or ``target`` is a property (so reads as the float 1.0); a user's
function raising ``MemoryError`` (meta_grad and sgd_path loss); the class itself where an
instance is meant, on functions where no earlier id tried it (subset_meta_loss, finn_init and
Sinusoid.sample rng the Generator class, Reptile model the MLP class, hyperparameters name the
MAML class, curve family the Sinusoid class, check_checkpoint_path path the Path class,
Omniglot data the OmniglotImages class); files that are not what they claim -- a checkpoint
with a shell stub written before its zip (evaluate, load_checkpoint, restore), a checkpoint
whose first weight's .npy member lost its magic bytes (evaluate, load_checkpoint), meta/strategy
a bytes array, two Omniglot zips with a stub before them, the good checkpoint as Omniglot's
cache_dir; odd command lines -- the infinity sign (train --lam, --log-every and ``--set
lam=``, evaluate --seed, compare --adapt-steps), an empty value after an equals sign (train
--seed= and --checkpoint-every=, compare --val-seed=, evaluate --support=), a circled digit
(evaluate --steps), a Roman numeral (compare --steps), a strategy name with a space inside,
--dtype float16, --out a symlink to the good checkpoint (data loss if it were followed) and
--out under a dangling symlink.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 7,159 ids by a regex at the start of each case tuple) were
compared with every draft by token overlap (Jaccard, filler words left out); each pair at 0.45
or more was listed, every pair at 0.6 or more was read, and for each draft the earlier ids on
the same option or function and argument were grepped for the same kind (a generator for a
``map`` object, another raising callable for MemoryError, a full-width or superscript digit for
a circled digit or Roman numeral, "given no value"/"empty" for an empty value after ``=``).
Of 144 drafted (105, then 30 and 9 more after the removals, all before any run), 51 were
removed as repeats, e.g. ``train out a name holding a newline``, ``train steps with a thousands
comma``, ``train inner-lr a hexadecimal float``, ``train meta-batch with a trailing dot``,
``train root a checkpoint file`` (after ``train root a file``), ``train steps given before the
subcommand``, ``train meta-lr an ambiguous abbreviation`` (after ``option abbreviated
ambiguously``), the upper-case names (train strategy and set, evaluate split, compare family,
figures only), ``compare quick given a value``, ``demo an unexpected word``; the class-itself
cases already tried (make_strategy model and family, MAML family, evaluate family and strategy,
held_out_tasks family, MLP init rng); ``map`` objects where a generator had been tried
(meta_gradient_norms Ks, select_test_time candidates, save meta_losses, MLP sizes, adam_update
grads, SinusoidFrequency x_range, Omniglot rotate, finn_split alphabets); object arrays of
arrays already tried (ridge_head features, interval values, a saved state's leaf); raising
callables already tried (closed_form_meta_loss loss, train progress, a user family's
sample_x); a checkpoint member stored twice, a bit-flipped checkpoint, restore of a folder;
``train steps a circled digit`` and ``train meta-batch a Roman numeral`` (after a superscript
digit and a superscript two on those options); every figures draft (a stem in capitals, with
.png, with a circled digit (after a full-width digit), --out the checkpoint file, --out under a
dangling symlink (after ``figures out a dangling symlink``), --out=); every environment draft
('1.' after '1.0', '0x1p0' after ``in hexadecimal``, '1,0' after '1 0' and '1.0'). Kept
although a pair reached 0.6, as the same kind on another function (the rule is function +
argument + kind): ``subset_meta_loss``, ``finn_init`` and ``Sinusoid sample`` rng the Generator
class (earlier: metropolis, check_grads, init_state, discrete sample), ``Reptile model the MLP
class`` (earlier: make_strategy, Multitask, first_step_change), ``curve family the Sinusoid
class`` (earlier: make_strategy, held_out_tasks, MAML), ``split params an object array of its
arrays`` (earlier: adam_init params), ``train out under a dangling symlink`` (earlier: figures
out). Mentions: the argument's name as in the signature (the dashed option on the command line,
the entry's name in a checkpoint) and the value's repr where short (``'closed form'``,
``'1.0'``, the unicode sign or digit given), else the type's name (``void``, ``map``,
``object``, ``property``, ``MemoryError``, the class's name, ``bytes``), or the file's name.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 4)`` were kept (``_kept``): 59 of the 93, 58
after the drops. After the first run a case could only be dropped or corrected, never added or
swapped.

Dropped (``DROPPED``, 2): ``omniglot load cache_dir the good checkpoint file where a folder is
meant`` (not kept; silent, with a warning naming the cache path) -- valid by ``load``'s
docstring: with ``root`` given "a cache that cannot be written is then only warned about";
only without ``root`` is a cache_dir that is a file a ValueError. ``omniglot load root holding
zips with a shell stub before them`` (kept) -- as first written its zips held one fake
character each, a second fault (it was refused for that: "does not hold Omniglot's
images_background: expected 964 characters ..."); corrected to copies of the real archives
with the stub before them, it loads silently, and that is valid: a zip with bytes before it
is still a zip (as a self-extracting archive is), ``load`` checks root's archives by reading
and hashing them, and their members are Omniglot's own, so the drawings are the right ones.

Corrected after the first run (cases wrong in themselves): ``train out under a dangling
symlink`` (kept) asked for "gone", the link's target, not the value given: now "dangling", the
link in the --out path (the message names --out and the path); ``newton_solve lam a NumPy void
record`` (not kept) passed one task's phi of shape (6, 4), a second fault ("phi must have shape
(tasks, points, features)"): now the (2, 6, 4) features; ``with_test_time n_steps a map
object`` (not kept) named a field MAMLConfig has not got (its docstring: the changes are the
configuration's fields), a second fault: now ``with_test_time inner_steps a map object``;
``a user family whose loss is a property object`` and ``... whose target is a property
object`` (both kept) asked for "property", but a property on the class reads as its value on
the instance, so what the library is given is the float 1.0: now they ask for ``'1.0'``.

First run at 5d62b38 (about 2 s as a script, 6 s with --written, 31 s under pytest), before the
drop and corrections: kept, 53 of 59 clear (89.8%), 6 unclear (10.2%), 0 silent, 0 data loss
-- cli train 4/5, cli evaluate/compare 6/6, meta functions 10/10, strategies 7/7, evaluate and
train 5/6, checkpoints 5/6, nn/optim/batchnorm 6/6, task families 4/7, omniglot 6/6; written,
84 of 93 clear (90.3%), 8 unclear (8.6%), 1 silent (1.1%), 0 data loss -- 7/8, 9/9, 15/16,
11/11, 8/10, 9/10, 9/9, 8/11, 8/9. After them: kept, 54 of 59 clear (91.5%), 5 unclear
(8.5%), 0 silent, 0 data loss -- cli train 5/5, cli evaluate/compare 6/6, meta functions
10/10, strategies 7/7, evaluate and train 5/6, checkpoints 5/6, nn/optim/batchnorm 6/6, task
families 4/7, omniglot 6/6. Written, 87 of 92 clear (94.6%), 5 unclear (5.4%), 0 silent, 0
data loss -- 8/8, 9/9, 16/16, 11/11, 9/10, 9/10, 9/9, 8/11, 8/8. After the second drop (the
corrected Omniglot stub case, valid): kept, 53 of 58 clear (91.4%), 5 unclear (8.6%), 0
silent, 0 data loss (omniglot 5/5); written, 86 of 91 clear (94.5%), 5 unclear (5.5%), 0
silent, 0 data loss (omniglot 7/7). No checkpoint was lost or changed (the symlink to the good
checkpoint was refused as an existing run). Every command line, ``map``, MemoryError,
Generator-class, damaged-file and checkpoint-stub case was clear, and every ``np.void`` case
but two.

Not clear, kept:
- ``curve family the Sinusoid class itself``: unclear -- TypeError "TaskFamily.metric() missing
  1 required positional argument: 'y'" (names neither curve, family nor the class).
- ``save state holding a NumPy void record leaf``: unclear by its mentions -- TypeError
  "state/w holds dtype [('value', '<f8')]; a checkpoint holds arrays of real numbers only ...,
  got array((1.,), dtype=[('value', '<f8')])". Arguable: it names the entry and shows the
  record's dtype and content, but as a 0-d array, not the ``np.void`` given (every other void
  message says ``got np.void(...)``).
- ``cross_entropy logits a NumPy void record``: unclear -- TypeError "stop_gradient: x must be
  an array of real numbers, got a structured array ..." (an inner op's ``x``, not logits).
- ``a user family whose loss is a property object``: unclear -- a bare TypeError "'float'
  object is not callable" (names neither loss nor the family).
- ``a user family whose target is a property object``: unclear -- the same TypeError.
Not clear, written and not kept: none (after the corrections; before them ``newton_solve lam``
and ``with_test_time n_steps`` were refused for their second fault, and the dropped cache_dir
case was silent).
Clear but worth a look: ``load a checkpoint whose first weight lost its .npy magic bytes`` (and
its evaluate twin) says "is damaged: unexpected entry 'state/params/0' (a checkpoint holds only
the state/ arrays and the meta/ entries ...)" -- it names the file and the entry, but calls an
expected entry unexpected rather than saying it is not a readable array.

Measured on main at 164ea36 (5d62b38 plus round 27, made with sight of the forty-third
battery only): the same, kept 53 of 58 clear (91.4%), 5 unclear, 0 silent, 0 data loss;
written, 86 of 91. Round 28 (with sight of this file, so not blind): ``adapt.curve`` checks
the family it is given; ``check_family`` refuses a family whose loss, metric, sample_x, target
or make_batch is not callable (a property, a value), naming it and the value; a loss's
targets are read for their dtype without ``stop_gradient`` (whose own message blamed itself),
and the message names a type other than an ndarray (``numpy.void``); a checkpoint's state
refuses a ``numpy.void`` record leaf by its type. After it: all 58 kept and all 91 written
clear.
"""

import zipfile

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot import OmniglotImages
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import curve, sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import check_checkpoint_path, load_checkpoint, restore, unflatten
from scratchmeta.meta.closed_form import ClosedFormConfig
from scratchmeta.meta.evaluate import (format_interval, format_table, held_out_tasks,
                                       select_test_time, with_test_time)
from scratchmeta.meta.guard import check_update
from scratchmeta.meta.maml import MAML, MAMLConfig, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.normalization import sharpness
from scratchmeta.meta.registry import (hyperparameters, make_family, make_strategy,
                                       strategy_from_config)
from scratchmeta.meta.reptile import Reptile, ReptileConfig, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import SubsetConfig, subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _arrays, _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_main, battery_params,
                                  kept_cases)
from test_bad_inputs_fifth import _evaluate_call, _features, _rows_state, _save
from test_bad_inputs_fourth import _maml, _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _m, _p, _stored
from test_bad_inputs_twentyfourth import _data, _omni

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- objects the cases use -------------------------------------------------------------------

def _void(value):
    """A NumPy structured scalar (``np.void``) whose one field holds a valid number: a record,
    not a number (what indexing one row of a structured array gives)."""
    return np.array((value,), dtype=[("value", "f8")])[()]


def _map(*values):
    """A ``map`` object (a one-pass lazy iterator) of valid numbers, not a sequence."""
    return map(float, values)


def _ragged(*sizes):
    """An object array of arrays of different lengths (what ``np.array(list_of_arrays,
    dtype=object)`` gives for ragged rows)."""
    out = np.empty(len(sizes), dtype=object)
    for i, n in enumerate(sizes):
        out[i] = np.ones(n)
    return out


def _oom(*args, **kwargs):
    """A user's function that runs out of memory (raises MemoryError)."""
    raise MemoryError("cannot allocate 8.00 GiB for an array")


PROP = property(lambda self: 1.0)           # a property object where a function is meant


def _stub_zip(d, name="stub.npz"):
    """A copy of the good checkpoint with a shell stub written before its zip (as a
    self-extracting archive has): the zip is intact, the file does not start with it."""
    path = d / name
    path.write_bytes(b"#!/bin/sh\nexit 0\n" + _good(d).read_bytes())
    return path


def _duplicate_member(d):
    """A copy of the good checkpoint holding its first weight twice, under the same name,
    the second copy of another shape (zipfile warns and writes both)."""
    import warnings
    path = d / "twice.npz"
    path.write_bytes(_good(d).read_bytes())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "a") as z:
            import io
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ones((3, 3)))
            z.writestr("state/params/0.npy", buf.getvalue())
    return path


def _bad_magic(d):
    """A copy of the good checkpoint whose first weight's .npy member lost its magic bytes."""
    src, path = _good(d), d / "magic.npz"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "state/params/0.npy":
                data = b"XXXXXX" + data[6:]
            zout.writestr(info, data)
    return path


def _flipped_byte(d):
    """A copy of the good checkpoint, stored uncompressed, with one byte of its first weight's
    data changed after the zip's checksums were written (a bit flipped on disk)."""
    path = d / "flipped.npz"
    with open(path, "wb") as f:
        np.savez(f, **_arrays(_good(d)))
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("state/params/0.npy")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + info.file_size - 3] ^= 0xFF
    path.write_bytes(bytes(raw))
    return path


def _symlink_to_good(d):
    """A symlink named run.npz pointing at the good checkpoint (a run already there)."""
    link = d / "link.npz"
    if not link.is_symlink():
        link.symlink_to(_good(d))
    return link


def _stub_omniglot_root(d):
    """An Omniglot root holding copies of the real archives, each with a shell stub written
    before its zip (the zips intact; the files are not the official archives)."""
    root = d / "stub_root"
    root.mkdir(exist_ok=True)
    for name in ("images_background", "images_evaluation"):
        (root / f"{name}.zip").write_bytes(
            b"#!/bin/sh\nexit 0\n" + (REAL_DATA / f"{name}.zip").read_bytes())
    return root


def _dangling(d):
    """A symlink to a folder that is gone (deleted after the link was made)."""
    link = d / "dangling"
    if not link.is_symlink():
        link.symlink_to(d / "gone")
    return link


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("train lam the infinity sign", _train("--lam", "\u221e"), ["--lam", "\u221e"]),
    ("train seed with an empty value after an equals sign", _train("--seed="), ["--seed"]),
    ("train out a symlink to the good checkpoint", lambda d: ["train", "--steps", "2",
     "--meta-batch", "2", "--out", str(_symlink_to_good(d))], ["--out", "link.npz"]),
    ("train log-every the infinity sign", _train("--log-every", "\u221e"),
     ["--log-every", "\u221e"]),
    ("train checkpoint-every with an empty value after an equals sign", _train(
        "--checkpoint-every="), ["--checkpoint-every"]),
    ("train out under a dangling symlink", lambda d: _train()(d)[:-2] + [
        "--out", str(_dangling(d) / "run.npz")], ["--out", "dangling"]),
    ("train set lam the infinity sign", _train("--set", "lam=\u221e"), ["--set", "\u221e"]),
    ("train dtype float16 for omniglot", _train("--family", "omniglot", "--dtype", "float16"),
     ["--dtype", "float16"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint a checkpoint with a shell stub before its zip", _evaluate(_stub_zip),
     ["--checkpoint", "stub.npz"]),
    ("evaluate seed the infinity sign", _evaluate(_good, "--seed", "\u221e"),
     ["--seed", "\u221e"]),
    ("compare strategies a name with a space inside 'closed form'", _compare(
        "--strategies", "closed form"), ["--strategies", "'closed form'"]),
    ("compare val-seed with an empty value after an equals sign", _compare("--val-seed="),
     ["--val-seed"]),
    ("evaluate steps a circled digit three", _evaluate(_good, "--steps", "\u2462"),
     ["--steps", "\u2462"]),
    ("evaluate support with an empty value after an equals sign", _evaluate(
        _good, "--support="), ["--support"]),
    ("compare adapt-steps the infinity sign", _compare("--adapt-steps", "\u221e"),
     ["--adapt-steps", "\u221e"]),
    ("evaluate checkpoint a checkpoint whose first weight lost its .npy magic bytes",
     _evaluate(_bad_magic), ["--checkpoint", "magic.npz"]),
    ("compare steps a Roman numeral two", _compare("--steps", "\u2161"),
     ["--steps", "\u2161"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_loss inner_lr a NumPy void record", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=_void(0.01), inner_steps=1), ["inner_lr", "void"]),
    ("meta_grad loss raising MemoryError", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=_oom), ["loss", "MemoryError"]),
    ("inner_sgd apply a property object", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, PROP, inner_lr=0.01,
        inner_steps=1), ["apply", "property"]),
    ("inner_sgd inner_steps a NumPy void record", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=_void(1)), ["inner_steps", "void"]),
    ("anil_meta_loss loss a property object", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=PROP), ["loss", "property"]),
    ("ridge_fit lam a map object", lambda d: ridge_fit(*_features(), _map(0.1)),
     ["lam", "map"]),
    ("newton_solve lam a NumPy void record", lambda d: newton_solve(
        *_features(), _void(0.1)), ["lam", "void"]),
    ("softmax_head targets an object array of per-task arrays", lambda d: softmax_head(
        _features()[0], _ragged(6, 5), 0.1), ["targets", "object"]),
    ("reptile_step meta_lr a NumPy void record", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=_void(0.1)),
     ["meta_lr", "void"]),
    ("subset_meta_loss rng the Generator class itself", lambda d: subset_meta_loss(
        _p(), _b(), _m(), np.random.Generator, subset_size=2, inner_lr=0.01, inner_steps=1),
     ["rng", "Generator"]),
    ("multitask_loss loss a property object", lambda d: multitask_loss(
        _p()[:2], [np.ones((2, 8, 1)), np.ones((2, 1))], _b().x_support, _b().y_support,
        _m(), loss=PROP), ["loss", "property"]),
    ("sharpness seed a NumPy void record", lambda d: sharpness(
        _p(), _b(), _m(), seed=_void(0)), ["seed", "void"]),
    ("check_update grads a map object", lambda d: check_update(
        1.0, _map(0.1, 0.2), step=1, advice="lower inner_lr"), ["grads", "map"]),
    ("sgd_path loss raising MemoryError", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=_oom), ["loss", "MemoryError"]),
    ("ridge_fit y a NumPy void record", lambda d: ridge_fit(
        _features()[0], _void(1.0), 0.1), ["y", "void"]),
    ("anil_meta_loss inner_lr a NumPy void record", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=_void(0.01), inner_steps=1), ["inner_lr", "void"]),
]

STRATEGY_CASES = [
    ("MAMLConfig check inner_lr a NumPy void record", lambda d: MAMLConfig(
        inner_lr=_void(0.01)).check(), ["inner_lr", "void"]),
    ("SubsetConfig check subset_size a NumPy void record", lambda d: SubsetConfig(
        subset_size=_void(10)).check(), ["subset_size", "void"]),
    ("ClosedFormConfig check lam a map object", lambda d: ClosedFormConfig(
        lam=_map(1.0)).check(), ["lam", "map"]),
    ("make_family linear mean a map object", lambda d: make_family(
        "linear", mean=_map(1.0, 0.5)), ["mean", "map"]),
    ("Reptile model the MLP class itself", lambda d: Reptile(MLP, Sinusoid()),
     ["model", "MLP"]),
    ("strategy_from_config record a map object", lambda d: strategy_from_config(
        map(tuple, [("strategy", "maml")])), ["record", "map"]),
    ("with_test_time inner_lr a NumPy void record", lambda d: with_test_time(
        _maml()[0], inner_lr=_void(0.01)), ["inner_lr", "void"]),
    ("hyperparameters name the MAML class itself", lambda d: hyperparameters(MAML),
     ["name", "MAML"]),
    ("make_family clusters n_way a NumPy void record", lambda d: make_family(
        "clusters", n_way=_void(5)), ["n_way", "void"]),
    ("ReptileConfig check n_steps a NumPy void record", lambda d: ReptileConfig(
        n_steps=_void(5)).check(), ["n_steps", "void"]),
    ("Reptile config a map object", lambda d: Reptile(MLP((1, 8, 1)), Sinusoid(), map(
        tuple, [("inner_lr", 0.01)])), ["config", "map"]),
]

EVALUATE_CASES = [
    ("evaluate n_support a NumPy void record", lambda d: _evaluate_call(
        n_support=_void(5)), ["n_support", "void"]),
    ("format_interval mean an object array of ragged rows", lambda d: format_interval(
        _ragged(2, 3), 0.1), ["mean", "object"]),
    ("train seed a NumPy void record", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, _void(0)), ["seed", "void"]),
    ("curve family the Sinusoid class itself", lambda d: curve(
        *_maml(), Sinusoid().sample(_rng(), 2, 5, 5), 1, family=Sinusoid),
     ["family", "Sinusoid"]),
    ("select_test_time max_steps a NumPy void record", lambda d: select_test_time(
        *_maml(), Sinusoid(), candidates=[0.01], max_steps=_void(1), n_tasks=2, n_support=5,
        n_query=5), ["max_steps", "void"]),
    ("held_out_tasks start a NumPy void record", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, 5, start=_void(0)), ["start", "void"]),
    ("train checkpoint_every a NumPy void record", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, checkpoint=d / "c.npz",
        checkpoint_every=_void(1)), ["checkpoint_every", "void"]),
    ("format_table rows a map object of pairs", lambda d: format_table(
        map(tuple, [("maml", 0.5)])), ["rows", "map"]),
    ("format_interval half_width a NumPy void record", lambda d: format_interval(
        0.5, _void(0.1)), ["half_width", "void"]),
    ("with_test_time inner_steps a map object", lambda d: with_test_time(
        _maml()[0], inner_steps=_map(1, 2)), ["inner_steps", "map"]),
]

CHECKPOINT_CASES = [
    ("load a checkpoint with a shell stub before its zip", lambda d: load_checkpoint(
        _stub_zip(d)), ["stub.npz"]),
    ("load a checkpoint whose first weight lost its .npy magic bytes", lambda d:
        load_checkpoint(_bad_magic(d)), ["state/params/0"]),
    ("load a checkpoint whose meta/strategy is a bytes array", lambda d: load_checkpoint(
        _stored(d, "bytes", lambda a: a.__setitem__("meta/strategy", np.array(b"maml")))),
     ["meta/strategy", "bytes"]),
    ("save seed a NumPy void record", lambda d: _save(d, seed=_void(0)), ["seed", "void"]),
    ("unflatten flat a map object of pairs", lambda d: unflatten(
        map(tuple, [("params/0", np.ones(2))])), ["flat", "map"]),
    ("check_checkpoint_path path the Path class itself", lambda d: check_checkpoint_path(
        type(d)), ["path", "Path"]),
    ("load a checkpoint whose meta/step is a structured record", lambda d: load_checkpoint(
        _stored(d, "steprec", lambda a: a.__setitem__("meta/step", np.array(
            (2,), dtype=[("value", "i8")])))), ["meta/step", "('value', '<i8')"]),
    ("save state holding a NumPy void record leaf", lambda d: _save(
        d, state={"w": _void(1.0)}), ["w", "void"]),
    ("restore path a checkpoint with a shell stub before its zip", lambda d: restore(
        _stub_zip(d)), ["stub.npz"]),
    ("save config a map object of pairs", lambda d: _save(d, config=map(
        tuple, [("inner_lr", 0.01)])), ["config", "map"]),
]

NN_CASES = [
    ("MLP apply params an object array of ragged rows", lambda d: _m().apply(
        _ragged(8, 8, 8, 1), np.ones((2, 5, 1))), ["params", "object"]),
    ("per_task n_tasks a NumPy void record", lambda d: per_task(_p(), _void(2)),
     ["n_tasks", "void"]),
    ("adam_update lr a NumPy void record", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), _void(1e-3)), ["lr", "void"]),
    ("batch_norm eps a NumPy void record", lambda d: batch_norm(
        np.ones((4, 3)), eps=_void(1e-3)), ["eps", "void"]),
    ("finn_init rng the Generator class itself", lambda d: finn_init(
        np.random.Generator, (1, 4, 1)), ["rng", "Generator"]),
    ("split params an object array of its arrays", lambda d: split(_ragged(8, 8, 8, 1)),
     ["params", "object"]),
    ("MLP head features an object array of ragged rows", lambda d: _m().head(
        _p()[2:], _ragged(8, 7)), ["features", "object"]),
    ("adam_rows lr a NumPy void record", lambda d: adam_rows(
        [np.ones((3, 2))], _rows_state(), [np.ones((3, 2))], np.array([0]), _void(1e-3)),
     ["lr", "void"]),
    ("batch_norm offset an object array of ragged rows", lambda d: batch_norm(
        np.ones((4, 3)), offset=_ragged(3, 2, 1)), ["offset", "object"]),
]

TASK_CASES = [
    ("Sinusoid amplitude a map object", lambda d: Sinusoid(amplitude=_map(0.1, 5.0)),
     ["amplitude", "map"]),
    ("mse y an object array of per-task arrays", lambda d: mse(
        np.zeros((2, 5, 1)), _ragged(5, 4)), ["y", "object"]),
    ("cross_entropy logits a NumPy void record", lambda d: cross_entropy(
        _void(0.5), np.eye(3)[None]), ["logits", "void"]),
    ("Sinusoid sample rng the Generator class itself", lambda d: Sinusoid().sample(
        np.random.Generator, 2, 5, 5), ["rng", "Generator"]),
    ("GaussianClusters spread a NumPy void record", lambda d: GaussianClusters(
        spread=_void(2.0)), ["spread", "void"]),
    ("a user family whose loss is a property object", lambda d: _evaluate_call(
        family=type("PropLoss", (Sinusoid,), {"loss": PROP})()), ["loss", "1.0"]),
    ("LinearRegression noise a NumPy void record", lambda d: LinearRegression(
        noise=_void(0.1)), ["noise", "void"]),
    ("accuracy logits an object array of ragged rows", lambda d: accuracy(
        _ragged(3, 2), np.eye(3)[None]), ["logits", "object"]),
    ("a user family whose target is a property object", lambda d: _evaluate_call(
        family=type("PropTarget", (Sinusoid,), {"target": PROP})()), ["target", "1.0"]),
    ("cross_entropy y_onehot an object array of ragged rows", lambda d: cross_entropy(
        np.zeros((1, 2, 3)), _ragged(3, 2)), ["y_onehot", "object"]),
    ("LinearRegression scale a map object", lambda d: LinearRegression(scale=_map(1.0)),
     ["scale", "map"]),
]

OMNIGLOT_CASES = [
    ("Omniglot n_way a NumPy void record", lambda d: _omni(n_way=_void(5)),
     ["n_way", "void"]),
    ("Omniglot data the OmniglotImages class itself", lambda d: Omniglot(
        5, data=OmniglotImages), ["data", "OmniglotImages"]),
    ("check_shots n_support a NumPy void record", lambda d: check_shots(5, 2, _void(1), 5),
     ["n_support", "void"]),
    ("omniglot load root holding zips with a shell stub before them", lambda d:
        omniglot_data.load(_stub_omniglot_root(d), cache_dir=d / "cache", progress=False),
     ["images_background.zip"]),
    ("omniglot load cache_dir the good checkpoint file where a folder is meant", lambda d:
        omniglot_data.load(ROOT, cache_dir=_good(d), progress=False),
     ["cache_dir", "good.npz"]),
    ("Omniglot n_validation a NumPy void record", lambda d: _omni(n_validation=_void(100)),
     ["n_validation", "void"]),
    ("finn_split n_train a NumPy void record", lambda d: finn_split(
        _data().alphabets, _data().characters, n_train=_void(1100)), ["n_train", "void"]),
    ("check_shots n_drawings a NumPy void record", lambda d: check_shots(
        5, 2, 1, 5, n_drawings=_void(20)), ["n_drawings", "void"]),
    ("finn_split characters an object array of ragged rows", lambda d: finn_split(
        _data().alphabets, _ragged(*([2] * len(_data().alphabets)))),
     ["characters", "object"]),
]



WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "omniglot load cache_dir the good checkpoint file where a folder is meant": "valid by "
    "load's docstring: when root is given its archives are checked and 'a cache that cannot be "
    "written is then only warned about' (a warning naming the cache path was given); only "
    "without root is a cache_dir that is a file a ValueError",
    "omniglot load root holding zips with a shell stub before them": "valid (once corrected to "
    "one fault): a zip with bytes before it is still a zip (as a self-extracting archive), and "
    "load's docstring checks root's archives by reading and hashing them; their members are "
    "Omniglot's own, so the drawings loaded are the right ones",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 4)."""
    return kept_cases(cases, (1, 4), DROPPED)


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


def test_the_fortysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fortysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
