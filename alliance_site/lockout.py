"""What a client locked out of the admin sign-in (django-axes) reads.

Settings are in `settings/base.py` ("Abuse resistance"). Axes counts failed
sign-ins per account and client, the client told apart as the rate limits do
(`pages.clients.client_address`). `lockout_response` is the page shown
instead of the sign-in form once the limit is reached: in the admin's style
and the active language, saying when to try again and whom to ask, with
status 429 and `Retry-After`.
"""

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from axes.helpers import get_cool_off

LOCKOUT_TEMPLATE = "axes/lockout.html"


def lockout_response(request, original_response=None, credentials=None):
    """The "too many attempts" page: when the lock lifts and who can lift it sooner."""
    cool_off = get_cool_off(request)
    context = {
        "cool_off_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
        # Every failed try during the lock restarts the wait, so it ends this long from now.
        "retry_at": timezone.localtime(timezone.now() + cool_off) if cool_off else None,
    }
    response = TemplateResponse(request, LOCKOUT_TEMPLATE, context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    add_never_cache_headers(response)
    return response.render()
