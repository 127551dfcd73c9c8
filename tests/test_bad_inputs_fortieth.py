"""A fortieth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 3bbaf22, from the user's side
only: the README; ``--help`` of ``python -m scratchmeta`` and of ``train``, ``evaluate``,
``compare``, ``demo`` and ``figures``; ``__all__`` (or the public names) and the signatures of
``scratchmeta.meta`` (``adapt``, ``maml``, ``training``, ``checkpoint``, ``evaluate``,
``registry``, ``ridge``, ``newton_head``, ``normalization``, ``reptile``, ``closed_form``,
``multitask``, ``legacy``, ``guard``, ``softmax_head``, ``exploding``, ``anil``, ``r2d2``,
``subset``, ``baselines``, ``maml_low_rank``), ``nn``, ``optim``, ``batchnorm``, ``tasks``,
``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``; after the first run (to
judge the misses only) the docstrings of ``ridge_fit``, ``batch_norm``, ``LinearRegression``,
``mse``, ``cross_entropy``, ``TaskFamily.sample``, ``evaluate``, ``ScratchConfig``,
``fine_tune_tasks``, ``restore`` and ``check_shots``; and the earlier batteries' ids, layout,
shared helpers (imported, not copied) and the thirty-second and thirty-fourth batteries'
notes on their drops. Not read: the body of any validation code (``checks.py``,
``_checks.py``, ``check_*``, ``protocol.py``), the library's source beyond that, its history,
anything of /work/main. No ``__main__`` module was imported; the command line runs through the
shared helpers (``_train``, ``_evaluate``, ``_compare``, ``_fig``) and every case writes only
inside its temporary folder.

Areas (the command line and Chapter 2's side; the engine, gradcheck, samplers, diagnostics,
testing kit, figures helpers and memory functions are another writer's), as written: train on
the command line (8), evaluate, compare and demo (9), figures (2, stubbed),
``SCRATCHMETA_KEEP_FREED_MEMORY`` under the command line (2), Chapter 2's functions --
meta_loss/meta_grad, inner_sgd, anil_meta_grad, ridge_fit/ridge_head, newton_solve,
softmax_head_unrolled, closed_form_meta_loss, fine_tune_tasks, reptile_direction,
subset_meta_loss, multitask_loss, sharpness, first_step_change, guard's check_step and
inner_advice (18), strategies, their configs and the registry (12), evaluate and train in the
library (7), checkpoints (8), nn/optim/batchnorm (7), task families, losses and a user's own
family (10), Omniglot (8): 91. The command line and the environment are the most mined (see
Repeats), so those areas are small.

Kinds of bad value, chosen for what no earlier id names on that function and argument: a
``range`` object where a count, a step size, a pair, an rng or a size is meant (meta_loss and
MAMLConfig inner_steps, newton_solve max_steps, subset_meta_loss and finn_init rng,
make_family amplitude, Sinusoid phase (four numbers), R2D2Config scale, train n_steps,
Omniglot n_train); a NumPy string scalar ``np.str_`` holding a number (meta_grad inner_lr,
softmax_head_unrolled n_steps, sharpness iterations, FOMAMLConfig meta_lr, evaluate seed); a
``np.datetime64`` date (newton_solve tol, check_step max_ratio, NewtonHeadConfig lam,
MultitaskConfig head_seed, select_test_time max_steps, adam_rows rows, accuracy y_onehot,
finn_split n_validation, a checkpoint's first weight and its meta/seed); the ``collections``
wrappers that are not the builtins they wrap -- ``UserString`` (ridge_fit form, inner_advice
inner_steps, ReptileConfig batched, make_strategy and hyperparameters name, held_out_tasks
n_support, save path, restore root, check_checkpoint_path, MLP activation and dtype, Omniglot
split and dtype, omniglot load root, check_shots n_way), ``UserList`` (closed_form_meta_loss
scale, a saved state's leaf, batch_norm scale, LinearRegression mean, cross_entropy y_onehot),
``UserDict`` (first_step_change batch) and ``ChainMap`` (reptile_direction theta_T,
multitask_loss heads, make_strategy inner_lr, format_table rows, unflatten flat, split and
adam_init params, SinusoidFrequency frequency, a user family's sample_params result); an
``enum.IntFlag`` member where a count is meant; zero-size views of odd shapes (ridge_head lam
(0,), mse pred (2, 0, 1), a checkpoint weight (1, 0), a user loss's (2, 0) result); user
functions that recurse without end (inner_sgd loss, train progress) or return a generator
(a family's sample_x); files that are not what they claim (a zip holding only a text file named
.npz, two zero-byte files named as Omniglot's zips); odd command lines -- an option after the
end-of-options marker ``--`` (train, evaluate, figures), an option with one dash (``-steps``,
``-quick``, ``-only``), C and Fortran number notations (``1e-3f``, ``10L``, ``1f``, ``1d-2``,
``1d1``, ``2d1``), binary literals on options not tried so (--tasks, --support, --n-query),
two families joined by a comma or a plus, a strategy with a trailing slash; the environment
'1f' and 'one=1'.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 6,967 ids by a regex at the start of each case tuple) were
compared with every draft by token overlap (Jaccard, a few filler words left out); each pair at
0.45 or more was listed, every pair at 0.6 or more was read, and the earlier ids on the same
option or function and argument were grepped. Of 127 drafted (117, then 10 more after the
first removals, all before any run), 36 were removed as repeats before any run, e.g. ``figures
only a stem with a trailing slash`` and ``keep-freed-memory '0b1', evaluate`` (the same ids),
``evaluate n_tasks a range object`` (after ``... a range``), ``train inner-steps the word
True`` (after ``inner-steps True``), ``train seed in binary`` (after ``seed a binary
literal``), ``train set a double equals sign`` (after ``set two equals``), ``train set with a
leading space`` (after ``set with spaces``), ``keep-freed-memory 'enable', train`` (after
'enabled' under figures), the ``... under the good checkpoint file`` paths of train --out,
figures --out and save path (after ``under a file``/``through a file``), ``evaluate checkpoint
the good file with a trailing slash``, ``load path a zip holding a text file`` (after ``load a
zip with a text member beside the arrays``), the zero-size views of MLP.apply x, batch_norm h,
population_statistics x, interval values and save meta_losses (after ``empty``/``with no
rows``/``2-D``), a NumPy string scalar where a plain string had been tried (adapt.after
n_steps, with_test_time inner_lr, format_interval half_width, task_rng i, save seed, per_task
n_tasks, adam_update lr, GaussianClusters and Omniglot n_way, ClosedFormConfig learn_scale),
``load meta/step a string array``, ``load meta/seed a float16 infinity`` (after ``... a
float16``), a user family's target and metric recursing (after ``... raises``, as the
thirty-ninth battery judged StopIteration), ``Omniglot data a ChainMap`` and ``finn_split
characters a ChainMap`` (after a defaultdict and a dict), ``Omniglot rotate an IntFlag``
(after ``family rotate 1``), ``mse y a ChainMap`` (after ``mse y a dict``). Kept although a
pair reached 0.6, as another kind on that argument: ``compare adapt-steps with a C float
suffix`` (earlier: a float), ``ReptileConfig check batched a UserString`` (earlier: a string;
a UserString is not a str), ``NewtonHeadConfig check lam a datetime64`` and ``MultitaskConfig
check head_seed a datetime64`` (earlier: NaN, -1, negative, a Decimal), ``train n_steps a
range object`` and ``Omniglot n_train a range object`` (earlier: objects with __float__),
``adam_rows rows a datetime64 array`` (earlier: a float array), ``evaluate checkpoint a zip
holding a text file`` (earlier: a plain text file), ``split params a ChainMap`` and
``batch_norm scale a UserList`` (earlier ``split params``/``batch_norm scale`` are other
faults). Redrafted before any run: ``multitask_loss heads a zero-size view`` (it would also
have been "one array", tried) is ``... heads a ChainMap of its two arrays``, and
``closed_form_meta_loss`` takes the body's parameters. 91 written. Mentions: the argument's
name as in the signature (the dashed option on the command line, the entry's name in a
checkpoint) and the value's repr where short (``'0.01'``, ``'1f'``), else the type's name
(``range``, ``datetime64``, ``ChainMap``, ``UserDict``, ``RecursionError``, ``generator``,
the shape of a zero-size view).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (2, 3)`` were kept (``_kept``): 59 of the 91.
After the first run a case could only be dropped or corrected, never added or swapped.

Dropped (``DROPPED``, 9; 5 of them kept): the seven ``... an IntFlag member`` cases
(anil_meta_grad and fine_tune_tasks inner_steps, ScratchConfig n_query, PretrainedConfig
n_support, evaluate chunk_size, Sinusoid sample n_tasks, check_shots n_query; 6 silent, 1
unclear) -- valid: a member holding a valid count is an int subclass equal to that int (the
fields are annotated ``int``), as the thirty-fourth battery dropped ``save seed a bool-like int
subclass``; ``check_shots n_query`` also had a second fault (n_support 1 for n_way 5);
``batch_norm scale a UserList`` and ``LinearRegression mean a UserList`` (silent, not kept) --
valid: the docstrings give a shape ((features,)) or a pair (the default is a tuple), not a
type, and a UserList of the right length is such a sequence (same results as an array).

Corrected after the first run (cases wrong in themselves): ``check_step max_ratio a
datetime64`` (old/new were lists, not ``{"params": [...]}``, and then advice was empty: now
both valid, only max_ratio bad); ``adam_rows rows a datetime64 array`` (its state had one step
count, not one per row: now the fifth battery's ``_rows_state``); ``check_shots n_way a
UserString`` (n_support 1 for n_way 5: now 5 and 5). Mentions corrected to the rule "the repr
for short values" (they asked for the type name, but a UserString's or UserList's repr is its
content's): ``'1'``, ``'True'``, ``'5'``, ``[1.0]``, ``[1.0, 2.0]``, ``'auto'``; and ``got
'maml'``, ``got 'relu'``, ``got 'float64'``, ``got 'train'``, ``got 'float32'`` where the
bare repr also stands in the message's list of choices (a match by accident). Long values
keep the type's name (save path, check_checkpoint_path, restore root, omniglot load root).
Left as written: ``restore root a UserString`` (not kept; refused because any root is wrong
for a sinusoid checkpoint, so it has two faults; no cheap omniglot checkpoint was at hand --
the thirty-second battery's ``restore root a generator`` likewise).

First run at 3bbaf22 (about 2.3 s as a script, 4 s under pytest), before the drops and
corrections: kept, 44 of 59 clear (74.6%), 10 unclear (16.9%), 5 silent (8.5%), 0 data loss --
cli train 5/5, cli evaluate/compare/demo 5/5, cli figures 2/2, environment 2/2, meta functions
7/11, strategies 5/8, evaluate and train 3/5, checkpoints 5/5, nn/optim/batchnorm 3/5, task
families 5/6, omniglot 2/5; written, 66 of 91 clear (72.5%), 16 unclear (17.6%), 9 silent
(9.9%), 0 data loss -- 8/8, 9/9, 2/2, 2/2, 12/18, 8/12, 5/7, 7/8, 3/7, 6/10, 4/8. Of the 25
misses, 9 were the dropped valid cases, 3 the cases corrected for a second fault and 9 the
UserString/UserList mentions corrected to the repr rule. After them: kept, 52 of 54 clear
(96.3%), 1 unclear (1.9%), 1 silent (1.9%), 0 data loss -- cli train 5/5, cli
evaluate/compare/demo 5/5, cli figures 2/2, environment 2/2, meta functions 9/10, strategies
6/6, evaluate and train 4/4, checkpoints 5/5, nn/optim/batchnorm 5/5, task families 5/6,
omniglot 4/4. Written, 78 of 82 clear (95.1%), 3 unclear (3.7%), 1 silent (1.2%), 0 data loss
-- 8/8, 9/9, 2/2, 2/2, 15/16, 10/10, 6/6, 7/8, 6/6, 6/8, 7/7. No checkpoint was lost or
changed. Every range, np.str_, datetime64, ChainMap, UserDict, recursing-callable, generator,
damaged-file, command-line and environment case was clear.

Not clear, kept:
- ``ridge_fit form a UserString`` (``UserString('auto')``): silent -- the fit is made as with
  'auto'. Arguable: the value compares equal to 'auto' and the result is right, but
  make_strategy, MLP, Omniglot and the configs refuse a UserString where a name is meant.
- ``mse pred a zero-size (2, 0, 1) view`` (tasks with no points): unclear -- ValueError "mean:
  no entries to average over axis=(-2, -1) of an input of shape (2, 0, 1)" names an inner
  ``mean``, not mse or pred.
Not clear, written and not kept: ``cross_entropy y_onehot a UserList`` (a nested UserList of
the right shape): unclear -- a bare TypeError "list indices must be integers or slices, not
tuple" from inside (whether a UserList is valid there or not, nothing names y_onehot);
``restore root a UserString``: unclear as written (two faults, see above).
Clear but worth a look: where a UserString is refused by its content's repr (make_strategy and
hyperparameters name, inner_advice inner_steps, held_out_tasks n_support, MLP activation and
dtype, Omniglot split and dtype, check_shots n_way), the message says e.g. "name must be the
name of a strategy (a string), one of [..., 'maml', ...], got 'maml'" -- the user sees the
valid value refused, with no word that its type (UserString) is the fault; ReptileConfig,
save path, check_checkpoint_path, omniglot load root and save's state leaf do name the type.

Measured on main at 76611fd (3bbaf22 plus round 25, made with sight of the forty-first
battery only): the same, kept 52 of 54 clear (96.3%), 1 unclear, 1 silent, 0 data loss;
written, 78 of 82. Round 26 (with sight of this file, so not blind): Chapter 2's choice of a
name (``form``, ``head_init``) must be a str, as the configs require (a UserString that
compares equal had been taken); a loss's targets or predictions with no points or no outputs
are refused by the loss, not by an inner ``mean``; targets of another type than an array, a
Tensor or nested lists (a UserList) are refused by type, and nested lists of one-hot targets
now work. After it: all 54 kept clear, and 81 of the 82 written (left: ``restore root a
UserString``, which has two faults, as its writer said: any root is wrong for a sinusoid
checkpoint).
"""

import enum
import zipfile
from collections import ChainMap, UserDict, UserList, UserString

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import check_shots, finn_split
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.baselines import PretrainedConfig, ScratchConfig
from scratchmeta.meta.checkpoint import check_checkpoint_path, restore, unflatten
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import format_table, held_out_tasks, select_test_time
from scratchmeta.meta.guard import check_step, inner_advice
from scratchmeta.meta.maml import FOMAMLConfig, MAMLConfig, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.multitask import MultitaskConfig, multitask_loss
from scratchmeta.meta.newton_head import NewtonHeadConfig
from scratchmeta.meta.normalization import first_step_change, sharpness
from scratchmeta.meta.r2d2 import R2D2Config
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import ReptileConfig, fine_tune_tasks, reptile_direction
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import newton_solve, softmax_head_unrolled
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _evaluate, _good, _set, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_main, battery_params,
                                  kept_cases)
from test_bad_inputs_fifth import _evaluate_call, _features, _rows_state, _save
from test_bad_inputs_fourth import _maml
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _family_with, _fig, _m, _p
from test_bad_inputs_fifteenth import _load_damaged
from test_bad_inputs_twentyfourth import _data, _omni

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"


# --- objects the cases use -------------------------------------------------------------------

class Count(enum.IntFlag):
    """A user's flag type: ``Count.TWO`` is an int 2 that is not a plain count."""
    ONE = 1
    TWO = 2
    FIVE = 5


S = np.str_                                 # a NumPy string scalar holding a number
DAY = np.datetime64("2026-01-01")           # a calendar date where a number is meant


def _empty(*shape):
    """A zero-size view of an odd shape (a slice that came out empty)."""
    return np.ones(tuple(n if n else 3 for n in shape))[tuple(
        slice(0, n) for n in shape)]


def _recurses(*args, **kwargs):
    """A user's function that recurses without end (RecursionError)."""
    return _recurses(*args, **kwargs)


def _gen(*args, **kwargs):
    """A user's function that returns a generator of rows, not an array."""
    return (row for row in np.zeros((2, 5, 1)))


def _zip_of_text(d):
    """A zip named like a checkpoint whose one member is a text file, not an array."""
    path = d / "notes.npz"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "not a checkpoint")
    return path


def _under_file(d):
    """A path whose parent is the good checkpoint (a file where a folder is meant)."""
    return _good(d) / "run.npz"


def _zero_byte_zips(d):
    """A fake Omniglot root holding two zero-byte files named as its zips."""
    root = d / "zero_zips"
    root.mkdir(exist_ok=True)
    for name in ("images_background", "images_evaluation"):
        (root / f"{name}.zip").write_bytes(b"")
    return root


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("train meta-lr after the end-of-options marker", _train("--", "--meta-lr", "0.01"),
     ["--meta-lr", "0.01"]),
    ("train meta-lr with a C float suffix 1e-3f", _train("--meta-lr", "1e-3f"),
     ["--meta-lr", "1e-3f"]),
    ("train inner-lr in Fortran double notation 1d-2", _train("--inner-lr", "1d-2"),
     ["--inner-lr", "1d-2"]),
    ("train option with a single dash -steps", _train("-steps", "2"), ["-steps"]),
    ("train family two names joined by a comma", _train("--family", "sinusoid,linear"),
     ["--family", "sinusoid,linear"]),
    ("train checkpoint-every with a C long suffix 10L", _train("--checkpoint-every", "10L"),
     ["--checkpoint-every", "10L"]),
    ("train log-every in Fortran notation 1d1", _train("--log-every", "1d1"),
     ["--log-every", "1d1"]),
    ("train n-query in binary 0b101", _train("--n-query", "0b101"), ["--n-query", "0b101"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint a zip holding a text file", _evaluate(_zip_of_text),
     ["--checkpoint", "notes.npz"]),
    ("evaluate tasks in binary 0b100", _evaluate(_good, "--tasks", "0b100"),
     ["--tasks", "0b100"]),
    ("evaluate steps after the end-of-options marker", _evaluate(_good, "--", "--steps", "1"),
     ["--steps", "1"]),
    ("compare adapt-steps with a C float suffix", _compare("--adapt-steps", "1f"),
     ["--adapt-steps", "1f"]),
    ("compare family two names joined by a plus", _compare("--family", "sinusoid+linear"),
     ["--family", "sinusoid+linear"]),
    ("compare eval-seed in Fortran notation", _compare("--eval-seed", "2d1"),
     ["--eval-seed", "2d1"]),
    ("compare strategies a name with a trailing slash", _compare("--strategies", "maml/"),
     ["--strategies", "maml/"]),
    ("demo an option with a single dash -quick", lambda d: ["demo", "-quick"], ["-quick"]),
    ("evaluate support in binary", _evaluate(_good, "--support", "0b101"),
     ["--support", "0b101"]),
]

CLI_FIGURES_CASES = [
    ("figures only a stem after the end-of-options marker", _fig("--", "--only", "fig22_1"),
     ["--only"]),
    ("figures only given with a single dash -only", _fig("-only", "fig22_1"), ["-only"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory a one with a C suffix '1f', compare", _compare(), [VAR, "'1f'"],
     {VAR: "1f"}),
    ("keep-freed-memory 'one=1', figures", _fig("--only", "fig22_1"), [VAR, "'one=1'"],
     {VAR: "one=1"}),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_loss inner_steps a range object", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=range(1, 2)), ["inner_steps", "range"]),
    ("meta_grad inner_lr a NumPy string scalar", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=S("0.01"), inner_steps=1), ["inner_lr", "'0.01'"]),
    ("inner_sgd loss recursing without end", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, loss=_recurses), ["loss", "RecursionError"]),
    ("anil_meta_grad inner_steps an IntFlag member", lambda d: anil_meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=Count.TWO), ["inner_steps", "Count"]),
    ("ridge_fit form a UserString", lambda d: ridge_fit(
        *_features(), 0.1, form=UserString("auto")), ["form", "'auto'"]),
    ("ridge_head lam a zero-size array", lambda d: ridge_head(
        *_features(), _empty(0)), ["lam", "(0,)"]),
    ("newton_solve tol a datetime64", lambda d: newton_solve(
        _features()[0][0], _features()[1][0], 0.1, tol=DAY), ["tol", "datetime64"]),
    ("newton_solve max_steps a range object", lambda d: newton_solve(
        _features()[0][0], _features()[1][0], 0.1, max_steps=range(100)),
     ["max_steps", "range"]),
    ("softmax_head_unrolled n_steps a NumPy string scalar", lambda d: softmax_head_unrolled(
        *_features(), 0.1, S("3")), ["n_steps", "'3'"]),
    ("closed_form_meta_loss scale a UserList", lambda d: closed_form_meta_loss(
        _p()[:2], _b(), _m(), lam=0.1, scale=UserList([1.0])), ["scale", "[1.0]"]),
    ("fine_tune_tasks inner_steps an IntFlag member", lambda d: fine_tune_tasks(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=Count.FIVE), ["inner_steps", "Count"]),
    ("reptile_direction theta_T a ChainMap", lambda d: reptile_direction(
        _p(), ChainMap({"w": 1.0})), ["theta_T", "ChainMap"]),
    ("subset_meta_loss rng a range object", lambda d: subset_meta_loss(
        _p(), _b(), _m(), range(3), subset_size=2, inner_lr=0.01, inner_steps=1),
     ["rng", "range"]),
    ("multitask_loss heads a ChainMap of its two arrays", lambda d: multitask_loss(
        _p()[:2], ChainMap({"w": np.ones((2, 8, 1)), "b": np.ones((2, 1))}), _b().x_support,
        _b().y_support, _m()), ["heads", "ChainMap"]),
    ("sharpness iterations a NumPy string scalar", lambda d: sharpness(
        _p(), _b(), _m(), iterations=S("20")), ["iterations", "'20'"]),
    ("first_step_change batch a UserDict of its fields", lambda d: first_step_change(
        _p(), UserDict(_b()._asdict()), _m()), ["batch", "UserDict"]),
    ("check_step max_ratio a datetime64", lambda d: check_step(
        {"params": [np.ones(2)]}, {"params": [np.ones(2)]}, 1.0, step=1, advice="lower inner_lr",
        max_ratio=DAY),
     ["max_ratio", "datetime64"]),
    ("inner_advice inner_steps a UserString", lambda d: inner_advice(
        UserString("1"), 0.01), ["inner_steps", "'1'"]),
]

STRATEGY_CASES = [
    ("MAMLConfig check inner_steps a range object", lambda d: MAMLConfig(
        inner_steps=range(1, 2)).check(), ["inner_steps", "range"]),
    ("FOMAMLConfig check meta_lr a NumPy string scalar", lambda d: FOMAMLConfig(
        meta_lr=S("0.001")).check(), ["meta_lr", "'0.001'"]),
    ("ReptileConfig check batched a UserString", lambda d: ReptileConfig(
        batched=UserString("True")).check(), ["batched", "'True'"]),
    ("NewtonHeadConfig check lam a datetime64", lambda d: NewtonHeadConfig(
        lam=DAY).check(), ["lam", "datetime64"]),
    ("ScratchConfig check n_query an IntFlag member", lambda d: ScratchConfig(
        n_query=Count.FIVE).check(), ["n_query", "Count"]),
    ("make_strategy name a UserString", lambda d: make_strategy(UserString("maml")),
     ["name", "got 'maml'"]),
    ("make_strategy inner_lr a ChainMap", lambda d: make_strategy(
        "maml", inner_lr=ChainMap({"inner_lr": 0.01})), ["inner_lr", "ChainMap"]),
    ("make_family sinusoid amplitude a range object", lambda d: make_family(
        "sinusoid", amplitude=range(1, 5)), ["amplitude", "range"]),
    ("hyperparameters name a UserString", lambda d: hyperparameters(UserString("maml")),
     ["name", "got 'maml'"]),
    ("R2D2Config check scale a range object", lambda d: R2D2Config(scale=range(10)).check(),
     ["scale", "range"]),
    ("MultitaskConfig check head_seed a datetime64", lambda d: MultitaskConfig(
        head_seed=DAY).check(), ["head_seed", "datetime64"]),
    ("PretrainedConfig check n_support an IntFlag member", lambda d: PretrainedConfig(
        n_support=Count.FIVE).check(), ["n_support", "Count"]),
]

EVALUATE_CASES = [
    ("evaluate seed a NumPy string scalar", lambda d: _evaluate_call(seed=S("22")),
     ["seed", "'22'"]),
    ("held_out_tasks n_support a UserString", lambda d: held_out_tasks(
        Sinusoid(), 2, UserString("5"), 5), ["n_support", "'5'"]),
    ("select_test_time max_steps a datetime64", lambda d: select_test_time(
        *_maml(), Sinusoid(), candidates=[0.01], max_steps=DAY, n_tasks=2, n_support=5,
        n_query=5), ["max_steps", "datetime64"]),
    ("format_table rows a ChainMap", lambda d: format_table(ChainMap({"maml": 0.5})),
     ["rows", "ChainMap"]),
    ("train n_steps a range object", lambda d: train(
        make_strategy("maml", meta_batch=2), range(2), 0), ["n_steps", "range"]),
    ("train progress recursing without end", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, progress=_recurses, log_every=1),
     ["progress", "RecursionError"]),
    ("evaluate chunk_size an IntFlag member", lambda d: _evaluate_call(chunk_size=Count.TWO),
     ["chunk_size", "Count"]),
]

CHECKPOINT_CASES = [
    ("save path a UserString", lambda d: _save(d, path=UserString(str(d / "s.npz"))),
     ["path", "UserString"]),
    ("load a checkpoint whose first weight is a datetime64 array", _load_damaged(
        "dt64", _set("state/params/0", np.full((1, 40), DAY))),
     ["state/params/0", "datetime64"]),
    ("save state holding a UserList leaf", lambda d: _save(
        d, state={"w": UserList([1.0, 2.0])}), ["w", "[1.0, 2.0]"]),
    ("restore root a UserString", lambda d: restore(_good(d), root=UserString(ROOT)),
     ["root", "UserString"]),
    ("check_checkpoint_path path a UserString", lambda d: check_checkpoint_path(
        UserString(str(d / "c.npz"))), ["path", "UserString"]),
    ("unflatten flat a ChainMap", lambda d: unflatten(ChainMap({"params/0": np.ones(2)})),
     ["flat", "ChainMap"]),
    ("load a checkpoint whose meta/seed is a datetime64", _load_damaged(
        "seeddt", _set("meta/seed", np.array(DAY))), ["meta/seed", "datetime64"]),
    ("load a checkpoint whose first weight is a zero-size (1, 0) array", _load_damaged(
        "w0empty", _set("state/params/0", np.ones((1, 40))[:, :0])),
     ["state/params/0", "(1, 0)"]),
]

NN_CASES = [
    ("MLP activation a UserString", lambda d: MLP((1, 4, 1), activation=UserString("relu")),
     ["activation", "got 'relu'"]),
    ("split params a ChainMap", lambda d: split(ChainMap({"w": np.ones(2)})),
     ["params", "ChainMap"]),
    ("adam_rows rows a datetime64 array", lambda d: adam_rows(
        [np.ones((3, 2))], _rows_state(), [np.ones((3, 2))], np.array([DAY]), 1e-3),
     ["rows", "datetime64"]),
    ("batch_norm scale a UserList", lambda d: batch_norm(
        np.ones((4, 3)), scale=UserList([1.0, 1.0, 1.0])), ["scale", "UserList"]),
    ("finn_init rng a range object", lambda d: finn_init(range(3), (1, 4, 1)),
     ["rng", "range"]),
    ("MLP dtype a UserString", lambda d: MLP((1, 4, 1), dtype=UserString("float64")),
     ["dtype", "got 'float64'"]),
    ("adam_init params a ChainMap", lambda d: adam_init(ChainMap({"w": np.ones(2)})),
     ["params", "ChainMap"]),
]

TASK_CASES = [
    ("a user family whose sample_x returns a generator", lambda d: _evaluate_call(
        family=_family_with(sample_x=_gen)), ["sample_x", "generator"]),
    ("a user family whose loss returns a zero-size array", lambda d: _evaluate_call(
        family=_family_with(loss=lambda pred, y: np.zeros((2, 0)))), ["loss", "(2, 0)"]),
    ("Sinusoid phase a range object", lambda d: Sinusoid(phase=range(0, 4)),
     ["phase", "range"]),
    ("LinearRegression mean a UserList", lambda d: LinearRegression(
        mean=UserList([1.0, 0.5])), ["mean", "UserList"]),
    ("SinusoidFrequency frequency a ChainMap", lambda d: SinusoidFrequency(
        frequency=ChainMap({"lo": 0.5, "hi": 2.0})), ["frequency", "ChainMap"]),
    ("mse pred a zero-size (2, 0, 1) view", lambda d: mse(_empty(2, 0, 1), np.zeros((2, 0, 1))),
     ["pred", "(2, 0, 1)"]),
    ("accuracy y_onehot a datetime64 array", lambda d: accuracy(
        np.zeros((2, 3, 4)), np.full((2, 3, 4), DAY)), ["y_onehot", "datetime64"]),
    ("Sinusoid sample n_tasks an IntFlag member", lambda d: Sinusoid().sample(
        np.random.default_rng(0), Count.TWO, 5, 5), ["n_tasks", "Count"]),
    ("cross_entropy y_onehot a UserList", lambda d: cross_entropy(
        np.zeros((1, 2, 3)), UserList([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])),
     ["y_onehot", "UserList"]),
    ("a user family whose sample_params returns a ChainMap", lambda d: _evaluate_call(
        family=_family_with(sample_params=lambda self, rng, n: ChainMap(
            {"amplitude": np.ones(n), "phase": np.zeros(n)}))), ["sample_params", "ChainMap"]),
]

OMNIGLOT_CASES = [
    ("Omniglot split a UserString", lambda d: _omni(split=UserString("train")),
     ["split", "got 'train'"]),
    ("Omniglot dtype a UserString", lambda d: _omni(dtype=UserString("float32")),
     ["dtype", "got 'float32'"]),
    ("Omniglot n_train a range object", lambda d: _omni(n_train=range(1100)),
     ["n_train", "range"]),
    ("finn_split n_validation a datetime64", lambda d: finn_split(
        _data().alphabets, _data().characters, n_validation=DAY), ["n_validation", "datetime64"]),
    ("check_shots n_query an IntFlag member", lambda d: check_shots(5, 2, 1, Count.FIVE),
     ["n_query", "Count"]),
    ("omniglot load root a UserString", lambda d: omniglot_data.load(
        UserString(ROOT), progress=False), ["root", "UserString"]),
    ("omniglot load root holding two zero-byte zips", lambda d: omniglot_data.load(
        _zero_byte_zips(d), cache_dir=d / "cache", progress=False), ["images_background.zip"]),
    ("check_shots n_way a UserString", lambda d: check_shots(UserString("5"), 2, 5, 5),
     ["n_way", "'5'"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "cli: figures": CLI_FIGURES_CASES, "environment (cli)": ENV_CLI_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
INT_SUBCLASS = ("valid: an IntFlag member holding a valid count is an int subclass equal to that "
                "int (the field is annotated int); as the thirty-fourth battery's dropped "
                "'save seed a bool-like int subclass', nothing is wrong with it")
DROPPED = {
    "anil_meta_grad inner_steps an IntFlag member": INT_SUBCLASS,
    "fine_tune_tasks inner_steps an IntFlag member": INT_SUBCLASS,
    "ScratchConfig check n_query an IntFlag member": INT_SUBCLASS,
    "PretrainedConfig check n_support an IntFlag member": INT_SUBCLASS,
    "evaluate chunk_size an IntFlag member": INT_SUBCLASS,
    "Sinusoid sample n_tasks an IntFlag member": INT_SUBCLASS,
    "check_shots n_query an IntFlag member": INT_SUBCLASS + " (as written it also had a "
        "second fault, n_support 1 for n_way 5)",
    "batch_norm scale a UserList": "valid: batch_norm's docstring gives scale's shape, "
        "(features,), not its type, and a UserList of 3 floats is a sequence of that shape "
        "(the result is the same as with an array)",
    "LinearRegression mean a UserList": "valid: mean is a pair (its default is the tuple "
        "(1.0, 0.5)) and a UserList of two floats is a sequence of two numbers",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (2, 3)."""
    return kept_cases(cases, (2, 3), DROPPED)


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


def test_the_fortieth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fortieth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
