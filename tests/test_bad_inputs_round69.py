"""Round 69 of issue 11, tested on other values than the battery's: with sight of the
hundredth battery (measured blind first at c59e99f). with_test_time given a field the
strategy's config has not got names it and lists the config's fields, rather than calling
it a field of meta-training only. Fails at c59e99f, except the guard. Also: the engine's copy
of messages.names_itself (autodiff.checks.named_errors) behaves as the original does."""

import pytest

from scratchmeta.meta.evaluate import with_test_time
from scratchmeta.meta.registry import make_strategy


def test_a_field_the_config_has_not_got_is_named_with_the_fields_it_has():
    with pytest.raises(TypeError, match=r"^with_test_time: n_steps=12 is no field of "
                                        r"MAMLConfig \(its fields: first_order, inner_lr"):
        with_test_time(make_strategy("maml", meta_batch=2), n_steps=12)


def test_reptiles_n_steps_is_still_refused_as_meta_training_only():
    with pytest.raises(ValueError, match=r"n_steps=12 acts in meta-training only"):
        with_test_time(make_strategy("reptile", meta_batch=2), n_steps=12)


def test_the_engines_named_errors_agrees_with_names_itself():
    """The engine keeps its own copy (it imports nothing from the package): both prefix a
    ValueError or TypeError once, at the outermost call, and keep its type."""
    from scratchmeta.autodiff.checks import named_errors
    from scratchmeta.messages import names_itself

    def inner(kind):
        raise kind("x must be positive")
    for wrap in (names_itself, lambda fn: named_errors(fn, fn.__name__)):
        inner_named = wrap(inner)

        def outer(kind):
            return inner_named(kind)
        outer.__name__ = "outer"
        outer_named = wrap(outer)
        for kind in (ValueError, TypeError):
            with pytest.raises(kind) as info:
                outer_named(kind)
            assert str(info.value) == "outer: x must be positive" and type(info.value) is kind
        with pytest.raises(KeyError, match="^'x'$"):       # other errors pass untouched
            wrap(lambda: {}["x"])()
