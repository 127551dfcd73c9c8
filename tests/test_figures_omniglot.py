"""The Omniglot comparison (Chapter 5): its pipeline on a tiny dataset, the skip without data,
and, on the real data and the committed weights, every sentence its caption claims."""

import numpy as np
import pytest

from omniglot_real import needs_real_data

from scratchmeta import figures
from scratchmeta.datasets.omniglot import OmniglotImages
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.figures import omniglot as omniglot_figure
from scratchmeta.meta import omniglot_compare as oc


def _tiny_families(seed=0, n_characters=24):
    """Random 'drawings' of 24 characters: 12 train, 6 validation, 6 test."""
    rng = np.random.default_rng(seed)
    data = OmniglotImages((rng.random((n_characters, 20, 28, 28)) < 0.2).astype(np.float32),
                          np.array([f"alphabet{i // 4}" for i in range(n_characters)]),
                          np.array([f"character{i % 4:02d}" for i in range(n_characters)]),
                          n_characters // 2)
    return {split: Omniglot(5, split, data=data, n_train=12, n_validation=6)
            for split in ("train", "validation", "test")}


@pytest.mark.parametrize("name", ["maml", "r2d2", "multitask"])
def test_train_store_choose_on_validation_and_reload(name, tmp_path, monkeypatch, capsys):
    """The whole pipeline on a tiny dataset: train by the clock, store float16 weights,
    choose the step size on validation episodes, score test episodes, read it all back."""
    monkeypatch.setattr(oc, "N_CHECK_TASKS", 3)
    monkeypatch.setattr(oc, "N_VALIDATION", 4)
    monkeypatch.setattr(oc, "N_TEST", 6)
    fams = _tiny_families()
    state, record = oc.train_and_evaluate(name, fams, 1, tmp_path, seconds=0.3,
                                          progress=lambda line: None)
    assert record["n_steps"] >= 1 and record["train_seconds"] >= 0.3
    assert record["seconds"][0] == 0.0 and len(record["seconds"]) == len(record["val_accuracy"])
    ev = record["evaluation"]
    table = np.asarray(ev["validation"])
    assert table.shape == (len(oc.STEP_SIZES), oc.N_STEPS + 1)
    # the chosen (step size, steps) is the best validation cell, and no better one has fewer steps
    best = table.max()
    assert table[oc.STEP_SIZES.index(ev["step_size"]), ev["steps"]] == best
    assert not (table[:, :ev["steps"]] == best).any()
    results = oc.compare(tmp_path, shots=(1,), names=(name,))
    r = results[(name, 1)]
    assert r["per_task"].shape == (6,)
    # the stored test numbers are what the stored weights give
    strategy = oc.with_step_size(oc.build(name, fams["test"], 1), r["step_size"])
    again = oc.accuracy_curves(strategy, r["state"], oc.episodes(fams["test"], 6, 1,
                                                                 oc.TEST_SEED))
    np.testing.assert_array_equal(again, np.asarray(ev["test"]))
    # and the command line prints the table from what was stored
    assert oc.main(["table", "--out", str(tmp_path), "--shots", "1", "--strategies", name]) == 0
    out = capsys.readouterr().out
    assert record["label"] in out and f"{ev['step_size']:g}, {ev['steps']}" in out


@pytest.mark.parametrize("kwargs, match", [
    ({"seconds": 0}, "seconds must be a positive number"),
    ({"seconds": float("nan")}, "seconds must be a positive number"),
    ({"name": "scratch"}, "unknown strategy 'scratch'"),
])
def test_bad_training_arguments_are_named_before_any_work(kwargs, match):
    args = {"name": "maml", "fams": None, "shots": 1, "seconds": 1.0, **kwargs}
    with pytest.raises(ValueError, match=match):
        oc.train_one(args.pop("name"), args.pop("fams"), args.pop("shots"), **args)


def test_missing_weights_name_the_command(tmp_path):
    with pytest.raises(FileNotFoundError, match="omniglot_compare train"):
        oc.load_run(tmp_path, "maml", 1)


def test_without_data_the_figure_is_skipped_and_the_others_are_made(tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("SCRATCHMETA_OMNIGLOT", str(empty))
    lines = []
    results = figures.run_all(tmp_path / "out", quick=True, only=["fig22_3", "omniglot"],
                              progress=lines.append)
    assert results["omniglot"]["files"] == []
    assert str(empty) in results["omniglot"]["skipped"]
    assert "SCRATCHMETA_OMNIGLOT" in results["omniglot"]["skipped"]
    assert any("omniglot: skipped" in line for line in lines)
    assert results["fig22_3"]["files"] and all((tmp_path / "out").glob("fig22_3_*.png"))
    assert not list((tmp_path / "out").glob("omniglot_*.png"))


# --- the committed runs: every sentence of the caption and the README is a test ----------

@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The quick figure from the committed weights (only for tests marked needs_real_data),
    with the loader's cache in a temporary folder."""
    out = tmp_path_factory.mktemp("omniglot_figure")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SCRATCHMETA_DATA", str(tmp_path_factory.mktemp("omniglot_cache")))
        mp.delenv("SCRATCHMETA_OMNIGLOT", raising=False)
        numbers = omniglot_figure.make(out, quick=True)
    if numbers.get("skipped"):
        pytest.skip(numbers["skipped"])
    return numbers


def run(made, name, k):
    return made[f"{name}_{k}shot"]


@needs_real_data
def test_the_stored_numbers_are_what_the_committed_weights_give(made):
    assert made["verified_difference"] <= 1.5 / 75
    assert len(made["files"]) == 2


@needs_real_data
def test_the_choice_was_made_on_validation_and_is_the_best_validation_cell(made):
    for name in oc.STRATEGIES:
        for k in oc.SHOTS:
            r = run(made, name, k)
            assert r["step_size"] in oc.STEP_SIZES and 0 <= r["steps"] <= oc.N_STEPS
            assert r["test_accuracy"] == pytest.approx(r["test_mean"][r["steps"]])
            assert r["per_task"].shape == (oc.N_TEST,)


def lower(r):
    return r["test_accuracy"] - r["test_interval"]


def upper(r):
    return r["test_accuracy"] + r["test_interval"]


@needs_real_data
def test_claim_every_strategy_is_above_chance_and_none_reaches_finn_et_al(made):
    """README: above chance (20%) everywhere; no row reaches 89.7% (1-shot) or 97.5% (5-shot)."""
    for name in oc.STRATEGIES:
        assert lower(run(made, name, 1)) > 0.2 and lower(run(made, name, 5)) > 0.2
        assert upper(run(made, name, 1)) < 0.897 and upper(run(made, name, 5)) < 0.975


@needs_real_data
def test_claim_the_closed_form_heads_lead_at_5_shot_ahead_of_multitask_then_the_sgd_learners(
        made):
    heads = [run(made, n, 5) for n in ("r2d2", "newton_head")]
    multitask = run(made, "multitask", 5)
    sgd = [run(made, n, 5) for n in ("maml", "fomaml", "reptile", "anil", "pretrained")]
    assert min(lower(h) for h in heads) > upper(multitask)
    assert lower(multitask) > max(upper(r) for r in sgd)


@needs_real_data
def test_claim_r2d2_leads_at_1_shot_and_the_sgd_learners_are_within_two_points(made):
    best = run(made, "r2d2", 1)
    for name in oc.STRATEGIES:
        if name != "r2d2":
            # paired over the same 600 test episodes: the difference's 95% interval is above 0
            diff = best["per_task"] - run(made, name, 1)["per_task"]
            assert diff.mean() - 1.96 * diff.std(ddof=1) / np.sqrt(len(diff)) > 0, name
    close = [run(made, n, 1)["test_accuracy"] for n in ("maml", "fomaml", "anil", "multitask")]
    assert max(close) - min(close) < 0.02


@needs_real_data
def test_claim_pretrained_is_last_and_gets_worse_while_it_trains(made):
    for k in oc.SHOTS:
        pre = run(made, "pretrained", k)
        assert all(upper(pre) < lower(run(made, n, k)) for n in oc.STRATEGIES
                   if n != "pretrained")
        _, val = pre["time_curve"]
        assert val[-1] < val[0]


@needs_real_data
def test_claim_reptile_ends_1_shot_training_below_its_start(made):
    _, val = run(made, "reptile", 1)["time_curve"]
    assert val[-1] < val[0]
    assert run(made, "reptile", 1)["test_accuracy"] < min(
        run(made, n, 1)["test_accuracy"] for n in oc.STRATEGIES
        if n not in ("reptile", "pretrained"))


@needs_real_data
def test_claim_second_order_maml_takes_fewest_steps_at_5_shot_reptile_at_1_shot(made):
    steps = {k: {n: run(made, n, k)["n_steps"] for n in oc.STRATEGIES} for k in oc.SHOTS}
    assert min(steps[5], key=steps[5].get) == "maml"
    assert min(steps[1], key=steps[1].get) == "reptile"
    for k in oc.SHOTS:
        for n in oc.STRATEGIES:
            assert 90 <= run(made, n, k)["train_seconds"] < 92      # the equal budget


@needs_real_data
def test_claim_the_heads_lead_the_time_figure_after_the_start(made):
    """1-shot: both heads above MAML, FOMAML and ANIL at every check after 0 s;
    5-shot: above every other strategy at every check after 0 s."""
    for k, others in ((1, ("maml", "fomaml", "anil")),
                      (5, tuple(n for n in oc.STRATEGIES if n not in ("r2d2", "newton_head")))):
        heads = np.minimum(run(made, "r2d2", k)["time_curve"][1],
                           run(made, "newton_head", k)["time_curve"][1])
        rest = np.max([run(made, n, k)["time_curve"][1] for n in others], axis=0)
        assert np.all(heads[1:] > rest[1:])


@needs_real_data
def test_claim_some_choices_sit_at_the_end_of_the_step_grid(made):
    at_end = [(n, k) for n in oc.STRATEGIES for k in oc.SHOTS
              if run(made, n, k)["steps"] == oc.N_STEPS]
    assert ("maml", 1) in at_end and ("maml", 5) in at_end and len(at_end) >= 6
