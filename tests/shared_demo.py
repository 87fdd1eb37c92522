"""The demo sites, loaded once per test process and shared by the tests that read them.

Loading both organizations' sites in both languages takes half a minute, so
the tests that only read the demo share one copy instead of each loading its
own. A test asks for it with the `demo` fixture (`tests/conftest.py`), or, in
a browser, with `demo_server` (a live server over it).

The copy is committed, so a live server's threads can serve it too, and every
live page has been served once, so its pictures' renditions exist. Each
test's own transaction is rolled back as usual, so no test sees another's
changes. The copy stays loaded while the next test wants it, and goes as soon
as it does not: its rows are flushed and the database refilled with what it
held before (as Django's `serialized_rollback` does). `rank` and `group_name`
put the tests that share it next to each other, in one run or in each
parallel worker, so a process loads it at most once.
"""

import re
from io import StringIO

import pytest

# Django and the project are imported inside the functions: pytest loads this
# plugin before pytest-django has set Django up.

DEMO_FIXTURE = "demo"
BROWSER_FIXTURE = "demo_server"


def clear_caches():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def content_types_first(serialized):
    """`serialized` (Django's JSON of every row) with the content types put back first.

    Refilling the database after a flush builds each Wagtail task row, and a
    task looks up its content type when built (`Task.__init__`). With the
    content type rows not back yet, that lookup would make the row again
    under a new id, and the refill's own row for it would then clash.
    """
    import json

    rows = json.loads(serialized)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def forget_content_types():
    """Drop the process's cached content types, whose ids a flush and refill may have changed."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def wants_demo(item):
    """Whether a test reads the shared demo, directly or through a browser."""
    fixtures = getattr(item, "fixturenames", ())
    return DEMO_FIXTURE in fixtures or BROWSER_FIXTURE in fixtures


def reads_demo_in_browser(item):
    return BROWSER_FIXTURE in getattr(item, "fixturenames", ())


def writes_demo(item):
    """Whether a test commits through the shared demo, so the copy cannot outlive it."""
    return wants_demo(item) and is_transactional(item)


def commits_to_the_demo():
    """The `django_db` mark of a test that commits through the shared demo.

    Naming every app (`available_apps`) makes Django flush after the test
    without running the migrations' post-migrate steps, as it does for
    `serialized_rollback`; those steps would make content types under new ids,
    and the rows from before the demo could not be put back. Django's own
    `serialized_rollback` cannot be used: it reloads those rows at set-up,
    over the demo.
    """
    from django.apps import apps

    every_app = [config.name for config in apps.get_app_configs()]
    return pytest.mark.django_db(transaction=True, available_apps=every_app)


def refuse_unless_marked_to_commit_to_the_demo(item):
    marker = item.get_closest_marker("django_db")
    options = marker.kwargs if marker else {}
    if options.get("serialized_rollback") or not options.get("available_apps"):
        raise pytest.UsageError(
            f"{item.nodeid} commits through the demo: mark it `commits_to_the_demo()` "
            "(tests/shared_demo.py)"
        )


def is_transactional(item):
    """Whether a test commits to the database and ends with a flush, as pytest-django reads it."""
    fixtures = getattr(item, "fixturenames", ())
    if "transactional_db" in fixtures or "live_server" in fixtures:
        return True
    marker = item.get_closest_marker("django_db")
    options = marker.kwargs if marker else {}
    return bool(options.get("transaction") or options.get("reset_sequences"))


class SharedDemo:
    """The one demo copy of this test process, and how to drop it."""

    def __init__(self):
        self.info = None
        self.contents_before = None
        self._blocker = None

    @property
    def loaded(self):
        return self.info is not None

    def provide(self, blocker):
        """The loaded demo, loading it if need be."""
        from django.db import DEFAULT_DB_ALIAS, connections

        from wagtail.models import Page

        if self.loaded:
            return self.info
        self._blocker = blocker
        with blocker.unblock():
            connection = connections[DEFAULT_DB_ALIAS]
            if connection.in_atomic_block:
                raise pytest.UsageError(
                    "the `demo` fixture must be set up before the test's own transaction: "
                    "request it from a module-scoped fixture or the test itself, not a "
                    "function-scoped fixture that runs after `db`"
                )
            assert Page.objects.filter(depth=1).exists(), (
                "the database has no Wagtail root page: a transactional test flushed it "
                "before the demo was loaded (see rank)"
            )
            self.contents_before = content_types_first(connection.creation.serialize_db_to_string())
            self.info = self._load()
        return self.info

    def _load(self):
        from django.core.management import call_command

        from wagtail.models import Page

        from tests.factories import content_locales, is_welcome_page

        clear_caches()
        content_locales()
        welcome_ids = [page.pk for page in Page.objects.filter(depth=2) if is_welcome_page(page)]
        output = StringIO()
        call_command("load_demo_content", stdout=output)
        render_every_page()
        return {"welcome_ids": welcome_ids, "output": output.getvalue()}

    def discard(self):
        """Drop the loaded copy, leaving the database as it was before it was loaded."""
        from django.core.management import call_command
        from django.db import DEFAULT_DB_ALIAS, connections

        if not self.loaded:
            return
        self.info = None
        with self._blocker.unblock():
            # As TransactionTestCase does; sequences carry on past the restored rows' ids.
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            forget_content_types()
            connections[DEFAULT_DB_ALIAS].creation.deserialize_db_from_string(self.contents_before)
            forget_content_types()
        self.contents_before = None
        clear_caches()


def render_every_page():
    """Serve each live page of every site once, so its pictures' renditions exist.

    A rendition made inside a test rolls back with it, and making one (AVIF
    above all) is most of the cost of showing a page with pictures for the
    first time; made here and committed, every test of the process and the
    live server find them.
    """
    from django.test import Client

    from wagtail.models import Site

    client = Client()
    for site in Site.objects.all():
        for home in site.root_page.get_translations(inclusive=True):
            for page in home.get_descendants(inclusive=True).live():
                client.get(page.get_url_parts()[2], HTTP_HOST=site.hostname)
    clear_caches()


SHARED = SharedDemo()


# --- ordering and grouping --------------------------------------------------

# Test modules that must not run at the same time in two workers, because
# they write the same files outside the test's own folders (collectstatic
# fills the repository's staticfiles/, which production-settings servers read).
SERIAL_GROUPS = {
    "tests/test_two_instances.py": "production-servers",
    "tests/test_container.py": "production-servers",
}


def rank(item):
    """Where a test runs in a process: demo readers together, commits last.

    0: reads the demo; 1: reads the demo through a browser; 2: works on the
    demo and commits (its flush ends the shared copy, so it comes after the
    readers); 3: other tests that roll back; 4: other tests that commit (and
    end with a flush, so nothing that expects the migrated rows may follow).
    """
    if writes_demo(item):
        refuse_unless_marked_to_commit_to_the_demo(item)
        return 2
    if wants_demo(item):
        return 1 if reads_demo_in_browser(item) else 0
    return 4 if is_transactional(item) else 3


def group_name(item):
    """The unit a parallel worker takes whole (pytest-xdist's `--dist loadgroup`).

    A module's tests stay together, so its module-scoped fixtures are made
    once, but never across ranks: a unit is placed where its first test is,
    so a module's committing test must not ride along with its other tests
    (its flush would empty the database for the tests after it). Browser
    tests over the demo are long, so the workers share them out: a module's
    tests with the same parameters (one site's walk, say) make one unit.
    """
    module = item.nodeid.split("::", 1)[0]
    if reads_demo_in_browser(item):
        parameters = re.search(r"\[(.*)\]$", item.nodeid)
        unit = f"{module}::{parameters.group(1) if parameters else ''}"
        # xdist reads a group from after the last "@", and only past any "]".
        return re.sub(r"[\[\]@]", "-", unit)
    return f"{SERIAL_GROUPS.get(module, module)}::rank-{rank(item)}"


# --- hooks (registered as a plugin by the root conftest.py) ------------------


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Run each process's shared-demo tests back to back, and committing tests last.

    After pytest-django's own ordering (and any shuffle), so the sort is
    stable: within a rank tests keep the order they were given.
    """
    items.sort(key=rank)
    refuse_module_data_beside_commits(items)
    if hasattr(config, "workerinput") and config.getvalue("loadgroup"):
        # xdist applies a group by appending "@group" to the test's id.
        ungrouped = [item.nodeid for item in items if "@" not in item.nodeid]
        if ungrouped:
            raise pytest.UsageError(
                f"pytest-xdist did not group {ungrouped[0]}: with this pytest and xdist, "
                "--dist loadgroup would load the demo in every unit of work"
            )


def refuse_module_data_beside_commits(items):
    """A module's kept rows (`module_data`) stay in an open transaction until its last test.

    A committing test of the same module could run inside it, or flush under it.
    """
    modules_keeping_rows = {
        item.nodeid.split("::", 1)[0]
        for item in items
        if "module_data" in getattr(item, "fixturenames", ())
    }
    for item in items:
        if item.nodeid.split("::", 1)[0] in modules_keeping_rows and is_transactional(item):
            raise pytest.UsageError(
                f"{item.nodeid} commits, but its module keeps rows for its tests "
                "(`module_data`): move it to a module of its own"
            )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Drop the shared demo once the test's own fixtures are gone, unless the next test wants it.

    The last test of a run (no next one) leaves it to `_shared_demo`'s
    teardown, which comes before the test database is destroyed.
    """
    result = yield
    if writes_demo(item) or (nextitem is not None and not wants_demo(nextitem)):
        SHARED.discard()
    return result
