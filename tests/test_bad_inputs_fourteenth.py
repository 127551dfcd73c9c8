"""A fourteenth battery of bad inputs (issue 11's goal, measured on a new and independent set).

The classifier is ``tests/test_bad_inputs_cli.py``'s (its module docstring defines clear /
unclear / silent / data loss), through the eighth battery's shared ``classify_case``: 30 s per
case at most (a case still working then is unclear), the figure modules stubbed, an environment
set for the case where it gives one. How the cases were written: blind, from the user's side
only -- ``__all__`` and the public names and signatures of every module, the README, the
docstrings and ``--help`` -- without reading the library's check modules, the bodies of its
validation code, its history or the fixes under way elsewhere. The kinds of bad value are those
a careless user passes and that earlier batteries used little or not at all: NumPy masked
arrays with an entry masked (the mask is the user's data), complex arrays and scalars,
datetime64 and timedelta64 arrays, Decimal (a NaN, a fractional count) and Fraction values
(a fractional count, a negative scale), 2**70 for counts and sizes, bools, None, strings,
classes where instances are meant, a strategy given the config of another strategy (Reptile a
MAMLConfig, ANIL a ScratchConfig, Pretrained a MultitaskConfig, NewtonHead an R2D2Config, a
config class, a config dict), 1-D where 2-D or 3-D is meant and the reverse, empty arrays,
0 and negative counts, NaN and inf, object arrays holding a None; user callables (loss,
apply, target, sample_x, sample_params, make_batch, metric, pdf, ppf, cdf, log_density,
integrand, progress) that return a tuple, text, one number, NaN or the wrong shape, or raise
(expected: an error naming the callable and the exception, as the audit batteries asked); the
command line with odd spellings (a decimal comma, ``1e400``, ``10/2``, ``True``, ``1+2j``,
``maml,reptile``, ``--set n_query=2**70``, ``--set head_init="ridge"``), checkpoints damaged
anew (a weight reshaped or transposed, params complex, datetime or integer, an adam entry
missing or extra, adam t a float, 0 or 2-D, v negative, meta-losses 2-D, complex or longer than
the steps, meta/step 2**62 or -2, meta/seed a half or a bool, meta/config not JSON or a list),
``figures --only``/``--out`` spellings (stubbed), ``SCRATCHMETA_KEEP_FREED_MEMORY`` 'false',
'-1', 'nan', '0.0', '1 1', 'TRUE', 'O', 'l', 'off ' (its docstring: "0", "1" or "" once
stripped). Read-only or non-contiguous arrays are valid inputs and were not used as bad ones.

Repeats: the ids of every earlier battery (``_cli``, ``_wider``, ``_third`` ... ``_twelfth``,
the ``_audit_*``, ``_round*``, ``_fixes_*`` and sweep files: 3,186 ids) were compared with these
by a token-overlap (Jaccard) search before anything was run; of 467 cases first written, the
120 whose substance (function, argument, kind of value) repeated an earlier case were removed
(e.g. ``--inner-lr -inf``, ``--dtype float16``, ``eval split val``, ``figures only all``,
``weibull shape 0``, ``grid n 1``, ``integrate n 0``, ``family n_way True``, ``load parts
empty``, ``style save fig None``, ``describe None``), which left 347 written. Mentions: the
argument's name as in the signature (or the CLI option, the checkpoint entry, the variable),
and for a scalar, None or a string the value's repr where it has a short one; for arrays,
lists, masked arrays and callables naming the argument is enough.

Selection, blind, fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (1, 4)`` were kept (three of every five): 212 of the 347.
After the first run a kept case could only be dropped (never added or swapped), when documented
valid or wrong itself. Dropped (``DROPPED``): ``check_grads order 3`` (kept; documented valid:
"each further order repeats it on the previous map") and ``labels out of range`` (written, not
kept; ``assert_labels_match`` documents an AssertionError for a label outside 0..N-1: that is the
sampler under test failing). Corrected, the case being wrong, not the library:
``population_statistics x complex`` (kept) gave a model without batch norm, so the refusal named
the model, not ``x``: it now gives a batch-norm MLP; ``continuous rvs size with a -1`` (kept)
left out ``random_state``, which the library documents as required (no global default): it now
passes ``random_state=0``; the written, not kept, Omniglot ``metric`` case named ``logits``
where the signature says ``pred`` (renamed ``family metric pred complex``, mention ``pred``).

First run, at commit 9f36a46, the 212 kept as written: 169 clear (79.7%), 19 unclear, 24 silent,
0 data loss. After the two corrections and the one drop above, the 211 kept: 171 clear (81.0%),
17 unclear (8.1%), 23 silent (10.9%), 0 data loss. By area (clear/unclear/silent/data loss):
command line (train) 11/0/0/0 of 11, command line (evaluate, compare, subcommands) 8/1/0/0 of 9,
command line (figures) 3/1/0/0 of 4, environment (command line) 4/0/0/0 of 4, environment
3/0/0/0 of 3, engine 11/1/4/0 of 16, gradcheck 3/1/1/0 of 5, Chapter 2's functions 19/2/0/0 of
21, strategies 13/4/5/0 of 22, evaluate and train 16/0/0/0 of 16, checkpoints 8/2/4/0 of 14,
nn/optim/batchnorm 13/0/0/0 of 13, task families and losses 13/2/2/0 of 17, samplers 23/2/3/0
of 28, testing kit 11/1/2/0 of 14, Omniglot 8/0/0/0 of 8, figures helpers 4/0/2/0 of 6.
Not clear (kept cases), with what each gave:

* silent: ``ad.exp`` and ``ad.logsumexp`` of a masked array (a masked result; exp's honours the
  mask, so this one is arguable); ``ad.tanh`` of a complex array; ``ad.expand_dims(X3, True)``;
  ``hvp`` with a masked v; ``make_strategy("maml", model=MLP)`` (the class) and
  ``Multitask(MLP, Sinusoid())``; ``make_strategy("pretrained", inner_lr=timedelta64)``;
  Pretrained given a MultitaskConfig, NewtonHead given an R2D2Config; ``load_checkpoint`` of a
  weight reshaped (1, 40) -> (40, 1), of integer adam m, of an extra ``state/params/6`` (its
  docstring promises real, finite, numeric entries, not shapes or counts); a resume (library
  ``train``) of a checkpoint whose adam t is 0 at step 2; ``cross_entropy`` of logits with a NaN
  (NaN back); ``evaluate`` on a user family whose metric returns text; ``laplace().ppf``,
  ``DiscreteInverseCDF``, ``metropolis_transition_matrix`` (Q), ``ks_distance`` and
  ``assert_same_distribution`` of masked arrays (the mask ignored); ``norm_label(-1.0)``;
  ``log_ticks(ax, [0.0, 1.0])``;
* unclear: ``evaluate`` of a checkpoint whose meta-losses are 2-D and ``load_checkpoint`` of
  meta-losses longer than the steps or of a meta/step of 2**62 ("it is at step .. but records
  (..) meta-losses": neither entry named); ``figures --only ""`` (names ``only``, not
  ``--only``); ``ad.grad``, ``check_grads``, ``inner_sgd`` (apply), a user family's ``target``
  and ``sample_x`` that raise (the bare ZeroDivisionError, the callable not named);
  ``ridge_head`` of masked features and MAML ``update`` with a masked x_query (matmul's shape
  error); Reptile given a MAMLConfig and ANIL given a ScratchConfig (AttributeError);
  Multitask ``update`` of a plain TaskBatch (AttributeError 'rows'); ``integrate_many`` with a
  rule of two numbers ("not enough values to unpack"); ``PiecewiseInverse(None)``
  (AttributeError 'mass'); ``assert_cdf_matches`` with a cdf returning a tuple (NumPy's
  "inhomogeneous shape").

All 345 written and not dropped (``python tests/test_bad_inputs_fourteenth.py --written``): 277
clear (80.3%), 32 unclear (9.3%), 36 silent (10.4%), 0 data loss. Written and not kept, also
not clear: silent ``ad.norm`` of a complex vector, ``tree_flatten`` of a set, ``check_grads``
with a masked argument, ``meta_loss`` with a masked y_query, ``meta_gradient_norms`` with Ks
``[True]``, ``interval`` of a masked array, ``save_checkpoint`` of a masked leaf,
``Sinusoid.metric`` of a masked pred, a user family whose make_batch returns a dict (sample
returns it), ``metropolis`` from a masked x0, ``ess_bulk`` of masked draws, ``density_values``
of a negative pdf, ``log_ticks`` of negative values; unclear ``ad.sum(axis=2**70)``
(OverflowError), ``inner_sgd`` and training with a loss returning a tuple, ``grid_inverse_cdf``,
``from_density`` and ``metropolis`` with a callable returning a tuple (NumPy's "inhomogeneous
shape"), ``closed_form_meta_loss`` and ``pooled_loss`` with a loss that raises, ClosedForm
given an R2D2Config and Subset given a ClosedFormConfig (AttributeError), ANIL ``meta_grad``
of a complex leaf (names "argument 0", not ``params``), the Newton head's ``head_params`` of a
2-D phi_support (names ``phi``), ``MLP.apply`` of a masked x (matmul's error),
``assert_inverts`` with a cdf returning NaN (AssertionError, as for a wrong sampler),
``tasks_made_worse`` of a 1-D per_task (IndexError). So this battery, too, is below the goal
of 95%: the command line for train, the environment, evaluate and train, nn/optim and Omniglot
have no miss or almost none; the misses are new kinds -- masked arrays (accepted, the mask
dropped or honoured by accident), configs of another strategy's class and classes for
instances, user callables that raise or return a tuple, damaged checkpoints whose entries are
numeric but of the wrong shape, count or kind -- and a few values reaching NumPy unchecked.
``python tests/test_bad_inputs_fourteenth.py`` prints the rates by area (about 7 s; pytest
about 12 s). The battery's writer did not change the library.

Round 6 (the fixes of the twelfth battery's misses, made in the same hours without sight of this
file, so this is a blind measurement of them): 187 of the 211 kept cases clear (88.6%), 9
unclear (4.3%), 15 silent (7.1%), 0 data loss; 299 of the 345 written (86.7%), 20 unclear, 26
silent. By area (clear/unclear/silent/data loss): command line (train) 11/0/0/0, (evaluate,
compare, subcommands) 9/0/0/0, (figures) 3/1/0/0, environment (command line) 4/0/0/0,
environment 3/0/0/0, engine 13/1/2/0, gradcheck 3/1/1/0, Chapter 2's functions 19/2/0/0,
strategies 20/1/1/0, evaluate and train 16/0/0/0, checkpoints 10/0/4/0, nn/optim/batchnorm
13/0/0/0, task families and losses 13/2/2/0, samplers 25/0/3/0, testing kit 11/1/2/0, Omniglot
8/0/0/0, figures helpers 6/0/0/0. Below the goal of 95%. Fixed by round 6 among the kept:
``ad.tanh`` of a complex array, ``expand_dims`` axis True, the MLP class for a model (twice),
the configs of another strategy's class (four), the 2-D meta-losses and the meta-losses longer
than the steps, Multitask ``update`` of a plain batch, ``integrate_many``'s rule of two numbers,
``PiecewiseInverse(None)``, ``norm_label(-1.0)`` and ``log_ticks`` with a zero. The 24 kept
cases left were then strict xfails.

Round 7 fixed them with sight of this file (so not a blind measurement): 205 of the 211 kept
clear (97.2%), 5 unclear, 1 silent, 0 data loss; 339 of the 345 written (98.3%). The six left,
the same among kept and written, are strict xfails in ``NOT_CLEAR_YET`` with their reasons: five
user functions that raise (the exception passes through unchanged) and ``cross_entropy`` of
NaN logits (NaN back). The blind measurement of round 7 is the fifteenth battery.

Round 9 (a user's function that raises is named wherever the library calls it: the engine's
``grad``, ``vjp``, ``trace``, ``hvp`` and ``check_grads``, ``apply`` in Chapter 2, and the
methods a user's task family defines; a ValueError, TypeError or FloatingPointError passes
through, anything else becomes a ValueError naming the function, chained to the original):
210 of the 211 kept clear, 344 of the 345 written, the five raising cases among them. Left:
``cross_entropy`` of NaN logits.
"""

import itertools
from decimal import Decimal
from fractions import Fraction

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
from scratchmeta.figures import compare as fig_compare
from scratchmeta.figures import exploding as fig_exploding
from scratchmeta.figures import sampling_step_size as fig_step_size
from scratchmeta.gradcheck import check_grads, hvp
from scratchmeta.meta import adapt, compare, compare_reproduction, compare_subset, omniglot_compare
from scratchmeta.meta.anil import ANIL, anil_meta_grad
from scratchmeta.meta.baselines import Pretrained, Scratch, ScratchConfig, pooled_loss
from scratchmeta.meta.checkpoint import flatten, load_checkpoint, restore, unflatten
from scratchmeta.meta.closed_form import ClosedForm, ClosedFormConfig, closed_form_meta_loss
from scratchmeta.meta.evaluate import (format_interval, format_result, format_table,
                                       held_out_tasks, interval, recorded_curve, with_test_time)
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norm, meta_gradient_norms
from scratchmeta.meta.guard import grad_norm, inner_advice
from scratchmeta.meta.maml import MAML, MAMLConfig, inner_sgd, meta_grad, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank
from scratchmeta.meta.multitask import Multitask, MultitaskConfig, multitask_loss
from scratchmeta.meta.newton_head import NewtonHead
from scratchmeta.meta.normalization import population_statistics
from scratchmeta.meta.protocol import configure
from scratchmeta.meta.r2d2 import R2D2Config
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.reptile import (Reptile, ReptileConfig, fine_tune_tasks, reptile_direction,
                                      reptile_step)
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import newton_solve, softmax_head, softmax_head_unrolled
from scratchmeta.meta.subset import Subset, subset_indices
from scratchmeta.meta.training import as_seed, batch_floats, train
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, cauchy, exponential,
                                  grid_inverse_cdf, laplace, logistic, mcse_mean,
                                  metropolis_transition_matrix, optimal_acceptance, pareto,
                                  rank_normalize, split_rhat, weibull, ess_bulk)
from scratchmeta.sampling.diagnostics import split_chains
from scratchmeta.sampling.interpolation import PiecewiseInverse
from scratchmeta.sampling.mixing import bin_masses, total_variation
from scratchmeta.sampling.quadrature import density_values, integrate, integrate_many
from scratchmeta.sampling.step_size import acceptance_1d, peak
from scratchmeta.sampling.tails import explore
from scratchmeta.tasks import (LinearRegression, Sinusoid, TaskBatch, accuracy, cross_entropy,
                               mse)
from scratchmeta.testing import densities

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import (TRAIN, _damaged, _drop, _evaluate, _good, _set, _train,
                                 battery_main)
from test_bad_inputs_fourth import X3, _maml, _once, _problem, _rng, _square
from test_bad_inputs_fifth import (_adam, _batch, _data, _evaluate_call, _example, _features,
                                   _metropolis, _net, _rows_state, _save, _select, _strategies)
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import M2, _compare, _fresh
from test_bad_inputs_wider import _config

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
BIG = 2 ** 70


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


def _ma(a, index=0):
    """A masked array of ``a`` (as floats) with one entry masked: the mask is the user's data."""
    m = np.ma.masked_array(np.array(a, dtype=float), mask=False)
    m[np.unravel_index(index, m.shape)] = np.ma.masked
    return m


def _cx(a):
    """``a`` as complex numbers with a nonzero imaginary part."""
    return np.asarray(a, dtype=float) + 0.5j


def _dt(shape):
    return np.zeros(shape, dtype="datetime64[s]")


def _td(shape):
    return np.ones(shape).astype("timedelta64[s]")


def _objs(a):
    """An object array holding ``a``'s numbers and a None."""
    out = np.array(list(np.ravel(a)), dtype=object)
    out[0] = None
    return out.reshape(np.shape(a))


def _zero_division(*args, **kwargs):
    return 1 / 0


def _batch_with(**arrays):
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
    key = ("fourteenth", name, family, tuple(sorted(hyper.items())))

    def make():
        s = _strategy(name, family, **hyper)
        return s, s.init_state(_rng())
    return _once(key, make)


def _clusters_batch():
    return GaussianClusters().sample(_rng(), 2, 5, 5)


def _omniglot():
    return _once("omniglot14", lambda: Omniglot(5, data=_data()))


def _family_with(**methods):
    """A user's Sinusoid subclass with some methods replaced (each a plain function)."""
    return type("UserSinusoid", (Sinusoid,), {k: staticmethod(v) if k == "loss" else v
                                              for k, v in methods.items()})()


def _hyper(name, value):
    return _config(lambda r: r["hyperparameters"].__setitem__(name, value))


def _model_arg(name, value):
    return _config(lambda r: r["model"]["arguments"].__setitem__(name, value))


def _family_arg(name, value):
    return _config(lambda r: r["family"]["arguments"].__setitem__(name, value))


def _change(name, f):
    """Replace the entry ``name`` of a checkpoint's arrays by ``f(old)``."""
    return lambda arrays: arrays.__setitem__(name, f(arrays[name]))


def _eval_damaged(name, change):
    return _evaluate(lambda d: _damaged(d, name, change))


def _resume_damaged(name, change):
    return lambda d: TRAIN + ["--out", str(_damaged(d, name, change)), "--resume", "--steps", "3"]


def _stored(folder, name, change):
    _good(folder)
    return _damaged(folder, name, change)


def _ax():
    return style.subplots()[1]


def _sin_params():
    return Sinusoid().sample_params(_rng(), 2)


def _cdf_masses():
    return np.linspace(-1.0, 1.0, 5)


def _text_file(folder):
    path = folder / "notes.txt"
    path.write_text("these are my notes\n")
    return path


def _evaluation():
    return _once("evaluation14", _evaluate_call)


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("inner-lr with a decimal comma", _train("--inner-lr", "0,01"), ["--inner-lr", "0,01"]),
    ("meta-lr 1e400, an overflow to inf", _train("--meta-lr", "1e400"), ["--meta-lr", "1e400"]),
    ("meta-batch 2**70", _train("--meta-batch", str(BIG)), ["--meta-batch", str(BIG)]),
    ("n-support a fraction", _train("--n-support", "10/2"), ["--n-support", "10/2"]),
    ("inner-steps True", _train("--inner-steps", "True"), ["--inner-steps", "True"]),
    ("seed a half", _train("--seed", "-0.5"), ["--seed", "-0.5"]),
    ("lam a complex number", _train("--strategy", "closed_form", "--lam", "1+2j"),
     ["--lam", "1+2j"]),
    ("strategy two names with a comma", _train("--strategy", "maml,reptile"), ["maml,reptile"]),
    ("set n_query=2**70", _train("--set", f"n_query={BIG}"), ["n_query", str(BIG)]),
    ("multitask set head_init a word not known", _train("--strategy", "multitask", "--set",
                                                       'head_init="ridge"'),
     ["head_init", "ridge"]),
    ("multitask set head_steps=-1", _train("--strategy", "multitask", "--set", "head_steps=-1"),
     ["head_steps", "-1"]),
    ("closed_form set learn_scale a word", _train("--strategy", "closed_form", "--set",
                                                  'learn_scale="yes"'), ["learn_scale", "yes"]),
    ("anil meta-batch 0", _train("--strategy", "anil", "--meta-batch", "0"),
     ["--meta-batch", "0"]),
    ("log-every -5", _train("--log-every", "-5"), ["--log-every", "-5"]),
    ("resume a checkpoint whose adam t is a float", _resume_damaged(
        "tfloat", _set("state/adam/t", np.array(2.5))), ["state/adam/t"]),
    ("resume a checkpoint whose params are complex", _resume_damaged(
        "pcx", _change("state/params/2", _cx)), ["state/params/2"]),
    ("resume a checkpoint with a weight reshaped", _resume_damaged(
        "pshape", _change("state/params/0", lambda a: a.reshape(40, 1))), ["state/params/0"]),
    ("set lam a complex literal", _train("--strategy", "closed_form", "--set", "lam=1+2j"),
     ["lam"]),
]

CLI_OTHER_CASES = [
    ("eval tasks 2**70", _evaluate(_good, "--tasks", str(BIG)), ["--tasks", str(BIG)]),
    ("eval query 1e400", _evaluate(_good, "--query", "1e400"), ["--query", "1e400"]),
    ("eval support True", _evaluate(_good, "--support", "True"), ["--support", "True"]),
    ("eval seed a half", _evaluate(_good, "--seed", "1.5"), ["--seed", "1.5"]),
    ("eval a checkpoint whose params are datetimes", _eval_damaged(
        "pdt", _change("state/params/1", lambda a: _dt(a.shape))), ["state/params/1"]),
    ("eval a checkpoint whose params are integers", _eval_damaged(
        "pint", _change("state/params/2", lambda a: a.astype(np.int64))), ["state/params/2"]),
    ("eval a checkpoint with a bias transposed to a column", _eval_damaged(
        "bcol", _change("state/params/1", lambda a: a.reshape(40, 1))), ["state/params/1"]),
    ("eval a checkpoint whose meta-losses are 2-D", _eval_damaged(
        "ml2", _change("meta/meta_losses", lambda a: a.reshape(1, -1))), ["meta/meta_losses"]),
    ("eval a checkpoint whose step is -2", _eval_damaged("stepneg", _set("meta/step",
                                                                         np.array(-2))),
     ["meta/step"]),
    ("eval a checkpoint whose seed is a bool", _eval_damaged("seedb", _set("meta/seed",
                                                                           np.array(True))),
     ["meta/seed"]),
    ("eval config inner_lr a list", _eval_damaged("lrlist", _hyper("inner_lr", [0.01])),
     ["inner_lr"]),
    ("compare eval-seed a half", _compare("--eval-seed", "1.5"), ["--eval-seed", "1.5"]),
    ("compare val-seed -3", _compare("--val-seed", "-3"), ["--val-seed", "-3"]),
    ("demo given an argument", lambda d: ["demo", "3"], ["3"]),
    ("eval a checkpoint whose adam v is negative", _eval_damaged(
        "vneg", _change("state/adam/v/1", lambda a: -np.abs(a) - 1.0)), ["state/adam/v/1"]),
]

CLI_FIGURES_CASES = [
    ("figures only a stem with a trailing comma", _fig("--only", "fig22_1,"), ["fig22_1,"]),
    ("figures only upper case", _fig("--only", "FIG22_1"), ["FIG22_1"]),
    ("figures only an empty string", _fig("--only", ""), ["--only"]),
    ("figures only a stem with a leading space", _fig("--only", " fig22_1"), [" fig22_1"]),
    ("figures out below a file", lambda d: ["figures", "--quick", "--only", "fig22_1", "--out",
                                             str(_text_file(d) / "sub")], ["notes.txt"]),
    ("figures only sampling_step_size misspelt", _fig("--only", "sampling_stepsize"),
     ["sampling_stepsize"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory 'false', train", _train(), [VAR, "false"], {VAR: "false"}),
    ("keep-freed-memory '-1', evaluate", _evaluate(_good), [VAR, "-1"], {VAR: "-1"}),
    ("keep-freed-memory 'nan', compare", _compare(), [VAR, "nan"], {VAR: "nan"}),
    ("keep-freed-memory '0.0', figures", _fig("--only", "fig22_1"), [VAR, "0.0"],
     {VAR: "0.0"}),
    ("keep-freed-memory '1 1', demo", lambda d: ["demo"], [VAR, "1 1"], {VAR: "1 1"}),
    ("keep-freed-memory 'TRUE', evaluate", _evaluate(_good), [VAR, "TRUE"], {VAR: "TRUE"}),
    ("keep-freed-memory the letter O, compare", _compare(), [VAR, "O"], {VAR: "O"}),
]

ENV_CASES = [
    ("opt-out value 'l' for one", lambda d: memory.opt_out_value(), [VAR, "l"], {VAR: "l"}),
    ("keep_freed_memory mmap_threshold 2**70", lambda d: memory.keep_freed_memory(
        mmap_threshold=BIG), ["mmap_threshold"], None),
    ("keep_freed_memory trim_threshold -1", lambda d: memory.keep_freed_memory(
        trim_threshold=-1), ["trim_threshold", "-1"], None),
    ("keep_freed_memory trim_threshold a Decimal NaN", lambda d: memory.keep_freed_memory(
        trim_threshold=Decimal("NaN")), ["trim_threshold"], None),
    ("unless_opted_out 'off '", lambda d: memory.keep_freed_memory_unless_opted_out(),
     [VAR, "off"], {VAR: "off "}),
]


# --- library calls: (id, call(folder), mentions) ---------------------------------------------

ENGINE_CASES = [
    ("exp of a masked array", lambda d: ad.exp(_ma(X3)), ["mask"]),
    ("sum of datetimes", lambda d: ad.sum(_dt(3)), ["datetime64"]),
    ("tanh of a complex array", lambda d: ad.tanh(_cx(X3)), ["complex"]),
    ("grad at a complex point", lambda d: ad.grad(_square)(_cx(X3)), ["complex"]),
    ("grad at a Decimal", lambda d: ad.grad(lambda x: x * x)(Decimal("1.5")),
     ["Decimal('1.5')"]),
    ("reshape to 2**70 entries", lambda d: ad.reshape(X3, (BIG,)), [str(BIG)]),
    ("sum axis 2**70", lambda d: ad.sum(X3, axis=BIG), ["axis", str(BIG)]),
    ("expand_dims axis True", lambda d: ad.expand_dims(X3, True), ["axis", "True"]),
    ("stack of an empty list", lambda d: ad.stack([]), ["xs"]),
    ("einsum operands of the wrong ndim", lambda d: ad.einsum("ij,jk->ik", X3, M2), ["ij"]),
    ("solve b of datetimes", lambda d: ad.solve(M2, _dt(2)), ["b"]),
    ("norm of a complex vector", lambda d: ad.norm(_cx(X3)), ["x"]),
    ("std ddof -1", lambda d: ad.std(X3, ddof=-1), ["ddof", "-1"]),
    ("logsumexp of a masked array", lambda d: ad.logsumexp(_ma(X3, 1)), ["mask"]),
    ("sum_to an incompatible shape", lambda d: ad.sum_to(X3, (2,)), ["(2,)"]),
    ("getitem by a float", lambda d: ad.getitem(X3, 1.5), ["1.5"]),
    ("grad argnums past the arguments", lambda d: ad.grad(_square, argnums=5)(X3),
     ["argnums", "5"]),
    ("grad argnums a string", lambda d: ad.grad(_square, argnums="0")(X3), ["argnums", "'0'"]),
    ("value_and_grad of a fun returning a tuple", lambda d: ad.value_and_grad(
        lambda x: (ad.sum(x), 1.0))(X3), ["fun"]),
    ("grad of a fun returning a string", lambda d: ad.grad(lambda x: "small")(X3), ["fun"]),
    ("grad of a fun that raises", lambda d: ad.grad(_zero_division)(X3),
     ["fun", "ZeroDivisionError"]),
    ("log of an object array with None", lambda d: ad.log(_objs(X3)), ["None"]),
    ("maximum with a timedelta array", lambda d: ad.maximum(X3, _td(3)), ["timedelta64"]),
    ("tree_map f None", lambda d: ad.tree_map(None, [X3]), ["f", "None"]),
    ("tree_flatten of a set", lambda d: ad.tree_flatten({1.0, 2.0}), ["tree"]),
    ("jacobian argnum 3 of a one-argument fun", lambda d: ad.jacobian(_square, argnum=3)(X3),
     ["argnum", "3"]),
]

GRADCHECK_CASES = [
    ("check_grads order 3", lambda d: check_grads(_square, (X3,), order=3), ["order", "3"]),
    ("check_grads args with a masked array", lambda d: check_grads(_square, (_ma(X3),)),
     ["args"]),
    ("check_grads rng a float", lambda d: check_grads(_square, (X3,), rng=0.5), ["rng", "0.5"]),
    ("check_grads fun raising", lambda d: check_grads(_zero_division, (X3,)),
     ["fun", "ZeroDivisionError"]),
    ("check_grads fun returning NaN", lambda d: check_grads(lambda x: ad.sum(x) * np.nan,
                                                            (X3,)), ["fun"]),
    ("check_grads rtol a Decimal NaN", lambda d: check_grads(_square, (X3,),
                                                             rtol=Decimal("NaN")), ["rtol"]),
    ("hvp x datetimes", lambda d: hvp(_square, _dt(3), X3), ["x"]),
    ("hvp fun returning a tuple", lambda d: hvp(lambda x: (ad.sum(x * x), 0.0), X3, X3),
     ["fun"]),
    ("hvp v masked", lambda d: hvp(_square, X3, _ma(X3)), ["v"]),
]

META_CASES = [
    ("ridge_head features masked", lambda d: ridge_head(_ma(_features()[0]), _features()[1],
                                                       0.1), ["features"]),
    ("ridge_fit features complex", lambda d: ridge_fit(_cx(_features()[0]), _features()[1], 0.1),
     ["features"]),
    ("ridge_fit lam a vector", lambda d: ridge_fit(*_features(), np.array([0.1, 0.2])),
     ["lam"]),
    ("ridge_head form None", lambda d: ridge_head(*_features(), 0.1, form=None),
     ["form", "None"]),
    ("softmax_head tol -1", lambda d: softmax_head(*_features(), 0.1, tol=-1.0),
     ["tol", "-1"]),
    ("newton_solve max_steps True", lambda d: newton_solve(*_features(), 0.1, max_steps=True),
     ["max_steps", "True"]),
    ("softmax_head_unrolled n_steps 2**70", lambda d: softmax_head_unrolled(*_features(), 0.1,
                                                                           BIG), ["n_steps"]),
    ("r2d2_logits phi_query 2-D", lambda d: r2d2_logits(*_features(), np.ones((6, 4)), 0.1),
     ["phi_query"]),
    ("inner_sgd inner_steps a Fraction", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=Fraction(3, 2)), ["inner_steps"]),
    ("inner_sgd a loss returning a tuple", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _m().apply, inner_lr=0.01,
        inner_steps=1, loss=lambda p, y: (ad.sum(p), 0.0)), ["loss"]),
    ("inner_sgd an apply that raises", lambda d: inner_sgd(
        per_task(_p(), 2), _b().x_support, _b().y_support, _zero_division, inner_lr=0.01,
        inner_steps=1), ["apply", "ZeroDivisionError"]),
    ("meta_loss batch with a masked y_query", lambda d: meta_loss(
        _p(), _batch_with(y_query=_ma(_b().y_query)), _m(), inner_lr=0.01, inner_steps=1),
     ["y_query"]),
    ("meta_loss batch y_query 2-D", lambda d: meta_loss(
        _p(), _batch_with(y_query=np.ones((2, 5))), _m(), inner_lr=0.01, inner_steps=1),
     ["y_query"]),
    ("meta_grad params with a datetime leaf", lambda d: meta_grad(
        [*_p()[:-1], _dt(_p()[-1].shape)], _b(), _m(), inner_lr=0.01, inner_steps=1),
     ["params"]),
    ("anil_meta_grad inner_lr a Decimal NaN", lambda d: anil_meta_grad(
        _p(), _b(), _m(), inner_lr=Decimal("NaN"), inner_steps=1), ["inner_lr"]),
    ("closed_form_meta_loss scale 0", lambda d: closed_form_meta_loss(
        _p()[:-2], _b(), _m(), lam=0.1, scale=0.0), ["scale", "0"]),
    ("closed_form_meta_loss a loss that raises", lambda d: closed_form_meta_loss(
        _p()[:-2], _b(), _m(), lam=0.1, loss=_zero_division), ["loss", "ZeroDivisionError"]),
    ("reptile_step inner_steps True", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=True, meta_lr=0.1),
     ["inner_steps", "True"]),
    ("reptile_direction theta_T complex", lambda d: reptile_direction(
        _p(), [_cx(t) for t in per_task(_p(), 2)]), ["theta_T"]),
    ("fine_tune_tasks batch None", lambda d: fine_tune_tasks(
        _p(), None, _m(), inner_lr=0.01, inner_steps=1), ["batch", "None"]),
    ("subset_indices subset_size past n_support", lambda d: subset_indices(_rng(), 2, 5, 6),
     ["subset_size", "6"]),
    ("meta_gradient_norms Ks of a bool", lambda d: meta_gradient_norms(
        _p(), _b(), _m(), [True], [0.01]), ["Ks"]),
    ("meta_gradient_norm inner_lr complex", lambda d: meta_gradient_norm(
        _p(), _b(), _m(), inner_steps=1, inner_lr=0.01 + 0.01j), ["inner_lr"]),
    ("divergence_map inner_lrs with NaN", lambda d: divergence_map(
        MLP((1, 8, 1)), Sinusoid(), [1], [0.01, np.nan], n_steps=2, meta_batch=2),
     ["inner_lrs"]),
    ("from_theta0 inner_lr inf", lambda d: adapt.from_theta0(
        _p(), _b(), _m(), inner_lr=np.inf, loss=mse), ["inner_lr", "inf"]),
    ("adapt.after n_steps -1", lambda d: adapt.after(adapt.from_theta0(
        _p(), _b(), _m(), inner_lr=0.01, loss=mse), -1), ["n_steps", "-1"]),
    ("sgd_path a loss returning NaN", lambda d: _first(adapt.sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01,
        loss=lambda p, y: ad.sum(p * 0.0) * np.nan)), ["loss"]),
    ("sgd_path stop_on_divergence a word", lambda d: _first(adapt.sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=0.01, loss=mse, stop_on_divergence="no")),
     ["stop_on_divergence"]),
    ("multitask_loss one head for two tasks", lambda d: multitask_loss(
        _p()[:-2], [np.zeros((2, 8, 1))], _b().x_support, _b().y_support, _m()), ["heads"]),
    ("pooled_loss a loss that raises", lambda d: pooled_loss(
        _p(), _b().x_support, _b().y_support, _m(), loss=_zero_division),
     ["loss", "ZeroDivisionError"]),
    ("population_statistics x complex", lambda d: population_statistics(
        MLP((1, 8, 1), batch_norm=True), MLP((1, 8, 1), batch_norm=True).init(_rng()),
        _cx(_b().x_support)), ["x"]),
    ("meta_loss_low_rank inner_steps -1", lambda d: meta_loss_low_rank(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=-1), ["inner_steps", "-1"]),
    ("grad_norm of a complex leaf", lambda d: grad_norm([np.ones(2), _cx(np.ones(2))]),
     ["grads"]),
    ("inner_advice inner_steps a Fraction", lambda d: inner_advice(Fraction(1, 2), 0.01),
     ["inner_steps"]),
]

STRATEGY_CASES = [
    ("Reptile given a MAML config", lambda d: Reptile(MLP((1, 40, 40, 1)), Sinusoid(),
                                                      config=MAMLConfig()), ["config"]),
    ("ClosedForm given an R2-D2 config", lambda d: ClosedForm(MLP((1, 40, 40, 1)), Sinusoid(),
                                                              config=R2D2Config()),
     ["config"]),
    ("MAML given the config class, not an instance", lambda d: MAML(
        MLP((1, 40, 40, 1)), Sinusoid(), config=MAMLConfig), ["config"]),
    ("make_strategy model the MLP class", lambda d: make_strategy("maml", model=MLP),
     ["model"]),
    ("MAMLConfig check inner_steps True", lambda d: MAMLConfig(inner_steps=True).check(),
     ["inner_steps", "True"]),
    ("ReptileConfig check meta_lr a Decimal NaN", lambda d: ReptileConfig(
        meta_lr=Decimal("NaN")).check(), ["meta_lr"]),
    ("maml inner_lr complex", lambda d: make_strategy("maml", inner_lr=0.01 + 0.01j),
     ["inner_lr"]),
    ("fomaml meta_batch 2**70", lambda d: make_strategy("fomaml", meta_batch=BIG),
     ["meta_batch"]),
    ("anil n_query a Fraction", lambda d: make_strategy("anil", n_query=Fraction(5, 2)),
     ["n_query"]),
    ("reptile n_steps a Decimal", lambda d: make_strategy("reptile", n_steps=Decimal("10.5")),
     ["n_steps"]),
    ("subset subset_size past n_support", lambda d: make_strategy("subset", subset_size=200),
     ["subset_size", "200"]),
    ("multitask n_train_tasks True", lambda d: make_strategy("multitask", n_train_tasks=True),
     ["n_train_tasks", "True"]),
    ("closed_form lam a vector", lambda d: make_strategy("closed_form",
                                                         lam=np.array([0.1, 1.0])), ["lam"]),
    ("r2d2 on clusters scale a datetime", lambda d: make_strategy(
        "r2d2", "clusters", scale=np.datetime64(1, "s")), ["scale"]),
    ("newton_head on clusters lam a negative Fraction", lambda d: make_strategy(
        "newton_head", "clusters", lam=Fraction(-1, 2)), ["lam"]),
    ("pretrained inner_lr a timedelta", lambda d: make_strategy(
        "pretrained", inner_lr=np.timedelta64(1, "s")), ["inner_lr"]),
    ("maml update batch x_support 2-D", lambda d: _fresh()[0].update(
        _fresh()[1], _batch_with(x_support=np.ones((2, 5))), _rng(), 0), ["x_support"]),
    ("maml update batch y_query complex", lambda d: _fresh()[0].update(
        _fresh()[1], _batch_with(y_query=_cx(np.ones((2, 5, 1)))), _rng(), 0), ["y_query"]),
    ("maml update batch x_query masked", lambda d: _fresh()[0].update(
        _fresh()[1], _batch_with(x_query=_ma(np.ones((2, 5, 1)))), _rng(), 0), ["x_query"]),
    ("maml adaptation params of another model", lambda d: _first(_maml()[0].adaptation(
        {**_maml()[1], "params": _p()}, _batch())), ["params"]),
    ("reptile update y_support with NaN", lambda d: _state_of("reptile")[0].update(
        _state_of("reptile")[1], _batch_with(y_support=_with_nan(np.ones((2, 5, 1)))),
        _rng(), 0), ["y_support"]),
    ("anil meta_grad params with a complex leaf", lambda d: _state_of("anil")[0].meta_grad(
        [*_state_of("anil")[1]["params"][:-1], _cx(_state_of("anil")[1]["params"][-1])],
        _batch(), _rng()), ["params"]),
    ("closed_form adaptation x_support datetimes", lambda d: _first(_state_of(
        "closed_form")[0].adaptation(_state_of("closed_form")[1],
                                     _batch_with(x_support=_dt((2, 5, 1))))), ["x_support"]),
    ("multitask update a plain task batch", lambda d: _state_of(
        "multitask", n_train_tasks=4)[0].update(_state_of("multitask", n_train_tasks=4)[1],
                                                _batch(), _rng(), 0), ["batch"]),
    ("newton_head head_params phi_support 2-D", lambda d: _state_of(
        "newton_head", "clusters")[0].head_params(
        _state_of("newton_head", "clusters")[1]["params"], np.ones((5, 64)),
        np.eye(5)[np.zeros((2, 5), int)]), ["phi_support"]),
    ("configure hyper with an unknown name", lambda d: configure(
        MAML, hyper={"inner_lr": 0.1, "inner_lrr": 1}), ["inner_lrr"]),
    ("make_family clusters n_way True", lambda d: make_family("clusters", n_way=True),
     ["n_way", "True"]),
    ("make_family sinusoid_frequency frequency reversed", lambda d: make_family(
        "sinusoid_frequency", frequency=(2.0, 0.5)), ["frequency"]),
    ("compare.build meta_steps a Fraction", lambda d: compare.build(
        "maml", "sinusoid", Fraction(3, 2)), ["meta_steps"]),
    ("compare_subset.variant subset_size a Fraction", lambda d: compare_subset.variant(
        Fraction(5, 2)), ["subset_size"]),
    ("ANIL given a Scratch config", lambda d: ANIL(MLP((1, 40, 40, 1)), Sinusoid(),
                                                   config=ScratchConfig()), ["config"]),
    ("Subset given a ClosedForm config", lambda d: Subset(MLP((1, 40, 40, 1)), Sinusoid(),
                                                          config=ClosedFormConfig()),
     ["config"]),
    ("Pretrained given a Multitask config", lambda d: Pretrained(
        MLP((1, 40, 40, 1)), Sinusoid(), config=MultitaskConfig()), ["config"]),
    ("NewtonHead given an R2-D2 config", lambda d: NewtonHead(
        MLP((8, 64, 64)), GaussianClusters(), config=R2D2Config()), ["config"]),
    ("Scratch given a config dict", lambda d: Scratch(MLP((1, 40, 40, 1)), Sinusoid(),
                                                      config={"inner_lr": 0.02}), ["config"]),
    ("Multitask model the MLP class", lambda d: Multitask(MLP, Sinusoid()), ["model"]),
]

EVALUATE_CASES = [
    ("evaluate n_tasks 2**70", lambda d: _evaluate_call(n_tasks=BIG), ["n_tasks"]),
    ("evaluate n_support a Fraction", lambda d: _evaluate_call(n_support=Fraction(5, 2)),
     ["n_support"]),
    ("evaluate on_divergence a word not known", lambda d: _evaluate_call(
        on_divergence="ignore"), ["on_divergence", "ignore"]),
    ("evaluate strategy the MAML class", lambda d: _evaluate_call(strategy=MAML),
     ["strategy"]),
    ("evaluate state with complex params", lambda d: _evaluate_call(
        state={**_maml()[1], "params": [_cx(p) for p in _maml()[1]["params"]]}), ["params"]),
    ("evaluate seed a datetime", lambda d: _evaluate_call(seed=np.datetime64(0, "s")),
     ["seed"]),
    ("select candidates with a complex", lambda d: _select(candidates=[0.01, 0.1j]),
     ["candidates"]),
    ("select max_steps True", lambda d: _select(max_steps=True), ["max_steps", "True"]),
    ("held_out_tasks n_query 2**70", lambda d: held_out_tasks(Sinusoid(), 2, 5, BIG),
     ["n_query"]),
    ("interval values masked", lambda d: interval(_ma([1.0, 2.0, 3.0])), ["values"]),
    ("interval axis 2 of a vector", lambda d: interval(np.ones(4), axis=2), ["axis", "2"]),
    ("format_interval half_width complex", lambda d: format_interval(1.0, 0.1 + 1j),
     ["half_width"]),
    ("format_result mean a string", lambda d: format_result("1.0", 0.1), ["mean"]),
    ("format_table rows None", lambda d: format_table(None), ["rows", "None"]),
    ("recorded_curve n_steps a Fraction", lambda d: recorded_curve(
        *_maml(), _batch(), Fraction(3, 2)), ["n_steps"]),
    ("with_test_time an unknown change", lambda d: with_test_time(_maml()[0], inner_lrr=0.1),
     ["inner_lrr"]),
    ("train n_steps a Fraction", lambda d: train(_strategy("maml"), Fraction(3, 2), 0),
     ["n_steps"]),
    ("batch_floats n_tasks -1", lambda d: batch_floats(_maml()[0], n_tasks=-1),
     ["n_tasks", "-1"]),
    ("as_seed 2.5", lambda d: as_seed(2.5), ["seed", "2.5"]),
    ("as_seed an array of two", lambda d: as_seed(np.array([1, 2])), ["seed"]),
    ("compare.rows results None", lambda d: compare.rows(None), ["results", "None"]),
    ("compare.fits_at_step_0 None", lambda d: compare.fits_at_step_0(None), ["strategy"]),
    ("compare_subset.points_per_step None", lambda d: compare_subset.points_per_step(None),
     ["strategy"]),
    ("compare_reproduction.score steps with -1", lambda d: compare_reproduction.score(
        *_maml(), n_tasks=2, supports=(5,), steps=(-1,)), ["steps", "-1"]),
    ("omniglot_compare.weights_path shots 0", lambda d: omniglot_compare.weights_path(
        d, "maml", 0), ["shots", "0"]),
    ("compare.cell k a Fraction", lambda d: compare.cell(_evaluation(), Fraction(1, 2)),
     ["k"]),
]

CHECKPOINT_CASES = [
    ("load a weight reshaped", lambda d: load_checkpoint(_stored(
        d, "w0", _change("state/params/0", lambda a: a.reshape(40, 1)))), ["state/params/0"]),
    ("load complex params", lambda d: load_checkpoint(_stored(
        d, "cx2", _change("state/params/2", _cx))), ["state/params/2"]),
    ("load datetime params", lambda d: load_checkpoint(_stored(
        d, "dt1", _change("state/params/1", lambda a: _dt(a.shape)))), ["state/params/1"]),
    ("load integer adam m", lambda d: load_checkpoint(_stored(
        d, "mint", _change("state/adam/m/3", lambda a: a.astype(np.int64)))),
     ["state/adam/m/3"]),
    ("load missing adam v entry", lambda d: load_checkpoint(_stored(
        d, "nov4", _drop("state/adam/v/4"))), ["state/adam/v/4"]),
    ("load an extra params entry", lambda d: load_checkpoint(_stored(
        d, "p6", _set("state/params/6", np.ones(2)))), ["state/params/6"]),
    ("load adam t 2-D", lambda d: load_checkpoint(_stored(
        d, "t2d", _set("state/adam/t", np.array([[2]])))), ["state/adam/t"]),
    ("load meta/seed a half", lambda d: load_checkpoint(_stored(
        d, "seedh", _set("meta/seed", np.array(0.5)))), ["meta/seed"]),
    ("load meta/step past the meta-losses", lambda d: load_checkpoint(_stored(
        d, "stepbig", _set("meta/step", np.array(2 ** 62)))), ["meta/step"]),
    ("load meta-losses complex", lambda d: load_checkpoint(_stored(
        d, "mlcx", _change("meta/meta_losses", _cx))), ["meta/meta_losses"]),
    ("load meta-losses longer than the steps", lambda d: load_checkpoint(_stored(
        d, "ml5", _set("meta/meta_losses", np.ones(5)))), ["meta/meta_losses"]),
    ("load meta/config not JSON", lambda d: load_checkpoint(_stored(
        d, "cfgbad", _set("meta/config", np.array("{")))), ["meta/config"]),
    ("load meta/config a JSON list", lambda d: load_checkpoint(_stored(
        d, "cfglist", _set("meta/config", np.array("[]")))), ["meta/config"]),
    ("restore params with NaN", lambda d: restore(_stored(
        d, "pnan", _change("state/params/4", lambda a: a * np.nan))), ["state/params/4"]),
    ("restore adam v negative", lambda d: restore(_stored(
        d, "vneg", _change("state/adam/v/1", lambda a: -np.abs(a) - 1.0))), ["state/adam/v/1"]),
    ("resume a checkpoint whose adam t is 0 at step 2", lambda d: train(
        _strategy("maml"), 3, 0, checkpoint=_stored(d, "t0", _set("state/adam/t", np.array(0))),
        resume=True), ["state/adam/t"]),
    ("save a state with a masked leaf", lambda d: _save(d, state={"w": _ma(np.ones(3))}),
     ["state"]),
    ("save a state with a complex leaf", lambda d: _save(d, state={"w": _cx(np.ones(3))}),
     ["state"]),
    ("save step 2**70", lambda d: _save(d, step=BIG), ["step"]),
    ("save config with a set inside", lambda d: _save(d, config={"a": {1, 2}}), ["config"]),
    ("save config a list", lambda d: _save(d, config=[1, 2]), ["config"]),
    ("flatten a state with a generator leaf", lambda d: flatten({"w": (x for x in X3)}),
     ["state"]),
    ("unflatten a name both leaf and folder", lambda d: unflatten(
        {"a": np.ones(1), "a/b": np.ones(1)}), ["a"]),
]

NN_CASES = [
    ("MLP a width of 2**70", lambda d: MLP((1, BIG, 1)), ["sizes"]),
    ("MLP batch_norm 2", lambda d: MLP((1, 8, 1), batch_norm=2), ["batch_norm", "2"]),
    ("MLP a width a Decimal", lambda d: MLP((1, Decimal("8.5"), 1)), ["sizes"]),
    ("MLP apply x complex", lambda d: _net()[0].apply(_net()[1], _cx(np.ones((5, 1)))), ["x"]),
    ("MLP apply x masked", lambda d: _net()[0].apply(_net()[1], _ma(np.ones((5, 1)))), ["x"]),
    ("MLP apply a weight transposed", lambda d: _net()[0].apply(
        [_net()[1][0].T, *_net()[1][1:]], np.ones((5, 1))), ["params"]),
    ("MLP apply x datetimes", lambda d: _net()[0].apply(_net()[1], _dt((5, 1))), ["x"]),
    ("MLP body x an object array with None", lambda d: _net()[0].body(
        _net()[1][:-2], _objs(np.ones((5, 1)))), ["x"]),
    ("per_task n_tasks 0", lambda d: per_task(_net()[1], 0), ["n_tasks", "0"]),
    ("per_task n_tasks 2**70", lambda d: per_task(_net()[1], BIG), ["n_tasks"]),
    ("split of no params", lambda d: split([]), ["params"]),
    ("adam_init a complex leaf", lambda d: adam_init([np.ones(2), _cx(np.ones(2))]),
     ["params"]),
    ("adam params masked", lambda d: _adam(params=[_ma(p) for p in _net()[1]]), ["params"]),
    ("adam grads transposed", lambda d: _adam(grads=[np.ones_like(p).T for p in _net()[1]]),
     ["grads"]),
    ("adam beta1 a Fraction past 1", lambda d: _adam(beta1=Fraction(3, 2)), ["beta1"]),
    ("adam lr a Decimal NaN", lambda d: _adam(lr=Decimal("NaN")), ["lr"]),
    ("adam_rows a row a float", lambda d: adam_rows([np.zeros((3, 2))], _rows_state(),
                                                    [np.ones((1, 2))], [0.5], 1e-3), ["rows"]),
    ("batch_norm h complex", lambda d: batch_norm(_cx(np.ones((4, 3)))), ["h"]),
    ("batch_norm scale of the wrong length", lambda d: batch_norm(np.ones((4, 3)),
                                                                  scale=np.ones(2)),
     ["scale"]),
    ("batch_norm eps -1", lambda d: batch_norm(np.ones((4, 3)), eps=-1.0), ["eps", "-1"]),
    ("finn_init a width of 2**70", lambda d: finn_init(_rng(), (784, 64, BIG)), ["sizes"]),
    ("finn_init rng a string", lambda d: finn_init("0", (4, 3)), ["rng"]),
]

TASK_CASES = [
    ("sinusoid amplitude a Decimal NaN", lambda d: Sinusoid(amplitude=(0.1, Decimal("NaN"))),
     ["amplitude"]),
    ("sinusoid phase complex", lambda d: Sinusoid(phase=(0.0, 1 + 1j)), ["phase"]),
    ("sinusoid x_range datetimes", lambda d: Sinusoid(x_range=(np.datetime64(0, "s"),
                                                               np.datetime64(5, "s"))),
     ["x_range"]),
    ("sinusoid amplitude masked", lambda d: Sinusoid(amplitude=_ma([0.1, 5.0], 1)),
     ["amplitude"]),
    ("linear scale -1", lambda d: LinearRegression(scale=-1.0), ["scale", "-1"]),
    ("linear mean complex", lambda d: LinearRegression(mean=(1 + 1j, 0.5)), ["mean"]),
    ("clusters n_way 2**70", lambda d: GaussianClusters(n_way=BIG), ["n_way"]),
    ("clusters dim a Fraction", lambda d: GaussianClusters(dim=Fraction(9, 2)), ["dim"]),
    ("sinusoid sample n_tasks 2**70", lambda d: Sinusoid().sample(_rng(), BIG, 5, 5),
     ["n_tasks"]),
    ("sinusoid sample n_support True", lambda d: Sinusoid().sample(_rng(), 2, True, 5),
     ["n_support", "True"]),
    ("sinusoid target task_params complex", lambda d: Sinusoid().target(
        _cx(_sin_params()), np.ones((2, 5, 1))), ["task_params"]),
    ("sinusoid target x datetimes", lambda d: Sinusoid().target(_sin_params(),
                                                                _dt((2, 5, 1))), ["x"]),
    ("sinusoid target task_params three columns", lambda d: Sinusoid().target(
        np.ones((2, 3)), np.ones((2, 5, 1))), ["task_params"]),
    ("sinusoid make_batch task_params 1-D", lambda d: Sinusoid().make_batch(
        _rng(), np.ones(2), 5, 5), ["task_params"]),
    ("sinusoid metric pred masked", lambda d: Sinusoid().metric(_ma(np.ones((2, 5, 1))),
                                                                np.ones((2, 5, 1))), ["pred"]),
    ("sinusoid metric y of another shape", lambda d: Sinusoid().metric(
        np.ones((2, 5, 1)), np.ones((2, 5, 2))), ["y"]),
    ("clusters metric y as labels", lambda d: GaussianClusters().metric(
        np.zeros((2, 5, 5)), np.zeros((2, 5), int)), ["y"]),
    ("mse pred complex", lambda d: mse(_cx(np.ones((2, 5, 1))), np.ones((2, 5, 1))), ["pred"]),
    ("cross_entropy logits with NaN", lambda d: cross_entropy(
        _with_nan(np.zeros((2, 4, 3))), np.eye(3)[np.zeros((2, 4), int)]), ["logits"]),
    ("cross_entropy y_onehot rows summing to 2", lambda d: cross_entropy(
        np.zeros((2, 4, 3)), 2 * np.eye(3)[np.zeros((2, 4), int)]), ["y_onehot"]),
    ("accuracy logits 2-D for y 3-D", lambda d: accuracy(np.zeros((4, 3)),
                                                         np.eye(3)[np.zeros((2, 4), int)]),
     ["y_onehot"]),
    ("a user family whose sample_x returns a tuple", lambda d: _family_with(
        sample_x=lambda self, rng, tp, n: (np.ones((len(tp), n, 1)), 0)).sample(_rng(), 2, 5, 5),
     ["sample_x"]),
    ("a user family whose target raises", lambda d: _family_with(
        target=lambda self, tp, x: 1 / 0).sample(_rng(), 2, 5, 5),
     ["target", "ZeroDivisionError"]),
    ("a user family whose sample_params gives a row too many", lambda d: _family_with(
        sample_params=lambda self, rng, n: np.ones((n + 1, 2))).sample(_rng(), 2, 5, 5),
     ["sample_params"]),
    ("a user family whose make_batch returns a dict", lambda d: _family_with(
        make_batch=lambda self, rng, tp, s, q: {"x": 1}).sample(_rng(), 2, 5, 5),
     ["make_batch"]),
    ("evaluating on a user family whose metric returns text", lambda d: _evaluate_call(
        family=_family_with(metric=lambda self, pred, y: "good")), ["metric"]),
    ("training on a user family whose loss returns a tuple", lambda d: train(make_strategy(
        "maml", _family_with(loss=lambda pred, y: (mse(pred, y), 0.0)), meta_batch=2), 1, 0),
     ["loss"]),
    ("a user family whose sample_x raises", lambda d: _family_with(
        sample_x=_zero_division).sample(_rng(), 2, 5, 5), ["sample_x", "ZeroDivisionError"]),
]

SAMPLER_CASES = [
    ("exponential rate a Decimal NaN", lambda d: exponential(rate=Decimal("NaN")), ["rate"]),
    ("exponential rate complex", lambda d: exponential(rate=1 + 1j), ["rate"]),
    ("cauchy loc inf", lambda d: cauchy(loc=np.inf), ["loc", "inf"]),
    ("cauchy scale a negative Fraction", lambda d: cauchy(scale=Fraction(-1, 2)), ["scale"]),
    ("logistic loc a datetime", lambda d: logistic(loc=np.datetime64(0, "s")), ["loc"]),
    ("weibull shape True", lambda d: weibull(True), ["shape", "True"]),
    ("pareto alpha an array", lambda d: pareto(np.array([2.0, 3.0])), ["alpha"]),
    ("continuous ppf u masked", lambda d: laplace().ppf(_ma([0.1, 0.5, 0.9])), ["u"]),
    ("continuous ppf u complex", lambda d: laplace().ppf(_cx([0.1, 0.5])), ["u"]),
    ("continuous from_uniforms u datetimes", lambda d: laplace().from_uniforms(_dt(3)), ["u"]),
    ("continuous sample size -1", lambda d: laplace().sample(-1, _rng()), ["size", "-1"]),
    ("continuous sample size 2**70", lambda d: laplace().sample(BIG, _rng()), ["size"]),
    ("continuous rvs size with a -1", lambda d: laplace().rvs(size=(2, -1), random_state=0),
     ["size"]),
    ("discrete p masked", lambda d: DiscreteInverseCDF(_ma([0.25, 0.25, 0.5])), ["p"]),
    ("discrete p an object array with None", lambda d: DiscreteInverseCDF(
        _objs([0.5, 0.25, 0.25])), ["p"]),
    ("discrete sample size 2.5", lambda d: DiscreteInverseCDF([0.5, 0.5]).sample(2.5, _rng()),
     ["size", "2.5"]),
    ("discrete ppf u complex", lambda d: DiscreteInverseCDF([0.5, 0.5]).ppf(_cx([0.5])),
     ["u"]),
    ("discrete piece_of a string", lambda d: DiscreteInverseCDF([0.5, 0.5]).piece_of("0.5"),
     ["u"]),
    ("grid n 2**70", lambda d: grid_inverse_cdf(stats.norm.pdf, 0.0, 1.0, n=BIG), ["n"]),
    ("grid pdf returning a tuple", lambda d: grid_inverse_cdf(
        lambda x: (np.ones(np.shape(x)), 0), 0.0, 1.0), ["pdf"]),
    ("grid pdf returning one number", lambda d: grid_inverse_cdf(lambda x: 1.0, 0.0, 1.0),
     ["pdf"]),
    ("from_density pdf returning a tuple", lambda d: ContinuousInverseCDF.from_density(
        lambda x: (stats.norm.pdf(x), 0)), ["pdf"]),
    ("from_density pdf returning three values", lambda d: ContinuousInverseCDF.from_density(
        lambda x: np.ones(3)), ["pdf"]),
    ("from_ppf ppf returning text", lambda d: ContinuousInverseCDF.from_ppf(
        lambda u: np.full(np.shape(u), "a"), cdf=stats.norm.cdf).rvs(3, random_state=0),
     ["ppf"]),
    ("metropolis log_density returning a tuple", lambda d: _metropolis(
        log_density=lambda x: (-0.5 * np.sum(x * x, axis=1), 0)), ["log_density"]),
    ("metropolis x0 complex", lambda d: _metropolis(x0=_cx(np.zeros((2, 1)))), ["x0"]),
    ("metropolis x0 masked", lambda d: _metropolis(x0=_ma(np.zeros((2, 1)))), ["x0"]),
    ("metropolis n_steps 2**70", lambda d: _metropolis(n_steps=BIG), ["n_steps"]),
    ("metropolis step_size a Decimal NaN", lambda d: _metropolis(step_size=Decimal("NaN")),
     ["step_size"]),
    ("optimal_acceptance dim True", lambda d: optimal_acceptance(True), ["dim", "True"]),
    ("split_rhat draws complex", lambda d: split_rhat(_cx(np.random.default_rng(1).normal(
        size=(4, 50)))), ["draws"]),
    ("ess_bulk draws masked", lambda d: ess_bulk(_ma(np.random.default_rng(1).normal(
        size=(4, 50)), 7)), ["draws"]),
    ("mcse_mean draws datetimes", lambda d: mcse_mean(_dt((4, 50))), ["draws"]),
    ("rank_normalize an object array with None", lambda d: rank_normalize(
        _objs(np.ones((4, 50)))), ["draws"]),
    ("split_chains x with no draws", lambda d: split_chains(np.ones((4, 0))), ["x"]),
    ("transition matrix Q masked", lambda d: metropolis_transition_matrix(
        [0.5, 0.5], _ma([[0.5, 0.5], [0.5, 0.5]], 1)), ["Q"]),
    ("total_variation samples complex", lambda d: total_variation(
        _cx(np.zeros(10)), _cdf_masses(), stats.norm.cdf), ["samples"]),
    ("bin_masses a cdf returning a tuple", lambda d: bin_masses(
        _cdf_masses(), lambda x: (stats.norm.cdf(x), 0)), ["cdf"]),
    ("integrate f returning one number", lambda d: integrate(lambda x: 1.0, 0.0, 1.0), ["f"]),
    ("integrate f that raises", lambda d: integrate(_zero_division, 0.0, 1.0),
     ["f", "ZeroDivisionError"]),
    ("integrate_many a rule without n", lambda d: integrate_many(np.sin, [(0.0, 1.0)]),
     ["rules"]),
    ("density_values a pdf returning negatives", lambda d: density_values(
        lambda x: -np.ones(np.shape(x)), np.linspace(0, 1, 5)), ["pdf"]),
    ("explore a past b", lambda d: explore(stats.norm.pdf, stats.norm.pdf, 1.0, -1.0),
     ["a", "b"]),
    ("acceptance_1d h complex", lambda d: acceptance_1d(_cx([0.5])), ["h"]),
    ("peak ess of another length", lambda d: peak(np.array([0.5, 1.0, 2.0]), np.ones(2)),
     ["ess"]),
    ("PiecewiseInverse pieces None", lambda d: PiecewiseInverse(None), ["pieces"]),
]

TESTING_CASES = [
    ("dkw n a Fraction", lambda d: testing.dkw_epsilon(Fraction(5, 2)), ["n"]),
    ("smallest_detectable n True", lambda d: testing.smallest_detectable(True), ["n", "True"]),
    ("draws_needed discrepancy a Decimal NaN", lambda d: testing.draws_needed(Decimal("NaN")),
     ["discrepancy"]),
    ("ks_distance samples masked", lambda d: testing.ks_distance(_ma([0.1, 0.2, 0.3]),
                                                                 stats.norm.cdf), ["samples"]),
    ("ks_distance samples complex", lambda d: testing.ks_distance(_cx([0.1, 0.2]),
                                                                  stats.norm.cdf),
     ["samples"]),
    ("ks_distance a cdf that raises", lambda d: testing.ks_distance([0.1, 0.2], _zero_division),
     ["cdf", "ZeroDivisionError"]),
    ("two_sample_distance x empty", lambda d: testing.two_sample_distance([], [1.0, 2.0]),
     ["x"]),
    ("two_sample_distance x datetimes", lambda d: testing.two_sample_distance(
        _dt(3), [1.0, 2.0]), ["x"]),
    ("chi_square_pvalue counts negative", lambda d: testing.chi_square_pvalue([3, -4],
                                                                              [0.5, 0.5]),
     ["counts"]),
    ("chi_square_pvalue p of another length", lambda d: testing.chi_square_pvalue(
        [3, 4], [0.2, 0.3, 0.5]), ["p"]),
    ("cdf_matches a cdf returning a tuple", lambda d: testing.assert_cdf_matches(
        [0.1, 0.2], lambda x: (stats.norm.cdf(x), 0)), ["cdf"]),
    ("labels out of range", lambda d: testing.assert_labels_match([0, 3], [0.5, 0.5]),
     ["labels"]),
    ("labels fractional", lambda d: testing.assert_labels_match([0.5, 1.0], [0.5, 0.5]),
     ["labels"]),
    ("same_distribution x masked", lambda d: testing.assert_same_distribution(
        _ma([1.0, 2.0, 3.0]), [1.0, 2.0]), ["x"]),
    ("monotone a ppf returning text", lambda d: testing.assert_monotone(
        lambda u: np.full(np.shape(u), "a"), [0.1, 0.5]), ["ppf"]),
    ("monotone u complex", lambda d: testing.assert_monotone(stats.norm.ppf, _cx([0.1, 0.5])),
     ["u"]),
    ("inverts a cdf returning NaN", lambda d: testing.assert_inverts(
        stats.norm.ppf, lambda x: np.asarray(x) * np.nan, [0.1, 0.5], 1e-10), ["cdf"]),
    ("density uniform lo past hi", lambda d: densities.uniform(1.0, 0.0), ["lo", "hi"]),
    ("density pareto alpha NaN", lambda d: densities.pareto(np.nan), ["alpha", "nan"]),
    ("density trapezoid c past d", lambda d: densities.trapezoid(0.0, 0.8, 0.2, 1.0),
     ["c", "d"]),
    ("strategy known_densities a kind not known", lambda d: _example(
        _strategies().known_densities(kinds=("gaussian",))), ["kinds"]),
    ("strategy u_grids cut_points past 1", lambda d: _example(_strategies().u_grids(
        cut_points=(1.5,))), ["cut_points"]),
    ("strategy uniforms_near_edges p complex", lambda d: _example(
        _strategies().uniforms_near_edges(_cx([0.5, 0.5]))), ["p"]),
]

OMNIGLOT_CASES = [
    ("family rotate a word", lambda d: Omniglot(5, data=_data(), rotate="yes"), ["rotate"]),
    ("family n_train 2**70", lambda d: Omniglot(5, data=_data(), n_train=BIG), ["n_train"]),
    ("family dtype int8", lambda d: Omniglot(5, data=_data(), dtype=np.int8), ["dtype"]),
    ("family data a string", lambda d: Omniglot(5, data="images"), ["data"]),
    ("family make_batch task_params of the wrong width", lambda d: _omniglot().make_batch(
        _rng(), np.zeros((1, 3), int), 1, 1), ["task_params"]),
    ("family make_batch characters out of range", lambda d: _omniglot().make_batch(
        _rng(), np.full((1, 5), 10 ** 6), 1, 1), ["task_params"]),
    ("family metric pred complex", lambda d: _omniglot().metric(
        _cx(np.zeros((1, 5, 5))), np.eye(5)[np.zeros((1, 5), int)]), ["pred"]),
    ("check_shots n_drawings a Fraction", lambda d: check_shots(5, 2, 5, 5,
                                                                n_drawings=Fraction(41, 2)),
     ["n_drawings"]),
    ("check_shots n_way 2**70", lambda d: check_shots(BIG, 1, 1, 1), ["n_way"]),
    ("finn_split n_train -1", lambda d: finn_split(_data().alphabets, _data().characters,
                                                   n_train=-1), ["n_train", "-1"]),
    ("content_hash a member of three items", lambda d: omniglot.content_hash(
        [("a.png", b"x", "extra")]), ["members"]),
    ("progress stream a string", lambda d: Progress("x", 3, stream="stdout"), ["stream"]),
    ("progress enabled a word", lambda d: Progress("x", 3, enabled="no"), ["enabled"]),
]

# scratchmeta.figures' public helpers, with the figure modules stubbed (nothing is drawn)
FIGURES_LIBRARY_CASES = [
    ("check_only a None among the stems", lambda d: figures.check_only(["fig22_1", None]),
     ["None"]),
    ("default_out quick a word", lambda d: figures.default_out("yes"), ["quick"]),
    ("style subplots nrows 2**70", lambda d: style.subplots(nrows=BIG), ["nrows"]),
    ("style subplots nrows a Fraction", lambda d: style.subplots(nrows=Fraction(3, 2)),
     ["nrows"]),
    ("style subplots size a word not known", lambda d: style.subplots(size="huge"),
     ["size", "huge"]),
    ("style save name with a slash", lambda d: style.save(style.subplots()[0], d, "a/b"),
     ["name", "a/b"]),
    ("tasks_made_worse per_task 1-D", lambda d: fig_compare.tasks_made_worse(np.ones(4), 1),
     ["per_task"]),
    ("norm_label a negative norm", lambda d: fig_exploding.norm_label(-1.0), ["norm", "-1"]),
    ("log_ticks values with a zero", lambda d: fig_step_size.log_ticks(_ax(), [0.0, 1.0]),
     ["values"]),
    ("log_ticks values negative", lambda d: fig_step_size.log_ticks(_ax(), [-1.0, 10.0]),
     ["values"]),
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
    "check_grads order 3": "documented valid: check_grads' docstring says that each order past 2 "
        "repeats the check on the previous map, so order 3 is a check of third derivatives",
    "labels out of range": "documented: assert_labels_match fails (AssertionError) when a label "
        "is not an int in 0..N-1 -- that is the sampler under test failing, its job",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (1, 4)."""
    kept = [c for i, c in enumerate(cases) if i % 5 not in (1, 4)]
    return [c for c in kept if c[0] not in DROPPED]


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    name = case[0]
    return ((group == "omniglot" and not name.startswith(("progress", "check_shots",
                                                          "content_hash")))
            or "omniglot" in name)


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
# Measured blind on the round-6 code; after round 7 (which saw this file) six were left, and
# after round 9 (user functions that raise are named, everywhere) one, for a stated reason
# (strict: a fix shows up as a failure to remove from this list).
NOT_CLEAR_YET = {
    'cross_entropy logits with NaN': "logits are a model's output: NaN logits give a NaN loss, "
                                     "which training's guard reports and evaluation counts as "
                                     "diverged (as the tenth battery judged accuracy's)",
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


def test_the_fourteenth_battery_is_wide_and_new():
    assert len(ALL) >= 100
    names = [c[0] for cases in WRITTEN.values() for c in cases]
    assert len(names) == len(set(names))
    assert set(DROPPED) <= set(names)


def main():
    """``python tests/test_bad_inputs_fourteenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
