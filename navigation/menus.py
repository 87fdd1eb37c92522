"""The header menu's sections in the language being read, for the menu, the footer and search."""

from pages.shared_parts import for_site_and_language
from pages.translations import localized_pages
from pages.wayfinding import site_root

from .models import MainMenu


def resolve_links(links, request):
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
                for url, label, target in resolve_links(menu.links, request)
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
