"""The editorial rules, applied to wagtail-localize's own views.

The translation tool has views of its own (submit, update, the translation
editor's saves, PO files, "Sync translated pages"), and they check only
Django's model permissions, which cover every site at once. This middleware
runs the project's rules before any of them:

- another site's snippet is not found (`ownership.refuse_another_sites_object`);
- what lists every site's objects is not found, except for superusers: the
  translations report (staff have their own sites', editorial/translations_report.py)
  and the snippet API's listing of a site-owned model (the translation
  editor asks it only for overridable snippet fields, which no site-owned
  snippet is);
- "publish immediately" is refused to anyone who may not publish the pages
  (`translation_review.refuse_publishing_without_the_right`).
"""

from django.apps import apps
from django.http import Http404

from pages.forms import belongs_to_a_site

from .ownership import refuse_another_sites_object
from .translation_review import refuse_publishing_without_the_right

NAMESPACE = "wagtail_localize"
REPORTS = {"translations_report", "translations_report_results"}
SNIPPET_LISTING = "snippets_api_listing"


class TranslationToolMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or NAMESPACE not in match.namespaces:
            return None
        refuse_listings_of_every_site(request, match.url_name, view_kwargs)
        refuse_another_sites_object(request, view_kwargs)
        refuse_publishing_without_the_right(request, view_kwargs)
        return None


def refuse_listings_of_every_site(request, url_name, view_kwargs):
    if request.user.is_superuser:
        return
    if url_name in REPORTS:
        raise Http404
    if url_name == SNIPPET_LISTING and lists_site_owned_objects(view_kwargs):
        raise Http404


def lists_site_owned_objects(view_kwargs):
    try:
        model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
    except (LookupError, KeyError):
        return False
    return belongs_to_a_site(model)
