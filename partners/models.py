"""The partner network directory: the organizations a site works with, by region.

Partners are rows of their index page, not snippets: each belongs to one
site, is translated with the page (wagtail-localize offers each description
to translators) and goes through the same review and scheduling as any page.
"""

from django.db import models
from django.http import Http404
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Site, TranslatableMixin
from wagtail.search import index

from modelcluster.fields import ParentalKey
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.mixins import BasePage
from pages.models import HOME_PAGE
from taxonomy.models import find_region, region_choices, region_field

from . import structured_data


class PartnerIndexPage(BasePage):
    """The directory of the organizations the site works with, filterable by region."""

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
            self.partners.all()
            .select_related("logo", "region")
            .prefetch_related("logo__renditions")
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
    def regions_in(partners, request, also=None):
        """(filter value, name) of the regions `partners` (and `also`) are in, in site order."""
        used = {partner.region for partner in partners} | {also}
        return region_choices(used - {None}, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # "All regions" submits an empty value.
        requested = request.GET.get("region") or None
        region = find_region(requested, Site.find_for_request(request)) if requested else None
        if requested is not None and region is None:
            raise Http404("There is no region with that name.")
        partners = self.get_partners()
        listed = [p for p in partners if p.region_id == region.pk] if region else partners
        context["partners"] = listed
        # A region with no partners (yet) stays selected, so the form says what is shown.
        context["regions"] = self.regions_in(partners, request, also=region)
        context["selected_region"] = requested
        context["selected_region_name"] = (
            region_choices([region], request)[0][1] if region else None
        )
        # A filtered list repeats what the full list holds.
        context["noindex"] = region is not None
        return context

    def structured_data(self, request, publisher, seo):
        """schema.org `ItemList` of the partners as `Organization`s (read by seo_tags)."""
        return structured_data.partner_list(request, self, self.get_partners())


class Partner(TranslatableMixin, Orderable):
    """One organization in the directory: its name, logo, region, website and what it does.

    Translated with its page: the description is offered to translators; the
    name, website, logo and region are the same in every language.
    """

    page = ParentalKey(PartnerIndexPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(
        max_length=120,
        help_text="The organization's name as it writes it, e.g. 'New Mexico First'.",
    )
    region = region_field("Where it works, e.g. a region of the state, 'Statewide' or 'National'.")
    description = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences: what the organization does and how you work together.",
    )
    website = models.URLField(
        max_length=300,
        blank=True,
        help_text="The organization's own website, e.g. https://nmfirst.org. Optional.",
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
        SynchronizedField("region", overridable=False),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = "partner"

    def __str__(self):
        return self.name
