"""The demo's content survives the migrations that gave topics and people a site, and regions.

On a database of its own holding both demo sites, the site columns are taken
away (migrating back to before them) and given back (migrating forward):
every topic and person ends on the site whose pages use it, no page is left
filed under another site's topic or signed by another site's person, and
nothing is lost. Regions go back to codes from a fixed list and forward to
each site's own rows: every story, event and partner, in its live page, its
latest revision and its translation source, keeps its region, named the same
in both languages.
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


# Each story, event and partner's region, in English and Spanish, from the
# live row, the latest revision and wagtail-localize's source; and how many
# are filed under another site's region.
REGIONS = """
import json
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from events.models import EventPage
from partners.models import PartnerIndexPage
from stories.models import StoryPage
spanish = Locale.objects.get(language_code="es")
def named(region):
    if region is None:
        return None
    translation = region.get_translation_or_none(spanish)
    return [region.name, translation.name if translation else None, region.slug]
regions, mismatched = {}, 0
def note(key, page, region):
    global mismatched
    regions[key] = named(region)
    mismatched += region is not None and region.site_id != page.get_site().pk
for model in (StoryPage, EventPage):
    for page in model.objects.all():
        note(f"live {page.url_path}", page, page.region)
        note(f"revision {page.url_path}", page, page.get_latest_revision_as_object().region)
for page in PartnerIndexPage.objects.all():
    for partner in page.partners.all():
        note(f"live {page.url_path} {partner.name}", page, partner.region)
    for partner in page.get_latest_revision_as_object().partners.all():
        note(f"revision {page.url_path} {partner.name}", page, partner.region)
filed = ContentType.objects.get_for_models(StoryPage, EventPage, PartnerIndexPage).values()
for source in TranslationSource.objects.filter(specific_content_type__in=filed):
    page = source.get_source_instance()
    if isinstance(page, (StoryPage, EventPage)):
        note(f"source {page.url_path}", page, source.as_instance().region)
    elif isinstance(page, PartnerIndexPage):
        for partner in source.as_instance().partners.all():
            note(f"source {page.url_path} {partner.name}", page, partner.region)
print(json.dumps({"regions": regions, "mismatched": mismatched}, sort_keys=True))
"""


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


def region_snapshot(environ):
    return json.loads(manage(environ, "shell", "-c", REGIONS).strip().splitlines()[-1])


def test_stories_events_and_partners_keep_their_regions_through_the_migrations(demo_database):
    before = region_snapshot(demo_database)

    manage(demo_database, "migrate", "taxonomy", "0002", "--no-input")
    manage(demo_database, "migrate", "--no-input")

    after = region_snapshot(demo_database)
    assert after == before
    assert after["mismatched"] == 0
    filed = [name for name in after["regions"].values() if name is not None]
    assert ["Northwest", "Noroeste", "northwest"] in filed
    assert ["Statewide", "Todo el estado", "statewide"] in filed
    # Stories, the forums and the directory, each seen live, in a revision and a source.
    assert len(filed) > 30
