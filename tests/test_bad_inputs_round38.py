"""Round 38 of issue 11 (fixes made with sight of the fifty-fifth battery), tested directly
where only written-but-not-kept cases had found the fix, and on other functions."""

import math
from statistics import NormalDist

import numpy as np
import pytest
from scipy.optimize import OptimizeResult

import scratchmeta.autodiff as ad
from scratchmeta import messages
from scratchmeta.sampling.mixing import bin_masses


def test_grad_at_a_result_object_names_its_class():
    result = OptimizeResult(x=np.ones(3), success=True, fun=0.5)
    with pytest.raises(TypeError, match=r"grad: argument 0 \(a OptimizeResult\)"):
        ad.grad(lambda r: ad.sum(r["x"]))(result)


def test_a_scalar_only_function_is_named_with_the_remedy():
    with pytest.raises(TypeError, match=r"cdf \(NormalDist.cdf\) raised TypeError.*vectorised"):
        bin_masses(np.linspace(-2.0, 2.0, 5), NormalDist().cdf)


def test_tree_map_names_a_users_f_but_not_the_librarys_own():
    def user_f(x):
        return math.sqrt(x)

    with pytest.raises(TypeError, match=r"tree_map: f raised TypeError .*shapes \(3,\)"):
        ad.tree_map(user_f, [np.ones(3)])
    with pytest.raises(TypeError) as info:           # a library map's own check, unwrapped
        ad.grad(lambda x: ad.sum(x))([np.ones(2), "text"])
    assert not str(info.value).startswith("tree_map")


@pytest.mark.parametrize("value, shown", [((1, 2), "tuple (1, 2)"), ({"a": 1}, "dict {'a': 1}"),
                                          ([1, 2], "[1, 2]"), ({1}, "set {1}")])
def test_seen_names_tuples_and_dicts_whose_repr_reads_as_something_else(value, shown):
    assert messages.seen(value) == shown
