"""An eighth battery of bad inputs (issue 11's goal, measured on a fresh, independent set).

``tests/test_bad_inputs_cli.py`` (whose module docstring defines clear / unclear / silent /
data loss), ``_wider``, ``_third``, ``_fourth``, ``_fifth``, ``_sixth`` and ``_seventh`` hold
the first seven hand-written batteries, ``test_bad_inputs_sweep_engine_sampling.py`` and
``sweep_bad_inputs_meta_data.py`` the generated sweeps. The cases here are new, of the same
kinds, written from the user's side (``__all__``, README, docstrings, signatures, ``--help``),
without reading the library's check modules or its history, after reading the earlier
batteries and sweeps so as not to repeat their cases: values with a unit or a ratio, a list,
a trailing comment or a hyphen where a flag wants a number or a name, a flag given twice,
``--set`` fields of multitask, reptile, r2d2 and fomaml, a resume with a bad size; checkpoint
entries damaged in new ways (text or too many meta-losses, a float format, an empty strategy
name, an entry with a trailing slash, a JSON number as changes, a record without
hyperparameters, integer Adam moments); ``figures`` command lines (an empty, comma-joined,
prefix or padded stem, ``--quick=yes``, a NUL byte, a stem without ``--only``) and
``scratchmeta.figures``' own helpers (``run_all``, ``check_out_dir``), both with the figure
modules stubbed, so nothing is drawn; bad environment values (``SCRATCHMETA_KEEP_FREED_MEMORY``
'0.0', ' 2 ', 'on', '+1', an Arabic-Indic one, 'nan', '1 0'; ``SCRATCHMETA_DATA`` a missing
folder); SeedSequences, RandomStates, strings and classes where a Generator, a seed, a
strategy or a function is meant; generators, dicts, sets and lists of pairs where a sequence
or a mapping is meant; NumPy scalars and 0-d arrays with bad values; NaN and inf in inputs,
targets, task parameters, weights, drawings and counts; arguments swapped; the less-used
public helpers (``adapt.steps``, ``check_update``, ``sharpness``, ``population_statistics``,
``batch_floats``, ``check_run``, ``compare.run``, ``configure``, ``ClosedForm.lam``,
``forward_with``, ``sample_x``, ``target``, ``total_variation``, ``noise_floor``,
``integrate``, ``acceptance_1d``, ``Progress.advance``), over every area. Omniglot's ``root``
is ``omniglot_real.REAL_DATA`` (no download; written in a worktree elsewhere, the battery
read the same shared copy), decoded into the fifth battery's private cache.
Classification: the first battery's ``classify_call`` / ``classify_cli`` under
``np.errstate(all="raise")``; ``figures`` through the wider battery's ``classify_figures``
(a refusal after the stubbed figure was made is unclear), the figures helpers the same way;
a case still working after 30 s would be unclear (none was). For a positional argument the
value alone is enough; for a damaged checkpoint, the entry and what is wrong with it.

Selection, blind. 295 cases were drafted; before any run, the 70 closest to a case of an
earlier battery or to another case here were cut, leaving 225 written; then three of every
five in each area, in the order written (``i % 5 not in (1, 4)``), were kept: 139. First run,
those 139: 96 clear (69.1%), 25 unclear, 18 silent, 0 data loss. After it, three kept cases
were dropped (``DROPPED``) as not bad inputs after all: ``softmax_head`` of integer features
and ``with_bias`` of a bool array (both converted to float64, the same result as the float
features: the fourth battery's dropped ``batch_norm`` of integer features), and
``run_all(only=[])`` (the documentation does not make an empty selection invalid: the
fourth battery's dropped ``format_table([])``); two written-only cases were dropped too
(``Sinusoid(x_range=<generator>)`` builds the family asked for, as the seventh battery's
dropped MLP of a generator; ``chi_square_power`` with p = 0 labels, which
``chi_square_pvalue`` documents). Mentions corrected where the case, not the library, was
wrong: the empty ``--only`` stem (the message calls it a figure stem, as the earlier ``--only``
cases accept), ``closed_form_meta_loss``'s "body parameters" (the fifth battery's spelling),
``unflatten`` of a list (the list's repr is shown, as the seventh's ``sample_batch``
correction), ``grid_inverse_cdf``'s "density" (the third battery's spelling), and the text
meta-losses entry, "meta-losses" as the fifth battery spells it plus "text", what is wrong;
its file was renamed from ``losstext.npz``, whose name alone had satisfied "text" (its case
is unclear, not clear). Written-only corrections: the spellings "meta-losses" and
``array(-1.e-06)``, the class names ``NewtonHead`` and ``Sinusoid``, a root refused for a
sinusoid record (as the seventh's ``restore(root="")``), and ``steps([0.0], [])`` whose
message names ``heights`` (also bad there).

Measured against the code at commit 0cc108a: 136 cases, 100 clear (73.5%), 21 unclear
(15.4%), 15 silent (11.0%), 0 data loss. By area (clear/unclear/silent/data loss): command
line (train) 10/0/0/0 of 10, command line (evaluate, compare, subcommands) 7/2/0/0 of 9,
command line (figures) 5/1/0/0 of 6, environment (command line) 4/0/0/0 of 4, environment
3/0/0/0 of 3, engine 6/1/1/0 of 8, gradcheck 3/0/1/0 of 4, Chapter 2's functions 6/3/2/0 of
11, strategies 8/3/0/0 of 11, evaluate and train 8/1/2/0 of 11, checkpoints 5/2/1/0 of 8,
nn/optim/batchnorm 5/2/2/0 of 9, task families and losses 6/1/2/0 of 9, samplers 7/3/0/0
of 10, testing kit 10/0/0/0 of 10, Omniglot 6/1/2/0 of 9, figures helpers 1/1/2/0 of 4.
All 220 written and not dropped (``python tests/test_bad_inputs_eighth.py --written``):
164 clear (74.5%), 28 unclear (12.7%), 28 silent (12.7%), 0 data loss. So a fresh battery
is still well below the goal of 95%: the command lines' flags, the environment and the
testing kit have no miss; the misses are in the less-used helpers, in arguments that are
objects (a state, a function, a path) rather than numbers, and in NaN inside data. Not clear:

* unclear: ``evaluate`` of a checkpoint whose meta-losses are text ("it is at step 2 but
  records (2,) meta-losses"); ``--train`` before the subcommand ("invalid choice: '2'");
  ``figures --out`` with a NUL byte ("embedded null byte", no ``--out``);
  ``ad.matmul`` of a 0-d array (an IndexError, "tuple index out of range"); ``ridge_fit``
  with y of fewer tasks (names ``targets`` and features (2, 6, 5), the bias column added);
  ``subset_meta_loss(rng=None)`` (AttributeError); ``multitask_loss`` of x and y without
  the task axis ("mse: y must have the shape of pred": an inner call's y); MAML's
  ``update`` of a closed-form state ("params must be a list", with traced Tensors);
  ``ClosedForm.lam({})`` (KeyError); ``configure(MAML, hyper=[...])`` (AttributeError);
  ``evaluate`` of NaN parameters (FloatingPointError: "fine-tuning diverged ... try a smaller
  inner_lr"); ``meta/changes`` the JSON "3" ("'int' object is not iterable");
  ``unflatten({1: ...})`` (AttributeError); ``MLP.forward_with(..., "matmul")`` ("'str'
  object is not callable"); Adam's ``t`` NaN ("cannot convert float NaN to integer");
  ``Sinusoid().sample_x(..., -1)`` (NumPy's "negative dimensions"); ``DiscreteInverseCDF``
  of a generator ("got dtype object"); ``total_variation`` with a list of edges
  (AttributeError); ``integrate(n=0)`` (NumPy's "deg must be a positive integer");
  ``omniglot.load`` with a NUL byte in ``cache_dir`` ("embedded null byte");
  ``figures.run_all(progress="print")`` ("'str' object is not callable");
* silent: ``ad.value_and_grad`` and ``hvp`` of a function returning a bool;
  ``adapt.steps([params], 2)`` (one theta, not three); ``sharpness(iterations=0)`` (zeros);
  ``select_test_time`` of a dict of candidates; ``batch_floats(n_tasks=-1)``;
  ``exclusive("")`` (a lock file ".lock" in the current folder); ``MLP.apply`` with a NaN
  weight (as the seventh's NaN x: no scan on every forward pass); ``adam_rows`` with a
  step count for 2 rows of 3; ``Sinusoid().target`` of 2-D x; a ``TaskBatch`` with NaN
  inputs; ``Omniglot`` of drawings with a NaN; ``Progress(stream=2)``;
  ``figures.run_all(quick="yes")``; ``figures.check_out_dir(name=3)``.

Written and not kept, also not clear: an empty ``meta/strategy``, ``hvp`` of a v nested
once more, ``inner_sgd`` of a name for ``apply``, ``meta_gradient_norms`` of a generator of
Ks (returns ``[]``), ``check_update``
with a negative ``max_norm`` (an ExplodingMetaGradient), multitask's ``sample_batch`` of a
MAML state (KeyError), ``format_table`` with a row missing a key, ``check_same_run`` and
``check_state`` of a strategy name (AttributeError), ``check_run`` of a text ``n_steps``, a
bool Adam ``t`` in a file, ``unflatten`` of ``a//b``, ``per_task`` with a None leaf,
``batch_norm`` with a NaN scale, ``Sinusoid().target`` of NaN task parameters,
``cross_entropy`` of inf logits, a ``TaskBatch`` of 2-D arrays, ``acceptance_1d(-1.0)``,
``noise_floor(repeats=0)``, ``run_all`` of a generator of stems (makes nothing).
``python tests/test_bad_inputs_eighth.py`` prints the rates by area (about 7 s; pytest
about 15 s).

A blind test of a general audit. While this battery and the ninth were written (worktrees
frozen at 0cc108a), helpers audited every public function by kind of argument, starting
from what the generated sweep still found, without sight of either battery (commit
b16d13c). Measured there: 107 of 136 kept cases clear (78.7%), 17 unclear, 12 silent, 0
data loss; all 220 written and not dropped, 176 clear (80.0%). So the audit moved a fresh
battery by about five points, not to the goal of 95%. Then this battery's own fixes (commit
becdedd, with the ninth's): 135 of 136 clear. The one left is a strict xfail with its reason
(``NOT_CLEAR_YET``): a ``TaskBatch`` built with NaN inputs, a plain record whose every
consumer refuses the NaN by name. Cases that were written and not kept were fixed after
that (``tests/test_bad_inputs_round4.py``); ``--written`` gives their rate now.
"""

import contextlib
import os
import pathlib
import signal

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
from scratchmeta.meta.checkpoint import (check_state, exclusive, load_checkpoint, restore,
                                         unflatten)
from scratchmeta.meta.closed_form import ClosedForm, closed_form_meta_loss
from scratchmeta.meta.evaluate import format_table, interval, recorded_curve, with_test_time
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norms
from scratchmeta.meta.guard import check_update
from scratchmeta.meta.maml import MAML, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.normalization import population_statistics, sharpness
from scratchmeta.meta.protocol import configure, describe
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import (default_model, hyperparameters, make_family,
                                       make_strategy, strategy_from_config)
from scratchmeta.meta.ridge import ridge_fit, with_bias
from scratchmeta.meta.softmax_head import softmax_head, softmax_head_logits
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.baselines import pooled_loss
from scratchmeta.meta.training import (as_seed, batch_floats, check_run, check_same_run,
                                       train)
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, ess_tail,
                                  exponential, grid_inverse_cdf, metropolis_transition_matrix,
                                  rank_normalize)
from scratchmeta.sampling.mixing import noise_floor, total_variation
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import acceptance_1d
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, cross_entropy, mse
from scratchmeta.testing import densities

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import (TRAIN, _a_file, _damaged, _evaluate, _good, _set, _train,
                                 battery_main, classify_call, classify_cli)
from test_bad_inputs_fourth import X3, _env, _maml, _once, _problem, _rng, _square
from test_bad_inputs_fifth import (_adam, _batch, _cache_dir, _evaluate_call, _example,
                                   _features, _metropolis, _net, _rows_state, _save, _select,
                                   _strategies)
from test_bad_inputs_sixth import M2, _compare, _out
from test_bad_inputs_wider import _StubFigure, _config, classify_figures

# The real Omniglot zips: tests/omniglot_real.py's REAL_DATA (../shared/data/omniglot beside
# the repository). Never downloaded; the Omniglot cases skip without it.
ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = pathlib.Path(ROOT).is_dir()
VAR = memory.OPT_OUT_VARIABLE                    # "SCRATCHMETA_KEEP_FREED_MEMORY"
TIME_LIMIT = 30                                  # seconds: a case still working is unclear


# --- objects the cases use -------------------------------------------------------------------

def _data():
    """The real Omniglot drawings from ROOT, decoded into the fifth battery's private cache."""
    return _once("omniglot8", lambda: omniglot.load(ROOT, cache_dir=_cache_dir(),
                                                      progress=False))


def _nan_data():
    """The real drawings with one pixel NaN (a damaged data array)."""
    def make():
        data = _data()
        images = data.images.copy()
        images[0, 0, 0, 0] = np.nan
        return type(data)(images, data.alphabets, data.characters, data.n_background)
    return _once("omniglot8-nan", make)


def _family():
    return _once("omniglot8-family", lambda: Omniglot(5, data=_data()))


def _omniglot_params():
    return _family().sample_params(_rng(), 2)


def _good_ckpt(d):
    return load_checkpoint(_good(d))


def _state_nan():
    strategy, state = _maml()
    return {**state, "params": [p * np.nan for p in state["params"]]}


def _bn():
    """A batch-norm MLP and its parameters (Finn et al.'s network, small)."""
    model = MLP((1, 8, 1), batch_norm=True)
    return model, model.init(_rng())


def _path(model=None):
    problem = _problem()
    return adapt.from_theta0(problem[1], problem[2], model or problem[0], inner_lr=0.01,
                             loss=mse)


def _closed_form_state():
    return _once("cf8", lambda: make_strategy("closed_form", meta_batch=2).init_state(_rng()))


def _multitask():
    def make():
        strategy = make_strategy("multitask", meta_batch=2, n_train_tasks=4)
        return strategy, strategy.init_state(_rng())
    return _once("mt8", make)


def _dir_named_npz(folder):
    path = folder / "dir.npz"
    path.mkdir(exist_ok=True)
    return path


def _link_to_file(folder):
    path = folder / "link"
    if not path.is_symlink():
        os.symlink(_a_file(folder), path)
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


def _quiet(line):
    return None


def _fig(*extra):
    """figures, quick, one stem: the figure modules are stubbed (nothing is drawn)."""
    return lambda d: ["figures", "--quick", *extra]


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("inner-lr given twice, the last nan", _train("--inner-lr", "0.1", "--inner-lr", "nan"),
     ["--inner-lr", "nan"]),
    ("n-query a ratio", _train("--n-query", "1/2"), ["--n-query", "1/2"]),
    ("steps with a unit suffix", lambda d: ["train", "--steps", "10k", "--meta-batch", "2",
                                            *_out(d)], ["--steps", "10k"]),
    ("seed a list", _train("--seed", "[1, 2]"), ["--seed", "[1, 2]"]),
    ("checkpoint-every a word", _train("--checkpoint-every", "often"),
     ["--checkpoint-every", "often"]),
    ("log-every nan", _train("--log-every", "nan"), ["--log-every", "nan"]),
    ("anil --lam", _train("--strategy", "anil", "--lam", "0.5"), ["lam"]),
    ("fomaml set first_order=false", _train("--strategy", "fomaml", "--set",
                                            "first_order=false"), ["first_order"]),
    ("multitask set head_steps=-2", _train("--strategy", "multitask", "--set", "head_steps=-2"),
     ["head_steps", "-2"]),
    ("subset set subset_size=-3", _train("--strategy", "subset", "--set", "subset_size=-3"),
     ["subset_size", "-3"]),
    ("reptile set n_steps=0", _train("--strategy", "reptile", "--set", "n_steps=0"),
     ["n_steps", "0"]),
    ("r2d2 on clusters set scale=nan", _train("--family", "clusters", "--strategy", "r2d2",
                                              "--set", "scale=nan"), ["scale", "nan"]),
    ("clusters set n_way=3", _train("--family", "clusters", "--set", "n_way=3"), ["n_way"]),
    ("strategy with a hyphen", _train("--strategy", "closed-form"),
     ["--strategy", "closed-form"]),
    ("resume good with meta-batch 0", lambda d: TRAIN + ["--out", str(_good(d)), "--resume",
                                                         "--meta-batch", "0"],
     ["--meta-batch", "0"]),
    ("set a value with a trailing comment", _train("--set", "inner_lr=0.1 # smaller"),
     ["inner_lr", "0.1 # smaller"]),
]

CLI_OTHER_CASES = [
    ("eval tasks a word", _evaluate(_good, "--tasks", "all"), ["--tasks", "all"]),
    ("eval query huge", _evaluate(_good, "--query", str(10 ** 13)), ["memory", "iB"]),
    ("eval checkpoint a folder named .npz", lambda d: ["evaluate", "--checkpoint",
                                                       str(_dir_named_npz(d)), "--tasks", "4"],
     ["dir.npz"]),
    ("eval meta-losses text", _evaluate(lambda d: _damaged(d, "losswords", _set(
        "meta/meta_losses", np.array(["a", "b"])))), ["meta-losses", "text"]),
    ("eval more meta-losses than steps", _evaluate(lambda d: _damaged(d, "lossmany", _set(
        "meta/meta_losses", np.ones(5)))), ["meta-losses", "(5,)"]),
    ("eval format a float", _evaluate(lambda d: _damaged(d, "fmtfloat", _set(
        "meta/format", np.array(2.0)))), ["meta/format"]),
    ("eval strategy name empty", _evaluate(lambda d: _damaged(d, "stratempty", _set(
        "meta/strategy", np.array("")))), ["meta/strategy"]),
    ("eval config n_support fractional", _evaluate(lambda d: _damaged(d, "nsupfrac", _config(
        lambda r: r["hyperparameters"].__setitem__("n_support", 10.5)))),
     ["n_support", "10.5"]),
    ("eval an entry named with a trailing slash", _evaluate(lambda d: _damaged(
        d, "slash", _set("state/params/", np.ones(2)))), ["state/params/"]),
    ("compare strategies in two cases", _compare("--strategies", "maml", "MAML"), ["'MAML'"]),
    ("compare query huge", _compare("--query", str(10 ** 13)), ["memory", "iB"]),
    ("compare strategies 'all'", _compare("--strategies", "all"), ["all"]),
    ("compare quick with a positional name", lambda d: ["compare", "--quick", "maml"],
     ["maml"]),
    ("subcommand given as a flag", lambda d: ["--train", "--steps", "2", *_out(d)],
     ["--train"]),
]

# figures: the figure modules are stubbed (the wider battery's classify_figures), so no
# figure is made; a refusal after the stub was called counts as unclear.
CLI_FIGURES_CASES = [
    ("figures only an empty stem", _fig("--only", ""), ["''"]),
    ("figures only two stems joined by a comma", _fig("--only", "fig22_1,fig22_2"),
     ["fig22_1,fig22_2"]),
    ("figures only a prefix", _fig("--only", "fig22"), ["'fig22'"]),
    ("figures quick given a value", lambda d: ["figures", "--quick=yes", "--only", "fig22_1"],
     ["--quick"]),
    ("figures out blank", _fig("--only", "fig22_1", "--out", "   "), ["--out", "'   '"]),
    ("figures out with a NUL byte", lambda d: ["figures", "--quick", "--only", "fig22_1",
                                               "--out", str(d / "a\0b")], ["--out"]),
    ("figures a stem without --only", _fig("fig22_1"), ["fig22_1"]),
    ("figures with --seed", _fig("--only", "fig22_1", "--seed", "3"), ["--seed"]),
    ("figures out a symlink to a file", lambda d: ["figures", "--quick", "--only", "fig22_1",
                                                   "--out", str(_link_to_file(d))],
     ["--out", "link"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory '0.0', train", _train(), [VAR, "'0.0'"], {VAR: "0.0"}),
    ("keep-freed-memory ' 2 ', evaluate", _evaluate(_good), [VAR, "2"], {VAR: " 2 "}),
    ("keep-freed-memory 'on', figures", _fig("--only", "fig22_1"), [VAR, "'on'"],
     {VAR: "on"}),
    ("keep-freed-memory '+1', compare", _compare(), [VAR, "'+1'"], {VAR: "+1"}),
    ("SCRATCHMETA_DATA a missing folder, omniglot train", _train("--family", "omniglot"),
     ["SCRATCHMETA_DATA"], {"SCRATCHMETA_DATA": lambda d: d / "nowhere"}),
    ("keep-freed-memory an Arabic-Indic one, train", _train(), [VAR, "'\u0661'"],
     {VAR: "\u0661"}),
]

# library calls under a bad environment, or of the environment modules: (id, call, mentions, env)
ENV_CASES = [
    ("opt-out value 'nan'", lambda d: memory.opt_out_value(), [VAR, "'nan'"], {VAR: "nan"}),
    ("unless_opted_out '1 0'", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR, "'1 0'"], {VAR: "1 0"}),
    ("keep_freed_memory trim_threshold int64 negative", lambda d: memory.keep_freed_memory(
        trim_threshold=np.int64(-5)), ["trim_threshold", "-5"], None),
    ("keep_freed_memory mmap_threshold a 0-d float", lambda d: memory.keep_freed_memory(
        mmap_threshold=np.array(1.5e6)), ["mmap_threshold", "1500000"], None),
    ("one_blas_thread environ an int", lambda d: threads.one_blas_thread_unless_set(42),
     ["environ", "42"], None),
]


# --- library calls: (id, call(folder), mentions) ---------------------------------------------

ENGINE_CASES = [
    ("grad argnums an int64 past the end", lambda d: ad.grad(_square, argnums=np.int64(3))(X3),
     ["argnums", "3"]),
    ("value_and_grad argnums a tuple with a string", lambda d: ad.value_and_grad(
        lambda x, y: _square(x), argnums=(0, "1"))(X3, X3), ["argnums", "'1'"]),
    ("jacobian of a 0-d int array", lambda d: ad.jacobian(ad.sin)(np.array(2)),
     ["argument 0", "int"]),
    ("hessian argnum a float", lambda d: ad.hessian(_square, argnum=0.0)(X3),
     ["argnum", "0.0"]),
    ("Primitive vjp a string", lambda d: ad.Primitive("p", np.sin, "cos"), ["'cos'"]),
    ("stack of a generator", lambda d: ad.stack(x for x in [X3, X3]), ["generator"]),
    ("transpose axes of the wrong length", lambda d: ad.transpose(M2, (0,)), ["(0,)"]),
    ("norm keepdims text", lambda d: ad.norm(X3, keepdims="yes"), ["keepdims", "'yes'"]),
    ("std axis a tuple with a string", lambda d: ad.std(M2, axis=(0, "1")), ["axis", "'1'"]),
    ("einsum a trace of a square matrix", lambda d: ad.einsum("ii->", M2), ["'ii->'"]),
    ("matmul of a 0-d array", lambda d: ad.matmul(np.array(2.0), M2), ["matmul", "()"]),
    ("solve a non-square matrix", lambda d: ad.solve(np.ones((2, 3)), np.ones(2)),
     ["solve", "(2, 3)"]),
    ("value_and_grad of a function returning a bool", lambda d: ad.value_and_grad(
        lambda x: ad.sum(x) > 0)(X3), ["bool"]),
]

GRADCHECK_CASES = [
    ("check_grads rng a SeedSequence", lambda d: check_grads(
        _square, (X3,), rng=np.random.SeedSequence(0)), ["rng", "SeedSequence"]),
    ("check_grads args with a None", lambda d: check_grads(
        lambda x, y: _square(x), (X3, None)), ["None"]),
    ("check_grads args a complex array", lambda d: check_grads(_square, (X3 + 1j,)),
     ["complex"]),
    ("check_grads order a float64", lambda d: check_grads(_square, (X3,),
                                                          order=np.float64(2.0)),
     ["order", "2.0"]),
    ("hvp v nested once more than x", lambda d: hvp(lambda t: _square(t["a"]), {"a": X3},
                                                    {"a": [X3]}), ["v"]),
    ("hvp of a function returning a bool", lambda d: hvp(lambda x: ad.sum(x) > 0, X3, X3),
     ["bool"]),
    ("check_grads eps a 0-d negative", lambda d: check_grads(_square, (X3,),
                                                             eps=np.array(-1e-6)),
     ["eps", "-1.e-06"]),
]

META_CASES = [
    ("ridge_fit y of fewer tasks", lambda d: ridge_fit(_features()[0], _features()[1][:1], 0.1),
     ["(2, 6, 4)", "(1, 6, 3)"]),
    ("ridge_fit lam a 0-d NaN", lambda d: ridge_fit(*_features(), np.array(np.nan)),
     ["lam", "nan"]),
    ("with_bias of a bool array", lambda d: with_bias(np.ones((2, 6, 4), bool)),
     ["features", "bool"]),
    ("softmax_head features int", lambda d: softmax_head(
        np.ones((2, 6, 4), int), _features()[1], 0.1), ["features", "int"]),
    ("softmax_head_logits query of other tasks", lambda d: softmax_head_logits(
        _features()[0], _features()[1], _features()[0][:1], 0.1), ["phi_query", "(1, 6, 4)"]),
    ("softmax_head_logits tol negative", lambda d: softmax_head_logits(
        _features()[0], _features()[1], _features()[0], 0.1, tol=-1.0), ["tol", "-1.0"]),
    ("r2d2 offset of the wrong length", lambda d: r2d2_logits(
        _features()[0], _features()[1], _features()[0], 0.1, offset=np.zeros(4)),
     ["offset", "(4,)"]),
    ("from_theta0 trainable a name", lambda d: next(adapt.from_theta0(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=0.01, loss=mse,
        trainable="head")), ["trainable", "'head'"]),
    ("adapt.steps path a list", lambda d: adapt.steps([_problem()[1]], 2), ["path", "list"]),
    ("inner_sgd apply not callable", lambda d: inner_sgd(
        per_task(_problem()[1], 2), _problem()[2].x_support, _problem()[2].y_support, "mlp",
        inner_lr=0.01, inner_steps=1), ["apply", "'mlp'"]),
    ("meta_loss inner_lr a 0-d negative", lambda d: meta_loss(
        _problem()[1], _problem()[2], _problem()[0], inner_lr=np.array(-0.01), inner_steps=1),
     ["inner_lr", "-0.01"]),
    ("meta_grad query inputs of another width", lambda d: meta_grad(
        _problem()[1], TaskBatch(_problem()[2].x_support, _problem()[2].y_support,
                                 np.ones((2, 5, 2)), _problem()[2].y_query),
        _problem()[0], inner_lr=0.01, inner_steps=1), ["x_query", "(2, 5, 2)"]),
    ("closed_form_meta_loss body_params all parameters", lambda d: closed_form_meta_loss(
        _problem()[1], _problem()[2], _problem()[0], lam=0.1), ["body parameters", "got 4"]),
    ("meta_loss batch and model swapped", lambda d: meta_loss(
        _problem()[1], _problem()[0], _problem()[2], inner_lr=0.01, inner_steps=1),
     ["batch"]),
    ("pooled_loss x and y of other points", lambda d: pooled_loss(
        _problem()[1], np.ones((10, 1)), np.ones((9, 1)), _problem()[0], loss=mse),
     ["(10, 1)", "(9, 1)"]),
    ("subset_meta_loss rng None", lambda d: subset_meta_loss(
        _problem()[1], _problem()[2], _problem()[0], None, subset_size=3, inner_lr=0.01,
        inner_steps=1), ["rng", "None"]),
    ("meta_gradient_norms Ks a generator", lambda d: meta_gradient_norms(
        _problem()[1], _problem()[2], _problem()[0], (k for k in [1]), [0.01]),
     ["Ks", "generator"]),
    ("divergence_map meta_batch 0", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [1], [0.01], n_steps=2, meta_batch=0),
     ["meta_batch", "0"]),
    ("multitask_loss x without a task axis", lambda d: multitask_loss(
        _problem()[1][:-2], [np.zeros((2, 8, 1)), np.zeros((2, 1))],
        _problem()[2].x_support[0], _problem()[2].y_support[0], _problem()[0]),
     ["x", "(5, 1)"]),
    ("check_update max_norm negative", lambda d: check_update(
        1.0, [np.ones(2)], step=0, advice="try a smaller inner_lr", max_norm=-1.0),
     ["max_norm", "-1.0"]),
    ("sharpness iterations 0", lambda d: sharpness(_problem()[1], _problem()[2], _problem()[0],
                                                   iterations=0), ["iterations", "0"]),
    ("population_statistics x 2-D", lambda d: population_statistics(
        _bn()[0], _bn()[1], np.ones((5, 1))), ["x", "(5, 1)"]),
]

STRATEGY_CASES = [
    ("maml n_support a 0-d zero", lambda d: make_strategy("maml", n_support=np.array(0)),
     ["n_support", "0"]),
    ("anil first_order 0", lambda d: make_strategy("anil", first_order=0),
     ["first_order", "0"]),
    ("closed_form lam a 0-d negative", lambda d: make_strategy("closed_form",
                                                               lam=np.array(-0.5)),
     ["lam", "-0.5"]),
    ("r2d2 inner_lr a dict", lambda d: make_strategy("r2d2", "clusters",
                                                     inner_lr={"lr": 0.1}),
     ["inner_lr", "{'lr': 0.1}"]),
    ("newton_head on a sinusoid object", lambda d: make_strategy("newton_head", Sinusoid()),
     ["NewtonHead", "Sinusoid"]),
    ("multitask head_seed negative", lambda d: make_strategy("multitask", head_seed=-1),
     ["head_seed", "-1"]),
    ("make_strategy model a list of sizes", lambda d: make_strategy("maml", model=[1, 40, 1]),
     ["model", "[1, 40, 1]"]),
    ("make_strategy family a TaskBatch", lambda d: make_strategy("maml", family=_batch()),
     ["family", "TaskBatch"]),
    ("init_state rng a SeedSequence", lambda d: _maml()[0].init_state(
        np.random.SeedSequence(0)), ["rng", "SeedSequence"]),
    ("multitask sample_batch of a MAML state", lambda d: _multitask()[0].sample_batch(
        _rng(), _maml()[1]), ["state"]),
    ("update of a closed-form state", lambda d: _maml()[0].update(
        _closed_form_state(), _batch(), _rng(), 0), ["state"]),
    ("update rng a string", lambda d: _maml()[0].update(_maml()[1], _batch(), "0", 0),
     ["rng", "'0'"]),
    ("reptile outer_step_size past n_steps", lambda d: make_strategy(
        "reptile", n_steps=10).outer_step_size(11), ["step", "11"]),
    ("ClosedForm.lam of an empty state", lambda d: ClosedForm.lam({}), ["state"]),
    ("hyperparameters of a strategy object", lambda d: hyperparameters(_maml()[0]),
     ["MAML"]),
    ("strategy_from_config an unknown hyperparameter", lambda d: strategy_from_config(
        {**describe(_maml()[0]), "hyperparameters": {**describe(_maml()[0])["hyperparameters"],
                                                     "speed": 3}}), ["speed"]),
    ("strategy_from_config root an int", lambda d: strategy_from_config(
        describe(_maml()[0]), root=5), ["root", "sinusoid"]),
    ("configure hyper a list of pairs", lambda d: configure(MAML, hyper=[("inner_lr", 0.1)]),
     ["hyper", "list"]),
]

EVALUATE_CASES = [
    ("evaluate a state with NaN parameters", lambda d: _evaluate_call(state=_state_nan()),
     ["params"]),
    ("evaluate on_divergence True", lambda d: _evaluate_call(on_divergence=True),
     ["on_divergence", "True"]),
    ("select candidates a dict", lambda d: _select(candidates={0.01: "small"}),
     ["candidates", "dict"]),
    ("select a candidate inf", lambda d: _select(candidates=[0.01, np.inf]),
     ["candidates", "inf"]),
    ("interval axis a string", lambda d: interval(np.ones((3, 2)), axis="0"),
     ["axis", "'0'"]),
    ("interval of complex values", lambda d: interval([1 + 1j, 2.0, 3.0]),
     ["values", "complex"]),
    ("format_table a row missing a key", lambda d: format_table([{"a": 1, "b": 2}, {"a": 3}]),
     ["'b'"]),
    ("recorded_curve state None", lambda d: recorded_curve(_maml()[0], None, _batch(), 2),
     ["state", "None"]),
    ("with_test_time a field of another strategy", lambda d: with_test_time(_maml()[0],
                                                                            lam=0.1),
     ["lam"]),
    ("train n_steps a 0-d negative", lambda d: train(make_strategy("maml", meta_batch=2),
                                                     np.array(-2), 0), ["n_steps", "-2"]),
    ("train progress a list", lambda d: train(make_strategy("maml", meta_batch=2), 1, 0,
                                              progress=[]), ["progress"]),
    ("train strategy a class", lambda d: train(MAML, 1, 0), ["strategy", "MAML"]),
    ("train seed a SeedSequence", lambda d: train(make_strategy("maml", meta_batch=2), 1,
                                                  np.random.SeedSequence(0)),
     ["seed", "SeedSequence"]),
    ("as_seed a RandomState", lambda d: as_seed(np.random.RandomState(0)),
     ["seed", "RandomState"]),
    ("check_same_run strategy a name", lambda d: check_same_run(_good_ckpt(d), "maml", 0),
     ["strategy", "'maml'"]),
    ("batch_floats n_tasks negative", lambda d: batch_floats(_maml()[0], n_tasks=-1),
     ["n_tasks", "-1"]),
    ("check_run n_steps a string", lambda d: check_run(_maml()[0], "10"),
     ["n_steps", "'10'"]),
    ("compare.run family a number", lambda d: compare.run(
        3, {"maml": 1}, strategies=("maml",), val_tasks=2, test_tasks=2, max_steps=1,
        candidates=(0.01,)), ["family", "3"]),
]

CHECKPOINT_CASES = [
    ("save meta_losses a generator", lambda d: _save(d, meta_losses=(x for x in [1.0])),
     ["meta_losses", "generator"]),
    ("save seed a Generator", lambda d: _save(d, seed=_rng()), ["seed", "Generator"]),
    ("save a complex state entry", lambda d: _save(d, state={"w": np.ones(2) * 1j}),
     ["state/w", "complex"]),
    ("save a 0-d object state entry", lambda d: _save(d, state={"w": np.array(None,
                                                                             dtype=object)}),
     ["state/w", "object"]),
    ("load adam t a bool", lambda d: load_checkpoint(_damaged(d, "tflag", _set(
        "state/adam/t", np.array(True)))), ["state/adam/t", "bool"]),
    ("load changes a JSON number", lambda d: load_checkpoint(_damaged(d, "chgnum", _set(
        "meta/changes", np.array("3")))), ["meta/changes"]),
    ("load config without hyperparameters", lambda d: load_checkpoint(_damaged(
        d, "nohyper", _config(lambda r: r.pop("hyperparameters")))), ["hyperparameters"]),
    ("restore integer Adam moments", lambda d: restore(_damaged(d, "mint", _set(
        "state/adam/m/0", np.zeros((1, 40), int)))), ["state/adam/m/0", "int"]),
    ("unflatten a non-string key", lambda d: unflatten({1: np.ones(1)}), ["1"]),
    ("unflatten an empty path component", lambda d: unflatten({"a//b": np.ones(1)}),
     ["'a//b'"]),
    ("unflatten a list of pairs", lambda d: unflatten([("a", np.ones(1))]), ["flat", "[('a'"]),
    ("check_state strategy a name", lambda d: check_state(_maml()[1], "maml"),
     ["strategy", "'maml'"]),
    ("exclusive of an empty path", lambda d: _exclusive_in(d, ""), ["path", "''"]),
]

NN_CASES = [
    ("MLP activation a function", lambda d: MLP((1, 4, 1), activation=np.tanh),
     ["activation"]),
    ("MLP sizes a float array", lambda d: MLP(np.array([1.0, 4.0, 1.0])), ["sizes"]),
    ("MLP init a SeedSequence", lambda d: MLP((1, 4, 1)).init(np.random.SeedSequence(0)),
     ["rng", "SeedSequence"]),
    ("MLP apply a NaN weight", lambda d: _net()[0].apply(
        [_net()[1][0] * np.nan] + _net()[1][1:], np.ones((5, 1))), ["params"]),
    ("MLP body of one layer too few", lambda d: MLP((1, 4, 4, 1)).body(
        MLP((1, 4, 4, 1)).init(_rng())[:2], np.ones((5, 1))), ["body"]),
    ("MLP forward_with linear a name", lambda d: _net()[0].forward_with(
        _net()[1], np.ones((5, 1)), "matmul"), ["linear", "'matmul'"]),
    ("per_task params with a None leaf", lambda d: per_task([_net()[1][0], None], 2),
     ["params", "None"]),
    ("adam_init of a string leaf", lambda d: adam_init({"w": "a"}), ["params"]),
    ("adam state t NaN", lambda d: _adam(state={**adam_init(_net()[1]), "t": np.nan}),
     ["t", "nan"]),
    ("adam NaN gradient", lambda d: _adam(grads=[np.full_like(p, np.nan) for p in _net()[1]]),
     ["grads"]),
    ("adam_rows state t of the wrong length", lambda d: adam_rows(
        [np.zeros((3, 2))], {**_rows_state(), "t": np.zeros(2, int)}, [np.ones((1, 2))], [0],
        1e-3), ["t", "(2,)"]),
    ("batch_norm scale with NaN", lambda d: batch_norm(np.arange(12.0).reshape(4, 3),
                                                       scale=np.array([1.0, np.nan, 1.0])),
     ["scale"]),
    ("batch_norm offset of other tasks", lambda d: batch_norm(np.arange(30.0).reshape(2, 5, 3),
                                                              offset=np.ones((3, 3))),
     ["offset", "(3, 3)"]),
    ("finn_init sizes of one layer", lambda d: finn_init(_rng(), (784,)), ["sizes", "(784,)"]),
]

TASK_CASES = [
    ("sinusoid amplitude a dict", lambda d: Sinusoid(amplitude={"lo": 0.1, "hi": 5.0}),
     ["amplitude"]),
    ("sinusoid x_range a generator", lambda d: Sinusoid(x_range=(x for x in (-5.0, 5.0))),
     ["x_range", "generator"]),
    ("sinusoid sample_x n_points negative", lambda d: Sinusoid().sample_x(
        _rng(), Sinusoid().sample_params(_rng(), 2), -1), ["n_points", "-1"]),
    ("sinusoid target x 2-D", lambda d: Sinusoid().target(
        Sinusoid().sample_params(_rng(), 2), np.ones((5, 1))), ["x", "(5, 1)"]),
    ("sinusoid target task_params NaN", lambda d: Sinusoid().target(
        np.full((2, 2), np.nan), np.ones((2, 5, 1))), ["task_params"]),
    ("linear make_batch params of one column", lambda d: LinearRegression().make_batch(
        _rng(), np.ones((2, 1)), 5, 5), ["task_params", "(2, 1)"]),
    ("linear mean a string", lambda d: LinearRegression(mean="1,0.5"), ["mean", "'1,0.5'"]),
    ("clusters make_batch centres NaN", lambda d: GaussianClusters().make_batch(
        _rng(), np.full((2, 5, 8), np.nan), 5, 5), ["task_params"]),
    ("mse of a string prediction", lambda d: mse(np.array([[["a"]]]), np.ones((1, 1, 1))),
     ["pred"]),
    ("cross_entropy logits inf", lambda d: cross_entropy(
        np.where(np.eye(3)[[0, 1, 2, 0]] > 0, np.inf, 0.0)[None], np.eye(3)[[0, 1, 2, 0]][None]),
     ["logits"]),
    ("TaskBatch x_support NaN", lambda d: TaskBatch(
        np.full((2, 5, 1), np.nan), np.ones((2, 5, 1)), np.ones((2, 5, 1)),
        np.ones((2, 5, 1))), ["x_support"]),
    ("TaskBatch of 2-D arrays", lambda d: TaskBatch(*(np.ones((5, 1)) for _ in range(4))),
     ["x_support", "(5, 1)"]),
    ("make_family of a family object", lambda d: make_family(Sinusoid()), ["Sinusoid"]),
    ("default_model of a misspelt name", lambda d: default_model("sinusiod"), ["'sinusiod'"]),
]

SAMPLER_CASES = [
    ("discrete p a generator", lambda d: DiscreteInverseCDF(x for x in [0.5, 0.5]),
     ["p", "generator"]),
    ("discrete sample rng a SeedSequence", lambda d: DiscreteInverseCDF([0.5, 0.5]).sample(
        3, np.random.SeedSequence(0)), ["rng", "SeedSequence"]),
    ("grid pdf inf inside", lambda d: grid_inverse_cdf(
        lambda x: np.where(x > 0.5, np.inf, 1.0), 0.0, 1.0), ["density", "inf"]),
    ("grid inverse given u above 1", lambda d: grid_inverse_cdf(np.ones_like, 0.0, 1.0)(
        np.array([0.5, 1.5])), ["1.5"]),
    ("from_ppf a decreasing ppf", lambda d: ContinuousInverseCDF.from_ppf(lambda u: -u),
     ["ppf"]),
    ("from_density domain a string", lambda d: ContinuousInverseCDF.from_density(
        np.ones_like, "0,1"), ["domain", "'0,1'"]),
    ("from_density domain with NaN", lambda d: ContinuousInverseCDF.from_density(
        np.ones_like, (np.nan, 1.0)), ["domain", "nan"]),
    ("metropolis x0 3-D", lambda d: _metropolis(x0=np.zeros((2, 1, 1))), ["x0", "(2, 1, 1)"]),
    ("metropolis n_steps 3", lambda d: _metropolis(n_steps=3), ["n_steps", "3"]),
    ("metropolis log_density +inf at x0", lambda d: _metropolis(
        log_density=lambda x: np.full(len(x), np.inf)), ["log_density", "inf"]),
    ("rank_normalize a 0-d array", lambda d: rank_normalize(np.array(1.0)), ["draws", "()"]),
    ("ess_tail prob a string", lambda d: ess_tail(np.random.default_rng(1).normal(
        size=(4, 50)), prob="0.05,0.95"), ["prob", "'0.05,0.95'"]),
    ("transition matrix rows not summing to 1", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], [[0.5, 0.4], [0.4, 0.5]]), ["Q"]),
    ("total_variation edges unsorted", lambda d: total_variation(
        np.zeros(10), [0.0, 2.0, 1.0], stats.norm.cdf), ["edges"]),
    ("acceptance_1d h negative", lambda d: acceptance_1d(-1.0), ["h", "-1.0"]),
    ("integrate n 0", lambda d: integrate(np.sin, 0.0, 1.0, n=0), ["n", "0"]),
    ("noise_floor repeats 0", lambda d: noise_floor(100, 0, exponential(), [0.0, 1.0, 2.0],
                                                    stats.expon.cdf, _rng()),
     ["repeats", "0"]),
]

TESTING_CASES = [
    ("dkw alpha 0", lambda d: testing.dkw_epsilon(10, alpha=0.0), ["alpha", "0.0"]),
    ("smallest_detectable samples 3", lambda d: testing.smallest_detectable(100, samples=3),
     ["samples", "3"]),
    ("two_sample_distance x a dict", lambda d: testing.two_sample_distance({"a": 1.0}, [1.0]),
     ["x", "dict"]),
    ("chi_square_pvalue an infinite count", lambda d: testing.chi_square_pvalue(
        [np.inf, 5], [0.5, 0.5]), ["counts", "inf"]),
    ("chi_square_power p zero where q is not", lambda d: testing.chi_square_power(
        [1.0, 0.0], [0.5, 0.5], 100), ["p"]),
    ("monotone u a generator", lambda d: testing.assert_monotone(np.sort, (u for u in [0.1,
                                                                                      0.2])),
     ["u", "generator"]),
    ("inverts u below 0", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, [-0.1, 0.5], 1e-9), ["u", "-0.1"]),
    ("labels a generator", lambda d: testing.assert_labels_match((x for x in [0, 1]),
                                                                 [0.5, 0.5]),
     ["labels", "generator"]),
    ("same_distribution x a set", lambda d: testing.assert_same_distribution({1.0, 2.0},
                                                                             [1.0, 2.0]),
     ["x"]),
    ("density mixture weights a dict", lambda d: densities.normal_mixture(
        {"a": 1.0}, [0.0], [1.0]), ["weights"]),
    ("density beta bounds equal", lambda d: densities.beta(2.0, 3.0, lo=1.0, hi=1.0),
     ["1.0"]),
    ("density trapezoid c below lo", lambda d: densities.trapezoid(0.0, -0.5, 0.5, 1.0),
     ["c", "-0.5"]),
    ("density steps edge NaN", lambda d: densities.steps([0.0, np.nan, 2.0], [1.0, 1.0]),
     ["edges", "nan"]),
    ("density steps all heights zero", lambda d: densities.steps([0.0, 1.0, 2.0], [0.0, 0.0]),
     ["heights"]),
    ("density steps one edge", lambda d: densities.steps([0.0], []), ["heights", "[]"]),
    ("strategy u_grids cut_points a string", lambda d: _example(
        _strategies().u_grids(cut_points="0.5")), ["cut_points", "'0.5'"]),
    ("strategy known_densities no kinds", lambda d: _example(
        _strategies().known_densities(kinds=())), ["kinds", "()"]),
]

OMNIGLOT_CASES = [
    ("family n_way a 0-d zero", lambda d: Omniglot(np.array(0), data=_data()), ["n_way", "0"]),
    ("family split with a trailing space", lambda d: Omniglot(5, split="test ", data=_data()),
     ["split", "'test '"]),
    ("family data with a NaN drawing", lambda d: Omniglot(5, data=_nan_data()), ["data"]),
    ("family dtype longdouble", lambda d: Omniglot(5, data=_data(), dtype=np.longdouble),
     ["dtype"]),
    ("family sample n_tasks a float64", lambda d: _family().sample(
        _rng(), np.float64(2.0), 5, 5), ["n_tasks", "2.0"]),
    ("family make_batch four quarter turns", lambda d: _family().make_batch(
        _rng(), np.concatenate([_omniglot_params()[..., :1],
                                np.full((2, 5, 1), 4)], axis=-1), 5, 5),
     ["task_params", "4"]),
    ("family check_shots n_query not a multiple", lambda d: _family().check_shots(5, 7),
     ["n_query", "7"]),
    ("load parts a list of names", lambda d: omniglot.load(
        ROOT, cache_dir=_cache_dir(), parts=["images_background"], progress=False),
     ["parts"]),
    ("load cache_dir with a NUL byte", lambda d: omniglot.load(
        ROOT, cache_dir=str(d / "a\0b"), progress=False), ["cache_dir"]),
    ("finn_split characters 2-D", lambda d: finn_split(
        np.repeat(np.arange(10), 30), np.arange(300).reshape(10, 30), 200, 50),
     ["characters", "(10, 30)"]),
    ("check_shots n_tasks 0", lambda d: check_shots(5, 0, 5, 5), ["n_tasks", "0"]),
    ("check_shots n_way a string", lambda d: check_shots("5", 2, 5, 5), ["n_way", "'5'"]),
    ("progress advance a fraction", lambda d: Progress("x", 3, enabled=False).advance(0.5),
     ["n", "0.5"]),
    ("progress stream an int", lambda d: Progress("x", 3, stream=2), ["stream", "2"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("run_all only a stem as a string", lambda d: figures.run_all(
        d / "figs", quick=True, only="fig22_1", progress=_quiet), ["only", "'fig22_1'"]),
    ("run_all out_dir an int", lambda d: figures.run_all(
        3, quick=True, only=["fig22_1"], progress=_quiet), ["out_dir", "3"]),
    ("run_all quick text", lambda d: figures.run_all(
        d / "figs", quick="yes", only=["fig22_1"], progress=_quiet), ["quick", "'yes'"]),
    ("run_all progress a string", lambda d: figures.run_all(
        d / "figs", quick=True, only=["fig22_1"], progress="print"), ["progress", "'print'"]),
    ("run_all only a generator", lambda d: figures.run_all(
        d / "figs", quick=True, only=(s for s in ["fig22_1"]), progress=_quiet),
     ["only", "generator"]),
    ("run_all only empty", lambda d: figures.run_all(
        d / "figs", quick=True, only=[], progress=_quiet), ["only", "[]"]),
    ("check_out_dir empty", lambda d: figures.check_out_dir(""), ["out_dir"]),
    ("check_out_dir name an int", lambda d: figures.check_out_dir(d / "figs", name=3),
     ["name", "3"]),
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
    "softmax_head features int": "not a bad input after all: integer features are converted to "
                                 "float64 and give the head of the same float features (as the "
                                 "fourth battery's dropped batch_norm of integer features)",
    "with_bias of a bool array": "not a bad input after all: 0/1 features, converted to float64, "
                                 "with the bias column appended (the same reason)",
    "run_all only empty": "not made invalid by the documentation: an empty selection makes no "
                          "figure (as the fourth battery's dropped format_table([]))",
    # written, not kept: they count in --written only
    "sinusoid x_range a generator": "not a bad input after all: read once into the range, the "
                                    "family is the one asked for (as the seventh battery's "
                                    "dropped MLP of a generator of sizes)",
    "chi_square_power p zero where q is not": "not made invalid by the documentation: "
                                              "chi_square_pvalue documents labels of p = 0 "
                                              "(the test is on the p > 0 labels)",
}


def _kept(cases):
    """Three cases of every five, in the order written (decided before any run)."""
    kept = [c for i, c in enumerate(cases) if i % 5 not in (1, 4)]
    return [c for c in kept if c[0] not in DROPPED]


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

class _TooLong(Exception):
    pass


def _alarm(signum, frame):
    raise _TooLong(f"no answer after {TIME_LIMIT} s: the bad input was not refused before "
                   "the work")


@contextlib.contextmanager
def _time_limit():
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIME_LIMIT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _classify_figures_call(make, mentions, folder):
    """classify_call with the figure modules stubbed and cwd the case's folder; a refusal
    after the stub was called is unclear (the work had started)."""
    saved, cwd = figures._load, os.getcwd()
    figures._load, _StubFigure.calls = (lambda module: _StubFigure), 0
    os.chdir(folder)
    try:
        kind, detail = classify_call(make, mentions, folder)
    finally:
        figures._load = saved
        os.chdir(cwd)
    if kind == "clear" and _StubFigure.calls:
        return "unclear", f"refused only after the work started: {detail}"
    return kind, detail


def classify_case(group, case, folder):
    """The first battery's classify_cli / classify_call (under np.errstate(all="raise")),
    figures stubbed, an environment set for the case where it gives one."""
    name, make, mentions, *env = case
    wrap = _env(**env[0]) if env and env[0] else (lambda call: call)
    try:
        with _time_limit():
            if group.startswith("cli") or group == "environment (cli)":
                _good(folder)                    # a checkpoint that must survive the case

                def run(d):
                    argv = make(d)
                    if argv and argv[0] == "figures":
                        return classify_figures(argv, mentions, d)
                    return classify_cli(argv, mentions, d)
                return wrap(run)(folder)
            if group == "figures (library)":
                return wrap(lambda d: _classify_figures_call(make, mentions, d))(folder)
            if group == "checkpoints":
                _good(folder)
            argv = []

            def call(d):
                out = make(d)
                if _is_argv(out):
                    argv.append(out)
                return out
            kind, detail = classify_call(wrap(call), mentions, folder)
            if argv and kind == "silent":
                # A command-line case filed under a library area (the eightieth and
                # eighty-second batteries' SCRATCHMETA_DATA cases): making its argv is no run,
                # so it is run here as the command line it is.
                _good(folder)
                return wrap(lambda d: classify_cli(argv[0], mentions, d))(folder)
            return kind, detail
    except _TooLong as e:
        return "unclear", str(e)


def _is_argv(out):
    """True for a command line's argument list (``train ...``, ``evaluate ...``), as a case's
    ``make`` gives it: a list of strings whose first is a subcommand."""
    return (type(out) is list and bool(out) and all(type(a) is str for a in out)
            and out[0] in ("train", "evaluate", "compare"))


# The cases still not clear after the fixes, each for a stated reason (strict: a fix shows
# up as a failure to remove from this dict).
NOT_CLEAR_YET = {
    "TaskBatch x_support NaN": "TaskBatch is a plain record (a NamedTuple, tasks.py): building "
                               "one reads no data; every consumer (each strategy's update and "
                               "adaptation, adapt's curves) refuses its NaN by name",
}
ALL = [pytest.param(g, c, id=f"{g}: {c[0]}", marks=[pytest.mark.xfail(
    reason=NOT_CLEAR_YET[c[0]], strict=True)] if c[0] in NOT_CLEAR_YET else [])
    for g, cases in GROUPS.items() for c in cases]


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if (group == "omniglot" or "omniglot" in case[0]) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = classify_case(group, case, folder)
    assert kind == "clear", detail


def test_the_eighth_battery_is_wide_and_new():
    assert len(ALL) >= 100
    names = [c[0] for cases in WRITTEN.values() for c in cases]
    assert len(names) == len(set(names))


def main():
    """``python tests/test_bad_inputs_eighth.py [--written]``: the rates by area."""
    battery_main(GROUPS, classify_case, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
