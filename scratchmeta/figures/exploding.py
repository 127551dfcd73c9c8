"""Exploding meta-gradients: their norm over K and inner_lr, and where training diverges.

Lecture 22, section 1.3.6 (the unrolled inner loop of eq. 22.4, Figure 22.5)
and section 1.3.7 (vanishing meta-gradients are harmless here, exploding
ones are the danger: keep K and inner_lr small); Finn, Abbeel and Levine (2017) for the sinusoid
tasks and the network ``MLP((1, 40, 40, 1))``.

Two measurements from :mod:`scratchmeta.meta.exploding`, on one grid of K
(inner steps) and inner_lr (eta_inner, log-spaced):

* :func:`~scratchmeta.meta.exploding.meta_gradient_norms`: the norm of
  second-order MAML's meta-gradient ||dL_test/dtheta0|| at one theta0 and one
  batch of 25 tasks, inf where float64 overflowed;
* :func:`~scratchmeta.meta.exploding.divergence_map`: a short MAML
  meta-training (Adam 1e-3) in every cell; a cell *diverged* when the guard of
  ``scratchmeta.meta.guard`` stopped it (a meta-gradient of norm above
  ``GUARD_NORM`` or not finite, or a non-finite meta-loss).

The theta0 and the batch of the norm grid are exactly those of meta-step 0 of
every divergence_map run: both are drawn, in that order, from
``np.random.default_rng(seed)``, as divergence_map draws them. So a cell
diverges at meta-step 0 exactly when its norm in the left panel is above the
guard's threshold; cells that diverge later started below it.
"""

import numpy as np
from matplotlib.colors import Normalize
from matplotlib.patches import Patch, Rectangle

from scratchmeta.figures import style
from scratchmeta.meta.checks import check_family, check_model
from scratchmeta.meta.exploding import divergence_map, meta_gradient_norms
from scratchmeta.nn import MLP
from scratchmeta.sampling.checks import check_real
from scratchmeta.tasks import Sinusoid
from scratchmeta.messages import seen

FULL = dict(Ks=tuple(range(1, 9)), inner_lrs=tuple(np.logspace(-3, 0, 13)), n_steps=50)
QUICK = dict(Ks=tuple(range(1, 7)), inner_lrs=tuple(np.logspace(-3, 0, 7)), n_steps=10)

SIZES = (1, 40, 40, 1)
META_BATCH, N_SUPPORT, N_QUERY = 25, 10, 10     # divergence_map's defaults (Finn et al.)
GUARD_NORM = 1e6            # check_update's default max_norm
INF_COLOR = "#D55E00"       # vermillion: cells whose norm overflowed to inf
#: Columns drawn as lines: small inner_lr in the middle panel (norms of order 1, on
#: their own axis so no line hides another), large ones in the right panel
#: (norms over a hundred decades).
SMALL_LRS = (1e-3, 1e-2, 0.032, 0.056)
LARGE_LRS = (0.1, 0.178, 0.316, 0.562, 1.0)
LINE_COLORS = ["#009E73", "#56B4E9", "#E69F00", "#0072B2", "#CC79A7"]   # none is INF_COLOR
MARKERS = ["o", "s", "^", "D", "v"]


def norm_label(norm):
    """The norm as a cell prints it: two significant digits, powers of ten past 100."""
    if not check_real("norm", norm) >= 0.0:             # a float; NaN is refused there
        raise ValueError(f"norm must be a norm: a number >= 0 (or inf), got {seen(norm)}")
    if not np.isfinite(norm):
        return "inf"
    if norm < 100:
        return f"{norm:.2g}"
    mantissa, exponent = f"{norm:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def first_meta_step(model, family, seed):
    """theta0 and the task batch of meta-step 0 of every divergence_map(seed=seed) run."""
    check_model(model), check_family(family), style.check_seed(seed)
    rng = np.random.default_rng(seed)
    params = model.init(rng)                                   # MAML.init_state(rng)
    batch = family.sample(rng, META_BATCH, N_SUPPORT, N_QUERY)   # MAML.sample_batch(rng, .)
    return params, batch


def _edges(centres, log=False):
    """Cell edges around grid centres (geometric midpoints on a log axis)."""
    c = np.log10(centres) if log else np.asarray(centres, float)
    mid = (c[:-1] + c[1:]) / 2
    edges = np.concatenate([[c[0] - (mid[0] - c[0])], mid, [c[-1] + (c[-1] - mid[-1])]])
    return 10 ** edges if log else edges


def _heat_map(ax, fig, Ks, lrs, norms, diverged, n_steps):
    log_norms = np.ma.masked_invalid(np.log10(norms))           # inf -> masked
    cmap = style.plt.get_cmap("viridis").with_extremes(bad=INF_COLOR)   # inf: its own colour
    x_edges, y_edges = _edges(lrs, log=True), _edges(Ks)
    mesh = ax.pcolormesh(x_edges, y_edges, log_norms, cmap=cmap,
                         norm=Normalize(vmin=min(0.0, log_norms.min()), vmax=log_norms.max()))
    fig.colorbar(mesh, ax=ax, label=r"$\log_{10}\,\|\partial L_{test}/\partial\theta_0\|$")
    for i, k in enumerate(Ks):
        for j in range(len(lrs)):
            value = log_norms[i, j]
            text = norm_label(norms[i, j])
            # white on the dark end of viridis (and on the inf colour), black on the light end
            ink = "white" if np.ma.is_masked(value) or value < 0.6 * log_norms.max() else "black"
            ax.text(np.sqrt(x_edges[j] * x_edges[j + 1]), k, text, ha="center", va="center",
                    fontsize=7, color=ink)
            if diverged[i, j]:
                ax.add_patch(Rectangle((x_edges[j], y_edges[i]), x_edges[j + 1] - x_edges[j],
                                       y_edges[i + 1] - y_edges[i], fill=False, hatch="///",
                                       edgecolor=ink, linewidth=0))
    # The boundary of the diverged region: an edge between a diverged cell and a
    # non-diverged one (or the grid's border).
    padded = np.pad(diverged, 1)
    for i in range(len(Ks)):
        for j in range(len(lrs)):
            if not diverged[i, j]:
                continue
            if not padded[i + 1, j]:        # the cell to the left
                ax.plot([x_edges[j]] * 2, y_edges[i:i + 2], color="black", lw=2)
            if not padded[i + 1, j + 2]:    # the cell to the right
                ax.plot([x_edges[j + 1]] * 2, y_edges[i:i + 2], color="black", lw=2)
            if not padded[i, j + 1]:        # the cell below
                ax.plot(x_edges[j:j + 2], [y_edges[i]] * 2, color="black", lw=2)
            if not padded[i + 2, j + 1]:    # the cell above
                ax.plot(x_edges[j:j + 2], [y_edges[i + 1]] * 2, color="black", lw=2)
    ax.set(xscale="log", xlim=(x_edges[0], x_edges[-1]), ylim=(y_edges[0], y_edges[-1]),
           xlabel=r"inner learning rate $\eta_{inner}$ (log scale)",
           ylabel="inner steps K", yticks=list(Ks),
           title="Meta-gradient norm at one $\\theta_0$ (numbers: the norm)")
    ax.grid(False)
    ax.legend(handles=[Patch(facecolor=INF_COLOR, label="norm overflowed float64 (inf)"),
                       Patch(facecolor="#777777", edgecolor="black", hatch="///", lw=2,
                             label=f"MAML training diverged within {n_steps} meta-steps")],
              loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=9)


def _lines(ax, Ks, lrs, norms, shown, title):
    """Norm against K for the columns nearest to ``shown``; overflow as triangles on top."""
    drawn = []
    for n, lr in enumerate(shown):
        j = int(np.argmin(np.abs(np.log(lrs) - np.log(lr))))
        if j in drawn:
            continue
        drawn.append(j)
        color, column = LINE_COLORS[n], norms[:, j]
        finite = np.isfinite(column)
        shift = 0.08 * (n - (len(shown) - 1) / 2)       # side by side, so no marker hides
        ax.plot(np.asarray(Ks)[finite] + shift, column[finite], "-", marker=MARKERS[n],
                color=color, ms=5, label=rf"$\eta_{{inner}}$ = {lrs[j]:.3g}")
        if (~finite).any():     # overflowed: a triangle on the top edge of the panel
            ax.plot(np.asarray(Ks)[~finite] + shift, np.ones((~finite).sum()), "^",
                    color=color, ms=8, clip_on=False, transform=ax.get_xaxis_transform())
    ax.set(yscale="log", xlabel="inner steps K", xticks=list(Ks),
           xlim=(Ks[0] - 0.5, Ks[-1] + 0.5),
           ylabel=r"$\|\partial L_{test}/\partial\theta_0\|$ (log scale)", title=title)
    return drawn


def make(out_dir, *, quick=False, seed=0):
    """Draw exploding_meta_gradient.png; return the norm grid and the divergence map."""
    cfg = QUICK if quick else FULL
    model, family = MLP(SIZES), Sinusoid()
    Ks, lrs = list(cfg["Ks"]), np.array(cfg["inner_lrs"])
    params, batch = first_meta_step(model, family, seed)
    norms = meta_gradient_norms(params, batch, model, Ks, lrs)
    runs = divergence_map(model, family, Ks, lrs, seed=seed, n_steps=cfg["n_steps"],
                          meta_batch=META_BATCH, n_support=N_SUPPORT, n_query=N_QUERY)

    fig, (ax_map, ax_small, ax_large) = style.subplots(
        1, 3, size=(18.0, 6.0), gridspec_kw={"width_ratios": [1.5, 1, 1]})
    _heat_map(ax_map, fig, Ks, lrs, norms, runs.diverged, cfg["n_steps"])
    small = _lines(ax_small, Ks, lrs, norms, SMALL_LRS,
                   r"Small inner learning rates ($\eta_{inner} \leq$ 0.056)")
    ax_small.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=9)
    large = _lines(ax_large, Ks, lrs, norms, LARGE_LRS,
                   r"Large inner learning rates ($\eta_{inner} \geq$ 0.1)")
    ax_large.axhline(GUARD_NORM, color="black", ls="--", lw=1.2,
                     label=f"guard threshold {GUARD_NORM:.0e} (check_update)")
    ax_large.plot([], [], "^", color="#777777", ms=9, label="overflowed to inf (top edge)")
    top = np.log10(np.max(norms[np.isfinite(norms)]))
    step = 10 if top < 60 else 20 if top < 120 else 50
    ax_large.set_yticks(10.0 ** np.arange(0, top + step, step))   # whole decades, evenly
    ax_large.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=9)
    fig.suptitle("Exploding meta-gradients of second-order MAML through K inner steps "
                 "(eq. 22.4; sinusoids, MLP(1, 40, 40, 1), 25 tasks)")
    files = [style.save(fig, out_dir, "exploding_meta_gradient")]
    return {"files": files, "Ks": np.array(Ks), "inner_lrs": lrs, "norms": norms,
            "diverged": runs.diverged, "diverged_step": runs.step,
            "final_loss": runs.final_loss, "n_steps": cfg["n_steps"],
            "guard_norm": GUARD_NORM, "small_columns": small, "large_columns": large,
            "cell_labels": [[norm_label(v) for v in row] for row in norms]}
