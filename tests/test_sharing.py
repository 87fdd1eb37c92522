"""Share links on articles and stories: plain links carrying the page's address and title."""

from urllib.parse import parse_qs, quote, urlsplit

from django.core.cache import cache

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    make_article,
    make_news_index,
    make_site,
    make_standard,
    make_story,
    make_story_index,
)

pytestmark = pytest.mark.django_db

NETWORKS = ["email", "facebook", "x", "linkedin", "whatsapp"]


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def share_section(client, path, host="localhost"):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("section.share")


def links_by_network(section):
    return {
        next(name.removeprefix("share__link--") for name in link["class"] if "--" in name): link
        for link in section.select("a.share__link")
    }


def query_of(href):
    """The decoded parameters of a share address (a mailto: one included)."""
    return {name: values[0] for name, values in parse_qs(urlsplit(href).query).items()}


@pytest.fixture
def article():
    site = make_site(name="Learning Alliance")
    news = make_news_index(site.root_page, title="News", slug="news")
    return make_article(news, title="Forums & surveys: have your say?", slug="forums")


def test_article_offers_email_facebook_x_linkedin_and_whatsapp(client, article):
    section = share_section(client, "/news/forums/", host="localhost:8000")
    links = links_by_network(section)
    assert list(links) == NETWORKS
    url = "http://localhost:8000/news/forums/"
    title = "Forums & surveys: have your say?"

    assert links["email"]["href"].startswith("mailto:?")
    assert query_of(links["email"]["href"]) == {"subject": title, "body": url}
    assert urlsplit(links["facebook"]["href"]).netloc == "www.facebook.com"
    assert query_of(links["facebook"]["href"]) == {"u": url}
    assert urlsplit(links["x"]["href"]).netloc == "x.com"
    assert query_of(links["x"]["href"]) == {"url": url, "text": title}
    assert urlsplit(links["linkedin"]["href"]).netloc == "www.linkedin.com"
    assert query_of(links["linkedin"]["href"]) == {"url": url}
    assert urlsplit(links["whatsapp"]["href"]).netloc == "wa.me"
    assert query_of(links["whatsapp"]["href"]) == {"text": f"{title} {url}"}


def test_shared_address_is_fully_url_encoded(client, article):
    """The page's address travels as one parameter: its ':', '/' and '?' are encoded."""
    links = links_by_network(share_section(client, "/news/forums/"))
    encoded_url = quote("http://localhost/news/forums/", safe="")
    for network in ("facebook", "x", "linkedin"):
        assert f"={encoded_url}" in links[network]["href"], network
    # Spaces as %20 (mail programs show a '+' as it is), '&' and '?' of the title encoded.
    assert "subject=Forums%20%26%20surveys%3A%20have%20your%20say%3F" in links["email"]["href"]


def test_share_links_need_no_script_and_name_their_purpose(client, article):
    """Screen readers hear "Share on Facebook", not a bare "Facebook" that could be our profile."""
    section = share_section(client, "/news/forums/")
    assert section.find("script") is None
    assert section.find(attrs={"onclick": True}) is None
    heading = section.find(id=section["aria-labelledby"])
    assert heading.get_text(strip=True) == "Share this page"
    spoken = {
        network: link.select_one(".visually-hidden").get_text(strip=True)
        for network, link in links_by_network(section).items()
    }
    assert spoken == {
        "email": "Share by email",
        "facebook": "Share on Facebook",
        "x": "Share on X",
        "linkedin": "Share on LinkedIn",
        "whatsapp": "Share on WhatsApp",
    }
    for link in section.select("a.share__link"):
        visible = link.select_one("[aria-hidden=true]").get_text(strip=True)
        # What voice-control users see is part of what the link is called.
        assert visible.casefold() in link.select_one(".visually-hidden").get_text().casefold()
        assert "target" not in link.attrs


def test_story_is_shared_with_its_address_on_the_host_requested(client):
    make_site(name="Learning Alliance")
    kidscan = make_site(hostname="kidscan.localhost", name="KidsCAN", default=False)
    stories = make_story_index(kidscan.root_page, title="Stories", slug="stories")
    make_story(stories, title="A library in Gallup", slug="library")
    section = share_section(client, "/stories/library/", host="kidscan.localhost")
    links = links_by_network(section)
    assert query_of(links["facebook"]["href"]) == {"u": "http://kidscan.localhost/stories/library/"}
    assert query_of(links["x"]["href"])["text"] == "A library in Gallup"


def test_shared_address_is_the_canonical_one(client, article):
    """Shares of the same article all count for one address, the one search engines index."""
    response = client.get("/news/forums/?utm_source=newsletter", HTTP_HOST="localhost")
    soup = BeautifulSoup(response.content, "html.parser")
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == "http://localhost/news/forums/"
    links = links_by_network(soup.select_one("section.share"))
    assert query_of(links["linkedin"]["href"]) == {"url": canonical}


def test_pages_that_are_not_articles_or_stories_offer_no_share_links(client):
    site = make_site()
    page = make_standard(site.root_page, title="Privacy", slug="privacy")
    assert share_section(client, page.url) is None
    assert share_section(client, site.root_page.url) is None
