"""A hundred-and-eighth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 5a5f420, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (not ``checks``/``protocol``/``messages``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks`` (by ``inspect.signature``, names defined in each module only, with
their classes' method signatures); the hundred-and-sixth and hundred-and-fourth batteries (the
templates, read in full); the head of the eighth's ``classify_case``; ``test_bad_inputs_cli.py``'s
docstring, ``_good``/``_read_only``/``_train``/``_damaged`` and ``run_cli``/``classify_cli``/
``classify_call``/``kept_cases``/``battery_params``/``assert_wide_and_new``/``battery_main``/
``report_by_area``; and the earlier batteries' ids and shared helpers (imported, not copied:
``_good``, ``_damaged``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the
ninety-second's ``_clusters_run``, ``_evaluate``, ``_maml_state``, ``_small``, the
ninety-fourth's ``_clusters_batch``, ``_compare_on``, ``_maml``, ``_meta``, ``_problem``,
``_resumed``, ``_sample``, ``_select``, ``_set_entry``, the ninety-sixth's ``Quadratic`` user
family through ``_quadratic``, ``_train_quadratic``, ``_evaluate_quadratic``, and its
``_r2d2_run``, ``_save_fields`` and ``_under_the_batteries_ulimit``, the ninety-eighth's
``_omniglot_run``). To reuse those helpers correctly their bodies were read in the earlier test
files (test code only: the helpers above, ``Quadratic``, ``small_problem`` in conftest, the
twenty-fourth's ``_data``, ``omniglot_real.py``'s head). No library docstring was read, no
checkpoint's entries were listed (the entry names used are the earlier batteries'; before the
run a plumbing script checked, one name at a time, that the seven names used are keys of the
good checkpoint). Not read: the body of any validation code, the library's source, its
history, anything of /work/main. Seen by accident (disclosed): the first ``--written`` run
stopped on a plumbing slip of mine (below) with a traceback that showed two library lines,
``scratchmeta/meta/registry.py`` line 183 (``strategy = cls(model, family, **hyper)``) and
``scratchmeta/meta/closed_form.py`` line 94 (the start of the ``raise ValueError`` whose
message is quoted below); nothing was changed because of them. The command line was run for
``--help`` only, before the battery. Before the first run, good calls were made to get the
plumbing right (``adapt.curve``, ``meta_grad`` with mse, ``divergence_map`` of 2 steps,
``check_step`` -- which showed that old/new are dicts of parts and advice a non-empty string --,
``sharpness``, ``fine_tune_tasks``, ``softmax_head_logits``, ``subset_batch``, ``r2d2_logits``,
``multitask_loss`` -- which showed the heads' shapes --, ``from_theta0``, ``predict``,
``make_strategy('multitask')``, ``ClosedForm`` with a ``ClosedFormConfig``, ``Pretrained`` with
a ``PretrainedConfig``, ``with_test_time``, ``make_family('sinusoid_frequency')``,
``default_model('linear')`` (a name is taken), ``hyperparameters('fomaml')``, library ``train``
of pretrained, ``step_rng``, ``task_rng``, ``select_test_time``, ``restore``,
``save_checkpoint``, a library resume, ``MLP.body``, ``adam_init``, ``adam_rows``,
``finn_init``, the good ``Quadratic``, ``episodes``, ``weights_path``, ``with_step_size``,
``check_shots``, ``finn_split``, ``accuracy_curves``, ``Omniglot.sample`` -- which showed that
n_support counts all the support drawings, a multiple of n_way, so the Omniglot cases were set
to 5 support drawings before any run). After the first run, one more from the user's side, to
judge the one silent case (below): ``adam_init`` and ``adam_update`` of a dict of arrays. Every
case writes only inside its temporary folder (checked after the runs: ``git status --short``
shows this file only). SCRATCHMETA_DATA was unset (the decoded Omniglot cache under
~/.cache/scratchmeta; the Omniglot zips at REAL_DATA). The runs were made as root.

Areas, as written: train on the command line -- reptile on clusters, closed_form and pretrained
on linear, anil and multitask on sinusoid_frequency, r2d2, newton_head and fomaml on clusters,
subset, maml and reptile on linear, one resumed (scratch) (12); evaluate and compare on the
command line -- runs of fomaml, closed_form, r2d2 on clusters, reptile, maml on clusters;
compare of reptile and closed_form and scratch on linear, anil on sinusoid_frequency, multitask,
r2d2 on clusters (11); Chapter 2's functions -- adapt.curve, meta_grad, anil_meta_grad,
divergence_map, guard.check_step, normalization.sharpness, fine_tune_tasks,
softmax_head_logits, subset_batch, r2d2_logits, multitask_loss, adapt.from_theta0,
adapt.predict (13); strategies and the registry -- make_strategy (maml, multitask,
newton_head), hyperparameters, ClosedForm built from a MAMLConfig, Pretrained from a
PretrainedConfig, with_test_time, library train of a pretrained strategy, make_family,
default_model (10); train, evaluate, select_test_time, held_out_tasks, task_rng,
training.step_rng in the library (10); checkpoints -- restore, save_checkpoint, library train
resume, evaluate and train --resume on the command line (12); nn/optim/batchnorm -- MLP
activation, sizes, init, forward_with, body; split, adam_init, adam_update, adam_rows,
finn_init (11); task families -- Sinusoid, LinearRegression, SinusoidFrequency,
GaussianClusters, make_family, cross_entropy, mse, the ninety-sixth's ``Quadratic`` with one
method or attribute changed (16); Omniglot -- Omniglot's n_train, n_way, dtype, n_validation,
sample; finn_split, check_shots, omniglot.load, omniglot_compare's episodes, with_step_size,
weights_path, accuracy_curves, evaluate and train of omniglot on the command line (14): 109.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --inner-steps 1e2 (reptile on clusters), --checkpoint-every 2.5 (closed_form)
  and 1e3 (pretrained), --n-support 0x0a (newton_head), --log-every 2.5 (multitask),
  --inner-lr 0x1 (fomaml), --set meta_lr=slow (reptile), evaluate --query '', --tasks 0x10,
  --steps 2.5, compare --val-seed 0x0b, --val-tasks fifty, --adapt-steps '', --eval-seed 1e3;
  adapt.curve family a name, fine_tune_tasks inner_lr a list, softmax_head_logits max_steps
  2.5, subset_batch subset_size '2', r2d2_logits lam True, multitask_loss model None,
  make_strategy family a class, hyperparameters 'first_order_maml', with_test_time inner_lr
  '0.01', train n_steps 2.0, progress 'print', evaluate n_tasks 1.5, select_test_time n_tasks
  1.5, task_rng seed a list, library resume seed '0', MLP init rng the np.random module,
  forward_with linear a string, split and MLP.body a dict, adam_init a dict (a slip, below),
  adam_rows rows floats and lr '1e-3', LinearRegression mean complex, Quadratic n_inputs True,
  Omniglot dtype 'float64 ', load progress 'no';
- out of range -- zero, negative, NaN, inf, huge, a seed too large: --inner-steps nan (anil),
  --meta-batch inf (r2d2), --n-query nan (subset), --n-support inf (maml on linear), evaluate
  --support inf, --seed 1e400, compare --eval-seed inf, --val-seed nan; divergence_map n_steps
  -5, check_step max_ratio nan, sharpness seed 2**64, from_theta0 inner_lr nan, predict n_steps
  -3, make_strategy multitask n_train_tasks 0, Pretrained inner_lr -0.01, evaluate n_query
  1e400, select_test_time candidates with -0.01, held_out_tasks n_tasks 1e400, step_rng step
  -1, MLP sizes (0, 8, 1), adam_update beta1 -0.1, finn_init sizes (1, 0, 1), Sinusoid amplitude
  (nan, 5.0), LinearRegression noise -inf, SinusoidFrequency frequency negative, GaussianClusters
  n_way 1 and dim inf, Omniglot n_train nan, n_way nan, n_validation inf, sample n_query 2.5,
  check_shots n_drawings nan, episodes seed 2**64, with_step_size -0.1, weights_path shots 0,
  accuracy_curves n_steps -1, train omniglot --meta-batch 0; huge (memory or time):
  anil_meta_grad inner_steps 10**6, a pretrained strategy of meta_batch 10**12 in library train;
- a wrong shape: mse pred of 2 tasks for y of 3, make_family sinusoid_frequency frequency of
  one end, restore state/params/3 a 0-d array, save_checkpoint meta_losses 2-D;
- a user's function that misbehaves (``Quadratic``): target dropping the output axis,
  sample_params returning None, sample_x complex, loss returning bools;
- decreasing where increasing is meant: Sinusoid x_range (5.0, -5.0), SinusoidFrequency phase
  (3.0, 0.0);
- files and paths: a checkpoint zeroed after its first 200 bytes; checkpoints whose
  state/adam/v/2 is negative, state/params/2 -inf, meta/seed missing, state/adam/t 2.5
  (evaluate), state/adam/m/1 -inf (train --resume), state/params/0 bool (evaluate);
  save_checkpoint config {} and state {}; train checkpoint '.json';
- mismatches: meta_grad with cross_entropy on a regression batch, ClosedForm built from a
  MAMLConfig, make_strategy newton_head n_query 7 for 5 ways, the evaluate of an omniglot run
  with 2 support drawings for 5 ways, cross_entropy y_onehot of -1s, finn_split alphabets and
  characters swapped, a flag scratch has not got (--inner-steps on a resumed scratch run);
- typos and misspellings: MLP activation 'softmax', default_model 'linear ', make_family
  'linear_regression'.

Repeats: the 13,504 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (188 files; string first elements of tuples of three or more,
by ``ast``) were grepped, before any run, for each draft's function or option with its kind
(about 180 patterns over ten rounds, e.g. ``inner-steps 1e``, ``subset_size``, ``head_init``,
``head_seed``, ``newton_head.*lam``, ``anil.*inner-lr``, ``scratch.*(meta-lr|inner)``,
``pretrained.*(inner-steps|lam|n_query)``, ``r2d2.*sinusoid``, ``checkpoint-every``,
``resume.*(seed|strategy|family)``, ``under a file``, ``npy``, ``first_order=``,
``meta_lr=``, ``learn_lam=``, ``n_way=``, ``batched``, ``strategies.*(twice|repeat)``,
``adapt.curve``, ``from_theta0``, ``after n_steps``, ``stop_on_divergence``,
``anil_meta_(loss|grad) (inner_lr|inner_steps)``, ``meta_(loss|grad) (loss|first_order)``,
``meta_gradient_norms?``, ``divergence_map``, ``check_update``, ``max_norm``, ``max_loss``,
``sharpness``, ``fine_tune_tasks``, ``reptile_(step|direction)``, ``softmax_head``,
``subset_(batch|indices|meta_loss)``, ``multitask_loss``, ``r2d2_logits``, ``ridge_(fit|head)``,
``with_bias``, ``newton_solve``, ``uses_low_rank``, ``pooled_loss``, ``compare.build``,
``points_per_step``, ``score``, ``ClosedForm``, ``Pretrained``, ``strategy_from_config``,
``check_rebuilds``, ``default_model``, ``hyperparameters``, ``^make_family``,
``make_strategy.*model``, ``n_train_tasks``, ``with_test_time``, ``^train (checkpoint|history|
seed|progress|log_every|checkpoint_every)``, ``chunk_size``, ``evaluate n_(query|tasks)``,
``select_test_time``, ``held_out_tasks (start|seed|n_query|n_tasks|n_support)``, ``task_rng``,
``step_rng|as_seed``, ``truncat``, ``extra entry``, ``meta/(seed|step|format|changes|config|
strategy)``, ``state/adam``, ``state/params``, ``transpos``, ``float16``, ``bool array``,
``save_checkpoint``, ``MLP (init rng|head|body)``, ``per_task``, ``adam_(init|update|rows)``,
``batch_norm (h|eps|scale|offset)``, ``finn_init sizes``, ``linearregression``,
``gaussianclusters dim``, ``^mse``, ``^cross_entropy``, ``n_inputs``, ``loss returns``,
``metric returns``, ``describe returns``, ``sample_params returns``, ``Omniglot (n_way|split|
n_train|n_validation|dtype|rotate|root|data)``, ``finn_split``, ``check_shots``, ``episodes``),
plus a count, by option and kind of value, of the earlier command-line ids (hexadecimal,
e-notation, nan, inf, negative, zero, half, word, empty, huge for each train/evaluate/compare
option), to write into the empty cells; and every id against all of them, exactly, by its first
four words, by word overlap and by its function with its value, by a script. Drafts replaced
before any run because the grep or the script found their id or substance (eight exact ids
among them): train subset --set subset_size=0.5, multitask --set head_init=ridge, scratch
--meta-lr, pretrained --inner-steps, --out under a file, reptile --set n_steps=0; compare
strategies twice; subset_batch rng an int 0 (exact), hyperparameters the MAML class,
strategy_from_config a JSON string, make_strategy anil with a model of 2 inputs and maml on
clusters with a model of 3 outputs, make_family 'sinusoid-frequency'; train history 'yes',
evaluate chunk_size 1e9 and nan (exact), held_out_tasks n_query inf and start -1; restore a text
file named .npz, a checkpoint cut to half its bytes, an extra entry state/params/99,
state/params/2 text, evaluate meta/format 99, train --resume state/params/0 flattened, evaluate
meta/strategy 'REPTILE'; MLP init rng a RandomState, per_task n_tasks 0 (exact) and nan (exact),
adam_init None, adam_update beta1 1.0, batch_norm h 1-D and complex (exact), finn_init sizes a
string; LinearRegression noise nan, GaussianClusters dim 0, mse pred None (exact), cross_entropy
y_onehot of 2s, the Quadratic's n_inputs 2.5 and loss NaN (exact); Omniglot n_way 0 (exact),
split 'val', None, and 'test,validation', rotate 2, n_validation -1, finn_split n_validation nan,
check_shots n_drawings 0, episodes seed -1 (exact). No exact id repeats (checked by a script
against the same list).

Near earlier ids, kept as new ways (the lead may judge): the command line's ``train r2d2 ...
meta-batch inf`` near ``train r2d2 ... set scale=inf``; ``n-support 0x0a`` near ``train maml on
clusters with n-query 0x0a``; ``inner-steps 1e2`` near ``train subset with n-support 1e2``;
``checkpoint-every 1e3`` near ``train seed 1e3``; ``inner-lr 0x1`` near the hexadecimal steps,
seeds and log-every; ``checkpoint-every 2.5`` and ``log-every 2.5`` near ``n-query 2.5`` and
``set n_steps=2.5``; ``inner-steps nan`` and ``n-query nan`` near ``inner-lr nan`` and
``meta-batch nan``; ``n-support inf`` near ``inner-lr inf``; ``train resume a scratch run with
inner-steps 3`` near ``train anil with inner-steps 3.0`` and ``scratch meta-lr``; ``set
meta_lr=slow`` near ``set inner_lr=fast``; ``evaluate ... query ''`` near ``inner-steps an empty
string``; ``evaluate ... tasks 0x10`` near ``evaluate a pretrained run with tasks 0x10`` (the
same option and value on another strategy's run); ``evaluate ... steps 2.5`` near ``evaluate a
reptile run with steps 2.5`` (likewise); ``evaluate ... seed 1e400`` near ``evaluate ... seed
2**63``; ``compare ... val-seed 0x0b`` near ``val-seed 2**70``; ``compare ... eval-seed 1e3``
near ``compare ... val-seed 1e3``; ``adapt.curve family the name`` near ``curve family the
Sinusoid class itself``; ``anil_meta_grad inner_steps 1000000`` near ``train anil ...
inner-steps 100000000``; ``divergence_map n_steps -5`` near ``n_steps 0``; ``sharpness seed
2**64`` near ``sharpness seed negative``; ``fine_tune_tasks inner_lr a list`` near ``from_theta0
inner_lr a one-element list``; ``softmax_head_logits max_steps 2.5`` near ``softmax_head
max_steps 0``; ``subset_batch subset_size '2'`` near ``subset_batch size fractional``;
``r2d2_logits lam True`` near ``ridge_fit lam True``; ``multitask_loss model None`` near
``multitask_loss heads None``; ``from_theta0 inner_lr nan`` near ``from_theta0 inner_lr inf``;
``adapt.predict n_steps -3`` near ``adapt.curve n_steps -1``; ``make_strategy multitask
n_train_tasks 0`` near ``multitask n_train_tasks True``; ``hyperparameters 'first_order_maml'``
near ``hyperparameters 'fomal'``; ``ClosedForm built from a MAMLConfig`` near ``FOMAML given a
Subset config``; ``Pretrained ... inner_lr -0.01`` near ``Scratch ... inner_lr -0.02``;
``with_test_time inner_lr '0.01'`` near ``with_test_time inner_lr NaN``; ``train ... pretrained
... meta_batch 10**12`` near the command line's ``r2d2 ... meta-batch 1000000000000``;
``make_family sinusoid_frequency frequency (2.0,)`` near ``Sinusoid x_range (-5.0,)``;
``make_strategy newton_head ... n_query 7`` near ``evaluate an r2d2 clusters run with query 7``;
``default_model 'linear '`` near ``family with a trailing space``; ``train n_steps 2.0`` near
``meta-batch 2.0``; ``train checkpoint .json`` near ``train checkpoint .npy``; ``evaluate
n_tasks 1.5`` near ``evaluate n_tasks a float64``; ``evaluate n_query 1e400`` near ``evaluate
n_query NaN``; ``select_test_time candidates [0.01, -0.01]`` near ``divergence_map inner_lrs
with a negative``; ``select_test_time n_tasks 1.5`` near ``n_tasks 2.5`` elsewhere;
``held_out_tasks n_tasks 1e400`` near ``held_out_tasks n_tasks 100000000``; ``task_rng seed a
list`` near ``held_out_tasks seed a list of spawned Generators``; ``restore ... zeroed`` near
``evaluate a checkpoint with its zip signature zeroed``; ``state/adam/v/2 is negative`` near
``state/adam/v/2 is reshaped``; ``state/params/3 is a 0-d array`` near ``load params/3 of rank
3``; ``state/params/2 holds -inf`` near ``state/adam/v/1 holds inf``; ``meta/seed entry is
missing`` near ``restore a checkpoint without its meta/step``; ``save_checkpoint config an empty
dict`` near ``load meta/config an empty record``; ``save_checkpoint state an empty dict`` near
the README's "nor a state holding none of the model's parameters"; ``library train resume ...
seed '0'`` near ``library train resume ... with seed 1``; ``state/adam/t is 2.5`` near
``state/adam/t is -2``; ``state/adam/m/1 holds -inf`` near ``state/adam/m/3 holds NaN``;
``state/params/0 is a bool array`` near ``state/params/0 is complex``; ``MLP activation
'softmax'`` near ``MLP activation 'ReLU'``; ``MLP sizes (0, 8, 1)`` near ``finn_init sizes (1,
-40, 1)``; ``MLP init rng the np.random module`` near ``MLP init rng the Generator class``;
``forward_with linear a string`` near ``forward_with linear a name``; ``split``/``MLP body`` a
dict near ``split params the strategy's whole state dict`` and ``per_task params a dict``;
``adam_update beta1 -0.1`` near ``beta2 -0.5``; ``adam_rows rows floats`` near ``rows [0, 0]``;
``adam_rows lr '1e-3'`` near ``adam_rows lr complex``; ``Sinusoid amplitude (nan, 5.0)`` near
``Sinusoid x_range (-5.0, nan)``; ``Sinusoid x_range (5.0, -5.0)`` and ``SinusoidFrequency phase
(3.0, 0.0)`` near ``Sinusoid amplitude (5.0, 0.1), its ends in decreasing order``;
``LinearRegression noise -inf`` near ``noise -0.1``; ``LinearRegression mean (1.0, 0.5j)`` near
``mean of three numbers``; ``SinusoidFrequency frequency (-2.0, -0.5)`` near ``frequency (0.5,
1e300)``; ``GaussianClusters dim inf`` near ``spread inf``; ``make_family 'linear_regression'``
near ``make_family 'sinus'``; ``cross_entropy y_onehot of -1s`` near ``y_onehot rows summing to
2``; ``mse pred of 2 tasks for y of 3`` near ``mse of 2-D against 3-D``; the ``Quadratic`` cases
near the ninety-sixth's and later (``sample_x drops the task axis``, ``target returns complex
numbers``, ``n_inputs is 1.5``, ``loss returns NaN for every task``); ``Omniglot n_train nan``
and ``n_way nan`` near ``n_validation YAML's '.nan'`` and ``n_way the infinity sign``;
``Omniglot dtype 'float64 '`` near ``Omniglot split 'test '``; ``Omniglot sample n_query 2.5``
near ``Omniglot n_train 2.5``; ``finn_split alphabets and characters swapped`` near ``of other
lengths``; ``check_shots n_drawings nan`` near ``check_shots n_tasks nan``; ``omniglot load
progress 'no'`` near ``Omniglot download 'yes'``; ``episodes seed 2**64`` near ``episodes seed
-1``; ``with_step_size -0.1`` near ``step_size inf``; ``accuracy_curves n_steps -1`` near
``adapt.curve n_steps -1``; ``evaluate ... an omniglot run with support 2 query 2`` near ``train
omniglot ... n-support 3``; ``train omniglot ... meta-batch 0`` near ``train omniglot ...
n-support 0``.

Found after the first run, on rereading with a wider script (an earlier id holding the same
argument and the same value, whatever its first words), not corrected (the rules allow only this
writer's slips in plumbing or in choosing a good input to be corrected, and each of these was a
bad input, run as written; the lead may discount them): eleven cases repeat an earlier battery's
substance, which the pre-run checks (by first words and by function) missed. Kept: ``guard
check_step max_ratio nan`` repeats ``check_step max_ratio NaN``; ``training step_rng step -1``
repeats ``step_rng step -1``; ``omniglot_compare weights_path shots 0`` repeats
``omniglot_compare.weights_path shots 0``; ``Omniglot n_validation inf`` repeats ``family
n_validation inf``; ``finn_init sizes (1, 0, 1)`` repeats ``MLP sizes (1, 0, 1), a hidden layer of
no units`` (finn_init builds the same sizes); ``make_strategy maml family the GaussianClusters
class`` repeats ``make_strategy family the Sinusoid class``. Not kept: ``meta_grad loss
cross_entropy on a regression batch`` repeats ``meta_loss loss cross_entropy on a one-output
regression``; ``train progress the name 'print'`` repeats ``train progress a string`` (and ``the
string 'yes'``); ``save_checkpoint meta_losses 2-D`` repeats ``save meta_losses 2-D``; ``a user's
Quadratic ... sample_params returns None`` repeats ``a user family whose sample_params returns
None``; ``GaussianClusters n_way 1`` repeats ``make_family clusters n_way 1``. All eleven were
clear, so without them the rates below are kept 59 of 59 and written 97 of 97.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 65 of the 109. After the
first run no case was added, reordered or swapped; no mentions were changed.

Corrected after the first run, two slips of this writer's (neither case kept):
- wrong plumbing: ``evaluate a closed_form linear run with tasks 0x10`` could not make its run:
  the first ``--written`` run stopped before classifying it, on a ValueError of the helper's
  ``make_strategy('closed_form', family='linear')``: "the ridge head replaces the model's last
  layer, so the model needs a body of at least one layer; got sizes (1, 1)" (the linear
  family's default model has no body; a good input for this case does not exist). Corrected to
  a sinusoid closed_form run, id ``evaluate a closed_form run with tasks 0x10, a count in
  hexadecimal`` (the same option and value; near ``evaluate a pretrained run with tasks 0x10``):
  clear, "error: evaluate: argument --tasks: expected an integer >= 2 (the interval needs two
  tasks or more), written in plain decimal digits, got '0x10' ...".
- dropped, not a bad input: ``adam_init params a dict of arrays, where the list is meant``
  (first run: silent). ``adam_init`` takes a tree of arrays, and a dict is one: ``adam_init``
  of a dict gave m and v as dicts, and ``adam_update`` of dict params and grads returned dict
  params (checked after the run from the user's side; the hundred-and-fourth's docstring quotes
  "params must be a list (or tree) of arrays"), so the id's claim is untrue.

Memory and time: ``anil_meta_grad inner_steps 1000000`` and library ``train`` of a pretrained
strategy of meta_batch 10**12 run under the ninety-sixth's ``_under_the_batteries_ulimit``;
both were refused before any work (the first by the 100,000 cap on inner steps, the second
naming 17.5 PiB against the 7.22 GiB left), in the script run under ``ulimit -v 8000000`` and
under pytest without it. The other counts past any use are checked before any work (inf,
1e400, 2**64).

First run at 5a5f420 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset): kept, 65 of 65
clear (100.0%), 0 unclear, 0 silent, 0 data loss -- cli train 7/7, evaluate/compare 7/7, meta
functions 7/7, strategies 6/6, evaluate and train 6/6, checkpoints 7/7, nn/optim/batchnorm 7/7,
task families 10/10, omniglot 8/8. Written: the first ``--written`` run stopped at the plumbing
slip above (cli train 12/12 clear before it); after that correction, 108 of 109 clear (99.1%),
0 unclear, 1 silent (the adam_init slip), 0 data loss -- cli train 12/12, evaluate/compare
11/11, meta functions 13/13, strategies 10/10, evaluate and train 10/10, checkpoints 12/12,
nn/optim/batchnorm 10/11, task families 16/16, omniglot 14/14; after dropping it, 108 of 108
(100.0%). Kept unchanged by both corrections: 65 of 65 (rerun after them: the same). Under
pytest (SCRATCHMETA_DATA unset): 66 passed (the 65 kept cases and the wide-and-new test).

Not clear, kept: none.

Not clear, written and not kept: none, once the slip is dropped (first run only: ``adam_init
params a dict of arrays`` silent, see above).

Every case was refused with one line or one ValueError/TypeError naming the argument, option,
entry or user method and the value given (e.g. "error: train: argument --inner-steps: expected
a non-negative integer, written in plain decimal digits, got '1e2' ...", "error: --inner-steps
does not apply to --strategy scratch: it has no hyperparameter 'inner_steps': there is no
meta-training, so no inner loop", "error: --set meta_lr=slow: meta_lr must be a finite number (or
null for the default), got 'slow' (a string)", "ValueError: cross_entropy: y_onehot must be
one-hot (each row one 1, the rest 0), got a first row of [1.958...] (real-valued targets, a
regression task's? ...)", "ValueError: inner_steps (K) must be at most 100,000 inner SGD steps
per task, got 1000000 ...", "TypeError: config must be a ClosedFormConfig (...), got a
MAMLConfig (...)", "ValueError: '.../v2neg.npz' is damaged: entry state/adam/v/2 holds 1600
negative values; Adam's second moments are means of squares, never negative", "error:
--checkpoint .../thalf.npz: '.../thalf.npz' is damaged: entry state/adam/t must hold integers
(Adam's step count t), got float64 (dtype float64)", "ValueError: finn_split: alphabets holds
characters' folder names (...) and characters does not (...): alphabets and characters in each
other's places? ..."). Four messages are clear by the harness but slightly off: ``LinearRegression
mean (1.0, 0.5j)`` says "mean must be a finite number >= -inf, got 0.5j" (a bound of -inf reads
oddly for a complex number); ``save_checkpoint meta_losses 2-D`` and the ``Quadratic`` whose
target drops the output axis print an array's repr over several lines; the ``Quadratic`` whose
loss returns bools is refused as a loss that "does not read its prediction" (true of the
function as written, which returns all True whatever pred is), not for returning bools;
``restore`` of a checkpoint zeroed after 200 bytes says "is not a readable checkpoint: File is
not a zip file", which names the file but not what is wrong with it beyond zipfile's words.

Measured on main at 5a5f420, the commit it was written at, blind (the lead reran it there, with
the hundred-and-ninth beside it): kept, 65 of 65 clear (100%), 0 data loss. With the
hundred-and-ninth (55 of 57) the pair is 120 of 122 (98.4%), one kept case silent (doubtful:
assert_labels_match counting a column of labels as draws). No round was needed for this file.
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import finn_init
from scratchmeta.datasets.omniglot import load as omniglot_load
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta import adapt
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import ClosedForm
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.exploding import divergence_map
from scratchmeta.meta.guard import check_step
from scratchmeta.meta.maml import MAMLConfig, meta_grad
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.normalization import sharpness
from scratchmeta.meta.omniglot_compare import (accuracy_curves, episodes, weights_path,
                                               with_step_size)
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import default_model, hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import fine_tune_tasks
from scratchmeta.meta.baselines import Pretrained, PretrainedConfig
from scratchmeta.meta.softmax_head import softmax_head_logits
from scratchmeta.meta.subset import subset_batch
from scratchmeta.meta.training import train, step_rng
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, split
from scratchmeta.optim import adam_init
from scratchmeta.tasks import LinearRegression, Sinusoid, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _clusters_run, _evaluate, _maml_state, _small
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _maml, _meta, _problem,
                                          _resumed, _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import (Quadratic, _quadratic, _r2d2_run, _save_fields,
                                         _train_quadratic, _evaluate_quadratic,
                                         _under_the_batteries_ulimit)
from test_bad_inputs_ninetyeighth import _omniglot_run
from test_bad_inputs_hundredsecond import _adam, _needs_omniglot
from test_bad_inputs_hundredsixth import _omniglot_maml, _rows

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train reptile on clusters with inner-steps 1e2, a count in e-notation",
     _train("--strategy", "reptile", "--family", "clusters", "--inner-steps", "1e2"),
     ["--inner-steps", "1e2"]),
    ("train closed_form on linear with checkpoint-every 2.5, a float for a count",
     _train("--strategy", "closed_form", "--family", "linear", "--checkpoint-every", "2.5"),
     ["--checkpoint-every", "2.5"]),
    ("train anil on sinusoid_frequency with inner-steps nan",
     _train("--strategy", "anil", "--family", "sinusoid_frequency", "--inner-steps", "nan"),
     ["--inner-steps", "nan"]),
    ("train r2d2 on clusters with meta-batch inf",
     _train("--strategy", "r2d2", "--family", "clusters", "--meta-batch", "inf"),
     ["--meta-batch", "inf"]),
    ("train newton_head on clusters with n-support 0x0a, a count in hexadecimal",
     _train("--strategy", "newton_head", "--family", "clusters", "--n-support", "0x0a"),
     ["--n-support", "0x0a"]),
    ("train pretrained on linear with checkpoint-every 1e3, a count in e-notation",
     _train("--strategy", "pretrained", "--family", "linear", "--checkpoint-every", "1e3"),
     ["--checkpoint-every", "1e3"]),
    ("train subset with n-query nan",
     _train("--strategy", "subset", "--n-query", "nan"), ["--n-query", "nan"]),
    ("train multitask on sinusoid_frequency with log-every 2.5, a float for a count",
     _train("--strategy", "multitask", "--family", "sinusoid_frequency", "--log-every",
            "2.5"), ["--log-every", "2.5"]),
    ("train fomaml on clusters with inner-lr 0x1, a step size in hexadecimal",
     _train("--strategy", "fomaml", "--family", "clusters", "--inner-lr", "0x1"),
     ["--inner-lr", "0x1"]),
    ("train resume a scratch run with inner-steps 3, a flag scratch has not got",
     _resumed("scratch", "--inner-steps", "3"), ["--inner-steps"]),
    ("train maml on linear with n-support inf",
     _train("--family", "linear", "--n-support", "inf"), ["--n-support", "inf"]),
    ("train reptile on linear with set meta_lr=slow, a word for a step size",
     _train("--strategy", "reptile", "--family", "linear", "--set", "meta_lr=slow"),
     ["meta_lr", "slow"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate a fomaml run with query '', an empty count",
     _evaluate(lambda d: _run(d, "fomaml"), "--query", ""), ["--query"]),
    ("evaluate a closed_form run with tasks 0x10, a count in hexadecimal",
     _evaluate(lambda d: _run(d, "closed_form"), "--tasks", "0x10"), ["--tasks", "0x10"]),
    ("evaluate an r2d2 clusters run with support inf",
     _evaluate(_r2d2_run, "--query", "5", "--support", "inf"), ["--support", "inf"]),
    ("evaluate a reptile run with seed 1e400, a seed that overflows",
     _evaluate(lambda d: _run(d, "reptile"), "--seed", "1e400"), ["--seed", "1e400"]),
    ("evaluate a maml clusters run with steps 2.5, a float for a count",
     _evaluate(_clusters_run, "--support", "5", "--query", "5", "--steps", "2.5"),
     ["--steps", "2.5"]),
    ("compare reptile on linear with val-seed 0x0b, a seed in hexadecimal",
     _compare_on(["reptile"], "linear", "--val-seed", "0x0b"), ["--val-seed", "0x0b"]),
    ("compare anil on sinusoid_frequency with eval-seed inf",
     _compare_on(["anil"], "sinusoid_frequency", "--eval-seed", "inf"),
     ["--eval-seed", "inf"]),
    ("compare closed_form on linear with val-tasks fifty, a word for a count",
     _compare_on(["closed_form"], "linear", "--val-tasks", "fifty"),
     ["--val-tasks", "fifty"]),
    ("compare multitask on sinusoid with adapt-steps '', an empty count",
     _compare_on(["multitask"], "sinusoid", "--adapt-steps", ""), ["--adapt-steps"]),
    ("compare r2d2 on clusters with val-seed nan",
     _compare_on(["r2d2"], "clusters", "--support", "5", "--query", "5", "--val-seed", "nan"),
     ["--val-seed", "nan"]),
    ("compare scratch on linear with eval-seed 1e3, a seed in e-notation",
     _compare_on(["scratch"], "linear", "--eval-seed", "1e3"), ["--eval-seed", "1e3"]),
]

# --- Chapter 2's functions

def _curve_family_name():
    strategy, state = _maml_state()
    return adapt.curve(strategy, state, held_out_tasks(Sinusoid(), 2, 5, 5), 1,
                       family="sinusoid")


def _meta_grad_cross_entropy():
    model, params, batch = _problem()
    return meta_grad(params, batch, model, inner_lr=0.01, inner_steps=1, loss=cross_entropy)


def _divergence_negative():
    return divergence_map(MLP((1, 8, 1)), Sinusoid(), [1], [0.01], n_steps=-5, meta_batch=2)


def _check_step_ratio():
    old = {"params": [np.zeros(3)]}
    new = {"params": [np.ones(3)]}
    return check_step(old, new, 1.0, step=1, advice="lower meta_lr", max_ratio=float("nan"))


def _sharpness_seed():
    model, params, batch = _problem()
    return sharpness(params, batch, model, seed=2 ** 64)


def _fine_tune_lr_list():
    return _meta(fine_tune_tasks, inner_lr=[0.01, 0.1])


def _softmax_logits_steps():
    b = _clusters_batch()
    return softmax_head_logits(b.x_support, b.y_support, b.x_query, 1.0, max_steps=2.5)


def _subset_batch_size_text():
    return subset_batch(_problem()[2], _rng(), "2")


def _r2d2_lam_bool():
    b = _clusters_batch()
    return r2d2_logits(b.x_support, b.y_support, b.x_query, True)


def _multitask_model_none():
    model, params, batch = _problem()
    body, head = split(params)
    heads = [np.zeros((3, 8, 1)), np.zeros((3, 1))]
    return multitask_loss(body, heads, batch.x_support, batch.y_support, None)


def _from_theta0_nan():
    model, params, batch = _problem()
    return adapt.from_theta0(params, batch, model, inner_lr=float("nan"), loss=mse)


def _predict_negative():
    strategy, state = _maml_state()
    return adapt.predict(strategy, state, held_out_tasks(Sinusoid(), 2, 5, 5), -3)


META_CASES = [
    ("adapt.curve family the name 'sinusoid', where the family object is meant",
     lambda d: _curve_family_name(), ["family"]),
    ("meta_grad loss cross_entropy on a regression batch, a classification loss",
     lambda d: _meta_grad_cross_entropy(), ["loss"]),
    ("anil_meta_grad inner_steps 1000000, an inner loop without end in sight",
     lambda d: _under_the_batteries_ulimit(
         lambda: _meta(anil_meta_grad, inner_steps=10 ** 6)),
     ["inner_steps", "1000000"]),
    ("divergence_map n_steps -5",
     lambda d: _divergence_negative(), ["n_steps", "-5"]),
    ("guard check_step max_ratio nan",
     lambda d: _check_step_ratio(), ["max_ratio", "nan"]),
    ("normalization sharpness seed 2**64, a seed too large",
     lambda d: _sharpness_seed(), ["seed", str(2 ** 64)]),
    ("fine_tune_tasks inner_lr a list of two step sizes, where one is meant",
     lambda d: _fine_tune_lr_list(), ["inner_lr"]),
    ("softmax_head_logits max_steps 2.5, a float for a count",
     lambda d: _softmax_logits_steps(), ["max_steps", "2.5"]),
    ("subset_batch subset_size the text '2', a number as text",
     lambda d: _subset_batch_size_text(), ["subset_size", "2"]),
    ("r2d2_logits lam True, a bool for a penalty",
     lambda d: _r2d2_lam_bool(), ["lam", "True"]),
    ("multitask_loss model None",
     lambda d: _multitask_model_none(), ["model"]),
    ("adapt.from_theta0 inner_lr nan",
     lambda d: _from_theta0_nan(), ["inner_lr", "nan"]),
    ("adapt.predict n_steps -3",
     lambda d: _predict_negative(), ["n_steps", "-3"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy maml family the GaussianClusters class, not an instance",
     lambda d: make_strategy("maml", family=GaussianClusters, meta_batch=2), ["family"]),
    ("make_strategy multitask n_train_tasks 0, no training tasks to draw from",
     lambda d: make_strategy("multitask", meta_batch=2, n_train_tasks=0),
     ["n_train_tasks", "0"]),
    ("hyperparameters 'first_order_maml', a long name for fomaml",
     lambda d: hyperparameters("first_order_maml"), ["first_order_maml"]),
    ("ClosedForm built from a MAMLConfig, another strategy's configuration",
     lambda d: ClosedForm(default_model(Sinusoid()), Sinusoid(), MAMLConfig(meta_batch=2)),
     ["MAMLConfig"]),
    ("Pretrained built from a PretrainedConfig of inner_lr -0.01",
     lambda d: Pretrained(default_model(Sinusoid()), Sinusoid(),
                          PretrainedConfig(meta_batch=2, inner_lr=-0.01)),
     ["inner_lr", "-0.01"]),
    ("with_test_time inner_lr the text '0.01', a number as text",
     lambda d: with_test_time(_maml(), inner_lr="0.01"), ["inner_lr", "0.01"]),
    ("train in the library a pretrained strategy of meta_batch 10**12, too many tasks a step "
     "for memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: train(make_strategy("pretrained", meta_batch=10 ** 12), 1, 0)),
     ["meta_batch", str(10 ** 12)]),
    ("make_family 'sinusoid_frequency' with frequency (2.0,), one end only",
     lambda d: make_family("sinusoid_frequency", frequency=(2.0,)), ["frequency"]),
    ("make_strategy newton_head on clusters with n_query 7, not a multiple of its 5 ways",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=2, n_query=7),
     ["n_query", "7"]),
    ("default_model the family's name 'linear ' with a trailing space",
     lambda d: default_model("linear "), ["linear"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train n_steps 2.0, a whole float for a count",
     lambda d: train(_maml(), 2.0, 0), ["n_steps", "2.0"]),
    ("train checkpoint a path ending in .json, not .npz",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.json"), ["run.json"]),
    ("train progress the name 'print', where the function is meant",
     lambda d: train(_maml(), 2, 0, progress="print"), ["progress", "print"]),
    ("evaluate n_tasks 1.5, a float for a count",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_tasks=1.5)),
     ["n_tasks", "1.5"]),
    ("evaluate n_query 1e400, a float that overflows to inf",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_query=1e400)),
     ["n_query", "inf"]),
    ("select_test_time candidates [0.01, -0.01], a negative step size among them",
     lambda d: _select(candidates=[0.01, -0.01]), ["candidates", "-0.01"]),
    ("select_test_time n_tasks 1.5, a float for a count",
     lambda d: _select(n_tasks=1.5), ["n_tasks", "1.5"]),
    ("held_out_tasks n_tasks 1e400, a count that overflows to inf",
     lambda d: held_out_tasks(Sinusoid(), 1e400, 5, 5), ["n_tasks", "inf"]),
    ("task_rng seed a list [22, 1], where one seed is meant",
     lambda d: task_rng([22, 1], 3), ["seed"]),
    ("training step_rng step -1",
     lambda d: step_rng(0, -1), ["step", "-1"]),
]

# --- checkpoints

def _zeroed_tail(d):
    data = _good(d).read_bytes()
    path = d / "zeroed.npz"
    path.write_bytes(data[:200] + bytes(len(data) - 200))
    return path


def _drop_entry(key):
    return lambda d: _damaged(d, "dropped", lambda a: a.pop(key))


def _good_checkpoint(d):
    return load_checkpoint(_good(d))


def _resume_seed_text(d):
    return train(_maml(), 4, "0", checkpoint=_good(d), resume=True)


V2_NEGATIVE = _set_entry("v2neg", "state/adam/v/2", lambda a: -np.abs(a) - 1.0)
P3_SCALAR = _set_entry("p3scalar", "state/params/3", lambda a: np.array(a.ravel()[0]))
P2_MINUS_INF = _set_entry("p2minf", "state/params/2", lambda a: np.full_like(a, -np.inf))
NO_SEED = _drop_entry("meta/seed")
T_HALF = _set_entry("thalf", "state/adam/t", lambda a: np.array(2.5))
M1_MINUS_INF = _set_entry("m1minf", "state/adam/m/1", lambda a: np.full_like(a, -np.inf))
P0_BOOL = _set_entry("p0bool", "state/params/0", lambda a: a > 0)


CHECKPOINT_CASES = [
    ("restore a checkpoint whose bytes after the first 200 are zeroed",
     lambda d: restore(_zeroed_tail(d)), ["zeroed.npz"]),
    ("restore a checkpoint whose state/adam/v/2 is negative, a second moment below zero",
     lambda d: restore(V2_NEGATIVE(d)), ["state/adam/v/2"]),
    ("restore a checkpoint whose state/params/3 is a 0-d array, one number for a vector",
     lambda d: restore(P3_SCALAR(d)), ["state/params/3"]),
    ("restore a checkpoint whose state/params/2 holds -inf",
     lambda d: restore(P2_MINUS_INF(d)), ["state/params/2"]),
    ("restore a checkpoint whose meta/seed entry is missing",
     lambda d: restore(NO_SEED(d)), ["meta/seed"]),
    ("save_checkpoint config an empty dict",
     lambda d: _save_fields(d, config={}), ["config"]),
    ("save_checkpoint state an empty dict, no parameters at all",
     lambda d: save_checkpoint(d / "saved.npz", {}, step=2, seed=0,
                               config=_good_checkpoint(d).config,
                               meta_losses=_good_checkpoint(d).meta_losses), ["state"]),
    ("save_checkpoint meta_losses 2-D, a column of losses",
     lambda d: _save_fields(d, meta_losses=np.asarray(_good_checkpoint(d).meta_losses)
                            .reshape(-1, 1)), ["meta_losses"]),
    ("library train resume the good checkpoint with seed the text '0'",
     lambda d: _resume_seed_text(d), ["seed", "0"]),
    ("evaluate on the command line a checkpoint whose state/adam/t is 2.5",
     lambda d: ["evaluate", "--checkpoint", str(T_HALF(d)), "--tasks", "4",
                "--steps", "1"], ["state/adam/t"]),
    ("train on the command line resume a checkpoint whose state/adam/m/1 holds -inf",
     lambda d: ["train", "--resume", "--steps", "4", "--out", str(M1_MINUS_INF(d))],
     ["state/adam/m/1"]),
    ("evaluate on the command line a checkpoint whose state/params/0 is a bool array",
     lambda d: ["evaluate", "--checkpoint", str(P0_BOOL(d)), "--tasks", "4",
                "--steps", "1"], ["state/params/0"]),
]

# --- nn, optim, batchnorm

def _forward_with_text():
    model = MLP((1, 8, 1))
    return model.forward_with(model.init(_rng()), np.zeros((1, 5, 1)), "linear")


NN_CASES = [
    ("MLP activation 'softmax', not a hidden layer's activation",
     lambda d: MLP((1, 8, 1), activation="softmax").init(_rng()),
     ["activation", "softmax"]),
    ("MLP sizes (0, 8, 1), a network of no inputs",
     lambda d: MLP((0, 8, 1)).init(_rng()), ["sizes"]),
    ("MLP init rng the np.random module, where a Generator is meant",
     lambda d: MLP((1, 8, 1)).init(np.random), ["rng"]),
    ("MLP forward_with linear the string 'linear', where a function is meant",
     lambda d: _forward_with_text(), ["linear"]),
    ("split params a dict of arrays, where the list is meant",
     lambda d: split({"W1": np.ones((1, 8)), "b1": np.zeros(8)}), ["params"]),
    ("MLP body body_params a dict of the arrays, where the list is meant",
     lambda d: MLP((1, 8, 8, 1)).body({"W1": np.ones((1, 8)), "b1": np.zeros(8)},
                                      np.zeros((1, 5, 1))), ["body_params"]),
    ("adam_init params a dict of arrays, where the list is meant",
     lambda d: adam_init({"W1": np.ones((1, 8)), "b1": np.zeros(8)}), ["params"]),
    ("adam_update beta1 -0.1",
     lambda d: _adam(beta1=-0.1), ["beta1", "-0.1"]),
    ("adam_rows rows floats [0.0, 1.0], where indices are meant",
     lambda d: _rows(rows=np.array([0.0, 1.0])), ["rows"]),
    ("adam_rows lr the text '1e-3', a number as text",
     lambda d: _rows(lr="1e-3"), ["lr", "1e-3"]),
    ("finn_init sizes (1, 0, 1), a layer of no units",
     lambda d: finn_init(_rng(), (1, 0, 1)), ["sizes"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _target_flat(self, task_params, x):
    return Quadratic.target(self, task_params, x)[..., 0]


def _params_none(self, rng, n_tasks):
    return None


def _x_complex(self, rng, task_params, n_points):
    return rng.uniform(-2, 2, size=(task_params.shape[0], n_points, 1)) + 0j


def _loss_bools(pred, y):
    return np.ones(np.shape(pred)[0], dtype=bool)


TASK_CASES = [
    ("Sinusoid amplitude (nan, 5.0), in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=(np.nan, 5.0)), 2, 5, 5), ["amplitude"]),
    ("Sinusoid x_range (5.0, -5.0), its ends in decreasing order, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=(5.0, -5.0)), 2, 5, 5), ["x_range"]),
    ("LinearRegression noise -inf, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise=-np.inf), 2, 5, 5),
     ["noise", "-inf"]),
    ("LinearRegression mean (1.0, 0.5j), a complex mean, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean=(1.0, 0.5j)), 2, 5, 5), ["mean"]),
    ("SinusoidFrequency frequency (-2.0, -0.5), negative frequencies, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(-2.0, -0.5)), 2, 5, 5),
     ["frequency"]),
    ("SinusoidFrequency phase (3.0, 0.0), its ends in decreasing order, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(phase=(3.0, 0.0)), 2, 5, 5), ["phase"]),
    ("GaussianClusters n_way 1, one class to tell apart, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way=1), 2, 5, 5), ["n_way", "1"]),
    ("GaussianClusters dim inf, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=np.inf), 2, 5, 5), ["dim", "inf"]),
    ("make_family 'linear_regression', the class's name for the family's",
     lambda d: make_family("linear_regression"), ["linear_regression"]),
    ("cross_entropy y_onehot of -1s where ones are meant, a sign slip",
     lambda d: cross_entropy(np.zeros((2, 5, 3)), -np.eye(3)[np.zeros((2, 5), dtype=int)]),
     ["y_onehot"]),
    ("mse pred of 2 tasks for y of 3",
     lambda d: mse(np.zeros((2, 5, 1)), np.ones((3, 5, 1))), ["pred"]),
    ("a user's Quadratic TaskFamily whose target drops the output axis, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(target=_target_flat)), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_params returns None, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_params=_params_none), 2, 5, 5),
     ["sample_params"]),
    ("a user's Quadratic TaskFamily whose sample_x returns complex numbers, in train",
     lambda d: _train_quadratic(_quadratic(sample_x=_x_complex)), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose n_inputs is True, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(n_inputs=True), 2, 5, 5), ["n_inputs", "True"]),
    ("a user's Quadratic TaskFamily whose loss returns bools, one True per task, in train",
     lambda d: _train_quadratic(_quadratic(loss=staticmethod(_loss_bools))), ["loss"]),
]

# --- Omniglot

def _curves_negative():
    strategy = _omniglot_maml()
    batch = Omniglot(5, data=_data()).sample(_rng(), 2, 5, 5)
    return accuracy_curves(strategy, strategy.init_state(_rng()), batch, n_steps=-1)


OMNIGLOT_CASES = [
    ("Omniglot n_train nan",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=float("nan"))), ["n_train", "nan"]),
    ("Omniglot n_way nan",
     lambda d: _sample(Omniglot(float("nan"), data=_data())), ["n_way", "nan"]),
    ("Omniglot dtype 'float64 ' with a trailing space",
     lambda d: _sample(Omniglot(5, data=_data(), dtype="float64 ")), ["dtype", "float64"]),
    ("Omniglot n_validation inf",
     lambda d: _sample(Omniglot(5, data=_data(), n_validation=np.inf)), ["n_validation", "inf"]),
    ("Omniglot sample n_query 2.5, a float for a count",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, 5, 2.5), ["n_query", "2.5"]),
    ("finn_split alphabets and characters swapped",
     lambda d: finn_split(_data().characters, _data().alphabets), ["alphabets"]),
    ("check_shots n_drawings nan",
     lambda d: check_shots(5, 2, 5, 5, n_drawings=float("nan")), ["n_drawings", "nan"]),
    ("omniglot load progress the word 'no', a word for a switch",
     lambda d: omniglot_load(ROOT, cache_dir=d / "cache", progress="no"), ["progress", "no"]),
    ("omniglot_compare episodes seed 2**64, a seed too large",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 1, 2 ** 64), ["seed", str(2 ** 64)]),
    ("omniglot_compare with_step_size step_size -0.1",
     lambda d: with_step_size(_omniglot_maml(), -0.1), ["step_size", "-0.1"]),
    ("omniglot_compare weights_path shots 0",
     lambda d: weights_path(d, "maml", 0), ["shots", "0"]),
    ("omniglot_compare accuracy_curves n_steps -1",
     lambda d: _curves_negative(), ["n_steps", "-1"]),
    ("evaluate on the command line an omniglot run with support 2 query 2, fewer than its 5 "
     "ways",
     lambda d: _evaluate(_omniglot_run, "--support", "2", "--query", "2")(d),
     ["--support", "2"]),
    ("train omniglot on the command line with meta-batch 0",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "0",
                "--out", str(d / "omni0.npz")], ["--meta-batch", "0"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "adam_init params a dict of arrays, where the list is meant":
        "not a bad input: adam_init takes a tree of arrays (a dict is one: adam_init and "
        "adam_update of a dict ran and kept its keys, checked after the run from the user's "
        "side; the hundred-and-fourth battery quotes 'params must be a list (or tree) of "
        "arrays'), so the id's claim is untrue (this writer's slip); the first run: silent",
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


def test_the_hundredeighth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredeighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
