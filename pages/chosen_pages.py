"""Pages an editor chose in a block (a featured report, a list of issues), as the reader gets them.

Such a block holds the choice, not a copy of the page's text: it shows the
page's own title, summary and file when the page is served. Each chosen page
is followed into the reader's language the way every link on the page is
(`translations.linked_page`: all of a page's links in one query per request),
and a page that is no longer live is left out, so a block never shows a
dead link. The pages shown are then read as their own type, with what the
block shows of them, in one query per page type.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.html import format_html

from wagtail.models import Locale, Page

from localization import translations


@dataclass(frozen=True)
class ShownPage:
    """A chosen page as the reader gets it, and how to mark the language of its text."""

    page: Page
    # ` lang="en"` for the elements holding the page's text when that text is
    # in another language than the one being read (no translation yet);
    # otherwise empty.
    lang_attr: str


def as_the_reader_gets_them(chosen, context=None, related=()):
    """The live ones of `chosen` pages, in order, each a `ShownPage` in the reader's language.

    `context` is the template context the block is rendered in (its request
    and the page being read, whose links are looked up together); `related`
    names the foreign keys the block shows (a report's document), read with
    the pages.
    """
    context = context or {}
    request = context.get("request")
    page = context.get("page")
    if not hasattr(page, "get_translations"):  # a block preview's, or none
        page = None
    targets = []
    for chosen_page in chosen or ():
        if chosen_page is None:  # deleted since it was chosen
            continue
        target = translations.linked_page(chosen_page, page, request)
        if target is not None and target.live:
            targets.append((type(chosen_page), target.pk))
    read = _read_as_their_types(targets, related)
    reading = translations.active_locale(request)
    return [
        ShownPage(read[pk], _lang_attr(read[pk], reading)) for _model, pk in targets if pk in read
    ]


def _read_as_their_types(targets, related):
    """{pk: page} of (model, pk) pairs, one query per model, with their locales and `related`.

    A translation found for the reader is a plain Page; the block needs the
    fields of its own type, and the language of its text.
    """
    by_model = defaultdict(set)
    for model, pk in targets:
        by_model[model].add(pk)
    read = {}
    for model, pks in by_model.items():
        pages = translations.with_translation_state(
            model._default_manager.filter(pk__in=pks).select_related(
                "locale", "alias_of__locale", *related
            )
        )
        read.update((page.pk, page) for page in pages)
    return read


def _lang_attr(page, reading):
    """` lang="…"` when the text of `page` is not in the language being read, else ""."""
    if page.alias_of_id is not None:
        # A twin made by tree synchronization shows its original's text.
        language_code = page.alias_of.locale.language_code
    elif page.translation_job_source_locale is not None and not page.translation_started:
        # A translation nobody has begun shows the source's text (as translations.original_of).
        language_code = Locale.objects.get(pk=page.translation_job_source_locale).language_code
    else:
        language_code = page.locale.language_code
    if language_code == reading.language_code:
        return ""
    return format_html(' lang="{}"', language_code)
