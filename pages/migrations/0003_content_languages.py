"""Every content language in settings gets its locale, kept in step with the default one.

The synchronisation (wagtail-localize's "sync from") gives each new English
page a Spanish alias at once, so /es/ never has holes; translating the page
replaces the alias. Editors can change this under Settings > Locales.
"""

from django.conf import settings
from django.db import migrations


def add_content_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    default, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if language_code == default.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=language_code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_translatable_mission_pillars"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(add_content_locales, migrations.RunPython.noop)]
