"""A hundred-and-eighteenth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (used as the
templates use it; only its head was read). Written blind, in a worktree at commit b0ad977, from
the user's side only: the README; ``--help`` of ``train``, ``evaluate`` and ``compare``; the
public names and signatures (``inspect.signature``) of ``scratchmeta.meta``'s modules (``maml``,
``anil``, ``reptile``, ``ridge``, ``softmax_head``, ``subset``, ``exploding``,
``normalization``, ``guard``, ``adapt``, ``multitask``, ``r2d2``, ``closed_form``,
``maml_low_rank``, ``newton_head``, ``baselines``, ``registry``, ``evaluate``, ``training``,
``checkpoint``, ``omniglot_compare``; not ``checks``/``protocol``/``messages``), ``nn``,
``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; ``tests/test_bad_inputs_cli.py``'s docstring and the names of its
helpers (``kept_cases``, ``battery_params``, ``assert_wide_and_new``, ``battery_main`` used as
the templates use them); the hundred-and-sixteenth and hundred-and-fourteenth batteries (the
templates, in full); the signatures of the earlier batteries' shared helpers (imported, not
copied: ``_good``, ``_damaged``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the
ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's
``_clusters_batch``, ``_compare_on``, ``_features``, ``_maml``, ``_meta``, ``_problem``,
``_resumed``, ``_sample``, ``_select``, ``_set_entry``, the ninety-sixth's ``_quadratic``,
``_save_fields``, ``_train_quadratic``, ``_evaluate_quadratic`` and the method names and
signatures of its ``Quadratic``); the ids of every earlier battery (extracted by ``ast``, see
below). No library source, library docstring, validation module, history or file of /work/main
was read. Disclosed: a grep for ``def``/``return`` lines in the ninety-fourth battery showed the
one-line returns of ``_problem`` (``small_problem()``), ``_meta``, ``_select`` (its head),
``_sample`` and ``_set_entry`` (a few lines of helper bodies); the commit above was read with
``git rev-parse --short HEAD``; the signature listing showed defaults (the configs' fields, e.g.
``SubsetConfig``'s n_support 100); the good checkpoint's entry names were listed once with
``np.load(...).keys()`` (to name the entries changed below). Before the first run, good calls
were made to get the plumbing right (``_meta`` with ``meta_loss_low_rank``, ``anil_meta_grad``
and ``fine_tune_tasks``; ``reptile_step``, ``ridge_head``, ``with_bias``, ``softmax_head``,
``softmax_head_unrolled``, ``meta_gradient_norms``, ``sharpness`` with a seed, ``grad_norm``;
``make_strategy`` with each hyperparameter used below at a good value, ``hyperparameters``,
``with_test_time``; ``train`` with a checkpoint, ``evaluate`` with a seed, ``_select`` with
candidates and a seed, ``held_out_tasks``, ``task_rng``; ``_damaged`` with no change, then
``load_checkpoint``; ``_save_fields``; ``MLP.apply``, ``per_task``, ``adam_update``,
``adam_rows`` with integer rows, ``batch_norm`` with a scale; the four families with good
ranges, ``make_family``, ``mse``, ``cross_entropy``; the ``Quadratic`` in ``evaluate``,
``held_out_tasks`` and ``train``; ``Omniglot``, its ``sample``, ``finn_split``, ``check_shots``,
``families``, ``build``, ``episodes``, ``accuracy_curves``): all worked, so nothing needed
correcting before the run. After the first run, one behaviour check was made from the user's
side to judge a silent case (below). Every case writes only inside its temporary folder (``git
status --short`` after the runs shows this file only). The id list, scripts and a per-case
message listing were kept outside the worktree, in /tmp/wt118_scratch. SCRATCHMETA_DATA was
unset. The runs were made as root (so no read-only-folder case was written: root writes through
it).

Areas, as written: train on the command line -- fomaml on clusters, anil on linear, reptile on
sinusoid_frequency, closed_form, r2d2 and newton_head on clusters, multitask and subset on
linear, scratch on clusters, pretrained on sinusoid_frequency, one resumed (fomaml) (11);
evaluate and compare on the command line -- runs of reptile, multitask, anil, scratch,
pretrained, closed_form and the good maml checkpoint; compare of maml on clusters, subset on
linear, anil on sinusoid, an unknown strategy (11); Chapter 2's functions -- meta_loss_low_rank,
anil_meta_grad, fine_tune_tasks, reptile_step, ridge_head, with_bias, softmax_head,
softmax_head_unrolled, meta_gradient_norms, sharpness, guard.grad_norm (11); strategies and the
registry -- make_strategy (maml, reptile twice, multitask, subset, scratch, pretrained,
newton_head), hyperparameters, strategy_from_config, with_test_time (11); library train,
evaluate, select_test_time, held_out_tasks, task_rng (11); checkpoints -- load_checkpoint,
restore, save_checkpoint, train and evaluate on the command line, library train resume (11);
nn/optim/batchnorm -- MLP sizes, batch_norm, dtype, init, apply; per_task, adam_update,
adam_rows, batch_norm (11); task families -- LinearRegression, Sinusoid, SinusoidFrequency,
GaussianClusters, make_family, mse, cross_entropy, the ninety-sixth's ``Quadratic`` with one
method changed (12); Omniglot -- Omniglot's n_way, split, dtype, n_validation, sample n_tasks;
finn_split, check_shots, omniglot_compare's families, build, episodes, accuracy_curves; train
omniglot on the command line (12): 101 written (100 after the one correction below).

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --meta-lr 1e-3.5 (a fractional exponent), --n-support 5.0, --meta-batch +-2,
  --set learn_lam= (empty), --lam 0x1, --set subset_size=0.5; evaluate --tasks 6e2, --steps
  10.0, --query hundred, --seed '', --support '10 points'; compare --query 2.5, --support ten;
  meta_loss_low_rank loss 'mse', ridge_head targets of text, with_bias features of text,
  softmax_head lam a list, meta_gradient_norms Ks [1, 2.5], grad_norm grads of text;
  make_strategy maml inner_steps '3', reptile n_steps 'all', reptile batched 2, multitask
  head_meta_lr 'fast', newton_head lam 'auto', hyperparameters 42, strategy_from_config 'maml',
  with_test_time inner_lr 'auto'; train n_steps '2', history 5, checkpoint 5; evaluate family
  the Sinusoid class; select_test_time candidates (0.01, 'auto'); held_out_tasks n_support
  True; task_rng i [0, 1]; load_checkpoint a list of two paths; save_checkpoint state None;
  MLP sizes (1, 8, 1.0) and a dict, batch_norm 'true', dtype 'int32', init rng the module
  np.random; per_task n_tasks '3'; adam_update beta2 'high', state a list [m, v]; adam_rows
  rows of floats; batch_norm scale of text; LinearRegression scale 'wide', mean 'one';
  Sinusoid amplitude ['low', 'high'], phase 3.14 (one number for a range); GaussianClusters dim
  'eight'; Omniglot n_way 5+0j, dtype 'float16'; finn_split n_train 'all'; check_shots n_tasks
  'two'; families n_way 5.0; build family 'omniglot'; episodes seed 'zero'; accuracy_curves
  n_steps 2.5;
- out of range -- zero, negative, NaN, inf, huge, a seed too large: --set scale=1e-400
  (underflows to 0), --set n_train_tasks=-1000, --checkpoint-every 1e400, --log-every -50;
  evaluate --support 1e400; compare --eval-seed 2**64 written out; anil_meta_grad inner_steps
  1e400, fine_tune_tasks inner_lr -inf, reptile_step inner_lr 1e400, softmax_head_unrolled
  n_steps 1e400, sharpness seed -4; make_strategy subset subset_size 200 (of 100 support
  points), pretrained meta_lr nan; evaluate seed -22 and n_steps -1; select_test_time seed -11;
  save_checkpoint seed 1e400; MLP apply x holding inf; cross_entropy logits NaN; SinusoidFrequency
  frequency (2.0, 0.5); Omniglot n_validation nan, sample n_tasks 1e400;
- a wrong shape: mse y of 2 outputs for pred of 1; make_strategy scratch with a model of 2
  inputs for sinusoids of 1;
- a user's function that misbehaves (``Quadratic``): sample_x returns None, target returns
  strings, sample_params returns complex numbers;
- files and paths: load_checkpoint the good checkpoint with its entry names upper-cased;
  restore with state/params/1 reshaped to one row, meta/step inf, meta/strategy 'reptil', no
  state/adam/v/0; evaluate on the command line a checkpoint whose meta/seed is 2.5, and the good
  checkpoint's path with a trailing space; train --out 'run.np'; train resume with checkpoint a
  folder;
- mismatches: train --resume of a fomaml run with --seed 7; library train resume the good maml
  checkpoint with a reptile strategy; the model/family mismatch above;
- typos and misspellings: compare strategies 'pretrain', make_family 'sine', Omniglot split
  'evaluation' (the archive's word), meta/strategy 'reptil'.

Repeats: the 14,487 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by first four words; by the text before the first comma), over four rounds, and by about 130
function-and-kind greps over the same list (e.g. ``learn_lam=``, ``scale=``, ``lam 0x``,
``head_meta_lr``, ``n_train_tasks``, ``subset_size=``, ``checkpoint-every``, ``log-every``,
``resume a ...``, ``tasks -``, ``steps 10.0``, ``query 1e400``, ``eval-seed``, ``--root``,
``checkpoint ''``, ``compare.*support``, ``newton_solve``, ``with_bias``, ``reptile_direction``,
``inner_sgd``, ``subset_meta_loss``, ``check_update``, ``softmax_head tol|max_steps|lam``,
``subset_indices``, ``meta_gradient_norms Ks``, ``fine_tune_tasks inner_lr|inner_steps``,
``anil_meta_loss inner_steps``, ``meta_grad first_order``, ``ridge_fit features``,
``ridge_head targets``, ``unrolled n_steps``, ``sharpness seed``, ``inner_advice``,
``reptile_step inner_lr``, ``reptile n_steps``, ``batched``, ``train n_steps|history|overwrite|
progress``, ``chunk_size``, ``candidates``, ``select_test_time seed``, ``held_out_tasks
start``, ``task_rng i``, ``load_checkpoint``, ``load a``, ``np.savez``, ``gzip``, ``tar``,
``meta/format|seed|step|strategy``, ``adam/v/0``, ``save_checkpoint state|step|seed``, ``MLP
sizes``, ``init rng``, ``apply params``, ``per_task n_tasks``, ``beta1|beta2``, ``adam_update
state``, ``adam_rows rows``, ``batch_norm h|offset``, ``finn_init rng``, ``x_range``, ``mse
pred|y``, ``noise inf``, ``spread inf``, ``amplitude``, ``Omniglot split|n_way|n_train``,
``families n_way|data``, ``episodes shots``, ``accuracy_curves n_steps``, ``check_shots
n_way|n_query|n_drawings``, ``finn_split n_train``, ``build``, ``omniglot.*n-support|n-query``,
``does not exist``, ``trailing space``, ``upper-case``). Drafts replaced before any run because
the script or a grep found their id or substance (six exact ids among them): train multitask
set head_meta_lr=-0.03 (exact), closed_form set learn_lam=2, r2d2 set lam=-inf; evaluate
tasks -600, root on a sinusoid checkpoint, checkpoint ''; meta_loss_low_rank inner_lr '0.01',
reptile_step inner_steps True, with_bias features complex (exact), softmax_head_unrolled
n_steps -3, meta_gradient_norms inner_lrs [0.01, nan], check_update max_norm -1; make_strategy
reptile n_steps -1 and batched 'yes', multitask head_steps 2.5, scratch model 'mlp',
newton_head lam -inf; train n_steps True, overwrite 'no', resume of a file that does not exist;
evaluate on_divergence True, family None, chunk_size -100; select_test_time candidates with a
negative, n_tasks -200; held_out_tasks seed a Generator; task_rng i 2.5; load_checkpoint None
(exact), a np.savez of two arrays, a tar archive (same id); restore meta/step -5; evaluate a
checkpoint of meta/format 99; MLP sizes '1,40,1', init rng default_rng uncalled; adam_update
beta2 1.5; LinearRegression noise -0.1; Sinusoid amplitude (5.0, 0.1) and (0.1, 5.0, 10.0),
phase (0.0, inf) (exact); GaussianClusters spread -2.0; mse pred complex (exact) and pred of 2
tasks for y of 3 (exact); Omniglot n_way -5, split 'val', n_train -1100, sample of 18 + 5
drawings; check_shots n_query -1; families n_way 2.5 and data None (exact); build shots 0;
episodes shots 'five'; accuracy_curves n_steps -1 (exact); train omniglot --n-support 30. No
exact id repeats (checked by the script against the same list). Disclosed, found after the
first run by a further check (an earlier id that is a whole-word prefix of a draft id, which
the pre-run script did not test): three cases repeat the substance of an earlier id and were
kept, since the list and selection were fixed before the run and a repeat is not one of the
corrections allowed after it: ``evaluate n_steps -1 in the library`` (kept; earlier ``evaluate
n_steps -1``, which a pre-run grep had listed and the writer overlooked), ``load_checkpoint
path a list of two paths, where one file is meant`` (kept; earlier ``load_checkpoint path a
list``) and ``MLP sizes a dict {...}, where a tuple of widths is meant`` (written, not kept;
earlier ``MLP sizes a dict``). All three were clear; the lead may discount them (without the
two kept ones, kept 60 of 61 clear, 98.4%).

Near earlier ids, kept as new ways (the lead may judge): ``--meta-lr 1e-3.5`` near ``inner-lr
1e-2.5``; ``--n-support 5.0`` near ``--inner-steps 3.0``; ``--set learn_lam=`` empty near
``--lam ''``; ``--set scale=1e-400`` near ``lam 1e-400``; ``--lam 0x1`` near ``meta-batch
0x20``; ``--set n_train_tasks=-1000`` near ``make_strategy multitask n_train_tasks 0``;
``--set subset_size=0.5`` near ``subset_size=0``; ``--checkpoint-every 1e400`` near
``--log-every 1e400``; ``--log-every -50`` near ``log-every -5``; resume with ``--seed 7`` near
``library train resume ... with seed 1``; ``--tasks 6e2`` near ``--seed 1e3``; ``--steps 10.0``
near ``--seed 22.0``; ``--support 1e400`` near ``check_shots n_support 1e400``; ``--query
hundred`` near ``--query five``; ``--seed ''`` near ``--lam ''``; ``--support '10 points'``
near ``--steps '5 steps'``; a trailing space in --checkpoint near ``Omniglot split 'test '``;
compare ``--query 2.5`` near ``evaluate --query 2.5``; compare ``--support ten`` near
``evaluate --support ten``; ``--eval-seed 2**64`` near ``compare --seed 2**64``;
``'pretrain'`` near ``'ridge'``; ``loss 'mse'`` near ``inner_sgd a loss of one number``;
``inner_steps 1e400`` near ``anil_meta_grad inner_steps 1000000``; ``fine_tune_tasks inner_lr
-inf`` near ``-0.5``; ``reptile_step inner_lr 1e400`` near ``nan``; ``ridge_head targets`` of
text near ``datetimes``; ``with_bias`` text near ``a bytearray``; ``softmax_head lam`` a list
near ``make_strategy closed_form lam a list``; ``unrolled n_steps 1e400`` near ``-1``; ``Ks [1,
2.5]`` near ``divergence_map Ks [2.5]``; ``sharpness seed -4`` near ``2**64``; ``grad_norm``
text near ``check_update grads a dict``; ``inner_steps '3'`` near ``meta_gradient_norm
inner_steps '1'``; ``n_steps 'all'`` near ``n_steps -10``; ``batched 2`` near ``batched
'on'``; ``head_meta_lr 'fast'`` near ``head_inner_lr a string``; ``subset_size 200`` near
``subset_size=101`` (CLI); a 2-input model near ``divergence_map a model of 2 inputs``;
``meta_lr nan`` near ``pretrained meta_lr a string``; ``lam 'auto'`` near ``ridge_head lam
'auto'``; ``hyperparameters 42`` near ``name None``; ``strategy_from_config 'maml'`` near ``a
JSON string``; ``with_test_time inner_lr 'auto'`` near ``NaN``; ``train n_steps '2'`` near
``True``; ``history 5`` near ``a string``; ``checkpoint 5`` near ``train checkpoint empty``;
resume with a folder near ``resume without a checkpoint``; ``evaluate seed -22`` near ``seed
None``; ``evaluate n_steps -1 in the library`` (a repeat, see below); ``candidates (0.01,
'auto')`` near ``compare run candidates a
dict``; ``select_test_time seed -11`` near ``a float``; ``n_support True`` near ``n_tasks
2.0``; ``task_rng i [0, 1]`` near ``None``; ``load_checkpoint`` a list near ``a file URL``;
upper-cased entry names near ``a state entry named state/params/x``; ``state/params/1`` as a row
near ``state/adam/m/5 reshaped to (1, 1)``; ``meta/step inf`` near ``a float 2.5``;
``meta/strategy 'reptil'`` near ``'mamll'``; no ``state/adam/v/0`` near ``without its
state/adam/m/2``; ``state None`` near ``an empty dict``; ``seed 1e400`` near ``2**64``;
``run.np`` near ``out upper-case suffix``; ``meta/seed 2.5`` near ``a word``; resume with
reptile near ``with an anil strategy``; ``MLP sizes (1, 8, 1.0)`` near ``(1, '40', 1)``; a dict
of sizes near ``layer pairs``; ``batch_norm 'true'`` near ``0.5``; ``dtype 'int32'`` near
``Omniglot dtype 'int8'``; ``rng np.random`` near ``the Generator class``; ``x holding inf``
near ``x complex``; ``per_task n_tasks '3'`` near ``-0.0``; ``beta2 'high'`` near ``NaN``;
``state [m, v]`` near ``a mappingproxy``; float rows near ``rows None``; ``scale`` of text near
``offset`` text (dropped by the hundred-and-sixteenth); ``LinearRegression scale 'wide'`` near
``noise 'low'``; ``mean 'one'`` near ``(1.0,)``; ``amplitude ['low', 'high']`` near ``(0.1,
'5.0')``; ``phase 3.14`` near ``'random'``; ``frequency (2.0, 0.5)`` near ``x_range (5.0,
-5.0)``; ``dim 'eight'`` near ``0.5``; ``make_family 'sine'`` near ``'gaussian_clusters'``;
``mse y`` of 2 outputs near ``y without its output axis``; ``cross_entropy logits NaN`` near
``accuracy logits NaN``; the Quadratic's ``sample_x`` None near ``a 0-d array``, ``target``
strings near ``a float``, ``sample_params`` complex near ``sample_x complex``; ``Omniglot n_way
5+0j`` near ``2.5``; ``split 'evaluation'`` near ``'testing'``; ``dtype 'float16'`` near the
CLI's ``dtype float16``; ``n_validation nan`` near ``2.5``; ``sample n_tasks 1e400`` near
``held_out_tasks n_tasks 1e400``; ``finn_split n_train 'all'`` near ``True``; ``check_shots
n_tasks 'two'`` near ``Omniglot sample n_tasks 'two'``; ``families n_way 5.0`` near ``2.5``;
``build`` family text near ``compare.build family None``; ``episodes seed 'zero'`` near
``1.5``; ``accuracy_curves n_steps 2.5`` near ``'five'``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 101. After the
first run no case was added, reordered or swapped and no mentions were changed; one written,
not kept case was dropped (``DROPPED``) as an outright slip of the writer, not a bad input at
all (below).

Memory and time: no case asks for a huge allocation (the counts past any use, 1e400 and inf,
were checked before work), so the ninety-sixth's ``_under_the_batteries_ulimit`` was not
needed; the whole script ran in a few seconds.

First run at b0ad977 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, 62 of 63 clear (98.4%), 0 unclear, 1 silent, 0 data loss -- cli train 7/7,
evaluate/compare 7/7, meta functions 7/7, strategies 7/7, evaluate and train 7/7, checkpoints
7/7, nn/optim/batchnorm 7/7, task families 6/7 (1 silent), omniglot 7/7. Written
(``--written``): 99 of 101 clear (98.0%), 0 unclear, 2 silent, 0 data loss -- every area
11/11 except task families 11/12 (1 silent) and omniglot 11/12 (1 silent).

Correction after the first run (an outright slip, recorded with both results):
``train omniglot on the command line with n-query 25, more query drawings than a character
has`` (written, not kept) was silent (it trained one step and saved). It was written on the
belief that ``--n-query`` counts drawings per character. Checked from the user's side after the
run: ``Omniglot(5, data=...).sample(rng, 1, 5, 25)`` gives x_query of shape (1, 25, 784), so
``n_query`` counts the drawings of the whole 5-way episode, 5 a character, and 5 support with 25
query drawings take 6 of each character's 20: a valid run, not a bad input. It is in
``DROPPED``. After the correction (the rerun, script and pytest): kept, unchanged, 62 of 63
clear (98.4%), 0 unclear, 1 silent, 0 data loss; written, 99 of 100 clear (99.0%), 0 unclear,
1 silent, 0 data loss (omniglot 11/11); under pytest (run once, after the correction, which
touched no kept case), 1 failed (the silent case below), 63 passed (62 kept clear cases and the
wide-and-new test).

Not clear, kept:
- ``cross_entropy logits NaN``: silent (no error) -- ``tasks.cross_entropy`` of logits all NaN
  against valid one-hot labels returned a result (NaN) without raising, where issue 11 asks for
  "never a NaN ... without an error"; its sibling checks refuse other bad logits and labels
  (``mse`` refused y of another shape: "mse: y must have the shape of pred, (2, 5, 1), got
  shape (2, 5, 2)"; ``MLP.apply`` refused x holding inf: "x must be finite, got 5 NaN or inf
  entries ..."). Somewhat doubtful as a bad input to a loss (a NaN loss is how a diverged run
  shows itself, and the engine may rely on it propagating); the lead may judge.

Not clear, written and not kept: none (the one silent written case was the slip dropped above).

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --meta-lr:
expected a positive number, written in decimal digits, a point and an exponent, got '1e-3.5'
...", "error: --set learn_lam=: learn_lam must be true or false, got '' (a string)", "error:
scale must be a positive finite number, got 0.0 (--strategy r2d2 --family clusters) (given as
--set scale=1e-400)", "error: cannot resume from .../fomaml.npz: it was written by a different
run (seed (--seed): checkpoint 0, this run 7). ...", "error: no checkpoint at '.../good.npz '
(--checkpoint); expected a .npz written by train", "TypeError: loss must be a function, e.g.
scratchmeta.tasks.mse, got 'mse'", "ValueError: Ks must hold non-negative integers, got 2.5 at
Ks[1]", "ValueError: model MLP(sizes=(2, 8, 1), activation='relu') takes 2 inputs ... expected
sizes (1, ..., 1)", "TypeError: family must be a task family instance, e.g. Sinusoid(), got the
class Sinusoid itself", "ValueError: '.../upper.npz' is not a scratchmeta checkpoint (no
meta/format, expected 'scratchmeta-checkpoint-2'); its arrays are ['META/CHANGES', ...]",
"ValueError: '.../stratyp.npz' is damaged: entry meta/strategy = 'reptil' is not the strategy
its meta/config records ('MAML', class MAML) ...", "error: --out path must be a file name
ending in .npz, got '.../run.np'", "ValueError: UserQuadratic.sample_x must return inputs x,
real numbers of shape (tasks, points, n_inputs) = (1, 10, 1), got None", "ValueError: split must
be one of ('train', 'validation', 'test'), got 'evaluation'"). Clear by the harness but
slightly off: ``ridge_head targets of text``, ``with_bias features the text of numbers``,
``adam_update state the list [m, v]`` and the Quadratic's complex ``sample_params`` print the
arrays' repr over several lines; ``train resume True with checkpoint a folder`` says "must be a
file name ending in .npz" (right, though it does not say the path is a folder); ``train
n_steps the text '2'``, ``held_out_tasks n_support True``, ``task_rng i [0, 1]``, ``per_task
n_tasks '3'``, ``adam_update beta2 'high'``, ``GaussianClusters dim 'eight'``, ``finn_split
n_train 'all'``, ``check_shots n_tasks 'two'`` and ``episodes seed 'zero'`` raise ValueError
where TypeError would fit a value of the wrong type (both are allowed); ``Omniglot
n_validation nan`` says "n_train and n_validation must be positive integers, got 1100 and nan"
(both named); the r2d2 ``scale=1e-400`` message shows the value as read, 0.0, then as typed;
``library train resume ... with a reptile strategy`` lists the differing class and
hyperparameters rather than saying "maml, not reptile" in words.

Measured on main at b0ad977, the commit it was written at, blind (the lead reran it there,
with the hundred-and-nineteenth beside it): kept, 62 of 63 clear (98.4%), 0 unclear, 1
silent, 0 data loss; the pair, 117 of 124 (94.4%). The silent case stays a strict xfail
(doubtful).
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.guard import grad_norm
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.normalization import sharpness
from scratchmeta.meta.omniglot_compare import accuracy_curves, build, episodes, families
from scratchmeta.meta.registry import (hyperparameters, make_family, make_strategy,
                                       strategy_from_config)
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_head, with_bias
from scratchmeta.meta.softmax_head import softmax_head, softmax_head_unrolled
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_update
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
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _features, _maml, _meta,
                                          _problem, _resumed, _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import (_quadratic, _save_fields, _train_quadratic,
                                         _evaluate_quadratic)
from test_bad_inputs_hundredsecond import _adam, _needs_omniglot, _params
from test_bad_inputs_hundredsixth import _omniglot_maml, _rows

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train fomaml on clusters with meta-lr 1e-3.5, an exponent with a fraction",
     _train("--strategy", "fomaml", "--family", "clusters", "--meta-lr", "1e-3.5"),
     ["--meta-lr", "1e-3.5"]),
    ("train anil on linear with n-support 5.0, a whole float for a count",
     _train("--strategy", "anil", "--family", "linear", "--n-support", "5.0"),
     ["--n-support", "5.0"]),
    ("train reptile on sinusoid_frequency with meta-batch +-2, two signs",
     _train("--strategy", "reptile", "--family", "sinusoid_frequency", "--meta-batch", "+-2"),
     ["--meta-batch", "+-2"]),
    ("train closed_form on clusters with set learn_lam= and nothing after it, an empty value",
     _train("--strategy", "closed_form", "--family", "clusters", "--set", "learn_lam="),
     ["learn_lam"]),
    ("train r2d2 on clusters with set scale=1e-400, an output scale that underflows to zero",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "scale=1e-400"),
     ["scale", "1e-400"]),
    ("train newton_head on clusters with lam 0x1, a penalty in hexadecimal",
     _train("--strategy", "newton_head", "--family", "clusters", "--lam", "0x1"),
     ["--lam", "0x1"]),
    ("train multitask on linear with set n_train_tasks=-1000, a sign slip",
     _train("--strategy", "multitask", "--family", "linear", "--set", "n_train_tasks=-1000"),
     ["n_train_tasks", "-1000"]),
    ("train subset on linear with set subset_size=0.5, a fraction of a point",
     _train("--strategy", "subset", "--family", "linear", "--set", "subset_size=0.5"),
     ["subset_size", "0.5"]),
    ("train scratch on clusters with checkpoint-every 1e400, a count that overflows",
     _train("--strategy", "scratch", "--family", "clusters", "--checkpoint-every", "1e400"),
     ["--checkpoint-every", "1e400"]),
    ("train pretrained on sinusoid_frequency with log-every -50, a sign slip",
     _train("--strategy", "pretrained", "--family", "sinusoid_frequency", "--log-every", "-50"),
     ["--log-every", "-50"]),
    ("train resume a fomaml run with seed 7, another seed than the run's",
     _resumed("fomaml", "--seed", "7"), ["seed", "7"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate a reptile run with tasks 6e2, a count in e-notation",
     _evaluate(lambda d: _run(d, "reptile"), "--tasks", "6e2"), ["--tasks", "6e2"]),
    ("evaluate a multitask run with steps 10.0, a whole float for a count",
     _evaluate(lambda d: _run(d, "multitask"), "--steps", "10.0"), ["--steps", "10.0"]),
    ("evaluate an anil run with support 1e400, a count that overflows",
     _evaluate(lambda d: _run(d, "anil"), "--support", "1e400"), ["--support", "1e400"]),
    ("evaluate a scratch run with query the word 'hundred'",
     _evaluate(lambda d: _run(d, "scratch"), "--query", "hundred"), ["--query", "hundred"]),
    ("evaluate a pretrained run with seed '', an empty value",
     _evaluate(lambda d: _run(d, "pretrained"), "--seed", ""), ["--seed"]),
    ("evaluate a closed_form run with support '10 points', a unit after the count",
     _evaluate(lambda d: _run(d, "closed_form"), "--support", "10 points"),
     ["--support", "10 points"]),
    ("evaluate the good checkpoint's path with a trailing space, a file that does not exist",
     lambda d: ["evaluate", "--checkpoint", str(_good(d)) + " ", "--tasks", "4", "--steps",
                "1"], ["--checkpoint", "good.npz "]),
    ("compare maml on clusters with query 2.5, a fraction of a point",
     _compare_on(["maml"], "clusters", "--query", "2.5"), ["--query", "2.5"]),
    ("compare subset on linear with support the word 'ten'",
     _compare_on(["subset"], "linear", "--support", "ten"), ["--support", "ten"]),
    ("compare anil on sinusoid with eval-seed 18446744073709551616, a seed too large",
     _compare_on(["anil"], "sinusoid", "--eval-seed", "18446744073709551616"),
     ["--eval-seed", "18446744073709551616"]),
    ("compare strategies 'pretrain', a short name for pretrained",
     _compare_on(["pretrain"], "sinusoid"), ["pretrain"]),
]

# --- Chapter 2's functions

def _reptile_lr_huge():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr=1e400, inner_steps=1, meta_lr=0.1)


def _with_bias_text():
    return with_bias(_features().astype(str))


def _softmax_lam_list():
    b = _clusters_batch()
    return softmax_head(b.x_support, b.y_support, [1.0, 2.0])


def _unrolled_steps_negative():
    b = _clusters_batch()
    return softmax_head_unrolled(b.x_support, b.y_support, 1.0, 1e400)


def _norms_lrs_nan():
    model, params, batch = _problem()
    return meta_gradient_norms(params, batch, model, [1, 2.5], [0.01])


def _sharpness_seed_negative():
    model, params, batch = _problem()
    return sharpness(params, batch, model, seed=-4)


def _grad_norm_text():
    return grad_norm([np.full(3, "0.5")])


META_CASES = [
    ("meta_loss_low_rank loss the text 'mse', a name where the loss function is meant",
     lambda d: _meta(meta_loss_low_rank, loss="mse"), ["loss", "mse"]),
    ("anil_meta_grad inner_steps 1e400, a count that overflows to inf",
     lambda d: _meta(anil_meta_grad, inner_steps=1e400), ["inner_steps", "inf"]),
    ("fine_tune_tasks inner_lr -inf",
     lambda d: _meta(fine_tune_tasks, inner_lr=-np.inf), ["inner_lr", "-inf"]),
    ("reptile_step inner_lr 1e400, a step that overflows to inf",
     lambda d: _reptile_lr_huge(), ["inner_lr", "inf"]),
    ("ridge_head targets of text",
     lambda d: ridge_head(_features(), np.full((3, 5, 1), "1.0"), 1.0), ["targets"]),
    ("with_bias features the text of numbers",
     lambda d: _with_bias_text(), ["features"]),
    ("softmax_head lam a list [1.0, 2.0], where one penalty is meant",
     lambda d: _softmax_lam_list(), ["lam"]),
    ("softmax_head_unrolled n_steps 1e400, a count that overflows to inf",
     lambda d: _unrolled_steps_negative(), ["n_steps", "inf"]),
    ("meta_gradient_norms Ks [1, 2.5], a fraction of an inner step",
     lambda d: _norms_lrs_nan(), ["Ks", "2.5"]),
    ("normalization sharpness seed -4, a negative seed",
     lambda d: _sharpness_seed_negative(), ["seed", "-4"]),
    ("guard grad_norm grads a list of arrays of text",
     lambda d: _grad_norm_text(), ["grads"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy maml inner_steps the text '3', a number as text",
     lambda d: make_strategy("maml", meta_batch=2, inner_steps="3"), ["inner_steps", "3"]),
    ("make_strategy reptile n_steps the word 'all'",
     lambda d: make_strategy("reptile", meta_batch=2, n_steps="all"), ["n_steps", "all"]),
    ("make_strategy reptile batched 2, a count for a switch",
     lambda d: make_strategy("reptile", meta_batch=2, batched=2), ["batched", "2"]),
    ("make_strategy multitask head_meta_lr the word 'fast'",
     lambda d: make_strategy("multitask", meta_batch=2, head_meta_lr="fast"),
     ["head_meta_lr", "fast"]),
    ("make_strategy subset subset_size 200, more than its 100 support points",
     lambda d: make_strategy("subset", meta_batch=2, subset_size=200), ["subset_size", "200"]),
    ("make_strategy scratch model an MLP of 2 inputs for sinusoids of 1",
     lambda d: make_strategy("scratch", model=MLP((2, 8, 1)), meta_batch=2), ["model"]),
    ("make_strategy pretrained meta_lr nan",
     lambda d: make_strategy("pretrained", meta_batch=2, meta_lr=np.nan), ["meta_lr", "nan"]),
    ("make_strategy newton_head lam the word 'auto'",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=2, lam="auto"),
     ["lam", "auto"]),
    ("hyperparameters 42, a number where a strategy's name is meant",
     lambda d: hyperparameters(42), ["42"]),
    ("strategy_from_config record the text 'maml', where the recorded dict is meant",
     lambda d: strategy_from_config("maml"), ["record"]),
    ("with_test_time inner_lr the word 'auto'",
     lambda d: with_test_time(_maml(), inner_lr="auto"), ["inner_lr", "auto"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train n_steps the text '2', a number as text",
     lambda d: train(_maml(), "2", 0), ["n_steps", "2"]),
    ("train history 5, a number where a list is meant",
     lambda d: train(_maml(), 2, 0, history=5), ["history"]),
    ("train checkpoint the number 5, where a path is meant",
     lambda d: train(_maml(), 2, 0, checkpoint=5), ["checkpoint", "5"]),
    ("train resume True with checkpoint a folder, where the run's file is meant",
     lambda d: train(_maml(), 2, 0, checkpoint=d, resume=True), ["checkpoint"]),
    ("evaluate seed -22 in the library, a negative seed",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, seed=-22, **_small()),
     ["seed", "-22"]),
    ("evaluate n_steps -1 in the library",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=-1, **_small()),
     ["n_steps", "-1"]),
    ("evaluate family the Sinusoid class, not an instance",
     lambda d: evaluate(*_maml_state(), Sinusoid, n_steps=1, **_small()), ["family"]),
    ("select_test_time candidates (0.01, 'auto'), a word among the step sizes",
     lambda d: _select(candidates=(0.01, "auto")), ["candidates", "auto"]),
    ("select_test_time seed -11, a negative seed",
     lambda d: _select(seed=-11), ["seed", "-11"]),
    ("held_out_tasks n_support True, a bool for a count",
     lambda d: held_out_tasks(Sinusoid(), 2, True, 5), ["n_support", "True"]),
    ("task_rng i the list [0, 1], two task indices where one is meant",
     lambda d: task_rng(22, [0, 1]), ["i"]),
]

# --- checkpoints

UPPER = lambda d: _damaged(d, "upper", lambda a: [a.__setitem__(k.upper(), a.pop(k))
                                                  for k in list(a)])


def _save_state_none(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "new.npz", None, step=ckpt.step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses)


def _resume_as_reptile(d):
    return train(make_strategy("reptile", meta_batch=2), 4, 0, checkpoint=_good(d),
                 resume=True)


P1_ROW = _set_entry("p1row", "state/params/1", lambda a: a.reshape(1, -1))
STEP_INF = _set_entry("stepinf", "meta/step", lambda a: np.array(np.inf))
STRATEGY_TYPO = _set_entry("stratyp", "meta/strategy", lambda a: np.array("reptil"))
NO_V0 = lambda d: _damaged(d, "nov0", lambda a: a.pop("state/adam/v/0"))
SEED_HALF = _set_entry("seedhalf", "meta/seed", lambda a: np.array(2.5))


CHECKPOINT_CASES = [
    ("load_checkpoint path a list of two paths, where one file is meant",
     lambda d: load_checkpoint([_good(d), _good(d)]), ["path"]),
    ("load_checkpoint the good checkpoint with every entry name upper-cased (STATE/PARAMS/0)",
     lambda d: load_checkpoint(UPPER(d)), ["upper.npz"]),
    ("restore a checkpoint whose state/params/1 is reshaped to one row",
     lambda d: restore(P1_ROW(d)), ["state/params/1"]),
    ("restore a checkpoint whose meta/step is inf",
     lambda d: restore(STEP_INF(d)), ["meta/step"]),
    ("restore a checkpoint whose meta/strategy is 'reptil', a misspelt name",
     lambda d: restore(STRATEGY_TYPO(d)), ["reptil"]),
    ("restore a checkpoint without its state/adam/v/0 entry",
     lambda d: restore(NO_V0(d)), ["state/adam/v/0"]),
    ("save_checkpoint state None",
     lambda d: _save_state_none(d), ["state"]),
    ("save_checkpoint seed 1e400, a seed that overflows to inf",
     lambda d: _save_fields(d, seed=1e400), ["seed", "inf"]),
    ("train on the command line out 'run.np', a truncated extension",
     lambda d: ["train", "--steps", "2", "--meta-batch", "2", "--out", str(d / "run.np")],
     ["--out", "run.np"]),
    ("evaluate on the command line a checkpoint whose meta/seed is 2.5, a fraction for a seed",
     lambda d: ["evaluate", "--checkpoint", str(SEED_HALF(d)), "--tasks", "4", "--steps", "1"],
     ["meta/seed"]),
    ("library train resume the good maml checkpoint with a reptile strategy",
     lambda d: _resume_as_reptile(d), ["reptile"]),
]

# --- nn, optim, batchnorm

def _adam_state_list():
    params = _params()
    grads = [np.ones_like(a) for a in params]
    state = adam_init(params)
    return adam_update(params, grads, [state["m"], state["v"]], 1e-3)


NN_CASES = [
    ("MLP sizes (1, 8, 1.0), a float for the output width",
     lambda d: MLP((1, 8, 1.0)).init(_rng()), ["sizes", "1.0"]),
    ("MLP sizes a dict {'in': 1, 'hidden': 8, 'out': 1}, where a tuple of widths is meant",
     lambda d: MLP({"in": 1, "hidden": 8, "out": 1}).init(_rng()), ["sizes"]),
    ("MLP batch_norm the text 'true'",
     lambda d: MLP((1, 8, 1), batch_norm="true").init(_rng()), ["batch_norm", "true"]),
    ("MLP dtype 'int32', an integer type for the parameters",
     lambda d: MLP((1, 8, 1), dtype="int32").init(_rng()), ["dtype", "int32"]),
    ("MLP init rng the module np.random, where a Generator is meant",
     lambda d: MLP((1, 8, 1)).init(np.random), ["rng"]),
    ("MLP apply x holding inf",
     lambda d: MLP((1, 8, 1)).apply(_params(), np.full((1, 5, 1), np.inf)), ["x", "inf"]),
    ("per_task n_tasks the text '3', a number as text",
     lambda d: per_task(_params(), "3"), ["n_tasks", "3"]),
    ("adam_update beta2 the word 'high'",
     lambda d: _adam(beta2="high"), ["beta2", "high"]),
    ("adam_update state the list [m, v], where adam_init's dict is meant",
     lambda d: _adam_state_list(), ["state"]),
    ("adam_rows rows [0.0, 1.0, 2.0], float row numbers",
     lambda d: _rows(rows=[0.0, 1.0, 2.0]), ["rows"]),
    ("batch_norm scale of text",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), scale=np.full(3, "1")), ["scale"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _x_none(self, rng, task_params, n_points):
    return None


def _target_text(self, task_params, x):
    return np.full(np.shape(x), "y")


def _params_complex(self, rng, n_tasks):
    return rng.uniform(-1, 1, size=(n_tasks, 3)) + 1j


TASK_CASES = [
    ("LinearRegression scale the word 'wide', in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(scale="wide"), 2, 5, 5), ["scale", "wide"]),
    ("LinearRegression mean the word 'one', in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean="one"), 2, 5, 5), ["mean", "one"]),
    ("Sinusoid amplitude a list of two words ['low', 'high'], in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=["low", "high"]), 2, 5, 5), ["amplitude"]),
    ("Sinusoid phase 3.14, one number where a range is meant, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(phase=3.14), 2, 5, 5), ["phase"]),
    ("SinusoidFrequency frequency (2.0, 0.5), a range given high to low, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(2.0, 0.5)), 2, 5, 5),
     ["frequency"]),
    ("GaussianClusters dim the word 'eight', in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim="eight"), 2, 5, 5), ["dim", "eight"]),
    ("make_family 'sine', a short name for sinusoid",
     lambda d: make_family("sine"), ["sine"]),
    ("mse y of 2 outputs for pred of 1",
     lambda d: mse(np.zeros((2, 5, 1)), np.ones((2, 5, 2))), ["y"]),
    ("cross_entropy logits NaN",
     lambda d: cross_entropy(np.full((2, 5, 3), np.nan), np.eye(3)[np.zeros((2, 5), int)]),
     ["logits"]),
    ("a user's Quadratic TaskFamily whose sample_x returns None, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(sample_x=_x_none)), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose target returns strings, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_text), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_params returns complex numbers, in train",
     lambda d: _train_quadratic(_quadratic(sample_params=_params_complex)),
     ["sample_params"]),
]

# --- Omniglot

def _curves_steps_fraction():
    strategy = _omniglot_maml()
    state = strategy.init_state(_rng())
    batch = Omniglot(5, data=_data()).sample(_rng(), 2, 5, 5)
    return accuracy_curves(strategy, state, batch, n_steps=2.5)


OMNIGLOT_CASES = [
    ("Omniglot n_way 5+0j, a complex count",
     lambda d: _sample(Omniglot(5 + 0j, data=_data())), ["n_way"]),
    ("Omniglot split 'evaluation', the archive's name for the test characters",
     lambda d: _sample(Omniglot(5, split="evaluation", data=_data())),
     ["split", "evaluation"]),
    ("Omniglot dtype 'float16', a type the network is not offered in",
     lambda d: _sample(Omniglot(5, data=_data(), dtype="float16")), ["dtype", "float16"]),
    ("Omniglot n_validation nan",
     lambda d: _sample(Omniglot(5, data=_data(), n_validation=np.nan)),
     ["n_validation", "nan"]),
    ("Omniglot sample n_tasks 1e400, a count that overflows to inf",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 1e400, 5, 5), ["n_tasks", "inf"]),
    ("finn_split n_train the word 'all'",
     lambda d: finn_split(_data().alphabets, _data().characters, n_train="all"),
     ["n_train", "all"]),
    ("check_shots n_tasks the word 'two'",
     lambda d: check_shots(5, "two", 5, 5), ["n_tasks", "two"]),
    ("omniglot_compare families n_way 5.0, a whole float for a count",
     lambda d: families(_data(), n_way=5.0), ["n_way", "5.0"]),
    ("omniglot_compare build maml with family the text 'omniglot', where the family is meant",
     lambda d: build("maml", "omniglot", 1), ["family"]),
    ("omniglot_compare episodes seed the word 'zero'",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 1, "zero"), ["seed", "zero"]),
    ("omniglot_compare accuracy_curves n_steps 2.5, a fraction of a step",
     lambda d: _curves_steps_fraction(), ["n_steps", "2.5"]),
    ("train omniglot on the command line with n-query 25, more query drawings than a "
     "character has",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--n-query", "25", "--out", str(d / "omni.npz")], ["--n-query", "25"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "train omniglot on the command line with n-query 25, more query drawings than a character "
    "has":
        "not a bad input after all (a slip of the writer, found after the first run): n_query "
        "counts the query drawings of the whole 5-way episode, not of each character -- "
        "Omniglot(5).sample(rng, 1, 5, 25) gives x_query of shape (1, 25, 784), 5 drawings a "
        "character -- so 5 support and 25 query drawings take 6 of each character's 20, a valid "
        "run",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 2)."""
    return kept_cases(cases, (1, 2), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying

# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    'cross_entropy logits NaN':
        'silent at b0ad977: NaN, no error (doubtful: logits are a model\'s output, and a '
        'diverged model\'s NaN loss is how training and evaluation see the divergence and '
        'name it, as the tenth battery ruled for accuracy\'s NaN logits and the head\'s NaN '
        'features)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredeighteenth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredeighteenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
