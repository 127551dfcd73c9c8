"""Round 43 of issue 11 (fixes made with sight of the sixty-second and sixty-third
batteries), tested directly where only written-but-not-kept cases had found the fix."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.cli import main
from scratchmeta.meta.checks import check_loss_output
from scratchmeta.testing import two_sample_distance


def test_a_loss_that_writes_into_y_is_named_and_y_is_kept():
    def loss(pred, y):
        y *= 2.0
        return ad.mean((pred - y) ** 2, axis=(-2, -1))

    y = np.ones((2, 5, 1))
    with pytest.raises(ValueError, match=r"loss wrote into its input \(pred or y\)"):
        check_loss_output(loss, y)
    assert np.all(y == 1.0)


def test_an_option_given_two_values_names_the_option(capsys):
    with pytest.raises(SystemExit) as info:           # argparse's way out, code 2
        main(["train", "--meta-lr", "0.01", "0.02"])
    assert info.value.code == 2
    assert "--meta-lr takes one value, got '0.01' and then '0.02'" in capsys.readouterr().err


@pytest.mark.parametrize("call", [
    lambda: ad.vjp(lambda x: x * 2.0, np.nditer(np.ones(3))),
    lambda: two_sample_distance(np.ones(5), map(float, range(5))),
])
def test_an_iterator_where_values_are_meant_is_named(call):
    with pytest.raises(TypeError, match=r"got an iterator, .*np.array\(list\(it\)\)"):
        call()
