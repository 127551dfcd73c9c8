"""A hundred-and-forty-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit 49fe996,
from the user's side only, in about fifteen minutes: ``--help`` of the program, ``train``,
``evaluate`` and ``compare`` (in full); the public names and signatures (``inspect.signature``
of the functions and classes each module defines, from ``__all__`` or ``dir``; no methods) of
``scratchmeta.meta``'s ``adapt``, ``evaluate``, ``registry``, ``checkpoint``, ``training``,
``ridge``, ``softmax_head``, ``normalization``, ``reptile``, ``omniglot_compare``, ``baselines``
and ``multitask``, and of ``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``,
``datasets.omniglot`` and ``datasets.omniglot_tasks`` (not
``checks``/``protocol``/``messages``); ``tests/test_bad_inputs_cli.py``'s first five lines and a
listing of its ``def`` lines (its module docstring was not read again: the templates' use of it
was followed); the two templates, the hundred-and-fortieth (in full) and the
hundred-and-thirty-eighth (its docstring's head, its imports, its command-line, checkpoint and
Omniglot case lists and a listing of its other lines' names); the ids of every earlier battery
(extracted by ``ast``, see below). The README was not read (the time went to the repeats check).
Imported, not copied: ``_good``, ``_damaged``, ``_train``, ``_rng``, ``_data``, the ninetieth's
``_run``, the ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's
``_compare_on``, ``_features``, ``_maml``, ``_problem``, ``_resumed``, ``_set_entry``, the
ninety-sixth's ``Quadratic``, ``_quadratic``, ``_save_fields``, the hundred-and-second's
``_needs_omniglot`` and ``_params``, the hundred-and-twenty-eighth's ``_onehot``. Disclosed: to
learn the helpers' signatures, ``inspect.signature`` printed those of ``_train``, ``_good``,
``_damaged``, ``_run``, ``_evaluate``, ``_compare_on``, ``_resumed``, ``_set_entry``,
``_quadratic``, ``_evaluate_quadratic``, ``_save_fields``, ``_under_the_batteries_ulimit``,
``_needs_omniglot``, ``_params``, ``_small``, ``_maml_state``, ``_problem``, ``_features``,
``_sample``, ``_maml``, the ninety-sixth's ``Quadratic``'s public names and its ``target``; no
helper body was printed. The first kept run stopped on a slip of this file (below), and its
traceback showed two lines of library source (the ``check_classifier_family`` call in
``registry.py``'s ``make_strategy`` and the ``raise`` line of ``checks.py``'s
``check_classifier_family`` with its message); nothing else of them was read. No library source
body, library docstring, validation module, history or file of /work/main was read (its venv's
python was run). No good library calls were made before the runs; after the first run, the four
corrected cases were classified alone once, in their first form, to record their results. The
commit was read with ``git rev-parse --short HEAD``. Every case writes only inside its temporary
folder (``git status --short`` after the runs shows this file only; the id list, the scripts,
the copy before the first run and the run outputs were kept outside the worktree, in
/tmp/wt142_scratch, removed at the end). SCRATCHMETA_DATA was unset. The runs were made as root
(so no read-only-folder case was written: root writes through it).
``_under_the_batteries_ulimit`` is not used: the only huge size is one command-line case
(evaluate --tasks 10**12) that the library is expected to refuse before allocating, and no
library case asks for a huge size.

Emphasis, as the brief asked (another writer took Chapter 2's library side at the same time): 66
of the 101 cases are on the command line, 35 in the library.

Areas, as written (101 in all): train on the command line (21) -- maml on clusters and linear
and sinusoid, fomaml on sinusoid and clusters, anil on clusters and sinusoid_frequency,
closed_form on sinusoid_frequency, r2d2 and newton_head and reptile and scratch on clusters,
subset on sinusoid, multitask on clusters, pretrained on sinusoid_frequency, scratch on
sinusoid, reptile on sinusoid, a misspelt strategy and a misspelt family; evaluate on the
command line (14) -- runs of maml, reptile, r2d2 and newton_head (clusters), fomaml and
pretrained (linear), anil (sinusoid_frequency), closed_form, subset, scratch and multitask
(sinusoid), and three bad --checkpoint paths; compare on the command line (12) -- maml, fomaml,
pretrained and newton_head on clusters, reptile and multitask on linear, anil on
sinusoid_frequency, r2d2 on clusters, subset and scratch on sinusoid, two misspelt names;
checkpoints and resumes on the command line (12) -- train --resume with --force, resumes of
fomaml and anil (clusters), r2d2 (clusters), subset, the good run with another family, a resume
of a checkpoint without state/adam/m/0, train --out under a file, evaluate of a cut checkpoint,
of state/params/1 reshaped, of a text meta/seed and of an empty zip; Omniglot on the command
line (7) -- --root (two), --n-query, --dtype, r2d2's --n-query, --meta-batch, --inner-steps;
Chapter 2's functions (5) -- adapt.steps, ridge_head, softmax_head, reptile_step,
softmax_head_unrolled; strategies and the registry (6) -- make_strategy (maml's family, reptile,
multitask), hyperparameters, with_test_time, make_family; library train, evaluate (two),
held_out_tasks, task_rng, select_test_time (6); checkpoints in the library (4) --
load_checkpoint, save_checkpoint (two), restore; nn/optim/batchnorm (5) -- MLP activation and
dtype, adam_update, adam_rows, batch_norm; task families (5) -- LinearRegression,
SinusoidFrequency, GaussianClusters, the ninety-sixth's ``Quadratic`` with its target changed,
mse; Omniglot in the library (4) -- Omniglot's n_train and split, check_shots,
omniglot_compare's with_step_size.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: train --inner-lr '1%', --meta-lr '0.001/2', --set first_order=1.5, --lam 'e-3',
  --set scale=10x, --set subset_size=1/2, --set head_init=1, --meta-batch 25.0,
  --checkpoint-every '1e3', --meta-batch '25 tasks', --meta-lr 'auto', --log-every 'none';
  evaluate --steps '10 10', --tasks '6e2', --support '1e1', --query '-1e1', --seed '22,',
  --support '5,5', --steps '1e3', --support '10/2', --query '100%', --tasks ' '; compare --steps
  '5k', --val-seed '1 1', --eval-seed '-0x16', --query '100.0', --adapt-steps 'max', --tasks
  '1e2', --seed '+-0', --support '5x5'; train omniglot --n-query 'all', --inner-steps 1.0;
  adapt.steps n_steps 'all', softmax_head_unrolled n_steps 'three', make_strategy reptile
  inner_steps np.float64(3.0), make_family clusters n_way 'five', train progress 'yes', evaluate
  on_divergence ['raise'] and chunk_size '100', task_rng seed (22,), select_test_time candidates
  [0.01, True], load_checkpoint path (folder, name), save_checkpoint config 'maml', MLP dtype
  np.float64(1.0), adam_update beta2 (0.9, 0.999), adam_rows lr 'small', LinearRegression noise
  of two levels, GaussianClusters dim 2.5, check_shots n_drawings 'twenty', with_step_size
  step_size '0.4';
- out of range: train --set lam=-inf, --n-query -1, --meta-batch -4 (omniglot), --n-query 0
  (omniglot); evaluate --tasks 10**12 (past any memory); compare --support 0, --val-tasks -50;
  resume --meta-lr -1e-3, --set lam=nan, --n-query -3, --set subset_size=0; ridge_head lam inf,
  reptile_step meta_lr -1.0, save_checkpoint seed np.int64(-3), Omniglot n_train 1600 beside
  n_validation 100 (past the 1623 characters);
- a wrong shape: mse pred of 5 points for y of 4, batch_norm offset of 3 for 4 features,
  SinusoidFrequency frequency of three numbers, a checkpoint whose state/params/1 is one 2-D
  row, whose state/adam/t is a pair;
- a user's function that misbehaves (``Quadratic``): target returning two extra trailing axes;
- files and paths: evaluate --checkpoint ' ', a dangling symbolic link run.npz, an np.save array
  named run.npz, the first 100 bytes of the good checkpoint, an empty zip named empty.npz, a
  checkpoint whose meta/seed is text; train --resume of a checkpoint without state/adam/m/0;
  train --out under the good checkpoint file; train omniglot --root the case's folder (no
  archives), the good checkpoint file, --dtype 'float';
- mismatches and conflicts: train --resume with --force; resume the good sinusoid run with
  --family sinusoid_frequency; train scratch with --lam (closed_form's and multitask's option);
  --set inner_steps=3 beside --inner-steps 5; softmax_head form 'Dual';
- typos and misspellings: train --strategy 'fo_maml', --family 'sinusoid-frequency', --set
  reptile inner_lr without a value, --set inner-lr=0.01, --set meta_bach=4; compare
  'closed_form_', 'mamI'; make_strategy family 'Linear', head_init 'closed form',
  hyperparameters 'fomaml ', with_test_time n_stepz, MLP activation 'rel', Omniglot split
  'Test'.

Repeats: the 16,849 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; an earlier id of three words or more that is a whole-word
prefix of a draft; and a draft's text before the first comma that is a prefix of an earlier id),
over six rounds, and by about 90 function-and-value regular-expression greps over the same list
(e.g. ``meta-batch 0``, ``checkpoint-every 0|2.5``, ``subset_size=0.5|1/2``,
``head_init=closed-form``, ``family 'Sinusoid'|sine``, ``steps ''``, ``tasks 0``, ``support
0|-5|'ten'|10**9``, ``query -10|1.5|0|100.5``, ``seed -22|22.5|'None'|7.0``, ``checkpoint ''``,
``a folder for a file``, ``text file named run.npz``, ``np.save``, ``val-tasks 0``, ``'maml '``,
``'MAML'``, ``eval-seed 1.5``, ``adapt-steps 2.5|1e1``, ``r2d2 .*scale=``, ``split
test|'Test'``, ``root given``, ``two decimal points``, ``1/100``, ``given two ways``,
``ridge_head lam``, ``evaluate chunk_size``, ``MLP batch_norm``, ``MLP dtype``, ``adam_update
beta2|eps``, ``adam_rows lr``, ``task_rng seed``, ``select_test_time candidates``,
``load_checkpoint path``, ``save_checkpoint seed|changes``, ``reptile_step inner_steps``,
``softmax_head tol``, ``softmax_head_unrolled n_steps``, ``adapt.steps``, ``check_shots
n_drawings``, ``with_step_size step_size``, ``spread -2``, ``LinearRegression noise``,
``GaussianClusters dim``, ``Omniglot n_train``, ``mse pred``). The list is saturated: about 60
first drafts were replaced before any run, among them exact earlier ids (``compare reptile on
linear with val-seed -11, a sign slip``, ``compare strategies 'closed-form', a hyphen for the
underscore``, ``train resume on the command line a checkpoint whose state/adam/t is -1``,
``train omniglot on the command line with root a folder that does not exist``, ``... with root
'', an empty folder name``, ``ridge_head lam NaN``, ``select_test_time candidates [0.01, -0.01],
a negative step size among them``, ``save_checkpoint step True, a bool for a count``, ``MLP
batch_norm the word 'yes'``, ``adam_rows lr NaN``, ``Omniglot n_train 0, no training
characters``, ``check_shots n_drawings 0``, ``omniglot_compare with_step_size step_size NaN``,
``task_rng seed the text '22'``), heads or prefixes (``softmax_head max_steps 0``,
``softmax_head_unrolled n_steps -1``, ``make_strategy multitask head_init 'ridge'``,
``make_family clusters n_way 1``, ``evaluate on_divergence 'ignore'``, ``evaluate chunk_size
0|2.5|-100``, ``held_out_tasks start -1``, ``adam_update beta2 1.5``, ``adam_update beta1 1.0``,
``adam_update eps -1e-8``, ``LinearRegression noise -0.1``, ``SinusoidFrequency frequency (2.0,
0.5)``, ``ridge_head lam -inf|'auto'``, ``MLP batch_norm 2|np.array([True, False])``, ``MLP
dtype 'complex128'``, ``save_checkpoint seed the text '0'``, ``select_test_time candidates
[[0.01, 0.1]]``) and substance (``train subset ... subset_size=0.5``, ``head_init=closed-form``,
``pretrained ... n-support 0``, ``scratch ... n-support -1``, ``maml ... checkpoint-every 0``,
``reptile ... meta-batch 0``, ``r2d2 ... scale=`` empty and ``scale=1e-400`` and ``scale=nan``,
``evaluate ... steps ''``, ``tasks 0``, ``support 0``, ``query -10``, ``seed -22``, ``support
'ten'``, ``query 1.5``, ``checkpoint ''``, a folder, a text file named run.npz, ``split test``
and ``--root`` on a sinusoid/clusters run, ``train --root`` on linear, ``compare steps 0``,
``val-tasks 0``, ``'maml '``, ``eval-seed 1.5``, ``query 0``, ``adapt-steps 2.5``, ``seed
'None'``, ``support -5``, ``inner-lr '.01.'``, ``inner-lr '1/100'``, ``train n_steps
np.float64``, ``load_checkpoint`` an int and a list, ``save_checkpoint changes`` a string,
``save_checkpoint seed -5``, ``batch_norm h 1-D``, ``reptile_step inner_steps 2.5``,
``softmax_head tol``). No exact id repeats among the cases run, nor a repeat before the first
comma or by either prefix rule, except four matches that are artefacts of a comma inside a tuple
or of a numeric prefix (``select_test_time candidates [0.01``, ``SinusoidFrequency frequency
(0.5``, ``... n-query 0`` against an earlier ``n-query 0x5``, ``... support '5,5'`` against
``support '5*2'``). Kept as new values, near (the lead may judge): --set inner_steps=3 beside
--inner-steps 5 near earlier ``one setting given two ways`` (pretrained n_support, a resume's
inner_lr); --lam 'e-3' near inner-lr '1e'; --steps '10 10' near evaluate --query '10 10';
--tasks 10**12 near per_task n_tasks 10**12; hyperparameters 'fomaml ' near 'Fomaml' and
make_strategy 'maml '; make_strategy reptile inner_steps np.float64(3.0) near 0.5; compare
'mamI' near 'MAML'; softmax_head_unrolled n_steps 'three', adapt.steps n_steps 'all',
check_shots n_drawings 'twenty', with_step_size '0.4' near the same arguments' other values;
Omniglot split 'Test' near evaluate --split 'Test' on an omniglot run; save_checkpoint seed
np.int64(-3) near -7; evaluate --tasks '6e2' and --support '1e1' near compare tasks ``1e2``-like
and evaluate tasks 600.0.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 60 of the 101. ``DROPPED``
is empty. The file was copied before the first run.

Corrections after the first run (outright slips of plumbing, recorded with both results): four
cases used r2d2 on sinusoid, a regression family, while r2d2 fits a classifier; so each held a
second fault beside the one meant. The first kept run stopped in the set-up of ``evaluate an
r2d2 sinusoid run with tasks ' ', a single space`` with a traceback, "ValueError: 'r2d2' (R2D2)
fits a classifier, so the family must have the cross-entropy loss; got the family 'sinusoid',
..., whose loss is mse", raised by the ninetieth's ``_run`` making the run to evaluate, not by
the bad input (that run had printed cli: train 13 of 13 clear before stopping). Classified alone
in their first form: ``train r2d2 on sinusoid with set scale=10x ...`` clear ("error: --set
scale=10x: scale must be a finite number, got '10x' (a string)"); ``evaluate an r2d2 sinusoid
run with tasks ' '`` and ``train resume an r2d2 sinusoid run with set lam=nan`` stopped in their
set-up with the same ValueError; ``compare r2d2 on sinusoid with val-tasks -50, a sign slip``
clear ("error: compare: argument --val-tasks: expected an integer >= 2, got '-50' ..."). All
four became r2d2 on clusters (``train r2d2 on clusters with set scale=10x``, ``evaluate an r2d2
clusters run with tasks ' '``, ``compare r2d2 on clusters with val-tasks -50``, ``train resume
an r2d2 clusters run with set lam=nan``), the bad value unchanged; after the correction all four
were clear. No other case was changed.

Memory and time: no case allocated much. The kept script run took about six seconds, the written
one about five, pytest about five.

First run at 49fe996 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present;
after the correction above): kept, 60 of 60 clear (100.0%), 0 unclear, 0 silent, 0 data loss --
cli train 13/13, cli evaluate 8/8, cli compare 7/7, cli checkpoints and resumes 7/7, cli
omniglot 4/4, meta functions 3/3, strategies 4/4, evaluate and train 4/4, checkpoints 2/2,
nn/optim/batchnorm 3/3, task families 3/3, omniglot 2/2. Written (``--written``): 100 of 101
clear (99.0%), 1 unclear, 0 silent, 0 data loss -- every area all clear but cli compare 11/12.
Under pytest (without the ulimit): 61 passed (60 cases and the wide-and-new test).

Not clear, kept: none.

Not clear, written and not kept: ``compare subset on sinusoid with eval-seed '-0x16', a negative
seed in hexadecimal`` -- unclear, "error: compare: argument --eval-seed: expected one argument
(see python -m scratchmeta compare --help)": the value, starting with a minus and not read as a
negative number by the parser, was taken for an option, so the message names --eval-seed but not
the value given ('-0x16') nor what is expected of it.

Every other case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError
naming the argument, option, entry or user method in its mentions and the value given. The train
--resume --force case and the train --out under the good checkpoint file were clear and lost no
data (the harness's data-loss check passed).

Measured on main at 49fe996, the commit it was written at, blind (the lead reran it there,
with the hundred-and-forty-third, -fourth and -fifth beside it): kept, 60 of 60 clear (100%),
0 unclear, 0 silent, 0 data loss; the pair with the hundred-and-forty-third, 113 of 113
(100%). Round 90 (with sight of this file, not blind): a value after an option that starts
with a dash and a digit or a point (``-0x16``, ``-1_000``) is read as the option's value and
refused by the option's own check, so the one written case not clear is clear at HEAD.
"""
import zipfile

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots
from scratchmeta.meta.adapt import sgd_path, steps
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.normalization import sharpness
from scratchmeta.meta.omniglot_compare import with_step_size
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.ridge import ridge_head
from scratchmeta.meta.softmax_head import softmax_head, softmax_head_unrolled
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _evaluate, _maml_state, _small
from test_bad_inputs_ninetyfourth import (_compare_on, _features, _maml, _problem, _resumed,
                                          _set_entry)
from test_bad_inputs_ninetysixth import Quadratic, _quadratic, _save_fields
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_hundredtwentyeighth import _onehot

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train maml on clusters with inner-lr '1%', a percentage for the step",
     _train("--strategy", "maml", "--family", "clusters", "--inner-lr", "1%"),
     ["--inner-lr", "1%"]),
    ("train fomaml on sinusoid with meta-lr '0.001/2', a division left for the program",
     _train("--strategy", "fomaml", "--meta-lr", "0.001/2"), ["--meta-lr", "0.001/2"]),
    ("train anil on clusters with set first_order=1.5, a fraction for a switch",
     _train("--strategy", "anil", "--family", "clusters", "--set", "first_order=1.5"),
     ["first_order", "1.5"]),
    ("train closed_form on sinusoid_frequency with lam 'e-3', an exponent without its number",
     _train("--strategy", "closed_form", "--family", "sinusoid_frequency", "--lam", "e-3"),
     ["--lam", "e-3"]),
    ("train r2d2 on clusters with set scale=10x, a stray letter after the number",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "scale=10x"),
     ["scale", "10x"]),
    ("train newton_head on clusters with set lam=-inf, a penalty of minus infinity",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "lam=-inf"),
     ["lam", "-inf"]),
    ("train subset on sinusoid with set subset_size=1/2, a ratio meant as half the points",
     _train("--strategy", "subset", "--set", "subset_size=1/2"), ["subset_size", "1/2"]),
    ("train multitask on clusters with set head_init=1, a number for the head start's name",
     _train("--strategy", "multitask", "--family", "clusters", "--set", "head_init=1"),
     ["head_init", "1"]),
    ("train pretrained on sinusoid_frequency with meta-batch 25.0, a whole float for a count",
     _train("--strategy", "pretrained", "--family", "sinusoid_frequency", "--meta-batch",
            "25.0"), ["--meta-batch", "25.0"]),
    ("train scratch on sinusoid with lam 0.1, an option of closed_form and multitask only",
     _train("--strategy", "scratch", "--lam", "0.1"), ["--lam"]),
    ("train scratch on clusters with n-query -1, a sign slip",
     _train("--strategy", "scratch", "--family", "clusters", "--n-query", "-1"),
     ["--n-query", "-1"]),
    ("train maml on linear with checkpoint-every '1e3', a float's notation for a count",
     _train("--strategy", "maml", "--family", "linear", "--checkpoint-every", "1e3"),
     ["--checkpoint-every", "1e3"]),
    ("train strategy 'fo_maml' on linear, an underscore inside the name",
     _train("--strategy", "fo_maml", "--family", "linear"), ["fo_maml"]),
    ("train maml with family 'sinusoid-frequency', a hyphen for the underscore",
     _train("--family", "sinusoid-frequency"), ["--family", "sinusoid-frequency"]),
    ("train maml on linear with meta-lr 'auto', a word for a step size",
     _train("--family", "linear", "--meta-lr", "auto"), ["--meta-lr", "auto"]),
    ("train reptile on sinusoid with set inner_lr and no value at all",
     _train("--strategy", "reptile", "--set", "inner_lr"), ["inner_lr"]),
    ("train fomaml on clusters with set inner-lr=0.01, a hyphen in the setting's name",
     _train("--strategy", "fomaml", "--family", "clusters", "--set", "inner-lr=0.01"),
     ["inner-lr"]),
    ("train maml with set inner_steps=3 beside inner-steps 5, one setting given two ways",
     _train("--inner-steps", "5", "--set", "inner_steps=3"), ["inner_steps"]),
    ("train reptile on clusters with meta-batch '25 tasks', a unit after the count",
     _train("--strategy", "reptile", "--family", "clusters", "--meta-batch", "25 tasks"),
     ["--meta-batch", "25 tasks"]),
    ("train anil on sinusoid_frequency with log-every 'none'",
     _train("--strategy", "anil", "--family", "sinusoid_frequency", "--log-every", "none"),
     ["--log-every", "none"]),
    ("train maml on sinusoid with set meta_bach=4, a misspelt setting",
     _train("--set", "meta_bach=4"), ["meta_bach"]),
]

# --- the command line: evaluate

def _dangling(d):
    path = d / "run.npz"
    path.symlink_to(d / "nowhere" / "run.npz")
    return path


def _npy_npz(d):
    path = d / "run.npz"
    with open(path, "wb") as f:
        np.save(f, np.arange(6.0))
    return path


EVAL_CASES = [
    ("evaluate a maml clusters run with steps '10 10', two counts in one value",
     _evaluate(lambda d: _run(d, "maml", family="clusters"), "--steps", "10 10"),
     ["--steps", "10 10"]),
    ("evaluate a fomaml linear run with tasks '6e2', a float's notation for a count",
     _evaluate(lambda d: _run(d, "fomaml", family="linear"), "--tasks", "6e2"),
     ["--tasks", "6e2"]),
    ("evaluate a reptile clusters run with support '1e1', a float's notation for a count",
     _evaluate(lambda d: _run(d, "reptile", family="clusters"), "--support", "1e1"),
     ["--support", "1e1"]),
    ("evaluate an anil sinusoid_frequency run with query '-1e1', a negative count in e-notation",
     _evaluate(lambda d: _run(d, "anil", family="sinusoid_frequency"), "--query", "-1e1"),
     ["--query", "-1e1"]),
    ("evaluate a closed_form sinusoid run with seed '22,', a trailing comma",
     _evaluate(lambda d: _run(d, "closed_form"), "--seed", "22,"), ["--seed", "22,"]),
    ("evaluate an r2d2 clusters run with tasks ' ', a single space",
     _evaluate(lambda d: _run(d, "r2d2", family="clusters"), "--tasks", " "), ["--tasks"]),
    ("evaluate a newton_head clusters run with support '5,5', one count per class",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--support", "5,5"),
     ["--support", "5,5"]),
    ("evaluate a subset sinusoid run with steps '1e3', a float's notation for a count",
     _evaluate(lambda d: _run(d, "subset"), "--steps", "1e3"), ["--steps", "1e3"]),
    ("evaluate a pretrained linear run with support '10/2', a ratio for a count",
     _evaluate(lambda d: _run(d, "pretrained", family="linear"), "--support", "10/2"),
     ["--support", "10/2"]),
    ("evaluate a scratch sinusoid run with query '100%', a percentage for a count",
     _evaluate(lambda d: _run(d, "scratch"), "--query", "100%"), ["--query", "100%"]),
    ("evaluate with checkpoint ' ', a single space for the path",
     lambda d: ["evaluate", "--checkpoint", " ", "--tasks", "4", "--steps", "1"],
     ["--checkpoint"]),
    ("evaluate with checkpoint a symbolic link named run.npz that points nowhere",
     lambda d: ["evaluate", "--checkpoint", str(_dangling(d)), "--tasks", "4", "--steps",
                "1"], ["run.npz"]),
    ("evaluate with checkpoint an array saved by np.save under the name run.npz",
     lambda d: ["evaluate", "--checkpoint", str(_npy_npz(d)), "--tasks", "4", "--steps",
                "1"], ["run.npz"]),
    ("evaluate a multitask sinusoid run with tasks 10**12, past any memory",
     _evaluate(lambda d: _run(d, "multitask"), "--tasks", str(10 ** 12)),
     ["--tasks", str(10 ** 12)]),
]

# --- the command line: compare

COMPARE_CASES = [
    ("compare maml on clusters with support 0, nothing to adapt on",
     _compare_on(["maml"], "clusters", "--support", "0"), ["--support", "0"]),
    ("compare reptile on linear with val-seed '1 1', a space inside the seed",
     _compare_on(["reptile"], "linear", "--val-seed", "1 1"), ["--val-seed", "1 1"]),
    ("compare anil on sinusoid_frequency with steps '5k', a suffix for thousands",
     _compare_on(["anil"], "sinusoid_frequency", "--steps", "5k"), ["--steps", "5k"]),
    ("compare r2d2 on clusters with val-tasks -50, a sign slip",
     _compare_on(["r2d2"], "clusters", "--val-tasks", "-50"), ["--val-tasks", "-50"]),
    ("compare strategies 'closed_form_', a trailing underscore",
     _compare_on(["closed_form_"], "sinusoid"), ["closed_form_"]),
    ("compare strategies 'mamI', a capital I for the l",
     _compare_on(["mamI"], "sinusoid"), ["mamI"]),
    ("compare subset on sinusoid with eval-seed '-0x16', a negative seed in hexadecimal",
     _compare_on(["subset"], "sinusoid", "--eval-seed", "-0x16"), ["--eval-seed", "-0x16"]),
    ("compare pretrained on clusters with query '100.0', a whole float for a count",
     _compare_on(["pretrained"], "clusters", "--query", "100.0"), ["--query", "100.0"]),
    ("compare multitask on linear with adapt-steps 'max', a word for a count",
     _compare_on(["multitask"], "linear", "--adapt-steps", "max"), ["--adapt-steps", "max"]),
    ("compare fomaml on clusters with tasks '1e2', a float's notation for a count",
     _compare_on(["fomaml"], "clusters", "--tasks", "1e2"), ["--tasks", "1e2"]),
    ("compare scratch on sinusoid with seed '+-0', two signs",
     _compare_on(["scratch"], "sinusoid", "--seed", "+-0"), ["--seed", "+-0"]),
    ("compare newton_head on clusters with support '5x5', a grid for a count",
     _compare_on(["newton_head"], "clusters", "--support", "5x5"), ["--support", "5x5"]),
]

# --- the command line: checkpoints and resumes

def _first_bytes(d, n=100):
    path = d / "first.npz"
    path.write_bytes(_good(d).read_bytes()[:n])
    return path


def _empty_zip(d):
    path = d / "empty.npz"
    zipfile.ZipFile(path, "w").close()
    return path


def _under_good(d):
    return ["train", "--steps", "2", "--meta-batch", "2", "--out",
            str(_good(d) / "run.npz")]


def _resume_good(d, *flags):
    return ["train", "--steps", "4", "--meta-batch", "2", "--out", str(_good(d)), "--resume",
            *flags]


P1_ROW = _set_entry("p1row", "state/params/1", lambda a: np.asarray(a).reshape(1, -1))
SEED_TEXT = _set_entry("seedtext", "meta/seed", lambda a: np.array("zero"))
NO_M0 = lambda d: _damaged(d, "nom0", lambda a: a.pop("state/adam/m/0"))


RESUME_CASES = [
    ("train resume the good run with force as well, two switches that conflict",
     lambda d: _resume_good(d, "--force"), ["--resume", "--force"]),
    ("train resume a fomaml clusters run with meta-lr -1e-3, a sign slip",
     _resumed("fomaml", "--meta-lr", "-1e-3", family="clusters"), ["--meta-lr", "-1e-3"]),
    ("train resume an r2d2 clusters run with set lam=nan",
     _resumed("r2d2", "--set", "lam=nan", family="clusters"), ["lam", "nan"]),
    ("train resume an anil clusters run with n-query -3, a sign slip",
     _resumed("anil", "--n-query", "-3", family="clusters"), ["--n-query", "-3"]),
    ("train resume a subset sinusoid run with set subset_size=0",
     _resumed("subset", "--set", "subset_size=0"), ["subset_size", "0"]),
    ("train resume the good sinusoid run with family sinusoid_frequency, another family",
     lambda d: _resume_good(d, "--family", "sinusoid_frequency"), ["--family"]),
    ("evaluate on the command line the first 100 bytes of the good checkpoint",
     lambda d: ["evaluate", "--checkpoint", str(_first_bytes(d)), "--tasks", "4", "--steps",
                "1"], ["first.npz"]),
    ("evaluate on the command line a checkpoint whose state/params/1 is one row, 2-D",
     lambda d: ["evaluate", "--checkpoint", str(P1_ROW(d)), "--tasks", "4", "--steps", "1"],
     ["state/params/1"]),
    ("train resume on the command line a checkpoint without state/adam/m/0",
     lambda d: ["train", "--steps", "4", "--meta-batch", "2", "--out", str(NO_M0(d)),
                "--resume"], ["state/adam/m/0"]),
    ("train on the command line with out a path under the good checkpoint file",
     _under_good, ["good.npz"]),
    ("evaluate on the command line a checkpoint whose meta/seed is the text 'zero'",
     lambda d: ["evaluate", "--checkpoint", str(SEED_TEXT(d)), "--tasks", "4", "--steps",
                "1"], ["meta/seed"]),
    ("evaluate on the command line an empty zip archive named empty.npz",
     lambda d: ["evaluate", "--checkpoint", str(_empty_zip(d)), "--tasks", "4", "--steps",
                "1"], ["empty.npz"]),
]

# --- the command line: Omniglot

def _omni(d, *extra, root=None):
    return ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "2", "--root",
            ROOT if root is None else root, "--out", str(d / "omni.npz"), *extra]


CLI_OMNIGLOT_CASES = [
    ("train omniglot on the command line with root the case's folder, without the archives",
     lambda d: _omni(d, root=str(d)), ["--root"]),
    ("train omniglot on the command line with root the good checkpoint, a file for a folder",
     lambda d: _omni(d, root=str(_good(d))), ["--root"]),
    ("train omniglot on the command line with n-query 0, nothing to score",
     lambda d: _omni(d, "--n-query", "0"), ["--n-query", "0"]),
    ("train omniglot on the command line with dtype 'float', the type without its width",
     lambda d: _omni(d, "--dtype", "float"), ["--dtype", "float"]),
    ("train omniglot r2d2 on the command line with n-query 'all'",
     lambda d: _omni(d, "--strategy", "r2d2", "--n-query", "all"), ["--n-query", "all"]),
    ("train omniglot on the command line with meta-batch -4, a sign slip",
     lambda d: _omni(d, "--meta-batch", "-4"), ["--meta-batch", "-4"]),
    ("train omniglot on the command line with inner-steps 1.0, a float for a count",
     lambda d: _omni(d, "--inner-steps", "1.0"), ["--inner-steps", "1.0"]),
]

# --- Chapter 2's functions

def _steps_all():
    model, params, batch = _problem()
    path = sgd_path(per_task(params, batch.x_support.shape[0]), batch, model, inner_lr=0.01,
                    loss=mse)
    return steps(path, "all")


def _reptile_step_back():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr=0.01, inner_steps=2, meta_lr=-1.0)


def _sharpness_zero():
    model, params, batch = _problem()
    return sharpness(params, batch, model, iterations=0)


META_CASES = [
    ("adapt.steps n_steps the word 'all'",
     lambda d: _steps_all(), ["n_steps", "all"]),
    ("ridge_head lam float('1e400'), a penalty that overflows to inf",
     lambda d: ridge_head(_features(), _onehot(), float("1e400")), ["lam", "inf"]),
    ("softmax_head form 'Dual', a capital letter",
     lambda d: softmax_head(_features(), _onehot(), 1.0, form="Dual"), ["form", "Dual"]),
    ("reptile_step meta_lr -1.0, a sign slip",
     lambda d: _reptile_step_back(), ["meta_lr", "-1"]),
    ("softmax_head_unrolled n_steps the word 'three'",
     lambda d: softmax_head_unrolled(_features(), _onehot(), 1.0, "three"),
     ["n_steps", "three"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy maml family 'Linear', the class's capital letter",
     lambda d: make_strategy("maml", family="Linear", meta_batch=2), ["Linear"]),
    ("make_strategy reptile inner_steps np.float64(3.0), a NumPy float for a count",
     lambda d: make_strategy("reptile", meta_batch=2, inner_steps=np.float64(3.0)),
     ["inner_steps"]),
    ("make_strategy multitask head_init 'closed form', a space for the underscore",
     lambda d: make_strategy("multitask", meta_batch=2, head_init="closed form"),
     ["head_init", "closed form"]),
    ("hyperparameters 'fomaml ' with a trailing space",
     lambda d: hyperparameters("fomaml "), ["fomaml"]),
    ("with_test_time n_stepz=3, a misspelt change",
     lambda d: with_test_time(make_strategy("maml", meta_batch=2), n_stepz=3), ["n_stepz"]),
    ("make_family clusters n_way the word 'five', in held_out_tasks",
     lambda d: held_out_tasks(make_family("clusters", n_way="five"), 2, 5, 5),
     ["n_way", "five"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train progress the word 'yes', not a callable",
     lambda d: train(_maml(), 2, 0, progress="yes"), ["progress"]),
    ("evaluate on_divergence ['raise'], the word in a list",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1,
                        **_small(on_divergence=["raise"])), ["on_divergence"]),
    ("evaluate chunk_size the text '100'",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(chunk_size="100")),
     ["chunk_size", "100"]),
    ("held_out_tasks start the word 'next'",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start="next"), ["start", "next"]),
    ("task_rng seed the tuple (22,), a trailing comma's tuple",
     lambda d: task_rng((22,), 0), ["seed"]),
    ("select_test_time candidates [0.01, True], a bool among the step sizes",
     lambda d: select_test_time(*_maml_state(), Sinusoid(), candidates=[0.01, True],
                                max_steps=1, **_small()), ["candidates", "True"]),
]

# --- checkpoints in the library

def _save_config_name(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "run.npz", ckpt.state, step=ckpt.step, seed=ckpt.seed,
                           config="maml", meta_losses=ckpt.meta_losses)


T_PAIR = _set_entry("tpair", "state/adam/t", lambda a: np.array([2, 2]))


CHECKPOINT_CASES = [
    ("load_checkpoint path the tuple (folder, 'good.npz'), the parts unjoined",
     lambda d: load_checkpoint((d, _good(d).name)), ["path"]),
    ("save_checkpoint config the strategy's name 'maml', not its settings",
     _save_config_name, ["config"]),
    ("restore a checkpoint whose state/adam/t is a pair [2, 2]",
     lambda d: restore(T_PAIR(d)), ["state/adam/t"]),
    ("save_checkpoint seed np.int64(-3), a negative NumPy seed",
     lambda d: _save_fields(d, seed=np.int64(-3)), ["seed", "-3"]),
]

# --- nn, optim, batchnorm

def _adam_betas_pair():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params), 1e-3,
                       beta2=(0.9, 0.999))


def _rows_lr_text():
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((2, 2))], np.array([0, 1]), "small")


NN_CASES = [
    ("MLP activation 'rel', a truncated relu",
     lambda d: MLP((1, 8, 1), activation="rel").init(_rng()), ["activation", "rel"]),
    ("MLP dtype np.float64(1.0), a number of the type where the type is meant",
     lambda d: MLP((1, 8, 1), dtype=np.float64(1.0)).init(_rng()), ["dtype"]),
    ("adam_update beta2 the pair (0.9, 0.999), both betas in one",
     lambda d: _adam_betas_pair(), ["beta2"]),
    ("adam_rows lr the word 'small'",
     lambda d: _rows_lr_text(), ["lr", "small"]),
    ("batch_norm offset of 3 for 4 features",
     lambda d: batch_norm(np.ones((2, 5, 4)), offset=np.zeros(3)), ["offset"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _target_extra_axes(self, task_params, x):
    return np.asarray(Quadratic.target(self, task_params, x))[..., None, None]


TASK_CASES = [
    ("LinearRegression noise np.array([0.1, 0.2]), two noise levels, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise=np.array([0.1, 0.2])), 2, 5, 5),
     ["noise"]),
    ("SinusoidFrequency frequency (0.5, 2.0, 4.0), three ends, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(0.5, 2.0, 4.0)), 2, 5, 5),
     ["frequency"]),
    ("GaussianClusters dim 2.5, half a dimension, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=2.5), 2, 5, 5), ["dim", "2.5"]),
    ("a user's Quadratic TaskFamily whose target adds two trailing axes, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_extra_axes), 2, 5, 5), ["target"]),
    ("mse pred of 5 points for y of 4",
     lambda d: mse(np.zeros((2, 5, 1)), np.zeros((2, 4, 1))), ["pred"]),
]

# --- Omniglot in the library

OMNIGLOT_CASES = [
    ("Omniglot n_train 1600 beside n_validation 100, past the 1623 characters",
     lambda d: Omniglot(5, data=_data(), n_train=1600).sample(_rng(), 2, 1, 1),
     ["n_train", "1600"]),
    ("Omniglot split 'Test', a capital letter",
     lambda d: Omniglot(5, "Test", data=_data()).sample(_rng(), 2, 1, 1), ["split", "Test"]),
    ("check_shots n_drawings the word 'twenty'",
     lambda d: check_shots(5, 2, 1, 1, n_drawings="twenty"), ["n_drawings", "twenty"]),
    ("omniglot_compare with_step_size step_size the text '0.4'",
     lambda d: with_step_size(make_strategy("maml", meta_batch=2), "0.4"),
     ["step_size", "0.4"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate": EVAL_CASES,
           "cli: compare": COMPARE_CASES, "cli: checkpoints and resumes": RESUME_CASES,
           "cli: omniglot": CLI_OMNIGLOT_CASES, "meta functions": META_CASES,
           "strategies": STRATEGY_CASES, "evaluate and train": EVALUATE_CASES,
           "checkpoints": CHECKPOINT_CASES, "nn, optim, batchnorm": NN_CASES,
           "task families and losses": TASK_CASES, "omniglot": OMNIGLOT_CASES}


# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 2)."""
    return kept_cases(cases, (1, 2), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying

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


def test_the_hundredfortysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfortysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
