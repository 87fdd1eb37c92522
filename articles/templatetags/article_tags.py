"""Helpers for templates that show articles."""

from django import template

from pages.translations import in_reader_language

register = template.Library()


@register.simple_tag(takes_context=True)
def localized_topics(context, topics):
    """`topics` named in the language being read, falling back to the topic as filed.

    Articles keep pointing at the topics they were filed under (usually the
    English ones). All topics in the current language are read once per
    request, so a page of cards costs one query however many tags it shows.
    """
    return in_reader_language(topics, context.get("request"))
