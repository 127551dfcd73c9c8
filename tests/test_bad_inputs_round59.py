"""Round 59 of issue 11, tested on other values than the batteries': with sight of the
ninetieth and ninety-first batteries (measured blind first at 412ac98). Settings edited after
an object was built; Reptile's outer step past theta_T; an option named for the field an error
names; a user family that changes NumPy's error settings or returns one buffer twice; Adam's
moments aliased or its t reset alone; error rates given as confidence levels; copied chains;
discrete or mismatched distributions where continuous ones are meant; empty bins; a sample
against itself; a step that is no step; a blank figure; transpose given per-axis arguments.
Each test fails at 412ac98, except the guards named ``..._still_...``."""

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import cli, optim
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta.evaluate import held_out_tasks
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.reptile import ReptileConfig
from scratchmeta.more_tasks import SinusoidFrequency
from scratchmeta.nn import MLP
from scratchmeta.sampling import ContinuousInverseCDF, metropolis, split_rhat
from scratchmeta.sampling.continuous import grid_inverse_cdf
from scratchmeta.sampling.mixing import total_variation
from scratchmeta.sampling.tails import find_center
from scratchmeta.tasks import LinearRegression, Sinusoid
from scratchmeta.testing import chi_square_power, draws_needed, two_sample_distance


@pytest.mark.parametrize("obj, key, value", [
    (lambda: MLP((2, 6, 1)), "sizes", (2, 0, 1)),
    (lambda: LinearRegression(), "noise", -0.5),
    (lambda: SinusoidFrequency(), "frequency", (2.0, 0.5)),
    (lambda: make_strategy("fomaml").config, "inner_steps", 0),
])
def test_a_setting_assigned_after_construction_is_named(obj, key, value):
    with pytest.raises(TypeError, match=rf"\.{key} is fixed once the \w+ is built"):
        setattr(obj(), key, value)


def test_a_users_family_may_still_set_its_own_attributes_in_init():
    class Shifted(Sinusoid):
        def __init__(self):
            super().__init__()
            self.shift = 0.5
    family = Shifted()
    family.note = "a new attribute is free"
    assert family.shift == 0.5


def test_reptiles_outer_step_past_theta_T_is_refused():
    with pytest.raises(ValueError, match=r"meta_lr must be at most 1.*past theta_T"):
        make_strategy("reptile", config=ReptileConfig(meta_lr=1.25))


def test_the_command_line_names_the_option_behind_a_field(capsys, tmp_path):
    assert cli.main(["train", "--strategy", "reptile", "--meta-lr", "4", "--steps", "2",
                     "--out", str(tmp_path / "r.npz")]) == 2
    assert "(given as --meta-lr 4)" in capsys.readouterr().err


def _loud_params(self, rng, n_tasks):
    np.seterr(under="warn")
    return Sinusoid.sample_params(self, rng, n_tasks)


_BUFFER = np.zeros((1, 6, 1))


def _buffered_x(self, rng, task_params, n_points):
    _BUFFER[...] = rng.uniform(-5, 5, _BUFFER.shape)
    return _BUFFER


def test_a_family_changing_numpys_error_settings_is_named_and_they_are_put_back():
    before = np.geterr()
    family = type("Loud", (Sinusoid,), {"sample_params": _loud_params})()
    with np.errstate(under="ignore"):
        with pytest.raises(ValueError, match=r"Loud\.sample_params changed NumPy's error"):
            held_out_tasks(family, 2, 3, 3)
    assert np.geterr() == before


def test_a_family_returning_one_buffer_twice_is_named():
    family = type("Buffered", (Sinusoid,), {"sample_x": _buffered_x})()
    with pytest.raises(ValueError, match=r"returned the very array it returned"):
        held_out_tasks(family, 2, 3, 3)


def test_adams_aliased_moments_or_reset_t_are_refused():
    params = [np.ones(2), np.ones(3)]
    grads = [np.full(2, 0.1), np.full(3, 0.1)]
    state = optim.adam_init(params)
    with pytest.raises(ValueError, match=r"state\['v'\] is state\['m'\]"):
        optim.adam_update(params, grads, {**state, "v": state["m"]}, 0.01)
    _, moved = optim.adam_update(params, grads, state, 0.01)
    with pytest.raises(ValueError, match=r"state\['t'\] is 0 but its moments are not zero"):
        optim.adam_update(params, grads, {**moved, "t": np.array(0)}, 0.01)


def test_error_rates_given_as_confidence_or_power_are_refused():
    with pytest.raises(ValueError, match=r"alpha is the rate of a false failure.*1 - 0\.9"):
        draws_needed(0.05, alpha=0.9)
    with pytest.raises(ValueError, match=r"beta is the rate of a false pass.*a power"):
        draws_needed(0.05, beta=0.8)


def test_copied_chains_are_refused():
    chain = np.random.default_rng(3).normal(size=200)
    with pytest.raises(ValueError, match=r"chains 0 and 2 are identical"):
        split_rhat(np.stack([chain, chain[::-1], chain]))


def test_discrete_or_mismatched_distributions_are_refused_where_continuous_ones_are_meant():
    with pytest.raises(ValueError, match="only whole numbers"):
        ContinuousInverseCDF.from_ppf(stats.binom(12, 0.3).ppf)
    with pytest.raises(ValueError, match="not each other's inverse"):
        ContinuousInverseCDF.from_ppf(stats.norm(0, 3).ppf, stats.norm.cdf)
    with pytest.raises(ValueError, match="probability mass function"):
        grid_inverse_cdf(lambda x: stats.poisson(2.0).pmf(x), 0.0, 12.0)
    with pytest.raises(ValueError, match="a mass at one point"):
        find_center(lambda x: stats.poisson(4.0).pmf(x), 0.0, 30.0)
    with pytest.raises(ValueError, match=r"-inf at every one of the"):
        metropolis(lambda x: stats.poisson(3.0).logpmf(x[:, 0]), np.full((2, 1), 3.0), 20,
                   np.random.default_rng(0))


def test_a_pair_from_one_distribution_is_still_taken():
    sampler = ContinuousInverseCDF.from_ppf(stats.gamma(2.5).ppf, stats.gamma(2.5).cdf)
    assert np.isfinite(sampler.from_uniforms(np.array([0.5]))).all()


def test_edges_holding_no_draw_a_sample_against_itself_and_no_alternative_are_refused():
    draws = np.random.default_rng(2).normal(size=100)
    with pytest.raises(ValueError, match="hold none of the 100 draws"):
        total_variation(draws, np.linspace(8.0, 9.0, 5), stats.norm.cdf)
    with pytest.raises(ValueError, match="tested against itself"):
        two_sample_distance(draws, draws.copy())
    with pytest.raises(ValueError, match="equals p"):
        chi_square_power([0.25, 0.75], [0.25, 0.75], 50)


def test_a_step_that_is_no_step_and_a_tolerance_that_is_no_check_are_refused():
    with pytest.raises(ValueError, match="eps must be at least"):
        check_grads(ad.sin, (np.ones(2),), eps=1e-13)
    with pytest.raises(ValueError, match="rtol must be below 0.5"):
        check_grads(ad.sin, (np.ones(2),), rtol=5.0)


def test_a_blank_figure_is_not_saved(tmp_path):
    import matplotlib.pyplot as plt
    fig = plt.figure()
    with pytest.raises(ValueError, match="has nothing drawn"):
        style.save(fig, tmp_path, "blank")
    assert not list(tmp_path.iterdir())


def test_transpose_given_one_argument_per_axis_says_to_pass_a_tuple():
    with pytest.raises(TypeError, match=r"transpose takes \(x, axes\).*as one tuple"):
        ad.transpose(np.ones((2, 3, 4)), 2, 0, 1)
