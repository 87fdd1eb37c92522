"""Set-up shared by every browser test module."""

from django.db import DEFAULT_DB_ALIAS, connections

from wagtail.models import Page

import pytest
from pytest_django.live_server_helper import LiveServer

from tests.shared_demo import SHARED, content_types_first


@pytest.fixture(scope="session", autouse=True)
def _serialized_rollback_survives_playwright(playwright, django_db_setup, django_db_blocker):
    """Keep `serialized_rollback` working when other database tests ran first.

    Starting Playwright's sync API switches the test thread to a new contextvars
    context, and Django keeps its connections in context-local storage, so the
    tests here get a fresh connection object. The database is the same, but the
    copy of its initial contents that Django serialized onto the old connection
    object at set-up (Wagtail's root page, root collection, default site...) is
    not on the new one: without this, the first test's flush leaves every later
    test an empty database. This fixture runs once per process, after Playwright
    has started and before any browser test commits or flushes (they run after
    every other database test, tests/shared_demo.py), and serializes again what
    the migrations made if need be: the database itself, or, while the shared
    demo is loaded, the copy taken just before loading it.
    """
    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            if hasattr(connection, "_test_serialized_contents"):
                continue  # kept from set-up
            if alias == DEFAULT_DB_ALIAS and SHARED.loaded:
                connection._test_serialized_contents = SHARED.contents_before
                continue
            assert Page.objects.filter(depth=1).exists(), (
                "the test database has no Wagtail root page before the browser tests: "
                "an earlier transactional test flushed it"
            )
            # Django's serialized rollback refills after a flush, as the demo's does.
            connection._test_serialized_contents = content_types_first(
                connection.creation.serialize_db_to_string()
            )


@pytest.fixture(scope="session")
def _demo_server_thread(playwright, django_db_setup):
    """One live server per process for the shared demo, started after Playwright.

    Started after Playwright so that, on SQLite's in-memory database, it
    shares the connection the tests use (see above).
    """
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def demo_server(demo, _demo_server_thread):
    """A live server over the shared demo, for tests that only read it in a browser.

    Unlike pytest-django's `live_server` it does not make the test
    transactional, so the demo is not flushed after each test (mark the test
    `django_db` without `transaction`).
    """
    return _demo_server_thread
