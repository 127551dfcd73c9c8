"""A hundred-and-fiftieth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring (its first twenty lines, read again); every case runs through the eighth battery's
shared ``classify_case`` (imported, used as the templates use it; its body was not read).
Written blind, in a worktree at commit 72821c6, from the user's side only, in about fifteen
minutes: ``--help`` of the program, ``train``, ``evaluate`` and ``compare`` (``compare``'s as
far as ``--val-tasks``: the rest was cut off by the terminal); the public names and signatures
(``inspect.signature`` of the functions and classes each module defines, from ``__all__`` or
``dir``; no methods) of ``scratchmeta.meta``'s ``adapt``, ``ridge``, ``subset``, ``reptile``,
``softmax_head``, ``multitask``, ``baselines``, ``evaluate``, ``checkpoint``, ``registry`` and
``training``, and of ``nn``, ``optim``, ``batchnorm``, ``tasks``, ``more_tasks``,
``datasets.omniglot`` and ``datasets.omniglot_tasks`` (not ``checks``/``protocol``/
``messages``), with the listing of ``scratchmeta.meta``'s module names; the two templates, the
hundred-and-forty-sixth (in full) and the hundred-and-forty-second (its docstring, imports and
command-line case lists, and a listing of its ``def`` lines); the ids of every earlier battery
(extracted by ``ast``, see below); in ``tests/test_bad_inputs_cli.py``, ``_good``'s and
``_arrays``' bodies and ``_damaged``'s first line (printed with the module docstring, lines
1-60) and a grep showing it has no ``timeout``. The README was not read (the time went to the
repeats check). Imported, not copied: ``_good``, ``_train``, ``_rng``, ``_data``, the
ninetieth's ``_run``, the ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the
ninety-fourth's ``_compare_on``, ``_features``, ``_maml``, ``_problem``, ``_resumed``,
``_set_entry``, the ninety-sixth's ``Quadratic``, ``_quadratic``, ``_save_fields``, the
hundred-and-second's ``_needs_omniglot`` and ``_params``, the hundred-and-twenty-eighth's
``_onehot``. The helpers' signatures were learnt from the templates' calls and a grep of their
``def`` lines; no helper body was printed beyond the lines above. Disclosed: the first kept run
stopped on a slip of this file (below), and its traceback showed a few lines of library source
(the ``cls(model, family, **hyper)`` line of ``registry.py``'s ``make_strategy``, the
``configure`` call of ``multitask.py``'s ``__init__`` and the ``raise`` line of
``protocol.py``'s ``configure`` with its message); nothing else of them was read. No library
source body, library docstring, validation module, history or file of /work/main was read (its
venv's python was run). No good library calls were made before the runs; after the first run
the three corrected written cases were classified alone once, in their corrected form, and the
compare ``--val-tasks 10**9`` case once without the ulimit (below). The commit was read with
``git rev-parse --short HEAD``. Every case writes only inside its temporary folder (``git status
--short`` after the runs shows this file only; the id list, the scripts, the copy before the
first run and the run outputs were kept outside the worktree, in /tmp/wt150_scratch, removed at
the end). SCRATCHMETA_DATA was unset. The runs were made as root (so no read-only-folder case
was written: root writes through it). ``_under_the_batteries_ulimit`` is not used: no library
case asks for a huge size; the command-line cases of huge sizes (train --n-support 10**8 and
--inner-steps 10**9, evaluate --query 10**10 and '1_000_000_000_000', compare --val-tasks
10**9) are ones the library is expected to refuse before allocating.

Emphasis, as the brief asked (another writer took Chapter 2's library side at the same time): 68
of the 105 cases are on the command line, 37 in the library.

Areas, as written (105 in all): train on the command line (21) -- fomaml on clusters and linear,
anil on sinusoid and linear, reptile on sinusoid_frequency and clusters, closed_form on
sinusoid_frequency and clusters, r2d2 and newton_head on clusters, subset on linear, multitask
on clusters and sinusoid, pretrained on linear and sinusoid, scratch on clusters, maml on linear
and sinusoid, a misspelt strategy and family, two malformed --set; evaluate on the command line
(13) -- runs of maml, anil, subset (linear), fomaml, pretrained (sinusoid), reptile, closed_form,
multitask (sinusoid_frequency), r2d2, newton_head, scratch (clusters), and two bad --checkpoint
files; compare on the command line (14) -- maml, reptile, r2d2, newton_head, scratch on
clusters, fomaml and subset on sinusoid, anil and pretrained on linear, closed_form and
multitask on sinusoid_frequency, three misspelt names; checkpoints and resumes on the command
line (13) -- resumes of anil, scratch, fomaml (sinusoid), subset (linear), pretrained and r2d2
(clusters), resumes of checkpoints with state/adam/t or state/adam/m/1 damaged and of the good
run zipped, evaluate of checkpoints with state/params/0, state/params/1 or meta/seed damaged,
train --out ''; Omniglot on the command line (7) -- --n-support, --dtype, --root, anil's
--inner-steps, r2d2's --set lam, --split, --n-support with --n-query; Chapter 2's functions (5)
-- ridge_head, softmax_head_unrolled, reptile_step, adapt.sgd_path, subset_indices; strategies
and the registry (6) -- make_strategy (maml's family, multitask, closed_form), hyperparameters,
with_test_time, make_family; library evaluate, task_rng, select_test_time, held_out_tasks,
train (two) (6); checkpoints in the library (5) -- restore (two), load_checkpoint,
save_checkpoint (two); nn/optim/batchnorm (5) -- MLP activation, per_task, adam_update,
batch_norm, adam_rows; task families (6) -- Sinusoid, GaussianClusters, SinusoidFrequency, the
ninety-sixth's ``Quadratic`` with its target changed (two), mse; Omniglot in the library (4) --
Omniglot's rotate and n_way, finn_split, check_shots.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: train --inner-lr '\u221e', --inner-steps '3e0', --lam '1e-2j', --set
  scale=True, --set lam=(0.1), --set subset_size=10.0, --set head_steps=5;, --n-support '',
  --seed '\u00bd', --checkpoint-every '500 steps', --log-every -0.5, --n-query '1e1.5';
  evaluate --support 'every', --seed '22e', --query '0.5e2', --steps 'Infinity', --tasks 'yes',
  --support '10.', --seed '22;'; compare --steps 0.5, --val-seed 'seed', --eval-seed '22.00',
  --query '1e2.0', --support 1.0, --seed '-0.0', --adapt-steps 'ten' and '10+'; resume
  --inner-steps 'K+1', --set subset_size=100.5, --n-support 'x', --checkpoint-every '1,000';
  omniglot --dtype 'int'; ridge_head lam np.array([0.1, 0.2]), reptile_step inner_lr '0.1',
  sgd_path inner_lr np.array([0.1, 0.01]), subset_indices subset_size 0.5, hyperparameters
  b'maml', with_test_time inner_lr 'fast', make_strategy closed_form lam '1e-2', make_family
  sinusoid amplitude (5.0,), task_rng i '0', select_test_time max_steps '10', held_out_tasks
  start '3', train checkpoint_every 'daily' and n_steps 1e6, restore root 5, save_checkpoint
  seed [0] and step np.float64(3.0), per_task n_tasks 'two', adam_update beta2 '0.999', adam_rows
  rows 2.5, GaussianClusters dim 0.5, Omniglot rotate 1.5 and n_way 5.0, check_shots n_query
  2.5;
- out of range: train --n-support 10**8, --meta-lr -0.0001, --inner-steps 10**9, --set
  head_seed=2**64; evaluate --tasks '-0', --query 10**10 and '1_000_000_000_000', --steps -5;
  compare --val-tasks 1, --tasks -600, --val-tasks 10**9; resume --set scale=1e309, a checkpoint
  whose state/adam/t is 2**62; omniglot --n-support -1, anil --inner-steps -1, r2d2 --set
  lam=-0.5, --n-support 5 with --n-query 100 (21 drawings of a character's 20);
  softmax_head_unrolled n_steps -3, make_strategy multitask head_steps -4, evaluate n_query -7,
  Sinusoid x_range (0.0, inf), SinusoidFrequency frequency (-1.0, 2.0), finn_split n_validation
  2000;
- a wrong shape: batch_norm scale 2-D (1, 4), mse pred (2, 4, 2) for y (2, 4, 1), checkpoints
  whose state/params/0 has an extra trailing axis, whose state/adam/m/1 is cut to one number;
- a user's function that misbehaves (``Quadratic``): target with its last two axes swapped,
  target returning booleans;
- files and paths: evaluate --checkpoint the good run zipped inside run.npz, a file of a zip's
  four magic bytes; resume of the good run zipped; train --out ''; evaluate checkpoints whose
  state/params/1 is int8, whose meta/seed is 1.5; omniglot --root a folder of two empty
  archives; restore root '', load_checkpoint path '';
- mismatches and conflicts: train maml --set 'inner_lr 0.01' (no equals sign), fomaml --set
  '=0.01' (no name); resume scratch with multitask's head_init; omniglot train with --split
  (an evaluate option);
- typos and misspellings: train --strategy 'mamL', --family 'Linear', --set batch=25 (meta_batch
  cut short); compare 'newton_heads', 'r2d3', 'reptile.'; make_strategy family 'omniglots', MLP
  activation 'softplus'.

Repeats: the 17,626 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; an earlier id of three words or more that is a whole-word
prefix of a draft; and a draft's text before the first comma that is a prefix of an earlier id),
over three rounds, and by about 150 function-and-value regular-expression greps over the same
list (e.g. ``inner-lr '?-inf``, ``0o7|octal``, ``1e-2j|imaginary``, ``scale=True``,
``head_steps=1.5|five|0x5``, ``head_seed``, ``seed '0.0'``, ``'mamL'``, ``family 'Linear'``,
``dtype float32``, ``n-query nan``, ``tasks -600``, ``seed nan``, ``query 0.5``, ``steps inf``,
``tasks True``, ``0x0A``, ``seed ''``, ``notes.txt``, ``zero bytes``, ``adapt-steps inf|nan``,
``2.2e1``, ``query ''``, ``seed -0.5``, ``10 steps``, ``inner-steps -2``, ``subset_size=1000|101``,
``scratch .*lam|inner-steps|first_order``, ``scale=-inf|0``, ``'1k'``, ``2**62``, ``m/1``,
``int8``, ``without meta/seed``, ``never written|missing``, ``runs/``, ``split test``,
``reptile_step inner_lr``, ``subset_size -3``, ``lam inf``, ``restore path a folder``,
``save_checkpoint path under``, ``changes [1``, ``adam_rows rows``, ``target .*nan``, ``mse y
.*strings``, ``rotate 45``, ``check_shots n_support 0``, ``candidates``, ``root ''``,
``meta_losses 2-D``, ``MLP sizes (1, 8.5``, ``x_range (0``, ``dim (8``, ``mse pred None``,
``check_shots n_query -``, ``n_way inf|1e400|[5]``, ``spread [2|nan|-inf``, ``dim True|0.|1e``,
``select_test_time seed|n_query|max_steps``). The list is saturated: about 55 first drafts were
replaced before any run, among them exact earlier ids (``compare strategies 'newton-head', a
hyphen for the underscore``, ``per_task n_tasks -2, a sign slip``, ``adam_update eps the text
'1e-8'``, ``GaussianClusters n_way the text '5', in held_out_tasks``), heads or prefixes
(``sgd_path inner_lr NaN``, ``hyperparameters 42``, ``task_rng i -1``, ``held_out_tasks start
2.5``, ``MLP sizes (1, -8, 1)``, ``adam_update lr the text '1e-3'``, ``Sinusoid x_range (5.0,
-5.0)``, ``GaussianClusters n_way -5``, a Quadratic target returning None, ``finn_split n_train
-1``, ``Omniglot n_way -5``, ``save_checkpoint seed 1.5``, ``MLP sizes the text '1,8,1'``,
``select_test_time candidates (0.01, nan)``) and substance (train ``--inner-lr -inf``,
``--inner-steps 0o7``, ``head_steps=1.5``, ``head_seed=-7``, ``--seed '0.0'``, ``--dtype
float32`` on sinusoid_frequency, ``--n-query nan``; evaluate ``--tasks -600``, ``--seed nan``,
``--query 0.5``, ``--steps inf``, ``--tasks True``, ``--support 0x0A``, ``--seed ''``, a zip
holding only notes.txt, a zero-byte file; compare ``--adapt-steps inf``, ``--eval-seed 2.2e1``,
``--query ''``, ``--seed -0.5``, ``--adapt-steps '10 steps'``; resume ``--inner-steps -2``,
``subset_size=1000``, scratch ``--lam``, ``scale=-inf``, ``--checkpoint-every 1k``, a
checkpoint without meta/seed, a missing file, ``--out`` ending in a slash; ``subset_size -3``,
closed_form ``lam inf``, restore a folder, save_checkpoint under a file and ``changes [1, 2]``,
target all NaN, ``mse y`` strings, ``rotate 45``, ``check_shots n_support 0``, candidates NaN,
``GaussianClusters dim (8, 8)``). No exact id repeats among the cases run, nor a repeat before
the first comma or by either prefix rule, except one match that is an artefact of a comma inside
a tuple (``Sinusoid x_range (0.0, inf)`` against ``Sinusoid x_range (0.0, 0.0)``). Kept as new
values, near (the lead may judge): train --lam '1e-2j' near the library's ``lam imaginary``;
train --family 'Linear' near make_family 'Linear'; train --set batch=25 near earlier misspelt
settings; evaluate --steps 'Infinity' near ``steps inf``; evaluate --support '10.' near
``query '100.'``; evaluate --seed '22;' near ``seed '22,'``; compare --eval-seed '22.00' near
``seed '0.0'``; compare --support 1.0 near ``query 100.0``; compare --val-tasks 1 near
select_test_time ``n_tasks 1``; compare 'reptile.' near ``'reptile,'``; resume subset_size=100.5
near ``subset_size=101``; resume scratch head_init near ``subset ... head_init``; the zipped
good run near ``a zip holding only a text file``; the four magic bytes near ``a zero-byte
file``; restore root '' near omniglot ``--root ''``; MLP activation 'softplus' near ``'rel'``;
make_strategy maml family 'omniglots' near earlier plural names; Omniglot n_way 5.0 near
``5+0j``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 62 of the 105. ``DROPPED``
is empty. The file was copied before the first run.

Corrections after the first run (outright slips of this file, recorded with both results):
- one case used multitask on linear, whose default model has no hidden layer while multitask
  needs a body, so it held a second fault beside the one meant. The first kept run stopped in
  the set-up of ``evaluate a multitask linear run with query '1_000_000_000_000', past any
  memory``, with a traceback, "ValueError: Multitask meta-trains a body shared by every task
  under a head of each task's own, so the model needs a body of at least one layer; got sizes
  (1, 1), one layer, the head alone: choose a family whose default model has a hidden layer
  (linear's has none), or give one (make_strategy(..., model=MLP(...)))" (raised by the
  ninetieth's ``_run`` making the run to evaluate, not by the bad input; that run had printed
  cli: train 13 of 13 clear before stopping). It became ``evaluate a multitask
  sinusoid_frequency run with query '1_000_000_000_000', past any memory``, the bad value
  unchanged; after the correction it was clear.
- two written, not kept, cases gave an n_support of 1 for 5-way Omniglot tasks, where the
  support count is the total over the classes (a multiple of n_way), so each held a second
  fault. First run (``--written``): ``train omniglot on the command line with n-support 1 and
  n-query 20, 21 drawings of 20`` unclear, "error: n_support must be a multiple of n_way=5 (the
  same number of drawings of every class), got 1 (given as --n-support 1)" (it does not name
  --n-query 20); ``check_shots n_query 2.5, half a query drawing`` (called as
  ``check_shots(5, 2, 1, 2.5)``) unclear, "ValueError: n_support must be a multiple of n_way=5
  ..., got 1". They became ``... with n-support 5 and n-query 100, 21 drawings of 20`` (1 + 20
  drawings a class) and ``check_shots(5, 2, 5, 2.5)``; after the correction both were clear
  ("error: n_support=5 and n_query=100 ask for 1 + 20 distinct drawings per class (of n_way=5),
  but each character has only 20 (given as --n-support 5, --n-query 100)"; "ValueError: n_query
  must be an integer of at least 0, got 2.5").
- one kept case, ``adam_rows rows 2.5, half a row index``, passed ``adam_init``'s state where
  adam_rows asks a state with one step count per row, so it held a second fault. First run:
  unclear, "ValueError: state['t'] must be one step count per row of params, an array of
  integers >= 0 of shape (1,), got array(0)" (it does not name rows; the library was right to
  refuse the state first). The state became ``adam_init``'s with ``t`` an int array of shape
  (1,), as that message asks (``_rows_state``); after the correction it was clear ("ValueError:
  rows must be at least 1 distinct integer indices in 0..0 (into the 1 task heads (rows)), a
  1-D list, got 2.5 of shape ()").
No other case was changed.

Memory and time: no case allocated much. The kept script run took about four seconds, the
written one about five, pytest about five.

First run at 72821c6 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present;
after the corrections above): kept, 61 of 62 clear (98.4%), 1 unclear, 0 silent, 0 data loss --
cli train 13/13, cli evaluate 7/7, cli compare 7/8, cli checkpoints and resumes 7/7, cli
omniglot 4/4, meta functions 3/3, strategies 4/4, evaluate and train 4/4, checkpoints 3/3,
nn/optim/batchnorm 3/3, task families 4/4, omniglot 2/2. (Before the adam_rows correction the
first complete kept run gave 60 of 62, 96.8%.) Written (``--written``): 104 of 105 clear
(99.0%), 1 unclear, 0 silent, 0 data loss -- every area all clear but cli compare 13/14 (cli
train 21/21, cli evaluate 13/13, cli checkpoints and resumes 13/13, cli omniglot 7/7, meta
functions 5/5, strategies 6/6, evaluate and train 6/6, checkpoints 5/5, nn/optim/batchnorm 5/5,
task families 6/6, omniglot 4/4). Under pytest (without the ulimit): 63 passed (62 cases and
the wide-and-new test) -- the one case not clear under the ulimit is clear without it (below).

Not clear, kept: ``compare scratch on clusters with val-tasks 10**9, validation past any
memory`` -- unclear under ``ulimit -v 8000000``, "error: the curves of 1000000000 validation
tasks over --adapt-steps 1 would need 14.9 GiB of memory at once, more than the 7.22 GiB left
under this process's memory limit (ulimit -v); choose smaller sizes": one ``error:`` line, exit
2, refused before allocating and with sizes named, but it names --adapt-steps and not the
option given (--val-tasks; "validation tasks" in words only). Classified once without the
ulimit it is clear, "error: --val-tasks 1000000000 held-out tasks is more than 1,000,000: ...
a count that large is a typo": under the ulimit the memory check runs before the count check
that names the option.

Not clear, written and not kept: none (after the corrections above).

Every other case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError
naming the argument, option, entry or user method in its mentions and the value given. The
train --out '' case and the resume of the zipped good run were clear and lost no data (the
harness's data-loss check passed).

Measured on main at 72821c6, the commit it was written at, blind (the lead reran it there,
with the hundred-and-fifty-first, -second and -third beside it): kept, 61 of 62 clear (98.4%),
1 unclear, 0 silent, 0 data loss; the pair with the hundred-and-fifty-first, 116 of 118
(98.3%). The unclear case is unclear only under the batteries' ulimit, where compare's memory
check of the validation curves came before its count check and named --adapt-steps, not
--val-tasks. Round 92 (with sight of this file, not blind): compare's memory messages name the
task option whose tasks would not fit ("the curves of --val-tasks 1000000000 tasks over
--adapt-steps 1 would need ..."); the case is clear at HEAD, under the ulimit and without it.
"""
import zipfile

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.registry import hyperparameters, make_family, make_strategy
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.ridge import ridge_head
from scratchmeta.meta.softmax_head import softmax_head_unrolled
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import Sinusoid, mse

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
                                          _set_entry)
from test_bad_inputs_ninetysixth import Quadratic, _quadratic, _save_fields
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_hundredtwentyeighth import _onehot

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train fomaml on clusters with inner-lr '\u221e', the infinity sign for a step",
     _train("--strategy", "fomaml", "--family", "clusters", "--inner-lr", "\u221e"),
     ["--inner-lr", "\u221e"]),
    ("train anil on sinusoid with n-support 10**8, support sets past any memory",
     _train("--strategy", "anil", "--n-support", str(10 ** 8)),
     ["--n-support", str(10 ** 8)]),
    ("train reptile on sinusoid_frequency with inner-steps '3e0', a count in e-notation",
     _train("--strategy", "reptile", "--family", "sinusoid_frequency", "--inner-steps", "3e0"),
     ["--inner-steps", "3e0"]),
    ("train closed_form on sinusoid_frequency with lam '1e-2j', an imaginary penalty",
     _train("--strategy", "closed_form", "--family", "sinusoid_frequency", "--lam", "1e-2j"),
     ["--lam", "1e-2j"]),
    ("train r2d2 on clusters with set scale=True, a bool for the logits' scale",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "scale=True"),
     ["scale", "True"]),
    ("train newton_head on clusters with set lam=(0.1), a penalty in brackets",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "lam=(0.1)"),
     ["lam", "(0.1)"]),
    ("train subset on linear with set subset_size=10.0, a whole float for a count",
     _train("--strategy", "subset", "--family", "linear", "--set", "subset_size=10.0"),
     ["subset_size", "10.0"]),
    ("train multitask on clusters with set head_steps=5;, a stray semicolon",
     _train("--strategy", "multitask", "--family", "clusters", "--set", "head_steps=5;"),
     ["head_steps", "5;"]),
    ("train multitask on sinusoid with set head_seed=2**64, the heads' seed past 64 bits",
     _train("--strategy", "multitask", "--set", f"head_seed={2 ** 64}"),
     ["head_seed", str(2 ** 64)]),
    ("train pretrained on linear with meta-lr -0.0001, the outer step with a sign slip",
     _train("--strategy", "pretrained", "--family", "linear", "--meta-lr", "-0.0001"),
     ["--meta-lr", "-0.0001"]),
    ("train scratch on clusters with n-support '', an empty count",
     _train("--strategy", "scratch", "--family", "clusters", "--n-support", ""),
     ["--n-support"]),
    ("train maml on linear with seed '\u00bd', a vulgar fraction for the run seed",
     _train("--family", "linear", "--seed", "\u00bd"), ["--seed", "\u00bd"]),
    ("train strategy 'mamL', a capital at the end",
     _train("--strategy", "mamL"), ["mamL"]),
    ("train maml with family 'Linear', a capital first letter on the command line",
     _train("--family", "Linear"), ["--family", "Linear"]),
    ("train maml with set 'inner_lr 0.01', a space for the equals sign",
     _train("--set", "inner_lr 0.01"), ["inner_lr 0.01"]),
    ("train fomaml with set '=0.01', a value without a name",
     _train("--strategy", "fomaml", "--set", "=0.01"), ["=0.01"]),
    ("train anil on linear with checkpoint-every '500 steps', a unit after the count",
     _train("--strategy", "anil", "--family", "linear", "--checkpoint-every", "500 steps"),
     ["--checkpoint-every", "500 steps"]),
    ("train reptile on clusters with log-every -0.5, a negative fraction",
     _train("--strategy", "reptile", "--family", "clusters", "--log-every", "-0.5"),
     ["--log-every", "-0.5"]),
    ("train pretrained on sinusoid with set batch=25, meta_batch's name cut short",
     _train("--strategy", "pretrained", "--set", "batch=25"), ["batch"]),
    ("train fomaml on linear with inner-steps 10**9, an unrolled inner loop past any time",
     _train("--strategy", "fomaml", "--family", "linear", "--inner-steps", str(10 ** 9)),
     ["--inner-steps", str(10 ** 9)]),
    ("train closed_form on clusters with n-query '1e1.5', an exponent with a point",
     _train("--strategy", "closed_form", "--family", "clusters", "--n-query", "1e1.5"),
     ["--n-query", "1e1.5"]),
]

# --- the command line: evaluate

def _zip_of_good(d):
    path = d / "run.npz"
    good = _good(d)
    with zipfile.ZipFile(path, "w") as z:
        z.write(good, "good.npz")
    return path


def _zip_magic(d):
    path = d / "magic.npz"
    path.write_bytes(b"PK\x03\x04")
    return path


EVAL_CASES = [
    ("evaluate a maml linear run with tasks '-0', a signed zero for a count",
     _evaluate(lambda d: _run(d, "maml", family="linear"), "--tasks", "-0"),
     ["--tasks", "-0"]),
    ("evaluate a fomaml sinusoid run with support 'every', a word for a count",
     _evaluate(lambda d: _run(d, "fomaml"), "--support", "every"), ["--support", "every"]),
    ("evaluate a reptile sinusoid_frequency run with query 10**10, past any memory",
     _evaluate(lambda d: _run(d, "reptile", family="sinusoid_frequency"), "--query",
               str(10 ** 10)), ["--query", str(10 ** 10)]),
    ("evaluate an anil linear run with steps -5, a sign slip on the adaptation steps",
     _evaluate(lambda d: _run(d, "anil", family="linear"), "--steps", "-5"),
     ["--steps", "-5"]),
    ("evaluate a closed_form sinusoid_frequency run with seed '22e', an exponent left off",
     _evaluate(lambda d: _run(d, "closed_form", family="sinusoid_frequency"), "--seed",
               "22e"), ["--seed", "22e"]),
    ("evaluate an r2d2 clusters run with query '0.5e2', a fraction in e-notation for a count",
     _evaluate(lambda d: _run(d, "r2d2", family="clusters"), "--query", "0.5e2"),
     ["--query", "0.5e2"]),
    ("evaluate a newton_head clusters run with steps 'Infinity', adaptation without end",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--steps", "Infinity"),
     ["--steps", "Infinity"]),
    ("evaluate a subset linear run with tasks 'yes', a word for a count",
     _evaluate(lambda d: _run(d, "subset", family="linear"), "--tasks", "yes"),
     ["--tasks", "yes"]),
    ("evaluate a pretrained sinusoid run with support '10.', a trailing point on a count",
     _evaluate(lambda d: _run(d, "pretrained"), "--support", "10."),
     ["--support", "10."]),
    ("evaluate a scratch clusters run with seed '22;', a stray semicolon",
     _evaluate(lambda d: _run(d, "scratch", family="clusters"), "--seed", "22;"),
     ["--seed", "22;"]),
    ("evaluate a multitask sinusoid_frequency run with query '1_000_000_000_000', past any "
     "memory",
     _evaluate(lambda d: _run(d, "multitask", family="sinusoid_frequency"), "--query",
               "1_000_000_000_000"), ["--query", "1_000_000_000_000"]),
    ("evaluate with checkpoint the good run packed inside a zip archive named run.npz",
     lambda d: ["evaluate", "--checkpoint", str(_zip_of_good(d)), "--tasks", "4", "--steps",
                "1"], ["run.npz"]),
    ("evaluate with checkpoint a file holding only a zip's four magic bytes, magic.npz",
     lambda d: ["evaluate", "--checkpoint", str(_zip_magic(d)), "--tasks", "4", "--steps",
                "1"], ["magic.npz"]),
]

# --- the command line: compare

COMPARE_CASES = [
    ("compare maml on clusters with steps 0.5, half a meta-step",
     _compare_on(["maml"], "clusters", "--steps", "0.5"), ["--steps", "0.5"]),
    ("compare fomaml on sinusoid with adapt-steps 'ten', a word for a count",
     _compare_on(["fomaml"], "sinusoid", "--adapt-steps", "ten"), ["--adapt-steps", "ten"]),
    ("compare reptile on clusters with val-tasks 1, one validation task for the choice",
     _compare_on(["reptile"], "clusters", "--val-tasks", "1"), ["--val-tasks", "1"]),
    ("compare anil on linear with val-seed 'seed', the word for the value",
     _compare_on(["anil"], "linear", "--val-seed", "seed"), ["--val-seed", "seed"]),
    ("compare closed_form on sinusoid_frequency with eval-seed '22.00', a float for a seed",
     _compare_on(["closed_form"], "sinusoid_frequency", "--eval-seed", "22.00"),
     ["--eval-seed", "22.00"]),
    ("compare r2d2 on clusters with query '1e2.0', an exponent with a point",
     _compare_on(["r2d2"], "clusters", "--query", "1e2.0"), ["--query", "1e2.0"]),
    ("compare newton_head on clusters with tasks -600, the default with a sign slip",
     _compare_on(["newton_head"], "clusters", "--tasks", "-600"), ["--tasks", "-600"]),
    ("compare subset on sinusoid with support 1.0, a whole float for a count",
     _compare_on(["subset"], "sinusoid", "--support", "1.0"), ["--support", "1.0"]),
    ("compare multitask on sinusoid_frequency with seed '-0.0', a signed zero as a float",
     _compare_on(["multitask"], "sinusoid_frequency", "--seed", "-0.0"),
     ["--seed", "-0.0"]),
    ("compare pretrained on linear with adapt-steps '10+', at least ten",
     _compare_on(["pretrained"], "linear", "--adapt-steps", "10+"),
     ["--adapt-steps", "10+"]),
    ("compare scratch on clusters with val-tasks 10**9, validation past any memory",
     _compare_on(["scratch"], "clusters", "--val-tasks", str(10 ** 9)),
     ["--val-tasks", str(10 ** 9)]),
    ("compare strategies 'newton_heads', a plural",
     _compare_on(["newton_heads"], "clusters"), ["newton_heads"]),
    ("compare strategies 'r2d3', a digit off",
     _compare_on(["r2d3"], "clusters"), ["r2d3"]),
    ("compare strategies 'reptile.', a trailing full stop",
     _compare_on(["reptile."], "linear"), ["reptile."]),
]

# --- the command line: checkpoints and resumes

def _resume_file(make):
    return lambda d: ["train", "--steps", "4", "--meta-batch", "2", "--out", str(make(d)),
                      "--resume"]


def _evaluate_file(make):
    return lambda d: ["evaluate", "--checkpoint", str(make(d)), "--tasks", "4", "--steps", "1"]


def _resume_zipped(d):
    return ["train", "--steps", "4", "--meta-batch", "2", "--out", str(_zip_of_good(d)),
            "--resume"]


def _out_empty(d):
    return ["train", "--steps", "2", "--meta-batch", "2", "--out", ""]


T_HUGE = _set_entry("thuge", "state/adam/t", lambda a: np.array(2 ** 62))
P0_3D = _set_entry("p03d", "state/params/0", lambda a: np.asarray(a)[..., None])
M1_FLAT = _set_entry("m1flat", "state/adam/m/1", lambda a: np.asarray(a).ravel()[:1])
P1_INT = _set_entry("p1int", "state/params/1", lambda a: np.asarray(a).astype(np.int8))
SEED_HALF = _set_entry("seedhalf", "meta/seed", lambda a: np.array(1.5))


RESUME_CASES = [
    ("train resume an anil sinusoid run with inner-steps 'K+1', one more than before",
     _resumed("anil", "--inner-steps", "K+1"), ["--inner-steps", "K+1"]),
    ("train resume a subset linear run with set subset_size=100.5, half a point",
     _resumed("subset", "--set", "subset_size=100.5", family="linear"),
     ["subset_size", "100.5"]),
    ("train resume a scratch sinusoid run with set head_init=zeros, multitask's setting",
     _resumed("scratch", "--set", "head_init=zeros"), ["head_init"]),
    ("train resume a pretrained clusters run with n-support 'x'",
     _resumed("pretrained", "--n-support", "x", family="clusters"), ["--n-support", "x"]),
    ("train resume an r2d2 clusters run with set scale=1e309, a scale that overflows",
     _resumed("r2d2", "--set", "scale=1e309", family="clusters"), ["scale", "1e309"]),
    ("train resume a fomaml sinusoid run with checkpoint-every '1,000', a thousands separator",
     _resumed("fomaml", "--checkpoint-every", "1,000"), ["--checkpoint-every", "1,000"]),
    ("train resume a checkpoint whose state/adam/t is 2**62, a step count past any run",
     _resume_file(T_HUGE), ["state/adam/t"]),
    ("evaluate a checkpoint whose state/params/0 has an extra trailing axis",
     _evaluate_file(P0_3D), ["state/params/0"]),
    ("train resume a checkpoint whose state/adam/m/1 is cut to one number",
     _resume_file(M1_FLAT), ["state/adam/m/1"]),
    ("evaluate a checkpoint whose state/params/1 is int8, integer weights",
     _evaluate_file(P1_INT), ["state/params/1"]),
    ("evaluate a checkpoint whose meta/seed is 1.5, a fraction for the run seed",
     _evaluate_file(SEED_HALF), ["meta/seed"]),
    ("train resume with out the good run packed inside a zip archive named run.npz",
     _resume_zipped, ["run.npz"]),
    ("train with out '', an empty path for the checkpoint",
     _out_empty, ["--out"]),
]

# --- the command line: Omniglot

def _omni(d, *extra, root=None):
    return ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "2", "--root",
            ROOT if root is None else root, "--out", str(d / "omni.npz"), *extra]


def _empty_archive_root(d):
    (d / "images_background.zip").write_bytes(b"")
    (d / "images_evaluation.zip").write_bytes(b"")
    return str(d)


CLI_OMNIGLOT_CASES = [
    ("train omniglot on the command line with n-support -1, a sign slip",
     lambda d: _omni(d, "--n-support", "-1"), ["--n-support", "-1"]),
    ("train omniglot on the command line with dtype 'int', integer images",
     lambda d: _omni(d, "--dtype", "int"), ["--dtype", "int"]),
    ("train omniglot on the command line with root a folder of two empty archives",
     lambda d: _omni(d, root=_empty_archive_root(d)), ["images_background.zip"]),
    ("train omniglot anil on the command line with inner-steps -1, a sign slip",
     lambda d: _omni(d, "--strategy", "anil", "--inner-steps", "-1"),
     ["--inner-steps", "-1"]),
    ("train omniglot r2d2 on the command line with set lam=-0.5, a negative penalty",
     lambda d: _omni(d, "--strategy", "r2d2", "--set", "lam=-0.5"), ["lam", "-0.5"]),
    ("train omniglot on the command line with split test, an evaluate-only option",
     lambda d: _omni(d, "--split", "test"), ["--split"]),
    ("train omniglot on the command line with n-support 5 and n-query 100, 21 drawings of 20",
     lambda d: _omni(d, "--n-support", "5", "--n-query", "100"), ["--n-query", "100"]),
]

# --- Chapter 2's functions

def _sgd_path_two():
    model, params, batch = _problem()
    return sgd_path(params, batch, model, inner_lr=np.array([0.1, 0.01]), loss=mse)


def _reptile_text():
    model, params, batch = _problem()
    return reptile_step(params, batch, model, inner_lr="0.1", inner_steps=2, meta_lr=0.1)


META_CASES = [
    ("ridge_head lam np.array([0.1, 0.2]), two penalties where one is meant",
     lambda d: ridge_head(_features(), _onehot(), np.array([0.1, 0.2])), ["lam"]),
    ("softmax_head_unrolled n_steps -3, a sign slip",
     lambda d: softmax_head_unrolled(_features(), _onehot(), 0.1, -3), ["n_steps", "-3"]),
    ("reptile_step inner_lr the text '0.1'",
     lambda d: _reptile_text(), ["inner_lr", "0.1"]),
    ("sgd_path inner_lr np.array([0.1, 0.01]), two steps where one is meant",
     lambda d: _sgd_path_two(), ["inner_lr"]),
    ("subset_indices subset_size 0.5, half a point",
     lambda d: subset_indices(_rng(), 3, 10, 0.5), ["subset_size", "0.5"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy maml family 'omniglots', a plural",
     lambda d: make_strategy("maml", family="omniglots", meta_batch=2), ["omniglots"]),
    ("hyperparameters b'maml', bytes for a strategy's name",
     lambda d: hyperparameters(b"maml"), ["maml"]),
    ("with_test_time inner_lr the word 'fast'",
     lambda d: with_test_time(make_strategy("maml", meta_batch=2), inner_lr="fast"),
     ["inner_lr", "fast"]),
    ("make_strategy multitask head_steps -4, a sign slip",
     lambda d: make_strategy("multitask", meta_batch=2, head_steps=-4), ["head_steps", "-4"]),
    ("make_strategy closed_form on sinusoid_frequency lam the text '1e-2'",
     lambda d: make_strategy("closed_form", family="sinusoid_frequency", meta_batch=2,
                             lam="1e-2"), ["lam", "1e-2"]),
    ("make_family sinusoid amplitude (5.0,), one end of a range, in held_out_tasks",
     lambda d: held_out_tasks(make_family("sinusoid", amplitude=(5.0,)), 2, 5, 5),
     ["amplitude"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("evaluate n_query -7, a sign slip",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, **_small(n_query=-7)),
     ["n_query", "-7"]),
    ("task_rng i the text '0', a task index as text",
     lambda d: task_rng(22, "0"), ["0"]),
    ("select_test_time max_steps the text '10'",
     lambda d: select_test_time(*_maml_state(), Sinusoid(), candidates=[0.01],
                                max_steps="10", **_small()), ["max_steps", "10"]),
    ("held_out_tasks start the text '3'",
     lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, start="3"), ["start", "3"]),
    ("train checkpoint_every the word 'daily'",
     lambda d: train(_maml(), 2, 0, checkpoint=d / "run.npz", checkpoint_every="daily"),
     ["checkpoint_every", "daily"]),
    ("train n_steps 1e6, a float's notation for the run length",
     lambda d: train(_maml(), 1e6, 0), ["n_steps"]),
]

# --- checkpoints in the library

CHECKPOINT_CASES = [
    ("restore root '', an empty folder name",
     lambda d: restore(_good(d), root=""), ["root"]),
    ("load_checkpoint path '', an empty name",
     lambda d: load_checkpoint(""), ["path"]),
    ("save_checkpoint seed the list [0], a seed in a list",
     lambda d: _save_fields(d, seed=[0]), ["seed"]),
    ("save_checkpoint step np.float64(3.0), a NumPy float for the step",
     lambda d: _save_fields(d, step=np.float64(3.0)), ["step"]),
    ("restore root the number 5",
     lambda d: restore(_good(d), root=5), ["root", "5"]),
]

# --- nn, optim, batchnorm

def _rows_state():
    # Adam's state with one step count per row of params (as adam_rows asks), t of shape (1,)
    return {**adam_init(_params()), "t": np.zeros(1, dtype=int)}


NN_CASES = [
    ("MLP activation 'softplus', an activation it has not got",
     lambda d: MLP((1, 8, 1), activation="softplus").init(_rng()),
     ["activation", "softplus"]),
    ("per_task n_tasks the word 'two'",
     lambda d: per_task(_params(), "two"), ["n_tasks", "two"]),
    ("adam_update beta2 the text '0.999'",
     lambda d: adam_update(_params(), [np.ones_like(a) for a in _params()],
                           adam_init(_params()), 1e-3, beta2="0.999"), ["beta2", "0.999"]),
    ("batch_norm scale 2-D of shape (1, 4) for 4 features",
     lambda d: batch_norm(np.ones((2, 5, 4)), scale=np.ones((1, 4))), ["scale"]),
    ("adam_rows rows 2.5, half a row index",
     lambda d: adam_rows(_params(), _rows_state(), [np.ones_like(a) for a in _params()], 2.5,
                         1e-3), ["rows"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _target_transposed(self, task_params, x):
    return np.swapaxes(np.asarray(Quadratic.target(self, task_params, x)), -1, -2)


def _target_bool(self, task_params, x):
    return np.asarray(Quadratic.target(self, task_params, x)) > 0


TASK_CASES = [
    ("Sinusoid x_range (0.0, inf), a range without an end, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=(0.0, np.inf)), 2, 5, 5), ["x_range"]),
    ("GaussianClusters dim 0.5, half a dimension, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=0.5), 2, 5, 5), ["dim", "0.5"]),
    ("SinusoidFrequency frequency (-1.0, 2.0), a negative frequency, in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=(-1.0, 2.0)), 2, 5, 5),
     ["frequency"]),
    ("a user's Quadratic TaskFamily whose target swaps its last two axes, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_transposed), 2, 5, 5), ["target"]),
    ("a user's Quadratic TaskFamily whose target returns booleans, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_bool), 2, 5, 5), ["target"]),
    ("mse pred of shape (2, 4, 2) for y of shape (2, 4, 1)",
     lambda d: mse(np.zeros((2, 4, 2)), np.zeros((2, 4, 1))), ["pred"]),
]

# --- Omniglot in the library

OMNIGLOT_CASES = [
    ("Omniglot rotate 1.5, a fraction for the rotation switch",
     lambda d: Omniglot(5, data=_data(), rotate=1.5).sample(_rng(), 2, 1, 1),
     ["rotate", "1.5"]),
    ("finn_split n_validation 2000, more characters than the archive holds",
     lambda d: finn_split(_data().alphabets, _data().characters, n_validation=2000),
     ["n_validation", "2000"]),
    ("check_shots n_query 2.5, half a query drawing",
     lambda d: check_shots(5, 2, 5, 2.5), ["n_query", "2.5"]),
    ("Omniglot n_way 5.0, a whole float for a count",
     lambda d: Omniglot(5.0, data=_data()).sample(_rng(), 2, 1, 1), ["n_way", "5.0"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate": EVAL_CASES,
           "cli: compare": COMPARE_CASES, "cli: checkpoints and resumes": RESUME_CASES,
           "cli: omniglot": CLI_OMNIGLOT_CASES, "meta functions": META_CASES,
           "strategies": STRATEGY_CASES, "evaluate and train": EVALUATE_CASES,
           "checkpoints": CHECKPOINT_CASES, "nn, optim, batchnorm": NN_CASES,
           "task families and losses": TASK_CASES, "omniglot": OMNIGLOT_CASES}


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


def test_the_hundredfiftieth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfiftieth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
