"""A hundred-and-twenty-sixth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit 5373acd,
from the user's side only, in about twenty minutes: the README (its first 400 lines, through the
command line section and the start of the measured results); ``--help`` of ``train``,
``evaluate`` and ``compare``; the public names and signatures (``inspect.signature`` of the
functions and classes each module defines, from ``__all__`` or ``dir``; no methods) of
``scratchmeta.meta``'s public modules (``adapt``, ``anil``, ``baselines``, ``closed_form``,
``evaluate``, ``exploding``, ``guard``, ``maml``, ``maml_low_rank``, ``multitask``,
``newton_head``, ``normalization``, ``r2d2``, ``r2d2_head``, ``registry``, ``reptile``,
``ridge``, ``softmax_head``, ``subset``, ``training``, ``checkpoint``, ``omniglot_compare``; not
``checks``/``protocol``/``messages``), ``nn``, ``optim``, ``batchnorm``, ``tasks``,
``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``;
``tests/test_bad_inputs_cli.py``'s module docstring and first 40 lines; the two templates, the
hundred-and-twenty-fourth (in full) and the hundred-and-twenty-second (its docstring, imports
and case lists up to its nn cases); the ids of every earlier battery (extracted by ``ast``, see
below). Imported, not copied: ``_good``, ``_damaged``, ``_train``, ``_rng``, ``_data``, the
ninetieth's ``_run``, the ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the
ninety-fourth's ``_compare_on``, ``_features``, ``_maml``, ``_problem``, ``_resumed``,
``_sample``, ``_select``, ``_set_entry``, the ninety-sixth's ``_quadratic``, ``_save_fields``,
``_train_quadratic``, ``_under_the_batteries_ulimit``, the hundred-and-second's
``_needs_omniglot`` and ``_params``. No library source body, library docstring, validation
module, history or file of /work/main was read. Disclosed: to learn the helpers' signatures, a
``grep -A2`` of the earlier batteries printed the first two lines of each helper (test code; the
bodies of ``_train``, ``_evaluate``, ``_maml_state``, ``_small``, ``_select``, ``_set_entry``,
``_params``, ``_sample``, ``_train_quadratic`` and ``_compare_on``'s first line showed), and the
signatures of the ninety-sixth's ``Quadratic`` methods were listed with ``inspect``; the
traceback of the first (aborted) run showed three lines of library code (``registry.py``'s
``cls(model, family, **hyper)``, ``closed_form.py``'s ``configure(...)`` call and
``protocol.py``'s ``raise ValueError(...)`` line, see the plumbing slip below); the commit was
read with ``git rev-parse --short HEAD``; the good checkpoint's entry names and shapes were
listed once with ``np.load``. No good calls were made before the first run (for time); after
it, ``per_task(params, 2**40)`` and ``finn_split`` were called once to see what they returned
(below). Every case writes only inside its temporary folder (``git status --short`` after the
runs shows this file only). The id list, scripts and the per-case message listing were kept
outside the worktree, in /tmp/wt126_scratch. SCRATCHMETA_DATA was unset. The runs were made as
root (so no read-only-folder case was written: root writes through it).

Areas, as written: train on the command line -- maml on linear, fomaml on sinusoid_frequency,
anil on sinusoid, reptile, r2d2 and newton_head on clusters, closed_form and scratch on
sinusoid_frequency, multitask on sinusoid, subset on linear, one resumed (fomaml) (11); evaluate
and compare on the command line -- runs of maml, anil (clusters), reptile, closed_form
(sinusoid_frequency), newton_head (clusters), scratch, a path with a newline; compare of fomaml
on linear, reptile on sinusoid_frequency, pretrained on clusters, two names in one word (11);
Chapter 2's functions -- sgd_path, anil_meta_loss, meta_grad, inner_sgd, meta_gradient_norm,
softmax_head, ridge_head, ridge_fit, divergence_map, subset_meta_loss, adapt.curve (11);
strategies and the registry -- make_strategy (maml, fomaml, reptile, closed_form, r2d2,
multitask, pretrained, subset, anil), hyperparameters, with_test_time on closed_form (11);
library train (four), evaluate (three), select_test_time (two), held_out_tasks, task_rng (11);
checkpoints -- load_checkpoint (two), restore (four), save_checkpoint (three), train --resume on
the command line, library train resume (11); nn/optim/batchnorm -- MLP sizes, batch_norm, dtype,
apply, init; per_task, split, adam_update (two), adam_rows, batch_norm (11); task families --
LinearRegression, Sinusoid, SinusoidFrequency, GaussianClusters (two), make_family, mse,
cross_entropy, the ninety-sixth's ``Quadratic`` with one method changed (three) (11); Omniglot
-- Omniglot's rotate, n_train, dtype, sample n_support and rng; finn_split, check_shots,
omniglot_compare's families, episodes and build; train omniglot on the command line (11): 99
written.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --set inner_lr:0.01 (a colon for the equals sign), --set meta_lr=1/0 (a
  division), --set batched=[true] and lam=[0.1, 1.0] (lists), --lam 0x1p-3 (a hexadecimal
  float), --inner-lr '1e' (an exponent without digits), --n-support 5-10 (a range); evaluate
  --query 1.0, --tasks '600.', --steps '', --seed 'inf', --support a circled digit ten; compare
  --query 0.5, --val-seed 'eleven', --adapt-steps 'max'; sgd_path trainable 'head',
  anil_meta_loss batch a plain tuple, inner_sgd apply the MLP itself, meta_gradient_norm
  inner_lr a list, softmax_head tol 'tight', divergence_map meta_batch 'two', subset_meta_loss
  inner_steps 'one', curve n_steps '3'; make_strategy maml inner_lr an array, reptile
  inner_steps 0.5, closed_form learn_scale [True], multitask head_steps 'auto', anil model a
  parameter list; with_test_time lam 'auto'; train checkpoint_every '100', seed -0.5, log_every
  [10]; evaluate chunk_size 'all'; select_test_time candidates a set; held_out_tasks start 1.5;
  save_checkpoint meta_losses a float, params of text; MLP batch_norm [True], dtype
  np.datetime64, apply x a scalar, init rng a pair (0, 1); split a tuple of one array;
  adam_rows grads of text; batch_norm offset of 3 for 4; LinearRegression mean of three;
  Sinusoid phase with a text end; SinusoidFrequency frequency 'high'; GaussianClusters spread
  '2.0'; mse y of text; Omniglot rotate [0, 90], n_train 'most', dtype 'uint8', sample rng 7;
  finn_split characters a single name; check_shots n_way 1.5; families data the Omniglot class;
  episodes shots [1, 5]; build family the text 'omniglot';
- out of range -- zero, negative, NaN, inf, huge: --meta-batch 1e400, --set
  head_inner_lr=-0.0, --set subset_size=0; evaluate --steps 4294967296; meta_grad inner_lr
  -0.01; make_strategy fomaml meta_lr 0, r2d2 scale nan; train n_steps inf; evaluate n_tasks
  int64 2**62; select_test_time n_support -3; task_rng i inf; adam_update eps -1e-8; per_task
  n_tasks 2**40; GaussianClusters n_way 2**40; Omniglot sample n_support 2**40;
- a wrong shape: ridge_head targets 2-D; cross_entropy y_onehot 2-D; adam_update grads of a
  (1, 16, 1) model; MLP sizes ();
- a user's function that misbehaves (``Quadratic``): loss returns a Python list, metric returns
  None, sample_params returns a dict;
- files and paths: evaluate --checkpoint with a trailing newline; load_checkpoint a symbolic
  link to itself, an extra entry state/adam/m/6; restore with state/params/3 complex, no
  state/adam/m/0, meta/config the JSON number 5, meta/meta_losses one short; train --resume of
  a checkpoint whose meta/seed is 0.5; save_checkpoint config {};
- mismatches, options that conflict: resume a fomaml run with --strategy maml; make_strategy
  subset n_support 5 under its subset_size 10; make_strategy pretrained n_query (a field it has
  not got); library train resume the good maml checkpoint with a multitask strategy; train
  omniglot --n-support 7 for 5 ways;
- typos and misspellings: compare 'maml;fomaml', ridge_fit form 'primall', evaluate
  on_divergence 'rise', make_family n_ways=, hyperparameters ''.

Repeats: the 15,292 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; by the first four words), over four rounds, and by about 170
function-and-kind greps over the same list (e.g. ``first_order=``, ``batched=``, ``head_init=``,
``learn_scale=``, ``equals``, ``checkpoint-every -``, ``meta-batch 1e400``, ``subset_size=``,
``n_steps=0``, ``scale=0``, ``log-every 0``, ``seed -1``, ``steps 0x``, ``head_inner_lr``,
``head_steps=``, ``n_train_tasks=``, ``lam=-0``, ``'1e'``, ``5-10``, ``resume.*strateg``,
``tasks 0x``, ``steps ''``, ``support 1e400``, ``val-seed``, ``adapt-steps``, ``strategies.*
twice``, ``semicolon``, ``newline``, ``from_theta0``, ``trainable``, ``stop_on_divergence``,
``anil_meta_loss first_order|batch``, ``meta_grad``, ``inner_sgd inner_steps|inner_lr|apply``,
``softmax_head lam|form|max_steps``, ``softmax_head_logits``, ``ridge_head targets``,
``divergence_map``, ``inner_lrs``, ``subset_meta_loss``, ``curve n_steps``, ``inner_lr an
array``, ``maml first_order``, ``reptile n_steps``, ``batched``, ``learn_scale``, ``scale nan``,
``head_init``, ``pretrained``, ``subset n_support``, ``hyperparameters``, ``with_test_time``,
``train n_steps|log_every|progress|resume|checkpoint_every``, ``on_divergence``,
``chunk_size``, ``2**62``, ``candidates``, ``select_test_time n_query``, ``start 1.5``,
``task_rng``, ``pickle``, ``JSON``, ``params/6``, ``params/3``, ``adam/m/0``, ``meta/config``,
``meta_losses``, ``save_checkpoint step|seed``, ``config {}``, ``meta/seed``, ``meta/step``,
``extra entry``, ``MLP sizes|batch_norm|dtype|apply|init rng``, ``RandomState``, ``per_task
n_tasks``, ``split params``, ``adam_update grads|lr|beta1``, ``adam_rows``, ``batch_norm
eps|h``, ``LinearRegression mean|scale``, ``Sinusoid x_range|amplitude``, ``SinusoidFrequency
frequency|x_range``, ``GaussianClusters dim|n_way|spread``, ``n_ways``, ``mse y``,
``cross_entropy``, ``loss returns``, ``metric returns``, ``sample_x returns``, ``sample_params
returns``, ``rotate``, ``download``, ``Omniglot dtype``, ``Omniglot sample``, ``finn_split``,
``check_shots n_way``, ``families``, ``episodes``, ``build``, ``multiple of``). The earlier list
is dense, so drafts were replaced many times before any run; exact earlier ids among the drafts
(all replaced): ``library train resume the good maml checkpoint with an anil strategy``, ``MLP
dtype 'int32', an integer type for the parameters``, ``adam_update lr -1e-3, a sign slip``,
``adam_rows lr the word 'fast'``, ``mse pred of 2 tasks for y of 3``, ``finn_split alphabets
None``, ``evaluate on_divergence 'skip', not one of its choices``, ``MLP init rng the float 0.5,
where a Generator is meant``, ``batch_norm scale of text``, ``save_checkpoint seed 1e400, a seed
that overflows to inf``; replaced for substance (among others): --set inner_lr with no equals
sign, --n-support -10, evaluate --tasks -600, --split on a linear run, --support 5.5, compare
--val-seed nan, --adapt-steps 2.5, --strategies anil anil; sgd_path inner_lr nan,
anil_meta_loss first_order 'yes', inner_sgd inner_steps True, softmax_head tol -1,
softmax_head_logits phi_query narrower, divergence_map Ks [] and n_steps -5, subset_meta_loss
rng 0; make_strategy fomaml first_order False, reptile batched 'no', closed_form learn_scale 0,
multitask head_init 'ridge', pretrained inner_steps, with_test_time meta_batch; train n_steps -2,
progress 'yes', resume without a checkpoint, checkpoint_every 0, log_every 2.5; evaluate
chunk_size -1; select_test_time candidates [], seed -11; task_rng seed nan; load_checkpoint a
.npy file; restore meta/config not JSON, meta/meta_losses 2-D; save_checkpoint step -1 and True,
path ''; resume meta/step -3; MLP batch_norm 'yes', apply x of 2 features, rng RandomState;
per_task n_tasks 0; split a dict; adam_update grads one short; batch_norm eps -1e-3;
LinearRegression mean (1.0, nan); Sinusoid x_range (0, inf), amplitude (5.0, nan);
SinusoidFrequency frequency reversed; GaussianClusters spread 0, n_way True; cross_entropy rows
summing to 2; Quadratic loss returning a word, metric complex, sample_x None; Omniglot download
'yes', dtype complex; sample n_query 0; episodes n_tasks 0; build shots 0; families n_way
'five'. No exact id repeats among the cases run (checked by the script against the same list
after the last change).

Near earlier ids, kept as new ways (the lead may judge): ``--set head_inner_lr=-0.0`` near
``=-0.01``; ``--set subset_size=0`` near ``=0.5`` and ``=101``; resume with ``--strategy maml``
near the library's resumes with another strategy; evaluate ``--steps ''`` near compare
``--adapt-steps ''``; ``--checkpoint`` with a newline near ``load path a name with a newline``;
``sgd_path trainable 'head'`` near ``from_theta0 trainable a name``; ``maml meta_grad inner_lr
-0.01`` near ``inner_sgd inner_lr -0.01``; ``inner_sgd apply`` the MLP near ``apply None``;
``ridge_head targets`` 2-D near ``mse y 2-D``; ``with_test_time lam 'auto'`` near ``with_test_time
lam -1``; ``subset n_support 5`` under its subset_size near ``--set subset_size=101`` and
``evaluate a subset strategy with n_support 5, below its subset_size of 10``; ``save_checkpoint
config {}`` near ``load meta/config an empty record``; ``meta_losses`` a float near ``a NumPy
bytes scalar``; ``Sinusoid phase (0.0, '3.14')`` near ``(0.0, True)`` and ``(0.1, '5.0')`` of
amplitude; ``Omniglot rotate [0, 90]`` near the other lists for rotate; ``Omniglot sample rng
7`` near the samplers' ``rng 7``; ``train omniglot --n-support 7`` near ``clusters n-support 7``
and compare newton_head ``--support 7``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 99. ``DROPPED`` is
empty. Two corrections were made after the first run, both slips of the writer's, recorded here
with both results (no case was reordered and no mentions were changed):
- plumbing: ``evaluate a closed_form linear run with steps ''`` (kept) could not build its run:
  ``_run(d, "closed_form", family="linear")`` raised, in the setup, "ValueError: ClosedForm
  meta-trains a body shared by every task under a head of each task's own, so the model needs a
  body of at least one layer; got sizes (1, 1), one layer, the head alone: ..." (the README says as much of
  Multitask on linear: its one-layer model has no body), which aborted the script after the first area. The
  run was made on sinusoid_frequency instead (id changed to ``evaluate a closed_form
  sinusoid_frequency run with steps ''``); then clear: "error: evaluate: argument --steps:
  expected a non-negative integer, written in plain decimal digits, got '' ...".
- not a bad input: ``finn_split characters of text`` (kept) was silent ("no error") on the
  first complete run -- and rightly, since the drawings' own ``characters`` are text already
  ('character01', ... seen after the run); it also repeated the substance of the earlier
  ``finn_split characters of strings``, which the pre-run greps listed and the writer missed.
  Replaced, in its place, by ``finn_split characters the single name 'character01', where the
  array is meant``: clear, "TypeError: finn_split: characters must be a sequence of names, one
  per character, got 'character01'". On the first complete run (before this correction) the
  kept rate was 61 of 63 (96.8%) and the written 97 of 99 (98.0%).

Memory and time: the library cases of 2**40 (``per_task n_tasks``, ``GaussianClusters n_way``,
``Omniglot sample n_support``) run under the ninety-sixth's ``_under_the_batteries_ulimit``; the
CLI ``--steps 4294967296`` is expected to be refused before work. The whole script ran in about
four seconds (pytest about seven).

First run at 5373acd (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present;
after the two corrections above): kept, 62 of 63 clear (98.4%), 0 unclear, 1 silent, 0 data
loss -- cli train 7/7, evaluate/compare 7/7, meta functions 7/7, strategies 7/7, evaluate and
train 7/7, checkpoints 7/7, nn/optim/batchnorm 6/7 (1 silent), task families 7/7, omniglot 7/7.
Written (``--written``): 98 of 99 clear (99.0%), 0 unclear, 1 silent, 0 data loss -- every area
11/11 except nn/optim/batchnorm 10/11 (the same case). Under pytest (run once, without the
ulimit): 1 failed (the silent case below), 63 passed (62 kept clear cases and the wide-and-new
test).

Not clear, kept:
- ``per_task n_tasks 2**40, copies past any memory``: silent (no error). ``per_task(params,
  2**40)`` returns, without allocating, read-only zero-stride views of shape (1099511627776, 1,
  8), ...; nothing is computed until they are used, so no memory is lost here, but a count of
  a trillion task copies (a typo for 2 or 40, say) is taken without a word and would fail or
  hang only where the copies are used. The lead may judge whether a lazy view of a huge count
  is a silent result for issue 11.

Not clear, written and not kept: none.

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --set: expected
NAME=VALUE, e.g. lam=0.1, got 'inner_lr:0.01' ...", "error: --set meta_lr=1/0: meta_lr must be a
finite number, got '1/0' (a string)", "error: --resume: .../fomaml.npz holds a fomaml run on
sinusoid, this command asks for --strategy maml --family sinusoid; pass --strategy fomaml
--family sinusoid", "error: --steps 4294967296 test-time steps per task is more than 100,000:
...", "error: compare: argument --strategies: invalid choice: 'maml;fomaml' (choose from ...)",
"TypeError: apply must be a function, e.g. model.apply (...), got MLP(...)", "ValueError: form
must be one of ('auto', 'primal', 'dual'), got 'primall'", "ValueError: strategy Pretrained has
no hyperparameter 'n_query': ...", "ValueError: unknown way to treat a diverged task 'rise':
on_divergence must be one of ['raise', 'record']", "ValueError: the curves of n_tasks =
4611686018427387904 tasks ... would need 64 EiB of memory at once, more than the 7.22 GiB left
under this process's memory limit (ulimit -v) ...", "ValueError: '.../extram6.npz' is damaged:
unexpected entry state/adam/m/6: it follows no parameter, there is no state/params/6 ...",
"ValueError: '.../lossesshort.npz' is damaged: it is at step 2 (meta/step) but its entry
meta/meta_losses records (1,) meta-losses ...", "TypeError: make_family: the clusters family has
no argument 'n_ways' (did you mean 'n_way'?) ...", "TypeError: UserQuadratic.metric
(_metric_none) must return one real number per task, ... got NoneType None"). Clear by the
harness but slightly off: ``load_checkpoint`` of a symbolic link to itself says "no checkpoint at
'.../loop.npz': path must name a .npz that train wrote" (true, but not that the link loops);
``Omniglot sample n_support 2**40`` is refused as "n_support must be a multiple of n_way=5 ...,
got 1099511627776" (2**40 is not a multiple of 5), not for its size; ``train omniglot
--n-support 7`` says "error: --support 7 --query None: n_support must be a multiple of n_way=5
... (given as --n-support 7)" (evaluate's option names, and a ``--query None`` the user did not
give, before the right one); the library resume of a maml checkpoint with a multitask strategy
lists the differing hyperparameters one by one after the class (long, but it names both);
``anil_meta_loss batch`` a tuple, ``make_strategy anil model`` a parameter list,
``save_checkpoint`` params of text and ``adam_rows grads`` of text print the arrays' repr over
several lines; ``Omniglot n_train 'most'`` says "n_train and n_validation must be positive
integers, got 'most' and 100" (both named); ``sgd_path trainable 'head'``,
``meta_gradient_norm inner_lr`` a list, ``softmax_head tol 'tight'``, ``divergence_map
meta_batch 'two'``, ``subset_meta_loss inner_steps 'one'``, ``curve n_steps '3'``,
``with_test_time lam 'auto'``, ``train checkpoint_every '100'`` and ``log_every [10]``,
``evaluate chunk_size 'all'``, ``Omniglot n_train 'most'`` and ``episodes shots [1, 5]`` raise
ValueError where TypeError would fit a value of the wrong type (both are allowed);
``make_strategy reptile inner_steps 0.5`` raises TypeError for a fraction (allowed).

Measured on main at 5373acd, the commit it was written at, blind (the lead reran it there,
with the hundred-and-twenty-seventh beside it, after the writer's two corrections recorded
above): kept, 62 of 63 clear (98.4%), 0 unclear, 1 silent, 0 data loss; the pair, 116 of 118
(98.3%). Before the corrections the writer's first complete run was 61 of 63. Round 83 (with
sight of this file, not blind): per_task refuses more task copies than memory holds once each
is adapted (its views cost nothing, but the first SGD step makes every task's copy its own
array), naming n_tasks, the parameters' size and the memory; train's Omniglot counts are named
by the option typed ("(given as --n-support 7)"), not by evaluate's --support and --query. The
one kept miss is clear at HEAD. Left alone: a symbolic link to itself is "no checkpoint at"
the path, and Omniglot's n_support of 2**40 is refused for not being a multiple of 5 first.
"""

import os

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import curve, sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norm
from scratchmeta.meta.maml import inner_sgd, meta_grad
from scratchmeta.meta.omniglot_compare import build, episodes, families
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import softmax_head
from scratchmeta.meta.subset import subset_meta_loss
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
from test_bad_inputs_ninetyfourth import (_compare_on, _features, _maml,
                                          _problem, _resumed, _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import (_quadratic, _save_fields, _train_quadratic,
                                         _under_the_batteries_ulimit)
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_ninetyfourth import _metric_none

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train maml on linear with set inner_lr:0.01, a colon for the equals sign",
     _train("--strategy", "maml", "--family", "linear", "--set", "inner_lr:0.01"),
     ["--set", "inner_lr:0.01"]),
    ("train fomaml on sinusoid_frequency with meta-batch 1e400, a count that overflows",
     _train("--strategy", "fomaml", "--family", "sinusoid_frequency", "--meta-batch", "1e400"),
     ["--meta-batch", "1e400"]),
    ("train anil on sinusoid with set meta_lr=1/0, a division by zero for a step",
     _train("--strategy", "anil", "--family", "sinusoid", "--set", "meta_lr=1/0"),
     ["meta_lr", "1/0"]),
    ("train reptile on clusters with set batched=[true], a switch in a list",
     _train("--strategy", "reptile", "--family", "clusters", "--set", "batched=[true]"),
     ["batched", "[true]"]),
    ("train closed_form on sinusoid_frequency with lam 0x1p-3, a hexadecimal float",
     _train("--strategy", "closed_form", "--family", "sinusoid_frequency", "--lam", "0x1p-3"),
     ["--lam", "0x1p-3"]),
    ("train r2d2 on clusters with set lam=[0.1, 1.0], two penalties where one is meant",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "lam=[0.1, 1.0]"),
     ["lam"]),
    ("train newton_head on clusters with inner-lr '1e', an exponent without its digits",
     _train("--strategy", "newton_head", "--family", "clusters", "--inner-lr", "1e"),
     ["--inner-lr", "1e"]),
    ("train multitask on sinusoid with set head_inner_lr=-0.0, a signed zero head step",
     _train("--strategy", "multitask", "--family", "sinusoid", "--set", "head_inner_lr=-0.0"),
     ["head_inner_lr", "-0.0"]),
    ("train subset on linear with set subset_size=0, an empty subset",
     _train("--strategy", "subset", "--family", "linear", "--set", "subset_size=0"),
     ["subset_size", "0"]),
    ("train scratch on sinusoid_frequency with n-support 5-10, a range for a count",
     _train("--strategy", "scratch", "--family", "sinusoid_frequency", "--n-support", "5-10"),
     ["--n-support", "5-10"]),
    ("train resume a fomaml run with strategy maml given after it, another strategy",
     _resumed("fomaml", "--strategy", "maml"), ["fomaml", "maml"]),
]

# --- the command line: evaluate and compare

def _path_with_newline(d):
    return str(_good(d)) + "\n"


CLI_OTHER_CASES = [
    ("evaluate a maml run with steps 4294967296, two to the thirty-second test-time steps",
     _evaluate(lambda d: _run(d, "maml"), "--steps", "4294967296"),
     ["--steps", "4294967296"]),
    ("evaluate an anil clusters run with query 1.0, a whole float for a count",
     _evaluate(lambda d: _run(d, "anil", family="clusters"), "--query", "1.0"),
     ["--query", "1.0"]),
    ("evaluate a reptile run with tasks '600.', a count with a trailing point",
     _evaluate(lambda d: _run(d, "reptile"), "--tasks", "600."), ["--tasks", "600."]),
    ("evaluate a closed_form sinusoid_frequency run with steps '', an empty count",
     lambda d: ["evaluate", "--checkpoint",
                str(_run(d, "closed_form", family="sinusoid_frequency")),
                "--tasks", "4", "--steps", ""], ["--steps"]),
    ("evaluate a newton_head clusters run with seed 'inf', an endless seed",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--seed", "inf"),
     ["--seed", "inf"]),
    ("evaluate checkpoint the good run's path with a newline at its end, pasted from a shell",
     lambda d: ["evaluate", "--checkpoint", _path_with_newline(d), "--tasks", "4", "--steps",
                "1"], ["--checkpoint"]),
    ("evaluate a scratch run with support a circled digit ten",
     _evaluate(lambda d: _run(d, "scratch"), "--support", "\u2469"), ["--support", "\u2469"]),
    ("compare fomaml on linear with query 0.5, half a query point",
     _compare_on(["fomaml"], "linear", "--query", "0.5"), ["--query", "0.5"]),
    ("compare reptile on sinusoid_frequency with val-seed 'eleven', a seed in words",
     _compare_on(["reptile"], "sinusoid_frequency", "--val-seed", "eleven"),
     ["--val-seed", "eleven"]),
    ("compare pretrained on clusters with adapt-steps 'max', a word for the most steps",
     _compare_on(["pretrained"], "clusters", "--adapt-steps", "max"),
     ["--adapt-steps", "max"]),
    ("compare strategies 'maml;fomaml', two names joined by a semicolon",
     _compare_on(["maml;fomaml"], "sinusoid"), ["maml;fomaml"]),
]

# --- Chapter 2's functions

def _sgd_path_trainable_word():
    model, params, batch = _problem()
    return sgd_path(per_task(params, batch.x_support.shape[0]), batch, model,
                    inner_lr=0.01, loss=mse, trainable="head")


def _anil_batch_tuple():
    model, params, batch = _problem()
    plain = (batch.x_support, batch.y_support, batch.x_query, batch.y_query)
    return anil_meta_loss(params, plain, model, inner_lr=0.01, inner_steps=1)


def _meta_grad_lr_negative():
    model, params, batch = _problem()
    return meta_grad(params, batch, model, inner_lr=-0.01, inner_steps=1)


def _inner_sgd_apply_model():
    model, params, batch = _problem()
    theta = per_task(params, batch.x_support.shape[0])
    return inner_sgd(theta, batch.x_support, batch.y_support, model, inner_lr=0.01,
                     inner_steps=1)


def _norm_lr_list():
    model, params, batch = _problem()
    return meta_gradient_norm(params, batch, model, inner_steps=1, inner_lr=[0.01, 0.1])


def _divergence_batch_word():
    return divergence_map(MLP((1, 8, 1)), Sinusoid(), [1], [0.01], n_steps=2, meta_batch="two",
                          n_support=5, n_query=5)


def _subset_steps_word():
    model, params, batch = _problem()
    return subset_meta_loss(params, batch, model, _rng(), subset_size=2, inner_lr=0.01,
                            inner_steps="one")


def _curve_steps_text():
    strategy, state = _maml_state()
    batch = Sinusoid().sample(_rng(), 2, 5, 5)
    return curve(strategy, state, batch, "3")


META_CASES = [
    ("sgd_path trainable the word 'head', where the trainable parameters are meant",
     lambda d: _sgd_path_trainable_word(), ["trainable", "head"]),
    ("anil_meta_loss batch a plain tuple of the four arrays, not a TaskBatch",
     lambda d: _anil_batch_tuple(), ["batch"]),
    ("maml meta_grad inner_lr -0.01, a sign slip",
     lambda d: _meta_grad_lr_negative(), ["inner_lr", "-0.01"]),
    ("inner_sgd apply the MLP itself, where its apply method is meant",
     lambda d: _inner_sgd_apply_model(), ["apply"]),
    ("meta_gradient_norm inner_lr a list of two step sizes, where one is meant",
     lambda d: _norm_lr_list(), ["inner_lr"]),
    ("softmax_head tol the word 'tight'",
     lambda d: softmax_head(_features(), np.eye(3)[np.zeros((3, 5), int)], 1.0, tol="tight"),
     ["tol", "tight"]),
    ("ridge_head targets 2-D (tasks, points), the output axis dropped",
     lambda d: ridge_head(_features(), np.ones((3, 5)), 1.0), ["targets"]),
    ("ridge_fit form 'primall', a doubled letter",
     lambda d: ridge_fit(_features(), np.ones((3, 5, 1)), 1.0, form="primall"),
     ["form", "primall"]),
    ("divergence_map meta_batch the word 'two'",
     lambda d: _divergence_batch_word(), ["meta_batch", "two"]),
    ("subset_meta_loss inner_steps the word 'one'",
     lambda d: _subset_steps_word(), ["inner_steps", "one"]),
    ("adapt curve n_steps the text '3'",
     lambda d: _curve_steps_text(), ["n_steps", "3"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy maml inner_lr a NumPy array of two step sizes",
     lambda d: make_strategy("maml", meta_batch=2, inner_lr=np.array([0.01, 0.02])),
     ["inner_lr"]),
    ("make_strategy fomaml meta_lr 0, an outer step that never moves",
     lambda d: make_strategy("fomaml", meta_batch=2, meta_lr=0), ["meta_lr", "0"]),
    ("make_strategy reptile inner_steps 0.5, half of Reptile's T",
     lambda d: make_strategy("reptile", meta_batch=2, inner_steps=0.5), ["inner_steps", "0.5"]),
    ("make_strategy closed_form learn_scale [True], a switch in a list",
     lambda d: make_strategy("closed_form", meta_batch=2, learn_scale=[True]), ["learn_scale"]),
    ("make_strategy r2d2 scale nan, an output scale that is not a number",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, scale=np.nan),
     ["scale", "nan"]),
    ("make_strategy multitask head_steps the word 'auto'",
     lambda d: make_strategy("multitask", meta_batch=2, head_steps="auto"),
     ["head_steps", "auto"]),
    ("make_strategy pretrained n_query 10, a field pretrained has not got",
     lambda d: make_strategy("pretrained", meta_batch=2, n_query=10), ["n_query"]),
    ("make_strategy subset n_support 5 with its subset_size of 10, a subset larger than the set",
     lambda d: make_strategy("subset", meta_batch=2, n_support=5), ["subset_size"]),
    ("make_strategy anil model the parameter list of an MLP, where the network is meant",
     lambda d: make_strategy("anil", meta_batch=2, model=_params()), ["model"]),
    ("hyperparameters the empty name ''",
     lambda d: hyperparameters(""), ["''"]),
    ("with_test_time lam the word 'auto' on a closed_form strategy",
     lambda d: with_test_time(make_strategy("closed_form", meta_batch=2), lam="auto"),
     ["lam", "auto"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train n_steps np.inf, an endless run",
     lambda d: train(_maml(), np.inf, 0), ["n_steps", "inf"]),
    ("train checkpoint_every the text '100' with a checkpoint",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every="100"),
     ["checkpoint_every", "100"]),
    ("train seed -0.5, a fraction below zero for a seed",
     lambda d: train(_maml(), 2, -0.5), ["seed", "-0.5"]),
    ("train log_every a list [10], a count in a list",
     lambda d: train(_maml(), 2, 0, log_every=[10]), ["log_every"]),
    ("evaluate on_divergence 'rise', a letter dropped from 'raise'",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, on_divergence="rise",
                        **_small()), ["on_divergence", "rise"]),
    ("evaluate chunk_size the word 'all' in the library",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, chunk_size="all", **_small()),
     ["chunk_size", "all"]),
    ("evaluate n_tasks np.int64 2**62, held-out tasks past any memory",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1,
                        **_small(n_tasks=np.int64(2 ** 62))), ["n_tasks"]),
    ("select_test_time candidates a set {0.01, 0.1}, in no order",
     lambda d: _select(candidates={0.01, 0.1}), ["candidates"]),
    ("select_test_time n_support -3, a sign slip",
     lambda d: _select(n_support=-3), ["n_support", "-3"]),
    ("held_out_tasks start 1.5, a fraction of a task index",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start=1.5), ["start", "1.5"]),
    ("task_rng i np.inf, an endless task index",
     lambda d: task_rng(22, np.inf), ["i", "inf"]),
]

# --- checkpoints

def _symlink_loop(d):
    path = d / "loop.npz"
    os.symlink(path, path)
    return path


def _save_params_text(d):
    ckpt = load_checkpoint(_good(d))
    state = dict(ckpt.state)
    state["params"] = [np.asarray(a).astype(str) for a in state["params"]]
    return save_checkpoint(d / "new.npz", state, step=ckpt.step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses)


def _resume_multitask_on_maml(d):
    return train(make_strategy("multitask", meta_batch=2), 4, 0, checkpoint=_good(d),
                 resume=True)


EXTRA_M6 = lambda d: _damaged(d, "extram6",
                              lambda a: a.__setitem__("state/adam/m/6", np.zeros(3)))
P3_COMPLEX = _set_entry("p3complex", "state/params/3", lambda a: np.asarray(a) + 1j)
NO_M0 = lambda d: _damaged(d, "nom0", lambda a: a.pop("state/adam/m/0"))
CONFIG_NUMBER = _set_entry("cfgnumber", "meta/config", lambda a: np.array("5"))
LOSSES_SHORT = _set_entry("lossesshort", "meta/meta_losses", lambda a: np.asarray(a)[:1])
SEED_HALF = _set_entry("seedhalf", "meta/seed", lambda a: np.array(0.5))


CHECKPOINT_CASES = [
    ("load_checkpoint a symbolic link to itself, a loop",
     lambda d: load_checkpoint(_symlink_loop(d)), ["loop.npz"]),
    ("load_checkpoint a checkpoint with an extra entry state/adam/m/6",
     lambda d: load_checkpoint(EXTRA_M6(d)), ["state/adam/m/6"]),
    ("restore a checkpoint whose state/params/3 is complex",
     lambda d: restore(P3_COMPLEX(d)), ["state/params/3"]),
    ("restore a checkpoint without its state/adam/m/0 entry",
     lambda d: restore(NO_M0(d)), ["state/adam/m/0"]),
    ("restore a checkpoint whose meta/config is the JSON number 5",
     lambda d: restore(CONFIG_NUMBER(d)), ["meta/config"]),
    ("restore a checkpoint whose meta/meta_losses holds one loss for its two steps",
     lambda d: restore(LOSSES_SHORT(d)), ["meta/meta_losses"]),
    ("save_checkpoint meta_losses the last loss alone as a float, where the history is meant",
     lambda d: _save_fields(d, meta_losses=0.5), ["meta_losses"]),
    ("save_checkpoint a state whose params hold text",
     lambda d: _save_params_text(d), ["params"]),
    ("save_checkpoint config the empty dict {}",
     lambda d: _save_fields(d, config={}), ["config"]),
    ("train resume on the command line a checkpoint whose meta/seed is the float 0.5",
     lambda d: ["train", "--steps", "4", "--meta-batch", "2", "--out", str(SEED_HALF(d)),
                "--resume"], ["meta/seed"]),
    ("library train resume the good maml checkpoint with a multitask strategy",
     lambda d: _resume_multitask_on_maml(d), ["checkpoint", "maml"]),
]

# --- nn, optim, batchnorm

def _apply_scalar_x():
    return MLP((1, 8, 1)).apply(_params(), 0.5)


def _adam_grads_other_model():
    params = _params()
    other = MLP((1, 16, 1)).init(_rng())
    return adam_update(params, [np.ones_like(a) for a in other], adam_init(params), 1e-3)


def _adam_eps_negative():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params), 1e-3,
                       eps=-1e-8)


def _rows_grads_text():
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.full((3, 2), "1.0")], np.array([0, 1]), 1e-3)


NN_CASES = [
    ("MLP sizes the empty tuple (), no layer at all",
     lambda d: MLP(()).init(_rng()), ["sizes"]),
    ("MLP batch_norm [True], a switch in a list",
     lambda d: MLP((1, 8, 1), batch_norm=[True]).init(_rng()), ["batch_norm"]),
    ("MLP dtype np.datetime64, a type of dates for the parameters",
     lambda d: MLP((1, 8, 1), dtype=np.datetime64).init(_rng()), ["dtype", "datetime64"]),
    ("MLP apply x the scalar 0.5, where a (tasks, points, inputs) array is meant",
     lambda d: _apply_scalar_x(), ["x"]),
    ("MLP init rng a pair of seeds (0, 1), where a Generator is meant",
     lambda d: MLP((1, 8, 1)).init((0, 1)), ["rng"]),
    ("per_task n_tasks 2**40, copies past any memory",
     lambda d: _under_the_batteries_ulimit(lambda: per_task(_params(), 2 ** 40)),
     ["n_tasks", "1099511627776"]),
    ("nn split params a tuple of one array",
     lambda d: split((np.zeros((1, 8)),)), ["params"]),
    ("adam_update grads of another model (1, 16, 1) for params of (1, 8, 1)",
     lambda d: _adam_grads_other_model(), ["grads"]),
    ("adam_update eps -1e-8, a negative guard",
     lambda d: _adam_eps_negative(), ["eps", "-1e-08"]),
    ("adam_rows grads of text",
     lambda d: _rows_grads_text(), ["grads"]),
    ("batch_norm offset of 3 entries for h of 4 features",
     lambda d: batch_norm(np.ones((2, 5, 4)), scale=np.ones(4), offset=np.zeros(3)),
     ["offset"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _loss_list(pred, y):
    return [float(v) for v in np.mean((np.asarray(pred) - np.asarray(y)) ** 2, axis=(1, 2))]


def _params_dict(self, rng, n_tasks):
    return {"a": rng.uniform(-1, 1, size=n_tasks)}


def _evaluate_family(family):
    strategy = make_strategy("maml", family=family, model=MLP((1, 40, 1)), meta_batch=2)
    return evaluate(strategy, strategy.init_state(_rng()), family, n_steps=1, **_small())


TASK_CASES = [
    ("LinearRegression mean (0.5, 1.0, 2.0), a range of three ends, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean=(0.5, 1.0, 2.0)), 2, 5, 5), ["mean"]),
    ("Sinusoid phase (0.0, '3.14'), an end given as text, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(phase=(0.0, "3.14")), 2, 5, 5), ["phase", "3.14"]),
    ("SinusoidFrequency frequency the word 'high', in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency="high"), 2, 5, 5),
     ["frequency", "high"]),
    ("GaussianClusters spread the text '2.0', in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread="2.0"), 2, 5, 5), ["spread", "2.0"]),
    ("GaussianClusters n_way 2**40, classes past any memory, in held_out_tasks",
     lambda d: _under_the_batteries_ulimit(
         lambda: held_out_tasks(GaussianClusters(n_way=2 ** 40), 2, 5, 5)),
     ["n_way", "1099511627776"]),
    ("make_family 'clusters' with n_ways=3, a misspelt keyword",
     lambda d: make_family("clusters", n_ways=3), ["n_ways"]),
    ("mse y of text",
     lambda d: mse(np.zeros((2, 5, 1)), np.full((2, 5, 1), "0.0")), ["y"]),
    ("cross_entropy y_onehot 2-D (points, classes) for logits 3-D",
     lambda d: cross_entropy(np.zeros((2, 5, 3)), np.eye(3)[np.zeros(5, int)]), ["y_onehot"]),
    ("a user's Quadratic TaskFamily whose loss returns a Python list of per-task floats, in "
     "train",
     lambda d: _train_quadratic(_quadratic(loss=staticmethod(_loss_list))), ["loss"]),
    ("a user's Quadratic TaskFamily whose metric returns None, in evaluate",
     lambda d: _evaluate_family(_quadratic(metric=_metric_none)), ["metric", "None"]),
    ("a user's Quadratic TaskFamily whose sample_params returns a dict, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_params=_params_dict), 2, 5, 5),
     ["sample_params"]),
]

# --- Omniglot

OMNIGLOT_CASES = [
    ("Omniglot rotate a list of angles [0, 90], where a switch is meant",
     lambda d: _sample(Omniglot(5, data=_data(), rotate=[0, 90])), ["rotate"]),
    ("Omniglot n_train the word 'most'",
     lambda d: _sample(Omniglot(5, data=_data(), n_train="most")), ["n_train", "most"]),
    ("Omniglot dtype 'uint8', the images' own byte type for the inputs",
     lambda d: _sample(Omniglot(5, data=_data(), dtype="uint8")), ["dtype", "uint8"]),
    ("Omniglot sample n_support 2**40, drawings past any memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: Omniglot(5, data=_data()).sample(_rng(), 2, 2 ** 40, 5)),
     ["n_support", "1099511627776"]),
    ("Omniglot sample rng the int 7, where a Generator is meant",
     lambda d: Omniglot(5, data=_data()).sample(7, 2, 5, 5), ["rng"]),
    ("finn_split characters the single name 'character01', where the array is meant",
     lambda d: finn_split(_data().alphabets, "character01"), ["characters"]),
    ("check_shots n_way 1.5, a fraction of a class",
     lambda d: check_shots(1.5, 2, 5, 5), ["n_way", "1.5"]),
    ("omniglot_compare families data the Omniglot class, not the drawings",
     lambda d: families(Omniglot, n_way=5), ["data"]),
    ("omniglot_compare episodes shots a list [1, 5], where one count is meant",
     lambda d: episodes(Omniglot(5, data=_data()), 2, [1, 5], 0), ["shots"]),
    ("omniglot_compare build family the text 'omniglot', not a family",
     lambda d: build("maml", "omniglot", 1), ["family"]),
    ("train omniglot on the command line with n-support 7, not a multiple of its 5 ways",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--n-support", "7", "--out", str(d / "omni.npz")], ["--n-support", "7"]),
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


def test_the_hundredtwentysixth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredtwentysixth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
