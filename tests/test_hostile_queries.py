"""Malformed, huge and hostile query strings on every listing, feed and search address.

Whatever a visitor, a bot or a broken link sends, the answer is a page or a
clear 4xx, never a server error, and nothing sent is echoed back unescaped.

The module builds one small site in English and Spanish for all its tests,
shaped like the demo's Learning Alliance site where these addresses come
from: a news index with articles filed under topics (ESSA among them), its
Spanish translation at /es/noticias/, and a story index with stories from
two regions. So every address has something to list, filter by topic or
region, page through and search.
"""

import datetime

import pytest

from tests.factories import (
    built_once_per_module,
    content_locales,
    make_article,
    make_news_index,
    make_site,
    make_story,
    make_story_index,
    make_topic,
    translate_page,
    translate_snippet,
)

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/news/",
    "/es/noticias/",
    "/news/topics/essa/",
    "/news/feeds/rss/",
    "/news/feeds/atom/",
    "/stories/",
    "/search/",
    "/es/search/",
]

# Raw query-string values, already percent-encoded as a browser or bot would send them.
HOSTILE_VALUES = [
    "",
    "%00",
    "abc%00def",
    "%FF%FE",
    "%C0%AF",
    "-1",
    "0",
    "1e3",
    "99999999999999999999999999",
    "%EF%BC%91",  # a full-width digit one, which str.isdigit() accepts
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
    "'%20OR%201=1--",
    "../../etc/passwd",
    "a" * 10_000,
    "%E2%80%AE%E2%80%8B",  # bidi override and zero-width space
]
MARKERS = [b"<script>alert(1)</script>", b"<img src=x onerror=alert(1)>"]


def build_site_in_two_languages():
    """The default site with news and stories, and the news also in Spanish."""
    _english, spanish = content_locales()
    site = make_site(name="Hostile Query Test")
    home = site.root_page.specific
    essa = make_topic("ESSA", slug="essa", description="The federal education law.")
    forums = make_topic("Forums", slug="forums", description="Where communities speak up.")
    translate_snippet(essa, spanish, name="Ley ESSA", slug="ley-essa")
    news = make_news_index(home, title="News", slug="news")
    articles = [
        make_article(
            news,
            title="What ESSA asks of New Mexico",
            summary="The federal law, in plain words.",
            topics=[essa],
            publication_date=datetime.date(2024, 3, 1),
        ),
        make_article(
            news,
            title="Community forums across the state",
            summary="Six forums, one plan.",
            topics=[essa, forums],
            publication_date=datetime.date(2024, 2, 1),
        ),
        make_article(news, title="Board notes", publication_date=datetime.date(2024, 1, 1)),
    ]
    stories = make_story_index(home, title="Stories", slug="stories")
    make_story(stories, title="A reading club that grew", region="central", topics=[essa])
    make_story(stories, title="A school bus on the mesa", region="northwest")
    translate_page(home, spanish, title="Inicio")
    translate_page(news, spanish, title="Noticias", slug="noticias")
    translate_page(
        articles[0],
        spanish,
        title="Lo que la ley ESSA pide a Nuevo México",
        slug="ley-essa-nuevo-mexico",
        summary="La ley federal, en palabras sencillas.",
    )
    return site


site_in_two_languages = built_once_per_module(build_site_in_two_languages)


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("parameter", ["page", "topic", "region", "q"])
def test_hostile_query_values_never_cause_a_server_error(
    client, site_in_two_languages, address, parameter
):
    for value in HOSTILE_VALUES:
        response = client.get(f"{address}?{parameter}={value}")
        assert response.status_code < 500, (address, parameter, value[:40])
        assert response.status_code in (200, 400, 404), (address, parameter, value[:40])
        for marker in MARKERS:
            assert marker not in response.content, (address, parameter, value[:40])


@pytest.mark.parametrize("address", ADDRESSES)
def test_repeated_and_combined_parameters_are_handled(client, site_in_two_languages, address):
    response = client.get(f"{address}?page=2&page=abc&topic=essa&topic=%00&q=a&q=%FF&region=x")
    assert response.status_code in (200, 400, 404)


@pytest.mark.parametrize("address", ADDRESSES)
def test_every_address_swept_is_a_page_of_the_built_site(client, site_in_two_languages, address):
    """Without a query each address answers normally, so the sweep reaches the real views."""
    assert client.get(address).status_code == 200
