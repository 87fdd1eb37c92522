"""Parts every page of a site shows the same way in one language, kept until content changes.

The header menu, the footer, the logo, the home and news index addresses:
each is built once per site and language, as plain data (addresses and
words, never model instances), through `caching.versions.cached_for_content`,
which forgets them all on any publish, unpublish, move, delete or snippet or
settings change, and builds them every time when content caching is off.
"""

from django.utils.translation import get_language

from wagtail.models import Site

from caching.versions import cached_for_content

from .site_context import site_context


def for_site_and_language(request, part, build):
    """`build()`'s result for the site and language being read (`build` takes no argument).

    Kept on the request too, so a page asking twice builds or fetches once.
    """
    site = Site.find_for_request(request)
    name = f"{part}:{site.pk if site else 'none'}:{get_language()}"
    kept = site_context(request).table("shared-parts")
    if name not in kept:
        kept[name] = cached_for_content(name, build)
    return kept[name]
