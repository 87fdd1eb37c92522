"""The people a campaign addresses and a bill names: legislators, officials, boards.

A decision maker belongs to one site, like a topic or a person: each
organization keeps its own list (its staff alone see and edit it,
editorial.ownership), so two organizations may list the same senator with
different notes. Translatable: translators give each language its own title
("State Senator", "Senadora estatal"); everything else is synchronized, so a
correction made in English reaches every language. Take-action pages and
bills point at the default language's record and show it in the reader's
language (`localization.translations.in_reader_language`).

`import_decision_makers` loads a CSV file of them (`importing.py`).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Site, TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField


class Body(models.TextChoices):
    """Where a decision maker sits. The labels are the visitor's, in their language."""

    SENATE = "senate", _("State Senate")
    HOUSE = "house", _("State House of Representatives")
    EXECUTIVE = "executive", _("Executive office or agency")
    BOARD = "board", _("Board or commission")
    OTHER = "other", _("Other")


DISTRICT_RANGE = "Enter a district number from 1 to 999, or leave it blank."
WEB_ADDRESS = "Enter a web address that starts with http:// or https://."


class DecisionMaker(TranslatableMixin, index.Indexed, models.Model):
    """Someone with a say over a decision: a legislator, an agency head, a board member."""

    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The organization whose campaigns and bills name them. Translations keep it.",
    )
    name = models.CharField(
        max_length=120, help_text="As they write it, e.g. 'Ana Martínez'. Not translated."
    )
    title = models.CharField(
        max_length=120,
        help_text="Their office, e.g. 'State Senator' or 'Secretary of Public Education'.",
    )
    body = models.CharField(
        max_length=20,
        choices=Body.choices,
        default=Body.HOUSE,
        help_text="The chamber, agency or board they belong to.",
    )
    district = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, message=DISTRICT_RANGE),
            MaxValueValidator(999, message=DISTRICT_RANGE),
        ],
        help_text="Their district number, for legislators and elected boards. Blank otherwise.",
    )
    county = models.CharField(
        max_length=60,
        blank=True,
        help_text="The county, or counties separated by commas, their district covers.",
    )
    party = models.CharField(
        max_length=40,
        blank=True,
        help_text="Optional: leave blank if your organization does not show party.",
    )
    email = models.EmailField(
        blank=True,
        help_text=(
            "Their public office e-mail address. Take-action pages that send letters "
            "skip anyone without one."
        ),
    )
    phone = models.CharField(max_length=30, blank=True, help_text="Their public office phone.")
    official_page = models.URLField(
        blank=True,
        # A link visitors follow: only web addresses, never ftp:// or the like. A code
        # of its own, so forms show this message rather than their generic one.
        validators=[
            URLValidator(schemes=["http", "https"], message=WEB_ADDRESS, code="web_address")
        ],
        help_text="Their page on the legislature's or agency's own website.",
    )

    # Only the title is worded per language; facts stay as the English record has them.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (
            "name",
            "body",
            "district",
            "county",
            "party",
            "email",
            "phone",
            "official_page",
        )
    ]

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel("body"), FieldRowPanel([FieldPanel("district"), FieldPanel("county")])],
            heading="Where they sit",
        ),
        FieldPanel("party"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("official_page")],
            heading="How to reach them",
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("title"),
        index.SearchField("county"),
        index.FilterField("locale"),
        # The admin's chooser searches within the user's own sites (editorial.ownership).
        index.FilterField("site"),
        index.FilterField("body"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["body", "district", "name"]

    def __str__(self):
        district = f", district {self.district}" if self.district else ""
        return f"{self.name} ({self.title}{district})"

    def clean(self):
        super().clean()
        twin = self.same_person().exclude(pk=self.pk).first()
        if twin is not None:
            # Campaigns and bills would not know which of the two to name.
            raise ValidationError({"name": f"This site already lists {twin} in this language."})

    def same_person(self):
        """This site's records in this language with the same name (any case), body and district.

        Empty when the record has no site or language yet (a row being
        checked before an import decides where it goes).
        """
        if not self.site_id or not self.locale_id:
            return DecisionMaker.objects.none()
        return DecisionMaker.objects.filter(
            site_id=self.site_id,
            locale_id=self.locale_id,
            name__iexact=self.name.strip(),
            body=self.body,
            district=self.district,
        )
