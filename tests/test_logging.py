"""Structured logs with a request id, nothing personal in them; optional error reporting."""

import io
import json
import logging
import logging.config
import os
import subprocess
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import path

import pytest

from alliance_site.logging import (
    JsonFormatter,
    TextFormatter,
    gunicorn_logconfig_dict,
    logging_config,
    scrub,
    sentry_before_send,
)

TOKEN = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7dEf0hIj3"  # shaped like newsletter tokens


def parse(handler_output):
    return [json.loads(line) for line in handler_output.splitlines()]


def capture(client, *args, method="get", **kwargs):
    """The response to one request, and the log lines it wrote."""
    handler = next(
        h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonFormatter)
    )
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        response = getattr(client, method)(*args, **kwargs)
    finally:
        handler.setStream(previous)
    return response, buffer.getvalue()


def broken_view(request):
    raise RuntimeError("the template tag divided by zero")


# A URLconf with a view that fails, for the one test that needs a real server error.
urlpatterns = [path("broken/", broken_view)]


def test_logs_are_json_lines_on_stdout_by_default():
    handler = logging_config()["handlers"]["console"]
    assert handler["formatter"] == "json"
    assert handler["stream"] == "ext://sys.stdout"
    assert logging_config("text")["handlers"]["console"]["formatter"] == "text"


@pytest.mark.django_db
def test_every_response_carries_a_new_request_id(client):
    first = client.get("/robots.txt")["X-Request-ID"]
    second = client.get("/robots.txt")["X-Request-ID"]

    assert len(first) == 32 and int(first, 16) >= 0
    assert first != second


@pytest.mark.django_db
@pytest.mark.parametrize(
    "incoming, kept",
    [
        ("lb-7f3a.91_x", True),
        ("a" * 64, True),
        ("a" * 65, False),
        ("id with spaces", False),
        ('x"}, "level": "CRITICAL', False),
        ("", False),
    ],
)
def test_a_well_formed_request_id_from_the_proxy_is_kept(client, incoming, kept):
    returned = client.get("/robots.txt", HTTP_X_REQUEST_ID=incoming)["X-Request-ID"]

    assert (returned == incoming) is kept
    if not kept:
        assert len(returned) == 32


@pytest.mark.django_db
def test_a_request_is_logged_as_one_json_line_with_its_id_and_nothing_personal(client):
    response, output = capture(
        client,
        f"/newsletter/confirm/{TOKEN}/?email=someone%40example.org&ref=mail",
        HTTP_X_REQUEST_ID="req-42",
        HTTP_COOKIE="sessionid=cookie-value-123",
        HTTP_AUTHORIZATION="Bearer bearer-value-456",
        HTTP_USER_AGENT="Agent/1.0",
        REMOTE_ADDR="203.0.113.77",
    )

    entries = parse(output)
    access = next(e for e in entries if e["logger"] == "alliance_site.requests")
    assert access["request_id"] == "req-42"
    assert access["method"] == "GET"
    assert access["path"] == "/newsletter/confirm/[masked]"
    assert access["status"] == response.status_code == 404
    assert isinstance(access["duration_ms"], float)
    assert access["level"] == "INFO"
    assert access["time"].endswith("Z")
    for secret in (TOKEN, "someone", "example.org", "cookie-value", "bearer-value", "203.0.113"):
        assert secret not in output
    assert "Agent/1.0" not in output


@pytest.mark.django_db
def test_one_click_unsubscribe_tokens_are_masked(client):
    _, output = capture(client, f"/list-unsubscribe/{TOKEN}/")

    assert TOKEN not in output
    assert "/list-unsubscribe/[masked]" in output


# --- Expected rejections: one line each, no traceback; ERROR means a person should look ---


@pytest.mark.django_db
def test_a_not_found_page_is_one_info_line(client):
    """Scanners probe thousands of addresses: each 404 is the request's own line, nothing more."""
    response, output = capture(client, "/wp-login.php")

    assert response.status_code == 404
    [entry] = parse(output)
    assert (entry["level"], entry["status"], entry["path"]) == ("INFO", 404, "/wp-login.php")
    assert "exception" not in entry


@pytest.mark.django_db
def test_a_bad_host_header_is_one_warning_line_without_a_traceback(client):
    response, output = capture(client, "/", HTTP_HOST="scanner.invalid", HTTP_X_REQUEST_ID="r-1")

    assert response.status_code == 400
    [entry] = parse(output)
    assert entry["level"] == "WARNING"
    assert (entry["logger"], entry["request_id"]) == ("alliance_site.requests", "r-1")
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/", 400)
    # What the operator needs: which host was asked for, in case it is one of theirs.
    assert "Invalid HTTP_HOST header: 'scanner.invalid'" in entry["reason"]
    assert "exception" not in entry and "Traceback" not in output


@pytest.mark.django_db
def test_a_csrf_failure_is_one_warning_line_without_a_traceback():
    browser_without_token = Client(enforce_csrf_checks=True)

    response, output = capture(
        browser_without_token,
        "/admin/login/",
        {"username": "someone", "password": "guess"},
        method="post",
    )

    assert response.status_code == 403
    [entry] = parse(output)
    assert (entry["level"], entry["status"], entry["path"]) == ("WARNING", 403, "/admin/login/")
    assert "CSRF" in entry["reason"]
    assert "exception" not in entry and "Traceback" not in output


@pytest.mark.django_db
def test_a_sign_in_lockout_is_one_warning_line_without_the_clients_address(client):
    """django-axes would log every failed try with the client's address; the lockout is one line."""
    get_user_model().objects.create_user("alliance-moderator", password="right", is_staff=True)
    wrong = {"username": "alliance-moderator", "password": "wrong"}
    with override_settings(AXES_ENABLED=True):
        for _ in range(50):
            if client.post("/admin/login/", wrong, REMOTE_ADDR="203.0.113.9").status_code == 429:
                break
        response, output = capture(
            client, "/admin/login/", wrong, method="post", REMOTE_ADDR="203.0.113.9"
        )

    assert response.status_code == 429
    [entry] = parse(output)
    assert (entry["level"], entry["status"], entry["path"]) == ("WARNING", 429, "/admin/login/")
    assert "failed sign-ins" in entry["reason"]
    assert "203.0.113" not in output and "Traceback" not in output


@pytest.mark.django_db
@pytest.mark.urls("tests.test_logging")
def test_a_server_error_is_still_an_error_with_its_traceback(client):
    client.raise_request_exception = False

    response, output = capture(client, "/broken/")

    assert response.status_code == 500
    entries = parse(output)
    [error] = [entry for entry in entries if entry["level"] == "ERROR"]
    assert error["logger"] == "django.request"
    assert "RuntimeError: the template tag divided by zero" in error["exception"]
    assert error["request_id"] == next(e for e in entries if e["status"] == 500)["request_id"]


REPORT_TWO_ERRORS = """
import json, logging, sentry_sdk
from sentry_sdk.transport import Transport
from alliance_site.logging import init_sentry

sent = []

class KeepEvents(Transport):
    def capture_envelope(self, envelope):
        event = envelope.get_event()
        if event:
            sent.append(event.get("logger"))

init_sentry("https://public@127.0.0.1/1", transport=KeepEvents())
logging.getLogger("django.security.DisallowedHost").error("Invalid HTTP_HOST header")
logging.getLogger("newsletter").error("Could not send the confirmation")
sentry_sdk.flush()
print(json.dumps(sent))
"""


def test_suspicious_requests_are_not_reported_to_sentry_as_errors():
    """Sentry reads records before the log's filters: a scanner must page nobody there either."""
    result = subprocess.run(
        [sys.executable, "-c", REPORT_TWO_ERRORS],
        cwd=settings.BASE_DIR,
        env={key: value for key, value in os.environ.items() if not key.startswith("SENTRY_")},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert json.loads(result.stdout.strip().splitlines()[-1]) == ["newsletter"]


def test_health_probes_are_not_logged(client):
    _, output = capture(client, "/healthz/")
    assert output == ""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("/news/early-childhood-report-2024/", "/news/early-childhood-report-2024/"),
        ("/es/noticias/informe-anual/?page=2", "/es/noticias/informe-anual/"),
        (f"/boletin/unsubscribe/{TOKEN}/", "/boletin/unsubscribe/[masked]"),
        (
            "/admin/password_reset/confirm/MQ/set-password/",
            "/admin/password_reset/confirm/[masked]",
        ),
        (f"token {TOKEN} seen", "token [masked] seen"),
        (
            "duplicate key (email)=(ana.maria+news@correo.example.mx)",
            "duplicate key (email)=([email])",
        ),
    ],
)
def test_scrub_keeps_slugs_and_removes_tokens_query_strings_and_addresses(text, expected):
    assert scrub(text) == expected


def test_an_exception_stays_on_one_json_line_without_addresses():
    try:
        raise ValueError("could not subscribe someone@example.org")
    except ValueError:
        record = logging.LogRecord(
            "newsletter", logging.ERROR, __file__, 1, "failed for %s", ("x@y.org",), sys.exc_info()
        )
    line = JsonFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "failed for [email]"
    assert "ValueError: could not subscribe [email]" in entry["exception"]
    assert entry["request_id"] is None


def test_text_logs_are_scrubbed_too():
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "GET /confirm/%s/?e=a@b.org", (TOKEN,), None
    )
    line = TextFormatter().format(record)
    assert TOKEN not in line and "a@b.org" not in line


def run_settings(environment):
    """Loads the test settings in a new process; returns what Sentry was given."""
    script = (
        "import json, django, sentry_sdk\n"
        "django.setup()\n"
        "client = sentry_sdk.get_client()\n"
        "options = client.options if client.is_active() else {}\n"
        "print(json.dumps({'active': client.is_active(),"
        " 'pii': options.get('send_default_pii'),"
        " 'bodies': options.get('max_request_body_size'),"
        " 'environment': options.get('environment'),"
        " 'integrations': sorted(getattr(client, 'integrations', {}))}))\n"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("SENTRY_") and key != "DJANGO_SETTINGS_MODULE"
    }
    env.update(DJANGO_SETTINGS_MODULE="alliance_site.settings.test", **environment)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_dsn_no_error_reporting_is_set_up():
    assert run_settings({})["active"] is False


def test_a_dsn_sets_up_error_reporting_without_personal_data():
    reported = run_settings(
        {"SENTRY_DSN": "https://public@127.0.0.1/1", "SENTRY_ENVIRONMENT": "staging"}
    )

    assert reported["active"] is True
    assert reported["pii"] is False
    assert reported["bodies"] == "never"
    assert reported["environment"] == "staging"
    assert "django" in reported["integrations"]


def test_error_reports_leave_out_cookies_bodies_query_strings_and_users():
    event = {
        "request": {
            "url": f"https://example.org/newsletter/confirm/{TOKEN}/?email=a@b.org",
            "query_string": "email=a@b.org",
            "cookies": {"sessionid": "x"},
            "data": {"email": "a@b.org"},
            "headers": {"Cookie": "sessionid=x", "User-Agent": "Agent/1.0"},
        },
        "user": {"ip_address": "203.0.113.7"},
    }

    sent = sentry_before_send(event, {})

    assert sent["request"] == {
        "url": "https://example.org/newsletter/confirm/[masked]",
        "headers": {"User-Agent": "Agent/1.0"},
    }
    assert "user" not in sent


def test_gunicorn_can_log_through_the_same_formatter():
    logging.config.dictConfig(gunicorn_logconfig_dict())
    try:
        handler = logging.getLogger("gunicorn.error").handlers[0]
        assert isinstance(handler.formatter, JsonFormatter)
    finally:
        logging.config.dictConfig(settings.LOGGING)
