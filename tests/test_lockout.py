"""Admin sign-in lockout: ten wrong passwords lock the account, for the client that sent them;
twenty from one client, whatever the user names, lock the client out of every account.

django-axes is off in the test settings (the test client signs in without a
request); these tests turn it on and sign in through the admin's own form, as
a person or a password-guessing script would.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup

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


def guess_user_names(client, count, **kwargs):
    """What a script does: one password tried against many user names, none of them staff's."""
    return [sign_in(client, "Summer2025!", username=f"guess-{n}", **kwargs) for n in range(count)]


def page_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


class CountingPasswordHasher(MD5PasswordHasher):
    """The test settings' fast hasher, counting every password it hashes or checks.

    A missing account's password is hashed too (Django does so to hide which
    names exist), so every try that reaches the password check is counted.
    """

    algorithm = "counting_md5"
    passwords_hashed = 0

    def encode(self, password, salt):
        CountingPasswordHasher.passwords_hashed += 1
        return super().encode(password, salt)


@pytest.fixture
def counted_hashing():
    CountingPasswordHasher.passwords_hashed = 0
    with override_settings(PASSWORD_HASHERS=["tests.test_lockout.CountingPasswordHasher"]):
        yield CountingPasswordHasher


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


# --- One client, many user names ----------------------------------------------------------


def test_one_client_trying_many_user_names_is_locked_out_before_the_thirtieth(client, staff):
    """Each name fails only once, so no account's count grows; the client's does."""
    responses = guess_user_names(client, 30)

    statuses = [response.status_code for response in responses]
    assert statuses[:19] == [200] * 19
    assert statuses[19:] == [429] * 11
    assert "from your connection, whatever the account" in page_text(responses[-1])


def test_a_locked_out_client_is_refused_without_any_password_being_checked(client, counted_hashing):
    get_user_model().objects.create_user("alliance-moderator", password=PASSWORD, is_staff=True)
    counted_hashing.passwords_hashed = 0

    # The twentieth guess is checked like the others; its failure is the one that locks.
    before_the_lock = guess_user_names(client, 20)
    assert counted_hashing.passwords_hashed == 20
    assert before_the_lock[-1].status_code == 429

    counted_hashing.passwords_hashed = 0
    after_the_lock = guess_user_names(client, 10) + [sign_in(client, PASSWORD)]

    assert [response.status_code for response in after_the_lock] == [429] * 11
    assert counted_hashing.passwords_hashed == 0


def test_another_client_still_signs_in_while_one_is_locked_out(client, staff):
    guess_user_names(client, 20)

    assert signed_in(sign_in(client, PASSWORD, address=OTHER_CLIENT))


def test_the_right_password_from_a_locked_out_client_waits_for_the_cool_off(client, staff):
    guess_user_names(client, 20)

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=29))
    refused = sign_in(client, PASSWORD)
    assert refused.status_code == 429
    assert not signed_in(refused)

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))
    assert signed_in(sign_in(client, PASSWORD))


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_client_guessing_names_is_locked_and_its_neighbors_are_not(
    client, staff
):
    """Forged entries at the left of X-Forwarded-For do not pass the guesses off as many clients."""
    for n in range(20):
        sign_in(
            client,
            "wrong-password",
            username=f"guess-{n}",
            address="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {CLIENT}",
        )

    locked = sign_in(client, PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR=CLIENT)
    assert locked.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT}
    other = sign_in(client, PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR=OTHER_CLIENT)
    assert signed_in(other)


def test_signing_in_to_ones_own_account_does_not_forgive_guesses_at_anothers(client, staff):
    """An insider cannot reset the count between guesses by signing in to their own account."""
    get_user_model().objects.create_user("kidscan-editor", password=PASSWORD, is_staff=True)
    fail(client, 9)
    assert signed_in(sign_in(client, PASSWORD, username="kidscan-editor"))
    client.logout()

    assert sign_in(client, "wrong-password").status_code == 429


# --- When to try again, in the reader's language -------------------------------------------


def test_the_lockout_page_says_when_to_try_again_in_english(client, staff):
    guess_user_names(client, 20)

    response = sign_in(client, PASSWORD, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    assert response["Retry-After"] == "1800"
    text = page_text(response)
    assert '<html lang="en"' in response.content.decode()
    assert "There were too many failed attempts to sign in from your connection" in text
    assert "Try again in 30 minutes, after" in text
    assert "(Mountain Time)" in text
    assert "lift the pause on your connection" in text


def test_the_lockout_page_says_when_to_try_again_in_spanish(client, staff):
    """The sign-in form follows the browser's language, and so does the page that replaces it."""
    guess_user_names(client, 20)

    response = sign_in(client, PASSWORD, HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 429
    text = page_text(response)
    assert '<html lang="es"' in response.content.decode()
    assert response["Content-Language"] == "es"
    assert BeautifulSoup(response.content, "html.parser").find("h1").get_text(strip=True) == (
        "El inicio de sesión está en pausa"
    )
    assert "Hubo demasiados intentos fallidos de iniciar sesión desde su conexión" in text
    assert "Vuelva a intentarlo dentro de 30 minutos, después de las" in text
    assert "(hora de la montaña)" in text
    assert "Cada intento antes de esa hora vuelve a iniciar la espera." in text
    assert "que levante la pausa de su conexión" in text


def test_an_account_locked_on_one_client_is_explained_in_spanish_too(client, staff):
    fail(client, 9)

    response = sign_in(client, "wrong-password", HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 429
    text = page_text(response)
    assert "Hubo demasiados intentos fallidos de iniciar sesión en esta cuenta" in text
    assert "Vuelva a intentarlo dentro de 30 minutos" in text
    assert "que desbloquee su cuenta" in text
