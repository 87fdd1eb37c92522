"""Events are filed under topics from the shared vocabulary (taxonomy) now."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import taxonomy.models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_event_pages"),
        ("taxonomy", "0001_topics_move_here"),
    ]

    # Django's record of the field only: the column and table are unchanged.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="eventpage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text='What the event is about. Optional.',
                        limit_choices_to=taxonomy.models.topics_in_default_language,
                        related_name="events",
                        to="taxonomy.topic",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
