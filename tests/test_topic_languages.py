"""A news topic's page in English and Spanish: its addresses, hreflang links and language switcher.

The same topic has a page below each language's news index, in that
language's words: /news/topics/essa/ and /es/noticias/temas/ley-essa/. Both
name each other to search engines, the switcher leads from one to the
other, and the addresses that served Spanish topics before (the English word
or slug under /es/) move there for good.
"""

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_news_index,
    make_site,
    make_topic,
    translate_page,
    translate_snippet,
)

pytestmark = pytest.mark.django_db

OTHER_HOST = "other-topics.localhost"
ENGLISH_ESSA = "/news/topics/essa/"
SPANISH_ESSA = "/es/noticias/temas/ley-essa/"


def build_news_in_two_languages():
    """A site with its news in both languages, a translated topic and an untranslated one."""
    _english, spanish = content_locales()
    site = make_site(name="Topic Languages")
    other = make_site(hostname=OTHER_HOST, name="Other Org", default=False)
    news = make_news_index(site.root_page, title="News", slug="news")
    make_news_index(other.root_page, title="News", slug="news")
    essa = make_topic("ESSA", slug="essa", description="The federal education law.", site=site)
    translate_snippet(
        essa, spanish, name="Ley ESSA", slug="ley-essa", description="La ley federal."
    )
    forums = make_topic("Forums", slug="forums", site=site)
    make_topic("Elsewhere", slug="elsewhere", site=other)
    article = make_article(news, title="ESSA plan", slug="essa-plan", topics=[essa, forums])
    translate_page(site.root_page, spanish, title="Inicio")
    translate_page(news, spanish, title="Noticias", slug="noticias")
    translate_page(article, spanish, title="Plan ESSA", slug="plan-essa")
    return {"site": site, "news": news, "essa": essa, "forums": forums}


news_for_the_module = built_once_per_module(build_news_in_two_languages)


@pytest.fixture
def news(news_for_the_module):
    return fresh_copies(news_for_the_module)


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def alternates(soup):
    """[(hreflang, absolute address)] of the <link rel="alternate" hreflang> tags in the head."""
    return [
        (link["hreflang"], link["href"])
        for link in soup.head.find_all("link", rel="alternate", hreflang=True)
    ]


def switcher_links(soup):
    """[(language, href)] of the language switcher's links to other languages."""
    switcher = soup.select_one("nav.language-switcher")
    return [(link["hreflang"], link["href"]) for link in switcher.find_all("a")]


def absolute(path):
    return "http://testserver" + path


# --- hreflang and the switcher ----------------------------------------------------------------


def test_a_translated_topics_pages_name_each_other_to_search_engines(client, news):
    english = soup_of(client.get(ENGLISH_ESSA))
    spanish = soup_of(client.get(SPANISH_ESSA))

    pair = [
        ("en", absolute(ENGLISH_ESSA)),
        ("es", absolute(SPANISH_ESSA)),
        ("x-default", absolute(ENGLISH_ESSA)),
    ]
    # Reciprocal: each names itself and the other, once each, and nothing else.
    assert alternates(english) == pair
    assert alternates(spanish) == pair
    assert english.head.find("link", rel="canonical")["href"] == absolute(ENGLISH_ESSA)
    assert spanish.head.find("link", rel="canonical")["href"] == absolute(SPANISH_ESSA)
    assert spanish.h1.get_text(strip=True) == "Ley ESSA"
    assert spanish.find("html")["lang"] == "es"


def test_the_switcher_leads_to_the_same_topic_in_the_other_language(client, news):
    english = soup_of(client.get(ENGLISH_ESSA))
    spanish = soup_of(client.get(SPANISH_ESSA))

    assert switcher_links(english) == [("es", SPANISH_ESSA)]
    assert switcher_links(spanish) == [("en", ENGLISH_ESSA)]


def test_an_untranslated_topic_names_no_versions_but_is_offered_in_spanish(client, news):
    """Its Spanish page shows the English name: linked for readers, not named to search engines."""
    english = soup_of(client.get("/news/topics/forums/"))
    assert alternates(english) == []
    assert switcher_links(english) == [("es", "/es/noticias/temas/forums/")]

    spanish = soup_of(client.get("/es/noticias/temas/forums/"))
    assert spanish.h1.get_text(strip=True) == "Forums"
    assert alternates(spanish) == []
    assert switcher_links(spanish) == [("en", "/news/topics/forums/")]


def test_the_news_index_keeps_its_own_versions(client, news):
    """The index's list, filtered to a topic or not, names the index's own translations."""
    filtered = soup_of(client.get("/news/", {"topic": "essa"}))
    assert switcher_links(filtered) == [("es", "/es/noticias/")]
    index = soup_of(client.get("/news/"))
    assert alternates(index) == [
        ("en", absolute("/news/")),
        ("es", absolute("/es/noticias/")),
        ("x-default", absolute("/news/")),
    ]


# --- Spanish addresses ------------------------------------------------------------------------


def test_spanish_pages_link_topics_at_their_spanish_address(client, news):
    article = soup_of(client.get("/es/noticias/plan-essa/"))
    tags = [(tag.get_text(strip=True), tag["href"]) for tag in article.select(".topic-tags a")]
    assert tags == [("Ley ESSA", SPANISH_ESSA), ("Forums", "/es/noticias/temas/forums/")]
    filtered = soup_of(client.get("/es/noticias/", {"topic": "ley-essa"}))
    assert filtered.select_one(".listing-status a")["href"] == SPANISH_ESSA


def test_english_addresses_are_unchanged(client, news):
    article = soup_of(client.get("/news/essa-plan/"))
    hrefs = {tag["href"] for tag in article.select(".topic-tags a")}
    assert hrefs == {ENGLISH_ESSA, "/news/topics/forums/"}


def test_the_sitemap_lists_each_topic_at_its_own_languages_address(client, news):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{'http://localhost' + ENGLISH_ESSA}</loc>" in sitemap
    assert f"<loc>{'http://localhost' + SPANISH_ESSA}</loc>" in sitemap
    assert "/es/noticias/topics/" not in sitemap


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # The Spanish topic under the English word, as Spanish topics were addressed before.
        ("/es/noticias/topics/ley-essa/", SPANISH_ESSA),
        # The English slug under /es/, with either word.
        ("/es/noticias/topics/essa/", SPANISH_ESSA),
        ("/es/noticias/temas/essa/", SPANISH_ESSA),
        ("/es/noticias/topics/forums/", "/es/noticias/temas/forums/"),
        # Another language's word or slug under the English index.
        ("/news/temas/essa/", ENGLISH_ESSA),
        ("/news/topics/ley-essa/", ENGLISH_ESSA),
    ],
)
def test_other_spellings_of_a_topics_address_move_there_for_good(client, news, old, new):
    moved = client.get(old)

    assert (moved.status_code, moved["Location"]) == (301, new)
    assert client.get(new).status_code == 200  # in one step


def test_a_moved_topic_page_keeps_its_query_string(client, news):
    moved = client.get("/es/noticias/topics/ley-essa/", {"page": "1"})
    assert (moved.status_code, moved["Location"]) == (301, SPANISH_ESSA + "?page=1")


# --- Feeds --------------------------------------------------------------------------------------


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_a_spanish_topic_feed_lives_at_the_spanish_address(client, news, feed_format):
    response = client.get(f"{SPANISH_ESSA}feeds/{feed_format}/")

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.feed.link == absolute(SPANISH_ESSA)
    assert [entry.title for entry in feed.entries] == ["Plan ESSA"]
    # The page advertises the same address.
    head = soup_of(client.get(SPANISH_ESSA)).head
    advertised = {link["href"] for link in head.find_all("link", rel="alternate", type=True)}
    assert absolute(f"{SPANISH_ESSA}feeds/{feed_format}/") in advertised


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/es/noticias/topics/ley-essa/", SPANISH_ESSA),
        ("/es/noticias/temas/essa/", SPANISH_ESSA),
        ("/news/temas/essa/", ENGLISH_ESSA),
    ],
)
def test_old_topic_feed_addresses_move_too(client, news, feed_format, old, new):
    moved = client.get(f"{old}feeds/{feed_format}/")

    assert (moved.status_code, moved["Location"]) == (301, f"{new}feeds/{feed_format}/")
    assert client.get(moved["Location"]).status_code == 200


# --- Addresses that name nothing -------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/es/noticias/temas/nothing-here/",
        "/es/noticias/topics/nothing-here/",
        "/news/temas/nothing-here/",
        "/es/noticias/temas/nothing-here/feeds/rss/",
        "/es/noticias/temas/ley-essa/feeds/xml/",
        "/es/noticias/TEMAS/ley-essa/",
        "/es/noticias/temas/elsewhere/",  # another site's topic
        "/es/noticias/temas/" + "x" * 5000 + "/",
        "/es/noticias/temas/ley-essa%00/",
        "/es/noticias/temas/%3Cscript%3Ealert(1)%3C%2Fscript%3E/",
        "/es/noticias/temas/ESSA'--/",
        "/es/noticias/temas/..%2F..%2Fadmin/",
        "/es/noticias/temas/ley-%C3%B1/",
        "/es/noticias/temas/%E2%80%AEessa/",
        "/news/topics/essa%2F..%2Fforums/",
    ],
)
def test_hostile_or_unknown_topic_addresses_are_not_found(client, news, path):
    response = client.get(path)

    assert response.status_code == 404
    assert b"<script>alert(1)</script>" not in response.content
