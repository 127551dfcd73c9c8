"""A ninety-sixth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit e2d0b4e, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names and signatures of
``scratchmeta.meta``'s modules (not ``checks``/``protocol``), ``nn`` (``MLP.apply``/``init``),
``optim``, ``batchnorm``, ``tasks`` (``TaskFamily``'s attribute names), ``more_tasks`` (its
``SIGNATURES``), ``datasets.omniglot`` and ``datasets.omniglot_tasks``; ``registry.STRATEGIES``,
``FAMILIES`` and ``hyperparameters(name)`` of each strategy; the entry names, dtypes, shapes and
``meta/config`` text of a checkpoint ``train`` wrote in /dev/shm (removed after); one good run,
before any case, of the ``Quadratic`` family below (``held_out_tasks``, ``train`` and
``evaluate`` on it, to check that it is a good family: the registry asked for ``model=``); and
the earlier batteries' ids, docstrings, layout and shared helpers (imported, not copied:
``_good``, ``_damaged``, ``_train``, ``_rng``, ``_data``, the ninetieth's ``_run``, the
ninety-second's ``_evaluate``, ``_images``, ``_maml_state``, ``_save_with``, ``_small``, the
ninety-fourth's ``_resumed``, ``_compare_on``, ``_meta``, ``_problem``, ``_features``,
``_clusters_batch``, ``_maml``, ``_select``, ``_set_entry``, ``_train_resume``, ``_sample``,
``_sinusoid_model``). No library docstring was read. Not read: the body of any validation
code, the library's source, its history, anything of /work/main. No ``__main__`` module was
imported. Every case writes only inside its temporary folder (checked after the runs: ``git
status --short`` shows this file only; the decoded Omniglot cache under ~/.cache/scratchmeta,
which the Omniglot cases read, is dated before this battery and was not changed; the one
``omniglot.load`` case decodes into its own folder).

Areas, as written: train on the command line -- r2d2, multitask, anil, scratch, pretrained,
closed_form runs on sinusoid, linear, sinusoid_frequency and clusters, two of them resumed (10);
evaluate and compare on the command line -- runs of r2d2, newton_head, pretrained, scratch, maml
on linear, multitask; compare of r2d2, multitask, pretrained, newton_head (10); Chapter 2's
functions -- meta_loss, meta_grad, inner_sgd, anil_meta_grad, ridge_fit, newton_solve,
subset_meta_loss, sgd_path, multitask_loss, meta_loss_low_rank, fine_tune_tasks, reptile_step
(13); strategies and the registry -- ANIL, ClosedForm/ClosedFormConfig, Subset/SubsetConfig,
R2D2, hyperparameters, STRATEGIES, FAMILIES, with_test_time, NewtonHead/NewtonHeadConfig (9);
select_test_time, held_out_tasks, train and evaluate in the library (10); checkpoints --
restore, load_checkpoint, save_checkpoint, library train resume, evaluate on the command line
(13); nn/optim/batchnorm -- batch_norm, MLP apply, MLP sizes, adam_update, adam_rows, finn_init
(10); task families -- a user's own ``TaskFamily`` subclass written from scratch (``Quadratic``,
y = a x^2 + b x + c; only the twenty-sixth and twenty-eighth batteries subclassed ``TaskFamily``
itself before), SinusoidFrequency, GaussianClusters, in held_out_tasks, train, evaluate,
select_test_time (12); Omniglot -- OmniglotImages data, Omniglot's n_way, n_train, n_validation
and sample, omniglot.load, train and compare on the command line, SCRATCHMETA_DATA (10): 97.

Kinds of bad value (the issue's own kinds, each a new instance):
- out of range -- zero, negative, inf, huge: train --lam -1 (r2d2 on clusters), --set
  head_steps=0 (multitask), --meta-lr 0 (closed_form), --meta-batch 100000000 (linear),
  resumed --n-support 0 (pretrained) and --meta-batch -4 (r2d2); evaluate --query 0 (r2d2),
  --steps -2 (newton_head), --query -5 (linear), --steps 100000000 (multitask); compare
  --support 0, --steps 0, --val-seed -1, --query -5; meta_loss and anil_meta_grad inner_steps
  0, ridge_fit and newton_solve lam inf, subset_meta_loss inner_steps -1, sgd_path inner_lr
  0.0, meta_loss_low_rank inner_lr -0.01; ANIL inner_steps -2, ClosedFormConfig lam 0.0,
  SubsetConfig meta_lr inf, with_test_time n_support 0, NewtonHeadConfig inner_lr -0.1;
  select_test_time n_support 0 and n_query -10, held_out_tasks n_query -5 and seed -22;
  adam_update state t -1, finn_init a width -40; SinusoidFrequency
  x_range (-5, inf), GaussianClusters dim 100000000; Omniglot n_way 0, n_validation -100,
  sample n_support 0 and n_tasks -2;
- a wrong type: --inner-steps 3.0 (anil), --inner-lr 0.01,0.02 (two values pasted as one),
  evaluate --tasks 2.5 and --support 1e1; meta_grad and fine_tune_tasks inner_steps 2.5,
  inner_sgd x and y as nested Python lists; R2D2 meta_batch 2.5, hyperparameters 'MAML' (the
  class's name); train seed a numpy Generator (an rng where an int is meant), select_test_time
  state None; save_checkpoint seed 2.5; Omniglot n_train 1100.0, OmniglotImages n_background
  None; a user family's n_outputs the string '1';
- a flag a strategy has not got: train --inner-steps for scratch, --lam for pretrained;
- a wrong shape or empty: MLP sizes (), x of 5 tasks for parameters of 3, Omniglot images with
  a channel axis (5-D);
- NaN and inf data: multitask_loss x with a NaN point, batch_norm offset with inf,
  adam_update grads with NaN, adam_rows grads with inf;
- a user's function that misbehaves (a ``TaskFamily`` subclass of the user's own, unless
  said): sample_params returning inf or one flat vector, sample_x one task too few, target inf
  beyond x = 1, metric inf or complex, describe None, make_batch swapping the support and
  query sizes, a class name of None;
- registry entries of the wrong type: STRATEGIES['my_maml'] = 'maml', FAMILIES['wave'] = None;
- files: checkpoints with state/adam/v/2 reshaped, state/params/3 text, state/adam/v/4
  complex, state/adam/m/2 missing, an extra state/params/6, meta/meta_losses NaN, state/adam/t
  -2, state/params/5 NaN, a checkpoint cut to 1000 bytes; save_checkpoint of meta_losses with
  NaN and of an adam m list one array short; omniglot.load of a root whose
  images_evaluation.zip is a text file;
- paths: save_checkpoint path an existing folder; SCRATCHMETA_DATA a relative folder that
  does not exist (compare on omniglot); train omniglot --n-support 3 for 5 ways;
- arguments in each other's places or misspelt keywords: reptile_step (batch, model),
  ridge_fit (features, y), train (strategy, n_steps), evaluate (strategy, state),
  held_out_tasks (family, n_tasks), MLP.apply (params, x), adam_update (grads, state) in
  adam_rows' order, finn_init (rng, sizes); evaluate num_tasks= for n_tasks.

Repeats: the 12,300 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (166 files; string first elements of tuples of three or more,
by ``ast``) were grepped, before any run, for each function or option with each kind word
(for example ``^meta_loss .*inner_steps``, ``^ridge_fit .*lam``, ``r2d2.*lam``, ``head_steps``,
``^with_test_time``, ``^held_out_tasks (n_|seed|start)``, ``^MLP apply``, ``^adam_rows``,
``^batch_norm (offset|scale)``, ``describe return``, ``metric return.*(inf|complex)``,
``^Omniglot data``, ``SCRATCHMETA_DATA``, ``places|swapped``), and every id against all of them
by its function and mentions. Drafts replaced before any run because the grep found their
substance: MLP apply x 1-D (``MLP apply 1-D x``; replaced by batch_norm offset holding inf),
train --n-query 0 on closed_form (``n-query zero``), subset --n-support below subset_size
(``SubsetConfig check subset_size above n_support``), train resume with another seed, strategy
or family (``resume other seed``, ``resume other strategy``, ``train resume good on another
family``), --dtype float32 on sinusoid, --root on sinusoid, evaluate --split on sinusoid,
compare --eval-seed negative and --val-tasks 2.0, reptile --meta-lr above 1, inner-steps 0 on
the command line (``fomaml inner-steps 0``), make_strategy a family name first, softmax_head
lam inf, closed_form_meta_loss scale 0 and NaN, softmax_head_unrolled n_steps 2.5, reptile_step
inner_steps 0, subset_batch subset_size 0, subset_meta_loss rng an int, from_theta0 inner_lr
0, task_rng i negative, adam_rows rows past the last row, per_task params NaN, MLP init an int
rng, MLP activation gelu-like names, clusters spread inf, make_family sinusoid amplitude
reversed, linear noise negative, Omniglot data alphabets one short, images of bools,
n_background above the characters, SCRATCHMETA_DATA a missing folder for train, Omniglot split
'val'. Near earlier ids, kept as new ways (the lead may judge): --lam -1 on r2d2 (``lam -inf on
linear closed_form``, ``multitask lam negative``); options refused where they are parsed, on
runs and compares of other strategies and families (``eval query 0``, ``eval steps
negative``, ``compare val-seed a float``...); with_test_time n_support 0 (``ScratchConfig
check n_query 0``); a user family's metric returning inf or complex (``metric returns NaN``);
target inf beyond x = 1 (``a target returning inf``); save_checkpoint path an existing folder
(``out is a folder`` on the command line); compare omniglot with SCRATCHMETA_DATA a missing
folder (``SCRATCHMETA_DATA a missing folder, omniglot train``); Omniglot images of a channel
axis (``family data of 3-D images``). No exact id repeats (checked by a script against the same
list).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 56 of the 97. After the
first run no case was added, reordered, swapped or reworded; no mentions were changed.
Dropped: none.

Corrected after the first run, one slip of this writer's: ``compare omniglot with
SCRATCHMETA_DATA a relative folder that does not exist`` (kept) ran compare with its default
--support 10 and --query 100, which Omniglot's 20 drawings a character cannot give, so the
first run gave unclear "error: n_support=10 and n_query=100 ask for 2 + 20 distinct drawings per
class (of n_way=5), but each character has only 20" before the data folder was looked at; the
case now passes ``--support 5 --query 5`` (then clear: "error: Omniglot is not here yet: no
decoded cache and no images_background.zip in 'data/omniglot-not-here/omniglot' (the omniglot
folder of SCRATCHMETA_DATA) ...").

Doubtful, left to the lead: meta_loss and anil_meta_grad inner_steps 0 (the library's own
messages elsewhere say "inner_steps (K) must be an integer >= 0" and the command line "a
non-negative integer": K = 0, the plain loss of the query set, may be meant as legal;
inner_lr 0.0, by contrast, is refused by the other functions' "a positive finite number");
train seed a numpy Generator (the run may draw its seed from it; nothing says so);
``train multitask set head_steps=0`` (with closed-form heads, no head step may be legal);
inner_sgd x and y as nested lists (converted and computed right, but a list is no array);
``adam_update`` (grads, state) swapped: the message names ``state`` and shows the value given,
which the brief's rule for swapped arguments counts as clear, but this writer's mention before
the run was ``grads`` (not kept either way).

First run at e2d0b4e (under ``ulimit -v 8000000``, SCRATCHMETA_DATA=/tmp/shared/data/omniglot):
written, 84 of 97 clear (86.6%), 6 unclear, 7 silent, 0 data loss -- cli train 8/10,
evaluate/compare 9/10, meta functions 8/13, strategies 9/9, evaluate and train 9/10,
checkpoints 13/13, nn/optim/batchnorm 9/10, task families 10/12, omniglot 9/10. Kept, 49 of 56
clear (87.5%), 4 unclear, 3 silent, 0 data loss -- 5/6, 5/6, 5/7, 5/5, 5/6, 7/7, 6/6, 6/7,
5/6. After the correction: written 85 of 97 clear (87.6%), 5 unclear, 7 silent; kept 50 of 56
(89.3%), 3 unclear, 3 silent, 0 data loss (omniglot 6/6). Under pytest: 51 passed, 6 failed
(the 6 kept cases not clear; the wide-and-new test passes).

Not clear, kept (after the correction):
- ``train linear with meta-batch 100000000 ...`` (unclear): "error: one meta-step of MAML would
  need 89.4 GiB of memory at once, more than this machine's 23.5 GiB; choose smaller sizes" --
  refused before the work, but neither --meta-batch nor 100000000 is named: which size?
- ``evaluate a multitask run with steps 100000000 ...`` (unclear): no refusal; the test-time
  loop ran until the harness's 30 s limit ("error: grad: fun raised _TooLong ... no answer after
  30 s" in the first run, "exit 1: error: unexpected _TooLong ..." in the second).
- ``meta_loss inner_steps 0 ...`` and ``anil_meta_grad inner_steps 0`` (silent, doubtful): a
  meta-loss and a meta-gradient with no inner step, no word.
- ``train seed a numpy Generator ...`` (silent, doubtful): trained, no error.
- ``GaussianClusters dim 100000000 ..., in held_out_tasks`` (unclear): "MemoryError: Unable to
  allocate 3.73 GiB for an array with shape (1, 5, 100000000)": not refused before the work,
  and neither dim nor the value is named.

Not clear, written and not kept: ``train multitask set head_steps=0`` (silent, doubtful:
trained and saved), ``inner_sgd x and y given as nested Python lists`` (silent, doubtful),
``sgd_path inner_lr 0.0`` (silent: steps taken of size zero), ``ridge_fit features and y in
each other's places`` (silent: a ridge fit of the features from the targets, no error),
``adam_update state and grads in each other's places`` (unclear by its mention, doubtful:
"TypeError: state must be Adam's state {'t', 'm', 'v'} (from adam_init), got [array(...), ...]"
does not say the two were swapped), ``a user's Quadratic TaskFamily whose n_outputs is the
string '1', in train`` (unclear: "TypeError: 'str' object cannot be interpreted as an integer",
naming neither n_outputs nor the family).

Every other case was refused with one line or one ValueError/TypeError naming the argument,
option, entry or user method and the value given (e.g. "error: --lam does not apply to
--strategy pretrained: it has no hyperparameter 'lam'", "ValueError: '.../tneg.npz' is
damaged: entry state/adam/t = -2 counts Adam's steps, which cannot be negative", "TypeError:
STRATEGIES['my_maml'] must be a strategy class (one with a Config dataclass, as MAML), got
'maml'", "ValueError: UserQuadratic.make_batch must return 1 tasks of n_support=10 support
and n_query=5 query points, but its x_support has shape (1, 5, 1) ...").

Measured on main at e2d0b4e, the commit it was written at, blind (the lead reran it there, with
the ninety-seventh written beside it, both briefed on the kinds issue 11 lists): kept, 50 of
56 clear (89.3%; 49 at the first run, before the writer's one correction), 3 unclear, 3
silent, 0 data loss; written, 85 of 97. With the ninety-seventh (44 of 57) the pair is 94 of
113 (83.2%), 0 data loss: under the goal of 95%. Round 67 (with sight of this file, so not
blind): the memory check of a meta-step names the sizes it was computed from (the command
line then adds the option: "(given as --meta-batch 100000000)"); evaluate and
select_test_time refuse more than 100,000 test-time steps; the memory checks count what is
left of the process's address-space limit (ulimit -v), and a family's draw its x and one
temporary, and name the family; a family's n_inputs and n_outputs must be positive ints. 53
of 56 kept are clear now; the three left are strict xfails in NOT_CLEAR_YET, each doubtful
(documented as allowed). The lead wrapped one case, GaussianClusters dim 100000000, in the
batteries' own ulimit -v 8000000 under pytest (``_under_the_batteries_ulimit``), so that the
suite never allocates about 15 GB; the case itself is unchanged.
"""

import itertools
import shutil

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import ANIL, anil_meta_grad
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import ClosedForm, ClosedFormConfig
from scratchmeta.meta.evaluate import evaluate, held_out_tasks, select_test_time, with_test_time
from scratchmeta.meta.maml import inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.newton_head import NewtonHead, NewtonHeadConfig
from scratchmeta.meta.r2d2 import R2D2
from scratchmeta.meta.registry import (FAMILIES, STRATEGIES, default_model, hyperparameters,
                                       make_family, make_strategy)
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve
from scratchmeta.meta.subset import Subset, SubsetConfig, subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import Sinusoid, TaskFamily, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _damaged, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_ninetieth import _run
from test_bad_inputs_ninetysecond import _evaluate, _images, _maml_state, _save_with, _small
from test_bad_inputs_ninetyfourth import (_clusters_batch, _compare_on, _features, _maml, _meta,
                                          _problem, _resumed, _sample, _select, _set_entry,
                                          _sinusoid_model, _train_resume)

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- the command line: train

CLI_TRAIN_CASES = [
    ("train r2d2 on clusters with lam -1, a ridge penalty of the wrong sign",
     _train("--strategy", "r2d2", "--family", "clusters", "--n-support", "5", "--n-query", "5",
            "--lam", "-1"), ["--lam", "-1"]),
    ("train multitask set head_steps=0, heads that never take a step",
     _train("--strategy", "multitask", "--set", "head_steps=0"), ["head_steps", "0"]),
    ("train anil with inner-steps 3.0, a float for a count",
     _train("--strategy", "anil", "--inner-steps", "3.0"), ["--inner-steps", "3.0"]),
    ("train scratch with inner-steps 3, a flag scratch has not got",
     _train("--strategy", "scratch", "--inner-steps", "3"), ["--inner-steps"]),
    ("train linear with meta-batch 100000000, too many tasks for memory",
     _train("--family", "linear", "--meta-batch", "100000000"),
     ["--meta-batch", "100000000"]),
    ("train pretrained with lam 0.1, a flag pretrained has not got",
     _train("--strategy", "pretrained", "--lam", "0.1"), ["--lam"]),
    ("train closed_form with meta-lr 0, an outer step of zero",
     _train("--strategy", "closed_form", "--meta-lr", "0"), ["--meta-lr", "0"]),
    ("train sinusoid_frequency with inner-lr 0.01,0.02, two values pasted as one",
     _train("--family", "sinusoid_frequency", "--inner-lr", "0.01,0.02"),
     ["--inner-lr", "0.01,0.02"]),
    ("train resume a pretrained run with n-support 0",
     _resumed("pretrained", "--n-support", "0"), ["--n-support", "0"]),
    ("train resume an r2d2 clusters run with meta-batch -4",
     _resumed("r2d2", "--meta-batch", "-4", family="clusters"), ["--meta-batch", "-4"]),
]

# --- the command line: evaluate and compare

def _r2d2_run(d):
    return _run(d, "r2d2", family="clusters", file="r2d2.npz")


def _newton_run(d):
    return _run(d, "newton_head", family="clusters", file="newton.npz")


CLI_OTHER_CASES = [
    ("evaluate an r2d2 clusters run with query 0",
     _evaluate(_r2d2_run, "--query", "0"), ["--query", "0"]),
    ("evaluate a newton_head clusters run with steps -2",
     _evaluate(_newton_run, "--steps", "-2"), ["--steps", "-2"]),
    ("evaluate a pretrained run with tasks 2.5",
     _evaluate(lambda d: _run(d, "pretrained"), "--tasks", "2.5"), ["--tasks", "2.5"]),
    ("evaluate a scratch run with support 1e1, a count in e-notation",
     _evaluate(lambda d: _run(d, "scratch"), "--support", "1e1"), ["--support", "1e1"]),
    ("evaluate a maml run on linear tasks with query -5",
     _evaluate(lambda d: _run(d, "maml", family="linear", file="linear.npz"), "--query", "-5"),
     ["--query", "-5"]),
    ("evaluate a multitask run with steps 100000000, a test-time loop without end in sight",
     _evaluate(lambda d: _run(d, "multitask"), "--steps", "100000000"),
     ["--steps", "100000000"]),
    ("compare r2d2 on clusters with support 0",
     _compare_on(["r2d2"], "clusters", "--support", "0"), ["--support", "0"]),
    ("compare multitask on linear with steps 0, no meta-step at all",
     _compare_on(["multitask"], "linear", "--steps", "0"), ["--steps", "0"]),
    ("compare pretrained on sinusoid with val-seed -1",
     _compare_on(["pretrained"], "sinusoid", "--val-seed", "-1"), ["--val-seed", "-1"]),
    ("compare newton_head on clusters with query -5",
     _compare_on(["newton_head"], "clusters", "--query", "-5"), ["--query", "-5"]),
]

# --- Chapter 2's functions

def _inner_sgd_lists():
    model, params, batch = _problem()
    return inner_sgd(per_task(params, 3), batch.x_support.tolist(), batch.y_support.tolist(),
                     model.apply, inner_lr=0.01, inner_steps=1)


def _path_lr_zero():
    model, params, batch = _problem()
    return list(itertools.islice(sgd_path(per_task(params, 3), batch, model, inner_lr=0.0,
                                          loss=mse), 2))


def _multitask_x_nan():
    model, params, batch = _problem()
    body, _ = split(params)
    heads = [np.zeros((3, 8, 1)), np.zeros((3, 1))]
    x = batch.x_support.copy()
    x[1, 2, 0] = np.nan
    return multitask_loss(body, heads, x, batch.y_support, model)


def _reptile_swapped():
    model, params, batch = _problem()
    return reptile_step(params, model, batch, inner_lr=0.01, inner_steps=1, meta_lr=0.1)


META_CASES = [
    ("meta_loss inner_steps 0, no inner step to differentiate through",
     lambda d: _meta(meta_loss, inner_steps=0), ["inner_steps", "0"]),
    ("meta_grad inner_steps 2.5",
     lambda d: _meta(meta_grad, inner_steps=2.5), ["inner_steps", "2.5"]),
    ("inner_sgd x and y given as nested Python lists",
     lambda d: _inner_sgd_lists(), ["x", "list"]),
    ("anil_meta_grad inner_steps 0",
     lambda d: _meta(anil_meta_grad, inner_steps=0), ["inner_steps", "0"]),
    ("ridge_fit lam inf",
     lambda d: ridge_fit(_features(), _problem()[2].y_support, np.inf), ["lam", "inf"]),
    ("newton_solve lam inf",
     lambda d: (lambda b: newton_solve(b.x_support, b.y_support, np.inf))(_clusters_batch()),
     ["lam", "inf"]),
    ("subset_meta_loss inner_steps -1",
     lambda d: (lambda m, p, b: subset_meta_loss(p, b, m, _rng(), subset_size=2, inner_lr=0.01,
                                                  inner_steps=-1))(*_problem()),
     ["inner_steps", "-1"]),
    ("sgd_path inner_lr 0.0, a path that never moves",
     lambda d: _path_lr_zero(), ["inner_lr", "0"]),
    ("multitask_loss x holding a NaN point",
     lambda d: _multitask_x_nan(), ["x"]),
    ("meta_loss_low_rank inner_lr -0.01",
     lambda d: _meta(meta_loss_low_rank, inner_lr=-0.01), ["inner_lr", "-0.01"]),
    ("fine_tune_tasks inner_steps 2.5",
     lambda d: _meta(fine_tune_tasks, inner_steps=2.5), ["inner_steps", "2.5"]),
    ("reptile_step batch and model in each other's places",
     lambda d: _reptile_swapped(), ["batch"]),
    ("ridge_fit features and y in each other's places",
     lambda d: ridge_fit(_problem()[2].y_support, _features(), 1.0), ["features"]),
]

# --- strategies, configs and the registry

def _clusters_model():
    return default_model(GaussianClusters())


def _registered(registry, name, value, call):
    """``call()`` with ``registry[name] = value`` for its duration (the entry removed after)."""
    registry[name] = value
    try:
        return call()
    finally:
        registry.pop(name, None)


STRATEGY_CASES = [
    ("ANIL with inner_steps -2 given as a keyword",
     lambda d: ANIL(_sinusoid_model(), Sinusoid(), inner_steps=-2), ["inner_steps", "-2"]),
    ("ClosedForm with a ClosedFormConfig of lam 0.0",
     lambda d: ClosedForm(_sinusoid_model(), Sinusoid(), config=ClosedFormConfig(lam=0.0)),
     ["lam", "0"]),
    ("Subset with a SubsetConfig of meta_lr inf",
     lambda d: Subset(_sinusoid_model(), Sinusoid(), config=SubsetConfig(meta_lr=np.inf)),
     ["meta_lr", "inf"]),
    ("R2D2 on clusters with meta_batch 2.5",
     lambda d: R2D2(_clusters_model(), GaussianClusters(), meta_batch=2.5),
     ["meta_batch", "2.5"]),
    ("hyperparameters of 'MAML', the class's name for the registry's",
     lambda d: hyperparameters("MAML"), ["MAML"]),
    ("make_strategy a name a user added to STRATEGIES, mapped to the string 'maml'",
     lambda d: _registered(STRATEGIES, "my_maml", "maml",
                           lambda: make_strategy("my_maml", meta_batch=2)), ["my_maml"]),
    ("make_family a name a user added to FAMILIES, mapped to None",
     lambda d: _registered(FAMILIES, "wave", None, lambda: make_family("wave")), ["wave"]),
    ("with_test_time n_support 0",
     lambda d: with_test_time(_maml(), n_support=0), ["n_support", "0"]),
    ("NewtonHead on clusters with a NewtonHeadConfig of inner_lr -0.1",
     lambda d: NewtonHead(_clusters_model(), GaussianClusters(),
                          config=NewtonHeadConfig(inner_lr=-0.1)), ["inner_lr", "-0.1"]),
]

# --- train, evaluate, select_test_time, held_out_tasks in the library

def _evaluate_swapped():
    strategy, state = _maml_state()
    return evaluate(state, strategy, Sinusoid(), n_steps=1, **_small())


EVALUATE_CASES = [
    ("select_test_time n_support 0",
     lambda d: _select(n_support=0), ["n_support", "0"]),
    ("select_test_time n_query -10",
     lambda d: _select(n_query=-10), ["n_query", "-10"]),
    ("held_out_tasks n_query -5",
     lambda d: held_out_tasks(Sinusoid(), 3, 5, -5), ["n_query", "-5"]),
    ("held_out_tasks seed -22, the test seed with a stray minus",
     lambda d: held_out_tasks(Sinusoid(), 3, 5, 5, seed=-22), ["seed", "-22"]),
    ("train seed a numpy Generator, an rng where the seed goes",
     lambda d: train(_maml(), 2, np.random.default_rng(0)), ["seed"]),
    ("train strategy and n_steps in each other's places",
     lambda d: train(2, _maml(), 0), ["strategy"]),
    ("evaluate strategy and state in each other's places",
     lambda d: _evaluate_swapped(), ["strategy"]),
    ("held_out_tasks family and n_tasks in each other's places",
     lambda d: held_out_tasks(3, Sinusoid(), 5, 5), ["family"]),
    ("evaluate num_tasks, another library's name for n_tasks",
     lambda d: evaluate(*_maml_state(), Sinusoid(), n_steps=1, num_tasks=4, n_support=5,
                        n_query=5), ["num_tasks"]),
    ("select_test_time state None",
     lambda d: select_test_time(_maml(), None, Sinusoid(), candidates=[0.01], max_steps=1,
                                **_small()), ["state"]),
]

# --- checkpoints

def _save_fields(d, **changes):
    """The good checkpoint saved again with some of save_checkpoint's arguments changed."""
    ckpt = load_checkpoint(_good(d))
    fields = {"step": ckpt.step, "seed": ckpt.seed, "config": ckpt.config,
              "meta_losses": ckpt.meta_losses, **changes}
    path = fields.pop("path", d / "saved.npz")
    return save_checkpoint(path, ckpt.state, **fields)


def _m_one_short(state):
    adam = dict(state["adam"])
    adam["m"] = list(adam["m"])[:-1]
    return {**state, "adam": adam}


def _truncated_to(d, n_bytes=1000):
    path = d / "cut.npz"
    path.write_bytes(_good(d).read_bytes()[:n_bytes])
    return path


def M2_MISSING(d):
    return _damaged(d, "m2gone", lambda a: a.pop("state/adam/m/2"))


def PARAMS6_EXTRA(d):
    return _damaged(d, "p6extra", lambda a: a.__setitem__("state/params/6", np.zeros(1)))


V2_RESHAPED = _set_entry("v2re", "state/adam/v/2", lambda a: a.reshape(20, 80))
PARAMS3_TEXT = _set_entry("p3text", "state/params/3", lambda a: np.array(["0.1"] * a.size))
V4_COMPLEX = _set_entry("v4c", "state/adam/v/4", lambda a: a + 0.5j)
LOSSES_NAN = _set_entry("lossnan", "meta/meta_losses", lambda a: np.array([a[0], np.nan]))
T_NEGATIVE = _set_entry("tneg", "state/adam/t", lambda a: np.array(-2))
PARAMS5_NAN = _set_entry("p5nan", "state/params/5", lambda a: np.full_like(a, np.nan))


CHECKPOINT_CASES = [
    ("restore a checkpoint whose state/adam/v/2 is reshaped to (20, 80)",
     lambda d: restore(V2_RESHAPED(d)), ["state/adam/v/2"]),
    ("load_checkpoint a checkpoint whose state/params/3 holds text",
     lambda d: load_checkpoint(PARAMS3_TEXT(d)), ["state/params/3"]),
    ("restore a checkpoint whose state/adam/v/4 is complex",
     lambda d: restore(V4_COMPLEX(d)), ["state/adam/v/4"]),
    ("library train resume a checkpoint without its state/adam/m/2",
     _train_resume(M2_MISSING), ["state/adam/m/2"]),
    ("evaluate on the command line a checkpoint with an extra entry state/params/6",
     _evaluate(PARAMS6_EXTRA), ["state/params/6"]),
    ("restore a checkpoint whose meta/meta_losses holds NaN",
     lambda d: restore(LOSSES_NAN(d)), ["meta/meta_losses"]),
    ("load_checkpoint a checkpoint cut to its first 1000 bytes",
     lambda d: load_checkpoint(_truncated_to(d)), ["cut.npz"]),
    ("restore a checkpoint whose state/adam/t is -2",
     lambda d: restore(T_NEGATIVE(d)), ["state/adam/t"]),
    ("save_checkpoint seed 2.5",
     lambda d: _save_fields(d, seed=2.5), ["seed", "2.5"]),
    ("save_checkpoint path an existing folder",
     lambda d: _save_fields(d, path=d), ["path"]),
    ("save_checkpoint a state whose adam m list is one array short",
     lambda d: _save_with(d, _m_one_short), ["m"]),
    ("library train resume a checkpoint whose state/params/5 holds NaN",
     _train_resume(PARAMS5_NAN), ["state/params/5"]),
    ("save_checkpoint meta_losses holding NaN",
     lambda d: _save_fields(d, meta_losses=np.array([1.0, np.nan])), ["meta_losses"]),
]

# --- nn, optim, batchnorm

def _small_model():
    model = MLP((1, 8, 1))
    return model, model.init(_rng())


def _adam_swapped():
    _, params = _small_model()
    return adam_update(params, adam_init(params), [np.ones_like(a) for a in params], 1e-3)


def _adam_t_negative():
    _, params = _small_model()
    state = {**adam_init(params), "t": -1}
    return adam_update(params, [np.ones_like(a) for a in params], state, 1e-3)


def _adam_grads_nan():
    _, params = _small_model()
    grads = [np.ones_like(a) for a in params]
    grads[2] = np.full_like(grads[2], np.nan)
    return adam_update(params, grads, adam_init(params), 1e-3)


def _adam_rows_grads_inf():
    p = [np.full((3, 2), 0.5)]
    state = {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}
    return adam_rows(p, state, [np.full((3, 2), np.inf)], np.arange(3), 1e-3)


NN_CASES = [
    ("batch_norm offset holding inf",
     lambda d: batch_norm(np.arange(12.0).reshape(4, 3), offset=np.array([0.0, np.inf, 0.0])),
     ["offset"]),
    ("MLP apply x and params in each other's places",
     lambda d: (lambda m, p: m.apply(np.zeros((5, 1)), p))(*_small_model()), ["params"]),
    ("adam_update state and grads in each other's places, in adam_rows' order",
     lambda d: _adam_swapped(), ["grads"]),
    ("finn_init sizes with a negative width (1, -40, 1)",
     lambda d: finn_init(_rng(), (1, -40, 1)), ["sizes", "-40"]),
    ("finn_init rng and sizes in each other's places",
     lambda d: finn_init((1, 40, 1), _rng()), ["rng"]),
    ("adam_update state whose t is -1",
     lambda d: _adam_t_negative(), ["t", "-1"]),
    ("adam_update grads holding NaN for the second weight",
     lambda d: _adam_grads_nan(), ["grads"]),
    ("MLP sizes an empty tuple",
     lambda d: MLP(()).init(_rng()), ["sizes"]),
    ("adam_rows grads holding inf",
     lambda d: _adam_rows_grads_inf(), ["grads"]),
    ("MLP apply parameters made for 3 tasks to x of 5 tasks",
     lambda d: (lambda m, p: m.apply(per_task(p, 3), np.zeros((5, 4, 1))))(*_small_model()),
     ["x"]),
]

# --- task families: a user's own TaskFamily subclass, and the built-in ones

class Quadratic(TaskFamily):
    """A user's own task family (good as written): y = a x^2 + b x + c on [-2, 2]."""
    name = "quadratic"
    n_inputs = 1
    n_outputs = 1

    def sample_params(self, rng, n_tasks):
        return rng.uniform(-1, 1, size=(n_tasks, 3))

    def sample_x(self, rng, task_params, n_points):
        return rng.uniform(-2, 2, size=(task_params.shape[0], n_points, 1))

    def target(self, task_params, x):
        a, b, c = (task_params[:, i, None, None] for i in range(3))
        return a * x ** 2 + b * x + c

    def describe(self):
        return {}


def _quadratic(**attrs):
    return type("UserQuadratic", (Quadratic,), attrs)()


def _train_quadratic(family, checkpoint=None):
    strategy = make_strategy("maml", family=family, model=MLP((1, 40, 1)), meta_batch=2)
    return train(strategy, 2, 0, checkpoint=checkpoint)


def _evaluate_quadratic(family):
    strategy = make_strategy("maml", family=family, model=MLP((1, 40, 1)), meta_batch=2)
    return evaluate(strategy, strategy.init_state(_rng()), family, n_steps=1, **_small())


def _select_quadratic(family):
    strategy = make_strategy("maml", family=family, model=MLP((1, 40, 1)), meta_batch=2)
    return select_test_time(strategy, strategy.init_state(_rng()), family, candidates=[0.01],
                            max_steps=1, **_small())


def _params_inf(self, rng, n_tasks):
    return np.full((n_tasks, 3), np.inf)


def _x_one_task_short(self, rng, task_params, n_points):
    return Quadratic.sample_x(self, rng, task_params[:-1], n_points)


def _target_inf_beyond_one(self, task_params, x):
    return np.where(x > 1, np.inf, Quadratic.target(self, task_params, x))


def _metric_inf(self, pred, y):
    return np.full(pred.shape[0], np.inf)


def _metric_complex(self, pred, y):
    return np.mean((pred - y) ** 2, axis=(1, 2)) + 0.5j


def _describe_none(self):
    return None


def _batch_sizes_swapped(self, rng, task_params, n_support, n_query):
    return TaskFamily.make_batch(self, rng, task_params, n_query, n_support)


def _params_flat(self, rng, n_tasks):
    return rng.uniform(-1, 1, size=3 * n_tasks)


def _under_the_batteries_ulimit(call):
    """``call()`` under ``ulimit -v 8000000`` (KiB), the limit the batteries' script runs use,
    put back afterwards (added by the lead after the first run, not a change of the case: under
    pytest, without that limit, the case would allocate about 15 GB before being stopped)."""
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = 8_000_000 * 1024
    if soft != resource.RLIM_INFINITY and soft <= limit:
        return call()
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        return call()
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


TASK_CASES = [
    ("a user's Quadratic TaskFamily whose sample_params returns inf, in held_out_tasks",
     lambda d: held_out_tasks(_quadratic(sample_params=_params_inf), 2, 5, 5),
     ["sample_params"]),
    ("a user's Quadratic TaskFamily whose sample_x returns one task too few, in train",
     lambda d: _train_quadratic(_quadratic(sample_x=_x_one_task_short)), ["sample_x"]),
    ("a user's Quadratic TaskFamily whose target returns inf for points beyond 1, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(target=_target_inf_beyond_one)), ["target"]),
    ("a user's Quadratic TaskFamily whose metric returns inf for every task, in evaluate",
     lambda d: _evaluate_quadratic(_quadratic(metric=_metric_inf)), ["metric"]),
    ("a user's Quadratic TaskFamily whose metric returns complex values, in select_test_time",
     lambda d: _select_quadratic(_quadratic(metric=_metric_complex)), ["metric"]),
    ("a user's Quadratic TaskFamily whose describe returns None, in train with a checkpoint",
     lambda d: _train_quadratic(_quadratic(describe=_describe_none), d / "q.npz"),
     ["describe"]),
    ("a user's Quadratic TaskFamily whose n_outputs is the string '1', in train",
     lambda d: _train_quadratic(_quadratic(n_outputs="1")), ["n_outputs"]),
    ("a user's Quadratic TaskFamily whose make_batch swaps the support and query sizes",
     lambda d: held_out_tasks(_quadratic(make_batch=_batch_sizes_swapped), 2, 10, 5),
     ["make_batch"]),
    ("a user's Quadratic TaskFamily whose name is None, in train with a checkpoint",
     lambda d: _train_quadratic(_quadratic(name=None), d / "q.npz"), ["name"]),
    ("SinusoidFrequency x_range (-5.0, inf), in held_out_tasks",
     lambda d: held_out_tasks(SinusoidFrequency(x_range=(-5.0, np.inf)), 2, 5, 5),
     ["x_range"]),
    ("GaussianClusters dim 100000000, too large for memory, in held_out_tasks",
     lambda d: _under_the_batteries_ulimit(
         lambda: held_out_tasks(GaussianClusters(dim=100000000), 2, 5, 5)),
     ["dim", "100000000"]),
    ("a user's Quadratic TaskFamily whose sample_params returns one flat vector, in train",
     lambda d: _train_quadratic(_quadratic(sample_params=_params_flat)), ["sample_params"]),
]

# --- Omniglot

def _channel_axis(images, a, c, n):
    return images[:, :, None], a, c, n


def _n_background_none(images, a, c, n):
    return images, a, c, None


def _evaluation_zip_text(d):
    """A folder holding the real background zip and a text file as images_evaluation.zip."""
    root = d / "omniglot"
    root.mkdir(exist_ok=True)
    shutil.copy(REAL_DATA / "images_background.zip", root / "images_background.zip")
    (root / "images_evaluation.zip").write_text("not a zip: the download failed\n")
    return omniglot.load(root, cache_dir=d / "cache")


def _omniglot_argv(*extra):
    return lambda d: ["train", "--family", "omniglot", "--steps", "1", "--meta-batch", "1",
                      "--out", str(d / "omni.npz"), *extra]


OMNIGLOT_CASES = [
    ("Omniglot data whose images carry a channel axis, (characters, 20, 1, 28, 28)",
     lambda d: _sample(Omniglot(5, data=_images(_channel_axis))), ["images"]),
    ("Omniglot n_way 0",
     lambda d: _sample(Omniglot(0, data=_data())), ["n_way", "0"]),
    ("Omniglot n_validation -100",
     lambda d: _sample(Omniglot(5, data=_data(), n_validation=-100)), ["n_validation", "-100"]),
    ("Omniglot n_train 1100.0, a float for a count",
     lambda d: _sample(Omniglot(5, data=_data(), n_train=1100.0)), ["n_train", "1100.0"]),
    ("omniglot load root whose images_evaluation.zip is a text file",
     _evaluation_zip_text, ["images_evaluation.zip"]),
    ("Omniglot sample n_support 0",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), 2, 0, 5), ["n_support", "0"]),
    ("Omniglot sample n_tasks -2",
     lambda d: Omniglot(5, data=_data()).sample(_rng(), -2, 5, 5), ["n_tasks", "-2"]),
    ("train omniglot on the command line with n-support 3, fewer than its 5 ways",
     _omniglot_argv("--n-support", "3", "--n-query", "5"), ["--n-support", "3"]),
    ("compare omniglot with SCRATCHMETA_DATA a relative folder that does not exist",
     lambda d: ["compare", "--family", "omniglot", "--steps", "1", "--tasks", "4",
                "--val-tasks", "4", "--adapt-steps", "1", "--strategies", "maml",
                "--support", "5", "--query", "5"],
     ["SCRATCHMETA_DATA"], {"SCRATCHMETA_DATA": "data/omniglot-not-here"}),
    ("Omniglot data whose n_background is None",
     lambda d: _sample(Omniglot(5, data=_images(_n_background_none))),
     ["n_background", "None"]),
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

def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0].lower()


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    'meta_loss inner_steps 0, no inner step to differentiate through':
        'silent at e2d0b4e: no error (doubtful: K = 0 is documented as allowed, MAML with no '
        'inner step, the pretraining baseline)',
    'anil_meta_grad inner_steps 0':
        'silent at e2d0b4e: no error (doubtful, as above)',
    'train seed a numpy Generator, an rng where the seed goes':
        'silent at e2d0b4e: no error (doubtful: train documents that a Generator is taken, '
        'one draw making the int seed)',
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_ninetysixth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_ninetysixth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
