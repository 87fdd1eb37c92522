"""The editorial rules, applied to wagtail-localize's own views.

The translation tool has views of its own (submit, update, the translation
editor's saves, PO files, "Sync translated pages"), and they check only
Django's model permissions, which cover every site at once. This middleware
runs the project's rules before any of them:

- another site's snippet is not found (`ownership.refuse_another_sites_object`);
- "publish immediately" is refused to anyone who may not publish the pages
  (`translation_review.refuse_publishing_without_the_right`).
"""

from .ownership import refuse_another_sites_object
from .translation_review import refuse_publishing_without_the_right

NAMESPACE = "wagtail_localize"


class TranslationToolMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or NAMESPACE not in match.namespaces:
            return None
        refuse_another_sites_object(request, view_kwargs)
        refuse_publishing_without_the_right(request, view_kwargs)
        return None
