"""What visitors get when something is missing or wrong: 404s, bad page numbers, the 500 page."""

import datetime
import re

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import get_resolver

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from articles.models import NewsIndexPage
from pages.models import SiteSettings
from stories.models import StoryIndexPage
from tests.factories import (
    built_once_per_module,
    fresh_copies,
    make_article,
    make_news_index,
    make_site,
    make_story,
    make_story_index,
)

OTHER_HOST = "kidscan.localhost"
BAD_PAGE_NUMBERS = ["abc", "-1", "0", "99999", "1.5"]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def build_two_sites():
    return {
        "main": make_site(name="Learning Alliance Test"),
        "other": make_site(hostname=OTHER_HOST, name="KidsCAN Test", default=False),
    }


two_sites_for_the_module = built_once_per_module(build_two_sites)


@pytest.fixture
def two_sites(db, two_sites_for_the_module):
    """The main site on localhost and a second organization's site."""
    return fresh_copies(two_sites_for_the_module)


# --- 404 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["localhost", OTHER_HOST])
def test_unknown_address_gets_the_sites_own_404_page(client, two_sites, host):
    """A mistyped address shows a 'not found' page in the site's own name, with one main heading."""
    site = two_sites["main"] if host == "localhost" else two_sites["other"]
    other = two_sites["other"] if host == "localhost" else two_sites["main"]
    name = SiteSettings.for_site(site).organization_name

    response = client.get("/no-such-page/", HTTP_HOST=host)

    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.select_one(".site-header__name").get_text(strip=True) == name
    assert SiteSettings.for_site(other).organization_name not in response.content.decode()
    assert len(soup.find_all("h1")) == 1
    assert soup.find("html").get("lang")


# --- Page numbers on listings -----------------------------------------------------------------


@pytest.fixture
def news_index(two_sites):
    return make_news_index(two_sites["main"].root_page)


@pytest.fixture
def story_index(two_sites):
    return make_story_index(two_sites["main"].root_page)


@pytest.mark.django_db
@pytest.mark.parametrize("number", BAD_PAGE_NUMBERS)
def test_bad_page_number_on_news_index_is_not_found(client, news_index, number):
    """A page number that is not a page of news gives 'not found', never a server error."""
    make_article(news_index)

    response = client.get(news_index.url, {"page": number})

    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("number", BAD_PAGE_NUMBERS)
def test_bad_page_number_on_story_index_is_not_found(client, story_index, number):
    """A page number that is not a page of stories gives 'not found', never a server error."""
    make_story(story_index)

    response = client.get(story_index.url, {"page": number})

    assert response.status_code == 404


@pytest.mark.django_db
def test_second_page_of_news_lists_the_older_articles(client, news_index):
    """With more articles than fit on one page, page 2 lists the older ones and page 1 the newer."""
    per_page = NewsIndexPage.articles_per_page
    start = datetime.date(2024, 1, 1)
    articles = [
        make_article(
            news_index,
            title=f"Article {n:02}",
            publication_date=start + datetime.timedelta(days=n),
        )
        for n in range(per_page + 2)
    ]
    newest_first = [article.title for article in reversed(articles)]

    first = client.get(news_index.url)
    second = client.get(news_index.url, {"page": "2"})

    assert first.status_code == 200
    assert second.status_code == 200
    titles_1 = [el.get_text(strip=True) for el in soup_of(first).select(".card__title")]
    titles_2 = [el.get_text(strip=True) for el in soup_of(second).select(".card__title")]
    assert titles_1 == newest_first[:per_page]
    assert titles_2 == newest_first[per_page:]
    assert soup_of(first).select_one('.pagination a[rel="next"]')["href"] == "?page=2"


@pytest.mark.django_db
def test_second_page_of_stories_lists_the_older_stories(client, story_index):
    """With more stories than fit on one page, page 2 lists the remaining older ones."""
    per_page = StoryIndexPage.stories_per_page
    stories = [make_story(story_index, title=f"Story {n:02}") for n in range(per_page + 1)]
    # Publish them on successive days, so the first one made is the oldest.
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    for day, story in enumerate(stories):
        Page.objects.filter(pk=story.pk).update(
            first_published_at=start + datetime.timedelta(days=day)
        )

    response = client.get(story_index.url, {"page": "2"})

    assert response.status_code == 200
    titles = [el.get_text(strip=True) for el in soup_of(response).select(".card__title")]
    assert titles == [stories[0].title]


# --- 500 --------------------------------------------------------------------------------------


def test_500_template_renders_without_the_database():
    """The 'something went wrong' page can be shown even when the database is what failed."""
    html = render_to_string("500.html")

    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("h1")) == 1
    assert soup.find("html").get("lang")


def test_500_handler_renders_without_the_database():
    """The site's server-error handler answers 500 with the standalone page, with no database."""
    # Whatever handler500 the URLconf names (Django's own if none): it must not need the database.
    handler = get_resolver().resolve_error_handler(500)
    request = RequestFactory().get("/anything/")

    response = handler(request)

    assert response.status_code == 500
    assert response.content.decode() == render_to_string("500.html")


@pytest.mark.django_db
def test_a_database_outage_is_a_503_to_try_again_not_a_500(client, monkeypatch, two_sites):
    """During a PostgreSQL restart a visitor, a proxy and a crawler are told to come back."""
    from django.db.utils import OperationalError

    from home.models import HomePage

    site = two_sites["main"]

    def database_gone(self, request, *args, **kwargs):
        raise OperationalError("connection to server at 10.0.0.7 failed: Connection refused")

    monkeypatch.setattr(HomePage, "serve", database_gone)
    client.raise_request_exception = False

    response = client.get("/", HTTP_HOST=site.hostname)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert response.content.decode() == render_to_string("500.html")
    assert b"10.0.0.7" not in response.content


@pytest.mark.django_db
def test_any_other_error_is_still_a_500(client, monkeypatch, two_sites):
    from home.models import HomePage

    site = two_sites["main"]
    monkeypatch.setattr(HomePage, "serve", lambda *args, **kwargs: 1 / 0)
    client.raise_request_exception = False

    assert client.get("/", HTTP_HOST=site.hostname).status_code == 500


# --- Brand stylesheet and health check --------------------------------------------------------


def brand_color(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    match = re.search(r"--brand:\s*([^;]+);", response.content.decode())
    assert match, response.content
    return match.group(1).strip()


@pytest.mark.django_db
def test_each_site_gets_its_own_brand_color(client, two_sites):
    """Each organization's pages are drawn in its own brand color."""
    SiteSettings.objects.filter(site=two_sites["main"]).update(brand_color="#123456")
    SiteSettings.objects.filter(site=two_sites["other"]).update(brand_color="#7a1f5c")

    assert brand_color(client.get("/brand.css")) == "#123456"
    assert brand_color(client.get("/brand.css", HTTP_HOST=OTHER_HOST)) == "#7a1f5c"


@pytest.mark.django_db
@pytest.mark.parametrize("stored", ["#zzzzzz", "red", "};*{x:", "#12345", ""])
def test_invalid_stored_brand_color_falls_back_to_the_default(client, two_sites, stored):
    """A color that is not #rrggbb never reaches the stylesheet; the default is used instead."""
    SiteSettings.objects.filter(site=two_sites["main"]).update(brand_color="#123456")
    SiteSettings.objects.filter(site=two_sites["other"]).update(brand_color=stored)
    default = SiteSettings._meta.get_field("brand_color").default

    css = client.get("/brand.css", HTTP_HOST=OTHER_HOST)

    assert brand_color(css) == default
    if stored:
        assert stored not in css.content.decode()


def test_health_check_answers_ok_without_the_database(client):
    """The load balancer's health check gets a plain 200 'ok', even with no database access."""
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.content.decode() == "ok"
