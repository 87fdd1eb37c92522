"""Helpers for templates that show articles and their topics."""

from django import template

from pages.templatetags.site_tags import site_root
from pages.translations import in_reader_language

from ..models import NewsIndexPage

register = template.Library()


def news_index_for(request):
    """The live news index of the site and language being read, or None (once per request)."""
    root = site_root(request)
    cached = getattr(request, "_news_index", None)
    if cached is None or cached[0] != root:
        index = None
        if root is not None:
            index = NewsIndexPage.objects.live().public().descendant_of(root).first()
        cached = (root, index)
        request._news_index = cached
    return cached[1]


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
    index_url = index.get_url(request) if index else None
    return [
        (
            topic.name,
            index_url + index.reverse_subpage("topic", args=[topic.slug]) if index else None,
        )
        for topic in named
    ]
