"""docs/design.md and its pictures in docs/design/ stay in step, and the folder stays small.

`make screenshots` (tools/scripts/design_screenshots.py) writes both; these
checks catch a picture added, renamed or deleted by hand, and a gallery grown
too large to keep in the repository.
"""

import re
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "design.md"
FOLDER = ROOT / "docs" / "design"
MAX_BYTES = 5_000_000

# Markdown images and links, and HTML src/href attributes: every way the page can point at a file.
REFERENCE = re.compile(r"\]\(\s*(?:<([^>]+)>|([^)\s]+))|(?:src|href)=\"([^\"]+)\"")


def referenced_in_folder():
    """{path relative to docs/design/: how often} for every reference into docs/design/."""
    found = {}
    for match in REFERENCE.finditer(DOC.read_text(encoding="utf-8")):
        target = unquote(next(filter(None, match.groups())).split("#")[0].split("?")[0])
        path = (DOC.parent / target).resolve()
        if path.is_relative_to(FOLDER.resolve()) and path != FOLDER.resolve():
            key = path.relative_to(FOLDER.resolve()).as_posix()
            found[key] = found.get(key, 0) + 1
    return found


def files_in_folder():
    return {
        path.relative_to(FOLDER).as_posix()
        for path in FOLDER.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    }


def test_the_reference_pattern_reads_markdown_and_html():
    text = '![a](design/x.webp) [b](<design/y z.webp> "t") <img src="design/w.webp">'

    targets = [next(filter(None, m.groups())) for m in REFERENCE.finditer(text)]

    assert targets == ["design/x.webp", "design/y z.webp", "design/w.webp"]


def test_the_gallery_shows_pictures():
    assert referenced_in_folder(), "docs/design.md shows nothing from docs/design/"


def test_every_picture_the_page_shows_exists():
    missing = sorted(set(referenced_in_folder()) - files_in_folder())

    assert missing == [], "run `make screenshots`"


def test_every_file_in_the_folder_is_shown():
    unused = sorted(files_in_folder() - set(referenced_in_folder()))

    assert unused == [], "delete them, or run `make screenshots`"


def test_the_folder_stays_small():
    total = sum((FOLDER / name).stat().st_size for name in files_in_folder())

    assert total < MAX_BYTES, f"docs/design/ holds {total / 1e6:.1f} MB"
