"""A ninety-eighth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 473812d, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (not ``checks``/``protocol``/``messages``), ``nn`` (``MLP``'s
public methods and the signatures of ``init``/``apply``), ``optim``, ``batchnorm``, ``tasks``
(``TaskFamily``'s attribute names and method signatures), ``more_tasks`` (its
``SIGNATURES``), ``datasets.omniglot`` and ``datasets.omniglot_tasks``;
``registry.STRATEGIES``, ``FAMILIES`` and ``hyperparameters(name)`` of each strategy; the entry
names, dtypes, shapes and ``meta/config`` text of a checkpoint ``train`` wrote in /dev/shm
(removed after); the shapes of a few good calls before any case (``small_problem``,
``fine_tune_tasks`` then ``reptile_direction``, ``with_bias``, a clusters batch and
``softmax_head_logits``, ``pooled_loss``, ``from_theta0``, ``uses_low_rank``,
``adapt.predict``/``steps``, ``check_rebuilds(Sinusoid())``, ``omniglot_compare.episodes`` and
``with_step_size``; one good ``from_theta0`` call given per-task parameters raised, and its
traceback showed file names and line numbers of the library's checks, not read further); and
the earlier batteries' ids, docstrings, layout and shared helpers (imported, not copied:
``_good``, ``_damaged``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the
ninety-second's ``_evaluate``, ``_images``, ``_maml_state``, ``_small``, the ninety-fourth's
``_clusters_batch``, ``_compare_on``, ``_features``, ``_maml``, ``_meta``, ``_problem``,
``_resumed``, ``_sample``, ``_select``, ``_set_entry``, ``_config_edit``, ``_train_resume``,
the ninety-sixth's ``Quadratic`` user family with ``_quadratic``, ``_train_quadratic``,
``_evaluate_quadratic``, ``_select_quadratic``, and its ``_newton_run``, ``_registered`` and
``_under_the_batteries_ulimit``). No library docstring was read. Not read: the body of any
validation code, the library's source, its history, anything of /work/main. No ``__main__``
module was imported. Every case writes only inside its temporary folder (checked after the
runs: ``git status --short`` shows this file only; the Omniglot cases read the official zips
in /tmp/shared/data/omniglot and the decoded cache under ~/.cache/scratchmeta, dated before
this battery and not changed).

Areas, as written: train on the command line -- anil, linear, newton_head on clusters,
reptile, multitask, sinusoid_frequency, scratch, closed_form, two of them resumed (11);
evaluate and compare on the command line -- runs of reptile, anil, fomaml, pretrained,
newton_head on clusters; compare of anil, newton_head, multitask, closed_form, fomaml (11);
Chapter 2's functions -- reptile_direction, softmax_head_logits, pooled_loss, from_theta0,
adapt.predict, adapt.steps, uses_low_rank, anil_meta_grad, meta_loss_low_rank,
closed_form_meta_loss, subset_batch, fine_tune_tasks (13); strategies and the registry --
check_rebuilds, make_strategy, NewtonHead, FAMILIES, with_test_time, strategy_from_config (9);
select_test_time, evaluate, task_rng, train, held_out_tasks in the library (10); checkpoints --
load_checkpoint, restore, save_checkpoint, library train resume, evaluate on the command line
(14); nn/optim/batchnorm -- MLP sizes, body, head, activation, finn_init, adam_rows,
adam_update, batch_norm, per_task (11); task families -- the ninety-sixth's user family
``Quadratic`` (y = a x^2 + b x + c) with one method or attribute changed, SinusoidFrequency,
GaussianClusters, LinearRegression, Sinusoid, in held_out_tasks, train, evaluate and
select_test_time (13); Omniglot -- evaluate, train and compare of omniglot on the command
line, ``omniglot_compare.episodes`` and ``with_step_size``, Omniglot's n_way, data and
sample (11): 103.

Kinds of bad value (the issue's own kinds, each a new instance):
- a wrong type: --meta-batch True (anil), --n-support five (linear), --set n_train_tasks=2.5
  (multitask), resumed --inner-steps 1.5 (anil), --set learn_scale=1.5 (closed_form),
  --meta-batch 0x20 (newton_head), evaluate --tasks True, --query 10.0, --steps True, compare
  --tasks True; adapt.steps n_steps True, softmax_head_logits lam '1.0', make_strategy n_query
  '10' (scratch), batched 'False' (reptile), meta_lr '1e-3' (closed_form), with_test_time
  n_support 2.5, save_checkpoint step 2.5, MLP sizes as floats, finn_init sizes a (3, 1) array,
  per_task params one array, GaussianClusters n_way True, with_step_size '0.1'; an int where a
  numpy Generator is meant: subset_batch rng 0, Omniglot sample rng 0; a string where a family
  is meant: check_rebuilds('sinusoid'); a registry entry of the wrong type: FAMILIES['wave'] =
  'sinusoid';
- out of range -- zero, negative, inf, NaN, huge: --n-query -3 (newton_head), --set
  n_steps=-4 (reptile), resumed --lam nan (newton_head), --inner-lr -0.01
  (sinusoid_frequency), compare --val-tasks -3, --seed 2**64 (a seed too large);
  softmax_head_logits lam -1.0, anil_meta_grad inner_lr inf, closed_form_meta_loss lam inf,
  NewtonHead meta_batch 0, select_test_time a candidate -0.01, task_rng i 2**70,
  held_out_tasks start 2**70, train log_every -5 and checkpoint_every -10, adam_rows lr inf and
  eps inf, from_theta0 trainable [7] of 6 parameters, episodes shots 0, Omniglot n_way 1,
  SinusoidFrequency phase (0, nan), LinearRegression mean (nan, 0.5), Sinusoid amplitude up to
  5e300; huge (memory or time): train --n-query 100000000 (scratch), evaluate --support
  100000000 (reptile) and --tasks 100000000 (newton_head), compare --support 100000000
  (multitask), adapt.predict n_steps 100000000, evaluate n_support 100000000, held_out_tasks
  n_tasks 100000000, train omniglot --meta-batch 100000000;
- a wrong shape: MLP body x of 3 columns for 1 input, MLP head one array short, batch_norm
  scale a scalar and offset of 2 values for 3 features, adam_update state m one array short,
  uses_low_rank params empty, a model of 1 input for 8-D clusters (make_strategy,
  select_test_time, evaluate), strategy_from_config x_range one number, Omniglot images a
  flat 3-D stack;
- a user's function that misbehaves (``Quadratic``): sample_x one point repeated, a Python
  list, metric minus the MSE, sample_params one task too many or the same for every task,
  n_inputs 0, n_outputs 0, loss NaN, describe a numpy array; pooled_loss a loss returning NaN;
  fine_tune_tasks a loss returning one number; meta_loss_low_rank y_query holding NaN;
- degenerate data: sample_x one point repeated, sample_params identical for every task;
- files: checkpoints with state/adam/m/5 reshaped, meta/config missing, meta/meta_losses of 5
  losses for 2 steps, state/adam/m/3 NaN, state/params/4 transposed, state/adam/t 7 at step 2,
  meta/config naming the family 'Sinusoid', first_order the string "false", 100 zero bytes
  appended, state/params/1 of 41 values, state/adam/v/5 ints; save_checkpoint step 0 with two
  meta-losses;
- paths: load_checkpoint of ''; omniglot --root the background zip itself, a missing
  folder, a text file;
- the command line: --lam given to compare (a train option), evaluate --support 100 on
  omniglot, compare omniglot and newton_head clusters --support not a multiple of the ways;
- arguments in each other's places: reptile_direction (theta_T, params).

Repeats: the 12,495 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (172 files; string first elements of tuples of three or more,
by ``ast``) were grepped, before any run, for each function or option with each kind word
(``^reptile_direction``, ``^with_bias``, ``^softmax_head_logits``, ``^pooled_loss``,
``^from_theta0``, ``^adapt.(predict|steps|after)``, ``^uses_low_rank``, ``check_rebuilds``,
``meta-batch.*True``, ``n-support.*word``, ``set n_steps=-``, ``resume.*(anil|newton)``,
``eval.*support.*huge``, ``compare.*(val-tasks|adapt-steps|support|seed|tasks)``,
``^MLP (sizes|activation|body|head)``, ``^adam_rows (lr|eps)``, ``^batch_norm (scale|offset)``,
``meta/(config|step|strategy|format|seed)``, ``^Omniglot (split|rotate|dtype|n_way|data)``,
``SCRATCHMETA_DATA``... a counted grep of about 200 patterns), and every id against all of
them by its first two words and its mentions. Drafts replaced before any run because the grep
found their substance: train --meta-lr a word, --seed a float, --inner-lr a fraction, --set
subset_size above n_support, --resume with --force; evaluate --checkpoint a folder, empty, a
.npy, --seed a word or float, --query in e-notation, --steps a word; compare --strategies
comma-joined or upper case, --val-tasks 0 or 2**70 or huge, --eval-seed a word, --adapt-steps
a float or huge (``compare adapt-steps 2**70``), --tasks huge, r2d2 on sinusoid; meta_loss
inner_lr a string, meta_grad first_order a string, inner_sgd inner_steps True, reptile_step
meta_lr NaN, ridge_fit form capitalised and y of fewer points, softmax_head targets not
one-hot, newton_solve max_steps 0 and tol NaN, subset_meta_loss subset_size 2.5, sgd_path loss
a string, r2d2_logits phi_query of another width, meta_gradient_norm inner_steps, with_bias
a list; MAMLConfig first_order 'False', hyperparameters None or with a trailing space, make
strategy family capitalised, Pretrained inner_steps, STRATEGIES mapped to MAMLConfig,
closed_form lam a list; train n_steps a string, resume without a checkpoint, evaluate
on_divergence 'ignore', seed the string '22' (``evaluate seed wrapped in quotes``),
select_test_time candidates a number or empty, held_out_tasks start -1, task_rng i 2.5,
evaluate family a name, train checkpoint_every 2.5; meta/step 2.5, meta/strategy unknown,
meta/format newer, params of ints, meta/seed text, meta/config not JSON, adam v negative,
save_checkpoint seed -1, save into a missing folder; MLP activation None, dtype float16,
batch_norm 'yes', sizes text or an int or a dict, init rng None, apply x of the wrong width,
per_task n_tasks 0, adam_update lr a string and beta1/beta2 1.0, adam_rows rows floats,
batch_norm eps 0 and h 1-D, split a dict, adam_init empty; a user family's sample_x NaN,
target text, complex, NaN or bools, metric NaN or text, sample_params None or a list, loss of
one number; make_family linear noise a string, sinusoid amplitude a number or reversed,
clusters n_way 1, 2.5, spread 0 or negative, dim 2.5, linear mean of one or three numbers or
scale -1, phase reversed, x_range of one point, frequency reversed or of three numbers;
Omniglot split 'Train', rotate a word, dtype float16, n_way 2.5, root a file, load root '',
cache_dir a file, uint8 images, n_train above the characters, SCRATCHMETA_DATA a file.
Near earlier ids, kept as new ways (the lead may judge): the command line's values on other
strategies, families or at --resume (``train resume a newton_head clusters run with lam nan``
near ``newton_head on clusters lam NaN``; ``evaluate ... tasks True`` and ``steps True`` near
the library's ``evaluate n_tasks True`` and ``evaluate n_steps True``; ``compare newton_head
on clusters with support 7`` and ``compare omniglot with support 6`` near ``n-support not a
multiple of the clusters' classes`` and ``omniglot n-support not a multiple`` of train;
``evaluate ... an omniglot run with support 100`` near ``omniglot n-support above the
drawings``; ``compare ... with lam 0.1`` near ``compare given train's out option``; ``train
closed_form with set learn_scale=1.5`` near ``closed_form learn_scale 1``); ``train omniglot
... meta-batch 100000000`` (the ninety-sixth's ``train linear with meta-batch 100000000`` on
Omniglot); the ``Quadratic`` family's n_outputs 0 and describe an array (the ninety-sixth's
n_outputs '1' and describe None); ``adam_rows eps inf`` (``adam eps float32 inf``). No exact
id repeats (checked by a script against the same list).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 61 of the 103. After the
first run no case was added, reordered, swapped or reworded; no mentions were changed.

Corrected after the first run, one slip of this writer's: ``evaluate on the command line an
omniglot run with root a folder that does not exist`` (not kept) ran evaluate with its default
--query 100, which Omniglot's 20 drawings a character cannot give (the ninety-sixth's slip,
repeated); rerun with ``--support 5 --query 5`` it gave clear "error: --root must be an
existing folder, got '.../no-such-folder': not a folder (it does not exist)" (its first run,
see below, failed earlier, for the environment). Dropped, one case that turned out not to be a
bad input: ``train resume and overwrite both True, two options that contradict`` (kept; silent
in the first run): ``overwrite=True`` is ``train``'s default, as its signature says, so the
call is train's ordinary resume (this writer's slip in choosing it).

Environment of the first run: common.md's ``SCRATCHMETA_DATA=/tmp/shared/data/omniglot``
(the folder of the official zips). The library reads SCRATCHMETA_DATA as the folder that holds
an ``omniglot`` folder (README: "the omniglot folder of SCRATCHMETA_DATA"; an earlier case is
``SCRATCHMETA_DATA the zips' own folder, omniglot train``), so the four Omniglot cases that
train a run or read the default data failed before reaching their bad input ("Omniglot is not
here yet: no decoded cache and no images_background.zip in
'/tmp/shared/data/omniglot/omniglot' (the omniglot folder of SCRATCHMETA_DATA) ..."). The
Omniglot area was rerun, cases unchanged, with SCRATCHMETA_DATA unset (the decoded cache under
~/.cache/scratchmeta, as the ninety-sixth's runs read); the numbers below give both. The cases
that pass their own data (``_data()``, REAL_DATA) gave the same result in both runs.

Doubtful, left to the lead: ``load_checkpoint the good checkpoint with 100 zero bytes
appended`` (not kept; silent: the zip reader skips trailing bytes and every entry is intact,
so the weights loaded are right); the user family's ``sample_x`` repeating one point and
``sample_params`` identical for every task (degenerate data a family may mean, though every
support set of one repeated point makes adaptation meaningless); ``metric`` returning minus
the MSE (a metric may be a score where higher is better, but ``metric_name`` stays 'MSE').

First run at 473812d (under ``ulimit -v 8000000``, SCRATCHMETA_DATA=/tmp/shared/data/omniglot):
written, 85 of 103 clear (82.5%), 13 unclear, 5 silent, 0 data loss -- cli train 10/11,
evaluate/compare 8/11, meta functions 12/13, strategies 8/9, evaluate and train 7/10,
checkpoints 13/14, nn/optim/batchnorm 11/11, task families 10/13, omniglot 6/11 (4 of its 5
unclear for the environment above). Kept, 51 of 61 clear (83.6%), 8 unclear, 2 silent, 0 data
loss -- 6/7, 5/7, 6/7, 4/5, 5/6, 8/8, 7/7, 6/7, 4/7. Omniglot rerun with SCRATCHMETA_DATA
unset: 8 of 11 clear, 3 unclear (kept 5 of 7); with the slip corrected, 9 of 11. After the
rerun, the correction and the drop: written, 88 of 102 clear (86.3%), 10 unclear, 4 silent, 0
data loss; kept, 52 of 60 clear (86.7%), 7 unclear, 1 silent, 0 data loss -- 6/7, 5/7, 6/7,
4/5, 5/5, 8/8, 7/7, 6/7, 5/7. Under pytest (SCRATCHMETA_DATA unset): 53 passed, 8 failed (the 8
kept cases not clear; the wide-and-new test passes).

Not clear, kept:
- ``train scratch with n-query 100000000 ...`` (unclear): "error: one meta-step of From scratch
  (meta_batch=2, n_support=10, n_query=100000000) would need 367 GiB of memory ...; choose
  smaller sizes (given as --meta-batch 2)" -- refused before the work, but --n-query is not
  named, and the hint points at --meta-batch, which is not what is wrong (misleading).
- ``evaluate a reptile run with support 100000000 ...`` (unclear): "error: evaluating 100000000
  support + 100 query points per task would need 8.11 TiB of memory at once ...; choose smaller
  sizes" -- the value is shown, --support is not named.
- ``evaluate a newton_head clusters run with tasks 100000000 ...`` (unclear): no refusal; the
  evaluation ran until the harness's 30 s limit ("exit 1: error: unexpected _TooLong: no
  answer after 30 s ...").
- ``adapt.predict n_steps 100000000 ...`` (unclear): no refusal; "ValueError: grad: fun raised
  _TooLong ... no answer after 30 s" (the test-time loop ran; evaluate and select_test_time
  refuse more than 100,000 steps, predict does not).
- ``check_rebuilds given the family's name 'sinusoid' ...`` (unclear): "AttributeError: 'str'
  object has no attribute 'describe'", naming neither the argument nor the value.
- ``a user's Quadratic TaskFamily whose sample_x draws one point per task and repeats it, in
  train`` (silent, doubtful): trained, no word.
- ``evaluate on the command line an omniglot run with support 100 ...`` (unclear): "error:
  n_support=100 and n_query=5 ask for 20 + 1 distinct drawings per class (of n_way=5), but
  each character has only 20" -- names the field, not --support (the README: "the command line
  says which option set a field an error names"). In the first run it failed for the
  environment ("Omniglot is not here yet ...").
- ``compare omniglot with support 6, not a multiple of its 5 ways`` (unclear): "error:
  n_support must be a multiple of n_way=5 (the same number of drawings of every class), got 6"
  -- --support not named (its newton_head clusters twin names it: "error: --support 7 --query
  5: n_support must be a multiple of n_way=5 ...").
- First run only: ``train omniglot on the command line with meta-batch 100000000 ...``
  (unclear for the environment; rerun clear: "error: one meta-step of MAML (meta_batch=100000000,
  ...) would need 56.8 TiB ...; choose smaller sizes (given as --meta-batch 100000000)") and the
  dropped ``train resume and overwrite both True`` (silent).

Not clear, written and not kept: ``compare multitask on clusters with support 100000000``
(unclear: "error: 4 test tasks of 100000000 + 5 points would need 23.8 GiB of memory ...", no
--support), ``evaluate n_support 100000000`` (unclear: "ValueError: grad: fun raised
MemoryError ...: Unable to allocate 59.6 GiB ...": not refused before the work, n_support not
named), ``held_out_tasks n_tasks 100000000`` (unclear: ran until the 30 s limit),
``load_checkpoint the good checkpoint with 100 zero bytes appended`` (silent, doubtful), ``a
user's Quadratic TaskFamily whose metric returns minus the MSE, in evaluate`` (silent,
doubtful), ``... whose sample_params gives every task the same parameters, in
select_test_time`` (silent, doubtful). ``evaluate ... omniglot run with root a folder that does
not exist`` was unclear in both runs before its slip was corrected (first the environment,
then Omniglot's --query 100), clear after.

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --meta-batch:
expected a positive integer, written in plain decimal digits, got 'True'", "error: compare:
argument --seed: expected an integer seed in [0, 2**63), got '18446744073709551616'",
"ValueError: '.../t7.npz' is damaged: entry state/adam/t = 7 counts Adam's steps, which must
equal meta/step = 2 ...", "ValueError: UserQuadratic.sample_params must return an array with
one row per task, shape (2, ...) for n_tasks=2, got shape (3, 3) ...").

Measured on main at 473812d, the commit it was written at, blind (the lead reran it there, with
the ninety-ninth written beside it, both briefed on the kinds issue 11 lists): kept, 52 of
60 clear (86.7%) after the writer's one dropped case and the Omniglot area rerun with the
data setting that works (the brief gave SCRATCHMETA_DATA the zips' own folder, where the
library looks for an omniglot/ folder inside it: the brief's slip, not the library's), 7
unclear, 1 silent, 0 data loss; at the first run 51 of 61. With the ninety-ninth (52 of 58)
the pair is 104 of 118 (88.1%; 103 of 121 at the first runs), 0 data loss: under the goal of
95%. Round 68 (with sight of this file, so not blind): a memory error names every option
that set the sizes it lists ("(given as --meta-batch 2, --n-query 100000000)"); evaluate's
and compare's memory messages name --support and --query, and Omniglot's shot counts on the
command line too; adapt.predict and adapt.curve refuse more than 100,000 steps, evaluate more
than 1,000,000 held-out tasks (on the command line, --tasks, --val-tasks and --adapt-steps
too); held_out_tasks checks its memory first; check_rebuilds refuses a family's name in
place of the family; a batch whose support sets are each one point repeated is refused.
Every kept case is clear now.
"""

import itertools

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.meta import adapt
from scratchmeta.meta.adapt import from_theta0
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.baselines import pooled_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank, uses_low_rank
from scratchmeta.meta.newton_head import NewtonHead
from scratchmeta.meta.omniglot_compare import episodes, with_step_size
from scratchmeta.meta.registry import (FAMILIES, check_rebuilds, default_model, make_family,
                                       make_strategy, strategy_from_config)
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_direction
from scratchmeta.meta.softmax_head import softmax_head_logits
from scratchmeta.meta.subset import subset_batch
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _evaluate, _images, _maml_state, _small
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _features, _maml, _meta,
                                          _problem, _resumed, _sample, _select, _set_entry,
                                          _config_edit, _train_resume)
from test_bad_inputs_ninetysixth import (Quadratic, _newton_run, _quadratic, _registered,
                                         _select_quadratic, _train_quadratic,
                                         _evaluate_quadratic, _under_the_batteries_ulimit)

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train anil with meta-batch True, a bool for a count",
     _train("--strategy", "anil", "--meta-batch", "True"), ["--meta-batch", "True"]),
    ("train linear with n-support five, a count spelt as a word",
     _train("--family", "linear", "--n-support", "five"), ["--n-support", "five"]),
    ("train newton_head on clusters with n-query -3",
     _train("--strategy", "newton_head", "--family", "clusters", "--n-query", "-3"),
     ["--n-query", "-3"]),
    ("train reptile with set n_steps=-4, an outer-step schedule of negative length",
     _train("--strategy", "reptile", "--set", "n_steps=-4"), ["n_steps", "-4"]),
    ("train multitask with set n_train_tasks=2.5, a float for a pool size",
     _train("--strategy", "multitask", "--set", "n_train_tasks=2.5"),
     ["n_train_tasks", "2.5"]),
    ("train resume an anil run with inner-steps 1.5",
     _resumed("anil", "--inner-steps", "1.5"), ["--inner-steps", "1.5"]),
    ("train resume a newton_head clusters run with lam nan",
     _resumed("newton_head", "--lam", "nan", family="clusters"), ["--lam", "nan"]),
    ("train sinusoid_frequency with inner-lr -0.01, a sign slip",
     _train("--family", "sinusoid_frequency", "--inner-lr", "-0.01"), ["--inner-lr", "-0.01"]),
    ("train scratch with n-query 100000000, too many query points for memory",
     _train("--strategy", "scratch", "--n-query", "100000000"), ["--n-query", "100000000"]),
    ("train closed_form with set learn_scale=1.5, a number for a switch",
     _train("--strategy", "closed_form", "--set", "learn_scale=1.5"), ["learn_scale", "1.5"]),
    ("train newton_head on clusters with meta-batch 0x20, a count in hexadecimal",
     _train("--strategy", "newton_head", "--family", "clusters", "--meta-batch", "0x20"),
     ["--meta-batch", "0x20"]),
]

# --- the command line: evaluate and compare

def _omniglot_run(d):
    return _run(d, "maml", family="omniglot", file="omni.npz")


CLI_OTHER_CASES = [
    ("evaluate a reptile run with support 100000000, too many points for memory",
     _evaluate(lambda d: _run(d, "reptile"), "--support", "100000000"),
     ["--support", "100000000"]),
    ("evaluate an anil run with tasks True, a bool for a count",
     _evaluate(lambda d: _run(d, "anil"), "--tasks", "True"), ["--tasks", "True"]),
    ("evaluate a fomaml run with query 10.0, a float for a count",
     _evaluate(lambda d: _run(d, "fomaml"), "--query", "10.0"), ["--query", "10.0"]),
    ("evaluate a pretrained run with steps True",
     _evaluate(lambda d: _run(d, "pretrained"), "--steps", "True"), ["--steps", "True"]),
    ("evaluate a newton_head clusters run with tasks 100000000, a test set too large for memory",
     _evaluate(_newton_run, "--tasks", "100000000"), ["--tasks", "100000000"]),
    ("compare anil on linear with val-tasks -3",
     _compare_on(["anil"], "linear", "--val-tasks", "-3"), ["--val-tasks", "-3"]),
    ("compare newton_head on clusters with support 7, not a multiple of its 5 ways",
     _compare_on(["newton_head"], "clusters", "--query", "5", "--support", "7"),
     ["--support", "7"]),
    ("compare multitask on clusters with support 100000000, too many points for memory",
     _compare_on(["multitask"], "clusters", "--query", "5", "--support", "100000000"),
     ["--support", "100000000"]),
    ("compare closed_form on sinusoid_frequency with tasks True",
     _compare_on(["closed_form"], "sinusoid_frequency", "--tasks", "True"), ["--tasks", "True"]),
    ("compare fomaml on linear with seed 2**64, a seed too large",
     _compare_on(["fomaml"], "linear", "--seed", str(2 ** 64)), ["--seed", str(2 ** 64)]),
    ("compare closed_form on linear with lam 0.1, a train option compare has not got",
     _compare_on(["closed_form"], "linear", "--lam", "0.1"), ["--lam"]),
]

# --- Chapter 2's functions

def _reptile_direction_swapped():
    model, params, batch = _problem()
    theta_T = fine_tune_tasks(params, batch, model, inner_lr=0.01, inner_steps=1)
    return reptile_direction(theta_T, params)


def _loss_nan(pred, y):
    return np.full(pred.shape[0], np.nan)


def _loss_one_number(pred, y):
    return float(np.mean((np.asarray(pred) - np.asarray(y)) ** 2))


def _pooled_nan():
    model, params, batch = _problem()
    return pooled_loss(params, batch.x_support, batch.y_support, model, loss=_loss_nan)


def _theta0_trainable_past_end():
    model, params, batch = _problem()
    return list(itertools.islice(from_theta0(params, batch, model, inner_lr=0.01, loss=mse,
                                             trainable=[7]), 2))


def _predict(n_steps):
    strategy, state = _maml_state()
    batch = held_out_tasks(Sinusoid(), 2, 5, 5)
    return adapt.predict(strategy, state, batch, n_steps)


def _steps_true():
    model, params, batch = _problem()
    path = adapt.sgd_path(per_task(params, 3), batch, model, inner_lr=0.01, loss=mse)
    return adapt.steps(path, True)


def _low_rank_y_query_nan():
    model, params, batch = _problem()
    y_query = batch.y_query.copy()
    y_query[0, 1, 0] = np.nan
    batch = TaskBatch(batch.x_support, batch.y_support, batch.x_query, y_query)
    return meta_loss_low_rank(params, batch, model, inner_lr=0.01, inner_steps=1)


def _closed_form_lam_inf():
    model, params, batch = _problem()
    return closed_form_meta_loss(split(params)[0], batch, model, lam=np.inf)


def _fine_tune_one_number_loss():
    model, params, batch = _problem()
    return fine_tune_tasks(params, batch, model, inner_lr=0.01, inner_steps=1,
                           loss=_loss_one_number)


def _logits(lam):
    b = _clusters_batch()
    return softmax_head_logits(b.x_support, b.y_support, b.x_query, lam)


META_CASES = [
    ("reptile_direction params and theta_T in each other's places",
     lambda d: _reptile_direction_swapped(), ["theta_T"]),
    ("softmax_head_logits lam -1.0",
     lambda d: _logits(-1.0), ["lam", "-1.0"]),
    ("pooled_loss a loss returning NaN for every task",
     lambda d: _pooled_nan(), ["loss"]),
    ("from_theta0 trainable an index past the last parameter, [7] of 6",
     lambda d: _theta0_trainable_past_end(), ["trainable"]),
    ("adapt.predict n_steps 100000000, a test-time loop without end in sight",
     lambda d: _predict(100000000), ["n_steps", "100000000"]),
    ("adapt.steps n_steps True, a bool for a count",
     lambda d: _steps_true(), ["n_steps", "True"]),
    ("uses_low_rank params an empty list",
     lambda d: (lambda m, p, b: uses_low_rank([], b, m))(*_problem()), ["params"]),
    ("anil_meta_grad inner_lr inf",
     lambda d: _meta(anil_meta_grad, inner_lr=np.inf), ["inner_lr", "inf"]),
    ("meta_loss_low_rank a batch whose y_query holds a NaN",
     lambda d: _low_rank_y_query_nan(), ["y_query"]),
    ("closed_form_meta_loss lam inf",
     lambda d: _closed_form_lam_inf(), ["lam", "inf"]),
    ("subset_batch rng an int 0, where a numpy Generator is meant",
     lambda d: subset_batch(_problem()[2], 0, 2), ["rng"]),
    ("fine_tune_tasks a loss returning one number for all tasks",
     lambda d: _fine_tune_one_number_loss(), ["loss"]),
    ("softmax_head_logits lam the string '1.0'",
     lambda d: _logits("1.0"), ["lam", "'1.0'"]),
]

# --- strategies, configs and the registry

def _config_with_family_args(d, **args):
    record = load_checkpoint(_good(d)).config
    family = {**record["family"], "arguments": {**record["family"]["arguments"], **args}}
    return strategy_from_config({**record, "family": family})


STRATEGY_CASES = [
    ("check_rebuilds given the family's name 'sinusoid', not a family",
     lambda d: check_rebuilds("sinusoid"), ["family"]),
    ("make_strategy scratch n_query the string '10'",
     lambda d: make_strategy("scratch", meta_batch=2, n_query="10"), ["n_query", "'10'"]),
    ("make_strategy reptile batched the string 'False'",
     lambda d: make_strategy("reptile", meta_batch=2, batched="False"), ["batched", "False"]),
    ("NewtonHead on clusters with meta_batch 0",
     lambda d: NewtonHead(default_model(GaussianClusters()), GaussianClusters(), meta_batch=0),
     ["meta_batch", "0"]),
    ("make_family a name a user added to FAMILIES, mapped to the string 'sinusoid'",
     lambda d: _registered(FAMILIES, "wave", "sinusoid", lambda: make_family("wave")),
     ["wave"]),
    ("with_test_time n_support 2.5",
     lambda d: with_test_time(_maml(), n_support=2.5), ["n_support", "2.5"]),
    ("make_strategy maml on clusters with a sinusoid network MLP((1, 40, 40, 1))",
     lambda d: make_strategy("maml", family="clusters", model=MLP((1, 40, 40, 1)),
                             meta_batch=2), ["model"]),
    ("strategy_from_config a record whose family x_range is one number",
     lambda d: _config_with_family_args(d, x_range=5.0), ["x_range"]),
    ("make_strategy closed_form meta_lr the text '1e-3'",
     lambda d: make_strategy("closed_form", meta_batch=2, meta_lr="1e-3"), ["meta_lr", "1e-3"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

def _maml_on(family):
    strategy, state = _maml_state()
    return evaluate(strategy, state, family, n_steps=1, **_small())


EVALUATE_CASES = [
    ("select_test_time candidates holding a negative step size -0.01",
     lambda d: _select(candidates=[-0.01, 0.01]), ["candidates"]),
    ("select_test_time a sinusoid strategy on GaussianClusters tasks",
     lambda d: select_test_time(*_maml_state(), GaussianClusters(), candidates=[0.01],
                                max_steps=1, **_small()), ["family"]),
    ("evaluate a sinusoid strategy on GaussianClusters tasks",
     lambda d: _maml_on(GaussianClusters()), ["family"]),
    ("task_rng i 2**70",
     lambda d: task_rng(22, 2 ** 70), ["i"]),
    ("train resume and overwrite both True, two options that contradict",
     lambda d: train(make_strategy("maml", meta_batch=2), 4, 0, checkpoint=_good(d),
                     resume=True, overwrite=True), ["resume"]),
    ("train log_every -5",
     lambda d: train(_maml(), 2, 0, log_every=-5), ["log_every", "-5"]),
    ("evaluate n_support 100000000, too many support points for memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: evaluate(*_maml_state(), Sinusoid(), n_steps=1,
                          **_small(n_support=100000000))), ["n_support", "100000000"]),
    ("held_out_tasks n_tasks 100000000, too many tasks for memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: held_out_tasks(Sinusoid(), 100000000, 5, 5)), ["n_tasks", "100000000"]),
    ("train checkpoint_every -10",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every=-10),
     ["checkpoint_every", "-10"]),
    ("held_out_tasks start 2**70",
     lambda d: held_out_tasks(Sinusoid(), 3, 5, 5, start=2 ** 70), ["start"]),
]

# --- checkpoints

def _save_fields(d, **changes):
    ckpt = load_checkpoint(_good(d))
    fields = {"step": ckpt.step, "seed": ckpt.seed, "config": ckpt.config,
              "meta_losses": ckpt.meta_losses, **changes}
    return save_checkpoint(d / "saved.npz", ckpt.state, **fields)


def _padded(d):
    path = d / "padded.npz"
    path.write_bytes(_good(d).read_bytes() + bytes(100))
    return path


def META_CONFIG_GONE(d):
    return _damaged(d, "noconfig", lambda a: a.pop("meta/config"))


M5_RESHAPED = _set_entry("m5re", "state/adam/m/5", lambda a: a.reshape(1, 1))
P4_TRANSPOSED = _set_entry("p4t", "state/params/4", lambda a: a.T)
LOSSES_FIVE = _set_entry("loss5", "meta/meta_losses", lambda a: np.resize(a, 5))
M3_NAN = _set_entry("m3nan", "state/adam/m/3", lambda a: np.full_like(a, np.nan))
T_SEVEN = _set_entry("t7", "state/adam/t", lambda a: np.array(7))
P1_LONGER = _set_entry("p1long", "state/params/1", lambda a: np.append(a, 0.0))
FAMILY_CAPITAL = _config_edit("famcap", '"name": "sinusoid"', '"name": "Sinusoid"')
FIRST_ORDER_TEXT = _config_edit("fotext", '"first_order": false', '"first_order": "false"')
V5_INT = _set_entry("v5int", "state/adam/v/5", lambda a: np.array([1], dtype=np.int64))


CHECKPOINT_CASES = [
    ("load_checkpoint path the empty string",
     lambda d: load_checkpoint(""), ["''"]),
    ("restore a checkpoint whose state/adam/m/5 is reshaped to (1, 1)",
     lambda d: restore(M5_RESHAPED(d)), ["state/adam/m/5"]),
    ("restore a checkpoint without its meta/config",
     lambda d: restore(META_CONFIG_GONE(d)), ["meta/config"]),
    ("save_checkpoint step 2.5",
     lambda d: _save_fields(d, step=2.5), ["step", "2.5"]),
    ("library train resume a checkpoint whose meta/meta_losses holds 5 losses for 2 steps",
     _train_resume(LOSSES_FIVE), ["meta/meta_losses"]),
    ("evaluate on the command line a checkpoint whose state/adam/m/3 holds NaN",
     _evaluate(M3_NAN), ["state/adam/m/3"]),
    ("restore a checkpoint whose state/params/4 is transposed to (1, 40)",
     lambda d: restore(P4_TRANSPOSED(d)), ["state/params/4"]),
    ("save_checkpoint step 0 with two meta-losses",
     lambda d: _save_fields(d, step=0), ["step", "0"]),
    ("library train resume a checkpoint whose state/adam/t is 7 for meta/step 2",
     _train_resume(T_SEVEN), ["state/adam/t"]),
    ("restore a checkpoint whose meta/config names the family 'Sinusoid' in capitals",
     lambda d: restore(FAMILY_CAPITAL(d)), ["Sinusoid"]),
    ("restore a checkpoint whose meta/config gives first_order as the string \"false\"",
     lambda d: restore(FIRST_ORDER_TEXT(d)), ["first_order"]),
    ("load_checkpoint the good checkpoint with 100 zero bytes appended",
     lambda d: load_checkpoint(_padded(d)), ["padded.npz"]),
    ("restore a checkpoint whose state/params/1 holds 41 values for 40",
     lambda d: restore(P1_LONGER(d)), ["state/params/1"]),
    ("evaluate on the command line a checkpoint whose state/adam/v/5 holds ints",
     _evaluate(V5_INT), ["state/adam/v/5"]),
]

# --- nn, optim, batchnorm

def _params(sizes=(1, 8, 1)):
    return MLP(sizes).init(_rng())


def _rows(**kw):
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((3, 2))], np.arange(3), **{"lr": 1e-3, **kw})


def _adam_m_one_short():
    params = _params()
    state = adam_init(params)
    state = {**state, "m": list(state["m"])[:-1]}
    return adam_update(params, [np.ones_like(a) for a in params], state, 1e-3)


def _body_other_width():
    model = MLP((1, 8, 8, 1))
    params = model.init(_rng())
    body, _ = split(params)
    return model.body(body, np.zeros((5, 3)))


def _head_one_short():
    model = MLP((1, 8, 8, 1))
    params = model.init(_rng())
    _, head = split(params)
    return model.head(list(head)[:-1], np.zeros((5, 8)))


NN_CASES = [
    ("MLP sizes given as floats (1.0, 40.0, 1.0)",
     lambda d: MLP((1.0, 40.0, 1.0)).init(_rng()), ["sizes"]),
    ("MLP body x of 3 input columns for a network of 1",
     lambda d: _body_other_width(), ["x"]),
    ("finn_init sizes a (3, 1) column array",
     lambda d: finn_init(_rng(), np.array([[1], [40], [1]])), ["sizes"]),
    ("MLP activation 'tanh ' with a trailing space",
     lambda d: MLP((1, 8, 1), activation="tanh ").init(_rng()), ["activation"]),
    ("adam_rows lr inf",
     lambda d: _rows(lr=np.inf), ["lr", "inf"]),
    ("adam_rows eps inf",
     lambda d: _rows(eps=np.inf), ["eps", "inf"]),
    ("batch_norm scale a scalar 2.0 for 3 features",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), scale=2.0), ["scale"]),
    ("batch_norm offset of 2 values for 3 features",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), offset=np.zeros(2)), ["offset"]),
    ("per_task params a single array, not a list of arrays",
     lambda d: per_task(np.ones((1, 8)), 3), ["params"]),
    ("MLP head head_params one array short",
     lambda d: _head_one_short(), ["head_params"]),
    ("adam_update a state whose m list is one array short",
     lambda d: _adam_m_one_short(), ["m"]),
]

# --- task families: a user's own TaskFamily subclass (the ninety-sixth's Quadratic), and the
#     built-in ones

def _x_same_point(self, rng, task_params, n_points):
    x = rng.uniform(-2, 2, size=(task_params.shape[0], 1, 1))
    return np.repeat(x, n_points, axis=1)


def _metric_negative(self, pred, y):
    return -np.mean((pred - y) ** 2, axis=(1, 2))


def _params_one_more(self, rng, n_tasks):
    return rng.uniform(-1, 1, size=(n_tasks + 1, 3))


def _loss_nan_family(pred, y):
    return np.full(np.shape(pred)[0], np.nan)


def _describe_array(self):
    return np.array([1.0, 2.0, 3.0])


def _x_list(self, rng, task_params, n_points):
    return list(Quadratic.sample_x(self, rng, task_params, n_points))


def _params_identical(self, rng, n_tasks):
    return np.tile(rng.uniform(-1, 1, size=(1, 3)), (n_tasks, 1))


TASK_CASES = [
    ("a user's Quadratic TaskFamily whose sample_x draws one point per task and repeats it, "
     "in train",
     lambda d: _train_quadratic(_quadratic(sample_x=_x_same_point)), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose sample_x returns a Python list of per-task arrays, "
     "in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_x=_x_list), 2, 5, 5), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose metric returns minus the MSE, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_negative)), ["metric"]),
    ("a user's Quadratic TaskFamily whose sample_params returns one task more than asked, "
     "in train",
     lambda d: _train_quadratic(_quadratic(sample_params=_params_one_more)),
     ["sample_params"]),
    ("a user's Quadratic TaskFamily whose n_inputs is 0, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(n_inputs=0), 2, 5, 5), ["n_inputs", "0"]),
    ("a user's Quadratic TaskFamily whose loss returns NaN for every task, in train",
     lambda d: _train_quadratic(_quadratic(loss=staticmethod(_loss_nan_family))), ["loss"]),
    ("a user's Quadratic TaskFamily whose describe returns a numpy array, in train with a "
     "checkpoint",
     lambda d: _train_quadratic(_quadratic(describe=_describe_array), d / "q.npz"),
     ["describe"]),
    ("SinusoidFrequency phase (0.0, nan), in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(phase=(0.0, np.nan)), 2, 5, 5), ["phase"]),
    ("GaussianClusters n_way True, a bool for a count, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way=True), 2, 5, 5), ["n_way", "True"]),
    ("LinearRegression mean (nan, 0.5), in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean=(np.nan, 0.5)), 2, 5, 5), ["mean"]),
    ("Sinusoid amplitude (0.1, 5e300), amplitudes whose squares overflow, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=(0.1, 5e300)), 2, 5, 5), ["amplitude"]),
    ("a user's Quadratic TaskFamily whose n_outputs is 0, in train",
     lambda d: _train_quadratic(_quadratic(n_outputs=0)), ["n_outputs", "0"]),
    ("a user's Quadratic TaskFamily whose sample_params gives every task the same parameters, "
     "in select_test_time",
     lambda d: _select_quadratic(_quadratic(sample_params=_params_identical)),
     ["sample_params"]),
]

# --- Omniglot

def _flat_stack(images, a, c, n):
    return images.reshape(-1, 28, 28), a, c, n


def _text_file(d):
    path = d / "notes.txt"
    path.write_text("my notes on the omniglot run\n")
    return path


OMNIGLOT_CASES = [
    ("evaluate on the command line an omniglot run with support 100, more drawings than a "
     "character has",
     _evaluate(_omniglot_run, "--support", "100", "--query", "5"), ["--support", "100"]),
    ("evaluate on the command line an omniglot run with root a folder that does not exist",
     lambda d: _evaluate(_omniglot_run, "--support", "5", "--query", "5", "--root",
                         str(d / "no-such-folder"))(d), ["--root"]),
    ("train omniglot on the command line with root the images_background.zip file itself",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--out", str(d / "omni1.npz"), "--root", str(REAL_DATA / "images_background.zip")],
     ["--root"]),
    ("train omniglot on the command line with meta-batch 100000000, too many tasks for memory",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "100000000",
                "--out", str(d / "omni1.npz")], ["--meta-batch", "100000000"]),
    ("omniglot_compare episodes shots 0",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 0, 0), ["shots", "0"]),
    ("omniglot_compare with_step_size step_size the string '0.1'",
     lambda d: with_step_size(make_strategy("maml", family="clusters", meta_batch=2), "0.1"),
     ["step_size"]),
    ("Omniglot n_way 1, a one-way classification",
     lambda d: _sample(Omniglot(1, data=_data())), ["n_way", "1"]),
    ("evaluate on the command line an omniglot run with root a text file",
     lambda d: _evaluate(_omniglot_run, "--root", str(_text_file(d)))(d), ["--root"]),
    ("compare omniglot with support 6, not a multiple of its 5 ways",
     lambda d: ["compare", "--family", "omniglot", "--steps", "1", "--tasks", "4",
                "--val-tasks", "4", "--adapt-steps", "1", "--strategies", "maml",
                "--support", "6", "--query", "5"], ["--support", "6"]),
    ("Omniglot data whose images are a flat (characters * 20, 28, 28) stack",
     lambda d: _sample(Omniglot(5, data=_images(_flat_stack))), ["images"]),
    ("Omniglot sample rng an int 0, where a numpy Generator is meant",
     lambda d: Omniglot(5, data=_data()).sample(0, 2, 5, 5), ["rng"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "train resume and overwrite both True, two options that contradict":
        "not a bad input: overwrite=True is train's default (its signature says so), so the "
        "call is train's ordinary resume; the first run resumed it, no error",
}


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


def test_the_ninetyeighth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_ninetyeighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
