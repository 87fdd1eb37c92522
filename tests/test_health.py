"""Liveness (/healthz/) and readiness (/readyz/) probes, as a load balancer sees them."""

import logging

from django.core.cache.backends.base import BaseCache
from django.db.utils import ConnectionHandler
from django.test import override_settings

import pytest

from alliance_site import health

SECRET = "s3cret-db-password"


class BrokenCache(BaseCache):
    """A cache whose server cannot be reached."""

    def __init__(self, location, params):
        super().__init__(params)

    def set(self, *args, **kwargs):
        raise ConnectionRefusedError("cache server at 10.0.0.9:6379 refused the connection")

    get = delete = set


@pytest.fixture
def database_down(monkeypatch, django_db_blocker):
    """The readiness check talks to a PostgreSQL server on a port nobody listens on."""
    unreachable = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "alliance",
                "USER": "alliance",
                "PASSWORD": SECRET,
                "HOST": "127.0.0.1",
                "PORT": "1",
                "OPTIONS": {"connect_timeout": 1},
            }
        }
    )
    monkeypatch.setattr(health, "connections", unreachable)
    with django_db_blocker.unblock():  # only this unreachable server is reached
        yield
    unreachable.close_all()


def test_liveness_answers_without_the_database(client):
    """No database access is allowed here: /healthz/ must not need it."""
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["example.org"])
def test_readiness_answers_a_probe_by_ip_over_http_when_database_and_cache_work(client):
    for method in (client.get, client.head):
        response = method("/readyz/", HTTP_HOST="10.0.0.5:8000")

        assert response.status_code == 200
        assert response["Cache-Control"] == "no-store"
    assert client.get("/readyz/", HTTP_HOST="10.0.0.5:8000").content == b"ready"


def test_readiness_fails_when_the_database_is_down(client, database_down, caplog):
    with caplog.at_level(logging.WARNING, logger="alliance_site.health"):
        response = client.get("/readyz/")

    assert response.status_code == 503
    assert response.content == b"database unavailable"
    assert response["Cache-Control"] == "no-store"
    # Neither the answer nor the log gives away how the database is reached.
    assert "OperationalError" in caplog.text
    for secret in (SECRET, "127.0.0.1", "alliance"):
        assert secret not in caplog.text.replace("alliance_site", "")
        assert secret.encode() not in response.content


@pytest.mark.django_db
@override_settings(CACHES={"default": {"BACKEND": "tests.test_health.BrokenCache"}})
def test_an_unreachable_cache_keeps_the_instance_in_rotation_and_says_so(client):
    """Pages are rendered uncached while the cache is down: slower, not gone."""
    response = client.get("/readyz/")

    assert response.status_code == 200
    assert response.content == b"ready; degraded: cache unavailable, serving uncached"
    assert b"10.0.0.9" not in response.content


@pytest.mark.django_db
@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_a_cache_that_silently_loses_what_it_stores_is_reported(client):
    response = client.get("/readyz/")

    assert response.status_code == 200
    assert b"cache unavailable" in response.content


@override_settings(CACHES={"default": {"BACKEND": "tests.test_health.BrokenCache"}})
def test_readiness_fails_on_the_database_alone_when_both_are_down(client, database_down):
    response = client.get("/readyz/")

    assert response.status_code == 503
    assert response.content == b"database unavailable"


def test_liveness_still_answers_while_the_database_is_down(client, database_down):
    assert client.get("/healthz/").status_code == 200
