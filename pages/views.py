"""The few views that are not Wagtail pages."""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.models import Site

from .colors import HEX_COLOR
from .models import SiteSettings

DEFAULT_BRAND_COLOR = SiteSettings._meta.get_field("brand_color").default


@require_safe
@cache_control(max_age=300, public=True)
def brand_stylesheet(request):
    """The current site's brand color as CSS custom properties.

    Served as a stylesheet rather than an inline style so that a strict
    Content-Security-Policy (style-src 'self') holds.
    """
    site = Site.find_for_request(request)
    color = DEFAULT_BRAND_COLOR
    if site is not None:
        # A plain read: serving a stylesheet should never create settings rows.
        chosen = (
            SiteSettings.objects.filter(site=site).values_list("brand_color", flat=True).first()
        )
        # Validated in the admin form; checked again because it lands in CSS.
        if HEX_COLOR.match(chosen or ""):
            color = chosen
    css = f":root {{ --brand: {color}; }}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")
