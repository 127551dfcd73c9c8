"""A hundred-and-fourth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit b8e38d0, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (not ``checks``/``protocol``/``messages``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks`` (by ``inspect.signature``, names defined in each module only); the
hundred-and-second and hundredth batteries (the templates, read in full); the head of the
eighth's ``classify_case``; ``test_bad_inputs_cli.py``'s docstring, its file helpers and
``run_cli``/``classify_cli``/``classify_call``/``kept_cases``/``battery_params``/
``assert_wide_and_new``/``battery_main``/``report_by_area`` (and, in passing, the first two
of its own CLI cases); and the earlier batteries' ids and shared helpers (imported, not
copied: ``_good``, ``_read_only``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``,
the ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's
``_clusters_batch``, ``_compare_on``, ``_features``, ``_maml``, ``_meta``, ``_problem``,
``_resumed``, ``_sample``, ``_select``, ``_set_entry``, the ninety-sixth's ``Quadratic`` user
family through ``_quadratic``, ``_train_quadratic``, ``_evaluate_quadratic``,
``_select_quadratic``, and its ``_save_fields`` (the one that takes ``path``) and
``_under_the_batteries_ulimit``). To reuse those helpers correctly their bodies were read in
the earlier test files (test code only: the helpers above, ``Quadratic``, ``small_problem`` in
conftest, the fifth's ``_data``). No library docstring was read, no checkpoint's entries were
listed (the entry names used are the earlier batteries'). Not read: the body of any
validation code, the library's source, its history, anything of /work/main. The command line
was run for ``--help`` only, before the battery. Before the first run, a few good calls were
made to get the plumbing right (the shapes ``fine_tune_tasks`` returns, that ``sgd_path``
returns a generator, the repr of ``make_strategy('maml').config`` and of ``MultitaskConfig()``,
that ``TaskBatch`` is a tuple subclass); after the first run, two more from the user's side to
understand the two cases not clear (below): ``train --strategy multitask --family linear``
without any ``--set``, and the shapes and strides of ``per_task(params, 10**12)``. Every case
writes only inside its temporary folder (checked after the runs: ``git status --short`` shows
this file only). SCRATCHMETA_DATA was unset (the decoded Omniglot cache under
~/.cache/scratchmeta; the Omniglot zips at REAL_DATA). The runs were made as root, so the
read-only folder of ``_read_only`` is its ``/proc/scratchmeta-test``.

Areas, as written: train on the command line -- newton_head and r2d2 on clusters, reptile and
scratch on linear, anil on sinusoid_frequency, multitask on linear, subset, fomaml,
closed_form on sinusoid_frequency, newton_head's fields, one resumed (pretrained) (11);
evaluate and compare on the command line -- runs of anil, reptile, subset, pretrained,
newton_head on clusters, fomaml; compare of closed_form, maml on linear, fomaml, a strategy
name in capitals, r2d2 on clusters (11); Chapter 2's functions -- closed_form_meta_loss,
meta_gradient_norm, subset_batch, ridge_fit, r2d2_logits, reptile_direction,
meta_loss_low_rank, with_bias, newton_solve, softmax_head_unrolled, recorded_curve,
adapt.predict, inner_sgd (13); strategies and the registry -- make_strategy (closed_form,
anil), hyperparameters, NewtonHead with a NewtonHeadConfig, Subset with a SubsetConfig,
with_test_time, strategy_from_config, default_model, check_rebuilds (10); train, evaluate,
select_test_time, held_out_tasks, task_rng in the library (10); checkpoints -- restore,
load_checkpoint, save_checkpoint, unflatten, library train resume, train --resume and
evaluate on the command line (12); nn/optim/batchnorm -- MLP sizes and apply, split,
adam_update, adam_rows, batch_norm, finn_init, per_task (11); task families -- Sinusoid,
LinearRegression, SinusoidFrequency, GaussianClusters, make_family, the ninety-sixth's
``Quadratic`` with one method or attribute changed, cross_entropy (14); Omniglot -- Omniglot's
dtype, split, sample, rotate; finn_split, check_shots, omniglot.load, omniglot_compare's
episodes and families, train and compare of omniglot on the command line (12): 104.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --meta-batch 2.0 (anil), --log-every 1e1 (closed_form), --set
  learn_lam=maybe (r2d2), evaluate --query 2.5 and 1e2, --seed 1e3, compare --val-seed 1e3;
  closed_form_meta_loss scale '10', subset_batch subset_size True, reptile_direction params one
  array, meta_loss_low_rank loss None, with_bias features complex, make_strategy anil model a
  list of two MLPs, default_model a list of two families, check_rebuilds None,
  strategy_from_config {}, train progress [], train overwrite 1, evaluate family a list,
  evaluate state the params list alone, select_test_time candidates 0.01 and a 0-d array,
  load_checkpoint 5, save_checkpoint meta_losses complex, MLP sizes (1, 8.0, 1), the string
  '1-40-1' and layer pairs, adam_rows grads None, finn_init rng an int, GaussianClusters dim
  (8, 8), Omniglot dtype complex128, split a list, rotate 'train', finn_split n_train True,
  check_shots n_way True, episodes shots 2.5, families n_way 2.5; a checkpoint whose meta/seed
  is 0.5, meta/step 1.5, state/params/3 int64;
- out of range -- zero, negative, inf, NaN, huge: --n-query -5 (reptile on linear), --n-support
  -10 (scratch on linear), --inner-steps -1 (subset), resumed --meta-lr nan (pretrained),
  evaluate --support -1, --tasks -4, compare --query -1, compare omniglot --query -5;
  meta_gradient_norm inner_steps -2, ridge_fit lam -inf, r2d2_logits phi_support holding an
  inf, softmax_head_unrolled lam -0.5, recorded_curve n_steps nan, adapt.predict n_steps inf,
  NewtonHeadConfig meta_batch -1, SubsetConfig n_query -1, with_test_time inner_steps nan,
  train checkpoint_every nan, held_out_tasks start nan and seed 2**64 (a seed too large),
  task_rng i nan, adam_update eps nan, Sinusoid phase (0, inf), LinearRegression scale -1.0,
  GaussianClusters n_way 0, make_family clusters n_way -5, Omniglot sample n_tasks 0; huge
  (memory or time): --set head_steps=1000000000 (multitask), evaluate --steps 100001, compare
  --adapt-steps 100001, compare --tasks 1000001, per_task n_tasks 10**12, SinusoidFrequency
  frequency (0.5, 1e300), GaussianClusters spread 1e300;
- a wrong shape: inner_sgd x of 2 tasks for task_params of 3, newton_solve y without its task
  axis, MLP apply params one array short, split params [], adam_update grads of 3 axes,
  batch_norm scale of 2 for 3 features, cross_entropy logits of 3 tasks for y_onehot of 2;
- a user's function that misbehaves (``Quadratic``): target returning complex numbers or one
  scalar, sample_params returning a NaN, sample_x returning strings, n_outputs -1;
- decreasing where increasing is meant: Sinusoid amplitude (5.0, 0.1);
- files and paths: --out ending in a slash; a checkpoint whose state/adam/v/0 has another
  shape; load_checkpoint ''; save_checkpoint into a read-only folder; unflatten with
  state/params/1 missing; train --resume a zero-byte file; omniglot.load root ''; train
  omniglot --root a folder that does not exist;
- mismatches: library train resume of a sinusoid maml run with a maml strategy on linear;
  evaluate a checkpoint whose meta/strategy ('mamll') disagrees with its config;
  newton_head --n-support 3 (not a multiple of its 5 ways);
- typos and misspellings: --set max_steps=5 (newton_head has no such field), compare
  --strategies MAML, make_strategy 'closed form', hyperparameters 'maml,reptile',
  with_test_time inner_lrr, Omniglot split 'Train'.

Repeats: the 13,095 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (182 files; string first elements of tuples of three or more,
by ``ast``) were grepped, before any run, for each draft's function or option with its kind
(about 190 patterns over six rounds, e.g. ``learn_lam``, ``newton_head.*support``,
``set (subset_size|head_init|head_steps|head_meta_lr|batched|n_query|first_order)``,
``seed -``, ``dtype float``, ``force``, ``checkpoint-every``, ``log-every``, ``out.*folder``,
``evaluate.*(support|query|tasks) 0``, ``strategies.*capital``, ``val-seed``, ``^sgd_path
inner_lr``, ``adapt.(steps|predict|curve)``, ``from_theta0``, ``closed_form_meta_loss``,
``meta_gradient_norm``, ``divergence_map``, ``multitask_loss``, ``subset_batch``,
``ridge_fit``, ``softmax_head``, ``r2d2_logits``, ``reptile_direction``, ``low_rank``,
``with_bias``, ``newton_solve``, ``recorded_curve``, ``^interval``, ``^hyperparameters``,
``strategy_from_config``, ``default_model``, ``check_rebuilds``, ``MLP class``, ``^train
(log_every|checkpoint_every|overwrite|history|checkpoint)``, ``^evaluate (family|state)``,
``select_test_time candidates``, ``held_out_tasks (start|seed)``, ``task_rng (i|seed)``,
``meta/(seed|step|config|format|changes)``, ``state/adam``, ``zero-byte``, ``unflatten``,
``^MLP (activation|batch_norm|apply x)``, ``^adam_rows``, ``adam_update eps``, ``per_task
n_tasks``, ``^mse``, ``cross_entropy``, ``make_family (linear|clusters)``, ``spread``,
``n_outputs``, ``Omniglot (sample|n_way|dtype|n_train)``, ``episodes``, ``omniglot load``,
``root``, ``finn_split``, ``check_shots n_(way|drawings)``, ``families``), and every id against
all of them, exactly and by its first three words with its value, by a script. Drafts
replaced before any run because the grep or the script found their id or substance: train
pretrained --n-query (a flag it has not got), multitask --set head_meta_lr=nan, resume
newton_head --lam nan, train --seed -1, --set n_query beside --n-query, --resume with
--force, --checkpoint-every 0, --log-every -1 and a float; evaluate --checkpoint a folder,
--split on a sinusoid run, compare --tasks 0, --seed 2**64; adapt.sgd_path inner_lr a string,
adapt.steps n_steps -1, adapt.predict n_steps 1.5, from_theta0 loss None, anil_meta_loss
first_order 'yes', meta_gradient_norm inner_lr inf, divergence_map Ks empty, subset_batch
subset_size 0, softmax_head tol -1, r2d2_logits offset nan, reptile_direction theta_T one
array short, inner_sgd apply a string and inner_lr a list, meta_loss batch a plain tuple,
sharpness iterations 0, softmax_head_logits lam -1.0; hyperparameters an int,
SubsetConfig subset_size above n_support, default_model a class, make_strategy model the MLP
class; train log_every 0 and 1.5, checkpoint_every 2.5, history a tuple, task_rng i 2.0,
select_test_time candidates empty, a set, 2-D; restore meta/config not JSON (near a JSON number
and TOML), save_checkpoint changes a string; MLP activation None, adam_rows lr inf (exact
ids), adam_rows state m short; cross_entropy y as integer labels, make_family linear noise a
string, GaussianClusters dim 2.5 (near clusters dim 8.5), spread NaN, n_way a string,
SinusoidFrequency x_range of equal ends and phase NaN; Omniglot sample rng an int (exact),
episodes shots 0 (exact), omniglot load cache_dir a file, Omniglot root a file, root and data
both, finn_split characters one short and n_train above the characters, check_shots
n_drawings -1, Omniglot n_way 5.0 and n_train 0 (near a numpy float and finn_split n_train 0).
No exact id repeats (checked by a script against the same list).

Near earlier ids, kept as new ways (the lead may judge): ``train newton_head on clusters with
n-support 3`` near ``compare newton_head on clusters with support 7``; ``train r2d2 ... set
learn_lam=maybe`` near ``closed_form set learn_scale=maybe``; ``train resume a pretrained run
with meta-lr nan`` near ``train resume a maml run with meta-batch nan``; the e-notation seeds
and counts of evaluate and compare near ``evaluate a closed_form run with tasks 1e3``; the
counts 100001 and 1000001 near the earlier 10**8/10**9 steps and ``evaluate n_tasks
2000000``; ``compare strategies 'MAML'`` and ``make_strategy 'closed form'`` near
``hyperparameters of 'MAML'`` and ``compare strategies a name with a space inside 'closed
form'``; ``meta_gradient_norm inner_steps -2`` near ``meta_loss inner_steps -1``;
``subset_batch subset_size True`` near ``SubsetConfig check subset_size True``; ``ridge_fit
lam -inf`` near ``ridge_fit lam -0.1`` and ``lam inf``; ``recorded_curve n_steps nan`` near
``adapt.curve n_steps nan``; ``with_bias features complex`` near ``ridge_fit features
complex``; ``softmax_head_unrolled lam -0.5`` near ``softmax_head_logits lam -1.0``;
``NewtonHead ... meta_batch -1`` near ``NewtonHead on clusters with meta_batch 0``; ``Subset
... n_query -1`` near ``FOMAML with a FOMAMLConfig of n_query 0``; ``strategy_from_config an
empty dict`` near ``resume a checkpoint whose meta/config is an empty object``; ``make_strategy
anil model a list of two MLPs`` near ``make_strategy model a list of sizes``; ``train progress
an empty list`` near ``train progress 'yes'``; ``train overwrite 1`` near ``train overwrite a
word``; ``evaluate state the params list alone`` near ``evaluate state a list``;
``held_out_tasks seed 2**64`` near ``task_rng seed 2**64``; ``restore ... state/adam/v/0``
near ``restore ... state/adam/m/5 is reshaped to (1, 1)``; ``restore ... state/params/3 is
int64`` near ``state/params/5 float32``; ``save_checkpoint into a read-only folder`` near
``train with a checkpoint in a read-only folder``; ``library train resume ... on linear`` near
the command line's ``--resume on another family``; ``evaluate ... meta/strategy 'mamll'``
near ``meta/strategy 'fomaml' for a maml record``; ``load_checkpoint ''`` near ``eval empty
path``; ``adam_update eps nan`` near ``adam_rows eps inf``; ``finn_init rng an int`` near ``MLP
init rng an int 0``; ``per_task n_tasks 10**12`` near ``per_task n_tasks 2**70``; ``Sinusoid
amplitude (5.0, 0.1)`` near ``eval config family amplitude reversed``; ``LinearRegression
scale -1.0`` near ``make_family linear scale negative``; ``SinusoidFrequency frequency (0.5,
1e300)`` and ``GaussianClusters spread 1e300`` near ``LinearRegression noise 1e200``; the
``Quadratic`` cases near the ninety-sixth's (``n_outputs is 0, in train``, ``sample_params
returns one scalar``, ``params inf``); ``Omniglot split 'Train'`` near ``family split
capitalised``; ``Omniglot sample n_tasks 0`` near ``Omniglot sample n_tasks -2``; ``omniglot
load root ''`` near ``restore root an empty string``; ``episodes shots 2.5`` near ``episodes
shots 0``; ``families n_way 2.5`` near ``families n_way 1``.

Found after the first run, on rereading the grep output (not corrected: the rules allow only
this writer's slips in plumbing or in choosing a good input to be corrected, and each of these
was a bad input, run as written; the lead may discount them): five cases repeat an earlier
battery's substance on another function or spelling, which the pre-run grep printed but this
writer missed -- ``restore a checkpoint whose meta/seed is 0.5`` (kept) and ``... meta/step is
1.5`` (kept) repeat ``load meta/seed a half`` and ``load meta/step a float`` (restore loads
the same file); ``train on the command line resume a zero-byte file`` (kept) repeats ``train
resume a zero-byte out``; ``MLP apply params one array short`` (kept) repeats ``MLP apply params
a leaf short``; ``split params an empty list`` (kept) repeats ``split an empty list``;
``unflatten state/params with index 1 missing`` (not kept) repeats ``unflatten a numbered level
with a gap``; ``make_family clusters n_way -5`` (not kept) repeats ``GaussianClusters n_way -5,
in held_out_tasks``; and ``train omniglot ... root a folder that does not exist`` (kept) is the
train twin of ``evaluate on the command line an omniglot run with root a folder that does
not ...``. All eight were clear, so without them the rates below are kept 54 of 56 (96.4%) and
written 94 of 96 (97.9%).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 62 of the 104. After the
first run no case was added, dropped, reordered, swapped or reworded; no mentions were changed;
nothing was corrected (no slip found).

Memory: ``per_task n_tasks 10**12`` runs under the ninety-sixth's
``_under_the_batteries_ulimit``; the other huge cases are command lines (run in-process, not
wrapped, as the templates') or family settings refused by their bounds before any draw. Each
huge case was refused before any work (or, for per_task, allocated nothing: see below), in
the script run under ``ulimit -v 8000000`` and under pytest without it.

First run at b8e38d0 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset): written, 102 of
104 clear (98.1%), 1 unclear, 1 silent, 0 data loss -- cli train 10/11, evaluate/compare 11/11,
meta functions 13/13, strategies 10/10, evaluate and train 10/10, checkpoints 12/12,
nn/optim/batchnorm 10/11, task families 14/14, omniglot 12/12. Kept, 60 of 62 clear (96.8%), 1
unclear, 1 silent, 0 data loss -- 6/7, 7/7, 7/7, 6/6, 6/6, 7/7, 6/7, 8/8, 7/7. Under pytest
(SCRATCHMETA_DATA unset): 61 passed, 2 failed (the 2 kept cases not clear, the same
classifications; the wide-and-new test passes).

Not clear, kept:
- ``train multitask on linear with set head_steps=1000000000, heads' inner loop without end in
  sight`` (unclear): "error: params must be a list (or tree) of arrays of real numbers, e.g.
  MLP.init's [W1, b1, ...], got []" -- one line, exit 2, but it names neither head_steps nor
  the value. It is not about the bad value at all: the same command without any ``--set``
  (``train --strategy multitask --family linear --steps 2 --meta-batch 2``, a good input)
  fails with the same line after printing "training Multi-task SGD (closed-form head) on
  linear ...", and so does ``--set head_steps=7``. So multitask on the linear family seems not
  to train at all at this commit (a bug beside issue 11: a good command refused with a message
  about the library's own internals), and whether head_steps=10**9 would be refused before
  work could not be seen.
- ``per_task n_tasks 10**12, too many copies for memory`` (silent, doubtful): no error;
  ``per_task`` returned arrays of shape (10**12, 1, 8) with stride 0 on the task axis
  (broadcast views), so nothing was allocated and the id's "for memory" does not hold; but
  10**12 tasks is a count no one means, and whatever takes those views next (an inner step that
  writes per-task copies) would need 10**12 times the parameters. Left to the lead whether a
  count past any use should be refused here, as evaluate's 1,000,000 tasks are.

Not clear, written and not kept: none.

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: --set learn_lam=maybe:
learn_lam must be true or false, got 'maybe' (a string)", "error: --out path must be a file
name ending in .npz, got '.../runs/'", "error: --tasks 1000001 tasks is more than 1,000,000:
... a count that large is a typo", "error: compare: argument --strategies: invalid choice:
'MAML' (choose from 'maml', ...)", "ValueError: subset_size must be an integer between 1 and
the number of support points (5) of n_support, got True", "TypeError: with_test_time:
inner_lrr=0.01 is no field of MAMLConfig (its fields: ...)", "ValueError: '.../v0swap.npz' is
damaged: entry state/adam/v/0 has shape (40, 1, 2), but the parameter it follows,
state/params/0, has shape (1, 40); expected (1, 40)", "ValueError: cannot resume from
.../good.npz: it was written by a different run (family.arguments.amplitude: ...)",
"ValueError: frequency must be numbers of size at most 1e+100 (...), got (0.5, 1e+300)",
"TypeError: UserQuadratic.target must return targets y of real numbers (...), got dtype
complex128", "ValueError: root must be a folder path, got '' (empty); pass '.' for the
current folder"). Two messages are clear by the harness but slightly off: ``train newton_head
... set max_steps=5`` ends "(given as --meta-batch 2)", an option that has nothing to do with
the refused name; ``train overwrite 1`` says "resume and overwrite must be True or False, got
False and 1", naming resume, which was not given.

Measured on main at b8e38d0, the commit it was written at, blind (the lead reran it there, with
the hundred-and-fifth beside it): kept, 60 of 62 clear (96.8%), 1 unclear, 1 silent, 0 data
loss; written, 102 of 104. Round 72 (with sight of this file, not blind): the unclear case
showed that Multitask could not train on the linear family at all (its default model is one
layer, so there was no body: adam_init's "params ... got []" after the run had started);
Multitask now refuses a model of one layer when it is built, naming the sizes, after its
fields are checked; Multitask's head_steps, a test-time count, is capped as evaluate's steps
are (100,000), so the case is clear. A "(given as ...)" suffix no longer reads field names
out of the list of fields a strategy takes (the max_steps remark). per_task's 10**12 copies
stay a strict xfail (a broadcast view allocates nothing).
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot import load as omniglot_load
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta import adapt
from scratchmeta.meta.checkpoint import load_checkpoint, restore, unflatten
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, recorded_curve, task_rng,
                                       with_test_time)
from scratchmeta.meta.exploding import meta_gradient_norm
from scratchmeta.meta.maml import inner_sgd
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.newton_head import NewtonHead, NewtonHeadConfig
from scratchmeta.meta.omniglot_compare import episodes, families
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import (check_rebuilds, default_model, hyperparameters,
                                       make_family, make_strategy, strategy_from_config)
from scratchmeta.meta.reptile import reptile_direction
from scratchmeta.meta.ridge import ridge_fit, with_bias
from scratchmeta.meta.softmax_head import newton_solve, softmax_head_unrolled
from scratchmeta.meta.subset import Subset, SubsetConfig, subset_batch
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, cross_entropy

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _good, _read_only, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _evaluate, _maml_state, _small
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _features, _maml, _meta,
                                          _problem, _resumed, _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import (Quadratic, _quadratic, _save_fields,
                                         _select_quadratic, _train_quadratic,
                                         _evaluate_quadratic, _under_the_batteries_ulimit)

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train newton_head on clusters with n-support 3, not a multiple of its 5 ways",
     _train("--strategy", "newton_head", "--family", "clusters", "--n-support", "3"),
     ["--n-support", "3"]),
    ("train r2d2 on clusters with set learn_lam=maybe, a word for a switch",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "learn_lam=maybe"),
     ["learn_lam", "maybe"]),
    ("train reptile on linear with n-query -5",
     _train("--strategy", "reptile", "--family", "linear", "--n-query", "-5"),
     ["--n-query", "-5"]),
    ("train anil on sinusoid_frequency with meta-batch 2.0, a float for a count",
     _train("--strategy", "anil", "--family", "sinusoid_frequency", "--meta-batch", "2.0"),
     ["--meta-batch", "2.0"]),
    ("train multitask on linear with set head_steps=1000000000, heads' inner loop without "
     "end in sight",
     _train("--strategy", "multitask", "--family", "linear", "--set",
            "head_steps=1000000000"), ["head_steps", "1000000000"]),
    ("train scratch on linear with n-support -10",
     _train("--strategy", "scratch", "--family", "linear", "--n-support", "-10"),
     ["--n-support", "-10"]),
    ("train subset with inner-steps -1",
     _train("--strategy", "subset", "--inner-steps", "-1"), ["--inner-steps", "-1"]),
    ("train resume a pretrained run with meta-lr nan",
     _resumed("pretrained", "--meta-lr", "nan"), ["--meta-lr", "nan"]),
    ("train fomaml with out a path ending in a slash, a folder's name for the checkpoint",
     lambda d: ["train", "--strategy", "fomaml", "--steps", "2", "--meta-batch", "2",
                "--out", str(d / "runs") + "/"], ["--out"]),
    ("train closed_form on sinusoid_frequency with log-every 1e1, a count in e-notation",
     _train("--strategy", "closed_form", "--family", "sinusoid_frequency", "--log-every",
            "1e1"), ["--log-every", "1e1"]),
    ("train newton_head on clusters with set max_steps=5, a field it has not got",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "max_steps=5"),
     ["max_steps"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate an anil run with support -1",
     _evaluate(lambda d: _run(d, "anil"), "--support", "-1"), ["--support", "-1"]),
    ("evaluate a reptile run with query 2.5, a float for a count",
     _evaluate(lambda d: _run(d, "reptile"), "--query", "2.5"), ["--query", "2.5"]),
    ("evaluate a subset run with steps 100001, one past the most test-time steps",
     _evaluate(lambda d: _run(d, "subset"), "--steps", "100001"), ["--steps", "100001"]),
    ("evaluate a pretrained run with seed 1e3, a seed in e-notation",
     _evaluate(lambda d: _run(d, "pretrained"), "--seed", "1e3"), ["--seed", "1e3"]),
    ("evaluate a newton_head clusters run with tasks -4",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--tasks", "-4"),
     ["--tasks", "-4"]),
    ("evaluate a fomaml run with query 1e2, a count in e-notation",
     _evaluate(lambda d: _run(d, "fomaml"), "--query", "1e2"), ["--query", "1e2"]),
    ("compare closed_form on sinusoid with query -1",
     _compare_on(["closed_form"], "sinusoid", "--query", "-1"), ["--query", "-1"]),
    ("compare maml on linear with tasks 1000001, past a million held-out tasks",
     _compare_on(["maml"], "linear", "--tasks", "1000001"), ["--tasks", "1000001"]),
    ("compare fomaml on sinusoid with val-seed 1e3, a seed in e-notation",
     _compare_on(["fomaml"], "sinusoid", "--val-seed", "1e3"), ["--val-seed", "1e3"]),
    ("compare strategies 'MAML' in capitals",
     _compare_on(["MAML"], "sinusoid"), ["MAML"]),
    ("compare r2d2 on clusters with adapt-steps 100001, past the most test-time steps",
     _compare_on(["r2d2"], "clusters", "--support", "5", "--query", "5", "--adapt-steps",
                 "100001"), ["--adapt-steps", "100001"]),
]

# --- Chapter 2's functions

def _onehot(n_tasks=3, n_points=5, n_way=2):
    labels = np.random.default_rng(2).integers(0, n_way, size=(n_tasks, n_points))
    return np.eye(n_way)[labels]


def _recorded(n_steps):
    strategy, state = _maml_state()
    return recorded_curve(strategy, state, held_out_tasks(Sinusoid(), 2, 5, 5), n_steps)


def _predict(n_steps):
    strategy, state = _maml_state()
    return adapt.predict(strategy, state, held_out_tasks(Sinusoid(), 2, 5, 5), n_steps)


def _r2d2_phi_inf():
    b = _clusters_batch()
    phi = np.array(b.x_support)
    phi[0, 1, 2] = np.inf
    return r2d2_logits(phi, b.y_support, b.x_query, 1.0)


def _direction_one_array():
    model, params, batch = _problem()
    theta = [np.stack([a] * 3) for a in params]
    return reptile_direction(params[0], theta)


def _inner_sgd_two_tasks():
    model, params, batch = _problem()
    return inner_sgd(per_task(params, 3), batch.x_support[:2], batch.y_support[:2],
                     model.apply, inner_lr=0.01, inner_steps=1)


def _cf_scale_text():
    model, params, batch = _problem()
    return closed_form_meta_loss(split(params)[0], batch, model, lam=1.0, scale="10")


META_CASES = [
    ("closed_form_meta_loss scale the text '10', a number as text",
     lambda d: _cf_scale_text(), ["scale", "10"]),
    ("meta_gradient_norm inner_steps -2",
     lambda d: _meta(meta_gradient_norm, inner_steps=-2), ["inner_steps", "-2"]),
    ("subset_batch subset_size True, a bool for a count",
     lambda d: subset_batch(_problem()[2], _rng(), True), ["subset_size", "True"]),
    ("ridge_fit lam -inf",
     lambda d: ridge_fit(_features(), np.ones((3, 5, 1)), -np.inf), ["lam", "-inf"]),
    ("r2d2_logits phi_support holding an inf",
     lambda d: _r2d2_phi_inf(), ["phi_support"]),
    ("reptile_direction params a single array, not the list of parameters",
     lambda d: _direction_one_array(), ["params"]),
    ("meta_loss_low_rank loss None",
     lambda d: _meta(meta_loss_low_rank, loss=None), ["loss"]),
    ("with_bias features complex",
     lambda d: with_bias(_features() + 0.5j), ["features"]),
    ("newton_solve y without the task axis, (points, classes)",
     lambda d: newton_solve(_features(), _onehot()[0], 1.0), ["y"]),
    ("softmax_head_unrolled lam -0.5",
     lambda d: softmax_head_unrolled(_features(), _onehot(), -0.5, 2), ["lam", "-0.5"]),
    ("recorded_curve n_steps nan",
     lambda d: _recorded(float("nan")), ["n_steps", "nan"]),
    ("adapt.predict n_steps inf",
     lambda d: _predict(float("inf")), ["n_steps", "inf"]),
    ("inner_sgd x of 2 tasks for task_params of 3",
     lambda d: _inner_sgd_two_tasks(), ["x"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy 'closed form', a space for the underscore",
     lambda d: make_strategy("closed form", meta_batch=2), ["closed form"]),
    ("hyperparameters of 'maml,reptile', two names in one string",
     lambda d: hyperparameters("maml,reptile"), ["maml,reptile"]),
    ("NewtonHead built from a NewtonHeadConfig of meta_batch -1",
     lambda d: NewtonHead(default_model(GaussianClusters()), GaussianClusters(),
                          NewtonHeadConfig(meta_batch=-1)), ["meta_batch", "-1"]),
    ("Subset built from a SubsetConfig of n_query -1",
     lambda d: Subset(default_model(Sinusoid()), Sinusoid(), SubsetConfig(n_query=-1)),
     ["n_query", "-1"]),
    ("with_test_time inner_lrr, a misspelling of inner_lr",
     lambda d: with_test_time(_maml(), inner_lrr=0.01), ["inner_lrr"]),
    ("with_test_time inner_steps nan",
     lambda d: with_test_time(_maml(), inner_steps=float("nan")), ["inner_steps", "nan"]),
    ("strategy_from_config an empty dict",
     lambda d: strategy_from_config({}), ["record"]),
    ("default_model a list of two families, where one is meant",
     lambda d: default_model([Sinusoid(), GaussianClusters()]), ["family"]),
    ("check_rebuilds None",
     lambda d: check_rebuilds(None), ["family", "None"]),
    ("make_strategy anil model a list of two MLPs, where one network is meant",
     lambda d: make_strategy("anil", model=[MLP((1, 40, 1)), MLP((1, 40, 1))], meta_batch=2),
     ["model"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train progress an empty list, where a function is meant",
     lambda d: train(_maml(), 2, 0, progress=[]), ["progress"]),
    ("train checkpoint_every nan",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every=float("nan")),
     ["checkpoint_every", "nan"]),
    ("train overwrite 1, a number for a switch",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", overwrite=1), ["overwrite"]),
    ("evaluate family a list of two Sinusoids, where one family is meant",
     lambda d: evaluate(*_maml_state(), [Sinusoid(), Sinusoid()], n_steps=1, **_small()),
     ["family"]),
    ("evaluate state the params list alone, not the state dict",
     lambda d: (lambda s, st: evaluate(s, st["params"], Sinusoid(), n_steps=1,
                                       **_small()))(*_maml_state()), ["state"]),
    ("select_test_time candidates a 0-d array of 0.01, not a sequence",
     lambda d: _select(candidates=np.array(0.01)), ["candidates"]),
    ("select_test_time candidates the single float 0.01, not a sequence",
     lambda d: _select(candidates=0.01), ["candidates"]),
    ("held_out_tasks start nan",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start=float("nan")), ["start", "nan"]),
    ("held_out_tasks seed 2**64, a seed too large",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, seed=2 ** 64), ["seed", str(2 ** 64)]),
    ("task_rng i nan",
     lambda d: task_rng(22, float("nan")), ["i", "nan"]),
]

# --- checkpoints

def _zero_bytes(d):
    path = d / "empty.npz"
    path.write_bytes(b"")
    return path


def _flat_gap(d):
    ckpt = load_checkpoint(_good(d))
    flat = {f"state/params/{i}": a for i, a in enumerate(ckpt.state["params"]) if i != 1}
    return unflatten(flat)


def _resume_on_linear(d):
    return train(make_strategy("maml", family="linear", meta_batch=2), 4, 0,
                 checkpoint=_good(d), resume=True)


SEED_HALF = _set_entry("seedhalf", "meta/seed", lambda a: np.array(0.5))
V0_SWAPPED = _set_entry("v0swap", "state/adam/v/0", lambda a: np.zeros(a.shape[::-1] + (2,)))
P3_INT = _set_entry("p3int", "state/params/3", lambda a: np.round(a).astype(np.int64))
STEP_HALF = _set_entry("stephalf", "meta/step", lambda a: np.array(1.5))
STRATEGY_TYPO = _set_entry("strtypo", "meta/strategy", lambda a: np.array("mamll"))


CHECKPOINT_CASES = [
    ("restore a checkpoint whose meta/seed is 0.5",
     lambda d: restore(SEED_HALF(d)), ["meta/seed"]),
    ("restore a checkpoint whose state/adam/v/0 has another shape than its params",
     lambda d: restore(V0_SWAPPED(d)), ["state/adam/v/0"]),
    ("restore a checkpoint whose state/params/3 is int64, rounded",
     lambda d: restore(P3_INT(d)), ["state/params/3"]),
    ("load_checkpoint the empty path ''",
     lambda d: load_checkpoint(""), ["path"]),
    ("load_checkpoint an int 5, where a path is meant",
     lambda d: load_checkpoint(5), ["5"]),
    ("save_checkpoint into a read-only folder",
     lambda d: _save_fields(d, path=_read_only(d) / "saved.npz"), ["saved.npz"]),
    ("save_checkpoint meta_losses complex",
     lambda d: _save_fields(d, meta_losses=np.asarray(load_checkpoint(_good(d)).meta_losses)
                            + 0j), ["meta_losses"]),
    ("unflatten state/params with index 1 missing",
     lambda d: _flat_gap(d), ["state/params"]),
    ("library train resume a sinusoid maml checkpoint with a maml strategy on linear",
     lambda d: _resume_on_linear(d), ["linear"]),
    ("restore a checkpoint whose meta/step is 1.5",
     lambda d: restore(STEP_HALF(d)), ["meta/step"]),
    ("train on the command line resume a zero-byte file",
     lambda d: ["train", "--resume", "--steps", "4", "--out", str(_zero_bytes(d))],
     ["empty.npz"]),
    ("evaluate on the command line a checkpoint whose meta/strategy is 'mamll'",
     lambda d: ["evaluate", "--checkpoint", str(STRATEGY_TYPO(d)), "--tasks", "4",
                "--steps", "1"], ["mamll"]),
]

# --- nn, optim, batchnorm

def _params():
    return MLP((1, 8, 1)).init(_rng())


def _adam(**kw):
    params = _params()
    grads = [np.ones_like(a) for a in params]
    return adam_update(params, grads, adam_init(params), **{"lr": 1e-3, **kw})


def _adam_grads_transposed_all():
    params = _params()
    grads = [np.ones(a.shape[::-1] + (1,)) for a in params]
    return adam_update(params, grads, adam_init(params), 1e-3)


def _rows(**kw):
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((3, 2))], np.arange(3), **{"lr": 1e-3, **kw})


def _apply_short():
    model = MLP((1, 8, 1))
    return model.apply(model.init(_rng())[:-1], np.linspace(-1, 1, 5).reshape(1, 5, 1))


NN_CASES = [
    ("MLP sizes (1, 8.0, 1), a float width",
     lambda d: MLP((1, 8.0, 1)).init(_rng()), ["sizes"]),
    ("MLP sizes the string '1-40-1'",
     lambda d: MLP("1-40-1").init(_rng()), ["sizes"]),
    ("MLP sizes ((1, 8), (8, 1)), layer pairs where widths are meant",
     lambda d: MLP(((1, 8), (8, 1))).init(_rng()), ["sizes"]),
    ("MLP apply params one array short, the last bias dropped",
     lambda d: _apply_short(), ["params"]),
    ("split params an empty list",
     lambda d: split([]), ["params"]),
    ("adam_update grads of 3 axes for params of 1 and 2",
     lambda d: _adam_grads_transposed_all(), ["grads"]),
    ("adam_update eps nan",
     lambda d: _adam(eps=float("nan")), ["eps", "nan"]),
    ("adam_rows grads None",
     lambda d: adam_rows([np.full((3, 2), 0.5)], {"t": np.zeros(3, int),
                         "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}, None,
                         np.arange(3), 1e-3), ["grads"]),
    ("batch_norm scale of 2 for 3 features",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), scale=np.ones(2)), ["scale"]),
    ("finn_init rng an int 0, where a numpy Generator is meant",
     lambda d: finn_init(0, (1, 8, 1)), ["rng"]),
    ("per_task n_tasks 10**12, too many copies for memory",
     lambda d: _under_the_batteries_ulimit(lambda: per_task(_params(), 10 ** 12)),
     ["n_tasks", str(10 ** 12)]),
]

# --- task families: a user's own TaskFamily subclass (the ninety-sixth's Quadratic), and the
#     built-in ones

def _target_complex(self, task_params, x):
    return Quadratic.target(self, task_params, x) + 1j


def _params_nan(self, rng, n_tasks):
    p = rng.uniform(-1, 1, size=(n_tasks, 3))
    p[0, 1] = np.nan
    return p


def _target_scalar(self, task_params, x):
    return 0.5


def _x_strings(self, rng, task_params, n_points):
    return np.full((task_params.shape[0], n_points, 1), "0.5")


def _clusters_eval(family):
    strategy = make_strategy("maml", family="clusters", meta_batch=2)
    return evaluate(strategy, strategy.init_state(_rng()), family, n_steps=1, **_small())


TASK_CASES = [
    ("Sinusoid amplitude (5.0, 0.1), its ends in decreasing order, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=(5.0, 0.1)), 2, 5, 5), ["amplitude"]),
    ("Sinusoid phase (0.0, inf), in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(phase=(0.0, np.inf)), 2, 5, 5), ["phase"]),
    ("LinearRegression scale -1.0, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(scale=-1.0), 2, 5, 5), ["scale", "-1.0"]),
    ("SinusoidFrequency frequency (0.5, 1e300), a frequency without bound, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(0.5, 1e300)), 2, 5, 5),
     ["frequency"]),
    ("GaussianClusters n_way 0, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way=0), 2, 5, 5), ["n_way", "0"]),
    ("GaussianClusters dim (8, 8), a shape where one number is meant, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=(8, 8)), 2, 5, 5), ["dim"]),
    ("GaussianClusters spread 1e300, centres whose squared distances overflow, in evaluate",
     lambda d: _clusters_eval(GaussianClusters(spread=1e300)), ["spread"]),
    ("make_family clusters n_way -5",
     lambda d: make_family("clusters", n_way=-5), ["n_way", "-5"]),
    ("a user's Quadratic TaskFamily whose target returns complex numbers, in train",
     lambda d: _train_quadratic(_quadratic(target=_target_complex)), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_params returns a NaN, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_params=_params_nan), 2, 5, 5),
     ["sample_params"]),
    ("a user's Quadratic TaskFamily whose target returns one scalar, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(target=_target_scalar)), ["target"]),
    ("a user's Quadratic TaskFamily whose n_outputs is -1, in select_test_time",
     lambda d: _select_quadratic(_quadratic(n_outputs=-1)), ["n_outputs", "-1"]),
    ("a user's Quadratic TaskFamily whose sample_x returns strings, in train",
     lambda d: _train_quadratic(_quadratic(sample_x=_x_strings)), ["sample_x"]),
    ("cross_entropy logits of 3 tasks for y_onehot of 2",
     lambda d: cross_entropy(np.zeros((3, 5, 3)), np.eye(3)[np.zeros((2, 5), dtype=int)]),
     ["y_onehot"]),
]

# --- Omniglot



OMNIGLOT_CASES = [
    ("Omniglot dtype complex128",
     lambda d: _sample(Omniglot(5, data=_data(), dtype=np.complex128)), ["dtype"]),
    ("Omniglot split 'Train' in capitals",
     lambda d: _sample(Omniglot(5, "Train", data=_data())), ["split", "Train"]),
    ("Omniglot split ['train', 'test'], a list where one split is meant",
     lambda d: _sample(Omniglot(5, ["train", "test"], data=_data())), ["split"]),
    ("Omniglot sample n_tasks 0",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 0, 5, 5), ["n_tasks", "0"]),
    ("finn_split n_train True, a bool for a count",
     lambda d: finn_split(_data().alphabets, _data().characters, n_train=True),
     ["n_train", "True"]),
    ("Omniglot rotate 'train', a split's name for the switch",
     lambda d: _sample(Omniglot(5, data=_data(), rotate="train")), ["rotate", "train"]),
    ("check_shots n_way True, a bool for a count",
     lambda d: check_shots(True, 2, 5, 5), ["n_way", "True"]),
    ("omniglot load root the empty string ''",
     lambda d: omniglot_load(""), ["root"]),
    ("omniglot_compare episodes shots 2.5",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 2.5, 0), ["shots", "2.5"]),
    ("omniglot_compare families n_way 2.5",
     lambda d: families(_data(), n_way=2.5), ["n_way", "2.5"]),
    ("train omniglot on the command line with root a folder that does not exist",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--out", str(d / "omni1.npz"), "--root", str(d / "no_such_folder")],
     ["no_such_folder"]),
    ("compare omniglot with query -5",
     lambda d: ["compare", "--family", "omniglot", "--steps", "1", "--tasks", "4",
                "--val-tasks", "4", "--adapt-steps", "1", "--strategies", "maml",
                "--support", "5", "--query", "-5"], ["--query", "-5"]),
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


def test_the_hundredfourth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfourth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
