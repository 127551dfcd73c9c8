"""A thirty-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, the figure modules stubbed for the CLI's
``figures`` cases, the environment set where a case gives one). Written blind, in a worktree at
commit 5b2d5cc, from the user's side only: the README; ``--help`` of the command line and of
``train``, ``evaluate``, ``compare``, ``figures`` and ``demo``; the public names and signatures
of ``meta.checkpoint``, ``registry``, ``evaluate``, ``training``, ``compare``, ``ridge``,
``r2d2``, ``softmax_head``, ``newton_head``, ``maml``, ``adapt``, ``anil``, ``subset``,
``reptile``, ``closed_form``, ``multitask``, ``baselines``, ``normalization``, ``exploding``,
``guard``, ``maml_low_rank``, ``legacy``, ``compare_subset``, ``datasets.omniglot``,
``datasets.omniglot_tasks``, ``optim``, ``batchnorm``, ``nn``, ``tasks`` and ``more_tasks``;
after the first run, to judge the misses only, the docstrings of ``MLP.apply``,
``TaskFamily.metric`` (it has none), ``meta.evaluate.evaluate``, ``tasks.accuracy`` and
``normalization.meta_train``; and the earlier batteries' ids, layout and shared helpers
(imported, not copied). Not read: the body of any validation code (``checks.py``,
``_checks.py``, ``check_*``, ``protocol.py``), the library's source beyond signatures and those
docstrings, its history, anything of /work/main. No ``__main__`` module was imported. Every
case writes only inside its temporary folder.

Areas (the command line and the library's Chapter 2 side; the engine, gradcheck, samplers,
diagnostics, testing kit, figures helpers and memory functions are another writer's), as
written: ``train`` on the command line (12), ``evaluate``, ``compare`` and the other
subcommands (8), ``figures`` options (2, stubbed), ``SCRATCHMETA_KEEP_FREED_MEMORY`` under the
command line (4: train, evaluate, demo, figures), Chapter 2's functions (MAML/ANIL/subset/
low-rank losses, Reptile's fine-tuning, the softmax/R2-D2 heads, normalization, exploding, the
guard, adapt: 21), strategies, their configs and the registry (15), evaluate/train in the
library (11), checkpoints (7), nn/optim/batchnorm (7), task families, losses and a user's
family (7), Omniglot (5): 99.

Kinds of bad value, chosen to be new on the function and argument they hit: Fractions
(``meta_loss`` inner_steps, ``sharpness`` iterations, ``subset_indices`` n_tasks,
``ReptileConfig`` n_steps, ``ScratchConfig`` n_query, ``evaluate`` and ``check_same_run``
seed, ``batch_floats`` n_points, ``Omniglot.sample`` n_support); Decimals
(``closed_form_meta_loss`` scale, ``MultitaskConfig`` head_seed, ``as_seed``, ``compare.build``
meta_steps, ``adam_update`` eps, ``GaussianClusters`` n_way, ``check_shots`` n_query); complex
numbers (``meta_grad`` inner_lr, ``R2D2Config`` lam, ``select_test_time`` max_steps, ``train``
and ``init_rng`` seed, ``adam_update`` beta2, ``MLP.head`` features, ``GaussianClusters``
spread, ``adapt.predict`` n_steps, checkpoint entries meta/step and meta/seed); ``numpy.matrix``
(``select_test_time`` candidates, ``save`` meta_losses, ``MLP`` sizes and ``apply``'s x,
``Sinusoid`` amplitude, ``accuracy`` logits, ``Omniglot`` rotate); structured arrays
(``softmax_head_logits`` lam, ``LinearRegression`` mean, ``Omniglot`` data); dtype objects
(``r2d2_logits`` lam, ``ReptileConfig`` meta_lr, ``batch_norm`` eps, ``Omniglot`` n_way); 0-d
arrays (1.5 for counts, NaN for ``R2D2Config`` scale); generators (``fine_tune_tasks``
inner_steps, ``PretrainedConfig`` inner_lr, ``MLP.body`` body_params, ``restore`` root);
numpy inf for ``adaptation_curves`` n_steps; None (``subset_batch`` subset_size,
``meta_gradient_norm`` inner_lr); strings for numbers or flags (``anil_meta_grad`` and
``MAMLConfig`` first_order, ``ScratchConfig`` inner_lr, ``check_step`` max_ratio,
``divergence_map`` inner_lrs, ``uses_low_rank`` model); a one-element list (``from_theta0``
inner_lr, ``MAMLConfig`` n_support), a boolean array for ``SubsetConfig`` first_order; dicts
where a list or a config is meant (``first_step_change`` params, ``Multitask`` config,
``normalization.meta_train`` cfg, ``format_result`` mean); the bare ``TaskFamily`` as a family,
an int as a strategy's name; checkpoints: a config with an int key, a state with an empty key,
an entry renamed ``state/params/x``; a user's family whose metric gives NaN; finn_split of
alphabets and characters of other lengths; and on the command line: number spellings not used
on those options (a fraction ``1/2``, ``1/100``, ``1/10``, a product ``1e-3*2``, ``5*2``,
``2*3`` through ``--set``, a thousands comma, a decimal comma, a superscript digit, -0.0,
``10+0j``, ``5j``, the words ``none`` and ``nan``, a comma list), ``--set lam=[0.1]`` and
``lam=0.1x``, ``--only`` ``22.1`` and ``fig22_1.``; the environment variable '0.0', '-1',
'yes' and 'None'.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 5,896 ids by a regex at the start of each case tuple) were
compared with every draft by token overlap (Jaccard, a few filler words left out); each pair at
0.6 or more was read, and the earlier ids were also grepped by function, option and argument.
Of 203 drafted in two rounds (138, then 65), 104 repeated an earlier case's substance and were
removed (98 and 6), e.g. ``evaluate split given for a sinusoid checkpoint`` and ``compare
strategies joined by a comma`` (the same ids exist), ``train dtype float16`` (as ``dtype
float16``), ``train inner-lr with a decimal comma`` (as ``inner-lr with a decimal comma``),
``train log-every negative zero`` (``-0`` parses as ``log-every zero``), ``reptile_step meta_lr
a Decimal NaN`` (as ``... a Decimal`` and ``... NaN``), ``MAML given a ReptileConfig`` (as
``FOMAML given a Subset config``), ``per_task n_tasks a Fraction`` (as ``per_task n_tasks a
half``), ``load adam/t negative`` (as ``load adam t -1``), ``Omniglot n_way 5.5`` (as ``family
n_way a half``), ``a user family whose loss returns a tuple`` (as ``training on a user family
whose loss returns a tuple``). Kept although a pair reached 0.6, as another kind of value or
another option: ``MLP head features complex`` (earlier: bools, NaN, None), ``R2D2Config check
lam imaginary`` (earlier: a list), ``ScratchConfig check n_query a Fraction`` (earlier: a
string, 0), ``compare build meta_steps a Decimal`` (earlier: a Fraction, None, 0), ``load
meta/step complex`` and ``load meta/seed complex`` (earlier: strings, floats, bools, NaN),
``save config with an int key`` (earlier: a tuple key), ``evaluate support negative zero
float`` (earlier: ``--steps``), ``compare query with a thousands comma`` (earlier:
``--n-query`` of train, ``--tasks``). 99 written. Mentions: the argument's name as in the
signature (the dashed option on the command line) and the value's repr where short, else the
type's name (``Fraction``, ``Decimal``, ``generator``, ``matrix``, ``complex``); the one
one-letter name (``x`` of ``MLP.apply``) also needs the type.

Selection rule, fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (0, 3)`` are kept (``_kept``): 57 of the 99. After the
first run cases could only be dropped or corrected, never added, reordered or swapped.

Dropped after the first run: none (``DROPPED`` is empty). Corrected after the first run (the
case was wrong in itself): ``check_step max_ratio a string`` passed old and new as lists
(check_step takes dicts of parts) and, after that fix, an empty advice: three faults; now
``{"params": [...]}`` twice and advice "lower inner_lr", so only max_ratio is wrong.
``accuracy logits a numpy matrix`` gave y_onehot an extra task axis; now ``np.eye(2)``.
``Omniglot data a structured array`` gave ``data`` twice through the shared ``_omni`` helper
(the test's own TypeError); it now calls ``Omniglot(5, data=...)``. ``Multitask given a dict
for its config`` and ``format_result mean a dict`` asked for the word "dict", but the values
are short, so by the rule above the mention is their repr (``{'lam': 0.1}``, ``{'mse':
0.5}``), which the messages gave. The matrices are now made under a filter for NumPy's
PendingDeprecationWarning about the class (the values are the same). Left as written:
``first_step_change params a dict`` (the dict of arrays is long, so the mention stays
"dict"; the message prints the whole dict, not its type); ``restore root a generator`` (clear,
but refused because any root is wrong for a sinusoid checkpoint, so it has two faults; no
cheap omniglot checkpoint was at hand to make it one); ``MLP apply x a numpy matrix``
(arguably valid: a matrix is an ndarray of the right shape and gives the same numbers);
``GaussianClusters n_way a Decimal`` (``Decimal('5')`` is whole, but no doc says a Decimal is
taken).

First run at 5b2d5cc (the script takes about 3 s, the pytest run about 3 s), after the
corrections: kept 57: 54 clear (94.7%), 2 unclear (3.5%), 1 silent (1.8%), 0 data loss. Written
99: 92 clear (92.9%), 5 unclear (5.1%), 2 silent (2.0%), 0 data loss. By area, kept (written):
cli train 7/7 (12/12), cli evaluate, compare and subcommands 5/5 (8/8), cli figures 1/1 (2/2),
environment 2/2 (4/4), meta functions 11/12 (19/21), strategies 9/9 (15/15), evaluate and
train 6/6 (11/11), checkpoints 3/4 (5/7), nn/optim/batchnorm 4/4 (6/7), task families and
losses 3/4 (5/7), Omniglot 3/3 (5/5). Before the corrections: kept 53 clear, 3 unclear, 1
silent; written 89 clear, 8 unclear, 2 silent.

Not clear, kept:
- ``first_step_change params a dict`` (a dict where a list is meant): TypeError "params must
  be a list of at least 2 parameter arrays (e.g. MLP.init's [W1, b1, ...]), got {0:
  array([[...]]), 1: ...}" -- names params and prints the dict, not its type (arguably clear).
- ``load a state entry named state/params/x`` (a damaged file, an entry renamed): ValueError
  "'.../px32.npz' is damaged: it has no entry state/params/5: meta/config records an MLP of
  sizes [1, 40, 40, 1], 6 arrays state/params/0..5" -- names the missing entry, not the stray
  ``state/params/x``.
- ``a user family whose metric returns NaN`` (a user callable that misbehaves): silent --
  evaluate returns finite MSE means; the given family's own metric is not what is scored,
  though evaluate's docstring says a non-finite task metric raises.
Written, not kept, not clear:
- ``normalization meta_train cfg a dict``: KeyError 'meta_steps' (a bare KeyError).
- ``save meta_losses a numpy matrix``: ValueError "meta_losses must hold one loss per
  completed step, shape (1,), got shape (2, 2): array(...)" -- the shape, not the matrix.
- ``MLP apply x a numpy matrix``: silent (a matrix comes back; arguably valid, see above).
- ``accuracy logits a numpy matrix``: NumPy's ValueError "unsupported axis", naming nothing.

Measured on main at 5143a34 (5b2d5cc plus one fix made before this file was read, without
sight of it: the engine's ops refuse an np.matrix by name): kept, the same 54 of 57 clear
(94.7%), 2 unclear, 1 silent, 0 data loss; written, 93 of 99 (``MLP apply x a numpy matrix``
became clear by that fix). Round 21 (with sight of this file and the thirty-third, so not
blind): ``evaluate`` scores with the metric of the family it is given (it had used the
strategy's own family's, so a user family's metric was never called after the probe) and the
probe refuses a metric that is not finite for a finite prediction and finite targets, naming
the value; a checkpoint entry under ``state/params/`` that is not numbered is named as
unexpected; ``normalization.meta_train`` checks its model, family, init, rng and ``cfg``
(a dict holding meta_steps, meta_batch and meta_lr); Chapter 2's array checks and the losses'
target checks refuse an np.matrix by name, and so does ``save_checkpoint`` for meta_losses;
the parameter-list message names the type given. After it: all 57 kept and all 99 written
clear.
"""

import warnings
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta import adapt
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.baselines import PretrainedConfig, ScratchConfig
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.compare import build as compare_build
from scratchmeta.meta.evaluate import format_result
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norm
from scratchmeta.meta.guard import check_step
from scratchmeta.meta.maml import MAMLConfig, meta_grad, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank, uses_low_rank
from scratchmeta.meta.multitask import Multitask, MultitaskConfig
from scratchmeta.meta.normalization import adaptation_curves, first_step_change, sharpness
from scratchmeta.meta.normalization import meta_train as normalization_meta_train
from scratchmeta.meta.r2d2 import R2D2Config, r2d2_logits
from scratchmeta.meta.registry import hyperparameters, make_strategy
from scratchmeta.meta.reptile import ReptileConfig, fine_tune_tasks
from scratchmeta.meta.softmax_head import softmax_head_logits
from scratchmeta.meta.subset import SubsetConfig, subset_batch, subset_indices
from scratchmeta.meta.training import (as_seed, batch_floats, check_same_run, init_rng,
                                       train)
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, split
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskFamily, accuracy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _evaluate, _good, _set, _train, battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import _rng
from test_bad_inputs_fifth import _adam, _data, _evaluate_call, _features, _save
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare, _fresh
from test_bad_inputs_fourteenth import _b, _family_with, _fig, _m, _p
from test_bad_inputs_fifteenth import _load_damaged
from test_bad_inputs_twentyfourth import _omni, _select24

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"


# --- objects the cases use -------------------------------------------------------------------

def _gen32(values):
    return (v for v in values)


def _matrix(rows):
    """A ``numpy.matrix`` (made without NumPy's PendingDeprecationWarning about the class)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        return np.matrix(rows)


def _rec_lam():
    """A structured (record) array where a number is meant."""
    return np.array([(0.1,)], dtype=[("lam", "f8")])


def _user_family(**methods):
    return _family_with(**methods)


def _metric_nan(self, pred, y):
    """A user's metric that gives NaN for every task."""
    return np.full(np.shape(pred)[:-2], np.nan)


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("train inner-steps written as a fraction 1/2", _train("--inner-steps", "1/2"),
     ["--inner-steps", "1/2"]),
    ("train meta-lr written as a product 1e-3*2", _train("--meta-lr", "1e-3*2"),
     ["--meta-lr", "1e-3*2"]),
    ("train checkpoint-every with a thousands comma", _train("--checkpoint-every", "1,000"),
     ["--checkpoint-every", "1,000"]),
    ("train set lam to a JSON list", _train("--strategy", "closed_form", "--set", "lam=[0.1]"),
     ["lam", "[0.1]"]),
    ("train steps with a superscript digit", _train("--steps", "10\u00b2"),
     ["--steps", "10\u00b2"]),
    ("train meta-batch negative zero float", _train("--meta-batch", "-0.0"),
     ["--meta-batch", "-0.0"]),
    ("train set lam with a unit 0.1x", _train("--strategy", "closed_form", "--set", "lam=0.1x"),
     ["lam", "0.1x"]),
    ("train inner-lr written as a fraction 1/100", _train("--inner-lr", "1/100"),
     ["--inner-lr", "1/100"]),
    ("train n-query a complex number 10+0j", _train("--n-query", "10+0j"),
     ["--n-query", "10+0j"]),
    ("train checkpoint-every the word none", _train("--checkpoint-every", "none"),
     ["--checkpoint-every", "none"]),
    ("train lam written as a fraction 1/10", _train("--strategy", "closed_form", "--lam", "1/10"),
     ["--lam", "1/10"]),
    ("train set inner_steps a product 2*3", _train("--set", "inner_steps=2*3"),
     ["inner_steps", "2*3"]),
]

CLI_OTHER_CASES = [
    ("evaluate steps the word nan", _evaluate(_good, "--steps", "nan"), ["--steps", "nan"]),
    ("evaluate query an imaginary number 5j", _evaluate(_good, "--query", "5j"),
     ["--query", "5j"]),
    ("compare adapt-steps a comma list", _compare("--adapt-steps", "1,2"),
     ["--adapt-steps", "1,2"]),
    ("evaluate support negative zero float", _evaluate(_good, "--support", "-0.0"),
     ["--support", "-0.0"]),
    ("compare tasks written as a fraction 1/2", _compare("--tasks", "1/2"),
     ["--tasks", "1/2"]),
    ("compare query with a thousands comma", _compare("--query", "1,00"),
     ["--query", "1,00"]),
    ("compare eval-seed with a decimal comma", _compare("--eval-seed", "2,2"),
     ["--eval-seed", "2,2"]),
    ("evaluate support a product 5*2", _evaluate(_good, "--support", "5*2"),
     ["--support", "5*2"]),
]

CLI_FIGURES_CASES = [
    ("figures only a figure number 22.1", _fig("--only", "22.1"), ["22.1"]),
    ("figures only a stem with a trailing period", _fig("--only", "fig22_1."), ["fig22_1."]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory '0.0', train", _train(), [VAR, "'0.0'"], {VAR: "0.0"}),
    ("keep-freed-memory '-1', evaluate", _evaluate(_good), [VAR, "'-1'"], {VAR: "-1"}),
    ("keep-freed-memory 'yes', demo", lambda d: ["demo"], [VAR, "'yes'"], {VAR: "yes"}),
    ("keep-freed-memory 'None', figures", _fig("--only", "fig22_1"), [VAR, "'None'"],
     {VAR: "None"}),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_loss inner_steps a Fraction 3/2", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=Fraction(3, 2)),
     ["inner_steps", "Fraction"]),
    ("meta_grad inner_lr an imaginary number", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=0.01j, inner_steps=1), ["inner_lr", "0.01j"]),
    ("anil_meta_grad first_order the string 'yes'", lambda d: anil_meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, first_order="yes"),
     ["first_order", "'yes'"]),
    ("subset_batch subset_size None", lambda d: subset_batch(_b(), _rng(), None),
     ["subset_size", "None"]),
    ("fine_tune_tasks inner_steps a generator", lambda d: fine_tune_tasks(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=_gen32([1])),
     ["inner_steps", "generator"]),
    ("softmax_head_logits lam a structured array", lambda d: softmax_head_logits(
        *_features(), _features()[0], _rec_lam()), ["lam", "lam"]),
    ("first_step_change params a dict", lambda d: first_step_change(
        dict(enumerate(_p())), _b(), _m()), ["params", "dict"]),
    ("sharpness iterations a Fraction 5/2", lambda d: sharpness(
        _p(), _b(), _m(), iterations=Fraction(5, 2)), ["iterations", "Fraction"]),
    ("adaptation_curves n_steps numpy inf", lambda d: adaptation_curves(
        _p(), _b(), _m(), n_steps=np.float64(np.inf)), ["n_steps", "inf"]),
    ("meta_gradient_norm inner_lr None", lambda d: meta_gradient_norm(
        _p(), _b(), _m(), inner_steps=1, inner_lr=None), ["inner_lr", "None"]),
    ("meta_loss_low_rank inner_steps a 0-d array of 1.5", lambda d: meta_loss_low_rank(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=np.array(1.5)), ["inner_steps", "1.5"]),
    ("closed_form_meta_loss scale a Decimal", lambda d: closed_form_meta_loss(
        _p()[:4], _b(), _m(), lam=0.1, scale=Decimal("1.0")), ["scale", "Decimal"]),
    ("subset_indices n_tasks a Fraction", lambda d: subset_indices(
        _rng(), Fraction(5, 2), 5, 2), ["n_tasks", "Fraction"]),
    ("uses_low_rank model a string", lambda d: uses_low_rank(_p(), _b(), "mlp"),
     ["model", "'mlp'"]),
    ("check_step max_ratio a string", lambda d: check_step(
        {"params": [np.ones(2)]}, {"params": [np.ones(2)]}, 1.0, step=1,
        advice="lower inner_lr", max_ratio="big"),
     ["max_ratio", "'big'"]),
    ("from_theta0 inner_lr a one-element list", lambda d: next(adapt.from_theta0(
        _p(), _b(), _m(), inner_lr=[0.01], loss=mse)), ["inner_lr", "[0.01]"]),
    ("adapt.after n_steps a 0-d array of 1.5", lambda d: adapt.after(
        adapt.from_theta0(_p(), _b(), _m(), inner_lr=0.01, loss=mse), np.array(1.5)),
     ["n_steps", "1.5"]),
    ("adapt.predict n_steps complex", lambda d: adapt.predict(*_fresh(), _b(), 1 + 1j),
     ["n_steps", "(1+1j)"]),
    ("normalization meta_train cfg a dict", lambda d: normalization_meta_train(
        MLP((1, 8, 1), batch_norm=True), Sinusoid(), _p(), rng=_rng(),
        cfg={"inner_lr": 0.01}), ["cfg", "dict"]),
    ("divergence_map inner_lrs a string", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [1], "0.01", n_steps=1, meta_batch=2),
     ["inner_lrs", "'0.01'"]),
    ("r2d2_logits lam a dtype object", lambda d: r2d2_logits(
        *_features(), _features()[0], np.dtype("float64")), ["lam", "float64"]),
]

STRATEGY_CASES = [
    ("MAMLConfig check first_order the string 'False'", lambda d: MAMLConfig(
        first_order="False").check(), ["first_order", "'False'"]),
    ("ReptileConfig check n_steps a Fraction", lambda d: ReptileConfig(
        n_steps=Fraction(7, 2)).check(), ["n_steps", "Fraction"]),
    ("R2D2Config check lam imaginary", lambda d: R2D2Config(lam=1j).check(), ["lam", "1j"]),
    ("MultitaskConfig check head_seed a Decimal", lambda d: MultitaskConfig(
        head_seed=Decimal("1.5")).check(), ["head_seed", "1.5"]),
    ("PretrainedConfig check meta_batch a 0-d array of 2.5", lambda d: PretrainedConfig(
        meta_batch=np.array(2.5)).check(), ["meta_batch", "2.5"]),
    ("ScratchConfig check inner_lr the string '0.02'", lambda d: ScratchConfig(
        inner_lr="0.02").check(), ["inner_lr", "'0.02'"]),
    ("hyperparameters name an int", lambda d: hyperparameters(3), ["name", "3"]),
    ("ReptileConfig check meta_lr a dtype object", lambda d: ReptileConfig(
        meta_lr=np.dtype("float64")).check(), ["meta_lr", "float64"]),
    ("Multitask given a dict for its config", lambda d: Multitask(
        _m(), Sinusoid(), config={"lam": 0.1}), ["config", "{'lam': 0.1}"]),
    ("MAMLConfig check n_support a one-element list", lambda d: MAMLConfig(
        n_support=[10]).check(), ["n_support", "[10]"]),
    ("SubsetConfig check first_order a numpy array", lambda d: SubsetConfig(
        first_order=np.array([True, False])).check(), ["first_order", "array"]),
    ("PretrainedConfig check inner_lr a generator", lambda d: PretrainedConfig(
        inner_lr=_gen32([0.01])).check(), ["inner_lr", "generator"]),
    ("ScratchConfig check n_query a Fraction", lambda d: ScratchConfig(
        n_query=Fraction(21, 2)).check(), ["n_query", "Fraction"]),
    ("R2D2Config check scale a 0-d array of NaN", lambda d: R2D2Config(
        scale=np.array(np.nan)).check(), ["scale", "nan"]),
    ("make_strategy family the bare TaskFamily", lambda d: make_strategy(
        "maml", family=TaskFamily()), ["family", "TaskFamily"]),
]

EVALUATE_CASES = [
    ("evaluate seed a Fraction", lambda d: _evaluate_call(seed=Fraction(1, 2)),
     ["seed", "Fraction"]),
    ("select_test_time candidates holding NaN", lambda d: _select24(candidates=[0.01, np.nan]),
     ["candidates", "nan"]),
    ("select_test_time max_steps complex", lambda d: _select24(max_steps=1 + 0j),
     ["max_steps", "(1+0j)"]),
    ("as_seed a Decimal 1.5", lambda d: as_seed(Decimal("1.5")), ["seed", "1.5"]),
    ("train seed complex", lambda d: train(make_strategy("maml", meta_batch=2), 1, 1j),
     ["seed", "1j"]),
    ("select_test_time candidates a numpy matrix", lambda d: _select24(
        candidates=_matrix([[0.01, 0.1]])), ["candidates", "matrix"]),
    ("batch_floats n_points a Fraction", lambda d: batch_floats(
        make_strategy("maml", meta_batch=2), 2, Fraction(5, 2)), ["n_points", "Fraction"]),
    ("check_same_run seed a Fraction", lambda d: check_same_run(
        load_checkpoint(_good(d)), make_strategy("maml", meta_batch=2), Fraction(1, 2)),
     ["seed", "Fraction"]),
    ("init_rng seed complex", lambda d: init_rng(2j), ["seed", "2j"]),
    ("compare build meta_steps a Decimal", lambda d: compare_build(
        "maml", "sinusoid", Decimal("2.5")), ["meta_steps", "Decimal"]),
    ("format_result mean a dict", lambda d: format_result({"mse": 0.5}, 0.1),
     ["mean", "{'mse': 0.5}"]),
]

CHECKPOINT_CASES = [
    ("save config with an int key", lambda d: _save(d, config={1: 2}), ["config", "1"]),
    ("save state with an empty key", lambda d: _save(d, state={"": np.ones(2)}), ["''"]),
    ("load a state entry named state/params/x", _load_damaged(
        "px32", lambda a: a.__setitem__("state/params/x", a.pop("state/params/5"))),
     ["state/params/x"]),
    ("save meta_losses a numpy matrix", lambda d: _save(
        d, meta_losses=_matrix([[1.0, 2.0], [3.0, 4.0]])), ["meta_losses", "matrix"]),
    ("load meta/step complex", _load_damaged("stepcx32", _set("meta/step", np.array(2 + 0j))),
     ["meta/step", "complex"]),
    ("load meta/seed complex", _load_damaged("seedcx32", _set("meta/seed", np.array(0j))),
     ["meta/seed", "complex"]),
    ("restore root a generator", lambda d: restore(_good(d), root=_gen32(["x"])),
     ["root", "generator"]),
]

NN_CASES = [
    ("MLP apply x a numpy matrix", lambda d: _m().apply(_p(), _matrix([[0.5], [1.0]])),
     ["x", "matrix"]),
    ("adam_update beta2 imaginary", lambda d: _adam(beta2=0.999j), ["beta2", "0.999j"]),
    ("MLP head features complex", lambda d: _m().head(
        split(_p())[1] if False else _p()[-2:], np.ones((2, 5, 8)) + 1j),
     ["features", "complex"]),
    ("adam_update eps a Decimal", lambda d: _adam(eps=Decimal("1e-8")), ["eps", "Decimal"]),
    ("batch_norm eps a dtype object", lambda d: batch_norm(
        np.ones((2, 4, 3)), eps=np.dtype("float64")), ["eps", "float64"]),
    ("MLP body body_params a generator", lambda d: _m().body(
        _gen32(_p()[:-2]), np.ones((5, 1))), ["body_params", "generator"]),
    ("MLP sizes a numpy matrix", lambda d: MLP(_matrix([[1, 8, 1]])), ["sizes", "matrix"]),
]

TASK_CASES = [
    ("GaussianClusters n_way a Decimal", lambda d: GaussianClusters(n_way=Decimal("5")),
     ["n_way", "Decimal"]),
    ("GaussianClusters spread imaginary", lambda d: GaussianClusters(spread=2j),
     ["spread", "2j"]),
    ("Sinusoid amplitude a numpy matrix", lambda d: Sinusoid(
        amplitude=_matrix([[0.1, 5.0]])), ["amplitude", "matrix"]),
    ("LinearRegression mean a structured array", lambda d: LinearRegression(
        mean=np.array([(1.0, 0.5)], dtype=[("a", "f8"), ("b", "f8")])), ["mean"]),
    ("Sinusoid check_shots n_query a Decimal 5.5", lambda d: Sinusoid().check_shots(
        10, Decimal("5.5")), ["n_query", "5.5"]),
    ("accuracy logits a numpy matrix", lambda d: accuracy(
        _matrix([[0.1, 0.9], [0.8, 0.2]]), np.eye(2)), ["logits", "matrix"]),
    ("a user family whose metric returns NaN", lambda d: _evaluate_call(
        family=_user_family(metric=_metric_nan)), ["metric", "nan"]),
]

OMNIGLOT_CASES = [
    ("finn_split alphabets and characters of other lengths", lambda d: finn_split(
        _data().alphabets[:-1], _data().characters), ["alphabets", "characters"]),
    ("Omniglot sample n_support a Fraction", lambda d: _omni().sample(
        _rng(), 2, Fraction(3, 2), 1), ["n_support", "Fraction"]),
    ("Omniglot rotate a numpy matrix", lambda d: _omni(rotate=_matrix([[0, 90]])),
     ["rotate", "matrix"]),
    ("Omniglot data a structured array", lambda d: Omniglot(
        5, data=np.zeros(3, dtype=[("images", "f8"), ("alphabets", "i8")])), ["data"]),
    ("Omniglot n_way a dtype object", lambda d: _omni(n_way=np.dtype("int64")),
     ["n_way", "int64"]),
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
    the cases whose index i (from 0) has i % 5 not in (0, 3)."""
    return kept_cases(cases, (0, 3), DROPPED)


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


def test_the_thirtysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_thirtysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
