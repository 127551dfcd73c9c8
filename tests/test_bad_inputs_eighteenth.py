"""An eighteenth battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, the figure modules stubbed for ``figures``
command lines, the environment set where a case gives one). Written blind, from the user's
side: the README, ``__all__`` and the public names, signatures and docstrings of the modules
called (``inspect.signature`` / ``inspect.getdoc``), ``--help`` of the command line and of
``train``, ``evaluate``, ``compare``, ``figures`` and ``demo``, the public fields of what
``omniglot.load`` returns, and the earlier batteries' ids and shared helpers. Not read: any
``checks.py`` or ``check_*`` body, ``protocol.py``'s bodies, the library's history, /work/main.

Areas (this battery's share; the engine, gradcheck, samplers, diagnostics, the testing kit,
the figures helpers and the ``memory`` functions are another writer's): the command line --
``train`` (17 written), ``evaluate``, ``compare`` and ``demo`` (19), ``figures``, stubbed (4),
``SCRATCHMETA_KEEP_FREED_MEMORY`` under the command line (4) -- Chapter 2's functions (ridge,
softmax and R2-D2 heads, the inner loop, MAML/ANIL/low-rank losses, Reptile's direction, the
guard, normalization, exploding; 21), strategies, their configs and the registry (19),
evaluate, train and the ``compare`` functions (12), checkpoints (19), nn/optim/batchnorm
(10), task families, losses and user-defined families (11) and Omniglot (7): 143 written.

Kinds of bad value: on the command line, spellings of numbers not tried before on the same
option -- binary (``0b10``), a full-width digit, a fractional exponent (``1e-2.5``), ``-0``
for a positive count, a thousands comma, a unit (``10s``, ``2k``), a superscript, a trailing
dot, hexadecimal for ``--checkpoint-every`` and ``evaluate --steps``, an underscore
(``1_0``), 2**64 for a seed, ``-0.0`` for a seed, an empty string, a word after the number;
``--set`` with a second equals sign, two settings in one argument, an empty value, a
hexadecimal float; an option with its value missing; a choice with a trailing space; a family
name for ``--strategies``; an option of another subcommand (``compare --inner-lr``,
``evaluate --meta-batch``, ``demo --quick``, ``figures --steps``); ``--root`` for a sinusoid
checkpoint; ``--resume`` of a missing file; a figure stem with its folder; ``--out`` a
dangling symlink; damaged checkpoints made in ways not used before (a zip member written
twice, a text member beside the arrays, a folder entry, an entry renamed with a leading
slash, a structured dtype, a (0, 40) weight, meta/config recording sizes that end in two
outputs or start with two inputs or are floats, dtype float128, n_support a string, inner_lr a
bool, amplitude one number, a model argument MLP does not take, meta-losses shorter than the
steps, meta/step 0 with two meta-losses, meta/seed a string of digits, meta/format 2-D,
meta/changes a list of numbers, meta_lr negative on resume); and for the environment variable
'1' and a newline, 'oui', '1%' and the word 'one'. In the library: Fractions, Decimals (a
Decimal NaN), a timedelta for a number, 2**70, floats where ints are meant, a NumPy array of
two for a scalar, strings, lists, dicts and None where objects are meant, shapes that do not
match (another point count, task count, class count, row count, input width, one column for
two), a bare string where a list of names is meant (``compare.run(strategies="maml")``),
configs each field valid alone but not together (``FOMAMLConfig(first_order=False)``, a
Subset batch with fewer support points than its subset size, a newton_head strategy given a
sinusoid batch, a ClosedForm state without its entry), user callables that return the wrong
thing (a tuple from ``apply`` or ``metric``, None or one value per task from ``loss``, 2-D
inputs from ``sample_x``, another shape from ``target``) or raise (``sample_params``,
``describe``), an index past the end (``compare.cell``'s k, ``adam_rows``' rows), NaN params,
an empty extracted Omniglot folder. Read-only and non-contiguous arrays and float32 were not
used as bad values.

Repeats: the ids of every earlier battery (every ``tests/test_bad_inputs_*.py`` through the
seventeenth and ``tests/sweep_bad_inputs_meta_data.py``: 4,232 ids read by a regex) were
compared with each draft by a token-overlap (Jaccard) search; each pair at 0.5 or more was
read, and the exact argv and environment values were grepped (every value an earlier battery
gave the variable counts as used). A draft was removed when an earlier case had the same
function (a damaged checkpoint read by ``evaluate``, ``train --resume`` or ``load_checkpoint``
counted as one function), the same argument and the same kind of value. Of 353 drafted in four
rounds (205, then 123, 18 and 7 replacements, each searched the same way), 210 were removed --
e.g. ``meta-lr negative``, ``set first_order the number 1``, ``resume and force together``,
``evaluate a gzipped checkpoint``, ``compare val-tasks 0``, ``figures only two stems with a
comma``, ``figures quick given a value``, the values '1e0', '0x1', '+0', 'False', 'Yes' and ' 1'
for the variable, ``softmax_head tol negative``, ``meta_loss batch a plain tuple``,
``MultitaskConfig check head_seed -1``, ``select candidates a generator``, ``load meta/config
a JSON list``, ``load adam m with NaN``, ``save changes a bare string``, ``MLP apply params a
dict``, ``adam eps NaN``, ``clusters spread NaN``, ``a user family whose make_batch returns a
dict``, ``check_shots n_drawings 0``, ``newton head on a regression family`` (the eighth's
``newton_head on a sinusoid object``) -- which left 143 written. Mentions: the argument's
name as in the signature (or the CLI option, the checkpoint entry, the variable) and a short
value's repr; for a one-letter name also the value's shape or dtype, or the name as the
message would quote it (``state['t']``).

Selection, blind and fixed before any run: in each area, in the order written, the cases whose
index i (from 0) has ``i % 5 not in (0, 2)`` are kept (``_kept``): 82 of the 143. After the
first run a case could only be dropped (documented valid, or not a bad input by the docs) or
corrected (the case itself wrong), never added or swapped.

Dropped (``DROPPED``), none of them kept: ``meta_gradient_norm inner_steps 0`` (K = 0 is the
un-adapted meta-gradient, a start of the K axis nothing forbids -- as the fifteenth dropped
``compare adapt-steps 0``), ``save state with an empty array leaf`` (load_checkpoint asks "a
real, finite, numeric array" of each entry, which an empty float64 array is), ``finn_split
characters of strings`` (``OmniglotImages`` holds "the characters' names" as strings, such as
'character01': that is what finn_split is given). Corrected after the first run, the case
being wrong and not the library: ``family sample n_query a string`` (kept) passed 1 support
drawing to a 5-way family, which is refused first ("n_support must be a multiple of n_way");
it now passes 5 (unclear at the first run only because of that); ``finn_split characters of
strings`` (written) left the default n_train 1100 for 3 characters and was "clear" only
because 'characters' is in that other message (then dropped, above). After the first run the
mentions of six cases were also made stricter, so that none is found by accident (no result
changed): ``y`` and ``x``
now with the shape given, ``t`` and ``m`` as ``state['t']`` and ``state['m']``, ``mse``'s
``y`` with the dtype ``<U1``.

First run, at commit 8653030, as written: the 82 kept: 76 clear (92.7%), 2 unclear (2.4%), 4
silent (4.9%), 0 data loss; all 143 written: 130 clear (90.9%), 3 unclear (2.1%), 10 silent
(7.0%), 0 data loss. After the drops and the correction above: the 82 kept: 77 clear (93.9%),
1 unclear (1.2%), 4 silent (4.9%), 0 data loss; the 140 written and not dropped
(``--written``): 130 clear (92.9%), 2 unclear (1.4%), 8 silent (5.7%), 0 data loss. Below the
goal of 95%. Kept, by area (clear/unclear/silent/data loss): command line (train) 9/0/1/0 of
10, command line (evaluate, compare, subcommands) 10/0/1/0 of 11, command line (figures)
2/0/0/0 of 2, environment (command line) 2/0/0/0 of 2, Chapter 2's functions 11/0/1/0 of 12,
strategies 11/0/0/0 of 11, evaluate and train 6/0/1/0 of 7, checkpoints 11/0/0/0 of 11,
nn/optim/batchnorm 6/0/0/0 of 6, task families and losses 5/1/0/0 of 6, Omniglot 4/0/0/0 of 4.

Kept cases not clear, with what each gave at 8653030:

* silent: ``train --seed`` with a full-width digit three (Python's ``int`` reads it: the run
  trained with seed 3); ``evaluate --support 1_0`` (read as 10 and scored);
  ``inner_sgd`` with a ``loss`` returning one value per task instead of one number (stepped);
  ``compare.cell(evaluation, 5)`` of an evaluation with steps 0..1 (returned '-');
* unclear: ``train`` (with a checkpoint) of a user family whose ``describe`` raises: the bare
  KeyError, ``describe`` not named.

Written and not kept, also not clear: silent ``SCRATCHMETA_KEEP_FREED_MEMORY='1\\n'`` under
``train`` (read as 1), ``FOMAMLConfig(first_order=False).check()`` (first-order MAML that is
not first order), ``load_checkpoint`` of a zip with ``state/params/5.npy`` written twice, and
of a meta/config whose sinusoid amplitude is one number (``Sinusoid(amplitude=5.0)`` is a
TypeError; loading does not rebuild the family); unclear ``evaluate`` of the zip with a member
written twice ("error: overflow encountered in matmul", exit 1). The misses gather in spellings
Python's ``int`` accepts (full-width digits, underscores, a trailing newline), in zip-level
damage NumPy reads without complaint, in meta/config values read without rebuilding them, in
user callables whose result has the right type but the wrong shape, and in an index that is
not checked. ``python tests/test_bad_inputs_eighteenth.py`` prints the rates by area (about
3 s; pytest about 4 s). The battery's writer did not change the library.

Round 11 (made without sight of this file, so a blind measurement of it; at commit 45e2814): 78
of the 82 kept clear (95.1%), 0 unclear, 4 silent, 0 data loss (the ``describe`` that raises is
named since round 9's wrapper covers ``describe``); 132 of the 140 written (94.3%). Round 12
(with sight of this file, so not blind): the command line reads numbers written in ASCII
digits only (no '1_0', no full-width digits, no padding); ``FOMAMLConfig.check`` refuses
``first_order=False``; ``load_checkpoint`` refuses a zip holding an entry twice. Left, each
with its reason in ``NOT_CLEAR_YET``: ``compare.cell`` past the last step gives '-' by design
(the table's cell for a step the run did not reach; now in its docstring), and
``inner_sgd`` with a loss that sums each task's squared errors is no bad input (one loss per
task is the contract; a sum instead of a mean is a loss too). Written and not kept, also left:
the variable '1\n', which ``memory.opt_out_value`` documents as stripped. After round 12: 80 of
the 82 kept clear (97.6%), 137 of the 140 written.
"""

import zipfile
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta import compare
from scratchmeta.meta.anil import anil_meta_loss
from scratchmeta.meta.baselines import PretrainedConfig, ScratchConfig
from scratchmeta.meta.checkpoint import load_checkpoint, restore
from scratchmeta.meta.closed_form import ClosedForm, closed_form_meta_loss
from scratchmeta.meta.evaluate import held_out_tasks, recorded_curve
from scratchmeta.meta.exploding import meta_gradient_norm
from scratchmeta.meta.guard import check_update
from scratchmeta.meta.maml import FOMAMLConfig, MAMLConfig, inner_sgd, meta_loss
from scratchmeta.meta.maml_low_rank import meta_loss_low_rank, uses_low_rank
from scratchmeta.meta.newton_head import NewtonHeadConfig
from scratchmeta.meta.normalization import first_step_change, sharpness
from scratchmeta.meta.protocol import describe
from scratchmeta.meta.r2d2_head import r2d2_logits
from scratchmeta.meta.registry import make_family, make_strategy, strategy_from_config
from scratchmeta.meta.reptile import ReptileConfig, reptile_direction
from scratchmeta.meta.ridge import ridge_fit, ridge_head
from scratchmeta.meta.softmax_head import newton_solve, softmax_head, softmax_head_unrolled
from scratchmeta.meta.training import train
from scratchmeta.nn import per_task
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, accuracy, cross_entropy, mse

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import TRAIN, _arrays, _evaluate, _good, _set, _train, battery_main
from test_bad_inputs_cli import assert_wide_and_new, battery_params, kept_cases
from test_bad_inputs_fourth import _rng
from test_bad_inputs_fifth import (_batch, _data, _evaluate_call, _features, _net, _rows_state,
                                   _save, _select)
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare, _fresh
from test_bad_inputs_fourteenth import (_b, _change, _eval_damaged, _family_arg, _family_with,
                                        _fig, _first, _hyper, _m, _model_arg, _omniglot, _p,
                                        _resume_damaged)
from test_bad_inputs_fifteenth import _decimals, _load_damaged, _raising
from test_bad_inputs_sixteenth import _omniglot_params, _small_compare
from test_bad_inputs_seventeenth import _fractions

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()
VAR = "SCRATCHMETA_KEEP_FREED_MEMORY"
BIG = 2 ** 70


# --- objects the cases use -------------------------------------------------------------------

def _write_zip(path, arrays, extra=()):
    """A checkpoint-like zip: each array as ``<key>.npy``, then ``extra`` (name, bytes) members."""
    with zipfile.ZipFile(path, "w") as z:
        for key, value in arrays.items():
            with z.open(key + ".npy", "w") as f:
                np.lib.format.write_array(f, value, allow_pickle=False)
        for name, data in extra:
            z.writestr(name, data)
    return path


def _member_twice(folder):
    """The good checkpoint with a second ``state/params/5.npy`` member appended to the zip."""
    path = folder / "twice.npz"
    path.write_bytes(_good(folder).read_bytes())
    with zipfile.ZipFile(path, "a") as z, z.open("state/params/5.npy", "w") as f:
        np.lib.format.write_array(f, np.array([99.0]), allow_pickle=False)
    return path


def _with_member(folder, name, data):
    """The good checkpoint rewritten with one more zip member ``name`` that is not an array."""
    stem = "".join(c for c in name if c.isalnum()) or "member"
    return _write_zip(folder / f"with_{stem}.npz", _arrays(_good(folder)), [(name, data)])


def _rename(old, new):
    def apply(arrays):
        arrays[new] = arrays.pop(old)
    return apply


def _step_zero(arrays):
    """meta/step and Adam's t set to 0 (consistent with each other) but two meta-losses kept."""
    arrays["meta/step"] = np.array(0)
    arrays["state/adam/t"] = np.array(0)


def _dangling_folder(folder):
    path = folder / "gone_figs"
    path.symlink_to(folder / "never-made")
    return path


def _extracted_empty(folder):
    """A root holding the two folders the zips extract to, both empty."""
    root = folder / "extracted"
    for name in ("images_background", "images_evaluation"):
        (root / name).mkdir(parents=True, exist_ok=True)
    return root


def _theta():
    return per_task(_p(), 2)


def _sgd(**kwargs):
    kwargs = {"inner_lr": 0.01, "inner_steps": 1, **kwargs}
    b = _b()
    return inner_sgd(_theta(), b.x_support, b.y_support, _m().apply, **kwargs)


def _cf_body():
    return _p()[:-2]


def _clusters_state(name):
    strategy = make_strategy(name, "clusters", meta_batch=2)
    return strategy, strategy.init_state(_rng())


def _subset():
    """A Subset strategy whose subset_size (10) is more than the 5 support points of _batch()."""
    strategy = make_strategy("subset", meta_batch=2)
    return strategy, strategy.init_state(_rng())


def _run(**kwargs):
    kwargs = {"seed": 0, "strategies": ("maml",), "n_support": 5, "n_query": 5,
              "val_tasks": 2, "test_tasks": 2, "max_steps": 1, "candidates": (0.01,),
              **kwargs}
    meta_steps = kwargs.pop("meta_steps", {"maml": 1})
    return compare.run(kwargs.pop("family", "sinusoid"), meta_steps, **kwargs)


def _train_lib(**kwargs):
    kwargs = {"seed": 0, **kwargs}
    return train(make_strategy("maml", meta_batch=2), kwargs.pop("n_steps", 1),
                 kwargs.pop("seed"), **kwargs)


def _restore_kw(d, **kwargs):
    return restore(_good(d), **kwargs)


# --- the command line: (id, argv(folder), mentions) ------------------------------------------

CLI_TRAIN_CASES = [
    ("meta-batch in binary", _train("--meta-batch", "0b10"), ["--meta-batch", "0b10"]),
    ("seed a full-width digit", _train("--seed", "\uff13"), ["--seed"]),
    ("inner-lr with a fractional exponent", _train("--inner-lr", "1e-2.5"),
     ["--inner-lr", "1e-2.5"]),
    ("n-support negative zero", _train("--n-support", "-0"), ["--n-support", "-0"]),
    ("set a value with a second equals sign", _train("--set", "inner_lr=0.1=0.2"),
     ["inner_lr"]),
    ("resume a checkpoint that does not exist", lambda d: TRAIN + [
        "--out", str(d / "never.npz"), "--resume"], ["never.npz"]),
    ("steps given no value before another option", lambda d: [
        "train", "--steps", "--seed", "1", "--meta-batch", "2", "--out", str(d / "run.npz")],
     ["--steps"]),
    ("set inner_lr a hexadecimal float", _train("--set", "inner_lr=0x1p-4"), ["inner_lr"]),
    ("checkpoint-every with a unit", _train("--checkpoint-every", "10s"),
     ["--checkpoint-every", "10s"]),
    ("n-query with a thousands comma", _train("--n-query", "1,000"), ["--n-query", "1,000"]),
    ("family with a trailing space", _train("--family", "sinusoid "), ["--family"]),
    ("set two settings in one argument", _train("--set", "inner_lr=0.1 meta_lr=0.01"),
     ["inner_lr"]),
    ("set n_support an empty value", _train("--set", "n_support="), ["n_support"]),
    ("resume a checkpoint whose meta/config has meta_lr negative", _resume_damaged(
        "mlrneg", _hyper("meta_lr", -0.001)), ["meta_lr"]),
    ("meta-batch a superscript two", _train("--meta-batch", "\u00b2"), ["--meta-batch"]),
    ("inner-steps with a trailing dot", _train("--inner-steps", "2."), ["--inner-steps", "2."]),
    ("checkpoint-every in hexadecimal", _train(
        "--checkpoint-every", "0x10"), ["--checkpoint-every", "0x10"]),
]

CLI_OTHER_CASES = [
    ("evaluate steps in hexadecimal", _evaluate(_good, "--steps", "0x2"), ["--steps", "0x2"]),
    ("evaluate root given for a sinusoid checkpoint", lambda d: [
        "evaluate", "--checkpoint", str(_good(d)), "--tasks", "4", "--root", str(d)],
     ["--root"]),
    ("evaluate a checkpoint with a member twice", _evaluate(_member_twice), ["twice.npz"]),
    ("compare seed an empty string", _compare("--seed", ""), ["--seed"]),
    ("evaluate support with an underscore", _evaluate(_good, "--support", "1_0"),
     ["--support", "1_0"]),
    ("evaluate a checkpoint whose model dtype is float128", _eval_damaged(
        "f128", _model_arg("dtype", "float128")), ["float128"]),
    ("evaluate a checkpoint whose model sizes end in two outputs", _eval_damaged(
        "out2", _model_arg("sizes", [1, 40, 40, 2])), ["sizes"]),
    ("evaluate a checkpoint whose n_support is a string", _eval_damaged(
        "nsstr", _hyper("n_support", "10")), ["n_support"]),
    ("evaluate a checkpoint whose meta-losses are shorter than its steps", _eval_damaged(
        "ml1", _set("meta/meta_losses", np.array([1.0]))), ["meta/meta_losses"]),
    ("evaluate a checkpoint with a text member beside the arrays", _evaluate(
        lambda d: _with_member(d, "notes.txt", b"my notes")), ["notes.txt"]),
    ("compare steps with a unit", _compare("--steps", "2k"), ["--steps", "2k"]),
    ("compare tasks with a word after it", _compare("--tasks", "4 tasks"),
     ["--tasks", "4 tasks"]),
    ("compare strategies a family name", _small_compare("sinusoid"), ["sinusoid"]),
    ("compare val-seed 2**64", _compare("--val-seed", str(2 ** 64)),
     ["--val-seed", str(2 ** 64)]),
    ("compare an option of train", _compare("--inner-lr", "0.1"), ["--inner-lr"]),
    ("evaluate an option of train", _evaluate(_good, "--meta-batch", "2"), ["--meta-batch"]),
    ("demo an option of figures", lambda d: ["demo", "--quick"], ["--quick"]),
    ("evaluate query a superscript", _evaluate(_good, "--query", "10\u00b2"),
     ["--query"]),
    ("compare eval-seed negative zero spelt as a float", _compare("--eval-seed", "-0.0"),
     ["--eval-seed", "-0.0"]),
]

CLI_FIGURES_CASES = [
    ("figures quick misspelt", lambda d: ["figures", "--quik", "--only", "fig22_1"],
     ["--quik"]),
    ("figures only a stem with its folder", _fig("--only", "figures/fig22_1"),
     ["figures/fig22_1"]),
    ("figures an option of train", _fig("--steps", "2", "--only", "fig22_1"), ["--steps"]),
    ("figures out a dangling symlink", lambda d: [
        "figures", "--quick", "--only", "fig22_1", "--out", str(_dangling_folder(d))],
     ["gone_figs"]),
]

# command lines under a bad environment: (id, argv(folder), mentions, env)
ENV_CLI_CASES = [
    ("keep-freed-memory a one and a newline, train", _train(), [VAR], {VAR: "1\n"}),
    ("keep-freed-memory 'oui', evaluate", _evaluate(_good), [VAR, "oui"], {VAR: "oui"}),
    ("keep-freed-memory '1%', figures", _fig("--only", "fig22_1"), [VAR, "1%"], {VAR: "1%"}),
    ("keep-freed-memory the word one, figures", _fig("--only", "fig22_1"), [VAR, "one"],
     {VAR: "one"}),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("ridge_fit lam a NumPy array of two", lambda d: ridge_fit(*_features(),
                                                                np.array([0.1, 0.2])), ["lam"]),
    ("softmax_head max_steps a float", lambda d: softmax_head(*_features(), 0.1,
                                                              max_steps=10.0), ["max_steps"]),
    ("newton_solve y of another point count", lambda d: newton_solve(
        _features()[0], _features()[1][:, :4], 0.1), ["y", "(2, 4, 3)"]),
    ("r2d2_logits offset of another class count", lambda d: r2d2_logits(
        *_features(), _features()[0], 0.1, offset=np.zeros(4)), ["offset"]),
    ("r2d2_logits phi_query of another task count", lambda d: r2d2_logits(
        *_features(), np.ones((3, 6, 4)), 0.1), ["phi_query"]),
    ("inner_sgd x and y of different point counts", lambda d: inner_sgd(
        _theta(), _b().x_support, _b().y_support[:, :3], _m().apply, inner_lr=0.01,
        inner_steps=1), ["y", "(2, 3, 1)"]),
    ("inner_sgd loss returning one value per task", lambda d: _sgd(
        loss=lambda pred, y: ((pred - y) ** 2).sum(axis=(1, 2))), ["loss"]),
    ("meta_loss model a string", lambda d: meta_loss(_p(), _b(), "MLP", inner_lr=0.01,
                                                     inner_steps=1), ["model"]),
    ("anil_meta_loss loss returning None", lambda d: anil_meta_loss(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=lambda pred, y: None), ["loss"]),
    ("reptile_direction theta_T of fewer arrays", lambda d: reptile_direction(
        _p(), _theta()[:-1]), ["theta_T"]),
    ("check_update advice a number", lambda d: check_update(
        1.0, [np.ones(2)], step=0, advice=3), ["advice"]),
    ("first_step_change batch a dict", lambda d: first_step_change(
        _p(), dict(_b()._asdict()), _m()), ["batch"]),
    ("meta_gradient_norm inner_steps 0", lambda d: meta_gradient_norm(
        _p(), _b(), _m(), inner_steps=0, inner_lr=0.01), ["inner_steps", "0"]),
    ("uses_low_rank model None", lambda d: uses_low_rank(_p(), _b(), None), ["model"]),
    ("ridge_head targets of Fractions", lambda d: ridge_head(
        _features()[0], _fractions(_features()[1]), 0.1), ["targets"]),
    ("r2d2_logits lam a timedelta", lambda d: r2d2_logits(
        *_features(), _features()[0], np.timedelta64(1, "s")), ["lam"]),
    ("inner_sgd apply returning a tuple", lambda d: inner_sgd(
        _theta(), _b().x_support, _b().y_support, lambda p, x: (x, x), inner_lr=0.01,
        inner_steps=1), ["apply"]),
    ("sharpness iterations a float", lambda d: sharpness(_p(), _b(), _m(), iterations=5.0),
     ["iterations"]),
    ("closed_form_meta_loss given the head too", lambda d: closed_form_meta_loss(
        _p(), _b(), _m(), lam=0.1), ["body_params"]),
    ("meta_loss_low_rank loss a number", lambda d: meta_loss_low_rank(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, loss=1.0), ["loss"]),
    ("softmax_head_unrolled targets of another point count", lambda d: softmax_head_unrolled(
        _features()[0], _features()[1][:, :4], 0.1, 2), ["targets"]),
]

STRATEGY_CASES = [
    ("FOMAMLConfig check first_order False", lambda d: FOMAMLConfig(
        first_order=False).check(), ["first_order"]),
    ("MAMLConfig check inner_steps 2**70", lambda d: MAMLConfig(inner_steps=BIG).check(),
     ["inner_steps"]),
    ("ReptileConfig check meta_lr negative", lambda d: ReptileConfig(meta_lr=-1.0).check(),
     ["meta_lr", "-1"]),
    ("ReptileConfig check n_steps a float", lambda d: ReptileConfig(n_steps=10.0).check(),
     ["n_steps"]),
    ("NewtonHeadConfig check inner_lr inf", lambda d: NewtonHeadConfig(
        inner_lr=np.inf).check(), ["inner_lr"]),
    ("ScratchConfig check inner_lr None", lambda d: ScratchConfig(inner_lr=None).check(),
     ["inner_lr", "None"]),
    ("PretrainedConfig check meta_batch a Fraction", lambda d: PretrainedConfig(
        meta_batch=Fraction(4, 2)).check(), ["meta_batch"]),
    ("make_family an argument misspelt", lambda d: make_family("sinusoid", amplitdue=(1, 2)),
     ["amplitdue"]),
    ("make_family clusters n_way 1", lambda d: make_family("clusters", n_way=1),
     ["n_way", "1"]),
    ("strategy_from_config hyperparameters a string", lambda d: strategy_from_config(
        {**describe(make_strategy("maml", meta_batch=2)), "hyperparameters": "inner_lr=0.1"}),
     ["hyperparameters"]),
    ("closed_form lam of a state without its entry", lambda d: ClosedForm.lam({"params": []}),
     ["state"]),
    ("maml adaptation state params with NaN", lambda d: _first(_fresh()[0].adaptation(
        {**_fresh()[1], "params": [p * np.nan for p in _fresh()[1]["params"]]}, _batch())),
     ["params"]),
    ("multitask initial_head state a list", lambda d: make_strategy(
        "multitask", meta_batch=2, n_train_tasks=4).initial_head([1], _batch()), ["state"]),
    ("subset update a batch with fewer support points than subset_size", lambda d: _subset()[
        0].update(_subset()[1], _batch(), _rng(), 0), ["subset_size"]),
    ("newton_head update a sinusoid batch", lambda d: _clusters_state("newton_head")[0].update(
        _clusters_state("newton_head")[1], _batch(), _rng(), 0), ["batch"]),
    ("make_strategy hyperparameter a Decimal NaN", lambda d: make_strategy(
        "fomaml", meta_lr=Decimal("NaN")), ["meta_lr"]),
    ("make_family linear scale a list", lambda d: make_family("linear", scale=[1.0]),
     ["scale"]),
    ("make_family name with a capital", lambda d: make_family("Clusters"), ["Clusters"]),
    ("FOMAMLConfig check meta_batch 0", lambda d: FOMAMLConfig(meta_batch=0).check(),
     ["meta_batch", "0"]),
]

EVALUATE_CASES = [
    ("evaluate n_steps 2**70", lambda d: _evaluate_call(n_steps=BIG), ["n_steps"]),
    ("train n_steps True", lambda d: _train_lib(n_steps=True), ["n_steps", "True"]),
    ("compare run strategies a bare string", lambda d: _run(strategies="maml"),
     ["strategies"]),
    ("compare run candidates empty", lambda d: _run(candidates=()), ["candidates"]),
    ("compare cell k past the last step", lambda d: compare.cell(_evaluate_call(), 5),
     ["k", "5"]),
    ("compare rows results a list", lambda d: compare.rows([1, 2]), ["results"]),
    ("compare run meta_steps missing a strategy", lambda d: _run(meta_steps={"reptile": 1}),
     ["maml"]),
    ("select n_query 2**70", lambda d: _select(n_query=BIG), ["n_query"]),
    ("held_out_tasks n_query a string", lambda d: held_out_tasks(Sinusoid(), 2, 5, "5"),
     ["n_query"]),
    ("recorded_curve n_steps 2**70", lambda d: recorded_curve(*_fresh(), _batch(), BIG),
     ["n_steps"]),
    ("compare run max_steps negative", lambda d: _run(max_steps=-1), ["max_steps", "-1"]),
    ("compare run train_support 0", lambda d: _run(train_support=0), ["train_support", "0"]),
]

CHECKPOINT_CASES = [
    ("load a member twice in the zip", lambda d: load_checkpoint(_member_twice(d)),
     ["state/params/5"]),
    ("save step -1", lambda d: _save(d, step=-1), ["step", "-1"]),
    ("load meta/config whose sizes start with two inputs", _load_damaged(
        "in2", _model_arg("sizes", [2, 40, 40, 1])), ["sizes"]),
    ("load an entry renamed with a leading slash", _load_damaged(
        "slash", _rename("state/params/0", "/state/params/0")), ["state/params/0"]),
    ("load a params entry of a structured dtype", _load_damaged(
        "struct", _change("state/params/1", lambda a: np.zeros(a.shape, dtype=[("x", "f8")]))),
     ["state/params/1"]),
    ("load meta/changes a list of numbers", _load_damaged(
        "chnum", _set("meta/changes", np.array("[1, 2]"))), ["meta/changes"]),
    ("load meta/config inner_lr a bool", _load_damaged("lrb", _hyper("inner_lr", True)),
     ["inner_lr"]),
    ("load meta/config amplitude a single number", _load_damaged(
        "amp1", _family_arg("amplitude", 5.0)), ["amplitude"]),
    ("load meta/config model arguments with a key it does not take", _load_damaged(
        "drop", _model_arg("dropout", 0.5)), ["dropout"]),
    ("load a zip with a text member beside the arrays", lambda d: load_checkpoint(
        _with_member(d, "notes.txt", b"my notes")), ["notes.txt"]),
    ("load a zip with a folder entry", lambda d: load_checkpoint(
        _with_member(d, "state/", b"")), ["state/"]),
    ("save meta_losses longer than the step", lambda d: _save(d, step=1,
                                                              meta_losses=[1.0, 2.0, 3.0]),
     ["meta_losses"]),
    ("load meta/step 0 with adam t 0 and meta-losses", _load_damaged(
        "step0", _step_zero), ["meta/step"]),
    ("load meta/seed a string of digits", _load_damaged(
        "seeds", _set("meta/seed", np.array("0"))), ["meta/seed"]),
    ("load meta/format 2-D", _load_damaged("fmt2", _change(
        "meta/format", lambda a: np.array([[str(a)]]))), ["meta/format"]),
    ("save state with an empty array leaf", lambda d: _save(d, state={"w": np.zeros(0)}),
     ["state"]),
    ("load a params entry that is a 0-length matrix", _load_damaged(
        "p2e", _set("state/params/2", np.zeros((0, 40)))), ["state/params/2"]),
    ("load meta/config sizes of floats", _load_damaged(
        "sizef", _model_arg("sizes", [1.0, 40.0, 40.0, 1.0])), ["sizes"]),
    ("restore root given for a sinusoid checkpoint", lambda d: _restore_kw(d, root=str(d)),
     ["root"]),
]

NN_CASES = [
    ("adam_rows a row past the end", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((1, 2))], [5], 1e-3), ["rows"]),
    ("adam grads of another length", lambda d: adam_update(
        _net()[1], [np.ones_like(p) for p in _net()[1]][:-1], adam_init(_net()[1]), 1e-3),
     ["grads"]),
    ("adam_rows grads of another row count", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((2, 2))], [1], 1e-3), ["grads"]),
    ("batch_norm offset of Decimals", lambda d: batch_norm(
        np.random.default_rng(0).normal(size=(4, 3)), offset=_decimals(np.zeros(3))),
     ["offset"]),
    ("adam_init params holding a string array", lambda d: adam_init([np.array(["1.0"])]),
     ["params"]),
    ("MLP forward_with x of another width", lambda d: _m().forward_with(
        _p(), np.ones((5, 2)), lambda layer, h, w: h @ w), ["x", "(5, 2)"]),
    ("adam params with NaN", lambda d: adam_update(
        [p * np.nan for p in _net()[1]], [np.ones_like(p) for p in _net()[1]],
        adam_init(_net()[1]), 1e-3), ["params"]),
    ("adam state m of another length", lambda d: adam_update(
        _net()[1], [np.ones_like(p) for p in _net()[1]],
        {**adam_init(_net()[1]), "m": adam_init(_net()[1])["m"][:-1]}, 1e-3), ["state['m']"]),
    ("adam_rows state t of another row count", lambda d: adam_rows(
        [np.zeros((3, 2))], {**_rows_state(), "t": np.zeros(2, int)}, [np.ones((1, 2))], [0],
        1e-3), ["state['t']"]),
    ("batch_norm scale of another task count", lambda d: batch_norm(
        np.random.default_rng(0).normal(size=(2, 4, 3)), scale=np.ones((3, 3))), ["scale"]),
]

TASK_CASES = [
    ("a user family whose target returns another shape", lambda d: _family_with(
        target=lambda self, tp, x: np.zeros((len(tp), 3))).sample(_rng(), 2, 5, 5),
     ["target"]),
    ("a user family whose sample_x returns 2-D", lambda d: _family_with(
        sample_x=lambda self, rng, tp, n: np.zeros((len(tp), n))).sample(_rng(), 2, 5, 5),
     ["sample_x"]),
    ("a user family whose metric returns a tuple", lambda d: _evaluate_call(
        family=_family_with(metric=lambda self, pred, y: (0.1, 0.2))), ["metric"]),
    ("a user family whose sample_params raises", lambda d: _family_with(
        sample_params=_raising(ZeroDivisionError)).sample(_rng(), 2, 5, 5),
     ["sample_params", "ZeroDivisionError"]),
    ("a user family whose describe raises", lambda d: train(make_strategy(
        "maml", _family_with(describe=_raising(KeyError)), meta_batch=2), 1, 0,
        checkpoint=d / "u.npz"), ["describe", "KeyError"]),
    ("cross_entropy y_onehot with negative entries", lambda d: cross_entropy(
        np.zeros((2, 4, 3)), -np.eye(3)[np.zeros((2, 4), int)]), ["y_onehot"]),
    ("sinusoid x_range of equal ends", lambda d: Sinusoid(x_range=(5.0, 5.0)), ["x_range"]),
    ("linear scale a Decimal", lambda d: LinearRegression(scale=Decimal("1.5")), ["scale"]),
    ("sinusoid make_batch task_params of one column", lambda d: Sinusoid().make_batch(
        _rng(), np.ones((2, 1)), 5, 5), ["task_params"]),
    ("mse y of strings", lambda d: mse(np.ones((2, 5, 1)), np.full((2, 5, 1), "1")),
     ["y", "<U1"]),
    ("accuracy y_onehot of another task count", lambda d: accuracy(
        np.zeros((2, 4, 3)), np.eye(3)[np.zeros((3, 4), int)]), ["y_onehot"]),
]

OMNIGLOT_CASES = [
    ("family data a tuple", lambda d: Omniglot(5, data=(1, 2, 3)), ["data"]),
    ("family sample n_query a string", lambda d: _omniglot().sample(_rng(), 2, 5, "5"),
     ["n_query"]),
    ("finn_split characters of strings", lambda d: finn_split(
        np.zeros(3, int), np.array(["a", "b", "c"]), n_train=1, n_validation=1),
     ["characters"]),
    ("family n_way above the test split's characters", lambda d: Omniglot(
        600, "test", data=_data()), ["n_way", "600"]),
    ("load root holding two empty extracted folders", lambda d: omniglot.load(
        str(_extracted_empty(d)), cache_dir=str(d / "cache"), progress=False),
     ["images_background"]),
    ("family make_batch task_params of floats", lambda d: _omniglot().make_batch(
        _rng(), _omniglot_params(lambda tp: None).astype(float) + 0.5, 1, 1),
     ["task_params"]),
    ("family rotate a list", lambda d: Omniglot(5, data=_data(), rotate=[90]), ["rotate"]),
]

WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "cli: figures": CLI_FIGURES_CASES, "environment (cli)": ENV_CLI_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {
    "meta_gradient_norm inner_steps 0": "not a bad input by the docs: K = 0 is the un-adapted "
        "meta-gradient (the plain query gradient at theta0), a starting point of the K axis "
        "that nothing in meta.exploding or the README forbids",
    "save state with an empty array leaf": "documented valid: load_checkpoint's docstring asks "
        "of every state entry that it be 'a real, finite, numeric array', which an empty "
        "float64 array is; save_checkpoint refuses only NaN and inf",
    "finn_split characters of strings": "documented valid: omniglot.load's OmniglotImages holds "
        "'the characters' names' (strings such as 'character01'), and those are what "
        "finn_split is given",
}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 2)."""
    return kept_cases(cases, (0, 2), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    name = case[0]
    return ((group == "omniglot" and name.startswith(("family", "load")))
            or "omniglot" in name)


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {
    'compare cell k past the last step': "by design, now in cell's docstring: '-' is the cell "
                                         "of a step the evaluation did not reach",
    'inner_sgd loss returning one value per task': "not a bad input: a loss giving one value "
                                                   "per task is the contract (a sum per task "
                                                   "instead of a mean is a loss too)",
}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_eighteenth_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 60)


def main():
    """``python tests/test_bad_inputs_eighteenth.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
