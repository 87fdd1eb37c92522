"""Fixtures shared by the test modules, and the order tests run in."""

import pytest

from tests.shared_demo import (
    IN_TRANSACTION,
    PUBLISHED,
    SHARED,
    clear_caches,
    group_name,
)


@pytest.fixture(scope="session")
def _shared_demo(django_db_setup, django_db_blocker):
    """This process's shared demo; whatever is still loaded goes before the test database."""
    yield SHARED
    SHARED.discard()


@pytest.fixture(scope="module")
def demo(_shared_demo, django_db_blocker):
    """Both demo sites, inside a transaction every test's own transaction nests in.

    Loaded once per process and kept while consecutive tests ask for it (see
    tests/shared_demo.py). Yields the ids of Wagtail's welcome pages found
    before loading, and what the loader printed.
    """
    return _shared_demo.provide(IN_TRANSACTION, django_db_blocker)


@pytest.fixture(scope="module")
def published_demo(_shared_demo, django_db_blocker):
    """Both demo sites, committed so a live server can serve them; for tests that only read."""
    return _shared_demo.provide(PUBLISHED, django_db_blocker)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with empty caches (default, renditions).

    Renditions are cached by image id, and ids come round again after a
    rollback; cached pages are keyed by address, and a rolled-back database
    serves other content at the same addresses.
    """
    clear_caches()
    yield
    clear_caches()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Refuse a test that takes a browser by accident, and group tests for parallel workers.

    pytest-playwright parametrises any test asking for a fixture named `page`
    with a browser, and pytest-django then runs it among the browser tests,
    whose database flushes empty the database for every test after them.
    Name a page-number parameter anything but `page`.

    Groups are marked here, before pytest-xdist reads them (`--dist loadgroup`).
    """
    for item in items:
        takes_browser = "browser_name" in getattr(getattr(item, "callspec", None), "params", {})
        if takes_browser and item.get_closest_marker("browser") is None:
            raise pytest.UsageError(
                f"{item.nodeid} asks for Playwright's `page` fixture but is not marked "
                "`browser`: rename its `page` parameter"
            )
        item.add_marker(pytest.mark.xdist_group(group_name(item)))
