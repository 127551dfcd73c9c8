"""A thirty-sixth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 442e664, from the user's side
only: the README; ``--help`` of ``python -m scratchmeta`` and of ``train``, ``evaluate``,
``compare``, ``demo`` and ``figures``; ``__all__`` (or the public names) and the signatures of
``scratchmeta.meta`` (``adapt``, ``maml``, ``training``, ``checkpoint``, ``evaluate``,
``registry``, ``ridge``, ``newton_head``, ``normalization``, ``reptile``, ``closed_form``,
``multitask``, ``legacy``, ``guard``, ``softmax_head``, ``exploding``, ``anil``, ``r2d2``,
``subset``, ``baselines``, ``maml_low_rank``), ``nn``, ``optim``, ``batchnorm``, ``tasks``,
``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``; after the first run (to
judge the misses only) the docstrings of ``adapt.sgd_path``, ``with_test_time``,
``TaskFamily.target``, ``finn_split`` and the module docstring of ``scratchmeta.memory`` (what
``SCRATCHMETA_KEEP_FREED_MEMORY`` accepts); and the earlier batteries' ids, layout and shared
helpers (imported, not copied). Not read: the body of any validation code (``checks.py``,
``_checks.py``, ``check_*``, ``protocol.py``), the library's source beyond that, its history,
anything of /work/main. No ``__main__`` module was imported; the command line runs through the
shared helpers (``_train``, ``_evaluate``, ``_compare``, ``_fig``) and every case writes only
inside its temporary folder.

Areas (the command line and Chapter 2's side; the engine, gradcheck, samplers, diagnostics,
testing kit, figures helpers and memory functions are another writer's), as written: train on
the command line (10), evaluate, compare and the subcommands (8), figures (2, stubbed),
``SCRATCHMETA_KEEP_FREED_MEMORY`` under the command line (4), Chapter 2's functions --
meta_loss/meta_grad, sgd_path, inner_sgd, ridge and Newton/softmax heads, reptile_step,
normalization's measurements, exploding, closed_form_meta_loss (15), strategies, their configs
and the registry (11), evaluate and train in the library (10), checkpoints (6),
nn/optim/batchnorm (6), task families, losses and a user's own family (8), Omniglot (6): 86.

Kinds of bad value, chosen for what the 35 earlier batteries had not used on that function and
argument: a plain (not int) ``enum.Enum`` member (``Level``: meta_loss inner_lr, ridge_fit
form, closed_form_meta_loss scale, make_strategy name, ReptileConfig meta_lr, with_test_time
inner_lr, held_out_tasks seed, GaussianClusters and Omniglot n_way, Omniglot n_validation);
``np.True_`` where a count is meant (meta_grad inner_steps, softmax_head_unrolled n_steps,
MAMLConfig n_query, ScratchConfig meta_batch, evaluate n_support); a complex number with a zero
imaginary part (meta_loss inner_lr, ReptileConfig n_steps, ClosedFormConfig lam, train
checkpoint_every, evaluate n_query); an object whose ``__array__`` gives a 2 x 2 array where a
scalar is meant (ridge_head lam, newton_solve tol, sharpness iterations, R2D2Config scale,
per_task n_tasks); a dict subclass (``Named``) where a family, a list or an array is meant
(MAML/evaluate/held_out_tasks family, meta_gradient_norms inner_lrs, accuracy y_onehot,
Omniglot root); a ``range`` where a list, a pair, an array or a count is meant
(select_test_time candidates, evaluate chunk_size, adam_rows rows past the last row, mse y,
SinusoidFrequency x_range, finn_split characters); a ``np.str_`` number (LinearRegression
scale), a bytes name (hyperparameters), a float 2.0 count (subset_indices), a one-element list
(reptile_step meta_lr), a numpy float 5.0 (Omniglot n_way), a PCG64 bit generator (MLP.init
rng), an array of two for a scalar (batch_norm eps), a tuple holding None (adam_init), grads of
another length (adam_update), a keyword the family has not got (make_family); shapes -- a batch
of zero tasks (meta_loss), a y_query one point short (first_step_change); a user's callables
that misbehave -- apply returning a Python float (inner_sgd), a family whose target returns
integers, whose sample_params returns one task too few, whose metric returns one value per
point; checkpoints damaged in new ways -- a zero-byte file (load, evaluate --checkpoint, train
--resume --out), a text line before the zip, the good checkpoint copied to a .zip name for
--resume --out, a 0-d last bias, meta/step a float 2.5, meta/strategy a one-element vector,
state/adam/t a string, inner_lr a string inside meta/config (restore), and a state with a None
leaf saved over the good checkpoint (data loss if it were written); odd command lines -- --set
of a field that has a flag and is given by both (inner_lr), --set of a model argument
(activation) or a checkpoint field (meta_losses), a value past int64 for --checkpoint-every, a
family with a trailing slash, '2+', '...', 'default', a hex --support, a --query with a
newline, a binary --val-tasks, the help's own range notation '0..10' for evaluate --steps and
compare --adapt-steps, a gallery file's stem ('compare_mse_vs_steps') and a Windows drive
prefix for figures --only; the environment ' 0' (a leading space), '0b1', a Roman 'I' and a
hundred ones.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 6,579 ids by a regex at the start of each case tuple) were
compared with every draft by token overlap (Jaccard, a few filler words left out); each pair at
0.45 or more was listed, every pair at 0.6 or more was read, and the earlier ids on the same
option or function and argument were grepped. The command line, the configs and the
checkpoints proved heavily mined: of 175 drafted (116, then 53 and 6 more after searching, each
searched the same way), 89 were removed as repeats before any run, e.g. ``train inner-lr a C
hex float`` (after ``inner-lr hex float``), ``train seed a binary literal``, ``train steps with
a thousands comma``, ``train set seed as a hyperparameter`` (after ``set seed=3``), ``train set
an empty name``, ``train out a trailing slash``, ``train root for a sinusoid run``, ``train
dtype float32 for a sinusoid run`` (after ``dtype float32 for the linear family``), ``train
strategy with a trailing space`` (each the same id or nearly), ``compare strategies joined by
a comma``, ``compare adapt-steps with an exponent`` (after ``compare adapt-steps 1e1``), ``demo
given a positional argument``, ``evaluate checkpoint the good one gzipped``, ``figures only two
stems in one argument``, ``figures only an empty stem``, ``figures only a stem with a trailing
dot``/``... comma``, ``keep-freed-memory 'off'``/``'0.0'``/``a one with a trailing newline``
(the same values under other commands), ``meta_loss loss returning one value per point``,
``sharpness iterations a Fraction``, ``SubsetConfig check subset_size above n_support``,
``evaluate seed a Fraction``, ``train history a string``, ``with_test_time an unknown change``,
``save meta_losses a generator``, ``save path an existing folder named .npz``, ``unflatten a
key with an empty part``, ``MLP sizes a set``, ``MLP dtype float16``, ``finn_init sizes a
string``, ``Omniglot split a bytes``; and, as a kind already tried on the same argument:
``inner_sgd inner_lr an object whose __float__ is NaN`` (after ``... inner_lr NaN``),
``meta_gradient_norms Ks a frozenset`` (after ``Ks a set``), ``save seed numpy True`` (after
``save seed True``), ``save step numpy True`` (after ``save step a NumPy bool``), ``MLP apply
params``/``batch_norm offset``/``save meta_losses``/``MAML config`` a dict subclass (after a
plain dict or a config dict), ``NewtonHeadConfig learn_lam``/``adam_update eps``/``Omniglot
download`` a numpy str (after a string), ``train progress a function raising KeyError`` (after
``train progress that raises``), ``omniglot load root whose archives are zero-byte files``
(after ``load empty zips``), ``figures out and only swapped`` (same id; it would also have
written outside the folder). Kept although a pair reached 0.6, as another kind or argument:
``evaluate checkpoint a zero-byte file`` and ``load path a zero-byte file`` (earlier: a text
file, a .npy, a file URL, a path through a file, the empty string), ``ReptileConfig check
n_steps a complex`` (earlier: 0, a float, a Fraction), ``interval values a list holding a
string`` (earlier: a string), ``a user family whose metric returns one value per point``
(earlier: its loss), ``mse y a range``, ``a user family whose target returns integers``
(earlier: bools, text, None, a tuple, complex); ``keep-freed-memory '0b1', evaluate`` sits
beside the library's ``unless_opted_out '0b1'`` (the command line is another route), ``MLP
init rng a PCG64 bit generator`` beside ``init_state``'s and ``metropolis``'s bit generators,
``evaluate``/``held_out_tasks``/``MAML`` ``family a dict subclass`` beside ``make_strategy
family a dict``. 86 written. Mentions: the argument's name as in the signature (the dashed
option on the command line, the entry's name in a checkpoint) and the value's repr where short,
else the type's name (``Level``, ``ArrayLike``, ``Named``, ``range``, ``PCG64``); one-letter
names also need the repr or the type; a user's callable only its method's name.

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (1, 3)`` were kept (``_kept``): 53 of the 86.
After the first run a case could only be dropped or corrected, never added or swapped.

Dropped (``DROPPED``, 3, all kept): ``sgd_path trainable a set of indices`` (silent) --
trainable "lists the indices of the parameters that move"; a set of distinct indices names them
unambiguously and their order does not matter; ``a user family whose target returns integers``
(silent) -- "the noiseless target of each task": integers of the right shape are real numbers,
and no float dtype is asked for; ``finn_split characters a range`` (silent) -- range(10) is a
sequence of character indices as np.arange(10) is. Corrected after the first run (each case's
own fault, none in its call unless said): ``with_test_time n_steps a plain enum member`` had
two faults (n_steps is not a configuration field, the docstring's changes being fields such as
``inner_lr=0.03``): now ``with_test_time inner_lr a plain enum member``. Five asked for the
type's name where the value's repr is short and the message gives it: ``reptile_step meta_lr a
one-element list`` (now asks for ``[0.1]``, not ``list``), ``interval values a list holding a
string`` (``'2.0'``, not ``str``), ``batch_norm eps a numpy array of two`` (``array([0.001,
0.001])``, not ``(2,)``), and ``MAML``/``evaluate``/``held_out_tasks`` ``family a dict
subclass`` (``{'name': 'sinusoid'}``, not ``Named`` -- the subclass's repr is the dict's, so a
user cannot tell it from a plain dict in the message; strictly, with ``Named`` asked, the kept
rate is 45 of 50 and the written 72 of 83). Arguable, left in: the three Named cases that do
name the type (inner_lrs, y_onehot, Omniglot root) keep ``Named``.

First run at 442e664 (about 2.5 s as a script, 5 s under pytest), after the drops and the
corrections: kept, 46 of 50 clear (92.0%), 3 unclear (6.0%), 1 silent (2.0%), 0 data loss --
cli train 6/6, cli evaluate/compare/subcommands 5/5, cli figures 1/1, environment 1/2, meta
functions 7/8, strategies 7/7, evaluate and train 6/6, checkpoints 3/4, nn/optim/batchnorm 4/4,
task families 3/4, omniglot 3/3. Written, 78 of 83 clear (94.0%), 4 unclear (4.8%), 1 silent
(1.2%), 0 data loss -- cli train 10/10, cli evaluate/compare/subcommands 8/8, cli figures 2/2,
environment 3/4, meta functions 13/14, strategies 11/11, evaluate and train 10/10, checkpoints
4/6, nn/optim/batchnorm 6/6, task families 6/7, omniglot 5/5. No checkpoint was lost or
changed (the good one survived ``save over the good checkpoint a state holding a None leaf``
and every --out/--resume case). Every command-line case was clear; the misses are a message
naming the entry or the shape but not the value, and one environment value.

Not clear, kept:
- ``keep-freed-memory a zero with a leading space, demo`` (an environment value with
  whitespace): silent -- demo runs and prints its table, though the memory module's docstring
  says any value but ``0``, ``1`` or empty is a ValueError naming the variable (the same
  variable with '0b1', 'I' and a hundred ones is refused under evaluate, figures, compare).
- ``inner_sgd apply returning a Python float`` (a user callable returning the wrong type):
  ValueError "apply must return predictions of y's shape (tasks, points, outputs) = (2, 5, 1)
  ..., got shape () from <function ...>" -- names apply and the shape, not the float
  (arguably clear).
- ``load a checkpoint whose adam t is a string``: ValueError "'.../adamtstr.npz' is damaged:
  entry state/adam/t holds text (str); a checkpoint's state holds real numbers only" -- names
  the entry and the type, not the value '2' (arguably clear).
- ``mse y a range``: ValueError "mse: y must be an array of shape (..., points, outputs), got
  (5,)" -- the shape, not the range.
Not clear, written and not kept: ``load a checkpoint whose step is a float 2.5`` (unclear:
"entry meta/step must be an integer of shape (), got dtype float64 and shape ()" -- the dtype,
not 2.5; arguably clear).

Measured on main at 28fc386 (442e664 plus the thirty-seventh battery's round 23, which had
no sight of this file): the same, kept 46 of 50 clear (92.0%), 3 unclear, 1 silent, 0 data
loss; written, 78 of 83. Round 23, continued with sight of this file (not blind): a network's
apply that returns a bare number, a checkpoint's 0-d entry of the wrong kind (meta/step of
2.5, Adam's t as text) and a loss's targets given as a range are shown by value and type, not
by shape alone. The silent kept case, ``SCRATCHMETA_KEEP_FREED_MEMORY=' 0'``, is valid by
``opt_out_value``'s docstring (the value is read stripped; the thirty-first battery dropped
blanks for this reason): it is a strict xfail with that reason, and the memory module's
docstring now says "stripped" as well. After it: 49 of the 50 kept clear (that one valid),
82 of the 83 written.
"""

import enum
import json

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta import adapt
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.closed_form import ClosedFormConfig, closed_form_meta_loss
from scratchmeta.meta.evaluate import held_out_tasks, interval, select_test_time, with_test_time
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.maml import MAML, MAMLConfig, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.normalization import first_step_change, sharpness
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import ReptileConfig, reptile_step
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import newton_solve, softmax_head_unrolled
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.baselines import ScratchConfig
from scratchmeta.meta.r2d2 import R2D2Config
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import per_task, split
from scratchmeta.optim import adam_init, adam_rows
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, accuracy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _evaluate, _good, _set, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_main, battery_params,
                                  kept_cases)
from test_bad_inputs_fifth import _adam, _evaluate_call, _features, _save
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare, _fresh
from test_bad_inputs_fourteenth import _b, _family_with, _fig, _m, _p
from test_bad_inputs_fifteenth import _load_damaged
from test_bad_inputs_twentyfourth import _omni

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"


# --- objects the cases use -------------------------------------------------------------------

class Level(enum.Enum):
    """A user's plain (not int) enum, where a number or a name is meant."""
    LOW = 0.01
    MAML = "maml"


class Named(dict):
    """A user's dict subclass (say a parsed config) where a config object is meant."""


class ArrayLike:
    """An object whose ``__array__`` gives a 2 x 2 array where a scalar is meant."""

    def __array__(self, dtype=None, copy=None):
        return np.ones((2, 2))


class NaNFloat:
    """An object whose ``__float__`` is NaN."""

    def __float__(self):
        return float("nan")


class NegIndex:
    """An object whose ``__index__`` is -3."""

    def __index__(self):
        return -3


def _cfg(change):
    """Change the good checkpoint's meta/config JSON record with ``change(record)``."""
    def apply(arrays):
        record = json.loads(str(arrays["meta/config"]))
        change(record)
        arrays["meta/config"] = np.array(json.dumps(record))
    return apply


def _hyper36(name, value):
    return _cfg(lambda r: r["hyperparameters"].__setitem__(name, value))


def _batch_with(**changes):
    return _b()._replace(**changes)


def _zero_byte(d, name="empty.npz"):
    path = d / name
    path.write_bytes(b"")
    return path


def _gzip_of_good(d):
    import gzip
    path = d / "good.npz.gz"
    path.write_bytes(gzip.compress(_good(d).read_bytes()))
    return path


def _good_with_garbage_in_front(d):
    path = d / "prefixed.npz"
    path.write_bytes(b"#!not a zip\n" + _good(d).read_bytes())
    return path


def _copy_of_good(d, name):
    path = d / name
    path.write_bytes(_good(d).read_bytes())
    return path


def _progress_raises(*args, **kwargs):
    """A user's progress function with a bug: it looks up a key that is not there."""
    return {}["step"]


def _fake_omniglot_root(d, kind):
    """A folder where Omniglot's archives should be: a folder of that name, or empty files."""
    root = d / f"omni_{kind}"
    root.mkdir(exist_ok=True)
    for name in ("images_background", "images_evaluation"):
        if kind == "dirs":
            (root / f"{name}.zip").mkdir(exist_ok=True)
        else:
            (root / f"{name}.zip").write_bytes(b"")
    return root


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("train set inner_lr while --inner-lr gives another", _train(
        "--inner-lr", "0.02", "--set", "inner_lr=0.05"), ["inner_lr", "--inner-lr"]),
    ("train checkpoint-every larger than an int64", _train(
        "--checkpoint-every", str(2 ** 64)), ["--checkpoint-every", str(2 ** 64)]),
    ("train resume a zero-byte out", lambda d: _train(
        "--resume", "--out", str(_zero_byte(d)))(d), ["--out", "empty.npz"]),
    ("train family with a trailing slash", _train("--family", "sinusoid/"),
     ["--family", "sinusoid/"]),
    ("train set activation=tanh, a model argument", _train("--set", "activation=tanh"),
     ["activation"]),
    ("train set meta_losses, a checkpoint field", _train("--set", "meta_losses=1"),
     ["meta_losses"]),
    ("train steps with a trailing plus", _train("--steps", "2+"), ["--steps", "2+"]),
    ("train n-query three dots", _train("--n-query", "..."), ["--n-query", "'...'"]),
    ("train meta-lr the word default", _train("--meta-lr", "default"),
     ["--meta-lr", "default"]),
    ("train resume out the good checkpoint copied to a .zip name", lambda d: _train(
        "--resume", "--out", str(_copy_of_good(d, "good.zip")))(d), ["--out", "good.zip"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint a zero-byte file", _evaluate(_zero_byte), ["--checkpoint",
                                                                     "empty.npz"]),
    ("evaluate checkpoint with a text line before the zip", _evaluate(
        _good_with_garbage_in_front), ["--checkpoint", "prefixed.npz"]),
    ("evaluate support a hex number", _evaluate(_good, "--support", "0xA"),
     ["--support", "0xA"]),
    ("evaluate query with a trailing newline", _evaluate(_good, "--query", "5\n"),
     ["--query", "'5\\n'"]),
    ("compare val-tasks a binary literal", _compare("--val-tasks", "0b11"),
     ["--val-tasks", "0b11"]),
    ("evaluate steps written as the help's range 0..10", _evaluate(_good, "--steps", "0..10"),
     ["--steps", "0..10"]),
    ("compare adapt-steps written as the help's range 0..10", _compare(
        "--adapt-steps", "0..10"), ["--adapt-steps", "0..10"]),
    ("evaluate a checkpoint whose last bias is 0-d", _evaluate(lambda d: _damaged(
        d, "bias0d", _set("state/params/5", np.array(0.02)))),
     ["--checkpoint", "state/params/5"]),
]

CLI_FIGURES_CASES = [
    ("figures only a gallery file's stem, not a figure's", _fig(
        "--only", "compare_mse_vs_steps"), ["--only", "compare_mse_vs_steps"]),
    ("figures only a stem with a Windows drive prefix", _fig("--only", "C:fig22_1"),
     ["--only", "C:fig22_1"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory a zero with a leading space, demo", lambda d: ["demo"],
     [VAR, "' 0'"], {VAR: " 0"}),
    ("keep-freed-memory '0b1', evaluate", _evaluate(_good), [VAR, "'0b1'"], {VAR: "0b1"}),
    ("keep-freed-memory a Roman one 'I', figures", _fig("--only", "fig22_1"),
     [VAR, "'I'"], {VAR: "I"}),
    ("keep-freed-memory a hundred ones, compare", _compare(), [VAR], {VAR: "1" * 100}),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_loss inner_lr a plain enum member", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=Level.LOW, inner_steps=1), ["inner_lr", "Level"]),
    ("meta_grad inner_steps numpy True", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=np.True_), ["inner_steps", "True"]),
    ("meta_loss inner_lr a complex with zero imaginary part", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=0.01 + 0j, inner_steps=1), ["inner_lr", "0.01+0j"]),
    ("meta_loss batch with zero tasks", lambda d: meta_loss(_p(), TaskBatch(
        *(a[:0] for a in _b())), _m(), inner_lr=0.01, inner_steps=1), ["batch", "0"]),
    ("sgd_path trainable a set of indices", lambda d: next(adapt.sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=mse, trainable={0, 1})),
     ["trainable", "set"]),
    ("ridge_fit form an enum member", lambda d: ridge_fit(*_features(), 0.1, form=Level.MAML),
     ["form", "Level"]),
    ("ridge_head lam an array giving 2 x 2", lambda d: ridge_head(
        *_features(), ArrayLike()), ["lam", "ArrayLike"]),
    ("softmax_head_unrolled n_steps numpy True", lambda d: softmax_head_unrolled(
        *_features(), 0.1, np.True_), ["n_steps", "True"]),
    ("reptile_step meta_lr a one-element list", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=[0.1]), ["meta_lr", "[0.1]"]),
    ("first_step_change batch whose y_query has one point fewer", lambda d: first_step_change(
        _p(), _batch_with(y_query=_b().y_query[:, :-1]), _m()), ["y_query", "(2, 4, 1)"]),
    ("inner_sgd apply returning a Python float", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, lambda params, x: 0.5,
        inner_lr=0.01, inner_steps=1), ["apply", "float"]),
    ("newton_solve tol an array giving 2 x 2", lambda d: newton_solve(
        *_features(), 0.1, tol=ArrayLike()), ["tol", "ArrayLike"]),
    ("meta_gradient_norms inner_lrs a dict subclass", lambda d: meta_gradient_norms(
        _p(), _b(), _m(), [1], Named({0.01: 1})), ["inner_lrs", "Named"]),
    ("closed_form_meta_loss scale a plain enum member", lambda d: closed_form_meta_loss(
        split(_p())[0], _b(), _m(), lam=0.1, scale=Level.LOW), ["scale", "Level"]),
    ("sharpness iterations an array giving 2 x 2", lambda d: sharpness(
        _p(), _b(), _m(), iterations=ArrayLike()), ["iterations", "ArrayLike"]),
]

STRATEGY_CASES = [
    ("make_strategy name a plain enum member", lambda d: make_strategy(Level.MAML),
     ["name", "Level"]),
    ("MAMLConfig check n_query numpy True", lambda d: MAMLConfig(n_query=np.True_).check(),
     ["n_query", "True"]),
    ("ReptileConfig check n_steps a complex", lambda d: ReptileConfig(
        n_steps=10 + 0j).check(), ["n_steps", "10+0j"]),
    ("R2D2Config check scale an array giving 2 x 2", lambda d: R2D2Config(
        scale=ArrayLike()).check(), ["scale", "ArrayLike"]),
    ("ScratchConfig check meta_batch a numpy bool", lambda d: ScratchConfig(
        meta_batch=np.True_).check(), ["meta_batch", "True"]),
    ("hyperparameters name a bytes", lambda d: hyperparameters(b"maml"),
     ["name", "b'maml'"]),
    ("make_family a keyword the family has not got", lambda d: make_family(
        "sinusoid", frequency=(0.5, 2.0)), ["frequency"]),
    ("subset_indices subset_size a float 2.0", lambda d: subset_indices(
        np.random.default_rng(0), 2, 10, 2.0), ["subset_size", "2.0"]),
    ("MAML family a dict subclass", lambda d: MAML(_m(), Named(name="sinusoid")),
     ["family", "{'name': 'sinusoid'}"]),
    ("ReptileConfig check meta_lr a plain enum member", lambda d: ReptileConfig(
        meta_lr=Level.LOW).check(), ["meta_lr", "Level"]),
    ("ClosedFormConfig check lam a complex with zero imaginary part", lambda d: ClosedFormConfig(
        lam=1 + 0j).check(), ["lam", "(1+0j)"]),
]

EVALUATE_CASES = [
    ("evaluate n_support numpy True", lambda d: _evaluate_call(n_support=np.True_),
     ["n_support", "True"]),
    ("evaluate family a dict subclass", lambda d: _evaluate_call(family=Named(
        name="sinusoid")), ["family", "{'name': 'sinusoid'}"]),
    ("select_test_time candidates a range of ints", lambda d: select_test_time(
        *_fresh(), Sinusoid(), candidates=range(3), max_steps=1, n_tasks=2, n_support=5,
        n_query=5), ["candidates", "0"]),
    ("interval values a list holding a string", lambda d: interval([1.0, "2.0", 3.0]),
     ["values", "'2.0'"]),
    ("held_out_tasks family a dict subclass", lambda d: held_out_tasks(
        Named(name="sinusoid"), 2, 5, 5), ["family", "{'name': 'sinusoid'}"]),
    ("evaluate chunk_size a range", lambda d: _evaluate_call(chunk_size=range(2)),
     ["chunk_size", "range"]),
    ("with_test_time inner_lr a plain enum member", lambda d: with_test_time(
        _fresh()[0], inner_lr=Level.LOW), ["inner_lr", "Level"]),
    ("train checkpoint_every a complex", lambda d: train(
        make_strategy("maml", meta_batch=2), 1, 0, checkpoint=d / "c.npz",
        checkpoint_every=1 + 0j), ["checkpoint_every", "(1+0j)"]),
    ("evaluate n_query a complex with zero imaginary part", lambda d: _evaluate_call(
        n_query=5 + 0j), ["n_query", "(5+0j)"]),
    ("held_out_tasks seed a plain enum member", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, 5, seed=Level.LOW), ["seed", "Level"]),
]

CHECKPOINT_CASES = [
    ("restore a checkpoint whose inner_lr is a string in its config", lambda d: restore(
        _damaged(d, "hyperstr", _hyper36("inner_lr", "0.01"))), ["inner_lr", "'0.01'"]),
    ("load a checkpoint whose step is a float 2.5", _load_damaged("stepfloat", _set(
        "meta/step", np.array(2.5))), ["meta/step", "2.5"]),
    ("load path a zero-byte file", lambda d: load_checkpoint(_zero_byte(d)), ["empty.npz"]),
    ("load a checkpoint whose meta/strategy is a one-element vector", _load_damaged(
        "strategy1", _set("meta/strategy", np.array(["MAML"]))), ["meta/strategy", "(1,)"]),
    ("save over the good checkpoint a state holding a None leaf", lambda d: _save(
        d, path=_good(d), state={"w": np.ones(2), "b": None}), ["b", "None"]),
    ("load a checkpoint whose adam t is a string", _load_damaged("adamtstr", _set(
        "state/adam/t", np.array("2"))), ["state/adam/t", "'2'"]),
]

NN_CASES = [
    ("adam_init params a tuple holding None", lambda d: adam_init((np.ones(2), None)),
     ["params", "None"]),
    ("batch_norm eps a numpy array of two", lambda d: batch_norm(
        np.ones((4, 3)), eps=np.array([1e-3, 1e-3])), ["eps", "array([0.001, 0.001])"]),
    ("adam_update grads one fewer than params", lambda d: _adam(
        grads=[np.ones(2)]), ["grads"]),
    ("MLP init rng a PCG64 bit generator", lambda d: _m().init(np.random.PCG64(0)),
     ["rng", "PCG64"]),
    ("per_task n_tasks an array giving 2 x 2", lambda d: per_task(_p(), ArrayLike()),
     ["n_tasks", "ArrayLike"]),
    ("adam_rows rows a range past the last row", lambda d: adam_rows(
        [np.zeros((3, 2))], {"t": np.zeros(3, int), "m": [np.zeros((3, 2))],
                             "v": [np.zeros((3, 2))]}, [np.ones((2, 2))], range(2, 4), 1e-3),
     ["rows", "3"]),
]

TASK_CASES = [
    ("a user family whose target returns integers", lambda d: _evaluate_call(
        family=_family_with(target=lambda self, tp, x: np.zeros(x.shape, dtype=np.int64))),
     ["target", "int64"]),
    ("a user family whose sample_params returns one task too few", lambda d: _evaluate_call(
        family=_family_with(sample_params=lambda self, rng, n: Sinusoid().sample_params(
            rng, n)[: n - 1])), ["sample_params"]),
    ("a user family whose metric returns one value per point", lambda d: _evaluate_call(
        family=_family_with(metric=lambda self, pred, y: (pred - y)[..., 0] ** 2)),
     ["metric"]),
    ("GaussianClusters n_way a plain enum member", lambda d: GaussianClusters(
        n_way=Level.LOW), ["n_way", "Level"]),
    ("mse y a range", lambda d: mse(np.ones((2, 5, 1)), range(5)), ["y", "range"]),
    ("accuracy y_onehot a dict subclass", lambda d: accuracy(
        np.zeros((2, 3, 4)), Named(a=1)), ["y_onehot", "Named"]),
    ("LinearRegression scale a numpy str", lambda d: LinearRegression(scale=np.str_("1.0")),
     ["scale", "'1.0'"]),
    ("SinusoidFrequency x_range a range", lambda d: SinusoidFrequency(x_range=range(-5, 5)),
     ["x_range", "range"]),
]

OMNIGLOT_CASES = [
    ("Omniglot root whose archives are folders", lambda d: Omniglot(
        5, root=_fake_omniglot_root(d, "dirs")), ["images_background.zip"]),
    ("Omniglot n_way a numpy float", lambda d: _omni(n_way=np.float64(5.0)),
     ["n_way", "5.0"]),
    ("Omniglot n_way a plain enum member", lambda d: _omni(n_way=Level.LOW),
     ["n_way", "Level"]),
    ("Omniglot root a dict subclass", lambda d: Omniglot(5, root=Named(path=ROOT)),
     ["root", "Named"]),
    ("finn_split characters a range", lambda d: finn_split(
        np.zeros(10, int), range(10), n_train=5, n_validation=2), ["characters", "range"]),
    ("Omniglot n_validation a plain enum member", lambda d: _omni(n_validation=Level.LOW),
     ["n_validation", "Level"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "cli: figures": CLI_FIGURES_CASES, "environment (cli)": ENV_CLI_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "sgd_path trainable a set of indices": "valid: trainable 'lists the indices of the "
        "parameters that move' (sgd_path's docstring); a set of distinct indices names them "
        "unambiguously, and their order does not matter",
    "a user family whose target returns integers": "valid: target is 'the noiseless target "
        "of each task' (TaskFamily.target); integers are real numbers of the right shape, "
        "and nothing in the docs asks for a float dtype",
    "finn_split characters a range": "valid: characters is a sequence of character "
        "indices, and range(10) is one (an array-like of ints, as np.arange(10) would be)",
}


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
NOT_CLEAR_YET = {
    "keep-freed-memory a zero with a leading space, demo": "not a bad input by the docs: "
        "opt_out_value reads SCRATCHMETA_KEEP_FREED_MEMORY 'stripped', so ' 0' is '0', the "
        "opt-out (the thirty-first battery dropped 'spaces only' and a tab for the same "
        "reason); the memory module's docstring now says so too",
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_thirtysixth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_thirtysixth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
