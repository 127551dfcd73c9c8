"""The registry: every strategy by name, a plain dict; configurations that round-trip."""

import dataclasses

import numpy as np
import pytest

from conftest import meta_step

from scratchmeta.meta import adapt, registry
from scratchmeta.meta.evaluate import evaluate
from scratchmeta.meta.protocol import Strategy, describe
from scratchmeta.meta.registry import make_strategy, strategy_from_config
from scratchmeta.meta.training import flatten, load_checkpoint, train
from scratchmeta.nn import MLP
from scratchmeta.tasks import Sinusoid


# The classification heads (R2-D2, the Newton softmax head) need a classification family.
CLASSIFIERS = {"r2d2", "newton_head"}


def family_for(name):
    return "clusters" if name in CLASSIFIERS else "sinusoid"


def assert_same_state(a, b):
    a, b = flatten(a), flatten(b)
    assert sorted(a) == sorted(b)
    for key in a:
        np.testing.assert_array_equal(a[key], b[key], err_msg=key)


def test_families_have_their_default_models():
    assert registry.default_model("sinusoid").sizes == (1, 40, 40, 1)
    assert registry.default_model("linear").sizes == (1, 1)
    clusters = registry.make_family("clusters")
    assert registry.default_model(clusters).sizes == (clusters.dim, 64, 64, clusters.n_way)
    with pytest.raises(ValueError, match="unknown task family 'circles'"):
        registry.make_family("circles")


def test_make_strategy_names_the_hyperparameters_it_takes():
    assert make_strategy("fomaml").config.first_order is True
    assert make_strategy("maml", inner_steps=3).config.inner_steps == 3
    with pytest.raises(ValueError, match=r"has no hyperparameter 'lam'; it takes \[.*'inner_lr'"):
        make_strategy("maml", lam=0.1)
    with pytest.raises(ValueError, match="first_order must be True"):
        make_strategy("fomaml", first_order=False)
    with pytest.raises(ValueError, match="unknown strategy 'mamal'"):
        make_strategy("mamal")


def test_the_registry_is_a_plain_dict_of_classes_with_dataclass_configs():
    for name, cls in registry.STRATEGIES.items():
        assert isinstance(cls, type), name
        assert dataclasses.is_dataclass(cls.Config), name
        strategy = make_strategy(name, family_for(name))
        assert isinstance(strategy.config, cls.Config)
        assert isinstance(strategy, Strategy)             # the protocol, as code


@pytest.mark.parametrize("name", list(registry.STRATEGIES))
def test_the_lectures_vocabulary_is_shared_by_every_strategy(name):
    """Every strategy names eta_inner inner_lr and its batch of tasks meta_batch, and a name
    it has not got (K for the closed form, ...) is refused with its reason."""
    fields = {f.name for f in dataclasses.fields(registry.STRATEGIES[name].Config)}
    assert {"inner_lr", "meta_batch", "n_support"} <= fields
    old_names = {"lr", "outer_lr", "head_lr", "finetune_lr", "n_points", "ridge", "heads_lr"}
    assert not fields & old_names
    for key, why in getattr(registry.STRATEGIES[name], "NOT_APPLICABLE", {}).items():
        assert key not in fields
        with pytest.raises(ValueError, match=why.split(",")[0]):
            make_strategy(name, family_for(name), **{key: 1})


@pytest.mark.parametrize("name", list(registry.STRATEGIES))
def test_every_strategy_runs_through_train_checkpoint_resume_and_evaluate(name, tmp_path):
    """The issue's 'done' criterion, in miniature: 4 meta-steps, 4 held-out tasks."""
    path = tmp_path / f"{name}.npz"
    hyper = {"meta_batch": 3} if "meta_batch" in registry.hyperparameters(name) else {}
    strategy = make_strategy(name, family_for(name), **hyper)
    config = describe(strategy)
    assert describe(strategy_from_config(config)) == config       # rebuildable from a file
    train(strategy, 2, seed=0, checkpoint=path)
    state = train(make_strategy(name, family_for(name), **hyper), 4, seed=0, checkpoint=path,
                  resume=True)
    assert_same_state(state, train(make_strategy(name, family_for(name), **hyper), 4, seed=0))
    result = evaluate(strategy, load_checkpoint(path).state, strategy.family, n_tasks=4,
                      n_steps=2, n_query=20)
    assert result.per_task.shape == (4, 3) and np.all(np.isfinite(result.mean))


@pytest.mark.parametrize("family", ["linear", "clusters"])
def test_maml_runs_on_every_task_family(family, tmp_path):
    strategy = make_strategy("maml", family, meta_batch=3)
    state = train(strategy, 2, seed=0, checkpoint=tmp_path / "run.npz")
    rebuilt = strategy_from_config(load_checkpoint(tmp_path / "run.npz").config)
    assert type(rebuilt.family) is type(strategy.family)
    result = evaluate(rebuilt, state, rebuilt.family, n_tasks=4, n_steps=1, n_support=10,
                      n_query=20)
    assert result.metric_name == ("accuracy" if family == "clusters" else "MSE")


def test_config_keeps_hyperparameters_a_subclass_passes_to_its_base():
    # ANIL and Subset hand **hyperparameters on to MAML's constructor; a resumed
    # run must still be checked against inner_lr, K and the rest.
    from scratchmeta.meta import registry
    for name in ("anil", "subset"):
        strategy = registry.make_strategy(name, inner_lr=0.03, inner_steps=2)
        hyper = describe(strategy)["hyperparameters"]
        assert hyper["inner_lr"] == 0.03 and hyper["inner_steps"] == 2
        rebuilt = registry.strategy_from_config(describe(strategy))
        assert (rebuilt.config.inner_lr, rebuilt.config.inner_steps) == (0.03, 2)


@pytest.mark.parametrize("name", list(registry.STRATEGIES))
def test_same_seed_gives_the_same_meta_training(name):
    # Every strategy draws all its randomness from the rng it is handed, so two
    # runs from the same seed agree bit for bit (no global seeding anywhere).
    runs = []
    for _ in range(2):
        strategy = make_strategy(name, family_for(name),
                                 model=MLP((1, 8, 8, 1)) if name not in CLASSIFIERS else None)
        rng = np.random.default_rng(5)
        state = strategy.init_state(rng)
        for i in range(3):
            state, loss = meta_step(strategy, state, rng, i)
        runs.append((state, loss))
    assert runs[0][1] == runs[1][1]
    assert_same_state(runs[0][0], runs[1][0])


# Meta-steps per strategy in the test below, and the ratio after / before measured with its
# seeds (the bound is 0.9): maml 0.56, fomaml 0.61, reptile (60 steps of T = 32) 0.55,
# anil 0.66, closed_form 0.13, subset 0.56, multitask 0.87, pretrained 0.73.
LOWERS = {"maml": 300, "fomaml": 300, "reptile": 60, "anil": 300, "closed_form": 300,
          "subset": 300, "multitask": 300, "pretrained": 300}


@pytest.mark.parametrize("name", list(registry.STRATEGIES))
def test_meta_training_lowers_the_held_out_error_after_adaptation(name):
    """One claim for every registered strategy that learns across tasks: after its
    meta-training, held-out sinusoids adapted by its own rule (1 step) score a lower MSE
    than from its initialisation. Fixed seeds; each ratio is measured in the comment above."""
    if name in CLASSIFIERS:
        pytest.skip("a classifier: tests/test_r2d2.py and tests/test_newton_head.py show "
                    "its meta-training lowering the held-out error")
    if name not in LOWERS:
        assert name == "scratch"         # learns nothing across tasks, by design
        pytest.skip("scratch learns nothing across tasks")
    kw = {"n_steps": LOWERS[name]} if name == "reptile" else {}
    strategy = make_strategy(name, "sinusoid", **kw)
    state = strategy.init_state(np.random.default_rng(0))
    test = Sinusoid().sample(np.random.default_rng(9), 100, 10, 20)
    before = adapt.curve(strategy, state, test, 1)[:, 1].mean()
    rng = np.random.default_rng(1)
    for i in range(LOWERS[name]):
        state, _ = meta_step(strategy, state, rng, i)
    after = adapt.curve(strategy, state, test, 1)[:, 1].mean()
    assert after < 0.9 * before, (before, after)
