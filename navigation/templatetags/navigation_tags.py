"""The header menu and the footer, from this site's snippets in the language being read."""

from django import template

from pages.shared_parts import for_site_and_language
from pages.templatetags.site_tags import site_root, site_root_address
from pages.translations import localized, localized_pages

from ..models import Footer, MainMenu

register = template.Library()


def _resolve_links(links, request):
    """(address, words, page or None) for each link that leads somewhere live.

    Page links follow the reader into their language (one query for all of
    them); pages unpublished since the link was chosen are left out rather
    than leading to a 404.
    """
    chosen = [link.value["page"] for link in links if link.value.get("page")]
    in_language = localized_pages(chosen, request)
    resolved = []
    for link in links:
        value = link.value
        if value.get("page"):
            target = in_language[value["page"].pk]
            if target.live:
                resolved.append(
                    (target.get_url(request), value.get("label") or target.title, target)
                )
        elif value.get("url"):
            resolved.append((value["url"], value["label"], None))
    return resolved


def _menu_links(request):
    """[(address, words, tree path)] of the site's main sections in this language (shared part)."""

    def build():
        menu = MainMenu.for_request(request)
        if menu is not None:
            return [
                (url, label, target.path if target else "")
                for url, label, target in _resolve_links(menu.links, request)
            ]
        root = site_root(request)
        if root is None:
            return []
        return [
            (item.get_url(request), item.title, item.path)
            for item in root.get_children().live().public().in_menu()
        ]

    return for_site_and_language(request, "main-menu", build)


def menu_items(request, current=None):
    """(address, words, aria-current value) of the site's main sections in this language.

    From the site's MainMenu snippet; without one, the home page's menu pages.
    The aria-current value is "page" for the page being read, "true" for the
    section it lies in, "" otherwise.
    """
    current_path = getattr(current, "path", "")

    def current_state(path):
        if not path or not current_path:
            return ""
        if current_path == path:
            return "page"
        return "true" if current_path.startswith(path) else ""

    return [(url, label, current_state(path)) for url, label, path in _menu_links(request)]


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
            links = [(url, label) for url, label, _page in _resolve_links(footer.links, request)]
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
