"""The NM First ESSA survey in a real Chromium: answered in Spanish with JavaScript off.

The survey is built as the demo builds it (demo/community_surveys.py), on a
site of its own, so these tests do not wait for the whole demo to load.
"""

import csv
import io
import re
import time
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from pages import form_protection
from surveys.models import CONSENT_FIELD
from tests.builders import build_demo_survey

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOSTNAME = "localhost"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
# The server refuses a form sent sooner than this after it was shown.
FILL_TIME_MS = (form_protection.MINIMUM_FILL_SECONDS + 0.5) * 1000
SPANISH_COMMENT = "Queremos más maestros bilingües en el norte."


def _origin(live_server):
    return f"http://{HOSTNAME}:{urlsplit(live_server.url).port}"


def _fill_in_spanish(page):
    page.get_by_label("¿En qué región vive?").select_option(label="Noroeste")
    page.get_by_role("group", name="¿Cuál es su papel?").get_by_label("Maestro o maestra").check()
    page.get_by_label("Aprendizaje bilingüe y culturalmente pertinente").check()
    page.get_by_label("¿Algo más que quiera que escuche el estado?").fill(SPANISH_COMMENT)


def _axe_problems(page):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [f"{page.url}: {v['id']} ({len(v['nodes'])} node(s)) | {v['help']}" for v in violations]


def _post_english_answer(english):
    """An English answer sent as a browser would, its form shown a minute earlier."""
    shown = signing.b62_encode(int(time.time()) - 60)
    field = {question.field_type: question.clean_name for question in english.form_fields.all()}
    original = signing.TimestampSigner.timestamp
    signing.TimestampSigner.timestamp = lambda self: shown
    try:
        token = form_protection.issue_token(english)
    finally:
        signing.TimestampSigner.timestamp = original
    response = Client().post(
        english.url,
        {
            form_protection.STARTED_FIELD: token,
            field["dropdown"]: "Southeast",
            field["radio"]: "Parent or family member",
            field["checkboxes"]: ["Great teachers in every classroom"],
            CONSENT_FIELD: "on",
        },
        headers={"host": HOSTNAME},
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == 303


def test_a_spanish_visitor_without_javascript_answers_and_staff_get_it(live_server, new_context):
    english, spanish = build_demo_survey()
    mail.outbox.clear()
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(_origin(live_server) + spanish.url)
    expect(page.locator("main h1")).to_have_text("Responda la encuesta")

    # Sent at once and without consent: refused, with every answer still in place.
    _fill_in_spanish(page)
    page.locator(".survey-form__submit").click()
    summary = page.locator(".survey-errors")
    expect(summary).to_be_visible()
    expect(summary.locator(f'a[href="#id_{CONSENT_FIELD}"]')).to_be_visible()
    expect(page.get_by_label("¿Algo más que quiera que escuche el estado?")).to_have_value(
        SPANISH_COMMENT
    )
    expect(page.get_by_label("Maestro o maestra")).to_be_checked()
    expect(page.get_by_label("¿En qué región vive?")).to_have_value("Northwest")
    assert not FormSubmission.objects.exists()

    # The summary's link leads to the consent box, which the visitor ticks; then sends.
    summary.locator(f'a[href="#id_{CONSENT_FIELD}"]').click()
    expect(page.locator(f"#id_{CONSENT_FIELD}")).to_be_focused()
    page.locator(f"#id_{CONSENT_FIELD}").check()
    page.wait_for_timeout(FILL_TIME_MS)
    page.locator(".survey-form__submit").click()

    expect(page.get_by_text("Sus respuestas formarán parte del informe")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/es/encuesta-nm-first/thank-you/$"))
    # Reloading the page that thanks them sends nothing again.
    page.reload()
    expect(page.get_by_text("Sus respuestas formarán parte del informe")).to_be_visible()
    stored = FormSubmission.objects.get()
    assert stored.page_id == english.pk
    assert stored.form_data["submission-language"] == "es"
    assert len(mail.outbox) == 1
    assert SPANISH_COMMENT in mail.outbox[0].body

    # Staff export the Spanish answer with an English one, in one sheet.
    _post_english_answer(english)
    staff = Client()
    staff.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))
    export = staff.get(
        reverse("wagtailforms:list_submissions", args=[english.pk]), {"export": "csv"}
    )
    rows = list(csv.DictReader(io.StringIO(export.getvalue().decode("utf-8-sig"))))
    assert {(row["Language"], row["What is your role?"]) for row in rows} == {
        ("es", "Teacher"),
        ("en", "Parent or family member"),
    }


def test_the_survey_passes_axe_blank_with_errors_and_when_sent(live_server, page):
    _english, spanish = build_demo_survey()
    url = _origin(live_server) + spanish.url
    problems = []

    page.goto(url)
    problems += _axe_problems(page)
    honeypot = page.locator(f'input[name="{form_protection.HONEYPOT_FIELD}"]')
    expect(honeypot).to_have_attribute("tabindex", "-1")
    expect(honeypot).to_have_attribute("autocomplete", "off")
    # Out of sight: its wrapper is a single clipped pixel.
    assert page.locator(".survey-form__trap").bounding_box()["width"] <= 1

    page.locator(".survey-form__submit").click()
    expect(page.locator(".survey-errors")).to_be_visible()
    problems += _axe_problems(page)

    _fill_in_spanish(page)
    page.locator(f"#id_{CONSENT_FIELD}").check()
    page.wait_for_timeout(FILL_TIME_MS)
    page.locator(".survey-form__submit").click()
    expect(page.get_by_text("Sus respuestas formarán parte del informe")).to_be_visible()
    problems += _axe_problems(page)

    assert not problems, "\n".join(problems)
