"""The home page: the root of each organization's site.

It lives in its own app because it shows news and stories, so it depends on
`articles` and `stories`, which themselves depend only on `pages`.
"""

from django.db import models
from django.db.models import OuterRef, Subquery

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from articles.models import latest_articles
from pages.mixins import BasePage
from pages.models import body_field
from stories.models import latest_stories


class HomePage(BasePage):
    """The front page of one organization's site; every other page sits below it."""

    page_description = "The front page of an organization's site; every other page sits below it."

    hero_heading = models.CharField(
        max_length=160, help_text="The big line at the top of the page, e.g. the vision."
    )
    hero_text = models.TextField(
        max_length=600, blank=True, help_text="One or two sentences under the big line."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide picture beside the big line. Optional.",
    )
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the button under the big line goes. Leave blank for no button.",
    )
    hero_link_label = models.CharField(
        max_length=60, blank=True, help_text="The button's words. Blank uses the page's title."
    )
    body = body_field()
    news_heading = models.CharField(
        max_length=120,
        blank=True,
        default="Recent articles and news",
        help_text="Heading above the latest articles. Leave blank to hide the section.",
    )
    news_count = models.PositiveSmallIntegerField(
        default=4, help_text="How many of the latest articles to show (0 hides the section)."
    )
    stories_heading = models.CharField(
        max_length=120,
        blank=True,
        default="Stories",
        help_text="Heading above the featured stories. Leave blank to hide the section.",
    )

    template = "pages/home_page.html"
    lead_text_field = "hero_text"
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.VisionPage",
        "pages.MissionPage",
        "stories.StoryIndexPage",
        "articles.NewsIndexPage",
        "pages.StandardPage",
        # Community participation sections: each app adds its own line below.
        "surveys.SurveyPage",
        "reports.ReportIndexPage",
        "events.EventIndexPage",
        "issues.IssueIndexPage",
        "newsletter.NewsletterPage",
        "partners.PartnerIndexPage",
        # Advocacy: take-action campaigns and the bill tracker.
        "campaigns.ActionIndexPage",
        "legislation.BillIndexPage",
    ]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                PageChooserPanel("hero_link_page"),
                FieldPanel("hero_link_label"),
            ],
            heading="Hero",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("news_heading"), FieldPanel("news_count")], heading="Latest news"
        ),
        MultiFieldPanel(
            [
                FieldPanel("stories_heading"),
                InlinePanel("featured_stories", label="Featured story", max_num=6),
            ],
            heading="Featured stories",
            help_text=(
                "Choose up to six. With none chosen, or none still published, "
                "the newest three are shown."
            ),
        ),
    ]

    def get_latest_articles(self):
        if not self.news_heading or not self.news_count:
            return []
        return list(latest_articles(self)[: self.news_count])

    def get_featured_stories(self):
        """The stories editors chose, in their order, or else the newest three."""
        if not self.stories_heading:
            return []
        queryset = latest_stories(self)
        # Read through the cluster so previews of unsaved choices work too.
        chosen_ids = [choice.story_id for choice in self.featured_stories.all()]
        if chosen_ids:
            # A translated home page may still point at the English stories, so
            # stories are matched by translation key to this page's language,
            # each found one knowing which choice it answers (one query).
            chosen_stories = queryset.model.objects.filter(pk__in=chosen_ids)
            in_language = queryset.filter(
                translation_key__in=chosen_stories.values("translation_key")
            ).annotate(
                chosen_pk=Subquery(
                    chosen_stories.filter(translation_key=OuterRef("translation_key")).values("pk")[
                        :1
                    ]
                )
            )
            by_choice = {story.chosen_pk: story for story in in_language}
            # Chosen stories since unpublished or made private are skipped.
            chosen = [by_choice[pk] for pk in chosen_ids if pk in by_choice]
            if chosen:
                return chosen
        return list(queryset[:3])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when the lists are not kept already
        # (`{% cached_fragment %}` in home_page.html).
        context["latest_articles"] = self.get_latest_articles
        context["featured_stories"] = self.get_featured_stories
        return context


class HomeFeaturedStory(Orderable):
    """A story chosen to appear on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey(
        "stories.StoryPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A story from this site.",
    )

    panels = [PageChooserPanel("story")]
