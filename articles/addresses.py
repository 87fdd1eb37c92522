"""Where the site's news lives: the news index's address, and its topic pages' and feeds'.

Every page links the news feeds and topic pages, so the index's title and
address are a shared part of the site (routing.site_context, registered in
wagtail_hooks.py), and the addresses below it are worked out without a query.
"""

from dataclasses import dataclass

from django.conf import settings

from pages.wayfinding import site_root
from routing.router import only_public
from routing.site_context import site_context

from .models import NewsIndexPage, topic_subpath


@dataclass(frozen=True)
class NewsIndexAddress:
    """What other pages need of the site's news index: its title and addresses (no query)."""

    title: str
    url: str
    # The index's language, whose words its topic addresses use ("temas/" in Spanish).
    # A part cached before it was kept has none: the default language's words.
    language_code: str = settings.LANGUAGE_CODE
    # The filed topics that have a page here: those its live articles are filed under
    # (as the sitemap lists them). A part cached before it was kept has None: all of them.
    topic_ids: tuple | None = None

    def has_page_for(self, topic):
        """Whether `topic` (as filed, or a translation of it) has a topic page of its own."""
        if self.topic_ids is None:
            return True
        return topic.pk in self.topic_ids

    def topic_url(self, topic, request=None):
        return self.url + topic_subpath("topic", self.language_code, topic.slug)

    def feed_url(self, feed_format, topic=None, request=None):
        if topic is None:
            return self.url + NewsIndexPage.get_resolver().reverse(f"{feed_format}_feed")
        return self.url + topic_subpath(f"topic_{feed_format}_feed", self.language_code, topic.slug)


def news_index_for(request):
    """The live news index of the site and language being read, as a NewsIndexAddress, or None."""
    found = site_context(request).part("news-index")
    return NewsIndexAddress(**found) if found else None


def news_index_part(request):
    """{"title", "url", "language_code"} of the site's live news index in this language, or None.

    A shared part. The index's own language may differ from the one being read
    (a site with no Spanish home serves its English index under /es/).
    """
    root = site_root(request)
    index = None
    if root is not None:
        index = (
            only_public(NewsIndexPage.objects.live().descendant_of(root))
            .select_related("locale")
            .first()
        )
    if index is None:
        return None
    return {
        "title": index.title,
        "url": index.get_url(request),
        "language_code": index.locale.language_code,
        "topic_ids": index.topic_ids_in_use(),
    }
