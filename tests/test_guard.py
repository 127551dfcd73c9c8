"""The guard of section 1.3.7 that every update passes through."""

import numpy as np
import pytest

from scratchmeta.meta.guard import ExplodingMetaGradient, check_step, check_update, grad_norm


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


def test_the_step_guard_stops_a_wild_or_non_finite_update_and_names_the_part():
    old = {"body": [np.ones(3)], "heads": [np.zeros((2, 2))], "fixed": np.ones(2)}
    fine = {"body": [np.ones(3) * 1.1], "heads": [np.ones((2, 2))], "fixed": old["fixed"]}
    advice = {"body": "try a smaller meta_lr", "heads": "try a smaller head_meta_lr",
              "fixed": "-"}
    check_step(old, fine, 0.5, step=0, advice=advice)
    wild = dict(fine, heads=[np.full((2, 2), 1e9)])
    with pytest.raises(ExplodingMetaGradient, match=r"moved the heads by 2e\+09, more than "
                                                    r"1000 x \(1 \+ their norm 0\).*Try a "
                                                    r"smaller head_meta_lr"):
        check_step(old, wild, 0.5, step=3, advice=advice)
    with pytest.raises(ExplodingMetaGradient, match="made the body non-finite.*meta_lr"):
        check_step(old, dict(fine, body=[np.array([1.0, np.nan, 1.0])]), 0.5, step=3,
                   advice=advice)
    with pytest.raises(ExplodingMetaGradient, match="the meta-loss is inf at meta-step 3"):
        check_step(old, fine, np.inf, step=3, advice=advice)
