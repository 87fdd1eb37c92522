"""The decision makers an action writes to, as a visitor reads them: in their language, in order.

Pages point at the default language's decision makers; a visitor sees each
one's title in their language where a translator gave one, else the
default language's, marked with its `lang` so a screen reader says it right.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from decision_makers.models import Body
from localization.translations import active_locale, in_reader_language

BODY_ORDER = [value for value, _label in Body.choices]


@dataclass(frozen=True)
class ShownPerson:
    """A decision maker as the page names them."""

    pk: int
    name: str
    title: str
    # The title's language where it is not the page's (no translation yet), else "".
    title_lang: str
    body: str
    district: int | None
    county: str


def shown_people(people, request):
    """`people` (default-language decision makers) as the language being read names them."""
    if not people:
        return []
    reader_locale = active_locale(request)
    return [
        ShownPerson(
            pk=person.pk,
            name=person.name,
            title=shown.title,
            title_lang=settings.LANGUAGE_CODE if shown.locale_id != reader_locale.pk else "",
            body=person.body,
            district=person.district,
            county=person.county,
        )
        for person, shown in zip(people, in_reader_language(people, request), strict=True)
    ]


def recipient_label(person):
    """'District 12: Ana Martínez (Bernalillo)', or 'Ana Martínez, Secretary of Education'."""
    if person.district is None:
        return _("%(name)s, %(title)s") % {"name": person.name, "title": person.title}
    if person.county:
        return _("District %(district)s: %(name)s (%(county)s)") % {
            "district": person.district,
            "name": person.name,
            "county": person.county,
        }
    return _("District %(district)s: %(name)s") % {"district": person.district, "name": person.name}


def recipient_choices(people):
    """Grouped choices for the visitor's <select>: by chamber or office, then district and name.

    `people` are ShownPerson; the value posted is the decision maker's id.
    """
    ordered = sorted(
        people,
        key=lambda person: (
            BODY_ORDER.index(person.body) if person.body in BODY_ORDER else len(BODY_ORDER),
            person.district is None,
            person.district or 0,
            person.name,
        ),
    )
    groups = {}
    for person in ordered:
        groups.setdefault(person.body, []).append((person.pk, recipient_label(person)))
    labels = dict(Body.choices)
    return [("", _("Choose one"))] + [
        (labels.get(body, body), options) for body, options in groups.items()
    ]
