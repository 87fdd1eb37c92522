"""Template tags that name people: bylines, author cards, people in a story (people/credits.py)."""

from django import template

from ..credits import people_credited

register = template.Library()


@register.simple_tag(takes_context=True)
def localized_people(context, credits):
    """The people `credits` point at (an article's authors, a story's subjects), in order."""
    return people_credited(credits, context.get("request"))
