"""The admin sign-in lockout (django-axes): who the client is, and what a locked-out client reads.

Settings are in `settings/base.py` ("Abuse resistance"). Axes counts failed
sign-ins per account and client; these two functions are the project's part:

- `client_address` names the client the way the survey and sign-up rate limits
  do (`alliance_site.clients`): the address the outermost trusted proxy saw,
  so a forged `X-Forwarded-For` earns no fresh allowance, and IPv6 by /64.
- `lockout_response` is the page shown instead of the sign-in form once the
  limit is reached: in the admin's style and the active language, saying when
  to try again and whom to ask, with status 429 and `Retry-After`.
"""

import ipaddress

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from axes.helpers import get_cool_off

from alliance_site.clients import client_ip

LOCKOUT_TEMPLATE = "axes/lockout.html"


def client_address(request):
    """The client's address as axes stores it (an IP address), or None when it can't be told."""
    address = client_ip(request)
    if address is None:
        return None
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        # One household's /64, stored as its network address so it is still an IP address.
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


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
