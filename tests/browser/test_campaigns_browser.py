"""A take-action page in a real Chromium with JavaScript off, in English and Spanish.

A visitor fills in the form, waits as a person would, sends it and lands
on the thank-you page that shows their letter. axe finds nothing on the
form (blank and with errors), the closed action or the thank-you page, at
320 px and at 1366 px, and nothing sticks out at 320 px. The pages are
built with tests/campaign_factories.py on a site of their own.
"""

import datetime
import re
from urllib.parse import urlsplit

from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from campaigns.models import Participant
from pages import form_protection
from pages.models import SiteSettings
from tests.browser.test_accessibility import _axe_problems, _overflow_at_narrow_width
from tests.campaign_factories import make_action, make_action_index, translate_action
from tests.decision_maker_factories import make_decision_maker
from tests.factories import content_locales, make_site, make_standard, translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOSTNAME = "localhost"
FILL_TIME_MS = (form_protection.MINIMUM_FILL_SECONDS + 0.5) * 1000
WIDTHS = [{"width": 320, "height": 800}, {"width": 1366, "height": 900}]
SPANISH_LETTER_EDIT = "Queremos comidas escolares para cada niño."


def es(text):
    with translation.override("es"):
        return gettext(text)


def build():
    """An open action in both languages, writing to two legislators, and a closed one."""
    _english, spanish = content_locales()
    site = make_site(hostname=HOSTNAME, name="Learning Alliance")
    home = site.root_page.specific
    privacy = make_standard(home, title="Privacy", slug="privacy")
    SiteSettings.objects.filter(site=site).update(privacy_page=privacy)
    translate_page(home, spanish, title="Inicio")
    translate_page(privacy, spanish, title="Privacidad", slug="privacidad")
    senator = make_decision_maker(site, name="Ana Martínez", district=4, county="McKinley")
    representative = make_decision_maker(
        site,
        name="Luis Baca",
        title="State Representative",
        body="house",
        district=9,
        county="Bernalillo",
    )
    index = make_action_index(home, slug="take-action")
    action = make_action(index, targets=[senator, representative], title="Fund school meals")
    choose = make_action(
        index, targets=[senator, representative], title="Write to your legislator", targeting="one"
    )
    closed = make_action(
        index,
        targets=[senator],
        title="Fund school buses",
        deadline=timezone.now() - datetime.timedelta(days=2),
    )
    translate_page(index, spanish, title="Actúe", slug="actue")
    pages = {
        "english": action,
        "spanish": translate_action(action, spanish, slug="comidas"),
        "choose": choose,
        "spanish choose": translate_action(choose, spanish, slug="escriba"),
        "closed": closed,
        "representative": representative,
    }
    mail.outbox.clear()
    return pages


def origin(live_server):
    return f"http://{HOSTNAME}:{urlsplit(live_server.url).port}"


def fill_in(page, name, email, town):
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator("#id_town").fill(town)


def test_a_visitor_without_javascript_takes_part_in_english_and_in_spanish(
    live_server, new_context
):
    pages = build()
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_viewport_size(WIDTHS[0])

    # English: sent at once, without consent: refused, everything typed kept.
    page.goto(origin(live_server) + pages["english"].url)
    expect(page.locator("main h1")).to_have_text("Fund school meals")
    fill_in(page, "Ana Martínez", "ana@example.org", "Gallup")
    page.locator("#id_letter").fill("Every child deserves lunch.")
    page.locator(".survey-form__submit").click()
    expect(page.locator(".survey-errors")).to_be_visible()
    expect(page.locator("#id_letter")).to_have_value("Every child deserves lunch.")
    expect(page.locator("#id_name")).to_have_value("Ana Martínez")
    assert not Participant.objects.exists()

    page.locator(".survey-errors a[href='#id_privacy-consent']").click()
    expect(page.locator("#id_privacy-consent")).to_be_focused()
    page.locator("#id_privacy-consent").check()
    page.wait_for_timeout(FILL_TIME_MS)
    page.locator(".survey-form__submit").click()
    expect(page).to_have_url(re.compile(r"/take-action/[^/]+/thank-you/\?ref="))
    expect(page.locator("main h1")).to_have_text("Thank you for taking part")
    expect(page.locator("#action-letter-copy")).to_contain_text("Every child deserves lunch.")
    # Reloading the page that thanks them sends nothing again.
    page.reload()
    expect(page.locator("main h1")).to_have_text("Thank you for taking part")
    assert Participant.objects.count() == 1
    assert len(mail.outbox) == 3  # two legislators and the visitor's copy

    # Spanish, choosing one legislator from the list.
    page.goto(origin(live_server) + pages["spanish choose"].url)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    fill_in(page, "Luis Baca", "luis@example.org", "Las Cruces 88001")
    label = es("District %(district)s: %(name)s (%(county)s)")
    page.locator("#id_target").select_option(
        label=label % {"district": 9, "name": "Luis Baca", "county": "Bernalillo"}
    )
    page.locator("#id_letter").fill(SPANISH_LETTER_EDIT)
    page.locator("#id_privacy-consent").check()
    page.wait_for_timeout(FILL_TIME_MS)
    page.locator(".survey-form__submit").click()
    expect(page).to_have_url(re.compile(r"/es/actue/escriba/thank-you/\?ref="))
    expect(page.locator("main h1")).to_have_text(es("Thank you for taking part"))
    expect(page.locator("#action-letter-copy")).to_contain_text(SPANISH_LETTER_EDIT)
    spanish = Participant.objects.get(email="luis@example.org")
    assert (spanish.language, spanish.action_id) == ("es", pages["choose"].pk)
    assert [message.to for message in mail.outbox[3:]] == [
        [pages["representative"].email],
        ["luis@example.org"],
    ]


@pytest.mark.parametrize("viewport", WIDTHS, ids=lambda size: f"{size['width']}px")
def test_the_action_the_closed_action_and_the_thank_you_page_pass_axe(live_server, page, viewport):
    pages = build()
    page.set_viewport_size(viewport)
    axe = Axe()
    problems = []

    def check(url):
        problems.extend(_axe_problems(axe, page, url))
        if viewport["width"] == 320:
            problems.extend(_overflow_at_narrow_width(page, url))

    for key in ("english", "spanish choose", "closed"):
        url = origin(live_server) + pages[key].url
        page.goto(url)
        check(url)

    # The form with every error shown, in Spanish.
    url = origin(live_server) + pages["spanish choose"].url
    page.goto(url)
    page.locator(".survey-form__submit").click()
    expect(page.locator(".survey-errors")).to_be_visible()
    check(url + " (errors)")

    # The thank-you page with the letter, after a post the server accepts.
    page.goto(origin(live_server) + pages["english"].url)
    fill_in(page, "Ana Martínez", "ana@example.org", "Gallup")
    page.locator("#id_privacy-consent").check()
    page.wait_for_timeout(FILL_TIME_MS)
    page.locator(".survey-form__submit").click()
    expect(page.locator("#action-letter-copy")).to_be_visible()
    check(page.url)

    assert not problems, "\n".join(problems)
