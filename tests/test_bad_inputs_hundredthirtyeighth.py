"""A hundred-and-thirty-eighth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit f518702,
from the user's side only, in about twenty minutes: the README (its first 600 lines: set-up,
reading order, notation, the three wishes, the gallery, the testing kit, the command line section
and the head of the measured results); ``--help`` of ``train``, ``evaluate`` and ``compare``; the
public names and signatures (``inspect.signature`` of the functions and classes each module
defines, from ``__all__`` or ``dir``; no methods) of ``scratchmeta.meta``'s public modules
(``adapt``, ``anil``, ``baselines``, ``closed_form``, ``evaluate``, ``exploding``, ``guard``,
``maml``, ``maml_low_rank``, ``multitask``, ``newton_head``, ``normalization``, ``r2d2``,
``r2d2_head``, ``registry``, ``reptile``, ``ridge``, ``softmax_head``, ``subset``, ``training``,
``checkpoint``, ``omniglot_compare``; not ``checks``/``protocol``/``messages``), ``nn``,
``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; ``tests/test_bad_inputs_cli.py``'s module docstring and its first
60 lines (imports, ``_good``, ``_arrays``, the head of ``_damaged``); the two templates, the
hundred-and-thirty-sixth (in full) and the hundred-and-thirty-fourth (its docstring's head and
tail, imports, case lists, helpers and tail; the middle of its docstring and a few of its Chapter
2 helpers were cut from the output and not read); the ids of every earlier battery (extracted
by ``ast``, see below). Imported, not copied: ``_good``, ``_damaged``, ``_train``, ``_rng``,
``_data``, the ninetieth's ``_run``, the ninety-second's ``_evaluate``, ``_maml_state``,
``_small``, the ninety-fourth's ``_compare_on``, ``_features``, ``_maml``, ``_problem``,
``_resumed``, ``_sample``, ``_set_entry``, the ninety-sixth's ``Quadratic``,
``_evaluate_quadratic``, ``_quadratic``, ``_save_fields``, ``_under_the_batteries_ulimit``, the
hundred-and-second's ``_needs_omniglot`` and ``_params``. No library source body, library
docstring, validation module, history or file of /work/main was read (its venv's python was
run). Disclosed: to learn the helpers' signatures, ``inspect.signature`` printed those of
``_quadratic``, ``_save_fields``, ``_train_quadratic``, ``_evaluate_quadratic``,
``_under_the_batteries_ulimit``, ``_compare_on``, ``_features``, ``_maml``, ``_problem``,
``_resumed``, ``_sample``, ``_select``, ``_set_entry``, ``_evaluate``, ``_maml_state``,
``_small``, ``_run`` and ``_params``, the signatures of the ninety-sixth's ``Quadratic`` methods
and its public attribute names (``dir``); no helper body was printed. One good library call was
made before the first run: ``_good`` trained the two-step checkpoint once in a scratch folder
and ``np.load`` listed its entry names, shapes and dtypes (to name the entries the checkpoint
cases change). After the first run, the two corrected cases below were classified alone once,
and then every written case was classified once more by a script printing its message (to look
for further slips of plumbing; none was found, and no case was changed because of it). The
commit was read with ``git rev-parse --short HEAD``. Every case writes only inside its temporary
folder (``git status --short`` after the runs shows this file only). The id list, scripts and
run outputs were kept outside the worktree, in /tmp/wt138_scratch. SCRATCHMETA_DATA was unset.
The runs were made as root (so no read-only-folder case was written: root writes through it).

Areas, as written (eleven each, 99 in all): train on the command line -- maml on linear, fomaml
and r2d2 and newton_head on clusters, reptile and subset on sinusoid_frequency, anil and
closed_form and pretrained on linear, multitask on sinusoid, a resume of a newton_head clusters
run; evaluate and compare on the command line -- runs of reptile (linear), r2d2 and anil
(clusters), pretrained, multitask, the good run's path twice in one value; compare of subset on
sinusoid_frequency, 'maml,fomaml', closed_form on linear, anil and newton_head on clusters;
Chapter 2's functions -- adapt.curve, adapt.sgd_path, anil_meta_grad, maml.meta_loss,
meta_loss_low_rank, exploding.meta_gradient_norms, guard.inner_advice, reptile_step, ridge_head,
softmax_head, subset_batch; strategies and the registry -- make_strategy (maml on clusters, anil
on clusters, closed_form, reptile, subset, multitask, scratch, maml's model, a name with a tab),
hyperparameters, with_test_time; library train (four), evaluate (three), select_test_time
(three), held_out_tasks, task_rng; checkpoints -- load_checkpoint (two), restore (three),
save_checkpoint (two), train --resume (two), evaluate and train --out on the command line;
nn/optim/batchnorm -- MLP sizes, activation, batch_norm, dtype, init rng; per_task, split,
adam_init, adam_update, adam_rows, batch_norm; task families -- LinearRegression, Sinusoid (two),
SinusoidFrequency, GaussianClusters (two), mse, make_family, the ninety-sixth's ``Quadratic``
with one method changed (three); Omniglot -- Omniglot's n_way, split, n_train, rotate, dtype,
sample (n_tasks, rng); check_shots, finn_split, omniglot_compare's with_step_size, train omniglot
on the command line.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --inner-steps 'K=3', --n-query '5 points', --meta-lr '½', --set
  first_order=on/off, --lam '0.1 0.01', --set scale=[10], lam='0.1' (in quotes), head_seed=seed0,
  --steps '7e4.5'; evaluate --steps '10 steps', --query 'x5', --seed '22 # test tasks', --support
  '5.', --tasks 'all'; compare --query 'five', --eval-seed 'twenty-two'; sgd_path inner_lr
  '0.01', anil_meta_grad inner_lr [0.01], meta_loss inner_steps [1, 2], meta_gradient_norms
  inner_lrs '0.01', inner_advice inner_steps 'one', reptile_step inner_lr [0.01, 0.02],
  ridge_head features complex, subset_batch subset_size 'half'; make_strategy reptile n_steps
  2.5, subset n_query 2.5, maml model the initialised parameters; with_test_time a config; train
  n_steps np.float64(3.0), history a set, checkpoint 7; evaluate with strategy and state swapped,
  family the make_family function; select_test_time strategy 'maml', candidates [0.01, None];
  held_out_tasks n_query np.array([5, 5]); task_rng i np.float32(2.0); load_checkpoint the bytes
  of a checkpoint; MLP sizes (1, 40.5, 1), batch_norm np.array([True, False]), init rng
  np.int64(7); per_task n_tasks np.array([3]); split a list of (name, array) pairs; adam_init a
  list holding None; batch_norm offset text; LinearRegression noise [0.1]; Sinusoid amplitude
  (0.1, 5.0, 'uniform'), x_range 5.0; mse pred a dict; Omniglot n_way np.float64(5.0), split a
  tuple, rotate an array, dtype complex64, sample rng a list of two Generators; check_shots
  n_support 'five'; with_step_size a list; train omniglot --meta-batch 'one';
- out of range -- negative, NaN, inf, huge, zero: resume --lam -1; compare --adapt-steps -3,
  --seed '1e400'; adapt.curve n_steps 2**63; meta_loss_low_rank inner_steps -3; make_strategy
  maml meta_lr -1e-3, anil inner_steps -1, closed_form lam NaN; train log_every 2**70; evaluate
  n_query 10**12 (memory, under the ninety-sixth's ``_under_the_batteries_ulimit``); restore
  state/params/0 with one NaN; evaluate state/params/3 all -inf; adam_update beta1 1.5;
  SinusoidFrequency frequency (0.5, nan); GaussianClusters n_way inf, dim -8; Omniglot n_train
  -100, sample n_tasks 2**40 (memory, under the ulimit); finn_split n_train 10**30;
- a wrong shape: restore state/adam/m/3 of 42 entries for 40, state/params/5 0-d; train --resume
  of state/params/0 transposed; save_checkpoint meta_losses of 3 for step 2; adam_rows one
  gradient more than the parameters;
- a user's function that misbehaves (``Quadratic``): sample_params returning strings, metric
  returning each task's error twice, target returning one float;
- files and paths: load_checkpoint state/adam/v/2 complex; save_checkpoint under a file
  (good.npz/run.npz); train --out 'run.npz.' (a trailing dot); evaluate --checkpoint of two paths
  in one value;
- mismatches, options that conflict: train subset on sinusoid_frequency with subset_size 1000
  past its 100 support points; train --resume with --steps 1 below the run's 2 steps (data loss
  checked); make_strategy scratch first_order (a setting it has not got);
- typos and misspellings: --strategies 'maml,fomaml', make_strategy 'maml\\t', hyperparameters
  'meta.maml', multitask head_init 'ridge', softmax_head form 'Primal', MLP activation
  'leaky_relu', make_family 'linear' noize=0.1.

Repeats: the 16,462 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; an earlier id of three words or more that is a whole-word
prefix of a draft, and a draft's text before the first comma that is a prefix of an earlier id),
over six rounds, and by about 250 function-and-value greps over the same list (e.g. ``n-query
inf``, ``meta-lr 1.5``, ``first_order=1``, ``lam inf``, ``scale=-``, ``n_train_tasks=0``,
``subset_size=1000``, ``0x10``, ``hexadecimal``, ``70k``, ``query nan``, ``seed 2**64``,
``support '5.'``, ``22L``, ``5-shot``, ``folder that holds``, ``val-tasks 0``, ``r2d2 on
sinusoid``, ``adapt.curve``, ``sgd_path inner_lr``, ``meta_loss first_order``,
``meta_loss_low_rank``, ``meta_gradient_norm inner_steps|inner_lr``, ``meta_gradient_norms``,
``grad_norm``, ``inner_advice``, ``reptile_step meta_lr|inner_lr|inner_steps``, ``with_bias``,
``ridge_head lam|features``, ``softmax_head form``, ``subset_batch``, ``anil_meta_grad``,
``make_strategy maml inner_lr``, ``reptile n_steps``, ``pretrained inner_steps``, ``scratch
lam|first_order``, ``model a list``, ``MLP class``, ``inner_lrr``, ``hyperparameters a list|
'meta``, ``with_test_time``, ``log_every``, ``progress``, ``overwrite``, ``history``,
``select_test_time n_tasks|candidates|seed|max_steps|strategy``, ``held_out_tasks
start|seed|family|n_support|n_query``, ``task_rng i``, ``evaluate family``, ``meta/step``,
``meta/strategy``, ``meta/format``, ``meta/changes``, ``meta/meta_losses``, ``adam/v``,
``adam/m/3``, ``params/5``, ``empty file``, ``load_checkpoint path``, ``bytes of``,
``save_checkpoint seed|step|config|state|meta_losses|changes``, ``out under``, ``run.txt``,
``trailing slash|dot|space``, ``tilde``, ``newline``, ``quotes``, ``npz.npz``, ``force``,
``resume.*family``, ``transposed``, ``MLP sizes|activation|batch_norm|dtype``, ``per_task``,
``split params``, ``adam_init params``, ``adam_update beta1``, ``adam_rows lr|beta1|beta2|eps|
rows``, ``noise``, ``amplitude``, ``x_range``, ``frequency``, ``n_way``, ``dim -8``, ``mse
pred``, ``noize``, ``sample_x|sample_params|metric|target returns``, ``Omniglot
split|n_train|rotate|dtype|sample``, ``check_shots n_support``, ``finn_split``,
``with_step_size``, ``omniglot.*n-query|n-support``, ``root``). The earlier list is saturated,
so most first drafts were replaced before any run; exact earlier ids among the drafts (all
replaced): ``anil_meta_grad inner_steps -1``, ``hyperparameters None, where a strategy's name is
meant``, ``select_test_time n_tasks 0, no validation tasks``, ``select_test_time candidates
[0.01, -0.01], a negative step size among them``, ``restore a checkpoint whose state/adam/v/1 is
negative, a second moment below zero``, ``load_checkpoint path None``, ``save_checkpoint config
an empty dict``, ``per_task params None``, ``adam_update beta1 -0.1``, ``adam_rows lr NaN``,
``finn_split n_validation -1``, ``omniglot_compare with_step_size step_size -0.1``,
``LinearRegression noise the word 'low', in held_out_tasks``, ``GaussianClusters n_way the text
'5', in held_out_tasks``, ``a user's Quadratic TaskFamily whose metric returns strings, in
evaluate`` and ``... returns a (tasks, 1) column, in evaluate``, ``Omniglot n_way the text
'5'``, ``finn_split n_train the word 'all'``, and (before the first comma or as prefixes)
``subset_batch subset_size 0``, ``train log_every 0.5``, ``evaluate family None``,
``held_out_tasks start -1``, ``task_rng seed 2**64``, ``MLP batch_norm 2``, ``Omniglot n_way
0``, ``Omniglot sample n_support 0``; replaced for substance (among others): --n-query inf,
reptile --meta-lr 1.5, --set first_order=1.0, --lam inf, --set scale=-10, n_train_tasks=0,
n_train_tasks=-1000, --steps 0x10 and 70k, --lam 'λ=0.1', --set n_steps=-70000; evaluate --seed
2**64 and '22L', --query nan and '100%', --checkpoint a folder, good.npz.npz, with a tilde, a
newline or in quotes; compare r2d2 on sinusoid, --val-tasks 0, --val-seed -11, --support
'5-shot', --strategies ''; adapt.curve n_steps -2, meta_loss first_order 'no',
meta_loss_low_rank inner_lr NaN, meta_gradient_norm inner_steps 2.5, meta_gradient_norms Ks
[1, 2.5], grad_norm None, reptile_step meta_lr 2.0, with_bias 1-D, ridge_head lam 'ridge',
subset_batch subset_size 0; make_strategy maml inner_lr '0.01', reptile n_steps 0, pretrained
inner_steps, scratch lam, maml model a list of sizes and the MLP class, 'MAML ', with_test_time
inner_lrr and inner_steps; train progress 'tqdm', a list and 10, overwrite 'no', history a dict
and a tuple, log_every 0.5; held_out_tasks start '0' and seed -22, select_test_time seed -11,
max_steps 10**9 and candidates 2-D; load_checkpoint meta/step 2.5, meta/strategy 'mamll',
meta/format, an empty file, path None; save_checkpoint seed -5, state None, changes a dict;
evaluate meta/seed text and meta/changes; train --out under the good file, 'run.txt' and with a
trailing space; resume with --family linear and with --force; MLP activation 'softmax', 'ReLU',
'sigmoid ' and np.tanh, dtype 'float16' for Omniglot, split a single array and a tuple of
strings, adam_init [] and a single array, adam_rows eps '1e-8', beta1 and lr '1e-3';
LinearRegression noise -0.1 and (0.1, 0.2), Sinusoid amplitude reversed, of three numbers, a
dict and with text, GaussianClusters n_way 2.5, mse pred text, mse y complex; Quadratic sample_x
None, metric NaN and bools, target complex; Omniglot split 'Test' and 'eval', rotate 'no' and
90, dtype 'float16' and 'int8', sample n_query 25 and rng a random.Random or an int, finn_split
n_validation -1 and n_train 1623, train omniglot --root a file, '' and --n-support 0. No exact
id repeats among the cases run, nor a repeat before the first comma or by either prefix rule
(checked by the script against the same list after the last change before the first run). Near
earlier ids, kept as new ways (the lead may judge): --inner-steps 'K=3' near ``lam 'λ=0.1'``;
--meta-lr '½' near the vulgar fractions of Chapter 3's functions; --n-query '5 points' and
--steps '10 steps' near other suffixed counts (``70k``, ``100%``); --seed '22 # test tasks' near
``inner-steps '5 # K'``; --support '5.' near ``'5,'``; --query 'x5' near ``--lam '0.1x'``;
compare --seed '1e400' near evaluate and train ``seed 1e400``; compare 'maml,fomaml' near
``Omniglot split two splits joined by a comma``; evaluate --checkpoint of two paths near the
other mangled paths; adapt.curve n_steps 2**63 near ``recorded_curve n_steps 2**70``;
anil_meta_grad inner_lr [0.01] and reptile_step inner_lr [0.01, 0.02] near other list values
(``ridge_head lam a list of two``); meta_gradient_norms inner_lrs '0.01' near its map and set;
inner_advice inner_steps 'one' near ``inner_lr the text '0.01'``; subset_batch subset_size 'half'
near ``subset_size=ten``; make_strategy maml meta_lr -1e-3 near other sign slips; reptile n_steps
2.5 near its ``-1`` and ``'all'``; subset n_query 2.5 near other fractional counts; 'maml\\t' near
``'maml '``; scratch first_order near ``scratch lam``; with_test_time a config near ``MAML built
from a ReptileConfig``; train history a set near a dict and a tuple; checkpoint 7 near
``load_checkpoint an int 5``; select_test_time strategy 'maml' near ``adapt curve strategy the
name 'maml'``; candidates [0.01, None] near ``candidates the text '0.01'``; state/adam/v/2
complex near v/2's negative and reshaped; state/params/5 0-d near ``3-D (1, 1, 1)``;
save_checkpoint under a file near ``train out under the good checkpoint``; meta_losses of 3 for
step 2 near ``library train resume ... 5 losses for 2 steps``; --out 'run.npz.' near ``out with a
.txt suffix``; resume --steps 1 near ``force over the good checkpoint with steps 0``; MLP sizes
(1, 40.5, 1) near ``(1, '40', 1)``; activation 'leaky_relu' near ``'softmax'``; batch_norm an
array near ``[True]``; MLP dtype 'float16' near ``Omniglot dtype 'float16'``; the task cases
near their families' other values; metric each error twice near ``metric returns one value per
point``; target one float near ``target returns a tuple``; Omniglot n_way np.float64(5.0) near
``n_way 3.0``; split a tuple near ``('train',)``; rotate an array near ``rotate 90``; dtype
complex64 near ``family dtype complex64``; sample rng a list of two Generators near ``rng a list
[7]``; finn_split n_train 10**30 near ``Omniglot n_train 10**6``; with_step_size a list near its
string; train omniglot --meta-batch 'one' near ``n-query 0x5``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 99. ``DROPPED`` is
empty. The file was copied before the first run (/tmp/wt138_scratch/before_first_run.py).

Correction after the first run (an outright slip of plumbing, recorded with both results): the
two Omniglot ``sample`` cases of n_tasks 2**40 (kept) and of rng a list of two Generators
(written, not kept) passed n_support 1 and n_query 1 to a 5-way family, where n_support counts
all the support drawings of a task and must be a multiple of n_way, so each call held a second
bad input beside the one meant. Before: ``Omniglot sample n_tasks 2**40`` unclear -- "does not
name ['n_tasks', '1099511627776']: ValueError: n_support must be a multiple of n_way=5 (the same
number of drawings of every class), got 1" (the library named the other, unmeant bad input);
``Omniglot sample rng a list of two Generators`` clear -- "TypeError: rng must be a
numpy.random.Generator ...". After (n_support 5, n_query 5, classified alone once): both clear,
"ValueError: n_tasks = 1099511627776 episodes of 5 + 5 points would need 61.6 PiB of memory at
once, more than the 7.11 GiB left under this process's memory limit (ulimit -v); choose smaller
sizes" and the same rng message. No other case was changed.

Memory and time: ``evaluate n_query 10**12`` and ``Omniglot sample n_tasks 2**40`` run under
``_under_the_batteries_ulimit`` (both refused, with the sizes named: clear); no other case
allocates much. The kept script run took about six seconds, the written one about six, pytest
about five.

First run at f518702 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, 62 of 63 clear (98.4%), 1 unclear (the slip above), 0 silent, 0 data loss -- cli train
7/7, evaluate/compare 7/7, meta functions 7/7, strategies 7/7, evaluate and train 7/7,
checkpoints 7/7, nn/optim/batchnorm 7/7, task families 7/7, omniglot 6/7 (1 unclear). Written
(``--written``): 98 of 99 clear (99.0%), 1 unclear (the same case), 0 silent, 0 data loss --
every area 11/11 but omniglot 10/11. After the correction: kept, 63 of 63 clear (100%); written,
99 of 99 (100%), as the classification of every written case afterwards confirmed. Under pytest
(without the ulimit, after the correction): 64 passed (63 kept clear cases and the wide-and-new
test).

Not clear, kept: none after the correction (before it, ``Omniglot sample n_tasks 2**40,
episodes past any memory``, unclear, as above: a slip of this file's plumbing, not of the
library).

Not clear, written and not kept: none.

Every case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError naming the
argument, option, entry or user method in its mentions and the value given; the messages were
printed once after the runs (kept in /tmp/wt138_scratch/messages.txt). The train --resume cases
(--steps 1 below the run's 2 steps; a transposed state/params/0) and the train --out and resume
of a newton_head run were clear and lost no data (the harness's data-loss check passed).

Measured on main at f518702, the commit it was written at, blind (the lead reran it there,
with the hundred-and-thirty-ninth beside it, after the writer's correction recorded above):
kept, 63 of 63 clear (100%), 0 unclear, 0 silent, 0 data loss; the pair, 118 of 118 (100%).
Before the correction (a second bad input in the writer's own call) the first run was 62 of
63. The lead dropped one import the file did not use (pyflakes); no case changed.
"""
import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import curve, sgd_path
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.guard import inner_advice
from scratchmeta.meta.maml import meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.omniglot_compare import with_step_size
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.ridge import ridge_head
from scratchmeta.meta.softmax_head import softmax_head
from scratchmeta.meta.subset import subset_batch
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _evaluate, _maml_state, _small
from test_bad_inputs_ninetyfourth import (_compare_on, _features, _maml, _problem, _resumed,
                                          _sample, _set_entry)
from test_bad_inputs_ninetysixth import (Quadratic, _evaluate_quadratic, _quadratic,
                                         _save_fields, _under_the_batteries_ulimit)
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_hundredtwentyeighth import _onehot

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train maml on linear with inner-steps 'K=3', the lecture's symbol typed with the count",
     _train("--strategy", "maml", "--family", "linear", "--inner-steps", "K=3"),
     ["--inner-steps", "K=3"]),
    ("train fomaml on clusters with n-query '5 points', a unit after the count",
     _train("--strategy", "fomaml", "--family", "clusters", "--n-query", "5 points"),
     ["--n-query", "5 points"]),
    ("train reptile on sinusoid_frequency with meta-lr '\u00bd', a vulgar fraction character",
     _train("--strategy", "reptile", "--family", "sinusoid_frequency", "--meta-lr", "\u00bd"),
     ["--meta-lr", "\u00bd"]),
    ("train anil on linear with set first_order=on/off, both words of a switch",
     _train("--strategy", "anil", "--family", "linear", "--set", "first_order=on/off"),
     ["first_order", "on/off"]),
    ("train closed_form on linear with lam '0.1 0.01', two penalties in one value",
     _train("--strategy", "closed_form", "--family", "linear", "--lam", "0.1 0.01"),
     ["--lam", "0.1 0.01"]),
    ("train r2d2 on clusters with set scale=[10], a number in a list",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "scale=[10]"),
     ["scale", "[10]"]),
    ("train newton_head on clusters with set lam='0.1', the number in quotes",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "lam='0.1'"),
     ["lam"]),
    ("train multitask on sinusoid with set head_seed=seed0, a word before the seed",
     _train("--strategy", "multitask", "--set", "head_seed=seed0"), ["head_seed", "seed0"]),
    ("train subset on sinusoid_frequency with set subset_size=1000, ten times its 100 support "
     "points",
     _train("--strategy", "subset", "--family", "sinusoid_frequency", "--set",
            "subset_size=1000"), ["subset_size", "1000"]),
    ("train pretrained on linear with steps '7e4.5', a fractional exponent",
     _train("--strategy", "pretrained", "--family", "linear", "--steps", "7e4.5"),
     ["--steps", "7e4.5"]),
    ("train resume a newton_head clusters run with lam -1, a negative penalty",
     _resumed("newton_head", "--lam", "-1", family="clusters"), ["--lam", "-1"]),
]

# --- the command line: evaluate and compare

def _good_twice(d):
    good = str(_good(d))
    return ["evaluate", "--checkpoint", good + " " + good, "--tasks", "4", "--steps", "1"]


CLI_OTHER_CASES = [
    ("evaluate a reptile linear run with steps '10 steps', a unit after the count",
     _evaluate(lambda d: _run(d, "reptile", family="linear"), "--steps", "10 steps"),
     ["--steps", "10 steps"]),
    ("evaluate an r2d2 clusters run with query 'x5', a stray letter before the count",
     _evaluate(lambda d: _run(d, "r2d2", family="clusters"), "--query", "x5"),
     ["--query", "x5"]),
    ("evaluate a pretrained run with seed '22 # test tasks', a comment pasted after the seed",
     _evaluate(lambda d: _run(d, "pretrained"), "--seed", "22 # test tasks"),
     ["--seed", "22 # test tasks"]),
    ("evaluate an anil clusters run with support '5.', a trailing decimal point",
     _evaluate(lambda d: _run(d, "anil", family="clusters"), "--support", "5."),
     ["--support", "5."]),
    ("evaluate a multitask run with tasks 'all', a word for a count",
     _evaluate(lambda d: _run(d, "multitask"), "--tasks", "all"), ["--tasks", "all"]),
    ("evaluate checkpoint the good run's path twice in one value, 'good.npz good.npz'",
     _good_twice, ["good.npz"]),
    ("compare subset on sinusoid_frequency with adapt-steps -3, a sign slip",
     _compare_on(["subset"], "sinusoid_frequency", "--adapt-steps", "-3"),
     ["--adapt-steps", "-3"]),
    ("compare two names joined by a comma in strategies, 'maml,fomaml'",
     _compare_on(["maml,fomaml"], "sinusoid"), ["maml,fomaml"]),
    ("compare closed_form on linear with seed '1e400', a training seed that overflows",
     _compare_on(["closed_form"], "linear", "--seed", "1e400"), ["--seed", "1e400"]),
    ("compare anil on clusters with query 'five', a word for a count",
     _compare_on(["anil"], "clusters", "--query", "five"), ["--query", "five"]),
    ("compare newton_head on clusters with eval-seed 'twenty-two', a seed in words",
     _compare_on(["newton_head"], "clusters", "--eval-seed", "twenty-two"),
     ["--eval-seed", "twenty-two"]),
]

# --- Chapter 2's functions

def _curve_minus_two():
    strategy, state = _maml_state()
    return curve(strategy, state, held_out_tasks(Sinusoid(), 2, 5, 5), 2 ** 63)


def _path_lr_text():
    model, params, batch = _problem()
    return sgd_path(per_task(params, batch.x_support.shape[0]), batch, model, inner_lr="0.01",
                    loss=mse)


def _anil_grad_steps_negative():
    model, params, batch = _problem()
    return anil_meta_grad(params, batch, model, inner_lr=[0.01], inner_steps=1)


def _meta_loss_first_order_no():
    model, params, batch = _problem()
    return meta_loss(params, batch, model, inner_lr=0.01, inner_steps=[1, 2])


def _low_rank_lr_nan():
    model, params, batch = _problem()
    return meta_loss_low_rank(params, batch, model, inner_lr=0.01, inner_steps=-3)


def _norm_steps_half():
    model, params, batch = _problem()
    return meta_gradient_norms(params, batch, model, [1], "0.01")


def _reptile_step_two():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr=[0.01, 0.02], inner_steps=1, meta_lr=0.1)


def _subset_zero():
    model, params, batch = _problem()
    return subset_batch(batch, _rng(), "half")


META_CASES = [
    ("adapt.curve n_steps 2**63, a count past int64",
     lambda d: _curve_minus_two(), ["n_steps"]),
    ("adapt.sgd_path inner_lr the text '0.01'",
     lambda d: _path_lr_text(), ["inner_lr", "0.01"]),
    ("anil_meta_grad inner_lr the list [0.01], a step in a list",
     lambda d: _anil_grad_steps_negative(), ["inner_lr"]),
    ("maml meta_loss inner_steps the list [1, 2], two counts where one is meant",
     lambda d: _meta_loss_first_order_no(), ["inner_steps"]),
    ("maml_low_rank meta_loss_low_rank inner_steps -3, a sign slip",
     lambda d: _low_rank_lr_nan(), ["inner_steps", "-3"]),
    ("exploding meta_gradient_norms inner_lrs the text '0.01'",
     lambda d: _norm_steps_half(), ["inner_lrs", "0.01"]),
    ("guard inner_advice inner_steps the word 'one'",
     lambda d: inner_advice("one", 0.01), ["inner_steps", "one"]),
    ("reptile_step inner_lr the list [0.01, 0.02], two steps where one is meant",
     lambda d: _reptile_step_two(), ["inner_lr"]),
    ("ridge_head features complex",
     lambda d: ridge_head(_features() + 1j, _onehot(), 1.0), ["features"]),
    ("softmax_head form 'Primal', capitalised",
     lambda d: softmax_head(_features(), _onehot(), 1.0, form="Primal"), ["form", "Primal"]),
    ("subset_batch subset_size the word 'half'",
     lambda d: _subset_zero(), ["subset_size", "half"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy maml on clusters meta_lr -1e-3, a sign slip",
     lambda d: make_strategy("maml", family="clusters", meta_batch=2, meta_lr=-1e-3),
     ["meta_lr", "-0.001"]),
    ("make_strategy anil on clusters inner_steps -1, a sign slip",
     lambda d: make_strategy("anil", family="clusters", meta_batch=2, inner_steps=-1),
     ["inner_steps", "-1"]),
    ("make_strategy closed_form lam NaN",
     lambda d: make_strategy("closed_form", meta_batch=2, lam=np.nan), ["lam", "nan"]),
    ("make_strategy reptile n_steps 2.5, half a step in its schedule",
     lambda d: make_strategy("reptile", meta_batch=2, n_steps=2.5), ["n_steps", "2.5"]),
    ("make_strategy subset n_query 2.5, half a query point",
     lambda d: make_strategy("subset", meta_batch=2, n_query=2.5), ["n_query", "2.5"]),
    ("make_strategy multitask head_init 'ridge', not one of its head initialisations",
     lambda d: make_strategy("multitask", meta_batch=2, head_init="ridge"),
     ["head_init", "ridge"]),
    ("make_strategy scratch first_order True, a setting it has not got",
     lambda d: make_strategy("scratch", meta_batch=2, first_order=True), ["first_order"]),
    ("make_strategy maml model the initialised parameters, not the network",
     lambda d: make_strategy("maml", meta_batch=2, model=MLP((1, 40, 40, 1)).init(_rng())),
     ["model"]),
    ("make_strategy 'maml' followed by a tab",
     lambda d: make_strategy("maml\t", meta_batch=2), ["maml"]),
    ("hyperparameters 'meta.maml', the module's path for the name",
     lambda d: hyperparameters("meta.maml"), ["meta.maml"]),
    ("with_test_time strategy a strategy's config, not the strategy",
     lambda d: with_test_time(make_strategy("maml", meta_batch=2).config, inner_lr=0.02),
     ["strategy"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train n_steps np.float64(3.0), a NumPy float for a count",
     lambda d: train(_maml(), np.float64(3.0), 0), ["n_steps"]),
    ("train log_every 2**70, a count past int64",
     lambda d: train(_maml(), 2, 0, log_every=2 ** 70), ["log_every"]),
    ("train history a set(), where a list to append to is meant",
     lambda d: train(_maml(), 2, 0, history=set()), ["history"]),
    ("train checkpoint the integer 7, where a path is meant",
     lambda d: train(_maml(), 2, 0, checkpoint=7), ["checkpoint", "7"]),
    ("evaluate n_query 10**12 in the library, query points past any memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: evaluate(*_maml_state(), Sinusoid(), n_steps=1,
                          **_small(n_query=10 ** 12))), ["n_query", str(10 ** 12)]),
    ("evaluate with the state and the strategy swapped",
     lambda d: evaluate(*reversed(_maml_state()), Sinusoid(), n_steps=1, **_small()),
     ["strategy"]),
    ("evaluate family the make_family function, not a family",
     lambda d: evaluate(*_maml_state(), make_family, n_steps=1, **_small()), ["family"]),
    ("select_test_time strategy the name 'maml', not the strategy",
     lambda d: select_test_time("maml", _maml_state()[1], Sinusoid(), candidates=[0.01],
                                max_steps=1, **_small()), ["strategy"]),
    ("select_test_time a missing step size among candidates, [0.01, None]",
     lambda d: select_test_time(*_maml_state(), Sinusoid(), candidates=[0.01, None],
                                max_steps=1, **_small()), ["candidates"]),
    ("held_out_tasks n_query np.array([5, 5]), two counts where one is meant",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, np.array([5, 5])), ["n_query"]),
    ("task_rng i np.float32(2.0), a NumPy float for an index",
     lambda d: task_rng(22, np.float32(2.0)), ["i"]),
]

# --- checkpoints

def _bytes_of_good(d):
    return _good(d).read_bytes()


def _losses_three(d):
    return _save_fields(d, meta_losses=np.array([1.0, 0.9, 0.8]))


def _save_under_a_file(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "good.npz" / "run.npz", ckpt.state, step=ckpt.step,
                           seed=ckpt.seed, config=ckpt.config, meta_losses=ckpt.meta_losses)


def _good_then_resume_with(d, *flags):
    path = _good(d)
    return ["train", "--steps", "4", "--meta-batch", "2", "--out", str(path), "--resume",
            *flags]


def _one_nan(a):
    a = np.array(a, dtype=float)
    a.flat[3] = np.nan
    return a


V2_COMPLEX = _set_entry("v2complex", "state/adam/v/2", lambda a: np.asarray(a) + 1j)
P0_ONE_NAN = _set_entry("p0nan", "state/params/0", _one_nan)
M3_LONGER = _set_entry("m3longer", "state/adam/m/3", lambda a: np.zeros(42))
P5_SCALAR = _set_entry("p5scalar", "state/params/5", lambda a: np.asarray(a).reshape(()))
P0_TRANSPOSED = _set_entry("p0t", "state/params/0", lambda a: np.asarray(a).T.copy())
P3_MINUS_INF = _set_entry("p3minf", "state/params/3", lambda a: np.full_like(a, -np.inf))


CHECKPOINT_CASES = [
    ("load_checkpoint a checkpoint whose state/adam/v/2 is complex",
     lambda d: load_checkpoint(V2_COMPLEX(d)), ["state/adam/v/2"]),
    ("restore a checkpoint whose state/params/0 holds one NaN",
     lambda d: restore(P0_ONE_NAN(d)), ["state/params/0"]),
    ("restore a checkpoint whose state/adam/m/3 has 42 entries for its 40",
     lambda d: restore(M3_LONGER(d)), ["state/adam/m/3"]),
    ("load_checkpoint the bytes of the good checkpoint, not its path",
     lambda d: load_checkpoint(_bytes_of_good(d)), ["path"]),
    ("restore a checkpoint whose state/params/5 is 0-d, the output bias as a scalar",
     lambda d: restore(P5_SCALAR(d)), ["state/params/5"]),
    ("save_checkpoint to a path under the good checkpoint file, good.npz/run.npz",
     _save_under_a_file, ["good.npz"]),
    ("save_checkpoint meta_losses of 3 losses for its step 2",
     _losses_three, ["meta_losses"]),
    ("train resume on the command line the good run with steps 1, fewer than its 2 done",
     lambda d: _good_then_resume_with(d, "--steps", "1"), ["--steps", "1"]),
    ("train resume on the command line a checkpoint whose state/params/0 is transposed",
     lambda d: ["train", "--steps", "4", "--meta-batch", "2", "--out", str(P0_TRANSPOSED(d)),
                "--resume"], ["state/params/0"]),
    ("evaluate on the command line a checkpoint whose state/params/3 holds -inf",
     lambda d: ["evaluate", "--checkpoint", str(P3_MINUS_INF(d)), "--tasks", "4", "--steps",
                "1"], ["state/params/3"]),
    ("train on the command line with out 'run.npz.', a trailing dot",
     lambda d: ["train", "--steps", "2", "--meta-batch", "2", "--out", str(d / "run.npz.")],
     ["run.npz."]),
]

# --- nn, optim, batchnorm

def _adam_beta1_negative():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params), 1e-3,
                       beta1=1.5)


def _rows_grads_more():
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((3, 2)), np.ones((3, 2))], np.array([0, 2]), 1e-3)


NN_CASES = [
    ("MLP a fractional width, sizes (1, 40.5, 1)",
     lambda d: MLP((1, 40.5, 1)).init(_rng()), ["sizes", "40.5"]),
    ("MLP activation 'leaky_relu', not one it offers",
     lambda d: MLP((1, 8, 1), activation="leaky_relu").init(_rng()),
     ["activation", "leaky_relu"]),
    ("MLP batch_norm np.array([True, False]), one switch per layer",
     lambda d: MLP((1, 8, 1), batch_norm=np.array([True, False])).init(_rng()),
     ["batch_norm"]),
    ("MLP dtype the text 'float16'",
     lambda d: MLP((1, 8, 1), dtype="float16").init(_rng()), ["dtype", "float16"]),
    ("MLP init rng np.int64(7), a NumPy integer where a Generator is meant",
     lambda d: MLP((1, 8, 1)).init(np.int64(7)), ["rng"]),
    ("per_task n_tasks np.array([3]), a count in an array",
     lambda d: per_task(_params(), np.array([3])), ["n_tasks"]),
    ("nn split params a list of (name, array) pairs",
     lambda d: split([("w", np.ones((1, 8))), ("b", np.ones(8))]), ["params"]),
    ("adam_init params a list holding None",
     lambda d: adam_init([np.ones(3), None]), ["params"]),
    ("adam_update beta1 1.5, past one",
     lambda d: _adam_beta1_negative(), ["beta1", "1.5"]),
    ("adam_rows grads one array more than the parameters",
     lambda d: _rows_grads_more(), ["grads"]),
    ("batch_norm offset of text ['0', '0', '0', '0']",
     lambda d: batch_norm(np.ones((2, 5, 4)), offset=np.array(["0"] * 4)), ["offset"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _params_strings(self, rng, n_tasks):
    return np.asarray(Quadratic.sample_params(self, rng, n_tasks)).astype(str)


def _metric_twice(self, pred, y):
    err = (np.asarray(pred) - np.asarray(y)) ** 2
    per_task = err.reshape(err.shape[0], -1).mean(axis=1)
    return np.concatenate([per_task, per_task])


def _target_scalar(self, task_params, x):
    return 1.0


TASK_CASES = [
    ("LinearRegression noise a list [0.1], a level in a list, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise=[0.1]), 2, 5, 5), ["noise"]),
    ("Sinusoid with a distribution's name added to amplitude, (0.1, 5.0, 'uniform'), in "
     "held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=(0.1, 5.0, "uniform")), 2, 5, 5),
     ["amplitude"]),
    ("Sinusoid x_range the single number 5.0, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=5.0), 2, 5, 5), ["x_range"]),
    ("SinusoidFrequency with a NaN upper frequency, frequency (0.5, nan), in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(0.5, np.nan)), 2, 5, 5),
     ["frequency", "nan"]),
    ("GaussianClusters n_way np.inf, endless classes, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way=np.inf), 2, 5, 5), ["n_way", "inf"]),
    ("GaussianClusters dim -8, a sign slip, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=-8), 2, 5, 5), ["dim", "-8"]),
    ("mse pred a dict of predictions",
     lambda d: mse({"pred": np.ones((3, 5, 1))}, np.ones((3, 5, 1))), ["pred"]),
    ("make_family 'linear' with noize=0.1, a misspelt setting",
     lambda d: make_family("linear", noize=0.1), ["noize"]),
    ("a user's Quadratic TaskFamily whose sample_params returns strings, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_params=_params_strings), 2, 5, 5),
     ["sample_params"]),
    ("a user's Quadratic TaskFamily whose metric returns each task's error twice, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_twice)), ["metric"]),
    ("a user's Quadratic TaskFamily whose target returns one float for all points, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_scalar), 2, 5, 5), ["target"]),
]

# --- Omniglot

OMNIGLOT_CASES = [
    ("Omniglot n_way np.float64(5.0), a NumPy float for a count of classes",
     lambda d: _sample(Omniglot(np.float64(5.0), data=_data())), ["n_way", "5.0"]),
    ("Omniglot two splits in a tuple, split ('train', 'test')",
     lambda d: _sample(Omniglot(5, ("train", "test"), data=_data())), ["split"]),
    ("Omniglot n_train -100, a sign slip",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=-100)), ["n_train", "-100"]),
    ("Omniglot rotate np.array([True, False]), two switches",
     lambda d: _sample(Omniglot(5, data=_data(), rotate=np.array([True, False]))),
     ["rotate"]),
    ("Omniglot dtype np.complex64, complex images",
     lambda d: _sample(Omniglot(5, data=_data(), dtype=np.complex64)), ["dtype", "complex64"]),
    ("Omniglot sample n_tasks 2**40, episodes past any memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: Omniglot(5, data=_data()).sample(_rng(), 2 ** 40, 5, 5)),
     ["n_tasks", str(2 ** 40)]),
    ("Omniglot sample rng a list of two Generators, where one is meant",
     lambda d: Omniglot(5, data=_data()).sample([_rng(), _rng()], 2, 5, 5), ["rng"]),
    ("check_shots n_support the word 'five'",
     lambda d: check_shots(5, 2, "five", 5), ["n_support", "five"]),
    ("finn_split n_train 10**30, past any count of characters",
     lambda d: finn_split(_data().alphabets, _data().characters, n_train=10 ** 30),
     ["n_train", str(10 ** 30)]),
    ("omniglot_compare with_step_size step_size a list [0.1, 0.4]",
     lambda d: with_step_size(make_strategy("maml", meta_batch=2), [0.1, 0.4]),
     ["step_size"]),
    ("train omniglot on the command line with meta-batch 'one', a word for a count",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "one",
                "--root", ROOT, "--out", str(d / "omni.npz")], ["--meta-batch", "one"]),
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


def test_the_hundredthirtyeighth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredthirtyeighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
