"""A seventh battery of bad inputs (issue 11's goal, measured on a fresh, independent set).

``tests/test_bad_inputs_cli.py`` (whose module docstring defines clear / unclear / silent /
data loss), ``_wider``, ``_third``, ``_fourth``, ``_fifth`` and ``_sixth`` hold the first six
hand-written batteries, ``test_bad_inputs_sweep_engine_sampling.py`` and
``sweep_bad_inputs_meta_data.py`` the generated sweeps. The cases here are new, of the same
kinds, written from the user's side (``__all__``, README, docstrings, signatures, ``--help``)
without reading the library's check modules, after reading the earlier batteries and sweeps
so as not to repeat their cases: a flag with no value, with two decimal points or a decimal
comma, ``--force=yes``, an ambiguous abbreviation (``--n``), an abbreviated or upper-case
subcommand, ``--set`` values joined by a comma or quoted, an empty or padded strategy name,
``--out -``; checkpoints damaged in entries not tried before (a word for the seed, an empty
weight, a JSON ``null`` config, no strategy entry, a vector Adam step); bad environment values
(``SCRATCHMETA_KEEP_FREED_MEMORY`` '2', '0x0', 'no', '-1'; ``SCRATCHMETA_DATA`` the zips' own
folder); generators, classes, dicts and bit generators where a sequence, an instance, a batch
or a Generator is meant; NumPy scalars (int16/int32/int64/uint8/float32/float64) and 0-d
arrays; NaN in inputs, targets and task parameters; arguments swapped; over the engine,
gradcheck, Chapter 2's functions, every strategy via ``make_strategy`` and its methods,
evaluate/select_test_time/train, checkpoints, nn/optim/batchnorm, the task families and
losses, the samplers, the testing kit, Omniglot and the command line. Omniglot's ``root`` is
``omniglot_real.REAL_DATA`` (no download), decoded into the fifth battery's private cache. Classification: the first
battery's ``classify_call`` / ``classify_cli`` under ``np.errstate(all="raise")``, through
the sixth battery's ``_classify``; for a positional argument the value alone is enough.
(``classify_cli`` runs ``cli.main`` in this process, so the command line measured is the one
imported, ``scratchmeta/cli.py`` of this checkout.)

Selection, blind: 204 cases were written; three of every five in each area, in the order
written (``i % 5 not in (1, 4)``), were kept before any run: 126. After the first run three
cases were dropped (``DROPPED``; all among the kept ones): ``assert_labels_match`` with a
label past ``p`` (its docstring makes a label outside 0..N-1 the assertion's failure),
``MLP`` of a generator of sizes (read once into a tuple: the model asked for), and
``LinearRegression(scale=0)`` (one fixed task, as the fifth battery's dropped range with equal
ends). Also after the first run, three ``mentions`` were corrected where the case, not the
library, was wrong: ``sample_batch`` with its arguments swapped shows the dict's repr, not
"dict"; ``restore(root="")`` of a sinusoid checkpoint is refused, clearly, because any root is
wrong there (the message names root and the file, not ''); an Omniglot ``make_batch`` case
meant to give a negative character gave ``task_params`` of shape (1, 5), where (tasks, 5, 2)
is meant, and is refused with that shape (so it measures a wrong shape, not the negative id).
Before those corrections and drops, the 126 kept: 92 clear (73.0%), 12 unclear, 22 silent,
0 data loss.

Measured against the code at commit 39e7364, before any fix: 123 cases, 95 clear (77.2%),
8 unclear (6.5%), 20 silent (16.3%), 0 data loss. By area (clear/unclear/silent/data loss):
command line (train) 10/0/0/0 of 10, command line (evaluate, compare, subcommands) 9/0/0/0
of 9, environment (command line) 3/0/0/0 of 3, environment 3/0/0/0 of 3, engine 6/1/1/0 of
8, gradcheck 2/1/1/0 of 4, Chapter 2's functions 4/3/5/0 of 12, strategies 10/0/0/0 of 10,
evaluate and train 11/1/1/0 of 13, checkpoints 2/2/5/0 of 9, nn/optim/batchnorm 6/0/1/0 of
7, task families and losses 5/0/2/0 of 7, samplers 7/0/0/0 of 7, testing kit 9/0/2/0 of 11,
Omniglot 8/0/2/0 of 10. All 201 written and not dropped (``python
tests/test_bad_inputs_seventh.py --written``): 155 clear (77.1%), 13 unclear, 33 silent, 0
data loss. So a fresh battery is still below the goal of 95%: the command line, the
environment, the strategies and the samplers have no miss; Chapter 2's functions and the
checkpoint helpers are where most misses are. Not clear:

* unclear: ``ad.getitem(X3, 5)`` (a clear message, but an IndexError);
  ``check_grads(f, ("abc",))`` (names neither ``args`` nor the value);
  ``r2d2_logits`` with labels for ``y_support`` (the message says ``targets``);
  ``divergence_map(..., inner_lrs=0.01)`` ("'float' object is not iterable");
  ``subset_indices(rng, 2, np.float32(10), 5)`` (NumPy's "cannot be interpreted as an
  integer"); ``evaluate`` of a MAML sinusoid strategy with a clusters model's state (a matmul
  error); ``unflatten({"a": ..., "a/b": ...})`` (an IndexError);
  ``check_same_run(ckpt, strategy, "0")`` ("seed: checkpoint 0, this run 0");
* silent: ``ad.jvp(ad.sin, (X3,), (int tangent,))``; ``hvp`` of a dict ``x`` with a list
  ``v``; ``softmax_head`` of all-zero targets; ``meta_loss(first_order="False")``;
  ``reptile_direction`` of a NaN ``theta_T``; ``closed_form_meta_loss(scale=0.0)``;
  ``meta_loss_low_rank(inner_steps=np.int16(-1))``; ``evaluate(seed=2**64)``;
  ``save_checkpoint`` of a config with NaN and of text meta-losses (``["1.0"]``);
  ``load_checkpoint`` of a vector ``state/adam/t``; ``flatten(prefix=3)``;
  ``check_checkpoint_path(name=3)``; ``MLP.apply`` of NaN ``x``; ``Sinusoid().make_batch`` of
  NaN task parameters; ``cross_entropy`` of all-ones targets; ``ks_distance`` of 2-D samples;
  ``assert_inverts`` of a 2-D ``u``; ``finn_split`` of 2-D alphabets;
  ``Progress(enabled="no")``.

A blind test of the generated sweep's fixes: while this battery was written (in a worktree
frozen at 39e7364), the fixes that ``sweep_bad_inputs_meta_data.py`` called for were made
without sight of it (commits 3e0000b and 2a5d270). Measured after them: 98 of 123 clear
(79.7%). Then its own fixes (429cf24, b953a6c): 120 of 123 clear (97.6%). The three left
are strict xfails with their reasons (``NOT_CLEAR_YET``): an out-of-range index is an
IndexError, and two NaN checks would scan data on every step.
``python tests/test_bad_inputs_seventh.py`` prints the rates by area (a few seconds).
"""

import os
import pathlib
import types

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
from scratchmeta.meta.checkpoint import (check_checkpoint_path, check_state, flatten,
                                         load_checkpoint, restore, unflatten)
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (diverged_value, format_interval, format_table,
                                       held_out_tasks, interval, recorded_curve, task_rng,
                                       with_test_time)
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norm
from scratchmeta.meta.maml import inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import make_strategy, strategy_from_config
from scratchmeta.meta.reptile import reptile_direction
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import newton_solve, softmax_head, softmax_head_logits
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import as_seed, check_same_run, step_rng, train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows
from scratchmeta.sampling import (DiscreteInverseCDF, cauchy, ess_tail, grid_inverse_cdf,
                                  logistic, metropolis_transition_matrix, optimal_acceptance,
                                  weibull)
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, cross_entropy, mse
from scratchmeta.testing import densities

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import (_damaged, _drop, _evaluate, _good, _set,
                                 _train, battery_main)
from test_bad_inputs_fourth import X3, _maml, _once, _problem, _rng, _square
from test_bad_inputs_fifth import (_adam, _batch, _cache_dir, _evaluate_call, _example,
                                   _features, _metropolis, _net, _rows_state, _save, _select,
                                   _strategies)
from test_bad_inputs_sixth import M2, _classify, _compare, _out


ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = pathlib.Path(ROOT).is_dir()


# --- objects the cases use -------------------------------------------------------------------

def _data():
    """The real Omniglot drawings, from ROOT, decoded into a private cache (no download)."""
    return _once("omniglot7", lambda: omniglot.load(ROOT, cache_dir=_cache_dir(),
                                                      progress=False))


def _zips_folder(folder):
    """A temp folder holding links to the two zips themselves (a user's SCRATCHMETA_DATA
    pointing at the zips, not at the folder above their ``omniglot/``)."""
    path = folder / "zips"
    path.mkdir(exist_ok=True)
    for name in ("images_background.zip", "images_evaluation.zip"):
        if not (path / name).exists():
            os.symlink(pathlib.Path(ROOT) / name, path / name)
    return path


def _omniglot_cache_env():
    return {"SCRATCHMETA_DATA": lambda d: _cache_dir()}


def _clusters_state():
    return _once("clusters7", lambda: make_strategy("maml", "clusters", meta_batch=2)
                 .init_state(_rng()))


def _good_ckpt(d):
    return load_checkpoint(_good(d))


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("steps with no value", lambda d: ["train", "--meta-batch", "2", *_out(d), "--steps"],
     ["--steps"]),
    ("inner-lr two decimal points", _train("--inner-lr", "0.1.2"), ["--inner-lr", "0.1.2"]),
    ("meta-lr a decimal comma", _train("--meta-lr", "1,5"), ["--meta-lr", "1,5"]),
    ("set two settings joined by a comma", _train("--set", "inner_lr=0.1,meta_lr=0.01"),
     ["inner_lr", "0.1,meta_lr=0.01"]),
    ("set first_order a quoted true", _train("--set", 'first_order="true"'),
     ["first_order", "'true'"]),
    ("set n_query 5.0", _train("--set", "n_query=5.0"), ["n_query", "5.0"]),
    ("r2d2 on clusters set scale=0", _train("--family", "clusters", "--strategy", "r2d2",
                                            "--set", "scale=0"), ["scale", "0"]),
    ("strategy empty", _train("--strategy", ""), ["--strategy", "''"]),
    ("strategy with a trailing space", _train("--strategy", "maml "), ["--strategy", "'maml '"]),
    ("out a dash", _train("--out", "-"), ["--out", "'-'"]),
    ("pretrained --n-query", _train("--strategy", "pretrained", "--n-query", "5"), ["n_query"]),
    ("newton_head --inner-steps", _train("--family", "clusters", "--strategy", "newton_head",
                                         "--inner-steps", "2"), ["inner_steps"]),
    ("subset set subset_size=2.0", _train("--strategy", "subset", "--set", "subset_size=2.0"),
     ["subset_size", "2.0"]),
    ("closed_form set learn_scale=maybe", _train("--strategy", "closed_form", "--set",
                                                 "learn_scale=maybe"),
     ["learn_scale", "'maybe'"]),
    ("force given a value", _train("--force=yes"), ["--force"]),
    ("option abbreviated ambiguously", _train("--n", "5"), ["--n"]),
]

CLI_OTHER_CASES = [
    ("eval checkpoint with a trailing slash", lambda d: ["evaluate", "--checkpoint",
                                                         str(_good(d)) + "/", "--tasks", "4"],
     ["good.npz"]),
    ("eval steps a word", _evaluate(_good, "--steps", "ten"), ["--steps", "ten"]),
    ("eval seed in e-notation", _evaluate(_good, "--seed", "1e3"), ["--seed", "1e3"]),
    ("eval split capitalised", _evaluate(_good, "--split", "Test"), ["--split", "Test"]),
    ("eval seed a word in the file", _evaluate(lambda d: _damaged(d, "seedword", _set(
        "meta/seed", np.array("zero")))), ["meta/seed"]),
    ("eval an empty weight entry", _evaluate(lambda d: _damaged(d, "emptyw", _set(
        "state/params/1", np.zeros(0)))), ["state/params/1", "(0,)"]),
    ("eval config JSON null", _evaluate(lambda d: _damaged(d, "cfgnull", _set(
        "meta/config", np.array("null")))), ["meta/config"]),
    ("eval no strategy entry", _evaluate(lambda d: _damaged(d, "nostrat", _drop(
        "meta/strategy"))), ["meta/strategy"]),
    ("compare strategies an empty name", _compare("--strategies", ""), ["--strategies", "''"]),
    ("compare quick given a value", _compare("--quick=1"), ["--quick"]),
    ("compare steps a word", _compare("--steps", "few"), ["--steps", "few"]),
    ("compare family unknown", _compare("--family", "sine"), ["--family", "sine"]),
    ("compare tasks hex", _compare("--tasks", "0x10"), ["--tasks", "0x10"]),
    ("subcommand abbreviated", lambda d: ["eval", "--checkpoint", str(_good(d))], ["'eval'"]),
    ("subcommand upper-case", lambda d: ["TRAIN", "--steps", "2", *_out(d)], ["'TRAIN'"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory '2', train", _train(), ["SCRATCHMETA_KEEP_FREED_MEMORY", "'2'"],
     {"SCRATCHMETA_KEEP_FREED_MEMORY": "2"}),
    ("SCRATCHMETA_DATA the zips' own folder, omniglot train", _train("--family", "omniglot"),
     ["SCRATCHMETA_DATA"], {"SCRATCHMETA_DATA": lambda d: _zips_folder(d)}),
    ("keep-freed-memory '0x0', compare", _compare(), ["SCRATCHMETA_KEEP_FREED_MEMORY", "'0x0'"],
     {"SCRATCHMETA_KEEP_FREED_MEMORY": "0x0"}),
    ("keep-freed-memory 'no', evaluate", _evaluate(_good),
     ["SCRATCHMETA_KEEP_FREED_MEMORY", "'no'"], {"SCRATCHMETA_KEEP_FREED_MEMORY": "no"}),
]

# library calls under a bad environment, or of the environment modules: (id, call, mentions, env)
ENV_CASES = [
    ("keep_freed_memory threshold a list", lambda d: memory.keep_freed_memory(
        mmap_threshold=[65536]), ["mmap_threshold", "[65536]"], None),
    ("one_blas_thread environ read-only", lambda d: threads.one_blas_thread_unless_set(
        types.MappingProxyType({})), ["environ", "mappingproxy"], None),
    ("opt-out value '-1'", lambda d: memory.opt_out_value(),
     ["SCRATCHMETA_KEEP_FREED_MEMORY", "'-1'"], {"SCRATCHMETA_KEEP_FREED_MEMORY": "-1"}),
    ("keep_freed_memory threshold a 2-element array", lambda d: memory.keep_freed_memory(
        trim_threshold=np.array([1, 2]) * 2 ** 20), ["trim_threshold"], None),
]


# --- library calls: (id, call(folder), mentions) ---------------------------------------------

ENGINE_CASES = [
    ("value_and_grad of a one-element vector output", lambda d: ad.value_and_grad(
        lambda x: x * 2.0)(np.ones(1)), ["scalar", "(1,)"]),
    ("grad of a dict with an int and a str key", lambda d: ad.grad(
        lambda t: _square(t["a"]))({"a": X3, 1: X3}), ["1", "'a'"]),
    ("jvp an integer tangent", lambda d: ad.jvp(ad.sin, (X3,), (np.ones(3, int),)),
     ["tangent", "int"]),
    ("tree_map a function name", lambda d: ad.tree_map("add", X3), ["'add'"]),
    ("grad of a generator", lambda d: ad.grad(lambda t: _square(next(iter(t))))(
        x for x in [X3]), ["argument 0", "generator"]),
    ("squeeze an axis of size 3", lambda d: ad.squeeze(np.ones((1, 3)), axis=1),
     ["axis", "1"]),
    ("expand_dims a repeated axis", lambda d: ad.expand_dims(X3, (0, 0)), ["axis", "(0, 0)"]),
    ("getitem past the end", lambda d: ad.getitem(X3, 5), ["5"]),
    ("maximum of other shapes", lambda d: ad.maximum(X3, np.ones(2)), ["(3,)", "(2,)"]),
    ("norm axis past the end", lambda d: ad.norm(M2, axis=2), ["axis", "2"]),
    ("std ddof negative", lambda d: ad.std(X3, ddof=-1), ["ddof", "-1"]),
    ("sum_to a shape it does not reduce to", lambda d: ad.sum_to(np.ones((2, 3)), (4,)),
     ["(2, 3)", "(4,)"]),
    ("einsum more operands than subscripts", lambda d: ad.einsum("i->i", X3, X3), ["'i->i'"]),
]

GRADCHECK_CASES = [
    ("check_grads args a text argument", lambda d: check_grads(_square, ("abc",)),
     ["args", "'abc'"]),
    ("check_grads args a generator", lambda d: check_grads(_square, (x for x in [X3])),
     ["args", "generator"]),
    ("hvp x a dict, v a list", lambda d: hvp(lambda t: _square(t["a"]), {"a": X3}, [X3]),
     ["dict", "list"]),
    ("hvp x an integer vector", lambda d: hvp(_square, np.array([1, 2, 3]), np.ones(3)),
     ["x", "int"]),
    ("hvp of a function returning None", lambda d: hvp(lambda x: None, X3, X3), ["None"]),
    ("check_grads rtol a list", lambda d: check_grads(_square, (X3,), rtol=[1e-6]),
     ["rtol", "[1e-06]"]),
]

META_CASES = [
    ("ridge_head targets of one task", lambda d: ridge_head(_features()[0], _features()[1][0],
                                                            0.1), ["targets", "(6, 3)"]),
    ("ridge_fit lam True", lambda d: ridge_fit(*_features(), True), ["lam", "True"]),
    ("softmax_head lam float32 negative", lambda d: softmax_head(*_features(),
                                                                 np.float32(-0.5)),
     ["lam", "-0.5"]),
    ("softmax_head all-zero targets", lambda d: softmax_head(_features()[0], np.zeros((2, 6, 3)),
                                                             0.1), ["targets"]),
    ("newton_solve tol negative", lambda d: newton_solve(_features()[0], _features()[1], 0.1,
                                                         tol=-1e-10), ["tol", "-1e-10"]),
    ("softmax_head_logits a 2-D query", lambda d: softmax_head_logits(
        _features()[0], _features()[1], _features()[0][0], 0.1), ["phi_query", "(6, 4)"]),
    ("r2d2 lam a 0-d negative", lambda d: r2d2_logits(_features()[0], _features()[1],
                                                      _features()[0], np.array(-1.0)),
     ["lam", "-1"]),
    ("r2d2 labels for y_support", lambda d: r2d2_logits(_features()[0], np.zeros((2, 6), int),
                                                        _features()[0], 0.1),
     ["y_support", "(2, 6)"]),
    ("adapt.steps n_steps a float64", lambda d: list(adapt.steps(adapt.from_theta0(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, loss=mse),
        np.float64(2.0))), ["n_steps", "2.0"]),
    ("inner_sgd y of fewer points than x", lambda d: inner_sgd(
        per_task(_problem()[1], 2), _problem()[2].x_support, _problem()[2].y_support[:, :3],
        _problem()[0].apply, inner_lr=0.01, inner_steps=1), ["(2, 3, 1)"]),
    ("meta_loss first_order a string", lambda d: meta_loss(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, inner_steps=1,
        first_order="False"), ["first_order", "'False'"]),
    ("meta_grad batch a dict", lambda d: meta_grad(
        _problem()[1], vars(_problem()[2]), _problem()[0], inner_lr=0.01, inner_steps=1),
     ["batch", "dict"]),
    ("reptile_direction theta_T NaN", lambda d: reptile_direction(
        _problem()[1], [p * np.nan for p in _problem()[1]]), ["theta_T", "NaN"]),
    ("closed_form scale 0", lambda d: closed_form_meta_loss(
        _problem()[1][:-2], _problem()[2], _problem()[0], lam=0.1, scale=0.0),
     ["scale", "0.0"]),
    ("multitask_loss body of all parameters", lambda d: multitask_loss(
        _problem()[1], [np.zeros((2, 8, 1)), np.zeros((2, 1))], _problem()[2].x_support,
        _problem()[2].y_support, _problem()[0]), ["body"]),
    ("divergence_map inner_lrs a number", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [1], 0.01, n_steps=2), ["inner_lrs", "0.01"]),
    ("meta_gradient_norm inner_lr inf", lambda d: meta_gradient_norm(
        _problem()[1], _problem()[2], _problem()[0], inner_steps=1, inner_lr=np.inf),
     ["inner_lr", "inf"]),
    ("meta_loss_low_rank inner_steps int16 negative", lambda d: meta_loss_low_rank(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01,
        inner_steps=np.int16(-1)), ["inner_steps", "-1"]),
    ("subset_indices n_support a float32", lambda d: subset_indices(
        _rng(), 2, np.float32(10), 5), ["n_support", "10.0"]),
]

STRATEGY_CASES = [
    ("anil inner_steps int32 negative", lambda d: make_strategy("anil",
                                                                inner_steps=np.int32(-1)),
     ["inner_steps", "-1"]),
    ("reptile inner_lr a list", lambda d: make_strategy("reptile", inner_lr=[0.01]),
     ["inner_lr", "[0.01]"]),
    ("closed_form learn_lam text", lambda d: make_strategy("closed_form", learn_lam="yes"),
     ["learn_lam", "'yes'"]),
    ("r2d2 lam float32 inf", lambda d: make_strategy("r2d2", "clusters",
                                                     lam=np.float32(np.inf)), ["lam", "inf"]),
    ("newton_head n_support a float64", lambda d: make_strategy(
        "newton_head", "clusters", n_support=np.float64(5.0)), ["n_support", "5.0"]),
    ("multitask head_init capitalised", lambda d: make_strategy(
        "multitask", head_init="Closed_Form"), ["head_init", "'Closed_Form'"]),
    ("multitask lam a one-element array", lambda d: make_strategy(
        "multitask", lam=np.array([0.01])), ["lam", "0.01"]),
    ("scratch n_query uint8 0", lambda d: make_strategy("scratch", n_query=np.uint8(0)),
     ["n_query", "0"]),
    ("pretrained meta_batch 1.0", lambda d: make_strategy("pretrained", meta_batch=1.0),
     ["meta_batch", "1.0"]),
    ("subset first_order text", lambda d: make_strategy("subset", first_order="true"),
     ["first_order", "'true'"]),
    ("make_strategy family a class", lambda d: make_strategy("maml", family=Sinusoid),
     ["family", "Sinusoid"]),
    ("make_strategy config keyword", lambda d: make_strategy("maml", config={"inner_lr": 0.1}),
     ["config"]),
    ("init_state rng a bit generator", lambda d: _maml()[0].init_state(
        np.random.default_rng(0).bit_generator), ["rng", "PCG64"]),
    ("sample_batch arguments swapped", lambda d: _maml()[0].sample_batch(_maml()[1], _rng()),
     ["rng", "{'params'"]),
    ("update step a float64", lambda d: _maml()[0].update(_maml()[1], _batch(), _rng(),
                                                          np.float64(1.0)), ["step", "1.0"]),
    ("reptile outer_step_size step negative", lambda d: make_strategy(
        "reptile", n_steps=10).outer_step_size(-1), ["step", "-1"]),
    ("strategy_from_config without its parts", lambda d: strategy_from_config(
        {"class": "scratchmeta.meta.maml.MAML"}), ["hyperparameters"]),
]

EVALUATE_CASES = [
    ("evaluate n_steps a float64", lambda d: _evaluate_call(n_steps=np.float64(2.0)),
     ["n_steps", "2.0"]),
    ("evaluate family a class", lambda d: _evaluate_call(family=Sinusoid), ["family",
                                                                            "Sinusoid"]),
    ("evaluate state of a clusters model", lambda d: _evaluate_call(state=_clusters_state()),
     ["params"]),
    ("evaluate seed 2**64", lambda d: _evaluate_call(seed=2 ** 64), ["seed", str(2 ** 64)]),
    ("select candidates a generator", lambda d: _select(candidates=(x for x in [0.01])),
     ["candidates", "generator"]),
    ("select a zero candidate", lambda d: _select(candidates=[0.0, 0.01]),
     ["candidates", "0.0"]),
    ("select n_support a float64", lambda d: _select(n_support=np.float64(10.0)),
     ["n_support", "10.0"]),
    ("select seed negative", lambda d: _select(seed=-5), ["seed", "-5"]),
    ("held_out_tasks family a name", lambda d: held_out_tasks("sinusoid", 2, 5, 5),
     ["family", "'sinusoid'"]),
    ("interval of an empty list", lambda d: interval([]), ["values"]),
    ("interval of one value", lambda d: interval([0.5]), ["values"]),
    ("format_interval half_width NaN", lambda d: format_interval(0.5, np.nan),
     ["half_width", "nan"]),
    ("format_table of a dict", lambda d: format_table({"maml": 0.5}), ["rows", "dict"]),
    ("task_rng i negative", lambda d: task_rng(22, -1), ["i", "-1"]),
    ("recorded_curve n_steps a float64", lambda d: recorded_curve(*_maml(), _batch(),
                                                                  np.float64(3.0)),
     ["n_steps", "3.0"]),
    ("train progress 1", lambda d: train(make_strategy("maml", meta_batch=2), 1, 0,
                                         progress=1), ["progress", "1"]),
    ("train n_steps int64 0", lambda d: train(make_strategy("maml", meta_batch=2),
                                              np.int64(0), 0), ["n_steps", "0"]),
    ("train strategy None", lambda d: train(None, 1, 0), ["strategy", "None"]),
    ("as_seed True", lambda d: as_seed(True), ["seed", "True"]),
    ("step_rng step fractional", lambda d: step_rng(0, 2.5), ["step", "2.5"]),
    ("with_test_time inner_lr negative", lambda d: with_test_time(_maml()[0], inner_lr=-0.1),
     ["inner_lr", "-0.1"]),
    ("diverged_value None", lambda d: diverged_value(None), ["None"]),
]

CHECKPOINT_CASES = [
    ("save to a folder", lambda d: _save(d, path=d), [".npz"]),
    ("save bool state", lambda d: _save(d, state={"w": np.ones(2, bool)}), ["state/w", "bool"]),
    ("save config with NaN", lambda d: _save(d, config={"a": float("nan")}), ["config", "nan"]),
    ("save meta_losses text", lambda d: _save(d, meta_losses=["1.0"]), ["meta_losses"]),
    ("save step True", lambda d: _save(d, step=True), ["step", "True"]),
    ("load adam t a vector", lambda d: load_checkpoint(_damaged(d, "t1d", _set(
        "state/adam/t", np.array([2])))), ["state/adam/t", "(1,)"]),
    ("load strategy name a number", lambda d: load_checkpoint(_damaged(d, "stratnum", _set(
        "meta/strategy", np.array(3)))), ["meta/strategy"]),
    ("restore root empty", lambda d: restore(_good(d), root=""), ["root", "good.npz"]),
    ("unflatten a leaf and a level of one name", lambda d: unflatten(
        {"a": np.ones(1), "a/b": np.ones(1)}), ["'a'"]),
    ("unflatten strict text", lambda d: unflatten({"a": np.ones(1)}, strict="yes"),
     ["strict", "'yes'"]),
    ("flatten prefix an int", lambda d: flatten({"w": np.ones(1)}, prefix=3), ["prefix", "3"]),
    ("check_state adam t fractional", lambda d: check_state(
        {**_maml()[1], "adam": {**_maml()[1]["adam"], "t": 1.5}}, _maml()[0]), ["t", "1.5"]),
    ("check_checkpoint_path name an int", lambda d: check_checkpoint_path(d / "a.npz", name=3),
     ["name", "3"]),
    ("check_same_run seed text", lambda d: check_same_run(
        _good_ckpt(d), make_strategy("maml", meta_batch=2), "0"), ["seed", "'0'"]),
]

NN_CASES = [
    ("MLP sizes a generator", lambda d: MLP(x for x in (1, 4, 1)), ["sizes", "generator"]),
    ("MLP batch_norm 1", lambda d: MLP((1, 4, 1), batch_norm=1), ["batch_norm", "1"]),
    ("MLP apply NaN x", lambda d: _net()[0].apply(_net()[1], np.full((5, 1), np.nan)),
     ["x", "nan"]),
    ("MLP head of other features", lambda d: _net()[0].head(_net()[1][-2:], np.ones((5, 3))),
     ["(5, 3)"]),
    ("per_task of a dict", lambda d: per_task({"w": np.ones(2)}, 2), ["params", "dict"]),
    ("adam beta1 negative", lambda d: _adam(beta1=-0.1), ["beta1", "-0.1"]),
    ("adam eps float32 inf", lambda d: _adam(eps=np.float32(np.inf)), ["eps", "inf"]),
    ("adam state m too short", lambda d: _adam(state={**adam_init(_net()[1]),
                                                      "m": adam_init(_net()[1])["m"][:2]}),
     ["m"]),
    ("adam_rows a negative row", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                                     [np.ones((1, 2))], [-1], 1e-3),
     ["rows", "-1"]),
    ("batch_norm eps negative", lambda d: batch_norm(np.ones((4, 3)), eps=-0.1),
     ["eps", "-0.1"]),
    ("batch_norm h 1-D", lambda d: batch_norm(np.ones(4)), ["h", "(4,)"]),
    ("batch_norm h with NaN", lambda d: batch_norm(np.array([[1.0, np.nan], [2.0, 3.0]])),
     ["h", "nan"]),
    ("finn_init sizes one int", lambda d: finn_init(_rng(), 784), ["sizes", "784"]),
]

TASK_CASES = [
    ("sinusoid x_range reversed", lambda d: Sinusoid(x_range=(5.0, -5.0)),
     ["x_range", "5.0"]),
    ("sinusoid phase to inf", lambda d: Sinusoid(phase=(0.0, np.inf)), ["phase", "inf"]),
    ("linear scale 0", lambda d: LinearRegression(scale=0), ["scale", "0"]),
    ("linear noise a vector", lambda d: LinearRegression(noise=np.array([0.1, 0.2])),
     ["noise"]),
    ("clusters n_way a float64", lambda d: GaussianClusters(n_way=np.float64(5.0)),
     ["n_way", "5.0"]),
    ("clusters dim negative", lambda d: GaussianClusters(dim=-3), ["dim", "-3"]),
    ("frequency range below 0", lambda d: SinusoidFrequency(frequency=(-1.0, 2.0)),
     ["frequency", "-1.0"]),
    ("sample rng the np.random module", lambda d: Sinusoid().sample(np.random, 2, 5, 5),
     ["rng"]),
    ("make_batch params with NaN", lambda d: Sinusoid().make_batch(
        _rng(), np.array([[1.0, np.nan], [1.0, 0.5]]), 5, 5), ["task_params", "nan"]),
    ("mse of a bool target", lambda d: mse(np.ones((2, 5, 1)), np.ones((2, 5, 1), bool)),
     ["y", "bool"]),
    ("cross_entropy targets all ones", lambda d: cross_entropy(np.zeros((2, 4, 3)),
                                                               np.ones((2, 4, 3))),
     ["y_onehot"]),
    ("TaskBatch of other task counts", lambda d: TaskBatch(
        np.ones((2, 5, 1)), np.ones((3, 5, 1)), np.ones((2, 5, 1)), np.ones((2, 5, 1))),
     ["(2, 5, 1)", "(3, 5, 1)"]),
    ("sample_params n_tasks int64 negative", lambda d: Sinusoid().sample_params(
        _rng(), np.int64(-2)), ["n_tasks", "-2"]),
]

SAMPLER_CASES = [
    ("logistic loc NaN", lambda d: logistic(loc=np.nan), ["loc", "nan"]),
    ("weibull shape float32 negative", lambda d: weibull(np.float32(-2.0)), ["shape", "-2.0"]),
    ("cauchy scale True", lambda d: cauchy(scale=True), ["scale", "True"]),
    ("discrete a NaN entry", lambda d: DiscreteInverseCDF((0.5, 0.5, np.nan)), ["p", "nan"]),
    ("discrete rvs size a float64", lambda d: DiscreteInverseCDF([0.5, 0.5]).rvs(
        size=np.float64(3.0), random_state=0), ["size", "3.0"]),
    ("grid n a float64", lambda d: grid_inverse_cdf(np.ones_like, 0.0, 1.0,
                                                    n=np.float64(100.0)), ["n", "100.0"]),
    ("metropolis step_size of two for one dimension", lambda d: _metropolis(
        step_size=np.array([0.1, 0.2])), ["step_size"]),
    ("metropolis x0 NaN", lambda d: _metropolis(x0=np.array([[0.0], [np.nan]])), ["x0", "nan"]),
    ("metropolis n_warmup a float64", lambda d: _metropolis(n_warmup=np.float64(5.0)),
     ["n_warmup", "5.0"]),
    ("ess_tail prob 0", lambda d: ess_tail(np.random.default_rng(1).normal(size=(4, 50)),
                                           prob=(0.0, 0.95)), ["prob", "0.0"]),
    ("transition matrix p not summing to 1", lambda d: metropolis_transition_matrix(
        [0.7, 0.7], [[0.5, 0.5], [0.5, 0.5]]), ["p"]),
    ("optimal_acceptance dim inf", lambda d: optimal_acceptance(np.inf), ["dim", "inf"]),
]

TESTING_CASES = [
    ("dkw n a list", lambda d: testing.dkw_epsilon([100]), ["n", "[100]"]),
    ("smallest_detectable alpha NaN", lambda d: testing.smallest_detectable(100, alpha=np.nan),
     ["alpha", "nan"]),
    ("draws_needed discrepancy float32 negative", lambda d: testing.draws_needed(
        np.float32(-0.1)), ["discrepancy", "-0.1"]),
    ("ks_distance 2-D samples", lambda d: testing.ks_distance(np.ones((2, 2)) * 0.5,
                                                              stats.norm.cdf),
     ["samples", "(2, 2)"]),
    ("two_sample_distance 2-D x", lambda d: testing.two_sample_distance([[1.0, 2.0]], [1.0]),
     ["x", "(1, 2)"]),
    ("chi_square_pvalue bool counts", lambda d: testing.chi_square_pvalue(
        np.array([True, True]), [0.5, 0.5]), ["counts", "bool"]),
    ("chi_square_power one category", lambda d: testing.chi_square_power([1.0], [1.0], 100),
     ["p"]),
    ("inverts u 2-D", lambda d: testing.assert_inverts(stats.norm.ppf, stats.norm.cdf,
                                                       [[0.2, 0.5]], 1e-9), ["u", "(1, 2)"]),
    ("cdf_matches alpha True", lambda d: testing.assert_cdf_matches(
        [0.1, 0.2], stats.norm.cdf, alpha=True), ["alpha", "True"]),
    ("labels negative", lambda d: testing.assert_labels_match([-1, 0], [0.5, 0.5]),
     ["labels", "-1"]),
    ("labels past p", lambda d: testing.assert_labels_match([0, 2], [0.5, 0.5]),
     ["labels", "2"]),
    ("same_distribution y 2-D", lambda d: testing.assert_same_distribution(
        [1.0, 2.0], [[1.0, 2.0]]), ["y", "(1, 2)"]),
    ("density mixture negative weight", lambda d: densities.normal_mixture(
        [1.5, -0.5], [0.0, 1.0], [1.0, 1.0]), ["weights", "-0.5"]),
    ("density student_t df NaN", lambda d: densities.student_t(np.nan), ["df", "nan"]),
    ("density triangular all equal", lambda d: densities.triangular(0.0, 0.0, 0.0), ["0.0"]),
    ("density uniform lo text", lambda d: densities.uniform("0", 1.0), ["lo", "'0'"]),
    ("density pareto scale negative", lambda d: densities.pareto(2.0, scale=-1.0),
     ["scale", "-1.0"]),
    ("strategy probability_vectors min_size 2.5", lambda d: _example(
        _strategies().probability_vectors(min_size=2.5)), ["min_size", "2.5"]),
    ("strategy u_grids cut point NaN", lambda d: _example(
        _strategies().u_grids(cut_points=(0.5, np.nan))), ["cut_points", "nan"]),
    ("strategy known_densities kinds a string", lambda d: _example(
        _strategies().known_densities(kinds="mixture")), ["kinds", "'mixture'"]),
]

OMNIGLOT_CASES = [
    ("family split 'val'", lambda d: Omniglot(5, split="val", data=_data()),
     ["split", "'val'"]),
    ("family rotate text", lambda d: Omniglot(5, data=_data(), rotate="yes"),
     ["rotate", "'yes'"]),
    ("family dtype complex64", lambda d: Omniglot(5, data=_data(), dtype=np.complex64),
     ["dtype", "complex64"]),
    ("family n_train int64 negative", lambda d: Omniglot(5, data=_data(), n_train=np.int64(-1)),
     ["n_train", "-1"]),
    ("family n_way a 0-d array", lambda d: Omniglot(np.array(5), data=_data()),
     ["n_way", "5"]),
    ("family download None with root", lambda d: Omniglot(5, root=ROOT, download=None),
     ["download", "None"], _omniglot_cache_env()),
    ("family sample n_tasks int64 0", lambda d: Omniglot(5, data=_data()).sample(
        _rng(), np.int64(0), 5, 5), ["n_tasks", "0"]),
    ("family make_batch a negative character", lambda d: Omniglot(5, data=_data()).make_batch(
        _rng(), np.array([[-1, 0, 1, 2, 3]]), 5, 5), ["task_params", "(1, 5)"]),
    ("family make_batch a character twice", lambda d: Omniglot(5, data=_data()).make_batch(
        _rng(), np.array([[0, 0, 1, 2, 3]]), 5, 5), ["task_params"]),
    ("load cache_dir bytes", lambda d: omniglot.load(ROOT, cache_dir=b"/tmp", progress=False),
     ["cache_dir", "b'/tmp'"]),
    ("finn_split alphabets 2-D", lambda d: finn_split(np.repeat(np.arange(10), 30).reshape(
        10, 30), np.arange(300).reshape(10, 30), 5, 2), ["alphabets", "(10, 30)"]),
    ("check_shots n_drawings a float64", lambda d: check_shots(5, 2, 5, 5,
                                                               n_drawings=np.float64(20.0)),
     ["n_drawings", "20.0"]),
    ("check_shots n_support not a multiple", lambda d: check_shots(5, 2, 3, 5),
     ["n_support", "3"]),
    ("progress unit an int", lambda d: Progress("x", 3, unit=5), ["unit", "5"]),
    ("progress total a float64", lambda d: Progress("x", np.float64(3.0)), ["total", "3.0"]),
    ("progress enabled text", lambda d: Progress("x", 3, enabled="no"), ["enabled", "'no'"]),
]

WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "environment (cli)": ENV_CLI_CASES, "environment": ENV_CASES,
           "engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "samplers": SAMPLER_CASES, "testing kit": TESTING_CASES, "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "labels past p": "documented: assert_labels_match fails (AssertionError) when a label is "
                     "not in 0..N-1; that is the assertion's verdict on the labels under test",
    "MLP sizes a generator": "not a bad input after all: the sizes are read once into a tuple "
                             "and the model (and its recorded description) is the one asked "
                             "for",
    "linear scale 0": "not a bad input after all: N(mean, 0) is one fixed task, as the fifth "
                      "battery's dropped range with equal ends",
}


def _kept(cases):
    """Three cases of every five, in the order written (the battery's size, blind to results)."""
    kept = [c for i, c in enumerate(cases) if i % 5 not in (1, 4)]
    return [c for c in kept if c[0] not in DROPPED]


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}
# Cases still not clear after the fixes, each for a stated reason (strict: a fix shows up as a
# failure to remove from this list). Empty since round 6: getitem past the end raises an error
# that is both an IndexError (as NumPy's) and a ValueError, naming the index and the shape.
NOT_CLEAR_YET = {}
ALL = [pytest.param(g, c, id=f"{g}: {c[0]}", marks=[pytest.mark.xfail(
    reason=NOT_CLEAR_YET[c[0]], strict=True)] if c[0] in NOT_CLEAR_YET else [])
    for g, cases in GROUPS.items() for c in cases]


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if (group == "omniglot" or "omniglot" in case[0]) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_seventh_battery_is_wide_and_new():
    assert len(ALL) >= 100
    names = [c[0] for _, cases in GROUPS.items() for c in cases]
    assert len(names) == len(set(names))


def main():
    """``python tests/test_bad_inputs_seventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
