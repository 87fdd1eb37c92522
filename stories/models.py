"""Stories of students, families, teachers and communities across New Mexico."""

from django import forms
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Site
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail_localize.fields import SynchronizedField

from pages.listing import listing_queryset, paginate
from pages.mixins import BasePage
from pages.models import HOME_PAGE, body_field
from people.models import PersonOnPage
from taxonomy.models import (
    FiledUnderTopics,
    Region,
    Topic,
    find_region,
    region_choices,
    region_field,
    topics_in_default_language,
)


class StoryIndexPage(BasePage):
    """The list of stories, newest first."""

    page_description = "The stories section: its stories newest first, filterable by region."

    introduction = models.TextField(
        max_length=600, blank=True, help_text="A short paragraph above the list of stories."
    )

    template = "pages/story_index_page.html"
    lead_text_field = "introduction"
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    parent_page_types = [HOME_PAGE]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1
    stories_per_page = 12

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    def get_stories(self, region=None):
        """Live, public stories of this index, newest first; only `region`'s if given."""
        stories = latest_stories(self)
        return stories.filter(region=region) if region else stories

    def regions_in_use(self, request=None):
        """(filter value, name) of the regions this index has stories from, in the site's order."""
        used = latest_stories(self).order_by().values_list("region", flat=True).distinct()
        return region_choices(Region.objects.filter(pk__in=used), request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # "All regions" submits an empty value.
        requested = request.GET.get("region") or None
        region = find_region(requested, Site.find_for_request(request)) if requested else None
        if requested is not None and region is None:
            raise Http404("There is no region with that name.")
        context["stories"] = paginate(
            request, self.get_stories(region), self.stories_per_page, keep={"region": requested}
        )
        context["regions"] = self.regions_in_use(request)
        context["selected_region"] = requested
        context["selected_region_name"] = (
            region_choices([region], request)[0][1] if region else None
        )
        # A filtered list repeats what the full list holds.
        context["noindex"] = region is not None
        return context


def latest_stories(ancestor):
    """Live, public stories below `ancestor`, most recently published first."""
    return listing_queryset(StoryPage, ancestor).order_by("-first_published_at", "-pk")


class StoryPage(FiledUnderTopics, BasePage):
    """One person's or one community's story, with where in New Mexico it happened."""

    page_description = (
        "One person's or one community's story, and where it happened. Add it inside Stories."
    )

    subject = models.CharField(
        max_length=120,
        help_text="Who the story is about: a person, a family, a school or a community.",
    )
    region = region_field("Where the story happened. Your site's regions are under Snippets.")
    pull_quote = models.TextField(
        max_length=400, blank=True, help_text="A line from the story, shown large. Optional."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story's main picture. Give it alt text in the image library.",
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="stories",
        # Filed under the default language's topics, like articles, and shown
        # in the reader's language.
        limit_choices_to=topics_in_default_language,
        help_text="What the story is about. Optional.",
    )
    body = body_field()

    template = "pages/story_page.html"
    topic_section = _("Stories")
    topic_section_order = "-first_published_at"
    topic_section_position = 40
    lead_text_field = "pull_quote"
    search_fields = BasePage.search_fields + [
        index.SearchField("subject"),
        index.SearchField("pull_quote"),
        index.SearchField("body"),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    # A translation stays filed under the default language's region, as
    # under its topics, and is shown with the region's name in its language.
    override_translatable_fields = [SynchronizedField("region", overridable=False)]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("subject"), FieldPanel("region")], heading="About the story"),
        InlinePanel(
            "subjects",
            label="Person",
            heading="People in the story",
            help_text=(
                "People the story is about, if they agreed to be named: each is shown "
                "with their role and photo. Optional."
            ),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("pull_quote"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]


class StorySubject(PersonOnPage):
    """A person a story is about, in the order the story introduces them.

    Points at the default language's person, shown in the reader's language.
    Deleting the person takes them off the story and leaves the story as it
    was otherwise.
    """

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="subjects")

    class Meta(PersonOnPage.Meta):
        verbose_name = "person in the story"
        verbose_name_plural = "people in the story"
