"""A hundred-and-sixth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 860285b, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (not ``checks``/``protocol``/``messages``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks`` (by ``inspect.signature``, names defined in each module only, with
their classes' method signatures); the hundred-and-fourth and hundred-and-second batteries (the
templates, read in full); the head of the eighth's ``classify_case``; ``test_bad_inputs_cli.py``'s
docstring, its file helpers and ``run_cli``/``classify_cli``/``classify_call``/``kept_cases``/
``battery_params``/``assert_wide_and_new``/``battery_main``/``report_by_area``; and the earlier
batteries' ids and shared helpers (imported, not copied: ``_good``, ``_train``, ``_rng``,
``_data``, the ninetieth's ``_run``, the ninety-second's ``_clusters_run``, ``_evaluate``,
``_maml_state``, ``_resume``, ``_small``, the ninety-fourth's ``_clusters_batch``,
``_compare_on``, ``_features``, ``_maml``, ``_meta``, ``_problem``, ``_sample``, ``_select``,
``_set_entry``, the ninety-sixth's ``Quadratic`` user family through ``_quadratic``,
``_train_quadratic``, ``_evaluate_quadratic``, and its ``_r2d2_run``, ``_save_fields`` and
``_under_the_batteries_ulimit``, the ninety-eighth's ``_omniglot_run``). To reuse those helpers
correctly their bodies were read in the earlier test files (test code only: the helpers above,
``Quadratic``, ``small_problem`` in conftest, the fifth's ``_data``, ``omniglot_real.py``'s
head). No library docstring was read, no checkpoint's entries were listed (the entry names used
are the earlier batteries'; a line that would have printed three entry names was in a plumbing
script that stopped, on a NameError of the script's own, before reaching it, and was left out
of the rerun). Not read: the body of any validation code, the library's source, its history,
anything of /work/main. The command line was run for ``--help`` only, before the battery.
Before the first run, good calls were made to get the plumbing right (``adapt.after`` of
``adapt.from_theta0``'s path, ``pooled_loss``, ``multitask_loss`` with the body and per-task
heads, ``closed_form_meta_loss`` with the body, ``r2d2_logits`` with an offset, ``variant``,
``subset_indices``, ``ridge_head`` form 'primal', ``fine_tune_tasks`` with one step,
``adam_rows``, ``MLP.apply`` of ``per_task`` copies, ``batch_norm`` with a scale, ``finn_init``,
``evaluate`` with n_support 5, ``adapt.predict``, ``with_test_time``, ``hyperparameters``, the
``Quadratic`` helpers, ``Omniglot(...).sample`` with 5 and 10 shots, ``finn_split``,
``check_shots``, ``with_step_size``, ``weights_path``, ``restore``, ``_save_fields``,
``load_checkpoint``: all ran). After the first run, two more from the user's side, to judge
the two silent strategy cases (below): the type of ``make_strategy('anil').config`` and the
config of ``MAML(model, family, MAMLConfig(meta_batch=2), inner_lr=0.1)``. Every case writes only
inside its temporary folder (checked after the runs: ``git status --short`` shows this file
only). SCRATCHMETA_DATA was unset (the decoded Omniglot cache under ~/.cache/scratchmeta; the
Omniglot zips at REAL_DATA). The runs were made as root.

Areas, as written: train on the command line -- fomaml on linear, closed_form on linear, r2d2,
newton_head, anil on linear, reptile and multitask on sinusoid_frequency, maml and scratch on
clusters, pretrained on linear, one resumed (r2d2 on clusters) (11); evaluate and compare on the
command line -- runs of r2d2, maml and newton_head on clusters, multitask, anil, scratch; compare
of newton_head on clusters, pretrained on linear, subset and maml on sinusoid_frequency, a
strategy typo (11); Chapter 2's functions -- adapt.predict, adapt.after, anil_meta_grad,
pooled_loss, closed_form_meta_loss, meta_gradient_norm, meta_loss_low_rank, multitask_loss,
fine_tune_tasks, ridge_head, subset_indices, r2d2_logits, compare_subset.variant (13);
strategies and the registry -- make_strategy (newton_head, r2d2, pretrained, scratch, subset),
hyperparameters, ANIL and MAML built from a MAMLConfig, with_test_time (10); train, evaluate,
select_test_time, held_out_tasks, task_rng in the library (10); checkpoints -- save_checkpoint,
load_checkpoint, restore, library train resume, evaluate and train --resume on the command line
(12); nn/optim/batchnorm -- MLP sizes, activation, batch_norm, dtype, apply; per_task,
adam_update, adam_rows, batch_norm, finn_init (11); task families -- Sinusoid, LinearRegression,
SinusoidFrequency, GaussianClusters, make_family, the ninety-sixth's ``Quadratic`` with one
method changed, mse (14); Omniglot -- Omniglot's n_validation, n_train, dtype, download, sample;
finn_split, check_shots, omniglot_compare's with_step_size and weights_path, train, compare and
evaluate of omniglot on the command line (12): 104.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --steps 0x10 (fomaml on linear), --set inner_steps=1e1 (anil), --set
  n_steps=2.5 (reptile), --set head_steps=5.5 (multitask), --n-query 0x0a (clusters), --seed
  0x10 (pretrained), evaluate --steps 1e1, --seed 0x16, --query five, compare --val-tasks 2.5,
  --adapt-steps 0x0a, --query 1e2, compare omniglot --support 1e1; adapt.predict and
  with_test_time a strategy's name for the strategy, adapt.after n_steps True, anil_meta_grad
  and meta_gradient_norm inner_lr True, pooled_loss loss 'mse', meta_loss_low_rank and
  make_strategy subset first_order 'no', r2d2_logits offset a list, make_strategy newton_head
  lam 0.5j, r2d2 learn_lam 'False', pretrained n_support 2.0, hyperparameters None, train seed
  1e3, progress True, log_every '10', evaluate n_support 5.5, held_out_tasks n_support 10.0,
  save_checkpoint step True and changes [1, 2], load_checkpoint a dict, restore the Checkpoint
  record, MLP sizes bytes, batch_norm 'False', dtype np.bool_, MLP apply params None, per_task
  n_tasks 3.0, Sinusoid phase (0.0, True), LinearRegression noise a range, SinusoidFrequency
  x_range with a complex end and amplitude one number, GaussianClusters dim True, Omniglot
  n_validation True, dtype str, download 'yes', finn_split characters None; a user family's
  metric returning strings;
- out of range -- zero, negative, inf, NaN, huge, a seed too large: --lam 1e999 (closed_form on
  linear), --meta-lr -0.001 (newton_head), resumed --set scale=-10 (r2d2), evaluate --support -5,
  --tasks inf, --steps nan, evaluate omniglot --steps -2, compare --eval-seed 2**64;
  subset_indices subset_size nan, make_strategy scratch n_query -2, evaluate n_steps 100001,
  select_test_time max_steps 100001 and seed nan, task_rng seed nan, save_checkpoint seed -7
  and step 10**20, adam_update lr 1e999, finn_init a negative width, GaussianClusters spread
  5e-324 (a subnormal), Omniglot n_train 2000 (more than there are), check_shots n_tasks nan,
  with_step_size step_size inf; a user family's target holding an inf; huge (memory or time):
  train r2d2 --meta-batch 10**12, fine_tune_tasks inner_steps 10**9;
- a wrong shape: closed_form_meta_loss body_params with the head, multitask_loss body [],
  MLP apply x of 3 tasks for params copied for 2, adam_rows rows [5] of 3, batch_norm scale
  holding a NaN, Sinusoid x_range of one end, LinearRegression mean of three, mse y of 2
  outputs for pred of 1, Omniglot sample 50 + 75 shots (more drawings than a character has), a
  user family's sample_x of 2 features for n_inputs 1;
- files and paths: save_checkpoint path ending in .txt; checkpoints whose state/params/1 is all
  inf, meta/config the JSON list '[]', state/params/0 complex (evaluated on the command line),
  meta/step -1 (resumed on the command line);
- mismatches: --set n_support=3 for scratch on 5-way clusters; library train resume of a
  two-step checkpoint with n_steps 1; ANIL and MAML built from a MAMLConfig (the ANIL one a slip,
  see below; the MAML one with inner_lr=0.1 beside it); make_family linear n_way=5, another
  family's argument;
- typos and misspellings: compare --strategies anill, ridge_head form 'Primal', variant family
  'Sinusoid', hyperparameters 'Reptile ', evaluate on_divergence 'Raise', MLP activation
  'relu,tanh', make_family clusters spred=2.0, weights_path 'mamll', train omniglot --dtype
  float16.

Repeats: the 13,300 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (185 files; string first elements of tuples of three or more, by
``ast``) were grepped, before any run, for each draft's function or option with its kind (about
200 patterns over eight rounds, e.g. ``inner-lr 1e``, ``batched``, ``set n_steps``,
``head_init``, ``n_train_tasks``, ``subset_size=``, ``learn_lam``, ``--dtype``,
``root.*sinusoid``, ``pretrained.*inner``, ``checkpoint-every``, ``first_order``,
``resume.*seed``, ``evaluate.*(support|query|seed|steps)``,
``compare.*(adapt-steps|val-tasks|seed|steps|support|tasks)``, ``stop_on_divergence``,
``from_theta0``, ``anil_meta_loss``, ``meta_grad inner_lr``, ``subset_meta_loss``,
``closed_form_meta_loss (lam|loss)``, ``softmax_head``, ``form '``, ``meta_gradient_norms
inner_lrs``, ``^train (seed|checkpoint|strategy)``, ``log_every``, ``history``, ``chunk_size``,
``on_divergence``, ``held_out_tasks family``, ``task_rng``, ``save_checkpoint
(step|seed|config|changes|path)``, ``load_checkpoint``, ``restore root``, ``meta/config``,
``^mlp (apply|head|body|init|sizes|dtype|activation|batch_norm)``, ``adam_update
(lr|beta2|grads)``, ``sinusoid (x_range|phase|amplitude)``, ``linearregression
(scale|mean|noise)``, ``spread``, ``frequency``, ``^mse``, ``per_task``, ``finn_init sizes``,
``batch_norm (h|scale|offset|eps)``, ``adam_rows rows``, ``omniglot (n_train|dtype)``,
``n_validation``, ``download``, ``n_drawings``, ``finn_split``, ``check_shots n_tasks``,
``weights_path``, a count of ids by function and argument for every public function of
``scratchmeta.meta``), and every id against all of them, exactly and by its first three and four
words, by a script. Drafts replaced before any run because the grep or the script found their id
or substance (five exact ids among them): train newton_head --inner-lr nan, anil --set
first_order, --set inner_lr=1/100 and =None, resume r2d2 --lam -2, --seed 1.5, multitask --set
head_steps=-1, scratch --set n_query=1e1; evaluate --query 0, compare --adapt-steps nan;
meta_loss_low_rank inner_lr -0.01, fine_tune_tasks inner_steps 2.5, closed_form_meta_loss
body_params None, subset_indices n_support 2.5, variant subset_size 0, compare.build an unknown
name, anil_meta_grad inner_steps 10**9 (moved to fine_tune_tasks); make_strategy scratch
inner_lr None; train seed a numpy Generator, evaluate seed 2**64, task_rng seed a Generator,
restore root 5; MLP sizes (1,), activation 'ReLU', batch_norm 'yes', dtype 'int32', head
head_params None (exact), apply x of 2 features, adam_update lr -1e-3 (exact), per_task n_tasks
-2, batch_norm eps -1.0 and h complex (exact), Sinusoid x_range (-5.0, nan) (exact) and phase
'pi', LinearRegression noise -0.1 (exact), SinusoidFrequency frequency (2.0, 0.5),
GaussianClusters spread -1.0, the Quadratic's metric NaN, target None and sample_x without the
task axis; Omniglot n_way True, n_train -5, dtype 'float16' and 'int8', finn_split n_train 2.5,
check_shots n_drawings 2.5, evaluate omniglot --split Test. No exact id repeats (checked by a
script against the same list).

Near earlier ids, kept as new ways (the lead may judge): ``train closed_form ... lam 1e999``
near ``meta-lr 1e400, an overflow to inf``; ``train r2d2 ... meta-batch 1000000000000`` near
``train linear with meta-batch 100000000``; ``train newton_head ... meta-lr -0.001`` near
``train pretrained on linear with meta-lr -1e-3``; ``train anil ... set inner_steps=1e1`` near
``set inner_steps=1e400``; ``train reptile ... set n_steps=2.5`` near ``reptile set n_steps a
word``; ``train multitask ... head_steps=5.5`` near ``MultitaskConfig check head_steps -1``;
the hexadecimal counts and seeds near the earlier ``0x`` counts of other options; ``train
scratch on clusters with set n_support=3`` near ``train newton_head on clusters with n-support
3``; ``train resume an r2d2 ... scale=-10`` near ``R2D2Config check scale -inf`` and
``r2d2_logits scale -1.0``; ``evaluate a multitask run with tasks inf`` near ``tasks nan`` of
compare; ``evaluate a scratch run with steps nan`` near ``adapt.curve n_steps nan``; ``compare
... eval-seed 2**64`` near ``evaluate seed 2**64``; ``compare strategies 'anill'`` near
``compare strategies 'MAML'``; ``adapt.predict strategy the name 'maml'`` near ``adapt.predict
strategy None``; ``adapt.after n_steps True`` near ``adapt.after n_steps a string``;
``anil_meta_grad``/``meta_gradient_norm inner_lr True`` near their ``inner_lr a string``;
``pooled_loss loss 'mse'`` near ``anil_meta_grad loss the string 'mse'``;
``closed_form_meta_loss body_params the whole params list`` near ``closed_form body_params all
parameters``; ``meta_loss_low_rank first_order 'no'`` near ``first_order a word``;
``multitask_loss body an empty list`` near ``split params an empty list``; ``ridge_head form
'Primal'`` near ``ridge_head form with a trailing space``; ``subset_indices subset_size nan``
near ``subset_size True``; ``r2d2_logits offset a list`` near ``offset of another class
count``; ``variant family 'Sinusoid'`` near ``make_family capitalised``;
``make_strategy newton_head ... lam 0.5j`` near ``lam the string '1.0'``; ``make_strategy r2d2
... learn_lam 'False'`` near ``R2D2Config check learn_lam None``; ``make_strategy scratch
n_query -2`` near ``ScratchConfig check n_query 0``; ``hyperparameters None`` and ``'Reptile
'`` near ``hyperparameters 'MAML'``/``'fomal'``; ``with_test_time the strategy's name`` near
``adapt.predict strategy None``; ``make_strategy subset first_order 'no'`` near
``MAMLConfig check first_order a word``; ``train seed 1e3`` near ``train seed 1.5``; ``train
log_every '10'`` near ``train log_every a float``; ``evaluate on_divergence 'Raise'`` near
``'ignore'``/``'skip'``; ``evaluate n_steps 100001`` and ``select_test_time max_steps 100001``
near the command line's ``--steps 100001``; ``evaluate n_support 5.5`` near ``family
make_batch n_support 5.5``; ``held_out_tasks n_support 10.0`` near ``n_tasks True``;
``task_rng seed nan`` near ``task_rng seed a float``; ``save_checkpoint step True`` near ``step
2.5``; ``save_checkpoint seed -7`` near ``restore meta/seed -1``; ``save_checkpoint changes [1,
2]`` near ``changes a single string``; ``save_checkpoint path ending in .txt`` near ``train
checkpoint .npy``; ``load_checkpoint a dict`` near ``load_checkpoint path a list``;
``restore the Checkpoint record`` near the README's records-for-fields; ``restore ...
state/params/1 is all inf`` near ``library train resume ... state/params/5 holds nan``;
``meta/config the JSON list '[]'`` near ``meta/config is JSON null``; ``library train resume
... n_steps 1, fewer than done`` near ``train n_steps`` cases; ``evaluate ... state/params/0 is
complex`` near ``save_checkpoint meta_losses complex``; ``meta/step is -1`` near ``meta/step
1.5``; ``save_checkpoint step 10**20`` near ``train seed 2**63``; ``MLP sizes the bytes`` near
``MLP sizes the string '1-40-1'``; ``MLP activation 'relu,tanh'`` near ``hyperparameters of
'maml,reptile'``; ``MLP batch_norm 'False'`` near ``MLP batch_norm 'yes'``; ``MLP dtype
np.bool_`` near ``MLP dtype int``; ``MLP apply x of 3 tasks for params copied for 2`` near
``inner_sgd x of 2 tasks for task_params of 3``; ``MLP apply params None`` near ``MLP body
params None``; ``per_task n_tasks 3.0`` near ``per_task n_tasks 2.5``; ``adam_update lr
1e999`` near ``adam_rows lr inf``; ``adam_rows rows [5]`` near ``rows [0, 0]``;
``batch_norm scale holding a NaN`` near ``batch_norm offset NaN``; ``finn_init sizes (1, -40,
1)`` near ``MLP sizes a negative output``; ``Sinusoid x_range (-5.0,)`` near ``x_range of
three``; ``Sinusoid phase (0.0, True)`` near ``phase complex``; ``LinearRegression mean of
three`` near ``make_family linear mean of three`` (the same substance through another door:
found after the run, on rereading the grep output); ``LinearRegression noise (0.1, 0.2)`` near
``GaussianClusters spread (1.0, 2.0)``; ``SinusoidFrequency x_range (-5.0, 5j)`` near
``frequency (0.5, 2j)``; ``SinusoidFrequency amplitude 5.0`` near ``GaussianClusters spread a
range``; ``GaussianClusters spread 5e-324`` near the samplers' ``scale 5e-324``;
``GaussianClusters dim True`` near ``n_way True``; ``make_family clusters spred=2.0`` and
``linear n_way=5`` near ``compare build an unknown hyperparameter`` and ``--set noise=0.5``;
the ``Quadratic`` cases near the ninety-sixth's (``metric returns complex values``, ``target
returns inf for points beyond 1``, ``sample_x drops the task axis``); ``mse pred of 1 output and
y of 2`` near ``mse of other outputs`` (also found after the run, on rereading: the same
substance); ``Omniglot n_validation True`` near ``finn_split n_train True``; ``Omniglot n_train
2000`` near ``Omniglot n_validation 5000``; ``Omniglot dtype str`` near ``Omniglot dtype a
UserString``; ``Omniglot download 'yes'`` near ``load download a string``; ``Omniglot sample
n_support 50 and n_query 75`` near ``check_shots`` cases; ``finn_split characters None`` near
``finn_split alphabets None``; ``check_shots n_tasks nan`` near ``n_tasks 2.5``;
``with_step_size step_size inf`` near ``step_size the string '0.1'``; ``weights_path name
'mamll'`` near ``omniglot build a misspelt name``; ``train omniglot ... dtype float16`` near
``train dtype float32 given for a sinusoid run``; ``compare omniglot with support 1e1`` near
``evaluate a scratch run with support 1e1``; ``evaluate ... omniglot run with steps -2`` near
``evaluate a newton_head clusters run with steps -2``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 62 of the 104. After the
first run no case was added, reordered, swapped or reworded; no mentions were changed.

Corrected after the first run, one slip of this writer's (the case not kept): dropped, not a
bad input: ``ANIL built from a MAMLConfig, another strategy's configuration`` (first run:
silent, the strategy was built). ``scratchmeta.meta.anil`` defines no configuration class of its
own, and ``make_strategy('anil').config`` is a ``MAMLConfig`` (checked after the run from the
user's side), so the id's claim is untrue and the call is good (this writer's slip in choosing
it, as the hundred-and-second's sigmoid was).

Memory and time: ``fine_tune_tasks inner_steps 10**9`` runs under the ninety-sixth's
``_under_the_batteries_ulimit``; ``train r2d2 ... --meta-batch 1000000000000`` is a command line
(run in-process, not wrapped, as the templates'), refused before allocating (it names 30.1 PiB
against the 7.22 GiB left); the other huge values are counts checked before any work
(100001 steps, step 10**20). In the script run under ``ulimit -v 8000000`` and under pytest
without it, the fine_tune_tasks case was stopped by the harness's 30 s limit, not refused.

First run at 860285b (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset): written, 97 of 104
clear (93.3%), 4 unclear, 3 silent, 0 data loss -- cli train 10/11, evaluate/compare 11/11,
meta functions 12/13, strategies 8/10, evaluate and train 10/10, checkpoints 12/12,
nn/optim/batchnorm 11/11, task families 13/14, omniglot 10/12. Kept, 59 of 62 clear (95.2%), 2
unclear, 1 silent, 0 data loss -- 6/7, 7/7, 6/7, 6/6, 6/6, 7/7, 7/7, 8/8, 6/7. After the one
correction (the case not kept): written, 97 of 103 clear (94.2%), 4 unclear, 2 silent, 0 data
loss (strategies 8/9); kept unchanged, 59 of 62 (95.2%). Under pytest (SCRATCHMETA_DATA
unset): 60 passed, 3 failed (the 3 kept cases not clear, the same classifications; the
wide-and-new test passes).

Not clear, kept:
- ``train anil on linear with set inner_steps=1e1, a count in e-notation`` (unclear): "error:
  --set inner_steps=10.0: inner_steps must be an integer, got 10.0 (a number)" -- one line, exit
  2, names the field, but shows the value as 10.0, not as typed (1e1), so the line quotes a
  --set the user never wrote (the same option's ``n_steps=2.5`` and ``head_steps=5.5`` are
  shown as typed).
- ``fine_tune_tasks inner_steps 10**9, an inner loop without end in sight`` (unclear): not
  refused before work; the harness stopped it after 30 s, and the engine's ``grad`` then
  reported the harness's own interruption as "ValueError: grad: fun raised _TooLong when called
  with 2 argument(s) of shape(s) list [Tensor(op=input, level=116442, ...". Neither inner_steps
  nor 10**9 is named; evaluate's test-time steps are capped at 100,000, fine_tune_tasks'
  inner_steps are not.
- ``Omniglot download 'yes', a word for a switch`` (silent): no error; the family sampled (its
  data given, so nothing was downloaded), where ``rotate``'s and ``omniglot.load``'s switches
  refuse a word.

Not clear, written and not kept:
- ``MAML built from a MAMLConfig and inner_lr=0.1 beside it, two settings for one field``
  (silent, doubtful): the strategy was built with inner_lr 0.1 (its config shows
  ``MAMLConfig(inner_lr=0.1, ...)``): a keyword beside a config is taken as an override, which a
  user may mean; left to the lead.
- ``GaussianClusters spread 5e-324, the smallest subnormal, in held_out_tasks`` (unclear):
  "FloatingPointError: underflow encountered in multiply" -- NumPy's, under the harness's
  ``errstate(all="raise")``, naming neither spread nor the value (the README refuses such
  scales for the samplers).
- ``Omniglot dtype str, the text type`` (unclear): "TypeError: dtype must be float32 or float64
  (the engine's float types), got <U0" -- names the argument, but shows NumPy's reading of str
  (<U0), not what was given.
- first run only: ``ANIL built from a MAMLConfig`` (silent; the slip above).

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: one meta-step of R2-D2
(meta_batch=1000000000000, n_support=5, n_query=5) would need 30.1 PiB of memory at once, more
than the 7.22 GiB left under this process's memory limit ...", "error: n_support must be a
multiple of n_way=5 (the same number of points per class), got 3 (--strategy scratch --family
clusters) (given as --set n_support=3)", "error: compare: argument --eval-seed: expected an
integer seed in [0, 2**63), got '18446744073709551616'", "TypeError: strategy must be a strategy
object (e.g. scratchmeta.meta.registry.make_strategy('maml')), got 'maml'", "ValueError:
body_params must be a list of 4 arrays (expected: the body parameters [W1, b1, ...] for sizes
(1, 8, 8, 1)), got 6", "ValueError: /tmp/.../good.npz is already at step 2, beyond the
requested n_steps = 1", "error: --checkpoint .../p0cplx.npz: '.../p0cplx.npz' is damaged: entry
state/params/0 holds complex numbers of shape (1, 40); a checkpoint's state holds real numbers
only", "ValueError: params[0] has shape (2, 1, 8), expected (1, 8) or (3, *(1, 8)) (one copy per
task): params do not fit MLP(...)", "TypeError: UserQuadratic.metric (_metric_strings) must
return one real number per task ..., got an array of dtype <U3 and shape (2,)", "ValueError:
n_support=50 and n_query=75 ask for 10 + 15 distinct drawings per class (of n_way=5), but each
character has only 20"). Three messages are clear by the harness but slightly off:
``make_family clusters spred=2.0`` and ``make_family linear n_way=5`` give Python's own
"TypeError: GaussianClusters.__init__() got an unexpected keyword argument 'spred'" (naming
the class's __init__, not make_family, and not the arguments it takes); ``restore the
Checkpoint record`` prints the whole record's repr, arrays and all, on many lines.

Measured on main at 860285b, the commit it was written at, blind (the lead reran it there):
kept, 59 of 62 clear (95.2%), 2 unclear, 1 silent, 0 data loss. Round 73 (with sight of this
file, not blind): --set shows a value as typed (inner_steps=1e1, not 10.0); inner_steps above
100,000 is refused before any work, as test-time steps are; Omniglot refuses a download that
is not True or False; its dtype message shows what was given; a family's scale, noise or spread
that is subnormal is refused; make_family names a misspelt keyword with the family's own.
Every kept case is clear at that round.
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta import adapt
from scratchmeta.meta.anil import ANIL, anil_meta_grad
from scratchmeta.meta.baselines import pooled_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.compare_subset import variant
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.exploding import meta_gradient_norm
from scratchmeta.meta.maml import MAML, MAMLConfig
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.omniglot_compare import weights_path, with_step_size
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import default_model, hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import fine_tune_tasks
from scratchmeta.meta.ridge import ridge_head
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_rows
from scratchmeta.tasks import LinearRegression, Sinusoid, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import (_clusters_run, _evaluate, _maml_state, _resume,
                                          _small)
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _features, _maml, _meta,
                                          _problem, _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import (Quadratic, _quadratic, _r2d2_run, _save_fields,
                                         _train_quadratic, _evaluate_quadratic,
                                         _under_the_batteries_ulimit)
from test_bad_inputs_ninetyeighth import _omniglot_run
from test_bad_inputs_hundredsecond import _adam, _needs_omniglot, _params

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train fomaml on linear with steps 0x10, a count in hexadecimal",
     _train("--strategy", "fomaml", "--family", "linear", "--steps", "0x10"),
     ["--steps", "0x10"]),
    ("train closed_form on linear with lam 1e999, a penalty that overflows to inf",
     _train("--strategy", "closed_form", "--family", "linear", "--lam", "1e999"),
     ["--lam", "1e999"]),
    ("train r2d2 on clusters with meta-batch 1000000000000, too many tasks a step for memory",
     _train("--strategy", "r2d2", "--family", "clusters", "--meta-batch", "1000000000000"),
     ["--meta-batch", "1000000000000"]),
    ("train newton_head on clusters with meta-lr -0.001, a sign slip",
     _train("--strategy", "newton_head", "--family", "clusters", "--meta-lr", "-0.001"),
     ["--meta-lr", "-0.001"]),
    ("train anil on linear with set inner_steps=1e1, a count in e-notation",
     _train("--strategy", "anil", "--family", "linear", "--set", "inner_steps=1e1"),
     ["inner_steps", "1e1"]),
    ("train reptile on sinusoid_frequency with set n_steps=2.5, a float for a count",
     _train("--strategy", "reptile", "--family", "sinusoid_frequency", "--set", "n_steps=2.5"),
     ["n_steps", "2.5"]),
    ("train multitask on sinusoid_frequency with set head_steps=5.5, a float for a count",
     _train("--strategy", "multitask", "--family", "sinusoid_frequency", "--set",
            "head_steps=5.5"), ["head_steps", "5.5"]),
    ("train maml on clusters with n-query 0x0a, a count in hexadecimal",
     _train("--family", "clusters", "--n-query", "0x0a"), ["--n-query", "0x0a"]),
    ("train scratch on clusters with set n_support=3, not a multiple of its 5 ways",
     _train("--strategy", "scratch", "--family", "clusters", "--set", "n_support=3"),
     ["n_support", "3"]),
    ("train resume an r2d2 clusters run with set scale=-10, logits turned upside down",
     _resume(_r2d2_run, "--strategy", "r2d2", "--family", "clusters", "--set", "scale=-10"),
     ["scale", "-10"]),
    ("train pretrained on linear with seed 0x10, a seed in hexadecimal",
     _train("--strategy", "pretrained", "--family", "linear", "--seed", "0x10"),
     ["--seed", "0x10"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate an r2d2 clusters run with steps 1e1, a count in e-notation",
     _evaluate(_r2d2_run, "--support", "5", "--query", "5", "--steps", "1e1"),
     ["--steps", "1e1"]),
    ("evaluate a maml clusters run with support -5",
     _evaluate(_clusters_run, "--support", "-5", "--query", "5"), ["--support", "-5"]),
    ("evaluate a newton_head clusters run with seed 0x16, a seed in hexadecimal",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--support", "5",
               "--query", "5", "--seed", "0x16"), ["--seed", "0x16"]),
    ("evaluate a multitask run with tasks inf",
     _evaluate(lambda d: _run(d, "multitask"), "--tasks", "inf"), ["--tasks", "inf"]),
    ("evaluate an anil run with query five, a word for a count",
     _evaluate(lambda d: _run(d, "anil"), "--query", "five"), ["--query", "five"]),
    ("evaluate a scratch run with steps nan",
     _evaluate(lambda d: _run(d, "scratch"), "--steps", "nan"), ["--steps", "nan"]),
    ("compare newton_head on clusters with val-tasks 2.5, a float for a count",
     _compare_on(["newton_head"], "clusters", "--support", "5", "--query", "5",
                 "--val-tasks", "2.5"), ["--val-tasks", "2.5"]),
    ("compare pretrained on linear with adapt-steps 0x0a, a count in hexadecimal",
     _compare_on(["pretrained"], "linear", "--adapt-steps", "0x0a"),
     ["--adapt-steps", "0x0a"]),
    ("compare subset on sinusoid_frequency with eval-seed 2**64, a seed too large",
     _compare_on(["subset"], "sinusoid_frequency", "--eval-seed", str(2 ** 64)),
     ["--eval-seed", str(2 ** 64)]),
    ("compare strategies 'anill', a typo of anil",
     _compare_on(["anill"], "sinusoid"), ["anill"]),
    ("compare maml on sinusoid_frequency with query 1e2, a count in e-notation",
     _compare_on(["maml"], "sinusoid_frequency", "--query", "1e2"), ["--query", "1e2"]),
]

# --- Chapter 2's functions

def _predict_name():
    strategy, state = _maml_state()
    return adapt.predict("maml", state, held_out_tasks(Sinusoid(), 2, 5, 5), 1)


def _after_true():
    model, params, batch = _problem()
    path = adapt.from_theta0(params, batch, model, inner_lr=0.01, loss=mse)
    return adapt.after(path, True)


def _pooled_loss_name():
    model, params, batch = _problem()
    return pooled_loss(params, batch.x_support, batch.y_support, model, loss="mse")


def _multitask_body_empty():
    model, params, batch = _problem()
    return multitask_loss([], [np.zeros((3, 8, 1)), np.zeros((3, 1))], batch.x_support,
                          batch.y_support, model)


def _r2d2_offset_list():
    b = _clusters_batch()
    return r2d2_logits(b.x_support, b.y_support, b.x_query, 1.0, offset=[0.0, 1.0])


def _cf_body_full():
    model, params, batch = _problem()
    return closed_form_meta_loss(params, batch, model, lam=1.0)


def _fine_tune_billion():
    return _meta(fine_tune_tasks, inner_steps=10 ** 9)


META_CASES = [
    ("adapt.predict strategy the name 'maml', where the strategy is meant",
     lambda d: _predict_name(), ["strategy"]),
    ("adapt.after n_steps True, a bool for a count",
     lambda d: _after_true(), ["n_steps", "True"]),
    ("anil_meta_grad inner_lr True, a bool for a step size",
     lambda d: _meta(anil_meta_grad, inner_lr=True), ["inner_lr", "True"]),
    ("pooled_loss loss the string 'mse', a name where the function is meant",
     lambda d: _pooled_loss_name(), ["loss"]),
    ("closed_form_meta_loss body_params the whole params list, head included",
     lambda d: _cf_body_full(), ["body_params"]),
    ("meta_gradient_norm inner_lr True, a bool for a step size",
     lambda d: _meta(meta_gradient_norm, inner_lr=True), ["inner_lr", "True"]),
    ("meta_loss_low_rank first_order 'no', a word for a switch",
     lambda d: _meta(meta_loss_low_rank, first_order="no"), ["first_order", "no"]),
    ("multitask_loss body an empty list",
     lambda d: _multitask_body_empty(), ["body"]),
    ("fine_tune_tasks inner_steps 10**9, an inner loop without end in sight",
     lambda d: _under_the_batteries_ulimit(_fine_tune_billion),
     ["inner_steps", str(10 ** 9)]),
    ("ridge_head form 'Primal' in capitals",
     lambda d: ridge_head(_features(), np.ones((3, 5, 1)), 1.0, form="Primal"),
     ["form", "Primal"]),
    ("subset_indices subset_size nan",
     lambda d: subset_indices(_rng(), 3, 10, float("nan")), ["subset_size", "nan"]),
    ("r2d2_logits offset a list [0.0, 1.0], where one number is meant",
     lambda d: _r2d2_offset_list(), ["offset"]),
    ("compare_subset.variant family 'Sinusoid' in capitals",
     lambda d: variant(10, family="Sinusoid"), ["Sinusoid"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy newton_head on clusters lam 0.5j, a complex penalty",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=2, lam=0.5j),
     ["lam"]),
    ("make_strategy r2d2 on clusters learn_lam the string 'False'",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, learn_lam="False"),
     ["learn_lam", "False"]),
    ("make_strategy pretrained n_support 2.0, a float for a count",
     lambda d: make_strategy("pretrained", meta_batch=2, n_support=2.0),
     ["n_support", "2.0"]),
    ("make_strategy scratch n_query -2",
     lambda d: make_strategy("scratch", meta_batch=2, n_query=-2), ["n_query", "-2"]),
    ("hyperparameters None, where a strategy's name is meant",
     lambda d: hyperparameters(None), ["None"]),
    ("hyperparameters 'Reptile ' in capitals with a trailing space",
     lambda d: hyperparameters("Reptile "), ["Reptile"]),
    ("ANIL built from a MAMLConfig, another strategy's configuration",
     lambda d: ANIL(default_model(Sinusoid()), Sinusoid(), MAMLConfig(meta_batch=2)),
     ["MAMLConfig"]),
    ("MAML built from a MAMLConfig and inner_lr=0.1 beside it, two settings for one field",
     lambda d: MAML(default_model(Sinusoid()), Sinusoid(), MAMLConfig(meta_batch=2),
                    inner_lr=0.1), ["inner_lr"]),
    ("with_test_time the strategy's name 'maml', where the strategy is meant",
     lambda d: with_test_time("maml", inner_lr=0.01), ["strategy"]),
    ("make_strategy subset first_order 'no', a word for a switch",
     lambda d: make_strategy("subset", meta_batch=2, first_order="no"),
     ["first_order", "no"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train seed 1e3, a whole float in e-notation for a seed",
     lambda d: train(_maml(), 2, 1e3), ["seed", "1000.0"]),
    ("train progress True, a bool where a function is meant",
     lambda d: train(_maml(), 2, 0, progress=True), ["progress", "True"]),
    ("train log_every the text '10', a number as text",
     lambda d: train(_maml(), 2, 0, log_every="10"), ["log_every", "10"]),
    ("evaluate on_divergence 'Raise' in capitals",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, on_divergence="Raise",
                        **_small()), ["on_divergence", "Raise"]),
    ("evaluate n_steps 100001 in the library, past the most test-time steps",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=100001, **_small()),
     ["n_steps", "100001"]),
    ("evaluate n_support 5.5, a float for a count",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_support=5.5)),
     ["n_support", "5.5"]),
    ("select_test_time max_steps 100001, past the most test-time steps",
     lambda d: _select(max_steps=100001), ["max_steps", "100001"]),
    ("select_test_time seed nan",
     lambda d: _select(seed=float("nan")), ["seed", "nan"]),
    ("held_out_tasks n_support 10.0, a float for a count",
     lambda d: held_out_tasks(Sinusoid(), 2, 10.0, 5), ["n_support", "10.0"]),
    ("task_rng seed nan",
     lambda d: task_rng(float("nan"), 3), ["seed", "nan"]),
]

# --- checkpoints

def _resume_fewer(d):
    return train(_maml(), 1, 0, checkpoint=_good(d), resume=True)


P1_INF = _set_entry("p1inf", "state/params/1", lambda a: np.full_like(a, np.inf))
CONFIG_LIST = _set_entry("cfglist", "meta/config", lambda a: np.array("[]"))
P0_COMPLEX = _set_entry("p0cplx", "state/params/0", lambda a: a + 1j)
STEP_NEGATIVE = _set_entry("stepneg", "meta/step", lambda a: np.array(-1))


CHECKPOINT_CASES = [
    ("save_checkpoint step True, a bool for a count",
     lambda d: _save_fields(d, step=True), ["step", "True"]),
    ("save_checkpoint seed -7",
     lambda d: _save_fields(d, seed=-7), ["seed", "-7"]),
    ("save_checkpoint changes [1, 2], numbers where the recorded changes are meant",
     lambda d: _save_fields(d, changes=[1, 2]), ["changes"]),
    ("save_checkpoint path ending in .txt, not .npz",
     lambda d: _save_fields(d, path=d / "saved.txt"), ["saved.txt"]),
    ("load_checkpoint a dict holding the path, where the path is meant",
     lambda d: load_checkpoint({"path": str(_good(d))}), ["path"]),
    ("restore the Checkpoint record load_checkpoint gave, where its path is meant",
     lambda d: restore(load_checkpoint(_good(d))), ["path"]),
    ("restore a checkpoint whose state/params/1 is all inf",
     lambda d: restore(P1_INF(d)), ["state/params/1"]),
    ("restore a checkpoint whose meta/config is the JSON list '[]'",
     lambda d: restore(CONFIG_LIST(d)), ["meta/config"]),
    ("library train resume the good two-step checkpoint with n_steps 1, fewer than done",
     lambda d: _resume_fewer(d), ["n_steps", "1"]),
    ("evaluate on the command line a checkpoint whose state/params/0 is complex",
     lambda d: ["evaluate", "--checkpoint", str(P0_COMPLEX(d)), "--tasks", "4",
                "--steps", "1"], ["state/params/0"]),
    ("train on the command line resume a checkpoint whose meta/step is -1",
     lambda d: ["train", "--resume", "--steps", "4", "--out", str(STEP_NEGATIVE(d))],
     ["meta/step"]),
    ("save_checkpoint step 10**20, more steps than an int64 holds",
     lambda d: _save_fields(d, step=10 ** 20), ["step", str(10 ** 20)]),
]

# --- nn, optim, batchnorm

def _rows(**kw):
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((3, 2))], **{"rows": np.arange(3), "lr": 1e-3, **kw})


def _apply_tasks_mismatch():
    model = MLP((1, 8, 1))
    return model.apply(per_task(model.init(_rng()), 2), np.zeros((3, 5, 1)))


NN_CASES = [
    ("MLP sizes the bytes b'\\x01\\x08\\x01', where a tuple of widths is meant",
     lambda d: MLP(b"\x01\x08\x01").init(_rng()), ["sizes"]),
    ("MLP activation 'relu,tanh', two names in one string",
     lambda d: MLP((1, 8, 1), activation="relu,tanh").init(_rng()),
     ["activation", "relu,tanh"]),
    ("MLP batch_norm the string 'False', a word for a switch",
     lambda d: MLP((1, 8, 1), batch_norm="False").init(_rng()), ["batch_norm", "False"]),
    ("MLP dtype np.bool_, a bool type for the parameters",
     lambda d: MLP((1, 8, 1), dtype=np.bool_).init(_rng()), ["dtype", "bool"]),
    ("MLP apply x of 3 tasks for parameters copied for 2 tasks by per_task",
     lambda d: _apply_tasks_mismatch(), ["x"]),
    ("MLP apply params None",
     lambda d: MLP((1, 8, 1)).apply(None, np.zeros((1, 5, 1))), ["params"]),
    ("per_task n_tasks 3.0, a whole float for a count",
     lambda d: per_task(_params(), 3.0), ["n_tasks", "3.0"]),
    ("adam_update lr 1e999, a step that overflows to inf",
     lambda d: _adam(lr=1e999), ["lr", "inf"]),
    ("adam_rows rows [5], past its 3 rows",
     lambda d: _rows(rows=np.array([5])), ["rows", "5"]),
    ("batch_norm scale holding a NaN",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), scale=np.array([1.0, np.nan, 1.0])),
     ["scale"]),
    ("finn_init sizes (1, -40, 1), a negative width",
     lambda d: finn_init(_rng(), (1, -40, 1)), ["sizes"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _metric_strings(self, pred, y):
    return np.full(np.shape(pred)[0], "0.5")


def _target_inf(self, task_params, x):
    y = Quadratic.target(self, task_params, x)
    y[0, 0, 0] = np.inf
    return y


def _x_two_features(self, rng, task_params, n_points):
    return rng.uniform(-2, 2, size=(task_params.shape[0], n_points, 2))


TASK_CASES = [
    ("Sinusoid x_range (-5.0,), one end only, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=(-5.0,)), 2, 5, 5), ["x_range"]),
    ("Sinusoid phase (0.0, True), a bool for an end, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(phase=(0.0, True)), 2, 5, 5), ["phase"]),
    ("LinearRegression mean of three numbers (1.0, 0.5, 0.2), in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean=(1.0, 0.5, 0.2)), 2, 5, 5), ["mean"]),
    ("LinearRegression noise (0.1, 0.2), a range where one number is meant, in "
     "held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise=(0.1, 0.2)), 2, 5, 5), ["noise"]),
    ("SinusoidFrequency x_range (-5.0, 5j), a complex end, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(x_range=(-5.0, 5j)), 2, 5, 5), ["x_range"]),
    ("SinusoidFrequency amplitude 5.0, one number where a range is meant, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(amplitude=5.0), 2, 5, 5), ["amplitude"]),
    ("GaussianClusters spread 5e-324, the smallest subnormal, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread=5e-324), 2, 5, 5), ["spread", "5e-324"]),
    ("GaussianClusters dim True, a bool for a count, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=True), 2, 5, 5), ["dim", "True"]),
    ("make_family clusters spred=2.0, a misspelling of spread",
     lambda d: make_family("clusters", spred=2.0), ["spred"]),
    ("make_family linear n_way=5, another family's argument",
     lambda d: make_family("linear", n_way=5), ["n_way"]),
    ("a user's Quadratic TaskFamily whose metric returns strings, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_strings)), ["metric"]),
    ("a user's Quadratic TaskFamily whose target returns y holding an inf, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_inf), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_x returns x of 2 features for n_inputs 1, "
     "in train",
     lambda d: _train_quadratic(_quadratic(sample_x=_x_two_features)), ["sample_x"]),
    ("mse pred of 1 output and y of 2, broadcastable shapes",
     lambda d: mse(np.zeros((3, 5, 1)), np.ones((3, 5, 2))), ["y"]),
]

# --- Omniglot

def _omniglot_maml():
    return make_strategy("maml", family=Omniglot(5, data=_data()), meta_batch=1)


OMNIGLOT_CASES = [
    ("Omniglot n_validation True, a bool for a count",
     lambda d: _sample(Omniglot(5, data=_data(), n_validation=True)),
     ["n_validation", "True"]),
    ("Omniglot n_train 2000, more training characters than Omniglot has",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=2000)), ["n_train", "2000"]),
    ("Omniglot dtype str, the text type",
     lambda d: _sample(Omniglot(5, data=_data(), dtype=str)), ["dtype", "str"]),
    ("Omniglot download 'yes', a word for a switch",
     lambda d: _sample(Omniglot(5, data=_data(), download="yes")), ["download", "yes"]),
    ("Omniglot sample n_support 50 and n_query 75, more drawings than a character has",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, 50, 75), ["50", "75"]),
    ("finn_split characters None",
     lambda d: finn_split(_data().alphabets, None), ["characters", "None"]),
    ("check_shots n_tasks nan",
     lambda d: check_shots(5, float("nan"), 5, 5), ["n_tasks", "nan"]),
    ("omniglot_compare with_step_size step_size inf",
     lambda d: with_step_size(_omniglot_maml(), np.inf), ["step_size", "inf"]),
    ("omniglot_compare weights_path name 'mamll', a typo of maml",
     lambda d: weights_path(d, "mamll", 1), ["mamll"]),
    ("train omniglot on the command line with dtype float16, not one of its choices",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--out", str(d / "omni1.npz"), "--dtype", "float16"], ["--dtype", "float16"]),
    ("compare omniglot with support 1e1, a count in e-notation",
     lambda d: ["compare", "--family", "omniglot", "--steps", "1", "--tasks", "4",
                "--val-tasks", "4", "--adapt-steps", "1", "--strategies", "maml",
                "--support", "1e1", "--query", "5"], ["--support", "1e1"]),
    ("evaluate on the command line an omniglot run with steps -2",
     lambda d: _evaluate(_omniglot_run, "--support", "5", "--query", "5", "--steps", "-2")(d),
     ["--steps", "-2"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "ANIL built from a MAMLConfig, another strategy's configuration":
        "not a bad input: ANIL's own configuration is a MAMLConfig (make_strategy('anil').config "
        "is one; the anil module defines no config class), so the id's claim is untrue (this "
        "writer's slip in choosing it); the first run built the strategy, no error",
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


def test_the_hundredsixth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredsixth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
