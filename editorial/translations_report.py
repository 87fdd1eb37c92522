"""wagtail-localize's "Translations" report, limited to the user's own sites.

wagtail-localize's own report lists every translation in the installation,
naming each organization's pages and snippets to every member of staff.
This one is the same report (its filters, columns and template), showing
only translations of the pages under the user's sites' home pages and of
their sites' snippets; the original is left to superusers
(editorial/translation_tool.py).
"""

from django.db.models import Q

from wagtail.models import Page, TranslatableMixin

from wagtail_localize.views.report import TranslationsReportView

from .ownership import owned_by, site_owned_snippet_models, sites_of
from .roles import site_root_pages


def own_translation_keys(user):
    """A condition on translations: their source is a page or snippet of `user`'s sites."""
    pages = Page.objects.none()
    for home in (home for site in sites_of(user) for home in site_root_pages(site)):
        pages |= Page.objects.descendant_of(home, inclusive=True)
    condition = Q(source__object_id__in=pages.values("translation_key"))
    for model in site_owned_snippet_models():
        if issubclass(model, TranslatableMixin):
            owned = owned_by(user, model.objects.all())
            condition |= Q(source__object_id__in=owned.values("translation_key"))
    return condition


class OwnSiteTranslationsReportView(TranslationsReportView):
    index_url_name = "editorial:translations_report"
    index_results_url_name = "editorial:translations_report_results"

    def get_queryset(self):
        return super().get_queryset().filter(own_translation_keys(self.request.user))
