"""A Redis outage of any kind, as visitors, load balancers and operators see it.

A Redis that refuses connections, accepts them and never answers, or comes
and goes, costs a page at most one short timeout: then the process skips the
cache for a few seconds and serves pages uncached. /readyz/ stays ready but
says the cache is degraded, the log says so once per outage, and once more
when Redis is back (caching/circuit_breaker.py).

The Redis here is a small socket server of the test's own: while "hung" it
reads what it is sent and never answers; while "answering" it passes
everything to the machine's Redis (TEST_REDIS_URL, database 3 by default,
under a key prefix of this run's own, deleted afterwards).
"""

import json
import logging
import os
import socket
import threading
import time
import urllib.parse
import uuid

from django.core.cache import caches
from django.test import override_settings

import pytest
import redis

from caching.circuit_breaker import Admission, CircuitBreaker
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_news_index,
    make_site,
)
from tests.processes import PRODUCTION_VALUES, free_port, run_python

HOST = "localhost"
TIMEOUT = 0.2  # REDIS_TIMEOUT, kept short so the tests are quick
REAL_REDIS = urllib.parse.urlsplit(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3"))
KEY_PREFIX = f"cache-outage-test-{uuid.uuid4().hex[:12]}"
BREAKER_LOGGER = "caching.circuit_breaker"
DEGRADED = b"ready; degraded: cache unavailable, serving uncached"


class FakeRedis:
    """A server on a loopback port that either hangs or passes the talk on to a real Redis."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.hung = True
        self.lock = threading.Lock()
        # Connections that sent a command while the server was hung: each is
        # one call that waited for its whole timeout.
        self.unanswered = 0
        self.open_sockets = [self.listener]
        threading.Thread(target=self.accept, daemon=True).start()

    @property
    def location(self):
        return f"redis://127.0.0.1:{self.port}{REAL_REDIS.path or '/0'}"

    def hang(self):
        self.hung = True

    def answer(self):
        self.hung = False

    def accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed at the end of the test
                return
            self.open_sockets.append(connection)
            threading.Thread(target=self.serve, args=(connection,), daemon=True).start()

    def serve(self, connection):
        upstream = None
        counted = False
        try:
            while data := connection.recv(65536):
                if self.hung:
                    if not counted:
                        counted = True
                        with self.lock:
                            self.unanswered += 1
                    continue
                if upstream is None:
                    upstream = socket.create_connection((REAL_REDIS.hostname, REAL_REDIS.port))
                    self.open_sockets.append(upstream)
                    threading.Thread(
                        target=self.relay, args=(upstream, connection), daemon=True
                    ).start()
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            connection.close()
            if upstream is not None:
                upstream.close()

    def relay(self, source, destination):
        try:
            while data := source.recv(65536):
                destination.sendall(data)
        except OSError:
            pass

    def close(self):
        for sock in self.open_sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()


def redis_caches(location, retry_seconds):
    """The production settings' caches (alliance_site/settings/base.py), at `location`."""
    return {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"{KEY_PREFIX}:{alias}",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "CLIENT_CLASS": "caching.circuit_breaker.CircuitBreakerClient",
                "OUTAGE_RETRY_SECONDS": retry_seconds,
                "SOCKET_CONNECT_TIMEOUT": TIMEOUT,
                "SOCKET_TIMEOUT": TIMEOUT,
            },
        }
        for alias in ("default", "renditions")
    }


@pytest.fixture
def fake_redis():
    server = FakeRedis()
    yield server
    server.close()
    real = redis.Redis.from_url(urllib.parse.urlunsplit(REAL_REDIS))
    keys = list(real.scan_iter(match=f"*{KEY_PREFIX}*", count=1000))
    if keys:
        real.delete(*keys)


@pytest.fixture
def refused_location():
    """A Redis address where nothing listens."""
    return f"redis://127.0.0.1:{free_port()}/0"


def build_site():
    content_locales()
    site = make_site(HOST, name="Outage Test Alliance")
    news = make_news_index(site.root_page, title="News", slug="news")
    make_article(news, title="Still readable during the outage")
    return news


news_for_the_module = built_once_per_module(build_site)


@pytest.fixture
def news(news_for_the_module, settings):
    # As in production with Redis: whole pages and shared parts are cached.
    settings.CONTENT_CACHE_ENABLED = True
    return fresh_copies(news_for_the_module)


def visit(client, page):
    return client.get(page.get_url_parts()[2], HTTP_HOST=HOST)


def breaker_lines(caplog, level):
    return [
        record
        for record in caplog.records
        if record.name == BREAKER_LOGGER and record.levelno == level
    ]


def assert_pages_served_uncached(client, news, visits=3):
    for _ in range(visits):
        response = visit(client, news)
        assert response.status_code == 200
        assert b"Still readable during the outage" in response.content
        assert "X-Page-Cache" not in response


# --- a Redis that accepts connections and never answers ----------------------------------


@pytest.mark.django_db
def test_a_hung_redis_costs_one_timeout_then_pages_skip_it(client, news, fake_redis, caplog):
    with override_settings(CACHES=redis_caches(fake_redis.location, retry_seconds=60)):
        with caplog.at_level(logging.INFO):
            assert_pages_served_uncached(client, news)
            readiness = client.get("/readyz/")
            assert_pages_served_uncached(client, news)
            again = client.get("/readyz/")

    # One call waited for its timeout; every later one, in every request and
    # both probes, skipped Redis while the breaker stayed open.
    assert fake_redis.unanswered == 1
    assert (readiness.status_code, readiness.content) == (200, DEGRADED)
    assert (again.status_code, again.content) == (200, DEGRADED)
    # One line for the whole outage, without a traceback, and nothing else
    # above INFO: no line per call from django-redis, none per probe.
    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.name for record in warnings] == [BREAKER_LOGGER]
    assert warnings[0].exc_info is None
    assert "TimeoutError" in warnings[0].getMessage()
    assert str(fake_redis.port) not in warnings[0].getMessage()


@pytest.mark.django_db
def test_redis_coming_back_closes_the_breaker_and_says_so_once(client, news, fake_redis, caplog):
    with override_settings(CACHES=redis_caches(fake_redis.location, retry_seconds=1)):
        with caplog.at_level(logging.INFO):
            assert_pages_served_uncached(client, news, visits=2)
            assert client.get("/readyz/").content == DEGRADED

            fake_redis.answer()
            time.sleep(1.1)  # past the retry delay: the next call probes Redis
            readiness = client.get("/readyz/")
            first, second = visit(client, news), visit(client, news)
            later = client.get("/readyz/")

    assert (readiness.status_code, readiness.content) == (200, b"ready")
    assert later.content == b"ready"
    # Pages are cached again.
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert len(breaker_lines(caplog, logging.WARNING)) == 1
    recoveries = breaker_lines(caplog, logging.INFO)
    assert len(recoveries) == 1
    assert "reachable again" in recoveries[0].getMessage()


# --- a Redis that refuses connections ----------------------------------------------------


@pytest.mark.django_db
def test_a_refused_connection_is_logged_once_and_pages_are_served(
    client, news, refused_location, caplog
):
    with override_settings(CACHES=redis_caches(refused_location, retry_seconds=60)):
        with caplog.at_level(logging.INFO):
            assert_pages_served_uncached(client, news)
            readiness = client.get("/readyz/")
            assert_pages_served_uncached(client, news)

    assert (readiness.status_code, readiness.content) == (200, DEGRADED)
    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.name for record in warnings] == [BREAKER_LOGGER]
    assert "ConnectionError" in warnings[0].getMessage()
    assert warnings[0].exc_info is None


# --- a Redis that comes and goes ---------------------------------------------------------


def test_a_flapping_redis_costs_one_timeout_and_one_warning_per_outage(fake_redis, caplog):
    outages = 3
    with override_settings(CACHES=redis_caches(fake_redis.location, retry_seconds=1)):
        cache = caches["default"]
        with caplog.at_level(logging.INFO):
            for _ in range(outages):
                fake_redis.answer()
                time.sleep(1.1)  # past the retry delay of the previous outage
                cache.set("flapping", "value")
                assert cache.get("flapping") == "value"

                fake_redis.hang()
                # The first call waits for its timeout; the rest are misses at once.
                assert [cache.get("flapping") for _ in range(20)] == [None] * 20
                assert cache.get_many(["flapping"]) == {}
                cache.set("flapping", "lost")

    assert fake_redis.unanswered == outages
    assert len(breaker_lines(caplog, logging.WARNING)) == outages
    # Each outage but the last has ended.
    assert len(breaker_lines(caplog, logging.INFO)) == outages - 1


# --- the breaker itself ------------------------------------------------------------------


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_an_open_breaker_lets_one_probe_through_at_a_time_across_threads(caplog):
    clock = Clock()
    breaker = CircuitBreaker(retry_seconds=5, clock=clock)
    failure = TimeoutError("no answer")

    def in_threads(action, count=16):
        results = []
        start = threading.Barrier(count)

        def run():
            start.wait()
            results.append(action())

        threads = [threading.Thread(target=run) for _ in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results

    with caplog.at_level(logging.INFO, logger=BREAKER_LOGGER):
        # Sixteen requests time out together: one warning.
        in_threads(lambda: breaker.failed(Admission.CLOSED, failure))
        assert breaker.is_open
        assert set(in_threads(breaker.admit)) == {None}  # before the retry delay

        clock.now += 5
        admitted = in_threads(breaker.admit)
        assert admitted.count(Admission.PROBE) == 1
        assert admitted.count(None) == 15

        breaker.failed(Admission.PROBE, failure)  # still down: five more seconds
        assert breaker.admit() is None
        clock.now += 5
        probe = breaker.admit()
        breaker.answered(Admission.CLOSED)  # a call sent before the outage proves nothing
        assert breaker.is_open
        breaker.answered(probe)

    assert not breaker.is_open
    assert set(in_threads(breaker.admit)) == {Admission.CLOSED}
    assert [record.levelname for record in caplog.records] == ["WARNING", "INFO"]
    assert "after 10 s" in caplog.records[1].getMessage()


# --- the production settings -------------------------------------------------------------


def test_production_with_redis_uses_the_breaker_and_logs_no_line_per_ignored_call():
    code = (
        "import json, alliance_site.settings.production as s; print(json.dumps({"
        "'options': [s.CACHES[alias]['OPTIONS'] for alias in ('default', 'renditions')], "
        "'log_each_call': s.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS}))"
    )
    environment = {**PRODUCTION_VALUES, "REDIS_URL": "redis://cache.internal:6379/0"}
    default = run_python(code, **environment)
    tuned = run_python(code, **environment, DJANGO_CACHE_RETRY_SECONDS="2", REDIS_TIMEOUT="0.25")
    assert default.returncode == 0, default.stderr
    assert tuned.returncode == 0, tuned.stderr

    found = json.loads(default.stdout)
    for options in found["options"]:
        assert options["CLIENT_CLASS"] == "caching.circuit_breaker.CircuitBreakerClient"
        assert options["IGNORE_EXCEPTIONS"] is True
        assert (options["OUTAGE_RETRY_SECONDS"], options["SOCKET_TIMEOUT"]) == (5.0, 0.5)
    assert found["log_each_call"] is False
    options = json.loads(tuned.stdout)["options"][0]
    assert (options["OUTAGE_RETRY_SECONDS"], options["SOCKET_TIMEOUT"]) == (2.0, 0.25)
