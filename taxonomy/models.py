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
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Site, TranslatableMixin, get_page_models
from wagtail.search import index

from pages.listing import listing_queryset
from pages.translations import active_locale


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
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

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
        # The per-language uniqueness constraints include `locale`, which is not
        # a form field, so Django's form validation skips them: check here so
        # an editor gets a message instead of a server error.
        super().clean()
        if not self.locale_id or not self.site_id:
            return
        same_language = Topic.objects.filter(site_id=self.site_id, locale_id=self.locale_id)
        same_language = same_language.exclude(pk=self.pk)
        errors = {}
        if same_language.filter(name=self.name).exists():
            errors["name"] = "This site already has a topic with this name in this language."
        if same_language.filter(slug=self.slug).exists():
            errors["slug"] = "This site already has a topic with this slug in this language."
        if errors:
            raise ValidationError(errors)


class Region(models.TextChoices):
    """New Mexico's regions, as the state's own education and planning maps group them.

    Stories, events and partners are filed under one. The labels are shown to
    visitors, so they are in the translation catalog. Still a fixed list,
    shared by every site: it belongs here, with the rest of the vocabulary,
    until each site manages its own regions as data.
    """

    NORTHWEST = "northwest", _("Northwest")
    NORTH_CENTRAL = "north-central", _("North Central")
    NORTHEAST = "northeast", _("Northeast")
    CENTRAL = "central", _("Central (Albuquerque metro)")
    SOUTHWEST = "southwest", _("Southwest")
    SOUTHEAST = "southeast", _("Southeast")


def topics_in_default_language():
    return {"locale__language_code": settings.LANGUAGE_CODE}


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

    @property
    def slug(self):
        return self.shown.slug


TOPIC_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def find_topic(slug, site):
    """`site`'s topic whose address is `slug` in the language being read, or None.

    A slug of the default language works in every language too, so a topic
    not yet translated still has an address under /es/.
    """
    # Only a well-formed slug reaches the database (PostgreSQL refuses a NUL byte outright).
    if not isinstance(slug, str) or not TOPIC_SLUG.fullmatch(slug):
        return None
    locale = active_locale()
    candidates = Topic.objects.filter(site=site, slug=slug).select_related("locale")
    shown = next(
        iter(sorted(candidates, key=lambda topic: topic.locale_id != locale.pk)),
        None,
    )
    if shown is None:
        return None
    return ReaderTopic(shown=shown, filed=filed_version(shown))


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
