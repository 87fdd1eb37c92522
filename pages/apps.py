from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages shared by every site"

    def ready(self):
        from . import localize_fixes

        localize_fixes.install()
