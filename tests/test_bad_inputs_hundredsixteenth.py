"""A hundred-and-sixteenth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (used as the
templates use it; only its head was read). Written blind, in a worktree at commit 8ada233, from
the user's side only: the README; ``--help`` of ``train``, ``evaluate`` and ``compare``; the
public names and signatures (``inspect.signature``) of ``scratchmeta.meta``'s modules (``maml``,
``anil``, ``reptile``, ``ridge``, ``softmax_head``, ``subset``, ``exploding``,
``normalization``, ``guard``, ``adapt``, ``multitask``, ``r2d2``, ``closed_form``,
``maml_low_rank``, ``newton_head``, ``baselines``, ``registry``, ``evaluate``, ``training``,
``checkpoint``, ``omniglot_compare``; not ``checks``/``protocol``/``messages``), ``nn``,
``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; ``tests/test_bad_inputs_cli.py``'s docstring and the helpers
``kept_cases``, ``battery_params``, ``assert_wide_and_new``, ``battery_main`` (and
``report_by_area``, which ``battery_main`` calls); the hundred-and-fourteenth and
hundred-and-twelfth batteries (the templates, in full); the signatures of the earlier
batteries' shared helpers (imported, not copied: ``_good``, ``_damaged``, ``_train``, ``_rng``,
``_data``, the ninetieth's ``_run``, the ninety-second's ``_evaluate``, ``_maml_state``,
``_small``, the ninety-fourth's ``_clusters_batch``, ``_compare_on``, ``_features``, ``_maml``,
``_meta``, ``_problem``, ``_resumed``, ``_sample``, ``_select``, ``_set_entry``, the
ninety-sixth's ``_quadratic``, ``_r2d2_run``, ``_save_fields``, ``_train_quadratic``,
``_evaluate_quadratic``, ``_under_the_batteries_ulimit`` and the method names and signatures
of its ``Quadratic``), used as the templates use them (their bodies were not read); the ids of
every earlier battery (extracted by ``ast``, see below). No library source, library docstring,
validation module, history or file of /work/main was read. Disclosed: the commit above was read
with ``git rev-parse --short HEAD`` (its short hash only); the signature listing showed defaults
(e.g. the configs' fields, ``omniglot.load``'s ``parts``); the good checkpoint's entry names
were listed once with ``np.load(...).keys()`` (to name the entries changed below). Before the
first run, good calls were made to get the plumbing right (``_maml_state``'s keys, ``_select``
with ``n_support=10``, ``subset_batch`` with 2, ``meta_gradient_norm(s)``, ``sharpness``,
``softmax_head`` with ``form='primal'``, ``with_test_time(inner_steps=2)``, ``MAML`` from a good
``MAMLConfig``, ``reptile_step``, ``ridge_fit``, ``fine_tune_tasks``, ``Omniglot.sample``,
``families``, ``build``, ``episodes``, ``check_shots``, ``accuracy_curves``, ``MLP.apply``,
``cross_entropy``, ``accuracy``, ``mse``, ``finn_split``, the ``Quadratic`` in
``held_out_tasks``, ``make_family('linear', mean=...)``, ``batch_norm``, ``_save_fields``,
``evaluate``): all worked, so nothing needed correcting before the run. After the first run,
one behaviour check was made from the user's side to judge a silent case (below). Every case
writes only inside its temporary folder (``git status --short`` after the runs shows this file
only). The id list, scripts and a per-case message listing were kept outside the worktree, in
/tmp/wt116_scratch. SCRATCHMETA_DATA was unset. The runs were made as root (so no
read-only-folder case was written: root writes through it).

Areas, as written: train on the command line -- fomaml on sinusoid_frequency, anil, reptile,
r2d2, newton_head and multitask on clusters, closed_form and scratch on linear, subset on
sinusoid, pretrained on sinusoid_frequency, one resumed (closed_form) (11); evaluate and compare
on the command line -- runs of anil, pretrained, closed_form, maml, r2d2 (clusters), subset;
compare of anil on sinusoid, reptile on linear, closed_form on sinusoid_frequency, an unknown
strategy, fomaml on sinusoid (11); Chapter 2's functions -- meta_loss, anil_meta_grad,
fine_tune_tasks, reptile_step, ridge_fit, ridge_head, softmax_head, subset_batch,
meta_gradient_norm, meta_gradient_norms, sharpness (11); strategies and the registry --
make_strategy (anil, closed_form, multitask, reptile, newton_head, pretrained, scratch, a padded
name), hyperparameters, with_test_time, MAML from a MAMLConfig (11); library train, evaluate,
select_test_time, held_out_tasks, task_rng (11); checkpoints -- load_checkpoint, restore,
save_checkpoint, evaluate on the command line, library train resume (11); nn/optim/batchnorm --
MLP sizes, activation, dtype, init, apply; per_task, split, adam_update, adam_rows, batch_norm
(11); task families -- LinearRegression, Sinusoid, SinusoidFrequency, GaussianClusters,
make_family, mse, cross_entropy, accuracy, the ninety-sixth's ``Quadratic`` with one method
changed (12); Omniglot -- Omniglot's n_way, split, n_validation, sample (n_tasks, rng);
finn_split, check_shots, omniglot_compare's families, build, episodes, accuracy_curves; train
omniglot on the command line (12): 101 written.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --inner-lr 0.01.0 (two points), --meta-batch ½, --steps 70,000, --set
  learn_lam=on, --set head_steps=five; evaluate --support 1_0; compare --seed zero;
  anil_meta_grad first_order 1.0, fine_tune_tasks inner_lr complex, reptile_step meta_lr '0.1',
  meta_gradient_norm inner_steps '1', meta_gradient_norms inner_lrs one number;
  make_strategy anil inner_steps 2.5, reptile inner_lr True, newton_head learn_lam 'false';
  train checkpoint_every 'often', seed a list [0, 1]; evaluate chunk_size 'all', state under
  another key; select_test_time n_support 'ten'; task_rng i '3'; save_checkpoint seed 'zero';
  MLP sizes with a width as text, dtype 'double precision', init rng a SeedSequence, apply x of
  text; split params one array; adam_update grads complex, adam_rows eps 'tiny'; Sinusoid phase
  'random'; GaussianClusters n_way a pair; Omniglot n_way True, sample n_tasks 'two', sample
  rng a SeedSequence;
- out of range -- zero, negative, NaN, inf, huge, a seed too large: --lam -inf, --n-query 0,
  --set subset_size=1e400; evaluate --query -100, --steps inf, --steps -2, --seed 2**64 written
  out; compare --steps 1.5, --val-seed -11, --adapt-steps -10; meta_loss inner_lr -0.0,
  ridge_head lam -inf, subset_batch subset_size 1e400, sharpness iterations -20;
  make_strategy closed_form lam -0.5, pretrained n_support -10, with_test_time inner_steps -1,
  MAMLConfig meta_batch 0; train n_steps -5, log_every -1; evaluate n_query -1;
  select_test_time max_steps 1e400; save_checkpoint step nan; per_task n_tasks -0.0;
  adam_update eps 1e400; batch_norm eps 1e-400 (underflows to 0); SinusoidFrequency frequency
  (nan, 2.0); Sinusoid x_range (1.0, 1.0); Omniglot n_validation 2.5; finn_split n_validation
  1e400; check_shots n_support 1e400; families n_way 0; episodes seed 1.5; accuracy_curves
  chunk -100; huge (memory): train scratch --n-query 10000000000 on the command line (refused
  before allocating, as the issue expects of the CLI) and held_out_tasks n_query 10**10 in the
  library, run under the ninety-sixth's ``_under_the_batteries_ulimit``;
- a wrong shape or empty: ridge_fit y of 4 points for features of 5, mse y without its output
  axis, cross_entropy y_onehot all zeros, accuracy y_onehot of soft labels, save_checkpoint
  path '';
- a user's function that misbehaves (``Quadratic``): sample_x a 0-d array, target with tasks and
  points swapped, sample_params a 3-D array;
- files and paths: load_checkpoint a folder and a text file named .npz; restore with
  state/params/2 all NaN, an extra state/params/9, meta/seed -3, state/adam/m/0 complex;
  evaluate a checkpoint cut to its first half; train omniglot --root a file;
- mismatches: train --resume of a closed_form run with --family linear; pretrained with
  --inner-steps (a flag it has not got); evaluate --split on a sinusoid run; library train
  resume of the good sinusoid maml checkpoint with a maml on linear;
- typos and misspellings: compare strategies 'ridge', softmax_head form 'newton', make_strategy
  multitask head_init 'Zero', scratch family 'Linear', make_strategy 'maml ', hyperparameters
  'r2d2 ', MLP activation 'rleu', make_family linear slope=, Omniglot split 'training', build
  'mamal'.

Repeats: the 14,293 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by first four words; by the text before the first comma), over three rounds, and by about 150
function-and-kind greps over the same list (e.g. ``meta_loss inner_lr``, ``anil_meta_grad
first_order``, ``fine_tune_tasks inner_lr``, ``reptile_step meta_lr``, ``ridge_fit y``,
``ridge_head lam``, ``softmax_head form``, ``subset_batch subset_size``, ``meta_gradient_norms
inner_lrs``, ``sharpness iterations``, ``inner_advice``, ``head_init``, ``learn_lam``,
``strategy_from_config``, ``MAMLConfig``, ``with_test_time inner_lr``, ``train seed``,
``train history``, ``checkpoint_every``, ``chunk_size``, ``candidates``, ``evaluate state``,
``select_test_time max_steps``, ``task_rng i``, ``interval axis``, ``meta/seed``, ``save_checkpoint
step``, ``MLP sizes``, ``MLP init rng``, ``MLP activation``, ``MLP dtype``, ``per_task``,
``adam_update grads|beta1|beta2|eps|lr|state``, ``batch_norm h|scale|offset|eps``,
``finn_init sizes``, ``LinearRegression mean|scale|noise``, ``Sinusoid phase``, ``x_range``,
``SinusoidFrequency frequency``, ``GaussianClusters dim|n_way``, ``make_family``, ``mse``,
``cross_entropy y_onehot``, ``accuracy logits``, ``returns`` of sample_x, target,
sample_params, describe; ``Omniglot n_way|split|n_validation|sample rng|sample n_tasks``,
``finn_split``, ``check_shots``, ``families n_way``, ``episodes seed``, ``accuracy_curves
chunk``, ``--root``, ``--split``, ``compare strategies``, ``adapt-steps``, ``val-tasks``,
``val-seed``, ``seed 18446744073709551616``, ``100001``, ``1_0``, ``½``, ``70,000``,
``0.01.0``, ``resume .*family``). Drafts replaced before any run because the script or a grep
found their id or substance (four exact ids among them): train reptile --steps 0, scratch --seed
-7 (for the huge case), --inner-steps 3 on scratch; evaluate r2d2 --query 0 (exact substance),
--support 3 on clusters, --seed 2**64 on evaluate; meta_loss inner_steps -2, anil_meta_grad
inner_lr '0.1', fine_tune_tasks inner_lr nan, reptile_step meta_lr -0.5, ridge_head lam inf,
subset_batch subset_size 0 and a Fraction 1/2 (exact), sharpness iterations 2.5, with_bias
features None, inner_advice inner_lr 'fast', anil_meta_grad first_order None (exact);
make_strategy pretrained n_support 0, with_test_time inner_lr nan, strategy_from_config record
{}, hyperparameters None; train checkpoint_every 2.5, history a string, evaluate state None
(exact), select_test_time candidates [] and max_steps 2.5 (exact), held_out_tasks n_support -5
and seed 'twenty-two' (for the huge case), interval axis 5, task_rng i -1; load_checkpoint a
text file (kept, new file content), restore params/0 one extra row, save_checkpoint step -1
(exact), train --out ''; MLP sizes (1,), (1, 8.5, 1), (1, 8, 0), activation 3, init rng 42,
apply x complex (exact), x of 2 features, per_task n_tasks 0, split params [], adam_update
grads one short, beta1 1.0, beta2 -0.999, adam_rows rows [0.5], batch_norm eps -1e-3 and offset
text, finn_init sizes (1, 0, 1); LinearRegression scale nan (exact) and scale -1.0, Sinusoid
x_range (0.0, 0.0), GaussianClusters dim 0.5, make_family sinusoid amplitude 5.0, mse pred
None and y of text, cross_entropy y_onehot of 4 classes for 3, accuracy logits NaN and text,
the Quadratic's sample_x text, target None and two columns, sample_params inf, describe None
(exact); Omniglot n_way 0, split 'Train', n_validation -100, sample n_tasks 0, sample rng 0,
finn_split n_validation -1 (exact), check_shots n_way 0 and n_drawings 0, families n_way
'five'. Five more drafts, the last of five areas, were dropped before any run to bring the count
to about 100 (adapt.sgd_path inner_lr a one-tuple, interval values of text, finn_init sizes (1,
40, 40, 1.0), the Quadratic's describe returning a list, evaluate on the command line an
omniglot run with --split val). No exact id repeats (checked by the script against the same
list).

Near earlier ids, kept as new ways (the lead may judge): ``--inner-lr 0.01.0`` near ``meta-lr
0.00.1, two decimal points``; ``--meta-batch ½`` near the vulgar fractions of the samplers;
``--steps 70,000`` near ``--checkpoint-every 1_000``; ``--set learn_lam=on`` near
``learn_lam=maybe``; ``closed_form --lam -inf`` near ``--lam 1e999``; ``newton_head --n-query
0`` near ``--n-query -3``; ``--set head_steps=five`` near ``head_steps=5.5``; ``--set
subset_size=1e400`` near ``subset_size=101``; pretrained ``--inner-steps 4`` near ``scratch with
inner-steps 3``; ``--n-query 10000000000`` near ``--n-support 1000000000``; ``resume a
closed_form run with family linear`` near ``train resume good on another family``; ``evaluate
--query -100`` near ``--query -1``; ``--support 1_0`` near ``checkpoint-every 1_000``;
``--steps inf`` near ``--steps nan``; ``--split`` on a sinusoid run near ``train with
evaluate's --split``; r2d2 ``--steps -2`` near ``--steps 1e1``; ``evaluate --seed
18446744073709551616`` near ``evaluate seed 2**64`` (library); compare ``--steps 1.5`` near
``--steps -300``; ``--val-seed -11`` near ``--val-seed -1``; ``--adapt-steps -10`` near
``--adapt-steps -1``; strategies ``'ridge'`` near ``'newton'``; compare ``--seed zero`` near
``--seed 7e0``; ``meta_loss inner_lr -0.0`` near ``anil_meta_loss inner_lr 0``;
``anil_meta_grad first_order 1.0`` near ``'yes'``; ``fine_tune_tasks inner_lr`` complex near
``reptile_step meta_lr complex``; ``reptile_step meta_lr '0.1'`` near ``a Decimal``;
``ridge_fit y`` of 4 points near ``y of fewer points``; ``ridge_head lam -inf`` near ``NaN``;
``softmax_head form 'newton'`` near ``'lbfgs'``;
``subset_batch subset_size 1e400`` near ``above the support``;
``meta_gradient_norm inner_steps '1'`` near ``1.5``; ``meta_gradient_norms inner_lrs`` one
number near ``a set``; ``sharpness iterations -20`` near ``0``; ``make_strategy anil
inner_steps 2.5`` near ``anil_meta_loss inner_steps 2.5``; ``closed_form lam -0.5`` near ``train
resume a closed_form run with lam -0.5``; ``head_init 'Zero'`` near ``'Closed_Form'``;
``reptile inner_lr True`` near ``anil_meta_grad inner_lr True``; ``newton_head learn_lam
'false'`` near ``NewtonHeadConfig check learn_lam 'no'``; ``pretrained n_support -10`` near
``2.0``; ``scratch family 'Linear'`` near ``'sinusoids'``; ``'maml '`` and ``'r2d2 '`` near
``weights_path name 'maml '``; ``with_test_time inner_steps -1`` near ``nan``; ``MAMLConfig
meta_batch 0`` near ``FOMAMLConfig check meta_batch 0``; ``train n_steps -5`` near ``NaN``;
``checkpoint_every 'often'`` near ``True``; ``log_every -1`` near ``0.5``; ``train seed`` a list
near ``a list of spawned Generators``; ``evaluate n_query -1`` near ``n_query -3``;
``chunk_size 'all'`` near ``2.5``; ``state {'theta': ...}`` near ``a defaultdict without
params``; ``select_test_time n_support 'ten'`` near ``n_support 0``; ``max_steps 1e400`` near
``2**70``; ``held_out_tasks n_query 10**10`` near ``the largest uint64``; ``task_rng i '3'``
near ``i None``; ``load_checkpoint`` a folder near ``evaluate checkpoint a folder``; a text file
named .npz near ``evaluate checkpoint a text file``; ``state/params/2 all NaN`` near
``params/0 all NaN``; ``state/params/9`` near ``state/adam/m/6``; ``meta/seed -3`` near
``meta/seed a word``; ``state/adam/m/0 complex`` near ``state/params/1 complex``;
``save_checkpoint seed 'zero'`` near ``save seed -1``; ``step nan`` near ``the infinity sign``;
``path ''`` near ``--out ''``; ``the first half`` near ``without its last 22 bytes``; a
maml on linear resuming near ``with an anil strategy``; ``MLP sizes (1, '40', 1)`` near ``a
list of strings of Bengali digits``; ``activation 'rleu'`` near ``'tanhh'``; ``dtype 'double
precision'`` near ``'float 64'``; ``rng a SeedSequence`` near ``a RandomState``; ``apply x of
text`` near ``x complex``; ``per_task n_tasks -0.0`` near ``0``; ``split`` one array near ``per_task
params a single array``; ``adam_update grads complex`` near ``adam_update lr a complex NaN``;
``eps 1e400`` near ``eps nan``; ``adam_rows eps 'tiny'`` near ``inf``; ``batch_norm eps
1e-400`` near ``eps 0``; ``Sinusoid phase 'random'`` near ``'pi'``; ``x_range (1.0, 1.0)`` near
``high to low``; ``frequency (nan, 2.0)`` near ``(0.5, inf)``; ``GaussianClusters n_way (5,
5)`` near ``Omniglot n_way (5, 5)``; ``make_family linear slope=`` near ``ampltude=``; ``mse
y`` without its output axis near ``mse pred 1-D for y 3-D``; ``y_onehot all zeros`` near ``rows
summing to 2``; ``soft labels`` near ``accuracy y_onehot with two ones in a row``; the
Quadratic's ``sample_x`` 0-d near ``sample_params returns one scalar``, ``target`` swapped near
``another shape``, ``sample_params`` 3-D near ``one flat vector``; ``Omniglot n_way True``
near ``GaussianClusters n_way True``; ``split 'training'`` near ``'testing'``;
``n_validation 2.5`` near ``family n_validation 2.5``; ``sample n_tasks 'two'`` near ``0``;
``finn_split n_validation 1e400`` near ``n_train 1e400``; ``check_shots n_support 1e400`` near
``2**70``; ``families n_way 0`` near ``1``; ``build 'mamal'`` near ``compare strategies
'anill'``; ``episodes seed 1.5`` near ``-1``; ``accuracy_curves chunk -100`` near ``0``;
``--root`` a file near ``omniglot root a file`` (library).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 101. After the
first run no case was added, reordered or swapped and no mentions were changed; one case was
dropped (``DROPPED``) as an outright slip of the writer, not a bad input at all (below).

Memory and time: the two huge cases were refused before allocating: train scratch ``--n-query
10000000000`` ("one meta-step of From scratch (meta_batch=2, n_support=10,
n_query=10000000000) would need 894 GiB of memory at once, more than the 7.22 GiB left under
this process's memory limit (ulimit -v)") and held_out_tasks ``n_query 10**10`` under
``_under_the_batteries_ulimit`` ("n_tasks 2 x (n_support 5 + n_query 10000000000) of Sinusoid(...)
would need 596 GiB of memory at once, more than the 7.22 GiB left ..."); the counts past any
use (1e400, inf) were checked before work. The whole script ran in a few seconds.

First run at 8ada233 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, 61 of 63 clear (96.8%), 0 unclear, 2 silent, 0 data loss -- cli train 7/7,
evaluate/compare 7/7, meta functions 7/7, strategies 7/7, evaluate and train 7/7, checkpoints
7/7, nn/optim/batchnorm 7/7, task families 5/7 (2 silent), omniglot 7/7. Written
(``--written``): 98 of 101 clear (97.0%), 1 unclear, 2 silent, 0 data loss -- cli train 11/11,
evaluate/compare 11/11, meta functions 11/11, strategies 11/11, evaluate and train 11/11,
checkpoints 11/11, nn/optim/batchnorm 11/11, task families 9/12 (1 unclear, 2 silent), omniglot
12/12. Under pytest: 2 failed, 62 passed.

Correction after the first run (an outright slip, recorded with both results):
``LinearRegression mean (1.0, -0.5), a negative spread, in held_out_tasks`` (kept) was silent.
It was written on the belief, taken from an earlier id ("one number for a mean and a spread"),
that ``mean`` is (mean, spread). Checked from the user's side after the run: tasks drawn with
``LinearRegression(mean=(3.0, -2.0), scale=1e-6, noise=1e-6)`` fit y = 3.00 x - 2.00, and
``describe()`` gives {'mean': [1.0, -0.5], 'scale': 1.0, 'noise': 0.1}: ``mean`` is the mean
of (slope, intercept), so (1.0, -0.5) is a valid family with a negative mean intercept, not a
bad input. It is in ``DROPPED``. After the correction (the rerun, script and pytest): kept, 61
of 62 clear (98.4%), 0 unclear, 1 silent, 0 data loss (task families 5/6); written, 98 of 100
clear (98.0%), 1 unclear, 1 silent, 0 data loss (task families 9/11); under pytest, 1 failed
(the silent case below), 62 passed (61 kept clear cases and the wide-and-new test).

Not clear, kept:
- ``accuracy y_onehot of soft labels (0.5, 0.5, 0.0), not one-hot rows``: silent (no error) --
  ``tasks.accuracy`` gave a result for labels with no single class per row (a tie between
  classes 0 and 1), where ``cross_entropy`` refuses the same rows ("cross_entropy: y_onehot
  must be one-hot (each row one 1, the rest 0), got a first row of [0.0, 0.0, 0.0]" in the
  all-zeros case here). Somewhat doubtful as a bad input: accuracy against the argmax of
  smoothed labels is a convention some users follow; but this row has no argmax, and the
  argument's name says one-hot. The lead may judge.

Not clear, written and not kept:
- ``a user's Quadratic TaskFamily whose sample_params returns a 3-D array, in train``: unclear
  (does not name ``sample_params``) -- "ValueError: UserQuadratic.target must return y of
  shape (tasks, points, n_outputs) = (2, 20, 1) for x of shape (2, 20, 1), got ndarray of
  shape (2, 2, 20, 2) array([[[[ 2.42574576, ...": refused before any step and in one
  ValueError, but it blames the user's ``target`` (which only broadcast the parameters it was
  given) instead of ``sample_params``, which returned parameters of shape (tasks, 3, 2); the
  message also prints the array over several lines.

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --inner-lr:
expected a positive number, written in decimal digits, a point and an exponent, got '0.01.0'
...", "error: --set learn_lam=on: learn_lam must be true or false, got 'on' (a string)",
"error: --inner-steps does not apply to --strategy pretrained: it has no hyperparameter
'inner_steps': pretraining has no inner loop", "error: --resume: .../closed_form.npz holds a
closed_form run on sinusoid, this command asks for --strategy closed_form --family linear; pass
--strategy closed_form --family sinusoid", "error: --split applies to omniglot checkpoints,
.../maml.npz holds a sinusoid run", "ValueError: inner_lr must be a positive finite number, got
-0.0", "TypeError: inner_lrs must be a sequence of values, e.g. [0.01, 0.1], got 0.01",
"ValueError: unknown strategy 'maml ': name must be one of [...]", "TypeError: state must be
the strategy's state, a dict with the keys ['params'] (from init_state), got one without
['params']: ...", "ValueError: '.../notes.npz' is not a checkpoint: it is a text file (starts
with b'step 2, loss 0.5'), ...", "ValueError: '.../p9extra.npz' is damaged: unexpected entry
state/params/9: it lies past the model's 6 parameter arrays ...", "ValueError: eps must be a
positive number, finite (it keeps sqrt(var + eps) > 0), got 0.0", "TypeError: make_family: the
linear family has no argument 'slope' (did you mean 'scale'?); it takes ['mean', 'noise',
'scale']", "ValueError: UserQuadratic.sample_x must return inputs x, real numbers of shape
(tasks, points, n_inputs) = (1, 10, 1), got shape () and dtype float64", "error: --root must be
a folder path, got '.../good.npz', which is a file, not a folder"). Clear by the harness but
slightly off: ``evaluate ... cut to its first half`` says "is not a readable checkpoint: File
is not a zip file" (zipfile's own words after the path; right, if terse); ``library train resume
... with a maml on linear`` lists the differing family arguments ("family.arguments.amplitude:
checkpoint [0.1, 5.0], this run None; ...") rather than saying "sinusoid, not linear" first;
``batch_norm eps 1e-400`` shows the value as read, 0.0, not as typed; ``per_task n_tasks
-0.0`` says "an integer in 1..", where a float was the slip too; ``Omniglot n_validation 2.5``
says "n_train and n_validation must be positive integers, got 1100 and 2.5" (both named);
``MLP apply x of text`` and ``adam_update grads complex`` print the arrays' repr over several
lines.

Measured on main at 8ada233, the commit it was written at, blind (the lead reran it there,
with the hundred-and-seventeenth beside it): kept, 61 of 62 clear (98.4%), 0 unclear, 1
silent, 0 data loss. Round 78 (with sight of this file, not blind): accuracy refuses a row of
y_onehot with a tie for its largest entry, which names no class (argmax took the first).
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.exploding import meta_gradient_norm, meta_gradient_norms
from scratchmeta.meta.maml import MAML, MAMLConfig, meta_loss
from scratchmeta.meta.normalization import sharpness
from scratchmeta.meta.omniglot_compare import accuracy_curves, build, episodes, families
from scratchmeta.meta.registry import (default_model, hyperparameters, make_family,
                                       make_strategy)
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import softmax_head
from scratchmeta.meta.subset import subset_batch
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _evaluate, _maml_state, _small
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _features, _maml, _meta,
                                          _problem, _resumed, _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import (_quadratic, _r2d2_run, _save_fields,
                                         _train_quadratic, _evaluate_quadratic,
                                         _under_the_batteries_ulimit)
from test_bad_inputs_hundredsecond import _adam, _needs_omniglot, _params
from test_bad_inputs_hundredsixth import _omniglot_maml, _rows

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train fomaml on sinusoid_frequency with inner-lr 0.01.0, a number with two points",
     _train("--strategy", "fomaml", "--family", "sinusoid_frequency", "--inner-lr", "0.01.0"),
     ["--inner-lr", "0.01.0"]),
    ("train anil on clusters with meta-batch ½, a vulgar fraction for a count",
     _train("--strategy", "anil", "--family", "clusters", "--meta-batch", "½"),
     ["--meta-batch", "½"]),
    ("train reptile on clusters with steps 70,000, a count with a thousands comma",
     _train("--strategy", "reptile", "--family", "clusters", "--steps", "70,000"),
     ["--steps", "70,000"]),
    ("train r2d2 on clusters with set learn_lam=on, a YAML word for a switch",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "learn_lam=on"),
     ["learn_lam", "on"]),
    ("train closed_form on linear with lam -inf",
     _train("--strategy", "closed_form", "--family", "linear", "--lam", "-inf"),
     ["--lam", "-inf"]),
    ("train newton_head on clusters with n-query 0, no query points to score the head",
     _train("--strategy", "newton_head", "--family", "clusters", "--n-query", "0"),
     ["--n-query", "0"]),
    ("train multitask on clusters with set head_steps=five, a word for a count",
     _train("--strategy", "multitask", "--family", "clusters", "--set", "head_steps=five"),
     ["head_steps", "five"]),
    ("train subset on sinusoid with set subset_size=1e400, a count that overflows",
     _train("--strategy", "subset", "--set", "subset_size=1e400"), ["subset_size", "1e400"]),
    ("train pretrained on sinusoid_frequency with inner-steps 4, a flag pretrained has not got",
     _train("--strategy", "pretrained", "--family", "sinusoid_frequency", "--inner-steps", "4"),
     ["--inner-steps"]),
    ("train scratch on linear with n-query 10000000000, a query set too large for memory",
     _train("--strategy", "scratch", "--family", "linear", "--n-query", "10000000000"),
     ["--n-query", "10000000000"]),
    ("train resume a closed_form run with family linear, another family than the run's",
     _resumed("closed_form", "--family", "linear"), ["linear"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate an anil run with query -100, a sign slip",
     _evaluate(lambda d: _run(d, "anil"), "--query", "-100"), ["--query", "-100"]),
    ("evaluate a pretrained run with support 1_0, a count with an underscore",
     _evaluate(lambda d: _run(d, "pretrained"), "--support", "1_0"), ["--support", "1_0"]),
    ("evaluate a closed_form run with steps inf, adaptation without end",
     _evaluate(lambda d: _run(d, "closed_form"), "--steps", "inf"), ["--steps", "inf"]),
    ("evaluate a maml sinusoid run with split test, an omniglot option on a sinusoid run",
     _evaluate(lambda d: _run(d, "maml"), "--split", "test"), ["--split"]),
    ("evaluate an r2d2 clusters run with support 5, query 5 and steps -2, a sign slip",
     _evaluate(_r2d2_run, "--support", "5", "--query", "5", "--steps", "-2"),
     ["--steps", "-2"]),
    ("evaluate a subset run with seed 18446744073709551616, a seed too large",
     _evaluate(lambda d: _run(d, "subset"), "--seed", "18446744073709551616"),
     ["--seed", "18446744073709551616"]),
    ("compare anil on sinusoid with steps 1.5, a fraction of a meta-step",
     _compare_on(["anil"], "sinusoid", "--steps", "1.5"), ["--steps", "1.5"]),
    ("compare reptile on linear with val-seed -11, a sign slip",
     _compare_on(["reptile"], "linear", "--val-seed", "-11"), ["--val-seed", "-11"]),
    ("compare closed_form on sinusoid_frequency with adapt-steps -10, a sign slip",
     _compare_on(["closed_form"], "sinusoid_frequency", "--adapt-steps", "-10"),
     ["--adapt-steps", "-10"]),
    ("compare strategies 'ridge', the head's name where closed_form is meant",
     _compare_on(["ridge"], "sinusoid"), ["ridge"]),
    ("compare fomaml on sinusoid with seed the word 'zero'",
     _compare_on(["fomaml"], "sinusoid", "--seed", "zero"), ["--seed", "zero"]),
]

# --- Chapter 2's functions

def _reptile_meta_lr_text():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr=0.01, inner_steps=1, meta_lr="0.1")


def _ridge_y_one_point_fewer():
    return ridge_fit(_features(), np.ones((3, 4, 1)), 1.0)


def _softmax_form_newton():
    b = _clusters_batch()
    return softmax_head(b.x_support, b.y_support, 1.0, form="newton")


def _subset_batch_huge():
    b = _clusters_batch()
    return subset_batch(b, _rng(), 1e400)


def _norm_steps_text():
    model, params, batch = _problem()
    return meta_gradient_norm(params, batch, model, inner_steps="1", inner_lr=0.01)


def _norms_lrs_scalar():
    model, params, batch = _problem()
    return meta_gradient_norms(params, batch, model, [1], 0.01)


def _sharpness_iterations_negative():
    model, params, batch = _problem()
    return sharpness(params, batch, model, iterations=-20)


META_CASES = [
    ("maml meta_loss inner_lr -0.0, a zero with a sign",
     lambda d: _meta(meta_loss, inner_lr=-0.0), ["inner_lr"]),
    ("anil_meta_grad first_order 1.0, a float for a switch",
     lambda d: _meta(anil_meta_grad, first_order=1.0), ["first_order", "1.0"]),
    ("fine_tune_tasks inner_lr a complex 0.01+0j",
     lambda d: _meta(fine_tune_tasks, inner_lr=0.01 + 0j), ["inner_lr"]),
    ("reptile_step meta_lr the text '0.1', a number as text",
     lambda d: _reptile_meta_lr_text(), ["meta_lr", "0.1"]),
    ("ridge_fit y of 4 points for features of 5",
     lambda d: _ridge_y_one_point_fewer(), ["y"]),
    ("ridge_head lam -inf",
     lambda d: ridge_head(_features(), np.ones((3, 5, 1)), -np.inf), ["lam", "-inf"]),
    ("softmax_head form 'newton', the solver's name for a form",
     lambda d: _softmax_form_newton(), ["form", "newton"]),
    ("subset_batch subset_size 1e400, a count that overflows to inf",
     lambda d: _subset_batch_huge(), ["subset_size", "inf"]),
    ("meta_gradient_norm inner_steps the text '1', a number as text",
     lambda d: _norm_steps_text(), ["inner_steps", "1"]),
    ("meta_gradient_norms inner_lrs one number 0.01, where a list of step sizes is meant",
     lambda d: _norms_lrs_scalar(), ["inner_lrs"]),
    ("normalization sharpness iterations -20, a sign slip",
     lambda d: _sharpness_iterations_negative(), ["iterations", "-20"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy anil inner_steps 2.5, a fraction of a step",
     lambda d: make_strategy("anil", meta_batch=2, inner_steps=2.5), ["inner_steps", "2.5"]),
    ("make_strategy closed_form lam -0.5, a negative penalty",
     lambda d: make_strategy("closed_form", meta_batch=2, lam=-0.5), ["lam", "-0.5"]),
    ("make_strategy multitask head_init 'Zero' in capitals",
     lambda d: make_strategy("multitask", meta_batch=2, head_init="Zero"),
     ["head_init", "Zero"]),
    ("make_strategy reptile inner_lr True, a bool for a step size",
     lambda d: make_strategy("reptile", meta_batch=2, inner_lr=True), ["inner_lr", "True"]),
    ("make_strategy newton_head learn_lam the text 'false'",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=2,
                             learn_lam="false"), ["learn_lam", "false"]),
    ("make_strategy pretrained n_support -10, a sign slip",
     lambda d: make_strategy("pretrained", meta_batch=2, n_support=-10),
     ["n_support", "-10"]),
    ("make_strategy scratch family 'Linear' in capitals",
     lambda d: make_strategy("scratch", family="Linear", meta_batch=2), ["Linear"]),
    ("make_strategy 'maml ' with a trailing space",
     lambda d: make_strategy("maml ", meta_batch=2), ["maml"]),
    ("hyperparameters 'r2d2 ' with a trailing space",
     lambda d: hyperparameters("r2d2 "), ["r2d2"]),
    ("with_test_time inner_steps -1 on a maml strategy",
     lambda d: with_test_time(_maml(), inner_steps=-1), ["inner_steps", "-1"]),
    ("MAML built from a MAMLConfig of meta_batch 0",
     lambda d: MAML(default_model(Sinusoid()), Sinusoid(), MAMLConfig(meta_batch=0)),
     ["meta_batch", "0"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

def _evaluate_theta_key():
    strategy, state = _maml_state()
    return evaluate(strategy, {"theta": state["params"]}, Sinusoid(), n_steps=1, **_small())


EVALUATE_CASES = [
    ("train n_steps -5, a negative run length",
     lambda d: train(_maml(), -5, 0), ["n_steps", "-5"]),
    ("train checkpoint_every 'often', a word for a count",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every="often"),
     ["checkpoint_every", "often"]),
    ("train log_every -1, a sign slip",
     lambda d: train(_maml(), 2, 0, log_every=-1), ["log_every", "-1"]),
    ("train seed a list [0, 1], two seeds where one is meant",
     lambda d: train(_maml(), 2, [0, 1]), ["seed"]),
    ("evaluate n_query -1 in the library",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_query=-1)),
     ["n_query", "-1"]),
    ("evaluate chunk_size the word 'all'",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, chunk_size="all", **_small()),
     ["chunk_size", "all"]),
    ("evaluate state {'theta': params}, the parameters under another key",
     lambda d: _evaluate_theta_key(), ["state"]),
    ("select_test_time n_support the word 'ten'",
     lambda d: _select(n_support="ten"), ["n_support", "ten"]),
    ("select_test_time max_steps 1e400, a count that overflows to inf",
     lambda d: _select(max_steps=1e400), ["max_steps", "inf"]),
    ("held_out_tasks n_query 10**10, a query set too large for memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: held_out_tasks(Sinusoid(), 2, 5, 10 ** 10)), ["n_query", str(10 ** 10)]),
    ("task_rng i the text '3', a number as text",
     lambda d: task_rng(22, "3"), ["3"]),
]

# --- checkpoints

def _a_folder(d):
    (d / "runs").mkdir(exist_ok=True)
    return d / "runs"


def _text_npz(d):
    path = d / "notes.npz"
    path.write_text("step 2, loss 0.5\n")
    return path


def _half(d):
    data = _good(d).read_bytes()
    path = d / "half.npz"
    path.write_bytes(data[: len(data) // 2])
    return path


def _save_empty_path(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint("", ckpt.state, step=ckpt.step, seed=ckpt.seed, config=ckpt.config,
                           meta_losses=ckpt.meta_losses)


def _resume_other_family(d):
    return train(make_strategy("maml", family="linear", meta_batch=2), 4, 0,
                 checkpoint=_good(d), resume=True)


P2_NAN = _set_entry("p2nan", "state/params/2", lambda a: np.full_like(a, np.nan))
M0_COMPLEX = _set_entry("m0cplx", "state/adam/m/0", lambda a: a + 0j)
SEED_NEG = _set_entry("seedneg", "meta/seed", lambda a: np.array(-3))
P9_EXTRA = lambda d: _damaged(d, "p9extra",
                              lambda a: a.__setitem__("state/params/9", np.ones(3)))


CHECKPOINT_CASES = [
    ("load_checkpoint path a folder 'runs', where a .npz file is meant",
     lambda d: load_checkpoint(_a_folder(d)), ["runs"]),
    ("load_checkpoint a text file named .npz",
     lambda d: load_checkpoint(_text_npz(d)), ["notes.npz"]),
    ("restore a checkpoint whose state/params/2 is all NaN",
     lambda d: restore(P2_NAN(d)), ["state/params/2"]),
    ("restore a checkpoint with an extra entry state/params/9",
     lambda d: restore(P9_EXTRA(d)), ["state/params/9"]),
    ("restore a checkpoint whose meta/seed is -3",
     lambda d: restore(SEED_NEG(d)), ["meta/seed"]),
    ("restore a checkpoint whose state/adam/m/0 is complex",
     lambda d: restore(M0_COMPLEX(d)), ["state/adam/m/0"]),
    ("save_checkpoint seed the word 'zero'",
     lambda d: _save_fields(d, seed="zero"), ["seed", "zero"]),
    ("save_checkpoint step nan",
     lambda d: _save_fields(d, step=float("nan")), ["step", "nan"]),
    ("save_checkpoint path '', an empty file name",
     lambda d: _save_empty_path(d), ["path"]),
    ("evaluate on the command line the good checkpoint cut to its first half",
     lambda d: ["evaluate", "--checkpoint", str(_half(d)), "--tasks", "4", "--steps", "1"],
     ["half.npz"]),
    ("library train resume the good sinusoid maml checkpoint with a maml on linear",
     lambda d: _resume_other_family(d), ["linear"]),
]

# --- nn, optim, batchnorm

def _adam_grads_complex():
    params = _params()
    grads = [np.ones_like(a) + 1j for a in params]
    return adam_update(params, grads, adam_init(params), 1e-3)


NN_CASES = [
    ("MLP sizes (1, '40', 1), a width as text",
     lambda d: MLP((1, "40", 1)).init(_rng()), ["sizes", "40"]),
    ("MLP activation 'rleu', two letters swapped",
     lambda d: MLP((1, 8, 1), activation="rleu").init(_rng()), ["activation", "rleu"]),
    ("MLP dtype 'double precision', C's name for float64",
     lambda d: MLP((1, 8, 1), dtype="double precision").init(_rng()),
     ["dtype", "double precision"]),
    ("MLP init rng a SeedSequence, not a Generator made from it",
     lambda d: MLP((1, 8, 1)).init(np.random.SeedSequence(0)), ["rng"]),
    ("MLP apply x of text",
     lambda d: MLP((1, 8, 1)).apply(_params(), np.full((1, 5, 1), "0.5")), ["x"]),
    ("per_task n_tasks -0.0, a zero with a sign",
     lambda d: per_task(_params(), -0.0), ["n_tasks"]),
    ("nn split params a single array, not the list of parameters",
     lambda d: split(np.ones((2, 3))), ["params"]),
    ("adam_update grads complex",
     lambda d: _adam_grads_complex(), ["grads"]),
    ("adam_update eps 1e400, a guard that overflows to inf",
     lambda d: _adam(eps=1e400), ["eps", "inf"]),
    ("adam_rows eps the word 'tiny'",
     lambda d: _rows(eps="tiny"), ["eps", "tiny"]),
    ("batch_norm eps 1e-400, a guard that underflows to zero",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), eps=1e-400), ["eps"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _x_scalar(self, rng, task_params, n_points):
    return np.array(rng.uniform(-2, 2))


def _target_swapped(self, task_params, x):
    return np.swapaxes(np.asarray(x) ** 2, 0, 1)


def _params_3d(self, rng, n_tasks):
    return rng.uniform(-1, 1, size=(n_tasks, 3, 2))


TASK_CASES = [
    ("LinearRegression mean (1.0, -0.5), a negative spread, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean=(1.0, -0.5)), 2, 5, 5), ["mean"]),
    ("Sinusoid phase the word 'random', in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(phase="random"), 2, 5, 5), ["phase", "random"]),
    ("Sinusoid x_range (1.0, 1.0), a range of one point, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=(1.0, 1.0)), 2, 5, 5), ["x_range"]),
    ("SinusoidFrequency frequency (nan, 2.0), in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(np.nan, 2.0)), 2, 5, 5),
     ["frequency"]),
    ("GaussianClusters n_way (5, 5), a pair where one count is meant, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way=(5, 5)), 2, 5, 5), ["n_way"]),
    ("make_family linear slope=(1.0, 0.5), a name the family has not got",
     lambda d: make_family("linear", slope=(1.0, 0.5)), ["slope"]),
    ("mse y 2-D (tasks, points) without the output axis, for pred 3-D",
     lambda d: mse(np.zeros((2, 5, 1)), np.ones((2, 5))), ["y"]),
    ("cross_entropy y_onehot all zeros, rows of no class",
     lambda d: cross_entropy(np.zeros((2, 5, 3)), np.zeros((2, 5, 3))), ["y_onehot"]),
    ("accuracy y_onehot of soft labels (0.5, 0.5, 0.0), not one-hot rows",
     lambda d: accuracy(np.zeros((2, 5, 3)), np.tile([0.5, 0.5, 0.0], (2, 5, 1))),
     ["y_onehot"]),
    ("a user's Quadratic TaskFamily whose sample_x returns a 0-d array, one point for all, "
     "in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_x=_x_scalar), 2, 5, 5), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose target returns tasks and points axes swapped, in "
     "evaluate",
     lambda d: _evaluate_quadratic(_quadratic(target=_target_swapped)), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_params returns a 3-D array, in train",
     lambda d: _train_quadratic(_quadratic(sample_params=_params_3d)), ["sample_params"]),
]

# --- Omniglot

def _curves_chunk_negative():
    strategy = _omniglot_maml()
    state = strategy.init_state(_rng())
    batch = Omniglot(5, data=_data()).sample(_rng(), 2, 5, 5)
    return accuracy_curves(strategy, state, batch, chunk=-100)


OMNIGLOT_CASES = [
    ("Omniglot n_way True, a bool for a count of classes",
     lambda d: _sample(Omniglot(True, data=_data())), ["n_way", "True"]),
    ("Omniglot split 'training', a long name for train",
     lambda d: _sample(Omniglot(5, split="training", data=_data())), ["split", "training"]),
    ("Omniglot n_validation 2.5, a fraction of a character",
     lambda d: _sample(Omniglot(5, data=_data(), n_validation=2.5)),
     ["n_validation", "2.5"]),
    ("Omniglot sample n_tasks the word 'two'",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), "two", 5, 5), ["n_tasks", "two"]),
    ("Omniglot sample rng a SeedSequence, not a Generator made from it",
     lambda d: Omniglot(5, data=_data()).sample(np.random.SeedSequence(0), 2, 5, 5),
     ["rng"]),
    ("finn_split n_validation 1e400, a count that overflows to inf",
     lambda d: finn_split(_data().alphabets, _data().characters, n_validation=1e400),
     ["n_validation", "inf"]),
    ("check_shots n_support 1e400, a count that overflows to inf",
     lambda d: check_shots(5, 2, 1e400, 5), ["n_support", "inf"]),
    ("omniglot_compare families n_way 0",
     lambda d: families(_data(), n_way=0), ["n_way", "0"]),
    ("omniglot_compare build 'mamal', a misspelling of maml",
     lambda d: build("mamal", Omniglot(5, data=_data()), 1), ["mamal"]),
    ("omniglot_compare episodes seed 1.5, a fraction for a seed",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 1, 1.5), ["seed", "1.5"]),
    ("omniglot_compare accuracy_curves chunk -100, a sign slip",
     lambda d: _curves_chunk_negative(), ["chunk", "-100"]),
    ("train omniglot on the command line with root a file, where the archives' folder is "
     "meant",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--root", str(_good(d)), "--out", str(d / "omni.npz")], ["--root"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "LinearRegression mean (1.0, -0.5), a negative spread, in held_out_tasks":
        "not a bad input after all (a slip of the writer, found after the first run): "
        "LinearRegression's mean is the mean of (slope, intercept), not (mean, spread) -- tasks "
        "drawn with mean=(3.0, -2.0) and scale 1e-6 fit y = 3.00 x - 2.00 -- so a negative "
        "second entry is a negative mean intercept, a valid family",
}


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


def test_the_hundredsixteenth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredsixteenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
