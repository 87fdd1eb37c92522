"""The shared vocabulary pages are filed under: topics, and the page types that use them.

A topic (ESSA, community input…) is translatable: each language has its own
name and slug, while pages stay filed under the default language's topic and
are shown in the reader's language (`ReaderTopic`, `{% localized_topics %}`).

A page type joins the vocabulary by mixing in `FiledUnderTopics` and giving
itself a `topics` many-to-many field; `filed_page_types()` is then the one
list of them, in the order an issue page shows its sections, and
`pages_filed_under` gathers a topic's pages of one type below a site.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Site, TranslatableMixin, get_page_models
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField, TranslatableField

from localization.translations import active_locale, in_reader_language
from pages.listing import listing_queryset


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject articles are filed under, such as ESSA or community input.

    Translatable: each language has its own name and slug. Articles keep
    pointing at the English topic; templates name it in the reader's
    language with `{% localized_topics %}`. Each topic belongs to one site:
    its staff alone see and edit it (editorial.ownership), and its pages
    alone may be filed under it, so two organizations may each have an "ESSA".
    """

    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The organization whose pages are filed under it. Translations keep it.",
    )

    name = models.CharField(max_length=80, help_text="e.g. 'ESSA'.")
    slug = models.SlugField(
        max_length=80, help_text="Used in addresses: lower case, hyphens, no spaces."
    )
    description = models.TextField(
        max_length=500, blank=True, help_text="What this topic covers, in a sentence or two."
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
    ]
    # The admin searches only the user's own site's topics, so the index filters by site.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("site"),
    ]

    class Meta(TranslatableMixin.Meta):
        # Topics began in the news app; the table kept its name when they moved here.
        db_table = "articles_topic"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "locale", "name"], name="unique_topic_name_per_site_and_locale"
            ),
            models.UniqueConstraint(
                fields=["site", "locale", "slug"], name="unique_topic_slug_per_site_and_locale"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        refuse_a_second(self, "topic")


class Region(TranslatableMixin, models.Model):
    """A part of the world a site's stories, events and partners are filed under.

    Each site's editors manage their own list (the demo's are New Mexico's
    regions, plus "Statewide" and "National" for partners' reach), in the
    order its filters offer them. Translatable like topics: pages point at
    the default language's region and readers see its name in their language
    (`{% region_name %}`). The slug is the same in every language: it is the
    value a listing's `?region=` filter takes.
    """

    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The organization whose pages are filed under it. Translations keep it.",
    )
    name = models.CharField(max_length=80, help_text="e.g. 'Northwest' or 'Statewide'.")
    slug = models.SlugField(
        max_length=80,
        help_text="Used in filter addresses (?region=northwest): lower case, hyphens, no spaces.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Filters list regions from the lowest number to the highest."
    )

    panels = [FieldPanel("site"), FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    # Translators name a region; its slug (the filter's value) and place in
    # the list are the same in every language.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
        SynchronizedField("site"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "locale", "name"], name="unique_region_name_per_site_and_locale"
            ),
            models.UniqueConstraint(
                fields=["site", "locale", "slug"], name="unique_region_slug_per_site_and_locale"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        refuse_a_second(self, "region")


def refuse_a_second(row, noun):
    """A clear message where `row` would repeat a name or slug in its site and language.

    The uniqueness constraints include `locale`, which is not a form field,
    so Django's form validation skips them: checking here gives an editor a
    message instead of a server error.
    """
    if not row.locale_id or not row.site_id:
        return
    same_language = type(row).objects.filter(site_id=row.site_id, locale_id=row.locale_id)
    same_language = same_language.exclude(pk=row.pk)
    errors = {}
    if same_language.filter(name=row.name).exists():
        errors["name"] = f"This site already has a {noun} with this name in this language."
    if same_language.filter(slug=row.slug).exists():
        errors["slug"] = f"This site already has a {noun} with this slug in this language."
    if errors:
        raise ValidationError(errors)


def in_default_language():
    """Pages are filed under the default language's topics and regions (`limit_choices_to`)."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


def topics_in_default_language():
    # Named by migrations since topics were first filed this way.
    return in_default_language()


def filed_version(topic):
    """The default language's version of `topic`, which pages are filed under.

    `topic` itself when it is in the default language, or when it has no
    default-language version.
    """
    if topic.locale.language_code == settings.LANGUAGE_CODE:
        return topic
    return (
        Topic.objects.filter(
            translation_key=topic.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or topic
    )


@dataclass(frozen=True)
class ReaderTopic:
    """A topic as a reader meets it: named in their language, matched by what pages are filed under.

    Pages point at the default language's topic (`filed`); a Spanish reader
    sees its Spanish name, slug and description (`shown`), or the filed
    topic itself where it has no translation yet.
    """

    shown: Topic
    filed: Topic
    # Every language's version of the topic, where find_topic read them with it:
    # a topic page's addresses in the other languages need no query of their own.
    translations: tuple = field(default=(), compare=False)

    @property
    def slug(self):
        return self.shown.slug

    def in_language(self, language_code):
        """The topic's own version in `language_code`, or None where it has none (or none read)."""
        return next(
            (
                version
                for version in self.translations
                if version.locale.language_code == language_code
            ),
            None,
        )


def reader_topics_of(pages, request=None):
    """The topics `pages` (a queryset) are filed under, as ReaderTopics sorted by shown name."""
    filed = list(Topic.objects.filter(pk__in=pages.filter(topics__isnull=False).values("topics")))
    shown = in_reader_language(filed, request)
    return sorted(
        (ReaderTopic(shown=named, filed=topic) for named, topic in zip(shown, filed, strict=True)),
        key=lambda topic: topic.shown.name.casefold(),
    )


# A well-formed topic or region slug: only one reaches the database
# (PostgreSQL refuses a NUL byte outright).
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def find_topic(slug, site):
    """`site`'s topic whose address is `slug` in any language, as the language being read has it.

    A slug of the default language works in every language too, so a topic
    not yet translated still has an address under /es/. The topic is shown
    in the language being read wherever it has a version in it, whichever
    language's slug found it: its `slug` is then the address to use, which a
    topic page compares with the one asked for.
    """
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        return None
    locale = active_locale()
    # The topics of that slug with all their translations, in one query.
    named = Topic.objects.filter(site=site, slug=slug).values("translation_key")
    family = list(
        Topic.objects.filter(site=site, translation_key__in=named).select_related("locale")
    )
    candidates = sorted(
        (topic for topic in family if topic.slug == slug),
        key=lambda topic: topic.locale_id != locale.pk,
    )
    if not candidates:
        return None
    found = candidates[0]
    translations = tuple(
        topic for topic in family if topic.translation_key == found.translation_key
    )
    shown = next((topic for topic in translations if topic.locale_id == locale.pk), found)
    filed = next(
        (topic for topic in translations if topic.locale.language_code == settings.LANGUAGE_CODE),
        shown,
    )
    return ReaderTopic(shown=shown, filed=filed, translations=translations)


def region_field(help_text):
    """Where a page or row is filed: one of its site's regions, in the default language; optional.

    Deleting the region leaves what was filed under it, under none.
    """
    return models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_language,
        help_text=help_text,
    )


def find_region(slug, site):
    """`site`'s region a listing's `?region=` names (by its default-language slug), or None."""
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        return None
    return Region.objects.filter(site=site, slug=slug, **in_default_language()).first()


def region_choices(regions, request=None):
    """(filter value, name in the reader's language) of `regions`, in their site's order."""
    regions = sorted(regions, key=lambda region: (region.sort_order, region.name))
    shown = in_reader_language(regions, request)
    return [(filed.slug, reader.name) for filed, reader in zip(regions, shown, strict=True)]


class FiledUnderTopics:
    """A page type filed under topics: it has a `topics` many-to-many to `Topic`.

    `topic_section` names the section an issue page gathers it under, and
    `topic_section_order` orders each section, newest first; `topic_section_position`
    places the section among the others.
    """

    topic_section = None
    topic_section_order = "-first_published_at"
    topic_section_position = 100


def filed_page_types():
    """Every installed page type filed under topics, in the order their sections appear."""
    return sorted(
        (model for model in get_page_models() if issubclass(model, FiledUnderTopics)),
        key=lambda model: (model.topic_section_position, model._meta.label),
    )


def pages_filed_under(model, topic, ancestor):
    """Live, public pages of `model` below `ancestor` filed under `topic`, newest first."""
    return (
        listing_queryset(model, ancestor)
        .filter(topics=topic)
        .order_by(model.topic_section_order, "-pk")
    )
