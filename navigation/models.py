"""The main menu and the footer: translatable snippets, one per site and language.

Editors build each site's menu once in English and translate it like any
other snippet; templates pick the one for the site and language being read
(`for_request`). Links to pages always lead to the page's version in that
language, so a menu translated before its pages were still works.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Site, TranslatableMixin

from pages.blocks import LinkBlock, refuse_bad_addresses


class PerSiteSnippet(TranslatableMixin, models.Model):
    """A snippet of which each site has one per language."""

    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The site this belongs to. Translations keep the same site.",
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def __str__(self):
        return f"{self.site.site_name or self.site.hostname} ({self.locale.language_code})"

    def clean(self):
        super().clean()
        # A translation applied by wagtail-localize skips the form's address checks.
        refuse_bad_addresses(self)
        # One per site and language. The constraint includes `locale`, which is
        # not a form field, so form validation skips it: check here so an
        # editor gets a message instead of a server error.
        if self.site_id and self.locale_id:
            others = type(self).objects.filter(site_id=self.site_id, locale_id=self.locale_id)
            if others.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {
                        "site": f"This site already has a {self._meta.verbose_name} in this "
                        "language: edit that one, or translate it into another language."
                    }
                )

    @classmethod
    def for_request(cls, request):
        """This site's snippet in the language being read, else in the default language."""
        site = Site.find_for_request(request)
        if site is None:
            return None
        wanted = [get_language(), settings.LANGUAGE_CODE]
        candidates = cls.objects.filter(site=site, locale__language_code__in=wanted)
        by_language = {
            snippet.locale.language_code: snippet for snippet in candidates.select_related("locale")
        }
        return next((by_language[code] for code in wanted if code in by_language), None)


def links_field():
    return StreamField(
        [("link", LinkBlock())],
        blank=True,
        help_text="In the order they should appear.",
    )


class MainMenu(PerSiteSnippet):
    """The links in every page's header. Without one, the home page's menu pages show."""

    links = links_field()

    panels = [FieldPanel("site"), FieldPanel("links")]

    class Meta(PerSiteSnippet.Meta):
        verbose_name = "main menu"
        constraints = [
            models.UniqueConstraint(
                fields=["site", "locale"], name="one_main_menu_per_site_language"
            )
        ]


class Footer(PerSiteSnippet):
    """What sits at the foot of every page beside the contact details in site settings."""

    tagline = models.CharField(
        max_length=160, blank=True, help_text="A short line under the organization's name."
    )
    links = links_field()

    panels = [FieldPanel("site"), FieldPanel("tagline"), FieldPanel("links")]

    class Meta(PerSiteSnippet.Meta):
        verbose_name = "footer"
        constraints = [
            models.UniqueConstraint(fields=["site", "locale"], name="one_footer_per_site_language")
        ]
