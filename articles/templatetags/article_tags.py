"""Helpers for templates that show articles."""

from django import template

from pages.translations import active_locale

from ..models import Topic

register = template.Library()


@register.simple_tag(takes_context=True)
def localized_topics(context, topics):
    """`topics` named in the language being read, falling back to the topic as filed.

    Articles keep pointing at the topics they were filed under (usually the
    English ones). All topics in the current language are read once per
    request, so a page of cards costs one query however many tags it shows.
    """
    request = context.get("request")
    cache = getattr(request, "_topics_by_translation_key", None)
    if cache is None:
        active = active_locale(request)
        cache = {topic.translation_key: topic for topic in Topic.objects.filter(locale=active)}
        if request is not None:
            request._topics_by_translation_key = cache
    return [cache.get(topic.translation_key, topic) for topic in topics]
