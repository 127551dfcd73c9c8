"""Chapter 4: every figure of Lecture 22 and its demos, regenerated from real runs.

The lecture's figures are sketches. Here each one is redrawn from numbers that
the engine, the networks, the task families and the strategies of Chapters 1-3
actually compute, so a reader can check every arrow against the code.

Run them all (about eight minutes of CPU time on a 2-core machine), or a
quick version (about one minute of CPU time)::

    python -m scratchmeta.figures                  # full runs, PNGs into figures/
    python -m scratchmeta.figures --quick          # short runs, PNGs into figures-quick/
    python -m scratchmeta.figures --only fig22_1 fig22_5 --out /tmp/figs

Only the full run writes into ``figures/``, the folder the README shows: the
quick pictures come from runs too short to show what the captions say, so
``--quick`` writes into ``figures-quick/`` (ignored by git) unless ``--out``
names a folder explicitly. The last line printed says where the files went.

Conventions for a figure module
-------------------------------
Anyone adding a figure follows these rules, so that :func:`run_all`, the tests
and the README can treat every figure alike.

1. **Registry.** The module ``scratchmeta/figures/<module>.py`` is listed in
   :data:`FIGURES` as ``(stem, module)``, in the order of the lecture. The
   stem names its files: every PNG it writes is called ``<stem>_<what>.png``
   (``fig22_1_maml_update.png``). A listed module that does not exist yet is
   skipped with a note, so the registry can name figures before they are written.

2. **One entry point.** The module defines
   ``make(out_dir, *, quick=False, seed=0) -> dict``. It runs the experiment,
   draws the figure, saves it with :func:`scratchmeta.figures.style.save`, and
   returns the numbers behind the picture (arrays, floats, dicts of them) plus
   ``"files"``, the list of paths it wrote. Tests assert on those numbers, never
   on pixels; the returned dict must be enough to check what the caption claims.

3. **Quick and full.** Settings live at the top of the module as two dicts,
   ``FULL`` and ``QUICK`` (steps, tasks, grid sizes, ...), and ``make`` picks one.
   ``quick=True`` must finish in a few seconds and still show the effect the
   caption describes (the tests run it); the full run is what is committed.
   Budget: all figures together take under a minute quick, under ten minutes full.

4. **Deterministic.** All randomness comes from ``numpy.random.Generator``
   objects seeded from ``seed``: one generator per purpose, e.g.
   ``np.random.default_rng([seed, 1])`` for the meta-training tasks and
   ``np.random.default_rng([seed, 2])`` for the held-out tasks, so that changing
   one part of an experiment does not reshuffle the others. The same command
   gives the same pictures, byte for byte.

5. **One look.** Draw with :func:`style.subplots` (constrained layout, so no
   text overlaps) and the colours of :data:`style.COLORS` (the same colour for
   the same strategy in every figure). Every panel has a title, labelled axes
   with units where they apply, and a legend.

6. **Captions.** Each figure has a caption naming the lecture section it
   illustrates, what to notice, and the command that made it
   (``figures/README.md``). A caption states only what the returned numbers
   support, and a test checks it.
"""

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

from scratchmeta.autodiff.checks import call_fun, check_callable, check_flag
from scratchmeta.datasets.checks import check_words, text_path
from scratchmeta.meta.checks import check_instance
from scratchmeta.memory import keep_freed_memory, opt_out_value
from scratchmeta.messages import seen

#: Where the PNG files go when no folder is given: the committed figures come from
#: the full run only, so a quick run never overwrites them by default.
DEFAULT_OUT = {"full": "figures", "quick": "figures-quick"}

#: The longest folder name and path most file systems take (Linux's NAME_MAX, PATH_MAX).
NAME_MAX, PATH_MAX = 255, 4096

#: The figures in lecture order: (stem of the PNG files, module in this package).
FIGURES = [
    ("fig22_1", "fig22_1"),              # the MAML update in a 2-parameter plane
    ("fig22_2", "fig22_2"),              # normal SGD with task heads (multitask)
    ("fig22_3", "fig22_3"),              # tasks fine-tuned in parallel, their pulls
    ("fig22_4", "fig22_4"),              # the inner loop, eq. 22.4
    ("fig22_5", "fig22_5"),              # the unrolled computation graph
    ("fig22_6", "fig22_6"),              # Reptile, eq. 22.5
    ("fig22_7", "fig22_7"),              # the closed-form head, eq. 22.6
    ("compare", "compare"),              # MAML against the alternatives
    ("exploding", "exploding"),          # meta-gradients explode with K and inner_lr
    ("normalization", "normalization"),  # why no normalisation in the unrolled loop
    ("sampling_discrete", "sampling_discrete"),                # eq. 22.7, section 2.1.1
    ("sampling_continuous", "sampling_continuous"),            # section 2.1.2
    ("sampling_metropolis_walk", "sampling_metropolis_walk"),  # section 2.2, the walk
    ("sampling_step_size", "sampling_step_size"),              # section 2.2, step size
    ("omniglot", "omniglot"),            # Chapter 5: every strategy on Omniglot
]


def _load(module):
    """The figure module, or None if it has not been written yet."""
    name = f"{__name__}.{module}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name == name:           # the module itself is missing: skip it
            return None
        raise                          # a module it imports is missing: a real error


def check_out_dir(out_dir, name="out_dir"):
    """The folder the PNGs go to, checked before any figure is made.

    It must be a non-empty path; if it exists it must be a folder, and the
    nearest part of it that exists must be a folder we can write into (the
    rest is created). Returns it as a Path.
    """
    if not isinstance(name, str):
        raise TypeError(f"check_out_dir: name must be the argument's name as a string, e.g. "
                        f"'out_dir' or '--out', got {type(name).__name__} {name!r:.40}")
    text = text_path(name, out_dir, "folder path")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{name} is empty ({text!r}); expected a folder for the PNG files, "
                         f"e.g. {name} /tmp/figs (or leave it out for {DEFAULT_OUT['full']}/)")
    if "\0" in text:
        raise ValueError(f"{name} {text!r} holds a NUL byte, which no file name can; expected "
                         f"a folder for the PNG files, e.g. {name} /tmp/figs")
    try:                     # "~nobody/figs": a home folder that cannot be found
        path = Path(text).expanduser()
    except RuntimeError as e:
        raise ValueError(f"{name} {text!r:.80}: {e}; expected a folder for the PNG files, "
                         f"e.g. {name} /tmp/figs") from None
    _check_name_lengths(name, text, path)
    try:                     # a part of the path that cannot be looked up at all
        existing = path
        while not existing.exists() and existing != existing.parent:
            if os.path.lexists(existing):    # a symlink to itself, in a loop, or to nothing
                where = "is" if existing == path else f"lies under {str(existing)!r}, which is"
                raise ValueError(f"{name} {text!r} {where} a symbolic link that leads to no folder "
                                 f"(to itself, in a loop, or to a missing target); expected a "
                                 f"folder for the PNG files")
            existing = existing.parent
        if not existing.is_dir():
            what = "is" if existing == path else "lies under"
            kind = "a file" if existing.is_file() else "a pipe, socket or device"
            raise ValueError(f"{name} {text!r} {what} {str(existing)!r}, which is {kind}, not a "
                             f"folder; expected a folder for the PNG files")
    except OSError as e:
        raise ValueError(f"{name} {text!r:.80} cannot be looked up ({e.strerror}); expected a "
                         f"folder for the PNG files, e.g. {name} /tmp/figs") from None
    import tempfile
    try:                     # tried, not guessed: os.access says yes to root on /proc
        os.rmdir(tempfile.mkdtemp(dir=existing, prefix=".scratchmeta-probe-"))
    except OSError as e:
        raise ValueError(f"{name} {text!r}: the folder {str(existing)!r} is not writable "
                         f"({e.strerror}); choose a folder you can write into") from None
    return path


def _check_name_lengths(name, text, path):
    """No part of ``path`` longer than a folder name can be (255 bytes on most file systems),
    and the whole no longer than a path can be, so that a name too long is refused naming
    the option before any figure is made, not by the file system after the first one."""
    longest = max(path.parts, key=lambda part: len(os.fsencode(part)), default="")
    if len(os.fsencode(longest)) > NAME_MAX or len(os.fsencode(str(path))) > PATH_MAX:
        what = (f"a part {len(os.fsencode(longest))} bytes long (at most {NAME_MAX})"
                if len(os.fsencode(longest)) > NAME_MAX else
                f"{len(os.fsencode(str(path)))} bytes in all (at most {PATH_MAX})")
        raise ValueError(f"{name} {text!r:.60} is too long for a folder name: it has {what}; "
                         f"expected a folder for the PNG files, e.g. {name} /tmp/figs")


def check_only(only, name="only"):
    """``only`` is None (every figure) or a list or tuple of known stems, each given once.

    ``name`` is the argument's name in messages: ``"--only"`` for the command line."""
    stems = [stem for stem, _ in FIGURES]
    if not isinstance(name, str) or not name:
        raise TypeError(f"check_only: name must be the argument's name as a string, e.g. "
                        f"'only' or '--only', got {type(name).__name__} {name!r:.40}")
    if only is None:
        return
    if isinstance(only, str):
        raise TypeError(f"{name} must be a list of stems, e.g. ['{only}'], got the "
                        f"string {only!r}")
    if not isinstance(only, (list, tuple)):
        raise TypeError(f"{name} must be a list of stems, e.g. ['fig22_1'], got "
                        f"{type(only).__name__} {only!r:.60}")
    cli = name.startswith("-")
    if not only:
        raise ValueError(f"{name} must name at least one stem (or "
                         + ("be left out for every figure" if cli else
                            "be None for every figure; --only on the command line")
                         + f"), got {seen(only)}; expected some of {stems}")
    unknown = [s for s in only if s not in stems]
    if unknown:
        blank = any(isinstance(s, str) and not s.strip() for s in unknown)
        raise ValueError(f"{name} holds unknown figure stems {unknown}"
                         + (" (an empty or blank stem names no figure)" if blank else "")
                         + f"; expected some of {stems}")
    twice = sorted({s for s in only if list(only).count(s) > 1})
    if twice:
        raise ValueError(f"{name} gives the figure stems {twice} twice; give each once")


def default_out(quick):
    """The folder a run writes into when none is given (:data:`DEFAULT_OUT`)."""
    check_flag(quick, "default_out", "quick")
    return DEFAULT_OUT["quick" if quick else "full"]


def run_all(out_dir=None, quick=False, only=None, progress=print):
    """Make the figures of :data:`FIGURES` (or the stems in ``only``) into ``out_dir``.

    ``out_dir=None`` means ``figures/`` for the full run and ``figures-quick/``
    for a quick one (:func:`default_out`), so that a quick run never replaces
    the committed pictures unless it is told to.

    Returns ``{stem: numbers}``, each the dict that the module's ``make``
    returned, with ``"seconds"`` added (the wall-clock time it took). Figures
    whose module does not exist yet are skipped with a note. ``progress`` is
    called with one line of text per event (``print`` by default; pass
    ``lambda line: None`` for silence).
    """
    check_only(only)
    check_flag(quick, "run_all", "quick")
    check_callable(progress, "run_all", "progress (e.g. print)")
    todo = [(stem, module) for stem, module in FIGURES if only is None or stem in only]
    mode = "quick" if quick else "full"
    if out_dir is None:
        out_dir = default_out(quick)
    check_out_dir(out_dir)
    results = {}
    start = time.perf_counter()
    for i, (stem, module) in enumerate(todo, 1):
        t0 = time.perf_counter()
        mod = _load(module)
        line = (f"[{i}/{len(todo)}] {stem}: " + (f"skipped, scratchmeta/figures/{module}.py does "
                f"not exist yet" if mod is None else f"making ({mode}) ..."))
        if i == 1:          # the first call, before any figure: a progress taking no line is named
            call_fun(progress, (line,), "run_all", "progress")
        else:
            progress(line)
        if mod is None:
            continue
        numbers = mod.make(out_dir, quick=quick, seed=0)
        seconds = time.perf_counter() - t0
        numbers["seconds"] = seconds
        results[stem] = numbers
        if numbers.get("skipped"):
            progress(f"[{i}/{len(todo)}] {stem}: skipped: {numbers['skipped']}")
        files = ", ".join(Path(f).name for f in numbers.get("files", []))
        progress(f"[{i}/{len(todo)}] {stem}: done in {seconds:.1f} s -> {files}")
    progress(f"made {len(results)} of {len(todo)} figures in "
             f"{time.perf_counter() - start:.1f} s ({mode} mode) into "
             f"{Path(out_dir).resolve()}")
    return results


def add_arguments(parser):
    """The options of the figures command (shared by ``python -m scratchmeta figures``).

    ``--only`` takes stems; a stem written with a leading dash (``--only -fig22_1``), which
    argparse would take for an unknown option, is refused naming it (hidden options).
    """
    check_instance("parser", parser, argparse.ArgumentParser, "an argparse.ArgumentParser")
    parser.add_argument("--out", default=None,
                        help=f"folder for the PNG files (default: {DEFAULT_OUT['full']} for "
                             f"the full run, {DEFAULT_OUT['quick']} with --quick, so that a "
                             f"quick run never replaces the committed figures)")
    parser.add_argument("--quick", action="store_true",
                        help="short runs: every figure in seconds, for checking")
    parser.add_argument("--only", nargs="*", action="extend", metavar="STEM",  # see check_only
                        help=f"make only these figures, out of: "
                             f"{' '.join(s for s, _ in FIGURES)} (given twice, the stems "
                             f"add up)")
    parser.add_argument(*(f"-{stem}" for stem, _ in FIGURES), nargs=0, action=_DashedStem,
                        help=argparse.SUPPRESS)


class _DashedStem(argparse.Action):
    """``-fig22_1``: a stem with a leading dash, refused naming ``--only`` and the value."""

    def __call__(self, parser, namespace, values, option_string=None):
        parser.error(f"argument --only: {option_string!r} is not an option or a figure stem: "
                     f"give stems without a dash, e.g. --only {option_string[1:]}")


def main(argv=None):
    """The command ``python -m scratchmeta.figures [--quick] [--only STEM ...] [--out DIR]``."""
    parser = argparse.ArgumentParser(
        prog="python -m scratchmeta.figures",
        description="Regenerate the figures of Lecture 22 from real runs.")
    add_arguments(parser)
    if argv is not None:                       # None: the process's own command line
        check_words("argv", argv, "['--quick', '--only', 'fig22_1']")
    args = parser.parse_args(argv)
    try:
        opt_out_value()         # a bad SCRATCHMETA_KEEP_FREED_MEMORY is this run's error
        check_only(args.only, "--only")   # every option checked before any figure is made
        if args.out is not None:
            check_out_dir(args.out, "--out")
    except (ValueError, TypeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    keep_freed_memory()         # see scratchmeta/memory.py
    run_all(args.out, quick=args.quick, only=args.only)
    return 0
