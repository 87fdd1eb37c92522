"""Articles are filed under topics from the shared vocabulary; the news app no longer has its own.

State only, after every app's fields point at `taxonomy.Topic`: the table
now belongs to the taxonomy app (`taxonomy/migrations/0001`).
"""

import modelcluster.fields
from django.db import migrations

import taxonomy.models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_body_block_library"),
        ("taxonomy", "0001_topics_move_here"),
        ("stories", "0005_topics_from_taxonomy"),
        ("events", "0002_topics_from_taxonomy"),
        ("reports", "0002_topics_from_taxonomy"),
        ("issues", "0002_topics_from_taxonomy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="articlepage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text='What the article is about.',
                        limit_choices_to=taxonomy.models.topics_in_default_language,
                        related_name="articles",
                        to="taxonomy.topic",
                    ),
                ),
                migrations.DeleteModel(name="Topic"),
            ],
            database_operations=[],
        ),
    ]
