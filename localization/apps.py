from django.apps import AppConfig


class LocalizationConfig(AppConfig):
    """Every page and snippet in the reader's language: versions, links, switcher, hreflang."""

    name = "localization"
    verbose_name = "Languages"

    def ready(self):
        from . import localize_fixes

        localize_fixes.install()
