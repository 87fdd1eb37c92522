"""Fixtures shared by the test modules, and the order tests run in."""

import pytest

from tests.shared_demo import SHARED, clear_caches, group_name, wants_demo


@pytest.fixture(scope="session")
def _shared_demo(django_db_setup, django_db_blocker):
    """This process's shared demo; whatever is still loaded goes before the test database."""
    yield SHARED
    SHARED.discard()


MIGRATED_COPY = pytest.StashKey[str | None]()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The migrated test database, and on PostgreSQL a copy of it when a test will want one.

    A test that starts servers of its own (two gunicorn instances) needs a
    migrated database outside the test's transaction. Copying this one costs
    a second where migrating an empty one costs twenty, but PostgreSQL copies
    only a database nobody is connected to: that holds now, before any test,
    and no longer once a live server's threads have connected.
    """
    from django.db import connection

    from tests.databases import postgresql_admin_connection

    wanted = any("migrated_postgresql_copy" in item.fixturenames for item in request.session.items)
    copy = None
    if wanted and connection.vendor == "postgresql":
        original = connection.settings_dict["NAME"]
        copy = f"{original}_migrated"
        with django_db_blocker.unblock():
            connection.close()
        with postgresql_admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{copy}"')
            admin.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{original}"')
    request.config.stash[MIGRATED_COPY] = copy
    yield
    if copy:
        with postgresql_admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')


@pytest.fixture(scope="session")
def migrated_postgresql_copy(django_db_setup, request):
    """The name of an untouched, migrated PostgreSQL database to copy from, or None on SQLite."""
    return request.config.stash[MIGRATED_COPY]


@pytest.fixture(scope="module")
def demo(_shared_demo, django_db_blocker):
    """Both demo sites, committed and shared by the tests that read them.

    Loaded once per process and kept while consecutive tests ask for it (see
    tests/shared_demo.py); each test's own changes roll back. Yields the ids
    of Wagtail's welcome pages found before loading, and what the loader
    printed.
    """
    return _shared_demo.provide(django_db_blocker)


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """Build rows once for all of a module's tests, as Django's `setUpTestData` does.

    Used through `tests.factories.built_once_per_module`.
    `module_data(build)` runs `build()` inside a transaction that stays open
    for the module's tests (each test's own transaction nests in it, and rolls
    back) and is rolled back after the last one. Hand tests fresh copies
    (`tests.factories.fresh_copies`), so one test's changes to an object in
    memory never reach the next. Only for modules whose tests all roll back:
    the ordering refuses a module that also commits (tests/shared_demo.py).
    """
    from django.db import transaction

    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()

    def build_once(build):
        with django_db_blocker.unblock():
            clear_caches()
            return build()

    yield build_once
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
    clear_caches()


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
    """Refuse a test that takes a browser by accident, mark demo readers, and group tests.

    pytest-playwright parametrises any test asking for a fixture named `page`
    with a browser, and pytest-django then runs it among the browser tests,
    whose database flushes empty the database for every test after them.
    Name a page-number parameter anything but `page`.

    Tests reading the demo are marked `demo`, so `-m "not demo"` (make
    test-fast) can leave out the demo's smoke suite. Groups are marked here,
    before pytest-xdist reads them (`--dist loadgroup`), and both marks before
    `-m` selects tests.
    """
    for item in items:
        takes_browser = "browser_name" in getattr(getattr(item, "callspec", None), "params", {})
        if takes_browser and item.get_closest_marker("browser") is None:
            raise pytest.UsageError(
                f"{item.nodeid} asks for Playwright's `page` fixture but is not marked "
                "`browser`: rename its `page` parameter"
            )
        if wants_demo(item):
            item.add_marker(pytest.mark.demo)
        item.add_marker(pytest.mark.xdist_group(group_name(item)))
