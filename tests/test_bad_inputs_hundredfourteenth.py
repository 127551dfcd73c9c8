"""A hundred-and-fourteenth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (used as the
templates use it; its head was not reread). Written blind, in a worktree at commit c0a0e5f, from
the user's side only: the README; ``--help`` of ``train``, ``evaluate`` and ``compare``; the
public names and signatures (``inspect.signature``) of ``scratchmeta.meta``'s modules used
below (``maml``, ``anil``, ``reptile``, ``ridge``, ``softmax_head``, ``subset``, ``exploding``,
``normalization``, ``guard``, ``adapt``, ``multitask``, ``r2d2``, ``closed_form``,
``maml_low_rank``, ``newton_head``, ``baselines``, ``registry``, ``evaluate``, ``training``,
``checkpoint``, ``omniglot_compare``; not ``checks``/``protocol``/``messages``), ``nn``,
``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; the hundred-and-twelfth and hundred-and-tenth batteries (the
templates: the twelfth in full, the tenth from its imports on, not its docstring); the
signatures of the earlier batteries' shared helpers (imported, not copied: ``_good``,
``_damaged``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the ninety-second's
``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's ``_clusters_batch``,
``_compare_on``, ``_features``, ``_maml``, ``_meta``, ``_problem``, ``_resumed``, ``_sample``,
``_select``, ``_set_entry``, the ninety-sixth's ``_quadratic``, ``_save_fields``,
``_train_quadratic``, ``_evaluate_quadratic`` and the method names and signatures of its
``Quadratic``), used as the templates use them (their bodies were not read). No library
source, library docstring, validation module, history or file of /work/main was read.
Disclosed: the commit above was read with ``git rev-parse --short HEAD`` (its short hash only);
the signature listing showed defaults (e.g. ``MultitaskConfig``'s fields, ``omniglot.load``'s
``parts``). Before the first run, good calls were made to get the plumbing right
(``reptile_step``, ``population_statistics``, ``inner_advice``, ``ridge_head``,
``softmax_head_unrolled``, ``subset_indices``, ``meta_gradient_norm``, ``ridge_fit`` with
``form='primal'``, ``meta_loss_low_rank`` through ``_meta``, ``families``, ``build``,
``episodes``, ``accuracy_curves``, ``check_shots``, ``finn_split``, ``NewtonHead`` from a good
``NewtonHeadConfig``, ``make_strategy`` of reptile/closed_form/r2d2/multitask with good values,
``_select``, ``evaluate`` with ``_small()``, the good checkpoint's entry names (listed once with
``np.load(...).keys()``, to name the entries changed below), ``cross_entropy``, ``batch_norm``
with a good ``scale``, ``content_hash([])``). Three showed plumbing slips, corrected before any
run: ``population_statistics`` needs a batch-norm network (the case builds ``MLP((1, 8, 1),
batch_norm=True)``); ``accuracy_curves``' batch and ``check_shots`` had n_support 1 for 5 ways
(now 5, one drawing a class). Every case writes only inside its temporary folder (``git status
--short`` after the runs shows this file only). The id list, scripts and a per-case message
listing were kept outside the worktree, in /tmp/wt114_scratch. SCRATCHMETA_DATA was unset. The
runs were made as root (so no read-only-folder case was written: root writes through it).

Areas, as written: train on the command line -- maml and reptile on linear, pretrained on
sinusoid and linear, closed_form and scratch on sinusoid, anil on sinusoid_frequency, subset on
linear, multitask and newton_head on clusters, one resumed (pretrained) (11); evaluate and
compare on the command line -- runs of maml, reptile, closed_form, subset, multitask, fomaml;
compare of maml, closed_form on sinusoid, anil on linear, reptile on sinusoid_frequency, a
repeated strategy (11); Chapter 2's functions -- meta_grad, anil_meta_loss, reptile_step,
meta_loss_low_rank, ridge_fit, ridge_head, softmax_head_unrolled, subset_indices,
meta_gradient_norm, population_statistics, inner_advice (11); strategies and the registry --
make_strategy (maml, subset, anil, reptile, closed_form, scratch, r2d2, fomaml), hyperparameters,
with_test_time, NewtonHead from a NewtonHeadConfig (11); library train, evaluate,
select_test_time, held_out_tasks, task_rng (11); checkpoints -- load_checkpoint, restore,
save_checkpoint, train and evaluate on the command line (11); nn/optim/batchnorm -- MLP
activation, batch_norm, dtype, init, apply; split, per_task, adam_init, adam_update, adam_rows,
batch_norm (11); task families -- LinearRegression, Sinusoid, SinusoidFrequency,
GaussianClusters, make_family, cross_entropy, accuracy, the ninety-sixth's ``Quadratic`` with
one method changed (12); Omniglot -- Omniglot's n_way, rotate, n_train, sample; finn_split,
check_shots, omniglot_compare's families, build, episodes, accuracy_curves;
datasets.omniglot's content_hash; train omniglot on the command line (12): 101.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --inner-lr 1% (a percentage), --inner-steps 0x20, --set inner_lr=None, --set
  first_order=maybe, --lam '' (empty); evaluate --steps '5 steps', --seed 22.5, --support ten,
  --query 100.5, --tasks all, --seed 0x16; compare --adapt-steps ten, --val-tasks twenty;
  meta_loss_low_rank inner_steps 'two', reptile_step inner_steps 0.5, ridge_head and
  softmax_head_unrolled lam a word, subset_indices n_tasks 2.5; make_strategy subset_size 2.0,
  first_order 2, learn_scale 'auto', family a list of two names, with_test_time inner_lr a list,
  NewtonHeadConfig n_query 2.5; train resume 'yes', log_every 0.5, progress 'print'; evaluate
  n_tasks 'all', seed 1.5; held_out_tasks n_tasks 2.0; task_rng seed 1.5; save_checkpoint
  meta_losses text, changes a list of numbers; MLP batch_norm 0.5, init rng 0.5; split params a
  tuple of strings; adam_init params a dict; adam_update lr a list, adam_rows lr 'fast';
  LinearRegression noise 'low', SinusoidFrequency amplitude 'large', GaussianClusters n_way 5.5;
  accuracy logits None; Omniglot n_way 2.5, rotate 'yes', finn_split n_validation 2.5,
  check_shots n_query 'five', families data a list of arrays, build shots 2.5, episodes n_tasks
  'ten', accuracy_curves n_steps 'five', content_hash members None;
- out of range -- zero, negative, NaN, inf, huge, a seed too large: --meta-lr -inf, --steps
  inf, compare --tasks 1e400, --eval-seed nan; meta_grad inner_lr 1e400, anil_meta_loss
  inner_lr -inf, meta_gradient_norm inner_lr -0.5, inner_advice inner_steps -1; make_strategy
  reptile meta_lr 0.0, scratch inner_lr -inf, r2d2 scale 0.0; select_test_time max_steps -3,
  n_query 0; held_out_tasks start -1; per_task n_tasks 1e400; GaussianClusters spread nan;
  Omniglot n_train 0, sample n_support -1; Adam's second moment negative and a first moment
  -inf in a checkpoint; huge (memory): train pretrained --n-support 1000000000 on the command
  line (refused before allocating, as the issue expects of the CLI; the run is under
  ``ulimit -v 8000000`` anyway);
- a wrong shape or empty: population_statistics x of 2 features for 1 input, MLP apply x 1-D,
  batch_norm scale of 5 for 3 features, LinearRegression mean of one number, cross_entropy
  y_onehot integer labels, restore state/adam/t a 2x2 array and state/params/0 0-d, Sinusoid
  x_range high to low;
- a user's function that misbehaves (``Quadratic``): sample_x complex, target a float,
  sample_params None;
- files and paths: load_checkpoint of an .npy written by np.save under a .npz name; restore with
  state/adam/t a fraction; evaluate a checkpoint without meta/step; save_checkpoint path under a
  file; train --out a path ending in a slash;
- mismatches: train --resume of a pretrained run with --strategy scratch; newton_head on
  clusters with --n-support 7 (5 ways);
- typos and misspellings: --set head_init=closedform, compare strategies maml twice, ridge_fit
  form 'primial', make_strategy mete_lr, hyperparameters 'MAML', evaluate on_divergence
  'raize', MLP activation 'tanhh', dtype 'bfloat16', make_family 'gaussian_clusters', train
  omniglot --dtype Float32.

Repeats: the 14,101 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively
by function and all mentions, and by first four words), over three rounds, and by about 130
function-and-kind greps over the same list (e.g. ``adam_update beta2``, ``adam_rows eps``,
``MLP dtype``, ``MLP batch_norm``, ``Omniglot n_way``, ``Omniglot n_train``, ``episodes
shots``, ``train checkpoint``, ``evaluate chunk_size``, ``train history``, ``task_rng seed``,
``interval values``, ``held_out_tasks n_support``, ``reptile_step meta_lr``,
``meta_loss_low_rank inner_steps``, ``sharpness seed``, ``meta_grad inner_steps``,
``NewtonHead.*lam``, ``per_task params``, ``finn_init rng``, ``offset of``, ``restore root``,
``save_checkpoint step``, ``under a file``, ``.npy``, ``cache_dir``, ``rotate``, ``high to
low|reversed``, ``1/100``, ``decimal comma``, ``hexadecimal``, ``steps 100001``,
``eval-seed``, ``empty value``, ``repeated|twice``). Drafts replaced before any run because
the script or a grep found their id or substance (nine exact ids among them): train maml
--inner-lr 0,01 (decimal comma), anil --meta-lr nan, r2d2 --meta-batch 1000000000 (10**12
tried), subset --set subset_size=-3, newton_head --meta-lr 0 (closed_form tried), --set
learn_lam=maybe (r2d2 tried), fomaml --checkpoint-every -5; evaluate --steps 100001, --seed
-22, --support '', --tasks 10000000, --tasks -600 (exact), --root for a sinusoid run; compare
--tasks 0, --adapt-steps -1, --eval-seed 1.5, strategies 'MAML', scratch --support 0;
meta_grad inner_lr None, anil_meta_loss inner_lr nan, reptile_step meta_lr 2.0,
softmax_head_unrolled n_steps -1 (exact), subset_indices subset_size 10 of 5, with_bias 1-D,
sharpness iterations 0, grad_norm None, adapt.after n_steps -1; make_strategy family the
Sinusoid class, anil n_query 0, reptile batched 'yes', with_test_time inner_lr '0.1',
NewtonHead lam -1.0, strategy_from_config record 'maml'; train n_steps True, checkpoint_every
0, overwrite 'no', evaluate chunk_size 0 (exact) and 2.5, seed -1, select_test_time
candidates [0.01, -0.01] (exact), seed 'eleven', held_out_tasks family 'linear', task_rng i
-3, interval axis 'rows'; load_checkpoint an empty file, restore state/params/2 flattened, a
missing state/params/0, root 5, save_checkpoint seed -3, evaluate a checkpoint with
state/params/0 all NaN, train --out 'run.txt', library resume with seed 1; MLP activation
'Relu', batch_norm 'yes' and 2, dtype 'int32' and 'complex128', init rng 0, split None,
per_task -2, adam_update beta1 -0.1 (exact) and eps -1e-08 and eps nan (exact), adam_rows lr
nan and beta1 1.5, batch_norm offset of 2 for 3, finn_init rng 3; Sinusoid phase (3.0, 0.0),
SinusoidFrequency frequency (2.0, 0.5), GaussianClusters n_way 1 (exact), n_way '5', dim 0,
make_family 'sine' and 'sinusoids', cross_entropy y_onehot summing to 2 (exact), Quadratic
n_inputs 0 (exact); Omniglot n_way -5 (exact), n_train 2000, n_validation 5000, finn_split
n_train -5, check_shots n_support 25, families data None, n_way 'five', build 'Reptile',
episodes n_tasks 0 and seed -1 (exact), accuracy_curves n_steps -1 and chunk 0, omniglot load
root 5, train omniglot --dtype float16. Nine more drafts, the last of each area, were dropped
before any run to bring the count to about 100 (fomaml --checkpoint-every 1k, compare scratch
on clusters --support 7, adapt.after n_steps 'all', make_strategy multitask head_steps -1,
interval values complex, library resume with checkpoint a folder, finn_init sizes '1,8,1', the
Quadratic's n_inputs -1, evaluate omniglot --support 21). No exact id repeats (checked by the
script against the same list).

Near earlier ids, kept as new ways (the lead may judge): ``--inner-lr 1%`` near ``inner-lr
written as a fraction 1/100``; ``--lam ''`` near ``set lam with an empty value``; ``--inner-steps
0x20`` near the compare options in hexadecimal; ``--n-support 1000000000`` near ``r2d2
--meta-batch 1000000000000``; ``--set first_order=maybe`` near ``set first_order=null``;
``--n-support 7`` for 5 ways near ``compare newton_head --query 8``; ``resume a pretrained run
with --strategy scratch`` near ``resume an anil run with strategy closed_form``; ``evaluate
--seed 22.5`` near ``--seed 22.0``; ``--seed 0x16`` near ``--val-seed 0b101``; ``--query
100.5`` near ``--support 0.5``; ``compare --tasks 1e400`` near ``held_out_tasks n_tasks 1e400``;
``compare --eval-seed nan`` near ``--eval-seed inf``; ``strategies maml, fomaml, maml`` near
``strategies joined by a comma``; ``meta_grad inner_lr 1e400`` near ``anil_meta_grad inner_lr
inf``; ``anil_meta_loss inner_lr -inf`` near ``a complex NaN``; ``reptile_step inner_steps
0.5`` near ``meta_loss inner_steps 2.5``-like cases; ``meta_loss_low_rank inner_steps 'two'``
near ``True``; ``ridge_fit form 'primial'`` near ``form a UserString``; ``ridge_head lam
'auto'`` and ``softmax_head_unrolled lam 'one'`` near ``lam a list``; ``subset_indices n_tasks
2.5`` near ``n_support 2.5``; ``meta_gradient_norm inner_lr -0.5`` near ``inner_lr inf``;
``inner_advice inner_steps -1`` new function; ``make_strategy family a list`` near ``evaluate
family a list of two Sinusoids``; ``subset_size 2.0`` near ``subset_size -3``; ``anil first_order
2`` near ``subset first_order 'no'``; ``reptile meta_lr 0.0`` near ``closed_form --meta-lr 0``;
``scratch inner_lr -inf`` near ``scratch n_query -2``; ``hyperparameters 'MAML'`` near ``compare
strategies 'MAML'``; ``with_test_time inner_lr a list`` near ``'0.01'``; ``NewtonHeadConfig
n_query 2.5`` near ``n_support 0``; ``train resume 'yes'`` near ``overwrite a word``;
``progress 'print'`` near ``progress 1``; ``on_divergence 'raize'`` near ``'skip'``;
``evaluate seed 1.5`` near ``select_test_time seed a float``; ``select_test_time n_query 0`` near
``n_support 0``; ``held_out_tasks start -1`` near ``start '0'``; ``task_rng seed 1.5`` near ``i
1.5``; ``load_checkpoint`` of an np.save file near ``evaluate checkpoint a .npy file``; the
restore cases near ``v/1 holds inf``, ``t is -2``, ``params/0 has one extra row``; ``meta_losses
'none yet'`` near ``a csv.reader``; ``path under a file`` near ``out under a file``; ``changes
[1, 2]`` near ``changes 'inner_lr'``; ``--out .../runs/`` near ``an existing folder``; ``without
meta/step`` near ``meta/step the text '2'``; ``activation 'tanhh'`` near ``'relu,tanh'``;
``batch_norm 0.5`` near ``batch_norm 2``; ``dtype 'bfloat16'`` near ``'complex128'``; ``rng
0.5`` near ``rng an int 0``; ``split`` a tuple of strings near ``a dict of arrays``;
``per_task 1e400`` near ``2**70``; ``adam_init`` a dict near ``pytorch-style parameter
groups``; ``adam_update lr`` a list near ``a Decimal``; ``adam_rows lr 'fast'`` near ``lr
nan``; ``batch_norm scale of 5`` near ``offset of 2 values for 3``; ``mean (1.0,)`` near
``(nan, 0.5)``; ``noise 'low'`` near ``-0.1``; ``x_range (5.0, -5.0)`` near ``SinusoidFrequency
phase (3.0, 0.0)``; ``amplitude 'large'`` near ``amplitude 5.0``; ``n_way 5.5`` near ``n_way
-5``; ``spread nan`` near ``spread inf``; ``'gaussian_clusters'`` near ``'cluster'``;
``y_onehot`` integer labels near ``y_onehot a string``; ``accuracy logits None`` near ``logits
1-D``; the Quadratic cases near ``sample_x is a generator function``, ``a target returning
nan``, ``sample_params returns None``-like cases of other families; ``Omniglot n_way 2.5`` near
``families n_way 2.5``; ``rotate 'yes'`` near ``rotate YAML 1.1's 'on'``; ``n_train 0`` near
``n_train -5``; ``sample n_support -1`` near ``n_support 0``; ``finn_split n_validation 2.5``
near ``n_validation nan``; ``check_shots n_query 'five'`` near ``n_support a float.hex
string``; ``families data`` a list near ``data None``; ``build shots 2.5`` near ``build shots
0``; ``episodes n_tasks 'ten'`` near ``n_tasks 0``; ``accuracy_curves n_steps 'five'`` near
``-1``; ``content_hash members None`` new function; ``--dtype Float32`` near ``--dtype
float16``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 63 of the 101. After the
first run no case was added, removed, reordered or swapped; no mentions were changed; nothing
was corrected (the plumbing slips above were found and corrected before the first run).

Memory and time: the one huge case (train pretrained ``--n-support 1000000000`` on the command
line) was refused before allocating (3.58 TiB named against the 7.22 GiB left, "given as
--meta-batch 2, --n-support 1000000000"); the library counts past any use (1e400, inf) are
checked before work. No case needed the ninety-sixth's ``_under_the_batteries_ulimit``.

First run at c0a0e5f (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, 63 of 63 clear (100.0%), 0 unclear, 0 silent, 0 data loss -- cli train 7/7,
evaluate/compare 7/7, meta functions 7/7, strategies 7/7, evaluate and train 7/7, checkpoints
7/7, nn/optim/batchnorm 7/7, task families 7/7, omniglot 7/7. Written (``--written``): 100 of
101 clear (99.0%), 0 unclear, 1 silent, 0 data loss -- cli train 11/11, evaluate/compare 11/11,
meta functions 11/11, strategies 11/11, evaluate and train 11/11, checkpoints 11/11,
nn/optim/batchnorm 10/11, task families 12/12, omniglot 12/12. Under pytest (SCRATCHMETA_DATA
unset): 64 passed (63 kept cases and the wide-and-new test). Rerun once after this docstring
was written (script, kept and written, and pytest): the same.

Not clear, kept: none.

Not clear, written and not kept:
- ``adam_init params a dict of arrays, where a list is meant``: silent (no error) -- Adam's
  state was built for ``{"w": np.ones(3)}``. Doubtful as a bad input: the engine has pytrees
  (``pytrees.py``), so a dict of arrays may be a valid tree of parameters for ``adam_init``; the
  lead may judge (the networks' parameters are lists, and ``adam_update`` was not tried with it).

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: train: argument --inner-lr:
expected a positive number, written in decimal digits, a point and an exponent, got '1%' ...",
"error: --set inner_lr=None: inner_lr must be a finite number, got 'None' (a string)", "error:
head_init must be one of ('zero', 'random', 'closed_form'), got 'closedform' (--strategy
multitask --family clusters) (given as --set head_init=closedform)", "error: --resume:
.../pretrained.npz holds a pretrained run on sinusoid, this command asks for --strategy scratch
--family sinusoid; pass --strategy pretrained --family sinusoid", "error: --strategies names
maml twice; give each once", "ValueError: form must be one of ('auto', 'primal', 'dual'), got
'primial'", "ValueError: strategy FOMAML has no hyperparameter 'mete_lr'; it takes [...]",
"ValueError: '.../one.npz' is not a checkpoint: it holds a single NumPy array (.npy), not a .npz
archive written by train", "ValueError: '.../v1neg.npz' is damaged: entry state/adam/v/1 holds
40 negative values; Adam's second moments are means of squares, never negative", "ValueError:
path (a .npz checkpoint) must be a file path, got '.../afile/run.npz', which goes through
'.../afile', a file, not a folder", "ValueError: UserQuadratic.sample_x must return inputs x,
real numbers of shape (tasks, points, n_inputs) = (1, 10, 1), got shape (1, 10, 1) and dtype
complex128"). Clear by the harness but slightly off: ``restore ... state/adam/t is a 2x2
array`` is refused for its dtype ("must hold integers ... got float64"), the case's array being
float, not for its shape; ``with_test_time inner_lr`` a list says "must be a positive finite
number, got [0.01, 0.1]" (right, though a list is a type slip, not a range one); ``families
data`` a list prints the arrays' repr over several lines; ``check_shots n_query 'five'`` says
"an integer of at least 0" (right).

Measured on main at c0a0e5f, the commit it was written at, blind (the lead reran it there,
with the hundred-and-fifteenth beside it): kept, 63 of 63 clear (100%), 0 data loss. The one
written case not kept and not clear, adam_init given a dict of arrays, is a pytree of
parameters, which the engine and adam_init take: not a bad input.
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks,
                                       task_rng, with_test_time)
from scratchmeta.meta.exploding import meta_gradient_norm
from scratchmeta.meta.guard import inner_advice
from scratchmeta.meta.maml import meta_grad
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.newton_head import NewtonHead, NewtonHeadConfig
from scratchmeta.meta.normalization import population_statistics
from scratchmeta.meta.omniglot_compare import accuracy_curves, build, episodes, families
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import softmax_head_unrolled
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, cross_entropy

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
    ("train maml on linear with inner-lr 1%, a step as a percentage",
     _train("--family", "linear", "--inner-lr", "1%"), ["--inner-lr", "1%"]),
    ("train anil on sinusoid_frequency with meta-lr -inf",
     _train("--strategy", "anil", "--family", "sinusoid_frequency", "--meta-lr", "-inf"),
     ["--meta-lr", "-inf"]),
    ("train closed_form on sinusoid with lam '', an empty value",
     _train("--strategy", "closed_form", "--lam", ""), ["--lam"]),
    ("train reptile on linear with inner-steps 0x20, a count in hexadecimal",
     _train("--strategy", "reptile", "--family", "linear", "--inner-steps", "0x20"),
     ["--inner-steps", "0x20"]),
    ("train pretrained on sinusoid with n-support 1000000000, a support set too large for "
     "memory",
     _train("--strategy", "pretrained", "--n-support", "1000000000"),
     ["--n-support", "1000000000"]),
    ("train pretrained on linear with set inner_lr=None, a word for a step size",
     _train("--strategy", "pretrained", "--family", "linear", "--set", "inner_lr=None"),
     ["inner_lr", "None"]),
    ("train scratch on sinusoid with steps inf, a run without end",
     _train("--strategy", "scratch", "--steps", "inf"), ["--steps", "inf"]),
    ("train subset on linear with set first_order=maybe, a word for a switch",
     _train("--strategy", "subset", "--family", "linear", "--set", "first_order=maybe"),
     ["first_order", "maybe"]),
    ("train multitask on clusters with set head_init=closedform, a misspelt head init",
     _train("--strategy", "multitask", "--family", "clusters", "--set",
            "head_init=closedform"), ["head_init", "closedform"]),
    ("train newton_head on clusters with n-support 7, not a multiple of its 5 ways",
     _train("--strategy", "newton_head", "--family", "clusters", "--n-support", "7"),
     ["--n-support", "7"]),
    ("train resume a pretrained run with strategy scratch, another strategy than the run's",
     _resumed("pretrained", "--strategy", "scratch"), ["scratch"]),
]

# --- the command line: evaluate and compare

CLI_OTHER_CASES = [
    ("evaluate a maml run with steps '5 steps', a unit after the count",
     _evaluate(lambda d: _run(d, "maml"), "--steps", "5 steps"), ["--steps", "5 steps"]),
    ("evaluate a reptile run with seed 22.5, a fraction for a seed",
     _evaluate(lambda d: _run(d, "reptile"), "--seed", "22.5"), ["--seed", "22.5"]),
    ("evaluate a closed_form run with support the word 'ten'",
     _evaluate(lambda d: _run(d, "closed_form"), "--support", "ten"), ["--support", "ten"]),
    ("evaluate a subset run with query 100.5, a fraction for a count",
     _evaluate(lambda d: _run(d, "subset"), "--query", "100.5"), ["--query", "100.5"]),
    ("evaluate a multitask run with tasks the word 'all'",
     _evaluate(lambda d: _run(d, "multitask"), "--tasks", "all"), ["--tasks", "all"]),
    ("evaluate a fomaml run with seed 0x16, a seed in hexadecimal",
     _evaluate(lambda d: _run(d, "fomaml"), "--seed", "0x16"), ["--seed", "0x16"]),
    ("compare maml on sinusoid with tasks 1e400, a count that overflows",
     _compare_on(["maml"], "sinusoid", "--tasks", "1e400"), ["--tasks", "1e400"]),
    ("compare anil on linear with adapt-steps the word 'ten'",
     _compare_on(["anil"], "linear", "--adapt-steps", "ten"), ["--adapt-steps", "ten"]),
    ("compare closed_form on sinusoid with eval-seed nan",
     _compare_on(["closed_form"], "sinusoid", "--eval-seed", "nan"), ["--eval-seed", "nan"]),
    ("compare reptile on sinusoid_frequency with val-tasks 'twenty', a word for a count",
     _compare_on(["reptile"], "sinusoid_frequency", "--val-tasks", "twenty"),
     ["--val-tasks", "twenty"]),
    ("compare strategies maml, fomaml and maml again, a name repeated",
     _compare_on(["maml", "fomaml", "maml"], "sinusoid"), ["maml"]),
]

# --- Chapter 2's functions

def _reptile_half_step():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr=0.01, inner_steps=0.5, meta_lr=0.1)


def _population_wide_x():
    model = MLP((1, 8, 1), batch_norm=True)
    return population_statistics(model, model.init(_rng()), np.zeros((3, 5, 2)))


def _ridge_form_typo():
    return ridge_fit(_features(), np.ones((3, 5, 1)), 1.0, form="primial")


def _unrolled_lam_text():
    b = _clusters_batch()
    return softmax_head_unrolled(b.x_support, b.y_support, "one", 2)


def _norm_lr_negative():
    model, params, batch = _problem()
    return meta_gradient_norm(params, batch, model, inner_steps=1, inner_lr=-0.5)


META_CASES = [
    ("maml meta_grad inner_lr 1e400, a step that overflows to inf",
     lambda d: _meta(meta_grad, inner_lr=1e400), ["inner_lr", "inf"]),
    ("anil_meta_loss inner_lr -inf",
     lambda d: _meta(anil_meta_loss, inner_lr=-np.inf), ["inner_lr", "-inf"]),
    ("reptile_step inner_steps 0.5, a fraction of a step",
     lambda d: _reptile_half_step(), ["inner_steps", "0.5"]),
    ("meta_loss_low_rank inner_steps the word 'two'",
     lambda d: _meta(meta_loss_low_rank, inner_steps="two"), ["inner_steps", "two"]),
    ("ridge_fit form 'primial', a misspelling of primal",
     lambda d: _ridge_form_typo(), ["form", "primial"]),
    ("ridge_head lam the word 'auto'",
     lambda d: ridge_head(_features(), np.ones((3, 5, 1)), "auto"), ["lam", "auto"]),
    ("softmax_head_unrolled lam the word 'one'",
     lambda d: _unrolled_lam_text(), ["lam", "one"]),
    ("subset_indices n_tasks 2.5, a fraction for a count",
     lambda d: subset_indices(_rng(), 2.5, 5, 2), ["n_tasks", "2.5"]),
    ("exploding meta_gradient_norm inner_lr -0.5, a sign slip",
     lambda d: _norm_lr_negative(), ["inner_lr", "-0.5"]),
    ("normalization population_statistics x of 2 features for a network of 1 input",
     lambda d: _population_wide_x(), ["x"]),
    ("guard inner_advice inner_steps -1",
     lambda d: inner_advice(-1, 0.01), ["inner_steps", "-1"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy maml family a list ['sinusoid', 'linear'], where one family is meant",
     lambda d: make_strategy("maml", family=["sinusoid", "linear"], meta_batch=2), ["family"]),
    ("make_strategy subset subset_size 2.0, a float for a count",
     lambda d: make_strategy("subset", meta_batch=2, subset_size=2.0), ["subset_size", "2.0"]),
    ("make_strategy anil first_order 2, a count for a switch",
     lambda d: make_strategy("anil", meta_batch=2, first_order=2), ["first_order", "2"]),
    ("make_strategy reptile meta_lr 0.0, an outer step that never moves",
     lambda d: make_strategy("reptile", meta_batch=2, meta_lr=0.0), ["meta_lr", "0.0"]),
    ("make_strategy closed_form learn_scale the word 'auto'",
     lambda d: make_strategy("closed_form", meta_batch=2, learn_scale="auto"),
     ["learn_scale", "auto"]),
    ("make_strategy scratch inner_lr -inf",
     lambda d: make_strategy("scratch", meta_batch=2, inner_lr=-np.inf), ["inner_lr", "-inf"]),
    ("make_strategy r2d2 scale 0.0, a zero output scale",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, scale=0.0),
     ["scale", "0.0"]),
    ("hyperparameters 'MAML', in capitals",
     lambda d: hyperparameters("MAML"), ["MAML"]),
    ("with_test_time inner_lr a list [0.01, 0.1], where one step size is meant",
     lambda d: with_test_time(_maml(), inner_lr=[0.01, 0.1]), ["inner_lr"]),
    ("make_strategy fomaml mete_lr, a misspelling of meta_lr",
     lambda d: make_strategy("fomaml", meta_batch=2, mete_lr=1e-3), ["mete_lr"]),
    ("NewtonHead built from a NewtonHeadConfig of n_query 2.5",
     lambda d: NewtonHead(make_strategy("newton_head", family="clusters", meta_batch=2).model,
                          GaussianClusters(), NewtonHeadConfig(meta_batch=2, n_query=2.5)),
     ["n_query", "2.5"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train resume the word 'yes', a word for a switch",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", resume="yes"),
     ["resume", "yes"]),
    ("train log_every 0.5, a fraction for a count",
     lambda d: train(_maml(), 2, 0, log_every=0.5), ["log_every", "0.5"]),
    ("train progress the text 'print', where a function is meant",
     lambda d: train(_maml(), 2, 0, progress="print"), ["progress"]),
    ("evaluate on_divergence 'raize', a misspelling of raise",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, on_divergence="raize",
                        **_small()), ["on_divergence", "raize"]),
    ("evaluate n_tasks the word 'all'",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1,
                        **{**_small(), "n_tasks": "all"}), ["n_tasks", "all"]),
    ("evaluate seed 1.5 for the held-out tasks, a fraction for a seed",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, seed=1.5, **_small()),
     ["seed", "1.5"]),
    ("select_test_time max_steps -3",
     lambda d: _select(max_steps=-3), ["max_steps", "-3"]),
    ("select_test_time n_query 0, no scoring points",
     lambda d: _select(n_query=0), ["n_query", "0"]),
    ("held_out_tasks n_tasks 2.0, a whole float for a count",
     lambda d: held_out_tasks(Sinusoid(), 2.0, 5, 5), ["n_tasks", "2.0"]),
    ("held_out_tasks start -1, before the first task",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start=-1), ["start", "-1"]),
    ("task_rng seed 1.5, a fraction for a seed",
     lambda d: task_rng(1.5, 0), ["seed", "1.5"]),
]

# --- checkpoints

def _npy_as_npz(d):
    path = d / "one.npz"
    with open(path, "wb") as f:
        np.save(f, np.ones(3))
    return path


def _under_a_file(d):
    ckpt = load_checkpoint(_good(d))
    (d / "afile").write_text("x")
    return save_checkpoint(d / "afile" / "run.npz", ckpt.state, step=ckpt.step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses)


M1_NEGINF = _set_entry("m1neginf", "state/adam/m/1", lambda a: np.full_like(a, -np.inf))
V1_NEG = _set_entry("v1neg", "state/adam/v/1", lambda a: -np.abs(a) - 1.0)
T_MATRIX = _set_entry("tmatrix", "state/adam/t", lambda a: np.ones((2, 2)))
T_FRACTION = _set_entry("tfrac", "state/adam/t", lambda a: np.asarray(a, float) + 0.5)
P0_SCALAR = _set_entry("p0scalar", "state/params/0", lambda a: np.array(0.5))
NO_STEP = lambda d: _damaged(d, "nostep", lambda a: a.pop("meta/step"))


CHECKPOINT_CASES = [
    ("load_checkpoint a file written by np.save of one array, named .npz",
     lambda d: load_checkpoint(_npy_as_npz(d)), ["one.npz"]),
    ("restore a checkpoint whose state/adam/v/1 is negative, a second moment below zero",
     lambda d: restore(V1_NEG(d)), ["state/adam/v/1"]),
    ("restore a checkpoint whose state/adam/t is a 2x2 array, not one count",
     lambda d: restore(T_MATRIX(d)), ["state/adam/t"]),
    ("restore a checkpoint whose state/adam/t is a fraction",
     lambda d: restore(T_FRACTION(d)), ["state/adam/t"]),
    ("restore a checkpoint whose state/params/0 is a 0-d array, one number",
     lambda d: restore(P0_SCALAR(d)), ["state/params/0"]),
    ("restore a checkpoint whose state/adam/m/1 holds -inf",
     lambda d: restore(M1_NEGINF(d)), ["state/adam/m/1"]),
    ("save_checkpoint meta_losses the text 'none yet'",
     lambda d: _save_fields(d, meta_losses="none yet"), ["meta_losses"]),
    ("save_checkpoint path under a file, a folder that is a file",
     lambda d: _under_a_file(d), ["afile"]),
    ("save_checkpoint changes a list of numbers [1, 2], where the recorded changes are meant",
     lambda d: _save_fields(d, changes=[1, 2]), ["changes"]),
    ("train on the command line out a path ending in a slash, a folder",
     lambda d: ["train", "--steps", "2", "--meta-batch", "2", "--out", str(d / "runs") + "/"],
     ["--out"]),
    ("evaluate on the command line a checkpoint without its meta/step entry",
     lambda d: ["evaluate", "--checkpoint", str(NO_STEP(d)), "--tasks", "4", "--steps", "1"],
     ["meta/step"]),
]

# --- nn, optim, batchnorm

NN_CASES = [
    ("MLP activation 'tanhh', a misspelling of tanh",
     lambda d: MLP((1, 8, 1), activation="tanhh").init(_rng()), ["activation", "tanhh"]),
    ("MLP batch_norm 0.5, a fraction for a switch",
     lambda d: MLP((1, 8, 1), batch_norm=0.5).init(_rng()), ["batch_norm", "0.5"]),
    ("MLP dtype 'bfloat16', a type NumPy has not got",
     lambda d: MLP((1, 8, 1), dtype="bfloat16").init(_rng()), ["dtype", "bfloat16"]),
    ("MLP init rng the float 0.5, where a Generator is meant",
     lambda d: MLP((1, 8, 1)).init(0.5), ["rng", "0.5"]),
    ("MLP apply x a 1-D array of five points, without task and feature axes",
     lambda d: MLP((1, 8, 1)).apply(_params(), np.zeros(5)), ["x"]),
    ("nn split params a tuple of strings",
     lambda d: split(("w0", "b0", "w1", "b1")), ["params"]),
    ("per_task n_tasks 1e400, a count that overflows to inf",
     lambda d: per_task(_params(), 1e400), ["n_tasks", "inf"]),
    ("adam_init params a dict of arrays, where a list is meant",
     lambda d: adam_init({"w": np.ones(3)}), ["params"]),
    ("adam_update lr a list [1e-3, 1e-4], where one step size is meant",
     lambda d: _adam(lr=[1e-3, 1e-4]), ["lr"]),
    ("adam_rows lr the word 'fast'",
     lambda d: _rows(lr="fast"), ["lr", "fast"]),
    ("batch_norm scale of 5 values for h of 3 features",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), scale=np.ones(5)), ["scale"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _x_complex(self, rng, task_params, n_points):
    return rng.uniform(-2, 2, size=(task_params.shape[0], n_points, 1)) + 1j


def _target_scalar(self, task_params, x):
    return 0.0


def _params_none(self, rng, n_tasks):
    return None


TASK_CASES = [
    ("LinearRegression mean (1.0,), one number for a mean and a spread",
     lambda d: held_out_tasks(LinearRegression(mean=(1.0,)), 2, 5, 5), ["mean"]),
    ("LinearRegression noise the word 'low', in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise="low"), 2, 5, 5), ["noise", "low"]),
    ("Sinusoid x_range (5.0, -5.0), a range given high to low, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=(5.0, -5.0)), 2, 5, 5), ["x_range"]),
    ("SinusoidFrequency amplitude the word 'large', in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(amplitude="large"), 2, 5, 5),
     ["amplitude", "large"]),
    ("GaussianClusters n_way 5.5, a fraction of a class, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way=5.5), 2, 5, 5), ["n_way", "5.5"]),
    ("GaussianClusters spread nan, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread=np.nan), 2, 5, 5), ["spread", "nan"]),
    ("make_family 'gaussian_clusters', a long name for clusters",
     lambda d: make_family("gaussian_clusters"), ["gaussian_clusters"]),
    ("cross_entropy y_onehot integer labels of shape (2, 5), where one-hot rows are meant",
     lambda d: cross_entropy(np.zeros((2, 5, 3)), np.zeros((2, 5), int)), ["y_onehot"]),
    ("accuracy logits None",
     lambda d: accuracy(None, np.eye(3)[np.zeros((2, 5), int)]), ["logits"]),
    ("a user's Quadratic TaskFamily whose sample_x returns complex points, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_x=_x_complex), 2, 5, 5), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose target returns the float 0.0, in train",
     lambda d: _train_quadratic(_quadratic(target=_target_scalar)), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_params returns None, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(sample_params=_params_none)),
     ["sample_params"]),
]

# --- Omniglot

def _curves_word():
    strategy = _omniglot_maml()
    state = strategy.init_state(_rng())
    batch = Omniglot(5, data=_data()).sample(_rng(), 2, 5, 5)
    return accuracy_curves(strategy, state, batch, n_steps="five")


OMNIGLOT_CASES = [
    ("Omniglot n_way 2.5, a fraction of a class",
     lambda d: _sample(Omniglot(2.5, data=_data())), ["n_way", "2.5"]),
    ("Omniglot rotate the word 'yes'",
     lambda d: _sample(Omniglot(5, data=_data(), rotate="yes")), ["rotate", "yes"]),
    ("Omniglot n_train 0, no training characters",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=0)), ["n_train", "0"]),
    ("Omniglot sample n_support -1",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, -1, 5), ["n_support", "-1"]),
    ("finn_split n_validation 2.5, a fraction for a count",
     lambda d: finn_split(_data().alphabets, _data().characters, n_validation=2.5),
     ["n_validation", "2.5"]),
    ("check_shots n_query the word 'five'",
     lambda d: check_shots(5, 2, 5, "five"), ["n_query", "five"]),
    ("omniglot_compare families data a list of arrays, where the drawings are meant",
     lambda d: families([np.zeros((20, 28, 28))]), ["data"]),
    ("omniglot_compare build r2d2 with shots 2.5, a fraction of a shot",
     lambda d: build("r2d2", Omniglot(5, data=_data()), 2.5), ["shots", "2.5"]),
    ("omniglot_compare episodes n_tasks the word 'ten'",
     lambda d: episodes(Omniglot(5, data=_data()), "ten", 1, 0), ["n_tasks", "ten"]),
    ("omniglot_compare accuracy_curves n_steps the word 'five'",
     lambda d: _curves_word(), ["n_steps", "five"]),
    ("datasets.omniglot content_hash members None",
     lambda d: omniglot_data.content_hash(None), ["members"]),
    ("train omniglot on the command line with dtype Float32, in capitals",
     lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                "--dtype", "Float32", "--out", str(d / "omni.npz")], ["--dtype", "Float32"]),
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


def test_the_hundredfourteenth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfourteenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
