"""A tenth battery of bad inputs (issue 11's goal, measured on a fresh, independent set).

``tests/test_bad_inputs_cli.py`` (whose module docstring defines clear / unclear / silent /
data loss) and the later batteries (``_wider``, ``_third`` ... ``_seventh``, the ``_audit_*``
files, the sweeps, and the eighth and ninth kept outside the tests folder) were read only so
as not to repeat their cases; no case id here is an id of theirs. The cases were written from
the user's side (``__all__``, README, docstrings, signatures, ``--help``), without reading
the library's check modules, the bodies of its validation code or its history, over every
area: train flags in forms not tried before (``0.0``, ``1/10``, ``-2.5``, ``1.0``), ``--set``
values (``1j``, ``2**3``, ``-inf``, an empty ``head_init``) and zeros for the fields of
anil, r2d2, subset, multitask, pretrained, scratch and reptile, ``--out /dev/null``, a resume
of a negative step, a strategy given twice; evaluate of checkpoints damaged anew (``{}``
config, a NaN seed, complex meta-losses, a 3-D weight, an unknown family argument),
``/dev/null`` and a NUL byte as the checkpoint; compare's counts and seeds; ``--help=yes``;
``figures`` stems (padded, a path, the module's name, a number, a hyphen, a glob) with the
figure modules stubbed; ``SCRATCHMETA_KEEP_FREED_MEMORY`` 'None', '0b0', '1e0', 'y', '1.',
'enable', a unicode minus; ``SCRATCHMETA_DATA`` whose ``omniglot`` is a file; None, dicts,
sets, strings, tuples of pairs, floats, bools and 0-d arrays where numbers, sequences,
Generators, functions or strategies are meant; NaN and inf in arguments and in data (inputs,
targets, logits, weights, draws, counts, Adam moments); a user's loss that returns NaN and a
log-density that is -inf at the start; and the less-used public helpers (``check_adam``,
``forward_with``, ``check_update``, ``check_step``, ``adaptation_curves``,
``population_statistics``, ``describe``, ``draw_tasks``, ``default_model``,
``upgrade_config``/``upgrade_state``, ``init_rng``, ``batch_floats``, ``check_run``,
``compare.run``, ``bin_masses``, ``total_variation``, ``integrate``, ``acceptance_1d``,
``acceptance_limit``, ``fixed_step_chains``, ``quantile_type7``, ``split_chains``,
``check_symmetric_proposal``, ``check_domain``, ``find_center``, ``figures.default_out``).
Omniglot's ``root`` is ``omniglot_real.REAL_DATA`` (no download), decoded into the fifth
battery's private cache; those cases skip without it. Classification: the first battery's
``classify_call`` / ``classify_cli`` under ``np.errstate(all="raise")``; ``figures`` through
the wider battery's ``classify_figures`` (stubbed; a refusal after the stub ran is unclear);
a case still working after 30 s would be unclear (none was). For a scalar the message must
show the value given; for an array, a list or a dict, naming the argument (or entry) is
enough.

Selection, blind: 308 cases were written; three of every five in each area, in the order
written (``i % 5 not in (2, 4)``), were kept before any run: 191. First run, those 191: 149
clear (78.0%), 19 unclear, 23 silent, 0 data loss. After it, eight kept cases were dropped
(``DROPPED``, with reasons) as not bad inputs after all or documented as valid: ``reshape``
to (-3,) (NumPy takes any negative size as the unknown one), ``grad`` with argnums (0, 0),
``select_test_time(max_steps=0)`` (0..max_steps), a set of candidates (order cannot change
the choice), ``flatten`` of a tuple of strings, a negative sinusoid amplitude, ``diagnose``
of one draw a chain (documented NaN and warning, as ArviZ) and 2-D labels for
``assert_labels_match``. Corrections where the case, not the library, was wrong: five
mentions asked for the type ("dict", "list") where the message shows the value's repr,
which names the value given (``make_strategy(family=dict)``, ``sample_batch(rng=[0])``,
``strategy_from_config`` hyperparameters a list, ``upgrade_config([1])``,
``MLP.init([0])``): the argument's name is now enough there, as for any non-scalar; two
mentions "nan" where the message spells "NaN" (``rank_normalize``, ``two_sample_distance``);
"meta_losses" for the spelling "meta-losses" (as the fifth battery spells it; the case stays
unclear, the message does not say "complex"); ``recorded_curve`` of a dict built with
``vars()``, which failed in the case itself (TaskBatch has no ``__dict__``), now built field
by field. Written-only corrections: ``--set meta_batch=2**3`` had been given with TRAIN's
``--meta-batch`` too (refused, clearly, as given twice), and two more repr-for-type
mentions (``make_strategy(model=dict)``, ``save_checkpoint(meta_losses=dict)``).

Measured against the code at commit b16d13c: 183 cases, 157 clear (85.8%), 11 unclear
(6.0%), 15 silent (8.2%), 0 data loss. By area (clear/unclear/silent/data loss): command
line (train) 12/0/0/0 of 12, command line (evaluate, compare, subcommands) 9/1/0/0 of 10,
command line (figures) 5/0/0/0 of 5, environment (command line) 4/0/0/0 of 4, environment
4/0/0/0 of 4, engine 8/0/1/0 of 9, gradcheck 3/0/2/0 of 5, Chapter 2's functions 17/1/2/0
of 20, strategies 15/2/0/0 of 17, evaluate and train 13/0/0/0 of 13, checkpoints 7/1/2/0 of
10, nn/optim/batchnorm 10/2/1/0 of 13, task families and losses 8/0/2/0 of 10, samplers
14/3/3/0 of 20, testing kit 17/0/0/0 of 17, Omniglot 8/1/0/0 of 9, figures helpers
3/0/2/0 of 5. All 300 written and not dropped (``python tests/test_bad_inputs_tenth.py
--written``): 256 clear (85.3%), 17 unclear (5.7%), 27 silent (9.0%), 0 data loss. So a
fresh battery is still below the goal of 95%: the command line, the environment, evaluate
and train, the testing kit have no miss among the kept cases; the misses are NaN/inf inside
data and arguments of the less-used helpers, and helpers that take an object (a state, a
strategy, a function) without checking it. Not clear (kept cases):

* unclear: ``evaluate`` of complex meta-losses ("it is at step 2 but records (2,)
  meta-losses": wrong reason, no "complex"); ``adaptation_curves(n_steps=-1)`` (NumPy's
  "need at least one array to stack"); ``ClosedForm.lam(None)`` ("'NoneType' object is not
  subscriptable"); ``describe("maml")`` (AttributeError); ``upgrade_state("MAML", ...)``
  (KeyError 'params'); Adam with a negative second moment in its state (FloatingPointError
  in sqrt); ``adam_rows`` with grads of 2 rows for 1 (NumPy's broadcast error, no
  ``grads``); ``metropolis`` whose log-density is -inf at x0 (a clear message, but it never
  says ``x0``); ``bin_masses(cdf=3)`` ("'int' object is not callable");
  ``split_chains`` of a vector (IndexError); ``omniglot.load(parts=None)`` ("'NoneType'
  object is not iterable");
* silent: ``ad.where("yes", x, x)``; ``hvp`` with a NaN ``v`` and with an inf ``x``;
  ``check_update(max_loss=nan)``; ``population_statistics`` of NaN ``x``;
  ``save_checkpoint(changes=[1, 2])``; ``check_state(path=3)``; ``MLP.head`` of NaN
  features; ``Sinusoid().target`` of NaN ``x``; ``accuracy`` of NaN logits;
  ``integrate(lo=nan)``; ``acceptance_limit(-1.0)`` (an acceptance rate above 1);
  ``quantile_type7(prob=1.5)``; ``figures.check_out_dir`` of a path with a NUL byte;
  ``figures.run_all(quick=None)`` (a full run, stubbed here).

Written and not kept, also not clear: ``compare --strategies newton_head`` on sinusoids
(exit 0 with an n/a row), ``meta_loss`` with a loss returning NaN (the error names
``params[0]``, not the loss), ``meta_loss_low_rank(first_order="no")``,
``check_step(max_ratio=0)``, ``default_model(3)`` ("no default model
for a int"), ``outer_step_size(1.5)``, ``check_run(n_steps=0)``, ``compare.run`` with
``meta_steps=0`` ("argument of type 'int' is not iterable"), ``check_state`` of NaN
parameters, ``load_checkpoint`` with ``state/params/1`` missing, ``MLP.forward_with(linear=
None)``, ``sample_x(n_points=2.5)``, ``mse`` of inf predictions, a ``TaskBatch`` whose
y_query is wider than y_support, ``total_variation`` with one edge, ``acceptance_1d(nan)``,
``fixed_step_chains(dim=0)`` (FloatingPointError), ``figures.default_out("yes")``.
``python tests/test_bad_inputs_tenth.py`` prints the rates by area (about 5 s; pytest about
15 s).

A blind test of the eighth and ninth batteries' fixes. This battery was written in a worktree
frozen at b16d13c while those fixes were made without sight of it (commit becdedd). Measured
there: 166 of 183 kept cases clear (90.7%), 8 unclear, 9 silent, 0 data loss; all 300
written and not dropped, 270 clear (90.0%). After that measurement, three mentions were
corrected from "nan" to "NaN", as two had been before it (the messages say "NaN"); with them
the measurement would have been 167 of 183 (91.3%). Then its own fixes (commit 11f63ec):
180 of 183 clear. The three left are strict xfails with their reasons (``NOT_CLEAR_YET``):
``hvp`` with a NaN ``v`` gives NaN (the power iteration of ``normalization.sharpness``
relies on it), and a model's outputs, the head's features and ``accuracy``'s logits, are
results that may be non-finite (a diverged run is scored, not refused). Cases written and
not kept were fixed after that (``tests/test_bad_inputs_round4.py``); ``--written`` gives
their rate now.
"""

import itertools

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import figures, memory, testing, threads
from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.datasets.progress import Progress
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.meta import adapt, compare
from scratchmeta.meta.anil import anil_meta_grad, anil_meta_loss
from scratchmeta.meta.checkpoint import (check_checkpoint_path, check_state, flatten,
                                         load_checkpoint, restore, unflatten)
from scratchmeta.meta.closed_form import ClosedForm, closed_form_meta_loss
from scratchmeta.meta.evaluate import (diverged_value, format_table, held_out_tasks,
                                       recorded_curve, task_rng, with_test_time)
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norm, meta_gradient_norms
from scratchmeta.meta.guard import check_step, check_update
from scratchmeta.meta.legacy import upgrade_config, upgrade_state
from scratchmeta.meta.maml import inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.normalization import adaptation_curves, population_statistics
from scratchmeta.meta.protocol import describe, draw_tasks
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import (default_model, make_family, make_strategy,
                                       strategy_from_config)
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_step
from scratchmeta.meta.ridge import ridge_fit, ridge_head, with_bias
from scratchmeta.meta.softmax_head import newton_solve, softmax_head, softmax_head_unrolled
from scratchmeta.meta.subset import subset_batch, subset_meta_loss
from scratchmeta.meta.training import (as_seed, batch_floats, check_run, init_rng, step_rng,
                                       train)
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, check_adam
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, diagnose,
                                  exponential, grid_inverse_cdf, laplace, logistic,
                                  mcse_sd, metropolis_transition_matrix, optimal_acceptance,
                                  pareto, rank_normalize, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7, split_chains
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import acceptance_1d, acceptance_limit, fixed_step_chains
from scratchmeta.sampling.tails import check_domain, find_center
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, accuracy, mse
from scratchmeta.testing import densities

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import (TRAIN, _a_file, _damaged, _drop, _evaluate, _good, _set,
                                 _train, battery_main)
from test_bad_inputs_fourth import X3, _maml, _once, _problem, _rng, _square
from test_bad_inputs_fifth import (_adam, _batch, _cache_dir, _data, _evaluate_call, _example,
                                   _features, _metropolis, _net, _rows_state, _save, _select,
                                   _strategies)
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import M2, _compare, _fresh, _out
from test_bad_inputs_wider import _config

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"


# --- objects the cases use -------------------------------------------------------------------

def _fig(*extra):
    """figures, quick (the figure modules are stubbed by classify_figures: nothing is drawn)."""
    return lambda d: ["figures", "--quick", *extra]


def _omniglot_is_a_file(folder):
    """A SCRATCHMETA_DATA folder whose ``omniglot`` (the cache folder) is a file."""
    path = folder / "data_with_a_file"
    path.mkdir(exist_ok=True)
    (path / "omniglot").write_text("not a folder\n")
    return path


def _format_only(folder):
    path = folder / "formatonly.npz"
    with open(path, "wb") as f:
        np.savez(f, **{"meta/format": np.array("scratchmeta-checkpoint-2")})
    return path


def _family():
    return _once("omniglot10", lambda: Omniglot(5, data=_data()))


def _turned(turns):
    """Task parameters of one 5-way Omniglot task with every quarter-turn count ``turns``."""
    params = np.array(_family().sample_params(_rng(), 1))
    params[..., 1] = turns
    return params


def _with_y_query(batch, y_query):
    return TaskBatch(batch.x_support, batch.y_support, batch.x_query, y_query)


def _record(change):
    record = describe(make_strategy("maml", meta_batch=2))
    change(record)
    return record


def _path(**kwargs):
    model, params, batch = _problem()
    return adapt.from_theta0(params, batch, model, inner_lr=0.01, loss=mse, **kwargs)


def _as_dict(batch):
    """A TaskBatch's four arrays as a plain dict (TaskBatch has no ``__dict__`` for vars)."""
    return {k: getattr(batch, k) for k in ("x_support", "y_support", "x_query", "y_query")}


def _first(generator, n=2):
    return list(itertools.islice(generator, n))


def _minus_inf_start(x):
    """A log-density that is -inf at the start x0 = 0 (zero density there)."""
    return np.where(np.abs(x[:, 0]) > 1.0, -0.5 * x[:, 0] ** 2, -np.inf)


def _progress():
    return Progress("x", 3, enabled=False)


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("steps 0.0", _train("--steps", "0.0"), ["--steps", "0.0"]),
    ("n-query a negative float", _train("--n-query", "-2.5"), ["--n-query", "-2.5"]),
    ("inner-steps 1.0", _train("--inner-steps", "1.0"), ["--inner-steps", "1.0"]),
    ("inner-lr a fraction", _train("--inner-lr", "1/10"), ["--inner-lr", "1/10"]),
    ("reptile meta-lr nan", _train("--strategy", "reptile", "--meta-lr", "nan"),
     ["--meta-lr", "nan"]),
    ("multitask lam negative", _train("--strategy", "multitask", "--lam", "-1"),
     ["--lam", "-1"]),
    ("set inner_lr a complex", _train("--set", "inner_lr=1j"), ["inner_lr", "1j"]),
    ("set meta_batch 2**3", lambda d: ["train", "--steps", "2", "--set", "meta_batch=2**3",
                                        *_out(d)], ["meta_batch", "2**3"]),
    ("set inner_lr=-inf", _train("--set", "inner_lr=-inf"), ["inner_lr", "-inf"]),
    ("anil set first_order=0", _train("--strategy", "anil", "--set", "first_order=0"),
     ["first_order", "0"]),
    ("r2d2 on clusters set lam=0", _train("--family", "clusters", "--strategy", "r2d2",
                                          "--set", "lam=0"), ["lam", "0"]),
    ("subset set subset_size=true", _train("--strategy", "subset", "--set",
                                           "subset_size=true"), ["subset_size", "True"]),
    ("multitask set n_train_tasks=0", _train("--strategy", "multitask", "--set",
                                             "n_train_tasks=0"), ["n_train_tasks", "0"]),
    ("multitask set head_init empty", _train("--strategy", "multitask", "--set", "head_init="),
     ["head_init", "''"]),
    ("pretrained set inner_lr=0", _train("--strategy", "pretrained", "--set", "inner_lr=0"),
     ["inner_lr", "0"]),
    ("scratch set n_support=0", _train("--strategy", "scratch", "--set", "n_support=0"),
     ["n_support", "0"]),
    ("reptile set meta_lr=0", _train("--strategy", "reptile", "--set", "meta_lr=0"),
     ["meta_lr", "0"]),
    ("out /dev/null", lambda d: TRAIN + ["--out", "/dev/null"], ["--out", "/dev/null"]),
    ("resume a negative step entry", lambda d: TRAIN + ["--out", str(_damaged(
        d, "negstep", _set("meta/step", np.array(-2)))), "--resume"], ["meta/step", "-2"]),
    ("strategy given twice, the last unknown", _train("--strategy", "maml", "--strategy",
                                                      "mamal"), ["--strategy", "mamal"]),
]

CLI_OTHER_CASES = [
    ("eval support a word", _evaluate(_good, "--support", "few"), ["--support", "few"]),
    ("eval steps 1e1", _evaluate(_good, "--steps", "1e1"), ["--steps", "1e1"]),
    ("eval config an empty object", _evaluate(lambda d: _damaged(d, "cfgempty", _set(
        "meta/config", np.array("{}")))), ["meta/config"]),
    ("eval a seed entry NaN", _evaluate(lambda d: _damaged(d, "seednan", _set(
        "meta/seed", np.array(np.nan)))), ["meta/seed", "nan"]),
    ("eval checkpoint /dev/null", lambda d: ["evaluate", "--checkpoint", "/dev/null"],
     ["/dev/null"]),
    ("eval checkpoint with a NUL byte", lambda d: ["evaluate", "--checkpoint",
                                                   str(d / "a\0b.npz")], ["--checkpoint"]),
    ("eval meta-losses complex", _evaluate(lambda d: _damaged(d, "losscplx", _set(
        "meta/meta_losses", np.array([1 + 1j, 2 + 0j])))), ["meta-losses", "complex"]),
    ("eval a 3-D weight entry", _evaluate(lambda d: _damaged(d, "w3d", _set(
        "state/params/0", np.ones((1, 1, 40))))), ["state/params/0", "(1, 1, 40)"]),
    ("compare tasks negative", _compare("--tasks", "-4"), ["--tasks", "-4"]),
    ("compare val-tasks 0", _compare("--val-tasks", "0"), ["--val-tasks", "0"]),
    ("compare seed a word", _compare("--seed", "abc"), ["--seed", "abc"]),
    ("compare eval-seed negative", _compare("--eval-seed", "-1"), ["--eval-seed", "-1"]),
    ("compare newton_head on sinusoids", lambda d: ["compare", "--steps", "2", "--tasks", "4",
                                                    "--val-tasks", "4", "--strategies",
                                                    "newton_head"],
     ["newton_head", "sinusoid"]),
    ("compare adapt-steps 1e1", _compare("--adapt-steps", "1e1"), ["--adapt-steps", "1e1"]),
    ("top-level help given a value", lambda d: ["--help=yes"], ["--help"]),
    ("eval a config record with an unknown family argument", _evaluate(
        lambda d: _damaged(d, "famspeed", _config(
            lambda r: r["family"]["arguments"].__setitem__("speed", 3)))), ["speed"]),
]

# figures command lines: the figure modules are stubbed, so nothing is drawn
CLI_FIGURES_CASES = [
    ("figures only a stem with a trailing space", _fig("--only", "fig22_1 "), ["'fig22_1 '"]),
    ("figures only a path", _fig("--only", "figures/fig22_1"), ["figures/fig22_1"]),
    ("figures only the module's name", _fig("--only", "scratchmeta.figures.fig22_1"),
     ["scratchmeta.figures.fig22_1"]),
    ("figures only a number", _fig("--only", "1"), ["'1'"]),
    ("figures only a stem with a hyphen", _fig("--only", "fig22-1"), ["fig22-1"]),
    ("figures out given twice, the last empty", lambda d: ["figures", "--quick", "--only",
                                                           "fig22_1", "--out", str(d / "f"),
                                                           "--out", ""], ["--out"]),
    ("figures only a glob", _fig("--only", "fig22_*"), ["fig22_*"]),
    ("figures an unknown flag --dpi", _fig("--only", "fig22_1", "--dpi", "300"), ["--dpi"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory 'None', train", _train(), [VAR, "'None'"], {VAR: "None"}),
    ("keep-freed-memory '0b0', evaluate", _evaluate(_good), [VAR, "'0b0'"], {VAR: "0b0"}),
    ("keep-freed-memory '1e0', compare", _compare(), [VAR, "'1e0'"], {VAR: "1e0"}),
    ("keep-freed-memory 'y', figures", _fig("--only", "fig22_1"), [VAR, "'y'"], {VAR: "y"}),
    ("SCRATCHMETA_DATA whose omniglot is a file, omniglot train", _train("--family", "omniglot"),
     ["SCRATCHMETA_DATA"], {"SCRATCHMETA_DATA": _omniglot_is_a_file}),
    ("keep-freed-memory a unicode minus zero, demo", lambda d: ["demo"], [VAR, "'\u22120'"],
     {VAR: "\u22120"}),
]

# library calls under a bad environment, or of the environment modules: (id, call, mentions, env)
ENV_CASES = [
    ("opt-out value '1.'", lambda d: memory.opt_out_value(), [VAR, "'1.'"], {VAR: "1."}),
    ("unless_opted_out 'enable'", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR, "'enable'"], {VAR: "enable"}),
    ("keep_freed_memory mmap_threshold True", lambda d: memory.keep_freed_memory(
        mmap_threshold=True), ["mmap_threshold", "True"], None),
    ("keep_freed_memory trim_threshold None", lambda d: memory.keep_freed_memory(
        trim_threshold=None), ["trim_threshold", "None"], None),
    ("keep_freed_memory mmap_threshold 1.5", lambda d: memory.keep_freed_memory(
        mmap_threshold=1.5), ["mmap_threshold", "1.5"], None),
    ("one_blas_thread environ a tuple of pairs", lambda d: threads.one_blas_thread_unless_set(
        (("OMP_NUM_THREADS", "2"),)), ["environ", "tuple"], None),
]


# --- library calls: (id, call(folder), mentions) ---------------------------------------------

ENGINE_CASES = [
    ("sub of None", lambda d: ad.sub(X3, None), ["None"]),
    ("mul of a dict", lambda d: ad.mul(X3, {"a": 1.0}), ["dict"]),
    ("div of other shapes", lambda d: ad.div(np.ones(3), np.ones(4)), ["(3,)", "(4,)"]),
    ("reshape to a negative size other than -1", lambda d: ad.reshape(X3, (-3,)), ["-3"]),
    ("transpose axes a string", lambda d: ad.transpose(M2, "10"), ["axes", "'10'"]),
    ("concatenate axis past the end", lambda d: ad.concatenate([X3, X3], axis=1),
     ["axis", "1"]),
    ("stack axis 0.5", lambda d: ad.stack([X3, X3], axis=0.5), ["axis", "0.5"]),
    ("sum keepdims a string", lambda d: ad.sum(X3, keepdims="yes"), ["keepdims", "'yes'"]),
    ("mean axis -3 of a matrix", lambda d: ad.mean(M2, axis=-3), ["axis", "-3"]),
    ("clip a_min a string", lambda d: ad.clip(X3, "0", 1.0), ["a_min", "'0'"]),
    ("where cond a string", lambda d: ad.where("yes", X3, X3), ["cond", "'yes'"]),
    ("einsum subscripts an int", lambda d: ad.einsum(3, X3), ["subscripts", "3"]),
    ("norm ord 'max'", lambda d: ad.norm(X3, ord="max"), ["ord", "'max'"]),
    ("expand_dims axis 1.5", lambda d: ad.expand_dims(X3, 1.5), ["axis", "1.5"]),
    ("matrix_transpose of a vector", lambda d: ad.matrix_transpose(X3), ["(3,)"]),
    ("jacobian argnum a string", lambda d: ad.jacobian(lambda x: x * 2.0, argnum="0")(X3),
     ["argnum", "'0'"]),
    ("grad argnums repeated", lambda d: ad.grad(lambda a, b: _square(a) + _square(b),
                                                argnums=(0, 0))(X3, X3),
     ["argnums", "(0, 0)"]),
    ("Primitive name an int", lambda d: ad.Primitive(3, np.sin), ["name", "3"]),
]

GRADCHECK_CASES = [
    ("check_grads args None", lambda d: check_grads(_square, None), ["args", "None"]),
    ("check_grads order 0", lambda d: check_grads(_square, (X3,), order=0), ["order", "0"]),
    ("check_grads rtol NaN", lambda d: check_grads(_square, (X3,), rtol=np.nan),
     ["rtol", "nan"]),
    ("check_grads atol negative", lambda d: check_grads(_square, (X3,), atol=-1.0),
     ["atol", "-1.0"]),
    ("check_grads eps inf", lambda d: check_grads(_square, (X3,), eps=np.inf), ["eps", "inf"]),
    ("hvp v with a NaN", lambda d: hvp(_square, X3, np.array([np.nan, 0.0, 0.0])),
     ["v", "nan"]),
    ("hvp x with an inf", lambda d: hvp(_square, np.array([np.inf, 0.0, 0.0]), X3),
     ["x", "inf"]),
    ("hvp fun a dict", lambda d: hvp({"f": _square}, X3, X3), ["fun", "dict"]),
]


def _p():
    return _problem()[1]


def _b():
    return _problem()[2]


def _m():
    return _problem()[0]


META_CASES = [
    ("ridge_head lam NaN", lambda d: ridge_head(*_features(), np.nan), ["lam", "nan"]),
    ("ridge_fit form an int", lambda d: ridge_fit(*_features(), 0.1, form=1), ["form", "1"]),
    ("with_bias of inf features", lambda d: with_bias(np.full((2, 3, 2), np.inf)),
     ["features", "inf"]),
    ("softmax_head max_steps 0", lambda d: softmax_head(*_features(), 0.1, max_steps=0),
     ["max_steps", "0"]),
    ("softmax_head tol NaN", lambda d: softmax_head(*_features(), 0.1, tol=np.nan),
     ["tol", "nan"]),
    ("softmax_head_unrolled n_steps 2.5", lambda d: softmax_head_unrolled(*_features(), 0.1,
                                                                          2.5),
     ["n_steps", "2.5"]),
    ("r2d2 scale inf", lambda d: r2d2_logits(_features()[0], _features()[1], _features()[0],
                                             0.1, scale=np.inf), ["scale", "inf"]),
    ("r2d2 lam NaN", lambda d: r2d2_logits(_features()[0], _features()[1], _features()[0],
                                           np.nan), ["lam", "nan"]),
    ("inner_sgd inner_steps a string", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps="2"), ["inner_steps", "'2'"]),
    ("inner_sgd inner_lr NaN", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=np.nan,
        inner_steps=1), ["inner_lr", "nan"]),
    ("meta_loss loss a name", lambda d: meta_loss(_p(), _b(), _m(), inner_lr=0.01,
                                                  inner_steps=1, loss="mse"),
     ["loss", "'mse'"]),
    ("meta_grad inner_lr None", lambda d: meta_grad(_p(), _b(), _m(), inner_lr=None,
                                                    inner_steps=1), ["inner_lr", "None"]),
    ("meta_loss a user's loss returning NaN", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=lambda p, y: mse(p, y) * np.nan),
     ["loss"]),
    ("anil_meta_loss inner_steps 1.5", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1.5), ["inner_steps", "1.5"]),
    ("anil_meta_grad first_order None", lambda d: anil_meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, first_order=None),
     ["first_order", "None"]),
    ("closed_form_meta_loss lam negative", lambda d: closed_form_meta_loss(
        _p()[:-2], _b(), _m(), lam=-1.0), ["lam", "-1.0"]),
    ("reptile_step meta_lr negative", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=-0.5), ["meta_lr", "-0.5"]),
    ("fine_tune_tasks inner_lr inf", lambda d: fine_tune_tasks(
        _p(), _b(), _m(), inner_lr=np.inf, inner_steps=1), ["inner_lr", "inf"]),
    ("subset_batch subset_size above the support", lambda d: subset_batch(_b(), _rng(), 6),
     ["subset_size", "6"]),
    ("subset_meta_loss subset_size 0", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=0, inner_lr=0.01, inner_steps=1),
     ["subset_size", "0"]),
    ("meta_gradient_norm inner_steps 1.5", lambda d: meta_gradient_norm(
        _p(), _b(), _m(), inner_steps=1.5, inner_lr=0.01), ["inner_steps", "1.5"]),
    ("meta_gradient_norms inner_lrs with a NaN", lambda d: meta_gradient_norms(
        _p(), _b(), _m(), [1], [0.01, np.nan]), ["inner_lrs", "nan"]),
    ("divergence_map n_support 0", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [1], [0.01], n_steps=2, n_support=0),
     ["n_support", "0"]),
    ("sgd_path inner_lr negative", lambda d: _first(adapt.sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=-0.01, loss=mse)), ["inner_lr", "-0.01"]),
    ("adapt.after n_steps a string", lambda d: adapt.after(_path(), "2"),
     ["n_steps", "'2'"]),
    ("multitask_loss loss an int", lambda d: multitask_loss(
        _p()[:-2], [np.zeros((2, 8, 1)), np.zeros((2, 1))], _b().x_support, _b().y_support,
        _m(), loss=3), ["loss", "3"]),
    ("newton_solve max_steps negative", lambda d: newton_solve(*_features(), 0.1,
                                                               max_steps=-1),
     ["max_steps", "-1"]),
    ("meta_loss_low_rank first_order text", lambda d: meta_loss_low_rank(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, first_order="no"),
     ["first_order", "'no'"]),
    ("check_update max_loss NaN", lambda d: check_update(
        1.0, [np.ones(2)], step=0, advice="lower meta_lr", max_loss=np.nan),
     ["max_loss", "nan"]),
    ("check_step max_ratio 0", lambda d: check_step(
        {"params": [np.ones(2)]}, {"params": [np.ones(2)]}, 1.0, step=0,
        advice="lower meta_lr", max_ratio=0), ["max_ratio", "0"]),
    ("adaptation_curves n_steps negative", lambda d: adaptation_curves(
        _p(), _b(), _m(), n_steps=-1), ["n_steps", "-1"]),
    ("population_statistics x with NaN", lambda d: population_statistics(
        MLP((1, 8, 1), batch_norm=True), MLP((1, 8, 1), batch_norm=True).init(_rng()),
        np.full((2, 5, 1), np.nan)), ["x", "nan"]),
]

STRATEGY_CASES = [
    ("maml n_query a string", lambda d: make_strategy("maml", n_query="10"),
     ["n_query", "'10'"]),
    ("fomaml inner_lr NaN", lambda d: make_strategy("fomaml", inner_lr=np.nan),
     ["inner_lr", "nan"]),
    ("reptile batched None", lambda d: make_strategy("reptile", batched=None),
     ["batched", "None"]),
    ("anil meta_batch 0", lambda d: make_strategy("anil", meta_batch=0), ["meta_batch", "0"]),
    ("closed_form n_support True", lambda d: make_strategy("closed_form", n_support=True),
     ["n_support", "True"]),
    ("r2d2 on clusters meta_lr negative", lambda d: make_strategy("r2d2", "clusters",
                                                                 meta_lr=-0.001),
     ["meta_lr", "-0.001"]),
    ("newton_head on clusters learn_lam 'no'", lambda d: make_strategy(
        "newton_head", "clusters", learn_lam="no"), ["learn_lam", "'no'"]),
    ("subset subset_size a 0-d zero", lambda d: make_strategy("subset",
                                                              subset_size=np.array(0)),
     ["subset_size", "0"]),
    ("multitask head_steps 2.5", lambda d: make_strategy("multitask", head_steps=2.5),
     ["head_steps", "2.5"]),
    ("multitask n_train_tasks negative", lambda d: make_strategy("multitask",
                                                                 n_train_tasks=-5),
     ["n_train_tasks", "-5"]),
    ("pretrained n_support None", lambda d: make_strategy("pretrained", n_support=None),
     ["n_support", "None"]),
    ("scratch inner_lr inf", lambda d: make_strategy("scratch", inner_lr=np.inf),
     ["inner_lr", "inf"]),
    ("make_strategy model a dict", lambda d: make_strategy("maml", model={"sizes": (1, 40, 1)}),
     ["model"]),
    ("make_strategy family a dict", lambda d: make_strategy("maml",
                                                            family={"name": "sinusoid"}),
     ["family"]),
    ("make_strategy a name with a newline", lambda d: make_strategy("maml\n"),
     ["'maml\\n'"]),
    ("init_state rng a float", lambda d: _maml()[0].init_state(0.5), ["rng", "0.5"]),
    ("sample_batch rng a list", lambda d: _maml()[0].sample_batch([0], _maml()[1]),
     ["rng"]),
    ("update state None", lambda d: _maml()[0].update(None, _batch(), _rng(), 0),
     ["state", "None"]),
    ("update batch with NaN query targets", lambda d: _fresh()[0].update(
        _fresh()[1], _with_y_query(_batch(), np.full((2, 5, 1), np.nan)), _rng(), 0),
     ["y_query"]),
    ("reptile adaptation batch None", lambda d: _first(make_strategy(
        "reptile", meta_batch=2).adaptation(make_strategy("reptile", meta_batch=2).init_state(
            _rng()), None)), ["batch", "None"]),
    ("ClosedForm.lam of None", lambda d: ClosedForm.lam(None), ["state", "None"]),
    ("multitask initial_head batch None", lambda d: make_strategy(
        "multitask", meta_batch=2, n_train_tasks=4).initial_head(make_strategy(
            "multitask", meta_batch=2, n_train_tasks=4).init_state(_rng()), None),
     ["batch", "None"]),
    ("default_model family an int", lambda d: default_model(3), ["family", "3"]),
    ("strategy_from_config hyperparameters a list", lambda d: strategy_from_config(
        _record(lambda r: r.__setitem__("hyperparameters", [0.01]))),
     ["hyperparameters"]),
    ("with_test_time inner_steps a string", lambda d: with_test_time(
        _maml()[0], inner_steps="3"), ["inner_steps", "'3'"]),
    ("describe of a name", lambda d: describe("maml"), ["strategy", "'maml'"]),
    ("draw_tasks rng None", lambda d: draw_tasks(_maml()[0], None), ["rng", "None"]),
    ("reptile outer_step_size step 1.5", lambda d: make_strategy(
        "reptile", n_steps=10).outer_step_size(1.5), ["step", "1.5"]),
]

EVALUATE_CASES = [
    ("evaluate n_query a float32", lambda d: _evaluate_call(n_query=np.float32(5.0)),
     ["n_query", "5.0"]),
    ("evaluate chunk_size negative", lambda d: _evaluate_call(chunk_size=-1),
     ["chunk_size", "-1"]),
    ("evaluate strategy None", lambda d: _evaluate_call(strategy=None), ["strategy", "None"]),
    ("evaluate a sinusoid strategy on clusters", lambda d: _evaluate_call(
        family=GaussianClusters()), ["family"]),
    ("evaluate on_divergence a list", lambda d: _evaluate_call(on_divergence=["raise"]),
     ["on_divergence"]),
    ("select max_steps 0", lambda d: _select(max_steps=0), ["max_steps", "0"]),
    ("select candidates a set", lambda d: _select(candidates={0.01, 0.03}),
     ["candidates", "set"]),
    ("select n_query 0", lambda d: _select(n_query=0), ["n_query", "0"]),
    ("held_out_tasks n_tasks 0", lambda d: held_out_tasks(Sinusoid(), 0, 5, 5),
     ["n_tasks", "0"]),
    ("held_out_tasks seed a string", lambda d: held_out_tasks(Sinusoid(), 2, 5, 5, seed="22"),
     ["seed", "'22'"]),
    ("format_table of None", lambda d: format_table(None), ["rows", "None"]),
    ("task_rng seed a float", lambda d: task_rng(22.0, 0), ["seed", "22.0"]),
    ("task_rng i True", lambda d: task_rng(22, True), ["i", "True"]),
    ("recorded_curve batch a dict", lambda d: recorded_curve(*_maml(), _as_dict(_batch()), 2),
     ["batch"]),
    ("diverged_value an unknown metric", lambda d: diverged_value("mae"), ["'mae'"]),
    ("train n_steps a string", lambda d: train(make_strategy("maml", meta_batch=2), "2", 0),
     ["n_steps", "'2'"]),
    ("train checkpoint_every negative", lambda d: train(
        make_strategy("maml", meta_batch=2), 1, 0, checkpoint=d / "c.npz",
        checkpoint_every=-1), ["checkpoint_every", "-1"]),
    ("train log_every negative", lambda d: train(make_strategy("maml", meta_batch=2), 1, 0,
                                                 log_every=-2), ["log_every", "-2"]),
    ("train history a string", lambda d: train(make_strategy("maml", meta_batch=2), 1, 0,
                                               history="losses"), ["history", "str"]),
    ("as_seed an int64 negative", lambda d: as_seed(np.int64(-3)), ["seed", "-3"]),
    ("init_rng seed a string", lambda d: init_rng("1"), ["seed", "'1'"]),
    ("batch_floats strategy None", lambda d: batch_floats(None), ["strategy", "None"]),
    ("check_run n_steps 0", lambda d: check_run(make_strategy("maml"), 0), ["n_steps", "0"]),
    ("step_rng seed None", lambda d: step_rng(None, 0), ["seed", "None"]),
    ("compare.run meta_steps 0", lambda d: compare.run(
        "sinusoid", 0, strategies=("maml",), val_tasks=4, test_tasks=4, max_steps=1),
     ["meta_steps", "0"]),
]

CHECKPOINT_CASES = [
    ("save step a string", lambda d: _save(d, step="1"), ["step", "'1'"]),
    ("save seed 0.5", lambda d: _save(d, seed=0.5), ["seed", "0.5"]),
    ("save meta_losses a dict", lambda d: _save(d, meta_losses={"0": 1.0}),
     ["meta_losses"]),
    ("save changes a list of ints", lambda d: _save(d, changes=[1, 2]), ["changes"]),
    ("save a state leaf a string", lambda d: _save(d, state={"w": "abc"}), ["state/w"]),
    ("save path with a NUL byte", lambda d: _save(d, path=str(d / "a\0b.npz")), ["\\x00"]),
    ("load a zip with only the format entry", lambda d: load_checkpoint(_format_only(d)),
     ["formatonly.npz"]),
    ("restore root a file", lambda d: restore(_good(d), root=_a_file(d)), ["root"]),
    ("restore path None", lambda d: restore(None), ["None"]),
    ("unflatten strict None", lambda d: unflatten({"a": np.ones(1)}, strict=None),
     ["strict", "None"]),
    ("flatten a tuple of strings leaf", lambda d: flatten({"w": ("a", "b")}), ["w"]),
    ("check_state path an int", lambda d: check_state(_maml()[1], _maml()[0], path=3),
     ["path", "3"]),
    ("check_state NaN parameters", lambda d: check_state(
        {**_maml()[1], "params": [p * np.nan for p in _maml()[1]["params"]]}, _maml()[0]),
     ["params"]),
    ("check_checkpoint_path name None", lambda d: check_checkpoint_path(d / "a.npz",
                                                                        name=None),
     ["name", "None"]),
    ("load a checkpoint with a params entry missing in the middle", lambda d: load_checkpoint(
        _damaged(d, "gap", _drop("state/params/1"))), ["state/params/1"]),
    ("upgrade_config of a list", lambda d: upgrade_config([1]), ["config"]),
    ("upgrade_state cls a name", lambda d: upgrade_state("MAML", {"params/0": np.ones(2)}),
     ["'MAML'"]),
]

NN_CASES = [
    ("MLP sizes a negative output", lambda d: MLP((1, 4, -1)), ["sizes", "-1"]),
    ("MLP activation an int", lambda d: MLP((1, 4, 1), activation=3), ["activation", "3"]),
    ("MLP sizes of one number", lambda d: MLP((1,)), ["sizes", "(1,)"]),
    ("MLP init rng a list", lambda d: MLP((1, 4, 1)).init([0]), ["rng"]),
    ("MLP apply x 4-D", lambda d: _net()[0].apply(_net()[1], np.ones((1, 2, 5, 1))),
     ["x", "(1, 2, 5, 1)"]),
    ("MLP body params None", lambda d: _net()[0].body(None, np.ones((5, 1))),
     ["body_params", "None"]),
    ("MLP head features NaN", lambda d: _net()[0].head(_net()[1][-2:],
                                                       np.full((5, 4), np.nan)),
     ["features", "NaN"]),
    ("MLP forward_with linear None", lambda d: _net()[0].forward_with(
        _net()[1], np.ones((5, 1)), None), ["linear", "None"]),
    ("per_task n_tasks negative", lambda d: per_task(_net()[1], -2), ["n_tasks", "-2"]),
    ("split of None", lambda d: split(None), ["params", "None"]),
    ("adam lr inf", lambda d: _adam(lr=np.inf), ["lr", "inf"]),
    ("adam beta2 negative", lambda d: _adam(beta2=-0.5), ["beta2", "-0.5"]),
    ("adam grads None", lambda d: _adam(grads=None), ["grads", "None"]),
    ("adam state v negative", lambda d: _adam(state={**adam_init(_net()[1]), "v": [
        -np.ones_like(p) for p in _net()[1]]}), ["v"]),
    ("adam_rows lr NaN", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                             [np.ones((1, 2))], [0], np.nan), ["lr", "nan"]),
    ("adam_rows grads of other rows", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                                          [np.ones((2, 2))], [0], 1e-3),
     ["grads"]),
    ("check_adam eps negative", lambda d: check_adam(
        _net()[1], [np.ones_like(p) for p in _net()[1]], adam_init(_net()[1]), 1e-3, 0.9,
        0.999, -1e-8), ["eps", "-1e-08"]),
    ("batch_norm h empty", lambda d: batch_norm(np.ones((0, 3))), ["h", "(0, 3)"]),
    ("batch_norm h inf", lambda d: batch_norm(np.array([[1.0, np.inf], [2.0, 3.0]])),
     ["h", "inf"]),
    ("finn_init rng None", lambda d: finn_init(None, (784, 64, 5)), ["rng", "None"]),
    ("finn_init a fractional width", lambda d: finn_init(_rng(), (784, 64.5, 5)),
     ["sizes", "64.5"]),
]


def _sp():
    return Sinusoid().sample_params(_rng(), 2)


TASK_CASES = [
    ("sinusoid amplitude negative", lambda d: Sinusoid(amplitude=(-1.0, 5.0)),
     ["amplitude", "-1.0"]),
    ("sinusoid x_range a number", lambda d: Sinusoid(x_range=5.0), ["x_range", "5.0"]),
    ("linear scale inf", lambda d: LinearRegression(scale=np.inf), ["scale", "inf"]),
    ("linear mean with inf", lambda d: LinearRegression(mean=(np.inf, 0.5)), ["mean", "inf"]),
    ("clusters dim 2.5", lambda d: GaussianClusters(dim=2.5), ["dim", "2.5"]),
    ("frequency range with NaN", lambda d: SinusoidFrequency(frequency=(np.nan, 2.0)),
     ["frequency", "nan"]),
    ("linear sample n_support a string", lambda d: LinearRegression().sample(_rng(), 2, "5", 5),
     ["n_support", "'5'"]),
    ("sample_x n_points 2.5", lambda d: Sinusoid().sample_x(_rng(), _sp(), 2.5),
     ["n_points", "2.5"]),
    ("target x with NaN", lambda d: Sinusoid().target(_sp(), np.full((2, 5, 1), np.nan)),
     ["x", "NaN"]),
    ("make_batch n_query negative", lambda d: Sinusoid().make_batch(_rng(), _sp(), 5, -1),
     ["n_query", "-1"]),
    ("check_shots n_support negative", lambda d: Sinusoid().check_shots(-1, 5),
     ["n_support", "-1"]),
    ("clusters check_shots n_query 3", lambda d: GaussianClusters().check_shots(5, 3),
     ["n_query", "3"]),
    ("mse pred with inf", lambda d: mse(np.full((2, 5, 1), np.inf), np.ones((2, 5, 1))),
     ["pred", "inf"]),
    ("accuracy logits NaN", lambda d: accuracy(np.full((2, 4, 3), np.nan),
                                               np.eye(3)[np.zeros((2, 4), int)]),
     ["logits", "NaN"]),
    ("TaskBatch y_query of another width", lambda d: TaskBatch(
        np.ones((2, 5, 1)), np.ones((2, 5, 1)), np.ones((2, 5, 1)), np.ones((2, 5, 2))),
     ["y_query", "(2, 5, 2)"]),
    ("make_family sinusoid_frequency frequency a string", lambda d: make_family(
        "sinusoid_frequency", frequency="1"), ["frequency", "'1'"]),
    ("Sinusoid.loss of other point counts", lambda d: Sinusoid.loss(np.ones((2, 5, 1)),
                                                                    np.ones((2, 4, 1))),
     ["(2, 5, 1)", "(2, 4, 1)"]),
]

SAMPLER_CASES = [
    ("exponential rate NaN", lambda d: exponential(rate=np.nan), ["rate", "nan"]),
    ("laplace scale negative", lambda d: laplace(scale=-1.0), ["scale", "-1.0"]),
    ("pareto scale 0", lambda d: pareto(2.0, scale=0), ["scale", "0"]),
    ("weibull scale inf", lambda d: weibull(2.0, scale=np.inf), ["scale", "inf"]),
    ("cauchy loc a string", lambda d: cauchy(loc="0"), ["loc", "'0'"]),
    ("logistic scale a 0-d negative", lambda d: logistic(scale=np.array(-2.0)),
     ["scale", "-2"]),
    ("discrete p summing to 1 + 1e-6", lambda d: DiscreteInverseCDF([0.5, 0.500001]), ["p"]),
    ("discrete from_uniforms u inf", lambda d: DiscreteInverseCDF([0.5, 0.5]).from_uniforms(
        [0.2, np.inf]), ["u", "inf"]),
    ("discrete sample size a string", lambda d: DiscreteInverseCDF([0.5, 0.5]).sample(
        "3", _rng()), ["size", "'3'"]),
    ("discrete sample rng an int", lambda d: DiscreteInverseCDF([0.5, 0.5]).sample(3, 0),
     ["rng", "0"]),
    ("continuous from_ppf a ppf returning NaN", lambda d: ContinuousInverseCDF.from_ppf(
        lambda u: np.asarray(u) * np.nan).sample(5, _rng()), ["ppf"]),
    ("continuous from_density u_resolution negative", lambda d:
     ContinuousInverseCDF.from_density(stats.norm.pdf, u_resolution=-1e-10),
     ["u_resolution", "-1e-10"]),
    ("continuous from_density center outside the domain", lambda d:
     ContinuousInverseCDF.from_density(stats.uniform.pdf, domain=(0.0, 1.0), center=5.0),
     ["center", "5.0"]),
    ("continuous sample size negative", lambda d: laplace().sample(-1, _rng()),
     ["size", "-1"]),
    ("continuous u_error sample_size 10.5", lambda d: laplace().u_error(sample_size=10.5),
     ["sample_size", "10.5"]),
    ("grid lo NaN", lambda d: grid_inverse_cdf(stats.norm.pdf, np.nan, 1.0), ["lo", "nan"]),
    ("metropolis step_size 0", lambda d: _metropolis(step_size=0.0), ["step_size", "0"]),
    ("metropolis n_steps negative", lambda d: _metropolis(n_steps=-5), ["n_steps", "-5"]),
    ("metropolis zero density at x0", lambda d: _metropolis(log_density=_minus_inf_start),
     ["x0"]),
    ("mcse_sd draws with inf", lambda d: mcse_sd(np.array([[0.0, 1.0, np.inf, 2.0]] * 4)),
     ["draws", "inf"]),
    ("diagnose one draw a chain", lambda d: diagnose(np.ones((4, 1))), ["draws"]),
    ("rank_normalize with NaN", lambda d: rank_normalize(np.array([[0.0, np.nan, 1.0]] * 2)),
     ["draws", "NaN"]),
    ("optimal_acceptance dim negative", lambda d: optimal_acceptance(-2), ["dim", "-2"]),
    ("transition matrix Q with NaN", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], [[0.5, np.nan], [np.nan, 0.5]]), ["Q", "nan"]),
    ("total_variation one edge", lambda d: total_variation(np.zeros(10), np.array([0.0]),
                                                           stats.norm.cdf), ["edges"]),
    ("bin_masses cdf an int", lambda d: bin_masses(np.linspace(-1, 1, 5), 3), ["cdf"]),
    ("integrate lo NaN", lambda d: integrate(np.sin, np.nan, 1.0), ["lo", "nan"]),
    ("acceptance_1d h NaN", lambda d: acceptance_1d(np.nan), ["h", "nan"]),
    ("acceptance_limit scaled negative", lambda d: acceptance_limit(-1.0),
     ["scaled", "-1.0"]),
    ("fixed_step_chains dim 0", lambda d: fixed_step_chains(0, np.array([1.0]), 2, 10, _rng()),
     ["dim", "0"]),
    ("quantile_type7 prob 1.5", lambda d: quantile_type7(np.arange(10.0), 1.5),
     ["prob", "1.5"]),
    ("split_chains of a vector", lambda d: split_chains(np.arange(10.0)), ["x", "(10,)"]),
    ("check_symmetric_proposal n of another size", lambda d: check_symmetric_proposal(
        np.full((2, 2), 0.5), 3), ["3"]),
    ("check_domain a NaN end", lambda d: check_domain((np.nan, 1.0)), ["domain", "nan"]),
    ("find_center center NaN", lambda d: find_center(stats.norm.pdf, -np.inf, np.inf,
                                                     center=np.nan), ["center", "nan"]),
]

TESTING_CASES = [
    ("dkw n negative", lambda d: testing.dkw_epsilon(-5), ["n", "-5"]),
    ("dkw alpha inf", lambda d: testing.dkw_epsilon(100, alpha=np.inf), ["alpha", "inf"]),
    ("smallest_detectable n 0", lambda d: testing.smallest_detectable(0), ["n", "0"]),
    ("smallest_detectable alpha 1.5", lambda d: testing.smallest_detectable(100, alpha=1.5),
     ["alpha", "1.5"]),
    ("draws_needed samples 0", lambda d: testing.draws_needed(0.01, samples=0),
     ["samples", "0"]),
    ("draws_needed discrepancy NaN", lambda d: testing.draws_needed(np.nan),
     ["discrepancy", "nan"]),
    ("ks_distance cdf an int", lambda d: testing.ks_distance([0.1], 3), ["cdf", "3"]),
    ("ks_distance samples of text", lambda d: testing.ks_distance(["a", "b"], stats.norm.cdf),
     ["samples"]),
    ("two_sample_distance x NaN", lambda d: testing.two_sample_distance([1.0, np.nan], [1.0]),
     ["x", "NaN"]),
    ("chi_square_pvalue counts NaN", lambda d: testing.chi_square_pvalue([3, np.nan],
                                                                         [0.5, 0.5]),
     ["counts", "nan"]),
    ("chi_square_pvalue p inf", lambda d: testing.chi_square_pvalue([3, 4], [np.inf, 0.5]),
     ["p", "inf"]),
    ("chi_square_power n inf", lambda d: testing.chi_square_power([0.5, 0.5], [0.4, 0.6],
                                                                  np.inf), ["n", "inf"]),
    ("monotone u 2-D", lambda d: testing.assert_monotone(stats.norm.ppf, [[0.1, 0.2],
                                                                          [0.3, 0.4]]),
     ["u", "(2, 2)"]),
    ("inverts u empty", lambda d: testing.assert_inverts(stats.norm.ppf, stats.norm.cdf, [],
                                                         1e-9), ["u"]),
    ("cdf_matches samples empty", lambda d: testing.assert_cdf_matches([], stats.norm.cdf),
     ["samples"]),
    ("cdf_matches alpha negative", lambda d: testing.assert_cdf_matches(
        [0.1, 0.2], stats.norm.cdf, alpha=-0.1), ["alpha", "-0.1"]),
    ("labels 2-D", lambda d: testing.assert_labels_match([[0, 1]], [0.5, 0.5]),
     ["labels", "(1, 2)"]),
    ("labels alpha NaN", lambda d: testing.assert_labels_match([0, 1], [0.5, 0.5],
                                                               alpha=np.nan),
     ["alpha", "nan"]),
    ("same_distribution alpha a list", lambda d: testing.assert_same_distribution(
        [1.0, 2.0], [1.0, 2.0], alpha=[0.01]), ["alpha", "[0.01]"]),
    ("density normal_mixture a NaN loc", lambda d: densities.normal_mixture(
        [0.5, 0.5], [0.0, np.nan], [1.0, 1.0]), ["locs", "nan"]),
    ("density student_t scale 0", lambda d: densities.student_t(3.0, scale=0),
     ["scale", "0"]),
    ("density beta a negative", lambda d: densities.beta(-1.0, 2.0), ["a", "-1.0"]),
    ("density laplace scale negative", lambda d: densities.laplace(scale=-2.0),
     ["scale", "-2.0"]),
    ("density uniform hi NaN", lambda d: densities.uniform(0.0, np.nan), ["hi", "nan"]),
    ("density trapezoid c NaN", lambda d: densities.trapezoid(0.0, np.nan, 2.0, 3.0),
     ["c", "nan"]),
    ("density steps edges a string", lambda d: densities.steps("abc", [1.0]), ["edges"]),
    ("density triangular mode NaN", lambda d: densities.triangular(0.0, np.nan, 1.0),
     ["mode", "nan"]),
    ("strategy symmetric_proposals n negative", lambda d: _example(
        _strategies().symmetric_proposals(-1)), ["n", "-1"]),
    ("strategy probability_vectors min_size negative", lambda d: _example(
        _strategies().probability_vectors(min_size=-1)), ["min_size", "-1"]),
    ("strategy u_grids max_size a string", lambda d: _example(
        _strategies().u_grids(max_size="5")), ["max_size", "'5'"]),
]

OMNIGLOT_CASES = [
    ("family n_validation negative", lambda d: Omniglot(5, data=_data(), n_validation=-1),
     ["n_validation", "-1"]),
    ("family n_way a string", lambda d: Omniglot("5", data=_data()), ["n_way", "'5'"]),
    ("family data a dict", lambda d: Omniglot(5, data={"images": _data().images}),
     ["data", "dict"]),
    ("family root an int", lambda d: Omniglot(5, root=3), ["root", "3"]),
    ("family sample rng None", lambda d: _family().sample(None, 2, 5, 5), ["rng", "None"]),
    ("family sample n_support 0", lambda d: _family().sample(_rng(), 2, 0, 5),
     ["n_support", "0"]),
    ("family make_batch a negative quarter turn", lambda d: _family().make_batch(
        _rng(), _turned(-1), 5, 5), ["task_params", "-1"]),
    ("family check_shots n_support 0", lambda d: _family().check_shots(0, 5),
     ["n_support", "0"]),
    ("load parts None", lambda d: omniglot.load(ROOT, parts=None, cache_dir=_cache_dir(),
                                                progress=False), ["parts", "None"]),
    ("finn_split n_validation negative", lambda d: finn_split(
        _data().alphabets, _data().characters, 1100, -1), ["n_validation", "-1"]),
    ("check_shots n_way 0", lambda d: check_shots(0, 2, 5, 5), ["n_way", "0"]),
    ("progress width negative", lambda d: Progress("x", 3, width=-5), ["width", "-5"]),
    ("progress label an int", lambda d: Progress(3, 3), ["label", "3"]),
    ("progress advance a string", lambda d: _progress().advance("1"), ["n", "'1'"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("check_out_dir with a NUL byte", lambda d: figures.check_out_dir(str(d / "a\0b")),
     ["out_dir"]),
    ("check_out_dir an int", lambda d: figures.check_out_dir(3), ["out_dir", "3"]),
    ("run_all only an unknown stem", lambda d: figures.run_all(
        d / "figs", quick=True, only=["fig99"], progress=lambda line: None), ["'fig99'"]),
    ("run_all out_dir a file", lambda d: figures.run_all(
        _a_file(d), quick=True, only=["fig22_1"], progress=lambda line: None), ["afile"]),
    ("default_out quick a string", lambda d: figures.default_out("yes"),
     ["quick", "'yes'"]),
    ("run_all quick None", lambda d: figures.run_all(
        d / "figs", quick=None, only=["fig22_1"], progress=lambda line: None),
     ["quick", "None"]),
    ("run_all only a list with None", lambda d: figures.run_all(
        d / "figs", quick=True, only=[None], progress=lambda line: None), ["None"]),
]

WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "cli: figures": CLI_FIGURES_CASES, "environment (cli)": ENV_CLI_CASES,
           "environment": ENV_CASES, "engine": ENGINE_CASES, "gradcheck": GRADCHECK_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "samplers": SAMPLER_CASES, "testing kit": TESTING_CASES, "omniglot": OMNIGLOT_CASES,
           "figures (library)": FIGURES_LIBRARY_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "reshape to a negative size other than -1": "not a bad input after all: NumPy (2.4) takes "
        "any negative size as the one unknown size, and the engine gives NumPy's result, the "
        "one asked for (round 76 refuses it all the same, after three blind batteries "
        "took it for a slip)",
    "grad argnums repeated": "not made invalid by the documentation (grad refers to "
        "value_and_grad, JAX allows it): two copies of the same gradient, both right",
    "select max_steps 0": "documented as valid: steps 0..max_steps are tried, so 0 means the "
        "step size is chosen for no adaptation",
    "select candidates a set": "not a bad input after all: every candidate is tried and ties "
        "go to fewer steps, then the smaller step size, so the order cannot change the choice",
    "flatten a tuple of strings leaf": "not made invalid by the documentation: flatten is the "
        "tree-to-names map only, and maps the tuple faithfully ({'w/0': 'a', 'w/1': 'b'}); "
        "save_checkpoint is where a text leaf is refused (measured by 'save a state leaf a "
        "string')",
    "sinusoid amplitude negative": "not made invalid by the documentation: A sin(x - phi) "
        "with A < 0 is a sinusoid (the docstring gives only the default range)",
    "diagnose one draw a chain": "documented as valid: fewer than 4 draws per chain give NaN "
        "with a RuntimeWarning, as ArviZ does (the diagnostics' module docstring)",
    "labels 2-D": "not made invalid by the documentation: the labels are checked as labels "
        "whatever their shape (a sampler's rvs(size=(2, 3)) gives 2-D labels); the verdict "
        "is right",
}


def _kept(cases):
    """Three cases of every five, in the order written, decided before any run."""
    kept = [c for i, c in enumerate(cases) if i % 5 not in (2, 4)]
    return [c for c in kept if c[0] not in DROPPED]


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    name = case[0]
    return ((group == "omniglot" and not name.startswith(("progress", "check_shots")))
            or "omniglot" in name)


# The cases still not clear after the fixes, each for a stated reason (strict: a fix shows
# up as a failure to remove from this dict).
NOT_CLEAR_YET = {
    "hvp v with a NaN": "hvp computes a derivative as grad does: a NaN direction gives NaN; "
                        "normalization.sharpness's power iteration relies on that (its NaN "
                        "per task is its report of a diverged direction)",
    "MLP head features NaN": "the head's features are the body's output, a result: a diverged "
                             "body's NaN flows on as NaN (evaluation reports it as diverged), "
                             "and the entry point that took the data scanned it",
    "accuracy logits NaN": "logits are a model's output, a result: a point whose logits are not "
                           "finite counts as a miss (documented in tasks.accuracy), so a "
                           "diverged run scores 0, not an error",
}
ALL = [pytest.param(g, c, id=f"{g}: {c[0]}", marks=[pytest.mark.xfail(
    reason=NOT_CLEAR_YET[c[0]], strict=True)] if c[0] in NOT_CLEAR_YET else [])
    for g, cases in GROUPS.items() for c in cases]


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_tenth_battery_is_wide_and_new():
    assert len(ALL) >= 100
    names = [c[0] for cases in WRITTEN.values() for c in cases]
    assert len(names) == len(set(names))


def main():
    """``python tests/test_bad_inputs_tenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
