"""People the sites name: article authors and the people stories are about."""

from django import forms
from django.conf import settings
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Site, TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone named on the site: a staff member who writes, or a person a story is about.

    Translatable: translators give each language its own role and bio, while
    the name stays as the person writes it. Articles and stories point at
    the default language's person and show them in the reader's language
    with `{% localized_people %}`. Each person belongs to one site: its staff
    alone see and edit them (editorial.ownership), and its pages alone name them.
    """

    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The organization whose pages name this person. Translations keep it.",
    )

    name = models.CharField(
        max_length=120, help_text="As the person writes it, e.g. 'Ana Martínez'. Not translated."
    )
    role = models.CharField(
        max_length=120,
        blank=True,
        help_text="Shown after the name, e.g. 'Executive Director' or 'Parent, Las Cruces'.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "A portrait, cropped around the face. Optional. It is shown next to the name, "
            "so visitors who cannot see it miss nothing."
        ),
    )
    bio = models.TextField(
        max_length=500,
        blank=True,
        help_text="Two or three sentences about the person, shown under their articles.",
    )

    # The name is the same in every language; only what describes the person is translated.
    override_translatable_fields = [SynchronizedField("name", overridable=False)]

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.FilterField("locale"),
        # The admin searches only the user's own site's people.
        index.FilterField("site"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name


def people_in_default_language():
    """Articles and stories name the default language's people, so editors see each person once."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class PersonOnPage(Orderable):
    """A person named on a page (an author, a story's subject), in the editor's order.

    Points at the default language's person, who is shown in the reader's
    language. Deleting the person takes them off the page and leaves the
    page as it was otherwise. Subclasses add the `page` ParentalKey.
    """

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=people_in_default_language,
        help_text="Add someone new under People first.",
    )

    # A short list of staff: a plain menu offers only the default language's
    # people, which Wagtail's chooser pop-up would not restrict.
    panels = [FieldPanel("person", widget=forms.Select)]

    class Meta(Orderable.Meta):
        abstract = True
