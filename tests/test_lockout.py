"""Admin sign-in lockout: ten wrong passwords lock the account, for the client that sent them.

django-axes is off in the test settings (the test client signs in without a
request); these tests turn it on and sign in through the admin's own form, as
a person or a password-guessing script would.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup

from alliance_site.lockout import lockout_response

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]

LOGIN = "/admin/login/"
PASSWORD = "correct-horse-battery"
CLIENT = "203.0.113.7"
OTHER_CLIENT = "198.51.100.20"


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "alliance-moderator", password=PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, password, address=CLIENT, username="alliance-moderator", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(response):
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def fail(client, times, **kwargs):
    return [sign_in(client, "wrong-password", **kwargs) for _ in range(times)]


def test_ten_wrong_passwords_lock_the_account(client, staff):
    """The tenth failure shows the lockout page; the right password is then refused too."""
    first_nine = fail(client, 9)
    assert all(response.status_code == 200 for response in first_nine)
    assert b"lockout" not in first_nine[-1].content

    tenth = sign_in(client, "wrong-password")
    assert tenth.status_code == 429

    refused = sign_in(client, PASSWORD)
    assert refused.status_code == 429
    assert not signed_in(refused)


def test_nine_wrong_passwords_then_the_right_one_signs_in_and_start_the_count_again(client, staff):
    fail(client, 9)
    assert signed_in(sign_in(client, PASSWORD))
    client.logout()

    fail(client, 9)
    assert signed_in(sign_in(client, PASSWORD))


def test_the_lockout_page_says_when_to_try_again_and_whom_to_ask(client, staff):
    response = fail(client, 10)[-1]

    assert response.status_code == 429
    assert response["Retry-After"] == "1800"
    assert "no-cache" in response["Cache-Control"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Signing in is paused"
    text = " ".join(soup.get_text().split())
    assert "Try again in 30 minutes, after" in text
    assert "(Mountain Time)" in text
    assert "ask your organization's site administrator to unlock your account" in text
    # The sign-in form is gone: nothing to keep guessing with.
    assert soup.find("input", attrs={"type": "password"}) is None


def test_the_same_account_still_signs_in_from_another_client(client, staff):
    """Someone typing a staff member's name elsewhere cannot lock them out of their own desk."""
    fail(client, 10)

    assert signed_in(sign_in(client, PASSWORD, address=OTHER_CLIENT))


def test_other_accounts_on_the_locked_client_still_sign_in(client, staff):
    get_user_model().objects.create_user("kidscan-editor", password=PASSWORD, is_staff=True)
    fail(client, 10)

    assert signed_in(sign_in(client, PASSWORD, username="kidscan-editor"))


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_real_client_is_counted_and_forged_headers_do_not_help(client, staff):
    """Each try claims a new address at the left of X-Forwarded-For; the proxy's entry counts."""
    for n in range(10):
        sign_in(
            client,
            "wrong-password",
            address="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {CLIENT}",
        )

    locked = sign_in(client, PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR=CLIENT)
    assert locked.status_code == 429
    assert AccessAttempt.objects.get().ip_address == CLIENT
    # Another visitor behind the same proxy is not locked out.
    other = sign_in(client, PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR=OTHER_CLIENT)
    assert signed_in(other)


def test_ipv6_clients_are_counted_by_their_64_block(client, staff):
    for n in range(10):
        sign_in(client, "wrong-password", address=f"2001:db8:1:2::{n + 1:x}")

    assert sign_in(client, PASSWORD, address="2001:db8:1:2::99").status_code == 429
    assert signed_in(sign_in(client, PASSWORD, address="2001:db8:1:3::1"))


def test_the_lock_lifts_after_thirty_minutes(client, staff):
    fail(client, 10)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))

    assert signed_in(sign_in(client, PASSWORD))


def test_staff_can_unlock_an_account_at_once(client, staff):
    fail(client, 10)
    call_command("axes_reset_username", "alliance-moderator", stdout=io.StringIO())

    assert signed_in(sign_in(client, PASSWORD))


def test_failed_attempts_are_stored_in_the_database_for_every_instance(client, staff):
    fail(client, 3)

    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address, attempt.failures_since_start) == (
        "alliance-moderator",
        CLIENT,
        3,
    )
    assert PASSWORD not in str(attempt.post_data)


@pytest.mark.parametrize(
    "body",
    [b"username=alliance%00moderator", b"username=%ff%fe%00", b"username=" + b"a" * 10_000],
)
def test_junk_user_names_are_a_form_error_not_a_server_error(client, staff, body):
    response = client.generic(
        "POST",
        LOGIN,
        body + b"&password=wrong",
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR=CLIENT,
    )

    assert response.status_code == 200
    assert not signed_in(response)


def test_the_lockout_page_speaks_the_admins_language(rf):
    """Rendered in Spanish, every sentence comes from the Spanish catalog (/tmp/h/abuse.po)."""
    request = rf.post(LOGIN)
    request.user = AnonymousUser()

    with translation.override("es"):
        html = lockout_response(request).content.decode()
        expected = [
            gettext("Signing in is paused"),
            gettext("Every attempt before then starts the wait again."),
            ngettext(
                "Try again in %(minutes)s minute, after %(time)s on %(date)s (Mountain Time).",
                "Try again in %(minutes)s minutes, after %(time)s on %(date)s (Mountain Time).",
                30,
            ).split("%(minutes)s")[0],
        ]

    assert '<html lang="es"' in html
    for sentence in expected:
        assert sentence in " ".join(html.split()), sentence
