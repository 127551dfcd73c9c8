"""A hundred-and-twentieth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (used as the
templates use it; only its head was read). Written blind, in a worktree at commit b5dbfe6, from
the user's side only: the README; ``--help`` of ``train``, ``evaluate`` and ``compare``; the
public names and signatures (``inspect.signature``) of ``scratchmeta.meta``'s public modules
(``adapt``, ``anil``, ``baselines``, ``closed_form``, ``evaluate``, ``exploding``, ``guard``,
``maml``, ``maml_low_rank``, ``multitask``, ``newton_head``, ``normalization``, ``r2d2``,
``r2d2_head``, ``registry``, ``reptile``, ``ridge``, ``softmax_head``, ``subset``,
``training``, ``checkpoint``, ``omniglot_compare``; not ``checks``/``protocol``/``messages``),
``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks`` (with the public methods of their classes); the first 40 lines of
``tests/test_bad_inputs_cli.py`` (its docstring and imports) and a grep of it for ``mentions``
(to learn that mentions are matched case-sensitively); the eighth battery's ``classify_case``
(its head); the hundred-and-eighteenth battery (a template, in full) and the
hundred-and-sixteenth (the other template: its docstring's head, imports, case lists and
helpers, in parts); the signatures of the earlier batteries' shared helpers (imported, not
copied: ``_good``, ``_damaged``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the
ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's
``_clusters_batch``, ``_compare_on``, ``_features``, ``_maml``, ``_problem``, ``_resumed``,
``_sample``, ``_select``, ``_set_entry``, the ninety-sixth's ``_quadratic``,
``_train_quadratic``, ``_evaluate_quadratic``, ``_under_the_batteries_ulimit`` (looked at, in
the end not used)); the ids of every earlier battery (extracted by ``ast``, see below). No library
source, library docstring, validation module, history or file of /work/main was read.
Disclosed: the commit above was read with ``git rev-parse --short HEAD``; the signature listing
showed defaults (the configs' fields, e.g. ``SubsetConfig``'s n_support 100); the good
checkpoint's entry names were listed once with ``np.load(...).keys()`` (to name the entries
changed below). Before the first run, good calls were made to get the plumbing right
(``meta_grad``, ``anil_meta_loss``, ``subset_meta_loss``, ``reptile_direction``, ``ridge_fit``,
``newton_solve`` with form 'primal', ``softmax_head_logits``, ``r2d2_logits``, ``inner_advice``,
``divergence_map``, ``sgd_path``, ``make_strategy`` r2d2/subset/closed_form at good values,
``with_test_time`` on reptile, library ``train`` resuming the good checkpoint, ``evaluate`` with
chunk_size 100, ``_select`` with candidates and n_query, ``held_out_tasks``, ``save_checkpoint``
of the loaded good checkpoint, ``restore``, ``MLP.apply``, ``split``, ``per_task``,
``adam_update``, ``adam_rows`` with beta1, ``batch_norm``, the ``Quadratic`` in
``held_out_tasks``, ``make_family('clusters', dim=4)``, ``accuracy``, ``Omniglot.sample``,
``Omniglot(rotate=True)``, ``finn_split``, ``check_shots``, ``families``, ``build``,
``episodes``, ``MLP(activation='tanh')``): all worked but ``sgd_path``, which wants θ with a
task axis (``per_task(params, n_tasks)``, as its message said), so the sgd_path case passes it
so before its bad ``stop_on_divergence``; the call showed ``load_checkpoint(...).config`` is a
dict and a strategy's ``.config`` a ``MAMLConfig`` (used by a case below). Every case writes
only inside its temporary folder (``git status --short`` after the runs shows this file only).
The id list, scripts and a per-case message listing were kept outside the worktree, in
/tmp/wt120_scratch. SCRATCHMETA_DATA was unset. The runs were made as root (so no
read-only-folder case was written: root writes through it).

Areas, as written: train on the command line -- fomaml on linear, anil on sinusoid_frequency,
reptile on linear, closed_form on sinusoid, r2d2, newton_head and multitask on clusters, subset
on sinusoid, scratch on sinusoid_frequency, pretrained on clusters, one resumed (fomaml) (11);
evaluate and compare on the command line -- runs of fomaml, r2d2 and newton_head (clusters),
subset, maml (sinusoid, linear), a wildcard path; compare of fomaml on linear, reptile on
clusters, maml on sinusoid_frequency, a capitalised strategy (11); Chapter 2's functions --
meta_grad, anil_meta_loss, subset_meta_loss, reptile_direction, ridge_fit, newton_solve,
softmax_head_logits, r2d2_logits, guard.inner_advice, divergence_map, adapt.sgd_path (11);
strategies and the registry -- make_strategy (maml twice, anil twice, closed_form, r2d2, subset,
multitask, pretrained), a misspelt family and hyperparameter, with_test_time (11); library
train, evaluate, select_test_time, held_out_tasks (11); checkpoints -- load_checkpoint,
restore, save_checkpoint, train and evaluate on the command line, library train resume (11);
nn/optim/batchnorm -- MLP activation, sizes, dtype, apply, init; per_task, split, adam_update,
adam_rows, batch_norm (11); task families -- LinearRegression, Sinusoid, SinusoidFrequency,
GaussianClusters, make_family, accuracy, the ninety-sixth's ``Quadratic`` with one method
changed (11); Omniglot -- Omniglot's n_way, rotate, split, n_train, sample n_query; finn_split,
check_shots, omniglot_compare's families, build, episodes; train omniglot on the command line
(11): 99 written.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --inner-steps 1e1 (e-notation for a count), --lam '.', --inner-lr 0,1 (a decimal
  comma), --set batched= (empty), --set first_order=2; evaluate --query 5.5, --support 5e-1,
  --tasks 4x, --seed '-', --support '5,', --tasks ∞; compare --val-seed '', --val-tasks 50.5;
  anil_meta_loss loss np.square (one argument, no reduction), subset_meta_loss subset_size a
  list, reptile_direction theta_T one array, divergence_map family a name, sgd_path
  stop_on_divergence 'yes'; make_strategy first_order 'True', meta_batch 2.0, learn_scale 0.5,
  n_query 2.5, subset_size 'ten', model the MLP class; train strategy 'maml', resume 2, log_every
  2.5; evaluate n_support 2.5; select_test_time candidates nested, n_query 2.5; held_out_tasks
  n_tasks 'two'; restore state/adam/t as text; save_checkpoint config a MAMLConfig; evaluate a
  checkpoint whose meta/meta_losses is text; MLP dtype bool, init rng '7'; per_task n_tasks
  5+0j; split None; adam_update lr '1e-3', grads of text; adam_rows beta1 'high'; Sinusoid
  x_range '-5..5'; SinusoidFrequency frequency 'fast'; accuracy logits of text; Omniglot n_way
  '5', rotate 2; finn_split n_validation 'ten'; check_shots n_way 'five'; families data a folder's
  name; build shots 2.5;
- out of range -- zero, negative, NaN, inf, huge, a seed too large: --meta-lr Infinity,
  --meta-batch -0, --set head_inner_lr=-0.01, --seed 1e400; compare --steps -0; meta_grad
  inner_lr nan; softmax_head_logits lam inf; r2d2_logits scale inf; inner_advice inner_lr inf;
  make_strategy multitask lam inf, pretrained meta_batch -25; with_test_time inner_lr 1e400;
  train seed 1e400, checkpoint_every -100; evaluate chunk_size 1e400; save_checkpoint step
  1e400; LinearRegression mean (1.0, inf); Sinusoid x_range (-inf, 5.0); GaussianClusters
  n_way 1e400, spread -inf; Omniglot n_train 1e400, sample n_query 1e400; episodes n_tasks -3;
  train omniglot --n-query -5;
- a wrong shape: ridge_fit features of 5 tasks for y of 3; MLP sizes (1, 8, 0); MLP apply x of no
  features (1, 5, 0); batch_norm offset a column (3, 1);
- a user's function that misbehaves (``Quadratic``): target returns a dict, sample_x returns
  inf, sample_params returns one task fewer than asked;
- files and paths: load_checkpoint a .npy file named run.npz; restore with meta/step a 1-D
  array, state/params/5 reshaped to 3-D, state/adam/t as text, an extra state/adam/x/0;
  save_checkpoint to 'run.json'; train --out '.npz'; evaluate --checkpoint 'runs/*.npz' (a
  wildcard no shell expanded);
- mismatches, options that conflict: --n-support 5 with --set n_support=7; --resume of a fomaml
  run with --set first_order=false; library train resume of the good maml checkpoint with a
  wider model;
- typos and misspellings: compare 'Reptile', newton_solve form 'Primal', make_strategy family
  'omniglott', make_strategy metalr=, evaluate on_divergence 'warn', MLP activation 'Tanh',
  make_family clusters dims=, Omniglot split 'Validation'.

Repeats: the 14,694 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; by the first four words; an earlier id that is a whole-word
prefix of a draft), over five rounds, and by about 170 function-and-kind greps over the same
list (e.g. ``inner-steps 1e1``, ``meta-lr inf``, ``batched=``, ``lam '.'``, ``meta-batch -0``,
``learn_lam=``, ``head_inner_lr=``, ``first_order=``, ``seed -1``, ``seed 1e400``, ``set
n_support``, ``resume.*strategy``, ``force``, ``dtype float32``, ``tasks 0``, ``steps inf``,
``query 0``, ``support -5``, ``seed 0x``, ``seed 22.5``, ``checkpoint.*folder``, ``wildcard``,
``tasks 3000000``, ``compare.*tasks -1``, ``adapt-steps 2.5``, ``val-tasks``, ``val-seed``,
``'Reptile'``, ``meta_grad inner_lr``, ``anil_meta_loss inner_steps|first_order|loss``,
``subset_meta_loss inner_lr|rng|subset_size``, ``reptile_direction``, ``ridge_fit form|features``,
``newton_solve tol|max_steps|lam``, ``softmax_head_logits``, ``r2d2_logits``, ``inner_advice``,
``divergence_map``, ``sgd_path inner_lr|loss``, ``first_order False``, ``learn_scale``,
``r2d2 scale``, ``omniglott``, ``model a list``, ``inner_step``, ``metalr``, ``with_test_time``,
``train strategy|progress|history|overwrite|resume``, ``checkpoint_every``, ``log_every 2.5``,
``on_divergence``, ``evaluate n_tasks|n_query|chunk_size``, ``candidates``, ``max_steps -1``,
``held_out_tasks n_tasks``, ``empty file``, ``.npy``, ``meta/step``, ``state/params/3|4|5``,
``adam/t``, ``meta/notes``, ``save_checkpoint step|meta_losses|config|changes``, ``json``,
``trailing slash``, ``meta/strategy``, ``meta_losses``, ``another model``, ``activation``,
``MLP sizes``, ``dtype complex|bool``, ``apply x``, ``init rng``, ``per_task n_tasks``, ``split
params``, ``adam_update lr|eps|grads|state``, ``adam_rows lr|beta1|beta2``, ``batch_norm
h|eps|scale|offset``, ``noise``, ``x_range``, ``amplitude``, ``phase``, ``frequency``, ``n_way``,
``dim``, ``spread``, ``dims=``, ``accuracy``, ``target returns``, ``sample_x returns``,
``sample_params returns``, ``rotate``, ``download``, ``split 'Train'``, ``n_train``,
``n_validation``, ``sample rng``, ``sample n_support|n_query``, ``finn_split``, ``check_shots``,
``families data``, ``build shots``, ``episodes n_tasks``, ``omniglot.*n-query``). The earlier
list is dense (e.g. 33 ids for ``batch_norm eps`` alone), so drafts were replaced many times
before any run because the script or a grep found their id or substance; exact earlier ids among
the drafts (all replaced): ``restore a checkpoint with an extra entry meta/notes``, ``MLP
activation 'tanh ' with a trailing space``, ``per_task n_tasks 1e400, ...``, ``adam_update lr
-1e-3, a sign slip``, ``GaussianClusters spread nan, in held_out_tasks``, ``Omniglot n_way 1e400,
...``, ``check_shots n_query the word 'five'``, ``anil_meta_loss loss None``, ``train log_every
the text '10', ...``; replaced for substance (among others): --set batched=2, --set
learn_lam=2, subset with --n-support 5 below its subset, train --seed -1, resume reptile as maml,
evaluate --tasks 0, --query 0, --support -5, --seed 0x16, --checkpoint a folder, --tasks
3000000; compare --tasks -1, --adapt-steps 2.5, --val-tasks -50; anil_meta_loss inner_steps -2,
subset_meta_loss inner_lr 'fast', newton_solve max_steps 1e400, divergence_map inner_lrs [],
sgd_path inner_lr inf; make_strategy fomaml first_order False, r2d2 scale inf, subset first_order
'no', anil model a list, maml inner_step=3, with_test_time inner_lr -0.01 and 'auto'; train
progress 'yes' and 'print'; evaluate n_tasks 0; select_test_time candidates () and max_steps -1;
load_checkpoint of zero bytes; state/params/3 of text; state/adam/t -1 and 1.5; save_checkpoint
step -1 and True, meta_losses of text, config None; --out ending in a slash; meta/strategy
empty; resume with a fomaml strategy; MLP dtype complex128, apply x 4-D; per_task n_tasks
10**12 and True; adam_update eps -1e-8, lr inf, grads one array short, grads all inf; adam_rows
lr nan; batch_norm h 1-D, h holding inf, eps -1e-3; LinearRegression noise inf; Sinusoid amplitude
complex and (0.1, inf); GaussianClusters n_way 0, dim 0; accuracy logits of 2 classes for 3 and
y_onehot 2-D; Quadratic target None, complex and bools, sample_x one point more and strings,
sample_params NaN; Omniglot rotate 'no', split 'TRAIN', n_train 2000, sample rng an int, sample
n_support -5; finn_split n_validation -100 and n_train 1e400; make_strategy pretrained inner_lr 0
(also doubtful as a bad input: it was replaced by meta_batch -25). No exact id repeats (checked
by the script against the same list after the last change).

Near earlier ids, kept as new ways (the lead may judge): ``--meta-lr Infinity`` near ``meta-lr
inf``; ``--inner-lr 0,1`` near ``compare val-tasks with a decimal comma``; ``--set
first_order=2`` near ``first_order=maybe`` (subset on linear); ``--seed 1e400`` (train) near
``evaluate a reptile run with seed 1e400``; ``--set first_order=false`` on resume near ``train
resume ... with strategy reptile``; ``--tasks ∞`` near ``the infinity sign`` elsewhere;
``compare --steps -0`` near ``compare ... steps 0``; ``--val-seed ''`` near ``--seed ''``;
``--val-tasks 50.5`` near ``--val-tasks -3``; ``--support 5e-1`` near ``--query 1e2``;
``'Reptile'`` near ``'MAML' in capitals``; ``anil_meta_loss loss np.square`` near ``meta_grad
loss np.square, whose second argument is its out``; ``subset_size [2, 3]`` near ``subset_size
2.5``; ``theta_T`` one array near ``params a single array``; ``newton_solve form 'Primal'``
near ``ridge_fit form capitalised``; ``softmax_head_logits lam inf`` near ``r2d2_logits lam
inf``; ``r2d2_logits scale inf`` near ``scale NaN``; ``inner_advice inner_lr inf`` near ``NaN``;
``divergence_map family`` text near ``divergence_map inner_lrs a string``;
``stop_on_divergence 'yes'`` near ``on_divergence``'s words; ``first_order 'True'`` near
``first_order 'no'``; ``meta_batch 2.0`` near ``--meta-batch 2.0``; ``learn_scale 0.5`` near
``learn_scale 1``; ``n_query 2.5`` near ``n_support 2.5``; ``subset_size 'ten'`` near
``--set subset_size=ten``; ``lam inf`` near ``closed_form lam -inf``; ``meta_batch -25`` near
``n_support -10``; ``model`` the class near ``train strategy a class``; ``metalr=`` near
``inner_step=3``; ``with_test_time inner_lr 1e400`` near ``inf``; ``train strategy 'maml'``
near ``with_test_time the strategy's name 'maml'``; ``train seed 1e400`` near ``save_checkpoint
seed 1e400``; ``checkpoint_every -100`` near ``-10`` (a repeat of substance the writer let stand,
see below); ``resume 2`` near ``overwrite 1``; ``log_every 2.5`` near ``-1``; ``on_divergence
'warn'`` near ``'skip'``; ``chunk_size 1e400`` near ``'all'``; ``n_support 2.5`` near ``n_query
-1``; ``candidates [[0.01, 0.1]]`` near ``a dict``; ``select_test_time n_query 2.5`` near
``-10``; ``held_out_tasks n_tasks 'two'`` near ``Omniglot sample n_tasks 'two'``; a .npy named
.npz near ``check_checkpoint_path a .npy path``; ``meta/step`` 1-D near ``meta/step 1.5``;
``state/params/5`` 3-D near ``state/params/3`` 0-d; ``state/adam/t`` text near ``a fraction``;
``state/adam/x/0`` near ``state/params/9``; ``step 1e400`` near ``step 10**20``; ``config`` a
MAMLConfig near ``config None``; ``run.json`` near ``run.np``; ``--out '.npz'`` near ``a path
ending in a slash``; ``meta/meta_losses`` text near ``2-D``; a wider model near ``a maml on
linear``; ``'Tanh'`` near ``'ReLU'``; ``(1, 8, 0)`` near ``(1, 8, 1, 0)``; ``dtype bool`` near
``'int32'``; x of no features near ``x of other features``; ``rng '7'`` near ``the float 0.5``;
``n_tasks 5+0j`` near ``Omniglot n_way 5+0j``; ``split None`` near ``a single array``; ``lr
'1e-3'`` near ``reptile_step meta_lr '0.1'``; ``grads`` of text near ``grads complex``; ``beta1
'high'`` near ``beta2 'high'``; ``offset`` a column near ``offset of another width``; ``mean
(1.0, inf)`` near ``(1.0, 0.5j)``; ``x_range (-inf, 5.0)`` near ``SinusoidFrequency x_range
(-5.0, inf)``; ``x_range '-5..5'`` near ``'wide'``; ``frequency 'fast'`` near ``phase
'random'``; ``n_way 1e400`` near Omniglot's; ``spread -inf`` near ``-2.0``; ``dims=`` near
``slope=``; ``accuracy logits`` text near ``MLP apply x of text``; the Quadratic's ``target`` a
dict near ``None``, ``sample_x`` inf near ``None``, ``sample_params`` one task fewer near ``a
3-D array``; ``n_way '5'`` near ``families n_way the text '5'``; ``rotate 2`` near ``rotate
90``; ``'Validation'`` near ``'Train'``; ``n_train 1e400`` near ``finn_split n_train 1e400``;
``sample n_query 1e400`` near ``sample n_tasks 1e400``; ``n_validation 'ten'`` near ``n_train
'all'``; ``check_shots n_way 'five'`` near ``n_query 'five'``; ``families data`` text near ``a
list of arrays``; ``build shots 2.5`` near ``shots 0``; ``episodes n_tasks -3`` near ``0``;
``--n-query -5`` near ``train reptile on linear with n-query -5``. Disclosed: ``train
checkpoint_every -100 with a checkpoint`` (written, not kept) repeats the substance of the earlier
``train checkpoint_every -10``, which a pre-run grep listed and the writer overlooked; it was
clear.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 99. After the
first run no case was added, dropped, reordered or swapped and no mentions were changed
(``DROPPED`` is empty).

Memory and time: no case asks for a huge allocation (the counts past any use, 1e400 and inf,
are checked before work), so the ninety-sixth's ``_under_the_batteries_ulimit`` was not needed;
the whole script ran in about five seconds.

First run at b5dbfe6 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, 62 of 63 clear (98.4%), 1 unclear, 0 silent, 0 data loss -- cli train 7/7,
evaluate/compare 7/7, meta functions 7/7, strategies 7/7, evaluate and train 7/7, checkpoints
7/7, nn/optim/batchnorm 7/7, task families 6/7 (1 unclear), omniglot 7/7. Written
(``--written``): 98 of 99 clear (99.0%), 1 unclear, 0 silent, 0 data loss -- every area 11/11
except task families 10/11 (the same unclear case). Under pytest (run once): 1 failed (the
unclear case below), 63 passed (62 kept clear cases and the wide-and-new test).

Not clear, kept:
- ``a user's Quadratic TaskFamily whose sample_x returns inf, in evaluate``: unclear (does not
  name sample_x) -- "ValueError: UserQuadratic.target must return finite targets y (the
  batch's y_support and y_query), got 10 NaN or inf entries of 10 (shape (1, 10, 1))". The
  user's ``sample_x`` returned x all inf and ``target`` (the ninety-sixth's own, unchanged) only
  computed its targets from them; the message blames ``target``, the method that was not
  changed, and says nothing of the inputs x, so the user is sent to the wrong method. (Siblings
  name the right method: ``sample_params`` one task fewer: "UserQuadratic.sample_params must
  return an array with one row per task, shape (2, ...) for n_tasks=2, got shape (1, 3)".)

Not clear, written and not kept: none.

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --inner-steps:
expected a non-negative integer, written in plain decimal digits, got '1e1' ...", "error:
n_support is given twice (as --n-support and --set)", "error: FOMAMLConfig is first-order MAML's,
so first_order must be True, got False; for second order use MAMLConfig (the strategy maml)
(given as --set first_order=false)", "error: no checkpoint at '.../*.npz' (--checkpoint);
expected a .npz written by train", "error: compare: argument --strategies: invalid choice:
'Reptile' (choose from 'maml', ...)", "ValueError: strategy MAML has no hyperparameter
'metalr'; it takes [...]", "TypeError: strategy must be a strategy object (...), got 'maml',
which has no name, init_state, sample_batch, update", "ValueError: '.../run.npz' is not a
checkpoint: it holds a single NumPy array (.npy), not a .npz archive written by train",
"ValueError: '.../step1d.npz' is damaged: entry meta/step must be an integer of shape (), got
dtype int64 and shape (1,)", "TypeError: config must be a dict (protocol.describe's record), got
MAMLConfig(...)", "ValueError: cannot resume from .../good.npz: it was written by a different
run (model.arguments.sizes: checkpoint [1, 40, 40, 1], this run [1, 80, 80, 1]) ...",
"TypeError: make_family: the clusters family has no argument 'dims' (did you mean 'dim'?)",
"ValueError: UserQuadratic.target must return y of shape (tasks, points, n_outputs) = (1, 10, 1)
..., got dict ..."). Clear by the harness but slightly off: ``LinearRegression mean (1.0, inf)``
says "mean must be a finite number >= -inf, got inf" (the bound ">= -inf" reads oddly);
``reptile_direction theta_T`` one array, ``adam_update grads`` of text and the Quadratic's dict
``target`` print the arrays' repr over several lines; ``train resume 2`` says "resume and
overwrite must be True or False, got 2 and True" (both named); ``Omniglot n_train 1e400`` says
"n_train and n_validation must be positive integers, got inf and 100" (both named);
``anil_meta_loss loss np.square`` is refused for writing into its input (np.square's second
argument is ``out``), right, though it does not say the loss takes one argument;
``held_out_tasks n_tasks 'two'``, ``per_task n_tasks 5+0j``, ``adam_update lr '1e-3'``,
``adam_rows beta1 'high'``, ``Omniglot n_way '5'``, ``finn_split n_validation 'ten'`` and
``check_shots n_way 'five'`` raise ValueError where TypeError would fit a value of the wrong type
(both are allowed); ``train seed 1e400`` raises TypeError for an out-of-range float (allowed).

Measured on main at b5dbfe6, the commit it was written at, blind (the lead reran it there,
with the hundred-and-twenty-first beside it): kept, 62 of 63 clear (98.4%), 1 unclear, 0
silent, 0 data loss. Round 80 (with sight of this file, not blind): targets that are not
finite, made from inputs that are not, name the family's sample_x, not its target.
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, with_test_time
from scratchmeta.meta.exploding import divergence_map
from scratchmeta.meta.guard import inner_advice
from scratchmeta.meta.maml import meta_grad
from scratchmeta.meta.omniglot_compare import build, episodes, families
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import default_model, make_family, make_strategy
from scratchmeta.meta.reptile import reptile_direction
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head_logits
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _evaluate, _maml_state, _small
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _features, _maml,
                                          _problem, _resumed, _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import _quadratic, _train_quadratic, _evaluate_quadratic
from test_bad_inputs_hundredsecond import _adam, _needs_omniglot, _params
from test_bad_inputs_hundredsixth import _rows

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train fomaml on linear with inner-steps 1e1, a count in e-notation",
     _train("--strategy", "fomaml", "--family", "linear", "--inner-steps", "1e1"),
     ["--inner-steps", "1e1"]),
    ("train anil on sinusoid_frequency with meta-lr Infinity, the word for an endless step",
     _train("--strategy", "anil", "--family", "sinusoid_frequency", "--meta-lr", "Infinity"),
     ["--meta-lr", "Infinity"]),
    ("train reptile on linear with set batched= and nothing after it, an empty switch",
     _train("--strategy", "reptile", "--family", "linear", "--set", "batched="),
     ["batched"]),
    ("train closed_form on sinusoid with lam '.', a lone decimal point",
     _train("--strategy", "closed_form", "--family", "sinusoid", "--lam", "."),
     ["--lam", "."]),
    ("train r2d2 on clusters with meta-batch -0, a zero with a sign",
     _train("--strategy", "r2d2", "--family", "clusters", "--meta-batch", "-0"),
     ["--meta-batch", "-0"]),
    ("train newton_head on clusters with inner-lr 0,1, a decimal comma",
     _train("--strategy", "newton_head", "--family", "clusters", "--inner-lr", "0,1"),
     ["--inner-lr", "0,1"]),
    ("train multitask on clusters with set head_inner_lr=-0.01, a sign slip",
     _train("--strategy", "multitask", "--family", "clusters", "--set", "head_inner_lr=-0.01"),
     ["head_inner_lr", "-0.01"]),
    ("train subset on sinusoid with set first_order=2, a count for a switch",
     _train("--strategy", "subset", "--family", "sinusoid", "--set", "first_order=2"),
     ["first_order", "2"]),
    ("train scratch on sinusoid_frequency with seed 1e400, a seed that overflows",
     _train("--strategy", "scratch", "--family", "sinusoid_frequency", "--seed", "1e400"),
     ["--seed", "1e400"]),
    ("train pretrained on clusters with n-support 5 and set n_support=7, one setting given "
     "two ways",
     _train("--strategy", "pretrained", "--family", "clusters", "--n-support", "5", "--set",
            "n_support=7"), ["n_support"]),
    ("train resume a fomaml run with set first_order=false, turning it into maml",
     _resumed("fomaml", "--set", "first_order=false"), ["first_order"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate a fomaml run with query 5.5, a fraction of a point",
     _evaluate(lambda d: _run(d, "fomaml"), "--query", "5.5"), ["--query", "5.5"]),
    ("evaluate an r2d2 clusters run with support 5e-1, a half in e-notation",
     _evaluate(lambda d: _run(d, "r2d2", family="clusters"), "--support", "5e-1"),
     ["--support", "5e-1"]),
    ("evaluate a newton_head clusters run with tasks 4x, a stray letter after the count",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--tasks", "4x"),
     ["--tasks", "4x"]),
    ("evaluate a subset run with seed '-', a lone sign",
     _evaluate(lambda d: _run(d, "subset"), "--seed", "-"), ["--seed"]),
    ("evaluate a maml run with support '5,', a trailing comma",
     _evaluate(lambda d: _run(d, "maml"), "--support", "5,"), ["--support", "5,"]),
    ("evaluate checkpoint a wildcard runs/*.npz that no shell expanded",
     lambda d: ["evaluate", "--checkpoint", str(d / "*.npz"), "--tasks", "4", "--steps", "1"],
     ["--checkpoint", "*.npz"]),
    ("evaluate a linear maml run with tasks the infinity sign",
     _evaluate(lambda d: _run(d, "maml", family="linear"), "--tasks", "\u221e"),
     ["--tasks", "\u221e"]),
    ("compare fomaml on linear with steps -0, no meta-step with a sign",
     _compare_on(["fomaml"], "linear", "--steps", "-0"), ["--steps", "-0"]),
    ("compare reptile on clusters with val-seed '', an empty value",
     _compare_on(["reptile"], "clusters", "--val-seed", ""), ["--val-seed"]),
    ("compare maml on sinusoid_frequency with val-tasks 50.5, a fraction of a task",
     _compare_on(["maml"], "sinusoid_frequency", "--val-tasks", "50.5"),
     ["--val-tasks", "50.5"]),
    ("compare strategies 'Reptile', capitalised",
     _compare_on(["Reptile"], "sinusoid"), ["Reptile"]),
]

# --- Chapter 2's functions

def _meta_grad_lr_nan():
    model, params, batch = _problem()
    return meta_grad(params, batch, model, inner_lr=np.nan, inner_steps=1)


def _anil_loss_square():
    model, params, batch = _problem()
    return anil_meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1, loss=np.square)


def _subset_size_list():
    model, params, batch = _problem()
    return subset_meta_loss(params, batch, model, _rng(), subset_size=[2, 3], inner_lr=0.01,
                            inner_steps=1)


def _direction_single_array():
    model, params, batch = _problem()
    return reptile_direction(params, params[0])


def _ridge_fit_tasks_mismatch():
    return ridge_fit(_features(n_tasks=5), np.ones((3, 5, 1)), 1.0)


def _newton_form_capital():
    b = _clusters_batch()
    return newton_solve(b.x_support, b.y_support, 1.0, form="Primal")


def _logits_lam_inf():
    b = _clusters_batch()
    return softmax_head_logits(b.x_support, b.y_support, b.x_query, np.inf)


def _r2d2_scale_inf():
    b = _clusters_batch()
    return r2d2_logits(b.x_support, b.y_support, b.x_query, 1.0, scale=np.inf)


def _map_family_text():
    return divergence_map(default_model(Sinusoid()), "sinusoid", [1], [0.01], n_steps=2,
                          meta_batch=2)


def _sgd_path_stop_text():
    model, params, batch = _problem()
    theta = per_task(params, batch.x_support.shape[0])
    return sgd_path(theta, batch, model, inner_lr=0.01, loss=mse, stop_on_divergence="yes")


META_CASES = [
    ("maml meta_grad inner_lr nan",
     lambda d: _meta_grad_lr_nan(), ["inner_lr", "nan"]),
    ("anil_meta_loss loss np.square, a function of one argument, no reduction",
     lambda d: _anil_loss_square(), ["loss", "square"]),
    ("subset_meta_loss subset_size a list [2, 3], where one count is meant",
     lambda d: _subset_size_list(), ["subset_size"]),
    ("reptile_direction theta_T the first array of params alone, not the list",
     lambda d: _direction_single_array(), ["theta_T"]),
    ("ridge_fit features of 5 tasks for y of 3",
     lambda d: _ridge_fit_tasks_mismatch(), ["5", "3"]),
    ("newton_solve form 'Primal' in capitals",
     lambda d: _newton_form_capital(), ["form", "Primal"]),
    ("softmax_head_logits lam inf",
     lambda d: _logits_lam_inf(), ["lam", "inf"]),
    ("r2d2_logits scale inf",
     lambda d: _r2d2_scale_inf(), ["scale", "inf"]),
    ("guard inner_advice inner_lr inf",
     lambda d: inner_advice(1, np.inf), ["inner_lr", "inf"]),
    ("divergence_map family the text 'sinusoid', where the family is meant",
     lambda d: _map_family_text(), ["family", "sinusoid"]),
    ("adapt sgd_path stop_on_divergence the word 'yes'",
     lambda d: _sgd_path_stop_text(), ["stop_on_divergence", "yes"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy maml first_order the text 'True'",
     lambda d: make_strategy("maml", meta_batch=2, first_order="True"),
     ["first_order", "True"]),
    ("make_strategy anil meta_batch 2.0, a whole float for a count",
     lambda d: make_strategy("anil", meta_batch=2.0), ["meta_batch", "2.0"]),
    ("make_strategy closed_form learn_scale 0.5, a fraction for a switch",
     lambda d: make_strategy("closed_form", meta_batch=2, learn_scale=0.5),
     ["learn_scale", "0.5"]),
    ("make_strategy r2d2 n_query 2.5, a fraction of a point",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, n_query=2.5),
     ["n_query", "2.5"]),
    ("make_strategy subset subset_size the word 'ten'",
     lambda d: make_strategy("subset", meta_batch=2, subset_size="ten"),
     ["subset_size", "ten"]),
    ("make_strategy maml family 'omniglott', a letter doubled",
     lambda d: make_strategy("maml", family="omniglott", meta_batch=2), ["omniglott"]),
    ("make_strategy multitask lam inf",
     lambda d: make_strategy("multitask", meta_batch=2, lam=np.inf), ["lam", "inf"]),
    ("make_strategy pretrained meta_batch -25, a sign slip",
     lambda d: make_strategy("pretrained", meta_batch=-25), ["meta_batch", "-25"]),
    ("make_strategy anil model the MLP class itself, not a network",
     lambda d: make_strategy("anil", model=MLP, meta_batch=2), ["model"]),
    ("make_strategy maml metalr=0.01, the hyperparameter's name without its underscore",
     lambda d: make_strategy("maml", meta_batch=2, metalr=0.01), ["metalr"]),
    ("with_test_time inner_lr 1e400 on a reptile strategy, a step that overflows to inf",
     lambda d: with_test_time(make_strategy("reptile", meta_batch=2), inner_lr=1e400),
     ["inner_lr", "inf"]),
]

# --- train, evaluate, select_test_time, held_out_tasks in the library

EVALUATE_CASES = [
    ("train strategy the name 'maml', where the strategy object is meant",
     lambda d: train("maml", 2, 0), ["strategy", "maml"]),
    ("train seed 1e400 in the library, a seed that overflows to inf",
     lambda d: train(_maml(), 2, 1e400), ["seed", "inf"]),
    ("train checkpoint_every -100 with a checkpoint, a sign slip",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every=-100),
     ["checkpoint_every", "-100"]),
    ("train resume 2 with a checkpoint, a count for a switch",
     lambda d: train(_maml(), 2, 0, checkpoint=_good(d), resume=2), ["resume", "2"]),
    ("train log_every 2.5, a fraction of a step",
     lambda d: train(_maml(), 2, 0, log_every=2.5), ["log_every", "2.5"]),
    ("evaluate on_divergence 'warn', not one of its choices",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, on_divergence="warn",
                        **_small()), ["on_divergence", "warn"]),
    ("evaluate chunk_size 1e400 in the library, a count that overflows to inf",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, chunk_size=1e400, **_small()),
     ["chunk_size", "inf"]),
    ("evaluate n_support 2.5 in the library, a fraction of a point",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_support=2.5)),
     ["n_support", "2.5"]),
    ("select_test_time candidates [[0.01, 0.1]], the step sizes nested in a list",
     lambda d: _select(candidates=[[0.01, 0.1]]), ["candidates"]),
    ("select_test_time n_query 2.5, a fraction of a point",
     lambda d: _select(n_query=2.5), ["n_query", "2.5"]),
    ("held_out_tasks n_tasks the word 'two'",
     lambda d: held_out_tasks(Sinusoid(), "two", 5, 5), ["n_tasks", "two"]),
]

# --- checkpoints

def _npy_named_npz(d):
    path = d / "run.npz"
    with open(path, "wb") as f:
        np.save(f, np.arange(6.0))
    return path


def _save_step_huge(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "new.npz", ckpt.state, step=1e400, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses)


def _save_config_object(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "new.npz", ckpt.state, step=ckpt.step, seed=ckpt.seed,
                           config=make_strategy("maml", meta_batch=2).config,
                           meta_losses=ckpt.meta_losses)


def _save_json_suffix(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "run.json", ckpt.state, step=ckpt.step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses)


def _resume_wider(d):
    return train(make_strategy("maml", model=MLP((1, 80, 80, 1)), meta_batch=2), 4, 0,
                 checkpoint=_good(d), resume=True)


STEP_1D = _set_entry("step1d", "meta/step", lambda a: np.atleast_1d(a))
P5_CUBE = _set_entry("p5cube", "state/params/5", lambda a: a.reshape(1, 1, -1))
T_TEXT = _set_entry("ttext", "state/adam/t", lambda a: np.array(str(a)))
X_EXTRA = lambda d: _damaged(d, "xextra",
                             lambda a: a.__setitem__("state/adam/x/0", np.ones(3)))
LOSSES_TEXT = _set_entry("losstext", "meta/meta_losses", lambda a: np.asarray(a).astype(str))


CHECKPOINT_CASES = [
    ("load_checkpoint a .npy file (np.save of one array) named run.npz",
     lambda d: load_checkpoint(_npy_named_npz(d)), ["run.npz"]),
    ("restore a checkpoint whose meta/step is a 1-D array of one step",
     lambda d: restore(STEP_1D(d)), ["meta/step"]),
    ("restore a checkpoint whose state/params/5 is reshaped to 3-D (1, 1, n)",
     lambda d: restore(P5_CUBE(d)), ["state/params/5"]),
    ("restore a checkpoint whose state/adam/t is the text of its count",
     lambda d: restore(T_TEXT(d)), ["state/adam/t"]),
    ("restore a checkpoint with an extra entry state/adam/x/0, a third Adam moment",
     lambda d: restore(X_EXTRA(d)), ["state/adam/x/0"]),
    ("save_checkpoint step 1e400, a count that overflows to inf",
     lambda d: _save_step_huge(d), ["step", "inf"]),
    ("save_checkpoint config the strategy's MAMLConfig object, not the recorded dict",
     lambda d: _save_config_object(d), ["config"]),
    ("save_checkpoint path 'run.json', another format's suffix",
     lambda d: _save_json_suffix(d), ["run.json"]),
    ("train on the command line out '.npz', a suffix with no name",
     lambda d: ["train", "--steps", "2", "--meta-batch", "2", "--out", str(d / ".npz")],
     ["--out", ".npz"]),
    ("evaluate on the command line a checkpoint whose meta/meta_losses holds text",
     lambda d: ["evaluate", "--checkpoint", str(LOSSES_TEXT(d)), "--tasks", "4", "--steps",
                "1"], ["meta/meta_losses"]),
    ("library train resume the good maml checkpoint with a maml of a wider model (1, 80, 80, 1)",
     lambda d: _resume_wider(d), ["80"]),
]

# --- nn, optim, batchnorm

def _adam_grads_text():
    params = _params()
    grads = [np.full(a.shape, "1.0") for a in params]
    return adam_update(params, grads, adam_init(params), 1e-3)


NN_CASES = [
    ("MLP activation 'Tanh' in capitals",
     lambda d: MLP((1, 8, 1), activation="Tanh").init(_rng()), ["activation", "Tanh"]),
    ("MLP sizes (1, 8, 0), a network with no outputs",
     lambda d: MLP((1, 8, 0)).init(_rng()), ["sizes", "0"]),
    ("MLP dtype bool, a type of true and false for the parameters",
     lambda d: MLP((1, 8, 1), dtype=bool).init(_rng()), ["dtype", "bool"]),
    ("MLP apply x of shape (1, 5, 0), points without input features",
     lambda d: MLP((1, 8, 1)).apply(_params(), np.zeros((1, 5, 0))), ["x"]),
    ("MLP init rng the text '7', a seed written as text",
     lambda d: MLP((1, 8, 1)).init("7"), ["rng"]),
    ("per_task n_tasks 5+0j, a complex count",
     lambda d: per_task(_params(), 5 + 0j), ["n_tasks"]),
    ("nn split params None",
     lambda d: split(None), ["params"]),
    ("adam_update lr the text '1e-3', a number as text",
     lambda d: _adam(lr="1e-3"), ["lr", "1e-3"]),
    ("adam_update grads the text of ones",
     lambda d: _adam_grads_text(), ["grads"]),
    ("adam_rows beta1 the word 'high'",
     lambda d: _rows(beta1="high"), ["beta1", "high"]),
    ("batch_norm offset a column (3, 1) for 3 features, where a row (3,) is meant",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), offset=np.zeros((3, 1))),
     ["offset"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _target_dict(self, task_params, x):
    return {"y": np.asarray(x) ** 2}


def _x_inf(self, rng, task_params, n_points):
    return np.full((len(task_params), n_points, 1), np.inf)


def _params_one_fewer(self, rng, n_tasks):
    return rng.uniform(-1, 1, size=(n_tasks - 1, 3))


TASK_CASES = [
    ("LinearRegression mean (1.0, inf), an endless mean intercept, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean=(1.0, np.inf)), 2, 5, 5), ["mean"]),
    ("Sinusoid x_range (-inf, 5.0), an endless range, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=(-np.inf, 5.0)), 2, 5, 5), ["x_range"]),
    ("Sinusoid x_range the text '-5..5', in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range="-5..5"), 2, 5, 5), ["x_range", "-5..5"]),
    ("SinusoidFrequency frequency the word 'fast', in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency="fast"), 2, 5, 5),
     ["frequency", "fast"]),
    ("GaussianClusters n_way 1e400, a count that overflows to inf, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way=1e400), 2, 5, 5), ["n_way", "inf"]),
    ("GaussianClusters spread -inf, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread=-np.inf), 2, 5, 5), ["spread", "-inf"]),
    ("make_family clusters dims=4, the keyword misspelt",
     lambda d: make_family("clusters", dims=4), ["dims"]),
    ("accuracy logits of text",
     lambda d: accuracy(np.full((2, 5, 3), "0.5"), np.eye(3)[np.zeros((2, 5), int)]),
     ["logits"]),
    ("a user's Quadratic TaskFamily whose target returns a dict {'y': ...}, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_dict), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_x returns inf, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(sample_x=_x_inf)), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose sample_params returns one task fewer than asked, "
     "in train",
     lambda d: _train_quadratic(_quadratic(sample_params=_params_one_fewer)),
     ["sample_params"]),
]

# --- Omniglot

OMNIGLOT_CASES = [
    ("Omniglot n_way the text '5'",
     lambda d: _sample(Omniglot("5", data=_data())), ["n_way", "5"]),
    ("Omniglot rotate 2, a count for a switch",
     lambda d: _sample(Omniglot(5, data=_data(), rotate=2)), ["rotate", "2"]),
    ("Omniglot split 'Validation' in capitals",
     lambda d: _sample(Omniglot(5, split="Validation", data=_data())),
     ["split", "Validation"]),
    ("Omniglot n_train 1e400, a count that overflows to inf",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=1e400)), ["n_train", "inf"]),
    ("Omniglot sample n_query 1e400, a count that overflows to inf",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, 5, 1e400), ["n_query", "inf"]),
    ("finn_split n_validation the word 'ten'",
     lambda d: finn_split(_data().alphabets, _data().characters, n_validation="ten"),
     ["n_validation", "ten"]),
    ("check_shots n_way the word 'five'",
     lambda d: check_shots("five", 2, 5, 5), ["n_way", "five"]),
    ("omniglot_compare families data the text of a folder, where the drawings are meant",
     lambda d: families(str(d), n_way=5), ["data"]),
    ("omniglot_compare build shots 2.5, a fraction of a shot",
     lambda d: build("maml", Omniglot(5, data=_data()), 2.5), ["shots", "2.5"]),
    ("omniglot_compare episodes n_tasks -3, a sign slip",
     lambda d: episodes(Omniglot(5, data=_data()), -3, 1, 0), ["n_tasks", "-3"]),
    ("train omniglot on the command line with n-query -5, a sign slip",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--n-query", "-5", "--out", str(d / "omni.npz")], ["--n-query", "-5"]),
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


def test_the_hundredtwentieth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredtwentieth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
