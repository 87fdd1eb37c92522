"""Organization pages every site has (vision, mission, standard pages) and per-site settings."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse

from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Site, TranslatableMixin
from wagtail.search import index

from modelcluster.fields import ParentalKey

from caching.versions import caching_enabled
from routing.site_context import site_context

from .blocks import BodyBlock, safe_link_address
from .brand import (
    DEFAULT_FONT_PAIRING,
    DEFAULT_HERO_STYLE,
    DEFAULT_PALETTE,
    FONT_PAIRING_CHOICES,
    HERO_STYLE_CHOICES,
    Palette,
    font_pairing,
)
from .colors import palette_problems, validate_brand_color, validate_light_color
from .logos import validate_svg_logo
from .mixins import BasePage
from .used_form_tokens import UsedFormToken  # noqa: F401  (a model: migrations find it here)

HOME_PAGE = "home.HomePage"


def body_field():
    """The shared body StreamField, declared the same way on every page type."""
    return StreamField(BodyBlock(), blank=True, help_text="The main content of the page.")


class VisionPage(BasePage):
    """The organization's vision: one statement, then the reasoning behind it."""

    page_description = (
        "The organization's vision in one sentence, and the reasoning behind it. One per site."
    )

    statement = models.TextField(
        max_length=400, help_text="The vision in one sentence, shown large under the title."
    )
    body = body_field()

    template = "pages/vision_page.html"
    lead_text_field = "statement"
    search_fields = BasePage.search_fields + [
        index.SearchField("statement"),
        index.SearchField("body"),
    ]
    parent_page_types = [HOME_PAGE]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("statement"), FieldPanel("body")]


class MissionPage(BasePage):
    """The organization's mission statement and the pillars that carry it out."""

    page_description = "The mission statement and the pillars that carry it out. One per site."

    statement = models.TextField(
        max_length=400, help_text="The mission in one sentence, shown large under the title."
    )
    pillars_heading = models.CharField(
        max_length=120,
        blank=True,
        default="How we do it",
        help_text="Heading above the pillars. Leave blank to hide it.",
    )
    body = body_field()

    template = "pages/mission_page.html"
    lead_text_field = "statement"
    search_fields = BasePage.search_fields + [
        index.SearchField("statement"),
        index.RelatedFields(
            "pillars", [index.SearchField("title"), index.SearchField("description")]
        ),
        index.SearchField("body"),
    ]
    parent_page_types = [HOME_PAGE]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        FieldPanel("statement"),
        MultiFieldPanel(
            [FieldPanel("pillars_heading"), InlinePanel("pillars", label="Pillar")],
            heading="Pillars",
        ),
        FieldPanel("body"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pillars"] = self.pillars.all().select_related("link_page")
        return context


class MissionPillar(TranslatableMixin, Orderable):
    """One pillar of the mission: a short title, a description and an optional link.

    Translatable, so wagtail-localize offers each pillar's text to translators
    along with the page (it skips child objects that are not).
    """

    page = ParentalKey(MissionPage, on_delete=models.CASCADE, related_name="pillars")
    title = models.CharField(max_length=120, help_text="e.g. 'Trustworthy Information'.")
    description = models.TextField(max_length=600, help_text="One or two sentences.")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: a page on this site to read more about this pillar.",
    )
    link_url = models.URLField(
        blank=True, help_text="Optional: or an address on another website (not both)."
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("link_page"),
        FieldPanel("link_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": "Choose a page or enter an address, not both."})


class StandardPage(BasePage):
    """A plain page of text: about us, contact, privacy."""

    page_description = "A plain page of text and blocks: about us, contact, privacy."

    introduction = models.TextField(
        max_length=600, blank=True, help_text="A short opening paragraph, shown larger."
    )
    body = body_field()

    template = "pages/standard_page.html"
    lead_text_field = "introduction"
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = [HOME_PAGE, "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who the site belongs to and how it looks: one set per organization's site."""

    organization_name = models.CharField(
        max_length=120,
        help_text="Shown in the header, the footer and the browser tab.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "A picture logo (PNG, JPEG or WebP), used when there is no SVG logo. "
            "Its alt text should be the organization's name."
        ),
    )
    logo_svg = models.FileField(
        "SVG logo",
        upload_to="brand/",
        blank=True,
        validators=[FileExtensionValidator(["svg"]), validate_svg_logo],
        help_text=(
            "The logo as an SVG drawing, sharp at any size (under 100 KB, no scripts "
            "or linked files). With no logo at all, the header shows the name in the "
            "heading typeface."
        ),
    )
    brand_color = models.CharField(
        "primary color",
        max_length=7,
        default=DEFAULT_PALETTE.primary,
        validators=[validate_brand_color],
        help_text="Header, buttons and links. Must be dark enough for white text on it.",
    )
    secondary_color = models.CharField(
        max_length=7,
        default=DEFAULT_PALETTE.secondary,
        validators=[validate_brand_color],
        help_text="Footer and call-to-action bands. Must be dark enough for white text on it.",
    )
    accent_color = models.CharField(
        max_length=7,
        default=DEFAULT_PALETTE.accent,
        validators=[validate_light_color],
        help_text=(
            "Highlights: rules under headings, statistics, quote marks. Light enough for dark text."
        ),
    )
    surface_color = models.CharField(
        max_length=7,
        default=DEFAULT_PALETTE.surface,
        validators=[validate_light_color],
        help_text="The tint of boxes and alternate sections. Light enough for dark text and links.",
    )
    font_pairing = models.CharField(
        "typefaces",
        max_length=20,
        choices=FONT_PAIRING_CHOICES,
        default=DEFAULT_FONT_PAIRING,
        help_text=(
            "Headings and text. Web fonts are served from this site; “System” downloads none."
        ),
    )
    hero_style = models.CharField(
        max_length=20,
        choices=HERO_STYLE_CHOICES,
        default=DEFAULT_HERO_STYLE,
        help_text="How the home page's opening picture and words are laid out.",
    )
    contact_email = models.EmailField(blank=True, help_text="Shown in the footer.")
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from every page's footer.",
    )
    facebook_url = models.URLField(blank=True, help_text="Full address of the Facebook page.")
    instagram_url = models.URLField(blank=True, help_text="Full address of the Instagram profile.")
    x_url = models.URLField(blank=True, verbose_name="X URL", help_text="Full address on X.")
    youtube_url = models.URLField(
        blank=True, verbose_name="YouTube URL", help_text="Full address of the YouTube channel."
    )
    linkedin_url = models.URLField(
        blank=True, verbose_name="LinkedIn URL", help_text="Full address of the LinkedIn page."
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Shown when a page with no picture of its own is shared on social media. "
            "Cropped to 1200 × 630 pixels around its focal point."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organization_name"), FieldPanel("logo_svg"), FieldPanel("logo")],
            heading="Identity",
        ),
        MultiFieldPanel(
            [
                FieldPanel("brand_color"),
                FieldPanel("secondary_color"),
                FieldPanel("accent_color"),
                FieldPanel("surface_color"),
                FieldPanel("font_pairing"),
                FieldPanel("hero_style"),
            ],
            heading="Look",
            help_text="Each color is checked for contrast so that everyone can read the site.",
        ),
        FieldPanel("contact_email"),
        FieldPanel("privacy_page"),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
            ],
            heading="Social media",
        ),
        MultiFieldPanel(
            [
                FieldPanel("default_social_image"),
                # Descriptions are text in each language, which site settings
                # (one row per site) cannot hold; the home page is translated.
                HelpPanel(
                    content=(
                        "<p>A page with no search description or summary of its own is "
                        "described to search engines and social networks by the home page's "
                        "search description (Promote tab), or else its hero text, in the "
                        "reader's language.</p>"
                    )
                ),
            ],
            heading="Search and sharing",
        ),
    ]

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self):
        return self.display_name

    def clean(self):
        super().clean()
        problems = palette_problems(self.brand_color, self.surface_color)
        if problems:
            raise ValidationError(problems)

    @property
    def palette(self):
        return Palette(
            primary=self.brand_color,
            secondary=self.secondary_color,
            accent=self.accent_color,
            surface=self.surface_color,
        )

    @property
    def font_preloads(self):
        """The web font files a first view of this site needs."""
        return font_pairing(self.font_pairing).preloads()

    @property
    def brand_version(self):
        """Changes whenever the brand does, so browsers may keep /brand.css for a year."""
        parts = [*vars(self.palette).values(), self.font_pairing, self.logo_svg.name or ""]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]

    @classmethod
    def for_request(cls, request):
        """The site's settings, read from the site's shared parts when caching is on (site_context).

        Every page reads them (name, color, contact, links); they are kept as
        plain field values until content changes (saving settings is a change)
        and made into an instance per request, as the ORM makes one from a row, so this costs
        no query. Images and pages they point at are read only when asked for,
        and what pages need of those is cached on its own (logo, share image).
        """
        if not caching_enabled():
            return super().for_request(request)
        return site_context(request).remember("site-settings", lambda: cls.from_site_parts(request))

    @classmethod
    def from_site_parts(cls, request):
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        values = site_context(request).part("site-settings")
        # As the ORM makes an instance from a row: saved, from the default database.
        site_settings = cls.from_db("default", list(values), list(values.values()))
        site_settings.site = site  # the request's own, so display_name reads no row
        return site_settings

    @classmethod
    def field_values(cls, request):
        """The site's settings as plain field values: a shared part of the site (site_context)."""
        site = Site.find_for_request(request)
        if site is None:
            return None
        stored = cls.for_site(site)
        # A file field reads as a file object; the cache keeps its stored name (plain data).
        return {
            field.attname: field.value_from_object(stored)
            if not isinstance(field, models.FileField)
            else field.value_from_object(stored).name
            for field in cls._meta.concrete_fields
        }

    @classmethod
    def logo_address(cls, request):
        """The logo (favicon, header): the SVG, else a 96 px PNG, else "".

        A shared part of the site.
        """
        site_settings = cls.for_request(request)
        if site_settings.logo_svg:
            return f"{reverse('brand_logo')}?v={site_settings.brand_version}"
        logo = site_settings.logo
        return logo.get_rendition("fill-96x96|format-png").url if logo else ""

    @property
    def display_name(self):
        """The organization's name, or the site's own name until an editor fills it in."""
        return self.organization_name or self.site.site_name or self.site.hostname

    @property
    def social_links(self):
        """(name, address) pairs for the footer, only those filled in."""
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
        ]
        # Only addresses a link may lead to, whatever reached the database.
        return [(name, url) for name, url in links if safe_link_address(url)]
