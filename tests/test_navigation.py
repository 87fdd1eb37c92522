"""The header menu and the footer come from per-site, per-language snippets.

Editors build a site's menu once and translate it; a Spanish reader sees the
Spanish menu and footer, and links chosen in English lead to the Spanish
pages. Without a menu snippet, the home page's "show in menus" pages show.
"""

from django.core.cache import cache

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.synctree import synchronize_tree

from navigation.models import Footer, MainMenu
from pages.models import SiteSettings
from tests.factories import (
    built_once_per_module,
    fresh_copies,
    make_site,
    make_standard,
    make_vision,
)


def build_site_in_two_languages():
    english, _ = Locale.objects.get_or_create(language_code="en")
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    site = make_site(name="Alliance")
    home = site.root_page
    vision = make_vision(home, title="Vision", slug="vision", show_in_menus=True)
    about = make_standard(home, title="About us", slug="about", show_in_menus=True)
    privacy = make_standard(home, title="Privacy", slug="privacy")
    # Spanish twins for every page, as the locale synchronization makes them.
    synchronize_tree(english, spanish)
    for page, title, slug in ((vision, "Visión", "vision"), (about, "Quiénes somos", "quienes")):
        twin = page.get_translation(spanish).specific
        twin.alias_of = None
        twin.title, twin.slug = title, slug
        twin.save_revision().publish()
    return {"site": site, "home": home, "vision": vision, "about": about, "privacy": privacy}


site_in_two_languages_for_the_module = built_once_per_module(build_site_in_two_languages)


@pytest.fixture
def site_in_two_languages(db, site_in_two_languages_for_the_module):
    cache.clear()
    return fresh_copies(site_in_two_languages_for_the_module)


def _menu_links(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    menu = BeautifulSoup(response.content, "html.parser").find("nav", class_="main-menu")
    return [(link.get_text(strip=True), link["href"]) for link in menu.find_all("a")]


def _footer(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser").find("footer")


def test_without_a_menu_snippet_the_home_pages_menu_pages_show(client, site_in_two_languages):
    assert _menu_links(client, "/") == [
        ("Home", "/"),
        ("Vision", "/vision/"),
        ("About us", "/about/"),
    ]


def test_menu_snippet_sets_order_labels_and_outside_links(client, site_in_two_languages):
    pages = site_in_two_languages
    english = Locale.objects.get(language_code="en")
    MainMenu.objects.create(
        site=pages["site"],
        locale=english,
        links=[
            ("link", {"page": pages["about"], "url": "", "label": "Who we are"}),
            ("link", {"page": None, "url": "https://example.org/donate", "label": "Donate"}),
            ("link", {"page": pages["vision"], "url": "", "label": ""}),
        ],
    )

    assert _menu_links(client, "/") == [
        ("Home", "/"),
        ("Who we are", "/about/"),
        ("Donate", "https://example.org/donate"),
        ("Vision", "/vision/"),
    ]


def test_spanish_readers_follow_an_english_menu_to_spanish_pages(client, site_in_two_languages):
    """A menu not translated yet still leads Spanish readers to the Spanish pages."""
    pages = site_in_two_languages
    MainMenu.objects.create(
        site=pages["site"],
        locale=Locale.objects.get(language_code="en"),
        links=[("link", {"page": pages["vision"], "url": "", "label": ""})],
    )

    assert _menu_links(client, "/es/") == [("Inicio", "/es/"), ("Visión", "/es/vision/")]


def test_translated_menu_is_used_for_spanish(client, site_in_two_languages):
    pages = site_in_two_languages
    english_menu = MainMenu.objects.create(
        site=pages["site"],
        locale=Locale.objects.get(language_code="en"),
        links=[("link", {"page": pages["about"], "url": "", "label": "Who we are"})],
    )
    spanish_menu = english_menu.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish_menu.links = [("link", {"page": pages["about"], "url": "", "label": "Conózcanos"})]
    spanish_menu.save()

    assert _menu_links(client, "/es/") == [("Inicio", "/es/"), ("Conózcanos", "/es/quienes/")]
    assert _menu_links(client, "/") == [("Home", "/"), ("Who we are", "/about/")]


def test_unpublished_pages_leave_the_menu(client, site_in_two_languages):
    pages = site_in_two_languages
    MainMenu.objects.create(
        site=pages["site"],
        locale=Locale.objects.get(language_code="en"),
        links=[
            ("link", {"page": pages["about"], "url": "", "label": ""}),
            ("link", {"page": pages["vision"], "url": "", "label": ""}),
        ],
    )
    pages["about"].unpublish()

    assert _menu_links(client, "/") == [("Home", "/"), ("Vision", "/vision/")]


def test_menu_marks_the_page_being_read(client, site_in_two_languages):
    response = client.get("/es/vision/")
    menu = BeautifulSoup(response.content, "html.parser").find("nav", class_="main-menu")
    current = menu.find("a", attrs={"aria-current": True})
    assert (current.get_text(strip=True), current["aria-current"]) == ("Visión", "page")


def test_footer_speaks_the_readers_language(client, site_in_two_languages):
    pages = site_in_two_languages
    english_footer = Footer.objects.create(
        site=pages["site"],
        locale=Locale.objects.get(language_code="en"),
        tagline="Better schools, together.",
        links=[("link", {"page": pages["about"], "url": "", "label": ""})],
    )
    spanish_footer = english_footer.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish_footer.tagline = "Mejores escuelas, juntos."
    spanish_footer.save()
    SiteSettings.objects.filter(site=pages["site"]).update(privacy_page=pages["vision"])

    english = _footer(client, "/")
    spanish = _footer(client, "/es/")

    assert "Better schools, together." in english.get_text()
    assert "Mejores escuelas, juntos." in spanish.get_text()
    assert [a["href"] for a in spanish.select(".site-footer__links a")] == [
        "/es/quienes/",
        "/es/vision/",
    ]
    assert [a.get_text(strip=True) for a in english.select(".site-footer__links a")] == [
        "About us",
        "Vision",
    ]
