"""What a request knows about its site and page, in one object: `request.site_context`.

Two kinds of answer live here.

- **Shared parts**: what every page of a site shows the same way in one
  language (the home page's address, the site settings, the logo, the menu,
  the footer, the news index's address, the share image, the logo for
  search engines). Apps register how to build each part with Wagtail's
  `register_site_part` hook (see their `wagtail_hooks.py`); all of a site's
  parts in one language are built together into one entry of plain data,
  kept in the content cache until content next changes, and read with one
  cache call per request. Templates reach them as `site_context.parts`
  (the `site_context` context processor).
- **This request's answers**: the active locale, the pages its blocks link
  to in the reader's language, the snippets in that language, the trail
  down to the page, the page's SEO, counters. Each is worked out once and
  kept here, instead of in attributes each module would hang on the request.
"""

from django.utils.functional import cached_property
from django.utils.translation import get_language

from wagtail import hooks
from wagtail.models import Site

from caching.versions import cached_for_content

PART_HOOK = "register_site_part"


def registered_parts():
    """{name: build(request)} of every shared part an app registered (`register_site_part`)."""
    return dict(hook() for hook in hooks.get_hooks(PART_HOOK))


class SiteContext:
    """One request's site, its shared parts and its answers. Made by `site_context(request)`."""

    def __init__(self, request=None):
        self.request = request
        self.answers = {}
        self.parts_by_language = {}

    @cached_property
    def site(self):
        return Site.find_for_request(self.request) if self.request is not None else None

    @property
    def parts(self):
        """Every shared part of the site in the language being read, as plain data."""
        language = get_language()
        parts = self.parts_by_language.get(language)
        if parts is None:
            # Filled as the parts are built: a part built from another (the
            # footer from the settings) finds it here, built on the spot.
            parts = self.parts_by_language[language] = {}
            site_key = self.site.pk if self.site is not None else "none"
            parts.update(
                cached_for_content(f"site-parts:{site_key}:{language}", lambda: self._build(parts))
            )
        return parts

    def part(self, name):
        """One shared part (e.g. "main-menu") of the site in the language being read."""
        parts = self.parts
        if name not in parts:
            parts[name] = registered_parts()[name](self.request)
        return parts[name]

    def _build(self, parts):
        for name, build in registered_parts().items():
            if name not in parts:
                parts[name] = build(self.request)
        return dict(parts)

    def remember(self, key, work_out):
        """The answer kept under `key`, worked out by `work_out()` the first time it is asked."""
        if key not in self.answers:
            self.answers[key] = work_out()
        return self.answers[key]

    def table(self, name):
        """A dict kept under `name`, for answers a module keeps by its own keys."""
        return self.answers.setdefault(name, {})

    def count(self, name):
        """How many times `name` has been counted on this request, this time included."""
        self.answers[name] = self.answers.get(name, 0) + 1
        return self.answers[name]


def site_context(request):
    """The request's SiteContext, made on first use; without a request, a fresh one kept nowhere."""
    if request is None:
        return SiteContext()
    context = getattr(request, "site_context", None)
    if context is None:
        context = request.site_context = SiteContext(request)
    return context


def site_context_processor(request):
    """`site_context` in every template: `{{ site_context.parts.logo }}` and the like."""
    return {"site_context": site_context(request)}
