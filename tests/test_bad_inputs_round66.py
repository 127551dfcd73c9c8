"""Round 66 of issue 11, tested on other values than the battery's: with sight of the
ninetieth battery (measured blind first at 412ac98). A strategy built by make_strategy, or
rebuilt from a checkpoint, fixes its family, model and config: assigning one is a TypeError
that names it and says how to build the strategy meant. Each test fails at 2fac116, except
the guards named ``..._still_...``."""

import numpy as np
import pytest

from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.training import restore, train
from scratchmeta.nn import MLP
from scratchmeta.settled import SettingFixed


@pytest.mark.parametrize("key, value", [("family", lambda: make_family("linear")),
                                        ("model", lambda: MLP((1, 8, 1))),
                                        ("config", lambda: None), ("name", lambda: "FOMAML")])
def test_a_built_strategy_refuses_a_new_family_model_or_config(key, value):
    strategy = make_strategy("reptile", meta_batch=2)
    with pytest.raises(SettingFixed, match=rf"^Reptile\.{key} is fixed once the Reptile is "
                                           rf"built.*type\(s\)\(s\.model, s\.family, s\.config"):
        setattr(strategy, key, value())


def test_a_restored_strategy_is_fixed_too(tmp_path):
    train(make_strategy("maml", meta_batch=2), 1, 0, checkpoint=str(tmp_path / "r.npz"),
          progress=None)
    _, strategy = restore(str(tmp_path / "r.npz"))
    with pytest.raises(TypeError, match=r"MAML\.family is fixed"):
        strategy.family = make_family("sinusoid", amplitude=(1.0, 2.0))


def test_a_strategy_built_anew_with_another_family_still_works():
    strategy = make_strategy("maml", meta_batch=2)
    other = type(strategy)(strategy.model, make_family("sinusoid", amplitude=(1.0, 2.0)),
                           strategy.config)
    state = other.init_state(np.random.default_rng(0))
    assert other.family.amplitude == (1.0, 2.0) and "params" in state
    strategy._scratch = 1                             # private attributes stay free
    strategy.note = "new attributes too"
