"""The shared vocabulary in templates: a page's region, named in the reader's language."""

from django import template

from localization.translations import in_reader_language

register = template.Library()


@register.simple_tag(takes_context=True)
def region_name(context, region):
    """The name of `region` in the language being read; "" for a page filed under none.

    Pages point at the default language's region. All of a language's
    regions are read once per request, so a list of cards costs one query.
    """
    if region is None:
        return ""
    return in_reader_language([region], context.get("request"))[0].name
