"""A hundred-and-fifty-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit 72821c6,
from the user's side only, in about fifteen minutes: the README's first 300 lines (set-up,
reading order, notation, the three wishes, the gallery, the testing kit, the head of the command
line section); ``--help`` of ``train``, ``evaluate`` and ``compare`` (in full); the public names
and signatures (``inspect.signature`` of the functions and classes each module defines, from
``__all__`` or ``dir``; no methods) of ``scratchmeta.meta``'s ``adapt``, ``maml``, ``anil``,
``reptile``, ``closed_form``, ``ridge``, ``r2d2``, ``r2d2_head``, ``newton_head``,
``softmax_head``, ``subset``, ``multitask``, ``baselines``, ``exploding``, ``guard``,
``normalization``, ``maml_low_rank``, ``registry``, ``evaluate``, ``training``, ``checkpoint``
and ``omniglot_compare`` (not ``checks``/``protocol``/``messages``), and of ``nn``, ``optim``,
``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``;
the two templates, the hundred-and-forty-eighth (its docstring, imports, case lists, helpers
and tail; lines 178-330 were read in two parts) and the hundred-and-forty-fourth (its
docstring's first 150 lines); the ids of every earlier battery (extracted by ``ast``, see
below). Imported, not copied: ``_good``, ``_train``, ``_rng``, ``_data``, the ninetieth's
``_run``, the ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's
``_compare_on``, ``_features``, ``_maml``, ``_problem``, ``_resumed``, ``_sample``,
``_set_entry``, the ninety-sixth's ``Quadratic``, ``_quadratic``, ``_evaluate_quadratic``,
``_save_fields``, the hundred-and-second's ``_needs_omniglot`` and ``_params``, the
hundred-and-twenty-eighth's ``_onehot``. Disclosed: to learn the helpers' signatures,
``inspect.signature`` printed those of the helpers above (and of ``_damaged``,
``_under_the_batteries_ulimit``); a ``grep -A12`` for ``def _train``/``def _good`` in
``tests/test_bad_inputs_cli.py`` printed the bodies of ``_good``, ``_arrays``, ``_train`` and
``_evaluate`` and the ``TRAIN`` list (test helpers, not library code); the shapes of
``_problem()`` (an MLP of sizes (1, 8, 8, 1), support (3, 5, 1)) and of ``_params()`` were
printed; to diagnose the slip below, the frames (file and function names only) of the
KeyError's traceback were printed: the ninety-fourth's lambda and the cli's ``_damaged``, no
library frame. No library source body, library docstring, validation module, history or file of
/work/main was read (its venv's python was run). The commit was read with ``git rev-parse
--short HEAD``. No good library calls were made before the runs. Every case writes only inside
its temporary folder (``git status --short`` after the runs shows this file only; the id list,
the signature and check scripts, the copy before the first run and the run outputs were kept
outside the worktree, in /tmp/wt152_scratch). SCRATCHMETA_DATA was unset. The runs were made as
root (so no read-only-folder case was written: root writes through it).
``_under_the_batteries_ulimit`` is not used: no library case asks for a huge size.

Emphasis, as the brief asked (another writer covers the command line at the same time): 34 of
the 107 cases are on the command line (33 in the two command-line areas and one Omniglot case),
73 in the library.

Areas, as written (107 in all): train on the command line (17) -- maml on clusters, fomaml on
linear and on clusters, reptile on clusters, anil and subset and multitask on
sinusoid_frequency, closed_form and scratch on sinusoid, r2d2 and newton_head and pretrained on
clusters, maml on sinusoid_frequency and on sinusoid, resumes of an anil sinusoid run, an r2d2
clusters run and a subset sinusoid run; evaluate and compare on the command line (16) -- runs of
maml, r2d2, newton_head (clusters), reptile (linear), pretrained, multitask (sinusoid), fomaml
(sinusoid_frequency), the good run's path with a trailing slash, a file of zero bytes; compare
of fomaml and subset on clusters, anil and reptile on sinusoid, pretrained on
sinusoid_frequency, maml on linear, a misspelt strategy; Chapter 2's functions (12) --
adapt.sgd_path, adapt.after, adapt.from_theta0, maml.meta_grad, maml.meta_loss, anil_meta_grad,
reptile_step, closed_form_meta_loss, meta_loss_low_rank, meta_gradient_norms, subset_batch,
ridge_head; strategies and the registry (11) -- make_strategy (fomaml, r2d2, closed_form,
subset, multitask, pretrained, maml's model, a misspelt name), make_family, strategy_from_config,
with_test_time; library train (four), evaluate (four), select_test_time (two), held_out_tasks
(one), task_rng (one) (12 in all); checkpoints (10) -- restore (four), load_checkpoint (four),
save_checkpoint (four, counting _save_fields); nn/optim/batchnorm (10) -- MLP sizes, activation,
dtype and init's rng, per_task, split, adam_update (two), adam_rows, finn_init; task families
(10) -- Sinusoid, LinearRegression (two), SinusoidFrequency, mse, accuracy, the ninety-sixth's
``Quadratic`` with one method changed (four); Omniglot (9) -- Omniglot's split, n_train,
n_validation, sample, check_shots, finn_split, omniglot_compare's build and episodes, train
omniglot on the command line.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: train --inner-lr '.01.', --meta-batch '2/1', --inner-steps in an Arabic-Indic
  digit, --n-support '10.0e0', --set learn_lam=Y, --set lam=., --lam '1/2', --set
  subset_size=None, --set head_meta_lr=0,03, --meta-lr '1e-3%', --log-every '5s',
  --checkpoint-every 'none'; resume --inner-steps '1.0e0', --set scale=ten, --n-query '0.0';
  evaluate --tasks '4 tasks', --steps with a typographic minus, --support in a full-width
  digit, --query '100!', --seed '2_2', --tasks '4.0'; compare --query '0e0', --val-tasks '5e1',
  --eval-seed '22.', --support 'l0', --adapt-steps '10.', --seed '1e0'; train omniglot
  --meta-lr '0.001.'; sgd_path inner_lr complex, after n_steps Decimal('2'), from_theta0
  trainable [0.5], meta_grad inner_lr a Fraction, anil_meta_grad inner_steps b'1', reptile_step
  inner_lr [0.01], closed_form_meta_loss loss None, meta_loss_low_rank first_order
  np.float64(0.0), meta_gradient_norms inner_lrs '0.01 0.1', subset_batch subset_size '3',
  ridge_head lam a 1x1 matrix; make_strategy meta_batch Decimal('2.5'), scale 'ten', learn_scale
  two switches, model a list of two MLPs; strategy_from_config a tuple of pairs; with_test_time
  inner_lr a Decimal; train strategy the text 'maml', checkpoint_every np.float64(1.5); evaluate
  n_tasks a Fraction, chunk_size a Decimal, family the class; select_test_time n_support
  np.bool_(True); save_checkpoint seed -0.5, config 'maml', changes 3; load_checkpoint path 7;
  MLP sizes with True, dtype 'f8x', init rng the default_rng function; per_task n_tasks
  Decimal('3.5'); split params a dict; adam_rows lr a Decimal; finn_init sizes with None;
  Sinusoid phase (0.0, 'pi'); Omniglot n_validation np.float64(100.0), sample rng [0];
  finn_split n_validation 'rest'; check_shots n_drawings 2.5; episodes n_tasks np.float64(2.0);
- out of range: --set inner_lr=-1e309; make_strategy subset_size -7, make_family linear scale
  -2.0; train seed 2**80; select_test_time candidates holding NaN; held_out_tasks n_support NaN;
  task_rng seed -22; LinearRegression noise -0.5 and mean holding NaN; Omniglot n_train 1623
  (none left for validation and test); build shots 0;
- a wrong shape: evaluate a state whose params are one array short; adam_update grads one array
  short, state made for two arrays; tasks.accuracy logits 1-D; SinusoidFrequency frequency of
  one bound; checkpoint entries state/adam/m/0 transposed, meta/meta_losses 2-D in
  save_checkpoint, state/params/1 complex, meta/meta_losses as text, state/adam/t -3, an extra
  entry state/params/99;
- a user's function that misbehaves: meta_loss's loss returning a string; the ``Quadratic`` with
  sample_params returning a 0-d array, target flattened to 1-D, metric returning NaN, sample_x
  returning a scalar; mse's y None;
- files and paths: evaluate --checkpoint the good path with a trailing slash, a file of a
  thousand zero bytes named zeros.npz;
- mismatches and conflicts: train resume of the good sinusoid run by a linear maml strategy;
  evaluate --split on a sinusoid run; make_strategy pretrained with inner_steps, multitask with
  head_init 'ridge';
- typos and misspellings: --set inner_stepz=2, compare strategies 'maml2', make_strategy
  'reptle', MLP activation 'relu ', Omniglot split 'trian'.

Repeats: the 17,627 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before the first run, by a script against every draft id (exactly,
case-insensitively; by the text before the first comma; an earlier id of three words or more
that is a whole-word prefix of a draft; and a draft's text before the first comma that is a
prefix of an earlier id), over four rounds, and by about 130 function-and-value greps over the
same list (e.g. ``'.01.'``, ``+-``, ``Arabic-Indic``, ``10.0e0``, ``learn_lam=Y``, ``lam=.``,
``'1/2'``, ``subset_size=None``, ``head_seed=-``, ``%``, ``-1e309``, ``log-every -5``,
``inner_stepz``, ``out.*trailing slash``, ``anil.*--lam``, ``scale=ten``, ``'4 tasks'``,
``full-width``, ``query 1e2``, ``seed -22``, ``split validation``, ``zero bytes``,
``val-tasks -50``, ``2.2e1``, ``'1O'``, ``closed form``, ``seed0``, ``superscript``, ``Roman``,
``'hundred'``, ``trainable``, ``meta_grad inner_lr``, ``anil_meta_grad inner_steps``,
``reptile_step inner_lr``, ``closed_form_meta_loss loss``, ``low_rank inner_steps``,
``meta_gradient_norms inner_lrs``, ``subset_batch``, ``ridge_head``, ``chunk_size``,
``evaluate state``, ``select_test_time n_support``, ``changes``, ``finn_init sizes``,
``sinusoid amplitude``, ``x_range.*inf``, ``gaussianclusters dim``, ``sample_params returns``,
``target returns``, ``split 'val'``, ``n_train``, ``episodes n_tasks``,
``omniglot.*meta-batch``). The list is saturated: about 50 first drafts were replaced, and 9
dropped, before the first run, among them exact earlier ids (``train r2d2 on clusters with set
scale=1e-400``, ``save_checkpoint seed the word 'zero'``, ``MLP sizes (1, 0, 1)``, ``MLP dtype
np.int32``, ``adam_rows lr the word 'fast'``, ``batch_norm eps NaN``, ``finn_init sizes (1, -8,
1)``, the Quadratic ``target returns strings``, ``Omniglot n_train 0``, ``episodes n_tasks -3``,
``train omniglot ... root ''``) and heads or substance (``ridge_head targets of text``,
``evaluate chunk_size -10``, ``evaluate state None``, ``select_test_time n_tasks -200``,
``save_checkpoint changes a dict``, ``per_task n_tasks '3'``, ``adam_update lr inf``, ``Sinusoid
amplitude (0.1, 'five')``, ``Sinusoid x_range (-5.0, inf)``, ``GaussianClusters dim 0`` and
``spread -1.0``, ``sample_params returns complex``, ``Omniglot split 'valid'`` and
``'training'``, ``n_validation -100``, ``sample rng None``, ``meta-batch '+-2'``, ``head_seed=-3``,
``log-every '-5'``, ``--out`` with a trailing slash, resume anil ``--lam``, evaluate ``query
'1e2'``, ``'10²'``, ``'C'``, ``seed '-22'``, ``tasks '0'``, compare ``query '0'``, ``val-tasks
'-50'``, ``eval-seed '2.2e1'``, ``support '1O'``, ``'closed form'``, ``seed 'seed0'``,
``from_theta0 trainable 'head'``, ``subset_batch subset_size Fraction(5, 2)``,
``meta_loss_low_rank inner_steps np.int8(-3)``, ``omniglot inner-lr 'NaN'``; dropped:
``guard inner_advice inner_steps np.float32(1.5)``, ``softmax_head tol '1e-10'``,
``default_model 'sinus'``, ``hyperparameters 42``, ``adam_init params 1.0``, ``batch_norm eps``,
``GaussianClusters`` (two), ``datasets.omniglot load root 5``). Among the cases run the script
finds no exact id repeat and no repeat before the first comma or by either prefix rule, except
artefacts of a comma inside a tuple (``MLP sizes (1``, ``finn_init sizes (1``, ``Sinusoid phase
(0.0``, ``LinearRegression mean (1.0``; their values, True, None, 'pi' and NaN, are new).

Disclosed, repeats of substance found only after the first run (by a further round of about 35
function-and-value greps made while writing this docstring; the cases were NOT changed, since
after the first run only slips may be corrected; the lead may judge): kept -- ``make_strategy
multitask on sinusoid head_init 'ridge'`` (an earlier id: ``make_strategy multitask head_init
'ridge', not one of its head initialisations``), ``make_strategy pretrained on clusters
inner_steps 3`` (``pretrained inner_steps``), ``held_out_tasks n_support np.nan`` (``...
n_support NaN``), ``save_checkpoint meta_losses a 2-D array`` (``... 2-D, a column of losses``),
``MLP init rng the function np.random.default_rng, not called`` (``MLP init rng the default_rng
function, not called``), ``nn.split params a dict of named arrays`` (``nn split params a dict of
arrays``), ``tasks.mse y None`` (``mse y None``), ``tasks.accuracy logits 1-D ...``
(``accuracy logits 1-D``), ``restore ... state/adam/t is -3`` (near ``... is -2``), the
Quadratic ``metric returns NaN`` (near ``a user family whose metric returns NaN``),
``load_checkpoint path the int 7`` (near ``check_checkpoint_path an int``); written and not
kept -- ``omniglot_compare build shots 0`` (``omniglot build shots 0``), ``make_strategy maml
model a list of two MLPs`` (near anil's), ``evaluate family the class Sinusoid`` (near
held_out_tasks'), ``make_strategy 'reptle'`` (near ``hyperparameters of 'reptle'``),
``load_checkpoint ... state/params/1 is complex`` and ``restore ... meta/meta_losses ... as
text`` (near the command line's), ``evaluate a multitask sinusoid run with split validation``
(near ``evaluate a maml sinusoid run with split test, an omniglot option``). Kept as new values,
near (the lead may judge): --set head_meta_lr=0,03 near inner-lr ``'0,01'``; evaluate --tasks
'4.0' near compare's ``tasks 4.0``; compare --support 'l0' near train's ``n-query '1O'``;
--meta-batch '2/1' near densities' ``'1/2'``; zeros.npz near ``a checkpoint of zero bytes``
(empty) and ``100 zero bytes appended``; reptile_step inner_lr [0.01] near anil_meta_grad's;
select_test_time n_support np.bool_(True) near evaluate's and held_out_tasks' ``True``;
per_task n_tasks Decimal('3.5') near ``Fraction(3, 1)``; Omniglot n_train 1623 near ``2000``;
the resume of the good sinusoid run by a linear strategy in the library near the command line's
``--family linear`` resumes; check_shots n_drawings 2.5 near -1, 0, -20.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 64 of the 107. ``DROPPED``
is empty. The file was copied before the first run.

Correction after the first run (an outright slip of plumbing, recorded with both results): one
case, ``restore a checkpoint with an extra entry state/params/99``, built its file with the
ninety-fourth's ``_set_entry``, which changes an entry that exists: making the file raised
"KeyError: 'state/params/99'" in the helper (frames: the ninety-fourth's lambda and the cli's
``_damaged``), before the library was called; the first kept run classified it unclear with that
message. ``EXTRA_PARAM`` now copies the good checkpoint's arrays with ``np.load`` and adds the
entry with ``np.savez`` (same name, same value np.zeros(3)); classified alone after the
correction: clear, "ValueError: '.../extra.npz' is damaged: unexpected entry state/params/99: it
lies past the model's 6 parameter arrays (meta/config records an MLP of sizes [1, 40, 40, 1]:
state/params/0..5)". No other case was changed.

Memory and time: no case allocated much. The kept script run took about five seconds, the
written one about eight, pytest about six.

First run at 72821c6 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present):
kept, before the correction above, 63 of 64 clear (98.4%), 1 unclear (the slip), 0 silent, 0
data loss; after it, 64 of 64 clear (100.0%), 0 unclear, 0 silent, 0 data loss -- cli train
10/10, cli evaluate/compare 10/10, meta functions 7/7, strategies 7/7, evaluate and train 7/7,
checkpoints 6/6, nn/optim/batchnorm 6/6, task families 6/6, omniglot 5/5. Written
(``--written``, after the correction): 107 of 107 clear (100.0%), 0 unclear, 0 silent, 0 data
loss -- every area all clear (17, 16, 12, 11, 12, 10, 10, 10, 9). Under pytest (without the
ulimit): 65 passed (the 64 kept cases and the wide-and-new test).

Not clear, kept: none (after the correction of the slip above).

Not clear, written and not kept: none.

Every case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError naming the
argument, option, entry or user method in its mentions and the value given. The cases that write
(the resumes of an anil, an r2d2 and a subset run, the library resume of the good run, train with
a checkpoint, save_checkpoint and the damaged checkpoints) lost no data (the harness's data-loss
check passed).

Measured on main at 72821c6, the commit it was written at, blind (the lead reran it there,
with the hundred-and-fiftieth, -first and -third beside it): kept, 64 of 64 clear (100%),
0 unclear, 0 silent, 0 data loss; the pair with the hundred-and-fifty-third, 117 of 119
(98.3%). The writer found after the run that about ten kept cases repeat earlier batteries' in
substance (listed above); they are kept, as the rules say, so this battery's rate counts them.
"""
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from scratchmeta.batchnorm import finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import after, from_theta0, sgd_path
from scratchmeta.meta.anil import anil_meta_grad
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.exploding import meta_gradient_norms
from scratchmeta.meta.maml import meta_grad, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.omniglot_compare import build, episodes
from scratchmeta.meta.registry import make_family, make_strategy, strategy_from_config
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.ridge import ridge_head
from scratchmeta.meta.subset import subset_batch
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import SinusoidFrequency
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
                                          _sample, _set_entry)
from test_bad_inputs_ninetysixth import (Quadratic, _evaluate_quadratic, _quadratic,
                                         _save_fields)
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_hundredtwentyeighth import _onehot

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train maml on clusters with inner-lr '.01.', a second decimal point",
     _train("--strategy", "maml", "--family", "clusters", "--inner-lr", ".01."),
     ["--inner-lr", ".01."]),
    ("train fomaml on linear with meta-batch '2/1', a ratio for the task count",
     _train("--strategy", "fomaml", "--family", "linear", "--meta-batch", "2/1"),
     ["--meta-batch", "2/1"]),
    ("train reptile on clusters with inner-steps '٣', an Arabic-Indic three for T",
     _train("--strategy", "reptile", "--family", "clusters", "--inner-steps", "٣"),
     ["--inner-steps"]),
    ("train anil on sinusoid_frequency with n-support '10.0e0', a float's notation",
     _train("--strategy", "anil", "--family", "sinusoid_frequency", "--n-support", "10.0e0"),
     ["--n-support", "10.0e0"]),
    ("train closed_form on sinusoid with set learn_lam=Y, a one-letter answer for a switch",
     _train("--strategy", "closed_form", "--set", "learn_lam=Y"), ["learn_lam", "Y"]),
    ("train r2d2 on clusters with set lam=., a lone decimal point",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "lam=."), ["lam"]),
    ("train newton_head on clusters with lam '1/2', a fraction left for the program",
     _train("--strategy", "newton_head", "--family", "clusters", "--lam", "1/2"),
     ["--lam", "1/2"]),
    ("train subset on sinusoid_frequency with set subset_size=None, Python's null",
     _train("--strategy", "subset", "--family", "sinusoid_frequency", "--set",
            "subset_size=None"), ["subset_size", "None"]),
    ("train multitask on sinusoid_frequency with set head_meta_lr=0,03, a decimal comma",
     _train("--strategy", "multitask", "--family", "sinusoid_frequency", "--set",
            "head_meta_lr=0,03"), ["head_meta_lr", "0,03"]),
    ("train pretrained on clusters with meta-lr '1e-3%', a percent sign after the step",
     _train("--strategy", "pretrained", "--family", "clusters", "--meta-lr", "1e-3%"),
     ["--meta-lr", "1e-3%"]),
    ("train scratch on sinusoid with set inner_lr=-1e309, a step that overflows to -inf",
     _train("--strategy", "scratch", "--set", "inner_lr=-1e309"), ["inner_lr", "-1e309"]),
    ("train maml on sinusoid_frequency with log-every '5s', a unit after the count",
     _train("--family", "sinusoid_frequency", "--log-every", "5s"), ["--log-every", "5s"]),
    ("train fomaml on clusters with set inner_stepz=2, a typo in the setting's name",
     _train("--strategy", "fomaml", "--family", "clusters", "--set", "inner_stepz=2"),
     ["inner_stepz"]),
    ("train maml on sinusoid with checkpoint-every 'none', a word for never",
     _train("--checkpoint-every", "none"), ["--checkpoint-every", "none"]),
    ("train resume an anil sinusoid run with inner-steps '1.0e0', a float's notation for K",
     _resumed("anil", "--inner-steps", "1.0e0"), ["--inner-steps", "1.0e0"]),
    ("train resume an r2d2 clusters run with set scale=ten, a word for the output scale",
     _resumed("r2d2", "--set", "scale=ten", family="clusters"), ["scale", "ten"]),
    ("train resume a subset sinusoid run with n-query '0.0', no query points as a float",
     _resumed("subset", "--n-query", "0.0"), ["--n-query", "0.0"]),
]

# --- the command line: evaluate and compare

def _zeros_checkpoint(d):
    path = d / "zeros.npz"
    path.write_bytes(bytes(1000))
    return ["evaluate", "--checkpoint", str(path), "--tasks", "4", "--steps", "1"]


def _good_with_slash(d):
    return ["evaluate", "--checkpoint", str(_good(d)) + "/", "--tasks", "4", "--steps", "1"]


CLI_OTHER_CASES = [
    ("evaluate a maml clusters run with tasks '4 tasks', a unit after the count",
     _evaluate(lambda d: _run(d, "maml", family="clusters"), "--tasks", "4 tasks"),
     ["--tasks", "4 tasks"]),
    ("evaluate a reptile linear run with steps '−1', a typographic minus",
     _evaluate(lambda d: _run(d, "reptile", family="linear"), "--steps", "\u22121"),
     ["--steps"]),
    ("evaluate an r2d2 clusters run with support '５', a full-width five",
     _evaluate(lambda d: _run(d, "r2d2", family="clusters"), "--support", "\uff15"),
     ["--support"]),
    ("evaluate a newton_head clusters run with query '100!', a stray exclamation mark",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--query", "100!"),
     ["--query", "100!"]),
    ("evaluate a pretrained sinusoid run with seed '2_2', an underscore inside the seed",
     _evaluate(lambda d: _run(d, "pretrained"), "--seed", "2_2"), ["--seed", "2_2"]),
    ("evaluate a fomaml sinusoid_frequency run with tasks '4.0', a float for a count",
     _evaluate(lambda d: _run(d, "fomaml", family="sinusoid_frequency"), "--tasks", "4.0"),
     ["--tasks", "4.0"]),
    ("evaluate a multitask sinusoid run with split validation, an omniglot option",
     _evaluate(lambda d: _run(d, "multitask"), "--split", "validation"), ["--split"]),
    ("evaluate checkpoint the good run's path with a trailing slash",
     _good_with_slash, ["good.npz"]),
    ("evaluate checkpoint a file of a thousand zero bytes named zeros.npz",
     _zeros_checkpoint, ["zeros.npz"]),
    ("compare fomaml on clusters with query '0e0', no scoring points in e-notation",
     _compare_on(["fomaml"], "clusters", "--query", "0e0"), ["--query", "0e0"]),
    ("compare anil on sinusoid with val-tasks '5e1', a float's notation for a count",
     _compare_on(["anil"], "sinusoid", "--val-tasks", "5e1"), ["--val-tasks", "5e1"]),
    ("compare reptile on sinusoid with eval-seed '22.', a trailing point on the seed",
     _compare_on(["reptile"], "sinusoid", "--eval-seed", "22."), ["--eval-seed", "22."]),
    ("compare pretrained on sinusoid_frequency with support 'l0', a letter l for the one",
     _compare_on(["pretrained"], "sinusoid_frequency", "--support", "l0"),
     ["--support", "l0"]),
    ("compare strategies 'maml2', a stray digit after the name",
     _compare_on(["maml2"], "sinusoid"), ["maml2"]),
    ("compare subset on clusters with adapt-steps '10.', a trailing point",
     _compare_on(["subset"], "clusters", "--adapt-steps", "10."), ["--adapt-steps", "10."]),
    ("compare maml on linear with seed '1e0', a float's notation for the training seed",
     _compare_on(["maml"], "linear", "--seed", "1e0"), ["--seed", "1e0"]),
]

# --- Chapter 2's functions

def _sgd_path_complex_lr():
    model, params, batch = _problem()
    return sgd_path(per_task(params, batch.x_support.shape[0]), batch, model,
                    inner_lr=0.01 + 0.01j, loss=mse)


def _after_decimal():
    model, params, batch = _problem()
    path = sgd_path(per_task(params, batch.x_support.shape[0]), batch, model, inner_lr=0.01,
                    loss=mse)
    return after(path, Decimal("2"))


def _from_theta0_trainable_text():
    model, params, batch = _problem()
    return from_theta0(params, batch, model, inner_lr=0.01, loss=mse, trainable=[0.5])


def _meta_grad_lr_fraction():
    model, params, batch = _problem()
    return meta_grad(params, batch, model, inner_lr=Fraction(1, 100), inner_steps=1)


def _meta_loss_loss_strings(*_):
    return "low"


def _meta_loss_loss_text():
    model, params, batch = _problem()
    return meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1,
                     loss=_meta_loss_loss_strings)


def _anil_grad_steps_bytes():
    model, params, batch = _problem()
    return anil_meta_grad(params, batch, model, inner_lr=0.01, inner_steps=b"1")


def _reptile_step_lr_list():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr=[0.01], inner_steps=2, meta_lr=0.1)


def _closed_form_loss_none():
    model, params, batch = _problem()
    return closed_form_meta_loss(split(params)[0], batch, model, lam=1.0, loss=None)


def _low_rank_steps_negative():
    model, params, batch = _problem()
    return meta_loss_low_rank(params, batch, model, inner_lr=0.01, inner_steps=1,
                              first_order=np.float64(0.0))


def _norms_lrs_text():
    model, params, batch = _problem()
    return meta_gradient_norms(params, batch, model, [1, 2], "0.01 0.1")


def _subset_batch_size_fraction():
    model, params, batch = _problem()
    return subset_batch(batch, _rng(), "3")


META_CASES = [
    ("adapt.sgd_path inner_lr 0.01+0.01j, a complex step",
     lambda d: _sgd_path_complex_lr(), ["inner_lr"]),
    ("adapt.after n_steps Decimal('2'), a decimal count",
     lambda d: _after_decimal(), ["n_steps"]),
    ("adapt.from_theta0 trainable [0.5], a fractional parameter index",
     lambda d: _from_theta0_trainable_text(), ["trainable"]),
    ("maml meta_grad inner_lr Fraction(1, 100), a fraction object for the step",
     lambda d: _meta_grad_lr_fraction(), ["inner_lr"]),
    ("maml meta_loss loss a user's function that returns the string 'low'",
     lambda d: _meta_loss_loss_text(), ["loss"]),
    ("anil_meta_grad inner_steps the bytes b'1'",
     lambda d: _anil_grad_steps_bytes(), ["inner_steps"]),
    ("reptile_step inner_lr [0.01], a step in a list",
     lambda d: _reptile_step_lr_list(), ["inner_lr"]),
    ("closed_form_meta_loss loss None where the loss function is meant",
     lambda d: _closed_form_loss_none(), ["loss", "None"]),
    ("meta_loss_low_rank first_order np.float64(0.0), a float for a switch",
     lambda d: _low_rank_steps_negative(), ["first_order"]),
    ("meta_gradient_norms inner_lrs the text '0.01 0.1', two step sizes in one text",
     lambda d: _norms_lrs_text(), ["inner_lrs"]),
    ("subset_batch subset_size the text '3'",
     lambda d: _subset_batch_size_fraction(), ["subset_size"]),
    ("ridge_head lam np.array([[1.0]]), a penalty as a 1x1 matrix",
     lambda d: ridge_head(_features(), np.ones((3, 5, 1)), np.array([[1.0]])), ["lam"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy fomaml on linear meta_batch Decimal('2.5'), half a task",
     lambda d: make_strategy("fomaml", family="linear", meta_batch=Decimal("2.5")),
     ["meta_batch", "2.5"]),
    ("make_strategy r2d2 on clusters scale the word 'ten'",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, scale="ten"),
     ["scale", "ten"]),
    ("make_strategy closed_form on sinusoid learn_scale np.array([True, True]), two switches",
     lambda d: make_strategy("closed_form", meta_batch=2, learn_scale=np.array([True, True])),
     ["learn_scale"]),
    ("make_strategy subset on sinusoid_frequency subset_size -7, a sign slip",
     lambda d: make_strategy("subset", family="sinusoid_frequency", meta_batch=2,
                             subset_size=-7), ["subset_size", "-7"]),
    ("make_strategy multitask on sinusoid head_init 'ridge', an initialisation it has not got",
     lambda d: make_strategy("multitask", meta_batch=2, head_init="ridge"),
     ["head_init", "ridge"]),
    ("make_strategy pretrained on clusters inner_steps 3, a K it has not got",
     lambda d: make_strategy("pretrained", family="clusters", meta_batch=2, inner_steps=3),
     ["inner_steps"]),
    ("make_strategy maml model a list of two MLPs, where one model is meant",
     lambda d: make_strategy("maml", meta_batch=2,
                             model=[MLP((1, 8, 1)), MLP((1, 8, 1))]), ["model"]),
    ("make_strategy 'reptle', a letter dropped from reptile",
     lambda d: make_strategy("reptle", meta_batch=2), ["reptle"]),
    ("make_family 'linear' scale -2.0, a negative slope spread",
     lambda d: make_family("linear", scale=-2.0), ["scale", "-2"]),
    ("strategy_from_config record a tuple of (name, config) pairs",
     lambda d: strategy_from_config((("strategy", "maml"), ("meta_batch", 2))), ["record"]),
    ("with_test_time inner_lr Decimal('0.05'), a decimal step",
     lambda d: with_test_time(make_strategy("maml", meta_batch=2), inner_lr=Decimal("0.05")),
     ["inner_lr"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

def _train_another_family(d):
    return train(make_strategy("maml", family="linear", meta_batch=2), 4, 0,
                 checkpoint=_good(d), resume=True)


def _evaluate_params_short():
    strategy, state = _maml_state()
    return evaluate(strategy, dict(state, params=list(state["params"])[:-1]), Sinusoid(),
                    **_small())


EVALUATE_CASES = [
    ("train strategy the text 'maml', a name where a strategy object is meant",
     lambda d: train("maml", 2, 0), ["strategy", "maml"]),
    ("train checkpoint_every np.float64(1.5) beside a checkpoint path",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz",
                     checkpoint_every=np.float64(1.5)), ["checkpoint_every", "1.5"]),
    ("train seed 2**80, a seed too large for any generator's word",
     lambda d: train(_maml(), 2, 2 ** 80), ["seed"]),
    ("train resume the good sinusoid run with a linear maml strategy, another family",
     _train_another_family, ["family"]),
    ("evaluate n_tasks Fraction(3, 2), a task and a half",
     lambda d: evaluate(*_maml_state(), Sinusoid(), **_small(n_tasks=Fraction(3, 2))),
     ["n_tasks"]),
    ("evaluate chunk_size Decimal('50'), a decimal count",
     lambda d: evaluate(*_maml_state(), Sinusoid(), **_small(chunk_size=Decimal("50"))),
     ["chunk_size"]),
    ("evaluate family the class Sinusoid itself, not an instance",
     lambda d: evaluate(*_maml_state(), Sinusoid, **_small()), ["family"]),
    ("evaluate a state whose params are one array short",
     lambda d: _evaluate_params_short(), ["params"]),
    ("select_test_time candidates [np.nan, 0.01], a missing step size",
     lambda d: select_test_time(*_maml_state(), Sinusoid(), candidates=[np.nan, 0.01],
                                max_steps=1, **_small()), ["candidates"]),
    ("select_test_time n_support np.bool_(True), a NumPy bool for a count",
     lambda d: select_test_time(*_maml_state(), Sinusoid(), candidates=[0.01], max_steps=1,
                                **_small(n_support=np.bool_(True))), ["n_support"]),
    ("held_out_tasks n_support np.nan, a missing support count",
     lambda d: held_out_tasks(Sinusoid(), 2, np.nan, 5), ["n_support"]),
    ("task_rng seed -22, a negative held-out seed",
     lambda d: task_rng(-22, 0), ["seed", "-22"]),
]

# --- checkpoints

def _save_checkpoint_config_text(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "again.npz", ckpt.state, step=ckpt.step, seed=ckpt.seed,
                           config="maml", meta_losses=ckpt.meta_losses)


def _save_changes_dict(d):
    ckpt = load_checkpoint(_good(d))
    return save_checkpoint(d / "again.npz", ckpt.state, step=ckpt.step, seed=ckpt.seed,
                           config=ckpt.config, meta_losses=ckpt.meta_losses,
                           changes=3)


T_NEGATIVE = _set_entry("tneg", "state/adam/t", lambda a: np.full(np.shape(a), -3))
P1_COMPLEX = _set_entry("p1cplx", "state/params/1", lambda a: a.astype(complex) + 1j)
LOSSES_TEXT = _set_entry("losstext", "meta/meta_losses", lambda a: np.array(["0.5", "0.4"]))
M0_TRANSPOSED = _set_entry("m0tr", "state/adam/m/0", lambda a: np.ascontiguousarray(a.T))


def EXTRA_PARAM(d):
    """The good checkpoint with one entry added, state/params/99 (``_set_entry`` changes an
    entry that exists; see the module docstring's correction)."""
    with np.load(_good(d), allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    arrays["state/params/99"] = np.zeros(3)
    path = d / "extra.npz"
    np.savez(path, **arrays)
    return path


CHECKPOINT_CASES = [
    ("restore a checkpoint whose state/adam/t is -3, a negative Adam count",
     lambda d: restore(T_NEGATIVE(d)), ["state/adam/t"]),
    ("load_checkpoint a checkpoint whose state/params/1 is complex",
     lambda d: load_checkpoint(P1_COMPLEX(d)), ["state/params/1"]),
    ("restore a checkpoint whose meta/meta_losses are numbers written as text",
     lambda d: restore(LOSSES_TEXT(d)), ["meta/meta_losses"]),
    ("load_checkpoint a checkpoint whose state/adam/m/0 is transposed",
     lambda d: load_checkpoint(M0_TRANSPOSED(d)), ["state/adam/m/0"]),
    ("restore a checkpoint with an extra entry state/params/99",
     lambda d: restore(EXTRA_PARAM(d)), ["state/params/99"]),
    ("save_checkpoint meta_losses a 2-D array of losses",
     lambda d: _save_fields(d, meta_losses=np.ones((2, 2))), ["meta_losses"]),
    ("save_checkpoint seed -0.5, a negative fraction for a seed",
     lambda d: _save_fields(d, seed=-0.5), ["seed", "-0.5"]),
    ("save_checkpoint config the strategy's name 'maml' and not its record",
     _save_checkpoint_config_text, ["config"]),
    ("save_checkpoint changes the int 3, a count where the recorded changes are meant",
     _save_changes_dict, ["changes"]),
    ("load_checkpoint path the int 7",
     lambda d: load_checkpoint(7), ["path", "7"]),
]

# --- nn, optim, batchnorm

def _adam_state_of_other_params():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params[:2]), 1e-3)


def _adam_grads_short():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params][:-1], adam_init(params), 1e-3)


def _adam_rows_lr_word():
    params = _params()
    return adam_rows(params, adam_init(params), [np.ones_like(a) for a in params],
                     np.array([0]), Decimal("1e-3"))


NN_CASES = [
    ("MLP sizes (1, True, 1), a bool for a width",
     lambda d: MLP((1, True, 1)).init(_rng()), ["sizes"]),
    ("MLP activation 'relu ', a trailing space",
     lambda d: MLP((1, 8, 1), activation="relu ").init(_rng()), ["activation", "relu "]),
    ("MLP dtype 'f8x', a made-up type code",
     lambda d: MLP((1, 8, 1), dtype="f8x").init(_rng()), ["dtype", "f8x"]),
    ("MLP init rng the function np.random.default_rng, not called",
     lambda d: MLP((1, 8, 1)).init(np.random.default_rng), ["rng"]),
    ("per_task n_tasks Decimal('3.5'), three and a half tasks as a decimal",
     lambda d: per_task(_params(), Decimal("3.5")), ["n_tasks", "3.5"]),
    ("nn.split params a dict of named arrays",
     lambda d: split({"w": np.ones((1, 8)), "b": np.ones(8)}), ["params"]),
    ("adam_update grads one array short of the parameters",
     lambda d: _adam_grads_short(), ["grads"]),
    ("adam_update state made for the first two parameter arrays only",
     lambda d: _adam_state_of_other_params(), ["state"]),
    ("adam_rows lr Decimal('1e-3'), a decimal step",
     lambda d: _adam_rows_lr_word(), ["lr"]),
    ("batchnorm finn_init sizes (1, 8, None), no output width",
     lambda d: finn_init(_rng(), (1, 8, None)), ["sizes"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _params_scalar(self, rng, n_tasks):
    return np.array(1.0)


def _target_flat(self, task_params, x):
    return np.ravel(Quadratic.target(self, task_params, x))


def _metric_nan(self, pred, y):
    return np.nan * np.asarray(Quadratic.metric(self, pred, y))


def _x_scalar(self, rng, task_params, n_points):
    return 0.0


TASK_CASES = [
    ("Sinusoid phase (0.0, 'pi'), a bound as a word, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(phase=(0.0, "pi")), 2, 5, 5), ["phase"]),
    ("LinearRegression mean (1.0, np.nan), a missing mean intercept, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(mean=(1.0, np.nan)), 2, 5, 5), ["mean"]),
    ("LinearRegression noise -0.5, a negative noise level, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise=-0.5), 2, 5, 5), ["noise", "-0.5"]),
    ("SinusoidFrequency frequency a single bound (2.0,), in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(2.0,)), 2, 5, 5), ["frequency"]),
    ("tasks.mse y None, no targets",
     lambda d: mse(np.zeros((3, 5, 1)), None), ["y"]),
    ("tasks.accuracy logits 1-D for a 3-D batch of one-hot labels",
     lambda d: accuracy(np.zeros(5), _onehot()), ["logits"]),
    ("a user's Quadratic TaskFamily whose sample_params returns a 0-d array of 1.0, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_params=_params_scalar), 2, 5, 5),
     ["sample_params"]),
    ("a user's Quadratic TaskFamily whose target returns its values flattened to 1-D, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_flat), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose metric returns NaN, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_nan)), ["metric"]),
    ("a user's Quadratic TaskFamily whose sample_x returns the scalar 0.0, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_x=_x_scalar), 2, 5, 5), ["sample_x"]),
]

# --- Omniglot

def _omniglot_inner_lr_nan(d):
    return ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
            "--meta-lr", "0.001.", "--out", str(d / "omni.npz")]


OMNIGLOT_CASES = [
    ("Omniglot split 'trian', two letters swapped",
     lambda d: _sample(Omniglot(5, split="trian", data=_data())), ["split", "trian"]),
    ("Omniglot n_train 1623, every character for training and none left for the rest",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=1623)), ["n_train", "1623"]),
    ("Omniglot n_validation np.float64(100.0), a float for a count",
     lambda d: _sample(Omniglot(5, data=_data(), n_validation=np.float64(100.0))),
     ["n_validation"]),
    ("Omniglot sample rng the seed 0 in a list [0]",
     lambda d: Omniglot(5, data=_data()).sample([0], 2, 5, 5), ["rng"]),
    ("check_shots n_drawings 2.5, a fraction of a drawing",
     lambda d: check_shots(5, 2, 1, 1, n_drawings=2.5), ["n_drawings", "2.5"]),
    ("finn_split n_validation the word 'rest'",
     lambda d: finn_split(_data().alphabets, _data().characters, n_validation="rest"),
     ["n_validation", "rest"]),
    ("omniglot_compare build shots 0, no shot at all",
     lambda d: build("maml", Omniglot(5, data=_data()), 0), ["shots", "0"]),
    ("omniglot_compare episodes n_tasks np.float64(2.0), a float for a count",
     lambda d: episodes(Omniglot(5, data=_data()), np.float64(2.0), 1, 0), ["n_tasks"]),
    ("train omniglot on the command line with meta-lr '0.001.', a trailing point",
     _omniglot_inner_lr_nan, ["--meta-lr", "0.001."]),
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


def test_the_hundredfiftysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfiftysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
