"""Topics become translatable: each language has its own name and slug.

Existing topics join the default locale with a translation key each; names
and slugs are then unique per language instead of across the installation.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def drop_topic_translations(apps, schema_editor):
    """Going back: the old schema holds one topic per name, so translations cannot stay."""
    Topic = apps.get_model("articles", "Topic")
    Topic.objects.exclude(locale__language_code=settings.LANGUAGE_CODE).delete()


def put_topics_in_default_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Topic = apps.get_model("articles", "Topic")
    default, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for topic in Topic.objects.all():
        topic.locale = default
        topic.translation_key = uuid.uuid4()
        topic.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="topic",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="topic",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(put_topics_in_default_locale, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="topic",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="topic",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="topic",
            name="name",
            field=models.CharField(help_text="e.g. 'ESSA'.", max_length=80),
        ),
        migrations.AlterField(
            model_name="topic",
            name="slug",
            field=models.SlugField(
                help_text="Used in addresses: lower case, hyphens, no spaces.", max_length=80
            ),
        ),
        # Only does something when migrating backwards, before names become unique again.
        migrations.RunPython(migrations.RunPython.noop, drop_topic_translations),
        migrations.AlterUniqueTogether(
            name="topic",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"), name="unique_topic_name_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="unique_topic_slug_per_locale"
            ),
        ),
    ]
