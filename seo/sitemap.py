"""Each site's sitemap: its live, public pages in every language, with hreflang alternates.

Wagtail's own sitemap walks only the site's root page, which is the English
home; the Spanish home is its sibling. This one walks every language's home
of the site, and lists a page only where it has its own text: an untranslated
Spanish twin shows the English page, names it as canonical, and so is left
out, as it is left out of the page's hreflang links.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page

from localization.translations import original_of


class SiteSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = Q()
        for home in homes:
            in_site |= Q(path__startswith=home.path)
        pages = (
            Page.objects.filter(in_site)
            .live()
            .public()
            .select_related("locale", "alias_of__locale")
            .order_by("locale__language_code", "path")
        )
        return [page for page in pages if original_of(page) is None]

    def get_urls(self, page=1, site=None, protocol=None):
        """Django's public `Sitemap.get_urls`: each page's address on the host being read.

        Addresses come from the pages themselves (Wagtail knows each site's
        host), so Django's `site` and `protocol` are not needed.
        """
        # One paginator page is the whole list for sites this size (50,000 URLs).
        pages = list(self.paginator.page(page).object_list)
        urls = {
            page.pk: {"location": page.get_full_url(self.request), "lastmod": self.lastmod(page)}
            for page in pages
        }
        by_translation = defaultdict(list)
        for page in pages:
            by_translation[page.translation_key].append(page)
        for versions in by_translation.values():
            if len(versions) < 2:
                continue
            alternates = [
                {
                    "lang_code": version.locale.language_code,
                    "location": urls[version.pk]["location"],
                }
                for version in versions
            ]
            default = next(
                (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), alternates[0]
            )
            alternates.append({"lang_code": "x-default", "location": default["location"]})
            for version in versions:
                urls[version.pk]["alternates"] = alternates
        lastmods = [url["lastmod"] for url in urls.values()]
        for page in pages:
            urls.update(self._sub_addresses(page))
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return list(urls.values())

    def _sub_addresses(self, page):
        """Addresses a page serves below its own (the news index's topic pages), keyed by address.

        Only page types that list more than themselves override
        `get_sitemap_urls`, so other pages cost no query here.
        """
        if page.specific_class is None or (
            page.specific_class.get_sitemap_urls is Page.get_sitemap_urls
        ):
            return {}
        own, *sub_addresses = page.specific.get_sitemap_urls(self.request)
        return {entry["location"]: entry for entry in sub_addresses}
