"""Habits that keep the code readable to the next maintainer, checked on every run.

A reader of the repository cannot see the tracker the work came from, so
comments say why, never which ticket.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_SUFFIXES = {".py", ".html", ".css", ".js", ".sh", ".toml", ".md", ".yaml", ".yml"}
SKIPPED_FOLDERS = {".venv", "node_modules", ".git", "staticfiles", "media", "test-results"}
# Built from parts so that this file does not match itself.
TICKET = re.compile(r"\b" + "issues?" + r" #?\d+\b", re.IGNORECASE)


def source_files():
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if path.suffix in SOURCE_SUFFIXES and not parts & SKIPPED_FOLDERS and path.is_file():
            yield path


def test_no_comment_or_doc_cites_a_ticket_number():
    citations = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in source_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TICKET.search(line)
    ]

    assert citations == []
