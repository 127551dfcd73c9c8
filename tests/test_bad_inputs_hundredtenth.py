"""A hundred-and-tenth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 7883f2a, from the user's side only: the README (its first half: setup,
reading order, notation, command line and the paragraph on bad arguments); ``--help`` of the
command line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (not ``checks``/``protocol``/``messages``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks`` (by ``inspect.signature``, names defined in each module only, with
their classes' public method signatures); the hundred-and-eighth and hundred-and-sixth
batteries (the templates, read in full); ``test_bad_inputs_cli.py``'s docstring and its
``_good``/``_train``/``_evaluate``/``_damaged`` helpers; and the earlier batteries' ids and
shared helpers (imported, not copied: ``_good``, ``_train``, ``_rng``, ``_data``, the
ninetieth's ``_run``, the ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the
ninety-fourth's ``_clusters_batch``, ``_compare_on``, ``_features``, ``_maml``, ``_meta``,
``_problem``, ``_resumed``, ``_sample``, ``_set_entry``, the ninety-sixth's ``Quadratic``
user family through ``_quadratic``, ``_train_quadratic``, ``_evaluate_quadratic``, and its
``_save_fields`` and ``_under_the_batteries_ulimit``, the ninety-eighth's ``_omniglot_run``).
To reuse those helpers correctly their bodies were read in the earlier test files (test code
only: the helpers above, ``Quadratic``, ``small_problem`` in conftest, ``omniglot_real.py``'s
``REAL_DATA`` line). The head of the eighth's ``classify_case`` was not reread (the templates'
use of it was followed). No library docstring was read, no checkpoint's entries were listed
(the entry names used are the earlier batteries'; before the run a plumbing script checked,
one name at a time, that the five names used are keys of the good checkpoint). Not read: the
body of any validation code, the library's source, its history, anything of /work/main.
Disclosed: the commit above was read with ``git log -1 --format=%h`` (HEAD's short hash only,
no history); the signature listing showed ``omniglot.load``'s default ``parts`` (its URLs,
sizes and hashes). The command line was run for ``--help`` only, before the battery. Before
the first run, good calls were made to get the plumbing right (``adapt.sgd_path``,
``anil_meta_loss``, ``meta_loss``, ``meta_gradient_norms``, ``reptile_direction``,
``ridge_fit``, ``newton_solve``, ``subset_meta_loss``, ``closed_form_meta_loss``,
``check_update``, ``adaptation_curves``, ``make_strategy`` of multitask, fomaml with an MLP,
closed_form, ``R2D2`` with an ``R2D2Config``, ``with_test_time``, ``hyperparameters``, library
``train`` with a checkpoint, ``evaluate`` on clusters, ``held_out_tasks`` with ``start``,
``task_rng``, ``interval``, ``init_rng``, ``load_checkpoint``, ``_save_fields``, ``MLP.head``
and ``apply``, ``adam_update``, ``adam_rows``, ``batch_norm``, ``finn_init``,
``cross_entropy``, ``accuracy``, the good ``Quadratic``, ``Omniglot(...).sample``,
``finn_split``, ``families``, ``build``, ``accuracy_curves``). Four of them failed and showed
that the drafts' plumbing was wrong; all four were corrected before any run of the battery:
``sgd_path`` wants theta with a task axis ("theta[0] must have a leading task axis of the
batch's 3 tasks (... per_task(params, 3))"), so the swapped-arguments case passes
``per_task(params, 3)``; ``reptile_direction``'s theta_T is not ``per_task``'s copies (the
bias copies are (3, 1, 8), "theta_T[1] must have shape (tasks, 8)"), so that case reverses
``fine_tune_tasks``' output instead; ``build`` takes one family, not ``families``' dict (the
case passes ``families(...)["train"]``); and ``with_test_time`` takes only configuration
fields ("n_steps=5 is no field of MAMLConfig (its fields: first_order, inner_lr, inner_steps,
meta_batch, meta_lr, n_query, n_support)"), so the draft ``with_test_time n_step=5, a
misspelling of n_steps`` was not a misspelling of a valid name and was replaced (by
``with_test_time inner_steps 10**9``). Every case writes only inside its temporary folder
(checked after the runs: ``git status --short`` shows this file only). The plumbing scripts,
the id list and a per-case message listing were kept outside the worktree, in
/tmp/wt110_scratch and /tmp/wt110_ids.*, and deleted afterwards. SCRATCHMETA_DATA was unset
(the decoded Omniglot cache under ~/.cache/scratchmeta; the Omniglot zips at REAL_DATA). The
runs were made as root.

Areas, as written: train on the command line -- scratch and pretrained and closed_form and
fomaml and maml on sinusoid_frequency, anil and r2d2 and newton_head and reptile on clusters,
multitask and subset on linear, one resumed (anil) (12); evaluate and compare on the command
line -- runs of subset, pretrained, closed_form, anil, multitask, reptile; compare of fomaml on
linear, reptile, newton_head and r2d2 on clusters, anil on sinusoid, scratch on
sinusoid_frequency (12); Chapter 2's functions -- adapt.sgd_path, anil_meta_loss, meta_loss,
meta_gradient_norms, reptile_direction, ridge_fit, newton_solve, subset_meta_loss,
closed_form_meta_loss, guard.check_update, normalization.adaptation_curves (11); strategies and
the registry -- make_strategy (fomaml, reptile, multitask twice, closed_form), R2D2 from an
R2D2Config, with_test_time, hyperparameters, library train of an anil clusters strategy (10);
train, evaluate, select_test_time, held_out_tasks, task_rng, interval, init_rng in the library
(11); checkpoints -- load_checkpoint, restore, save_checkpoint, evaluate and train --resume on
the command line (12); nn/optim/batchnorm -- MLP sizes, activation, apply, head; per_task,
adam_update, adam_rows, batch_norm, finn_init (11); task families -- Sinusoid,
LinearRegression, SinusoidFrequency, GaussianClusters, make_family, cross_entropy, accuracy,
mse, the ninety-sixth's ``Quadratic`` with one method changed (14); Omniglot -- Omniglot's
n_way, split, data, n_train with n_validation; finn_split, omniglot_compare's accuracy_curves,
families and build, train and evaluate of omniglot on the command line (10): 103.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --inner-lr 1e-3e (a stray letter, scratch), --meta-lr 0.00.1 (pretrained),
  --meta-batch 0.5 (closed_form) and 2**5 (maml), --checkpoint-every 1_000 (reptile), evaluate
  --support 0.5, --query 1e1, --tasks 600.0, --seed 22.0, compare --tasks 4.0, --seed 7e0,
  omniglot --n-support 2.5; meta_loss inner_lr '0.01', anil_meta_loss inner_steps 2.5,
  subset_meta_loss rng the int 7, closed_form_meta_loss loss 'mse', make_strategy fomaml model
  a list of sizes, closed_form learn_lam 0.5, multitask n_train_tasks 1e3, train
  checkpoint_every '1', evaluate family 'sinusoid', held_out_tasks start '0', task_rng i 1.5,
  save_checkpoint state a list and changes a string, MLP sizes (1.5, 8, 1), activation a list,
  per_task n_tasks 'three', finn_init sizes (1, 8.5, 1), Sinusoid amplitude of three numbers,
  LinearRegression scale a range, GaussianClusters spread 'wide', mse y 'ones', Omniglot n_way
  (5, 5), split 2, data the images array, families n_way '5', accuracy_curves chunk 2.5;
- out of range -- zero, negative, NaN, inf, huge, a seed too large: --n-query -10 (anil),
  --set head_meta_lr=-0.03 (multitask), --lam 1e-400 (r2d2, underflowing to 0), --set
  subset_size=101 (past its 100 support points), evaluate --steps 1e400, compare --adapt-steps
  1e400, --val-tasks -4, resumed --n-query -2; meta_gradient_norms inner_lrs with inf,
  newton_solve tol -1e-10, check_update max_norm 0.0, adaptation_curves n_steps -2,
  make_strategy reptile n_steps -10, R2D2Config inner_lr -0.1, train seed 2**64, n_steps
  1e400, init_rng seed inf, save_checkpoint seed 2**64, adam_update eps 0.0, batch_norm scale
  with -inf, Sinusoid phase (nan, 3.0), GaussianClusters spread -2.0, finn_split n_train
  1e400, Omniglot n_train 1000 with n_validation 700 (past its 1623 characters); huge (memory or
  time): with_test_time inner_steps 10**9, library train of an anil clusters strategy of
  meta_batch 10**9;
- a wrong shape or empty: reptile_direction theta_T in reverse order, ridge_fit y of 2 tasks
  for 3, MLP apply x of 2 features, MLP head features of 4 for 8, MLP sizes ending in 0,
  adam_update grads one short, cross_entropy logits 2-D for 3-D one-hots, accuracy logits of 3
  classes for one-hots of 5, select_test_time candidates empty, interval of no values;
- a user's function that misbehaves (``Quadratic``): metric returning a (tasks, 1) column,
  sample_x returning one point more than asked, target returning an extra trailing axis;
- degenerate data: SinusoidFrequency x_range (2.0, 2.0), an interval of no width;
- files and paths: load_checkpoint of the good path without its .npz suffix and of a JSON file
  named .npz; checkpoints whose state/adam/m/2 is complex, state/params/0 has an extra row,
  state/adam/v/0 is all NaN, meta/step is the text '2' (evaluate), state/params/2 lost its
  last value (train --resume); save_checkpoint path '';
- mismatches: train --resume of an anil run with --strategy closed_form, evaluate --split on a
  sinusoid run, compare newton_head with --query 8 for 5 ways, library evaluate of a clusters
  strategy with n_support 3, evaluate of a maml strategy with an r2d2 state, fields a
  strategy has not got (fomaml --set lam, newton_head --set head_steps), sgd_path with batch
  and model swapped, adam_rows state m of NaN;
- typos and misspellings: compare --strategies r2-d2, make_strategy 'fo-maml',
  hyperparameters 'newton', multitask head_init 'Closed_Form', make_family 'cluster' and
  ampltude=, omniglot_compare build 'MAML', evaluate --split Test.

Repeats: the 13,702 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were grepped, before any run, for each draft's function or option with its kind (about 250
patterns over seven rounds, e.g. ``inner-lr 1e400``, ``scratch.*inner-lr``, ``batched=``,
``learn_lam=``, ``head_init=``, ``pretrained.*meta-lr``, ``newton_head.*lam``, ``scale=nan``,
``subset_size=``, ``resume.*(strategy|family)``, ``sgd_path``, ``adapt.steps``,
``anil_meta_loss``, ``meta_gradient_norms``, ``reptile_(step|direction)``, ``ridge_fit``,
``newton_solve``, ``softmax_head_unrolled``, ``subset_meta_loss``, ``closed_form_meta_loss``,
``check_update``, ``max_norm``, ``adaptation_curves``, ``with_test_time``, ``head_meta_lr``,
``head_inner_lr``, ``head_seed``, ``learn_scale``, ``^train (n_steps|seed|log_every|history|
checkpoint_every|overwrite)``, ``^evaluate (seed|family|state|strategy|n_tasks|n_query|
n_steps|n_support)``, ``chunk_size``, ``on_divergence``, ``held_out_tasks start``,
``task_rng``, ``init_rng``, ``load_checkpoint``, ``restore root``, ``save_checkpoint (path|seed|
state)``, ``meta/(seed|step)``, ``state/params/[0-2]``, ``state/adam/(m|v)``, ``MLP
(activation|dtype|head|sizes)``, ``per_task``, ``adam_(update|rows) (eps|grads|lr|beta|state)``,
``batch_norm (h|eps|scale|offset)``, ``finn_init``, ``Sinusoid (phase|x_range|amplitude)``,
``LinearRegression scale``, ``spread``, ``cross_entropy logits``, ``accuracy logits``,
``^mse``, ``metric returns``, ``sample_x returns``, ``target returns``, ``Omniglot (split|
rotate|n_train|n_way|data)``, ``finn_split``, ``episodes``, ``families``, ``accuracy_curves``,
``omniglot.*n-(query|support)``), and every id by a script against all of them: exactly, by
its first four words, and by its argument or option with its value (the first two mentions).
Drafts replaced before any run because a grep or the script found their id or substance
(ten exact ids among them): train subset --set subset_size=-3, multitask --set
head_init=closedform, pretrained --meta-lr inf and 1/1000, r2d2 --lam -inf, maml --meta-batch
1e1, reptile --checkpoint-every -5, fomaml --set first_order=false, closed_form --set
learn_scale=maybe; evaluate --query -1, --tasks 1, --seed -3, split 'val' (omniglot); compare
--tasks nan, --seed 1.5, --adapt-steps -1, closed_form on clusters (not surely a bad input) and
maml on clusters --support 3; sgd_path stop_on_divergence 'yes', ridge_fit lam inf (exact),
newton_solve tol nan (exact), closed_form_meta_loss scale nan (exact) and lam 1e400,
reptile_direction theta_T one array short, check_update max_loss -1.0; make_strategy
multitask head_inner_lr nan and head_seed -1, closed_form learn_scale 'no', R2D2 scale 0.0,
Scratch inner_lr inf, with_test_time inner_lrr and inner_steps True; train checkpoint_every 0
(exact), overwrite 'no', n_steps True, '2' and 0, evaluate seed 2**64 and -22, state None
(exact), held_out_tasks start 1.5, task_rng i -4, init_rng seed 'abc'; load_checkpoint a
folder and an empty file, restore root a file, save_checkpoint path under a file and
meta_losses 'none', checkpoints whose meta/seed is 0.5 or 2**64, state/params/1 one row more,
train --resume with --meta-batch 0; MLP activation None, dtype 'float16' and 'int32', head
head_params None (exact), per_task n_tasks -2, adam_rows beta2 1.5 and state t of 2 rows,
batch_norm eps -1e-3 and offset of 2 for 3, finn_init rng the int 0; Sinusoid amplitude (0.1,
inf) and phase 'pi', LinearRegression scale -1.0 (exact), GaussianClusters n_way 2.5 and
10**6, cross_entropy logits NaN, mse y None (exact), the Quadratic's metric None, sample_x a
nested list and target one float; Omniglot split 'Train' (exact), rotate 'yes', n_train -100,
n_way 2.5, finn_split n_validation 2.5, episodes shots 0 (exact), families n_way 1 and -5,
accuracy_curves chunk 0, train omniglot --root a file. Nine more drafts, near earlier ids,
were dropped before any run to bring the count to about 100 (LinearRegression noise '0.1',
Sinusoid sample n_tasks 0, Omniglot sample n_tasks -1, episodes n_tasks 2.5,
softmax_head_unrolled n_steps 1.5, Scratch n_support 2.5, check_shots n_way -5, compare
omniglot --adapt-steps nan, reptile_step meta_lr 1e400). No exact id repeats (checked by a
script against the same list).

Near earlier ids, kept as new ways (the lead may judge): ``--inner-lr 1e-3e`` near ``meta-lr
with a stray letter after the exponent``; ``--meta-lr 0.00.1`` near ``inner-lr two decimal
points``; ``--lam 1e-400`` near ``closed_form lam underflows to 0``; ``--checkpoint-every
1_000`` near ``evaluate seed/support with an underscore``; ``--meta-batch 2**5`` near
``compare adapt-steps a Python power expression 2**3``; ``--set head_meta_lr=-0.03`` near
``Multitask ... head_meta_lr 0.0``; ``fomaml --set lam`` and ``newton_head --set head_steps``
near ``newton_head --set max_steps=5, a field it has not got``; resumed anil with
``--strategy closed_form`` near ``train resume a maml run with strategy reptile``; ``resumed
--n-query -2`` near ``sinusoid_frequency n-query -2``; evaluate ``--query 1e1`` near ``compare
maml ... query 1e2``; ``--tasks 600.0``/compare ``--tasks 4.0`` near ``compare val-tasks
2.0``; compare ``newton_head ... query 8`` near ``evaluate an r2d2 clusters run with query 7``;
``compare ... val-tasks -4`` near ``compare val-tasks`` values elsewhere; ``anil_meta_loss
inner_steps 2.5`` near ``meta_grad inner_steps 2.5``; ``meta_loss inner_lr '0.01'`` near
``meta_grad inner_lr np.str_('0.01')``; ``meta_gradient_norms inner_lrs [0.01, inf]`` near
``... holding a negative step size``; ``adaptation_curves n_steps -2`` near
``softmax_head_unrolled n_steps -2``; ``R2D2 ... inner_lr -0.1`` near ``NewtonHeadConfig of
inner_lr -0.1``; ``make_strategy multitask head_init 'Closed_Form'`` near ``MultitaskConfig
check head_init 'closedform'``; ``with_test_time inner_steps 10**9`` near ``fine_tune_tasks
inner_steps 10**9``; ``train checkpoint_every '1'`` near ``np.bytes_(b'1')``; ``train n_steps
1e400`` near ``train n_steps 2**70``; ``evaluate ... clusters ... n_support 3`` near ``train
scratch on clusters with set n_support=3``; ``evaluate state an r2d2 state`` near ``evaluate
state a defaultdict without params``; ``held_out_tasks start '0'`` near ``start 2.5``;
``task_rng i 1.5`` near ``task_rng i True``; ``init_rng seed inf`` near ``init_rng seed -1``;
``load_checkpoint a JSON file named .npz`` near ``a 7-Zip archive named .npz``; ``state/adam/m/2
is complex`` near ``state/adam/v/4 is complex``; ``state/params/0 has one extra row`` near
``state/params/1 holds 41 values for 40``; ``state/adam/v/0 is all NaN`` near ``state/adam/m/3
holds NaN``; ``save_checkpoint seed 2**64`` near ``save_checkpoint step 10**20``;
``save_checkpoint state the list of parameters`` near ``state an empty dict``;
``save_checkpoint changes 'inner_lr'`` near ``changes [1, 2]``; ``meta/step is the text '2'``
near ``meta/step is 1.5``; ``state/params/2 lost its last value`` near ``state/params/2 is
flattened``; ``MLP sizes (1.5, 8, 1)`` and ``finn_init sizes (1, 8.5, 1)`` near ``finn_init
sizes a float array``; ``MLP activation a list`` near ``'relu,tanh'``; ``MLP apply x of 2
features`` near ``sample_x returns x of 2 features``; ``MLP head features of 4`` near ``MLP
head features``; ``per_task n_tasks 'three'`` near ``per_task n_tasks 3.0``; ``adam_update eps
0.0`` near ``adam_rows eps 0``; ``adam_update grads one array short`` near ``reptile_direction
theta_T one array short``; ``adam_rows state m holding NaN`` near ``state v negative``;
``batch_norm scale holding -inf`` near ``scale holding a NaN``; ``Sinusoid amplitude of three
numbers`` near ``LinearRegression mean of three numbers``; ``Sinusoid phase (nan, 3.0)`` near
``x_range (-5.0, nan)``; ``LinearRegression scale (0.5, 2.0)`` near ``noise (0.1, 0.2)``;
``SinusoidFrequency x_range (2.0, 2.0)`` near ``Sinusoid x_range (5.0, -5.0)``;
``GaussianClusters spread -2.0`` and ``'wide'`` near ``spread 5e-324``; ``make_family
'cluster'`` near ``make_family 'sinus'``; ``ampltude=`` near ``spred=``; ``cross_entropy logits
2-D for y_onehot 3-D`` near ``accuracy logits 2-D for y 3-D``; ``accuracy logits of 3 classes
for 5`` near the same; ``mse y 'ones'`` near ``mse pred a list of strings``; the ``Quadratic``
cases near the earlier ones (``metric returns one value per point``, ``sample_x returns one
task too few``, ``target returns 2 outputs for n_outputs 1``); ``Omniglot n_way (5, 5)`` near
``families n_way 2.5``; ``split 2`` near ``split a UserString``; ``data the images array``
near ``data a plain tuple of its four fields``; ``n_train 1000 and n_validation 700`` near
``n_train 2000``; ``finn_split n_train 1e400`` near ``n_train -1``; ``accuracy_curves chunk
2.5`` near ``chunk 0``; ``families n_way '5'`` near ``Omniglot n_way np.str_('5')``;
``build 'MAML'`` near ``weights_path name 'mamll'``; ``omniglot --n-support 2.5`` near ``train
resume a maml run with n-support 2.5``; ``evaluate ... split 'Test'`` near ``Omniglot split
'Train' in capitals``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 62 of the 103. After the
first run no case was added, removed, reordered or swapped; no mentions were changed; nothing
was corrected (the plumbing slips above were all found and corrected before the first run).

Memory and time: ``with_test_time inner_steps 10**9`` and library ``train`` of an anil
clusters strategy of meta_batch 10**9 (run under the ninety-sixth's
``_under_the_batteries_ulimit``) were both refused before any work (the first by the 100,000
cap on inner steps, the second naming 61.6 TiB against the 7.22 GiB left); the other counts
past any use are checked before any work (inf, 1e400, 2**64, 10**9).

First run at 7883f2a (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset): kept, 61 of 62
clear (98.4%), 1 unclear, 0 silent, 0 data loss -- cli train 7/7, evaluate/compare 7/7, meta
functions 6/7, strategies 6/6, evaluate and train 7/7, checkpoints 7/7, nn/optim/batchnorm 7/7,
task families 8/8, omniglot 6/6. Written (``--written``): 102 of 103 clear (99.0%), 1 unclear,
0 silent, 0 data loss -- cli train 12/12, evaluate/compare 12/12, meta functions 10/11,
strategies 10/10, evaluate and train 11/11, checkpoints 12/12, nn/optim/batchnorm 11/11, task
families 14/14, omniglot 10/10. Under pytest (SCRATCHMETA_DATA unset): 62 passed (61 kept cases
and the wide-and-new test), 1 failed (the unclear case below). Rerun once after this
docstring was written (script, kept, and pytest): the same.

Not clear, kept:
- ``adapt.sgd_path batch and model in each other's places``: unclear [does not name the
  argument given the model: mentions ['batch']], TypeError "model must be a network with
  apply(params, x), e.g. scratchmeta.nn.MLP((1, 40, 40, 1)), got TaskBatch(x_support=array([[[
  4.2353016 ], [-2.33869728], ..." -- it names ``model`` and the type of what was given there
  (a TaskBatch), but not ``batch``, where the MLP went, nor that the two look swapped; and it
  prints the TaskBatch's arrays over several lines. (The lead may judge the mention: the
  message does name one of the two swapped arguments with its value's type.)

Not clear, written and not kept: none.

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --inner-lr:
expected a positive number, written in decimal digits, a point and an exponent, got '1e-3e'
...", "error: subset_size must be an integer between 1 and the number of support points (100)
of n_support, got 101 (--strategy subset --family linear) (given as --set subset_size=101)",
"error: strategy FOMAML has no hyperparameter 'lam' (--set lam=0.1); it takes [...]", "error:
--split applies to omniglot checkpoints, .../reptile.npz holds a sinusoid run", "error:
--support 5 --query 8: n_query must be a multiple of n_way=5 ...", "TypeError: state['params']
must be a list of parameter arrays [W1, b1, ...] (...), got a dict with the keys ['body',
'log_lam', 'log_scale']: is state the state of another strategy?", "ValueError:
'.../json.npz' is not a checkpoint: it is a text file (starts with b'{\"state\": {\"para'),
...", "ValueError: refusing to save '.../saved.npz': it holds none of the model's parameters:
...", "TypeError: UserQuadratic.metric (_metric_column) must return one real number per task,
an array of shape (2,) for pred of shape (2, 5, 1), got ... shape (2, 1)", "ValueError: n_train
+ n_validation must leave test characters: got 1000 + 700 for 1623 characters"). Clear by the
harness but slightly off: ``select_test_time candidates []`` says "candidates must be positive
step sizes, got tuple ()" (not that at least one is needed); ``interval`` of no values says
"an interval needs at least 2 values, got 0" without naming ``values``; the resumed anil run
asked for closed_form says "holds a anil run"; ``adam_update`` with one gradient short, the
``Quadratic`` whose target adds a trailing axis and ``Omniglot`` given the images array print
arrays' reprs (over several lines for the last two); ``load_checkpoint`` of the path without
its suffix raises ``MissingCheckpoint`` ("no checkpoint at '.../good': path must name a .npz
that train wrote"), clear, though it does not suggest the missing ``.npz``.

Measured on main at 7883f2a, the commit it was written at, blind (the lead reran it there, with
the hundred-and-eleventh beside it): kept, 61 of 62 clear (98.4%), 1 unclear, 0 silent, 0 data
loss. With the hundred-and-eleventh (50 of 55) the pair is 111 of 117 (94.9%), no data loss.
Round 75 (with sight of this file, not blind): a TaskBatch given where the model is meant is
named as the batch, with the sizes of its parts and the word that batch and model look
swapped, so the sgd_path case is clear.
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta import adapt
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, interval, task_rng, with_test_time
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.guard import check_update
from scratchmeta.meta.maml import meta_loss
from scratchmeta.meta.normalization import adaptation_curves
from scratchmeta.meta.omniglot_compare import accuracy_curves, build, families
from scratchmeta.meta.r2d2 import R2D2, R2D2Config
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_direction
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import init_rng, train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _good, _train
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
                                         _train_quadratic, _evaluate_quadratic,
                                         _under_the_batteries_ulimit)
from test_bad_inputs_ninetyeighth import _omniglot_run
from test_bad_inputs_hundredsecond import _adam, _needs_omniglot, _params
from test_bad_inputs_hundredsixth import _omniglot_maml

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train scratch on sinusoid_frequency with inner-lr 1e-3e, a stray letter after the "
     "exponent",
     _train("--strategy", "scratch", "--family", "sinusoid_frequency", "--inner-lr", "1e-3e"),
     ["--inner-lr", "1e-3e"]),
    ("train anil on clusters with n-query -10",
     _train("--strategy", "anil", "--family", "clusters", "--n-query", "-10"),
     ["--n-query", "-10"]),
    ("train multitask on linear with set head_meta_lr=-0.03, a sign slip",
     _train("--strategy", "multitask", "--family", "linear", "--set",
            "head_meta_lr=-0.03"), ["head_meta_lr", "-0.03"]),
    ("train pretrained on sinusoid_frequency with meta-lr 0.00.1, two decimal points",
     _train("--strategy", "pretrained", "--family", "sinusoid_frequency", "--meta-lr",
            "0.00.1"), ["--meta-lr", "0.00.1"]),
    ("train closed_form on sinusoid_frequency with meta-batch 0.5, a fraction for a count",
     _train("--strategy", "closed_form", "--family", "sinusoid_frequency", "--meta-batch",
            "0.5"), ["--meta-batch", "0.5"]),
    ("train r2d2 on clusters with lam 1e-400, a penalty that underflows to zero",
     _train("--strategy", "r2d2", "--family", "clusters", "--lam", "1e-400"),
     ["--lam", "1e-400"]),
    ("train fomaml on sinusoid_frequency with set lam=0.1, a field fomaml has not got",
     _train("--strategy", "fomaml", "--family", "sinusoid_frequency", "--set", "lam=0.1"),
     ["lam"]),
    ("train subset on linear with set subset_size=101, more than its 100 support points",
     _train("--strategy", "subset", "--family", "linear", "--set", "subset_size=101"),
     ["subset_size", "101"]),
    ("train maml on sinusoid_frequency with meta-batch 2**5, a power written as an "
     "expression",
     _train("--family", "sinusoid_frequency", "--meta-batch", "2**5"),
     ["--meta-batch", "2**5"]),
    ("train newton_head on clusters with set head_steps=3, multitask's field",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "head_steps=3"),
     ["head_steps"]),
    ("train resume an anil run with strategy closed_form, another strategy than the run's",
     _resumed("anil", "--strategy", "closed_form"), ["closed_form"]),
    ("train reptile on clusters with checkpoint-every 1_000, a count with an underscore",
     _train("--strategy", "reptile", "--family", "clusters", "--checkpoint-every", "1_000"),
     ["--checkpoint-every", "1_000"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate a subset run with support 0.5, a fraction for a count",
     _evaluate(lambda d: _run(d, "subset"), "--support", "0.5"), ["--support", "0.5"]),
    ("evaluate a pretrained run with steps 1e400, a count that overflows",
     _evaluate(lambda d: _run(d, "pretrained"), "--steps", "1e400"), ["--steps", "1e400"]),
    ("evaluate a closed_form run with query 1e1, a count in e-notation",
     _evaluate(lambda d: _run(d, "closed_form"), "--query", "1e1"), ["--query", "1e1"]),
    ("evaluate an anil run with tasks 600.0, a whole float for a count",
     _evaluate(lambda d: _run(d, "anil"), "--tasks", "600.0"), ["--tasks", "600.0"]),
    ("evaluate a multitask run with seed 22.0, a whole float for a seed",
     _evaluate(lambda d: _run(d, "multitask"), "--seed", "22.0"), ["--seed", "22.0"]),
    ("evaluate a reptile sinusoid run with split test, an omniglot option",
     _evaluate(lambda d: _run(d, "reptile"), "--split", "test"), ["--split"]),
    ("compare fomaml on linear with tasks 4.0, a whole float for a count",
     _compare_on(["fomaml"], "linear", "--tasks", "4.0"), ["--tasks", "4.0"]),
    ("compare reptile on clusters with adapt-steps 1e400, a count that overflows",
     _compare_on(["reptile"], "clusters", "--support", "5", "--query", "5", "--adapt-steps",
                 "1e400"), ["--adapt-steps", "1e400"]),
    ("compare anil on sinusoid with seed 7e0, a seed in e-notation",
     _compare_on(["anil"], "sinusoid", "--seed", "7e0"), ["--seed", "7e0"]),
    ("compare newton_head on clusters with query 8, not a multiple of its 5 ways",
     _compare_on(["newton_head"], "clusters", "--support", "5", "--query", "8"),
     ["--query", "8"]),
    ("compare strategies 'r2-d2', a misspelling of r2d2",
     _compare_on(["r2-d2"], "clusters", "--support", "5", "--query", "5"), ["r2-d2"]),
    ("compare scratch on sinusoid_frequency with val-tasks -4",
     _compare_on(["scratch"], "sinusoid_frequency", "--val-tasks", "-4"),
     ["--val-tasks", "-4"]),
]

# --- Chapter 2's functions

def _sgd_path_swapped():
    model, params, batch = _problem()
    return adapt.sgd_path(per_task(params, 3), model, batch, inner_lr=0.01, loss=mse)


def _direction_reversed():
    model, params, batch = _problem()
    theta_T = fine_tune_tasks(params, batch, model, inner_lr=0.01, inner_steps=1)
    return reptile_direction(params, theta_T[::-1])


def _ridge_fit_tasks():
    return ridge_fit(_features(), np.ones((2, 5, 1)), 1.0)


def _newton_tol_nan():
    b = _clusters_batch()
    return newton_solve(b.x_support, b.y_support, 1.0, tol=-1e-10)


def _subset_rng_int():
    model, params, batch = _problem()
    return subset_meta_loss(params, batch, model, 7, subset_size=2, inner_lr=0.01,
                            inner_steps=1)


def _cf_scale_nan():
    model, params, batch = _problem()
    body, head = split(params)
    return closed_form_meta_loss(body, batch, model, lam=1.0, loss="mse")


def _check_update_max_loss():
    return check_update(1.0, [np.ones(3)], step=1, advice="lower meta_lr", max_norm=0.0)


def _curves_negative():
    model, params, batch = _problem()
    return adaptation_curves(params, batch, model, n_steps=-2)


def _norms_lr_inf():
    model, params, batch = _problem()
    return meta_gradient_norms(params, batch, model, [1], [0.01, np.inf])


META_CASES = [
    ("adapt.sgd_path batch and model in each other's places",
     lambda d: _sgd_path_swapped(), ["batch"]),
    ("anil_meta_loss inner_steps 2.5, a float for a count",
     lambda d: _meta(anil_meta_loss, inner_steps=2.5), ["inner_steps", "2.5"]),
    ("maml meta_loss inner_lr the text '0.01', a number as text",
     lambda d: _meta(meta_loss, inner_lr="0.01"), ["inner_lr", "0.01"]),
    ("meta_gradient_norms inner_lrs [0.01, inf]",
     lambda d: _norms_lr_inf(), ["inner_lrs", "inf"]),
    ("reptile_direction theta_T fine_tune_tasks' arrays in reverse order, each of another "
     "shape",
     lambda d: _direction_reversed(), ["theta_T"]),
    ("ridge_fit y of 2 tasks for features of 3 tasks",
     lambda d: _ridge_fit_tasks(), ["y"]),
    ("newton_solve tol -1e-10, a sign slip",
     lambda d: _newton_tol_nan(), ["tol", "-1e-10"]),
    ("subset_meta_loss rng the int 7, where a Generator is meant",
     lambda d: _subset_rng_int(), ["rng", "7"]),
    ("closed_form_meta_loss loss the string 'mse', a name where the function is meant",
     lambda d: _cf_scale_nan(), ["loss"]),
    ("guard check_update max_norm 0.0, no gradient allowed at all",
     lambda d: _check_update_max_loss(), ["max_norm", "0.0"]),
    ("normalization adaptation_curves n_steps -2",
     lambda d: _curves_negative(), ["n_steps", "-2"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy 'fo-maml', a hyphen in fomaml",
     lambda d: make_strategy("fo-maml", meta_batch=2), ["fo-maml"]),
    ("make_strategy reptile n_steps -10",
     lambda d: make_strategy("reptile", meta_batch=2, n_steps=-10), ["n_steps", "-10"]),
    ("make_strategy multitask head_init 'Closed_Form' in capitals",
     lambda d: make_strategy("multitask", meta_batch=2, head_init="Closed_Form"),
     ["head_init", "Closed_Form"]),
    ("make_strategy fomaml model the list of sizes [1, 40, 1], where an MLP is meant",
     lambda d: make_strategy("fomaml", meta_batch=2, model=[1, 40, 1]), ["model"]),
    ("make_strategy closed_form learn_lam 0.5, a fraction for a switch",
     lambda d: make_strategy("closed_form", meta_batch=2, learn_lam=0.5),
     ["learn_lam", "0.5"]),
    ("R2D2 built from an R2D2Config of inner_lr -0.1, a sign slip",
     lambda d: R2D2(make_strategy("r2d2", family="clusters", meta_batch=2).model,
                    GaussianClusters(), R2D2Config(meta_batch=2, inner_lr=-0.1)),
     ["inner_lr", "-0.1"]),
    ("with_test_time inner_steps 10**9, an inner loop without end in sight",
     lambda d: with_test_time(_maml(), inner_steps=10 ** 9), ["inner_steps", str(10 ** 9)]),
    ("hyperparameters 'newton', a shortened newton_head",
     lambda d: hyperparameters("newton"), ["newton"]),
    ("library train an anil clusters strategy of meta_batch 10**9, too many tasks a step "
     "for memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: train(make_strategy("anil", family="clusters", meta_batch=10 ** 9), 1, 0)),
     ["meta_batch", str(10 ** 9)]),
    ("make_strategy multitask n_train_tasks 1e3, a whole float in e-notation for a count",
     lambda d: make_strategy("multitask", meta_batch=2, n_train_tasks=1e3),
     ["n_train_tasks", "1000.0"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train checkpoint_every the text '1', a number as text",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every="1"),
     ["checkpoint_every", "1"]),
    ("train seed 2**64 in the library, a seed too large",
     lambda d: train(_maml(), 2, 2 ** 64), ["seed", str(2 ** 64)]),
    ("train n_steps 1e400, a count that overflows to inf",
     lambda d: train(_maml(), 1e400, 0), ["n_steps", "inf"]),
    ("evaluate a maml clusters strategy with n_support 3, not a multiple of its 5 ways",
     lambda d: evaluate(*_clusters_state(), GaussianClusters(), n_steps=1,
                        **_small(n_support=3)), ["n_support", "3"]),
    ("evaluate family the name 'sinusoid', where the family object is meant",
     lambda d: evaluate(*_maml_state(), "sinusoid", n_steps=1, **_small()), ["family"]),
    ("evaluate state an r2d2 strategy's state for a maml strategy",
     lambda d: evaluate(_maml(), _r2d2_state(), Sinusoid(), n_steps=1, **_small()),
     ["state"]),
    ("select_test_time candidates an empty list, no step size to try",
     lambda d: _select(candidates=[]), ["candidates"]),
    ("held_out_tasks start the text '0', a number as text",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start="0"), ["start", "0"]),
    ("task_rng i 1.5, a fraction for a task index",
     lambda d: task_rng(22, 1.5), ["1.5"]),
    ("evaluate interval values an empty array",
     lambda d: interval(np.array([])), ["values"]),
    ("training init_rng seed inf",
     lambda d: init_rng(float("inf")), ["seed", "inf"]),
]

# --- checkpoints

def _json_npz(d):
    path = d / "json.npz"
    path.write_text('{"state": {"params": [[0.0]]}, "step": 2, "seed": 0}')
    return path


def _clusters_state():
    strategy = make_strategy("maml", family="clusters", meta_batch=2, n_support=5, n_query=5)
    return strategy, strategy.init_state(_rng())


def _r2d2_state():
    strategy = make_strategy("r2d2", family="clusters", meta_batch=2)
    return strategy.init_state(_rng())


P0_EXTRA_ROW = _set_entry("p0row", "state/params/0",
                          lambda a: np.concatenate([a, a[:1]], axis=0))
V0_NAN = _set_entry("v0nan", "state/adam/v/0", lambda a: np.full_like(a, np.nan))
STEP_TEXT = _set_entry("steptext", "meta/step", lambda a: np.array("2"))
P2_SHORT = _set_entry("p2short", "state/params/2", lambda a: a[..., :-1])
M2_COMPLEX = _set_entry("m2cplx", "state/adam/m/2", lambda a: a + 0.5j)


def _state_list(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "saved.npz", list(ckpt.state["params"]), step=ckpt.step,
                           seed=ckpt.seed, config=ckpt.config, meta_losses=ckpt.meta_losses)


CHECKPOINT_CASES = [
    ("load_checkpoint the good checkpoint's path without its .npz suffix",
     lambda d: load_checkpoint(_good(d).with_suffix("")), ["good"]),
    ("load_checkpoint a JSON file named .npz",
     lambda d: load_checkpoint(_json_npz(d)), ["json.npz"]),
    ("restore a checkpoint whose state/adam/m/2 is complex",
     lambda d: restore(M2_COMPLEX(d)), ["state/adam/m/2"]),
    ("restore a checkpoint whose state/params/0 has one extra row",
     lambda d: restore(P0_EXTRA_ROW(d)), ["state/params/0"]),
    ("restore a checkpoint whose state/adam/v/0 is all NaN",
     lambda d: restore(V0_NAN(d)), ["state/adam/v/0"]),
    ("save_checkpoint seed 2**64, a seed too large",
     lambda d: _save_fields(d, seed=2 ** 64), ["seed", str(2 ** 64)]),
    ("save_checkpoint state the list of parameters, where the state dict is meant",
     lambda d: _state_list(d), ["state"]),
    ("save_checkpoint path the empty string ''",
     lambda d: _save_fields(d, path=""), ["path"]),
    ("evaluate on the command line a checkpoint whose meta/step is the text '2'",
     lambda d: ["evaluate", "--checkpoint", str(STEP_TEXT(d)), "--tasks", "4",
                "--steps", "1"], ["meta/step"]),
    ("train on the command line resume a checkpoint whose state/params/2 lost its last value",
     lambda d: ["train", "--resume", "--steps", "4", "--out", str(P2_SHORT(d))],
     ["state/params/2"]),
    ("train on the command line resume the good run with n-query -2",
     lambda d: ["train", "--resume", "--steps", "4", "--out", str(_good(d)), "--n-query",
                "-2"], ["--n-query", "-2"]),
    ("save_checkpoint changes the string 'inner_lr', where the recorded changes are meant",
     lambda d: _save_fields(d, changes="inner_lr"), ["changes"]),
]

# --- nn, optim, batchnorm

def _adam_grads_short():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params[:-1]], adam_init(params),
                       1e-3)


def _head_narrow():
    model = MLP((1, 8, 1))
    body, head = split(model.init(_rng()))
    return model.head(head, np.zeros((1, 5, 4)))


NN_CASES = [
    ("MLP sizes (1.5, 8, 1), a fraction for a width",
     lambda d: MLP((1.5, 8, 1)).init(_rng()), ["sizes", "1.5"]),
    ("MLP activation a list ['relu', 'tanh'], one name per layer",
     lambda d: MLP((1, 8, 8, 1), activation=["relu", "tanh"]).init(_rng()), ["activation"]),
    ("MLP sizes (1, 8, 1, 0), a last layer of no outputs",
     lambda d: MLP((1, 8, 1, 0)).init(_rng()), ["sizes"]),
    ("MLP apply x of 2 features for a network of 1 input",
     lambda d: MLP((1, 8, 1)).apply(_params(), np.zeros((1, 5, 2))), ["x"]),
    ("MLP head features of 4 for a head of 8 inputs",
     lambda d: _head_narrow(), ["features"]),
    ("per_task n_tasks the word 'three'",
     lambda d: per_task(_params(), "three"), ["n_tasks", "three"]),
    ("adam_update eps 0.0, a zero guard against division",
     lambda d: _adam(eps=0.0), ["eps", "0.0"]),
    ("adam_update grads one array short of params",
     lambda d: _adam_grads_short(), ["grads"]),
    ("adam_rows state m holding NaN",
     lambda d: adam_rows([np.full((3, 2), 0.5)],
                         {"t": np.zeros(3, int), "m": [np.full((3, 2), np.nan)],
                          "v": [np.zeros((3, 2))]},
                         [np.ones((3, 2))], np.arange(3), 1e-3), ["m"]),
    ("batch_norm scale holding -inf",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), scale=np.array([1.0, -np.inf, 1.0])),
     ["scale"]),
    ("finn_init sizes (1, 8.5, 1), a fraction for a width",
     lambda d: finn_init(_rng(), (1, 8.5, 1)), ["sizes", "8.5"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _metric_column(self, pred, y):
    return np.mean((np.asarray(pred) - np.asarray(y)) ** 2, axis=(1, 2))[:, None]


def _x_one_more(self, rng, task_params, n_points):
    return rng.uniform(-2, 2, size=(task_params.shape[0], n_points + 1, 1))


def _target_extra_axis(self, task_params, x):
    return Quadratic.target(self, task_params, x)[..., None]


TASK_CASES = [
    ("Sinusoid amplitude (0.1, 2.5, 5.0), three numbers for a range, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=(0.1, 2.5, 5.0)), 2, 5, 5), ["amplitude"]),
    ("Sinusoid phase (nan, 3.0), in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(phase=(np.nan, 3.0)), 2, 5, 5), ["phase"]),
    ("LinearRegression scale (0.5, 2.0), a range where one number is meant, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(scale=(0.5, 2.0)), 2, 5, 5), ["scale"]),
    ("SinusoidFrequency x_range (2.0, 2.0), an interval of no width, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(x_range=(2.0, 2.0)), 2, 5, 5), ["x_range"]),
    ("GaussianClusters spread -2.0, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread=-2.0), 2, 5, 5), ["spread", "-2.0"]),
    ("GaussianClusters spread the word 'wide', in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread="wide"), 2, 5, 5), ["spread", "wide"]),
    ("make_family 'cluster', the singular of clusters",
     lambda d: make_family("cluster"), ["cluster"]),
    ("make_family sinusoid ampltude=(0.1, 5.0), a misspelling of amplitude",
     lambda d: make_family("sinusoid", ampltude=(0.1, 5.0)), ["ampltude"]),
    ("cross_entropy logits 2-D for y_onehot 3-D",
     lambda d: cross_entropy(np.zeros((5, 3)), np.eye(3)[np.zeros((2, 5), int)]),
     ["logits"]),
    ("accuracy logits of 3 classes for y_onehot of 5",
     lambda d: accuracy(np.zeros((2, 5, 3)), np.eye(5)[np.zeros((2, 5), int)]),
     ["logits"]),
    ("mse y the text 'ones'",
     lambda d: mse(np.zeros((2, 5, 1)), "ones"), ["y", "ones"]),
    ("a user's Quadratic TaskFamily whose metric returns a (tasks, 1) column, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_column)), ["metric"]),
    ("a user's Quadratic TaskFamily whose sample_x returns one point more than asked, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_x=_x_one_more), 2, 5, 5), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose target returns y with an extra trailing axis, in "
     "train",
     lambda d: _train_quadratic(_quadratic(target=_target_extra_axis)), ["target"]),
]

# --- Omniglot

def _curves_chunk_zero():
    strategy = _omniglot_maml()
    batch = Omniglot(5, data=_data()).sample(_rng(), 2, 5, 5)
    return accuracy_curves(strategy, strategy.init_state(_rng()), batch, chunk=2.5)


OMNIGLOT_CASES = [
    ("Omniglot n_way (5, 5), a pair where one count is meant",
     lambda d: _sample(Omniglot((5, 5), data=_data())), ["n_way"]),
    ("Omniglot split 2, an index for a split's name",
     lambda d: _sample(Omniglot(5, split=2, data=_data())), ["split", "2"]),
    ("Omniglot data the images array alone, not the OmniglotImages record",
     lambda d: _sample(Omniglot(5, data=_data().images)), ["data"]),
    ("Omniglot n_train 1000 and n_validation 700, more characters than Omniglot's 1623",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=1000, n_validation=700)),
     ["n_validation", "700"]),
    ("finn_split n_train 1e400, a count that overflows to inf",
     lambda d: finn_split(_data().alphabets, _data().characters, n_train=1e400),
     ["n_train", "inf"]),
    ("omniglot_compare accuracy_curves chunk 2.5, a fraction for a count",
     lambda d: _curves_chunk_zero(), ["chunk", "2.5"]),
    ("omniglot_compare families n_way the text '5'",
     lambda d: families(_data(), n_way="5"), ["n_way", "5"]),
    ("omniglot_compare build name 'MAML' in capitals",
     lambda d: build("MAML", families(_data())["train"], 1), ["MAML"]),
    ("train omniglot on the command line with n-support 2.5, a fraction for a count",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--out", str(d / "omni1.npz"), "--n-support", "2.5"],
     ["--n-support", "2.5"]),
    ("evaluate on the command line an omniglot run with split 'Test' in capitals",
     lambda d: _evaluate(_omniglot_run, "--support", "5", "--query", "5", "--split", "Test")(d),
     ["--split", "Test"]),
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


def test_the_hundredtenth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredtenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
