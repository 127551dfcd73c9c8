"""The README's rates for the last twelve blind pairs are the ones their files measured.

Each battery's docstring says, in a paragraph beginning "Measured on main at <commit>", how
many of its kept cases were clear when the lead reran it at the commit it was written at.
The README quotes each pair's sum, counts how many pairs meet issue 11's 95%, and lists each
pair's silent kept cases; these
tests read both, so a README sentence that drifts from the files fails here.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = [("hundredthirtyfourth", "hundredthirtyfifth"),
         ("hundredthirtysixth", "hundredthirtyseventh"),
         ("hundredthirtyeighth", "hundredthirtyninth"),
         ("hundredfortieth", "hundredfortyfirst"),
         ("hundredfortysecond", "hundredfortythird"),
         ("hundredfortyfourth", "hundredfortyfifth"),
         ("hundredfortysixth", "hundredfortyseventh"),
         ("hundredfortyeighth", "hundredfortyninth"),
         ("hundredfiftieth", "hundredfiftyfirst"),
         ("hundredfiftysecond", "hundredfiftythird"),
         ("hundredfiftyfourth", "hundredfiftyfifth"),
         ("hundredfiftysixth", "hundredfiftyseventh")]
COUNTS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
          9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}


def _plain(text):
    return " ".join(text.split())


def measured(name):
    """(commit, kept clear, kept, kept silent) from the battery's "Measured on main at"
    paragraph; a paragraph with every kept case clear need not say "0 silent"."""
    text = _plain((ROOT / "tests" / f"test_bad_inputs_{name}.py").read_text())
    found = re.search(r"Measured on main at ([0-9a-f]{7}),.*?kept, (\d+) of (\d+) clear", text)
    assert found, f"{name}: no 'Measured on main at ...: kept, A of B clear' paragraph"
    clear, kept = int(found.group(2)), int(found.group(3))
    silent = re.match(r" \([\d.]+%\)(?:, \d+ unclear)?, (\d+) silent", text[found.end():])
    assert silent or clear == kept, f"{name}: a kept case not clear, but no 'N silent'"
    return found.group(1), clear, kept, int(silent.group(1)) if silent else 0


def pairs():
    """(commit, kept clear, kept, kept silent) of each pair, oldest first."""
    rows = []
    for first, second in PAIRS:
        (commit, a1, b1, s1), (other, a2, b2, s2) = measured(first), measured(second)
        assert commit == other, f"{first} and {second} were measured at different commits"
        rows.append((commit, a1 + a2, b1 + b2, s1 + s2))
    return rows


def test_the_readme_quotes_each_pair_as_its_files_measured_it():
    readme = _plain((ROOT / "README.md").read_text())
    for commit, clear, kept, _ in pairs():
        quoted = f"{clear} of {kept} ({100 * clear / kept:.1f}%, {commit})"
        assert quoted in readme, f"README does not quote {quoted}"


def test_the_readme_counts_the_pairs_that_meet_95_percent_and_those_just_below():
    readme = _plain((ROOT / "README.md").read_text())
    rates = [clear / kept for _, clear, kept, _ in pairs()]
    met = sum(r >= 0.95 for r in rates)
    assert f"met by {COUNTS[met]} of the last {COUNTS[len(rates)]} pairs" in readme
    near = [f"{100 * r:.1f}%" for r in rates if 0.94 <= r < 0.95]
    if near:
        assert f"narrowly missed ({', '.join(near)}) by {COUNTS[len(near)]} more" in readme
    else:
        assert "narrowly missed" not in readme


def test_the_readme_counts_the_pairs_with_silent_kept_cases():
    readme = _plain((ROOT / "README.md").read_text())
    silent = [str(s) for _, _, _, s in pairs()]
    some = sum(s != "0" for s in silent)
    assert (f"{COUNTS[some]} of the last {COUNTS[len(silent)]} pairs had silent kept cases at "
            f"their commits ({', '.join(silent[:-1])} and {silent[-1]})") in readme
