"""Translating demo content the way a translator does in the admin: through wagtail-localize.

The Spanish demo text is written as whole field values (`demo/content_es.py`).
To hand it to wagtail-localize, we build an unsaved copy of the English
object holding the Spanish values, let wagtail-localize cut both into
segments (titles, fields, each paragraph of rich text…), and pair them in
order: every English string gets its Spanish string, as if typed into the
translation editor. The result is an ordinary wagtail-localize translation,
so editors open it in the translation editor and can update it when the
English changes.
"""

import re

from wagtail.fields import StreamField
from wagtail.models import Page

from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# Block and child-object identifiers differ between the two copies.
_IDENTIFIER = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class StructureMismatch(ValueError):
    """The Spanish text does not have the English one's shape (a block or paragraph too many)."""


def _strings(instance):
    # An unsaved StreamField value is read back as if from the database, so its
    # blocks have the identifiers and raw data wagtail-localize names segments by.
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            stored = field.get_prep_value(getattr(instance, field.name))
            setattr(instance, field.name, field.to_python(stored))
    return [
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]


def _shape(strings):
    return [_IDENTIFIER.sub("*", path) for path, _text in strings]


def translate(english, spanish_copy, locale):
    """Publish `english` in `locale` with the strings of `spanish_copy`; returns the translation.

    A Spanish twin made by tree synchronization is converted into the
    translation, keeping its place in the tree.
    """
    english_strings = _strings(english)
    spanish_strings = _strings(spanish_copy)
    if _shape(english_strings) != _shape(spanish_strings):
        raise StructureMismatch(f"The Spanish text for {english!r} is not shaped like the English")
    spanish_for = {
        english_string: spanish_text
        for english_string, (_path, spanish_text) in zip(
            english_strings, spanish_strings, strict=True
        )
    }

    source, _ = TranslationSource.get_or_create_from_instance(english)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    catalog = translation.export_po()
    for entry in catalog:
        entry.msgstr = spanish_for.get((entry.msgctxt, entry.msgid), "")
    translation.import_po(catalog)

    is_page = isinstance(english, Page)
    # wagtail-localize publishes pages when the transaction commits; the demo
    # publishes at once so the pages are live within the same transaction.
    source.create_or_update_translation(
        locale, publish=not is_page, copy_parent_pages=True, fallback=True
    )
    translated = english.get_translation(locale)
    if is_page:
        translated.get_latest_revision().publish()
    return translated
