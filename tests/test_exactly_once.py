"""Public forms store what was sent once: a double click, a reload or a replay adds nothing.

A post that is stored is answered with a redirect to a page saying so (post,
redirect, get); its form token is then used up, so sending the same form
again leads to the same page and stores nothing, even with the cache down.
A post larger than any public form needs is refused with a page in the
reader's language before anything reads it.

The survey and newsletter pages are built as the demo builds them
(demo/community_surveys.py, demo/community_newsletter.py), in English and in
Spanish through wagtail-localize.
"""

import threading
from datetime import timedelta

from django.core import mail, signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.contrib.forms.models import FormSubmission

import pytest

from demo import community_newsletter
from demo.loader import DemoLoader
from newsletter.models import EMAIL_INTERVAL, NewsletterPage, Subscriber
from pages import form_protection
from pages.used_form_tokens import UsedFormToken
from tests.builders import (
    SURVEY_COMMENT,
    build_demo_survey,
    newsletter_form_data,
    survey_answers,
)
from tests.factories import content_locales, make_site

HOST = {"host": "localhost"}
TWO_MEGABYTES = 2 * 1024 * 1024
# What a cache outage looks like to the site: every read misses, nothing is kept.
CACHE_DOWN = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two posts at once need a database that takes writes from two connections at once",
)


def es(text):
    with translation.override("es"):
        return gettext(text)


@pytest.fixture
def survey(db):
    """(English, Spanish) versions of the ESSA survey on a Learning Alliance test site."""
    pages = build_demo_survey()
    mail.outbox.clear()
    return pages


@pytest.fixture
def newsletter(db):
    """(English, Spanish) newsletter pages of a Learning Alliance test site."""
    _english_locale, spanish_locale = content_locales()
    site = make_site(hostname="localhost")
    home = site.root_page.specific
    loader = DemoLoader(log=lambda *args: None)
    community_newsletter.build(loader, home, site)
    community_newsletter.translate(loader, home, site, spanish_locale)
    english = NewsletterPage.objects.child_of(home).get()
    mail.outbox.clear()
    return english, english.get_translation(spanish_locale).specific


def post(client, page, data, **extra):
    return client.post(page.url, data, headers=HOST, **extra)


# --- surveys: post, redirect, get -----------------------------------------------


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_survey_answer_leads_to_a_page_saying_it_was_received(client, survey, language):
    english, spanish = survey
    page = english if language == "en" else spanish

    response = post(client, page, survey_answers(page))

    assert response.status_code == 303
    assert response["Location"] == f"{page.url}thank-you/"
    received = client.get(response["Location"], headers=HOST)
    html = received.content.decode()
    assert received.status_code == 200
    assert f'<html lang="{language}">' in html
    heading = "Thank you: your answers were sent"
    assert (heading if language == "en" else es(heading)) in html
    thanks = "Your answers will be part" if language == "en" else "Sus respuestas formarán parte"
    assert thanks in html
    assert '<meta name="robots" content="noindex">' in html
    assert FormSubmission.objects.filter(page=english).count() == 1
    assert len(mail.outbox) == 1


def test_the_page_saying_answers_were_received_takes_no_post(client, survey):
    english, _spanish = survey
    assert client.post(f"{english.url}thank-you/", headers=HOST).status_code == 405


def test_sending_the_same_survey_form_twice_stores_one_answer(client, survey):
    """A double click, or a reload of the page the post answered: the same form sent again."""
    english, _spanish = survey
    answers = survey_answers(english)

    first = post(client, english, answers)
    second = post(client, english, answers)

    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"] == f"{english.url}thank-you/"
    assert FormSubmission.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_replay_later_with_the_cache_flushed_or_down_stores_nothing(client, survey):
    english, spanish = survey
    answers = survey_answers(spanish)
    assert post(client, spanish, answers).status_code == 303

    # The rate limit's window is over (or the cache was flushed)...
    cache.clear()
    assert post(client, spanish, answers)["Location"] == f"{spanish.url}thank-you/"
    # ...or the cache is down altogether.
    with override_settings(CACHES=CACHE_DOWN):
        assert post(client, spanish, answers)["Location"] == f"{spanish.url}thank-you/"

    assert FormSubmission.objects.filter(page=english).count() == 1
    assert len(mail.outbox) == 1


def test_two_visitors_shown_the_form_in_the_same_second_are_both_stored(client, survey):
    english, _spanish = survey
    # token_issued pins the signed time, so both tokens carry the same second.
    one, other = survey_answers(english), survey_answers(english)
    assert one[form_protection.STARTED_FIELD] != other[form_protection.STARTED_FIELD]

    post(client, english, one)
    post(client, english, other, REMOTE_ADDR="10.0.0.9")

    assert FormSubmission.objects.count() == 2


def test_a_form_shown_before_tokens_were_one_off_is_sent_back_once_with_the_answers(client, survey):
    """A token of the earlier kind (no random part) may be another visitor's: never stored."""
    english, _spanish = survey
    # The earlier token: the page's id, signed with the same salt as today's.
    earlier = signing.TimestampSigner(salt="surveys.form-started")
    shown = signing.b62_encode(int(timezone.now().timestamp()) - 60)
    old_token = f"{english.pk}{earlier.sep}{shown}"
    old_token = f"{old_token}{earlier.sep}{earlier.signature(old_token)}"

    response = post(
        client, english, survey_answers(english, **{form_protection.STARTED_FIELD: old_token})
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Your answers were not sent" in html and SURVEY_COMMENT in html
    assert not FormSubmission.objects.exists()


def test_a_bot_filling_the_honeypot_stores_nothing_even_with_a_used_token(client, survey):
    english, _spanish = survey
    caught = survey_answers(english, **{form_protection.HONEYPOT_FIELD: "http://spam.example"})

    assert post(client, english, caught).status_code == 400
    assert not FormSubmission.objects.exists() and not mail.outbox

    # A person's answers replayed by a bot that fills every box.
    answers = survey_answers(english)
    post(client, english, answers)
    replay = {**answers, form_protection.HONEYPOT_FIELD: "http://spam.example"}
    assert post(client, english, replay).status_code == 400
    assert FormSubmission.objects.count() == 1


def test_a_token_is_accepted_once_and_a_second_use_is_told_apart(db):
    """What keeps two posts racing in two processes apart: one wins, the other gets False."""
    factory = RequestFactory()
    token = "any-token-the-form-carried"
    first = factory.post("/", {form_protection.STARTED_FIELD: token})
    again = factory.post("/", {form_protection.STARTED_FIELD: token})
    other = factory.post("/", {form_protection.STARTED_FIELD: "another-token"})

    assert form_protection.accept_once(first) is True
    assert form_protection.accept_once(again) is False
    assert form_protection.accept_once(other) is True
    # Only a hash is kept.
    assert not UsedFormToken.objects.filter(token_hash__contains="token").exists()


def test_records_of_expired_tokens_are_deleted_by_the_next_accepted_post(client, survey):
    english, _spanish = survey
    expired = timezone.now() - form_protection.TOKEN_MAX_AGE - timedelta(minutes=1)
    UsedFormToken.objects.create(token_hash="0" * 64, used_at=expired)

    post(client, english, survey_answers(english))

    assert not UsedFormToken.objects.filter(token_hash="0" * 64).exists()
    assert UsedFormToken.objects.count() == 1


# --- newsletter sign-ups --------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_sign_up_sent_twice_stores_one_address_and_sends_one_e_mail(client, newsletter, language):
    english, spanish = newsletter
    page = english if language == "en" else spanish
    form = newsletter_form_data(page)

    first = client.post(page.url, form, headers=HOST)
    second = client.post(page.url, form, headers=HOST)

    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"] == f"{page.url}check-your-inbox/"
    assert Subscriber.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_sign_up_replayed_after_the_e_mail_interval_sends_nothing_more(client, newsletter):
    english, _spanish = newsletter
    form = newsletter_form_data(english)
    client.post(english.url, form, headers=HOST)
    # Long enough for another e-mail to the address to be allowed, and the rate window over.
    Subscriber.objects.update(last_emailed_at=timezone.now() - EMAIL_INTERVAL * 2)
    cache.clear()

    response = client.post(english.url, form, headers=HOST)

    assert response["Location"] == f"{english.url}check-your-inbox/"
    assert len(mail.outbox) == 1
    # A fresh form from the same person is a new sign-up, and is e-mailed.
    client.post(english.url, newsletter_form_data(english), headers=HOST)
    assert len(mail.outbox) == 2


def test_a_bot_filling_the_newsletter_honeypot_stores_nothing(client, newsletter):
    english, _spanish = newsletter
    form = newsletter_form_data(english, **{form_protection.HONEYPOT_FIELD: "http://x.example"})
    assert client.post(english.url, form, headers=HOST).status_code == 400
    assert not Subscriber.objects.exists() and not mail.outbox


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_posts_of_one_form_at_the_same_moment_store_one_answer():
    """A double click: two requests at once, each on its own database connection."""
    english, _spanish = build_demo_survey()
    mail.outbox.clear()
    answers = survey_answers(english)
    start = threading.Barrier(2)
    responses = []

    def send():
        try:
            start.wait()
            responses.append(Client().post(english.url, answers, headers=HOST))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [response.status_code for response in responses] == [303, 303]
    assert {response["Location"] for response in responses} == {f"{english.url}thank-you/"}
    assert FormSubmission.objects.count() == 1
    assert len(mail.outbox) == 1


# --- oversized posts --------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_two_megabyte_survey_post_gets_a_page_saying_so_in_the_readers_language(
    client, survey, language
):
    english, spanish = survey
    page = english if language == "en" else spanish
    answers = survey_answers(page, padding="a" * TWO_MEGABYTES)

    response = post(client, page, answers)

    html = response.content.decode()
    assert response.status_code == 413
    assert f'<html lang="{language}">' in html
    title = "What you sent was too large"
    assert (title if language == "en" else es(title)) in html
    assert "1.0\xa0MB" in html
    assert not FormSubmission.objects.exists() and not mail.outbox
    assert not UsedFormToken.objects.exists()


def test_a_two_megabyte_file_sent_to_the_sign_up_form_is_refused(client, newsletter):
    english, _spanish = newsletter
    form = newsletter_form_data(english)
    form["attachment"] = SimpleUploadedFile("big.bin", b"\0" * TWO_MEGABYTES)

    response = client.post(english.url, form, headers=HOST)

    assert response.status_code == 413
    assert not Subscriber.objects.exists() and not mail.outbox


def test_the_admin_keeps_its_own_larger_limit(client, db):
    response = client.post(
        "/admin/login/", {"notes": "a" * TWO_MEGABYTES}, headers=HOST, follow=False
    )
    assert response.status_code == 200  # the sign-in form, not the public forms' 413
