"""A twelfth battery of bad inputs (issue 11's goal, measured again on a fresh, independent set).

``tests/test_bad_inputs_cli.py`` (its module docstring defines clear / unclear / silent / data
loss) is the classifier, through the eighth battery's shared ``classify_case`` (a 30 s limit per
case, after which a case still working is unclear; the figure modules stubbed; an environment
set for the case where it gives one). How the cases were written: from the user's side only
(``__all__`` and the public names of every module, the README, docstrings, signatures and
``--help``), without reading the library's check modules, the bodies of its validation code or
its history, and without sight of the fixes under way elsewhere. The ids and calls of every
earlier battery (``_cli``, ``_wider``, ``_third`` ... ``_eleventh``, the ``_audit_*``,
``_round*``, ``_fixes_*`` and sweep files: about 2,900 ids) were compared with these by a
token-overlap search, and the cases whose substance (function, argument, kind of bad value)
repeated one of theirs were removed or replaced before anything was run (e.g. ``make_family``
with a None amplitude, Omniglot ``download="yes"``, a SinusoidFrequency phase up to inf,
``--set inner_lr=Infinity``, ``--inner-lr nan`` and ``--steps -0.0``). The areas and kinds are
the eleventh's: train flags (hex, a thousands separator, e-notation, ``inf``, a whole float,
a percent sign), ``--set`` values for fomaml, reptile, subset, multitask, newton_head, r2d2,
closed_form, scratch and pretrained, a resume of a checkpoint with NaN meta-losses; evaluate
flags and checkpoints damaged anew (a NaN phase, ``first_order`` a word, a null activation,
``n_query`` -1, the class or the ``meta/strategy`` of another strategy, a two-number seed,
``batch_norm`` a word); compare's ``--query 0``, ``--seed -1``, ``--tasks nan``,
``--adapt-steps inf``; ``figures --only`` (a zero-padded stem, two stems in one argument, a
``.png`` name, a picture's name, ``fig22_0``, a hyphen for an underscore) and ``--out`` (a name
too long, the checkpoint file), stubbed; ``SCRATCHMETA_KEEP_FREED_MEMORY`` '2', 'yes', 'off',
'00', '1.0', '+1', 'on', '0x1', 'no'; memory thresholds a Fraction, a string, inf;
``one_blas_thread_unless_set`` of a frozenset; None, strings, bytes, sets, generators, bools,
0-d arrays and wrong shapes where numbers, arrays, Generators, configs or callables are meant;
NaN and inf in arguments and data; a user's loss, apply, sample_x, sample_params, ppf, pdf and
integrand that misbehave; and the less-used public helpers: ``ad.shape``, ``float_dtype``,
``reduced_axes``, ``kept_shape``, ``numpy_message``, ``variadic``, ``subset_batch``,
``subset_meta_loss``, ``meta_gradient_norm``, ``adapt.steps``/``after``/``sgd_path``,
``population_statistics``, ``ClosedForm.lam``, R2-D2's ``meta_loss``/``head_params``, the Newton
head's ``query_logits``, ``configure(config=...)``, ``compare.cell``, ``compare_subset.run``,
``compare_reproduction.score``/``table``, ``omniglot_compare.table_rows``/``load_run``,
``task_rng``, ``diverged_value``, ``as_seed``, ``check_same_run``, ``check_state_entries``,
``upgrade_config``, ``check_adam``, ``split_chains``, ``normal_scores``, ``ess_tail``,
``ess_mean``, ``diagnose``, ``check_symmetric_proposal``, ``total_variation``,
``walks_from_one_start``, ``integrate_many``, ``checked_density``, ``acceptance_limit``,
``step_size_sweep``, ``explore``, the hypothesis strategies, ``figures.add_arguments``/``main``,
``figures.compare.tasks_made_worse``, ``figures.exploding.norm_label``,
``figures.sampling_step_size.log_ticks``. Omniglot's ``root`` is ``omniglot_real.REAL_DATA``
(no download), decoded into the fifth battery's private cache; those cases skip without it.
Mentions: the argument's name as in the signature (or the CLI option, or the checkpoint entry),
and for a scalar, None or a string (library calls) the value's repr; for arrays, lists and dicts
naming the argument is enough.

Selection, blind, fixed before any run: 364 cases were written; in each area, in the order
written, the cases whose index i (from 0) has ``i % 5 not in (1, 3)`` were kept (three of every
five): 217. After the first run a kept case could only be dropped (never added or swapped), when
documented valid or wrong itself. First run, those 217, at commit aba3e3f: 186 clear (85.7%),
19 unclear, 11 silent, 1 data loss. Dropped after it (``DROPPED``): ``fomaml --inner-steps 0``
(nothing in the documentation asks for K >= 1; K = 0 is a degenerate first-order MAML step, as
the eleventh battery judged Reptile's T = 0) and the resume of a checkpoint whose inner_steps
is 0 (valid for the same reason; its "data loss" was the resume writing its checkpoint, as it
should). Corrected, the case being wrong, not the library: ``pretrained set meta_batch=1.5``
and ``closed_form set meta_batch=0`` (written, not kept) were given with the shared ``TRAIN``
flags, whose ``--meta-batch 2`` made the refusal "meta_batch is given twice"; they now leave
``--meta-batch`` out.

Measured against the code at commit aba3e3f: 215 cases, 187 clear (87.0%), 18 unclear (8.4%),
10 silent (4.7%), 0 data loss. By area (clear/unclear/silent/data loss): command line (train)
12/0/0/0 of 12, command line (evaluate, compare, subcommands) 10/0/1/0 of 11, command line
(figures) 4/1/0/0 of 5, environment (command line) 4/0/0/0 of 4, environment 4/0/0/0 of 4,
engine 12/2/2/0 of 16, gradcheck 6/0/0/0 of 6, Chapter 2's functions 16/1/4/0 of 21,
strategies 14/3/1/0 of 18, evaluate and train 11/3/2/0 of 16, checkpoints 11/0/0/0 of 11,
nn/optim/batchnorm 14/0/0/0 of 14, task families and losses 13/1/0/0 of 14, samplers 23/3/0/0
of 26, testing kit 18/0/0/0 of 18, Omniglot 11/1/0/0 of 12, figures helpers 4/3/0/0 of 7.
Not clear (kept cases), with what each gave:

* silent: ``evaluate`` of a checkpoint whose ``meta/strategy`` is "Reptile" under a MAML config
  (scored as MAML, no word); ``ad.shape("abc")``; ``numpy_message(None)``; ``multitask_loss``
  with a loss returning NaN; ``check_update(advice=None)``; ``step_advice(parts="params")``;
  ``inner_advice(1, nan)``; ``ClosedForm.lam`` of a state whose log_lam is NaN (returns NaN);
  ``check_same_run(path=3)``; ``compare.cell(evaluation, -1)`` (the last column);
* unclear: ``figures --out`` a 300-character name ("[Errno 36] File name too long", no
  ``--out``); ``ad.matmul("a", M2)`` (AttributeError 'shape'); ``ad.getitem(X3, (0, 0))``
  (IndexError, not ValueError/TypeError); ``pooled_loss`` with a loss returning a string (the
  engine's ``sum`` error, ``loss`` not named); R2-D2 ``meta_loss(params, None)``
  (AttributeError 'x_support'); the Newton head's ``query_logits`` with phi_query None ("got
  shape ()", not None); ``MAML(config=ReptileConfig)`` (AttributeError 'first_order');
  ``compare.cell(None, 0)`` (AttributeError 'mean'); ``compare_reproduction.table(None)``
  (AttributeError 'items'); ``omniglot_compare.table_rows(None)`` ("'NoneType' object is not
  subscriptable"); a user family whose sample_params returns text (names make_batch's
  ``task_params``, not ``sample_params``); ``check_symmetric_proposal(Q, 2.5)`` ("(N, N) = (2.5,
  2.5)", ``n`` not named); ``integrate_many(f, "rules")`` ("not enough values to unpack");
  ``peak`` of a NaN ``scaled`` (LinAlgError "SVD did not converge", LAPACK lines on stderr);
  ``omniglot.content_hash("members")`` (AttributeError 'items'); ``style.subplots(ncols=-1)``
  (matplotlib's "Number of columns"); ``norm_label("big")`` (NumPy's ufunc 'isfinite' error);
  ``log_ticks(ax, [])`` (IndexError).

All 362 written and not dropped (``python tests/test_bad_inputs_twelfth.py --written``): 306
clear (84.5%), 36 unclear (9.9%), 20 silent (5.5%), 0 data loss. Written and not kept, also not
clear: silent ``ad.cosh(1+2j)``, ``jvp`` with a NaN tangent, ``float_dtype("x")``,
``check_update(step="0")``, ``load_checkpoint`` of an extra entry ``state/params/-1``,
``check_state`` with Adam t -1, ``MLP({1, 8})``, ``MLP.apply`` of bool x,
``style.subplots(size=None)``, ``tasks_made_worse(..., -1)``; unclear ``inner_sgd`` with an apply
of the wrong shape (names mse's ``pred``), ``check_step`` with ``old`` a list, ``grad_norm``
and ``adam_update`` of a text leaf (NumPy's ufunc errors), ``uses_low_rank(params, None, m)``,
R2-D2 ``head_params`` of NaN phi_support (names ``features``), ``configure(config={...})``
(dataclasses' error), ``with_step_size(s, nan)`` (names ``inner_lr``), ``compare.run`` with
``progress="x"`` ("'str' object is not callable"), ``compare_reproduction.score`` with a
support of 0 (names ``n_support``), ``omniglot_compare.load_run`` of an empty folder
(FileNotFoundError), a user family whose sample_x returns NaN (names target's ``x``),
``piece_of(nan)`` (AttributeError), ``integrate_many`` with n -1 (NumPy's "deg must be a
positive integer"), ``explore(u_resolution=nan)`` (FloatingPointError), Omniglot ``metric`` of
None (names ``logits``), ``content_hash`` of a list, ``figures.main("--quick")`` (SystemExit
2). So a fresh battery is still below the goal of 95%: the command line for train and the
environment have no miss, evaluate and compare one silent case; the misses are, again, the
less-used helpers that take an object (an evaluation, results, a batch, a config, a state)
without checking it, callables of the user's that misbehave, and a few values that reach
NumPy, matplotlib or LAPACK unchecked. ``python tests/test_bad_inputs_twelfth.py`` prints the
rates by area (about 10 s; pytest 7 to 16 s). The battery's writer did not change the library.

Round 5 (the next session's fixes, made without sight of this file, so this is a blind
measurement of them): 201 of the 215 kept cases clear (93.5%), 9 unclear, 5 silent, 0 data
loss; 334 of the 362 written (92.3%). Still below 95%.

Round 6 fixed the 14 kept cases left and the written ones listed above, with sight of this file
(so no longer a blind measurement): all 215 kept and all 362 written are clear.
``NOT_CLEAR_YET`` is empty. The blind measurement of round 6 is the fourteenth battery.
"""

import itertools
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
import scratchmeta.autodiff.core as ad_core
from scratchmeta import figures, memory, testing
from scratchmeta.autodiff.more_ops import variadic
from scratchmeta.autodiff.numpy_interop import numpy_message
from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots, finn_split
from scratchmeta.datasets.progress import Progress
from scratchmeta.figures import style
from scratchmeta.figures import compare as fig_compare
from scratchmeta.figures import exploding as fig_exploding
from scratchmeta.figures import sampling_step_size as fig_step_size
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.meta import adapt, compare, compare_reproduction, compare_subset, omniglot_compare
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.baselines import pooled_loss
from scratchmeta.meta.checkpoint import (check_checkpoint_path, check_state, check_state_entries,
                                         flatten, load_checkpoint, restore)
from scratchmeta.meta.closed_form import ClosedForm, closed_form_meta_loss
from scratchmeta.meta.evaluate import (diverged_value, format_interval, held_out_tasks, interval,
                                       task_rng, with_test_time)
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norm, meta_gradient_norms
from scratchmeta.meta.guard import check_step, check_update, grad_norm, inner_advice, step_advice
from scratchmeta.meta.legacy import upgrade_config, upgrade_state
from scratchmeta.meta.maml import MAML, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.maml_low_rank import uses_low_rank
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.normalization import population_statistics
from scratchmeta.meta.protocol import configure, describe
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import make_family, make_strategy, strategy_from_config
from scratchmeta.meta.reptile import reptile_direction, reptile_step
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import (newton_solve, softmax_head, softmax_head_logits,
                                           softmax_head_unrolled)
from scratchmeta.meta.subset import subset_batch, subset_meta_loss
from scratchmeta.meta.training import as_seed, check_same_run, load_checkpoint as _load, train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, check_adam
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, diagnose, ess_bulk,
                                  ess_mean, ess_tail, grid_inverse_cdf, laplace, logistic,
                                  metropolis_transition_matrix, optimal_acceptance, pareto, weibull)
from scratchmeta.sampling.diagnostics import normal_scores
from scratchmeta.sampling.discrete import check_probabilities
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.sampling.mixing import (bin_masses, noise_floor, pooled_total_variation,
                                         walks_from_one_start)
from scratchmeta.sampling.quadrature import checked_density, integrate, integrate_many
from scratchmeta.sampling.step_size import fixed_step_chains, peak, step_size_sweep
from scratchmeta.sampling.tails import explore
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch, cross_entropy, mse
from scratchmeta.testing import densities
from scratchmeta.threads import one_blas_thread_unless_set

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import TRAIN, _damaged, _evaluate, _good, _set, _train, battery_main
from test_bad_inputs_fourth import X3, _maml, _once, _problem, _rng, _square
from test_bad_inputs_fifth import (_adam, _batch, _data, _evaluate_call, _example, _features,
                                   _metropolis, _net, _rows_state, _save, _select, _strategies)
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import M2, _compare, _fresh, _out
from test_bad_inputs_wider import _config

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"


# --- objects the cases use -------------------------------------------------------------------

def _fig(*extra):
    """figures, quick (the figure modules are stubbed by the classifier: nothing is drawn)."""
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
    """The small sinusoid batch (2 tasks, 5 + 5 points) with some of its arrays replaced."""
    b = _batch()
    fields = {k: getattr(b, k) for k in ("x_support", "y_support", "x_query", "y_query")}
    fields.update(arrays)
    return TaskBatch(**fields)


def _with_nan(a, where=(0, 0, 0)):
    a = np.array(a, dtype=float)
    a[where] = np.nan
    return a


def _strategy(name, family="sinusoid", **hyper):
    return make_strategy(name, family, meta_batch=2, **hyper)


def _state_of(name, family="sinusoid", **hyper):
    key = ("twelfth", name, family, tuple(sorted(hyper.items())))

    def make():
        s = _strategy(name, family, **hyper)
        return s, s.init_state(_rng())
    return _once(key, make)


def _clusters_batch():
    return GaussianClusters().sample(_rng(), 2, 5, 5)


def _record_with(change):
    record = describe(make_strategy("maml", meta_batch=2))
    change(record)
    return record


def _omniglot():
    return _once("omniglot12", lambda: Omniglot(5, data=_data()))


def _nan_x_family():
    class NanX(Sinusoid):
        def sample_x(self, rng, task_params, n_points):
            return super().sample_x(rng, task_params, n_points) * np.nan
    return NanX()


def _text_params_family():
    class TextParams(Sinusoid):
        def sample_params(self, rng, n_tasks):
            return np.full((n_tasks, 2), "a")
    return TextParams()


def _nan_loss_family():
    class NanLoss(Sinusoid):
        @staticmethod
        def loss(pred, y):
            return ad.sum(pred * 0.0) * np.nan
    return NanLoss()


def _hyper(name, value):
    return _config(lambda r: r["hyperparameters"].__setitem__(name, value))


def _model_arg(name, value):
    return _config(lambda r: r["model"]["arguments"].__setitem__(name, value))


def _family_arg(name, value):
    return _config(lambda r: r["family"]["arguments"].__setitem__(name, value))


def _eval_damaged(name, change):
    return _evaluate(lambda d: _damaged(d, name, change))


def _stored(folder, name, change):
    """A damaged copy of the good checkpoint, for library calls."""
    _good(folder)
    return _damaged(folder, name, change)


def _ax():
    return style.subplots()[1]


def _pieces_family():
    return Sinusoid().sample_params(_rng(), 2)


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("inner-steps in hex", _train("--inner-steps", "0x2"), ["--inner-steps", "0x2"]),
    ("n-support with a thousands separator", _train("--n-support", "1,000"),
     ["--n-support", "1,000"]),
    ("checkpoint-every in e-notation", _train("--checkpoint-every", "1e3"),
     ["--checkpoint-every", "1e3"]),
    ("log-every inf", _train("--log-every", "inf"), ["--log-every", "inf"]),
    ("meta-batch a whole float", _train("--meta-batch", "2.0"), ["--meta-batch", "2.0"]),
    ("n-query in hex", _train("--n-query", "0x5"), ["--n-query", "0x5"]),
    ("pretrained inner-lr -1", _train("--strategy", "pretrained", "--inner-lr", "-1"),
     ["--inner-lr", "-1"]),
    ("fomaml inner-steps 0", _train("--strategy", "fomaml", "--inner-steps", "0"),
     ["--inner-steps", "0"]),
    ("reptile set inner_steps=1.5", _train("--strategy", "reptile", "--set", "inner_steps=1.5"),
     ["inner_steps", "1.5"]),
    ("subset set n_support=-3", _train("--strategy", "subset", "--set", "n_support=-3"),
     ["n_support", "-3"]),
    ("multitask set lam=-1", _train("--strategy", "multitask", "--set", "lam=-1"),
     ["lam", "-1"]),
    ("newton_head on clusters set lam=inf", _train("--family", "clusters", "--strategy",
                                                   "newton_head", "--set", "lam=inf"),
     ["lam", "inf"]),
    ("r2d2 on clusters set learn_lam a word", _train("--family", "clusters", "--strategy", "r2d2",
                                                     "--set", 'learn_lam="no"'),
     ["learn_lam", "no"]),
    ("closed_form set meta_batch=0", lambda d: ["train", "--steps", "2", "--strategy",
                                                   "closed_form", "--set", "meta_batch=0",
                                                   *_out(d)], ["meta_batch", "0"]),
    ("scratch set inner_lr=-0.1", _train("--strategy", "scratch", "--set", "inner_lr=-0.1"),
     ["inner_lr", "-0.1"]),
    ("pretrained set meta_batch=1.5", lambda d: ["train", "--steps", "2", "--strategy",
                                                    "pretrained", "--set", "meta_batch=1.5",
                                                    *_out(d)], ["meta_batch", "1.5"]),
    ("clusters n-support 0", _train("--family", "clusters", "--n-support", "0"),
     ["--n-support", "0"]),
    ("sinusoid_frequency n-query -2", _train("--family", "sinusoid_frequency", "--n-query", "-2"),
     ["--n-query", "-2"]),
    ("set n_query a quoted number", _train("--set", 'n_query="10"'), ["n_query", "10"]),
    ("resume a checkpoint whose inner_steps is 0", lambda d: TRAIN + [
        "--out", str(_damaged(d, "k0", _hyper("inner_steps", 0))), "--resume", "--steps", "3"],
     ["inner_steps", "0"]),
    ("resume a checkpoint whose meta-losses hold NaN", lambda d: TRAIN + [
        "--out", str(_damaged(d, "lnan", _set("meta/meta_losses", np.array([1.0, np.nan])))),
        "--resume", "--steps", "3"], ["meta/meta_losses"]),
    ("meta-lr a percent", _train("--meta-lr", "1%"), ["--meta-lr", "1%"]),
    ("multitask set head_seed=2.5", _train("--strategy", "multitask", "--set", "head_seed=2.5"),
     ["head_seed", "2.5"]),
]

CLI_OTHER_CASES = [
    ("eval tasks in hex", _evaluate(_good, "--tasks", "0x10"), ["--tasks", "0x10"]),
    ("eval query inf", _evaluate(_good, "--query", "inf"), ["--query", "inf"]),
    ("eval support nan", _evaluate(_good, "--support", "nan"), ["--support", "nan"]),
    ("eval steps inf", _evaluate(_good, "--steps", "inf"), ["--steps", "inf"]),
    ("eval support in e-notation", _evaluate(_good, "--support", "1e1"), ["--support", "1e1"]),
    ("eval config family phase NaN", _eval_damaged("phnan", _family_arg("phase", [0.0, float(
        "nan")])), ["phase"]),
    ("eval config first_order a word", _eval_damaged("fo", _hyper("first_order", "yes")),
     ["first_order"]),
    ("eval config model activation null", _eval_damaged("actnull", _model_arg("activation",
                                                                             None)),
     ["activation"]),
    ("eval config n_query -1", _eval_damaged("nq", _hyper("n_query", -1)), ["n_query"]),
    ("eval config class of another strategy", _eval_damaged("cls", _config(
        lambda r: r.__setitem__("class", "scratchmeta.meta.reptile.Reptile"))), ["Reptile"]),
    ("eval meta/strategy of another strategy", _eval_damaged("strat", _set(
        "meta/strategy", np.array("Reptile"))), ["meta/strategy"]),
    ("eval meta/seed of two numbers", _eval_damaged("seed2", _set("meta/seed", np.array([0, 1]))),
     ["meta/seed"]),
    ("compare query 0", _compare("--query", "0"), ["--query", "0"]),
    ("compare seed -1", _compare("--seed", "-1"), ["--seed", "-1"]),
    ("compare tasks nan", _compare("--tasks", "nan"), ["--tasks", "nan"]),
    ("compare support a word", _compare("--support", "ten"), ["--support", "ten"]),
    ("compare steps in e-notation", _compare("--steps", "1e2"), ["--steps", "1e2"]),
    ("compare adapt-steps inf", _compare("--adapt-steps", "inf"), ["--adapt-steps", "inf"]),
    ("eval config model batch_norm a word", _eval_damaged("bnword", _model_arg("batch_norm",
                                                                              "no")),
     ["batch_norm"]),
]

# figures command lines: the figure modules are stubbed, so nothing is drawn
CLI_FIGURES_CASES = [
    ("figures only a zero-padded stem", _fig("--only", "fig22_01"), ["fig22_01"]),
    ("figures only two stems in one argument", _fig("--only", "fig22_1 fig22_2"),
     ["fig22_1 fig22_2"]),
    ("figures only a png name", _fig("--only", "omniglot.png"), ["omniglot.png"]),
    ("figures only a picture's stem", _fig("--only", "exploding_meta_gradient"),
     ["exploding_meta_gradient"]),
    ("figures only fig22_0", _fig("--only", "fig22_0"), ["fig22_0"]),
    ("figures out a name too long", _fig("--only", "fig22_1", "--out", "x" * 300),
     ["--out", "x" * 20]),
    ("figures only a stem then an unknown one", _fig("--only", "fig22_1", "fig22_99"),
     ["fig22_99"]),
    ("figures out a checkpoint file", lambda d: ["figures", "--quick", "--only", "fig22_1",
                                                    "--out", str(_good(d))], ["good.npz"]),
    ("figures only sampling spelt with a hyphen", _fig("--only", "sampling-discrete"),
     ["sampling-discrete"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory '2', compare", _compare(), [VAR, "2"], {VAR: "2"}),
    ("keep-freed-memory 'yes', evaluate", _evaluate(_good), [VAR, "yes"], {VAR: "yes"}),
    ("keep-freed-memory 'off', train", _train(), [VAR, "off"], {VAR: "off"}),
    ("keep-freed-memory '00', figures", _fig("--only", "fig22_1"), [VAR, "00"], {VAR: "00"}),
    ("keep-freed-memory '1.0', demo", lambda d: ["demo"], [VAR, "1.0"], {VAR: "1.0"}),
    ("keep-freed-memory '+1', train", _train(), [VAR, "+1"], {VAR: "+1"}),
]

ENV_CASES = [
    ("opt-out value 'on'", lambda d: memory.opt_out_value(), [VAR, "on"], {VAR: "on"}),
    ("opt-out value '0x1'", lambda d: memory.opt_out_value(), [VAR, "0x1"], {VAR: "0x1"}),
    ("keep_freed_memory mmap_threshold a Fraction", lambda d: memory.keep_freed_memory(
        mmap_threshold=Fraction(1, 2)), ["mmap_threshold"], None),
    ("keep_freed_memory trim_threshold a string", lambda d: memory.keep_freed_memory(
        trim_threshold="1024"), ["trim_threshold", "'1024'"], None),
    ("unless_opted_out 'no'", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR, "no"], {VAR: "no"}),
    ("one_blas_thread environ a frozenset", lambda d: one_blas_thread_unless_set(
        frozenset({"OMP_NUM_THREADS"})), ["environ"], None),
    ("keep_freed_memory mmap_threshold inf", lambda d: memory.keep_freed_memory(
        mmap_threshold=np.inf), ["mmap_threshold", "inf"], None),
]


# --- library calls: (id, call(folder), mentions) ---------------------------------------------

ENGINE_CASES = [
    ("log1p of a string", lambda d: ad.log1p("0.5"), ["'0.5'"]),
    ("cosh of a complex number", lambda d: ad.cosh(1 + 2j), ["(1+2j)"]),
    ("abs of bytes", lambda d: ad.abs(b"x"), ["b'x'"]),
    ("minimum with None", lambda d: ad.minimum(X3, None), ["None"]),
    ("clip a_min NaN", lambda d: ad.clip(X3, np.nan, 1.0), ["a_min", "nan"]),
    ("reshape to a string", lambda d: ad.reshape(X3, "3"), ["'3'"]),
    ("concatenate axis a string", lambda d: ad.concatenate([X3, X3], axis="0"),
     ["axis", "'0'"]),
    ("where b None", lambda d: ad.where(X3 > 0, X3, None), ["None"]),
    ("min axis 1 of a vector", lambda d: ad.min(X3, axis=1), ["axis", "1"]),
    ("matmul of a string", lambda d: ad.matmul("a", M2), ["'a'"]),
    ("getitem by too many indices", lambda d: ad.getitem(X3, (0, 0)), ["(0, 0)"]),
    ("log of None", lambda d: ad.log(None), ["None"]),
    ("vjp pullback of a string", lambda d: ad.vjp(_square, X3)[1]("u"), ["'u'"]),
    ("jvp tangent with NaN", lambda d: ad.jvp(_square, (X3,), (np.array([np.nan, 0.0, 0.0]),)),
     ["tangents"]),
    ("jacobian of a string", lambda d: ad.jacobian("f")(X3), ["fun"]),
    ("shape of a string", lambda d: ad.shape("abc"), ["'abc'"]),
    ("float_dtype of a string", lambda d: ad_core.float_dtype("x"), ["'x'"]),
    ("reduced_axes axis past the shape", lambda d: ad_core.reduced_axes((3,), 2), ["axis", "2"]),
    ("kept_shape axis a string", lambda d: ad_core.kept_shape((3,), "0"), ["axis", "'0'"]),
    ("numpy_message of None", lambda d: numpy_message(None), ["name", "None"]),
    ("variadic impl a string", lambda d: variadic("v", "impl", lambda *a: a), ["impl"]),
    ("power exponent None", lambda d: ad.power(X3, None), ["None"]),
    ("add of a set", lambda d: ad.add(X3, {1.0}), ["{1.0}"]),
    ("squeeze axis 1 of a vector", lambda d: ad.squeeze(X3, axis=1), ["axis", "1"]),
    ("hessian of a string", lambda d: ad.hessian("f")(X3), ["fun"]),
    ("norm ord a string", lambda d: ad.norm(X3, ord="two"), ["ord", "'two'"]),
]

GRADCHECK_CASES = [
    ("check_grads fun None", lambda d: check_grads(None, (X3,)), ["fun", "None"]),
    ("check_grads order True", lambda d: check_grads(_square, (X3,), order=True),
     ["order", "True"]),
    ("check_grads rtol a string", lambda d: check_grads(_square, (X3,), rtol="1e-6"),
     ["rtol", "'1e-6'"]),
    ("check_grads atol NaN", lambda d: check_grads(_square, (X3,), atol=np.nan),
     ["atol", "nan"]),
    ("check_grads fun returning a complex", lambda d: check_grads(
        lambda x: ad.sum(x) * 1j, (X3,)), ["fun"]),
    ("check_grads args a set", lambda d: check_grads(_square, {1.0}), ["args"]),
    ("hvp v a set", lambda d: hvp(_square, X3, {1.0}), ["v"]),
    ("hvp fun returning a complex", lambda d: hvp(lambda x: ad.sum(x * x) * 1j, X3, X3),
     ["fun"]),
    ("hvp fun returning a string", lambda d: hvp(lambda x: "small", X3, X3), ["fun"]),
    ("hvp x a generator", lambda d: hvp(_square, (t for t in X3), X3), ["x"]),
]

META_CASES = [
    ("ridge_head features 2-D", lambda d: ridge_head(np.ones((6, 4)), _features()[1], 0.1),
     ["features"]),
    ("ridge_fit y with NaN", lambda d: ridge_fit(_features()[0], _with_nan(_features()[1]), 0.1),
     ["y"]),
    ("softmax_head form unknown", lambda d: softmax_head(*_features(), 0.1, form="kernel"),
     ["form", "kernel"]),
    ("softmax_head_logits lam None", lambda d: softmax_head_logits(
        *_features(), _features()[0], None), ["lam", "None"]),
    ("softmax_head_unrolled lam NaN", lambda d: softmax_head_unrolled(*_features(), np.nan, 2),
     ["lam", "nan"]),
    ("newton_solve phi with NaN", lambda d: newton_solve(_with_nan(_features()[0]),
                                                         _features()[1], 0.1), ["phi"]),
    ("r2d2 offset a string", lambda d: r2d2_logits(_features()[0], _features()[1],
                                                  _features()[0], 0.1, offset="0"),
     ["offset", "'0'"]),
    ("inner_sgd trainable a string", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, trainable="all"), ["trainable"]),
    ("inner_sgd apply returning the wrong shape", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, lambda p, x: ad.sum(x),
        inner_lr=0.01, inner_steps=1), ["apply"]),
    ("meta_loss first_order None", lambda d: meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, first_order=None),
     ["first_order", "None"]),
    ("meta_grad a loss returning NaN", lambda d: meta_grad(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1,
        loss=lambda p, y: ad.sum(p * 0.0) * np.nan), ["loss"]),
    ("anil_meta_loss loss None", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=None), ["loss", "None"]),
    ("closed_form_meta_loss lam a string", lambda d: closed_form_meta_loss(
        _p()[:-2], _b(), _m(), lam="0.1"), ["lam", "'0.1'"]),
    ("reptile_step meta_lr NaN", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=np.nan), ["meta_lr", "nan"]),
    ("reptile_direction params None", lambda d: reptile_direction(None, per_task(_p(), 2)),
     ["params", "None"]),
    ("subset_batch subset_size a string", lambda d: subset_batch(_b(), _rng(), "2"),
     ["subset_size", "'2'"]),
    ("subset_meta_loss inner_lr negative", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=2, inner_lr=-0.01, inner_steps=1),
     ["inner_lr", "-0.01"]),
    ("meta_gradient_norm loss None", lambda d: meta_gradient_norm(
        _p(), _b(), _m(), inner_steps=1, inner_lr=0.01, loss=None), ["loss", "None"]),
    ("meta_gradient_norms inner_lrs empty", lambda d: meta_gradient_norms(
        _p(), _b(), _m(), [1], []), ["inner_lrs"]),
    ("divergence_map Ks empty", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [], [0.01], n_steps=2, meta_batch=2), ["Ks"]),
    ("divergence_map meta_lr NaN", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [1], [0.01], n_steps=2, meta_batch=2, meta_lr=np.nan),
     ["meta_lr", "nan"]),
    ("adapt.steps n_steps None", lambda d: adapt.steps(adapt.from_theta0(
        _p(), _b(), _m(), inner_lr=0.01, loss=mse), None), ["n_steps", "None"]),
    ("adapt.curve batch None", lambda d: adapt.curve(*_maml(), None, 1), ["batch", "None"]),
    ("adapt.predict n_steps -1", lambda d: adapt.predict(*_maml(), _batch(), -1),
     ["n_steps", "-1"]),
    ("sgd_path trainable a string", lambda d: _first(adapt.sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=mse, trainable="head")),
     ["trainable"]),
    ("multitask_loss a loss returning NaN", lambda d: multitask_loss(
        _p()[:-2], [np.zeros((2, 8, 1)), np.zeros((2, 1))], _b().x_support, _b().y_support,
        _m(), loss=lambda p, y: ad.sum(p * 0.0) * np.nan), ["loss"]),
    ("check_update step a string", lambda d: check_update(
        1.0, [np.ones(2)], step="0", advice="lower meta_lr"), ["step", "'0'"]),
    ("check_update advice None", lambda d: check_update(
        1.0, [np.ones(2)], step=0, advice=None), ["advice", "None"]),
    ("check_step old a list", lambda d: check_step(
        [np.ones(2)], {"params": [np.ones(2)]}, 1.0, step=0, advice="lower meta_lr"),
     ["old"]),
    ("step_advice parts a string", lambda d: step_advice(_maml()[0].config, parts="params"),
     ["parts"]),
    ("inner_advice inner_lr NaN", lambda d: inner_advice(1, np.nan), ["inner_lr", "nan"]),
    ("grad_norm with a text leaf", lambda d: grad_norm([np.ones(2), np.array(["a"])]),
     ["grads"]),
    ("population_statistics model None", lambda d: population_statistics(
        None, _p(), _b().x_support), ["model", "None"]),
    ("uses_low_rank batch None", lambda d: uses_low_rank(_p(), None, _m()), ["batch", "None"]),
    ("pooled_loss a loss returning a string", lambda d: pooled_loss(
        _p(), _b().x_support, _b().y_support, _m(), loss=lambda p, y: "small"), ["loss"]),
]

STRATEGY_CASES = [
    ("fomaml meta_batch 0.5", lambda d: make_strategy("fomaml", meta_batch=0.5),
     ["meta_batch", "0.5"]),
    ("anil inner_lr a string", lambda d: make_strategy("anil", inner_lr="0.01"),
     ["inner_lr", "'0.01'"]),
    ("reptile inner_steps 2.5", lambda d: make_strategy("reptile", inner_steps=2.5),
     ["inner_steps", "2.5"]),
    ("closed_form learn_lam None", lambda d: make_strategy("closed_form", learn_lam=None),
     ["learn_lam", "None"]),
    ("r2d2 on clusters learn_lam 2", lambda d: make_strategy("r2d2", "clusters", learn_lam=2),
     ["learn_lam", "2"]),
    ("r2d2 on clusters inner_lr NaN", lambda d: make_strategy("r2d2", "clusters",
                                                              inner_lr=np.nan),
     ["inner_lr", "nan"]),
    ("newton_head on clusters lam NaN", lambda d: make_strategy("newton_head", "clusters",
                                                                lam=np.nan), ["lam", "nan"]),
    ("subset first_order None", lambda d: make_strategy("subset", first_order=None),
     ["first_order", "None"]),
    ("multitask head_seed 1.5", lambda d: make_strategy("multitask", head_seed=1.5),
     ["head_seed", "1.5"]),
    ("scratch inner_lr 0", lambda d: make_strategy("scratch", inner_lr=0.0),
     ["inner_lr", "0"]),
    ("ClosedForm.lam of a state with NaN lam", lambda d: ClosedForm.lam(
        {**_state_of("closed_form")[1], "params": {**_state_of("closed_form")[1]["params"],
                                                   "log_lam": np.array(np.nan)}}), ["lam"]),
    ("reptile outer_step_size step a string", lambda d: make_strategy(
        "reptile", n_steps=10).outer_step_size("1"), ["step", "'1'"]),
    ("maml meta_grad batch None", lambda d: _maml()[0].meta_grad(_maml()[1]["params"], None,
                                                                 _rng()), ["batch", "None"]),
    ("maml update step True", lambda d: _fresh()[0].update(_fresh()[1], _batch(), _rng(), True),
     ["step", "True"]),
    ("maml adaptation batch None", lambda d: _first(_maml()[0].adaptation(_maml()[1], None)),
     ["batch", "None"]),
    ("r2d2 meta_loss batch None", lambda d: _state_of("r2d2", "clusters")[0].meta_loss(
        _state_of("r2d2", "clusters")[1]["params"], None), ["batch", "None"]),
    ("r2d2 head_params phi_support with NaN", lambda d: _state_of("r2d2", "clusters")[0]
     .head_params(_state_of("r2d2", "clusters")[1]["params"], np.full((2, 5, 64), np.nan),
                  np.eye(5)[np.zeros((2, 5), int)]), ["phi_support"]),
    ("newton_head query_logits phi_query None", lambda d: _state_of(
        "newton_head", "clusters")[0].query_logits(
        _state_of("newton_head", "clusters")[1]["params"], np.ones((2, 5, 64)),
        np.eye(5)[np.zeros((2, 5), int)], None), ["phi_query", "None"]),
    ("multitask initial_head batch with NaN", lambda d: _state_of(
        "multitask", n_train_tasks=4)[0].initial_head(
        _state_of("multitask", n_train_tasks=4)[1],
        _batch_with(x_support=np.full((2, 5, 1), np.nan))), ["x_support"]),
    ("scratch adaptation x_support with NaN", lambda d: _first(_state_of("scratch")[0].adaptation(
        _state_of("scratch")[1], _batch_with(x_support=np.full((2, 5, 1), np.nan)))),
     ["x_support"]),
    ("configure hyper a string", lambda d: configure(MAML, hyper="inner_lr=0.1"), ["hyper"]),
    ("configure config a dict", lambda d: configure(MAML, config={"inner_lr": 0.1}),
     ["config"]),
    ("describe a class", lambda d: describe(MAML), ["strategy"]),
    ("strategy_from_config inner_steps -1", lambda d: strategy_from_config(_record_with(
        lambda r: r["hyperparameters"].__setitem__("inner_steps", -1))), ["inner_steps", "-1"]),
    ("make_family linear mean None", lambda d: make_family("linear", mean=None),
     ["mean", "None"]),
    ("compare.build an unknown name", lambda d: compare.build("mamml", "sinusoid", 1),
     ["mamml"]),
    ("compare.build family None", lambda d: compare.build("maml", None, 1), ["family", "None"]),
    ("compare_subset.variant n_support 0", lambda d: compare_subset.variant(10, n_support=0),
     ["n_support", "0"]),
    ("with_step_size NaN", lambda d: omniglot_compare.with_step_size(_maml()[0], np.nan),
     ["step_size", "nan"]),
    ("maml config of another strategy's class", lambda d: MAML(
        MLP((1, 40, 40, 1)), Sinusoid(), config=make_strategy("reptile").config), ["config"]),
]

EVALUATE_CASES = [
    ("evaluate n_steps -1", lambda d: _evaluate_call(n_steps=-1), ["n_steps", "-1"]),
    ("evaluate family None", lambda d: _evaluate_call(family=None), ["family", "None"]),
    ("evaluate state a list", lambda d: _evaluate_call(state=[np.ones(2)]), ["state"]),
    ("evaluate seed None", lambda d: _evaluate_call(seed=None), ["seed", "None"]),
    ("select n_query NaN", lambda d: _select(n_query=np.nan), ["n_query", "nan"]),
    ("held_out_tasks n_tasks a string", lambda d: held_out_tasks(Sinusoid(), "2", 5, 5),
     ["n_tasks", "'2'"]),
    ("task_rng i a string", lambda d: task_rng(22, "0"), ["i", "'0'"]),
    ("diverged_value an int", lambda d: diverged_value(3), ["metric_name", "3"]),
    ("interval values a string", lambda d: interval("abc"), ["values"]),
    ("format_interval mean None", lambda d: format_interval(None, 0.1), ["mean", "None"]),
    ("with_test_time inner_lr a string", lambda d: with_test_time(_maml()[0], inner_lr="0.1"),
     ["inner_lr", "'0.1'"]),
    ("train overwrite None", lambda d: train(_strategy("maml"), 1, 0, checkpoint=d / "o.npz",
                                             overwrite=None), ["overwrite", "None"]),
    ("train seed None", lambda d: train(_strategy("maml"), 1, None), ["seed", "None"]),
    ("as_seed None", lambda d: as_seed(None), ["seed", "None"]),
    ("check_same_run path an int", lambda d: check_same_run(
        _load(_good(d)), _strategy("maml"), 0, path=3), ["path", "3"]),
    ("compare.run n_support 0", lambda d: compare.run(
        "sinusoid", {"maml": 1}, strategies=("maml",), val_tasks=4, test_tasks=4, max_steps=1,
        n_support=0), ["n_support", "0"]),
    ("compare.run max_steps -1", lambda d: compare.run(
        "sinusoid", {"maml": 1}, strategies=("maml",), val_tasks=4, test_tasks=4, max_steps=-1),
     ["max_steps", "-1"]),
    ("compare.run meta_steps without the strategy", lambda d: compare.run(
        "sinusoid", {"reptile": 1}, strategies=("maml",), val_tasks=4, test_tasks=4,
        max_steps=1), ["meta_steps", "maml"]),
    ("compare.run progress a string", lambda d: compare.run(
        "sinusoid", {"maml": 1}, strategies=("maml",), val_tasks=4, test_tasks=4, max_steps=1,
        progress="x"), ["progress"]),
    ("compare.cell k -1", lambda d: compare.cell(_evaluate_call(), -1), ["k", "-1"]),
    ("compare.cell evaluation None", lambda d: compare.cell(None, 0), ["evaluation", "None"]),
    ("compare_subset.run checkpoints not increasing", lambda d: compare_subset.run(
        {10: (2, 1)}, subset_sizes=(10,), n_support=20, eval_tasks=2, n_query=5),
     ["checkpoints"]),
    ("compare_subset.run subset_sizes with 0", lambda d: compare_subset.run(
        {0: (1,)}, subset_sizes=(0,), n_support=20, eval_tasks=2, n_query=5),
     ["subset_size", "0"]),
    ("compare_reproduction.score supports with 0", lambda d: compare_reproduction.score(
        *_maml(), n_tasks=2, supports=(0,), steps=(1,)), ["supports", "0"]),
    ("compare_reproduction.table scores None", lambda d: compare_reproduction.table(None),
     ["scores", "None"]),
    ("omniglot_compare.table_rows results None", lambda d: omniglot_compare.table_rows(None),
     ["results", "None"]),
    ("omniglot_compare.load_run of an empty folder", lambda d: omniglot_compare.load_run(
        d, "maml", 1), ["maml"]),
]

CHECKPOINT_CASES = [
    ("save step None", lambda d: _save(d, step=None), ["step", "None"]),
    ("save seed None", lambda d: _save(d, seed=None), ["seed", "None"]),
    ("save meta_losses with NaN", lambda d: _save(d, meta_losses=[np.nan]), ["meta_losses"]),
    ("save path a .zip name", lambda d: _save(d, path=d / "s.zip"), ["s.zip"]),
    ("load_checkpoint path None", lambda d: load_checkpoint(None), ["path", "None"]),
    ("load meta/changes of a three-item change", lambda d: load_checkpoint(_stored(
        d, "chg3", _set("meta/changes", np.array('[["inner_lr", 1, 2]]')))), ["meta/changes"]),
    ("load an entry numbered -1", lambda d: load_checkpoint(_stored(
        d, "neg1", _set("state/params/-1", np.ones(1)))), ["state/params/-1"]),
    ("load meta/format of bytes", lambda d: load_checkpoint(_stored(
        d, "fmtb", _set("meta/format", np.array(b"scratchmeta-checkpoint-2")))),
     ["meta/format"]),
    ("restore root a list", lambda d: restore(_good(d), root=["x"]), ["root"]),
    ("flatten state None", lambda d: flatten(None), ["state", "None"]),
    ("check_state state a list", lambda d: check_state([np.ones(2)], _maml()[0]), ["state"]),
    ("check_state adam t negative", lambda d: check_state(
        {**_maml()[1], "adam": {**_maml()[1]["adam"], "t": np.array(-1)}}, _maml()[0]),
     ["t", "-1"]),
    ("check_state_entries flat None", lambda d: check_state_entries(
        None, {}, 0, "x.npz", saving=True), ["flat", "None"]),
    ("check_checkpoint_path a float", lambda d: check_checkpoint_path(1.5), ["1.5"]),
    ("upgrade_config without a class", lambda d: upgrade_config({"hyperparameters": {}}),
     ["class"]),
    ("upgrade_state flat a list", lambda d: upgrade_state("MAML", [np.ones(2)]), ["flat"]),
    ("load meta/step a float", lambda d: load_checkpoint(_stored(
        d, "stepf", _set("meta/step", np.array(2.0)))), ["meta/step"]),
    ("save changes of a non-string name", lambda d: _save(d, changes=((3, [0.1, 0.2]),)),
     ["changes"]),
]

NN_CASES = [
    ("MLP a width of inf", lambda d: MLP((1, np.inf, 1)), ["sizes", "inf"]),
    ("MLP sizes a set", lambda d: MLP({1, 8}), ["sizes"]),
    ("MLP init rng a float", lambda d: MLP((1, 8, 1)).init(0.5), ["rng", "0.5"]),
    ("MLP apply x a bool array", lambda d: _net()[0].apply(_net()[1], np.ones((5, 1), bool)),
     ["x"]),
    ("MLP body body_params a string", lambda d: _net()[0].body("w", np.ones((5, 1))),
     ["body_params"]),
    ("MLP head features None", lambda d: _net()[0].head(_net()[1][-2:], None),
     ["features", "None"]),
    ("per_task n_tasks None", lambda d: per_task(_net()[1], None), ["n_tasks", "None"]),
    ("split of a string", lambda d: split("params"), ["params"]),
    ("adam lr a string", lambda d: _adam(lr="1e-3"), ["lr", "'1e-3'"]),
    ("adam beta2 NaN", lambda d: _adam(beta2=np.nan), ["beta2", "nan"]),
    ("adam eps NaN", lambda d: _adam(eps=np.nan), ["eps", "nan"]),
    ("adam grads with a text leaf", lambda d: _adam(grads=[np.array(["a"] * p.size).reshape(
        p.shape) for p in _net()[1]]), ["grads"]),
    ("adam state a list", lambda d: _adam(state=[0, [], []]), ["state"]),
    ("adam_rows lr -1", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                            [np.ones((1, 2))], [0], -1.0), ["lr", "-1"]),
    ("adam_rows eps 0", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                            [np.ones((1, 2))], [0], 1e-3, eps=0.0),
     ["eps", "0"]),
    ("adam_rows state None", lambda d: adam_rows([np.zeros((3, 2))], None,
                                                 [np.ones((1, 2))], [0], 1e-3),
     ["state", "None"]),
    ("check_adam rows a string", lambda d: check_adam(
        [np.zeros((3, 2))], [np.ones((1, 2))], _rows_state(), 1e-3, 0.9, 0.999, 1e-8,
        rows="0"), ["rows"]),
    ("check_adam lr NaN", lambda d: check_adam(
        _net()[1], [np.ones_like(p) for p in _net()[1]], adam_init(_net()[1]), np.nan, 0.9,
        0.999, 1e-8), ["lr", "nan"]),
    ("check_adam beta2 1.0", lambda d: check_adam(
        _net()[1], [np.ones_like(p) for p in _net()[1]], adam_init(_net()[1]), 1e-3, 0.9,
        1.0, 1e-8), ["beta2", "1.0"]),
    ("batch_norm eps None", lambda d: batch_norm(np.ones((4, 3)), eps=None), ["eps", "None"]),
    ("batch_norm h 0-d", lambda d: batch_norm(np.array(1.0)), ["h"]),
    ("finn_init sizes a string", lambda d: finn_init(_rng(), "784,64,5"), ["sizes"]),
    ("finn_init sizes with a zero", lambda d: finn_init(_rng(), (784, 0, 5)), ["sizes", "0"]),
    ("MLP forward_with params None", lambda d: _net()[0].forward_with(None, np.ones((5, 1)),
                                                                      False),
     ["params", "None"]),
]


TASK_CASES = [
    ("sinusoid amplitude with NaN", lambda d: Sinusoid(amplitude=(np.nan, 1.0)),
     ["amplitude", "nan"]),
    ("sinusoid x_range None", lambda d: Sinusoid(x_range=None), ["x_range", "None"]),
    ("frequency amplitude reversed", lambda d: SinusoidFrequency(amplitude=(5.0, 0.1)),
     ["amplitude"]),
    ("frequency x_range a string", lambda d: SinusoidFrequency(x_range="-5,5"), ["x_range"]),
    ("linear mean a dict", lambda d: LinearRegression(mean={"a": 1.0}), ["mean"]),
    ("linear mean with None", lambda d: LinearRegression(mean=(1.0, None)), ["mean"]),
    ("clusters spread a string", lambda d: GaussianClusters(spread="2"), ["spread", "'2'"]),
    ("sinusoid target x None", lambda d: Sinusoid().target(_pieces_family(), None),
     ["x", "None"]),
    ("sinusoid target task_params None", lambda d: Sinusoid().target(None, np.ones((2, 5, 1))),
     ["task_params", "None"]),
    ("sinusoid sample_x rng None", lambda d: Sinusoid().sample_x(None, _pieces_family(), 5),
     ["rng", "None"]),
    ("sinusoid sample n_support None", lambda d: Sinusoid().sample(_rng(), 2, None, 5),
     ["n_support", "None"]),
    ("sinusoid make_batch task_params a string", lambda d: Sinusoid().make_batch(
        _rng(), "params", 5, 5), ["task_params"]),
    ("sinusoid metric pred a string", lambda d: Sinusoid().metric("pred", np.ones((2, 5, 1))),
     ["pred"]),
    ("sinusoid check_shots n_support 2.5", lambda d: Sinusoid().check_shots(2.5, 5),
     ["n_support", "2.5"]),
    ("clusters sample_params n_tasks 2.5", lambda d: GaussianClusters().sample_params(_rng(),
                                                                                      2.5),
     ["n_tasks", "2.5"]),
    ("clusters metric y None", lambda d: GaussianClusters().metric(np.zeros((2, 5, 5)), None),
     ["y", "None"]),
    ("clusters check_shots n_query -5", lambda d: GaussianClusters().check_shots(5, -5),
     ["n_query", "-5"]),
    ("frequency sample_params rng an int", lambda d: SinusoidFrequency().sample_params(3, 2),
     ["rng", "3"]),
    ("mse y None", lambda d: mse(np.ones((2, 5, 1)), None), ["y", "None"]),
    ("mse pred 0-d", lambda d: mse(np.array(1.0), np.ones((2, 5, 1))), ["pred"]),
    ("cross_entropy logits None", lambda d: cross_entropy(None, np.eye(3)[np.zeros((2, 4), int)]),
     ["logits", "None"]),
    ("a user family whose sample_x returns NaN", lambda d: _nan_x_family().sample(_rng(), 2, 5, 5),
     ["sample_x"]),
    ("a user family whose sample_params returns text", lambda d: _text_params_family().sample(
        _rng(), 2, 5, 5), ["sample_params"]),
    ("training on a user family whose loss returns NaN", lambda d: train(
        make_strategy("maml", _nan_loss_family(), meta_batch=2), 1, 0), ["loss"]),
]

SAMPLER_CASES = [
    ("logistic scale a string", lambda d: logistic(scale="1"), ["scale", "'1'"]),
    ("laplace scale inf", lambda d: laplace(scale=np.inf), ["scale", "inf"]),
    ("weibull scale a list", lambda d: weibull(1.5, scale=[1.0]), ["scale"]),
    ("pareto scale NaN", lambda d: pareto(2.0, scale=np.nan), ["scale", "nan"]),
    ("discrete p a set", lambda d: DiscreteInverseCDF({0.5}), ["p"]),
    ("discrete from_uniforms u a string", lambda d: DiscreteInverseCDF([0.5, 0.5]).from_uniforms(
        "u"), ["u"]),
    ("discrete piece_of u NaN", lambda d: DiscreteInverseCDF([0.5, 0.5]).piece_of(np.nan),
     ["u", "nan"]),
    ("discrete from_uniforms_guided u NaN", lambda d: DiscreteInverseCDF(
        [0.5, 0.5]).from_uniforms_guided(np.array([np.nan, 0.5])), ["u"]),
    ("check_probabilities p a string", lambda d: check_probabilities("0.5,0.5"), ["p"]),
    ("from_ppf a ppf returning inf", lambda d: ContinuousInverseCDF.from_ppf(
        lambda u: np.asarray(u) * np.inf, cdf=stats.norm.cdf).rvs(3, random_state=0), ["ppf"]),
    ("from_density center a string", lambda d: ContinuousInverseCDF.from_density(
        stats.norm.pdf, center="0"), ["center", "'0'"]),
    ("from_density a pdf returning inf", lambda d: ContinuousInverseCDF.from_density(
        lambda x: np.full(np.shape(x), np.inf)), ["pdf"]),
    ("from_density u_resolution 0", lambda d: ContinuousInverseCDF.from_density(
        stats.norm.pdf, u_resolution=0.0), ["u_resolution", "0"]),
    ("continuous ppf u a string", lambda d: laplace().ppf("0.5"), ["u"]),
    ("continuous sample size None", lambda d: laplace().sample(None, _rng()), ["size", "None"]),
    ("continuous rvs random_state a string", lambda d: laplace().rvs(3, random_state="0"),
     ["random_state"]),
    ("grid hi None", lambda d: grid_inverse_cdf(stats.norm.pdf, 0.0, None), ["hi", "None"]),
    ("grid pdf returning text", lambda d: grid_inverse_cdf(
        lambda x: np.full(np.shape(x), "a"), 0.0, 1.0), ["pdf"]),
    ("metropolis x0 a string", lambda d: _metropolis(x0="0"), ["x0"]),
    ("metropolis rng None", lambda d: _metropolis(rng=None), ["rng", "None"]),
    ("metropolis target_acceptance NaN", lambda d: _metropolis(target_acceptance=np.nan),
     ["target_acceptance", "nan"]),
    ("metropolis n_warmup True", lambda d: _metropolis(n_warmup=True), ["n_warmup", "True"]),
    ("optimal_acceptance dim NaN", lambda d: optimal_acceptance(np.nan), ["dim", "nan"]),
    ("ess_bulk draws a string", lambda d: ess_bulk("draws"), ["draws"]),
    ("ess_tail prob NaN", lambda d: ess_tail(np.random.default_rng(1).normal(size=(4, 50)),
                                             prob=(np.nan, 0.95)), ["prob"]),
    ("ess_mean draws with NaN", lambda d: ess_mean(_with_nan(np.random.default_rng(1).normal(
        size=(4, 50)), (0, 3))), ["draws"]),
    ("diagnose draws a string", lambda d: diagnose("draws"), ["draws"]),
    ("normal_scores of a string", lambda d: normal_scores("abc"), ["x"]),
    ("transition matrix Q None", lambda d: metropolis_transition_matrix([0.5, 0.5], None),
     ["Q", "None"]),
    ("check_symmetric_proposal n 2.5", lambda d: check_symmetric_proposal(
        [[0.5, 0.5], [0.5, 0.5]], 2.5), ["n", "2.5"]),
    ("bin_masses edges with NaN", lambda d: bin_masses(np.array([-1.0, np.nan, 1.0]),
                                                       stats.norm.cdf), ["edges"]),
    ("bin_masses a cdf returning NaN", lambda d: bin_masses(
        np.linspace(-1, 1, 5), lambda x: np.asarray(x) * np.nan), ["cdf"]),
    ("pooled_total_variation x with NaN", lambda d: pooled_total_variation(
        _with_nan(np.zeros((2, 10)), (0, 3)), np.linspace(-1, 1, 5), stats.norm.cdf), ["x"]),
    ("noise_floor repeats 2.5", lambda d: noise_floor(10, 2.5, laplace(), np.linspace(-1, 1, 5),
                                                      stats.laplace.cdf, _rng()),
     ["repeats", "2.5"]),
    ("walks chains 0", lambda d: walks_from_one_start(
        lambda x: -0.5 * np.sum(x * x, axis=1), 0.0, {"a": 1.0}, 0, 5, np.linspace(-1, 1, 5),
        stats.norm.cdf, [_rng()]), ["chains", "0"]),
    ("integrate hi a string", lambda d: integrate(np.sin, 0.0, "1"), ["hi", "'1'"]),
    ("integrate f returning a string", lambda d: integrate(lambda x: np.full(np.shape(x), "a"),
                                                           0.0, 1.0), ["f"]),
    ("integrate_many rules a string", lambda d: integrate_many(np.sin, "rules"), ["rules"]),
    ("integrate_many a rule with n -1", lambda d: integrate_many(np.sin, [(0.0, 1.0, -1)]),
     ["n", "-1"]),
    ("checked_density pdf None", lambda d: checked_density(None)(np.ones(2)), ["pdf", "None"]),
    ("peak scaled with NaN", lambda d: peak(np.array([0.5, np.nan, 2.0]),
                                            np.array([1.0, 2.0, 1.0])), ["scaled"]),
    ("fixed_step_chains chains 0", lambda d: fixed_step_chains(1, np.array([1.0]), 0, 5, _rng()),
     ["chains", "0"]),
    ("step_size_sweep dims a list", lambda d: step_size_sweep(np.array([1.0]), 2, 5, [1],
                                                             [_rng()]), ["dims"]),
    ("explore u_resolution NaN", lambda d: explore(checked_density(stats.norm.pdf),
                                                   stats.norm.pdf, -np.inf, np.inf,
                                                   u_resolution=np.nan),
     ["u_resolution", "nan"]),
]

TESTING_CASES = [
    ("dkw alpha negative", lambda d: testing.dkw_epsilon(100, alpha=-0.1), ["alpha", "-0.1"]),
    ("smallest_detectable samples 0", lambda d: testing.smallest_detectable(100, samples=0),
     ["samples", "0"]),
    ("draws_needed alpha 0", lambda d: testing.draws_needed(0.01, alpha=0.0), ["alpha", "0"]),
    ("draws_needed samples 2.5", lambda d: testing.draws_needed(0.01, samples=2.5),
     ["samples", "2.5"]),
    ("ks_distance cdf returning text", lambda d: testing.ks_distance(
        [0.1, 0.2], lambda x: np.full(np.shape(x), "a")), ["cdf"]),
    ("two_sample_distance y with NaN", lambda d: testing.two_sample_distance(
        [1.0, 2.0], [1.0, np.nan]), ["y"]),
    ("chi_square_pvalue p negative", lambda d: testing.chi_square_pvalue([3, 4], [1.5, -0.5]),
     ["p"]),
    ("chi_square_power alpha 0", lambda d: testing.chi_square_power([0.5, 0.5], [0.4, 0.6], 100,
                                                                    alpha=0.0),
     ["alpha", "0"]),
    ("chi_square_power q a string", lambda d: testing.chi_square_power([0.5, 0.5], "qq", 100),
     ["q"]),
    ("cdf_matches alpha NaN", lambda d: testing.assert_cdf_matches(
        [0.1, 0.2], stats.norm.cdf, alpha=np.nan), ["alpha", "nan"]),
    ("cdf_matches a cdf returning NaN", lambda d: testing.assert_cdf_matches(
        [0.1, 0.2], lambda x: np.asarray(x) * np.nan), ["cdf"]),
    ("same_distribution y with inf", lambda d: testing.assert_same_distribution(
        [1.0, 2.0], [1.0, np.inf]), ["y"]),
    ("labels a string", lambda d: testing.assert_labels_match("01", [0.5, 0.5]), ["labels"]),
    ("labels alpha 1.5", lambda d: testing.assert_labels_match([0, 1], [0.5, 0.5], alpha=1.5),
     ["alpha", "1.5"]),
    ("monotone u a string", lambda d: testing.assert_monotone(stats.norm.ppf, "0.5"), ["u"]),
    ("inverts ppf None", lambda d: testing.assert_inverts(None, stats.norm.cdf, [0.1, 0.5],
                                                          1e-10), ["ppf", "None"]),
    ("inverts u with NaN", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, [0.1, np.nan], 1e-10), ["u"]),
    ("inverts u_resolution a string", lambda d: testing.assert_inverts(
        stats.norm.ppf, stats.norm.cdf, [0.1, 0.5], "1e-10"), ["u_resolution", "'1e-10'"]),
    ("density student_t loc inf", lambda d: densities.student_t(3.0, loc=np.inf),
     ["loc", "inf"]),
    ("density student_t scale NaN", lambda d: densities.student_t(3.0, scale=np.nan),
     ["scale", "nan"]),
    ("density beta a NaN", lambda d: densities.beta(np.nan, 1.0), ["a", "nan"]),
    ("density beta lo -inf", lambda d: densities.beta(2.0, 2.0, lo=-np.inf), ["lo", "-inf"]),
    ("density triangular mode a string", lambda d: densities.triangular(0.0, "0.5", 1.0),
     ["mode", "'0.5'"]),
    ("density trapezoid lo NaN", lambda d: densities.trapezoid(np.nan, 0.2, 0.8, 1.0),
     ["lo", "nan"]),
    ("density laplace scale inf", lambda d: densities.laplace(scale=np.inf), ["scale", "inf"]),
    ("density normal_mixture weights NaN", lambda d: densities.normal_mixture(
        [0.5, np.nan], [0.0, 1.0], [1.0, 1.0]), ["weights"]),
    ("density steps heights NaN", lambda d: densities.steps([0.0, 1.0, 2.0], [1.0, np.nan]),
     ["heights"]),
    ("strategy u_grids max_size -1", lambda d: _example(_strategies().u_grids(max_size=-1)),
     ["max_size", "-1"]),
    ("strategy u_grids cut_points None", lambda d: _example(_strategies().u_grids(
        cut_points=None)), ["cut_points", "None"]),
    ("strategy uniforms_near_edges p empty", lambda d: _example(
        _strategies().uniforms_near_edges([])), ["p"]),
]

OMNIGLOT_CASES = [
    ("family n_way -5", lambda d: Omniglot(-5, data=_data()), ["n_way", "-5"]),
    ("family split 'val'", lambda d: Omniglot(5, split="val", data=_data()), ["split", "val"]),
    ("family n_validation 2.5", lambda d: Omniglot(5, data=_data(), n_validation=2.5),
     ["n_validation", "2.5"]),
    ("family sample_params rng None", lambda d: _omniglot().sample_params(None, 2),
     ["rng", "None"]),
    ("family sample_params n_tasks 2.5", lambda d: _omniglot().sample_params(_rng(), 2.5),
     ["n_tasks", "2.5"]),
    ("family make_batch rng None", lambda d: _omniglot().make_batch(
        None, _omniglot().sample_params(_rng(), 1), 5, 5), ["rng", "None"]),
    ("family sample n_tasks None", lambda d: _omniglot().sample(_rng(), None, 5, 5),
     ["n_tasks", "None"]),
    ("family check_shots n_support None", lambda d: _omniglot().check_shots(None, 5),
     ["n_support", "None"]),
    ("family metric pred None", lambda d: _omniglot().metric(None, np.eye(5)[np.zeros(
        (1, 5), int)]), ["pred", "None"]),
    ("load parts a dict", lambda d: omniglot.load(ROOT, cache_dir=d / "cache", progress=False,
                                                  parts={"images_background": 1}), ["parts"]),
    ("finn_split n_validation 2.5", lambda d: finn_split(_data().alphabets, _data().characters,
                                                         n_validation=2.5),
     ["n_validation", "2.5"]),
    ("finn_split alphabets a string", lambda d: finn_split("Latin", _data().characters),
     ["alphabets"]),
    ("check_shots n_way None", lambda d: check_shots(None, 2, 5, 5), ["n_way", "None"]),
    ("check_shots n_drawings -1", lambda d: check_shots(5, 2, 5, 5, n_drawings=-1),
     ["n_drawings", "-1"]),
    ("check_shots n_tasks 2.5", lambda d: check_shots(5, 2.5, 5, 5), ["n_tasks", "2.5"]),
    ("content_hash of a string", lambda d: omniglot.content_hash("members"), ["members"]),
    ("content_hash members of text, not bytes", lambda d: omniglot.content_hash(
        [("a.png", "not bytes")]), ["members"]),
    ("progress label a list", lambda d: Progress(["x"], 3), ["label"]),
    ("progress width None", lambda d: Progress("x", 3, width=None), ["width", "None"]),
    ("progress advance None", lambda d: Progress("x", 3, enabled=False).advance(None),
     ["n", "None"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("check_only a dict", lambda d: figures.check_only({"fig22_1": True}), ["only"]),
    ("check_only a stem as bytes", lambda d: figures.check_only([b"fig22_1"]), ["fig22_1"]),
    ("default_out quick 2", lambda d: figures.default_out(2), ["quick", "2"]),
    ("run_all progress None", lambda d: figures.run_all(
        d / "figs", quick=True, only=["fig22_1"], progress=None), ["progress", "None"]),
    ("run_all quick 0.5", lambda d: figures.run_all(
        d / "figs", quick=0.5, only=["fig22_1"], progress=lambda line: None), ["quick", "0.5"]),
    ("style subplots ncols -1", lambda d: style.subplots(ncols=-1), ["ncols", "-1"]),
    ("style subplots size None", lambda d: style.subplots(size=None), ["size", "None"]),
    ("style save name None", lambda d: style.save(style.subplots()[0], d, None),
     ["name", "None"]),
    ("tasks_made_worse n_steps -1", lambda d: fig_compare.tasks_made_worse(np.ones((3, 4)), -1),
     ["n_steps", "-1"]),
    ("norm_label of a string", lambda d: fig_exploding.norm_label("big"), ["norm"]),
    ("log_ticks values empty", lambda d: fig_step_size.log_ticks(_ax(), []), ["values"]),
    ("figures main argv a string", lambda d: figures.main("--quick"), ["argv"]),
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
    "fomaml inner-steps 0": "not made invalid by the documentation: nothing asks for K >= 1; "
        "K = 0 inner steps is a degenerate (first-order) MAML step, the meta-gradient of the "
        "plain loss at theta0, not a wrong result (as the eleventh battery's reptile_step T = 0)",
    "resume a checkpoint whose inner_steps is 0": "not made invalid by the documentation, for "
        "the same reason: a run with K = 0 resumes and writes its checkpoint, as a resume should "
        "(the 'data loss' was that write)",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 3)."""
    kept = [c for i, c in enumerate(cases) if i % 5 not in (1, 3)]
    return [c for c in kept if c[0] not in DROPPED]


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    name = case[0]
    return ((group == "omniglot" and not name.startswith(("progress", "check_shots",
                                                          "content_hash")))
            or "omniglot" in name)


# The kept cases not clear on the round-5 code (measured blind: the fixes of round 5 were made
# without sight of this file); strict xfails, so that a fix shows up as a failure to remove
# the case from this set.
NOT_CLEAR_YET = set()
NOT_FIXED = "measured blind on the round-5 code and not fixed yet (issue 11 stays open)"
ALL = [pytest.param(g, c, id=f"{g}: {c[0]}", marks=[pytest.mark.xfail(
    reason=NOT_FIXED, strict=True)] if c[0] in NOT_CLEAR_YET else [])
    for g, cases in GROUPS.items() for c in cases]


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_twelfth_battery_is_wide_and_new():
    assert len(ALL) >= 100
    names = [c[0] for cases in WRITTEN.values() for c in cases]
    assert len(names) == len(set(names))


def main():
    """``python tests/test_bad_inputs_twelfth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
