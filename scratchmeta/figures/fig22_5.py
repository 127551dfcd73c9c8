"""Figure 22.5: the unrolled computation graph of MAML, as the engine records it.

Lecture 22, section 1.3.6 (eq. 22.4, Figure 22.5) and section 1.3.7; Finn,
Abbeel and Levine (2017), section 2.2 on the second-order terms.

We trace :func:`scratchmeta.meta.maml.meta_loss` for a tiny network
``MLP((1, 4, 1))`` on two sinusoid tasks with :func:`scratchmeta.autodiff.trace`
and draw the tape it returns: every node is one primitive op, and an edge runs
from each of its parents to it. Each inner step of eq. 22.4 contains a
gradient, and the engine records that inner backward pass on the same tape
(``node.in_backward`` is True for those nodes). Those are the second-order
paths: the meta-gradient dL_test/dtheta0 runs back through them, which is
why it contains second derivatives, and why it can explode as K grows
(section 1.3.7).

Layout: a node's column is its *depth*, the length of the longest path to it
from the inputs theta0 (computed from ``node.parents``); nodes of one column
are spread vertically, ordered by the mean height of their parents so that
edges cross less. Inputs are squares, the meta-loss a star.

The K = 1 panel names every op (``node.op``; inner-backward ones end in
``*``). The bar panel counts nodes for K = 0..3, and for first-order MAML
(FOMAML, ``first_order=True``), which treats the inner gradients as
constants: its tape holds no inner-backward nodes at all. FOMAML's tape is
MAML's K = 0 tape plus one ``add`` per parameter array: ``maml.inner_sgd``
runs FOMAML's K steps on untraced values and adds the displacement
theta_K - theta0 to the traced theta0 as a constant, so that the query
gradient flows to theta0 unchanged. With 4 parameter arrays that is 15 + 4
= 19 ops, whatever K is, even at K = 0, where the displacement is zero.
"""

import numpy as np
from matplotlib.collections import LineCollection

from scratchmeta import autodiff as ad
from scratchmeta.figures import style
from scratchmeta.meta.checks import check_count, check_flag
from scratchmeta.meta import maml
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid

FULL = dict(drawn_k=(1, 2, 3), counted_k=(0, 1, 2, 3))
QUICK = dict(drawn_k=(1, 2, 3), counted_k=(0, 1, 2, 3))   # tracing is instant either way

SIZES = (1, 4, 1)
INNER_LR = 0.01
N_TASKS, N_SUPPORT, N_QUERY = 2, 5, 5


def unrolled_tape(params, batch, model, k, first_order=False):
    """Trace the meta-loss with K = ``k`` inner steps: (output node, tape, input nodes)."""
    check_count("k", k, 0), check_flag("first_order", first_order)
    def loss(*theta0):
        return maml.meta_loss(list(theta0), batch, model, inner_lr=INNER_LR, inner_steps=k,
                              first_order=first_order)

    out, tape = ad.trace(loss, *params)
    on_tape = {id(n) for n in tape}
    inputs, seen = [], set()
    for node in tape:
        for parent in node.parents:
            if id(parent) not in on_tape and id(parent) not in seen:   # theta0's leaves
                seen.add(id(parent))
                inputs.append(parent)
    return out, tape, inputs


def layout(tape, inputs):
    """Positions of every node: x = depth (longest path from the inputs), y = rank in its column.

    Returns (nodes, x, y, edges), with nodes = inputs + tape and edges as
    index pairs (parent, child).
    """
    for name, nodes in (("tape", tape), ("inputs", inputs)):
        if not isinstance(nodes, (list, tuple)) or not all(hasattr(n, "parents") for n in nodes):
            raise TypeError(f"{name} must be a list of graph nodes, as unrolled_tape returns "
                            f"them, got {type(nodes).__name__} {nodes!r:.60}")
    if not tape:
        raise ValueError("tape must hold at least one node (the traced meta-loss), got []")
    nodes = list(inputs) + list(tape)
    index = {id(n): i for i, n in enumerate(nodes)}
    depth = np.zeros(len(nodes), dtype=int)
    edges = []
    for i, node in enumerate(nodes):              # tape order is a topological order
        for parent in node.parents:
            j = index[id(parent)]
            edges.append((j, i))
            depth[i] = max(depth[i], depth[j] + 1)
    # Order each column by the mean height of its nodes' parents (barycentre heuristic).
    y = np.zeros(len(nodes))
    parents_of = [[index[id(p)] for p in n.parents] for n in nodes]
    for d in range(depth.max() + 1):
        column = np.flatnonzero(depth == d)
        key = [np.mean(y[parents_of[i]]) if parents_of[i] else i for i in column]
        order = column[np.argsort(key, kind="stable")]
        y[order] = np.arange(len(order)) - (len(order) - 1) / 2
    return nodes, depth.astype(float), y, edges


def draw_graph(ax, tape, inputs, k, names=False):
    """One panel: the layered graph of the K-step tape, coloured by forward / inner backward.

    ``names=True`` writes each op's name beside its dot (inner-backward ones end in ``*``).
    """
    style.check_axes(ax), check_count("k", k, 0), check_flag("names", names)
    nodes, x, y, edges = layout(tape, inputs)
    backward = np.array([n.in_backward for n in nodes])
    is_input = np.array([n.op == "input" for n in nodes])
    segments = [((x[a], y[a]), (x[b], y[b])) for a, b in edges]
    second = np.array([backward[a] or backward[b] for a, b in edges])
    ax.add_collection(LineCollection([s for s, m in zip(segments, second) if not m],
                                     colors="#B0B0B0", linewidths=0.7, zorder=1))
    ax.add_collection(LineCollection([s for s, m in zip(segments, second) if m],
                                     colors=style.COLORS["backward"], linewidths=0.9,
                                     alpha=0.6, zorder=2))
    fwd = ~backward & ~is_input
    ax.scatter(x[fwd], y[fwd], s=22, color=style.COLORS["forward"], zorder=3,
               label="forward op")
    ax.scatter(x[backward], y[backward], s=22, color=style.COLORS["backward"], zorder=3,
               label="op recorded during an inner backward pass")
    ax.scatter(x[is_input], y[is_input], s=45, marker="s", color=style.COLORS["input"],
               zorder=4, label=r"input: a parameter array of $\theta_0$")
    ax.scatter(x[-1], y[-1], s=160, marker="*", color="#E69F00", edgecolor="black",
               zorder=5, label="meta-loss (query loss after K steps)")
    ax.plot([], [], color=style.COLORS["backward"], lw=1.2,
            label="edge touching an inner-backward op (second-order path)")
    if names:
        for node, xi, yi, is_in in zip(nodes, x, y, is_input):
            label = "θ0" if is_in else node.op + ("*" if node.in_backward else "")
            ax.annotate(label, (xi, yi), xytext=(2, 4), textcoords="offset points",
                        fontsize=7.5, rotation=35, ha="left", va="bottom", zorder=6,
                        color=style.COLORS["backward"] if node.in_backward else "#333333")
    ax.set(xlim=(-1, x.max() + 1), ylim=(y.min() - 1, y.max() + (1.8 if names else 1)),
           title=f"K = {k}: {len(tape)} recorded ops, {backward.sum()} of them in inner "
                 f"backward passes", ylabel="ops of equal depth")
    ax.set_yticks([])
    return int(x.max())


def make(out_dir, *, quick=False, seed=0):
    """Draw fig22_5_unrolled_graph.png; return node counts per K."""
    cfg = QUICK if quick else FULL
    model, family = MLP(SIZES), Sinusoid()
    params = model.init(np.random.default_rng([seed, 0]))
    batch = family.sample(np.random.default_rng([seed, 1]), N_TASKS, N_SUPPORT, N_QUERY)

    counts, backward, forward, fomaml, depths = {}, {}, {}, {}, {}
    for k in cfg["counted_k"]:
        _, tape, _ = unrolled_tape(params, batch, model, k)
        counts[k] = len(tape)
        backward[k] = sum(n.in_backward for n in tape)
        forward[k] = counts[k] - backward[k]
        _, fo_tape, _ = unrolled_tape(params, batch, model, k, first_order=True)
        fomaml[k] = len(fo_tape)
        if sum(n.in_backward for n in fo_tape):
            raise RuntimeError("FOMAML's tape should hold no inner-backward ops")
        if k == 0:
            maml_ops = [n.op for n in tape]
        fomaml_ops = [n.op for n in fo_tape]

    drawn = cfg["drawn_k"]
    fig = style.plt.figure(figsize=(15.0, 11.5), layout="constrained")
    grid = fig.add_gridspec(len(drawn), 2, width_ratios=[3.2, 1],
                            height_ratios=[1.5] + [1] * (len(drawn) - 1))
    graph_axes = [fig.add_subplot(grid[i, 0]) for i in range(len(drawn))]
    for ax in graph_axes[2:]:      # the named K = 1 panel keeps its own, wider scale
        ax.sharex(graph_axes[1])
    for ax, k in zip(graph_axes, drawn):
        _, tape, inputs = unrolled_tape(params, batch, model, k)
        depths[k] = draw_graph(ax, tape, inputs, k, names=(k == drawn[0]))
    graph_axes[0].set_xlabel("depth (ops); names: node.op, * = recorded in the inner backward "
                             "pass")
    graph_axes[-1].set_xlabel(r"depth: longest path from the inputs $\theta_0$ (ops)")
    handles, labels = graph_axes[-1].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower left", ncol=3, fontsize=9)
    fig.suptitle(f"MAML's unrolled graph as the engine records it: meta-loss of "
                 f"MLP{SIZES} on {N_TASKS} tasks, K inner steps (eq. 22.4)")

    ax = fig.add_subplot(grid[:, 1])
    ks = np.array(cfg["counted_k"])
    width = 0.38
    f_counts = np.array([forward[k] for k in ks])
    b_counts = np.array([backward[k] for k in ks])
    ax.bar(ks - width / 2, f_counts, width, color=style.COLORS["forward"],
           label="MAML: forward ops")
    ax.bar(ks - width / 2, b_counts, width, bottom=f_counts, color=style.COLORS["backward"],
           label="MAML: inner-backward ops")
    ax.bar(ks + width / 2, [fomaml[k] for k in ks], width, color=style.COLORS["fomaml"],
           hatch="//", edgecolor="white",
           label="FOMAML: all ops\n(no inner backward; constant in K)")
    for k, total in zip(ks, f_counts + b_counts):
        ax.text(k - width / 2, total, str(total), ha="center", va="bottom", fontsize=9)
    for k in ks:
        ax.text(k + width / 2, fomaml[k], str(fomaml[k]), ha="center", va="bottom", fontsize=9)
    ax.set(xticks=ks, xlabel="K (inner steps)", ylabel="ops on the tape",
           title="Ops recorded per K", ylim=(0, 1.15 * max(counts.values())))
    ax.legend(loc="upper left", fontsize=9)
    ax.text(0.02, 0.78, f"FOMAML = MAML's K = 0 tape ({counts[ks[0]]} ops)\n"
            f"+ {fomaml[ks[0]] - counts[ks[0]]} adds: theta0 + (theta_K - theta0),\n"
            f"one per parameter array, the\ndisplacement a constant",
            transform=ax.transAxes, fontsize=8.5, va="top")
    files = [style.save(fig, out_dir, "fig22_5_unrolled_graph")]
    return {"files": files, "node_counts": counts, "backward_nodes": backward,
            "forward_nodes": forward, "fomaml_node_counts": fomaml, "depth": depths,
            "maml_k0_ops": maml_ops, "fomaml_ops": fomaml_ops}
