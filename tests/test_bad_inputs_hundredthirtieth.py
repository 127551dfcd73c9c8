"""A hundred-and-thirtieth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit 99d5370,
from the user's side only, in about twenty minutes: the README's command line section (lines
244-383); ``--help`` of ``train``, ``evaluate`` and ``compare``; the public names and signatures
(``inspect.signature`` of the functions and classes each module defines, from ``__all__`` or
``dir``; no methods) of ``scratchmeta.meta``'s public modules (``adapt``, ``anil``,
``baselines``, ``closed_form``, ``evaluate``, ``exploding``, ``guard``, ``maml``,
``maml_low_rank``, ``multitask``, ``newton_head``, ``normalization``, ``r2d2``, ``r2d2_head``,
``registry``, ``reptile``, ``ridge``, ``softmax_head``, ``subset``, ``training``, ``checkpoint``,
``omniglot_compare``; not ``checks``/``protocol``/``messages``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``;
``tests/test_bad_inputs_cli.py``'s module docstring and first 40 lines (imports); the two
templates, the hundred-and-twenty-eighth (in full) and the hundred-and-twenty-sixth (its imports,
its case lists and the helpers beside its task-family and checkpoint cases); the ids of every
earlier battery (extracted by ``ast``, see below). Imported, not copied: ``_good``, ``_damaged``,
``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the ninety-second's ``_evaluate``,
``_maml_state``, ``_small``, the ninety-fourth's ``_compare_on``, ``_features``, ``_maml``,
``_problem``, ``_resumed``, ``_sample``, ``_select``, ``_set_entry``, the ninety-sixth's
``_quadratic``, ``_save_fields``, ``_train_quadratic``, ``_under_the_batteries_ulimit``, the
hundred-and-second's ``_needs_omniglot`` and ``_params``. No library source body, library
docstring, validation module, history or file of /work/main was read. Disclosed: to learn the
helpers' signatures, a ``grep -A4`` of the earlier batteries printed the first lines of each
helper above (test code: the bodies of ``_train``, ``_evaluate``, ``_maml_state``, ``_small``,
``_compare_on``, ``_problem``, ``_features``, ``_maml``, ``_select``, ``_set_entry``,
``_sample``, ``_quadratic``, ``_train_quadratic``, ``_params`` and the heads of ``_good``,
``_damaged``, ``_run``, ``_resumed``, ``_save_fields`` and ``_under_the_batteries_ulimit``
showed); the signatures of the ninety-sixth's ``Quadratic`` methods were listed with
``inspect``; the commit was read with ``git rev-parse --short HEAD``. No good library calls were
made before the first run. After it, to judge the one silent case (below), ``ridge_fit`` was
called twice, on the case's 2-D features and on 3-D ones. Every case writes only inside its
temporary folder (``git status --short`` after the runs shows this file only). The id list,
scripts and run outputs were kept outside the worktree, in /tmp/wt130_scratch. SCRATCHMETA_DATA
was unset. The runs were made as root (so no read-only-folder case was written: root writes
through it).

Areas, as written (eleven each, 99 in all): train on the command line -- anil, newton_head and
reptile on clusters, closed_form, pretrained and fomaml on sinusoid_frequency, subset, scratch and
maml on linear, resumes of a closed_form and of a multitask run; evaluate and compare on the
command line -- runs of r2d2 and newton_head (clusters), maml (linear), pretrained, scratch,
fomaml, the good run's path in capitals; compare of fomaml on clusters, 'newton-head', subset on
linear, pretrained on sinusoid_frequency; Chapter 2's functions -- inner_sgd, meta_grad,
meta_loss_low_rank, reptile_direction, meta_gradient_norm, sharpness, adaptation_curves,
r2d2_logits, ridge_fit, softmax_head_logits, subset_indices; strategies and the registry --
make_strategy (anil twice, pretrained, scratch, newton_head, multitask, closed_form, maml,
subset), hyperparameters, with_test_time on pretrained; library train (five), evaluate (three),
select_test_time, held_out_tasks, task_rng; checkpoints -- load_checkpoint (three), restore
(four), save_checkpoint (two), train --resume and evaluate on the command line; nn/optim/batchnorm
-- MLP sizes (two), dtype, activation, apply; per_task, split, adam_update (two), adam_rows,
batch_norm; task families -- LinearRegression (two), Sinusoid, SinusoidFrequency,
GaussianClusters, make_family, mse, cross_entropy, the ninety-sixth's ``Quadratic`` with one
method changed (three); Omniglot -- Omniglot's n_way, rotate, split, n_validation, sample
n_query; finn_split, check_shots, omniglot_compare's episodes (two) and build; train omniglot on
the command line.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --inner-lr '10%', --lam 'none', --set lam=0.5e (a dangling exponent),
  --meta-batch '2 tasks', --seed '0x10', --inner-steps '32.0', --meta-lr '1e-3f' (a C suffix),
  --set lam=1e-3j; evaluate --support '5*2', --tasks 'four', --query '100%', --seed '#22';
  compare --query 'many', --val-seed 'seed11', --tasks 1e3; inner_sgd apply 0, meta_grad
  inner_lr '1e-2', reptile_direction theta_T as text, sharpness iterations 2.5,
  adaptation_curves batch a family; make_strategy anil inner_steps True, pretrained inner_lr
  '0.01', scratch meta_batch '25', newton_head learn_lam nan, maml family the class
  GaussianClusters; train n_steps '10', seed 1e20, progress sys.stdout, resume 'yes'; evaluate
  seed 'abc', n_support 'ten', family a TaskBatch; select_test_time max_steps 'all'; task_rng i
  [0, 1]; load_checkpoint 5; MLP sizes with 8+0j and True, dtype np.object_; per_task n_tasks
  [2]; split of text arrays; adam_update beta2 'default'; adam_rows rows a boolean mask;
  batch_norm eps '1e-3'; LinearRegression scale 'big', noise True; SinusoidFrequency frequency
  a dict; GaussianClusters n_way '5'; Omniglot rotate 'True'; finn_split alphabets a set;
  check_shots n_drawings 1.5; episodes family None;
- out of range -- negative, NaN, inf, huge, tiny: evaluate --steps -1, --support 1e400;
  meta_gradient_norm inner_lr -inf; r2d2 and subset subset sizes (below); make_strategy
  multitask head_meta_lr inf, subset inner_steps -1; with_test_time inner_lr 5e-324 (subnormal);
  held_out_tasks seed nan; Sinusoid amplitude (0.1, inf); Omniglot n_way 10**9 (under the
  ulimit), n_validation 10**6, sample n_query 16 with n_support 5 (past 20 drawings); episodes
  n_tasks 1e400; train omniglot --meta-batch 10000000 (memory, refused before work);
- a wrong shape: r2d2_logits phi_support 2-D; ridge_fit features 2-D; softmax_head_logits
  phi_query of another width; subset_indices subset_size 8 of 5; meta_loss_low_rank params of
  another model; make_strategy closed_form model of two inputs; MLP apply x of three inputs;
  adam_update state of another model; mse pred of 3 tasks for y of 2; cross_entropy logits of
  one class for three;
- a user's function that misbehaves (``Quadratic``): sample_x ignoring n_points, target
  returning a nested Python list, loss returning its prediction unreduced;
- files and paths: evaluate --checkpoint GOOD.NPZ (the path's case changed); load_checkpoint of
  a checkpoint cut to half its bytes and of one whose meta/config is a pickled object array;
  restore with meta/step 2.5, state/adam/m/0 inf, state/params/0 text, state/adam/t True;
  save_checkpoint path with a NUL byte; train --resume of the half-cut checkpoint (data loss
  checked); evaluate of state/params/4 twice as long;
- mismatches, options that conflict: --set subset_size=11 with --n-support 10; pretrained --set
  first_order=true (a field it has not got); save_checkpoint step 3 past 2 meta-losses;
- typos and misspellings: resume multitask --set head_init=closed-form, compare 'newton-head',
  make_strategy family 'lin', hyperparameters 'closedform', MLP activation 'identity', Omniglot
  split 'validate', build 'proto'; make_family 'linear' slope=2.

Repeats: the 15,686 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; an earlier id that is a whole-word prefix of a draft; the
first four words, too broad to act on alone), over four rounds, and by about 230
function-and-kind greps over the same list (e.g. ``10%``, ``lam none``, ``lam=-0.5``,
``subset_size=11``, ``first_order``, ``checkpoint-every -``, ``0x10``, ``1/1000``, ``**-3``,
``suffix``, ``learn_lam=maybe``, ``another family``, ``steps -1``, ``split test``, ``query 0``,
``1e400``, ``seed 1.5``, ``twenty``, ``'four'``, ``Arabic``, ``1e2``, ``empty zip``, ``np.savez``,
``.NPZ``, ``eval-seed -``, ``'seed``, ``newton-head``, ``inner_sgd x|y|inner_lr|inner_steps|
task_params|trainable``, ``meta_grad batch|inner_lr``, ``low_rank``, ``theta_T``,
``meta_gradient_norm inner_lr``, ``sharpness``, ``adaptation_curves``, ``r2d2_logits``,
``ridge_fit features``, ``phi_query``, ``subset_indices``, ``'sinusoids'``,
``sinusoid-frequency``, ``gaussian_clusters``, ``'Linear'``, ``anil inner_steps``, ``scratch
n_query|inner_lr|meta_batch``, ``learn_lam nan``, ``head_meta_lr``, ``the class``, ``subset
first_order|inner_steps``, ``closedform``, ``with_test_time``, ``train n_steps``, ``seed 2.5``,
``seed a generator``, ``progress``, ``resume 'yes'``, ``checkpoint ''``, ``on_divergence``,
``evaluate n_steps|n_tasks|n_query|n_support|state|strategy|seed``, ``TaskBatch``, ``chunk_size
-``, ``candidates``, ``max_steps``, ``held_out_tasks seed``, ``task_rng i``, ``load_checkpoint
path|a text``, ``gzip``, ``zeroed``, ``half its bytes``, ``pickled|object array``, ``meta/step``,
``adam/v/0``, ``adam/m/0``, ``meta/seed``, ``meta/notes``, ``meta/strategy``, ``adam/t``,
``params/0``, ``params/4``, ``save_checkpoint step|state|seed|path|changes|meta_losses``,
``NUL``, ``MLP sizes``, ``complex width``, ``int32``, ``complex128``, ``bfloat16``,
``object``, ``ReLU``, ``gelu``, ``leaky``, ``softmax``, ``identity``, ``apply params|x``,
``per_task``, ``split params``, ``beta1``, ``beta2``, ``eps``, ``adam_update state``, ``adam_rows
rows|lr``, ``batch_norm h|offset|eps``, ``LinearRegression mean|scale|noise``, ``Sinusoid
amplitude``, ``SinusoidFrequency frequency|phase|x_range``, ``GaussianClusters spread|dim|n_way``,
``slope``, ``mse pred|y``, ``accuracy``, ``cross_entropy``, ``sample_params returns``,
``sample_x returns``, ``target returns``, ``metric returns``, ``loss returns``, ``Omniglot
n_way|rotate|split|n_validation``, ``n_query 16``, ``finn_split``, ``check_shots n_drawings``,
``episodes n_tasks|shots|family|seed``, ``build name``, ``omniglot.*n-query|n-support``,
``dtype float16``, ``root ''``, ``--split``). The earlier list is dense, so drafts were replaced
many times before any run; exact earlier ids among the drafts (all replaced):
``normalization adaptation_curves n_steps -2``, ``r2d2_logits scale NaN``,
``softmax_head_logits lam inf``, ``evaluate n_steps -1 in the library``, ``save_checkpoint step
-1``, ``save_checkpoint state None``, ``adam_update beta1 -0.1``, ``SinusoidFrequency frequency
(nan, 2.0), in held_out_tasks``, ``mse pred complex``, ``accuracy y_onehot of 4 classes for
logits of 3``, ``finn_split alphabets None``, ``check_shots n_drawings 0``, ``omniglot_compare
episodes seed the word 'zero'``, ``train omniglot on the command line with n-support 0``,
``meta_loss_low_rank inner_lr inf``, ``normalization adaptation_curves n_steps the word
'five'``, ``task_rng i the word 'first'``, ``Omniglot rotate the word 'yes'``, ``finn_split
n_validation the word 'ten'``, and (as prefixes) ``evaluate on_divergence True``, ``evaluate state
None``, ``task_rng i -1``, ``batch_norm eps 0``, ``Omniglot n_way 0``, ``Omniglot n_validation
-100``; replaced for substance (among others): --meta-lr '1/1000', --set learn_lam=maybe, a
resume with another family, --checkpoint-every -1, evaluate --split on a clusters run, --tasks
0x10, --query 0 and 1e2, --seed 1.5 and 'twenty-two', a text file and an np.savez file as
--checkpoint, compare --eval-seed -1; inner_sgd inner_steps -1, meta_grad first_order 'yes',
meta_loss_low_rank inner_steps 2.5, reptile_direction theta_T a dict, sharpness iterations 0;
make_strategy family 'omniglott', scratch n_query 0, subset first_order 'no', with_test_time
inner_lr -0.01, inf and text; train seed [0, 1], -1 and a Generator, progress 'stdout';
select_test_time candidates with a negative; evaluate n_query -3, state a list, strategy a
name; load_checkpoint a text file and a gzip; restore meta/step -1, adam/v/0 negative, no
meta/seed, adam/t 2.5 and a 2x2 array, an extra meta/notes; save_checkpoint step True and 2**70,
path '', seed -7, changes, meta_losses 2-D; MLP sizes (1, 0, 1), (1.5, 8, 1), an int, a set and
2**40, dtype int32/complex128/bfloat16, activation ReLU/gelu/leaky_relu/softmax; per_task
n_tasks -2 and 1e400; split [] and a dict; adam_update eps 0.0; adam_rows lr '1e-3', rows
floats, 2-D and negative; batch_norm eps 0, h empty and complex, offset text; LinearRegression
mean (1.0,) and noise -0.1; GaussianClusters spread -1.0 and dim -3; mse y complex and pred None;
accuracy logits of text and y_onehot None; cross_entropy logits complex and y_onehot text;
Quadratic sample_params NaN, None, complex and a task too few, target complex, bools, inf and
without the output axis, metric per point, complex and strings, sample_x a list and complex;
Omniglot rotate 45, split 'Test'/'testing'/'evaluation', n_way 5.5; episodes shots 0 and n_tasks
-2; build 'MAML'; train omniglot --n-query -5, --dtype float16, --root '', --split. No exact id
repeats among the cases run (checked by the script against the same list after the last change);
four ids match an earlier one only loosely: ``MLP sizes (1, 8+0j, 1)`` and ``MLP sizes (1, 8,
True)`` before their first comma (other substance), ``MLP apply x (2, 5, 3), ...`` and ``Sinusoid
amplitude (0.1, inf), ...`` after the generic earlier ids ``MLP apply x`` and ``Sinusoid
amplitude``.

Near earlier ids, kept as new ways (the lead may judge): ``--inner-lr '10%'`` near ``--set
subset_size=10%``; ``--meta-batch '2 tasks'`` near ``--support '10 points'``; ``--meta-lr
'1e-3f'`` near ``compare adapt-steps with a C float suffix``; ``--seed '0x10'`` near the counts in
hexadecimal; ``--support '5*2'`` near ``compare tasks written as a product``; ``--tasks 1e3``
near ``checkpoint-every 1e3``; ``--val-seed 'seed11'`` near ``val-seed 'eleven'``;
``head_init=closed-form`` near ``make_strategy name in kebab-case closed-form``;
``'newton-head'`` near ``compare family with a hyphen sinusoid-frequency``; ``GOOD.NPZ`` near
``load_checkpoint the good checkpoint's path without its .npz suffix``; ``r2d2_logits
phi_support`` 2-D near ``newton_head head_params phi_support 2-D``; ``ridge_fit features`` 2-D
near ``ridge_head features 2-D``; ``meta_gradient_norm inner_lr -inf`` near ``-0.5``;
``make_strategy family 'lin'`` near ``make_family 'sine'``; ``hyperparameters 'closedform'``
near the kebab-case closed-form; ``with_test_time inner_lr 5e-324`` near the other functions'
5e-324; ``train seed 1e20`` near ``seed 1e400``; ``task_rng i [0, 1]`` near ``train seed [0,
1]``; ``restore state/adam/t True`` near ``save seed True``; ``meta/step 2.5`` near
``state/adam/t is 2.5``; ``state/adam/m/0`` inf near its complex and NaN; ``save_checkpoint path``
with a NUL near ``Omniglot root with a NUL byte``; ``adam_rows rows`` a mask near ``reptile
batched an array [True, False]``; ``batch_norm eps '1e-3'`` near ``eps a dtype object``;
``LinearRegression noise True`` near ``n_way True``; ``GaussianClusters n_way '5'`` near
``Omniglot n_way '5'``; ``cross_entropy logits`` of one class near ``accuracy y_onehot of 4
classes``; Quadratic ``sample_x`` ignoring n_points near ``one point too many``, ``target`` a
nested list near ``sample_x`` a Python list, ``loss`` returning its prediction near ``a user
family whose loss returns one value per point``; ``Omniglot n_way 10**9`` near ``n_way 2000``;
``rotate 'True'`` near ``rotate 'train'``; ``split 'validate'`` near ``'testing'``;
``n_validation 10**6`` near ``n_train 10**6``; ``n_query 16`` near ``check_shots``' counts;
``check_shots n_drawings 1.5`` near ``0``; ``episodes n_tasks 1e400`` near ``Omniglot sample
n_tasks 1e400``; ``build 'proto'`` near ``'mamal'``; ``--meta-batch 10000000`` on omniglot near
``compare --support 10000000000``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 99. ``DROPPED`` is
empty. No correction was made after the first run (the file was copied before it and is
unchanged but for this docstring).

Memory and time: ``Omniglot n_way 10**9`` runs under the ninety-sixth's
``_under_the_batteries_ulimit``; the CLI ``train omniglot --meta-batch 10000000`` is expected to
be refused before work (it was: clear). The kept and written script runs took about five
seconds each, pytest about forty.

First run at 99d5370 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, 62 of 63 clear (98.4%), 0 unclear, 1 silent, 0 data loss -- cli train 7/7,
evaluate/compare 7/7, meta functions 6/7 (1 silent), strategies 7/7, evaluate and train 7/7,
checkpoints 7/7, nn/optim/batchnorm 7/7, task families 7/7, omniglot 7/7. Written (``--written``):
98 of 99 clear (99.0%), 0 unclear, 1 silent (the same case), 0 data loss -- every area 11/11
except meta functions 10/11. Under pytest (run once, without the ulimit): 1 failed (the silent
case below), 63 passed (62 kept clear cases and the wide-and-new test).

Not clear, kept:
- ``ridge_fit features 2-D (points, width) without the task axis``: silent -- "no error".
  ``ridge_fit(features[0], np.ones((5, 1)), 1.0)`` returned, as a call after the run showed, a
  list of a (4, 1) weight and a (1, 1) bias: the 3-D call's (3, 4, 1) and (3, 1, 1) without the
  task axis, a coherent single-task fit. So this may be a supported way to fit one task (the
  writer could not check: library docstrings are off limits), in which case it is not a bad
  input; the lead may judge. It was not changed (not an outright slip of plumbing).

Not clear, written and not kept: none.

Every other case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError; the
harness checked each message for the argument, option, entry or user method named in its
mentions and the value given. (The clear cases' messages were not printed by the runs, which
print only the cases not clear, and were not collected by a further run; so whether any clear
message is slightly off, as the templates note for theirs, was not judged.) The train --resume of
the half-cut checkpoint was clear and lost no data (the harness's data-loss check passed).

Measured on main at 99d5370, the commit it was written at, blind (the lead reran it there,
with the hundred-and-thirty-first beside it): kept, 62 of 63 clear (98.4%), 0 unclear, 1
silent, 0 data loss; the pair, 116 of 119 (97.5%). The one kept miss is not a bad input, as
its writer suspected: ridge_fit's check documents features of shape (points, d) or (tasks,
points, d), and the 2-D fit is that one task's; it stays a strict xfail saying so, and
ridge_fit's own docstring now says 2-D is one task.
"""

import sys

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.exploding import meta_gradient_norm
from scratchmeta.meta.maml import inner_sgd, meta_grad
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.normalization import adaptation_curves, sharpness
from scratchmeta.meta.omniglot_compare import build, episodes
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import reptile_direction
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import softmax_head_logits
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
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
from test_bad_inputs_ninetysixth import (_quadratic, _save_fields, _train_quadratic,
                                         _under_the_batteries_ulimit)
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_hundredtwentyeighth import _onehot

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train anil on clusters with inner-lr '10%', a percentage for a step size",
     _train("--strategy", "anil", "--family", "clusters", "--inner-lr", "10%"),
     ["--inner-lr", "10%"]),
    ("train closed_form on sinusoid_frequency with lam 'none', a word for no penalty",
     _train("--strategy", "closed_form", "--family", "sinusoid_frequency", "--lam", "none"),
     ["--lam", "none"]),
    ("train newton_head on clusters with set lam=0.5e, an exponent left dangling",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "lam=0.5e"),
     ["lam", "0.5e"]),
    ("train subset on linear with set subset_size=11 for n-support 10, a subset larger "
     "than the support set",
     _train("--strategy", "subset", "--family", "linear", "--n-support", "10", "--set",
            "subset_size=11"), ["subset_size", "11"]),
    ("train pretrained on sinusoid_frequency with set first_order=true, a field pretrained "
     "has not got",
     _train("--strategy", "pretrained", "--family", "sinusoid_frequency", "--set",
            "first_order=true"), ["first_order"]),
    ("train scratch on linear with meta-batch '2 tasks', a unit after the count",
     _train("--strategy", "scratch", "--family", "linear", "--meta-batch", "2 tasks"),
     ["--meta-batch", "2 tasks"]),
    ("train maml on linear with seed '0x10', a seed in hexadecimal",
     _train("--strategy", "maml", "--family", "linear", "--seed", "0x10"),
     ["--seed", "0x10"]),
    ("train reptile on clusters with inner-steps '32.0', a float for a count",
     _train("--strategy", "reptile", "--family", "clusters", "--inner-steps", "32.0"),
     ["--inner-steps", "32.0"]),
    ("train fomaml on sinusoid_frequency with meta-lr '1e-3f', a C float suffix",
     _train("--strategy", "fomaml", "--family", "sinusoid_frequency", "--meta-lr", "1e-3f"),
     ["--meta-lr", "1e-3f"]),
    ("train resume a closed_form run with set lam=1e-3j, a complex penalty",
     _resumed("closed_form", "--set", "lam=1e-3j"), ["lam", "1e-3j"]),
    ("train resume a multitask run with set head_init=closed-form, a hyphen for the underscore",
     _resumed("multitask", "--set", "head_init=closed-form"), ["head_init", "closed-form"]),
]

# --- the command line: evaluate and compare

def _upper_path(d):
    return str(_good(d).parent / "GOOD.NPZ")


CLI_OTHER_CASES = [
    ("evaluate an r2d2 clusters run with steps -1, a negative count of adaptation steps",
     _evaluate(lambda d: _run(d, "r2d2", family="clusters"), "--steps", "-1"),
     ["--steps", "-1"]),
    ("evaluate a newton_head clusters run with support '5*2', a product for a count",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--support", "5*2"),
     ["--support", "5*2"]),
    ("evaluate a maml linear run with tasks 'four', a word for a count",
     _evaluate(lambda d: _run(d, "maml", family="linear"), "--tasks", "four"),
     ["--tasks", "four"]),
    ("evaluate a pretrained run with query '100%', a percentage for a count",
     _evaluate(lambda d: _run(d, "pretrained"), "--query", "100%"), ["--query", "100%"]),
    ("evaluate a scratch run with support 1e400, a count that overflows",
     _evaluate(lambda d: _run(d, "scratch"), "--support", "1e400"), ["--support", "1e400"]),
    ("evaluate a fomaml run with seed '#22', a hash before the seed",
     _evaluate(lambda d: _run(d, "fomaml"), "--seed", "#22"), ["--seed", "#22"]),
    ("evaluate checkpoint the good run's path with its suffix in capitals, GOOD.NPZ",
     lambda d: ["evaluate", "--checkpoint", _upper_path(d), "--tasks", "4", "--steps", "1"],
     ["GOOD.NPZ"]),
    ("compare fomaml on clusters with query 'many', a word for a count",
     _compare_on(["fomaml"], "clusters", "--query", "many"), ["--query", "many"]),
    ("compare strategies 'newton-head', a hyphen for the underscore",
     _compare_on(["newton-head"], "clusters"), ["newton-head"]),
    ("compare subset on linear with val-seed 'seed11', a word before the seed",
     _compare_on(["subset"], "linear", "--val-seed", "seed11"), ["--val-seed", "seed11"]),
    ("compare pretrained on sinusoid_frequency with tasks 1e3, a count in scientific notation",
     _compare_on(["pretrained"], "sinusoid_frequency", "--tasks", "1e3"),
     ["--tasks", "1e3"]),
]

# --- Chapter 2's functions

def _inner_sgd_apply_int():
    model, params, batch = _problem()
    return inner_sgd(per_task(params, batch.x_support.shape[0]), batch.x_support,
                     batch.y_support, 0, inner_lr=0.01, inner_steps=1)


def _meta_grad_lr_text():
    model, params, batch = _problem()
    return meta_grad(params, batch, model, inner_lr="1e-2", inner_steps=1)


def _low_rank_other_params():
    model, params, batch = _problem()
    return meta_loss_low_rank(MLP((1, 16, 1)).init(_rng()), batch, model, inner_lr=0.01,
                              inner_steps=1)


def _direction_theta_text():
    model, params, batch = _problem()
    return reptile_direction(params, [np.asarray(a).astype(str) for a in params])


def _gradient_norm_lr_minus_inf():
    model, params, batch = _problem()
    return meta_gradient_norm(params, batch, model, inner_steps=1, inner_lr=-np.inf)


def _sharpness_iterations_fraction():
    model, params, batch = _problem()
    return sharpness(params, batch, model, iterations=2.5)


def _curves_batch_family():
    model, params, batch = _problem()
    return adaptation_curves(params, Sinusoid(), model, n_steps=1)


META_CASES = [
    ("maml inner_sgd apply the int 0, where the model's apply function is meant",
     lambda d: _inner_sgd_apply_int(), ["apply"]),
    ("maml meta_grad inner_lr the text '1e-2'",
     lambda d: _meta_grad_lr_text(), ["inner_lr", "1e-2"]),
    ("meta_loss_low_rank params of a (1, 16, 1) model for the problem's model",
     lambda d: _low_rank_other_params(), ["params"]),
    ("reptile_direction theta_T the parameters as text",
     lambda d: _direction_theta_text(), ["theta_T"]),
    ("meta_gradient_norm inner_lr -inf",
     lambda d: _gradient_norm_lr_minus_inf(), ["inner_lr", "-inf"]),
    ("normalization sharpness iterations 2.5, a fraction of a power iteration",
     lambda d: _sharpness_iterations_fraction(), ["iterations", "2.5"]),
    ("normalization adaptation_curves batch the Sinusoid family, not a batch of its tasks",
     lambda d: _curves_batch_family(), ["batch"]),
    ("r2d2_logits phi_support 2-D (points, width) without the task axis",
     lambda d: r2d2_logits(_features()[0], _onehot(), _features(), 1.0), ["phi_support"]),
    ("ridge_fit features 2-D (points, width) without the task axis",
     lambda d: ridge_fit(_features()[0], np.ones((5, 1)), 1.0), ["features"]),
    ("softmax_head_logits phi_query of width 5 for phi_support of width 4",
     lambda d: softmax_head_logits(_features(), _onehot(), _features(width=5), 1.0),
     ["phi_query"]),
    ("subset_indices subset_size 8 of 5 support points",
     lambda d: subset_indices(_rng(), 2, 5, 8), ["subset_size", "8"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy anil family 'lin', a clipped name",
     lambda d: make_strategy("anil", family="lin", meta_batch=2), ["lin"]),
    ("make_strategy anil inner_steps True, a bool for a count",
     lambda d: make_strategy("anil", meta_batch=2, inner_steps=True), ["inner_steps", "True"]),
    ("make_strategy pretrained inner_lr the text '0.01'",
     lambda d: make_strategy("pretrained", meta_batch=2, inner_lr="0.01"),
     ["inner_lr", "0.01"]),
    ("make_strategy scratch meta_batch the text '25'",
     lambda d: make_strategy("scratch", meta_batch="25"), ["meta_batch", "25"]),
    ("make_strategy newton_head learn_lam nan, where a switch is meant",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=2, learn_lam=np.nan),
     ["learn_lam"]),
    ("make_strategy multitask head_meta_lr inf",
     lambda d: make_strategy("multitask", meta_batch=2, head_meta_lr=np.inf),
     ["head_meta_lr", "inf"]),
    ("make_strategy closed_form model MLP (2, 40, 40, 1), two inputs for the sinusoid's one",
     lambda d: make_strategy("closed_form", meta_batch=2, model=MLP((2, 40, 40, 1))),
     ["model"]),
    ("make_strategy maml family the class GaussianClusters, not an instance",
     lambda d: make_strategy("maml", family=GaussianClusters, meta_batch=2), ["family"]),
    ("make_strategy subset inner_steps -1, a sign slip",
     lambda d: make_strategy("subset", meta_batch=2, inner_steps=-1), ["inner_steps", "-1"]),
    ("hyperparameters 'closedform', the underscore left out",
     lambda d: hyperparameters("closedform"), ["closedform"]),
    ("with_test_time inner_lr 5e-324 on a pretrained strategy, a subnormal step",
     lambda d: with_test_time(make_strategy("pretrained", meta_batch=2), inner_lr=5e-324),
     ["inner_lr", "5e-324"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train n_steps the text '10'",
     lambda d: train(_maml(), "10", 0), ["n_steps", "10"]),
    ("train seed 1e20, a float seed past int64",
     lambda d: train(_maml(), 2, 1e20), ["seed"]),
    ("train progress sys.stdout, a file where a callable is meant",
     lambda d: train(_maml(), 2, 0, progress=sys.stdout), ["progress"]),
    ("train resume the text 'yes' with a checkpoint",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", resume="yes"),
     ["resume", "yes"]),
    ("train checkpoint the empty string ''",
     lambda d: train(_maml(), 2, 0, checkpoint=""), ["checkpoint"]),
    ("evaluate seed the text 'abc'",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(seed="abc")),
     ["seed", "abc"]),
    ("evaluate n_support the word 'ten' in the library",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_support="ten")),
     ["n_support", "ten"]),
    ("evaluate family a sampled TaskBatch, not the family",
     lambda d: evaluate(*_maml_state(), Sinusoid().sample(_rng(), 2, 5, 5), n_steps=1,
                        **_small()), ["family"]),
    ("select_test_time max_steps the word 'all'",
     lambda d: _select(max_steps="all"), ["max_steps", "all"]),
    ("held_out_tasks seed nan",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, seed=np.nan), ["seed", "nan"]),
    ("task_rng i a list [0, 1], two task numbers for one",
     lambda d: task_rng(22, [0, 1]), ["i"]),
]

# --- checkpoints

def _truncated(d):
    data = _good(d).read_bytes()
    path = d / "half.npz"
    path.write_bytes(data[: len(data) // 2])
    return path


def _config_pickled(d):
    def change(a):
        obj = np.empty(1, dtype=object)
        obj[0] = {"strategy": "maml"}
        a["meta/config"] = obj
    return _damaged(d, "pickled", change)


def _truncated_resume(d):
    return ["train", "--steps", "4", "--meta-batch", "2", "--out", str(_truncated(d)),
            "--resume"]


STEP_FRACTION = _set_entry("stepfrac", "meta/step", lambda a: np.array(2.5))
M0_INF = _set_entry("m0inf", "state/adam/m/0", lambda a: np.full_like(a, np.inf))
P0_TEXT = _set_entry("p0text", "state/params/0", lambda a: np.asarray(a).astype(str))
T_BOOL = _set_entry("tbool", "state/adam/t", lambda a: np.array(True))
P4_LONGER = _set_entry("p4longer", "state/params/4",
                       lambda a: np.concatenate([np.ravel(a), np.ravel(a)]).reshape(
                           (-1,) + np.shape(a)[1:]) if np.ndim(a) else np.array([a, a]))


CHECKPOINT_CASES = [
    ("load_checkpoint path the int 5",
     lambda d: load_checkpoint(5), ["path", "5"]),
    ("load_checkpoint a checkpoint cut to half its bytes",
     lambda d: load_checkpoint(_truncated(d)), ["half.npz"]),
    ("load_checkpoint a checkpoint whose meta/config is a pickled object array",
     lambda d: load_checkpoint(_config_pickled(d)), ["meta/config"]),
    ("restore a checkpoint whose meta/step is 2.5, a fraction of a step",
     lambda d: restore(STEP_FRACTION(d)), ["meta/step"]),
    ("restore a checkpoint whose state/adam/m/0 holds inf",
     lambda d: restore(M0_INF(d)), ["state/adam/m/0"]),
    ("restore a checkpoint whose state/params/0 holds the weights as text",
     lambda d: restore(P0_TEXT(d)), ["state/params/0"]),
    ("restore a checkpoint whose state/adam/t is the bool True",
     lambda d: restore(T_BOOL(d)), ["state/adam/t"]),
    ("save_checkpoint path with a NUL byte inside the file name",
     lambda d: _save_fields(d, path=str(d / "run\x00.npz")), ["path"]),
    ("save_checkpoint step 3 past the good run's 2 meta-losses",
     lambda d: _save_fields(d, step=3), ["step", "3"]),
    ("train resume on the command line a checkpoint cut to half its bytes",
     lambda d: _truncated_resume(d), ["half.npz"]),
    ("evaluate on the command line a checkpoint whose state/params/4 is twice as long",
     lambda d: ["evaluate", "--checkpoint", str(P4_LONGER(d)), "--tasks", "4", "--steps", "1"],
     ["state/params/4"]),
]

# --- nn, optim, batchnorm

def _apply_three_inputs():
    return MLP((1, 8, 1)).apply(per_task(_params(), 2), np.zeros((2, 5, 3)))


def _adam_beta2_word():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params), 1e-3,
                       beta2="default")


def _adam_state_other_model():
    params = _params()
    other = MLP((1, 16, 1)).init(_rng())
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(other), 1e-3)


def _rows_mask():
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((3, 2))], np.array([True, False, True]), 1e-3)


NN_CASES = [
    ("MLP sizes (1, 8+0j, 1), a complex width",
     lambda d: MLP((1, 8 + 0j, 1)).init(_rng()), ["sizes"]),
    ("MLP sizes (1, 8, True), a bool for the output width",
     lambda d: MLP((1, 8, True)).init(_rng()), ["sizes", "True"]),
    ("MLP dtype np.object_, parameters of Python objects",
     lambda d: MLP((1, 8, 1), dtype=np.object_).init(_rng()), ["dtype", "object"]),
    ("MLP activation 'identity', not one of its choices",
     lambda d: MLP((1, 8, 1), activation="identity").init(_rng()),
     ["activation", "identity"]),
    ("MLP apply x (2, 5, 3), three inputs for a one-input network",
     lambda d: _apply_three_inputs(), ["x"]),
    ("per_task n_tasks a list [2], a count in a list",
     lambda d: per_task(_params(), [2]), ["n_tasks"]),
    ("nn split params the arrays as text",
     lambda d: split([np.asarray(a).astype(str) for a in _params()]), ["params"]),
    ("adam_update beta2 the word 'default'",
     lambda d: _adam_beta2_word(), ["beta2", "default"]),
    ("adam_update state adam_init of a (1, 16, 1) model for a (1, 8, 1) model",
     lambda d: _adam_state_other_model(), ["state"]),
    ("adam_rows rows a boolean mask [True, False, True], where row indices are meant",
     lambda d: _rows_mask(), ["rows"]),
    ("batch_norm eps the text '1e-3'",
     lambda d: batch_norm(np.ones((2, 5, 4)), eps="1e-3"), ["eps", "1e-3"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _x_three_points(self, rng, task_params, n_points):
    return rng.uniform(-2, 2, size=(len(task_params), 3, 1))


def _target_nested_list(self, task_params, x):
    return (np.asarray(x) ** 2).tolist()


def _loss_returns_pred(pred, y):
    return pred


TASK_CASES = [
    ("LinearRegression scale the word 'big', in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(scale="big"), 2, 5, 5), ["scale", "big"]),
    ("LinearRegression noise True, a bool for the noise level, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise=True), 2, 5, 5), ["noise", "True"]),
    ("Sinusoid amplitude (0.1, inf), in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=(0.1, np.inf)), 2, 5, 5),
     ["amplitude", "inf"]),
    ("SinusoidFrequency frequency a dict {'low': 0.5, 'high': 2.0}, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency={"low": 0.5, "high": 2.0}),
                              2, 5, 5), ["frequency"]),
    ("GaussianClusters n_way the text '5', in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way="5"), 2, 5, 5), ["n_way", "5"]),
    ("make_family 'linear' with slope=2, a keyword the family has not got",
     lambda d: make_family("linear", slope=2), ["slope"]),
    ("mse pred of 3 tasks for y of 2 tasks",
     lambda d: mse(np.zeros((3, 5, 1)), np.zeros((2, 5, 1))), ["pred"]),
    ("cross_entropy logits of one class (tasks, points, 1) for labels of 3 classes",
     lambda d: cross_entropy(np.zeros((3, 5, 1)), _onehot(3, 5, 3)), ["logits"]),
    ("a user's Quadratic TaskFamily whose sample_x ignores n_points and returns 3, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_x=_x_three_points), 2, 5, 5), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose target returns a nested Python list, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_nested_list), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose loss returns its prediction unreduced, in train",
     lambda d: _train_quadratic(_quadratic(loss=staticmethod(_loss_returns_pred))),
     ["loss"]),
]

# --- Omniglot

OMNIGLOT_CASES = [
    ("Omniglot n_way 10**9, more classes than characters",
     lambda d: _under_the_batteries_ulimit(lambda: _sample(Omniglot(10 ** 9, data=_data()))),
     ["n_way", "1000000000"]),
    ("Omniglot rotate the text 'True'",
     lambda d: _sample(Omniglot(5, data=_data(), rotate="True")), ["rotate", "True"]),
    ("Omniglot split 'validate', a verb for the split's name",
     lambda d: _sample(Omniglot(5, split="validate", data=_data())), ["split", "validate"]),
    ("Omniglot n_validation 10**6, more validation characters than Omniglot has",
     lambda d: _sample(Omniglot(5, data=_data(), n_validation=10 ** 6)),
     ["n_validation", "1000000"]),
    ("Omniglot sample n_query 16 with n_support 5, more than a character's 20 drawings",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, 5, 16), ["n_query", "16"]),
    ("finn_split alphabets a Python set of the alphabet names",
     lambda d: finn_split(set(_data().alphabets.tolist()), _data().characters),
     ["alphabets"]),
    ("check_shots n_drawings 1.5, a fraction of a drawing",
     lambda d: check_shots(5, 2, 1, 1, n_drawings=1.5), ["n_drawings", "1.5"]),
    ("omniglot_compare episodes n_tasks 1e400, a count that overflows",
     lambda d: episodes(Omniglot(5, data=_data()), 1e400, 1, 0), ["n_tasks", "inf"]),
    ("omniglot_compare episodes family None",
     lambda d: episodes(None, 2, 1, 0), ["family", "None"]),
    ("omniglot_compare build name 'proto', a strategy it has not got",
     lambda d: build("proto", Omniglot(5, data=_data()), 1), ["proto"]),
    ("train omniglot on the command line with meta-batch 10000000, a batch past any memory",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "10000000",
                "--out", str(d / "omni.npz")], ["--meta-batch", "10000000"]),
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
    'ridge_fit features 2-D (points, width) without the task axis':
        'silent at 99d5370: no error (not a bad input: features of shape (points, d) are one '
        'task, as ridge_head and the check of ridge inputs document, and the fit returned is '
        'that task\'s)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredthirtieth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredthirtieth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
