"""Templates stay readable: short lines, and one `if` or `for` opening per line.

The rule covers every `.html` file in a `templates` folder: the project's own
`templates/` and any app's `<app>/templates/`, but nothing under `.venv`.

1. No line is longer than 120 characters. A long list of attributes can
   wrap, one attribute per line.
2. No line opens more than one `{% if %}` or `{% for %}` block. Each block
   tag goes on its own line, with the HTML indented to show the structure.
   A short block may still open and close on one line, such as
   `{% if x %}<b>{{ x }}</b>{% endif %}`, since that line opens only one
   block and rule 1 keeps it short.

Where whitespace is part of what the reader sees (a page title, text between
inline tags, an attribute value such as `href`), the line may keep more than
one tag, but it still has to fit within 120 characters. A failure names the
file and the line.
"""

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINE_LENGTH = 120
# Folders that hold no templates of ours: installed packages, build output, caches.
SKIPPED_FOLDERS = {".venv", "node_modules", "staticfiles", "media", "__pycache__"}
BLOCK_OPENING = re.compile(r"\{%\s*(?:if|for)\b")


def template_files():
    """Every `.html` file under a `templates` folder of the project, in a stable order."""
    found = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [
            name for name in subfolders if name not in SKIPPED_FOLDERS and not name.startswith(".")
        ]
        path = Path(folder)
        if "templates" in path.relative_to(ROOT).parts:
            found += [path / name for name in files if name.endswith(".html")]
    return sorted(found)


def numbered_lines():
    for path in template_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield f"{path.relative_to(ROOT)}:{number}", line


def test_templates_are_found_in_the_project_and_app_folders():
    found = {path.relative_to(ROOT).as_posix() for path in template_files()}

    assert "templates/base.html" in found
    assert not any(".venv" in name for name in found)


def test_no_template_line_is_longer_than_120_characters():
    too_long = [
        f"{place}: {len(line)} characters"
        for place, line in numbered_lines()
        if len(line) > MAX_LINE_LENGTH
    ]

    assert too_long == []


def test_no_template_line_opens_more_than_one_if_or_for_block():
    crowded = [
        f"{place}: {len(BLOCK_OPENING.findall(line))} blocks opened"
        for place, line in numbered_lines()
        if len(BLOCK_OPENING.findall(line)) > 1
    ]

    assert crowded == []
