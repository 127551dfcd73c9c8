"""Round 62 of issue 11, tested on other values than the batteries': with sight of the
ninety-second and ninety-third batteries (measured blind first at 049f738). Each test fails
at 809181d, except the guards named ``..._still_...``.

* An error in an op's derivative names the op whose derivative it is (sqrt's at 0), and
  check_grads says when ``fun`` fails, or gives NaN, one step eps away from its point.
* The samplers' and the kit's messages name the function called (find_center, from_ppf,
  metropolis, assert_cdf_matches, assert_same_distribution) and the argument (samples,
  lo/hi, mode); from_ppf says when a ppf's quantiles collapse onto a few doubles.
* with_test_time refuses a field of meta-training only; Adam and save_checkpoint refuse a
  list holding one array twice.
"""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import optim
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta.checkpoint import load_checkpoint, save_checkpoint
from scratchmeta.meta.evaluate import with_test_time
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.training import train
from scratchmeta.sampling import ContinuousInverseCDF, grid_inverse_cdf, metropolis
from scratchmeta.sampling.tails import find_center
from scratchmeta.testing import assert_cdf_matches, assert_same_distribution, densities


def test_an_error_in_a_derivative_names_the_op_whose_derivative_it_is():
    with np.errstate(all="raise"), pytest.raises(FloatingPointError,
                                                 match=r"in the derivative of sqrt, at "):
        ad.grad(lambda x: ad.sum(ad.sqrt(x) * 3.0))(np.array([4.0, 0.0]))


def test_an_error_in_a_derivative_is_still_a_value_error_too():
    with np.errstate(all="raise"), pytest.raises(ValueError, match="derivative of sqrt"):
        ad.grad(lambda x: ad.sum(ad.sqrt(x)))(np.array([0.0]))


@pytest.mark.parametrize("raise_", [False, True])
def test_check_grads_says_when_fun_fails_one_step_away(raise_):
    with np.errstate(all="raise" if raise_ else "ignore"), pytest.raises(
            ValueError, match=r"check_grads: fun .* at args\[0\] [+-] eps \* d, one step eps"):
        check_grads(lambda x: ad.sum(ad.sqrt(x)), (np.full(4, 1e-9),), order=1)


def test_check_grads_still_passes_a_smooth_function_near_its_edge():
    check_grads(lambda x: ad.sum(ad.sqrt(x)), (np.full(4, 1e-3),), order=2, eps=1e-7,
                rtol=1e-4, atol=1e-4)


def test_a_grid_too_coarse_for_the_density_names_lo_hi_and_the_spacing():
    with pytest.raises(ValueError, match=r"lo=-500000.0 to hi=500000.0.*too coarse"):
        grid_inverse_cdf(stats.norm(0, 0.1).pdf, -5e5, 5e5, n=1000)


def test_find_center_names_itself_when_the_density_is_nowhere_found():
    with pytest.raises(ValueError, match=r"^find_center: pdf .*zero everywhere"):
        find_center(stats.norm(3e7, 1e-10).pdf, -1e9, 1e9)


def test_from_ppf_says_when_the_quantiles_collapse_onto_a_few_doubles():
    dist = stats.norm(5e8, 1e-9)
    with pytest.raises(ValueError, match=r"^from_ppf: .*float64's resolution"):
        ContinuousInverseCDF.from_ppf(lambda u: 5e8 + 1e-9 * stats.norm.ppf(u), dist.cdf)


def test_from_ppf_still_names_two_different_distributions():
    with pytest.raises(ValueError, match=r"^from_ppf: .*not each other's inverse"):
        ContinuousInverseCDF.from_ppf(stats.norm(0, 1).ppf, stats.norm(2, 1).cdf)


def test_metropolis_names_itself_when_the_log_density_fails_at_the_start():
    def log_density(x):
        raise ArithmeticError("no")
    with pytest.raises(ValueError, match=r"^metropolis: log_density"):
        metropolis(log_density, np.zeros((2, 1)), 5, np.random.default_rng(0))


@pytest.mark.parametrize("call, match", [
    (lambda: assert_cdf_matches(np.full(3, 0.5), stats.uniform.cdf),
     r"^assert_cdf_matches: samples holds 3 draws, too few"),
    (lambda: assert_same_distribution(np.linspace(0, 1, 500), np.array([0.1, 0.2, 0.3])),
     r"^assert_same_distribution: x and y hold 500 and 3 draws, too few"),
])
def test_a_test_that_can_fail_no_sample_names_the_function_and_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_an_interval_lost_to_rounding_shows_every_point_given():
    with pytest.raises(ValueError, match=r"lo=3e\+16, mode=3e\+16, hi=3e\+16 \(equal as "):
        densities.triangular(3e16 - 1.0, 3e16, 3e16 + 1.0)


@pytest.mark.parametrize("field", [{"meta_lr": 0.5}, {"meta_batch": 4}, {"first_order": True}])
def test_with_test_time_refuses_a_field_of_meta_training_only(field):
    with pytest.raises(ValueError, match=f"with_test_time: {next(iter(field))}=.*meta-training"):
        with_test_time(make_strategy("maml", meta_batch=2), **field)


def test_with_test_time_still_changes_the_test_time_step():
    assert with_test_time(make_strategy("maml"), inner_lr=0.2, inner_steps=3).config.inner_lr \
        == 0.2


def _params():
    return [np.ones((1, 3)), np.zeros(3), np.ones((3, 1)), np.zeros(1)]


def _adam_update_grads_twice(p):
    g = np.ones(3)                                 # b1's gradient copied for b2 (same shape)
    q = [p[0], p[1], np.ones((3, 3)), np.zeros(3)]
    return optim.adam_update(q, [q[0] * 0, g, q[2] * 0, g], optim.adam_init(q), 0.1)


def _adam_rows_params_twice(p):
    heads = np.zeros((2, 3))
    state = optim.adam_init([heads.copy(), heads.copy()])
    state["t"] = np.zeros(2, int)
    return optim.adam_rows([heads, heads], state, [np.ones((1, 3))] * 2, [0], 0.1)


@pytest.mark.parametrize("call, match", [
    (lambda p: optim.adam_init([p[0], p[1], p[1]]), r"^adam_init: params holds one array "),
    (_adam_update_grads_twice, r"^adam_update: grads holds one array twice, as leaves 1 and 3"),
    (_adam_rows_params_twice, r"^adam_rows: params holds one array twice"),
])
def test_adam_refuses_one_array_given_twice(call, match):
    with pytest.raises(ValueError, match=match):
        call(_params())


def test_adam_still_takes_equal_arrays_of_their_own():
    params = _params()
    optim.adam_update(params, [np.ones_like(p) for p in params], optim.adam_init(params), 0.1)


def test_save_checkpoint_refuses_a_state_with_one_parameter_array_twice(tmp_path):
    train(make_strategy("maml", meta_batch=2), 1, 0, checkpoint=str(tmp_path / "a.npz"),
          progress=None)
    ckpt = load_checkpoint(str(tmp_path / "a.npz"))
    params = list(ckpt.state["params"])
    params[3] = params[1]                          # the two biases of 40 entries: one array
    with pytest.raises(ValueError, match=r"^save_checkpoint: params holds one array twice"):
        save_checkpoint(str(tmp_path / "b.npz"), {**ckpt.state, "params": params},
                        step=ckpt.step, seed=ckpt.seed, config=ckpt.config,
                        meta_losses=ckpt.meta_losses)
    assert not (tmp_path / "b.npz").exists()
