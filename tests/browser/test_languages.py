"""Moving between English and Spanish in a real Chromium, as a Spanish-speaking visitor would."""

import re
from urllib.parse import urlsplit

from wagtail.models import Locale, Site

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]


def _origin(demo_server, hostname="localhost"):
    return f"http://{hostname}:{urlsplit(demo_server.url).port}"


def _forums_article():
    """The English ESSA forums article of the Learning Alliance demo site."""
    home = Site.objects.get(hostname="localhost").root_page
    english = home.get_children().get(slug="news").get_children().get(slug="essa-community-forums")
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    return english.specific, spanish.specific


def test_switcher_goes_to_the_spanish_article_and_back(demo_server, page):
    english, spanish = _forums_article()
    origin = _origin(demo_server)

    page.goto(origin + english.get_url_parts()[2])
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switcher = page.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name="Español").click()

    expect(page).to_have_url(re.compile(r"/es/noticias/foros-comunitarios-essa/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_have_text(spanish.title)
    expect(page.get_by_role("link", name="Saltar al contenido principal")).to_be_attached()
    expect(page.locator("time").first).to_contain_text("de septiembre de 2016")

    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()

    expect(page).to_have_url(origin + english.get_url_parts()[2])
    expect(page.locator("h1")).to_have_text(english.title)


def test_spanish_browsers_are_offered_spanish_without_being_redirected(demo_server, new_context):
    english, spanish = _forums_article()
    url = _origin(demo_server) + english.get_url_parts()[2]

    spanish_reader = new_context(locale="es-MX").new_page()
    response = spanish_reader.goto(url)
    assert response.url == url, "a Spanish browser must not be redirected"
    expect(spanish_reader.locator("html")).to_have_attribute("lang", "en")
    hint = spanish_reader.get_by_role("link", name="Ver esta página en español")
    expect(hint).to_be_visible()
    hint.click()
    expect(spanish_reader.locator("h1")).to_have_text(spanish.title)

    english_reader = new_context(locale="en-US").new_page()
    english_reader.goto(url)
    expect(english_reader.get_by_role("link", name="Ver esta página en español")).to_be_hidden()


def test_switcher_works_without_javascript(demo_server, new_context):
    english, spanish = _forums_article()
    page = new_context(java_script_enabled=False, locale="es-MX").new_page()

    page.goto(_origin(demo_server) + english.get_url_parts()[2])
    # Without JavaScript the hint stays hidden; the switcher is the way across.
    expect(page.get_by_role("link", name="Ver esta página en español")).to_be_hidden()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    expect(page.locator("h1")).to_have_text(spanish.title)
