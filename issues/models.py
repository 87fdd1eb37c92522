"""Policy issues: one page per issue the organization works on, gathering all it publishes on it.

An issue page names one topic; everything on the same site, in the same
language, filed under that topic (every page type that joins
`taxonomy.FiledUnderTopics`: articles, reports, events, stories) is gathered
on it, newest first.
"""

from django import forms
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from pages.listing import listing_queryset
from pages.mixins import BasePage
from pages.models import HOME_PAGE, body_field
from pages.wayfinding import ancestor_of
from taxonomy.models import Topic, filed_page_types, filed_version, pages_filed_under

# Each section shows the newest few; the news topic page lists every article.
PER_SECTION = 6


class IssueIndexPage(BasePage):
    """The list of the issues the organization works on."""

    page_description = "The issues section: the policy issues the organization works on."

    introduction = models.TextField(
        max_length=600, blank=True, help_text="A short paragraph above the list of issues."
    )

    template = "pages/issue_index_page.html"
    lead_text_field = "introduction"
    parent_page_types = [HOME_PAGE]
    subpage_types = ["issues.IssuePage"]
    max_count_per_parent = 1
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = listing_queryset(IssuePage, self).order_by("path")
        return context


class IssuePage(BasePage):
    """One policy issue: why it matters, and everything the site has published on it."""

    page_description = "One policy issue: why it matters, and everything published on its topic."

    summary = models.TextField(
        max_length=400, help_text="The issue in one or two sentences: shown under the title."
    )
    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        related_name="+",
        # Not limited to the default language: translating the page points it
        # at the translated topic, and `filed_topic()` finds the one pages use.
        help_text=(
            "Articles, reports, events and stories filed under this topic are gathered on "
            "this page."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Give it alt text in the image library.",
    )
    body = body_field()

    template = "pages/issue_page.html"
    lead_text_field = "summary"
    parent_page_types = ["issues.IssueIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("topic", widget=forms.Select),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    def filed_topic(self):
        """The default language's topic, which pages are filed under.

        A Spanish issue page may point at the Spanish topic (translation swaps
        the link for the translated topic); pages are filed under the English one.
        """
        return filed_version(self.topic)

    def gathered(self, request):
        """[(heading, [pages])] filed under the topic on this site, in this language, newest first.

        Each section is one query (plus its images and topics), whatever its length.
        """
        site_home = ancestor_of(self, request, levels_up=2)
        topic = self.filed_topic()
        sections = []
        for model in filed_page_types():
            pages = list(
                pages_filed_under(model, topic, site_home).prefetch_related("topics")[:PER_SECTION]
            )
            if pages:
                sections.append((model.topic_section, pages))
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.gathered(request)
        return context
