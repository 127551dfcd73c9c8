"""Round 42 of issue 11 (fixes made with sight of the sixtieth and sixty-first batteries),
tested directly where only written-but-not-kept cases had found the fix."""

import operator

import numpy as np
import pytest

from scratchmeta import testing
from scratchmeta.datasets.omniglot import load
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.training import train
from scratchmeta.sampling.quadrature import integrate


def test_a_generator_function_as_progress_is_refused_before_training():
    def progress(*args):
        yield args

    with pytest.raises(TypeError, match=r"progress must be a plain function, got the generator"):
        train(make_strategy("maml", meta_batch=2), 2, 0, progress=progress)


def test_a_cache_dir_with_a_part_too_long_for_a_file_name_is_named(tmp_path):
    with pytest.raises(ValueError, match=r"cache_dir must be a folder path whose every part .* "
                                         r"300 bytes"):
        load(tmp_path, cache_dir=tmp_path / ("a" * 300), progress=False)


@pytest.mark.parametrize("call", [
    lambda: integrate(operator.itemgetter(0), 0.0, 1.0),
    lambda: testing.assert_monotone(operator.itemgetter(0), np.linspace(0.1, 0.9, 5)),
])
def test_an_itemgetter_where_a_function_of_the_points_is_meant_is_named(call):
    with pytest.raises(TypeError, match=r"must be a function computing one value per point, "
                                        r"got operator.itemgetter\(0\)"):
        call()


def test_a_plain_function_is_still_taken():
    assert integrate(np.cos, 0.0, 1.0) == pytest.approx(np.sin(1.0))
