"""A sixth battery of bad inputs (issue 11's goal, measured on a fresh, independent set).

``tests/test_bad_inputs_cli.py`` (whose module docstring defines clear / unclear / silent /
data loss), ``_wider``, ``_third``, ``_fourth`` and ``_fifth`` hold the first five
hand-written batteries, ``test_bad_inputs_sweep_engine_sampling.py`` and
``sweep_bad_inputs_meta_data.py`` the generated sweeps. The cases here are new, of the same
kinds, written from the user's side (``__all__``, README, docstrings, signatures,
``--help``) without reading the library's check modules, after reading the earlier batteries
and sweeps so as not to repeat their cases (the sweeps' generic values -1, 0, 1.5, True,
"3", None, 10**30, nan, inf, "x", 1+2j, object/complex/str/empty arrays were avoided):
int8/uint64/float16/complex128/object/bool dtypes, NumPy scalars and 0-d arrays, tuples,
dicts and sets where a number or an array is meant, bool masks where indices are meant,
mismatched pytrees (tuple against list, dicts of other keys, a None leaf), ranges with three
ends or reversed, '=' forms of flags, repeated flags, flags of another subcommand, a flag
before the subcommand, checkpoints damaged in entries not tried before (a bit flip, a
2**64-1 step, int8 weights, float16 moments, -inf losses, an empty config, a strategy name
that is not the config's), bad environment values (``SCRATCHMETA_KEEP_FREED_MEMORY`` '01'
and 'off', ``SCRATCHMETA_DATA`` under a file or an empty folder), over the engine,
gradcheck, Chapter 2's functions, the strategies via ``make_strategy`` and their methods,
evaluate/select_test_time/train, checkpoints, nn/optim/batchnorm, the task families and
losses, the samplers and diagnostics, the testing kit, Omniglot (``root`` the real data of
``omniglot_real.REAL_DATA``, the fifth battery's private copy of the decoded cache; no
download) and the command line. Classification: the first battery's ``classify_call`` /
``classify_cli`` under ``np.errstate(all="raise")``; for a positional argument the value
alone is enough, for a damaged checkpoint the entry and what is wrong with it.

Measured against the code at commit 8d0698f, before any fix: 116 cases, 95 clear (81.9%),
12 unclear (10.3%), 9 silent (7.8%), 0 data loss. By area (clear/unclear/silent/data
loss): command line (train) 9/0/1/0 of 10, command line (evaluate, compare, demo)
12/0/0/0 of 12, environment (command line) 1/1/0/0 of 2, environment 3/0/0/0 of 3, engine
9/0/0/0 of 9, gradcheck 4/0/0/0 of 4, Chapter 2's functions 8/2/0/0 of 10, strategies
6/3/0/0 of 9, evaluate and train 7/0/2/0 of 9, checkpoints 4/2/2/0 of 8,
nn/optim/batchnorm 6/1/1/0 of 8, task families and losses 7/0/1/0 of 8, samplers 6/1/0/0
of 7, testing kit 8/1/1/0 of 10, Omniglot 5/1/1/0 of 7. So a fresh battery is still below
the goal of 95%. Not clear:

* unclear: ``SCRATCHMETA_DATA`` an empty folder, ``train --family omniglot`` (the folder is
  named, the variable is not); ``ridge_head`` of object features (about ``solve``'s ``a``);
  ``with_bias(np.array("abc"))`` (about ``concatenate``'s ``xs``); a strategy's
  ``adaptation`` of a plain tuple batch (AttributeError); MAML's ``update`` on a clusters
  batch (a matmul error); ``with_test_time("maml", ...)`` (AttributeError);
  ``save_checkpoint(seed=2**64)`` (OverflowError); ``exclusive(123)`` (os's TypeError);
  ``finn_init(rng, (784, 64, -5))`` (NumPy's "negative dimensions");
  ``metropolis_transition_matrix`` with a negative ``Q`` entry (the value is not given);
  ``chi_square_pvalue([0, 0], ...)`` (FloatingPointError; NaN otherwise);
  ``check_shots(..., n_drawings=0)`` (the argument is not named);
* silent: ``train --steps=0`` (a 0-step checkpoint is saved); ``interval([1.0, 2.0, "3"])``;
  ``diverged_value("accuracy ")``; ``save_checkpoint`` of float16 state (which
  ``load_checkpoint`` refuses); ``unflatten`` of a numbered level with a gap (``a/0``,
  ``a/2``); ``adam_init`` of int8 parameters; ``mse`` of an object target;
  ``two_sample_distance`` of bool draws; ``check_shots(np.float64(5.0), ...)``.

The cases were first written as 167; two of every three in each area, in the order written
(``i % 3 != 2``), were kept before any run, for the size asked for. After the first run
three cases were dropped (``DROPPED``; two of them among the kept ones): ``ess_tail`` with
``prob`` reversed is not a bad input (the min over both quantiles does not depend on their
order); ``mcse_sd`` of bool draws measured an errstate artefact that constant float draws
hit too; ``Omniglot(data=..., root=...)`` is documented (``root`` is used only without
``data``). Also after the first run, 13 ``mentions`` were corrected where the case, not the
library, was wrong (the message names the argument and shows the value in another
spelling: an array's repr for "(2,)" or "bool", ``b'...'`` for "bytes", ``{1.0, 2.0}`` for
"set", "step N" for "meta/step", "NaN or inf values" for "-inf", the subscripts ``'ii->i'``
for a shape, ``(1.0, 1.0)`` for "lo"/"hi" as the third battery's grid case does). Before
those corrections, all 167 written: 121 clear (72.5%), 29 unclear, 17 silent, 0 data loss.
All 164 written and not dropped, after them (``python tests/test_bad_inputs_sixth.py
--written``): 134 clear (81.7%), 15 unclear (9.1%), 15 silent (9.1%), 0 data loss.

All 116 are clear after the fixes of commits 1375bf9 (losses' dtypes, the testing kit's
bool arrays and empty tallies, ``check_shots``, the transition matrix's entry, ``train
--steps 0``, ``SCRATCHMETA_DATA`` named) and e3036a8 (``check_real``, a batch that does not
fit the strategy's model and family, ``check_sizes``, Adam's float parameters, int64 step
and seed, one state check shared by ``save_checkpoint`` and ``load_checkpoint``,
``unflatten``'s gaps, ``exclusive``'s path, ``diverged_value``, ``with_test_time``). All
164 written and not dropped: 155 clear (94.5%), 3 unclear, 6 silent, 0 data loss.
"""

import os

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, testing, threads
from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.datasets.progress import Progress
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.meta import adapt
from scratchmeta.meta.checkpoint import (check_checkpoint_path, exclusive, flatten,
                                         load_checkpoint, unflatten)
from scratchmeta.meta.evaluate import (diverged_value, format_interval, held_out_tasks,
                                       interval, recorded_curve, task_rng, with_test_time)
from scratchmeta.meta.exploding import divergence_map
from scratchmeta.meta.maml import inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import default_model, make_strategy
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.ridge import ridge_head, with_bias
from scratchmeta.meta.softmax_head import newton_solve, softmax_head, softmax_head_logits
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows
from scratchmeta.sampling import (DiscreteInverseCDF, ess_tail, exponential, grid_inverse_cdf,
                                  mcse_sd, metropolis_transition_matrix, optimal_acceptance)
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, accuracy, cross_entropy, mse
from scratchmeta.testing import densities

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import (TRAIN, _a_file, _damaged, _evaluate, _good, _set, _train,
                                 battery_main, classify_call, classify_cli)
from test_bad_inputs_fourth import X3, _draws, _env, _problem, _rng, _square
from test_bad_inputs_fifth import (_adam, _batch, _cache_dir, _data, _evaluate_call, _example,
                                   _features, _metropolis, _net, _rows_state, _save, _select,
                                   _strategies)

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
M2 = np.array([[2.0, 0.5], [0.5, 1.0]])
BIG = 2 ** 64 - 1


# --- objects the cases use -------------------------------------------------------------------

def _fresh():
    """A new small MAML strategy and state (for calls that might change a state if not refused)."""
    strategy = make_strategy("maml", meta_batch=2)
    return strategy, strategy.init_state(_rng())


def _flipped(folder):
    """The good checkpoint with one byte flipped in the middle (a CRC error inside the zip)."""
    data = bytearray(_good(folder).read_bytes())
    data[len(data) // 2] ^= 0xFF
    path = folder / "flipped.npz"
    path.write_bytes(bytes(data))
    return path


def _empty_folder(folder):
    path = folder / "empty_data"
    path.mkdir(exist_ok=True)
    return path


def _exclusive_in(folder, path):
    """Hold ``exclusive(path)`` from inside ``folder`` (a relative lock file stays there)."""
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        with exclusive(path):
            pass
    finally:
        os.chdir(cwd)


def _compare(*extra):
    """compare, kept small in case the bad input is not refused."""
    return lambda d: ["compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4",
                      "--adapt-steps", "1", "--strategies", "maml", *extra]


def _out(d):
    return ["--out", str(d / "run.npz")]


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("steps '=' form zero", lambda d: ["train", "--steps=0", "--meta-batch", "2", *_out(d)],
     ["--steps", "0"]),
    ("steps given twice, the first a word", lambda d: ["train", "--steps", "x2", "--steps", "2",
                                                       "--meta-batch", "2", *_out(d)],
     ["--steps", "x2"]),
    ("train with evaluate's --checkpoint", _train("--checkpoint", "x.npz"), ["--checkpoint"]),
    ("train with compare's --quick", _train("--quick"), ["--quick"]),
    ("train with evaluate's --split", _train("--split", "test"), ["--split"]),
    ("inner-lr '=' form empty", lambda d: TRAIN + ["--inner-lr=", *_out(d)],
     ["--inner-lr", "''"]),
    ("checkpoint-every '=' form negative", _train("--checkpoint-every=-2"),
     ["--checkpoint-every", "-2"]),
    ("set inner_steps hex", _train("--set", "inner_steps=0x2"), ["inner_steps", "0x2"]),
    ("set meta_batch a list", lambda d: ["train", "--steps", "2", "--set", "meta_batch=[2]",
                                         *_out(d)], ["meta_batch", "[2]"]),
    ("closed_form set lam negative", _train("--strategy", "closed_form", "--set", "lam=-0.5"),
     ["lam", "-0.5"]),
    ("reptile set first_order", _train("--strategy", "reptile", "--set", "first_order=true"),
     ["first_order"]),
    ("reptile --lam", _train("--strategy", "reptile", "--lam", "0.5"), ["lam"]),
    ("newton_head on linear", _train("--family", "linear", "--strategy", "newton_head"),
     ["newton_head", "linear"]),
    ("resume with meta-lr nan", lambda d: TRAIN + ["--out", str(_good(d)), "--resume",
                                                   "--meta-lr", "nan"], ["--meta-lr", "nan"]),
    ("a flag before the subcommand", lambda d: ["--steps", "2", "train", *_out(d)],
     ["--steps"]),
]

CLI_OTHER_CASES = [
    ("eval checkpoint given twice, the last missing", lambda d: [
        "evaluate", "--checkpoint", str(_good(d)), "--checkpoint", str(d / "gone.npz"),
        "--tasks", "4"], ["gone.npz"]),
    ("eval tasks '=' form zero", _evaluate(_good, "--tasks=0"), ["--tasks", "0"]),
    ("eval with train's --out", _evaluate(_good, "--out", "x.npz"), ["--out"]),
    ("eval with train's --strategy", _evaluate(_good, "--strategy", "fomaml"), ["--strategy"]),
    ("eval without --checkpoint", lambda d: ["evaluate", "--tasks", "4"], ["--checkpoint"]),
    ("eval a bit-flipped checkpoint", _evaluate(_flipped), ["flipped.npz"]),
    ("eval step 2**64-1 in file", _evaluate(lambda d: _damaged(d, "stepbig", _set(
        "meta/step", np.array(BIG, dtype=np.uint64)))), ["step", str(BIG)]),
    ("eval int8 weights", _evaluate(lambda d: _damaged(d, "int8w", _set(
        "state/params/2", np.zeros((40, 40), np.int8)))), ["state/params/2", "int8"]),
    ("eval float16 second moments", _evaluate(lambda d: _damaged(d, "v16", _set(
        "state/adam/v/4", np.ones((40, 1), np.float16)))), ["state/adam/v/4", "float16"]),
    ("eval meta-losses with -inf", _evaluate(lambda d: _damaged(d, "neginf", _set(
        "meta/meta_losses", np.array([5.0, -np.inf])))), ["meta/meta_losses", "inf"]),
    ("eval config an empty string", _evaluate(lambda d: _damaged(d, "cfgempty", _set(
        "meta/config", np.array("")))), ["meta/config"]),
    ("eval strategy name not the config's", _evaluate(lambda d: _damaged(d, "strname", _set(
        "meta/strategy", np.array("FOMAML")))), ["meta/strategy", "FOMAML"]),
    ("compare adapt-steps '=' form fractional", _compare("--adapt-steps=1.5"),
     ["--adapt-steps", "1.5"]),
    ("compare with train's --resume", _compare("--resume"), ["--resume"]),
    ("compare with evaluate's --checkpoint", _compare("--checkpoint", "x.npz"),
     ["--checkpoint"]),
    ("compare seed '=' form negative", _compare("--seed=-3"), ["--seed", "-3"]),
    ("compare strategies joined by a comma", _compare("--strategies", "maml,fomaml"),
     ["maml,fomaml"]),
    ("demo given a subcommand", lambda d: ["demo", "train"], ["train"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory 'off', train", _train(), ["SCRATCHMETA_KEEP_FREED_MEMORY", "'off'"],
     {"SCRATCHMETA_KEEP_FREED_MEMORY": "off"}),
    ("SCRATCHMETA_DATA an empty folder, omniglot train", _train("--family", "omniglot"),
     ["SCRATCHMETA_DATA"], {"SCRATCHMETA_DATA": lambda d: _empty_folder(d)}),
]

# library calls under a bad environment, or of the environment modules: (id, call, mentions, env)
ENV_CASES = [
    ("opt-out value '01'", lambda d: memory.opt_out_value(),
     ["SCRATCHMETA_KEEP_FREED_MEMORY", "'01'"], {"SCRATCHMETA_KEEP_FREED_MEMORY": "01"}),
    ("SCRATCHMETA_DATA under a file, load", lambda d: omniglot.load(progress=False),
     ["SCRATCHMETA_DATA", "afile"], {"SCRATCHMETA_DATA": lambda d: _a_file(d) / "data"}),
    ("keep_freed_memory uint64 max", lambda d: memory.keep_freed_memory(
        mmap_threshold=np.uint64(BIG)), ["mmap_threshold", str(BIG)], None),
    ("one_blas_thread environ a string", lambda d: threads.one_blas_thread_unless_set(
        "OMP_NUM_THREADS=1"), ["environ", "str"], None),
]


# --- library calls: (id, call(folder), mentions) ---------------------------------------------

ENGINE_CASES = [
    ("grad of an int8 0-d array", lambda d: ad.grad(_square)(np.array(3, np.int8)),
     ["argument 0", "int8"]),
    ("grad of a uint64 vector", lambda d: ad.grad(_square)(np.ones(3, np.uint64)),
     ["argument 0", "uint64"]),
    ("value_and_grad of a dict with a None leaf", lambda d: ad.value_and_grad(
        lambda t: _square(t["a"]))({"a": X3, "b": None}), ["None"]),
    ("grad of a set", lambda d: ad.grad(_square)({1.0, 2.0}), ["argument 0", "{1.0, 2.0}"]),
    ("grad of a tuple with a text leaf", lambda d: ad.grad(lambda t: _square(t[0]))((X3, "w")),
     ["'w'"]),
    ("tree_map of a tuple and a list", lambda d: ad.tree_map(np.add, (X3, X3), [X3, X3]),
     ["tuple", "list"]),
    ("value_and_grad of a complex output", lambda d: ad.value_and_grad(
        lambda x: ad.sum(x) * 1j)(X3), ["complex"]),
    ("jvp a complex tangent", lambda d: ad.jvp(ad.sin, (X3,), (X3 * 1j,)),
     ["tangent", "complex"]),
    ("sum axis a float64", lambda d: ad.sum(M2, axis=np.float64(0.0)), ["axis", "0.0"]),
    ("stack axis past the end", lambda d: ad.stack([X3, X3], axis=3), ["axis", "3"]),
    ("power of other shapes", lambda d: ad.power(X3, np.ones(2)), ["(3,)", "(2,)"]),
    ("norm ord 'fro' along one axis", lambda d: ad.norm(M2, ord="fro", axis=0),
     ["ord", "fro"]),
    ("einsum diagonal of a non-square", lambda d: ad.einsum("ii->i", np.ones((2, 3))),
     ["'ii->i'"]),
]

GRADCHECK_CASES = [
    ("check_grads order a tuple", lambda d: check_grads(_square, (X3,), order=(1, 2)),
     ["order", "(1, 2)"]),
    ("check_grads eps a tuple", lambda d: check_grads(_square, (X3,), eps=(1e-6,)),
     ["eps", "(1e-06,)"]),
    ("check_grads atol a vector", lambda d: check_grads(_square, (X3,),
                                                        atol=np.array([1e-6, 1e-6])),
     ["atol", "array([1.e-06, 1.e-06])"]),
    ("check_grads args a dict", lambda d: check_grads(_square, {"x": X3}), ["args", "dict"]),
    ("hvp v a 0-d array", lambda d: hvp(_square, X3, np.array(1.0)), ["v", "()", "(3,)"]),
    ("hvp dicts with other keys", lambda d: hvp(lambda t: _square(t["a"]), {"a": X3},
                                                {"b": X3}), ["'a'", "'b'"]),
]

META_CASES = [
    ("ridge features of object dtype", lambda d: ridge_head(
        _features()[0].astype(object), _features()[1], 0.1), ["features", "object"]),
    ("ridge lam -inf", lambda d: ridge_head(*_features(), -np.inf), ["lam", "-inf"]),
    ("softmax tol a vector", lambda d: softmax_head(*_features(), 0.1,
                                                   tol=np.array([1e-10, 1e-8])),
     ["tol", "array([1.e-10, 1.e-08])"]),
    ("newton_solve form capitalised", lambda d: newton_solve(*_features(), 0.1, form="Primal"),
     ["form", "'Primal'"]),
    ("softmax_head_logits unknown keyword", lambda d: softmax_head_logits(
        _features()[0], _features()[1], _features()[0], 0.1, max_iters=5), ["max_iters"]),
    ("r2d2 scale a vector", lambda d: r2d2_logits(_features()[0], _features()[1],
                                                  _features()[0], 0.1, scale=np.zeros(3)),
     ["scale", "(3,)"]),
    ("with_bias of a 0-d string", lambda d: with_bias(np.array("abc")), ["features", "abc"]),
    ("adapt.after n_steps negative", lambda d: adapt.after(adapt.from_theta0(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, loss=mse), -2),
     ["n_steps", "-2"]),
    ("sgd_path trainable repeated", lambda d: next(adapt.sgd_path(
        per_task(_problem()[1], 2), _problem()[2], _problem()[0], inner_lr=0.01, loss=mse,
        trainable=(0, 0))), ["trainable", "(0, 0)"]),
    ("inner_sgd trainable a bool mask", lambda d: inner_sgd(
        per_task(_problem()[1], 2), _problem()[2].x_support, _problem()[2].y_support,
        _problem()[0].apply, inner_lr=0.01, inner_steps=1,
        trainable=np.array([True, False, True, False])), ["trainable", "True"]),
    ("meta_loss inner_steps int8 negative", lambda d: meta_loss(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01,
        inner_steps=np.int8(-1)), ["inner_steps", "-1"]),
    ("meta_grad query targets cut short", lambda d: meta_grad(
        _problem()[1], TaskBatch(_problem()[2].x_support, _problem()[2].y_support,
                                 _problem()[2].x_query, _problem()[2].y_query[:, :3]),
        _problem()[0], inner_lr=0.01, inner_steps=1), ["y_query", "(2, 3, 1)"]),
    ("reptile_step meta_lr complex", lambda d: reptile_step(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, inner_steps=2,
        meta_lr=np.complex128(0.1)), ["meta_lr", "0.1+0j"]),
    ("divergence_map Ks 2-D", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), np.array([[1]]), [0.01], n_steps=2), ["Ks"]),
]

STRATEGY_CASES = [
    ("maml meta_batch int8 0", lambda d: make_strategy("maml", meta_batch=np.int8(0)),
     ["meta_batch", "0"]),
    ("maml inner_lr a 0-d array", lambda d: make_strategy("maml", inner_lr=np.array(0.01)),
     ["inner_lr", "0.01"]),
    ("fomaml inner_steps a tuple", lambda d: make_strategy("fomaml", inner_steps=(1,)),
     ["inner_steps", "(1,)"]),
    ("reptile n_steps 0", lambda d: make_strategy("reptile", n_steps=0), ["n_steps", "0"]),
    ("subset subset_size float16", lambda d: make_strategy("subset",
                                                           subset_size=np.float16(3)),
     ["subset_size", "3.0"]),
    ("r2d2 scale negative", lambda d: make_strategy("r2d2", "clusters", scale=-10.0),
     ["scale", "-10.0"]),
    ("closed_form learn_scale text", lambda d: make_strategy("closed_form", learn_scale="auto"),
     ["learn_scale", "'auto'"]),
    ("multitask head_steps negative", lambda d: make_strategy("multitask", head_steps=-1),
     ["head_steps", "-1"]),
    ("pretrained inner_steps", lambda d: make_strategy("pretrained", inner_steps=3),
     ["inner_steps"]),
    ("adaptation of a plain tuple batch", lambda d: _fresh()[0].adaptation(
        _fresh()[1], tuple(_batch())), ["batch", "tuple"]),
    ("update on a clusters batch", lambda d: (lambda s: s[0].update(
        s[1], GaussianClusters().sample(_rng(), 2, 5, 5), _rng(), 0))(_fresh()),
     ["batch", "(2, 5, 8)"]),
    ("meta_grad params one short", lambda d: (lambda s: s[0].meta_grad(
        s[1]["params"][:-1], _batch(), _rng()))(_fresh()), ["params"]),
    ("with_test_time of a name", lambda d: with_test_time("maml", inner_lr=0.1),
     ["strategy", "'maml'"]),
]

EVALUATE_CASES = [
    ("evaluate chunk_size fractional", lambda d: _evaluate_call(chunk_size=2.5),
     ["chunk_size", "2.5"]),
    ("evaluate seed a tuple", lambda d: _evaluate_call(seed=(22,)), ["seed", "(22,)"]),
    ("evaluate on_divergence upper-case", lambda d: _evaluate_call(on_divergence="RAISE"),
     ["on_divergence", "'RAISE'"]),
    ("select max_steps int8 negative", lambda d: _select(max_steps=np.int8(-1)),
     ["max_steps", "-1"]),
    ("select a text candidate", lambda d: _select(candidates=[0.01, "0.1"]),
     ["candidates", "'0.1'"]),
    ("held_out_tasks start a float64", lambda d: held_out_tasks(
        Sinusoid(), 2, 5, 5, start=np.float64(1.0)), ["start", "1.0"]),
    ("interval of a list with text", lambda d: interval([1.0, 2.0, "3"]), ["values"]),
    ("format_interval mean text", lambda d: format_interval("0.5", 0.01), ["mean", "'0.5'"]),
    ("task_rng i a float64", lambda d: task_rng(22, np.float64(1.0)), ["i", "1.0"]),
    ("train checkpoint_every a float64", lambda d: train(
        make_strategy("maml", meta_batch=2), 1, 0, checkpoint=d / "r.npz",
        checkpoint_every=np.float64(1.0)), ["checkpoint_every", "1.0"]),
    ("train history a dict", lambda d: train(make_strategy("maml", meta_batch=2), 1, 0,
                                             history={}), ["history", "dict"]),
    ("recorded_curve n_steps negative", lambda d: recorded_curve(*_fresh(), _batch(), -1),
     ["n_steps", "-1"]),
    ("diverged_value of a padded name", lambda d: diverged_value("accuracy "),
     ["'accuracy '"]),
]

CHECKPOINT_CASES = [
    ("save float16 state", lambda d: _save(d, state={"w": np.ones(2, np.float16)}),
     ["state/w", "float16"]),
    ("save a None leaf", lambda d: _save(d, state={"w": {"x": None}}), ["state/w/x", "None"]),
    ("save step a float64", lambda d: _save(d, step=np.float64(1.0)), ["step", "1.0"]),
    ("save seed 2**64", lambda d: _save(d, seed=2 ** 64), ["seed", str(2 ** 64)]),
    ("save meta_losses 2-D", lambda d: _save(d, meta_losses=np.ones((1, 1))),
     ["meta_losses", "(1, 1)"]),
    ("save to a .npz.part name", lambda d: _save(d, path=d / "run.npz.part"),
     ["run.npz.part", ".npz"]),
    ("load_checkpoint of the file's bytes", lambda d: load_checkpoint(_good(d).read_bytes()),
     ["checkpoint", "b'PK"]),
    ("unflatten a numbered level with a gap", lambda d: unflatten(
        {"a/0": np.ones(1), "a/2": np.ones(1)}), ["a", "2"]),
    ("flatten a key with a slash", lambda d: flatten({"a/b": np.ones(1)}), ["'a/b'"]),
    ("check_checkpoint_path bytes", lambda d: check_checkpoint_path(
        str(d / "x.npz").encode()), ["checkpoint", "b'/"]),
    ("exclusive of an int", lambda d: _exclusive_in(d, 123), ["path", "123"]),
]

NN_CASES = [
    ("MLP dtype complex128", lambda d: MLP((1, 4, 1), dtype=np.complex128),
     ["dtype", "complex128"]),
    ("MLP nested sizes", lambda d: MLP([[1, 4], 1]), ["sizes"]),
    ("MLP batch_norm text", lambda d: MLP((1, 4, 1), batch_norm="yes"),
     ["batch_norm", "'yes'"]),
    ("MLP apply object x", lambda d: _net()[0].apply(_net()[1], np.ones((5, 1), dtype=object)),
     ["x", "object"]),
    ("per_task n_tasks a float64", lambda d: per_task(_net()[1], np.float64(2.0)),
     ["n_tasks", "2.0"]),
    ("adam state t fractional", lambda d: _adam(state={**adam_init(_net()[1]), "t": 2.5}),
     ["t", "2.5"]),
    ("adam_init int8 params", lambda d: adam_init([np.zeros((1, 4), np.int8)]),
     ["params", "int8"]),
    ("adam_rows rows a bool mask", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones(2), np.ones(2)],
        np.array([True, False, True]), 1e-3), ["rows", "True"]),
    ("batch_norm of one point", lambda d: batch_norm(np.ones((1, 3))), ["h", "(1, 3)"]),
    ("batch_norm offset 4-D", lambda d: batch_norm(np.ones((2, 4, 3)),
                                                   offset=np.ones((2, 1, 1, 3))),
     ["offset", "(2, 1, 1, 3)"]),
    ("finn_init a negative width", lambda d: finn_init(_rng(), (784, 64, -5)),
     ["sizes", "-5"]),
]

TASK_CASES = [
    ("sinusoid amplitude three ends", lambda d: Sinusoid(amplitude=(0.1, 5.0, 7.0)),
     ["amplitude", "(0.1, 5.0, 7.0)"]),
    ("sinusoid phase reversed", lambda d: Sinusoid(phase=(np.pi, 0.0)), ["phase", "3.14"]),
    ("linear mean 2-D", lambda d: LinearRegression(mean=np.array([[1.0, 0.5]])),
     ["mean", "[[1. , 0.5]]"]),
    ("clusters spread negative", lambda d: GaussianClusters(spread=-2.0), ["spread", "-2.0"]),
    ("frequency range reversed", lambda d: SinusoidFrequency(frequency=(2.0, 0.5)),
     ["frequency", "2.0", "0.5"]),
    ("sinusoid make_batch params of three", lambda d: Sinusoid().make_batch(
        _rng(), np.ones((2, 3)), 5, 5), ["task_params", "(2, 3)"]),
    ("sample n_tasks uint64 2**62", lambda d: Sinusoid().sample(_rng(), np.uint64(2 ** 62), 5, 5),
     ["n_tasks", str(2 ** 62)]),
    ("mse of an object target", lambda d: mse(np.ones((2, 5, 1)),
                                              np.ones((2, 5, 1), dtype=object)),
     ["y", "object"]),
    ("cross_entropy targets of one task", lambda d: cross_entropy(
        np.zeros((2, 4, 3)), np.eye(3)[[0, 1, 2, 0]]), ["(2, 4, 3)", "(4, 3)"]),
    ("accuracy of other classes", lambda d: accuracy(np.zeros((2, 4, 3)), np.zeros((2, 4, 4))),
     ["(2, 4, 3)", "(2, 4, 4)"]),
    ("default_model of the class", lambda d: default_model(GaussianClusters),
     ["GaussianClusters"]),
]

SAMPLER_CASES = [
    ("exponential rate -inf", lambda d: exponential(rate=-np.inf), ["rate", "-inf"]),
    ("discrete rvs the Generator factory", lambda d: DiscreteInverseCDF([0.5, 0.5]).rvs(
        3, random_state=np.random.default_rng), ["random_state"]),
    ("continuous ppf a 0-d 1.5", lambda d: exponential().ppf(np.array(1.5)), ["u", "1.5"]),
    ("continuous sample size a dict", lambda d: exponential().sample({}, _rng()),
     ["size", "{}"]),
    ("grid equal bounds", lambda d: grid_inverse_cdf(np.ones_like, np.float64(1.0),
                                                     np.float64(1.0)), ["(1.0, 1.0)"]),
    ("metropolis target_acceptance 0", lambda d: _metropolis(
        target_acceptance=np.float64(0.0)), ["target_acceptance", "0.0"]),
    ("metropolis rng a bit generator", lambda d: _metropolis(
        rng=np.random.default_rng(0).bit_generator), ["rng", "PCG64"]),
    ("ess_tail prob reversed", lambda d: ess_tail(_draws(), prob=(0.95, 0.05)),
     ["prob", "(0.95, 0.05)"]),
    ("mcse_sd of bool draws", lambda d: mcse_sd(np.ones((4, 50), dtype=bool)),
     ["draws", "bool"]),
    ("transition matrix negative entry", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], [[1.1, -0.1], [-0.1, 1.1]]), ["Q", "-0.1"]),
    ("optimal_acceptance dim a tuple", lambda d: optimal_acceptance((2,)), ["dim", "(2,)"]),
]

TESTING_CASES = [
    ("dkw alpha a tuple", lambda d: testing.dkw_epsilon(100, alpha=(1e-6,)),
     ["alpha", "(1e-06,)"]),
    ("draws_needed beta 1", lambda d: testing.draws_needed(0.01, beta=1.0), ["beta", "1.0"]),
    ("ks_distance cdf above 1", lambda d: testing.ks_distance(
        [0.1, 0.2], lambda x: np.asarray(x) + 1.0), ["cdf", "1.1"]),
    ("two_sample_distance bool draws", lambda d: testing.two_sample_distance(
        np.ones(3, bool), np.ones(3)), ["x", "bool"]),
    ("chi_square_pvalue no counts", lambda d: testing.chi_square_pvalue([0, 0], [0.5, 0.5]),
     ["counts", "0"]),
    ("chi_square_power q negative", lambda d: testing.chi_square_power(
        [0.5, 0.5], [1.1, -0.1], 100), ["q", "-0.1"]),
    ("inverts u_resolution float16 underflow", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, [0.5], np.float16(1e-12)), ["u_resolution", "0.0"]),
    ("labels p 2-D", lambda d: testing.assert_labels_match([0, 1], [[0.5, 0.5]]),
     ["p", "[[0.5, 0.5]]"]),
    ("same_distribution alpha 1", lambda d: testing.assert_same_distribution(
        [1.0, 2.0], [1.0, 2.0], alpha=np.float64(1.0)), ["alpha", "1.0"]),
    ("density beta bounds reversed", lambda d: densities.beta(2.0, 3.0, lo=1.0, hi=0.0),
     ["1.0", "0.0"]),
    ("density steps edges unsorted", lambda d: densities.steps([0.0, 2.0, 1.0], [1.0, 1.0]),
     ["edges"]),
    ("density mixture scale inf", lambda d: densities.normal_mixture(
        [0.5, 0.5], [0.0, 1.0], [1.0, np.inf]), ["scales", "inf"]),
    ("strategy u_grids cut point above 1", lambda d: _example(
        _strategies().u_grids(cut_points=(1.5,))), ["cut_points", "1.5"]),
    ("strategy known_densities unknown kind", lambda d: _example(
        _strategies().known_densities(kinds=("mixture", "smooth"))), ["'smooth'"]),
]

OMNIGLOT_CASES = [
    ("family more train and validation than there are", lambda d: Omniglot(
        5, data=_data(), n_train=1100, n_validation=600), ["n_train", "n_validation"]),
    ("family data and root both", lambda d: Omniglot(5, data=_data(), root=ROOT),
     ["data", "root"]),
    ("family make_batch params of four", lambda d: Omniglot(5, data=_data()).make_batch(
        _rng(), np.zeros((2, 4), int), 5, 5), ["task_params", "(2, 4)"]),
    ("check_shots n_way a float64", lambda d: check_shots(np.float64(5.0), 2, 5, 5),
     ["n_way", "5.0"]),
    ("check_shots n_drawings 0", lambda d: check_shots(5, 2, 5, 5, n_drawings=0),
     ["n_drawings", "0"]),
    ("load parts a name", lambda d: omniglot.load(ROOT, cache_dir=_cache_dir(),
                                                  parts="images_background", progress=False),
     ["parts", "'images_background'"]),
    ("load root a list", lambda d: omniglot.load([ROOT], cache_dir=_cache_dir(),
                                                 progress=False), ["root"]),
    ("load cache_dir a file", lambda d: omniglot.load(cache_dir=_a_file(d), progress=False),
     ["cache_dir", "afile"]),
    ("finn_split n_train a float64", lambda d: finn_split(
        np.repeat(np.arange(10), 30), np.arange(300), np.float64(200.0), 50),
     ["n_train", "200.0"]),
    ("progress width 0", lambda d: Progress("x", 3, width=0), ["width", "0"]),
    ("progress label None", lambda d: Progress(None, 3), ["label", "None"]),
]

WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, demo": CLI_OTHER_CASES,
           "environment (cli)": ENV_CLI_CASES, "environment": ENV_CASES,
           "engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "samplers": SAMPLER_CASES, "testing kit": TESTING_CASES, "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped before any run (see the module docstring).
DROPPED = {
    "ess_tail prob reversed": "not a bad input: the tail ESS is the min over both quantiles, "
                              "so their order does not change the result",
    "mcse_sd of bool draws": "measures an errstate artefact: constant float draws "
                             "(np.ones((4, 50))) hit the same FloatingPointError",
    "family data and root both": "documented: the family calls omniglot.load(root) only "
                                 "without data",
}


def _kept(cases):
    """Two cases of every three, in the order written (the battery's size, blind to results)."""
    kept = [c for i, c in enumerate(cases) if i % 3 != 2]
    return [c for c in kept if c[0] not in DROPPED]


# --- running and classifying ---------------------------------------------------------------

def _classify(group, case, folder):
    name, make, mentions, *env = case
    wrap = _env(**env[0]) if env and env[0] else (lambda call: call)
    if group.startswith("cli") or group == "environment (cli)":
        _good(folder)                            # a checkpoint that must survive the case
        return wrap(lambda d: classify_cli(make(d), mentions, d))(folder)
    if group == "checkpoints":
        _good(folder)
    return classify_call(wrap(make), mentions, folder)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}
ALL = [(g, c) for g, cases in GROUPS.items() for c in cases]


@pytest.mark.parametrize("group, case", ALL, ids=[f"{g}: {c[0]}" for g, c in ALL])
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if (group == "omniglot" or "omniglot" in case[0]) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_sixth_battery_is_wide_and_new():
    assert len(ALL) >= 100
    names = [c[0] for _, c in ALL]
    assert len(names) == len(set(names))


def main():
    """``python tests/test_bad_inputs_sixth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
