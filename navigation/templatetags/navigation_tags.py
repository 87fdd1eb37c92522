"""The header menu and the footer, from this site's snippets in the language being read."""

from django import template

from pages.shared_parts import for_site_and_language
from pages.translations import localized
from pages.wayfinding import site_root_address

from ..menus import menu_items, resolve_links
from ..models import Footer

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
    request = context["request"]
    site_settings = context["settings"]["pages"]["SiteSettings"]

    def build():
        footer = Footer.for_request(request)
        links = []
        if footer is not None:
            links = [(url, label) for url, label, _page in resolve_links(footer.links, request)]
        privacy = localized(site_settings.privacy_page, request)
        if privacy is not None and privacy.live:
            privacy_url = privacy.get_url(request)
            if all(url != privacy_url for url, _label in links):
                links.append((privacy_url, privacy.title))
        return {"tagline": footer.tagline if footer else "", "links": links}

    footer = for_site_and_language(request, "footer", build)
    return {
        "site_settings": site_settings,
        "tagline": footer["tagline"],
        "links": footer["links"],
    }
