"""The recorded graph can be inspected: op names, parents, and MAML's unrolled graph.

Lecture 22, section 1.3.6, Figure 22.5 draws MAML's computation graph: the
forward pass, then each inner step's backward pass laid out as more graph for
the outer gradient to walk. ``trace(fun, *args)`` returns ``(output, tape)``;
every node on the tape has ``.op`` (the primitive's name), ``.parents`` (the
nodes of the same trace it was computed from) and ``.in_backward`` (whether it
was recorded while some backward pass was running).
"""

import numpy as np

import scratchmeta.autodiff as ad
from hypothesis_inputs import normal


def test_tape_of_sin_of_x_times_y_plus_x_lists_ops_in_order_with_their_parents():
    out, tape = ad.trace(lambda x, y: ad.sin(x * y) + x, 1.5, 2.0)
    assert [node.op for node in tape] == ["mul", "sin", "add"]
    mul, sin, add = tape
    x, y = mul.parents
    assert (x.op, y.op) == ("input", "input")
    assert x.parents == () and y.parents == ()
    assert sin.parents == (mul,)
    assert add.parents == (sin, x)                  # x is used twice: one node, two children
    assert out is add
    np.testing.assert_allclose(ad.stop_gradient(out), np.sin(3.0) + 1.5, rtol=1e-15)


def test_constants_are_not_parents():
    # 2 * x: the constant 2 is an argument of mul but not a node of the graph.
    _, tape = ad.trace(lambda x: 2.0 * x, np.ones(3))
    assert [node.op for node in tape] == ["mul"]
    assert len(tape[0].parents) == 1 and tape[0].parents[0].op == "input"


def test_operator_forms_record_the_named_primitives():
    a, b = normal((2, 2), 0), normal((2, 2), 1)
    _, tape = ad.trace(lambda a, b: (-(a + b) * a / b) ** 2.0 - a, a, b)
    assert [node.op for node in tape] == ["add", "neg", "mul", "div", "power", "sub"]
    _, tape = ad.trace(lambda a, b: (a @ b)[0], normal((2, 2), 2), normal((2, 2), 3))
    assert [node.op for node in tape] == ["matmul", "getitem"]


def test_mean_is_recorded_as_sum_then_div():
    _, tape = ad.trace(lambda x: ad.mean(x, axis=0), normal((4, 3), 0))
    assert [node.op for node in tape] == ["sum", "div"]


def test_inner_backward_is_recorded_on_the_outer_tape_and_marked_in_backward():
    # grad(sum(sin(s))) = cos(s) * 1. Under an outer trace the inner forward
    # records sin and sum; the inner backward records cos and the mul by the
    # (constant) output cotangent. Only those two are marked in_backward.
    out, tape = ad.trace(lambda x: ad.grad(lambda s: ad.sum(ad.sin(s)))(x), normal((3,), 0))
    assert [(node.op, node.in_backward) for node in tape] == [
        ("sin", False), ("sum", False), ("cos", True), ("mul", True)]
    sin, _, cos, mul = tape
    assert out is mul and mul.parents == (cos,)
    assert cos.parents == sin.parents               # both read the input x
    np.testing.assert_allclose(ad.stop_gradient(out), np.cos(normal((3,), 0)), rtol=1e-15)


def test_gradients_of_gradients_of_a_batched_product_record_products_and_no_transpose():
    # matmul's VJPs are the products A B^T and A^T B, whose VJPs are products
    # again: no transpose node, and no transposed cotangent to add up slowly.
    def f(a, w):
        inner = ad.grad(lambda a, w: ad.sum(ad.tanh(a @ w)), argnums=(0, 1))(a, w)
        return ad.sum(inner[0] * inner[0]) + ad.sum(inner[1] * inner[1])
    _, tape = ad.trace(ad.grad(f, argnums=(0, 1)), normal((5, 2, 3), 20), normal((3, 4), 21))
    ops = {node.op for node in tape}
    assert {"matmul", "matmul_nt", "matmul_tn"} <= ops and "transpose" not in ops


def test_inner_grad_of_a_constant_records_nothing_on_the_outer_tape():
    # A grad of a function of a constant does not touch the outer trace.
    _, tape = ad.trace(lambda x: x * ad.grad(lambda s: s * s)(3.0), 2.0)
    assert [(node.op, node.in_backward) for node in tape] == [("mul", False)]


# --------------------------------------------------------------------------
# MAML's unrolled graph grows with the number of inner steps K
# --------------------------------------------------------------------------

X_SUPPORT, Y_SUPPORT = normal((5, 3), 10), normal((5,), 11)
X_QUERY, Y_QUERY = normal((4, 3), 12), normal((4,), 13)


def loss(theta, X, y):
    residual = ad.tanh(X @ theta) - y
    return ad.mean(residual * residual)


def maml_meta_loss(theta0, K, inner_lr=0.1):
    theta = theta0
    for _ in range(K):
        theta = theta - inner_lr * ad.grad(loss)(theta, X_SUPPORT, Y_SUPPORT)
    return loss(theta, X_QUERY, Y_QUERY)


def maml_tape(K):
    return ad.trace(lambda t: maml_meta_loss(t, K), normal((3,), 14))[1]


def test_unrolled_maml_graph_grows_with_the_number_of_inner_steps():
    sizes = [len(maml_tape(K)) for K in (1, 2, 3)]
    assert sizes[0] < sizes[1] < sizes[2]
    # Every inner step adds the same ops: a forward, a backward and an update.
    assert sizes[2] - sizes[1] == sizes[1] - sizes[0]


def test_unrolled_maml_graph_has_inner_backward_nodes_for_every_step():
    for K in (1, 2, 3):
        tape = maml_tape(K)
        backward = [node for node in tape if node.in_backward]
        assert len(backward) == K * len([n for n in maml_tape(1) if n.in_backward])
        # tanh runs in each inner forward and in the query loss; its derivative
        # 1 - tanh² reuses the forward output, so no backward pass records a tanh.
        assert sum(node.op == "tanh" for node in tape) == K + 1       # K inner + 1 query
        assert sum(node.op == "tanh" for node in backward) == 0


def test_the_meta_loss_depends_on_inner_backward_nodes():
    # Walk parents back from the output: the meta-loss reaches nodes of the
    # inner backward pass, the second-order path of eq. 22.4.
    out, _ = ad.trace(lambda t: maml_meta_loss(t, 1), normal((3,), 14))
    seen, stack = set(), [out]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(node.parents)
            if node.in_backward:
                break
    else:
        raise AssertionError("no node of the inner backward pass is upstream of the meta-loss")
