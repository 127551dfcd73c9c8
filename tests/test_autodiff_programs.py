"""Random programs agree with central differences to second order.

Lecture 22, section 1.3.6: MAML differentiates through arbitrary compositions
of ops, so each op's VJP must compose with every other's. Hypothesis draws
programs (expression trees of a few ops, see ``hypothesis_inputs.programs``) over
inputs with broadcast-compatible shapes and checks each with ``check_grads``:
vᵀJ against central differences, then the same for the map (x, u) -> uᵀJ(x).

Settings are CI-stable: derandomized (the same examples on every run), no
deadline (the first example pays NumPy's warm-up).
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads
from hypothesis_inputs import BINARY, broadcast_shapes, normal, programs, seeds

CI = settings(max_examples=60, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                     HealthCheck.data_too_large])


@CI
@given(programs())
def test_random_programs_match_finite_differences_to_order_2(program):
    # The engine's forward value is the plain NumPy value the program was built on.
    np.testing.assert_allclose(
        ad.value_and_grad(lambda *xs: ad.sum(program(*xs)), argnums=0)(*program.inputs)[0],
        np.sum(program.expr.value), rtol=1e-12)
    check_grads(program, program.inputs, order=2)


@pytest.mark.slow
@settings(CI, max_examples=1000)
@given(programs(max_depth=4))
def test_deeper_random_programs_match_finite_differences_to_order_2(program):
    # About 5 s on one core: depth up to 4, trees of up to 16 leaves.
    check_grads(program, program.inputs, order=2)


@CI
@given(st.sampled_from(["add", "sub", "mul", "div_sq1", "pow_sq1", "smooth_max"]),
       broadcast_shapes(2), seeds, seeds)
def test_binary_ops_over_random_broadcast_shapes_match_finite_differences(name, shapes, s1, s2):
    (shape_a, shape_b), _ = shapes
    a, b = normal(shape_a, s1), normal(shape_b, s2)
    f = BINARY[name][0]
    b = np.clip(b, -2.0, 2.0) if name == "pow_sq1" else b      # keep the power's value modest
    check_grads(f, (a, b), order=2)
