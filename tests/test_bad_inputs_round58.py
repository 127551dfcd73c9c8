"""Round 58 of issue 11, tested on other values than the batteries': with sight of the
eighty-eighth and eighty-ninth batteries (measured blind first at d1eaf8a). Arguments given in
each other's places; a ``functools.partial`` whose free argument lands on an axis; an
``np.vectorize`` that truncates to ints; draws stored (chains, dim, draws); a survival
function where a CDF is meant; registry entries that are no classes of the right kind, or
that replace a built-in name; a family a checkpoint could not rebuild, or whose metric_name,
n_outputs or check_shots says something else than it does; a metric given as a loss; Adam
given its params as grads, or its betas swapped; a folder that only looks like one beside it.
Each test fails at d1eaf8a, except the guards named ``..._still_...``."""

import functools
import unicodedata

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory, optim
from scratchmeta.figures import style
from scratchmeta.meta import registry
from scratchmeta.meta.checkpoint import check_checkpoint_path
from scratchmeta.meta.evaluate import evaluate, held_out_tasks
from scratchmeta.meta.maml import MAMLConfig, meta_loss
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.training import train
from scratchmeta.more_tasks import GaussianClusters
from scratchmeta.nn import MLP
from scratchmeta.sampling import ContinuousInverseCDF, ess_bulk, ess_tail, metropolis
from scratchmeta.sampling.continuous import grid_inverse_cdf
from scratchmeta.sampling.diagnostics import quantile_type7
from scratchmeta.tasks import Sinusoid, accuracy, cross_entropy
from scratchmeta.testing import assert_inverts, ks_distance

X = np.array([0.25, -1.5, 3.0])


def test_a_partial_whose_free_argument_lands_on_an_axis_is_named():
    with pytest.raises(TypeError, match=r"lands on max's 'axis' parameter.*traced Tensor|"
                                        r"traced Tensor, lands on max's 'axis'"):
        ad.grad(functools.partial(ad.max, X))(X)


def test_keepdims_given_by_position_is_checked():
    with pytest.raises(TypeError, match="keepdims must be True or False"):
        ad.sum(np.ones((2, 2)), 0, "no")


def test_where_with_values_and_condition_swapped_is_named():
    with pytest.raises(TypeError, match=r"cond must be booleans.*such as 0\.25.*where\(cond, "
                                        r"a, b\)"):
        ad.where(X, X > 0, np.zeros(3))


def test_a_numeric_mask_is_still_numpys():
    np.testing.assert_array_equal(ad.where(np.array([3.0, 0.0, -1.0]), X, 9.0), [0.25, 9.0, 3.0])


def test_einsum_and_stack_with_arguments_swapped_are_named():
    with pytest.raises(TypeError, match="subscripts must come first"):
        ad.einsum(np.ones((2, 2)), "ii->")
    with pytest.raises(TypeError, match=r"got 1; the order is stack\(xs, axis\)"):
        ad.stack(1, [X, X])


def _step(t):
    return 0 if t < 0 else 1.5 * t


def test_an_int_truncating_vectorize_is_refused_in_the_engine_and_the_samplers():
    with pytest.raises(TypeError, match="otypes"):
        ad.Primitive("ramp", np.vectorize(_step))(np.array([-1.0, 0.5, 2.0]))
    with pytest.raises(TypeError, match=r"pdf \(vectorize\(_step\)\) returned int64.*otypes"):
        grid_inverse_cdf(np.vectorize(_step), -1.0, 4.0)


def my_sf(x):
    return stats.expon.sf(x)


def test_a_survival_function_as_cdf_is_named():
    with pytest.raises(ValueError, match=r"cdf \(my_sf\) must be non-decreasing.*survival"):
        ContinuousInverseCDF.from_ppf(stats.expon.ppf, my_sf)
    with pytest.raises(ValueError, match=r"cdf \(my_sf\) is no CDF: it decreases"):
        assert_inverts(stats.expon.ppf, my_sf, np.linspace(0.01, 0.99, 50), 1e-9)


@pytest.mark.parametrize("call", [
    lambda: quantile_type7(0.9, np.arange(20.0)),
    lambda: ess_tail((0.1, 0.9), np.random.default_rng(0).normal(size=(2, 50))),
    lambda: ks_distance(stats.norm.cdf, np.linspace(-1, 1, 30)),
    lambda: metropolis(lambda x: -x[:, 0] ** 2, 10, np.zeros((2, 1)), np.random.default_rng(0)),
    lambda: grid_inverse_cdf(0.0, 1.0, stats.norm.pdf),
    lambda: ContinuousInverseCDF.from_ppf(stats.logistic.cdf, stats.logistic.ppf),
])
def test_arguments_in_each_others_places_are_said_to_be_swapped(call):
    with pytest.raises(TypeError, match=r"swapped\? the order is \w+\("):
        call()


def test_draws_stored_chains_dim_draws_are_named():
    with pytest.raises(ValueError, match=r"np\.swapaxes\(draws, 1, 2\)"):
        ess_bulk(np.random.default_rng(1).normal(size=(2, 3, 400)))


def test_an_mmap_threshold_above_the_trim_threshold_is_refused():
    before = memory.current_setting()
    with pytest.raises(ValueError, match="must be at most trim_threshold"):
        memory.keep_freed_memory(1 << 30, 1 << 20)
    assert memory.current_setting() == before


def test_check_numbers_with_its_arguments_swapped_shows_the_numbers():
    with pytest.raises(TypeError, match=r"0\.25.*the order is \(name, x\)"):
        style.check_numbers(np.array([0.25, 0.5]), "points")


def test_registry_entries_are_checked_where_they_are_read(monkeypatch):
    monkeypatch.setitem(registry.STRATEGIES, "mine", MAMLConfig())
    with pytest.raises(TypeError, match=r"STRATEGIES\['mine'\] must be a strategy class"):
        make_strategy("mine")
    monkeypatch.setitem(registry.FAMILIES, "mine", dict)
    with pytest.raises(TypeError, match=r"FAMILIES\['mine'\] must be a task family class"):
        make_family("mine")
    monkeypatch.setitem(registry.STRATEGIES, "reptile", registry.STRATEGIES["anil"])
    with pytest.raises(ValueError, match=r"STRATEGIES\['reptile'\] was changed from Reptile"):
        make_strategy("reptile")


class Waves(Sinusoid):
    """A user's family that keeps the built-in's name: a checkpoint would rebuild a Sinusoid."""

    def target(self, task_params, x):
        return np.cos(x)


def test_a_run_a_checkpoint_could_not_rebuild_is_refused_before_any_step(tmp_path):
    out = tmp_path / "w.npz"
    with pytest.raises(ValueError, match=r"family Waves has name = 'sinusoid'.*FAMILIES"):
        train(make_strategy("maml", family=Waves(), meta_batch=2), 2, 0, checkpoint=str(out))
    assert not out.exists()


class Louder(Sinusoid):
    name = "louder"

    def __init__(self, gain=2.0):
        super().__init__()
        self.gain = gain

    def describe(self):
        return {}


def test_a_describe_that_leaves_out_an_argument_is_named(tmp_path, monkeypatch):
    monkeypatch.setitem(registry.FAMILIES, "louder", Louder)
    with pytest.raises(ValueError, match=r"Louder\.describe\(\) leaves out.*gain is 2\.0, not "
                                         r"3\.0"):
        train(make_strategy("maml", family=Louder(3.0), meta_batch=2), 2, 0,
              checkpoint=str(tmp_path / "l.npz"))


def test_a_metric_name_the_metric_does_not_measure_is_refused():
    renamed = type("Scored", (GaussianClusters,), {"metric_name": "MSE"})
    with pytest.raises(ValueError, match=r"Scored sets metric_name = 'MSE' but keeps "
                                         r"GaussianClusters\.metric"):
        held_out_tasks(renamed(), 2, 5, 5)
    with pytest.raises(ValueError, match=r"metric_name must be one of"):
        held_out_tasks(type("Lower", (Sinusoid,), {"metric_name": "Mse"})(), 2, 5, 5)


def test_check_shots_that_returns_its_verdict_is_refused():
    family = type("Polite", (Sinusoid,), {"check_shots": lambda self, s, q: s > 100})()
    with pytest.raises(TypeError, match=r"Polite\.check_shots must return None.*check_shots"
                                        r"\(4, 6\)"):
        evaluate(*_maml(), family, n_tasks=2, n_support=4, n_query=6, n_steps=1)


def _maml():
    strategy = make_strategy("maml", meta_batch=2)
    return strategy, strategy.init_state(np.random.default_rng(0))


class Two(GaussianClusters):
    """Says two outputs; its tasks have one per class, five."""

    def __init__(self):
        super().__init__()
        self.n_outputs = 2


def test_n_outputs_that_the_tasks_do_not_have_is_named():
    with pytest.raises(ValueError, match=r"has n_outputs = 2, but its tasks' y_support is 5"):
        held_out_tasks(Two(), 2, 5, 5)
    with pytest.raises(ValueError, match=r"n_inputs = 1 and n_outputs = 3"):
        make_strategy("maml", family=type("Three", (Sinusoid,), {"n_outputs": 3})())


def test_a_metric_as_the_loss_and_a_classifier_loss_on_real_targets_are_named():
    batch = Sinusoid().sample(np.random.default_rng(0), 2, 4, 4)
    model = MLP((1, 8, 1))
    params = model.init(np.random.default_rng(0))
    with pytest.raises(TypeError, match="got tasks.accuracy, a metric"):
        meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1, loss=accuracy)
    with pytest.raises(ValueError, match=r"real-valued targets.*use tasks\.mse"):
        meta_loss(params, batch, model, inner_lr=0.01, inner_steps=1, loss=cross_entropy)


def test_adam_given_its_params_as_grads_or_swapped_betas_is_refused():
    params = [np.ones(3), np.zeros(2)]
    state = optim.adam_init(params)
    with pytest.raises(ValueError, match="grads are the params arrays themselves"):
        optim.adam_update(params, params, state, 0.01)
    with pytest.raises(ValueError, match=r"beta1\*\*2 < sqrt\(beta2\).*swapped"):
        optim.adam_update(params, [np.ones(3), np.ones(2)], state, 0.01, beta1=0.99,
                          beta2=0.5)


@pytest.mark.parametrize("real, typed", [
    ("Old Runs", "Old%20Runs"),
    (unicodedata.normalize("NFC", "Réglages"), unicodedata.normalize("NFD", "Réglages")),
])
def test_a_folder_that_only_looks_like_one_beside_it_is_not_made(tmp_path, real, typed):
    (tmp_path / real).mkdir()
    with pytest.raises(ValueError, match=r"out: the folder .* does not exist, but .* does"):
        check_checkpoint_path(str(tmp_path / typed / "x.npz"), "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == [real]


class Centred(Sinusoid):
    """A user's family holding a tuple of arrays, which ``==`` cannot compare."""

    name = "centred"

    def __init__(self):
        super().__init__()
        self.centres = (np.zeros(2), np.ones(2))

    def describe(self):
        return {}


def test_a_family_holding_arrays_still_trains_with_a_checkpoint(tmp_path, monkeypatch):
    monkeypatch.setitem(registry.FAMILIES, "centred", Centred)
    train(make_strategy("maml", family=Centred(), meta_batch=2), 2, 0,
          checkpoint=str(tmp_path / "c.npz"))
    assert (tmp_path / "c.npz").exists()
