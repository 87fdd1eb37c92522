"""When published content changes, retire every cached copy of it.

Two caches hold pages:

- this site's own page cache (caching/middleware.py) and the shared page
  parts (header, footer): a single content-version bump retires all of them
  on every instance at once, including every listing, topic page, feed and
  sitemap that showed the page (caching/versions.py);
- a CDN in front, when WAGTAILFRONTENDCACHE is configured (settings, from
  the environment): it is told to purge the page itself (Wagtail's own
  handler) and, here, every page above it that lists it and the site's
  sitemap. Changes to menus, footers, settings and images reach CDN copies
  when they expire (DJANGO_CDN_MAX_AGE), as no list of their pages exists.

What counts as content: published, unpublished, moved or deleted pages, and
saved or deleted snippets, site settings, images, documents, sites,
locales, redirects, privacy restrictions and promoted search results.
Drafts, revisions, form answers, sign-ups and renditions do not.
"""

import logging

from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.snippets.models import get_snippet_models

from .versions import content_changed

logger = logging.getLogger(__name__)

# Models outside snippets and settings whose rows appear on public pages.
CONTENT_MODEL_LABELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailredirects.redirect",
}


def is_content_model(model):
    if model._meta.label_lower in CONTENT_MODEL_LABELS:
        return True
    if issubclass(model, (BaseSiteSetting, BaseGenericSetting)):
        return True
    return model in get_snippet_models()


def page_changed(sender, instance, **kwargs):
    content_changed()
    purge_listings_from_cdn([instance])


def page_moved(sender, instance, parent_page_before, parent_page_after, url_path_before, **kwargs):
    content_changed()
    if parent_page_before.pk != parent_page_after.pk:
        purge_listings_from_cdn([instance, parent_page_before], old_url_path=url_path_before)


def row_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        # A page's row is saved for every draft; only publishing (above) or
        # deleting changes what visitors see.
        if kwargs.get("signal") is post_delete:
            content_changed()
            purge_listings_from_cdn([instance])
        return
    if is_content_model(sender):
        content_changed()


def object_published_or_unpublished(sender, instance, **kwargs):
    if not isinstance(instance, Page):  # pages have their own signals above
        content_changed()


def purge_listings_from_cdn(pages, old_url_path=None):
    """Ask the CDN to forget the pages that list these pages, and their sitemaps.

    A failed purge is logged, never raised: publishing must not fail because
    a CDN's API is slow or down; the CDN's copies then expire by themselves.
    """
    backends = get_backends()
    if not backends:
        return
    try:
        batch = PurgeBatch()
        for page in pages:
            listing_pages = page.get_ancestors(inclusive=False).filter(depth__gt=1).live()
            batch.add_pages(listing_pages.specific(defer=True))
            site = page.get_site()
            if site is not None:
                batch.add_url(site.root_url + "/sitemap.xml")
                if old_url_path:
                    root_path = site.root_page.url_path
                    if old_url_path.startswith(root_path):
                        batch.add_url(site.root_url + "/" + old_url_path[len(root_path) :])
        batch.purge(backends=list(backends))
    except Exception:  # noqa: BLE001 - see the docstring
        logger.exception("CDN purge failed; cached copies will expire by themselves")


def connect_signals():
    # No sender: every page type, now and in future apps.
    page_published.connect(page_changed, dispatch_uid="caching-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="caching-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="caching-page-moved")
    published.connect(object_published_or_unpublished, dispatch_uid="caching-published")
    unpublished.connect(object_published_or_unpublished, dispatch_uid="caching-unpublished")
    post_save.connect(row_saved_or_deleted, dispatch_uid="caching-saved")
    post_delete.connect(row_saved_or_deleted, dispatch_uid="caching-deleted")
