"""Chapter 1, appendix: parameter trees, flattened to a list of arrays and rebuilt.

Lecture 22, section 1.2.2: MAML's theta0 is not one array but a network's
parameters, a list of (W, b) layers. ``grad`` accepts such a *tree* (nested
lists, tuples, namedtuples and dicts whose leaves are arrays or numbers),
watches every leaf, and returns a gradient of the same structure; the same
two helpers let model code apply one update rule to every leaf
(``theta - inner_lr * g`` leaf by leaf, eq. 22.4).

Imports nothing from the engine but its checks.
"""

from .checks import check_callable, tree_structure      # tree_structure draws a tree: [*, *]

__all__ = ["tree_flatten", "tree_map", "tree_structure"]


def tree_flatten(tree, name="tree"):
    """``(leaves, rebuild)`` of nested lists, tuples, namedtuples and dicts.

    ``rebuild(new_leaves)`` puts a list of leaves back into the same structure.
    Anything else (an array, a number, a Tensor) is one leaf, but a set: it has no
    order, so its leaves could not be matched with another tree's (a TypeError naming
    the tree as ``name``, e.g. "argument 0").
    """
    if type(name) is not str or not name:      # the tree's name in messages (O(1))
        raise TypeError(f"tree_flatten: name must be a non-empty string naming the tree in "
                        f"messages, e.g. 'argument 0', got {type(name).__name__} {name!r:.40}")
    return _flatten(tree, name, ())


def _named(name):
    """The tree as messages name it: a caller's own name ("grad: argument 0") stands alone."""
    return name if ": " in name else f"tree_flatten: {name}"


def _flatten(tree, name, path):
    """:func:`tree_flatten` below the branches in ``path`` (their ids): a list or dict that
    holds itself would be flattened forever, so it is refused by name."""
    if isinstance(tree, _BRANCHES):
        if id(tree) in path:
            raise ValueError(f"{_named(name)} holds itself (a {type(tree).__name__} "
                             f"that contains itself), so it has no finite set of leaves")
        path += (id(tree),)
    if isinstance(tree, (list, tuple)):
        kind = type(tree)
        # A namedtuple is built from positional fields, a list or tuple from one iterable.
        make = _rebuilder(kind, name) if hasattr(tree, "_fields") else kind
        if not any(isinstance(t, _BRANCHES) for t in tree):              # a flat list of leaves
            n = len(tree)

            def rebuild_flat(flat):
                flat = list(flat)
                if len(flat) != n:
                    raise ValueError(f"rebuilding a tree of {n} leaves from {len(flat)}")
                return make(flat)
            return list(tree), rebuild_flat
        parts = [_flatten(t, name, path) for t in tree]
        leaves = [leaf for p in parts for leaf in p[0]]

        def rebuild(flat):
            if len(flat) != len(leaves):
                raise ValueError(f"rebuilding a tree of {len(leaves)} leaves from {len(flat)}")
            out, i = [], 0
            for p_leaves, p_rebuild in parts:
                out.append(p_rebuild(flat[i:i + len(p_leaves)]))
                i += len(p_leaves)
            return make(out)
        return leaves, rebuild
    if isinstance(tree, dict):
        keys = list(tree)
        leaves, rebuild_values = _flatten([tree[k] for k in keys], name, path)
        return leaves, lambda flat: dict(zip(keys, rebuild_values(flat)))
    if isinstance(tree, (set, frozenset)):
        raise TypeError(f"{_named(name)} is or holds a {type(tree).__name__} "
                        f"{tree!r:.60}; a set has no order, so its leaves could not be matched "
                        f"with another tree's: pass a list or tuple (e.g. sorted(...))")
    return [tree], lambda flat: flat[0]


# What tree_flatten looks inside (a set, to refuse it); anything else is a leaf.
_BRANCHES = (list, tuple, dict, set, frozenset)


def _rebuilder(kind, name):
    """How a namedtuple of class ``kind`` is rebuilt from its leaves; a class that needs more
    than its fields (SciPy's result records, such as TtestResult) is named instead."""
    def make(items):
        try:
            return kind(*items)
        except TypeError as err:
            raise TypeError(f"{name} is or holds a {kind.__name__} record, which cannot be "
                            f"rebuilt from its fields alone ({err}); pass the arrays meant, "
                            f"e.g. its .{kind._fields[0] if kind._fields else '...'}") from None
    return make


def _flat(tree):
    """A list or tuple of leaves only (the usual parameter list)."""
    return isinstance(tree, (list, tuple)) and not any(
        isinstance(t, (list, tuple, dict)) for t in tree)


def tree_map(f, *trees):
    """Apply ``f`` leaf by leaf to trees of the same structure; keep that structure.

    Trees with different numbers of leaves, or with the same number arranged
    otherwise (other dict keys, other nesting), are refused (ValueError), never
    truncated or paired wrongly.
    """
    check_callable(f, "tree_map", "f")
    if not trees:
        raise TypeError("tree_map needs at least one tree in trees to map f over, e.g. "
                        "tree_map(f, params)")
    flat = [tree_flatten(t, f"trees[{i}]") for i, t in enumerate(trees)]
    counts = [len(leaves) for leaves, _ in flat]
    if len(set(counts)) > 1:
        raise ValueError(f"tree_map needs trees with the same leaves; their leaf counts "
                         f"are {counts} (trees {', '.join(_drawn(t) for t in trees)})")
    if len(trees) > 1 and not all(_flat(t) for t in trees):    # flat lists of as many leaves
        shapes = [tree_structure(t) for t in trees]                    # are alike: no need to draw
        for i, other in enumerate(shapes[1:], 1):
            if other != shapes[0]:
                raise ValueError(f"tree_map needs trees of one structure: tree 0 is "
                                 f"{shapes[0]:.80} but tree {i} is {other:.80}")
    out = [_call(f, xs) for xs in zip(*(leaves for leaves, _ in flat))]
    if out and all(leaf is None for leaf in out):     # every leaf lost: a return forgotten
        raise TypeError(f"tree_map: f ({getattr(f, '__name__', type(f).__name__)}) returned "
                        f"None for every one of the {len(out)} leaves; it must return each "
                        f"leaf's new value (a return statement forgotten?)")
    return flat[0][1](out)


def _drawn(tree):
    """A tree as tree_map's messages draw it: its structure, and a lone leaf's type."""
    drawn = tree_structure(tree)
    return drawn if drawn != "*" else f"* (one leaf: {type(tree).__name__})"


def _call(f, xs):
    """``f(*xs)``; a TypeError of the call itself (f takes another number of leaves), and a
    TypeError or ValueError from inside a user's f, names f. Errors from inside the library's
    own maps pass through: their checks name what they check."""
    try:
        return f(*xs)
    except StopIteration as err:        # would end a caller's loop over tree_map early, unseen
        raise ValueError(f"tree_map: f raised StopIteration{f' ({err})' if str(err) else ''} "
                         f"when called with {len(xs)} leaf argument(s): raise another "
                         f"exception") from err
    except (TypeError, ValueError) as err:
        inside = err.__traceback__.tb_next is not None
        if inside and str(getattr(f, "__module__", None)).startswith("scratchmeta"):
            raise                       # the library's own map: its checks name what they check
        if isinstance(err, ValueError) and not inside:
            raise
        shapes = ", ".join(str(getattr(x, "shape", type(x).__name__)) for x in xs)
        raise type(err)(f"tree_map: f raised {type(err).__name__} when called with {len(xs)} "
                        f"leaf argument(s), one from each tree (of shapes {shapes:.60}): "
                        f"{err}") from err
