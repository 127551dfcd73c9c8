"""The shared outer loop: progress lines, atomic .npz checkpoints, bit-identical resume,
exploding meta-gradients that stop the run with advice, and first-edition checkpoints."""

import os
import re

import numpy as np
import pytest

from scratchmeta.meta import training
from scratchmeta.meta.guard import ExplodingMetaGradient
from scratchmeta.meta.protocol import describe
from scratchmeta.meta.registry import make_strategy, strategy_from_config
from scratchmeta.meta.training import (flatten, init_rng, load_checkpoint, save_checkpoint,
                                       step_rng, train, unflatten)
from scratchmeta.nn import MLP


def small_maml(first_order=False, **hyper):
    """MAML on sinusoids with a small net and meta-batch, so a step takes about 1 ms."""
    name = "fomaml" if first_order else "maml"
    return make_strategy(name, "sinusoid", model=MLP((1, 16, 16, 1)),
                         **{"meta_batch": 5, **hyper})


class FailsAt:
    """A strategy that behaves like ``inner`` until meta-step ``at``, then raises ``error``."""

    def __init__(self, inner, at, error):
        self.inner, self.at, self.error = inner, at, error
        self.name, self.model, self.family = inner.name, inner.model, inner.family
        self.config = inner.config

    def init_state(self, rng):
        return self.inner.init_state(rng)

    def sample_batch(self, rng, state):
        return self.inner.sample_batch(rng, state)

    def update(self, state, batch, rng, step):
        if step == self.at:
            raise self.error
        return self.inner.update(state, batch, rng, step)


def describe_failing(strategy):
    return describe(strategy.inner) if isinstance(strategy, FailsAt) else describe(strategy)


@pytest.fixture(autouse=True)
def describe_wrappers_like_their_strategy(monkeypatch):
    # FailsAt is a test double, not a registered class: describe it as the strategy it wraps.
    monkeypatch.setattr(training, "describe", describe_failing)


def assert_same_state(a, b):
    a, b = flatten(a), flatten(b)
    assert sorted(a) == sorted(b)
    for key in a:
        assert a[key].dtype == b[key].dtype, key
        np.testing.assert_array_equal(a[key], b[key], err_msg=key)


# --- progress -------------------------------------------------------------------------------

def test_progress_lines_give_step_running_mean_loss_speed_and_eta():
    lines, history = [], []
    train(small_maml(), 20, seed=0, progress=lines.append, log_every=5, history=history)
    pattern = re.compile(r"^step +(\d+)/20  meta-loss (\S+)  (\S+) steps/s  ETA (\d+s|\d+m\d\ds)$")
    assert len(lines) == 4
    for k, line in enumerate(lines):
        m = pattern.match(line)
        assert m, line
        assert int(m[1]) == 5 * (k + 1)
        # The loss printed is the mean of the 5 steps since the previous line.
        assert float(m[2]) == pytest.approx(np.mean(history[5 * k:5 * k + 5]), rel=1e-3)
        assert float(m[3]) > 0
    assert lines[-1].endswith("ETA 0s")


def test_eta_is_formatted_in_hours_minutes_and_seconds():
    assert [training._duration(s) for s in (4.4, 187, 7500)] == ["4s", "3m07s", "2h05m"]


# --- checkpoints ------------------------------------------------------------------------------

def test_checkpoint_round_trip_keeps_every_array_bit_for_bit(tmp_path):
    path = tmp_path / "run.npz"
    strategy, history = small_maml(), []
    state = train(strategy, 7, seed=3, checkpoint=path, checkpoint_every=100, history=history)
    ckpt = load_checkpoint(path)
    assert_same_state(ckpt.state, state)
    assert (ckpt.step, ckpt.seed, ckpt.strategy) == (7, 3, "MAML")
    np.testing.assert_array_equal(ckpt.meta_losses, history)
    assert ckpt.config == describe(strategy)
    assert ckpt.config["model"] == {"class": "MLP",
                                    "arguments": {"sizes": [1, 16, 16, 1], "activation": "relu"}}
    # The recorded configuration rebuilds an equal strategy.
    assert describe(strategy_from_config(ckpt.config)) == describe(strategy)


def test_checkpoint_holds_only_plain_arrays_with_a_json_config(tmp_path):
    path = tmp_path / "run.npz"
    train(small_maml(inner_lr=0.02), 2, seed=0, checkpoint=path)
    with np.load(path, allow_pickle=False) as data:
        assert all(data[k].dtype != object for k in data.files)
        config = data["meta/config"]
        assert config.shape == () and config.dtype.kind == "U"
        assert '"inner_lr": 0.02' in str(config)


UNPICKLED = []


def _record(what):
    UNPICKLED.append(what)


class Trap:
    """An object whose unpickling would call ``_record``: proof, if it stays silent, that
    no code from the file ran."""

    def __reduce__(self):
        return (_record, ("unpickled",))


def test_a_checkpoint_with_pickled_objects_is_refused_without_running_them(tmp_path):
    path = tmp_path / "evil.npz"
    np.savez(path, **{"state/params/0": np.array([Trap()], dtype=object),
                      "meta/format": np.array(training.FORMAT)})
    with np.load(path, allow_pickle=True) as data:       # the trap is armed: pickle runs it
        data["state/params/0"]
    assert UNPICKLED == ["unpickled"]
    UNPICKLED.clear()
    with pytest.raises(ValueError, match="allow_pickle=False"):
        load_checkpoint(path)
    assert UNPICKLED == []


def test_a_file_that_is_not_a_checkpoint_is_refused_clearly(tmp_path):
    other = tmp_path / "other.npz"
    np.savez(other, x=np.zeros(3))
    with pytest.raises(ValueError, match="not a scratchmeta checkpoint"):
        load_checkpoint(other)
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ValueError, match="not a readable checkpoint"):
        load_checkpoint(garbage)
    with pytest.raises(FileNotFoundError, match="no checkpoint"):
        load_checkpoint(tmp_path / "absent.npz")
    with pytest.raises(ValueError, match="must end in .npz"):
        save_checkpoint(tmp_path / "run.ckpt", {}, step=0, seed=0, config={}, meta_losses=[])


def test_a_crash_while_writing_leaves_the_previous_checkpoint_whole(tmp_path, monkeypatch):
    path = tmp_path / "run.npz"
    train(small_maml(), 4, seed=0, checkpoint=path, checkpoint_every=2)
    before = path.read_bytes()

    def dies_half_way(f, **arrays):
        f.write(b"PK\x03\x04 half a zip file")
        raise OSError("disk full")
    monkeypatch.setattr(training.np, "savez", dies_half_way)
    with pytest.raises(OSError, match="disk full"):
        train(small_maml(), 6, seed=0, checkpoint=path, checkpoint_every=2, resume=True)
    assert path.read_bytes() == before
    assert load_checkpoint(path).step == 4
    assert os.listdir(tmp_path) == ["run.npz"]                  # no run.npz.tmp left behind


def test_a_crashing_step_leaves_the_last_periodic_checkpoint_and_no_tmp(tmp_path):
    path = tmp_path / "run.npz"
    reference = train(small_maml(), 5, seed=0)
    with pytest.raises(RuntimeError, match="power cut"):
        train(FailsAt(small_maml(), 7, RuntimeError("power cut")), 12, seed=0,
              checkpoint=path, checkpoint_every=5)
    assert_same_state(load_checkpoint(path).state, reference)
    assert os.listdir(tmp_path) == ["run.npz"]


# --- resume ---------------------------------------------------------------------------------

@pytest.mark.parametrize("first_order", [False, True], ids=["maml", "fomaml"])
def test_resume_after_a_crash_is_bit_identical_to_an_uninterrupted_run(tmp_path, first_order):
    path = tmp_path / "run.npz"
    whole, whole_losses = [], []
    whole = train(small_maml(first_order), 12, seed=5, history=whole_losses)
    with pytest.raises(RuntimeError):                    # dies at step 7; file holds step 5
        train(FailsAt(small_maml(first_order), 7, RuntimeError("killed")), 12, seed=5,
              checkpoint=path, checkpoint_every=5)
    assert load_checkpoint(path).step == 5
    resumed_losses = []
    resumed = train(small_maml(first_order), 12, seed=5, checkpoint=path, checkpoint_every=5,
                    resume=True, history=resumed_losses)
    assert_same_state(resumed, whole)
    assert resumed_losses == whole_losses
    assert_same_state(load_checkpoint(path).state, whole)


def test_resume_says_where_it_continues_and_can_extend_a_finished_run(tmp_path):
    path = tmp_path / "run.npz"
    train(small_maml(), 3, seed=1, checkpoint=path)
    lines = []
    extended = train(small_maml(), 6, seed=1, checkpoint=path, resume=True,
                     progress=lines.append, log_every=3)
    assert lines[0] == f"resuming MAML from step 3 of {path}"
    assert lines[1].startswith("step 6/6")
    assert_same_state(extended, train(small_maml(), 6, seed=1))
    with pytest.raises(ValueError, match="already at step 6, beyond the requested n_steps = 4"):
        train(small_maml(), 4, seed=1, checkpoint=path, resume=True)


def test_resume_may_change_a_step_size_and_says_so_and_records_it(tmp_path):
    path = tmp_path / "run.npz"
    train(small_maml(inner_lr=0.01), 2, seed=1, checkpoint=path)
    lines = []
    resumed = train(small_maml(inner_lr=0.02), 4, seed=1, checkpoint=path, resume=True,
                    progress=lines.append)
    assert lines[1] == ("changed from the checkpoint's settings (recorded in it): "
                        "inner_lr 0.01 -> 0.02")
    ckpt = load_checkpoint(path)
    assert ckpt.changes == ({"step": 2, "changes": {"inner_lr": [0.01, 0.02]}},)
    assert ckpt.config["hyperparameters"]["inner_lr"] == 0.02
    # The same as two steps at 0.01 and two at 0.02, and not as four at 0.01.
    first = train(small_maml(inner_lr=0.01), 2, seed=1, checkpoint=tmp_path / "b.npz")
    assert not np.array_equal(flatten(resumed)["params/0"],
                              flatten(train(small_maml(inner_lr=0.01), 4, seed=1))["params/0"])
    assert_same_state(load_checkpoint(tmp_path / "b.npz").state, first)
    # Resuming again with the new setting is no change; the record is kept.
    train(small_maml(inner_lr=0.02), 5, seed=1, checkpoint=path, resume=True)
    assert load_checkpoint(path).changes == ckpt.changes


def test_resume_refuses_a_checkpoint_of_another_configuration_or_seed(tmp_path):
    path = tmp_path / "run.npz"
    train(small_maml(inner_lr=0.01), 2, seed=1, checkpoint=path)
    with pytest.raises(ValueError, match=r"first_order: checkpoint False, this run True"):
        train(small_maml(first_order=True), 4, seed=1, checkpoint=path, resume=True)
    with pytest.raises(ValueError, match=r"seed \(--seed\): checkpoint 1, this run 2"):
        train(small_maml(), 4, seed=2, checkpoint=path, resume=True)
    with pytest.raises(FileNotFoundError):
        train(small_maml(), 4, seed=1, checkpoint=tmp_path / "absent.npz", resume=True)
    with pytest.raises(ValueError, match="needs the checkpoint path"):
        train(small_maml(), 4, seed=1, resume=True)


def test_each_step_has_its_own_stream_and_plain_seed_lists_would_collide():
    # Why the trainer uses spawn keys: SeedSequence pads [s] with zeros, so [s] == [s, 0].
    assert np.random.default_rng([5]).random() == np.random.default_rng([5, 0]).random()
    draws = [init_rng(5).random()] + [step_rng(5, t).random() for t in range(3)]
    assert len(set(draws)) == 4
    assert step_rng(5, 2).random() == step_rng(5, 2).random()


def test_a_generator_seed_gives_the_same_run_as_the_int_it_draws():
    run = train(small_maml(), 3, np.random.default_rng(9))
    seed = int(np.random.default_rng(9).integers(2 ** 63))
    assert_same_state(run, train(small_maml(), 3, seed))
    with pytest.raises(ValueError, match=r"seed must be an integer in \[0, 2\*\*63\), got -1"):
        train(small_maml(), 3, -1)
    with pytest.raises(ValueError, match=r"got 9223372036854775808"):
        train(small_maml(), 3, 2 ** 63)
    with pytest.raises(TypeError, match="seed must be an integer"):
        train(small_maml(), 3, "0")


# --- exploding meta-gradients -----------------------------------------------------------------

def test_an_exploding_meta_gradient_stops_the_run_with_its_advice(tmp_path):
    # K = 3 steps of inner_lr = 10 on sinusoids: the meta-gradient overflows (section 1.3.7).
    path = tmp_path / "run.npz"
    with np.errstate(all="ignore"), pytest.raises(ExplodingMetaGradient,
                                                  match=r"section 1\.3\.7.*smaller inner_lr"):
        train(small_maml(inner_lr=10.0, inner_steps=3), 5, seed=0, checkpoint=path)
    ckpt = load_checkpoint(path)                         # the last good state: the initial one
    assert ckpt.step == 0
    assert_same_state(ckpt.state, small_maml().init_state(init_rng(0)))


def test_an_explosion_mid_run_saves_the_last_good_state(tmp_path):
    path = tmp_path / "run.npz"
    error = ExplodingMetaGradient("the meta-gradient is not finite at meta-step 7")
    with pytest.raises(ExplodingMetaGradient, match="not finite at meta-step 7"):
        train(FailsAt(small_maml(), 7, error), 12, seed=0, checkpoint=path, checkpoint_every=5)
    ckpt = load_checkpoint(path)
    assert ckpt.step == 7
    assert_same_state(ckpt.state, train(small_maml(), 7, seed=0))
    assert os.listdir(tmp_path) == ["run.npz"]


def test_a_nan_meta_loss_is_never_carried_forward(tmp_path):
    # theta0 turned NaN inside meta-step 2: the strategy's own guard stops the step.
    class NaNParams(FailsAt):
        def update(self, state, batch, rng, step):
            self.at += 1
            if self.at == 3:
                state = dict(state, params=[p * np.nan for p in state["params"]])
            return self.inner.update(state, batch, rng, step)
    with pytest.raises(ExplodingMetaGradient, match="meta-loss is nan at meta-step 2"):
        train(NaNParams(small_maml(), 0, None), 5, seed=0, checkpoint=tmp_path / "run.npz")
    assert load_checkpoint(tmp_path / "run.npz").step == 2          # the last good state


def test_a_batch_of_nan_data_is_refused_before_its_step_and_the_run_kept(tmp_path):
    # Query targets that are NaN are bad data, not an explosion: refused by name.
    class NaNQuery(FailsAt):
        def sample_batch(self, rng, state):
            batch = self.inner.sample_batch(rng, state)
            return batch._replace(y_query=batch.y_query * np.nan) if self.at == 2 else batch

        def update(self, state, batch, rng, step):
            self.at += 1
            return self.inner.update(state, batch, rng, step)
    with pytest.raises(ValueError, match=r"batch\.y_query must hold finite numbers"):
        train(NaNQuery(small_maml(), 0, None), 5, seed=0, checkpoint=tmp_path / "run.npz")
    ckpt = load_checkpoint(tmp_path / "run.npz")
    assert ckpt.step == 2
    assert_same_state(ckpt.state, train(small_maml(), 2, seed=0))


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="n_steps must be an integer >= 0, got -1"):
        train(small_maml(), -1, seed=0)
    with pytest.raises(ValueError, match="checkpoint_every must be an integer >= 1"):
        train(small_maml(), 1, seed=0, checkpoint_every=0)


def test_flatten_and_unflatten_round_trip_a_nested_state():
    state = {"params": [np.zeros((2, 3)), np.ones(3)],
             "adam": {"t": np.array(4), "m": [np.ones((2, 3)), np.zeros(3)]}}
    flat = flatten(state)
    assert sorted(flat) == ["adam/m/0", "adam/m/1", "adam/t", "params/0", "params/1"]
    again = unflatten(flat)
    assert_same_state(again, state)
    assert isinstance(again["params"], list) and isinstance(again["adam"]["m"], list)
    with pytest.raises(TypeError, match="without '/'"):
        flatten({"a/b": np.zeros(1)})


# --- checkpoints of the first edition (format 1) ------------------------------------------

def _first_edition_checkpoint(path, config, state, step=3):
    """A checkpoint as the first edition wrote it: flat numbered keys, the old names."""
    np.savez(path, **{f"state/{k}": v for k, v in state.items()},
             **{"meta/format": np.array(training.FORMAT_1), "meta/step": np.array(step),
                "meta/seed": np.array(0), "meta/strategy": np.array(config["name"]),
                "meta/config": np.array(__import__("json").dumps(config)),
                "meta/meta_losses": np.zeros(step)})


def _old_record(cls, name, hyper, sizes=(1, 8, 1)):
    return {"class": f"scratchmeta.meta.{cls}", "name": name, "hyperparameters": hyper,
            "model": {"class": "MLP", "arguments": {"sizes": list(sizes), "activation": "relu"}},
            "family": {"name": "sinusoid", "class": "Sinusoid",
                       "arguments": {"amplitude": [0.1, 5.0], "phase": [0.0, np.pi],
                                     "x_range": [-5.0, 5.0]}}}


def test_a_first_edition_maml_checkpoint_loads_into_the_nested_state(tmp_path):
    rng = np.random.default_rng(0)
    params = MLP((1, 8, 1)).init(rng)
    flat = {f"params{i}": p for i, p in enumerate(params)}
    flat.update({"adam_t": np.array(3)})
    flat.update({f"adam_m{i}": p * 0.1 for i, p in enumerate(params)})
    flat.update({f"adam_v{i}": p * p for i, p in enumerate(params)})
    hyper = {"first_order": True, "inner_lr": 0.01, "inner_steps": 1, "meta_batch": 25,
             "meta_lr": 0.001, "n_query": 10, "n_support": 10}
    _first_edition_checkpoint(tmp_path / "old.npz", _old_record("maml.MAML", "FOMAML", hyper),
                              flat)
    ckpt = load_checkpoint(tmp_path / "old.npz")
    assert ckpt.config["class"] == "scratchmeta.meta.maml.FOMAML"
    for got, want in zip(ckpt.state["params"], params):
        np.testing.assert_array_equal(got, want)
    assert int(ckpt.state["adam"]["t"]) == 3
    np.testing.assert_array_equal(ckpt.state["adam"]["v"][1], params[1] ** 2)
    strategy = strategy_from_config(ckpt.config)
    assert strategy.name == "FOMAML" and strategy.config.first_order


def test_first_edition_names_are_translated_to_todays(tmp_path):
    rng = np.random.default_rng(1)
    params = MLP((1, 8, 1)).init(rng)
    hyper = {"lr": 0.002, "meta_batch": 25, "n_points": 10, "finetune_lr": 0.02}
    _first_edition_checkpoint(tmp_path / "old.npz",
                              _old_record("baselines.Pretrained", "Pretrained + fine-tuned",
                                          hyper), {f"params{i}": p for i, p in enumerate(params)})
    ckpt = load_checkpoint(tmp_path / "old.npz")
    assert ckpt.config["hyperparameters"] == {"meta_lr": 0.002, "meta_batch": 25,
                                              "n_support": 10, "inner_lr": 0.02}
    assert int(ckpt.state["adam"]["t"]) == 0          # saved before Adam's first step
    strategy = strategy_from_config(ckpt.config)
    assert (strategy.config.meta_lr, strategy.config.inner_lr) == (0.002, 0.02)


def test_a_first_edition_checkpoint_of_an_unknown_class_is_refused(tmp_path):
    _first_edition_checkpoint(tmp_path / "old.npz", _old_record("maml.Mystery", "?", {}), {})
    with pytest.raises(ValueError, match="unknown strategy class 'Mystery'"):
        load_checkpoint(tmp_path / "old.npz")


@pytest.mark.parametrize("name", ["maml", "multitask", "reptile", "closed_form"])
def test_the_step_guard_only_reads_a_valid_run_is_bit_identical_without_it(name, monkeypatch):
    strategy = make_strategy(name, "sinusoid", model=MLP((1, 16, 16, 1)), meta_batch=4,
                             **({"n_steps": 6} if name == "reptile" else {}))
    guarded = flatten(train(strategy, 6, seed=2))
    monkeypatch.setattr(training, "check_step", lambda *args, **kwargs: None)
    bare = flatten(train(strategy, 6, seed=2))
    assert sorted(guarded) == sorted(bare)
    for key in bare:
        assert guarded[key].dtype == bare[key].dtype
        np.testing.assert_array_equal(guarded[key], bare[key], err_msg=key)
