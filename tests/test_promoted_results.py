"""Promoted search results: each site's moderators pick what its search shows first.

What a moderator notices: they promote one of their own site's pages for
some words, however visitors type them; another site's page, or the same
page twice, is a form error; editors cannot change what is live at once.
Wagtail's installation-wide promotions, from before, become each site's.
"""

from types import SimpleNamespace

from django.apps import apps
from django.db import connection
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from editorial.roles import SiteRoles, set_up_all_sites
from site_search.former_promotions import copy_wagtails_promotions
from site_search.models import PromotedResult
from tests.factories import (
    built_once_per_module,
    fresh_copies,
    make_article,
    make_news_index,
    make_site,
    make_staff,
)

pytestmark = pytest.mark.django_db


def build():
    ours = make_site("localhost", "Ours")
    theirs = make_site("theirs.localhost", "Theirs", default=False)
    budget = make_article(make_news_index(ours.root_page), title="Annual budget")
    elsewhere = make_article(make_news_index(theirs.root_page), title="Their budget")
    set_up_all_sites()
    roles = SiteRoles.objects.get(site=ours)
    return {
        "ours": ours,
        "theirs": theirs,
        "budget": budget,
        "elsewhere": elsewhere,
        "editor": make_staff("our-editor", roles.editors),
        "moderator": make_staff("our-moderator", roles.moderators),
    }


built = built_once_per_module(build)


@pytest.fixture
def sites(built):
    return fresh_copies(built)


def add(client, site, page, query="School budget!", **fields):
    url = reverse(PromotedResult.snippet_viewset.get_url_name("add"))
    data = {"site": site.pk, "query": query, "page": page.pk, "description": "", "sort_order": 0}
    return client.post(url, {**data, **fields})


def test_a_moderator_promotes_one_of_their_pages_for_some_words(client, sites):
    client.force_login(sites["moderator"])

    response = add(client, sites["ours"], sites["budget"])

    assert response.status_code == 302
    promotion = PromotedResult.objects.get()
    assert (promotion.site, promotion.page.pk) == (sites["ours"], sites["budget"].pk)
    # Stored as visitors' searches are matched: lower case, words only.
    assert promotion.query == "school budget"


def test_the_promoted_page_comes_first_however_the_words_are_typed(client, sites):
    PromotedResult.objects.create(site=sites["ours"], query="school budget", page=sites["budget"])

    response = client.get("/search/", {"q": "SCHOOL,  budget?"})

    first = BeautifulSoup(response.content, "html.parser").select_one(".search-result")
    assert first.select_one(".search-result__title").get_text(strip=True) == "Annual budget"
    assert first.select_one(".search-result__label").get_text(strip=True) == "Recommended"


def test_another_sites_page_cannot_be_promoted(client, sites):
    client.force_login(sites["moderator"])

    response = add(client, sites["ours"], sites["elsewhere"])

    assert response.status_code == 200
    assert "Choose one of this site&#x27;s pages." in response.content.decode()
    assert not PromotedResult.objects.exists()


def test_the_same_page_twice_for_the_same_search_is_a_form_error(client, sites):
    PromotedResult.objects.create(site=sites["ours"], query="school budget", page=sites["budget"])
    client.force_login(sites["moderator"])

    response = add(client, sites["ours"], sites["budget"], query="School Budget")

    assert response.status_code == 200
    assert "already promoted for this search" in response.content.decode()
    assert PromotedResult.objects.count() == 1


def test_words_without_a_letter_or_digit_are_a_form_error(client, sites):
    client.force_login(sites["moderator"])

    response = add(client, sites["ours"], sites["budget"], query="?!")

    assert response.status_code == 200
    assert not PromotedResult.objects.exists()


def test_an_editor_cannot_promote_a_page(client, sites):
    client.force_login(sites["editor"])

    add(client, sites["ours"], sites["budget"])

    assert not PromotedResult.objects.exists()


# --- From Wagtail's promotions ------------------------------------------------------------------

# The data step reads only the schema editor's connection.
THE_MIGRATIONS_SCHEMA_EDITOR = SimpleNamespace(connection=connection)
WAGTAILS_TABLES = [
    "CREATE TABLE wagtailsearchpromotions_query (id integer PRIMARY KEY, query_string text)",
    "CREATE TABLE wagtailsearchpromotions_searchpromotion (id integer PRIMARY KEY, "
    "query_id integer, page_id integer, external_link_url text, external_link_text text, "
    "description text, sort_order integer)",
]


def test_wagtails_promotions_become_the_promoted_pages_sites_own(sites):
    with connection.cursor() as cursor:
        for statement in WAGTAILS_TABLES:
            cursor.execute(statement)
        cursor.execute("INSERT INTO wagtailsearchpromotions_query VALUES (1, 'Budget')")
        cursor.execute(
            "INSERT INTO wagtailsearchpromotions_searchpromotion VALUES "
            f"(1, 1, {sites['budget'].pk}, '', '', 'Every year.', 2), "
            f"(2, 1, {sites['elsewhere'].pk}, '', '', '', NULL), "
            "(3, 1, NULL, 'https://example.org', 'Outside', '', 3)"
        )

    copy_wagtails_promotions(apps, THE_MIGRATIONS_SCHEMA_EDITOR)

    promotions = {
        (row.site.hostname, row.query, row.page.title, row.description, row.sort_order)
        for row in PromotedResult.objects.all()
    }
    # The external link was never shown on the search page, and is left out.
    assert promotions == {
        ("localhost", "budget", "Annual budget", "Every year.", 2),
        ("theirs.localhost", "budget", "Their budget", "", 0),
    }


def test_without_wagtails_promotions_there_is_nothing_to_copy(sites):
    copy_wagtails_promotions(apps, THE_MIGRATIONS_SCHEMA_EDITOR)

    assert not PromotedResult.objects.exists()
