"""A sixteenth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; the cases run through the eighth battery's shared ``classify_case`` (at most 30 s a
case, figure modules stubbed, an environment set where the case gives one). Written blind, from
the user's side only: the README, ``__all__`` and the public names, signatures and docstrings of
each module I called (``inspect.signature`` / ``inspect.getdoc``, the check functions' docstrings
included but never their bodies), ``--help`` of ``train``, ``evaluate``, ``compare``, ``figures``
and ``demo``, and the earlier batteries' ids and shared helpers. No ``checks.py`` body, no
``protocol.py`` body, no history, nothing of /work/main was read.

Areas (this battery's share of the work; the engine, gradcheck, samplers, diagnostics, the
testing kit, the figures helpers and the ``memory`` functions are another writer's): the command
line (``train``; ``evaluate``, ``compare`` and other subcommands; ``figures``, stubbed),
``SCRATCHMETA_KEEP_FREED_MEMORY`` under the command line, Chapter 2's functions (ridge, softmax
and R2-D2 heads, the inner loop, MAML/ANIL losses, adapt, guard, normalization, exploding),
strategies, their configs and the registry, evaluate and train, checkpoints, nn/optim/batchnorm,
task families and losses with user-defined families, and Omniglot.

Kinds of bad value, chosen to be ones earlier batteries had not used on the same argument: on the
command line a power (``2**3``) and a complex spelling (``1+0j``) of counts, ``--set`` with a
hyphenated name, a fraction for a count, a field of another strategy or a number for a word,
options given twice (``--strategy``, ``--out``, ``--checkpoint``, ``--strategies``, ``--only``,
``--out`` of figures), an option in capitals, an unknown short option, omniglot-only options for
another family (also on resume), ``--force`` over a good checkpoint with a bad size, flags that
are each valid but clash (``subset`` with ``--n-support`` below its subset size, Reptile's
``n_steps`` schedule shorter than ``--steps``, ``--val-seed`` equal to ``--eval-seed``), a
``.npy`` file, a dangling symlink and an empty zip as a checkpoint, checkpoints whose record names
an unknown family, activation, model class or hyperparameter, a family argument it does not take,
a name that disagrees with its class, a bias stored as a column, a weight transposed, a future
format; figure stems spelt as the lecture's number or with a full-width digit; the environment
variable set to '1_0', '-0', a mathematical bold one, a quoted one, a one with a zero-width space
and a one with a comment. In the library: Fraction, Decimal and bytes for numbers, generators and
sets for arrays or lists, datetimes, strings and complex numbers for arrays, 2**70, -0.0, empty
axes, classes for instances (the Sinusoid class, a RandomState for a Generator), a strategy given
another strategy's field, a model of the wrong output width, a record naming ``os.system`` as its
class, user families whose methods return None, a generator, timedeltas, complex numbers, a
string for a loss, or support and query sets of swapped sizes, a family whose ``describe`` is not
JSON, and damaged checkpoints (integer biases, a bool step, a meta/config with a key twice, a NaN
amplitude, sizes nested or of another depth, a text member in the zip, an empty output bias).
Read-only and non-contiguous arrays and float32 inputs are valid and were not used.

Repeats: every earlier id (every ``tests/test_bad_inputs_*.py`` and ``tests/sweep_*.py``, 3,916
ids read by a regex) was compared with each draft by a token-overlap (Jaccard) search; every pair
at 0.5 or more was read, and for the command line the exact argv values were grepped too (the
meta-data sweep's generated values for every option -- '', '-1', '1.5', 'x', '1e3', 30 threes,
nan, inf, 0 -- count as used). Of 445 drafted (210, then 208 replacements, 23 ideas dropped before
they were written out, 4 late figure drafts), 239 that repeated an earlier case's substance (same
function, same argument, same kind of value) were removed -- e.g. ``inner-lr 1e400``, ``--set
first_order=yes``, ``compare strategies joined by a comma``, ``figures only a stem in capitals``
and ``.png``, ``softmax_head max_steps 0``, ``sharpness iterations 0``, ``reptile n_steps 0``,
``describe None``, ``evaluate chunk_size 0``, ``load adam t a float``, ``load meta-losses 2-D``,
``adam_init of an empty list``, ``sinusoid x_range of one point``, ``family data a dict``, ``load
parts empty``, ``figures only a zero-padded stem``. The 206 left were then cut, before any run and
in the order written, to the area sizes of the brief (meta functions 22, strategies 20, evaluate
and train 13, checkpoints 22, nn/optim/batchnorm 12, Omniglot 7; the task families kept all 21
so that user-defined families stay in), leaving 165 written. Mentions: the argument's name as in
the signature (or the CLI option, the checkpoint entry, the variable), and a short value's repr.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 4)`` were kept (``_kept``): 100 of the 165. Nothing was
dropped (``DROPPED`` is empty). Corrected after the first run, the case being wrong and not the
library (written, not kept): ``adam params a set`` went through the fifth battery's ``_adam``
helper, which passes ``params`` positionally, so ``params=`` collided ("got multiple values for
argument 'params'", clear only by accident); it now calls ``adam_update`` directly. Noted, not
changed: ``figures a short option not known`` (written, not kept) is clear only because '-o' is
a substring of the '-omniglot' its message names.

First run, at commit 893b445 (after the correction above): the 100 kept: 86 clear (86.0%), 1
unclear (1.0%), 13 silent (13.0%), 0 data loss; all 165 written (``--written``): 145 clear
(87.9%), 4 unclear (2.4%), 16 silent (9.7%), 0 data loss. Below the goal of 95%. Kept, by area
(clear/unclear/silent/data loss): command line (train) 9/0/1/0 of 10, command line (evaluate,
compare, subcommands) 10/0/2/0 of 12, command line (figures) 2/0/2/0 of 4, environment (command
line) 4/0/0/0 of 4, Chapter 2's functions 11/0/2/0 of 13, strategies 12/0/0/0 of 12, evaluate and
train 8/0/0/0 of 8, checkpoints 9/0/4/0 of 13, nn/optim/batchnorm 6/0/1/0 of 7, task families
and losses 11/1/1/0 of 13, Omniglot 4/0/0/0 of 4.

Kept cases not clear, with what each gave at 893b445:

* silent, an option given twice (argparse keeps the last): ``train --out a.npz --out b.npz``
  (trained into b.npz), ``evaluate --checkpoint`` twice (the same path: scored it),
  ``compare --strategies maml --strategies reptile`` (ran reptile only), ``figures --only
  fig22_1 --only fig22_2`` (made fig22_2 only), ``figures --out`` twice (wrote into the second);
* silent: ``adapt.from_theta0`` with ``inner_lr=0`` (a path that never moves);
  ``meta_gradient_norms`` with Ks a set (read in hash order); ``adam_rows`` with ``lr=0``;
  ``load_checkpoint`` of a bias stored as int64, of a meta/config naming the family 'circles',
  of a NaN amplitude in meta/config, and of a meta/config whose JSON holds the key "name" twice;
  ``sample`` of a user family whose ``make_batch`` swaps the support and query sizes (7 support
  points returned for 5 asked);
* unclear: ``train`` (with a checkpoint) of a user family whose ``describe`` returns a set: a
  TypeError about the config not being JSON-able, ``describe`` not named.

Written and not kept, also not clear: silent ``train --strategy maml --strategy reptile`` (ran
reptile), ``evaluate`` of a checkpoint whose family class is 'LinearRegression' under the name
sinusoid (scored), ``r2d2_logits`` of soft (1/3) support targets (documented one-hot); unclear
``train --resume`` of the good checkpoint with ``--seed 5`` (names 'seed', not '--seed'),
``population_statistics`` of a network without batch norm (names the network, not ``model``),
``adam_update`` of params a set (names ``tree_flatten``'s ``tree``, not ``params``). The misses
gather in options given twice on the command line, meta/config records that ``load_checkpoint``
reads without rebuilding them, numeric zeros where a step size is meant, and user callables that
return data of the wrong size. ``python tests/test_bad_inputs_sixteenth.py`` prints the rates by
area (about 3 s; pytest about 4 s). The battery's writer did not change the library.

Rounds 9 and 10 (made without sight of this file, so a blind measurement of them): 85 of the 100
kept clear (85.0%), 2 unclear, 13 silent, 0 data loss -- one fewer than at 893b445, because
round 10's refusal of text arrays in ``stop_gradient`` pre-empted ``accuracy``'s own message
for strings in ``y_onehot``; that refusal was taken back (the library reads values through
``stop_gradient`` in 34 places), which gave 86 again. Round 11 (with sight of this file, so not
blind): ``load_checkpoint`` refuses a model parameter that is not a float, a meta/config key
given twice (JSON would keep the last) and a registry family recorded under another name or with
arguments its constructor refuses (the NaN amplitude); ordered arguments refuse sets and dicts
(``Ks``, ``inner_lrs``; Adam's ``params`` and ``grads``); ``sample`` checks that ``make_batch``
gave the counts asked; a user family's ``describe`` must return a record JSON keeps; one-hot
targets must hold 0s and 1s; the resume message names ``--seed``; ``population_statistics``
names ``model``. Seven kept cases are valid by a design now documented (strict xfails with
the reason): an option given twice takes its last value (said under every subcommand's
--help; ``--strategies`` and ``--only`` now add up instead, so both names are used), and a
learning rate of 0 is allowed (``from_theta0``, ``adam_rows``; now in their docstrings). After
it: 93 of the 100 kept clear, 7 silent by that design; 157 of the 165 written.
"""

import json
import zipfile
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta import adapt
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import check_checkpoint_path, load_checkpoint
from scratchmeta.meta.evaluate import held_out_tasks, interval
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.guard import grad_norm, inner_advice, step_advice
from scratchmeta.meta.maml import MAML, MAMLConfig, inner_sgd, meta_loss
from scratchmeta.meta.normalization import population_statistics
from scratchmeta.meta.protocol import configure, describe, field_type
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import make_strategy, strategy_from_config
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import softmax_head, softmax_head_unrolled
from scratchmeta.meta.training import as_seed, train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import (TRAIN, _arrays, _evaluate, _good, _set, _train,
                                 battery_main)
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import _rng
from test_bad_inputs_fifth import (_batch, _data, _evaluate_call, _features, _net,
                                   _rows_state, _select)
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _fresh
from test_bad_inputs_fourteenth import (_b, _change, _dt, _eval_damaged,
                                        _family_arg, _family_with, _fig, _first, _hyper, _m,
                                        _model_arg, _omniglot, _p, _resume_damaged, _td)
from test_bad_inputs_fifteenth import _config_set, _load_damaged, _strategy15

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
BIG = 2 ** 70


# --- objects the cases use -------------------------------------------------------------------

def _small_compare(*strategies, extra=()):
    """compare, kept small, with the strategies given (no second --strategies flag)."""
    return lambda d: ["compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4",
                      "--adapt-steps", "1", "--strategies", *strategies, *extra]


def _npy_file(folder):
    """A .npy file (np.save of one array) where a checkpoint is meant."""
    path = folder / "weights.npy"
    np.save(path, np.ones(3))
    return path


def _text_member(folder):
    """The good checkpoint rewritten with its first weight's member holding text, not .npy."""
    arrays = _arrays(_good(folder))
    path = folder / "textmember.npz"
    with zipfile.ZipFile(path, "w") as z:
        for key, value in arrays.items():
            if key == "state/params/0":
                z.writestr(key + ".npy", "these are my notes\n")
                continue
            with z.open(key + ".npy", "w") as f:
                np.lib.format.write_array(f, value, allow_pickle=False)
    return path


def _dangling_link(folder):
    path = folder / "gone.npz"
    path.symlink_to(folder / "never-written.npz")
    return path


def _record_with(change):
    """The describe() record of a small MAML strategy, changed by ``change(record)``."""
    record = json.loads(json.dumps(describe(make_strategy("maml", meta_batch=2))))
    change(record)
    return record


def _state16():
    return _fresh()


def _sgd_theta():
    return per_task(_p(), 2)


def _sgd_kw(**kwargs):
    return {"inner_lr": 0.01, "inner_steps": 1, **kwargs}


def _empty_zip(folder):
    """A valid zip with no member at all, under a .npz name."""
    path = folder / "empty.npz"
    with zipfile.ZipFile(path, "w"):
        pass
    return path


def _gen16(a):
    """A generator over ``a``'s first axis (used once, where an array or list is meant)."""
    return (x for x in a)


def _duplicate_name(arrays):
    """meta/config's JSON text with its "name" key written twice (JSON keeps the last)."""
    text = str(arrays["meta/config"])
    arrays["meta/config"] = np.array('{"name": "Reptile", ' + text[1:])


def _omniglot_params(change):
    """Task parameters of two 5-way Omniglot episodes, changed in place by ``change``."""
    tp = np.array(_omniglot().sample_params(_rng(), 2))
    change(tp)
    return tp


# --- the command line: (id, argv(folder), mentions) ------------------------------------------


CLI_TRAIN_CASES = [
    ("steps written as a power", _train("--steps", "2**3"), ["--steps", "2**3"]),
    ("inner-steps written as a complex number", _train("--inner-steps", "1+0j"),
     ["--inner-steps", "1+0j"]),
    ("dtype float32 for the linear family", _train("--family", "linear", "--dtype", "float32"),
     ["--dtype"]),
    ("set subset_size for maml", _train("--set", "subset_size=3"), ["subset_size"]),
    ("strategy option given twice", _train("--strategy", "maml", "--strategy", "reptile"),
     ["--strategy"]),
    ("out option given twice", lambda d: TRAIN + ["--out", str(d / "a.npz"),
                                                  "--out", str(d / "b.npz")], ["--out"]),
    ("set n_query a fraction", _train("--set", "n_query=5.5"), ["n_query", "5.5"]),
    ("set a name with hyphens", _train("--set", "inner-lr=0.1"), ["inner-lr"]),
    ("force over the good checkpoint with steps 0", lambda d: [
        "train", "--steps", "0", "--meta-batch", "2", "--out", str(_good(d)), "--force"],
     ["--steps", "0"]),
    ("resume the good checkpoint with another seed", lambda d: TRAIN + [
        "--out", str(_good(d)), "--resume", "--steps", "3", "--seed", "5"], ["--seed"]),
    ("resume the good checkpoint with dtype float32", lambda d: TRAIN + [
        "--out", str(_good(d)), "--resume", "--steps", "3", "--dtype", "float32"], ["--dtype"]),
    ("resume a checkpoint of a future format", _resume_damaged(
        "fmt9", _set("meta/format", np.array("scratchmeta-checkpoint-9"))), ["meta/format"]),
    ("resume a checkpoint whose first weight is transposed", _resume_damaged(
        "p0t", _change("state/params/0", lambda a: a.T.copy())), ["state/params/0"]),
    ("subset with n-support below its subset size", _train("--strategy", "subset",
                                                           "--n-support", "5"),
     ["subset_size"]),
    ("reptile schedule shorter than the run", _train("--strategy", "reptile", "--set",
                                                     "n_steps=1", "--steps", "2"),
     ["n_steps"]),
    ("resume a checkpoint whose meta/config names a model with batch_norm yes",
     _resume_damaged("bnyes", _model_arg("batch_norm", "yes")), ["batch_norm"]),
    ("multitask head_init a number through set", _train("--strategy", "multitask", "--set",
                                                        "head_init=0"), ["head_init", "0"]),
]

CLI_OTHER_CASES = [
    ("evaluate split given for a sinusoid checkpoint", _evaluate(_good, "--split", "test"),
     ["--split"]),
    ("evaluate checkpoint a .npy file", _evaluate(_npy_file), ["weights.npy"]),
    ("evaluate checkpoint a dangling symlink", _evaluate(_dangling_link), ["gone.npz"]),
    ("evaluate checkpoint option given twice", lambda d: [
        "evaluate", "--checkpoint", str(_good(d)), "--checkpoint", str(_good(d)),
        "--tasks", "4"], ["--checkpoint"]),
    ("evaluate a checkpoint of a future format", _eval_damaged(
        "fmt9", _set("meta/format", np.array("scratchmeta-checkpoint-9"))), ["meta/format"]),
    ("evaluate a checkpoint whose family name is unknown", _eval_damaged(
        "famname", _config_set(("family", "name"), "sine")), ["sine"]),
    ("evaluate a checkpoint whose activation is unknown", _eval_damaged(
        "act", _model_arg("activation", "gelu")), ["gelu"]),
    ("evaluate a checkpoint whose amplitude has three numbers", _eval_damaged(
        "amp3", _family_arg("amplitude", [0.1, 1.0, 5.0])), ["amplitude"]),
    ("compare strategies with no name", _small_compare(extra=()), ["--strategies"]),
    ("compare val-seed equal to the eval-seed", _small_compare(
        "maml", extra=("--val-seed", "22")), ["--val-seed", "22"]),
    ("evaluate a checkpoint whose x_range is reversed", _eval_damaged(
        "xr", _family_arg("x_range", [5.0, -5.0])), ["x_range"]),
    ("evaluate an empty zip named .npz", _evaluate(_empty_zip), ["empty.npz"]),
    ("evaluate a checkpoint with an unknown hyperparameter", _eval_damaged(
        "mom", _hyper("momentum", 0.9)), ["momentum"]),
    ("evaluate a checkpoint whose model class is unknown", _eval_damaged(
        "cnn", _config_set(("model", "class"), "CNN")), ["CNN"]),
    ("evaluate a checkpoint whose family class disagrees with its name", _eval_damaged(
        "famcls", _config_set(("family", "class"), "LinearRegression")), ["family"]),
    ("evaluate a checkpoint whose record names Reptile with MAML's class", _eval_damaged(
        "rname", _config_set(("name",), "Reptile")), ["Reptile"]),
    ("evaluate a checkpoint whose bias is a column", _eval_damaged(
        "b2d", _change("state/params/1", lambda a: a[:, None].copy())), ["state/params/1"]),
    ("compare strategies option given twice", _small_compare(
        "maml", extra=("--strategies", "reptile")), ["--strategies"]),
    ("evaluate a checkpoint whose family has an argument it does not take", _eval_damaged(
        "noise", _family_arg("noise", 0.1)), ["noise"]),
]

CLI_FIGURES_CASES = [
    ("figures only option given twice", _fig("--only", "fig22_1", "--only", "fig22_2"),
     ["--only"]),
    ("figures only the lecture's figure number", _fig("--only", "22.1"), ["22.1"]),
    ("figures an option in capitals", _fig("--Only", "fig22_1"), ["--Only"]),
    ("figures out option given twice", _fig("--only", "fig22_1", "--out", "figs_a", "--out",
                                            "figs_b"), ["--out"]),
    ("figures a short option not known", _fig("-o", "out", "--only", "fig22_1"), ["-o"]),
    ("figures only a stem with a full-width digit", _fig("--only", "fig22_\uff11"),
     ["fig22_\uff11"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory '1_0', train", _train(), [VAR, "1_0"], {VAR: "1_0"}),
    ("keep-freed-memory '-0', evaluate", _evaluate(_good), [VAR, "-0"], {VAR: "-0"}),
    ("keep-freed-memory a mathematical bold one, compare", _small_compare("maml"), [VAR],
     {VAR: "\U0001d7cf"}),
    ("keep-freed-memory a quoted one, demo", lambda d: ["demo"], [VAR, "'1'"], {VAR: "'1'"}),
    ("keep-freed-memory a one and a zero-width space, figures", _fig("--only", "fig22_1"),
     [VAR], {VAR: "1\u200b"}),
    ("keep-freed-memory a one and a comment, train", _train(), [VAR, "1 # on"],
     {VAR: "1 # on"}),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("ridge_head lam a Fraction", lambda d: ridge_head(*_features(), Fraction(1, 10)), ["lam"]),
    ("ridge_fit y with an extra axis", lambda d: ridge_fit(
        _features()[0], _features()[1][..., None], 0.1), ["y"]),
    ("ridge_fit y of fewer points", lambda d: ridge_fit(
        _features()[0], _features()[1][:, :5], 0.1), ["y"]),
    ("ridge_head form with a trailing space", lambda d: ridge_head(*_features(), 0.1,
                                                                  form="dual "), ["form"]),
    ("r2d2_logits y_support not one-hot", lambda d: r2d2_logits(
        _features()[0], np.full((2, 6, 3), 1 / 3), _features()[0], 0.1), ["y_support"]),
    ("inner_sgd apply None", lambda d: inner_sgd(
        _sgd_theta(), _b().x_support, _b().y_support, None, **_sgd_kw()), ["apply"]),
    ("meta_loss inner_steps 2**70", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=BIG), ["inner_steps"]),
    ("meta_loss loss the word mse", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss="mse"), ["loss"]),
    ("anil_meta_grad batch a dict", lambda d: anil_meta_grad(
        _p(), dict(_b()._asdict()), _m(), inner_lr=0.01, inner_steps=1), ["batch"]),
    ("adapt.predict n_steps a half", lambda d: adapt.predict(*_state16(), _batch(), 1.5),
     ["n_steps", "1.5"]),
    ("from_theta0 inner_lr 0", lambda d: _first(adapt.from_theta0(
        _p(), _b(), _m(), inner_lr=0.0, loss=mse)), ["inner_lr"]),
    ("step_advice parts empty", lambda d: step_advice(MAMLConfig(), ()), ["parts"]),
    ("grad_norm of a set", lambda d: grad_norm({1.0, 2.0}), ["grads"]),
    ("inner_advice inner_steps a string", lambda d: inner_advice("1", 0.01), ["inner_steps"]),
    ("population_statistics model without batch norm", lambda d: population_statistics(
        MLP((1, 8, 1)), MLP((1, 8, 1)).init(_rng()), np.ones((2, 5, 1))), ["model"]),
    ("meta_gradient_norms Ks a set", lambda d: meta_gradient_norms(
        _p(), _b(), _m(), {1, 2}, [0.01]), ["Ks"]),
    ("ridge_fit lam bytes", lambda d: ridge_fit(*_features(), b"0.1"), ["lam"]),
    ("ridge_head targets a generator", lambda d: ridge_head(
        _features()[0], _gen16(_features()[1]), 0.1), ["targets"]),
    ("softmax_head lam a Decimal", lambda d: softmax_head(*_features(), Decimal("0.1")),
     ["lam"]),
    ("softmax_head targets datetimes", lambda d: softmax_head(
        _features()[0], _dt((2, 6, 3)), 0.1), ["targets"]),
    ("softmax_head_unrolled n_steps a set", lambda d: softmax_head_unrolled(
        *_features(), 0.1, {2}), ["n_steps"]),
    ("softmax_head_unrolled features with no points", lambda d: softmax_head_unrolled(
        np.ones((2, 0, 4)), np.ones((2, 0, 3)), 0.1, 2), ["features"]),
]

STRATEGY_CASES = [
    ("maml model of two outputs for the sinusoid", lambda d: make_strategy(
        "maml", model=MLP((1, 8, 2))), ["model"]),
    ("maml model a string", lambda d: make_strategy("maml", model="MLP"), ["model"]),
    ("make_strategy given a family name", lambda d: make_strategy("sinusoid"), ["sinusoid"]),
    ("MAML an unknown hyperparameter", lambda d: MAML(MLP((1, 40, 40, 1)), Sinusoid(),
                                                      learning_rate=0.1), ["learning_rate"]),
    ("reptile outer_step_size at the end of its schedule", lambda d: make_strategy(
        "reptile", n_steps=10).outer_step_size(10), ["step"]),
    ("maml update rng an int", lambda d: _fresh()[0].update(_fresh()[1], _batch(), 0, 0),
     ["rng"]),
    ("maml adaptation on a clusters batch", lambda d: _first(_fresh()[0].adaptation(
        _fresh()[1], GaussianClusters().sample(_rng(), 2, 5, 5))), ["batch"]),
    ("maml sample_batch rng a RandomState", lambda d: _fresh()[0].sample_batch(
        np.random.RandomState(0), _fresh()[1]), ["rng"]),
    ("strategy_from_config class os.system", lambda d: strategy_from_config(_record_with(
        lambda r: r.__setitem__("class", "os.system"))), ["os.system"]),
    ("configure MAML inner_lr -1", lambda d: configure(MAML, hyper={"inner_lr": -1.0}),
     ["inner_lr", "-1"]),
    ("field_type of a field's name", lambda d: field_type("inner_lr"), ["field"]),
    ("maml inner_lr a Decimal", lambda d: make_strategy("maml", inner_lr=Decimal("0.01")),
     ["inner_lr"]),
    ("multitask n_train_tasks 2**70", lambda d: make_strategy("multitask",
                                                              n_train_tasks=BIG),
     ["n_train_tasks"]),
    ("pretrained meta_batch bytes", lambda d: make_strategy("pretrained", meta_batch=b"2"),
     ["meta_batch"]),
    ("r2d2 given an offset", lambda d: make_strategy("r2d2", "clusters", offset=0.0),
     ["offset"]),
    ("newton_head given R2-D2's scale", lambda d: make_strategy("newton_head", "clusters",
                                                                scale=10.0), ["scale"]),
    ("MAML a config and a hyperparameter string", lambda d: MAML(
        MLP((1, 40, 40, 1)), Sinusoid(), config=MAMLConfig(), inner_lr="0.1"), ["inner_lr"]),
    ("reptile outer_step_size step a half", lambda d: make_strategy(
        "reptile", n_steps=10).outer_step_size(1.5), ["step"]),
    ("maml update state a list", lambda d: _fresh()[0].update([1, 2], _batch(), _rng(), 0),
     ["state"]),
    ("maml meta_grad rng None", lambda d: _fresh()[0].meta_grad(
        _fresh()[1]["params"], _batch(), None), ["rng"]),
]

EVALUATE_CASES = [
    ("evaluate n_support a string", lambda d: _evaluate_call(n_support="5"), ["n_support"]),
    ("evaluate strategy a name", lambda d: _evaluate_call(strategy="maml"), ["strategy"]),
    ("select max_steps -1", lambda d: _select(max_steps=-1), ["max_steps", "-1"]),
    ("held_out_tasks start -1", lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start=-1),
     ["start", "-1"]),
    ("interval of a dict", lambda d: interval({"a": 1.0}), ["values"]),
    ("train seed a string", lambda d: train(_strategy15("maml"), 2, "0"), ["seed"]),
    ("train progress a string", lambda d: train(_strategy15("maml"), 2, 0, progress="yes"),
     ["progress"]),
    ("train history a tuple", lambda d: train(_strategy15("maml"), 2, 0, history=()),
     ["history"]),
    ("as_seed -1", lambda d: as_seed(-1), ["seed", "-1"]),
    ("evaluate on_divergence bytes", lambda d: _evaluate_call(on_divergence=b"raise"),
     ["on_divergence"]),
    ("evaluate n_query negative zero", lambda d: _evaluate_call(n_query=-0.0), ["n_query"]),
    ("select max_steps 2**70", lambda d: _select(max_steps=BIG), ["max_steps"]),
    ("held_out_tasks family the Sinusoid class", lambda d: held_out_tasks(Sinusoid, 2, 5, 5),
     ["family"]),
]

CHECKPOINT_CASES = [
    ("load a future format", _load_damaged("fmt9", _set(
        "meta/format", np.array("scratchmeta-checkpoint-9"))), ["meta/format"]),
    ("load the first weight transposed", _load_damaged("p0t", _change(
        "state/params/0", lambda a: a.T.copy())), ["state/params/0"]),
    ("load a bias of integers", _load_damaged("p1i", _change(
        "state/params/1", lambda a: np.round(a).astype(np.int64))), ["state/params/1"]),
    ("load a family name not known", _load_damaged("fam", _config_set(
        ("family", "name"), "circles")), ["circles"]),
    ("load meta/config an empty record", _load_damaged("cfg0", _set(
        "meta/config", np.array("{}"))), ["meta/config"]),
    ("load inner_steps 1.5 in meta/config", _load_damaged("ks", _hyper("inner_steps", 1.5)),
     ["inner_steps"]),
    ("load an activation not known", _load_damaged("act", _model_arg("activation", "swish")),
     ["swish"]),
    ("load inner_lr NaN in meta/config", _load_damaged("lrn", _hyper("inner_lr",
                                                                     float("nan"))),
     ["inner_lr"]),
    ("load meta/seed 1-D", _load_damaged("seed1", _set("meta/seed", np.array([0]))),
     ["meta/seed"]),
    ("load a member holding text", lambda d: load_checkpoint(_text_member(d)),
     ["state/params/0"]),
    ("check_checkpoint_path an int", lambda d: check_checkpoint_path(5), ["checkpoint"]),
    ("check_checkpoint_path a NUL byte", lambda d: check_checkpoint_path(
        str(d / "a\x00.npz")), ["checkpoint"]),
    ("load meta/step a bool", _load_damaged("stepb", _set("meta/step", np.array(True))),
     ["meta/step"]),
    ("load sizes nested in meta/config", _load_damaged("sizen", _model_arg(
        "sizes", [[1, 40], [40, 1]])), ["sizes"]),
    ("load sizes of one hidden layer for two", _load_damaged("size3", _model_arg(
        "sizes", [1, 40, 1])), ["sizes"]),
    ("load amplitude NaN in meta/config", _load_damaged("ampn", _family_arg(
        "amplitude", [float("nan"), 5.0])), ["amplitude"]),
    ("load meta_batch 0 in meta/config", _load_damaged("mb0", _hyper("meta_batch", 0)),
     ["meta_batch"]),
    ("load first_order the word false", _load_damaged("fo", _hyper("first_order", "false")),
     ["first_order"]),
    ("load meta/config with a key twice", _load_damaged("dup", _duplicate_name),
     ["meta/config"]),
    ("load an output bias with no entries", _load_damaged("p5e", _set(
        "state/params/5", np.zeros(0))), ["state/params/5"]),
    ("load a weight of datetimes", _load_damaged("p2dt", _change(
        "state/params/2", lambda a: _dt(a.shape))), ["state/params/2"]),
    ("load meta-losses bools", _load_damaged("mlb", _change(
        "meta/meta_losses", lambda a: a > 0)), ["meta/meta_losses"]),
]

NN_CASES = [
    ("MLP body given every layer", lambda d: _net()[0].body(_net()[1], np.ones((5, 1))),
     ["body_params"]),
    ("MLP forward_with linear of the wrong shape", lambda d: _net()[0].forward_with(
        _net()[1], np.ones((5, 1)), lambda layer, h, w: np.zeros((1, 1))), ["linear"]),
    ("MLP init rng a RandomState", lambda d: _net()[0].init(np.random.RandomState(0)),
     ["rng"]),
    ("batch_norm offset of another width", lambda d: batch_norm(
        np.random.default_rng(0).normal(size=(4, 3)), offset=np.zeros(2)), ["offset"]),
    ("finn_init one width only", lambda d: finn_init(_rng(), (4,)), ["sizes"]),
    ("MLP apply x a string", lambda d: _net()[0].apply(_net()[1], "0.5"), ["x"]),
    ("adam params a set", lambda d: adam_update({1.0}, [np.ones(1)], adam_init([np.ones(1)]),
                                                1e-3), ["params"]),
    ("adam_rows lr 0", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                           [np.ones((1, 2))], [0], 0.0), ["lr", "0"]),
    ("adam_rows rows a float array", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((1, 2))], np.array([0.0]), 1e-3),
     ["rows"]),
    ("adam_rows beta2 NaN", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((1, 2))], [0], 1e-3, beta2=np.nan),
     ["beta2"]),
    ("batch_norm eps a Fraction", lambda d: batch_norm(
        np.random.default_rng(0).normal(size=(4, 3)), eps=Fraction(1, 1000)), ["eps"]),
    ("split params of three arrays", lambda d: split(_net()[1][:3]), ["params"]),
]

TASK_CASES = [
    ("clusters sample n_support 7", lambda d: GaussianClusters().sample(_rng(), 2, 7, 5),
     ["n_support", "7"]),
    ("accuracy logits 1-D", lambda d: accuracy(np.zeros(3), np.eye(3)[0]), ["logits"]),
    ("cross_entropy y_onehot of four classes for three logits", lambda d: cross_entropy(
        np.zeros((2, 4, 3)), np.eye(4)[np.zeros((2, 4), int)]), ["y_onehot"]),
    ("a user family whose sample_params returns None", lambda d: _family_with(
        sample_params=lambda self, rng, n: None).sample(_rng(), 2, 5, 5), ["sample_params"]),
    ("sinusoid amplitude Decimals", lambda d: Sinusoid(
        amplitude=(Decimal("0.1"), Decimal("5"))), ["amplitude"]),
    ("sinusoid phase a set", lambda d: Sinusoid(phase={0.0, 1.0}), ["phase"]),
    ("sinusoid x_range from minus infinity", lambda d: Sinusoid(x_range=(-np.inf, 5.0)),
     ["x_range"]),
    ("frequency range a string", lambda d: SinusoidFrequency(frequency="0.5-2"),
     ["frequency"]),
    ("linear scale complex", lambda d: LinearRegression(scale=1 + 1j), ["scale"]),
    ("clusters spread True", lambda d: GaussianClusters(spread=True), ["spread"]),
    ("clusters metric pred of three classes for five", lambda d: GaussianClusters().metric(
        np.zeros((2, 5, 3)), np.eye(5)[np.zeros((2, 5), int)]), ["pred"]),
    ("sinusoid metric pred of two outputs", lambda d: Sinusoid().metric(
        np.zeros((2, 5, 2)), np.zeros((2, 5, 1))), ["pred"]),
    ("sinusoid sample_params n_tasks a float", lambda d: Sinusoid().sample_params(_rng(), 2.0),
     ["n_tasks"]),
    ("accuracy y_onehot of strings", lambda d: accuracy(np.zeros((2, 4, 3)),
                                                        np.full((2, 4, 3), "a")),
     ["y_onehot"]),
    ("cross_entropy logits a dict", lambda d: cross_entropy(
        {"z": 1.0}, np.eye(3)[np.zeros((2, 4), int)]), ["logits"]),
    ("a user family whose sample_params returns a generator", lambda d: _family_with(
        sample_params=lambda self, rng, n: (x for x in range(n))).sample(_rng(), 2, 5, 5),
     ["sample_params"]),
    ("a user family whose sample_x returns timedeltas", lambda d: _family_with(
        sample_x=lambda self, rng, tp, n: _td((len(tp), n, 1))).sample(_rng(), 2, 5, 5),
     ["sample_x"]),
    ("a user family whose target returns complex", lambda d: _family_with(
        target=lambda self, tp, x: np.sin(x) + 0.5j).sample(_rng(), 2, 5, 5), ["target"]),
    ("a user family whose make_batch swaps support and query", lambda d: _family_with(
        make_batch=lambda self, rng, tp, s, q: Sinusoid.make_batch(self, rng, tp, q, s)).sample(
        _rng(), 2, 5, 7), ["make_batch"]),
    ("a user family whose loss returns a string", lambda d: _family_with(
        loss=lambda pred, y: "low").metric(np.zeros((2, 5, 1)), np.zeros((2, 5, 1))),
     ["loss"]),
    ("training with a user family whose describe returns a set", lambda d: train(
        make_strategy("maml", _family_with(describe=lambda self: {"a": {1}}), meta_batch=2),
        1, 0, checkpoint=d / "u.npz"), ["describe"]),
]

OMNIGLOT_CASES = [
    ("family make_batch task_params of another n_way", lambda d: _omniglot().make_batch(
        _rng(), np.zeros((2, 3, 2), int), 1, 1), ["task_params"]),
    ("finn_split n_train above the characters", lambda d: finn_split(
        np.zeros(10, int), np.arange(10), n_train=20, n_validation=2), ["n_train"]),
    ("family n_way 2**70", lambda d: Omniglot(BIG, data=_data()), ["n_way"]),
    ("family n_train a Fraction", lambda d: Omniglot(5, data=_data(),
                                                     n_train=Fraction(1100, 1)), ["n_train"]),
    ("family sample n_support a Decimal", lambda d: _omniglot().sample(
        _rng(), 2, Decimal("1"), 1), ["n_support"]),
    ("family make_batch a character past the split", lambda d: _omniglot().make_batch(
        _rng(), _omniglot_params(lambda tp: tp[..., 0].__setitem__(..., 99999)), 1, 1),
     ["task_params"]),
    ("finn_split n_validation a float", lambda d: finn_split(
        np.zeros(10, int), np.arange(10), n_train=2, n_validation=2.0), ["n_validation"]),
]

WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "cli: figures": CLI_FIGURES_CASES, "environment (cli)": ENV_CLI_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 4)."""
    return kept_cases(cases, (1, 4), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    name = case[0]
    return ((group == "omniglot" and name.startswith(("family", "load")))
            or "omniglot" in name)


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
# Measured blind on rounds 9-10: 14 kept cases not clear. Round 11 (which saw this file) fixed
# seven; the seven left are valid by a documented design (strict: a change shows up here).
REPEATED = ("by design, now documented under every subcommand's --help: an option given twice "
            "takes its last value (argparse's rule, which a saved command followed by an "
            "override relies on)")
ADDED_UP = ("by design, now documented: --strategies and --only given twice add up, so both "
            "names are used (before round 11 only the last list was)")
ZERO_LR = ("by design, now documented in the docstring: a learning rate of 0 is allowed (no "
           "move; the un-adapted score in the test-time search, and torch.optim.Adam's rule)")
NOT_CLEAR_YET = {
    'out option given twice': REPEATED,
    'evaluate checkpoint option given twice': REPEATED,
    'figures out option given twice': REPEATED,
    'compare strategies option given twice': ADDED_UP,
    'figures only option given twice': ADDED_UP,
    'from_theta0 inner_lr 0': ZERO_LR,
    'adam_rows lr 0': ZERO_LR,
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_sixteenth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 60)


def main():
    """``python tests/test_bad_inputs_sixteenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
