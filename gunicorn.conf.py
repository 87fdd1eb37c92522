"""How gunicorn serves the site: the image runs `gunicorn -c gunicorn.conf.py alliance_site.wsgi`.

Tuned from the environment, so one image fits every host:

    PORT                 port to listen on, all interfaces (default 8000)
    WEB_CONCURRENCY      worker processes (default 2 x CPUs + 1, at most 8)
    GUNICORN_TIMEOUT     seconds a request may take before its worker is replaced (default 30)
    FORWARDED_ALLOW_IPS  proxies gunicorn believes about X-Forwarded-Proto (gunicorn's own
                         variable; Django already trusts that header through
                         SECURE_PROXY_SSL_HEADER, and client addresses through
                         DJANGO_TRUSTED_PROXY_COUNT)
    DJANGO_LOG_LEVEL     gunicorn's messages, as Django's (default INFO)

Every request is one JSON line on stdout, and so is each of gunicorn's own messages.
"""

import os
import sys

# Gunicorn reads this file before it puts the project on the import path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from alliance_site.logging import gunicorn_logconfig_dict  # noqa: E402


def _positive_int(name, default):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError(f"{name} must be a whole number of 1 or more, not {raw!r}")
    return value


def _cpu_count():
    # The CPUs this process may run on, which a container's cpuset can limit.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# A Wagtail worker holds a hundred-odd MB, so the CPU rule of thumb is capped:
# a big host should be told WEB_CONCURRENCY rather than fill its memory.
DEFAULT_WORKERS = min(2 * _cpu_count() + 1, 8)

bind = f"0.0.0.0:{_positive_int('PORT', 8000)}"
workers = _positive_int("WEB_CONCURRENCY", DEFAULT_WORKERS)

# Sync workers: the proxy in front buffers slow clients. A request still
# running after `timeout` seconds gets its worker killed and replaced; on
# SIGTERM (a deploy, `docker stop`) requests under way get `graceful_timeout`
# to finish, which stays under Docker's default 10 s grace before SIGKILL.
timeout = _positive_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 8
# Only used by threaded or async workers; the sync worker closes each connection.
keepalive = 5

# Replace each worker after about a thousand requests, staggered so they are
# never all restarting at once, to cap any slow memory growth.
max_requests = 1000
max_requests_jitter = 100

# Import the application once in the master: a missing secret stops the
# container at start with Django's message instead of workers failing in a
# loop, and workers share the imported code's memory.
preload_app = True

# The heartbeat file lives in memory: a container's /tmp may be an overlay
# layer whose writes can stall, and gunicorn would take a stall for a hang.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Gunicorn's control socket (gunicornc) is for hosts that manage it by hand;
# a container is managed by signals, and its user has no home to put it in.
control_socket_disable = True

# Gunicorn 27 sends "Server: gunicorn" with no version (older releases sent
# "gunicorn/<version>"); tests/test_container.py checks it stays that way.

# One JSON object per line on stdout, gunicorn's own lines (start, workers,
# timeouts) in the same shape as the site's (alliance_site/logging.py). The
# access log is the site's: RequestIdMiddleware writes one line per request
# with its id, method, path, status and duration, and no client address,
# query string, cookie or header; health checks are not logged. Gunicorn's
# own access log, which would carry addresses and query strings, stays off.
accesslog = None
logconfig_dict = gunicorn_logconfig_dict(os.environ.get("DJANGO_LOG_LEVEL", "INFO"))
