"""In Chromium, the Content-Security-Policy blocks nothing the sites or the admin use.

Every document and frame reports `securitypolicyviolation` events to the test
(an init script runs in each frame), and Chromium's "Refused to ..." console
messages are collected too; each test ends with none, and with the feature it
drove still working: public pages with their scripts, the userbar opening on
a public page, the page editor with its preview panel, the image chooser, and
wagtail-localize's translation editor.
"""

from urllib.parse import urlsplit

from django.contrib.auth import get_user_model

from wagtail.models import Locale, Site

import pytest
from playwright.sync_api import expect
from wagtail_localize.synctree import synchronize_tree

from articles.models import ArticlePage, NewsIndexPage
from tests.factories import make_article, make_image, make_news_index, make_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-password"
REPORT_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolation([
        event.effectiveDirective, event.blockedURI, event.documentURI,
        (event.sample || '').slice(0, 80),
    ].join(' | '));
});
"""


def watch(browser_page):
    """Every CSP violation in any frame of the page, as text, collected as it happens."""
    found = []

    def report(text):
        found.append(text)

    browser_page.context.expose_function("cspViolation", report)
    browser_page.context.add_init_script(REPORT_VIOLATIONS)
    browser_page.on(
        "console",
        lambda message: (
            report(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    return found


@pytest.fixture
def violations(page):
    return watch(page)


def origin(live_server, hostname):
    return f"http://{hostname}:{urlsplit(live_server.url).port}"


def path_of(page_object):
    return page_object.get_url_parts()[2]


def sign_in(browser_page, base):
    get_user_model().objects.create_superuser("csp-editor", "csp@example.org", PASSWORD)
    browser_page.goto(f"{base}/admin/login/")
    browser_page.get_by_label("Username").fill("csp-editor")
    browser_page.get_by_label("Password").fill(PASSWORD)
    browser_page.get_by_role("button", name="Sign in").click()
    expect(browser_page.get_by_role("heading", level=1).first).to_be_visible()


@pytest.mark.django_db
def test_public_pages_of_both_sites_run_without_a_violation(demo_server, browser):
    # A Spanish browser on English pages gets the language hint, the sites' one script.
    context = browser.new_context(locale="es-ES")
    visitor = context.new_page()
    violations = watch(visitor)
    visited = 0
    for site in Site.objects.all():
        base = origin(demo_server, site.hostname)
        for home in site.root_page.get_translations(inclusive=True):
            news = NewsIndexPage.objects.descendant_of(home).live().first()
            article = ArticlePage.objects.descendant_of(home).live().first()
            for target in (home, news, article):
                response = visitor.goto(base + path_of(target))
                assert response.status == 200
                visitor.wait_for_load_state("networkidle")
                visited += 1
        visitor.goto(base + "/no-such-page/")
        visitor.wait_for_load_state("networkidle")
        # The hint's script ran (the sites' one script, a file allowed by 'self').
        visitor.goto(base + "/")
        expect(visitor.locator("[data-language-hint='es']")).to_be_visible()
    context.close()
    assert visited >= 12
    assert not violations, "\n".join(violations)


@pytest.fixture
def article_site():
    english, _ = Locale.objects.get_or_create(language_code="en")
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    site = make_site()
    news = make_news_index(site.root_page, title="News", slug="news")
    article = make_article(
        news, title="Forums announced", slug="forums-announced", summary="Dates and places."
    )
    synchronize_tree(english, spanish)
    make_image(title="Gallup forum", alt_text="Parents at the Gallup forum")
    return article


def test_the_editor_preview_and_image_chooser_work_without_a_violation(
    live_server, page, violations, article_site
):
    base = live_server.url
    sign_in(page, base)

    # The page editor, then its preview panel: the page renders inside the iframe.
    page.goto(f"{base}/admin/pages/{article_site.pk}/edit/")
    expect(page.get_by_role("textbox", name="Title")).to_have_value("Forums announced")
    page.locator("[data-side-panel-toggle='preview']").first.click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text("Forums announced", timeout=15_000)

    # The image chooser opens in a modal and lists the library's image.
    page.get_by_role("button", name="Choose an image").first.click()
    expect(page.get_by_role("dialog").get_by_text("Gallup forum")).to_be_visible()
    page.keyboard.press("Escape")

    # The image library and the translation editor (wagtail-localize's React app).
    page.goto(f"{base}/admin/images/")
    expect(page.get_by_text("Gallup forum").first).to_be_visible()
    page.goto(f"{base}/admin/localize/submit/page/{article_site.pk}/")
    page.get_by_label("Español").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="English to Español translation").first).to_be_visible()
    expect(page.get_by_text("Forums announced", exact=True).first).to_be_visible()

    assert not violations, "\n".join(violations)


def test_the_userbar_opens_on_a_public_page_without_a_violation(
    live_server, page, violations, article_site
):
    base = live_server.url
    sign_in(page, base)

    page.goto(base + path_of(article_site))
    page.wait_for_load_state("networkidle")
    trigger = page.locator("wagtail-userbar").get_by_role(
        "button", name="View Wagtail quick actions"
    )
    trigger.click()
    expect(page.locator("wagtail-userbar").get_by_role("menuitem").first).to_be_visible()
    page.wait_for_timeout(500)  # the accessibility checker runs on opening

    assert not violations, "\n".join(violations)
