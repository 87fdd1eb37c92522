"""Where a request's page sits in its site: the home page in the reader's language, the trail.

Plain functions for views, tags and structured data alike; the template tags
in `templatetags/site_tags.py` wrap them.
"""

from django.utils.translation import get_language

from wagtail.models import Site

from pages import translations
from pages.shared_parts import for_site_and_language


def site_root(request):
    """This site's home page in the language being read (looked up once per request)."""
    language = get_language()
    cached = getattr(request, "_site_root", None)
    if cached is None or cached[0] != language:
        site = Site.find_for_request(request)
        root = translations.localized(site.root_page, request) if site else None
        cached = (language, root)
        request._site_root = cached
    return cached[1]


def site_root_address(request):
    """{"pk", "url", "depth"} of this site's home page in the language being read, or None.

    Shared by every page of the site and language (pages.shared_parts), so the
    header and breadcrumbs need not look the home page up.
    """

    def build():
        root = site_root(request)
        if root is None:
            return {"root": None}
        return {"root": {"pk": root.pk, "url": root.get_url(request), "depth": root.depth}}

    return for_site_and_language(request, "site-root", build)["root"]


def trail_to(page, request):
    """The live pages from this site's home page down to `page`'s parent; empty at the home page.

    Read once per request: the visible breadcrumbs and the BreadcrumbList
    JSON-LD show the same trail. Sections still in draft are left out rather
    than linking to a 404.
    """
    root = site_root_address(request)
    if root is None or not hasattr(page, "depth") or page.depth <= root["depth"]:
        return []
    trails = request.__dict__.setdefault("_trails", {})
    if page.pk not in trails:
        # The page being served was found with its ancestors (pages.routing).
        walked = getattr(request, "_route_parents", {}).get(page.pk)
        if walked is not None:
            trails[page.pk] = [
                ancestor for ancestor in walked if ancestor.depth >= root["depth"] and ancestor.live
            ]
        else:
            trails[page.pk] = list(page.get_ancestors().filter(depth__gte=root["depth"]).live())
    return trails[page.pk]
