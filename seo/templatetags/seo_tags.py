"""Template tags for what a page tells search engines and social networks (seo/page_meta.py)."""

from django import template

from seo import page_meta

register = template.Library()


@register.simple_tag(takes_context=True)
def page_seo(context, page):
    """`{% page_seo page as seo %}`: the page's PageSeo, worked out once per request."""
    return page_meta.page_seo(context, page)


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """Plain links that share the page's canonical address and title: no script, no tracking."""
    return page_meta.share_links(context, page)


@register.simple_tag(takes_context=True)
def structured_data(context):
    """`{% structured_data %}`: the page's JSON-LD element, or nothing (e.g. on a 404)."""
    page = context.get("page")
    if page is None or "request" not in context:
        return ""
    items = page_meta.structured_data_for(context, page)
    if not items:
        return ""
    return page_meta.json_ld_element({"@context": "https://schema.org", "@graph": items})
