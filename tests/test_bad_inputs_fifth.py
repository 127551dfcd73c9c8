"""A fifth battery of bad inputs (issue 11's goal, measured on a fresh, independent set).

``tests/test_bad_inputs_cli.py``, ``_wider``, ``_third`` and ``_fourth`` hold the first four
hand-written batteries, ``test_bad_inputs_sweep_engine_sampling.py`` and
``sweep_bad_inputs_meta_data.py`` the generated sweeps. The cases here are new, of the same
kinds, written from the user's side (docstrings, README, signatures, ``--help``) by someone
who did not write the library's checks and did not read its check modules, after reading
the earlier batteries and sweeps so as not to repeat their cases: NumPy scalars
(``np.float32``/``np.int64``/``np.float64`` where an int is meant), 0-d arrays, lists and
complex numbers where a scalar is meant, the Generator factory where a Generator is meant,
NaN/inf in arguments the sweeps left alone, mismatched pytrees and shapes, damaged
checkpoints (bool step and seed, NaN Adam moments, float16 weights, a JSON list of changes,
a multitask checkpoint with its heads cut), odd paths (a trailing space, a symlink to a
folder), bad environment values, over the engine, gradcheck, Chapter 2's functions, the
strategies, evaluate/select_test_time/train, checkpoints, nn/optim/batchnorm, the task
families and losses, the samplers, the testing kit, the Omniglot loader (a private copy of
the decoded cache; no download) and the command line. The classification is the first
battery's (clear, unclear, silent, data loss; see there), under its
``np.errstate(all="raise")``; as in the fourth, for a positional argument the value alone is
enough, and for a damaged checkpoint the entry and what is wrong with it.

Measured against the code at commit 106f9db, before any fix: 126 cases, 110 clear (87.3%),
6 unclear (4.8%), 10 silent (7.9%), 0 data loss. By area (clear/unclear/silent/data loss):
command line 13/0/1/0 of 14, environment (command line) 1/0/0/0 of 1, environment 4/0/0/0
of 4, engine 11/0/1/0 of 12, gradcheck 4/0/0/0 of 4, Chapter 2's functions 10/2/0/0 of 12,
strategies 9/0/0/0 of 9, evaluate and train 8/3/0/0 of 11, checkpoints 6/0/1/0 of 7,
nn/optim/batchnorm 7/1/2/0 of 10, task families 6/0/1/0 of 7, samplers 12/0/1/0 of 13,
testing kit 13/0/1/0 of 14, Omniglot 6/0/2/0 of 8. So a fresh battery is still below the
goal of 95%. Not clear:

* unclear: ``newton_solve`` of a 2-D ``phi`` ("not enough values to unpack"); ``inner_sgd``
  with ``trainable=[7]`` (IndexError); ``evaluate`` given the class ``Sinusoid``
  ("check_shots() missing 1 required positional argument"); ``format_table("abc")`` (about
  "row 1 has the keys ['b']"); ``step_rng(0, np.int64(-4))`` (NumPy's "expected
  non-negative integer"); ``MLP.head`` of one array ("not enough values to unpack");
* silent: ``evaluate`` of a checkpoint whose ``meta/changes`` is a JSON list;
  ``ad.where(x > 0, x, "0")``; ``load_checkpoint`` of float16 weights; ``split`` of three
  arrays; ``adam_rows`` with a repeated row; ``Sinusoid().sample_params(rng, [2])``;
  ``DiscreteInverseCDF([True, False])``; ``densities.normal_mixture`` with a negative
  scale; ``finn_split`` of float alphabets; ``Progress.advance(-1)``.

The cases were first written as 188. Seven were dropped before selection (``DROPPED``: one
conflicts with tested behaviour, ``compare``'s n/a row for a strategy that does not fit the
family; five are not clearly bad inputs; one measured an errstate artefact that valid
arguments hit too). Of the 181 left, two of every three in each area, in the order written
(blind to the results), were kept, for the size asked for. All 181, measured the same way
(``python tests/test_bad_inputs_fifth.py --written``): 151 clear (83.4%), 13 unclear
(7.2%), 17 silent (9.4%), 0 data loss. Some ``mentions`` were corrected after the first run
where the case, not the library, was wrong (a token in another spelling of the same value,
``--set meta_batch`` given with ``--meta-batch``, a ``check_grads`` function that called
``np.sum`` on a Tensor); no case was dropped or kept for its result.

All 126 are clear after the fixes of commits bb52e5e (engine's ``where``, checkpoints'
``meta/changes`` and dtypes, families' ``sample_params``, samplers, testing kit, Omniglot)
and 27d4f95 (indices, parameter pairs, array shapes, table rows, family classes, in
``meta/checks.py``). ``python tests/test_bad_inputs_fifth.py`` prints the rates now.
"""

import atexit
import os
import pathlib
import shutil
import tempfile
import warnings
import zipfile

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing, threads
from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.datasets.progress import Progress
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.meta import adapt
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.checkpoint import (check_checkpoint_path, check_state, flatten,
                                         load_checkpoint, restore, save_checkpoint)
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (evaluate, format_table, held_out_tasks, interval,
                                       select_test_time, with_test_time)
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norms
from scratchmeta.meta.maml import inner_sgd, meta_loss
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.protocol import describe
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import (hyperparameters, make_family, make_strategy,
                                       strategy_from_config)
from scratchmeta.meta.ridge import ridge_head, with_bias
from scratchmeta.meta.softmax_head import newton_solve, softmax_head, softmax_head_unrolled
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import as_seed, step_rng, train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, exponential,
                                  grid_inverse_cdf, laplace, logistic, mcse_mean, metropolis,
                                  metropolis_transition_matrix, optimal_acceptance, pareto,
                                  rank_normalize, weibull)
from scratchmeta.tasks import LinearRegression, Sinusoid, mse
from scratchmeta.testing import densities

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import (TRAIN, _damaged, _evaluate, _good, _set, _train,
                                 battery_main)
from test_bad_inputs_fourth import (X3, _classify, _maml, _once, _problem,  # noqa: F401
                                    _rng, _square)
from test_bad_inputs_wider import _config

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- objects the cases use -------------------------------------------------------------------

def _batch():
    return Sinusoid().sample(_rng(), 2, 5, 5)


def _features():
    """2 tasks of 6 points with 4 features, one-hot targets of 3 classes."""
    rng = _rng()
    return rng.normal(size=(2, 6, 4)), np.eye(3)[rng.integers(0, 3, size=(2, 6))]


def _net():
    model = MLP((1, 4, 1))
    return model, model.init(_rng())


def _adam(**kwargs):
    model, params = _net()
    kwargs = {"lr": 1e-3, **kwargs}
    grads = kwargs.pop("grads", [np.ones_like(p) for p in params])
    return adam_update(params, grads, kwargs.pop("state", adam_init(params)), **kwargs)


def _rows_state():
    return {"t": np.zeros(3, int), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))]}


def _log_density(x):
    return -0.5 * np.sum(x * x, axis=1)


def _metropolis(**kwargs):
    kwargs = {"log_density": _log_density, "x0": np.zeros((2, 1)), "n_steps": 20,
              "rng": _rng(), **kwargs}
    return metropolis(**kwargs)


def _evaluate_call(**kwargs):
    strategy, state = _maml()
    kwargs = {"n_tasks": 2, "n_support": 5, "n_query": 5, "n_steps": 1, **kwargs}
    family = kwargs.pop("family", Sinusoid())
    return evaluate(kwargs.pop("strategy", strategy), kwargs.pop("state", state), family,
                    **kwargs)


def _select(**kwargs):
    strategy, state = _maml()
    kwargs = {"candidates": [0.01], "max_steps": 1, "n_tasks": 2, "n_support": 5,
              "n_query": 5, **kwargs}
    return select_test_time(strategy, state, Sinusoid(), **kwargs)


def _save(folder, **kwargs):
    kwargs = {"path": folder / "s.npz", "state": {"w": np.ones(2)}, "step": 1, "seed": 0,
              "config": {}, "meta_losses": [1.0], **kwargs}
    return save_checkpoint(kwargs.pop("path"), kwargs.pop("state"), **kwargs)


def _example(strategy):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return strategy.example()


def _strategies():
    from scratchmeta.testing import strategies
    return strategies


_CACHE = {}


def _cache_dir():
    """A private copy of the decoded Omniglot cache (nothing is written outside temp folders)."""
    if "dir" not in _CACHE:
        folder = pathlib.Path(tempfile.mkdtemp(prefix="fifth_omniglot_"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        home = pathlib.Path.home() / ".cache" / "scratchmeta" / "omniglot"
        if home.is_dir():
            shutil.copytree(home, folder / "omniglot")
        _CACHE["dir"] = folder
    return _CACHE["dir"]


def _data():
    return _once("omniglot", lambda: omniglot.load(ROOT, cache_dir=_cache_dir(),
                                                     progress=False))


def _empty_zips(folder):
    root = folder / "empty_zips"
    root.mkdir(exist_ok=True)
    for name in ("images_background", "images_evaluation"):
        with zipfile.ZipFile(root / f"{name}.zip", "w"):
            pass
    return root


def _link_to_folder(folder):
    path = folder / "link.npz"
    if not path.is_symlink():
        os.symlink(folder, path)
    return path


def _multitask_ckpt(folder):
    path = folder / "mt.npz"
    if not path.exists():
        train(make_strategy("multitask", meta_batch=2, n_train_tasks=4), 1, 0, checkpoint=path)
    return path


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_CASES = [
    ("inner-lr underflows to 0", _train("--inner-lr", "1e-400"), ["--inner-lr", "1e-400"]),
    ("set first_order a list", _train("--set", "first_order=[true]"),
     ["first_order", "list"]),
    ("set meta_batch true", lambda d: ["train", "--steps", "2", "--set", "meta_batch=true",
                                         "--out", str(d / "r.npz")], ["meta_batch", "True"]),
    ("subset set subset_size=0", _train("--strategy", "subset", "--set", "subset_size=0"),
     ["subset_size", "0"]),
    ("reptile set meta_lr=nan", _train("--strategy", "reptile", "--set", "meta_lr=nan"),
     ["meta_lr", "nan"]),
    ("clusters n-query 12", _train("--family", "clusters", "--n-query", "12"),
     ["n_query", "12", "n_way=5"]),
    ("lam -inf on linear closed_form", _train("--family", "linear", "--strategy", "closed_form",
                                              "--lam", "-inf"), ["--lam", "-inf"]),
    ("out with a trailing space", lambda d: TRAIN + ["--out", str(d / "run.npz ")],
     ["--out", ".npz"]),
    ("resume good on linear", lambda d: TRAIN + ["--out", str(_good(d)), "--resume",
                                                 "--family", "linear"], ["linear", "sinusoid"]),
    ("resume good with n_support=-2", lambda d: TRAIN + ["--out", str(_good(d)), "--resume",
                                                         "--set", "n_support=-2"],
     ["n_support", "-2"]),
    ("omniglot n-query 7", lambda d: TRAIN + ["--family", "omniglot", "--root", ROOT,
                                              "--n-support", "5", "--n-query", "7", "--out",
                                              str(d / "o.npz")], ["n_query", "7", "n_way=5"]),
    ("eval query negative", _evaluate(_good, "--query", "-5"), ["--query", "-5"]),
    ("eval dtype flag", _evaluate(_good, "--dtype", "float32"), ["--dtype"]),
    ("eval adam moment NaN", _evaluate(lambda d: _damaged(d, "mnan", _set(
        "state/adam/m/0", np.full((1, 40), np.nan)))), ["state/adam/m/0", "NaN"]),
    ("eval step a bool", _evaluate(lambda d: _damaged(d, "stepbool", _set(
        "meta/step", np.array(True)))), ["meta/step", "bool"]),
    ("eval changes a JSON list", _evaluate(lambda d: _damaged(d, "chglist", _set(
        "meta/changes", np.array("[1, 2]")))), ["meta/changes", "chglist.npz"]),
    ("eval config inner_lr text", _evaluate(lambda d: _damaged(d, "lrtext", _config(
        lambda r: r["hyperparameters"].__setitem__("inner_lr", "0.01")))),
     ["inner_lr", "'0.01'"]),
    ("eval a symlink to a folder", lambda d: ["evaluate", "--checkpoint",
                                              str(_link_to_folder(d))], ["link.npz", "folder"]),
    ("eval multitask heads cut to one task", lambda d: ["evaluate", "--checkpoint",
                                                        str(_cut_heads(d)), "--tasks", "4"],
     ["state/heads/0"]),
    ("compare r2d2 on sinusoids", lambda d: ["compare", "--steps", "2", "--tasks", "4",
                                             "--val-tasks", "4", "--strategies", "maml",
                                             "r2d2"], ["r2d2", "sinusoid"]),
    ("compare val-tasks 2.0", lambda d: ["compare", "--val-tasks", "2.0"],
     ["--val-tasks", "'2.0'"]),
]


def _cut_heads(folder):
    """The multitask checkpoint with every head array cut to its first task's row."""
    with np.load(_multitask_ckpt(folder), allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    arrays = {k: (v[:1] if k.startswith("state/heads/") else v) for k, v in arrays.items()}
    path = folder / "mt_cut.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory 'yes', evaluate", _evaluate(_good),
     ["SCRATCHMETA_KEEP_FREED_MEMORY", "'yes'"], {"SCRATCHMETA_KEEP_FREED_MEMORY": "yes"}),
]

ENV_CASES = [
    ("opt-out value '1.0'", lambda d: memory.opt_out_value(),
     ["SCRATCHMETA_KEEP_FREED_MEMORY", "'1.0'"], {"SCRATCHMETA_KEEP_FREED_MEMORY": "1.0"}),
    ("opt-out value 'TRUE'", lambda d: memory.keep_freed_memory_unless_opted_out(),
     ["SCRATCHMETA_KEEP_FREED_MEMORY", "'TRUE'"], {"SCRATCHMETA_KEEP_FREED_MEMORY": "TRUE"}),
    ("one_blas_thread environ a list", lambda d: threads.one_blas_thread_unless_set(
        ["OMP_NUM_THREADS"]), ["environ", "list"], None),
    ("keep_freed_memory float32 threshold", lambda d: memory.keep_freed_memory(
        mmap_threshold=np.float32(1e6)), ["mmap_threshold", "1e+06"], None),
    ("keep_freed_memory threshold text", lambda d: memory.keep_freed_memory(
        trim_threshold="256MB"), ["trim_threshold", "'256MB'"], None),
]


# --- library calls: (id, call(folder), mentions) ---------------------------------------------

ENGINE_CASES = [
    ("grad argnums a float32", lambda d: ad.grad(_square, argnums=np.float32(0))(X3),
     ["argnums", "0.0"]),
    ("grad argnums tuple past the end", lambda d: ad.grad(_square, argnums=(0, 1))(X3),
     ["argnums", "1"]),
    ("grad of a bool array", lambda d: ad.grad(_square)(np.array([True, False])),
     ["argument 0", "bool"]),
    ("grad of a list of ints", lambda d: ad.grad(_square)([1, 2, 3]), ["argument 0", "int"]),
    ("reshape two -1", lambda d: ad.reshape(X3, (-1, -1)), ["reshape", "(-1, -1)"]),
    ("transpose axis out of range", lambda d: ad.transpose(np.ones((2, 3)), (0, 2)),
     ["transpose", "(0, 2)"]),
    ("matmul of mismatched inner sizes", lambda d: ad.matmul(np.ones((2, 3)), np.ones((2, 3))),
     ["matmul", "(2, 3)"]),
    ("solve a singular matrix", lambda d: ad.solve(np.ones((2, 2)), np.ones(2)),
     ["solve", "ingular"]),
    ("solve of other sizes", lambda d: ad.solve(np.eye(3), np.ones(2)),
     ["solve", "(3, 3)", "2"]),
    ("norm ord 3", lambda d: ad.norm(X3, ord=3), ["ord", "3"]),
    ("var ddof as large as n", lambda d: ad.var(X3, ddof=3), ["ddof", "3"]),
    ("logsumexp of an empty array", lambda d: ad.logsumexp(np.zeros(0)),
     ["logsumexp", "(0,)"]),
    ("einsum of mismatched sizes", lambda d: ad.einsum("ij,jk->ik", np.ones((2, 3)),
                                                       np.ones((4, 5))), ["einsum", "(4, 5)"]),
    ("broadcast_to an incompatible shape", lambda d: ad.broadcast_to(X3, (2, 4)),
     ["broadcast_to", "(3,)", "(2, 4)"]),
    ("clip bounds of another shape", lambda d: ad.clip(X3, np.array([0.0, 1.0]), 2.0),
     ["clip", "a_min", "(2,)"]),
    ("where with a text branch", lambda d: ad.where(X3 > 0, X3, "0"), ["where", "'0'"]),
    ("tree_map of lists of other lengths", lambda d: ad.tree_map(np.add, [X3], [X3, X3]),
     ["1", "2"]),
]

GRADCHECK_CASES = [
    ("check_grads rtol float32 negative", lambda d: check_grads(
        _square, (X3,), rtol=np.float32(-1e-6)), ["rtol", "-1e-06"]),
    ("check_grads args an array", lambda d: check_grads(_square, X3), ["args", "ndarray"]),
    ("check_grads fun returning a bool", lambda d: check_grads(
        lambda x: True, (X3,)), ["bool"]),
    ("hvp v of another shape", lambda d: hvp(_square, X3, np.ones(4)), ["v", "(4,)", "(3,)"]),
    ("hvp of lists of other lengths", lambda d: hvp(_square, [1.0, 2.0], [1.0]),
     ["v", "1", "2"]),
]

META_CASES = [
    ("ridge lam a vector", lambda d: ridge_head(*_features(), np.array([0.1, 0.2])),
     ["lam", "(2,)"]),
    ("ridge form with a space", lambda d: ridge_head(*_features(), 0.1, form="dual "),
     ["form", "'dual '"]),
    ("with_bias of a ragged list", lambda d: with_bias([[1.0, 2.0], [3.0]]), ["features"]),
    ("softmax targets as labels", lambda d: softmax_head(
        _features()[0], np.zeros((2, 6), int), 0.1), ["targets", "(2, 6)"]),
    ("softmax max_steps a float32", lambda d: softmax_head(*_features(), 0.1,
                                                           max_steps=np.float32(10.0)),
     ["max_steps", "10.0"]),
    ("softmax unrolled n_steps True", lambda d: softmax_head_unrolled(*_features(), 0.1, True),
     ["n_steps", "True"]),
    ("newton_solve 2-D phi", lambda d: newton_solve(_features()[0][0], _features()[1][0], 0.1),
     ["phi", "(6, 4)"]),
    ("r2d2 query of other features", lambda d: r2d2_logits(
        _features()[0], _features()[1], np.ones((2, 5, 3)), 0.1), ["phi_query", "(2, 5, 3)"]),
    ("r2d2 offset NaN", lambda d: r2d2_logits(_features()[0], _features()[1], _features()[0],
                                              0.1, offset=np.nan), ["offset", "nan"]),
    ("inner_sgd trainable out of range", lambda d: inner_sgd(
        per_task(_problem()[1], 2), _problem()[2].x_support, _problem()[2].y_support,
        _problem()[0].apply, inner_lr=0.01, inner_steps=1, trainable=[7]), ["trainable", "7"]),
    ("meta_loss inner_lr a vector", lambda d: meta_loss(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=np.array([0.01, 0.02]),
        inner_steps=1), ["inner_lr", "0.02"]),
    ("anil first_order text", lambda d: anil_meta_loss(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, inner_steps=1,
        first_order="no"), ["first_order", "'no'"]),
    ("closed_form lam a list", lambda d: closed_form_meta_loss(
        _problem()[1][:-2], _problem()[2], _problem()[0], lam=[0.1]), ["lam", "(1,)"]),
    ("subset_indices size above the support", lambda d: subset_indices(_rng(), 2, 5, 6),
     ["subset_size", "6", "5"]),
    ("multitask_loss heads of other tasks", lambda d: multitask_loss(
        _problem()[1][:-2], [np.zeros((3, 8, 1)), np.zeros((3, 1))], _problem()[2].x_support,
        _problem()[2].y_support, _problem()[0]), ["heads", "3", "2"]),
    ("predict n_steps a float", lambda d: adapt.predict(*_maml(), _batch(), np.float64(2.0)),
     ["n_steps", "2.0"]),
    ("meta_gradient_norms negative K", lambda d: meta_gradient_norms(
        _problem()[1], _problem()[2], _problem()[0], [1, -1], [0.01]), ["Ks", "-1"]),
    ("divergence_map seed text", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [1], [0.01], seed="0", n_steps=2), ["seed", "'0'"]),
]

STRATEGY_CASES = [
    ("maml inner_steps a float64", lambda d: make_strategy("maml", inner_steps=np.float64(2.0)),
     ["inner_steps", "2.0"]),
    ("maml meta_batch int64 negative", lambda d: make_strategy("maml",
                                                               meta_batch=np.int64(-2)),
     ["meta_batch", "-2"]),
    ("fomaml first_order False", lambda d: make_strategy("fomaml", first_order=False),
     ["first_order"]),
    ("make_strategy closed_form lam a list", lambda d: make_strategy("closed_form", lam=[0.1]),
     ["lam", "[0.1]"]),
    ("anil family capitalised", lambda d: make_strategy("anil", family="Sinusoid"),
     ["'Sinusoid'"]),
    ("multitask n_train_tasks float32", lambda d: make_strategy(
        "multitask", n_train_tasks=np.float32(8)), ["n_train_tasks", "8.0"]),
    ("subset size above n_support", lambda d: make_strategy("subset", n_support=5,
                                                            subset_size=10),
     ["subset_size", "10"]),
    ("clusters n_query int64 12", lambda d: make_strategy("maml", "clusters",
                                                          n_query=np.int64(12)),
     ["n_query", "12", "n_way=5"]),
    ("init_state the Generator factory", lambda d: _maml()[0].init_state(np.random.default_rng),
     ["rng"]),
    ("sample_batch of an empty state", lambda d: _maml()[0].sample_batch(_rng(), {}),
     ["state"]),
    ("update step a float", lambda d: _maml()[0].update(_maml()[1], _batch(), _rng(),
                                                        np.float64(3.0)), ["step", "3.0"]),
    ("strategy_from_config without family", lambda d: strategy_from_config(
        {k: v for k, v in describe(_maml()[0]).items() if k != "family"}), ["family"]),
    ("hyperparameters of None", lambda d: hyperparameters(None), ["None"]),
    ("with_test_time inner_lr negative", lambda d: with_test_time(_maml()[0], inner_lr=-0.1),
     ["inner_lr", "-0.1"]),
]

EVALUATE_CASES = [
    ("evaluate n_tasks a float64", lambda d: _evaluate_call(n_tasks=np.float64(4.0)),
     ["n_tasks", "4.0"]),
    ("evaluate n_steps a list", lambda d: _evaluate_call(n_steps=[1, 2]), ["n_steps", "[1, 2]"]),
    ("evaluate a multitask state", lambda d: _evaluate_call(
        state=make_strategy("multitask", meta_batch=2).init_state(_rng())), ["state"]),
    ("evaluate the family class", lambda d: _evaluate_call(family=Sinusoid),
     ["family", "Sinusoid"]),
    ("select a negative candidate", lambda d: _select(candidates=[0.01, -0.1]),
     ["candidates", "-0.1"]),
    ("select candidates 2-D", lambda d: _select(candidates=np.array([[0.01]])),
     ["candidates"]),
    ("select on the test seed", lambda d: _select(seed=22), ["seed", "22"]),
    ("held_out_tasks seed a Generator", lambda d: held_out_tasks(Sinusoid(), 2, 5, 5,
                                                                 seed=_rng()),
     ["seed", "Generator"]),
    ("interval of one value", lambda d: interval(np.array([0.5])), ["values", "1"]),
    ("format_table a string", lambda d: format_table("abc"), ["rows", "'abc'"]),
    ("train seed a float64", lambda d: train(make_strategy("maml"), 1, np.float64(0.0)),
     ["seed", "0.0"]),
    ("train progress an int", lambda d: train(make_strategy("maml"), 1, 0, progress=42),
     ["progress", "42"]),
    ("train log_every a float", lambda d: train(make_strategy("maml"), 1, 0, log_every=2.0),
     ["log_every", "2.0"]),
    ("train resume without a checkpoint", lambda d: train(make_strategy("maml"), 1, 0,
                                                          resume=True),
     ["resume", "checkpoint"]),
    ("as_seed a float64", lambda d: as_seed(np.float64(3.0)), ["seed", "3.0"]),
    ("step_rng step int64 negative", lambda d: step_rng(0, np.int64(-4)), ["step", "-4"]),
]

CHECKPOINT_CASES = [
    ("save state a mixed list", lambda d: _save(d, state={"w": [1.0, "a"]}), ["state/w"]),
    ("save an inf meta-loss", lambda d: _save(d, meta_losses=[np.inf]),
     ["meta_losses", "inf"]),
    ("save changes a string", lambda d: _save(d, changes="lr"), ["changes", "'lr'"]),
    ("save state a list", lambda d: _save(d, state=[np.ones(2)]), ["state", "list"]),
    ("load meta-losses 2-D", lambda d: load_checkpoint(_damaged(d, "loss2d", _set(
        "meta/meta_losses", np.ones((2, 1))))), ["meta-losses", "(2, 1)"]),
    ("load float16 weights", lambda d: load_checkpoint(_damaged(d, "f16", _set(
        "state/params/3", np.ones(40, np.float16)))), ["state/params/3", "float16"]),
    ("restore root an int", lambda d: restore(_good(d), root=123), ["root", "123"]),
    ("restore seed a bool", lambda d: restore(_damaged(d, "seedbool", _set(
        "meta/seed", np.array(False)))), ["meta/seed", "bool"]),
    ("check_checkpoint_path a list", lambda d: check_checkpoint_path([str(d / "a.npz")]),
     ["a.npz"]),
    ("flatten an int key", lambda d: flatten({"w": np.ones(2), 3: np.ones(1)}), ["3"]),
    ("check_state params one short", lambda d: check_state(
        {**_maml()[1], "params": _maml()[1]["params"][:-1]}, _maml()[0]), ["params"]),
]

NN_CASES = [
    ("MLP dtype float16", lambda d: MLP((1, 4, 1), dtype="float16"), ["dtype", "float16"]),
    ("MLP no sizes", lambda d: MLP(()), ["sizes", "()"]),
    ("MLP apply reversed params", lambda d: _net()[0].apply(_net()[1][::-1], np.ones((5, 1))),
     ["params"]),
    ("MLP body of all params", lambda d: _net()[0].body(_net()[1], np.ones((5, 1))),
     ["body parameters", "got 4"]),
    ("MLP head of one array", lambda d: _net()[0].head(_net()[1][-2:-1], np.ones((5, 4))),
     ["head_params"]),
    ("per_task of an array", lambda d: per_task(np.ones(3), 2), ["params"]),
    ("split of an odd count", lambda d: split(_net()[1][:3]), ["params", "3"]),
    ("adam lr a list", lambda d: _adam(lr=[1e-3]), ["lr", "[0.001]"]),
    ("adam state t negative", lambda d: _adam(state={**adam_init(_net()[1]), "t": -1}),
     ["t", "-1"]),
    ("adam inf gradient", lambda d: _adam(grads=[np.full_like(p, np.inf) for p in _net()[1]]),
     ["grads", "inf"]),
    ("adam_rows repeated row", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                                   [np.ones((2, 2))], [0, 0], 1e-3),
     ["rows", "[0, 0]"]),
    ("adam_rows rows 2-D", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                               [np.ones(2)], np.array([[0]]), 1e-3),
     ["rows", "(1, 1)"]),
    ("batch_norm offset text", lambda d: batch_norm(np.ones((4, 3)), offset="0"),
     ["offset", "'0'"]),
    ("batch_norm scale square", lambda d: batch_norm(np.ones((2, 5, 3)),
                                                     scale=np.ones((3, 3))),
     ["scale", "(3, 3)"]),
    ("finn_init the Generator factory", lambda d: finn_init(np.random.default_rng, (1, 4, 1)),
     ["rng"]),
]

TASK_CASES = [
    ("sinusoid amplitude complex", lambda d: Sinusoid(amplitude=(0.1, 5j)),
     ["amplitude", "5j"]),
    ("sinusoid x_range empty float32", lambda d: Sinusoid(
        x_range=(np.float32(-5.0), np.float32(-5.0))), ["x_range", "-5.0"]),
    ("linear mean NaN", lambda d: LinearRegression(mean=[np.nan, 0.0]), ["mean", "nan"]),
    ("clusters one way", lambda d: GaussianClusters(n_way=1), ["n_way", "1"]),
    ("sample n_query a float64", lambda d: Sinusoid().sample(_rng(), 2, np.int64(5),
                                                             np.float64(5.0)),
     ["n_query", "5.0"]),
    ("sample_params n_tasks a list", lambda d: Sinusoid().sample_params(_rng(), [2]),
     ["n_tasks", "[2]"]),
    ("clusters batch of other dim", lambda d: GaussianClusters(dim=2).make_batch(
        _rng(), np.zeros((2, 5, 3)), 5, 5), ["task_params", "(2, 5, 3)"]),
    ("frequency sample n_support int64 0", lambda d: SinusoidFrequency().sample(
        _rng(), 2, np.int64(0), 5), ["n_support", "0"]),
    ("mse of 2-D against 3-D", lambda d: mse(np.ones((5, 1)), np.ones((2, 5, 1))),
     ["(5, 1)", "(2, 5, 1)"]),
    ("make_family linear noise negative", lambda d: make_family("linear", noise=-0.1),
     ["noise", "-0.1"]),
    ("make_family name with a space", lambda d: make_family(" sinusoid"), ["' sinusoid'"]),
]

SAMPLER_CASES = [
    ("logistic scale float32 0", lambda d: logistic(scale=np.float32(0.0)), ["scale", "0.0"]),
    ("laplace loc inf", lambda d: laplace(loc=np.inf), ["loc", "inf"]),
    ("weibull shape a vector", lambda d: weibull(np.array([1.0, 2.0])), ["shape", "2"]),
    ("pareto alpha a list", lambda d: pareto([2.0]), ["alpha", "[2.0]"]),
    ("continuous sample the Generator factory", lambda d: exponential().sample(
        3, np.random.default_rng), ["rng"]),
    ("continuous sample size with a float", lambda d: exponential().sample((2, 2.5), _rng()),
     ["size", "(2, 2.5)"]),
    ("continuous from_uniforms negative u", lambda d: exponential().from_uniforms(
        np.array([[0.5, -0.1]])), ["u", "-0.1"]),
    ("from_density center inf", lambda d: ContinuousInverseCDF.from_density(
        stats.norm.pdf, center=np.inf), ["center", "inf"]),
    ("u_error sample_size 0", lambda d: exponential().u_error(sample_size=0),
     ["sample_size", "0"]),
    ("discrete a negative entry", lambda d: DiscreteInverseCDF([0.3, -0.1, 0.8]),
     ["p", "-0.1"]),
    ("discrete bools", lambda d: DiscreteInverseCDF([True, False]), ["p", "bool"]),
    ("discrete ppf a string", lambda d: DiscreteInverseCDF([0.5, 0.5]).ppf("0.5"),
     ["u", "'0.5'"]),
    ("metropolis n_steps a float64", lambda d: _metropolis(n_steps=np.float64(20.0)),
     ["n_steps", "20.0"]),
    ("metropolis log_density of shape (2, 1)", lambda d: _metropolis(
        log_density=lambda x: -0.5 * x * x), ["log_density", "(2, 1)"]),
    ("transition matrix not symmetric", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], [[0.5, 0.5], [0.9, 0.1]]), ["Q", "symmetric"]),
    ("rank_normalize a string", lambda d: rank_normalize("abc"), ["draws", "<U3"]),
    ("optimal_acceptance dim a float64", lambda d: optimal_acceptance(np.float64(2.0)),
     ["dim", "2.0"]),
    ("mcse_mean 4-D draws", lambda d: mcse_mean(np.ones((2, 2, 2, 2))),
     ["draws", "(2, 2, 2, 2)"]),
    ("grid pdf NaN inside", lambda d: grid_inverse_cdf(
        lambda x: np.where(x > 0.5, np.nan, 1.0), 0.0, 1.0), ["pdf", "NaN"]),
]

TESTING_CASES = [
    ("dkw n a float64", lambda d: testing.dkw_epsilon(np.float64(100.0)), ["n", "100.0"]),
    ("dkw alpha 1", lambda d: testing.dkw_epsilon(10, alpha=1.0), ["alpha", "1.0"]),
    ("smallest_detectable beta negative", lambda d: testing.smallest_detectable(100, beta=-0.1),
     ["beta", "-0.1"]),
    ("draws_needed alpha a list", lambda d: testing.draws_needed(0.01, alpha=[1e-6]),
     ["alpha", "[1e-06]"]),
    ("ks_distance the distribution object", lambda d: testing.ks_distance([0.1], stats.norm),
     ["cdf"]),
    ("two_sample_distance inf", lambda d: testing.two_sample_distance([1.0, np.inf], [1.0]),
     ["x", "inf"]),
    ("cdf_matches a 0-d array", lambda d: testing.assert_cdf_matches(np.array(0.5),
                                                                     stats.norm.cdf),
     ["samples"]),
    ("same_distribution alpha text", lambda d: testing.assert_same_distribution(
        [1.0, 2.0], [1.0, 2.0], alpha="0.01"), ["alpha", "'0.01'"]),
    ("chi_square_pvalue NaN p", lambda d: testing.chi_square_pvalue([10, 10], [0.5, np.nan]),
     ["p", "nan"]),
    ("chi_square_power alpha 2", lambda d: testing.chi_square_power([0.5, 0.5], [0.4, 0.6],
                                                                    100, alpha=2.0),
     ["alpha", "2.0"]),
    ("labels p not summing to 1", lambda d: testing.assert_labels_match([0, 1], [0.5, 0.6]),
     ["p"]),
    ("monotone u above 1", lambda d: testing.assert_monotone(np.sort, [0.5, 1.5]),
     ["u", "1.5"]),
    ("inverts u_resolution NaN", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, [0.5], np.nan), ["u_resolution", "nan"]),
    ("density beta a 0", lambda d: densities.beta(0.0, 1.0), ["a", "0.0"]),
    ("density trapezoid hi below d", lambda d: densities.trapezoid(0.0, 0.2, 0.8, 0.5),
     ["0.8", "0.5"]),
    ("density pareto alpha inf", lambda d: densities.pareto(np.inf), ["alpha", "inf"]),
    ("density steps negative height", lambda d: densities.steps([0.0, 1.0, 2.0], [1.0, -1.0]),
     ["heights", "-1.0"]),
    ("density mixture negative scale", lambda d: densities.normal_mixture([1.0], [0.0], [-1.0]),
     ["scales", "-1.0"]),
    ("density uniform hi inf", lambda d: densities.uniform(0.0, np.inf), ["hi", "inf"]),
    ("strategy probability_vectors max below min", lambda d: _example(
        _strategies().probability_vectors(min_size=5, max_size=3)), ["max_size", "3"]),
    ("strategy u_grids max_size 0", lambda d: _example(_strategies().u_grids(max_size=0)),
     ["max_size", "0"]),
    ("strategy symmetric_proposals 2.5", lambda d: _example(
        _strategies().symmetric_proposals(2.5)), ["n", "2.5"]),
    ("strategy uniforms_near_edges bad p", lambda d: _example(
        _strategies().uniforms_near_edges([0.5, 0.6])), ["p"]),
]

OMNIGLOT_CASES = [
    ("family data a raw array", lambda d: Omniglot(5, data=np.zeros((10, 20, 28, 28))),
     ["data", "ndarray"]),
    ("family n_validation a float64", lambda d: Omniglot(5, data=_data(),
                                                         n_validation=np.float64(100.0)),
     ["n_validation", "100.0"]),
    ("family n_way int64 1", lambda d: Omniglot(np.int64(1), data=_data()), ["n_way", "1"]),
    ("family sample n_query a float64", lambda d: Omniglot(5, data=_data()).sample(
        _rng(), 2, 10, np.float64(5.0)), ["n_query", "5.0"]),
    ("load parts empty", lambda d: omniglot.load(ROOT, cache_dir=d, parts=(), progress=False),
     ["parts", "()"]),
    ("load empty zips", lambda d: omniglot.load(_empty_zips(d), cache_dir=d, progress=False),
     ["images_background.zip"]),
    ("load download 1", lambda d: omniglot.load(ROOT, cache_dir=_cache_dir(), download=1,
                                                progress=False), ["download", "1"]),
    ("finn_split float alphabets", lambda d: finn_split(np.arange(300) / 30.0,
                                                        np.arange(300), 200, 50),
     ["alphabets", "float"]),
    ("finn_split more than there are", lambda d: finn_split(np.repeat(np.arange(10), 30),
                                                            np.arange(300), 250, 100),
     ["n_train", "n_validation", "300"]),
    ("progress arguments swapped", lambda d: Progress(3, "x"), ["total", "'x'"]),
    ("progress advance negative", lambda d: Progress("x", 3, enabled=False).advance(-1),
     ["n", "-1"]),
    ("progress stream a name", lambda d: Progress("x", 3, stream="stderr"),
     ["stream", "'stderr'"]),
]

LIBRARY_GROUPS = {"engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES,
                  "meta functions": META_CASES, "strategies": STRATEGY_CASES,
                  "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
                  "nn, optim, batchnorm": NN_CASES, "task families": TASK_CASES,
                  "samplers": SAMPLER_CASES, "testing kit": TESTING_CASES,
                  "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped (see the module docstring): not bad inputs after all, in conflict
# with documented, tested behaviour, or measuring something other than the bad input.
DROPPED = {
    "compare r2d2 on sinusoids": "compare's n/a row for a strategy that does not fit the family "
                                 "is tested behaviour (test_cli.py)",
    "sample_batch of an empty state": "MAML's sample_batch does not use the state: the batch "
                                      "drawn is the right one",
    "save state a list": "flatten/unflatten document lists as numbered levels of a state",
    "sinusoid x_range empty float32": "a range with equal ends may mean a fixed value",
    "two_sample_distance inf": "an inf draw is a real value of an unbounded sampler "
                               "(ppf(1) = inf)",
    "cdf_matches a 0-d array": "one draw given as a 0-d array is still one draw",
    "strategy uniforms_near_edges bad p": "under np.errstate(all='raise') the strategy fails "
                                          "with an underflow for a valid p too",
}


def _kept(cases):
    """Two cases of every three, in the order written (the battery's size, blind to results)."""
    cases = [c for c in cases if c[0] not in DROPPED]
    return [c for i, c in enumerate(cases) if i % 3 != 2]


# --- running and classifying ---------------------------------------------------------------

WRITTEN = {"cli": CLI_CASES, "environment (cli)": ENV_CLI_CASES, "environment": ENV_CASES,
           **LIBRARY_GROUPS}
GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}
ALL = [(g, c) for g, cases in GROUPS.items() for c in cases]


@pytest.mark.parametrize("group, case", ALL, ids=[f"{g}: {c[0]}" for g, c in ALL])
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if (group == "omniglot" or "omniglot" in case[0]) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    if group == "cli":
        _good(folder)                            # a checkpoint that must survive every case
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_fifth_battery_is_wide_and_new():
    assert len(ALL) >= 100
    names = [c[0] for _, c in ALL]
    assert len(names) == len(set(names))


def main():
    """``python tests/test_bad_inputs_fifth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
