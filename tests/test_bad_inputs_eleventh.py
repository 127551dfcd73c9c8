"""An eleventh battery of bad inputs (issue 11's goal, measured on a fresh, independent set).

``tests/test_bad_inputs_cli.py`` (whose module docstring defines clear / unclear / silent / data
loss) is the classifier; the earlier batteries (``_wider``, ``_third`` ... ``_tenth``, the
``_audit_*``, ``_round*``, ``_fixes_*`` and sweep files) were read only so as not to repeat their
cases: each id here was checked against their 2,190 ids (exact and close matches), and cases
whose substance repeated one of theirs were replaced before anything was run. The cases were
written from the user's side (``__all__``, README, docstrings, signatures, ``--help``), without
reading the library's check modules, the bodies of its validation code or its history, over
every area: train flags (``-0.0``, ``1e1``, ``inf``, ``nan``, an underflowing ``--lam``, a
word), ``--set`` values (``[1]``, ``{}``, ``null``, ``true`` for a float, ``-0``)
for maml, anil, reptile, closed_form, r2d2, subset, multitask, newton_head, pretrained and
scratch, ``--root`` with one zip of two, a resume of a cut checkpoint and of a NaN Adam moment;
evaluate of checkpoints damaged anew (a text seed, int64 weights, an unknown activation, a list
meta_lr), a dangling symlink, ``--split val``; compare's counts, seeds and a trailing comma;
``figures --only`` stems (``all``, ``fig22_10``, a trailing slash, a ``.py`` name,
``compare_subset``, British spelling, a leading dash), ``--out`` a symlink loop or swapped with
``--only``, with the figure modules stubbed; ``SCRATCHMETA_KEEP_FREED_MEMORY`` '-1', '0o0',
'TRUE', '1/1', '0.5', 'O', 'NaN'; ``SCRATCHMETA_DATA`` under a file; None, strings, lists,
sets, generators, bools, NumPy scalars and 0-d arrays where numbers, arrays, sequences,
Generators, configs or callables are meant; NaN and inf in arguments and data (inputs,
targets, task parameters, heads, Adam moments, draws, counts, probabilities); a user's loss,
family target, progress, ppf, cdf, pdf, log-density and integrand that misbehave; and the
less-used public helpers (``with_bias``, ``softmax_head_logits``, ``reptile_direction``,
``subset_indices``, ``adapt.curve``/``predict``, ``step_advice``, ``inner_advice``,
``grad_norm``, ``first_step_change``, ``sharpness``, ``uses_low_rank``, ``pooled_loss``,
``configure``, ``field_type``, ``hyperparameters``, ``compare.build``/``fits_at_step_0``/
``rows``, ``compare_subset.variant``/``points_per_step``, ``omniglot_compare.with_step_size``,
``format_result``, ``exclusive``, ``check_probabilities``, ``piece_of``,
``from_uniforms_guided``, ``ess_bulk``, ``peak``, ``noise_floor``, ``pooled_total_variation``,
``omniglot.fetch``/``content_hash``, ``figures.check_only``, ``figures.style``). Omniglot's
``root`` is ``omniglot_real.REAL_DATA`` (no download), decoded into the fifth battery's private
cache; those cases skip without it. Classification: the first battery's ``classify_call`` /
``classify_cli`` under ``np.errstate(all="raise")``; ``figures`` through the wider battery's
``classify_figures`` (stubbed; a refusal after the stub ran is unclear); a case still working
after 30 s would be unclear (none was). For a scalar the message must show the value given; for
an array, a list or a dict, naming the argument (or entry) is enough.

Selection, blind: 361 cases were written; three of every five in each area, in the order
written (``i % 5 not in (0, 2)``), were kept before any run: 209. First run, those 209, at
commit 8f50527: 175 clear (83.7%), 17 unclear, 17 silent, 0 data loss. After it, six kept cases
were dropped (``DROPPED``, with reasons) as documented valid or not made invalid by the
documentation: ``reptile_step`` with 0 inner steps, ``compare.build`` with 0 meta-steps (0 is
documented for strategies with nothing to learn), a ``TaskBatch`` with inf targets (documented
as an unchecked record), ``Sinusoid.check_shots(5, 0)`` (documented to refuse only counts the
family cannot draw), ``assert_monotone`` of a ppf returning NaN (the AssertionError is the kit's
documented verdict on the ppf under test) and ``Omniglot(dtype=None)`` (NumPy's float64, the
default). Corrections where the case, not the library, was wrong: ``rvs(size=(2, 2.5))`` had no
``random_state`` (documented as required; refused for that first), now given 0; ``compare.run``
was given ``meta_steps=1`` where the documentation asks for a {strategy: steps} dict, now
``{"maml": 1}`` (the case stays unclear for another reason; the unknown-family case was clear
either way). Written-only: three more drops (a ``TaskBatch`` with ``x_query=None``, clusters
``spread=0``, ``unflatten`` of ``"a//b"``) and the ``check_shots`` mention "100" (a total) where
the message rightly gives the per-class count, now "n_support".

Measured against the code at commit 8f50527: 203 cases, 176 clear (86.7%), 15 unclear (7.4%),
12 silent (5.9%), 0 data loss. By area (clear/unclear/silent/data loss): command line (train)
15/0/0/0 of 15, command line (evaluate, compare, subcommands) 10/0/0/0 of 10, command line
(figures) 3/2/0/0 of 5, environment (command line) 3/0/0/0 of 3, environment 3/0/0/0 of 3,
engine 12/1/1/0 of 14, gradcheck 5/0/1/0 of 6, Chapter 2's functions 15/3/2/0 of 20, strategies
15/1/2/0 of 18, evaluate and train 12/3/0/0 of 15, checkpoints 10/0/0/0 of 10, nn/optim/
batchnorm 12/1/1/0 of 14, task families and losses 10/0/1/0 of 11, samplers 23/1/1/0 of 25,
testing kit 15/0/1/0 of 16, Omniglot 8/2/1/0 of 11, figures helpers 5/1/1/0 of 7. All 352
written and not dropped (``python tests/test_bad_inputs_eleventh.py --written``): 311 clear
(88.4%), 19 unclear (5.4%), 22 silent (6.2%), 0 data loss. So a fresh battery is still below
the goal of 95%: the command line (train, evaluate, compare), the environment and checkpoints
have no miss; the misses are less-used helpers that take an object (a config, a strategy,
results, a part, a figure) without checking it, callables of the user's that misbehave, and a
few ranges of rarely used arguments. Not clear (kept cases):

* unclear: ``figures --out`` a symlink loop (``[Errno 17] File exists``, only after a figure
  was started); ``figures --only -fig22_1`` (argparse: "expected at least one argument", the
  value not named); ``solve`` with b of length 3 for a 2x2 a (shows b as (3, 1), NumPy's gufunc
  text appended); ``multitask_loss`` with NaN heads (names ``head_params[0]``, not ``heads``);
  ``grad_norm("big")`` (NumPy's ufunc 'square' error); ``uses_low_rank(None, ...)`` ("'NoneType'
  object is not subscriptable"); ``compare_subset.points_per_step("maml")`` (AttributeError);
  ``train`` with a progress callable taking no argument (Python's TypeError naming the lambda,
  not ``progress``); ``compare.run(test_tasks=0)`` ("n_tasks must be ... >= 2", not
  ``test_tasks``); ``compare.rows(None)`` (AttributeError); ``adam_rows(rows=None)`` (complains
  about ``state['t']``, not ``rows``); ``DiscreteInverseCDF.piece_of(1.5)`` (AttributeError
  'astype'); ``Omniglot.make_batch(task_params=None)`` ("got shape ()", not None);
  ``omniglot.fetch("images_background", ...)`` (AttributeError 'name'; nothing downloaded);
  ``figures.style.subplots(nrows=0)`` (matplotlib's "Number of rows", not ``nrows``);
* silent: ``ad.stop_gradient("x")``; ``hvp`` of a function whose value is inf;
  ``check_step(step=-1)``; ``step_advice(None)``; a MAML ``update`` with ``rng=None``;
  ``compare.fits_at_step_0(None)``; ``check_adam(values="yes")``;
  ``Sinusoid().sample_params(rng, 0)``; ``integrate`` of an integrand returning NaN;
  ``two_sample_distance`` of a 0-d x; Omniglot ``sample`` with ``n_query=0``;
  ``figures.default_out(None)``.

Written and not kept, also not clear: ``inner_sgd(first_order="yes")``,
``anil_meta_loss(inner_lr=0)``, ``inner_advice(-1, ...)``, reptile ``inner_steps=np.int32(0)``,
MAML ``sample_batch(rng, None)``, ``field_type("inner_lr")`` (AttributeError),
``omniglot_compare.with_step_size(s, -0.1)`` (names ``inner_lr``), ``Sinusoid(x_range=(2, 2))``,
``LinearRegression().make_batch(..., n_query=0)``, a user family whose target returns NaN,
``check_probabilities(name=3)``, ``peak`` of arrays of other lengths, ``content_hash(None)``
(AttributeError), ``style.save(None, ...)`` (AttributeError), and the symlink-loop ``--out``
again. ``python tests/test_bad_inputs_eleventh.py`` prints the rates by area (about 3 s; pytest
about 5 s). The battery's writer did not change the library.

Measured again at 90594af, after round-4 fixes made without sight of this battery (for the
eighth to tenth batteries' written-only cases): 203 kept cases, 177 clear (87.2%), 15
unclear, 11 silent, 0 data loss. The 26 not clear are strict xfails (``NOT_CLEAR_YET``):
not fixed in that session, so issue 11's goal of 95% on a fresh battery was not met.

Round 5 (fixes aimed at this battery, next session): 201 of the 203 kept cases clear, 349 of
the 352 written. The two kept cases left are decided valid (``NOT_CLEAR_YET`` gives the
reasons) and stay strict xfails; they still count as misses in the numbers above.
"""

import itertools
import os

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import figures, memory, testing
from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.datasets.progress import Progress
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.meta import adapt, compare, compare_subset, omniglot_compare
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.baselines import pooled_loss
from scratchmeta.meta.checkpoint import (check_checkpoint_path, check_state, exclusive, flatten,
                                         load_checkpoint, restore, unflatten)
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import (format_interval, format_result, held_out_tasks, interval,
                                       recorded_curve, with_test_time)
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norms
from scratchmeta.meta.guard import check_step, check_update, grad_norm, inner_advice, step_advice
from scratchmeta.meta.legacy import upgrade_state
from scratchmeta.meta.maml import MAML, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.maml_low_rank import uses_low_rank
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.normalization import first_step_change, sharpness
from scratchmeta.meta.protocol import configure, describe, draw_tasks, field_type
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import (hyperparameters, make_family, make_strategy,
                                       strategy_from_config)
from scratchmeta.meta.reptile import fine_tune_tasks, reptile_direction, reptile_step
from scratchmeta.meta.ridge import ridge_fit, ridge_head, with_bias
from scratchmeta.meta.softmax_head import (newton_solve, softmax_head, softmax_head_logits,
                                           softmax_head_unrolled)
from scratchmeta.meta.subset import subset_indices
from scratchmeta.meta.training import batch_floats, step_rng, train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, check_adam
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, ess_bulk,
                                  exponential, grid_inverse_cdf, laplace, logistic, mcse_mean,
                                  metropolis_transition_matrix, optimal_acceptance, pareto,
                                  split_rhat, weibull)
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.sampling.discrete import check_probabilities
from scratchmeta.sampling.mixing import bin_masses, noise_floor, pooled_total_variation
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.sampling.step_size import acceptance_1d, fixed_step_chains, peak
from scratchmeta.sampling.tails import check_domain, find_center
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, accuracy, cross_entropy, mse
from scratchmeta.testing import densities

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import (TRAIN, _a_file, _damaged, _evaluate, _good, _set, _train,
                                 battery_main)
from test_bad_inputs_fourth import X3, _maml, _once, _problem, _rng, _square
from test_bad_inputs_fifth import (_adam, _batch, _data, _evaluate_call, _example,
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


def _p():
    return _problem()[1]


def _b():
    return _problem()[2]


def _m():
    return _problem()[0]


def _first(generator, n=2):
    return list(itertools.islice(generator, n))


def _batch_with(**arrays):
    """The small sinusoid batch with some of its four arrays replaced."""
    b = _batch()
    fields = {k: getattr(b, k) for k in ("x_support", "y_support", "x_query", "y_query")}
    fields.update(arrays)
    return TaskBatch(**fields)


def _nan_like(a, where=(0, 0, 0)):
    a = np.array(a, dtype=float)
    a[where] = np.nan
    return a


def _truncated_copy(folder):
    data = _good(folder).read_bytes()
    path = folder / "cut.npz"
    path.write_bytes(data[: len(data) // 3])
    return path


def _dangling(folder):
    path = folder / "dangling.npz"
    if not path.is_symlink():
        os.symlink(folder / "gone.npz", path)
    return path


def _dir_npz(folder):
    path = folder / "dir.npz"
    path.mkdir(exist_ok=True)
    return path


def _one_zip_root(folder):
    """A root holding only images_background.zip (a link to the real one)."""
    root = folder / "one_zip"
    root.mkdir(exist_ok=True)
    link = root / "images_background.zip"
    if not link.is_symlink():
        os.symlink(REAL_DATA / "images_background.zip", link)
    return root


def _under_a_file(folder):
    return _a_file(folder) / "data"


def _closed_form_state():
    return _once("cf", lambda: make_strategy("closed_form", meta_batch=2).init_state(_rng()))


def _record_with(change):
    record = describe(make_strategy("maml", meta_batch=2))
    change(record)
    return record


def _family():
    return _once("omniglot11", lambda: Omniglot(5, data=_data()))


def _far_character():
    params = np.array(_family().sample_params(_rng(), 1))
    params[..., 0] = 10 ** 6
    return params


def _nan_target_family():
    class NanTarget(Sinusoid):
        def target(self, task_params, x):
            return super().target(task_params, x) * np.nan
    return NanTarget()


def _loop_dir(folder):
    """A symlink that points at itself, given as a folder."""
    path = folder / "loopdir"
    if not path.is_symlink():
        os.symlink(path, path)
    return path


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("meta-lr minus zero", _train("--meta-lr", "-0.0"), ["--meta-lr", "-0.0"]),
    ("meta-batch 1e1", _train("--meta-batch", "1e1"), ["--meta-batch", "1e1"]),
    ("n-query inf", _train("--n-query", "inf"), ["--n-query", "inf"]),
    ("n-support nan", _train("--n-support", "nan"), ["--n-support", "nan"]),
    ("closed_form lam underflows to 0", _train("--strategy", "closed_form", "--lam", "1e-400"),
     ["--lam", "1e-400"]),
    ("checkpoint-every inf", _train("--checkpoint-every", "inf"), ["--checkpoint-every", "inf"]),
    ("log-every a word", _train("--log-every", "two"), ["--log-every", "two"]),
    ("omniglot train root with one zip of two", lambda d: TRAIN + [
        "--family", "omniglot", "--root", str(_one_zip_root(d)), *_out(d)], ["images_evaluation"]),
    ("set inner_steps a list", _train("--set", "inner_steps=[1]"), ["inner_steps"]),
    ("set n_support an object", _train("--set", "n_support={}"), ["n_support"]),
    ("set first_order=null", _train("--set", "first_order=null"), ["first_order", "None"]),
    ("set meta_lr=true", _train("--set", "meta_lr=true"), ["meta_lr", "True"]),
    ("set meta_batch=-0", lambda d: ["train", "--steps", "2", "--set", "meta_batch=-0", *_out(d)],
     ["meta_batch", "0"]),
    ("anil set inner_steps=-3", _train("--strategy", "anil", "--set", "inner_steps=-3"),
     ["inner_steps", "-3"]),
    ("reptile set batched a string", _train("--strategy", "reptile", "--set", 'batched="yes"'),
     ["batched", "yes"]),
    ("closed_form set learn_lam=1.0", _train("--strategy", "closed_form", "--set",
                                             "learn_lam=1.0"), ["learn_lam", "1.0"]),
    ("r2d2 on clusters set scale=-1", _train("--family", "clusters", "--strategy", "r2d2",
                                             "--set", "scale=-1"), ["scale", "-1"]),
    ("subset set subset_size=-5", _train("--strategy", "subset", "--set", "subset_size=-5"),
     ["subset_size", "-5"]),
    ("multitask set head_meta_lr=nan", _train("--strategy", "multitask", "--set",
                                              "head_meta_lr=nan"), ["head_meta_lr", "nan"]),
    ("newton_head on clusters inner-lr negative", _train("--family", "clusters", "--strategy",
                                                         "newton_head", "--inner-lr", "-0.1"),
     ["--inner-lr", "-0.1"]),
    ("pretrained set first_order", _train("--strategy", "pretrained", "--set", "first_order=true"),
     ["first_order"]),
    ("scratch lam", _train("--strategy", "scratch", "--lam", "0.1"), ["lam"]),
    ("resume a first moment with NaN", lambda d: TRAIN + ["--out", str(_damaged(d, "mnan", _set(
        "state/adam/m/3", np.full(40, np.nan)))), "--resume", "--steps", "3"], ["state/adam/m/3"]),
    ("resume a cut checkpoint", lambda d: TRAIN + ["--out", str(_truncated_copy(d)), "--resume"],
     ["cut.npz"]),
    ("strategy a module path", _train("--strategy", "meta/maml"), ["meta/maml"]),
    ("family empty", _train("--family", ""), ["--family"]),
]

CLI_OTHER_CASES = [
    ("eval steps -2", _evaluate(_good, "--steps", "-2"), ["--steps", "-2"]),
    ("eval seed -5", _evaluate(_good, "--seed", "-5"), ["--seed", "-5"]),
    ("eval a dangling symlink", _evaluate(_dangling), ["dangling.npz"]),
    ("eval a meta/seed entry of text", _evaluate(lambda d: _damaged(d, "seedtxt", _set(
        "meta/seed", np.array("zero")))), ["meta/seed"]),
    ("eval an int64 weight entry", _evaluate(lambda d: _damaged(d, "wint", _set(
        "state/params/1", np.zeros(40, np.int64)))), ["state/params/1"]),
    ("eval config model activation unknown", _evaluate(lambda d: _damaged(
        d, "act", _config(lambda r: r["model"]["arguments"].__setitem__("activation", "swish")))),
     ["swish"]),
    ("eval split val", _evaluate(_good, "--split", "val"), ["--split", "val"]),
    ("eval support -4", _evaluate(_good, "--support", "-4"), ["--support", "-4"]),
    ("eval config hyperparameters meta_lr a list", _evaluate(lambda d: _damaged(
        d, "mlrlist", _config(lambda r: r["hyperparameters"].__setitem__("meta_lr", [0.001])))),
     ["meta_lr"]),
    ("eval config model sizes with a zero", _evaluate(lambda d: _damaged(
        d, "size0", _config(lambda r: r["model"]["arguments"].__setitem__("sizes",
                                                                         [1, 0, 40, 1])))),
     ["sizes"]),
    ("compare steps -3", _compare("--steps", "-3"), ["--steps", "-3"]),
    ("compare strategy with a trailing comma", _compare("--strategies", "maml,"), ["maml,"]),
    ("compare tasks 0", _compare("--tasks", "0"), ["--tasks", "0"]),
    ("compare val-tasks nan", _compare("--val-tasks", "nan"), ["--val-tasks", "nan"]),
    ("compare support inf", _compare("--support", "inf"), ["--support", "inf"]),
    ("compare val-seed a float", _compare("--val-seed", "1.5"), ["--val-seed", "1.5"]),
    ("demo with --help=no", lambda d: ["demo", "--help=no"], ["--help"]),
    ("a subcommand misspelt", lambda d: ["evalute", "--checkpoint", "x.npz"], ["evalute"]),
]

# figures command lines: the figure modules are stubbed, so nothing is drawn
CLI_FIGURES_CASES = [
    ("figures only all", _fig("--only", "all"), ["all"]),
    ("figures only a stem with a trailing slash", _fig("--only", "fig22_1/"), ["fig22_1/"]),
    ("figures only fig22_10", _fig("--only", "fig22_10"), ["fig22_10"]),
    ("figures out a symlink loop", lambda d: ["figures", "--quick", "--only", "fig22_1",
                                                 "--out", str(_loop_dir(d))], ["loopdir"]),
    ("figures only and out swapped", lambda d: ["figures", "--quick", "--out", "fig22_1",
                                                    "--only", "out_folder"], ["out_folder"]),
    ("figures only a stem and its .py file", _fig("--only", "fig22_1", "fig22_1.py"),
     ["fig22_1.py"]),
    ("figures only a stem with a leading dash", _fig("--only", "-fig22_1"), ["-fig22_1"]),
    ("figures only compare_subset", _fig("--only", "compare_subset"), ["compare_subset"]),
    ("figures only normalisation spelt the British way", _fig("--only", "normalisation"),
     ["normalisation"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory '-1', train", _train(), [VAR, "-1"], {VAR: "-1"}),
    ("keep-freed-memory '0o0', evaluate", _evaluate(_good), [VAR, "0o0"], {VAR: "0o0"}),
    ("keep-freed-memory 'TRUE', compare", _compare(), [VAR, "TRUE"], {VAR: "TRUE"}),
    ("keep-freed-memory '1/1', figures", _fig("--only", "fig22_1"), [VAR, "1/1"], {VAR: "1/1"}),
    ("keep-freed-memory '0.5', demo", lambda d: ["demo"], [VAR, "0.5"], {VAR: "0.5"}),
    ("SCRATCHMETA_DATA under a file, omniglot train", _train("--family", "omniglot"),
     ["SCRATCHMETA_DATA"], {"SCRATCHMETA_DATA": _under_a_file}),
]

ENV_CASES = [
    ("opt-out value '0.5'", lambda d: memory.opt_out_value(), [VAR, "0.5"], {VAR: "0.5"}),
    ("unless_opted_out 'NaN'", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR, "NaN"], {VAR: "NaN"}),
    ("keep_freed_memory trim_threshold a NumPy bool", lambda d: memory.keep_freed_memory(
        trim_threshold=np.bool_(True)), ["trim_threshold", "True"], None),
    ("keep_freed_memory mmap_threshold a complex", lambda d: memory.keep_freed_memory(
        mmap_threshold=complex(65536, 0)), ["mmap_threshold"], None),
    ("keep_freed_memory mmap_threshold NaN", lambda d: memory.keep_freed_memory(
        mmap_threshold=np.nan), ["mmap_threshold", "nan"], None),
    ("opt-out value a letter O", lambda d: memory.opt_out_value(), [VAR, "O"], {VAR: "O"}),
]


# --- library calls: (id, call(folder), mentions) ---------------------------------------------

ENGINE_CASES = [
    ("power of a string exponent", lambda d: ad.power(X3, "2"), ["'2'"]),
    ("sqrt of a string", lambda d: ad.sqrt("4"), ["'4'"]),
    ("getitem by a string", lambda d: ad.getitem(X3, "a"), ["'a'"]),
    ("logsumexp axis a string", lambda d: ad.logsumexp(X3, axis="0"), ["axis", "'0'"]),
    ("var ddof past the size", lambda d: ad.var(X3, ddof=5), ["ddof", "5"]),
    ("squeeze axis a string", lambda d: ad.squeeze(M2[:1], axis="0"), ["axis", "'0'"]),
    ("broadcast_to a string shape", lambda d: ad.broadcast_to(X3, "3"), ["'3'"]),
    ("sum_to a larger shape", lambda d: ad.sum_to(X3, (4,)), ["(4,)"]),
    ("solve b of another length", lambda d: ad.solve(M2, np.ones(3)), ["(2, 2)", "(3,)"]),
    ("einsum one operand for two", lambda d: ad.einsum("ij,jk->ik", M2), ["ij,jk->ik"]),
    ("norm axis 2 of a matrix", lambda d: ad.norm(M2, axis=2), ["axis", "2"]),
    ("tanh of None", lambda d: ad.tanh(None), ["None"]),
    ("maximum with a string", lambda d: ad.maximum(X3, "1"), ["'1'"]),
    ("stack of nothing", lambda d: ad.stack([]), ["xs"]),
    ("expand_dims axis 5", lambda d: ad.expand_dims(X3, 5), ["axis", "5"]),
    ("value_and_grad of a string", lambda d: ad.value_and_grad("f")(X3), ["fun"]),
    ("trace of a string", lambda d: ad.trace("f", X3), ["fun"]),
    ("tree_map f an int", lambda d: ad.tree_map(3, [X3]), ["f", "3"]),
    ("stop_gradient of a string", lambda d: ad.stop_gradient("x"), ["'x'"]),
    ("hessian argnum -5", lambda d: ad.hessian(_square, argnum=-5)(X3), ["argnum", "-5"]),
    ("mean axis 1.0", lambda d: ad.mean(X3, axis=1.0), ["axis", "1.0"]),
    ("prod axis a word", lambda d: ad.prod(X3, axis="x"), ["axis", "'x'"]),
    ("einsum ii of a 2x3 matrix", lambda d: ad.einsum("ii", np.ones((2, 3))), ["ii"]),
    ("grad of a function returning a vector", lambda d: ad.grad(lambda x: x * 2.0)(X3),
     ["(3,)"]),
]

GRADCHECK_CASES = [
    ("check_grads order -1", lambda d: check_grads(_square, (X3,), order=-1), ["order", "-1"]),
    ("check_grads eps 0", lambda d: check_grads(_square, (X3,), eps=0), ["eps", "0"]),
    ("check_grads rng a word", lambda d: check_grads(_square, (X3,), rng="seed"), ["rng"]),
    ("check_grads atol inf", lambda d: check_grads(_square, (X3,), atol=np.inf),
     ["atol", "inf"]),
    ("check_grads an inf argument", lambda d: check_grads(_square, (np.array([np.inf, 0.0,
                                                                               1.0]),)),
     ["inf"]),
    ("check_grads fun returning inf", lambda d: check_grads(lambda x: ad.sum(x) * np.inf,
                                                            (X3,)), ["fun"]),
    ("hvp v a string", lambda d: hvp(_square, X3, "v"), ["v"]),
    ("hvp v None", lambda d: hvp(_square, X3, None), ["v", "None"]),
    ("hvp fun returning inf", lambda d: hvp(lambda x: ad.sum(x * x) * np.inf, X3, X3), ["fun"]),
    ("hvp fun an int", lambda d: hvp(3, X3, X3), ["fun", "3"]),
]

META_CASES = [
    ("ridge_head lam a one-element list", lambda d: ridge_head(*_features(), [0.1]), ["lam"]),
    ("ridge_fit lam a string", lambda d: ridge_fit(*_features(), "0.1"), ["lam", "0.1"]),
    ("with_bias of None", lambda d: with_bias(None), ["features", "None"]),
    ("softmax_head lam inf", lambda d: softmax_head(*_features(), np.inf), ["lam", "inf"]),
    ("softmax_head_logits phi_query of another width", lambda d: softmax_head_logits(
        *_features(), np.ones((2, 3, 5)), 0.1), ["phi_query", "(2, 3, 5)"]),
    ("r2d2 scale a string", lambda d: r2d2_logits(_features()[0], _features()[1],
                                                 _features()[0], 0.1, scale="10"),
     ["scale", "10"]),
    ("r2d2 phi_query None", lambda d: r2d2_logits(_features()[0], _features()[1], None, 0.1),
     ["phi_query", "None"]),
    ("inner_sgd first_order 'yes'", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, first_order="yes"), ["first_order", "yes"]),
    ("inner_sgd inner_lr a list", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=[0.01],
        inner_steps=1), ["inner_lr"]),
    ("meta_loss batch a plain tuple", lambda d: meta_loss(
        _p(), tuple(_as_fields(_b())), _m(), inner_lr=0.01, inner_steps=1), ["batch"]),
    ("meta_grad x_support with inf", lambda d: meta_grad(
        _p(), _batch_with(x_support=np.full((2, 5, 1), np.inf)), _m(), inner_lr=0.01,
        inner_steps=1), ["x_support"]),
    ("meta_grad a loss returning a string", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=lambda p, y: "small"), ["loss"]),
    ("anil_meta_loss inner_lr 0", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0, inner_steps=1), ["inner_lr", "0"]),
    ("closed_form_meta_loss scale NaN", lambda d: closed_form_meta_loss(
        _p()[:-2], _b(), _m(), lam=0.1, scale=np.nan), ["scale", "nan"]),
    ("reptile_step inner_steps 0", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=0, meta_lr=0.1), ["inner_steps", "0"]),
    ("reptile_direction theta_T one array short", lambda d: reptile_direction(
        _p(), per_task(_p(), 2)[:-1]), ["theta_T"]),
    ("fine_tune_tasks loss None", lambda d: fine_tune_tasks(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=None), ["loss", "None"]),
    ("subset_indices rng None", lambda d: subset_indices(None, 2, 5, 2), ["rng", "None"]),
    ("subset_indices n_support 2.5", lambda d: subset_indices(_rng(), 2, 2.5, 2),
     ["n_support", "2.5"]),
    ("meta_gradient_norms Ks a string", lambda d: meta_gradient_norms(
        _p(), _b(), _m(), "1", [0.01]), ["Ks"]),
    ("divergence_map inner_lrs with a negative", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [1], [0.01, -0.01], n_steps=2, meta_batch=2),
     ["inner_lrs", "-0.01"]),
    ("from_theta0 inner_lr a string", lambda d: _first(adapt.from_theta0(
        _p(), _b(), _m(), inner_lr="0.01", loss=mse)), ["inner_lr", "0.01"]),
    ("adapt.curve n_steps 1.5", lambda d: adapt.curve(*_maml(), _batch(), 1.5),
     ["n_steps", "1.5"]),
    ("adapt.predict state None", lambda d: adapt.predict(_maml()[0], None, _batch(), 1),
     ["state", "None"]),
    ("multitask_loss heads with NaN", lambda d: multitask_loss(
        _p()[:-2], [np.full((2, 8, 1), np.nan), np.zeros((2, 1))], _b().x_support,
        _b().y_support, _m()), ["heads"]),
    ("newton_solve tol inf", lambda d: newton_solve(*_features(), 0.1, tol=np.inf),
     ["tol", "inf"]),
    ("softmax_head_unrolled n_steps -1", lambda d: softmax_head_unrolled(*_features(), 0.1, -1),
     ["n_steps", "-1"]),
    ("check_update max_norm NaN", lambda d: check_update(
        1.0, [np.ones(2)], step=0, advice="lower meta_lr", max_norm=np.nan),
     ["max_norm", "nan"]),
    ("check_step step negative", lambda d: check_step(
        {"params": [np.ones(2)]}, {"params": [np.ones(2)]}, 1.0, step=-1,
        advice="lower meta_lr"), ["step", "-1"]),
    ("step_advice config None", lambda d: step_advice(None), ["config", "None"]),
    ("inner_advice inner_steps -1", lambda d: inner_advice(-1, 0.01), ["inner_steps", "-1"]),
    ("grad_norm of a string", lambda d: grad_norm("big"), ["grads"]),
    ("first_step_change batch None", lambda d: first_step_change(_p(), None, _m()),
     ["batch", "None"]),
    ("sharpness seed a string", lambda d: sharpness(_p(), _b(), _m(), seed="0"), ["seed"]),
    ("uses_low_rank params None", lambda d: uses_low_rank(None, _b(), _m()),
     ["params", "None"]),
    ("pooled_loss y of other points", lambda d: pooled_loss(
        _p(), _b().x_support, np.ones((2, 4, 1)), _m(), loss=mse), ["y"]),
]


def _as_fields(batch):
    return [getattr(batch, k) for k in ("x_support", "y_support", "x_query", "y_query")]


STRATEGY_CASES = [
    ("maml meta_lr a float32 NaN", lambda d: make_strategy("maml", meta_lr=np.float32(np.nan)),
     ["meta_lr", "nan"]),
    ("reptile meta_lr inf", lambda d: make_strategy("reptile", meta_lr=np.inf), ["meta_lr", "inf"]),
    ("reptile inner_steps an int32 0", lambda d: make_strategy("reptile",
                                                               inner_steps=np.int32(0)),
     ["inner_steps", "0"]),
    ("anil a loss keyword", lambda d: make_strategy("anil", loss=mse), ["loss"]),
    ("closed_form lam inf", lambda d: make_strategy("closed_form", lam=np.inf), ["lam", "inf"]),
    ("r2d2 on clusters scale 0.0", lambda d: make_strategy("r2d2", "clusters", scale=0.0),
     ["scale", "0.0"]),
    ("newton_head on clusters n_query 0", lambda d: make_strategy("newton_head", "clusters",
                                                                  n_query=0),
     ["n_query", "0"]),
    ("subset subset_size 2.0", lambda d: make_strategy("subset", subset_size=2.0),
     ["subset_size", "2.0"]),
    ("multitask head_inner_lr inf", lambda d: make_strategy("multitask", head_inner_lr=np.inf),
     ["head_inner_lr", "inf"]),
    ("multitask lam NaN", lambda d: make_strategy("multitask", lam=np.nan), ["lam", "nan"]),
    ("pretrained meta_lr a string", lambda d: make_strategy("pretrained", meta_lr="1e-3"),
     ["meta_lr", "1e-3"]),
    ("scratch meta_batch a list", lambda d: make_strategy("scratch", meta_batch=[2]),
     ["meta_batch"]),
    ("maml on linear n_support a uint8 0", lambda d: make_strategy("maml", "linear",
                                                                   n_support=np.uint8(0)),
     ["n_support", "0"]),
    ("update step -1", lambda d: _fresh()[0].update(_fresh()[1], _batch(), _rng(), -1),
     ["step", "-1"]),
    ("update rng None", lambda d: _fresh()[0].update(_fresh()[1], _batch(), None, 0),
     ["rng", "None"]),
    ("sample_batch state None", lambda d: _maml()[0].sample_batch(_rng(), None),
     ["state", "None"]),
    ("update a batch of two-input points", lambda d: _fresh()[0].update(
        _fresh()[1], _batch_with(x_support=np.ones((2, 5, 2))), _rng(), 0), ["x_support"]),
    ("init_state rng True", lambda d: _maml()[0].init_state(True), ["rng", "True"]),
    ("reptile adaptation with NaN support targets", lambda d: _first(make_strategy(
        "reptile", meta_batch=2).adaptation(make_strategy("reptile", meta_batch=2).init_state(
            _rng()), _batch_with(y_support=np.full((2, 5, 1), np.nan)))), ["y_support"]),
    ("reptile outer_step_size step -1", lambda d: make_strategy(
        "reptile", n_steps=10).outer_step_size(-1), ["step", "-1"]),
    ("multitask initial_head state None", lambda d: make_strategy(
        "multitask", meta_batch=2, n_train_tasks=4).initial_head(None, _batch()),
     ["state", "None"]),
    ("configure MAML inner_lr a word", lambda d: configure(MAML, hyper={"inner_lr": "x"}),
     ["inner_lr"]),
    ("field_type of a string", lambda d: field_type("inner_lr"), ["field"]),
    ("hyperparameters of a misspelt name", lambda d: hyperparameters("mamll"), ["mamll"]),
    ("describe None", lambda d: describe(None), ["strategy", "None"]),
    ("draw_tasks rng an int", lambda d: draw_tasks(_maml()[0], 42), ["rng", "42"]),
    ("strategy_from_config inner_lr NaN", lambda d: strategy_from_config(_record_with(
        lambda r: r["hyperparameters"].__setitem__("inner_lr", float("nan")))), ["inner_lr"]),
    ("strategy_from_config record None", lambda d: strategy_from_config(None),
     ["record", "None"]),
    ("compare.build meta_steps 0", lambda d: compare.build("maml", "sinusoid", 0),
     ["meta_steps", "0"]),
    ("fits_at_step_0 None", lambda d: compare.fits_at_step_0(None), ["strategy", "None"]),
    ("compare_subset.variant subset_size 0", lambda d: compare_subset.variant(0),
     ["subset_size", "0"]),
    ("points_per_step of a name", lambda d: compare_subset.points_per_step("maml"),
     ["strategy"]),
    ("with_step_size negative", lambda d: omniglot_compare.with_step_size(_maml()[0], -0.1),
     ["step_size", "-0.1"]),
]

EVALUATE_CASES = [
    ("evaluate n_tasks True", lambda d: _evaluate_call(n_tasks=True), ["n_tasks", "True"]),
    ("evaluate with a closed_form state for MAML", lambda d: _evaluate_call(
        state=_closed_form_state()), ["state"]),
    ("evaluate chunk_size 2.5", lambda d: _evaluate_call(chunk_size=2.5),
     ["chunk_size", "2.5"]),
    ("evaluate n_query NaN", lambda d: _evaluate_call(n_query=np.nan), ["n_query", "nan"]),
    ("select candidates with a negative", lambda d: _select(candidates=[0.01, -0.01]),
     ["candidates", "-0.01"]),
    ("select candidates with inf", lambda d: _select(candidates=[0.01, np.inf]),
     ["candidates", "inf"]),
    ("select seed a string", lambda d: _select(seed="11"), ["seed", "11"]),
    ("select n_support 0", lambda d: _select(n_support=0), ["n_support", "0"]),
    ("held_out_tasks family None", lambda d: held_out_tasks(None, 2, 5, 5), ["family", "None"]),
    ("held_out_tasks n_support 2.5", lambda d: held_out_tasks(Sinusoid(), 2, 2.5, 5),
     ["n_support", "2.5"]),
    ("interval values with NaN", lambda d: interval(np.array([1.0, np.nan, 2.0])),
     ["values"]),
    ("format_interval half_width a string", lambda d: format_interval(0.5, "0.1"),
     ["half_width"]),
    ("format_result half_width None", lambda d: format_result(0.5, None),
     ["half_width", "None"]),
    ("recorded_curve n_steps a string", lambda d: recorded_curve(*_maml(), _batch(), "1"),
     ["n_steps", "1"]),
    ("with_test_time inner_lr inf", lambda d: with_test_time(_maml()[0], inner_lr=np.inf),
     ["inner_lr", "inf"]),
    ("train seed 1.5", lambda d: train(make_strategy("maml", meta_batch=2), 1, 1.5),
     ["seed", "1.5"]),
    ("train history a set", lambda d: train(make_strategy("maml", meta_batch=2), 1, 0,
                                         history=set()), ["history"]),
    ("train checkpoint_every 2.5", lambda d: train(make_strategy("maml", meta_batch=2), 1, 0,
                                                  checkpoint=d / "e.npz", checkpoint_every=2.5),
     ["checkpoint_every", "2.5"]),
    ("train progress taking no argument", lambda d: train(
        make_strategy("maml", meta_batch=2), 1, 0, progress=lambda: None), ["progress"]),
    ("train n_steps NaN", lambda d: train(make_strategy("maml", meta_batch=2), np.nan, 0),
     ["n_steps", "nan"]),
    ("step_rng step -1", lambda d: step_rng(0, -1), ["step", "-1"]),
    ("batch_floats n_points -3", lambda d: batch_floats(_maml()[0], n_points=-3),
     ["n_points", "-3"]),
    ("compare.run an unknown family", lambda d: compare.run(
        "circles", {"maml": 1}, strategies=("maml",), val_tasks=4, test_tasks=4, max_steps=1),
     ["circles"]),
    ("compare.run test_tasks 0", lambda d: compare.run(
        "sinusoid", {"maml": 1}, strategies=("maml",), val_tasks=4, test_tasks=0, max_steps=1),
     ["test_tasks", "0"]),
    ("compare.rows of None", lambda d: compare.rows(None), ["results"]),
]

CHECKPOINT_CASES = [
    ("save a state leaf with inf", lambda d: _save(d, state={"w": np.array([1.0, np.inf])}),
     ["state/w", "inf"]),
    ("save meta_losses None", lambda d: _save(d, meta_losses=None), ["meta_losses", "None"]),
    ("save config with a set value", lambda d: _save(d, config={"s": {1, 2}}), ["config"]),
    ("save config with an array value", lambda d: _save(d, config={"w": np.ones(2)}),
     ["config"]),
    ("save step 2**63", lambda d: _save(d, step=2 ** 63), ["step", str(2 ** 63)]),
    ("save path with a trailing slash", lambda d: _save(d, path=str(d / "x.npz") + "/"),
     ["x.npz/"]),
    ("save changes a dict", lambda d: _save(d, changes={"inner_lr": 0.1}), ["changes"]),
    ("load meta/changes not JSON", lambda d: load_checkpoint(_damaged(
        d, "chg", _set("meta/changes", np.array("{oops")))), ["meta/changes"]),
    ("load adam t -1", lambda d: load_checkpoint(_damaged(
        d, "tneg", _set("state/adam/t", np.array(-1)))), ["state/adam/t", "-1"]),
    ("restore root an empty string", lambda d: restore(_good(d), root=""), ["root"]),
    ("unflatten a key with an empty part", lambda d: unflatten({"a//b": np.ones(1)}),
     ["a//b"]),
    ("unflatten None", lambda d: unflatten(None), ["flat", "None"]),
    ("flatten prefix None", lambda d: flatten({"w": np.ones(1)}, prefix=None),
     ["prefix", "None"]),
    ("check_state adam m of another shape", lambda d: check_state(
        {**_maml()[1], "adam": {**_maml()[1]["adam"], "m": [np.ones((2, 2))]
                                + list(_maml()[1]["adam"]["m"][1:])}}, _maml()[0]), ["m"]),
    ("exclusive path None", lambda d: exclusive(None).__enter__(), ["path", "None"]),
    ("upgrade_state flat None", lambda d: upgrade_state(MAML, None), ["flat", "None"]),
    ("load a second moment negative", lambda d: load_checkpoint(_damaged(
        d, "vneg", _set("state/adam/v/0", -np.ones((1, 40))))), ["state/adam/v/0"]),
    ("check_checkpoint_path name a list", lambda d: check_checkpoint_path(
        d / "a.npz", name=["x"]), ["name"]),
]

NN_CASES = [
    ("MLP an input of size 0", lambda d: MLP((0, 8, 1)), ["sizes", "0"]),
    ("MLP batch_norm None", lambda d: MLP((1, 8, 1), batch_norm=None), ["batch_norm", "None"]),
    ("MLP activation padded", lambda d: MLP((1, 8, 1), activation="tanh "),
     ["activation", "tanh "]),
    ("MLP init rng None", lambda d: MLP((1, 8, 1)).init(None), ["rng", "None"]),
    ("MLP apply params of another model", lambda d: MLP((1, 8, 1)).apply(
        _net()[1], np.ones((5, 1))), ["params"]),
    ("MLP apply x with inf", lambda d: _net()[0].apply(_net()[1], np.full((5, 1), np.inf)),
     ["x", "inf"]),
    ("MLP body x None", lambda d: _net()[0].body(_net()[1][:-2], None), ["x", "None"]),
    ("MLP head head_params None", lambda d: _net()[0].head(None, np.ones((5, 4))),
     ["head_params", "None"]),
    ("MLP forward_with linear an int", lambda d: _net()[0].forward_with(
        _net()[1], np.ones((5, 1)), 3), ["linear", "3"]),
    ("per_task n_tasks 2.5", lambda d: per_task(_net()[1], 2.5), ["n_tasks", "2.5"]),
    ("per_task params None", lambda d: per_task(None, 2), ["params", "None"]),
    ("split of an empty list", lambda d: split([]), ["params"]),
    ("adam beta1 NaN", lambda d: _adam(beta1=np.nan), ["beta1", "nan"]),
    ("adam eps a string", lambda d: _adam(eps="1e-8"), ["eps", "1e-8"]),
    ("adam state t a string", lambda d: _adam(state={**adam_init(_net()[1]), "t": "0"}),
     ["t"]),
    ("adam state m with inf", lambda d: _adam(state={**adam_init(_net()[1]), "m": [
        np.full_like(p, np.inf) for p in _net()[1]]}), ["m"]),
    ("adam_rows rows None", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                                [np.ones((1, 2))], None, 1e-3),
     ["rows", "None"]),
    ("adam_rows beta1 1.5", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                                [np.ones((1, 2))], [0], 1e-3, beta1=1.5),
     ["beta1", "1.5"]),
    ("adam_init of an int", lambda d: adam_init(3), ["params", "3"]),
    ("check_adam values 'yes'", lambda d: check_adam(
        _net()[1], [np.ones_like(p) for p in _net()[1]], adam_init(_net()[1]), 1e-3, 0.9,
        0.999, 1e-8, values="yes"), ["values", "yes"]),
    ("batch_norm eps 0", lambda d: batch_norm(np.ones((4, 3)), eps=0), ["eps", "0"]),
    ("batch_norm h a string", lambda d: batch_norm("h"), ["h"]),
    ("finn_init sizes of one number", lambda d: finn_init(_rng(), (784,)), ["sizes"]),
    ("finn_init rng an int", lambda d: finn_init(0, (784, 64, 5)), ["rng", "0"]),
]


def _sp():
    return Sinusoid().sample_params(_rng(), 2)


TASK_CASES = [
    ("sinusoid phase with NaN", lambda d: Sinusoid(phase=(0.0, np.nan)), ["phase", "nan"]),
    ("sinusoid amplitude up to inf", lambda d: Sinusoid(amplitude=(0.1, np.inf)),
     ["amplitude", "inf"]),
    ("sinusoid x_range of one point", lambda d: Sinusoid(x_range=(2.0, 2.0)), ["x_range"]),
    ("linear noise inf", lambda d: LinearRegression(noise=np.inf), ["noise", "inf"]),
    ("linear scale a string", lambda d: LinearRegression(scale="1"), ["scale", "1"]),
    ("clusters spread inf", lambda d: GaussianClusters(spread=np.inf), ["spread", "inf"]),
    ("clusters n_way 0", lambda d: GaussianClusters(n_way=0), ["n_way", "0"]),
    ("frequency range up to inf", lambda d: SinusoidFrequency(frequency=(0.5, np.inf)),
     ["frequency", "inf"]),
    ("sample_params n_tasks 0", lambda d: Sinusoid().sample_params(_rng(), 0), ["n_tasks", "0"]),
    ("sample_params rng None", lambda d: Sinusoid().sample_params(None, 2), ["rng", "None"]),
    ("linear target x with inf", lambda d: LinearRegression().target(
        LinearRegression().sample_params(_rng(), 2), np.full((2, 5, 1), np.inf)), ["x", "inf"]),
    ("sample_x n_points -1", lambda d: Sinusoid().sample_x(_rng(), _sp(), -1),
     ["n_points", "-1"]),
    ("linear make_batch n_query 0", lambda d: LinearRegression().make_batch(
        _rng(), LinearRegression().sample_params(_rng(), 2), 5, 0), ["n_query", "0"]),
    ("mse pred None", lambda d: mse(None, np.ones((2, 5, 1))), ["pred", "None"]),
    ("cross_entropy of other classes", lambda d: cross_entropy(
        np.zeros((2, 4, 3)), np.eye(5)[np.zeros((2, 4), int)]), ["(2, 4, 3)", "(2, 4, 5)"]),
    ("cross_entropy y_onehot a string", lambda d: cross_entropy(np.zeros((2, 4, 3)), "abc"),
     ["y_onehot"]),
    ("accuracy y_onehot None", lambda d: accuracy(np.zeros((2, 4, 3)), None),
     ["y_onehot", "None"]),
    ("TaskBatch x_query None", lambda d: TaskBatch(np.ones((2, 5, 1)), np.ones((2, 5, 1)), None,
                                                   np.ones((2, 5, 1))), ["x_query", "None"]),
    ("TaskBatch y_support with inf", lambda d: TaskBatch(
        np.ones((2, 5, 1)), np.full((2, 5, 1), np.inf), np.ones((2, 5, 1)),
        np.ones((2, 5, 1))), ["y_support", "inf"]),
    ("make_family linear noise a string", lambda d: make_family("linear", noise="0.1"),
     ["noise", "0.1"]),
    ("make_family clusters spread 0", lambda d: make_family("clusters", spread=0),
     ["spread", "0"]),
    ("sinusoid check_shots n_query 0", lambda d: Sinusoid().check_shots(5, 0), ["n_query", "0"]),
    ("a user family whose target returns NaN", lambda d: _nan_target_family().sample(
        _rng(), 2, 5, 5), ["target"]),
]

SAMPLER_CASES = [
    ("exponential rate a string", lambda d: exponential(rate="1"), ["rate", "1"]),
    ("cauchy scale NaN", lambda d: cauchy(scale=np.nan), ["scale", "nan"]),
    ("logistic loc inf", lambda d: logistic(loc=np.inf), ["loc", "inf"]),
    ("weibull shape 0", lambda d: weibull(0.0), ["shape", "0"]),
    ("pareto alpha None", lambda d: pareto(None), ["alpha", "None"]),
    ("laplace loc a vector", lambda d: laplace(loc=np.array([0.0, 1.0])), ["loc"]),
    ("discrete p of objects", lambda d: DiscreteInverseCDF(np.array([0.5, 0.5], dtype=object)),
     ["p"]),
    ("discrete ppf NaN", lambda d: DiscreteInverseCDF([0.3, 0.3, 0.4]).ppf(np.nan),
     ["u", "nan"]),
    ("discrete piece_of u 1.5", lambda d: DiscreteInverseCDF([0.5, 0.5]).piece_of(1.5),
     ["u", "1.5"]),
    ("discrete from_uniforms_guided u negative", lambda d: DiscreteInverseCDF(
        [0.5, 0.5]).from_uniforms_guided(np.array([-0.1, 0.5])), ["u", "-0.1"]),
    ("discrete rvs random_state a word", lambda d: DiscreteInverseCDF([0.5, 0.5]).rvs(
        3, random_state="x"), ["random_state"]),
    ("discrete sample size 3.0", lambda d: DiscreteInverseCDF([0.5, 0.5]).sample(3.0, _rng()),
     ["size", "3.0"]),
    ("check_probabilities name an int", lambda d: check_probabilities([0.5, 0.5], name=3),
     ["name", "3"]),
    ("from_ppf cdf an int", lambda d: ContinuousInverseCDF.from_ppf(stats.norm.ppf, cdf=3),
     ["cdf", "3"]),
    ("from_density pdf a number", lambda d: ContinuousInverseCDF.from_density(3.0), ["pdf"]),
    ("from_density pdf returning text", lambda d: ContinuousInverseCDF.from_density(
        lambda x: np.full(np.shape(x), "a")), ["pdf"]),
    ("from_density u_resolution 1.0", lambda d: ContinuousInverseCDF.from_density(
        stats.norm.pdf, u_resolution=1.0), ["u_resolution", "1.0"]),
    ("continuous from_uniforms with a NaN", lambda d: laplace().from_uniforms(
        np.array([[0.1, np.nan]])), ["u"]),
    ("continuous rvs size with a fraction", lambda d: laplace().rvs(size=(2, 2.5),
                                                                          random_state=0), ["size"]),
    ("continuous u_error sample_size None", lambda d: laplace().u_error(sample_size=None),
     ["sample_size", "None"]),
    ("grid n -5", lambda d: grid_inverse_cdf(stats.norm.pdf, 0.0, 1.0, n=-5), ["n", "-5"]),
    ("grid lo a string", lambda d: grid_inverse_cdf(stats.norm.pdf, "0", 1.0), ["lo", "0"]),
    ("metropolis step_size NaN", lambda d: _metropolis(step_size=np.nan), ["step_size", "nan"]),
    ("metropolis target_acceptance 1.5", lambda d: _metropolis(target_acceptance=1.5),
     ["target_acceptance", "1.5"]),
    ("metropolis n_warmup 2.5", lambda d: _metropolis(n_warmup=2.5), ["n_warmup", "2.5"]),
    ("metropolis log_density returning text", lambda d: _metropolis(
        log_density=lambda x: np.array(["a"] * len(x))), ["log_density"]),
    ("optimal_acceptance dim a string", lambda d: optimal_acceptance("2"), ["dim", "2"]),
    ("split_rhat draws with NaN", lambda d: split_rhat(_nan_like(np.ones((4, 20)) + np.arange(
        20), (0, 3))), ["draws"]),
    ("ess_bulk draws with inf", lambda d: ess_bulk(np.where(np.eye(4, 50) > 0, np.inf, 1.0)
                                                + np.arange(50.0)), ["draws"]),
    ("mcse_mean draws of text", lambda d: mcse_mean(np.array([["a", "b"]] * 4)), ["draws"]),
    ("quantile_type7 prob NaN", lambda d: quantile_type7(np.arange(10.0), np.nan),
     ["prob", "nan"]),
    ("transition matrix Q with negative entries", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], [[1.5, -0.5], [-0.5, 1.5]]), ["Q"]),
    ("transition matrix p with NaN", lambda d: metropolis_transition_matrix(
        [0.5, np.nan], [[0.5, 0.5], [0.5, 0.5]]), ["p"]),
    ("pooled_total_variation edges unsorted", lambda d: pooled_total_variation(
        np.zeros((2, 10)), np.array([1.0, -1.0, 0.0]), stats.norm.cdf), ["edges"]),
    ("bin_masses a decreasing cdf", lambda d: bin_masses(
        np.linspace(-1, 1, 5), lambda x: 1 - stats.norm.cdf(x)), ["cdf"]),
    ("noise_floor n 0", lambda d: noise_floor(0, 2, laplace(), np.linspace(-1, 1, 5),
                                              stats.laplace.cdf, _rng()), ["n", "0"]),
    ("integrate f returning NaN", lambda d: integrate(lambda x: x * np.nan, 0.0, 1.0), ["f"]),
    ("peak of other lengths", lambda d: peak(np.array([0.5, 1.0, 2.0]), np.array([1.0, 2.0])),
     ["ess"]),
    ("fixed_step_chains steps 0", lambda d: fixed_step_chains(1, np.array([1.0]), 2, 0, _rng()),
     ["steps", "0"]),
    ("acceptance_1d h a string", lambda d: acceptance_1d("1"), ["h"]),
    ("check_domain one end", lambda d: check_domain((0.0,)), ["domain"]),
    ("find_center a above b", lambda d: find_center(stats.norm.pdf, 5.0, 1.0), ["5.0", "1.0"]),
]

TESTING_CASES = [
    ("dkw n 2.5", lambda d: testing.dkw_epsilon(2.5), ["n", "2.5"]),
    ("dkw n a string", lambda d: testing.dkw_epsilon("100"), ["n", "100"]),
    ("smallest_detectable beta 1.0", lambda d: testing.smallest_detectable(100, beta=1.0),
     ["beta", "1.0"]),
    ("smallest_detectable n NaN", lambda d: testing.smallest_detectable(np.nan), ["n", "nan"]),
    ("draws_needed discrepancy 0", lambda d: testing.draws_needed(0.0), ["discrepancy", "0"]),
    ("draws_needed beta negative", lambda d: testing.draws_needed(0.01, beta=-0.1),
     ["beta", "-0.1"]),
    ("ks_distance cdf returning NaN", lambda d: testing.ks_distance(
        [0.1, 0.2], lambda x: np.asarray(x) * np.nan), ["cdf"]),
    ("ks_distance samples with inf", lambda d: testing.ks_distance([0.1, np.inf],
                                                                   stats.norm.cdf),
     ["samples"]),
    ("two_sample_distance x a 0-d array", lambda d: testing.two_sample_distance(
        np.array(1.0), [1.0, 2.0]), ["x"]),
    ("two_sample_distance y a string", lambda d: testing.two_sample_distance([1.0], "ab"),
     ["y"]),
    ("chi_square_pvalue counts all zero", lambda d: testing.chi_square_pvalue([0, 0],
                                                                              [0.5, 0.5]),
     ["counts"]),
    ("chi_square_pvalue p a string", lambda d: testing.chi_square_pvalue([3, 4], "pp"), ["p"]),
    ("chi_square_power p with NaN", lambda d: testing.chi_square_power([0.5, np.nan], [0.4, 0.6],
                                                                       100), ["p"]),
    ("monotone a ppf returning NaN", lambda d: testing.assert_monotone(
        lambda u: np.asarray(u) * np.nan, [0.1, 0.5, 0.9]), ["ppf"]),
    ("inverts u_resolution inf", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, [0.1, 0.5], np.inf), ["u_resolution", "inf"]),
    ("cdf_matches samples 2-D", lambda d: testing.assert_cdf_matches(
        [[0.1, 0.2], [0.3, 0.4]], stats.norm.cdf), ["samples"]),
    ("labels p with NaN", lambda d: testing.assert_labels_match([0, 1], [0.5, np.nan]), ["p"]),
    ("same_distribution y of text", lambda d: testing.assert_same_distribution(
        [1.0, 2.0], ["a", "b"]), ["y"]),
    ("same_distribution x with NaN", lambda d: testing.assert_same_distribution(
        [1.0, np.nan], [1.0, 2.0]), ["x"]),
    ("density student_t df -1", lambda d: densities.student_t(-1.0), ["df", "-1"]),
    ("density beta b inf", lambda d: densities.beta(1.0, np.inf), ["b", "inf"]),
    ("density normal_mixture locs of another length", lambda d: densities.normal_mixture(
        [0.5, 0.5], [0.0, 1.0, 2.0], [1.0, 1.0]), ["locs"]),
    ("density uniform reversed", lambda d: densities.uniform(1.0, 0.0), ["1.0", "0.0"]),
    ("density pareto alpha 0", lambda d: densities.pareto(0.0), ["alpha", "0"]),
    ("density steps heights of another length", lambda d: densities.steps([0.0, 1.0, 2.0],
                                                                          [1.0]), ["heights"]),
    ("density laplace loc NaN", lambda d: densities.laplace(loc=np.nan), ["loc", "nan"]),
    ("strategy probability_vectors max_size below min_size", lambda d: _example(
        _strategies().probability_vectors(min_size=5, max_size=2)), ["max_size"]),
    ("strategy symmetric_proposals n a string", lambda d: _example(
        _strategies().symmetric_proposals("3")), ["n", "3"]),
    ("strategy known_densities kinds None", lambda d: _example(
        _strategies().known_densities(kinds=None)), ["kinds", "None"]),
]

OMNIGLOT_CASES = [
    ("family split an int", lambda d: Omniglot(5, split=1, data=_data()), ["split", "1"]),
    ("family rotate NaN", lambda d: Omniglot(5, data=_data(), rotate=np.nan), ["rotate", "nan"]),
    ("family n_validation inf", lambda d: Omniglot(5, data=_data(), n_validation=np.inf),
     ["n_validation", "inf"]),
    ("family n_train 0", lambda d: Omniglot(5, data=_data(), n_train=0), ["n_train", "0"]),
    ("family dtype None", lambda d: Omniglot(5, data=_data(), dtype=None), ["dtype", "None"]),
    ("family make_batch n_support 5.5", lambda d: _family().make_batch(
        _rng(), _family().sample_params(_rng(), 1), 5.5, 5), ["n_support", "5.5"]),
    ("family sample n_query 0", lambda d: _family().sample(_rng(), 2, 5, 0), ["n_query", "0"]),
    ("family sample rng a seed sequence", lambda d: _family().sample(
        np.random.SeedSequence(0), 2, 5, 5), ["rng"]),
    ("family make_batch task_params None", lambda d: _family().make_batch(_rng(), None, 5, 5),
     ["task_params", "None"]),
    ("family sample_params n_tasks -1", lambda d: _family().sample_params(_rng(), -1),
     ["n_tasks", "-1"]),
    ("load a root with one zip of two", lambda d: omniglot.load(
        _one_zip_root(d), cache_dir=d / "cache", progress=False), ["images_evaluation"]),
    ("fetch part a name", lambda d: omniglot.fetch("images_background", d, progress=False),
     ["part"]),
    ("content_hash of None", lambda d: omniglot.content_hash(None), ["members"]),
    ("finn_split alphabets None", lambda d: finn_split(None, _data().characters),
     ["alphabets", "None"]),
    ("finn_split characters one short", lambda d: finn_split(
        _data().alphabets, _data().characters[:-1]), ["characters"]),
    ("check_shots more than 20 drawings a class", lambda d: check_shots(5, 2, 100, 5),
     ["n_support", "20"]),
    ("progress total NaN", lambda d: Progress("x", np.nan), ["total", "nan"]),
    ("progress unit None", lambda d: Progress("x", 3, unit=None), ["unit", "None"]),
    ("progress width 2.5", lambda d: Progress("x", 3, width=2.5), ["width", "2.5"]),
    ("progress advance 1.5", lambda d: Progress("x", 3, enabled=False).advance(1.5),
     ["n", "1.5"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("check_only a bare string", lambda d: figures.check_only("fig22_1"), ["only"]),
    ("check_only a stem twice", lambda d: figures.check_only(["fig22_1", "fig22_1"]),
     ["fig22_1"]),
    ("check_only a number", lambda d: figures.check_only([3]), ["3"]),
    ("check_out_dir name None", lambda d: figures.check_out_dir(d / "f", name=None),
     ["name", "None"]),
    ("default_out None", lambda d: figures.default_out(None), ["quick", "None"]),
    ("run_all only a set", lambda d: figures.run_all(
        d / "figs", quick=True, only={"fig22_1"}, progress=lambda line: None), ["only"]),
    ("run_all out_dir bytes", lambda d: figures.run_all(
        b"figs", quick=True, only=["fig22_1"], progress=lambda line: None), ["out_dir"]),
    ("style subplots an unknown size", lambda d: style.subplots(size="huge"),
     ["size", "huge"]),
    ("style subplots nrows 0", lambda d: style.subplots(nrows=0), ["nrows", "0"]),
    ("style save an empty name", lambda d: style.save(style.subplots()[0], d, ""), ["name"]),
    ("style save fig None", lambda d: style.save(None, d, "x"), ["fig", "None"]),
    ("run_all quick 1", lambda d: figures.run_all(
        d / "figs", quick=1, only=["fig22_1"], progress=lambda line: None), ["quick", "1"]),
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
    "reptile_step inner_steps 0": "not made invalid by the documentation: T = 0 inner steps is "
        "a degenerate Reptile step (theta_T = theta0, no move), not a wrong result",
    "compare.build meta_steps 0": "documented as valid: a strategy with nothing to learn takes "
        "0 meta-steps (compare.run), and build only passes the run's length on",
    "TaskBatch y_support with inf": "documented as valid at construction: TaskBatch is 'a plain "
        "record, checked by update and adapt'",
    "sinusoid check_shots n_query 0": "not made invalid by the documentation: check_shots refuses "
        "counts the family cannot draw, and a sinusoid can draw 0 query points",
    "monotone a ppf returning NaN": "not a bad input: the ppf is what assert_monotone tests, and "
        "an AssertionError naming u is its documented verdict on a failing ppf",
    "family dtype None": "not a bad input after all: NumPy takes dtype None as float64, the "
        "documented default",
    "TaskBatch x_query None": "documented as valid at construction (written, not kept): "
        "TaskBatch is 'a plain record, checked by update and adapt'",
    "make_family clusters spread 0": "not made invalid by the documentation (written, not "
        "kept): spread 0 puts every point on its centre, a trivial task, not a wrong one",
    "unflatten a key with an empty part": "not made invalid by the documentation (written, not "
        "kept): unflatten maps names to a tree faithfully; the checkpoint checks refuse names",
}


def _kept(cases):
    """Three cases of every five, in the order written, decided before any run."""
    kept = [c for i, c in enumerate(cases) if i % 5 not in (0, 2)]
    return [c for c in kept if c[0] not in DROPPED]


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    name = case[0]
    return ((group == "omniglot" and not name.startswith(("progress", "check_shots",
                                                          "content_hash", "fetch")))
            or "omniglot" in name)


# The cases not clear at 90594af (the measurement after round 4, blind to this battery),
# not fixed yet; strict, so a fix shows up as a failure to remove from this set.
# Not clear, decided valid after measurement (strict: a change shows up as a failure). Both
# still count as misses in the measurements above.
NOT_CLEAR_YET = {
    'step_advice config None': "decided valid: the trainer passes a user's strategy without "
                               "a config as None and gets generic advice (guard.step_advice's "
                               "docstring); other non-config values are refused",
    'family sample n_query 0': "decided valid: a support set only is what the pretrained "
                               "baseline draws from every family, Omniglot included "
                               "(Omniglot's docstring: n_query may be 0)",
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


def test_the_eleventh_battery_is_wide_and_new():
    assert len(ALL) >= 100
    names = [c[0] for cases in WRITTEN.values() for c in cases]
    assert len(names) == len(set(names))


def main():
    """``python tests/test_bad_inputs_eleventh.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
