"""Health checks that answer before anything else runs.

Load balancers and orchestrators probe containers by IP address and over
plain HTTP, so neither check depends on ALLOWED_HOSTS, the HTTPS redirect,
sessions or the page tree.

- ``/healthz/`` (liveness): "ok" while the process can answer at all. It never
  touches the database, so a database outage does not get every container
  restarted.
- ``/readyz/`` (readiness): "ready" when the database answers a trivial query;
  otherwise 503 with a short reason, so the load balancer stops sending
  visitors until it recovers. The cache is checked too (a value stored and
  read back), but a cache outage only slows pages down (they are
  rendered uncached), so it is reported in the answer ("ready; degraded:
  …") without failing it: taking every instance out of rotation because
  Redis is down would turn a slow site into no site. While the cache's
  circuit breaker is open (caching/circuit_breaker.py) the check costs no
  network call and logs nothing more: the breaker logged the outage once.

Neither answer is cached by a proxy, and neither says more than which part
failed: exception texts can name hosts and users, so they are only logged,
by class name.
"""

import logging
import uuid

from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse

from caching.circuit_breaker import cache_outage

HEALTH_CHECK_PATH = "/healthz/"
READINESS_CHECK_PATH = "/readyz/"

logger = logging.getLogger("alliance_site.health")


def _plain(text, status=200):
    response = HttpResponse(text, content_type="text/plain; charset=utf-8", status=status)
    response["Cache-Control"] = "no-store"
    return response


def database_is_ready(alias=DEFAULT_DB_ALIAS):
    # Django has already dropped a broken or expired connection at the start of
    # the request (conn_health_checks), so this is a fresh answer.
    connection = connections[alias]
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


class OutageAlreadyLogged(Exception):
    """A failed check whose part has logged its outage once already."""


def cache_is_ready(alias="default"):
    # Some backends (memcached) swallow errors and return None: a round trip
    # of a fresh value is the only proof the cache works.
    cache = caches[alias]
    key = f"readyz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        ready = cache.get(key) == value
    finally:
        cache.delete(key)
    if not ready and cache_outage(alias):
        raise OutageAlreadyLogged
    return ready


# Without these the site cannot serve; without the others it serves slower.
REQUIRED_CHECKS = (("database", database_is_ready),)
DEGRADING_CHECKS = (("cache", cache_is_ready),)


def readiness(checks=REQUIRED_CHECKS):
    """The names of the checks that failed (empty when all passed)."""
    failed = []
    for name, check in checks:
        try:
            ok = check()
        except OutageAlreadyLogged:
            ok = False
        except Exception as error:  # noqa: BLE001 - any failure means "not ready"
            logger.warning("Readiness check failed: %s (%s)", name, type(error).__name__)
            ok = False
        else:
            if not ok:
                logger.warning("Readiness check failed: %s (wrong answer)", name)
        if not ok:
            failed.append(name)
    return failed


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            if request.path == HEALTH_CHECK_PATH:
                return _plain("ok")
            if request.path == READINESS_CHECK_PATH:
                failed = readiness()
                if failed:
                    # Logged with its reason; Django's own line for it is filtered
                    # out (alliance_site.logging.ProbeAnswerFilter).
                    return _plain(" and ".join(failed) + " unavailable", status=503)
                degraded = readiness(DEGRADING_CHECKS)
                if degraded:
                    unavailable = " and ".join(degraded)
                    return _plain(f"ready; degraded: {unavailable} unavailable, serving uncached")
                return _plain("ready")
        return self.get_response(request)
