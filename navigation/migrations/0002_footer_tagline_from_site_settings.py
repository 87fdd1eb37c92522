"""The footer's tagline moves from site settings into the translatable Footer snippet.

Each site's existing tagline becomes its default-language footer, so nothing
an editor wrote is lost when site settings drop the field.
"""

import uuid

from django.conf import settings
from django.db import migrations


def move_taglines(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    SiteSettings = apps.get_model("pages", "SiteSettings")
    Footer = apps.get_model("navigation", "Footer")
    default, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for site_settings in SiteSettings.objects.exclude(tagline=""):
        Footer.objects.get_or_create(
            site_id=site_settings.site_id,
            locale=default,
            defaults={"tagline": site_settings.tagline, "translation_key": uuid.uuid4()},
        )


def restore_taglines(apps, schema_editor):
    """Going back: each site's default-language footer tagline returns to site settings."""
    SiteSettings = apps.get_model("pages", "SiteSettings")
    Footer = apps.get_model("navigation", "Footer")
    for footer in Footer.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        SiteSettings.objects.filter(site_id=footer.site_id).update(tagline=footer.tagline)


class Migration(migrations.Migration):
    dependencies = [
        ("navigation", "0001_initial"),
        ("pages", "0003_content_languages"),
    ]

    operations = [migrations.RunPython(move_taglines, restore_taglines)]
