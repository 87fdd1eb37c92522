"""Structured logs: one JSON object per line, each tagged with its request's id.

- ``RequestIdMiddleware`` gives every request an id (a well-formed incoming
  ``X-Request-ID`` from the proxy, else a new one), returns it in the
  response's ``X-Request-ID`` header, and logs one line per request: method,
  path, status and duration.
- ``RequestIdFilter`` copies the id onto every log record made while the
  request is handled, Django's own ``django.request`` errors included.
- ``JsonFormatter`` writes the records, keeping only known fields.
- ``ExpectedRejectionFilter`` keeps what clients get wrong out of the error
  log: Django logs a bad ``Host`` header at ERROR with a traceback, a CSRF
  failure or a forbidden view at WARNING, and every 4xx answer again after
  the response. A refused request is instead the one line
  ``RequestIdMiddleware`` writes for it, at WARNING, with the reason; a 404
  stays the plain INFO line. ERROR is left for what a person should look at.

Nothing personal goes in: no client addresses, cookies, headers, bodies or
query strings (which can carry e-mail addresses). Tokens that travel in a
path (newsletter confirm and unsubscribe links, password resets) are masked,
and so is anything shaped like an e-mail address in a message.

The module needs only the standard library at import time, so gunicorn's
master process can use the formatter too (``gunicorn_logconfig_dict``).
"""

import contextvars
import json
import logging
import re
import time
import traceback
import uuid
from datetime import UTC, datetime

REQUEST_ID_HEADER = "X-Request-ID"
# An id from the proxy is kept only if it is short and plain: it is echoed in a
# header and written to the logs, so it must not carry anything else.
WELL_FORMED_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

_request_id = contextvars.ContextVar("request_id", default=None)
# Why the request being handled was refused, if it was (note_rejection). A list
# the middleware makes per request: appended to, never set, so the reasons
# reach the middleware from wherever Django noted them.
_rejections = contextvars.ContextVar("rejections", default=None)

# Everything after these segments is a secret: newsletter confirm and
# unsubscribe links (/<page>/confirm/<token>/, /list-unsubscribe/<token>/) and
# password-reset links (/admin/password_reset/confirm/<uid>/<token>/).
_SECRET_AFTER = re.compile(
    r"(/(?:confirm|unsubscribe|list-unsubscribe)/)[^\s\"'?#]+", re.IGNORECASE
)
# Anything else token-shaped: a long run of URL-safe characters mixing upper
# case, lower case and digits (slugs are lower case).
_TOKEN_SHAPED = re.compile(r"(?=[\w-]*[A-Z])(?=[\w-]*[a-z])(?=[\w-]*\d)\b[\w-]{24,}\b")
_QUERY_STRING = re.compile(r"(/[^\s\"'?]*)\?[^\s\"']*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MASK = "[masked]"

# Fields a record may carry besides the standard ones (see RequestIdMiddleware).
EXTRA_FIELDS = ("method", "path", "status", "duration_ms", "reason")
# Loggers whose records about a 4xx answer are a client's mistake, not the site's:
# Django's request log and its security loggers (django.security.DisallowedHost,
# django.security.csrf and the other SuspiciousOperation ones).
REJECTION_LOGGERS = ("django.request", "django.security")


def record_request_id(record):
    """The id of the request a record is about.

    Django logs a request's 4xx/5xx line after the middleware has returned, but
    passes the request along with the record.
    """
    request_id = getattr(record, "request_id", None) or _request_id.get()
    if request_id is None:
        request_id = getattr(getattr(record, "request", None), "request_id", None)
    return request_id


def scrub(text):
    """``text`` without query strings, path tokens or e-mail addresses."""
    text = _QUERY_STRING.sub(r"\1", text)
    text = _SECRET_AFTER.sub(rf"\1{MASK}", text)
    text = _TOKEN_SHAPED.sub(MASK, text)
    return _EMAIL.sub("[email]", text)


def new_request_id():
    return uuid.uuid4().hex


def incoming_request_id(request):
    value = request.headers.get(REQUEST_ID_HEADER, "")
    return value if WELL_FORMED_REQUEST_ID.fullmatch(value) else None


def note_rejection(reason):
    """Records why the request being handled is refused; its log line says so at WARNING."""
    reasons = _rejections.get()
    if reasons is not None:
        reasons.append(scrub(reason))


def is_expected_rejection(record):
    """A record about a 4xx answer from Django's request or security loggers."""
    status = getattr(record, "status_code", None)
    from_django = record.name in REJECTION_LOGGERS or record.name.startswith("django.security.")
    return from_django and isinstance(status, int) and 400 <= status < 500


class ExpectedRejectionFilter(logging.Filter):
    """Folds Django's records about a refused request into that request's one line.

    During the request the record's message becomes the reason on
    RequestIdMiddleware's line. Django's second record for the same answer,
    logged once the middleware has written that line, is dropped. A record
    about a request the middleware never saw is kept, as a WARNING without
    its traceback.
    """

    def filter(self, record):
        if not is_expected_rejection(record):
            return True
        if _rejections.get() is not None:
            note_rejection(record.getMessage())
            return False
        if getattr(getattr(record, "request", None), "request_id", None) is not None:
            return False
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = None
        return True


class RequestIdFilter(logging.Filter):
    """Gives every record a ``request_id`` (None outside a request)."""

    def filter(self, record):
        record.request_id = record_request_id(record)
        return True


class ProbeAnswerFilter(logging.Filter):
    """Drops Django's server-error line for a readiness probe's 503.

    The probe has already logged which dependency failed (alliance_site.health);
    Django would add a second line, at ERROR, for the same answer.
    """

    def filter(self, record):
        from alliance_site.health import READINESS_CHECK_PATH

        request = getattr(record, "request", None)
        return not (
            getattr(record, "status_code", None) == 503
            and getattr(request, "path", None) == READINESS_CHECK_PATH
        )


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request_id..."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
            "request_id": record_request_id(record),
        }
        for field in EXTRA_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                entry[field] = value
        # Django's error records carry the response's status too.
        status = getattr(record, "status_code", None)
        if status is not None and "status" not in entry:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = scrub("".join(traceback.format_exception(*record.exc_info)))
        elif record.stack_info:
            entry["stack"] = scrub(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """Human-readable lines for a terminal, scrubbed the same way."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def format(self, record):
        record.request_id = record_request_id(record) or "-"
        return scrub(super().format(record))


class RequestIdMiddleware:
    """Tags the request with an id, echoes it in the response and logs the request."""

    logger = logging.getLogger("alliance_site.requests")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = incoming_request_id(request) or new_request_id()
        request.request_id = request_id
        token = _request_id.set(request_id)
        rejections = []
        rejections_token = _rejections.set(rejections)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            path = scrub(request.path)
            fields = {
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            }
            if rejections:
                reason = "; ".join(rejections)
                self.logger.warning(
                    "%s %s %s refused: %s",
                    request.method,
                    path,
                    response.status_code,
                    reason,
                    extra={**fields, "reason": reason},
                )
            else:
                self.logger.info(
                    "%s %s %s", request.method, path, response.status_code, extra=fields
                )
            return response
        finally:
            _rejections.reset(rejections_token)
            _request_id.reset(token)


def logging_config(log_format="json", level="INFO"):
    """Django's LOGGING: everything to stdout, as JSON lines or readable text."""
    formatter = "json" if log_format != "text" else "text"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "alliance_site.logging.RequestIdFilter"},
            "probe_answers": {"()": "alliance_site.logging.ProbeAnswerFilter"},
            "expected_rejections": {"()": "alliance_site.logging.ExpectedRejectionFilter"},
        },
        "formatters": {
            "json": {"()": "alliance_site.logging.JsonFormatter"},
            "text": {"()": "alliance_site.logging.TextFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": formatter,
                "filters": ["request_id", "expected_rejections"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own loggers propagate to the root's handler: no second copy.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.request": {"filters": ["probe_answers"], "propagate": True},
            # runserver's request lines duplicate alliance_site.requests and
            # carry query strings.
            "django.server": {"level": "WARNING", "propagate": True},
            # One line per background task run is noise, not news.
            "django_tasks": {"level": "WARNING"},
            # django-axes logs every failed sign-in with the client's address;
            # a lockout is the request's own WARNING line (alliance_site.lockout).
            "axes": {"level": "ERROR"},
            # gunicorn's error log, in the worker processes; its access log is
            # replaced by alliance_site.requests (no addresses, no query strings).
            "gunicorn.error": {"handlers": ["console"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        },
    }


def gunicorn_logconfig_dict(level="INFO"):
    """The same JSON lines for gunicorn's master process (``logconfig_dict``)."""
    config = logging_config("json", level)
    config["root"] = {"handlers": ["console"], "level": level}
    return config


def sentry_before_send(event, hint):
    """Drops what could identify a visitor before an error leaves the server."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("cookies", "data", "query_string", "env"):
            request.pop(key, None)
        if isinstance(request.get("url"), str):
            request["url"] = scrub(request["url"])
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {
                name: value
                for name, value in headers.items()
                if name.lower() not in {"cookie", "authorization", "x-forwarded-for", "x-real-ip"}
            }
    event.pop("user", None)
    return event


def init_sentry(dsn, environment="", traces_sample_rate=0.0, transport=None):
    """Error reporting to Sentry (or a compatible service) when a DSN is configured."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import ignore_logger

    options = {
        "dsn": dsn,
        "integrations": [DjangoIntegration()],
        "send_default_pii": False,
        "max_request_body_size": "never",
        "include_local_variables": False,
        "before_send": sentry_before_send,
        "traces_sample_rate": traces_sample_rate,
    }
    if environment:
        options["environment"] = environment
    if transport is not None:
        options["transport"] = transport
    sentry_sdk.init(**options)
    # Sentry reads records before the log's filters do: a bad Host header or
    # another suspicious request is a client's mistake, not an error to report.
    ignore_logger("django.security.*")
