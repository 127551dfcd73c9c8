"""Round 86 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-thirty-second and hundred-and-thirty-third batteries (measured blind first at
3bba52a). Each fails at 3bba52a except the guards, which pass at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.sampling import ContinuousInverseCDF, DiscreteInverseCDF
from scratchmeta.sampling.quadrature import integrate_many
from scratchmeta.tasks import mse

from test_bad_inputs_ninetysixth import _evaluate_quadratic, _quadratic, _train_quadratic


def test_the_samplers_methods_and_the_quadrature_start_their_errors_with_their_names():
    rng = np.random.default_rng(3)
    with pytest.raises(TypeError, match=r"^DiscreteInverseCDF\.sample: rng must be"):
        DiscreteInverseCDF([0.3, 0.7]).sample(rng, 5)
    with pytest.raises(ValueError, match=r"^ContinuousInverseCDF\.u_error: sample_size"):
        ContinuousInverseCDF.from_ppf(lambda u: u, lambda x: x).u_error(0)
    with pytest.raises(TypeError, match=r"^integrate_many: f must be a function"):
        integrate_many([(0.0, 1.0, 4)], np.sin)


def test_guard_the_samplers_methods_still_draw_the_same_numbers():
    d = DiscreteInverseCDF([0.3, 0.7])
    assert np.array_equal(d.sample(6, np.random.default_rng(9)),
                          d.sample(6, np.random.default_rng(9)))
    assert d.support() == (0, 1)


@pytest.mark.parametrize("axis", [np.ma.masked, np.array(1)])
def test_a_0_d_array_as_axis_is_named_by_the_op(axis):
    with pytest.raises(TypeError, match=r"^var: axis must be an int or a tuple of ints"):
        ad.var(np.ones((2, 3)), axis=axis)


def _masked_score(x):
    return np.ma.masked_all(())


@pytest.mark.parametrize("call, who", [(lambda: ad.hessian(_masked_score)(np.ones(2)),
                                        "hessian: grad"),
                                       (lambda: ad.jacobian(_masked_score)(np.ones(2)),
                                        "jacobian: vjp")])
def test_a_masked_output_names_the_users_function_not_a_raise_inside_it(call, who):
    with pytest.raises(TypeError, match=rf"^{who}: fun \(_masked_score\) returned a masked "
                                        r"array"):
        call()


def _minus_squared_error(pred, y):
    return -2.0 * mse(pred, y)


def test_a_loss_that_rewards_error_is_refused_before_training():
    with pytest.raises(ValueError, match=r"rewards error: .*_minus_squared_error.* larger loss "
                                         r"for the exact targets"):
        _train_quadratic(_quadratic(loss=staticmethod(_minus_squared_error)))


def _metric_solved(self, pred, y):
    return np.abs(pred - y).mean(axis=(-2, -1)) < 0.5


def test_a_metric_of_booleans_is_refused_before_scoring():
    with pytest.raises(TypeError, match=r"metric.* must return one real number per task, .* "
                                        r"got an array of dtype bool"):
        _evaluate_quadratic(_quadratic(metric=_metric_solved))


def _absolute_error(pred, y):
    return ad.mean(ad.abs(pred - y), axis=(-2, -1))


def test_guard_a_loss_smallest_at_the_targets_still_trains():
    _train_quadratic(_quadratic(loss=staticmethod(_absolute_error)))


def test_omniglots_check_shots_refuses_a_drawing_count_past_any_array():
    from scratchmeta.datasets.omniglot_tasks import check_shots
    with pytest.raises(ValueError, match=r"^n_drawings must be an integer of at least 1 \(and at "
                                         r"most 9223372036854775807\), got 10{30}"):
        check_shots(5, 2, 5, 5, 10 ** 30)
    assert check_shots(5, 2, 5, 5, 20) == (1, 1)


def test_the_readme_claim_every_exported_sampler_and_kit_function_names_itself():
    import inspect
    from pathlib import Path

    import scratchmeta.sampling as sampling
    import scratchmeta.testing as testing
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text().split())
    assert ("The functions `scratchmeta.sampling` and `scratchmeta.testing` export, and the "
            "samplers' methods (the `_unchecked` hot path aside), start every error with their "
            "own name") in readme
    unnamed = []
    for module in (sampling, testing):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) and not hasattr(obj, "__wrapped__"):
                unnamed.append(name)
    for cls in (sampling.DiscreteInverseCDF, sampling.ContinuousInverseCDF):
        for name, attr in vars(cls).items():
            fn = attr.__func__ if isinstance(attr, (classmethod, staticmethod)) else attr
            if inspect.isfunction(fn) and not name.startswith("_") and not name.endswith(
                    "_unchecked") and not hasattr(fn, "__wrapped__"):
                unnamed.append(f"{cls.__name__}.{name}")
    assert unnamed == []
