"""Each topic belongs to one site, named per site: two organizations may each have an "ESSA".

Existing topics go to the site whose pages are filed under them, or to the
default site when none are; a topic several sites use is copied for each
(editorial/site_assignment.py), so no page loses a topic.
"""

import django.db.models.deletion
from django.db import migrations, models

from editorial.site_assignment import give_each_row_a_site


def give_each_topic_a_site(apps, schema_editor):
    give_each_row_a_site(apps, "taxonomy", "Topic")


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_topics_move_here"),
        ("wagtailcore", "0098_apitoken"),
        # Every page type filed under topics points at taxonomy.Topic by now.
        ("articles", "0007_topics_move_to_taxonomy"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="topic", name="unique_topic_name_per_locale"),
        migrations.RemoveConstraint(model_name="topic", name="unique_topic_slug_per_locale"),
        migrations.AddField(
            model_name="topic",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.site",
            ),
        ),
        migrations.RunPython(give_each_topic_a_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="topic",
            name="site",
            field=models.ForeignKey(
                help_text="The organization whose pages are filed under it. Translations keep it.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.site",
            ),
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("site", "locale", "name"), name="unique_topic_name_per_site_and_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("site", "locale", "slug"), name="unique_topic_slug_per_site_and_locale"
            ),
        ),
    ]
