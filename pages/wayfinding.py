"""Where a request's page sits in its site: the home page in the reader's language, the trail.

Plain functions for views, tags and structured data alike; the template tags
in `templatetags/site_tags.py` wrap them.
"""

from django.utils.translation import get_language

from wagtail.models import Site

from localization import translations
from routing.site_context import site_context

from .models import SiteSettings


def site_root(request):
    """This site's home page in the language being read (looked up once per request)."""

    def work_out():
        site = Site.find_for_request(request)
        return translations.localized(site.root_page, request) if site else None

    return site_context(request).remember(("site-root", get_language()), work_out)


def home_address(request):
    """{"pk", "url", "depth"} of this site's home page in the language being read, or None.

    A shared part of the site (routing.site_context): the header and
    breadcrumbs need not look the home page up.
    """
    root = site_root(request)
    if root is None:
        return None
    return {"pk": root.pk, "url": root.get_url(request), "depth": root.depth}


def privacy_notice_address(request):
    """{"url", "title"} of the site's privacy notice in the language being read, or None.

    The page chosen in the site settings, followed into the reader's language
    where it is translated, and only while live. A shared part of the site:
    the footer links it, and every form that asks for consent.
    """
    notice = translations.localized(SiteSettings.for_request(request).privacy_page, request)
    if notice is None or not notice.live:
        return None
    return {"url": notice.get_url(request), "title": notice.title}


def privacy_notice(request):
    """The privacy notice's address and title, from the site's shared parts (or None)."""
    return site_context(request).part("privacy-notice")


def site_root_address(request):
    """The home page's address, from the site's shared parts (see `home_address`)."""
    return site_context(request).part("home")


def ancestor_of(page, request, levels_up=1):
    """`page`'s parent (or grandparent…); no query for the page being served.

    Routing walked past the served page's ancestors and kept them
    (routing.router); any other page asks the database.
    """
    walked = site_context(request).table("route-parents").get(page.pk, [])
    if len(walked) >= levels_up:
        return walked[-levels_up]
    ancestor = page
    for _level in range(levels_up):
        ancestor = ancestor.get_parent() if ancestor is not None else None
    return ancestor


def trail_to(page, request):
    """The live pages from this site's home page down to `page`'s parent; empty at the home page.

    Read once per request: the visible breadcrumbs and the BreadcrumbList
    JSON-LD show the same trail. Sections still in draft are left out rather
    than linking to a 404.
    """
    root = site_root_address(request)
    if root is None or not hasattr(page, "depth") or page.depth <= root["depth"]:
        return []
    trails = site_context(request).table("trails")
    if page.pk not in trails:
        # The page being served was found with its ancestors (routing.router).
        walked = site_context(request).table("route-parents").get(page.pk)
        if walked is not None:
            trails[page.pk] = [
                ancestor for ancestor in walked if ancestor.depth >= root["depth"] and ancestor.live
            ]
        else:
            trails[page.pk] = list(page.get_ancestors().filter(depth__gte=root["depth"]).live())
    return trails[page.pk]
