"""Settings operators rely on: production refuses to start half-configured; defaults are safe."""

import json
from io import StringIO

from django.core.management import call_command

import pytest

from tests.processes import PRODUCTION_VALUES, run_python

REQUIRED = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")
IMPORT_PRODUCTION = "import alliance_site.settings.production"


def configuration_error(result):
    """The message of the ImproperlyConfigured error the import ended with."""
    assert result.returncode != 0, result.stdout
    last_line = result.stderr.strip().splitlines()[-1]
    prefix = "django.core.exceptions.ImproperlyConfigured:"
    assert last_line.startswith(prefix), result.stderr
    return last_line[len(prefix) :]


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
    message = configuration_error(
        run_python(IMPORT_PRODUCTION, **PRODUCTION_VALUES, DJANGO_SECURE_HSTS_SECONDS="1 year")
    )

    assert "DJANGO_SECURE_HSTS_SECONDS must be a whole number" in message


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
