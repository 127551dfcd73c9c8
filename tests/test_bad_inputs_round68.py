"""Round 68 of issue 11, tested on other values than the batteries': with sight of the
ninety-eighth and ninety-ninth batteries (measured blind first at 473812d). Each test fails
at 25e2061, except the guards named ``..._still_...``."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta import testing
from scratchmeta.cli import _given_as
from scratchmeta.gradcheck import hvp
from scratchmeta.meta import adapt
from scratchmeta.meta.evaluate import evaluate, held_out_tasks
from scratchmeta.meta.maml import meta_loss
from scratchmeta.meta.registry import check_rebuilds, make_strategy
from scratchmeta.nn import MLP
from scratchmeta.sampling import DiscreteInverseCDF
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskBatch


def test_a_memory_error_names_every_option_behind_its_sizes():
    message = "one meta-step of MAML (meta_batch=4, n_support=10, n_query=99999) would need"
    assert _given_as(message, ["train", "--meta-batch", "4", "--n-query", "99999"]) == \
        " (given as --meta-batch 4, --n-query 99999)"


def test_a_field_the_message_says_must_of_still_comes_alone():
    assert _given_as("n_query must be positive", ["train", "--meta-batch", "4", "--n-query",
                                                  "-1"]) == " (given as --n-query -1)"


def test_adaptation_refuses_a_typo_sized_step_count():
    strategy = make_strategy("maml", meta_batch=2)
    state = strategy.init_state(np.random.default_rng(0))
    batch = held_out_tasks(Sinusoid(), 2, 5, 5)
    with pytest.raises(ValueError, match=r"n_steps must be an integer in 0\.\.100000, got "
                                         r"300000"):
        adapt.predict(strategy, state, batch, 300_000)


def test_evaluate_refuses_a_typo_sized_task_count():
    strategy = make_strategy("maml", meta_batch=2)
    state = strategy.init_state(np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"n_tasks = 5000000 held-out tasks is more than "
                                         r"1,000,000"):
        evaluate(strategy, state, strategy.family, n_tasks=5_000_000)


def test_held_out_tasks_checks_its_memory_first():
    with pytest.raises(ValueError, match=r"^held_out_tasks: n_tasks 400000000 x \(n_support 50 .*"
                                         r"Sinusoid\(.* would need"):
        held_out_tasks(Sinusoid(), 400_000_000, 50, 50)


def test_check_rebuilds_refuses_a_familys_name():
    with pytest.raises(TypeError, match=r"family must be a task family object .* got 'linear'"):
        check_rebuilds("linear")


def test_support_sets_of_one_point_repeated_are_refused():
    batch = LinearRegression().sample(np.random.default_rng(2), 3, 4, 4)
    one = np.broadcast_to(batch.x_support[:, :1], batch.x_support.shape)
    model = MLP((1, 1))
    with pytest.raises(ValueError, match=r"support sets are each one point repeated"):
        meta_loss(model.init(np.random.default_rng(0)), TaskBatch(
            one, batch.y_support, batch.x_query, batch.y_query), model, inner_lr=0.1,
            inner_steps=1)


def test_a_one_shot_task_still_adapts():
    batch = LinearRegression().sample(np.random.default_rng(2), 3, 1, 4)
    model = MLP((1, 1))
    assert np.isfinite(float(meta_loss(model.init(np.random.default_rng(0)), batch, model,
                                       inner_lr=0.1, inner_steps=1)))


@pytest.mark.parametrize("call, who", [(lambda: ad.matrix_transpose(None), "matrix_transpose"),
                                       (lambda: ad.squeeze("ab"), "squeeze"),
                                       (lambda: ad.expand_dims(None, 1), "expand_dims")])
def test_a_shape_op_names_itself_for_a_value_with_no_shape(call, who):
    with pytest.raises(TypeError, match=rf"^{who}: x must be an array of real numbers"):
        call()


def test_hvp_names_itself_over_the_grad_inside():
    with pytest.raises(TypeError, match=r"^hvp: grad: fun .* raised TypeError"):
        hvp(lambda x: float(ad.sum(x * x)), np.ones(3), np.ones(3))


@pytest.mark.parametrize("call", [lambda: DiscreteInverseCDF([0.25, np.nan, 0.75]),
                                  lambda: testing.chi_square_pvalue([1, 1, 1],
                                                                    [0.25, np.nan, 0.75])])
def test_a_nan_among_probabilities_is_called_a_nan(call):
    with pytest.raises(ValueError, match=r"p\[1\] = nan, a NaN"):
        call()


def test_std_checks_its_own_keepdims():
    with pytest.raises(TypeError, match=r"^std: keepdims must be True or False"):
        ad.std(np.ones(4), keepdims=1.5)


def test_hessian_shows_the_list_it_was_given():
    with pytest.raises(TypeError, match=r"got a list of 2 leaves: \[1\.0, 2\.0\]"):
        ad.hessian(lambda x: ad.sum(x))([1.0, 2.0])
