"""The newsletter in a real Chromium, JavaScript off: sign up in Spanish, confirm, unsubscribe.

The pages are built as the demo builds them (demo/community_newsletter.py), on
a site of their own, so this does not wait for the whole demo to load.
"""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from demo import community_newsletter
from demo.loader import DemoLoader
from newsletter.models import NewsletterPage, Subscriber
from pages import form_protection
from tests.factories import content_locales, make_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOSTNAME = "localhost"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
FILL_TIME_MS = (form_protection.MINIMUM_FILL_SECONDS + 0.5) * 1000


def _build():
    _english_locale, spanish_locale = content_locales()
    site = make_site(hostname=HOSTNAME)
    home = site.root_page.specific
    loader = DemoLoader(log=lambda *args: None)
    community_newsletter.build(loader, home, site)
    community_newsletter.translate(loader, home, site, spanish_locale)
    return NewsletterPage.objects.get(locale__language_code="es")


def _origin(live_server):
    return f"http://{HOSTNAME}:{urlsplit(live_server.url).port}"


def _axe_problems(page):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [f"{page.url}: {v['id']} ({len(v['nodes'])} node(s)) | {v['help']}" for v in violations]


def test_a_spanish_visitor_without_javascript_signs_up_confirms_and_unsubscribes(
    live_server, new_context
):
    spanish = _build()
    mail.outbox.clear()
    origin = _origin(live_server)
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_viewport_size({"width": 320, "height": 800})

    page.goto(origin + spanish.url)
    expect(page.locator("main h1")).to_have_text("Boletín")

    # Sent without consent: refused, the address kept, the summary links to the box.
    email = page.locator("#id_email")
    email.fill("lectora@example.org")
    page.locator(".newsletter-button").click()
    expect(page.locator(".newsletter-errors")).to_be_visible()
    expect(email).to_have_value("lectora@example.org")
    assert not Subscriber.objects.exists()

    page.locator("#id_privacy-consent").check()
    page.wait_for_timeout(FILL_TIME_MS)
    page.locator(".newsletter-button").click()
    expect(page).to_have_url(re.compile(r"/es/boletin/check-your-inbox/$"))
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    assert len(mail.outbox) == 1
    confirm = next(u for u in re.findall(r"https?://\S+", mail.outbox[0].body) if "/confirm/" in u)
    assert "/es/boletin/confirm/" in confirm
    page.goto(origin + urlsplit(confirm).path)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # opening is not confirming
    page.locator(".newsletter-button").click()
    expect(page.locator("main h1")).to_be_visible()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.language == "es"

    # The link in the welcome e-mail leads to the Spanish unsubscribe page.
    welcome = mail.outbox[-1]
    assert subscriber.unsubscribe_url() in welcome.body
    page.goto(origin + urlsplit(subscriber.unsubscribe_url()).path)
    expect(page).to_have_url(re.compile(r"/es/boletin/unsubscribe/"))
    page.locator(".newsletter-button").click()
    expect(page.locator(".newsletter-next a")).to_be_visible()
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_the_sign_up_passes_axe_blank_with_errors_and_when_sent(live_server, page):
    spanish = _build()
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(_origin(live_server) + spanish.url)
    problems = _axe_problems(page)
    page.locator(".newsletter-button").click()
    expect(page.locator(".newsletter-errors")).to_be_visible()
    problems += _axe_problems(page)
    page.locator("#id_email").fill("lector@example.org")
    page.locator("#id_privacy-consent").check()
    page.wait_for_timeout(FILL_TIME_MS)
    page.locator(".newsletter-button").click()
    expect(page).to_have_url(re.compile(r"/check-your-inbox/$"))
    problems += _axe_problems(page)
    assert not problems, "\n".join(problems)
