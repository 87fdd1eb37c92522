from django.apps import AppConfig
from django.db.models.signals import post_save


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages shared by every site"

    def ready(self):
        from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

        # wagtail-localize synchronises the page trees whenever a locale's "sync
        # from" setting is saved, even for raw saves: loading a fixture or
        # restoring a test database then tries to copy pages that are not
        # restored yet. Raw saves restore rows as they were and need no sync.
        def sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
            if not raw:
                sync_trees_on_locale_sync_save(instance=instance, **kwargs)

        post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
        post_save.connect(
            sync_trees_unless_raw,
            sender=LocaleSynchronization,
            dispatch_uid="pages.sync_trees_unless_raw",
            weak=False,
        )
