"""What every page shares: how it is listed, how it is shared, and the base page itself.

Each mixin carries its own panels so a page class only combines them.
"""

from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page
from wagtail.search import index

from localization.translations import language_of
from routing.router import route_by_address, view_restrictions_for

from .blocks import refuse_bad_addresses
from .forms import SiteChoicesPageForm


class ListingFields(models.Model):
    """How a page appears in listings and cards elsewhere on the site."""

    listing_title = models.CharField(
        max_length=120,
        blank=True,
        help_text="Shown in listings and cards instead of the page title. Optional.",
    )
    listing_summary = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two sentences for listings, search results and link previews.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in listings instead of the page's main image. Optional.",
    )

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading="Listings",
        )
    ]

    class Meta:
        abstract = True


class SocialFields(models.Model):
    """What a link to the page shows when it is shared on social media."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared. Falls back to the listing or main image.",
    )
    social_text = models.CharField(
        max_length=255,
        blank=True,
        help_text="Shown when the page is shared. Falls back to the listing summary.",
    )

    social_panels = [
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading="Sharing")
    ]

    class Meta:
        abstract = True


class ImageAltTextField(models.Model):
    """The page's own words for its main picture, which translators translate with the page.

    The image library's description is written once, in the default
    language; a page in another language describes the picture in its own
    (wagtail-localize offers this field to translators like any text).
    """

    image_alt_text = models.CharField(
        "alt text of the main picture",
        max_length=250,
        blank=True,
        help_text=(
            "What the page's main picture (the hero on a home page) shows, for people who "
            "cannot see it. Fill it in so translators can describe it in their language; "
            "blank uses the image library's description."
        ),
    )

    image_alt_panels = [FieldPanel("image_alt_text")]

    class Meta:
        abstract = True


class OneRecordAcrossLanguages:
    """For pages whose records (answers, sign-ups) belong to the page, not to one language.

    Each translation of such a page collects into the default language's
    version, so staff see one list whatever language a visitor used.
    """

    def default_language_page(self):
        """The default language's version, which holds every language's records."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        original = self.get_translation_or_none(default)
        return original.specific if original else self

    def in_language(self, language_code):
        """This page's live version in `language_code`, or the default language's page."""
        locale = Locale.objects.filter(language_code=language_code).first()
        version = self.get_translation_or_none(locale) if locale is not None else None
        if version is not None and version.live:
            return version.specific
        return self.default_language_page()


class BasePage(ListingFields, SocialFields, ImageAltTextField, Page):
    """Abstract parent of every page type on the site.

    Editors preview each page three ways: the page itself, its card as
    listings show it, and the card a social network makes of a shared link.
    """

    # Pages are built from editable content only; none of them is a container
    # of arbitrary children unless its class says so.
    subpage_types = []

    # Reading a page and posting its form. Wagtail's default also answers PUT,
    # PATCH and DELETE with the page itself; those (and TRACE) are a 405.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    promote_panels = (
        Page.promote_panels
        + ListingFields.listing_panels
        + SocialFields.social_panels
        + ImageAltTextField.image_alt_panels
    )

    # Topics and people offered are the page's own site's (pages/forms.py).
    base_form_class = SiteChoicesPageForm

    # Site search reads the title and the listing summary of every page; each
    # page type adds the fields holding its own text.
    search_fields = Page.search_fields + [index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    # Page types with a main image name it `image`; the listing image overrides it.
    def get_listing_image(self):
        return self.listing_image or getattr(self, "image", None)

    def get_listing_title(self):
        return self.listing_title or self.title

    # The field holding a page type's opening text; it stands in for a listing
    # summary the editor left blank. Each page type names its own.
    lead_text_field = None

    def get_listing_summary(self):
        lead_text = getattr(self, self.lead_text_field) if self.lead_text_field else ""
        return self.listing_summary or self.search_description or lead_text

    def get_social_image(self):
        return self.social_image or self.get_listing_image()

    def get_social_text(self):
        return self.social_text or self.get_listing_summary()

    # Page types with a main image name it `image`; the home page's is its hero.
    def get_main_image(self):
        return getattr(self, "image", None) or getattr(self, "hero_image", None)

    @property
    def image_alt(self):
        """The main picture's alt text here: the page's own words, else the library's."""
        if self.image_alt_text:
            return self.image_alt_text
        image = self.get_main_image()
        return image.default_alt_text if image else ""

    @property
    def image_alt_language(self):
        """The language `image_alt` is written in, for the picture's `lang`.

        The page's own words are in its language (a twin shows its original's);
        the library's description is in the default language.
        """
        if not self.image_alt_text:
            return settings.LANGUAGE_CODE
        return language_of(self.alias_of if self.alias_of_id else self)

    def clean(self):
        super().clean()
        # The editor's form checks each address; a translation applied by
        # wagtail-localize, or an import, reaches the page without it.
        refuse_bad_addresses(self)

    # --- Previews in the admin: the page, its listing card, its social card ---

    LISTING_CARD_PREVIEW = "card"
    SOCIAL_CARD_PREVIEW = "social"
    # Offered on every page, not only those with a social image: a shared link
    # shows a card (title and text, the image if any) either way.
    preview_modes = [
        ("", "Page"),
        (LISTING_CARD_PREVIEW, "Listing card"),
        (SOCIAL_CARD_PREVIEW, "Social share card"),
    ]
    preview_templates = {
        LISTING_CARD_PREVIEW: "previews/listing_card.html",
        SOCIAL_CARD_PREVIEW: "previews/social_card.html",
    }

    # The whole address in two queries, not two per level (routing/router.py).
    route = route_by_address

    def get_view_restrictions(self):
        # One query instead of two on every page served (routing/router.py).
        return view_restrictions_for(self)

    def listing_card(self):
        """(template, name it reads the page by) that listings render this page's card with.

        Found by name: ArticlePage's card is `components/article_card.html`,
        reading the page as `article`; StoryPage's is `story_card.html`, as
        `story`. Page types no listing shows get the generic card, as `item`.
        """
        card_name = self._meta.model_name.removesuffix("page")
        card_template = f"components/{card_name}_card.html"
        try:
            get_template(card_template)
        except TemplateDoesNotExist:
            return "components/page_card.html", "item"
        return card_template, card_name

    def get_preview_template(self, request, mode_name):
        return self.preview_templates.get(mode_name) or super().get_preview_template(
            request, mode_name
        )

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        if mode_name == self.LISTING_CARD_PREVIEW:
            card_template, card_variable = self.listing_card()
            context["card_template"] = card_template
            context[card_variable] = self
        return context


class RoutableBasePage(RoutablePageMixin, BasePage):
    """A BasePage that also answers addresses below its own (feeds, calendars, topic pages).

    Wagtail's RoutablePageMixin previews every mode through the page's own
    route; the listing-card and share-card previews are not routes, so they
    are rendered as on any other page.
    """

    class Meta:
        abstract = True

    def serve_preview(self, request, mode_name):
        if mode_name in self.preview_templates:
            return BasePage.serve_preview(self, request, mode_name)
        return super().serve_preview(request, mode_name)
