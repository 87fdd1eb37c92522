"""Stories are filed under topics from the shared vocabulary (taxonomy) now."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import taxonomy.models


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0004_body_block_library"),
        ("taxonomy", "0001_topics_move_here"),
    ]

    # Django's record of the field only: the column and table are unchanged.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="storypage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text='What the story is about. Optional.',
                        limit_choices_to=taxonomy.models.topics_in_default_language,
                        related_name="stories",
                        to="taxonomy.topic",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
