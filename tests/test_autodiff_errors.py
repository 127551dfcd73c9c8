"""Bad inputs raise errors that say what was wrong and what was expected.

Lecture 22, section 1.2.2: a reader's first mistakes with the engine are a
loss that is not reduced to a scalar, shapes that do not fit, and integer
data passed where parameters go. Each gets a ValueError or TypeError whose
message names the offending shapes or dtype; these tests pin the messages.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads, hvp
from hypothesis_inputs import normal

# --------------------------------------------------------------------------
# grad needs a scalar output
# --------------------------------------------------------------------------


def test_grad_of_a_vector_output_names_its_shape():
    with pytest.raises(ValueError, match=r"scalar.*output of shape \(3,\).*reduce it first"):
        ad.grad(ad.sin)(np.zeros(3))


def test_grad_of_a_single_entry_array_is_still_not_a_scalar():
    # shape (1, 1) holds one number, but it is not shape (): no silent squeeze.
    with pytest.raises(ValueError, match=r"output of shape \(1, 1\)"):
        ad.value_and_grad(lambda x: x * 2.0)(np.zeros((1, 1)))


# --------------------------------------------------------------------------
# Shape mismatches name both shapes
# --------------------------------------------------------------------------


def test_add_of_mismatched_shapes_names_both_shapes():
    with pytest.raises(ValueError, match=r"add: cannot combine shapes \(3,\) and \(4,\)"):
        ad.add(np.zeros(3), np.zeros(4))


def test_add_of_mismatched_shapes_under_grad_names_both_shapes():
    with pytest.raises(ValueError, match=r"add: cannot combine shapes \(3,\) and \(4,\)"):
        ad.grad(lambda x: ad.sum(x + np.zeros(4)))(np.zeros(3))


def test_mul_of_mismatched_shapes_under_nested_grads_names_both_shapes():
    f = lambda x: ad.sum(ad.grad(lambda y: ad.sum(y * np.ones((2, 4))))(x))
    with pytest.raises(ValueError, match=r"mul: cannot combine shapes \(2, 3\) and \(2, 4\)"):
        ad.grad(f)(np.zeros((2, 3)))


def test_matmul_of_mismatched_shapes_names_both_shapes():
    with pytest.raises(ValueError, match=r"matmul: cannot combine shapes \(2, 3\) and \(4, 5\)"):
        ad.matmul(np.zeros((2, 3)), np.zeros((4, 5)))


def test_matmul_operator_of_mismatched_shapes_under_grad_names_both_shapes():
    with pytest.raises(ValueError, match=r"matmul: cannot combine shapes \(2, 3\) and \(4, 5\)"):
        ad.grad(lambda a: ad.sum(a @ np.zeros((4, 5))))(np.zeros((2, 3)))


def test_matmul_with_inner_dimension_1_against_a_mismatched_matrix_raises():
    # (3, 1) @ (3, 4) is not a product (inner dimensions 1 and 3), as in NumPy;
    # it must not be taken for the outer product (3, 1) * (1, 4).
    with pytest.raises(ValueError):
        np.matmul(np.zeros((3, 1)), np.zeros((3, 4)))
    with pytest.raises(ValueError, match=r"matmul: cannot combine shapes \(3, 1\) and \(3, 4\)"):
        ad.matmul(np.zeros((3, 1)), np.zeros((3, 4)))


def test_matmul_of_a_length_1_vector_and_a_mismatched_matrix_raises_a_matmul_error():
    with pytest.raises(ValueError, match=r"matmul: cannot combine shapes .*\(3, 4\)"):
        ad.matmul(np.zeros(1), np.zeros((3, 4)))


def test_solve_of_a_singular_matrix_raises_numpys_linalg_error_not_a_shape_error():
    with pytest.raises(np.linalg.LinAlgError, match="Singular matrix"):
        ad.solve(np.ones((2, 2)), np.ones(2))
    with pytest.raises(np.linalg.LinAlgError, match="Singular matrix"):
        ad.grad(lambda b: ad.sum(ad.solve(np.ones((2, 2)), b)))(np.ones(2))


def test_solve_of_mismatched_shapes_names_the_matrix_shape():
    with pytest.raises(ValueError, match=r"solve: cannot combine shapes \(3, 3\) and \(4,\)"):
        ad.solve(np.eye(3), np.zeros(4))


# --------------------------------------------------------------------------
# Gradients need float arrays
# --------------------------------------------------------------------------


def test_integer_array_given_to_grad_raises_a_type_error_naming_the_dtype():
    with pytest.raises(TypeError, match=r"argument 0 is an integer array \(dtype int\d+\)"):
        ad.grad(ad.sum)(np.arange(3))


def test_python_int_given_to_grad_raises_a_type_error_naming_the_dtype():
    # The message also says what to do instead.
    expected = r"integer array \(dtype int\d+\).*np\.asarray\(x, dtype=float\)"
    with pytest.raises(TypeError, match=expected):
        ad.grad(lambda x: x * x)(3)


def test_boolean_array_given_to_grad_raises_a_type_error_naming_the_dtype():
    with pytest.raises(TypeError, match=r"argument 0 is a boolean array \(dtype bool\)"):
        ad.grad(ad.sum)(np.array([True, False]))


def test_object_array_given_to_grad_raises_a_type_error_naming_the_dtype():
    with pytest.raises(TypeError, match=r"argument 0 is an object array \(dtype object\)"):
        ad.grad(ad.sum)(np.array([1.0, None], dtype=object))


def test_integer_leaf_of_a_nested_argument_names_the_argument_number():
    params = {"w": normal((2,), 0), "steps": np.array([1, 2])}
    with pytest.raises(TypeError, match=r"argument 1 is an integer array \(dtype int\d+\)"):
        ad.grad(lambda x, p: ad.sum(x * p["w"]), argnums=(0, 1))(np.ones(2), params)


def test_integer_data_argument_that_is_not_differentiated_is_accepted():
    # Only the arguments in argnums must be float: integer labels may ride along.
    g = ad.grad(lambda w, labels: ad.sum(w[labels]))(np.zeros(3), np.array([0, 0, 2]))
    np.testing.assert_array_equal(g, [2.0, 0.0, 1.0])


def test_check_grads_rejects_integer_arguments_naming_the_dtype():
    expected = r"check_grads argument is an integer array \(dtype int\d+\)"
    with pytest.raises(TypeError, match=expected):
        check_grads(ad.sin, (np.arange(3),))


def test_argnums_out_of_range_is_a_value_error():
    with pytest.raises(ValueError, match=r"argnums 2 is out of range for 2 arguments"):
        ad.grad(lambda a, b: ad.sum(a * b), argnums=2)(np.ones(2), np.ones(2))


def test_a_custom_primitive_returning_a_python_float_can_be_differentiated():
    # impl may return a plain Python number; the node still knows its shape ().
    import math
    msin = ad.Primitive("msin", lambda x: math.sin(float(x)),
                        lambda g, ans, x: ad.mul(g, ad.cos(x)))            # (sin x)' = cos x
    assert ad.grad(msin)(0.3) == pytest.approx(math.cos(0.3), abs=1e-15)


# --------------------------------------------------------------------------
# The ops a NumPy user reaches for: bad arguments say which and why
# --------------------------------------------------------------------------


def test_einsum_with_the_wrong_number_of_operands_names_the_subscripts():
    with pytest.raises(ValueError, match=r"einsum: subscripts 'ij,jk->ik' name 2 operands, "
                                         r"but 1 were given"):
        ad.einsum("ij,jk->ik", np.zeros((2, 3)))


def test_einsum_with_subscripts_that_do_not_fit_a_shape_names_the_operand():
    with pytest.raises(ValueError, match=r"einsum: operand 1 has shape \(3,\), which does not "
                                         r"fit its subscripts"):
        ad.einsum("ij,jk->ik", np.zeros((2, 3)), np.zeros(3))


def test_einsum_with_a_repeated_index_in_one_operand_is_refused():
    with pytest.raises(ValueError, match=r"operand 0 repeats an index.*diagonals and traces"):
        ad.einsum("ii->", np.eye(3))


def test_einsum_with_mismatched_index_sizes_names_the_shapes():
    with pytest.raises(ValueError, match=r"einsum: cannot combine shapes \(2, 3\) and \(4, 5\)"):
        ad.einsum("ij,jk->ik", np.zeros((2, 3)), np.zeros((4, 5)))


def test_norm_with_an_unsupported_order_says_what_is_supported():
    with pytest.raises(ValueError, match=r"norm: ord=2 over 2 axes is not supported"):
        ad.norm(np.eye(2), 2)
    with pytest.raises(ValueError, match=r"ord=3 over 1 axes"):
        ad.norm(np.ones(3), 3)


def test_squeeze_of_an_axis_longer_than_one_names_the_axis_and_shape():
    with pytest.raises(ValueError, match=r"squeeze: cannot apply axis=1 to shape \(1, 3\)"):
        ad.squeeze(np.zeros((1, 3)), 1)


def test_var_with_too_large_a_ddof_names_the_count():
    with pytest.raises(ValueError, match=r"var: ddof=1 needs more than 1 entries along "
                                         r"axis=0, but there are 1"):
        ad.var(np.zeros((1, 3)), axis=0, ddof=1)


def test_clip_without_bounds_is_a_value_error():
    with pytest.raises(ValueError, match=r"clip needs a_min or a_max"):
        ad.clip(np.zeros(2), None, None)


# --------------------------------------------------------------------------
# Every op: a bad argument names the op, the shapes and NumPy's reason
# --------------------------------------------------------------------------


def test_a_string_given_to_an_op_is_a_type_error_naming_the_op_and_the_value():
    with pytest.raises(TypeError, match=r"add: cannot apply to \(2,\) and str 'a'"):
        ad.add(np.zeros(2), "a")
    with pytest.raises(TypeError, match=r"mul: cannot apply to \(2,\) and str 'a'"):
        ad.grad(lambda x: ad.sum(x * "a"))(np.zeros(2))


def test_an_index_out_of_range_is_an_index_error_naming_the_index_and_shape():
    with pytest.raises(IndexError, match=r"getitem: index 7 for shape \(3,\) is out of range"):
        ad.grad(lambda x: x[7])(np.zeros(3))


def test_iterating_over_a_traced_tensor_stops_at_its_length():
    x = np.arange(6.0).reshape(3, 2)
    g = ad.grad(lambda x: sum(ad.sum(row * i) for i, row in enumerate(x)))(x)
    np.testing.assert_array_equal(g, [[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])


def test_a_reduction_over_a_missing_axis_names_the_axis_and_shape():
    with pytest.raises(ValueError, match=r"sum: cannot combine shapes \(3,\), axis=2"):
        ad.sum(np.zeros(3), axis=2)
    with pytest.raises(ValueError, match=r"axis 2 is out of range for an input of shape \(3,\)"):
        ad.var(np.zeros(3), axis=2)


def test_a_non_square_matrix_given_to_solve_names_the_op_and_shapes():
    with pytest.raises(np.linalg.LinAlgError, match=r"solve: .*square \(shapes \(2, 3\)"):
        ad.solve(np.zeros((2, 3)), np.zeros(2))


def test_errors_from_ops_do_not_chain_numpys_traceback():
    with pytest.raises(ValueError) as info:
        ad.add(np.zeros(3), np.zeros(4))
    assert info.value.__cause__ is None and info.value.__suppress_context__


# --------------------------------------------------------------------------
# hvp and check_grads: arguments that do not fit
# --------------------------------------------------------------------------


def test_hvp_with_v_of_the_wrong_shape_names_v_x_and_both_shapes():
    with pytest.raises(ValueError, match=r"hvp: v has shape \(3,\) but x has shape \(2,\)"):
        hvp(lambda x: ad.sum(x * x), np.ones(2), np.ones(3))


def test_hvp_with_v_of_another_structure_names_the_leaf():
    x = [np.ones(2), np.ones((2, 2))]
    with pytest.raises(ValueError, match=r"hvp: v \(leaf 1\) has shape \(2,\) but x \(leaf 1\) "
                                         r"has shape \(2, 2\)"):
        hvp(lambda p: ad.sum(p[0]) * ad.sum(p[1]), x, [np.ones(2), np.ones(2)])
    with pytest.raises(ValueError, match=r"hvp: v has 1 leaves but x has 2"):
        hvp(lambda p: ad.sum(p[0]) * ad.sum(p[1]), x, [np.ones(2)])


def test_check_grads_with_args_not_a_tuple_says_to_wrap_them():
    with pytest.raises(TypeError, match=r"check_grads needs args as a tuple of arguments, "
                                        r"e\.g\. \(x,\), got ndarray"):
        check_grads(ad.sin, np.zeros(3))


@pytest.mark.parametrize("kwargs, message", [
    ({"order": 0}, r"order must be an int >= 1, got 0"),
    ({"eps": 0.0}, r"eps must be a finite number > 0, got 0\.0"),
    ({"rtol": -1.0}, r"rtol must be a finite number >= 0"),
    ({"rng": 3}, r"rng must be a numpy\.random\.Generator, got int"),
])
def test_check_grads_bad_settings_are_named(kwargs, message):
    with pytest.raises((TypeError, ValueError), match=message):
        check_grads(ad.sin, (np.zeros(3),), **kwargs)


@pytest.mark.parametrize("call", [lambda m: ad.reshape(m, (4,)), lambda m: ad.getitem(m, 0),
                                  lambda m: ad.sum(m, axis=0), lambda m: ad.sin(m)])
def test_an_np_matrix_given_to_an_op_is_refused_by_name(call):
    # np.matrix stays 2-D: reshape to (4,) would give (1, 4) and m[0] a (1, 2) matrix.
    with pytest.warns(PendingDeprecationWarning):
        m = np.matrix([[1.0, 2.0], [3.0, 4.0]])
    with pytest.raises(TypeError, match=r"x is an np\.matrix of shape \(2, 2\).*np\.asarray"):
        call(m)
