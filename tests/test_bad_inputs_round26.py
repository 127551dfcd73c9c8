"""Round 26 of issue 11 (fixes made with sight of the fortieth battery), tested directly for
the case that was written but not kept."""

from collections import UserList

import numpy as np
import pytest

from scratchmeta.tasks import cross_entropy


def test_targets_given_as_a_user_list_are_refused_by_type():
    with pytest.raises(TypeError, match=r"cross_entropy: y_onehot must be an array .*got "
                                        r"UserList"):
        cross_entropy(np.zeros((2, 3)), UserList([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]))


def test_targets_given_as_nested_lists_still_work():
    loss = cross_entropy(np.zeros((1, 2, 3)), [[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
    np.testing.assert_allclose(loss, [np.log(3.0)])
