"""Input checks, and the one guard of section 1.3.7 that every update passes through."""

import dataclasses
import re

import numpy as np
import pytest

from scratchmeta.meta.checks import (ExplodingMetaGradient, check_count, check_inner,
                                     check_rate, check_step, check_type, check_update,
                                     grad_norm)
from scratchmeta.meta.protocol import field_type
from scratchmeta.meta.registry import STRATEGIES, make_strategy


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


# --- the typed layer: every configuration field's declared type --------------------------

WRONG = {int: [True, 2.5, "3", None, [1]], float: [True, "fast", None, float("nan"),
                                                   float("inf")],
         bool: [1, 0, "yes", None], str: [3, True, None]}


@pytest.mark.parametrize("name", list(STRATEGIES))
def test_every_field_of_every_strategy_refuses_a_value_of_the_wrong_type(name):
    fields = dataclasses.fields(STRATEGIES[name].Config)
    assert all(field_type(f) in (int, float, bool, str) for f in fields), name
    for f in fields:
        for value in WRONG[field_type(f)]:
            if value is None and f.default is None:
                continue                                  # None means "the default rule"
            with pytest.raises((TypeError, ValueError), match=f"{f.name} must be .*got "
                                                              f"{re.escape(repr(value))}"):
                make_strategy(name, **{f.name: value})


@pytest.mark.parametrize("value, kind, message", [
    (True, int, "n must be an integer, got True \\(a bool\\)"),
    (np.int64(3), int, None), (3, float, None), (np.float32(0.5), float, None),
    ("fast", float, "n must be a finite number, got 'fast' \\(a string\\)"),
    (np.inf, float, "n must be a finite number, got inf"),
    (1, bool, "n must be true or false, got 1 \\(an integer\\)"), (np.bool_(True), bool, None),
    (None, str, "n must be a string, got None \\(null\\)"),
])
def test_check_type(value, kind, message):
    if message is None:
        check_type("n", value, kind)
    else:
        with pytest.raises((TypeError, ValueError), match=message):
            check_type("n", value, kind)


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
