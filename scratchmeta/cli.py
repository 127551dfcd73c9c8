"""The command line: ``python -m scratchmeta {demo,figures,train,evaluate,compare} --help``.

``demo`` is Chapter 1's check of nested gradients; ``figures`` regenerates
Chapter 4's figures (``scratchmeta.figures``). The other three run Chapter 2,
the strategies of Lecture 22, section 1:

* ``train`` meta-trains one strategy, with progress lines and ``.npz``
  checkpoints (``scratchmeta.meta.training``); ``--resume`` continues a run;
* ``evaluate`` scores a checkpoint on held-out tasks after 0..N adaptation
  steps, mean and 95% interval (``scratchmeta.meta.evaluate``);
* ``compare`` trains and evaluates every strategy on the same tasks and prints
  one table: the demo of "MAML compared to alternative approaches" that the
  lecture's section 3 wishes for.

Every strategy takes the same hyperparameter names (the table is in
``scratchmeta.meta``): ``--inner-lr``, ``--inner-steps``, ``--meta-lr``,
``--meta-batch``, ``--n-support``, ``--n-query`` and ``--lam``, and ``--set
NAME=VALUE`` for the rest. A flag that does not apply to a strategy is
refused with the reason.

Exit codes: 0 on success, 2 for bad arguments (one line, ``error: ...``, before
any work), 1 when a run fails (an exploding meta-gradient, section 1.3.7), 130
when interrupted by Ctrl-C and 143 by SIGTERM (both save the last step).
"""

import argparse
import contextlib
import json
import os
import re
import sys
import time

import numpy as np

from scratchmeta.messages import seen
from scratchmeta.settled import settle
from scratchmeta.threads import check_thread_variables


def demo(args):
    """Chapter 1 demo: nth derivatives of tanh by nested grad, against closed forms."""
    from scratchmeta import autodiff as ad

    def closed_forms(x):
        t = np.tanh(x)
        s = 1.0 - t * t                                   # sech^2 x
        return [t, s, -2 * t * s, s * (6 * t * t - 2), 8 * t * s * (2 - 3 * t * t)]

    print("Derivatives of tanh by nested grad (engine) and by closed form:")
    print(f"{'x':>6s} {'n':>2s} {'engine':>22s} {'closed form':>22s} {'|error|':>9s}")
    for x in (-1.5, 0.3, 2.0):
        f = ad.tanh
        for n in range(1, 5):
            f = ad.grad(f)
            got, want = float(f(x)), closed_forms(x)[n]
            print(f"{x:6.2f} {n:2d} {got:22.15f} {want:22.15f} {abs(got - want):9.1e}")
    return 0


# How a number is written on the command line: ASCII digits, a sign, a point and an exponent
# (and inf or nan, refused by name below), nothing else: Python's int() and float() would
# also read '1_0' as 10, a full-width '３' as 3 and ' 3\n' as 3.
_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?(inf|infinity|nan)",
                    re.IGNORECASE)


def _number(kind, minimum, what, maximum=None):
    """An argparse type: text -> kind, at least ``minimum`` (exclusive for floats), finite,
    below ``maximum``; an integer below 2**63 unless told (no count beyond fits an int64)."""
    limit = 2 ** 63 if kind is int and maximum is None else None
    spelling = _INT if kind is int else _FLOAT

    def parse(text):
        if not spelling.fullmatch(text):        # Python's int() would also take '1_0', '３'
            form = ("plain decimal digits" if kind is int else
                    "decimal digits, a point and an exponent")
            raise argparse.ArgumentTypeError(f"expected {what}, written in {form}, got "
                                             f"{text!r}")
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}, got {seen(text)}") from None
        if kind is float and not np.isfinite(value):
            raise argparse.ArgumentTypeError(f"expected {what} (finite), got {seen(text)}")
        if limit is not None and value >= limit:
            raise argparse.ArgumentTypeError(f"expected {what} below 2**63 (an int64), got "
                                             f"{text!r}")
        if value < minimum or (kind is float and value == minimum) \
                or (maximum is not None and value >= maximum):
            raise argparse.ArgumentTypeError(f"expected {what}, got {seen(text)}")
        return value
    return parse


_positive_int = _number(int, 1, "a positive integer")
_count = _number(int, 0, "a non-negative integer")
_positive_float = _number(float, 0.0, "a positive number")
_seed = _number(int, 0, "an integer seed in [0, 2**63)", 2 ** 63)
_some_tasks = _number(int, 2, "an integer >= 2 (the interval needs two tasks or more)")

# The hyperparameters every strategy names alike (scratchmeta.meta's table), as flags.
FLAGS = {
    "inner_lr": (_positive_float, "eta_inner of eq. 22.4 (also the test-time step)"),
    "inner_steps": (_count, "K, the inner SGD steps of eq. 22.4"),
    "meta_lr": (_positive_float, "eta of eq. 22.3, the outer (Adam) step"),
    "meta_batch": (_positive_int, "tasks per meta-step"),
    "n_support": (_positive_int, "support points per training task"),
    "n_query": (_positive_int, "query points per training task"),
    "lam": (_positive_float, "lambda of eq. 22.6 (closed_form, multitask)"),
}


def _assignment(text):
    """(KEY, VALUE, the value as typed): VALUE read as JSON when it parses (0.1, 3, true,
    null), else as a string."""
    key, sep, value = text.partition("=")
    if not sep or not key.isidentifier():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, e.g. lam=0.1, got {seen(text)}")
    try:
        parsed = json.loads(value)
    except json.JSONDecodeError:
        return key, value, value
    if isinstance(parsed, (list, dict)):
        raise argparse.ArgumentTypeError(f"--set {text}: expected one number, true/false, null "
                                         f"or a word as the value, got a JSON "
                                         f"{type(parsed).__name__}")
    return key, parsed, value                       # the value as typed too, for messages


def _hyperparameters(args, name):
    """The strategy keywords the user set: the named flags and every --set NAME=VALUE.

    Each --set value is checked here against the type the strategy's
    configuration declares (``protocol.field_type``), so a mistake is named as
    the --set the user typed, before anything is built.
    """
    import dataclasses

    from scratchmeta.meta.checks import check_type
    from scratchmeta.meta.protocol import field_type
    from scratchmeta.meta.registry import STRATEGIES

    hyper = {name: getattr(args, name) for name in FLAGS if getattr(args, name) is not None}
    fields = {f.name: f for f in dataclasses.fields(STRATEGIES[name].Config)}
    for key in hyper:                              # a flag the strategy has no use for
        if key not in fields:
            why = getattr(STRATEGIES[name], "NOT_APPLICABLE", {}).get(key)
            raise ValueError(f"--{key.replace('_', '-')} does not apply to --strategy {name}: "
                             f"it has no hyperparameter {key!r}{': ' + why if why else ''}")
    for key, value, raw in args.set:
        typed = raw                                 # 1e-3: shown as typed and as read
        if isinstance(value, (int, float)) and not isinstance(value, bool) and \
                raw.strip() != repr(value):
            typed = f"{raw} (read as {value!r})"
        if key in hyper:
            how = ("twice by --set" if key not in FLAGS or getattr(args, key) is None else
                   f"twice (as --{key.replace('_', '-')} and --set)")
            raise ValueError(f"{key} is given {how}")
        if key not in fields:                      # named as the --set the user typed
            why = getattr(STRATEGIES[name], "NOT_APPLICABLE", {}).get(key)
            raise ValueError(f"strategy {STRATEGIES[name].__name__} has no hyperparameter "
                             f"{key!r} (--set {key}={typed})"
                             f"{': ' + why if why else ''}; it takes {sorted(fields)}")
        if key in fields:
            try:
                check_type(key, value, field_type(fields[key]),
                           none_ok=fields[key].default is None)
            except (TypeError, ValueError) as e:
                raise type(e)(f"--set {key}={typed}: {e}") from None
        if key in FLAGS and value is not None:      # the range of its flag, --inner-lr etc.
            try:
                FLAGS[key][0](raw)
            except argparse.ArgumentTypeError as e:
                raise ValueError(f"--set {key}={typed}: {key} must be "
                                 f"{str(e).partition('expected ')[2].partition(', got')[0]}, "
                                 f"as for --{key.replace('_', '-')}") from None
        hyper[key] = value
    return hyper


def _run_length(name, steps, hyper=()):
    """{"n_steps": steps} for a strategy that anneals over its run (Reptile, eq. 22.5)."""
    from scratchmeta.meta.registry import hyperparameters
    return {"n_steps": steps} if "n_steps" in hyperparameters(name) and "n_steps" not in hyper \
        and steps > 0 else {}


def _print_progress(line):
    print(line, flush=True)


# --- train ---------------------------------------------------------------------------

class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an interrupt so that the trainer saves as it does on Ctrl-C."""


def _terminate(signum, frame):
    raise Terminated()


@contextlib.contextmanager
def _about(option, path):
    """An error about the file given as ``option`` (a checkpoint that is not one, damaged, or
    another run's) names the option as the user typed it, before the library's message."""
    try:
        yield
    except (ValueError, TypeError) as e:
        if option in str(e):
            raise
        kind = ValueError if isinstance(e, ValueError) else TypeError
        raise kind(f"{option} {path}: {e}") from e


def _strategy_for(args, out):
    """The strategy to train: from the flags, or, with --resume, the checkpoint's own
    configuration with the flags given on top (the trainer says what changed)."""
    from scratchmeta.meta.registry import (STRATEGIES, make_family, make_strategy,
                                           strategy_from_config)
    from scratchmeta.meta.training import load_checkpoint

    hyper = _hyperparameters(args, args.strategy)
    if not args.resume:
        if args.family == "omniglot":            # the counts, before the drawings are read
            _check_omniglot_shots(hyper.get("n_support"), hyper.get("n_query"), options=False)
        family = _family_for(args)
        family = make_family(family) if isinstance(family, str) else family
        try:
            return make_strategy(args.strategy, family, **hyper,
                                 **_run_length(args.strategy, args.steps, hyper))
        except (TypeError, ValueError) as e:     # name the pair as typed (R2D2 on sinusoids)
            kind = ValueError if isinstance(e, ValueError) else TypeError
            raise kind(f"{e} (--strategy {args.strategy} --family {args.family})") from None
    with _about("--out", out):
        ckpt = load_checkpoint(out)
    if ckpt.step > args.steps:                   # --steps is the run's total, not more steps
        raise ValueError(f"--resume: {out} is already at meta-step {ckpt.step}, beyond "
                         f"--steps {args.steps} (n_steps = {args.steps}: the run's total "
                         f"number of meta-steps, not the steps to add); pass --steps "
                         f"{ckpt.step + 1} or more to continue it")
    names = {f"{cls.__module__}.{cls.__qualname__}": n for n, cls in STRATEGIES.items()}
    saved_name = names.get(ckpt.config["class"], ckpt.config["class"])
    saved_family = ckpt.config.get("family", {}).get("name")
    if saved_name != args.strategy or saved_family != args.family:
        raise ValueError(f"--resume: {out} holds a {saved_name} run on {saved_family}, this "
                         f"command asks for --strategy {args.strategy} --family {args.family}; "
                         f"pass --strategy {saved_name} --family {saved_family}")
    hyper = {**hyper, **_run_length(args.strategy, args.steps, hyper)}
    record = dict(ckpt.config, hyperparameters={**ckpt.config["hyperparameters"], **hyper})
    for flag, value in (("--root", args.root), ("--dtype", args.dtype)):
        if value is not None and saved_family != "omniglot":
            raise ValueError(f"{flag} applies to omniglot runs; {out} holds a {saved_family} "
                             f"run")
    saved_dtype = ckpt.config["family"].get("arguments", {}).get("dtype") or "float64"
    if args.dtype is not None and args.dtype != saved_dtype:
        raise ValueError(f"--resume: {out} was trained in {saved_dtype}, this command asks for "
                         f"--dtype {args.dtype}; a run keeps its dtype (leave --dtype out)")
    return strategy_from_config(record, root=args.root)


def _check_test_counts(steps, *tasks):
    """An option's test-time steps and held-out task counts, at most what evaluate takes:
    ``steps`` and each of ``tasks`` are (option, value) pairs (a value None: not given)."""
    from scratchmeta.meta.checks import check_test_steps
    from scratchmeta.meta.evaluate import check_held_out_count
    check_test_steps(" ".join(map(str, steps)), steps[1])
    for option, value in tasks:
        check_held_out_count(f"{option} {value}", value)


def _check_omniglot_shots(n_support, n_query, n_way=None, options=True):
    """Omniglot's per-class counts checked without its images (None: not given); with
    ``options``, the message names evaluate's and compare's --support and --query (train's
    hyperparameters are named by where they were given, "(given as --n-support 7)")."""
    from scratchmeta.datasets.omniglot_tasks import N_WAY, check_shots
    n_way = N_WAY if n_way is None else n_way
    try:
        check_shots(n_way, 1, n_way if n_support is None else n_support,
                    0 if n_query is None else n_query)
    except ValueError as err:                    # in the words typed: the options
        if not options:
            raise
        raise ValueError(f"--support {n_support} --query {n_query}: {err}") from None


def _family_for(args, split=None):
    """The task family of --family, with Omniglot's --root, --dtype (and a split) applied."""
    from scratchmeta.meta.checks import check_path
    from scratchmeta.meta.registry import make_family

    options = {k: v for k, v in (("root", getattr(args, "root", None)),
                                 ("dtype", getattr(args, "dtype", None)),
                                 ("split", split)) if v is not None}
    if not options:
        return args.family
    if args.family != "omniglot":
        raise ValueError(f"--root, --dtype and --split apply to --family omniglot only, got "
                         f"--family {args.family} with {sorted(options)}")
    if "root" in options:                        # the counts were checked: now the folder
        check_path("--root", options["root"], folder=True, exists=True)
    return make_family(args.family, **options)


def train_command(args):
    """Meta-train one strategy; checkpoints go to --out, progress lines to stdout.

    Every argument and the output path are checked before any work. SIGTERM
    saves the last completed step as Ctrl-C does (exit 143, or 130 for Ctrl-C).
    """
    import signal

    from scratchmeta.meta.checks import check_path
    from scratchmeta.meta.guard import ExplodingMetaGradient
    from scratchmeta.meta.training import check_checkpoint_path, check_run, train

    if args.steps == 0:      # argparse took it (a count), but a run of no meta-steps is no run
        raise ValueError("--steps must be at least 1 (the total meta-steps of the run; 0 would "
                         "only save the initialisation), got 0")
    if args.resume and args.force:
        raise ValueError("--resume and --force contradict each other: --resume continues the "
                         "run saved in --out, --force discards it and starts again from step "
                         "0; give one of them")
    if args.out == "":
        raise ValueError("--out is empty; expected a checkpoint path ending in .npz, e.g. "
                         "--out runs/maml.npz (or leave --out out for runs/<strategy>.npz)")
    if args.root is not None:                    # '', a file; its absence after the counts
        check_path("--root", args.root, folder=True)
    out = args.out if args.out is not None else os.path.join("runs", f"{args.strategy}.npz")
    out = check_checkpoint_path(out, "--out")
    if args.resume and not os.path.exists(out):
        raise ValueError(f"--resume: there is no checkpoint at {out} to continue; start the "
                         f"run without --resume")
    if os.path.exists(out) and not (args.resume or args.force):   # train says so too, later
        raise ValueError(f"--out {out} exists; pass --resume to continue that run, or --force "
                         f"to start again and overwrite it")
    strategy = _strategy_for(args, out)
    check_run(strategy, args.steps)                   # before the first line is printed
    print(f"training {strategy.name} on {args.family} for {args.steps} meta-steps "
          f"(seed {args.seed}), checkpoints in {out}", flush=True)
    t0 = time.perf_counter()
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        train(strategy, args.steps, args.seed, checkpoint=out,
              checkpoint_every=args.checkpoint_every, resume=args.resume,
              overwrite=args.force, progress=_print_progress, log_every=args.log_every)
    except ExplodingMetaGradient as e:        # section 1.3.7: say why, keep the good state
        print(f"error: {e}", file=sys.stderr)
        print(_kept(out, args, error=e), file=sys.stderr)
        return 1
    except KeyboardInterrupt as e:
        what = "terminated (SIGTERM)" if isinstance(e, Terminated) else "interrupted"
        print(f"{what}; {_kept(out, args)}", file=sys.stderr)
        return 143 if isinstance(e, Terminated) else 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    print(f"saved {out} after {args.steps} meta-steps ({time.perf_counter() - t0:.1f} s); "
          f"score it with: python -m scratchmeta evaluate --checkpoint {out}"
          + (f" --root {args.root}" if args.root is not None else ""))
    return 0


def _kept(out, args, error=None):
    """What the checkpoint file holds after a stopped run, said plainly, and how to go on.

    After an explosion, the setting to change is the one the guard's advice
    names first ("try a smaller inner_lr ...").
    """
    from scratchmeta.meta.training import load_checkpoint

    try:
        step = load_checkpoint(out).step
    except (OSError, ValueError):
        return "nothing was saved"
    resume = (f"python -m scratchmeta train --strategy {args.strategy} --family {args.family} "
              f"--seed {args.seed} --steps {args.steps} --out {out} --resume")
    if getattr(args, "root", None) is not None:
        resume += f" --root {args.root}"
    if step == 0:
        held = (f"{out} holds only the initialisation (meta-step 0): the run failed before "
                f"its first meta-update was kept, so nothing was learned")
    else:
        held = f"the last good state (meta-step {step}) is kept in {out}"
    if error is None:
        return f"meta-step {step} is saved in {out}: continue with {resume}"
    advice = str(error).lower().partition("try a smaller ")[2]
    names = sorted((advice.find(n), n) for n in ("inner_lr", "meta_lr", "head_meta_lr")
                   if f"{n} " in advice or f"{n})" in advice)
    if not names:
        return f"{held}; continue with {resume} and the setting named above changed"
    name = names[0][1]
    flag = f"--{name.replace('_', '-')} <smaller>" if name in FLAGS else f"--set {name}=<smaller>"
    return f"{held}; continue with a smaller {name}: {resume} {flag}"


# --- evaluate ------------------------------------------------------------------------

def evaluate_command(args):
    """Score a checkpoint on held-out tasks after 0..--steps adaptation steps."""
    from scratchmeta.meta.checks import check_memory, check_path
    from scratchmeta.meta.evaluate import evaluate, format_result, format_table
    from scratchmeta.meta.training import batch_floats, load_checkpoint, restore

    _check_test_counts(("--steps", args.steps), ("--tasks", args.tasks))
    check_path("--checkpoint", args.checkpoint)        # '', a folder, a path through a file
    if not os.path.exists(args.checkpoint):
        raise FileNotFoundError(f"no checkpoint at {seen(args.checkpoint)} (--checkpoint); "
                                f"expected a .npz written by train")
    if args.root is not None:                    # '', a file; its absence after the counts
        check_path("--root", args.root, folder=True)
    with _about("--checkpoint", args.checkpoint):
        family = load_checkpoint(args.checkpoint).config.get("family", {})
    if family.get("name") == "omniglot":         # the counts, before the drawings are read
        _check_omniglot_shots(args.support, args.query, family.get("arguments", {}).get("n_way"))
        if args.root is not None:                # the counts were checked: now the folder
            check_path("--root", args.root, folder=True, exists=True)
    with _about("--checkpoint", args.checkpoint):
        ckpt, strategy = restore(args.checkpoint, root=args.root)   # entries checked vs the model
    if args.split is not None:                        # Omniglot: validation or test characters
        from scratchmeta.meta.registry import make_family
        record = ckpt.config["family"]
        if record["name"] != "omniglot":
            raise ValueError(f"--split applies to omniglot checkpoints, {args.checkpoint} "
                             f"holds a {record['name']} run")
        other = make_family("omniglot", **{**record["arguments"], "split": args.split,
                                           "rotate": None, "root": strategy.family.root})
        strategy = settle(type(strategy)(strategy.model, other, strategy.config))  # same run
    shots = getattr(strategy.family, "check_shots", None)     # clusters: a multiple of n_way
    if callable(shots):
        try:
            shots(args.support, args.query)
        except ValueError as err:                    # in the words typed: the options
            raise ValueError(f"--support {args.support} --query {args.query}: {err}") from None
    check_memory(f"evaluating --support {args.support} + --query {args.query} points per task",
                 batch_floats(strategy, min(args.tasks, 100), args.support + args.query))
    family = ckpt.config["family"]["name"]
    if args.split is not None:
        family += f" ({args.split} characters)"
    result = evaluate(strategy, ckpt.state, strategy.family, n_tasks=args.tasks,
                      n_support=args.support, n_query=args.query, n_steps=args.steps,
                      seed=args.seed)
    print(f"{strategy.name} on {family}, {args.checkpoint} at meta-step {ckpt.step}: "
          f"{args.tasks} held-out tasks (seed {args.seed}), {args.support} support / "
          f"{args.query} query points each")
    print(format_table([{"adaptation steps": k,
                         f"{result.metric_name} (95% interval)": format_result(m, h)}
                        for k, (m, h) in enumerate(zip(result.mean, result.half_width))]))
    print(f"interval: mean ± 1.96 s/√n over the n = {args.tasks} tasks")
    return 0


# --- compare -------------------------------------------------------------------------

QUICK = {"steps": 300, "tasks": 100, "val_tasks": 50}
DEFAULTS = {"steps": 5000, "tasks": 600, "val_tasks": 200}


def compare_command(args):
    """Train every strategy, choose its test-time step on validation tasks, score on test tasks."""
    from scratchmeta.meta import compare
    from scratchmeta.meta.checks import check_classifier_family, check_memory
    from scratchmeta.meta.guard import ExplodingMetaGradient
    from scratchmeta.meta.evaluate import format_table
    from scratchmeta.meta.registry import STRATEGIES, make_family

    preset = QUICK if args.quick else DEFAULTS
    steps = preset["steps"] if args.steps is None else args.steps
    tasks = preset["tasks"] if args.tasks is None else args.tasks
    val_tasks = preset["val_tasks"] if args.val_tasks is None else args.val_tasks
    if args.eval_seed == args.val_seed:
        raise ValueError(f"--eval-seed and --val-seed must differ (test-time settings are "
                         f"chosen on validation tasks, not on the test tasks), both are "
                         f"{args.eval_seed}")
    names = args.strategies or list(STRATEGIES)
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"--strategies names {', '.join(twice)} twice; give each once")
    if args.family == "omniglot":                # the counts, before the drawings are read
        _check_omniglot_shots(args.support, args.query)
    family = make_family(args.family)
    for name in names:     # a classifier's head on a regression family: a wrong choice, not n/a
        if getattr(STRATEGIES[name], "classifier", False):
            check_classifier_family(f"--strategies {name}", family)
    # every count and size, before the first strategy trains (a bad one used to be found
    # only when the first strategy was evaluated, after its training)
    if hasattr(family, "check_shots"):
        try:
            family.check_shots(args.support, args.query)
        except ValueError as e:                  # named as the flags the user typed
            raise ValueError(f"--support {args.support} --query {args.query}: {e}") from None
    for option, n in (("--tasks", tasks), ("--val-tasks", val_tasks)):
        check_memory(f"the curves of {option} {n} tasks over --adapt-steps {args.adapt_steps}",
                     float(n) * (float(args.adapt_steps) + 1))
        check_memory(f"{min(n, 100)} tasks ({option}) of --support {args.support} + --query "
                     f"{args.query} points",
                     float(min(n, 100)) * (args.support + args.query) * family.n_inputs)
    _check_test_counts(("--adapt-steps", args.adapt_steps), ("--tasks", tasks),
                       ("--val-tasks", val_tasks))        # within memory, but days of work

    def log(line):                       # progress to stderr, so stdout is just the table
        print(line, file=sys.stderr, flush=True)

    rows, failures, not_applicable = [], [], []
    blank = {"test lr": "-", "steps": "-"}
    for i, name in enumerate(names):
        log(f"[{i + 1}/{len(names)}] {name}: {steps} meta-steps")
        try:
            compare.build(name, family, steps)     # refuses a strategy the family cannot take
        except ValueError as e:       # e.g. a head-only strategy and the bodiless linear model
            not_applicable.append(f"{name}: {e}")
            rows.append({"strategy": name, **blank, "result": "n/a"})
            continue
        try:
            result = compare.run(family, {name: 0 if name == "scratch" else steps},
                                 seed=args.seed, strategies=(name,), n_support=args.support,
                                 n_query=args.query, val_tasks=val_tasks, test_tasks=tasks,
                                 max_steps=args.adapt_steps, test_seed=args.eval_seed,
                                 val_seed=args.val_seed, progress=log)
        except (ExplodingMetaGradient, FloatingPointError) as e:
            failures.append(f"{name}: {e}")
            rows.append({"strategy": name, **blank, "result": "failed"})
            continue
        rows.extend(compare.rows(result))

    metric = family.metric_name
    columns = next((list(row) for row in rows if "result" not in row), None)
    if columns is not None:       # n/a and failed rows: their word under every metric column
        rows = [row if "result" not in row else
                {c: row["strategy"] if c == "strategy" else
                 row["result"] if c.startswith(metric) else "-" for c in columns}
                for row in rows]
    print(f"{args.family}: {steps} meta-steps per strategy (seed {args.seed}; scratch takes "
          f"none); test-time lr among {', '.join(f'{c:g}' for c in compare.CANDIDATES)} and "
          f"0..{args.adapt_steps} steps chosen on {val_tasks} validation tasks (seed "
          f"{args.val_seed}); {metric} on {tasks} test tasks (seed {args.eval_seed}), "
          f"{args.support} support / {args.query} query points each")
    print(format_table(rows))
    print("± is the half-width of the 95% interval of the mean over tasks, 1.96 s/√n; median, "
          "diverged (fraction of tasks whose fine-tuning stopped being finite) and worse "
          "(fraction left worse than before adapting) are after the chosen steps")
    if any(row["strategy"].endswith(" *") for row in rows):
        print(f"* {compare.STEP_0_NOTE}")
    for note in not_applicable:
        print(f"n/a: {note}")
    for failure in failures:
        print(f"failed: {failure}")
    return 1 if failures else 0


# --- the parser ----------------------------------------------------------------------

def figures_command(args):
    """Chapter 4: every lecture figure, from real runs (``scratchmeta.figures``)."""
    from scratchmeta import figures
    figures.check_only(args.only, "--only")   # the options are checked before any figure is made
    if args.out is not None:
        figures.check_out_dir(args.out, "--out")
    figures.run_all(args.out, quick=args.quick, only=args.only)
    return 0


# What an option given twice means, said under every subcommand's --help.
REPEATS = ("An option given twice takes the value given last (as in argparse, git and most "
           "command lines, so that a saved command can be followed by an override), except "
           "--set, --strategies and --only, whose values add up (--set refuses a name given "
           "twice, --strategies and --only a name repeated).")


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line, ``error: ...``, and exit code 2.

    A value such as ``-inf``, ``-1e-3``, ``-nan`` or ``-0x16`` (a dash, then a digit or a
    point: no option looks so) is read as a (bad) value, not as an unknown option, so
    ``--inner-lr -inf`` is refused by name.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = re.compile(
            r"^-[\d.]|^-(inf|infinity|nan)$", re.IGNORECASE)

    def error(self, message):
        self.exit(2, f"error: {self.prog.split()[-1]}: {message} (see {self.prog} --help)\n")

    def parse_args(self, args=None, namespace=None):
        """argparse's, but a subcommand written as a flag (``--train``) is named as such."""
        args = sys.argv[1:] if args is None else list(args)
        names = getattr(self, "command_names", ())      # set by build_parser
        flag = next((a for a in args if isinstance(a, str) and a[:2] == "--"
                     and a[2:] in names), None)
        if flag is not None and not any(a in names for a in args):
            self.error(f"{flag} is not an option: the subcommand is a word without dashes, "
                       f"e.g. 'python -m scratchmeta {flag[2:]} ...' (one of "
                       f"{', '.join(names)})")
        words = [isinstance(a, str) and not a.startswith("-") for a in args]
        before = args[:words.index(True) if True in words else len(args)]   # options first
        unknown = next((a for a in before if isinstance(a, str)
                        and a.split("=")[0] not in ("-h", "--help")), None)
        if names and unknown is not None:           # e.g. --version: only --help comes first
            self.error(f"unrecognized option {unknown}: before the subcommand only -h/--help "
                       f"is taken; give the subcommand first, e.g. 'python -m scratchmeta "
                       f"train --help' (one of {', '.join(names)})")
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            self.error(_extra_values(args, extra))
        return parsed


def build_parser():
    from scratchmeta import figures
    from scratchmeta.meta.evaluate import HELD_OUT_SEED, VALIDATION_SEED
    from scratchmeta.meta.registry import FAMILIES, STRATEGIES

    parser = _Parser(prog="python -m scratchmeta",
                                     description="Lecture 22 (MAML and sampling) from scratch.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="nth derivatives of tanh by nested grad").set_defaults(run=demo)

    fig_p = commands.add_parser(
        "figures", help="regenerate every lecture figure from real runs (the main job)",
        description="Regenerate Figures 22.1-22.7 and the demos of lecture 22 from real runs "
                    "of the library, with fixed seeds, into --out (default figures/). "
                    "--quick makes every figure from small settings in under a minute, "
                    "into figures-quick/ unless --out is given.")
    figures.add_arguments(fig_p)
    fig_p.set_defaults(run=figures_command)

    def held_out(p, tasks_default, tasks_help):
        p.add_argument("--tasks", type=_some_tasks, default=tasks_default,
                       help=f"number of held-out tasks ({tasks_help})")
        p.add_argument("--support", type=_positive_int, default=10,
                       help="support (adaptation) points per held-out task (default 10)")
        p.add_argument("--query", type=_positive_int, default=100,
                       help="query (scoring) points per held-out task (default 100)")

    train_p = commands.add_parser(
        "train", help="meta-train one strategy, with checkpoints",
        description="Meta-train one strategy of lecture 22, section 1. Progress lines give "
                    "the step, the mean meta-loss since the last line, steps/s and the ETA. "
                    "Checkpoints are .npz files written atomically, one run per file (a "
                    "second run given the same --out is refused); --resume continues a run "
                    "bit-identically, and may change its step sizes and sizes (said, and "
                    "recorded in the checkpoint). Ctrl-C and SIGTERM save the last step.")
    train_p.add_argument("--strategy", choices=list(STRATEGIES), default="maml",
                         metavar="NAME",
                         help=f"one of {', '.join(STRATEGIES)} (default maml)")
    train_p.add_argument("--family", choices=list(FAMILIES), default="sinusoid",
                         help="task family; its default model is used (default sinusoid)")
    train_p.add_argument("--root", default=None,
                         help="omniglot: folder holding images_background.zip and "
                              "images_evaluation.zip (default: the decoded cache)")
    train_p.add_argument("--dtype", choices=("float64", "float32"), default=None,
                         help="omniglot: inputs and parameters in this type (default float64)")
    train_p.add_argument("--steps", type=_count, default=70000,
                         help="total meta-steps, at least 1 (default 70000, as Finn et al.)")
    train_p.add_argument("--seed", type=_seed, default=0, help="run seed (default 0)")
    train_p.add_argument("--out", default=None,
                         help="checkpoint path, .npz (default runs/<strategy>.npz)")
    train_p.add_argument("--resume", action="store_true",
                         help="continue the run saved in --out with its strategy, settings and "
                              "seed; flags given change settings such as --inner-lr (the "
                              "change is printed and recorded in the checkpoint)")
    train_p.add_argument("--force", action="store_true",
                         help="overwrite an existing --out and start from step 0")
    train_p.add_argument("--checkpoint-every", type=_positive_int, default=1000,
                         help="meta-steps between checkpoints (default 1000)")
    train_p.add_argument("--log-every", type=_positive_int, default=None,
                         help="meta-steps between progress lines (default: 50 lines a run)")
    for name, (kind, text) in FLAGS.items():
        train_p.add_argument("--" + name.replace("_", "-"), type=kind, help=text)
    train_p.add_argument("--set", type=_assignment, action="append", default=[],
                         metavar="NAME=VALUE",
                         help="any other hyperparameter of the strategy, e.g. --set lam=0.1")
    train_p.set_defaults(run=train_command)

    eval_p = commands.add_parser(
        "evaluate", help="score a checkpoint on held-out tasks",
        description="Adapt a trained strategy on held-out tasks and report the query error "
                    "(MSE, or accuracy for clusters) after 0..--steps adaptation steps: the "
                    "mean over tasks with its 95% interval, mean ± 1.96 s/√n.")
    eval_p.add_argument("--checkpoint", required=True, help="a .npz written by train")
    eval_p.add_argument("--steps", type=_count, default=10,
                        help="adaptation steps on each task's support set (default 10)")
    held_out(eval_p, 600, "default 600")
    eval_p.add_argument("--seed", type=_seed, default=HELD_OUT_SEED,
                        help=f"seed of the held-out tasks (default {HELD_OUT_SEED})")
    eval_p.add_argument("--root", default=None,
                        help="omniglot: folder holding images_background.zip and "
                             "images_evaluation.zip (default: the checkpoint's, else the "
                             "decoded cache)")
    eval_p.add_argument("--split", choices=("train", "validation", "test"), default=None,
                        help="omniglot: the characters the held-out tasks are drawn from "
                             "(default: the checkpoint's training family)")
    eval_p.set_defaults(run=evaluate_command)

    cmp_p = commands.add_parser(
        "compare", help="train and evaluate every strategy, print one table",
        description="MAML compared to the alternatives of lecture 22, section 1: every "
                    "strategy is trained on the same task family and seed; its test-time "
                    "step size and number of steps (0..--adapt-steps) are chosen on "
                    "validation tasks; it is then scored on the same held-out tasks (the test "
                    "tasks, another seed) after 0, 1 "
                    "and the chosen number of steps, with the median and the fraction of "
                    "diverged tasks. The table also gives the time per meta-step.")
    cmp_p.add_argument("--steps", type=_positive_int, default=None,
                       help=f"meta-steps per strategy (default {DEFAULTS['steps']}, "
                            f"{QUICK['steps']} with --quick)")
    held_out(cmp_p, None, f"default {DEFAULTS['tasks']}, {QUICK['tasks']} with --quick")
    cmp_p.add_argument("--strategies", nargs="+", action="extend", choices=list(STRATEGIES),
                       metavar="NAME",
                       help=f"some of {', '.join(STRATEGIES)} (default: all that are "
                            f"available); given twice, the names add up")
    cmp_p.add_argument("--family", choices=list(FAMILIES), default="sinusoid",
                       help="task family (default sinusoid)")
    cmp_p.add_argument("--adapt-steps", type=_count, default=10,
                       help="the most test-time steps tried on validation tasks (default 10)")
    cmp_p.add_argument("--val-tasks", type=_number(int, 2, "an integer >= 2"), default=None,
                       help=f"validation tasks on which each strategy's test-time lr and "
                            f"steps are chosen (default {DEFAULTS['val_tasks']}, "
                            f"{QUICK['val_tasks']} with --quick)")
    cmp_p.add_argument("--val-seed", type=_seed, default=VALIDATION_SEED,
                       help=f"seed of the validation tasks (default {VALIDATION_SEED})")
    cmp_p.add_argument("--seed", type=_seed, default=0, help="training seed (default 0)")
    cmp_p.add_argument("--eval-seed", type=_seed, default=HELD_OUT_SEED,
                       help=f"seed of the test tasks (default {HELD_OUT_SEED})")
    cmp_p.add_argument("--quick", action="store_true",
                       help=f"a small run: {QUICK['steps']} meta-steps, {QUICK['tasks']} test "
                            f"tasks, {QUICK['val_tasks']} validation tasks")
    cmp_p.set_defaults(run=compare_command)
    for sub in commands.choices.values():
        sub.epilog = REPEATS
    parser.command_names = tuple(commands.choices)     # for parse_args: '--train' is named
    return parser


def _given_as(message, argv):
    """" (given as --meta-lr 1.5)" when ``message`` names a hyperparameter by its field name
    (meta_lr) and the command line set it by an option the message does not name, so that
    the error points at what was typed; else "". A field the message says "must" of comes
    first; else every field of two words or more (n_support) met anywhere in it."""
    given = []
    message = message.split("; it takes [")[0]      # the fields a strategy takes: none was given
    for i, token in enumerate(argv):
        if token.startswith("--set") and i + 1 < len(argv) and "=" in argv[i + 1]:
            option, field = f"--set {argv[i + 1]}", argv[i + 1].split("=")[0]
        elif token.startswith("--") and len(token) > 2:
            option = token if "=" in token or i + 1 >= len(argv) else f"{token} {argv[i + 1]}"
            field = token[2:].split("=")[0].replace("-", "_")
        else:
            continue
        if option.split()[0].split("=")[0] not in message:
            given.append((option, field))
    for option, field in given:                     # the field the message says "must" of
        if re.search(r"\b{}\b must".format(re.escape(field)), message):
            return f" (given as {option})"
    named = [option for option, field in given       # else every one it names (a size list)
             if "_" in field and re.search(r"\b{}\b".format(re.escape(field)), message)]
    return f" (given as {', '.join(named)})" if named else ""


def main(argv=None):
    from scratchmeta.memory import keep_freed_memory, opt_out_value
    from scratchmeta.meta.guard import ExplodingMetaGradient

    argv = sys.argv[1:] if argv is None else argv
    typed = _dash_lookalike(argv)
    if typed:
        print(f"error: {typed}", file=sys.stderr)
        return 2
    args = build_parser().parse_args(argv)
    try:
        opt_out_value()         # a bad SCRATCHMETA_KEEP_FREED_MEMORY is this run's error
        check_thread_variables(os.environ)      # and so is a thread count that is none
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    keep_freed_memory()         # 2-3x faster meta-steps on glibc; see scratchmeta/memory.py
    try:
        return args.run(args)
    except (ExplodingMetaGradient, FloatingPointError) as e:    # the run failed: say why
        print(f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (ValueError, TypeError, OSError, ImportError) as e:  # bad input: say what and why
        print(f"error: {_one_line(e)}{_given_as(_one_line(e), argv)}", file=sys.stderr)
        return 2
    except MemoryError as e:
        print(f"error: out of memory ({_one_line(e) or 'no detail'}); choose smaller sizes",
              file=sys.stderr)
        return 1
    except Exception as e:          # a bug, not a bad input: still one line, and how to see more
        if os.environ.get("SCRATCHMETA_TRACEBACK"):
            raise
        print(f"error: unexpected {type(e).__name__}: {_one_line(e)} (a bug in scratchmeta; "
              f"set SCRATCHMETA_TRACEBACK=1 for the traceback)", file=sys.stderr)
        return 1


def _extra_values(args, extra):
    """What to say of arguments no option took: when the first one follows an option's value
    (``--steps 2 3``), that option was given two values; else argparse's own words."""
    i = max((k for k, a in enumerate(args) if a == extra[0]), default=None)   # (the last: a
    # value that also stands earlier, as --steps 2 ... 2, was taken there)
    if not isinstance(extra[0], str) or extra[0].startswith("-"):   # an unknown option
        i = None
    option = args[i - 2] if i is not None and i >= 2 else None
    if isinstance(option, str) and option.startswith("--") and "=" not in option:
        return (f"{option} takes one value, got {args[i - 1]!r} and then {args[i]!r}; give "
                f"one value (a second option needs its own --name)")
    if i is not None and i >= 1 and isinstance(args[i - 1], str) and \
            args[i - 1].startswith("--") and "=" in args[i - 1]:
        option = args[i - 1].split("=")[0]
        return (f"{option} takes one value, got {args[i - 1].split('=', 1)[1]!r} and then "
                f"{args[i]!r}; give one value")
    return f"unrecognized arguments: {' '.join(map(str, extra))}"


# Dashes that word processors and chat programs put in place of "--" or "-": an option typed
# with one is no option to argparse, which then says only what is missing.
DASH_LOOKALIKES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def _dash_lookalike(argv):
    """What is wrong with the first argument of ``argv`` that starts with a dash lookalike
    followed by a letter (an em dash for "--"), else ""."""
    for token in argv if isinstance(argv, (list, tuple)) else ():
        if isinstance(token, str) and token[:1] in DASH_LOOKALIKES and \
                token.lstrip(DASH_LOOKALIKES)[:1].isalpha():
            dashes = token[:len(token) - len(token.lstrip(DASH_LOOKALIKES))]
            option = token[len(dashes):].split("=")[0]
            return (f"{token!r} starts with {dashes!r} (U+{ord(dashes[0]):04X}), not with "
                    f"hyphens: type --{option}")
    return ""


def _one_line(error):
    return str(error).replace("\r", " ").replace("\n", " ").strip()
