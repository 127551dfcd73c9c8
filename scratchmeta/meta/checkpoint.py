"""Checkpoint files: one ``.npz`` of plain arrays, written atomically, checked when read.

Lecture 22, section 1.2.1: meta-training is a long SGD run over tasks (Finn et
al. take 70,000 meta-steps), so it is saved as it goes and resumed
(``scratchmeta.meta.training``). This module is the file format and its
safety; the loop is in ``training``.

A checkpoint is one ``.npz`` file of plain arrays: the strategy's state, a
nested dict, flattened to one entry per array under ``state/<path>``
(``state/params/0``, ``state/adam/m/0``, ...), and under ``meta/<key>`` the
format, the step, the seed, the strategy's name, its record as a JSON string
in a 0-d unicode array (:func:`scratchmeta.meta.protocol.describe`: class,
configuration, model, family), the meta-loss of every step so far and the
hyperparameter changes made on resuming (``meta/changes``).

*Writing.* A checkpoint is written to a temporary file of its own
(``<path>.<random>.tmp``, made with O_EXCL) and then renamed over ``<path>``;
a rename is atomic, so a crash mid-write leaves the previous checkpoint whole,
and two writers never share a temporary file. A run holds an exclusive lock
(:func:`exclusive`: ``<path>.lock``, ``flock``) while it trains, so a second
run given the same path is refused at once, and the "already exists" check is
made under that lock. The path is checked (:func:`check_checkpoint_path`: a
``.npz`` name in a folder that can be written) before any work. A checkpoint
never holds NaN or inf: a state that is not finite is refused when saving,
and again when loading.

*Reading.* A checkpoint is read with ``allow_pickle=False``: loading one never
runs code from the file. Every entry is checked: numeric, real and finite,
and, when the strategy is known (resuming, :func:`restore`), the same names,
shapes and kinds as the strategy's own state (:func:`check_state`); a bad
entry is named in the error. Checkpoints of the first edition (format 1) are
translated by ``scratchmeta.meta.legacy``.
"""

import contextlib
import dataclasses
import glob
import json
import math
import os
import signal
import tempfile
import threading
import unicodedata
import urllib.parse
import zipfile
from typing import NamedTuple

import numpy as np

from scratchmeta.datasets.checks import refuse_url, text_path
from scratchmeta.meta import legacy
from scratchmeta.meta.checks import (check_attributes, check_count, check_leaf, check_moments_own,
                                     check_path, check_t_with_moments, check_type, check_unmasked,
                                     not_a_folder)
from scratchmeta.messages import odd_entry, seen

try:
    import fcntl
except ImportError:                  # not on POSIX: the lock falls back to O_EXCL alone
    fcntl = None

FORMAT = "scratchmeta-checkpoint-2"
FORMAT_1 = "scratchmeta-checkpoint-1"     # the first edition's flat states
ZIP_MAGIC = b"PK\x03\x04"                # every .npz is a zip archive
INT64_MAX = 2 ** 63 - 1                  # meta/step and meta/seed are int64 entries
META = ("meta/format", "meta/step", "meta/seed", "meta/strategy", "meta/config",
        "meta/meta_losses", "meta/changes")   # every meta entry train writes, and no other
_KINDS = {"c": "complex numbers", "U": "text (str)", "S": "bytes", "O": "Python objects",
          "b": "true/false values (bool)"}     # how a wrong entry's dtype kind is named


def flatten(state, prefix=""):
    """{"params": [a, b], "adam": {"t": t}} -> {"params/0": a, "params/1": b, "adam/t": t}."""
    check_type("prefix", prefix, str)
    if not prefix and (not isinstance(state, (dict, list, tuple)) or hasattr(state, "_fields")):
        raise TypeError(f"state must be a dict (or list) of arrays, e.g. {{'params': [...]}}, "
                        f"got {seen(state)}"[:300])     # (a record: a Checkpoint, not its state)
    if isinstance(state, (list, tuple)):
        state = {str(i): v for i, v in enumerate(state)}
    elif not isinstance(state, dict):
        name = f"state/{prefix[:-1]}"
        check_unmasked(name, state)                    # np.asarray would drop the mask
        check_leaf(name, state)                        # an array or a number, not a set
        return {prefix[:-1]: state}
    else:
        for key in state:
            if not isinstance(key, str) or not key or "/" in key or key.isdigit():
                raise TypeError(f"state keys must be non-empty strings without '/' that are "
                                f"not numbers, got {seen(key)}")
    out = {}
    for key, value in state.items():
        out.update(flatten(value, f"{prefix}{key}/"))
    return out


def unflatten(flat, *, strict=True):
    """The nested state that :func:`flatten` flattened (numbered levels become lists).

    A numbered level with a gap (``a/0``, ``a/2``) was not flattened from a list: it is
    refused (a checkpoint with one is damaged), unless ``strict=False``, which keeps it a
    dict. A key with an empty segment (``'a//b'``, ``'a/'``) is refused.
    """
    bad = next((k for k in flat if not isinstance(k, str) or not k), None) \
        if isinstance(flat, dict) else flat
    if not isinstance(flat, dict) or bad is not None:
        raise TypeError(f"flat must be a dict {{'params/0': array, ...}} (from flatten) whose "
                        f"keys are non-empty strings, got {seen(flat)}"[:300])
    check_type("strict", strict, bool)
    empty = next((k for k in flat if "" in k.split("/")), None)
    if empty is not None:
        raise ValueError(f"flat's key {empty!r} has an empty path segment (a leading, trailing "
                         f"or doubled '/'); flatten writes names such as 'params/0'")
    for key, value in flat.items():                # what flatten refuses (None, a set)
        if type(value) is not np.ndarray:
            check_leaf(f"flat[{key!r}]", value)
    tree = {}
    for path, value in flat.items():
        node, keys = tree, path.split("/")
        for i, key in enumerate(keys[:-1]):
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                raise ValueError(f"flat holds both a leaf {'/'.join(keys[:i + 1])!r} and an entry "
                                 f"{path!r} under it; a name is a leaf or a level, not both")
        if isinstance(node.get(keys[-1]), dict):
            raise ValueError(f"flat holds both a leaf {path!r} and entries under it; a name is a "
                             f"leaf or a level, not both")
        node[keys[-1]] = value

    def lists(node, where):
        if not isinstance(node, dict):
            return node
        if node and sorted(node) == sorted(str(i) for i in range(len(node))):
            return [lists(node[str(i)], f"{where}{i}/") for i in range(len(node))]
        numbered = [k for k in node if k.isdigit()]
        if strict and numbered and len(numbered) < len(node):   # a list's level, or a dict's
            others = sorted(k for k in node if not k.isdigit())
            raise ValueError(f"flat's level {where[:-1] or '(top)'!r} mixes numbered entries "
                             f"({', '.join(sorted(numbered, key=int)[:4])}, from a list) with "
                             f"named ones ({', '.join(where + k for k in others[:4])}, "
                             f"unexpected); flatten numbers a list's entries 0..n-1 and never "
                             f"names a dict's entries with numbers"[:400])
        if strict and node and all(k.isdigit() for k in node):   # flatten numbers lists only
            have = sorted(node, key=int)
            gaps = [f"{where}{i}" for i in range(int(have[-1])) if str(i) not in node]
            past = [f"{where}{i}" for i in have if int(i) >= len(node)]
            raise ValueError(f"flat's numbered level {where[:-1] or '(top)'!r} (a list) must "
                             f"number its entries 0..{len(node) - 1} without gaps, got indices "
                             f"{', '.join(have)} (missing {', '.join(gaps) or 'none'}); of "
                             f"{len(node)} entries, {', '.join(past)} lie past the end "
                             f"(unexpected)"[:400])
        return {k: lists(v, f"{where}{k}/") for k, v in node.items()}
    return lists(tree, "")


class Checkpoint(NamedTuple):
    """What a checkpoint file holds."""

    state: dict                # the strategy's (nested) state after ``step`` meta-steps
    step: int                  # meta-steps completed
    seed: int                  # the run's seed (see step_rng)
    strategy: str              # the strategy's display name, e.g. "FOMAML"
    config: dict               # protocol.describe(strategy), to rebuild or to check it
    meta_losses: np.ndarray    # (step,) the meta-loss of every step so far
    changes: tuple = ()        # {"step", "changes": {name: [old, new]}} made on resuming


def check_checkpoint_path(path, name="checkpoint"):
    """A path a checkpoint can be written to, checked before any work: the normalised str.

    It must be a non-empty ``.npz`` name, not a folder (nor a named pipe, a socket or a
    device), under a folder that exists or can be made (no part of it a file) and that can
    be written (tried: a probe file is made and removed there).
    """
    check_type("name", name, str)
    path = text_path(name, path)
    if not path.strip():
        raise ValueError(f"{name} path is empty ({path!r}); expected a file name ending in "
                         f".npz, e.g. runs/maml.npz")
    if "\0" in path:
        raise ValueError(f"{name} path {path!r} holds a NUL byte, which no file name can hold")
    refuse_url(f"{name} path", path, ".npz file path")
    if not path.endswith(".npz") or os.path.basename(path) == ".npz":
        raise ValueError(f"{name} path must be a file name ending in .npz, got {seen(path)}")
    if os.path.isdir(path):
        raise ValueError(f"{name} path {path!r} is a folder; expected a .npz file name")
    if os.path.dirname(path):
        check_look_alike(os.path.dirname(path), name)
    if os.path.exists(path) and not os.path.isfile(path):
        raise ValueError(f"{name} path {path!r} is a named pipe, a socket or a device, not a "
                         f"file; saving would replace it, and reading it is no checkpoint")
    folder = os.path.dirname(os.path.abspath(path))
    longest = len(os.path.basename(path)) + len(".abcdefgh.tmp")    # the temporary file's
    limit = _name_max(folder)
    if longest > limit:
        raise ValueError(f"{name} path's file name is too long ({len(os.path.basename(path))} "
                         f"characters; with the temporary suffix it must fit in {limit}): "
                         f"{os.path.basename(path)[:60]!r}... (in {folder[:60]!r})")
    existing = folder
    while not os.path.lexists(existing):        # (a looping link "lexists" but not "exists")
        existing = os.path.dirname(existing)
    if not os.path.isdir(existing):
        raise ValueError(f"cannot write {name} path {path!r}: {existing!r} is "
                         f"{not_a_folder(existing)}")
    try:                     # tried, not guessed: os.access says yes to root on /proc
        with _interrupts_held():     # a Ctrl-C or SIGTERM waits until the probe is gone
            if existing == folder:   # named as a temporary file, so a kill -9 leftover is swept
                fd, probe = tempfile.mkstemp(dir=folder, prefix=os.path.basename(path) + ".",
                                             suffix=".tmp")
                os.close(fd)
                with contextlib.suppress(FileNotFoundError):    # swept by the lock's holder
                    os.remove(probe)
            else:
                os.rmdir(tempfile.mkdtemp(dir=existing, prefix=".scratchmeta-probe-"))
    except OSError as e:
        raise ValueError(f"cannot write {name} {path!r}: the folder {existing!r} is not "
                         f"writable ({e.strerror})"
                         + ("" if existing == folder else f", so {folder!r} cannot be made")
                         ) from None
    return path


def _name_max(folder):
    """The longest file name the file system takes (255 where it cannot be asked)."""
    while folder and not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    try:
        return os.pathconf(folder or ".", "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def _check_finite_state(flat, where):
    for key, value in flat.items():
        value = np.asarray(value)
        if value.dtype.kind in "fc" and not np.all(np.isfinite(value)):
            bad = int(np.size(value) - np.count_nonzero(np.isfinite(value)))
            raise ValueError(f"{where}: entry state/{key} holds {bad} NaN or inf "
                             f"value{'s' if bad != 1 else ''} of {np.size(value)}; a "
                             f"checkpoint only ever holds a finite state (the trainer never "
                             f"saves a diverged one)")


def save_checkpoint(path, state, *, step, seed, config, meta_losses, changes=()):
    """Write a checkpoint atomically: to a fresh temporary file, then rename it over ``path``.

    The temporary file's name is unique (``tempfile.mkstemp``, O_EXCL), so two
    writers never write into one file; each rename is atomic, so a reader sees
    one whole checkpoint or the other. A state with NaN or inf is refused, and so is a
    ``config`` that is not ``protocol.describe``'s record (a strategy's ``class`` and
    ``hyperparameters`` at least): what ``load_checkpoint`` would refuse is never written.
    """
    path = check_path("path (a .npz checkpoint)", path)  # '', a folder, through a file
    if not path.endswith(".npz"):
        raise ValueError(f"a checkpoint path must end in .npz, got {seen(path)}")
    check_checkpoint_path(path, "path")  # its name fits, its folder can be written (tried)
    check_count("step", step, 0, INT64_MAX)      # stored as int64 entries
    check_count("seed", seed, 0, INT64_MAX)
    if not isinstance(config, dict):
        raise TypeError(f"config must be a dict (protocol.describe's record), got {seen(config)}")
    if isinstance(meta_losses, np.matrix):            # always 2-D: never one loss per step
        raise TypeError(f"meta_losses must be a 1-D array, one loss per completed step, got an "
                        f"np.matrix of shape {meta_losses.shape}; pass np.asarray(...).ravel()")
    given = meta_losses
    try:
        kind = np.asarray(meta_losses).dtype.kind
    except (TypeError, ValueError):                     # items NumPy reads as no number
        kind = "O"
    if kind not in "fiu":
        raise TypeError(f"meta_losses must be numbers, one loss per completed step, got "
                        f"{seen(meta_losses)}{odd_entry(meta_losses)}"[:300])
    meta_losses = np.asarray(meta_losses, dtype=float)
    if meta_losses.shape != (step,):
        shown = "" if isinstance(given, (np.ndarray, list, tuple)) else f" a {type(given).__name__}"
        raise ValueError(f"meta_losses must hold one loss per completed step, shape "
                         f"({step},), got{shown} shape {meta_losses.shape}: {meta_losses!r}"[:300])
    if not np.all(np.isfinite(meta_losses)):
        raise ValueError(f"meta_losses must be finite (a completed meta-step has a finite "
                         f"meta-loss), got {int(np.sum(~np.isfinite(meta_losses)))} NaN or inf "
                         f"values: {meta_losses.tolist()}"[:300])
    _check_loss_signs(meta_losses, config, "meta_losses must be")
    if isinstance(state, (dict, list, tuple)) and not state:
        raise ValueError(f"state must hold the run's arrays (e.g. {{'params': [...], 'adam': "
                         f"...}}), got an empty {type(state).__name__}: nothing to resume from")
    _check_string_keys("config", config)                   # JSON would turn 1 into "1"
    if not isinstance(changes, (list, tuple)):
        raise TypeError(f"changes must be a list of the changes made on resuming, got "
                        f"{changes!r}")
    _check_changes(list(changes), path, "changes")         # what loading would refuse
    texts = {}
    for name, record in (("config", config), ("changes", list(changes))):
        try:
            texts[name] = json.dumps(record, sort_keys=True, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise TypeError(f"{name} must be JSON-able (plain numbers, strings, lists and "
                            f"dicts), got {seen(record)}: {e}"[:400]) from None
    if isinstance(state, dict) and isinstance(state.get("adam"), dict) and "params" in state:
        check_moments_own(state["params"], state["adam"], "save_checkpoint")   # not aliased
        check_t_with_moments(state["adam"], "save_checkpoint")
    flat = {key: np.asarray(value) for key, value in flatten(state).items()}
    check_state_entries(flat, config, step, path, saving=True)    # what loading would refuse
    if not isinstance(config.get("class"), str) or not isinstance(config.get("hyperparameters"),
                                                                  dict):
        raise ValueError(f"config must be protocol.describe's record of the strategy, with its "
                         f"'class' and its 'hyperparameters' (load_checkpoint refuses a "
                         f"checkpoint without them), got {seen(config, 120)}")
    _check_recorded_config(config, "config records")               # what loading would refuse
    arrays = {f"state/{key}": value for key, value in flat.items()}
    arrays.update({"meta/format": np.array(FORMAT), "meta/step": np.array(step, np.int64),
                   "meta/seed": np.array(seed, np.int64),
                   "meta/strategy": np.array(str(config.get("name", "?"))),
                   "meta/config": np.array(texts["config"]),
                   "meta/meta_losses": meta_losses,
                   "meta/changes": np.array(texts["changes"])})
    folder = os.path.dirname(path)
    if folder:
        check_look_alike(folder)
        os.makedirs(folder, exist_ok=True)
    with _interrupts_held():                  # Ctrl-C or SIGTERM arrive once the file is whole
        fd, tmp = tempfile.mkstemp(dir=folder or ".", prefix=os.path.basename(path) + ".",
                                   suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:    # a file object: savez would append .npz to a name
                np.savez(f, **arrays)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)             # atomic: readers see the old file or the new one
        except BaseException:
            if os.path.exists(tmp):
                os.remove(tmp)
            raise


@contextlib.contextmanager
def _interrupts_held():
    """Hold Ctrl-C and SIGTERM while a checkpoint is written; deliver the first one after.

    Without this, a signal arriving just after ``mkstemp`` created the temporary file,
    before the ``try`` that removes it, could leave the file behind, and a signal
    inside the write could interrupt a save that the trainer then repeats. Python
    runs its signal handlers in the main thread whichever thread the kernel picked
    (a BLAS worker's, say), so blocking the signals in one thread (``pthread_sigmask``)
    does not hold them; instead, handlers that only note the signal stand in for the
    block's length. Off the main thread, where handlers cannot be set, nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught, held = [], {}
    for number in (signal.SIGINT, signal.SIGTERM):
        previous = signal.getsignal(number)
        if previous is not None:                      # (None: a handler set outside Python)
            held[number] = signal.signal(number, lambda n, frame: caught.append(n))
    try:
        yield
    finally:
        for number, previous in held.items():
            signal.signal(number, previous)
        if caught:
            signal.raise_signal(caught[0])            # now, to the handler the run had


def _entry(arrays, key, path, kind, shape=()):
    """arrays[key], which must exist, be of dtype kind ``kind`` ("i", "U", "f") and shape."""
    if key not in arrays:
        raise ValueError(f"{path!r} is damaged: it has no entry {key}")
    value = arrays[key]
    kinds = {"i": "iu", "f": "fiu", "U": "U"}[kind]
    if value.dtype.kind not in kinds or value.shape != shape:
        want = {"i": "an integer", "f": "a real number", "U": "text"}[kind]
        shown = f" ({value.item()!r:.40})" if value.ndim == 0 and value.dtype.kind != "O" else ""
        raise ValueError(f"{path!r} is damaged: entry {key} must be {want} of shape {shape}, "
                         f"got dtype {value.dtype} and shape {value.shape}{shown}")
    return value


def load_checkpoint(path):
    """Read a checkpoint written by :func:`save_checkpoint`, refusing pickled objects.

    Every entry is checked: the meta entries have their types, and every
    state entry is a real, finite, numeric array (not text, complex, objects,
    NaN or inf), or the entry is named in a ValueError. The layout is checked
    too, from shapes and dtypes alone: the model's arrays have the shapes of the
    MLP that meta/config records, Adam's moments are floats shaped like the
    parameters they follow, and Adam's t equals meta/step.
    """
    path = check_path("path (a .npz checkpoint)", path)  # '', a folder, through a file
    if not os.path.exists(path):
        raise MissingCheckpoint(f"no checkpoint at {seen(path)}: path must name a .npz that "
                                f"train wrote")
    try:
        with open(path, "rb") as f:
            head = f.read(64)
    except OSError as e:
        raise ValueError(f"cannot read {seen(path)}: {e.strerror}") from None
    if head.startswith(b"\x93NUMPY"):
        raise ValueError(f"{seen(path)} is not a checkpoint: it holds a single NumPy array "
                         f"(.npy), not a .npz archive written by train")
    if not head.startswith(ZIP_MAGIC):
        looks = ("an empty file" if not head else
                 "a text file" if all(32 <= c < 127 or c in b"\t\r\n" for c in head) else
                 "a binary file of another kind")
        raise ValueError(f"{seen(path)} is not a checkpoint: it is {looks} (starts with "
                         f"{head[:16]!r}), where a checkpoint is a .npz (zip) archive "
                         f"written by train")
    _check_member_sizes(path)                       # before NumPy allocates what they claim
    key = None
    try:
        with np.load(path, allow_pickle=False) as data:
            twice = sorted({k for k in data.files if data.files.count(k) > 1})
            arrays = {}
            for key in data.files:
                arrays[key] = data[key]
    except ValueError as e:
        if "pickle" in str(e):
            raise ValueError(f"refusing to load {seen(path)}: it holds pickled Python objects (in "
                             f"{key!r}), and checkpoints are read with allow_pickle=False "
                             f"(plain numeric arrays only), so that loading one never runs "
                             f"code") from None
        raise ValueError(f"{seen(path)} is not a readable checkpoint: {e}") from None
    except Exception as e:       # a truncated or foreign file: zipfile and format errors
        raise ValueError(f"{seen(path)} is not a readable checkpoint: {e}") from None
    if twice:                                      # a zip may hold one name twice: which?
        raise ValueError(f"{seen(path)} is damaged: it holds the entry {twice[0]!r} twice (train "
                         f"writes each entry once)")
    with zipfile.ZipFile(path) as archive:         # read above, so a zip: where it starts
        first = min((info.header_offset for info in archive.infolist()), default=0)
    if first:                                      # bytes before it: e.g. two files joined
        raise ValueError(f"{seen(path)} is damaged: its archive starts {first} bytes into the "
                         f"file (something was written before it, such as another "
                         f"checkpoint); train writes the archive alone")
    fmt = str(arrays["meta/format"]) if "meta/format" in arrays and \
        isinstance(arrays["meta/format"], np.ndarray) and \
        arrays["meta/format"].dtype.kind == "U" else ""
    if fmt not in (FORMAT, FORMAT_1):
        if fmt:
            found = f"meta/format = {fmt!r}"
        elif "meta/format" in arrays:
            found = f"meta/format = {np.asarray(arrays['meta/format']).tolist()!r}, not text"
        else:
            found = "no meta/format"
        raise ValueError(f"{seen(path)} is not a scratchmeta checkpoint ({found}, expected "
                         f"{FORMAT!r}); its arrays are {sorted(arrays)[:8]}")
    # A checkpoint holds NumPy arrays named meta/... and state/..., nothing else (a file an
    # archiver added to the zip would otherwise ride along unseen).
    foreign = sorted(k for k, v in arrays.items()
                     if not (isinstance(v, np.ndarray) and (k in META or k.startswith("state/"))))
    if foreign:
        raise ValueError(f"{seen(path)} is damaged: unexpected entry {foreign[0]!r} (a checkpoint "
                         f"holds only the state/ arrays and the meta/ entries that train "
                         f"writes: {', '.join(META)})")
    step = int(_entry(arrays, "meta/step", path, "i"))
    seed = int(_entry(arrays, "meta/seed", path, "i"))
    for key, value in (("meta/step", step), ("meta/seed", seed)):
        if not 0 <= value <= INT64_MAX:            # e.g. a uint64 2**64 - 1
            raise ValueError(f"{seen(path)} is damaged: entry {key} = {value} must lie in "
                             f"0..{INT64_MAX} (train writes it as an int64 >= 0)")
    name = str(_entry(arrays, "meta/strategy", path, "U"))
    if not name.strip():
        raise ValueError(f"{seen(path)} is damaged: entry meta/strategy is empty ({name!r}); "
                         f"train writes the strategy's name there, e.g. 'MAML'")
    try:
        config = json.loads(str(_entry(arrays, "meta/config", path, "U")),
                            object_pairs_hook=_unique_keys)
        changes = (json.loads(str(_entry(arrays, "meta/changes", path, "U")),
                              object_pairs_hook=_unique_keys)
                   if "meta/changes" in arrays else [])
    except json.JSONDecodeError as e:
        raise ValueError(f"{seen(path)} is damaged: its meta/config or meta/changes is not JSON "
                         f"({e})") from None
    except RecursionError:                         # "[[[[..." a hundred thousand deep
        raise ValueError(f"{seen(path)} is damaged: its meta/config or meta/changes is JSON "
                         f"nested too deeply to read (train writes a flat record of the "
                         f"strategy)") from None
    except _RepeatedKey as e:
        raise ValueError(f"{seen(path)} is damaged: its meta/config or meta/changes gives the key "
                         f"{e.args[0]!r} twice (JSON would keep the last silently; train "
                         f"writes each key once)") from None
    if not isinstance(config, dict) or not isinstance(config.get("class"), str) \
            or not isinstance(config.get("hyperparameters"), dict):
        raise ValueError(f"{seen(path)} is damaged: meta/config must record a strategy's class "
                         f"and hyperparameters, got {str(config)[:80]!r}")
    changes = _check_changes(changes, path)
    recorded = config.get("name", name)           # save_checkpoint writes the record's name
    if name != recorded:
        raise ValueError(f"{seen(path)} is damaged: entry meta/strategy = {name!r} is not the "
                         f"strategy its meta/config records ({recorded!r}, class "
                         f"{config['class'].rpartition('.')[2]}); train writes the same name "
                         f"to both, so one of them was changed")
    losses = arrays.get("meta/meta_losses")
    if losses is not None and losses.dtype.kind not in "fiu":
        raise ValueError(f"{seen(path)} is damaged: entry meta/meta_losses holds "
                         f"{_KINDS.get(losses.dtype.kind, f'dtype {losses.dtype}')} (dtype "
                         f"{losses.dtype}); it is at step {step}, so it must record {step} "
                         f"meta-losses, real numbers")
    if losses is None or losses.shape != (step,):
        raise ValueError(f"{seen(path)} is damaged: it is at step {step} (meta/step) but its "
                         f"entry meta/meta_losses records "
                         f"{'none' if losses is None else losses.shape} meta-losses, where "
                         f"train records one per step, shape ({step},)")
    if not np.all(np.isfinite(losses)):
        raise ValueError(f"{seen(path)} is damaged: entry meta/meta_losses holds "
                         f"{int(np.sum(~np.isfinite(losses)))} NaN or inf values; a completed "
                         f"meta-step always has a finite meta-loss")
    _check_loss_signs(losses, config, f"{seen(path)} is damaged: entry meta/meta_losses must be")
    flat = {k[len("state/"):]: v for k, v in arrays.items() if k.startswith("state/")}
    check_state_entries(flat, config, step, path, saving=False)
    if fmt == FORMAT_1:                       # the first edition's names and flat state
        config = legacy.upgrade_config(config)
        state = legacy.upgrade_state(config["class"].rpartition(".")[2], flat, name=(
            f"{seen(path)} is damaged: its meta/format {fmt!r} names the first edition's "
            f"layout, but its state"))
    else:                                     # a numbered level with a gap is damage too
        try:
            state = unflatten({f"state/{k}": v for k, v in flat.items()}).get("state", {})
        except ValueError as e:
            raise ValueError(f"{seen(path)} is damaged: {e}") from None
    _check_recorded_config(config, f"{seen(path)} is damaged: its meta/config records",
                           complete=fmt == FORMAT)
    if str(config.get("class", "")).startswith("scratchmeta.") and not (
            "params" in state or "body" in state):     # every registry strategy keeps one
        raise ValueError(f"{seen(path)} is damaged: it holds none of the model's parameters (no "
                         f"entry state/params/... or state/body/...), which every strategy's "
                         f"state keeps")
    return Checkpoint(state, step, seed, name, config, losses.astype(float), changes)


class MissingCheckpoint(FileNotFoundError, ValueError):
    """No checkpoint at the path given: a FileNotFoundError, as a missing file always was
    (``except FileNotFoundError`` keeps working), and a ValueError, as every other bad
    argument (here ``path``), like ``omniglot_compare.MissingRun``."""


class _RepeatedKey(ValueError):
    """A JSON object of a checkpoint's record with a key given twice (carries the key)."""


def check_look_alike(folder, name="path"):
    """Refuse to create a folder that only looks like one beside it: the first missing part
    of ``folder`` that, with a URL's %-escapes decoded (``My%20Runs``) or in Unicode's
    composed form (macOS's decomposed ``Mode\u0300les``), is the name of a folder that
    exists. ``mkdir -p`` would make a second folder, and the run would land where the
    user will not look. One listing of one folder, only when a folder is to be made."""
    if os.path.isdir(folder):
        return
    parent, missing = os.path.split(os.path.abspath(folder))
    while parent and not os.path.isdir(parent):          # the first missing part
        parent, missing = os.path.split(parent)
    try:
        siblings = os.listdir(parent)
    except OSError:
        return
    for sibling in siblings:
        if sibling == missing:
            continue
        if urllib.parse.unquote(missing) == sibling:
            why = "a URL's %-escapes, as a browser writes a space"
        elif unicodedata.normalize("NFC", missing) == unicodedata.normalize("NFC", sibling):
            why = "the same letters in another Unicode form (macOS's decomposed accents)"
        else:
            continue
        raise ValueError(f"{name}: the folder {missing!r} does not exist, but {sibling!r} does, "
                         f"next to it in {parent!r}: the same name in {why}; refusing to "
                         f"create a second folder that looks the same; write the path with "
                         f"{sibling!r}")


def _check_member_sizes(path):
    """Each ``.npy`` member of the archive at ``path`` holds as many bytes as its header's
    shape and dtype need, or its entry is named: NumPy would otherwise try to allocate what a
    damaged header claims (10**10 values, 74.5 GiB) before finding the data short. Reads the
    headers only; a member NumPy cannot parse is left to ``np.load``'s own error."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if not info.filename.endswith(".npy"):
                    continue
                with archive.open(info) as f:
                    version = np.lib.format.read_magic(f)
                    shape, _, dtype = (np.lib.format.read_array_header_1_0(f) if version ==
                                       (1, 0) else np.lib.format.read_array_header_2_0(f))
                    header = f.tell()
                if dtype.hasobject:                 # pickled: np.load refuses it by name
                    continue
                need = math.prod(shape) * dtype.itemsize
                if need != info.file_size - header:
                    raise _ShortMember(info.filename[:-4], shape, dtype, need,
                                       info.file_size - header)
    except _ShortMember as e:
        key, shape, dtype, need, held = e.args
        raise ValueError(f"{seen(path)} is damaged: entry {key!r} claims shape {shape} of "
                         f"{dtype} in its header, {need:,} bytes, but holds {held:,} bytes "
                         f"(train writes each entry whole)") from None
    except Exception:                               # not a zip, or a header NumPy refuses:
        return                                      # np.load names it


class _ShortMember(Exception):
    """A member whose data is not the size its header claims (see _check_member_sizes)."""


def _unique_keys(pairs):
    """``json.loads``' object_pairs_hook: a dict, refusing a key given twice."""
    record = {}
    for key, value in pairs:
        if key in record:
            raise _RepeatedKey(key)
        record[key] = value
    return record


# The registry's families: their losses are MSE or cross-entropy, so a meta-loss is >= 0
# (a user's family, with a loss of its own, may go below 0).
_NONNEGATIVE_LOSSES = ("sinusoid", "sinusoid_frequency", "linear", "clusters", "omniglot")


def _check_loss_signs(losses, config, what):
    """The meta-losses of a run on one of the registry's families are >= 0 (one pass)."""
    family = config.get("family") if isinstance(config, dict) else None
    if (isinstance(family, dict) and family.get("name") in _NONNEGATIVE_LOSSES
            and np.any(losses < 0)):
        raise ValueError(f"{what} >= 0 (the {family['name']} family's loss is MSE or "
                         f"cross-entropy), got {int(np.sum(losses < 0))} negative values, the "
                         f"first {float(losses[losses < 0][0])!r}")


def _check_string_keys(name, record, where=""):
    """Every key of the JSON record ``record`` (nested dicts and lists too) is a string:
    JSON would silently turn a key 1 into "1", and the loaded record would differ. A nested
    mapping of another class than dict (a SciPy OptimizeResult where its .x was meant) is a
    result object, not a setting: JSON would write it as a plain dict, unnoticed."""
    if isinstance(record, dict) and type(record) is not dict and where:
        raise TypeError(f"{name}{where} must be a setting (a number, a string, a list or a "
                        f"plain dict), got a {type(record).__name__} ({seen(record, 60)}); "
                        f"pass the value meant, e.g. its .x")
    if isinstance(record, dict):
        for key, value in record.items():
            if not isinstance(key, str):
                raise TypeError(f"{name} must have string keys (it is written as JSON, which "
                                f"would turn {key!r} into {str(key)!r}), got the key {key!r} "
                                f"({type(key).__name__}){' in ' + name + where if where else ''}")
            _check_string_keys(name, value, f"{where}[{key!r}]")
    elif isinstance(record, (list, tuple)):
        for i, value in enumerate(record):
            _check_string_keys(name, value, f"{where}[{i}]")


def _check_recorded_config(config, where, complete=True):
    """The recorded hyperparameters pass the check a user's pass (``protocol.configure``)
    and, if ``complete`` (this format's checkpoints: train records every field), name every
    field of the strategy's configuration -- a missing one would be filled with its default
    and then read, on resuming, as a change; the recorded MLP can be built. An unregistered
    class is left to ``restore``."""
    from scratchmeta.meta.protocol import configure            # the registry imports us
    from scratchmeta.meta.registry import FAMILIES, STRATEGIES
    from scratchmeta.nn import MLP
    classes = {f"{cls.__module__}.{cls.__qualname__}": cls for cls in STRATEGIES.values()}
    model, family = config.get("model"), config.get("family")
    try:
        if config["class"] in classes:
            cls = classes[config["class"]]
            configure(cls, None, config["hyperparameters"])
            missing = [f.name for f in dataclasses.fields(cls.Config)
                       if f.name not in config["hyperparameters"]]
            if complete and missing:
                raise ValueError(f"no {', '.join(missing)} among the hyperparameters of "
                                 f"{cls.__name__} (train records every one)")
        if isinstance(model, dict) and model.get("class") == "MLP" \
                and isinstance(model.get("arguments"), dict):
            MLP(**model["arguments"])
        if isinstance(family, dict):
            _check_recorded_family(family, FAMILIES)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{where} {e}") from None


def _check_recorded_family(family, families):
    """A family of the registry (``families``, by class name) is recorded under its own
    name, with arguments its constructor takes (a NaN amplitude is refused there); built
    once, which draws nothing. Omniglot's needs its images and is left to ``restore``, and
    a user's family (another class) too."""
    by_class = {cls.__name__: (name, cls) for name, cls in families.items()}
    if family.get("class") not in by_class:
        return
    name, cls = by_class[family["class"]]
    if family.get("name") != name:
        raise ValueError(f"the family {family.get('name')!r} of class {family['class']}, "
                         f"whose registry name is {name!r}: one of the two was changed")
    arguments = family.get("arguments", {})
    if not isinstance(arguments, dict):
        raise TypeError(f"the family {name!r} with arguments {arguments!r:.60}, which must be "
                        f"a JSON object (its constructor's keywords)")
    if name != "omniglot":
        try:
            cls(**arguments)
        except TypeError as e:                     # an argument the constructor does not take
            raise TypeError(f"the family {name!r} with arguments it does not take: {e}") from None
        except ValueError as e:
            raise ValueError(f"the family {name!r} with bad arguments: {e}") from None


def check_state_entries(flat, config, step, path, *, saving):
    """The one check of a flattened state that both :func:`save_checkpoint` and
    :func:`load_checkpoint` make, so that nothing is saved that loading would refuse:
    every entry real and numeric, floats in the run's dtype (``config``'s), finite, and
    Adam's entries meaningful at ``step``. Saving raises TypeError for a wrong kind of
    entry; loading calls every failure damage (ValueError)."""
    check_type("path", path, str)                  # the checkpoint's name, for the messages
    check_type("saving", saving, bool)
    where = f"refusing to save {path!r}:" if saving else f"{path!r} is damaged:"
    if not (isinstance(flat, dict) and all(isinstance(v, np.ndarray) for v in flat.values())):
        raise TypeError(f"flat must be a dict of NumPy arrays (a flattened state), got "
                        f"{flat!r}"[:300])
    if not isinstance(config, dict):
        raise TypeError(f"config must be a dict (protocol.describe's record), got {seen(config)}")
    check_count("step", step, 0)
    for key, value in flat.items():
        if value.dtype.kind not in "fiub":
            what = _KINDS.get(value.dtype.kind, f"dtype {value.dtype}")
            if saving:
                raise TypeError(f"state/{key} holds {what}; a checkpoint holds arrays of real "
                                f"numbers only (it is loaded with allow_pickle=False), got "
                                f"{value!r}"[:300])
            shown = f": {value.item()!r:.40}" if value.ndim == 0 else f" of shape {value.shape}"
            raise ValueError(f"{where} entry state/{key} holds {what}{shown}; a checkpoint's "
                             f"state holds real numbers only")
    _check_float_dtype(flat, config, where)
    if saving:                      # (a first edition's flat names are translated on loading)
        _check_has_model(flat, config, where)
    _check_model_layout(flat, config, where)
    _check_moments(flat, where, TypeError if saving else ValueError)
    _check_finite_state(flat, f"refusing to {'save' if saving else 'load'} {path!r}")
    _check_optimizer_state(flat, step, where)


def _check_changes(changes, path, where=None):
    """meta/changes is train's record of resumes: a list of {"step": int, "changes":
    {name: [old, new]}}; anything else is damage, named (not a silent wrong record).
    ``where`` names it when saving ("changes"). Returns the records as a tuple."""
    where = where or f"{path!r} is damaged: entry meta/changes"
    if not isinstance(changes, list):
        raise ValueError(f"{where} must be a JSON list of "
                         f"the changes made on resuming, got the JSON {type(changes).__name__} "
                         f"{changes!r}"[:300])
    for i, record in enumerate(changes):
        ok = (isinstance(record, dict) and set(record) == {"step", "changes"}
              and type(record["step"]) is int and record["step"] >= 0
              and isinstance(record["changes"], dict)
              and all(isinstance(v, list) and len(v) == 2 for v in record["changes"].values()))
        if not ok:
            raise ValueError(f"{where} must be a JSON list of "
                             f'{{"step": <int>, "changes": {{<name>: [<old>, <new>]}}}} records '
                             f"(one per resume that changed hyperparameters), got item {i} = "
                             f"{record!r}"[:300])
    return tuple(changes)


def _check_float_dtype(flat, config, where):
    """Every float entry of the state is in the run's float dtype (the family's ``dtype``
    argument, float64 unless recorded) or float64 (a float32 run keeps some float64 entries,
    e.g. log_lam or the task pool): a float16 or otherwise re-typed entry is damage."""
    family = config.get("family")
    arguments = family.get("arguments") if isinstance(family, dict) else None
    recorded = arguments.get("dtype") if isinstance(arguments, dict) else None
    try:
        dtype = np.dtype(recorded or "float64")
    except TypeError:
        dtype = None
    if dtype not in (np.dtype("float64"), np.dtype("float32")):
        raise ValueError(f"{where} meta/config records the run's dtype as "
                         f"{recorded!r}, expected 'float64' or 'float32'")
    for key, value in sorted(flat.items(), key=lambda kv: _parameters_first(kv[0])):
        if value.dtype.kind == "f" and value.dtype not in (dtype, np.dtype("float64")):
            raise ValueError(f"{where} entry state/{key} holds {value.dtype}, but "
                             f"the run's float dtype is {dtype} (a checkpoint's state holds "
                             f"{'float64' if dtype == np.float64 else 'float32 or float64'} "
                             f"floats only)")


# The parameters a model's list of arrays fills in a state: the whole MLP (W1, b1, ...,
# W_head, b_head) under "params", its body (every layer but the last) under "params/body"
# (the closed-form heads) or "body" (multitask).
_MODEL_LISTS = {"params": "the model's", "params/body": "the model's body's",
                "body": "the model's body's"}


def _model_shapes(config):
    """[(fan_in, fan_out), (fan_out,), ...]: the MLP's parameter shapes that ``config``
    (protocol.describe's record) implies, or None when it records no MLP's sizes."""
    model = config.get("model")
    if not (isinstance(model, dict) and model.get("class") == "MLP"
            and isinstance(model.get("arguments"), dict)):
        return None, None
    sizes = model["arguments"].get("sizes")
    if not (isinstance(sizes, list) and len(sizes) >= 2
            and all(type(n) is int and n >= 1 for n in sizes)):
        return None, None             # rebuilding the strategy names a bad record
    shapes = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        shapes += [(fan_in, fan_out), (fan_out,)]
    return sizes, shapes


def _check_has_model(flat, config, where):
    """A state to save holds at least one of the model's lists (:data:`_MODEL_LISTS`) when
    ``config`` records an MLP: a state without them saves a checkpoint that restore refuses."""
    sizes, shapes = _model_shapes(config)
    if shapes is not None and not any(key.split("/")[0] in ("params", "body") for key in flat):
        raise ValueError(f"{where} it holds none of the model's parameters: config records an "
                         f"MLP of sizes {sizes}, whose arrays a state keeps as "
                         f"state/params/0..{len(shapes) - 1} (or state/body/...), but its "
                         f"entries are {', '.join('state/' + k for k in sorted(flat)[:4])}"
                         f"{' ...' if len(flat) > 4 else ''}")


def _check_model_layout(flat, config, where):
    """The model's lists in the state (:data:`_MODEL_LISTS`) hold exactly the arrays the
    recorded model has, each of its shape: a weight reshaped or transposed, an array
    missing or one past the model's layers is damage, named. Shapes only, O(entries)."""
    sizes, shapes = _model_shapes(config)
    if shapes is None:
        return
    for group, whose in _MODEL_LISTS.items():
        want = shapes if group == "params" else shapes[:-2]
        have = {int(k[len(group) + 1:]): k for k in flat
                if k.startswith(group + "/") and k[len(group) + 1:].isdigit()}
        if not have:
            continue
        stray = sorted(k for k in flat if k.startswith(group + "/") and "/" not in
                       k[len(group) + 1:] and not k[len(group) + 1:].isdigit())
        if stray:
            raise ValueError(f"{where} unexpected entry state/{stray[0]}: {whose} parameter "
                             f"arrays are numbered state/{group}/0..{len(want) - 1} (meta/config "
                             f"records an MLP of sizes {sizes})")
        for i in sorted(have):
            key = have[i]
            if i >= len(want):
                raise ValueError(f"{where} unexpected entry state/{key}: it lies past "
                                 f"{whose} {len(want)} parameter arrays (meta/config records "
                                 f"an MLP of sizes {sizes}: state/{group}/0..{len(want) - 1})")
            if flat[key].shape != want[i]:
                raise ValueError(f"{where} entry state/{key} has shape {flat[key].shape}, "
                                 f"but meta/config records an MLP of sizes {sizes}, whose "
                                 f"array {i} has shape {want[i]}")
            if flat[key].dtype.kind != "f":           # a weight or bias is a float
                raise ValueError(f"{where} entry state/{key} holds {flat[key].dtype}, but it "
                                 f"is array {i} of the model's parameters, which are floats "
                                 f"(train writes float64 or float32)")
        missing = [i for i in range(len(want)) if i not in have]
        if missing:
            raise ValueError(f"{where} it has no entry state/{group}/{missing[0]}: meta/config "
                             f"records an MLP of sizes {sizes}, {len(want)} arrays "
                             f"state/{group}/0..{len(want) - 1}")


def _check_moments(flat, where, kind):
    """Adam's moments follow their parameters: ``<g>adam/m/<p>`` and ``<g>adam/v/<p>`` are
    floats of the shape of the parameter ``<p>`` they follow (under ``params`` or ``body``
    for ``adam``, under ``heads`` for ``heads_adam``), and every such parameter has both.
    Dtypes and shapes only, O(entries). ``kind``: the exception for a wrong dtype kind."""
    groups = {}                                    # (optimizer, followed) -> their entries
    for key in flat:
        parts = key.split("/")
        at = next((i for i, p in enumerate(parts[:-2])
                   if (p == "adam" or p.endswith("_adam")) and parts[i + 1] in ("m", "v")),
                  None)
        if at is None:
            continue
        prefix = "/".join(parts[:at] + [""]) if at else ""
        names = ("params", "body") if parts[at] == "adam" else (parts[at][:-len("_adam")],)
        followed = next((prefix + n for n in names
                         if any(k.startswith(prefix + n + "/") for k in flat)), None)
        optimizer = prefix + parts[at]
        groups.setdefault((optimizer, followed), []).append(("/".join(parts[at + 2:]),
                                                              parts[at + 1], key))
    for (optimizer, followed), entries in sorted(groups.items(), key=str):
        for rest, role, key in sorted(entries):
            value = flat[key]
            if value.dtype.kind != "f":
                raise kind(f"{where} entry state/{key} holds "
                           f"{_KINDS.get(value.dtype.kind, f'dtype {value.dtype}')} (dtype "
                           f"{value.dtype}); Adam's moments are floats"
                           + (f", of the dtype of state/{followed}/{rest} "
                              f"({flat[followed + '/' + rest].dtype})"
                              if followed and followed + "/" + rest in flat else ""))
            if followed is None:
                continue
            param = flat.get(f"{followed}/{rest}")
            if param is None:
                moved = sorted(k for k in flat if k.startswith(followed + "/") and k[len(
                    followed) + 1:] not in {r for r, _, _ in entries})    # a renamed parameter
                raise ValueError(f"{where} unexpected entry state/{key}: it follows no "
                                 f"parameter, there is no "
                                 f"state/{followed}/{rest} (expected an Adam moment for each "
                                 f"entry of state/{followed} and no other)"
                                 + (f"; state/{moved[0]} has no moment: was it renamed from "
                                    f"state/{followed}/{rest}?" if moved else ""))
            if value.shape != param.shape:
                raise ValueError(f"{where} entry state/{key} has shape {value.shape}, but the "
                                 f"parameter it follows, state/{followed}/{rest}, has shape "
                                 f"{param.shape}; expected {param.shape}")
        if followed is None:
            continue
        have = {(rest, role) for rest, role, _ in entries}
        for key in sorted(k for k in flat if k.startswith(followed + "/")):
            rest = key[len(followed) + 1:]
            for role in ("m", "v"):
                if (rest, role) not in have:
                    raise ValueError(f"{where} entry state/{key} has no Adam moment "
                                     f"state/{optimizer}/{role}/{rest}; expected both "
                                     f"state/{optimizer}/m/{rest} and state/{optimizer}/v/{rest} "
                                     f"for each entry of state/{followed}")


def _check_optimizer_state(flat, step, where):
    """Adam's entries keep their meaning: t = step (train's strategies make one Adam update
    per meta-step; ``step`` None: t >= 0) and second moments v >= 0 (a running mean of
    squares); anything else is damage."""
    limit = INT64_MAX if step is None else step
    for key, value in sorted(flat.items()):
        parts = key.split("/")
        role = parts[parts.index("adam") + 1] if "adam" in parts[:-1] else None
        if role == "t" and value.dtype.kind not in "iu":
            raise ValueError(f"{where} entry state/{key} must hold integers (Adam's step "
                             f"count t), got {_KINDS.get(value.dtype.kind, value.dtype)} (dtype "
                             f"{value.dtype})")
        if role == "t" and value.shape != ():
            raise ValueError(f"{where} entry state/{key} has shape {value.shape}; Adam's step "
                             f"count t is one number (shape ())")
        if role == "t" and value.dtype.kind in "iu" and (
                (value < 0) | (value > limit) | ((value != step) if step is not None else False)
        ).any():
            bad = int(value)
            raise ValueError(f"{where} entry state/{key} = {bad} counts Adam's steps, which "
                             + ("cannot be negative" if step is None or bad < 0 else
                                f"must equal meta/step = {step} at step {step} (train's "
                                f"strategies make one Adam update per meta-step)"))
        if role == "v" and (value < 0).any():
            raise ValueError(f"{where} entry state/{key} holds "
                             f"{int(np.sum(value < 0))} negative values; Adam's second "
                             f"moments are means of squares, never negative")


def check_state(state, strategy, path="the checkpoint"):
    """Raise ValueError unless ``state`` has the entries, shapes and kinds of ``strategy``'s.

    The reference is the strategy's own ``init_state``: a checkpoint's state
    must hold the same entries (none missing, none extra), each of the same
    shape, integers where it has integers.
    """
    check_attributes("strategy", strategy, ("name", "init_state"),
                     "a strategy object (e.g. make_strategy('maml'))")
    check_type("path", path, str)                  # the checkpoint's name, for the messages
    if not isinstance(state, dict):
        raise TypeError(f"state must be a strategy's state, a dict, got {seen(state)}"[:300])
    want = _paths(strategy.init_state(np.random.default_rng(0)))
    got = _paths(state)
    _check_finite_state(got, f"state (for {path!r}) must be finite")
    missing = sorted(set(want) - set(got), key=_parameters_first)
    extra = sorted(set(got) - set(want), key=_parameters_first)
    if missing or extra:
        parts = [f"{what} {', '.join('state/' + k for k in keys[:4])}"
                 + (f" and {len(keys) - 4} more" if len(keys) > 4 else "")
                 for what, keys in (("missing", missing), ("unexpected", extra)) if keys]
        raise ValueError(f"{path!r} does not hold a {strategy.name} state for this model: "
                         f"{'; '.join(parts)}")
    for key in sorted(want, key=_parameters_first):
        a, b = np.asarray(want[key]), np.asarray(got[key])
        if a.shape != b.shape:
            raise ValueError(f"{path!r} does not fit this model: entry state/{key} has shape "
                             f"{b.shape}, the model needs {a.shape}")
        if a.dtype.kind in "iu" and b.dtype.kind not in "iu":
            raise ValueError(f"{path!r} is damaged: entry state/{key} must hold integers, "
                             f"got dtype {b.dtype}")
        if a.dtype.kind == "f" and b.dtype.kind != "f":
            raise ValueError(f"{path!r} is damaged: entry state/{key} must hold real numbers "
                             f"(floats), got dtype {b.dtype}")
        if a.dtype.kind == "f" and b.dtype != a.dtype:
            raise ValueError(f"{path!r} is damaged: entry state/{key} holds {b.dtype}, but "
                             f"this run's parameters are {a.dtype}")
    _check_optimizer_state({k: np.asarray(v) for k, v in got.items()}, None,
                           f"{path!r} is damaged:")     # Adam's t >= 0, its v >= 0


def _parameters_first(key):
    """A sort key: the parameters' entries before the optimizer's (``adam``)."""
    return "adam" in key, key


def _paths(tree, prefix=""):
    """Like :func:`flatten`, but for any tree a file may hold (numbered keys with gaps too)."""
    if isinstance(tree, (list, tuple)):
        tree = {str(i): v for i, v in enumerate(tree)}
    if not isinstance(tree, dict):
        return {prefix[:-1]: tree}
    out = {}
    for key, value in tree.items():
        out.update(_paths(value, f"{prefix}{key}/"))
    return out


def restore(path, *, root=None):
    """(checkpoint, strategy) from a checkpoint file, the state checked against the strategy.

    ``root``: an Omniglot run's images are read from this folder instead of
    the recorded one.
    """
    from scratchmeta.meta.registry import strategy_from_config     # the registry imports us
    ckpt = load_checkpoint(path)
    if root is not None and ckpt.config.get("family", {}).get("name") != "omniglot":
        raise ValueError(f"root (--root) applies to omniglot checkpoints; {os.fspath(path)!r} "
                         f"holds a {ckpt.config.get('family', {}).get('name')} run (got "
                         f"root={root!r})")
    if root is not None:
        check_path("root", root, folder=True)     # '', a file, or a path through one
    try:
        strategy = strategy_from_config(ckpt.config, root=root)
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        raise ValueError(f"{os.fspath(path)!r} is damaged: its meta/config does not rebuild a "
                         f"strategy: {e if isinstance(e, (ValueError, TypeError)) else repr(e)}"
                         ) from None
    recorded = ckpt.config.get("name", strategy.name)
    if strategy.name != recorded:                 # the record's name and class disagree
        raise ValueError(f"{os.fspath(path)!r} is damaged: its meta/config names the strategy "
                         f"{recorded!r} (also in meta/strategy), but its class "
                         f"{ckpt.config['class']} with these hyperparameters is "
                         f"{strategy.name!r}")
    check_state(ckpt.state, strategy, os.fspath(path))
    return ckpt, strategy


@contextlib.contextmanager
def exclusive(path):
    """Hold ``<path>.lock`` exclusively while the block runs; refuse if another run holds it.

    The lock is ``flock``'s, so the kernel drops it when its process dies
    (kill -9 leaves nothing stale). The file is removed on release; a
    temporary checkpoint left by a killed writer is removed on acquiring.
    """
    path = check_path("path", path)      # the file to lock, e.g. 'runs/maml.npz'
    lock = path + ".lock"
    folder = os.path.dirname(path)
    if folder:
        check_look_alike(folder)
        os.makedirs(folder, exist_ok=True)
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            try:
                with open(lock) as f:
                    holder = f.read().strip() or "?"
            except OSError:
                holder = "?"
            raise ValueError(f"another run (pid {holder}) is writing {path!r} right now; "
                             f"wait for it to finish, or give this run another --out") from None
        try:                                   # the file may have been removed and remade
            same = os.fstat(fd).st_ino == os.stat(lock).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        # A writer killed mid-save (kill -9) leaves its temporary file; no one else writes
        # this path while we hold the lock, so any such file is a leftover.
        for leftover in glob.glob(glob.escape(path) + ".*.tmp"):
            with contextlib.suppress(OSError):
                os.remove(leftover)
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(lock)
        os.close(fd)
