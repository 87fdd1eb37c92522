"""One number that changes whenever published content changes, shared by every instance.

Everything cached from content (whole pages, the site header and footer) is
keyed by this number, so bumping it makes every such entry unreachable at
once on every instance that shares the cache: nothing has to know which
pages list which. Old entries expire by their timeout.

The number lives in the "default" cache. With Redis (REDIS_URL) that cache is
shared by every worker and container; with the local-memory fallback it is
per process, which is why content caching is switched on by default only
where it cannot go stale: with Redis, or in a single-process development
server (settings: CONTENT_CACHE_ENABLED).
"""

import contextvars
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache

CONTENT_VERSION_KEY = "content-version"
# The version read once for the request being served (see one_version_per_request).
_request_version = contextvars.ContextVar("content_version", default=None)


def caching_enabled():
    return getattr(settings, "CONTENT_CACHE_ENABLED", False)


def content_version():
    """The current version, or None when the cache cannot be reached.

    A missing number starts from the clock, never from 1, so a cache that was
    emptied (Redis keeps nothing on disk) cannot revive entries of an old 1.
    """
    version = _request_version.get()
    if version is not None:
        return version
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(CONTENT_VERSION_KEY)
    return version


@contextmanager
def one_version_per_request():
    """Read the version once for a whole request, not once per cached part.

    A page-cache miss asks for twenty-odd shared parts; with Redis each read
    of the version would be a round trip of its own.
    """
    token = _request_version.set(content_version() if caching_enabled() else None)
    try:
        yield
    finally:
        _request_version.reset(token)


def content_changed():
    """Retire everything cached from content, on every instance."""
    # Whatever this request builds from now on belongs to the new version.
    _request_version.set(None)
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # no number yet: the next reader starts a fresh one
        cache.set(CONTENT_VERSION_KEY, time.time_ns(), timeout=None)


def cached_for_content(name, build, timeout=None):
    """`build()`'s result, kept until published content next changes.

    `name` must say everything the result depends on besides content (site,
    language). Builds every time when content caching is off or the cache is
    unreachable, so an outage costs speed, never correctness.
    """
    if not caching_enabled():
        return build()
    version = content_version()
    if version is None:
        return build()
    key = f"content:{version}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout or settings.CONTENT_CACHE_SECONDS)
    return value
