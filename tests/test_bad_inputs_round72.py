"""Round 72 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-third battery's remark (a clear case named the inner function) and of the
hundred-and-fourth and hundred-and-fifth batteries (measured blind first at b8e38d0). The
public functions of the mixing and step-size modules, the diagnostics' split_chains and
normal_scores, the closed-form samplers and the testing kit's densities name themselves;
Multitask refuses a model without a body when it is built; its head_steps is capped as
test-time steps are; "(given as ...)" is not read out of a list of fields. Each fails at
b8e38d0 except the guard, which passes at both."""

import numpy as np
import pytest

from scratchmeta import cli
from scratchmeta.meta.registry import make_strategy
from scratchmeta.sampling import closed_forms
from scratchmeta.sampling.diagnostics import normal_scores, split_chains
from scratchmeta.sampling.mixing import noise_floor, walks_from_one_start
from scratchmeta.sampling.step_size import fixed_step_chains
from scratchmeta.testing import densities

EDGES = np.linspace(-2.0, 2.0, 9)


def _cdf(x):
    return np.clip((np.asarray(x) + 2.0) / 4.0, 0.0, 1.0)


def test_walks_from_one_start_names_itself_not_metropolis():
    with pytest.raises(TypeError, match=r"^walks_from_one_start: log_density \(.*\) must return"):
        walks_from_one_start(lambda x: None, 0.0, {"h": 0.5}, 2, 8, EDGES, _cdf,
                             [np.random.default_rng(0)])


def test_noise_floor_names_itself():
    class NaNSampler:
        def sample(self, n, rng):
            return np.full(n, np.nan)
    with pytest.raises(ValueError, match=r"^noise_floor: sampler\.sample\(n, rng\) must be .*"
                                         r"the first is sampler\.sample\(n, rng\)\[0\] = nan"):
        noise_floor(50, 3, NaNSampler(), EDGES, _cdf, np.random.default_rng(0))


def test_fixed_step_chains_names_itself():
    with pytest.raises((TypeError, ValueError), match=r"^fixed_step_chains: "):
        fixed_step_chains(2, 1.0, 4, 10, 7)


def test_the_diagnostics_helpers_and_closed_forms_name_themselves():
    with pytest.raises(ValueError, match=r"^split_chains: "):
        split_chains(np.array([[0.1, np.nan, 0.3, 0.4]]))
    with pytest.raises(TypeError, match=r"^normal_scores: "):
        normal_scores("0.5")
    with pytest.raises(ValueError, match=r"^cauchy: "):
        closed_forms.cauchy(scale=-2.0)
    with pytest.raises((TypeError, ValueError), match=r"^triangular: "):
        densities.triangular(1.0, 0.0, 2.0)


def test_multitask_refuses_a_model_without_a_body_when_built():
    with pytest.raises(ValueError, match=r"^Multitask meta-trains a body shared by every task "
                                         r".* got sizes \(1, 1\), one layer"):
        make_strategy("multitask", family="linear", meta_batch=2)


def test_multitask_with_a_body_is_still_built():
    """The guard: the default sinusoid model has hidden layers."""
    assert make_strategy("multitask", family="sinusoid", meta_batch=2).model.n_layers == 3


def test_multitasks_head_steps_is_capped_as_test_time_steps_are():
    with pytest.raises(ValueError, match=r"^head_steps=200000 test-time steps per task is more "
                                         r"than 100,000"):
        make_strategy("multitask", meta_batch=2, head_steps=200_000)


def test_given_as_is_not_read_out_of_the_list_of_fields(tmp_path, capsys):
    assert cli.main(["train", "--strategy", "maml", "--steps", "2", "--meta-lr", "0.001",
                     "--set", "lamda=0.5", "--out", str(tmp_path / "m.npz")]) == 2
    err = capsys.readouterr().err.strip()
    assert "no hyperparameter 'lamda'" in err and "given as" not in err
