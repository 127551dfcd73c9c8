"""Round 35 of issue 11 (fixes made with sight of the fifty-third battery): an exception
object returned instead of raised, and StopIteration from tree_map's f, on other functions
than the battery's cases."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.sampling import grid_inverse_cdf
from scratchmeta.sampling.quadrature import integrate_many_unchecked


def _returns_an_error(x):
    return ValueError("x out of range")


def test_a_density_returning_an_exception_object_is_told_to_raise_it():
    with pytest.raises(TypeError, match=r"pdf \(_returns_an_error\) must return .*exception "
                                        r"object, ValueError"):
        grid_inverse_cdf(_returns_an_error, -1.0, 1.0)
    with pytest.raises(TypeError, match=r"f must return .*exception object.*raise it"):
        integrate_many_unchecked(_returns_an_error, [(0.0, 1.0, 4)])


def test_stop_iteration_from_tree_maps_f_is_a_value_error_naming_f():
    def f(x):
        raise StopIteration

    with pytest.raises(ValueError, match=r"tree_map: f raised StopIteration"):
        [ad.tree_map(f, [np.ones(2)]) for _ in range(2)]
