"""A hundred-and-twenty-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (used as the
templates use it). Written blind, in a worktree at commit 2fd9cef, from the user's side only:
the README; ``--help`` of ``train``, ``evaluate`` and ``compare``; the public names and
signatures (``inspect.signature``, with the public methods of their classes) of
``scratchmeta.meta``'s public modules (``adapt``, ``anil``, ``baselines``, ``closed_form``,
``evaluate``, ``exploding``, ``guard``, ``maml``, ``maml_low_rank``, ``multitask``,
``newton_head``, ``normalization``, ``r2d2``, ``r2d2_head``, ``registry``, ``reptile``,
``ridge``, ``softmax_head``, ``subset``, ``training``, ``checkpoint``, ``omniglot_compare``; not
``checks``/``protocol``/``messages``), ``nn``, ``optim``, ``batchnorm``, ``tasks``,
``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``;
``tests/test_bad_inputs_cli.py``'s lines 1-140 (docstring, imports, the file helpers ``_good``,
``_damaged``, ``_a_file``, ``_train``, ``_evaluate``) and 430-622 (``classify_cli``,
``classify_call``, ``kept_cases``, ``battery_params``, ``assert_wide_and_new``,
``battery_main``, ``report_by_area``); the eighth battery's ``classify_case`` (its head and the
rest of that function, with ``_is_argv``: about 45 lines); the two templates, the
hundred-and-twentieth and the hundred-and-eighteenth (the first in full, the second its
docstring's first 160 lines and all its code); the ids of every earlier battery (extracted by
``ast``, see below). Imported, not copied: ``_good``, ``_damaged``, ``_train``, ``_rng``,
``_data``, the ninetieth's ``_run``, the ninety-second's ``_evaluate``, ``_maml_state``,
``_small``, the ninety-fourth's ``_clusters_batch``, ``_compare_on``, ``_features``, ``_maml``,
``_problem``, ``_resumed``, ``_sample``, ``_select``, ``_set_entry``, the ninety-sixth's
``_quadratic``, ``_save_fields``, ``_train_quadratic``, ``_under_the_batteries_ulimit``. No
library source body, library docstring, validation module, history or file of /work/main was
read. Disclosed: to learn the helpers' signatures, their first lines were printed with ``sed``,
which also showed the bodies of the ninety-fourth's ``_resumed``, ``_compare_on`` and its first
CLI case lists, the ninetieth's ``_run`` and ``_resume``, and the ninety-sixth's ``Quadratic``,
``_quadratic``, ``_train_quadratic``, ``_evaluate_quadratic``, ``_select_quadratic``,
``_under_the_batteries_ulimit`` and a few of its case helpers (test code, not library code);
the signature listing showed defaults and some module-level names (``checks`` imported by
``closed_form``, constants such as ``MAX_HELD_OUT_TASKS``); the commit was read with ``git
rev-parse --short HEAD``; the good checkpoint's entry names were listed once with
``np.load(...).keys()``. Before the first run, good calls were made to get the plumbing right
(``meta_loss``, ``anil_meta_grad``, ``fine_tune_tasks``, ``reptile_direction``, ``ridge_fit``,
``softmax_head_unrolled``, ``newton_solve``, ``closed_form_meta_loss`` on ``split``'s body,
``meta_gradient_norms`` with Ks [3], ``subset_batch``, ``with_test_time`` lam 2.0 on r2d2,
``hyperparameters``, ``evaluate`` with n_query 5, ``held_out_tasks``, ``task_rng``,
``_select`` with max_steps 2, ``adam_rows``, ``MLP.head``, ``MLP.apply``, ``per_task``,
``cross_entropy``, ``batch_norm``, the families with good ranges, ``make_family`` with
amplitude, the ``Quadratic`` in ``train``, ``Omniglot`` and its ``sample``, ``finn_split``,
``check_shots`` (5, 2, 25, 25), ``families``, ``episodes``, ``_save_fields`` with seed 0,
``save_checkpoint`` to a plain .npz path, ``restore`` of ``_damaged`` with no change, library
``train`` resuming the good checkpoint with a (1, 40, 40, 1) maml; also ``with_test_time``
n_steps=3 was tried once, refused as no field of MAMLConfig): all worked but
``reptile_direction(params, per_task(params, 3))``, which wants theta_T as fine-tuned copies
(its message, and a traceback that printed two lines of ``reptile.py`` and ``checks.py`` -- the
call to ``check_task_copies`` and its ``raise`` line -- disclosed here), so the
reptile_direction case passes ``fine_tune_tasks``' output as theta_T. Every case writes only
inside its temporary folder (``git status --short`` after the runs shows this file only). The
id list, scripts and the per-case message listing were kept outside the worktree, in
/tmp/wt122_scratch. SCRATCHMETA_DATA was unset. The runs were made as root (so no
read-only-folder case was written: root writes through it).

Areas, as written: train on the command line -- fomaml on clusters, anil on sinusoid, reptile,
r2d2 and newton_head on clusters, closed_form on linear, multitask on sinusoid_frequency, subset
on sinusoid, scratch on linear, pretrained on clusters, one resumed (scratch) (11); evaluate and
compare on the command line -- runs of fomaml, r2d2 (clusters), multitask, closed_form, reptile,
subset, a .tmp path; compare of closed_form on sinusoid_frequency, r2d2 on clusters, multitask
on linear, two strategies in one word (11); Chapter 2's functions -- meta_loss, inner_sgd,
anil_meta_grad, fine_tune_tasks, reptile_direction, ridge_fit, softmax_head_unrolled,
newton_solve, closed_form_meta_loss, meta_gradient_norms, subset_batch (11); strategies and the
registry -- make_strategy (fomaml, reptile, anil, closed_form, r2d2, newton_head, multitask,
scratch, maml with a misspelt family), hyperparameters, with_test_time on r2d2 (11); library
train (five), evaluate (three), select_test_time, held_out_tasks, task_rng (11); checkpoints --
load_checkpoint, restore (four), save_checkpoint (three), train and evaluate on the command
line, library train resume (11); nn/optim/batchnorm -- MLP sizes, activation, dtype, apply,
init, head; per_task, adam_update (two), adam_rows, batch_norm (11); task families --
LinearRegression (two), Sinusoid (two), SinusoidFrequency, GaussianClusters (two),
make_family, cross_entropy, the ninety-sixth's ``Quadratic`` with one method changed (two)
(11); Omniglot -- Omniglot's n_way, split, rotate, n_train, dtype, sample n_support;
finn_split, check_shots, omniglot_compare's families and episodes; train omniglot on the
command line (11): 99 written.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --inner-lr 1e-2e0 (two exponents), --n-query 1,000 (a thousands separator),
  --set n_steps=1.5, --meta-batch 0b100 (binary), --set subset_size=10% (a percentage),
  --inner-lr 0.01.5 (two points); evaluate --steps 1e+1, --query ٥ (an Arabic-Indic digit),
  --seed 0b10110, --tasks None; compare --tasks '1 000', --val-tasks 0b11; meta_loss loss the
  text 'mse', anil_meta_grad inner_steps [1], fine_tune_tasks inner_steps '3',
  reptile_direction params of text, softmax_head_unrolled targets of text, newton_solve lam
  'one', closed_form_meta_loss lam '1.0', meta_gradient_norms Ks 3 (one count for a list),
  subset_batch subset_size 2.5; make_strategy anil inner_lr '0.01', closed_form n_query 'ten',
  r2d2 learn_lam 'false', newton_head meta_batch True, multitask n_train_tasks 2.5; train n_steps
  2+0j, seed a set {0}, checkpoint_every [1, 2], strategy a MAMLConfig; evaluate n_query '5';
  select_test_time max_steps 'ten'; held_out_tasks n_tasks 2+0j; task_rng seed b'22';
  save_checkpoint seed '0', changes a dict; MLP activation 3, dtype str, init rng np.arange(3)
  (an array where a Generator is meant), head features of text; per_task n_tasks the type int;
  adam_update lr [1e-3]; batch_norm h of text; LinearRegression mean a dict; Sinusoid phase of
  three ends; SinusoidFrequency frequency (0.5, 'fast'); GaussianClusters dim 8.5;
  cross_entropy y_onehot of text; Omniglot n_way 5.5, rotate 0.5, n_train 1100.5, dtype
  np.int64, sample n_support 2.5; train omniglot --n-support 0.5;
- out of range -- zero, negative, NaN, inf, huge, a seed too large: --set lam=NaN, --set
  scale=-inf, --set head_steps=+inf, --steps 1e+400; evaluate --tasks 1048576, --support +inf;
  compare --seed 2**64 written out; ridge_fit y all inf; make_strategy fomaml inner_steps -3,
  reptile n_query 1e400, scratch n_support 1e400; with_test_time lam -1 (r2d2); train
  log_every 1e400; evaluate n_support 1e400; MLP sizes (1, 1e400, 1); adam_update beta2
  -0.999; adam_rows eps nan; LinearRegression scale 1e400; Sinusoid x_range (-5.0, -5.0) (an
  empty range); GaussianClusters spread 1e400; finn_split n_train 2000 (of 1,623 characters);
  check_shots 25 drawings a character of 20; families n_way -5; episodes shots 1e400;
- a wrong shape: inner_sgd x 2-D, the feature axis dropped; MLP apply params with the last two
  arrays swapped; restore meta/seed a 1-D array;
- a user's function that misbehaves (``Quadratic``): target returns the scalar 0.0, sample_x
  returns two features for a one-input family;
- files and paths: load_checkpoint a plain zip holding the good checkpoint as a member;
  restore with state/params/1 of bools, meta/seed 1-D, no meta/meta_losses, state/adam/m/1 all
  NaN; save_checkpoint to 'runs/' (a slash); train --out 'run.npz.tmp'; evaluate --checkpoint
  'good.npz.tmp' (no such file) and a checkpoint whose state/params/2 holds text;
- mismatches, options that conflict: resume a scratch run with --inner-lr and --set inner_lr;
  evaluate a sinusoid maml on GaussianClusters; library train resume of the good relu run with
  a tanh network;
- typos and misspellings: compare 'maml,reptile', make_strategy family 'sinusoids',
  hyperparameters 'maml_low_rank' (a module's name), make_family amplitud=, Omniglot split
  'tset'.

Repeats: the 14,903 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; by the first four words; an earlier id that is a
whole-word prefix of a draft), over four rounds, and by about 200 function-and-kind greps over
the same list (e.g. ``dtype float32``, ``split test``, ``resume.*famil``, ``0x5``, ``0x10``,
``0b``, ``n_steps=``, ``learn_scale=``, ``head_init``, ``head_steps=``, ``subset_size=-``,
``scale=-``, ``%``, ``1e+400``, ``+inf``, ``steps 1e1``, ``Arabic``, ``22.0``, ``'None'``,
``.tmp``, ``resume.*force``, ``100001``, ``seed 1.5``, ``trailing slash``, ``trailing space``,
``adapt-steps -1``, ``eval-seed -``, ``maml,reptile``, ``1/100``, ``½``, ``meta_loss
first_order|inner_steps|loss|batch``, ``inner_sgd inner_lr|inner_steps|first_order|trainable|x``,
``anil_meta_grad inner_lr|inner_steps``, ``fine_tune_tasks inner_lr|inner_steps``,
``reptile_step meta_lr``, ``reptile_direction``, ``theta_T``, ``ridge_head lam``, ``ridge_fit
lam|y``, ``with_bias features``, ``softmax_head max_steps``, ``softmax_head_unrolled lam|n_steps|
targets``, ``newton_solve tol|lam|max_steps``, ``closed_form_meta_loss``, ``meta_gradient_norm``,
``meta_gradient_norms Ks|inner_lrs``, ``subset_indices``, ``subset_batch``, ``multitask_loss``,
``pooled_loss``, ``meta_loss_low_rank``, ``check_step``, ``step_advice``, ``adaptation_curves``,
``first_step_change``, ``population_statistics``, ``sharpness iterations``, ``uses_low_rank``,
``fomaml inner_steps``, ``reptile n_query``, ``anil inner_lr``, ``closed_form n_support|lam``,
``r2d2 learn_lam``, ``learn_lam``, ``newton_head meta_batch``, ``multitask head_steps``,
``n_train_tasks``, ``scratch inner_lr|n_support``, ``family 'Sinusoid'``, ``sinusoids``,
``hyperparameters``, ``with_test_time``, ``train n_steps|seed|log_every|history|progress|
overwrite|strategy|checkpoint_every``, ``resume 'no'``, ``evaluate n_query|n_support|state|seed|
family|n_steps|chunk_size``, ``max_steps the word``, ``held_out_tasks start|family|n_support|
n_query|seed|n_tasks``, ``task_rng seed|i``, ``zip``, ``two copies``, ``state/params/0|1|2``,
``meta/seed``, ``meta/meta_losses``, ``adam/m/1``, ``save_checkpoint seed|step|path|changes``,
``under a file``, ``existing folder``, ``out.*folder``, ``resume.*seed``, ``fewer steps``, ``MLP
sizes|activation|dtype|head|body``, ``apply params``, ``init rng``, ``per_task params|n_tasks``,
``adam_update beta1|beta2|eps|lr``, ``adam_rows rows|eps``, ``finn_init``, ``batch_norm h|scale``,
``LinearRegression scale|noise|mean``, ``Sinusoid phase|x_range``, ``SinusoidFrequency
amplitude|phase|frequency``, ``GaussianClusters n_way|dim|spread``, ``mse pred|y``, ``target
returns a scalar``, ``sample_x returns complex``, ``two features``, ``Omniglot n_way|split|
rotate|n_train|n_validation|dtype``, ``sample n_support``, ``finn_split characters|alphabets|
length``, ``check_shots n_drawings|n_support``, ``families n_way``, ``episodes shots``,
``omniglot.*dtype|root|n-support``). The earlier list is dense, so drafts were replaced many
times before any run; exact earlier ids among the drafts (all replaced): ``save_checkpoint step
the text '2', a number as text``, ``batch_norm scale complex``, ``LinearRegression noise the
word 'low', in held_out_tasks``, ``Omniglot rotate the word 'yes'``; replaced for substance
(among others): train anil --meta-batch ½, --inner-lr 1/100, train resume of another family,
--dtype and --split on a sinusoid run, --seed 22.0, --val-seed -11, --adapt-steps 1e400,
resume with --force; meta_loss inner_steps a range, inner_sgd first_order 'False',
fine_tune_tasks inner_lr [0.01], reptile_direction theta_T one array short,
softmax_head_unrolled lam '1.0', newton_solve max_steps 2.5, closed_form_meta_loss scale -1.0,
subset_batch subset_size 0; make_strategy maml family 'Sinusoid', hyperparameters 'MAML',
closed_form n_support -10, multitask head_steps -5, scratch inner_lr 0.02+0j,
with_test_time inner_lr nan; train seed 'zero', overwrite 'yes', progress 42, resume 'no',
checkpoint_every 0.5; evaluate n_query 0, state None, seed 2**64, family 'sinusoid ', chunk_size
0.5; held_out_tasks start -1 and n_tasks -2; task_rng seed -5 and i; load_checkpoint two copies
of the good checkpoint; restore state/params/0 complex and meta/seed -1; save_checkpoint seed
-3, path under a file, changes 'lr'; --out a folder and 'run.npz ' (a trailing space); library
resume with seed 5 and on sinusoid_frequency; MLP sizes (1,), init rng np.random.Generator,
body x of text; per_task n_tasks np.int8(-3); adam_update beta1 1.0, eps nan; adam_rows rows
[5]; finn_init rng 0; LinearRegression scale -1.0; Sinusoid x_range (5.0, -5.0) and phase (0.0,
nan); SinusoidFrequency amplitude 'loud' and phase (0.0, 1e400); GaussianClusters n_way 2.5
and dim -8; mse pred and y of text; Quadratic sample_x complex; Omniglot n_way 2000, split
'training', n_validation -100, n_train 0; finn_split of other lengths; check_shots n_drawings 0;
train omniglot --dtype float16. No exact id repeats (checked by the script against the same list
after the last change).

Near earlier ids, kept as new ways (the lead may judge): ``--inner-lr 1e-2e0`` near ``meta-lr
1e-3.5``; ``--n-query 1,000`` near ``--steps 70,000``; ``--set n_steps=1.5`` near ``n_steps=2.5``
(reptile on sinusoid_frequency); ``--set lam=NaN`` near other lams NaN; ``--set scale=-inf`` near
``scale=-1`` and ``scale=-10``; ``--meta-batch 0b100`` near ``evaluate tasks in binary 0b100``;
``head_steps=+inf`` near ``head_steps=five``; ``--steps 1e+400`` near other 1e400s; the resumed
``--inner-lr`` with ``--set inner_lr`` near ``--n-support 5 and set n_support=7``; ``--steps 1e+1``
near ``steps 1e1``; ``--query ٥`` near ``compare support an Arabic-Indic digit``; ``--tasks
1048576`` near ``--tasks 3000000``; ``--seed 0b10110`` near ``val-seed 0b101``; ``--tasks None``
near ``--tasks 'all'``; ``good.npz.tmp`` near ``save path ending .npz.tmp``; ``--tasks '1 000'``
near thousands commas; ``--val-tasks 0b11`` near ``val-tasks 0x10``; compare ``--seed`` 2**64 near
``--eval-seed`` 2**64; ``'maml,reptile'`` near ``hyperparameters of 'maml,reptile'``; ``inner_sgd
x`` 2-D near ``inner_sgd x without a task axis``; ``anil_meta_grad inner_steps [1]`` near
``MAMLConfig check inner_steps a range``; ``fine_tune_tasks inner_steps '3'`` near ``the word
'three'``; ``reptile_direction params`` of text near ``params NaN``; ``ridge_fit y`` inf near ``y
masked``; ``softmax_head_unrolled targets`` text near ``of another point count``; ``newton_solve
lam 'one'`` near ``softmax_head_unrolled lam the word 'one'``; ``closed_form_meta_loss lam '1.0'``
near its other lams; ``Ks 3`` near ``Ks a string``; ``subset_batch subset_size 2.5`` near
``subset_indices n_support 2.5``; ``fomaml inner_steps -3`` near ``anil_meta_loss inner_steps -1``;
``reptile n_query 1e400`` near ``make_strategy ... 1e400``s; ``closed_form n_query 'ten'`` near
``subset_size 'ten'``; ``r2d2 learn_lam 'false'`` near ``NewtonHeadConfig check learn_lam 'no'``;
``newton_head meta_batch True`` near ``multitask n_train_tasks True``; ``n_train_tasks 2.5`` near
``a Fraction``; ``scratch n_support 1e400`` near ``reptile n_query 1e400``; ``'sinusoids'`` near
``compare r2d2 on sinusoids``; ``'maml_low_rank'`` near ``'first_order_maml'``; ``with_test_time
lam -1`` near ``with_test_time inner_lr NaN``; ``train n_steps 2+0j`` near ``ReptileConfig check
n_steps a complex``; ``seed a set`` near ``history a set``; ``checkpoint_every [1, 2]`` near ``a
NumPy flat iterator``; ``strategy`` a MAMLConfig near ``save_checkpoint config a MAMLConfig``;
``log_every 1e400`` near ``YAML's infinity '.inf'``; ``evaluate n_support 1e400`` near ``evaluate
n_query 1e400``; ``family GaussianClusters`` near ``evaluate family a class``; ``n_query '5'`` near
``held_out_tasks n_query a string``; ``max_steps 'ten'`` near ``evaluate n_steps the word 'ten'``;
``held_out_tasks n_tasks 2+0j`` near ``per_task n_tasks 5+0j``; ``task_rng seed b'22'`` near
``FOMAMLConfig check meta_batch bytes``; a plain zip near ``a 7-Zip archive named .npz``;
``state/params/1`` bools near ``load meta/seed a bool``; ``meta/seed`` 1-D near ``meta/step`` 1-D;
no ``meta/meta_losses`` near ``restore ... without its meta/step``; ``state/adam/m/1`` NaN near
``-inf``; ``save_checkpoint seed '0'`` near ``library train resume ... seed the text '0'``;
``'runs/'`` near ``--out`` ending in a slash; ``run.npz.tmp`` near ``save path ending .npz.tmp``;
``state/params/2`` text near ``state/params/3 holds text``; a tanh network near ``a wider model``;
``MLP sizes (1, 1e400, 1)`` near ``finn_init a width of 2**70``; ``activation 3`` near ``dtype 3``;
``dtype str`` near ``Omniglot dtype str``; params swapped near ``in reverse order``; ``rng
np.arange(3)`` near ``a list``; ``head features`` text near ``complex``; ``per_task n_tasks int``
near ``-1``; ``lr [1e-3]`` near ``a PyTorch param-group dict``; ``adam_rows eps nan`` near ``inf``;
``batch_norm h`` text near ``h NaN``; ``scale 1e400`` near ``scale -0.0``; ``mean`` a dict near
``(1.0, inf)``; ``phase`` of three ends near ``sinusoid amplitude three ends``; ``x_range (-5.0,
-5.0)`` near ``(-5.0,)``; ``frequency (0.5, 'fast')`` near ``frequency 'fast'``; ``spread 1e400``
near ``spread -inf``; ``dim 8.5`` near ``n_way 5.5``; ``amplitud=`` near ``dims=``; ``y_onehot``
text near ``accuracy logits of text``; ``target`` a scalar near ``a dict``; ``sample_x`` two
features near ``one point more``; ``n_way 5.5`` near ``GaussianClusters n_way 5.5``; ``'tset'``
near ``'evaluation'``; ``rotate 0.5`` near ``rotate 2``; ``n_train 1100.5`` near ``1e400``; ``dtype
np.int64`` near ``'int8'``; ``sample n_support 2.5`` near ``a Fraction``; ``finn_split n_train
2000`` near ``Omniglot n_train 2000``; ``check_shots`` 75 and 50 near ``Omniglot sample n_support
50 and n_query 75``; ``families n_way -5`` near ``0``; ``episodes shots 1e400`` near ``2.5``;
``--n-support 0.5`` near ``train omniglot ... n-support 0``. Disclosed: four cases repeat the
substance of an earlier id that a pre-run grep listed and the writer overlooked, left in since the
list was fixed before the run: ``maml meta_loss loss the name 'mse' as text`` (kept; earlier
``meta_loss loss a name``), ``make_strategy anil inner_lr the text '0.01'`` (written, not kept;
earlier ``anil inner_lr a string``), ``save_checkpoint changes a dict {...}`` (written, not kept;
earlier ``save changes a dict``) and ``adam_update beta2 -0.999`` (written, not kept; earlier
``adam_update beta2 -0.5``). All four were clear; the lead may discount them (without the kept one,
kept 62 of 62 clear).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 99. After the
first run no case was added, dropped, reordered or swapped and no mentions were changed
(``DROPPED`` is empty).

Memory and time: the library cases with a count of 1e400 that could reach an allocation (``MLP
sizes (1, 1e400, 1)``, ``evaluate n_support 1e400``, ``episodes shots 1e400``) run under the
ninety-sixth's ``_under_the_batteries_ulimit``; the command-line ``--tasks 1048576`` is expected
to be refused before allocating. The whole script ran in about 20 seconds (pytest about two
minutes).

First run at 2fd9cef (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, 63 of 63 clear (100.0%), 0 unclear, 0 silent, 0 data loss -- cli train 7/7,
evaluate/compare 7/7, meta functions 7/7, strategies 7/7, evaluate and train 7/7, checkpoints
7/7, nn/optim/batchnorm 7/7, task families 7/7, omniglot 7/7. Written (``--written``): 99 of 99
clear (100.0%), 0 unclear, 0 silent, 0 data loss -- every area 11/11. Under pytest (run once):
64 passed (63 kept cases and the wide-and-new test).

Not clear, kept: none.

Not clear, written and not kept: none.

Every case was refused with one line or one ValueError/TypeError naming the argument, option,
entry or user method and the value given (e.g. "error: train: argument --inner-lr: expected a
positive number, written in decimal digits, a point and an exponent, got '1e-2e0' ...", "error:
inner_lr is given twice (as --inner-lr and --set)", "error: --tasks 1048576 held-out tasks is
more than 1,000,000: ...", "error: compare: argument --strategies: invalid choice:
'maml,reptile' (choose from ...)", "TypeError: loss must be a function, e.g.
scratchmeta.tasks.mse, got 'mse'", "TypeError: Ks must be a sequence of values, e.g. [1, 5], got
3", "ValueError: model MLP(sizes=(1, 40, 40, 1), activation='relu') takes 1 inputs and gives 1
outputs, but the tasks of family 'clusters' (...) have 8 inputs and 5 ou[tputs]",
"ValueError: '.../zipped.npz' is not a scratchmeta checkpoint (no meta/format, expected
'scratchmeta-checkpoint-2'); its arrays are ['good.npz']", "ValueError: cannot resume from
.../good.npz: it was written by a different run (model.arguments.activation: checkpoint 'relu',
this run 'tanh') ...", "ValueError: n_support=75 and n_query=50 ask for 15 + 10 distinct drawings
per class (of n_way=5), but each character has only 20", "ValueError: UserQuadratic.sample_x
must return inputs x, real numbers of shape (tasks, points, n_inputs) = (2, 20, 1), got shape
(2, 20, 2) and dtype float64"). Clear by the harness but slightly off: ``--set scale=-inf`` and
``--set head_steps=+inf`` say "got '-inf' (a string)" / "got '+inf' (a string)" while ``--set
lam=NaN`` says "(read as nan)": the signed infinities are not read as numbers by ``--set`` (still
refused, naming the value); ``restore`` without ``meta/meta_losses`` says "its entry
meta/meta_losses records none meta-losses" rather than that the entry is missing;
``inner_sgd x`` 2-D, ``reptile_direction params`` of text, ``softmax_head_unrolled targets`` of
text and ``MLP head features`` of text print the arrays' repr over several lines; ``Omniglot
n_train 1100.5`` says "n_train and n_validation must be positive integers, got 1100.5 and 100"
(both named); ``anil_meta_grad inner_steps [1]``, ``fine_tune_tasks inner_steps '3'``, ``train
n_steps 2+0j``, ``checkpoint_every [1, 2]``, ``evaluate n_query '5'``, ``select_test_time
max_steps 'ten'``, ``held_out_tasks n_tasks 2+0j``, ``task_rng seed b'22'``, ``save_checkpoint
seed '0'``, ``per_task n_tasks int``, ``adam_update lr [1e-3]`` and ``MLP activation 3`` raise
ValueError where TypeError would fit a value of the wrong type (both are allowed);
``make_strategy reptile n_query 1e400`` and ``scratch n_support 1e400`` raise TypeError for an
out-of-range float (allowed).

Measured on main at 2fd9cef, the commit it was written at, blind (the lead reran it there,
with the hundred-and-twenty-third beside it): kept, 63 of 63 clear (100%), 0 data loss; the
pair, 113 of 121 (93.4%).
"""

import zipfile

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.maml import inner_sgd, meta_loss
from scratchmeta.meta.omniglot_compare import episodes, families
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_direction
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head_unrolled
from scratchmeta.meta.subset import subset_batch
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.tasks import LinearRegression, Sinusoid, cross_entropy

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
from test_bad_inputs_ninetysixth import (_quadratic, _save_fields, _train_quadratic,
                                         _under_the_batteries_ulimit)
from test_bad_inputs_hundredsecond import _adam, _needs_omniglot, _params
from test_bad_inputs_hundredsixth import _rows

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train fomaml on clusters with inner-lr 1e-2e0, two exponents",
     _train("--strategy", "fomaml", "--family", "clusters", "--inner-lr", "1e-2e0"),
     ["--inner-lr", "1e-2e0"]),
    ("train anil on sinusoid with n-query 1,000, a thousands separator",
     _train("--strategy", "anil", "--family", "sinusoid", "--n-query", "1,000"),
     ["--n-query", "1,000"]),
    ("train reptile on clusters with set n_steps=1.5, a fraction of the schedule's steps",
     _train("--strategy", "reptile", "--family", "clusters", "--set", "n_steps=1.5"),
     ["n_steps", "1.5"]),
    ("train closed_form on linear with set lam=NaN, not a number in capitals",
     _train("--strategy", "closed_form", "--family", "linear", "--set", "lam=NaN"),
     ["lam", "NaN"]),
    ("train r2d2 on clusters with set scale=-inf, an output scale endlessly below zero",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "scale=-inf"),
     ["scale", "-inf"]),
    ("train newton_head on clusters with meta-batch 0b100, a count in binary",
     _train("--strategy", "newton_head", "--family", "clusters", "--meta-batch", "0b100"),
     ["--meta-batch", "0b100"]),
    ("train multitask on sinusoid_frequency with set head_steps=+inf, an endless head fit",
     _train("--strategy", "multitask", "--family", "sinusoid_frequency", "--set",
            "head_steps=+inf"), ["head_steps", "+inf"]),
    ("train subset on sinusoid with set subset_size=10%, a percentage of the support set",
     _train("--strategy", "subset", "--family", "sinusoid", "--set", "subset_size=10%"),
     ["subset_size", "10%"]),
    ("train scratch on linear with inner-lr 0.01.5, two decimal points",
     _train("--strategy", "scratch", "--family", "linear", "--inner-lr", "0.01.5"),
     ["--inner-lr", "0.01.5"]),
    ("train pretrained on clusters with steps 1e+400, a signed exponent that overflows",
     _train("--strategy", "pretrained", "--family", "clusters", "--steps", "1e+400"),
     ["--steps", "1e+400"]),
    ("train resume a scratch run with inner-lr 0.02 and set inner_lr=0.03, one setting given "
     "two ways",
     _resumed("scratch", "--inner-lr", "0.02", "--set", "inner_lr=0.03"), ["inner_lr"]),
]

# --- the command line: evaluate and compare

def _tmp_name(d):
    return d / "good.npz.tmp"


CLI_OTHER_CASES = [
    ("evaluate a fomaml run with steps 1e+1, an exponent with a plus sign",
     _evaluate(lambda d: _run(d, "fomaml"), "--steps", "1e+1"), ["--steps", "1e+1"]),
    ("evaluate an r2d2 clusters run with query \u0665, an Arabic-Indic digit",
     _evaluate(lambda d: _run(d, "r2d2", family="clusters"), "--query", "\u0665"),
     ["--query", "\u0665"]),
    ("evaluate a multitask run with tasks 1048576, two to the twentieth held-out tasks",
     _evaluate(lambda d: _run(d, "multitask"), "--tasks", "1048576"),
     ["--tasks", "1048576"]),
    ("evaluate a closed_form run with support +inf, an endless support set",
     _evaluate(lambda d: _run(d, "closed_form"), "--support", "+inf"),
     ["--support", "+inf"]),
    ("evaluate a reptile run with seed 0b10110, a seed in binary",
     _evaluate(lambda d: _run(d, "reptile"), "--seed", "0b10110"), ["--seed", "0b10110"]),
    ("evaluate a subset run with tasks 'None', Python's word for a default",
     _evaluate(lambda d: _run(d, "subset"), "--tasks", "None"), ["--tasks", "None"]),
    ("evaluate checkpoint the good run's name with .tmp added, a temporary file's name",
     lambda d: ["evaluate", "--checkpoint", str(_tmp_name(d)), "--tasks", "4", "--steps",
                "1"], ["--checkpoint", "good.npz.tmp"]),
    ("compare closed_form on sinusoid_frequency with tasks '1 000', a space between thousands",
     _compare_on(["closed_form"], "sinusoid_frequency", "--tasks", "1 000"),
     ["--tasks", "1 000"]),
    ("compare r2d2 on clusters with val-tasks 0b11, a count in binary",
     _compare_on(["r2d2"], "clusters", "--val-tasks", "0b11"), ["--val-tasks", "0b11"]),
    ("compare multitask on linear with seed 18446744073709551616, a training seed too large",
     _compare_on(["multitask"], "linear", "--seed", "18446744073709551616"),
     ["--seed", "18446744073709551616"]),
    ("compare strategies 'maml,reptile', two names joined by a comma",
     _compare_on(["maml,reptile"], "sinusoid"), ["maml,reptile"]),
]

# --- Chapter 2's functions

def _meta_loss_loss_text():
    model, params, batch = _problem()
    return meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1, loss="mse")


def _inner_sgd_x_2d():
    model, params, batch = _problem()
    theta = per_task(params, batch.x_support.shape[0])
    return inner_sgd(theta, batch.x_support[..., 0], batch.y_support, model.apply,
                     inner_lr=0.01, inner_steps=1)


def _anil_steps_list():
    model, params, batch = _problem()
    return anil_meta_grad(params, batch, model, inner_lr=0.01, inner_steps=[1])


def _fine_tune_steps_text():
    model, params, batch = _problem()
    return fine_tune_tasks(params, batch, model, inner_lr=0.01, inner_steps="3")


def _direction_params_text():
    model, params, batch = _problem()
    return reptile_direction([np.asarray(a).astype(str) for a in params],
                             fine_tune_tasks(params, batch, model, inner_lr=0.01,
                                             inner_steps=1))


def _ridge_fit_y_inf():
    return ridge_fit(_features(), np.full((3, 5, 1), np.inf), 1.0)


def _unrolled_targets_text():
    b = _clusters_batch()
    return softmax_head_unrolled(b.x_support, b.y_support.astype(str), 1.0, 2)


def _newton_lam_text():
    b = _clusters_batch()
    return newton_solve(b.x_support, b.y_support, "one")


def _closed_form_body_text():
    model, params, batch = _problem()
    body, _ = split(params)
    return closed_form_meta_loss(body, batch, model, lam="1.0")


def _norms_ks_int():
    model, params, batch = _problem()
    return meta_gradient_norms(params, batch, model, 3, [0.01])


def _subset_batch_fraction():
    model, params, batch = _problem()
    return subset_batch(batch, _rng(), 2.5)


META_CASES = [
    ("maml meta_loss loss the name 'mse' as text, where the function is meant",
     lambda d: _meta_loss_loss_text(), ["loss", "mse"]),
    ("inner_sgd x 2-D (tasks, points), the feature axis dropped",
     lambda d: _inner_sgd_x_2d(), ["x"]),
    ("anil_meta_grad inner_steps the list [1], a count in a list",
     lambda d: _anil_steps_list(), ["inner_steps"]),
    ("fine_tune_tasks inner_steps the text '3'",
     lambda d: _fine_tune_steps_text(), ["inner_steps", "3"]),
    ("reptile_direction params of text, each array as strings",
     lambda d: _direction_params_text(), ["params"]),
    ("ridge_fit y holding inf everywhere",
     lambda d: _ridge_fit_y_inf(), ["y", "inf"]),
    ("softmax_head_unrolled targets of text",
     lambda d: _unrolled_targets_text(), ["targets"]),
    ("newton_solve lam the word 'one'",
     lambda d: _newton_lam_text(), ["lam", "one"]),
    ("closed_form_meta_loss lam the text '1.0', a number as text",
     lambda d: _closed_form_body_text(), ["lam", "1.0"]),
    ("meta_gradient_norms Ks the single count 3, where a list of counts is meant",
     lambda d: _norms_ks_int(), ["Ks", "3"]),
    ("subset_batch subset_size 2.5, a fraction of a point",
     lambda d: _subset_batch_fraction(), ["subset_size", "2.5"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy fomaml inner_steps -3, a sign slip",
     lambda d: make_strategy("fomaml", meta_batch=2, inner_steps=-3), ["inner_steps", "-3"]),
    ("make_strategy reptile n_query 1e400, a count that overflows to inf",
     lambda d: make_strategy("reptile", meta_batch=2, n_query=1e400), ["n_query", "inf"]),
    ("make_strategy anil inner_lr the text '0.01', a number as text",
     lambda d: make_strategy("anil", meta_batch=2, inner_lr="0.01"), ["inner_lr", "0.01"]),
    ("make_strategy closed_form n_query the word 'ten'",
     lambda d: make_strategy("closed_form", meta_batch=2, n_query="ten"), ["n_query", "ten"]),
    ("make_strategy r2d2 learn_lam the text 'false'",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, learn_lam="false"),
     ["learn_lam", "false"]),
    ("make_strategy newton_head meta_batch True, a bool for a count",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=True),
     ["meta_batch", "True"]),
    ("make_strategy multitask n_train_tasks 2.5, a fraction of a task",
     lambda d: make_strategy("multitask", meta_batch=2, n_train_tasks=2.5),
     ["n_train_tasks", "2.5"]),
    ("make_strategy scratch n_support 1e400, a count that overflows to inf",
     lambda d: make_strategy("scratch", meta_batch=2, n_support=1e400), ["n_support", "inf"]),
    ("make_strategy maml family 'sinusoids', a plural",
     lambda d: make_strategy("maml", family="sinusoids", meta_batch=2), ["sinusoids"]),
    ("hyperparameters 'maml_low_rank', a module's name, not a strategy's",
     lambda d: hyperparameters("maml_low_rank"), ["maml_low_rank"]),
    ("with_test_time lam -1 on an r2d2 strategy, a penalty below zero",
     lambda d: with_test_time(make_strategy("r2d2", family="clusters", meta_batch=2), lam=-1.0),
     ["lam", "-1"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train n_steps a complex 2+0j",
     lambda d: train(_maml(), 2 + 0j, 0), ["n_steps"]),
    ("train seed a set {0}, where one seed is meant",
     lambda d: train(_maml(), 2, {0}), ["seed"]),
    ("train checkpoint_every a list [1, 2] with a checkpoint, where one count is meant",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every=[1, 2]),
     ["checkpoint_every"]),
    ("train strategy the strategy's MAMLConfig, where the strategy object is meant",
     lambda d: train(_maml().config, 2, 0), ["strategy"]),
    ("train log_every 1e400, a count that overflows to inf",
     lambda d: train(_maml(), 2, 0, log_every=1e400), ["log_every", "inf"]),
    ("evaluate n_support 1e400 in the library, a count that overflows to inf",
     lambda d: _under_the_batteries_ulimit(lambda: evaluate(
         *_maml_state(), Sinusoid(), n_steps=1, **_small(n_support=1e400))),
     ["n_support", "inf"]),
    ("evaluate family GaussianClusters for a sinusoid maml, another family than the model's",
     lambda d: evaluate(*_maml_state(), GaussianClusters(), n_steps=1, **_small()),
     ["family"]),
    ("evaluate n_query the text '5' in the library, a number as text",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_query="5")),
     ["n_query", "5"]),
    ("select_test_time max_steps the word 'ten'",
     lambda d: _select(max_steps="ten"), ["max_steps", "ten"]),
    ("held_out_tasks n_tasks a complex 2+0j",
     lambda d: held_out_tasks(Sinusoid(), 2 + 0j, 5, 5), ["n_tasks"]),
    ("task_rng seed the bytes b'22'",
     lambda d: task_rng(b"22", 0), ["seed"]),
]

# --- checkpoints

def _zip_of_good(d):
    path = d / "zipped.npz"
    with zipfile.ZipFile(path, "w") as z:
        z.write(_good(d), "good.npz")
    return path


def _save_to_slash(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(str(d / "runs") + "/", ckpt.state, step=ckpt.step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses)


def _resume_tanh(d):
    return train(make_strategy("maml", model=MLP((1, 40, 40, 1), activation="tanh"),
                               meta_batch=2), 4, 0, checkpoint=_good(d), resume=True)


P1_BOOL = _set_entry("p1bool", "state/params/1", lambda a: a > 0)
SEED_1D = _set_entry("seed1d", "meta/seed", lambda a: np.atleast_1d(a))
NO_LOSSES = lambda d: _damaged(d, "nolosses", lambda a: a.pop("meta/meta_losses"))
M1_NAN = _set_entry("m1nan", "state/adam/m/1", lambda a: np.full(np.shape(a), np.nan))
P2_TEXT = _set_entry("p2text", "state/params/2", lambda a: np.asarray(a).astype(str))


CHECKPOINT_CASES = [
    ("load_checkpoint a plain zip archive holding the good checkpoint as its one member",
     lambda d: load_checkpoint(_zip_of_good(d)), ["zipped.npz"]),
    ("restore a checkpoint whose state/params/1 holds bools",
     lambda d: restore(P1_BOOL(d)), ["state/params/1"]),
    ("restore a checkpoint whose meta/seed is a 1-D array of one seed",
     lambda d: restore(SEED_1D(d)), ["meta/seed"]),
    ("restore a checkpoint without its meta/meta_losses entry",
     lambda d: restore(NO_LOSSES(d)), ["meta/meta_losses"]),
    ("restore a checkpoint whose state/adam/m/1 is all NaN",
     lambda d: restore(M1_NAN(d)), ["state/adam/m/1"]),
    ("save_checkpoint seed the text '0', a number as text",
     lambda d: _save_fields(d, seed="0"), ["seed", "0"]),
    ("save_checkpoint path 'runs/' ending in a slash, a folder's name for the file",
     lambda d: _save_to_slash(d), ["runs"]),
    ("save_checkpoint changes a dict {'inner_lr': 0.02}, where the recorded changes are meant",
     lambda d: _save_fields(d, changes={"inner_lr": 0.02}), ["changes"]),
    ("train on the command line out 'run.npz.tmp', the suffix of a temporary file",
     lambda d: ["train", "--steps", "2", "--meta-batch", "2", "--out", str(d / "run.npz.tmp")],
     ["--out", "run.npz.tmp"]),
    ("evaluate on the command line a checkpoint whose state/params/2 holds text",
     lambda d: ["evaluate", "--checkpoint", str(P2_TEXT(d)), "--tasks", "4", "--steps", "1"],
     ["state/params/2"]),
    ("library train resume the good relu checkpoint with a maml of a tanh network",
     lambda d: _resume_tanh(d), ["tanh"]),
]

# --- nn, optim, batchnorm

def _apply_swapped_last():
    params = _params()
    return MLP((1, 8, 1)).apply(params[:-2] + [params[-1], params[-2]], np.zeros((1, 5, 1)))


def _head_text():
    model = MLP((1, 8, 1))
    body, head = split(model.init(_rng()))
    return model.head(head, np.full((1, 5, 8), "0.5"))


NN_CASES = [
    ("MLP sizes (1, 1e400, 1), a width that overflows to inf",
     lambda d: _under_the_batteries_ulimit(lambda: MLP((1, 1e400, 1)).init(_rng())),
     ["sizes"]),
    ("MLP activation the number 3",
     lambda d: MLP((1, 8, 1), activation=3).init(_rng()), ["activation", "3"]),
    ("MLP dtype the type str",
     lambda d: MLP((1, 8, 1), dtype=str).init(_rng()), ["dtype"]),
    ("MLP apply params with the last two arrays swapped",
     lambda d: _apply_swapped_last(), ["params"]),
    ("MLP init rng a NumPy array of seeds np.arange(3), where a Generator is meant",
     lambda d: MLP((1, 8, 1)).init(np.arange(3)), ["rng"]),
    ("MLP head features of text",
     lambda d: _head_text(), ["features"]),
    ("per_task n_tasks the type int itself, not a count",
     lambda d: per_task(_params(), int), ["n_tasks"]),
    ("adam_update beta2 -0.999, a sign slip",
     lambda d: _adam(beta2=-0.999), ["beta2", "-0.999"]),
    ("adam_update lr a one-element list [1e-3]",
     lambda d: _adam(lr=[1e-3]), ["lr"]),
    ("adam_rows eps nan",
     lambda d: _rows(eps=np.nan), ["eps", "nan"]),
    ("batch_norm h of text",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3).astype(str)), ["h"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _target_scalar(self, task_params, x):
    return 0.0


def _x_two_features(self, rng, task_params, n_points):
    return rng.uniform(-2, 2, size=(task_params.shape[0], n_points, 2))


TASK_CASES = [
    ("LinearRegression scale 1e400, a slope spread that overflows to inf, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(scale=1e400), 2, 5, 5), ["scale", "inf"]),
    ("LinearRegression mean a dict {'slope': 1.0, 'intercept': 0.5}, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean={"slope": 1.0, "intercept": 0.5}), 2, 5,
                              5), ["mean"]),
    ("Sinusoid phase (0.0, 3.14, 6.28), three ends for a range, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(phase=(0.0, 3.14, 6.28)), 2, 5, 5), ["phase"]),
    ("Sinusoid x_range (-5.0, -5.0), an empty range, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=(-5.0, -5.0)), 2, 5, 5), ["x_range"]),
    ("SinusoidFrequency frequency (0.5, 'fast'), a word for an end, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(0.5, "fast")), 2, 5, 5),
     ["frequency"]),
    ("GaussianClusters spread 1e400, a spread that overflows to inf, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread=1e400), 2, 5, 5), ["spread", "inf"]),
    ("GaussianClusters dim 8.5, a fraction of a dimension, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=8.5), 2, 5, 5), ["dim", "8.5"]),
    ("make_family sinusoid amplitud=(0.1, 5.0), the keyword misspelt",
     lambda d: make_family("sinusoid", amplitud=(0.1, 5.0)), ["amplitud"]),
    ("cross_entropy y_onehot of text",
     lambda d: cross_entropy(np.zeros((2, 5, 3)), np.eye(3)[np.zeros((2, 5), int)].astype(str)),
     ["y_onehot"]),
    ("a user's Quadratic TaskFamily whose target returns the scalar 0.0, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_scalar), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_x returns two features for one input, in "
     "train",
     lambda d: _train_quadratic(_quadratic(sample_x=_x_two_features)), ["sample_x"]),
]

# --- Omniglot

OMNIGLOT_CASES = [
    ("Omniglot n_way 5.5, a fraction of a way",
     lambda d: _sample(Omniglot(5.5, data=_data())), ["n_way", "5.5"]),
    ("Omniglot split 'tset', two letters swapped",
     lambda d: _sample(Omniglot(5, split="tset", data=_data())), ["split", "tset"]),
    ("Omniglot rotate 0.5, a fraction for a switch",
     lambda d: _sample(Omniglot(5, data=_data(), rotate=0.5)), ["rotate", "0.5"]),
    ("Omniglot n_train 1100.5, a fraction of a character",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=1100.5)), ["n_train", "1100.5"]),
    ("Omniglot dtype np.int64, an integer type for the drawings",
     lambda d: _sample(Omniglot(5, data=_data(), dtype=np.int64)), ["dtype"]),
    ("Omniglot sample n_support 2.5, a fraction of a drawing",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, 2.5, 5), ["n_support", "2.5"]),
    ("finn_split n_train 2000, more characters than the archive holds",
     lambda d: finn_split(_data().alphabets, _data().characters, n_train=2000),
     ["n_train", "2000"]),
    ("check_shots n_support 75 and n_query 50 for 5 ways, 25 drawings a character of its 20",
     lambda d: check_shots(5, 2, 75, 50), ["n_support", "n_query"]),
    ("omniglot_compare families n_way -5, a sign slip",
     lambda d: families(_data(), n_way=-5), ["n_way", "-5"]),
    ("omniglot_compare episodes shots 1e400, a count that overflows to inf",
     lambda d: _under_the_batteries_ulimit(
         lambda: episodes(Omniglot(5, data=_data()), 2, 1e400, 0)), ["shots", "inf"]),
    ("train omniglot on the command line with n-support 0.5, half a drawing",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--n-support", "0.5", "--out", str(d / "omni.npz")], ["--n-support", "0.5"]),
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


def test_the_hundredtwentysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredtwentysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
