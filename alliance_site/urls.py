from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as serve_file

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from pages import views as page_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Per-site colours as a stylesheet, so templates need no inline style.
    path("brand.css", page_views.brand_stylesheet, name="brand_stylesheet"),
    path("healthz/", page_views.health_check, name="health_check"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Everything else is a page in the Wagtail tree; this must come last.
urlpatterns += [path("", include(wagtail_urls))]
