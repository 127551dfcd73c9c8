"""A twenty-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, the figure modules stubbed for ``figures``
command lines, the environment set where a case gives one). Written blind, at commit 6b66e65,
from the user's side only: the README, ``--help`` of the command line and of ``train``,
``evaluate``, ``compare``, ``figures`` and ``demo``, the public names and signatures
(``inspect.signature``) of the modules called, and the docstrings of those whose contract was
in doubt (``save_checkpoint``, ``load_checkpoint``, ``restore``, ``check_checkpoint_path``,
``flatten``, ``unflatten``, ``train``, ``evaluate``, ``select_test_time``, ``compare.run``,
``compare.build``, ``compare.cell``, ``compare.rows``, ``make_strategy``, ``inner_sgd``,
``ridge_fit``, ``softmax_head``, ``sgd_path``, ``from_theta0``, ``check_update``,
``check_step``, ``inner_advice``, ``sharpness``, ``population_statistics``,
``multitask_loss``, ``meta_gradient_norms``, ``format_result``, ``format_interval``,
``adam_rows``, ``adam_update``, ``check_adam``, ``Omniglot``, ``omniglot.load``,
``check_shots``, ``checked_returns``, the ``memory`` module's note on the variable), the
arrays of a good checkpoint (to damage them) and the earlier batteries' ids and shared
helpers. Not read: the body of any validation code (``checks.py``, ``check_*``,
``protocol.py``), the library's history, anything of /work/main.

Areas (this battery's share; the engine, gradcheck, samplers, diagnostics, the testing kit,
the figures helpers and the ``memory`` functions are another writer's), with the cases
written: the command line -- ``train`` (20), ``evaluate``, ``compare`` and the other
subcommands (18), ``figures``, stubbed (6), ``SCRATCHMETA_KEEP_FREED_MEMORY`` under the
command line (5) -- Chapter 2's functions (ridge, softmax and R2-D2 heads, the inner loop,
MAML/ANIL/Reptile/low-rank/multi-task/closed-form losses, subsets, adapt, the guard,
normalization, exploding; 27), strategies, their configs and the registry (21), evaluate,
train and the ``compare`` functions (20), checkpoints (20), nn/optim/batchnorm (11), task
families, losses and user-defined families (11) and Omniglot (9): 168 written.

Kinds of bad value, picked to be new on the option or argument they hit: on the command line
a thousands comma ('1,000' for ``--steps``, ``--tasks``), a decimal comma ('1,5' for
``--lam``, '4,0' for ``--val-tasks``), a Unicode minus (``--seed``, ``--support``,
``--query``), an Arabic-Indic digit and superscripts (``--n-support``, ``--inner-steps``,
compare's ``--support`` and ``--seed``), a percent and a times sign ('10%', '1×10-3'),
2**70 for ``--n-query``, ``--query`` and ``--adapt-steps``, a JSON list through ``--set``, a
strategy's name with its underscore dropped, an ``--out`` that is only '.npz', flags a
strategy has not got (``--inner-steps`` for pretrained and R2-D2, ``--lam`` for subset), a
multi-task meta-batch above its training tasks, Omniglot shots above the 20 drawings, a
subcommand given twice, train's ``--out`` given to evaluate; damaged checkpoints (read by
``train --resume``, ``evaluate`` or ``load_checkpoint``): meta/format missing or a number,
meta/step and meta/seed negative, every entry's name upper-cased, the zip signature zeroed,
Adam's v 0-D, no Adam entries, params renumbered from 1, meta/config an empty object, a
hyperparameter missing, meta/changes a JSON string, meta/strategy with a trailing space, model
sizes with the output swapped into the middle; ``figures --only`` stems with a dropped
underscore, a Cyrillic letter, a comment sign, a zero-width space, ``--out`` a named pipe or
given no value; the variable as '$HOME', 'keep', '*', '%ON%' and '-'. In the library: None
(``form``, ``batch``, ``path``, ``heads``, ``body_params``, ``grads``, ``model``,
``test_tasks``, ``seed``, ``results``), Decimals and Fractions (``lam``, ``meta_lr``,
``n_query``, ``lr``, ``spread``, ``seed``, ``n_tasks``, ``n_way``), complex step sizes, NaN
(``scale``, ``offset``, ``inner_lr``, a target), True and NumPy bools for counts and seeds,
whole floats and halves for counts, NumPy arrays of one for counts, strings for numbers,
sets, dicts, generators and JSON strings where arrays, lists or records are meant, masked
arrays with an entry masked (``x``, ``h``, ``y``, ``y_onehot``, ``characters``), an empty
``Ks``, a trailing underscore on a hyperparameter's name, ``seed`` equal to the test seed for
``select_test_time``, a state with NaN parameters or one array short, a folder named
``run.npz``, Omniglot drawings of 14x14, and user family methods that return a tuple or bools
or raise KeyError. Read-only and non-contiguous arrays and float32 were not used as bad
values.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` through the
twenty-first and ``tests/sweep_bad_inputs_meta_data.py``: 4,685 distinct ids read by a regex)
were compared with each draft by a token-overlap (Jaccard) search, each pair at 0.5 or more
read, and every draft's function and argument (and the exact argv or environment value) was
grepped among the ids. A draft was removed when an earlier case had the same function (a
damaged checkpoint read by ``evaluate``, ``train --resume``, ``restore`` or ``load_checkpoint``
counted as one function; a constructor and ``make_family`` of its name as one; a ``--set``
field and its config class's check as one), the same argument and the same kind of value.
These areas were already covered densely: of 307 drafted in two rounds (220, then 87
replacements searched the same way), 139 were removed before any run -- e.g. ``evaluate a
checkpoint whose model class is unknown``, ``... whose family name is unknown`` and ``...
whose activation is unknown`` (all three already written with those words), ``compare
strategies joined by a semicolon`` (as ``... by a comma``), ``figures quick given a value``,
``figures only a stem with a trailing dot`` (as ``... a trailing comma``), ``inner_sgd apply
None``, ``subset_meta_loss rng None``, ``check_step max_ratio NaN``, ``sharpness iterations
0``, ``population_statistics of a model without batch norm``, ``ReptileConfig check meta_lr
negative``, ``NewtonHeadConfig check inner_lr inf``, ``describe of None``, ``evaluate
chunk_size 2.5``, ``train history a tuple``, ``task_rng i negative``, ``load meta-losses
longer than the steps``, ``save step 2**70``, ``unflatten strict a word``, ``MLP init rng
None``, ``batch_norm eps negative``, ``MLP sizes with a bool width``, ``sinusoid amplitude
with NaN``, ``family split 'val'``, ``check_shots n_drawings 0``, ``load cache_dir an int``
-- and three as this battery's own duplicates (a damage written both for ``evaluate`` and for
``load_checkpoint``). That left 168 written. Mentions: the argument's name as in the signature
(or the option with its dashes, the checkpoint entry, the variable) and a short value's repr;
for a one-letter name (``x``, ``y``, ``h``) also something only a message about it would hold
(``mask``, ``complex``, the shape).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (2, 4)`` are kept (``_kept``): 104 of the 168. After the
first run a case could only be dropped or corrected, never added or swapped.

Dropped (``DROPPED``), 11, 5 of them kept: documented valid -- ``format_result half_width
NaN`` (format_result writes a diverged run's inf or NaN cell; it is ``format_interval`` that
refuses NaN), ``adam_rows lr negative zero`` ("lr = 0 is allowed: a step that moves nothing",
and -0.0 == 0); not clearly bad -- ``flatten state a list`` (kept; a list is a tree level
flatten numbers, and unflatten gives it back); wrong in two ways -- ``restore root a dict``
(kept; the good checkpoint is a sinusoid run, which takes no root at all, an earlier case, and
the message said that); repeats the search before the run missed, found by a second search
after it (each was clear) -- ``load meta/meta_losses of strings`` (as ``eval meta-losses
text``), ``load adam v of ints`` (kept; as ``load integer adam m``), ``load meta/config record
name disagreeing with meta/strategy`` and ``evaluate a checkpoint whose record names another
strategy`` (kept; both as ``evaluate a checkpoint whose record names Reptile with MAML's
class``), ``load a checkpoint one byte short`` (as the first battery's truncated checkpoint),
``adam_rows rows of floats`` (kept; as ``adam_rows rows a float array``), and ``make_family
clusters spread a Decimal`` (this battery's own duplicate of ``clusters spread a Decimal``).
Corrected, the case being wrong and not the library: ``closed_form update a state with NaN
params`` (written) multiplied the state's params by NaN as a list, but ClosedForm's params are
a dict ({"body": [...], "log_lam", "log_scale"}), so the case itself raised a TypeError; it
now multiplies every leaf; ``mse y complex`` and ``mse y masked`` (kept) gave a 1-D pred,
which ``mse`` refuses first (pred must be (..., points, outputs)); both now give (2, 5, 1)
arrays, so that only ``y`` is wrong.

First run, at commit 6b66e65, as written: the 104 kept: 96 clear (92.3%), 3 unclear (2.9%), 4
silent (3.8%), 1 data loss (1.0%); all 168 written: 155 clear (92.3%), 4 unclear (2.4%), 8
silent (4.8%), 1 data loss (0.6%). After the drops and the corrections above: the 99 kept: 94
clear (94.9%), 1 unclear (1.0%), 3 silent (3.0%), 1 data loss (1.0%); the 157 written and not
dropped (``--written``): 150 clear (95.5%), 1 unclear (0.6%), 5 silent (3.2%), 1 data loss
(0.6%). The kept set is just below the goal of 95%, and not without silent results or a data
loss. Kept, by area (clear/unclear/silent/data loss): command line (train) 10/1/0/1 of 12,
command line (evaluate, compare, subcommands) 10/0/0/0 of 10, command line (figures) 4/0/0/0
of 4, environment (command line) 3/0/0/0 of 3, Chapter 2's functions 16/0/1/0 of 17,
strategies 13/0/0/0 of 13, evaluate and train 12/0/0/0 of 12, checkpoints 7/0/2/0 of 9,
nn/optim/batchnorm 6/0/0/0 of 6, task families and losses 7/0/0/0 of 7, Omniglot 6/0/0/0 of
6. Written (not dropped), by area: train 18/1/0/1 of 20, evaluate/compare/subcommands
17/0/0/0 of 17, figures 6/0/0/0 of 6, environment 5/0/0/0 of 5, Chapter 2's functions
26/0/1/0 of 27, strategies 20/0/0/0 of 20, evaluate and train 18/0/1/0 of 19, checkpoints
12/0/2/0 of 14, nn/optim/batchnorm 9/0/0/0 of 9, task families and losses 11/0/0/0 of 11,
Omniglot 8/0/1/0 of 9.

Kept cases not clear, with what each gave at 6b66e65:

* data loss: ``train --resume`` of a checkpoint whose meta/config lacks ``inner_lr`` (the run
  resumed, printed "changed from the checkpoint's settings (recorded in it): inner_lr None ->
  0.01" as if the user had changed it, trained to step 3 and replaced the damaged file: the
  damage is taken for a setting, and the file given is rewritten);
* unclear: ``train --family omniglot --n-support 100`` ("error: n_support + n_query ask for
  20 + 2 distinct drawings per class, but each character has only 20 (--strategy maml
  --family omniglot)": the problem is said, per class, but neither the option ``--n-support``
  nor the 100 given is named);
* silent: ``inner_advice(0, 0.01)`` (returns "with K = inner_steps = 0 and inner_lr = 0.01,
  try a smaller inner_lr or fewer inner steps", advice for an inner loop that takes no step);
  ``save_checkpoint`` of an empty state ``{}`` (written; nothing to restore);
  ``unflatten({"a/0": None})`` (returns {"a": [None]}, where ``flatten`` refuses a None leaf).

Written and not kept, also not clear: silent ``compare.run`` with ``strategies=()`` (returns
{}: a comparison of nothing), an ``Omniglot`` family given drawings of 14x14 (accepted,
where ``omniglot.load`` gives (1623, 20, 28, 28) and the default model takes 784 inputs). The
misses gather in checkpoint records with an entry missing (taken as a change of settings),
empty or degenerate containers (an empty state, no strategies, a None leaf), K = 0 for the
guard's advice, a user's own Omniglot array of another image size, and the per-class wording
of the shots check. ``python tests/test_bad_inputs_twentysecond.py`` prints the rates by area
(about 5 s, and as much with ``--written``; pytest about 10 s, with 5 failures expected as
``NOT_CLEAR_YET`` is left empty for the lead). The battery's writer did not change the
library.

Round 15 (made with sight of the twenty-third battery only, in the engine and the samplers,
so this is a blind measurement of it) left this battery's figures as at 6b66e65: 94 of the 99
kept clear (94.9%), 1 unclear, 3 silent, 1 data loss; 150 of the 157 written. Round 16 (with
sight of this file, so not blind): ``load_checkpoint`` refuses a record of this format that
lacks a hyperparameter (it would have been filled with its default and read as a change on
resuming, which is how the resumed run rewrote the damaged file); Omniglot's count error names
``n_support`` and ``n_query`` with their values; ``save_checkpoint`` refuses an empty state;
``unflatten`` refuses a value that is not an array, as ``flatten`` does; ``compare.run`` and the
other name lists refuse an empty list; an Omniglot family refuses drawings that are not 28 x 28.
Left, with its reason in ``NOT_CLEAR_YET``: ``inner_advice(0, 0.01)``, valid (K = 0 is a
setting, as in training), whose advice now says to lower meta_lr instead of the inner steps.
After round 16: 98 of the 99 kept clear, 156 of the 157 written.
"""

import json
import os
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta import adapt, compare
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.baselines import PretrainedConfig, ScratchConfig
from scratchmeta.meta.checkpoint import (check_checkpoint_path, flatten, load_checkpoint,
                                         restore, unflatten)
from scratchmeta.meta.closed_form import ClosedFormConfig, closed_form_meta_loss
from scratchmeta.meta.evaluate import (format_result, held_out_tasks, select_test_time,
                                       task_rng)
from scratchmeta.meta.exploding import meta_gradient_norm, meta_gradient_norms
from scratchmeta.meta.guard import check_update, inner_advice
from scratchmeta.meta.maml import FOMAMLConfig, MAMLConfig, inner_sgd, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.multitask import MultitaskConfig, multitask_loss
from scratchmeta.meta.newton_head import NewtonHeadConfig
from scratchmeta.meta.normalization import (adaptation_curves, first_step_change,
                                            population_statistics)
from scratchmeta.meta.protocol import describe
from scratchmeta.meta.r2d2 import R2D2Config
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import make_family, make_strategy, strategy_from_config
from scratchmeta.meta.reptile import ReptileConfig, fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import softmax_head
from scratchmeta.meta.subset import SubsetConfig, subset_indices
from scratchmeta.meta.training import as_seed, batch_floats, train
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, accuracy, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import TRAIN, _drop, _evaluate, _good, _set, _train, battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import _rng
from test_bad_inputs_fifth import (_batch, _data, _evaluate_call, _features, _net, _rows_state,
                                   _save)
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare, _fresh
from test_bad_inputs_wider import _config
from test_bad_inputs_fourteenth import (_b, _change, _cx, _eval_damaged, _family_with, _fig,
                                        _m, _ma, _model_arg, _p, _resume_damaged)
from test_bad_inputs_fifteenth import _load_damaged, _raising

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
BIG = 2 ** 70


# --- objects the cases use -------------------------------------------------------------------

def _upper_keys(arrays):
    """Every entry's name in upper case (as a tool that 'normalises' names might leave it)."""
    for key in list(arrays):
        arrays[key.upper()] = arrays.pop(key)


def _one_byte_short(folder):
    """The good checkpoint with its last byte cut off (a copy stopped just short)."""
    data = _good(folder).read_bytes()
    path = folder / "short.npz"
    path.write_bytes(data[:-1])
    return path


def _signature_zeroed(folder):
    """The good checkpoint with its first four bytes (the zip signature) zeroed."""
    data = bytearray(_good(folder).read_bytes())
    data[:4] = bytes(4)
    path = folder / "nosig.npz"
    path.write_bytes(bytes(data))
    return path


def _sgd22(**kwargs):
    kwargs = {"inner_lr": 0.01, "inner_steps": 1, **kwargs}
    b = _b()
    x = kwargs.pop("x", b.x_support)
    y = kwargs.pop("y", b.y_support)
    apply = kwargs.pop("apply", _m().apply)
    return inner_sgd(per_task(_p(), 2), x, y, apply, **kwargs)


def _ml22(fn=meta_loss, **kwargs):
    kwargs = {"inner_lr": 0.01, "inner_steps": 1, **kwargs}
    return fn(_p(), kwargs.pop("batch", _b()), kwargs.pop("model", _m()), **kwargs)


def _batch22(**arrays):
    b = _b()
    fields = {k: getattr(b, k) for k in ("x_support", "y_support", "x_query", "y_query")}
    fields.update(arrays)
    return TaskBatch(**fields)


def _train22(**kwargs):
    kwargs = {"seed": 0, **kwargs}
    return train(make_strategy("maml", meta_batch=2), kwargs.pop("n_steps", 1),
                 kwargs.pop("seed"), **kwargs)


def _run22(**kwargs):
    kwargs = {"seed": 0, "strategies": ("maml",), "n_support": 5, "n_query": 5,
              "val_tasks": 2, "test_tasks": 2, "max_steps": 1, "candidates": (0.01,),
              **kwargs}
    return compare.run(kwargs.pop("family", "sinusoid"), kwargs.pop("meta_steps", {"maml": 1}),
                       **kwargs)


def _select22(**kwargs):
    strategy, state = _fresh()
    kwargs = {"candidates": [0.01], "max_steps": 1, "n_tasks": 2, "n_support": 5,
              "n_query": 5, **kwargs}
    return select_test_time(strategy, state, Sinusoid(), **kwargs)


def _path22():
    """The test-time SGD path of the small problem (a generator)."""
    return adapt.from_theta0(_p(), _b(), _m(), inner_lr=0.01, loss=mse)


def _bn_model():
    return MLP((1, 8, 1), batch_norm=True)


def _user22(**methods):
    """A user's Sinusoid subclass with some methods replaced (plain functions of self)."""
    return _family_with(**methods)


def _wrong_image_shape():
    """The Omniglot images given as 14x14 drawings (a user's downsampled copy)."""
    data = _data()
    return type(data)(data.images[:, :, ::2, ::2], data.alphabets, data.characters,
                      data.n_background)


def _renumbered(arrays):
    """The parameter entries numbered from 1 instead of 0 (state/params/1 .. 6)."""
    params = [arrays.pop(f"state/params/{i}") for i in range(6)]
    for i, a in enumerate(params, start=1):
        arrays[f"state/params/{i}"] = a


def _without_adam(arrays):
    """Every state/adam entry removed (the state saved without its optimiser)."""
    for key in [k for k in arrays if k.startswith("state/adam/")]:
        arrays.pop(key)


def _with_nan22(a):
    a = np.array(a, dtype=float)
    a[0, 0, 0] = np.nan
    return a


def _folder_npz(folder):
    """A folder named run.npz (as a user's mkdir of the checkpoint's name leaves it)."""
    path = folder / "run.npz"
    path.mkdir(exist_ok=True)
    return str(path)


def _times_nan(tree):
    if isinstance(tree, dict):
        return {k: _times_nan(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [_times_nan(v) for v in tree]
    return np.asarray(tree) * np.nan


def _nan_params_update(name):
    strategy = make_strategy(name, meta_batch=2)
    state = strategy.init_state(_rng())
    state = {**state, "params": _times_nan(state["params"])}
    return strategy.update(state, strategy.sample_batch(_rng(), state), _rng(), 0)


def _short_params_update(name):
    strategy = make_strategy(name, meta_batch=2)
    state = strategy.init_state(_rng())
    state = {**state, "params": list(state["params"])[:-1]}
    return strategy.update(state, _batch(), _rng(), 0)


def _multitask22():
    return _multitask_cache.setdefault("s", make_strategy("multitask", meta_batch=2,
                                                          n_train_tasks=4))


_multitask_cache = {}


def _fifo(folder):
    """A named pipe where the figures' folder is meant."""
    path = folder / "pipe"
    if not path.exists():
        os.mkfifo(path)
    return str(path)


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("steps with a thousands comma", _train("--steps", "1,000"), ["--steps", "1,000"]),
    ("seed with a Unicode minus", _train("--seed", "\u22121"), ["--seed"]),
    ("lam a percent for closed_form", _train("--strategy", "closed_form", "--lam", "10%"),
     ["--lam", "10%"]),
    ("n-support an Arabic-Indic digit", _train("--n-support", "\u0665"), ["--n-support"]),
    ("inner-steps a superscript two", _train("--inner-steps", "\u00b2"), ["--inner-steps"]),
    ("multitask meta-batch above its training tasks", _train(
        "--strategy", "multitask", "--set", "n_train_tasks=1"), ["n_train_tasks"]),
    ("omniglot n-support above the drawings", lambda d: TRAIN + [
        "--family", "omniglot", "--root", ROOT, "--n-support", "100", "--out",
        str(d / "o.npz")], ["100"]),
    ("resume a checkpoint whose meta/format is missing", _resume_damaged(
        "fmtgone", _drop("meta/format")), ["meta/format"]),
    ("resume a checkpoint whose adam v is 0-D", _resume_damaged(
        "v0d", _set("state/adam/v/1", np.array(0.5))), ["state/adam/v/1"]),
    ("resume a checkpoint whose meta/config is an empty object", _resume_damaged(
        "cfgempty", _set("meta/config", np.array("{}"))), ["meta/config"]),
    ("resume a checkpoint whose hyperparameters lack inner_lr", _resume_damaged(
        "noinner", _config(lambda r: r["hyperparameters"].pop("inner_lr"))), ["inner_lr"]),
    ("meta-lr written with a times sign", _train("--meta-lr", "1\u00d710-3"), ["--meta-lr"]),
    ("n-query 2**70", _train("--n-query", str(BIG)), ["--n-query", str(BIG)]),
    ("set meta_lr a list", _train("--set", "meta_lr=[0.001]"), ["meta_lr"]),
    ("strategy with its underscore dropped", _train("--strategy", "closedform"),
     ["closedform"]),
    ("out a name that is only the suffix", lambda d: TRAIN + ["--out", str(d / ".npz")],
     [".npz"]),
    ("pretrained with --inner-steps", _train("--strategy", "pretrained", "--inner-steps", "2"),
     ["inner"]),
    ("r2d2 on clusters with --inner-steps", _train(
        "--strategy", "r2d2", "--family", "clusters", "--inner-steps", "2"), ["inner"]),
    ("subset with --lam", _train("--strategy", "subset", "--lam", "0.1"), ["lam"]),
    ("lam with a decimal comma for closed_form", _train(
        "--strategy", "closed_form", "--lam", "1,5"), ["--lam", "1,5"]),
]

CLI_OTHER_CASES = [
    ("evaluate tasks with a thousands comma", _evaluate(_good, "--tasks", "1,000"),
     ["--tasks", "1,000"]),
    ("evaluate support with a Unicode minus", _evaluate(_good, "--support", "\u22125"),
     ["--support"]),
    ("evaluate query 2**70", _evaluate(_good, "--query", str(BIG)), ["--query"]),
    ("evaluate a checkpoint whose meta/step is negative", _eval_damaged(
        "stepneg", _set("meta/step", np.array(-2))), ["meta/step"]),
    ("evaluate a checkpoint whose meta/format is a number", _eval_damaged(
        "fmtnum", _set("meta/format", np.array(2))), ["meta/format"]),
    ("evaluate a checkpoint whose entries are upper case", _eval_damaged(
        "upper", _upper_keys), ["upper.npz"]),
    ("evaluate a checkpoint with its zip signature zeroed", _evaluate(_signature_zeroed),
     ["nosig.npz"]),
    ("compare tasks with a thousands comma", _compare("--tasks", "1,000"),
     ["--tasks", "1,000"]),
    ("compare query with a Unicode minus", _compare("--query", "\u22125"), ["--query"]),
    ("compare adapt-steps 2**70", _compare("--adapt-steps", str(BIG)), ["--adapt-steps"]),
    ("compare support an Arabic-Indic digit", _compare("--support", "\u0665"), ["--support"]),
    ("a subcommand given twice", lambda d: ["train", "train", "--steps", "2"], ["train"]),
    ("evaluate given train's --out", lambda d: ["evaluate", "--checkpoint", str(_good(d)),
                                               "--out", str(d / "e.npz")], ["--out"]),
    ("evaluate a checkpoint whose record names another strategy", _eval_damaged(
        "anilrec", _config(lambda r: r.__setitem__("name", "ANIL"))), ["ANIL"]),
    ("evaluate a checkpoint whose params are renumbered from 1", _eval_damaged(
        "renum", _renumbered), ["state/params"]),
    ("compare val-tasks with a decimal comma", _compare("--val-tasks", "4,0"),
     ["--val-tasks", "4,0"]),
    ("evaluate a checkpoint whose state has no adam entries", _eval_damaged(
        "noadam", _without_adam), ["adam"]),
    ("compare seed a superscript", _compare("--seed", "\u00b9"), ["--seed"]),
]

CLI_FIGURES_CASES = [
    ("figures only a stem without its underscore", _fig("--only", "fig221"), ["fig221"]),
    ("figures only a stem with a Cyrillic letter", _fig("--only", "f\u0456g22_1"),
     ["f\u0456g22_1"]),
    ("figures only a stem with a comment sign", _fig("--only", "fig22_1#"), ["fig22_1#"]),
    ("figures only a stem with a zero-width space", _fig("--only", "fig22_1\u200b"),
     ["--only"]),
    ("figures out a named pipe", lambda d: ["figures", "--quick", "--only", "fig22_1",
                                            "--out", _fifo(d)], ["pipe"]),
    ("figures out given no value", lambda d: ["figures", "--quick", "--only", "fig22_1",
                                              "--out"], ["--out"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory an unexpanded shell variable, evaluate", _evaluate(_good),
     [VAR, "$HOME"], {VAR: "$HOME"}),
    ("keep-freed-memory 'keep', train", _train(), [VAR, "keep"], {VAR: "keep"}),
    ("keep-freed-memory a wildcard, compare", _compare(), [VAR, "*"], {VAR: "*"}),
    ("keep-freed-memory a Windows-style variable, figures", _fig("--only", "fig22_1"),
     [VAR, "%ON%"], {VAR: "%ON%"}),
    ("keep-freed-memory a lone dash, demo", lambda d: ["demo"], [VAR], {VAR: "-"}),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("ridge_fit form None", lambda d: ridge_fit(*_features(), 0.1, form=None),
     ["form", "None"]),
    ("ridge_head features without a task axis", lambda d: ridge_head(
        _features()[0][0], _features()[1], 0.1), ["features"]),
    ("ridge_fit lam a Fraction", lambda d: ridge_fit(*_features(), Fraction(1, 10)),
     ["lam", "Fraction"]),
    ("softmax_head max_steps True", lambda d: softmax_head(*_features(), 0.1, max_steps=True),
     ["max_steps", "True"]),
    ("softmax_head form with a trailing space", lambda d: softmax_head(
        *_features(), 0.1, form="dual "), ["form", "dual "]),
    ("softmax_head targets with a NaN", lambda d: softmax_head(
        _features()[0], _with_nan22(_features()[1]), 0.1), ["targets"]),
    ("r2d2_logits scale NaN", lambda d: r2d2_logits(*_features(), _features()[0], 0.1,
                                                    scale=np.nan), ["scale", "nan"]),
    ("r2d2_logits offset NaN", lambda d: r2d2_logits(*_features(), _features()[0], 0.1,
                                                     offset=np.nan), ["offset", "nan"]),
    ("inner_sgd inner_lr complex", lambda d: _sgd22(inner_lr=0.01 + 0.01j), ["inner_lr"]),
    ("inner_sgd y of another point count than x", lambda d: _sgd22(y=np.ones((2, 4, 1))),
     ["y", "(2, 4, 1)"]),
    ("anil_meta_loss batch None", lambda d: _ml22(anil_meta_loss, batch=None),
     ["batch", "None"]),
    ("reptile_step meta_lr a Decimal", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=Decimal("0.1")), ["meta_lr"]),
    ("fine_tune_tasks loss returning a string", lambda d: fine_tune_tasks(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=lambda pred, y: "low"),
     ["loss"]),
    ("subset_indices n_tasks a string", lambda d: subset_indices(_rng(), "2", 10, 5),
     ["n_tasks", "'2'"]),
    ("adapt.after path None", lambda d: adapt.after(None, 2), ["path", "None"]),
    ("adapt.steps n_steps a string", lambda d: adapt.steps(_path22(), "3"),
     ["n_steps", "'3'"]),
    ("inner_advice inner_steps 0", lambda d: inner_advice(0, 0.01), ["inner_steps", "0"]),
    ("meta_gradient_norms Ks with a half", lambda d: meta_gradient_norms(
        _p(), _b(), _m(), [1, 1.5], [0.01]), ["Ks", "1.5"]),
    ("meta_gradient_norms Ks empty", lambda d: meta_gradient_norms(
        _p(), _b(), _m(), [], [0.01]), ["Ks"]),
    ("meta_gradient_norm inner_lr a string", lambda d: meta_gradient_norm(
        _p(), _b(), _m(), inner_steps=1, inner_lr="0.01"), ["inner_lr", "'0.01'"]),
    ("meta_loss_low_rank inner_lr NaN", lambda d: _ml22(meta_loss_low_rank, inner_lr=np.nan),
     ["inner_lr", "nan"]),
    ("multitask_loss heads None", lambda d: multitask_loss(
        _p()[:-2], None, _b().x_support, _b().y_support, _m()), ["heads", "None"]),
    ("closed_form_meta_loss body_params None", lambda d: closed_form_meta_loss(
        None, _b(), _m(), lam=0.1), ["body_params", "None"]),
    ("population_statistics x masked", lambda d: population_statistics(
        _bn_model(), _bn_model().init(_rng()), _ma(np.ones((2, 5, 1)))), ["x", "mask"]),
    ("adaptation_curves n_steps True", lambda d: adaptation_curves(
        _p(), _b(), _m(), n_steps=True), ["n_steps", "True"]),
    ("check_update grads None", lambda d: check_update(
        1.0, None, step=0, advice="lower inner_lr"), ["grads", "None"]),
    ("first_step_change model None", lambda d: first_step_change(_p(), _b(), None),
     ["model", "None"]),
]

STRATEGY_CASES = [
    ("MAMLConfig check meta_batch a NumPy -1", lambda d: MAMLConfig(
        meta_batch=np.int64(-1)).check(), ["meta_batch", "-1"]),
    ("MAMLConfig check n_query a Decimal", lambda d: MAMLConfig(
        n_query=Decimal("10")).check(), ["n_query", "Decimal"]),
    ("MultitaskConfig check head_inner_lr a string", lambda d: MultitaskConfig(
        head_inner_lr="0.01").check(), ["head_inner_lr", "'0.01'"]),
    ("R2D2Config check meta_batch 0", lambda d: R2D2Config(meta_batch=0).check(),
     ["meta_batch", "0"]),
    ("ScratchConfig check inner_lr complex", lambda d: ScratchConfig(
        inner_lr=0.02 + 0.01j).check(), ["inner_lr"]),
    ("maml sample_batch rng an int", lambda d: _fresh()[0].sample_batch(0, _fresh()[1]),
     ["rng"]),
    ("maml update batch a dict", lambda d: _fresh()[0].update(
        _fresh()[1], dict(_batch()._asdict()), _rng(), 0), ["batch", "dict"]),
    ("closed_form update a state with NaN params", lambda d: _nan_params_update("closed_form"),
     ["params"]),
    ("ClosedFormConfig check learn_scale 1", lambda d: ClosedFormConfig(learn_scale=1).check(),
     ["learn_scale"]),
    ("PretrainedConfig check meta_lr 0", lambda d: PretrainedConfig(meta_lr=0.0).check(),
     ["meta_lr", "0"]),
    ("FOMAMLConfig check inner_steps a whole float", lambda d: FOMAMLConfig(
        inner_steps=1.0).check(), ["inner_steps", "1.0"]),
    ("MultitaskConfig check head_steps 2.5", lambda d: MultitaskConfig(
        head_steps=2.5).check(), ["head_steps", "2.5"]),
    ("NewtonHeadConfig check n_support True", lambda d: NewtonHeadConfig(
        n_support=True).check(), ["n_support", "True"]),
    ("R2D2Config check lam a list", lambda d: R2D2Config(lam=[1.0]).check(), ["lam"]),
    ("SubsetConfig check first_order 1", lambda d: SubsetConfig(first_order=1).check(),
     ["first_order"]),
    ("ReptileConfig check inner_steps 0", lambda d: ReptileConfig(inner_steps=0).check(),
     ["inner_steps", "0"]),
    ("ClosedFormConfig check meta_batch a string", lambda d: ClosedFormConfig(
        meta_batch="25").check(), ["meta_batch", "'25'"]),
    ("make_strategy a hyperparameter with a trailing underscore", lambda d: make_strategy(
        "maml", meta_batch=2, inner_lr_=0.1), ["inner_lr_"]),
    ("strategy_from_config record a JSON string", lambda d: strategy_from_config(
        json.dumps(describe(make_strategy("maml", meta_batch=2)))), ["record"]),
    ("make_family clusters spread a Decimal", lambda d: make_family(
        "clusters", spread=Decimal("2")), ["spread", "Decimal"]),
    ("anil update a state whose params are one short", lambda d: _short_params_update("anil"),
     ["params"]),
]

EVALUATE_CASES = [
    ("select_test_time seed equal to the test seed", lambda d: _select22(seed=22),
     ["seed", "22"]),
    ("held_out_tasks start 2.5", lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start=2.5),
     ["start", "2.5"]),
    ("compare run strategies empty", lambda d: _run22(strategies=()), ["strategies"]),
    ("compare run meta_steps negative", lambda d: _run22(meta_steps={"maml": -1}),
     ["meta_steps", "-1"]),
    ("compare rows results None", lambda d: compare.rows(None), ["results", "None"]),
    ("compare build meta_steps -1", lambda d: compare.build("maml", "sinusoid", -1),
     ["meta_steps", "-1"]),
    ("as_seed a string", lambda d: as_seed("0"), ["seed", "'0'"]),
    ("evaluate n_steps a NumPy array of one", lambda d: _evaluate_call(n_steps=np.array([1])),
     ["n_steps"]),
    ("held_out_tasks seed a Fraction", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, 5, seed=Fraction(22, 1)), ["seed", "Fraction"]),
    ("train seed a bool", lambda d: _train22(seed=True), ["seed", "True"]),
    ("train n_steps a NumPy array", lambda d: _train22(n_steps=np.array([1])), ["n_steps"]),
    ("batch_floats n_points a string", lambda d: batch_floats(
        make_strategy("maml", meta_batch=2), n_points="5"), ["n_points", "'5'"]),
    ("compare run n_query 0", lambda d: _run22(n_query=0), ["n_query", "0"]),
    ("compare run val_tasks 2.5", lambda d: _run22(val_tasks=2.5), ["val_tasks", "2.5"]),
    ("compare build family a set", lambda d: compare.build("maml", {"sinusoid"}, 1),
     ["family"]),
    ("compare run test_tasks None", lambda d: _run22(test_tasks=None), ["test_tasks", "None"]),
    ("task_rng seed None", lambda d: task_rng(None, 0), ["seed", "None"]),
    ("format_result half_width NaN", lambda d: format_result(0.5, np.nan),
     ["half_width", "nan"]),
    ("evaluate n_query a string", lambda d: _evaluate_call(n_query="5"), ["n_query", "'5'"]),
    ("select_test_time n_tasks a Fraction", lambda d: _select22(n_tasks=Fraction(2, 1)),
     ["n_tasks", "Fraction"]),
]

CHECKPOINT_CASES = [
    ("load meta/format a number", _load_damaged("fmtn", _set("meta/format", np.array(2))),
     ["meta/format"]),
    ("load meta/changes a JSON string", _load_damaged(
        "chgs", _set("meta/changes", np.array('"none"'))), ["meta/changes"]),
    ("load meta/strategy with a trailing space", _load_damaged(
        "strsp", _set("meta/strategy", np.array("MAML "))), ["meta/strategy"]),
    ("load meta/seed negative", _load_damaged("seedn", _set("meta/seed", np.array(-3))),
     ["meta/seed"]),
    ("load a checkpoint one byte short", lambda d: load_checkpoint(_one_byte_short(d)),
     ["short.npz"]),
    ("load_checkpoint path a list", lambda d: load_checkpoint([str(_good(d))]), ["path"]),
    ("save state an empty dict", lambda d: _save(d, state={}), ["state"]),
    ("save seed True", lambda d: _save(d, seed=True), ["seed", "True"]),
    ("check_checkpoint_path the suffix alone", lambda d: check_checkpoint_path(str(d / ".npz")),
     [".npz"]),
    ("check_checkpoint_path a folder named like a checkpoint", lambda d: check_checkpoint_path(
        _folder_npz(d)), ["run.npz"]),
    ("flatten state a list", lambda d: flatten([np.ones(2), np.ones(3)]), ["state"]),
    ("unflatten flat with a None value", lambda d: unflatten({"a/0": None}), ["a/0"]),
    ("load meta/config record name disagreeing with meta/strategy", _load_damaged(
        "namerec", _config(lambda r: r.__setitem__("name", "Reptile"))), ["Reptile"]),
    ("load adam v of ints", _load_damaged("vint", _change(
        "state/adam/v/3", lambda a: np.zeros(a.shape, dtype=np.int64))), ["state/adam/v/3"]),
    ("load meta/meta_losses of strings", _load_damaged(
        "mlstr", _set("meta/meta_losses", np.array(["1.0", "0.9"]))), ["meta/meta_losses"]),
    ("restore root a dict", lambda d: restore(_good(d), root={"root": ROOT}), ["root"]),
    ("save path a folder named like a checkpoint", lambda d: _save(d, path=_folder_npz(d)),
     ["run.npz"]),
    ("save meta_losses with a None", lambda d: _save(d, meta_losses=[1.0, None]),
     ["meta_losses"]),
    ("load meta/config hidden sizes swapped with the output", _load_damaged(
        "swapsz", _model_arg("sizes", [1, 40, 1, 40])), ["sizes"]),
    ("save step a NumPy bool", lambda d: _save(d, step=np.bool_(True)), ["step"]),
]

NN_CASES = [
    ("adam_rows rows of floats", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((1, 2))], [0.5], 1e-3), ["rows"]),
    ("adam_update lr a Decimal", lambda d: adam_update(
        _net()[1], [np.ones_like(p) for p in _net()[1]], adam_init(_net()[1]),
        Decimal("0.001")), ["lr", "Decimal"]),
    ("adam_rows lr negative zero", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((1, 2))], [0], -0.0), ["lr"]),
    ("adam_rows beta1 1", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((1, 2))], [0], 1e-3, beta1=1.0),
     ["beta1", "1"]),
    ("batch_norm h masked", lambda d: batch_norm(_ma(np.random.default_rng(0).normal(
        size=(4, 3)))), ["h", "mask"]),
    ("MLP apply x a generator", lambda d: _net()[0].apply(_net()[1], (x for x in [[0.5]])),
     ["x", "generator"]),
    ("per_task params a generator", lambda d: per_task((p for p in _net()[1]), 2),
     ["params", "generator"]),
    ("adam_init params a generator", lambda d: adam_init(p for p in _net()[1]),
     ["params", "generator"]),
    ("batch_norm offset a set", lambda d: batch_norm(np.random.default_rng(0).normal(
        size=(4, 3)), offset={0.0}), ["offset", "set"]),
    ("adam_update state t a half", lambda d: adam_update(
        _net()[1], [np.ones_like(p) for p in _net()[1]], {**adam_init(_net()[1]), "t": 0.5},
        1e-3), ["t", "0.5"]),
    ("split params a generator", lambda d: split(p for p in _net()[1]),
     ["params", "generator"]),
]

TASK_CASES = [
    ("mse y complex", lambda d: mse(np.ones((2, 5, 1)), _cx(np.ones((2, 5, 1)))),
     ["y", "complex"]),
    ("a user family whose make_batch returns a tuple", lambda d: _user22(
        make_batch=lambda self, rng, tp, s, q: tuple(Sinusoid().make_batch(rng, tp, s, q))
    ).sample(_rng(), 2, 5, 5), ["make_batch"]),
    ("accuracy y_onehot masked", lambda d: accuracy(
        np.zeros((2, 4, 3)), _ma(np.eye(3)[np.zeros((2, 4), int)])), ["y_onehot", "mask"]),
    ("mse y masked", lambda d: mse(np.ones((2, 5, 1)), _ma(np.ones((2, 5, 1)), 1)),
     ["y", "mask"]),
    ("mse pred a set", lambda d: mse({1.0, 2.0}, np.ones(2)), ["pred", "set"]),
    ("accuracy logits a generator", lambda d: accuracy(
        (row for row in np.zeros((2, 4, 3))), np.eye(3)[np.zeros((2, 4), int)]),
     ["logits", "generator"]),
    ("a user family whose target returns bools", lambda d: _user22(
        target=lambda self, tp, x: np.asarray(x) > 0).sample(_rng(), 2, 5, 5), ["target"]),
    ("evaluating on a user family whose loss raises KeyError", lambda d: _evaluate_call(
        family=_user22(loss=_raising(KeyError))), ["loss", "KeyError"]),
    ("clusters spread a Decimal", lambda d: GaussianClusters(spread=Decimal("2")),
     ["spread", "Decimal"]),
    ("linear sample n_query a Fraction", lambda d: LinearRegression().sample(
        _rng(), 2, 5, Fraction(5, 1)), ["n_query", "Fraction"]),
    ("cross_entropy y_onehot masked", lambda d: cross_entropy(
        np.zeros((2, 4, 3)), _ma(np.eye(3)[np.zeros((2, 4), int)], 2)), ["y_onehot", "mask"]),
]

OMNIGLOT_CASES = [
    ("family n_train -1", lambda d: Omniglot(5, data=_data(), n_train=-1), ["n_train", "-1"]),
    ("finn_split n_train 0", lambda d: finn_split(np.zeros(10, int), np.arange(10),
                                                  n_train=0, n_validation=2), ["n_train", "0"]),
    ("family data of 14x14 drawings", lambda d: Omniglot(5, data=_wrong_image_shape()),
     ["images"]),
    ("finn_split characters masked", lambda d: finn_split(
        np.zeros(10, int), _ma(np.arange(10.0), 3), n_train=2, n_validation=2),
     ["characters", "mask"]),
    ("check_shots n_query True", lambda d: check_shots(5, 2, 5, True), ["n_query", "True"]),
    ("check_shots n_tasks a string", lambda d: check_shots(5, "2", 5, 5), ["n_tasks", "'2'"]),
    ("family n_validation True", lambda d: Omniglot(5, data=_data(), n_validation=True),
     ["n_validation", "True"]),
    ("family sample n_tasks a Fraction", lambda d: Omniglot(5, data=_data()).sample(
        _rng(), Fraction(2, 1), 5, 5), ["n_tasks", "Fraction"]),
    ("family n_way a Decimal", lambda d: Omniglot(Decimal("5"), data=_data()),
     ["n_way", "Decimal"]),
]

WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "cli: figures": CLI_FIGURES_CASES, "environment (cli)": ENV_CLI_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "format_result half_width NaN": "documented valid: format_result writes 'a table's cell "
        "... where a diverged task made the mean or the half-width inf or NaN, both kept short "
        "(e.g. 'inf \u00b1 nan', ...)'; it is format_interval that refuses NaN",
    "flatten state a list": "not clearly bad: flatten is the checkpoint's tree flattener, a "
        "list is a tree level it numbers ('0', '1'), and unflatten gives the same list back; "
        "its docstring does not restrict the top level to a dict",
    "adam_rows lr negative zero": "documented valid: adam_rows's docstring says 'lr = 0 is "
        "allowed: a step that moves nothing', and -0.0 == 0",
    "adam_rows rows of floats": "repeats the sixteenth battery's 'adam_rows rows a float "
        "array' (found by the second search, after the run)",
    "restore root a dict": "the case was wrong in two ways: the good checkpoint is a "
        "sinusoid run, which takes no root at all (the earlier 'restore root given for a "
        "sinusoid checkpoint'), and that is what the message reports",
    # Repeats of an earlier case's substance the search before the run missed (found by the
    # second search, after it; all of them were clear):
    "load meta/meta_losses of strings": "repeats the eighth battery's 'eval meta-losses text' "
        "(the same entry, the same kind of value; load and evaluate count as one function)",
    "load adam v of ints": "repeats 'load integer adam m' and 'restore integer Adam moments'",
    "load meta/config record name disagreeing with meta/strategy": "repeats 'evaluate a "
        "checkpoint whose record names Reptile with MAML's class'",
    "evaluate a checkpoint whose record names another strategy": "repeats 'evaluate a "
        "checkpoint whose record names Reptile with MAML's class'",
    "load a checkpoint one byte short": "repeats the first battery's truncated checkpoint "
        "('resume truncated': a copy cut short, here by one byte instead of half)",
    "make_family clusters spread a Decimal": "this battery's own duplicate of 'clusters "
        "spread a Decimal' (make_family of a name and its constructor count as one function)",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (2, 4)."""
    return kept_cases(cases, (2, 4), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    name = case[0]
    return ((group == "omniglot" and name.startswith(("family", "load")))
            or "omniglot" in name)


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    'inner_advice inner_steps 0': (
        "not a bad input: K = 0 is a valid setting (no inner step), and inner_advice's "
        "advice for it now says to lower meta_lr, the only step that can blow up"),
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_twentysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 60)


def main():
    """``python tests/test_bad_inputs_twentysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
