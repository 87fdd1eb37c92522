"""The people pages credit (an article's authors, a story's subjects), as a reader meets them."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.html import format_html

from wagtail.images import get_image_model

from localization.translations import active_locale, in_reader_language
from routing.site_context import site_context

from .models import Person


@dataclass(frozen=True)
class ShownPerson:
    """A person as the reader gets them: their text, their photo, and how to mark its language."""

    person: Person
    # A translation's own photo if it has one, else the one filed: a photo
    # added after the person was translated is shown in every language
    # without waiting for the translation to be synchronized.
    photo: object
    # ` lang="en"` on the elements holding the role and bio when they are
    # shown untranslated on a page in another language; otherwise empty.
    lang_attr: str


def _people_with_photos():
    # Photos and their renditions come with the people, so a page naming
    # more people runs no more queries.
    return Person.objects.select_related("locale", "photo").prefetch_related("photo__renditions")


def credits_with_people(credits, request=None):
    """The rows of `credits` (a queryset) with their people and photos, read once per request.

    The byline and the article's JSON-LD both name its authors.
    """
    if not isinstance(credits, QuerySet):  # a preview's unsaved rows
        return list(credits)
    credits = credits.select_related("person__locale", "person__photo").prefetch_related(
        "person__photo__renditions"
    )
    if request is None:
        return list(credits)
    read = site_context(request).table("credits-with-people")
    key = str(credits.query)
    if key not in read:
        read[key] = list(credits)
    return read[key]


def people_credited(credits, request):
    """The people `credits` point at, in order, each as a `ShownPerson`.

    Each person is shown in the reader's language when translated, and as
    filed otherwise (marked with that language). Someone listed twice by
    mistake is shown once.
    """
    if isinstance(credits, QuerySet):
        credits = credits_with_people(credits, request)
        people = {credit.person_id: credit.person for credit in credits}
    else:  # a preview's unsaved rows
        credits = list(credits)
        people = _people_with_photos().in_bulk({credit.person_id for credit in credits})
    ordered, seen = [], set()
    for credit in credits:
        if credit.person_id in people and credit.person_id not in seen:
            seen.add(credit.person_id)
            ordered.append(people[credit.person_id])
    reading = active_locale(request)
    # The translations' words come from the site's shared parts (no query on a
    # page-cache miss); their photos are read only where one differs from the
    # photo filed, which came with the credits.
    shown = in_reader_language(ordered, request)
    own_photos = _photos_of(
        person.photo_id
        for filed, person in zip(ordered, shown, strict=True)
        if person.photo_id not in (None, filed.photo_id)
    )
    return [
        ShownPerson(
            person,
            own_photos.get(person.photo_id) or filed.photo,
            ""
            if person.locale_id == reading.pk
            else format_html(' lang="{}"', filed.locale.language_code),
        )
        for filed, person in zip(ordered, shown, strict=True)
    ]


def _photos_of(image_ids):
    """{id: image with its renditions} of `image_ids`, or {} without a query if there are none."""
    image_ids = set(image_ids)
    if not image_ids:
        return {}
    return get_image_model().objects.prefetch_related("renditions").in_bulk(image_ids)
