"""An editor translates a new article in the admin with wagtail-localize's own editor.

Drives the real translation screen in Chromium: "Translate this page",
type each Spanish string, publish, and read the result under /es/.
"""

from django.contrib.auth import get_user_model

from wagtail.models import Locale
from wagtail.rich_text import RichText

import pytest
from playwright.sync_api import expect
from wagtail_localize.synctree import synchronize_tree

from tests.factories import make_article, make_news_index, make_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SPANISH = {
    "Gallup families meet the school board": "Las familias de Gallup se reúnen con la junta",
    "Forty parents asked for evening meetings.": "Cuarenta padres pidieron reuniones de noche.",
    "The board agreed to meet in Gallup each term.": (
        "La junta aceptó reunirse en Gallup cada trimestre."
    ),
}


def test_editor_translates_a_new_article_in_the_admin(live_server, page):
    english_locale, _ = Locale.objects.get_or_create(language_code="en")
    spanish_locale, _ = Locale.objects.get_or_create(language_code="es")
    site = make_site()
    news = make_news_index(site.root_page, title="News", slug="news")
    article = make_article(
        news,
        title="Gallup families meet the school board",
        slug="gallup-families",
        summary="Forty parents asked for evening meetings.",
        body=[("paragraph", RichText("<p>The board agreed to meet in Gallup each term.</p>"))],
    )
    # The Spanish home and news sections exist as twins, as the locale sync makes them.
    synchronize_tree(english_locale, spanish_locale)
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-password")

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{live_server.url}/admin/localize/submit/page/{article.pk}/")
    page.get_by_label("Español").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="English to Español translation").first).to_be_visible()

    # Each English string waits with a "Translate" button, in page order.
    for english, spanish in SPANISH.items():
        expect(page.get_by_text(english, exact=True).first).to_be_visible()
        page.get_by_role("button", name="Translate", exact=True).first.click()
        page.locator("textarea").first.fill(spanish)
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.get_by_text(spanish, exact=True)).to_be_visible()

    page.get_by_role("button", name="Publish in Español").click()
    expect(page.get_by_text("published", exact=False).first).to_be_visible()

    spanish_article = article.get_translation(spanish_locale)
    spanish_article.refresh_from_db()
    assert spanish_article.live and spanish_article.alias_of_id is None
    url = spanish_article.get_url()
    assert url.startswith("/es/")
    page.goto(live_server.url + url)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_have_text(SPANISH["Gallup families meet the school board"])
    expect(page.get_by_text("La junta aceptó reunirse en Gallup cada trimestre.")).to_be_visible()
