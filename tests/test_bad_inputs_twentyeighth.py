"""A twenty-eighth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, the figure modules stubbed for the CLI's
``figures`` cases, the environment set where a case gives one). Written blind, in a worktree at
commit d86b565, from the user's side only: the README; ``--help`` of the command line and of
``train``, ``evaluate``, ``compare``, ``figures`` and ``demo`` (with its note that an option
given twice takes the last value, except ``--set``, ``--strategies`` and ``--only``); the public
names and signatures of ``meta.ridge``, ``softmax_head``, ``r2d2``, ``maml``, ``anil``,
``reptile``, ``subset``, ``adapt``, ``guard``, ``normalization``, ``exploding``,
``newton_head``, ``maml_low_rank``, ``checkpoint``, ``training``, ``evaluate``, ``compare``,
``registry``, ``closed_form``, ``multitask``, ``nn``, ``optim``, ``batchnorm``, ``tasks``,
``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``; after the first run (to
judge the misses), the docstrings of ``memory.opt_out_value``, the ``memory`` module,
``R2D2Config`` and ``restore``; and the earlier batteries' ids, case layout and shared helpers.
Not read: the body of any validation code (``checks.py``, ``_checks.py``, ``check_*``,
``protocol.py``), the library's history, anything of /work/main. No ``__main__`` module was
imported.

Areas (the command line and the library's Chapter 2 side; the engine, gradcheck, samplers,
diagnostics, testing kit, figures helpers and memory functions are another writer's), as
written: ``train`` on the command line (18), ``evaluate``, ``compare`` and the other
subcommands (11), ``figures`` options (4, stubbed), ``SCRATCHMETA_KEEP_FREED_MEMORY`` under the
command line (3), Chapter 2's functions (ridge, softmax and R2-D2 heads, inner SGD, the
MAML/ANIL/Reptile/subset losses, adapt, normalization, exploding, Newton head, low-rank MAML:
28), strategies, their configs and the registry (21), evaluate/train/compare in the library
(12), checkpoints (16), nn/optim/batchnorm (9), task families, losses and user-defined
families (9), Omniglot loaders and families (5): 136.

Kinds of bad value, each chosen to be new on the function and argument it hits (the earlier
batteries, 5,775 ids, cover these areas densely, so the kinds lean on what they had not tried
there): Ellipsis (``features``, ``inner_lr``, ``subset_size``, ``meta_batch``, ``name``,
``seed``, ``checkpoint``, ``path``, ``rng``, ``params``, ``n_support``, ``n_way``, ``root``),
Decimals and Decimal NaN (``lam``, ``inner_steps``, ``inner_lr``, ``n_query``, ``seed``,
``mean``, ``beta1``, ``n_validation``), Fractions (``n_support``, ``n_steps``, ``seed``,
``head_meta_lr``, ``max_steps``, ``meta_steps``, ``sizes``, ``frequency``), masked scalars and
a masked pair (``tol``, ``inner_lr``, ``inner_steps``, ``n_query``, ``mean``), generators
(``offset``, ``trainable``, ``n_steps``, ``subset_size``, ``log_every``, ``grads``, ``phase``,
``rotate``), timedelta64 (``phi_query`` as datetime64, ``scale``, ``inner_steps``, a state leaf,
``meta_losses`` in a file, ``logits``), sets and dicts (``lam``, ``inner_lrs``, ``changes``,
``batch``, ``evaluation``, a name), bytes (``head_init``, a family name), complex (``lam``,
``scale``), callables and classes where a value is meant (``meta_lr``, ``family``,
``cache_dir``, ``np.ndarray`` as ``loss``, ``MLP`` as ``model``), user callables that return
the wrong thing (a loss returning a string or None, a family's ``target`` returning None or a
tuple, ``sample_x`` returning a flat list), inconsistent combinations (``subset_size`` above
``n_support``, ``--inner-steps`` for r2d2, ``--lam`` for reptile, ``--resume`` with no run),
damaged checkpoints (a member stored twice in the zip, an empty file, ``meta/config`` a JSON
number, ``meta/seed`` a word or a vector, ``meta/format`` with a trailing space,
``meta/changes`` a JSON object, ``meta/meta_losses`` of timedeltas, Adam moments of strings or
transposed, an unknown ``meta/strategy``, a path ending ``.npz.``), and for the command line
number spellings not tried there (a trailing dot, a thousands separator, e-notation for a seed,
binary, a Roman numeral, a Unicode minus, a superscript, full-width digits, ``True``/``False``
for seeds, a JSON list in ``--set``), misspelled names and ``--only`` stems with a version
suffix, a trailing dot, a question mark or an inner space; for the environment variable 'y', a
tab and a one after a no-break space. Read-only and non-contiguous arrays and float32 were not
used as bad values.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_meta_data.py``, the sixteenth to twenty-seventh included: 5,775
distinct ids read by a regex) were compared with each draft by a token-overlap (Jaccard)
search; every pair at 0.5 or more was read, and the earlier ids were also grepped by function
and argument. Of 279 cases drafted in three rounds (151, then 122, then 6), 143 repeated an
earlier case's substance (same function, same argument, same kind of value) and were removed --
e.g. ``inner-lr with a decimal comma``, ``dtype float16``, ``r2d2_logits scale NaN``,
``make_family clusters n_way 1``, ``save meta_losses 2-D`` and ``family dtype int8`` (the same
ids exist), ``evaluate split misspelled`` (as ``... misspelt``), ``softmax_head tol negative``
(as ``softmax_head tol -1``), ``FOMAMLConfig``/``MAML given a Reptile config`` (as ``Reptile
given a MAML config``), ``cross_entropy y_onehot holding a 2`` (as ``cross_entropy targets all
ones``), ``load params/5 0-d`` (as ``load params 0-D``) and every ``figures`` draft of the
first round (``--only`` with an unknown stem, a stem twice, a comma list; ``--out`` empty or an
existing file). That left 136 written. Mentions: the argument's name as in the signature, or
the option with its dashes, with the value's repr where it is short, or its type or dtype.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (0, 3)`` are kept (``_kept``): 79 of the 136.

Dropped (see ``DROPPED``), 2: ``keep-freed-memory a tab, compare`` (written) and
``keep-freed-memory a one after a no-break space, train`` (kept) -- not bad inputs:
``memory.opt_out_value``'s docstring says the variable is read "stripped: '0', '1' or ''",
and Python's strip removes a tab and a no-break space (the writer read that docstring only
after the first run, which found both silent).

Corrected, the case being wrong and not the library, 5: ``ridge_fit lam complex`` (written:
"lam must be a real number, got (0.1+0j)") and ``R2D2Config check scale complex`` (written:
"... got (10+0j)") expected the word 'complex' where the message shows the value's repr: they
now expect '(0.1+0j)' and '(10+0j)'; likewise ``compare cell evaluation a dict`` (written:
"got {'mean': [0.5]}, which has no mean, half_width") now expects "{'mean': [0.5]}", ``save
changes a set`` (kept: "got {'inner_lr'}") expects "{'inner_lr'}", and ``a user family whose
target returns a tuple`` (written: "_TargetTuple.target must return y of shape ... got
(array(...") expects 'target' and "got (array(" (the tuple's repr) instead of 'tuple'.

First run, at commit d86b565, as written: the 79 kept: 73 clear (92.4%), 3 unclear (3.8%), 3
silent (3.8%), 0 data loss; all 136 written: 124 clear (91.2%), 8 unclear (5.9%), 4 silent
(2.9%), 0 data loss. After the drops and the corrections: the 78 kept: 74 clear (94.9%), 2
unclear (2.6%), 2 silent (2.6%), 0 data loss; the 134 written and not dropped (``--written``):
129 clear (96.3%), 3 unclear (2.2%), 2 silent (1.5%), 0 data loss. Kept, by area
(clear/unclear/silent/data loss): cli train 10/1/0/0 of 11, cli evaluate/compare/subcommands
6/0/0/0 of 6, cli figures 2/0/0/0 of 2, environment 1/0/0/0 of 1, meta functions 17/0/0/0 of
17, strategies 11/0/1/0 of 12, evaluate and train 7/0/0/0 of 7, checkpoints 8/1/0/0 of 9,
nn/optim/batchnorm 5/0/0/0 of 5, task families 4/0/1/0 of 5, omniglot 3/0/0/0 of 3. Written,
by area: cli train 16/2/0/0 of 18, cli evaluate/compare/subcommands 11/0/0/0 of 11, cli figures
4/0/0/0 of 4, environment 1/0/0/0 of 1, meta functions 28/0/0/0 of 28, strategies 20/0/1/0 of
21, evaluate and train 12/0/0/0 of 12, checkpoints 15/1/0/0 of 16, nn/optim/batchnorm 9/0/0/0
of 9, task families 8/0/1/0 of 9, omniglot 5/0/0/0 of 5.

Kept cases not clear, with what each gave at d86b565:

* silent: ``R2D2Config check inner_lr zero`` (``R2D2Config(inner_lr=0.0).check()`` returns: a
  test-time step of 0, with which fine-tuning does nothing, is accepted); ``LinearRegression
  mean a masked pair`` (``LinearRegression(mean=np.ma.masked_array([1.0, 0.5], mask=[False,
  True]))`` is accepted, the masked entry's value read as a number).
* unclear: ``lam for reptile`` ("error: strategy Reptile has no hyperparameter 'lam'; it takes
  [...]": refused with the reason, but naming the hyperparameter, not the ``--lam`` option the
  user gave); ``restore a missing file`` (``FileNotFoundError: no checkpoint at
  '.../missing28.npz'``: clear in words, but a FileNotFoundError, not the ValueError or
  TypeError the classifier asks of a library call).

Written and not kept, also not clear: unclear ``inner-steps for r2d2`` ("error: strategy R2D2
has no hyperparameter 'inner_steps': the head is fitted in closed form ...": the reason is
given, the ``--inner-steps`` option is not named). The misses sit in a test-time step of 0 for
R2-D2, a masked entry in a family's range argument, the CLI naming a refused flag by its
hyperparameter's name rather than the option, and the type of the error for a missing file.
``python tests/test_bad_inputs_twentyeighth.py`` prints the rates by area (about 2.5 s, and as
much with ``--written``); pytest about 5 s, with 4 failures expected as ``NOT_CLEAR_YET`` is
left empty for the lead. The battery's writer did not change the library.

Measured on main (round 19 began only after this file was read, so as written): the same,
74 of the 78 kept clear (94.9%), 2 unclear, 2 silent, 0 data loss. With the twenty-ninth (57
of 65, 7 unclear, 1 silent) this last blind pair gives 131 of 143 kept clear (91.6%), 9
unclear, 3 silent, 0 data loss. Round 19 (with sight of both, so not blind): a flag that does
not apply to the strategy is named as the flag (``--lam``); a family's number pair refuses a
masked entry; a missing checkpoint is a ``MissingCheckpoint``, both FileNotFoundError and
ValueError. Left, with its reason in ``NOT_CLEAR_YET``: R2D2's test-time ``inner_lr`` of 0,
valid (no fine-tuning). After it: 77 of the 78 kept clear, 133 of the 134 written.
"""

import json
import zipfile
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import finn_split
from scratchmeta.meta import adapt, compare
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import (check_checkpoint_path, flatten, load_checkpoint,
                                         restore, unflatten)
from scratchmeta.meta.closed_form import ClosedFormConfig, closed_form_meta_loss
from scratchmeta.meta.evaluate import format_interval, held_out_tasks, interval, with_test_time
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norm, meta_gradient_norms
from scratchmeta.meta.maml import MAML, FOMAMLConfig, MAMLConfig, inner_sgd, meta_loss
from scratchmeta.meta.multitask import MultitaskConfig, multitask_loss
from scratchmeta.meta.newton_head import NewtonHeadConfig
from scratchmeta.meta.normalization import first_step_change, sharpness
from scratchmeta.meta.r2d2 import R2D2Config, r2d2_logits
from scratchmeta.meta.registry import (hyperparameters, make_family, make_strategy,
                                       strategy_from_config)
from scratchmeta.meta.reptile import ReptileConfig
from scratchmeta.meta.ridge import ridge_fit, with_bias
from scratchmeta.meta.softmax_head import newton_solve, softmax_head, softmax_head_unrolled
from scratchmeta.meta.subset import SubsetConfig, subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskFamily, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _evaluate, _good, _set, _train, battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import _rng
from test_bad_inputs_fifth import _adam, _data, _evaluate_call, _features, _net, _save
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare, _fresh
from test_bad_inputs_fourteenth import _b, _change, _eval_damaged, _fig, _m, _p
from test_bad_inputs_fifteenth import _load_damaged
from test_bad_inputs_twentyfourth import _omni, _select24

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
BIG = 2 ** 70


# --- objects the cases use -------------------------------------------------------------------

def _gen(values):
    return (v for v in values)


def _empty_file(folder):
    path = folder / "empty28.npz"
    path.write_bytes(b"")
    return path


def _twice_member(folder):
    """The good checkpoint with state/params/0 stored twice in the zip (the second of
    another shape)."""
    path = folder / "twice28.npz"
    import warnings
    with zipfile.ZipFile(_good(folder)) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dst.writestr("state/params/0.npy", src.read("state/params/2.npy"))
    return path


def _sub(folder, name):
    """A subfolder of the case's folder (made)."""
    path = folder / name
    path.mkdir(exist_ok=True)
    return path


class _TargetNone(TaskFamily):
    """A user's family whose target returns None."""

    def sample_params(self, rng, n_tasks):
        return rng.uniform(0.5, 2.0, size=(n_tasks, 1))

    def sample_x(self, rng, task_params, n_points):
        return rng.uniform(-5.0, 5.0, size=(len(task_params), n_points, 1))

    def target(self, task_params, x):
        return None


class _XList(_TargetNone):
    """A user's family whose sample_x returns a flat list of numbers."""

    def sample_x(self, rng, task_params, n_points):
        return [0.5] * n_points

    def target(self, task_params, x):
        return np.sin(x)


class _ParamsRaise(_TargetNone):
    """A user's family whose sample_params raises."""

    def sample_params(self, rng, n_tasks):
        raise KeyError("amplitude")

    def target(self, task_params, x):
        return np.sin(x)


class _TargetTuple(_TargetNone):
    """A user's family whose target returns a tuple (y, x)."""

    def target(self, task_params, x):
        return np.sin(x), x


def _loss_str(pred, y):
    return "0.5"


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("n-support in full-width digits", _train("--n-support", "\uff15"), ["--n-support"]),
    ("strategy misspelled mamll", _train("--strategy", "mamll"), ["mamll"]),
    ("family an empty string", _train("--family", ""), ["--family"]),
    ("set a name without a value or equals sign", _train("--set", "inner_lr"),
     ["--set", "inner_lr"]),
    ("resume with no run at out", _train("--resume"), ["--resume", "run.npz"]),
    ("inner-steps for r2d2", _train("--strategy", "r2d2", "--inner-steps", "3"),
     ["--inner-steps", "r2d2"]),
    ("seed 2**70", _train("--seed", str(BIG)), ["--seed", str(BIG)]),
    ("steps with a trailing dot", _train("--steps", "2."), ["--steps", "2."]),
    ("meta-batch with a thousands separator", _train("--meta-batch", "1,000"),
     ["--meta-batch", "1,000"]),
    ("seed in scientific notation", _train("--seed", "1e3"), ["--seed", "1e3"]),
    ("n-support a Roman numeral", _train("--n-support", "V"), ["--n-support", "'V'"]),
    ("inner-steps in binary", _train("--inner-steps", "0b10"), ["--inner-steps", "0b10"]),
    ("set a value in a JSON list", _train("--set", "inner_lr=[0.1]"), ["inner_lr", "[0.1]"]),
    ("set a name written with a dash", _train("--set", "inner-lr=0.1"), ["inner-lr"]),
    ("lam for reptile", _train("--strategy", "reptile", "--lam", "0.1"), ["--lam", "reptile"]),
    ("meta-lr with a Unicode minus", _train("--meta-lr", "\u22120.001"), ["--meta-lr"]),
    ("n-query a superscript two", _train("--n-query", "\u00b2"), ["--n-query"]),
    ("seed a boolean word", _train("--seed", "True"), ["--seed", "True"]),
]


def _note(folder):
    path = folder / "note28.txt"
    path.write_text("the omniglot zips are elsewhere\n")
    return path


CLI_OTHER_CASES = [
    ("evaluate a checkpoint whose meta/strategy is unknown", _eval_damaged(
        "strat28", _set("meta/strategy", np.array("MAMAL"))), ["meta/strategy"]),
    ("compare val-seed a word", _compare("--val-seed", "eleven"),
     ["--val-seed", "eleven"]),
    ("evaluate a checkpoint whose meta/changes is not a list", _eval_damaged(
        "chg28", _set("meta/changes", np.array('{"inner_lr": 0.1}'))), ["meta/changes"]),
    ("evaluate query a Roman numeral", _evaluate(_good, "--query", "C"), ["--query", "'C'"]),
    ("evaluate seed a boolean word", _evaluate(_good, "--seed", "False"), ["--seed", "False"]),
    ("evaluate a checkpoint whose meta/seed is a word", _eval_damaged(
        "seedstr", _set("meta/seed", np.array("zero"))), ["meta/seed"]),
    ("evaluate a checkpoint whose meta/format has a trailing space", _eval_damaged(
        "fmtsp", _set("meta/format", np.array("scratchmeta-checkpoint-2 "))), ["meta/format"]),
    ("evaluate a checkpoint whose adam m/4 is transposed", _eval_damaged(
        "m4t", _change("state/adam/m/4", lambda a: a.T.copy())), ["state/adam/m/4"]),
    ("compare tasks a Roman numeral", _compare("--tasks", "X"), ["--tasks", "'X'"]),
    ("compare val-tasks a superscript", _compare("--val-tasks", "\u00b3"), ["--val-tasks"]),
    ("compare quick with steps a word", _compare("--quick", "--steps", "many"),
     ["--steps", "many"]),
]

CLI_FIGURES_CASES = [
    ("figures only a stem with a version suffix", _fig("--only", "fig22_1_v2"),
     ["fig22_1_v2"]),
    ("figures only a stem followed by a dot", _fig("--only", "fig22_1."), ["fig22_1."]),
    ("figures only a stem with a question mark", _fig("--only", "fig22_1?"), ["fig22_1?"]),
    ("figures only a stem with a space inside", _fig("--only", "fig 22_1"), ["fig 22_1"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory a tab, compare", _compare(), [VAR], {VAR: "\t"}),
    ("keep-freed-memory a one after a no-break space, train", _train(), [VAR],
     {VAR: "\u00a01"}),
    ("keep-freed-memory 'y', evaluate", _evaluate(_good), [VAR, "'y'"], {VAR: "y"}),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("ridge_fit lam complex", lambda d: ridge_fit(*_features(), 0.1 + 0j), ["lam", "(0.1+0j)"]),
    ("r2d2_logits phi_query of datetimes", lambda d: r2d2_logits(
        *_features(), np.zeros((2, 6, 4), dtype="datetime64[s]"), 0.1),
     ["phi_query", "datetime64"]),
    ("meta_loss loss returning a string", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=_loss_str), ["loss", "'0.5'"]),
    ("anil_meta_loss inner_lr inf", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=np.inf, inner_steps=1), ["inner_lr", "inf"]),
    ("subset_meta_loss subset_size above n_support", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=10 ** 4, inner_lr=0.01, inner_steps=1),
     ["subset_size", "10000"]),
    ("first_step_change batch a tuple of arrays", lambda d: first_step_change(
        _p(), (_b().x_support, _b().y_support), _m()), ["batch"]),
    ("meta_gradient_norm loss returning None", lambda d: meta_gradient_norm(
        _p(), _b(), _m(), inner_steps=1, inner_lr=0.01, loss=lambda p, y: None),
     ["loss", "None"]),
    ("multitask_loss loss a string", lambda d: multitask_loss(
        split(_p())[0], [np.zeros((3, 40, 1)), np.zeros((3, 1))], _b().x_support,
        _b().y_support, _m(), loss="mse"), ["loss", "'mse'"]),
    ("newton_solve max_steps a Decimal", lambda d: newton_solve(
        *_features(), 0.1, max_steps=Decimal(10)), ["max_steps", "Decimal"]),
    ("ridge_fit lam a Decimal NaN", lambda d: ridge_fit(*_features(), Decimal("NaN")),
     ["lam", "NaN"]),
    ("with_bias features an Ellipsis", lambda d: with_bias(...), ["features", "Ellipsis"]),
    ("softmax_head tol a masked scalar", lambda d: softmax_head(
        *_features(), 0.1, tol=np.ma.masked_array(1e-10, mask=True)), ["tol", "mask"]),
    ("softmax_head_unrolled n_steps a Fraction", lambda d: softmax_head_unrolled(
        *_features(), 0.1, Fraction(2)), ["n_steps", "Fraction"]),
    ("r2d2_logits offset a generator", lambda d: r2d2_logits(
        *_features(), _features()[0], 0.1, offset=_gen([0.0])), ["offset", "generator"]),
    ("newton_solve lam a set", lambda d: newton_solve(*_features(), {0.1}), ["lam", "{0.1}"]),
    ("inner_sgd trainable a generator", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, trainable=_gen([True] * 6)), ["trainable", "generator"]),
    ("inner_sgd inner_lr an Ellipsis", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=...,
        inner_steps=1), ["inner_lr", "Ellipsis"]),
    ("meta_loss inner_steps a Decimal", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=Decimal(1)), ["inner_steps", "Decimal"]),
    ("anil_meta_loss loss the ndarray class", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=np.ndarray), ["loss", "ndarray"]),
    ("subset_meta_loss subset_size an Ellipsis", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=..., inner_lr=0.01, inner_steps=1),
     ["subset_size", "Ellipsis"]),
    ("adapt.steps n_steps a generator", lambda d: adapt.steps(adapt.from_theta0(
        _p(), _b(), _m(), inner_lr=0.01, loss=mse), _gen([2])), ["n_steps", "generator"]),
    ("adapt.curve batch a dict", lambda d: adapt.curve(*_fresh(), dict(_b()._asdict()), 1),
     ["batch", "dict"]),
    ("sgd_path inner_lr a masked scalar", lambda d: next(adapt.sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=np.ma.masked_array(0.01, mask=True),
        loss=mse)), ["inner_lr", "mask"]),
    ("sharpness seed a Fraction", lambda d: sharpness(_p(), _b(), _m(), seed=Fraction(1)),
     ["seed", "Fraction"]),
    ("meta_gradient_norms inner_lrs a set", lambda d: meta_gradient_norms(
        _p(), _b(), _m(), [1], {0.01}), ["inner_lrs", "set"]),
    ("divergence_map meta_lr a lambda", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [1], [0.01], n_steps=1, meta_batch=2,
        meta_lr=lambda: 1e-3), ["meta_lr", "lambda"]),
    ("first_step_change model the MLP class", lambda d: first_step_change(_p(), _b(), MLP),
     ["model", "MLP"]),
    ("closed_form_meta_loss scale a timedelta", lambda d: closed_form_meta_loss(
        split(_p())[0], _b(), _m(), lam=0.1, scale=np.timedelta64(1, "s")),
     ["scale", "timedelta"]),
]

STRATEGY_CASES = [
    ("MAMLConfig check n_support a Fraction", lambda d: MAMLConfig(
        n_support=Fraction(10)).check(), ["n_support", "Fraction"]),
    ("NewtonHeadConfig check learn_lam None", lambda d: NewtonHeadConfig(
        learn_lam=None).check(), ["learn_lam", "None"]),
    ("R2D2Config check inner_lr zero", lambda d: R2D2Config(inner_lr=0.0).check(),
     ["inner_lr", "0.0"]),
    ("make_strategy a misspelled hyperparameter", lambda d: make_strategy(
        "maml", inner_rate=0.1), ["inner_rate"]),
    ("hyperparameters name with a trailing space", lambda d: hyperparameters("maml "),
     ["'maml '"]),
    ("MAML family a name", lambda d: MAML(MLP((1, 40, 40, 1)), "sinusoid"),
     ["family", "'sinusoid'"]),
    ("MAMLConfig check inner_lr a Decimal NaN", lambda d: MAMLConfig(
        inner_lr=Decimal("NaN")).check(), ["inner_lr", "NaN"]),
    ("MAMLConfig check meta_batch an Ellipsis", lambda d: MAMLConfig(
        meta_batch=...).check(), ["meta_batch", "Ellipsis"]),
    ("FOMAMLConfig check inner_steps a timedelta", lambda d: FOMAMLConfig(
        inner_steps=np.timedelta64(1, "s")).check(), ["inner_steps", "timedelta"]),
    ("ReptileConfig check inner_steps a masked scalar", lambda d: ReptileConfig(
        inner_steps=np.ma.masked_array(5, mask=True)).check(), ["inner_steps", "mask"]),
    ("ReptileConfig check meta_lr a lambda", lambda d: ReptileConfig(
        meta_lr=lambda: 0.1).check(), ["meta_lr", "lambda"]),
    ("ClosedFormConfig check lam a set", lambda d: ClosedFormConfig(lam={1.0}).check(),
     ["lam", "{1.0}"]),
    ("MultitaskConfig check head_init bytes", lambda d: MultitaskConfig(
        head_init=b"closed_form").check(), ["head_init", "b'closed_form'"]),
    ("MultitaskConfig check head_meta_lr a Fraction", lambda d: MultitaskConfig(
        head_meta_lr=Fraction(3, 100)).check(), ["head_meta_lr", "Fraction"]),
    ("SubsetConfig check subset_size a generator", lambda d: SubsetConfig(
        subset_size=_gen([10])).check(), ["subset_size", "generator"]),
    ("R2D2Config check scale complex", lambda d: R2D2Config(scale=10 + 0j).check(),
     ["scale", "(10+0j)"]),
    ("NewtonHeadConfig check n_query a Decimal", lambda d: NewtonHeadConfig(
        n_query=Decimal(5)).check(), ["n_query", "Decimal"]),
    ("make_strategy name an Ellipsis", lambda d: make_strategy(...), ["name", "Ellipsis"]),
    ("make_family name bytes", lambda d: make_family(b"sinusoid"), ["b'sinusoid'"]),
    ("hyperparameters name a set", lambda d: hyperparameters({"maml"}), ["{'maml'}"]),
    ("strategy_from_config a class outside scratchmeta", lambda d: strategy_from_config(
        {**json.loads(str(np.load(_good(d))["meta/config"])), "class": "os.system"}),
     ["os.system"]),
]

EVALUATE_CASES = [
    ("interval values empty", lambda d: interval(np.array([])), ["values"]),
    ("evaluate seed an Ellipsis", lambda d: _evaluate_call(seed=...), ["seed", "Ellipsis"]),
    ("evaluate n_query a masked scalar", lambda d: _evaluate_call(
        n_query=np.ma.masked_array(5, mask=True)), ["n_query", "mask"]),
    ("held_out_tasks family a lambda", lambda d: held_out_tasks(lambda: Sinusoid(), 2, 5, 5),
     ["family", "lambda"]),
    ("format_interval mean a Decimal NaN", lambda d: format_interval(Decimal("NaN"), 0.1),
     ["mean", "NaN"]),
    ("train seed a Decimal", lambda d: train(
        make_strategy("maml", meta_batch=2), 1, Decimal(0)), ["seed", "Decimal"]),
    ("train log_every a generator", lambda d: train(
        make_strategy("maml", meta_batch=2), 1, 0, log_every=_gen([1])),
     ["log_every", "generator"]),
    ("train checkpoint an Ellipsis", lambda d: train(
        make_strategy("maml", meta_batch=2), 1, 0, checkpoint=...), ["checkpoint", "Ellipsis"]),
    ("select_test_time max_steps a Fraction", lambda d: _select24(max_steps=Fraction(1)),
     ["max_steps", "Fraction"]),
    ("with_test_time inner_lr a Decimal NaN", lambda d: with_test_time(
        _fresh()[0], inner_lr=Decimal("NaN")), ["inner_lr", "NaN"]),
    ("compare cell evaluation a dict", lambda d: compare.cell({"mean": [0.5]}, 0),
     ["evaluation", "{'mean': [0.5]}"]),
    ("compare build meta_steps a Fraction", lambda d: compare.build(
        "maml", "sinusoid", Fraction(1)), ["meta_steps", "Fraction"]),
]

CHECKPOINT_CASES = [
    ("save state holding None", lambda d: _save(d, state={"w": None}), ["w", "None"]),
    ("check_checkpoint_path a .npy path", lambda d: check_checkpoint_path(d / "c.npy"),
     ["c.npy"]),
    ("load an empty file", lambda d: load_checkpoint(_empty_file(d)), ["empty28.npz"]),
    ("load a zip holding params/0 twice", lambda d: load_checkpoint(_twice_member(d)),
     ["state/params/0"]),
    ("restore a missing file", lambda d: restore(d / "missing28.npz"), ["missing28.npz"]),
    ("save path an Ellipsis", lambda d: _save(d, path=...), ["path", "Ellipsis"]),
    ("save state with a timedelta leaf", lambda d: _save(
        d, state={"w": np.ones(2).astype("timedelta64[s]")}), ["w", "timedelta"]),
    ("save changes a set", lambda d: _save(d, changes={"inner_lr"}), ["changes", "{'inner_lr'}"]),
    ("check_checkpoint_path a name ending .npz.", lambda d: check_checkpoint_path(
        d / "c.npz."), ["c.npz."]),
    ("load meta/config a JSON number", _load_damaged(
        "cfgnum", _set("meta/config", np.array("3"))), ["meta/config"]),
    ("load adam m/3 of strings", _load_damaged(
        "m3str", _change("state/adam/m/3", lambda a: a.astype(str))), ["state/adam/m/3"]),
    ("load meta/meta_losses of timedeltas", _load_damaged(
        "mltd", _change("meta/meta_losses", lambda a: a.astype("timedelta64[s]"))),
     ["meta/meta_losses"]),
    ("load meta/seed a one-element vector", _load_damaged(
        "seedvec", _set("meta/seed", np.array([0]))), ["meta/seed"]),
    ("restore path an Ellipsis", lambda d: restore(...), ["path", "Ellipsis"]),
    ("unflatten strict 'yes'", lambda d: unflatten({"params/0": np.ones(2)}, strict="yes"),
     ["strict", "'yes'"]),
    ("flatten prefix a number", lambda d: flatten({"w": np.ones(2)}, prefix=3),
     ["prefix", "3"]),
]

NN_CASES = [
    ("MLP sizes with a zero layer", lambda d: MLP((1, 0, 1)), ["sizes", "(1, 0, 1)"]),
    ("split params of odd length", lambda d: split(_p()[:-1]), ["params"]),
    ("MLP sizes holding a Fraction", lambda d: MLP((1, Fraction(8), 1)),
     ["sizes", "Fraction"]),
    ("MLP batch_norm 'yes'", lambda d: MLP((1, 8, 1), batch_norm="yes"),
     ["batch_norm", "'yes'"]),
    ("MLP init rng an Ellipsis", lambda d: MLP((1, 8, 1)).init(...), ["rng", "Ellipsis"]),
    ("adam_update beta1 a Decimal", lambda d: _adam(beta1=Decimal("0.9")),
     ["beta1", "Decimal"]),
    ("adam_update grads a generator", lambda d: _adam(
        grads=_gen([np.ones_like(p) for p in _net()[1]])), ["grads", "generator"]),
    ("batch_norm scale of timedeltas", lambda d: batch_norm(
        np.ones((2, 4, 3)), scale=np.ones(3).astype("timedelta64[s]")),
     ["scale", "timedelta"]),
    ("split params an Ellipsis", lambda d: split(...), ["params", "Ellipsis"]),
]

TASK_CASES = [
    ("mse pred and y of other point counts", lambda d: mse(
        np.ones((2, 4, 1)), np.ones((2, 5, 1))), ["pred", "y"]),
    ("a user family whose target returns None", lambda d: _TargetNone().sample(
        _rng(), 2, 5, 5), ["target", "None"]),
    ("a user family whose sample_x returns a flat list", lambda d: _XList().sample(
        _rng(), 2, 5, 5), ["sample_x"]),
    ("Sinusoid phase a generator", lambda d: Sinusoid(phase=_gen([0.0, 3.0])),
     ["phase", "generator"]),
    ("LinearRegression mean a masked pair", lambda d: LinearRegression(
        mean=np.ma.masked_array([1.0, 0.5], mask=[False, True])), ["mean", "mask"]),
    ("SinusoidFrequency frequency of Fractions", lambda d: SinusoidFrequency(
        frequency=(Fraction(1, 2), Fraction(2))), ["frequency", "Fraction"]),
    ("sinusoid sample n_support an Ellipsis", lambda d: Sinusoid().sample(_rng(), 2, ..., 5),
     ["n_support", "Ellipsis"]),
    ("cross_entropy logits of timedeltas", lambda d: cross_entropy(
        np.zeros((2, 4, 3)).astype("timedelta64[s]"), np.eye(3)[np.zeros((2, 4), int)]),
     ["logits", "timedelta"]),
    ("a user family whose target returns a tuple", lambda d: _TargetTuple().sample(
        _rng(), 2, 5, 5), ["target", "got (array("]),
]

OMNIGLOT_CASES = [
    ("family n_way an Ellipsis", lambda d: _omni(n_way=...), ["n_way", "Ellipsis"]),
    ("family rotate a generator", lambda d: _omni(rotate=_gen([90])),
     ["rotate", "generator"]),
    ("finn_split n_validation a Decimal NaN", lambda d: finn_split(
        _data().alphabets, _data().characters, n_validation=Decimal("NaN")),
     ["n_validation", "NaN"]),
    ("load root an Ellipsis", lambda d: omniglot.load(..., progress=False),
     ["root", "Ellipsis"]),
    ("load cache_dir a lambda", lambda d: omniglot.load(
        ROOT, cache_dir=lambda: d, progress=False), ["cache_dir", "lambda"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "cli: figures": CLI_FIGURES_CASES, "environment (cli)": ENV_CLI_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
_STRIPPED = ("not a bad input: memory.opt_out_value's docstring says the variable is read "
             "\"stripped: '0', '1' or ''\"; Python's strip removes a tab and a no-break space")
DROPPED = {"keep-freed-memory a tab, compare": _STRIPPED,
           "keep-freed-memory a one after a no-break space, train": _STRIPPED}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 3)."""
    return kept_cases(cases, (0, 3), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0]


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    'R2D2Config check inner_lr zero': (
        "not a bad input: a closed-form head's test-time inner_lr may be 0 (no fine-tuning of "
        "the head), as check_head_config has always allowed; now said at the field"),
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_twentyeighth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 60)


def main():
    """``python tests/test_bad_inputs_twentyeighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
