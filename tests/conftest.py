"""Fixtures shared by the test modules."""

from io import StringIO

from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Page

import pytest

from tests.factories import content_locales, is_welcome_page


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for the module; roll it all back at the end.

    Yields the ids of Wagtail's welcome pages found before loading, and what
    the loader printed.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        clear_caches()
        content_locales()
        welcome_ids = [page.pk for page in Page.objects.filter(depth=2) if is_welcome_page(page)]
        output = StringIO()
        call_command("load_demo_content", stdout=output)
    yield {"welcome_ids": welcome_ids, "output": output.getvalue()}
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        clear_caches()


def clear_caches():
    for cache in caches.all():
        cache.clear()


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


def pytest_collection_modifyitems(config, items):
    """Refuse a test that takes a browser by accident.

    pytest-playwright parametrises any test asking for a fixture named `page`
    with a browser, and pytest-django then runs it among the browser tests,
    whose database flushes empty the database for every test after them.
    Name a page-number parameter anything but `page`.
    """
    for item in items:
        takes_browser = "browser_name" in getattr(getattr(item, "callspec", None), "params", {})
        if takes_browser and item.get_closest_marker("browser") is None:
            raise pytest.UsageError(
                f"{item.nodeid} asks for Playwright's `page` fixture but is not marked "
                "`browser`: rename its `page` parameter"
            )
