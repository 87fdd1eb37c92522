from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    """The shared vocabulary pages are filed under: topics, and the page types that use them."""

    name = "taxonomy"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Topics"
