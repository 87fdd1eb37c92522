from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_file

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from newsletter import views as newsletter_views
from pages import views as page_views
from seo import views as seo_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Per-site palette and typefaces as a stylesheet, so templates need no inline style.
    path("brand.css", page_views.brand_stylesheet, name="brand_stylesheet"),
    path("brand/logo.svg", page_views.brand_logo, name="brand_logo"),
    # One of each per site (by host name), covering every language.
    path("sitemap.xml", seo_views.sitemap, name="sitemap"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    # RFC 8058 one-click unsubscribe (a POST with no CSRF token); a GET leads to the page.
    path(
        "list-unsubscribe/<str:token>/",
        newsletter_views.one_click_unsubscribe,
        name="newsletter_unsubscribe",
    ),
]

if settings.SERVE_MEDIA:
    # Images only: documents go through Wagtail's /documents/ view, which
    # enforces collection privacy, so their files are never exposed here.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>(?:original_images|images)/.+)$",
            serve_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Everything else is a page in the Wagtail tree; this must come last. English
# pages are unprefixed and Spanish ones live under /es/.
urlpatterns += i18n_patterns(
    # /search/ and /es/search/, before the tree would take "search" for a page's slug.
    path("", include("site_search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A database outage is a 503 with Retry-After; anything else the standalone 500 page.
handler500 = "alliance_site.outage.server_error"
