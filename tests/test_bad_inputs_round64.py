"""Round 64 of issue 11, tested on other values than the battery's: with sight of the
ninety-second battery (measured blind first at 049f738). A batch of several tasks that is one
task repeated (np.repeat, np.broadcast_to, a list of one task) is refused wherever a batch is
checked, before any work. Each test fails at e2d0b4e, except the guards named
``..._still_...``."""

import numpy as np
import pytest

from scratchmeta.meta.maml import meta_loss
from scratchmeta.meta.registry import make_strategy
from scratchmeta.nn import MLP
from scratchmeta.tasks import LinearRegression, TaskBatch


def _one_task_repeated(make):
    batch = LinearRegression().sample(np.random.default_rng(3), 1, 6, 4)
    return TaskBatch(*(make(part) for part in batch))


@pytest.mark.parametrize("make", [lambda a: np.repeat(a, 4, axis=0),
                                  lambda a: np.broadcast_to(a, (5,) + a.shape[1:]),
                                  lambda a: np.concatenate([a, a])])
def test_a_batch_of_one_task_repeated_is_refused(make):
    model = MLP((1, 1))
    with pytest.raises(ValueError, match=r"batch holds one task repeated: its \d tasks have "
                                         r"the same support set"):
        meta_loss(model.init(np.random.default_rng(0)), _one_task_repeated(make), model,
                  inner_lr=0.1, inner_steps=1)


def test_a_strategy_update_refuses_it_before_its_step():
    strategy = make_strategy("maml", "linear", meta_batch=3)
    state = strategy.init_state(np.random.default_rng(0))
    with pytest.raises(ValueError, match="one task repeated"):
        strategy.update(state, _one_task_repeated(lambda a: np.repeat(a, 3, axis=0)),
                        np.random.default_rng(1), 0)


def test_a_batch_still_may_share_its_query_set_or_hold_one_task():
    model = MLP((1, 1))
    params = model.init(np.random.default_rng(0))
    batch = LinearRegression().sample(np.random.default_rng(3), 3, 6, 4)
    shared = TaskBatch(batch.x_support, batch.y_support, np.repeat(batch.x_query[:1], 3, 0),
                       np.repeat(batch.y_query[:1], 3, 0))
    assert np.isfinite(float(meta_loss(params, shared, model, inner_lr=0.1, inner_steps=1)))
    one = LinearRegression().sample(np.random.default_rng(3), 1, 6, 4)
    assert np.isfinite(float(meta_loss(params, one, model, inner_lr=0.1, inner_steps=1)))
