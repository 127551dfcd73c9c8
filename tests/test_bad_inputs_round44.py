"""Round 44 of issue 11 (fixes made with sight of the sixty-fourth battery): thread counts in
ASCII digits only, and a family's wrapped method shown as the user's own function."""

import numpy as np
import pytest

from scratchmeta.meta.checks import check_loss_output
from scratchmeta.tasks import Sinusoid, mse
from scratchmeta.threads import check_thread_variables


@pytest.mark.parametrize("value", ["\u09e7", "\u0662", "\uff12"])   # Bengali, Arabic, wide
def test_a_thread_count_in_other_digits_is_refused(value):
    with pytest.raises(ValueError, match="OPENBLAS_NUM_THREADS must be a whole number"):
        check_thread_variables({"OPENBLAS_NUM_THREADS": value})


def test_a_family_loss_is_shown_as_the_users_function_not_the_wrapper():
    class Vectorised(Sinusoid):
        loss = staticmethod(np.vectorize(lambda p, y: (p - y) ** 2))

    with pytest.raises((TypeError, ValueError), match=r"vectorize"):
        check_loss_output(Vectorised.loss, np.ones((2, 5, 1)))
    check_loss_output(mse, np.ones((2, 5, 1)))
