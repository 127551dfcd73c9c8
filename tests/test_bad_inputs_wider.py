"""A wider battery of bad inputs (issue 11's goal, measured on cases written independently).

``tests/test_bad_inputs_cli.py`` holds the first battery. The cases here are of
the same kinds but new, written by someone who had read that battery and the
library's other error tests so as not to repeat them, and classified against
the code as it was before any of them was fixed:

* the command line: ``--set`` values that the named flags refuse, flags that
  belong to another family, Omniglot roots that are not Omniglot, checkpoints
  damaged in entries the first battery left alone, ``figures --out`` paths;
* the engine: ``grad``/``jacobian``/``hessian``/``jvp``/``vjp``/``check_grads``
  with arguments of the wrong kind, ops with bad axes, shapes and bounds;
* the samplers of Chapter 3 and the testing kit's assertions and calculators;
* the Omniglot loader and task family.

The classification is the first battery's (clear, unclear, silent, data
loss; see there), with one addition for ``figures``: the figure modules are
replaced by a stub that writes one file where a real figure would, so a bad
``--out`` that is caught only after the work started counts as unclear, and
one that is not caught at all as silent. Before the fixes that came with
this file, 137 cases: 97 clear (70.8%), 21 unclear, 19 silent, 0 data loss
(command line 34/2/8/0 of 44, figures 2/3/1/0 of 6, engine 24/6/1/0 of 31,
samplers 14/4/1/0 of 19, testing kit 10/2/6/0 of 18, Omniglot 13/4/2/0 of 19);
``evaluate --steps 10**13`` counted as silent: it ran on, with no error.
``python tests/test_bad_inputs_wider.py`` prints the rates now.
"""

import json
import os
import pathlib
import sys
import zipfile

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import testing
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.gradcheck import check_grads
from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, ess_tail,
                                  grid_inverse_cdf, metropolis, split_rhat)

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import (TRAIN, _a_file, _damaged, _evaluate, _good, _read_only,
                                 _set, _train, _truncated, classify_call, classify_cli,
                                 report_by_area)

ROOT = str(REAL_DATA)


# --- files and objects the cases use ---------------------------------------------------------

def _empty_dir(folder):
    path = folder / "empty_root"
    path.mkdir(exist_ok=True)
    return path


def _with_extra_member(folder):
    """The good checkpoint with a text file added to its zip (as an archiver might)."""
    path = folder / "extra_member.npz"
    path.write_bytes(_good(folder).read_bytes())
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("README.txt", "my notes")
    return path


def _gzipped(folder):
    import gzip
    path = folder / "gzipped.npz"
    path.write_bytes(gzip.compress(_good(folder).read_bytes()))
    return path


def _config(change):
    """A change of the checkpoint's meta/config record, as JSON."""
    def apply(arrays):
        record = json.loads(str(arrays["meta/config"]))
        change(record)
        arrays["meta/config"] = np.array(json.dumps(record))
    return apply


_DATA = {}


def _data():
    """The real Omniglot drawings (loaded once)."""
    if "data" not in _DATA:
        _DATA["data"] = omniglot.load(ROOT, progress=False)
    return _DATA["data"]


def _family():
    return Omniglot(5, "train", data=_data())


def _square(x):
    return ad.sum(x * x)


X3 = np.array([0.5, -1.0, 2.0])


# --- the command line ----------------------------------------------------------------------
# (id, argv(folder) -> list, mentions)

CLI_CASES = [
    # --set of a name that has a flag: the flag's range applies too
    ("set inner_lr=0", _train("--set", "inner_lr=0"), ["inner_lr", "0"]),
    ("set inner_lr=-0.5", _train("--set", "inner_lr=-0.5"), ["inner_lr", "-0.5"]),
    ("set meta_batch=-2", lambda d: ["train", "--steps", "2", "--set", "meta_batch=-2", "--out",
                                     str(d / "r.npz")], ["meta_batch", "-2"]),
    ("set inner_lr=Infinity", _train("--set", "inner_lr=Infinity"), ["inner_lr", "inf"]),
    ("set first_order=True", _train("--set", "first_order=True"), ["first_order", "'True'"]),
    ("set inner_steps=1e400", _train("--set", "inner_steps=1e400"), ["inner_steps", "inf"]),
    ("set seed=3", _train("--set", "seed=3"), ["seed"]),
    ("set lam=0 on closed_form", lambda d: TRAIN + ["--strategy", "closed_form", "--set", "lam=0",
                                                    "--out", str(d / "r.npz")], ["lam", "0"]),
    # flags: forms the first battery did not try
    ("meta-batch hex", _train("--meta-batch", "0x2"), ["--meta-batch", "'0x2'"]),
    ("log-every e-notation", _train("--log-every", "1e3"), ["--log-every", "'1e3'"]),
    ("inner-lr with a unit", _train("--inner-lr", "0.1s"), ["--inner-lr", "'0.1s'"]),
    ("dtype float16", _train("--family", "omniglot", "--dtype", "float16"),
     ["--dtype", "'float16'"]),
    # flags of another family
    ("root on sinusoid", _train("--root", ROOT), ["--root", "omniglot"]),
    ("dtype on sinusoid", _train("--dtype", "float32"), ["--dtype", "omniglot"]),
    # Omniglot roots that are not Omniglot
    ("omniglot root missing", lambda d: TRAIN + ["--family", "omniglot", "--root",
                                                 str(d / "nowhere"), "--out", str(d / "o.npz")],
     ["root", "nowhere", "not a folder"]),
    ("omniglot root empty folder", lambda d: TRAIN + ["--family", "omniglot", "--root",
                                                      str(_empty_dir(d)), "--out",
                                                      str(d / "o.npz")],
     ["root", "empty_root", "images_background"]),
    ("omniglot root is the zip", lambda d: TRAIN + ["--family", "omniglot", "--root",
                                                    str(REAL_DATA / "images_background.zip"),
                                                    "--out", str(d / "o.npz")],
     ["root", "images_background.zip", "not a folder"]),
    ("omniglot n-support not a multiple", lambda d: TRAIN + ["--family", "omniglot", "--root",
                                                             ROOT, "--n-support", "3", "--out",
                                                             str(d / "o.npz")],
     ["n_support", "3", "multiple of n_way=5"]),
    ("omniglot too many shots", lambda d: TRAIN + ["--family", "omniglot", "--root", ROOT,
                                                   "--n-support", "50", "--n-query", "55",
                                                   "--out", str(d / "o.npz")],
     ["n_support", "n_query", "20"]),
    # resuming from a file that is not a good checkpoint: it is left as it was
    ("resume truncated", lambda d: TRAIN + ["--out", str(_truncated(d)), "--resume"],
     ["truncated.npz", "not a readable checkpoint"]),
    ("resume other zip", lambda d: TRAIN + ["--out", str(d / "other.npz"), "--resume"]
     if np.savez(d / "other.npz", w=np.ones(2)) is None else None,
     ["other.npz", "not a scratchmeta checkpoint"]),
    ("resume negative second moments", lambda d: TRAIN + ["--out", str(_damaged(
        d, "negv", _set("state/adam/v/5", np.array([-1.0])))), "--resume", "--steps", "4"],
     ["state/adam/v/5", "negative"]),
    # evaluate: flags of another family, checkpoints damaged in new entries
    ("eval split on sinusoid", _evaluate(_good, "--split", "test"), ["--split", "omniglot"]),
    ("eval root on sinusoid", _evaluate(_good, "--root", ROOT), ["--root", "omniglot"]),
    ("eval seed negative in file", _evaluate(lambda d: _damaged(d, "negseed", _set(
        "meta/seed", np.array(-1)))), ["meta/seed", "-1"]),
    ("eval unknown format", _evaluate(lambda d: _damaged(d, "fmt99", _set(
        "meta/format", np.array("scratchmeta-checkpoint-99")))),
     ["fmt99.npz", "scratchmeta-checkpoint-99"]),
    ("eval adam t negative", _evaluate(lambda d: _damaged(d, "negt", _set(
        "state/adam/t", np.array(-3)))), ["state/adam/t", "-3"]),
    ("eval adam t not the step", _evaluate(lambda d: _damaged(d, "t7", _set(
        "state/adam/t", np.array(7)))), ["state/adam/t", "7", "step 2"]),
    ("eval negative second moments", _evaluate(lambda d: _damaged(d, "negv2", _set(
        "state/adam/v/2", -np.ones((40, 40))))), ["state/adam/v/2", "negative"]),
    ("eval NaN meta-losses", _evaluate(lambda d: _damaged(d, "nanloss", _set(
        "meta/meta_losses", np.array([1.0, np.nan])))), ["meta/meta_losses", "NaN"]),
    ("eval step as a pair", _evaluate(lambda d: _damaged(d, "steppair", _set(
        "meta/step", np.array([2, 2])))), ["meta/step", "(2,)"]),
    ("eval config a JSON list", _evaluate(lambda d: _damaged(d, "cfglist", _set(
        "meta/config", np.array("[]")))), ["meta/config", "cfglist.npz"]),
    ("eval changes not JSON", _evaluate(lambda d: _damaged(d, "chg", _set(
        "meta/changes", np.array("{oops")))), ["meta/changes", "JSON"]),
    ("eval float32 weights in a float64 run", _evaluate(lambda d: _damaged(d, "f32", _set(
        "state/params/2", np.ones((40, 40), np.float32)))), ["state/params/2", "float32"]),
    ("eval moment of another shape", _evaluate(lambda d: _damaged(d, "mshape", _set(
        "state/adam/m/2", np.ones((40, 41))))), ["state/adam/m/2", "(40, 41)"]),
    ("eval config without a model", _evaluate(lambda d: _damaged(d, "nomodel", _config(
        lambda r: r.pop("model")))), ["nomodel.npz", "model"]),
    ("eval config inner_steps text", _evaluate(lambda d: _damaged(d, "ktext", _config(
        lambda r: r["hyperparameters"].__setitem__("inner_steps", "1")))),
     ["inner_steps", "'1'"]),
    ("eval extra zip member", _evaluate(_with_extra_member), ["extra_member.npz", "README.txt"]),
    ("eval gzipped checkpoint", _evaluate(_gzipped), ["gzipped.npz", "not a checkpoint"]),
    ("eval huge steps", _evaluate(_good, "--steps", str(10 ** 13)), ["--steps", str(10 ** 13)]),
    # compare
    ("compare val-tasks 1", lambda d: ["compare", "--val-tasks", "1"], ["--val-tasks", "'1'"]),
    ("compare same seeds", lambda d: ["compare", "--eval-seed", "7", "--val-seed", "7"],
     ["--eval-seed", "--val-seed", "7"]),
    ("compare no strategy names", lambda d: ["compare", "--strategies"], ["--strategies"]),
    ("compare support e-notation", lambda d: ["compare", "--support", "1e2"],
     ["--support", "'1e2'"]),
]

# figures: the figure modules are stubbed (see _stub_figures), so no figure is made.
FIGURE_CASES = [
    ("figures only unknown", lambda d: ["figures", "--quick", "--only", "fig22_9"], ["fig22_9"]),
    ("figures only nothing", lambda d: ["figures", "--only"], ["--only"]),
    ("figures out empty", lambda d: ["figures", "--quick", "--only", "fig22_1", "--out", ""],
     ["--out", "empty"]),
    ("figures out is a file", lambda d: ["figures", "--quick", "--only", "fig22_1", "--out",
                                         str(_a_file(d))], ["--out", "afile", "is a file"]),
    ("figures out under a file", lambda d: ["figures", "--quick", "--only", "fig22_1", "--out",
                                            str(_a_file(d) / "figs")],
     ["--out", "afile", "is a file"]),
    ("figures out read-only", lambda d: ["figures", "--quick", "--only", "fig22_1", "--out",
                                         str(_read_only(d) / "figs")], ["--out", "not writable"]),
]


# --- library calls ---------------------------------------------------------------------------
# (id, call(folder), exception type, mentions)

ENGINE_CASES = [
    ("grad of a complex array", lambda d: ad.grad(_square)(X3 + 1j), TypeError,
     ["argument 0", "complex"]),
    ("grad of a string", lambda d: ad.grad(_square)("2.0"), TypeError, ["argument 0", "string"]),
    ("grad argnums 1.5", lambda d: ad.grad(_square, argnums=1.5)(X3), TypeError,
     ["argnums", "1.5"]),
    ("grad argnums empty list", lambda d: ad.grad(_square, argnums=[])(X3), ValueError,
     ["argnums", "empty"]),
    ("grad of a function returning text", lambda d: ad.grad(lambda x: "loss")(X3), TypeError,
     ["str", "'loss'"]),
    ("jacobian two argnums", lambda d: ad.jacobian(_square, argnum=(0, 1))(X3, X3), TypeError,
     ["argnum", "(0, 1)"]),
    ("jacobian of a list argument", lambda d: ad.jacobian(ad.sin)([X3, X3]), TypeError,
     ["argument 0", "list"]),
    ("hessian of a vector function", lambda d: ad.hessian(ad.sin)(X3), ValueError,
     ["scalar", "(3,)"]),
    ("jvp primals not a tuple", lambda d: ad.jvp(ad.sin, X3, X3), TypeError,
     ["primals", "tuple", "ndarray"]),
    ("jvp scalar primal not a tuple", lambda d: ad.jvp(ad.sin, 1.0, 1.0), TypeError,
     ["primals", "tuple", "float"]),
    ("jvp tangent shape", lambda d: ad.jvp(ad.sin, (X3,), (np.ones(2),)), ValueError,
     ["tangent 0", "(2,)", "(3,)"]),
    ("jvp integer primal", lambda d: ad.jvp(ad.sin, (np.arange(3),), (np.ones(3),)), TypeError,
     ["integer", "int"]),
    ("vjp cotangent shape", lambda d: ad.vjp(ad.sin, X3)[1](np.ones(4)), ValueError,
     ["cotangent", "(4,)", "(3,)"]),
    ("vjp of a string", lambda d: ad.vjp("sin", X3), TypeError, ["vjp", "str"]),
    ("check_grads no arguments", lambda d: check_grads(ad.sin, ()), ValueError,
     ["check_grads", "args", "()"]),
    ("check_grads a string function", lambda d: check_grads("sin", (X3,)), TypeError,
     ["check_grads", "fun", "'sin'"]),
    ("check_grads NaN argument", lambda d: check_grads(ad.sin, (np.array([1.0, np.nan]),)),
     ValueError, ["check_grads", "argument 0", "NaN"]),
    ("check_grads order 2.5", lambda d: check_grads(ad.sin, (X3,), order=2.5), ValueError,
     ["order", "2.5"]),
    ("check_grads eps as text", lambda d: check_grads(ad.sin, (X3,), eps="1e-6"), ValueError,
     ["eps", "'1e-6'"]),
    ("sum over a fractional axis", lambda d: ad.sum(X3, axis=1.5), TypeError,
     ["sum", "axis", "1.5"]),
    ("reshape to the wrong size", lambda d: ad.reshape(X3, (4,)), ValueError,
     ["reshape", "(3,)", "(4,)"]),
    ("transpose with a repeated axis", lambda d: ad.transpose(np.ones((2, 3)), (0, 0)),
     ValueError, ["transpose", "(2, 3)", "(0, 0)"]),
    ("concatenate nothing", lambda d: ad.concatenate([]), ValueError, ["concatenate"]),
    ("stack of different shapes", lambda d: ad.stack([np.ones(2), np.ones(3)]), ValueError,
     ["stack", "(2,)", "(3,)"]),
    ("clip with bounds swapped", lambda d: ad.clip(X3, 2.0, 1.0), ValueError,
     ["clip", "a_min", "2.0", "a_max", "1.0"]),
    ("index by a float", lambda d: ad.grad(lambda x: x[1.5])(X3), TypeError,
     ["getitem", "1.5"]),
    ("mean over a repeated axis", lambda d: ad.mean(np.ones((2, 3)), axis=(0, 0)), ValueError,
     ["axis", "(0, 0)"]),
    ("expand_dims past the end", lambda d: ad.expand_dims(X3, 5), ValueError,
     ["expand_dims", "5", "(3,)"]),
    ("power by a string", lambda d: ad.power(X3, "2"), TypeError, ["power", "'2'"]),
    ("einsum with an unknown output index", lambda d: ad.einsum("ij->k", np.ones((2, 2))),
     ValueError, ["einsum", "ij->k"]),
    ("max of an empty array", lambda d: ad.max(np.zeros(0)), ValueError, ["max", "(0,)"]),
]

SAMPLING_CASES = [
    ("discrete all zeros", lambda d: DiscreteInverseCDF([0.0, 0.0]), ValueError,
     ["p", "sum to 1", "0.0"]),
    ("discrete a scalar", lambda d: DiscreteInverseCDF(0.5), ValueError, ["p", "1-D", "()"]),
    ("discrete a dict", lambda d: DiscreteInverseCDF({"a": 0.5, "b": 0.5}), TypeError,
     ["p", "real numbers"]),
    ("discrete size with a negative", lambda d: DiscreteInverseCDF([0.5, 0.5]).sample(
        (2, -1), np.random.default_rng(0)), ValueError, ["size", "(2, -1)"]),
    ("discrete size a list", lambda d: DiscreteInverseCDF([0.5, 0.5]).sample(
        [2, 3], np.random.default_rng(0)), TypeError, ["size", "[2, 3]"]),
    ("discrete huge size", lambda d: DiscreteInverseCDF([0.5, 0.5]).sample(
        10 ** 13, np.random.default_rng(0)), ValueError, ["size", "memory", "iB"]),
    ("discrete rvs float seed", lambda d: DiscreteInverseCDF([0.5, 0.5]).rvs(
        3, random_state=2.5), TypeError, ["random_state", "float"]),
    ("from_ppf cdf a string", lambda d: ContinuousInverseCDF.from_ppf(stats.norm.ppf,
                                                                      cdf="norm"),
     TypeError, ["cdf", "str"]),
    ("from_density three ends", lambda d: ContinuousInverseCDF.from_density(
        np.ones_like, (0.0, 1.0, 2.0)), ValueError, ["domain", "(0.0, 1.0, 2.0)"]),
    ("from_density center NaN", lambda d: ContinuousInverseCDF.from_density(
        np.ones_like, (0.0, 1.0), center=np.nan), ValueError, ["center", "nan"]),
    ("from_density u_resolution NaN", lambda d: ContinuousInverseCDF.from_density(
        np.ones_like, (0.0, 1.0), u_resolution=np.nan), ValueError, ["u_resolution", "nan"]),
    ("grid n True", lambda d: grid_inverse_cdf(np.ones_like, 0.0, 1.0, True), ValueError,
     ["n", "True"]),
    ("grid n huge", lambda d: grid_inverse_cdf(np.ones_like, 0.0, 1.0, 10 ** 13), ValueError,
     ["n", "memory", "iB"]),
    ("metropolis no chains", lambda d: metropolis(lambda x: -np.sum(x * x, 1), np.zeros((0, 1)),
                                                  10, np.random.default_rng(0)), ValueError,
     ["x0", "(0, 1)"]),
    ("metropolis target NaN", lambda d: metropolis(lambda x: -np.sum(x * x, 1), np.zeros((2, 1)),
                                                   10, np.random.default_rng(0),
                                                   target_acceptance=np.nan), ValueError,
     ["target_acceptance", "nan"]),
    ("metropolis huge n_steps", lambda d: metropolis(lambda x: -np.sum(x * x, 1),
                                                     np.zeros((2, 1)), 10 ** 13,
                                                     np.random.default_rng(0)), ValueError,
     ["n_steps", "memory", "iB"]),
    ("ess_tail one probability", lambda d: ess_tail(np.zeros((2, 8)) + np.arange(8), prob=(0.05,)),
     ValueError, ["prob", "(0.05,)"]),
    ("ess_tail probability above 1", lambda d: ess_tail(np.zeros((2, 8)) + np.arange(8),
                                                        prob=(0.5, 1.5)),
     ValueError, ["prob", "1.5"]),
    ("split_rhat ragged chains", lambda d: split_rhat([[1.0, 2.0, 3.0, 4.0], [1.0, 2.0]]),
     TypeError, ["draws"]),
]

TESTING_CASES = [
    ("dkw alpha NaN", lambda d: testing.dkw_epsilon(10, alpha=np.nan), ValueError,
     ["alpha", "nan"]),
    ("dkw alpha text", lambda d: testing.dkw_epsilon(10, alpha="0.01"), TypeError,
     ["alpha", "'0.01'"]),
    ("smallest_detectable samples True", lambda d: testing.smallest_detectable(100, samples=True),
     ValueError, ["samples", "True"]),
    ("smallest_detectable samples 2.0", lambda d: testing.smallest_detectable(100, samples=2.0),
     ValueError, ["samples", "2.0"]),
    ("draws_needed samples text", lambda d: testing.draws_needed(0.1, samples="2"), ValueError,
     ["samples", "'2'"]),
    ("chi_square_pvalue p not summing to 1", lambda d: testing.chi_square_pvalue([10, 10],
                                                                                 [0.5, 0.6]),
     ValueError, ["p", "summing to 1"]),
    ("chi_square_pvalue lengths differ", lambda d: testing.chi_square_pvalue([10, 10, 5],
                                                                             [0.5, 0.5]),
     ValueError, ["counts", "(3,)", "(2,)"]),
    ("chi_square_pvalue negative count", lambda d: testing.chi_square_pvalue([-3, 5],
                                                                             [0.5, 0.5]),
     ValueError, ["counts", "-3"]),
    ("chi_square_power n negative", lambda d: testing.chi_square_power([0.5, 0.5], [0.4, 0.6], -5),
     ValueError, ["n", "-5"]),
    ("chi_square_power n fractional", lambda d: testing.chi_square_power([0.5, 0.5], [0.4, 0.6],
                                                                         2.5),
     TypeError, ["n", "2.5"]),
    ("chi_square_power q of another length", lambda d: testing.chi_square_power(
        [0.5, 0.5], [0.3, 0.3, 0.4], 100), ValueError, ["q", "(3,)", "(2,)"]),
    ("labels alpha zero", lambda d: testing.assert_labels_match([0, 1], [0.5, 0.5], alpha=0.0),
     ValueError, ["alpha", "0.0"]),
    ("labels bool", lambda d: testing.assert_labels_match([True, False], [0.5, 0.5]), TypeError,
     ["labels", "bool"]),
    ("inverts u_resolution True", lambda d: testing.assert_inverts(np.sort, np.sort, [0.5], True),
     ValueError, ["u_resolution", "True"]),
    ("monotone a string ppf", lambda d: testing.assert_monotone("ppf", [0.5]), TypeError,
     ["ppf", "str"]),
    ("cdf_matches alpha 1.5", lambda d: testing.assert_cdf_matches([0.1], stats.norm.cdf,
                                                                   alpha=1.5),
     ValueError, ["alpha", "1.5"]),
    ("same_distribution empty", lambda d: testing.assert_same_distribution([], [1.0]),
     ValueError, ["x", "empty"]),
    ("cdf_matches text draws", lambda d: testing.assert_cdf_matches(["a", "b"], stats.norm.cdf),
     TypeError, ["samples", "list"]),
]

OMNIGLOT_CASES = [
    ("load a missing root", lambda d: omniglot.load(d / "nowhere", cache_dir=d, progress=False),
     ValueError, ["root", "nowhere", "not a folder"]),
    ("load a root that is the zip", lambda d: omniglot.load(REAL_DATA / "images_background.zip",
                                                            cache_dir=d, progress=False),
     ValueError, ["root", "images_background.zip", "not a folder"]),
    ("load an empty root", lambda d: omniglot.load(_empty_dir(d), cache_dir=d, progress=False),
     ValueError, ["root", "empty_root", "images_background.zip"]),
    ("load progress text", lambda d: omniglot.load(ROOT, progress="no"), TypeError,
     ["progress", "'no'"]),
    ("load cache_dir int", lambda d: omniglot.load(ROOT, cache_dir=5), TypeError,
     ["cache_dir", "5"]),
    ("load root bytes", lambda d: omniglot.load(ROOT.encode()), TypeError,
     ["root", "bytes"]),
    ("family n_way 5.0", lambda d: Omniglot(5.0, data=_data()), ValueError, ["n_way", "5.0"]),
    ("family n_way True", lambda d: Omniglot(True, data=_data()), ValueError, ["n_way", "True"]),
    ("family split Train", lambda d: Omniglot(5, "Train", data=_data()), ValueError,
     ["split", "'Train'"]),
    ("family split None", lambda d: Omniglot(5, None, data=_data()), ValueError,
     ["split", "None"]),
    ("family dtype unknown", lambda d: Omniglot(5, data=_data(), dtype="float64x"), TypeError,
     ["dtype", "'float64x'"]),
    ("family dtype float16", lambda d: Omniglot(5, data=_data(), dtype=np.float16), TypeError,
     ["dtype", "float16", "float32 or float64"]),
    ("family dtype int", lambda d: Omniglot(5, data=_data(), dtype="int32"), TypeError,
     ["dtype", "int32"]),
    ("family n_train True", lambda d: Omniglot(5, "validation", data=_data(), n_train=True),
     ValueError, ["n_train", "True"]),
    ("family rotate 1", lambda d: Omniglot(5, data=_data(), rotate=1), TypeError,
     ["rotate", "1"]),
    ("family sample int rng", lambda d: _family().sample(0, 2, 5, 5), TypeError,
     ["rng", "0", "Generator"]),
    ("family sample n_query True", lambda d: _family().sample(np.random.default_rng(0), 2, 5,
                                                              True),
     ValueError, ["n_query", "True"]),
    ("family batch of a missing character", lambda d: _family().make_batch(
        np.random.default_rng(0), np.full((1, 5, 2), 99999), 5, 5), ValueError,
     ["task_params", "99999"]),
    ("family batch of float params", lambda d: _family().make_batch(
        np.random.default_rng(0), np.full((1, 5, 2), 0.5), 5, 5), TypeError,
     ["task_params", "float64"]),
]

LIBRARY_GROUPS = {"engine": ENGINE_CASES, "samplers": SAMPLING_CASES,
                  "testing kit": TESTING_CASES, "omniglot": OMNIGLOT_CASES}


# --- running the figures command without making figures -------------------------------------

class _StubFigure:
    """Stands in for a figure module: it does what ``make`` does to the folder, and counts."""

    calls = 0

    @classmethod
    def make(cls, out_dir, *, quick=False, seed=0):
        cls.calls += 1
        path = pathlib.Path(out_dir)
        path.mkdir(parents=True, exist_ok=True)
        (path / "stub.png").write_bytes(b"png")
        return {"files": [str(path / "stub.png")]}


def classify_figures(argv, mentions, folder):
    """As classify_cli, with the figure modules stubbed and the work counted."""
    from scratchmeta import figures
    saved, cwd = figures._load, os.getcwd()
    figures._load, _StubFigure.calls = (lambda module: _StubFigure), 0
    os.chdir(folder)
    try:
        kind, detail = classify_cli(argv, mentions, folder)
    finally:
        figures._load = saved
        os.chdir(cwd)
    if kind == "clear" and _StubFigure.calls:
        return "unclear", f"refused only after the work started: {detail}"
    return kind, detail


def _classify(group, case, folder):
    name, make, *rest = case
    if group == "cli":
        return classify_cli(make(folder), rest[0], folder)
    if group == "figures":
        return classify_figures(make(folder), rest[0], folder)
    error, mentions = rest
    kind, detail = classify_call(make, mentions, folder)
    if kind == "clear" and not detail.startswith(error.__name__ + ":"):
        return "unclear", f"expected {error.__name__}: {detail}"
    return kind, detail


def _params(group, cases):
    return pytest.mark.parametrize("case", cases, ids=[c[0] for c in cases])


@_params("cli", CLI_CASES)
def test_a_bad_command_line_is_one_clear_error_line(case, folder):
    _good(folder)                                # a checkpoint that must survive every case
    kind, detail = _classify("cli", case, folder)
    assert kind == "clear", detail


@_params("figures", FIGURE_CASES)
def test_a_bad_figures_command_is_refused_before_any_figure_is_made(case, folder):
    kind, detail = _classify("figures", case, folder)
    assert kind == "clear", detail


@pytest.mark.parametrize("group, case", [(g, c) for g, cases in LIBRARY_GROUPS.items()
                                         for c in cases],
                         ids=[f"{g}: {c[0]}" for g, cases in LIBRARY_GROUPS.items()
                              for c in cases])
def test_a_bad_library_call_is_a_clear_error_of_the_right_type(group, case, folder):
    if group == "omniglot" and not REAL_DATA.is_dir():
        pytest.skip(f"Omniglot archives not found at {REAL_DATA}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_wider_battery_is_wide():
    groups = [CLI_CASES, FIGURE_CASES, *LIBRARY_GROUPS.values()]
    assert sum(map(len, groups)) >= 80
    names = [c[0] for cases in groups for c in cases]
    assert len(names) == len(set(names))


def main():
    """Run every case and print the rates by area (``python tests/test_bad_inputs_wider.py``)."""
    report_by_area({"cli": CLI_CASES, "figures": FIGURE_CASES, **LIBRARY_GROUPS}, _classify,
                   skip=sys.argv[1:])


if __name__ == "__main__":
    main()
