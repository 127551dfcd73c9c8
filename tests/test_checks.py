"""Input checks, and the one guard of section 1.3.7 that every update passes through."""

import numpy as np
import pytest

from scratchmeta.meta.checks import (ExplodingMetaGradient, check_count, check_inner,
                                     check_rate, check_update, grad_norm)


def test_the_guard_returns_the_norm_of_a_whole_gradient_tree():
    grads = {"body": [np.array([3.0]), np.array([[0.0]])], "log_lam": np.array(4.0)}
    assert grad_norm(grads) == 5.0
    assert check_update(1.0, grads, step=0, advice="none") == 5.0


@pytest.mark.parametrize("loss, grads, what", [
    (np.nan, [np.ones(2)], "the meta-loss is nan at meta-step 3"),
    (1.0, [np.array([np.inf])], "the meta-gradient is not finite at meta-step 3"),
    (1.0, [np.array([3e6, 4e6])], "the meta-gradient has norm 5e\\+06 > 1e\\+06 at meta-step 3"),
])
def test_the_guard_stops_with_what_went_wrong_and_the_advice(loss, grads, what):
    with pytest.raises(ExplodingMetaGradient, match=f"{what}.*section 1.3.7.*try a smaller"):
        check_update(loss, grads, step=3, advice="try a smaller inner_lr")


@pytest.mark.parametrize("call, message", [
    (lambda: check_count("n_steps", -1), "n_steps must be an integer >= 0, got -1"),
    (lambda: check_count("n_steps", True), "got True"),
    (lambda: check_count("n_steps", 2.0), "got 2.0"),
    (lambda: check_rate("meta_lr", 0.0), "meta_lr must be a positive finite number, got 0.0"),
    (lambda: check_rate("meta_lr", np.inf), "got inf"),
    (lambda: check_rate("meta_lr", "fast"), "got 'fast'"),
    (lambda: check_inner(-0.1, 1), "inner_lr must be a non-negative"),
    (lambda: check_inner(0.1, -1), "inner_steps \\(K\\) must be an integer >= 0"),
])
def test_bad_values_are_named_with_what_was_expected(call, message):
    with pytest.raises(ValueError, match=message):
        call()
