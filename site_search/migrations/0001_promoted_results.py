"""Promoted search results become each site's own, copied from Wagtail's list (former_promotions.py)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from site_search.former_promotions import copy_wagtails_promotions


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PromotedResult',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('query', models.CharField(help_text="What visitors type, e.g. 'school budget'. Case and punctuation do not matter.", max_length=200)),
                ('description', models.TextField(blank=True, help_text="Shown under the title instead of an excerpt, in the page's language. Optional.", max_length=300)),
                ('sort_order', models.PositiveSmallIntegerField(default=0, help_text='Several results for one search are shown lowest number first.')),
                ('page', models.ForeignKey(help_text="One of this site's pages. Spanish readers get its Spanish version.", on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                ('site', models.ForeignKey(help_text='The organization whose search shows it.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'promoted search result',
                'ordering': ['query', 'sort_order', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('site', 'query', 'page'), name='one_promotion_of_a_page_per_search')],
            },
        ),
        migrations.RunPython(copy_wagtails_promotions, migrations.RunPython.noop),
    ]
