"""Rich text as visitors receive it: only the markup editors can make, nothing executable.

Wagtail's editor only ever stores the features a field allows, but its
`|richtext` filter and `RichText` values print whatever was stored. Rich text
written another way (a script, a data import, a translation file, a bug)
could carry `<script>`, `on…` handlers or `javascript:` links onto a page. The
project's `templates/wagtailcore/shared/richtext.html`, through which Wagtail
renders every rich text (the filter, `RichText` values, `RichTextBlock`s),
passes the expanded HTML through `clean_rich_text`: Wagtail's own allowlist
(`wagtail.whitelist`: known tags only, no attributes but `href`/`src` with safe
schemes and image sizes), with script-like elements dropped whole. A link
keeps its `href` only for the schemes every stored link is held to
(`pages.blocks.safe_link_address`: http, https, mailto, tel, or relative);
otherwise its words stay, unlinked.

`|safe_link` applies the same rule to an address stored in a plain field.
"""

from django import template
from django.utils.safestring import mark_safe

from wagtail.whitelist import (
    DEFAULT_ELEMENT_RULES,
    Whitelister,
    allow_without_attributes,
    attribute_rule,
)

from pages.blocks import safe_link_address

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
        # An attribute whose check returns None is dropped.
        "a": attribute_rule({"href": lambda address: safe_link_address(address) or None}),
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


@register.filter
def safe_link(address):
    """`address` if a link may lead there, else "" (see `pages.blocks.safe_link_address`)."""
    return safe_link_address(address)
