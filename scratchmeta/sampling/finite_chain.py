"""Chapter 3, part 3c: the Metropolis chain on N states, exactly.

Lecture 22, section 2.2. On a finite state space the random walk of
``metropolis.py`` is a matrix, and the claim that the walk's stationary
distribution is the target can be checked to rounding error instead of
statistically.

Let p be the target on states 0..N-1 and Q a symmetric proposal matrix
(Q_ij = Q_ji, rows summing to 1): from state i propose j with probability
Q_ij, and accept it with probability A_ij = min(1, p_j / p_i). Then

    P_ij = Q_ij A_ij                  for j != i,
    P_ii = 1 - sum_{j != i} P_ij      (rejected proposals stay put).

Detailed balance: p_i P_ij = Q_ij min(p_i, p_j), which is symmetric in i and
j because Q is. Summing it over i gives stationarity, (p P)_j = p_j.

A state with p_i = 0 accepts every proposal (A_ij = 1, the limit of the
ratio); it carries no mass, so both identities still hold.
"""

import numpy as np

from scratchmeta.messages import names_itself
from scratchmeta.sampling.checks import check_steps, real_array
from scratchmeta.sampling.discrete import check_probabilities

SYMMETRY_TOLERANCE = 1e-12
ROW_SUM_TOLERANCE = 1e-9


@names_itself
def check_symmetric_proposal(q, n, name="q"):
    """Return Q as a float64 (n, n) array after checking it is a symmetric proposal (``name``:
    the caller's name for it, ``Q`` for :func:`metropolis_transition_matrix`)."""
    arr, n = real_array(name, q), check_steps("n", n, 1)
    if arr.shape != (n, n):
        raise ValueError(f"{name} must have shape (n, n) = {(n, n)}, one row per state, got "
                         f"{arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {arr[~np.isfinite(arr)][0]!r} in {name} = "
                         f"{q!r:.60}")
    if np.any(arr < 0):
        i, j = (int(k) for k in np.argwhere(arr < 0)[0])
        raise ValueError(f"{name} must be non-negative: its entries are proposal probabilities, "
                         f"got {name}[{i}, {j}] = {float(arr[i, j])!r}")
    if not np.allclose(arr, arr.T, rtol=0.0, atol=SYMMETRY_TOLERANCE):
        i, j = (int(k) for k in np.unravel_index(np.argmax(np.abs(arr - arr.T)), arr.shape))
        raise ValueError(f"{name} must be symmetric (Metropolis needs q(j|i) = q(i|j)), but "
                         f"{name}[{i}, {j}] = {float(arr[i, j])!r} and "
                         f"{name}[{j}, {i}] = {float(arr[j, i])!r}")
    rows = arr.sum(axis=1)
    if np.any(np.abs(rows - 1.0) > ROW_SUM_TOLERANCE):
        i = int(np.argmax(np.abs(rows - 1.0)))
        raise ValueError(f"each row of {name} must sum to 1 (it is a proposal distribution), "
                         f"but row {i} sums to {float(rows[i])!r}")
    return arr


@names_itself
def metropolis_transition_matrix(p, Q):
    """The exact transition matrix P of the Metropolis chain for target p, proposal Q."""
    p = check_probabilities(p)
    q = check_symmetric_proposal(Q, p.size, "Q")
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = p[None, :] / p[:, None]                  # p_j / p_i (inf is fine)
    accept = np.where(p[:, None] > 0.0, np.minimum(1.0, ratio), 1.0)   # A_ij
    P = q * accept
    np.fill_diagonal(P, 0.0)
    # Rejected proposals (and Q_ii itself) keep the chain where it is.
    np.fill_diagonal(P, 1.0 - P.sum(axis=1))
    return P
