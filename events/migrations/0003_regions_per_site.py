"""Filed under the site's own regions instead of a code from a fixed list.

Each row's region code ("northwest") becomes its site's region of that
slug; revisions and translation sources are rewritten too, and going back
turns each region into its code again (taxonomy/former_regions.py).
"""

import django.db.models.deletion
from django.db import migrations, models

import taxonomy.models
from taxonomy.former_regions import region_steps

forward, backward = region_steps("events", "eventpage", path_lookup="path")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_topics_from_taxonomy"),
        ("taxonomy", "0003_regions_per_site"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RenameField(model_name="eventpage", old_name="region", new_name="region_code"),
        # Blank and empty by default, so going back can add the column to existing rows.
        migrations.AlterField(
            model_name="eventpage",
            name="region_code",
            field=models.CharField(blank=True, default="", max_length=20),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="region",
            field=models.ForeignKey(
                blank=True,
                help_text='Where the event takes place, for events held in person. Optional.',
                null=True,
                limit_choices_to=taxonomy.models.in_default_language,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="taxonomy.region",
            ),
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="eventpage", name="region_code"),
    ]
