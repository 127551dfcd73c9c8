"""Chapter 3, part 1: sampling a discrete distribution by its inverse CDF.

Lecture 22, section 2.1.1, eq. 22.7. To draw a label from P_1, ..., P_N we cut
the unit interval at the running sums of the probabilities,

    [0, P_1), [P_1, P_1 + P_2), ..., [P_1 + ... + P_{N-1}, 1),      (eq. 22.7)

draw one uniform U and report the label of the piece that U falls in. Piece i
has length P_i, so label i comes out with probability P_i.

Two ways of finding the piece give the same label for every U:

* ``from_uniforms(u)`` is the definition: a binary search of U among the
  right edges of the pieces.
* ``from_uniforms_guided(u)`` uses the guide table of Chen and Asau (1974):
  split [0, 1) into m equal buckets and remember, for each bucket, the first
  piece that reaches into it. U's bucket is found with one multiplication;
  if no edge cuts the bucket, that piece is U's, and otherwise (a few
  percent of the U) a binary search among the edges finds it.
  ``sample`` uses it, because it is several times faster.

What "the piece that U falls in" means at the edges, in floating point:

* Label i owns [c_{i-1}, c_i), closed on the left, where c_i = (P_1 + ... +
  P_i) / (P_1 + ... + P_N) is computed by one running sum. A label with
  P_i = 0 has c_{i-1} = c_i exactly, so it owns nothing: it is never emitted,
  not even when U sits exactly on an edge.
* The right edge of the last label with positive probability is set to
  +inf. Rounding in the running sum can leave it a hair below 1; without this
  U in that hair would land on a trailing label of probability zero.
* Dividing by the sum spreads the (at most 1e-8) error of the input's sum
  over all labels instead of dumping it on the last one. Probabilities down
  to the smallest doubles keep their own, correctly ordered pieces; a piece
  narrower than the 2**-53 spacing of numpy's uniforms is simply never hit
  by a random U, though ``from_uniforms`` still maps the U inside it to it.
"""

import numpy as np

from scratchmeta.messages import names_itself_as_method
from scratchmeta.sampling.checks import (check_random_state, check_rng, check_size, check_text,
                                          check_uniforms, real_array)

SUM_TOLERANCE = 1e-8   # how far sum(P) may be from 1
GUIDE_FACTOR = 4       # buckets per label (rounded up to a power of two) ...
FINE_BUCKETS = 1 << 15  # ... but at least 32 per label up to this many buckets
CHUNK = 1 << 16        # draws per pass in sample(): keeps temporaries in cache


def check_probabilities(p, name="p"):
    """Return ``p`` as a float64 array after the checks numpy's ``choice`` makes.

    1-D, non-empty, finite, non-negative, and summing to 1 within 1e-8.
    """
    # bools are flags, not weights: [True, False] is no p
    arr = real_array(check_text("name", name), p, "an array of real numbers (probabilities)")
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one probability per label), got "
                         f"{type(p).__name__} of shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must be non-empty: there must be at least one label")
    if not np.all(np.isfinite(arr)):
        i = int(np.flatnonzero(~np.isfinite(arr))[0])
        raise ValueError(f"{name} must be finite, but {name}[{i}] = {arr[i]}"
                         f"{', a NaN' if np.isnan(arr[i]) else ''}")
    if np.any(arr < 0):
        i = int(np.flatnonzero(arr < 0)[0])
        raise ValueError(f"{name} must be non-negative, but {name}[{i}] = {arr[i]}")
    with np.errstate(over="ignore"):                   # a sum past 1e308 is inf: refused below
        total = float(np.sum(arr))
    if abs(total - 1.0) > SUM_TOLERANCE:
        shown = (repr(list(p)) if isinstance(p, (list, tuple)) and len(p) <= 8 else  # as given
                 np.array2string(arr, threshold=8, edgeitems=3, max_line_width=200))
        hint = ("; if these are percentages, divide by 100" if abs(total - 100.0) < 1e-6 else
                "; if they are weights, divide by their sum" if np.isfinite(total) and total > 0
                else "")
        if not np.isfinite(total):                      # entries so large their sum overflows
            i = int(np.argmax(arr))
            hint = f"; {name}[{i}] = {arr[i].item()!r} is no probability"
        raise ValueError(f"probabilities {name} must sum to 1 within {SUM_TOLERANCE:g}, "
                         f"but {name} = {shown} sums to {total!r}{hint}")
    return arr


class DiscreteInverseCDF:
    """Draw labels 0..N-1 with probabilities ``p`` by the inverse CDF (eq. 22.7).

    Attributes
    ----------
    p : ndarray, shape (N,)
        The probabilities, as given.
    edges : ndarray, shape (N,)
        ``edges[i]`` is c_i, the right end of label i's piece of [0, 1); the
        last label with positive probability has edge +inf.
    guide : ndarray, shape (m + 1,)
        ``guide[j]`` is the first label whose piece reaches past j / m.
    """

    @names_itself_as_method
    def __init__(self, p):
        self.p = check_probabilities(p)
        # Running sums c_i of eq. 22.7, scaled so that the last one is 1.
        running = np.cumsum(self.p)
        edges = running / running[-1]
        # The last label of positive probability takes everything up to +inf,
        # so no U can reach a trailing label of probability zero.
        last = int(np.flatnonzero(self.p > 0)[-1])
        edges[last:] = np.inf
        self.edges = edges
        self.last_label = last

        # Guide table. m is a power of two, so u * m is exact in floating
        # point and bucket j = floor(u * m) satisfies j / m <= u exactly:
        # the label of U is never left of guide[j].
        n = self.p.size
        self.m = 1 << int(np.ceil(np.log2(max(GUIDE_FACTOR * n, min(32 * n, FINE_BUCKETS)))))
        bucket_starts = np.arange(self.m + 1) / self.m
        self.guide = np.searchsorted(edges, bucket_starts, side="right")
        # A bucket that lies inside one piece needs no search at all: its label
        # is stored as is. A bucket that an edge cuts stores -1, and only its
        # U are searched for (a few percent of them with 32 buckets per
        # label). The last U of bucket j is the double below (j + 1) / m.
        last = np.searchsorted(edges, np.nextafter(bucket_starts[1:], 0.0), side="right")
        first = self.guide[:-1]
        # U = 1 exactly (allowed in from_uniforms) lands in bucket m: search it.
        self.direct = np.append(np.where(first == last, first, -1), -1)

    # --- the map U -> label -------------------------------------------------------

    @names_itself_as_method
    def from_uniforms(self, u):
        """The label of the piece of [0, 1) that each U lands in (eq. 22.7).

        The label is the number of edges c_i with c_i <= U, i.e. the first i
        with U < c_i: a binary search (``side="right"`` puts U = c_i in the
        piece to the right of the edge, the piece that starts there).
        """
        u = check_uniforms(u)
        return np.searchsorted(self.edges, u, side="right")

    @names_itself_as_method
    def from_uniforms_guided(self, u):
        """The same labels as :meth:`from_uniforms`, found with the guide table."""
        u = check_uniforms(u)
        return self.piece_of_unchecked(u.ravel()).reshape(u.shape)

    @names_itself_as_method
    def piece_of(self, u):
        """Guide-table lookup for a 1-D array of uniforms in [0, 1] (checked: a U outside
        [0, 1], NaN, or an array of another shape is a ValueError naming ``u``)."""
        return self.piece_of_unchecked(check_uniforms(u, ndim=1))

    def piece_of_unchecked(self, u):
        """:meth:`piece_of` for a 1-D float array already in [0, 1] (from ``rng.random`` or
        checked by the caller): the hot path of :meth:`sample`, with no pass over u."""
        # Jump to U's bucket: most buckets lie inside one piece and give the label.
        label = self.direct.take((u * self.m).astype(np.intp))
        cut = np.flatnonzero(label < 0)
        if cut.size == 0:
            return label
        # In a bucket that an edge cuts (a few percent of the U), the label is
        # the number of edges at or below U: a binary search among the edges,
        # the same label a walk right from guide[j] would reach.
        label[cut] = np.searchsorted(self.edges, u[cut], side="right")
        return label

    # --- drawing ------------------------------------------------------------------

    @names_itself_as_method
    def sample(self, size, rng):
        """Draw ``size`` labels, using uniforms from ``rng`` (a numpy Generator).

        The draws are made in chunks of 65,536 so that the temporaries of the
        lookup stay in cache; this more than halves the time for 10**6 draws.
        """
        rng = check_rng(rng)
        shape = check_size(size)
        n = int(np.prod(shape, dtype=np.int64))
        out = np.empty(n, dtype=np.intp)
        for start in range(0, n, CHUNK):
            stop = min(start + CHUNK, n)
            out[start:stop] = self.piece_of_unchecked(rng.random(stop - start))
        return out.reshape(shape)

    # --- SciPy's names (scipy.stats.sampling.DiscreteGuideTable) --------------------

    @names_itself_as_method
    def ppf(self, u):
        """SciPy's name for :meth:`from_uniforms_guided`: the label of each U."""
        return self.from_uniforms_guided(u)

    @names_itself_as_method
    def rvs(self, size=1, random_state=None):
        """SciPy's name for :meth:`sample`: ``random_state`` is a Generator or an int seed.

        ``size=None`` gives one label as an int, as in SciPy.
        """
        rng = check_random_state(random_state)
        if size is None:
            return int(self.sample(1, rng)[0])
        return self.sample(size, rng)

    @names_itself_as_method
    def support(self):
        """(0, N - 1): the smallest and largest label."""
        return 0, self.p.size - 1

    def __repr__(self):
        return f"DiscreteInverseCDF(N={self.p.size}, buckets={self.m})"
