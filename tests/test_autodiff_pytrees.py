"""Gradients of functions of nested parameters: the calling conventions of ``grad``.

Lecture 22, section 1.2.2: a network's parameters theta0 are a nested structure
(a list of layers, each a weight and a bias). ``grad`` accepts nested lists,
tuples and dicts and returns a gradient of the same structure, with plain
``np.ndarray`` leaves of the input's dtype (float64 unless float32 came in)
at the outermost level. ``argnums`` picks the
arguments to differentiate (an int, or a tuple giving a tuple of gradients),
``value_and_grad`` also returns the value, and an argument the function ignores
gets zeros of its shape.
"""

import numpy as np

import scratchmeta.autodiff as ad
from hypothesis_inputs import normal

W1, B1, W2, B2 = normal((3, 2), 0), normal((2,), 1), normal((2, 1), 2), normal((1,), 3)


def weight_decay(params):
    """scale * sum over layers of (|W|² + sum b): gradient 2 scale W, scale, and the sum."""
    total = 0.0
    for W, b in params["layers"]:
        total = total + ad.sum(W * W) + ad.sum(b)
    return params["scale"] * total


def params_tree():
    return {"layers": [(W1, B1), (W2, B2)], "scale": 1.5}


def leaves(tree):
    if isinstance(tree, dict):
        return [leaf for key in sorted(tree) for leaf in leaves(tree[key])]
    if isinstance(tree, (list, tuple)):
        return [leaf for t in tree for leaf in leaves(t)]
    return [tree]


def test_gradient_of_a_nested_argument_has_the_same_structure():
    g = ad.grad(weight_decay)(params_tree())
    assert type(g) is dict and set(g) == {"layers", "scale"}
    assert type(g["layers"]) is list and len(g["layers"]) == 2
    assert all(type(layer) is tuple and len(layer) == 2 for layer in g["layers"])


def test_gradient_of_a_nested_argument_has_the_hand_derived_values():
    g = ad.grad(weight_decay)(params_tree())
    (gW1, gB1), (gW2, gB2) = g["layers"]
    np.testing.assert_allclose(gW1, 2 * 1.5 * W1, rtol=1e-15)
    np.testing.assert_allclose(gB1, [1.5, 1.5], rtol=1e-15)
    np.testing.assert_allclose(gW2, 2 * 1.5 * W2, rtol=1e-15)
    np.testing.assert_allclose(gB2, [1.5], rtol=1e-15)
    expected_scale = np.sum(W1 ** 2) + np.sum(B1) + np.sum(W2 ** 2) + np.sum(B2)
    np.testing.assert_allclose(g["scale"], expected_scale, rtol=1e-14)


def test_gradient_leaves_are_plain_float64_arrays_of_the_leaf_shapes():
    params = params_tree()
    g = ad.grad(weight_decay)(params)
    for leaf, grad_leaf in zip(leaves(params), leaves(g)):
        assert type(grad_leaf) is np.ndarray
        assert grad_leaf.dtype == np.float64
        assert grad_leaf.shape == np.shape(leaf)        # the Python float 1.5 gets shape ()


def test_gradient_leaves_are_writeable_and_independent():
    # An optimizer updates gradients in place (moments, clipping). Here d/da
    # and d/db of sum((a + b) * c) are both c: two arrays, each writeable.
    c = np.array([1.0, 2.0, 3.0])
    ga, gb = ad.grad(lambda a, b: ad.sum((a + b) * c), argnums=(0, 1))(np.zeros(3), np.zeros(3))
    assert ga.flags.writeable and gb.flags.writeable
    ga *= 10.0
    np.testing.assert_array_equal(ga, [10.0, 20.0, 30.0])
    np.testing.assert_array_equal(gb, [1.0, 2.0, 3.0])


def test_gradient_of_a_sum_is_a_writeable_array_of_ones():
    g = ad.grad(ad.sum)(np.zeros((2, 3)))
    g[0, 0] = 5.0
    np.testing.assert_array_equal(g, [[5.0, 1.0, 1.0], [1.0, 1.0, 1.0]])


def test_float32_inputs_keep_float32_and_python_floats_give_float64_gradients():
    g32 = ad.grad(lambda x: ad.sum(x * x))(np.array([1.0, 2.0], dtype=np.float32))
    assert g32.dtype == np.float32
    np.testing.assert_array_equal(g32, [2.0, 4.0])
    g = ad.grad(lambda x: x * x * x)(2.0)
    assert type(g) is np.ndarray and g.dtype == np.float64 and g.shape == ()
    assert g == 12.0


def test_identity_has_gradient_one_and_a_second_derivative_zero():
    # The output is the input node itself; its gradient does not depend on x.
    assert ad.grad(lambda x: x)(2.0) == 1.0
    assert ad.grad(ad.grad(lambda x: x))(2.0) == 0.0


def test_argnums_tuple_returns_a_tuple_of_gradients_in_that_order():
    a, b, c = normal((2,), 0), normal((2,), 1), normal((2,), 2)
    f = lambda a, b, c: ad.sum(a * b * c * c)
    g = ad.grad(f, argnums=(2, 0))(a, b, c)
    assert type(g) is tuple and len(g) == 2
    np.testing.assert_allclose(g[0], 2 * a * b * c, rtol=1e-15)     # d/dc
    np.testing.assert_allclose(g[1], b * c * c, rtol=1e-15)         # d/da


def test_negative_argnums_counts_from_the_last_argument():
    a, b = normal((2,), 0), normal((2,), 1)
    g = ad.grad(lambda a, b: ad.sum(a * b * b), argnums=-1)(a, b)
    np.testing.assert_allclose(g, 2 * a * b, rtol=1e-15)


def test_value_and_grad_returns_the_value_and_the_gradient():
    x = np.array([0.5, -1.0, 2.0])
    value, g = ad.value_and_grad(lambda x: ad.sum(ad.sin(x)))(x)
    assert type(value) is np.ndarray and value.dtype == np.float64 and value.shape == ()
    np.testing.assert_allclose(value, np.sum(np.sin(x)), rtol=1e-15)
    np.testing.assert_allclose(g, np.cos(x), rtol=1e-15)


def test_value_and_grad_with_argnums_tuple_and_a_nested_argument():
    value, (g_params, g_x) = ad.value_and_grad(
        lambda p, x: weight_decay(p) * ad.sum(x), argnums=(0, 1))(params_tree(), np.ones(2))
    np.testing.assert_allclose(value, 2.0 * weight_decay(params_tree()), rtol=1e-15)
    np.testing.assert_allclose(g_params["layers"][0][0], 2 * 2 * 1.5 * W1, rtol=1e-15)
    np.testing.assert_allclose(g_x, np.full(2, weight_decay(params_tree())), rtol=1e-15)


def test_ignored_argument_gets_zeros_of_its_shape():
    g = ad.grad(lambda x, y: ad.sum(x * x), argnums=1)(normal((2,), 0), normal((3, 4), 1))
    assert type(g) is np.ndarray and g.dtype == np.float64
    np.testing.assert_array_equal(g, np.zeros((3, 4)))


def test_ignored_nested_argument_gets_zeros_in_its_structure():
    gx, gp = ad.grad(lambda x, p: ad.sum(x * x), argnums=(0, 1))(np.ones(2), params_tree())
    np.testing.assert_array_equal(gx, [2.0, 2.0])
    assert type(gp["layers"][1]) is tuple
    for leaf, zero in zip(leaves(params_tree()), leaves(gp)):
        assert type(zero) is np.ndarray
        np.testing.assert_array_equal(zero, np.zeros(np.shape(leaf)))


def test_constant_function_has_zero_gradient_and_its_value():
    value, g = ad.value_and_grad(lambda x: 7.0)(normal((2, 3), 0))
    assert value == 7.0
    np.testing.assert_array_equal(g, np.zeros((2, 3)))


def test_keyword_arguments_are_passed_through_and_not_differentiated():
    g = ad.grad(lambda x, scale: scale * ad.sum(x * x))(np.array([1.0, -2.0]), scale=3.0)
    np.testing.assert_array_equal(g, [6.0, -12.0])


def test_tree_map_refuses_trees_with_different_leaf_counts_instead_of_truncating():
    import pytest

    from scratchmeta.optim import adam_init, adam_update
    for a, b in (([W1, B1], [W1]), ([(W1, B1), (W2, B2)], [(W1, B1), (W2,)]),
                 ({"w": W1, "b": B1}, {"w": W1})):
        with pytest.raises(ValueError, match="leaf counts"):
            ad.tree_map(lambda x, y: x + y, a, b)
    leaves, rebuild = ad.tree_flatten([(W1, B1), W2])
    with pytest.raises(ValueError, match="3 leaves from 2"):
        rebuild(leaves[:2])
    assert [x.shape for x in ad.tree_map(np.add, [W1, B1], [W1, B1])] == [(3, 2), (2,)]
    with pytest.raises(ValueError, match="one gradient per parameter"):   # a missing layer
        adam_update([W1, B1], [W1], adam_init([W1, B1]), 1e-3)
