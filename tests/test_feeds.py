"""The news feeds (RSS 2.0 and Atom) as a feed reader finds, fetches and shows them.

Feeds are parsed with feedparser, the library many readers are built on.
Most tests read two sites built once for the module, each with its news in
English and Spanish; the rest build just what they need on hosts of their own.
"""

import datetime
import email.utils
import html
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.synctree import synchronize_tree

from articles.feeds import ENCLOSURE_FILTER
from articles.models import ArticleAuthor
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_image,
    make_news_index,
    make_person,
    make_private,
    make_site,
    make_standard,
    make_topic,
    translate_page,
    translate_snippet,
)

pytestmark = pytest.mark.django_db

# The two sites built once for the module: an alliance and a parents' group.
ALLIANCE_HOST = "alliance-news.localhost"
KIDSCAN_HOST = "kidscan-news.localhost"
# Sites made by single tests.
FEEDS_HOST = "feeds.localhost"
QUIET_HOST = "quiet.localhost"
NEW_MEXICO = ZoneInfo("America/Denver")
FORMATS = ["rss", "atom"]
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}

# Topics by slug: (English name, Spanish name or None where nobody has translated it).
TOPICS = {
    "essa": ("ESSA", None),
    "forums": ("Forums", "Foros"),
    "surveys": ("Surveys", "Encuestas"),
}

# Each site's articles in the order editors wrote them, which is not the order they came out.
# "spanish" is the (title, summary) of the article's Spanish translation.
ALLIANCE = {
    "hostname": ALLIANCE_HOST,
    "name": "Learning Alliance Test",
    "articles": [
        {
            "slug": "take-the-essa-survey",
            "title": "Take the ESSA survey",
            "summary": "Ten minutes to tell the state what schools need.",
            "publication_date": datetime.date(2016, 9, 1),
            "topics": ["surveys"],
            "spanish": (
                "Responda la encuesta sobre ESSA",
                "Diez minutos para decirle al estado lo que necesitan las escuelas.",
            ),
        },
        {
            "slug": "stakeholder-feedback-report",
            "title": "What 4,000 New Mexicans said about ESSA",
            "summary": "The stakeholder feedback report is out.",
            "publication_date": datetime.date(2017, 1, 24),
            "topics": ["essa", "surveys"],
            "spanish": (
                "Lo que 4.000 nuevomexicanos dijeron sobre ESSA",
                "Ya salió el informe de opiniones de la comunidad.",
            ),
        },
        {
            "slug": "forum-in-gallup",
            "title": "The forum tour opens in Gallup",
            "summary": "Neighbors asked how the state will measure schools.",
            "publication_date": datetime.date(2016, 10, 20),
            "topics": ["forums"],
            "spanish": (
                "La gira de foros empieza en Gallup",
                "Los vecinos preguntaron cómo medirá el estado a las escuelas.",
            ),
        },
        {
            "slug": "six-community-forums",
            "title": "Six community forums on the state plan",
            "summary": "What we heard across New Mexico.",
            "publication_date": datetime.date(2016, 11, 15),
            "topics": ["essa", "forums"],
            "spanish": (
                "Seis foros comunitarios sobre el plan estatal",
                "Lo que escuchamos en todo Nuevo México.",
            ),
        },
    ],
}
KIDSCAN = {
    "hostname": KIDSCAN_HOST,
    "name": "KidsCAN Test",
    "articles": [
        {
            "slug": "essa-community-forums",
            "title": "Community forums on ESSA",
            "summary": "Parents met their school board.",
            "publication_date": datetime.date(2022, 3, 10),
            "topics": ["forums"],
            "spanish": None,
        },
        {
            "slug": "parent-survey",
            "title": "A survey of New Mexico parents",
            "summary": "Parents' confidence is growing.",
            "publication_date": datetime.date(2023, 5, 2),
            "topics": ["surveys"],
            "spanish": None,
        },
    ],
}


def read_feed(client, path, host):
    """The feed at `path` on `host`, parsed; it must be well-formed and of the right type."""
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, f"{host}{path}: {response.status_code}"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, f"{host}{path}: {parsed.get('bozo_exception')}"
    kind = "rss20" if response["Content-Type"] == CONTENT_TYPES["rss"] else "atom10"
    assert parsed.version == kind, response["Content-Type"]
    return parsed


def follow(client, url):
    """Fetch an absolute address found on a page, on the host it names."""
    parts = urlsplit(url)
    return client.get(parts.path, HTTP_HOST=parts.netloc)


def titles(feed):
    return [entry.title for entry in feed.entries]


def summary_text(entry):
    """What a reader shows as the summary: RSS sends it as HTML, Atom as plain text."""
    if entry.summary_detail.type == "text/html":
        return html.unescape(entry.summary)
    return entry.summary


def published(entry):
    """The entry's publication time, with the offset it was given."""
    if entry.published[:4].isdigit():
        return datetime.datetime.fromisoformat(entry.published)
    return email.utils.parsedate_to_datetime(entry.published)


def feed_links(response):
    """(type, title, href) of each feed the page's <head> advertises."""
    head = BeautifulSoup(response.content, "html.parser").head
    return [
        (link["type"], link["title"], link["href"])
        for link in head.find_all("link", rel="alternate", type=True)
    ]


def newest_first(site):
    """The site's articles (ALLIANCE or KIDSCAN) in the order its feed lists them."""
    return sorted(site["articles"], key=lambda article: article["publication_date"], reverse=True)


def build_newsrooms():
    """Both sites, each with an About page and its news in English and Spanish.

    Every article is illustrated, filed under topics and signed, so the feeds
    carry everything an item can hold.
    """
    _english, spanish = content_locales()
    news_indexes = {}
    for site_spec in (ALLIANCE, KIDSCAN):
        site = make_site(hostname=site_spec["hostname"], name=site_spec["name"], default=False)
        # Each organization files its news under its own topics and signs it itself.
        topics = {}
        for slug, (name, spanish_name) in TOPICS.items():
            topics[slug] = make_topic(name, slug=slug, site=site)
            if spanish_name:
                translate_snippet(
                    topics[slug], spanish, name=spanish_name, slug=spanish_name.lower()
                )
        author = make_person(name="Ana Martínez", role="Policy Director", site=site)
        news = make_news_index(site.root_page, title="News", slug="news")
        make_standard(site.root_page, title="About", slug="about")
        translate_page(site.root_page.specific, spanish)
        translate_page(news, spanish, title="Noticias", slug="noticias")
        for spec in site_spec["articles"]:
            article = make_article(
                news,
                slug=spec["slug"],
                title=spec["title"],
                summary=spec["summary"],
                publication_date=spec["publication_date"],
                topics=[topics[slug] for slug in spec["topics"]],
                image=make_image(),
                authors=[ArticleAuthor(person=author)],
            )
            if spec["spanish"]:
                title, summary = spec["spanish"]
                translate_page(article, spanish, title=title, summary=summary)
        news_indexes[site_spec["hostname"]] = news
    return news_indexes


newsrooms_for_the_module = built_once_per_module(build_newsrooms)


@pytest.fixture
def newsrooms(newsrooms_for_the_module):
    """{host: its English news index} of the two sites ALLIANCE and KIDSCAN describe."""
    return fresh_copies(newsrooms_for_the_module)


# --- Two sites, in two languages ---------------------------------------------------------------


@pytest.mark.parametrize("feed_format", FORMATS)
@pytest.mark.parametrize("site", [ALLIANCE, KIDSCAN], ids=["alliance", "kidscan"])
def test_each_sites_feed_lists_its_news_newest_first_on_its_own_host(
    client, newsrooms, site, feed_format
):
    host = site["hostname"]
    feed = read_feed(client, f"/news/feeds/{feed_format}/", host)

    assert feed.feed.title == f"News | {site['name']}"
    assert feed.feed.language == "en"
    assert feed.feed.link == f"http://{host}/news/"
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    assert self_link == f"http://{host}/news/feeds/{feed_format}/"
    assert titles(feed) == [article["title"] for article in newest_first(site)]
    for entry, article in zip(feed.entries, newest_first(site), strict=True):
        assert entry.link == f"http://{host}/news/{article['slug']}/"
        assert summary_text(entry) == article["summary"]
        assert entry.enclosures[0].href.startswith(f"http://{host}/media/images/")
        assert entry.enclosures[0].type == "image/jpeg"
        assert published(entry).date() == article["publication_date"]


@pytest.mark.parametrize("feed_format", FORMATS)
def test_spanish_feed_holds_the_spanish_pages_and_says_it_is_spanish(
    client, newsrooms, feed_format
):
    feed = read_feed(client, f"/es/noticias/feeds/{feed_format}/", ALLIANCE_HOST)

    assert feed.feed.language == "es"
    assert feed.feed.title == "Noticias | Learning Alliance Test"
    assert feed.feed.link == f"http://{ALLIANCE_HOST}/es/noticias/"
    english = newest_first(ALLIANCE)
    assert titles(feed) == [article["spanish"][0] for article in english]
    for entry, article in zip(feed.entries, english, strict=True):
        assert entry.link.startswith(f"http://{ALLIANCE_HOST}/es/noticias/")
        assert summary_text(entry) == article["spanish"][1]
    # Topics are named in Spanish.
    assert "Encuestas" in [tag.term for tag in feed.entries[0].tags]


@pytest.mark.parametrize("feed_format", FORMATS)
def test_topic_feed_holds_only_that_topics_articles(client, newsrooms, feed_format):
    feed = read_feed(client, f"/news/topics/forums/feeds/{feed_format}/", ALLIANCE_HOST)

    in_topic = [article for article in newest_first(ALLIANCE) if "forums" in article["topics"]]
    assert 0 < len(in_topic) < len(newest_first(ALLIANCE))
    assert titles(feed) == [article["title"] for article in in_topic]
    assert feed.feed.title == "Forums · News | Learning Alliance Test"
    assert feed.feed.link == f"http://{ALLIANCE_HOST}/news/topics/forums/"
    assert all("Forums" in [tag.term for tag in entry.tags] for entry in feed.entries)


def test_untranslated_twins_stay_out_of_the_spanish_feed(client, newsrooms):
    """The Spanish feed offers Spanish text only; the English feed already carries the original."""
    english_locale, spanish_locale = content_locales()
    news = newsrooms[ALLIANCE_HOST]
    twin_source = make_article(
        news, title="School board meets in Gallup", publication_date=datetime.date(2030, 1, 2)
    )
    unbegun_source = make_article(
        news, title="Forum in Roswell", publication_date=datetime.date(2030, 1, 1)
    )
    synchronize_tree(english_locale, spanish_locale)
    # Sent for translation, but not a word translated yet: it still shows the English text.
    TranslationCreator(None, [spanish_locale]).create_translations(unbegun_source)
    unbegun = unbegun_source.get_translation(spanish_locale)
    assert unbegun.live and unbegun.alias_of_id is None
    assert twin_source.get_translation(spanish_locale).alias_of_id == twin_source.pk

    spanish = read_feed(client, "/es/noticias/feeds/rss/", ALLIANCE_HOST)
    english = read_feed(client, "/news/feeds/rss/", ALLIANCE_HOST)

    assert "School board meets in Gallup" not in titles(spanish)
    assert "Forum in Roswell" not in titles(spanish)
    assert len(spanish.entries) == len(ALLIANCE["articles"])
    assert titles(english)[:2] == ["School board meets in Gallup", "Forum in Roswell"]


@pytest.mark.parametrize("path", ["/news/", "/news/topics/essa/"])
def test_the_feed_advertised_in_the_head_parses_and_lists_the_newest_articles(
    client, newsrooms, path
):
    response = client.get(path, HTTP_HOST=ALLIANCE_HOST)
    links = feed_links(response)

    assert links[:2] == [
        (
            "application/rss+xml",
            "News | Learning Alliance Test (RSS)",
            f"http://{ALLIANCE_HOST}/news/feeds/rss/",
        ),
        (
            "application/atom+xml",
            "News | Learning Alliance Test (Atom)",
            f"http://{ALLIANCE_HOST}/news/feeds/atom/",
        ),
    ]
    for content_type, _title, href in links:
        fetched = follow(client, href)
        assert fetched["Content-Type"] == f"{content_type}; charset=utf-8"
        feed = feedparser.parse(fetched.content)
        assert not feed.bozo
        # The newest article is about ESSA too, so it leads the topic's feed as well.
        assert feed.entries[0].title == newest_first(ALLIANCE)[0]["title"]


def test_a_topic_page_also_advertises_and_shows_its_topics_feeds(client, newsrooms):
    response = client.get("/news/topics/essa/", HTTP_HOST=ALLIANCE_HOST)

    topic_links = feed_links(response)[2:]
    assert [(kind, title) for kind, title, _href in topic_links] == [
        ("application/rss+xml", "ESSA · News | Learning Alliance Test (RSS)"),
        ("application/atom+xml", "ESSA · News | Learning Alliance Test (Atom)"),
    ]
    topic_feed = feedparser.parse(follow(client, topic_links[1][2]).content)
    assert topic_feed.feed.title == "ESSA · News | Learning Alliance Test"
    # Readers without a browser extension find the same feeds on the page itself.
    subscribe = BeautifulSoup(response.content, "html.parser").select(".feed-subscribe a")
    assert {link["href"] for link in subscribe} == {
        href for _kind, _title, href in feed_links(response)
    }


def test_spanish_pages_advertise_and_show_the_spanish_feed(client, newsrooms):
    response = client.get("/es/noticias/", HTTP_HOST=KIDSCAN_HOST)

    assert feed_links(response) == [
        (
            "application/rss+xml",
            "Noticias | KidsCAN Test (RSS)",
            f"http://{KIDSCAN_HOST}/es/noticias/feeds/rss/",
        ),
        (
            "application/atom+xml",
            "Noticias | KidsCAN Test (Atom)",
            f"http://{KIDSCAN_HOST}/es/noticias/feeds/atom/",
        ),
    ]
    subscribe = BeautifulSoup(response.content, "html.parser").select(".feed-subscribe a")
    assert [(link.get_text(), link["href"]) for link in subscribe] == [
        ("RSS", f"http://{KIDSCAN_HOST}/es/noticias/feeds/rss/"),
        ("Atom", f"http://{KIDSCAN_HOST}/es/noticias/feeds/atom/"),
    ]


def test_every_page_of_a_site_advertises_its_news_feeds(client, newsrooms):
    for path in ["/", "/about/", "/news/essa-community-forums/", "/does-not-exist/"]:
        response = client.get(path, HTTP_HOST=KIDSCAN_HOST)
        hrefs = [href for _kind, _title, href in feed_links(response)]
        assert hrefs == [
            f"http://{KIDSCAN_HOST}/news/feeds/rss/",
            f"http://{KIDSCAN_HOST}/news/feeds/atom/",
        ], path


def test_feed_costs_a_fixed_number_of_queries(client, newsrooms, django_assert_max_num_queries):
    """Wagtail finding the page takes 8; the feed 10: articles, images, topics, authors."""
    read_feed(client, "/es/noticias/feeds/atom/", ALLIANCE_HOST)  # make the renditions
    with django_assert_max_num_queries(18):
        read_feed(client, "/es/noticias/feeds/atom/", ALLIANCE_HOST)


# --- Sites built for one test -----------------------------------------------------------------


@pytest.fixture
def feeds_site():
    site = make_site(hostname=FEEDS_HOST, name="Feeds Test Organization", default=False)
    return site, make_news_index(site.root_page, title="News", slug="news")


@pytest.mark.parametrize("feed_format", FORMATS)
def test_an_item_carries_summary_authors_dates_image_and_topics(client, feeds_site, feed_format):
    site, index = feeds_site
    budgets, polls = make_topic(name="Budgets", site=site), make_topic(name="Polls", site=site)
    image = make_image(size=(1600, 900))
    article = make_article(
        index,
        title="Survey results are in",
        summary="Parents answered 40 questions.",
        publication_date=datetime.date(2024, 3, 14),
        topics=[polls, budgets],
        image=image,
    )
    for person in (make_person("Ana Martínez"), make_person("Ben Ortiz")):
        article.authors.create(person=person)
    article.save_revision().publish()
    article.refresh_from_db()

    feed = read_feed(client, f"/news/feeds/{feed_format}/", FEEDS_HOST)
    [entry] = feed.entries

    assert entry.title == "Survey results are in"
    assert entry.link == f"http://{FEEDS_HOST}/news/{article.slug}/"
    assert summary_text(entry) == "Parents answered 40 questions."
    assert [author.name for author in entry.authors] == ["Ana Martínez", "Ben Ortiz"]
    assert [tag.term for tag in entry.tags] == ["Budgets", "Polls"]
    # A date without a time: noon in New Mexico, the same day for readers across the Americas.
    assert published(entry) == datetime.datetime(2024, 3, 14, 12, tzinfo=NEW_MEXICO)
    assert entry.id.startswith(f"tag:{FEEDS_HOST},")
    rendition = image.get_rendition(ENCLOSURE_FILTER)
    [enclosure] = entry.enclosures
    assert enclosure.href == f"http://{FEEDS_HOST}{rendition.url}"
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == rendition.file.size > 0
    if feed_format == "atom":
        updated = datetime.datetime.fromisoformat(entry.updated)
        assert updated == article.last_published_at


def test_item_id_survives_a_change_of_address(client, feeds_site):
    _site, index = feeds_site
    article = make_article(index, title="Renamed later")
    before = read_feed(client, "/news/feeds/atom/", FEEDS_HOST).entries[0]
    article.slug = "a-better-address"
    article.save_revision().publish()
    after = read_feed(client, "/news/feeds/atom/", FEEDS_HOST).entries[0]

    assert after.link != before.link
    assert after.id == before.id


@pytest.mark.parametrize("feed_format", FORMATS)
def test_drafts_private_pages_and_other_sites_stay_out(client, feeds_site, feed_format):
    _site, index = feeds_site
    other = make_site(hostname=QUIET_HOST, name="Other", default=False)
    make_article(make_news_index(other.root_page), title="Other site's news")
    make_article(index, title="Published")
    make_article(index, title="Draft", live=False)
    make_private(make_article(index, title="Board only"))

    feed = read_feed(client, f"/news/feeds/{feed_format}/", FEEDS_HOST)

    assert titles(feed) == ["Published"]


@pytest.mark.parametrize("feed_format", FORMATS)
def test_markup_in_titles_and_summaries_is_shown_as_written(client, feeds_site, feed_format):
    _site, index = feeds_site
    title = "Budget <script>alert(1)</script> & what it means"
    summary = "Cuts <script>alert(2)</script> & <b>gains</b> for R&D"
    make_article(index, title=title, summary=summary)

    response = client.get(f"/news/feeds/{feed_format}/", HTTP_HOST=FEEDS_HOST)
    feed = read_feed(client, f"/news/feeds/{feed_format}/", FEEDS_HOST)

    assert b"<script>" not in response.content
    assert feed.entries[0].title == title
    assert summary_text(feed.entries[0]) == summary


def test_link_titles_in_the_head_are_escaped(client, feeds_site):
    _site, index = feeds_site
    index.title = "News <script>alert(1)</script> & more"
    index.save_revision().publish()

    response = client.get("/news/", HTTP_HOST=FEEDS_HOST)

    assert b"<script>alert" not in response.content
    assert feed_links(response)[0][1] == (
        "News <script>alert(1)</script> & more | Feeds Test Organization (RSS)"
    )


def test_a_site_without_news_advertises_no_feed(client, feeds_site):
    site = make_site(hostname=QUIET_HOST, name="Quiet Organization", default=False)
    page = make_standard(site.root_page, title="About", slug="about")

    for path in ["/", page.url, "/es/", "/does-not-exist/"]:
        response = client.get(path, HTTP_HOST=QUIET_HOST)
        assert response.status_code in (200, 404)
        assert feed_links(response) == [], path


def test_a_draft_news_index_is_not_advertised(client):
    site = make_site(hostname=QUIET_HOST, name="Quiet Organization", default=False)
    index = make_news_index(site.root_page, slug="news")
    index.unpublish()

    assert feed_links(client.get("/", HTTP_HOST=QUIET_HOST)) == []


def test_an_unknown_topic_has_no_feed(client, feeds_site):
    assert client.get("/news/topics/nothing/feeds/rss/", HTTP_HOST=FEEDS_HOST).status_code == 404


@pytest.mark.load
def test_query_count_does_not_grow_with_the_number_of_items(client, feeds_site):
    """A feed of 20 illustrated, tagged, signed articles costs as many queries as one of 2."""
    site, index = feeds_site
    topics = [make_topic(name="Budgets", site=site), make_topic(name="Polls", site=site)]
    author = make_person("Ana Martínez", site=site)

    def add_articles(count):
        for _ in range(count):
            article = make_article(index, topics=topics, image=make_image())
            article.authors.create(person=author)
            article.save_revision().publish()

    def queries():
        read_feed(client, "/news/feeds/rss/", FEEDS_HOST)  # make the renditions
        with CaptureQueriesContext(connection) as captured:
            feed = read_feed(client, "/news/feeds/rss/", FEEDS_HOST)
        return len(captured), feed

    add_articles(2)
    few, few_feed = queries()
    add_articles(25)
    many, many_feed = queries()

    assert len(few_feed.entries) == 2
    assert len(many_feed.entries) == 20
    assert all(entry.enclosures and entry.authors and entry.tags for entry in many_feed.entries)
    assert many == few
