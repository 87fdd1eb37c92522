"""Promoted results: pages a site's moderators put first when visitors search for a phrase."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Site

from .query import search_key


class PromotedResult(models.Model):
    """One page shown first, marked "Recommended", for one search on one site.

    A search matches when its words, lower case and without punctuation,
    are the query's (`search_key`). The page is one of the site's own; readers of another
    language get its version in theirs, as links chosen in English do.
    Each belongs to one site: its staff alone see and edit it
    (editorial.ownership).
    """

    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The organization whose search shows it.",
    )
    query = models.CharField(
        max_length=200,
        help_text="What visitors type, e.g. 'school budget'. Case and punctuation do not matter.",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="One of this site's pages. Spanish readers get its Spanish version.",
    )
    description = models.TextField(
        max_length=300,
        blank=True,
        help_text="Shown under the title instead of an excerpt, in the page's language. Optional.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Several results for one search are shown lowest number first."
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("query"),
        FieldPanel("page"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["query", "sort_order", "pk"]
        verbose_name = "promoted search result"
        constraints = [
            models.UniqueConstraint(
                fields=["site", "query", "page"], name="one_promotion_of_a_page_per_search"
            )
        ]

    def __str__(self):
        return f"“{self.query}”: {self.page.title}" if self.page_id else self.query

    def save(self, *args, **kwargs):
        self.query = search_key(self.query)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.query = search_key(self.query)
        errors = {}
        if not self.query:
            errors["query"] = "Type the words visitors search for."
        if self.page_id and self.site_id:
            page_site = self.page.get_site()
            if page_site is None or page_site.pk != self.site_id:
                errors["page"] = "Choose one of this site's pages."
            else:
                same = PromotedResult.objects.filter(
                    site_id=self.site_id, query=self.query, page_id=self.page_id
                )
                if same.exclude(pk=self.pk).exists():
                    errors["page"] = "This page is already promoted for this search."
        if errors:
            raise ValidationError(errors)
