"""Issue pages name a topic from the shared vocabulary (taxonomy) now."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import taxonomy.models


class Migration(migrations.Migration):
    dependencies = [
        ("issues", "0001_issue_pages"),
        ("taxonomy", "0001_topics_move_here"),
    ]

    # Django's record of the field only: the column and table are unchanged.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="issuepage",
                    name="topic",
                    field=models.ForeignKey(
                        help_text=(
                            "Articles, reports, events and stories filed under this topic are "
                            "gathered on this page."
                        ),
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="taxonomy.topic",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
