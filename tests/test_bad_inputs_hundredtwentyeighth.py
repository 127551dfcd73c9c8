"""A hundred-and-twenty-eighth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; only its head, its first thirty lines, was read). Written blind, in a
worktree at commit a896559, from the user's side only, in about twenty minutes: the README (its
first 400 lines, through the command line section and the start of the measured results);
``--help`` of ``train``, ``evaluate`` and ``compare``; the public names and signatures
(``inspect.signature`` of the functions and classes each module defines, from ``__all__`` or
``dir``; no methods) of ``scratchmeta.meta``'s public modules (``adapt``, ``anil``,
``baselines``, ``closed_form``, ``evaluate``, ``exploding``, ``guard``, ``maml``,
``maml_low_rank``, ``multitask``, ``newton_head``, ``normalization``, ``r2d2``, ``r2d2_head``,
``registry``, ``reptile``, ``ridge``, ``softmax_head``, ``subset``, ``training``, ``checkpoint``,
``omniglot_compare``; not ``checks``/``protocol``/``messages``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``;
``tests/test_bad_inputs_cli.py``'s module docstring, its first 80 lines (imports, ``_good``,
``_arrays``, ``_damaged``, ``_with_pickle``, ``_text``), its ``_train``/``_evaluate`` and its
running and classifying helpers (from ``_snapshot`` to the end), and a listing of its ``def``
lines; the two templates, the hundred-and-twenty-sixth and the hundred-and-twenty-fourth, in
full; the ids of every earlier battery (extracted by ``ast``, see below). Imported, not copied:
``_good``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the ninety-second's
``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's ``_compare_on``, ``_features``,
``_maml``, ``_problem``, ``_resumed``, ``_sample``, ``_select``, ``_set_entry``, the
ninety-sixth's ``_quadratic``, ``_save_fields``, ``_train_quadratic``,
``_under_the_batteries_ulimit``, the hundred-and-second's ``_needs_omniglot`` and ``_params``.
No library source body, library docstring, validation module, history or file of /work/main was
read. Disclosed: to learn the helpers' signatures, a ``grep -A2`` of the earlier batteries
printed the first two lines of each helper (test code; the bodies of ``_sample``, ``_problem``,
``_maml_state``, ``_small``, ``_select``, ``_set_entry``, ``_features``, ``_maml``, ``_params``,
``_quadratic``, ``_train_quadratic`` and the first lines of ``_compare_on`` and ``_evaluate``
showed), and the bodies of the ninety-fourth's ``_resumed``, the ninetieth's ``_run`` and
``_resume`` and the ninety-sixth's ``_under_the_batteries_ulimit`` were read with ``sed``; the
signatures of the ninety-sixth's ``Quadratic`` methods were listed with ``inspect``; the commit
was read with ``git rev-parse --short HEAD``; the good checkpoint's entry names and shapes were
listed once with ``np.load``. No good library calls were made before the first run. After it,
to judge the one silent kept case (below), ``hyperparameters('multitask')`` was called and one
command line, ``train --strategy multitask --set head_init=bogus``, was run (refused before any
work, no file written), whose message listed head_init's choices. Every case writes only inside
its temporary folder (``git status --short`` after the runs shows this file only). The id list,
scripts and run outputs were kept outside the worktree, in /tmp/wt128_scratch. SCRATCHMETA_DATA
was unset. The runs were made as root (so no read-only-folder case was written: root writes
through it).

Areas, as written: train on the command line -- maml, closed_form, r2d2 and newton_head on
clusters, fomaml and reptile on linear, anil and multitask on sinusoid_frequency, subset and
fomaml on sinusoid, one resumed (pretrained) (11); evaluate and compare on the command line --
runs of fomaml (linear), anil, reptile, multitask, subset, closed_form, a path with a slash
after it; compare of maml on linear, anil on sinusoid_frequency and on clusters, a name with a
comma (11); Chapter 2's functions -- fine_tune_tasks, reptile_step, closed_form_meta_loss,
anil_meta_grad, meta_loss, adapt.after, adapt.predict, meta_gradient_norms,
softmax_head_unrolled, newton_solve, subset_batch (11); strategies and the registry --
make_strategy (name, maml, closed_form, newton_head, scratch, multitask, reptile, r2d2,
subset), hyperparameters, with_test_time on multitask (11); library train (five), evaluate
(two), select_test_time (two), held_out_tasks, task_rng (11); checkpoints -- load_checkpoint,
restore (four), save_checkpoint (three), train --resume and evaluate (two) on the command line
(11); nn/optim/batchnorm -- MLP activation, sizes, apply, init; per_task, split, adam_init,
adam_update (two), adam_rows, batch_norm (11); task families -- LinearRegression (two),
Sinusoid, SinusoidFrequency, GaussianClusters, make_family, mse, cross_entropy, the
ninety-sixth's ``Quadratic`` with one method changed (three) (11); Omniglot -- Omniglot's n_way,
split, data, n_train, sample n_support; finn_split, check_shots, omniglot_compare's episodes,
build, families; train omniglot on the command line (11): 99 written.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --n-support '10,' (a trailing comma), --log-every '50%', --meta-lr '.' (a lone
  point), --set lam=auto, --inner-lr '~0.1' (a tilde for about), --n-query '5+5' (a sum), --set
  head_steps=0x5, --set subset_size=10.5; evaluate --tasks '6 00' (a space inside), --query
  'all', --seed 'None', --steps '½' (a vulgar fraction); compare --val-tasks 'half', --steps
  'inf'; reptile_step inner_steps 'T' (the lecture's symbol), adapt.after path a parameter list,
  adapt.predict batch a dict, softmax_head_unrolled targets integer labels, newton_solve phi
  complex; make_strategy maml n_query 2.5, closed_form lam '1e-2', newton_head inner_lr 0j,
  reptile batched an array of two switches, subset model 'mlp'; train strategy a MAMLConfig,
  log_every nan, history an empty array, checkpoint_every 0.5; evaluate n_query 5.0,
  chunk_size a list; select_test_time candidates of text, family None; task_rng seed '22';
  save_checkpoint meta_losses of text, seed nan; MLP activation np.tanh, sizes (1, 8, nan),
  init rng 0; per_task n_tasks 3+0j; split an object array; adam_init a scalar; adam_update lr
  nan, grads None; LinearRegression mean with a text end, Sinusoid x_range of text,
  SinusoidFrequency amplitude with a text end; cross_entropy logits of text; Omniglot n_way
  [5], split ('train',), data a dict, sample n_support 5.0; finn_split n_train '1100';
  check_shots n_tasks None; episodes family a Sinusoid();
- out of range -- zero, negative, NaN, inf, huge, tiny: --set n_steps=-5 (reptile); evaluate
  --support -inf; compare --support 10000000000 (memory); fine_tune_tasks inner_lr nan;
  anil_meta_grad inner_lr 5e-324 (subnormal); meta_loss inner_lr 1e400; with_test_time
  head_inner_lr nan; held_out_tasks n_support 2**40 (memory, under the ulimit); adam_rows rows
  past the last; LinearRegression noise nan; GaussianClusters dim 2**40 (memory, under the
  ulimit); Omniglot n_train 10**6; build shots -1; families n_way 2000; train omniglot --meta-lr
  inf;
- a wrong shape: closed_form_meta_loss body_params of another model; meta_gradient_norms params
  one array short; subset_batch subset_size 6 of 5 points; MLP apply x without its task axis;
  batch_norm scale of 5 for 4 features; mse y 4-D;
- a user's function that misbehaves (``Quadratic``): describe returns a string, target returns
  one point fewer than x, sample_x returns one point too many;
- files and paths: train --out a .npy name; evaluate --checkpoint with a slash after the file;
  load_checkpoint a zip with an extra member notes.txt; restore with state/params/2 int64,
  meta/meta_losses inf, state/adam/m/1 2-D, meta/seed 2.0**70; save_checkpoint path the folder
  itself; library train checkpoint the folder itself; train --resume of meta/step 10**12;
  evaluate of state/params/5 3-D and state/params/3 float16;
- mismatches, options that conflict: resume a pretrained run with --set head_steps=3 (a field it
  has not got); evaluate --root on a sinusoid run; make_strategy scratch meta_lr (a field it has
  not got), r2d2 n_support 7 for 5 ways;
- typos and misspellings: compare 'reptile,', make_strategy 'Reptile', multitask head_init
  'zeros' (see the correction below), hyperparameters 'maml ', make_family 'sinusiod'.

Repeats: the 15,487 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; by the first four words; an earlier id that is a whole-word
prefix of a draft), over three rounds, and by about 190 function-and-kind greps over the same
list (e.g. ``decimal comma``, ``letter O``, ``two decimal``, ``thousands``, ``set n_steps``,
``learn_scale=``, ``learn_lam=``, ``scale=-``, ``1e-400``, ``seed 2**70``, ``head_steps=``,
``head_init``, ``subset_size=10.5``, ``pretrained.*inner-steps``, ``scratch.*meta-lr``,
``resume.*seed``, ``force``, ``tasks 10000000``, ``support nan``, ``query 1000000000``, ``seed
-22``, ``slash``, ``steps 1e1``, ``val-tasks``, ``compare r2d2``, ``r2d2 on sinusoid``,
``multitask on linear``, ``trailing comma``, ``½``, ``superscript``, ``tilde``, ``dtype
float32``, ``fine_tune_tasks inner_lr|inner_steps``, ``reptile_direction``, ``reptile_step
meta_lr|inner_steps``, ``closed_form_meta_loss lam|scale``, ``body_params of``,
``anil_meta_grad``, ``maml meta_loss``, ``meta_loss inner_lr|inner_steps``, ``adapt.after``,
``adapt.steps``, ``predict``, ``meta_gradient_norms``, ``softmax_head_unrolled n_steps|targets``,
``newton_solve tol|phi``, ``subset_batch rng|subset_size``, ``fo-maml``, ``'Reptile'``, ``n_query
2.5``, ``closed_form lam``, ``scratch inner_lr|n_query``, ``reptile batched|n_steps``, ``r2d2
scale|lam|family``, ``hyperparameters 'maml``, ``train strategy``, ``train progress|history``,
``overwrite``, ``checkpoint_every``, ``n_query 5.0``, ``evaluate strategy|state of|n_support``,
``chunk_size``, ``candidates``, ``select_test_time max_steps|family``, ``held_out_tasks
start|n_query|n_support``, ``task_rng i|seed``, ``load_checkpoint a list``, ``bytes``,
``dangling``, ``zip``, ``empty file``, ``params/1|2|5``, ``meta/strategy``, ``adam/t``,
``adam/m/1``, ``meta/changes``, ``meta/config``, ``meta/format``, ``meta_losses``,
``save_checkpoint step|path|seed|changes``, ``.npy``, ``activation``, ``sizes the text``,
``apply params|x``, ``default_rng``, ``SeedSequence``, ``per_task n_tasks``, ``split params``,
``adam_init params``, ``adam_update lr|grads``, ``beta2``, ``eps nan``, ``batch_norm
h|scale|offset|eps``, ``LinearRegression mean|scale|noise``, ``Sinusoid phase``, ``x_range``,
``SinusoidFrequency amplitude|x_range``, ``GaussianClusters spread``, ``dim 2``, ``sinusiod``,
``mse pred|y``, ``cross_entropy``, ``loss returns complex``, ``metric returns``, ``target
returns``, ``sample_x returns``, ``describe``, ``per point``, ``Omniglot n_way|split|dtype``,
``cache_dir``, ``load root``, ``parts``, ``load progress``, ``n_train``, ``sample n_query|n_tasks``,
``finn_split``, ``check_shots n_way|n_tasks|n_support|n_query|n_drawings``, ``episodes family``,
``build shots``, ``families n_way``, ``train omniglot``, ``multiple of``). The earlier list is
dense, so drafts were replaced many times before any run; exact earlier ids among the drafts
(all replaced): ``anil_meta_grad inner_steps True, a bool for a count``, ``make_strategy
newton_head learn_lam the text 'false'``, ``MLP activation None``, ``MLP apply params None``,
``a user's Quadratic TaskFamily whose target returns strings, in held_out_tasks``, ``Omniglot
n_train 0, no training characters``, ``finn_split characters one shorter than alphabets``,
``check_shots n_tasks the word 'two'``, ``batch_norm h of text``, ``Omniglot n_way the text
'5'``; replaced for substance (among others): --inner-lr '0,01', --n-query '1O', --meta-lr
'0.001.0', --set learn_scale=2, --set scale=-10 and =1e-400, --seed 2**70 written out, --steps
1,000, --set head_steps=-1, pretrained --inner-steps 3, scratch --lam and --meta-lr, resume with
another family, another seed and --force, a resume with --dtype float32; evaluate --tasks
10000000, --support nan, --query 1000000000, --seed -22, --steps 1e1; compare --val-tasks -4
and 0, r2d2 on sinusoid, multitask on linear, --eval-seed equal to --val-seed;
reptile_direction theta_T one array short, closed_form_meta_loss lam -1.0, meta_loss loss
'mse', after n_steps -1, meta_gradient_norms Ks [1, 2.5], softmax_head_unrolled n_steps 'ten',
newton_solve max_steps -1, subset_batch rng 3, anil_meta_grad loss cross_entropy; make_strategy
'fo-maml', closed_form lam inf, scratch inner_lr -0.02, multitask n_train_tasks 0, reptile
n_steps 'auto', r2d2 on Sinusoid(), r2d2 lam -1.0; train strategy 'maml', progress 5, history
'all' and a tuple, overwrite 'no', checkpoint under a text file; evaluate on GaussianClusters,
state of a clusters model, chunk_size 0.5; select_test_time max_steps -1; held_out_tasks
n_query 2**40; task_rng seed 2**64; load_checkpoint an open file, a one-path list, an empty
file; restore state/params/1 NaN, meta/strategy 'mamal', state/adam/t -3, meta/format a future
format; save_checkpoint step 2.5 and nan, path under a text file, seed '0'; MLP sizes '1-8-1',
init rng default_rng, apply x bool; per_task n_tasks 3.0 and '3'; split a single array;
adam_update beta2 1.5, lr [1e-3]; adam_rows lr -1e-3; batch_norm h 1-D; LinearRegression scale
-1.0; Sinusoid x_range reversed and (-5.0, nan); SinusoidFrequency frequency (0.5, inf);
GaussianClusters dim 0; mse pred 2-D; Quadratic loss complex, sample_x NaN, metric strings;
Omniglot n_way -5, split 'val', load root 7, sample n_query -5, dtype int64; check_shots n_way
True; families n_way 2.5; train omniglot --root a text file. No exact id repeats among the cases
run (checked by the script against the same list after the last change); two ids match an
earlier one before the first comma only because a list in them holds a comma (``MLP sizes (1,
8, nan)`` and ``MLP sizes (1,), a single layer``; ``adam_rows rows [0, 3]`` and ``adam_rows
rows [0, 0], one row given twice``): other substance.

Near earlier ids, kept as new ways (the lead may judge): ``--n-support '10,'`` near the
one-tuples from a trailing comma; ``--log-every '50%'`` near ``--set subset_size=10%``;
``--meta-lr '.'`` near ``evaluate seed '-', a lone sign``; ``--set n_steps=-5`` near ``reptile
set n_steps=0`` and ``make_strategy reptile n_steps -10``; ``--set lam=auto`` near
``r2d2_logits lam 'auto'``; ``--inner-lr '~0.1'`` near ``train inner-lr YAML's null '~'``;
``--set head_steps=0x5`` near ``=5.5``; ``--set subset_size=10.5`` near ``subset_batch
subset_size 2.5``; ``--out run.npy`` near ``check_checkpoint_path a .npy path``; resume
pretrained ``--set head_steps=3`` near ``train newton_head on clusters with set head_steps=3,
multitask's field``; ``--tasks '6 00'`` near ``compare ... tasks '1 000'``; ``--support -inf``
near ``eval support nan``; ``--root`` on a sinusoid run near ``... split test, an omniglot
option``; ``--seed 'None'`` near the library's ``evaluate seed None``; the path with a slash
after it near ``train out a path ending in a slash``; ``--steps '½'`` near the samplers'
vulgar fractions; ``compare --steps 'inf'`` near ``compare adapt-steps inf``; ``compare
--support 10000000000`` near ``evaluate n_support 10**9``; ``'reptile,'`` near ``'maml,reptile'``;
``reptile_step inner_steps 'T'`` near its ``'~'`` as text; ``anil_meta_grad inner_lr 5e-324``
near other functions' 5e-324; ``meta_loss inner_lr 1e400`` near ``reptile_step inner_lr 1e400``;
``adapt after path`` a list near ``an empty list``; ``adapt predict batch`` a dict near
``anil_meta_grad batch a dict``; ``meta_gradient_norms params`` one array short near
``first_step_change params one array short``; ``subset_batch subset_size 6`` near ``subset_size
0``; ``make_strategy 'Reptile'`` near ``compare strategies 'Reptile'``; ``maml n_query 2.5`` near
``NewtonHeadConfig check n_query 2.5``; ``newton_head inner_lr 0j`` near ``fine_tune_tasks
inner_lr a complex 0.01+0j``; ``scratch meta_lr`` near the CLI ``scratch meta-lr``; head_init
``'zeros'`` near ``'Zero' in capitals``; ``r2d2 n_support 7`` near the clusters runs' ``support
7``; ``hyperparameters 'maml '`` near ``'test '`` with a trailing space; ``train history`` an
array near ``a tuple``; ``checkpoint_every 0.5`` near the CLI ``2.5``; ``train checkpoint`` the
folder near ``load_checkpoint a folder named run.npz``; ``evaluate n_query 5.0`` near ``set
n_query 5.0``; ``chunk_size`` a list near ``2.5``; ``task_rng seed '22'`` near ``'~'``; the zip's
extra member near ``an extra entry state/adam/m/6``; ``meta/meta_losses`` inf near NaN;
``meta/seed 2.0**70`` near ``load meta/seed 2**70``; ``state/params/3`` float16 near
``state/params/5`` float32; ``MLP init rng 0`` near ``Omniglot sample rng 7``; ``per_task
n_tasks 3+0j`` near ``3.0``; ``adam_update grads None`` near ``grads a generator``;
``batch_norm scale`` of 5 near ``offset of 3``; ``GaussianClusters dim 2**40`` near ``n_way
2**40``; ``make_family 'sinusiod'`` near ``'sinus'``; ``mse y`` 4-D near ``mse pred 1-D``;
``describe`` a string near ``None`` and ``a string.Template``; ``target`` one point fewer near
``first_step_change batch whose y_query has one point fewer``; ``Omniglot n_way [5]`` near
``(5, 5)``; ``split ('train',)`` near ``['train', 'test']``; ``n_train 10**6`` near ``n_train
1000 and n_validation 700``; ``finn_split n_train '1100'`` near ``n_validation np.str_('100')``;
``check_shots n_tasks None`` near ``n_way None``; ``build shots -1`` near ``0``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 99. ``DROPPED`` is
empty. One correction was made after the first run, a slip of the writer's, recorded here with
both results (no case was reordered and no mentions were changed but this case's value):
- not a bad input: ``make_strategy multitask head_init 'random', not one of its choices``
  (kept) was silent ("no error") on the first run -- rightly: 'random' is one of head_init's
  choices ('zero', 'random', 'closed_form'), as ``hyperparameters`` and the command line's
  refusal of a made-up value showed after the run (the writer had guessed the choices from the
  default 'closed_form'). Replaced, in its place, by ``make_strategy multitask head_init
  'zeros', the plural of its choice 'zero'``: clear, "ValueError: head_init must be one of
  ('zero', 'random', 'closed_form'), got 'zeros'". On the first run (before this correction)
  the kept rate was 61 of 63 (96.8%: 1 unclear, 1 silent) and the written 96 of 99 (97.0%: 1
  unclear, 2 silent); pytest: 2 failed, 62 passed.

Memory and time: the library cases of 2**40 (``held_out_tasks n_support``, ``GaussianClusters
dim``) run under the ninety-sixth's ``_under_the_batteries_ulimit``; the CLI ``compare
--support 10000000000`` is expected to be refused before work (it was, naming 2.33 TiB). The
whole script ran in about four seconds (pytest about seven).

First run at a896559 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present;
after the correction above): kept, 62 of 63 clear (98.4%), 1 unclear, 0 silent, 0 data loss --
cli train 7/7, evaluate/compare 7/7, meta functions 6/7 (1 unclear), strategies 7/7, evaluate
and train 7/7, checkpoints 7/7, nn/optim/batchnorm 7/7, task families 7/7, omniglot 7/7.
Written (``--written``): 97 of 99 clear (98.0%), 1 unclear, 1 silent, 0 data loss -- every area
11/11 except meta functions 10/11 (the same unclear case) and nn/optim/batchnorm 10/11 (1 silent,
written and not kept). Under pytest (run once, without the ulimit): 1 failed (the unclear case
below), 63 passed (62 kept clear cases and the wide-and-new test); run again after this
docstring was written, to check the file, with the same result.

Not clear, kept:
- ``anil_meta_grad inner_lr 5e-324, a subnormal step``: unclear -- "FloatingPointError: mul:
  underflow encountered in multiply (on () and (3, 8, 1); x = 5.e-324)". The README says a
  positive step size below the smallest normal float64 (2.2e-308; 5e-324, say) is refused, since
  one over it overflows; here the step is not refused before work: the engine's multiply
  underflows inside the inner loop (under the harness's ``np.errstate(all="raise")``), and the
  error is neither a ValueError nor a TypeError and does not name ``inner_lr``. (Other functions
  of Chapter 2 refuse their step sizes by name, e.g. ``fine_tune_tasks inner_lr nan`` and
  ``meta_loss inner_lr 1e400`` below; what ``anil_meta_grad`` gives without ``errstate`` was not
  tried.)

Not clear, written and not kept:
- ``MLP apply x (5, 1) without its task axis``: silent (no error). ``apply`` took a (points,
  inputs) array for a model with no task axis; this may be a documented way to call one network
  on one set of points (the writer did not check), so the lead may judge it not a bad input.

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --n-support:
expected a positive integer, written in plain decimal digits, got '10,' ...", "error: --set
lam=auto: lam must be a finite number, got 'auto' (a string)", "error: strategy Pretrained has
no hyperparameter 'head_steps' (--set head_steps=3); it takes [...]", "error: --checkpoint
.../reptile.npz: root (--root) applies to omniglot checkpoints; ... holds a sinusoid run (got
root=...)", "error: no checkpoint at '.../good.npz/' (--checkpoint); expected a .npz written by
train", "error: 4 test tasks of --support 10000000000 + --query 100 points would need 2.33 TiB
of memory at once, more than the 7.22 GiB left ...", "ValueError: subset_size must be an integer
between 1 and the number of support points (5) of n_support, got 6", "ValueError: strategy
Scratch has no hyperparameter 'meta_lr': nothing is trained across tasks from scratch; ...",
"TypeError: strategy must be a strategy object (...), got MAMLConfig(...)", "ValueError:
'.../notes.npz' is damaged: unexpected entry 'notes.txt' ...", "ValueError: '.../p2int.npz' is
damaged: entry state/params/2 holds int64, but it is array 2 of the model's parameters, which
are floats ...", "error: --out .../stephuge.npz: ... is damaged: it is at step 1000000000000
(meta/step) but its entry meta/meta_losses records (2,) meta-losses ...", "ValueError:
activation must be one of ['relu', 'sigmoid', 'tanh'], got <ufunc 'tanh'>", "TypeError:
UserQuadratic.describe must return the constructor arguments that rebuild the family, a dict
...", "ValueError: n_train + n_validation must leave test characters: got 1000000 + 100 for 1623
characters"). Clear by the harness but slightly off: the id ``closed_form_meta_loss body_params
of a (1, 16, 1) model for a (1, 8, 1) model`` misnames the shared ``_problem``'s model, which
is (1, 8, 8, 1) (the message says so: "body_params must be a list of 4 arrays ... for sizes (1,
8, 8, 1), got 2"); the case is bad all the same; ``LinearRegression mean ('1.0', 0.5)`` says
"mean must be a finite number >= -inf, got '1.0'" (an odd bound); ``restore`` of ``meta/seed``
2.0**70 says the entry must be an integer (it is a float), not that it is too large;
``adapt after path`` a list, ``adapt predict batch`` a dict, ``newton_solve phi`` complex,
``split`` an object array, ``adam_update grads None`` and ``Omniglot data`` a dict print arrays'
repr over several lines; ``reptile_step inner_steps 'T'``, ``log_every nan``, ``chunk_size`` a
list, ``task_rng seed '22'``, ``evaluate n_query 5.0``, ``adam_update grads None``, ``Omniglot
n_way [5]``, ``split ('train',)``, ``sample n_support 5.0``, ``finn_split n_train '1100'`` and
``check_shots n_tasks None`` raise ValueError where TypeError would fit a value of the wrong
type (both are allowed); ``--set subset_size=10.5`` and ``make_strategy maml n_query 2.5`` say
"must be an integer" for a fraction (allowed).

Measured on main at a896559, the commit it was written at, blind (the lead reran it there,
with the hundred-and-twenty-ninth beside it, after the writer's one correction recorded
above): kept, 62 of 63 clear (98.4%), 1 unclear, 0 silent, 0 data loss; the pair, 116 of 120
(96.7%). Before the correction the writer's first run was 61 of 63. Round 84 (with sight of
this file, not blind): a positive rate (inner_lr, meta_lr, lam, ...) below the smallest normal
float64 is refused by name, as the samplers' step sizes are; a family's number with no lower
bound is no longer said to be ">= -inf". The one kept miss is clear at HEAD.
"""

import zipfile

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import after, predict
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.maml import MAMLConfig, meta_loss
from scratchmeta.meta.omniglot_compare import build, episodes, families
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_step
from scratchmeta.meta.softmax_head import newton_solve, softmax_head_unrolled
from scratchmeta.meta.subset import subset_batch
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, cross_entropy, mse

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
from test_bad_inputs_ninetysixth import (_quadratic, _save_fields, _train_quadratic,
                                         _under_the_batteries_ulimit)
from test_bad_inputs_hundredsecond import _needs_omniglot, _params

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train maml on clusters with n-support '10,', a count with a trailing comma",
     _train("--strategy", "maml", "--family", "clusters", "--n-support", "10,"),
     ["--n-support", "10,"]),
    ("train fomaml on linear with log-every '50%', a percentage of the run for a count",
     _train("--strategy", "fomaml", "--family", "linear", "--log-every", "50%"),
     ["--log-every", "50%"]),
    ("train anil on sinusoid_frequency with meta-lr '.', a lone decimal point",
     _train("--strategy", "anil", "--family", "sinusoid_frequency", "--meta-lr", "."),
     ["--meta-lr"]),
    ("train reptile on linear with set n_steps=-5, a negative count of Reptile steps",
     _train("--strategy", "reptile", "--family", "linear", "--set", "n_steps=-5"),
     ["n_steps", "-5"]),
    ("train closed_form on clusters with set lam=auto, a word for the penalty",
     _train("--strategy", "closed_form", "--family", "clusters", "--set", "lam=auto"),
     ["lam", "auto"]),
    ("train r2d2 on clusters with inner-lr '~0.1', a tilde for about",
     _train("--strategy", "r2d2", "--family", "clusters", "--inner-lr", "~0.1"),
     ["--inner-lr", "~0.1"]),
    ("train newton_head on clusters with n-query '5+5', a sum for a count",
     _train("--strategy", "newton_head", "--family", "clusters", "--n-query", "5+5"),
     ["--n-query", "5+5"]),
    ("train multitask on sinusoid_frequency with set head_steps=0x5, a head count in hexadecimal",
     _train("--strategy", "multitask", "--family", "sinusoid_frequency", "--set",
            "head_steps=0x5"), ["head_steps", "0x5"]),
    ("train subset on sinusoid with set subset_size=10.5, a fraction of a point",
     _train("--strategy", "subset", "--family", "sinusoid", "--set", "subset_size=10.5"),
     ["subset_size", "10.5"]),
    ("train fomaml on sinusoid with out a .npy file name, not .npz",
     lambda d: ["train", "--steps", "2", "--meta-batch", "2", "--strategy", "fomaml",
                "--out", str(d / "run.npy")], ["--out", "run.npy"]),
    ("train resume a pretrained run with set head_steps=3, a field pretrained has not got",
     _resumed("pretrained", "--set", "head_steps=3"), ["head_steps"]),
]

# --- the command line: evaluate and compare

def _slash_after(d):
    return str(_good(d)) + "/"


CLI_OTHER_CASES = [
    ("evaluate a fomaml linear run with tasks '6 00', a space inside the count",
     _evaluate(lambda d: _run(d, "fomaml", family="linear"), "--tasks", "6 00"),
     ["--tasks", "6 00"]),
    ("evaluate an anil run with support -inf",
     _evaluate(lambda d: _run(d, "anil"), "--support", "-inf"), ["--support", "-inf"]),
    ("evaluate a reptile sinusoid run with root a folder, an omniglot option on a sinusoid run",
     lambda d: ["evaluate", "--checkpoint", str(_run(d, "reptile")), "--tasks", "4",
                "--steps", "1", "--root", str(d)], ["--root"]),
    ("evaluate a multitask run with query 'all', a word for a count",
     _evaluate(lambda d: _run(d, "multitask"), "--query", "all"), ["--query", "all"]),
    ("evaluate a subset run with seed 'None', a null written as a word",
     _evaluate(lambda d: _run(d, "subset"), "--seed", "None"), ["--seed", "None"]),
    ("evaluate checkpoint the good run's path with a slash after it, as if a folder",
     lambda d: ["evaluate", "--checkpoint", _slash_after(d), "--tasks", "4", "--steps", "1"],
     ["--checkpoint"]),
    ("evaluate a closed_form run with steps a vulgar fraction one half",
     _evaluate(lambda d: _run(d, "closed_form"), "--steps", "\u00bd"), ["--steps", "\u00bd"]),
    ("compare maml on linear with val-tasks 'half', a word for a count",
     _compare_on(["maml"], "linear", "--val-tasks", "half"), ["--val-tasks", "half"]),
    ("compare anil on sinusoid_frequency with steps 'inf', endless meta-training",
     _compare_on(["anil"], "sinusoid_frequency", "--steps", "inf"), ["--steps", "inf"]),
    ("compare anil on clusters with support 10000000000, a support set too large for memory",
     _compare_on(["anil"], "clusters", "--support", "10000000000"),
     ["--support", "10000000000"]),
    ("compare strategies 'reptile,' with a trailing comma",
     _compare_on(["reptile,"], "linear"), ["reptile,"]),
]

# --- Chapter 2's functions

def _fine_tune_lr_nan():
    model, params, batch = _problem()
    return fine_tune_tasks(params, batch, model, inner_lr=np.nan, inner_steps=1)


def _reptile_step_steps_letter():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr=0.01, inner_steps="T", meta_lr=0.1)


def _closed_form_other_body():
    model, params, batch = _problem()
    body, head = split(MLP((1, 16, 1)).init(_rng()))
    return closed_form_meta_loss(body, batch, model, lam=1.0)


def _anil_grad_lr_subnormal():
    model, params, batch = _problem()
    return anil_meta_grad(params, batch, model, inner_lr=5e-324, inner_steps=1)


def _meta_loss_lr_overflow():
    model, params, batch = _problem()
    return meta_loss(params, batch, model, inner_lr=1e400, inner_steps=1)


def _predict_batch_dict():
    strategy, state = _maml_state()
    b = Sinusoid().sample(_rng(), 2, 5, 5)
    return predict(strategy, state, {"x_support": b.x_support, "y_support": b.y_support,
                                     "x_query": b.x_query, "y_query": b.y_query}, 1)


def _norms_params_short():
    model, params, batch = _problem()
    return meta_gradient_norms(list(params)[:-1], batch, model, [1], [0.01])


def _onehot(n_tasks=3, n_points=5, n_classes=3):
    return np.eye(n_classes)[np.arange(n_tasks * n_points).reshape(n_tasks, n_points)
                             % n_classes]


def _labels(n_tasks=3, n_points=5, n_classes=3):
    return np.arange(n_tasks * n_points).reshape(n_tasks, n_points) % n_classes


def _subset_larger():
    batch = Sinusoid().sample(_rng(), 2, 5, 5)
    return subset_batch(batch, _rng(), 6)


META_CASES = [
    ("reptile fine_tune_tasks inner_lr nan",
     lambda d: _fine_tune_lr_nan(), ["inner_lr", "nan"]),
    ("reptile_step inner_steps the letter 'T', the lecture's symbol for the count",
     lambda d: _reptile_step_steps_letter(), ["inner_steps", "T"]),
    ("closed_form_meta_loss body_params of a (1, 16, 1) model for a (1, 8, 1) model",
     lambda d: _closed_form_other_body(), ["body_params"]),
    ("anil_meta_grad inner_lr 5e-324, a subnormal step",
     lambda d: _anil_grad_lr_subnormal(), ["inner_lr", "5e-324"]),
    ("maml meta_loss inner_lr 1e400, a step that overflows to inf",
     lambda d: _meta_loss_lr_overflow(), ["inner_lr", "inf"]),
    ("adapt after path the parameter list, not sgd_path's result",
     lambda d: after(_params(), 1), ["path"]),
    ("adapt predict batch a dict of the four arrays, not a TaskBatch",
     lambda d: _predict_batch_dict(), ["batch"]),
    ("meta_gradient_norms params one array short",
     lambda d: _norms_params_short(), ["params"]),
    ("softmax_head_unrolled targets integer labels (tasks, points), not one-hot",
     lambda d: softmax_head_unrolled(_features(), _labels(), 1.0, 3), ["targets"]),
    ("newton_solve phi complex",
     lambda d: newton_solve(_features() + 1j, _onehot(), 1.0), ["phi"]),
    ("subset_batch subset_size 6 for a batch of 5 support points",
     lambda d: _subset_larger(), ["subset_size", "6"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy name 'Reptile', capitalised",
     lambda d: make_strategy("Reptile", meta_batch=2), ["Reptile"]),
    ("make_strategy maml n_query 2.5, a fraction of a query point",
     lambda d: make_strategy("maml", meta_batch=2, n_query=2.5), ["n_query", "2.5"]),
    ("make_strategy closed_form lam the text '1e-2'",
     lambda d: make_strategy("closed_form", meta_batch=2, lam="1e-2"), ["lam", "1e-2"]),
    ("make_strategy newton_head inner_lr 0j, a complex zero step",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=2, inner_lr=0j),
     ["inner_lr"]),
    ("make_strategy scratch meta_lr 0.001, a field scratch has not got",
     lambda d: make_strategy("scratch", meta_batch=2, meta_lr=0.001), ["meta_lr"]),
    ("make_strategy multitask head_init 'zeros', the plural of its choice 'zero'",
     lambda d: make_strategy("multitask", meta_batch=2, head_init="zeros"),
     ["head_init", "zeros"]),
    ("make_strategy reptile batched an array [True, False], a switch per task",
     lambda d: make_strategy("reptile", meta_batch=2, batched=np.array([True, False])),
     ["batched"]),
    ("make_strategy r2d2 n_support 7, not a multiple of its 5 ways",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, n_support=7),
     ["n_support", "7"]),
    ("make_strategy subset model the text 'mlp', where the network is meant",
     lambda d: make_strategy("subset", meta_batch=2, model="mlp"), ["model", "mlp"]),
    ("hyperparameters 'maml ' with a trailing space",
     lambda d: hyperparameters("maml "), ["'maml '"]),
    ("with_test_time head_inner_lr nan on a multitask strategy",
     lambda d: with_test_time(make_strategy("multitask", meta_batch=2),
                              head_inner_lr=np.nan), ["head_inner_lr", "nan"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train strategy a MAMLConfig(), the configuration, not the strategy",
     lambda d: train(MAMLConfig(meta_batch=2), 2, 0), ["strategy"]),
    ("train log_every nan",
     lambda d: train(_maml(), 2, 0, log_every=np.nan), ["log_every", "nan"]),
    ("train history an empty NumPy array, where a list to append to is meant",
     lambda d: train(_maml(), 2, 0, history=np.zeros(0)), ["history"]),
    ("train checkpoint_every 0.5 with a checkpoint, half a step",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every=0.5),
     ["checkpoint_every", "0.5"]),
    ("train checkpoint the case's folder itself, not a file in it",
     lambda d: train(_maml(), 2, 0, checkpoint=d), ["checkpoint"]),
    ("evaluate n_query the float 5.0 in the library, a float for a count",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_query=5.0)),
     ["n_query", "5.0"]),
    ("evaluate chunk_size a list [50, 50], two chunk sizes",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, chunk_size=[50, 50],
                        **_small()), ["chunk_size"]),
    ("select_test_time candidates of text ['0.01']",
     lambda d: _select(candidates=["0.01"]), ["candidates"]),
    ("select_test_time family None",
     lambda d: select_test_time(*_maml_state(), None, candidates=[0.01], max_steps=1,
                                **_small()), ["family"]),
    ("held_out_tasks n_support 2**40, support points past any memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: held_out_tasks(Sinusoid(), 2, 2 ** 40, 5)), ["n_support", "1099511627776"]),
    ("task_rng seed the text '22'",
     lambda d: task_rng("22", 0), ["seed", "22"]),
]

# --- checkpoints

def _with_notes(d):
    path = d / "notes.npz"
    path.write_bytes(_good(d).read_bytes())
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("notes.txt", "trained on Tuesday\n")
    return path


P2_INT = _set_entry("p2int", "state/params/2", lambda a: np.asarray(a).astype(np.int64))
LOSSES_INF = _set_entry("lossesinf", "meta/meta_losses", lambda a: np.full_like(a, np.inf))
M1_2D = _set_entry("m12d", "state/adam/m/1", lambda a: np.asarray(a).reshape(1, -1))
SEED_HUGE = _set_entry("seedhuge", "meta/seed", lambda a: np.array(2.0 ** 70))
STEP_HUGE = _set_entry("stephuge", "meta/step", lambda a: np.array(10 ** 12))
P5_3D = _set_entry("p53d", "state/params/5", lambda a: np.asarray(a).reshape(1, 1, 1))
P3_HALF = _set_entry("p3half", "state/params/3", lambda a: np.asarray(a).astype(np.float16))


CHECKPOINT_CASES = [
    ("load_checkpoint a checkpoint whose zip holds an extra member notes.txt, not an array",
     lambda d: load_checkpoint(_with_notes(d)), ["notes.txt"]),
    ("restore a checkpoint whose state/params/2 is int64, the weights truncated to integers",
     lambda d: restore(P2_INT(d)), ["state/params/2"]),
    ("restore a checkpoint whose meta/meta_losses holds inf",
     lambda d: restore(LOSSES_INF(d)), ["meta/meta_losses"]),
    ("restore a checkpoint whose state/adam/m/1 is 2-D (1, 40) for (40,)",
     lambda d: restore(M1_2D(d)), ["state/adam/m/1"]),
    ("restore a checkpoint whose meta/seed is 2.0**70, a seed too large",
     lambda d: restore(SEED_HUGE(d)), ["meta/seed"]),
    ("save_checkpoint meta_losses of text",
     lambda d: _save_fields(d, meta_losses=np.array(["0.5", "0.4"])), ["meta_losses"]),
    ("save_checkpoint path the case's folder itself",
     lambda d: _save_fields(d, path=d), ["path"]),
    ("save_checkpoint seed nan",
     lambda d: _save_fields(d, seed=np.nan), ["seed", "nan"]),
    ("train resume on the command line a checkpoint whose meta/step is 10**12, past its losses",
     lambda d: ["train", "--steps", "4", "--meta-batch", "2", "--out", str(STEP_HUGE(d)),
                "--resume"], ["meta/step"]),
    ("evaluate on the command line a checkpoint whose state/params/5 is 3-D (1, 1, 1)",
     lambda d: ["evaluate", "--checkpoint", str(P5_3D(d)), "--tasks", "4", "--steps", "1"],
     ["state/params/5"]),
    ("evaluate on the command line a checkpoint whose state/params/3 is float16",
     lambda d: ["evaluate", "--checkpoint", str(P3_HALF(d)), "--tasks", "4", "--steps", "1"],
     ["state/params/3"]),
]

# --- nn, optim, batchnorm

def _object_array_of_params():
    params = _params()
    out = np.empty(len(params), dtype=object)
    for i, a in enumerate(params):
        out[i] = a
    return split(out)


def _adam_lr(lr):
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params), lr)


def _adam_grads_none():
    params = _params()
    return adam_update(params, None, adam_init(params), 1e-3)


def _rows_past_last():
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((3, 2))], np.array([0, 3]), 1e-3)


NN_CASES = [
    ("MLP activation the function np.tanh, where a name is meant",
     lambda d: MLP((1, 8, 1), activation=np.tanh).init(_rng()), ["activation"]),
    ("MLP sizes (1, 8, nan), a width that is not a number",
     lambda d: MLP((1, 8, np.nan)).init(_rng()), ["sizes", "nan"]),
    ("MLP apply x (5, 1) without its task axis",
     lambda d: MLP((1, 8, 1)).apply(_params(), np.zeros((5, 1))), ["x"]),
    ("MLP init rng the int 0, where a Generator is meant",
     lambda d: MLP((1, 8, 1)).init(0), ["rng"]),
    ("per_task n_tasks 3+0j, a complex count of tasks",
     lambda d: per_task(_params(), 3 + 0j), ["n_tasks"]),
    ("nn split params a NumPy object array of the arrays",
     lambda d: _object_array_of_params(), ["params"]),
    ("adam_init params the scalar 0.5",
     lambda d: adam_init(0.5), ["params"]),
    ("adam_update lr nan",
     lambda d: _adam_lr(np.nan), ["lr", "nan"]),
    ("adam_update grads None, the gradients not computed",
     lambda d: _adam_grads_none(), ["grads"]),
    ("adam_rows rows [0, 3] for params of 3 rows, past the last row",
     lambda d: _rows_past_last(), ["rows", "3"]),
    ("batch_norm scale of 5 entries for h of 4 features",
     lambda d: batch_norm(np.ones((2, 5, 4)), scale=np.ones(5)), ["scale"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _describe_text(self):
    return "quadratic with a in [-1, 1]"


def _target_one_fewer(self, task_params, x):
    return (np.asarray(x) ** 2)[:, :-1]


def _x_one_more(self, rng, task_params, n_points):
    return rng.uniform(-2, 2, size=(len(task_params), n_points + 1, 1))


TASK_CASES = [
    ("LinearRegression mean ('1.0', 0.5), an end given as text, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean=("1.0", 0.5)), 2, 5, 5), ["mean", "1.0"]),
    ("LinearRegression noise nan, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise=np.nan), 2, 5, 5), ["noise", "nan"]),
    ("Sinusoid x_range ('-5', '5'), both ends as text, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=("-5", "5")), 2, 5, 5), ["x_range"]),
    ("SinusoidFrequency amplitude ('0.1', 5.0), an end given as text, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(amplitude=("0.1", 5.0)), 2, 5, 5),
     ["amplitude", "0.1"]),
    ("GaussianClusters dim 2**40, coordinates past any memory, in held_out_tasks",
     lambda d: _under_the_batteries_ulimit(
         lambda: held_out_tasks(GaussianClusters(dim=2 ** 40), 2, 5, 5)),
     ["dim", "1099511627776"]),
    ("make_family 'sinusiod', two letters swapped",
     lambda d: make_family("sinusiod"), ["sinusiod"]),
    ("mse y 4-D (2, 5, 1, 1) for pred 3-D",
     lambda d: mse(np.zeros((2, 5, 1)), np.zeros((2, 5, 1, 1))), ["y"]),
    ("cross_entropy logits of text",
     lambda d: cross_entropy(np.full((2, 5, 3), "0.5"), _onehot(2, 5, 3)), ["logits"]),
    ("a user's Quadratic TaskFamily whose describe returns a string, in train with a checkpoint",
     lambda d: _train_quadratic(_quadratic(describe=_describe_text), checkpoint=d / "q.npz"),
     ["describe"]),
    ("a user's Quadratic TaskFamily whose target returns one point fewer than x, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_one_fewer), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_x returns one point too many, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_x=_x_one_more), 2, 5, 5), ["sample_x"]),
]

# --- Omniglot

def _data_dict():
    data = _data()
    return {"images": data.images, "alphabets": data.alphabets,
            "characters": data.characters, "n_background": data.n_background}


OMNIGLOT_CASES = [
    ("Omniglot n_way a list [5], a count in a list",
     lambda d: _sample(Omniglot([5], data=_data())), ["n_way"]),
    ("Omniglot split the tuple ('train',), where one name is meant",
     lambda d: _sample(Omniglot(5, split=("train",), data=_data())), ["split"]),
    ("Omniglot data a dict of the drawings' fields, not the OmniglotImages record",
     lambda d: _sample(Omniglot(5, data=_data_dict())), ["data"]),
    ("Omniglot n_train 10**6, more characters than Omniglot has",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=10 ** 6)), ["n_train", "1000000"]),
    ("Omniglot sample n_support 5.0, a float for a count",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, 5.0, 5), ["n_support", "5.0"]),
    ("finn_split n_train the text '1100'",
     lambda d: finn_split(_data().alphabets, _data().characters, n_train="1100"),
     ["n_train", "1100"]),
    ("check_shots n_tasks None, where a count of tasks is meant",
     lambda d: check_shots(5, None, 5, 5), ["n_tasks", "None"]),
    ("omniglot_compare episodes family a Sinusoid(), not an Omniglot family",
     lambda d: episodes(Sinusoid(), 2, 1, 0), ["family"]),
    ("omniglot_compare build shots -1, a sign slip",
     lambda d: build("maml", Omniglot(5, data=_data()), -1), ["shots", "-1"]),
    ("omniglot_compare families n_way 2000, more ways than characters",
     lambda d: families(_data(), n_way=2000), ["n_way", "2000"]),
    ("train omniglot on the command line with meta-lr inf",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--meta-lr", "inf", "--out", str(d / "omni.npz")], ["--meta-lr", "inf"]),
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


def test_the_hundredtwentyeighth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredtwentyeighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
