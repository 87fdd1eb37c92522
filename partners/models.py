"""The partner network directory (issue 6): the organisations a site works with, by region.

Partners are rows of their index page, not snippets: each belongs to one
site, is translated with the page (wagtail-localize offers each description
to translators) and goes through the same review and scheduling as any page.
"""

from django.db import models
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from modelcluster.fields import ParentalKey
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.mixins import BasePage
from pages.models import HOME_PAGE
from taxonomy.models import Region

from . import structured_data

STATEWIDE = "statewide"
NATIONAL = "national"
# New Mexico's regions (taxonomy.Region), then the wider reach of
# statewide and national organizations: the filter offers them in this order.
REGION_CHOICES = [
    *Region.choices,
    (STATEWIDE, _("Statewide")),
    (NATIONAL, _("National")),
]
REGION_NAMES = dict(REGION_CHOICES)
# Longer than any value above, so a hostile ?region= is refused before any query.
MAX_REGION_LENGTH = 20


class PartnerIndexPage(BasePage):
    """The directory of the organisations the site works with, filterable by region."""

    page_description = "The directory of partner organizations, filterable by region."

    introduction = models.TextField(
        max_length=600,
        blank=True,
        help_text="A short paragraph above the directory: who your partners are and why.",
    )

    template = "pages/partner_index_page.html"
    lead_text_field = "introduction"
    parent_page_types = [HOME_PAGE]
    subpage_types = []
    max_count_per_parent = 1
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.RelatedFields(
            "partners", [index.SearchField("name"), index.SearchField("description")]
        ),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        InlinePanel(
            "partners",
            label="Partner",
            heading="Partners",
            help_text="Listed in this order. Visitors can show one region's partners at a time.",
        ),
    ]

    class Meta:
        verbose_name = "partner directory"

    def get_partners(self):
        """Every partner in the editor's order, each with its `anchor` (an id unique on the page).

        A list, read once with the logos and their renditions; previews read
        the unsaved rows the same way.
        """
        partners = list(
            self.partners.all().select_related("logo").prefetch_related("logo__renditions")
        )
        taken = set()
        for partner in partners:
            base = f"partner-{slugify(partner.name) or partner.sort_order}"
            anchor, number = base, 1
            while anchor in taken:
                number += 1
                anchor = f"{base}-{number}"
            taken.add(anchor)
            partner.anchor = anchor
        return partners

    @staticmethod
    def regions_in(partners, also=None):
        """(value, name) of the regions `partners` are in (and `also`), in the filter's order."""
        used = {partner.region for partner in partners} | {also}
        return [(value, name) for value, name in REGION_CHOICES if value in used]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # "All regions" submits an empty value. Only a known value is ever
        # compared with the database's, so junk (a NUL byte) is a 404, not a 500.
        region = request.GET.get("region") or None
        if region is not None and region not in REGION_NAMES:
            raise Http404("There is no region with that name.")
        partners = self.get_partners()
        listed = [p for p in partners if p.region == region] if region else partners
        context["partners"] = listed
        # A region with no partners (yet) stays selected, so the form says what is shown.
        context["regions"] = self.regions_in(partners, also=region)
        context["selected_region"] = region
        context["selected_region_name"] = REGION_NAMES[region] if region else None
        # A filtered list repeats what the full list holds.
        context["noindex"] = region is not None
        return context

    def structured_data(self, request, organisation):
        """schema.org `ItemList` of the partners as `Organization`s (read by seo_tags)."""
        return structured_data.partner_list(request, self, self.get_partners())


class Partner(TranslatableMixin, Orderable):
    """One organisation in the directory: its name, logo, region, website and what it does.

    Translated with its page: the description is offered to translators; the
    name, website, logo and region are the same in every language.
    """

    page = ParentalKey(PartnerIndexPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(
        max_length=120,
        help_text="The organisation's name as it writes it, e.g. 'New Mexico First'.",
    )
    region = models.CharField(
        max_length=MAX_REGION_LENGTH,
        choices=REGION_CHOICES,
        help_text="Where in New Mexico it works; 'Statewide' or 'National' for wider reach.",
    )
    description = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences: what the organisation does and how you work together.",
    )
    website = models.URLField(
        max_length=300,
        blank=True,
        help_text="The organisation's own website, e.g. https://nmfirst.org. Optional.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Optional. Shown beside the name, so screen readers skip it: a logo on a plain "
            "or transparent background looks best."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("region"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]

    translatable_fields = [
        TranslatableField("description"),
        SynchronizedField("name"),
        SynchronizedField("region"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = "partner"

    def __str__(self):
        return self.name
