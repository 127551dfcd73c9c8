"""A hundred-and-thirty-fourth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit 41139c3,
from the user's side only, in about twenty minutes: the README's opening part (its first 300
lines: set-up, reading order, notation, the three wishes, the gallery, the testing kit and the
head of the command line section); ``--help`` of ``train``, ``evaluate`` and ``compare``; the
public names and signatures (``inspect.signature`` of the functions and classes each module
defines, from ``__all__`` or ``dir``; no methods) of ``scratchmeta.meta``'s public modules
(``adapt``, ``anil``, ``baselines``, ``closed_form``, ``evaluate``, ``exploding``, ``guard``,
``maml``, ``maml_low_rank``, ``multitask``, ``newton_head``, ``normalization``, ``r2d2``,
``r2d2_head``, ``registry``, ``reptile``, ``ridge``, ``softmax_head``, ``subset``, ``training``,
``checkpoint``, ``omniglot_compare``; not ``checks``/``protocol``/``messages``), ``nn``,
``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; ``tests/test_bad_inputs_cli.py``'s module docstring and first 80
lines (imports, ``_good``, ``_arrays``, ``_damaged``, ``_with_pickle``, ``_text``); the two
templates, the hundred-and-thirty-second (in full) and the hundred-and-thirtieth (its docstring's
head, its imports, case lists, helpers and tail); the ids of every earlier battery (extracted by
``ast``, see below). Imported, not copied: ``_good``, ``_damaged``, ``_train``, ``_rng``,
``_data``, the ninetieth's ``_run``, the ninety-second's ``_evaluate``, ``_maml_state``,
``_small``, the ninety-fourth's ``_compare_on``, ``_features``, ``_maml``, ``_problem``,
``_resumed``, ``_sample``, ``_select``, ``_set_entry``, the ninety-sixth's
``_evaluate_quadratic``, ``_quadratic``, ``_save_fields``, ``_train_quadratic``,
``_under_the_batteries_ulimit``, the hundred-and-second's ``_needs_omniglot`` and ``_params``.
No library source body, library docstring, validation module, history or file of /work/main was
read. Disclosed: to learn the helpers' signatures, a ``grep -A3`` of the earlier batteries
printed the first lines of each helper above (test code), and ``grep -A12`` printed the
ninety-fourth's ``_features`` and ``_problem`` (which calls conftest's ``small_problem``), the
fourth's older ``_features`` and ``_net`` and the ninety-sixth's ``Quadratic`` class head; a
further ``sed`` printed the rest of the ninety-sixth's ``Quadratic`` and its helpers after it
(``_quadratic``, ``_train_quadratic``, ``_evaluate_quadratic``, ``_select_quadratic`` and six
misbehaving methods); the commit was read with ``git rev-parse --short HEAD``. No good library
calls were made before or after the runs; after the first run one case (``adapt.after``, below)
was classified alone once, after its correction, to make sure it ends (it was refused at once).
Every case writes only inside its temporary folder (``git status --short`` after the runs shows
this file only). The id list, scripts and run outputs were kept outside the worktree, in
/tmp/wt134_scratch. SCRATCHMETA_DATA was unset. The runs were made as root (so no read-only-folder
case was written: root writes through it).

Areas, as written (eleven each, 99 in all): train on the command line -- anil and maml on
sinusoid_frequency, maml and newton_head and pretrained on clusters, closed_form and subset on
sinusoid, reptile and scratch on linear, multitask on sinusoid_frequency, a resume of a subset
sinusoid_frequency run; evaluate and compare on the command line -- runs of closed_form,
subset (sinusoid_frequency), newton_head and fomaml (clusters), multitask, the good run's path
glued to the next option; compare of scratch and newton_head on clusters, 'maml reptil', anil
on sinusoid_frequency, fomaml on linear; Chapter 2's functions -- adapt.after, uses_low_rank,
population_statistics, first_step_change, inner_advice, anil_meta_loss, ridge_head,
r2d2_logits, softmax_head_unrolled, subset_indices, inner_sgd; strategies and the registry --
make_strategy (r2d2, anil, reptile, newton_head, closed_form, scratch, pretrained, multitask),
the MAML class built from a ReptileConfig, hyperparameters, with_test_time on closed_form;
library train (three), evaluate (three), select_test_time (two), held_out_tasks, task_rng,
recorded_curve; checkpoints -- load_checkpoint (two), restore (three), save_checkpoint (two),
train --resume (two), train --out and evaluate on the command line; nn/optim/batchnorm -- MLP
sizes, batch_norm, init rng; per_task, adam_update (two), adam_rows (two), batch_norm, finn_init
(two); task families -- LinearRegression, Sinusoid (two), SinusoidFrequency, GaussianClusters
(two), make_family, cross_entropy, the ninety-sixth's ``Quadratic`` with one method changed
(three); Omniglot -- Omniglot's n_way, rotate, n_validation, dtype, data, sample rng;
finn_split, check_shots, omniglot_compare's episodes and families; train omniglot on the command
line.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --set learn_lam=-1 and batched=maybe (switches), subset_size=ten,
  head_init=closed_form() (call parentheses), --seed '0.0', --meta-batch '25/5'; evaluate --steps
  '1,5' (decimal comma), --query '1e-1' and '2**10', --tasks '4/1'; compare --adapt-steps '5-10';
  inner_advice inner_lr '0.01', anil_meta_loss first_order 'false', softmax_head_unrolled
  n_steps None, inner_sgd inner_steps 3.0, uses_low_rank batch a family; make_strategy r2d2
  scale [10.0], reptile batched 'false', newton_head meta_batch 2.0, closed_form learn_lam
  'true', hyperparameters the MAML class; train progress a dict, strategy a family; task_rng
  seed 22+0j; select_test_time family a class; recorded_curve batch a family; save_checkpoint
  changes 'lr'; MLP sizes as text, batch_norm 'yes', init rng the ``random`` module; adam_update
  lr None; adam_rows rows as text; finn_init rng None; LinearRegression mean 'zero';
  cross_entropy y_onehot text; Omniglot n_way 3.0, rotate -1, dtype bool, data a path, sample
  rng [7]; finn_split n_train None;
- out of range -- zero, negative, NaN, inf, huge, tiny: --log-every 0, --checkpoint-every 1e-3,
  --inner-lr -0.01 (closed_form), resume --inner-lr 1e999; compare --seed -7, --val-tasks 1e400;
  adapt.after n_steps 1e400, population_statistics x inf, first_step_change params inf,
  r2d2_logits offset inf, subset_indices n_support inf; make_strategy anil n_support 0,
  scratch n_query -10; with_test_time lam inf; train seed np.uint64(2**64 - 1); evaluate n_tasks
  2**40 (memory, under the ninety-sixth's ``_under_the_batteries_ulimit``); select_test_time
  n_support 1e400; held_out_tasks n_query 1e400; per_task n_tasks -7; adam_rows eps -inf;
  finn_init sizes (1, -8, 1); Sinusoid phase (-inf, 0.0); GaussianClusters dim 1e400, spread
  1e-400 (zero after parsing); Omniglot n_validation 1e400; check_shots n_query 1e400; episodes
  shots -1; families n_way 1e400;
- a wrong shape: make_strategy multitask model of two outputs; adam_update grads one array
  fewer; batch_norm scale of 3 for 4 features; Sinusoid x_range (0.0, 0.0) of no width;
  SinusoidFrequency amplitude reversed;
- a user's function that misbehaves (``Quadratic``): describe returning a list of pairs, target
  returning all NaN, metric returning one float for all tasks;
- files and paths: evaluate --checkpoint good.npz--tasks; load_checkpoint meta/seed -1 and a zip
  holding only a text file; restore state/params/3 empty, an extra state/adam/m/9,
  state/params/2 complex; save_checkpoint meta_losses inf; train --resume of meta/config text and
  of meta/step 5 past 2 losses (data loss checked); evaluate of state/params/1 a column; train
  --out an existing folder named run.npz; train omniglot --root an empty folder;
- mismatches, options that conflict: --root on a linear run; evaluate --support 7 for 5 classes;
  compare --eval-seed 11 equal to the validation seed; MAML from a ReptileConfig; evaluate an
  anil strategy with a maml state, a maml state on GaussianClusters;
- typos and misspellings: compare 'reptil', make_strategy family 'sine', make_family
  'Linear-Regression', ridge_head form 'cholesky'.

Repeats: the 16,074 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; an earlier id of three words or more that is a whole-word
prefix of a draft), over four rounds, and by about 150 function-and-kind greps over the same
list (e.g. ``log-every``, ``checkpoint-every``, ``n-support``, ``seed -``, ``meta-batch``, ``set
learn_lam|scale|head_meta_lr|head_seed|n_train_tasks|head_inner_lr|n_steps|first_order``,
``learn_scale=``, ``batched=``, ``subset_size=``, ``head_init``, ``dtype float32``, ``train.*root``,
``resume.*family|inner-steps|inner-lr``, ``evaluate.*split|root|query|tasks``, ``slash``,
``hexadecimal``, ``eval-seed``, ``strategies``, ``adapt-steps``, ``decimal comma``, ``.npy``,
``sgd_path``, ``after``, ``anil_meta_loss``, ``meta_loss``, ``fine_tune_tasks``, ``ridge_head``,
``with_bias``, ``newton_solve``, ``softmax_head``, ``subset_batch``, ``subset_indices``,
``trainable``, ``r2d2_logits offset``, ``reptile_direction``, ``inner_sgd first_order``, the
guard's, normalization's and training's helpers by name, ``ReptileConfig``, ``default_model``,
``strategy_from_config``, ``hyperparameters``, ``with_test_time``, ``make_strategy r2d2``,
``train progress|strategy|seed|n_steps|history|overwrite|log_every``, ``select_test_time
candidates|family|max_steps|n_support|seed``, ``held_out_tasks n_query|n_tasks``,
``recorded_curve state``, ``task_rng``, ``params/3``, ``save_checkpoint step``, ``MLP sizes``,
``init rng``, ``per_task n_tasks``, ``adam_update lr``, ``adam_rows rows|beta1``, ``Sinusoid
phase``, ``SinusoidFrequency amplitude``, ``GaussianClusters dim|n_way|spread``, ``make_family
'``, ``sample_x returns``, ``describe returns``, ``Omniglot n_way|rotate|n_train|sample rng``,
``finn_split n_train``, ``check_shots n_query``, ``episodes shots``, ``families n_way``). The
earlier list is very dense, so drafts were replaced many times before any run; exact earlier
ids among the drafts (all replaced): ``adapt sgd_path stop_on_divergence the word 'yes'``,
``subset_batch subset_size None``, ``make_strategy reptile n_steps the word 'all'``,
``make_strategy closed_form learn_scale 0.5, a fraction for a switch``, ``ANIL built from a
MAMLConfig, another strategy's configuration``, ``strategy_from_config record None``,
``restore a checkpoint without its state/adam/v/0 entry``, ``save_checkpoint meta_losses all
NaN``, ``adam_rows lr nan``, ``GaussianClusters spread -2.0, in held_out_tasks`` and ``...
spread inf, in held_out_tasks``, ``Omniglot n_train 0, no training characters``,
``omniglot_compare families data None``, and (before the first comma or as prefixes) ``MLP
sizes (1,)``, ``MLP init rng the int 0``, ``per_task n_tasks 0``, ``adam_update lr -1e-3``,
``adam_rows rows [5]``, ``Sinusoid phase (0.0, nan)``, ``SinusoidFrequency frequency (2.0,
0.5)``, ``GaussianClusters dim 0``, ``make_family 'sinusoid_freq'``, ``Omniglot n_way 1``,
``Omniglot rotate 90``, ``Omniglot sample n_tasks 0``, ``finn_split n_validation 2.5``,
``check_shots n_way 0``, ``omniglot_compare episodes shots 0``, ``select_test_time candidates``
(an empty list, [0.01, -0.01], [0.01, nan], [0.01, inf]), ``held_out_tasks n_support -5``,
``recorded_curve n_steps -1``, ``train log_every 0``, ``train checkpoint an existing folder``,
``train checkpoint_every 0.5`` and ``the text '1'``, ``evaluate n_query 0``, ``with_test_time
inner_lr nan`` and ``the text '0.01'`` and ``[0.01, 0.1]``, ``a user's Quadratic TaskFamily
whose sample_x returns inf``; replaced for substance (among others): --checkpoint-every
-1000, --set learn_scale=2, subset_size=2.5 and -10, head_steps=1.5, --dtype float32 on
sinusoid, --meta-batch 0b10, resume with --family linear, evaluate --steps 10.5, --split on
clusters, --root on a linear run, a trailing slash, --tasks 0x4, compare --eval-seed -22, 'maml,',
--support 2.5, --steps 0, --strategies with no name; ridge_head lam 1+1j, with_bias None,
newton_solve form 'Primal', softmax_head_unrolled n_steps -3, inner_sgd trainable 'head', meta_loss
inner_steps 2.0; make_strategy r2d2 scale -10, fomaml first_order False, newton_head n_query 0,
default_model None, hyperparameters None; train seed -5; held_out_tasks n_tasks '2' (replaced by
a task_rng case); Omniglot sample rng 7, families n_way 2000. No exact id repeats among the cases
run (checked by the script against the same list after the last change before the first run);
one id matches an earlier one only loosely (the script's prefix rule): ``compare strategies maml
and 'reptil', ...`` after the earlier ``compare strategies maml, fomaml and maml again, a name
repeated`` (another kind). Near earlier ids, kept as new ways (the lead may judge):
--log-every 0 near ``train log_every 0`` (the library's); --checkpoint-every 1e-3 near ``2.5``;
closed_form --inner-lr -0.01 near the other strategies' negative steps; learn_lam=-1 near
``learn_lam=0``; batched=maybe near ``learn_lam=maybe``; subset_size=ten near
``n_train_tasks=many``;
head_init=closed_form() near ``make_strategy name 'maml()'``; --seed '0.0' near ``train seed 1.5``;
--root on a linear run near ``evaluate a reptile sinusoid run with root a folder``; --meta-batch
'25/5' near ``written as a product``; resume --inner-lr 1e999 near ``set inner_lr=1e999`` and
``resume a fomaml run with inner-lr inf``; evaluate --steps '1,5' near the other decimal commas;
--query '1e-1' near ``query 1e1``; --support 7 near ``evaluate a maml clusters strategy with
n_support 3``; --query '2**10' near ``n-query 2**4``; good.npz--tasks near the path variants;
--tasks '4/1' near the products; compare --eval-seed 11 near ``select_test_time seed 22, the
seed of the held-out test tasks``; compare --seed -7 near ``compare seed -1``; --adapt-steps
'5-10' near ``n-support 5-10``; --val-tasks 1e400 near ``adapt-steps 1e400``; adapt.after
n_steps 1e400 near ``adapt.after n_steps -1``; uses_low_rank batch a family near ``batch None``;
population_statistics x inf near ``x with NaN``; first_step_change params inf near ``params a
dict``; inner_advice inner_lr '0.01' near ``inner_steps a string``; anil_meta_loss first_order
'false' near ``'off'``; ridge_head form 'cholesky' near ``ridge_fit form sklearn's solver name
cholesky``; r2d2_logits offset inf near ``NaN``; softmax_head_unrolled n_steps None near its
other types; subset_indices n_support inf near ``2.5``; inner_sgd inner_steps 3.0 near ``meta_loss
inner_steps`` types; make_strategy r2d2 scale [10.0] near ``r2d2_logits offset a list``; anil
n_support 0 near ``with_test_time n_support 0``; reptile batched 'false' near ``r2d2 learn_lam the
text 'false'``; newton_head meta_batch 2.0 near ``anil meta-batch 2.0``; closed_form learn_lam
'true' near r2d2's; scratch n_query -10 near ``train newton_head on clusters with n-query -3``;
MAML from a ReptileConfig near ``ANIL built from a MAMLConfig``; family 'sine' near ``make_family
'sine'``; hyperparameters the MAML class near ``default_model of the class``; with_test_time lam
inf near ``lam -1 on an r2d2 strategy``; multitask model of two outputs near ``closed_form model
MLP (2, 40, 40, 1)``; train progress a dict near ``a list``; train seed np.uint64(2**64 - 1) near
``2**64``; train strategy a family near ``a MAMLConfig()``; evaluate n_tasks 2**40 near ``2**70``;
anil with a maml state near ``state of another strategy`` ids; maml state on GaussianClusters near
``evaluate family a sampled TaskBatch``; select_test_time n_support 1e400 near ``-3``; family a
class near ``family None``; held_out_tasks n_query 1e400 near ``2**70``; task_rng seed 22+0j near
``a float``; recorded_curve batch a family near ``meta_gradient_norm batch the Sinusoid family``;
the checkpoint cases near their entries' other damages (``meta/seed``, ``state/params/3 is a
0-d array``, ``state/params/6`` extra, ``.npy`` files, ``state/params/3 is complex``,
``meta_losses complex``, ``changes``, ``meta/config``, ``state/params/1``, ``a folder named
run.npz``, ``step 3 past the good run's 2 meta-losses``); the nn/optim cases near their
functions' other values (``MLP sizes a float array``, ``batch_norm 2``, ``init rng a stdlib
random.Random``, ``per_task n_tasks -1``, ``adam_update lr a one-element list``, ``grads``,
``rows of floats``, ``adam_rows eps -1e-8``, ``batch_norm offset of 3 entries``, ``finn_init``);
the task cases near ``LinearRegression scale 'big'``, ``Sinusoid phase (0.0, inf)``, ``x_range
(5.0, -5.0)``, ``SinusoidFrequency x_range reversed``, ``GaussianClusters dim inf``, ``spread``,
``make_family 'linear_regression'``, ``cross_entropy``'s, ``describe returns a string``,
``target returns NaN``, ``metric returns one number``; the Omniglot cases near ``Omniglot n_way
5.0``, ``rotate 2``, ``n_validation 10**6``, ``dtype int8``, ``data`` types, ``sample rng the int
7``, ``finn_split n_train True``, ``check_shots n_query 0``, ``episodes shots 2.5``, ``families
n_way 5.0`` and ``train omniglot root a folder that does not exist``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 99. ``DROPPED`` is
empty. The file was copied before the first run (/tmp/wt134_scratch/before_first_run.py).

Correction after the first run (an outright slip of plumbing, in a kept case):
- ``adapt.after n_steps 1e400, a count that overflows`` (meta functions, index 0): the helper gave
  ``sgd_path`` the shared parameters without their task axis, a second bad input beside the one
  meant. First result (kept and written): unclear -- "does not name ['n_steps']: ValueError:
  theta[0] must have a leading task axis of the batch's 3 tasks (one copy per task, e.g.
  scratchmeta.nn.per_task(params, 3)), since SGD moves it, got shape (1, 8)". Corrected to
  ``sgd_path(per_task(params, 3), ...)``: clear -- "ValueError: n_steps must be an integer >= 0,
  got inf".

Memory and time: ``evaluate n_tasks 2**40`` runs under ``_under_the_batteries_ulimit`` (refused:
clear); no other case allocates much. The kept and written script runs took about five seconds
each, pytest about five.

First run at 41139c3 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, 60 of 63 clear (95.2%), 1 unclear (the slip above), 2 silent, 0 data loss -- cli train 7/7,
evaluate/compare 7/7, meta functions 6/7 (1 unclear), strategies 7/7, evaluate and train 6/7 (1
silent), checkpoints 7/7, nn/optim/batchnorm 7/7, task families 6/7 (1 silent), omniglot 7/7.
Written (``--written``): 96 of 99 clear (97.0%), 1 unclear, 2 silent, 0 data loss. After the
correction: kept, 61 of 63 clear (96.8%), 0 unclear, 2 silent, 0 data loss (meta functions
7/7, the rest as above); written, 97 of 99 clear (98.0%), 0 unclear, 2 silent, 0 data loss --
every area 11/11 but evaluate and train 10/11 (1 silent) and task families 10/11 (1 silent).
Under pytest (without the ulimit): 2 failed (the two kept silent cases below), 62 passed (61
kept clear cases and the wide-and-new test).

Not clear, kept:
- ``evaluate an anil strategy with a maml strategy's state``: silent -- "no error". The two
  strategies' states may have the same entries for the same default model (θ0 of one network),
  so an ANIL evaluation from MAML's θ0 may be a meaningful thing to compute; if a state carries
  no mark of the strategy that made it by design, this is not a bad input (the lead may judge).
- ``GaussianClusters spread 1e-400, a spread that underflows to zero, in held_out_tasks``:
  silent -- "no error". Python reads 1e-400 as 0.0 before the library sees it, so the family
  got spread 0.0: every point at its class mean. Whether a zero spread is refused or a
  degenerate but valid family is for the lead to judge (the issue counts degenerate data of
  other kinds as fair).

Not clear, written and not kept: none after the correction (before it, the kept ``adapt.after``
case above was the only unclear one).

Every other case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError; the
harness checked each message for the argument, option, entry or user method named in its
mentions and the value given. (The clear cases' messages were not printed by the runs, which
print only the cases not clear, and were not collected by a further run.) The two train --resume
cases of damaged checkpoints and the train --out folder case were clear and lost no data (the
harness's data-loss check passed).

Measured on main at 41139c3, the commit it was written at, blind (the lead reran it there,
with the hundred-and-thirty-fifth beside it, after the writer's correction recorded above):
kept, 61 of 63 clear (96.8%), 0 unclear, 2 silent, 0 data loss; the pair, 117 of 119 (98.3%).
The ANIL-with-MAML's-state case is not a bad input and stays a strict xfail saying why. Round
87 (with sight of this file, not blind): GaussianClusters refuses a spread of 0 (the spread is
the class centres', so at 0 every centre is the origin and no learner can beat chance; the
eleventh battery had read it as the points' spread and called the task trivial).
"""

import random
import zipfile

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import after, sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, recorded_curve,
                                       select_test_time, task_rng, with_test_time)
from scratchmeta.meta.guard import inner_advice
from scratchmeta.meta.maml import MAML, inner_sgd
from scratchmeta.meta.maml_low_rank import uses_low_rank
from scratchmeta.meta.normalization import first_step_change, population_statistics
from scratchmeta.meta.omniglot_compare import episodes, families
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import ReptileConfig
from scratchmeta.meta.ridge import ridge_head
from scratchmeta.meta.softmax_head import softmax_head_unrolled
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, cross_entropy, mse

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
                                          _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import (_evaluate_quadratic, _quadratic, _save_fields,
                                         _train_quadratic, _under_the_batteries_ulimit)
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_hundredtwentyeighth import _onehot

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train anil on sinusoid_frequency with log-every 0, progress lines every zero steps",
     _train("--strategy", "anil", "--family", "sinusoid_frequency", "--log-every", "0"),
     ["--log-every", "0"]),
    ("train maml on clusters with checkpoint-every 1e-3, a thousandth of a meta-step",
     _train("--strategy", "maml", "--family", "clusters", "--checkpoint-every", "1e-3"),
     ["--checkpoint-every", "1e-3"]),
    ("train closed_form on sinusoid with inner-lr -0.01, a negative test-time step",
     _train("--strategy", "closed_form", "--inner-lr", "-0.01"), ["--inner-lr", "-0.01"]),
    ("train newton_head on clusters with set learn_lam=-1, a negative number for a switch",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "learn_lam=-1"),
     ["learn_lam", "-1"]),
    ("train reptile on linear with set batched=maybe, a word neither true nor false",
     _train("--strategy", "reptile", "--family", "linear", "--set", "batched=maybe"),
     ["batched", "maybe"]),
    ("train subset on sinusoid with set subset_size=ten, a word for a count",
     _train("--strategy", "subset", "--set", "subset_size=ten"), ["subset_size", "ten"]),
    ("train multitask on sinusoid_frequency with set head_init=closed_form(), call "
     "parentheses after the name",
     _train("--strategy", "multitask", "--family", "sinusoid_frequency", "--set",
            "head_init=closed_form()"), ["head_init", "closed_form()"]),
    ("train pretrained on clusters with seed '0.0', a float for a run seed",
     _train("--strategy", "pretrained", "--family", "clusters", "--seed", "0.0"),
     ["--seed", "0.0"]),
    ("train scratch on linear with root a folder, an omniglot option on a linear run",
     lambda d: _train("--strategy", "scratch", "--family", "linear", "--root", str(d))(d),
     ["--root"]),
    ("train maml on sinusoid_frequency with meta-batch '25/5', a quotient for a count",
     _train("--strategy", "maml", "--family", "sinusoid_frequency", "--meta-batch", "25/5"),
     ["--meta-batch", "25/5"]),
    ("train resume a subset sinusoid_frequency run with inner-lr 1e999, a step that "
     "overflows to inf",
     _resumed("subset", "--inner-lr", "1e999", family="sinusoid_frequency"),
     ["--inner-lr", "1e999"]),
]

# --- the command line: evaluate and compare

def _glued(d):
    return str(_good(d)) + "--tasks"


CLI_OTHER_CASES = [
    ("evaluate a closed_form run with steps '1,5', a decimal comma in a count",
     _evaluate(lambda d: _run(d, "closed_form"), "--steps", "1,5"), ["--steps", "1,5"]),
    ("evaluate a subset sinusoid_frequency run with query '1e-1', a tenth of a point",
     _evaluate(lambda d: _run(d, "subset", family="sinusoid_frequency"), "--query", "1e-1"),
     ["--query", "1e-1"]),
    ("evaluate a newton_head clusters run with support 7, not a multiple of its 5 classes",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--support", "7"),
     ["--support", "7"]),
    ("evaluate a fomaml clusters run with query '2**10', a power for a count",
     _evaluate(lambda d: _run(d, "fomaml", family="clusters"), "--query", "2**10"),
     ["--query", "2**10"]),
    ("evaluate checkpoint the good run's path glued to the next option, good.npz--tasks",
     lambda d: ["evaluate", "--checkpoint", _glued(d), "--tasks", "4", "--steps", "1"],
     ["good.npz--tasks"]),
    ("evaluate a multitask run with tasks '4/1', a quotient for a count",
     _evaluate(lambda d: _run(d, "multitask"), "--tasks", "4/1"), ["--tasks", "4/1"]),
    ("compare scratch on clusters with eval-seed 11, the validation seed, so the test tasks "
     "are the validation tasks",
     _compare_on(["scratch"], "clusters", "--eval-seed", "11"), ["--eval-seed", "11"]),
    ("compare strategies maml and 'reptil', the second name misspelt",
     _compare_on(["maml", "reptil"], "linear"), ["reptil"]),
    ("compare newton_head on clusters with seed -7, a negative training seed",
     _compare_on(["newton_head"], "clusters", "--seed", "-7"), ["--seed", "-7"]),
    ("compare anil on sinusoid_frequency with adapt-steps '5-10', a range for a count",
     _compare_on(["anil"], "sinusoid_frequency", "--adapt-steps", "5-10"),
     ["--adapt-steps", "5-10"]),
    ("compare fomaml on linear with val-tasks 1e400, a count that overflows",
     _compare_on(["fomaml"], "linear", "--val-tasks", "1e400"), ["--val-tasks", "1e400"]),
]

# --- Chapter 2's functions

def _after_overflow():
    model, params, batch = _problem()
    path = sgd_path(per_task(params, batch.x_support.shape[0]), batch, model, inner_lr=0.01,
                    loss=mse)
    return after(path, 1e400)


def _low_rank_batch_family():
    model, params, batch = _problem()
    return uses_low_rank(params, Sinusoid(), model)


def _population_x_inf():
    model = MLP((1, 8, 1), batch_norm=True)
    return population_statistics(model, model.init(_rng()), np.full((2, 5, 1), np.inf))


def _first_step_params_inf():
    model, params, batch = _problem()
    return first_step_change([np.full_like(a, np.inf) for a in params], batch, model)


def _anil_loss_first_order_text():
    model, params, batch = _problem()
    return anil_meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1,
                          first_order="false")


def _inner_sgd_steps_whole_float():
    model, params, batch = _problem()
    return inner_sgd(per_task(params, batch.x_support.shape[0]), batch.x_support,
                     batch.y_support, model.apply, inner_lr=0.01, inner_steps=3.0)


META_CASES = [
    ("adapt.after n_steps 1e400, a count that overflows",
     lambda d: _after_overflow(), ["n_steps"]),
    ("maml_low_rank uses_low_rank batch the Sinusoid family, not a batch of its tasks",
     lambda d: _low_rank_batch_family(), ["batch"]),
    ("normalization population_statistics x all inf",
     lambda d: _population_x_inf(), ["x"]),
    ("normalization first_step_change params holding inf",
     lambda d: _first_step_params_inf(), ["params"]),
    ("guard inner_advice inner_lr the text '0.01'",
     lambda d: inner_advice(1, "0.01"), ["inner_lr", "0.01"]),
    ("anil_meta_loss first_order the text 'false'",
     lambda d: _anil_loss_first_order_text(), ["first_order", "false"]),
    ("ridge_head form 'cholesky', a solver's name for the form",
     lambda d: ridge_head(_features(), _onehot(), 1.0, form="cholesky"),
     ["form", "cholesky"]),
    ("r2d2_logits offset inf",
     lambda d: r2d2_logits(_features(), _onehot(), _features(), 1.0, offset=np.inf),
     ["offset", "inf"]),
    ("softmax_head_unrolled n_steps None",
     lambda d: softmax_head_unrolled(_features(), _onehot(), 1.0, None), ["n_steps", "None"]),
    ("subset_indices n_support inf",
     lambda d: subset_indices(_rng(), 2, np.inf, 2), ["n_support", "inf"]),
    ("maml inner_sgd inner_steps the whole float 3.0",
     lambda d: _inner_sgd_steps_whole_float(), ["inner_steps", "3.0"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy r2d2 on clusters scale a list [10.0], where one number is meant",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, scale=[10.0]),
     ["scale"]),
    ("make_strategy anil n_support 0, no support points to adapt on",
     lambda d: make_strategy("anil", meta_batch=2, n_support=0), ["n_support", "0"]),
    ("make_strategy reptile batched the text 'false'",
     lambda d: make_strategy("reptile", meta_batch=2, batched="false"), ["batched", "false"]),
    ("make_strategy newton_head on clusters meta_batch 2.0, a whole float for a count",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=2.0),
     ["meta_batch", "2.0"]),
    ("make_strategy closed_form learn_lam the text 'true'",
     lambda d: make_strategy("closed_form", meta_batch=2, learn_lam="true"),
     ["learn_lam", "true"]),
    ("make_strategy scratch n_query -10, a sign slip",
     lambda d: make_strategy("scratch", meta_batch=2, n_query=-10), ["n_query", "-10"]),
    ("MAML built from a ReptileConfig, another strategy's configuration",
     lambda d: MAML(MLP((1, 40, 40, 1)), Sinusoid(), ReptileConfig(meta_batch=2)),
     ["config"]),
    ("make_strategy pretrained family 'sine', a clipped name",
     lambda d: make_strategy("pretrained", family="sine", meta_batch=2), ["sine"]),
    ("hyperparameters the MAML class, not its name",
     lambda d: hyperparameters(MAML), ["MAML"]),
    ("with_test_time lam inf on a closed_form strategy, an endless penalty",
     lambda d: with_test_time(make_strategy("closed_form", meta_batch=2), lam=np.inf),
     ["lam", "inf"]),
    ("make_strategy multitask model MLP (1, 40, 40, 2), two outputs for the sinusoid's one",
     lambda d: make_strategy("multitask", meta_batch=2, model=MLP((1, 40, 40, 2))),
     ["model"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

def _anil_with_maml_state():
    strategy, state = _maml_state()
    anil = make_strategy("anil", meta_batch=2)
    return evaluate(anil, state, Sinusoid(), n_steps=1, **_small())


EVALUATE_CASES = [
    ("train progress a dict {'every': 10}, where a function is meant",
     lambda d: train(_maml(), 2, 0, progress={"every": 10}), ["progress"]),
    ("train seed np.uint64(2**64 - 1), the largest uint64 for a run seed",
     lambda d: train(_maml(), 2, np.uint64(2 ** 64 - 1)), ["seed", str(2 ** 64 - 1)]),
    ("train strategy the Sinusoid family, not a strategy",
     lambda d: train(Sinusoid(), 2, 0), ["strategy"]),
    ("evaluate n_tasks 2**40 in the library, held-out tasks past any memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: evaluate(*_maml_state(), Sinusoid(), n_steps=1,
                          **_small(n_tasks=2 ** 40))), ["n_tasks", str(2 ** 40)]),
    ("evaluate an anil strategy with a maml strategy's state",
     lambda d: _anil_with_maml_state(), ["state"]),
    ("evaluate a sinusoid maml state on GaussianClusters, a family of 8 inputs for 1",
     lambda d: evaluate(*_maml_state(), GaussianClusters(), n_steps=1, **_small()),
     ["family"]),
    ("select_test_time n_support 1e400, a count that overflows",
     lambda d: _select(n_support=1e400), ["n_support"]),
    ("select_test_time family the GaussianClusters class, not an instance",
     lambda d: select_test_time(*_maml_state(), GaussianClusters, candidates=[0.01],
                                max_steps=1, **_small()), ["family"]),
    ("held_out_tasks n_query 1e400, a count that overflows",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 1e400), ["n_query"]),
    ("task_rng seed the complex 22+0j",
     lambda d: task_rng(22 + 0j, 0), ["seed"]),
    ("recorded_curve batch the Sinusoid family, not a batch of its tasks",
     lambda d: recorded_curve(*_maml_state(), Sinusoid(), 1), ["batch"]),
]

# --- checkpoints

def _zip_of_text(d):
    path = d / "notes.npz"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "these are my notes\n")
    return path


def _add(key, value):
    return lambda d: _damaged(d, "add" + key.replace("/", ""),
                              lambda a: a.__setitem__(key, value))


SEED_NEGATIVE = _set_entry("seedneg", "meta/seed", lambda a: np.array(-1))
P3_EMPTY = _set_entry("p3empty", "state/params/3", lambda a: np.zeros(0))
M9_EXTRA = _add("state/adam/m/9", np.zeros(3))
P2_COMPLEX = _set_entry("p2complex", "state/params/2", lambda a: np.asarray(a) + 1j)
CONFIG_TEXT = _set_entry("configtext", "meta/config", lambda a: np.array("garbage"))
P1_COLUMN = _set_entry("p1column", "state/params/1", lambda a: np.asarray(a).reshape(-1, 1))
STEP_FIVE = _set_entry("stepfive", "meta/step", lambda a: np.array(5))


def _losses_inf(d):
    ckpt = load_checkpoint(_good(d))
    return _save_fields(d, meta_losses=np.full_like(np.asarray(ckpt.meta_losses, float),
                                                    np.inf))


def _out_folder(d):
    (d / "run.npz").mkdir()
    return ["train", "--steps", "2", "--meta-batch", "2", "--out", str(d / "run.npz")]


CHECKPOINT_CASES = [
    ("load_checkpoint a checkpoint whose meta/seed is -1",
     lambda d: load_checkpoint(SEED_NEGATIVE(d)), ["meta/seed"]),
    ("restore a checkpoint whose state/params/3 holds no entries, shape (0,)",
     lambda d: restore(P3_EMPTY(d)), ["state/params/3"]),
    ("restore a checkpoint with an extra entry state/adam/m/9",
     lambda d: restore(M9_EXTRA(d)), ["state/adam/m/9"]),
    ("load_checkpoint a zip holding only a text file, named notes.npz",
     lambda d: load_checkpoint(_zip_of_text(d)), ["notes.npz"]),
    ("restore a checkpoint whose state/params/2 is complex",
     lambda d: restore(P2_COMPLEX(d)), ["state/params/2"]),
    ("save_checkpoint meta_losses holding inf",
     lambda d: _losses_inf(d), ["meta_losses"]),
    ("save_checkpoint changes the text 'lr', where a tuple of changes is meant",
     lambda d: _save_fields(d, changes="lr"), ["changes"]),
    ("train resume on the command line a checkpoint whose meta/config is the text 'garbage'",
     lambda d: ["train", "--steps", "4", "--meta-batch", "2", "--out", str(CONFIG_TEXT(d)),
                "--resume"], ["meta/config"]),
    ("evaluate on the command line a checkpoint whose state/params/1 is a column (n, 1)",
     lambda d: ["evaluate", "--checkpoint", str(P1_COLUMN(d)), "--tasks", "4", "--steps",
                "1"], ["state/params/1"]),
    ("train on the command line with out an existing folder named run.npz",
     _out_folder, ["run.npz"]),
    ("train resume on the command line a checkpoint whose meta/step is 5 past its 2 losses",
     lambda d: ["train", "--steps", "8", "--meta-batch", "2", "--out", str(STEP_FIVE(d)),
                "--resume"], ["meta/step"]),
]

# --- nn, optim, batchnorm

def _adam_grads_one_fewer():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params][:-1], adam_init(params),
                       1e-3)


def _adam_lr_none():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params), None)


def _rows(rows=(0, 2), lr=1e-3, **kw):
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((3, 2))], np.array(rows), lr, **kw)


NN_CASES = [
    ("MLP sizes of text ['1', '8', '1']",
     lambda d: MLP(["1", "8", "1"]).init(_rng()), ["sizes"]),
    ("MLP batch_norm the word 'yes'",
     lambda d: MLP((1, 8, 1), batch_norm="yes").init(_rng()), ["batch_norm", "yes"]),
    ("MLP init rng the standard library's random module",
     lambda d: MLP((1, 8, 1)).init(random), ["rng"]),
    ("per_task n_tasks -7, a sign slip",
     lambda d: per_task(_params(), -7), ["n_tasks", "-7"]),
    ("adam_update lr None",
     lambda d: _adam_lr_none(), ["lr", "None"]),
    ("adam_update grads one array fewer than the parameters",
     lambda d: _adam_grads_one_fewer(), ["grads"]),
    ("adam_rows rows the text ['0', '2']",
     lambda d: _rows(rows=["0", "2"]), ["rows"]),
    ("adam_rows eps -inf",
     lambda d: _rows(eps=-np.inf), ["eps", "-inf"]),
    ("batch_norm scale of 3 entries for h of 4 features",
     lambda d: batch_norm(np.ones((2, 5, 4)), scale=np.ones(3)), ["scale"]),
    ("batchnorm finn_init sizes (1, -8, 1), a negative width",
     lambda d: finn_init(_rng(), (1, -8, 1)), ["sizes", "-8"]),
    ("batchnorm finn_init rng None",
     lambda d: finn_init(None, (1, 8, 1)), ["rng"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _describe_pairs(self):
    return [("name", "quadratic")]


def _target_nan(self, task_params, x):
    return np.full(np.shape(x), np.nan)


def _metric_scalar(self, pred, y):
    return float(np.mean((np.asarray(pred) - np.asarray(y)) ** 2))


TASK_CASES = [
    ("LinearRegression mean the word 'zero', in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean="zero"), 2, 5, 5), ["mean", "zero"]),
    ("Sinusoid phase (-inf, 0.0), in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(phase=(-np.inf, 0.0)), 2, 5, 5), ["phase", "-inf"]),
    ("Sinusoid x_range (0.0, 0.0), an interval of no width, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=(0.0, 0.0)), 2, 5, 5), ["x_range"]),
    ("SinusoidFrequency amplitude (5.0, 0.1), its ends reversed, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(amplitude=(5.0, 0.1)), 2, 5, 5),
     ["amplitude"]),
    ("GaussianClusters dim 1e400, a count that overflows, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=1e400), 2, 5, 5), ["dim"]),
    ("GaussianClusters spread 1e-400, a spread that underflows to zero, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread=1e-400), 2, 5, 5), ["spread"]),
    ("make_family 'Linear-Regression', the class's name with a hyphen",
     lambda d: make_family("Linear-Regression"), ["Linear-Regression"]),
    ("cross_entropy y_onehot the labels as text",
     lambda d: cross_entropy(np.zeros((3, 5, 3)), _onehot().astype(str)), ["y_onehot"]),
    ("a user's Quadratic TaskFamily whose describe returns a list of pairs, in train with a "
     "checkpoint",
     lambda d: _train_quadratic(_quadratic(describe=_describe_pairs), checkpoint=d / "q.npz"),
     ["describe"]),
    ("a user's Quadratic TaskFamily whose target returns all NaN, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_nan), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose metric returns one float for all tasks, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_scalar)), ["metric"]),
]

# --- Omniglot

OMNIGLOT_CASES = [
    ("Omniglot n_way 3.0, a whole float for a count of classes",
     lambda d: _sample(Omniglot(3.0, data=_data())), ["n_way", "3.0"]),
    ("Omniglot rotate -1, a negative number for a switch",
     lambda d: _sample(Omniglot(5, data=_data(), rotate=-1)), ["rotate", "-1"]),
    ("Omniglot n_validation 1e400, a count that overflows",
     lambda d: _sample(Omniglot(5, data=_data(), n_validation=1e400)), ["n_validation"]),
    ("Omniglot dtype bool, images of booleans",
     lambda d: _sample(Omniglot(5, data=_data(), dtype=bool)), ["dtype", "bool"]),
    ("Omniglot data the root folder's path, where the loaded drawings are meant",
     lambda d: _sample(Omniglot(5, data=ROOT)), ["data"]),
    ("Omniglot sample rng a list [7], a seed in a list",
     lambda d: Omniglot(5, data=_data()).sample([7], 2, 1, 1), ["rng"]),
    ("finn_split n_train None",
     lambda d: finn_split(_data().alphabets, _data().characters, n_train=None),
     ["n_train", "None"]),
    ("check_shots n_query 1e400, a count that overflows",
     lambda d: check_shots(5, 2, 5, 1e400), ["n_query"]),
    ("omniglot_compare episodes shots -1, a sign slip",
     lambda d: episodes(Omniglot(5, data=_data()), 2, -1, 0), ["shots", "-1"]),
    ("omniglot_compare families n_way 1e400, a count that overflows",
     lambda d: families(_data(), n_way=1e400), ["n_way"]),
    ("train omniglot on the command line with root an empty folder",
     lambda d: (d / "empty").mkdir() or ["train", "--family", "omniglot", "--steps", "1",
                                         "--meta-batch", "1", "--root", str(d / "empty"),
                                         "--out", str(d / "omni.npz")], ["empty"]),
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
NOT_CLEAR_YET = {
    "evaluate an anil strategy with a maml strategy's state":
        'silent at 41139c3: no error (not a bad input: both states hold theta0 of the same '
        'model, and ANIL\'s head-only adaptation from MAML\'s theta0 is a valid, often run '
        'comparison; a state carries no mark of the strategy that trained it)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredthirtyfourth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredthirtyfourth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
