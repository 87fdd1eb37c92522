from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from alliance_site import media
from newsletter import views as newsletter_views
from pages import views as page_views
from seo import views as seo_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document views, which check privacy, for the methods they answer
    # (alliance_site/media.py): its file view would send the file to a TRACE or PUT.
    path("documents/", include(media.document_urls)),
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

# Images only, while DJANGO_SERVE_MEDIA is on (alliance_site/media.py): documents
# go through the /documents/ view above, so their files are never exposed here.
urlpatterns += media.image_urls()

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
