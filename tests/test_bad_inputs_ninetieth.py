"""A ninetieth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 412ac98, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate``, ``compare`` and ``figures``; the public names (``__all__`` or
``dir``) and signatures of ``scratchmeta.meta``'s modules (not ``checks``/``protocol``),
``nn``, ``optim``, ``batchnorm``, ``tasks`` (with ``TaskFamily``'s method names), ``more_tasks``,
``datasets.omniglot`` and ``datasets.omniglot_tasks``; the values of public constants
(``RESUMABLE``, ``legacy.RENAMED``, the default configs' reprs), ``vars()`` of a fresh
``Sinusoid``, ``GaussianClusters``, ``LinearRegression``, ``MLP`` and ``Omniglot`` (to know
which attributes a user could edit), whether ``MAMLConfig`` is a frozen dataclass (it is not),
the type of ``update``'s result and of ``state['adam']['t']``, the shape of a good
``sample_params`` draw and the dtype and range of the decoded Omniglot images (good calls);
the entry names and ``meta/config`` text of a checkpoint ``train`` wrote in /dev/shm; and the
earlier batteries' ids, docstrings, layout and shared helpers (imported, not copied). No
library docstring was read, before or after the runs. Not read: the body of any validation
code (``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``, ``messages.py``), the
library's source, its history, anything of /work/main. No ``__main__`` module was imported; the
command line runs through the shared helpers (``_train``, ``_evaluate``, ``_compare``) and
argument lists. Every case writes only inside its temporary folder (checked after the runs:
``git status --short`` shows this file only).

Areas, as written: train on the command line (9); evaluate, compare and figures on the command
line (5); Chapter 2's functions -- reptile_step, meta_loss, meta_grad, anil_meta_loss,
sgd_path, closed_form_meta_loss, subset_meta_loss, fine_tune_tasks, meta_loss_low_rank,
pooled_loss (10); strategies and configs -- make_strategy, with_test_time, MAML with a
MAMLConfig, a strategy's update, library train of edited strategies (11); train, evaluate,
select_test_time and held_out_tasks in the library (10); checkpoints -- save_checkpoint,
restore, evaluate on the command line, train resume (9); nn/optim -- MLP apply and init,
adam_update, adam_rows (8); task families -- a user's Sinusoid subclass, Sinusoid,
LinearRegression, GaussianClusters, SinusoidFrequency, in train, held_out_tasks and sample (13);
Omniglot -- Omniglot attributes, dtype and data (10): 85.

Kinds of bad value (words found in no earlier id):
- an object edited by hand after it was built, so that the checks at construction never see
  the value: a strategy's ``config`` fields (inner_lr -0.01, meta_batch 0, inner_steps 2.5,
  head_init 'ridge', first_order True at resume; train, with_test_time, train resume), a
  ``MAMLConfig`` field (first_order 'no'; MAML), a strategy's ``family`` replaced
  (GaussianClusters, LinearRegression; train, train resume), a family's attributes (Sinusoid
  amplitude reversed or (0, 0), x_range and phase reversed, LinearRegression noise -0.1,
  GaussianClusters spread 0, n_way 3 and dim 4, SinusoidFrequency frequency reversed;
  make_strategy, evaluate, train, held_out_tasks, sample, restore), an ``MLP``'s sizes,
  activation, dtype and batch_norm after init (meta_loss, meta_grad, anil_meta_loss, sgd_path,
  closed_form_meta_loss, subset_meta_loss, fine_tune_tasks, meta_loss_low_rank, pooled_loss,
  MLP apply and init; and activation 'tanh' before make_strategy, so that the checkpoint's
  record says tanh while the run computed ReLU: restore, evaluate on the command line), an
  ``Omniglot`` family's n_way, split, dtype, n_train and data (sample, held_out_tasks);
- a strategy's or Adam's state edited by hand between steps: Adam's t reset to 0, v made the
  same list as m, m made the params list itself (a strategy's update, save_checkpoint,
  adam_update, adam_rows);
- a user's family with side effects on process-wide NumPy or on the generator it is given:
  methods that call ``np.seterr(all='ignore')`` (sample_params, target, loss, metric; train,
  evaluate, held_out_tasks, select_test_time), methods that rewind the generator they are
  given to where it was (sample_x, sample_params: every call draws the same), a sample_x that
  returns one buffer of its own refilled at every call, and sample_params / make_batch that
  hand back their first draw again (evaluate with chunk_size 1, train, held_out_tasks,
  select_test_time);
- Reptile's outer step past theta_T, epsilon above 1 (meta_lr 1.5, 2 and 3: train on the command
  line, by --set and at resume, reptile_step, library train);
- resuming with changed sizes that break a run's own constraints: meta-batch above a multitask
  run's pool, n-support below a subset run's subset_size and subset_size above its n-support,
  n_steps of Reptile's schedule below the steps done, n-support and n-query below a clusters
  run's classes;
- seeds that make test and validation tasks one set: select_test_time on the test seed 22,
  evaluate on the validation seed 11 (library and command line), compare's training seed equal
  to its val-seed or eval-seed, evaluate on the run's own training seed;
- ``figures --quick --out figures``, a quick run into the folder that holds the full run's PNGs;
- Omniglot drawings as a user may decode them: uint8 ink 0-255 instead of [0, 1], gray levels
  (1 - ink) on a white background, ``n_background`` 0, and ``dtype`` np.uint8.

Repeats: the 12,356 distinct earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (by a regex) and their 155 module docstrings were grepped,
before any run, for each kind word: 0 hits in the ids for seterr, "after construction", "after
make_strategy", "after init", "between steps", "outer step past", "hands back", "first draw",
cached, gray, "set to the params", "the m list", "seed 22", "seed 11", "above its pool",
"training seed"; "rewind" and "buffer" appear only for other things (PureWindowsPath, ufunc
out=). Drafts dropped before any run because the grep found their substance: swapped
arguments of ridge_fit, newton_solve, softmax_head, closed_form_meta_loss and anil_meta_loss
(the kind "in each other's places" is an earlier one), ``figures --only`` with a PNG's file stem
(``figures only a gallery file's stem``), float32 weights saved or updated in a float64 run
(``save float32 weights in a float64 run``), ``compare --strategies`` a checkpoint path, a
root that is a checkpoint file, and ``fomaml --set first_order=false``. Near earlier ids, kept
as new ways: ``subset with n-support below its subset size`` and ``clusters n-support 7`` were
fresh runs (here: at resume), ``make_family clusters spread 0`` was at construction (here:
set afterwards). No exact id repeats (checked by a script against the same list).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 2)`` were kept (``_kept``): 49 of the 85, 48 after the
drop below. After the first run no case was added, reordered, swapped or reworded; no mentions
were changed.

Corrected after the first run, one slip of this writer's: the seven ``train resume a
reptile/multitask/subset/clusters run ...`` cases resumed without ``--strategy``/``--family``,
so the command line refused the default maml/sinusoid before reaching the fault each id names;
the first run gave five unclear ("error: --resume: .../reptile.npz holds a reptile run on
sinusoid, this command asks for --strategy maml --family sinusoid; pass --strategy reptile
--family sinusoid") and the ``set n_steps=1`` and ``set subset_size=50`` cases clear for the
wrong reason ("error: strategy MAML has no hyperparameter 'n_steps' ..."). Now each passes the
run's ``--strategy`` or ``--family``. (Worth a look: ``train --help`` says --resume continues
"with its strategy, settings and seed", yet a resume without --strategy is refused.)

Dropped after the first run (not a bad input): ``train with a checkpoint a MAML whose
config.inner_steps a user set to 0 after make_strategy, then restore`` -- K = 0 is legal (the
library's own message says "inner_steps (K) must be an integer >= 0"); it was silent.

Doubtful, left to the lead: Reptile's epsilon above 1 (legal numbers; Nichol et al. anneal
epsilon from 1 down, and above 1 the step overshoots theta_T); the seed cases other than
select_test_time's (whether compare's training seed or evaluate's seed 0/11 gives the same
tasks as another set is not visible from the user's side); ``figures --quick --out figures``
(the user named the folder); a model's dtype edited after init (sgd_path, pooled_loss: the
float64 parameters are used as they are).

First run at 412ac98 (under ``ulimit -v 8000000``): written, 16 of 85 clear (18.8%), 15 unclear,
54 silent, 0 data loss -- cli train 2/9, evaluate/compare/figures 0/5, meta functions 3/10,
strategies 4/11, evaluate and train 2/10, checkpoints 3/9, nn/optim 1/8, task families 0/13,
omniglot 1/10. Kept, 8 of 49 clear (16.3%), 7 unclear, 34 silent, 0 data loss -- 0/5, 0/3, 1/6,
2/7, 2/6, 1/5, 1/4, 0/7, 1/6. After the correction and the drop: written, 16 of 84 clear
(19.0%), 14 unclear, 53 silent, 1 data loss (cli train 2/9: ``train resume a reptile run with
meta-lr 3`` ran its two steps and rewrote the run, counted as data loss by the harness); kept,
8 of 48 clear (16.7%), 7 unclear, 33 silent, 0 data loss -- 0/5, 0/3, 1/6, 2/7, 2/6, 1/4, 1/4,
0/7, 1/6. Under pytest: 9 passed, 40 failed (the 40 kept cases not clear; the wide-and-new
test passes).

Not clear, kept (after the correction):
- ``train reptile meta-lr 1.5``, ``train reptile set meta_lr=2.0`` (silent, doubtful): exit 0,
  the run saved; ``reptile_step meta_lr 1.5`` and ``train a Reptile with meta_lr 1.5`` (silent,
  doubtful) likewise.
- ``train resume a subset run with n-support 5 below its subset_size of 10`` (unclear):
  "error: subset_size must be an integer between 1 and the number of support points (5) of
  n_support, got 10" -- blames subset_size, which the user did not give; --n-support not named.
- ``train resume a clusters run with n-support 3`` / ``with n-query 2`` (unclear): "error:
  n_support (n_query) must be a multiple of n_way=5 ..., got 3 (2)" -- the option given,
  --n-support / --n-query, is not named (the library's field name is).
- ``figures quick with out the folder holding the full run's PNGs`` (silent, doubtful).
- ``evaluate seed 11`` and ``compare seed 11`` on the command line (silent, doubtful).
- ``anil_meta_loss`` / ``meta_loss_low_rank model whose batch_norm a user switched on after
  init``, ``MLP apply after a user switched batch_norm on`` (silent): the flag is ignored.
- ``sgd_path model whose dtype ... float32``, ``pooled_loss ... float16`` (silent, doubtful).
- ``make_strategy family a Sinusoid whose amplitude a user reversed after construction``
  (silent).
- ``update with a state whose adam t a user reset to 0 between steps`` (silent).
- ``train a multitask whose config.head_init a user set to 'ridge'`` (silent): a head_init
  outside HEAD_INITS is trained with.
- ``train a MAML whose family a user replaced by GaussianClusters()`` (unclear): "batch does
  not fit the strategy: batch.x_support has shape (2, 10, 8), expected (tasks, points, 1) to
  match the inputs of the model MLP(...)" -- does not say the family is not the one the
  strategy was built for.
- ``select_test_time a user family whose metric calls np.seterr(over='ignore')``, ``a user
  family whose sample_params calls np.seterr(all='ignore'), in train`` (silent).
- ``evaluate a user family whose sample_params hands back its first draw again (chunk_size
  1)`` (silent): the held-out tasks repeat.
- ``select_test_time`` / ``train a user family whose sample_x rewinds the rng``,
  ``held_out_tasks ... sample_params rewinds the rng`` (silent).
- ``held_out_tasks a user family whose sample_x refills one buffer`` (silent).
- ``train a MAML whose family's amplitude a user set to (0.0, 0.0)`` (silent): every target 0.
- ``save_checkpoint a state whose adam m ... the params list itself``, ``adam_update state
  whose m is the params list itself`` (silent).
- ``evaluate on the command line a run whose model's activation a user set to 'tanh' after
  construction`` (silent): the run computed ReLU, its record says tanh, evaluate rebuilds tanh.
- ``restore a run whose family's x_range a user reversed after construction``, ``a Sinusoid
  whose phase a user reversed after construction, in held_out_tasks`` (unclear): NumPy's bare
  "high - low < 0" -- no argument, no value, no family; the restore one comes after a run
  was trained and saved with the reversed range.
- ``MLP init after a user set sizes to (1, 0, 1)`` (unclear): bare FloatingPointError "divide
  by zero encountered in scalar divide".
- ``a LinearRegression whose noise a user set to -0.1``, ``a GaussianClusters whose spread
  ... 0`` (silent).
- ``Omniglot whose n_way a user raised to 6``, ``... dtype ... float16``, ``... n_train ...
  100``, ``Omniglot data whose n_background a user set to 0``, ``Omniglot whose data a user
  replaced ... by gray-level images`` (silent).

Not clear, written and not kept: ``train resume a reptile run with meta-lr 3`` (data loss by
the harness's count: the run resumed and was rewritten), ``train resume a multitask run with
meta-batch 8 above its pool`` (unclear: "meta_batch must be at most n_train_tasks = 4 ..., got
8", --meta-batch not named), ``evaluate seed 0`` and ``compare seed 22`` (silent, doubtful),
``meta_grad``/``fine_tune_tasks``/``MLP apply`` and ``restore`` with activation 'tanh' set
after construction (silent), ``MLP apply`` with dtype float16 set (silent), ``train a MAML
whose config.meta_batch a user set to 0`` and ``train resume ... meta_batch 0`` (unclear:
"n_tasks must be a positive integer ..., got 0" -- meta_batch not named), ``update ... adam m
the params list`` (silent), ``evaluate seed 11`` in the library (silent), ``evaluate`` with a
family whose sample_params calls np.seterr or whose sample_x refills one buffer (silent),
``evaluate a Sinusoid whose x_range a user reversed`` and ``a SinusoidFrequency whose
frequency a user reversed`` (unclear: "high - low < 0"), ``adam_update state whose v is the
same list as its m`` and ``adam_rows state whose m is the params list itself`` (silent),
``target``/``loss`` calling np.seterr (silent), sample_params / make_batch handing back their
first draw, in train (silent), ``a GaussianClusters whose dim a user changed to 4`` (unclear:
"GaussianClusters has n_inputs = 8, but its tasks' x_support is 4 wide ...; set n_inputs = 4"
-- advice to change n_inputs, dim not named), ``Omniglot whose n_way a user lowered to 3``
(unclear: "... set n_outputs = 3", n_way not named), ``Omniglot whose split a user changed to
'test'`` and the uint8-ink and gray-level Omniglot data (silent).

Clear but worth a look: ``held_out_tasks a GaussianClusters whose n_way a user lowered to 3``
is "clear" by its mentions, but the message ("n_support must be a multiple of n_way=3 ...,
got 5") points at n_support, not at the edited n_way; ``update`` and ``save_checkpoint`` with
v the same list as m are refused for v's negative entries, not for the aliasing (a zero m
would pass).

Measured on main at 412ac98, the commit it was written at, blind (the lead reran it there):
kept, 8 of 48 clear (16.7%), 7 unclear, 33 silent, 0 data loss; written, 16 of 84 (the
first run counted one data loss among the written cases: a resumed Reptile run with
--meta-lr 3 rewrote its checkpoint). With the ninety-first (26 of 54) the pair is 34 of 102
(33.3%), 58 silent: the lowest yet, as this battery went where none had (objects edited
after they were built). Round 59 (with sight of this file and the ninety-first, so not
blind): a network, a task family and a strategy's configuration fix their settings once
built (``scratchmeta/settled.py``): assigning one afterwards is a TypeError naming it;
Reptile's outer step above 1 is refused (eq. 22.5 steps past theta_T); the command line
says which option set a field an error names ("(given as --meta-lr 1.5)"); a user family's
method that calls np.seterr is named and the setting put back, and one that returns the very
array it returned before is named; Adam's state whose moments are the parameters' arrays or
each other's, or whose t was reset with its moments kept, is refused by adam_update and
save_checkpoint. After it: 38 of 48 kept clear, 66 of 84 written; the ten kept cases still
not clear are strict xfails (NOT_CLEAR_YET): seeds shared between evaluation and
validation, quick figures over a full run's folder, a strategy's family replaced, a family
that caches or rewinds its draws (not detectable from its calls), np.seterr to a setting
already in force, Omniglot's n_background edited. Round 66 (not blind either): a strategy
from make_strategy (or rebuilt from a checkpoint) fixes its family, model and config too, so
the case of its family replaced is clear (39 of 48).
"""

import numpy as np
import pytest

from scratchmeta.datasets.omniglot import OmniglotImages
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.baselines import pooled_loss
from scratchmeta.meta.checkpoint import load_checkpoint, restore, save_checkpoint
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import held_out_tasks, with_test_time
from scratchmeta.meta.maml import MAML, MAMLConfig, meta_grad, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_step
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fifth import _evaluate_call, _select
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_fourteenth import _b
from test_bad_inputs_fiftysecond import _family
from test_bad_inputs_sixth import _compare
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_eightyfourth import _omniglot
from test_bad_inputs_eightyeighth import _sinusoid_select

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- runs made by the library, for the command line to resume or score -----------------------

def _run(d, name, family="sinusoid", file=None, **hyper):
    """A two-step run of strategy ``name`` (meta-batch 2 unless given), saved in ``d``."""
    path = d / (file or f"{name}.npz")
    if not path.exists():
        hyper = {"meta_batch": 2, **hyper}
        train(make_strategy(name, family=family, **hyper), 2, 0, checkpoint=path)
    return path


def _resume(make, *extra):
    """``train --resume`` of the run ``make(d)`` gives, to 4 steps, with ``extra`` flags (its
    ``--strategy``/``--family`` among them: corrected after the first run, see above)."""
    return lambda d: ["train", "--resume", "--steps", "4", "--out", str(make(d)), *extra]


def _committed_figures(d):
    """A figures/ folder holding a full run's PNG (as a clone has it); cwd is ``d``."""
    folder = d / "figures"
    folder.mkdir(exist_ok=True)
    (folder / "fig22_1_maml_update.png").write_bytes(b"\x89PNG\r\n\x1a\n full run")
    return ["figures", "--quick", "--out", "figures", "--only", "fig22_1"]


# --- objects a user edited after building them -------------------------------------------------

def _edited(obj, **attrs):
    for name, value in attrs.items():
        setattr(obj, name, value)
    return obj


def _model_after_init(**attrs):
    """A fresh 1-8-1 MLP and its parameters, then ``attrs`` set on the model by hand."""
    model = MLP((1, 8, 1))
    params = model.init(_rng())
    return _edited(model, **attrs), params


def _maml2(**hyper):
    return make_strategy("maml", **{"meta_batch": 2, **hyper})


def _config_edited(name="maml", hyper=None, **attrs):
    """A fresh strategy whose config fields ``attrs`` a user set after make_strategy."""
    strategy = make_strategy(name, **{"meta_batch": 2, **(hyper or {})})
    _edited(strategy.config, **attrs)
    return strategy


def _family_edited(strategy, **attrs):
    _edited(strategy.family, **attrs)
    return strategy


def _model_run(d, name, **attrs):
    """A two-step MAML run whose model had ``attrs`` set by hand before make_strategy."""
    path = d / name
    if not path.exists():
        model = _edited(MLP((1, 40, 40, 1)), **attrs)
        train(make_strategy("maml", meta_batch=2, model=model), 2, 0, checkpoint=path)
    return path


def _strategy_run(d, strategy, name):
    path = d / name
    if not path.exists():
        train(strategy, 2, 0, checkpoint=path)
    return path


# --- strategy states edited by hand between steps ----------------------------------------------

def _update_after(edit, name="maml"):
    """One update of a fresh strategy, ``edit(state)`` by hand, then the next update."""
    strategy = make_strategy(name, meta_batch=2)
    rng = _rng()
    state = strategy.init_state(rng)
    state, _ = strategy.update(state, strategy.sample_batch(rng, state), rng, 0)
    edit(state)
    return strategy.update(state, strategy.sample_batch(rng, state), rng, 1)


def _reset_t(state):
    state["adam"]["t"] = np.zeros_like(state["adam"]["t"])


def _m_is_params(state):
    state["adam"]["m"] = state["params"]


def _v_is_m(state):
    """v made the same list as m: in a strategy's state (under 'adam'), or an Adam state."""
    adam = state["adam"] if "adam" in state else state
    adam["v"] = adam["m"]
    return state


def _resave(d, edit, name="edited.npz"):
    """The good checkpoint loaded, its state ``edit``-ed by hand, saved by save_checkpoint."""
    ck = load_checkpoint(_good(d))
    state = ck.state
    edit(state)
    return save_checkpoint(d / name, state, step=ck.step, seed=ck.seed, config=ck.config,
                           meta_losses=ck.meta_losses)


def _resume_with(d, strategy):
    return train(strategy, 4, 0, checkpoint=_good(d), resume=True)


# --- a user's family with side effects on NumPy, its generator, or its own memory --------------

def _seterr_params(self, rng, n_tasks):
    np.seterr(all="ignore")
    return Sinusoid.sample_params(self, rng, n_tasks)


def _seterr_target(self, task_params, x):
    np.seterr(all="ignore")
    return Sinusoid.target(self, task_params, x)


def _seterr_loss(pred, y):
    np.seterr(all="ignore")
    return mse(pred, y)


def _seterr_metric(self, pred, y):
    np.seterr(over="ignore")
    return Sinusoid.metric(self, pred, y)


def _rewinding_x(self, rng, task_params, n_points):
    """Puts the generator back where it was: every call draws the same points."""
    saved = rng.bit_generator.state
    x = Sinusoid.sample_x(self, rng, task_params, n_points)
    rng.bit_generator.state = saved
    return x


def _rewinding_params(self, rng, n_tasks):
    saved = rng.bit_generator.state
    params = Sinusoid.sample_params(self, rng, n_tasks)
    rng.bit_generator.state = saved
    return params


def _buffer_x(self, rng, task_params, n_points):
    """Returns one buffer of its own, refilled in place at every call."""
    x = Sinusoid.sample_x(self, rng, task_params, n_points)
    buffers = self.__dict__.setdefault("_buffers", {})
    buffer = buffers.setdefault(x.shape, np.empty_like(x))
    buffer[...] = x
    return buffer


def _cached_params(self, rng, n_tasks):
    """Draws once per n_tasks, then hands back (a copy of) the same draw."""
    cache = self.__dict__.setdefault("_params", {})
    if n_tasks not in cache:
        cache[n_tasks] = Sinusoid.sample_params(self, rng, n_tasks)
    return cache[n_tasks].copy()


def _cached_batch(self, rng, task_params, n_support, n_query):
    cache = self.__dict__.setdefault("_batches", {})
    key = (len(task_params), n_support, n_query)
    if key not in cache:
        cache[key] = Sinusoid.make_batch(self, rng, task_params, n_support, n_query)
    return cache[key]


def _train_family(family, **hyper):
    return train(make_strategy("maml", meta_batch=2, family=family, **hyper), 2, 0)


# --- Omniglot data as a user might decode it -------------------------------------------------

def _images_as(change):
    data = _data()
    return OmniglotImages(change(data.images), data.alphabets, data.characters,
                          data.n_background)


def _uint8_ink(images):
    return np.round(images * 255).astype(np.uint8)


def _gray(images):
    return (1 - images).astype(images.dtype)


def _sample(family, n_support=5, n_query=5):
    return family.sample(_rng(), 2, n_support, n_query)


# --- the command line: (id, argv(folder), mentions) -----------------------------------------

CLI_TRAIN_CASES = [
    ("train reptile meta-lr 1.5, an outer step past theta_T (epsilon above 1)", _train(
        "--strategy", "reptile", "--inner-steps", "2", "--meta-lr", "1.5"),
     ["--meta-lr", "1.5"]),
    ("train resume a reptile run with meta-lr 3, an outer step past theta_T", _resume(
        lambda d: _run(d, "reptile", inner_steps=2), "--strategy", "reptile", "--meta-lr", "3"),
     ["--meta-lr", "3"]),
    ("train resume a multitask run with meta-batch 8 above its pool of 4 training tasks",
     _resume(lambda d: _run(d, "multitask", n_train_tasks=4), "--strategy", "multitask",
             "--meta-batch", "8"),
     ["--meta-batch", "8"]),
    ("train resume a subset run with n-support 5 below its subset_size of 10", _resume(
        lambda d: _run(d, "subset", n_support=12, subset_size=10), "--strategy", "subset",
        "--n-support", "5"),
     ["--n-support", "5"]),
    ("train reptile set meta_lr=2.0, an outer step past theta_T", _train(
        "--strategy", "reptile", "--inner-steps", "2", "--set", "meta_lr=2.0"),
     ["meta_lr", "2.0"]),
    ("train resume a clusters run with n-support 3, fewer support points than its 5 classes",
     _resume(lambda d: _run(d, "maml", family="clusters", n_support=5, n_query=5),
             "--family", "clusters", "--n-support", "3"), ["--n-support", "3"]),
    ("train resume a reptile run with set n_steps=1, its outer-step schedule over before "
     "step 2", _resume(lambda d: _run(d, "reptile", inner_steps=2), "--strategy", "reptile",
                     "--set", "n_steps=1"),
     ["n_steps", "1"]),
    ("train resume a subset run with set subset_size=50 above its n-support of 12", _resume(
        lambda d: _run(d, "subset", n_support=12, subset_size=10), "--strategy", "subset",
        "--set", "subset_size=50"),
     ["subset_size", "50"]),
    ("train resume a clusters run with n-query 2, fewer query points than its 5 classes",
     _resume(lambda d: _run(d, "maml", family="clusters", n_support=5, n_query=5),
             "--family", "clusters", "--n-query", "2"), ["--n-query", "2"]),
]

CLI_OTHER_CASES = [
    ("figures quick with out the folder holding the full run's PNGs", _committed_figures,
     ["--out", "figures"]),
    ("evaluate seed 0, the seed the run was trained with", _evaluate(_good, "--seed", "0"),
     ["--seed", "0"]),
    ("compare seed 22, the eval-seed's default: training from the test tasks' seed",
     _compare("--seed", "22"), ["--seed", "22"]),
    ("evaluate seed 11, the val-seed on which compare chooses the test-time steps",
     _evaluate(_good, "--seed", "11"), ["--seed", "11"]),
    ("compare seed 11, the val-seed's default: training from the validation tasks' seed",
     _compare("--seed", "11"), ["--seed", "11"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("reptile_step meta_lr 1.5, an outer step past theta_T (epsilon above 1)", lambda d:
        (lambda m, p: reptile_step(p, _b(), m, inner_lr=0.01, inner_steps=2, meta_lr=1.5))(
            *_model_after_init()), ["meta_lr", "1.5"]),
    ("meta_loss model whose sizes a user edited after init, (1, 8, 1) to (1, 4, 1)",
     lambda d: (lambda m, p: meta_loss(p, _b(), m, inner_lr=0.01, inner_steps=1))(
         *_model_after_init(sizes=(1, 4, 1))), ["sizes"]),
    ("meta_grad model whose activation a user set to 'tanh' after construction", lambda d:
        (lambda m, p: meta_grad(p, _b(), m, inner_lr=0.01, inner_steps=1))(
            *_model_after_init(activation="tanh")), ["activation", "tanh"]),
    ("anil_meta_loss model whose batch_norm a user switched on after init", lambda d:
        (lambda m, p: anil_meta_loss(p, _b(), m, inner_lr=0.01, inner_steps=1))(
            *_model_after_init(batch_norm=True)), ["batch_norm"]),
    ("sgd_path model whose dtype a user set to float32 after init", lambda d:
        (lambda m, p: sgd_path(per_task(p, 2), _b(), m, inner_lr=0.01, loss=mse))(
            *_model_after_init(dtype=np.dtype("float32"))), ["dtype", "float32"]),
    ("closed_form_meta_loss model whose sizes a user edited after init", lambda d:
        (lambda m, p: closed_form_meta_loss(p[:2], _b(), m, lam=0.1))(
            *_model_after_init(sizes=(1, 4, 1))), ["sizes"]),
    ("subset_meta_loss model whose sizes a user widened after init to (1, 16, 1)", lambda d:
        (lambda m, p: subset_meta_loss(p, _b(), m, _rng(), subset_size=2, inner_lr=0.01,
                                       inner_steps=1))(*_model_after_init(sizes=(1, 16, 1))),
     ["sizes"]),
    ("fine_tune_tasks model whose activation a user set to 'tanh' after construction",
     lambda d: (lambda m, p: fine_tune_tasks(p, _b(), m, inner_lr=0.01, inner_steps=2))(
         *_model_after_init(activation="tanh")), ["activation", "tanh"]),
    ("meta_loss_low_rank model whose batch_norm a user switched on after init", lambda d:
        (lambda m, p: meta_loss_low_rank(p, _b(), m, inner_lr=0.01, inner_steps=1))(
            *_model_after_init(batch_norm=True)), ["batch_norm"]),
    ("pooled_loss model whose dtype a user set to float16 after init", lambda d:
        (lambda m, p: pooled_loss(p, np.zeros((5, 1)), np.zeros((5, 1)), m, loss=mse))(
            *_model_after_init(dtype=np.dtype("float16"))), ["dtype", "float16"]),
]

STRATEGY_CASES = [
    ("train a MAML whose config.inner_lr a user set to -0.01 after make_strategy", lambda d:
        train(_config_edited(inner_lr=-0.01), 2, 0), ["inner_lr", "-0.01"]),
    ("train a MAML whose config.meta_batch a user set to 0 after make_strategy", lambda d:
        train(_config_edited(meta_batch=0), 2, 0), ["meta_batch", "0"]),
    ("with_test_time of a MAML whose config.inner_steps a user set to 2.5 after "
     "make_strategy", lambda d: with_test_time(_config_edited(inner_steps=2.5), inner_lr=0.1),
     ["inner_steps", "2.5"]),
    ("make_strategy family a Sinusoid whose amplitude a user reversed after construction",
     lambda d: make_strategy("maml", meta_batch=2, family=_edited(
         Sinusoid(), amplitude=(5.0, 0.1))), ["amplitude"]),
    ("train a MAML built from a MAMLConfig whose first_order a user set to 'no' after "
     "construction", lambda d: train(MAML(MLP((1, 40, 40, 1)), Sinusoid(), config=_edited(
         MAMLConfig(meta_batch=2), first_order="no")), 2, 0), ["first_order", "'no'"]),
    ("update with a state whose adam t a user reset to 0 between steps", lambda d:
        _update_after(_reset_t), ["adam"]),
    ("update with a state whose adam v a user set to the m list itself between steps",
     lambda d: _update_after(_v_is_m), ["adam"]),
    ("update with a state whose adam m a user set to the params list itself between steps",
     lambda d: _update_after(_m_is_params), ["adam", "params"]),
    ("train a multitask whose config.head_init a user set to 'ridge' after make_strategy",
     lambda d: train(_config_edited("multitask", {"n_train_tasks": 4}, head_init="ridge"), 2,
                     0), ["head_init", "ridge"]),
    ("train a MAML whose family a user replaced by GaussianClusters() after make_strategy",
     lambda d: train(_edited(_maml2(), family=GaussianClusters()), 2, 0), ["family"]),
    ("train a Reptile with meta_lr 1.5, an outer step past theta_T", lambda d: train(
        make_strategy("reptile", meta_batch=2, inner_steps=2, meta_lr=1.5), 2, 0),
     ["meta_lr", "1.5"]),
]

EVALUATE_CASES = [
    ("select_test_time seed 22, the seed of the held-out test tasks", lambda d: _select(
        seed=22), ["seed", "22"]),
    ("evaluate seed 11, the seed select_test_time chooses the step size on", lambda d:
        _evaluate_call(seed=11), ["seed", "11"]),
    ("evaluate a user family whose sample_params calls np.seterr(all='ignore')", lambda d:
        _evaluate_call(family=_family(sample_params=_seterr_params)),
     ["sample_params", "seterr"]),
    ("select_test_time a user family whose metric calls np.seterr(over='ignore')", lambda d:
        _sinusoid_select(_family(metric=_seterr_metric)), ["metric", "seterr"]),
    ("evaluate a user family whose sample_params hands back its first draw again "
     "(chunk_size 1)", lambda d: _evaluate_call(family=_family(sample_params=_cached_params),
                                                chunk_size=1), ["sample_params"]),
    ("select_test_time a user family whose sample_x rewinds the rng it is given", lambda d:
        _sinusoid_select(_family(sample_x=_rewinding_x)), ["sample_x", "rng"]),
    ("evaluate a user family whose sample_x refills one buffer it returns every call",
     lambda d: _evaluate_call(family=_family(sample_x=_buffer_x)), ["sample_x"]),
    ("evaluate a Sinusoid whose x_range a user reversed after construction", lambda d:
        _evaluate_call(family=_edited(Sinusoid(), x_range=(5.0, -5.0))), ["x_range"]),
    ("held_out_tasks a GaussianClusters whose n_way a user lowered to 3 after construction",
     lambda d: held_out_tasks(_edited(GaussianClusters(), n_way=3), 2, 5, 5),
     ["n_way", "3"]),
    ("train a MAML whose family's amplitude a user set to (0.0, 0.0) after make_strategy",
     lambda d: train(_family_edited(_maml2(), amplitude=(0.0, 0.0)), 2, 0), ["amplitude"]),
]

CHECKPOINT_CASES = [
    ("save_checkpoint a state whose adam m a user set to the params list itself", lambda d:
        _resave(d, _m_is_params), ["adam", "params"]),
    ("save_checkpoint a state whose adam v a user set to the m list itself", lambda d:
        _resave(d, _v_is_m), ["adam"]),
    ("restore a run whose model's activation a user set to 'tanh' after construction",
     lambda d: restore(_model_run(d, "tanh.npz", activation="tanh")), ["activation", "tanh"]),
    ("evaluate on the command line a run whose model's activation a user set to 'tanh' after "
     "construction", lambda d: ["evaluate", "--checkpoint", str(_model_run(
         d, "tanh.npz", activation="tanh")), "--tasks", "4"], ["activation", "tanh"]),
    ("restore a run whose family's x_range a user reversed after construction", lambda d:
        restore(_strategy_run(d, _family_edited(_maml2(), x_range=(5.0, -5.0)), "xr.npz")),
     ["x_range"]),
    ("train with a checkpoint a MAML whose config.inner_steps a user set to 0 after "
     "make_strategy, then restore", lambda d: restore(_strategy_run(
         d, _config_edited(inner_steps=0), "k0.npz")), ["inner_steps", "0"]),
    ("train resume the good run with a strategy whose config.meta_batch a user set to 0",
     lambda d: _resume_with(d, _config_edited(meta_batch=0)), ["meta_batch", "0"]),
    ("train resume the good run with a strategy whose config.first_order a user set to True",
     lambda d: _resume_with(d, _config_edited(first_order=True)), ["first_order"]),
    ("train resume the good run with a strategy whose family a user replaced by "
     "LinearRegression()", lambda d: _resume_with(d, _edited(
         _maml2(), family=LinearRegression())), ["family"]),
]

NN_CASES = [
    ("MLP apply after a user edited sizes (1, 8, 1) to (1, 4, 1) on the model", lambda d:
        (lambda m, p: m.apply(p, np.zeros((5, 1))))(*_model_after_init(sizes=(1, 4, 1))),
     ["sizes"]),
    ("MLP apply after a user set activation to 'tanh' on the model", lambda d:
        (lambda m, p: m.apply(p, np.zeros((5, 1))))(*_model_after_init(activation="tanh")),
     ["activation", "tanh"]),
    ("MLP apply after a user set dtype to float16 on the model", lambda d:
        (lambda m, p: m.apply(p, np.zeros((5, 1))))(*_model_after_init(
            dtype=np.dtype("float16"))), ["dtype", "float16"]),
    ("MLP apply after a user switched batch_norm on, on the model", lambda d:
        (lambda m, p: m.apply(p, np.zeros((5, 1))))(*_model_after_init(batch_norm=True)),
     ["batch_norm"]),
    ("MLP init after a user set sizes to (1, 0, 1) on the model", lambda d: _edited(
        MLP((1, 8, 1)), sizes=(1, 0, 1)).init(_rng()), ["sizes"]),
    ("adam_update state whose m is the params list itself", lambda d: (lambda p: adam_update(
        p, [np.ones_like(a) for a in p], {**adam_init(p), "m": p}, 1e-3))(
            _model_after_init()[1]), ["state"]),
    ("adam_update state whose v is the same list as its m", lambda d: (lambda p: adam_update(
        p, [np.ones_like(a) for a in p], _v_is_m(adam_init(p)), 1e-3))(
            _model_after_init()[1]), ["state"]),
    ("adam_rows state whose m is the params list itself", lambda d: (lambda p: adam_rows(
        p, {"t": np.zeros(3, int), "m": p, "v": [np.zeros((3, 2))]}, [np.ones((3, 2))],
        np.arange(3), 1e-3))([np.full((3, 2), 0.5)]), ["state"]),
]

TASK_CASES = [
    ("a user family whose sample_params calls np.seterr(all='ignore'), in train", lambda d:
        _train_family(_family(sample_params=_seterr_params)), ["sample_params", "seterr"]),
    ("a user family whose target calls np.seterr(all='ignore'), in held_out_tasks", lambda d:
        held_out_tasks(_family(target=_seterr_target), 2, 5, 5), ["target", "seterr"]),
    ("a user family whose loss calls np.seterr(all='ignore'), in train", lambda d:
        _train_family(_family(loss=staticmethod(_seterr_loss))), ["loss", "seterr"]),
    ("a user family whose sample_x rewinds the rng it is given, in train", lambda d:
        _train_family(_family(sample_x=_rewinding_x)), ["sample_x", "rng"]),
    ("a user family whose sample_params rewinds the rng it is given, in held_out_tasks",
     lambda d: held_out_tasks(_family(sample_params=_rewinding_params), 2, 5, 5),
     ["sample_params", "rng"]),
    ("a user family whose sample_x refills one buffer it returns every call, in "
     "held_out_tasks", lambda d: held_out_tasks(_family(sample_x=_buffer_x), 2, 5, 5),
     ["sample_x"]),
    ("a user family whose sample_params hands back its first draw again, in train", lambda d:
        _train_family(_family(sample_params=_cached_params)), ["sample_params"]),
    ("a user family whose make_batch hands back its first batch again, in train", lambda d:
        _train_family(_family(make_batch=_cached_batch)), ["make_batch"]),
    ("a Sinusoid whose phase a user reversed after construction, in held_out_tasks",
     lambda d: held_out_tasks(_edited(Sinusoid(), phase=(np.pi, 0.0)), 2, 5, 5), ["phase"]),
    ("a LinearRegression whose noise a user set to -0.1 after construction, in train",
     lambda d: _train_family(_edited(LinearRegression(), noise=-0.1)), ["noise", "-0.1"]),
    ("a GaussianClusters whose spread a user set to 0 after construction, in held_out_tasks",
     lambda d: held_out_tasks(_edited(GaussianClusters(), spread=0.0), 2, 5, 5),
     ["spread", "0"]),
    ("a GaussianClusters whose dim a user changed to 4 after construction, in "
     "held_out_tasks", lambda d: held_out_tasks(_edited(GaussianClusters(), dim=4), 2, 5, 5),
     ["dim", "4"]),
    ("a SinusoidFrequency whose frequency a user reversed after construction, in sample",
     lambda d: _sample(_edited(SinusoidFrequency(), frequency=(2.0, 0.5))), ["frequency"]),
]

OMNIGLOT_CASES = [
    ("Omniglot whose n_way a user raised to 6 after construction, in sample", lambda d:
        _sample(_edited(_omniglot(), n_way=6), 6, 6), ["n_way", "6"]),
    ("Omniglot whose n_way a user lowered to 3 after construction, in held_out_tasks",
     lambda d: held_out_tasks(_edited(_omniglot(), n_way=3), 2, 3, 3), ["n_way", "3"]),
    ("Omniglot whose split a user changed to 'test' after construction, in sample", lambda d:
        _sample(_edited(_omniglot(), split="test")), ["split", "test"]),
    ("Omniglot whose dtype a user set to float16 after construction, in sample", lambda d:
        _sample(_edited(_omniglot(), dtype=np.dtype("float16"))), ["dtype", "float16"]),
    ("Omniglot whose n_train a user changed to 100 after construction, in sample", lambda d:
        _sample(_edited(_omniglot(), n_train=100)), ["n_train", "100"]),
    ("Omniglot dtype np.uint8, an integer type for the inputs", lambda d: _sample(_omniglot(
        dtype=np.uint8)), ["dtype", "uint8"]),
    ("Omniglot data whose images a user decoded as uint8 ink 0-255, not scaled to [0, 1]",
     lambda d: _sample(Omniglot(5, data=_images_as(_uint8_ink))), ["images", "uint8"]),
    ("Omniglot data whose images a user decoded as gray levels (1 - ink, white background)",
     lambda d: _sample(Omniglot(5, data=_images_as(_gray))), ["images"]),
    ("Omniglot data whose n_background a user set to 0", lambda d: _sample(Omniglot(
        5, data=OmniglotImages(_data().images, _data().alphabets, _data().characters, 0))),
     ["n_background", "0"]),
    ("Omniglot whose data a user replaced after construction by gray-level images",
     lambda d: _sample(_edited(_omniglot(), data=_images_as(_gray))), ["data"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "train with a checkpoint a MAML whose config.inner_steps a user set to 0 after "
    "make_strategy, then restore": "not a bad input: K = 0 is a legal number of inner steps "
    "(MAML without an inner loop; the library's own message says 'inner_steps (K) must be an "
    "integer >= 0')",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 2)."""
    return kept_cases(cases, (1, 2), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0].lower()


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    "figures quick with out the folder holding the full run's PNGs":
        "doubtful, kept as a miss: quick figures overwrite the full run's PNGs in that folder "
        "without a word; the figures job does not tell a quick run's folder from a full one's",
    "evaluate seed 11, the val-seed on which compare chooses the test-time steps":
        "not refused: evaluate does not know which seed a later compare validates on",
    "compare seed 11, the val-seed's default: training from the validation tasks' seed":
        "not refused: compare does not refuse a --seed equal to its --val-seed",
    "evaluate a user family whose sample_params hands back its first draw again (chunk_size 1)":
        "not detectable from one call: a family that caches a draw looks like one that "
        "draws nothing",
    "select_test_time a user family whose sample_x rewinds the rng it is given":
        "not detected: rewinding leaves the generator's state as if nothing was drawn",
    "a user family whose sample_params calls np.seterr(all='ignore'), in train":
        "not detected: under train the setting it makes is already in force, so nothing "
        "changes",
    "a user family whose sample_x rewinds the rng it is given, in train":
        "not detected: rewinding leaves the generator's state as if nothing was drawn",
    "a user family whose sample_params rewinds the rng it is given, in held_out_tasks":
        "not detected: rewinding leaves the generator's state as if nothing was drawn",
    "Omniglot data whose n_background a user set to 0":
        "not refused: the images record's n_background is not checked against its arrays",
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_ninetieth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_ninetieth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
