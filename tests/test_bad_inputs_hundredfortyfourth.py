"""A hundred-and-forty-fourth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit 49fe996,
from the user's side only, in about fifteen minutes: the README's first 300 lines (set-up,
reading order, notation, the three wishes, the gallery, the testing kit, the head of the command
line section); ``--help`` of ``train`` (in full) and of ``evaluate`` (its options) and
``compare`` (its option names); the public names and signatures (``inspect.signature`` of the
functions and classes each module defines, from ``__all__`` or ``dir``; no methods) of
``scratchmeta.meta``'s public modules (``adapt``, ``anil``, ``baselines``, ``closed_form``,
``evaluate``, ``exploding``, ``guard``, ``maml``, ``maml_low_rank``, ``multitask``,
``newton_head``, ``normalization``, ``r2d2``, ``r2d2_head``, ``registry``, ``reptile``,
``ridge``, ``softmax_head``, ``subset``, ``training``, ``checkpoint``, ``omniglot_compare``; not
``checks``/``protocol``/``messages``), ``nn``, ``optim``, ``batchnorm``, ``tasks``,
``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``; the two templates, the
hundred-and-fortieth (in full) and the hundred-and-thirty-sixth (its docstring's head, imports
and case lists); the ids of every earlier battery (extracted by ``ast``, see below). Imported,
not copied: ``_good``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the
ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's
``_compare_on``, ``_features``, ``_maml``, ``_problem``, ``_resumed``, ``_sample``,
``_set_entry``, the ninety-sixth's ``Quadratic``, ``_quadratic``, ``_evaluate_quadratic``,
``_save_fields``, the hundred-and-second's ``_needs_omniglot`` and ``_params``, the
hundred-and-twenty-eighth's ``_onehot``. No library source body, library docstring, validation
module, history or file of /work/main was read (its venv's python was run). Disclosed: to learn
the helpers' signatures, ``inspect.signature`` printed those of the helpers above (and of
``_damaged``, ``_under_the_batteries_ulimit``) and of the ninety-sixth's ``Quadratic`` methods
sample_x, sample_params, target and metric; no helper body was printed. The first kept run
stopped on a slip of this file (below), and its traceback showed a few lines of library source
(the ``make_strategy`` line of ``registry.py``, the ``configure`` call of ``multitask.py`` and
the ``raise`` line of ``protocol.py``'s ``configure`` with its message); nothing else of them was
read. The commit was read with ``git rev-parse --short HEAD``. No good library calls were made
before or after the runs. Every case writes only inside its temporary folder (``git status
--short`` after the runs shows this file only; the signature script, left in the worktree as
``.sigs.py`` during the work, was removed; the id list, edit scripts, the copy before the first
run and the run outputs were kept outside the worktree, in /tmp/wt144_scratch). SCRATCHMETA_DATA
was unset. The runs were made as root (so no read-only-folder case was written: root writes
through it). ``_under_the_batteries_ulimit`` is not used: no case asks for a huge size.

Areas, as written (100 in all; about a third on the command line, as the brief asks, since
another writer covers the command line at the same time): train on the command line (16) --
fomaml on sinusoid_frequency, reptile and anil on linear, closed_form on sinusoid_frequency,
r2d2 and newton_head and pretrained and maml on clusters, subset and multitask and scratch and
maml on sinusoid, anil with --out under a text file, resumes of the good run, of a fomaml
clusters run and of an r2d2 clusters run; evaluate and compare on the command line (16) -- runs
of fomaml (linear), anil, r2d2, newton_head (clusters), pretrained, multitask, the good run, the
case's folder and a misspelt path; compare of maml on linear, anil on clusters, 'fomaml ',
reptile on sinusoid_frequency, subset on sinusoid, newton_head on clusters, family 'sinusoids';
Chapter 2's functions (11) -- adapt.sgd_path, adapt.curve, maml.meta_loss, anil_meta_grad,
reptile_step, subset_meta_loss, meta_loss_low_rank, meta_gradient_norms,
softmax_head_unrolled, ridge_head, guard.inner_advice; strategies and the registry (10) --
make_strategy (maml on clusters, fomaml on clusters, reptile, anil on sinusoid_frequency,
newton_head on clusters, subset on linear, scratch on clusters, a name cut short, maml with the
MLP class), with_test_time; library train (four), evaluate (one), select_test_time (one),
held_out_tasks (three), task_rng (ten in all); checkpoints (9) -- load_checkpoint (three), restore
(three), save_checkpoint (three); nn/optim/batchnorm (9) -- MLP activation, per_task,
adam_update (two), batch_norm (three), finn_init, adam_rows; task families (9) --
SinusoidFrequency, GaussianClusters (two), LinearRegression, mse, the ninety-sixth's
``Quadratic`` with one method changed (three), cross_entropy; Omniglot (10) -- Omniglot's
split, data, root, sample (two), check_shots, finn_split, omniglot_compare's episodes
and build, train omniglot on the command line with --root a file.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: --meta-lr '0.001s', --set n_steps=2.5, --inner-steps 'K=1', --lam '0.1,0.2',
  --set scale=10x, --n-support '5.5', --set subset_size=1e1, --checkpoint-every '10 steps',
  --meta-batch in Devanagari digits; evaluate --steps 'ten', --tasks '1e400'; compare --query
  'auto', --val-tasks 'two hundred', --adapt-steps '10;20'; sgd_path inner_lr 'auto', curve
  n_steps [1, 2, 3], meta_loss inner_steps 1.5, anil_meta_grad inner_lr [0.01], subset_meta_loss
  rng 0, meta_loss_low_rank inner_steps 0.5, softmax_head_unrolled n_steps np.float64(3.5);
  make_strategy inner_steps 2.0, meta_batch 0.5, anil meta_lr '1e-3', newton_head n_query 2.5,
  model the MLP class; train progress 'stdout', overwrite 'no', history (); held_out_tasks
  n_support two counts, seed 'abc'; task_rng seed [22, 23]; restore meta/step True, state/adam/m/1
  complex; save_checkpoint changes (1, 2), path 3; MLP activation 'tanh,relu'; per_task params
  holding text; adam_update lr b'1e-3', state {}; batch_norm offset 'zero', h 1-D; finn_init and
  Omniglot.sample rng an int; adam_rows rows 2-D; LinearRegression scale [[1.0]]; GaussianClusters
  spread [2.0], dim np.int8(-8); cross_entropy logits 0.5; Omniglot data a list of arrays;
  check_shots n_support two values;
- out of range: --set lam=-inf, --set lam=nan (resume), --n-support 0 (resume); evaluate
  --query 0, --support -5, --set lam=-1, --set inner_lr=inf, --seed 2**64; compare --eval-seed -1,
  --support 0; reptile_step meta_lr -inf, meta_gradient_norms Ks [1, -1], ridge_head lam inf,
  inner_advice inner_steps -2; make_strategy reptile n_steps -5, subset_size NaN, scratch
  inner_lr NaN; with_test_time lam NaN; evaluate n_support NaN; select_test_time n_support -1;
  held_out_tasks start -5; save_checkpoint seed inf; batch_norm scale
  holding NaN; SinusoidFrequency x_range (0.0, 0.0); Omniglot sample n_support 125 (25 per class
  past 20 drawings); episodes seed -7;
- a wrong shape: checkpoint entries meta/meta_losses 2-D, state/params/3 with an extra axis;
  mse pred of 3 points for 5;
- a user's function that misbehaves (``Quadratic``): sample_params one float for every task,
  metric returning text (in evaluate), target returning a generator;
- files and paths: --out under a regular text file; evaluate --checkpoint the case's folder and
  a misspelt godo.npz; load_checkpoint a PNG's first bytes named run.npz and the case's folder;
  train checkpoint under a regular file; Omniglot root a missing folder; train omniglot --root a
  file that is not a zip;
- mismatches: train --resume of a fomaml clusters run with --family linear; --set n_query given
  twice (refused by the documented rule);
- typos and misspellings: --set head_init=Closed_Form, compare 'fomaml ' and 'sinusoids',
  make_strategy 'pretrain', Omniglot split 'Test', build 'protonet'.

Repeats: the 16,857 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; an earlier id of three words or more that is a whole-word
prefix of a draft; and a draft's text before the first comma that is a prefix of an earlier id),
over five rounds, and by about 110 function-and-value regular-expression greps over the same
list (e.g. ``reptile.*n_steps=-``, ``0x1p``, ``r2d2.*scale=-``, ``head_init=closed-form``,
``learn_lam=0.5``, ``checkpoint-every 0``, ``resume and force``, ``seed 2**64``, ``val-tasks 0``,
``adapt-steps -3``, ``sgd_path theta None``, ``curve n_steps``, ``anil_meta_grad inner_lr``,
``reptile_step meta_lr``, ``subset_meta_loss rng``, ``meta_loss_low_rank inner_lr``,
``softmax_head_unrolled n_steps``, ``inner_advice inner_lr``, ``fomaml first_order False``,
``subset_size 200``, ``model the text 'MLP'``, ``train progress``, ``train overwrite``,
``task_rng i``, ``empty file``, ``state/adam/m/1``, ``state/params/3``, ``meta/step is the
text``, ``changes the text``, ``save_checkpoint path under``, ``dtype 'float8'``, ``batch_norm
scale of 3``, ``x_range (0.0, 0.0)``, ``dim 2.5``, ``metric returns complex``, ``sample_x returns
text``, ``target returns``, ``Omniglot data a``, ``check_shots n_way True``). The earlier list is
saturated: about 55 first drafts were replaced or dropped before any run, among them exact
earlier ids (``compare strategies 'MAML' in capitals``, ``adapt.after n_steps True, a bool for a
count``, ``closed_form_meta_loss scale NaN``, ``make_strategy closed_form learn_scale the word
'auto'``, ``evaluate strategy None``, ``select_test_time candidates [0.01, -0.01], ...``,
``load_checkpoint path None``, ``save_checkpoint meta_losses the text 'none yet'``, ``MLP
batch_norm the word 'yes'``, ``per_task params None``, ``adam_rows lr NaN``,
``SinusoidFrequency frequency (0.5, inf), in held_out_tasks``, ``GaussianClusters n_way 1, ...``,
``cross_entropy logits of text``, ``Omniglot n_train -1100, a sign slip``,
``softmax_head_unrolled lam the word 'one'``, ``MLP dtype 'float8', ...``, ``adam_init params a
list holding None``, ``Sinusoid amplitude (nan, 5.0), in held_out_tasks``, ``check_shots n_query
the word 'five'``, the Quadratic ``target returns a dict {'y': ...}, in held_out_tasks``), and
for a head, a prefix or the same substance (``train reptile ... set n_steps=-4``, ``inner-steps
an empty string``, ``closed_form on sinusoid_frequency ... 0x1p-3``, ``r2d2 ... scale=-10``,
``head_init=closed-form``, ``r2d2 ... learn_lam=0.5``, ``resume and force``, ``newton_head ...
n-query 0``, ``compare val-tasks 0``, ``adapt-steps -3``, ``sgd_path theta None``, ``anil
inner_steps -1``, ``meta_loss_low_rank inner_lr a string``, ``inner_advice inner_lr text``,
``fomaml first_order False``, ``subset_size 200``, ``make_strategy multitask n_train_tasks 0``,
``make_family linear noise -0.1``, ``strategy_from_config record a list``, ``train n_steps the
text '2'``, ``train seed -1``, ``evaluate n_query 0``, ``evaluate ... on GaussianClusters``,
``task_rng seed 2**64``, ``task_rng i the text``, ``task_rng i 2**70``, ``chunk_size 0``,
``select_test_time n_tasks 1.5``, ``load an empty file``, ``meta/step the text``, ``changes the
text``, ``save_checkpoint path under a file``, ``save_checkpoint step the text '2'``, ``MLP
activation 'ReLU'``, ``MLP sizes the empty tuple``, ``MLP sizes a 2-D array``, ``MLP sizes the
text``, ``MLP dtype 'complex128'``, ``per_task n_tasks 0``, ``adam_update beta1 1.0``, ``beta2
-0.5``, ``eps -1e-8``, ``adam_init params a dict``, ``batch_norm scale of 3``,
``LinearRegression noise -0.1``, ``mean ('1.0', 0.5)``, ``Sinusoid x_range (5.0, -5.0)``,
``GaussianClusters dim 2.5``, ``dim (8,)``, the Quadratic ``target returns None``, ``sample_x
returns text``, ``sample_x returns None``, ``metric returns complex``, ``metric returns one
number``, ``Omniglot n_way 2000``, ``n_way np.float64(5.0)``, ``data a dict``, ``data the
OmniglotImages class``, ``check_shots n_tasks 0``, ``n_way True``, ``n_drawings 0``,
``episodes shots 0``, ``train omniglot ... dtype float16``). No exact id repeats among the cases
run, nor a repeat before the first comma or by either prefix rule, except one artefact of a
comma inside a list (``meta_gradient_norms Ks [1``; kept as a new value, -1 against the earlier
2.5). Kept as new values, near (the lead may judge): --set subset_size=1e1 near ``=1e400``;
--meta-batch in Devanagari digits near compare's ``support an Arabic-Indic digit``; evaluate
--query 0 near library ``n_query 0`` cases; evaluate --checkpoint the case's folder near
``train checkpoint the case's folder itself``; evaluate --seed 2**64 near compare's seeds
2**64; compare --family 'sinusoids' near ``make_strategy ... family 'sinusoids'``;
``make_strategy 'pretrain'`` near ``compare strategies 'pretrain'``; maml.meta_loss
inner_steps 1.5 near ``anil_meta_loss inner_steps 1.5``; anil_meta_grad inner_lr [0.01],
reptile_step meta_lr -inf, subset_meta_loss rng 0 near other values of the same arguments;
softmax_head_unrolled n_steps np.float64(3.5) near its -1, -2, 1e400; train progress 'stdout'
and overwrite 'no' near their 1/True/None; adam_update lr b'1e-3' near fine_tune_tasks
``inner_lr the bytes``; state/adam/m/1 complex and state/params/3 with an extra axis near their
inf/NaN/2-D entries; SinusoidFrequency x_range (0.0, 0.0) near ``Sinusoid x_range (0.0, 0.0)``;
mse pred of 3 points near ``of 3 tasks``; Quadratic metric returning text near ``complex values,
in select_test_time``; Omniglot root a missing folder near the command line's ``root a folder
that does not exist``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 60 of the 100. ``DROPPED``
is empty. The file was copied before the first run.

Corrections after the first run (outright slips of plumbing, recorded with both results):
- the written and kept case ``evaluate a multitask linear run with tasks '1e400'`` asked the
  ninetieth's ``_run`` to train multitask on linear, whose default model has no hidden layer, so
  the run to evaluate could not be made: the first kept run stopped in that case's set-up with a
  traceback, "ValueError: Multitask meta-trains a body shared by every task under a head of each
  task's own, so the model needs a body of at least one layer; got sizes (1, 1) ...", raised by
  this file's own set-up call, not by the bad input (``--tasks '1e400'``), before it was
  classified (the areas before it had run: cli train 10/10 clear). It became ``evaluate a
  multitask sinusoid run with tasks '1e400'`` (the run on sinusoid, the same bad input): clear.
- the written and kept case ``Omniglot sample n_support 25, past the 20 drawings of a
  character`` called ``sample(_rng(), 2, 25, 1)``: n_support counts the support points of all
  n_way classes (25 is 5 per class, a good value), and the n_query of 1 was a stray value of
  this file, so the case did not hold the bad input its id names. The first run classified it
  unclear: "does not name ['n_support', '25']: ValueError: n_query must be a multiple of n_way=5
  (the same number of drawings of every class), got 1" (a clear refusal of the stray n_query).
  It became ``Omniglot sample n_support 125, 25 per class past the 20 drawings of a character``
  (``sample(_rng(), 2, 125, 5)``): clear.
No other case was changed.

Memory and time: no case allocates much. The kept script run took about four seconds, the
written one about six, pytest about six.

First run at 49fe996 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present;
after the first correction, before the second): kept, 59 of 60 clear (98.3%), 1 unclear (the
slip above), 0 silent, 0 data loss. After both corrections: kept, 60 of 60 clear (100.0%), 0
unclear, 0 silent, 0 data loss -- cli train 10/10, evaluate/compare 10/10, meta functions 7/7,
strategies 6/6, evaluate and train 6/6, checkpoints 5/5, nn/optim/batchnorm 5/5, task families
5/5, omniglot 6/6. Written (``--written``, after both corrections): 100 of 100 clear (100.0%), 0
unclear, 0 silent, 0 data loss -- cli train 16/16, evaluate/compare 16/16, meta functions
11/11, strategies 10/10, evaluate and train 10/10, checkpoints 9/9, nn/optim/batchnorm 9/9, task
families 9/9, omniglot 10/10. Under pytest (without the ulimit): 61 passed (60 cases and the
wide-and-new test).

Not clear, kept: none (after the corrections; before the second, the slip above, unclear).

Not clear, written and not kept: none.

Every case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError naming
the argument, option, entry or user method in its mentions and the value given. The cases that
write (``--out`` under a text file, the resumes of the good run and of the fomaml and r2d2 runs,
train's checkpoint under a file, save_checkpoint to path 3) were clear and lost no data (the
harness's data-loss check passed).

Measured on main at 49fe996, the commit it was written at, blind (the lead reran it there,
with the hundred-and-forty-second, -third and -fifth beside it): kept, 60 of 60 clear (100%),
0 unclear, 0 silent, 0 data loss; the pair with the hundred-and-forty-fifth, 114 of 114 (100%).
"""
import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import after, curve, sgd_path
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.guard import inner_advice
from scratchmeta.meta.maml import meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.omniglot_compare import build, episodes
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.ridge import ridge_head
from scratchmeta.meta.softmax_head import softmax_head_unrolled
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
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
                                          _sample, _set_entry)
from test_bad_inputs_ninetysixth import (Quadratic, _evaluate_quadratic, _quadratic,
                                         _save_fields)
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_hundredtwentyeighth import _onehot

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

def _under_a_text_file(d):
    notes = d / "notes.txt"
    notes.write_text("my runs\n")
    return ["train", "--strategy", "anil", "--steps", "2", "--meta-batch", "2", "--out",
            str(notes / "anil.npz")]


def _resume_support_zero(d):
    return ["train", "--steps", "4", "--meta-batch", "2", "--out", str(_good(d)), "--resume",
            "--n-support", "0"]


CLI_TRAIN_CASES = [
    ("train fomaml on sinusoid_frequency with meta-lr '0.001s', a unit letter after the step",
     _train("--strategy", "fomaml", "--family", "sinusoid_frequency", "--meta-lr", "0.001s"),
     ["--meta-lr", "0.001s"]),
    ("train reptile on linear with set n_steps=2.5, a fraction of Reptile's outer steps",
     _train("--strategy", "reptile", "--family", "linear", "--set", "n_steps=2.5"),
     ["n_steps", "2.5"]),
    ("train anil on linear with inner-steps 'K=1', the symbol typed with the value",
     _train("--strategy", "anil", "--family", "linear", "--inner-steps", "K=1"),
     ["--inner-steps", "K=1"]),
    ("train closed_form on sinusoid_frequency with lam '0.1,0.2', two penalties in one value",
     _train("--strategy", "closed_form", "--family", "sinusoid_frequency", "--lam",
            "0.1,0.2"), ["--lam", "0.1,0.2"]),
    ("train r2d2 on clusters with set scale=10x, a stray letter after the logit scale",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "scale=10x"),
     ["scale", "10x"]),
    ("train newton_head on clusters with set lam=-inf, a penalty of minus infinity",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "lam=-inf"),
     ["lam", "-inf"]),
    ("train subset on sinusoid with set subset_size=1e1, an exponent for a count",
     _train("--strategy", "subset", "--set", "subset_size=1e1"), ["subset_size", "1e1"]),
    ("train multitask on sinusoid with set head_init=Closed_Form, capitalised",
     _train("--strategy", "multitask", "--set", "head_init=Closed_Form"),
     ["head_init", "Closed_Form"]),
    ("train pretrained on clusters with n-support '5.5', half a support point",
     _train("--strategy", "pretrained", "--family", "clusters", "--n-support", "5.5"),
     ["--n-support", "5.5"]),
    ("train scratch on sinusoid with set n_query given twice, 10 then 20",
     _train("--strategy", "scratch", "--set", "n_query=10", "--set", "n_query=20"),
     ["n_query"]),
    ("train maml on clusters with checkpoint-every '10 steps', a unit after the count",
     _train("--strategy", "maml", "--family", "clusters", "--checkpoint-every", "10 steps"),
     ["--checkpoint-every", "10 steps"]),
    ("train anil with out under a regular text file, notes.txt/anil.npz",
     _under_a_text_file, ["notes.txt"]),
    ("train resume the good run with n-support 0, no support points from now on",
     _resume_support_zero, ["--n-support", "0"]),
    ("train resume a fomaml clusters run with family linear, another family",
     _resumed("fomaml", "--family", "linear", family="clusters"), ["--family", "linear"]),
    ("train resume an r2d2 clusters run with set lam=nan",
     _resumed("r2d2", "--set", "lam=nan", family="clusters"), ["lam", "nan"]),
    ("train maml on sinusoid with meta-batch '\u0968\u096b', Devanagari digits",
     _train("--strategy", "maml", "--meta-batch", "\u0968\u096b"),
     ["--meta-batch", "\u0968\u096b"]),
]

# --- the command line: evaluate and compare

def _checkpoint_folder(d):
    return ["evaluate", "--checkpoint", str(d), "--tasks", "4", "--steps", "1"]


def _typo_path(d):
    _good(d)
    return ["evaluate", "--checkpoint", str(d / "godo.npz"), "--tasks", "4", "--steps", "1"]


CLI_OTHER_CASES = [
    ("evaluate a fomaml linear run with query 0, no points to score",
     _evaluate(lambda d: _run(d, "fomaml", family="linear"), "--query", "0"),
     ["--query", "0"]),
    ("evaluate an anil clusters run with support -5, a sign slip",
     _evaluate(lambda d: _run(d, "anil", family="clusters"), "--support", "-5"),
     ["--support", "-5"]),
    ("evaluate an r2d2 clusters run with set lam=-1, a negative penalty at test time",
     _evaluate(lambda d: _run(d, "r2d2", family="clusters"), "--set", "lam=-1"),
     ["lam", "-1"]),
    ("evaluate a newton_head clusters run with set inner_lr=inf",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--set", "inner_lr=inf"),
     ["inner_lr", "inf"]),
    ("evaluate a pretrained run with steps 'ten', a word for a count",
     _evaluate(lambda d: _run(d, "pretrained"), "--steps", "ten"), ["--steps", "ten"]),
    ("evaluate checkpoint the case's folder itself, not a file",
     _checkpoint_folder, ["--checkpoint"]),
    ("evaluate checkpoint godo.npz, the good run's name misspelt",
     _typo_path, ["godo.npz"]),
    ("evaluate the good run with seed 2**64, a seed too large",
     _evaluate(lambda d: _good(d), "--seed", str(2 ** 64)), ["--seed", str(2 ** 64)]),
    ("evaluate a multitask sinusoid run with tasks '1e400', a count that overflows",
     _evaluate(lambda d: _run(d, "multitask"), "--tasks", "1e400"),
     ["--tasks", "1e400"]),
    ("compare maml on linear with eval-seed -1, a negative seed",
     _compare_on(["maml"], "linear", "--eval-seed", "-1"), ["--eval-seed", "-1"]),
    ("compare anil on clusters with support 0, no support points",
     _compare_on(["anil"], "clusters", "--support", "0"), ["--support", "0"]),
    ("compare strategies 'fomaml ' with a trailing space",
     _compare_on(["fomaml "], "sinusoid"), ["fomaml "]),
    ("compare reptile on sinusoid_frequency with query 'auto', a word for a count",
     _compare_on(["reptile"], "sinusoid_frequency", "--query", "auto"), ["--query", "auto"]),
    ("compare subset on sinusoid with val-tasks 'two hundred', words for a count",
     _compare_on(["subset"], "sinusoid", "--val-tasks", "two hundred"),
     ["--val-tasks", "two hundred"]),
    ("compare newton_head on clusters with adapt-steps '10;20', two counts in one value",
     _compare_on(["newton_head"], "clusters", "--adapt-steps", "10;20"),
     ["--adapt-steps", "10;20"]),
    ("compare fomaml on family 'sinusoids', the family's name in the plural",
     _compare_on(["fomaml"], "sinusoids"), ["sinusoids"]),
]

# --- Chapter 2's functions

def _after_true():
    model, params, batch = _problem()
    path = sgd_path(per_task(params, batch.x_support.shape[0]), batch, model, inner_lr=0.01,
                    loss=mse)
    return after(path, True)


def _sgd_path_lr_auto():
    model, params, batch = _problem()
    return sgd_path(per_task(params, batch.x_support.shape[0]), batch, model, inner_lr="auto",
                    loss=mse)


def _curve_minus_three():
    strategy, state = _maml_state()
    return curve(strategy, state, held_out_tasks(Sinusoid(), 2, 5, 5), [1, 2, 3])


def _meta_loss_steps_fraction():
    model, params, batch = _problem()
    return meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1.5)


def _anil_grad_lr_list():
    model, params, batch = _problem()
    return anil_meta_grad(params, batch, model, inner_lr=[0.01], inner_steps=1)


def _closed_form_scale_nan():
    from scratchmeta.nn import split
    model, params, batch = _problem()
    return closed_form_meta_loss(split(params)[0], batch, model, lam=1.0, scale=np.nan)


def _reptile_step_meta_lr_minus_inf():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr=0.01, inner_steps=1, meta_lr=-np.inf)


def _subset_rng_int():
    model, params, batch = _problem()
    return subset_meta_loss(params, batch, model, 0, subset_size=2, inner_lr=0.01,
                            inner_steps=1)


def _low_rank_lr_text():
    model, params, batch = _problem()
    return meta_loss_low_rank(params, batch, model, inner_lr=0.01, inner_steps=0.5)


def _norms_ks_negative():
    model, params, batch = _problem()
    return meta_gradient_norms(params, batch, model, [1, -1], [0.01])


META_CASES = [
    ("adapt.sgd_path inner_lr the word 'auto'",
     lambda d: _sgd_path_lr_auto(), ["inner_lr", "auto"]),
    ("adapt.curve n_steps [1, 2, 3], a list of counts where one is meant",
     lambda d: _curve_minus_three(), ["n_steps"]),
    ("maml meta_loss inner_steps 1.5, a fraction of an inner step",
     lambda d: _meta_loss_steps_fraction(), ["inner_steps", "1.5"]),
    ("anil_meta_grad inner_lr [0.01], a step size in a list",
     lambda d: _anil_grad_lr_list(), ["inner_lr"]),
    ("reptile_step meta_lr -inf",
     lambda d: _reptile_step_meta_lr_minus_inf(), ["meta_lr", "-inf"]),
    ("subset_meta_loss rng the int 0, a seed where a Generator is meant",
     lambda d: _subset_rng_int(), ["rng"]),
    ("meta_loss_low_rank inner_steps 0.5, half an inner step",
     lambda d: _low_rank_lr_text(), ["inner_steps", "0.5"]),
    ("meta_gradient_norms Ks [1, -1], a negative K among the Ks",
     lambda d: _norms_ks_negative(), ["Ks", "-1"]),
    ("softmax_head_unrolled n_steps np.float64(3.5), three and a half Newton steps",
     lambda d: softmax_head_unrolled(_features(), _onehot(), 1.0, np.float64(3.5)),
     ["n_steps", "3.5"]),
    ("ridge_head lam inf, an endless penalty",
     lambda d: ridge_head(_features(), _onehot(), np.inf), ["lam", "inf"]),
    ("guard inner_advice inner_steps -2, a sign slip",
     lambda d: inner_advice(-2, 0.01), ["inner_steps", "-2"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy maml on clusters inner_steps 2.0, a float for K",
     lambda d: make_strategy("maml", family="clusters", meta_batch=2, inner_steps=2.0),
     ["inner_steps", "2.0"]),
    ("make_strategy fomaml on clusters meta_batch 0.5, half a task per meta-step",
     lambda d: make_strategy("fomaml", family="clusters", meta_batch=0.5),
     ["meta_batch", "0.5"]),
    ("make_strategy reptile n_steps -5, a sign slip in T",
     lambda d: make_strategy("reptile", meta_batch=2, n_steps=-5), ["n_steps", "-5"]),
    ("make_strategy anil on sinusoid_frequency meta_lr the text '1e-3'",
     lambda d: make_strategy("anil", family="sinusoid_frequency", meta_batch=2,
                             meta_lr="1e-3"), ["meta_lr", "1e-3"]),
    ("make_strategy newton_head on clusters n_query 2.5, half a query point",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=2, n_query=2.5),
     ["n_query", "2.5"]),
    ("make_strategy subset on linear subset_size NaN",
     lambda d: make_strategy("subset", family="linear", meta_batch=2, subset_size=np.nan),
     ["subset_size", "nan"]),
    ("make_strategy scratch on clusters inner_lr NaN",
     lambda d: make_strategy("scratch", family="clusters", meta_batch=2, inner_lr=np.nan),
     ["inner_lr", "nan"]),
    ("make_strategy 'pretrain', the name cut short",
     lambda d: make_strategy("pretrain", meta_batch=2), ["pretrain"]),
    ("make_strategy maml model the MLP class, not an instance",
     lambda d: make_strategy("maml", meta_batch=2, model=MLP), ["model"]),
    ("with_test_time lam NaN on a closed_form strategy",
     lambda d: with_test_time(make_strategy("closed_form", meta_batch=2), lam=np.nan),
     ["lam", "nan"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train progress the text 'stdout', where a function is meant",
     lambda d: train(_maml(), 2, 0, progress="stdout"), ["progress"]),
    ("train checkpoint a path under a regular file, notes.txt/run.npz",
     lambda d: (d / "notes.txt").write_text("x") and train(
         _maml(), 2, 0, checkpoint=d / "notes.txt" / "run.npz"), ["notes.txt"]),
    ("train overwrite the word 'no'",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", overwrite="no"),
     ["overwrite", "no"]),
    ("train history the tuple (), where a list to append to is meant",
     lambda d: train(_maml(), 2, 0, history=()), ["history"]),
    ("evaluate n_support NaN in the library",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_support=np.nan)),
     ["n_support", "nan"]),
    ("select_test_time n_support -1, a sign slip",
     lambda d: select_test_time(*_maml_state(), Sinusoid(), candidates=[0.01], max_steps=1,
                                **_small(n_support=-1)), ["n_support", "-1"]),
    ("held_out_tasks n_support np.array([5, 5]), two counts where one is meant",
     lambda d: held_out_tasks(Sinusoid(), 2, np.array([5, 5]), 5), ["n_support"]),
    ("held_out_tasks start -5, a sign slip",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start=-5), ["start", "-5"]),
    ("held_out_tasks seed the text 'abc'",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, seed="abc"), ["seed", "abc"]),
    ("task_rng seed [22, 23], two seeds where one is meant",
     lambda d: task_rng([22, 23], 0), ["seed"]),
]

# --- checkpoints

def _png_file(d):
    path = d / "run.npz"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return path


def _save_to_int(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(3, ckpt.state, step=ckpt.step,
                           seed=ckpt.seed, config=ckpt.config, meta_losses=ckpt.meta_losses)


M1_COMPLEX = _set_entry("m1complex", "state/adam/m/1", lambda a: np.asarray(a) + 1j)
LOSSES_2D = _set_entry("losses2d", "meta/meta_losses",
                       lambda a: np.asarray(a).reshape(1, -1))
P3_TRANSPOSED = _set_entry("p3t", "state/params/3", lambda a: np.asarray(a).T[None])
STEP_BOOL = _set_entry("stepbool", "meta/step", lambda a: np.array(True))


CHECKPOINT_CASES = [
    ("load_checkpoint a PNG's first bytes in a file named run.npz",
     lambda d: load_checkpoint(_png_file(d)), ["run.npz"]),
    ("restore a checkpoint whose state/adam/m/1 is complex",
     lambda d: restore(M1_COMPLEX(d)), ["state/adam/m/1"]),
    ("load_checkpoint a checkpoint whose meta/meta_losses is a 2-D row",
     lambda d: load_checkpoint(LOSSES_2D(d)), ["meta/meta_losses"]),
    ("restore a checkpoint whose state/params/3 has an extra leading axis",
     lambda d: restore(P3_TRANSPOSED(d)), ["state/params/3"]),
    ("restore a checkpoint whose meta/step is the boolean True",
     lambda d: restore(STEP_BOOL(d)), ["meta/step"]),
    ("save_checkpoint changes a tuple of numbers (1, 2)",
     lambda d: _save_fields(d, changes=(1, 2)), ["changes"]),
    ("save_checkpoint path the int 3",
     _save_to_int, ["path"]),
    ("save_checkpoint seed inf",
     lambda d: _save_fields(d, seed=np.inf), ["seed", "inf"]),
    ("load_checkpoint the case's folder itself",
     lambda d: load_checkpoint(d), ["path"]),
]

# --- nn, optim, batchnorm

def _adam(**kw):
    params = _params()
    args = dict(lr=1e-3)
    args.update(kw)
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params), **args)


def _rows_two_d():
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.ones((2, 2))], np.array([[0], [1]]), 1e-3)


def _adam_state_empty():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], {}, 1e-3)


NN_CASES = [
    ("MLP activation the text 'tanh,relu', two names in one",
     lambda d: MLP((1, 8, 1), activation="tanh,relu").init(_rng()),
     ["activation", "tanh,relu"]),
    ("per_task params a list holding the text 'w'",
     lambda d: per_task([np.ones((1, 8)), "w"], 2), ["params"]),
    ("adam_update state an empty dict",
     lambda d: _adam_state_empty(), ["state"]),
    ("adam_update lr the bytes b'1e-3'",
     lambda d: _adam(lr=b"1e-3"), ["lr"]),
    ("batch_norm offset the word 'zero'",
     lambda d: batch_norm(np.ones((2, 5, 4)), offset="zero"), ["offset"]),
    ("batch_norm scale holding NaN",
     lambda d: batch_norm(np.ones((2, 5, 4)), scale=np.array([1.0, np.nan, 1.0, 1.0])),
     ["scale"]),
    ("batch_norm h a 1-D array",
     lambda d: batch_norm(np.ones(4)), ["h"]),
    ("batchnorm finn_init rng the int 0, a seed where a Generator is meant",
     lambda d: finn_init(0, (1, 8, 1)), ["rng"]),
    ("adam_rows rows np.array([[0], [1]]), a 2-D index",
     lambda d: _rows_two_d(), ["rows"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _target_none(self, task_params, x):
    return None


def _params_scalar(self, rng, n_tasks):
    return 1.0


def _metric_text(self, pred, y):
    return np.asarray(Quadratic.metric(self, pred, y)).astype(str)


def _target_generator(self, task_params, x):
    return (v for v in np.asarray(Quadratic.target(self, task_params, x)))


TASK_CASES = [
    ("GaussianClusters dim np.int8(-8), a negative NumPy count, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=np.int8(-8)), 2, 5, 5), ["dim", "-8"]),
    ("SinusoidFrequency x_range (0.0, 0.0), an empty interval, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(x_range=(0.0, 0.0)), 2, 5, 5), ["x_range"]),
    ("GaussianClusters spread [2.0], a spread in a list, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread=[2.0]), 2, 5, 5), ["spread"]),
    ("LinearRegression scale np.array([[1.0]]), a 2-D scale, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(scale=np.array([[1.0]])), 2, 5, 5),
     ["scale"]),
    ("mse pred of 3 points for y of 5",
     lambda d: mse(np.zeros((2, 3, 1)), np.zeros((2, 5, 1))), ["pred"]),
    ("a user's Quadratic TaskFamily whose sample_params returns one float for every task, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_params=_params_scalar), 2, 5, 5),
     ["sample_params"]),
    ("a user's Quadratic TaskFamily whose metric returns its errors as text, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_text)), ["metric"]),
    ("a user's Quadratic TaskFamily whose target returns a generator, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_generator), 2, 5, 5), ["target"]),
    ("cross_entropy logits the Python float 0.5",
     lambda d: cross_entropy(0.5, _onehot()), ["logits"]),
]

# --- Omniglot

def _root_file(d):
    path = d / "omniglot.zip"
    path.write_bytes(b"not a zip")
    return ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1", "--root",
            str(path), "--out", str(d / "omni.npz")]


OMNIGLOT_CASES = [
    ("Omniglot split 'Test', capitalised",
     lambda d: _sample(Omniglot(5, "Test", data=_data())), ["split", "Test"]),
    ("Omniglot data a list of three image arrays, not the loaded drawings",
     lambda d: _sample(Omniglot(5, data=[np.zeros((28, 28))] * 3)), ["data"]),
    ("Omniglot root a folder that does not exist",
     lambda d: _sample(Omniglot(5, root=d / "nowhere")), ["nowhere"]),
    ("Omniglot sample n_support 125, 25 per class past the 20 drawings of a character",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, 125, 5), ["n_support", "125"]),
    ("check_shots n_support np.array([1, 5]), both shots where one is meant",
     lambda d: check_shots(5, 2, np.array([1, 5]), 5), ["n_support"]),
    ("finn_split characters a 2-D array",
     lambda d: finn_split(_data().alphabets, _data().characters[:, None]), ["characters"]),
    ("omniglot_compare episodes seed -7, a negative seed",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 1, -7), ["seed", "-7"]),
    ("Omniglot sample rng the int 3, a seed where a Generator is meant",
     lambda d: Omniglot(5, data=_data()).sample(3, 2, 1, 5), ["rng"]),
    ("omniglot_compare build name 'protonet', a strategy it has not got",
     lambda d: build("protonet", Omniglot(5, data=_data()), 1), ["protonet"]),
    ("train omniglot on the command line with root a file that is not a zip",
     _root_file, ["--root"]),
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


def test_the_hundredfortyfourth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfortyfourth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
