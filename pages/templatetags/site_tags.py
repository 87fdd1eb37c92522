"""Navigation and small helpers shared by every template."""

from django import template

from wagtail.models import Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children that editors ticked 'Show in menus' for."""
    request = context["request"]
    root = _site_root(request)
    current = context.get("page")
    current_path = current.path if current else ""
    menu_pages = root.get_children().live().public().in_menu() if root else []

    def current_state(item):
        # "page" for the page being read; "true" for the section it lies in.
        if current_path == item.path:
            return "page"
        return "true" if current_path.startswith(item.path) else ""

    return {
        # {% pageurl %} needs the request to make links relative to this site.
        "request": request,
        "root": root,
        "items": [(item, current_state(item)) for item in menu_pages],
        "is_home": bool(current and root and current.pk == root.pk),
    }


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the page being read; empty on the home page itself."""
    request = context["request"]
    page = context.get("page")
    root = _site_root(request)
    ancestors = []
    if page and root and page.depth > root.depth:
        ancestors = page.get_ancestors().filter(depth__gte=root.depth)
    return {"request": request, "ancestors": ancestors, "page": page}


@register.filter
def absolute_url(path, request):
    """An absolute address on the host the visitor asked for (each site has its own)."""
    return request.build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's address on the host the visitor used, so each site (and dev port) is right."""
    request = context["request"]
    return request.build_absolute_uri(page.get_url(request))
