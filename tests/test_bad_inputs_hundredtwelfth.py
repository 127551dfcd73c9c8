"""A hundred-and-twelfth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (its use by the
templates was followed; its head was not reread). Written blind, in a worktree at commit
ebef44d, from the user's side only: ``--help`` of ``train``, ``evaluate`` and ``compare``; the
public signatures (``inspect.signature``) of the functions and classes used below, from
``scratchmeta.meta``'s modules (not ``checks``/``protocol``/``messages``), ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks`` and ``datasets.omniglot_tasks``, the dataclass field
names of ``ClosedFormConfig`` and ``R2D2Config`` and the public names of
``scratchmeta.meta.closed_form`` (``dir``); the hundred-and-tenth and hundred-and-eighth
batteries (the templates, read in full); ``test_bad_inputs_cli.py``'s docstring and its first
helpers (``_good``, ``_arrays``, the head of ``_damaged``); the signatures of the earlier
batteries' shared helpers (imported, not copied: ``_good``, ``_damaged``, ``_train``, ``_rng``,
``_data``, the ninetieth's ``_run``, the ninety-second's ``_evaluate``, ``_clusters_run``,
``_maml_state``, ``_small``, the ninety-fourth's ``_clusters_batch``, ``_compare_on``,
``_features``, ``_maml``, ``_meta``, ``_problem``, ``_resumed``, ``_sample``, ``_select``,
``_set_entry``, the ninety-sixth's ``_quadratic``, ``_train_quadratic``,
``_evaluate_quadratic``, ``_r2d2_run``, ``_save_fields`` and ``_under_the_batteries_ulimit``,
the ninety-eighth's ``_omniglot_run``), used as the templates use them (their bodies were not
read). The README was not read (the ``--help`` texts and the templates stood in for it). No
library docstring, library source, validation module, history or file of /work/main was read.
Disclosed: the commit above was read with ``git rev-parse --short HEAD`` (HEAD's short hash
only); the signature listing showed the defaults of the functions listed (e.g.
``meta_gradient_norms``' default ``loss``). Before the first run, good calls were made to get
the plumbing right (``ClosedFormConfig`` and ``R2D2Config`` fields; the four checkpoint entry
names used, one at a time, as keys of the good checkpoint; ``adapt.sgd_path`` with
``per_task``, ``softmax_head_logits``, ``r2d2_logits``, ``closed_form_meta_loss``,
``divergence_map``, ``sharpness``, ``subset_batch``, ``subset_meta_loss``, ``adapt.predict``,
``fine_tune_tasks`` with ``reptile_direction``, ``check_shots``, the good ``Quadratic`` in
``held_out_tasks`` and its ``sample_params`` shape, ``adam_rows``, ``finn_split``). One showed a
plumbing slip, corrected before any run: ``adapt.sgd_path`` returns a generator, so its case
takes ``next(...)`` of it (as a user iterating the path would). Every case writes only inside
its temporary folder (``git status --short`` after the runs shows this file only). The id
list, plumbing scripts and a per-case message listing were kept outside the worktree, in
/tmp/wt112_scratch. SCRATCHMETA_DATA was unset. The runs were made as root.

Areas, as written: train on the command line -- anil on linear, reptile on sinusoid, fomaml on
linear, maml on clusters, pretrained and r2d2 and newton_head and scratch on clusters,
multitask and subset on sinusoid_frequency, one resumed (reptile) (11); evaluate and compare on
the command line -- runs of anil, fomaml, scratch, r2d2 on clusters, maml on clusters, the good
run by a misspelt name; compare of maml on linear, fomaml on sinusoid_frequency, subset on
linear, pretrained on sinusoid, a misspelt strategy on clusters (11); Chapter 2's functions --
meta_grad, anil_meta_grad, fine_tune_tasks, adapt.sgd_path, ridge_fit, newton_solve,
reptile_direction, subset_meta_loss, adaptation_curves, meta_gradient_norms, divergence_map,
softmax_head_logits (12); strategies and the registry -- make_strategy (maml, r2d2, pretrained,
newton_head), hyperparameters, with_test_time, R2D2 from an R2D2Config, Pretrained from a
PretrainedConfig, ClosedForm from a ClosedFormConfig, default_model, make_family (11); train,
evaluate, select_test_time, held_out_tasks, task_rng, interval, step_rng in the library (12);
checkpoints -- load_checkpoint, restore, save_checkpoint, evaluate and train --resume on the
command line, library train resume (11); nn/optim/batchnorm -- MLP sizes, apply; per_task,
adam_update, adam_rows, batch_norm, finn_init (11); task families -- Sinusoid, SinusoidFrequency,
GaussianClusters, make_family, cross_entropy, accuracy, mse, the ninety-sixth's ``Quadratic``
with one attribute or method changed (13); Omniglot -- Omniglot's n_way, split, dtype, sample;
finn_split, check_shots, omniglot_compare's episodes, weights_path, with_step_size, train and
evaluate of omniglot on the command line (11): 103.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --inner-lr 1e-2.5 (an exponent with a fraction), --steps 10k (a suffix),
  --n-support 5.5, --inner-steps 1.5, --set lam=true, --set n_train_tasks=many, --set
  subset_size=ten; evaluate --steps 0.5, --support 1/2, --tasks 600x, --query 5.0; compare
  --support 10.5, --val-seed 0b101; meta_grad first_order 'false', anil_meta_grad inner_steps
  True, fine_tune_tasks inner_steps 'three', subset_meta_loss inner_lr '0.01',
  adaptation_curves n_steps 2.5, divergence_map Ks [2.5]; make_strategy maml inner_lr 'fast',
  pretrained meta_lr a list, default_model family 3, with_test_time first_order 'no'; train
  seed 'zero', checkpoint the int 5, evaluate n_steps 'ten', select_test_time candidates
  '0.01', held_out_tasks n_query 'ten', task_rng i None; load_checkpoint path 3,
  save_checkpoint step '2' and config a list; MLP sizes '1,40,1', per_task n_tasks [3],
  adam_update lr 'auto'; Sinusoid x_range 'wide', GaussianClusters dim '8', mse y a list of
  two arrays, Quadratic n_outputs 1.5; Omniglot sample n_query None, episodes shots 'one';
- out of range -- zero, negative, NaN, inf, huge, a seed too large: --meta-batch -3, --seed
  2**64 (newton_head), --log-every 1e400 (scratch), compare --steps -300, --query inf; ridge_fit
  lam -1.0, newton_solve lam nan, meta_gradient_norms Ks [-1]; R2D2Config n_query -5,
  PretrainedConfig meta_lr inf, ClosedFormConfig lam nan, make_family linear noise -0.1;
  select_test_time n_tasks 0, step_rng seed 2**64; MLP sizes (1, -8, 1), adam_update beta2
  1.0, adam_rows rows [-4], batch_norm eps nan; Sinusoid amplitude (-5.0, -0.1),
  SinusoidFrequency frequency (0.5, inf), GaussianClusters n_way nan; Omniglot n_way 1e400,
  check_shots n_tasks -2, with_step_size nan, evaluate omniglot --tasks 0; huge (memory):
  library evaluate n_support 10**9 (under the ninety-sixth's ``_under_the_batteries_ulimit``);
- a wrong shape or empty: sgd_path theta without its task axis, softmax_head_logits phi_query
  of 4 features for 8, interval of a 0-d array, MLP apply params in reverse order, batch_norm h
  0-d, finn_init sizes (), accuracy y_onehot 2-D for logits 3-D, finn_split characters one
  short, cross_entropy logits complex, MLP apply x None;
- a user's function that misbehaves (``Quadratic``): metric returning one float for all tasks
  and one value more than its tasks, loss returning None; reptile_direction theta_T all NaN;
- files and paths: load_checkpoint of the good checkpoint without its last 22 bytes (the zip's
  end record); checkpoints whose state/params/1 is text, state/adam/m/0 transposed, meta/step
  nan, state/adam/t missing, state/params/1 complex (evaluate); evaluate --checkpoint
  'good.NPZ'; train omniglot --root '';
- mismatches: train --resume of a reptile run with --lam, --resume with --force, library
  train resume of a maml checkpoint with an anil strategy, evaluate --support 12 for 5 ways,
  library evaluate of a sinusoid strategy on GaussianClusters, make_strategy newton_head on
  linear, train resume=True with no checkpoint;
- typos and misspellings: compare --strategies newton, make_strategy family 'clusterz',
  hyperparameters 'maml,anil', make_family 'Sinusoid', Omniglot split 'valid', dtype 'int8',
  weights_path 'maml '.

Repeats: the 13,900 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly; by its first four
words; and by its function with its first two mentions), over four rounds, and by about
150 function-and-kind patterns over eight greps (e.g. ``truncat``, ``resume.*force``,
``resume.*family``, ``n_train_tasks=``, ``steps 10k``, ``batch_norm (h|eps|scale|offset)``,
``GaussianClusters (dim|spread|n_way)``, ``with_test_time inner_(lr|steps)``,
``sample_params returns``,
``target returns``, ``sample_x returns``, ``loss returns``, ``n_outputs``, ``check_shots``,
``Omniglot sample rng``, ``evaluate checkpoint a folder``, ``[.]NPZ``, ``png``, ``gzip``).
Drafts replaced before any run because the script or a grep found their id or substance
(thirty exact ids among them): train fomaml --steps 0x10 (exact) and 10k-like,
anil --inner-lr nan, maml on clusters --n-query 12, subset --set subset_size=0, scratch
--log-every -1, resume reptile with --family linear; evaluate anil --steps -1,
fomaml --support nan, scratch --tasks 1e3, r2d2 --query 0, a folder as --checkpoint; compare
maml --steps 0, fomaml --support -5, pretrained --val-seed -1 (exact), strategies
'Closed_Form' (capitals tried); meta_grad inner_lr -0.01 (exact), anil_meta_loss inner_lr inf
(exact), sgd_path inner_lr nan, reptile_direction theta_T None (exact), subset_meta_loss
subset_size 0, divergence_map meta_batch 0 (exact), r2d2_logits scale nan (exact),
softmax_head_logits lam -1.0, closed_form_meta_loss lam a word; hyperparameters None (exact),
default_model None (exact), R2D2Config meta_batch 0, make_strategy pretrained meta_lr nan,
ClosedForm from an R2D2Config, with_test_time inner_lr -0.5; train seed 1.5, evaluate
n_support 0, select_test_time candidates [nan], held_out_tasks n_support -5 (exact), task_rng
seed -1 (exact), interval axis 2; load_checkpoint None (exact) and cut in half, restore with
state/adam/m/0 given an extra axis (exact) and meta/step -1, save_checkpoint step -1 (exact)
and 2.5, train --resume with --seed 5 and with --force; MLP sizes (1,), apply params one
short, per_task n_tasks 0 (exact), adam_update lr -1e-3 (exact), adam_rows rows [5] (exact),
split params [] (exact), batch_norm h 1-D; Sinusoid amplitude (5.0, 0.1) (exact),
GaussianClusters n_way 0 (exact), dim 8.5, dim -2 and spread inf (exact), accuracy y_onehot of
strings (exact), mse pred complex (exact) and y complex (exact), cross_entropy y_onehot NaN,
the Quadratic's sample_params NaN, metric strings (exact) and target one float; Omniglot
n_way 0 (exact), n_validation -1, sample n_support 0 (exact) and rng an int, finn_split
n_validation nan, check_shots n_way 0 (exact) and n_drawings 0, train omniglot --root a
missing folder (exact), evaluate omniglot --steps -2 (exact). Eighteen more drafts, near
earlier ids, were dropped before any run to bring the count to about 100 (closed_form --lam
-0.5, evaluate pretrained --seed twenty-two, meta_loss inner_steps -1, anil_meta_loss
inner_steps -3, closed_form_meta_loss batch None, check_update grads None, sharpness
iterations -4, r2d2_logits offset inf, subset_batch rng None, adapt.predict n_steps 2.5,
make_strategy anil meta_batch 0, train log_every -3, held_out_tasks seed '22', restore with an
extra state/params/9, split params one array, LinearRegression noise nan, make_family None,
Omniglot n_train '1100'). No exact id repeats (checked by the script against the same list).

Near earlier ids, kept as new ways (the lead may judge): ``--inner-lr 1e-2.5`` near ``meta-lr
with a stray letter after the exponent``; ``--n-support 5.5`` near ``resume ... n-support
2.5``; ``--inner-steps 1.5`` near ``train resume an anil run with inner-steps 1.5``; ``--set
n_train_tasks=many`` near ``n_train_tasks=2.5``; ``--set subset_size=ten`` near ``resume a
subset run with set subset_size=0``; ``--seed 18446744073709551616`` near the library's seeds
2**64; ``resume reptile with --lam`` near ``resume a scratch run with inner-steps 3, a flag
scratch has not got``; ``evaluate --steps 0.5`` near ``scratch --steps -0.5``; ``--support
12`` near ``clusters n-query 12`` (train) and ``n_support 3`` (library); ``--tasks 600x`` near
``1e-3e``-like stray letters; ``--val-seed 0b101`` near ``0x0b``; ``'good.NPZ'`` near
``check_checkpoint_path a name ending .npz.``; ``compare --steps -300`` near ``compare steps 0``;
``compare --strategies newton`` near ``hyperparameters 'newton'``; ``meta_grad first_order
'false'`` near ``MAMLConfig check first_order the string 'False'``; ``anil_meta_grad
inner_steps True`` near ``meta_grad inner_steps 2.5``; ``sgd_path theta without the task axis``
near ``pooled_loss x and y of one task, without the task axis``; ``ridge_fit lam -1.0`` near
``ridge_fit lam inf``; ``newton_solve lam nan`` near ``tol nan``; ``reptile_direction theta_T
all NaN`` near ``theta_T None``; ``divergence_map Ks [2.5]`` and ``meta_gradient_norms Ks
[-1]`` near their inner_lrs cases; ``softmax_head_logits phi_query of 4 features`` near
``r2d2_logits phi_query of another task count``; ``R2D2Config n_query -5`` near ``Subset
built from a SubsetConfig of n_query -1``; ``PretrainedConfig meta_lr inf`` near its inner_lr
-0.01; ``ClosedFormConfig lam nan`` near its lam -1.0; ``with_test_time first_order 'no'``
near ``with_test_time inner_steps True``; ``make_family linear noise -0.1`` near
``LinearRegression noise -inf``; ``train seed 'zero'`` near ``train seed with a letter o for a
zero``; ``train resume=True without a checkpoint`` near the library resume cases; ``evaluate
n_support 10**9`` near ``GaussianClusters dim 100000000``; ``select_test_time candidates
'0.01'`` near ``candidates the single float 0.01``; ``select_test_time n_tasks 0`` near ``n_tasks
1.5``; ``interval values a 0-d array`` near ``interval axis 2 of a vector``; ``load_checkpoint
without its last 22 bytes`` near ``resume truncated``; ``meta/step nan`` near ``meta/step is
1.5``; ``state/adam/m/0 transposed`` near ``closed_form body_params transposed``; ``save_checkpoint
step '2'`` near ``step 2.5``; ``library train resume ... with an anil strategy`` near ``resume
an anil run with strategy closed_form``; ``MLP sizes (1, -8, 1)`` near ``finn_init sizes (1,
0, 1)``; ``MLP apply params in reverse order`` near ``apply params of another model``;
``per_task n_tasks [3]`` near ``per_task n_tasks 3.0``; ``adam_update beta2 1.0`` near
``beta1 1.0``; ``adam_rows rows [-4]`` near ``rows [5]``; ``batch_norm h 0-d`` near ``h 1-D``;
``batch_norm eps nan`` near ``eps YAML's not-a-number '.nan'``; ``Sinusoid amplitude (-5.0,
-0.1)`` near ``(5.0, 0.1)``; ``GaussianClusters dim '8'`` near ``dim bytes``; ``n_way nan`` near
``clusters n_way a float64``; ``cross_entropy logits complex`` near ``r2d2 phi_query complex``;
``accuracy y_onehot 2-D`` near ``accuracy logits 2-D for y 3-D``; ``mse y a list of two arrays``
near ``mse pred a list of strings``; the ``Quadratic`` cases near ``n_outputs is the string
'1'``, ``metric returns one number for the whole batch, in select_test_time``, ``metric returns
one value per task twice over`` and ``loss returns a Python list``; ``Omniglot n_way 1e400``
near ``n_way nan``; ``split 'valid'`` near evaluate's ``--split val``; ``dtype 'int8'`` near
``dtype 'float64 '``; ``sample n_query None`` near ``sample n_query 2.5``; ``finn_split
characters one
short`` near ``alphabets and characters swapped``; ``check_shots n_tasks -2`` near ``n_tasks
-1``; ``episodes shots 'one'`` near ``shots 0``; ``weights_path 'maml '`` near ``'mamll'``;
``with_step_size nan`` near ``-0.1``; ``--root ''`` near ``--root a file``; evaluate omniglot
``--tasks 0`` near ``--support 2 --query 2``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 103. After the
first run no case was added, removed, reordered or swapped; no mentions were changed; nothing
was corrected (the plumbing slip above was found and corrected before the first run).

Memory and time: library ``evaluate`` of n_support 10**9 ran under the ninety-sixth's
``_under_the_batteries_ulimit`` and was refused before any work (59.6 GiB named against the
7.22 GiB left); the other counts past any use (1e400, 2**64, inf) are checked before work.

First run at ebef44d (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset): kept, 60 of 63
clear (95.2%), 2 unclear, 1 silent, 0 data loss -- cli train 7/7, evaluate/compare 7/7, meta
functions 7/7, strategies 6/7, evaluate and train 6/7, checkpoints 7/7, nn/optim/batchnorm 7/7,
task families 6/7, omniglot 7/7. Written (``--written``): 100 of 103 clear (97.1%), 2 unclear,
1 silent, 0 data loss -- cli train 11/11, evaluate/compare 11/11, meta functions 12/12,
strategies 10/11, evaluate and train 11/12, checkpoints 11/11, nn/optim/batchnorm 11/11, task
families 12/13, omniglot 11/11. Under pytest (SCRATCHMETA_DATA unset): 61 passed (60 kept
cases and the wide-and-new test), 3 failed (the three cases below). (The three not clear are
all kept cases.) Rerun once after this docstring was written (script, kept and written, and
pytest): the same.

Not clear, kept:
- ``make_strategy newton_head on linear, a classification head on a regression family``:
  unclear [does not name ['linear']], ValueError "the closed-form head replaces the model's
  last layer, so the model needs a body of at least one layer; got sizes (1, 1)" -- refused
  before any work, but for the linear family's default model (one layer, no body), and it names
  neither the family ``linear`` nor ``newton_head``, nor that a softmax (classification) head
  is asked of a regression family; a user told to add a body would get another error, or a
  nonsense head.
- ``evaluate n_support 10**9, a support set too large for memory``: unclear [does not name
  ['n_support']], ValueError "held_out_tasks: n_tasks = 2 tasks of 1000000000 + 5 points,
  Sinusoid(amplitude=[0.1, 5.0], phase=[0.0, 3.141592653589793], x_range=[-5.0, 5. ... would
  need 59.6 GiB of memory at once, more than the 7.22 GiB left under this process's memory
  limit (ulimit -v); choose smaller sizes" -- refused before allocating, with the sizes, but
  the call was ``evaluate(..., n_support=10**9)`` and the message speaks of ``held_out_tasks``
  and "points", not of ``n_support`` (the lead may judge the mention: the value is named).
- ``Sinusoid amplitude (-5.0, -0.1), negative amplitudes, in held_out_tasks``: silent (no
  error) -- tasks were drawn with negative amplitudes. (The lead may judge whether this is a
  bad input: a negative amplitude is a sinusoid shifted by pi, so a user could mean the same
  tasks; the range the lecture and the default give is (0.1, 5.0).)

Not clear, written and not kept: none.

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --inner-lr:
expected a positive number, written in decimal digits, a point and an exponent, got '1e-2.5'
...", "error: --set lam=true: lam must be a finite number, got True (a bool)", "error: --lam
does not apply to --strategy reptile: it has no hyperparameter 'lam'", "error: --resume and
--force contradict each other: ...", "error: no checkpoint at '.../good.NPZ' (--checkpoint);
expected a .npz written by train", "ValueError: theta[0] must have a leading task axis of the
batch's 3 tasks (...)", "ValueError: '.../m0t.npz' is damaged: entry state/adam/m/0 has shape
(40, 1), but the parameter it follows, state/params/0, has shape (1, 40); expected (1, 40)",
"ValueError: cannot resume from .../good.npz: it was written by a different run (class:
checkpoint 'scratchmeta.meta.maml.MAML', this run 'scratchmeta.meta.anil.ANIL') ...",
"TypeError: UserQuadratic.metric (_metric_one_more) must return one real number per task, an
array of shape (2,) ..., got an array of dtype float64 and shape (3,)", "ValueError:
finn_split: alphabets and characters must name one character per entry, so have the same
length, got 1623 and 1622"). Clear by the harness but slightly off: ``with_test_time
first_order 'no'`` is refused because first_order is a training-time field ("first_order='no'
acts in meta-training only ..."), not because 'no' is not a bool; ``mse y`` a list of two
arrays prints the arrays' reprs over several lines; ``load_checkpoint`` without the zip's end
record says "is not a readable checkpoint: File is not a zip file" (clear, though it does not
say the file looks cut short); ``adam_rows rows [-4]`` says "rows must be at least 1 distinct
integer indices in 0..2 ..." (right, awkwardly worded); ``evaluate --support 12`` names
``n_support`` and ``--support 12 --query 5`` both.

Measured on main at ebef44d, the commit it was written at, blind (the lead reran it there,
with the hundred-and-thirteenth beside it): kept, 60 of 63 clear (95.2%), 2 unclear, 1 silent,
0 data loss. Round 76 (with sight of this file, not blind): R2-D2 and the Newton head check
the family's loss before the model's layers, so a classification head on linear names the
family; ClosedForm and R2-D2 refuse a model with no body through configure's one message,
which names the family; the memory check names n_support and n_query. The negative
amplitudes stay a strict xfail (doubtful).
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta import adapt
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.baselines import Pretrained, PretrainedConfig
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.closed_form import ClosedForm, ClosedFormConfig
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, interval, task_rng, with_test_time
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norms
from scratchmeta.meta.maml import meta_grad
from scratchmeta.meta.normalization import adaptation_curves
from scratchmeta.meta.omniglot_compare import episodes, weights_path, with_step_size
from scratchmeta.meta.r2d2 import R2D2, R2D2Config
from scratchmeta.meta.registry import default_model, hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_direction
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head_logits
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import step_rng, train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.tasks import Sinusoid, accuracy, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _clusters_run, _evaluate, _maml_state, _small
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _features, _maml, _meta,
                                          _problem, _resumed, _sample, _select, _set_entry)
from test_bad_inputs_ninetysixth import (_quadratic, _r2d2_run, _save_fields,
                                         _train_quadratic, _evaluate_quadratic,
                                         _under_the_batteries_ulimit)
from test_bad_inputs_ninetyeighth import _omniglot_run
from test_bad_inputs_hundredsecond import _adam, _needs_omniglot, _params
from test_bad_inputs_hundredsixth import _omniglot_maml, _rows

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train anil on linear with inner-lr 1e-2.5, an exponent with a fraction",
     _train("--strategy", "anil", "--family", "linear", "--inner-lr", "1e-2.5"),
     ["--inner-lr", "1e-2.5"]),
    ("train reptile on sinusoid with meta-batch -3",
     _train("--strategy", "reptile", "--meta-batch", "-3"), ["--meta-batch", "-3"]),
    ("train fomaml on linear with steps 10k, a count with a thousands suffix",
     _train("--strategy", "fomaml", "--family", "linear", "--steps", "10k"),
     ["--steps", "10k"]),
    ("train maml on clusters with n-support 5.5, a fraction for a count",
     _train("--family", "clusters", "--n-support", "5.5"), ["--n-support", "5.5"]),
    ("train pretrained on clusters with inner-steps 1.5, a float for a count",
     _train("--strategy", "pretrained", "--family", "clusters", "--inner-steps", "1.5"),
     ["--inner-steps", "1.5"]),
    ("train r2d2 on clusters with set lam=true, a word for a penalty",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "lam=true"),
     ["lam", "true"]),
    ("train newton_head on clusters with seed 18446744073709551616, a seed too large",
     _train("--strategy", "newton_head", "--family", "clusters", "--seed",
            "18446744073709551616"), ["--seed", "18446744073709551616"]),
    ("train multitask on sinusoid_frequency with set n_train_tasks=many, a word for a count",
     _train("--strategy", "multitask", "--family", "sinusoid_frequency", "--set",
            "n_train_tasks=many"), ["n_train_tasks", "many"]),
    ("train subset on sinusoid_frequency with set subset_size=ten, a word for a count",
     _train("--strategy", "subset", "--family", "sinusoid_frequency", "--set",
            "subset_size=ten"), ["subset_size", "ten"]),
    ("train resume a reptile run with lam 0.1, a flag reptile has not got",
     _resumed("reptile", "--lam", "0.1"), ["--lam"]),
    ("train scratch on clusters with log-every 1e400, a count that overflows",
     _train("--strategy", "scratch", "--family", "clusters", "--log-every", "1e400"),
     ["--log-every", "1e400"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate an anil run with steps 0.5, a fraction for a count",
     _evaluate(lambda d: _run(d, "anil"), "--steps", "0.5"), ["--steps", "0.5"]),
    ("evaluate a fomaml run with support 1/2, a count written as a ratio",
     _evaluate(lambda d: _run(d, "fomaml"), "--support", "1/2"), ["--support", "1/2"]),
    ("evaluate a scratch run with tasks 600x, a count with a stray letter",
     _evaluate(lambda d: _run(d, "scratch"), "--tasks", "600x"), ["--tasks", "600x"]),
    ("evaluate an r2d2 clusters run with query 5.0, a whole float for a count",
     _evaluate(_r2d2_run, "--support", "5", "--query", "5.0"), ["--query", "5.0"]),
    ("evaluate a maml clusters run with support 12, not a multiple of its 5 ways",
     _evaluate(_clusters_run, "--support", "12", "--query", "5"), ["--support", "12"]),
    ("evaluate with checkpoint 'good.NPZ', the good run's name with its suffix in capitals",
     lambda d: ["evaluate", "--checkpoint", str(_good(d).with_suffix(".NPZ")), "--tasks", "4",
                "--steps", "1"], ["good.NPZ"]),
    ("compare maml on linear with steps -300, a sign slip",
     _compare_on(["maml"], "linear", "--steps", "-300"), ["--steps", "-300"]),
    ("compare fomaml on sinusoid_frequency with support 10.5, a fraction for a count",
     _compare_on(["fomaml"], "sinusoid_frequency", "--support", "10.5"),
     ["--support", "10.5"]),
    ("compare subset on linear with query inf",
     _compare_on(["subset"], "linear", "--query", "inf"), ["--query", "inf"]),
    ("compare pretrained on sinusoid with val-seed 0b101, a seed in binary",
     _compare_on(["pretrained"], "sinusoid", "--val-seed", "0b101"), ["--val-seed", "0b101"]),
    ("compare strategies 'newton', a shortened newton_head",
     _compare_on(["newton"], "clusters", "--support", "5", "--query", "5"), ["newton"]),
]

# --- Chapter 2's functions

def _sgd_path_no_task_axis():
    model, params, batch = _problem()
    return next(adapt.sgd_path(params, batch, model, inner_lr=0.01, loss=mse))


def _ridge_lam_negative():
    return ridge_fit(_features(), np.ones((3, 5, 1)), -1.0)


def _newton_lam_nan():
    b = _clusters_batch()
    return newton_solve(b.x_support, b.y_support, float("nan"))


def _direction_nan():
    model, params, batch = _problem()
    theta_T = fine_tune_tasks(params, batch, model, inner_lr=0.01, inner_steps=1)
    return reptile_direction(params, [np.full_like(a, np.nan) for a in theta_T])


def _subset_lr_text():
    model, params, batch = _problem()
    return subset_meta_loss(params, batch, model, _rng(), subset_size=2, inner_lr="0.01",
                            inner_steps=1)


def _curves_float():
    model, params, batch = _problem()
    return adaptation_curves(params, batch, model, n_steps=2.5)


def _norms_ks_negative():
    model, params, batch = _problem()
    return meta_gradient_norms(params, batch, model, [-1], [0.01])


def _divergence_ks_float():
    return divergence_map(MLP((1, 8, 1)), Sinusoid(), [2.5], [0.01], n_steps=2, meta_batch=2)


def _softmax_query_narrow():
    b = _clusters_batch()
    return softmax_head_logits(b.x_support, b.y_support, b.x_query[..., :4], 1.0)


META_CASES = [
    ("meta_grad first_order the string 'false', a word for a switch",
     lambda d: _meta(meta_grad, first_order="false"), ["first_order", "false"]),
    ("anil_meta_grad inner_steps True, a bool for a count",
     lambda d: _meta(anil_meta_grad, inner_steps=True), ["inner_steps", "True"]),
    ("fine_tune_tasks inner_steps the word 'three'",
     lambda d: _meta(fine_tune_tasks, inner_steps="three"), ["inner_steps", "three"]),
    ("adapt.sgd_path theta the shared params, without the task axis",
     lambda d: _sgd_path_no_task_axis(), ["theta"]),
    ("ridge_fit lam -1.0, a negative penalty",
     lambda d: _ridge_lam_negative(), ["lam", "-1.0"]),
    ("newton_solve lam nan",
     lambda d: _newton_lam_nan(), ["lam", "nan"]),
    ("reptile_direction theta_T all NaN",
     lambda d: _direction_nan(), ["theta_T"]),
    ("subset_meta_loss inner_lr the text '0.01', a number as text",
     lambda d: _subset_lr_text(), ["inner_lr", "0.01"]),
    ("normalization adaptation_curves n_steps 2.5, a float for a count",
     lambda d: _curves_float(), ["n_steps", "2.5"]),
    ("meta_gradient_norms Ks [-1], a negative number of inner steps",
     lambda d: _norms_ks_negative(), ["Ks", "-1"]),
    ("divergence_map Ks [2.5], a fraction of an inner step",
     lambda d: _divergence_ks_float(), ["Ks", "2.5"]),
    ("softmax_head_logits phi_query of half the support's features",
     lambda d: _softmax_query_narrow(), ["phi_query"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy maml inner_lr the word 'fast'",
     lambda d: make_strategy("maml", meta_batch=2, inner_lr="fast"), ["inner_lr", "fast"]),
    ("make_strategy r2d2 family 'clusterz', a misspelling of clusters",
     lambda d: make_strategy("r2d2", family="clusterz", meta_batch=2), ["clusterz"]),
    ("make_strategy pretrained meta_lr a list [1e-3, 1e-4], where one step size is meant",
     lambda d: make_strategy("pretrained", meta_batch=2, meta_lr=[1e-3, 1e-4]),
     ["meta_lr"]),
    ("make_strategy newton_head on linear, a classification head on a regression family",
     lambda d: make_strategy("newton_head", family="linear", meta_batch=2), ["linear"]),
    ("hyperparameters 'maml,anil', two names in one string",
     lambda d: hyperparameters("maml,anil"), ["maml,anil"]),
    ("with_test_time first_order the word 'no', a word for a switch",
     lambda d: with_test_time(_maml(), first_order="no"), ["first_order", "no"]),
    ("R2D2 built from an R2D2Config of n_query -5",
     lambda d: R2D2(make_strategy("r2d2", family="clusters", meta_batch=2).model,
                    GaussianClusters(), R2D2Config(meta_batch=2, n_query=-5)),
     ["n_query", "-5"]),
    ("Pretrained built from a PretrainedConfig of meta_lr inf",
     lambda d: Pretrained(default_model(Sinusoid()), Sinusoid(),
                          PretrainedConfig(meta_batch=2, meta_lr=float("inf"))),
     ["meta_lr", "inf"]),
    ("ClosedForm built from a ClosedFormConfig of lam nan",
     lambda d: ClosedForm(default_model(Sinusoid()), Sinusoid(),
                          ClosedFormConfig(meta_batch=2, lam=float("nan"))), ["lam", "nan"]),
    ("default_model family the number 3",
     lambda d: default_model(3), ["family", "3"]),
    ("make_family linear noise -0.1, a negative noise level",
     lambda d: make_family("linear", noise=-0.1), ["noise", "-0.1"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train seed the word 'zero'",
     lambda d: train(_maml(), 2, "zero"), ["seed", "zero"]),
    ("train checkpoint the int 5, where a path is meant",
     lambda d: train(_maml(), 2, 0, checkpoint=5), ["checkpoint", "5"]),
    ("train resume True without a checkpoint to resume from",
     lambda d: train(_maml(), 2, 0, resume=True), ["resume", "checkpoint"]),
    ("evaluate n_steps the word 'ten'",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps="ten", **_small()),
     ["n_steps", "ten"]),
    ("evaluate n_support 10**9, a support set too large for memory",
     lambda d: _under_the_batteries_ulimit(
         lambda: evaluate(*_maml_state(), Sinusoid(), n_steps=1,
                          **_small(n_support=10 ** 9))), ["n_support", str(10 ** 9)]),
    ("evaluate a sinusoid maml strategy on GaussianClusters, another family's tasks",
     lambda d: evaluate(*_maml_state(), GaussianClusters(), n_steps=1,
                        **_small(n_support=5, n_query=5)), ["family"]),
    ("select_test_time candidates the text '0.01', a number as text",
     lambda d: _select(candidates="0.01"), ["candidates", "0.01"]),
    ("select_test_time n_tasks 0, no validation tasks",
     lambda d: _select(n_tasks=0), ["n_tasks", "0"]),
    ("held_out_tasks n_query the word 'ten'",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, "ten"), ["n_query", "ten"]),
    ("task_rng i None",
     lambda d: task_rng(22, None), ["None"]),
    ("interval values a 0-d array, one number",
     lambda d: interval(np.array(3.0)), ["values"]),
    ("training step_rng seed 2**64, a seed too large",
     lambda d: step_rng(2 ** 64, 1), ["seed", str(2 ** 64)]),
]

# --- checkpoints

def _no_end_record(d):
    data = _good(d).read_bytes()
    path = d / "noend.npz"
    path.write_bytes(data[:-22])
    return path


def _resume_other_strategy(d):
    return train(make_strategy("anil", meta_batch=2), 4, 0, checkpoint=_good(d), resume=True)


P1_TEXT = _set_entry("p1text", "state/params/1", lambda a: np.full(a.shape, "x"))
M0_T = _set_entry("m0t", "state/adam/m/0", lambda a: a.T)
STEP_NAN = _set_entry("stepnan", "meta/step", lambda a: np.array(np.nan))
NO_T = lambda d: _damaged(d, "not", lambda a: a.pop("state/adam/t"))
P1_COMPLEX = _set_entry("p1cplx", "state/params/1", lambda a: a + 1j)


CHECKPOINT_CASES = [
    ("load_checkpoint path the int 3",
     lambda d: load_checkpoint(3), ["path", "3"]),
    ("load_checkpoint the good checkpoint without its last 22 bytes, the zip's end record",
     lambda d: load_checkpoint(_no_end_record(d)), ["noend.npz"]),
    ("restore a checkpoint whose state/params/1 is text",
     lambda d: restore(P1_TEXT(d)), ["state/params/1"]),
    ("restore a checkpoint whose state/adam/m/0 is transposed",
     lambda d: restore(M0_T(d)), ["state/adam/m/0"]),
    ("restore a checkpoint whose meta/step is nan",
     lambda d: restore(STEP_NAN(d)), ["meta/step"]),
    ("restore a checkpoint whose state/adam/t entry is missing",
     lambda d: restore(NO_T(d)), ["state/adam/t"]),
    ("save_checkpoint step the text '2', a number as text",
     lambda d: _save_fields(d, step="2"), ["step", "2"]),
    ("save_checkpoint config a list, where the recorded configuration dict is meant",
     lambda d: _save_fields(d, config=[1, 2]), ["config"]),
    ("evaluate on the command line a checkpoint whose state/params/1 is complex",
     lambda d: ["evaluate", "--checkpoint", str(P1_COMPLEX(d)), "--tasks", "4",
                "--steps", "1"], ["state/params/1"]),
    ("train on the command line resume the good run with force as well, two options that "
     "conflict",
     lambda d: ["train", "--resume", "--force", "--steps", "4", "--out", str(_good(d))],
     ["--resume", "--force"]),
    ("library train resume the good maml checkpoint with an anil strategy",
     lambda d: _resume_other_strategy(d), ["anil"]),
]

# --- nn, optim, batchnorm

NN_CASES = [
    ("MLP sizes (1, -8, 1), a negative width",
     lambda d: MLP((1, -8, 1)).init(_rng()), ["sizes", "-8"]),
    ("MLP sizes the text '1,40,1', where a tuple of widths is meant",
     lambda d: MLP("1,40,1").init(_rng()), ["sizes", "1,40,1"]),
    ("MLP apply x None",
     lambda d: MLP((1, 8, 1)).apply(_params(), None), ["x"]),
    ("MLP apply params in reverse order",
     lambda d: MLP((1, 8, 1)).apply(_params()[::-1], np.zeros((1, 5, 1))), ["params"]),
    ("per_task n_tasks a list [3], where one count is meant",
     lambda d: per_task(_params(), [3]), ["n_tasks"]),
    ("adam_update lr the word 'auto'",
     lambda d: _adam(lr="auto"), ["lr", "auto"]),
    ("adam_update beta2 1.0, a bias correction dividing by zero",
     lambda d: _adam(beta2=1.0), ["beta2", "1.0"]),
    ("adam_rows rows [-4], before its first row",
     lambda d: _rows(rows=np.array([-4])), ["rows", "-4"]),
    ("batch_norm h a 0-d array, one number",
     lambda d: batch_norm(np.array(3.0)), ["h"]),
    ("batch_norm eps nan",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), eps=float("nan")), ["eps", "nan"]),
    ("finn_init sizes (), no layers at all",
     lambda d: finn_init(_rng(), ()), ["sizes"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _metric_scalar(self, pred, y):
    return 0.5


def _metric_one_more(self, pred, y):
    errors = np.mean((np.asarray(pred) - np.asarray(y)) ** 2, axis=(1, 2))
    return np.append(errors, errors[-1])


def _loss_none(pred, y):
    return None


TASK_CASES = [
    ("Sinusoid amplitude (-5.0, -0.1), negative amplitudes, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=(-5.0, -0.1)), 2, 5, 5), ["amplitude"]),
    ("Sinusoid x_range the word 'wide', in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range="wide"), 2, 5, 5), ["x_range", "wide"]),
    ("SinusoidFrequency frequency (0.5, inf), in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(0.5, np.inf)), 2, 5, 5),
     ["frequency"]),
    ("GaussianClusters dim the text '8', in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim="8"), 2, 5, 5), ["dim", "8"]),
    ("GaussianClusters n_way nan, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way=np.nan), 2, 5, 5), ["n_way", "nan"]),
    ("make_family 'Sinusoid', the class's capital",
     lambda d: make_family("Sinusoid"), ["Sinusoid"]),
    ("cross_entropy logits complex",
     lambda d: cross_entropy(np.zeros((2, 5, 3)) + 1j, np.eye(3)[np.zeros((2, 5), int)]),
     ["logits"]),
    ("accuracy y_onehot 2-D for logits 3-D",
     lambda d: accuracy(np.zeros((2, 5, 3)), np.eye(3)[np.zeros(5, int)]), ["y_onehot"]),
    ("mse y a list of two arrays, one per task, where one array is meant",
     lambda d: mse(np.zeros((2, 5, 1)), [np.ones((5, 1)), np.ones((4, 1))]), ["y"]),
    ("a user's Quadratic TaskFamily whose n_outputs is 1.5, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(n_outputs=1.5), 2, 5, 5), ["n_outputs", "1.5"]),
    ("a user's Quadratic TaskFamily whose metric returns the float 0.5, one number for "
     "all tasks, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_scalar)), ["metric"]),
    ("a user's Quadratic TaskFamily whose metric returns one value more than its tasks, in "
     "evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_one_more)), ["metric"]),
    ("a user's Quadratic TaskFamily whose loss returns None, in train",
     lambda d: _train_quadratic(_quadratic(loss=staticmethod(_loss_none))), ["loss"]),
]

# --- Omniglot

OMNIGLOT_CASES = [
    ("Omniglot n_way 1e400, a count that overflows to inf",
     lambda d: _sample(Omniglot(1e400, data=_data())), ["n_way", "inf"]),
    ("Omniglot split 'valid', a short validation",
     lambda d: _sample(Omniglot(5, split="valid", data=_data())), ["split", "valid"]),
    ("Omniglot dtype 'int8', an integer type for images",
     lambda d: _sample(Omniglot(5, data=_data(), dtype="int8")), ["dtype", "int8"]),
    ("Omniglot sample n_query None",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, 5, None), ["n_query", "None"]),
    ("finn_split characters one shorter than alphabets",
     lambda d: finn_split(_data().alphabets, _data().characters[:-1]), ["characters"]),
    ("check_shots n_tasks -2",
     lambda d: check_shots(5, -2, 5, 5), ["n_tasks", "-2"]),
    ("omniglot_compare episodes shots the word 'one'",
     lambda d: episodes(Omniglot(5, data=_data()), 2, "one", 0), ["shots", "one"]),
    ("omniglot_compare weights_path name 'maml ' with a trailing space",
     lambda d: weights_path(d, "maml ", 1), ["maml"]),
    ("omniglot_compare with_step_size step_size nan",
     lambda d: with_step_size(_omniglot_maml(), float("nan")), ["step_size", "nan"]),
    ("train omniglot on the command line with root '', an empty folder name",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--root", "", "--out", str(d / "omni.npz")], ["--root"]),
    ("evaluate on the command line an omniglot run with tasks 0",
     lambda d: _evaluate(_omniglot_run, "--support", "5", "--query", "5", "--tasks", "0")(d),
     ["--tasks", "0"]),
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
    'Sinusoid amplitude (-5.0, -0.1), negative amplitudes, in held_out_tasks':
        'silent at ebef44d: no error (doubtful: A sin(x - phi) with A < 0 is a sinusoid, the '
        'same wave shifted by pi, as Sinusoid\'s docstring says and the tenth and twentieth '
        'batteries ruled)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredtwelfth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredtwelfth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
