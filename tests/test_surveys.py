"""Surveys: answers in both languages kept together, emailed, exported; bots and junk refused.

Each test builds the NM First ESSA survey the way the demo does
(demo/community_surveys.py), in English and in Spanish through wagtail-localize.
"""

import csv
import io
import logging
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission

import openpyxl
import pytest

from home.models import HomePage
from pages import form_protection
from surveys.models import CONSENT_FIELD, SurveyPage
from tests.builders import (
    SURVEY_COMMENT,
    build_demo_survey,
    survey_answers,
    survey_field_names,
    token_issued,
)
from tests.factories import built_once_per_module, fresh_copies

pytestmark = pytest.mark.django_db

HOST = {"host": "localhost"}

survey_for_the_module = built_once_per_module(build_demo_survey)


@pytest.fixture
def survey(survey_for_the_module):
    """(English, Spanish) versions of the ESSA survey on a Learning Alliance test site."""
    return fresh_copies(survey_for_the_module)


def post(client, page, data, **extra):
    return client.post(page.url, data, headers=HOST, **extra)


# --- one survey in two languages ---------------------------------------------


def test_spanish_form_asks_in_spanish_but_answers_line_up_with_english(client, survey):
    english, spanish = survey
    assert [f.clean_name for f in spanish.form_fields.all()] == [
        f.clean_name for f in english.form_fields.all()
    ]
    response = client.get(spanish.url, headers=HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "¿En qué región vive?" in html
    assert "Which region do you live in?" not in html
    # The option reads in Spanish but submits the English choice.
    assert '<option value="Northwest">Noroeste</option>' in html


def test_answers_in_both_languages_are_stored_together_and_emailed_to_staff(client, survey):
    english, spanish = survey
    assert post(client, english, survey_answers(english)).status_code == 303
    response = post(client, spanish, survey_answers(spanish))

    assert response.status_code == 303
    assert response["Location"] == f"{spanish.url}thank-you/"
    assert "Gracias" in client.get(response["Location"], headers=HOST).content.decode()
    stored = FormSubmission.objects.filter(page=english).order_by("id")
    assert [s.form_data["submission-language"] for s in stored] == ["en", "es"]
    assert not FormSubmission.objects.filter(page=spanish).exists()
    assert len(mail.outbox) == 2
    spanish_email = mail.outbox[1]
    assert spanish_email.to == ["surveys@learningalliance.example"]
    assert spanish_email.subject == "NM First ESSA survey: new answers"
    # Staff read English questions and choices, with the language the answer was given in.
    assert "Which region do you live in?: Northwest" in spanish_email.body
    assert "Language: es" in spanish_email.body
    assert SURVEY_COMMENT in spanish_email.body


def test_editing_a_spanish_question_cannot_change_the_name_answers_are_stored_under(survey):
    english, spanish = survey
    question = spanish.form_fields.first()
    question.clean_name = "region_es"
    question.save()
    question.refresh_from_db()
    assert question.clean_name == english.form_fields.first().clean_name


@pytest.mark.parametrize("language", ["en", "es"])
def test_admin_csv_export_holds_answers_in_both_languages(client, survey, language):
    english, spanish = survey
    post(client, english, survey_answers(english))
    post(
        client,
        spanish,
        survey_answers(spanish, **{survey_field_names(spanish)["radio"]: "Student"}),
    )
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    page = english if language == "en" else spanish
    url = reverse("wagtailforms:list_submissions", args=[page.pk])

    response = client.get(url, {"export": "csv"})

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert sorted(row["Language"] for row in rows) == ["en", "es"]
    role_column = (
        spanish.form_fields.get(field_type="radio").label
        if page is spanish
        else ("What is your role?")
    )
    assert sorted(row[role_column] for row in rows) == ["Student", "Teacher"]


def test_admin_xlsx_export_opens_as_a_spreadsheet(client, survey):
    english, spanish = survey
    post(client, spanish, survey_answers(spanish))
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))
    url = reverse("wagtailforms:list_submissions", args=[english.pk])

    response = client.get(url, {"export": "xlsx"})

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    header, row = (list(values) for values in sheet.iter_rows(values_only=True))
    assert row[header.index("Language")] == "es"
    assert row[header.index("Anything else you want the state to hear?")] == SURVEY_COMMENT


# --- refusals: bots, speed, rate ------------------------------------------------


def assert_refused(response, status, message):
    html = response.content.decode()
    assert response.status_code == status
    assert message in html
    assert 'class="survey-errors"' in html
    # Nothing typed is lost.
    assert SURVEY_COMMENT in html
    assert re.search(r'value="Teacher"[^>]*checked', html)
    assert re.search(r'value="Northwest"[^>]*selected', html)
    assert not FormSubmission.objects.exists()


def test_a_filled_honeypot_is_refused_and_logged_without_personal_data(client, survey, caplog):
    english, _ = survey
    with caplog.at_level(logging.WARNING, logger="surveys"):
        response = post(
            client, english, survey_answers(english, **{form_protection.HONEYPOT_FIELD: "http://x"})
        )
    assert_refused(response, 400, "Leave this box empty")
    assert [r.getMessage() for r in caplog.records if r.name == "surveys"] == [
        f"Survey page {english.pk}: submission refused (honeypot filled)"
    ]


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(lambda page: token_issued(page, seconds_ago=1), id="too-fast"),
        pytest.param(lambda page: None, id="missing"),
        pytest.param(lambda page: "123:forged:signature", id="forged"),
        pytest.param(lambda page: token_issued(page, seconds_ago=2 * 86400), id="stale"),
        pytest.param(lambda page: form_protection.issue_token(page.get_parent()), id="other-page"),
    ],
)
def test_posts_without_a_plausible_fill_time_are_refused(client, survey, caplog, token):
    english, _ = survey
    with caplog.at_level(logging.WARNING, logger="surveys"):
        response = post(
            client,
            english,
            survey_answers(english, **{form_protection.STARTED_FIELD: token(english)}),
        )
    assert_refused(response, 400, "Your answers were not sent")
    assert [r.levelname for r in caplog.records if r.name == "surveys"] == ["WARNING"]
    # The form shown again carries a fresh timestamp, so the visitor can send it.
    assert form_protection.STARTED_FIELD in response.content.decode()


def test_the_sixth_post_in_ten_minutes_from_one_client_is_refused(client, survey):
    english, spanish = survey
    for page in (english, spanish, english, spanish, english):
        assert post(client, page, survey_answers(page)).status_code == 303
    # Both language versions count towards one allowance.
    response = post(client, english, survey_answers(english))
    assert response.status_code == 429
    assert "Please wait ten minutes and send it again." in response.content.decode()
    assert SURVEY_COMMENT in response.content.decode()
    assert FormSubmission.objects.count() == 5
    # Another client is not held back.
    assert post(client, english, survey_answers(english), REMOTE_ADDR="10.0.0.9").status_code == 303


# --- the form's own rules ---------------------------------------------------------


def test_consent_is_required_and_the_summary_links_to_the_box(client, survey):
    english, _ = survey
    response = post(client, english, survey_answers(english, **{CONSENT_FIELD: None}))
    html = response.content.decode()
    assert response.status_code == 400
    assert f'<a href="#id_{CONSENT_FIELD}">' in html
    assert "Tick this box to agree" in html
    assert f'aria-describedby="survey-privacy-note id_{CONSENT_FIELD}_error"' in html
    assert SURVEY_COMMENT in html
    assert not FormSubmission.objects.exists()


def test_the_consent_box_is_on_every_survey_even_with_no_questions(client, survey):
    english, _ = survey
    english.form_fields.all().delete()
    response = client.get(english.url, headers=HOST)
    assert f'name="{CONSENT_FIELD}"' in response.content.decode()
    assert "The Learning Alliance of New Mexico reads your answers" in response.content.decode()


def test_a_required_choice_left_empty_is_an_error_linked_to_its_first_option(client, survey):
    english, _ = survey
    role = survey_field_names(english)["radio"]
    response = post(client, english, survey_answers(english, **{role: None}))
    assert response.status_code == 400
    assert f'<a href="#id_{role}_0">' in response.content.decode()


# --- oversized and malformed posts ------------------------------------------------


def test_an_overlong_answer_is_a_form_error_and_stores_nothing(client, survey):
    english, _ = survey
    response = post(
        client,
        english,
        survey_answers(english, **{survey_field_names(english)["multiline"]: "a" * 5001}),
    )
    assert response.status_code == 400
    assert "at most 5000 characters" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_body_over_the_upload_limit_is_refused(client, survey, settings):
    english, _ = survey
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = post(
        client,
        english,
        survey_answers(english, **{survey_field_names(english)["multiline"]: "a" * 20_000}),
    )
    assert response.status_code == 400
    assert not FormSubmission.objects.exists()


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("application/octet-stream", b"\x00\xff garbage"),
        ("multipart/form-data; boundary=nope", b"--other\r\nnot a part\r\n"),
        ("multipart/form-data", b"no boundary at all"),
        ("application/x-www-form-urlencoded", b"%%%&&&=\xff\xfe"),
    ],
)
def test_malformed_bodies_get_a_client_error_not_a_server_error(client, survey, content_type, body):
    english, _ = survey
    response = client.generic("POST", english.url, body, content_type=content_type, headers=HOST)
    assert 400 <= response.status_code < 500
    assert not FormSubmission.objects.exists()


def test_a_survey_goes_directly_under_a_home_page_and_holds_no_pages():
    assert SurveyPage.allowed_parent_page_models() == [HomePage]
    assert SurveyPage.allowed_subpage_models() == []


@pytest.mark.parametrize(
    "mode, expected",
    [("", "¿En qué región vive?"), ("landing", "Sus respuestas formarán parte"), ("card", "")],
)
def test_editors_preview_the_form_its_thank_you_page_and_its_card(survey, mode, expected):
    _, spanish = survey
    response = spanish.make_preview_request(preview_mode=mode)
    assert response.status_code == 200
    assert expected in response.render().content.decode()
