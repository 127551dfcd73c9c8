"""Round 80 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-twentieth and hundred-and-twenty-first batteries (measured blind first at
b5dbfe6). Each fails at b5dbfe6 except the guards, which pass at both."""

import numpy as np
import pytest

from scratchmeta.tasks import TaskFamily


class Parabolas(TaskFamily):
    """A user's family: y = a x**2, x drawn by the user's own sample_x."""

    def sample_params(self, rng, n_tasks):
        return rng.uniform(0.5, 2.0, (n_tasks, 1))

    def sample_x(self, rng, task_params, n_points):
        return rng.uniform(-1.0, 1.0, (len(task_params), n_points, 1))

    def target(self, task_params, x):
        return task_params[:, None, :] * x ** 2

    def describe(self):
        return {}


class OverflowingInputs(Parabolas):
    def sample_x(self, rng, task_params, n_points):
        scale = np.array([1.0, 0.0])[:len(task_params), None, None]     # 1 / 0: inf
        return rng.uniform(0.5, 1.0, (len(task_params), n_points, 1)) / scale


class NaNTargets(Parabolas):
    def target(self, task_params, x):
        return np.sqrt(-task_params[:, None, :] * (1.0 + x ** 2))


def test_inputs_that_make_the_targets_overflow_name_sample_x():
    with pytest.raises(ValueError, match=r"^OverflowingInputs\.sample_x must return finite "
                                         r"inputs x \(target made targets from them"):
        with np.errstate(divide="ignore"):
            OverflowingInputs().sample(np.random.default_rng(0), 2, 4, 3)


def test_targets_not_finite_from_finite_inputs_still_name_target():
    """The guard: finite inputs, so the target is named, as before."""
    with pytest.raises(ValueError, match=r"^NaNTargets\.target must return finite targets y"):
        with np.errstate(invalid="ignore"):
            NaNTargets().sample(np.random.default_rng(0), 2, 4, 3)
