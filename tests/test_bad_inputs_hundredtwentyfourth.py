"""A hundred-and-twenty-fourth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit 938a415,
from the user's side only, in about twenty minutes: ``--help`` of ``train``, ``evaluate`` and
``compare`` (the README was not read, for time); the public function signatures
(``inspect.signature`` of the functions each module defines, no class methods) of
``scratchmeta.meta``'s public modules (``maml``, ``anil``, ``reptile``, ``ridge``, ``r2d2_head``,
``softmax_head``, ``closed_form``, ``exploding``, ``subset``, ``multitask``, ``baselines``,
``maml_low_rank``, ``normalization``, ``newton_head``, ``guard``, ``adapt``, ``evaluate``,
``registry``, ``checkpoint``, ``omniglot_compare``; not ``checks``/``protocol``/``messages``),
``nn``, ``optim``, ``batchnorm`` and ``datasets.omniglot``, and of ``datasets.omniglot_tasks``'
``check_shots``, ``Omniglot``, ``Omniglot.sample`` and ``finn_split``;
``tests/test_bad_inputs_cli.py``'s module docstring (its first 20 lines) and a listing of its
``def`` lines; the two templates, the hundred-and-twenty-second and the hundred-and-twentieth, in
full; the ids of every earlier battery (extracted by ``ast``, see below). Imported, not copied:
``_good``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the ninety-second's
``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's ``_clusters_batch``,
``_compare_on``, ``_features``, ``_maml``, ``_problem``, ``_resumed``, ``_sample``, ``_select``,
``_set_entry``, the ninety-sixth's ``_quadratic``, ``_save_fields``, ``_train_quadratic``,
``_under_the_batteries_ulimit`` (imported, in the end not needed), the hundred-and-second's
``_needs_omniglot`` and ``_params``. No library source body, library docstring, validation
module, history or file of /work/main was read. Disclosed: to learn the helpers' signatures, a
``grep -A1``/``sed`` of the earlier batteries printed the first line or two of many helpers and
the bodies of ``test_bad_inputs_cli``'s ``TRAIN``, ``_text`` and ``_truncated``, the
ninety-fourth's ``_resumed``, ``_compare_on``, ``_select`` and its first CLI case list, the
ninety-sixth's ``_save_fields`` and the hundred-and-second's ``_rows`` (test code, not library
code); the commit was read with ``git rev-parse --short HEAD``; the good checkpoint's entry names
and shapes (``state/params/0..5``, ``state/adam/v/2``) were listed once with ``np.load``. Before
the first run, good calls were made to get the plumbing right (``multitask_loss`` with per-task
heads, ``pooled_loss``, ``sharpness``, ``first_step_change``, ``adaptation_curves``,
``r2d2_logits``, ``with_bias``, ``subset_indices``, ``ridge_head``, ``reptile_step``,
``meta_loss_low_rank``, ``adam_rows``, ``finn_init``, ``adam_init``, the ``Quadratic`` in
``held_out_tasks``, ``hyperparameters``, ``with_test_time`` on anil, ``_select``, ``episodes``,
``build``, ``families``, ``check_shots``, ``Omniglot.sample``, ``restore`` with a root,
``_save_fields``, library ``train`` resuming the good checkpoint): all worked but three, whose
messages are disclosed here: ``_rows`` passes its rows positionally (a Python TypeError for a
``rows`` keyword; so the adam_rows case calls ``adam_rows`` itself), ``check_shots(5, 20, 1, 1)``
and ``Omniglot.sample(rng, 2, 1, 1)`` said "n_support must be a multiple of n_way=5" (so the
check_shots case passes ``n_drawings`` by keyword and the sample case asks for 5 and 5), and
``restore(good, root=folder)`` said "--root applies to omniglot checkpoints; ... holds a
sinusoid run" (seen before the run; the ``restore root 5.0`` case was left as written). Every
case writes only inside its temporary folder (``git status --short`` after the runs shows this
file only). The id list, scripts and the per-case message listing were kept outside the
worktree, in /tmp/wt124_scratch. SCRATCHMETA_DATA was unset. The runs were made as root (so no
read-only-folder case was written: root writes through it).

Areas, as written: train on the command line -- maml on sinusoid, fomaml on linear, anil,
closed_form, r2d2, newton_head, subset and scratch on clusters, reptile on sinusoid_frequency,
multitask on linear, one resumed (r2d2 on clusters) (11); evaluate and compare on the command
line -- runs of maml, anil, fomaml (clusters), pretrained, scratch; an empty path, a file with
garbage before it; compare of anil on clusters, subset on linear, newton_head on clusters, a
misspelt strategy (11); Chapter 2's functions -- meta_loss_low_rank, multitask_loss,
pooled_loss, adaptation_curves, sharpness, first_step_change, ridge_head, with_bias,
subset_indices, reptile_step, r2d2_logits (11); strategies and the registry -- make_strategy
(name, subset, reptile, fomaml, newton_head, anil, maml with a model), hyperparameters (two),
with_test_time (anil, maml) (11); library train (three), evaluate (four), select_test_time
(two), held_out_tasks, task_rng (11); checkpoints -- load_checkpoint (two), restore (four),
save_checkpoint (three), train --resume and evaluate on the command line (11); nn/optim/batchnorm
-- MLP sizes (two), activation, apply, init; per_task, split, adam_init, adam_update, adam_rows,
finn_init (11); task families -- LinearRegression, Sinusoid, SinusoidFrequency,
GaussianClusters (two), make_family (two), accuracy, the ninety-sixth's ``Quadratic`` with one
method changed (three) (11); Omniglot -- Omniglot's n_way, split, data, n_validation, sample
n_tasks; finn_split, check_shots, omniglot_compare's families, episodes, build; train omniglot on
the command line (11): 99 written.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --checkpoint-every 'never', --log-every 'every 10', --inner-steps III (Roman
  numerals), --set meta_lr=0.001j, --set learn_lam=0.5, --n-query 2**4, --set subset_size=five,
  --meta-batch ' ' (one space); evaluate --steps '+-1', --support a full-width five, --seed
  2.2e1, --tasks 'six hundred'; compare --eval-seed 22.5, --support 0.0; meta_loss_low_rank
  inner_steps 1.5, multitask_loss x of text, pooled_loss model None, adaptation_curves n_steps
  'five', sharpness seed 'abc', ridge_head lam 1+1j, with_bias features of text, r2d2_logits lam
  'auto'; make_strategy subset_size [3], meta_lr 'slow', family the class GaussianClusters,
  inner_steps 1e400 (anil); hyperparameters a list of two names; with_test_time inner_steps 'ten',
  inner_lr '0.01'; train n_steps '1e3', checkpoint a dict, seed '0x16'; evaluate n_steps 0.5,
  state {}, seed 'twenty-two', family a bound method; select_test_time n_tasks '1';
  held_out_tasks family the class Sinusoid; task_rng i 'first'; load_checkpoint a set of one
  path; restore root 5.0; save_checkpoint state the Adam moments alone, meta_losses complex; MLP
  sizes (1, 8, 1.5), a 2-D array of widths, apply x a nested list of strings, init rng the module
  np.random; per_task params a string; split []; adam_init params of text; adam_update state the
  params list; finn_init sizes the int 40; LinearRegression noise a pair; SinusoidFrequency
  phase with a complex end; GaussianClusters n_way 'five', dim [8]; make_family name 5; Omniglot
  split None, data 'cache', n_validation 'all', sample n_tasks True; finn_split n_validation nan;
  check_shots n_drawings 20.5; families data 3; episodes seed 'abc';
- out of range -- zero, negative, NaN, inf, huge, a seed too large: --lam -1e-3, --set
  n_train_tasks=1e400, resume --set lam=1e400; evaluate --query -0; subset_indices n_support -5;
  reptile_step meta_lr inf; select_test_time candidates holding inf; Omniglot n_way 2**40;
- a wrong shape: first_step_change params one array short; adam_rows rows 2-D; accuracy
  y_onehot of 4 classes for 3; Sinusoid amplitude (0.1,) (one end);
- a user's function that misbehaves (``Quadratic``): target returns y with tasks and points
  swapped, sample_params returns bools, sample_x returns no task axis;
- files and paths: evaluate --checkpoint '' and a checkpoint with ten bytes of garbage
  prepended; load_checkpoint a folder named run.npz; restore with state/params/4 transposed,
  meta/step the bool True, state/adam/v/2 negative; save_checkpoint to a path with a NUL
  character; train --resume of a checkpoint whose state/params/0 has no rows; evaluate a
  checkpoint whose meta/format names an older format ('scratchmeta-checkpoint-1');
- mismatches: make_strategy newton_head on sinusoid (a regression family for a softmax head);
  make_strategy maml with a model of three inputs for sinusoid's one; restore root on a sinusoid
  checkpoint (a float besides);
- typos and misspellings: compare 'closedform', make_strategy 'maml()', hyperparameters
  'Fomaml', MLP activation 'gelu', make_family 'Linear', build 'mamal', train omniglot --dtype
  'Float32'.

Repeats: the 15,100 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; by the first four words; an earlier id that is a
whole-word prefix of a draft), over four rounds, and by about 200 function-and-kind greps over
the same list (e.g. ``checkpoint-every 1e3``, ``log-every 0x``, ``III``, ``0.001j``, ``lam
-1e-3``, ``learn_lam=1``, ``support 1e2``, ``n_train_tasks=-1``, ``subset_size=five``,
``space``, ``lam=-1``, ``steps 10.0``, ``query -0``, ``full-width``, ``22L``, ``6e2``,
``checkpoint ''``, ``gzip``, ``bz2``, ``bzip``, ``adapt-steps 'all'``, ``eval-seed -``, ``query
''``, ``r2-d2``, ``closedform``, ``1k``, ``'5 steps'``, ``0x20``, ``octal``, ``garbage``,
``meta_loss_low_rank``, ``multitask_loss``, ``pooled_loss loss|x|y``, ``adaptation_curves
n_steps``, ``sharpness seed``, ``population_statistics x``, ``first_step_change batch|model|
params``, ``ridge_head lam``, ``with_bias features``, ``subset_indices subset_size|n_tasks|
n_support``, ``reptile_step meta_lr|inner_steps``, ``r2d2_logits offset|lam``, ``phi_query``,
``from_theta0``, ``make_strategy name``, ``subset subset_size -``, ``subset_size 1e400``,
``reptile meta_lr``, ``family the class``, ``anil inner_steps``, ``three inputs``,
``hyperparameters [0-9]``, ``hyperparameters a list``, ``'Fomaml'``, ``with_test_time
inner_steps|inner_lr``, ``train n_steps|checkpoint|seed``, ``'1e3'``, ``'0x16'``, ``evaluate
n_steps 0.5``, ``evaluate state an empty``, ``evaluate seed``, ``evaluate family None|a list``,
``candidates``, ``select_test_time seed``, ``held_out_tasks seed -``, ``held_out_tasks family
the class``, ``task_rng i``, ``load_checkpoint a list``, ``restore root``, ``transposed``,
``meta/step complex|True``, ``adam/v``, ``NUL``, ``meta/seed -``, ``meta/format``,
``save_checkpoint state``, ``meta_losses``, ``sizes (1, 8, 1.5``, ``sizes a dict``,
``frozenset``, ``sizes a 2-D``, ``'gelu'``, ``apply x a nested``, ``random.Random``, ``per_task
params``, ``split params``, ``adam_init params``, ``adam_update state``, ``rows a 2-D``,
``finn_init sizes``, ``noise the pair``, ``amplitude (5.0, 0.1``, ``amplitude (0.1``, ``phase
(nan``, ``phase a complex``, ``n_way the text 'five'``, ``dim [8]``, ``make_family 'Linear'``,
``make_family name``, ``y_onehot of 4``, ``trailing axis``, ``sample_params returns``, ``no task
axis``, ``Omniglot n_way 2**``, ``Omniglot split None``, ``data 'cache'``, ``n_validation the
word``, ``sample n_tasks True``, ``finn_split n_validation nan``, ``check_shots n_drawings``,
``families data``, ``episodes seed``, ``build name``, ``Float32``, ``root a file``). The earlier
list is dense, so drafts were replaced many times before any run; exact earlier ids among the
drafts (all replaced): ``hyperparameters None, where a strategy's name is meant``, ``train
checkpoint the int 5, where a path is meant``, ``train seed 2**64 in the library, a seed too
large``, ``evaluate family the name 'sinusoid', where the family object is meant``,
``load_checkpoint path None``, ``save_checkpoint state None``, ``save_checkpoint seed 2**64, a
seed too large``, ``MLP apply x complex``, ``MLP init rng the module np.random, where a
Generator is meant``, ``per_task params None``, ``GaussianClusters n_way 1, one class to tell
apart, in held_out_tasks``, ``a user's Quadratic TaskFamily whose target returns nested Python
lists, in held_out_tasks``, ``Omniglot n_validation 2.5, a fraction of a character``,
``omniglot_compare families data None``, ``train omniglot on the command line with dtype
float16, not one of its choices``; replaced for substance (among others): --checkpoint-every 1e3
and 1k, --log-every 0x10, --set learn_lam=1.0, --n-support 1e2, --set n_train_tasks=-1 and
0x20, resume --set lam=-1, evaluate --steps 10.0, --seed 22L, --tasks 6e2, a gzipped and a
bzip2 checkpoint, compare --eval-seed -22, --query '', 'r2-d2'; meta_loss_low_rank inner_steps
-1, multitask_loss heads None, pooled_loss loss None, sharpness seed -1, first_step_change
batch None, with_bias features 1-D and complex, subset_indices subset_size 9 of 5 and n_tasks,
r2d2_logits offset 'zero'; make_strategy name None, subset subset_size -4 and 1e400,
with_test_time inner_steps -2; train n_steps True; evaluate n_steps -1, family a list;
select_test_time candidates with -0.1, n_tasks 0; held_out_tasks seed -1; task_rng i 1.5;
load_checkpoint a list of two paths; restore meta/step complex, root an int; save_checkpoint
meta_losses None; train --resume of meta/seed -5; MLP sizes (1, -8, 1), '1,8,1', a frozenset;
adam_update state None; adam_rows rows of floats; finn_init sizes (1, 0, 1); LinearRegression
noise -0.1; Sinusoid amplitude (5.0, 0.1); SinusoidFrequency phase (nan, 1.0); GaussianClusters
dim True; Quadratic sample_params text; Omniglot n_way 0. No exact id repeats (checked by the
script against the same list after the last change).

Disclosed: after the first run, a look at the drafts' first-four-word matches (which the script
flagged and the writer, taking them for the shared phrasing, had not read before the run) showed
that three kept cases repeat the substance of an earlier id, and one is very near; all four were
left in, since the list was fixed before the run: ``with_test_time inner_lr the text '0.01' on
a maml strategy`` (kept; earlier ``with_test_time inner_lr the text '0.01', a number as text``),
``MLP init rng the module np.random, the legacy global generator`` (kept; earlier ``MLP init rng
the module np.random, where a Generator is meant`` -- an exact draft reworded, not replaced, a
slip of the writer's), ``a user's Quadratic TaskFamily whose target returns y with tasks and
points swapped, in held_out_tasks`` (kept; earlier ``... target returns tasks and points axes
swapped, in evaluate``) and, near, ``omniglot_compare episodes seed the word 'abc'`` (kept;
earlier ``... seed the word 'zero'``). All four were clear; the lead may discount them (without
the three repeats, kept 58 of 60 clear, 96.7%).

Near earlier ids, kept as new ways (the lead may judge): ``--checkpoint-every 'never'`` near
``1k``; ``--log-every 'every 10'`` near ``'5 steps'``; ``--set learn_lam=0.5`` near
``closed_form set learn_lam=1.0``; ``--set n_train_tasks=1e400`` near ``=-1000``; resume ``--set
lam=1e400`` near ``multitask set lam=-1``; ``--query -0`` near ``--meta-batch -0``; the
full-width five near other full-width digits; ``--seed 2.2e1`` near ``train seed 1e3``;
``--checkpoint ''`` near ``load_checkpoint the empty path ''``; garbage prepended near the
compressed checkpoints; ``--eval-seed 22.5`` near ``--eval-seed -22``; ``--support 0.0`` near
``--query -0``; ``'closedform'`` near ``head_init 'closedform'``; ``inner_steps 1.5`` near
``meta_loss_low_rank inner_lr -0.01``; ``pooled_loss model None`` near ``loss None``; ``sharpness
seed 'abc'`` near ``-4``; ``first_step_change params`` one array short near ``params of another
model``; ``with_bias`` text near complex; ``subset_indices n_support -5`` near ``0``;
``reptile_step meta_lr inf`` near ``reptile meta_lr inf``; ``r2d2_logits lam 'auto'`` near ``lam
True``; ``subset_size [3]`` near ``subset_batch subset_size 1e400``; ``'maml()'`` near the
other make_strategy names; ``hyperparameters`` a list near ``42``; ``train checkpoint`` a dict
near ``load_checkpoint a dict holding the path``; ``evaluate family`` a bound method near ``a
list of two Sinusoids``; ``held_out_tasks family the class`` near ``make_strategy family the
class``; ``load_checkpoint`` a set near ``a list of two paths``; ``restore root 5.0`` near ``an
int``; ``meta/step True`` near ``load meta/step complex``; ``state/adam/v/2`` negative near
``v/1 holds inf``; the older ``meta/format`` near ``a trailing space``; ``meta_losses`` complex
near ``save meta_losses None``; ``MLP sizes (1, 8, 1.5)`` near ``(1, 8, 1.0)``; a 2-D sizes
array near ``a frozenset``; x a nested list of strings near ``a column of strings with units``;
``split []`` near ``the dict_values``; ``finn_init sizes 40`` near ``(1, 0, 1)``; ``amplitude
(0.1,)`` near ``(0.1, '5.0')`` and ``x_range (-5.0,)``; ``phase`` complex near ``(nan, 3.0)``;
``sample_params`` bools near ``text``; ``sample_x`` no task axis near ``one task too few``;
``Omniglot n_way 2**40`` near ``2000``; ``families data 3`` near ``the text of a folder``;
``'Float32'`` near ``MLP dtype ... float32``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 99. After the
first run no case was added, dropped, reordered or swapped and no mentions were changed
(``DROPPED`` is empty).

Memory and time: no case asks for an allocation past the counts checked before work (``n_way
2**40`` is refused against the 1,100 characters; the 1e400 counts are refused as inf), so the
ninety-sixth's ``_under_the_batteries_ulimit`` was not needed; the whole script ran in about ten
seconds (pytest about 70 seconds).

First run at 938a415 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, 61 of 63 clear (96.8%), 2 unclear, 0 silent, 0 data loss -- cli train 7/7,
evaluate/compare 7/7, meta functions 7/7, strategies 6/7 (1 unclear), evaluate and train 7/7,
checkpoints 6/7 (1 unclear), nn/optim/batchnorm 7/7, task families 7/7, omniglot 7/7. Written
(``--written``): 97 of 99 clear (98.0%), 2 unclear, 0 silent, 0 data loss -- every area 11/11
except strategies 10/11 and checkpoints 10/11 (the same two cases). Under pytest (run once): 2
failed (the two unclear cases below), 62 passed (61 kept clear cases and the wide-and-new test).

Not clear, kept:
- ``make_strategy newton_head family 'sinusoid', a regression family for a softmax head``:
  unclear by the harness (does not name ``newton_head``) -- "ValueError: NewtonHead fits a
  classifier, so the family must have the cross-entropy loss; got the family 'sinusoid',
  Sinusoid(amplitude=[0.1, 5.0], phase=[0.0, 3.141592653589793], x_range=[-5.0, 5.0]), whose
  loss is mse". The message names the family and why it does not fit, but names the strategy
  by its class, NewtonHead, not by the name the user typed, 'newton_head' (the mentions are
  matched case-sensitively); the lead may judge this mention strict -- the message is otherwise
  a good one.
- ``evaluate on the command line a checkpoint whose meta/format names an older format``:
  unclear (does not name the value or the entry) -- "error: --checkpoint .../fmtold.npz: flat is
  not a format-1 state of strategy class 'MAML': it has no entry 'params' (numbered ones are
  params0, params1, ...); its keys are ['params/0', 'params/1', 'params/2', 'params/3',
  'params/4', 'params/5']". A meta/format of 'scratchmeta-checkpoint-1' is taken at its word and
  the file read as format 1, so the user is told about an internal 'flat' and entries named
  params0..., not that meta/format says 'scratchmeta-checkpoint-1' where the file's entries
  are those of the current format (one line and exit 2, but sending the user the wrong way).

Not clear, written and not kept: none.

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --inner-steps:
expected a non-negative integer, written in plain decimal digits, got 'III' ...", "error: --set
meta_lr=0.001j: meta_lr must be a finite number (or null for the default), got '0.001j' (a
string)", "error: --set lam=1e400 (read as inf): lam must be a finite number, got inf",
"error: --checkpoint must be a file path, got the empty path ''", "error: --checkpoint
.../garbage.npz: '.../garbage.npz' is not a checkpoint: it is a binary file of another kind
(starts with b'0123456789PK\\x03\\x04-\\x00'), ...", "error: compare: argument --strategies: invalid
choice: 'closedform' (choose from ...)", "TypeError: family must be a task family instance, e.g.
GaussianClusters(), got the class GaussianClusters itself", "ValueError: path (a .npz
checkpoint) must be a file path, got '.../run\\x00.npz', which holds a NUL byte (no file name
can)", "ValueError: '.../v2neg.npz' is damaged: entry state/adam/v/2 holds 1600 negative values;
Adam's second moments are means of squares, never negative", "error: --out .../p0empty.npz:
'.../p0empty.npz' is damaged: entry state/params/0 has shape (0, 40), but meta/config records an
MLP of sizes [1, 40, 40, 1], whose array 0 has shape (1, 40)", "TypeError:
UserQuadratic.sample_params must return task parameters of real numbers ..., got dtype bool",
"ValueError: n_way=1099511627776 is larger than the 1100 characters of the 'train' split
..."). Clear by the harness but slightly off: ``restore root 5.0`` on a sinusoid checkpoint is
refused because --root applies only to omniglot checkpoints ("... (got root=5.0)"), not for the
float, and the library message says "--root" (the CLI's name) for the keyword ``root``;
``save_checkpoint`` of the Adam moments alone says "it holds none of the model's parameters ...
its entries are state/m/0, ..." (names state, right, but in terms of entries); ``multitask_loss
x``, ``with_bias features`` and ``MLP apply x`` of text and ``adam_update state`` the params list
print the arrays' repr over several lines; ``Omniglot n_validation 'all'`` says "n_train and
n_validation must be positive integers, got 1100 and 'all'" (both named); ``meta_loss_low_rank
inner_steps 1.5``, ``adaptation_curves n_steps 'five'``, ``sharpness seed 'abc'``,
``with_test_time inner_steps 'ten'``/``inner_lr '0.01'``, ``train n_steps '1e3'``, ``evaluate
seed 'twenty-two'``, ``select_test_time n_tasks '1'``, ``task_rng i 'first'``,
``GaussianClusters n_way 'five'``/``dim [8]``, ``Omniglot sample n_tasks True``, ``episodes
seed 'abc'`` and ``finn_split n_validation nan`` raise ValueError where TypeError would fit a
value of the wrong type (both are allowed); ``make_strategy anil inner_steps 1e400`` and ``--set
n_train_tasks=1e400`` raise TypeError / say "must be an integer" for an out-of-range float
(allowed).
Measured on main at 938a415, the commit it was written at, blind (the lead reran it there,
with the hundred-and-twenty-fifth beside it): kept, 61 of 63 clear (96.8%), 2 unclear, 0
silent, 0 data loss; the pair, 115 of 118 (97.5%). Round 82 (with sight of this file, not
blind): make_strategy refuses a classifier strategy on a regression family under the name it
was called by and its class ("'newton_head' (NewtonHead) fits a classifier ..."); a checkpoint
whose meta/format names the first edition's layout while its state is not one is "damaged:
its meta/format 'scratchmeta-checkpoint-1' names the first edition's layout, but its state is
not a format-1 state ..."; restore's refusal of a root for another family's run calls it
"root (--root)", the keyword first (its check of the family stays before the folder's, as the
seventh battery's case of an empty root on a sinusoid run asks). Both kept misses are clear at HEAD. The lead dropped four imports the file did not
use (pyflakes); no case changed.
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import from_theta0
from scratchmeta.meta.baselines import pooled_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.normalization import adaptation_curves, first_step_change, sharpness
from scratchmeta.meta.omniglot_compare import build, episodes, families
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.ridge import ridge_head, with_bias
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _evaluate, _maml_state, _small
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _features, _maml,
                                          _problem, _resumed, _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import _quadratic, _save_fields, _train_quadratic
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_hundredth import _x_no_task_axis

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train maml on sinusoid with checkpoint-every 'never', a word for no checkpoints",
     _train("--strategy", "maml", "--family", "sinusoid", "--checkpoint-every", "never"),
     ["--checkpoint-every", "never"]),
    ("train fomaml on linear with log-every 'every 10', words around the count",
     _train("--strategy", "fomaml", "--family", "linear", "--log-every", "every 10"),
     ["--log-every", "every 10"]),
    ("train anil on clusters with inner-steps III, a count in Roman numerals",
     _train("--strategy", "anil", "--family", "clusters", "--inner-steps", "III"),
     ["--inner-steps", "III"]),
    ("train reptile on sinusoid_frequency with set meta_lr=0.001j, an imaginary step",
     _train("--strategy", "reptile", "--family", "sinusoid_frequency", "--set",
            "meta_lr=0.001j"), ["meta_lr", "0.001j"]),
    ("train closed_form on clusters with lam -1e-3, a penalty just below zero",
     _train("--strategy", "closed_form", "--family", "clusters", "--lam", "-1e-3"),
     ["--lam", "-1e-3"]),
    ("train r2d2 on clusters with set learn_lam=0.5, a fraction for a switch",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "learn_lam=0.5"),
     ["learn_lam", "0.5"]),
    ("train newton_head on clusters with n-query 2**4, a Python power for a count",
     _train("--strategy", "newton_head", "--family", "clusters", "--n-query", "2**4"),
     ["--n-query", "2**4"]),
    ("train multitask on linear with set n_train_tasks=1e400, a count that overflows",
     _train("--strategy", "multitask", "--family", "linear", "--set", "n_train_tasks=1e400"),
     ["n_train_tasks", "1e400"]),
    ("train subset on clusters with set subset_size=five, a count spelt out",
     _train("--strategy", "subset", "--family", "clusters", "--set", "subset_size=five"),
     ["subset_size", "five"]),
    ("train scratch on clusters with meta-batch of one space, a blank count",
     _train("--strategy", "scratch", "--family", "clusters", "--meta-batch", " "),
     ["--meta-batch"]),
    ("train resume an r2d2 clusters run with set lam=1e400, a penalty that overflows",
     _resumed("r2d2", "--set", "lam=1e400", family="clusters"), ["lam", "1e400"]),
]

# --- the command line: evaluate and compare

def _garbage_first(d):
    path = d / "garbage.npz"
    path.write_bytes(b"0123456789" + _good(d).read_bytes())
    return path


CLI_OTHER_CASES = [
    ("evaluate a maml run with steps '+-1', two signs",
     _evaluate(lambda d: _run(d, "maml"), "--steps", "+-1"), ["--steps", "+-1"]),
    ("evaluate an anil run with query -0, no query point with a sign",
     _evaluate(lambda d: _run(d, "anil"), "--query", "-0"), ["--query", "-0"]),
    ("evaluate a fomaml clusters run with support a full-width digit five",
     _evaluate(lambda d: _run(d, "fomaml", family="clusters"), "--support", "\uff15"),
     ["--support", "\uff15"]),
    ("evaluate a pretrained run with seed 2.2e1, a whole float in e-notation for a seed",
     _evaluate(lambda d: _run(d, "pretrained"), "--seed", "2.2e1"), ["--seed", "2.2e1"]),
    ("evaluate a scratch run with tasks 'six hundred', the count in words",
     _evaluate(lambda d: _run(d, "scratch"), "--tasks", "six hundred"),
     ["--tasks", "six hundred"]),
    ("evaluate checkpoint the empty path ''",
     lambda d: ["evaluate", "--checkpoint", "", "--tasks", "4", "--steps", "1"],
     ["--checkpoint"]),
    ("evaluate checkpoint the good run with ten bytes of garbage prepended",
     lambda d: ["evaluate", "--checkpoint", str(_garbage_first(d)), "--tasks", "4", "--steps",
                "1"], ["garbage.npz"]),
    ("compare anil on clusters with adapt-steps 'all', a word for the most steps",
     _compare_on(["anil"], "clusters", "--adapt-steps", "all"), ["--adapt-steps", "all"]),
    ("compare subset on linear with eval-seed 22.5, a fraction for the test seed",
     _compare_on(["subset"], "linear", "--eval-seed", "22.5"), ["--eval-seed", "22.5"]),
    ("compare newton_head on clusters with support 0.0, no support point as a float",
     _compare_on(["newton_head"], "clusters", "--support", "0.0"), ["--support", "0.0"]),
    ("compare strategies 'closedform', the underscore dropped",
     _compare_on(["closedform"], "linear"), ["closedform"]),
]

# --- Chapter 2's functions

def _low_rank_steps_fraction():
    model, params, batch = _problem()
    return meta_loss_low_rank(params, batch, model, inner_lr=0.01, inner_steps=1.5)


def _multitask_x_text():
    model, params, batch = _problem()
    body, head = split(params)
    heads = [np.stack([a] * batch.x_support.shape[0]) for a in head]
    return multitask_loss(body, heads, batch.x_support.astype(str), batch.y_support, model)


def _pooled_loss_model_none():
    model, params, batch = _problem()
    return pooled_loss(params, batch.x_support, batch.y_support, None, loss=mse)


def _curves_steps_word():
    model, params, batch = _problem()
    return adaptation_curves(params, batch, model, n_steps="five")


def _sharpness_seed_word():
    model, params, batch = _problem()
    return sharpness(params, batch, model, iterations=2, seed="abc")


def _first_step_params_short():
    model, params, batch = _problem()
    return first_step_change(list(params)[:-1], batch, model)


def _reptile_step_meta_lr_inf():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr=0.01, inner_steps=1, meta_lr=np.inf)


def _r2d2_lam_word():
    b = _clusters_batch()
    return r2d2_logits(b.x_support, b.y_support, b.x_query, "auto")


def _from_theta0_lr_negative():
    model, params, batch = _problem()
    return from_theta0(params, batch, model, inner_lr=-0.1, loss=mse)


META_CASES = [
    ("meta_loss_low_rank inner_steps 1.5, a fraction of a step",
     lambda d: _low_rank_steps_fraction(), ["inner_steps", "1.5"]),
    ("multitask_loss x of text, each input as a string",
     lambda d: _multitask_x_text(), ["x"]),
    ("baselines pooled_loss model None, where the network is meant",
     lambda d: _pooled_loss_model_none(), ["model"]),
    ("normalization adaptation_curves n_steps the word 'five'",
     lambda d: _curves_steps_word(), ["n_steps", "five"]),
    ("normalization sharpness seed the word 'abc'",
     lambda d: _sharpness_seed_word(), ["seed", "abc"]),
    ("normalization first_step_change params one array short",
     lambda d: _first_step_params_short(), ["params"]),
    ("ridge_head lam the complex 1+1j",
     lambda d: ridge_head(_features(), np.ones((3, 5, 1)), 1 + 1j), ["lam"]),
    ("ridge with_bias features of text",
     lambda d: with_bias(np.full((2, 5, 4), "1.0")), ["features"]),
    ("subset_indices n_support -5, a sign slip",
     lambda d: subset_indices(_rng(), 2, -5, 2), ["n_support", "-5"]),
    ("reptile_step meta_lr inf",
     lambda d: _reptile_step_meta_lr_inf(), ["meta_lr", "inf"]),
    ("r2d2_logits lam the word 'auto'",
     lambda d: _r2d2_lam_word(), ["lam", "auto"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy name 'maml()' with call parentheses",
     lambda d: make_strategy("maml()", meta_batch=2), ["maml()"]),
    ("make_strategy subset subset_size [3], a count in a list",
     lambda d: make_strategy("subset", meta_batch=2, subset_size=[3]), ["subset_size"]),
    ("make_strategy reptile meta_lr the word 'slow'",
     lambda d: make_strategy("reptile", meta_batch=2, meta_lr="slow"), ["meta_lr", "slow"]),
    ("make_strategy fomaml family the class GaussianClusters, not a family object or name",
     lambda d: make_strategy("fomaml", family=GaussianClusters, meta_batch=2), ["family"]),
    ("make_strategy newton_head family 'sinusoid', a regression family for a softmax head",
     lambda d: make_strategy("newton_head", family="sinusoid", meta_batch=2),
     ["newton_head", "sinusoid"]),
    ("make_strategy anil inner_steps 1e400, a count that overflows to inf",
     lambda d: make_strategy("anil", meta_batch=2, inner_steps=1e400), ["inner_steps", "inf"]),
    ("make_strategy maml model MLP (3, 40, 1) of three inputs for sinusoid's one",
     lambda d: make_strategy("maml", model=MLP((3, 40, 1)), meta_batch=2), ["model"]),
    ("hyperparameters a list ['maml', 'anil'], two names where one is meant",
     lambda d: hyperparameters(["maml", "anil"]), ["maml"]),
    ("hyperparameters 'Fomaml', capitalised",
     lambda d: hyperparameters("Fomaml"), ["Fomaml"]),
    ("with_test_time inner_steps the word 'ten' on an anil strategy",
     lambda d: with_test_time(make_strategy("anil", meta_batch=2), inner_steps="ten"),
     ["inner_steps", "ten"]),
    ("with_test_time inner_lr the text '0.01' on a maml strategy, a number as text",
     lambda d: with_test_time(_maml(), inner_lr="0.01"), ["inner_lr", "0.01"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train n_steps the text '1e3', e-notation as text",
     lambda d: train(_maml(), "1e3", 0), ["n_steps", "1e3"]),
    ("train checkpoint a dict {'path': 'run.npz'}, where the path itself is meant",
     lambda d: train(_maml(), 2, 0, checkpoint={"path": str(d / "run.npz")}), ["checkpoint"]),
    ("train seed the text '0x16', a seed in hexadecimal as text",
     lambda d: train(_maml(), 2, "0x16"), ["seed", "0x16"]),
    ("evaluate n_steps 0.5 in the library, half an adaptation step",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=0.5, **_small()),
     ["n_steps", "0.5"]),
    ("evaluate state an empty dict {}",
     lambda d: evaluate(_maml(), {}, Sinusoid(), n_steps=1, **_small()), ["state"]),
    ("evaluate seed the words 'twenty-two'",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, seed="twenty-two", **_small()),
     ["seed", "twenty-two"]),
    ("evaluate family the bound method Sinusoid().sample, not the family",
     lambda d: evaluate(*_maml_state(), Sinusoid().sample, n_steps=1, **_small()),
     ["family"]),
    ("select_test_time candidates holding inf beside 0.01, an endless step size",
     lambda d: _select(candidates=(0.01, np.inf)), ["candidates", "inf"]),
    ("select_test_time n_tasks the text '1', a number as text",
     lambda d: _select(n_tasks="1"), ["n_tasks", "1"]),
    ("held_out_tasks family the class Sinusoid, not an instance",
     lambda d: held_out_tasks(Sinusoid, 2, 5, 5), ["family"]),
    ("task_rng i the word 'first'",
     lambda d: task_rng(22, "first"), ["i", "first"]),
]

# --- checkpoints

def _save_state_adam(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "new.npz", ckpt.state["adam"], step=ckpt.step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses)


def _folder_named_npz(d):
    path = d / "run.npz"
    path.mkdir()
    return path


def _resume_float32(d):
    return train(make_strategy("maml", model=MLP((1, 40, 40, 1), dtype=np.float32),
                               meta_batch=2), 4, 0, checkpoint=_good(d), resume=True)


P4_T = _set_entry("p4t", "state/params/4", lambda a: np.asarray(a).T.copy())
STEP_BOOL = _set_entry("stepbool", "meta/step", lambda a: np.array(True))
V2_NEG = _set_entry("v2neg", "state/adam/v/2", lambda a: -np.abs(a) - 1.0)
FORMAT_OLD = _set_entry("fmtold", "meta/format", lambda a: np.array("scratchmeta-checkpoint-1"))
P0_EMPTY = _set_entry("p0empty", "state/params/0", lambda a: np.asarray(a)[:0])


def _resume_p0_empty(d):
    path = P0_EMPTY(d)
    return ["train", "--steps", "4", "--meta-batch", "2", "--out", str(path), "--resume"]


CHECKPOINT_CASES = [
    ("load_checkpoint a set holding the one path {path}",
     lambda d: load_checkpoint({str(_good(d))}), ["path"]),
    ("load_checkpoint a folder named run.npz",
     lambda d: load_checkpoint(_folder_named_npz(d)), ["run.npz"]),
    ("restore root the float 5.0, where the Omniglot folder is meant",
     lambda d: restore(_good(d), root=5.0), ["root"]),
    ("restore a checkpoint whose state/params/4 is transposed (1, 40) for (40, 1)",
     lambda d: restore(P4_T(d)), ["state/params/4"]),
    ("restore a checkpoint whose meta/step is the bool True",
     lambda d: restore(STEP_BOOL(d)), ["meta/step"]),
    ("restore a checkpoint whose state/adam/v/2 is below zero, a negative second moment",
     lambda d: restore(V2_NEG(d)), ["state/adam/v/2"]),
    ("save_checkpoint state the Adam moments alone, not the whole state",
     lambda d: _save_state_adam(d), ["state"]),
    ("save_checkpoint meta_losses of complex numbers",
     lambda d: _save_fields(d, meta_losses=np.array([0.5, 0.4]) + 1j), ["meta_losses"]),
    ("save_checkpoint path with a NUL character inside its name",
     lambda d: _save_fields(d, path=str(d / "run\x00.npz")), ["path"]),
    ("train resume on the command line a checkpoint whose state/params/0 has no rows",
     lambda d: _resume_p0_empty(d), ["state/params/0"]),
    ("evaluate on the command line a checkpoint whose meta/format names an older format",
     lambda d: ["evaluate", "--checkpoint", str(FORMAT_OLD(d)), "--tasks", "4", "--steps",
                "1"], ["scratchmeta-checkpoint-1"]),
]

# --- nn, optim, batchnorm

def _adam_state_params():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], params, 1e-3)


def _rows_2d():
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((3, 2))], np.array([[0, 1, 2]]), 1e-3)


NN_CASES = [
    ("MLP sizes (1, 8, 1.5), a fraction of an output",
     lambda d: MLP((1, 8, 1.5)).init(_rng()), ["sizes", "1.5"]),
    ("MLP sizes a 2-D array [[1, 8, 1]], the widths wrapped in a row",
     lambda d: MLP(np.array([[1, 8, 1]])).init(_rng()), ["sizes"]),
    ("MLP activation 'gelu', not one of its choices",
     lambda d: MLP((1, 8, 1), activation="gelu").init(_rng()), ["activation", "gelu"]),
    ("MLP apply x a nested Python list of strings",
     lambda d: MLP((1, 8, 1)).apply(_params(), [[["0.5"]] * 5]), ["x"]),
    ("MLP init rng the module np.random, the legacy global generator",
     lambda d: MLP((1, 8, 1)).init(np.random), ["rng"]),
    ("per_task params the text of one array",
     lambda d: per_task("W0", 3), ["params"]),
    ("nn split params the empty list []",
     lambda d: split([]), ["params"]),
    ("adam_init params of text",
     lambda d: adam_init([np.full((2, 3), "0.5")]), ["params"]),
    ("adam_update state the params list, where adam_init's state is meant",
     lambda d: _adam_state_params(), ["state"]),
    ("adam_rows rows a 2-D index array [[0, 1, 2]]",
     lambda d: _rows_2d(), ["rows"]),
    ("batchnorm finn_init sizes the single int 40, where a tuple of widths is meant",
     lambda d: finn_init(_rng(), 40), ["sizes", "40"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _target_transposed(self, task_params, x):
    return np.swapaxes(np.asarray(x) ** 2, 0, 1)


def _params_bool(self, rng, n_tasks):
    return rng.uniform(-1, 1, size=(n_tasks, 3)) > 0


TASK_CASES = [
    ("LinearRegression noise the pair (0.1, 0.2), a range where one level is meant, in "
     "held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise=(0.1, 0.2)), 2, 5, 5), ["noise"]),
    ("Sinusoid amplitude (0.1,), a range with one end, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=(0.1,)), 2, 5, 5), ["amplitude"]),
    ("SinusoidFrequency phase a complex end (0.0, 3j), in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(phase=(0.0, 3j)), 2, 5, 5), ["phase"]),
    ("GaussianClusters n_way the text 'five', in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way="five"), 2, 5, 5), ["n_way", "five"]),
    ("GaussianClusters dim [8], a dimension in a list, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=[8]), 2, 5, 5), ["dim"]),
    ("make_family 'Linear', capitalised",
     lambda d: make_family("Linear"), ["Linear"]),
    ("make_family name the int 5",
     lambda d: make_family(5), ["5"]),
    ("accuracy y_onehot of 4 classes for logits of 3",
     lambda d: accuracy(np.zeros((2, 5, 3)), np.eye(4)[np.zeros((2, 5), int)]),
     ["y_onehot"]),
    ("a user's Quadratic TaskFamily whose target returns y with tasks and points swapped, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_transposed), 3, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_params returns bools, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_params=_params_bool), 2, 5, 5),
     ["sample_params"]),
    ("a user's Quadratic TaskFamily whose sample_x returns no task axis (points, 1), in train",
     lambda d: _train_quadratic(_quadratic(sample_x=_x_no_task_axis)), ["sample_x"]),
]

# --- Omniglot

OMNIGLOT_CASES = [
    ("Omniglot n_way 2**40, more ways than there are characters",
     lambda d: _sample(Omniglot(2 ** 40, data=_data())), ["n_way", "1099511627776"]),
    ("Omniglot split None",
     lambda d: _sample(Omniglot(5, split=None, data=_data())), ["split", "None"]),
    ("Omniglot data the text 'cache', where the drawings are meant",
     lambda d: _sample(Omniglot(5, data="cache")), ["data"]),
    ("Omniglot n_validation the word 'all'",
     lambda d: _sample(Omniglot(5, data=_data(), n_validation="all")), ["n_validation", "all"]),
    ("Omniglot sample n_tasks True, a bool for a count of tasks",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), True, 5, 5), ["n_tasks", "True"]),
    ("finn_split n_validation nan",
     lambda d: finn_split(_data().alphabets, _data().characters, n_validation=np.nan),
     ["n_validation", "nan"]),
    ("check_shots n_drawings 20.5, a fraction of a drawing",
     lambda d: check_shots(5, 2, 5, 5, n_drawings=20.5), ["n_drawings", "20.5"]),
    ("omniglot_compare families data the int 3",
     lambda d: families(3, n_way=5), ["data"]),
    ("omniglot_compare episodes seed the word 'abc'",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 1, "abc"), ["seed", "abc"]),
    ("omniglot_compare build name 'mamal', a letter misplaced",
     lambda d: build("mamal", Omniglot(5, data=_data()), 1), ["mamal"]),
    ("train omniglot on the command line with dtype 'Float32', capitalised",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--dtype", "Float32", "--out", str(d / "omni.npz")], ["--dtype", "Float32"]),
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


def test_the_hundredtwentyfourth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredtwentyfourth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
