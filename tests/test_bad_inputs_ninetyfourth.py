"""A ninety-fourth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 809181d, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (not ``checks``/``protocol``), ``nn``, ``optim``, ``batchnorm``,
``tasks``, ``more_tasks`` (its ``SIGNATURES``), ``datasets.omniglot`` and
``datasets.omniglot_tasks``; the shapes of good calls (``small_problem``'s parameters and batch,
``split``, ``ridge_fit``, ``closed_form_meta_loss``, ``multitask_loss``, ``r2d2_logits``,
``subset_batch``, a clusters batch, ``MLP.apply`` on (points, 1), a strategy's public names,
``vars()`` of a fresh ``LinearRegression``, ``GaussianClusters`` and ``SinusoidFrequency``, the
decoded Omniglot record's fields, shapes and dtypes); the entry names and ``meta/config`` text
of a checkpoint ``train`` wrote in /dev/shm; and the earlier batteries' ids, docstrings, layout
and shared helpers (imported, not copied: ``_good``, ``_damaged``, ``_read_only``, ``_rng``,
``_family``, the ninetieth's ``_run`` and ``_resume``, the ninety-second's ``_evaluate``,
``_clusters_run``, ``_images``, ``_maml_state``, ``_small``, ``_save_with``, conftest's
``small_problem``). No library docstring was read. Not read: the body of any validation code,
the library's source, its history, anything of /work/main. No ``__main__`` module was imported.
Every case writes only inside its temporary folder (checked after the runs: ``git status
--short`` shows this file only; the decoded Omniglot cache under ~/.cache/scratchmeta, which
one case read, is dated before this battery and was not changed).

Areas, as written: train on the command line -- resumed runs of maml, fomaml, closed_form,
reptile, multitask and subset (11); evaluate and compare on the command line -- runs of
clusters, closed_form, reptile, multitask, subset and anil, compare on clusters, linear,
sinusoid and sinusoid_frequency (10); Chapter 2's functions -- ridge_fit, ridge_head,
closed_form_meta_loss, softmax_head_unrolled, r2d2_logits, reptile_step, fine_tune_tasks,
meta_loss_low_rank, anil_meta_grad, inner_sgd, sgd_path, multitask_loss, subset_batch (13);
strategies and configs -- with_test_time, Scratch/ScratchConfig, Pretrained/PretrainedConfig,
NewtonHead/NewtonHeadConfig, Multitask/MultitaskConfig, FOMAML/FOMAMLConfig, make_strategy
(11); task_rng, evaluate, select_test_time, held_out_tasks and train in the library (11);
checkpoints -- load_checkpoint, restore, save_checkpoint, library train resume, evaluate on
the command line (12); nn/optim/batchnorm -- MLP, per_task, adam_update, adam_rows, adam_init,
finn_init, batch_norm (10); task families -- Sinusoid, LinearRegression, SinusoidFrequency,
GaussianClusters and a user's Sinusoid subclass, in held_out_tasks, train, evaluate and
select_test_time (14); Omniglot -- Omniglot's data (an OmniglotImages record a user built),
SCRATCHMETA_DATA (10): 102.

Kinds of bad value (the issue's own kinds, each a new instance):
- out of range -- zero, negative, NaN, inf: ``train --resume`` with --meta-batch nan,
  --inner-steps -1, --n-query 0, --inner-lr inf, --checkpoint-every 0, --log-every -1, --lam -0.5,
  ``--set head_inner_lr=nan`` and ``subset_size=0``; evaluate --tasks 0, --support 0 and -10,
  --seed -1; compare --tasks -1, --query 0; ridge_fit lam -0.1, closed_form_meta_loss scale
  -1.0, softmax_head_unrolled lam inf, r2d2_logits scale -10, a negative inner_lr (reptile_step,
  anil_meta_grad, inner_sgd), meta_loss_low_rank inner_lr inf, fine_tune_tasks inner_steps -1,
  subset_batch subset_size -2; with_test_time inner_steps -1 and inner_lr 0.0, configs of
  inner_lr -0.02, meta_batch 0, n_support 0, head_meta_lr 0.0, n_query 0, make_strategy meta_lr
  nan, n_support 0, n_steps -1, n_query 0; evaluate n_tasks 0, n_support -5, chunk_size nan,
  n_query inf, select_test_time max_steps nan, a candidate step size 0.0, n_tasks -200,
  held_out_tasks n_support -5 and n_tasks -3; per_task n_tasks nan, adam_update lr 0.0, eps
  -1e-08, beta1 nan, adam_rows eps -1e-08 and beta2 -0.999, batch_norm scale inf; Sinusoid
  x_range (-5, nan), LinearRegression scale nan, GaussianClusters n_way -5 and dim nan,
  SinusoidFrequency frequency (0, 0); Omniglot data of n_background -964;
- a wrong type: --n-support 2.5 at resume, --set batched=ture, evaluate --steps 2.5 and --query
  nan, compare --support 2.5 and --adapt-steps nan; task_rng seed a numpy Generator (an rng
  where an int is meant); MLP sizes (1, nan, 1), finn_init sizes a float array; Omniglot data
  whose n_background is the float 964.0, whose images are complex, or a Python list of arrays;
- a wrong shape or empty: ridge_head features with no points, sgd_path a batch with no support
  points (two steps taken), Omniglot data of no characters or of 19 drawings a character;
- NaN and inf data: multitask_loss body NaN, adam_init params inf, Omniglot images with an inf
  pixel, ink rescaled to [-1, 1] (out of the drawings' range);
- a user's function that misbehaves: sample_x or sample_params returning complex values,
  make_batch returning None, metric returning None or one number for the whole batch, loss
  returning inf or complex values, target returning one number for every point (train,
  held_out_tasks, evaluate, select_test_time);
- degenerate data: SinusoidFrequency amplitude (0, 0) (every target zero);
- files: checkpoints with an entry holding inf (state/params/3, state/adam/v/1), an entry
  reshaped (state/params/2 flattened), meta/config giving inner_steps -1, meta_lr Infinity,
  x_range reversed, n_support 0, meta_batch 2.5, n_query as text; save_checkpoint of inf
  weights, of one meta-loss for two steps, of a config with inner_lr -0.01;
- paths: library ``train`` with a checkpoint in a read-only place; SCRATCHMETA_DATA the empty
  string;
- arguments in each other's places: OmniglotImages given characters where its alphabets go.

Repeats: the 12,162 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (162 files; string first elements of tuples, by ``ast``) were
grepped, before any run, for each function or option with each kind word (a grid of the
options by zero/negative/nan/inf/huge/fractional/word/empty/None/bool/list, then each draft's
function, argument and value). Drafts replaced before any run because the grep found their
substance: select_test_time max_steps -1 (``select max_steps -1``), MLP sizes with a zero width
(``MLP sizes with a zero layer``), finn_init a zero width (``finn_init sizes with a zero``), MLP
apply x with inf, LinearRegression noise inf and scale 0 (``linear noise inf``, ``linear scale
0``), GaussianClusters spread inf and dim -8 (``clusters spread inf``, ``clusters dim
negative``), evaluate chunk_size -1, select_test_time n_tasks 0, a library resume to fewer
steps (``resume fewer steps``), a config of meta_lr negative at evaluate (``resume a checkpoint
whose meta/config has meta_lr negative``), a model's sizes ending in two outputs, adam_update lr
and beta1 negative (``adam lr negative``, ``adam beta1 negative``), a family loss returning None
(``loss returning None, metric``), save_checkpoint step -1 and seed a string, subset_meta_loss
rng an int, MultitaskConfig lam negative and head_steps 2.0 (``multitask lam negative``,
``multitask head_steps 2.5``), per_task params NaN, evaluate tasks 1, compare val-tasks 1.
Near earlier ids, kept as new ways: the command line's option values given at ``--resume``
(earlier only ``resume good with meta-batch 0`` and ``resume with meta-lr nan``; ``subset set
subset_size=0`` was a fresh run); evaluate's and compare's options on runs of other strategies
and families (the values are refused where the options are read, so these may count as the
same substance as ``eval support 0``, ``compare query 0`` and the like: the lead may judge);
softmax_head_unrolled lam inf (``softmax_head lam inf``); library train's checkpoint in a
read-only place (``out read-only folder``, the command line); with_test_time inner_lr 0.0
(``with_test_time inner_lr negative``); adam_update eps negative (``check_adam eps negative``);
adam_rows beta2 negative (``adam beta2 negative``); an r2d2 config of n_query 0 (``newton_head
on clusters n_query 0``); make_batch returning None (``make_batch leaves x_support None``);
SinusoidFrequency amplitude (0, 0) (the ninety-second's Sinusoid of one amplitude and one
phase). No exact id repeats (checked by a script against the same list).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 61 of the 102. After the
first run no case was added, reordered, swapped or reworded; no mentions were changed. No slip
was corrected; dropped: none.

Doubtful, left to the lead: SCRATCHMETA_DATA set to the empty string (many tools read an empty
variable as unset; here it trained from the default decoded cache without a word);
adam_update lr 0.0 (a zero step is legal arithmetic; ``adam_rows lr 0`` was an earlier case);
SinusoidFrequency amplitude (0, 0) (degenerate, maybe meant); Omniglot data of 19 drawings a
character (a user's own decode of another size may be meant).

First run at 809181d (under ``ulimit -v 8000000``, SCRATCHMETA_DATA=/tmp/shared/data/omniglot
in the environment): written, 96 of 102 clear (94.1%), 0 unclear, 6 silent, 0 data loss -- cli
train 11/11, evaluate/compare 10/10, meta functions 13/13, strategies 11/11, evaluate and train
11/11, checkpoints 12/12, nn/optim/batchnorm 9/10, task families 13/14, omniglot 6/10. Kept,
59 of 61 clear (96.7%), 0 unclear, 2 silent, 0 data loss -- 7/7, 6/6, 7/7, 7/7, 7/7, 7/7, 6/6,
8/8, 4/6. Under pytest: 60 passed, 2 failed (the 2 kept cases not clear; the wide-and-new test
passes).

Not clear, kept:
- ``train omniglot with SCRATCHMETA_DATA set to the empty string`` (silent, doubtful): exit 0,
  "training MAML on omniglot for 1 meta-steps ... saved .../omni.npz": the empty variable was
  taken as unset and the default decoded cache used, with no word about it.
- ``OmniglotImages given characters and alphabets in each other's places`` (silent): episodes
  drawn, no error; the character names ('character01', ...) were taken as alphabets, so the
  1623 characters fall into ~55 "alphabets" that cut across Lake's real ones.

Not clear, written and not kept (all silent, no error): ``adam_update lr 0.0`` (doubtful),
``SinusoidFrequency amplitude (0.0, 0.0), every target zero, in held_out_tasks`` (doubtful),
``Omniglot data whose ink a user rescaled to [-1, 1]`` (drawings below 0 accepted), ``Omniglot
data of 19 drawings a character`` (doubtful: the official 20 are not required).

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --meta-batch:
expected a positive integer, written in plain decimal digits, got 'nan'", "ValueError: '...'
is damaged: its meta/config records the family 'sinusoid' with bad arguments: x_range must be
a range (low, high) of finite numbers with low <= high, got [5.0, -5.0]", "TypeError:
UserFamily.metric (_metric_none) must return one real number per task, an array of shape (2,)
for pred of shape (2, 5, 1), got NoneType None").

Measured on main at 809181d, the commit it was written at, blind (the lead reran it there, with
the ninety-fifth written beside it): kept, 59 of 61 clear (96.7%), 2 silent, 0 data loss. The
pair's brief, unlike the ninetieth to ninety-third's, asked for the kinds issue 11 lists (new
instances of them), not for new kinds. With the ninety-fifth (30 of 59) the pair is 89 of 120
(74.2%), 20 silent, 0 data loss: under the goal of 95%. Round 63 (with sight of this file, so
not blind) refused SCRATCHMETA_DATA set to the empty string, keyed the in-process Omniglot
cache on that variable (a run that set it anew read the old folder's drawings), and named
alphabets and characters given in each other's places: both kept cases are clear now.
"""

import itertools

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot import OmniglotImages
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.baselines import Pretrained, PretrainedConfig, Scratch, ScratchConfig
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.maml import FOMAML, FOMAMLConfig, inner_sgd
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.multitask import Multitask, MultitaskConfig, multitask_loss
from scratchmeta.meta.newton_head import NewtonHead, NewtonHeadConfig
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import default_model, make_strategy
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import softmax_head_unrolled
from scratchmeta.meta.subset import subset_batch
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, mse

from conftest import small_problem
from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _good, _read_only
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fiftysecond import _family
from test_bad_inputs_ninetieth import _resume, _run
from test_bad_inputs_ninetysecond import (_clusters_run, _evaluate, _images, _maml_state,
                                          _save_with, _small)

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train (a run resumed with a careless flag)

def _resumed(name, *flags, family=None):
    """``train --resume`` of a two-step ``name`` run (its --strategy, and --family if given)."""
    extra = ["--strategy", name] + (["--family", family] if family else [])
    return _resume(lambda d: _run(d, name, family=family or "sinusoid"), *extra, *flags)


CLI_TRAIN_CASES = [
    ("train resume a maml run with meta-batch nan",
     _resumed("maml", "--meta-batch", "nan"), ["--meta-batch", "nan"]),
    ("train resume a maml run with inner-steps -1",
     _resumed("maml", "--inner-steps", "-1"), ["--inner-steps", "-1"]),
    ("train resume a maml run with n-query 0",
     _resumed("maml", "--n-query", "0"), ["--n-query", "0"]),
    ("train resume a maml run with n-support 2.5",
     _resumed("maml", "--n-support", "2.5"), ["--n-support", "2.5"]),
    ("train resume a fomaml run with inner-lr inf",
     _resumed("fomaml", "--inner-lr", "inf"), ["--inner-lr", "inf"]),
    ("train resume a maml run with checkpoint-every 0",
     _resumed("maml", "--checkpoint-every", "0"), ["--checkpoint-every", "0"]),
    ("train resume a maml run with log-every -1",
     _resumed("maml", "--log-every", "-1"), ["--log-every", "-1"]),
    ("train resume a closed_form run with lam -0.5",
     _resumed("closed_form", "--lam", "-0.5"), ["--lam", "-0.5"]),
    ("train resume a reptile run with set batched=ture, a typo of true",
     _resumed("reptile", "--set", "batched=ture"), ["batched", "ture"]),
    ("train resume a multitask run with set head_inner_lr=nan",
     _resumed("multitask", "--set", "head_inner_lr=nan"), ["head_inner_lr", "nan"]),
    ("train resume a subset run with set subset_size=0",
     _resumed("subset", "--set", "subset_size=0"), ["subset_size", "0"]),
]

# --- the command line: evaluate and compare, on runs of other strategies and families

def _compare_on(strategies, family, *extra):
    return lambda d: ["compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4",
                      "--adapt-steps", "1", "--strategies", *strategies, "--family", family,
                      *extra]


CLI_OTHER_CASES = [
    ("evaluate a clusters run with tasks 0",
     _evaluate(_clusters_run, "--tasks", "0"), ["--tasks", "0"]),
    ("evaluate a closed_form run with support 0",
     _evaluate(lambda d: _run(d, "closed_form"), "--support", "0"), ["--support", "0"]),
    ("evaluate a reptile run with steps 2.5",
     _evaluate(lambda d: _run(d, "reptile"), "--steps", "2.5"), ["--steps", "2.5"]),
    ("evaluate a multitask run with query nan",
     _evaluate(lambda d: _run(d, "multitask"), "--query", "nan"), ["--query", "nan"]),
    ("evaluate a subset run with support -10",
     _evaluate(lambda d: _run(d, "subset"), "--support", "-10"), ["--support", "-10"]),
    ("evaluate an anil run with seed -1",
     _evaluate(lambda d: _run(d, "anil"), "--seed", "-1"), ["--seed", "-1"]),
    ("compare clusters maml with tasks -1",
     _compare_on(["maml"], "clusters", "--support", "5", "--query", "5", "--tasks", "-1"),
     ["--tasks", "-1"]),
    ("compare closed_form on linear with adapt-steps nan",
     _compare_on(["closed_form"], "linear", "--adapt-steps", "nan"), ["--adapt-steps", "nan"]),
    ("compare reptile on sinusoid with support 2.5",
     _compare_on(["reptile"], "sinusoid", "--support", "2.5"), ["--support", "2.5"]),
    ("compare fomaml on sinusoid_frequency with query 0",
     _compare_on(["fomaml"], "sinusoid_frequency", "--query", "0"), ["--query", "0"]),
]

# --- Chapter 2's functions

def _problem():
    return small_problem()


def _features(n_tasks=3, n_points=5, width=4):
    return np.random.default_rng(1).normal(size=(n_tasks, n_points, width))


def _clusters_batch():
    return GaussianClusters().sample(_rng(), 2, 5, 5)


def _no_support(batch):
    """The batch with its support sets cut to no points."""
    return TaskBatch(batch.x_support[:, :0], batch.y_support[:, :0], batch.x_query,
                     batch.y_query)


def _meta(fn, **kw):
    model, params, batch = _problem()
    return fn(params, batch, model, **{"inner_lr": 0.01, "inner_steps": 1, **kw})


def _body_nan():
    model, params, batch = _problem()
    body, _ = split(params)
    body = [np.full_like(body[0], np.nan)] + list(body[1:])
    heads = [np.zeros((3, 8, 1)), np.zeros((3, 1))]
    return multitask_loss(body, heads, batch.x_support, batch.y_support, model)


def _path_without_support():
    model, params, batch = _problem()
    return list(itertools.islice(sgd_path(per_task(params, 3), _no_support(batch), model,
                                          inner_lr=0.01, loss=mse), 2))


META_CASES = [
    ("ridge_fit lam -0.1, a sign slip",
     lambda d: ridge_fit(_features(), _problem()[2].y_support, -0.1), ["lam", "-0.1"]),
    ("ridge_head features and targets with no support points",
     lambda d: ridge_head(_features(n_points=0), np.zeros((3, 0, 1)), 1.0), ["features"]),
    ("closed_form_meta_loss scale -1.0",
     lambda d: (lambda m, p, b: closed_form_meta_loss(split(p)[0], b, m, lam=1.0,
                                                      scale=-1.0))(*_problem()),
     ["scale", "-1.0"]),
    ("softmax_head_unrolled lam inf",
     lambda d: (lambda b: softmax_head_unrolled(b.x_support, b.y_support, np.inf, 3))(
         _clusters_batch()), ["lam", "inf"]),
    ("r2d2_logits scale -10, the sign flipped",
     lambda d: (lambda b: r2d2_logits(b.x_support, b.y_support, b.x_query, 1.0,
                                      scale=-10.0))(_clusters_batch()), ["scale", "-10"]),
    ("reptile_step inner_lr -0.01",
     lambda d: _meta(reptile_step, inner_lr=-0.01, meta_lr=0.1), ["inner_lr", "-0.01"]),
    ("fine_tune_tasks inner_steps -1",
     lambda d: _meta(fine_tune_tasks, inner_steps=-1), ["inner_steps", "-1"]),
    ("meta_loss_low_rank inner_lr inf",
     lambda d: _meta(meta_loss_low_rank, inner_lr=np.inf), ["inner_lr", "inf"]),
    ("anil_meta_grad inner_lr -0.1",
     lambda d: _meta(anil_meta_grad, inner_lr=-0.1), ["inner_lr", "-0.1"]),
    ("inner_sgd inner_lr -0.01",
     lambda d: (lambda m, p, b: inner_sgd(per_task(p, 3), b.x_support, b.y_support, m.apply,
                                          inner_lr=-0.01, inner_steps=1))(*_problem()),
     ["inner_lr", "-0.01"]),
    ("sgd_path a batch with no support points, two steps taken",
     lambda d: _path_without_support(), ["support"]),
    ("multitask_loss body whose first weight is all NaN",
     lambda d: _body_nan(), ["body"]),
    ("subset_batch subset_size -2",
     lambda d: subset_batch(_problem()[2], _rng(), -2), ["subset_size", "-2"]),
]

# --- strategies, configs and the registry

def _maml():
    return make_strategy("maml", meta_batch=2)


def _sinusoid_model():
    return MLP((1, 40, 40, 1))


STRATEGY_CASES = [
    ("with_test_time inner_steps -1",
     lambda d: with_test_time(_maml(), inner_steps=-1), ["inner_steps", "-1"]),
    ("with_test_time inner_lr 0.0, a test-time step of zero",
     lambda d: with_test_time(_maml(), inner_lr=0.0), ["inner_lr", "0"]),
    ("Scratch with a ScratchConfig of inner_lr -0.02",
     lambda d: Scratch(_sinusoid_model(), Sinusoid(), config=ScratchConfig(inner_lr=-0.02)),
     ["inner_lr", "-0.02"]),
    ("Pretrained with a PretrainedConfig of meta_batch 0",
     lambda d: Pretrained(_sinusoid_model(), Sinusoid(), config=PretrainedConfig(
         meta_batch=0)), ["meta_batch", "0"]),
    ("NewtonHead with a NewtonHeadConfig of n_support 0",
     lambda d: NewtonHead(default_model(GaussianClusters()), GaussianClusters(),
                          config=NewtonHeadConfig(n_support=0)), ["n_support", "0"]),
    ("make_strategy anil meta_lr nan",
     lambda d: make_strategy("anil", meta_batch=2, meta_lr=float("nan")), ["meta_lr", "nan"]),
    ("Multitask with a MultitaskConfig of head_meta_lr 0.0",
     lambda d: Multitask(_sinusoid_model(), Sinusoid(), config=MultitaskConfig(
         head_meta_lr=0.0)), ["head_meta_lr", "0"]),
    ("FOMAML with a FOMAMLConfig of n_query 0",
     lambda d: FOMAML(_sinusoid_model(), Sinusoid(), config=FOMAMLConfig(n_query=0)),
     ["n_query", "0"]),
    ("make_strategy subset n_support 0",
     lambda d: make_strategy("subset", meta_batch=2, n_support=0), ["n_support", "0"]),
    ("make_strategy reptile n_steps -1",
     lambda d: make_strategy("reptile", meta_batch=2, n_steps=-1), ["n_steps", "-1"]),
    ("make_strategy r2d2 on clusters n_query 0",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, n_query=0),
     ["n_query", "0"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

def _select(**kw):
    return select_test_time(*_maml_state(), Sinusoid(), **{
        "candidates": [0.01], "max_steps": 1, **_small(), **kw})


EVALUATE_CASES = [
    ("task_rng seed a numpy Generator, not an int",
     lambda d: task_rng(np.random.default_rng(22), 0), ["seed"]),
    ("evaluate n_tasks 0",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_tasks=0)),
     ["n_tasks", "0"]),
    ("evaluate n_support -5",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_support=-5)),
     ["n_support", "-5"]),
    ("evaluate chunk_size nan",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, chunk_size=float("nan"),
                        **_small()), ["chunk_size", "nan"]),
    ("evaluate n_query inf",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_query=np.inf)),
     ["n_query", "inf"]),
    ("select_test_time max_steps nan",
     lambda d: _select(max_steps=float("nan")), ["max_steps", "nan"]),
    ("select_test_time candidates holding a step size of 0.0",
     lambda d: _select(candidates=[0.0, 0.01]), ["candidates"]),
    ("select_test_time n_tasks -200",
     lambda d: _select(n_tasks=-200), ["n_tasks", "-200"]),
    ("held_out_tasks n_support -5",
     lambda d: held_out_tasks(Sinusoid(), 3, -5, 5), ["n_support", "-5"]),
    ("held_out_tasks n_tasks -3",
     lambda d: held_out_tasks(Sinusoid(), -3, 5, 5), ["n_tasks", "-3"]),
    ("train with a checkpoint in a read-only folder",
     lambda d: train(_maml(), 2, 0, checkpoint=_read_only(d) / "run.npz"), ["checkpoint"]),
]

# --- checkpoints

def _set_entry(name, key, value):
    return lambda d: _damaged(d, name, lambda a: a.__setitem__(key, value(a[key])))


def _config_edit(name, old, new):
    """The good checkpoint with ``old`` replaced by ``new`` in its meta/config text."""
    def change(arrays):
        text = str(arrays["meta/config"])
        assert old in text, old
        arrays["meta/config"] = np.array(text.replace(old, new, 1))
    return lambda d: _damaged(d, name, change)


def _save_losses(d, losses):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "saved.npz", ckpt.state, step=ckpt.step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=losses)


def _save_config(d, **hyper):
    ckpt = load_checkpoint(_good(d))
    config = {**ckpt.config, "hyperparameters": {**ckpt.config["hyperparameters"], **hyper}}
    return save_checkpoint(d / "saved.npz", ckpt.state, step=ckpt.step, seed=ckpt.seed,
                           config=config, meta_losses=ckpt.meta_losses)


def _params_inf(state):
    params = list(state["params"])
    params[0] = np.full_like(params[0], np.inf)
    return {**state, "params": params}


PARAMS3_INF = _set_entry("p3inf", "state/params/3", lambda a: np.full_like(a, np.inf))
PARAMS2_FLAT = _set_entry("p2flat", "state/params/2", lambda a: a.reshape(-1))
V1_INF = _set_entry("v1inf", "state/adam/v/1", lambda a: np.full_like(a, np.inf))
INNER_STEPS_NEG = _config_edit("ksneg", '"inner_steps": 1', '"inner_steps": -1')
META_LR_INF = _config_edit("mlrinf", '"meta_lr": 0.001', '"meta_lr": Infinity')
X_RANGE_REVERSED = _config_edit("xrev", '"x_range": [-5.0, 5.0]', '"x_range": [5.0, -5.0]')
N_SUPPORT_ZERO = _config_edit("ns0", '"n_support": 10', '"n_support": 0')
META_BATCH_FLOAT = _config_edit("mbf", '"meta_batch": 2', '"meta_batch": 2.5')
N_QUERY_TEXT = _config_edit("nqtext", '"n_query": 10', '"n_query": "10"')


def _train_resume(make, n_steps=4):
    return lambda d: train(make_strategy("maml", meta_batch=2), n_steps, 0,
                           checkpoint=make(d), resume=True)


CHECKPOINT_CASES = [
    ("load_checkpoint a checkpoint whose state/params/3 holds inf",
     lambda d: load_checkpoint(PARAMS3_INF(d)), ["state/params/3"]),
    ("restore a checkpoint whose state/params/2 is flattened to 1600 values",
     lambda d: restore(PARAMS2_FLAT(d)), ["state/params/2"]),
    ("restore a checkpoint whose state/adam/v/1 holds inf",
     lambda d: restore(V1_INF(d)), ["state/adam/v/1"]),
    ("load_checkpoint a checkpoint whose meta/config gives inner_steps -1",
     lambda d: load_checkpoint(INNER_STEPS_NEG(d)), ["inner_steps", "-1"]),
    ("evaluate on the command line a checkpoint whose meta/config gives meta_lr Infinity",
     _evaluate(META_LR_INF), ["meta_lr"]),
    ("restore a checkpoint whose meta/config gives the family's x_range reversed",
     lambda d: restore(X_RANGE_REVERSED(d)), ["x_range"]),
    ("save_checkpoint config whose hyperparameters give inner_lr -0.01",
     lambda d: _save_config(d, inner_lr=-0.01), ["inner_lr", "-0.01"]),
    ("save_checkpoint meta_losses of one loss for two steps",
     lambda d: _save_losses(d, np.array([1.0])), ["meta_losses"]),
    ("save_checkpoint a state whose first weight is all inf",
     lambda d: _save_with(d, _params_inf), ["params"]),
    ("restore a checkpoint whose meta/config gives n_support 0",
     lambda d: restore(N_SUPPORT_ZERO(d)), ["n_support", "0"]),
    ("library train resume a checkpoint whose meta/config gives meta_batch 2.5",
     _train_resume(META_BATCH_FLOAT), ["meta_batch", "2.5"]),
    ("load_checkpoint a checkpoint whose meta/config gives n_query as the text \"10\"",
     lambda d: load_checkpoint(N_QUERY_TEXT(d)), ["n_query"]),
]

# --- nn, optim, batchnorm

def _params(sizes=(1, 8, 1)):
    return MLP(sizes).init(_rng())


def _adam(params, **kw):
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params),
                       **{"lr": 1e-3, **kw})


def _rows(**kw):
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((3, 2))], np.arange(3), **{"lr": 1e-3, **kw})


NN_CASES = [
    ("MLP sizes with a NaN width (1, nan, 1)",
     lambda d: MLP((1, float("nan"), 1)).init(_rng()), ["sizes"]),
    ("per_task n_tasks nan",
     lambda d: per_task(_params(), float("nan")), ["n_tasks", "nan"]),
    ("adam_update lr 0.0",
     lambda d: _adam(_params(), lr=0.0), ["lr", "0"]),
    ("adam_update eps -1e-08",
     lambda d: _adam(_params(), eps=-1e-8), ["eps", "-1e-08"]),
    ("adam_update beta1 nan",
     lambda d: _adam(_params(), beta1=float("nan")), ["beta1", "nan"]),
    ("adam_rows eps -1e-08",
     lambda d: _rows(eps=-1e-8), ["eps", "-1e-08"]),
    ("adam_rows beta2 -0.999",
     lambda d: _rows(beta2=-0.999), ["beta2", "-0.999"]),
    ("finn_init sizes a float array [4.0, 8.0, 2.0]",
     lambda d: finn_init(_rng(), np.array([4.0, 8.0, 2.0])), ["sizes"]),
    ("batch_norm scale inf",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), scale=np.full(3, np.inf)),
     ["scale"]),
    ("adam_init params holding an inf weight",
     lambda d: adam_init([np.array([[np.inf, 1.0]]), np.zeros(2)]), ["params"]),
]

# --- task families, make_family and a user's own TaskFamily subclass

def _x_complex(self, rng, task_params, n_points):
    return Sinusoid.sample_x(self, rng, task_params, n_points) * (1 + 1j)


def _params_complex(self, rng, n_tasks):
    return Sinusoid.sample_params(self, rng, n_tasks) + 0j


def _batch_none(self, rng, task_params, n_support, n_query):
    return None


def _metric_none(self, pred, y):
    return None


def _loss_inf(pred, y):
    return np.full(pred.shape[0], np.inf)


def _loss_complex(pred, y):
    return mse(pred, y) + 0j


def _metric_one_number(self, pred, y):
    return float(np.mean((pred - y) ** 2))


def _target_one_number(self, task_params, x):
    return 1.0


def _train_family(family):
    return train(make_strategy("maml", family=family, meta_batch=2), 2, 0)


def _evaluate_family(family):
    return evaluate(*_maml_state(), family, n_steps=1, **_small())


TASK_CASES = [
    ("Sinusoid x_range with NaN for its upper end, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=(-5.0, np.nan)), 2, 5, 5), ["x_range"]),
    ("LinearRegression scale nan, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(scale=np.nan), 2, 5, 5), ["scale", "nan"]),
    ("SinusoidFrequency amplitude (0.0, 0.0), every target zero, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(amplitude=(0.0, 0.0)), 2, 5, 5),
     ["amplitude"]),
    ("GaussianClusters n_way -5, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way=-5), 2, 5, 5), ["n_way", "-5"]),
    ("GaussianClusters dim nan",
     lambda d: held_out_tasks(GaussianClusters(dim=np.nan), 2, 5, 5), ["dim", "nan"]),
    ("SinusoidFrequency frequency (0.0, 0.0), every task a constant",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(0.0, 0.0)), 2, 5, 5),
     ["frequency"]),
    ("a user family whose sample_x returns complex points, in train",
     lambda d: _train_family(_family(sample_x=_x_complex)), ["sample_x"]),
    ("a user family whose sample_params returns complex parameters, in held_out_tasks",
     lambda d: held_out_tasks(_family(sample_params=_params_complex), 2, 5, 5),
     ["sample_params"]),
    ("a user family whose make_batch returns None, in train",
     lambda d: _train_family(_family(make_batch=_batch_none)), ["make_batch"]),
    ("a user family whose metric returns None, in evaluate",
     lambda d: _evaluate_family(_family(metric=_metric_none)), ["metric"]),
    ("a user family whose loss returns inf for every task, in train",
     lambda d: _train_family(_family(loss=staticmethod(_loss_inf))), ["loss"]),
    ("a user family whose loss returns complex values, in evaluate",
     lambda d: _evaluate_family(_family(loss=staticmethod(_loss_complex))), ["loss"]),
    ("a user family whose metric returns one number for the whole batch, in select_test_time",
     lambda d: select_test_time(*_maml_state(), _family(metric=_metric_one_number),
                                candidates=[0.01], max_steps=1, **_small()), ["metric"]),
    ("a user family whose target returns one number for every point, in held_out_tasks",
     lambda d: held_out_tasks(_family(target=_target_one_number), 2, 5, 5), ["target"]),
]

# --- Omniglot

def _sample(family):
    return family.sample(_rng(), 2, 5, 5)


def _inf_pixel(images, a, c, n):
    images[3, 2, 14, 14] = np.inf
    return images, a, c, n


def _signed_ink(images, a, c, n):
    return 2 * images - 1, a, c, n


def _no_characters(images, a, c, n):
    return images[:0], a[:0], c[:0], 0


def _complex_images(images, a, c, n):
    return images + 0j, a, c, n


def _n_background_float(images, a, c, n):
    return images, a, c, float(n)


def _n_background_negative(images, a, c, n):
    return images, a, c, -n


def _nineteen_drawings(images, a, c, n):
    return images[:, :19], a, c, n


def _images_list(images, a, c, n):
    return list(images), a, c, n


def _omniglot_train_argv(d):
    return ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
            "--out", str(d / "omni.npz")]


OMNIGLOT_CASES = [
    ("Omniglot data whose images hold one inf pixel",
     lambda d: _sample(Omniglot(5, data=_images(_inf_pixel))), ["images"]),
    ("Omniglot data whose ink a user rescaled to [-1, 1]",
     lambda d: _sample(Omniglot(5, data=_images(_signed_ink))), ["images"]),
    ("Omniglot data of no characters, an empty decode",
     lambda d: _sample(Omniglot(5, data=_images(_no_characters))), ["images"]),
    ("train omniglot with SCRATCHMETA_DATA set to the empty string",
     _omniglot_train_argv, ["SCRATCHMETA_DATA"], {"SCRATCHMETA_DATA": ""}),
    ("Omniglot data whose images are complex",
     lambda d: _sample(Omniglot(5, data=_images(_complex_images))), ["images"]),
    ("Omniglot data whose n_background is the float 964.0",
     lambda d: _sample(Omniglot(5, data=_images(_n_background_float))),
     ["n_background", "964.0"]),
    ("Omniglot data whose n_background is -964",
     lambda d: _sample(Omniglot(5, data=_images(_n_background_negative))),
     ["n_background", "-964"]),
    ("Omniglot data of 19 drawings a character",
     lambda d: held_out_tasks(Omniglot(5, data=_images(_nineteen_drawings)), 2, 5, 5),
     ["images"]),
    ("Omniglot data whose images are a Python list of per-character arrays",
     lambda d: _sample(Omniglot(5, data=_images(_images_list))), ["images"]),
    ("OmniglotImages given characters and alphabets in each other's places",
     lambda d: (lambda data: _sample(Omniglot(5, data=OmniglotImages(
         data.images, data.characters, data.alphabets, data.n_background))))(
             _images(lambda i, a, c, n: (i, a, c, n))), ["alphabets"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare": CLI_OTHER_CASES,
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


# --- running and classifying

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


def test_the_ninetyfourth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_ninetyfourth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
