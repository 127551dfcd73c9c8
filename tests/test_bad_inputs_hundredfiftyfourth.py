r"""A hundred-and-fifty-fourth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring (its first forty lines, read again); every case runs through the eighth battery's
shared ``classify_case`` (imported, used as the templates use it; its head, the signature and
first twenty-five lines, was read). Written blind, in a worktree at commit 47c5a27, from the
user's side only, in about fifteen minutes: the README from its start to the head of the table
"MAML against the alternatives" (set-up, reading order, notation, the command line and its long
paragraph on refusals, measured results); ``--help`` of ``train``, ``evaluate`` and ``compare``
(in full; not the program's own ``--help``); the public names and signatures
(``inspect.signature`` of the functions and classes each module defines, from ``__all__`` or
``dir``; no methods) of ``scratchmeta.meta``'s ``adapt``, ``ridge``, ``maml``, ``closed_form``,
``anil``, ``r2d2``, ``newton_head``, ``guard``, ``exploding``, ``registry``, ``evaluate``,
``checkpoint`` and ``training``, and of ``nn``, ``optim``, ``batchnorm``, ``tasks``,
``more_tasks``, ``datasets.omniglot_tasks`` and ``datasets.omniglot`` (not ``checks``/
``protocol``/``messages``); the two templates, the hundred-and-fiftieth and the
hundred-and-forty-sixth (in full); the ids of every earlier battery (extracted by ``ast``, see
below). Imported, not copied: ``_good``, ``_train``, ``_rng``, ``_data``, the ninetieth's
``_run``, the ninety-second's ``_evaluate``, ``_maml_state``, ``_small``, the ninety-fourth's
``_compare_on``, ``_features``, ``_maml``, ``_problem``, ``_resumed``, ``_set_entry``, the
ninety-sixth's ``Quadratic``, ``_quadratic``, ``_save_fields``, the hundred-and-second's
``_needs_omniglot`` and ``_params``, the hundred-and-twenty-eighth's ``_onehot``. Their
signatures were printed by ``inspect.signature``; no helper body was printed. Disclosed: (1) a
``git log --oneline -1``, run with ``git status`` at the start, printed the subject line of the
commit under test (the lead's record of the hundred-and-fiftieth to -fifty-third batteries and
round 92: "KnownDensity checks its fields when it is made; compare's memory messages name the
task option ... whose curves would not fit"); nothing else of the history was read. (2) To learn
where the argv of a case is run (whether a bare ``--out`` name would land in the worktree), a
grep for ``chdir|cwd`` over ``tests/test_bad_inputs_cli.py`` and the eighth battery printed four
lines of the eighth's helpers (an ``os.chdir(folder)`` around a call, and the docstring line of
its figures helper); the two ``--out`` cases were then written as names inside the case's
folder. (3) One good library call was made before the runs: ``_good`` made a good checkpoint in
a temporary folder, and ``np.load`` listed its entries' names, shapes and dtypes (to name the
entries the damaged-checkpoint cases change). No library source body, library docstring,
validation module, or file of /work/main was read (its venv's python was run). No library
traceback was shown in any run. After the first run the one corrected written case was
classified alone once, in its corrected form (below). Every case writes only inside its
temporary folder (``git status --short`` after the runs shows this file only; the id list, the
scripts, the copy before the first run and the run outputs were kept outside the worktree, in
/tmp/wt154_scratch, removed at the end). SCRATCHMETA_DATA was unset. The runs were made as root
(so no read-only-folder case was written: root writes through it). ``_under_the_batteries_ulimit``
is not used: no library case asks for a huge size (``check_shots n_tasks 2**63`` and
``task_rng i 2**64`` are counts and indices checked, not allocated); the command-line cases of
huge sizes (train --steps '1e100', evaluate --tasks 1000001, compare --query 2**40) are ones the
library is expected to refuse before allocating.

Emphasis, as the brief asked (another writer took Chapter 2's library side at the same time): 66
of the 100 cases are on the command line, 34 in the library.

Areas, as written (100 in all): train on the command line (21) -- maml on clusters, sinusoid and
linear, fomaml on sinusoid_frequency and clusters, reptile on sinusoid and linear, anil on
clusters and sinusoid, closed_form on sinusoid, r2d2 and newton_head on clusters, subset on
sinusoid, multitask and pretrained on sinusoid_frequency, scratch on sinusoid, two misspelt
strategies, a misspelt family, two --out names; evaluate on the command line (13) -- runs of
maml, reptile, r2d2, newton_head, pretrained, multitask (clusters), fomaml (linear), anil,
closed_form, scratch (sinusoid), subset (sinusoid_frequency), and two bad --checkpoint files;
compare on the command line (13) -- maml on linear, fomaml, anil, r2d2, newton_head, pretrained
on clusters, reptile and subset on sinusoid_frequency, closed_form and multitask on sinusoid,
three bad names; checkpoints and resumes on the command line (12) -- resumes of fomaml and
newton_head (clusters), reptile and subset (sinusoid), scratch (linear), anil
(sinusoid_frequency), resumes of checkpoints with state/params/3, state/adam/t or meta/seed
damaged, evaluate of checkpoints with state/params/0 boolean, meta/meta_losses 3-D,
state/params/0 renamed; Omniglot on the command line (7) -- --log-every, --dtype, --root,
reptile's --inner-steps, closed_form's --lam, --n-query, evaluate's --split; Chapter 2's
functions (5) -- maml.meta_loss, ridge_head (two), adapt.after, cross_entropy; strategies and
the registry (5) -- make_strategy (r2d2, newton_head, closed_form), hyperparameters,
with_test_time; library evaluate (two), task_rng, select_test_time, train (5); checkpoints in
the library (5) -- load_checkpoint, restore, save_checkpoint (three); nn/optim/batchnorm (5) --
MLP dtype (two), adam_update, batch_norm, finn_init; task families (5) -- LinearRegression,
GaussianClusters, SinusoidFrequency, Sinusoid, the
ninety-sixth's ``Quadratic`` with its target changed; Omniglot in the library (4) -- Omniglot's
split and data, check_shots, finn_split.

Kinds of bad value (the issue's own kinds, each meant as a new instance):
- a wrong type: train --inner-lr '0..01', --meta-batch '2^5', --meta-lr 'adam', --n-query
  '0x14', --lam '1e-2 1e-1', --set scale=10,0, --set head_steps=10**3, --meta-batch '0.0',
  --checkpoint-every '0x3E8', --log-every 'often', --set meta_batch=None, --seed '0_0'; evaluate
  --steps '1-', --tasks '600.0000001', --seed '22 22', --query '1OO', --support '1 0', --tasks
  0.0, --steps 'x10', --steps '1e5', --seed '22%', --query '10**2'; compare --adapt-steps 1.0,
  --val-tasks '2e', --steps '5000.5', --support '10%', --val-seed '11b', --tasks '600,', --seed
  'zero'; resume --meta-lr '1e-3,', --n-query '10e', --set subset_size=0x10, --lam 'off',
  --meta-batch 1e2, --inner-steps '1,'; omniglot --log-every '1/2', --dtype 'f8', --inner-steps
  'once', --lam '1e-2%', --n-query 'five'; meta_loss inner_steps '1', ridge_head lam None,
  make_strategy r2d2 learn_lam 'yes', with_test_time inner_lr True, make_strategy closed_form
  model 'mlp', evaluate chunk_size '1e2', select_test_time candidates a column, train history
  'losses', load_checkpoint a handle opened for writing, restore a list of one path,
  save_checkpoint seed a Generator and meta_losses text and state 'params', MLP dtype 'float32 ',
  adam_update eps 'tiny', finn_init sizes a dict, LinearRegression noise [0.1, 0.2],
  GaussianClusters dim None, Sinusoid x_range (-5.0, 5j), Omniglot data 'omniglot', finn_split
  n_train 0.5;
- out of range: train --set lam=+inf, --set subset_size=-0, --steps '1e100', --inner-lr 1e-400;
  evaluate --tasks 1000001; compare --query 2**40, --eval-seed 2**70, --adapt-steps -0.0;
  resume a checkpoint whose meta/seed is the uint64 2**64 - 1; adapt.after n_steps -2, task_rng
  i 2**64, check_shots n_tasks 2**63;
- a wrong shape: ridge_head targets None, SinusoidFrequency frequency 2-D, checkpoints whose
  state/params/3 is one bias short, whose meta/meta_losses is 3-D;
- a user's function that misbehaves (``Quadratic``): target keeping only its first point;
- files and paths: train --out a name of three spaces, a name with a trailing tab; evaluate
  --checkpoint an npz of only the good run's state entries, a Python source file named run.npz;
  checkpoints whose state/params/0 is boolean, renamed state/params/00, whose state/adam/t is a
  float; omniglot --root a misspelt folder;
- mismatches and conflicts: cross_entropy and batch_norm with two arguments in each other's
  places;
- typos and misspellings: train --strategy 'maml.npz', 'anil ', --family 'clusters5'; compare
  'first_order', '', 'Scratch'; evaluate --split 'valdation'; make_strategy family 'sinusoid
  frequency'; hyperparameters 'maml_config'; evaluate on_divergence 'stop'; MLP dtype
  'float128x'; Omniglot split 'tests'.

Repeats: the 18,030 distinct earlier id-like heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (string first elements of tuples of three or more, by ``ast``)
were checked, before any run, by a script against every draft id (exactly, case-insensitively;
by the text before the first comma; an earlier id of three words or more that is a whole-word
prefix of a draft; and a draft's text before the first comma that is a prefix of an earlier id),
over eight rounds, and by about 200 function-and-value regular-expression greps over the same
list (e.g. ``2\^5``, ``0x14``, ``lam=\+inf``, ``subset_size=-0``, ``'-nan'``, ``1/10``,
``Closed-Form``, ``family 'sine'``, ``0b101``, ``NUL``, ``notes.txt/``, ``'\+-1``, ``0x16``,
``query '-0'``, ``split test``, ``root the case's folder``, ``steps 100001``, ``seed ''``,
``checkpoint a folder``, ``JSON``, ``val-tasks 0``, ``'5k'``, ``support 'ten'``, ``val-seed
-11``, ``adam/v/0``, ``meta/step``, ``first half``, ``zeroed``, ``checkpoint-every 0``,
``inner-steps 0\.5``, ``lam nan``, ``split 'val'``, ``1e-400``, ``run\.npz\.'``, ``PNG``,
``pickle``, ``meta/changes``, ``tar``, ``7z``, ``hdf5``, ``sqlite``, ``meta/format``, ``out
.*newline``, ``dangling``, ``resume.*force``, ``meta_loss inner_steps``, ``form 'dual``,
``cross_entropy logits``, ``candidates``, ``adam_update eps``, ``batch_norm offset``,
``finn_init rng|sizes``, ``n_train -1100``, ``2\*\*63``, ``save_checkpoint config|seed``,
``load_checkpoint (path )?(an int|a list)``, ``task_rng seed``, ``hyperparameters``, ``MLP
dtype``, ``Omniglot data``, ``SinusoidFrequency frequency``, ``learn_lam``). The list is
saturated: about 70 first drafts were replaced before any run, among them exact earlier ids
(``GaussianClusters n_way 1, one class to tell apart, in held_out_tasks``, ``Omniglot split
'Test', a capital letter``, ``evaluate chunk_size the text '100'``, ``Sinusoid phase (0.0, 3.14,
6.28), three ends ...``, ``check_shots n_way -5, a sign slip``), heads or prefixes (``train
omniglot on the command line with meta-batch 0``, ``... n-query 0``, ``evaluate on_divergence
'ignore'|True|'Raise'``, ``evaluate chunk_size 0|-100``, ``task_rng seed -22``,
``select_test_time candidates (0.01, ...``, ``train log_every 2.5``, ``train n_steps the text
'2'``, ``train resume the word 'yes'``, ``save_checkpoint step True|2**70``, ``MLP batch_norm
'yes'``, ``MLP activation None``, ``batch_norm h 1-D``, ``finn_init sizes (1, 40, 0)``,
``LinearRegression noise -0.1|scale inf``, ``GaussianClusters dim -8``, ``SinusoidFrequency
frequency (2.0, 0.5)|(0.5, nan)``, ``Sinusoid amplitude the text '0.1-5.0'``, ``Omniglot split
'valid'``, ``check_shots n_drawings 0``, ``train r2d2 ... scale=1e-400``) and substance (train
--meta-lr '-nan', --lam '1/10', 'Closed-Form', --family 'sine', --seed 0b101, --out with a NUL
byte, --out under notes.txt, --out 'run.npz.'; evaluate --steps '+-1', --seed 0x16, --query '-0',
--split test and --root on a clusters run, --steps 100001, --seed '' and 'None', a folder, a JSON
file, a PNG, a pickle; compare --val-tasks 0, --steps '5k', --support 'ten', --val-seed -11,
--adapt-steps 100001; resume --n-query -10, --lam 'none', state/adam/v/0 negative, meta/step -2,
the first half of the bytes, --inner-steps '1 ' (also not surely bad: Python's int reads a
trailing space), meta/changes, meta/format; omniglot --checkpoint-every 0, --inner-steps 0.5,
--lam nan, --split 'val'; ridge_head form 'dual ', cross_entropy logits of strings, candidates a
dict or a generator, save_checkpoint seed -1, changes text, config 'maml', adam_update lr [1e-3],
beta1 1.0, batch_norm offset of 3, finn_init rng 0, GaussianClusters n_way [5, 5], finn_split
n_train -1100 and 'all', load_checkpoint an int, task_rng seed 22.5, hyperparameters 'ANIL').
No exact id repeats among the cases run, nor a repeat before the first comma or by either
prefix rule, except two matches that are artefacts of a comma inside a value (``train r2d2 on
clusters with set scale=10,0`` against ``... scale=10x``; ``Sinusoid x_range (-5.0, 5j)``
against ``Sinusoid x_range (-5.0, -5.0)``). Kept as new values, near (the lead may judge): train
--log-every 'often' near library ``train checkpoint_every 'often'``; train anil --inner-lr 1e-400
near r2d2 ``--lam 1e-400`` and other underflows; train --strategy 'anil ' near hyperparameters
``'Reptile '``; evaluate --tasks 1000001 near compare ``--tasks 1000001``; compare --support
'10%' near train ``--inner-lr '10%'``; compare --val-tasks '2e' near evaluate ``--seed '22e'``;
compare --seed 'zero' near train ``--seed 'zero'``; resume state/params/3 one short near other
state/params/3 damage; meta/seed the uint64 2**64 - 1 near other options' ``uint64 max``;
omniglot --n-query 'five' near check_shots ``'five'``; omniglot --log-every '1/2' near ``lam
'1/2'``; make_strategy r2d2 learn_lam 'yes' near ``ClosedFormConfig check learn_lam the string
'yes'``; select_test_time candidates a column near ``[[0.01, 0.1]]``; save_checkpoint state
'params' near ``config 'maml'``; MLP dtype 'float32 ' near ``'float 64'``, and
MLP dtype 'float128x' (not grepped before the run; found by a grep after it, kept since it is
not a slip) near ``'f8x', a made-up type code``; finn_split n_train
0.5 near ``n_train 'all'``.

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 58 of the 100. ``DROPPED``
is empty. The file was copied before the first run.

Corrections after the first run (outright slips of plumbing, recorded with both results):
- one kept case, ``adapt.after n_steps -2 of an SGD path, a sign slip``, started the SGD path
  from the shared params, where ``sgd_path`` asks one copy per task, so it held a second fault
  beside the one meant. First run: unclear, "ValueError: theta[0] must have a leading task axis
  of the batch's 3 tasks (one copy per task, e.g. scratchmeta.nn.per_task(params, 3)), since
  SGD moves it, got shape (1, 8)" (the library was right to refuse the path first). The path now
  starts from ``per_task(params, 3)``, as that message asks (``_after_negative``); after the
  correction it was clear.
- one written, not kept, case, ``train fomaml on clusters with set meta_batch=None, the word
  None for a count``, was built with ``_train``, which gives ``--meta-batch 2`` itself, so the
  setting was given twice. First run (``--written``): unclear, "error: meta_batch is given twice
  (as --meta-batch and --set)" (right, and not the fault meant). It now gives meta_batch once,
  by --set (``_set_meta_batch_none``); classified alone once after the correction, it was clear
  ("error: --set meta_batch=None: meta_batch must be an integer, got 'None' (a string)").
No other case was changed.

Memory and time: no case allocated much. The kept script run took about five seconds, the written
one about five, pytest about seven.

First run at 47c5a27 (under ``ulimit -v 8000000``, SCRATCHMETA_DATA unset, Omniglot present;
after the corrections above): kept, 56 of 58 clear (96.6%), 2 unclear, 0 silent, 0 data loss --
cli train 13/13, cli evaluate 7/7, cli compare 7/7, cli checkpoints and resumes 6/7, cli
omniglot 4/4, meta functions 3/3, strategies 3/3, evaluate and train 3/3, checkpoints 3/3,
nn/optim/batchnorm 2/3, task families 3/3, omniglot 2/2. (Before the adapt.after correction the
first kept run gave 55 of 58, 94.8%.) Written (``--written``): 98 of 100 clear (98.0%), 2
unclear, 0 silent, 0 data loss -- cli train 21/21, cli evaluate 13/13, cli compare 13/13, cli
checkpoints and resumes 11/12, cli omniglot 7/7, meta functions 5/5, strategies 5/5, evaluate
and train 5/5, checkpoints 5/5, nn/optim/batchnorm 4/5, task families 5/5, omniglot 4/4 (the
``--written`` run itself gave 97 of 100, with the meta_batch case before its correction). Under
pytest (without the ulimit): 57 passed, 2 failed (the two kept cases below; ``NOT_CLEAR_YET`` is
left empty for the lead, as the brief asks) -- 56 cases and the wide-and-new test passed.

After the docstring was written, the three commands were run once more on the final file, with
the same results (kept 56 of 58, written 98 of 100, pytest 57 passed and 2 failed).

Not clear, kept:
- ``evaluate the good checkpoint with state/params/0 renamed state/params/00`` -- unclear: "error:
  --checkpoint /tmp/.../renamed.npz: '/tmp/.../renamed.npz' is damaged: unexpected entry
  state/adam/m/0: it follows no parameter, there is no state/params/0 (expected an Adam moment
  for each entry of state/params and no other)". One ``error:`` line, exit 2, the file named and
  called damaged, but it blames a good entry (state/adam/m/0) as unexpected and never names the
  entry that is wrong, state/params/00 (the renamed parameter, the one really unexpected). A
  message saying "state/params/0 is missing" would also serve a user, and this one says it in
  passing ("there is no state/params/0"), so the lead may judge the mention strict; it was not
  changed after the run.
- ``batch_norm h and scale given in each other's places`` (``batch_norm(np.ones(4),
  scale=<shape (2, 5, 4)>)``) -- unclear: "ValueError: h must have shape (points, features) or
  (tasks, points, features), no axis empty, got shape (4,): array([1., 1., 1., 1.])". Right
  about h, and h given alone would be refused the same way, but it does not say that the
  (tasks, points, features) array went to scale, nor that the two look swapped (the README
  says arguments given in each other's places are said to be swapped, for the functions it
  lists; batch_norm is not among them).

Not clear, written and not kept: none (after the corrections above).

Every other case was refused with one ``error:`` line (exit 2) or one ValueError/TypeError
naming the argument, option, entry or user method in its mentions and the value given. The two
--out cases (a name of three spaces, a trailing tab) were clear and lost no data (the harness's
data-loss check passed).

Measured on main at 47c5a27, the commit it was written at, blind (the lead reran it there,
with the hundred-and-fifty-fifth, -sixth and -seventh beside it): kept, 56 of 58 clear (96.6%),
2 unclear, 0 silent, 0 data loss; the pair with the hundred-and-fifty-fifth, 97 of 113
(85.8%). Round 93 (with sight of this file, not blind): a checkpoint whose parameter entry was
renamed names the renamed entry ("state/params/00 has no moment: was it renamed from
state/params/0?"), and batch_norm, given an h that is no batch and a scale shaped like one,
asks whether the two were swapped; both kept misses are clear at HEAD.
"""
import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.meta.adapt import after, sgd_path
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.evaluate import (evaluate, held_out_tasks, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.maml import meta_loss
from scratchmeta.meta.registry import hyperparameters, make_strategy
from scratchmeta.meta.ridge import ridge_head
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
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
                                          _set_entry)
from test_bad_inputs_ninetysixth import Quadratic, _quadratic, _save_fields
from test_bad_inputs_hundredsecond import _needs_omniglot, _params
from test_bad_inputs_hundredtwentyeighth import _onehot

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

def _out_spaces(d):
    return ["train", "--steps", "2", "--meta-batch", "2", "--out", str(d / "   ")]


def _out_tab(d):
    return ["train", "--steps", "2", "--meta-batch", "2", "--out", str(d / "run.npz\t")]


def _set_meta_batch_none(d):
    # corrected after the first run: _train gives --meta-batch 2 itself, so the setting was
    # given twice; this command gives meta_batch once, by --set
    return ["train", "--steps", "2", "--strategy", "fomaml", "--family", "clusters", "--set",
            "meta_batch=None", "--out", str(d / "run.npz")]


CLI_TRAIN_CASES = [
    ("train maml on clusters with inner-lr '0..01', a doubled decimal point",
     _train("--family", "clusters", "--inner-lr", "0..01"), ["--inner-lr", "0..01"]),
    ("train fomaml on sinusoid_frequency with meta-batch '2^5', a caret for a power",
     _train("--strategy", "fomaml", "--family", "sinusoid_frequency", "--meta-batch", "2^5"),
     ["--meta-batch", "2^5"]),
    ("train reptile on sinusoid with meta-lr 'adam', the optimiser's name for its step",
     _train("--strategy", "reptile", "--meta-lr", "adam"), ["--meta-lr", "adam"]),
    ("train anil on clusters with n-query '0x14', a hexadecimal count",
     _train("--strategy", "anil", "--family", "clusters", "--n-query", "0x14"),
     ["--n-query", "0x14"]),
    ("train closed_form on sinusoid with lam '1e-2 1e-1', two penalties with a space",
     _train("--strategy", "closed_form", "--lam", "1e-2 1e-1"), ["--lam", "1e-2 1e-1"]),
    ("train r2d2 on clusters with set scale=10,0, a decimal comma",
     _train("--strategy", "r2d2", "--family", "clusters", "--set", "scale=10,0"),
     ["scale", "10,0"]),
    ("train newton_head on clusters with set lam=+inf, a penalty without bound",
     _train("--strategy", "newton_head", "--family", "clusters", "--set", "lam=+inf"),
     ["lam", "+inf"]),
    ("train subset on sinusoid with set subset_size=-0, a signed zero for a count",
     _train("--strategy", "subset", "--set", "subset_size=-0"), ["subset_size", "-0"]),
    ("train multitask on sinusoid_frequency with set head_steps=10**3, Python's power",
     _train("--strategy", "multitask", "--family", "sinusoid_frequency", "--set",
            "head_steps=10**3"), ["head_steps", "10**3"]),
    ("train pretrained on sinusoid_frequency with meta-batch '0.0', a float zero for a count",
     _train("--strategy", "pretrained", "--family", "sinusoid_frequency", "--meta-batch",
            "0.0"), ["--meta-batch", "0.0"]),
    ("train scratch on sinusoid with steps '1e100', a run length past any time",
     _train("--strategy", "scratch", "--steps", "1e100"), ["--steps", "1e100"]),
    ("train maml on sinusoid with checkpoint-every '0x3E8', a hexadecimal interval",
     _train("--checkpoint-every", "0x3E8"), ["--checkpoint-every", "0x3E8"]),
    ("train maml on linear with log-every 'often', a word for an interval",
     _train("--family", "linear", "--log-every", "often"), ["--log-every", "often"]),
    ("train strategy 'maml.npz', a checkpoint's file name for the strategy",
     _train("--strategy", "maml.npz"), ["maml.npz"]),
    ("train strategy 'anil ' with a trailing space",
     _train("--strategy", "anil "), ["anil"]),
    ("train maml with family 'clusters5', the class count run into the name",
     _train("--family", "clusters5"), ["--family", "clusters5"]),
    ("train fomaml on clusters with set meta_batch=None, the word None for a count",
     _set_meta_batch_none, ["meta_batch", "None"]),
    ("train reptile on linear with seed '0_0', an underscore inside a zero",
     _train("--strategy", "reptile", "--family", "linear", "--seed", "0_0"),
     ["--seed", "0_0"]),
    ("train anil on sinusoid with inner-lr 1e-400, a step that underflows to zero",
     _train("--strategy", "anil", "--inner-lr", "1e-400"), ["--inner-lr", "1e-400"]),
    ("train maml with out a file name of three spaces in the case's folder",
     _out_spaces, ["--out"]),
    ("train maml with out 'run.npz' and a trailing tab, pasted from a table",
     _out_tab, ["--out"]),
]

# --- the command line: evaluate

def _state_only_checkpoint(d):
    with np.load(_good(d)) as z:
        entries = {k: z[k] for k in z.files if k.startswith("state/")}
    np.savez(d / "run.npz", **entries)
    return ["evaluate", "--checkpoint", str(d / "run.npz"), "--tasks", "4", "--steps", "1"]


def _python_checkpoint(d):
    (d / "run.npz").write_text("import numpy as np\nparams = [np.zeros((1, 40))]\n")
    return ["evaluate", "--checkpoint", str(d / "run.npz"), "--tasks", "4", "--steps", "1"]


EVAL_CASES = [
    ("evaluate a maml clusters run with steps '1-', a trailing minus",
     _evaluate(lambda d: _run(d, "maml", family="clusters"), "--steps", "1-"),
     ["--steps", "1-"]),
    ("evaluate a fomaml linear run with tasks '600.0000001', a count just past whole",
     _evaluate(lambda d: _run(d, "fomaml", family="linear"), "--tasks", "600.0000001"),
     ["--tasks", "600.0000001"]),
    ("evaluate a reptile clusters run with seed '22 22', the seed typed twice",
     _evaluate(lambda d: _run(d, "reptile", family="clusters"), "--seed", "22 22"),
     ["--seed", "22 22"]),
    ("evaluate an anil sinusoid run with query '1OO', capital O for zeros",
     _evaluate(lambda d: _run(d, "anil"), "--query", "1OO"), ["--query", "1OO"]),
    ("evaluate a closed_form sinusoid run with support '1 0', a space inside the count",
     _evaluate(lambda d: _run(d, "closed_form"), "--support", "1 0"),
     ["--support", "1 0"]),
    ("evaluate an r2d2 clusters run with tasks 0.0, a float zero for a count",
     _evaluate(lambda d: _run(d, "r2d2", family="clusters"), "--tasks", "0.0"),
     ["--tasks", "0.0"]),
    ("evaluate a newton_head clusters run with steps 'x10', a multiplier sign before it",
     _evaluate(lambda d: _run(d, "newton_head", family="clusters"), "--steps", "x10"),
     ["--steps", "x10"]),
    ("evaluate a subset sinusoid_frequency run with steps '1e5', a float's notation",
     _evaluate(lambda d: _run(d, "subset", family="sinusoid_frequency"), "--steps",
               "1e5"), ["--steps", "1e5"]),
    ("evaluate a pretrained clusters run with tasks 1000001, past a million held-out tasks",
     _evaluate(lambda d: _run(d, "pretrained", family="clusters"), "--tasks", "1000001"),
     ["--tasks", "1000001"]),
    ("evaluate a scratch sinusoid run with seed '22%', a percent sign after it",
     _evaluate(lambda d: _run(d, "scratch"), "--seed", "22%"), ["--seed", "22%"]),
    ("evaluate a multitask clusters run with query '10**2', Python's power",
     _evaluate(lambda d: _run(d, "multitask", family="clusters"), "--query", "10**2"),
     ["--query", "10**2"]),
    ("evaluate with checkpoint an npz of only the good run's state entries, run.npz",
     _state_only_checkpoint, ["run.npz"]),
    ("evaluate with checkpoint a Python source file named run.npz",
     _python_checkpoint, ["run.npz"]),
]

# --- the command line: compare

COMPARE_CASES = [
    ("compare maml on linear with adapt-steps 1.0, a whole float for a count",
     _compare_on(["maml"], "linear", "--adapt-steps", "1.0"), ["--adapt-steps", "1.0"]),
    ("compare fomaml on clusters with val-tasks '2e', an exponent left off",
     _compare_on(["fomaml"], "clusters", "--val-tasks", "2e"), ["--val-tasks", "2e"]),
    ("compare reptile on sinusoid_frequency with steps '5000.5', half a meta-step over",
     _compare_on(["reptile"], "sinusoid_frequency", "--steps", "5000.5"),
     ["--steps", "5000.5"]),
    ("compare anil on clusters with support '10%', a percentage for a count",
     _compare_on(["anil"], "clusters", "--support", "10%"), ["--support", "10%"]),
    ("compare closed_form on sinusoid with query 2**40, past any memory",
     _compare_on(["closed_form"], "sinusoid", "--query", str(2 ** 40)),
     ["--query", str(2 ** 40)]),
    ("compare r2d2 on clusters with val-seed '11b', a stray letter",
     _compare_on(["r2d2"], "clusters", "--val-seed", "11b"), ["--val-seed", "11b"]),
    ("compare newton_head on clusters with eval-seed 2**70, a seed past 64 bits",
     _compare_on(["newton_head"], "clusters", "--eval-seed", str(2 ** 70)),
     ["--eval-seed", str(2 ** 70)]),
    ("compare subset on sinusoid_frequency with tasks '600,', a trailing comma",
     _compare_on(["subset"], "sinusoid_frequency", "--tasks", "600,"),
     ["--tasks", "600,"]),
    ("compare multitask on sinusoid with seed 'zero', a word for a seed",
     _compare_on(["multitask"], "sinusoid", "--seed", "zero"), ["--seed", "zero"]),
    ("compare pretrained on clusters with adapt-steps -0.0, a signed float zero",
     _compare_on(["pretrained"], "clusters", "--adapt-steps", "-0.0"),
     ["--adapt-steps", "-0.0"]),
    ("compare strategies 'first_order', a setting's name for a strategy",
     _compare_on(["first_order"], "sinusoid"), ["first_order"]),
    ("compare strategies '', an empty name",
     _compare_on([""], "linear"), ["--strategies"]),
    ("compare strategies 'scratch' and 'Scratch', a capital on the second",
     _compare_on(["scratch", "Scratch"], "clusters"), ["Scratch"]),
]

# --- the command line: checkpoints and resumes

def _resume_file(make):
    return lambda d: ["train", "--steps", "4", "--meta-batch", "2", "--out", str(make(d)),
                      "--resume"]


def _evaluate_file(make):
    return lambda d: ["evaluate", "--checkpoint", str(make(d)), "--tasks", "4", "--steps", "1"]


def _renamed_entry(d):
    path = d / "renamed.npz"
    with np.load(_good(d)) as z:
        entries = {("state/params/00" if k == "state/params/0" else k): z[k] for k in z.files}
    np.savez(path, **entries)
    return path


P3_SHORT = _set_entry("p3short", "state/params/3", lambda a: np.asarray(a)[:-1])
T_FLOAT = _set_entry("tfloat", "state/adam/t", lambda a: np.asarray(a).astype(float))
P0_BOOL = _set_entry("p0bool", "state/params/0", lambda a: np.asarray(a) > 0)
SEED_U64 = _set_entry("seedu64", "meta/seed", lambda a: np.array(2 ** 64 - 1, dtype=np.uint64))
LOSSES_2D = _set_entry("losses2d", "meta/meta_losses",
                       lambda a: np.asarray(a).reshape(1, -1, 1))


RESUME_CASES = [
    ("train resume a fomaml clusters run with meta-lr '1e-3,', a trailing comma",
     _resumed("fomaml", "--meta-lr", "1e-3,", family="clusters"), ["--meta-lr", "1e-3,"]),
    ("train resume a reptile sinusoid run with n-query '10e', an exponent left off",
     _resumed("reptile", "--n-query", "10e"), ["--n-query", "10e"]),
    ("train resume a subset sinusoid run with set subset_size=0x10, a hexadecimal count",
     _resumed("subset", "--set", "subset_size=0x10"), ["subset_size", "0x10"]),
    ("train resume a newton_head clusters run with lam 'off'",
     _resumed("newton_head", "--lam", "off", family="clusters"), ["--lam", "off"]),
    ("train resume a scratch linear run with meta-batch 1e2, a float's notation",
     _resumed("scratch", "--meta-batch", "1e2", family="linear"), ["--meta-batch", "1e2"]),
    ("train resume a checkpoint whose state/params/3 is one bias short, 39 of 40",
     _resume_file(P3_SHORT), ["state/params/3"]),
    ("train resume a checkpoint whose state/adam/t is the float 2.0",
     _resume_file(T_FLOAT), ["state/adam/t"]),
    ("evaluate a checkpoint whose state/params/0 is boolean",
     _evaluate_file(P0_BOOL), ["state/params/0"]),
    ("train resume a checkpoint whose meta/seed is the uint64 2**64 - 1",
     _resume_file(SEED_U64), ["meta/seed"]),
    ("evaluate a checkpoint whose meta/meta_losses is 3-D",
     _evaluate_file(LOSSES_2D), ["meta/meta_losses"]),
    ("evaluate the good checkpoint with state/params/0 renamed state/params/00",
     _evaluate_file(_renamed_entry), ["state/params/00"]),
    ("train resume an anil sinusoid_frequency run with inner-steps '1,', a trailing comma",
     _resumed("anil", "--inner-steps", "1,", family="sinusoid_frequency"),
     ["--inner-steps", "1,"]),
]

# --- the command line: Omniglot

def _omni(d, *extra, root=None):
    return ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "2", "--root",
            ROOT if root is None else root, "--out", str(d / "omni.npz"), *extra]


CLI_OMNIGLOT_CASES = [
    ("train omniglot on the command line with log-every '1/2', a fraction as a division",
     lambda d: _omni(d, "--log-every", "1/2"), ["--log-every", "1/2"]),
    ("train omniglot on the command line with dtype 'f8', NumPy's short code",
     lambda d: _omni(d, "--dtype", "f8"), ["--dtype", "f8"]),
    ("train omniglot on the command line with root a misspelt folder 'omniglott'",
     lambda d: _omni(d, root=str(d / "omniglott")), ["omniglott"]),
    ("train omniglot reptile on the command line with inner-steps 'once', a word for a count",
     lambda d: _omni(d, "--strategy", "reptile", "--inner-steps", "once"),
     ["--inner-steps", "once"]),
    ("train omniglot closed_form on the command line with lam '1e-2%', a percent sign after it",
     lambda d: _omni(d, "--strategy", "closed_form", "--lam", "1e-2%"), ["--lam", "1e-2%"]),
    ("train omniglot on the command line with n-query 'five', a word for a count",
     lambda d: _omni(d, "--n-query", "five"), ["--n-query", "five"]),
    ("evaluate with split 'valdation', a letter dropped",
     lambda d: ["evaluate", "--checkpoint", str(_good(d)), "--tasks", "4", "--steps", "1",
                "--split", "valdation"], ["--split", "valdation"]),
]

# --- Chapter 2's functions

def _meta_loss_steps_text():
    model, params, batch = _problem()
    return meta_loss(params, batch, model, inner_lr=0.01, inner_steps="1")


def _after_negative():
    # corrected after the first run: the path starts from one copy of params per task
    model, params, batch = _problem()
    theta = per_task(params, np.shape(batch.x_support)[0])
    return after(sgd_path(theta, batch, model, inner_lr=0.01, loss=mse), -2)


META_CASES = [
    ("meta_loss inner_steps the text '1'",
     lambda d: _meta_loss_steps_text(), ["inner_steps", "1"]),
    ("ridge_head targets None, no targets to fit",
     lambda d: ridge_head(_features(), None, 1.0), ["targets", "None"]),
    ("ridge_head lam None, no penalty",
     lambda d: ridge_head(_features(), _onehot(), None), ["lam", "None"]),
    ("adapt.after n_steps -2 of an SGD path, a sign slip",
     lambda d: _after_negative(), ["n_steps", "-2"]),
    ("cross_entropy logits and y_onehot given in each other's places",
     lambda d: cross_entropy(np.eye(3)[[0, 1, 2, 0]][None].repeat(2, axis=0),
                             np.linspace(-1.0, 1.0, 24).reshape(2, 4, 3)), ["y_onehot"]),
]

# --- strategies, configs and the registry

STRATEGY_CASES = [
    ("make_strategy r2d2 on clusters learn_lam 'yes', a word for a switch",
     lambda d: make_strategy("r2d2", family="clusters", meta_batch=2, learn_lam="yes"),
     ["learn_lam", "yes"]),
    ("make_strategy newton_head family 'sinusoid frequency', a space for the underscore",
     lambda d: make_strategy("newton_head", family="sinusoid frequency", meta_batch=2),
     ["sinusoid frequency"]),
    ("hyperparameters 'maml_config', the config's name for the strategy's",
     lambda d: hyperparameters("maml_config"), ["maml_config"]),
    ("with_test_time inner_lr True, a bool for a step",
     lambda d: with_test_time(make_strategy("fomaml", meta_batch=2), inner_lr=True),
     ["inner_lr", "True"]),
    ("make_strategy closed_form on sinusoid model the string 'mlp'",
     lambda d: make_strategy("closed_form", model="mlp", meta_batch=2), ["model"]),
]

# --- train, evaluate, select_test_time, held_out_tasks, task_rng in the library

EVALUATE_CASES = [
    ("evaluate on_divergence 'stop', a word it has not got",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1,
                        on_divergence="stop", **_small()), ["on_divergence", "stop"]),
    ("evaluate chunk_size the text '1e2', a float's notation as text",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, chunk_size="1e2", **_small()),
     ["chunk_size", "1e2"]),
    ("task_rng i 2**64, a task index past 64 bits",
     lambda d: task_rng(22, 2 ** 64), ["i", str(2 ** 64)]),
    ("select_test_time candidates np.array([[0.01], [0.1]]), a column of steps",
     lambda d: select_test_time(*_maml_state(), Sinusoid(),
                                candidates=np.array([[0.01], [0.1]]), max_steps=1,
                                **_small()), ["candidates"]),
    ("train history the string 'losses', a name where a list is meant",
     lambda d: train(_maml(), 2, 0, history="losses"), ["history"]),
]

# --- checkpoints in the library

def _load_write_handle(d):
    with open(d / "run.npz", "wb") as handle:
        return load_checkpoint(handle)


CHECKPOINT_CASES = [
    ("load_checkpoint path a file object opened for writing",
     _load_write_handle, ["path"]),
    ("restore path the list [good checkpoint], a list for one file",
     lambda d: restore([_good(d)]), ["path"]),
    ("save_checkpoint seed a numpy Generator, the rng for its seed",
     lambda d: _save_fields(d, seed=_rng()), ["seed"]),
    ("save_checkpoint state the string 'params', a name for the state",
     lambda d: _save_fields(d, state="params"), ["state"]),
    ("save_checkpoint meta_losses a list of text numbers",
     lambda d: _save_fields(d, meta_losses=["0.5", "0.4"]), ["meta_losses"]),
]

# --- nn, optim, batchnorm

NN_CASES = [
    ("MLP dtype 'float128x', a dtype name that does not exist",
     lambda d: MLP((1, 8, 1), dtype="float128x").init(_rng()), ["dtype", "float128x"]),
    ("MLP dtype 'float32 ', a trailing space",
     lambda d: MLP((1, 8, 1), dtype="float32 ").init(_rng()), ["dtype", "float32"]),
    ("adam_update eps the word 'tiny'",
     lambda d: adam_update(_params(), [np.ones_like(a) for a in _params()],
                           adam_init(_params()), 1e-3, eps="tiny"), ["eps", "tiny"]),
    ("batch_norm h and scale given in each other's places",
     lambda d: batch_norm(np.ones(4), scale=np.linspace(0.0, 1.0, 40).reshape(2, 5, 4)),
     ["scale"]),
    ("finn_init sizes a dict {'in': 1, 'out': 1}",
     lambda d: finn_init(_rng(), {"in": 1, "out": 1}), ["sizes"]),
]

# --- task families: the built-in ones, and a user's own TaskFamily subclass (the ninety-sixth's
#     Quadratic)

def _target_first_point(self, task_params, x):
    y = np.array(Quadratic.target(self, task_params, x), dtype=float)
    return y[..., :1, :]


TASK_CASES = [
    ("LinearRegression noise [0.1, 0.2], two noise levels for one, in held_out_tasks",
     lambda d: held_out_tasks(LinearRegression(noise=[0.1, 0.2]), 2, 5, 5), ["noise"]),
    ("GaussianClusters dim None, in held_out_tasks",
     lambda d: held_out_tasks(GaussianClusters(dim=None), 2, 5, 5), ["dim", "None"]),
    ("SinusoidFrequency frequency 2-D [[0.5, 2.0]], in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(frequency=np.array([[0.5, 2.0]])), 2, 5, 5),
     ["frequency"]),
    ("a user's Quadratic TaskFamily whose target keeps only the first point, in "
     "held_out_tasks",
     lambda d: held_out_tasks(_quadratic(target=_target_first_point), 2, 5, 5), ["target"]),
    ("Sinusoid x_range (-5.0, 5j), a complex end, in held_out_tasks",
     lambda d: held_out_tasks(Sinusoid(x_range=(-5.0, 5j)), 2, 5, 5), ["x_range"]),
]

# --- Omniglot in the library

OMNIGLOT_CASES = [
    ("Omniglot split 'tests', a plural",
     lambda d: Omniglot(5, "tests", data=_data()).sample(_rng(), 2, 5, 5), ["split", "tests"]),
    ("check_shots n_tasks 2**63, past int64",
     lambda d: check_shots(5, 2 ** 63, 5, 5), ["n_tasks", str(2 ** 63)]),
    ("finn_split n_train 0.5, half a character",
     lambda d: finn_split(_data().alphabets, _data().characters, n_train=0.5),
     ["n_train", "0.5"]),
    ("Omniglot data the string 'omniglot', a name for the images",
     lambda d: Omniglot(5, data="omniglot").sample(_rng(), 2, 5, 5), ["data"]),
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


def test_the_hundredfiftyfourth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_hundredfiftyfourth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
