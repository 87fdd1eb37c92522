"""Finding news and stories by subject and place: topic filters, topic pages, related articles,
region filters and numbered pagination."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from articles.models import NewsIndexPage
from tests.factories import (
    built_once_per_module,
    fresh_copies,
    make_article,
    make_news_index,
    make_region,
    make_site,
    make_story,
    make_story_index,
    make_topic,
)

pytestmark = pytest.mark.django_db

OTHER_HOST = "other-org.localhost"


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response, selector=".card__title"):
    return [title.get_text(strip=True) for title in soup_of(response).select(selector)]


def is_noindex(response):
    robots = soup_of(response).find("meta", attrs={"name": "robots"})
    return robots is not None and "noindex" in robots["content"]


@pytest.fixture
def news(news_for_the_module):
    """A site with a news index and a story index, two topics, and a second site's news."""
    return fresh_copies(news_for_the_module)


def build_news():
    site = make_site(name="Topic Test")
    other = make_site(hostname=OTHER_HOST, name="Other Org", default=False)
    return {
        "site": site,
        "index": make_news_index(site.root_page, show_in_menus=True),
        "stories": make_story_index(site.root_page),
        "other_index": make_news_index(other.root_page),
        "essa": make_topic("ESSA", slug="essa", description="The federal education law."),
        "forums": make_topic("Forums", slug="forums"),
    }


news_for_the_module = built_once_per_module(build_news)


def path_of(page):
    """The page's address on its own site (with two sites, `page.url` includes the host)."""
    return page.get_url_parts()[2]


def dated(day):
    return datetime.date(2024, 1, day)


# --- ?topic= on the news index ----------------------------------------------------------------


def test_topic_filter_lists_only_that_topics_articles_and_is_not_indexed(client, news):
    index = news["index"]
    make_article(index, title="About ESSA", topics=[news["essa"]], publication_date=dated(2))
    make_article(index, title="About forums", topics=[news["forums"]], publication_date=dated(3))
    make_article(index, title="About nothing", publication_date=dated(4))

    everything = client.get(path_of(index))
    filtered = client.get(path_of(index), {"topic": "essa"})

    assert card_titles(everything) == ["About nothing", "About forums", "About ESSA"]
    assert not is_noindex(everything)
    assert card_titles(filtered) == ["About ESSA"]
    assert is_noindex(filtered)
    # The filtered list points to the topic's own page, which search engines may index.
    topic_link = soup_of(filtered).select_one(".listing-status a")
    assert topic_link["href"] == path_of(index) + "topics/essa/"


def test_topic_filter_form_works_without_javascript(client, news):
    """The filter is a plain GET form whose choices are the topics articles are filed under."""
    index = news["index"]
    make_article(index, topics=[news["essa"]])
    form = soup_of(client.get(path_of(index))).select_one("form.listing-filter")

    assert form["method"] == "get"
    select = form.find("select", attrs={"name": "topic"})
    assert form.find("label", attrs={"for": select["id"]})
    choices = {option["value"]: option.get_text(strip=True) for option in select.find_all("option")}
    # "All topics" submits an empty value, which lists everything.
    assert choices == {"": "All topics", "essa": "ESSA"}
    assert client.get(path_of(index), {"topic": ""}).status_code == 200


@pytest.mark.parametrize(
    "value", ["no-such-topic", "ESSA'--", "<script>alert(1)</script>", "x" * 5000, "es\x00sa"]
)
def test_unknown_topic_is_not_found(client, news, value):
    response = client.get(path_of(news["index"]), {"topic": value})
    assert response.status_code == 404
    assert b"<script>alert(1)</script>" not in response.content


def test_pagination_is_numbered_and_keeps_the_topic(client, news):
    index = news["index"]
    per_page = NewsIndexPage.articles_per_page
    assert per_page == 12
    for day in range(1, 2 * per_page + 3):  # three pages of ESSA articles
        make_article(
            index, title=f"ESSA {day:02}", topics=[news["essa"]], publication_date=dated(day)
        )

    first = soup_of(client.get(path_of(index), {"topic": "essa"}))
    numbers = [link.get_text(" ", strip=True) for link in first.select(".pagination__number")]
    assert numbers == ["Page 1", "Page 2", "Page 3"]
    assert (
        first.select_one(".pagination__number[aria-current=page]")
        .get_text(strip=True)
        .endswith("1")
    )
    assert first.select_one('.pagination a[rel="next"]')["href"] == "?topic=essa&page=2"

    third = client.get(path_of(index), {"topic": "essa", "page": "3"})
    assert card_titles(third) == ["ESSA 02", "ESSA 01"]
    previous = soup_of(third).select_one('.pagination a[rel="prev"]')["href"]
    assert previous == "?topic=essa&page=2"


def test_many_pages_are_elided_around_the_current_one(client, news, monkeypatch):
    index = news["index"]
    # Two articles a page make ten pages from twenty articles instead of a hundred and twenty.
    monkeypatch.setattr(NewsIndexPage, "articles_per_page", 2)
    for number in range(2 * 10):
        make_article(index, title=f"Article {number}", publication_date=dated(1))

    page_five = soup_of(client.get(path_of(index), {"page": "5"}))

    items = [item.get_text(" ", strip=True) for item in page_five.select(".pagination__list li")]
    assert items == [
        "Newer", "Page 1", "…", "Page 4", "Page 5", "Page 6", "…", "Page 10", "Older",
    ]  # fmt: skip


# --- Topic pages ------------------------------------------------------------------------------


def test_topic_page_gathers_the_topics_articles_and_stories_of_its_own_site(client, news):
    essa = news["essa"]
    make_article(news["index"], title="ESSA article", topics=[essa])
    make_article(news["index"], title="Forums article", topics=[news["forums"]])
    make_article(news["other_index"], title="Other site's ESSA article", topics=[essa])
    make_story(news["stories"], title="ESSA story", topics=[essa])
    make_story(news["stories"], title="Unrelated story")

    response = client.get(path_of(news["index"]) + "topics/essa/")

    page = soup_of(response)
    assert page.h1.get_text(strip=True) == "ESSA"
    assert "The federal education law." in page.select_one(".page-header__lead").get_text()
    assert card_titles(response, "#topic-articles ~ .card-list .card__title") == ["ESSA article"]
    assert card_titles(response, ".card-grid .card__title") == ["ESSA story"]
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == "http://testserver" + path_of(news["index"]) + "topics/essa/"
    assert not is_noindex(response)
    crumbs = [crumb.get_text(strip=True) for crumb in page.select(".breadcrumbs a")]
    assert crumbs == ["Home", news["index"].title, "ESSA"]
    # Shared and found as the topic, not as the news index it belongs to.
    assert page.find("meta", property="og:title")["content"] == "ESSA"
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == "The federal education law."
    graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
    trail = next(item for item in graph if item["@type"] == "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in trail] == ["Home", news["index"].title, "ESSA"]
    assert trail[-1]["item"] == canonical


def test_articles_link_their_topics_to_the_topic_pages(client, news):
    article = make_article(news["index"], topics=[news["essa"]])
    tags = soup_of(client.get(path_of(article))).select(".topic-tags a")
    assert [(tag.get_text(strip=True), tag["href"]) for tag in tags] == [
        ("ESSA", path_of(news["index"]) + "topics/essa/")
    ]


def test_unknown_topic_page_is_not_found(client, news):
    assert client.get(path_of(news["index"]) + "topics/nothing-here/").status_code == 404


def test_topic_pages_are_in_the_sitemap(client, news):
    make_article(news["index"], topics=[news["essa"]])
    sitemap = client.get("/sitemap.xml").content.decode()
    topic_url = "http://localhost" + path_of(news["index"]) + "topics/essa/"
    assert f"<loc>{topic_url}</loc>" in sitemap
    # A topic nothing is filed under has no page to list.
    assert "topics/forums/" not in sitemap


# --- Related articles -------------------------------------------------------------------------


def test_article_shows_related_articles_sharing_its_topics(client, news):
    essa, forums = news["essa"], news["forums"]
    article = make_article(news["index"], title="Reading", topics=[essa, forums])
    make_article(
        news["index"], title="Both topics", topics=[essa, forums], publication_date=dated(1)
    )
    make_article(news["index"], title="ESSA only, newer", topics=[essa], publication_date=dated(9))
    make_article(news["index"], title="ESSA only, older", topics=[essa], publication_date=dated(2))
    make_article(news["index"], title="Oldest ESSA", topics=[essa], publication_date=dated(1))
    make_article(news["index"], title="No topic")
    make_article(news["index"], title="Draft", topics=[essa], live=False)
    make_article(news["other_index"], title="Other site", topics=[essa])

    related = card_titles(client.get(path_of(article)), ".related .card__title")

    # Most topics in common first, then newest; three at most.
    assert related == ["Both topics", "ESSA only, newer", "ESSA only, older"]


def test_article_without_topics_shows_no_related_section(client, news):
    article = make_article(news["index"])
    make_article(news["index"])
    assert soup_of(client.get(path_of(article))).select_one(".related") is None


# --- Stories by region ------------------------------------------------------------------------


def test_stories_filter_by_region_and_filtered_list_is_not_indexed(client, news):
    stories = news["stories"]
    make_story(stories, title="Gallup story", region="northwest")
    make_story(stories, title="Albuquerque story", region="central")
    make_region("southeast")  # the site's, with no story yet

    filtered = client.get(path_of(stories), {"region": "northwest"})

    assert card_titles(filtered) == ["Gallup story"]
    assert is_noindex(filtered)
    assert not is_noindex(client.get(path_of(stories)))
    select = soup_of(filtered).select_one("form.listing-filter select[name=region]")
    options = [option.get_text(strip=True) for option in select.find_all("option")]
    # Only regions with stories are offered, in the site's order.
    assert options == ["All regions", "Northwest", "Central"]
    assert select.find("option", selected=True)["value"] == "northwest"


@pytest.mark.parametrize("value", ["atlantis", "NORTHWEST", "%00", "<b>x</b>", "x" * 5000])
def test_unknown_region_is_not_found(client, news, value):
    response = client.get(path_of(news["stories"]), {"region": value})
    assert response.status_code == 404
    assert b"<b>x</b>" not in response.content


# --- 404 ---------------------------------------------------------------------------------------


def test_not_found_page_offers_search_and_the_main_sections(client, news):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    search = page.select_one("main form.search-form")
    assert search["method"] == "get" and search["action"] == "/search/"
    assert search.find("input", attrs={"name": "q"})
    sections = [link["href"] for link in page.select(".not-found__sections a")]
    assert sections[0] == "/"
    assert path_of(news["index"]) in sections


def test_a_topic_tag_leads_to_its_news_page_only_when_news_is_filed_under_it(client, news):
    make_article(news["index"], title="Forum dates announced", topics=[news["forums"]])
    story = make_story(news["stories"], topics=[news["essa"], news["forums"]])

    tags = soup_of(client.get(story.url)).select(".topic-tags .tag")
    links = {tag.get_text(strip=True): tag.get("href") for tag in tags}

    # No article is filed under ESSA: its news page would list nothing, so the tag is plain text.
    assert links["ESSA"] is None
    assert links["Forums"] == news["index"].relative_url(news["site"]) + "topics/forums/"
    assert client.get(links["Forums"]).status_code == 200
