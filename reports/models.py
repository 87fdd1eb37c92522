"""Reports: what an organization found, with its key numbers, charts and the file to download."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from articles.models import articles_sharing_topics
from localization.translations import language_of
from pages.blocks import StatisticBlock
from pages.listing import listing_queryset, paginate
from pages.mixins import BasePage
from pages.models import HOME_PAGE
from pages.wayfinding import ancestor_of
from people.models import PersonOnPage
from taxonomy.models import FiledUnderTopics, Topic, topics_in_default_language

from .blocks import ReportBodyBlock


class ReportIndexPage(BasePage):
    """The list of the organization's reports, newest first."""

    page_description = "The reports section: the organization's reports, newest first."

    introduction = models.TextField(
        max_length=600, blank=True, help_text="A short paragraph above the list of reports."
    )

    template = "pages/report_index_page.html"
    lead_text_field = "introduction"
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    parent_page_types = [HOME_PAGE]
    subpage_types = ["reports.ReportPage"]
    max_count_per_parent = 1
    reports_per_page = 12

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    def get_reports(self):
        return latest_reports(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reports"] = paginate(request, self.get_reports(), self.reports_per_page)
        return context


def latest_reports(ancestor):
    """Live, public reports below `ancestor`, newest publication date first."""
    return (
        listing_queryset(ReportPage, ancestor)
        .prefetch_related("topics")
        .order_by("-publication_date", "-first_published_at", "-pk")
    )


class ReportPage(FiledUnderTopics, BasePage):
    """A published report: its summary, key findings, charts, and the full document to download."""

    page_description = (
        "A published report: summary, key findings, charts and the document to download."
    )

    publication_date = models.DateField(
        default=timezone.localdate,
        help_text="When the report came out; reports are listed newest first by this date.",
    )
    summary = models.TextField(
        max_length=600,
        help_text=(
            "What the report found, in two or three sentences: shown under the title and in "
            "listings."
        ),
    )
    partners = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional: who produced it with you, e.g. '50CAN and Edge Research'.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The report's cover. Optional. Give it alt text in the image library.",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The full report to download, usually a PDF. Upload it to the documents first.",
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="reports",
        # Filed under the default language's topics, like articles, and shown
        # in the reader's language.
        limit_choices_to=topics_in_default_language,
        help_text="What the report is about; articles on the same topics are shown beside it.",
    )
    key_findings = StreamField(
        [("finding", StatisticBlock())],
        blank=True,
        help_text="The report's headline numbers: each a figure, what it counts and its source.",
    )
    body = StreamField(
        ReportBodyBlock(),
        blank=True,
        help_text="The report's findings in full: text, charts, tables and quotes.",
    )

    template = "pages/report_page.html"
    topic_section = _("Reports")
    topic_section_order = "-publication_date"
    topic_section_position = 20
    lead_text_field = "summary"
    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("partners"),
        index.SearchField("key_findings"),
        index.SearchField("body"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("publication_date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("partners"),
                InlinePanel(
                    "authors",
                    label="Author",
                    heading="Authors",
                    help_text="Who wrote it, in the order the byline names them. Optional.",
                ),
            ],
            heading="Who made it",
        ),
        FieldPanel("image"),
        FieldPanel("document"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("key_findings"),
        FieldPanel("body"),
    ]

    related_count = 3

    def document_language(self):
        """The language code the report's file is written in.

        A translation that keeps the original's file (no translated file yet)
        offers a file in the original's language, and says so.
        """
        language = language_of(self)
        if self.document_id is None or language == settings.LANGUAGE_CODE:
            return language
        original_document = (
            ReportPage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .values_list("document_id", flat=True)
            .first()
        )
        return settings.LANGUAGE_CODE if original_document == self.document_id else language

    def get_related_articles(self, request=None):
        """Live articles of this report's site and language sharing a topic: most shared first."""
        home = ancestor_of(self, request, levels_up=2)
        if home is None:
            return []
        return articles_sharing_topics(home, self.topics.all(), self.related_count)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = self.get_related_articles(request)
        return context


class ReportAuthor(PersonOnPage):
    """One name in a report's byline; the order is the byline's order."""

    page = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="authors")

    class Meta(PersonOnPage.Meta):
        verbose_name = "author"
