from django.apps import AppConfig


class SeoConfig(AppConfig):
    """How search engines find each site: its sitemap and robots.txt."""

    name = "seo"
    default_auto_field = "django.db.models.BigAutoField"
