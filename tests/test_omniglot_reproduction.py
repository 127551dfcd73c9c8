"""The committed Omniglot MAML weights reproduce their recorded numbers (Chapter 5, issue 10).

``benchmarks/omniglot_reproduction.py`` scored the weights in
``figures/weights/`` on the test characters and wrote
``figures/weights/omniglot_maml.json``; the README's table quotes that record.
These tests run ``python -m scratchmeta evaluate`` on the weights (a few
episodes: fast) and must get the recorded numbers, and check the README
against the record. They need the real drawings and skip without them.
"""

import json
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from omniglot_real import needs_real_data

from scratchmeta.cli import main as cli_main
from scratchmeta.meta.evaluate import format_interval

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "figures" / "weights"
RECORD = json.loads((WEIGHTS / "omniglot_maml.json").read_text())
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_the_record_holds_both_runs_with_the_papers_settings():
    assert set(RECORD) == {"1shot", "5shot"}
    for name, shots in (("1shot", 1), ("5shot", 5)):
        r = RECORD[name]
        assert (WEIGHTS / r["checkpoint"]).exists()
        h = r["hyperparameters"]
        assert (h["n_support"], h["meta_batch"], h["inner_steps"]) == (5 * shots, 32, 1)
        assert h["first_order"] is False and r["test_tasks"] >= 600
        assert r["n_query"] == 5 * shots                  # K query drawings per class, as Finn
        assert len(r["mean"]) == len(r["half_width"]) >= 4


@needs_real_data
@pytest.mark.parametrize("name", ["1shot", "5shot"])
def test_evaluate_on_the_committed_weights_gives_the_recorded_numbers(name, capsys):
    r = RECORD[name]
    code = cli_main(["evaluate", "--checkpoint", str(WEIGHTS / r["checkpoint"]), "--split",
                     "test", "--tasks", str(r["quick_tasks"]), "--support", str(r["n_support"]),
                     "--query", str(r["n_query"]), "--steps", str(r["paper"]["steps"])])
    assert code == 0
    printed = capsys.readouterr().out
    rows = re.findall(r"^(\d+)\s+(\S+ ± \S+)$", printed, flags=re.M)
    assert [k for k, _ in rows] == [str(k) for k in range(r["paper"]["steps"] + 1)]
    assert [cell for _, cell in rows] == [format_interval(m, h) for m, h in
                                          zip(r["quick_mean"], r["quick_half_width"])]


@needs_real_data
@pytest.mark.slow
@pytest.mark.parametrize("name", ["1shot", "5shot"])
def test_the_full_test_run_gives_the_recorded_table(name):
    from omniglot_reproduction import score
    r = RECORD[name]
    _, full = score(WEIGHTS / r["checkpoint"], r["test_tasks"], len(r["mean"]) - 1)
    np.testing.assert_allclose(full.mean, r["mean"], atol=1e-12)
    np.testing.assert_allclose(full.half_width, r["half_width"], atol=1e-12)


def test_the_readme_quotes_the_record():
    readme = (ROOT / "README.md").read_text()
    for name, r in RECORD.items():
        steps = r["paper"]["steps"]
        quoted = f"{100 * r['mean'][steps]:.1f} ± {100 * r['half_width'][steps]:.1f} %"
        assert quoted in readme, f"README does not quote {name}'s {quoted}"
        chosen = r["validation"]["steps"]
        quoted = (f"{100 * r['chosen_mean'][chosen]:.1f} ± "
                  f"{100 * r['chosen_half_width'][chosen]:.1f} %")
        assert quoted in readme, f"README does not quote {name}'s validation-chosen {quoted}"


def test_the_1shot_row_reaches_the_papers_mean_with_its_budget():
    # The README says the 1-shot row is reproduced: Finn et al.'s 60,000 meta-steps, and a
    # mean after their 3 test-time steps at least their 89.7 %.
    r = RECORD["1shot"]
    assert r["meta_steps"] == 60000
    assert r["mean"][r["paper"]["steps"]] >= r["paper"]["mean"]


def test_the_1shot_training_time_in_the_readme_is_its_logs_and_within_an_hour():
    log = (WEIGHTS / "omniglot_maml_1shot.log").read_text()
    seconds = float(re.search(r"saved \S+ after 60000 meta-steps \(([\d.]+) s\)", log).group(1))
    assert "resuming" not in log                   # one uninterrupted run
    assert seconds <= 3600                         # issue 10's target: at most 60 minutes
    assert f"| 1-shot | 60,000 (Finn et al.'s budget) | {seconds / 60:.1f} min |" in \
        (ROOT / "README.md").read_text()


def test_the_5shot_row_has_the_full_budget_and_lies_inside_the_papers_interval():
    # The README says the 5-shot row is reproduced: 60,000 meta-steps, and a mean after
    # 3 test-time steps inside Finn et al.'s 97.5 +- 0.6 %.
    r = RECORD["5shot"]
    assert r["meta_steps"] == 60000
    mean, paper = r["mean"][r["paper"]["steps"]], r["paper"]
    assert abs(mean - paper["mean"]) <= paper["half_width"]


def test_the_5shot_segments_times_in_the_readme_are_its_logs():
    log = (WEIGHTS / "omniglot_maml_5shot.log").read_text()
    first, _, second = log.partition("--- second segment")
    assert "terminated (SIGTERM); meta-step 19396 is saved" in first
    assert "resuming MAML from step 19396" in second
    seconds = float(re.search(r"saved \S+ after 60000 meta-steps \(([\d.]+) s\)",
                              second).group(1))
    assert f"| 5-shot | 60,000 (Finn et al.'s budget), in two segments | 75 min + " \
           f"{seconds / 60:.1f} min |" in (ROOT / "README.md").read_text()


def test_the_5shot_text_quotes_the_record_and_the_drop_it_describes():
    # "Repeating the step trained for one use costs a little": the mean falls from 1 to
    # 3 test-time steps, and the README quotes those three means from the record.
    m = [100 * v for v in RECORD["5shot"]["mean"]]
    assert m[1] > m[2] > m[3]
    assert (f"({m[1]:.1f} % after one step, then {m[2]:.1f} %, {m[3]:.1f} %)"
            in " ".join((ROOT / "README.md").read_text().split()))
