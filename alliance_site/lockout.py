"""What a client locked out of the admin sign-in (django-axes) reads, and when it is locked out.

Settings are in `settings/base.py` ("Abuse resistance"). Axes counts failed
sign-ins by client (`ip_address`) and by account and client together, the
client told apart as the rate limits do (`pages.clients.client_address`).
Two limits apply: `SIGN_IN_FAILURES_PER_ACCOUNT` for one account from one
client, and a higher `SIGN_IN_FAILURES_PER_CLIENT` for one client whatever
the accounts, so a script trying many user names is stopped too while
colleagues behind one office address keep some room for typos.

Axes compares a single number with a single limit: its largest count over
`AXES_LOCKOUT_PARAMETERS`, which is always the client's count, since those
failures include every account's. `failure_limit` (`AXES_FAILURE_LIMIT`)
gives the account's limit once this account has reached it from this
client, else the client's. Axes checks it before any password is, so a
locked-out try never reaches the password hasher. A successful sign-in
clears that account's failures from that client only
(`AccountAndClientLockoutHandler`): axes would clear all of the client's,
so anyone holding one account could sign in to it between guesses at
another's and never be locked out.

`lockout_response` is the page shown instead of the sign-in form once the
limit is reached: in the admin's style and the reader's language, saying
when to try again and whom to ask, with status 429 and `Retry-After`.
"""

from django.conf import settings
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt

from alliance_site.logging import note_rejection

LOCKOUT_TEMPLATE = "axes/lockout.html"


def recent_failures(request, **who):
    """Failed sign-ins still within the cool-off, from `who` (`ip_address=`, and `username=`)."""
    attempts = AccessAttempt.objects.filter(
        attempt_time__gte=get_cool_off_threshold(request), **who
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def client_is_locked_out(request):
    """Whether this client has failed too often with any accounts, not just with one."""
    return (
        recent_failures(request, ip_address=request.axes_ip_address)
        >= settings.SIGN_IN_FAILURES_PER_CLIENT
    )


def failure_limit(request, credentials=None):
    """The limit for this client's failures: the account's once reached, else the client's."""
    account_failures = recent_failures(
        request,
        username=get_client_username(request, credentials),
        ip_address=request.axes_ip_address,
    )
    if account_failures >= settings.SIGN_IN_FAILURES_PER_ACCOUNT:
        return settings.SIGN_IN_FAILURES_PER_ACCOUNT
    return settings.SIGN_IN_FAILURES_PER_CLIENT


class AccountAndClientLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, where a success forgives only the account signed in to."""

    def reset_user_attempts(self, request, credentials=None):
        forgiven = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        )
        count, _ = forgiven.delete()
        return count


def reader_language(request):
    """The language of someone not signed in to the admin, as Wagtail's admin takes it.

    Their language cookie or browser's preference, not the address: the site's
    locale middleware gives every address outside /es/ English, which suits
    public pages only.
    """
    return translation.get_language_from_request(request)


def lockout_response(request, original_response=None, credentials=None):
    """The "too many attempts" page: when the lock lifts and who can lift it sooner."""
    # The request's one log line, at WARNING; axes' own lines carry the client's address.
    note_rejection("too many failed sign-ins")
    language = reader_language(request)
    with translation.override(language):
        response = render_lockout_page(request)
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def render_lockout_page(request):
    """The page in the active language, never cached."""
    cool_off = get_cool_off(request)
    context = {
        # Every account is paused for this connection, not only the one just tried.
        "whole_client": client_is_locked_out(request),
        "cool_off_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
        # Every failed try during the lock restarts the wait, so it ends this long from now
        # at the latest (a client's count may fall under its limit sooner, as old tries expire).
        "retry_at": timezone.localtime(timezone.now() + cool_off) if cool_off else None,
    }
    response = TemplateResponse(request, LOCKOUT_TEMPLATE, context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    add_never_cache_headers(response)
    return response.render()
