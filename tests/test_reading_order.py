"""The README's reading order: every file it links exists, and sections 1.2-1.4 stay short.

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


def test_every_section_of_part_1_has_files_to_read_and_they_exist():
    rows = read_cells()
    assert len(rows) >= 10
    for label, paths in rows.items():
        assert paths, label
        for path in paths:
            assert (ROOT / path).is_file(), (label, path)


def test_sections_1_2_to_1_4_take_fewer_lines_to_read_than_the_first_edition():
    paths = {p for ps in read_cells().values() for p in ps}
    lines = sum(len((ROOT / p).read_text().splitlines()) for p in paths)
    assert lines < FIRST_EDITION_LINES, (lines, sorted(paths))
