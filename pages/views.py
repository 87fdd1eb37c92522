"""The few views that are not Wagtail pages."""

from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.models import Site

from .brand import DEFAULT_FONT_PAIRING, DEFAULT_PALETTE, stylesheet
from .logos import LOGO_POLICY
from .models import SiteSettings


@require_safe
@cache_control(max_age=300, public=True)
def brand_stylesheet(request):
    """The current site's brand (palette and typefaces) as CSS custom properties and font faces.

    Served as a stylesheet rather than an inline style so that a strict
    Content-Security-Policy (style-src 'self') holds. `?fonts=none` is the
    same brand in the reader's own fonts, for readers who ask to save data.
    """
    brand = site_brand(request)
    palette = brand.palette if brand else DEFAULT_PALETTE
    pairing = brand.font_pairing if brand else DEFAULT_FONT_PAIRING
    css = stylesheet(palette, pairing, with_fonts=request.GET.get("fonts") != "none")
    return HttpResponse(css, content_type="text/css; charset=utf-8")


@require_safe
@cache_control(max_age=300, public=True)
def brand_logo(request):
    """The current site's SVG logo, under a policy that lets it neither run nor fetch anything."""
    brand = site_brand(request)
    if brand is None or not brand.logo_svg:
        raise Http404("This site has no SVG logo.")
    try:
        with brand.logo_svg.open("rb") as file:
            svg = file.read()
    except OSError as error:
        raise Http404("The logo file is missing.") from error
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Security-Policy"] = LOGO_POLICY
    return response


def site_brand(request):
    """The site's settings, read plainly: serving its brand should never create settings rows."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return SiteSettings.objects.filter(site=site).first()
