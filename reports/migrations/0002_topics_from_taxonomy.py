"""Reports are filed under topics from the shared vocabulary (taxonomy) now."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import taxonomy.models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_reports_and_report_pages"),
        ("taxonomy", "0001_topics_move_here"),
    ]

    # Django's record of the field only: the column and table are unchanged.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="reportpage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text='What the report is about; articles on the same topics are shown beside it.',
                        limit_choices_to=taxonomy.models.topics_in_default_language,
                        related_name="reports",
                        to="taxonomy.topic",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
