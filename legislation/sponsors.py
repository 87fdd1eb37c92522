"""A bill's sponsors as a reader meets them: the site's own decision makers, in their language."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils.html import format_html

from wagtail.models import Site

from localization.translations import active_locale, in_reader_language, locale_ids
from routing.site_context import site_context


@dataclass(frozen=True)
class ShownSponsor:
    """A decision maker named on a bill, and how to mark the language of their title."""

    decision_maker: object
    # ` lang="en"` on the title when it is shown untranslated on a page in
    # another language; otherwise empty.
    lang_attr: str


def shown_sponsors(bill, request=None):
    """The decision makers sponsoring `bill`, in order, each once, in the reader's language.

    Only the site's own: the editor's form offers and accepts no others, and
    one written to the page some other way (an import, a direct database
    change) is left out rather than shown on another organization's site.
    Worked out once per request: the page and its JSON-LD both name them.
    """
    read = site_context(request).table("bill-sponsors")
    if bill.pk not in read:
        read[bill.pk] = _sponsors_of(bill, request)
    return read[bill.pk]


def _sponsors_of(bill, request):
    rows = bill.sponsors.all()
    if isinstance(rows, QuerySet):  # a preview's unsaved rows are already in memory
        rows = rows.select_related("decision_maker")
    site = Site.find_for_request(request) if request is not None else None
    filed, seen = [], set()
    for row in rows:
        maker = row.decision_maker
        if maker.pk in seen or (site is not None and maker.site_id != site.pk):
            continue
        seen.add(maker.pk)
        filed.append(maker)
    reading = active_locale(request)
    languages = {locale_id: code for code, locale_id in locale_ids().items()}
    return [
        ShownSponsor(
            shown,
            ""
            if shown.locale_id == reading.pk
            else format_html(' lang="{}"', languages.get(shown.locale_id, settings.LANGUAGE_CODE)),
        )
        for shown in in_reader_language(filed, request)
    ]
