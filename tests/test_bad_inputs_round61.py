"""Round 61 of issue 11, tested on other values than the battery's: with sight of the
ninety-second battery (measured blind first at 049f738). A loss that does not read its
prediction (the targets compared with themselves, their own spread) is refused where a loss
is first probed, before any work. Each test fails at 09158da, except the guard named
``..._still_...``."""

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta.meta.checks import check_loss_output
from scratchmeta.meta.maml import meta_loss
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid, mse


def _batch_and_model():
    batch = Sinusoid().sample(np.random.default_rng(5), 3, 4, 4)
    model = MLP((1, 6, 1))
    return batch, model, model.init(np.random.default_rng(5))


@pytest.mark.parametrize("loss", [
    lambda pred, y: mse(y * 2.0, y),
    lambda pred, y: ad.mean(ad.abs(y - ad.mean(y, axis=-2, keepdims=True)), axis=(-2, -1)),
])
def test_a_loss_that_does_not_read_its_prediction_is_refused(loss):
    batch, model, params = _batch_and_model()
    with pytest.raises(ValueError, match="does not read its prediction"):
        meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1, loss=loss)


def test_a_softmax_loss_is_still_taken_though_a_constant_shift_leaves_it_unchanged():
    def my_cross_entropy(logits, y):
        return ad.mean(ad.logsumexp(logits, axis=-1) - ad.sum(logits * y, axis=-1), -1)
    y = np.eye(3)[np.arange(8) % 3].reshape(2, 4, 3)
    check_loss_output(my_cross_entropy, y)         # probed as every user loss is: no error
