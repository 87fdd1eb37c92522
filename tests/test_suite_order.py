"""The suite's own order: demo readers together, committing tests last, groups per rank.

A wrong rank or group does not fail a test by itself: it reloads the demo
(slow) or lets a committing test's flush empty the database under the tests
after it (failures far from the cause). These pin the rules down.
"""

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
LIVE_SERVER = FakeItem("tests/browser/test_y.py::test_f", ["live_server", "page"])


def test_demo_readers_run_first_and_committing_tests_last():
    assert rank(DEMO_READER) == 0
    assert rank(BROWSER_READER) == 1
    assert rank(OWN_DATA) == rank(NO_DATABASE) == 2
    assert rank(COMMITTING) == rank(LIVE_SERVER) == 3


def test_a_browser_test_over_the_demo_server_counts_as_a_demo_reader():
    assert rank(FakeItem("tests/browser/test_x.py::test_g", ["demo_server", "page"])) == 1


def test_a_modules_committing_test_is_never_in_a_unit_with_its_other_tests():
    groups = {group_name(item) for item in (DEMO_READER, OWN_DATA, COMMITTING)}
    assert len(groups) == 3
    assert group_name(OWN_DATA) == group_name(NO_DATABASE)


def test_each_browser_demo_reader_is_a_unit_of_its_own_that_xdist_can_read():
    group = group_name(BROWSER_READER)
    assert not set("[]@") & set(group)
    assert group != group_name(
        FakeItem(BROWSER_READER.nodeid.replace("kidscan.", ""), ["demo_server"])
    )


def test_the_modules_that_share_staticfiles_share_a_unit():
    container = FakeItem("tests/test_container.py::test_g")
    instances = FakeItem("tests/test_two_instances.py::test_h")
    assert group_name(container) == group_name(instances)
