"""A seventy-second battery of bad inputs (issue 11's goal, measured blind on a new set).

What counts as clear, unclear, silent or data loss is ``tests/test_bad_inputs_cli.py``'s module
docstring; every case runs through the eighth battery's shared ``classify_case`` (under
``np.errstate(all="raise")``, at most 30 s a case, figure modules stubbed). Written blind, in a
worktree at commit 82b1805, from the user's side only: the README; ``--help`` of the command
line, ``train``, ``evaluate`` and ``compare``; the public names (``dir``) and signatures of
``scratchmeta.meta``'s modules (``maml``, ``anil``, ``subset``, ``multitask``, ``reptile``,
``ridge``, ``softmax_head``, ``adapt``, ``registry`` with ``STRATEGIES`` and ``FAMILIES``,
``checkpoint``, ``training``, ``evaluate``, ``closed_form``), ``nn``, ``optim``, ``batchnorm``,
``tasks``, ``more_tasks``, ``datasets.omniglot`` and ``datasets.omniglot_tasks``; and the
earlier batteries' ids, layout and shared helpers (imported, not copied). No docstring was read
after the run (there was no miss to judge). Not read: the body of any validation code
(``checks.py``, ``_checks.py``, ``check_*``, ``protocol.py``), the library's source, its
history, anything of /work/main. No ``__main__`` module was imported; the command line runs
through the shared helpers (``_train``, ``_evaluate``, ``_compare``) and every case writes only
inside its temporary folder (the fake Omniglot roots link to the real evaluation archive, only
read; the temporary files are made with ``dir=folder``).

Areas, as written: train on the command line (10), evaluate and compare (10), Chapter 2's
functions -- ridge_fit, softmax_head, newton_solve, meta_grad, meta_loss, inner_sgd,
reptile_step, subset_meta_loss, sgd_path, closed_form_meta_loss (13), strategies, configs and
the registry -- make_strategy, make_family, strategy_from_config, MAMLConfig, MultitaskConfig,
with_test_time, hyperparameters (8), train/evaluate/select_test_time/held_out_tasks/task_rng
in the library (10), checkpoints -- load_checkpoint, restore, save_checkpoint,
check_checkpoint_path, train resume (13), nn/optim/batchnorm (10), task families and a user's
own family (13), Omniglot -- load, Omniglot, finn_split (11): 98.

Kinds of bad value (all new to the batteries; a user's half-finished parsing of text):
- a ``re.Match`` not ``.group()``-ed where a number is meant (mentions the argument and
  ``Match``): ridge_fit lam, softmax_head max_steps, newton_solve tol, meta_grad inner_lr,
  meta_loss inner_steps, reptile_step meta_lr, subset_meta_loss subset_size, sgd_path
  inner_lr, closed_form_meta_loss scale; MAMLConfig meta_batch, with_test_time inner_lr;
  train n_steps and checkpoint_every, evaluate n_query, task_rng i; save_checkpoint step;
  adam_update lr and beta1, batch_norm eps, per_task n_tasks; SinusoidFrequency amplitude,
  GaussianClusters dim, LinearRegression noise, Sinusoid sample n_tasks; Omniglot n_way; and a
  user family whose sample_params, metric or loss returns one;
- a ``csv.reader`` never read into numbers where an array or a list is meant (mentions
  ``reader``): ridge_fit features, inner_sgd x, select_test_time candidates, save_checkpoint
  meta_losses, MLP sizes, MLP apply x, adam_rows rows, batch_norm offset, Sinusoid x_range,
  LinearRegression mean, finn_split characters; a user family whose target or sample_x
  returns one;
- a name as a compiled regex (``Pattern``) or a ``string.Template``: ridge_fit and
  softmax_head form, make_strategy name and family, make_family name, MultitaskConfig
  head_init, hyperparameters name, evaluate on_divergence, held_out_tasks family, MLP
  activation and dtype, GaussianClusters n_way, Omniglot split and dtype; a user family whose
  describe returns a Template;
- a ``configparser`` section (``SectionProxy``) of a user's .ini settings: strategy_from_config
  record, save_checkpoint config;
- an ``ipaddress.IPv4Address`` (``int()`` gives 22) as a seed: train, evaluate,
  save_checkpoint;
- the ``tempfile.NamedTemporaryFile`` wrapper, not its ``.name``: train checkpoint, restore,
  save_checkpoint path, check_checkpoint_path, Omniglot load root and cache_dir;
- files other tools write, where a checkpoint or an Omniglot zip is meant: a CSV of
  meta-losses (``np.savetxt``), a MATLAB file (``scipy.io.savemat``), a WAV file
  (``scipy.io.wavfile``), a PNG (``matplotlib.image.imsave``), a YAML text of the settings:
  load_checkpoint, restore, train resume (library and command line), evaluate --checkpoint,
  Omniglot load (as images_background.zip);
- on the command line: a byte-order mark before the digits (--steps, --tasks, --seed of
  compare), a soft hyphen inside a number (--inner-lr, --steps, --val-seed), a regex
  alternation for several names (``maml|fomaml`` for --strategy, ``maml|reptile`` for
  --strategies), ``--set`` given a JSON object or a pair as two words (``lam 0.1``).

Repeats: the 10,356 earlier id-like tuple heads of ``tests/test_bad_inputs_*.py`` and
``tests/sweep_bad_inputs_*.py`` (by a regex) were grepped for each kind word before writing:
0 hits for ``reader``, ``csv``, ``Template``, ``regex``, ``re.Match``, ``match object``,
``configparser``, ``SectionProxy``, ``TemporaryFile``, ``ipaddress``, ``IPv4``, ``MATLAB``,
``savemat``, ``WAV``, ``YAML``, ``soft hyphen``, ``alternation``, ``BOM``. Drafts left out
before writing, as the same substance as earlier ids: URLs (``file URL`` of load_checkpoint,
check_checkpoint_path, evaluate --checkpoint and Omniglot root exist), open file objects,
tar archives, zero-width and no-break spaces, curly quotes, numbers with units. Kept as
different: ``byte-order mark`` on train/evaluate/compare options (earlier only on the
keep-freed-memory opt-out variable), ``--set`` a JSON object (earlier: a JSON list), two
words (earlier only for the opt-out variable), a zip that is a PNG file (earlier: a zip
holding RGB PNGs). No exact id is repeated (checked by script).

Selection, blind and fixed before any run: in each area, in the order written, the cases
whose index i (from 0) has ``i % 5 not in (0, 4)`` were kept (``_kept``): 59 of the 98.
After the first run no case was added, reordered or swapped.

Dropped (``DROPPED``): none. Corrected: none after the first run (before it, the draft of
``sgd_path inner_lr a re.Match not .group()-ed`` passed its ``loss`` through a needless
lambda; it passes ``mse`` itself).

First run at 82b1805 (about 3 s under pytest): written, 98 of 98 clear (100%), 0 unclear,
0 silent, 0 data loss -- cli train 10/10, evaluate/compare 10/10, meta functions 13/13,
strategies 8/8, evaluate and train 10/10, checkpoints 13/13, nn/optim/batchnorm 10/10, task
families 13/13, omniglot 11/11. Kept: 59 of 59 clear (100%) -- 6/6, 6/6, 8/8, 5/5, 6/6, 8/8,
6/6, 8/8, 6/6. No drops or corrections, so the same after them. Under pytest: 60 passed (the
59 kept cases and the width check). No checkpoint was lost or changed. (A remark, not a miss:
the MATLAB file is called "a text file" for its text header, ``b'MATLAB 5.0 MAT-f'``.)

Not clear, kept: none.
Not clear, written and not kept: none.

Measured on main at 82b1805, the commit it was written at, blind: kept, all 59 clear, 0
silent, 0 data loss; written, all 98 clear. With the seventy-third (56 of 58) the pair is 115
of 117 (98.3%), 0 silent, 0 data loss. Round 50 was made with sight of the seventy-third only.
"""

import configparser
import csv
import io
import ipaddress
import re
import string
import tempfile

import matplotlib.image
import numpy as np
import pytest
import scipy.io
import scipy.io.wavfile

from scratchmeta.batchnorm import batch_norm
from scratchmeta.datasets import omniglot as omniglot_data
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.meta.adapt import sgd_path
from scratchmeta.meta.checkpoint import (check_checkpoint_path, load_checkpoint, restore,
                                         save_checkpoint)
from scratchmeta.meta.closed_form import closed_form_meta_loss
from scratchmeta.meta.evaluate import held_out_tasks, task_rng, with_test_time
from scratchmeta.meta.maml import MAMLConfig, inner_sgd, meta_grad, meta_loss, mse
from scratchmeta.meta.multitask import MultitaskConfig, multitask_loss
from scratchmeta.meta.registry import (hyperparameters, make_family, make_strategy,
                                       strategy_from_config)
from scratchmeta.meta.reptile import reptile_step
from scratchmeta.meta.ridge import ridge_fit
from scratchmeta.meta.softmax_head import newton_solve, softmax_head
from scratchmeta.meta.subset import subset_meta_loss
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid

from omniglot_real import REAL_DATA
from test_bad_inputs_cli import TRAIN, _evaluate, _good, _train
from test_bad_inputs_cli import (assert_wide_and_new, battery_params, battery_main,
                                  kept_cases)
from test_bad_inputs_fifth import _evaluate_call, _features, _save, _select
from test_bad_inputs_fourth import _rng
from test_bad_inputs_eighth import classify_case as _classify
from test_bad_inputs_sixth import _compare
from test_bad_inputs_fourteenth import _b, _m, _p
from test_bad_inputs_twentyfourth import _data
from test_bad_inputs_fiftysecond import _family
from test_bad_inputs_sixtysixth import _fake_root, _load, _small

ROOT = str(REAL_DATA)
HAVE_OMNIGLOT = REAL_DATA.is_dir()


# --- values a user forgot to finish: a regex match not .group()-ed, a csv.reader not read,
# --- a name as a compiled pattern or a string.Template, a settings section of an .ini file ---

def _match(text):
    """``re.search(r"[-+0-9.eE]+$", text)``: the Match a user passes, meaning ``.group()``."""
    return re.search(r"[-+0-9.eE]+$", text)


def _reader(text):
    """A ``csv.reader`` over ``text`` (rows of strings, one pass), never turned into numbers."""
    return csv.reader(io.StringIO(text))


def _rows(a):
    """The CSV text of a 2-D array (an array of more dimensions flattened to rows)."""
    a = np.asarray(a, dtype=float)
    a = a.reshape(-1, a.shape[-1]) if a.ndim > 1 else a.reshape(1, -1)
    return "\n".join(",".join(repr(float(v)) for v in row) for row in a) + "\n"


def _section(text="[run]\nstrategy = maml\nmeta_batch = 2\n", name="run"):
    """A ``configparser`` section (a SectionProxy) of a user's .ini file of settings."""
    parser = configparser.ConfigParser()
    parser.read_string(text)
    return parser[name]


IP_SEED = ipaddress.IPv4Address("0.0.0.22")     # int() gives 22: a seed kept as an address


def _tmpfile(d, data=None, suffix=".npz"):
    """The ``tempfile.NamedTemporaryFile`` wrapper itself (open), not its ``.name``."""
    f = tempfile.NamedTemporaryFile(dir=d, suffix=suffix, delete=False)
    if data is not None:
        f.write(data)
        f.flush()
    return f


# --- files other tools write, where a checkpoint or an Omniglot zip is meant ----------------

def _write_csv(path):
    np.savetxt(path, np.array([[1, 1.0], [2, 0.5]]), delimiter=",", header="step,meta_loss")


def _write_mat(path):
    with open(path, "wb") as f:
        scipy.io.savemat(f, {"step": 2, "seed": 0, "w": np.ones((2, 2))})


def _write_wav(path):
    scipy.io.wavfile.write(path, 8000, np.zeros(800, dtype=np.int16))


def _write_png(path):
    matplotlib.image.imsave(path, np.zeros((8, 8)), format="png")


def _write_yaml(path):
    path.write_text("strategy: maml\nmeta_batch: 2\nsteps: 2\nseed: 0\n")


def _file(name, write):
    def make(d):
        path = d / name
        if not path.exists():
            write(path)
        return path
    return make


_csv = _file("losses.csv", _write_csv)
_mat = _file("mat.npz", _write_mat)
_wav = _file("wav.npz", _write_wav)
_png = _file("png.npz", _write_png)
_yaml = _file("run.yaml", _write_yaml)


def _background(write):
    """make_background for _fake_root: images_background.zip written by ``write``."""
    return lambda root, name: write(root / name)


# --- user functions that hand back one of those values ----------------------------------------

def _target_reader(self, task_params, x):
    return _reader(_rows(np.sin(np.asarray(x))))


def _params_match(self, rng, n_tasks):
    return _match("amplitude=2.5")


def _x_reader(self, rng, task_params, n_points):
    return _reader(_rows(rng.uniform(-5, 5, (len(task_params), n_points))))


def _metric_match(self, pred, y):
    return _match("mse=0.5")


def _describe_template(self):
    return string.Template("sinusoid, amplitude $amplitude")


def _loss_match(pred, y):
    return _match("loss=0.5")


def _train_family(**attrs):
    return lambda d: train(make_strategy("maml", meta_batch=2, family=_family(**attrs)), 2, 0)


def _held_out(**attrs):
    return lambda d: held_out_tasks(_family(**attrs), 2, 5, 5)


def _adam(**kwargs):
    params = [np.ones(2)]
    kwargs = {"params": params, "grads": [np.ones(2)], "state": adam_init(params),
              "lr": 1e-3, **kwargs}
    return adam_update(kwargs.pop("params"), kwargs.pop("grads"), kwargs.pop("state"),
                       kwargs.pop("lr"), **kwargs)


def _maml_call(fn, **kwargs):
    kwargs = {"inner_lr": 0.01, "inner_steps": 1, **kwargs}
    return lambda d: fn(_p(), _b(), _m(), **kwargs)


BOM = "\ufeff"
SHY = "\u00ad"           # a soft hyphen, left by a word processor's hyphenation


# --- the command line: (id, argv(folder), mentions) ---------------------------------------------

CLI_TRAIN_CASES = [
    ("train steps with a byte-order mark before the digits", lambda d: [
        "train", "--steps", BOM + "2", "--meta-batch", "2", "--out", str(d / "run.npz")],
     ["--steps", "\\ufeff2"]),
    ("train inner-lr with a soft hyphen inside the number", _train(
        "--inner-lr", "0.0" + SHY + "1"), ["--inner-lr", "\\xad"]),
    ("train resume out a CSV of meta-losses", lambda d: TRAIN + [
        "--out", str(_csv(d)), "--resume"], ["losses.csv"]),
    ("train resume out a MATLAB .mat file named .npz", lambda d: TRAIN + [
        "--out", str(_mat(d)), "--resume"], ["mat.npz"]),
    ("train resume out a YAML file of the settings", lambda d: TRAIN + [
        "--out", str(_yaml(d)), "--resume"], ["run.yaml"]),
    ("train resume out a WAV file named .npz", lambda d: TRAIN + [
        "--out", str(_wav(d)), "--resume"], ["wav.npz"]),
    ("train set a JSON object of settings", _train("--set", '{"lam": 0.1}'),
     ["--set", '{"lam": 0.1}']),
    ("train set a pair given as two words, lam 0.1", _train("--set", "lam", "0.1"),
     ["--set", "lam"]),
    ("train strategy a regex alternation maml|fomaml", _train("--strategy", "maml|fomaml"),
     ["--strategy", "maml|fomaml"]),
    ("train resume out a PNG image named .npz", lambda d: TRAIN + [
        "--out", str(_png(d)), "--resume"], ["png.npz"]),
]

CLI_OTHER_CASES = [
    ("evaluate checkpoint a CSV of meta-losses", _evaluate(_csv), ["losses.csv"]),
    ("evaluate checkpoint a MATLAB .mat file named .npz", _evaluate(_mat), ["mat.npz"]),
    ("evaluate checkpoint a WAV file named .npz", _evaluate(_wav), ["wav.npz"]),
    ("evaluate checkpoint a YAML file of the settings", _evaluate(_yaml), ["run.yaml"]),
    ("evaluate tasks with a byte-order mark before the digits", lambda d: [
        "evaluate", "--checkpoint", str(_good(d)), "--tasks", BOM + "4"],
     ["--tasks", "\\ufeff4"]),
    ("evaluate steps with a soft hyphen inside the number", _evaluate(
        _good, "--steps", "1" + SHY + "0"), ["--steps", "\\xad"]),
    ("compare strategies a regex alternation maml|reptile", lambda d: [
        "compare", "--steps", "2", "--tasks", "4", "--val-tasks", "4", "--adapt-steps", "1",
        "--strategies", "maml|reptile"], ["--strategies", "maml|reptile"]),
    ("compare seed with a byte-order mark before the digits", _compare(
        "--seed", BOM + "0"), ["--seed", "\\ufeff0"]),
    ("compare val-seed with a soft hyphen inside the number", _compare(
        "--val-seed", "1" + SHY + "1"), ["--val-seed", "\\xad"]),
    ("evaluate checkpoint a PNG image named .npz", _evaluate(_png), ["png.npz"]),
]

# --- library calls: (id, call(folder), mentions) ---------------------------------------------

META_CASES = [
    ("ridge_fit features a csv.reader never read into numbers", lambda d: ridge_fit(
        _reader(_rows(_features()[0])), _features()[1], 0.1), ["features", "reader"]),
    ("ridge_fit form a compiled regex", lambda d: ridge_fit(
        *_features(), 0.1, form=re.compile("auto")), ["form", "Pattern"]),
    ("ridge_fit lam a re.Match not .group()-ed", lambda d: ridge_fit(
        *_features(), _match("lam=0.1")), ["lam", "Match"]),
    ("softmax_head form a string.Template", lambda d: softmax_head(
        *_features(), 0.1, form=string.Template("auto")), ["form", "Template"]),
    ("softmax_head max_steps a re.Match not .group()-ed", lambda d: softmax_head(
        *_features(), 0.1, max_steps=_match("max_steps=100")), ["max_steps", "Match"]),
    ("newton_solve tol a re.Match not .group()-ed", lambda d: newton_solve(
        *_features(), 0.1, tol=_match("tol=1e-10")), ["tol", "Match"]),
    ("meta_grad inner_lr a re.Match not .group()-ed", _maml_call(
        meta_grad, inner_lr=_match("inner_lr=0.01")), ["inner_lr", "Match"]),
    ("meta_loss inner_steps a re.Match not .group()-ed", _maml_call(
        meta_loss, inner_steps=_match("K=1")), ["inner_steps", "Match"]),
    ("inner_sgd x a csv.reader never read into numbers", lambda d: inner_sgd(
        per_task(_p(), 2), _reader(_rows(_b().x_support)), _b().y_support, _m().apply,
        inner_lr=0.01, inner_steps=1), ["x", "reader"]),
    ("reptile_step meta_lr a re.Match not .group()-ed", lambda d: reptile_step(
        _p(), _b(), _m(), inner_lr=0.01, inner_steps=1, meta_lr=_match("epsilon=0.1")),
     ["meta_lr", "Match"]),
    ("subset_meta_loss subset_size a re.Match not .group()-ed", lambda d: subset_meta_loss(
        _p(), _b(), _m(), _rng(), subset_size=_match("subset=2"), inner_lr=0.01,
        inner_steps=1), ["subset_size", "Match"]),
    ("sgd_path inner_lr a re.Match not .group()-ed", lambda d: sgd_path(
        per_task(_p(), 2), _b(), _m(), inner_lr=_match("lr=0.01"), loss=mse),
     ["inner_lr", "Match"]),
    ("closed_form_meta_loss scale a re.Match not .group()-ed", lambda d:
        closed_form_meta_loss(_p()[:2], _b(), _m(), lam=0.1, scale=_match("alpha=1.0")),
     ["scale", "Match"]),
]

STRATEGY_CASES = [
    ("make_strategy name a compiled regex", lambda d: make_strategy(re.compile("maml")),
     ["name", "Pattern"]),
    ("make_strategy family a string.Template", lambda d: make_strategy(
        "maml", family=string.Template("sinusoid")), ["family", "Template"]),
    ("make_family name a string.Template", lambda d: make_family(
        string.Template("linear")), ["name", "Template"]),
    ("strategy_from_config record a configparser section", lambda d: strategy_from_config(
        _section()), ["record", "SectionProxy"]),
    ("MAMLConfig check meta_batch a re.Match not .group()-ed", lambda d: MAMLConfig(
        meta_batch=_match("meta_batch=25")).check(), ["meta_batch", "Match"]),
    ("MultitaskConfig check head_init a compiled regex", lambda d: MultitaskConfig(
        head_init=re.compile("closed_form")).check(), ["head_init", "Pattern"]),
    ("with_test_time inner_lr a re.Match not .group()-ed", lambda d: with_test_time(
        _small(), inner_lr=_match("inner_lr=0.01")), ["inner_lr", "Match"]),
    ("hyperparameters name a string.Template", lambda d: hyperparameters(
        string.Template("maml")), ["name", "Template"]),
]

EVALUATE_CASES = [
    ("train checkpoint a NamedTemporaryFile wrapper, not its name", lambda d: train(
        _small(), 2, 0, checkpoint=_tmpfile(d)), ["checkpoint", "_TemporaryFileWrapper"]),
    ("train seed an ipaddress.IPv4Address", lambda d: train(_small(), 2, IP_SEED),
     ["seed", "IPv4Address"]),
    ("train n_steps a re.Match not .group()-ed", lambda d: train(
        _small(), _match("steps=2"), 0), ["n_steps", "Match"]),
    ("train checkpoint_every a re.Match not .group()-ed", lambda d: train(
        _small(), 2, 0, checkpoint=d / "run.npz", checkpoint_every=_match("every=1")),
     ["checkpoint_every", "Match"]),
    ("evaluate on_divergence a compiled regex", lambda d: _evaluate_call(
        on_divergence=re.compile("raise")), ["on_divergence", "Pattern"]),
    ("evaluate n_query a re.Match not .group()-ed", lambda d: _evaluate_call(
        n_query=_match("query=5")), ["n_query", "Match"]),
    ("evaluate seed an ipaddress.IPv4Address", lambda d: _evaluate_call(seed=IP_SEED),
     ["seed", "IPv4Address"]),
    ("select_test_time candidates a csv.reader never read into numbers", lambda d: _select(
        candidates=_reader("0.01,0.1\n")), ["candidates", "reader"]),
    ("held_out_tasks family a string.Template of its name", lambda d: held_out_tasks(
        string.Template("sinusoid"), 2, 5, 5), ["family", "Template"]),
    ("task_rng i a re.Match not .group()-ed", lambda d: task_rng(22, _match("task=0")),
     ["i", "Match"]),
]

CHECKPOINT_CASES = [
    ("load_checkpoint a CSV of meta-losses", lambda d: load_checkpoint(_csv(d)),
     ["losses.csv"]),
    ("load_checkpoint a MATLAB .mat file named .npz", lambda d: load_checkpoint(_mat(d)),
     ["mat.npz"]),
    ("restore a WAV file named .npz", lambda d: restore(_wav(d)), ["wav.npz"]),
    ("restore a PNG image named .npz", lambda d: restore(_png(d)), ["png.npz"]),
    ("load_checkpoint a YAML file of the settings", lambda d: load_checkpoint(_yaml(d)),
     ["run.yaml"]),
    ("train resume a CSV of meta-losses", lambda d: train(
        _small(), 4, 0, checkpoint=_csv(d), resume=True), ["losses.csv"]),
    ("restore path a NamedTemporaryFile wrapper holding the good checkpoint", lambda d:
        restore(_tmpfile(d, _good(d).read_bytes())), ["_TemporaryFileWrapper"]),
    ("save_checkpoint path a NamedTemporaryFile wrapper, not its name", lambda d: _save(
        d, path=_tmpfile(d)), ["path", "_TemporaryFileWrapper"]),
    ("save_checkpoint config a configparser section", lambda d: _save(
        d, config=_section()), ["config", "SectionProxy"]),
    ("save_checkpoint step a re.Match not .group()-ed", lambda d: _save(
        d, step=_match("step=1")), ["step", "Match"]),
    ("save_checkpoint meta_losses a csv.reader never read into numbers", lambda d: _save(
        d, meta_losses=_reader("1.0\n0.5\n")), ["meta_losses", "reader"]),
    ("check_checkpoint_path a NamedTemporaryFile wrapper, not its name", lambda d:
        check_checkpoint_path(_tmpfile(d)), ["_TemporaryFileWrapper"]),
    ("save_checkpoint seed an ipaddress.IPv4Address", lambda d: _save(d, seed=IP_SEED),
     ["seed", "IPv4Address"]),
]

NN_CASES = [
    ("MLP activation a compiled regex", lambda d: MLP((1, 40, 1), activation=re.compile(
        "relu")), ["activation", "Pattern"]),
    ("MLP dtype a string.Template", lambda d: MLP((1, 40, 1), dtype=string.Template(
        "float64")), ["dtype", "Template"]),
    ("MLP sizes a csv.reader never read into numbers", lambda d: MLP(_reader("1,40,40,1\n")),
     ["sizes", "reader"]),
    ("MLP apply x a csv.reader never read into numbers", lambda d: _m().apply(
        _p(), _reader(_rows(np.ones((2, 5, 1))))), ["x", "reader"]),
    ("adam_update lr a re.Match not .group()-ed", lambda d: _adam(lr=_match("lr=1e-3")),
     ["lr", "Match"]),
    ("adam_update beta1 a re.Match not .group()-ed", lambda d: _adam(
        beta1=_match("beta1=0.9")), ["beta1", "Match"]),
    ("adam_rows rows a csv.reader never read into numbers", lambda d: adam_rows(
        [np.ones((3, 2))], {"t": np.zeros(3, int), "m": [np.zeros((3, 2))],
                            "v": [np.zeros((3, 2))]}, [np.ones((3, 2))], _reader("0,1\n"),
        1e-3), ["rows", "reader"]),
    ("batch_norm eps a re.Match not .group()-ed", lambda d: batch_norm(
        np.ones((4, 3)), eps=_match("eps=1e-3")), ["eps", "Match"]),
    ("per_task n_tasks a re.Match not .group()-ed", lambda d: per_task(
        _p(), _match("tasks=2")), ["n_tasks", "Match"]),
    ("batch_norm offset a csv.reader never read into numbers", lambda d: batch_norm(
        np.ones((4, 3)), offset=_reader("0,0,0\n")), ["offset", "reader"]),
]

TASK_CASES = [
    ("a user family whose target returns a csv.reader", _held_out(target=_target_reader),
     ["target", "reader"]),
    ("a user family whose sample_params returns a re.Match, in train", _train_family(
        sample_params=_params_match), ["sample_params", "Match"]),
    ("a user family whose sample_x returns a csv.reader, in evaluate", lambda d:
        _evaluate_call(family=_family(sample_x=_x_reader)), ["sample_x", "reader"]),
    ("a user family whose metric returns a re.Match, in evaluate", lambda d:
        _evaluate_call(family=_family(metric=_metric_match)), ["metric", "Match"]),
    ("a user family whose describe returns a string.Template, in train with a checkpoint",
     lambda d: train(make_strategy("maml", meta_batch=2, family=_family(
         describe=_describe_template)), 2, 0, checkpoint=d / "run.npz"),
     ["describe", "Template"]),
    ("a user family whose loss returns a re.Match, in train", _train_family(
        loss=staticmethod(_loss_match)), ["loss", "Match"]),
    ("Sinusoid x_range a csv.reader never read into numbers", lambda d: Sinusoid(
        x_range=_reader("-5,5\n")), ["x_range", "reader"]),
    ("SinusoidFrequency amplitude a re.Match not .group()-ed", lambda d: SinusoidFrequency(
        amplitude=_match("amplitude=0.1")), ["amplitude", "Match"]),
    ("GaussianClusters dim a re.Match not .group()-ed", lambda d: GaussianClusters(
        dim=_match("dim=8")), ["dim", "Match"]),
    ("LinearRegression noise a re.Match not .group()-ed", lambda d: LinearRegression(
        noise=_match("noise=0.1")), ["noise", "Match"]),
    ("Sinusoid sample n_tasks a re.Match not .group()-ed", lambda d: Sinusoid().sample(
        _rng(), _match("tasks=2"), 5, 5), ["n_tasks", "Match"]),
    ("GaussianClusters n_way a string.Template", lambda d: GaussianClusters(
        n_way=string.Template("5")), ["n_way", "Template"]),
    ("LinearRegression mean a csv.reader never read into numbers", lambda d:
        LinearRegression(mean=_reader("1.0,0.5\n")), ["mean", "reader"]),
]

OMNIGLOT_CASES = [
    ("omniglot load root whose background zip is a CSV file", lambda d: _load(
        _fake_root(d, _background(_write_csv)), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is a MATLAB .mat file", lambda d: _load(
        _fake_root(d, _background(_write_mat)), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is a WAV file", lambda d: _load(
        _fake_root(d, _background(_write_wav)), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is a PNG image", lambda d: _load(
        _fake_root(d, _background(_write_png)), d), ["images_background.zip"]),
    ("omniglot load root whose background zip is a YAML text", lambda d: _load(
        _fake_root(d, _background(_write_yaml)), d), ["images_background.zip"]),
    ("omniglot load cache_dir a NamedTemporaryFile wrapper", lambda d: omniglot_data.load(
        ROOT, cache_dir=_tmpfile(d, suffix=""), progress=False),
     ["cache_dir", "_TemporaryFileWrapper"]),
    ("omniglot load root a NamedTemporaryFile wrapper of the background zip", lambda d:
        _load(_tmpfile(d, (REAL_DATA / "images_background.zip").read_bytes(), ".zip"), d),
     ["root", "_TemporaryFileWrapper"]),
    ("Omniglot split a compiled regex", lambda d: Omniglot(
        5, re.compile("train"), data=_data()), ["split", "Pattern"]),
    ("Omniglot n_way a re.Match not .group()-ed", lambda d: Omniglot(
        _match("5"), data=_data()), ["n_way", "Match"]),
    ("Omniglot dtype a string.Template", lambda d: Omniglot(
        5, data=_data(), dtype=string.Template("float32")), ["dtype", "Template"]),
    ("finn_split characters a csv.reader never read", lambda d: finn_split(
        _data().alphabets, _reader("\n".join(_data().characters) + "\n")),
     ["characters", "reader"]),
]


WRITTEN = {"cli: train": CLI_TRAIN_CASES, "cli: evaluate, compare, subcommands": CLI_OTHER_CASES,
           "meta functions": META_CASES, "strategies": STRATEGY_CASES,
           "evaluate and train": EVALUATE_CASES, "checkpoints": CHECKPOINT_CASES,
           "nn, optim, batchnorm": NN_CASES, "task families and losses": TASK_CASES,
           "omniglot": OMNIGLOT_CASES}

# Cases written, then dropped after the first run (see the module docstring).
DROPPED = {}


def _kept(cases):
    """Three cases of every five in each area, in the order written, fixed before any run:
    the cases whose index i (from 0) has i % 5 not in (0, 4)."""
    return kept_cases(cases, (0, 4), DROPPED)


GROUPS = {group: _kept(cases) for group, cases in WRITTEN.items()}


# --- running and classifying -----------------------------------------------------------------

def _needs_omniglot(group, case):
    return group == "omniglot" or "omniglot" in case[0].lower()


# The kept cases not clear yet (strict xfails, so that a fix shows up as a failure to remove
# the case from this set); filled by the lead, not by the battery's writer.
NOT_CLEAR_YET = {}
ALL = battery_params(GROUPS, NOT_CLEAR_YET)


@pytest.mark.parametrize("group, case", ALL)
def test_a_bad_input_is_one_clear_error_before_any_work(group, case, folder):
    if _needs_omniglot(group, case) and not HAVE_OMNIGLOT:
        pytest.skip(f"Omniglot archives not found at {ROOT}")
    kind, detail = _classify(group, case, folder)
    assert kind == "clear", detail


def test_the_seventysecond_battery_is_wide_and_new():
    assert_wide_and_new(ALL, WRITTEN, DROPPED, NOT_CLEAR_YET, 40)


def main():
    """``python tests/test_bad_inputs_seventysecond.py [--written]``: the rates by area."""
    battery_main(GROUPS, _classify, WRITTEN, DROPPED)


if __name__ == "__main__":
    main()
