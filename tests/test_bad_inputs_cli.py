"""A battery of bad inputs, as a careless user types them (issue 11's goal, measured).

Each case is one command line (or one library call) that is wrong in one
way: a flag of the wrong type or out of range, a ``--set`` value of the wrong
type, an output path that cannot be written, a checkpoint that is damaged in
one entry, a run that cannot resume, a size that cannot fit in memory. Each
is classified, by what a user sees:

* **clear**: the CLI exits 2 with one line, ``error: ...``, and no traceback
  (a library call raises ValueError or TypeError), and the message names the
  argument and the value given (``mentions``);
* **unclear**: an error, but a traceback, several lines, another exit code,
  or a message that does not name what was wrong;
* **silent**: exit 0 (or no exception): a result from a bad input;
* **data loss**: a checkpoint that existed before the command is changed or
  gone after it, or a file left behind that cannot be loaded.

Every case must be clear. ``python tests/test_bad_inputs_cli.py`` prints the
rates over the whole battery without stopping at the first failure.
"""

import contextlib
import io
import json
import os
import pathlib
import sys
import tempfile
import traceback

import numpy as np
import pytest

from scratchmeta import cli
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.training import (check_checkpoint_path, load_checkpoint, restore,
                                       save_checkpoint, train)
from scratchmeta.tasks import Sinusoid

TRAIN = ["train", "--steps", "2", "--meta-batch", "2"]


# --- files the cases use -----------------------------------------------------------------

def _good(folder):
    """A valid two-step MAML checkpoint (made once per folder)."""
    path = folder / "good.npz"
    if not path.exists():
        train(make_strategy("maml", meta_batch=2), 2, seed=0, checkpoint=path)
    return path


def _arrays(path):
    with np.load(path, allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


def _damaged(folder, name, change):
    """A copy of the good checkpoint with ``change(arrays)`` applied."""
    arrays = _arrays(_good(folder))
    change(arrays)
    path = folder / f"{name}.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def _with_pickle(folder):
    arrays = _arrays(_good(folder))
    arrays["state/params/0"] = np.array([{"a": 1}], dtype=object)
    path = folder / "pickled.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def _text(folder, name="notes.txt", text="these are my notes\n"):
    path = folder / name
    path.write_text(text)
    return path


def _truncated(folder):
    data = _good(folder).read_bytes()
    path = folder / "truncated.npz"
    path.write_bytes(data[: len(data) // 2])
    return path


def _other_zip(folder):
    path = folder / "other.npz"
    with open(path, "wb") as f:
        np.savez(f, weights=np.ones(3))
    return path


def _a_file(folder):
    path = folder / "afile"
    path.write_text("x")
    return path


def _read_only(folder):
    # A folder no one can write: as root, chmod does not stop writing, so use /proc.
    path = folder / "locked"
    path.mkdir(exist_ok=True)
    path.chmod(0o555)
    if os.geteuid() == 0 or os.access(path, os.W_OK):
        return pathlib.Path("/proc/scratchmeta-test")
    return path


def _set(name, value):
    return lambda arrays: arrays.__setitem__(name, value)


def _drop(name):
    return lambda arrays: arrays.pop(name)


def _nan_entry(arrays):
    arrays["state/params/0"] = arrays["state/params/0"] * np.nan


# --- the cases -----------------------------------------------------------------------------
# (id, argv(folder) -> list, mentions: what the message must name, protect: a file the
#  command must leave unchanged, or None)

def _train(*extra):
    return lambda d: TRAIN + ["--out", str(d / "run.npz"), *extra]


def _evaluate(make, *extra):
    return lambda d: ["evaluate", "--checkpoint", str(make(d)), "--tasks", "4", *extra]


CLI_CASES = [
    # flags: type and range
    ("steps negative", _train("--steps", "-1"), ["--steps", "-1"]),
    ("steps fractional", _train("--steps", "1.5"), ["--steps", "1.5"]),
    ("steps word", _train("--steps", "many"), ["--steps", "many"]),
    ("steps empty", _train("--steps", ""), ["--steps", "''"]),
    ("seed negative", _train("--seed", "-1"), ["--seed", "-1"]),
    ("seed 2**63", _train("--seed", str(2 ** 63)), ["--seed", str(2 ** 63)]),
    ("seed huge", _train("--seed", "9" * 25), ["--seed", "9" * 25]),
    ("seed word", _train("--seed", "abc"), ["--seed", "abc"]),
    ("inner-lr nan", _train("--inner-lr", "nan"), ["--inner-lr", "nan"]),
    ("inner-lr -inf", _train("--inner-lr", "-inf"), ["--inner-lr", "-inf"]),
    ("inner-lr inf", _train("--inner-lr", "inf"), ["--inner-lr", "inf"]),
    ("inner-lr 1e400", _train("--inner-lr", "1e400"), ["--inner-lr", "1e400"]),
    ("inner-lr zero", _train("--inner-lr", "0"), ["--inner-lr", "0"]),
    ("inner-lr fast", _train("--inner-lr", "fast"), ["--inner-lr", "fast"]),
    ("meta-lr negative", _train("--meta-lr", "-0.1"), ["--meta-lr", "-0.1"]),
    ("meta-lr inf", _train("--meta-lr", "inf"), ["--meta-lr", "inf"]),
    ("meta-batch zero", _train("--meta-batch", "0"), ["--meta-batch", "0"]),
    ("meta-batch fractional", _train("--meta-batch", "2.5"), ["--meta-batch", "2.5"]),
    ("n-support negative", _train("--n-support", "-3"), ["--n-support", "-3"]),
    ("n-query zero", _train("--n-query", "0"), ["--n-query", "0"]),
    ("inner-steps negative", _train("--inner-steps", "-1"), ["--inner-steps", "-1"]),
    ("inner-steps word", _train("--inner-steps", "two"), ["--inner-steps", "two"]),
    ("lam zero", lambda d: TRAIN + ["--strategy", "closed_form", "--lam", "0", "--out",
                                    str(d / "run.npz")], ["--lam", "0"]),
    ("lam nan", lambda d: TRAIN + ["--strategy", "closed_form", "--lam", "nan", "--out",
                                   str(d / "run.npz")], ["--lam", "nan"]),
    ("checkpoint-every zero", _train("--checkpoint-every", "0"), ["--checkpoint-every", "0"]),
    ("log-every negative", _train("--log-every", "-5"), ["--log-every", "-5"]),
    ("strategy unknown", _train("--strategy", "mamal"), ["--strategy", "mamal"]),
    ("family unknown", _train("--family", "circles"), ["--family", "circles"]),
    ("unknown flag", _train("--inner_lr", "0.1"), ["--inner_lr"]),
    # --set: the declared type of every field
    ("set inner_steps=true", _train("--set", "inner_steps=true"), ["inner_steps", "True"]),
    ("set inner_steps=2.5", _train("--set", "inner_steps=2.5"), ["inner_steps", "2.5"]),
    ("set inner_steps quoted", _train("--set", 'inner_steps="3"'), ["inner_steps", "'3'"]),
    ("set n_query=false", _train("--set", "n_query=false"), ["n_query", "False"]),
    ("set inner_lr=null", _train("--set", "inner_lr=null"), ["inner_lr", "None"]),
    ("set inner_lr=list", _train("--set", "inner_lr=[1, 2]"), ["inner_lr", "list"]),
    ("set inner_lr=fast", _train("--set", "inner_lr=fast"), ["inner_lr", "'fast'"]),
    ("set inner_lr=NaN", _train("--set", "inner_lr=NaN"), ["inner_lr", "nan"]),
    ("set meta_lr=1e400", _train("--set", "meta_lr=1e400"), ["meta_lr", "inf"]),
    ("set first_order=1", _train("--set", "first_order=1"), ["first_order", "1"]),
    ("set first_order=yes", _train("--set", "first_order=yes"), ["first_order", "'yes'"]),
    ("set n_query=0", _train("--set", "n_query=0"), ["n_query", "0"]),
    ("set n_support=-1", _train("--set", "n_support=-1"), ["n_support", "-1"]),
    ("set unknown name", _train("--set", "speed=3"), ["speed"]),
    ("set no value", _train("--set", "lam"), ["NAME=VALUE", "'lam'"]),
    ("set no name", _train("--set", "=3"), ["NAME=VALUE", "'=3'"]),
    ("set given twice", _train("--inner-lr", "0.1", "--set", "inner_lr=0.2"),
     ["inner_lr", "twice"]),
    ("set lam on maml", _train("--set", "lam=0.1"), ["lam", "MAML"]),
    ("multitask head_init", lambda d: TRAIN + ["--strategy", "multitask", "--set",
                                               "head_init=bogus", "--out", str(d / "r.npz")],
     ["head_init", "'bogus'"]),
    ("multitask head_init int", lambda d: TRAIN + ["--strategy", "multitask", "--set",
                                                   "head_init=3", "--out", str(d / "r.npz")],
     ["head_init", "3"]),
    ("multitask batch > pool", lambda d: TRAIN + ["--strategy", "multitask", "--set",
                                                  "n_train_tasks=1", "--out", str(d / "r.npz")],
     ["meta_batch", "n_train_tasks"]),
    ("multitask n-query", lambda d: TRAIN + ["--strategy", "multitask", "--n-query", "5",
                                             "--out", str(d / "r.npz")], ["n_query"]),
    ("subset size > support", lambda d: TRAIN + ["--strategy", "subset", "--set",
                                                 "subset_size=500", "--out", str(d / "r.npz")],
     ["subset_size", "500"]),
    ("reptile n_steps < steps", lambda d: ["train", "--strategy", "reptile", "--steps", "5",
                                           "--set", "n_steps=2", "--out", str(d / "r.npz")],
     ["n_steps", "2", "5"]),
    ("reptile batched=2", lambda d: TRAIN + ["--strategy", "reptile", "--set", "batched=2",
                                             "--out", str(d / "r.npz")], ["batched", "2"]),
    ("scratch meta-lr", lambda d: TRAIN + ["--strategy", "scratch", "--meta-lr", "0.1",
                                           "--out", str(d / "r.npz")], ["meta_lr"]),
    ("closed_form inner-steps", lambda d: TRAIN + ["--strategy", "closed_form",
                                                   "--inner-steps", "2", "--out",
                                                   str(d / "r.npz")], ["inner_steps"]),
    # sizes that cannot fit: refused before allocating, with the size they would need
    ("huge n_support", _train("--n-support", str(10 ** 13)), ["memory", "PiB"]),
    ("huge meta_batch", _train("--meta-batch", str(10 ** 12)), ["memory", "PiB"]),
    ("huge inner_steps", _train("--inner-steps", str(10 ** 12)),
     ["inner_steps", str(10 ** 12), "100,000"]),        # round 73: a typo, before any memory
    ("huge n_query", _train("--set", f"n_query={10 ** 14}"), ["memory", "PiB"]),
    # output paths, checked before any work
    ("out empty", _train("--out", ""), ["--out", "empty"]),
    ("out blank", _train("--out", "  "), ["--out", "'  '"]),
    ("out not npz", _train("--out", "run.ckpt"), ["--out", "run.ckpt", ".npz"]),
    ("out bare .npz", lambda d: TRAIN + ["--out", str(d / ".npz")], ["--out", ".npz"]),
    ("out is a folder", lambda d: TRAIN + ["--out", str(d)], ["--out", ".npz"]),
    ("out folder named .npz", lambda d: (d / "f.npz").mkdir(exist_ok=True) or
     TRAIN + ["--out", str(d / "f.npz")], ["f.npz", "folder"]),
    ("out under a file", lambda d: TRAIN + ["--out", str(_a_file(d) / "x.npz")],
     ["afile", "is a file"]),
    ("out deep under a file", lambda d: TRAIN + ["--out", str(_a_file(d) / "a" / "b.npz")],
     ["afile", "is a file"]),
    ("out read-only folder", lambda d: TRAIN + ["--out", str(_read_only(d) / "x.npz")],
     ["not writable"]),
    # runs that cannot start or resume; the existing file must stay as it was
    ("exists without force", lambda d: TRAIN + ["--out", str(_good(d))], ["exists", "--resume"]),
    ("resume and force", lambda d: TRAIN + ["--out", str(_good(d)), "--resume", "--force"],
     ["--resume", "--force"]),
    ("resume missing file", _train("--resume"), ["--resume", "run.npz"]),
    ("resume other seed", lambda d: TRAIN + ["--out", str(_good(d)), "--resume", "--seed", "3"],
     ["seed", "3"]),
    ("resume other strategy", lambda d: TRAIN + ["--out", str(_good(d)), "--resume",
                                                 "--strategy", "fomaml"], ["fomaml", "maml"]),
    ("resume fewer steps", lambda d: ["train", "--steps", "1", "--out", str(_good(d)),
                                      "--resume"], ["step 2", "n_steps = 1"]),
    ("resume first_order", lambda d: TRAIN + ["--out", str(_good(d)), "--resume", "--set",
                                              "first_order=true"], ["first_order"]),
    ("resume a text file", lambda d: TRAIN + ["--out", str(_text(d, "t.npz")), "--resume"],
     ["t.npz", "text file"]),
    ("resume NaN weights", lambda d: TRAIN + ["--out", str(_damaged(d, "nan", _nan_entry)),
                                              "--resume", "--steps", "4"],
     ["state/params/0", "NaN"]),
    # checkpoints: every entry checked, the entry named
    ("eval text file", _evaluate(_text), ["notes.txt", "text file"]),
    ("eval empty file", _evaluate(lambda d: _text(d, "empty.npz", "")), ["empty.npz", "empty"]),
    ("eval npy file", _evaluate(lambda d: (np.save(d / "one.npy", np.ones(3)), d / "one.npy")[1]),
     ["one.npy", ".npy"]),
    ("eval binary junk", _evaluate(lambda d: (d.joinpath("junk.npz").write_bytes(
        bytes(range(256))), d / "junk.npz")[1]), ["junk.npz", "binary"]),
    ("eval truncated", _evaluate(_truncated), ["truncated.npz", "not a readable checkpoint"]),
    ("eval other zip", _evaluate(_other_zip), ["other.npz", "not a scratchmeta checkpoint"]),
    ("eval pickled entry", _evaluate(_with_pickle), ["pickled.npz", "pickled"]),
    ("eval missing entry", _evaluate(lambda d: _damaged(d, "missing", _drop("state/params/1"))),
     ["state/params/1", "missing"]),
    ("eval extra entry", _evaluate(lambda d: _damaged(d, "extra", _set("state/params/9",
                                                                        np.ones(2)))),
     ["state/params/9", "unexpected"]),
    ("eval reshaped entry", _evaluate(lambda d: _damaged(d, "reshaped", _set(
        "state/params/0", np.ones((40, 1))))), ["state/params/0", "(40, 1)", "(1, 40)"]),
    ("eval complex entry", _evaluate(lambda d: _damaged(d, "complex", _set(
        "state/params/0", np.ones((1, 40)) * 1j))), ["state/params/0", "complex"]),
    ("eval text entry", _evaluate(lambda d: _damaged(d, "textentry", _set(
        "state/params/0", np.array(["a"] * 40).reshape(1, 40)))), ["state/params/0", "text"]),
    ("eval NaN weights", _evaluate(lambda d: _damaged(d, "nanw", _nan_entry)),
     ["state/params/0", "NaN"]),
    ("eval inf weights", _evaluate(lambda d: _damaged(d, "infw", _set(
        "state/params/2", np.full((40, 40), np.inf)))), ["state/params/2", "inf"]),
    ("eval integer adam t as float", _evaluate(lambda d: _damaged(d, "tfloat", _set(
        "state/adam/t", np.array(2.5)))), ["state/adam/t", "integers"]),
    ("eval step negative", _evaluate(lambda d: _damaged(d, "negstep", _set(
        "meta/step", np.array(-1)))), ["meta/step", "-1"]),
    ("eval step text", _evaluate(lambda d: _damaged(d, "txtstep", _set(
        "meta/step", np.array("two")))), ["meta/step", "integer"]),
    ("eval config not json", _evaluate(lambda d: _damaged(d, "badjson", _set(
        "meta/config", np.array("{not json")))), ["meta/config", "JSON"]),
    ("eval config unknown class", _evaluate(lambda d: _damaged(d, "badclass", _set(
        "meta/config", np.array(json.dumps({"class": "x.Nope", "hyperparameters": {},
                                            "model": {}, "family": {}}))))),
     ["x.Nope", "registered"]),
    ("eval losses wrong length", _evaluate(lambda d: _damaged(d, "losses", _set(
        "meta/meta_losses", np.ones(5)))), ["step 2", "meta-losses"]),
    ("eval a folder", lambda d: ["evaluate", "--checkpoint", str(d)], ["folder"]),
    ("eval missing file", lambda d: ["evaluate", "--checkpoint", str(d / "nope.npz")],
     ["nope.npz", "no checkpoint"]),
    ("eval tasks 1", _evaluate(_good, "--tasks", "1"), ["--tasks", "'1'"]),
    ("eval support 0", _evaluate(_good, "--support", "0"), ["--support", "'0'"]),
    ("eval query 0", _evaluate(_good, "--query", "0"), ["--query", "'0'"]),
    ("eval steps negative", _evaluate(_good, "--steps", "-1"), ["--steps", "'-1'"]),
    ("eval seed huge", _evaluate(_good, "--seed", str(2 ** 64)), ["--seed", str(2 ** 64)]),
    ("eval huge support", _evaluate(_good, "--support", str(10 ** 13)), ["memory", "iB"]),
    # compare: refused up front
    ("compare tasks 1", lambda d: ["compare", "--tasks", "1"], ["--tasks", "'1'"]),
    ("compare steps 0", lambda d: ["compare", "--steps", "0"], ["--steps", "'0'"]),
    ("compare adapt-steps -1", lambda d: ["compare", "--adapt-steps", "-1"],
     ["--adapt-steps", "'-1'"]),
    ("compare unknown strategy", lambda d: ["compare", "--strategies", "nope"],
     ["--strategies", "'nope'"]),
    ("compare eval-seed huge", lambda d: ["compare", "--eval-seed", str(2 ** 64)],
     ["--eval-seed"]),
    ("no command", lambda d: [], ["command"]),
    ("unknown command", lambda d: ["fit"], ["'fit'"]),
]

# A second round, written after the fixes above and measured before any further fix
# (the report gives both rounds' rates).
CLI_CASES_2 = [
    ("log-every zero", _train("--log-every", "0"), ["--log-every", "'0'"]),
    ("checkpoint-every fractional", _train("--checkpoint-every", "1.5"),
     ["--checkpoint-every", "'1.5'"]),
    ("meta-batch negative", _train("--meta-batch", "-1"), ["--meta-batch", "'-1'"]),
    ("n-support in e-notation", _train("--n-support", "1e3"), ["--n-support", "'1e3'"]),
    ("inner-steps in e-notation", _train("--inner-steps", "1e2"), ["--inner-steps", "'1e2'"]),
    ("seed fractional", _train("--seed", "1.0"), ["--seed", "'1.0'"]),
    ("seed hex", _train("--seed", "0x10"), ["--seed", "'0x10'"]),
    ("set meta_lr=0", _train("--set", "meta_lr=0"), ["meta_lr", "0"]),
    ("set meta_lr negative", _train("--set", "meta_lr=-1e-3"), ["meta_lr", "-0.001"]),
    ("set n_support=1e3", _train("--set", "n_support=1e3"), ["n_support", "1000.0"]),
    ("set inner_lr empty", _train("--set", "inner_lr="), ["inner_lr", "''"]),
    ("set upper-case name", _train("--set", "INNER_LR=0.1"), ["INNER_LR"]),
    ("set with spaces", _train("--set", "inner_lr = 0.1"), ["NAME=VALUE"]),
    ("set two equals", _train("--set", "inner_lr=0.1=2"), ["inner_lr", "'0.1=2'"]),
    ("strategy upper-case", _train("--strategy", "MAML"), ["--strategy", "'MAML'"]),
    ("family upper-case", _train("--family", "Sinusoid"), ["--family", "'Sinusoid'"]),
    ("out trailing slash", lambda d: TRAIN + ["--out", str(d / "new") + "/"], ["--out", ".npz"]),
    ("out upper-case suffix", _train("--out", "run.NPZ"), ["--out", "run.NPZ"]),
    ("out with a NUL byte", lambda d: TRAIN + ["--out", str(d / "a\0b.npz")],
     ["--out", "NUL"]),
    ("out name too long", lambda d: TRAIN + ["--out", str(d / ("x" * 300 + ".npz"))],
     ["--out", "too long"]),
    ("resume changes n_train_tasks", lambda d: (
        train(make_strategy("multitask", meta_batch=2, n_train_tasks=5), 1, 0,
              checkpoint=d / "mt.npz"),
        TRAIN + ["--strategy", "multitask", "--out", str(d / "mt.npz"), "--resume", "--seed",
                 "0", "--set", "n_train_tasks=6"])[1], ["n_train_tasks", "5", "6"]),
    ("eval empty path", lambda d: ["evaluate", "--checkpoint", ""], ["checkpoint", "''"]),
    ("eval tasks fractional", _evaluate(_good, "--tasks", "2.5"), ["--tasks", "'2.5'"]),
    ("eval config bad value", _evaluate(lambda d: _damaged(d, "badvalue", lambda a: a.__setitem__(
        "meta/config", np.array(str(a["meta/config"]).replace('"inner_lr": 0.01',
                                                               '"inner_lr": -1.0'))))),
     ["inner_lr", "-1.0", "badvalue.npz"]),
    ("eval config unknown key", _evaluate(lambda d: _damaged(d, "badkey", lambda a: a.__setitem__(
        "meta/config", np.array(str(a["meta/config"]).replace('"inner_lr"', '"speed"'))))),
     ["speed", "badkey.npz"]),
    ("eval no format", _evaluate(lambda d: _damaged(d, "nofmt", _drop("meta/format"))),
     ["nofmt.npz", "meta/format"]),
    ("eval unknown family", _evaluate(lambda d: _damaged(d, "fam", lambda a: a.__setitem__(
        "meta/config", np.array(str(a["meta/config"]).replace('"name": "sinusoid"',
                                                               '"name": "circles"'))))),
     ["circles", "fam.npz"]),
    ("eval model sizes differ", _evaluate(lambda d: _damaged(d, "sizes", lambda a: a.__setitem__(
        "meta/config", np.array(str(a["meta/config"]).replace("[1, 40, 40, 1]",
                                                               "[1, 20, 20, 1]"))))),
     ["state/params/0", "(1, 40)", "(1, 20)"]),
    ("eval scalar weights", _evaluate(lambda d: _damaged(d, "scalar", _set(
        "state/params/0", np.array(1.0)))), ["state/params/0", "()"]),
    ("eval bool weights", _evaluate(lambda d: _damaged(d, "boolw", _set(
        "state/params/0", np.ones((1, 40), bool)))), ["state/params/0", "bool"]),
    ("compare support 0", lambda d: ["compare", "--support", "0"], ["--support", "'0'"]),
    ("compare query negative", lambda d: ["compare", "--query", "-1"], ["--query", "'-1'"]),
    ("compare duplicate strategy", lambda d: ["compare", "--strategies", "maml", "maml"],
     ["maml", "twice"]),
]

LIBRARY_CASES_2 = [
    ("train a strategy name", lambda d: train("maml", 3, 0), ["strategy", "'maml'"]),
    ("train checkpoint int", lambda d: train(make_strategy("maml"), 1, 0, checkpoint=123),
     ["checkpoint", "123"]),
    ("train progress str", lambda d: train(make_strategy("maml"), 1, 0, progress="print"),
     ["progress", "'print'"]),
    ("train n_steps float", lambda d: train(make_strategy("maml"), 3.0, 0), ["n_steps", "3.0"]),
    ("save step negative", lambda d: save_checkpoint(d / "s.npz", {"w": np.ones(1)}, step=-1,
                                                     seed=0, config={}, meta_losses=[]),
     ["step", "-1"]),
    ("save seed negative", lambda d: save_checkpoint(d / "s.npz", {"w": np.ones(1)}, step=0,
                                                     seed=-1, config={}, meta_losses=[]),
     ["seed", "-1"]),
    ("save config not a dict", lambda d: save_checkpoint(d / "s.npz", {"w": np.ones(1)}, step=0,
                                                         seed=0, config="maml", meta_losses=[]),
     ["config", "'maml'"]),
    ("sample zero tasks", lambda d: Sinusoid().sample(np.random.default_rng(0), 0, 5, 5),
     ["n_tasks", "0"]),
    ("sample fractional support", lambda d: Sinusoid().sample(np.random.default_rng(0), 2, 5.5,
                                                              5), ["n_support", "5.5"]),
    ("make_strategy model str", lambda d: make_strategy("maml", model="mlp"),
     ["model", "'mlp'"]),
]


# Library calls: (id, call(folder), exception types, mentions)
LIBRARY_CASES = [
    ("sample with an int rng", lambda d: Sinusoid().sample(0, 2, 3, 3), ["rng", "0", "Generator"]),
    ("make_strategy bool K", lambda d: make_strategy("maml", inner_steps=True),
     ["inner_steps", "True"]),
    ("make_strategy str lr", lambda d: make_strategy("maml", inner_lr="0.1"),
     ["inner_lr", "'0.1'"]),
    ("make_strategy unknown", lambda d: make_strategy("nope"), ["'nope'"]),
    ("make_family unknown", lambda d: make_family("nope"), ["'nope'"]),
    ("train seed -1", lambda d: train(make_strategy("maml"), 1, seed=-1), ["seed", "-1"]),
    ("train seed 2**63", lambda d: train(make_strategy("maml"), 1, seed=2 ** 63),
     ["seed", str(2 ** 63)]),
    ("train seed str", lambda d: train(make_strategy("maml"), 1, seed="0"), ["seed", "'0'"]),
    ("train n_steps bool", lambda d: train(make_strategy("maml"), True, seed=0),
     ["n_steps", "True"]),
    ("train checkpoint empty", lambda d: train(make_strategy("maml"), 1, 0, checkpoint=""),
     ["checkpoint", "empty"]),
    ("train checkpoint under a file", lambda d: train(make_strategy("maml"), 1, 0,
                                                      checkpoint=_a_file(d) / "x.npz"),
     ["afile", "is a file"]),
    ("train overwrite refused", lambda d: train(make_strategy("maml", meta_batch=2), 1, 0,
                                                checkpoint=_good(d), overwrite=False),
     ["good.npz", "exists", "overwrite=True"]),
    ("train history not a list", lambda d: train(make_strategy("maml"), 1, 0, history=()),
     ["history", "tuple"]),
    ("load_checkpoint int", lambda d: load_checkpoint(3), ["checkpoint", "3"]),
    ("check_checkpoint_path None", lambda d: check_checkpoint_path(None), ["None"]),
    ("save NaN state", lambda d: save_checkpoint(d / "n.npz", {"w": np.array([np.nan])}, step=0,
                                                 seed=0, config={}, meta_losses=[]),
     ["state/w", "NaN"]),
    ("restore reshaped", lambda d: restore(_damaged(d, "reshaped2", _set(
        "state/params/0", np.ones((2, 20))))), ["state/params/0", "(2, 20)"]),
]


# --- running and classifying ---------------------------------------------------------------

def _snapshot(folder):
    """{file: bytes} of every checkpoint in the folder (to see that none is changed)."""
    return {p: p.read_bytes() for p in folder.rglob("*.npz") if p.is_file()}


def _loss(before, folder):
    """What a failing command lost: a checkpoint changed or removed, or junk left behind."""
    after = _snapshot(folder)
    lost = [str(p) for p, data in before.items() if after.get(p) != data]
    junk = [str(p) for p in folder.rglob("*") if p.name.endswith((".tmp", ".lock"))]
    return lost + junk


def run_cli(argv):
    """(exit code, stdout, stderr, traceback) of cli.main(argv), in-process."""
    out, err, tb = io.StringIO(), io.StringIO(), ""
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            np.errstate(all="raise"):            # a NumPy warning would be a silent path
        try:
            code = cli.main(argv)
        except SystemExit as e:
            code = e.code
        except BaseException:                     # a traceback a user would see
            code, tb = None, traceback.format_exc()
    return code, out.getvalue(), err.getvalue(), tb


def classify_cli(argv, mentions, folder):
    before = _snapshot(folder)
    code, out, err, tb = run_cli(argv)
    lost = _loss(before, folder)
    if lost:
        return "data loss", f"changed or left behind: {lost}"
    if code == 0:
        return "silent", out[-300:]
    lines = err.strip().splitlines()
    if tb or "Traceback" in err or code != 2 or len(lines) != 1 \
            or not lines[0].startswith("error: "):
        return "unclear", f"exit {code}: {(tb or err)[-400:]}"
    missing = [m for m in mentions if m not in lines[0]]
    if missing:
        return "unclear", f"does not name {missing}: {lines[0]}"
    return "clear", lines[0]


def classify_call(call, mentions, folder):
    before = _snapshot(folder)
    try:
        with np.errstate(all="raise"):
            call(folder)
    except (ValueError, TypeError) as e:
        lost = _loss(before, folder)
        if lost:
            return "data loss", f"changed or left behind: {lost}"
        missing = [m for m in mentions if m not in str(e)]
        if missing:
            return "unclear", f"does not name {missing}: {type(e).__name__}: {e}"
        return "clear", f"{type(e).__name__}: {e}"
    except BaseException as e:
        return "unclear", f"{type(e).__name__}: {e}"
    return "silent", "no error"


@pytest.mark.parametrize("argv, mentions", [c[1:] for c in CLI_CASES + CLI_CASES_2],
                         ids=[c[0] for c in CLI_CASES + CLI_CASES_2])
def test_a_bad_command_line_is_one_clear_error_line(argv, mentions, folder):
    _good(folder)                                # a checkpoint that must survive every case
    kind, detail = classify_cli(argv(folder), mentions, folder)
    assert kind == "clear", detail


@pytest.mark.parametrize("call, mentions", [c[1:] for c in LIBRARY_CASES + LIBRARY_CASES_2],
                         ids=[c[0] for c in LIBRARY_CASES + LIBRARY_CASES_2])
def test_a_bad_library_call_is_a_clear_value_or_type_error(call, mentions, folder):
    _good(folder)
    kind, detail = classify_call(call, mentions, folder)
    assert kind == "clear", detail


def test_the_battery_is_wide():
    assert len(CLI_CASES) + len(LIBRARY_CASES) >= 100


def main():
    """Run every case and print the rates (``python tests/test_bad_inputs_cli.py``)."""
    rounds = {"first round": (CLI_CASES, LIBRARY_CASES),
              "second round": (CLI_CASES_2, LIBRARY_CASES_2)}
    for title, (cli_cases, library_cases) in rounds.items():
        print(f"--- {title}")
        rates(cli_cases, library_cases)
    rates(CLI_CASES + CLI_CASES_2, LIBRARY_CASES + LIBRARY_CASES_2, quiet=True)


def rates(cli_cases, library_cases, quiet=False):
    counts, rows = {"clear": 0, "unclear": 0, "silent": 0, "data loss": 0}, []
    for name, argv, mentions in cli_cases:
        with tempfile.TemporaryDirectory() as d:
            d = pathlib.Path(d)
            _good(d)
            kind, detail = classify_cli(argv(d), mentions, d)
            for p in d.rglob("*"):
                if p.is_dir():
                    p.chmod(0o755)
        counts[kind] += 1
        rows.append((kind, name, detail))
    for name, call, mentions in library_cases:
        with tempfile.TemporaryDirectory() as d:
            d = pathlib.Path(d)
            _good(d)
            kind, detail = classify_call(call, mentions, d)
        counts[kind] += 1
        rows.append((kind, name, detail))
    for kind, name, detail in rows:
        if not quiet and (kind != "clear" or "-v" in sys.argv):
            print(f"{kind:9s} {name}: {detail}")
    total = sum(counts.values())
    shares = ", ".join(f"{n} {k} ({100 * n / total:.1f}%)" for k, n in counts.items())
    print(f"{total} bad inputs{' in all' if quiet else ''}: {shares}")


def kept_cases(cases, skip, dropped):
    """A battery's kept cases of one area: those whose index i (from 0, in the order written)
    has ``i % 5 not in skip`` -- a rule fixed before any run -- less the ``dropped`` ones."""
    return [c for i, c in enumerate(cases) if i % 5 not in skip and c[0] not in dropped]


def battery_params(groups, not_clear_yet):
    """One pytest parameter per kept case; a case in ``not_clear_yet`` is a strict xfail with
    its stated reason, so that a fix shows up as a failure to remove it from that dict."""
    return [pytest.param(g, c, id=f"{g}: {c[0]}", marks=[pytest.mark.xfail(
        reason=not_clear_yet[c[0]], strict=True)] if c[0] in not_clear_yet else [])
        for g, cases in groups.items() for c in cases]


def assert_wide_and_new(params, written, dropped, not_clear_yet, least):
    """A battery's own check: at least ``least`` kept cases (``params``), every case id
    written once, and every dropped or not-yet-clear id one of the written cases."""
    assert len(params) >= least
    names = [c[0] for cases in written.values() for c in cases]
    assert len(names) == len(set(names))
    assert set(dropped) <= set(names)
    assert set(not_clear_yet) <= set(names)


def battery_main(groups, classify, written, dropped):
    """A battery run as a script: the rates by area of its kept cases, or with ``--written``
    of every case written (before the blind selection), the dropped ones left out."""
    if "--written" in sys.argv:
        report_by_area(written, classify, skip=dropped)
    else:
        report_by_area(groups, classify)


def report_by_area(groups, classify, skip=()):
    """Run every case of ``groups`` ({area: cases}) and print the rates by area.

    ``classify(area, case, folder)`` gives (kind, detail); command-line cases get a
    good checkpoint in their folder first, which must survive them. Cases named in
    ``skip`` are left out.
    """
    total = {"clear": 0, "unclear": 0, "silent": 0, "data loss": 0}
    for group, cases in groups.items():
        counts = dict.fromkeys(total, 0)
        for case in cases:
            if case[0] in skip:
                continue
            with tempfile.TemporaryDirectory() as d:
                d = pathlib.Path(d)
                if group == "cli":
                    _good(d)
                kind, detail = classify(group, case, d)
                for p in d.rglob("*"):
                    if p.is_dir():
                        p.chmod(0o755)
            counts[kind] += 1
            if kind != "clear" or "-v" in sys.argv:
                print(f"{kind:9s} [{group}] {case[0]}: {detail}"[:400])
        for k in total:
            total[k] += counts[k]
        print(f"--- {group}: {len(cases)} cases: "
              + ", ".join(f"{n} {k}" for k, n in counts.items()))
    n = sum(total.values())
    print(f"{n} bad inputs in all: "
          + ", ".join(f"{v} {k} ({100 * v / n:.1f}%)" for k, v in total.items()))


if __name__ == "__main__":
    main()
