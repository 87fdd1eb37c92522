"""The search backend named in WAGTAILSEARCH_BACKENDS: Wagtail's database backend, bilingual.

On PostgreSQL each page's words are stemmed in their own language (see
`postgres.py`), so "encuestas" finds "encuesta" and "forums" finds "forum".
Any other database gets Wagtail's own choice for it unchanged (SQLite's
full-text index, or the plain fallback): whole words, no stemming.
"""

from django.db import connection

from wagtail.search.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        from .postgres import MultilingualPostgresSearchBackend

        return MultilingualPostgresSearchBackend(params)
    return database.SearchBackend(params)
