"""What search engines and link previews see of a page: description, canonical address, image."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_article, make_image, make_news_index, make_site

pytestmark = pytest.mark.django_db


def head_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def test_home_page_is_described_by_its_hero_text_when_no_summary_is_given(client):
    """A search result for the home page shows its opening words, not nothing."""
    site = make_site(hero_text="We help every child get a great education.")
    head = head_of(client.get(site.root_page.url))
    description = head.find("meta", attrs={"name": "description"})
    assert description["content"] == "We help every child get a great education."


def test_listing_summary_wins_over_the_opening_text(client):
    """An editor's listing summary is what previews show, when there is one."""
    site = make_site(hero_text="Opening words.", listing_summary="Our short description.")
    head = head_of(client.get(site.root_page.url))
    assert head.find("meta", attrs={"name": "description"})["content"] == "Our short description."


def test_canonical_and_share_image_use_the_address_the_visitor_used(client):
    """Shared links and canonical URLs point at the host and port actually serving the site."""
    site = make_site()
    make_site(hostname="kidscan.localhost", name="Other", default=False)
    article = make_article(make_news_index(site.root_page), image=make_image(), slug="forums")
    path = article.get_url_parts()[2]
    head = head_of(client.get(path, HTTP_HOST="localhost:8000"))
    assert head.find("link", rel="canonical")["href"].startswith("http://localhost:8000/")
    assert head.find("link", rel="canonical")["href"].endswith("/forums/")
    og_image = head.find("meta", property="og:image")["content"]
    assert og_image.startswith("http://localhost:8000/media/")
    assert head.find("meta", property="og:type")["content"] == "article"


def test_every_page_has_an_icon_even_without_a_logo(client):
    """Browsers show an icon in the tab instead of asking for a missing favicon.ico."""
    site = make_site()
    head = head_of(client.get(site.root_page.url))
    icon = head.find("link", rel="icon")
    assert icon["href"].endswith(".svg")
    assert client.get(icon["href"]).status_code == 200
