"""Which client sent a request, for per-client limits (survey and sign-up rate limits).

Behind a reverse proxy or load balancer REMOTE_ADDR is the proxy's address, so
every visitor would share one allowance. `DJANGO_TRUSTED_PROXY_COUNT` says how
many proxies in front of the app append to `X-Forwarded-For`; the client is
the address the outermost trusted one saw, counted from the right, because
anything further left was written by the client and can be forged. With the
default of 0 the header is ignored.

IPv6 addresses are grouped by /64, the block one household or phone usually
holds, so hopping between its addresses doesn't buy a fresh allowance.
"""

import ipaddress

from django.conf import settings

UNKNOWN_CLIENT = "unknown"


def _parsed(address):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def client_ip(request):
    """The client's address as an `ipaddress` object, or None when it can't be told."""
    trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if trusted > 0:
        forwarded = [
            part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
        ]
        if len(forwarded) >= trusted:
            return _parsed(forwarded[-trusted])
        # Fewer entries than proxies: the request skipped a proxy, so trust only the socket.
    return _parsed(request.META.get("REMOTE_ADDR", ""))


def client_address(request):
    """The client's address as text, an IPv6 client's /64 as its network address; or None.

    Still an IP address, so django-axes can store it as the client of a sign-in.
    """
    address = client_ip(request)
    if address is None:
        return None
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def client_key(request):
    """A short, stable key naming the client for a rate limit."""
    return client_address(request) or UNKNOWN_CLIENT
