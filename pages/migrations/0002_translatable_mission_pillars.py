"""Mission pillars become translatable, so translators see their text with the page.

Existing pillars take their page's locale and a translation key each; the
fields start nullable so rows that exist already can be filled in first.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_pillars_their_page_locale(apps, schema_editor):
    MissionPillar = apps.get_model("pages", "MissionPillar")
    for pillar in MissionPillar.objects.select_related("page"):
        pillar.locale_id = pillar.page.locale_id
        pillar.translation_key = uuid.uuid4()
        pillar.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="missionpillar",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="missionpillar",
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
        migrations.RunPython(give_pillars_their_page_locale, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="missionpillar",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="missionpillar",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="missionpillar",
            unique_together={("translation_key", "locale")},
        ),
    ]
