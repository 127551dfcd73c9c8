"""ndarray subclasses as inputs (issue 11, round 21): an np.matrix stays 2-D where an array's
axes are reduced or indexed away, so every chapter refuses it by name; a record array is
named as one in the messages that refuse it. Callables that are classes or SciPy
distribution objects are named too."""

import warnings

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import testing
from scratchmeta.sampling import DiscreteInverseCDF
from scratchmeta.sampling.quadrature import integrate
from scratchmeta.tasks import accuracy


def _matrix(rows):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        return np.matrix(rows)


RECORDS = np.rec.array([(0.5,), (0.5,)], dtype=[("v", float)])


@pytest.mark.parametrize("call, message", [
    (lambda: DiscreteInverseCDF(_matrix([[0.5, 0.5]])), r"p is an np\.matrix of shape \(1, 2\)"),
    (lambda: testing.ks_distance(_matrix([[0.1, 0.2]]), lambda x: x),
     r"samples is an np\.matrix"),
    (lambda: accuracy(_matrix([[0.1, 0.9], [0.8, 0.2]]), np.eye(2)[None]),
     r"logits is an np\.matrix"),
    (lambda: ad.grad(lambda x: _matrix([[1.0]]) + 0 * ad.sum(x))(np.ones(2)),
     r"fun \(.*<lambda>\) returned an np\.matrix of shape \(1, 1\)"),
    (lambda: integrate(lambda x: _matrix(x), 0.0, 1.0),
     r"f \(.*\) must return .* it returned an np\.matrix"),
])
def test_an_np_matrix_is_refused_by_name_in_every_chapter(call, message):
    with pytest.raises(TypeError, match=message):
        call()


@pytest.mark.parametrize("call", [
    lambda: ad.exp(RECORDS),
    lambda: DiscreteInverseCDF(RECORDS),
    lambda: testing.chi_square_pvalue([3, 4], RECORDS),
])
def test_a_record_array_is_named_as_one(call):
    with pytest.raises(TypeError, match=r"numpy\.recarray"):
        call()


@pytest.mark.parametrize("f, message", [(float, r"the class float itself"),
                                        (stats.norm, r"a distribution object \(norm_gen\)")])
def test_a_class_or_a_distribution_object_given_as_a_function_is_named(f, message):
    with pytest.raises(TypeError, match=message):
        integrate(f, 0.0, 1.0)
    with pytest.raises(TypeError, match=message.replace("function", "")):
        testing.ks_distance(np.linspace(-1, 1, 50), f)
