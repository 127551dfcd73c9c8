"""A hundred-and-fifty-sixth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (imported, used
as the templates use it; its body was not read). Written blind, in a worktree at commit 47c5a27,
from the user's side only, in about fifteen minutes: the README's first 300 lines; ``--help`` of
``train`` (in full), ``evaluate`` (in full) and ``compare`` (its first lines); the public names
and signatures (``inspect.signature`` of the functions and classes each module defines, from
``__all__`` or ``dir``; no methods, no docstrings) of ``scratchmeta.meta``'s ``adapt``,
``maml``, ``anil``, ``reptile``, ``closed_form``, ``ridge``, ``r2d2``, ``r2d2_head``,
``newton_head``, ``softmax_head``, ``subset``, ``multitask``, ``baselines``, ``exploding``,
``guard``, ``normalization``, ``maml_low_rank``, ``registry``, ``evaluate``, ``training``,
``checkpoint`` and ``omniglot_compare`` (not ``checks``/``protocol``/``messages``), and of
``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``, ``datasets.omniglot`` and
``datasets.omniglot_tasks``; the two templates, the hundred-and-fifty-second (in full) and the
hundred-and-forty-eighth (its imports and lines 270-690: case lists, helpers, tail; its
docstring was not read); the ids of every earlier battery (extracted by ``ast``, see below).
Imported, not copied: ``_good``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the
ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's ``_compare_on``,
``_features``, ``_maml``, ``_problem``, ``_resumed``, ``_sample``, ``_set_entry``, the
ninety-sixth's ``Quadratic``, ``_quadratic``, ``_evaluate_quadratic``, ``_save_fields`` and
``_under_the_batteries_ulimit``, the hundred-and-second's ``_needs_omniglot`` and ``_params``,
the hundred-and-twenty-eighth's ``_onehot``. Their signatures were printed with
``inspect.signature`` (and the names and signatures of ``Quadratic``'s methods); one ``grep``
showed how an earlier battery calls ``_under_the_batteries_ulimit``. Disclosed: the first,
aborted run (the slip below) printed a traceback whose last frames show five lines of library
code (``registry.make_strategy``'s ``cls(model, family, **hyper)``, ``ClosedForm.__init__``'s
``configure(...)`` call and ``protocol.configure``'s ``raise ValueError(...)`` line) and the
message. No other library source body, library docstring, validation module, history or file of
/work/main was read (its venv's python was run). No good library calls were made before the runs.
Every case writes only inside its temporary folder (``git status --short`` after the runs shows
this file only; the id list, the signature and check scripts, the copy before the first run and
the run outputs were kept outside the worktree, in /tmp/wt156_scratch). SCRATCHMETA_DATA was
unset. The runs were made as root, so no read-only-folder case was written.
``_under_the_batteries_ulimit`` is imported but not used: the two huge sizes (train
``--n-support 1000000000``, evaluate ``--query 1000000000000``) are command-line cases the
library is expected to refuse before allocating, and the whole run was under ``ulimit -v
8000000``.

Emphasis, as the brief asked (another writer covers the command line at the same time): 31 of
the 107 cases are on the command line (30 in the two command-line areas and one Omniglot case),
76 in the library.

Areas, as written (107 in all): train on the command line (15) -- maml on linear, fomaml on
sinusoid, reptile and anil on clusters, closed_form on linear, r2d2 and newton_head on clusters,
subset on sinusoid, multitask on linear, pretrained and scratch on sinusoid_frequency, maml on
clusters and on sinusoid, resumes of a maml linear run and a newton_head clusters run; evaluate
and compare on the command line (15) -- runs of maml (sinusoid), fomaml (linear), anil
(clusters), reptile (sinusoid), closed_form and subset (sinusoid_frequency), pretrained
(clusters), a text file named run.npz, the good run's bytes reversed, an empty path; compare
maml and newton_head on clusters, fomaml on linear, anil on sinusoid_frequency, a strategy name
with a trailing point; Chapter 2's functions (14) -- adapt.steps, sgd_path, predict,
maml.meta_grad, meta_loss, anil_meta_loss, fine_tune_tasks, reptile_step,
closed_form_meta_loss, subset_meta_loss, exploding.meta_gradient_norm, ridge_fit, r2d2_logits,
softmax_head; strategies and the registry (13) -- make_strategy (anil, reptile, maml, subset,
r2d2, multitask, pretrained, scratch, closed_form), make_family, hyperparameters,
with_test_time, strategy_from_config; library train (five), evaluate (four), select_test_time
(two), held_out_tasks (one), task_rng (one) (13 in all); checkpoints (10) -- load_checkpoint
(three), restore (four), save_checkpoint (three, counting _save_fields); nn/optim/batchnorm
(9) -- MLP sizes, activation, dtype, per_task, adam_init, adam_update, adam_rows, batch_norm,
finn_init; task families (9) -- Sinusoid, LinearRegression, GaussianClusters (two),
SinusoidFrequency, cross_entropy, the ninety-sixth's ``Quadratic`` with one method changed
(three); Omniglot (9) -- Omniglot's n_way, rotate, split, sample, check_shots, finn_split,
omniglot_compare's families and episodes, train omniglot on the command line.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: train --inner-lr '1e--2', --meta-batch '0b11', --inner-steps '+', --n-query of
  blanks, --set scale=0x10, learn_lam=[True], subset_size=0o12, head_steps=two, --inner-lr 'e-2',
  --steps '2e'; resume --lam '0x1'; evaluate --steps '0b1', --tasks '4,', --support 5.5,
  --steps '1 0'; compare --tasks '0x258', --val-seed '1.5', --adapt-steps 'many'; train
  omniglot --dtype 'f4'; steps n_steps '3', sgd_path trainable 'all', meta_grad first_order
  'yes', meta_loss inner_lr None, anil_meta_loss first_order 'no', fine_tune_tasks inner_lr
  '0.01 ', reptile_step meta_lr 0.1+0j, closed_form_meta_loss scale 'one', meta_gradient_norm
  inner_lr '0.1', r2d2_logits offset 'zero'; make_strategy first_order 'second', subset_size
  range(10), meta_lr 'auto', inner_lr [0.01, 0.02], family the class Sinusoid;
  hyperparameters 'Closed_Form'; strategy_from_config ['maml']; train n_steps np.float32(3.0),
  checkpoint_every True, progress 'stdout'; evaluate seed np.float64(22.5), on_divergence 42;
  held_out_tasks start 'zero'; task_rng seed b'22'; restore root 5; save_checkpoint
  meta_losses ['0.5', '0.4']; MLP activation 'tanh()', dtype np.dtype('V8'); adam_init None;
  adam_update lr complex; adam_rows rows [0.5]; finn_init rng a list of two Generators;
  GaussianClusters dim np.float32(8.5); Omniglot rotate NaN, sample n_tasks np.bool_(True);
  check_shots n_query np.float64(5.5); families data 'omniglot'; episodes seed 0.5;
- out of range: --lam '1e400', --query 'inf', --seed 2**64, --support '-5', resume
  --inner-steps -3, huge --n-support 1000000000 and --query 1000000000000; predict n_steps NaN;
  subset_meta_loss inner_steps -2; ridge_fit lam inf; softmax_head tol -1e-10; make_strategy
  n_support 0, n_steps -5, n_train_tasks -1000; make_family clusters n_way 1; train log_every
  inf; evaluate n_support -10; select_test_time candidates [], seed 2**70; save_checkpoint step
  NaN; per_task n_tasks -4; LinearRegression scale inf; GaussianClusters spread inf; Sinusoid
  amplitude (NaN, 5.0); Omniglot n_way 1000; finn_split n_train -5;
- a wrong shape: evaluate a state whose params are in reverse order; checkpoint entries
  state/params/2 flattened, state/adam/v/1 missing, meta/seed as text; MLP sizes [1];
  batch_norm scale of 3 widths for 4 features; SinusoidFrequency frequency as a 2-D row;
  cross_entropy y_onehot holding 2s;
- a user's function that misbehaves: the ``Quadratic`` with sample_params returning NaN,
  target returning complex values, sample_x returning strings;
- files and paths: evaluate --checkpoint a text file named run.npz, the good run's bytes
  reversed, ''; load_checkpoint a text file named notes.npz, a zip archive holding the good
  checkpoint; train and save_checkpoint to a path under a file; restore the folder itself;
- mismatches and conflicts: make_strategy r2d2 on sinusoid_frequency (a classifier on a
  regression family), subset_size range(10);
- typos and misspellings: --set n_supprot=5, compare 'anil.', with_test_time inner_rl, Omniglot
  split 'eval', hyperparameters 'Closed_Form'.

Repeats: the 18,030 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before the first run, by a script against every draft id (exactly,
case-insensitively; by the text before the first comma; an earlier id of three words or more
that is a whole-word prefix of a draft; and an earlier id that begins with a draft's text before
the first comma), over three rounds, and by about 60 function-and-value greps over the same list
(e.g. ``fomaml first_order``, ``n_train_tasks``, ``subset_size 200``, ``on_divergence``,
``meta_gradient_norm inner_steps``/``inner_lr``, ``ridge_fit lam``, ``r2d2_logits offset``,
``softmax_head tol``, ``predict n_steps``, ``restore root``, ``state/adam/v/1``,
``state/params/2``, ``meta/seed is``, ``adam_rows rows``, ``finn_init rng``, ``n_way 1000``,
``resume True``, ``0b11``, ``1e-2.5``, ``learn_lam=on``, ``head_steps=-2``, ``first half``,
``gzip``, ``RandomState``, ``checkpoint_every``, ``MLP dtype``, ``MLP activation``,
``reversed``, ``np.random module``, ``0o12``). The list is saturated: 31 first drafts repeated
an earlier id's head exactly (e.g. ``hyperparameters name None``, ``strategy_from_config record
None``, ``train log_every 0``, ``evaluate on_divergence 'Raise'``, ``held_out_tasks start -1``,
``task_rng i ...``, ``MLP activation None``, ``per_task n_tasks 0``, ``batch_norm h 1-D``,
``GaussianClusters dim 2.5``, ``Omniglot n_way 0``, ``Omniglot split 'Test'``, ``check_shots
n_way 'five'``, ``compare strategies 'maml,reptile'``) and about 15 more repeated one in
substance (``make_strategy fomaml first_order False``, ``subset_size 200``, ``n_train_tasks
2.5``, ``meta_gradient_norm inner_steps 2.5``, ``fine_tune_tasks inner_lr -0.01``, ``train
resume True`` without a checkpoint, ``inner-lr 1e-2.5``, ``learn_lam=on``, ``head_steps=-2``,
the good checkpoint cut to its first half (both sides), ``finn_init rng 0``, ``MLP dtype
complex``, ``SinusoidFrequency frequency (0.5, 1.0, 2.0)``); all were replaced before the
first run, and four were dropped to keep about 100 (``guard inner_advice inner_lr 'fast'``,
``default_model 'omniglots'``, ``tasks.mse pred complex``, ``train fomaml on linear with set
first_order=maybe``). Among the cases run the script finds no exact id repeat and no repeat
before the first comma or by either prefix rule. Kept as new values, near (the lead may judge):
``set subset_size=0o12`` near evaluate's ``support '0o12'``; ``MLP activation 'tanh()'`` near
``'tanh '``, ``'Tanh'``; ``finn_init rng a list of two Generators`` near ``rng None`` and ``the
int 0``; ``restore root 5`` near ``root ['/data']``; ``task_rng seed b'22'`` near ``seed [22,
23]``; ``train checkpoint_every True`` near ``checkpoint_every 0``; ``load_checkpoint ...
state/adam/v/1`` missing near ``... holds inf``; ``meta/seed`` as text near evaluate's ``meta/seed
is a word`` (the command line's); ``exploding meta_gradient_norm inner_lr '0.1'`` near ``inner_lr
None``; ``r2d2_logits offset 'zero'`` near ``offset NaN``; ``softmax_head tol -1e-10`` near
``tol -1``; ``ridge_fit lam inf`` near ``lam -inf``; ``predict n_steps NaN`` near ``-1``, ``1.5``;
``evaluate a state whose params are in reverse order`` near ``MLP apply params in reverse
order``; ``Omniglot n_way 1000`` near GaussianClusters' ``n_way 1000000``; ``reptile fine_tune_tasks
inner_lr '0.01 '`` near other ``fine_tune_tasks inner_lr`` values; ``anil_meta_loss first_order
'no'`` near ``'off'``; ``maml meta_grad first_order 'yes'`` near anil_meta_grad's ``'yes'``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 61 of the 107. ``DROPPED``
is empty. The file was copied before the first run.

Correction after the first run (an outright slip of plumbing, recorded with both results): one
case, ``evaluate a closed_form linear run with seed 2**64, a seed past 64 bits``, made its run
with the ninetieth's ``_run(d, "closed_form", family="linear")``, which the library refuses
while building the good run (before the case's argv exists): "ValueError: ClosedForm meta-trains
a body shared by every task under a head of each task's own, so the model needs a body of at
least one layer; got sizes (1, 1), one layer, the head alone: choose a family whose default
model has a hidden layer (linear's has none), or give one (make_strategy(..., model=MLP(...)))".
That error escaped the harness and ended the first kept run after its first area (cli train: 9
of 9 clear); no result for the other areas. The case now makes a closed_form run on
sinusoid_frequency (``..._run(d, "closed_form", family="sinusoid_frequency")``, id changed to
match; same --seed value 2**64, same mentions); after the correction it is clear. No other case
was changed. (The same refusal of a closed_form linear run is a clear answer in its own right,
and not a bad input of this battery's making; the written ``train closed_form on linear with lam
'1e400'`` is refused for the --lam value, and was classified clear.)

Memory and time: no case allocated much. The kept script run took about five seconds, the
written one about four, pytest about eighteen.

First run at 47c5a27 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present),
after the correction above: kept, 61 of 61 clear (100.0%), 0 unclear, 0 silent, 0 data loss --
cli train 9/9, cli evaluate/compare 9/9, meta functions 8/8, strategies 7/7, evaluate and train
7/7, checkpoints 6/6, nn/optim/batchnorm 5/5, task families 5/5, omniglot 5/5. Written
(``--written``): 106 of 107 clear (99.1%), 1 unclear, 0 silent, 0 data loss -- every area all
clear (15, 15, 14, 13, 13, 10, 9, 9) except nn/optim/batchnorm, 8 of 9. Under pytest (without
the ulimit): 62 passed (the 61 kept cases and the wide-and-new test).

Not clear, kept: none.

Not clear, written and not kept (one):
- ``adam_rows rows [0.5], a fractional row index`` (nn, optim, batchnorm; index 6, not kept):
  unclear, "ValueError: state['t'] must be one step count per row of params, an array of
  integers >= 0 of shape (1,), got array(0)": it does not name ``rows`` or its value. Very
  likely the writer's plumbing and not the library's fault: the case passes ``adam_init(params)``
  as the state, and ``adam_rows`` wants a state with one step count per row, so the library
  refused the state first (clearly, for the state). It is left as written: without reading the
  library the writer could not tell how a row state is made, so it is not corrected (the lead
  may judge; it does not count in the kept rate).

Every other case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError
naming the argument, option, entry or user method in its mentions and the value given. The cases
that write (the resumes of a maml and a newton_head run, train with a checkpoint, train and
save_checkpoint under a file, save_checkpoint and the damaged checkpoints) lost no data (the
harness's data-loss check passed).

Measured on main at 47c5a27, the commit it was written at, blind (the lead reran it there,
with the hundred-and-fifty-fourth, -fifth and -seventh beside it): kept, 61 of 61 clear (100%),
0 unclear, 0 silent, 0 data loss; the pair with the hundred-and-fifty-seventh, 113 of 115
(98.3%). Round 93 (with sight of this file, not blind): adam_rows given adam_init's one step
count says how to give each row its own (the one written case not clear).
"""

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import predict, sgd_path, steps
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.exploding import meta_gradient_norm
from scratchmeta.meta.maml import meta_grad, meta_loss
from scratchmeta.meta.omniglot_compare import episodes, families
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import (hyperparameters, make_family,
                                       make_strategy, strategy_from_config)
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import softmax_head
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

CLI_TRAIN_CASES = [
    ("train maml on linear with inner-lr '1e--2', a doubled minus in the exponent",
     _train("--strategy", "maml", "--family", "linear", "--inner-lr", "1e--2"),
     ["--inner-lr", "1e--2"]),
    ("train fomaml on sinusoid with meta-batch '0b11', a binary literal for the task count",
     _train("--strategy", "fomaml", "--meta-batch", "0b11"), ["--meta-batch", "0b11"]),
    ("train reptile on clusters with inner-steps '+', a lone plus sign for T",
     _train("--strategy", "reptile", "--family", "clusters", "--inner-steps", "+"),
     ["--inner-steps", "+"]),
    ("train anil on clusters with n-query of two blanks, no digits at all",
     _train("--strategy", "anil", "--family", "clusters", "--n-query", "  "),
     ["--n-query"]),
    ("train closed_form on linear with lam '1e400', a penalty that overflows to inf",
     _train("--strategy", "closed_form", "--family", "linear", "--lam", "1e400"),
     ["--lam", "1e400"]),
    ("train r2d2 on clusters with set scale=0x10, a hexadecimal output scale",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "scale=0x10"),
     ["scale", "0x10"]),
    ("train newton_head on clusters with set learn_lam=[True], a switch in brackets",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "learn_lam=[True]"),
     ["learn_lam", "[True]"]),
    ("train subset on sinusoid with set subset_size=0o12, an octal size",
     _train("--strategy", "subset", "--set", "subset_size=0o12"), ["subset_size", "0o12"]),
    ("train multitask on linear with set head_steps=two, a word for the head steps",
     _train("--strategy", "multitask", "--family", "linear", "--set", "head_steps=two"),
     ["head_steps", "two"]),
    ("train pretrained on sinusoid_frequency with inner-lr 'e-2', no mantissa",
     _train("--strategy", "pretrained", "--family", "sinusoid_frequency", "--inner-lr", "e-2"),
     ["--inner-lr", "e-2"]),
    ("train scratch on sinusoid_frequency with n-support 1000000000, a billion support "
     "points a task",
     _train("--strategy", "scratch", "--family", "sinusoid_frequency", "--n-support",
            "1000000000"), ["--n-support", "1000000000"]),
    ("train maml on clusters with steps '2e', an exponent with no digits",
     _train("--family", "clusters", "--steps", "2e"), ["--steps", "2e"]),
    ("train maml on sinusoid with set n_supprot=5, two letters swapped in the name",
     _train("--set", "n_supprot=5"), ["n_supprot"]),
    ("train resume a maml linear run with inner-steps -3, a sign slip in K",
     _resumed("maml", "--inner-steps", "-3", family="linear"), ["--inner-steps", "-3"]),
    ("train resume a newton_head clusters run with lam '0x1', a hexadecimal penalty",
     _resumed("newton_head", "--lam", "0x1", family="clusters"), ["--lam", "0x1"]),
]

# --- the command line: evaluate and compare

def _text_checkpoint(d):
    path = d / "run.npz"
    path.write_text("hello, this is not a checkpoint\n")
    return ["evaluate", "--checkpoint", str(path), "--tasks", "4", "--steps", "1"]


def _truncated_checkpoint(d):
    data = _good(d).read_bytes()
    path = d / "backwards.npz"
    path.write_bytes(data[::-1])
    return ["evaluate", "--checkpoint", str(path), "--tasks", "4", "--steps", "1"]


def _empty_checkpoint_path(d):
    _good(d)
    return ["evaluate", "--checkpoint", "", "--tasks", "4", "--steps", "1"]


CLI_OTHER_CASES = [
    ("evaluate a maml sinusoid run with steps '0b1', a binary literal",
     _evaluate(lambda d: _run(d, "maml"), "--steps", "0b1"), ["--steps", "0b1"]),
    ("evaluate a fomaml linear run with tasks '4,', a trailing comma",
     _evaluate(lambda d: _run(d, "fomaml", family="linear"), "--tasks", "4,"),
     ["--tasks", "4,"]),
    ("evaluate an anil clusters run with support 5.5, five and a half points",
     _evaluate(lambda d: _run(d, "anil", family="clusters"), "--support", "5.5"),
     ["--support", "5.5"]),
    ("evaluate a reptile sinusoid run with query 'inf', endless query points",
     _evaluate(lambda d: _run(d, "reptile"), "--query", "inf"), ["--query", "inf"]),
    ("evaluate a closed_form sinusoid_frequency run with seed 2**64, a seed past 64 bits",
     _evaluate(lambda d: _run(d, "closed_form", family="sinusoid_frequency"), "--seed",
               str(2 ** 64)), ["--seed", str(2 ** 64)]),
    ("evaluate a subset sinusoid_frequency run with steps '1 0', a space in the count",
     _evaluate(lambda d: _run(d, "subset", family="sinusoid_frequency"), "--steps", "1 0"),
     ["--steps", "1 0"]),
    ("evaluate a pretrained clusters run with query 1000000000000, a trillion query points",
     _evaluate(lambda d: _run(d, "pretrained", family="clusters"), "--query",
               "1000000000000"), ["--query", "1000000000000"]),
    ("evaluate checkpoint run.npz holding a line of text",
     _text_checkpoint, ["run.npz"]),
    ("evaluate checkpoint the good run's bytes in reverse order, backwards.npz",
     _truncated_checkpoint, ["backwards.npz"]),
    ("evaluate checkpoint '', an empty path",
     _empty_checkpoint_path, ["--checkpoint"]),
    ("compare maml on clusters with tasks '0x258', a hexadecimal task count",
     _compare_on(["maml"], "clusters", "--tasks", "0x258"), ["--tasks", "0x258"]),
    ("compare fomaml on linear with support '-5', a sign slip",
     _compare_on(["fomaml"], "linear", "--support", "-5"), ["--support", "-5"]),
    ("compare newton_head on clusters with val-seed '1.5', half a seed",
     _compare_on(["newton_head"], "clusters", "--val-seed", "1.5"), ["--val-seed", "1.5"]),
    ("compare anil on sinusoid_frequency with adapt-steps 'many', a word for a count",
     _compare_on(["anil"], "sinusoid_frequency", "--adapt-steps", "many"),
     ["--adapt-steps", "many"]),
    ("compare strategies 'anil.' with a trailing point",
     _compare_on(["anil."], "sinusoid"), ["anil."]),
]

# --- Chapter 2's functions

def _path():
    model, params, batch = _problem()
    return sgd_path(per_task(params, batch.x_support.shape[0]), batch, model, inner_lr=0.01,
                    loss=mse)


def _sgd_path_trainable_all():
    model, params, batch = _problem()
    return sgd_path(per_task(params, batch.x_support.shape[0]), batch, model, inner_lr=0.01,
                    loss=mse, trainable="all")


def _predict_steps_nan():
    strategy, state = _maml_state()
    model, params, batch = _problem()
    return predict(strategy, state, batch, np.nan)


def _meta_grad_first_order_yes():
    model, params, batch = _problem()
    return meta_grad(params, batch, model, inner_lr=0.01, inner_steps=1, first_order="yes")


def _meta_loss_lr_none():
    model, params, batch = _problem()
    return meta_loss(params, batch, model, inner_lr=None, inner_steps=1)


def _anil_loss_first_order_no():
    model, params, batch = _problem()
    return anil_meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1, first_order="no")


def _fine_tune_lr_negative():
    model, params, batch = _problem()
    return fine_tune_tasks(params, batch, model, inner_lr="0.01 ", inner_steps=2)


def _reptile_meta_lr_nan():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr=0.01, inner_steps=2, meta_lr=0.1 + 0j)


def _closed_form_scale_word():
    model, params, batch = _problem()
    return closed_form_meta_loss(split_body(params), batch, model, lam=1.0, scale="one")


def split_body(params):
    from scratchmeta.nn import split
    return split(params)[0]


def _subset_loss_size_zero():
    model, params, batch = _problem()
    return subset_meta_loss(params, batch, model, _rng(), subset_size=2, inner_lr=0.01,
                            inner_steps=-2)


def _norm_steps_fraction():
    model, params, batch = _problem()
    return meta_gradient_norm(params, batch, model, inner_steps=2, inner_lr="0.1")


META_CASES = [
    ("adapt.steps n_steps the text '3'",
     lambda d: steps(_path(), "3"), ["n_steps", "3"]),
    ("adapt.sgd_path trainable the word 'all'",
     lambda d: _sgd_path_trainable_all(), ["trainable", "all"]),
    ("adapt.predict n_steps NaN, a missing step count",
     lambda d: _predict_steps_nan(), ["n_steps", "nan"]),
    ("maml meta_grad first_order the word 'yes'",
     lambda d: _meta_grad_first_order_yes(), ["first_order", "yes"]),
    ("maml meta_loss inner_lr None, no step size",
     lambda d: _meta_loss_lr_none(), ["inner_lr", "None"]),
    ("anil_meta_loss first_order the word 'no'",
     lambda d: _anil_loss_first_order_no(), ["first_order", "no"]),
    ("reptile fine_tune_tasks inner_lr the text '0.01 ' with a trailing space",
     lambda d: _fine_tune_lr_negative(), ["inner_lr"]),
    ("reptile_step meta_lr 0.1+0j, a complex outer step",
     lambda d: _reptile_meta_lr_nan(), ["meta_lr"]),
    ("closed_form_meta_loss scale the word 'one'",
     lambda d: _closed_form_scale_word(), ["scale", "one"]),
    ("subset_meta_loss inner_steps -2, a sign slip in K",
     lambda d: _subset_loss_size_zero(), ["inner_steps", "-2"]),
    ("exploding meta_gradient_norm inner_lr the text '0.1'",
     lambda d: _norm_steps_fraction(), ["inner_lr", "0.1"]),
    ("ridge_fit lam np.inf, an endless penalty",
     lambda d: ridge_fit(_features(), _onehot(), np.inf), ["lam", "inf"]),
    ("r2d2_logits offset the word 'zero'",
     lambda d: r2d2_logits(_features(), _onehot(), _features(), 1.0, offset="zero"),
     ["offset", "zero"]),
    ("softmax_head tol -1e-10, a negative tolerance",
     lambda d: softmax_head(_features(), _onehot(), 1.0, tol=-1e-10), ["tol", "-1e-10"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy anil on linear n_support 0, no support points",
     lambda d: make_strategy("anil", family="linear", meta_batch=2, n_support=0),
     ["n_support", "0"]),
    ("make_strategy reptile on linear n_steps -5, a negative test-time step count",
     lambda d: make_strategy("reptile", family="linear", meta_batch=2, n_steps=-5),
     ["n_steps", "-5"]),
    ("make_strategy maml on clusters first_order the word 'second'",
     lambda d: make_strategy("maml", family="clusters", meta_batch=2, first_order="second"),
     ["first_order", "second"]),
    ("make_strategy subset on sinusoid subset_size range(10), the indices for the size",
     lambda d: make_strategy("subset", meta_batch=2, subset_size=range(10)),
     ["subset_size"]),
    ("make_strategy r2d2 on sinusoid_frequency, a classifier's head on a regression family",
     lambda d: make_strategy("r2d2", family="sinusoid_frequency", meta_batch=2),
     ["r2d2", "sinusoid_frequency"]),
    ("make_strategy multitask on sinusoid n_train_tasks np.int64(-1000), a sign slip",
     lambda d: make_strategy("multitask", meta_batch=2, n_train_tasks=np.int64(-1000)),
     ["n_train_tasks", "-1000"]),
    ("make_strategy pretrained meta_lr the word 'auto'",
     lambda d: make_strategy("pretrained", meta_batch=2, meta_lr="auto"),
     ["meta_lr", "auto"]),
    ("make_strategy scratch on clusters inner_lr [0.01, 0.02], two steps for one",
     lambda d: make_strategy("scratch", family="clusters", meta_batch=2,
                             inner_lr=[0.01, 0.02]), ["inner_lr"]),
    ("make_strategy closed_form family the class Sinusoid, not a name or an instance",
     lambda d: make_strategy("closed_form", family=Sinusoid, meta_batch=2), ["family"]),
    ("make_family 'clusters' n_way 1, a single class to tell apart",
     lambda d: make_family("clusters", n_way=1), ["n_way", "1"]),
    ("hyperparameters name 'Closed_Form', capitalised",
     lambda d: hyperparameters("Closed_Form"), ["Closed_Form"]),
    ("with_test_time inner_rl 0.1, two letters swapped in the name",
     lambda d: with_test_time(make_strategy("maml", meta_batch=2), inner_rl=0.1),
     ["inner_rl"]),
    ("strategy_from_config record the list ['maml'], a name in a list",
     lambda d: strategy_from_config(["maml"]), ["record"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

def _train_under_a_file(d):
    (d / "notes.txt").write_text("a file, not a folder\n")
    return train(_maml(), 2, 0, checkpoint=d / "notes.txt" / "run.npz")


def _evaluate_params_reversed():
    strategy, state = _maml_state()
    return evaluate(strategy, dict(state, params=list(state["params"])[::-1]), Sinusoid(),
                    **_small())


EVALUATE_CASES = [
    ("train n_steps np.float32(3.0), a float for the meta-step count",
     lambda d: train(_maml(), np.float32(3.0), 0), ["n_steps", "3.0"]),
    ("train checkpoint a path under notes.txt, a file and not a folder",
     _train_under_a_file, ["notes.txt"]),
    ("train checkpoint_every True beside a checkpoint, a bool for a count",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every=True),
     ["checkpoint_every", "True"]),
    ("train progress the text 'stdout' where a function is meant",
     lambda d: train(_maml(), 2, 0, progress="stdout"), ["progress"]),
    ("train log_every np.inf, progress lines never",
     lambda d: train(_maml(), 2, 0, log_every=np.inf), ["log_every", "inf"]),
    ("evaluate n_support -10 in the library, a sign slip",
     lambda d: evaluate(*_maml_state(), Sinusoid(), **_small(n_support=-10)),
     ["n_support", "-10"]),
    ("evaluate seed np.float64(22.5) in the library, half a seed",
     lambda d: evaluate(*_maml_state(), Sinusoid(), **_small(seed=np.float64(22.5))),
     ["seed", "22.5"]),
    ("evaluate on_divergence 42, a number where a mode is meant",
     lambda d: evaluate(*_maml_state(), Sinusoid(), **_small(on_divergence=42)),
     ["on_divergence", "42"]),
    ("evaluate a state whose params are in reverse order",
     lambda d: _evaluate_params_reversed(), ["params"]),
    ("select_test_time candidates [], no step size to choose from",
     lambda d: select_test_time(*_maml_state(), Sinusoid(), candidates=[], max_steps=1,
                                **_small()), ["candidates"]),
    ("select_test_time seed 2**70, a seed too large",
     lambda d: select_test_time(*_maml_state(), Sinusoid(), candidates=[0.01], max_steps=1,
                                **_small(seed=2 ** 70)), ["seed"]),
    ("held_out_tasks start the text 'zero'",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start="zero"), ["start", "zero"]),
    ("task_rng seed b'22', a seed as bytes",
     lambda d: task_rng(b"22", 0), ["seed"]),
]

# --- checkpoints

def _half_file(d):
    import zipfile
    good = _good(d)
    path = d / "nested.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(good, "good.npz")
    return path


def _text_file(d):
    path = d / "notes.npz"
    path.write_text("step 2, seed 0\n")
    return path


def _without_entry(d):
    with np.load(_good(d), allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files if k != "state/adam/v/1"}
    path = d / "missing.npz"
    np.savez(path, **arrays)
    return path


def _save_under_a_file(d):
    ckpt = load_checkpoint(_good(d))
    (d / "notes.txt").write_text("a file\n")
    return save_checkpoint(d / "notes.txt" / "again.npz", ckpt.state, step=ckpt.step,
                           seed=ckpt.seed, config=ckpt.config, meta_losses=ckpt.meta_losses)


P2_FLAT = _set_entry("p2flat", "state/params/2", lambda a: np.ravel(a))
SEED_TEXT = _set_entry("seedtext", "meta/seed", lambda a: np.array("zero"))


CHECKPOINT_CASES = [
    ("load_checkpoint a zip archive holding the good checkpoint, nested.npz",
     lambda d: load_checkpoint(_half_file(d)), ["nested.npz"]),
    ("load_checkpoint notes.npz, a text file with an npz name",
     lambda d: load_checkpoint(_text_file(d)), ["notes.npz"]),
    ("restore root the int 5",
     lambda d: restore(_good(d), root=5), ["root"]),
    ("restore a checkpoint whose state/params/2 is flattened to 1-D",
     lambda d: restore(P2_FLAT(d)), ["state/params/2"]),
    ("load_checkpoint a checkpoint without its entry state/adam/v/1",
     lambda d: load_checkpoint(_without_entry(d)), ["state/adam/v/1"]),
    ("restore a checkpoint whose meta/seed is the text 'zero'",
     lambda d: restore(SEED_TEXT(d)), ["meta/seed"]),
    ("save_checkpoint step np.nan, a missing step",
     lambda d: _save_fields(d, step=np.nan), ["step", "nan"]),
    ("save_checkpoint meta_losses a list of text ['0.5', '0.4']",
     lambda d: _save_fields(d, meta_losses=["0.5", "0.4"]), ["meta_losses"]),
    ("save_checkpoint path under notes.txt, a file and not a folder",
     _save_under_a_file, ["notes.txt"]),
    ("restore path the temporary folder itself, not a file",
     lambda d: restore(d), ["path"]),
]

# --- nn, optim, batchnorm

def _adam_eps_negative():
    params = _params()
    return adam_update(params, [np.ones_like(a) for a in params], adam_init(params),
                       np.complex128(1e-3))


def _adam_rows_fraction():
    params = _params()
    return adam_rows(params, adam_init(params), [np.ones_like(a) for a in params],
                     np.array([0.5]), 1e-3)


NN_CASES = [
    ("MLP sizes [1], an input width and no output",
     lambda d: MLP([1]).init(_rng()), ["sizes"]),
    ("MLP activation 'tanh()', a call written into the name",
     lambda d: MLP((1, 8, 1), activation="tanh()").init(_rng()), ["activation", "tanh()"]),
    ("MLP dtype np.dtype('V8'), eight raw bytes a parameter",
     lambda d: MLP((1, 8, 1), dtype=np.dtype("V8")).init(_rng()), ["dtype", "V8"]),
    ("per_task n_tasks -4, a sign slip",
     lambda d: per_task(_params(), -4), ["n_tasks", "-4"]),
    ("adam_init params None",
     lambda d: adam_init(None), ["params", "None"]),
    ("adam_update lr np.complex128(1e-3), a complex step",
     lambda d: _adam_eps_negative(), ["lr"]),
    ("adam_rows rows [0.5], a fractional row index",
     lambda d: _adam_rows_fraction(), ["rows"]),
    ("batch_norm scale of 3 widths for 4 features",
     lambda d: batch_norm(np.ones((2, 5, 4)), scale=np.ones(3)), ["scale"]),
    ("batchnorm finn_init rng a list of two Generators where one is meant",
     lambda d: finn_init([_rng(), _rng()], (1, 8, 1)), ["rng"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _params_none(self, rng, n_tasks):
    return np.full(np.shape(Quadratic.sample_params(self, rng, n_tasks)), np.nan)


def _target_complex(self, task_params, x):
    return np.asarray(Quadratic.target(self, task_params, x)) + 1j


def _x_strings(self, rng, task_params, n_points):
    return np.full(np.shape(Quadratic.sample_x(self, rng, task_params, n_points)), "x")


TASK_CASES = [
    ("Sinusoid amplitude (np.nan, 5.0), a missing lower bound, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(amplitude=(np.nan, 5.0)), 2, 5, 5), ["amplitude"]),
    ("LinearRegression scale np.inf, an endless slope spread, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(scale=np.inf), 2, 5, 5), ["scale", "inf"]),
    ("GaussianClusters dim np.float32(8.5), a fraction of a dimension, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=np.float32(8.5)), 2, 5, 5),
     ["dim", "8.5"]),
    ("GaussianClusters spread np.inf, endless spread, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(spread=np.inf), 2, 5, 5), ["spread", "inf"]),
    ("SinusoidFrequency frequency np.array([[0.5, 2.0]]), the range as a 2-D row",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=np.array([[0.5, 2.0]])), 2, 5, 5),
     ["frequency"]),
    ("cross_entropy y_onehot holding 2s, not one-hot",
     lambda d: cross_entropy(np.zeros((3, 5, 3)), 2 * _onehot()), ["y_onehot"]),
    ("a user's Quadratic TaskFamily whose sample_params returns NaN parameters, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_params=_params_none), 2, 5, 5),
     ["sample_params"]),
    ("a user's Quadratic TaskFamily whose target returns complex values, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(target=_target_complex)), ["target"]),
    ("a user's Quadratic TaskFamily whose sample_x returns strings 'x', in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_x=_x_strings), 2, 5, 5), ["sample_x"]),
]

# --- Omniglot

def _omniglot_dtype_half(d):
    return ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
            "--dtype", "f4", "--out", str(d / "omni.npz")]


OMNIGLOT_CASES = [
    ("Omniglot n_way 1000, more classes than an episode can be drawn from",
     lambda d: _sample(Omniglot(1000, data=_data())), ["n_way", "1000"]),
    ("Omniglot rotate np.nan, a missing switch",
     lambda d: _sample(Omniglot(5, data=_data(), rotate=np.nan)), ["rotate"]),
    ("Omniglot split 'eval', a short name for no split",
     lambda d: _sample(Omniglot(5, split="eval", data=_data())), ["split", "eval"]),
    ("Omniglot sample n_tasks np.bool_(True), a NumPy bool for a count",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), np.bool_(True), 5, 5), ["n_tasks"]),
    ("check_shots n_query np.float64(5.5), five and a half query drawings",
     lambda d: check_shots(5, 2, 5, np.float64(5.5)), ["n_query", "5.5"]),
    ("finn_split n_train -5, a negative training share",
     lambda d: finn_split(_data().alphabets, _data().characters, n_train=-5),
     ["n_train", "-5"]),
    ("omniglot_compare families data the text 'omniglot', a name where the drawings are "
     "meant",
     lambda d: families("omniglot"), ["data"]),
    ("omniglot_compare episodes seed np.float64(0.5), half a seed",
     lambda d: episodes(Omniglot(5, data=_data()), 2, 1, np.float64(0.5)), ["seed", "0.5"]),
    ("train omniglot on the command line with dtype 'f4', a type code for float32",
     _omniglot_dtype_half, ["--dtype", "f4"]),
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


def test_the_hundredfiftysixth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfiftysixth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
