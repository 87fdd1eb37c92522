"""The shared cache (Redis) behind a circuit breaker: an outage costs a request one timeout at most.

django-redis turns a failed cache call into a miss (IGNORE_EXCEPTIONS), but
every call still waits for its own timeout, and a page makes about eighty of
them: a Redis that accepts connections and never answers made each page take
eighty timeouts, until gunicorn killed the worker.

With this client the first call that fails (connection refused or dropped,
no answer within ``SOCKET_TIMEOUT``, or an error reply such as a Redis out of
memory, which django-redis reports the same way) opens the breaker for the
whole process. For the next few seconds (``OUTAGE_RETRY_SECONDS``) every
cache call is a miss at once, without touching the network, so pages are
rendered uncached at their usual speed. Then one call, the probe, goes to
Redis again: if it is answered the breaker closes, otherwise it stays open
for another few seconds. Refused, hung, too slow or flapping: each costs a
request at most one timeout. An answer within the timeout, however slow, is
not an outage: on a busy processor a call's wall time says more about the
other threads than about Redis.

One breaker per Redis server and process, shared by every thread and every
cache alias on that server. The outage is logged once, as a WARNING without
a traceback, when the breaker opens, and once, at INFO, when it closes.
django-redis's own line per ignored call (DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS)
is left off: during an outage it wrote a traceback for every call of every page.
"""

import logging
import threading
import time
from enum import Enum

from django.core.cache import caches

from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

DEFAULT_RETRY_SECONDS = 5.0

logger = logging.getLogger(__name__)

# Errors that mean Redis could not be reached or did not answer in time. The
# client's expiry helpers (ttl, expire, touch…) let them through as they are;
# every other operation wraps them in ConnectionInterrupted.
UNREACHABLE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)


class CacheSkipped(Exception):
    """The cause given for a call the open breaker did not send to Redis."""


class Admission(Enum):
    CLOSED = "closed"  # a call like any other
    PROBE = "probe"  # the one call that tries Redis again during an outage


class CircuitBreaker:
    """Whether to send a call to one Redis server, for every thread of this process."""

    def __init__(self, retry_seconds=DEFAULT_RETRY_SECONDS, clock=time.monotonic):
        self.retry_seconds = retry_seconds
        self.clock = clock
        self._lock = threading.Lock()
        self._outage_began = None  # when the breaker opened; None while closed
        self._retry_at = 0.0
        self._probe_in_flight = False

    @property
    def is_open(self):
        return self._outage_began is not None

    def admit(self):
        """How a call may go to Redis now, or None when it must be skipped."""
        with self._lock:
            if self._outage_began is None:
                return Admission.CLOSED
            if self._probe_in_flight or self.clock() < self._retry_at:
                return None
            # Only one probe at a time: the other threads keep skipping
            # Redis instead of all waiting for the same timeout.
            self._probe_in_flight = True
            return Admission.PROBE

    def answered(self, admission):
        """Redis answered a call; the probe's answer ends the outage."""
        if admission is not Admission.PROBE:
            # An answer to a call sent before the breaker opened proves
            # nothing about now.
            return
        with self._lock:
            began, self._outage_began = self._outage_began, None
            self._probe_in_flight = False
        if began is not None:
            logger.info(
                "Shared cache reachable again after %.0f s: caching pages again",
                self.clock() - began,
            )

    def abandoned(self, admission):
        """A call ended without a verdict (the worker is stopping): let another probe."""
        if admission is Admission.PROBE:
            with self._lock:
                self._probe_in_flight = False

    def failed(self, admission, error):
        """A call went unanswered: open the breaker, or keep it open."""
        with self._lock:
            opening = self._outage_began is None
            if opening:
                self._outage_began = self.clock()
            if opening or admission is Admission.PROBE:
                self._retry_at = self.clock() + self.retry_seconds
                self._probe_in_flight = False
        if opening:
            # The error's class only: its text can name the server's address.
            logger.warning(
                "Shared cache unreachable (%s): serving pages uncached, trying again every %g s",
                type(error).__name__,
                self.retry_seconds,
            )


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(server, retry_seconds=DEFAULT_RETRY_SECONDS):
    """The process's breaker for a Redis server (a URL, or a list of them)."""
    if not isinstance(server, str):
        server = ",".join(server)
    with _breakers_lock:
        key = (server, float(retry_seconds))
        if key not in _breakers:
            _breakers[key] = CircuitBreaker(retry_seconds)
        return _breakers[key]


# A call made inside another (add calls set, incr_version calls get) belongs
# to the outer call, which the breaker has already admitted.
_calls_under_way = threading.local()


class CircuitBreakerClient(DefaultClient):
    """django-redis's client, with every cache operation going through the server's breaker.

    Set it as ``OPTIONS["CLIENT_CLASS"]`` of a ``django_redis.cache.RedisCache``
    with ``IGNORE_EXCEPTIONS`` on: a call the breaker skips, or one that fails,
    raises ConnectionInterrupted, which the backend turns into a miss (the
    default, ``{}``, or None). ``OPTIONS["OUTAGE_RETRY_SECONDS"]`` (default 5)
    is how long an outage skips Redis before the next probe.
    """

    def __init__(self, server, params, backend):
        super().__init__(server, params, backend)
        retry_seconds = params.get("OPTIONS", {}).get("OUTAGE_RETRY_SECONDS", DEFAULT_RETRY_SECONDS)
        self.breaker = breaker_for(server, retry_seconds)

    def through_breaker(self, operation, *args, **kwargs):
        if getattr(_calls_under_way, "depth", 0):
            return operation(*args, **kwargs)
        admission = self.breaker.admit()
        if admission is None:
            raise ConnectionInterrupted(connection=None) from CacheSkipped("outage")
        _calls_under_way.depth = 1
        try:
            result = operation(*args, **kwargs)
        except ConnectionInterrupted as interrupted:
            self.breaker.failed(admission, interrupted.__cause__ or interrupted)
            raise
        except UNREACHABLE_ERRORS as error:
            self.breaker.failed(admission, error)
            raise ConnectionInterrupted(connection=None) from error
        except Exception:
            # Anything else (a missing key for incr, a value that cannot be
            # pickled) came from this side: Redis itself was fine.
            self.breaker.answered(admission)
            raise
        except BaseException:
            self.breaker.abandoned(admission)
            raise
        finally:
            _calls_under_way.depth = 0
        self.breaker.answered(admission)
        return result

    # Django's cache API, and django-redis's expiry and key helpers.
    def get(self, *args, **kwargs):
        return self.through_breaker(super().get, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self.through_breaker(super().get_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self.through_breaker(super().has_key, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self.through_breaker(super().set, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self.through_breaker(super().set_many, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self.through_breaker(super().add, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self.through_breaker(super().touch, *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self.through_breaker(super().incr, *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self.through_breaker(super().decr, *args, **kwargs)

    def incr_version(self, *args, **kwargs):
        return self.through_breaker(super().incr_version, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self.through_breaker(super().delete, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self.through_breaker(super().delete_many, *args, **kwargs)

    def delete_pattern(self, *args, **kwargs):
        return self.through_breaker(super().delete_pattern, *args, **kwargs)

    def clear(self, *args, **kwargs):
        return self.through_breaker(super().clear, *args, **kwargs)

    def keys(self, *args, **kwargs):
        return self.through_breaker(super().keys, *args, **kwargs)

    def ttl(self, *args, **kwargs):
        return self.through_breaker(super().ttl, *args, **kwargs)

    def pttl(self, *args, **kwargs):
        return self.through_breaker(super().pttl, *args, **kwargs)

    def expire(self, *args, **kwargs):
        return self.through_breaker(super().expire, *args, **kwargs)

    def expire_at(self, *args, **kwargs):
        return self.through_breaker(super().expire_at, *args, **kwargs)

    def persist(self, *args, **kwargs):
        return self.through_breaker(super().persist, *args, **kwargs)


def cache_outage(alias="default"):
    """Whether this process is skipping the cache ``alias`` after an outage (already logged)."""
    breaker = getattr(getattr(caches[alias], "client", None), "breaker", None)
    return breaker is not None and breaker.is_open
