"""The component gallery: every block and component of the design system, for signed-in staff.

`/admin/component-gallery/` (`?lang=es` in Spanish) renders with the public
site's own templates, in the brand of the site serving the admin's host name;
pages/gallery.py. It is read here over a site with a page of every type, by a
member of that site's editors group.
"""

from collections import Counter

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.http import urlencode

import pytest
from bs4 import BeautifulSoup

from editorial.roles import SiteRoles, set_up_site_roles
from pages.blocks import BodyBlock
from pages.brand import HERO_STYLES
from pages.models import SiteSettings
from tests.builders import build_site_with_every_page_type
from tests.factories import built_once_per_module, fresh_copies, make_site, make_staff

pytestmark = pytest.mark.django_db

HOST = "gallery.localhost"
EMPTY_HOST = "empty-gallery.localhost"

# The class each block's own template gives its outermost element.
BLOCK_MARKERS = {
    "heading": "block-heading",
    "paragraph": "rich-text",
    "figure": "block-figure",
    "quote": "block-quote",
    "call_to_action": "call-to-action",
    "card_list": "card-list-block",
    "featured_report": "featured-report",
    "issue_list": "issue-list",
    "watched_bills": "watched-bills",
    "statistic": "block-statistic",
    "document": "block-document",
    "table": "block-table",
    "accordion": "block-accordion",
    "video": "block-video",
}
CARD_KINDS = ["article", "story", "report", "event", "person", "partner"]


def build():
    built = build_site_with_every_page_type(HOST, "Learning Alliance")
    set_up_site_roles(built["site"])
    editor = make_staff("gallery-editor", SiteRoles.objects.get(site=built["site"]).editors)
    return {"site": built["site"], "english": built["english"], "editor": editor}


site_for_the_module = built_once_per_module(build)


@pytest.fixture
def gallery_site(site_for_the_module):
    return fresh_copies(site_for_the_module)


@pytest.fixture
def editor_client(client, gallery_site):
    client.force_login(gallery_site["editor"])
    return client


def gallery_url(**query):
    url = reverse("component_gallery")
    return f"{url}?{urlencode(query)}" if query else url


def fetch(client, host=HOST, **query):
    response = client.get(gallery_url(**query), HTTP_HOST=host)
    assert response.status_code == 200, response.status_code
    return response, BeautifulSoup(response.content, "html.parser")


def heading_levels(soup):
    return [int(heading.name[1]) for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


def test_the_blocks_named_here_are_every_block_of_a_page_body():
    assert set(BLOCK_MARKERS) == set(BodyBlock().child_blocks)


def test_anonymous_visitors_are_sent_to_sign_in(client, gallery_site):
    response = client.get(gallery_url(), HTTP_HOST=HOST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_user_without_admin_access_is_turned_away(client, gallery_site):
    client.force_login(
        get_user_model().objects.create_user("gallery-reader", "r@example.org", "a-password")
    )

    response = client.get(gallery_url(), HTTP_HOST=HOST)

    assert response.status_code in (302, 403)
    assert b"component-gallery" not in response.content


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_editor_sees_every_block_and_component_in_either_language(editor_client, language):
    response, soup = fetch(editor_client, lang=language)

    assert soup.html["lang"] == language
    for name, marker in BLOCK_MARKERS.items():
        section = soup.find(id=f"gallery-block-{name}")
        assert section is not None, name
        assert section.select_one(f".{marker}") is not None, f"{name} did not render"
    for style in HERO_STYLES:
        assert soup.select_one(f"#gallery-hero-{style} section.hero.hero--{style}"), style
    for kind in CARD_KINDS:
        section = soup.find(id=f"gallery-card-{kind}")
        assert section is not None and not section.select(".gallery-note"), kind
    reading = soup.find(id="gallery-reading")
    assert reading.select_one(".reading .reading__aside .contents")
    assert reading.select_one(".reading .reading__aside .share")
    assert soup.select(".swatches .swatch__chip.swatch--primary")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_gallery_is_one_page_for_people_not_search_engines_nor_the_page_cache(
    editor_client, language
):
    response, soup = fetch(editor_client, lang=language)

    assert soup.find("meta", attrs={"name": "robots", "content": "noindex"})
    assert "no-store" in response["Cache-Control"]
    # The public pages' strict policy, not the admin's.
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert soup.find_all(style=True) == []
    inline_scripts = [
        script
        for script in soup.find_all("script", src=False)
        if script.get("type") not in ("application/json", "application/ld+json")
    ]
    assert inline_scripts == []
    ids = Counter(element["id"] for element in soup.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []
    assert all(soup.find(id=link["href"][1:]) for link in soup.select("main a[href^='#']"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_outline_has_one_title_and_skips_no_level(editor_client, language):
    _response, soup = fetch(editor_client, lang=language)

    levels = heading_levels(soup.find("main"))
    assert levels.count(1) == 1 and levels[0] == 1
    steps = zip(levels, levels[1:], strict=False)
    skips = [(before, after) for before, after in steps if after > before + 1]
    assert skips == []


def test_spanish_readers_get_the_interface_and_samples_in_spanish(editor_client):
    _response, soup = fetch(editor_client, lang="es")

    assert soup.h1.get_text(strip=True) == "Galería de componentes"
    assert soup.title.get_text().startswith("Galería de componentes")
    heading = soup.find(id="gallery-block-heading")
    assert heading.h2.get_text(strip=True) == "Bloque: Encabezado"
    assert (
        heading.select_one(".block-heading").get_text() == "Por qué importa la voz de la comunidad"
    )
    assert "Cada niño" in soup.select_one(".hero__heading").get_text()
    current = soup.select_one(".gallery-languages a[aria-current]")
    assert current["hreflang"] == "es" and current.get_text(strip=True) == "Español"
    # The cards show the site's pages in Spanish.
    card = soup.select_one("#gallery-card-article .card__title a")
    assert card["href"].startswith("/es/noticias/")


def test_english_is_the_default_and_marked_current(editor_client):
    _response, soup = fetch(editor_client)

    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Component gallery"
    current = soup.select_one(".gallery-languages a[aria-current]")
    assert current["hreflang"] == "en"
    assert {link["href"] for link in soup.select(".gallery-languages a")} == {
        gallery_url(lang="en"),
        gallery_url(lang="es"),
    }


@pytest.mark.parametrize("asked", ["xx", "", "ES", "es-mx", "<script>", "en&lang=es"])
def test_a_language_the_site_does_not_have_gives_english(editor_client, asked):
    response = editor_client.get(gallery_url(), {"lang": asked}, HTTP_HOST=HOST)

    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "en"


def test_the_gallery_wears_the_brand_of_the_site_being_edited(editor_client, gallery_site):
    SiteSettings.objects.filter(site=gallery_site["site"]).update(
        brand_color="#0b5d66", hero_style="band"
    )

    _response, soup = fetch(editor_client)

    values = [code.get_text() for code in soup.select(".swatch__value")]
    assert values[0] == "#0b5d66"
    assert soup.find("link", rel="stylesheet", href=lambda href: href.startswith("/brand.css"))
    assert soup.find("link", rel="stylesheet", href=lambda href: "css/gallery.css" in href)
    assert soup.select_one("#gallery-hero-band .gallery-hero__chosen")
    # The site's newest article, in English.
    news = gallery_site["english"]["NewsIndexPage"]
    card = soup.select_one("#gallery-card-article .card__title a")
    assert card["href"].startswith(news.get_url_parts()[2])


def test_a_site_with_nothing_to_list_says_so(client, gallery_site):
    make_site(hostname=EMPTY_HOST, name="Newcomers", default=False)
    client.force_login(
        get_user_model().objects.create_superuser("gallery-admin", "a@example.org", "a-password")
    )

    _response, soup = fetch(client, host=EMPTY_HOST)

    for kind, words in [("article", "articles"), ("event", "events"), ("partner", "partners")]:
        note = soup.find(id=f"gallery-card-{kind}").select_one(".gallery-note")
        assert note.get_text(strip=True) == f"No {words} on this site yet."
    # The blocks that need nothing from the site still show.
    assert soup.find(id="gallery-block-quote").select_one(".block-quote")


def test_the_help_menu_offers_the_gallery_to_editors(editor_client):
    response = editor_client.get(reverse("wagtailadmin_home"), HTTP_HOST=HOST)

    html = response.content.decode()
    assert "Component gallery" in html
    assert reverse("component_gallery") in html
