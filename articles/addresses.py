"""Where the site's news lives: the news index's address, and its topic pages' and feeds'.

Every page links the news feeds and topic pages, so the index's title and
address are a shared part of the site (routing.site_context, registered in
wagtail_hooks.py), and the addresses below it are worked out without a query.
"""

from dataclasses import dataclass

from pages.wayfinding import site_root
from routing.router import only_public
from routing.site_context import site_context

from .models import NewsIndexPage


@dataclass(frozen=True)
class NewsIndexAddress:
    """What other pages need of the site's news index: its title and addresses (no query)."""

    title: str
    url: str

    def _below(self, name, *args):
        return self.url + NewsIndexPage.get_resolver().reverse(name, *args)

    def topic_url(self, topic, request=None):
        return self._below("topic", topic.slug)

    def feed_url(self, feed_format, topic=None, request=None):
        if topic is None:
            return self._below(f"{feed_format}_feed")
        return self._below(f"topic_{feed_format}_feed", topic.slug)


def news_index_for(request):
    """The live news index of the site and language being read, as a NewsIndexAddress, or None."""
    found = site_context(request).part("news-index")
    return NewsIndexAddress(**found) if found else None


def news_index_part(request):
    """{"title", "url"} of the site's live news index in this language, or None (a shared part)."""
    root = site_root(request)
    index = None
    if root is not None:
        index = only_public(NewsIndexPage.objects.live().descendant_of(root)).first()
    if index is None:
        return None
    return {"title": index.title, "url": index.get_url(request)}
