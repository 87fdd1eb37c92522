"""The language of a request, taken from its URL."""

from django.middleware.locale import LocaleMiddleware


class UrlLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without `Vary: Accept-Language` on pages.

    Pages take their language from the URL alone (Spanish under /es/, English
    unprefixed), never from the browser's preferences, so a cache or CDN must
    not keep one copy per Accept-Language value. Django adds the header to
    every unprefixed URL because in general it cannot know that; other views
    (the admin) still choose by the browser and keep it.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "wagtail_serve" and response.has_header("Vary"):
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
