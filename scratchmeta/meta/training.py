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

*Safe checkpoints.* Every ``checkpoint_every`` steps the state is written to
a ``.npz`` file atomically, under a lock that keeps a second run off the same
path; a checkpoint is checked entry by entry when read, and never holds NaN.
The format and its safety are in ``scratchmeta.meta.checkpoint``; the names
below (``save_checkpoint``, ``load_checkpoint``, ``restore``, ...) are also
importable from here.

*Resuming with other settings.* A resumed run must be the same strategy,
model, task family and seed; but the step sizes and sizes listed in
:data:`RESUMABLE` may change, as section 1.3.7's advice asks ("try a smaller
inner_lr"). The trainer says which changed, at which step, and records it.

Section 1.3.7 warns that meta-gradients explode. A strategy's ``update``
raises :class:`~scratchmeta.meta.guard.ExplodingMetaGradient` when they do,
and the trainer checks what every update returns
(:func:`~scratchmeta.meta.guard.check_step`): finite, and not a wild jump.
Either way the update is not kept; the trainer saves the last good state (as
it does on Ctrl-C) and lets the error through with its advice. NumPy's
overflow warnings inside a diverging step are silenced: the guard says what
happened instead.
"""

import contextlib
import json
import os
import time

import numpy as np

from scratchmeta.meta.checkpoint import (FORMAT, FORMAT_1, Checkpoint,  # noqa: F401 (re-export)
                                         check_checkpoint_path, check_state, exclusive, flatten,
                                         load_checkpoint, restore, save_checkpoint, unflatten)
from scratchmeta.meta.checks import (check_attributes, check_count, check_instance,
                                     check_memory, check_type, user_callback)
from scratchmeta.meta.guard import ExplodingMetaGradient, check_step, step_advice
from scratchmeta.meta.protocol import describe
from scratchmeta.meta.registry import check_rebuilds
from scratchmeta.messages import seen


STRATEGY = "a strategy object (scratchmeta.meta.protocol, e.g. make_strategy('maml'))"

# Hyperparameters a resumed run may change: step sizes and sizes that leave the
# state's layout alone. The rest (the strategy, its model and family, first_order,
# n_train_tasks, the seed, ...) define the run and must match.
RESUMABLE = ("inner_lr", "inner_steps", "meta_lr", "head_meta_lr", "head_inner_lr",
             "meta_batch", "n_support", "n_query", "subset_size", "head_steps", "n_steps")


# --- one random stream per purpose -----------------------------------------------

def as_seed(seed):
    """A non-negative int seed; a Generator is turned into one by a single draw."""
    if isinstance(seed, np.random.Generator):
        return int(seed.integers(2 ** 63))
    if isinstance(seed, (int, np.integer)) and not isinstance(seed, (bool, np.timedelta64)):
        if 0 <= seed < 2 ** 63:
            return int(seed)
        raise ValueError(f"seed must be an integer in [0, 2**63), got {seen(seed)}")
    raise TypeError(f"seed must be an integer in [0, 2**63) or a numpy Generator, "
                    f"got {seen(seed)}")


def init_rng(seed):
    """The generator for a run's initial parameters."""
    check_count("seed", seed, 0)
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(0,)))


def step_rng(seed, step):
    """The generator for meta-step ``step``: a function of (seed, step) only."""
    check_count("seed", seed, 0)
    check_count("step", step, 0)
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(1, step)))


# --- resuming --------------------------------------------------------------------------

def _differences(saved, current, where=""):
    """(name, checkpoint value, this run's value) where two configs differ."""
    if isinstance(saved, dict) and isinstance(current, dict):
        out = []
        for key in sorted(set(saved) | set(current)):
            out += _differences(saved.get(key), current.get(key), f"{where}{key}.")
        return out
    if saved != current:
        return [(where[:-1], saved, current)]
    return []


def check_same_run(ckpt, strategy, seed, path="the checkpoint"):
    """The changes a resumed run makes: {name: [checkpoint's, this run's]}.

    Raise ValueError unless ``ckpt`` was written by this strategy, model,
    family and seed; hyperparameters in :data:`RESUMABLE` may differ, and are
    returned.
    """
    check_instance("ckpt", ckpt, Checkpoint, "a Checkpoint (from load_checkpoint)")
    check_attributes("strategy", strategy, ("name", "config", "model", "family"), STRATEGY)
    check_count("seed", seed, 0)
    check_type("path", path, str)                  # the checkpoint's name, for the message
    current = json.loads(json.dumps(describe(strategy), sort_keys=True))    # as stored
    changed, refused = {}, []
    for name, old, new in _differences(ckpt.config, current):
        key = name.removeprefix("hyperparameters.")
        if name == "family.arguments.root":   # where the images are read from: the loader
            continue                          # checks their content hash, the run is the same
        if name.startswith("hyperparameters.") and key in RESUMABLE:
            changed[key] = [old, new]
        elif name != "name":                  # the display name follows the hyperparameters
            refused.append(f"{name}: checkpoint {old!r}, this run {new!r}")
    if ckpt.seed != seed:
        refused.append(f"seed (--seed): checkpoint {ckpt.seed!r}, this run {seed!r}")
    if refused:
        raise ValueError(f"cannot resume from {path}: it was written by a different run "
                         f"({'; '.join(refused)}). A resumed run may change only "
                         f"{', '.join(RESUMABLE)}; resume with the checkpoint's other "
                         f"settings, or start a new run without resume.")
    return changed


# --- the loop ------------------------------------------------------------------------------

def _duration(seconds):
    """'42s', '3m07s', '2h05m'."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def batch_floats(strategy, n_tasks=None, n_points=None):
    """About how many floats one meta-step (or one chunk of evaluation) holds at once.

    Tasks x points x (every layer's width) x (the K inner steps + 2) copies:
    the activations an unrolled inner loop keeps for its backward pass.
    """
    check_attributes("strategy", strategy, ("model",), STRATEGY)
    for name, value in (("n_tasks", n_tasks), ("n_points", n_points)):
        if value is not None:
            check_count(name, value, 1)
    c = getattr(strategy, "config", None)
    tasks = getattr(c, "meta_batch", 1) if n_tasks is None else n_tasks
    points = (getattr(c, "n_support", 0) + getattr(c, "n_query", 0)) if n_points is None \
        else n_points
    sizes = getattr(strategy.model, "sizes", (1,))
    copies = int(getattr(c, "inner_steps", 1) or 0) + 2
    return float(tasks) * float(points) * float(sum(sizes)) * copies


def check_run(strategy, n_steps):
    """What can be known of a run before it starts: its schedule fits, its batches fit memory.

    ``n_steps`` >= 0: 0 is a valid run, which only builds the initial state (``compare.run``
    gives 0 meta-steps to a strategy with nothing to learn, such as ``scratch``)."""
    check_attributes("strategy", strategy, ("name", "model"), STRATEGY)
    check_count("n_steps", n_steps, 0)
    anneal = getattr(getattr(strategy, "config", None), "n_steps", None)
    if anneal is not None and anneal < n_steps:
        raise ValueError(f"{strategy.name} anneals its step over n_steps = {anneal} "
                         f"meta-steps (eq. 22.5), fewer than the {n_steps} meta-steps asked "
                         f"for; set its n_steps to at least {n_steps}")
    c = getattr(strategy, "config", None)
    sizes = ", ".join(f"{k}={getattr(c, k)!r}" for k in ("meta_batch", "n_support", "n_query",
                                                        "inner_steps") if hasattr(c, k))
    check_memory(f"one meta-step of {strategy.name} ({sizes})" if sizes else
                 f"one meta-step of {strategy.name}", batch_floats(strategy))


def _parameters(state):
    """The learned parts of a state (an optimizer's moments left out), for the step guard."""
    return {k: v for k, v in state.items() if "adam" not in k}


def train(strategy, n_steps, seed, *, checkpoint=None, checkpoint_every=1000, resume=False,
          progress=None, log_every=None, history=None, overwrite=True):
    """Run meta-steps until ``n_steps`` are done; return the final state.

    Meta-step t draws its batch with ``strategy.sample_batch`` and applies it
    with ``strategy.update``, both from the generator :func:`step_rng` (seed, t).
    Every argument, the checkpoint path and the memory a step needs are
    checked before the first step.

    n_steps:          the meta-steps in all (those of a resumed checkpoint included); 0
                      is a valid run that only builds the initial state.
    seed:             an int, or a numpy Generator (one draw makes the int seed).
                      Step t uses :func:`step_rng` (seed, t).
    checkpoint:       a ``.npz`` path, written every ``checkpoint_every`` steps, at the
                      end, and with the last good state when a step explodes or the
                      run is interrupted. The run holds ``<checkpoint>.lock``.
    resume:           continue from ``checkpoint``, which must come from the same
                      strategy, model, family and seed; the result is bit-identical to
                      an uninterrupted run. Hyperparameters in :data:`RESUMABLE` may
                      differ from the checkpoint's: the change is said and recorded.
    overwrite:        with ``resume=False``, whether an existing ``checkpoint`` may be
                      replaced (checked under the lock, so two runs cannot both pass).
    progress:         a print-like callable for progress lines, or None for silence;
                      one line every ``log_every`` steps (default: about 50 lines a run).
    history:          a list that receives the meta-loss of every step 0..n_steps-1
                      (those of a resumed checkpoint included).
    """
    check_attributes("strategy", strategy, ("name", "init_state", "sample_batch", "update"),
                     STRATEGY)
    check_count("n_steps", n_steps, 0)
    check_count("n_steps", n_steps, 0, np.iinfo(np.intp).max)     # a step is an int64
    check_count("checkpoint_every", checkpoint_every, 1)
    log_every = max(1, n_steps // 50) if log_every is None else log_every
    check_count("log_every", log_every, 1)
    seed = as_seed(seed)
    if not isinstance(resume, bool) or not isinstance(overwrite, bool):
        raise TypeError(f"resume and overwrite must be True or False, got {seen(resume)} and "
                        f"{overwrite!r}")
    if resume and checkpoint is None:
        raise ValueError("resume=True needs the checkpoint path to resume from")
    say = user_callback("progress", progress, "print (a print-like callable) or None")
    if history is not None:
        check_instance("history", history, list, "a list (it receives the meta-losses) or None")
    check_run(strategy, n_steps)
    if checkpoint is None:
        return _train(strategy, n_steps, seed, None, checkpoint_every, False, say,
                      log_every, history)
    checkpoint = check_checkpoint_path(checkpoint)
    with exclusive(checkpoint):
        if not resume and not overwrite and os.path.exists(checkpoint):
            raise ValueError(f"{checkpoint} exists; pass --resume (resume=True) to continue "
                             f"that run, or --force (overwrite=True) to start again and "
                             f"overwrite it")
        return _train(strategy, n_steps, seed, checkpoint, checkpoint_every, resume, say,
                      log_every, history)


def _train(strategy, n_steps, seed, checkpoint, checkpoint_every, resume, say, log_every,
           history):
    if checkpoint is not None:                      # restorable, or refused before any step
        check_rebuilds(strategy.family)
    config = describe(strategy) if checkpoint is not None else None
    changes, changed = [], {}

    if resume:
        ckpt = load_checkpoint(checkpoint)
        changed = check_same_run(ckpt, strategy, seed, checkpoint)
        if ckpt.step > n_steps:
            raise ValueError(f"{checkpoint} is already at step {ckpt.step}, beyond the "
                             f"requested n_steps = {n_steps}")
        check_state(ckpt.state, strategy, checkpoint)
        state, start, losses = ckpt.state, ckpt.step, list(ckpt.meta_losses)
        changes = list(ckpt.changes) + ([{"step": start, "changes": changed}] if changed else [])
        say(f"resuming {ckpt.strategy} from step {start} of {checkpoint}")
        if changed:
            say("changed from the checkpoint's settings (recorded in it): " + ", ".join(
                f"{k} {old!r} -> {new!r}" for k, (old, new) in sorted(changed.items())))
    else:
        state, start, losses = strategy.init_state(init_rng(seed)), 0, []
    if not isinstance(state, dict):
        raise TypeError(f"{type(strategy).__name__}.init_state must return a dict of arrays "
                        f"(see scratchmeta.meta.protocol), got {type(state).__name__}")

    # The step the file on disk holds, if it holds this run's settings as well.
    saved = start if resume and not changed else None
    done = start
    t0, window = time.perf_counter(), []
    advice = step_advice(getattr(strategy, "config", None), _parameters(state))

    def save():
        nonlocal saved
        save_checkpoint(checkpoint, state, step=done, seed=seed, config=config,
                        meta_losses=losses, changes=changes)
        saved = done

    try:
        with np.errstate(all="ignore"):       # the guards say what overflowed, not NumPy
            for step in range(start, n_steps):
                rng = step_rng(seed, step)
                batch = strategy.sample_batch(rng, state)
                new_state, loss = strategy.update(state, batch, rng, step)   # guarded (1.3.7)
                check_step(_parameters(state), _parameters(new_state), loss, step=step,
                           advice=advice)
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
    except (ExplodingMetaGradient, ValueError, TypeError, KeyboardInterrupt):
        # An explosion, bad data, Ctrl-C or SIGTERM: the last completed step is kept.
        # (Any other error is taken for a crash: the last periodic checkpoint stays.)
        if checkpoint is not None and saved != done:
            with contextlib.suppress(ValueError):   # a state that is not finite is not kept:
                save()                              # the file keeps its last good one
        raise
    if checkpoint is not None and saved != done:
        save()                               # n_steps == start: nothing ran, still write
    if history is not None:
        history.extend(losses)
    return state

