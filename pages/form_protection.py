"""Refusing automated, repeated and oversized posts of public forms (surveys, newsletter sign-ups).

No third-party script, and nothing that needs JavaScript.

Three checks keep bots out, each cheap and invisible to a person filling the
form in:

- a honeypot: a text box hidden from sight (screen readers are told to leave it
  empty) that bots filling every field fill too;
- a fill time: the form carries a signed token of when it was shown, and a
  post arriving sooner than a person could type, or with a missing or altered
  token, is refused;
- a rate limit per client and page, counted in Django's cache; the client is
  told apart by `pages.clients.client_key`, which reads the proxies'
  X-Forwarded-For as far as DJANGO_TRUSTED_PROXY_COUNT allows.

Each token is also accepted once (`accept_once`): a double click, a reload of
the page a post answered, or a replay stores nothing more, and the visitor is
sent to the same "received" page as the first time. Used tokens are kept in
the database (`pages.used_form_tokens`, which says why not in the cache).

A public post is also refused, before anything reads it, when its body is
larger than any of these forms needs (`PublicFormSizeLimitMiddleware`).
"""

import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.clients import client_key
from pages.used_form_tokens import UsedFormToken

# Hyphenated names never clash with a question's clean_name (ascii_snake_case).
HONEYPOT_FIELD = "contact-website"
STARTED_FIELD = "form-started"

MINIMUM_FILL_SECONDS = 3
# A form left open longer than this is sent back once with a fresh token.
TOKEN_MAX_AGE = timedelta(days=1)
SUBMISSIONS_PER_WINDOW = 5
WINDOW_SECONDS = 10 * 60

# Named when only surveys used it; kept, so tokens from before a rename still verify.
_SIGNING_SALT = "surveys.form-started"
# Random characters in each token, so two visitors shown a form in the same
# second hold different tokens and one's answers are never taken for the other's.
TOKEN_NONCE_BYTES = 12

# No public form has a file field; its longest answer is a few thousand
# characters. The admin's own limits (DATA_UPLOAD_MAX_MEMORY_SIZE, uploads)
# are larger and apply under its prefix only.
PUBLIC_FORM_MAX_BODY_SIZE = 1024 * 1024


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
# Not an error for the visitor: what the form sent is already stored, so the
# view sends them to the page saying so, as it did the first time.
ALREADY_ACCEPTED = Refusal("already accepted; nothing stored again", "", 303)


def _signer():
    return signing.TimestampSigner(salt=_SIGNING_SALT)


def issue_token(page):
    """A signed, one-off record of when `page`'s form was shown, for its hidden field."""
    nonce = secrets.token_urlsafe(TOKEN_NONCE_BYTES)
    return _signer().sign(f"{page.pk}:{nonce}")


def _seconds_since_issued(token, page):
    """Age of a token issued for `page`, or None when it is missing, altered, stale or foreign."""
    try:
        value = _signer().unsign(token, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    page_id, _separator, nonce = value.partition(":")
    # A token without a nonce predates one-off tokens: the form is sent back
    # once with a fresh token rather than risk taking it for another's.
    if page_id != str(page.pk) or not nonce:
        return None
    # The signature is verified, so the timestamp TimestampSigner put
    # between value and signature can be trusted.
    issued = signing.b62_decode(token.rsplit(_signer().sep, 2)[1])
    return time.time() - issued


def posted_token_hash(request):
    """The SHA-256 of the post's form token: how a used token, and what it stored, is found."""
    token = request.POST.get(STARTED_FIELD, "")
    return hashlib.sha256(token.encode()).hexdigest()


def _client_key(request, page):
    client = client_key(request)
    # Counted per survey, not per language version of it.
    return f"surveys:submissions:{page.translation_key}:{client}"


def refusal_for(request, page):
    """Why this post must not be stored, or None if it may be checked as a form.

    ALREADY_ACCEPTED means its token was used by an earlier post: the view
    sends the visitor on as if this one had just been stored.
    """
    if request.POST.get(HONEYPOT_FIELD, ""):
        return HONEYPOT_FILLED
    age = _seconds_since_issued(request.POST.get(STARTED_FIELD, ""), page)
    if age is None:
        return MISSING_TIMESTAMP
    if age < MINIMUM_FILL_SECONDS:
        return TOO_FAST
    if UsedFormToken.objects.filter(token_hash=posted_token_hash(request)).exists():
        return ALREADY_ACCEPTED
    if cache.get(_client_key(request, page), 0) >= SUBMISSIONS_PER_WINDOW:
        return RATE_LIMITED
    return None


def accept_once(request):
    """Record this post's token as used: True the first time, False for a repeat of it.

    Call it inside the transaction that stores what the form sent, after
    `refusal_for` found nothing, and store only on True: the record and the
    stored row are then kept together or not at all, and of two posts with
    one token racing in different processes, the second waits for the first
    and gets False.
    """
    now = timezone.now()
    # Expired tokens are refused by their signature, so their records guard nothing.
    UsedFormToken.objects.filter(used_at__lt=now - TOKEN_MAX_AGE).delete()
    try:
        with transaction.atomic():
            UsedFormToken.objects.create(token_hash=posted_token_hash(request), used_at=now)
    except IntegrityError:
        return False
    return True


def count_submission(request, page):
    key = _client_key(request, page)
    # The window starts at the first submission; later ones do not extend it.
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, WINDOW_SECONDS)


# --- oversized posts ---


def declared_body_size(request):
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


class PublicFormSizeLimitMiddleware:
    """413, on a page in the reader's language, for a body over PUBLIC_FORM_MAX_BODY_SIZE.

    Everywhere but the admin, whose editors upload images and documents and
    post long pages (its limits are Django's settings). A middleware rather
    than a check in each form's view: CsrfViewMiddleware reads and parses a
    post's whole body before any view runs, so a view could only refuse it
    after it was read, and a body over Django's own limit would get Django's
    bare 400 instead of this page. It is listed after the middleware that
    set the language from the address and the user (the page is the site's
    own layout); CSRF's check runs only once every middleware has passed the
    request on, so this refusal still comes before anything reads the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        too_large = declared_body_size(request) > PUBLIC_FORM_MAX_BODY_SIZE
        if too_large and not request.path.startswith(reverse("wagtailadmin_home")):
            return render(
                request,
                "413.html",
                {"limit": PUBLIC_FORM_MAX_BODY_SIZE, "noindex": True},
                status=413,
            )
        return self.get_response(request)
