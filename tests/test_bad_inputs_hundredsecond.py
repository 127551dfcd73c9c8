"""A hundred-and-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 84c7b66, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (not ``checks``/``protocol``/``messages``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks`` (by ``inspect.signature``, names defined in each module only); the
hundredth and ninety-eighth batteries (the templates, read in full); the head of the eighth's
``classify_case``; ``test_bad_inputs_cli.py``'s docstring and helpers; and the earlier
batteries' ids and shared helpers (imported, not copied: ``_good``, ``_damaged``, ``_text``,
``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the ninety-second's ``_evaluate``,
``_maml_state``, ``_resume``, ``_small``, the ninety-fourth's ``_clusters_batch``,
``_compare_on``, ``_features``, ``_maml``, ``_meta``, ``_problem``, ``_sample``, ``_select``,
``_set_entry``, the ninety-sixth's ``Quadratic`` user family through ``_quadratic``,
``_train_quadratic``, ``_evaluate_quadratic``, ``_select_quadratic``, and its ``_r2d2_run``,
``_save_fields`` (the one that takes ``path``) and ``_under_the_batteries_ulimit``, the
ninety-eighth's ``_omniglot_run``). To reuse those helpers correctly their bodies were read in
the earlier test files (test code only, e.g. ``_run``, ``_resume``, ``_images``,
``small_problem`` in conftest). No library docstring was read, no checkpoint's entries were
listed (the entry names used are the earlier batteries'). Not read: the body of any
validation code, the library's source, its history, anything of /work/main. No ``__main__``
module was imported. Every case writes only inside its temporary folder (checked after the
runs: ``git status --short`` shows this file only). SCRATCHMETA_DATA was unset (the decoded
Omniglot cache under ~/.cache/scratchmeta; the Omniglot zips at REAL_DATA).

Areas, as written: train on the command line -- r2d2 on clusters, multitask, subset,
pretrained, fomaml, maml on linear, reptile, anil on clusters, scratch, closed_form, one resumed
(r2d2 on clusters, under another strategy) (11); evaluate and compare on the command line --
runs of r2d2 on clusters, fomaml, reptile, closed_form, scratch, multitask; compare of anil,
scratch, multitask, reptile on clusters, fomaml (11); Chapter 2's functions -- ridge_head,
with_bias, softmax_head_unrolled, subset_indices, anil_meta_grad, meta_gradient_norms,
adapt.after, adapt.curve, pooled_loss, multitask_loss, fine_tune_tasks, reptile_step,
r2d2_logits (13); strategies and the registry -- make_strategy (r2d2, multitask, anil,
scratch, maml), hyperparameters, ClosedForm with a ClosedFormConfig, with_test_time,
check_rebuilds (9); train, evaluate, select_test_time, held_out_tasks, task_rng in the library
(9); checkpoints -- restore, load_checkpoint, save_checkpoint, library train resume, train
--resume on the command line (10); nn/optim/batchnorm -- MLP sizes, activation, dtype, apply,
init, per_task, adam_update, adam_init, adam_rows, batch_norm (10); task families -- Sinusoid,
SinusoidFrequency, LinearRegression, GaussianClusters, make_family, the ninety-sixth's
``Quadratic`` with one method or attribute changed (14); Omniglot -- Omniglot's rotate, split,
n_way, data; check_shots, finn_split, omniglot_compare's episodes and families, train, evaluate
and compare of omniglot on the command line (13): 100.

Kinds of bad value (the issue's own kinds, each a new instance):
- a wrong type: --n-support 1e2 (subset), --set
  inner_steps=0x20 (reptile), --set learn_scale=yes (closed_form), evaluate --tasks 1e3,
  --steps -0.5, --support 0x0a, compare --val-tasks 0x10, --eval-seed 1.5, train omniglot
  --n-query 0x5, evaluate omniglot --support 0x5; anil_meta_grad loss the string 'mse',
  adapt.after path a list, select_test_time candidates holding None and n_tasks 2.5,
  held_out_tasks n_tasks True, train resume 'yes', per_task n_tasks True, adam_update state
  None, adam_init params one array, MLP init rng an int, MLP dtype 'float', Sinusoid amplitude
  with a text end, SinusoidFrequency frequency with a complex end, LinearRegression mean
  'one', GaussianClusters spread a range, check_rebuilds the Sinusoid class, Omniglot rotate
  90, Omniglot data whose characters are floats, families data None; a user family's target
  returning nested lists, make_batch a plain tuple, n_inputs 1.5;
- out of range -- zero, negative, inf, NaN, huge, a seed too large: --set scale=inf (r2d2
  clusters), --set head_seed=2**70 (multitask), --checkpoint-every -5 (pretrained),
  --inner-steps 0 (anil on clusters), evaluate --query -1, --seed 2**63, compare --support
  -5, --adapt-steps -2, compare omniglot --eval-seed -5; subset_indices subset_size 20 of 10,
  meta_gradient_norms Ks holding 0, adapt.curve n_steps nan, fine_tune_tasks inner_lr -0.5,
  reptile_step inner_lr nan, r2d2_logits scale -1.0, make_strategy r2d2 meta_lr inf,
  ClosedFormConfig lam -1.0, with_test_time inner_lr -0.01, multitask head_inner_lr -0.01,
  evaluate n_query -3, task_rng i -1, save_checkpoint meta_losses ending in -inf, adam_rows
  beta1 -0.5, batch_norm h holding inf, LinearRegression noise 1e200, GaussianClusters dim -3,
  Omniglot n_way 2000, check_shots n_query 0 and n_tasks -1, finn_split n_validation -1,
  episodes seed -1; huge (memory or time): train --steps 2**70 (scratch), compare --steps 2**70,
  library train n_steps 2**70, a maml strategy of meta_batch 10**9 trained, evaluate n_tasks
  2,000,000, MLP sizes (1, 2**40, 1), GaussianClusters n_way 1,000,000, check_shots n_support
  2**70;
- a wrong shape: ridge_head targets of 4 points for features of 5, with_bias features
  without the task axis, softmax_head_unrolled targets of 2 tasks for 3, pooled_loss x of one
  task, multitask_loss heads one array short, MLP apply x 1-D, a model of 3 outputs for 5
  clusters ways; a user family's target of 2 outputs, target as (points, tasks, 1),
  sample_params one scalar;
- files and paths: checkpoints with an extra meta/notes, state/adam/m/0 with an extra axis,
  state/params/5 float32, no state/params/2, meta/strategy 'fomaml' for a maml record
  (resumed on the command line); a .npy file given to load_checkpoint; save_checkpoint under a
  text file, of a state one params array short; library train checkpoint an existing folder;
- mismatches: train --resume of an r2d2 run with --strategy newton_head; library train resume
  of an anil run with a fomaml strategy; --set noise=0.5, a family's argument given to the
  strategy; evaluate an r2d2 run with --query 7 (not a multiple of 5 ways);
- typos and misspellings: --set inner_step=3, hyperparameters 'fomal', family 'sinusoids',
  make_family 'sinusoid_freq', Omniglot split 'testing'.

Repeats: the 12,900 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (179 files; string first elements of tuples of three or more,
by ``ast``) were grepped, before any run, for each draft's function or option with its kind
(about 150 patterns over six rounds, e.g. ``set scale``, ``learn_lam``, ``head_init``,
``out ''``, ``set meta_lr``, ``^hyperparameters``, ``^with_test_time inner_lr``,
``strategy_from_config``, ``^train checkpoint``, ``meta/(seed|step|config|format|strategy)``,
``save.*(seed|step|config|meta_losses)``, ``^MLP activation``, ``adam_(rows|update|init)``,
``^split``, ``batch_norm h``, ``amplitude``, ``x_range``, ``frequency``, ``n_background``,
``check_shots``, ``finn_split``, ``episodes``, ``families``), and every id against all of them
by its first mention (the option, argument or entry) with its value, by a script. Drafts
replaced before any run because the grep (or the script: seven exact ids) found their id or
substance: train pretrained --inner-lr inf, --out
'', --out under a file, --strategy in capitals, --set meta_lr=0 (reptile); evaluate r2d2
--support 3, compare --strategies a name twice, --support nan, --val-seed -1 (multitask),
compare --tasks with a thousands comma; ridge_head lam -1.0, softmax_head_unrolled n_steps -1
and lam NaN, anil_meta_grad inner_steps 2.5 and inner_lr 0, meta_gradient_norms Ks holding
2.5, adapt.after n_steps -1, fine_tune_tasks inner_steps 0; hyperparameters 'MAML',
with_test_time inner_lr a string, strategy_from_config a JSON string, make_strategy
multitask n_train_tasks 0, newton_head on sinusoid, make_strategy anil family a class;
evaluate state None, select_test_time seed -1 and candidates strings or inf, held_out_tasks
seed 2.5, train history a string, train a strategy name; restore meta/seed -1, meta/config
empty, meta/meta_losses text, save_checkpoint seed True and meta_losses strings, save a state
without adam, the command line resuming a cut checkpoint; MLP activation 'gelu', dtype None,
sizes negative, split an empty list, adam_init None, adam_update beta1 nan and eps -1e-8 and
lr 0, adam_rows rows [-1], finn_init a zero width; Sinusoid amplitude negative or of three,
x_range text or of three, LinearRegression noise nan, SinusoidFrequency frequency negative,
make_family capitalised, a user family's target text or dropping the output axis,
sample_params bools; Omniglot n_validation 2.5 and 0, split None, root missing,
OmniglotImages alphabets one short, check_shots n_drawings 0 and n_way 0 and n_support not a
multiple, finn_split n_train -1, evaluate omniglot --tasks 2.5, compare omniglot --val-tasks 0
and --adapt-steps 0. Near earlier ids, kept as new ways (the lead may judge): ``train anil on
clusters with inner-steps 0`` near ``fomaml inner-steps 0``; ``train scratch with steps
2**70`` near ``train seed 2**63``/``n_steps 2**70`` of other functions; ``evaluate ... seed
2**63`` near ``train seed 2**63``; ``evaluate an r2d2 clusters run with query 7`` near
``clusters sample n_query 7`` and ``omniglot n-query 7``; ``compare anil on linear with
support -5`` near ``evaluate ... support -10``; ``compare scratch on linear with val-tasks
0x10`` near ``compare ... query 0x10``; ``with_bias`` 2-D near ``ridge_head features 2-D``;
``anil_meta_grad loss the string 'mse'`` near ``sgd_path loss a string``; ``reptile_step
inner_lr nan``, ``fine_tune_tasks inner_lr -0.5``, ``with_test_time inner_lr -0.01`` near
the same values on other functions; ``r2d2_logits scale -1.0`` near ``closed_form_meta_loss
scale -1.0``; ``make_strategy r2d2 ... meta_lr inf`` near ``SubsetConfig meta_lr inf``;
``ClosedFormConfig lam -1.0`` near ``train resume a closed_form run with lam -0.5``;
``check_rebuilds the Sinusoid class`` near ``MAML family the Sinusoid class``;
``held_out_tasks n_tasks True``/``per_task n_tasks True`` near ``evaluate n_tasks True``;
``library train resume an anil run with a fomaml strategy`` near the hundredth's command-line
``resume a maml run with strategy reptile``; ``batch_norm h holding an inf`` near ``batch_norm h
NaN``; ``a user family's target returns 2 outputs`` near ``make_batch gives y_support two
columns``; ``Omniglot rotate 90`` near ``Omniglot rotate torchmeta's angles [90, 180, 270]``;
``evaluate ... omniglot run with support 0x5`` near the hexadecimal counts of other commands.
No exact id repeats (checked by a script against the same list).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 58 of the 100. After the
first run no case was added, reordered, swapped or reworded; no mentions were changed.

Corrected after the first run, two slips of this writer's (neither case kept):
- dropped, not a bad input: ``MLP activation 'sigmoid', one the library has not got`` (first
  run: silent, the network was built): the library has a sigmoid activation, so the id's claim
  is untrue and the call is good (this writer's slip in choosing it);
- wrong plumbing: ``Omniglot data whose characters are floats with halves`` first made its
  data by ``data.characters.astype(float) + 0.5``, but the characters are names
  ('character01'), so the helper itself raised before the library was called ("ValueError:
  could not convert string to float: np.str_('character01')", unclear by the harness, not the
  library's doing); rerun with float labels ``arange(n) + 0.5`` in their place it gave clear
  "TypeError: finn_split: characters must be names (str) or integer labels, one per character,
  got an array of dtype float64 ...".

Memory: the huge library cases that could allocate run under the ninety-sixth's
``_under_the_batteries_ulimit`` (the maml strategy of meta_batch 10**9, evaluate n_tasks
2,000,000, MLP sizes (1, 2**40, 1), GaussianClusters n_way 1,000,000); the command lines with
2**70 steps are refused by their argument's parser, and ``train n_steps 2**70`` and
``check_shots n_support 2**70`` allocate nothing before their checks. Each was refused before
any work, in the script run under ``ulimit -v 8000000`` and under pytest without it.

Doubtful, left to the lead:
- ``train anil on clusters with inner-steps 0`` (kept; silent): trained two steps. K = 0 makes
  ANIL's inner loop empty (its meta-gradient that of the loss at theta0, as pretraining); an
  earlier battery counted ``fomaml inner-steps 0`` a bad input, but K = 0 may be meant.
- ``meta_gradient_norms Ks holding 0`` (kept; silent): a norm at K = 0 is defined (the plain
  gradient's), so the library may mean it as the curve's start.
- ``pooled_loss x and y of one task, without the task axis`` (kept; silent): a pooled loss over
  points may accept one task's (points, features) arrays by design; not judged from the outside.
- ``check_shots n_query 0`` (kept; silent): a task with no query drawing cannot be scored, but a
  support-only episode may be allowed here.
- ``omniglot_compare families data None`` (kept; silent): ``data`` has no default in the
  signature, but None may stand for "the decoded cache", as ``Omniglot(data=None)`` does.
- ``with_bias features of 2 axes (5, 4)`` (not kept; silent): appending a column of ones works
  on any array's last axis.
- ``MLP dtype 'float'`` (not kept; silent): NumPy reads 'float' as float64, so the network is
  what the user meant.
- ``GaussianClusters n_way 1000000`` (not kept; clear by the harness) was refused as "n_support
  must be a multiple of n_way=1000000 ..., got 5", not for its memory; ``check_shots n_support
  2**70`` (kept; clear) as "n_support must be a multiple of n_way=5 ..., got
  1180591620717411303424" (2**70 is not a multiple of 5), not for its size: both name the
  argument and its value, but the reason given is not the one the case was written for.

First run at 84c7b66 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset): written, 90 of 100
clear (90.0%), 2 unclear, 8 silent, 0 data loss -- cli train 10/11, evaluate/compare 10/11,
meta functions 10/13, strategies 9/9, evaluate and train 9/9, checkpoints 10/10,
nn/optim/batchnorm 8/10, task families 14/14, omniglot 10/13. Kept, 52 of 58 clear (89.7%), 1
unclear, 5 silent, 0 data loss -- 6/7, 6/7, 5/7, 5/5, 5/5, 6/6, 6/6, 8/8, 5/7. After the two
corrections (neither case kept): written, 91 of 99 clear (91.9%), 1 unclear, 7 silent, 0 data
loss (omniglot 11/13, nn/optim/batchnorm 8/9); kept unchanged, 52 of 58 (89.7%). Under pytest
(SCRATCHMETA_DATA unset): 53 passed, 6 failed (the 6 kept cases not clear; the wide-and-new
test passes).

Not clear, kept:
- ``evaluate an r2d2 clusters run with query 7, not a multiple of its 5 ways`` (unclear):
  "error: n_query must be a multiple of n_way=5 (the same number of points per class), got 7"
  -- one line, exit 2, the value shown, but the field's name, not --query (its twin under
  compare names --support: "error: --support 7 --query 5: n_support must be a multiple ...").
- ``train anil on clusters with inner-steps 0, no inner loop at all`` (silent, doubtful): the
  run trained two steps and saved its checkpoint, no word about K = 0.
- ``meta_gradient_norms Ks holding 0, an inner loop of no steps`` (silent, doubtful): no error.
- ``pooled_loss x and y of one task, without the task axis`` (silent, doubtful): no error.
- ``check_shots n_query 0`` (silent, doubtful): no error.
- ``omniglot_compare families data None`` (silent, doubtful): no error (it returned families).

Not clear, written and not kept: ``with_bias features of 2 axes (5, 4), without the task
axis`` (silent, doubtful), ``MLP dtype 'float', Python's name for it`` (silent, doubtful);
first run only, the two slips above.

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: --set scale=inf: scale must be
a finite number, got 'inf' (a string)", "error: strategy FOMAML has no hyperparameter
'inner_step' (--set inner_step=3); it takes ['first_order', 'inner_lr', 'inner_steps', ...]",
"error: --resume: .../r2d2.npz holds a r2d2 run on clusters, this command asks for
--strategy newton_head --family clusters; pass --strategy r2d2 --family clusters",
"ValueError: one meta-step of MAML (meta_batch=1000000000, ...) would need 35.8 TiB of memory
at once, more than the 7.22 GiB left under this process's memory limit ...",
"ValueError: '.../notes.npz' is damaged: unexpected entry 'meta/notes' ...", "ValueError:
'.../p5f32.npz' is damaged: entry state/params/5 holds float32, but the run's float dtype is
float64 ...", "TypeError: rotate must be True, False or None (rotate the training split only),
got 90", "ValueError: UserQuadratic.target must return y of shape (tasks, points, n_outputs) =
(1, 10, 1) for x of shape (1, 10, 1), got ndarray of shape (10, 1, 1) ...").

Measured on main at 84c7b66, the commit it was written at, blind (the lead reran it there, with
the hundred-and-third written beside it): kept, 52 of 58 clear (89.7%), 1 unclear, 5 silent, 0
data loss. Round 71 (with sight of this file, not blind): evaluate checks --support and --query
against the family's own shot rule (clusters: a multiple of n_way) before any work and names
both options, so the r2d2 case is clear. The five silent kept cases stay strict xfails in
NOT_CLEAR_YET, each a setting the library documents as valid (K = 0, n_query 0, data None) or a
computation that is well defined on what was given.
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot import OmniglotImages
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta import adapt
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.baselines import pooled_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import ClosedForm, ClosedFormConfig
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, task_rng,
                                       with_test_time)
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.omniglot_compare import episodes, families
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import (check_rebuilds, default_model, hyperparameters,
                                       make_family, make_strategy)
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_head, with_bias
from scratchmeta.meta.softmax_head import softmax_head_unrolled
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _good, _text, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _evaluate, _maml_state, _resume, _small
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _features, _maml, _meta,
                                          _problem, _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import (Quadratic, _quadratic, _r2d2_run, _save_fields,
                                         _select_quadratic,
                                         _train_quadratic, _evaluate_quadratic,
                                         _under_the_batteries_ulimit)
from test_bad_inputs_ninetyeighth import _omniglot_run

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train r2d2 on clusters with set scale=inf, a logit scale without bound",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "scale=inf"),
     ["scale", "inf"]),
    ("train multitask with set head_seed=2**70, a seed too large",
     _train("--strategy", "multitask", "--set", f"head_seed={2 ** 70}"),
     ["head_seed", str(2 ** 70)]),
    ("train subset with n-support 1e2, a count in e-notation",
     _train("--strategy", "subset", "--n-support", "1e2"), ["--n-support", "1e2"]),
    ("train pretrained with checkpoint-every -5",
     _train("--strategy", "pretrained", "--checkpoint-every", "-5"),
     ["--checkpoint-every", "-5"]),
    ("train resume an r2d2 clusters run with strategy newton_head, another strategy than the "
     "run's",
     _resume(_r2d2_run, "--strategy", "newton_head", "--family", "clusters"),
     ["r2d2", "newton_head"]),
    ("train fomaml with set inner_step=3, a misspelling of inner_steps",
     _train("--strategy", "fomaml", "--set", "inner_step=3"), ["inner_step"]),
    ("train maml on linear with set noise=0.5, a family's argument given to the strategy",
     _train("--family", "linear", "--set", "noise=0.5"), ["noise"]),
    ("train reptile with set inner_steps=0x20, a count in hexadecimal",
     _train("--strategy", "reptile", "--set", "inner_steps=0x20"), ["inner_steps", "0x20"]),
    ("train anil on clusters with inner-steps 0, no inner loop at all",
     _train("--strategy", "anil", "--family", "clusters", "--inner-steps", "0"),
     ["--inner-steps", "0"]),
    ("train scratch with steps 2**70, a run without end in sight",
     _train("--strategy", "scratch", "--steps", str(2 ** 70)), ["--steps", str(2 ** 70)]),
    ("train closed_form with set learn_scale=yes, a word for a switch",
     _train("--strategy", "closed_form", "--set", "learn_scale=yes"), ["learn_scale", "yes"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate an r2d2 clusters run with query 7, not a multiple of its 5 ways",
     _evaluate(_r2d2_run, "--support", "5", "--query", "7"), ["--query", "7"]),
    ("evaluate a fomaml run with query -1",
     _evaluate(lambda d: _run(d, "fomaml"), "--query", "-1"), ["--query", "-1"]),
    ("evaluate a reptile run with seed 2**63, one past the largest seed",
     _evaluate(lambda d: _run(d, "reptile"), "--seed", str(2 ** 63)), ["--seed", str(2 ** 63)]),
    ("evaluate a closed_form run with tasks 1e3, a count in e-notation",
     _evaluate(lambda d: _run(d, "closed_form"), "--tasks", "1e3"), ["--tasks", "1e3"]),
    ("evaluate a scratch run with steps -0.5",
     _evaluate(lambda d: _run(d, "scratch"), "--steps", "-0.5"), ["--steps", "-0.5"]),
    ("evaluate a multitask run with support 0x0a, a count in hexadecimal",
     _evaluate(lambda d: _run(d, "multitask"), "--support", "0x0a"), ["--support", "0x0a"]),
    ("compare anil on linear with support -5",
     _compare_on(["anil"], "linear", "--support", "-5"), ["--support", "-5"]),
    ("compare scratch on linear with val-tasks 0x10, a count in hexadecimal",
     _compare_on(["scratch"], "linear", "--val-tasks", "0x10"), ["--val-tasks", "0x10"]),
    ("compare multitask on sinusoid with steps 2**70, a training without end in sight",
     _compare_on(["multitask"], "sinusoid", "--steps", str(2 ** 70)),
     ["--steps", str(2 ** 70)]),
    ("compare reptile on clusters with adapt-steps -2",
     _compare_on(["reptile"], "clusters", "--support", "5", "--query", "5", "--adapt-steps",
                 "-2"), ["--adapt-steps", "-2"]),
    ("compare fomaml on sinusoid with eval-seed 1.5, a float for a seed",
     _compare_on(["fomaml"], "sinusoid", "--eval-seed", "1.5"), ["--eval-seed", "1.5"]),
]

# --- Chapter 2's functions

def _onehot(n_tasks=3, n_points=5, n_way=2):
    labels = np.random.default_rng(2).integers(0, n_way, size=(n_tasks, n_points))
    return np.eye(n_way)[labels]


def _curve(n_steps):
    strategy, state = _maml_state()
    return adapt.curve(strategy, state, held_out_tasks(Sinusoid(), 2, 5, 5), n_steps)


def _pooled_2d():
    model, params, batch = _problem()
    return pooled_loss(params, batch.x_support[0], batch.y_support[0], model, loss=mse)


def _multitask_heads_short():
    model, params, batch = _problem()
    body, _ = split(params)
    return multitask_loss(body, [np.zeros((3, 8, 1))], batch.x_support, batch.y_support, model)


def _norms_ks(ks):
    model, params, batch = _problem()
    return meta_gradient_norms(params, batch, model, ks, [0.01])


def _r2d2_scale(scale):
    b = _clusters_batch()
    return r2d2_logits(b.x_support, b.y_support, b.x_query, 1.0, scale=scale)


META_CASES = [
    ("ridge_head targets of 4 points for features of 5",
     lambda d: ridge_head(_features(), np.ones((3, 4, 1)), 1.0), ["targets"]),
    ("with_bias features of 2 axes (5, 4), without the task axis",
     lambda d: with_bias(_features()[0]), ["features"]),
    ("softmax_head_unrolled features of 3 tasks and targets of 2",
     lambda d: softmax_head_unrolled(_features(), _onehot(n_tasks=2), 1.0, 2), ["targets"]),
    ("subset_indices subset_size 20 of n_support 10, more than there are",
     lambda d: subset_indices(_rng(), 3, 10, 20), ["subset_size", "20"]),
    ("anil_meta_grad loss the string 'mse', a name where the function is meant",
     lambda d: _meta(anil_meta_grad, loss="mse"), ["loss"]),
    ("meta_gradient_norms Ks holding 0, an inner loop of no steps",
     lambda d: _norms_ks([1, 0]), ["Ks"]),
    ("adapt.after path an empty list, no steps taken",
     lambda d: adapt.after([], 1), ["path"]),
    ("adapt.curve n_steps nan",
     lambda d: _curve(float("nan")), ["n_steps", "nan"]),
    ("pooled_loss x and y of one task, without the task axis",
     lambda d: _pooled_2d(), ["x"]),
    ("multitask_loss heads one array short, the weights without their bias",
     lambda d: _multitask_heads_short(), ["heads"]),
    ("fine_tune_tasks inner_lr -0.5, a sign slip",
     lambda d: _meta(fine_tune_tasks, inner_lr=-0.5), ["inner_lr", "-0.5"]),
    ("reptile_step inner_lr nan",
     lambda d: _meta(reptile_step, inner_lr=float("nan"), meta_lr=0.1), ["inner_lr", "nan"]),
    ("r2d2_logits scale -1.0, logits turned upside down",
     lambda d: _r2d2_scale(-1.0), ["scale", "-1.0"]),
]

# --- strategies, configs and the registry

def _meta_batch_billion():
    return train(make_strategy("maml", meta_batch=1000000000), 1, 0)


STRATEGY_CASES = [
    ("make_strategy r2d2 on clusters meta_lr inf",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, meta_lr=np.inf),
     ["meta_lr", "inf"]),
    ("hyperparameters of 'fomal', a typo of fomaml",
     lambda d: hyperparameters("fomal"), ["fomal"]),
    ("ClosedForm built from a ClosedFormConfig of lam -1.0",
     lambda d: ClosedForm(default_model(Sinusoid()), Sinusoid(), ClosedFormConfig(lam=-1.0)),
     ["lam", "-1.0"]),
    ("with_test_time inner_lr -0.01, a sign slip",
     lambda d: with_test_time(_maml(), inner_lr=-0.01), ["inner_lr", "-0.01"]),
    ("make_strategy multitask head_inner_lr -0.01",
     lambda d: make_strategy("multitask", meta_batch=2, head_inner_lr=-0.01),
     ["head_inner_lr", "-0.01"]),
    ("make_strategy anil on clusters with a model of 3 outputs for 5 ways",
     lambda d: make_strategy("anil", family="clusters", model=MLP((8, 40, 3)), meta_batch=2),
     ["model"]),
    ("check_rebuilds the Sinusoid class, not an instance",
     lambda d: check_rebuilds(Sinusoid), ["family"]),
    ("make_strategy scratch family 'sinusoids', the name in the plural",
     lambda d: make_strategy("scratch", family="sinusoids", meta_batch=2), ["sinusoids"]),
    ("train a maml strategy of meta_batch 1000000000, too many tasks a step for memory",
     lambda d: _under_the_batteries_ulimit(_meta_batch_billion),
     ["meta_batch", "1000000000"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

def _folder(d):
    folder = d / "runs"
    folder.mkdir(exist_ok=True)
    return folder


EVALUATE_CASES = [
    ("train n_steps 2**70, a run without end in sight",
     lambda d: train(_maml(), 2 ** 70, 0), ["n_steps"]),
    ("train checkpoint an existing folder, where a file path is meant",
     lambda d: train(_maml(), 2, 0, checkpoint=_folder(d)), ["checkpoint"]),
    ("evaluate n_query -3",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_query=-3)),
     ["n_query", "-3"]),
    ("evaluate n_tasks 2000000, two million held-out tasks",
     lambda d: _under_the_batteries_ulimit(
         lambda: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_tasks=2000000))),
     ["n_tasks", "2000000"]),
    ("select_test_time candidates holding None, a missing step size",
     lambda d: _select(candidates=[0.01, None]), ["candidates"]),
    ("select_test_time n_tasks 2.5",
     lambda d: _select(n_tasks=2.5), ["n_tasks", "2.5"]),
    ("held_out_tasks n_tasks True, a bool for a count",
     lambda d: held_out_tasks(Sinusoid(), True, 5, 5), ["n_tasks", "True"]),
    ("task_rng i -1",
     lambda d: task_rng(22, -1), ["i", "-1"]),
    ("train resume the string 'yes', a word for a switch",
     lambda d: train(_maml(), 4, 0, checkpoint=_good(d), resume="yes"), ["resume"]),
]

# --- checkpoints

def _npy(d):
    path = d / "run.npy"
    np.save(path, np.arange(10.0))
    return path


def _save_params_short(d):
    ckpt = load_checkpoint(_good(d))
    state = {**ckpt.state, "params": list(ckpt.state["params"])[:-1]}
    return save_checkpoint(d / "saved.npz", state, step=ckpt.step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses)


def _losses_minus_inf(d):
    ckpt = load_checkpoint(_good(d))
    losses = np.array(ckpt.meta_losses, dtype=float)
    losses[-1] = -np.inf
    return _save_fields(d, meta_losses=losses)


def _anil_into_fomaml(d):
    path = _run(d, "anil")
    return train(make_strategy("fomaml", meta_batch=2), 4, 0, checkpoint=path, resume=True)


def P2_MISSING(d):
    return _damaged(d, "p2gone", lambda a: a.pop("state/params/2"))


def NOTES_EXTRA(d):
    return _damaged(d, "notes", lambda a: a.__setitem__("meta/notes", np.array("my run")))


M0_EXTRA_AXIS = _set_entry("m0axis", "state/adam/m/0", lambda a: a[None])
P5_FLOAT32 = _set_entry("p5f32", "state/params/5", lambda a: a.astype(np.float32))
STRATEGY_FOMAML = _set_entry("strfo", "meta/strategy", lambda a: np.array("fomaml"))


CHECKPOINT_CASES = [
    ("restore a checkpoint with an extra entry meta/notes",
     lambda d: restore(NOTES_EXTRA(d)), ["meta/notes"]),
    ("restore a checkpoint whose state/adam/m/0 has an extra leading axis",
     lambda d: restore(M0_EXTRA_AXIS(d)), ["state/adam/m/0"]),
    ("restore a checkpoint whose state/params/5 is float32 among float64 entries",
     lambda d: restore(P5_FLOAT32(d)), ["state/params/5"]),
    ("load_checkpoint a .npy array file written by np.save",
     lambda d: load_checkpoint(_npy(d)), ["run.npy"]),
    ("save_checkpoint path under a text file",
     lambda d: _save_fields(d, path=_text(d) / "saved.npz"), ["notes.txt"]),
    ("save_checkpoint a state whose params list is one array short",
     lambda d: _save_params_short(d), ["params"]),
    ("save_checkpoint meta_losses whose last loss is -inf",
     lambda d: _losses_minus_inf(d), ["meta_losses"]),
    ("library train resume an anil run with a fomaml strategy",
     lambda d: _anil_into_fomaml(d), ["anil"]),
    ("restore a checkpoint without its state/params/2",
     lambda d: restore(P2_MISSING(d)), ["state/params/2"]),
    ("train on the command line resume a checkpoint whose meta/strategy says fomaml for a "
     "maml record",
     lambda d: ["train", "--resume", "--steps", "4", "--out", str(STRATEGY_FOMAML(d))],
     ["meta/strategy"]),
]

# --- nn, optim, batchnorm

def _params():
    return MLP((1, 8, 1)).init(_rng())


def _adam(**kw):
    params = _params()
    grads = [np.ones_like(a) for a in params]
    return adam_update(params, grads, adam_init(params), **{"lr": 1e-3, **kw})


def _rows(**kw):
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((3, 2))], np.arange(3), **{"lr": 1e-3, **kw})


def _h_inf():
    h = np.arange(12.0).reshape(4, 3)
    h[2, 1] = np.inf
    return batch_norm(h)


def _apply_1d():
    model = MLP((1, 8, 1))
    return model.apply(model.init(_rng()), np.linspace(-1, 1, 5))


NN_CASES = [
    ("MLP sizes (1, 2**40, 1), a hidden layer too wide for memory",
     lambda d: _under_the_batteries_ulimit(lambda: MLP((1, 2 ** 40, 1)).init(_rng())),
     ["sizes"]),
    ("MLP activation 'sigmoid', one the library has not got",
     lambda d: MLP((1, 8, 1), activation="sigmoid").init(_rng()), ["activation", "sigmoid"]),
    ("MLP dtype 'float', Python's name for it",
     lambda d: MLP((1, 8, 1), dtype="float").init(_rng()), ["dtype", "float"]),
    ("per_task n_tasks True, a bool for a count",
     lambda d: per_task(_params(), True), ["n_tasks", "True"]),
    ("adam_update state None",
     lambda d: adam_update(_params(), [np.ones_like(a) for a in _params()], None, 1e-3),
     ["state"]),
    ("adam_init params a single 2-D array, not a list of arrays",
     lambda d: adam_init(np.ones((8, 1))), ["params"]),
    ("adam_rows beta1 -0.5",
     lambda d: _rows(beta1=-0.5), ["beta1", "-0.5"]),
    ("batch_norm h holding an inf",
     lambda d: _h_inf(), ["h"]),
    ("MLP apply x a 1-D vector of 5 points, without task or feature axes",
     lambda d: _apply_1d(), ["x"]),
    ("MLP init rng an int 0, where a numpy Generator is meant",
     lambda d: MLP((1, 8, 1)).init(0), ["rng"]),
]

# --- task families: a user's own TaskFamily subclass (the ninety-sixth's Quadratic), and the
#     built-in ones

def _target_lists(self, task_params, x):
    return Quadratic.target(self, task_params, x).tolist()


def _target_two_outputs(self, task_params, x):
    y = Quadratic.target(self, task_params, x)
    return np.concatenate([y, y], axis=-1)


def _batch_tuple(self, rng, task_params, n_support, n_query):
    return tuple(Quadratic.make_batch(self, rng, task_params, n_support, n_query))


def _target_transposed(self, task_params, x):
    return np.swapaxes(Quadratic.target(self, task_params, x), 0, 1)


def _params_scalar(self, rng, n_tasks):
    return np.array(0.5)


TASK_CASES = [
    ("Sinusoid amplitude (0.1, '5.0'), its upper end typed as text, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=(0.1, "5.0")), 2, 5, 5), ["amplitude"]),
    ("SinusoidFrequency frequency (0.5, 2j), a complex end, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(0.5, 2j)), 2, 5, 5),
     ["frequency"]),
    ("LinearRegression mean the string 'one', in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean="one"), 2, 5, 5), ["mean"]),
    ("LinearRegression noise 1e200, noise whose squares overflow, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise=1e200), 2, 5, 5), ["noise"]),
    ("GaussianClusters n_way 1000000, too many classes for memory, in held_out_tasks",
     lambda d: _under_the_batteries_ulimit(
         lambda: held_out_tasks(GaussianClusters(n_way=1000000), 2, 5, 5)),
     ["n_way", "1000000"]),
    ("GaussianClusters dim -3, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=-3), 2, 5, 5), ["dim", "-3"]),
    ("GaussianClusters spread (1.0, 2.0), a range where one number is meant, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread=(1.0, 2.0)), 2, 5, 5), ["spread"]),
    ("make_family 'sinusoid_freq', an abbreviation of sinusoid_frequency",
     lambda d: make_family("sinusoid_freq"), ["sinusoid_freq"]),
    ("a user's Quadratic TaskFamily whose target returns nested Python lists, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_lists), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose target returns 2 outputs for n_outputs 1, in train",
     lambda d: _train_quadratic(_quadratic(target=_target_two_outputs)), ["target"]),
    ("a user's Quadratic TaskFamily whose make_batch returns a plain tuple, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(make_batch=_batch_tuple)), ["make_batch"]),
    ("a user's Quadratic TaskFamily whose target returns y as (points, tasks, 1), in "
     "select_test_time",
     lambda d: _select_quadratic(_quadratic(target=_target_transposed)), ["target"]),
    ("a user's Quadratic TaskFamily whose n_inputs is 1.5, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(n_inputs=1.5), 2, 5, 5), ["n_inputs", "1.5"]),
    ("a user's Quadratic TaskFamily whose sample_params returns one scalar for all tasks, "
     "in train",
     lambda d: _train_quadratic(_quadratic(sample_params=_params_scalar)), ["sample_params"]),
]

# --- Omniglot

def _characters_float():
    data = _data()
    characters = np.arange(len(data.characters), dtype=float) + 0.5
    return OmniglotImages(data.images, data.alphabets, characters, data.n_background)


OMNIGLOT_CASES = [
    ("Omniglot rotate 90, degrees where a switch is meant",
     lambda d: _sample(Omniglot(5, data=_data(), rotate=90)), ["rotate", "90"]),
    ("Omniglot split 'testing', not one of train, validation, test",
     lambda d: _sample(Omniglot(5, "testing", data=_data())), ["split", "testing"]),
    ("Omniglot n_way 2000, more ways than there are training characters",
     lambda d: _sample(Omniglot(2000, data=_data())), ["n_way", "2000"]),
    ("check_shots n_query 0",
     lambda d: check_shots(5, 2, 5, 0), ["n_query", "0"]),
    ("check_shots n_tasks -1",
     lambda d: check_shots(5, -1, 5, 5), ["n_tasks", "-1"]),
    ("check_shots n_support 2**70",
     lambda d: check_shots(5, 2, 2 ** 70, 5), ["n_support"]),
    ("finn_split n_validation -1",
     lambda d: finn_split(_data().alphabets, _data().characters, n_validation=-1),
     ["n_validation", "-1"]),
    ("omniglot_compare episodes seed -1",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 1, -1), ["seed", "-1"]),
    ("omniglot_compare families data None",
     lambda d: families(None), ["data"]),
    ("train omniglot on the command line with n-query 0x5, a count in hexadecimal",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--out", str(d / "omni1.npz"), "--n-query", "0x5"], ["--n-query", "0x5"]),
    ("evaluate on the command line an omniglot run with support 0x5",
     lambda d: _evaluate(_omniglot_run, "--support", "0x5", "--query", "5")(d),
     ["--support", "0x5"]),
    ("Omniglot data whose characters are floats with halves",
     lambda d: _sample(Omniglot(5, data=_characters_float())), ["characters"]),
    ("compare omniglot with eval-seed -5",
     lambda d: ["compare", "--family", "omniglot", "--steps", "1", "--tasks", "4",
                "--val-tasks", "4", "--adapt-steps", "1", "--strategies", "maml",
                "--support", "5", "--query", "5", "--eval-seed", "-5"],
     ["--eval-seed", "-5"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "MLP activation 'sigmoid', one the library has not got":
        "not a bad input: the library has a sigmoid activation (this writer's slip in choosing "
        "it, the id's claim untrue); the first run built the network, no error",
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
NOT_CLEAR_YET = {
    'train anil on clusters with inner-steps 0, no inner loop at all':
        'silent at 84c7b66: trained and saved (doubtful: K = 0 inner steps is a documented '
        'setting, the plain gradient of the query loss)',
    'meta_gradient_norms Ks holding 0, an inner loop of no steps':
        'silent at 84c7b66: no error (doubtful: the norm at K = 0 is the plain gradient\'s, '
        'the start of the curve)',
    'pooled_loss x and y of one task, without the task axis':
        'silent at 84c7b66: no error (doubtful: the mean loss over pooled points is the same '
        'number with or without a task axis)',
    'check_shots n_query 0':
        'silent at 84c7b66: no error (doubtful: n_query may be 0, documented; the pretrained '
        'baseline draws support sets only)',
    'omniglot_compare families data None':
        'silent at 84c7b66: no error (doubtful: data None loads the decoded drawings, as '
        'Omniglot(data=None) does)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredsecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredsecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
