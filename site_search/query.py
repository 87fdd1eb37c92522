"""What a visitor typed, made safe to search for and to show back."""

import re
import unicodedata

# Longer than any sensible query; keeps the work (and the echo) bounded.
MAX_QUERY_LENGTH = 200
# Every word must match (AND), so more words only ever narrow the results.
MAX_TERMS = 10

WORD = re.compile(r"[^\W_]+")


def clean_query(raw):
    """The query as typed, minus control characters, collapsed spaces, at most 200 characters.

    NUL, other control and invisible format characters are dropped:
    PostgreSQL refuses a NUL in any string, and none of them is searchable.
    Bytes that were not UTF-8 already arrive as U+FFFD (Django replaces them).
    """
    visible = "".join(
        " " if unicodedata.category(char).startswith("C") else char
        for char in raw[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(visible.split())[:MAX_QUERY_LENGTH].strip()


def query_terms(query):
    """The words to search for: letters and digits only, so no search syntax gets through."""
    return WORD.findall(query)[:MAX_TERMS]


def search_key(text):
    """What two searches share when they are the same words: lower case, no punctuation.

    A promoted result is stored under its query's key and found by the
    visitor's, so "School budget!" finds one promoted for "school budget".
    """
    return " ".join(term.casefold() for term in query_terms(clean_query(text)))
