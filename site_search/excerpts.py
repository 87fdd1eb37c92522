"""A short passage of a result's text around the words searched for, with those words marked."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

EXCERPT_LENGTH = 220
# How much text comes before the first matched word, when the passage starts mid-text.
LEAD_IN = 60


def matching_words(terms):
    """Words that begin like a term, roughly as a stemmer matches them ("forum" for "forums")."""
    stems = sorted({_stem(term.lower()) for term in terms}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")\w*", re.IGNORECASE)


def _stem(term):
    return term if len(term) <= 4 else term[: max(4, len(term) - 2)]


def excerpt(texts, terms):
    """Escaped HTML: a passage of the first text mentioning a term, else the first text's start."""
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts or not terms:
        return ""
    pattern = matching_words(terms)
    for text in texts:
        match = pattern.search(text)
        if match:
            return _marked(_passage(text, match.start()), pattern)
    return _marked(_passage(texts[0], 0), pattern)


def _passage(text, position):
    """About EXCERPT_LENGTH characters of `text` around `position`, cut between words."""
    start = 0
    # Start mid-text only when the word would not show in the opening passage.
    if position > EXCERPT_LENGTH - LEAD_IN:
        start = text.rfind(" ", 0, position - LEAD_IN) + 1
    end = len(text)
    if end - start > EXCERPT_LENGTH:
        end = text.rfind(" ", start, start + EXCERPT_LENGTH)
        if end <= position:
            end = start + EXCERPT_LENGTH
    passage = text[start:end].strip()
    return f"{'… ' if start > 0 else ''}{passage}{' …' if end < len(text) else ''}"


def _marked(passage, pattern):
    pieces, last = [], 0
    for match in pattern.finditer(passage):
        pieces.append(escape(passage[last : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        last = match.end()
    pieces.append(escape(passage[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
