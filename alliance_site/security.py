"""Response headers Django does not set by itself, and the admin's own CSP.

Django's ``ContentSecurityPolicyMiddleware`` sends ``settings.SECURE_CSP``
(the strict public policy: scripts only from this origin or with the
request's nonce, no inline styles, no plugins, no framing). This middleware
runs just inside it and adjusts the policy where the public one cannot work:

- **The Wagtail admin** (``/admin/``) renders inline ``<script>`` elements
  (inline panels, date pickers, workflow buttons) and ``style`` attributes
  that carry no nonce, so it gets ``ADMIN_CSP``: inline scripts and styles
  from its own pages, but still nothing from another origin, no ``eval``, no
  plugins, no ``<base>`` and forms that post only here.
- **Previews** render a public template inside the admin's preview panel, an
  iframe on the same origin. Wagtail runs them through the whole middleware
  chain as a "dummy" request flagged ``is_preview``: they keep the public
  policy but may be framed by this origin (``frame-ancestors 'self'``).
- Any response Django or Wagtail marked ``X-Frame-Options: SAMEORIGIN`` (the
  block previews of the editor's block picker) likewise gets
  ``frame-ancestors 'self'``, so the two headers never disagree.

It also adds ``Permissions-Policy`` (no camera, microphone, location,
payment, sensors... for this site or anything it frames) and
``Cross-Origin-Resource-Policy``.
"""

from functools import cache

from django.conf import settings
from django.middleware.csp import get_nonce
from django.urls import NoReverseMatch, reverse
from django.utils.csp import CSP, build_policy

# Browser features no page of these sites uses; a script that somehow ran
# here, or a video player it frames, cannot ask for them either. Only
# features Chromium and Firefox recognize, so consoles stay quiet.
# Fullscreen, autoplay and picture-in-picture stay at the browser's default
# (this origin, and frames it delegates them to): video players use them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)

# Pages and files of this site are for this site's pages. Images and
# stylesheets stay loadable elsewhere ("cross-origin") where that is their
# point: renditions in newsletter e-mails read in webmail, and share images.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
SHAREABLE_PREFIXES = (settings.MEDIA_URL, settings.STATIC_URL)

# The strictest policy under which Wagtail 8's admin works (page editor,
# previews, choosers, translation editor), checked in Chromium by
# tests/browser/test_csp.py. Wagtail's templates have inline <script>
# elements without a nonce, so scripts need 'unsafe-inline' (a nonce would
# turn it off); nothing needs 'unsafe-eval'.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    # Wagtail and wagtail-localize set style attributes and inline <style> (the
    # translation editor breaks without this); styles cannot run code.
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    # Wagtail's icons and upload previews are data: and blob: URLs.
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    # The preview panel, block previews, and video embeds in the editor.
    "frame-src": [CSP.SELF, *settings.CSP_VIDEO_PLAYER_ORIGINS],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}


@cache
def admin_prefix():
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:  # pragma: no cover - the admin is always installed
        return "/admin/"


def policy_for(request, response):
    """The CSP (a dict of directives) this response should carry, or None for the default."""
    preview = getattr(request, "is_preview", False)
    if request.path.startswith(admin_prefix()) and not preview:
        # Thumbnails come from the media bucket when media is on S3.
        policy = {**ADMIN_CSP, "img-src": [*ADMIN_CSP["img-src"], *settings.CSP_MEDIA_ORIGINS]}
    elif preview or response.get("X-Frame-Options") == "SAMEORIGIN":
        policy = settings.SECURE_CSP
    else:
        return None
    if preview or response.get("X-Frame-Options") == "SAMEORIGIN":
        policy = {**policy, "frame-ancestors": [CSP.SELF]}
    # Directives the deployment adds everywhere (upgrade-insecure-requests).
    extra = {
        directive: value
        for directive, value in settings.SECURE_CSP.items()
        if directive not in policy and value is True
    }
    return {**policy, **extra}


class SecurityHeadersMiddleware:
    """Permissions-Policy and CORP on every response; the right CSP for admin and previews.

    Must come after ``django.middleware.csp.ContentSecurityPolicyMiddleware``
    in MIDDLEWARE (so it sees the response first) and before
    ``XFrameOptionsMiddleware`` (so it sees that header already set).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path.startswith(SHAREABLE_PREFIXES):
            response.headers.setdefault(
                "Cross-Origin-Resource-Policy", CROSS_ORIGIN_RESOURCE_POLICY
            )
        else:
            response.headers.setdefault("Cross-Origin-Resource-Policy", "cross-origin")
        # Django's CSP middleware leaves a header already set alone, as its
        # documentation says; a view that sets its own keeps it here too.
        if str(CSP.HEADER_ENFORCE) not in response:
            policy = policy_for(request, response)
            if policy is not None:
                header = build_policy(policy, get_nonce(request))
                response.headers[str(CSP.HEADER_ENFORCE)] = header
        return response
