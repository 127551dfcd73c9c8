"""The engine's bugs found by running a peer's test suite (issue 11), each pinned.

Lecture 22, section 1.2.2: the engine must agree with HIPS autograd and
PyTorch on the corner cases their own suites check: powers at 0, comparisons,
truth values, namedtuple parameters, Tensors kept after ``grad`` returned,
repeated ``argnums``, a function returning nothing, and ties in ``maximum``.
"""

import collections

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads
from hypothesis_inputs import normal

# --------------------------------------------------------------------------
# 1, 2. Powers at zero
# --------------------------------------------------------------------------


def test_x_to_the_zero_has_derivative_zero_at_zero_to_second_order():
    # x^0 = 1 everywhere: every derivative is 0, also at x = 0 (autograd's own test).
    assert ad.grad(lambda x: x ** 0.0)(0.0) == 0.0
    assert ad.grad(ad.grad(lambda x: x ** 0.0))(0.0) == 0.0
    np.testing.assert_array_equal(ad.grad(lambda x: ad.sum(x ** 0.0))(np.array([0.0, 2.0])),
                                  [0.0, 0.0])


def test_x_to_an_array_exponent_with_a_zero_entry_has_a_finite_gradient_at_zero():
    # d x^b / dx = b x^(b-1): 0 where b = 0, 1 where b = 1, 2x = 0 where b = 2.
    g = ad.grad(lambda x: ad.sum(ad.power(x, np.array([0.0, 1.0, 2.0]))))(np.zeros(3))
    np.testing.assert_array_equal(g, [0.0, 1.0, 0.0])


def test_zero_to_the_y_has_derivative_zero_in_y():
    # 0^y = 0 for y > 0, a constant: d/dy is 0 (not 0 * log 0 = NaN).
    assert ad.grad(lambda y: 0.0 ** y)(0.5) == 0.0
    assert ad.grad(ad.grad(lambda y: 0.0 ** y))(0.5) == 0.0


def test_power_derivatives_away_from_zero_are_unchanged():
    check_grads(lambda a, b: ad.power(a, b), (np.array([0.5, 1.5, 2.0]),
                                             np.array([0.0, -1.3, 2.5])), order=2)

# --------------------------------------------------------------------------
# 3, 4. Comparisons and truth values
# --------------------------------------------------------------------------


def test_equality_is_elementwise_and_not_differentiable():
    value, g = ad.value_and_grad(lambda x: ad.sum(x == 2.0) + 0.0)(2.0)
    assert value == 1.0 and g == 0.0
    seen = []
    ad.grad(lambda x: seen.append((x == np.array([1.0, 5.0]), x != 1.0)) or ad.sum(x))(
        np.array([1.0, 2.0]))
    eq, ne = seen[0]
    assert type(eq) is np.ndarray and eq.dtype == bool
    np.testing.assert_array_equal(eq, [True, False])
    np.testing.assert_array_equal(ne, [False, True])


def test_branching_on_equality_takes_the_right_branch():
    def f(x):
        return x * 3.0 if x == 2.0 else x * 5.0
    assert ad.grad(f)(2.0) == 3.0 and ad.grad(f)(1.0) == 5.0


def test_a_tensor_is_unhashable_like_an_array():
    seen = []
    ad.grad(lambda x: seen.append(x) or x)(1.0)
    with pytest.raises(TypeError):
        hash(seen[0])


def test_bool_of_a_traced_scalar_is_its_truth_value():
    def f(x):
        return x * 2.0 if x else x * 7.0
    assert ad.grad(f)(1.0) == 2.0
    assert ad.grad(lambda x: x * 2.0 if bool(x > 0.0) else -x)(-1.0) == -1.0
    with pytest.raises(ValueError, match=r"truth value of a Tensor of shape \(2,\) is ambiguous"):
        ad.grad(lambda x: ad.sum(x) if x else 0.0)(np.ones(2))


def test_len_of_a_traced_scalar_says_it_has_no_length():
    with pytest.raises(TypeError, match=r"len\(\) of a 0-d Tensor"):
        ad.grad(lambda x: len(x) * x)(1.0)

# --------------------------------------------------------------------------
# 5. namedtuple parameters
# --------------------------------------------------------------------------


Layer = collections.namedtuple("Layer", ["w", "b"])


def test_namedtuple_arguments_get_namedtuple_gradients():
    params = [Layer(normal((2,), 0), normal((), 1)), Layer(normal((2,), 2), normal((), 3))]
    x = normal((2,), 4)
    g = ad.grad(lambda p: sum(ad.sum(layer.w * x) * layer.b for layer in p))(params)
    assert all(type(layer) is Layer for layer in g)
    np.testing.assert_allclose(g[1].w, x * params[1].b, rtol=1e-15)
    np.testing.assert_allclose(g[0].b, np.sum(params[0].w * x), rtol=1e-15)
    assert ad.tree_map(lambda a: a, Layer(1.0, 2.0)) == Layer(1.0, 2.0)

# --------------------------------------------------------------------------
# 6. A Tensor kept from a finished grad
# --------------------------------------------------------------------------


def test_a_tensor_kept_from_a_finished_grad_is_its_plain_value_later():
    kept = []

    def f(x):
        y = ad.sin(x)
        kept.append(y)
        return ad.sum(y)

    ad.grad(f)(np.array([0.3, 1.0]))
    y = kept[0]
    tape = y.trace.tape
    assert tape == [] and y.trace.level == 0           # the finished trace
    g = ad.grad(lambda z: ad.sum(z * y))(np.array([2.0, 3.0]))
    assert type(g) is np.ndarray
    np.testing.assert_array_equal(g, np.sin([0.3, 1.0]))
    assert y.trace.tape == []                          # nothing appended to it
    out = ad.add(y, 1.0)                               # untraced use: a plain array
    assert type(out) is np.ndarray
    np.testing.assert_array_equal(out, np.sin([0.3, 1.0]) + 1.0)


def test_a_finished_tensor_as_grads_input_or_output_is_a_plain_value():
    kept = []
    ad.grad(lambda x: kept.append(x * 2.0) or x)(1.5)
    value, g = ad.value_and_grad(lambda z: kept[0])(0.0)
    assert type(value) is np.ndarray and value == 3.0 and g == 0.0
    assert ad.grad(lambda z: z * z)(kept[0]) == 6.0


def test_a_kept_inner_tensor_used_inside_the_outer_grad_is_still_differentiated():
    # The inner grad's Tensor wraps the outer trace's x: after the inner grad
    # returns, it is x * x as the outer trace sees it, so d/dx (x * x) = 2x.
    kept = []

    def outer(x):
        ad.grad(lambda y: kept.append(y * x) or ad.sum(y * x))(x)
        return ad.sum(kept[0])
    np.testing.assert_allclose(ad.grad(outer)(np.array([1.5, -2.0])), [3.0, -4.0], rtol=1e-15)

# --------------------------------------------------------------------------
# 7, 8. argnums repeated; a function returning None
# --------------------------------------------------------------------------


def test_repeated_argnums_give_the_same_gradient_twice():
    value, (g1, g2) = ad.value_and_grad(lambda x, y: x * y, argnums=(0, 0))(1.0, 2.0)
    assert type(value) is np.ndarray and value == 2.0
    assert g1 == 2.0 and g2 == 2.0
    g1 += 1.0                                      # independent copies
    assert g2 == 2.0
    ga, gb = ad.grad(lambda x, y: x * y * y, argnums=(1, -1))(3.0, 2.0)
    assert ga == gb == 12.0


@pytest.mark.parametrize("returned", [None, "loss", [1.0], object()])
def test_grad_of_a_function_not_returning_a_number_is_a_type_error(returned):
    with pytest.raises(TypeError, match=r"grad needs fun \(.*\) to return a float array or "
                                        r"number, "
                                        r"but it returned"):
        ad.grad(lambda x: returned)(1.0)


def test_grad_of_a_function_returning_none_names_it():
    with pytest.raises(TypeError, match=r"returned NoneType None"):
        ad.grad(lambda x: None)(1.0)


@pytest.mark.parametrize("argnums", ["0", 0.0, True, (0, "a")])
def test_argnums_that_are_not_ints_are_a_type_error(argnums):
    with pytest.raises(TypeError, match=r"argnums must be an int or a tuple of ints"):
        ad.grad(lambda x: x, argnums=argnums)


def test_grad_of_something_not_callable_is_a_type_error():
    with pytest.raises(TypeError, match=r"grad needs a function, got ndarray"):
        ad.grad(np.zeros(2))

# --------------------------------------------------------------------------
# 9. maximum and minimum at a tie
# --------------------------------------------------------------------------


def test_maximum_at_a_tie_gives_half_the_gradient_to_each_input():
    ga, gb = ad.grad(lambda a, b: ad.sum(ad.maximum(a, b)), argnums=(0, 1))(
        np.array([1.0, 2.0, 3.0]), np.array([1.0, 1.0, 5.0]))
    np.testing.assert_array_equal(ga, [0.5, 1.0, 0.0])
    np.testing.assert_array_equal(gb, [0.5, 0.0, 1.0])
    # As PyTorch does (when it is installed).
    torch = pytest.importorskip("torch")
    a = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([1.0, 1.0, 5.0], dtype=torch.float64, requires_grad=True)
    torch.maximum(a, b).sum().backward()
    np.testing.assert_array_equal(ga, a.grad.numpy())
    np.testing.assert_array_equal(gb, b.grad.numpy())


def test_minimum_at_a_tie_gives_half_the_gradient_to_each_input():
    ga, gb = ad.grad(lambda a, b: ad.sum(ad.minimum(a, b)), argnums=(0, 1))(
        np.array([1.0, 2.0, 3.0]), np.array([1.0, 1.0, 5.0]))
    np.testing.assert_array_equal(ga, [0.5, 0.0, 1.0])
    np.testing.assert_array_equal(gb, [0.5, 1.0, 0.0])


def test_maximum_of_x_with_itself_has_gradient_one():
    assert ad.grad(lambda x: ad.maximum(x, x))(0.7) == 1.0


def test_nodes_returned_by_trace_are_plain_values_afterwards():
    out, tape = ad.trace(lambda x: ad.sin(x) * 2.0, np.array([0.5, 1.0]))
    later = ad.add(out, 1.0)
    assert type(later) is np.ndarray and len(tape) == 2
    np.testing.assert_array_equal(later, 2.0 * np.sin([0.5, 1.0]) + 1.0)
    assert ad.grad(lambda y: ad.sum(y * out))(np.ones(2)).tolist() == ad.stop_gradient(out).tolist()
