"""Each person belongs to one site: the organization whose pages name them.

Existing people go to the site whose pages name them, or to the default site
when none do; someone named on several sites is copied for each
(editorial/site_assignment.py), so no page loses an author or a subject.
"""

import django.db.models.deletion
from django.db import migrations, models

from editorial.site_assignment import give_each_row_a_site


def give_each_person_a_site(apps, schema_editor):
    give_each_row_a_site(apps, "people", "Person")


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        # The pages and inline rows that name people, as they are now.
        ("articles", "0007_topics_move_to_taxonomy"),
        ("stories", "0005_topics_from_taxonomy"),
        ("reports", "0002_topics_from_taxonomy"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.site",
            ),
        ),
        migrations.RunPython(give_each_person_a_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="person",
            name="site",
            field=models.ForeignKey(
                help_text="The organization whose pages name this person. Translations keep it.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.site",
            ),
        ),
    ]
