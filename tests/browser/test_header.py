"""The header on a phone and on a desktop, in a real Chromium, with JavaScript off.

On a 360 x 800 phone the header (with the language hint, when shown) is at
most 120 px tall, so the page's heading is in the first screen; the menu and
search open from a Menu button that needs no script; the other language is
one tap away. On a desktop the menu is simply there.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1366, "height": 900}
PAGES = [
    ("localhost", "/"),
    ("localhost", "/news/essa-community-forums/"),
    ("localhost", "/es/noticias/foros-comunitarios-essa/"),
    ("kidscan.localhost", "/"),
    ("kidscan.localhost", "/es/"),
]


def url(demo_server, host, path):
    return f"http://{host}:{urlsplit(demo_server.url).port}{path}"


@pytest.mark.parametrize(("host", "path"), PAGES)
def test_on_a_phone_the_header_is_short_and_the_menu_opens_without_script(
    demo_server, new_context, host, path
):
    phone = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    phone.goto(url(demo_server, host, path))

    header = phone.locator("header.site-header").bounding_box()
    assert header["height"] <= 120, f"{host}{path}: header {header['height']} px"
    heading = phone.locator("h1").bounding_box()
    assert heading["y"] + heading["height"] <= PHONE["height"]
    menu = phone.locator(".main-menu")
    expect(menu).to_be_hidden()
    expect(phone.locator(".language-switcher a")).to_be_visible()

    phone.locator(".site-menu__toggle").click()

    expect(menu).to_be_visible()
    expect(menu.get_by_role("link").first).to_be_visible()
    expect(phone.get_by_role("search")).to_be_visible()


@pytest.mark.parametrize(("host", "path"), PAGES[:2])
def test_on_a_desktop_the_menu_search_and_languages_are_shown(demo_server, new_context, host, path):
    desktop = new_context(viewport=DESKTOP, java_script_enabled=False).new_page()
    desktop.goto(url(demo_server, host, path))

    expect(desktop.locator(".site-menu__toggle")).to_be_hidden()
    expect(desktop.locator(".main-menu").get_by_role("link").first).to_be_visible()
    expect(desktop.get_by_role("search")).to_be_visible()
    expect(desktop.locator(".language-switcher")).to_be_visible()
