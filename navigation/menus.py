"""The header menu and the footer in the language being read, for the layout and search.

Both are shared parts of the site (routing.site_context, registered in
wagtail_hooks.py): built once per site and language as plain data.
"""

from localization.translations import localized_pages
from pages.wayfinding import privacy_notice, site_root
from routing.site_context import site_context

from .models import Footer, MainMenu


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
        elif value.safe_url:  # an address with an unsafe scheme leads nowhere: left out
            resolved.append((value.safe_url, value["label"], None))
    return resolved


def menu_links(request):
    """[(address, words, tree path)] of the main sections in this language (a shared part)."""
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


def footer_links(request):
    """{"tagline", "links": [(address, words)]} of the site's footer (a shared part).

    The footer snippet's links, then the privacy notice from the site
    settings if the footer does not already link it.
    """
    footer = Footer.for_request(request)
    links = []
    if footer is not None:
        links = [(url, label) for url, label, _page in resolve_links(footer.links, request)]
    notice = privacy_notice(request)
    if notice is not None and all(url != notice["url"] for url, _label in links):
        links.append((notice["url"], notice["title"]))
    return {"tagline": footer.tagline if footer else "", "links": links}


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

    links = site_context(request).part("main-menu")
    return [(url, label, current_state(path)) for url, label, path in links]
