"""Input checks: a bad argument is named, with what was expected, before any work."""

import dataclasses
import re

import numpy as np
import pytest

from scratchmeta.meta.checks import check_count, check_inner, check_rate, check_type
from scratchmeta.meta.protocol import field_type
from scratchmeta.meta.registry import STRATEGIES, make_strategy


@pytest.mark.parametrize("call, message", [
    (lambda: check_count("n_steps", -1), "n_steps must be an integer >= 0, got -1"),
    (lambda: check_count("n_steps", True), "got True"),
    (lambda: check_count("n_steps", 2.0), "got 2.0"),
    (lambda: check_rate("meta_lr", 0.0), "meta_lr must be a positive finite number, got 0.0"),
    (lambda: check_rate("meta_lr", np.inf), "got inf"),
    (lambda: check_rate("meta_lr", "fast"), "got 'fast'"),
    (lambda: check_inner(-0.1, 1), "inner_lr must be a positive finite number, got -0.1"),
    (lambda: check_inner(0.0, 1), "inner_lr must be a positive finite number, got 0.0"),
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
    family = "clusters" if getattr(STRATEGIES[name], "classifier", False) else "sinusoid"
    assert all(field_type(f) in (int, float, bool, str) for f in fields), name
    for f in fields:
        for value in WRONG[field_type(f)]:
            if value is None and f.default is None:
                continue                                  # None means "the default rule"
            with pytest.raises((TypeError, ValueError), match=f"{f.name} must be .*got "
                                                              f"{re.escape(repr(value))}"):
                make_strategy(name, family, **{f.name: value})


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


def test_the_closed_form_heads_share_one_configuration_check():
    from scratchmeta.meta.checks import check_head_config
    from scratchmeta.meta.r2d2 import R2D2Config
    check_head_config(R2D2Config(), rates=("lam", "scale"))
    with pytest.raises(ValueError, match="scale must be a positive finite number, got 0.0"):
        check_head_config(R2D2Config(scale=0.0), rates=("lam", "scale"))
    with pytest.raises(ValueError, match="n_query must be an integer >= 1, got 0"):
        check_head_config(R2D2Config(n_query=0))
