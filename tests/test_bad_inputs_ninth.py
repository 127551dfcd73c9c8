"""A ninth battery of bad inputs (issue 11's goal, measured on a fresh, independent set).

``tests/test_bad_inputs_cli.py`` (whose module docstring defines clear / unclear / silent /
data loss), ``_wider``, ``_third`` ... ``_seventh`` hold the earlier hand-written batteries,
``test_bad_inputs_sweep_engine_sampling.py`` and ``sweep_bad_inputs_meta_data.py`` the
generated sweeps. The cases here are new, of the same kinds, written from the user's side
(``__all__``, README, docstrings, signatures, ``--help``) without reading the library's check
modules or its validation code, after skimming the earlier batteries so as not to repeat
their cases. They are what a user porting their own code types: their own task family (a
target that drops the output axis, ``sample_params`` that ignores ``n_tasks``, NaN targets, a
per-point loss, a loss given by name) and their own loss (one number, or one per point, where
one per task is meant) passed to Chapter 2's functions; their own ppf / density / log-density
given to the samplers (decreasing, of shape (n, 1), not vectorised, one number for all
chains); engine ops composed (grad of grad, jacobian of a dict, hessian in an integer
argument, einsum, norm, stack of a generator); checkpoints loaded, edited and saved (float32
weights in a float64 run, NaN saved over a good file, a bool Adam step, a text loss record);
theta0 without the task axis where one copy per task is meant, and the reverse; NumPy
scalars, 0-d arrays, generators, dicts, ``random.Random``, ``SeedSequence`` and bound methods
where counts, sequences and Generators are meant; a full-width digit, '0,1' and '1 0' for
``SCRATCHMETA_KEEP_FREED_MEMORY``, a damaged decoded Omniglot cache under
``SCRATCHMETA_DATA``; and command lines (a lone dot, the infinity sign, '2.', ``--set`` of
the heads' and Reptile's fields, an extra positional, ``--version``). ``mentions`` are what a
clear message must contain: the argument's name and, for a scalar, the value as the message
would show it. Omniglot's root is ``omniglot_real.REAL_DATA`` (written in a worktree elsewhere,
the battery read the same shared copy); the drawings are decoded
into the fifth battery's private cache (no download). Classification: the first battery's
``classify_call`` / ``classify_cli`` under ``np.errstate(all="raise")``, through the sixth
battery's ``_classify``.

Selection, blind: 217 cases were written, in 15 areas. Three of every five in each area, in
the order written (``i % 5 not in (0, 3)``), were kept before any run: 128. First run at
0cc108a, before any drop or correction: 128 kept, 98 clear (76.6%), 19 unclear, 11 silent, 0
data loss. After it (``DROPPED``, with reasons): two kept cases were dropped as not bad
inputs or not measurable: Adam with the gradients as a tuple for a list of parameters (they
pair one to one, and the step is the list's, bit for bit), and ``from_density`` of a density
negative on part of its domain (an errstate artefact: valid densities on a bounded domain hit
the same underflow FloatingPointError under ``errstate(all="raise")``; without it the density
is refused with a ValueError); one written case not kept was dropped too (``check_grads`` of
a function returning a list: it takes and checks a list of outputs). Mentions corrected
where the case, not the library, was wrong: ``make_strategy("r2d2")`` names "R2D2" and
"Sinusoid" (the class names, capitalised); ``split`` of a dict shows the dict's repr, not the
word "dict"; ``densities.pareto(np.array(-1.0))`` shows ``array(-1.)``; and, among the written
cases not kept, ``jvp`` with a dict tangent shows ``{'a': *}``.

Measured at commit 0cc108a (``python tests/test_bad_inputs_ninth.py``, about 5 s): 126 kept
cases, 101 clear (80.2%), 15 unclear (11.9%), 10 silent (7.9%), 0 data loss. By area
(clear/unclear/silent/data loss): command line (train) 9/0/0/0 of 9, command line
(evaluate, compare, demo) 8/1/1/0 of 10, environment (command line) 3/0/0/0 of 3,
environment 2/1/0/0 of 3, engine 11/1/0/0 of 12, gradcheck 4/0/1/0 of 5, Chapter 2's
functions 5/3/4/0 of 12, strategies 8/2/0/0 of 10, evaluate and train 6/2/1/0 of 9,
checkpoints 5/2/1/0 of 8, nn/optim/batchnorm 4/2/1/0 of 7, task families and losses 8/0/1/0
of 9, samplers 9/1/0/0 of 10, testing kit 11/0/0/0 of 11, Omniglot 8/0/0/0 of 8. All 214
written and not dropped (``--written``): 166 clear (77.6%), 25 unclear (11.7%), 23 silent
(10.7%), 0 data loss; Chapter 2's functions 7/6/8/0 of 21 are the weakest area there too.
So a fresh battery is still below the goal of 95%. The command line, the testing kit,
Omniglot and the environment variables are (nearly) all clear; what a user passes *into* the
library's machinery (their own loss or family, a state of another shape or kind, theta0
without the task axis) is where the misses are. Not clear (kept cases):

* unclear: ``evaluate`` of a checkpoint whose ``meta/meta_losses`` is text ("it is at step 2
  but records (2,) meta-losses": the entry's kind is not named);
  ``omniglot.load()`` with ``SCRATCHMETA_DATA`` holding a damaged decoded cache (a warning
  names the file, then a FileNotFoundError says there is "no decoded cache");
  ``ad.matmul(np.array(2.0), X3)`` (an IndexError, "tuple index out of range");
  ``inner_sgd(..., apply="mlp")`` ("'str' object is not callable");
  ``closed_form_meta_loss`` of all four parameters ("expected 2 body parameters", never
  ``body_params``; borderline); ``divergence_map`` of a function for ``model``
  (AttributeError); a multitask ``update`` whose ``rows`` pass the pool (an IndexError);
  MAML's ``update`` of a closed_form state (names ``params`` and dumps engine Tensors, not
  ``state``); ``evaluate`` of a state with NaN parameters (FloatingPointError: "fine-tuning
  diverged ... try a smaller inner_lr"); ``check_same_run(ckpt, "maml", 0)`` and
  ``check_state(state, None)`` (AttributeErrors); ``load_checkpoint`` of a path with a NUL
  byte (FileNotFoundError "no checkpoint at"); ``MLP.apply`` of a dict of parameters
  ("unhashable type: 'slice'"); ``adam_update`` with the state of another model (NumPy's
  broadcast error); ``DiscreteInverseCDF`` of a generator ("got dtype object": the value is
  not shown);
* silent: ``evaluate`` of a checkpoint whose ``meta/seed`` is 2**64-1; ``hvp`` of a float x
  with ``v=[1.0]`` (the mirror, x of shape (1,) with a 0-d v, is refused); ``meta_loss`` with
  a per-point loss; ``sgd_path`` and ``reptile_direction`` given parameters without the task
  axis; ``with_bias`` of a 1-D vector; ``format_table`` of a row missing a key; ``flatten``
  of a set leaf; ``batch_norm`` of integer ``h`` (the engine's docstring refuses integer
  arrays); a user family whose ``sample_params`` draws 3 tasks when 2 are asked (a batch of 3
  is returned).

Among the written cases not kept, the misses are of the same kinds (e.g. a loss returning
one number, theta0 without the task axis in ``inner_sgd``, NaN features in ``ridge_fit``,
``subset_meta_loss`` with an int rng, the hessian of argument 1 reported as "argument 0",
``split_rhat`` of 3 draws a chain returning NaN with a warning). Each kept case is a test;
the ones not clear fail (not xfail): they are the measurement.

A blind test of a general audit. While this battery and the eighth were written (worktrees
frozen at 0cc108a), helpers audited every public function by kind of argument, without
sight of either battery (commit b16d13c). Measured there: 109 of 126 kept cases clear
(86.5%), 9 unclear, 8 silent, 0 data loss; all 214 written and not dropped, 179 clear
(83.6%). Then its own fixes (commit becdedd, with the eighth's): 125 of 126 clear. The one
left, ``batch_norm`` of integer ``h``, was then dropped (``DROPPED``) as not a bad input:
``h`` is documented as real numbers, and integer ``h`` gives the float result exactly. Since
then every kept case is a test that passes; cases written and not kept were fixed after that
(``tests/test_bad_inputs_round4.py``); ``--written`` gives their rate now.
``python tests/test_bad_inputs_ninth.py [--written] [-v]`` prints the rates by area.
"""

import atexit
import pathlib
import random
import shutil
import sys
import tempfile
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
from scratchmeta.meta.baselines import pooled_loss
from scratchmeta.meta.checkpoint import (check_state, flatten, load_checkpoint, restore,
                                         save_checkpoint, unflatten)
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (diverged_value, format_interval, format_table, interval,
                                       recorded_curve, select_test_time, task_rng,
                                       with_test_time)
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norms
from scratchmeta.meta.maml import inner_sgd, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import (default_model, make_family, make_strategy,
                                       strategy_from_config)
from scratchmeta.meta.reptile import reptile_direction
from scratchmeta.meta.ridge import ridge_fit, with_bias
from scratchmeta.meta.softmax_head import newton_solve
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import check_same_run, step_rng, train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy,
                                  grid_inverse_cdf, laplace, metropolis_transition_matrix,
                                  split_rhat)
from scratchmeta.tasks import LinearRegression, Sinusoid, cross_entropy, mse
from scratchmeta.testing import densities

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import (TRAIN, _damaged, _evaluate, _good, _set, _train,
                                 battery_main)
from test_bad_inputs_fourth import X3, _maml, _once, _problem, _rng, _square
from test_bad_inputs_fifth import (_adam, _batch, _cache_dir, _evaluate_call, _example,
                                   _features, _metropolis, _net, _save, _select, _strategies)
from test_bad_inputs_sixth import BIG, M2, _classify, _compare, _exclusive_in, _fresh
from test_bad_inputs_wider import _config

# The real Omniglot archives: REAL_DATA (``../shared/data/omniglot`` beside the checkout);
# the Omniglot cases skip without it. Never downloaded.
_ROOT = REAL_DATA
ROOT = str(_ROOT)
HAVE_OMNIGLOT = _ROOT.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"


# --- objects the cases use -------------------------------------------------------------------

def _data():
    """The real Omniglot drawings, from ROOT, decoded into the fifth battery's private cache."""
    return _once("omniglot9", lambda: omniglot.load(ROOT, cache_dir=_cache_dir(),
                                                      progress=False))


def _cache_name():
    """The decoded cache's file name, as a user sees it in ~/.cache/scratchmeta/omniglot."""
    home = pathlib.Path.home() / ".cache" / "scratchmeta" / "omniglot"
    names = sorted(p.name for p in home.glob("omniglot_28x28_*.npz")) if home.is_dir() else []
    return names[0] if names else "omniglot_28x28_f17a95ae4b360edf.npz"


def _damaged_cache(folder):
    """A SCRATCHMETA_DATA folder whose decoded Omniglot cache is a text file (outside
    ``folder``, so that the classifier's checkpoint snapshot leaves it alone)."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="ninth_cache_"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    (root / "omniglot").mkdir()
    (root / "omniglot" / _cache_name()).write_text("not the drawings\n")
    return root


def _scalar_loss(pred, y):
    """A user's loss that returns one number for the whole batch, not one per task."""
    d = ad.sub(pred, y)
    return ad.mean(ad.mul(d, d))


def _per_point_loss(pred, y):
    """A user's loss that returns one number per point: (tasks, points)."""
    d = ad.sub(pred, y)
    return ad.mean(ad.mul(d, d), axis=-1)


class _FlatTargets(Sinusoid):
    """A user's family whose target drops the output axis: y of shape (tasks, points)."""

    def target(self, task_params, x):
        return super().target(task_params, x)[..., 0]


class _ThreeTasks(Sinusoid):
    """A user's family whose sample_params always draws three tasks."""

    def sample_params(self, rng, n_tasks):
        return super().sample_params(rng, 3)


class _NaNTargets(Sinusoid):
    """A user's family whose target is NaN wherever the sinusoid is negative."""

    def target(self, task_params, x):
        y = super().target(task_params, x)
        return np.where(y < 0, np.nan, y)


class _PerPointLoss(Sinusoid):
    """A user's family whose loss is per point, not per task."""

    loss = staticmethod(_per_point_loss)


class _LossName(Sinusoid):
    """A user's family that names its loss instead of giving the function."""

    loss = "mse"


def _nan_query_batch():
    b = _batch()
    y = b.y_query.copy()
    y[0, 0, 0] = np.nan
    return b._replace(y_query=y)


def _multitask():
    def make():
        s = make_strategy("multitask", meta_batch=2, n_train_tasks=10)
        return s, s.init_state(_rng())
    return _once("multitask9", make)


def _r2d2():
    def make():
        s = make_strategy("r2d2", "clusters", meta_batch=2)
        return s, s.init_state(_rng())
    return _once("r2d2_9", make)


def _float32_save(folder):
    """The good checkpoint loaded, its weights cast to float32, saved again."""
    ck = load_checkpoint(_good(folder))
    state = {"params": [p.astype(np.float32) for p in ck.state["params"]],
             "adam": ck.state["adam"]}
    return save_checkpoint(folder / "f32.npz", state, step=ck.step, seed=ck.seed,
                           config=ck.config, meta_losses=ck.meta_losses)


def _turns(value):
    """One Omniglot task's parameters with the first character's quarter turns = value."""
    family = Omniglot(5, data=_data())
    params = family.sample_params(_rng(), 1)
    params[0, 0, 1] = value
    return family.make_batch(_rng(), params, 5, 5)


def _nan_centres():
    params = GaussianClusters().sample_params(_rng(), 2)
    params = np.array(params, dtype=float)
    params.flat[0] = np.nan
    return GaussianClusters().make_batch(_rng(), params, 5, 5)


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("inner-lr a lone dot", _train("--inner-lr", "."), ["--inner-lr", "."]),
    ("meta-lr the infinity sign", _train("--meta-lr", "\u221e"), ["--meta-lr", "\u221e"]),
    ("log-every 3.0", _train("--log-every", "3.0"), ["--log-every", "3.0"]),
    ("meta-batch with a trailing dot", _train("--meta-batch", "2."), ["--meta-batch", "2."]),
    ("newton_head set lam negative", _train("--family", "clusters", "--strategy",
                                            "newton_head", "--set", "lam=-1"), ["lam", "-1"]),
    ("newton_head set learn_lam=2", _train("--family", "clusters", "--strategy", "newton_head",
                                           "--set", "learn_lam=2"), ["learn_lam", "2"]),
    ("multitask set head_steps=1.5", _train("--strategy", "multitask", "--set",
                                            "head_steps=1.5"), ["head_steps", "1.5"]),
    ("multitask set head_inner_lr negative", _train("--strategy", "multitask", "--set",
                                                    "head_inner_lr=-0.01"),
     ["head_inner_lr", "-0.01"]),
    ("multitask set head_seed=-1", _train("--strategy", "multitask", "--set", "head_seed=-1"),
     ["head_seed", "-1"]),
    ("reptile set n_steps a word", _train("--strategy", "reptile", "--set", "n_steps=abc"),
     ["n_steps", "abc"]),
    ("reptile set batched=null", _train("--strategy", "reptile", "--set", "batched=null"),
     ["batched", "None"]),
    ("subset set subset_size negative", _train("--strategy", "subset", "--set",
                                               "subset_size=-3"), ["subset_size", "-3"]),
    ("closed_form set learn_lam=0", _train("--strategy", "closed_form", "--set",
                                           "learn_lam=0"), ["learn_lam", "0"]),
    ("set with no value after a good one", lambda d: TRAIN + ["--out", str(d / "run.npz"),
                                                              "--set", "inner_lr=0.01",
                                                              "--set"], ["--set"]),
    ("set a non-ASCII name", _train("--set", "\u03b7=0.1"), ["\u03b7"]),
    ("an extra positional argument", _train("extra"), ["extra"]),
]

CLI_OTHER_CASES = [
    ("eval query 1.5", _evaluate(_good, "--query", "1.5"), ["--query", "1.5"]),
    ("eval seed negative", _evaluate(_good, "--seed", "-7"), ["--seed", "-7"]),
    ("eval strategy entry bytes", _evaluate(lambda d: _damaged(d, "stratbytes", _set(
        "meta/strategy", np.array(b"MAML")))), ["meta/strategy"]),
    ("eval config family amplitude reversed", _evaluate(lambda d: _damaged(d, "amprev", _config(
        lambda r: r["family"]["arguments"].__setitem__("amplitude", [5.0, 0.1])))),
     ["amplitude"]),
    ("eval second moment inf", _evaluate(lambda d: _damaged(d, "vinf", _set(
        "state/adam/v/1", np.full(40, np.inf)))), ["state/adam/v/1", "inf"]),
    ("eval adam t a bool", _evaluate(lambda d: _damaged(d, "tbool", _set(
        "state/adam/t", np.array(True)))), ["state/adam/t", "bool"]),
    ("eval seed 2**64-1 in file", _evaluate(lambda d: _damaged(d, "seedbig", _set(
        "meta/seed", np.array(BIG, dtype=np.uint64)))), ["meta/seed", str(BIG)]),
    ("eval meta-losses text", _evaluate(lambda d: _damaged(d, "losstext", _set(
        "meta/meta_losses", np.array(["1.0", "2.0"])))), ["meta/meta_losses"]),
    ("eval an extra meta entry", _evaluate(lambda d: _damaged(d, "metanotes", _set(
        "meta/notes", np.array("my run")))), ["meta/notes"]),
    ("eval config meta_batch 0", _evaluate(lambda d: _damaged(d, "mb0", _config(
        lambda r: r["hyperparameters"].__setitem__("meta_batch", 0)))), ["meta_batch", "0"]),
    ("compare eval-seed a word", _compare("--eval-seed", "abc"), ["--eval-seed", "abc"]),
    ("compare val-seed hex", _compare("--val-seed", "0x0b"), ["--val-seed", "0x0b"]),
    ("compare strategies upper-case", _compare("--strategies", "MAML"),
     ["--strategies", "MAML"]),
    ("compare support 2.5", _compare("--support", "2.5"), ["--support", "2.5"]),
    ("demo with --quick", lambda d: ["demo", "--quick"], ["--quick"]),
    ("top-level --version", lambda d: ["--version"], ["--version"]),
    ("evaluate a positional path", lambda d: ["evaluate", str(_good(d))], ["--checkpoint"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory a full-width one, train", _train(), [VAR, "\uff11"], {VAR: "\uff11"}),
    ("keep-freed-memory '0,1', demo", lambda d: ["demo"], [VAR, "0,1"], {VAR: "0,1"}),
    ("keep-freed-memory '1 0', compare", _compare(), [VAR, "1 0"], {VAR: "1 0"}),
    ("SCRATCHMETA_DATA a damaged decoded cache, omniglot train",
     _train("--family", "omniglot"), ["omniglot_28x28"],
     {"SCRATCHMETA_DATA": _damaged_cache}),
    ("keep-freed-memory 'disable', evaluate", _evaluate(_good), [VAR, "disable"],
     {VAR: "disable"}),
]

# library calls under a bad environment, or of the environment modules: (id, call, mentions, env)
ENV_CASES = [
    ("opt-out 'n', keep_freed_memory_unless_opted_out",
     lambda d: memory.keep_freed_memory_unless_opted_out(), [VAR, "'n'"], {VAR: "n"}),
    ("opt-out value '0 1'", lambda d: memory.opt_out_value(), [VAR, "'0 1'"], {VAR: "0 1"}),
    ("SCRATCHMETA_DATA a damaged decoded cache, load", lambda d: omniglot.load(progress=False),
     ["omniglot_28x28"], {"SCRATCHMETA_DATA": _damaged_cache}),
    ("one_blas_thread environ a namespace", lambda d: threads.one_blas_thread_unless_set(
        types.SimpleNamespace()), ["environ"], None),
    ("keep_freed_memory trim_threshold a whole float", lambda d: memory.keep_freed_memory(
        trim_threshold=1e6), ["trim_threshold", "1000000.0"], None),
    ("SCRATCHMETA_DATA a damaged decoded cache, Omniglot family", lambda d: Omniglot(5),
     ["omniglot_28x28"], {"SCRATCHMETA_DATA": _damaged_cache}),
]


# --- library calls: (id, call(folder), mentions) ---------------------------------------------

ENGINE_CASES = [
    ("grad of a function returning a list", lambda d: ad.grad(lambda x: [ad.sum(x)])(X3),
     ["list"]),
    ("grad called with keyword arguments only", lambda d: ad.grad(_square)(x=X3),
     ["argnums"]),
    ("jacobian of a function returning a dict", lambda d: ad.jacobian(
        lambda x: {"y": ad.sin(x)})(X3), ["dict"]),
    ("hessian in an integer argument", lambda d: ad.hessian(
        lambda a, b: ad.sum(ad.mul(ad.mul(a, b), b)), argnum=1)(X3, np.arange(3)),
     ["argument 1", "int"]),
    ("grad of grad of a scalar function", lambda d: ad.grad(ad.grad(_square))(X3),
     ["scalar", "(3,)"]),
    ("einsum an output index repeated", lambda d: ad.einsum("ij->ii", M2), ["'ij->ii'"]),
    ("einsum fewer operands than subscripts", lambda d: ad.einsum("ij,jk->ik", M2),
     ["'ij,jk->ik'"]),
    ("norm ord 'nuc'", lambda d: ad.norm(M2, ord="nuc"), ["ord", "'nuc'"]),
    ("broadcast_to a negative size", lambda d: ad.broadcast_to(X3, (-1, 3)), ["(-1, 3)"]),
    ("transpose too few axes", lambda d: ad.transpose(M2, (0,)), ["(0,)"]),
    ("concatenate arrays of other ndim", lambda d: ad.concatenate([X3, M2]),
     ["(3,)", "(2, 2)"]),
    ("concatenate one array, not a sequence", lambda d: ad.concatenate(X3), ["xs"]),
    ("matmul of a 0-d array", lambda d: ad.matmul(np.array(2.0), X3), ["matmul", "()"]),
    ("solve a non-square matrix", lambda d: ad.solve(np.ones((2, 3)), np.ones(2)),
     ["(2, 3)"]),
    ("logsumexp axis past the end", lambda d: ad.logsumexp(M2, axis=2), ["axis", "2"]),
    ("jvp tangent a dict for an array primal", lambda d: ad.jvp(ad.sin, (X3,), ({"a": X3},)),
     ["tangent 0", "{'a'"]),
    ("std ddof 0.5", lambda d: ad.std(X3, ddof=0.5), ["ddof", "0.5"]),
    ("norm over two axes of a vector", lambda d: ad.norm(X3, axis=(0, 1)), ["axis", "(0, 1)"]),
    ("stack a generator", lambda d: ad.stack(x for x in [X3, X3]), ["xs", "generator"]),
    ("grad of a namedtuple with an integer leaf", lambda d: ad.grad(
        lambda t: _square(t.x_support))(_batch()._replace(y_support=np.arange(3))), ["int"]),
    ("sum axis a list", lambda d: ad.sum(M2, axis=[0]), ["axis", "[0]"]),
]

GRADCHECK_CASES = [
    ("check_grads fun returning a list", lambda d: check_grads(lambda x: [ad.sin(x)], (X3,)),
     ["list"]),
    ("check_grads rng a SeedSequence", lambda d: check_grads(
        ad.sin, (X3,), rng=np.random.SeedSequence(0)), ["rng", "SeedSequence"]),
    ("check_grads NaN in a nested argument", lambda d: check_grads(
        lambda t: _square(t["a"]), ({"a": np.array([1.0, np.nan])},)), ["NaN"]),
    ("check_grads order a float64", lambda d: check_grads(ad.sin, (X3,), np.float64(2.0)),
     ["order", "2.0"]),
    ("check_grads a bool argument", lambda d: check_grads(
        ad.sin, (np.array([True, False]),)), ["bool"]),
    ("hvp v a dict for an array x", lambda d: hvp(_square, X3, {"a": X3}), ["v", "dict"]),
    ("hvp x a float, v a one-element list", lambda d: hvp(lambda x: ad.mul(x, x), 2.0, [1.0]),
     ["v"]),
    ("hvp x a tuple, v one array", lambda d: hvp(
        lambda t: ad.add(_square(t[0]), _square(t[1])), (X3, X3), X3), ["v"]),
]

META_CASES = [
    ("meta_loss a loss returning one number", lambda d: meta_loss(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, inner_steps=1,
        loss=_scalar_loss), ["loss"]),
    ("meta_loss a loss per point", lambda d: meta_loss(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, inner_steps=1,
        loss=_per_point_loss), ["loss"]),
    ("meta_loss params already per task", lambda d: meta_loss(
        per_task(_problem()[1], 2), _problem()[2], _problem()[0], inner_lr=0.01,
        inner_steps=1), ["params"]),
    ("inner_sgd theta0 without a task axis", lambda d: inner_sgd(
        _problem()[1], _problem()[2].x_support, _problem()[2].y_support, _problem()[0].apply,
        inner_lr=0.01, inner_steps=1), ["task_params"]),
    ("inner_sgd apply a name", lambda d: inner_sgd(
        per_task(_problem()[1], 2), _problem()[2].x_support, _problem()[2].y_support, "mlp",
        inner_lr=0.01, inner_steps=1), ["apply", "'mlp'"]),
    ("adapt.steps of a list", lambda d: adapt.steps([_problem()[1]], 2), ["path", "list"]),
    ("sgd_path theta without a task axis", lambda d: adapt.steps(adapt.sgd_path(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, loss=mse), 1), ["theta"]),
    ("adapt.curve NaN in the query targets", lambda d: adapt.curve(
        *_maml(), _nan_query_batch(), 1), ["y_query"]),
    ("ridge_fit NaN features", lambda d: ridge_fit(
        np.where(np.eye(6, 4)[None] > 0, np.nan, _features()[0]), _features()[1], 0.1),
     ["features"]),
    ("with_bias a 1-D vector", lambda d: with_bias(np.ones(4)), ["features", "(4,)"]),
    ("r2d2 offset of another length", lambda d: r2d2_logits(
        _features()[0], _features()[1], _features()[0], 0.1, offset=np.zeros(4)),
     ["offset", "(4,)"]),
    ("r2d2 query of other tasks", lambda d: r2d2_logits(
        _features()[0], _features()[1], np.ones((3, 6, 4)), 0.1), ["phi_query", "(3, 6, 4)"]),
    ("closed_form body_params all parameters", lambda d: closed_form_meta_loss(
        _problem()[1], _problem()[2], _problem()[0], lam=0.1), ["body_params"]),
    ("multitask_loss heads one array", lambda d: multitask_loss(
        _problem()[1][:2], np.zeros((2, 8, 1)), _problem()[2].x_support,
        _problem()[2].y_support, _problem()[0]), ["heads"]),
    ("reptile_direction theta_T without a task axis", lambda d: reptile_direction(
        _problem()[1], [p + 1.0 for p in _problem()[1]]), ["theta_T"]),
    ("subset_meta_loss rng an int", lambda d: subset_meta_loss(
        _problem()[1], _problem()[2], _problem()[0], 0, subset_size=3, inner_lr=0.01,
        inner_steps=1), ["rng", "0"]),
    ("meta_gradient_norms a fractional K", lambda d: meta_gradient_norms(
        _problem()[1], _problem()[2], _problem()[0], [1, 1.5], [0.01]), ["Ks", "1.5"]),
    ("divergence_map model a function", lambda d: divergence_map(
        lambda params, x: x, Sinusoid(), [1], [0.01], n_steps=2, meta_batch=2), ["model"]),
    ("meta_loss_low_rank model a function", lambda d: meta_loss_low_rank(
        _problem()[1], _problem()[2], _problem()[0].apply, inner_lr=0.01, inner_steps=1),
     ["model"]),
    ("pooled_loss x and y of other point counts", lambda d: pooled_loss(
        _problem()[1], np.ones((10, 1)), np.ones((9, 1)), _problem()[0], loss=mse),
     ["(10, 1)", "(9, 1)"]),
    ("newton_solve lam one per task", lambda d: newton_solve(
        _features()[0], _features()[1], np.array([0.1, 0.2])), ["lam"]),
]

STRATEGY_CASES = [
    ("make_strategy an upper-case name", lambda d: make_strategy("MAML"), ["'MAML'"]),
    ("make_strategy a hyphenated field", lambda d: make_strategy("maml", **{"inner-lr": 0.1}),
     ["inner-lr"]),
    ("reptile n_steps a float64", lambda d: make_strategy("reptile", n_steps=np.float64(100.0)),
     ["n_steps", "100.0"]),
    ("default_model of an unknown name", lambda d: default_model("circles"), ["'circles'"]),
    ("init_state rng the Generator class", lambda d: _maml()[0].init_state(
        np.random.Generator), ["rng", "Generator"]),
    ("multitask sample_batch state None", lambda d: _multitask()[0].sample_batch(_rng(), None),
     ["state", "None"]),
    ("multitask update rows past the pool", lambda d: _multitask()[0].update(
        _multitask()[1], _multitask()[0].sample_batch(_rng(), _multitask()[1])._replace(
            rows=np.array([0, 50])), _rng(), 0), ["rows", "50"]),
    ("maml update of a closed_form state", lambda d: _maml()[0].update(
        make_strategy("closed_form", meta_batch=2).init_state(_rng()), _batch(), _rng(), 0),
     ["state"]),
    ("meta_grad of the whole state", lambda d: _maml()[0].meta_grad(
        _maml()[1], _batch(), _rng()), ["params", "dict"]),
    ("with_test_time inner_lr NaN", lambda d: with_test_time(_maml()[0], inner_lr=np.nan),
     ["inner_lr", "nan"]),
    ("strategy_from_config a class that is not a strategy", lambda d: strategy_from_config(
        {"class": "collections.OrderedDict", "hyperparameters": {}, "model": {},
         "family": {}}), ["collections.OrderedDict"]),
    ("r2d2 on sinusoids, library", lambda d: make_strategy("r2d2"), ["R2D2", "Sinusoid"]),
    ("closed_form learn_scale 1", lambda d: make_strategy("closed_form", learn_scale=1),
     ["learn_scale", "1"]),
    ("multitask head_init None", lambda d: make_strategy("multitask", head_init=None),
     ["head_init", "None"]),
    ("reptile outer_step_size past the schedule", lambda d: make_strategy(
        "reptile", n_steps=10).outer_step_size(11), ["step", "11"]),
    ("r2d2 update of two-hot targets", lambda d: _r2d2()[0].update(
        _r2d2()[1], (lambda b: b._replace(y_support=b.y_support * 2.0))(
            _r2d2()[0].sample_batch(_rng(), _r2d2()[1])), _rng(), 0), ["y_support"]),
    ("make_strategy model a list of sizes", lambda d: make_strategy(
        "maml", model=[1, 40, 40, 1]), ["model", "[1, 40, 40, 1]"]),
]

EVALUATE_CASES = [
    ("evaluate n_tasks 1", lambda d: _evaluate_call(n_tasks=1), ["n_tasks", "1"]),
    ("evaluate on_divergence True", lambda d: _evaluate_call(on_divergence=True),
     ["on_divergence", "True"]),
    ("evaluate a state with NaN parameters", lambda d: _evaluate_call(state={
        **_maml()[1], "params": [np.full_like(p, np.nan) for p in _maml()[1]["params"]]}),
     ["params"]),
    ("select a candidate inf", lambda d: _select(candidates=[0.01, np.inf]),
     ["candidates", "inf"]),
    ("select family a name", lambda d: select_test_time(
        *_maml(), "sinusoid", candidates=[0.01], max_steps=1, n_tasks=2, n_support=5,
        n_query=5), ["family", "'sinusoid'"]),
    ("interval axis a fraction", lambda d: interval(np.ones((3, 2)), axis=0.5),
     ["axis", "0.5"]),
    ("format_interval half_width True", lambda d: format_interval(0.5, True),
     ["half_width", "True"]),
    ("format_table a row missing a key", lambda d: format_table([{"a": 1, "b": 2.0},
                                                                 {"a": 3}]), ["'b'"]),
    ("format_table rows of lists", lambda d: format_table([[1, 2], [3, 4]]), ["rows"]),
    ("task_rng seed 2**64", lambda d: task_rng(2 ** 64, 0), ["seed", str(2 ** 64)]),
    ("diverged_value lower-case mse", lambda d: diverged_value("mse"), ["'mse'"]),
    ("train seed a RandomState", lambda d: train(make_strategy("maml", meta_batch=2), 1,
                                                 np.random.RandomState(0)),
     ["seed", "RandomState"]),
    ("train progress a file object", lambda d: train(make_strategy("maml", meta_batch=2), 1, 0,
                                                     progress=sys.stdout), ["progress"]),
    ("step_rng step True", lambda d: step_rng(0, True), ["step", "True"]),
    ("check_same_run strategy a name", lambda d: check_same_run(
        load_checkpoint(_good(d)), "maml", 0), ["strategy", "'maml'"]),
    ("recorded_curve n_steps True", lambda d: recorded_curve(*_fresh(), _batch(), True),
     ["n_steps", "True"]),
]

CHECKPOINT_CASES = [
    ("save float32 weights in a float64 run", _float32_save, ["state/params/0", "float32"]),
    ("save meta_losses a generator", lambda d: _save(d, meta_losses=(x for x in [1.0])),
     ["meta_losses", "generator"]),
    ("save NaN state over a good checkpoint", lambda d: save_checkpoint(
        _good(d), {"w": np.array([np.nan])}, step=0, seed=0, config={}, meta_losses=[]),
     ["state/w"]),
    ("save fewer losses than steps", lambda d: _save(d, step=5, meta_losses=[1.0]),
     ["meta_losses"]),
    ("restore config n_support 2.5", lambda d: restore(_damaged(d, "ns", _config(
        lambda r: r["hyperparameters"].__setitem__("n_support", 2.5)))), ["n_support", "2.5"]),
    ("load changes a JSON object", lambda d: load_checkpoint(_damaged(d, "chgobj", _set(
        "meta/changes", np.array('{"step": 1}')))), ["meta/changes"]),
    ("load format with a trailing space", lambda d: load_checkpoint(_damaged(d, "fmtsp", _set(
        "meta/format", np.array("scratchmeta-checkpoint-2 ")))), ["meta/format"]),
    ("flatten a set leaf", lambda d: flatten({"w": {1.0, 2.0}}), ["w", "set"]),
    ("unflatten an empty path segment", lambda d: unflatten({"a//b": np.ones(1)}),
     ["'a//b'"]),
    ("check_state an extra entry", lambda d: check_state(
        {**_maml()[1], "extra": np.ones(1)}, _maml()[0]), ["extra"]),
    ("exclusive of an empty path", lambda d: _exclusive_in(d, ""), ["path", "''"]),
    ("check_state strategy None", lambda d: check_state(_maml()[1], None),
     ["strategy", "None"]),
    ("load_checkpoint a path with a NUL byte", lambda d: load_checkpoint(str(d / "a\0b.npz")),
     ["NUL"]),
]

NN_CASES = [
    ("MLP activation capitalised", lambda d: MLP((1, 4, 1), activation="ReLU"),
     ["activation", "'ReLU'"]),
    ("MLP init a SeedSequence", lambda d: _net()[0].init(np.random.SeedSequence(0)),
     ["rng", "SeedSequence"]),
    ("MLP apply params a dict", lambda d: _net()[0].apply(
        dict(enumerate(_net()[1])), np.ones((5, 1))), ["params", "dict"]),
    ("MLP apply text inputs", lambda d: _net()[0].apply(_net()[1], np.array([["1"], ["2"]])),
     ["x"]),
    ("split of a dict", lambda d: split({"w": np.ones(2)}), ["params", "{'w'"]),
    ("adam_init an empty list", lambda d: adam_init([]), ["params", "[]"]),
    ("adam grads a tuple for a list", lambda d: _adam(
        grads=tuple(np.ones_like(p) for p in _net()[1])), ["grads", "tuple"]),
    ("adam state of another model", lambda d: _adam(
        state=adam_init(MLP((1, 8, 1)).init(_rng()))), ["(1, 8)", "(1, 4)"]),
    ("adam_rows t of fewer rows", lambda d: adam_rows(
        [np.zeros((3, 2))], {"t": np.zeros(2, int), "m": [np.zeros((3, 2))],
                             "v": [np.zeros((3, 2))]}, [np.ones((1, 2))], [0], 1e-3),
     ["t", "(2,)"]),
    ("batch_norm integer h", lambda d: batch_norm(np.arange(12).reshape(4, 3)), ["h", "int"]),
    ("batch_norm scale with NaN", lambda d: batch_norm(
        np.arange(12.0).reshape(4, 3), scale=np.array([1.0, np.nan, 1.0])), ["scale"]),
    ("batch_norm offset of other tasks", lambda d: batch_norm(
        np.ones((2, 4, 3)) + np.arange(4.0)[:, None], offset=np.ones((3, 3))),
     ["offset", "(3, 3)"]),
    ("finn_init one size", lambda d: finn_init(_rng(), (784,)), ["sizes", "(784,)"]),
]

TASK_CASES = [
    ("a user family whose target drops the output axis", lambda d: _FlatTargets().sample(
        _rng(), 2, 5, 5), ["target"]),
    ("a user family whose sample_params ignores n_tasks", lambda d: _ThreeTasks().sample(
        _rng(), 2, 5, 5), ["sample_params"]),
    ("training on a user family with NaN targets", lambda d: train(make_strategy(
        "maml", family=_NaNTargets(), meta_batch=2), 1, 0), ["y_support"]),
    ("training on a user family with a per-point loss", lambda d: train(make_strategy(
        "maml", family=_PerPointLoss(), meta_batch=2), 1, 0), ["loss"]),
    ("linear mean of one number", lambda d: LinearRegression(mean=(1.0,)),
     ["mean", "(1.0,)"]),
    ("frequency range from 0", lambda d: SinusoidFrequency(frequency=(0.0, 2.0)),
     ["frequency", "0.0"]),
    ("sample rng a random.Random", lambda d: Sinusoid().sample(random.Random(0), 2, 5, 5),
     ["rng", "Random"]),
    ("linear make_batch params with inf", lambda d: LinearRegression().make_batch(
        _rng(), np.array([[1.0, np.inf], [1.0, 0.5]]), 5, 5), ["task_params", "inf"]),
    ("cross_entropy negative targets", lambda d: cross_entropy(
        np.zeros((2, 4, 3)), -np.stack([np.eye(3)[[0, 1, 2, 0]]] * 2)), ["y_onehot"]),
    ("mse of text predictions", lambda d: mse(np.array([[["a"]]]), np.ones((1, 1, 1))),
     ["pred"]),
    ("clusters dim a float64", lambda d: GaussianClusters(dim=np.float64(8.0)),
     ["dim", "8.0"]),
    ("make_family clusters spread a list", lambda d: make_family("clusters", spread=[2.0]),
     ["spread", "[2.0]"]),
    ("sample_params arguments swapped", lambda d: Sinusoid().sample_params(2, _rng()),
     ["Generator"]),
    ("clusters make_batch centres with NaN", lambda d: _nan_centres(), ["task_params"]),
    ("training on a user family whose loss is a name", lambda d: train(make_strategy(
        "maml", family=_LossName(), meta_batch=2), 1, 0), ["loss", "'mse'"]),
]

SAMPLER_CASES = [
    ("from_ppf a decreasing ppf", lambda d: ContinuousInverseCDF.from_ppf(
        lambda u: 1.0 - np.asarray(u, dtype=float)), ["ppf"]),
    ("from_ppf a ppf of shape (n, 1)", lambda d: ContinuousInverseCDF.from_ppf(
        lambda u: np.asarray(u, dtype=float)[..., None]), ["ppf"]),
    ("from_density a density negative on part of the domain", lambda d:
     ContinuousInverseCDF.from_density(np.sin, (0.0, 2 * np.pi)), ["pdf"]),
    ("from_density a density that is not vectorised", lambda d:
     ContinuousInverseCDF.from_density(lambda x: 1.0, (0.0, 1.0)), ["pdf"]),
    ("from_density domain a word", lambda d: ContinuousInverseCDF.from_density(
        lambda x: np.exp(-np.abs(x)), "real"), ["domain", "'real'"]),
    ("from_density domain with a NaN end", lambda d: ContinuousInverseCDF.from_density(
        np.ones_like, (np.nan, 1.0)), ["domain", "nan"]),
    ("u_error without a cdf", lambda d: ContinuousInverseCDF.from_ppf(
        lambda u: np.asarray(u, dtype=float)).u_error(), ["cdf"]),
    ("grid lo a one-element list", lambda d: grid_inverse_cdf(np.ones_like, [0.0], 1.0),
     ["lo", "[0.0]"]),
    ("grid sampler called with u above 1", lambda d: grid_inverse_cdf(
        np.ones_like, 0.0, 1.0)(np.array([0.5, 1.5])), ["1.5"]),
    ("metropolis log_density returning one number", lambda d: _metropolis(
        log_density=lambda x: -0.5 * np.sum(x * x)), ["log_density", "()"]),
    ("metropolis n_steps 3", lambda d: _metropolis(n_steps=3), ["n_steps", "3"]),
    ("metropolis rng a bound method", lambda d: _metropolis(
        rng=np.random.default_rng(0).random), ["rng"]),
    ("discrete p a generator", lambda d: DiscreteInverseCDF(x for x in [0.5, 0.5]),
     ["p", "generator"]),
    ("discrete sample arguments swapped", lambda d: DiscreteInverseCDF([0.5, 0.5]).sample(
        _rng(), 5), ["Generator"]),
    ("cauchy loc a list", lambda d: cauchy(loc=[0.0]), ["loc", "[0.0]"]),
    ("split_rhat of three draws a chain", lambda d: split_rhat(
        np.random.default_rng(0).normal(size=(4, 3))), ["draws", "(4, 3)"]),
    ("transition matrix Q rows not summing to 1", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], [[0.5, 0.4], [0.4, 0.5]]), ["Q"]),
    ("laplace scale an int64 0", lambda d: laplace(scale=np.int64(0)), ["scale", "0"]),
]

TESTING_CASES = [
    ("cdf_matches samples a generator", lambda d: testing.assert_cdf_matches(
        (x for x in [0.1, 0.2]), stats.norm.cdf), ["samples", "generator"]),
    ("labels_match p with a negative entry", lambda d: testing.assert_labels_match(
        [0, 1], [1.1, -0.1]), ["p", "-0.1"]),
    ("same_distribution x a dict", lambda d: testing.assert_same_distribution(
        {"a": 1.0}, [1.0, 2.0]), ["x", "dict"]),
    ("smallest_detectable samples 3", lambda d: testing.smallest_detectable(100, samples=3),
     ["samples", "3"]),
    ("chi_square_pvalue counts a dict", lambda d: testing.chi_square_pvalue(
        {0: 10, 1: 20}, [0.5, 0.5]), ["counts", "dict"]),
    ("chi_square_power n a float64", lambda d: testing.chi_square_power(
        [0.5, 0.5], [0.4, 0.6], np.float64(100.0)), ["n", "100.0"]),
    ("density student_t df a list", lambda d: densities.student_t([3.0]), ["df", "[3.0]"]),
    ("density triangular reversed", lambda d: densities.triangular(1.0, 0.5, 0.0),
     ["1.0", "0.0"]),
    ("density trapezoid c after d", lambda d: densities.trapezoid(0.0, 0.8, 0.2, 1.0),
     ["0.8", "0.2"]),
    ("density uniform equal ends", lambda d: densities.uniform(2.0, 2.0), ["2.0"]),
    ("density steps all heights zero", lambda d: densities.steps([0.0, 1.0, 2.0], [0.0, 0.0]),
     ["heights"]),
    ("density beta on a point", lambda d: densities.beta(2.0, 3.0, lo=0.5, hi=0.5), ["0.5"]),
    ("strategy probability_vectors max_size a float64", lambda d: _example(
        _strategies().probability_vectors(max_size=np.float64(5.0))), ["max_size", "5.0"]),
    ("strategy symmetric_proposals n a float64", lambda d: _example(
        _strategies().symmetric_proposals(np.float64(3.0))), ["n", "3.0"]),
    ("strategy known_densities no kinds", lambda d: _example(
        _strategies().known_densities(kinds=())), ["kinds", "()"]),
    ("two_sample_distance y a generator", lambda d: testing.two_sample_distance(
        [1.0, 2.0], (y for y in [1.0, 3.0])), ["y", "generator"]),
    ("chi_square_pvalue counts 2-D", lambda d: testing.chi_square_pvalue(
        [[10, 10]], [0.5, 0.5]), ["counts", "(1, 2)"]),
    ("density pareto alpha a 0-d negative", lambda d: densities.pareto(np.array(-1.0)),
     ["alpha", "-1."]),
]

OMNIGLOT_CASES = [
    ("family data with a pixel axis missing", lambda d: Omniglot(
        5, data=_data()._replace(images=_data().images[..., 0])), ["images"]),
    ("family data alphabets one short", lambda d: Omniglot(
        5, data=_data()._replace(alphabets=_data().alphabets[:-1])), ["alphabets"]),
    ("make_batch a quarter turn of 4", lambda d: _turns(4), ["task_params", "4"]),
    ("family split a list", lambda d: Omniglot(5, split=["train"], data=_data()),
     ["split", "['train']"]),
    ("make_batch n_query not a multiple", lambda d: Omniglot(5, data=_data()).make_batch(
        _rng(), Omniglot(5, data=_data()).sample_params(_rng(), 2), 5, 7), ["n_query", "7"]),
    ("load root the README file", lambda d: omniglot.load(
        _ROOT / "README.md", cache_dir=_cache_dir(), progress=False), ["root", "README.md"]),
    ("load progress 2", lambda d: omniglot.load(ROOT, cache_dir=_cache_dir(), progress=2),
     ["progress", "2"]),
    ("load parts a tuple of names", lambda d: omniglot.load(
        ROOT, cache_dir=_cache_dir(), parts=("images_background",), progress=False),
     ["parts"]),
    ("finn_split alphabets a generator", lambda d: finn_split(
        (a for a in np.repeat(np.arange(10), 30)), np.arange(300), 200, 50),
     ["alphabets", "generator"]),
    ("check_shots n_tasks 0", lambda d: check_shots(5, 0, 5, 5), ["n_tasks", "0"]),
    ("check_shots n_query negative", lambda d: check_shots(5, 2, 5, -5), ["n_query", "-5"]),
    ("progress total True", lambda d: Progress("x", True), ["total", "True"]),
    ("progress advance a float64", lambda d: Progress("x", 3, enabled=False).advance(
        np.float64(1.0)), ["n", "1.0"]),
]

WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, demo": CLI_OTHER_CASES,
           "environment (cli)": ENV_CLI_CASES, "environment": ENV_CASES,
           "engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "samplers": SAMPLER_CASES, "testing kit": TESTING_CASES, "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "adam grads a tuple for a list": "not a bad input after all: the gradients pair with the "
                                     "parameters one to one, in order (tree_map pairs a tuple "
                                     "with a list), and the step is the list's, bit for bit",
    "from_density a density negative on part of the domain": "an errstate artefact: valid "
        "densities on a bounded domain (np.sin on (0, pi), np.ones_like on (0, 1)) hit the same "
        "FloatingPointError (underflow in ldexp) under errstate(all='raise'); without it the "
        "negative density is refused with a ValueError",
    # dropped after the measurement at b16d13c, when fixing (see the docstring):
    "batch_norm integer h": "not a bad input after all: batch_norm's h is documented as real "
                            "numbers of shape (points, features) or (tasks, points, features), "
                            "and integer h gives the float result exactly",
    # written, not kept (it counts only in --written):
    "check_grads fun returning a list": "not a bad input after all: check_grads takes a list "
                                        "of outputs and checks it (a wrong VJP inside it fails "
                                        "the check)",
}


def _kept(cases):
    """Three cases of every five, in the order written (``i % 5 not in (0, 3)``), chosen
    before any run; then the dropped ones left out."""
    kept = [c for i, c in enumerate(cases) if i % 5 not in (0, 3)]
    return [c for c in kept if c[0] not in DROPPED]


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}
# The cases still not clear after the fixes, each for a stated reason (strict: a fix shows
# up as a failure to remove from this dict).
NOT_CLEAR_YET = {}
ALL = [pytest.param(g, c, id=f"{g}: {c[0]}", marks=[pytest.mark.xfail(
    reason=NOT_CLEAR_YET[c[0]], strict=True)] if c[0] in NOT_CLEAR_YET else [])
    for g, cases in GROUPS.items() for c in cases]


def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0].lower() or "SCRATCHMETA_DATA" in case[0]


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_ninth_battery_is_wide_and_new():
    assert len(ALL) >= 100
    names = [c[0] for cases in WRITTEN.values() for c in cases]
    assert len(names) == len(set(names))


def main():
    """``python tests/test_bad_inputs_ninth.py [--written] [-v]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
