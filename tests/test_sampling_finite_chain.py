"""Tests for Chapter 3, part 3c: the exact Metropolis chain on N states.

On a finite state space the two facts behind Metropolis sampling, detailed
balance and stationarity, are identities between matrices. We check them for
hypothesis-generated targets (with zeros and 1e-300 entries) and symmetric
proposals, to 1e-12: no statistics needed.
"""

import numpy as np
import pytest
from hypothesis import given, strategies as st

from scratchmeta.sampling import metropolis_transition_matrix
from scratchmeta.testing.strategies import CI, probability_vectors, symmetric_proposals

TOL = 1e-12


@st.composite
def targets_and_proposals(draw):
    p = draw(probability_vectors(min_size=1, max_size=10))
    return p, draw(symmetric_proposals(p.size))


@CI
@given(targets_and_proposals())
def test_detailed_balance_holds_to_1e_12(case):
    p, q = case
    P = metropolis_transition_matrix(p, q)
    flow = p[:, None] * P                     # flow[i, j] = pi_i P_ij
    np.testing.assert_allclose(flow, flow.T, rtol=0, atol=TOL)


@CI
@given(targets_and_proposals())
def test_target_is_stationary_to_1e_12(case):
    p, q = case
    P = metropolis_transition_matrix(p, q)
    np.testing.assert_allclose(p @ P, p, rtol=0, atol=TOL)


@CI
@given(targets_and_proposals())
def test_transition_matrix_is_stochastic(case):
    p, q = case
    P = metropolis_transition_matrix(p, q)
    assert np.all(P >= -TOL)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=0, atol=TOL)


@CI
@given(targets_and_proposals())
def test_matches_the_definition_entry_by_entry(case):
    p, q = case
    P = metropolis_transition_matrix(p, q)
    n = p.size
    for i in range(n):
        for j in range(n):
            if i != j:
                with np.errstate(over="ignore"):      # 1e-300 / tiny overflows to inf: fine
                    accept = 1.0 if p[i] == 0 else min(1.0, p[j] / p[i])
                assert P[i, j] == pytest.approx(q[i, j] * accept, rel=1e-15, abs=1e-300)


def test_small_example_by_hand():
    # Uniform proposal over 3 states, target (1/6, 1/3, 1/2):
    # from state 2 (mass 1/2) a move to state 0 is accepted w.p. (1/6)/(1/2) = 1/3.
    p = np.array([1, 2, 3]) / 6
    P = metropolis_transition_matrix(p, np.full((3, 3), 1 / 3))
    expected = np.array([[1 / 3, 1 / 3, 1 / 3],
                         [1 / 6, 1 / 2, 1 / 3],
                         [1 / 9, 2 / 9, 2 / 3]])
    np.testing.assert_allclose(P, expected, rtol=1e-15)


def test_powers_of_an_irreducible_chain_converge_to_the_target():
    # Stationarity plus irreducibility and aperiodicity: every row of P**k -> p.
    p = np.array([0.05, 0.15, 0.3, 0.5])
    q = np.array([[0.5, 0.5, 0, 0], [0.5, 0, 0.5, 0], [0, 0.5, 0, 0.5], [0, 0, 0.5, 0.5]])
    Pk = np.linalg.matrix_power(metropolis_transition_matrix(p, q), 400)
    np.testing.assert_allclose(Pk, np.tile(p, (4, 1)), rtol=0, atol=1e-12)


@pytest.mark.parametrize("q, message", [
    (np.array([[0.5, 0.5], [0.2, 0.8]]),
     r"Q must be symmetric .* Q\[0, 1\] = 0.5 and Q\[1, 0\] = 0.2"),
    (np.array([[0.5, 0.4], [0.4, 0.5]]), "each row of Q must sum to 1 .* row 0 sums to 0.9"),
    (np.array([[1.5, -0.5], [-0.5, 1.5]]), "Q must be non-negative"),
    (np.eye(3), r"Q must have shape \(n, n\) = \(2, 2\), one row per state"),
    (np.array([[np.nan, 1.0], [1.0, 0.0]]), "Q must be finite"),
])
def test_invalid_proposal_raises_value_error(q, message):
    with pytest.raises(ValueError, match=message):
        metropolis_transition_matrix([0.5, 0.5], q)


def test_invalid_target_raises_value_error():
    with pytest.raises(ValueError, match="must sum to 1"):
        metropolis_transition_matrix([0.5, 0.6], np.full((2, 2), 0.5))
    with pytest.raises(ValueError, match="non-negative"):
        metropolis_transition_matrix([1.5, -0.5], np.full((2, 2), 0.5))
    with pytest.raises(TypeError, match="array of real numbers"):
        metropolis_transition_matrix([0.5, 0.5], [["a", "b"], ["c", "d"]])
