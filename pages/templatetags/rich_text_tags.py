"""Rich text as visitors receive it: only the markup editors can make, nothing executable.

Wagtail's editor only ever stores the features a field allows, but its
`|richtext` filter and `RichText` values print whatever was stored. Rich text
written another way (a script, a data import, a translation file, a bug)
could carry `<script>`, `on…` handlers or `javascript:` links onto a page. The
project's `templates/wagtailcore/shared/richtext.html`, through which Wagtail
renders every rich text (the filter, `RichText` values, `RichTextBlock`s),
passes the expanded HTML through `clean_rich_text`: Wagtail's own allowlist
(`wagtail.whitelist`: known tags only, no attributes but `href`/`src` with safe
schemes and image sizes), with script-like elements dropped whole.
"""

from django import template
from django.utils.safestring import mark_safe

from wagtail.whitelist import DEFAULT_ELEMENT_RULES, Whitelister, allow_without_attributes

register = template.Library()

# Dropped with everything inside them, rather than unwrapped to their text.
DROPPED_WHOLE = {
    "script",
    "style",
    "template",
    "iframe",
    "object",
    "embed",
    "noscript",
    "svg",
    "math",
}


class FrontendWhitelister(Whitelister):
    element_rules = {
        **DEFAULT_ELEMENT_RULES,
        "blockquote": allow_without_attributes,
        "code": allow_without_attributes,
        "s": allow_without_attributes,
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED_WHOLE:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


_whitelister = FrontendWhitelister()


@register.filter
def clean_rich_text(html):
    """Expanded rich text HTML with only safe elements and attributes left."""
    if not html:
        return ""
    return mark_safe(_whitelister.clean(str(html)))  # noqa: S308 - the allowlist rebuilt it
