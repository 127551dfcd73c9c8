"""A forty-sixth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed, the environment set
where a case gives one). Written blind, in a worktree at commit 8625971, from the user's side
only: the README; ``--help`` of ``python -m scratchmeta`` and of ``train``, ``evaluate``,
``compare``, ``demo`` and ``figures``; the public names and signatures of ``scratchmeta.meta``'s
modules (``maml``, ``anil``, ``subset``, ``multitask``, ``reptile``, ``ridge``,
``softmax_head``, ``adapt``, ``registry`` with its ``STRATEGIES`` and ``FAMILIES`` names,
``checkpoint``, ``training``, ``evaluate``, ``closed_form``), ``nn``, ``optim``, ``batchnorm``,
``tasks``, ``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``; after the
first run (to judge the misses only) the docstrings of ``batchnorm.batch_norm`` and
``checkpoint.save_checkpoint``; and the earlier batteries' ids, layout and shared helpers
(imported, not copied). Not read: the body of any validation code (``checks.py``,
``_checks.py``, ``check_*``, ``protocol.py``), the library's source beyond that, its history,
anything of /work/main. No ``__main__`` module was imported; the command line runs through the
shared helpers (``_train``, ``_evaluate``, ``_compare``) and every case writes only inside its
temporary folder (the bz2 files and the fake Omniglot root are made there; the one ``cache_dir``
is inside it).

Areas (the command line and Chapter 2's side; the engine, gradcheck, samplers, diagnostics,
testing kit, figures helpers and memory functions are another writer's), as written: train on
the command line (10), evaluate and compare (10), Chapter 2's functions -- meta_grad,
inner_sgd, anil_meta_loss, subset_meta_loss, multitask_loss, ridge_fit, newton_solve,
softmax_head, reptile_step, adapt's sgd_path (12), strategies, their configs and the registry
(8), evaluate and train in the library (10), checkpoints (12), nn/optim/batchnorm (8), task
families and a user's own family (10), Omniglot (8): 88. No ``figures``, ``demo`` or
``SCRATCHMETA_KEEP_FREED_MEMORY`` case: ``demo`` and ``figures`` take no number option
(``figures --only`` stems and the variable's values were found exhausted by the forty-first to
forty-fourth batteries), and the two kinds below on the command line are number literals.

Kinds of bad value, none named by an earlier id on that function and argument (ctypes, UUID
and weakref by no earlier id on this side at all; ctypes and weakref only on the engine's and
samplers' side): a ``ctypes.c_double`` / ``ctypes.c_int`` box (no ``__float__``, no
``__index__``; NumPy reads it through the buffer protocol as a 0-d array) where a number or a
count is meant (meta_grad, sgd_path inner_lr, ridge_fit lam, newton_solve max_steps,
softmax_head tol, reptile_step and make_strategy meta_lr, anil_meta_loss and MAMLConfig
inner_steps, ClosedFormConfig meta_batch, make_family clusters spread and sinusoid amplitude
(a pair of them), evaluate n_support and n_tasks, train checkpoint_every and log_every,
held_out_tasks n_support, format_interval mean, save step, meta_losses (alone and a list of
them) and a state's weight, per_task n_tasks, adam_update lr, batch_norm eps and offset, MLP
sizes (a list of them), Sinusoid sample n_query, sample_params n_tasks and phase (a pair),
LinearRegression scale, GaussianClusters dim and sample n_support, Omniglot n_way,
n_validation and rotate (a list), check_shots n_query, finn_split n_validation); a
``uuid.UUID`` (it has ``__int__``) where a seed, a count, a generator, a form name or params
are meant (subset_meta_loss, MLP init, finn_init, Sinusoid, LinearRegression and Omniglot
sample rng; evaluate, train and save seed; ReptileConfig n_steps, MAMLConfig n_query,
held_out_tasks start, ridge_fit form, adam_init params); a ``weakref.ref`` -- callable, but of
no arguments, giving its object -- where a function, a model or a path is meant (meta_grad and
multitask_loss loss, inner_sgd apply, make_strategy model, a user's family whose loss is one in
evaluate and in train, and whose sample_x is one; check_checkpoint_path and restore path,
restore root and omniglot load cache_dir -- a weakref to a user's ``os.PathLike``); a
``collections.deque`` of pairs where save's config (a mapping) is meant; files that are not
what they claim -- the good checkpoint compressed with bz2 under a .npz name
(load_checkpoint, restore, evaluate --checkpoint, train --out with --resume; data loss if it
were overwritten) and under ``good.npz.bz2``, an Omniglot root whose zips are bz2-compressed;
odd command lines -- a MATHEMATICAL BOLD digit, which Python's ``int()`` reads as the digit
(train --steps, --meta-batch, --n-query, --checkpoint-every, --inner-steps; evaluate --steps,
--tasks, --support; compare --steps, --val-seed), a ZERO WIDTH SPACE before or after a number
(train --meta-lr, --inner-lr, --lam; evaluate and compare --query, compare --adapt-steps) and
a NO-BREAK SPACE inside one (train --seed, compare --eval-seed). Mentions: the argument's name
as in the signature (the dashed option on the command line, the file's name for files, the
weight's key for a state) and the value's repr where short (the digit given, the repr of the
string with its invisible space, e.g. ``'0.1\\u200b'``), else the type's name (``c_double``,
``c_int``, ``UUID``, ``weakref``, ``deque``).

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py``: 7,541 id-like tuple heads by a regex at the start of each
case tuple) were compared with every draft by token overlap (Jaccard, filler words left out);
108 pairs reached 0.45 and were listed, the 18 at 0.6 or more were read (``ReptileConfig check
n_steps a float/Fraction/complex/0``, ``MAMLConfig check n_query a range/Decimal``, ``MLP init
rng None/a list/a float/...``, ``sinusoid sample rng None/a seed``, ``make_strategy model the
MLP class``, and three ctypes ids on other functions: ``check_grads eps``, ``logistic scale``,
``optimal_acceptance dim``): none the same kind on the same argument, so all kept; and the
earlier ids on each function and argument were grepped for the kind (ctypes, UUID, weakref,
deque, bz2, bold, zero-width, no-break, and for weakrefs any callable of no arguments). Of 107
drafted (all before any run), 19 were removed: 2 as repeats -- ``train progress a weakref to a
function`` (after ``train progress a function of no arguments``: a weakref is just that) and
``a user family whose target is a weakref to a function`` (after ``a user family whose target
takes no x``); 1 with two faults (``save path the good checkpoint's bz2`` with a ctypes step);
6 not clearly bad -- a no-break space before or after a number (train --meta-lr, --inner-lr,
--lam, evaluate and compare --query, compare --adapt-steps): Python's own ``float``/``int``
strip it and give the number meant, as the twenty-eighth battery found for the variable's
value; 10 deques where NumPy or a sequence reads them as meant (ridge_fit features, batch_norm
h, adam_init params, MLP sizes, Sinusoid phase, make_family amplitude, Omniglot rotate,
finn_split alphabets, save meta_losses and a state's weight). They were replaced, before any
run, by the ctypes, UUID and zero-width-space drafts above. Also fixed before any run, each
wrong in itself: ``--strategy ridge`` (no such strategy; ``closed_form`` has ``--lam``) and
the family name ``gaussian_clusters`` (it is ``clusters``).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (2, 4)`` were kept (``_kept``): 55 of the 88. After
the first run a case could only be dropped or corrected, never added or swapped.

Dropped (``DROPPED``): none. Corrected after the first run, each wrong in itself: four
weakref cases (``check_checkpoint_path path``, ``restore root`` and ``omniglot load
cache_dir``, kept; ``restore path``, not kept) made ``weakref.ref`` of a ``PosixPath``, which
cannot be weakly referenced: the case raised "cannot create weak reference to 'PosixPath'
object" before any call; now a weakref to a user's ``os.PathLike`` on the same path (all four
clear then). ``check_shots n_query a ctypes int`` (kept) also gave n_support=1 for n_way=5, a
second fault the message named ("n_support must be a multiple of n_way=5"); n_support is now 5
(clear then).

First run at 8625971 (about 3 s as a script, 4 s under pytest), before the corrections: kept,
50 of 55 clear (90.9%), 5 unclear (9.1%), 0 silent, 0 data loss -- cli train 6/6, cli
evaluate/compare 6/6, meta functions 8/8, strategies 5/5, evaluate and train 6/6, checkpoints
6/8, nn/optim/batchnorm 4/5, task families 6/6, omniglot 3/5 (the 4 unclear besides
``batch_norm offset`` being the cases wrong in themselves above). After them: kept, 54 of 55
clear (98.2%), 1 unclear (1.8%), 0 silent, 0 data loss -- 6/6, 6/6, 8/8, 5/5, 6/6, 8/8, 4/5,
6/6, 5/5. Written (run after the corrections only), 85 of 88 clear (96.6%), 3 unclear (3.4%),
0 silent, 0 data loss -- 10/10, 10/10, 12/12, 8/8, 10/10, 10/12, 7/8, 10/10, 8/8. No
checkpoint was lost or changed: the bz2 under a .npz name given to train --out with --resume
was refused, and every bold-digit, zero-width and no-break command line was refused by its
option and value. Under pytest: 55 passed, 1 failed (the unclear case below).

Not clear, kept:
- ``batch_norm offset a ctypes double``: unclear -- ValueError "offset must have shape (3,) for
  h of shape (4, 3), got shape ()": names offset and the shape NumPy reads from the ctypes box
  (a 0-d array, by the buffer protocol), not ``c_double``. Arguable: by batch_norm's docstring
  offset is None or of shape (features,), and the shape is what is wrong.
Not clear, written and not kept:
- ``save meta_losses a list of ctypes doubles``: unclear -- ValueError "could not convert
  string to float: c_double(1.0)": NumPy's own message, it names neither meta_losses nor where.
- ``save meta_losses a ctypes double alone``: unclear -- ValueError "meta_losses must hold one
  loss per completed step, shape (1,), got shape (): array(1.)": names meta_losses and a 0-d
  array, not the ``c_double`` given.

Measured on main at 8625971 (the commit it was written at): the same, kept 54 of 55 clear
(98.2%), 1 unclear, 0 silent, 0 data loss; written, 85 of 88. Round 31 (with sight of this
file, so not blind): batch norm's scale and offset name a value that is no array by its type
in the shape message; ``save_checkpoint`` refuses meta_losses that NumPy cannot read as
numbers (a list of ctypes doubles) by name, and names the type of a bare value of the wrong
shape. After it: all 55 kept and all 88 written clear.
"""

import bz2
import collections
import ctypes
import uuid
import weakref

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import check_shots, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import check_checkpoint_path, load_checkpoint, restore
from scratchmeta.meta.closed_form import ClosedFormConfig
from scratchmeta.meta.evaluate import format_interval, held_out_tasks
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.reptile import ReptileConfig, reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_main, battery_params,
                                  kept_cases)
from test_bad_inputs_fifth import _evaluate_call, _features, _save
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _m, _p
from test_bad_inputs_twentyfourth import _data, _omni

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()

CD = "c_double"   # ctypes.c_double(x): a C double box, no __float__: not a number
CI = "c_int"      # ctypes.c_int(n): a C int box, no __index__: not a count
WR = "weakref"    # weakref.ref(function): callable, but of no arguments (gives the function)
UU = "UUID"       # uuid.UUID: has __int__ but is not a seed, a count or a generator
DQ = "deque"      # collections.deque where a mapping is meant

BOLD2 = "\U0001d7d0"    # MATHEMATICAL BOLD DIGIT TWO (Python's int() reads it as 2)
BOLD5 = "\U0001d7d3"    # MATHEMATICAL BOLD DIGIT FIVE
NBSP = "\u00a0"         # NO-BREAK SPACE (Python's int() strips it at the ends, not inside)
ZWSP = "\u200b"         # ZERO WIDTH SPACE (invisible; not whitespace to int() or float())


# --- objects the cases use -------------------------------------------------------------------

def _cd(x):
    return ctypes.c_double(x)


def _ci(n):
    return ctypes.c_int(n)


def _uuid():
    return uuid.UUID(int=7)


def _mse(*args, **kwargs):
    from scratchmeta.tasks import mse
    return mse(*args, **kwargs)


def _apply(*args, **kwargs):
    return _m().apply(*args, **kwargs)


WR_LOSS = weakref.ref(_mse)      # module-level functions: the references stay alive
WR_APPLY = weakref.ref(_apply)


class _Where:
    """A user's os.PathLike object (weak references can be made to it; not to a PosixPath)."""

    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return str(self.path)


_ALIVE = []   # the PathLike objects the weak references point to, kept alive


def _wref_path(path):
    """A weakref.ref to a PathLike on ``path``: called with no arguments it gives the path."""
    where = _Where(path)
    _ALIVE.append(where)
    return weakref.ref(where)


def _bz2_of_good(d, name="squeezed.npz"):
    """The good checkpoint compressed with bz2, still named .npz (not a zip)."""
    path = d / name
    if not path.exists():
        path.write_bytes(bz2.compress(_good(d).read_bytes()))
    return path


def _bz2_root(d):
    """An Omniglot root whose two .zip files are the real zips compressed with bz2."""
    root = d / "bz2root"
    if not root.exists():
        root.mkdir()
        for name in ("images_background.zip", "images_evaluation.zip"):
            (root / name).write_bytes(bz2.compress((REAL_DATA / name).read_bytes()))
    return root


def _family(**attrs):
    return type("UserFamily", (Sinusoid,), attrs)()


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("train steps a mathematical bold digit", _train("--steps", BOLD2), ["--steps", BOLD2]),
    ("train meta-lr with a trailing zero-width space", _train("--meta-lr", "0.1" + ZWSP),
     ["--meta-lr", repr("0.1" + ZWSP)]),
    ("train meta-batch a mathematical bold digit", _train("--meta-batch", BOLD2),
     ["--meta-batch", BOLD2]),
    ("train inner-lr with a leading zero-width space", _train("--inner-lr", ZWSP + "0.01"),
     ["--inner-lr", repr(ZWSP + "0.01")]),
    ("train n-query a mathematical bold digit", _train("--n-query", BOLD5),
     ["--n-query", BOLD5]),
    ("train resume out a bz2 of the good checkpoint named .npz", lambda d: [
        "train", "--steps", "3", "--out", str(_bz2_of_good(d)), "--resume"],
     ["squeezed.npz"]),
    ("train checkpoint-every a mathematical bold digit", _train("--checkpoint-every", BOLD2),
     ["--checkpoint-every", BOLD2]),
    ("train lam with a trailing zero-width space", _train(
        "--strategy", "closed_form", "--lam", "1.0" + ZWSP), ["--lam", repr("1.0" + ZWSP)]),
    ("train inner-steps a mathematical bold digit", _train("--inner-steps", BOLD2),
     ["--inner-steps", BOLD2]),
    ("train seed with a no-break space inside", _train("--seed", "1" + NBSP + "2"),
     ["--seed", repr("1" + NBSP + "2")]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint a bz2 of the good checkpoint named .npz", _evaluate(_bz2_of_good),
     ["--checkpoint", "squeezed.npz"]),
    ("evaluate steps a mathematical bold digit", _evaluate(_good, "--steps", BOLD2),
     ["--steps", BOLD2]),
    ("evaluate query with a trailing zero-width space", _evaluate(
        _good, "--query", "5" + ZWSP), ["--query", repr("5" + ZWSP)]),
    ("evaluate tasks a mathematical bold digit", lambda d: [
        "evaluate", "--checkpoint", str(_good(d)), "--tasks", BOLD5], ["--tasks", BOLD5]),
    ("compare steps a mathematical bold digit", lambda d: [
        "compare", "--steps", BOLD2, "--tasks", "4", "--val-tasks", "4", "--adapt-steps", "1",
        "--strategies", "maml"], ["--steps", BOLD2]),
    ("compare query with a trailing zero-width space", _compare("--query", "5" + ZWSP),
     ["--query", repr("5" + ZWSP)]),
    ("compare val-seed a mathematical bold digit", _compare("--val-seed", BOLD2),
     ["--val-seed", BOLD2]),
    ("compare adapt-steps with a leading zero-width space", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--adapt-steps",
        ZWSP + "1", "--strategies", "maml"], ["--adapt-steps", repr(ZWSP + "1")]),
    ("evaluate support a mathematical bold digit", _evaluate(_good, "--support", BOLD5),
     ["--support", BOLD5]),
    ("compare eval-seed with a no-break space inside", _compare(
        "--eval-seed", "1" + NBSP + "2"), ["--eval-seed", repr("1" + NBSP + "2")]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("meta_grad inner_lr a ctypes double", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=_cd(0.01), inner_steps=1), ["inner_lr", CD]),
    ("meta_grad loss a weakref to mse", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=WR_LOSS), ["loss", WR]),
    ("ridge_fit lam a ctypes double", lambda d: ridge_fit(*_features(), _cd(0.1)),
     ["lam", CD]),
    ("ridge_fit form a UUID", lambda d: ridge_fit(*_features(), 0.1, form=_uuid()),
     ["form", UU]),
    ("newton_solve max_steps a ctypes int", lambda d: newton_solve(
        *_features(), 0.1, max_steps=_ci(5)), ["max_steps", CI]),
    ("inner_sgd apply a weakref to the model's apply", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, WR_APPLY, inner_lr=0.01,
        inner_steps=1), ["apply", WR]),
    ("softmax_head tol a ctypes double", lambda d: softmax_head(
        *_features(), 0.1, tol=_cd(1e-8)), ["tol", CD]),
    ("reptile_step meta_lr a ctypes double", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=_cd(0.1)), ["meta_lr", CD]),
    ("anil_meta_loss inner_steps a ctypes int", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=_ci(1)), ["inner_steps", CI]),
    ("subset_meta_loss rng a UUID", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _uuid(), subset_size=2, inner_lr=0.01, inner_steps=1),
     ["rng", UU]),
    ("multitask_loss loss a weakref to mse", lambda d: multitask_loss(
        _p()[:2], [np.ones((2, 8, 1)), np.ones((2, 1))], _b().x_support, _b().y_support,
        _m(), loss=WR_LOSS), ["loss", WR]),
    ("sgd_path inner_lr a ctypes double", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=_cd(0.01), loss=_mse), ["inner_lr", CD]),
]

STRATEGY_CASES = [
    ("MAMLConfig check inner_steps a ctypes int", lambda d: MAMLConfig(
        inner_steps=_ci(1)).check(), ["inner_steps", CI]),
    ("make_strategy meta_lr a ctypes double", lambda d: make_strategy(
        "maml", meta_lr=_cd(0.001)), ["meta_lr", CD]),
    ("ReptileConfig check n_steps a UUID", lambda d: ReptileConfig(
        n_steps=_uuid()).check(), ["n_steps", UU]),
    ("ClosedFormConfig check meta_batch a ctypes int", lambda d: ClosedFormConfig(
        meta_batch=_ci(4)).check(), ["meta_batch", CI]),
    ("make_family sinusoid amplitude a pair of ctypes doubles", lambda d: make_family(
        "sinusoid", amplitude=(_cd(0.1), _cd(5.0))), ["amplitude", CD]),
    ("make_strategy model a weakref to an MLP", lambda d: make_strategy(
        "maml", model=weakref.ref(_m())), ["model", WR]),
    ("MAMLConfig check n_query a UUID", lambda d: MAMLConfig(n_query=_uuid()).check(),
     ["n_query", UU]),
    ("make_family clusters spread a ctypes double", lambda d: make_family(
        "clusters", spread=_cd(2.0)), ["spread", CD]),
]

EVALUATE_CASES = [
    ("evaluate n_support a ctypes int", lambda d: _evaluate_call(n_support=_ci(5)),
     ["n_support", CI]),
    ("evaluate seed a UUID", lambda d: _evaluate_call(seed=_uuid()), ["seed", UU]),
    ("train log_every a ctypes int", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, log_every=_ci(1)), ["log_every", CI]),
    ("train checkpoint_every a ctypes int", lambda d: train(
        make_strategy("maml", meta_batch=2), 2, 0, checkpoint=d / "c.npz",
        checkpoint_every=_ci(1)), ["checkpoint_every", CI]),
    ("held_out_tasks start a UUID", lambda d: held_out_tasks(Sinusoid(), 2, 5, 5,
                                                             start=_uuid()), ["start", UU]),
    ("format_interval mean a ctypes double", lambda d: format_interval(_cd(0.5), 0.1),
     ["mean", CD]),
    ("train seed a UUID", lambda d: train(make_strategy("maml", meta_batch=2), 2, _uuid()),
     ["seed", UU]),
    ("evaluate n_tasks a ctypes int", lambda d: _evaluate_call(n_tasks=_ci(2)),
     ["n_tasks", CI]),
    ("held_out_tasks n_support a ctypes int", lambda d: held_out_tasks(
        Sinusoid(), 2, _ci(5), 5), ["n_support", CI]),
    ("evaluate family a user's family whose loss is a weakref to mse", lambda d:
        _evaluate_call(family=_family(loss=staticmethod(WR_LOSS))), ["loss", WR]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint a bz2 of the good checkpoint named .npz", lambda d: load_checkpoint(
        _bz2_of_good(d)), ["squeezed.npz"]),
    ("restore a bz2 of the good checkpoint named .npz", lambda d: restore(_bz2_of_good(d)),
     ["squeezed.npz"]),
    ("save step a ctypes int", lambda d: _save(d, step=_ci(1)), ["step", CI]),
    ("save seed a UUID", lambda d: _save(d, seed=_uuid()), ["seed", UU]),
    ("save meta_losses a list of ctypes doubles", lambda d: _save(
        d, meta_losses=[_cd(1.0)]), ["meta_losses", CD]),
    ("save state a weight that is a ctypes double", lambda d: _save(
        d, state={"w": _cd(1.0)}), ["w", CD]),
    ("check_checkpoint_path path a weakref to a path", lambda d: check_checkpoint_path(
        _wref_path(d / "c.npz")), ["path", WR]),
    ("restore path a weakref to the good checkpoint's path", lambda d: restore(
        _wref_path(_good(d))), ["path", WR]),
    ("restore root a weakref to the Omniglot folder", lambda d: restore(
        _good(d), root=_wref_path(REAL_DATA)), ["root", WR]),
    ("save meta_losses a ctypes double alone", lambda d: _save(d, meta_losses=_cd(1.0)),
     ["meta_losses", CD]),
    ("load_checkpoint a bz2 of the good checkpoint under its own name good.npz.bz2",
     lambda d: load_checkpoint(_bz2_of_good(d, "good.npz.bz2")), ["good.npz.bz2"]),
    ("save config a deque", lambda d: _save(d, config=collections.deque([("lr", 0.1)])),
     ["config", DQ]),
]

NN_CASES = [
    ("MLP init rng a UUID", lambda d: _m().init(_uuid()), ["rng", UU]),
    ("per_task n_tasks a ctypes int", lambda d: per_task(_p(), _ci(2)), ["n_tasks", CI]),
    ("adam_update lr a ctypes double", lambda d: adam_update(
        [np.ones(2)], [np.ones(2)], adam_init([np.ones(2)]), _cd(1e-3)), ["lr", CD]),
    ("batch_norm offset a ctypes double", lambda d: batch_norm(
        np.ones((4, 3)), offset=_cd(0.0)), ["offset", CD]),
    ("finn_init rng a UUID", lambda d: finn_init(_uuid(), (1, 4, 1)), ["rng", UU]),
    ("MLP sizes a list of ctypes ints", lambda d: MLP([_ci(1), _ci(8), _ci(1)]),
     ["sizes", CI]),
    ("batch_norm eps a ctypes double", lambda d: batch_norm(np.ones((4, 3)), eps=_cd(1e-3)),
     ["eps", CD]),
    ("adam_init params a UUID", lambda d: adam_init(_uuid()), ["params", UU]),
]

TASK_CASES = [
    ("Sinusoid sample rng a UUID", lambda d: Sinusoid().sample(_uuid(), 2, 5, 5),
     ["rng", UU]),
    ("Sinusoid sample n_query a ctypes int", lambda d: Sinusoid().sample(
        _rng(), 2, 5, _ci(5)), ["n_query", CI]),
    ("LinearRegression scale a ctypes double", lambda d: LinearRegression(scale=_cd(1.0)),
     ["scale", CD]),
    ("GaussianClusters dim a ctypes int", lambda d: GaussianClusters(dim=_ci(8)),
     ["dim", CI]),
    ("a user family whose loss is a weakref to mse, in train", lambda d: train(
        make_strategy("maml", meta_batch=2, family=_family(loss=staticmethod(WR_LOSS))), 2,
        0), ["loss", WR]),
    ("LinearRegression sample rng a UUID", lambda d: LinearRegression().sample(
        _uuid(), 2, 5, 5), ["rng", UU]),
    ("Sinusoid phase a pair of ctypes doubles", lambda d: Sinusoid(
        phase=(_cd(0.0), _cd(3.0))), ["phase", CD]),
    ("GaussianClusters sample n_support a ctypes int", lambda d: GaussianClusters().sample(
        _rng(), 2, _ci(5), 5), ["n_support", CI]),
    ("a user family whose sample_x is a weakref to a function", lambda d: _evaluate_call(
        family=_family(sample_x=staticmethod(WR_APPLY))), ["sample_x", WR]),
    ("Sinusoid sample_params n_tasks a ctypes int", lambda d: Sinusoid().sample_params(
        _rng(), _ci(2)), ["n_tasks", CI]),
]

OMNIGLOT_CASES = [
    ("omniglot load root with bz2-compressed zips", lambda d: omniglot_data.load(
        _bz2_root(d), cache_dir=d / "cache", progress=False), ["images_background.zip"]),
    ("Omniglot n_way a ctypes int", lambda d: _omni(n_way=_ci(5)), ["n_way", CI]),
    ("Omniglot sample rng a UUID", lambda d: _omni().sample(_uuid(), 2, 1, 5), ["rng", UU]),
    ("check_shots n_query a ctypes int", lambda d: check_shots(5, 2, 5, _ci(5)),
     ["n_query", CI]),
    ("finn_split n_validation a ctypes int", lambda d: finn_split(
        _data().alphabets, _data().characters, n_validation=_ci(100)),
     ["n_validation", CI]),
    ("Omniglot n_validation a ctypes int", lambda d: _omni(n_validation=_ci(100)),
     ["n_validation", CI]),
    ("omniglot load cache_dir a weakref to a folder", lambda d: omniglot_data.load(
        ROOT, cache_dir=_wref_path(d / "cache"), progress=False), ["cache_dir", WR]),
    ("Omniglot rotate a list of ctypes ints", lambda d: _omni(
        rotate=[_ci(0), _ci(90), _ci(180), _ci(270)]), ["rotate", CI]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (2, 4)."""
    return kept_cases(cases, (2, 4), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0].lower()


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


def test_the_fortysixth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_fortysixth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
