"""Newsletter sign-up: double opt-in by e-mail, unsubscribe (also one-click), export per site.

Each test builds the newsletter pages the way the demo does
(demo/community_newsletter.py), in English and in Spanish through wagtail-localize.
"""

import csv
import io
import logging
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest

from demo import community_newsletter
from demo.loader import DemoLoader
from editorial.models import SiteRoles
from editorial.roles import set_up_all_sites
from newsletter.models import CONSENT_FIELD, NewsletterPage, Subscriber
from pages import form_protection
from tests.builders import newsletter_form_data, token_issued
from tests.factories import built_once_per_module, content_locales, fresh_copies, make_site

pytestmark = pytest.mark.django_db

HOST = {"host": "localhost"}
LINK = re.compile(r"https?://\S+")


def build_newsletter(hostname="localhost", name="Learning Alliance", default=True):
    _english, spanish_locale = content_locales()
    site = make_site(hostname=hostname, name=name, default=default)
    home = site.root_page.specific
    loader = DemoLoader(log=lambda *args: None)
    community_newsletter.build(loader, home, site)
    community_newsletter.translate(loader, home, site, spanish_locale)
    english = NewsletterPage.objects.child_of(home).get()
    return english, english.get_translation(spanish_locale).specific


newsletter_for_the_module = built_once_per_module(build_newsletter)


@pytest.fixture
def newsletter(newsletter_for_the_module):
    """(English, Spanish) newsletter pages of a Learning Alliance test site."""
    mail.outbox.clear()
    return fresh_copies(newsletter_for_the_module)


def es(text):
    """`text` as the Spanish catalog has it (/tmp/h/newsletter.po, merged into locale/)."""
    with translation.override("es"):
        return gettext(text)


def sign_up(client, page, host="localhost", **overrides):
    return client.post(page.url, newsletter_form_data(page, **overrides), headers={"host": host})


def link_in(message, fragment):
    return next(url for url in LINK.findall(message.body) if fragment in url)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


# --- signing up and confirming ---


def test_the_form_asks_for_an_address_and_consent_beside_the_privacy_note(client, newsletter):
    english, spanish = newsletter
    response = client.get(english.url, headers=HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="email"' in html and 'autocomplete="email"' in html
    assert 'aria-describedby="newsletter-privacy"' in html
    assert "keeps your e-mail address only to send you" in html
    spanish_html = client.get(spanish.url, headers=HOST).content.decode()
    assert "Boletín" in spanish_html
    assert "Un correo al mes de Learning Alliance" in spanish_html
    assert es("Your email address") in spanish_html


def test_signing_up_stores_a_pending_address_and_emails_one_confirmation_link(client, newsletter):
    english, _spanish = newsletter
    response = sign_up(client, english)
    assert response.status_code == 303
    check = client.get(response["Location"], headers=HOST)
    assert "Check your inbox" in check.content.decode()

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "en"
    assert subscriber.newsletter_id == english.pk
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reader@example.org"]
    assert "Learning Alliance" in message.subject
    confirm = link_in(message, "/confirm/")
    assert confirm.startswith("http://localhost/newsletter/confirm/")
    # Only the hash of the confirmation token is stored.
    assert path_of(confirm).split("/")[-2] not in subscriber.confirm_token_hash


def test_the_spanish_page_signs_up_in_spanish_on_the_english_list(client, newsletter):
    english, spanish = newsletter
    response = sign_up(client, spanish)
    assert response.status_code == 303
    check = client.get(response["Location"], headers=HOST).content.decode()
    assert es("Check your inbox") in check and '<html lang="es">' in check
    subscriber = Subscriber.objects.get()
    assert (subscriber.newsletter_id, subscriber.language) == (english.pk, "es")
    message = mail.outbox[0]
    with translation.override("es"):
        expected = gettext("Confirm your subscription to the %(organization)s newsletter") % {
            "organization": "Learning Alliance"
        }
    assert message.subject == expected
    confirm = link_in(message, "/confirm/")
    assert confirm.startswith("http://localhost/es/boletin/confirm/")
    page = client.get(path_of(confirm), headers=HOST)
    assert es("Confirm my subscription") in page.content.decode()


def test_opening_the_link_does_not_confirm_but_pressing_the_button_does(client, newsletter):
    english, _spanish = newsletter
    sign_up(client, english)
    confirm = path_of(link_in(mail.outbox[0], "/confirm/"))

    page = client.get(confirm, headers=HOST)
    assert page.status_code == 200
    assert "Confirm my subscription" in page.content.decode()
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    # Post, redirect, get: the link's page now says so, and a reload sends nothing.
    done = client.post(confirm, headers=HOST, follow=True)
    assert done.redirect_chain == [(confirm, 303)]
    assert "You are subscribed" in done.content.decode()
    assert "Confirm my subscription" not in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    welcome = mail.outbox[-1]
    assert "Welcome" in welcome.subject
    assert subscriber.unsubscribe_url() in welcome.body
    assert welcome.extra_headers["List-Unsubscribe"] == f"<{subscriber.unsubscribe_url()}>"
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Pressing again (a double click) changes nothing and sends nothing more.
    sent = len(mail.outbox)
    assert client.post(confirm, headers=HOST).status_code == 303
    assert len(mail.outbox) == sent


def test_an_expired_link_is_gone_and_offers_to_sign_up_again(client, newsletter):
    english, _spanish = newsletter
    sign_up(client, english)
    confirm = path_of(link_in(mail.outbox[0], "/confirm/"))
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timedelta(days=8))
    for method in (client.get, client.post):
        response = method(confirm, headers=HOST)
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
        assert f'href="{english.url}"' in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize(
    "token",
    ["x" * 43, "short", "a" * 42 + "%00", "%00" * 43, "a" * 200, "a" * 42 + "%C3%A9"],
)
def test_unknown_or_malformed_tokens_get_a_friendly_404(client, newsletter, token):
    english, _spanish = newsletter
    for route in ("confirm", "unsubscribe"):
        for method in (client.get, client.post):
            response = method(f"{english.url}{route}/{token}/", headers=HOST)
            assert response.status_code == 404, (route, token)
            if "%00" not in token:  # Wagtail itself refuses a NUL in a path: its plain 404
                assert "This link does not work" in response.content.decode()
    assert client.post(f"/list-unsubscribe/{token}/").status_code == 404


# --- unsubscribing ---


@pytest.fixture
def confirmed(client, newsletter):
    english, _spanish = newsletter
    sign_up(client, english)
    client.post(path_of(link_in(mail.outbox[0], "/confirm/")), headers=HOST)
    mail.outbox.clear()
    return Subscriber.objects.get()


def test_unsubscribing_asks_first_then_is_idempotent_and_offers_to_sign_up_again(
    client, newsletter, confirmed
):
    english, _spanish = newsletter
    url = english.url + english.reverse_subpage("unsubscribe", args=[confirmed.unsubscribe_token])
    page = client.get(url, headers=HOST)
    assert "Unsubscribe me" in page.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED

    for _ in range(2):
        done = client.post(url, headers=HOST, follow=True)
        assert done.redirect_chain == [(url, 303)]
        assert "will not receive our newsletter any more" in done.content.decode()
        assert "Sign up again" in done.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.UNSUBSCRIBED
    assert confirmed.unsubscribed_at is not None


def test_one_click_unsubscribe_needs_no_csrf_token(newsletter, confirmed):
    from django.test import Client

    mailer = Client(enforce_csrf_checks=True)
    url = path_of(confirmed.unsubscribe_url())
    assert url == f"/list-unsubscribe/{confirmed.unsubscribe_token}/"
    response = mailer.post(url, {"List-Unsubscribe": "One-Click"}, headers=HOST)
    assert response.status_code == 200
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.UNSUBSCRIBED
    # Again: still fine.
    assert mailer.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    # A post without the RFC 8058 body is refused.
    assert mailer.post(url, {"something": "else"}).status_code == 400


def test_the_unsubscribe_link_leads_a_person_to_the_page_in_their_language(client, newsletter):
    english, spanish = newsletter
    sign_up(client, spanish)
    subscriber = Subscriber.objects.get()
    response = client.get(path_of(subscriber.unsubscribe_url()), headers=HOST)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/es/boletin/unsubscribe/{subscriber.unsubscribe_token}/")
    page = client.get(response["Location"], headers=HOST)
    assert es("Unsubscribe me") in page.content.decode()


def test_an_old_confirmation_link_cannot_resubscribe_after_unsubscribing(
    client, newsletter, confirmed
):
    english, _spanish = newsletter
    confirmed.unsubscribe()
    mail.outbox.clear()
    # The first confirmation link was in the outbox cleared by the fixture; any
    # link with a token of the right shape now finds nothing to confirm.
    assert Subscriber.objects.get().confirm_token_hash == ""


# --- what a sign-up reveals, and how often it mails ---


def test_signing_up_a_confirmed_address_reveals_nothing_and_keeps_it_confirmed(
    client, newsletter, confirmed
):
    english, _spanish = newsletter
    Subscriber.objects.update(last_emailed_at=timezone.now() - timedelta(hours=1))
    fresh = sign_up(client, english, email="new.person@example.org")
    again = sign_up(client, english)
    assert fresh.status_code == again.status_code == 303
    assert fresh["Location"] == again["Location"]
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED
    already = [m for m in mail.outbox if m.to == ["reader@example.org"]]
    assert len(already) == 1
    assert "already" in already[0].subject
    assert confirmed.unsubscribe_url() in already[0].body
    assert "/confirm/" not in already[0].body


def test_no_more_than_one_email_per_address_in_ten_minutes(client, newsletter):
    english, spanish = newsletter
    for page in (english, spanish, english):
        assert sign_up(client, page).status_code == 303
    assert len(mail.outbox) == 1
    # The first link still works.
    confirm = path_of(link_in(mail.outbox[0], "/confirm/"))
    assert client.post(confirm, headers=HOST).status_code == 303

    Subscriber.objects.update(last_emailed_at=timezone.now() - timedelta(minutes=11))
    sign_up(client, english)
    assert len(mail.outbox) == 3  # confirmation, welcome, then "already subscribed"


# --- refusals ---


def test_a_filled_honeypot_is_refused_logged_without_the_address_and_stores_nothing(
    client, newsletter, caplog
):
    english, _spanish = newsletter
    with caplog.at_level(logging.INFO, logger="newsletter"):
        response = sign_up(
            client, english, **{form_protection.HONEYPOT_FIELD: "http://form_protection.example"}
        )
    assert response.status_code == 400
    assert "Leave this box empty" in response.content.decode()
    assert re.search(r'value="\s*Reader@Example.org\s*"', response.content.decode())
    assert not Subscriber.objects.exists() and not mail.outbox
    assert "honeypot" in caplog.text
    assert "example.org" not in caplog.text.lower()


@pytest.mark.parametrize("seconds_ago", [0, None])
def test_too_fast_or_missing_fill_time_is_refused(client, newsletter, seconds_ago):
    english, _spanish = newsletter
    token = "" if seconds_ago is None else token_issued(english, seconds_ago)
    response = sign_up(client, english, **{form_protection.STARTED_FIELD: token})
    assert response.status_code == 400
    assert "You were not signed up" in response.content.decode()
    assert not Subscriber.objects.exists() and not mail.outbox


def test_the_sixth_sign_up_in_ten_minutes_from_one_client_is_refused(client, newsletter):
    english, spanish = newsletter
    for number in range(5):
        page = english if number % 2 else spanish
        assert sign_up(client, page, email=f"p{number}@example.org").status_code == 303
    response = sign_up(client, english, email="sixth@example.org")
    assert response.status_code == 429
    assert not Subscriber.objects.filter(email="sixth@example.org").exists()


def test_missing_consent_keeps_the_typed_address_and_links_to_the_box(client, newsletter, caplog):
    english, _spanish = newsletter
    with caplog.at_level(logging.INFO, logger="newsletter"):
        response = sign_up(client, english, **{CONSENT_FIELD: None})
    html = response.content.decode()
    assert response.status_code == 400
    assert f'href="#id_{CONSENT_FIELD}"' in html
    assert re.search(r'value="\s*Reader@Example.org\s*"', html)
    assert "<title>Error:" in html
    assert not Subscriber.objects.exists() and not mail.outbox
    assert "example.org" not in caplog.text.lower()


def test_a_bad_address_is_an_error_in_spanish_on_the_spanish_page(client, newsletter):
    _english, spanish = newsletter
    response = sign_up(client, spanish, email="not-an-address")
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="not-an-address"' in html
    assert 'href="#id_email"' in html
    assert not Subscriber.objects.exists()


# --- staff: the list, its export, and who sees what ---


def make_subscriber(page, email, status=Subscriber.Status.CONFIRMED, language="en"):
    return Subscriber.objects.create(newsletter=page, email=email, status=status, language=language)


@pytest.fixture
def two_sites(newsletter):
    alliance, _ = newsletter
    kidscan, _ = build_newsletter("kidscan.localhost", "KidsCAN", default=False)
    make_subscriber(alliance, "ana@example.org")
    make_subscriber(alliance, "luis@example.org", language="es")
    make_subscriber(alliance, "waiting@example.org", status=Subscriber.Status.PENDING)
    make_subscriber(kidscan, "kidscan.reader@example.org")
    set_up_all_sites()
    return alliance, kidscan


def moderator_of(page):
    site = page.get_site()
    user = get_user_model().objects.create_user(f"mod-{site.pk}", "m@example.org", "pw")
    user.groups.add(SiteRoles.objects.get(site=site).moderators)
    return user


def export_rows(client, **filters):
    url = reverse("newsletter_subscribers:index")
    response = client.get(url, {"export": "csv", **filters})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_csv_export_holds_confirmed_subscribers_with_unsubscribe_links_of_one_site(
    client, two_sites
):
    alliance, _kidscan = two_sites
    client.force_login(moderator_of(alliance))
    rows = export_rows(client, status="confirmed")
    assert {(row["Email"], row["Language"]) for row in rows} == {
        ("ana@example.org", "en"),
        ("luis@example.org", "es"),
    }
    ana = Subscriber.objects.get(email="ana@example.org")
    row = next(row for row in rows if row["Email"] == "ana@example.org")
    assert row["Unsubscribe URL"] == f"http://localhost/list-unsubscribe/{ana.unsubscribe_token}/"
    assert row["Status"] == "confirmed"


def test_a_moderator_of_one_site_cannot_list_or_delete_another_sites_subscribers(client, two_sites):
    _alliance, kidscan = two_sites
    client.force_login(moderator_of(kidscan))
    listing = client.get(reverse("newsletter_subscribers:index"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "kidscan.reader@example.org" in html
    assert "ana@example.org" not in html
    assert {row["Email"] for row in export_rows(client)} == {"kidscan.reader@example.org"}

    other = Subscriber.objects.get(email="ana@example.org")
    delete_url = reverse("newsletter_subscribers:delete", args=[other.pk])
    assert client.post(delete_url).status_code in (403, 404)
    assert Subscriber.objects.filter(pk=other.pk).exists()
    own = Subscriber.objects.get(email="kidscan.reader@example.org")
    client.post(reverse("newsletter_subscribers:delete", args=[own.pk]))
    assert not Subscriber.objects.filter(pk=own.pk).exists()


def test_nobody_adds_subscribers_by_hand_and_superusers_see_every_site(client, two_sites):
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))
    assert client.get(reverse("newsletter_subscribers:add")).status_code in (302, 403)
    assert len(export_rows(client)) == 4
    html = client.get(reverse("newsletter_subscribers:index"), {"q": "luis"}).content.decode()
    assert "luis@example.org" in html and "ana@example.org" not in html
    assert re.search(r">\s*Español\s*<", html) and not re.search(r">\s*es\s*<", html)


def test_editors_without_the_role_see_no_subscribers(client, two_sites):
    alliance, _kidscan = two_sites
    editor = get_user_model().objects.create_user("ed", "e@example.org", "pw")
    editor.groups.add(SiteRoles.objects.get(site=alliance.get_site()).editors)
    client.force_login(editor)
    response = client.get(reverse("newsletter_subscribers:index"))
    assert response.status_code in (302, 403)


def test_a_newsletter_goes_directly_under_a_home_page_once_and_holds_no_pages():
    assert NewsletterPage.parent_page_types == ["home.HomePage"]
    assert NewsletterPage.subpage_types == []
    assert NewsletterPage.max_count_per_parent == 1


def test_the_scheduler_deletes_sign_ups_left_unconfirmed_for_a_week(newsletter):
    """The privacy note promises it; the scheduler that publishes pages keeps the promise."""
    english, _spanish = newsletter
    old = make_subscriber(english, "old@example.org", status=Subscriber.Status.PENDING)
    make_subscriber(english, "new@example.org", status=Subscriber.Status.PENDING)
    kept = make_subscriber(english, "kept@example.org")
    week_ago = timezone.now() - timedelta(days=8)
    Subscriber.objects.filter(pk__in=[old.pk, kept.pk]).update(
        created_at=week_ago, confirmation_sent_at=week_ago
    )
    output = io.StringIO()
    call_command("run_scheduler", "--once", stdout=output)
    assert "delete_unconfirmed_signups: Deleted 1 unconfirmed" in output.getvalue()
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "new@example.org",
        "kept@example.org",
    }
