"""News: the news index and its articles, with a page and feeds per topic."""

import re
from dataclasses import replace

from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Count, Max, QuerySet, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.models import Site
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from localization.translations import language_of
from pages.listing import listing_queryset, paginate
from pages.mixins import BasePage, RoutableBasePage
from pages.models import HOME_PAGE, body_field
from pages.wayfinding import ancestor_of
from people.models import PersonOnPage
from routing.site_context import site_context
from taxonomy.models import (
    FiledUnderTopics,
    Topic,
    find_topic,
    pages_filed_under,
    reader_topics_of,
    topics_in_default_language,
)

from . import feeds, structured_data

# The word for "topics" in a news index's addresses, by the index's language.
# A language not listed uses the default language's word; a third language is one more line.
TOPICS_WORDS = {"en": "topics", "es": "temas"}
# A topic's page and feeds answer under every listed word, and move to their
# index's own (an address from before Spanish had its word keeps working).
TOPIC_PATH = r"^(?P<topics_word>{words})/(?P<topic_slug>[-a-zA-Z0-9_]+)/".format(
    words="|".join(sorted(map(re.escape, set(TOPICS_WORDS.values()))))
)
TOPIC_ROUTES = ("topic", "topic_rss_feed", "topic_atom_feed")


def topics_word_for(language_code):
    return TOPICS_WORDS.get(language_code, TOPICS_WORDS[settings.LANGUAGE_CODE])


def topic_subpath(route, language_code, topic_slug):
    """A topic's page or feed (`route`) below a news index in `language_code`: "temas/foros/"."""
    return NewsIndexPage.get_resolver().reverse(
        route, topics_word=topics_word_for(language_code), topic_slug=topic_slug
    )


def permanently_moved(request, url):
    """A 301 to `url`, keeping the query string (a topic page's ?page=)."""
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


class NewsIndexPage(RoutableBasePage):
    """The list of news articles, newest first, with a page and feeds per topic.

    Addresses below the index (English; Spanish under /es/ in its own words):
    /news/?topic=essa            the list filtered to one topic (not indexed)
    /news/topics/essa/           the topic's own page: its articles and stories
    /news/feeds/rss/, atom/      the news feeds; topics/essa/feeds/rss/ per topic
    /es/noticias/temas/ley-essa/ a topic's page in Spanish: the Spanish word and
                                 the topic's Spanish slug; other spellings move there
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

    def topic_ids_in_use(self):
        """The ids of the topics this index's live articles are filed under: its topic pages."""
        filed = latest_articles(self).filter(topics__isnull=False).order_by()
        return tuple(sorted(set(filed.values_list("topics", flat=True))))

    def topics_in_use(self, request):
        """The topics this index's live articles are filed under, named in the reader's language."""
        return reader_topics_of(latest_articles(self), request)

    def topics_word(self):
        """The word for "topics" in this index's addresses: its own language's."""
        return topics_word_for(language_of(self))

    def reverse_subpage(self, name, args=None, kwargs=None):
        """Wagtail's, where a topic's addresses are named by the topic's slug alone.

        The word for "topics" is this index's language's, filled in here, so
        `reverse_subpage("topic", args=[slug])` is the topic's address.
        """
        if name not in TOPIC_ROUTES:
            return super().reverse_subpage(name, args, kwargs)
        kwargs = {"topics_word": self.topics_word(), **(kwargs or {})}
        if args:
            (kwargs["topic_slug"],) = args
        return super().reverse_subpage(name, kwargs=kwargs)

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

    @re_path(TOPIC_PATH + "$", name="topic")
    def topic_page(self, request, topics_word, topic_slug):
        """Everything on one topic: its description, articles, and stories from the same site."""
        topic = self._topic_or_404(request, topic_slug)
        if not self._is_own_address(topic, topics_word, topic_slug):
            return permanently_moved(request, self.topic_url(topic, request))
        # The layout asks for this topic's address in each language (sub_address_languages).
        site_context(request).table("news-topic-pages")[self.pk] = topic
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

    @re_path(TOPIC_PATH + "feeds/rss/$", name="topic_rss_feed")
    def topic_rss_feed(self, request, topics_word, topic_slug):
        return self._topic_feed(request, "rss", topics_word, topic_slug)

    @re_path(TOPIC_PATH + "feeds/atom/$", name="topic_atom_feed")
    def topic_atom_feed(self, request, topics_word, topic_slug):
        return self._topic_feed(request, "atom", topics_word, topic_slug)

    def _topic_feed(self, request, feed_format, topics_word, topic_slug):
        topic = self._topic_or_404(request, topic_slug)
        if not self._is_own_address(topic, topics_word, topic_slug):
            return permanently_moved(request, self.feed_url(feed_format, topic, request))
        return feeds.feed_response(request, self, feed_format, topic)

    def sub_address_languages(self, request, versions):
        """This topic page's versions in each language, from the index's own `versions`.

        The hook localization.translations.page_languages asks (the language
        switcher, hreflang); None when this request serves no topic page.
        Each language links the same topic below that language's index, by the
        topic's slug in that language (its default-language slug where it has
        none). A version is a translation where both the index and the topic
        have their own text in that language, the same rule on every side, so
        the hreflang links are reciprocal. A language without the index keeps
        its link to that language's home page.
        """
        topic = site_context(request).table("news-topic-pages").get(self.pk)
        if topic is None:
            return None
        topic_versions = []
        for version in versions:
            if version.leads_home:
                topic_versions.append(version)
                continue
            own = topic.in_language(version.language_code)
            slug = (own or topic.filed).slug
            topic_versions.append(
                replace(
                    version,
                    url=version.url + topic_subpath("topic", version.language_code, slug),
                    is_translation=version.is_translation and own is not None,
                )
            )
        return topic_versions

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

    def _is_own_address(self, topic, topics_word, topic_slug):
        """Whether a topic was asked for in this index's word and by its slug as shown here."""
        return topics_word == self.topics_word() and topic_slug == topic.slug

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
    """Up to `count` live articles below `ancestor` filed under any of `topics`, with their topics.

    Those sharing the most topics come first, then the newest; `exclude` (the
    page asking) is left out. `topics` may be a queryset: it is then read as
    part of the same query. The topics of the articles found and of `exclude`
    are read together, in one more query.
    """
    if isinstance(topics, QuerySet):
        topic_ids = topics.values("pk")
    else:  # chosen in memory, as a preview's are
        topic_ids = [topic.pk for topic in topics]
        if not topic_ids:
            return []
    articles = latest_articles(ancestor).prefetch_related(None).filter(topics__in=topic_ids)
    if exclude is not None:
        articles = articles.exclude(pk=exclude.pk)
    found = list(
        articles.annotate(shared_topics=Count("topics")).order_by(
            "-shared_topics", "-publication_date", "-first_published_at", "-pk"
        )[:count]
    )
    # A preview's topics live in memory; reading them from the database would replace them.
    with_asking = exclude is not None and isinstance(exclude.topics.all(), QuerySet)
    prefetch_related_objects([*found, *([exclude] if with_asking else [])], "topics")
    return found


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
        # The related articles are found by this page's topics in a subquery; their
        # topics and this page's (the tags under the title) are then read together.
        context["related_articles"] = self.get_related_articles(
            self.topics.all(), ancestor_of(self, request)
        )
        context["article_topics"] = list(self.topics.all())
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
