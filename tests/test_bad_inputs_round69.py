"""Round 69 of issue 11, tested on other values than the battery's: with sight of the
hundredth battery (measured blind first at c59e99f). with_test_time given a field the
strategy's config has not got names it and lists the config's fields, rather than calling
it a field of meta-training only. Fails at c59e99f, except the guard."""

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
