"""One look for every figure of Chapter 4: sizes, fonts, colours, and saving.

Every figure module draws through this file, so that the lecture's figures
read as one set: the same page widths, the same font sizes, the same colour
for the same idea in every picture (MAML is always blue, a random
initialisation always grey, a node recorded during an inner backward pass
always vermillion, ...).

* Matplotlib runs on the Agg backend: figures are rendered to PNG files and
  never need a screen.
* :func:`subplots` makes a figure with ``layout="constrained"``, which moves
  titles, labels and legends apart so that no text overlaps.
* :func:`save` writes ``<out_dir>/<name>.png`` at :data:`DPI` and closes the
  figure. PNG metadata carry no version string or date, so the same run gives
  the same file.

Colours are the Okabe-Ito palette, which stays distinguishable for readers
with colour-vision deficiencies.
"""

import os

import matplotlib
import numpy as np

matplotlib.use("Agg")      # no screen: render straight to files

import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
from matplotlib.figure import Figure  # noqa: E402

from matplotlib.axes import Axes  # noqa: E402

from scratchmeta.datasets.checks import check_positive_numbers  # noqa: E402
from scratchmeta.meta.checks import check_count, check_instance  # noqa: E402
from scratchmeta.messages import names_itself, seen

DPI = 120
MAX_INCHES = 2 ** 16 / DPI       # the widest figure a PNG of Agg's can hold, in inches

#: Figure sizes in inches: one panel, two panels side by side, three panels.
SIZES = {
    "single": (6.4, 4.8),
    "wide": (12.0, 4.8),
    "wide3": (15.0, 4.8),
    "tall": (12.0, 9.0),
}

#: Colours for the ideas that recur across figures (Okabe-Ito palette).
COLORS = {
    # strategies and initialisations
    "maml": "#0072B2",          # blue
    "fomaml": "#56B4E9",        # sky blue
    "reptile": "#E69F00",       # orange
    "multitask": "#009E73",     # bluish green
    "closed_form": "#D55E00",   # vermillion
    "anil": "#CC79A7",          # reddish purple
    "random": "#7F7F7F",        # grey: a random initialisation, no meta-training
    "normalised": "#CC79A7",    # reddish purple: a normalised inner loop
    # data
    "truth": "#000000",
    "support": "#000000",
    "query": "#7F7F7F",
    "task": "#009E73",          # task optima in parameter space
    # the unrolled graph (Figure 22.5)
    "forward": "#0072B2",       # recorded by the forward pass
    "backward": "#D55E00",      # recorded during an inner backward pass: second order
    "input": "#000000",
}

#: A palette for several tasks drawn side by side (Figures 22.1 and 22.3).
TASK_COLORS = ["#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C564B", "#7F7F7F"]

RC = {
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 9,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "figure.titlesize": 13,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "lines.linewidth": 1.8,
    "legend.framealpha": 0.85,
}

matplotlib.rcParams.update(RC)


@names_itself
def subplots(nrows=1, ncols=1, *, size="single", **kwargs):
    """``plt.subplots`` with the shared look: a size name and constrained layout.

    ``size`` is a key of :data:`SIZES` or a (width, height) pair in inches.
    Extra keyword arguments go to ``plt.subplots`` (``sharex``, ``gridspec_kw``, ...).
    ``nrows`` and ``ncols`` are integers in 1..100 (a page holds no more panels).
    """
    check_count("nrows", nrows, 1, 100)
    check_count("ncols", ncols, 1, 100)
    if isinstance(size, str):
        if size not in SIZES:
            raise ValueError(f"size must be one of {sorted(SIZES)} or (width, height), "
                             f"got {seen(size)}")
        size = SIZES[size]
    size = check_positive_numbers("size", size, 2, f"one of {sorted(SIZES)} or a (width, "
                                                   f"height) pair in inches")
    if max(size) > MAX_INCHES:
        raise ValueError(f"size must be at most {MAX_INCHES:.0f} inches a side (2**16 pixels "
                         f"at {DPI} dpi, the most a PNG of matplotlib's can hold), got {seen(size)}")
    before = set(plt.get_fignums())
    try:                     # a keyword of plt.subplots' own, or of Figure (e.g. facecolor)
        return plt.subplots(nrows, ncols, figsize=size, layout="constrained", **kwargs)
    except (TypeError, AttributeError, ValueError) as err:
        for number in set(plt.get_fignums()) - before:      # the figure it left half made
            plt.close(number)
        given = ", ".join(f"{k}={seen(v, 40)}" for k, v in kwargs.items())
        raise TypeError(f"subplots: the keyword arguments {given} go to matplotlib's subplots, "
                        f"which refused them: {err}"
                        + ("; the size is size=, not figsize=" if "figsize" in kwargs else "")
                        ) from None


@names_itself
def save(fig, out_dir, name):
    """Write ``fig`` to ``<out_dir>/<name>.png`` (creating the folder), close it, return the path.

    ``name`` is the file name without the extension, e.g. ``"fig22_1_maml_update"``: letters,
    digits and ``._-+=,()`` or spaces, so that the file can be named in a shell, on Windows
    and in Markdown as it is (a backtick, a quote, ``*`` or ``:`` would be taken in).
    """
    from scratchmeta.figures import NAME_MAX, check_out_dir
    check_instance("fig", fig, Figure, "a matplotlib Figure, e.g. subplots()[0]")
    if not isinstance(name, str) or not name or "/" in name or "\0" in name \
            or name.endswith(".png") or len(os.fsencode(name + ".png")) > NAME_MAX:
        raise ValueError(f"name must be a bare file name without '.png', of at most "
                         f"{NAME_MAX - 4} bytes, got {seen(name, 80)}")
    odd = [c for c in name if not (c.isalnum() or c in "._-+=,() ")]
    if odd or name != name.strip() or name.startswith("-"):
        raise ValueError(f"name must be a plain file name (letters, digits, '._-+=,()' and "
                         f"inner spaces, not starting with '-'), got {seen(name, 80)}"
                         + (f", which holds {odd[0]!r}" if odd else "")
                         + (" (Markdown's code quotes copied with it?)" if "`" in name else ""))
    out_dir = check_out_dir(out_dir, "out_dir")       # a folder, or one that can be made
    if not fig.axes and not fig.texts and not fig.images:  # nothing at all: a blank page
        raise ValueError(f"fig {fig!r} has nothing drawn (no axes, no text, no image): "
                         f"saving it would write a blank {name}.png; draw first (a figure "
                         f"cleared with fig.clf() is empty too)")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.png"
    # No "Software" entry: the file does not change when matplotlib's version does.
    fig.savefig(path, dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return path


# --- the arguments of the figure modules' helpers, checked before any run or drawing ------

def check_settings(cfg, full, name="cfg"):
    """A figure module's settings: a dict holding every key of its ``FULL`` (its QUICK or
    FULL itself, or a copy with other values)."""
    if not isinstance(full, dict):                      # the names alone would pass any cfg
        raise TypeError(f"check_settings: full must be the module's FULL, a dict of its "
                        f"settings, got {type(full).__name__} {full!r:.60}")
    if not isinstance(cfg, dict):
        raise TypeError(f"{name} must be a dict of settings, the module's QUICK or FULL "
                        f"(keys {sorted(full)}), got {type(cfg).__name__} {cfg!r:.60}")
    missing = sorted(set(full) - set(cfg))
    if missing:
        raise ValueError(f"{name} must hold every setting of the module's FULL, "
                         f"{sorted(full)}; it lacks {missing}")
    return cfg


def check_seed(seed, name="seed"):
    """A seed of the figure's generators: an int >= 0 (``np.random.default_rng([seed, k])``)."""
    check_count(name, seed, 0)
    return seed


def check_axes(ax, name="ax"):
    """One panel to draw into: a matplotlib Axes (``subplots()[1]``)."""
    check_instance(name, ax, Axes, "a matplotlib Axes, e.g. style.subplots()[1]")
    return ax


def check_numbers(name, x, shape=None, what="an array of finite real numbers"):
    """``x`` as a float64 array of finite numbers (of ``shape``, None for any length on that
    axis, if given): the points a figure's helper is handed."""
    from scratchmeta.sampling.checks import finite_array, shown
    if not isinstance(name, str):                       # check_numbers(x, "name"), say
        order = f"; the order is (name, x), and x got {x!r:.40}" if isinstance(x, str) else ""
        values = (f" {np.array2string(name, threshold=6)}" if isinstance(name, np.ndarray)
                  else "")
        raise TypeError(f"check_numbers: name must be text (what the numbers are, for the "
                        f"message), got {shown(name)}{values}{order}")
    if shape is not None and not (isinstance(shape, tuple) and all(
            w is None or isinstance(w, int) and not isinstance(w, bool) for w in shape)):
        raise TypeError(f"check_numbers: shape must be a tuple of ints (None for any length), "
                        f"or None, got {type(shape).__name__} {shape!r:.40}")
    a = finite_array(name, x, what)
    if a.size == 0 and (shape is None or 0 not in shape):     # nothing to draw, unsaid
        raise ValueError(f"{name} must be {what}, got an empty array, [] (shape {a.shape}): "
                         f"nothing to draw")
    if shape is not None and (a.ndim != len(shape) or any(
            want is not None and got != want for got, want in zip(a.shape, shape))):
        want = "(" + ", ".join("n" if w is None else str(w) for w in shape) + \
            ("," if len(shape) == 1 else "") + ")"
        raise ValueError(f"{name} must be {what} of shape {want}, got {shown(a)}")
    return a


def check_record(name, value, keys):
    """A dict of results (what one of the module's helpers returned): every key of ``keys``."""
    if not (isinstance(keys, (list, tuple)) and all(isinstance(k, str) for k in keys)):
        raise TypeError(f"check_record: keys must be a list or tuple of key names (str), got "
                        f"{type(keys).__name__} {keys!r:.40}")
    if not isinstance(value, dict):
        raise TypeError(f"{name} must be a dict with keys {list(keys)}, got "
                        f"{type(value).__name__} {value!r:.60}")
    missing = [k for k in keys if k not in value]
    if missing:
        raise ValueError(f"{name} must be a dict with keys {list(keys)}; it lacks {missing}")
    return value
