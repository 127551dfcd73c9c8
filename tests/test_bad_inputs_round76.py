"""Round 76 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-twelfth and hundred-and-thirteenth batteries (measured blind first at ebef44d).
Each fails at ebef44d except the guards, which pass at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.figures import style
from scratchmeta.meta.evaluate import held_out_tasks
from scratchmeta.meta.registry import make_strategy
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7
from scratchmeta.sampling.finite_chain import check_symmetric_proposal
from scratchmeta.tasks import Sinusoid


@pytest.mark.parametrize("shape", [(-3, 2), [2, -5], (np.int64(-4),)])
def test_reshape_refuses_a_size_below_minus_one(shape):
    with pytest.raises(ValueError, match=r"^reshape: shape .* holds the size -\d; a size is "
                                         r">= 0, or -1"):
        ad.reshape(np.ones(6), shape)


def test_reshape_refuses_it_under_a_trace_too():
    with pytest.raises(ValueError, match=r"holds the size -3"):
        ad.grad(lambda x: ad.sum(ad.reshape(x, (2, -3))))(np.ones(6))


def test_reshape_with_minus_one_still_infers_the_size():
    """The guard: -1 stays NumPy's one unknown size."""
    assert ad.reshape(np.ones(6), (-1, 2)).shape == (3, 2)
    assert ad.grad(lambda x: ad.sum(ad.reshape(x, (3, -1)) ** 2))(np.ones(6)).shape == (6,)


@pytest.mark.parametrize("fn", [normal_scores, lambda x: quantile_type7(x, 0.5)])
def test_one_number_is_not_an_array_of_draws(fn):
    with pytest.raises(ValueError, match=r"x must be draws, .* \(one axis or more\), got the "
                                         r"single float 0\.25"):
        fn(0.25)


def test_check_symmetric_proposal_names_itself_and_q():
    q = np.array([[0.5, 0.5], [0.5, np.inf]])
    with pytest.raises(ValueError, match=r"^check_symmetric_proposal: q must be finite, got "
                                         r"np\.float64\(inf\) in q ="):
        check_symmetric_proposal(q, 2)
    with pytest.raises(ValueError, match=r"^check_symmetric_proposal: q must have shape \(n, "
                                         r"n\) = \(3, 3\), one row per state, got \(2, 2\)"):
        check_symmetric_proposal(np.full((2, 2), 0.5), 3)


def test_check_settings_refuses_names_for_the_dict_of_settings():
    with pytest.raises(TypeError, match=r"^check_settings: full must be the module's FULL, a "
                                        r"dict of its settings, got tuple \('n', 'seed'\)"):
        style.check_settings({"n": 1, "seed": 2}, ("n", "seed"))


@pytest.mark.parametrize("name", ["r2d2", "newton_head"])
def test_a_classifier_head_on_a_regression_family_names_the_family(name):
    with pytest.raises(ValueError, match=r"fits a classifier, .* got the family 'linear'"):
        make_strategy(name, "linear")


def test_a_ridge_head_with_no_body_names_the_family_without_one():
    with pytest.raises(ValueError, match=r"^ClosedForm meta-trains a body .* got sizes \(1, 1\)"
                                         r".*linear's has none"):
        make_strategy("closed_form", "linear")


def test_the_memory_check_names_the_counts():
    with pytest.raises(ValueError, match=r"^held_out_tasks: n_tasks 3 x \(n_support 4000000000 "
                                         r"\+ n_query 7\) of Sinusoid.* would need"):
        held_out_tasks(Sinusoid(), 3, 4 * 10 ** 9, 7)
    with pytest.raises(ValueError, match=r"^n_tasks 2 x \(n_support 9 \+ n_query 5000000000\) "
                                         r"of Sinusoid"):
        Sinusoid().sample(np.random.default_rng(0), 2, 9, 5 * 10 ** 9)


def test_the_closed_form_heads_still_build_on_their_families():
    """The guard: the checks moved, the strategies still build where they did."""
    assert make_strategy("closed_form", "sinusoid").name == "ClosedForm"
    assert make_strategy("r2d2", "clusters").name == "R2-D2"


def test_large_and_broadcast_parameters_are_still_read_for_nan():
    """The guard for all_finite's two new paths (large arrays read one at a time, a
    per_task broadcast read once): a NaN in either is still found."""
    from scratchmeta.meta.checks import all_finite
    big = np.zeros((300, 300))
    assert all_finite([big, np.ones(3)])
    big[299, 299] = np.nan
    assert not all_finite([np.ones(3), big])
    shared = np.ones((5, 4))
    assert all_finite([np.broadcast_to(shared, (1000, 5, 4))])
    shared[4, 3] = np.inf
    assert not all_finite([np.broadcast_to(shared, (1000, 5, 4)), np.ones(2)])
    assert all_finite([]) and all_finite([np.float64(2.0), 3.0])
