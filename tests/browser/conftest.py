"""Set-up shared by every browser test module."""

from django.db import connections

from wagtail.models import Page

import pytest


@pytest.fixture(scope="module", autouse=True)
def _serialized_rollback_survives_playwright(playwright, django_db_setup, django_db_blocker):
    """Keep `serialized_rollback` working when other database tests ran first.

    Starting Playwright's sync API switches the test thread to a new contextvars
    context, and Django keeps its connections in context-local storage, so the
    tests here get a fresh connection object. The database is the same, but the
    copy of its initial contents that Django serialized onto the old connection
    object at set-up (Wagtail's root page, root collection, default site...) is
    not on the new one: without this, the first test's flush leaves every later
    test an empty database. This module-scoped fixture runs after Playwright has
    started and before any test here flushes, while the database still holds
    exactly what the migrations made, and serializes it again if need be.
    """
    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            if hasattr(connection, "_test_serialized_contents"):
                continue  # kept from set-up, or by an earlier browser module
            assert Page.objects.filter(depth=1).exists(), (
                "the test database has no Wagtail root page before the browser tests: "
                "an earlier transactional test flushed it"
            )
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
