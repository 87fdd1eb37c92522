"""The language of a request, taken from its URL."""

from django.middleware.locale import LocaleMiddleware

# Addresses whose language follows the browser (or the editor's own choice).
BROWSER_LANGUAGE_PATH_PREFIXES = ("/admin/",)


class UrlLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without `Vary: Accept-Language` on pages.

    Public addresses (pages, search, sitemap, robots.txt, the brand stylesheet)
    take their language from the URL alone (Spanish under /es/, English
    unprefixed), never from the browser's preferences, so a cache or CDN must
    not keep one copy per Accept-Language value. Django adds the header to
    every unprefixed URL because in general it cannot know that; the admin
    still chooses by the browser and keeps it.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if not request.path.startswith(BROWSER_LANGUAGE_PATH_PREFIXES) and response.has_header(
            "Vary"
        ):
            kept = [
                header.strip()
                for header in response["Vary"].split(",")
                if header.strip() and header.strip().lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
