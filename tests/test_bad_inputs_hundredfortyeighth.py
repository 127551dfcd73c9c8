"""A hundred-and-forty-eighth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit f5b73a5,
from the user's side only, in about fifteen minutes: the README's first 300 lines (set-up,
reading order, notation, the three wishes, the gallery, the testing kit, the head of the command
line section); ``--help`` of ``train`` (in full) and the option lines of ``evaluate`` and
``compare``; the public names and signatures (``inspect.signature`` of the functions and classes
each module defines, from ``__all__`` or ``dir``; no methods) of ``scratchmeta.meta``'s
``adapt``, ``maml``, ``anil``, ``reptile``, ``closed_form``, ``ridge``, ``r2d2``, ``r2d2_head``,
``newton_head``, ``softmax_head``, ``subset``, ``multitask``, ``baselines``, ``exploding``,
``guard``, ``normalization``, ``maml_low_rank``, ``registry``, ``evaluate``, ``training``,
``checkpoint`` and ``omniglot_compare`` (not ``checks``/``protocol``/``messages``), and of
``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; the two templates, the hundred-and-forty-fourth (in full) and the
hundred-and-forty-second (its docstring, imports and command-line case lists); the ids of every
earlier battery (extracted by ``ast``, see below). Imported, not copied: ``_good``, ``_train``,
``_rng``, ``_data``, the ninetieth's ``_run``, the ninety-second's ``_evaluate``,
``_maml_state``, ``_small``, the ninety-fourth's ``_compare_on``, ``_features``, ``_maml``,
``_problem``, ``_resumed``, ``_sample``, ``_set_entry``, the ninety-sixth's ``Quadratic``,
``_quadratic``, ``_evaluate_quadratic``, ``_save_fields``, the hundred-and-second's
``_needs_omniglot`` and ``_params``, the hundred-and-twenty-eighth's ``_onehot``. Disclosed: to
learn the helpers' signatures, ``inspect.signature`` printed those of the helpers above (and of
``_damaged``, ``_under_the_batteries_ulimit``) and of the ninety-sixth's ``Quadratic`` methods
sample_x, sample_params, target and metric, and the shapes of ``_onehot()`` (3, 5, 3) and
``_features()`` (3, 5, 4) were printed; no helper body was printed. The first kept run stopped
on a slip of this file (below), and its traceback showed a few lines of library source (the
``cls(model, family, **hyper)`` line of ``registry.py``'s ``make_strategy``, the ``configure``
call of ``closed_form.py`` and the ``raise`` line of ``protocol.py``'s ``configure`` with its
message); nothing else of them was read. The commit was read with ``git rev-parse --short
HEAD``. No library source body, library docstring, validation module, history or file of
/work/main was read (its venv's python was run). No good library calls were made before the
runs; after the first run, the four corrected cases were classified alone once, in their first
form, to record their results. Every case writes only inside its temporary folder (``git status
--short`` after the runs shows this file only; the id list, the signature and check scripts, the
copy before the first run and the run outputs were kept outside the worktree, in
/tmp/wt148_scratch). SCRATCHMETA_DATA was unset. The runs were made as root (so no
read-only-folder case was written: root writes through it). ``_under_the_batteries_ulimit`` is
not used: no case asks for a huge size.

Emphasis, as the brief asked (another writer covers the command line at the same time): 32 of
the 102 cases are on the command line (31 in the two command-line areas and one Omniglot case),
70 in the library.

Areas, as written (102 in all): train on the command line (16) -- maml on linear, fomaml and
r2d2 and newton_head and scratch on clusters, reptile on sinusoid_frequency, anil and subset and
multitask on sinusoid, closed_form on sinusoid_frequency, pretrained on linear, maml on
sinusoid_frequency, multitask on clusters, resumes of a reptile linear run, a closed_form run and
the good run; evaluate and compare on the command line (15) -- runs of maml, anil, scratch
(linear), fomaml, multitask (clusters), reptile and closed_form (sinusoid_frequency), subset; a
JSON file and a missing folder as --checkpoint; compare of maml and closed_form on
sinusoid_frequency, multitask on clusters, scratch on linear, r2d2 on linear; Chapter 2's
functions (12) -- adapt.after, adapt.steps, adapt.from_theta0, maml.meta_grad, maml.meta_loss,
anil_meta_loss, fine_tune_tasks, reptile_direction, closed_form_meta_loss, ridge_fit,
r2d2_logits, subset_indices; strategies and the registry (11) -- make_strategy (closed_form,
r2d2, newton_head (two), multitask, scratch, maml's family, reptile, anil's model),
hyperparameters, strategy_from_config; library train (four), evaluate (three),
select_test_time (two), held_out_tasks (one), task_rng (one) (11 in all); checkpoints (10) --
load_checkpoint (four), restore (three), save_checkpoint (three); nn/optim/batchnorm (9) -- MLP
sizes, batch_norm and init's rng, per_task, split, adam_update (two), batch_norm eps, finn_init;
task families (9) -- Sinusoid, LinearRegression, GaussianClusters, SinusoidFrequency,
cross_entropy, the ninety-sixth's ``Quadratic`` with one method changed (four); Omniglot (9) --
Omniglot's n_way and dtype, sample, check_shots, finn_split, omniglot_compare's episodes,
with_step_size and families, train omniglot on the command line.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: train --inner-lr '0.01;', --meta-lr '1e-3e', --inner-steps '3.', --n-query
  'ten', --set learn_lam=2, --meta-batch '3 2', --set subset_size=3-1, --set head_steps=2.5,
  --steps '1,000', --seed 'zero', --set head_init= (empty); resume --meta-batch '1e2', --meta-lr
  '1e-3 1e-4'; evaluate --steps 'None', --tasks 1.5, --support 'five', --query '10**3', --seed
  '22j', --steps '0x0a', --support ''; compare --tasks '6.0e2', --adapt-steps '1.5e1',
  --val-seed '11th'; adapt.after n_steps [3], from_theta0 inner_lr b'0.01', meta_loss
  first_order np.array([True, False]), anil_meta_loss loss 'mse', fine_tune_tasks inner_steps
  True; make_strategy learn_lam 'auto', inner_lr '0.1', batched np.float64(1.0);
  hyperparameters 'ridge', strategy_from_config a dict without the strategy; train
  checkpoint_every '1000', log_every '50', seed np.float64(0.5); evaluate n_steps '10', n_query
  np.float64(2.5); select_test_time candidates '0.01,0.1', max_steps np.float64(2.5);
  held_out_tasks n_query [5, 5]; task_rng i np.float64(2.5); save_checkpoint step b'2', state
  'params', path b'again.npz'; load_checkpoint path b'run.npz'; MLP sizes (1, 8.5, 1),
  batch_norm 'False', init rng a tuple holding a Generator; per_task n_tasks np.float32(3.5);
  split params 'w,b'; adam_update beta1 'default'; batch_norm eps a list; finn_init sizes
  '1,8,1'; SinusoidFrequency frequency as text; GaussianClusters n_way np.float64(2.5); Omniglot
  n_way (5,), dtype object; check_shots n_tasks 'many'; episodes shots 1.5; families n_way
  [5, 20];
- out of range: train --lam '-0.5' (closed_form), --set inner_lr=inf (pretrained); evaluate
  --query '-0'; adapt.steps n_steps np.int64(-2), meta_grad inner_steps -1, closed_form_meta_loss
  lam -1.0, subset_indices n_support -10; make_strategy r2d2 lam -0.5, multitask head_steps inf,
  scratch n_query NaN; with_step_size step_size -0.4; train n_steps 0 (the command line's --help
  says at least 1); Omniglot sample n_query 7 (not a multiple of 5
  ways); train omniglot --n-support 105 (21 drawings a class, past 20);
- a wrong shape: reptile_direction theta_T one array short, r2d2_logits phi_query of width 6
  beside 4, adam_update grads with an extra
  axis, cross_entropy y_onehot of 4 classes for logits of 3, LinearRegression mean of three
  numbers, make_strategy anil with a model of two outputs for the sinusoid's one; checkpoint
  entries state/adam/v/0 a 0-d scalar, state/params/0 with no elements, meta/step a 1-D pair;
- a user's function that misbehaves (``Quadratic``): sample_x dropping the last point, target
  returning NaN everywhere, sample_params returning one task too many, metric returning a dict;
- degenerate data of other kinds: Sinusoid phase (3.0, 1.0) backwards, GaussianClusters
  n_way 2.5, MLP sizes with a fractional width;
- files and paths: evaluate --checkpoint a JSON file named run.json, a path in a missing folder
  runs_old beside the good run; load_checkpoint two good checkpoints joined in one file, meta/seed
  the float 1e30;
- mismatches and conflicts: compare r2d2 (a classifier) on linear (a regression family);
  make_strategy newton_head with inner_steps 2, a setting it has not got;
- typos and misspellings: make_strategy family 'sine_frequency', ridge_fit form 'Primal',
  evaluate on_divergence 'continue', hyperparameters 'ridge'.

Repeats: the 17,232 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; an earlier id of three words or more that is a whole-word
prefix of a draft; and a draft's text before the first comma that is a prefix of an earlier id),
over five rounds, and by about 150 function-and-value regular-expression greps over the same list
(e.g. ``inner-lr '0,01'``, ``1e-3e``, ``learn_lam=2``, ``0x10``, ``subset_size=-3``,
``inner_lr=inf``, ``1,000``, ``resume.*another strategy``, ``resume.*seed 7``,
``evaluate.*steps -1``, ``seed 'nan'``, ``0x0a``, ``json``, ``tasks -600``, ``'eleven'``,
``after n_steps``, ``steps n_steps``, ``from_theta0 inner_lr``, ``first_order 'yes'``,
``anil_meta_loss first_order``, ``fine_tune_tasks inner_steps``, ``reptile_direction theta``,
``ridge_fit form``, ``r2d2_logits lam|offset``, ``subset_indices``, ``pretrained inner_steps``,
``'sinusiod'``, ``strategy_from_config record``, ``head_steps``, ``scratch.*meta_lr|lam``,
``reptile batched``, ``two outputs``, ``on_divergence 'skip'``, ``checkpoint_every``,
``log_every``, ``train seed np``, ``candidates``, ``max_steps -``, ``held_out_tasks n_query``,
``task_rng i np``, ``cut to half``, ``gzip``, ``adam/v/0``, ``state/params/0``, ``meta/step``,
``save_checkpoint path``, ``randomstate``, ``np.random module``, ``split params``, ``beta1 the
word``, ``sample_params returns``, ``complex64``, ``dtype bool``, ``n_query 7``,
``finn_split alphabets``, ``families n_way``, ``finn_init sizes``). The list is saturated: 107
first drafts went down to 102 (five dropped: train strategy 'maml,fomaml', compare family
'Clusters', meta_gradient_norm inner_lr 'small', with_test_time n_steps -3, train resume True
without a checkpoint), and about 70 were replaced before any run, among them exact earlier ids
(``adapt.from_theta0 inner_lr NaN``, ``hyperparameters name None``, ``train seed the word
'zero'``, ``evaluate on_divergence 'Raise'``-like, ``evaluate chunk_size True, a bool for a
count``, ``load_checkpoint a checkpoint whose meta/seed is -1``, ``save_checkpoint state None``,
``save_checkpoint path the case's folder itself``, ``per_task n_tasks -2, a sign slip``,
``GaussianClusters spread NaN``, the Quadratic ``sample_x returns complex points`` and ``metric
returns None``, ``check_shots n_way -5, a sign slip``, ``finn_split n_train the word 'all'``,
``task_rng i the word 'first'``, ``batch_norm eps the text '1e-3'``, ``Omniglot n_way the text
'5'``, ``select_test_time max_steps the word 'ten'``, ``omniglot_compare families n_way the
text '5'``), heads (``adapt.after n_steps -1``, ``adapt.steps n_steps 2.5``,
``anil_meta_loss inner_lr inf``, ``r2d2_logits scale NaN``, ``make_strategy pretrained n_query
10``, ``make_strategy maml family 'omniglott'``, ``train log_every 2.5``, ``evaluate n_steps
-1``, ``held_out_tasks n_tasks 0``, ``task_rng i -1``, ``save_checkpoint step -1|2.5``, ``MLP
init rng the int 0``, ``adam_update lr -1e-3``, ``adam_update beta1 -0.1``, ``batch_norm eps
0``, ``Omniglot n_way 0``, ``Omniglot dtype 'int8'``, ``episodes n_tasks 0``, ``check_shots
n_tasks -1``, ``make_strategy newton_head ... first_order True``, ``select_test_time candidates a
set``) and substance (``train ... learn_lam=maybe``, ``inner-lr '0,01'``, ``subset_size=-3``,
resumes under another strategy or seed, evaluate ``steps -1``, ``seed 'NaN'``, compare ``tasks
-600`` and ``'600.'``, ``val-seed 'eleven'``, ``meta_loss first_order 'yes'``,
``subset_indices subset_size 20 of 10``, ``'sinusiod'``, ``strategy_from_config`` a JSON string
and a list, ``learn_lam 'no'``, ``head_steps -1``, ``scratch meta_lr|lam``, ``batched
'true'``, ``candidates []``, ``cut to half its bytes``, ``state/adam/v/0 is negative``,
``state/params/0 holds text``, ``meta/step is 2.5|complex``, ``save_checkpoint path ''``, ``MLP
init rng a RandomState|a list of two Generators``, ``split params None|3``,
``sample_params returns text``, ``Omniglot dtype complex64``, ``families n_way 1.5``, ``train
omniglot ... n-support 3|7``, ``checkpoint_every -10|NaN``). No exact id repeats among the cases
run, nor a repeat before the first comma or by either prefix rule, except artefacts of a comma
inside a tuple (``MLP sizes (1``, ``LinearRegression mean (1.0``) and one prefix match of a
number as text (``select_test_time candidates the text '0.01,0.1'`` against ``... the text
'0.01', a number as text``: kept, two step sizes in one text against one). Kept as new values,
near (the lead may judge): train --meta-lr '1e-3e' near inner-lr ``1e-3e``; --set learn_lam=2 on
r2d2 near closed_form's and newton_head's; --meta-batch '3 2' near evaluate tasks ``'6 00'``;
pretrained --set inner_lr=inf near evaluate newton_head's; --steps '1,000' near --n-query and
n_train_tasks ``1,000``; evaluate --tasks 1.5 near the library's ``n_tasks 1.5``; evaluate
--steps '0x0a' near other options' ``0x0a``; run.json near ``a JSON text named .npz``;
meta_grad inner_steps -1 near anil_meta_grad's; anil_meta_loss loss 'mse' near other functions'
``loss the string 'mse'``; reptile_direction theta_T one array short near ``... each of another
shape``; r2d2_logits phi_query of width 6 near softmax_head_logits'; subset_indices n_support
-10 near -5; make_strategy anil with two outputs near multitask's; train seed np.float64(0.5)
near np.float32(0.0); task_rng i np.float64(2.5) near np.float32(2.0); restore state/params/0
with no elements near a resume's ``has no rows``; meta/seed 1e30 near a resume's ``0.5``;
adam_update beta1 'default' near adam_rows ``'high'``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 61 of the 102. ``DROPPED``
is empty. The file was copied before the first run.

Corrections after the first run (outright slips of plumbing, recorded with both results): four
cases used closed_form on linear, whose default model has no hidden layer, while closed_form
meta-trains a body under a head; so each held a second fault beside the one meant. The first
kept run stopped (after cli train 10 of 10 clear) in the set-up of ``evaluate a closed_form
linear run with seed '22j', a complex seed`` with a traceback, "ValueError: ClosedForm
meta-trains a body shared by every task under a head of each task's own, so the model needs a
body of at least one layer; got sizes (1, 1), one layer, the head alone: choose a family whose
default model has a hidden layer (linear's has none), ...", raised by the ninetieth's ``_run``
making the run to evaluate, not by the bad input. Classified alone in their first form: ``train
closed_form on linear with lam '-0.5'`` clear ("error: train: argument --lam: expected a
positive number, got '-0.5' ..."); the evaluate case stopped in its set-up with the ValueError
above; ``compare closed_form on linear with adapt-steps '1.5e1'`` clear ("error: compare:
argument --adapt-steps: expected a non-negative integer, written in plain decimal digits, got
'1.5e1' ..."); ``make_strategy closed_form on linear learn_lam the word 'auto'`` clear
("TypeError: learn_lam must be true or false, got 'auto' (a string)"). All four became
closed_form on sinusoid_frequency, the bad value unchanged; after the correction all four were
clear. No other case was changed.

Memory and time: no case allocated much. The kept script run took about five seconds, the
written one about four, pytest about six.

First run at f5b73a5 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present;
after the correction above): kept, 60 of 61 clear (98.4%), 0 unclear, 1 silent, 0 data loss --
cli train 10/10, cli evaluate/compare 9/9, meta functions 7/7, strategies 7/7, evaluate and
train 6/7, checkpoints 6/6, nn/optim/batchnorm 5/5, task families 5/5, omniglot 5/5. Written
(``--written``): 101 of 102 clear (99.0%), 0 unclear, 1 silent, 0 data loss -- every area all
clear but evaluate and train 10/11. Under pytest (without the ulimit): 61 passed, 1 failed (the
silent case below; the wide-and-new test passed).

Not clear, kept: ``train n_steps 0, no meta-step at all`` -- silent, "no error":
``train(_maml(), 0, 0)`` returned without raising. The command line's ``--help`` says
``--steps`` is "total meta-steps, at least 1"; the library's own contract for ``n_steps`` was not
read (its docstring is off limits), so if the library means 0 as "initialise only", this case is
not a bad input: the lead may judge.

Not clear, written and not kept: none.

Every other case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError
naming the argument, option, entry or user method in its mentions and the value given. The cases
that write (the resumes of a reptile linear run, a closed_form run and the good run, train with a
checkpoint, save_checkpoint to b'again.npz' and the others) lost no data (the harness's
data-loss check passed).

Measured on main at f5b73a5, the commit it was written at, blind (the lead reran it there,
with the hundred-and-forty-sixth, -seventh and -ninth beside it): kept, 60 of 61 clear (98.4%),
0 unclear, 1 silent, 0 data loss; the pair with the hundred-and-forty-ninth, 114 of 116
(98.3%). The silent case was not a bad input: 0 meta-steps is a valid library run that only
builds the initial state (compare.run gives 0 meta-steps to scratch, which has nothing to
learn); it is a strict xfail
with that reason, and train's docstring now says it.
"""
import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import after, from_theta0, sgd_path, steps
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, select_test_time, task_rng
from scratchmeta.meta.maml import meta_grad, meta_loss
from scratchmeta.meta.omniglot_compare import episodes, families, with_step_size
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import (hyperparameters, make_strategy,
                                       strategy_from_config)
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_direction
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_update
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

def _resume_two_steps(d):
    return ["train", "--steps", "4", "--meta-batch", "2", "--out", str(_good(d)), "--resume",
            "--meta-lr", "1e-3 1e-4"]


CLI_TRAIN_CASES = [
    ("train maml on linear with inner-lr '0.01;', a stray semicolon",
     _train("--strategy", "maml", "--family", "linear", "--inner-lr", "0.01;"),
     ["--inner-lr", "0.01;"]),
    ("train fomaml on clusters with meta-lr '1e-3e', a stray e after the exponent",
     _train("--strategy", "fomaml", "--family", "clusters", "--meta-lr", "1e-3e"),
     ["--meta-lr", "1e-3e"]),
    ("train reptile on sinusoid_frequency with inner-steps '3.', a trailing point on K",
     _train("--strategy", "reptile", "--family", "sinusoid_frequency", "--inner-steps", "3."),
     ["--inner-steps", "3."]),
    ("train anil on sinusoid with n-query 'ten', a word for the query count",
     _train("--strategy", "anil", "--n-query", "ten"), ["--n-query", "ten"]),
    ("train closed_form on sinusoid_frequency with lam '-0.5', a negative ridge penalty",
     _train("--strategy", "closed_form", "--family", "sinusoid_frequency", "--lam", "-0.5"),
     ["--lam", "-0.5"]),
    ("train r2d2 on clusters with set learn_lam=2, a count for a switch",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "learn_lam=2"),
     ["learn_lam", "2"]),
    ("train newton_head on clusters with meta-batch '3 2', a space inside the count",
     _train("--strategy", "newton_head", "--family", "clusters", "--meta-batch", "3 2"),
     ["--meta-batch", "3 2"]),
    ("train subset on sinusoid with set subset_size=3-1, arithmetic left for the program",
     _train("--strategy", "subset", "--set", "subset_size=3-1"), ["subset_size", "3-1"]),
    ("train multitask on sinusoid with set head_steps=2.5, a fraction of head steps",
     _train("--strategy", "multitask", "--set", "head_steps=2.5"), ["head_steps", "2.5"]),
    ("train pretrained on linear with set inner_lr=inf, an endless test-time step",
     _train("--strategy", "pretrained", "--family", "linear", "--set", "inner_lr=inf"),
     ["inner_lr", "inf"]),
    ("train scratch on clusters with steps '1,000', a thousands separator",
     _train("--strategy", "scratch", "--family", "clusters", "--steps", "1,000"),
     ["--steps", "1,000"]),
    ("train maml on sinusoid_frequency with seed 'zero', a word for the run seed",
     _train("--family", "sinusoid_frequency", "--seed", "zero"), ["--seed", "zero"]),
    ("train multitask on clusters with set head_init= and nothing after the sign",
     _train("--strategy", "multitask", "--family", "clusters", "--set", "head_init="),
     ["head_init"]),
    ("train resume a reptile linear run with inner-steps 0.5, half of Reptile's T",
     _resumed("reptile", "--inner-steps", "0.5", family="linear"),
     ["--inner-steps", "0.5"]),
    ("train resume a closed_form sinusoid run with meta-batch '1e2', a float's notation",
     _resumed("closed_form", "--meta-batch", "1e2"), ["--meta-batch", "1e2"]),
    ("train resume the good run with meta-lr '1e-3 1e-4', two steps in one value",
     _resume_two_steps, ["--meta-lr", "1e-3 1e-4"]),
]

# --- the command line: evaluate and compare

def _json_checkpoint(d):
    path = d / "run.json"
    path.write_text('{"strategy": "maml", "step": 2}\n')
    return ["evaluate", "--checkpoint", str(path), "--tasks", "4", "--steps", "1"]


def _checkpoint_in_missing_folder(d):
    _good(d)
    return ["evaluate", "--checkpoint", str(d / "runs_old" / "maml.npz"), "--tasks", "4",
            "--steps", "1"]


CLI_OTHER_CASES = [
    ("evaluate a maml linear run with steps 'None', Python's null as text",
     _evaluate(lambda d: _run(d, "maml", family="linear"), "--steps", "None"),
     ["--steps", "None"]),
    ("evaluate a fomaml clusters run with tasks 1.5, a fraction of a held-out task",
     _evaluate(lambda d: _run(d, "fomaml", family="clusters"), "--tasks", "1.5"),
     ["--tasks", "1.5"]),
    ("evaluate a reptile sinusoid_frequency run with support 'five', a word for a count",
     _evaluate(lambda d: _run(d, "reptile", family="sinusoid_frequency"), "--support",
               "five"), ["--support", "five"]),
    ("evaluate an anil linear run with query '10**3', Python's power notation",
     _evaluate(lambda d: _run(d, "anil", family="linear"), "--query", "10**3"),
     ["--query", "10**3"]),
    ("evaluate a closed_form sinusoid_frequency run with seed '22j', a complex seed",
     _evaluate(lambda d: _run(d, "closed_form", family="sinusoid_frequency"), "--seed",
               "22j"),
     ["--seed", "22j"]),
    ("evaluate a scratch linear run with steps '0x0a', a hexadecimal step count",
     _evaluate(lambda d: _run(d, "scratch", family="linear"), "--steps", "0x0a"),
     ["--steps", "0x0a"]),
    ("evaluate a subset sinusoid run with support '', an empty value",
     _evaluate(lambda d: _run(d, "subset"), "--support", ""), ["--support"]),
    ("evaluate a multitask clusters run with query '-0', no query points written signed",
     _evaluate(lambda d: _run(d, "multitask", family="clusters"), "--query", "-0"),
     ["--query", "-0"]),
    ("evaluate checkpoint a JSON file named run.json, not an npz",
     _json_checkpoint, ["run.json"]),
    ("evaluate checkpoint in a folder runs_old that does not exist beside the good run",
     _checkpoint_in_missing_folder, ["runs_old"]),
    ("compare maml on sinusoid_frequency with tasks '6.0e2', a float's notation",
     _compare_on(["maml"], "sinusoid_frequency", "--tasks", "6.0e2"), ["--tasks", "6.0e2"]),
    ("compare closed_form on sinusoid_frequency with adapt-steps '1.5e1', a float's notation",
     _compare_on(["closed_form"], "sinusoid_frequency", "--adapt-steps", "1.5e1"),
     ["--adapt-steps", "1.5e1"]),
    ("compare multitask on clusters with val-seed '11th', an ordinal for the seed",
     _compare_on(["multitask"], "clusters", "--val-seed", "11th"),
     ["--val-seed", "11th"]),
    ("compare scratch on linear with steps '-300', a sign slip in the meta-steps",
     _compare_on(["scratch"], "linear", "--steps", "-300"), ["--steps", "-300"]),
    ("compare r2d2 on linear, a classifier's strategy on a regression family",
     _compare_on(["r2d2"], "linear"), ["r2d2", "linear"]),
]

# --- Chapter 2's functions

def _path():
    model, params, batch = _problem()
    return sgd_path(per_task(params, batch.x_support.shape[0]), batch, model, inner_lr=0.01,
                    loss=mse)


def _from_theta0_lr_nan():
    model, params, batch = _problem()
    return from_theta0(params, batch, model, inner_lr=b"0.01", loss=mse)


def _meta_grad_steps_negative():
    model, params, batch = _problem()
    return meta_grad(params, batch, model, inner_lr=0.01, inner_steps=-1)


def _meta_loss_first_order_yes():
    model, params, batch = _problem()
    return meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1,
                     first_order=np.array([True, False]))


def _anil_loss_lr_inf():
    model, params, batch = _problem()
    return anil_meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1, loss="mse")


def _fine_tune_steps_true():
    model, params, batch = _problem()
    return fine_tune_tasks(params, batch, model, inner_lr=0.01, inner_steps=True)


def _direction_short():
    model, params, batch = _problem()
    theta = per_task(params, batch.x_support.shape[0])
    return reptile_direction(params, theta[:-1])


def _closed_form_lam_negative():
    model, params, batch = _problem()
    return closed_form_meta_loss(split(params)[0], batch, model, lam=-1.0)


META_CASES = [
    ("adapt.after n_steps [3], a count in a list",
     lambda d: after(_path(), [3]), ["n_steps"]),
    ("adapt.steps n_steps np.int64(-2), a negative NumPy count",
     lambda d: steps(_path(), np.int64(-2)), ["n_steps", "-2"]),
    ("adapt.from_theta0 inner_lr the bytes b'0.01'",
     lambda d: _from_theta0_lr_nan(), ["inner_lr"]),
    ("maml meta_grad inner_steps -1, a sign slip in K",
     lambda d: _meta_grad_steps_negative(), ["inner_steps", "-1"]),
    ("maml meta_loss first_order np.array([True, False]), one switch per task",
     lambda d: _meta_loss_first_order_yes(), ["first_order"]),
    ("anil_meta_loss loss the string 'mse', a name where the function is meant",
     lambda d: _anil_loss_lr_inf(), ["loss"]),
    ("reptile fine_tune_tasks inner_steps True, a bool for T",
     lambda d: _fine_tune_steps_true(), ["inner_steps", "True"]),
    ("reptile_direction theta_T one parameter array short",
     lambda d: _direction_short(), ["theta_T"]),
    ("closed_form_meta_loss lam -1.0, a negative ridge penalty",
     lambda d: _closed_form_lam_negative(), ["lam", "-1"]),
    ("ridge_fit form 'Primal', capitalised",
     lambda d: ridge_fit(_features(), _onehot(), 1.0, form="Primal"), ["form", "Primal"]),
    ("r2d2_logits phi_query of width 6 beside support features of width 4",
     lambda d: r2d2_logits(_features(), _onehot(), _features(width=6), 1.0),
     ["phi_query"]),
    ("subset_indices n_support -10, a sign slip",
     lambda d: subset_indices(_rng(), 3, -10, 2), ["n_support", "-10"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy closed_form on sinusoid_frequency learn_lam the word 'auto'",
     lambda d: make_strategy("closed_form", family="sinusoid_frequency", meta_batch=2,
                             learn_lam="auto"),
     ["learn_lam", "auto"]),
    ("make_strategy r2d2 on clusters lam -0.5, a negative penalty",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, lam=-0.5),
     ["lam", "-0.5"]),
    ("make_strategy newton_head on clusters inner_lr the text '0.1'",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=2, inner_lr="0.1"),
     ["inner_lr", "0.1"]),
    ("make_strategy multitask on sinusoid head_steps inf, endless head steps",
     lambda d: make_strategy("multitask", meta_batch=2, head_steps=np.inf),
     ["head_steps", "inf"]),
    ("make_strategy newton_head on clusters inner_steps 2, a K its head has not got",
     lambda d: make_strategy("newton_head", family="clusters", meta_batch=2, inner_steps=2),
     ["inner_steps"]),
    ("make_strategy scratch on linear n_query NaN",
     lambda d: make_strategy("scratch", family="linear", meta_batch=2, n_query=np.nan),
     ["n_query", "nan"]),
    ("make_strategy maml family 'sine_frequency', a made-up family name",
     lambda d: make_strategy("maml", family="sine_frequency", meta_batch=2),
     ["sine_frequency"]),
    ("make_strategy reptile batched np.float64(1.0), a float for a switch",
     lambda d: make_strategy("reptile", meta_batch=2, batched=np.float64(1.0)), ["batched"]),
    ("make_strategy anil on sinusoid with model MLP((1, 40, 40, 2)), two outputs for one",
     lambda d: make_strategy("anil", meta_batch=2, model=MLP((1, 40, 40, 2))), ["model"]),
    ("hyperparameters name 'ridge', a head's name and not a strategy's",
     lambda d: hyperparameters("ridge"), ["ridge"]),
    ("strategy_from_config record a dict without the strategy's name",
     lambda d: strategy_from_config({"meta_batch": 2, "inner_lr": 0.01}), ["strategy"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("train n_steps 0, no meta-step at all",
     lambda d: train(_maml(), 0, 0), ["n_steps", "0"]),
    ("train checkpoint_every the text '1000' beside a checkpoint path",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every="1000"),
     ["checkpoint_every", "1000"]),
    ("train log_every the text '50'",
     lambda d: train(_maml(), 2, 0, log_every="50"), ["log_every", "50"]),
    ("train seed np.float64(0.5), half a seed",
     lambda d: train(_maml(), 2, np.float64(0.5)), ["seed", "0.5"]),
    ("evaluate n_steps the text '10' in the library",
     lambda d: evaluate(*_maml_state(), Sinusoid(), **_small(n_steps="10")), ["n_steps", "10"]),
    ("evaluate on_divergence 'continue', a mode it has not got",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1,
                        **_small(on_divergence="continue")), ["on_divergence", "continue"]),
    ("evaluate n_query np.float64(2.5) in the library, two and a half query points",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1,
                        **_small(n_query=np.float64(2.5))), ["n_query", "2.5"]),
    ("select_test_time candidates the text '0.01,0.1'",
     lambda d: select_test_time(*_maml_state(), Sinusoid(), candidates="0.01,0.1",
                                max_steps=1, **_small()), ["candidates"]),
    ("select_test_time max_steps np.float64(2.5), two and a half steps",
     lambda d: select_test_time(*_maml_state(), Sinusoid(), candidates=[0.01],
                                max_steps=np.float64(2.5), **_small()), ["max_steps", "2.5"]),
    ("held_out_tasks n_query [5, 5], one count per task",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, [5, 5]), ["n_query"]),
    ("task_rng i np.float64(2.5), a task between two",
     lambda d: task_rng(22, np.float64(2.5)), ["i", "2.5"]),
]

# --- checkpoints

def _twice(d):
    good = _good(d)
    data = good.read_bytes()
    path = d / "twice.npz"
    path.write_bytes(data + data)
    return path


def _save_step(d, step):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "again.npz", ckpt.state, step=step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses)


def _save_to_folder(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(b"again.npz", ckpt.state, step=ckpt.step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses)


V0_NEGATIVE = _set_entry("v0neg", "state/adam/v/0", lambda a: np.array(0.5))
SEED_NEGATIVE = _set_entry("seedbig", "meta/seed", lambda a: np.array(1e30))
P0_TEXT = _set_entry("p0text", "state/params/0", lambda a: np.zeros((0,)))
STEP_FRACTION = _set_entry("stepfrac", "meta/step", lambda a: np.array([2, 2]))
T_NAN = _set_entry("tnan", "state/adam/t", lambda a: np.full(np.shape(a), np.nan))


CHECKPOINT_CASES = [
    ("load_checkpoint two good checkpoints joined in one file, twice.npz",
     lambda d: load_checkpoint(_twice(d)), ["twice.npz"]),
    ("restore a checkpoint whose state/adam/v/0 is a 0-d scalar",
     lambda d: restore(V0_NEGATIVE(d)), ["state/adam/v/0"]),
    ("load_checkpoint a checkpoint whose meta/seed is the float 1e30",
     lambda d: load_checkpoint(SEED_NEGATIVE(d)), ["meta/seed"]),
    ("restore a checkpoint whose state/params/0 has no elements",
     lambda d: restore(P0_TEXT(d)), ["state/params/0"]),
    ("load_checkpoint a checkpoint whose meta/step is a 1-D pair [2, 2]",
     lambda d: load_checkpoint(STEP_FRACTION(d)), ["meta/step"]),
    ("restore a checkpoint whose state/adam/t is NaN",
     lambda d: restore(T_NAN(d)), ["state/adam/t"]),
    ("save_checkpoint step the bytes b'2'",
     lambda d: _save_step(d, b"2"), ["step"]),
    ("save_checkpoint state the text 'params'",
     lambda d: _save_fields(d, state="params"), ["state"]),
    ("save_checkpoint path the bytes b'again.npz'",
     _save_to_folder, ["path"]),
    ("load_checkpoint path the bytes b'run.npz'",
     lambda d: load_checkpoint(b"run.npz"), ["path"]),
]

# --- nn, optim, batchnorm

def _adam_grads_wrong_shape():
    params = _params()
    return adam_update(params, [np.ones(np.shape(a) + (2,)) for a in params],
                       adam_init(params), 1e-3)


def _adam_lr_negative():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params), 1e-3,
                       beta1="default")


NN_CASES = [
    ("MLP sizes (1, 8.5, 1), a fraction of a unit",
     lambda d: MLP((1, 8.5, 1)).init(_rng()), ["sizes", "8.5"]),
    ("MLP batch_norm the text 'False'",
     lambda d: MLP((1, 8, 1), batch_norm="False").init(_rng()), ["batch_norm", "False"]),
    ("MLP init rng a one-element tuple holding a Generator",
     lambda d: MLP((1, 8, 1)).init((_rng(),)), ["rng"]),
    ("per_task n_tasks np.float32(3.5), three and a half tasks",
     lambda d: per_task(_params(), np.float32(3.5)), ["n_tasks", "3.5"]),
    ("nn.split params the text 'w,b'",
     lambda d: split("w,b"), ["params"]),
    ("adam_update beta1 the word 'default'",
     lambda d: _adam_lr_negative(), ["beta1", "default"]),
    ("adam_update grads each with an extra trailing axis",
     lambda d: _adam_grads_wrong_shape(), ["grads"]),
    ("batch_norm eps a list [1e-3, 1e-3], one per feature",
     lambda d: batch_norm(np.ones((2, 5, 4)), eps=[1e-3, 1e-3]), ["eps"]),
    ("batchnorm finn_init sizes the text '1,8,1'",
     lambda d: finn_init(_rng(), "1,8,1"), ["sizes"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _x_complex(self, rng, task_params, n_points):
    return np.asarray(Quadratic.sample_x(self, rng, task_params, n_points))[:, :-1]


def _target_nan(self, task_params, x):
    return np.full(np.shape(Quadratic.target(self, task_params, x)), np.nan)


def _params_text(self, rng, n_tasks):
    return np.asarray(Quadratic.sample_params(self, rng, n_tasks + 1))


def _metric_none(self, pred, y):
    return {"mse": Quadratic.metric(self, pred, y)}


TASK_CASES = [
    ("Sinusoid phase (3.0, 1.0), the range backwards, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(phase=(3.0, 1.0)), 2, 5, 5), ["phase"]),
    ("LinearRegression mean (1.0, 0.5, 0.2), three numbers for a pair, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean=(1.0, 0.5, 0.2)), 2, 5, 5), ["mean"]),
    ("GaussianClusters n_way np.float64(2.5), two and a half classes, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(n_way=np.float64(2.5)), 2, 5, 5),
     ["n_way", "2.5"]),
    ("SinusoidFrequency frequency ('0.5', '2.0'), the bounds as text, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=("0.5", "2.0")), 2, 5, 5),
     ["frequency"]),
    ("cross_entropy y_onehot of 4 classes for logits of 3",
     lambda d: cross_entropy(np.zeros((3, 5, 3)), np.eye(4)[np.zeros((3, 5), int)]),
     ["y_onehot"]),
    ("a user's Quadratic TaskFamily whose sample_x drops the last point, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_x=_x_complex), 2, 5, 5), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose target returns NaN everywhere, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_nan), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_params returns one task too many, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_params=_params_text), 2, 5, 5),
     ["sample_params"]),
    ("a user's Quadratic TaskFamily whose metric returns a dict {'mse': ...}, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_none)), ["metric"]),
]

# --- Omniglot

def _omniglot_support_three(d):
    return ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
            "--n-support", "105", "--out", str(d / "omni.npz")]


OMNIGLOT_CASES = [
    ("Omniglot n_way the tuple (5,), a count in a tuple",
     lambda d: _sample(Omniglot((5,), data=_data())), ["n_way"]),
    ("Omniglot dtype object, drawings as Python objects",
     lambda d: _sample(Omniglot(5, data=_data(), dtype=object)), ["dtype", "object"]),
    ("Omniglot sample n_query 7, not a multiple of the 5 ways",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, 5, 7), ["n_query", "7"]),
    ("check_shots n_tasks the word 'many'",
     lambda d: check_shots(5, "many", 5, 5), ["n_tasks", "many"]),
    ("finn_split alphabets ten labels short of the characters",
     lambda d: finn_split(_data().alphabets[10:], _data().characters), ["alphabets"]),
    ("omniglot_compare episodes shots 1.5, a shot and a half",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 1.5, 0), ["shots", "1.5"]),
    ("omniglot_compare with_step_size step_size -0.4, a sign slip",
     lambda d: with_step_size(make_strategy("maml", meta_batch=2), -0.4),
     ["step_size", "-0.4"]),
    ("omniglot_compare families n_way [5, 20], two ways where one is meant",
     lambda d: families(_data(), n_way=[5, 20]), ["n_way"]),
    ("train omniglot on the command line with n-support 105, 21 drawings a class past 20",
     _omniglot_support_three, ["--n-support", "105"]),
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
    'train n_steps 0, no meta-step at all':
        'silent at f5b73a5: no error (not a bad input: 0 meta-steps is a valid run that only '
        'builds the initial state, as compare.run gives scratch; train\'s docstring now says '
        'so, and the command line\'s --steps, which asks for at least 1, is its own rule)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_hundredfortyeighth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfortyeighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
