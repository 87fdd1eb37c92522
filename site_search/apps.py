from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    """The visitors' search page: this site's pages in the language being read."""

    name = "site_search"
    verbose_name = "Site search"
