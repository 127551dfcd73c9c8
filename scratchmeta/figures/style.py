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

from pathlib import Path

import matplotlib

matplotlib.use("Agg")      # no screen: render straight to files

import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
from matplotlib.figure import Figure  # noqa: E402

from scratchmeta.datasets.checks import check_folder_path, check_positive_numbers  # noqa: E402
from scratchmeta.meta.checks import check_count, check_instance  # noqa: E402

DPI = 120

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
                             f"got {size!r}")
        size = SIZES[size]
    size = check_positive_numbers("size", size, 2, f"one of {sorted(SIZES)} or a (width, "
                                                   f"height) pair in inches")
    return plt.subplots(nrows, ncols, figsize=size, layout="constrained", **kwargs)


def save(fig, out_dir, name):
    """Write ``fig`` to ``<out_dir>/<name>.png`` (creating the folder), close it, return the path.

    ``name`` is the file name without the extension, e.g. ``"fig22_1_maml_update"``.
    """
    check_instance("fig", fig, Figure, "a matplotlib Figure, e.g. subplots()[0]")
    check_folder_path("out_dir", out_dir)
    if not isinstance(name, str) or not name or "/" in name or name.endswith(".png"):
        raise ValueError(f"name must be a bare file name without '.png', got {name!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.png"
    # No "Software" entry: the file does not change when matplotlib's version does.
    fig.savefig(path, dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return path
