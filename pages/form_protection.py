"""Refusing automated posts of public forms (surveys, newsletter sign-ups).

No third-party script, and nothing that needs JavaScript.

Three checks, each cheap and invisible to a person filling the form in:

- a honeypot: a text box hidden from sight (screen readers are told to leave it
  empty) that bots filling every field fill too;
- a fill time: the form carries a signed timestamp of when it was shown, and a
  post arriving sooner than a person could type, or with a missing or altered
  timestamp, is refused;
- a rate limit per client and page, counted in Django's cache; the client is
  told apart by `pages.clients.client_key`, which reads the proxies'
  X-Forwarded-For as far as DJANGO_TRUSTED_PROXY_COUNT allows.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from pages.clients import client_key

# Hyphenated names never clash with a question's clean_name (ascii_snake_case).
HONEYPOT_FIELD = "contact-website"
STARTED_FIELD = "form-started"

MINIMUM_FILL_SECONDS = 3
# A form left open longer than this is sent back once with a fresh timestamp.
TOKEN_MAX_AGE = timedelta(days=1)
SUBMISSIONS_PER_WINDOW = 5
WINDOW_SECONDS = 10 * 60

# Named when only surveys used it; kept, so forms open during a deploy still post.
_SIGNING_SALT = "surveys.form-started"


@dataclass(frozen=True)
class Refusal:
    reason: str  # for the log: never the visitor's answers or address
    message: str  # for the visitor, on the form shown again
    status: int


HONEYPOT_FILLED = Refusal(
    "honeypot filled",
    _(
        "Your answers were not sent. Please leave the box marked “Leave this box empty” "
        "blank and send the form again."
    ),
    400,
)
MISSING_TIMESTAMP = Refusal(
    "missing or altered timestamp",
    _(
        "Your answers were not sent because the form was incomplete or had expired. "
        "Please check your answers and send the form again."
    ),
    400,
)
TOO_FAST = Refusal(
    "sent too quickly",
    _(
        "Your answers were not sent because the form was sent too quickly. "
        "Please check your answers and send the form again."
    ),
    400,
)
RATE_LIMITED = Refusal(
    "rate limit reached",
    _(
        "This form has already been sent several times from your connection in the last "
        "few minutes. Please wait ten minutes and send it again."
    ),
    429,
)


def _signer():
    return signing.TimestampSigner(salt=_SIGNING_SALT)


def issue_token(page):
    """A signed record of when `page`'s form was shown, for its hidden field."""
    return _signer().sign(str(page.pk))


def _seconds_since_issued(token, page):
    """Age of a token issued for `page`, or None when it is missing, altered, stale or foreign."""
    try:
        value = _signer().unsign(token, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    if value != str(page.pk):
        return None
    # The signature is verified, so the timestamp TimestampSigner put
    # between value and signature can be trusted.
    issued = signing.b62_decode(token.rsplit(_signer().sep, 2)[1])
    return time.time() - issued


def _client_key(request, page):
    client = client_key(request)
    # Counted per survey, not per language version of it.
    return f"surveys:submissions:{page.translation_key}:{client}"


def refusal_for(request, page):
    """Why this post must be refused, or None if it may be checked as a form."""
    if request.POST.get(HONEYPOT_FIELD, ""):
        return HONEYPOT_FILLED
    age = _seconds_since_issued(request.POST.get(STARTED_FIELD, ""), page)
    if age is None:
        return MISSING_TIMESTAMP
    if age < MINIMUM_FILL_SECONDS:
        return TOO_FAST
    if cache.get(_client_key(request, page), 0) >= SUBMISSIONS_PER_WINDOW:
        return RATE_LIMITED
    return None


def count_submission(request, page):
    key = _client_key(request, page)
    # The window starts at the first submission; later ones do not extend it.
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, WINDOW_SECONDS)
