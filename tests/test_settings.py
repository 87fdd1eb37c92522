"""Settings operators rely on: production refuses to start half-configured; defaults are safe."""

import json
import re
from io import StringIO

from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from tests.processes import PRODUCTION_VALUES, ROOT, run_python

REQUIRED = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")
IMPORT_PRODUCTION = "import alliance_site.settings.production"


def configuration_error(result):
    """The message of the ImproperlyConfigured error the import ended with."""
    assert result.returncode != 0, result.stdout
    last_line = result.stderr.strip().splitlines()[-1]
    prefix = "django.core.exceptions.ImproperlyConfigured:"
    assert last_line.startswith(prefix), result.stderr
    return last_line[len(prefix) :]


def first_line_logged(result):
    """What an operator reads first in the log of a start that failed."""
    assert result.returncode != 0, result.stdout
    return result.stderr.splitlines()[0]


@pytest.mark.parametrize(
    "missing",
    [
        REQUIRED,
        ("DJANGO_SECRET_KEY",),
        ("DJANGO_ALLOWED_HOSTS",),
        ("DATABASE_URL",),
        ("DJANGO_SECRET_KEY", "DATABASE_URL"),
    ],
    ids=lambda missing: "+".join(missing),
)
def test_production_refuses_to_start_and_names_each_missing_variable(missing):
    """An operator who forgets variables is told exactly which ones, and only those, are missing."""
    present = {name: value for name, value in PRODUCTION_VALUES.items() if name not in missing}

    message = configuration_error(run_python(IMPORT_PRODUCTION, **present))

    for name in REQUIRED:
        assert (name in message) == (name in missing), message


def test_production_treats_a_blank_variable_as_missing():
    """A variable set to spaces is as good as missing, and the error says so."""
    message = configuration_error(
        run_python(IMPORT_PRODUCTION, **{**PRODUCTION_VALUES, "DJANGO_SECRET_KEY": "   "})
    )

    assert "DJANGO_SECRET_KEY" in message
    assert "DATABASE_URL" not in message


def test_production_starts_when_every_variable_is_set():
    """With all three variables set, production settings load."""
    result = run_python(IMPORT_PRODUCTION, **PRODUCTION_VALUES)

    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_in_debug_mode():
    """Debug pages show visitors code and settings: an operator who asks for them is stopped."""
    message = configuration_error(
        run_python(IMPORT_PRODUCTION, **PRODUCTION_VALUES, DJANGO_DEBUG="true")
    )

    assert "DJANGO_DEBUG is on" in message
    assert "DJANGO_SECRET_KEY" not in message


@pytest.mark.parametrize(
    "weak_key",
    ["a-short-secret", "a" * 64, "django-insecure-" + "x1y2z3w4v5" * 5],
    ids=["short", "one-character", "django-insecure"],
)
def test_production_refuses_a_guessable_secret_key_and_says_how_to_make_one(weak_key):
    message = configuration_error(
        run_python(IMPORT_PRODUCTION, **{**PRODUCTION_VALUES, "DJANGO_SECRET_KEY": weak_key})
    )

    assert "DJANGO_SECRET_KEY must be a random value of at least 50 characters" in message
    assert "secrets.token_urlsafe" in message


def test_a_mistyped_number_stops_start_up_naming_the_variable():
    result = run_python(IMPORT_PRODUCTION, **PRODUCTION_VALUES, DJANGO_SECURE_HSTS_SECONDS="1 year")

    assert "DJANGO_SECURE_HSTS_SECONDS must be a whole number" in configuration_error(result)
    assert "DJANGO_SECURE_HSTS_SECONDS" in first_line_logged(result)


def test_the_first_line_a_failed_start_logs_names_the_missing_variable():
    """Not the last of a long traceback: the line an operator reads first."""
    present = {k: v for k, v in PRODUCTION_VALUES.items() if k != "DATABASE_URL"}

    first_line = first_line_logged(run_python(IMPORT_PRODUCTION, **present))

    assert first_line.startswith("Production settings refuse to start:")
    assert "DATABASE_URL" in first_line


# --- Outgoing mail: configured, or switched off on purpose ---

MAIL_VARIABLES = ("DJANGO_EMAIL_HOST", "WAGTAILADMIN_BASE_URL")
SETTINGS_MODULE = {"DJANGO_SETTINGS_MODULE": "alliance_site.settings.production"}
WITHOUT_MAIL = {k: v for k, v in PRODUCTION_VALUES.items() if k not in MAIL_VARIABLES}
SHOW_MAIL = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'disabled': s.EMAIL_DISABLED, 'backend': s.EMAIL_BACKEND, 'host': s.EMAIL_HOST, "
    "'admin': s.WAGTAILADMIN_BASE_URL}))"
)


@pytest.mark.parametrize("missing", [MAIL_VARIABLES, *((name,) for name in MAIL_VARIABLES)])
def test_production_without_mail_settings_refuses_to_start_and_says_so_first(missing):
    """Following the docs without mail used to start, and every e-mail then failed unseen."""
    present = {k: v for k, v in PRODUCTION_VALUES.items() if k not in missing}

    result = run_python(IMPORT_PRODUCTION, **present)

    for name in MAIL_VARIABLES:
        assert (name in first_line_logged(result)) == (name in missing), result.stderr
        assert (name in configuration_error(result)) == (name in missing)
    assert "DJANGO_EMAIL_DISABLED=true" in first_line_logged(result)


def test_production_starts_without_mail_when_it_is_switched_off_on_purpose():
    result = run_python(SHOW_MAIL, **WITHOUT_MAIL, **SETTINGS_MODULE, DJANGO_EMAIL_DISABLED="true")

    assert result.returncode == 0, result.stderr
    mail = json.loads(result.stdout)
    assert mail["disabled"] is True
    # Nothing is sent, and nothing tries an SMTP server on localhost and fails.
    assert mail["backend"] == "django.core.mail.backends.dummy.EmailBackend"


def test_production_with_mail_settings_sends_through_them():
    result = run_python(
        SHOW_MAIL,
        **SETTINGS_MODULE,
        **{**PRODUCTION_VALUES, "WAGTAILADMIN_BASE_URL": "https://learningalliance.example/"},
    )

    assert result.returncode == 0, result.stderr
    mail = json.loads(result.stdout)
    assert mail["disabled"] is False
    assert mail["backend"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mail["host"] == PRODUCTION_VALUES["DJANGO_EMAIL_HOST"]
    # Review e-mails join it to /admin/...: no double slash.
    assert mail["admin"] == "https://learningalliance.example"


def documented_prod_env():
    """The variables of the example prod.env in docs/deployment.md, placeholders filled in."""
    guide = (ROOT / "docs" / "deployment.md").read_text()
    block = guide[guide.index("# prod.env") :].split("\n\n", 1)[0]
    values = dict(re.findall(r"^#\s+([A-Z][A-Z0-9_]+)=(\S+)", block, flags=re.MULTILINE))
    values["DJANGO_SECRET_KEY"] = PRODUCTION_VALUES["DJANGO_SECRET_KEY"]
    return {name: value for name, value in values.items() if not value.startswith("<")}


def test_the_documented_prod_env_is_complete():
    """An operator who copies docs/deployment.md's prod.env gets a site that starts and mails."""
    values = documented_prod_env()

    result = run_python(SHOW_MAIL, **SETTINGS_MODULE, **values)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["disabled"] is False
    assert {*REQUIRED, *MAIL_VARIABLES, "DJANGO_TRUSTED_PROXY_COUNT"} <= set(values)


def dashboard_text(client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    staff = get_user_model().objects.create_superuser("alliance-moderator", password="x-long-1")
    client.force_login(staff)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


@pytest.mark.django_db
def test_staff_are_told_on_the_dashboard_when_e_mail_is_off(client, settings):
    settings.EMAIL_DISABLED = True

    text = dashboard_text(client)

    assert "E-mail is off" in text
    assert "nobody receives review notifications, newsletter confirmations" in text


@pytest.mark.django_db
def test_the_dashboard_says_nothing_about_e_mail_when_it_works(client):
    assert "E-mail is off" not in dashboard_text(client)


@pytest.mark.parametrize("address", ["learningalliance.example", "ftp://learningalliance.example"])
def test_production_refuses_an_admin_address_e_mails_could_not_link_to(address):
    result = run_python(
        IMPORT_PRODUCTION, **{**PRODUCTION_VALUES, "WAGTAILADMIN_BASE_URL": address}
    )

    assert "WAGTAILADMIN_BASE_URL must be the admin's full address" in first_line_logged(result)


def test_check_deploy_finds_nothing_to_report_in_production():
    """Django's deployment checklist, run as an operator would, is silent."""
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'DEBUG'])",
        **PRODUCTION_VALUES,
        DJANGO_SETTINGS_MODULE="alliance_site.settings.production",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_cookies_are_secure():
    """Cookies need HTTPS and stay away from scripts; the settings are the environment's."""
    code = (
        f"{IMPORT_PRODUCTION} as s, json; "
        "print(json.dumps({name: getattr(s, name) for name in "
        "['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY',"
        " 'SECRET_KEY', 'ALLOWED_HOSTS']}))"
    )
    result = run_python(code, **PRODUCTION_VALUES)

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECRET_KEY"] == PRODUCTION_VALUES["DJANGO_SECRET_KEY"]
    assert values["ALLOWED_HOSTS"] == PRODUCTION_VALUES["DJANGO_ALLOWED_HOSTS"].split(",")


def test_base_settings_are_secure_by_default():
    """Settings shared by every environment start with debugging off and cookies HTTPS-only."""
    from alliance_site.settings import base

    assert base.DEBUG is False
    assert base.SESSION_COOKIE_SECURE is True
    assert base.CSRF_COOKIE_SECURE is True


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """Every model change has a migration, so deploying never meets an unmigrated model."""
    output = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit as exit_:
        pytest.fail(f"makemigrations found changes (exit {exit_.code}):\n{output.getvalue()}")


# --- Caching and connections for many instances ---

SHOW_CACHING = (
    "import json, alliance_site.settings.production as s; print(json.dumps({"
    "'backend': s.CACHES['default']['BACKEND'], "
    "'renditions': s.CACHES['renditions']['BACKEND'], "
    "'ignore_exceptions': s.CACHES['default'].get('OPTIONS', {}).get('IGNORE_EXCEPTIONS'), "
    "'content_cache': s.CONTENT_CACHE_ENABLED, 'sessions': s.SESSION_ENGINE, "
    "'conn_max_age': s.DATABASES['default']['CONN_MAX_AGE'], "
    "'health_checks': s.DATABASES['default']['CONN_HEALTH_CHECKS']}))"
)


def caching_settings(**environment):
    environment = {"REDIS_URL": "", **PRODUCTION_VALUES, **environment}
    result = run_python(SHOW_CACHING, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_with_redis_every_instance_shares_one_cache_that_an_outage_cannot_break():
    found = caching_settings(REDIS_URL="redis://cache.internal:6379/0")

    assert found["backend"] == found["renditions"] == "django_redis.cache.RedisCache"
    assert found["ignore_exceptions"] is True
    assert found["content_cache"] is True
    # Editors' sign-ins survive a cache flush and are seen by every instance.
    assert found["sessions"] == "django.contrib.sessions.backends.db"


def test_without_redis_pages_are_not_cached_whole_since_each_process_would_go_stale():
    found = caching_settings()

    assert found["backend"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["content_cache"] is False
    assert caching_settings(DJANGO_CONTENT_CACHE="on")["content_cache"] is True


def test_database_connections_persist_and_are_checked_before_reuse():
    found = caching_settings()
    assert (found["conn_max_age"], found["health_checks"]) == (60, True)
    assert caching_settings(DJANGO_DB_CONN_MAX_AGE="0")["conn_max_age"] == 0
