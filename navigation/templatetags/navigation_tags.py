"""The header menu and the footer, from this site's snippets in the language being read."""

from django import template

from pages.wayfinding import site_root_address
from routing.site_context import site_context

from ..menus import menu_items

register = template.Library()


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """The header menu: home, then the site's main sections."""
    request = context["request"]
    root = site_root_address(request)
    current = context.get("page")
    return {
        "root_url": root["url"] if root else "/",
        "items": menu_items(request, current),
        "is_home": bool(current and root and getattr(current, "pk", None) == root["pk"]),
    }


@register.simple_tag(takes_context=True)
def main_sections(context):
    """`{% main_sections as sections %}`: (address, words) of each main section (the 404 page)."""
    return [(url, label) for url, label, _state in menu_items(context["request"])]


@register.inclusion_tag("navigation/footer.html", takes_context=True)
def site_footer(context):
    """This site's Footer snippet in this language, plus contact details from settings."""
    footer = site_context(context["request"]).part("footer")
    return {
        "site_settings": context["settings"]["pages"]["SiteSettings"],
        "tagline": footer["tagline"],
        "links": footer["links"],
    }
