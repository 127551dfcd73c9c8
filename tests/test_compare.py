"""meta/compare: the fair comparison's bookkeeping (inputs, step-0 labels, table rows)."""

import pytest

from scratchmeta.meta import compare
from scratchmeta.meta.registry import make_strategy


def test_step_0_fit_is_flagged_exactly_where_the_0_step_prediction_holds_a_ridge_head():
    assert compare.fits_at_step_0(make_strategy("closed_form"))
    assert compare.fits_at_step_0(make_strategy("multitask"))               # closed-form head
    assert not compare.fits_at_step_0(make_strategy("multitask", head_init="zero"))
    for name in ("maml", "fomaml", "reptile", "anil", "pretrained", "scratch", "subset"):
        assert not compare.fits_at_step_0(make_strategy(name))


def test_run_refuses_missing_step_counts_and_a_shared_seed():
    with pytest.raises(ValueError, match=r"missing \['fomaml'\]"):
        compare.run("sinusoid", {"maml": 1}, strategies=("maml", "fomaml"))
    with pytest.raises(ValueError, match="must differ from the validation seed"):
        compare.run("sinusoid", {"maml": 1}, strategies=("maml",), test_seed=5, val_seed=5)


def test_a_tiny_run_reports_the_chosen_settings_and_marks_step_0_rows():
    results = compare.run("sinusoid", {"maml": 2, "closed_form": 2},
                          strategies=("maml", "closed_form"), val_tasks=3, test_tasks=3,
                          max_steps=2, candidates=(0.01, 0.03))
    rows = {row["strategy"]: row for row in compare.rows(results)}
    assert set(rows) == {"maml", "closed_form *"}
    for name, r in results.items():
        row = rows[name + (" *" if name == "closed_form" else "")]
        assert row["test lr"] == f"{r['choice'].inner_lr:g}"
        assert row["steps"] == str(r["choice"].n_steps)
        assert r["strategy"].config.inner_lr == r["choice"].inner_lr
