"""Two narrow fixes for wagtail-localize 1.14.5, installed when the pages app is ready.

Each one guards a case the library does not expect; neither changes what it
does otherwise. Remove them when an upstream release handles these cases
(tests/test_translation_workflow.py covers both).
"""

from django.db.models.signals import post_save

from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor


def _sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
    # The library synchronizes page trees whenever a locale's "sync from"
    # setting is saved, even for raw saves: loading a fixture or restoring a
    # test database would then copy pages that are not restored yet. Raw saves
    # put rows back as they were and need no synchronization.
    if not raw:
        sync_trees_on_locale_sync_save(instance=instance, **kwargs)


_extract_image_block = StreamFieldSegmentExtractor.handle_image_block


def _extract_image_block_unless_empty(self, block, image_block_value, raw_value=None):
    # An optional ImageBlock left empty inside a StructBlock (as the featured
    # report's cover was, before it chose its report page) has no raw value,
    # and the library crashes reading it, so the page could not be translated
    # at all. An empty image has nothing to translate.
    if raw_value is None:
        return []
    return _extract_image_block(self, block, image_block_value, raw_value=raw_value)


def install():
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(
        _sync_trees_unless_raw,
        sender=LocaleSynchronization,
        dispatch_uid="localization.sync_trees_unless_raw",
    )
    StreamFieldSegmentExtractor.handle_image_block = _extract_image_block_unless_empty
