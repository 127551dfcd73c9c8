"""The outer loop every strategy shares: meta-steps, progress, checkpoints, resume.

Lecture 22, section 1.2.1-1.2.2: meta-training "does SGD" with tasks as its
examples, one meta-update (eq. 22.3, or eq. 22.5 for Reptile) after another.
Whatever a strategy computes inside its step, the loop around it is the same,
and it is written once here:

    state = train(make_strategy("maml"), n_steps=70000, seed=0,
                  checkpoint="runs/maml.npz", progress=print)

Three things make a long run practical.

*Progress.* Every ``log_every`` steps, a line gives the step, the mean
meta-loss since the previous line, the speed in steps per second and the
estimated time left.

*Reproducible randomness.* Meta-step t draws its tasks from a generator made
from (seed, t) alone, never from one generator threaded through the run. A
run stopped at step t and resumed from its checkpoint therefore sees exactly
the tasks an uninterrupted run sees, and ends with bit-identical parameters.
The streams are told apart by NumPy's ``SeedSequence`` spawn keys: (0,) for
the initial parameters, (1, t) for step t. (Plain lists would not do:
``default_rng([s])`` and ``default_rng([s, 0])`` are the same generator,
because SeedSequence pads short entropy with zeros.)

*Safe checkpoints.* A checkpoint is one ``.npz`` file of plain arrays: the
strategy's state, a nested dict, flattened to one entry per array under
``state/<path>`` (``state/params/0``, ``state/adam/m/0``, ...), and under
``meta/<key>`` the format, the step, the seed, the strategy's name, its record
as a JSON string in a 0-d unicode array
(:func:`scratchmeta.meta.protocol.describe`: class, configuration, model,
family) and the meta-loss of every step so far. It is written to
``<path>.tmp`` and then renamed over ``<path>``; a rename is atomic, so a crash
mid-write leaves the previous checkpoint whole. It is read with
``allow_pickle=False``: loading a checkpoint never runs code from the file.
Checkpoints of the first edition (format 1) are translated by
``scratchmeta.meta.legacy``.

Section 1.3.7 warns that meta-gradients explode. A strategy's ``update``
raises :class:`~scratchmeta.meta.checks.ExplodingMetaGradient` when they do;
the trainer then saves the last good state (as it does on Ctrl-C), and lets
the error through with its advice.
"""

import json
import os
import time
from typing import NamedTuple

import numpy as np

from scratchmeta.meta import legacy
from scratchmeta.meta.checks import ExplodingMetaGradient, check_count
from scratchmeta.meta.protocol import describe

FORMAT = "scratchmeta-checkpoint-2"
FORMAT_1 = "scratchmeta-checkpoint-1"     # the first edition's flat states


# --- one random stream per purpose -----------------------------------------------

def as_seed(seed):
    """A non-negative int seed; a Generator is turned into one by a single draw."""
    if isinstance(seed, np.random.Generator):
        return int(seed.integers(2 ** 63))
    if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool) \
            and 0 <= seed < 2 ** 63:
        return int(seed)
    raise TypeError(f"seed must be an integer in [0, 2**63) or a numpy Generator, "
                    f"got {seed!r}")


def init_rng(seed):
    """The generator for a run's initial parameters."""
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(0,)))


def step_rng(seed, step):
    """The generator for meta-step ``step``: a function of (seed, step) only."""
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(1, step)))


# --- checkpoints -----------------------------------------------------------------------

def flatten(state, prefix=""):
    """{"params": [a, b], "adam": {"t": t}} -> {"params/0": a, "params/1": b, "adam/t": t}."""
    if isinstance(state, (list, tuple)):
        state = {str(i): v for i, v in enumerate(state)}
    elif not isinstance(state, dict):
        return {prefix[:-1]: state}
    else:
        for key in state:
            if not isinstance(key, str) or not key or "/" in key or key.isdigit():
                raise TypeError(f"state keys must be non-empty strings without '/' that are "
                                f"not numbers, got {key!r}")
    out = {}
    for key, value in state.items():
        out.update(flatten(value, f"{prefix}{key}/"))
    return out


def unflatten(flat):
    """The nested state that :func:`flatten` flattened (numbered levels become lists)."""
    tree = {}
    for path, value in flat.items():
        node, keys = tree, path.split("/")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value

    def lists(node):
        if not isinstance(node, dict):
            return node
        if node and all(k.isdigit() for k in node):
            return [lists(node[str(i)]) for i in range(len(node))]
        return {k: lists(v) for k, v in node.items()}
    return lists(tree)


class Checkpoint(NamedTuple):
    """What a checkpoint file holds."""

    state: dict                # the strategy's (nested) state after ``step`` meta-steps
    step: int                  # meta-steps completed
    seed: int                  # the run's seed (see step_rng)
    strategy: str              # the strategy's display name, e.g. "FOMAML"
    config: dict               # protocol.describe(strategy), to rebuild or to check it
    meta_losses: np.ndarray    # (step,) the meta-loss of every step so far


def save_checkpoint(path, state, *, step, seed, config, meta_losses):
    """Write a checkpoint atomically: to ``path + ".tmp"``, then rename it over ``path``."""
    path = os.fspath(path)
    if not path.endswith(".npz"):
        raise ValueError(f"a checkpoint path must end in .npz, got {path!r}")
    meta_losses = np.asarray(meta_losses, dtype=float)
    if meta_losses.shape != (step,):
        raise ValueError(f"meta_losses must hold one loss per completed step, shape "
                         f"({step},), got shape {meta_losses.shape}")
    arrays = {}
    for key, value in flatten(state).items():
        value = np.asarray(value)
        if value.dtype.hasobject:
            raise TypeError(f"state[{key!r}] is an array of Python objects; a checkpoint holds "
                            f"numeric arrays only (it is loaded with allow_pickle=False)")
        arrays[f"state/{key}"] = value
    arrays.update({"meta/format": np.array(FORMAT), "meta/step": np.array(step, np.int64),
                   "meta/seed": np.array(seed, np.int64),
                   "meta/strategy": np.array(str(config.get("name", "?"))),
                   "meta/config": np.array(json.dumps(config, sort_keys=True)),
                   "meta/meta_losses": meta_losses})
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    tmp = path + ".tmp"
    try:
        with open(tmp, "wb") as f:            # a file object: savez would append .npz to a name
            np.savez(f, **arrays)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)                 # atomic: readers see the old file or the new one
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def load_checkpoint(path):
    """Read a checkpoint written by :func:`save_checkpoint`, refusing pickled objects."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(f"no checkpoint at {path!r}")
    try:
        with np.load(path, allow_pickle=False) as data:
            if not isinstance(data, np.lib.npyio.NpzFile):
                raise ValueError("it holds a single array, not a .npz archive")
            arrays = {key: data[key] for key in data.files}
    except ValueError as e:
        if "pickle" in str(e):
            raise ValueError(f"refusing to load {path!r}: it holds pickled Python objects, and "
                             f"checkpoints are read with allow_pickle=False (plain numeric "
                             f"arrays only), so that loading one never runs code") from None
        raise ValueError(f"{path!r} is not a readable checkpoint: {e}") from None
    except Exception as e:       # a truncated or foreign file: zipfile and format errors
        raise ValueError(f"{path!r} is not a readable checkpoint: {e}") from None
    fmt = str(arrays.get("meta/format", ""))
    if fmt not in (FORMAT, FORMAT_1):
        raise ValueError(f"{path!r} is not a scratchmeta checkpoint (no meta/format = "
                         f"{FORMAT!r}); its arrays are {sorted(arrays)[:8]}")
    flat = {k[len("state/"):]: v for k, v in arrays.items() if k.startswith("state/")}
    config = json.loads(str(arrays["meta/config"]))
    if fmt == FORMAT_1:                       # the first edition's names and flat state
        config = legacy.upgrade_config(config)
        state = legacy.upgrade_state(config["class"].rpartition(".")[2], flat)
    else:
        state = unflatten(flat)
    step = int(arrays["meta/step"])
    losses = arrays["meta/meta_losses"]
    if losses.shape != (step,):
        raise ValueError(f"{path!r} is damaged: it is at step {step} but records "
                         f"{losses.shape} meta-losses")
    return Checkpoint(state, step, int(arrays["meta/seed"]), str(arrays["meta/strategy"]),
                      config, losses)


def _differences(saved, current, where=""):
    """Readable 'key: checkpoint a, this run b' lines where two configs differ."""
    if isinstance(saved, dict) and isinstance(current, dict):
        out = []
        for key in sorted(set(saved) | set(current)):
            out += _differences(saved.get(key), current.get(key), f"{where}{key}.")
        return out
    if saved != current:
        return [f"{where[:-1]}: checkpoint {saved!r}, this run {current!r}"]
    return []


def check_same_run(ckpt, strategy, seed, path="the checkpoint"):
    """Raise ValueError unless ``ckpt`` was written by this strategy, configured alike, and seed."""
    current = json.loads(json.dumps(describe(strategy), sort_keys=True))    # as stored
    diff = _differences(ckpt.config, current)
    if ckpt.seed != seed:
        diff.append(f"seed: checkpoint {ckpt.seed}, this run {seed}")
    if diff:
        raise ValueError(f"cannot resume from {path}: it was written by a different run "
                         f"({'; '.join(diff)}). Resume with the checkpoint's settings, or "
                         f"start a new run without resume.")


# --- the loop ------------------------------------------------------------------------------

def _duration(seconds):
    """'42s', '3m07s', '2h05m'."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def train(strategy, n_steps, seed, *, checkpoint=None, checkpoint_every=1000, resume=False,
          progress=None, log_every=None, history=None):
    """Run meta-steps until ``n_steps`` are done; return the final state.

    Meta-step t draws its batch with ``strategy.sample_batch`` and applies it
    with ``strategy.update``, both from the generator :func:`step_rng` (seed, t).

    seed:             an int, or a numpy Generator (one draw makes the int seed).
                      Step t uses :func:`step_rng` (seed, t).
    checkpoint:       a ``.npz`` path, written every ``checkpoint_every`` steps, at the
                      end, and with the last good state when a step explodes or the
                      run is interrupted.
    resume:           continue from ``checkpoint``, which must come from the same
                      strategy, configuration and seed; the result is bit-identical to
                      an uninterrupted run.
    progress:         a print-like callable for progress lines, or None for silence;
                      one line every ``log_every`` steps (default: about 50 lines a run).
    history:          a list that receives the meta-loss of every step 0..n_steps-1
                      (those of a resumed checkpoint included).
    """
    check_count("n_steps", n_steps, 0)
    check_count("checkpoint_every", checkpoint_every, 1)
    log_every = max(1, n_steps // 50) if log_every is None else log_every
    check_count("log_every", log_every, 1)
    seed = as_seed(seed)
    if resume and checkpoint is None:
        raise ValueError("resume=True needs the checkpoint path to resume from")
    config = describe(strategy) if checkpoint is not None else None
    say = progress or (lambda line: None)

    if resume:
        ckpt = load_checkpoint(checkpoint)
        check_same_run(ckpt, strategy, seed, checkpoint)
        if ckpt.step > n_steps:
            raise ValueError(f"{checkpoint} is already at step {ckpt.step}, beyond the "
                             f"requested n_steps = {n_steps}")
        state, start, losses = ckpt.state, ckpt.step, list(ckpt.meta_losses)
        say(f"resuming {ckpt.strategy} from step {start} of {checkpoint}")
    else:
        state, start, losses = strategy.init_state(init_rng(seed)), 0, []
    if not isinstance(state, dict):
        raise TypeError(f"{type(strategy).__name__}.init_state must return a dict of arrays "
                        f"(see scratchmeta.meta.protocol), got {type(state).__name__}")

    saved = start if resume else None        # the step the file on disk holds
    done = start
    t0, window = time.perf_counter(), []

    def save():
        nonlocal saved
        save_checkpoint(checkpoint, state, step=done, seed=seed, config=config,
                        meta_losses=losses)
        saved = done

    try:
        for step in range(start, n_steps):
            rng = step_rng(seed, step)
            batch = strategy.sample_batch(rng, state)
            new_state, loss = strategy.update(state, batch, rng, step)    # guarded (1.3.7)
            state, done = new_state, step + 1
            losses.append(loss)
            window.append(loss)
            if done % log_every == 0 or done == n_steps:
                rate = (done - start) / max(time.perf_counter() - t0, 1e-9)
                say(f"step {done:>{len(str(n_steps))}d}/{n_steps}  "
                    f"meta-loss {np.mean(window):.4g}  {rate:.1f} steps/s  "
                    f"ETA {_duration((n_steps - done) / rate)}")
                window = []
            if checkpoint is not None and (done % checkpoint_every == 0 or done == n_steps):
                save()
    except (ExplodingMetaGradient, KeyboardInterrupt):
        if checkpoint is not None and saved != done:
            save()                           # keep the last good state, then stop
        raise
    if checkpoint is not None and saved != done:
        save()                               # n_steps == start: nothing ran, still write
    if history is not None:
        history.extend(losses)
    return state
