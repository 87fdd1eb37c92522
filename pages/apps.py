from django.apps import AppConfig
from django.db.models.signals import post_migrate


def synchronise_locale_trees(sender, using="default", **kwargs):
    """After migrating, every locale set to "sync from" another gets its missing twins.

    wagtail-localize synchronizes when the setting is saved in the admin; a
    migration that adds the setting (pages 0003) or a database restored from
    before it would otherwise leave /es/ serving English pages as if they
    were Spanish until someone re-saved the locale.
    """
    from wagtail_localize.models import LocaleSynchronization

    for synchronization in LocaleSynchronization.objects.using(using).select_related(
        "locale", "sync_from"
    ):
        synchronization.sync_trees()


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages shared by every site"

    def ready(self):
        post_migrate.connect(
            synchronise_locale_trees, sender=self, dispatch_uid="pages.synchronise_locale_trees"
        )
