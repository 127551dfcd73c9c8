"""Where ``figures`` writes: quick runs never replace the committed figures by default.

The full run writes ``figures/`` (the pictures the README shows); a ``--quick``
run writes ``figures-quick/`` unless ``--out`` is given, and the last line it
prints names the folder.
"""

from pathlib import Path

import pytest

from scratchmeta import cli, figures


def test_default_folders_keep_quick_runs_out_of_the_committed_figures():
    assert figures.default_out(quick=False) == "figures"
    assert figures.default_out(quick=True) == "figures-quick"
    assert figures.default_out(quick=True) != figures.default_out(quick=False)


@pytest.mark.parametrize("argv, expected", [
    (["figures", "--quick", "--only", "fig22_5"], "figures-quick"),
    (["figures", "--quick", "--only", "fig22_5", "--out", "figures"], "figures"),
])
def test_quick_run_writes_where_it_says(tmp_path, monkeypatch, capsys, argv, expected):
    monkeypatch.chdir(tmp_path)          # relative folders land in tmp_path, not the repo
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.png"))
    assert written == [f"{expected}/fig22_5_unrolled_graph.png"]
    last = out.strip().splitlines()[-1]
    assert last.endswith(f"into {(tmp_path / expected).resolve()}")


def test_full_run_default_is_the_committed_folder(monkeypatch):
    calls = []
    monkeypatch.setattr(figures, "run_all", lambda out, **kw: calls.append((out, kw)))
    cli.main(["figures", "--only", "fig22_5"])
    out, kw = calls[0]
    assert kw["quick"] is False
    assert Path(out or figures.default_out(kw["quick"])) == Path("figures")


def test_gitignore_lists_the_quick_folder():
    root = Path(__file__).resolve().parents[1]
    assert "figures-quick/" in (root / ".gitignore").read_text().split()
