"""Regions become data each site manages.

The stories, events and partners migrations then give each site the former
regions its rows were filed under (taxonomy/former_regions.py).
"""

import django.db.models.deletion
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0002_each_topic_belongs_to_a_site"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="Region",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "name",
                    models.CharField(help_text="e.g. 'Northwest' or 'Statewide'.", max_length=80),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="Used in filter addresses (?region=northwest): lower case, hyphens, no spaces.",
                        max_length=80,
                    ),
                ),
                (
                    "sort_order",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Filters list regions from the lowest number to the highest.",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="The organization whose pages are filed under it. Translations keep it.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order", "name"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("site", "locale", "name"),
                        name="unique_region_name_per_site_and_locale",
                    ),
                    models.UniqueConstraint(
                        fields=("site", "locale", "slug"),
                        name="unique_region_slug_per_site_and_locale",
                    ),
                ],
                "unique_together": {("translation_key", "locale")},
            },
        ),
    ]
