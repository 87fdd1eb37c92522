"""The suite's own order: demo readers together, committing tests last, groups per rank.

A wrong rank or group does not fail a test by itself: it reloads the demo
(slow) or lets a committing test's flush empty the database under the tests
after it (failures far from the cause). These pin the rules down.
"""

import pytest

from tests.shared_demo import group_name, rank


class FakeMarker:
    def __init__(self, **kwargs):
        self.kwargs = kwargs


class FakeItem:
    """What the ordering reads of a collected test: its id, fixtures and `django_db` mark."""

    def __init__(self, nodeid, fixtures=(), django_db=None):
        self.nodeid = nodeid
        self.fixturenames = list(fixtures)
        self._django_db = django_db

    def get_closest_marker(self, name):
        return self._django_db if name == "django_db" else None


DEMO_READER = FakeItem("tests/test_feeds.py::test_a", ["demo", "db"], FakeMarker())
OWN_DATA = FakeItem("tests/test_feeds.py::test_b", ["db"], FakeMarker())
NO_DATABASE = FakeItem("tests/test_feeds.py::test_c")
BROWSER_READER = FakeItem(
    "tests/browser/test_x.py::test_d[chromium-kidscan.localhost]",
    ["demo", "demo_server", "page"],
    FakeMarker(),
)
COMMITTING = FakeItem(
    "tests/test_feeds.py::test_e", ["transactional_db"], FakeMarker(transaction=True)
)
DEMO_WRITER = FakeItem(
    "tests/browser/test_z.py::test_w[chromium]",
    ["demo", "live_server", "browser"],
    FakeMarker(transaction=True, available_apps=["wagtail", "pages"]),
)
LIVE_SERVER = FakeItem("tests/browser/test_y.py::test_f", ["live_server", "page"])


def test_demo_readers_run_first_and_committing_tests_last():
    assert rank(DEMO_READER) == 0
    assert rank(BROWSER_READER) == 1
    assert rank(DEMO_WRITER) == 2
    assert rank(OWN_DATA) == rank(NO_DATABASE) == 3
    assert rank(COMMITTING) == rank(LIVE_SERVER) == 4


@pytest.mark.parametrize(
    "options",
    [{"transaction": True}, {"transaction": True, "serialized_rollback": True}],
    ids=["would run post-migrate steps", "would reload the rows from before over the demo"],
)
def test_a_test_that_commits_to_the_demo_must_be_marked_to(options):
    unmarked = FakeItem(DEMO_WRITER.nodeid, DEMO_WRITER.fixturenames, FakeMarker(**options))
    with pytest.raises(pytest.UsageError):
        rank(unmarked)


def test_a_browser_test_over_the_demo_server_counts_as_a_demo_reader():
    assert rank(FakeItem("tests/browser/test_x.py::test_g", ["demo_server", "page"])) == 1


def test_a_modules_committing_test_is_never_in_a_unit_with_its_other_tests():
    groups = {group_name(item) for item in (DEMO_READER, OWN_DATA, COMMITTING)}
    assert len(groups) == 3
    assert group_name(OWN_DATA) == group_name(NO_DATABASE)


def test_browser_demo_readers_share_a_unit_per_module_and_parameters():
    group = group_name(BROWSER_READER)
    assert not set("[]@") & set(group)
    same_site = FakeItem(BROWSER_READER.nodeid.replace("test_d", "test_e"), ["demo_server"])
    other_site = FakeItem(BROWSER_READER.nodeid.replace("kidscan.", ""), ["demo_server"])
    assert group_name(same_site) == group
    assert group_name(other_site) != group


def test_the_modules_that_share_staticfiles_share_a_unit():
    container = FakeItem("tests/test_container.py::test_g")
    instances = FakeItem("tests/test_two_instances.py::test_h")
    assert group_name(container) == group_name(instances)
