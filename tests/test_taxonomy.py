"""The shared vocabulary: one list of the page types filed under topics; topics moved intact.

Topics moved from the news app to `taxonomy`, keeping their table; the
content type moved with them, so the permissions and history that point at
it still find the model.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from wagtail.models import get_page_models

import pytest

from articles.models import ArticlePage
from campaigns.models import ActionPage
from events.models import EventPage
from legislation.models import BillPage
from reports.models import ReportPage
from stories.models import StoryPage
from taxonomy.models import FiledUnderTopics, Topic, filed_page_types

MIGRATION = import_module("taxonomy.migrations.0001_topics_move_here")


def test_every_page_type_with_topics_joins_the_vocabulary_in_the_issue_pages_order():
    with_topics = {
        model
        for model in get_page_models()
        if any(
            field.many_to_many and field.related_model is Topic
            for field in model._meta.get_fields()
        )
    }

    assert with_topics == {
        model for model in get_page_models() if issubclass(model, FiledUnderTopics)
    }
    # What a reader can do comes first on an issue page, then the news, then the bills.
    assert filed_page_types() == [
        ActionPage,
        ArticlePage,
        BillPage,
        ReportPage,
        EventPage,
        StoryPage,
    ]
    assert [str(model.topic_section) for model in filed_page_types()] == [
        "Take action",
        "Articles",
        "Bills",
        "Reports",
        "Events",
        "Stories",
    ]


def test_topics_keep_their_table():
    assert Topic._meta.db_table == "articles_topic"


@pytest.mark.django_db
def test_the_migration_moves_the_content_type_with_its_permissions():
    moved = ContentType.objects.get_for_model(Topic)
    permissions = set(Permission.objects.filter(content_type=moved))
    MIGRATION.move_it_back(apps, connection.schema_editor())
    assert ContentType.objects.get(pk=moved.pk).app_label == "articles"

    MIGRATION.move_the_content_type(apps, connection.schema_editor())

    assert ContentType.objects.get(pk=moved.pk).app_label == "taxonomy"
    assert set(Permission.objects.filter(content_type=moved)) == permissions
