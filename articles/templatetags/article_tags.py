"""Helpers for templates that show articles and their topics."""

from dataclasses import dataclass

from django import template

from pages.routing import only_public
from pages.shared_parts import for_site_and_language
from pages.translations import in_reader_language
from pages.wayfinding import site_root

from ..models import NewsIndexPage

register = template.Library()


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
    """The live news index of the site and language being read, as a NewsIndexAddress, or None.

    The same for every page of the site and language, so kept with its shared parts.
    """

    def build():
        root = site_root(request)
        index = None
        if root is not None:
            index = only_public(NewsIndexPage.objects.live().descendant_of(root)).first()
        if index is None:
            return {"index": None}
        return {"index": {"title": index.title, "url": index.get_url(request)}}

    found = for_site_and_language(request, "news-index", build)["index"]
    return NewsIndexAddress(**found) if found else None


@register.simple_tag(takes_context=True)
def localized_topics(context, topics):
    """`topics` named in the language being read, falling back to the topic as filed.

    Articles keep pointing at the topics they were filed under (usually the
    English ones). All topics in the current language are read once per
    request, so a page of cards costs one query however many tags it shows.
    """
    return in_reader_language(topics, context.get("request"))


@register.simple_tag(takes_context=True)
def topic_links(context, topics):
    """(name, address of the topic's page) for each of `topics`, in the language being read.

    The address is None on a site with no news index, where a topic has no page.
    """
    request = context.get("request")
    named = in_reader_language(topics, request)
    index = news_index_for(request) if request is not None else None
    return [
        (
            topic.name,
            index.topic_url(topic) if index else None,
        )
        for topic in named
    ]
