"""The demo's content survives the migrations that gave topics and people a site.

On a database of its own holding both demo sites, the site columns are taken
away (migrating back to before them) and given back (migrating forward):
every topic and person ends on the site whose pages use it, no page is left
filed under another site's topic or signed by another site's person, and
nothing is lost.
"""

import json
import os
import subprocess

import pytest

from tests.processes import BIN, ROOT

# A snapshot of what matters, printed as one line by the subprocess.
SNAPSHOT = """
import json
from collections import Counter
from articles.models import ArticleAuthor
from people.models import Person
from reports.models import ReportAuthor
from stories.models import StorySubject
from taxonomy.models import Topic, filed_page_types
mismatched = 0
for model in filed_page_types():
    for page in model.objects.all():
        mismatched += sum(topic.site_id != page.get_site().pk for topic in page.topics.all())
for model in (ArticleAuthor, StorySubject, ReportAuthor):
    for row in model.objects.select_related("person", "page"):
        mismatched += row.person.site_id != row.page.get_site().pk
print(json.dumps({
    "topics": Counter(topic.site.hostname for topic in Topic.objects.all()),
    "people": Counter(person.site.hostname for person in Person.objects.all()),
    "mismatched": mismatched,
}))
"""

# It loads the whole demo, in a database of its own: with the demo's smoke tests.
pytestmark = pytest.mark.demo


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    """A SQLite database of its own, migrated, with the demo loaded; its environment for manage.py.

    SQLite whatever the run's engine: the migrations' data steps are the same
    on both, and PostgreSQL runs every migration forward when the test
    database is made.
    """
    folder = tmp_path_factory.mktemp("migrating-the-demo")
    environ = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "REDIS_")) and name != "DATABASE_URL"
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="alliance_site.settings.dev",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(folder / "media"),
    )
    for command in (["migrate", "--no-input"], ["load_demo_content"]):
        manage(environ, *command)
    return environ


def manage(environ, *command):
    return subprocess.run(
        [BIN / "python", "manage.py", *command],
        cwd=ROOT,
        env=environ,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout


def snapshot(environ):
    """{"topics": {host: count}, "people": {host: count}, "mismatched": pages}."""
    return json.loads(manage(environ, "shell", "-c", SNAPSHOT).strip().splitlines()[-1])


def test_topics_and_people_keep_their_sites_through_the_migrations(demo_database):
    before = snapshot(demo_database)

    manage(demo_database, "migrate", "taxonomy", "0001", "--no-input")
    manage(demo_database, "migrate", "people", "0001", "--no-input")
    manage(demo_database, "migrate", "--no-input")

    after = snapshot(demo_database)
    assert after == before
    assert sum(after["topics"].values()) == 30
    assert sum(after["people"].values()) == 10
    assert set(after["topics"]) == set(after["people"]) == {"localhost", "kidscan.localhost"}
    assert after["mismatched"] == 0
