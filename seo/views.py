from django.http import HttpResponse
from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Site

from .sitemap import SiteSitemap


@require_safe
def sitemap(request):
    """/sitemap.xml for the site the request is for, in every language."""
    return wagtail_sitemap(request, sitemaps={"pages": SiteSitemap})


@require_safe
def robots_txt(request):
    """/robots.txt for the site the request is for: keep out of the admin, find the sitemap."""
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {root_url}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
