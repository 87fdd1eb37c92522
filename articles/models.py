"""News: the news index and its articles, with a page and feeds per topic."""

from django import forms
from django.apps import apps
from django.db import models
from django.db.models import Count, Max
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Site
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from localization.translations import in_reader_language
from pages.listing import listing_queryset, paginate
from pages.mixins import BasePage, RoutableBasePage
from pages.models import HOME_PAGE, body_field
from pages.wayfinding import ancestor_of
from people.models import PersonOnPage
from taxonomy.models import (
    FiledUnderTopics,
    ReaderTopic,
    Topic,
    find_topic,
    pages_filed_under,
    topics_in_default_language,
)

from . import feeds, structured_data


class NewsIndexPage(RoutableBasePage):
    """The list of news articles, newest first, with a page and feeds per topic.

    Addresses below the index (English; Spanish under /es/ likewise):
    /news/?topic=essa            the list filtered to one topic (not indexed)
    /news/topics/essa/           the topic's own page: its articles and stories
    /news/feeds/rss/, atom/      the news feeds; topics/essa/feeds/rss/ per topic
    """

    page_description = (
        "The news section: its articles newest first, with a page and feeds per topic."
    )

    introduction = models.TextField(
        max_length=600, blank=True, help_text="A short paragraph above the list of articles."
    )

    template = "pages/news_index_page.html"
    topic_template = "pages/news_topic_page.html"
    lead_text_field = "introduction"
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    parent_page_types = [HOME_PAGE]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1
    articles_per_page = 12
    # A topic page shows its newest stories beside its articles, not all of them.
    topic_stories_count = 6

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    def get_articles(self, topic=None):
        """Live, public articles of this index, newest first; only `topic`'s if given.

        `topic` is a ReaderTopic.
        """
        articles = latest_articles(self)
        if topic is not None:
            articles = articles.filter(topics=topic.filed)
        return articles

    def topics_in_use(self, request):
        """The topics this index's live articles are filed under, named in the reader's language."""
        filed = list(
            Topic.objects.filter(
                pk__in=latest_articles(self).filter(topics__isnull=False).values("topics")
            )
        )
        shown = in_reader_language(filed, request)
        return sorted(
            (
                ReaderTopic(shown=named, filed=topic)
                for named, topic in zip(shown, filed, strict=True)
            ),
            key=lambda topic: topic.shown.name.casefold(),
        )

    def topic_url(self, topic, request=None):
        return self.get_url(request) + self.reverse_subpage("topic", args=[topic.slug])

    def feed_url(self, feed_format, topic=None, request=None):
        if topic is None:
            return self.get_url(request) + self.reverse_subpage(f"{feed_format}_feed")
        return self.get_url(request) + self.reverse_subpage(
            f"topic_{feed_format}_feed", args=[topic.slug]
        )

    def get_cached_paths(self):
        """What a CDN forgets when this index's list changes (caching/invalidation.py).

        The list, its feeds, and each topic's page and feeds. Filtered and
        later pages of the list (?topic=, ?page=) cannot be named one by one;
        a CDN keeps those only DJANGO_CDN_MAX_AGE seconds.
        """
        paths = ["/", self.reverse_subpage("rss_feed"), self.reverse_subpage("atom_feed")]
        site = self.get_site()
        topics = Topic.objects.filter(site=site) if site else Topic.objects.none()
        for slug in topics.values_list("slug", flat=True).distinct():
            paths += [
                self.reverse_subpage(route, args=[slug])
                for route in ("topic", "topic_rss_feed", "topic_atom_feed")
            ]
        return paths

    @path("")
    def articles_listing(self, request):
        """The whole list, or one topic's articles with ?topic=<slug>."""
        topic = None
        # "All topics" submits an empty value.
        requested = request.GET.get("topic")
        if requested:
            topic = find_topic(requested, Site.find_for_request(request))
            if topic is None:
                raise Http404("There is no topic with that name.")
        topics = self.topics_in_use(request)
        return self.render(
            request,
            context_overrides={
                "articles": paginate(
                    request,
                    self.get_articles(topic),
                    self.articles_per_page,
                    keep={"topic": topic.slug if topic else None},
                ),
                "topics": topics,
                "topic_choices": [(choice.slug, choice.shown.name) for choice in topics],
                "selected_topic": topic,
                "selected_topic_url": self.topic_url(topic, request) if topic else None,
                # A filtered list repeats what the topic page and the full list hold.
                "noindex": topic is not None,
            },
        )

    @path("topics/<slug:topic_slug>/", name="topic")
    def topic_page(self, request, topic_slug):
        """Everything on one topic: its description, articles, and stories from the same site."""
        topic = self._topic_or_404(request, topic_slug)
        return self.render(
            request,
            template=self.topic_template,
            context_overrides={
                "topic": topic,
                "articles": paginate(request, self.get_articles(topic), self.articles_per_page),
                "stories": self.stories_about(topic, request),
                "canonical_path": self.topic_url(topic, request),
                "subpage_title": topic.shown.name,
                "subpage_description": topic.shown.description,
            },
        )

    @path("feeds/rss/", name="rss_feed")
    def rss_feed(self, request):
        return feeds.feed_response(request, self, "rss")

    @path("feeds/atom/", name="atom_feed")
    def atom_feed(self, request):
        return feeds.feed_response(request, self, "atom")

    @path("topics/<slug:topic_slug>/feeds/rss/", name="topic_rss_feed")
    def topic_rss_feed(self, request, topic_slug):
        return feeds.feed_response(request, self, "rss", self._topic_or_404(request, topic_slug))

    @path("topics/<slug:topic_slug>/feeds/atom/", name="topic_atom_feed")
    def topic_atom_feed(self, request, topic_slug):
        return feeds.feed_response(request, self, "atom", self._topic_or_404(request, topic_slug))

    def stories_about(self, topic, request):
        """The newest live stories on this site filed under `topic` (a ReaderTopic)."""
        try:
            story_model = apps.get_model("stories", "StoryPage")
        except LookupError:
            return []
        stories = pages_filed_under(story_model, topic.filed, ancestor_of(self, request))
        return stories[: self.topic_stories_count]

    def _topic_or_404(self, request, slug):
        topic = find_topic(slug, Site.find_for_request(request))
        if topic is None:
            raise Http404("There is no topic with that name.")
        return topic

    def get_sitemap_urls(self, request=None):
        """The index, and a page per topic its articles are filed under."""
        index_url = self.get_full_url(request)
        # Topics are named (and addressed) in the index's own language.
        with translation.override(self.locale.language_code):
            topics = self.topics_in_use(request)
        # A topic page changes when one of its articles does.
        last_changed = dict(
            latest_articles(self)
            .order_by()
            .values_list("topics")
            .annotate(last_published=Max("last_published_at"))
        )
        return super().get_sitemap_urls(request) + [
            {
                "location": index_url + self.reverse_subpage("topic", args=[topic.slug]),
                "lastmod": last_changed.get(topic.filed.pk),
            }
            for topic in topics
        ]


def articles_sharing_topics(ancestor, topics, count, exclude=None):
    """Up to `count` live articles below `ancestor` filed under any of `topics`.

    Those sharing the most topics come first, then the newest; `exclude` (the
    page asking) is left out.
    """
    topic_ids = [topic.pk for topic in topics]
    if not topic_ids:
        return []
    articles = latest_articles(ancestor).filter(topics__in=topic_ids)
    if exclude is not None:
        articles = articles.exclude(pk=exclude.pk)
    return list(
        articles.annotate(shared_topics=Count("topics")).order_by(
            "-shared_topics", "-publication_date", "-first_published_at", "-pk"
        )[:count]
    )


def latest_articles(ancestor):
    """Live, public articles below `ancestor`, newest publication date first."""
    return (
        listing_queryset(ArticlePage, ancestor)
        .prefetch_related("topics")
        .order_by("-publication_date", "-first_published_at", "-pk")
    )


class ArticlePage(FiledUnderTopics, BasePage):
    """A news article or announcement."""

    page_description = "A news article or announcement, filed under topics. Add it inside News."

    publication_date = models.DateField(
        default=timezone.localdate,
        help_text="The date readers see; articles are listed newest first by this date.",
    )
    summary = models.TextField(
        max_length=400, help_text="One or two sentences: shown under the title and in listings."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The article's main picture. Give it alt text in the image library.",
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="articles",
        # Articles are filed under the default language's topics (each shown
        # in the reader's language), so editors see each topic once.
        limit_choices_to=topics_in_default_language,
        help_text="What the article is about.",
    )
    body = body_field()

    template = "pages/article_page.html"
    topic_section = _("Articles")
    topic_section_order = "-publication_date"
    topic_section_position = 10
    lead_text_field = "summary"
    parent_page_types = ["articles.NewsIndexPage"]
    subpage_types = []

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("publication_date"),
        InlinePanel(
            "authors",
            label="Author",
            heading="Authors",
            help_text="Who wrote it, in the order the byline names them. Optional.",
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]

    related_count = 3

    def get_related_articles(self, topics=None, index=None):
        """Other live articles of this index sharing a topic: most shared first, then newest."""
        return articles_sharing_topics(
            index or self.get_parent(),
            self.topics.all() if topics is None else topics,
            self.related_count,
            exclude=self,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read once: the tags under the title and the related articles both use them.
        context["article_topics"] = list(self.topics.all())
        context["related_articles"] = self.get_related_articles(
            context["article_topics"], ancestor_of(self, request)
        )
        return context

    def structured_data(self, request, publisher, seo):
        """schema.org `NewsArticle` for the page's JSON-LD (read by seo_tags)."""
        return structured_data.news_article(request, self, publisher, seo)


class ArticleAuthor(PersonOnPage):
    """One name in an article's byline; the order is the byline's order.

    Points at the default language's person, who is shown in the reader's
    language. Deleting the person takes them off the byline and leaves the
    article as it was otherwise.
    """

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")

    class Meta(PersonOnPage.Meta):
        verbose_name = "author"
