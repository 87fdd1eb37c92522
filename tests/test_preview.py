"""Editors preview their changes in the admin before publishing."""

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from pages.blocks import RICH_TEXT_FEATURES
from tests.factories import make_article, make_news_index, make_site

pytestmark = pytest.mark.django_db


def test_editor_previews_unsaved_changes_to_an_article(client, django_user_model):
    """Preview shows the edited title and text in the site's layout; the live page is unchanged."""
    site = make_site(name="Learning Alliance")
    article = make_article(make_news_index(site.root_page), title="Forums announced")
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Forums announced: new dates",
            "slug": article.slug,
            "publication_date": "2024-05-01",
            "summary": "Two more forums this spring.",
            "image": "",
            "body": streamfield(
                [
                    (
                        "paragraph",
                        rich_text("<p>Gallup comes first.</p>", features=RICH_TEXT_FEATURES),
                    )
                ]
            ),
        }
    )
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])

    posted = client.post(preview_url, data)
    assert posted.status_code == 200
    assert posted.json()["is_valid"] is True

    preview = client.get(preview_url).content.decode()
    assert "Forums announced: new dates" in preview
    assert "Gallup comes first." in preview
    assert "Learning Alliance" in preview
    assert "Forums announced: new dates" not in client.get(article.url).content.decode()
