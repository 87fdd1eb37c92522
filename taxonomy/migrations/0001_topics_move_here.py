"""Topics move from the news app to the shared vocabulary, without touching their rows.

Only Django's idea of where the model lives changes: the table keeps its
name (`articles_topic`), so every topic, every page filed under one and its
translations stay exactly as they were. The content type moves with the
model, so permissions, history, translations and the search index that
point at it follow.
"""

import uuid

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


def move_the_content_type(apps, schema_editor, source="articles", target="taxonomy"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    # A content type already made for the target (by a `migrate` run after
    # going backwards) is left alone, and so is the original: deleting either
    # would take the rows that point at it (history, search entries) with it.
    if ContentType.objects.filter(app_label=target, model="topic").exists():
        return
    ContentType.objects.filter(app_label=source, model="topic").update(app_label=target)


def move_it_back(apps, schema_editor):
    move_the_content_type(apps, schema_editor, source="taxonomy", target="articles")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0006_body_block_library"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Topic',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(help_text="e.g. 'ESSA'.", max_length=80)),
                        ('slug', models.SlugField(help_text='Used in addresses: lower case, hyphens, no spaces.', max_length=80)),
                        ('description', models.TextField(blank=True, help_text='What this topic covers, in a sentence or two.', max_length=500)),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'db_table': 'articles_topic',
                        'ordering': ['name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'name'), name='unique_topic_name_per_locale'), models.UniqueConstraint(fields=('locale', 'slug'), name='unique_topic_slug_per_locale')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_the_content_type, move_it_back),
    ]
