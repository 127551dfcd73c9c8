"""Every primitive's derivatives agree with central differences.

Lecture 22, section 1.3.6 (eq. 22.4): the meta-gradient is a gradient of
gradients, so every VJP must itself be differentiable. Each op in
``scratchmeta.autodiff.__all__`` is checked with ``check_grads`` (vᵀJ against
central differences in random directions, float64, rtol = atol = 1e-6) to
order 2, and the smooth elementwise ops to order 3.

Inputs exercise broadcasting: size-1 axes, (2, 1, 3) against (4, 3), and
leading batch axes. Ops with kinks (relu, abs, maximum) are checked away from
them. Each case is a one-line function with fixed-seed inputs; its test id
says what it exercises.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.gradcheck import check_grads
from hypothesis_inputs import away_from_zero, normal, positive, well_conditioned

# --------------------------------------------------------------------------
# Arithmetic, operator forms and broadcasting
# --------------------------------------------------------------------------

ARITHMETIC = {
    "add (2,1,3)+(4,3)": (ad.add, [normal((2, 1, 3), 0), normal((4, 3), 1)]),
    "add ()+(2,3)": (ad.add, [normal((), 2), normal((2, 3), 3)]),
    "operator + with array constant": (lambda a: a + np.arange(3.0), [normal((2, 3), 4)]),
    "operator + reflected": (lambda a: np.arange(3.0) + a, [normal((2, 1), 5)]),
    "sub (2,1,3)-(4,3)": (ad.sub, [normal((2, 1, 3), 6), normal((4, 3), 7)]),
    "operator - both Tensors": (lambda a, b: a - b, [normal((3, 1), 8), normal((1, 4), 9)]),
    "operator - reflected": (lambda a: 2.0 - a, [normal((2, 3), 10)]),
    "mul (2,1,3)*(4,3)": (ad.mul, [normal((2, 1, 3), 11), normal((4, 3), 12)]),
    "operator * with a reused input": (lambda a: a * a * 3.0, [normal((2, 3), 13)]),
    "operator * reflected": (lambda a: 3.0 * a, [normal((4,), 14)]),
    "operator * reflected, NumPy scalar": (lambda a: np.float64(3.0) * a, [normal((4,), 14)]),
    "div (2,1,3)/(4,3)": (ad.div, [normal((2, 1, 3), 15), positive((4, 3), 16)]),
    "operator / both Tensors": (lambda a, b: a / b, [normal((3, 1), 17), positive((3,), 18)]),
    "operator / reflected": (lambda a: 1.0 / a, [positive((2, 3), 19)]),
    "neg": (ad.neg, [normal((2, 1, 3), 20)]),
    "operator unary minus": (lambda a: -a, [normal((2, 3), 21)]),
    "power Tensor base ** Tensor exponent, broadcast": (
        ad.power, [positive((2, 1, 3), 22), normal((4, 3), 23)]),
    "operator ** Tensor exponent": (lambda a, b: a ** b, [positive((3,), 24), normal((2, 1), 25)]),
    "operator ** 2 (the squaring shortcut)": (lambda a: a ** 2, [normal((2, 3), 26)]),
    "operator ** 3 on negative and positive bases": (lambda a: a ** 3, [normal((2, 3), 27)]),
    "operator ** 0.5 on a positive base": (lambda a: a ** 0.5, [positive((2, 3), 28)]),
    "operator ** reflected: 2 ** x": (lambda a: 2.0 ** a, [normal((2, 3), 29)]),
}

# --------------------------------------------------------------------------
# Elementwise functions
# --------------------------------------------------------------------------

SMOOTH_ELEMENTWISE = {
    "exp": (ad.exp, [normal((2, 1, 3), 30)]),
    "log": (ad.log, [positive((2, 1, 3), 31)]),
    "sqrt": (ad.sqrt, [positive((2, 1, 3), 32)]),
    "tanh": (ad.tanh, [normal((2, 1, 3), 33)]),
    "sin": (ad.sin, [normal((2, 1, 3), 34)]),
    "cos": (ad.cos, [normal((2, 1, 3), 35)]),
    "sigmoid": (ad.sigmoid, [normal((2, 1, 3), 36)]),
    "neg": (ad.neg, [normal((2, 1, 3), 37)]),
    "mul (2,1,3)*(4,3)": (ad.mul, [normal((2, 1, 3), 38), normal((4, 3), 39)]),
    "div (2,1,3)/(4,3)": (ad.div, [normal((2, 1, 3), 40), positive((4, 3), 41)]),
    "power positive base ** Tensor exponent": (
        ad.power, [positive((2, 1, 3), 42), normal((4, 3), 43)]),
    "power x ** 3": (lambda a: ad.power(a, 3.0), [normal((2, 3), 44)]),
    "tan": (ad.tan, [normal((2, 1, 3), 45)]),
    "sinh": (ad.sinh, [normal((2, 1, 3), 46)]),
    "cosh": (ad.cosh, [normal((2, 1, 3), 47)]),
    "log1p": (ad.log1p, [positive((2, 1, 3), 48)]),
    "expm1": (ad.expm1, [normal((2, 1, 3), 49)]),
}

KINKED = {
    "relu away from 0": (ad.relu, [away_from_zero((2, 1, 3), 45)]),
    "abs away from 0": (ad.abs, [away_from_zero((2, 1, 3), 46)]),
    # maximum(a, b) with a - b = +-(0.2..1.2): no ties, both sides win somewhere.
    "maximum (2,1,3) vs (4,3)": (
        lambda c, d: ad.maximum(c + d, d), [away_from_zero((2, 1, 3), 47), normal((4, 3), 48)]),
    "maximum with a constant": (lambda a: ad.maximum(a, 0.0), [away_from_zero((2, 3), 49)]),
    "minimum (2,1,3) vs (4,3)": (
        lambda c, d: ad.minimum(c + d, d), [away_from_zero((2, 1, 3), 55), normal((4, 3), 56)]),
    "where mask (2,4,1) over (4,3) and (2,1,3)": (
        lambda a, b: ad.where(normal((2, 4, 1), 50) > 0, a, b),
        [normal((4, 3), 51), normal((2, 1, 3), 52)]),
    "clip with both bounds": (lambda a: ad.clip(a, -0.5, 0.7), [away_from_zero((3, 4), 57)]),
    "clip with a Tensor lower bound and no upper bound": (
        lambda a, lo: ad.clip(a, lo, None), [normal((3, 4), 58), normal((4,), 59)]),
    "where with a constant branch": (
        lambda a: ad.where(normal((2, 3), 53) > 0, a, 0.0), [normal((2, 3), 54)]),
}

# --------------------------------------------------------------------------
# Reductions: axis None, int, negative, tuple; keepdims
# --------------------------------------------------------------------------

REDUCTIONS = {}
for _name, _op in [("sum", ad.sum), ("mean", ad.mean), ("logsumexp", ad.logsumexp)]:
    for _axis in [None, 0, 1, -1, (0, 2), (-3, -1)]:
        for _keepdims in [False, True]:
            REDUCTIONS[f"{_name} axis={_axis} keepdims={_keepdims}"] = (
                lambda x, op=_op, axis=_axis, keepdims=_keepdims:
                    op(x, axis=axis, keepdims=keepdims),
                [normal((2, 3, 4), 60)])
for _name, _op in [("max", ad.max), ("min", ad.min), ("prod", ad.prod), ("var", ad.var),
                   ("std", ad.std), ("norm", ad.norm)]:
    for _axis in [None, 1, (0, -1)]:
        for _keepdims in [False, True]:
            REDUCTIONS[f"{_name} axis={_axis} keepdims={_keepdims}"] = (
                lambda x, op=_op, axis=_axis, keepdims=_keepdims:
                    op(x, axis=axis, keepdims=keepdims),
                [normal((2, 3, 4), 65)])
REDUCTIONS["var with ddof=1"] = (lambda x: ad.var(x, axis=0, ddof=1), [normal((3, 4), 66)])
REDUCTIONS["std with ddof=1"] = (lambda x: ad.std(x, axis=-1, ddof=1), [normal((3, 4), 67)])
REDUCTIONS["norm ord=1 over an axis"] = (lambda x: ad.norm(x, 1, axis=1),
                                         [away_from_zero((3, 4), 68)])
REDUCTIONS["norm ord=inf of a vector"] = (lambda x: ad.norm(x, np.inf), [normal((5,), 69)])
REDUCTIONS["norm ord=2 of a vector"] = (lambda x: ad.norm(x, 2), [normal((5,), 59)])
REDUCTIONS["prod with one zero in a row"] = (
    lambda x: ad.prod(x * np.array([[1.0, 0.0, 1.0], [1.0, 1.0, 1.0]]), axis=1),
    [normal((2, 3), 58)])
REDUCTIONS["Tensor.sum method"] = (lambda x: x.sum(axis=-1), [normal((2, 3), 61)])
REDUCTIONS["Tensor.mean method"] = (lambda x: x.mean(axis=0, keepdims=True), [normal((2, 3), 62)])
REDUCTIONS["logsumexp of a broadcast product"] = (
    lambda a, b: ad.logsumexp(a * b, axis=-2), [normal((2, 1, 3), 63), normal((4, 3), 64)])

# --------------------------------------------------------------------------
# Shapes: reshape, transpose, broadcast_to, sum_to, concatenate, stack, indexing
# --------------------------------------------------------------------------

SHAPES = {
    "reshape (2,3,4) -> (6,-1)": (lambda x: ad.reshape(x, (6, -1)), [normal((2, 3, 4), 70)]),
    "Tensor.reshape(4, 6)": (lambda x: x.reshape(4, 6), [normal((2, 3, 4), 71)]),
    "transpose reversing axes": (ad.transpose, [normal((2, 3, 4), 72)]),
    "transpose axes (1,0,2)": (lambda x: ad.transpose(x, (1, 0, 2)), [normal((2, 3, 4), 73)]),
    "transpose negative axes (0,-1,-2)": (
        lambda x: ad.transpose(x, (0, -1, -2)), [normal((2, 3, 4), 74)]),
    "Tensor.T": (lambda x: x.T, [normal((2, 3), 75)]),
    "broadcast_to (3,1) -> (2,3,4)": (
        lambda x: ad.broadcast_to(x, (2, 3, 4)), [normal((3, 1), 76)]),
    "broadcast_to () -> (2,2)": (lambda x: ad.broadcast_to(x, (2, 2)), [normal((), 77)]),
    "sum_to (2,3,4) -> (3,1)": (lambda x: ad.sum_to(x, (3, 1)), [normal((2, 3, 4), 78)]),
    "sum_to (2,3,4) -> (2,1,4)": (lambda x: ad.sum_to(x, (2, 1, 4)), [normal((2, 3, 4), 79)]),
    "sum_to (2,3) -> ()": (lambda x: ad.sum_to(x, ()), [normal((2, 3), 80)]),
    "concatenate three inputs, axis 0": (
        lambda a, b, c: ad.concatenate([a, b, c], axis=0),
        [normal((1, 3), 81), normal((2, 3), 82), normal((3, 3), 83)]),
    "concatenate three inputs, axis -1": (
        lambda a, b, c: ad.concatenate([a, b, c], axis=-1),
        [normal((2, 2, 1), 84), normal((2, 2, 3), 85), normal((2, 2, 2), 86)]),
    "concatenate with a constant and an input used twice": (
        lambda a: ad.concatenate([a, np.ones((2, 1)), a * 2.0], axis=1), [normal((2, 3), 87)]),
    "stack three inputs, axis 0": (
        lambda a, b, c: ad.stack([a, b, c], axis=0),
        [normal((2, 3), 88), normal((2, 3), 89), normal((2, 3), 90)]),
    "stack three inputs, axis -1": (
        lambda a, b, c: ad.stack([a, b, c], axis=-1),
        [normal((2, 3), 91), normal((2, 3), 92), normal((2, 3), 93)]),
    "stack three inputs, axis -2": (
        lambda a, b, c: ad.stack([a, b, c], axis=-2),
        [normal((2, 3), 94), normal((2, 3), 95), normal((2, 3), 96)]),
    "squeeze all size-1 axes (1,3,1,2)": (ad.squeeze, [normal((1, 3, 1, 2), 97)]),
    "squeeze axis -2": (lambda x: ad.squeeze(x, -2), [normal((1, 3, 1, 2), 98)]),
    "expand_dims axes (0, 3)": (lambda x: ad.expand_dims(x, (0, 3)), [normal((2, 3), 99)]),
    "getitem basic slices x[1:, ::-1]": (lambda x: x[1:, ::-1], [normal((3, 4), 100)]),
    "getitem integer and Ellipsis x[..., 0]": (lambda x: x[..., 0], [normal((2, 3, 4), 101)]),
    "getitem None and negative int x[None, -1]": (lambda x: x[None, -1], [normal((3, 4), 102)]),
    "getitem integer array with repeats x[[0, 0, 2, 0]]": (
        lambda x: x[np.array([0, 0, 2, 0])], [normal((3, 4), 103)]),
    "getitem 2-D integer array with repeats": (
        lambda x: x[np.array([[1, 1], [0, 1]])], [normal((3,), 104)]),
    "getitem tuple of integer arrays with a repeated pair": (
        lambda x: x[np.array([0, 2, 0]), np.array([1, 3, 1])], [normal((3, 4), 105)]),
    "getitem slice then integer list with repeats x[:, [2, 2, 0]]": (
        lambda x: x[:, [2, 2, 0]], [normal((3, 4), 106)]),
    "getitem boolean mask of the whole array": (
        lambda x: x[normal((3, 4), 107) > 0], [normal((3, 4), 108)]),
    "getitem boolean mask on the first axis": (
        lambda x: x[np.array([True, False, True])], [normal((3, 4), 109)]),
    "ad.getitem function form": (lambda x: ad.getitem(x, (slice(None), 1)), [normal((3, 4), 110)]),
}

# --------------------------------------------------------------------------
# Linear algebra: matmul and solve, with batch axes and 1-D operands
# --------------------------------------------------------------------------

LINEAR_ALGEBRA = {
    "matmul (2,3) @ (3,4)": (ad.matmul, [normal((2, 3), 120), normal((3, 4), 121)]),
    "matmul batch (5,2,3) @ (5,3,4)": (ad.matmul, [normal((5, 2, 3), 122), normal((5, 3, 4), 123)]),
    "matmul broadcast batches (5,1,2,3) @ (4,3,2)": (
        ad.matmul, [normal((5, 1, 2, 3), 124), normal((4, 3, 2), 125)]),
    "matmul 3-D batch @ shared 2-D (5,2,3) @ (3,4)": (
        ad.matmul, [normal((5, 2, 3), 126), normal((3, 4), 127)]),
    "matmul 4-D batch @ shared 2-D (2,5,2,3) @ (3,4)": (
        ad.matmul, [normal((2, 5, 2, 3), 128), normal((3, 4), 129)]),
    "matmul shared 2-D @ 3-D batch (2,3) @ (5,3,4)": (
        ad.matmul, [normal((2, 3), 130), normal((5, 3, 4), 131)]),
    "matmul inner dimension 1 (4,1) @ (1,3)": (
        ad.matmul, [normal((4, 1), 132), normal((1, 3), 133)]),
    "matmul inner dimension 1, batched (5,4,1) @ (1,3)": (
        ad.matmul, [normal((5, 4, 1), 134), normal((1, 3), 135)]),
    "matmul 1-D @ 1-D (3,) @ (3,)": (ad.matmul, [normal((3,), 136), normal((3,), 137)]),
    "matmul 1-D @ 2-D (3,) @ (3,4)": (ad.matmul, [normal((3,), 138), normal((3, 4), 139)]),
    "matmul 2-D @ 1-D (2,3) @ (3,)": (ad.matmul, [normal((2, 3), 140), normal((3,), 141)]),
    "matmul batch @ 1-D (5,2,3) @ (3,)": (ad.matmul, [normal((5, 2, 3), 142), normal((3,), 143)]),
    "matmul 1-D @ batch (3,) @ (5,3,4)": (ad.matmul, [normal((3,), 144), normal((5, 3, 4), 145)]),
    "operator @": (lambda a, b: a @ b, [normal((2, 3), 146), normal((3, 4), 147)]),
    "operator @ reflected, array @ Tensor": (
        lambda b: normal((2, 3), 148) @ b, [normal((5, 3, 4), 149)]),
    "einsum 'ij,jk->ik'": (lambda a, b: ad.einsum("ij,jk->ik", a, b),
                           [normal((2, 3), 162), normal((3, 4), 163)]),
    "einsum implicit output 'ij,jk'": (lambda a, b: ad.einsum("ij,jk", a, b),
                                       [normal((2, 3), 164), normal((3, 4), 165)]),
    "einsum three operands 'bi,ij,bj->b'": (
        lambda a, w, c: ad.einsum("bi,ij,bj->b", a, w, c),
        [normal((5, 3), 166), normal((3, 4), 167), normal((5, 4), 168)]),
    "einsum index summed away 'ijk->i'": (lambda x: ad.einsum("ijk->i", x),
                                          [normal((2, 3, 4), 169)]),
    "einsum outer product 'i,j->ij'": (lambda a, b: ad.einsum("i,j->ij", a, b),
                                       [normal((3,), 170), normal((4,), 171)]),
    "einsum ellipsis with broadcast batches '...ij,...jk->...ik'": (
        lambda a, b: ad.einsum("...ij,...jk->...ik", a, b),
        [normal((5, 1, 2, 3), 172), normal((4, 3, 2), 173)]),
    "einsum transpose 'ij->ji'": (lambda x: ad.einsum("ij->ji", x), [normal((2, 3), 174)]),
    "solve (3,3) with b (3,)": (ad.solve, [well_conditioned((3, 3), 150), normal((3,), 151)]),
    "solve (3,3) with b (3,2)": (ad.solve, [well_conditioned((3, 3), 152), normal((3, 2), 153)]),
    "solve batched (4,3,3) with b (4,3,2)": (
        ad.solve, [well_conditioned((4, 3, 3), 154), normal((4, 3, 2), 155)]),
    "solve batched (4,3,3) with shared b (3,2)": (
        ad.solve, [well_conditioned((4, 3, 3), 156), normal((3, 2), 157)]),
    "solve shared (3,3) with batched b (4,3,2)": (
        ad.solve, [well_conditioned((3, 3), 158), normal((4, 3, 2), 159)]),
    "solve batched (4,3,3) with b (3,)": (
        ad.solve, [well_conditioned((4, 3, 3), 160), normal((3,), 161)]),
}

ORDER_2 = {**ARITHMETIC, **SMOOTH_ELEMENTWISE, **KINKED, **REDUCTIONS, **SHAPES, **LINEAR_ALGEBRA}


def _cases(table):
    return [pytest.param(f, args, id=name) for name, (f, args) in table.items()]


@pytest.mark.parametrize("f, args", _cases(ORDER_2))
def test_op_derivatives_match_finite_differences_to_order_2(f, args):
    check_grads(f, args, order=2)


SMOOTH_ORDER_3 = {
    **SMOOTH_ELEMENTWISE,
    "prod axis=1": (lambda x: ad.prod(x, axis=1), [normal((2, 3, 4), 175)]),
    "var axis=(0, 2)": (lambda x: ad.var(x, axis=(0, 2)), [normal((2, 3, 4), 176)]),
    "std axis=-1 ddof=1": (lambda x: ad.std(x, axis=-1, ddof=1), [normal((3, 4), 177)]),
    "norm axis=0": (lambda x: ad.norm(x, axis=0), [normal((3, 4), 178)]),
    "einsum 'bi,ij,bj->b'": (lambda a, w, c: ad.einsum("bi,ij,bj->b", a, w, c),
                             [normal((5, 3), 179), normal((3, 4), 180), normal((5, 4), 181)]),
}


@pytest.mark.parametrize("f, args", _cases(SMOOTH_ORDER_3))
def test_smooth_derivatives_match_finite_differences_to_order_3(f, args):
    check_grads(f, args, order=3)


@pytest.mark.parametrize("f, args", [case for case in _cases(LINEAR_ALGEBRA)
                                     if case.values[0] is ad.matmul])
def test_matmul_derivatives_match_finite_differences_to_order_3(f, args):
    # Order 2 runs the VJPs of the products A B^T and A^T B that matmul's VJPs
    # record; order 3 runs the VJPs of what those record in turn.
    check_grads(f, args, order=3)


# --------------------------------------------------------------------------
# Forward values: each op computes what NumPy computes, with NumPy's shapes
# --------------------------------------------------------------------------

@pytest.mark.parametrize("f, args", _cases(ORDER_2))
def test_traced_forward_value_equals_plain_numpy_value(f, args):
    # Plain arrays in: the engine runs NumPy and records nothing. Under a
    # trace, the output node's value must be exactly that array, same shape.
    expected = f(*args)
    out, _ = ad.trace(f, *args)
    np.testing.assert_array_equal(ad.stop_gradient(out), expected)
    assert np.shape(ad.stop_gradient(out)) == np.shape(expected)


NUMPY_REFERENCE = {ad.matmul: np.matmul, ad.solve: np.linalg.solve}

# Each new op against the NumPy function of the same meaning: same value, same shape.
AGAINST_NUMPY = [
    (ad.max, np.max, {"axis": 1}), (ad.min, np.min, {"axis": (0, 2), "keepdims": True}),
    (ad.prod, np.prod, {"axis": -1}), (ad.var, np.var, {"axis": 0, "ddof": 1}),
    (ad.std, np.std, {"axis": None}), (ad.tan, np.tan, {}), (ad.sinh, np.sinh, {}),
    (ad.cosh, np.cosh, {}), (ad.expm1, np.expm1, {}), (ad.squeeze, np.squeeze, {}),
    (ad.expand_dims, np.expand_dims, {"axis": (0, -1)}),
    (ad.clip, np.clip, {"a_min": -0.3, "a_max": 0.4}),
    (ad.norm, np.linalg.norm, {}), (ad.norm, np.linalg.norm, {"axis": 1, "keepdims": True}),
    (ad.norm, np.linalg.norm, {"ord": 1, "axis": 2}),
    (ad.norm, np.linalg.norm, {"ord": np.inf, "axis": 0}),
]


@pytest.mark.parametrize("op, reference, kwargs", AGAINST_NUMPY,
                         ids=[f"{r.__name__} {k}" for _, r, k in AGAINST_NUMPY])
def test_new_ops_compute_what_numpy_computes(op, reference, kwargs):
    x = normal((2, 1, 3), 7) if reference is np.squeeze else normal((2, 3, 4), 7)
    expected = reference(x, **kwargs)
    got = op(x, **kwargs)
    assert np.shape(got) == np.shape(expected)
    np.testing.assert_allclose(got, expected, rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(ad.log1p(np.abs(x)), np.log1p(np.abs(x)), rtol=1e-15)


@pytest.mark.parametrize("subscripts, shapes", [
    ("ij,jk->ik", [(2, 3), (3, 4)]), ("ij,jk", [(2, 3), (3, 4)]), ("ijk->i", [(2, 3, 4)]),
    ("...ij,...jk->...ik", [(5, 1, 2, 3), (4, 3, 2)]), ("i,i->", [(3,), (3,)]),
    ("ba", [(2, 3)]), ("bi,ij,bj->b", [(5, 3), (3, 4), (5, 4)])])
def test_einsum_values_equal_numpys(subscripts, shapes):
    xs = [normal(s, i) for i, s in enumerate(shapes)]
    expected = np.einsum(subscripts, *xs)
    got = ad.einsum(subscripts, *xs)
    assert np.shape(got) == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-13, atol=1e-14)


@pytest.mark.parametrize("f, args", [
    case for case in _cases(LINEAR_ALGEBRA) if case.values[0] in NUMPY_REFERENCE])
def test_matmul_and_solve_values_and_shapes_equal_numpys(f, args):
    expected = NUMPY_REFERENCE[f](*args)
    got = f(*args)
    assert np.shape(got) == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


def test_sigmoid_is_accurate_to_1e_12_relative_in_both_tails():
    # 1/(1 + e^-x) itself is accurate (and does not overflow) on [-40, 40]:
    # at x = -40 it is 4.25e-18, which log(sigmoid(x)) needs to stay finite.
    x = np.linspace(-40.0, 40.0, 81)
    np.testing.assert_allclose(ad.sigmoid(x), 1.0 / (1.0 + np.exp(-x)), rtol=1e-12, atol=0)


DERIVATIVE_FUNCTIONS = {"grad", "value_and_grad", "vjp", "jvp", "jacobian", "hessian", "trace"}
# Not ops; matrix_transpose is transpose.
HELPERS = {"Tensor", "Primitive", "stop_gradient", "shape", "tree_flatten", "tree_map",
           "matrix_transpose"}


def test_every_public_op_is_covered_by_a_derivative_check():
    ops = set(ad.__all__) - DERIVATIVE_FUNCTIONS - HELPERS
    covered = set()
    for f, args in ORDER_2.values():
        _, tape = ad.trace(f, *args)
        covered |= {node.op for node in tape}
    # Written with other ops: mean (sum, div), var and std (sum, mul, div,
    # sqrt), clip (where), squeeze and expand_dims (reshape). where,
    # concatenate, stack, matmul, solve, einsum and norm are wrappers around
    # primitives of the same name.
    assert ops - covered == {"mean", "var", "std", "clip", "squeeze", "expand_dims"}
    assert {"sum", "div"} <= covered


# --------------------------------------------------------------------------
# Gradients of reference values that the finite-difference check cannot see
# --------------------------------------------------------------------------

def test_repeated_integer_indices_accumulate_their_gradients():
    # x[[0, 0, 2, 0]] reads x[0] three times: d/dx sum(x[idx] * w) = scatter-add of w.
    w = np.array([1.0, 10.0, 100.0, 1000.0])
    g = ad.grad(lambda x: ad.sum(x[np.array([0, 0, 2, 0])] * w))(normal((3,), 0))
    np.testing.assert_array_equal(g, [1011.0, 0.0, 100.0])


def test_boolean_mask_gradient_is_zero_where_the_mask_is_false():
    mask = np.array([True, False, True, True])
    g = ad.grad(lambda x: ad.sum(x[mask] * np.array([1.0, 2.0, 3.0])))(normal((4,), 0))
    np.testing.assert_array_equal(g, [1.0, 0.0, 2.0, 3.0])


def test_broadcast_operand_gradient_is_summed_over_the_broadcast_axes():
    # a (2,1,3) + b (4,3) -> (2,4,3): d sum / da counts 4 copies, d sum / db counts 2.
    ga, gb = ad.grad(lambda a, b: ad.sum(a + b), argnums=(0, 1))(np.zeros((2, 1, 3)),
                                                                np.zeros((4, 3)))
    np.testing.assert_array_equal(ga, np.full((2, 1, 3), 4.0))
    np.testing.assert_array_equal(gb, np.full((4, 3), 2.0))


def test_mean_gradient_is_one_over_the_count_of_reduced_entries():
    g = ad.grad(lambda x: ad.sum(ad.mean(x, axis=(0, -1))))(np.zeros((2, 3, 4)))
    np.testing.assert_array_equal(g, np.full((2, 3, 4), 1.0 / 8.0))


def test_logsumexp_gradient_is_softmax():
    x = np.array([[0.0, np.log(3.0)], [1.0, 1.0]])
    g = ad.grad(lambda x: ad.sum(ad.logsumexp(x, axis=-1)))(x)
    np.testing.assert_allclose(g, [[0.25, 0.75], [0.5, 0.5]], rtol=1e-15, atol=1e-15)


def test_transpose_with_negative_axes_returns_a_gradient_of_the_input_shape():
    x = normal((2, 3, 4), 0)
    w = normal((2, 4, 3), 1)
    g = ad.grad(lambda x: ad.sum(ad.transpose(x, (0, -1, -2)) * w))(x)
    np.testing.assert_array_equal(g, np.transpose(w, (0, 2, 1)))
