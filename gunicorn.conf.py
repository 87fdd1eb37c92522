"""How gunicorn serves the site: the image runs `gunicorn -c gunicorn.conf.py alliance_site.wsgi`.

Tuned from the environment, so one image fits every host:

    PORT                 port to listen on, all interfaces (default 8000)
    WEB_CONCURRENCY      worker processes (default 2 x CPUs + 1, at most 8)
    GUNICORN_THREADS     requests each worker serves at once, in threads (default 16)
    GUNICORN_TIMEOUT     seconds a worker may go silent before it is replaced (default 30)
    FORWARDED_ALLOW_IPS  proxies gunicorn believes about X-Forwarded-Proto (gunicorn's own
                         variable; Django already trusts that header through
                         SECURE_PROXY_SSL_HEADER, and client addresses through
                         DJANGO_TRUSTED_PROXY_COUNT)
    DJANGO_LOG_LEVEL     gunicorn's messages, as Django's (default INFO)

Every request is one JSON line on stdout, and so is each of gunicorn's own messages.

Threaded workers (gthread), so probes answer under load. A sync worker serves
one request after another, so a health probe waited in line behind every page
being rendered: under load, or while a dependency made pages slow, /healthz/
went unanswered for seconds and an orchestrator would restart a healthy
container. With threads, a worker takes a request as soon as one of its
threads is free, and its threads share the processor: a probe, a cached page
or a redirect, which need a millisecond of work, finish in milliseconds
beside pages that take a hundred, instead of after them.

What it costs, and why it is still the better default:

- No more throughput. Rendering is Python, and a process runs Python in one
  thread at a time; workers (processes) remain what uses the CPUs.
- More database connections: each thread keeps its own (CONN_MAX_AGE), so an
  instance holds as many as it has served requests at once, up to
  WEB_CONCURRENCY x GUNICORN_THREADS (80 on two CPUs). Count every instance
  and the scheduler against PostgreSQL's max_connections (100 by default),
  and lower GUNICORN_THREADS or raise max_connections to fit.
- `timeout` no longer ends a hung request: the worker's main thread keeps
  telling the master it is alive while a thread waits. Every call that can
  wait has its own limit instead (REDIS_TIMEOUT with the cache's circuit
  breaker, DJANGO_DB_CONNECT_TIMEOUT), and a stuck request ties up one thread
  of the worker, not the worker.
- The code must be thread-safe. Django and Wagtail are; what this site works
  out per request hangs on the request (routing.site_context) or lives in
  context variables (the request id, the content version), and the cache's
  circuit breaker takes a lock.
- Memory: a thread costs a little stack, where another worker would cost
  another hundred-odd MB.

Why sixteen: a worker accepts only as many connections as it has threads,
so a probe waits only when every thread of every worker is busy; the
threads of all workers together should cover the connections the proxy
opens at its busiest. Five workers of sixteen threads (two CPUs) cover 64
at once with some to spare (tools/bench/load_faults.sh, docs/performance.md).

GUNICORN_THREADS=1 with `--worker-class sync` on the command line is the old
behavior, should a library ever prove unsafe in threads.
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

# Threaded workers (see above); the proxy in front buffers slow clients.
worker_class = "gthread"
threads = _positive_int("GUNICORN_THREADS", 16)
# A worker takes no more connections than it has threads. The others wait in
# the listening socket's queue for whichever worker frees a thread first,
# rather than in line inside a busy worker while another one has threads idle.
worker_connections = threads
# A worker whose main loop is silent for `timeout` seconds is killed and
# replaced; on SIGTERM (a deploy, `docker stop`) requests under way get
# `graceful_timeout` to finish, which stays under Docker's default 10 s grace
# before SIGKILL.
timeout = _positive_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 8
# Each connection is closed after its response: an idle kept-alive one would
# hold one of those places. The proxy opens one per request anyway
# (tools/deploy/nginx.conf has no upstream keep-alive).
keepalive = 0

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
