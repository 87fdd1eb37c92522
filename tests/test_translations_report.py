"""Reports → Translations and the translation tool's snippet listing: staff see their own site's.

wagtail-localize's report and snippet API list every organization's
translations and snippets by name; staff get the same report limited to
their own sites, and the site-wide originals are for superusers only.
"""

from django.contrib.auth import get_user_model

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import Translation, TranslationSource

from editorial.roles import SiteRoles, set_up_all_sites
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_news_index,
    make_site,
    make_topic,
)

pytestmark = pytest.mark.django_db

OWN_REPORT = "/admin/editorial/translations/"
EVERY_SITES_REPORT = "/admin/localize/reports/translations/"
TOPIC_LISTING = "/admin/localize/api/snippets/taxonomy/topic/"


def awaiting_translation(instance, locale):
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    return Translation.objects.create(source=source, target_locale=locale)


def build():
    _english, spanish = content_locales()
    ours = make_site("localhost", "Ours")
    theirs = make_site("theirs.localhost", "Theirs", default=False)
    for site, name in ((ours, "Our"), (theirs, "Their")):
        news = make_news_index(site.root_page, title="News", slug="news")
        awaiting_translation(make_article(news, title=f"{name} forum dates"), spanish)
        awaiting_translation(make_topic(f"{name} surveys", slug="surveys", site=site), spanish)
    set_up_all_sites()
    editor = get_user_model().objects.create_user("our-editor", "e@example.org", "a-password")
    editor.groups.add(SiteRoles.objects.get(site=ours).editors)
    return {
        "editor": editor,
        "superuser": get_user_model().objects.create_superuser("root", "r@example.org", "pw"),
    }


built = built_once_per_module(build)


@pytest.fixture
def people(built):
    return fresh_copies(built)


def text_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def test_staff_see_their_own_sites_translations_only(client, people):
    client.force_login(people["editor"])

    report = text_of(client.get(OWN_REPORT))

    assert "Our forum dates" in report
    assert "Our surveys" in report
    assert "Their forum dates" not in report
    assert "Their surveys" not in report


def test_the_reports_menu_leads_staff_to_their_own_sites_report(client, people):
    client.force_login(people["editor"])

    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")

    sidebar = dashboard.select_one("#wagtail-sidebar-props").get_text()
    assert OWN_REPORT in sidebar
    assert EVERY_SITES_REPORT not in sidebar


@pytest.mark.parametrize("address", [EVERY_SITES_REPORT, EVERY_SITES_REPORT + "results/"])
def test_the_report_of_every_site_is_not_found_for_staff(client, people, address):
    client.force_login(people["editor"])

    assert client.get(address).status_code == 404


def test_the_translation_tools_listing_of_every_sites_topics_is_not_found_for_staff(client, people):
    client.force_login(people["editor"])

    assert client.get(TOPIC_LISTING).status_code == 404


def test_a_superuser_sees_every_sites_translations(client, people):
    client.force_login(people["superuser"])

    report = text_of(client.get(OWN_REPORT))

    assert "Our forum dates" in report
    assert "Their forum dates" in report
    assert client.get(EVERY_SITES_REPORT).status_code == 200
    assert client.get(TOPIC_LISTING).status_code == 200
