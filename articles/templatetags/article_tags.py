"""Helpers for templates that show articles and their topics."""

from django import template

from localization.translations import in_reader_language

from ..addresses import news_index_for

register = template.Library()


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

    The address is None where a topic has no page: on a site with no news
    index, and for a topic no news article is filed under (a bill's or an
    event's only), whose page would list nothing.
    """
    request = context.get("request")
    topics = list(topics)
    named = in_reader_language(topics, request)
    index = news_index_for(request) if request is not None else None
    return [
        (
            shown.name,
            index.topic_url(shown) if index and index.has_page_for(filed) else None,
        )
        for filed, shown in zip(topics, named, strict=True)
    ]
