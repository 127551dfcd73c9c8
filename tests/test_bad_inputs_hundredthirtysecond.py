"""A hundred-and-thirty-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit 3bba52a,
from the user's side only, in about twenty minutes: ``--help`` of ``train``, ``evaluate`` and
``compare`` (the README itself was not read); the public names and signatures
(``inspect.signature`` of the functions and classes each module defines, from ``__all__`` or
``dir``; no methods) of ``scratchmeta.meta``'s public modules (``adapt``, ``anil``,
``baselines``, ``closed_form``, ``evaluate``, ``exploding``, ``guard``, ``maml``,
``maml_low_rank``, ``multitask``, ``newton_head``, ``normalization``, ``r2d2``, ``r2d2_head``,
``registry``, ``reptile``, ``ridge``, ``softmax_head``, ``subset``, ``training``, ``checkpoint``,
``omniglot_compare``; not ``checks``/``protocol``/``messages``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``;
``tests/test_bad_inputs_cli.py``'s module docstring and first 60 lines (imports, ``_good``,
``_arrays``, the head of ``_damaged``) and a listing of its ``def`` lines; the two templates, the
hundred-and-thirtieth and the hundred-and-twenty-eighth (their docstrings' heads, imports, case
lists, helpers and tails); the ids of every earlier battery (extracted by ``ast``, see below).
Imported, not copied: ``_good``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the
ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's ``_compare_on``,
``_features``, ``_maml``, ``_problem``, ``_resumed``, ``_sample``, ``_select``, ``_set_entry``,
the ninety-sixth's ``_evaluate_quadratic``, ``_quadratic``, ``_save_fields``,
``_train_quadratic``, the hundred-and-second's ``_needs_omniglot`` and ``_params``. No case needed
the ninety-sixth's ``_under_the_batteries_ulimit`` (no library case asks for gigabytes; the one
memory case, evaluate --query 10000000000, is a command line expected to be refused before
allocating, and was). No library source body, library docstring, validation module, history or
file of /work/main was read on purpose. Disclosed: (1) to learn the helpers' signatures, a
``grep -A3`` of the earlier batteries printed the first lines of each helper above (test code: the
bodies of ``_evaluate``, ``_maml_state``, ``_small``, ``_compare_on``, ``_problem``, ``_features``,
``_maml``, ``_select``, ``_set_entry``, ``_sample``, ``_params``, ``_quadratic``,
``_train_quadratic``, ``_evaluate_quadratic`` and the heads of ``_good``, ``_damaged``, ``_train``,
``_run``, ``_resumed``, ``_save_fields`` and ``_under_the_batteries_ulimit``), and the
ninetieth's ``_resume`` was printed with ``grep -A6``; the signatures of the ninety-sixth's
``Quadratic`` methods were listed with ``inspect``; the commit was read with ``git rev-parse
--short HEAD``. (2) The first ``--written`` run crashed on a plumbing slip (below), and its
traceback showed three library source lines: ``registry.py`` line 185 (``strategy = cls(model,
family, **hyper)``), ``multitask.py`` line 123 (``self.config = configure(type(self), config,
hyper, model=model, family=family, body=True)``) and the ``raise ValueError(...)`` line 107 of the
validation module ``protocol.py``, with its message (Multitask needs a body of at least one layer;
linear's default model has none). Nothing else of the library was seen. No good library calls
were made before or after the runs. Every case writes only inside its temporary folder (``git
status --short`` after the runs shows this file only). The id list, scripts and run outputs were
kept outside the worktree, in /tmp/wt132_scratch. SCRATCHMETA_DATA was unset. The runs were made
as root (so no read-only-folder case was written: root writes through it).

Areas, as written (eleven each, 99 in all): train on the command line -- maml and r2d2 and
newton_head on clusters, fomaml, closed_form and anil on linear, multitask on sinusoid, reptile
and subset on sinusoid_frequency, pretrained on linear, a resume of an r2d2 clusters run;
evaluate and compare on the command line -- runs of anil, r2d2 and newton_head (clusters),
multitask (sinusoid), reptile and fomaml (linear), the good run's path with .npz twice; compare of
maml on sinusoid, 'Anil', closed_form on clusters, 'anil maml'; Chapter 2's functions --
adapt.from_theta0, adapt.curve, anil_meta_grad, meta_gradient_norm, meta_gradient_norms,
reptile_step, subset_meta_loss, softmax_head_logits, normalization.sharpness, meta_loss_low_rank,
baselines.pooled_loss; strategies and the registry -- the Reptile, Subset, ClosedForm, MAML,
Pretrained and Multitask classes built directly (from a config or with a wrong model/family),
make_strategy (anil, multitask, pretrained), hyperparameters, with_test_time on anil; library
train, evaluate (three), select_test_time (four), held_out_tasks, recorded_curve, task_rng;
checkpoints -- load_checkpoint, restore (three), save_checkpoint (three), train --resume (two) and
evaluate (two) on the command line; nn/optim/batchnorm -- adam_init (two), MLP activation, dtype,
apply; adam_update, adam_rows (two), batch_norm, per_task, split; task families --
LinearRegression (two), Sinusoid, SinusoidFrequency, GaussianClusters.sample, make_family (two),
accuracy (two), the ninety-sixth's ``Quadratic`` with one method changed (two); Omniglot --
Omniglot's split, dtype, n_train, download, sample rng; finn_split, check_shots, omniglot_compare's
episodes, families and build; train omniglot on the command line.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --n-query '1O' (a letter O), --n-query '10.', --set scale= (empty), --lam
  'λ=0.1', --inner-steps '5 # K', --n-support '', --set lam=−1 (a Unicode minus); evaluate --steps
  '3.0e0', --support '1e1', --seed '22;', --tasks '4e0'; compare --val-tasks '4 tasks',
  --adapt-steps '1 step'; from_theta0 batch a dict, curve strategy a name, anil_meta_grad model
  None, meta_gradient_norm batch a family, meta_gradient_norms loss 'mse', reptile_step model the
  MLP class, subset_meta_loss first_order None, sharpness params a dict, meta_loss_low_rank batch a
  list, pooled_loss x complex; ReptileConfig batched 'no', SubsetConfig first_order 'yes', MAML
  family 'sinusoid', Pretrained model a sizes tuple, MultitaskConfig lam '0.01', make_strategy anil
  family 3; evaluate on_divergence 'nan', chunk_size True; select_test_time strategy None, n_tasks
  True; recorded_curve family a name; save_checkpoint config a list of pairs, seed [0]; MLP
  activation 'relu()', dtype 'float8'; adam_init a bool weight; adam_update state without t;
  adam_rows t of floats; batch_norm eps complex; per_task text arrays; split [0.5];
  LinearRegression scale a range; GaussianClusters.sample rng None; accuracy y_onehot complex and
  logits a list; Omniglot dtype 'np.float32', download 1, sample rng None; families n_way True,
  build shots True;
- out of range -- negative, NaN, inf, huge: --set inner_steps=-32, --set inner_lr=1e999, --steps
  ∞; evaluate --query -0.5, --query 10000000000 (memory, refused before work); ClosedFormConfig
  n_support 0.5; make_strategy multitask lam -0.01, pretrained n_support 1e400; with_test_time
  inner_steps 1e400; train checkpoint_every 1e400; evaluate n_steps inf; select_test_time n_query
  1e400, seed 2**64; held_out_tasks start inf; task_rng i 1e400; LinearRegression scale -inf;
  make_family linear noise=-1; Omniglot n_train -1100; finn_split n_train 1600 (past 1623);
  check_shots n_drawings 2**70; episodes seed nan; train omniglot --inner-steps -1; adam_rows beta2
  inf;
- a wrong shape: softmax_head_logits y_support integer labels; Sinusoid amplitude 2x1; MLP apply x
  (2, 0, 1); adam_init an empty list;
- a user's function that misbehaves (``Quadratic``): loss returning minus the MSE (decreasing
  where increasing is meant), metric returning bools;
- files and paths: evaluate --checkpoint good.npz.npz; load_checkpoint meta/meta_losses complex;
  restore state/adam/v/3 float32, state/adam/t the whole float 2.0, meta/meta_losses negative;
  save_checkpoint state of NaN params; train --resume of state/adam/m/4 2-D and of state/params/0
  NaN (data loss checked); evaluate of meta/strategy 'MAML' and of meta/meta_losses 2-D;
- mismatches, options that conflict: compare 'anil maml' in one word; SinusoidFrequency x_range
  reversed;
- typos and misspellings: --set head_init=ridge, compare 'Anil', hyperparameters 'pre-trained',
  make_family clusters spred=1.0, Omniglot split 'all'.

Repeats: the 15,880 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively; by
the text before the first comma; an earlier id of three words or more that is a whole-word prefix
of a draft), over four rounds, by a per-(function, argument) count over the same list (to aim at
pairs little tried: from_theta0 batch, curve strategy, anil_meta_grad model, meta_gradient_norm
batch, meta_gradient_norms loss, reptile_step model, subset_meta_loss first_order,
softmax_head_logits y_support, sharpness params, meta_loss_low_rank batch, the config classes),
and by about 200 function-and-kind greps (e.g. ``decimal comma``, ``learn_lam=2``,
``n_train_tasks=0``, ``checkpoint-every nan``, ``1e999``, ``dtype float32``, ``scale=nan``,
``query -5``, ``18446744073709551616``, ``steps nan``, ``adapt-steps -2``, ``'MAML'``,
``val-tasks 0``, ``closed_form_meta_loss lam``, ``ridge_head lam``, ``softmax_head max_steps``,
``divergence_map Ks``, ``r2d2_logits scale|offset``, ``newton_solve tol|form``, ``reptile
n_steps``, ``r2d2 scale``, ``model a list``, ``subset_size 0``, ``hyperparameters '``,
``log_every``, ``history``, ``overwrite``, ``on_divergence``, ``chunk_size``, ``candidates``,
``select_test_time n_tasks|n_query|n_support|seed``, ``held_out_tasks start|family|n_query``,
``task_rng seed|i``, ``recorded_curve``, ``adam/v/0``, ``meta_losses``, ``config None``,
``save_checkpoint seed|step|state``, ``another seed``, ``zero bytes``, ``under a file``, ``NUL``,
``MLP sizes|activation|dtype|init rng|batch_norm|apply``, ``per_task params|n_tasks``, ``split
params``, ``adam_init params``, ``adam_update beta1|beta2|eps|grads|lr a list``, ``adam_rows
beta1|beta2|eps|state``, ``batch_norm scale|offset|eps|h``, ``LinearRegression scale``,
``Sinusoid phase|x_range|amplitude (5``, ``SinusoidFrequency frequency|amplitude|phase|x_range``,
``GaussianClusters spread|dim|n_way|sample``, ``make_family 'linear'``, ``n_ways``, ``mse
pred|y``, ``accuracy y_onehot``, ``cross_entropy``, ``metric returns``, ``target returns``,
``sample_params returns``, ``loss returns minus``, ``Omniglot n_way|split|dtype|n_validation|
n_train|download``, ``Omniglot sample``, ``finn_split alphabets|characters``, ``check_shots
n_support|n_drawings``, ``episodes shots|seed``, ``build family|shots``, ``families``,
``omniglot.*inner``, ``head_init``, ``inner_steps=-``, ``letter O``, ``Unicode minus``,
``full-width``, ``infinity sign``, ``empty string``, ``semicolon``, ``comment``, ``val-seed``,
``eval-seed``, ``compare.*seed``, ``evaluate.*steps|support|seed``, ``learn_scale``,
``head_seed``, ``built from``, ``with_test_time inner_steps|meta``, ``.json``, ``resume true``,
``meta/strategy``, ``meta/step``, ``restore root``, ``float32``, ``longdouble``). The earlier
list is dense, so drafts were replaced many times before any run; exact earlier ids among the
drafts (all replaced): ``closed_form_meta_loss scale nan``, ``with_bias features complex``,
``r2d2_logits offset nan``, ``train log_every 2.5, a fraction of a step``, ``evaluate
on_divergence 'skip', not one of its choices``, ``load_checkpoint a folder named run.npz``,
``evaluate on the command line a checkpoint with an extra entry state/params/6``, ``MLP sizes
(0, 8, 1), a network of no inputs``, ``MLP apply x complex``, ``adam_update beta1 nan``,
``batch_norm offset of 3 entries for h of 4 features``, ``SinusoidFrequency frequency (0.5,
inf), in held_out_tasks``, ``GaussianClusters spread the word 'wide', in held_out_tasks``, ``a
user's Quadratic TaskFamily whose metric returns None, in evaluate``, ``Omniglot sample n_tasks
-2``, and (before the first comma) ``newton_solve max_steps 2.5``, ``evaluate chunk_size 2.5``,
``held_out_tasks start 1.5``, ``save_checkpoint seed the text '0'``, ``save_checkpoint state the
list of parameters``, ``cross_entropy y_onehot 2-D``, ``omniglot_compare families n_way 0``,
``MLP sizes (1, 8, 1.0)``; replaced for substance (among others): --set learn_lam=2,
n_train_tasks=0, head_steps=-1, batched=2, meta_lr=-1 on reptile, scale=big on r2d2, --inner-lr
'0,01', --checkpoint-every '1k', evaluate --steps '3 steps', --seed 2**63 and '', --checkpoint
'', --tasks 'inf' and 'None', compare --adapt-steps '1.5', --val-tasks -4, --support '5.5';
anil_meta_loss inner_steps text, subset_meta_loss rng an int, ridge_head lam and softmax_head tol
as text, divergence_map inner_lrs negative; make_strategy reptile n_steps 3.5, r2d2 scale 'ten',
maml model a sizes tuple, newton_head family 'linear', subset subset_size True, hyperparameters
'R2D2', with_test_time a misspelt keyword and meta_lr; train overwrite 'no', checkpoint_every
-5, history (), checkpoint '.json', resume without a checkpoint; select_test_time candidates
2-D, n_support '10'; task_rng seed 2.5; restore state/params/1 complex, no state/adam/m/2,
meta/meta_losses text; resume with another strategy; train --out under a file and with a NUL;
MLP batch_norm 2, init rng a RandomState, sizes a generator and a dict, activation 'tanh ',
split one array, per_task n_tasks '2', adam_rows eps -1e-8, adam_init a complex leaf; Sinusoid
phase and amplitude reversed, amplitude a scalar, x_range a range; GaussianClusters dim 2.5;
mse y None; Quadratic sample_params strings, target None; Omniglot n_way 5.0, dtype int8 and
longdouble, n_validation -1, download 'yes', n_train 1100.0; finn_split characters one fewer;
check_shots n_support -1; episodes shots 'five'; build family None; train omniglot --n-support
25. No exact id repeats among the cases run (checked by the script against the same list after
the last change before the first run); one id matches an earlier one only loosely: ``MLP apply x
(2, 0, 1), ...`` after the generic earlier id ``MLP apply x``. Found after the first run (the id
was corrected then, see below; the value was not changed): ``evaluate a multitask run with
support '1e1'`` repeats in substance the earlier ``evaluate a scratch run with support 1e1, a
count in e-notation`` (the grep before the run searched the value in quotes, ``support '1e1'``,
and so missed it).

Near earlier ids, kept as new ways (the lead may judge): ``--n-query '1O'`` near ``train steps with
a letter O for a zero``; ``--n-query '10.'`` near the whole floats for counts; ``--set scale=``
near ``learn_lam= and nothing after it``; ``--lam 'λ=0.1'`` near ``compare adapt-steps in the
lecture's notation K=10``; ``head_init=ridge`` near a user setting ``config.head_init`` to 'ridge'
after make_strategy and ``MultitaskConfig check head_init a str subclass 'ridge'``; ``--inner-steps
'5 # K'`` near ``compare strategies with a shell comment kept inside the quotes``; ``--set
inner_steps=-32`` near ``anil set inner_steps=-3``; ``--set inner_lr=1e999`` near ``lam 1e999``;
``--steps ∞`` near ``evaluate tasks the infinity sign``; ``--n-support ''`` near ``inner-lr an
empty string``; ``--set lam=−1`` near ``meta-lr with a Unicode minus``; ``--steps '3.0e0'`` near
``evaluate a pretrained run with seed 2.2e1``; ``--query '-0.5'`` near ``evaluate a scratch run
with steps -0.5``; ``--seed '22;'`` near ``evaluate query with a trailing semicolon``; ``--query
10000000000`` near ``compare anil on clusters with support 10000000000``; ``good.npz.npz`` near
``without its .npz suffix``; ``--tasks '4e0'`` near ``make_strategy multitask n_train_tasks 1e3``;
``--val-tasks '4 tasks'`` and ``--adapt-steps '1 step'`` near ``evaluate a maml run with steps '5
steps'``; ``'Anil'`` near ``hyperparameters 'Fomaml', capitalised``; ``'anil maml'`` near
``hyperparameters 'maml,anil'``; from_theta0 batch a dict near ``first_step_change batch a dict``;
curve strategy a name near ``train strategy the name 'maml'``; anil_meta_grad model None near
``first_step_change model None``; meta_gradient_norm batch a family near ``adaptation_curves batch
the Sinusoid family``; meta_gradient_norms loss 'mse' near ``multitask_loss loss a string``;
reptile_step model the MLP class near ``first_step_change model the MLP class``; subset_meta_loss
first_order None near ``reptile batched None``; softmax_head_logits y_support integer labels near
``softmax_head_unrolled targets integer labels``; sharpness params a dict near ``first_step_change
params a dict``; meta_loss_low_rank batch a list near ``mse y a list of two arrays``; pooled_loss x
complex near ``population_statistics x complex``; ReptileConfig batched 'no' near ``reptile batched
None``; SubsetConfig first_order 'yes' near ``SubsetConfig check first_order 1``; ClosedFormConfig
n_support 0.5 near ``NewtonHeadConfig of n_query 2.5``; MAML family 'sinusoid' near ``evaluate
family the name 'sinusoid'``; Pretrained model a sizes tuple near ``make_strategy model a list of
sizes``; MultitaskConfig lam '0.01' near ``make_strategy closed_form lam the text '1e-2'``;
make_strategy anil family 3 near ``omniglot_compare families data the int 3``; multitask lam -0.01
near ``closed_form_meta_loss lam negative``; pretrained n_support 1e400 near
``n_train_tasks=1e400``; 'pre-trained' near ``'newton-head'``; with_test_time inner_steps 1e400
near ``10**9``; train checkpoint_every 1e400 near ``the infinity sign``; evaluate n_steps inf near
``2**70``; on_divergence 'nan' near ``'ignore'``; chunk_size True near ``n_steps True``;
select_test_time strategy None near ``recorded_curve strategy None``; n_query 1e400 near ``evaluate
n_query 1e400``; held_out_tasks start inf near ``nan``; recorded_curve family a name near
``held_out_tasks family a name``; task_rng i 1e400 near ``2**70``; select_test_time seed 2**64 near
``task_rng seed 2**64``; n_tasks True near ``per_task n_tasks True``; meta/meta_losses complex near
``save_checkpoint meta_losses complex``; state/adam/v/3 float32 near ``state/params/5 is float32``;
state/adam/t 2.0 near ``2.5``; meta/meta_losses negative near ``state/adam/v negative``;
save_checkpoint config a list near ``config None``; seed [0] near ``train seed [0, 1]``; state of
NaN params near ``multitask_loss body whose first weight is all NaN``; state/adam/m/4 2-D near
``state/adam/m/1 2-D``; meta/strategy 'MAML' near ``meta/strategy is lower case``; meta/meta_losses
2-D near ``save meta_losses 2-D``; the nn/optim cases near their functions' other values (``relu``
variants, ``bfloat16``, ``x of shape (1, 5, 0)``, ``adam_init params of text``, ``adam_rows beta2
NaN``, ``state t of another row count``, ``eps a complex NaN``, ``per_task params a generator``,
``split params of one entry``); LinearRegression scale -inf near ``nan``; Sinusoid amplitude 2x1
near ``a 2-D array [[1, 8, 1]]`` of MLP sizes; LinearRegression scale a range near
``GaussianClusters spread (1.0, 2.0)``; SinusoidFrequency x_range reversed near Sinusoid's;
GaussianClusters.sample rng None near its other rngs; spred=1.0 near ``n_ways=3``; make_family
linear noise=-1 near ``LinearRegression noise -0.1``; accuracy y_onehot complex near
``cross_entropy``'s; accuracy logits a list near ``mse y a list of two arrays``; Quadratic loss
minus the MSE near ``metric returns minus the MSE``; metric bools near ``loss returns bools``;
Omniglot split 'all' near its other names; dtype 'np.float32' near ``torch.float32``; n_train -1100
near ``n_validation -100``; download 1 near ``load download 1``; sample rng None near ``MLP init
rng None``; finn_split n_train 1600 near ``Omniglot n_train 10**6``; n_drawings 2**70 near
``n_support 2**70``; episodes seed nan near ``-1``; families n_way True near ``Omniglot n_way
True``; build shots True near ``2.5``; train omniglot --inner-steps -1 near ``--n-query -5``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 99. ``DROPPED`` is
empty. The file was copied before the first run (/tmp/wt132_scratch/before_first_run.py).

Corrections after the first run (outright slips of plumbing, both in cases written and not
kept; the kept cases are unchanged, and the kept run after the corrections gave the same
result):
- ``evaluate a multitask linear run with support '1e1', a count in e-notation`` (cli: evaluate,
  compare, index 1): its good run could not be made (a multitask run on the linear family, whose
  default model has no hidden layer; make_strategy refused it inside the helper ``_run``), so the
  first ``--written`` run stopped with that ValueError's traceback at this case (no result for
  this or the later areas; cli train 11/11 had been printed). Corrected to a multitask run on the
  default family (sinusoid), id ``evaluate a multitask run with support '1e1', a count in
  e-notation``: clear.
- ``check_shots n_drawings 2**70, drawings past any count`` (omniglot, index 6): the call gave
  n_support 1 for 5 ways, a second bad input beside the one meant. First result: unclear --
  "does not name ['n_drawings']: ValueError: n_support must be a multiple of n_way=5 (the same
  number of drawings of every class), got 1". Corrected to ``check_shots(5, 2, 5, 5,
  n_drawings=2 ** 70)``: silent -- "no error".

Memory and time: the CLI ``evaluate --query 10000000000`` is expected to be refused before work
(it was: clear); no library case allocates. The kept and written script runs took about five
seconds each, pytest about five.

First run at 3bba52a (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, 59 of 63 clear (93.7%), 0 unclear, 4 silent, 0 data loss -- cli train 7/7,
evaluate/compare 7/7, meta functions 7/7, strategies 7/7, evaluate and train 7/7, checkpoints 6/7
(1 silent), nn/optim/batchnorm 7/7, task families 4/7 (3 silent), omniglot 7/7. Written
(``--written``, after the two corrections above): 92 of 99 clear (92.9%), 2 unclear, 5 silent, 0
data loss -- cli train 11/11, evaluate/compare 11/11, meta functions 10/11 (1 unclear),
strategies 11/11, evaluate and train 10/11 (1 unclear), checkpoints 10/11 (1 silent),
nn/optim/batchnorm 11/11, task families 8/11 (3 silent), omniglot 10/11 (1 silent). (Between the
corrections, the written run gave 92 clear, 3 unclear, 4 silent.) Under pytest (without the
ulimit; run twice, the second time after this docstring was written, with the same result): 4
failed (the four kept silent cases below), 60 passed (59 kept clear cases and the wide-and-new
test).

Not clear, kept:
- ``evaluate on the command line a checkpoint whose meta/strategy is 'MAML' in capitals``:
  silent -- the evaluation ran and printed its table ("at meta-step 2: 4 held-out tasks (seed
  22), 10 support / 100 query points each", MSE 3.9 ± 4.0 after 0 steps, 3.7 ± 3.8 after 1). The
  entry still names the right strategy in other letters, so the result is likely the run's own;
  whether a checkpoint entry's strategy name may be matched without regard to case is for the
  lead to judge.
- ``accuracy logits a list of per-task arrays, where one array is meant``: silent -- "no error".
  The list of two (5, 3) arrays stacks to the (2, 5, 3) array meant, so the accuracy returned is
  likely right; if array-likes are accepted by design this is not a bad input (the lead may judge).
- ``a user's Quadratic TaskFamily whose loss returns minus the MSE, in train``: silent -- "no
  error" (two meta-steps made on a loss that rewards error).
- ``a user's Quadratic TaskFamily whose metric returns bools, in evaluate``: silent -- "no
  error".

Not clear, written and not kept:
- ``softmax_head_logits y_support integer labels (tasks, points), not one-hot``: unclear --
  "does not name ['y_support']: ValueError: targets must be one-hot of shape (3, 5, 'classes >=
  2') to match features of shape (3, 5, 5), got shape (3, 5)" (the message names softmax_head's
  ``targets``, not the argument given, ``y_support``).
- ``recorded_curve family the name 'sinusoid', not the family``: unclear -- "AttributeError: 'str'
  object has no attribute 'metric_name'" (an AttributeError from inside, not a ValueError or
  TypeError naming ``family``).
- ``check_shots n_drawings 2**70, drawings past any count``: silent -- "no error" (after the
  correction above).

Every other case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError; the
harness checked each message for the argument, option, entry or user method named in its
mentions and the value given. (The clear cases' messages were not printed by the runs, which print
only the cases not clear, and were not collected by a further run.) The two train --resume cases
of damaged checkpoints were clear and lost no data (the harness's data-loss check passed).

Measured on main at 3bba52a, the commit it was written at, blind (the lead reran it there,
with the hundred-and-thirty-third beside it, after the writer's corrections recorded above):
kept, 59 of 63 clear (93.7%), 0 unclear, 4 silent, 0 data loss; the pair, 109 of 119 (91.6%).
Two of the four silent cases are not bad inputs and stay strict xfails saying why (train
writes 'MAML' to meta/strategy itself, so that file was unchanged; a list of equal-shape
arrays is NumPy's array-like for the array meant, and the accuracy is that array's). Round 86
(with sight of this file, not blind): a user's loss that is larger at the exact targets than
at predictions off either way, for every task (-mse), is refused when it is first probed; a
family's metric returning booleans is refused before scoring; recorded_curve checks a family
given to it; check_shots refuses a drawing count past an int64 (the written cases).
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import curve, from_theta0
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.baselines import Pretrained, pooled_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.closed_form import ClosedForm, ClosedFormConfig
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, recorded_curve,
                                       select_test_time, task_rng, with_test_time)
from scratchmeta.meta.exploding import meta_gradient_norm, meta_gradient_norms
from scratchmeta.meta.maml import MAML
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.multitask import Multitask, MultitaskConfig
from scratchmeta.meta.normalization import sharpness
from scratchmeta.meta.omniglot_compare import build, episodes, families
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import Reptile, ReptileConfig, reptile_step
from scratchmeta.meta.softmax_head import softmax_head_logits
from scratchmeta.meta.subset import Subset, SubsetConfig, subset_meta_loss
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
from test_bad_inputs_ninetyfourth import (_compare_on, _features, _maml, _problem, _resumed,
                                          _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import (_evaluate_quadratic, _quadratic, _save_fields,
                                         _train_quadratic)
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_hundredtwentyeighth import _labels

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train maml on clusters with n-query '1O', a letter O for the zero",
     _train("--strategy", "maml", "--family", "clusters", "--n-query", "1O"),
     ["--n-query", "1O"]),
    ("train fomaml on linear with n-query '10.', a count with a trailing point",
     _train("--strategy", "fomaml", "--family", "linear", "--n-query", "10."),
     ["--n-query", "10."]),
    ("train r2d2 on clusters with set scale= and nothing after it, an empty output scale",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "scale="), ["scale"]),
    ("train closed_form on linear with lam '\u03bb=0.1', the symbol before the value",
     _train("--strategy", "closed_form", "--family", "linear", "--lam", "\u03bb=0.1"),
     ["--lam", "\u03bb=0.1"]),
    ("train multitask on sinusoid with set head_init=ridge, a head init it has not got",
     _train("--strategy", "multitask", "--set", "head_init=ridge"), ["head_init", "ridge"]),
    ("train anil on linear with inner-steps '5 # K', a comment left in the value",
     _train("--strategy", "anil", "--family", "linear", "--inner-steps", "5 # K"),
     ["--inner-steps", "5 # K"]),
    ("train reptile on sinusoid_frequency with set inner_steps=-32, a sign slip",
     _train("--strategy", "reptile", "--family", "sinusoid_frequency", "--set",
            "inner_steps=-32"), ["inner_steps", "-32"]),
    ("train newton_head on clusters with set inner_lr=1e999, a step that overflows to inf",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "inner_lr=1e999"),
     ["inner_lr"]),
    ("train pretrained on linear with steps the infinity sign",
     _train("--strategy", "pretrained", "--family", "linear", "--steps", "\u221e"),
     ["--steps", "\u221e"]),
    ("train subset on sinusoid_frequency with n-support the empty string",
     _train("--strategy", "subset", "--family", "sinusoid_frequency", "--n-support", ""),
     ["--n-support"]),
    ("train resume an r2d2 clusters run with set lam=\u22121, a Unicode minus sign",
     _resumed("r2d2", "--set", "lam=\u22121", family="clusters"), ["lam", "\u22121"]),
]

# --- the command line: evaluate and compare

def _suffix_twice(d):
    return str(_good(d)) + ".npz"


CLI_OTHER_CASES = [
    ("evaluate an anil clusters run with steps '3.0e0', a whole float in e-notation",
     _evaluate(lambda d: _run(d, "anil", family="clusters"), "--steps", "3.0e0"),
     ["--steps", "3.0e0"]),
    ("evaluate a multitask run with support '1e1', a count in e-notation",
     _evaluate(lambda d: _run(d, "multitask"), "--support", "1e1"),
     ["--support", "1e1"]),
    ("evaluate an r2d2 clusters run with query '-0.5', a negative fraction of a point",
     _evaluate(lambda d: _run(d, "r2d2", family="clusters"), "--query", "-0.5"),
     ["--query", "-0.5"]),
    ("evaluate a reptile linear run with seed '22;', a semicolon left from code",
     _evaluate(lambda d: _run(d, "reptile", family="linear"), "--seed", "22;"),
     ["--seed", "22;"]),
    ("evaluate a newton_head clusters run with query 10000000000, a query set past any memory",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--query", "10000000000"),
     ["--query", "10000000000"]),
    ("evaluate checkpoint the good run's path with .npz twice, good.npz.npz",
     lambda d: ["evaluate", "--checkpoint", _suffix_twice(d), "--tasks", "4", "--steps", "1"],
     ["good.npz.npz"]),
    ("evaluate a fomaml linear run with tasks '4e0', a count in e-notation",
     _evaluate(lambda d: _run(d, "fomaml", family="linear"), "--tasks", "4e0"),
     ["--tasks", "4e0"]),
    ("compare maml on sinusoid with val-tasks '4 tasks', a unit after the count",
     _compare_on(["maml"], "sinusoid", "--val-tasks", "4 tasks"), ["--val-tasks", "4 tasks"]),
    ("compare strategies 'Anil', capitalised",
     _compare_on(["Anil"], "linear"), ["Anil"]),
    ("compare closed_form on clusters with adapt-steps '1 step', a unit after the count",
     _compare_on(["closed_form"], "clusters", "--adapt-steps", "1 step"),
     ["--adapt-steps", "1 step"]),
    ("compare strategies 'anil maml', two names in one quoted word",
     _compare_on(["anil maml"], "linear"), ["anil maml"]),
]

# --- Chapter 2's functions

def _from_theta0_batch_dict():
    model, params, batch = _problem()
    return from_theta0(params, {"x_support": batch.x_support, "y_support": batch.y_support},
                       model, inner_lr=0.01, loss=mse)


def _curve_strategy_name():
    strategy, state = _maml_state()
    return curve("maml", state, Sinusoid().sample(_rng(), 2, 5, 5), 1)


def _anil_grad_model_none():
    model, params, batch = _problem()
    return anil_meta_grad(params, batch, None, inner_lr=0.01, inner_steps=1)


def _norm_batch_family():
    model, params, batch = _problem()
    return meta_gradient_norm(params, Sinusoid(), model, inner_steps=1, inner_lr=0.01)


def _norms_loss_name():
    model, params, batch = _problem()
    return meta_gradient_norms(params, batch, model, [1], [0.01], loss="mse")


def _reptile_step_model_class():
    model, params, batch = _problem()
    return reptile_step(params, batch, MLP, inner_lr=0.01, inner_steps=1, meta_lr=0.1)


def _subset_first_order_none():
    model, params, batch = _problem()
    return subset_meta_loss(params, batch, model, _rng(), subset_size=2, inner_lr=0.01,
                            inner_steps=1, first_order=None)


def _onehot(n_tasks=3, n_points=5, n_classes=3):
    return np.eye(n_classes)[_labels(n_tasks, n_points, n_classes)]


def _sharpness_params_dict():
    model, params, batch = _problem()
    return sharpness({f"w{i}": a for i, a in enumerate(params)}, batch, model, iterations=2)


def _low_rank_batch_list():
    model, params, batch = _problem()
    return meta_loss_low_rank(params, [batch, batch], model, inner_lr=0.01, inner_steps=1)


def _pooled_x_complex():
    model, params, batch = _problem()
    return pooled_loss(params, batch.x_support + 1j, batch.y_support, model, loss=mse)


META_CASES = [
    ("adapt from_theta0 batch a dict of the support arrays, not a TaskBatch",
     lambda d: _from_theta0_batch_dict(), ["batch"]),
    ("adapt curve strategy the name 'maml', not the strategy",
     lambda d: _curve_strategy_name(), ["strategy"]),
    ("anil_meta_grad model None",
     lambda d: _anil_grad_model_none(), ["model"]),
    ("meta_gradient_norm batch the Sinusoid family, not a batch of its tasks",
     lambda d: _norm_batch_family(), ["batch"]),
    ("meta_gradient_norms loss the name 'mse', not the function",
     lambda d: _norms_loss_name(), ["loss"]),
    ("reptile_step model the MLP class, not a network",
     lambda d: _reptile_step_model_class(), ["model"]),
    ("subset_meta_loss first_order None, where a switch is meant",
     lambda d: _subset_first_order_none(), ["first_order", "None"]),
    ("softmax_head_logits y_support integer labels (tasks, points), not one-hot",
     lambda d: softmax_head_logits(_features(), _labels(), _features(), 1.0), ["y_support"]),
    ("normalization sharpness params a dict of named arrays, not the list",
     lambda d: _sharpness_params_dict(), ["params"]),
    ("meta_loss_low_rank batch a list of two TaskBatches, where one is meant",
     lambda d: _low_rank_batch_list(), ["batch"]),
    ("baselines pooled_loss x complex",
     lambda d: _pooled_x_complex(), ["x"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("Reptile built from a ReptileConfig of batched 'no', a word for a switch",
     lambda d: Reptile(MLP((1, 40, 40, 1)), Sinusoid(), ReptileConfig(batched="no")),
     ["batched", "no"]),
    ("Subset built from a SubsetConfig of first_order 'yes', a word for a switch",
     lambda d: Subset(MLP((1, 40, 40, 1)), Sinusoid(), SubsetConfig(first_order="yes")),
     ["first_order", "yes"]),
    ("ClosedForm built from a ClosedFormConfig of n_support 0.5, half a point",
     lambda d: ClosedForm(MLP((1, 40, 40, 1)), Sinusoid(),
                          ClosedFormConfig(n_support=0.5)), ["n_support", "0.5"]),
    ("MAML built with family the name 'sinusoid', not the family",
     lambda d: MAML(MLP((1, 40, 40, 1)), "sinusoid", meta_batch=2), ["family"]),
    ("Pretrained built with model the sizes tuple (1, 40, 40, 1), not a network",
     lambda d: Pretrained((1, 40, 40, 1), Sinusoid(), meta_batch=2), ["model"]),
    ("Multitask built from a MultitaskConfig of lam the text '0.01'",
     lambda d: Multitask(MLP((1, 40, 40, 1)), Sinusoid(),
                         MultitaskConfig(lam="0.01")), ["lam", "0.01"]),
    ("make_strategy anil family the int 3",
     lambda d: make_strategy("anil", family=3, meta_batch=2), ["family", "3"]),
    ("make_strategy multitask lam -0.01, a negative penalty",
     lambda d: make_strategy("multitask", meta_batch=2, lam=-0.01), ["lam", "-0.01"]),
    ("make_strategy pretrained n_support 1e400, a count that overflows",
     lambda d: make_strategy("pretrained", meta_batch=2, n_support=1e400), ["n_support"]),
    ("hyperparameters 'pre-trained', a hyphen inside the name",
     lambda d: hyperparameters("pre-trained"), ["pre-trained"]),
    ("with_test_time inner_steps 1e400 on an anil strategy, a count that overflows",
     lambda d: with_test_time(make_strategy("anil", meta_batch=2), inner_steps=1e400),
     ["inner_steps"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train checkpoint_every 1e400 with a checkpoint, a count that overflows",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every=1e400),
     ["checkpoint_every"]),
    ("evaluate n_steps inf in the library",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=np.inf, **_small()),
     ["n_steps", "inf"]),
    ("evaluate on_divergence 'nan', a value where a choice is meant",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, on_divergence="nan",
                        **_small()), ["on_divergence", "nan"]),
    ("evaluate chunk_size True, a bool for a count",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, chunk_size=True, **_small()),
     ["chunk_size", "True"]),
    ("select_test_time strategy None",
     lambda d: select_test_time(None, _maml_state()[1], Sinusoid(), candidates=[0.01],
                                max_steps=1, **_small()), ["strategy"]),
    ("select_test_time n_query 1e400, a count that overflows",
     lambda d: _select(n_query=1e400), ["n_query"]),
    ("held_out_tasks start inf",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start=np.inf), ["start", "inf"]),
    ("recorded_curve family the name 'sinusoid', not the family",
     lambda d: recorded_curve(*_maml_state(), Sinusoid().sample(_rng(), 2, 5, 5), 1,
                              family="sinusoid"), ["family"]),
    ("task_rng i 1e400, a task number that overflows",
     lambda d: task_rng(22, 1e400), ["i"]),
    ("select_test_time seed 2**64, a seed too large",
     lambda d: _select(seed=2 ** 64), ["seed", str(2 ** 64)]),
    ("select_test_time n_tasks True, a bool for a count",
     lambda d: _select(n_tasks=True), ["n_tasks", "True"]),
]

# --- checkpoints

LOSSES_COMPLEX = _set_entry("lossescomplex", "meta/meta_losses", lambda a: np.asarray(a) + 1j)
V3_FLOAT32 = _set_entry("v3f32", "state/adam/v/3", lambda a: np.asarray(a).astype(np.float32))
T_WHOLE_FLOAT = _set_entry("twhole", "state/adam/t", lambda a: np.asarray(a).astype(float))
LOSSES_NEGATIVE = _set_entry("lossesneg", "meta/meta_losses",
                             lambda a: -np.abs(np.asarray(a, dtype=float)) - 1.0)
M4_2D = _set_entry("m42d", "state/adam/m/4", lambda a: np.asarray(a).reshape(1, -1))
P0_NAN = _set_entry("p0nan", "state/params/0", lambda a: np.full_like(a, np.nan))
STRATEGY_CAPS = _set_entry("strategycaps", "meta/strategy", lambda a: np.array("MAML"))
LOSSES_2D = _set_entry("losses2d", "meta/meta_losses", lambda a: np.asarray(a).reshape(1, -1))


def _state_params_nan(d):
    ckpt = load_checkpoint(_good(d))
    params = [np.full_like(a, np.nan) for a in ckpt.state["params"]]
    return _save_fields(d, state={**ckpt.state, "params": params})


CHECKPOINT_CASES = [
    ("load_checkpoint a checkpoint whose meta/meta_losses is complex",
     lambda d: load_checkpoint(LOSSES_COMPLEX(d)), ["meta/meta_losses"]),
    ("restore a checkpoint whose state/adam/v/3 is float32 among float64 entries",
     lambda d: restore(V3_FLOAT32(d)), ["state/adam/v/3"]),
    ("restore a checkpoint whose state/adam/t is the whole float 2.0",
     lambda d: restore(T_WHOLE_FLOAT(d)), ["state/adam/t"]),
    ("restore a checkpoint whose meta/meta_losses are negative, impossible for an MSE",
     lambda d: restore(LOSSES_NEGATIVE(d)), ["meta/meta_losses"]),
    ("save_checkpoint config a list of pairs, not a dict",
     lambda d: _save_fields(d, config=[("strategy", "maml")]), ["config"]),
    ("save_checkpoint seed a list [0], where one seed is meant",
     lambda d: _save_fields(d, seed=[0]), ["seed"]),
    ("save_checkpoint state whose params all hold NaN",
     lambda d: _state_params_nan(d), ["state"]),
    ("train resume on the command line a checkpoint whose state/adam/m/4 is 2-D",
     lambda d: ["train", "--steps", "4", "--meta-batch", "2", "--out", str(M4_2D(d)),
                "--resume"], ["state/adam/m/4"]),
    ("train resume on the command line a checkpoint whose state/params/0 holds NaN",
     lambda d: ["train", "--steps", "4", "--meta-batch", "2", "--out", str(P0_NAN(d)),
                "--resume"], ["state/params/0"]),
    ("evaluate on the command line a checkpoint whose meta/strategy is 'MAML' in capitals",
     lambda d: ["evaluate", "--checkpoint", str(STRATEGY_CAPS(d)), "--tasks", "4",
                "--steps", "1"], ["meta/strategy"]),
    ("evaluate on the command line a checkpoint whose meta/meta_losses is 2-D (1, 2)",
     lambda d: ["evaluate", "--checkpoint", str(LOSSES_2D(d)), "--tasks", "4", "--steps", "1"],
     ["meta/meta_losses"]),
]

# --- nn, optim, batchnorm

def _adam_state_without_t():
    params = _params()
    state = dict(adam_init(params))
    state.pop("t")
    return adam_update(params, [np.ones_like(a) for a in params], state, 1e-3)


def _rows(**kw):
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    state.update(kw.pop("state", {}))
    return adam_rows(p, state, [np.ones((3, 2))], np.array([0, 2]), 1e-3, **kw)


NN_CASES = [
    ("adam_init params holding a bool weight array",
     lambda d: adam_init([np.asarray(a) > 0 if i == 0 else a
                          for i, a in enumerate(_params())]), ["params"]),
    ("MLP activation 'relu()', the name with call parentheses",
     lambda d: MLP((1, 8, 1), activation="relu()").init(_rng()), ["activation", "relu()"]),
    ("MLP dtype 'float8', a type NumPy has not got",
     lambda d: MLP((1, 8, 1), dtype="float8").init(_rng()), ["dtype", "float8"]),
    ("MLP apply x (2, 0, 1), tasks without points",
     lambda d: MLP((1, 8, 1)).apply(per_task(_params(), 2), np.zeros((2, 0, 1))), ["x"]),
    ("adam_init params an empty list, no parameters",
     lambda d: adam_init([]), ["params"]),
    ("adam_update state a dict without its step count t",
     lambda d: _adam_state_without_t(), ["state"]),
    ("adam_rows beta2 inf",
     lambda d: _rows(beta2=np.inf), ["beta2", "inf"]),
    ("adam_rows state t of floats 0.5, half steps",
     lambda d: _rows(state={"t": np.full(3, 0.5)}), ["state"]),
    ("batch_norm eps complex 1e-3+0j",
     lambda d: batch_norm(np.ones((2, 5, 4)), eps=1e-3 + 0j), ["eps"]),
    ("per_task params of text arrays",
     lambda d: per_task([np.asarray(a).astype(str) for a in _params()], 2), ["params"]),
    ("nn split params a list of one scalar 0.5",
     lambda d: split([0.5]), ["params"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _loss_minus_mse(pred, y):
    return -mse(pred, y)


def _metric_bools(self, pred, y):
    return np.ones(np.shape(pred)[0], dtype=bool)


TASK_CASES = [
    ("LinearRegression scale -inf, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(scale=-np.inf), 2, 5, 5), ["scale", "-inf"]),
    ("Sinusoid amplitude a 2x1 array [[0.1], [5.0]], in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=np.array([[0.1], [5.0]])), 2, 5, 5),
     ["amplitude"]),
    ("LinearRegression scale (1.0, 2.0), a range where one number is meant, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(scale=(1.0, 2.0)), 2, 5, 5), ["scale"]),
    ("SinusoidFrequency x_range (5.0, -5.0), its ends in decreasing order, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(x_range=(5.0, -5.0)), 2, 5, 5), ["x_range"]),
    ("GaussianClusters sample rng None, where a Generator is meant",
     lambda d: GaussianClusters().sample(None, 2, 5, 5), ["rng"]),
    ("make_family 'clusters' with spred=1.0, a misspelt keyword",
     lambda d: make_family("clusters", spred=1.0), ["spred"]),
    ("make_family 'linear' with noise=-1, a negative noise level",
     lambda d: held_out_tasks(make_family("linear", noise=-1), 2, 5, 5), ["noise", "-1"]),
    ("accuracy y_onehot complex",
     lambda d: accuracy(np.zeros((2, 5, 3)), _onehot(2, 5, 3) + 0j), ["y_onehot"]),
    ("accuracy logits a list of per-task arrays, where one array is meant",
     lambda d: accuracy([np.zeros((5, 3)), np.zeros((5, 3))], _onehot(2, 5, 3)), ["logits"]),
    ("a user's Quadratic TaskFamily whose loss returns minus the MSE, in train",
     lambda d: _train_quadratic(_quadratic(loss=staticmethod(_loss_minus_mse))), ["loss"]),
    ("a user's Quadratic TaskFamily whose metric returns bools, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_bools)), ["metric"]),
]

# --- Omniglot

OMNIGLOT_CASES = [
    ("Omniglot split 'all', every character at once",
     lambda d: _sample(Omniglot(5, split="all", data=_data())), ["split", "all"]),
    ("Omniglot dtype the text 'np.float32', the NumPy prefix kept",
     lambda d: _sample(Omniglot(5, data=_data(), dtype="np.float32")),
     ["dtype", "np.float32"]),
    ("Omniglot n_train -1100, a sign slip",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=-1100)), ["n_train", "-1100"]),
    ("Omniglot download the int 1, a number for a switch",
     lambda d: _sample(Omniglot(5, data=_data(), download=1)), ["download"]),
    ("Omniglot sample rng None, where a Generator is meant",
     lambda d: Omniglot(5, data=_data()).sample(None, 2, 1, 1), ["rng"]),
    ("finn_split n_train 1600 beside n_validation 100, past Omniglot's 1623 characters",
     lambda d: finn_split(_data().alphabets, _data().characters, n_train=1600),
     ["n_train", "1600"]),
    ("check_shots n_drawings 2**70, drawings past any count",
     lambda d: check_shots(5, 2, 5, 5, n_drawings=2 ** 70), ["n_drawings"]),
    ("omniglot_compare episodes seed nan",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 1, np.nan), ["seed", "nan"]),
    ("omniglot_compare families n_way True, a bool for a count",
     lambda d: families(_data(), n_way=True), ["n_way", "True"]),
    ("omniglot_compare build shots True, a bool for a count",
     lambda d: build("maml", Omniglot(5, data=_data()), True), ["shots", "True"]),
    ("train omniglot on the command line with inner-steps -1, a sign slip",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--inner-steps", "-1", "--out", str(d / "omni.npz")],
     ["--inner-steps", "-1"]),
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
NOT_CLEAR_YET = {
    "evaluate on the command line a checkpoint whose meta/strategy is 'MAML' in capitals":
        'silent at 3bba52a: no error (not a bad input: train writes the name \'MAML\' to '
        'meta/strategy itself, so the file was unchanged and its evaluation right)',
    'accuracy logits a list of per-task arrays, where one array is meant':
        'silent at 3bba52a: no error (not a bad input: a list of equal-shape arrays is '
        'NumPy\'s array-like for the (2, 5, 3) array meant, and the accuracy is that array\'s)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredthirtysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredthirtysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
