"""The README's reading order: every file it links exists, and sections 1.2-1.4 stay short.

"Every file it links": each .py file linked from the reading-order table (every
row: Part 1's sections 1.x, Part 2's 2.x and Chapter 5) and from the paragraph
"Appendices, outside the reading order", including the plumbing modules that
paragraph names without a link (they live in ``scratchmeta/autodiff/``).

Issue 8 (Chapter 2, second edition) asked that the reading order still lead
through sections 1.2-1.4 with fewer lines to read than the first edition's.
The first edition's "Read" cells of the rows for sections 1.x (README at
commit 9ab48cc) linked 15 modules of 2,855 lines in all.
"""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
FIRST_EDITION_LINES = 2855


def read_cells():
    """{row label: [linked .py paths]} for the table rows of the lecture's sections 1.x."""
    rows = {}
    for line in (ROOT / "README.md").read_text().splitlines():
        if line.startswith("| 1."):
            label, read = line.split("|")[1:3]
            rows[label.strip()] = re.findall(r"\]\((scratchmeta/[^)]+\.py)\)", read)
    return rows


LINK = r"\]\(([^)]+\.py)\)"                         # [text](path.py)


def reading_order_table():
    """{row label: [.py paths linked anywhere in the row]} for every row of the table."""
    lines = (ROOT / "README.md").read_text().splitlines()
    head = lines.index("| Lecture section | Read | Figure |")
    assert lines[head + 1].startswith("|---")
    rows = {}
    for line in lines[head + 2:]:
        if not line.startswith("|"):
            break                                              # the table ends at its first non-row
        rows[line.split("|")[1].strip()] = re.findall(LINK, line)
    return rows


def appendices_paragraph():
    """The README's paragraph that begins "Appendices, outside the reading order"."""
    text = (ROOT / "README.md").read_text()
    start = text.index("Appendices, outside the reading order")
    return text[start:text.index("\n\n", start)]


def test_every_section_of_part_1_has_files_to_read_and_they_exist():
    rows = read_cells()
    assert len(rows) >= 10
    for label, paths in rows.items():
        assert paths, label
        for path in paths:
            assert (ROOT / path).is_file(), (label, path)


def test_every_file_the_reading_order_table_links_exists():
    rows = reading_order_table()
    labels = list(rows)
    # every part of the table is read, not only Part 1's rows
    assert sum(label.startswith("1.") for label in labels) >= 10, labels
    assert sum(label.startswith("2.") for label in labels) >= 3, labels
    assert any(label.startswith("Chapter 5") for label in labels), labels
    for label, paths in rows.items():
        assert paths, f"row {label!r} links no .py file"
        for path in paths:
            assert (ROOT / path).is_file(), (label, path)


def test_every_file_the_appendices_paragraph_names_exists():
    paragraph = appendices_paragraph()
    linked = re.findall(LINK, paragraph)
    assert len(linked) >= 6, linked         # more_ops, linalg, derivatives, __init__, checks, ...
    for path in linked:
        assert (ROOT / path).is_file(), path
    # the plumbing it names without a link: ``pytrees.py`` and the others, in the engine
    unlinked = set(re.findall(r"`([a-z_]+\.py)`", re.sub(r"\[[^]]*\]\([^)]*\)", "", paragraph)))
    assert {"pytrees.py", "numpy_interop.py", "checks.py", "impls.py"} <= unlinked, unlinked
    for name in unlinked:
        assert (ROOT / "scratchmeta" / "autodiff" / name).is_file(), name


def test_sections_1_2_to_1_4_take_fewer_lines_to_read_than_the_first_edition():
    paths = {p for ps in read_cells().values() for p in ps}
    lines = sum(len((ROOT / p).read_text().splitlines()) for p in paths)
    assert lines < FIRST_EDITION_LINES, (lines, sorted(paths))
