"""Editors adding a duplicate snippet get a message in the form, never a server error."""

from django.contrib.auth import get_user_model

from wagtail.models import Locale

import pytest

from navigation.models import MainMenu
from taxonomy.models import Topic
from tests.factories import make_news_index, make_site, make_topic


@pytest.fixture
def editor_client(client, db):
    Locale.objects.get_or_create(language_code="en")
    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(admin)
    return client


def test_a_second_topic_with_the_same_name_is_refused_politely(editor_client):
    site = make_site()
    make_topic(name="ESSA", slug="essa", site=site)

    response = editor_client.post(
        "/admin/snippets/taxonomy/topic/add/?locale=en",
        {"site": site.pk, "name": "ESSA", "slug": "essa", "description": "Again."},
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert "already has a topic with this name" in " ".join(form.errors["name"])
    assert "already has a topic with this slug" in " ".join(form.errors["slug"])
    assert Topic.objects.count() == 1


def test_another_organization_may_have_a_topic_of_the_same_name(editor_client):
    make_topic(name="ESSA", slug="essa", site=make_site())
    other = make_site("kidscan.localhost", "NewMexicoKidsCAN", default=False)

    response = editor_client.post(
        "/admin/snippets/taxonomy/topic/add/?locale=en",
        {"site": other.pk, "name": "ESSA", "slug": "essa", "description": "Theirs."},
    )

    assert response.status_code == 302
    assert Topic.objects.filter(slug="essa").count() == 2


def test_a_second_menu_for_a_site_and_language_is_refused_politely(editor_client):
    site = make_site()
    MainMenu.objects.create(site=site, locale=Locale.objects.get(language_code="en"), links=[])

    response = editor_client.post(
        "/admin/snippets/navigation/mainmenu/add/?locale=en",
        {"site": site.pk, "links-count": "0"},
    )

    assert response.status_code == 200
    assert "already has a main menu in this language" in " ".join(
        response.context["form"].errors["site"]
    )
    assert MainMenu.objects.count() == 1


def test_article_editor_offers_each_topic_once(editor_client):
    """Topics translated into Spanish still appear once among an article's choices."""
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    topic = make_topic(name="Surveys", slug="surveys")
    translation = topic.copy_for_translation(spanish)
    translation.name, translation.slug = "Encuestas", "encuestas"
    translation.save()
    news = make_news_index(make_site().root_page)

    response = editor_client.get(f"/admin/pages/add/articles/articlepage/{news.pk}/")

    assert response.status_code == 200
    choices = [label for _value, label in response.context["form"].fields["topics"].choices]
    assert choices == ["Surveys"]
