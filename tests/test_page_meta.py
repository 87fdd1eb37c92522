"""What search engines and link previews see of a page: description, canonical address, image."""

import io
from urllib.parse import urlsplit

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from pages.models import SiteSettings
from tests.factories import (
    content_locales,
    make_article,
    make_image,
    make_mission,
    make_news_index,
    make_site,
    make_standard,
    make_story,
    make_story_index,
    make_vision,
    translate_page,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


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


# --- Titles, descriptions and link previews ---------------------------------------------------


def meta_content(head, **attrs):
    """The content of the <meta> matching `attrs`, or None if the page has none."""
    tag = head.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def description_of(head):
    return meta_content(head, name="description")


def test_every_page_below_home_is_titled_page_then_site_name(client):
    """Browser tabs and search results read "Page title | Organization" on every page type."""
    site = make_site(name="Learning Alliance")
    home = site.root_page
    news = make_news_index(home, title="News")
    stories = make_story_index(home, title="Stories")
    pages = [
        make_vision(home, title="Our vision"),
        make_mission(home, title="Our mission"),
        make_standard(home, title="About us"),
        news,
        make_article(news, title="ESSA forums"),
        stories,
        make_story(stories, title="A library in Gallup"),
    ]
    for page in pages:
        head = head_of(client.get(page.url))
        assert head.title.string == f"{page.title} | Learning Alliance", page.title


def test_an_editors_seo_title_replaces_the_page_title_in_the_tab(client):
    site = make_site(name="Learning Alliance")
    page = make_standard(site.root_page, title="About us", seo_title="About the Alliance")
    assert head_of(client.get(page.url)).title.string == "About the Alliance | Learning Alliance"


def test_home_page_is_titled_with_the_site_name_alone(client):
    """The home page is the organization: "Name | Name" would only repeat it.

    Whatever the editor calls the page in the tree ("Home", "Welcome"), the tab
    names the organization, unless the editor wrote an SEO title for it.
    """
    site = make_site(name="Learning Alliance", title="Home")
    assert head_of(client.get(site.root_page.url)).title.string == "Learning Alliance"
    site.root_page.seo_title = "Learning Alliance: education advocacy in New Mexico"
    site.root_page.save_revision().publish()
    head = head_of(client.get(site.root_page.url))
    assert head.title.string == "Learning Alliance: education advocacy in New Mexico"


def test_search_description_wins_over_the_summary(client):
    """What an editor writes for search engines (Promote tab) is what they get."""
    site = make_site()
    news = make_news_index(site.root_page)
    article = make_article(
        news, summary="Readers' summary.", search_description="For search results."
    )
    head = head_of(client.get(article.url))
    assert description_of(head) == "For search results."
    assert meta_content(head, property="og:description") == "For search results."


def test_summary_describes_a_page_without_a_search_description(client):
    site = make_site()
    article = make_article(make_news_index(site.root_page), summary="Forty parents came.")
    head = head_of(client.get(article.url))
    assert description_of(head) == "Forty parents came."
    assert meta_content(head, name="twitter:description") == "Forty parents came."


def test_page_with_no_text_of_its_own_is_described_by_the_site(client):
    """A page with neither description nor summary gets the site's, not an empty snippet."""
    site = make_site(hero_text="We help every child get a great education.")
    page = make_standard(site.root_page, title="Contact", introduction="")
    head = head_of(client.get(page.url))
    assert description_of(head) == "We help every child get a great education."
    site.root_page.search_description = "An alliance for New Mexico's schools."
    site.root_page.save_revision().publish()
    head = head_of(client.get(page.url))
    assert description_of(head) == "An alliance for New Mexico's schools."


def test_share_text_written_for_social_media_is_what_previews_show(client):
    site = make_site()
    page = make_standard(
        site.root_page, introduction="Who we are.", social_text="Meet the people behind it."
    )
    head = head_of(client.get(page.url))
    assert description_of(head) == "Who we are."
    assert meta_content(head, property="og:description") == "Meet the people behind it."


@pytest.mark.parametrize("host", ["localhost:8000", "kidscan.localhost"])
def test_link_preview_points_at_the_host_requested_with_a_1200_by_630_jpeg(client, host):
    """Each site's previews and canonical address are its own, with a full-size card image."""
    make_site(name="Learning Alliance")
    kidscan = make_site(hostname="kidscan.localhost", name="KidsCAN", default=False)
    site = kidscan if host.startswith("kidscan") else Site.objects.get(hostname="localhost")
    article = make_article(
        make_news_index(site.root_page),
        title="Parents survey",
        slug="parents-survey",
        image=make_image(alt_text="Parents at a school meeting", size=(1600, 900)),
    )
    head = head_of(client.get(article.get_url_parts()[2], HTTP_HOST=host))
    canonical = head.find("link", rel="canonical")["href"]
    assert canonical == f"http://{host}{article.get_url_parts()[2]}"
    assert meta_content(head, property="og:url") == canonical
    assert meta_content(head, property="og:title") == "Parents survey"
    assert meta_content(head, property="og:site_name") == site.site_name
    og_image = meta_content(head, property="og:image")
    assert og_image.startswith(f"http://{host}/media/") and og_image.endswith(".jpg")
    assert (
        meta_content(head, property="og:image:width"),
        meta_content(head, property="og:image:height"),
    ) == ("1200", "630")
    assert meta_content(head, property="og:image:alt") == "Parents at a school meeting"
    assert meta_content(head, name="twitter:card") == "summary_large_image"
    assert meta_content(head, name="twitter:image") == og_image
    with Image.open(client_file(client, og_image, host)) as picture:
        assert (picture.format, picture.size) == ("JPEG", (1200, 630))


def client_file(client, url, host):
    """The bytes a social network would fetch for `url`."""
    response = client.get(urlsplit(url).path, HTTP_HOST=host)
    assert response.status_code == 200
    return io.BytesIO(
        b"".join(response.streaming_content) if response.streaming else response.content
    )


def test_page_without_a_picture_is_shared_with_the_sites_default_image(client):
    site = make_site()
    settings = SiteSettings.objects.get(site=site)
    page = make_standard(site.root_page, title="Contact")

    head = head_of(client.get(page.url, HTTP_HOST="localhost"))
    assert meta_content(head, property="og:image") is None
    assert meta_content(head, name="twitter:card") == "summary"

    default = make_image(title="Mesas at sunrise", alt_text="Mesas at sunrise", size=(1280, 720))
    settings.default_social_image = default
    settings.save()
    head = head_of(client.get(page.url, HTTP_HOST="localhost"))
    assert meta_content(head, property="og:image") == (
        "http://localhost" + default.get_rendition("fill-1200x630|format-jpeg").url
    )
    assert meta_content(head, property="og:image:alt") == "Mesas at sunrise"
    assert meta_content(head, name="twitter:card") == "summary_large_image"


def test_english_page_names_its_locale_and_no_alternate_until_translated(client):
    site = make_site()
    head = head_of(client.get(site.root_page.url))
    assert meta_content(head, property="og:locale") == "en_US"
    assert head.find_all("meta", property="og:locale:alternate") == []


def test_spanish_pages_are_described_in_spanish_with_a_spanish_locale(client):
    """Under /es/ the description, its site-wide fallback and og:locale are all Spanish."""
    _english, spanish = content_locales()
    site = make_site(hero_text="We help every child get a great education.")
    page = make_standard(site.root_page, title="Contact", introduction="")
    translate_page(
        site.root_page.specific,
        spanish,
        hero_text="Ayudamos a que cada niño reciba una gran educación.",
    )
    spanish_page = translate_page(page, spanish, title="Contacto")
    spanish_path = spanish_page.get_url_parts()[2]
    assert spanish_path.startswith("/es/")

    head = head_of(client.get(spanish_path))
    assert description_of(head) == "Ayudamos a que cada niño reciba una gran educación."
    assert meta_content(head, property="og:locale") == "es_MX"
    assert meta_content(head, property="og:locale:alternate") == "en_US"
    assert meta_content(head, property="og:title") == "Contacto"
    english_head = head_of(client.get(page.url))
    assert description_of(english_head) == "We help every child get a great education."
    assert meta_content(english_head, property="og:locale") == "en_US"
    assert meta_content(english_head, property="og:locale:alternate") == "es_MX"
