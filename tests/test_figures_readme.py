"""The figure pages stay complete: every committed PNG is shown in the README's gallery
and captioned in figures/README.md, and every caption gives the command that made it."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PNGS = sorted(p.name for p in (ROOT / "figures").glob("*.png"))
CAPTIONS = (ROOT / "figures" / "README.md").read_text()


def caption_sections():
    """{png name: caption text} for every '### ...png...' section of figures/README.md."""
    parts = re.split(r"^### ", CAPTIONS, flags=re.M)[1:]
    sections = {}
    for part in parts:
        names = re.findall(r"([\w-]+\.png)", part.splitlines()[0])
        for name in names:
            sections[name] = part
    return sections


def test_there_are_figures():
    assert len(PNGS) >= 14


@pytest.mark.parametrize("png", PNGS)
def test_every_png_is_in_the_readme_gallery(png):
    readme = (ROOT / "README.md").read_text()
    gallery = readme[readme.index("## Gallery"):]
    gallery = gallery[:gallery.index("\n## ", 1)]
    assert f"(figures/{png})" in gallery


@pytest.mark.parametrize("png", PNGS)
def test_every_png_has_a_caption_with_its_command(png):
    sections = caption_sections()
    assert png in sections, f"figures/README.md has no '### ... {png}' caption"
    assert "python -m scratchmeta" in sections[png], f"the caption of {png} gives no command"


def test_every_picture_the_readmes_show_exists():
    for text in ((ROOT / "README.md").read_text(), CAPTIONS):
        for name in re.findall(r"\(((?:figures/)?[\w-]+\.png)\)", text):
            assert (ROOT / "figures" / Path(name).name).exists(), name


def test_the_gallery_shows_each_png_once():
    readme = (ROOT / "README.md").read_text()
    gallery = readme[readme.index("## Gallery"):]
    gallery = gallery[:gallery.index("\n## ", 1)]
    shown = re.findall(r"\(figures/([\w-]+\.png)\)", gallery)
    assert len(shown) == len(set(shown))
